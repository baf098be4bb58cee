/* test_text.c: plain text (stages/input/text.c) read as what it means:
 * titles and headings, paragraphs, lists, "Key: value" blocks, prose and
 * code told apart by their lines, rules, modelines and signatures never
 * said; every scene and diagnostic on the text file's own line; the type
 * of a document the name leaves open decided by its markup; hostile text
 * read in bounded time. */
#include "input_test.h"
#include "input_private.h"

#include <sys/stat.h>

static void constructs(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load(DATA "plain.txt", &o, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  assert_canonical(m);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  /* the short first line alone is the title (the mode line before it is not) */
  const cJSON *title = scene_at(m, 0, 0);
  assert_string_equal(sget(title, "scene_type"), "title");
  assert_string_equal(vcget(title, "title"), "Gadget Toolkit");
  /* hard-wrapped lines are one paragraph, said whole */
  assert_true(said_in(m, "It runs on any machine with a C compiler, and it keeps every part") == 1);
  /* indented commands are code, under their underlined heading */
  const cJSON *cmd = scene_with(m, "command", "./configure --prefix=/usr");
  assert_non_null(cmd);
  assert_string_equal(vcget(cmd, "header"), "Installation");
  assert_string_equal(vcget(cmd, "language"), "sh");
  /* indented prose stays prose: an option's description is said, not shown as code */
  assert_null(scene_with(m, "command", "with-springs"));
  assert_true(said_in(m, "tells the build to include the spring parts that let gadgets store") == 1);
  /* short indented lines after a colon are a list; the colon line its heading */
  const cJSON *q = scene_with(m, "list", "Which part broke first?");
  assert_non_null(q);
  assert_int_equal(items_of(q), 3);
  assert_string_equal(vcget(q, "header"), "Extra options");
  /* a list with its continuation lines and a nested item, under a capitals heading */
  const cJSON *f = scene_with(m, "list", "Gears turn the axle and never slip under load.");
  assert_non_null(f);
  assert_string_equal(vcget(f, "header"), "FEATURES");
  assert_non_null(scene_with(m, "list", "{\"title\":\"Coil springs last longest.\",\"level\":1}"));
  /* a rule with a title is a heading; Key: value lines, one value a few
   * lines long, a table of keys and values */
  const cJSON *kv = scene_with(m, "table", "[\"Program\",\"Gadget Toolkit\"]");
  assert_non_null(kv);
  assert_string_equal(vcget(kv, "header"), "Original package notes");
  assert_non_null(scene_with(m, "table", "Linux 6.1 (x86-64), FreeBSD 14 (arm64)"));
  /* a numbered section line with a body is a heading */
  assert_non_null(scene_with(m, "list", "\"header\":\"2. Known problems\""));
  /* never the markup, the mode lines, the rules or the signature */
  static const char *const never[] = { "-*-", "coding", "vim", "tw=72", "----", "====", "jane@example.org",
    "+0100", "2024", "\\", "**", "$ ./configure --prefix=/usr\\n", "Original package notes --" };
  for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
    if (strstr(all, never[i])) print_message("'%s' in %s\n", never[i], all);
    assert_null(strstr(all, never[i]));
  }
  free(all);
  cJSON_Delete(m);
}

/* Every scene's line is the text file's, whatever the translation added or
 * left out before it; so is a diagnostic's. */
static void lines(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load(DATA "plain.txt", &o, &d);
  vgi_diags_free(&d);
  assert_int_equal(line_of(scene_at(m, 0, 0)), 2);
  assert_int_equal(line_of(scene_with(m, "command", "./configure")), 12);
  assert_int_equal(line_of(scene_with(m, "list", "Which part broke first?")), 22);
  assert_int_equal(line_of(scene_with(m, "list", "Gears turn the axle")), 28);
  assert_int_equal(line_of(scene_with(m, "table", "Gadget Toolkit")), 36);
  assert_int_equal(line_of(scene_with(m, "list", "The gear ratio")), 44);
  cJSON_Delete(m);
  /* a narration longer than the limit: an error at its paragraph's line */
  vg_limits lim = *vgi_limits(NULL);
  lim.max_narration = 40;
  vgi_options lo = { .detail = VGI_DETAIL_FULL, .limits = &lim };
  memset(&d, 0, sizeof d);
  m = vgi_load(DATA "plain.txt", &lo, &d);
  int found = 0;
  for (size_t i = 0; i < d.n; i++) {
    if (!strstr(d.v[i].message, "narration")) continue;
    assert_true(d.v[i].line == 4 || d.v[i].line == 12 || d.v[i].line == 22 || d.v[i].line == 28 ||
                d.v[i].line == 36 || d.v[i].line == 44);
    found++;
  }
  if (!found) dump_diags(&d);
  assert_true(found >= 3);
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

/* Which documents are plain text: .txt and .text files and document: of
 * a name that is not Markdown's, unless the text has Markdown's markup;
 * text: always; a .md file never. */
static void detection(void **state) {
  (void)state;
  static const char plain[] = "Notes\n=====\n\n    Indented prose stays prose when it is made of sentences like this one.\n";
  static const char markdown[] = "# Notes\n\nSee [the guide](guide.md) and run `make`.\n\n```sh\nmake\n```\n";
  assert_false(vgi_text_is_markdown(plain, strlen(plain)));
  assert_true(vgi_text_is_markdown(markdown, strlen(markdown)));
  /* comments and root prompts are no headings */
  static const char prompts[] = "Run:\n\n# apt update\n# apt install foo\n\nThen # is a sign.\n";
  assert_false(vgi_text_is_markdown(prompts, strlen(prompts)));
  /* nor the root prompt that ends a shell session, next to a "$" line
   * (fakeroot's README.saving, two sessions: was read as Markdown, its
   * "# exit" a heading and "$" an item) */
  static const char session[] =
    "Save it:\n\n$ fakeroot -s backup.environ\n# mkdir backup\n# rsync -a root@host:/ .\n[...]\n# exit\n$\n\n"
    "Then update it:\n\n$ fakeroot -i backup.environ -s backup.environ\n# cd backup\n[...]\n# exit\n$\n\nHave fun!\n";
  assert_false(vgi_text_is_markdown(session, strlen(session)));
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  /* a .txt file of plain text: the indented sentence is said, not shown as code */
  cJSON *m = load_text("notes.txt", plain, &o, &d);
  assert_null(scene_with(m, "command", "Indented"));
  assert_true(said_in(m, "Indented prose stays prose") == 1);
  vgi_diags_free(&d);
  cJSON_Delete(m);
  /* a .txt file of Markdown is Markdown */
  m = load_text("guide.txt", markdown, &o, &d);
  assert_string_equal(vcget(scene_at(m, 0, 0), "title"), "Notes");
  assert_non_null(scene_with(m, "command", "make"));
  vgi_diags_free(&d);
  cJSON_Delete(m);
  /* document: of a README without an extension: by its content */
  const char *path = write_tmp("README", plain);
  vgi_options doc = { .format = "document", .detail = VGI_DETAIL_FULL };
  m = load(path, &doc, &d);
  assert_non_null(m);
  assert_true(said_in(m, "Indented prose stays prose") == 1);
  vgi_diags_free(&d);
  cJSON_Delete(m);
  /* markdown: reads the same file as Markdown (the indented line is code) */
  vgi_options md = { .format = "markdown", .detail = VGI_DETAIL_FULL };
  m = load(path, &md, &d);
  assert_non_null(scene_with(m, "command", "Indented prose"));
  vgi_diags_free(&d);
  cJSON_Delete(m);
  unlink(path);
  /* text: reads Markdown markup as text; a .md file is always Markdown */
  path = write_tmp("guide.md", "Notes\n=====\n\n    indented code here\n");
  vgi_options tx = { .format = "text", .detail = VGI_DETAIL_FULL };
  m = load(path, &doc, &d);
  assert_non_null(scene_with(m, "command", "indented code here"));
  vgi_diags_free(&d);
  cJSON_Delete(m);
  unlink(path);
  path = write_tmp("guide2.txt", markdown);
  m = load(path, &tx, &d);
  assert_non_null(m);
  char *all = cJSON_PrintUnformatted(m);
  assert_non_null(strstr(all, "# Notes"));   /* shown as written */
  free(all);
  vgi_diags_free(&d);
  cJSON_Delete(m);
  unlink(path);
}

/* All rows of the table scenes of video 0 (a long table is shown on
 * several pages), as one JSON text; *n gets their count. */
static char *table_rows(const cJSON *m, int *n) {
  cJSON *all = cJSON_CreateArray();
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (strcmp(sget(s, "scene_type"), "table")) continue;
    const cJSON *row;
    cJSON_ArrayForEach(row, cJSON_GetObjectItem(cJSON_GetObjectItem(s, "visual_content"), "rows"))
      cJSON_AddItemToArray(all, cJSON_Duplicate(row, 1));
  }
  *n = cJSON_GetArraySize(all);
  char *t = cJSON_PrintUnformatted(all);
  cJSON_Delete(all);
  return t;
}

static int scenes_of(const cJSON *m, const char *type) {
  int n = 0;
  for (int i = 0; i < scene_count(m, 0); i++) n += !strcmp(sget(scene_at(m, 0, i), "scene_type"), type);
  return n;
}

/* "Key: value" blocks are said with their values: a short header block a
 * list said whole; a long field list a table of keys and values. */
static void fields(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("fields.txt",
    "Calculator notes\n\n"
    "The calculator reads expressions and prints their values.\n\n"
    "Program: GNU bc\n"
    "Author: Philip A. Nelson\n"
    "Version: 1.07.1\n\n"
    "The manual tells the rest.\n", &o, &d);
  vgi_diags_free(&d);
  assert_true(said_in(m, "GNU bc") == 1);
  assert_true(said_in(m, "Philip A. Nelson") == 1);
  assert_true(said_in(m, "1.07.1") == 1);
  assert_null(scene_with(m, "command", "Program"));
  cJSON_Delete(m);
  /* a Debian copyright header: its address values no reason for code */
  m = load_text("copyright.txt",
    "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
    "Upstream-Name: gadget\n"
    "Source: https://gadget.example.org/releases/\n\n"
    "Files: *\n"
    "Copyright: 2001-2024 Jane Doe <jane@example.org>\n"
    "           2019 John Roe\n"
    "License: GPL-2+\n"
    "Comment: The build scripts come from the upstream tarball.\n", &o, &d);
  vgi_diags_free(&d);
  assert_null(scene_with(m, "command", "Upstream-Name"));
  int n = 0;
  char *rows = table_rows(m, &n);
  assert_int_equal(n, 7);
  assert_non_null(strstr(rows, "[\"Upstream-Name\",\"gadget\"]"));
  assert_non_null(strstr(rows, "2001-2024 Jane Doe"));
  assert_non_null(strstr(rows, "2019 John Roe"));
  assert_non_null(strstr(rows, "[\"License\",\"GPL-2+\"]"));
  free(rows);
  cJSON_Delete(m);
}

/* Aligned option lists and ASCII tables are tables, every row shown;
 * columns of numbers and symbols (command output) and code stay code. */
