/* test_tables.c: what a summary says of lists and tables (narrate.c,
 * table.c): terms with their descriptions, lists of links by their texts, a
 * table's brief rows, long cells by their first clause, and the time a list
 * or a table stays on screen to be read; how much of a wide or long table
 * is shown (markdown.c: column groups, the rows shown, the warnings). */
#define _GNU_SOURCE   /* strcasestr */
#include "input_test.h"
#include "input_private.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

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
  /* a summary leaves the roster out: who maintains it is no point of it */
  assert_null(headed(m, "list", "Maintainers"));
  cJSON_Delete(m);
  /* --detail full: every description whole */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load_text("terms.md", doc_s, &full, &d);
  vgi_diags_free(&d);
  s = headed(m, "list", "What this repository holds");
  assert_non_null(s);
  assert_non_null(strcasestr(sget(s, "narration"), "daemon \xE2\x80\x94 service that keeps track of running jobs in the "
                                                   "user's session, and restarts them when they fail"));
  /* people: their handles, not "alice — Alice Smith" */
  s = headed(m, "list", "Maintainers");
  assert_non_null(s);
  assert_non_null(strstr(sget(s, "narration"), "alice"));
  assert_null(strstr(sget(s, "narration"), "Alice Smith"));
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
/* A Japanese table whose cells are sentences (man(1)'s "太字 (bold) |
 * 表示されている通りに入力します。"): each row said with one full stop, not
 * "置換します。。", and a header of sentences said as a row, not as the
 * columns' names ("…入力します。です。"). */
static void japanese_sentence_cells_one_stop(void **state) {
  (void)state;
  cJSON *vc = cJSON_Parse(
      "{\"columns\": [\"\u592a\u5b57 (bold)\", \"\u8868\u793a\u3055\u308c\u3066\u3044\u308b\u901a\u308a\u306b"
      "\u5165\u529b\u3057\u307e\u3059\u3002\"],"
      " \"rows\": [[\"\u30a4\u30bf\u30ea\u30c3\u30af\u4f53 (italic)\", \"\u9069\u5207\u306a\u5f15\u6570\u306b"
      "\u7f6e\u63db\u3057\u307e\u3059\u3002\"]]}");
  assert_non_null(vc);
  char *n = vgi_table_narration(vc, "ja");
  print_message("%s\n", n);
  assert_null(strstr(n, "\xE3\x80\x82\xE3\x80\x82"));                 /* 。。 */
  assert_null(strstr(n, "\xE3\x80\x82\xE3\x81\xA7\xE3\x81\x99"));   /* 。です */
  assert_non_null(strstr(n, "\xE7\xBD\xAE\xE6\x8F\x9B\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x82"));   /* 置換します。 */
  assert_non_null(strstr(n, "(bold): "));
  free(n);
  cJSON_Delete(vc);
}

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

/* A column of command lines (a benchmark's "Tool | Command | Line count |
 * Time") is shown, never read: each row is said by its tool and the cells
 * after the commands, the time included. */
static void command_column_not_read(void **state) {
  (void)state;
  const char *doc = "# Bench\n\nBench compares search tools on one corpus.\n\n## Results\n\n"
                    "The tools were run on the same files:\n\n"
                    "| Tool | Command | Lines | Time |\n| --- | --- | --- | --- |\n"
                    "| finder | `fnd -n -w 'AB'` | 536 | 0.08s |\n"
                    "| seeker | `LC_ALL=C skr the` | 536 | 0.16s |\n"
                    "| looker | `lkr the` | 534 | 0.44s |\n";
  vgi_diags d;
  cJSON *m = load_text("bench.md", doc, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = scene_with(m, "table", "finder");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  if (strstr(n, "fnd") || strstr(n, "skr") || strstr(n, "lkr") || strstr(n, "LC_ALL")) print_message("%s\n", n), fail();
  assert_non_null(strstr(n, "finder: 536, 0.08s"));
  cJSON_Delete(m);
}

/* A table of build badges (status pictures and "N/A" in most cells) is no
 * table scene: it opened a README before its title, became the title
 * section's first scene, and the section's real content was left out of
 * the summary as its "later" detail. A table with a few "N/A" among its
 * text, or a picture beside text, stays. */
static void badge_table_left_out(void **state) {
  (void)state;
  const char *doc =
    "|Branch|CI system|Status|Coverage|Fuzzer coverage|\n|:--:|:--:|--:|:--:|:--:|\n"
    "|Master/3.7.x|Gitlab|[![build](https://gitlab.com/b/pipeline.svg)](https://gitlab.com/b)|"
    "[![cov](https://gitlab.com/c.svg)](https://gitlab.com/c)|[![fz](https://gitlab.com/f.svg)](https://gitlab.com/f)|\n"
    "|Master/3.7.x|Github Actions|[![build](https://github.com/b.svg)](https://github.com/a)|N/A|N/A|\n"
    "|3.6.x|Gitlab|[![build](https://gitlab.com/b2.svg)](https://gitlab.com/b2)|N/A|N/A|\n\n"
    "# GnuTLS\n\nGnuTLS implements the TLS protocol.\n\nWe require several tools to build it:\n\n"
    "* Make\n* Automake\n* Python\n\n"
    "## Platforms\n\n| Platform | Status | Notes |\n|---|---|---|\n| Linux | tested | N/A |\n"
    "| BSD | ![ok](https://x.org/ok.svg) | ports |\n| Windows | N/A | MinGW only |\n";
  vgi_diags d;
  cJSON *m = load_text("README.md", doc, NULL, &d);
  vgi_diags_free(&d);
  assert_null(scene_with(m, "table", "Gitlab"));
  const cJSON *s = scene_with(m, "list", "Automake");
  assert_non_null(s);
  assert_non_null(strstr(sget(s, "narration"), "We require several tools"));
  assert_non_null(scene_with(m, "table", "MinGW only"));
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

/* The table scenes of video 0, in order, into out; how many (at most 64). */
static int table_scenes(const cJSON *m, const cJSON **out) {
  int n = 0;
  /* (every part's: a long full reading is split into parts) */
  for (int v = 0; v < cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(m, "videos")); v++)
    for (int i = 0; i < scene_count(m, v) && n < 64; i++)
      if (!strcmp(sget(scene_at(m, v, i), "scene_type"), "table")) out[n++] = scene_at(m, v, i);
  return n;
}

static const vgi_diag *diag_with(const vgi_diags *d, const char *message) {
  for (size_t i = 0; i < d->n; i++)
    if (strstr(d->v[i].message, message)) return &d->v[i];
  return NULL;
}

static const cJSON *vc_array(const cJSON *s, const char *k) {
  return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), k);
}

/* A table of `cols` columns and `rows` rows under "# T" (its rule at line 5). */
static void wide_doc(int cols, int rows) {
  doc_n = 0;
  doc_add("%s", "# T\n\nThe data.\n\n|");
  for (int c = 0; c < cols; c++) doc_add(" col%d |", c);
  doc_add("%s", "\n|");
  for (int c = 0; c < cols; c++) doc_add("%s", "---|");
  doc_add("%s", "\n");
  for (int r = 0; r < rows; r++) {
    doc_add("|");
    for (int c = 0; c < cols; c++) doc_add(" r%dc%d |", r, c);
    doc_add("%s", "\n");
  }
}

