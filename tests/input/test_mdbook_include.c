/* test_mdbook_include.c: mdBook's code-block directives
 * (stages/input/mdbook_include.c). A book's chapter keeps its code in files
 * of the book ("{{#rustdoc_include ../listings/a/src/main.rs:here}}"): the
 * slide shows the lines the directive selects (a line range, an anchor,
 * without rustdoc's hidden lines), the label over the block ("Filename:
 * src/main.rs") is the card's title and never a point, and a file outside
 * the document's folder and project (a "..", a link leading out, a FIFO) is
 * refused with a warning on the directive's line. A test that hangs here is
 * a failure (a FIFO must never be opened for reading). */
#define INPUT_TEST_TREE
#include "input_test.h"

#include <sys/stat.h>
#include <unistd.h>

/* root (input_test.h): a fresh folder per test; root/book is the project, root/book/src the chapter's */

static int setup(void **state) {
  (void)state;
  snprintf(root, sizeof root, "/tmp/vgi_mdbook_XXXXXX");
  if (!mkdtemp(root)) return -1;
  const char *dirs[] = { "book", "book/src", "book/listings", "book/listings/a", "book/listings/a/src" };
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
    char p[512];
    snprintf(p, sizeof p, "%s/%s", root, dirs[i]);
    if (mkdir(p, 0700)) return -1;
  }
  return 0;
}