static void tables(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("options.txt",
    "Usage\n\n"
    "The tool takes these options:\n\n"
    "  -v, --verbose         print every step as it runs\n"
    "  -q, --quiet           print nothing but errors\n"
    "  -o FILE, --output FILE\n"
    "                        write the result to FILE instead of\n"
    "                        the standard output\n"
    "  -h, --help            show this help and exit\n\n"
    "It exits with status 0 when all went well.\n", &o, &d);
  vgi_diags_free(&d);
  int n = 0;
  char *rows = table_rows(m, &n);
  assert_int_equal(n, 4);
  assert_non_null(strstr(rows, "[\"-v, --verbose\",\"print every step as it runs\"]"));
  assert_non_null(strstr(rows, "[\"-o FILE, --output FILE\",\"write the result to FILE instead of the standard output\"]"));
  assert_non_null(strstr(rows, "[\"-h, --help\",\"show this help and exit\"]"));
  assert_int_equal(scenes_of(m, "command"), 0);
  free(rows);
  cJSON_Delete(m);
  /* a pipe table with its header, a grid, columns under a rule */
  m = load_text("tables.txt",
    "Sizes\n\n"
    "| Name  | Size | Speed |\n"
    "|-------|------|-------|\n"
    "| small | 10   | fast  |\n"
    "| large | 90   | slow  |\n\n"
    "+--------+----------------+\n"
    "| Level  | Meaning        |\n"
    "+========+================+\n"
    "| low    | quiet, and it  |\n"
    "|        | says little    |\n"
    "+--------+----------------+\n"
    "| high   | loud           |\n"
    "+--------+----------------+\n\n"
    "Format        Extension    Reader\n"
    "------        ---------    ------\n"
    "Markdown      .md          markdown\n"
    "Plain text    .txt         text\n", &o, &d);
  vgi_diags_free(&d);
  rows = table_rows(m, &n);
  assert_int_equal(n, 6);
  assert_int_equal(scenes_of(m, "command"), 0);
  assert_non_null(scene_with(m, "table", "\"columns\":[\"Name\",\"Size\",\"Speed\"]"));
  assert_non_null(scene_with(m, "table", "\"columns\":[\"Level\",\"Meaning\"]"));
  assert_non_null(scene_with(m, "table", "\"columns\":[\"Format\",\"Extension\",\"Reader\"]"));
  assert_non_null(strstr(rows, "[\"small\",\"10\",\"fast\"]"));
  assert_non_null(strstr(rows, "[\"low\",\"quiet, and it says little\"]"));
  assert_non_null(strstr(rows, "[\"Plain text\",\".txt\",\"text\"]"));
  free(rows);
  cJSON_Delete(m);
  /* command output in columns, and code with aligned comments: code */
  m = load_text("output.txt",
    "Checking\n\n"
    "The command prints its table:\n\n"
    "    $ df -h\n"
    "    Filesystem      Size  Used Avail Use% Mounted on\n"
    "    /dev/sda1        50G   20G   28G  42% /\n"
    "    tmpfs           3.9G     0  3.9G   0% /dev/shm\n\n"
    "Set the languages in your profile:\n\n"
    "    (Bourne Shell)  LINGUAS=\"de fr nl\"; export LINGUAS\n"
    "    (C Shell)       setenv LINGUAS \"de fr nl\"\n", &o, &d);
  vgi_diags_free(&d);
  assert_int_equal(scenes_of(m, "table"), 0);
  assert_non_null(scene_with(m, "command", "Filesystem"));
  assert_non_null(scene_with(m, "command", "setenv LINGUAS"));
  cJSON_Delete(m);
}

/* The columns of the table scenes of video 0, every group's, as "|a|b|"
 * pieces in one text; *n gets how many table scenes there are. */
static char *table_columns(const cJSON *m, int *n) {
  vgi_buf b = {0};
  *n = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (strcmp(sget(s, "scene_type"), "table")) continue;
    (*n)++;
    const cJSON *c;
    vgi_buf_puts(&b, "|");
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(cJSON_GetObjectItem(s, "visual_content"), "columns")) {
      vgi_buf_puts(&b, c->valuestring);
      vgi_buf_puts(&b, "|");
    }
  }
  return b.s ? b.s : strdup("");
}

/* A table wider than twelve columns (a pipe table of 20, columns under a rule)
 * is a table scene in groups of columns, every column on a slide, each
 * group keeping the first column (before: more than 12 columns were left
 * as a code slide). A protocol header's bit diagram ("+-+-+", fields
 * across the bits) stays as drawn. */
static void wide_tables_in_groups(void **state) {
  (void)state;
  static char doc[8192];
  size_t n = 0;
  n += (size_t)snprintf(doc + n, sizeof doc - n, "%s", "Ratios\n\nEach gear at each speed:\n\n| Gear |");
  for (int c = 1; c <= 19; c++) n += (size_t)snprintf(doc + n, sizeof doc - n, " S%d |", c);
  n += (size_t)snprintf(doc + n, sizeof doc - n, "%s", "\n|---|");
  for (int c = 1; c <= 19; c++) n += (size_t)snprintf(doc + n, sizeof doc - n, "%s", "---|");
  for (int r = 0; r < 4; r++) {
    n += (size_t)snprintf(doc + n, sizeof doc - n, "\n| gear%d |", r);
    for (int c = 1; c <= 19; c++) n += (size_t)snprintf(doc + n, sizeof doc - n, " %d.%d |", r, c);
  }
  n += (size_t)snprintf(doc + n, sizeof doc - n, "%s", "\n\nLimits\n\nEach axle at each load:\n\n");
  static const char *const heads[] = { "Axle", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9", "L10",
                                       "L11", "L12", "L13" };
  for (int c = 0; c < 14; c++) n += (size_t)snprintf(doc + n, sizeof doc - n, "%-6s", heads[c]);
  n += (size_t)snprintf(doc + n, sizeof doc - n, "%s", "\n");
  for (int c = 0; c < 14; c++) n += (size_t)snprintf(doc + n, sizeof doc - n, "%s", "----  ");
  for (int r = 0; r < 3; r++) {
    n += (size_t)snprintf(doc + n, sizeof doc - n, "%s", "\n");
    n += (size_t)snprintf(doc + n, sizeof doc - n, "ax%d   ", r);
    for (int c = 1; c < 14; c++) n += (size_t)snprintf(doc + n, sizeof doc - n, "%-6d", r * 100 + c);
  }
  n += (size_t)snprintf(doc + n, sizeof doc - n, "%s",
    "\n\nHeader\n\nThe header of a packet:\n\n"
    "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+\n"
    "|Version|  IHL  |Type of Service|\n"
    "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+\n"
    "|  Flags  |   Fragment Offset   |\n"
    "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+\n"
    "|  Time  |  Protocol  |  Check  |\n"
    "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+\n");
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("wide.txt", doc, &o, &d);
  assert_int_equal(d.warnings, 0);
  vgi_diags_free(&d);
  int tables = 0;
  char *cols = table_columns(m, &tables);
  assert_true(tables >= 3);   /* the first in two groups of columns, at least */
  assert_null(strstr(cols, "|Version|"));
  for (int c = 1; c <= 19; c++) {
    char want[16];
    snprintf(want, sizeof want, "|S%d|", c);
    assert_non_null(strstr(cols, want));
  }
  for (int c = 1; c < 14; c++) {
    char want[16];
    snprintf(want, sizeof want, "|%s|", heads[c]);
    assert_non_null(strstr(cols, want));
  }
  /* every group keeps the key: as many "|Gear|" as groups of that table */
  int gears = 0, axles = 0;
  for (const char *p = cols; (p = strstr(p, "|Gear|")); p++) gears++;
  for (const char *p = cols; (p = strstr(p, "|Axle|")); p++) axles++;
  assert_true(gears >= 2);
  assert_true(axles >= 1);
  assert_int_equal(scenes_of(m, "command") + scenes_of(m, "code"), 1);   /* the diagram */
  char *all = cJSON_PrintUnformatted(m);
  assert_non_null(strstr(all, "Type of Service"));
  free(all);
  free(cols);
  cJSON_Delete(m);
}

/* A grid drawn with box-drawing characters is a table (it was left out:
 * its borders read as rules), its columns cut at code points ("café" kept
 * whole); a grid of a one-line header over one block of lines (a
 * database's output) has a row a line, a line without a first cell going
 * on with the row above (the rows were one row, "memory journal
 * archive"). */
static void box_drawn_grids(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("engines.txt",
    "Engines\n\n"
    "\xE2\x94\x8C\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\xAC"
    "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x90\n"
    "\xE2\x94\x82 Name \xE2\x94\x82 Kept   \xE2\x94\x82\n"
    "\xE2\x94\x9C\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\xBC"
    "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\xA4\n"
    "\xE2\x94\x82 caf\xC3\xA9 \xE2\x94\x82 weekly \xE2\x94\x82\n"
    "\xE2\x94\x82 shop \xE2\x94\x82 daily, \xE2\x94\x82\n"
    "\xE2\x94\x82      \xE2\x94\x82 often  \xE2\x94\x82\n"
    "\xE2\x94\x82 mill \xE2\x94\x82 never  \xE2\x94\x82\n"
    "\xE2\x94\x94\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\xB4"
    "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x98\n\n"
    "The last run:\n\n"
    "+---------+--------+\n"
    "| Engine  | Writes |\n"
    "+---------+--------+\n"
    "| memory  | fast   |\n"
    "| journal | slow   |\n"
    "| archive | slower |\n"
    "+---------+--------+\n", &o, &d);
  vgi_diags_free(&d);
  int n = 0;
  char *rows = table_rows(m, &n);
  assert_int_equal(n, 6);
  assert_int_equal(scenes_of(m, "command"), 0);
  assert_non_null(scene_with(m, "table", "\"columns\":[\"Name\",\"Kept\"]"));
  assert_non_null(scene_with(m, "table", "\"columns\":[\"Engine\",\"Writes\"]"));
  assert_non_null(strstr(rows, "[\"caf\xC3\xA9\",\"weekly\"]"));
  assert_non_null(strstr(rows, "[\"shop\",\"daily, often\"]"));
  assert_non_null(strstr(rows, "[\"mill\",\"never\"]"));
  assert_non_null(strstr(rows, "[\"journal\",\"slow\"]"));
  free(rows);
  cJSON_Delete(m);
}

/* A file of one item a line is a list; hard-wrapped prose a paragraph,
 * also where its sentences end at the ends of its lines. */