/* A table wider than a slide holds (16 columns) is shown in groups of
 * columns, each with the first column as its key and saying which columns
 * it shows; every column is on a slide, the later groups' narration names
 * their own columns; nothing is left out, so nothing is warned. */
static void wide_table_in_column_groups(void **state) {
  (void)state;
  wide_doc(24, 3);
  vgi_diags d;
  cJSON *m = load_text("wide.md", doc_s, NULL, &d);
  assert_int_equal(d.warnings, 0);
  vgi_diags_free(&d);
  const cJSON *t[64];
  int n = table_scenes(m, t);
  assert_int_equal(n, 3);
  int seen[24] = {0};
  for (int i = 0; i < n; i++) {
    const cJSON *cols = vc_array(t[i], "columns");
    assert_true(cJSON_GetArraySize(cols) <= 12);
    assert_string_equal(cJSON_GetArrayItem(cols, 0)->valuestring, "col0");
    /* each row keeps its key and the group's cells */
    const cJSON *r0 = cJSON_GetArrayItem(vc_array(t[i], "rows"), 0);
    assert_int_equal(cJSON_GetArraySize(r0), cJSON_GetArraySize(cols));
    assert_string_equal(cJSON_GetArrayItem(r0, 0)->valuestring, "r0c0");
    for (const cJSON *c = cols->child; c; c = c->next) seen[atoi(c->valuestring + 3)]++;
  }
  for (int c = 0; c < 24; c++) assert_true(seen[c] >= 1);
  assert_string_equal(vcget(t[0], "description"), "columns 1\xE2\x80\x93" "9 of 24");
  assert_string_equal(vcget(t[2], "description"), "columns 18\xE2\x80\x93" "24 of 24");
  assert_non_null(strstr(sget(t[1], "narration"), "The table also shows col9, col10"));
  assert_null(strstr(sget(t[1], "narration"), "col0"));
  cJSON_Delete(m);
}

/* Past 64 columns the rest is left out, with a warning at the table's
 * line; the same from reStructuredText (which kept 64 silently). */
