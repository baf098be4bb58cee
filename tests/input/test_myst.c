/* test_myst.c: MyST, Sphinx's Markdown (stages/input/myst.c): directives
 * become the code, callouts and Markdown they stand for, whether fenced
 * with backticks or colons; targets and roles are markup, never said. */
#include "input_test.h"

static const char doc[] =
  "# Installing Widget\n\n"
  "(install-target)=\n"
  "## Install\n\n"
  "Install it with {command}`pip`, as {ref}`the guide <guide:install>` says.\n"
  "Call {func}`~widget.core.run` from {mod}`!widget`.\n\n"
  "```{code-block} python\n:caption: example\n:linenos:\nimport widget\nwidget.run()\n```\n\n"
  ":::{warning}\nNever run the installer as **root**.\n:::\n\n"
  "## Tabs\n\n"
  "::::{tab-set}\n:::{tab-item} Unix\n```console\n$ python -m pip install widget\n```\n:::\n::::\n\n"
  "## More\n\n"
  "```{toctree}\n:maxdepth: 2\nusage\napi\n```\n\n"
  "```{pip-cli}\n$ pip install --upgrade widget\n```\n\n"
  "```{admonition} Good to know\nThe cache lives in your home folder.\n```\n";

static void directives(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("myst.md", doc, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  /* code in its language, without the directive's options */
  const cJSON *py = scene_with(m, "command", "import widget");
  assert_non_null(py);
  assert_string_equal(vcget(py, "language"), "python");
  assert_null(strstr(all, ":caption:"));
  assert_null(strstr(all, ":linenos:"));
  /* commands at a prompt, in a directive of the project's own ({pip-cli}) */
  const cJSON *cli = scene_with(m, "command", "pip install --upgrade widget");
  assert_non_null(cli);
  /* a colon-fenced tab inside a tab set: its code block, read as one */
  assert_non_null(scene_with(m, "command", "python -m pip install widget"));
  /* admonitions are callouts, their title opening the text */
  const cJSON *warn = scene_with(m, "list", "Never run the installer as root");
  assert_non_null(warn);
  assert_string_equal(vcget(warn, "header"), "Warning");
  /* a titled admonition is headed by its title, its kind the callout's */
  const cJSON *note = scene_with(m, "list", "The cache lives in your home folder");
  assert_non_null(note);
  assert_string_equal(vcget(note, "header"), "Good to know");
  assert_string_equal(vcget(note, "callout"), "note");
  /* navigation, targets and roles: never shown or said */
  assert_null(strstr(all, "maxdepth"));
  assert_null(strstr(all, "usage api"));
  assert_null(strstr(all, "install-target"));
  static const char *const markup[] = { "{command}", "{ref}", "{func}", "{mod}", "{warning}", "{tab",
                                       "{toctree}", "{pip-cli}", "{admonition}", "{code-block}" };
  for (size_t i = 0; i < sizeof markup / sizeof *markup; i++) {
    if (strstr(all, markup[i])) print_message("%s in %s\n", markup[i], all);
    assert_null(strstr(all, markup[i]));
  }
  assert_null(strstr(all, "guide:install"));
  assert_null(strstr(all, "```"));
  assert_null(strstr(all, ":::"));
  assert_true(said_in(m, "as the guide says") == 1);
  assert_true(said_in(m, "Call run from widget.") == 1);
  free(all);
  cJSON_Delete(m);
}

/* A directive of the project's own that opens with a command at a prompt
 * is a console session, however many lines of output follow it (pip's
 * "Uninstall a package": one command, four lines of output, was shown as
 * a bullet and said, "$ pip uninstall …" and all). */
static void session_with_output_is_code(void **state) {
  (void)state;
  static const char session_doc[] =
    "# Getting Started\n\nPip installs packages for Python from many sources.\n\n"
    "## Uninstall a package\n\n"
    "```{pip-cli}\n$ pip uninstall sampleproject\nUninstalling sampleproject:\n   [...]\n"
    "Proceed (Y/n)? y\nSuccessfully uninstalled sampleproject\n```\n";
  vgi_diags d;
  cJSON *m = load_text("getting-started.md", session_doc, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *cli = scene_with(m, "command", "pip uninstall sampleproject");
  assert_non_null(cli);
  assert_string_equal(vcget(cli, "language"), "console");
  assert_true(said_in(m, "Successfully uninstalled") == 0);
  assert_true(said_in(m, "$ pip") == 0);
  cJSON_Delete(m);
}

/* A document without MyST reads as before: a fence of colons in a code
 * block stays code, a paragraph of colons stays text. */
static void plain_markdown_untouched(void **state) {
  (void)state;
  static const char plain_doc[] =
    "# Colons\n\n## Code\n\n```text\n:::{note}\nkept as code\n:::\n```\n\n"
    "## Text\n\nThe ratio was 3:1 (see the table).\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("colons.md", plain_doc, &o, &d);
  vgi_diags_free(&d);
  const cJSON *code = scene_with(m, "command", ":::{note}");
  assert_non_null(code);
  assert_true(said_in(m, "3:1") == 1);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(directives),
    cmocka_unit_test(plain_markdown_untouched),
    cmocka_unit_test(session_with_output_is_code),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