static void line_items(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("tips.txt",
    "Tips\n\n"
    "Press Ctrl-C to stop a running job.\n"
    "Use the arrow keys to move through the history.\n"
    "Type help to list every command.\n"
    "Tab completes file names\n"
    "The configuration lives in your home folder.\n", &o, &d);
  vgi_diags_free(&d);
  const cJSON *l = scene_with(m, "list", "Press Ctrl-C to stop a running job");
  assert_non_null(l);
  assert_int_equal(items_of(l), 5);
  assert_non_null(scene_with(m, "list", "Tab completes file names"));
  cJSON_Delete(m);
  m = load_text("prose.txt",
    "Notes\n\n"
    "The gear ratio cannot be changed while a gadget runs, because the\n"
    "springs hold the energy of the last turn. Stop it first, then change\n"
    "the ratio and start it again; the springs keep what they stored.\n\n"
    "Q. There is a new point release and I have just upgraded my system.\n"
    "The version file now says 10.1 but the issue file still says 10.\n"
    "Is this ok?\n\n"
    "A. Yes. The release managers asked that the issue file stay as it\n"
    "is, as that is a file which is often customized by the user.\n", &o, &d);
  vgi_diags_free(&d);
  assert_true(said_in(m, "springs hold the energy of the last turn. Stop it first, then change the ratio") == 1);
  assert_true(said_in(m, "I have just upgraded my system. The version file now says 10.1") == 1);
  assert_null(scene_with(m, "list", "\"title\":\"Is this ok?\""));
  cJSON_Delete(m);
}

/* Hostile text: deep indentation, long lines, many markers, tabs, CRLF,
 * control characters: read, never a crash and never a nesting error. */
/* A GNU NEWS file (Emacs outline): "* Noteworthy changes in release …" and
 * "** Bug fixes" at the margin are headings, an entry written with stars
 * ("** libfoo: Fix a crash in the parser.") is a list item, the first
 * line's words before "-*- outline -*-" are the title, and it is read as
 * plain text however much Markdown it quotes. A summary says the latest
 * release. */
static void outline_news(void **state) {
  (void)state;
  static const char news[] =
    "GNU frob NEWS -- History of user-visible changes.     -*- outline -*-\n"
    "Bug numbers refer to our tracker; `make check` runs the tests.\n\n"
    "* Noteworthy changes in release 2.1 (2024-05-01) [stable]\n\n"
    "** Bug fixes\n\n"
    "  'frob -l' no longer misreports file lengths.\n\n"
    "** libfrob: Fix a crash in the parser when a line is empty.\n"
    "   Reported by a user.\n\n"
    "** New features\n\n"
    "  The --fast option now makes frob twice as fast on large inputs.\n\n"
    "* Noteworthy changes in release 2.0 (2023-01-01) [stable]\n\n"
    "** Bug fixes\n\n"
    "  Old fixes that a summary does not say.\n";
  assert_false(vgi_text_is_markdown(news, strlen(news)));
  const char *path = write_tmp("NEWS", news);
  vgi_options doc = { .format = "document" };
  vgi_diags d;
  cJSON *m = load(path, &doc, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  assert_string_equal(sget(video_at(m, 0), "title"), "GNU frob NEWS -- History of user-visible changes");
  int bug = 0, feat = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const char *h = vcget(scene_at(m, 0, i), "header");
    assert_true(!h || !strstr(h, "*"));
    bug += h && !strcmp(h, "Bug fixes");
    feat += h && !strcmp(h, "New features");
  }
  assert_int_equal(bug, 1);    /* the latest release's only */
  assert_int_equal(feat, 1);
  assert_true(said_in(m, "no longer misreports") == 1);
  assert_non_null(scene_with(m, "list", "Fix a crash in the parser"));   /* an entry, shown */
  assert_true(said_in(m, "Old fixes") == 0);
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

/* A manual page as man prints it ("man frob > frob.txt"): the title is the
 * command and what NAME says it does, SYNOPSIS is not said, nor in a
 * summary SEE ALSO, AUTHOR and COPYRIGHT, section names
 * are headings in sentence case, options a list of terms with their
 * descriptions (under the term, or on its line), man's header and footer
 * nothing, and a word broken at a line's end one word again: without the
 * hyphen when the page writes it whole elsewhere, else with it. */
static void man_page_text(void **state) {
  (void)state;
  static const char page[] =
    "FROB(1)                     User Commands                    FROB(1)\n\n"
    "NAME\n"
    "       frob - frobnicate files in place\n\n"
    "SYNOPSIS\n"
    "       frob [OPTION]... FILE...\n\n"
    "DESCRIPTION\n"
    "       Frob  reads  each  FILE and rewrites it with its gears turned, so\n"
    "       that  a  later run needs no authen\xE2\x80\x90\n"
    "       tication and keeps a long-\n"
    "       term record. Every authentication is logged.\n\n"
    "OPTIONS\n"
    "       -a, --all\n"
    "              frob hidden files too, which are skipped otherwise\n\n"
    "       -q     say nothing about the files frob has changed\n\n"
    "       --level=N\n"
    "              turn the gears N times before the file is written\n\n"
    "   Exit status:\n"
    "       0      if every file was frobbed\n\n"
    "AUTHOR\n"
    "       Written by Jane Doe.\n\n"
    "COPYRIGHT\n"
    "       Copyright 2024 Frob Makers.\n\n"
    "SEE ALSO\n"
    "       gadget(1)\n\n"
    "GNU frob 1.2                  May 2024                         FROB(1)\n";
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("frob.txt", page, &full, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "title"), "frob \xE2\x80\x94 frobnicate files in place");
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  static const char *const never[] = { "NAME", "SYNOPSIS", "Synopsis", "[OPTION]", "FROB(1)", "User Commands",
    "May 2024", "authen- tication", "authen-tication", "long- term", "\xE2\x80\x90" };
  for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
    if (strstr(all, never[i])) print_message("'%s' in %s\n", never[i], all);
    assert_null(strstr(all, never[i]));
  }
  free(all);
  assert_true(said_in(m, "needs no authentication and keeps a long-term record") == 1);
  const cJSON *opts = scene_with(m, "list", "\"title\":\"-a, --all\"");
  assert_non_null(opts);
  assert_string_equal(vcget(opts, "header"), "Options");
  assert_int_equal(items_of(opts), 3);
  assert_non_null(scene_with(m, "list", "\"title\":\"-q\",\"description\":\"say nothing about the files"));
  assert_non_null(scene_with(m, "list", "\"title\":\"--level=N\",\"description\":\"turn the gears N times"));
  assert_non_null(scene_with(m, "list", "\"header\":\"Exit status\""));
  assert_non_null(scene_with(m, "list", "\"header\":\"See also\""));
  assert_true(said_in(m, "Jane Doe") == 1);
  cJSON_Delete(m);
  /* a summary leaves out where to read more and who wrote it */
  vgi_options summary = { .detail = VGI_DETAIL_SUMMARY };
  m = load_text("frob.txt", page, &summary, &d);
  vgi_diags_free(&d);
  all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  static const char *const back[] = { "See also", "gadget(1)", "Author", "Jane Doe", "Copyright" };
  for (size_t i = 0; i < sizeof back / sizeof *back; i++) {
    if (strstr(all, back[i])) print_message("'%s' in the summary %s\n", back[i], all);
    assert_null(strstr(all, back[i]));
  }
  free(all);
  assert_non_null(scene_with(m, "list", "\"title\":\"-a, --all\""));
  cJSON_Delete(m);
  /* a text that goes on past the page at the margin is read as text */
  static const char mixed[] =
    "NAME\n"
    "       frob - frobnicate files\n\n"
    "DESCRIPTION\n"
    "       Frob reads each file.\n\n"
    "This function is based upon an older parser, described below at length.\n";
  m = load_text("mixed.txt", mixed, &full, &d);
  vgi_diags_free(&d);
  assert_true(said_in(m, "based upon an older parser") == 1);
  cJSON_Delete(m);
}

/* EXAMPLES of a manual page: each command is shown as code and said by
 * what it does ("man ls" / "Display the manual page for ls."), never read
 * out; a summary keeps the first three, the whole page every one. A
 * section name of more words in capitals ("HOW TO SPECIFY A USER ID") does
 * not stop the text being read as a page. */
static void man_page_examples(void **state) {
  (void)state;
  static const char page[] =
    "FROB(1)                     User Commands                    FROB(1)\n\n"
    "NAME\n"
    "       frob - frobnicate files in place\n\n"
    "DESCRIPTION\n"
    "       Frob reads each file and rewrites it with its gears turned.\n\n"
    "EXAMPLES\n"
    "       frob notes.txt\n"
    "              Turn the gears of one file.\n\n"
    "       frob -a ~/docs\n"
    "              Turn the gears of every file in a folder, hidden ones too.\n\n"
    "       frob --verify old.txt\n"
    "       frob --verify old.txt new.txt\n"
    "              Check a file against its record, or two files against each other.\n\n"
    "       frob -q big.iso\n"
    "              Turn a large file without a word.\n\n"
    "HOW TO SPECIFY A GEAR RATIO\n"
    "       Ratios are written as two numbers with a colon between them.\n\n"
    "GNU frob 1.2                  May 2024                         FROB(1)\n";
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("frob.txt", page, &o, &d);
    vgi_diags_free(&d);
    assert_string_equal(sget(video_at(m, 0), "title"), "frob \xE2\x80\x94 frobnicate files in place");
    const cJSON *one = scene_with(m, "command", "frob notes.txt");
    assert_non_null(one);
    assert_string_equal(sget(one, "narration"), "Turn the gears of one file.");
    assert_non_null(scene_with(m, "command", "\"frob --verify old.txt\",\"frob --verify old.txt new.txt\""));
    assert_true(said_in(m, "frob -a") == 0);
    assert_true(said_in(m, "notes.txt") == 0);
    assert_true(said_in(m, "Turn the gears of every file in a folder") == 1);
    assert_true(said_in(m, "Turn a large file without a word") == full);
    assert_true(said_in(m, "two numbers with a colon") == 1);
    cJSON_Delete(m);
  }
}

/* Displays in a man page: a display's chunks are one example; a short one
 * inside a sentence is said in it; a comma before one becomes a colon; a
 * NAME of several names titles the page with the first; a "○" tag is a
 * bullet, its option a term. */
