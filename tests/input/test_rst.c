/* test_rst.c: reStructuredText (stages/input/rst.c) read as what docutils
 * and Sphinx show: titles, lists, code, tables, callouts and inline text,
 * never the markup; every line of the model and every diagnostic on the
 * .rst file's own line; hostile documents refused or read, never a crash. */
#include "input_test.h"
#include "input_private.h"

static const char doc[] =
  "=================\n"                                        /* 1 */
  " Widget Handbook\n"                                         /* 2 */
  "=================\n"                                        /* 3 */
  "--------------------------\n"                               /* 4 */
  " Everything about widgets\n"                                /* 5 */
  "--------------------------\n"                               /* 6 */
  "\n"                                                         /* 7 */
  ":Author: Jane Doe\n"                                        /* 8 */
  ":Version: 1.0\n"                                            /* 9 */
  "\n"                                                         /* 10 */
  ".. |badge| image:: https://img.shields.io/badge.svg\n"      /* 11 */
  ".. |project| replace:: *Widget*\n"                          /* 12 */
  ".. _Homepage: https://widget.example.org/\n"                /* 13 */
  "\n"                                                         /* 14 */
  "|badge|\n"                                                  /* 15 */
  "\n"                                                         /* 16 */
  "Installing\n"                                               /* 17 */
  "==========\n"                                               /* 18 */
  "\n"                                                         /* 19 */
  "|project| turns **parts** into ``widgets`` quickly, see Homepage_ and\n"   /* 20 */
  "the `user guide <https://widget.example.org/guide/>`_ [1]_.\n"            /* 21 */
  "Call :func:`~widget.core.build` as :pep:`8` says, and read\n"             /* 22 */
  ":ref:`the tutorial <tutorial-start>`.\n"                                  /* 23 */
  "\n"                                                         /* 24 */
  "Install it with pip::\n"                                    /* 25 */
  "\n"                                                         /* 26 */
  "    $ pip install widget\n"                                 /* 27 */
  "\n"                                                         /* 28 */
  ".. code-block:: python\n"                                   /* 29 */
  "   :linenos:\n"                                             /* 30 */
  "\n"                                                         /* 31 */
  "   import widget\n"                                         /* 32 */
  "   widget.build()\n"                                        /* 33 */
  "\n"                                                         /* 34 */
  ".. warning:: Never build widgets as root.\n"                /* 35 */
  "\n"                                                         /* 36 */
  ".. toctree::\n"                                             /* 37 */
  "   :maxdepth: 2\n"                                          /* 38 */
  "\n"                                                         /* 39 */
  "   usage\n"                                                 /* 40 */
  "\n"                                                         /* 41 */
  ".. [1] A footnote nobody reads aloud.\n"                    /* 42 */
  "\n"                                                         /* 43 */
  "Parts\n"                                                    /* 44 */
  "-----\n"                                                    /* 45 */
  "\n"                                                         /* 46 */
  "* Gears turn the axle.\n"                                   /* 47 */
  "* Springs store the energy.\n"                              /* 48 */
  "\n"                                                         /* 49 */
  "  - Coil springs last longest.\n"                           /* 50 */
  "\n"                                                         /* 51 */
  "Bolt\n"                                                     /* 52 */
  "   Holds the frame together.\n"                             /* 53 */
  "\n"                                                         /* 54 */
  "+--------+-------+\n"                                       /* 55 */
  "| Part   | Price |\n"                                       /* 56 */
  "+========+=======+\n"                                       /* 57 */
  "| Gear   | 3     |\n"                                       /* 58 */
  "+--------+-------+\n"                                       /* 59 */
  "| Spring | 2     |\n"                                       /* 60 */
  "+--------+-------+\n"                                       /* 61 */
  "\n"                                                         /* 62 */
  "..\n"                                                       /* 63 */
  "   A comment: never shown.\n"                               /* 64 */
  "\n"                                                         /* 65 */
  ">>> widget.count()\n"                                       /* 66 */
  "3\n"                                                        /* 67 */
  "\n"                                                         /* 68 */
  "----\n"                                                     /* 69 */
  "\n"                                                         /* 70 */
  "=====  =====\n"                                             /* 71 */
  "Size   Speed\n"                                             /* 72 */
  "=====  =====\n"                                             /* 73 */
  "small  fast\n"                                              /* 74 */
  "large  slow\n"                                              /* 75 */
  "=====  =====\n";                                            /* 76 */