static char *all_text(const cJSON *m) { return cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos")); }

/* the lines a command scene shows, one string */
static char *shown(const cJSON *scene) {
  assert_non_null(scene);
  return cJSON_PrintUnformatted(cJSON_GetObjectItem(cJSON_GetObjectItem(scene, "visual_content"), "commands"));
}

static const char *main_rs =
    "# #![allow(unused)]\n"                 /* 1: hidden by rustdoc */
    "// ANCHOR: all\n"                      /* 2 */
    "fn main() {\n"                         /* 3 */
    "    // ANCHOR: here\n"                 /* 4 */
    "    let speed = 3;\n"                  /* 5 */
    "    # let hidden_setup = 1;\n"         /* 6: hidden */
    "    #[allow(unused)]\n"                /* 7: an attribute, shown */
    "    let gear = speed * 2;\n"           /* 8 */
    "    // ANCHOR_END: here\n"             /* 9 */
    "    println!(\"after the anchor\");\n" /* 10 */
    "}\n"                                   /* 11 */
    "// ANCHOR_END: all\n";                 /* 12 */

/* anchors, ranges and hidden lines; the label is the card's title */
static void followed(void **state) {
  (void)state;
  put("book/listings/a/src/main.rs", main_rs);
  put("book/listings/a/lib.rs", "line one\nline two\nline three\nline four\nline five\n");
  put("book/src/ch01.md",
      "# Widgets\n"                                                        /* 1 */
      "\n"                                                                 /* 2 */
      "Widgets are small machines that turn gears for the user.\n"        /* 3 */
      "\n"                                                                 /* 4 */
      "<span class=\"filename\">Filename: src/main.rs</span>\n"           /* 5 */
      "\n"                                                                 /* 6 */
      "```rust\n"                                                          /* 7 */
      "{{#rustdoc_include ../listings/a/src/main.rs:here}}\n"             /* 8 */
      "```\n"                                                              /* 9 */
      "\n"                                                                 /* 10 */
      "<span class=\"caption\">Listing 1-1: A widget that spins</span>\n" /* 11 */
      "\n"                                                                 /* 12 */
      "## Ranges\n"                                                        /* 13 */
      "\n"                                                                 /* 14 */
      "The second and third lines of the file are these.\n"              /* 15 */
      "\n"                                                                 /* 16 */
      "```text\n"                                                          /* 17 */
      "{{#include ../listings/a/lib.rs:2:3}}\n"                           /* 18 */
      "```\n"                                                              /* 19 */
      "\n"                                                                 /* 20 */
      "## One line\n\nThe fourth line alone is this one.\n\n"
      "```text\n{{#include ../listings/a/lib.rs:4}}\n```\n\n"
      "## From a line\n\nFrom the fifth line to the end comes next.\n\n"
      "```text\n{{#include ../listings/a/lib.rs:5:}}\n```\n\n"
      "## Up to a line\n\nUp to the first line comes next here.\n\n"
      "```text\n{{#include ../listings/a/lib.rs::1}}\n```\n\n"
      "## Whole\n\nThe whole program, as a playground, comes next.\n\n"
      "```rust\n{{#playground ../listings/a/src/main.rs editable}}\n```\n");
  const char *allow[] = { at("book"), NULL };
  vgi_options o = { .detail = VGI_DETAIL_FULL, .allow_paths = allow };
  vgi_diags d;
  cJSON *m = load(at("book/src/ch01.md"), &o, &d);
  assert_non_null(m);
  if (d.n) dump_diags(&d);
  assert_int_equal(d.errors, 0);
  assert_int_equal(d.warnings, 0);
  vgi_diags_free(&d);

  /* the anchor's lines, without rustdoc's hidden ones, dedented */
  const cJSON *code = scene_with(m, "command", "let speed = 3;");
  assert_non_null(code);
  char *t = shown(code);
  assert_string_equal(t, "[\"let speed = 3;\",\"#[allow(unused)]\",\"let gear = speed * 2;\"]");
  free(t);
  assert_string_equal(vcget(code, "file"), "src/main.rs");
  /* ranges: 2:3, 4, 5:, ::1 */
  t = shown(scene_with(m, "command", "line two"));
  assert_string_equal(t, "[\"line two\",\"line three\"]");
  free(t);
  t = shown(scene_with(m, "command", "line four"));
  assert_string_equal(t, "[\"line four\"]");
  free(t);
  t = shown(scene_with(m, "command", "line five"));
  assert_string_equal(t, "[\"line five\"]");
  free(t);
  t = shown(scene_with(m, "command", "line one"));
  assert_string_equal(t, "[\"line one\"]");
  free(t);
  /* the whole file (include keeps "# " lines; every ANCHOR line goes) */
  const cJSON *whole = scene_with(m, "command", "after the anchor");
  assert_non_null(whole);
  assert_null(vcget(whole, "file"));
  char *all = all_text(m);
  assert_null(strstr(all, "{{#"));
  assert_null(strstr(all, "ANCHOR"));
  assert_null(strstr(all, "hidden_setup\\\""));
  assert_null(strstr(all, "Filename"));   /* never a point, never said */
  assert_null(strstr(all, "Listing 1-1"));
  free(all);
  assert_true(said_in(m, "Widgets are small machines") >= 1);
  cJSON_Delete(m);
}

static int warned_at(const vgi_diags *d, int line, const char *needle) {
  int n = 0;
  for (size_t i = 0; i < d->n; i++) n += d->v[i].line == line && strstr(d->v[i].message, needle) != NULL;
  return n;
}

/* every way out of the project is refused, at the directive's line */
static void escapes_refused(void **state) {
  (void)state;
  put("secret.rs", "let secret = \"SECRET outside the project\";\n");
  put("book/listings/a/ok.rs", "let ok = 1;\n");
  assert_int_equal(symlink("../../secret.rs", at("book/listings/link.rs")), 0);
  assert_int_equal(mkfifo(at("book/listings/pipe.rs"), 0600), 0);
  mkdir(at("book/.git"), 0700);
  put("book/.git/config", "SECRET config\n");
  char doc[2048];
  snprintf(doc, sizeof doc,
           "# Escapes\n"                                      /* 1 */
           "\n"                                               /* 2 */
           "Each block below names a file it may not read.\n" /* 3 */
           "\n"                                               /* 4 */
           "```rust\n"                                        /* 5 */
           "{{#include ../../secret.rs}}\n"                   /* 6: outside the project */
           "{{#include ../listings/link.rs}}\n"               /* 7: a link leading out */
           "{{#include ../listings/pipe.rs}}\n"               /* 8: a FIFO */
           "{{#include ../listings/missing.rs}}\n"            /* 9: no such file */
           "{{#include %s}}\n"                                /* 10: absolute */
           "{{#include ../.git/config}}\n"                    /* 11: hidden */
           "{{#include ../listings/a/ok.rs:nowhere}}\n"       /* 12: no such anchor */
           "{{#include ../../nothing.rs}}\n"                  /* 13: outside, never looked for */
           "{{#include ../listings/a/ok.rs}}\n"               /* 14: read */
           "```\n",
           at("secret.rs"));
  put("book/src/esc.md", doc);
  const char *allow[] = { at("book"), NULL };
  vgi_options o = { .detail = VGI_DETAIL_FULL, .allow_paths = allow };
  vgi_diags d;
  cJSON *m = load(at("book/src/esc.md"), &o, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  char *all = all_text(m);
  assert_null(strstr(all, "SECRET"));
  assert_null(strstr(all, "{{#"));
  assert_non_null(strstr(all, "let ok = 1;"));
  free(all);
  for (int line = 6; line <= 13; line++) {
    if (warned_at(&d, line, "is not read") != 1) {
      print_message("line %d\n", line);
      dump_diags(&d);
    }
    assert_int_equal(warned_at(&d, line, "is not read"), 1);
  }
  assert_int_equal(warned_at(&d, 9, "no such file"), 1);
  assert_int_equal(warned_at(&d, 13, "outside the document's folder and project"), 1);
  assert_int_equal(d.warnings, 8);
  vgi_diags_free(&d);
  cJSON_Delete(m);

  /* without the project allowed, the book's listings are outside the
   * chapter's folder: refused, and the directive is not shown either */
  vgi_options o2 = { .detail = VGI_DETAIL_FULL };
  m = load(at("book/src/esc.md"), &o2, &d);
  assert_non_null(m);
  assert_int_equal(warned_at(&d, 14, "outside the document's folder"), 1);
  all = all_text(m);
  assert_null(strstr(all, "let ok"));
  assert_null(strstr(all, "{{#"));
  free(all);
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

/* a label over a block that is not shown (a summary's second block) is
 * neither a point nor said; "Filename:" over prose is not said either */
static void label_not_a_point(void **state) {
  (void)state;
  put("book/src/ch02.md",
      "# Tuples\n\n"
      "A tuple groups values of several types into one compound value.\n\n"
      "<span class=\"filename\">Filename: src/main.rs</span>\n\n"
      "```rust\nfn main() {\n    let tup: (i32, f64, u8) = (500, 6.4, 1);\n}\n```\n\n"
      "This program first creates a tuple and binds it to the variable tup.\n\n"
      "<span class=\"filename\">Filename: src/lib.rs</span>\n\n"
      "```rust\nfn second() {\n    let x: (i32, f64) = (1, 2.0);\n}\n```\n\n"
      "Tuples have a fixed length: once declared, they cannot grow or shrink.\n");
  vgi_options o = {0};
  vgi_diags d;
  cJSON *m = load(at("book/src/ch02.md"), &o, &d);
  assert_non_null(m);
  vgi_diags_free(&d);
  char *all = all_text(m);
  assert_null(strstr(all, "Filename"));
  free(all);
  /* the shown block's label is its card's title */
  const cJSON *code = scene_with(m, "command", "let tup");
  assert_non_null(code);
  assert_string_equal(vcget(code, "file"), "src/main.rs");
  cJSON_Delete(m);
}

/* "the `: u32` type annotation": the span's opening mark is the code's;
 * it was said joined to the word before, "the: u32 type annotation" */
static void span_mark_not_moved(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("mdbook_span.md",
                       "# Types\n\nIf we don't add the `: u32` type annotation shown in the preceding code, Rust "
                       "will display an error. The compiler needs more information from us.\n\n"
                       "Each type has a size, and the size is fixed for every value of the type.\n",
                       &o, &d);
  assert_non_null(m);
  vgi_diags_free(&d);
  char *all = all_text(m);
  assert_null(strstr(all, "the: u32"));
  assert_null(strstr(all, "the : u32"));
  free(all);
  assert_true(said_in(m, "add the u32 type annotation") >= 1);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(followed, setup, teardown),
    cmocka_unit_test_setup_teardown(escapes_refused, setup, teardown),
    cmocka_unit_test_setup_teardown(label_not_a_point, setup, teardown),
    cmocka_unit_test(span_mark_not_moved),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