static void man_page_displays(void **state) {
  (void)state;
  static const char page[] =
    "GEAR(1)                     User Commands                    GEAR(1)\n\n"
    "NAME\n"
    "       gear, ungear - a block-turning gear box, v1.2\n"
    "       gearcat - turns gears to stdout\n\n"
    "DESCRIPTION\n"
    "       The memory a gear box needs can be estimated as:\n\n"
    "              Turning:   400 k + ( 8 x gear size )\n\n"
    "              Unturning: 100 k + ( 4 x gear size ), or\n"
    "                         100 k + ( 2.5 x gear size )\n\n"
    "       Larger gear sizes give rapidly diminishing returns in the end.\n\n"
    "       Each time you change some gear files, this simple shell command:\n\n"
    "              gear\n\n"
    "       suffices to turn every gear that needs it.\n\n"
    "       A filter turns its input into its output in one step.\n\n"
    "           {foo: .bar}\n\n"
    "       will produce the object it names from the input it is given.\n\n"
    "       The command should be modified as follows,\n\n"
    "              gear -i A.avi -filter \"[1:v]hue=s=0\" \\\n"
    "                   -map '[outv1]' out1.mp4\n\n"
    "       The video goes to the hue filter, and its output is kept.\n\n"
    "OPTIONS\n"
    "       -a, --all\n"
    "           Turn every gear, the hidden ones too.\n\n"
    "       -q, --quiet\n"
    "           Turn the gears without a word.\n\n"
    "       Options that change how gears are read:\n\n"
    "       \xE2\x97\x8B   --teeth:\n\n"
    "           Count the teeth of every gear before turning it.\n\n"
    "       \xE2\x97\x8B   --slow:\n\n"
    "           Turn every gear at half its usual speed.\n\n"
    "EXAMPLES\n"
    "       To see every gear on the system using standard syntax:\n"
    "          gear\xC2\xA0-e\n"
    "          gear\xC2\xA0-ef\n\n"
    "GNU gear 1.2                  May 2024                         GEAR(1)\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("gear.txt", page, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  assert_string_equal(sget(video_at(m, 0), "title"), "gear, ungear \xE2\x80\x94 a block-turning gear box, v1.2");
  const cJSON *est = scene_with(m, "command", "Turning:");
  assert_non_null(est);
  assert_non_null(scene_with(m, "command", "2.5 x gear size"));
  assert_true(scene_with(m, "command", "Turning:") == scene_with(m, "command", "Unturning:"));
  assert_true(said_in(m, "Unturning") == 0);
  assert_true(said_in(m, "this simple shell command gear suffices to turn every gear") == 1);
  assert_true(said_in(m, "will produce the object it names") == 1);
  assert_true(said_in(m, "The command should be modified") == 1);
  assert_true(said_in(m, "modified as follows,") == 0);
  const cJSON *opts = scene_with(m, "list", "--teeth");
  assert_non_null(opts);
  assert_int_equal(items_of(opts), 2);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "\xE2\x97\x8B"));
  assert_null(strstr(all, "gearcat"));
  assert_null(strstr(all, "gear\xC2\xA0-e gear"));   /* the commands are shown, never said */
  assert_non_null(scene_with(m, "command", "gear\xC2\xA0-ef"));
  assert_true(said_in(m, "To see every gear on the system using standard syntax") == 1);
  free(all);
  cJSON_Delete(m);
}

/* A table in columns under a header of capitals (ps.1's format
 * specifiers): a table of its columns, each row's last cell joined from its
 * lines, never terms cut at the first gap. */
static void man_page_column_table(void **state) {
  (void)state;
  static const char page[] =
    "GEAR(1)                     User Commands                    GEAR(1)\n\n"
    "NAME\n"
    "       gear - report a snapshot of the turning gears\n\n"
    "DESCRIPTION\n"
    "       gear shows the gears that turn, one line each.\n\n"
    "STANDARD FORMAT SPECIFIERS\n"
    "       Here are the keywords that may be used to control the output.\n\n"
    "       CODE      HEADER   DESCRIPTION\n\n"
    "       %spin     %SPIN    spin rate of\n"
    "                          the gear in turns\n"
    "                          a second. It may\n"
    "                          not add up.\n\n"
    "       teeth     TEETH    number of teeth\n"
    "                          on the gear.\n\n"
    "       axle      AXLE     the axle the\n"
    "                          gear turns on.\n\n"
    "       ratio     RATIO    its gear ratio.\n\n"
    "ENVIRONMENT\n"
    "       Nothing is read from the environment at all.\n\n"
    "GNU gear 1.2                  May 2024                         GEAR(1)\n";
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("gear.txt", page, &o, &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    const cJSON *tb = scene_with(m, "table", "[\"CODE\",\"HEADER\",\"DESCRIPTION\"]");
    assert_non_null(tb);
    assert_non_null(scene_with(m, "table", "[\"%spin\",\"%SPIN\",\"spin rate of the gear in turns a second."));
    assert_non_null(scene_with(m, "table", "[\"axle\",\"AXLE\",\"the axle the gear turns on.\"]"));
    char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
    assert_true((strstr(all, "It may not add up.") != NULL) == full);
    free(all);
    assert_null(scene_with(m, "list", "spin rate of"));
    cJSON_Delete(m);
  }
  /* a table drawn with box characters at the body's column: shown, not said */
  static const char drawn[] =
    "GEAR(7)                     Misc                              GEAR(7)\n\n"
    "NAME\n"
    "       gear - the gear set\n\n"
    "DESCRIPTION\n"
    "       The following table contains the gears.\n\n"
    "       Oct   Dec   Gear          \xE2\x94\x82 Oct   Dec   Gear\n"
    "       \xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80"
    "\xE2\x94\xBC\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\n"
    "       000   0     spur          \xE2\x94\x82 100   64    worm\n"
    "       001   1     bevel         \xE2\x94\x82 101   65    rack\n\n"
    "GNU gear 1.2                  May 2024                         GEAR(7)\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("gear.7.txt", drawn, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  assert_non_null(scene_with(m, "command", "000   0     spur"));
  assert_true(said_in(m, "spur") == 0);
  assert_true(said_in(m, "\xE2\x94\x82") == 0);
  cJSON_Delete(m);
}

/* Translated pages (manpages-l10n) name their sections in their language:
 * Croatian and Slovenian "IME" is NAME (the title was "IME"), and their
 * headings are said and shown in lower case letter by letter of any
 * alphabet ("MOŽNOSTI" was "MoŽnosti", "KOD WYJŚCIA" "Kod wyjŚcia"), with
 * Turkish's dotless ı ("AÇIKLAMA" is "Açıklama"); Romanian "OPȚIUNI". An
 * option the sentence names by a noun after it ("-m seçeneği ile") is said
 * without a second noun. */
static void man_page_translated_headings(void **state) {
  (void)state;
  static const char sl[] = "IME\n       which - najdi ukaz\n\nPOVZETEK\n       which [-a] ime ...\n\n"
                           "OPIS\n       which vrne poti do datotek, ki bi se izvedle.\n\n"
                           "MOŽNOSTI\n       -a     izpiše vse poti.\n\n"
                           "KOD WYJŚCIA\n       0 ko so vsi ukazi najdeni.\n\nOPȚIUNI\n       -a     toate.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL, .language = "sl" };
  vgi_diags d;
  cJSON *m = load_text("which.txt", sl, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(m);
  assert_non_null(strstr(all, "which — najdi ukaz"));
  assert_non_null(strstr(all, "\"Možnosti\""));
  assert_non_null(strstr(all, "\"Kod wyjścia\""));
  assert_non_null(strstr(all, "\"Opțiuni\""));
  assert_null(strstr(all, "\"IME\""));
  free(all);
  cJSON_Delete(m);
  static const char tr[] = "AD\n       chage - parolanın son kullanma tarihini değiştirir\n\n"
                           "AÇIKLAMA\n       chage komutu parolanın değişmesi gereken gün sayısını değiştirir.\n"
                           "       -m seçeneği ile belirtilen değer en az gün sayısıdır.\n\n"
                           "SEÇENEKLER\n       -l     bilgileri listeler.\n";
  vgi_options t = { .detail = VGI_DETAIL_FULL, .language = "tr" };
  m = load_text("chage.txt", tr, &t, &d);
  vgi_diags_free(&d);
  all = cJSON_PrintUnformatted(m);
  assert_non_null(strstr(all, "\"Açıklama\""));
  assert_non_null(strstr(all, "\"Seçenekler\""));
  free(all);
  /* the option is named by the noun after it: not "m seçeneği seçeneği" */
  assert_true(said_in(m, "m seçeneği ile belirtilen") >= 1);
  assert_true(said_in(m, "seçeneği seçeneği") == 0);
  cJSON_Delete(m);
}

/* A Chinese man page's paragraph and items end their sentences with 。 and
 * no space: its summary takes a paragraph's first sentence and an item's
 * (vgi_first_sentence), and says an exit-status list's terms with what they
 * mean parted by ；, never "…。 、1: …" (a 。 and then the list comma). */
static void man_page_wide_stops(void **state) {
  (void)state;
  static const char zh[] = "名称\n       frob - 整理文件\n\n"
                           "描述\n       frob 是一个整理文件的程序。它会读取配置。它还会写入日志。\n\n"
                           "退出状态\n       0      程序成功执行。\n\n       1      用法或语法出错。\n\n"
                           "       2      操作出错。\n";
  vgi_options o = { .language = "zh-CN" };
  vgi_diags d;
  cJSON *m = load_text("frob.txt", zh, &o, &d);
  vgi_diags_free(&d);
  assert_true(said_in(m, "0: 程序成功执行；1: 用法或语法出错；2: 操作出错。") >= 1);
  assert_true(said_in(m, "。 、") == 0);
  assert_true(said_in(m, "。 。") == 0);
  cJSON_Delete(m);
  const char *t = "新規グループの ID 番号。この値は重複してはならない。";
  assert_int_equal(vgi_first_sentence(t), strlen("新規グループの ID 番号。"));
  /* a stop inside a quote the sentence goes on after ends nothing */
  const char *q = "彼は「はい。」と言った。次の文。";
  assert_int_equal(vgi_first_sentence(q), strlen("彼は「はい。」と言った。"));
  /* nor a decimal point between digits */
  assert_int_equal(vgi_first_sentence("速度は１．５倍になる。次の文。"), strlen("速度は１．５倍になる。"));
}

/* A summary of a page of many options shows the first eight, each with
 * the first sentence of what it does, and one item that says how many more
 * there are; the whole page shows every option with its whole paragraph. */
static void man_page_options_folded(void **state) {
  (void)state;
  vgi_buf page = {0};
  vgi_buf_puts(&page, "NAME\n       frob - frobnicate files in place\n\nOPTIONS\n");
  for (int k = 0; k < 12; k++) {
    char opt[256];
    snprintf(opt, sizeof opt, "       -%c, --gear-%d\n              turn gear %d once. It is slow on large files and on\n"
             "              files shared over the network.\n\n", 'a' + k, k, k);
    vgi_buf_puts(&page, opt);
  }
  vgi_buf_add(&page, "", 1);
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("frob.txt", page.s, &o, &d);
    vgi_diags_free(&d);
    const cJSON *first = scene_with(m, "list", "\"title\":\"-a, --gear-0\"");
    assert_non_null(first);
    int items = 0;
    for (int i = 0; i < scene_count(m, 0); i++)
      if (!strcmp(sget(scene_at(m, 0, i), "scene_type"), "list")) items += items_of(scene_at(m, 0, i));
    assert_int_equal(items, full ? 12 : 9);
    assert_true((scene_with(m, "list", "\"title\":\"4 more options\"") != NULL) == !full);
    assert_true((scene_with(m, "list", "\"title\":\"-i, --gear-8\"") != NULL) == full);
    assert_true((scene_with(m, "list", "turn gear 0 once.\"") != NULL) == !full);
    assert_true((scene_with(m, "list", "turn gear 0 once. It is slow") != NULL) == full);
    cJSON_Delete(m);
  }
  vgi_buf_free(&page);
  /* one left out: its own singular, in the page's language too */
  vgi_buf one = {0};
  vgi_buf_puts(&one, "NAME\n       frob - frobnicate files in place\n\nOPTIONS\n");
  for (int k = 0; k < 9; k++) {
    char opt[256];
    snprintf(opt, sizeof opt, "       -%c, --gear-%d\n              turn gear %d once.\n\n", 'a' + k, k, k);
    vgi_buf_puts(&one, opt);
  }
  vgi_buf_add(&one, "", 1);
  static const struct { const char *lang, *title; } langs[] = {
    { NULL, "1 more option" }, { "de", "eine weitere Option" }, { "fr", "une autre option" },
    { "ru", "ещё один параметр" },
  };
  for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) {
    vgi_options o = { .detail = VGI_DETAIL_SUMMARY, .language = langs[i].lang };
    vgi_diags d;
    cJSON *m = load_text("frob.txt", one.s, &o, &d);
    vgi_diags_free(&d);
    char want[96];
    snprintf(want, sizeof want, "\"title\":\"%s\"", langs[i].title);
    if (!scene_with(m, "list", want)) fail_msg("%s: no item %s", langs[i].lang ? langs[i].lang : "en", want);
    cJSON_Delete(m);
  }
  vgi_buf_free(&one);
}