static void constructs(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("handbook.rst", doc, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  /* the lone top section is the title, the lone one under it its subtitle */
  const cJSON *title = scene_at(m, 0, 0);
  assert_string_equal(sget(title, "scene_type"), "title");
  assert_string_equal(vcget(title, "title"), "Widget Handbook");
  assert_string_equal(vcget(title, "subtitle"), "Everything about widgets");
  /* inline text as Sphinx shows it: substitutions, references, roles */
  assert_true(said_in(m, "Widget turns parts into widgets quickly, see Homepage and the user guide.") == 1);
  assert_true(said_in(m, "Call build as PEP 8 says, and read the tutorial.") == 1);
  /* code: a literal block and a code directive in its language */
  assert_non_null(scene_with(m, "command", "pip install widget"));
  const cJSON *py = scene_with(m, "command", "import widget");
  assert_non_null(py);
  assert_string_equal(vcget(py, "language"), "python");
  const cJSON *doctest = scene_with(m, "command", ">>> widget.count()");
  assert_non_null(doctest);
  /* an admonition is a callout */
  const cJSON *warn = scene_with(m, "list", "Never build widgets as root");
  assert_non_null(warn);
  assert_string_equal(vcget(warn, "header"), "Warning");
  /* lists, nested; a definition list's term and definition */
  const cJSON *parts = scene_with(m, "list", "Gears turn the axle");
  assert_non_null(parts);
  assert_non_null(strstr(all, "Coil springs last longest"));
  const cJSON *bolt = scene_with(m, "list", "Holds the frame together");
  assert_non_null(bolt);
  assert_non_null(scene_with(m, "list", "\"title\":\"Bolt\""));
  /* grid and simple tables are tables, their first row the columns */
  const cJSON *grid = scene_with(m, "table", "Spring");
  assert_non_null(grid);
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(grid, "visual_content"), "columns"), 1)->valuestring, "Price");
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(grid, "visual_content"), "rows")), 2);
  const cJSON *simple = scene_with(m, "table", "large");
  assert_non_null(simple);
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(simple, "visual_content"), "rows")), 2);
  /* never the markup, the metadata, the footnotes, the comments */
  static const char *const never[] = { "::", ".. ", ":func:", ":pep:", ":ref:", "`", "|badge|", "|project|",
    "Jane Doe", "Version", "maxdepth", "usage", "footnote", "[1]", "comment", "tutorial-start", "linenos",
    "+---", "===", "----", "**", "\\", "shields.io", "[!" };
  for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
    if (strstr(all, never[i])) print_message("'%s' in %s\n", never[i], all);
    assert_null(strstr(all, never[i]));
  }
  free(all);
  cJSON_Delete(m);
}

/* Every scene's line is the .rst file's, whatever the translation added or
 * left out before it; so is a diagnostic's. */
static void lines(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("lines.rst", doc, &o, &d);
  vgi_diags_free(&d);
  assert_int_equal(line_of(scene_with(m, "command", "import widget")), 29);
  assert_int_equal(line_of(scene_with(m, "list", "Never build widgets as root")), 35);
  assert_int_equal(line_of(scene_with(m, "list", "Gears turn the axle")), 47);
  assert_int_equal(line_of(scene_with(m, "table", "Spring")), 56);
  assert_int_equal(line_of(scene_with(m, "table", "large")), 72);
  cJSON_Delete(m);
  /* a picture that is not there: a warning at its directive's line */
  static const char pic[] = "Pictures\n========\n\nSome text about the picture.\n\n"
                            ".. code-block:: c\n   :caption: x\n\n   int x;\n\n"
                            ".. image:: missing.png\n   :alt: a missing picture\n\nMore text after it.\n";
  m = load_text("pic.rst", pic, &o, &d);
  int found = 0;
  for (size_t i = 0; i < d.n; i++)
    if (strstr(d.v[i].message, "missing.png")) { assert_int_equal(d.v[i].line, 11); found = 1; }
  if (!found) dump_diags(&d);
  assert_true(found);
  vgi_diags_free(&d);
  /* code: its line the directive's, its options none of it */
  assert_int_equal(line_of(scene_with(m, "command", "int x;")), 6);
  cJSON_Delete(m);
}