static void widest_table_warned(void **state) {
  (void)state;
  wide_doc(100, 2);
  vgi_diags d;
  cJSON *m = load_text("widest.md", doc_s, NULL, &d);
  const vgi_diag *w = diag_with(&d, "a table of 100 columns: the first 64 are shown");
  assert_non_null(w);
  assert_int_equal(w->severity, VGI_WARNING);
  assert_int_equal(w->line, 5);
  vgi_diags_free(&d);
  const cJSON *t[64];
  int n = table_scenes(m, t), cols = 0;
  for (int i = 0; i < n; i++) cols += cJSON_GetArraySize(vc_array(t[i], "columns")) - 1;
  assert_int_equal(cols + 1, 64);
  cJSON_Delete(m);
  doc_n = 0;
  doc_add("%s", "Wide\n====\n\n.. csv-table:: Data\n   :header: ");
  for (int c = 0; c < 70; c++) doc_add("%sc%d", c ? ", " : "", c);
  doc_add("%s", "\n\n   ");
  for (int c = 0; c < 70; c++) doc_add("%sv%d", c ? ", " : "", c);
  doc_add("%s", "\n");
  m = load_text("wide.rst", doc_s, NULL, &d);
  assert_true(has_message(&d, "a table of 70 columns: the first 64 are shown"));
  vgi_diags_free(&d);
  cJSON_Delete(m);
  /* 60,000 columns (480 KB): counted, and read in well under a second
   * (cmark-gfm's rows are quadratic in their cells: 11 s before) */
  static char big[600000];
  size_t bn = (size_t)snprintf(big, sizeof big, "%s", "# T\n\n");
  for (int r = 0; r < 4; r++) {
    for (int c = 0; c < 60000; c++) bn += (size_t)snprintf(big + bn, sizeof big - bn, "%s", r == 1 ? "|-" : "|a");
    bn += (size_t)snprintf(big + bn, sizeof big - bn, "%s", "|\n");
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  m = load_text("widest.md", big, NULL, &d);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  assert_true(has_message(&d, "a table of 60000 columns: the first 64 are shown"));
  assert_true((double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9 < 3.0);
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

/* A table of thousands of rows: a summary shows two slides of its first
 * rows, the slide saying how many there are, and says a few rows and how
 * many no slide shows ("And 1984 more rows" after the second, as the
 * slide's "first 16 of 2000 rows"); --detail full pages through 256 and counts the rest; a warning
 * at the table's line says what is left out. Before: 250 slides saying
 * the heading alone. */
static void long_table_bounded(void **state) {
  (void)state;
  static char big[160000];
  size_t bn = (size_t)snprintf(big, sizeof big, "%s", "# T\n\nThe data.\n\n| a | b | c |\n|---|---|---|\n");
  for (int r = 0; r < 2000; r++)
    bn += (size_t)snprintf(big + bn, sizeof big - bn, "| row %d | value %d | more %d |\n", r, r, r);
  vgi_diags d;
  cJSON *m = load_text("long.md", big, NULL, &d);
  const vgi_diag *w = diag_with(&d, "a table of 2000 rows: 16 are shown (256 with --detail full)");
  assert_non_null(w);
  assert_int_equal(w->line, 5);
  vgi_diags_free(&d);
  const cJSON *t[64];
  int n = table_scenes(m, t), shown = 0;
  assert_int_equal(n, 2);
  for (int i = 0; i < n; i++) shown += cJSON_GetArraySize(vc_array(t[i], "rows"));
  assert_int_equal(shown, 16);
  assert_string_equal(vcget(t[0], "description"), "first 16 of 2000 rows");
  assert_non_null(strstr(sget(t[0], "narration"), "row 0: value 0, more 0."));
  /* the first slide opens the table with its size; the second shows its
   * rows, and the rows no slide shows are counted after it */
  assert_non_null(strstr(sget(t[0], "narration"), "for 2000 rows."));
  assert_null(strstr(sget(t[0], "narration"), " more rows"));
  assert_non_null(strstr(sget(t[1], "narration"), "And 1984 more rows."));
  cJSON_Delete(m);
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load_text("long.md", big, &full, &d);
  assert_true(has_message(&d, "a table of 2000 rows: the first 256 are shown"));
  vgi_diags_free(&d);
  n = table_scenes(m, t), shown = 0;
  assert_int_equal(n, 32);
  for (int i = 0; i < n; i++) shown += cJSON_GetArraySize(vc_array(t[i], "rows"));
  assert_int_equal(shown, 256);
  /* every slide says rows; the last counts those not shown too */
  for (int i = 0; i < n; i++) assert_non_null(strstr(sget(t[i], "narration"), "row "));
  assert_non_null(strstr(sget(t[n - 1], "narration"), "more rows."));
  assert_true(atoi(strstr(sget(t[n - 1], "narration"), "And ") + 4) >= 1744);
  cJSON_Delete(m);
}

/* --detail full puts every row of a table of 150 (ps(1)'s 143 format
 * specifiers) on screen, its slides paging through them, and warns of
 * nothing; before, rows past 96 were counted, never shown. */
static void full_detail_shows_every_row(void **state) {
  (void)state;
  static char big[16384];
  size_t bn = (size_t)snprintf(big, sizeof big, "%s", "# T\n\nThe codes.\n\n| CODE | HEADER |\n|---|---|\n");
  for (int r = 0; r < 150; r++) bn += (size_t)snprintf(big + bn, sizeof big - bn, "| c%d | H%d |\n", r, r);
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("codes.md", big, &full, &d);
  assert_int_equal(d.warnings, 0);
  vgi_diags_free(&d);
  const cJSON *t[64];
  int n = table_scenes(m, t), shown = 0;
  for (int i = 0; i < n; i++) shown += cJSON_GetArraySize(vc_array(t[i], "rows"));
  assert_int_equal(shown, 150);
  const cJSON *last = cJSON_GetArrayItem(vc_array(t[n - 1], "rows"), cJSON_GetArraySize(vc_array(t[n - 1], "rows")) - 1);
  assert_string_equal(cJSON_GetArrayItem(last, 0)->valuestring, "c149");
  cJSON_Delete(m);
}

/* A table of a few dozen rows: a summary shows its first 16, the slide
 * says so, and nothing is warned (--detail full shows it all). */
static void summary_shows_two_pages(void **state) {
  (void)state;
  wide_doc(3, 30);
  vgi_diags d;
  cJSON *m = load_text("thirty.md", doc_s, NULL, &d);
  assert_int_equal(d.warnings, 0);
  vgi_diags_free(&d);
  const cJSON *t[64];
  int n = table_scenes(m, t);
  assert_int_equal(n, 2);
  assert_string_equal(vcget(t[0], "description"), "first 16 of 30 rows");
  cJSON_Delete(m);
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load_text("thirty.md", doc_s, &full, &d);
  assert_int_equal(d.warnings, 0);
  vgi_diags_free(&d);
  n = table_scenes(m, t);
  int shown = 0;
  for (int i = 0; i < n; i++) shown += cJSON_GetArraySize(vc_array(t[i], "rows"));
  assert_int_equal(shown, 30);
  cJSON_Delete(m);
}

/* A paged table: its first slide opens it with its size and counts
 * nothing its later slide shows (zoxide's integrations said "And 19 more
 * rows." before a slide that named them); the rows no slide shows are
 * counted after the last. */
static void paged_table_counts_rows_not_shown(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Tool\n\n## Third-party integrations\n\n| Application | Description | Plugin |\n|---|---|---|\n");
  for (int i = 0; i < 22; i++) doc_add("| app%c%c | Editor number %d | plugin-%d |\n", 'a' + i, 'a' + i, i, i);
  /* (a first column "Name" under a heading of no plural: rows, not names) */
  doc_add("%s", "\n## Sorting algorithms complexity\n\n| Name | Best | Worst |\n|---|---|---|\n");
  for (int i = 0; i < 10; i++) doc_add("| sort%c%c | n%d | n2 |\n", 'a' + i, 'a' + i, i);
  vgi_diags d;
  cJSON *m = load_text("paged.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *t[64];
  int n = table_scenes(m, t);
  assert_int_equal(n, 4);
  assert_non_null(strstr(sget(t[2], "narration"), "Name, Best, and Worst for 10 rows."));
  const char *first = sget(t[0], "narration"), *second = sget(t[1], "narration");
  assert_non_null(strstr(first, "The table shows Application, Description, and Plugin for 22 rows."));
  assert_null(strstr(first, " more "));
  /* the second slide names its rows, then counts the six no slide shows */
  assert_non_null(strstr(second, "appii"));
  assert_non_null(strstr(second, "And 6 more rows."));
  cJSON_Delete(m);
}

/* A support matrix (rows of things, columns of platforms, every cell a
 * mark) is said by what it shows, column by column, not cell by cell nor
 * counted ("And 5 more rows."); a column of one mark more often absent
 * lists what it has. A table of words is said as before. */
static void support_matrix_said_by_columns(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Tool\n\n## Platform support\n\n| Feature | Linux | macOS | Windows | BSD |\n"
                "|---|---|---|---|---|\n"
                "| Sockets | ✅ | ✅ | ✅ | yes |\n"
                "| Pipes | ✅ | ✅ | ❌ | yes |\n"
                "| Signals | ✅ | ✅ | ❌ | - |\n"
                "| Threads | ✅ | ✅ | ✅ | - |\n"
                "| Timers | ✅ | ✅ | ✅ | - |\n"
                "| Files | ✅ | ✅ | ✅ | - |\n"
                "| Paths | ✅ | ✅ | ✅ | - |\n\n"
                "## Plain\n\n| Name | Value | Other |\n|---|---|---|\n"
                "| alpha | yes | first |\n| beta | no | second |\n| gamma | yes | third |\n");
  vgi_diags d;
  cJSON *m = load_text("matrix.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *t[64];
  int n = table_scenes(m, t);
  assert_int_equal(n, 2);
  const char *s = sget(t[0], "narration");
  assert_non_null(strstr(s, "Linux and macOS support all of them."));
  assert_non_null(strstr(s, "Windows lacks Pipes and Signals."));
  assert_non_null(strstr(s, "BSD supports only Sockets and Pipes."));
  assert_null(strstr(s, "Sockets: "));
  assert_null(strstr(s, " more "));
  /* (a column of words beside one of marks: no matrix) */
  assert_non_null(strstr(sget(t[1], "narration"), "alpha: yes, first."));
  cJSON_Delete(m);
}

/* A cell whose whole first sentence is as short as a clause is said whole,
 * not cut at its clause: nodejs fs.md's "O_RDONLY: Flag indicating to open
 * a file." of "… for read-only access." */
static void short_sentence_cell_said_whole(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Files\n\n## File open constants\n\n| Constant | Description |\n|---|---|\n"
                "| `O_RDONLY` | Flag indicating to open a file for read-only access. |\n"
                "| `O_WRONLY` | Flag indicating to open a file for write-only access. |\n"
                "| `O_RDWR` | Flag indicating to open a file for read-write access. |\n");
  vgi_diags d;
  cJSON *m = load_text("open.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *t[8];
  assert_int_equal(table_scenes(m, t), 1);
  assert_non_null(strstr(sget(t[0], "narration"), "O_RDONLY: Flag indicating to open a file for read-only access."));
  cJSON_Delete(m);
}

/* The rows left unsaid are counted as what they are: the first column's
 * name as a plural (ps(1)'s obsolete sort keys: "And 22 more rows." is now
 * "And 22 more keys."), else a plural heading; a column named by an
 * abbreviation or a letter keeps "rows". */
static void rows_left_named(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Sorting\n\n## Obsolete sort keys\n\n| KEY | LONG | DESCRIPTION |\n|---|---|---|\n");
  for (int i = 0; i < 20; i++) doc_add("| k%d | long%d | sort by field %d |\n", i, i, i);
  doc_add("%s", "\n## Process state codes\n\n|  |  |\n|---|---|\n");
  for (int i = 0; i < 20; i++) doc_add("| %c | state number %d |\n", 'A' + i, i);
  doc_add("%s", "\n## Description\n\n| Oct | Dec |\n|---|---|\n");
  for (int i = 0; i < 12; i++) doc_add("| %03o | %d |\n", i, i);
  vgi_diags d;
  cJSON *m = load_text("keys.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *t[64];
  int n = table_scenes(m, t), keys = 0, codes = 0, rows = 0;
  for (int i = 0; i < n; i++) {
    const char *s = sget(t[i], "narration");
    keys += strstr(s, " more keys.") != NULL;
    codes += strstr(s, " more process state codes.") != NULL;
    /* (a table all shown: named with its size) */
    rows += strstr(s, " for 12 rows.") != NULL;
    assert_null(strstr(s, " more octs"));
  }
  assert_int_equal(keys, 1);
  assert_int_equal(codes, 1);
  assert_int_equal(rows, 1);
  cJSON_Delete(m);
}

/* A table on one slide counts none of the rows it shows: those it does
 * not read are named where they have short names ("delta, epsilon, zeta,
 * and eta."), else left to be read ("And 4 more rows." over a slide that
 * showed them); only rows no slide shows are counted. */
static void one_slide_counts_no_shown_row(void **state) {
  (void)state;
  static const char *const greek[] = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta" };
  doc_n = 0;
  doc_add("%s", "# Tool\n\n## Letters\n\n| Name | Meaning |\n|---|---|\n");
  for (int i = 0; i < 7; i++) doc_add("| %s | letter number %d |\n", greek[i], i + 1);
  doc_add("%s", "\n## Sizes\n\n| Block | Bytes | Pages |\n|---|---|---|\n");
  for (int i = 0; i < 7; i++) doc_add("| %d | %d | %d |\n", i + 1, 512 * (i + 1), 8 * (i + 1));
  vgi_diags d;
  cJSON *m = load_text("shown.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *t[8];
  assert_int_equal(table_scenes(m, t), 2);
  const char *letters = sget(t[0], "narration"), *sizes = sget(t[1], "narration");
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(t[0], "visual_content"), "rows")), 7);
  if (!strstr(letters, "alpha: letter number 1.") || !strstr(letters, "delta, epsilon, zeta, and eta.") ||
      strstr(letters, " more "))
    fail_msg("%s", letters);
  if (!strstr(sizes, "1: 512, 8.") || strstr(sizes, " more ")) fail_msg("%s", sizes);
  cJSON_Delete(m);
  /* (rows whose names repeat, a category's, are not named by it) */
  doc_n = 0;
  doc_add("%s", "# Tool\n\n## Tools\n\n| Type | Tool | Tier |\n|---|---|---|\n");
  for (int i = 0; i < 7; i++) doc_add("| %s | tool number %d | %d |\n", i < 5 ? "Profiling" : "Debugger", i, i % 3);
  m = load_text("kinds.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(table_scenes(m, t), 1);
  if (strstr(sget(t[0], "narration"), "Profiling, Profiling")) fail_msg("%s", sget(t[0], "narration"));
  cJSON_Delete(m);
}

/* A caption names its table: a paragraph "Table 1: …" right before it,
 * or an HTML <caption>, is shown over the table (the slide's description)
 * and said without its label; before, the first was said as "Table 1: …"
 * and never shown, the second dropped. */
static void caption_shown_and_said(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Tool\n\n## Platforms\n\nTable 1: Supported platforms and their minimum versions.\n\n"
                "| Platform | Minimum |\n|---|---|\n| Linux | 4.19 |\n| macOS | 12 |\n\n"
                "## Limits\n\n<table>\n<caption>Default limits of the server</caption>\n"
                "<tr><th>Limit</th><th>Value</th></tr>\n<tr><td>connections</td><td>1024</td></tr>\n"
                "<tr><td>timeout</td><td>30 s</td></tr>\n</table>\n");
  vgi_diags d;
  cJSON *m = load_text("captions.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *t[8];
  assert_int_equal(table_scenes(m, t), 2);
  const cJSON *vc0 = cJSON_GetObjectItem(t[0], "visual_content"), *vc1 = cJSON_GetObjectItem(t[1], "visual_content");
  assert_string_equal(sget(vc0, "description"), "Table 1: Supported platforms and their minimum versions.");
  const char *s0 = sget(t[0], "narration");
  static const char said0[] = "Supported platforms and their minimum versions. ", said1[] = "Default limits of the server. ";
  if (strncmp(s0, said0, strlen(said0)) || strstr(s0, "Table 1")) fail_msg("%s", s0);
  assert_string_equal(sget(vc1, "description"), "Default limits of the server");
  const char *s1 = sget(t[1], "narration");
  if (strncmp(s1, said1, strlen(said1))) fail_msg("%s", s1);
  cJSON_Delete(m);
}

/* The noun that counts the rows left unsaid is looked up, never made from
 * the spelling: "Status" and "Class" count statuses and classes; a name
 * that is no noun of the table ("Analysis", "Data", "Nr.", "Key/Value",
 * "Required") counts rows (before: "analysises", "datas", "requireds").
 * A German table counts its "Optionen" in German, its "Datum" as rows. */
static void rows_named_by_known_nouns(void **state) {
  (void)state;
  static const char *const names[] = { "Status", "Class", "Analysis", "Data", "Nr.", "Key/Value", "Required" };
  static const char *const said[] = { " more statuses.", " more classes.", " more rows.", " more rows.",
                                      " more rows.", " more rows.", " more rows." };
  doc_n = 0;
  doc_add("%s", "# Tables\n\n");
  for (int k = 0; k < 7; k++) {
    doc_add("## Part %d\n\n| %s | Meaning |\n|---|---|\n", k, names[k]);
    for (int i = 0; i < 20; i++) doc_add("| v%d | meaning %d |\n", i, i);
    doc_add("%s", "\n");
  }
  vgi_diags d;
  cJSON *m = load_text("nouns.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *t[64];
  /* (20 rows: 16 shown on two slides, the last counts the 4 no slide shows) */
  assert_int_equal(table_scenes(m, t), 14);
  for (int k = 0; k < 7; k++) {
    const char *s = sget(t[2 * k + 1], "narration");
    if (!strstr(s, said[k])) fail_msg("%s: %s", names[k], s);
  }
  cJSON_Delete(m);
  doc_n = 0;
  doc_add("%s", "---\nlang: de\n---\n# Tabellen\n\n## Optionen\n\n| Option | Bedeutung |\n|---|---|\n");
  for (int i = 0; i < 20; i++) doc_add("| -%c | schaltet Nummer %d ein |\n", 'a' + i, i);
  doc_add("%s", "\n## Termine\n\n| Datum | Ereignis |\n|---|---|\n");
  for (int i = 0; i < 20; i++) doc_add("| %d. Mai | Treffen Nummer %d |\n", i + 1, i);
  m = load_text("optionen.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(table_scenes(m, t), 4);
  assert_non_null(strstr(sget(t[1], "narration"), " weitere Optionen."));
  assert_non_null(strstr(sget(t[3], "narration"), " weitere Zeilen."));
  assert_null(strstr(sget(t[3], "narration"), "Datums"));
  cJSON_Delete(m);
}

/* A row wider than the three cells said is said by its key and its
 * columns of words before its columns of numbers: ascii(7)'s "Oct | Dec |
 * Hex | Char" was "000: 0, 00", its character never said. */
static void word_columns_said_first(void **state) {
  (void)state;
  static const char *const names[] = { "null character", "start of heading", "start of text" };
  doc_n = 0;
  doc_add("%s", "# ASCII\n\n## Characters\n\n| Oct | Dec | Hex | Char |\n|---|---|---|---|\n");
  for (int i = 0; i < 3; i++) doc_add("| %03o | %d | %02X | %s |\n", i, i, i, names[i]);
  vgi_diags d;
  cJSON *m = load_text("ascii.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *t[8];
  assert_int_equal(table_scenes(m, t), 1);
  const char *s = sget(t[0], "narration");
  assert_non_null(strstr(s, "000: 0, null character."));
  assert_non_null(strstr(s, "start of heading"));
  cJSON_Delete(m);
}

/* A translated man page's options ("-A   Использовать ASCII-символы …")
 * are no table under a header of capitals: their small letters are
 * Cyrillic. Before, the first such option was every part's header row,
 * shown again (highlighted as a header) on each continuation slide. */
static void translated_options_no_capitals_header(void **state) {
  (void)state;
  static const char page[] =
    "PSTREE(1)              \xD0\x9A\xD0\xBE\xD0\xBC\xD0\xB0\xD0\xBD\xD0\xB4\xD1\x8B               PSTREE(1)\n\n"
    "\xD0\x98\xD0\x9C\xD0\xAF\n"
    "       pstree - \xD0\xB4\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB2\xD0\xBE\n\n"
    "\xD0\x9F\xD0\x90\xD0\xA0\xD0\x90\xD0\x9C\xD0\x95\xD0\xA2\xD0\xA0\xD0\xAB\n"
    "       -A     \xD0\x98\xD1\x81\xD0\xBF\xD0\xBE\xD0\xBB\xD1\x8C\xD0\xB7\xD0\xBE\xD0\xB2\xD0\xB0\xD1\x82\xD1\x8C"
    " ASCII-\xD1\x81\xD0\xB8\xD0\xBC\xD0\xB2\xD0\xBE\xD0\xBB\xD1\x8B.\n\n"
    "       -C     \xD0\xA0\xD0\xB0\xD1\x81\xD0\xBA\xD1\x80\xD0\xB0\xD1\x88\xD0\xB8\xD0\xB2\xD0\xB0\xD1\x82\xD1\x8C"
    " \xD0\xB8\xD0\xBC\xD0\xB5\xD0\xBD\xD0\xB0.\n\n"
    "       -G     \xD0\x9B\xD0\xB8\xD0\xBD\xD0\xB8\xD0\xB8 VT100.\n\n"
    "       -H     \xD0\x9F\xD0\xBE\xD0\xB4\xD1\x81\xD0\xB2\xD0\xB5\xD1\x82\xD0\xB8\xD1\x82\xD1\x8C"
    " \xD0\xBF\xD1\x80\xD0\xBE\xD1\x86\xD0\xB5\xD1\x81\xD1\x81.\n\n"
    "       -N     \xD0\x94\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB2\xD1\x8C\xD1\x8F"
    " \xD0\xBE\xD0\xB1\xD0\xBB\xD0\xB0\xD1\x81\xD1\x82\xD0\xB5\xD0\xB9.\n\n"
    "psmisc 23.6                       2022                          PSTREE(1)\n";
  vgi_diags d;
  cJSON *m = load_text("pstree.ru.txt", page, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  const cJSON *t[64];
  int n = table_scenes(m, t);
  for (int k = 0; k < n; k++) {
    const cJSON *cols = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(t[k], "visual_content"),
                                                         "columns");
    char *c = cJSON_PrintUnformatted(cols);
    if (strstr(c, "-A")) fail_msg("an option as the header row: %s", c);
    free(c);
  }
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_non_null(strstr(all, "-N"));   /* every option is still shown */
  free(all);
  cJSON_Delete(m);
}

/* A table of numbers after prose that ends with a colon (cogs(5): "The
 * diameters in millimetres:" over a table of pitch diameters) names its
 * columns: said as "12: 6, 9.6." its numbers said nothing. The prose ends
 * with a stop. In a man page's tbl table and in a Markdown pipe table. */
static void number_rows_named_after_colon(void **state) {
  (void)state;
  static const char *const docs[][2] = {
    { "cogs.5", ".TH COGS 5 \"March 2026\" \"cogs 1.0\" \"File Formats\"\n.SH NAME\ncogs \\- pitch diameters\n"
                ".SH DESCRIPTION\nThe file lists, for each number of teeth, the pitch diameter of a cog at every "
                "module the works can cut.\n.SH DIAMETERS\nThe diameters in millimetres:\n.TS\ntab(:);\n"
                "lb lb lb lb\nl l l l.\nTeeth:m0.5:m0.8:m1\n12:6:9.6:12\n16:8:12.8:16\n20:10:16:20\n"
                "24:12:19.2:24\n30:15:24:30\n.TE\n.SH FILES\n.TP\n.I /etc/cogs\nthe table itself.\n" },
    { "years.md", "# Sales\n\n## By year\n\nThe sales in tonnes:\n\n| Region | 2019 | 2020 | 2021 |\n"
                  "|---|---|---|---|\n| North | 12 | 14 | 15 |\n| South | 9 | 11 | 10 |\n| West | 3 | 4 | 6 |\n" },
  };
  static const char *const want[][2] = { { "millimetres. ", "Teeth, m0.5, m0.8, and m1" },
                                         { "tonnes. ", "Region, 2019, 2020, and 2021" } };
  for (int k = 0; k < 2; k++) {
    vgi_diags d;
    cJSON *m = load_text(docs[k][0], docs[k][1], NULL, &d);
    vgi_diags_free(&d);
    const cJSON *t[8];
    assert_int_equal(table_scenes(m, t), 1);
    const char *s = sget(t[0], "narration");
    if (!strstr(s, want[k][0]) || !strstr(s, want[k][1])) fail_msg("%s: %s", docs[k][0], s);
    cJSON_Delete(m);
  }
  /* (a table of words after a colon: its rows complete the sentence) */
  vgi_diags d;
  cJSON *m = load_text("opts.md", "# Tool\n\n## Options\n\nThe options are:\n\n| Option | Meaning |\n|---|---|\n"
                       "| -a | show all entries |\n| -l | use a long listing |\n", NULL, &d);
  vgi_diags_free(&d);
  const cJSON *t[8];
  assert_int_equal(table_scenes(m, t), 1);
  assert_null(strstr(sget(t[0], "narration"), "The table shows"));
  cJSON_Delete(m);
}

/* A tbl table whose cells are parted by ';' ("tab(;);", xz(1) in every
 * language) keeps its columns: the ';' inside "tab(;)" is the option's,
 * not the end of the options ("Level;xz;LZMA Utils" was one cell). Its
 * first row is the header when its format centres it over rows set
 * otherwise ("c c c" over "c n n"), or when its cells are names in a script
 * without capitals ("필터;정렬;참고" over "x86;1;…"). */
static void semicolon_tab_table(void **state) {
  (void)state;
  static const char *const pages[][3] = {
    { "xz.1", ".TH XZ 1 \"2026-03-01\" \"Tukaani\" \"XZ Utils\"\n.SH NAME\nxz \\- compress files\n"
      ".SH DESCRIPTION\nThe numbering of the compression level presets is not identical in xz and LZMA Utils.\n"
      ".TS\ntab(;);\nc c c\nc n n.\nLevel;xz;LZMA Utils\n\\-0;256 KiB;N/A\n\\-1;1 MiB;64 KiB\n"
      "\\-2;2 MiB;1 MiB\n\\-3;4 MiB;512 KiB\n.TE\n.SH SEE ALSO\nThe XZ Utils home page.\n",
      "Level, xz, and LZMA Utils" },
    { "xz.ko.1", ".TH XZ 1 \"2026-03-01\" \"Tukaani\" \"XZ 유틸리티\"\n.SH 이름\nxz \\- 파일 압축\n"
      ".SH 설명\n다음 필터는 정렬 값을 가집니다.\n"
      ".TS\ntab(;);\nl n l\nl n l.\n필터;정렬;참고\nx86;1;32\\-bit 또는 64\\-bit x86\nARM;4;\n"
      "ARM64;4;4096 바이트 정렬이 가장 좋습니다\nPowerPC;4;빅엔디안 전용\n.TE\n.SH 추가 참조\n홈페이지를 참고하십시오.\n",
      "필터, 정렬, 참고" },
  };
  for (size_t k = 0; k < sizeof pages / sizeof *pages; k++) {
    vgi_diags d;
    cJSON *m = load_text(pages[k][0], pages[k][1], NULL, &d);
    vgi_diags_free(&d);
    const cJSON *t[8];
    assert_int_equal(table_scenes(m, t), 1);
    const char *s = sget(t[0], "narration");
    print_message("%s\n", s);
    if (!strstr(s, pages[k][2])) fail_msg("%s: %s", pages[k][0], s);
    assert_null(strstr(s, ";"));
    cJSON_Delete(m);
  }
}

/* A man page's table whose first row names the columns in plain type, over
 * rows of data (units(7): "Prefix Name Value" over "q quecto 10^-30"): that
 * row is the header, not the first prefix. */
static void plain_names_row_is_header(void **state) {
  (void)state;
  static const char page[] =
    ".TH UNITS 7 \"March 2026\" \"units 1.0\" \"Conventions\"\n.SH NAME\nunits \\- decimal and binary prefixes\n"
    ".SH DESCRIPTION\nThe SI system of units uses prefixes that indicate powers of ten.\n.SS Decimal prefixes\n"
    "A prefix goes before the unit it scales.\n.TS\nl l l.\nPrefix\tName\tValue\nq\tquecto\t10\\[ha]\\-30\n"
    "r\tronto\t10\\[ha]\\-27\nm\tmilli\t10\\[ha]\\-3\nk\tkilo\t10\\[ha]3\nM\tmega\t10\\[ha]6\n.TE\n"
    ".SH SEE ALSO\nThe standard itself.\n";
  vgi_diags d;
  cJSON *m = load_text("units.7", page, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *t[8];
  assert_int_equal(table_scenes(m, t), 1);
  char *c = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(t[0],
                                                                    "visual_content"), "columns"));
  if (strcmp(c, "[\"Prefix\",\"Name\",\"Value\"]")) fail_msg("columns %s", c);
  free(c);
  assert_non_null(strstr(sget(t[0], "narration"), "Prefix, Name, and Value"));
  cJSON_Delete(m);
  /* (a first row of data in a table without names keeps being a row) */
  m = load_text("hosts.7", ".TH HOSTS 7 \"March 2026\" \"hosts 1.0\" \"Conventions\"\n.SH NAME\nhosts \\- the hosts\n"
                ".SH DESCRIPTION\nThe hosts of the works, each with what it does.\n.SS Hosts\nEach host in turn.\n"
                ".TS\nl l.\nAlpha\tfirst host\nBeta\tsecond host\nGamma\tthird host\nDelta\tfourth host\n.TE\n"
                ".SH SEE ALSO\nThe works.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(table_scenes(m, t), 1);
  c = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(t[0], "visual_content"));
  if (strstr(c, "\"columns\":[\"Alpha\"")) fail_msg("a row of data as the header: %s", c);
  free(c);
  cJSON_Delete(m);
}

/* An options table as docker compose's reference writes it ("Name | Type
 * | Default | Description", the defaults mostly empty, the types mostly
 * "bool"): each option is said with its description, an option of two
 * spellings ("-d, --detach") by both, not left out as a command line, and
 * the rows left are counted as what the heading says they are. */
static void options_table_said_by_descriptions(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# runner up\n\nStarts the services of a project.\n\n## Options\n\n"
                "| Name | Type | Default | Description |\n| --- | --- | --- | --- |\n"
                "| `--build` | `bool` | | Build images before starting |\n"
                "| `-d`, `--detach` | `bool` | | Run containers in the background |\n"
                "| `--pull` | `string` | `policy` | Pull images first |\n"
                "| `--quiet` | `bool` | | Print nothing |\n"
                "| `--scale` | `stringArray` | | Scale a service |\n"
                "| `--wait` | `bool` | | Wait for services to be healthy |\n"
                "| `--yes` | `bool` | | Answer yes to all prompts |\n"
                "| `--timeout` | `int` | `0` | Seconds to wait |\n"
                "| `--no-deps` | `bool` | | Start no linked services |\n");
  vgi_diags d;
  cJSON *m = load_text("up.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = headed(m, "table", "Options");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  assert_non_null(strstr(n, "Build images before starting"));
  assert_non_null(strstr(n, "Run containers in the background"));
  assert_non_null(strstr(n, "detach"));
  assert_null(strstr(n, "bool"));
  assert_non_null(strstr(n, " options."));
  assert_null(strstr(n, " names"));
  cJSON_Delete(m);
}

/* A cell's lines apart (<br>) stay apart, by a semicolon: "Unix: sh<br>
 * Windows: cmd" was one run of words. */
static void cell_line_breaks_kept(void **state) {
  (void)state;
  const char *doc = "# Shells\n\n| Key | Default |\n| --- | --- |\n"
                    "| shell | Unix: `sh`<br>Windows: `cmd` |\n| term | `xterm`<br/> |\n";
  vgi_diags d;
  cJSON *m = load_text("br.md", doc, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = scene_with(m, "table", "shell");
  assert_non_null(s);
  const cJSON *rows = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "rows");
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetArrayItem(rows, 0), 1)->valuestring, "Unix: sh; Windows: cmd");
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetArrayItem(rows, 1), 1)->valuestring, "xterm");
  cJSON_Delete(m);
}

/* A summary's later page of a long table says the names of the rows it
 * shows, not only the heading again. */
static void later_page_names_its_rows(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Server\n\nThe server reads its settings at start-up.\n\n## Settings\n\n"
                "| Setting | Meaning |\n| --- | --- |\n");
  static const char *const keys[] = { "port", "host", "level", "database", "cache", "workers", "timeout", "cert",
                                      "key", "body", "origins", "metrics", "tracing", "region" };
  for (int i = 0; i < 14; i++) doc_add("| %s | The %s the server uses |\n", keys[i], keys[i]);
  vgi_diags d;
  cJSON *m = load_text("settings.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  int pages = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (strcmp(sget(s, "scene_type"), "table") || ++pages != 2) continue;
    const char *n = sget(s, "narration");
    assert_non_null(strstr(n, "cert"));
    assert_non_null(strstr(n, "region."));
    assert_null(strstr(n, "Settings"));
  }
  assert_int_equal(pages, 2);
  cJSON_Delete(m);
  /* measures name no row ("710 MB/s, 660 MB/s", zstd's benchmarks): the
   * heading is said */
  doc_n = 0;
  doc_add("%s", "# Codecs\n\nThe codecs were compared on one corpus.\n\n## Benchmarks\n\n"
                "| Compressor | Ratio | Speed | Decompress |\n| --- | --- | --- | --- |\n");
  for (int i = 0; i < 14; i++) doc_add("| lz 1.5.%d -%d | 2.%d | %d MB/s | %d MB/s |\n", i, i, i, 400 + 10 * i, 900 + i);
  m = load_text("bench.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  pages = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (strcmp(sget(s, "scene_type"), "table") || ++pages != 2) continue;
    const char *n = sget(s, "narration");
    if (strstr(n, "MB/s")) print_message("%s\n", n);
    assert_null(strstr(n, "MB/s"));
  }
  assert_int_equal(pages, 2);
  cJSON_Delete(m);
}

/* A column of one value in every row of a short table ("block" thrice) is
 * not said with each row; a long cell with no clause to cut is said by
 * its first words, not left out ("scrolloff: 5."). */
static void few_rows_repeated_and_long_cells(void **state) {
  (void)state;
  const char *doc = "# Cursor\n\n## Shapes\n\n| Key | Description | Default |\n| --- | --- | --- |\n"
                    "| `normal` | Cursor shape in normal mode | `block` |\n"
                    "| `insert` | Cursor shape in insert mode | `block` |\n"
                    "| `select` | Cursor shape in select mode | `block` |\n\n"
                    "## Scrolling\n\n| Key | Description | Default |\n| --- | --- | --- |\n"
                    "| `scrolloff` | Number of lines of padding around the edge of the screen when scrolling | `5` |\n"
                    "| `mouse` | Enable mouse mode | `true` |\n";
  vgi_diags d;
  cJSON *m = load_text("cursor.md", doc, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = headed(m, "table", "Shapes");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  assert_non_null(strstr(n, "Cursor shape in insert mode"));
  assert_null(strstr(n, "block"));
  s = headed(m, "table", "Scrolling");
  assert_non_null(s);
  n = sget(s, "narration");
  assert_non_null(strstr(n, "scrolloff: Number of lines of padding around the edge, 5."));
  assert_non_null(strstr(n, "mouse: Enable mouse mode, true."));
  cJSON_Delete(m);
}

/* A table of shortcuts says its keys as keys and a row as a presenter
 * would: "Press page up, shift K or control U to scroll up", never
 * "pgup, K,:"; a column empty in every row is not named. */
static void shortcut_table_said_as_keys(void **state) {
  (void)state;
  const char *doc = "# Keys\n\n## Global\n\n| Key | Action | Info |\n|-----|--------|------|\n"
                    "| `` <, <home> `` | Next screen mode |  |\n"
                    "| `` <pgup>, K, <ctrl+u> (fn+up/shift+k) `` | Scroll up main window |  |\n\n"
                    "## Repositories\n\n| Key | Action |\n|-----|--------|\n"
                    "| `` <ctrl+r> `` | Switch to a recent repo |\n| `` q `` | Quit |\n\n"
                    "## Goto\n\n| Key | Description |\n| --- | --- |\n"
                    "| `<n>g` | Go to line number n |\n| `g` | Go to the start of the file |\n| `e` | Go to the end of the file |\n";
  vgi_diags d;
  cJSON *m = load_text("keys.md", doc, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = headed(m, "table", "Global");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  assert_non_null(strstr(n, "Press page up, shift K or control U to scroll up main window."));
  assert_non_null(strstr(n, "Press less than or home for next screen mode."));
  assert_null(strstr(n, ",:"));
  assert_null(strstr(n, "Info"));
  s = headed(m, "table", "Repositories");
  assert_non_null(s);
  n = sget(s, "narration");
  assert_non_null(strstr(n, "Press control R to switch to a recent repo. Press Q to quit."));
  /* ("<n>g" is a count and a key, not the keys N or G) */
  s = headed(m, "table", "Goto");
  assert_non_null(s);
  n = sget(s, "narration");
  assert_null(strstr(n, "N or G"));
  assert_null(strstr(n, "Press <n>g"));
  assert_non_null(strstr(n, "Press G to go to the start of the file."));
  cJSON_Delete(m);
}

/* A summary's shortcut table: "Press K to …" adds words to every row, and
 * they use up its rows (two said, not three: helix's keymap had lost a whole
 * section for the time); its later page names its rows by their actions,
 * not by keys ("m and R") or its heading alone. */
static void shortcut_summary_rows_and_later_page(void **state) {
  (void)state;
  static const char *const acts[] = { "Move left", "Move down", "Move up", "Move right", "Find next char",
                                      "Find previous char", "Repeat last motion", "Undo change", "Redo change",
                                      "Yank selection", "Paste after", "Paste before", "Join lines",
                                      "Indent selection", "Insert line below", "Insert line above" };
  doc_n = 0;
  doc_add("%s", "# Editor\n\n## Movement\n\n| Key | Description |\n| --- | --- |\n");
  for (int i = 0; i < 16; i++) doc_add("| `%c` | %s |\n", "hjklftquUypPJ>oO"[i], acts[i]);
  vgi_diags d;
  cJSON *m = load_text("keymap.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *first = NULL, *later = NULL;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (strcmp(sget(s, "scene_type"), "table")) continue;
    if (!first) first = s;
    else if (!later) later = s;
  }
  assert_non_null(first);
  assert_non_null(later);
  const char *n = sget(first, "narration");
  assert_non_null(strstr(n, "Press H to move left. Press J to move down."));
  assert_null(strstr(n, "Press K"));
  assert_non_null(strstr(n, " for 16 keys."));
  n = sget(later, "narration");
  assert_non_null(strstr(n, "Redo change, yank selection, paste after"));
  assert_null(strstr(n, "Movement"));
  cJSON_Delete(m);
}

/* A long cell whose first sentence is short enough is said by that
 * sentence, not cut at its eighth word mid-thought (nodejs fs.md's
 * "COPYFILE_FICLONE: If present, the copy operation will attempt."). */
static void short_first_sentence_said_whole(void **state) {
  (void)state;
  const char *doc = "# Files\n\n## Copy constants\n\n| Constant | Description |\n| --- | --- |\n"
                    "| `COPYFILE_FICLONE` | If present, the copy operation will attempt to create a reflink. If the "
                    "platform does not support it, then a fallback copy mechanism is used. |\n"
                    "| `COPYFILE_EXCL` | Fails when the destination exists. |\n";
  vgi_diags d;
  cJSON *m = load_text("copy.md", doc, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = headed(m, "table", "Copy constants");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  assert_non_null(strstr(n, "COPYFILE_FICLONE: If present, the copy operation will attempt to create a reflink."));
  cJSON_Delete(m);
}

/* --detail full names a long table's columns once, on its first page,
 * not again on every page. */
static void full_detail_names_columns_once(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Server\n\n## Settings\n\n| Setting | Meaning | Default |\n| --- | --- | --- |\n");
  for (int i = 0; i < 24; i++) doc_add("| key%c%c | The value number %d of the server | %d |\n", 'a' + i % 26, 'a' + i / 3, i, i);
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("settings.md", doc_s, &full, &d);
  vgi_diags_free(&d);
  int pages = 0, named = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (strcmp(sget(s, "scene_type"), "table")) continue;
    pages++;
    named += strstr(sget(s, "narration"), "Setting, Meaning") != NULL;
  }
  assert_true(pages >= 3);
  assert_int_equal(named, 1);
  cJSON_Delete(m);
}

/* A table of one row (Prettier's options: "Default | CLI Override | API
 * Override" over one option's values) is a record: each column's name
 * beside its value, a row each, with no header row, said "Default: true.",
 * not "The table shows Default, CLI Override, and API Override. true: …";
 * a column of no value is left out. */
static void one_row_table_is_record(void **state) {
  (void)state;
  const char *doc = "# Options\n\n## Semicolons\n\nPrint semicolons at the ends of statements.\n\n"
                    "| Default | CLI Override | API Override | Notes |\n| --- | --- | --- | --- |\n"
                    "| `true` | `--no-semi` | `semi: <bool>` | |\n\n"
                    "## Widths\n\n| Name | Width |\n| --- | --- |\n| alpha | 1 |\n| beta | 2 |\n\n"
                    "## Releases\n\n| LTS | Current |\n| --- | --- |\n"
                    "| 4.9.1 4.9.0 4.8.7 4.8.6 4.8.5 4.8.4 4.8.3 4.8.2 4.8.1 4.8.0 4.7.3 4.7.2 4.7.1 | 5.0.0 |\n";
  vgi_diags d;
  cJSON *m = load_text("options.md", doc, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = headed(m, "table", "Semicolons");
  assert_non_null(s);
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
  const cJSON *cols = cJSON_GetObjectItemCaseSensitive(vc, "columns");
  const cJSON *rows = cJSON_GetObjectItemCaseSensitive(vc, "rows");
  assert_int_equal(cJSON_GetArraySize(cols), 2);
  for (const cJSON *c = cols->child; c; c = c->next) assert_string_equal(c->valuestring, "");
  assert_int_equal(cJSON_GetArraySize(rows), 3);
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetArrayItem(rows, 0), 0)->valuestring, "Default");
  assert_non_null(strstr(cJSON_GetArrayItem(cJSON_GetArrayItem(rows, 0), 1)->valuestring, "true"));
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetArrayItem(rows, 2), 0)->valuestring, "API Override");
  const char *n = sget(s, "narration");
  assert_non_null(strstr(n, "Default: true."));
  assert_null(strstr(n, "The table shows"));
  /* a table of two rows keeps its header */
  s = headed(m, "table", "Widths");
  assert_non_null(s);
  vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(vc, "columns"), 0)->valuestring, "Name");
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(vc, "rows")), 2);
  /* nor is a row of a cell of many words (Node.js' changelog index, a
   * column of versions each) a record */
  s = headed(m, "table", "Releases");
  assert_non_null(s);
  vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(vc, "columns"), 0)->valuestring, "LTS");
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(term_items_said_with_descriptions),
    cmocka_unit_test(link_list_named),
    cmocka_unit_test(key_value_table_said),
    cmocka_unit_test(command_column_not_read),
    cmocka_unit_test(badge_table_left_out),
    cmocka_unit_test(table_rows_kept_in_long_summary),
    cmocka_unit_test(long_cells_said_by_clause),
    cmocka_unit_test(slides_held_to_be_read),
    cmocka_unit_test(wide_table_in_column_groups),
    cmocka_unit_test(widest_table_warned),
    cmocka_unit_test(long_table_bounded),
    cmocka_unit_test(summary_shows_two_pages),
    cmocka_unit_test(paged_table_counts_rows_not_shown),
    cmocka_unit_test(support_matrix_said_by_columns),
    cmocka_unit_test(short_sentence_cell_said_whole),
    cmocka_unit_test(full_detail_shows_every_row),
    cmocka_unit_test(japanese_sentence_cells_one_stop),
    cmocka_unit_test(rows_left_named),
    cmocka_unit_test(rows_named_by_known_nouns),
    cmocka_unit_test(one_slide_counts_no_shown_row),
    cmocka_unit_test(caption_shown_and_said),
    cmocka_unit_test(word_columns_said_first),
    cmocka_unit_test(translated_options_no_capitals_header),
    cmocka_unit_test(number_rows_named_after_colon),
    cmocka_unit_test(plain_names_row_is_header),
    cmocka_unit_test(semicolon_tab_table),
    cmocka_unit_test(options_table_said_by_descriptions),
    cmocka_unit_test(cell_line_breaks_kept),
    cmocka_unit_test(later_page_names_its_rows),
    cmocka_unit_test(few_rows_repeated_and_long_cells),
    cmocka_unit_test(shortcut_table_said_as_keys),
    cmocka_unit_test(full_detail_names_columns_once),
    cmocka_unit_test(shortcut_summary_rows_and_later_page),
    cmocka_unit_test(short_first_sentence_said_whole),
    cmocka_unit_test(one_row_table_is_record),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