/* Release lines of a changelog in other shapes ("version 1.34 - Name,
 * date", "Noteworthy changes in version 2.1 (date)", "Version 1.2.3") are
 * headings: a summary says the latest release, and its entries written
 * "* Fix …" are its list, also when "** " lines make the file an outline. */
static void release_lines(void **state) {
  (void)state;
  static const char tar[] =
    "GNU frob NEWS - User visible changes. 2024-05-01\n"
    "Please send bug reports to <bug-frob@example.org>\n\n"
    "version 2.1 - Jane Doe, 2024-05-01\n\n"
    "* Fix extraction over pipes\n\n"
    "* Fix a memory leak in the header reader\n\n"
    "version 2.0 - Jane Doe, 2023-01-01\n\n"
    "* Old fixes that a summary does not say\n\n"
    "** Sparse files with large data\n\n"
    "** Work around incompatibilities on FreeBSD\n";
  static const char gnupg[] =
    "Noteworthy changes in version 2.1 (2024-05-01)\n"
    "  * frob: Fix extraction over pipes.\n\n"
    "Noteworthy changes in version 2.0 (2023-01-01)\n"
    "  * frob: Old fixes that a summary does not say.\n\n"
    "Version 1.9\n\n"
    "  * Older still.\n";
  const char *docs[] = { tar, gnupg };
  for (int k = 0; k < 2; k++) {
    /* named NEWS, as a changelog is */
    char dir[128], path[160];
    snprintf(dir, sizeof dir, "/tmp/vgi_%d_news", (int)getpid());
    snprintf(path, sizeof path, "%s/NEWS", dir);
    mkdir(dir, 0700);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(docs[k], f);
    fclose(f);
    vgi_options doc = { .format = "document" };
    vgi_diags d;
    cJSON *m = load(path, &doc, &d);
    unlink(path);
    rmdir(dir);
    assert_non_null(m);
    vgi_diags_free(&d);
    assert_true(said_in(m, "Fix extraction over pipes") == 1);
    assert_true(said_in(m, "Old fixes") == 0);
    assert_true(said_in(m, "Older still") == 0);
    cJSON_Delete(m);
  }
}

/* A README that opens with a centred title, its copyright and its licence's
 * usual words (libksba's): the title names the document, and the notice
 * is neither said nor shown; a licence section later in the document is.
 * Centred by hand, the underline is rarely at the title's indentation, and
 * a version line may sit right under it (GnuPG's, Libgcrypt's): the title
 * had been read with its underline ("The GNU Privacy Guard 2 =====…"), the
 * version and copyright lines shown as code. */
static void centred_title_and_notice(void **state) {
  (void)state;
  static const char readme[] =
    "                       The Widget Guard 2\n"
    "                      ====================\n"
    "                             Version 2.2\n\n"
    "          Copyright 1997-2019 Jane Doe\n"
    "          Copyright 2003-2022 Widget Code GmbH\n\n"
    "  Widget Guard is free software; you can redistribute it and/or modify\n"
    "  it under the terms of the GNU General Public License.\n\n\n"
    "INTRODUCTION\n"
    "============\n\n"
    "Widget Guard guards widgets from every kind of harm, day and night.\n\n"
    "LICENSE\n"
    "=======\n\n"
    "This program is free software: share it and change it as you like.\n";
  vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("README", readme, &o, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "title"), "The Widget Guard 2");
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "===="));
  assert_null(strstr(all, "Version 2.2"));
  assert_null(strstr(all, "Jane Doe"));
  assert_null(strstr(all, "command"));
  free(all);
  assert_true(said_in(m, "guards widgets from every kind of harm") == 1);
  assert_true(said_in(m, "share it and change it") == 1);   /* the later section is the document's own */
  cJSON_Delete(m);

  /* a title on two lines between two rules (libpfm's), its notice under it */
  static const char ruled[] =
    "          ------------------------------------------------------------\n"
    "                                    libwidget-4.x:\n"
    "          a helper library to program the widget counters\n"
    "          ------------------------------------------------------------\n"
    " \t  Copyright (c) 2009 Widget, Inc\n"
    "\t                Contributed by Jane Doe <jane@example.org>\n\n"
    "This package provides a library which is used to develop widget tools.\n";
  m = load_text("README", ruled, &o, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "title"), "libwidget-4.x: a helper library to program the widget counters");
  all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "----"));
  assert_null(strstr(all, "Jane Doe"));
  assert_null(strstr(all, "command"));
  free(all);
  cJSON_Delete(m);
}

/* Text that is not UTF-8 but says what it is: Windows-1252 (Latin-1's
 * superset: fonts-wqy's README, subtitles made on Windows) is read with a
 * warning at its first such byte, UTF-16 with its byte order mark is read
 * as the text it is; UTF-8 with a bad byte in it is still refused (a
 * damaged file is not another encoding). */
static const cJSON *load_bytes(const char *bytes, size_t n, vgi_diags *d, cJSON **m) {
  char path[] = "/tmp/vgi_enc_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, bytes, n), (ssize_t)n);
  close(fd);
  char named[64];
  snprintf(named, sizeof named, "%s.txt", path);
  assert_int_equal(rename(path, named), 0);
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  memset(d, 0, sizeof *d);
  *m = vgi_load(named, &o, d);
  unlink(named);
  return *m;
}

static void other_encodings(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m;
  static const char latin1[] = "Caf\xe9 Notes\n\nThe caf\xe9 opens at nine \x96 every day \xa9 2024.\n";
  assert_non_null(load_bytes(latin1, sizeof latin1 - 1, &d, &m));
  assert_int_equal(d.errors, 0);
  assert_true(d.n >= 1);
  assert_int_equal(d.v[0].severity, VGI_WARNING);
  assert_int_equal(d.v[0].line, 1);
  assert_non_null(strstr(d.v[0].message, "Windows-1252"));
  assert_string_equal(sget(video_at(m, 0), "title"), "Caf\xc3\xa9 Notes");
  assert_true(said_in(m, "opens at nine \xe2\x80\x93 every day") == 1);
  vgi_diags_free(&d);
  cJSON_Delete(m);

  static const char utf16[] = "\xff\xfeG\0a\0d\0g\0e\0t\0 \0\xe9\0\n\0\n\0I\0t\0 \0w\0o\0r\0k\0s\0.\0"
                              "\x3d\xd8\x00\xde\n\0";
  assert_non_null(load_bytes(utf16, sizeof utf16 - 1, &d, &m));
  assert_int_equal(d.errors, 0);
  assert_string_equal(sget(video_at(m, 0), "title"), "Gadget \xc3\xa9");
  vgi_diags_free(&d);
  cJSON_Delete(m);

  static const char damaged[] = "Caf\xc3\xa9 Notes\n\nA stray \xe9 byte.\n";
  assert_null(load_bytes(damaged, sizeof damaged - 1, &d, &m));
  assert_int_equal(d.errors, 1);
  assert_non_null(strstr(d.v[0].message, "invalid UTF-8"));
  assert_int_equal(d.v[0].line, 3);
  vgi_diags_free(&d);

  static const char lone[] = "\xff\xfe" "A\0\x3d\xd8" "B\0";
  assert_null(load_bytes(lone, sizeof lone - 1, &d, &m));
  assert_non_null(strstr(d.v[0].message, "invalid UTF-16"));
  vgi_diags_free(&d);
}

/* A wrapped run of names (coreutils' README lists its hundred programs
 * that way) is shown, never read out name by name: it had been a 71-second
 * slide saying "arch b2sum base32 base64 …". Lower-case prose, in English
 * or another language, is still prose. */
static void name_runs_shown(void **state) {
  (void)state;
  static const char readme[] =
    "Widget Tools\n\n"
    "The programs that can be built with this package are:\n\n"
    "  [ arch b2sum base32 base64 basename basenc cat chcon chgrp chmod chown\n"
    "  chroot cksum comm coreutils cp csplit cut date dd df dir dircolors dirname\n"
    "  du echo env expand expr factor false fmt fold groups head hostid hostname\n"
    "  wc who whoami yes\n\n"
    "everything here is written in lower case on purpose so that the tools read it\n"
    "quickly and it still says what it means to every reader who looks at it\n\n"
    "tout ce qui suit est \xc3\xa9" "crit en minuscules pour que les outils le lisent vite\n";
  vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("README", readme, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(scene_with(m, "command", "chroot cksum comm coreutils"));
  assert_true(said_in(m, "b2sum") == 0);
  assert_true(said_in(m, "The programs that can be built with this package are") == 1);
  assert_true(said_in(m, "so that the tools read it quickly") == 1);
  assert_true(said_in(m, "pour que les outils le lisent vite") == 1);
  cJSON_Delete(m);
}

/* A listing longer than a scene may hold (coreutils' THANKS: 1,300 names
 * and addresses in columns, 51,727 characters) keeps its first lines with
 * a warning: it had failed the document with an error. */
static void long_listing_kept(void **state) {
  (void)state;
  vgi_buf b = {0};
  vgi_buf_puts(&b, "# Thanks\n\nThese people have contributed to the widget tools.\n\n```text\n");
  for (int i = 0; i < 1300; i++)
    vgi_buf_printf(&b, "Person Number%04d                   person%04d@example.org\n", i, i);
  vgi_buf_puts(&b, "```\n");
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("thanks.md", b.s, &o, &d);
  assert_int_equal(d.errors, 0);
  int warned = 0;
  for (size_t i = 0; i < d.n; i++) warned += strstr(d.v[i].message, "lines are kept") != NULL;
  assert_int_equal(warned, 1);
  vgi_diags_free(&d);
  assert_non_null(scene_with(m, "command", "Person Number0000"));
  assert_null(scene_with(m, "command", "Person Number1299"));
  cJSON_Delete(m);
  vgi_buf_free(&b);
}

/* A plain README with no title line is titled by what its first sentence
 * says it is ("These are the GNU core utilities." -> "GNU core utilities"),
 * by the name a sentence gives ("Cscope is a ..."), past a greeting
 * ("Hello!"), or by its folder when the sentence names nothing ("Currently
 * the project provides ...", "Sections in this file describe:"): each had
 * been the first words of the sentence, cut ("This is the new version",
 * "Currently the project"). A TODO or AUTHORS file that opens with prose
 * is its folder's ("widget TODO"). */
static void readme_titles_named(void **state) {
  (void)state;
  struct { const char *text, *want; } cases[] = {
    { "These are the GNU widget utilities.  This package is the union of\nthree older ones.\n\n"
      "Most of these programs are faster than the ones they replace.\n", "GNU widget utilities" },
    { "This package contains the GNU find, frob, and locate programs.\n\nEach is described below.\n",
      "GNU find, frob, and locate programs" },
    { "This is GNU frob, the \"fastest frob in the west\" (we hope).  All\nbugs are fixed.\n", "GNU frob" },
    { "Frobscope is a text screen based source browsing tool.  It reads C.\n\nIt is fast.\n", "Frobscope" },
    { "Hello!\n\nThanks for downloading Frob-PAM.\n\nNOTES:\n\nPlease read the install guide before you build it.\n",
      "Frob-PAM" },
    { "\tThis is the new version (1.47.0) of the second extended file\nsystem management programs.\n\n"
      "\tFrom time to time, I release new versions.\n", "widget" },
    { "Currently the project provides only a pkg-config file, frob-stubs.pc, and nothing\nelse at all, for every "
      "platform there is.\n\nIt is small.\n", "widget" },
  };
  char dir[] = "/tmp/vgi_title_XXXXXX";
  assert_non_null(mkdtemp(dir));
  char sub[64], path[96];
  snprintf(sub, sizeof sub, "%s/widget", dir);
  assert_int_equal(mkdir(sub, 0700), 0);
  snprintf(path, sizeof path, "%s/README", sub);
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(cases[i].text, f);
    fclose(f);
    vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
    vgi_diags d;
    cJSON *m = load(path, &o, &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    if (strcmp(sget(video_at(m, 0), "title"), cases[i].want))
      fail_msg("case %zu: title '%s'", i, sget(video_at(m, 0), "title"));
    cJSON_Delete(m);
  }
  unlink(path);
  /* a TODO (AUTHORS, THANKS, INSTALL ...) that opens with prose: its folder and name */
  snprintf(path, sizeof path, "%s/TODO", sub);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("If you're interested in helping, here are some tasks that we've considered\nover the years.\n\n"
        "Make the widgets spin faster when the gears are cold.\n", f);
  fclose(f);
  vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load(path, &o, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "title"), "widget TODO");
  cJSON_Delete(m);
  unlink(path);
  rmdir(sub);
  rmdir(dir);
}