/* Directives as Sphinx shows them: lists and CSV as tables, containers as
 * their body, unknown ones as their body only when it is prose. */
static void directives(void **state) {
  (void)state;
  static const char text[] =
    "Tables\n======\n\n"
    ".. list-table:: Sizes\n   :header-rows: 1\n\n   * - Name\n     - Size\n   * - small\n     - 1\n   * - large\n     - 9\n\n"
    ".. csv-table::\n   :header: \"Fruit\", \"Colour\"\n\n   \"Apple\", \"red\"\n   Banana, yellow\n\n"
    ".. only:: html\n\n   Shown in every build of these pages.\n\n"
    ".. mystery-widget::\n\n   {\"x\": 1}\n\n"
    ".. seealso:: The companion guide explains the gears.\n\n"
    ".. tip ::\n\n   Oil the gears every spring.\n\n"
    ".. raw:: html\n\n   <b>raw html</b>\n\n"
    ".. admonition:: Good to know\n\n   Widgets are recyclable.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("directives.rst", text, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  const cJSON *lt = scene_with(m, "table", "large");
  assert_non_null(lt);
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(lt, "visual_content"), "columns"), 0)->valuestring, "Name");
  const cJSON *csv = scene_with(m, "table", "Banana");
  assert_non_null(csv);
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(csv, "visual_content"), "columns"), 1)->valuestring, "Colour");
  assert_true(said_in(m, "Shown in every build of these pages") >= 1);
  assert_non_null(scene_with(m, "list", "Widgets are recyclable"));
  /* a titled admonition is named by its title, said once: no "Note: Good to know:" */
  const cJSON *gk = scene_with(m, "list", "Widgets are recyclable");
  assert_non_null(strstr(sget(gk, "narration"), "Good to know: Widgets are recyclable."));
  assert_null(strstr(sget(gk, "narration"), "Note:"));
  assert_non_null(scene_with(m, "list", "The companion guide explains the gears"));
  assert_non_null(scene_with(m, "list", "Oil the gears every spring"));   /* ".. tip ::" is a directive too */
  assert_null(strstr(all, "\"x\""));
  assert_null(strstr(all, "raw html"));
  assert_null(strstr(all, "header-rows"));
  free(all);
  cJSON_Delete(m);
}

