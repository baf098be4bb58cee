/* test_tables.c: what a summary says of lists and tables (narrate.c,
 * table.c): terms with their descriptions, lists of links by their texts, a
 * table's brief rows, long cells by their first clause, and the time a list
 * or a table stays on screen to be read. */
#define _GNU_SOURCE   /* strcasestr */
#include "input_test.h"
#include "input_private.h"

#include <stdarg.h>
#include <stdio.h>

static char doc_s[16384];
static size_t doc_n;

static void doc_add(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  doc_n += (size_t)vsnprintf(doc_s + doc_n, sizeof doc_s - doc_n, fmt, ap);
  va_end(ap);
}

/* A paragraph of prose for section i: enough words that a summary has to
 * leave some out. */
static void prose(int i) {
  for (int j = 0; j < 3; j++)
    doc_add("Section %d paragraph %d explains how the service handles request number %d in detail. It checks "
            "the input, records every problem with its line, and then goes on with the next request.\n\n",
            i, j, j);
}

/* The scene of video 0 whose heading is h (NULL if none). */
static const cJSON *headed(const cJSON *m, const char *type, const char *h) {
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (!strcmp(sget(s, "scene_type"), type) && vcget(s, "header") && !strcmp(vcget(s, "header"), h)) return s;
  }
  return NULL;
}

/* Items of a term and what it is ("`core` - Library that …", "**Speed**:
 * …") are said with their descriptions, shortened to a clause; a roster of
 * handles and names is said by its handles. */