/* Capitals headings with a colon over their indented lines (systemd's
 * README): names are a list, never code "to get started"; a line over
 * aligned lines led by one symbol ("Linux kernel ≥ 3.15" / "≥ 4.3 for …")
 * is that line and its list, not one run-on paragraph. */
static void colon_capitals(void **state) {
  (void)state;
  static const char readme[] =
    "Gizmo Service Manager\n\n"
    "AUTHOR:\n"
    "        Ada Lovelace\n"
    "        Alan Turing\n"
    "        Grace Hopper\n"
    "        ...and many others\n\n"
    "REQUIREMENTS:\n"
    "        Gizmo kernel \xe2\x89\xa5 3.15\n"
    "                     \xe2\x89\xa5 4.3 for ambient gears\n"
    "                     \xe2\x89\xa5 4.5 for spring counters\n"
    "                     \xe2\x89\xa5 5.7 for axle links\n\n"
    "        Older kernels are not supported at all, and are missing the gear support.\n";
  vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("README", readme, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  assert_null(scene_with(m, "command", "Ada Lovelace"));
  const cJSON *a = scene_with(m, "list", "Grace Hopper");
  assert_non_null(a);
  assert_int_equal(items_of(a), 4);
  assert_string_equal(vcget(a, "header"), "AUTHOR");
  assert_true(said_in(m, "Grace Hopper, and many others") == 1);   /* the line's ellipsis unsaid */
  assert_true(said_in(m, "Run these commands") == 0);
  const cJSON *k = scene_with(m, "list", "4.5 for spring counters");
  assert_non_null(k);
  assert_int_equal(items_of(k), 3);
  assert_true(said_in(m, "3.15 \xe2\x89\xa5 4.3") == 0);
  cJSON_Delete(m);
}

static void notice_at_top(void **state) {
  (void)state;
  static const char readme[] =
    "                               LIBFROB\n"
    "                              ---------\n\n"
    "         Copyright 2001, 2006, 2007, 2008, 2009, 2010, 2011,\n"
    "                   2012, 2013, 2014, 2015  Frob Code GmbH\n\n"
    "This file is free software; as a special exception the author gives\n"
    "unlimited permission to copy and/or distribute it, with or without\n"
    "modifications, as long as this notice is preserved.\n\n"
    "This file is distributed in the hope that it will be useful, but\n"
    "WITHOUT ANY WARRANTY, to the extent permitted by law.\n\n\n"
    "                            Frob Overview\n"
    "                            -------------\n\n"
    "Frob is a library to make certificates easily accessible by other\n"
    "applications.  It does not rely on another cryptographic library.\n\n"
    "                            Copying\n"
    "                            -------\n\n"
    "This program is free software under the GNU General Public License.\n";
  vgi_options o = { .format = "document" };
  vgi_diags d;
  cJSON *m = load_text("README", readme, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  assert_string_equal(sget(video_at(m, 0), "title"), "LIBFROB");
  assert_null(scene_with(m, "command", "Copyright"));
  assert_true(said_in(m, "This file is free software") == 0);
  assert_true(said_in(m, "distributed in the hope") == 0);
  assert_true(said_in(m, "Frob is a library") == 1);
  assert_true(said_in(m, "This program is free software") == 1);   /* its own section */
  cJSON_Delete(m);
}

/* A sentence ending in a colon over a list is no title; a label over its
 * entry's text, right under it, heads only that entry; a short "===" under
 * a word is its underline; the notice after the last rule is never said. */
static void colon_labels_and_underlines(void **state) {
  (void)state;
  static const char readme[] =
    "Sections in this file describe:\n"
    " - what the gadget is\n"
    " - how to build it\n\n"
    "Introduction\n"
    "===\n\n"
    "The gadget turns small parts into working machines.\n\n"
    "Security\n"
    "==\n\n"
    "Report a broken gear to the gear keepers before anyone else.\n";
  vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("README", readme, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  assert_string_not_equal(sget(video_at(m, 0), "title"), "Sections in this file describe");
  assert_true(said_in(m, "Sections in this file describe") == 1);   /* said, as what brings the list */
  const cJSON *in = scene_with(m, "list", "working machines");
  assert_non_null(in);
  assert_string_equal(vcget(in, "header"), "Introduction");
  const cJSON *sec = scene_with(m, "list", "gear keepers");
  assert_non_null(sec);
  assert_string_equal(vcget(sec, "header"), "Security");
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "==="));
  free(all);
  cJSON_Delete(m);

  static const char todo[] =
    "Here are some tasks that we have considered over the years.\n\n"
    "Make the winch stop when the rope is slack,\n"
    "  so that nobody gets hurt when it starts again.\n\n"
    "Suggestion from Ada Lovelace:\n"
    "  The gear tables could be computed once and kept in a file,\n"
    "  which would save a lot of time on every start.\n\n"
    "pulley: add an option that counts the turns of every wheel\n"
    "  and prints them at the end.\n\n"
    "-----\n\n"
    "Copyright (C) 2002-2022 Gadget Makers, Inc.\n\n"
    "This program is free software: you can redistribute it and/or modify\n"
    "it under the terms of the GNU General Public License.\n\n"
    "You should have received a copy of the GNU General Public License\n"
    "along with this program.\n";
  m = load_text("TODO", todo, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "\"header\":\"Suggestion from Ada Lovelace\""));
  assert_true(said_in(m, "counts the turns of every wheel") == 1);
  assert_null(strstr(all, "Copyright"));
  assert_null(strstr(all, "free software"));
  assert_null(strstr(all, "received a copy"));
  free(all);
  cJSON_Delete(m);
}

/* A licence in a comment's marks atop a TODO is a notice, not said; one
 * short sentence under a label ending in a colon is said. */
static void comment_notice_and_short_entry(void **state) {
  (void)state;
  static const char todo[] =
    "# Copyright (C) 2000-2018 Gadget Makers, Inc.\n"
    "#\n"
    "# This file is part of the gadget toolkit.\n"
    "#\n"
    "# You should have received a copy of the GNU General Public License\n"
    "# along with this program.\n\n"
    "Unicode input:\n"
    "  Making the gear table input-clean.\n\n"
    "Guess the spring sizes from the axle length.\n\n"
    "Provide a check target for every gear.\n";
  vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("TODO", todo, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "Copyright"));
  assert_null(strstr(all, "received a copy"));
  free(all);
  assert_true(said_in(m, "Making the gear table input-clean.") == 1);
  assert_null(scene_with(m, "command", "Making the gear table"));
  cJSON_Delete(m);
}