/* rst: names the type of a file without the extension */
static void prefix_format(void **state) {
  (void)state;
  const char *path = write_tmp("README", "Notes\n=====\n\nThe *notes* say ``hello``.\n");
  vgi_options o = { .format = "rst", .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load(path, &o, &d);
  unlink(path);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  assert_string_equal(vcget(scene_at(m, 0, 0), "title"), "Notes");
  assert_true(said_in(m, "The notes say hello.") == 1);
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

/* Hostile documents: deep nesting is refused at its line; thousands of
 * directives, unterminated markup and tables, CRLF and tabs are read. */
static void hostile(void **state) {
  (void)state;
  char path[256];
  snprintf(path, sizeof path, "/tmp/vgi_%d_hostile.rst", (int)getpid());
  /* 300 nested quotes */
  FILE *f = fopen(path, "wb");
  fputs("Deep\n====\n\n", f);
  for (int i = 0; i < 300; i++) { for (int k = 0; k < i; k++) fputc(' ', f); fputs("text\n\n", f); }
  fclose(f);
  vgi_diags d = {0};
  cJSON *m = vgi_load(path, NULL, &d);
  assert_null(m);
  assert_true(has_message(&d, "nested more than"));
  vgi_diags_free(&d);
  /* 100,000 directives, unterminated markup, a table never closed */
  f = fopen(path, "wb");
  fputs("Many\r\n====\r\n\r\n*never closed ``nor this `nor that |nor this\r\n\r\n", f);
  put_rep(f, ".. toctree::\n\n   a\n\n.. unknown::\n\n\t{body: 1}\n\n..\n   comment\n\n", 35000);
  fputs("=====  =====\na      b\n\n+----+----+\n| a  | b\n", f);
  put_rep(f, "[", 200000);
  put_rep(f, "*a ", 100000);
  fputs("\n", f);
  fclose(f);
  memset(&d, 0, sizeof d);
  m = vgi_load(path, NULL, &d);
  assert_non_null(m);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  unlink(path);
}

/* A bullet whose item is a term with its classifier and its definition
 * under it ("* iterable  : iterable, optional", as a numpydoc list of
 * parameters is written in a README) is that term's item: shown as the
 * term, without stray markup, and said with its definition. */
static void bullet_of_a_term(void **state) {
  (void)state;
  const char *t = "Counter\n=======\n\nCounter counts things.\n\nParameters\n----------\n\n"
                  "* iterable  : iterable, optional  \n    Iterable to count the items of.\n"
                  "* desc  : str, optional  \n    Prefix for the count.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("terms.rst", t, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = cJSON_PrintUnformatted(m);
  if (strstr(all, "**") || strstr(all, "\"title\":\"\"") || !strstr(all, "\"iterable\"") ||
      !strstr(all, "Iterable to count the items of"))
    print_message("got: %s\n", all), fail();
  free(all);
  cJSON_Delete(m);
}

/* the Markdown a .rst document stands for */
static char *rst_md(const char *text, int detail) {
  vgi_options o = { .detail = detail };
  vgi_diags d = {0};
  int *map = NULL, nmap = 0;
  size_t mlen = 0;
  char *md = vgi_rst_markdown(text, strlen(text), "tool.rst", &o, &d, &map, &nmap, &mlen);
  assert_non_null(md);
  free(map);
  vgi_diags_free(&d);
  return md;
}

/* Sphinx's option directives ("option:: -C <cfg>, --build-config <cfg>",
 * ctest(1) and every Sphinx manual page) are the items of one list of
 * options, as an option list is: in a summary the first eight, each with
 * its first sentence, then "N more options"; with every sentence each
 * with its whole body. Before, each option's signature was a bold line
 * alone, a sub-heading, and ctest(1) had 110 scenes, one an option. */
static void option_directives(void **state) {
  (void)state;
  vgi_buf t = {0};
  vgi_buf_puts(&t, "Tool\n====\n\nRun Tests\n---------\n\n.. program:: tool\n\n"
                   ".. option:: -C <cfg>, --build-config <cfg>\n\n Choose the configuration. It may be any.\n\n"
                   " Some trees have several.\n\n");
  vgi_buf_puts(&t, ".. option:: --fresh\n\n .. versionadded:: 3.24\n\n Start afresh.\n\n");
  for (int k = 1; k <= 9; k++)
    vgi_buf_printf(&t, ".. option:: --flag-%d\n\n Turn on feature %d. More about it.\n\n", k, k);
  vgi_buf_puts(&t, "Exit Status\n-----------\n\nZero on success.\n");
  char *md = rst_md(t.s, VGI_DETAIL_SUMMARY);
  assert_non_null(strstr(md, "+ **`-C <cfg>`, `--build-config <cfg>`**: Choose the configuration.\n"));
  assert_non_null(strstr(md, "+ **`--flag-6`**: Turn on feature 6.\n"));
  assert_non_null(strstr(md, "+ **`--fresh`**: Start afresh.\n"));
  assert_non_null(strstr(md, "+ 3 more options\n"));
  assert_true(strstr(md, "+ 3 more options") < strstr(md, "## Exit Status"));
  static const char *const never[] = { "\n**`", "--flag-7", "Some trees", "More about it", "versionadded", NULL };
  for (int k = 0; never[k]; k++)
    if (strstr(md, never[k])) print_message("%s in: %s\n", never[k], md), fail();
  free(md);
  md = rst_md(t.s, VGI_DETAIL_FULL);
  assert_non_null(strstr(md, "+ **`--flag-9`**:"));
  assert_non_null(strstr(md, "Some trees have several."));
  assert_null(strstr(md, "more options"));
  assert_null(strstr(md, "\n**`"));
  free(md);
  vgi_buf_free(&t);
}

/* A summary says what a thing is, not its history: a version note
 * (".. versionadded:: 2.3" and what it holds) is neither shown nor said,
 * and was the welcome's sentence; --detail full keeps it. The options a
 * summary folds are counted in the document's language ("4 weitere
 * Optionen" in a German page, never "4 more options"). */
static void version_notes_and_folded_options(void **state) {
  (void)state;
  const char *doc = "Frobnicator\n===========\n\n.. versionadded:: 2.3\n   The frobnicator reads compressed input.\n\n"
                    "The frobnicator turns widgets into gadgets quickly.\n\nOptions\n-------\n\n"
                    ".. versionchanged:: 3.0 Defaults changed.\n\nThe tool takes these options.\n";
  char *md = rst_md(doc, VGI_DETAIL_SUMMARY);
  if (strstr(md, "version")) print_message("version note in: %s\n", md);
  assert_null(strstr(md, "version"));
  assert_null(strstr(md, "compressed input"));
  assert_non_null(strstr(md, "The frobnicator turns widgets into gadgets quickly."));
  free(md);
  md = rst_md(doc, VGI_DETAIL_FULL);
  assert_non_null(strstr(md, "New in version 2.3"));
  assert_non_null(strstr(md, "compressed input"));
  free(md);
  vgi_buf t = {0};
  vgi_buf_puts(&t, "Werkzeug\n========\n\nDas Werkzeug wandelt Dateien in Bilder um und ist sehr schnell. Es wird mit "
                   "der Kommandozeile bedient und ist für alle Systeme verfügbar.\n\nOptionen\n--------\n\n"
                   "Die folgenden Optionen werden von dem Programm unterstützt:\n\n");
  for (int k = 0; k < 12; k++)
    vgi_buf_printf(&t, ".. option:: --opt%d\n\n   Die Option Nummer %d schaltet eine Funktion ein und ist nützlich.\n\n", k, k);
  md = rst_md(t.s, VGI_DETAIL_SUMMARY);
  if (!strstr(md, "+ 4 weitere Optionen\n")) print_message("no German fold in: %s\n", md);
  assert_non_null(strstr(md, "+ 4 weitere Optionen\n"));
  assert_null(strstr(md, "more options"));
  free(md);
  vgi_buf_free(&t);
}

/* A document its name does not type (a .txt, a README) that writes reST's
 * explicit markup is read as reST: python3-dbus's README, read as plain
 * text, was titled by its rule of "=" and said "dot dot". Plain text with
 * a ".." line of its own stays plain text. */
static void rst_found_by_its_markup(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d = {0};
  cJSON *m = load_text("notes.txt", "=======================================\n"
                       "dbus-python_: Python bindings for D-Bus\n=======================================\n\n"
                       ".. _dbus-python: http://www.freedesktop.org/wiki/Software/DBusBindings#python\n\n"
                       "dbus-python is the original Python binding for ``dbus``, the reference\n"
                       "implementation of the D-Bus protocol.\n", &o, &d);
  vgi_diags_free(&d);
  char *j = cJSON_PrintUnformatted(m);
  if (!strstr(j, "\"title\":\"dbus-python: Python bindings for D-Bus\"")) print_message("%s\n", j);
  assert_non_null(strstr(j, "\"title\":\"dbus-python: Python bindings for D-Bus\""));
  assert_null(strstr(j, "dot dot"));
  assert_null(strstr(j, "====="));
  free(j);
  cJSON_Delete(m);
  /* ".. and then it stopped." is an ellipsis, not markup */
  m = load_text("story.txt", "The Story\n=========\n\nIt went on.\n\n.. and then it stopped, ``quietly``.\n", &o, &d);
  vgi_diags_free(&d);
  j = cJSON_PrintUnformatted(m);
  assert_non_null(strstr(j, "then it stopped"));
  free(j);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(constructs),
    cmocka_unit_test(lines),
    cmocka_unit_test(directives),
    cmocka_unit_test(prefix_format),
    cmocka_unit_test(hostile),
    cmocka_unit_test(bullet_of_a_term),
    cmocka_unit_test(option_directives),
    cmocka_unit_test(version_notes_and_folded_options),
    cmocka_unit_test(rst_found_by_its_markup),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