static void term_items_said_with_descriptions(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Service\n\nService runs jobs for its users.\n\n");
  for (int i = 1; i <= 3; i++) { doc_add("## Topic %d\n\n", i); prose(i); }
  doc_add("%s",
          "## What this repository holds\n\n"
          "* `core` - Library that parses the job files, described in the manual's reference chapter.\n"
          "* `cli` - Command-line front end; see its README for details.\n"
          "* `daemon` - Service that keeps track of running jobs in the user's session, and restarts them "
          "when they fail.\n"
          "* `docs` - Sources of the manual.\n\n"
          "## Strengths\n\n"
          "* **Speed**: starts a job in a few milliseconds\n"
          "* **Safety**: runs every job in its own sandbox\n\n"
          "## Maintainers\n\n"
          "* alice - Alice Smith <alice@example.org>\n"
          "* bob - Bob Jones <bob@example.org>\n"
          "* carol - Carol White <carol@example.org>\n");
  vgi_diags d;
  cJSON *m = load_text("terms.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = headed(m, "list", "What this repository holds");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  /* every term, each with what it is; the aside after the comma, the
   * pointer after the semicolon and the session's detail not said */
  assert_non_null(strcasestr(n, "core \xE2\x80\x94 library that parses the job files"));
  assert_non_null(strcasestr(n, "cli \xE2\x80\x94 command-line front end"));
  assert_non_null(strcasestr(n, "daemon \xE2\x80\x94 service that keeps track of running jobs"));
  assert_non_null(strcasestr(n, "docs \xE2\x80\x94 sources of the manual"));
  assert_null(strstr(n, "described in"));
  assert_null(strstr(n, "README"));
  s = headed(m, "list", "Strengths");
  assert_non_null(s);
  assert_non_null(strstr(sget(s, "narration"), "Speed \xE2\x80\x94 starts a job in a few milliseconds"));
  assert_non_null(strstr(sget(s, "narration"), "Safety \xE2\x80\x94 runs every job in its own sandbox"));
  /* people: their handles, not "alice — Alice Smith" */
  s = headed(m, "list", "Maintainers");
  assert_non_null(s);
  assert_non_null(strstr(sget(s, "narration"), "alice"));
  assert_null(strstr(sget(s, "narration"), "Alice Smith"));
  cJSON_Delete(m);
  /* --detail full: every description whole */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load_text("terms.md", doc_s, &full, &d);
  vgi_diags_free(&d);
  s = headed(m, "list", "What this repository holds");
  assert_non_null(s);
  assert_non_null(strcasestr(sget(s, "narration"), "daemon \xE2\x80\x94 service that keeps track of running jobs in the "
                                                   "user's session, and restarts them when they fail"));
  cJSON_Delete(m);
}

/* A list whose items are links is said by their texts, as a list sentence
 * under its heading, not by its heading alone. */
static void link_list_named(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Service\n\nService runs jobs for its users.\n\n");
  for (int i = 1; i <= 3; i++) { doc_add("## Topic %d\n\n", i); prose(i); }
  doc_add("%s",
          "## Development resources\n\n"
          "* [Code coverage report for the test suite][coverage]\n"
          "* [Container registry for CI images](https://example.org/registry)\n"
          "* [Continuous integration pipelines](https://example.org/pipelines)\n"
          "* [Development documentation](devel-docs/)\n\n"
          "[coverage]: https://example.org/coverage\n");
  vgi_diags d;
  cJSON *m = load_text("links.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = headed(m, "list", "Development resources");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  assert_non_null(strcasestr(n, "code coverage report for the test suite"));
  assert_non_null(strcasestr(n, "container registry for CI images"));
  assert_non_null(strcasestr(n, "continuous integration pipelines"));
  assert_non_null(strcasestr(n, "development documentation"));
  assert_null(strstr(n, "http"));
  cJSON_Delete(m);
}

/* A table of keys and values (plain text "Key: value" lines) is said by
 * its first pairs even when the summary is long; a key whose value is not
 * said (an address) is not said alone. */
static void key_value_table_said(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "Tool version 2.1:\n\nTool computes checksums of large files quickly.\n\n");
  for (int i = 1; i <= 4; i++) {
    doc_add("Topic %d:\n\n", i);
    prose(i);
  }
  doc_add("%s",
          "-------- Original README --------\n\n"
          "Program: GNU tool\n"
          "Author: Jane Doe\n"
          "E-mail: jane@example.org\n"
          "OS: UNIX (BSD, System V, POSIX)\n"
          "Copying: GNU GPL version 2\n"
          "Version: tool version 1.01\n\n"
          "Tool is a small program that computes checksums.  It reads files in blocks and prints one line "
          "for each of them.\n");
  vgi_diags d;
  cJSON *m = load_text("kv.txt", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = scene_with(m, "table", "Jane Doe");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  assert_non_null(strstr(n, "Program: GNU tool."));
  assert_non_null(strstr(n, "Author: Jane Doe."));
  assert_non_null(strstr(n, "OS: UNIX"));
  assert_null(strstr(n, "E-mail."));
  cJSON_Delete(m);
}

/* A summary far over its length still says a table's first rows: they are
 * what its slide shows, within the table's own budget of words. */
static void table_rows_kept_in_long_summary(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Tool\n\nTool computes checksums of large files quickly.\n\n");
  /* paragraphs of one long sentence each: the key points alone run long */
  for (int i = 1; i <= 4; i++) {
    doc_add("## Topic %d\n\n", i);
    for (int j = 0; j < 3; j++)
      doc_add("Section %d paragraph %d explains how the service handles request number %d in detail and checks "
              "the input before it records every problem with its line.\n\n", i, j, j);
  }
  doc_add("%s",
          "## Original README\n\n| Key | Value |\n| --- | --- |\n| Program | GNU tool |\n| Author | Jane Doe |\n"
          "| E-mail | jane@example.org |\n| OS | UNIX (BSD, System V, POSIX) |\n| Copying | GNU GPL version 2 |\n");
  vgi_diags d;
  cJSON *m = load_text("rows.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = headed(m, "table", "Original README");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  assert_non_null(strstr(n, "The table shows Key and Value."));
  assert_non_null(strstr(n, "Program: GNU tool."));
  assert_non_null(strstr(n, "Author: Jane Doe."));
  cJSON_Delete(m);
}

/* A long cell is said by its first clause, not left out with its row said
 * by its first cell alone ("Windows."). */
static void long_cells_said_by_clause(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s",
          "# Tool\n\nTool builds on three systems.\n\n"
          "## Supported toolchains\n\n"
          "| Operating System | Compiler Versions |\n"
          "| --- | --- |\n"
          "| Linux | GCC >= 10.1 |\n"
          "| Windows | Visual Studio 2019 or 2022 with the Windows 10 SDK on a 64-bit host |\n"
          "| macOS | Xcode >= 11 (Apple LLVM >= 11) |\n");
  vgi_diags d;
  cJSON *m = load_text("cells.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = headed(m, "table", "Supported toolchains");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  assert_non_null(strstr(n, "Windows: Visual Studio 2019 or 2022."));
  assert_null(strstr(n, "SDK"));
  assert_null(strstr(n, "Windows. "));
  cJSON_Delete(m);
}

/* A list or a table stays on screen long enough to read what it shows,
 * however little is said of it: its items' words at the reading pace, at
 * least 4 s (vgi_scene_seconds and the scene's min_duration agree). */
static void slides_held_to_be_read(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Tool\n\nTool builds on many systems.\n\n## Platforms\n\n");
  static const char *const os[] = { "Linux on x86 and ARM", "FreeBSD on x86 and ARM", "OpenBSD on x86 only",
                                    "NetBSD on x86 only", "macOS on Intel and Apple silicon",
                                    "Windows with Visual Studio", "Solaris on SPARC machines", "AIX on POWER machines" };
  for (int i = 0; i < 8; i++) doc_add("* %s\n", os[i]);
  doc_add("%s", "\n## Sizes\n\n| Name | Size |\n| --- | --- |\n");
  for (int i = 1; i <= 6; i++) doc_add("| part number %d of the kit | %d kilobytes on disk |\n", i, i * 10);
  vgi_diags d;
  cJSON *m = load_text("read.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = headed(m, "list", "Platforms");
  assert_non_null(s);
  double mn = cJSON_GetObjectItem(s, "min_duration")->valuedouble;
  /* eight items of four or five words: about a second each, and a look */
  assert_true(mn >= 8.0);
  assert_true(mn <= 13.0);
  assert_true(vgi_scene_seconds(s, "en") >= mn);
  s = headed(m, "table", "Sizes");
  assert_non_null(s);
  assert_true(cJSON_GetObjectItem(s, "min_duration")->valuedouble >= 6.0);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(term_items_said_with_descriptions),
    cmocka_unit_test(link_list_named),
    cmocka_unit_test(key_value_table_said),
    cmocka_unit_test(table_rows_kept_in_long_summary),
    cmocka_unit_test(long_cells_said_by_clause),
    cmocka_unit_test(slides_held_to_be_read),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