static void hostile(void **state) {
  (void)state;
  char path[256];
  snprintf(path, sizeof path, "/tmp/vgi_%d_hostile.txt", (int)getpid());
  FILE *f = fopen(path, "wb");
  fputs("Deep\n====\n\n", f);
  /* 400 bullets, each indented one more */
  for (int i = 0; i < 400; i++) { for (int k = 0; k < i; k++) fputc(' ', f); fputs("- item\n", f); }
  /* 400 indentation levels of prose and of code */
  for (int i = 0; i < 400; i++) { for (int k = 0; k < i * 2; k++) fputc(' ', f); fputs("Words of a sentence here.\n\n", f); }
  for (int i = 0; i < 300; i++) { for (int k = 0; k < i; k++) fputc('\t', f); fputs("x = {y};\n", f); }
  fclose(f);
  vgi_diags d = {0};
  cJSON *m = vgi_load(path, NULL, &d);
  assert_non_null(m);
  assert_false(has_message(&d, "nested"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* a line of 2 MB, 100,000 markers on one line, 50,000 short lines,
   * CRLF, form feeds, NUL-free control characters */
  f = fopen(path, "wb");
  fputs("Long\r\n----\r\n\r\n\f\r\n", f);
  put_rep(f, "word `x' <a@b> http://x.org/[y] ", 60000);
  fputs("\n\n", f);
  put_rep(f, "- ", 100000);
  fputs("end\n\n", f);
  put_rep(f, "Key: value\n\tmore\n", 20000);
  put_rep(f, "\n1. a\n   b:\n\n        c\n", 10000);
  put_rep(f, "-----\n", 5000);
  put_rep(f, "\x01\x02 text \x1b[0m\n", 1000);
  /* tables: option lines out of line, blank lines between; pipes; rules */
  for (int i = 0; i < 20000; i++) fprintf(f, "-o%d%*s  does a thing\n\n", i, i % 3, "");
  put_rep(f, "| a | b | c | d | e | f | g | h | i | j | k | l | m | n |\n|---|---|\n", 5000);
  put_rep(f, "----  ----\na  b\n", 5000);
  put_rep(f, "Key: value\n", 20000);
  fclose(f);
  memset(&d, 0, sizeof d);
  m = vgi_load(path, NULL, &d);
  assert_non_null(m);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  unlink(path);
}

/* text written to a file `name` in a fresh folder `folder` (its name
 * and its folder's are what the reader goes by) and loaded; both removed */
static cJSON *load_named(const char *folder, const char *name, const char *text, const vgi_options *o) {
  char dir[] = "/tmp/vgi_named_XXXXXX", sub[96], path[160];
  assert_non_null(mkdtemp(dir));
  snprintf(sub, sizeof sub, "%s/%s", dir, folder);
  assert_int_equal(mkdir(sub, 0700), 0);
  snprintf(path, sizeof path, "%s/%s", sub, name);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  vgi_diags d;
  cJSON *m = load(path, o, &d);
  vgi_diags_free(&d);
  unlink(path);
  rmdir(sub);
  rmdir(dir);
  assert_non_null(m);
  return m;
}

/* A line a conjunction opens ("And for Git commit emails:" over an
 * address) goes on with the text before it: never a section's heading;
 * a paragraph in brackets whole is an aside a summary leaves out. */
static void conjunction_label_no_heading(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_SUMMARY };
  cJSON *m = load_named("mux", "README",
                        "Welcome to mux!\n\nmux is a terminal multiplexer.\n\n"
                        "To build and install mux from a release tarball, use:\n\n\t$ ./configure && make\n\n"
                        "(Note that this requires at least a working C compiler, make, autoconf,\n"
                        "automake, pkg-config as well as libevent and ncurses libraries and headers.)\n\n"
                        "mux mailing lists are available. For general discussion and bug reports:\n\n"
                        "\thttps://groups.example.org/mux-users\n\nAnd for Git commit emails:\n\n"
                        "\thttps://groups.example.org/mux-git\n\n"
                        "Bug reports, feature suggestions and especially code contributions are most\nwelcome.\n", &o);
  char *t = cJSON_PrintUnformatted(m);
  if (strstr(t, "\"And for Git commit emails\"") || strstr(t, "Note that this requires"))
    print_message("%.2500s\n", t), fail();
  free(t);
  cJSON_Delete(m);
}

/* A title underlined inside an indented block, the margin's text going on
 * after the block: a label of the block, never a section that takes in the
 * paragraphs after it; an underline as long as a line ending in a full stop
 * makes it a title. */
static void nested_underline_label(void **state) {
  (void)state;
  static const char todo[] =
    "Here are some tasks that we have considered over the years.\n\n"
    "Changes expected to go in, someday.\n"
    "====================================\n\n"
    "  crank patch from Ada Lovelace\n\n"
    "  Pending copyright papers:\n"
    "  ------------------------\n"
    "  gearbox from Charles Babbage\n\n"
    "  pulley counter from Grace Hopper\n\n"
    "  ------------------------------\n\n"
    "Remove the long-deprecated winch options.  Search the code for them.\n";
  vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("TODO", todo, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "\"header\":\"Pending copyright papers\""));
  assert_non_null(strstr(all, "\"header\":\"Changes expected to go in, someday\""));
  free(all);
  assert_true(said_in(m, "Pending copyright papers") >= 1);
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (strstr(sget(s, "narration"), "long-deprecated winch"))
      assert_string_equal(vcget(s, "header"), "Changes expected to go in, someday");
  }
  assert_true(said_in(m, "long-deprecated winch") == 1);
  cJSON_Delete(m);
}

/* A TODO whose first heading is one of many sections ("* src/frob") is
 * titled by its folder and name, not by that section. */
static void todo_sections_not_title(void **state) {
  (void)state;
  vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
  cJSON *m = load_named("widget", "TODO", "                                                  -*- outline -*-\n\n"
                        "* src/frob\n** Make parsing more robust\n   We do not cope with long lines in the best way.\n\n"
                        "* src/gear.c\n** Keep gear references somewhere\n  This will help the cache.\n", &o);
  assert_string_equal(sget(video_at(m, 0), "title"), "widget TODO");
  cJSON_Delete(m);
}

/* A list item's paragraphs end their sentences; a path the sentence needs
 * (after a determiner, before its verb) is said by its name; a sentence
 * that introduces a display on "as:" is said "as follows.". */
static void said_whole_sentences(void **state) {
  (void)state;
  static const char readme[] =
    "Gadget Notes\n"
    "------------\n\n"
    "    The gadget package is a set of scripts. This means that:\n"
    "    *  Vendors can make sure that their gadgets are well supported\n\n"
    "       If a vendor wants to be certain, they can test the scripts.\n\n"
    "    *  Users can rely on the scripts for every simple need.\n\n"
    "Questions\n"
    "---------\n\n"
    "I upgraded my system and now my /etc/gadget says \"broken\".\n"
    "If you run the old release, then /etc/gadget_version is not reliable.\n"
    "New systems will have /var/gizmo as a real directory.\n\n"
    "Memory needs, in bytes, can be estimated as:\n\n"
    "    Compression:   400 k + ( 8 x block size )\n\n"
    "Larger blocks give diminishing returns.\n";
  vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("README", readme, &o, &d);
  vgi_diags_free(&d);
  assert_true(said_in(m, "well supported. If a vendor") == 1);
  assert_true(said_in(m, "now my gadget says") == 1);
  assert_true(said_in(m, "then gadget_version is not reliable") == 1);
  assert_true(said_in(m, "will have gizmo as a real directory") == 1);
  assert_true(said_in(m, "can be estimated as follows.") == 1);
  cJSON_Delete(m);
}

/* A man page's lines of a short name, a gap and its text: a table (a
 * numbered list when they count); a row whose only other cell is the
 * header's short name of the first is not read. */
static void man_page_name_pairs(void **state) {
  (void)state;
  static const char page[] =
    "GEAR(1)                     User Commands                    GEAR(1)\n\n"
    "NAME\n"
    "       gear - report a snapshot of the turning gears\n\n"
    "DESCRIPTION\n"
    "       gear shows the gears that turn. It accepts several kinds of options:\n\n"
    "       1   UNIX options, which may be grouped.\n"
    "       2   BSD options, which must not be used with a dash.\n"
    "       3   GNU long options, which are preceded by two dashes.\n\n"
    "STANDARD FORMAT SPECIFIERS\n"
    "       CODE      HEADER   DESCRIPTION\n\n"
    "       %spin     %SPIN    spin rate of the gear in turns a second, counted from the start of the run and\n"
    "                          averaged over every turn that the gear has made since then, whatever its load.\n\n"
    "       teeth     TEETH    number of teeth on the gear.\n\n"
    "       ag_nice   AGNI     the niceness of the gear group.\n\n"
    "PERSONALITY\n"
    "       390        like the OS/390 gear\n"
    "       aix        like AIX gear\n"
    "       bsd        like FreeBSD gear (totally\n"
    "                  non-standard)\n"
    "       linux      recommended\n\n"
    "SEE ALSO\n"
    "       crank(1)\n\n"
    "GNU gear 1.2                  May 2024                         GEAR(1)\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("gear.txt", page, &o, &d);
  vgi_diags_free(&d);
  const cJSON *l = scene_with(m, "list", "BSD options, which must not be used with a dash.");
  assert_non_null(l);
  assert_int_equal(items_of(l), 3);
  /* (a table, or terms and their text) */
  assert_true(scene_with(m, "table", "[\"aix\",\"like AIX gear\"]") || scene_with(m, "list", "like AIX gear\""));
  assert_true(scene_with(m, "table", "[\"bsd\",\"like FreeBSD gear (totally non-standard)\"]") ||
              scene_with(m, "list", "like FreeBSD gear (totally non-standard)\""));
  static const char pairs[] =
    "GEAR(1)                     User Commands                    GEAR(1)\n\n"
    "NAME\n"
    "       gear - report a snapshot of the turning gears\n\n"
    "PERSONALITY\n"
    "       390        like the OS/390 gear\n"
    "       aix        like AIX gear\n"
    "       linux      recommended\n\n"
    "GNU gear 1.2                  May 2024                         GEAR(1)\n";
  cJSON_Delete(m);
  m = load_text("gear.txt", pairs, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(scene_with(m, "table", "[\"aix\",\"like AIX gear\"]"));
  assert_true(said_in(m, "390 like the OS/390 gear aix") == 0);
  assert_true(said_in(m, "%spin: %SPIN") == 0);
  assert_true(said_in(m, "ag_nice: AGNI") == 0);
  cJSON_Delete(m);
}

/* A changelog's entries a line each are items, two of them too; signatures
 * (at the margin too, and a mail's) are never said. */
static void news_entries_and_signatures(void **state) {
  (void)state;
  static const char news[] =
    "This is GNU gear version 1.07.1.\n\n"
    "Changes in gear from 1.07 to 1.07.1.\n"
    "    Fixed crank extension causing problems for read()\n"
    "    Fixed parallel make problem.\n\n"
    "Changes in gear from 1.06 to 1.07.\n"
    "    Added void gears.\n"
    "    Added support for\n"
    "    Windows machines in the build.\n\n"
    "-- Jane Roe <jane@example.org>, Tue, 2 Jan 2019\n\n"
    "Thanks for reading the notes.\n"
    "-- \n"
    "John Doe <john@example.org>\n";
  /* (named NEWS: the name says it is a changelog) */
  vgi_options o = { .format = "document", .detail = VGI_DETAIL_FULL };
  cJSON *m = load_named("gear", "NEWS", news, &o);
  const cJSON *l = scene_with(m, "list", "Fixed parallel make problem.");
  assert_non_null(l);
  assert_int_equal(items_of(l), 2);
  assert_true(said_in(m, "problems for read. Fixed parallel") == 1);
  assert_true(said_in(m, "Added support for Windows machines") == 1);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "Jane Roe"));
  assert_null(strstr(all, "John Doe"));
  free(all);
  cJSON_Delete(m);
  /* a Debian changelog's entries are releases: the package and version */
  static const char debian[] =
    "gear-dfsg (4.3-3) unstable; urgency=medium\n\n"
    "  * The crank now turns both ways; scripts that relied on one way break.\n\n"
    " -- Jane Roe <jane@example.org>  Sun, 25 Dec 2022 17:11:31 +0100\n\n"
    "gear-dfsg (4.3-1) unstable; urgency=low\n\n"
    "  * The old pulley interface is gone.\n\n"
    " -- Jane Roe <jane@example.org>  Thu, 01 Dec 2022 00:00:00 +0100\n";
  m = load_named("gear", "NEWS.Debian", debian, &o);
  assert_string_equal(sget(video_at(m, 0), "title"), "gear-dfsg (4.3-3)");
  all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "urgency"));
  free(all);
  cJSON_Delete(m);
}

/* Titles between runs of "=" (wikis, txt2tags, GStreamer's changelog,
 * giflib's TODO): headings, the marks neither shown nor said ("Welcome to
 * = GIFLIB TODO list =."); unequal runs or a sum are text */
static void wiki_titles(void **state) {
  (void)state;
  static const char doc[] =
    "= Widget TODO list =\n\n"
    "There is a list of test suites to try.\n\n"
    "== Notes to developers ==\n\n"
    "Keep the old code in maintenance mode.\n\n"
    "=== release 1.22.0 ===\n\n"
    "Fixed the parser.\n\n"
    "== Not a title ===\n\n"
    "= 2 + 2 =\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("TODO.txt", doc, &o, &d);
  vgi_diags_free(&d);
  assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(m, "videos"), 0), "title")->valuestring,
                      "Widget TODO list");
  assert_non_null(scene_with(m, "list", "Keep the old code"));
  assert_string_equal(vcget(scene_with(m, "list", "Keep the old code"), "header"), "Notes to developers");
  assert_string_equal(vcget(scene_with(m, "list", "Fixed the parser"), "header"), "release 1.22.0");
  assert_int_equal(said_in(m, "= Widget"), 0);
  assert_int_equal(said_in(m, "Notes to developers =="), 0);
  cJSON_Delete(m);
}

/* Settings each a chunk of their own, a term before a spaced dash and its
 * text hung under the text's column (libgc's README.environment): terms
 * with their texts, never paragraphs that say "GC_COLLECT_AT_MALLOC=<n> -";
 * a sentence before a dash ("Note - …") stays prose */
static void dash_entries(void **state) {
  (void)state;
  static const char doc[] =
    "The collector looks at a number of environment variables.\n\n"
    "GC_INITIAL_HEAP_SIZE=<bytes> -  Initial heap size in bytes.  May speed up\n"
    "                                process start-up.\n\n"
    "GC_LOOP_ON_ABORT - Causes the collector abort routine to enter a tight loop.\n"
    "                   This may make it easier to debug.\n\n"
    "GC_PRINT_STATS - Turn on GC logging.\n\n"
    "Note - these are read once, when the collector starts.\n"
    "Later changes are not seen.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("README.environment.txt", doc, &o, &d);
  vgi_diags_free(&d);
  const cJSON *sc = scene_with(m, "list", "GC_LOOP_ON_ABORT");
  assert_non_null(sc);
  char *t = cJSON_PrintUnformatted(cJSON_GetObjectItem(sc, "visual_content"));
  assert_non_null(strstr(t, "\"title\":\"GC_INITIAL_HEAP_SIZE=<bytes>\""));
  assert_non_null(strstr(t, "\"title\":\"GC_PRINT_STATS\""));
  free(t);
  assert_true(said_in(m, "GC_INITIAL_HEAP_SIZE=<bytes> \xe2\x80\x94 Initial heap size in bytes") >= 1);
  assert_true(said_in(m, "enter a tight loop. This may make it easier to debug") >= 1);
  assert_int_equal(said_in(m, "<bytes> -"), 0);
  assert_true(said_in(m, "Note - these are read once") >= 1);
  cJSON_Delete(m);
}

/* A signature under a text's end, "--" alone over a name and a date
 * (datrie's README), is neither shown nor said; "--" inside a paragraph or
 * over a long line stays */
static void dash_signature(void **state) {
  (void)state;
  static const char doc[] =
    "Widget - a trie library\n\n"
    "Historically, this was first implemented as C++ classes, but later\n"
    "rewritten from scratch in C.\n\n"
    "--\n"
    "Jane Roe.\n"
    "September 2006.\n\n"
    "References\n"
    "----------\n\n"
    "Aoe, J. An efficient digital search algorithm, 1989.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("README.txt", doc, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "Jane Roe"));
  assert_null(strstr(all, "September 2006"));
  assert_non_null(strstr(all, "rewritten from scratch in C"));
  assert_non_null(strstr(all, "An efficient digital search algorithm"));
  free(all);
  cJSON_Delete(m);
}

/* The first line over a copyright notice and an address (libiec61883's
 * README): the title; the notice is neither shown nor said (it was said,
 * the title again before it: "libiec61883 README Copyright 2004-2005 …") */
static void title_over_notice(void **state) {
  (void)state;
  static const char doc[] =
    "libwidget README\n"
    "Copyright (C) 2004-2005 Jane Roe and John Doe.\n"
    "http://www.example.org/\n\n"
    "Overview\n"
    "--------\n"
    "This library is an implementation of the widget protocol.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("README.txt", doc, &o, &d);
  vgi_diags_free(&d);
  assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(m, "videos"), 0), "title")->valuestring,
                      "libwidget README");
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "Copyright"));
  assert_null(strstr(all, "Jane Roe"));
  assert_non_null(strstr(all, "implementation of the widget protocol"));
  free(all);
  cJSON_Delete(m);
}

/* A changelog of dated lines ("20051107: Bumped up …") is a list of its
 * changes, each with its date shown after it (2005-11-07) and a change's
 * line further in joined to it; read as paragraphs, its title was three
 * changes run together. */
static void dated_change_lines(void **state) {
  (void)state;
  const char *doc = "20240302: Bumped up version number to 2.1\n"
                    "20240302: Fixed a crash when the gear slips\n"
                    "20231115: Ported the spring patches from the old tree\n"
                    "          They are written by Jane Roe\n"
                    "231001: Added a manual page\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("gear_changelog.txt", doc, &o, &d);
  vgi_diags_free(&d);
  const char *title = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(m, "videos"), 0), "title")->valuestring;
  assert_null(strstr(title, "Bumped"));
  const cJSON *l = scene_with(m, "list", "Bumped up version number to 2.1 (2024-03-02)");
  if (!l) print_message("%s\n", cJSON_PrintUnformatted(m));
  assert_non_null(l);
  char *all = cJSON_PrintUnformatted(m);
  if (!strstr(all, "Ported the spring patches from the old tree. They are written by Jane Roe (2023-11-15)"))
    print_message("%s\n", all), fail();
  free(all);
  assert_non_null(scene_with(m, "list", "Added a manual page (231001)"));
  assert_int_equal(items_of(l), 4);
  cJSON_Delete(m);
}

/* Stanzas of fields of the same keys, one a description under its key
 * (dpkg's README.api: "What: / Status: / Description:"), are a list of
 * one item a stanza: its first value the name, the description its text,
 * the other fields in brackets; the description is never a slide apart
 * from what it describes. */
static void stanzas_are_items(void **state) {
  (void)state;
  const char *doc = "This is a list of the parts of the gear kit, and their status.\n\n"
                    "What: libgear (C library)\nStatus: volatile\nDescription:\n"
                    " The interface of this library still changes. Use it only inside the kit.\n"
                    " Its headers may be renamed at any time.\n\n"
                    "What: gear-perl (perl modules)\nStatus: stable\nDescription:\n"
                    " The modules with a version of 1.00 are stable.\n .\n"
                    " Breaking changes raise the major number.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("parts-api.txt", doc, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(m);
  if (!strstr(all, "\"title\":\"libgear (C library)\",\"description\":\"The interface of this library still changes"))
    print_message("%s\n", all), fail();
  assert_non_null(strstr(all, "Breaking changes raise the major number. (Status: stable)"));
  assert_null(scene_with(m, "table", "Status"));
  free(all);
  cJSON_Delete(m);
}

/* An Emacs trailer at the end of a text ("Local variables:" in any case,
 * its settings and "End:", after a rule) is neither shown nor said. */
static void emacs_trailer_unsaid(void **state) {
  (void)state;
  const char *doc = "GNU Gadget\n\nThe gadget library adds numbers of any size to a program.\n\n"
                    "\t\t\tREPORTING BUGS\n\nIf you find a bug in the library, please tell us about it.\n\n\n"
                    "----------------\nLocal variables:\nmode: text\nfill-column: 78\nEnd:\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("README.txt", doc, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(m);
  static const char *const never[] = { "Local", "variables", "mode:", "fill-column", "End", "----", NULL };
  for (int i = 0; never[i]; i++)
    if (strstr(all, never[i])) print_message("'%s' in %s\n", never[i], all), fail();
  assert_non_null(strstr(all, "please tell us about it"));
  free(all);
  cJSON_Delete(m);
}

/* A FAQ in plain text ("Q. …" over "A. …"): a summary says each question
 * with its answer, without the labels, never a question alone; the
 * sign-off under it (a name and a bare mail address) is not said. */
static void questions_with_answers(void **state) {
  (void)state;
  const char *doc = "Frequently Asked Questions about gadgets\n"
                    "========================================\n\n"
                    "* Questions about the gear box:\n\n"
                    "Q. I upgraded my gadget to the testing release and now the gear box\nsays \"spring/sid\". "
                    "Should it not read \"spring\"?\n\n"
                    "A. That would be nice, but it is not possible because of the way the\ntesting release works. "
                    "Packages reach testing after ten days.\n\n"
                    "Q. Why \"spring/sid\" and not \"testing/unstable\" as it used to be?\n\n"
                    "A. The codename is a little bit more informative, as the meaning of\n\"testing\" changes over "
                    "time.\n\n"
                    "Q. How do I know which release I am running?\n\n"
                    "A. Looking at the contents of your sources file is probably a much better way.\n\n\n"
                    "Santiago Vila <sanvila@example.org>\n";
  vgi_diags d;
  cJSON *m = load_text("faq.txt", doc, NULL, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(m);
  static const char *const never[] = { "Q.", "A.", "Santiago", "sanvila", NULL };
  for (int i = 0; never[i]; i++)
    if (strstr(all, never[i])) print_message("'%s' in %s\n", never[i], all), fail();
  static const char *const said[] = { "That would be nice, but it is not possible",
    "The codename is a little bit more informative", "Looking at the contents of your sources file",
    "How do I know which release I am running?", NULL };
  for (int i = 0; said[i]; i++)
    if (!said_in(m, said[i])) print_message("not said '%s' in %s\n", said[i], all), fail();
  free(all);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(wiki_titles),
    cmocka_unit_test(dash_entries),
    cmocka_unit_test(dash_signature),
    cmocka_unit_test(title_over_notice),
    cmocka_unit_test(constructs),
    cmocka_unit_test(lines),
    cmocka_unit_test(detection),
    cmocka_unit_test(fields),
    cmocka_unit_test(tables),
    cmocka_unit_test(wide_tables_in_groups),
    cmocka_unit_test(box_drawn_grids),
    cmocka_unit_test(line_items),
    cmocka_unit_test(outline_news),
    cmocka_unit_test(man_page_text),
    cmocka_unit_test(man_page_examples),
    cmocka_unit_test(man_page_displays),
    cmocka_unit_test(man_page_column_table),
    cmocka_unit_test(man_page_options_folded),
    cmocka_unit_test(man_page_translated_headings),
    cmocka_unit_test(man_page_wide_stops),
    cmocka_unit_test(release_lines),
    cmocka_unit_test(notice_at_top),
    cmocka_unit_test(colon_capitals),
    cmocka_unit_test(centred_title_and_notice),
    cmocka_unit_test(readme_titles_named),
    cmocka_unit_test(other_encodings),
    cmocka_unit_test(name_runs_shown),
    cmocka_unit_test(long_listing_kept),
    cmocka_unit_test(colon_labels_and_underlines),
    cmocka_unit_test(comment_notice_and_short_entry),
    cmocka_unit_test(nested_underline_label),
    cmocka_unit_test(todo_sections_not_title),
    cmocka_unit_test(said_whole_sentences),
    cmocka_unit_test(man_page_name_pairs),
    cmocka_unit_test(news_entries_and_signatures),
    cmocka_unit_test(dated_change_lines),
    cmocka_unit_test(stanzas_are_items),
    cmocka_unit_test(conjunction_label_no_heading),
    cmocka_unit_test(emacs_trailer_unsaid),
    cmocka_unit_test(questions_with_answers),
    cmocka_unit_test(hostile),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
