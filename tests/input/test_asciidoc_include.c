/* test_asciidoc_include.c: AsciiDoc's include:: (stages/input/asciidoc_include.c)
 * is followed as Asciidoctor follows it in its safe mode: the file's lines
 * in place (lines=, tag=/tags=, leveloffset=), each scene and problem on
 * the included file's own line. It is a trust boundary: a document may only
 * include regular files inside its own folder tree, so every way out (an
 * absolute path, "..", a symbolic link, a URL, a FIFO, a device, a folder,
 * an include of itself) is refused with a warning on the include's line,
 * and the document is read without it. A test that hangs here is a failure
 * (a FIFO must never be opened for reading). */
#define INPUT_TEST_TREE
#include "input_test.h"
#include "input_private.h"   /* vgi_asciidoc_markdown: the translation */

#include <sys/stat.h>
#include <unistd.h>

/* root (input_test.h): a fresh folder per test; the document is in root/doc */

static int setup(void **state) {
  (void)state;
  snprintf(root, sizeof root, "/tmp/vgi_include_XXXXXX");
  if (!mkdtemp(root)) return -1;
  char p[512];
  snprintf(p, sizeof p, "%s/doc", root);
  return mkdir(p, 0700);
}


static const vgi_diag *diag_with(const vgi_diags *d, const char *needle) {
  for (size_t i = 0; i < d->n; i++)
    if (strstr(d->v[i].message, needle)) return &d->v[i];
  return NULL;
}

static int ends_with(const char *s, const char *tail) {
  size_t n = strlen(s), t = strlen(tail);
  return n >= t && !strcmp(s + n - t, tail);
}

static const char *file_of(const cJSON *scene) {
  assert_non_null(scene);
  return cJSON_GetObjectItem(cJSON_GetObjectItem(scene, "source"), "file")->valuestring;
}

static char *all_text(const cJSON *m) { return cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos")); }

/* chapters, code regions and line ranges in place, each on its own line */
static void followed(void **state) {
  (void)state;
  mkdir(at("doc/chap"), 0700);
  mkdir(at("doc/shared"), 0700);
  put("doc/main.adoc",
      "= Widget Book\n"                                   /* 1 */
      ":chapters: chap\n"                                 /* 2 */
      "\n"                                                /* 3 */
      "Widgets are small machines.\n"                     /* 4 */
      "\n"                                                /* 5 */
      "include::{chapters}/gears.adoc[leveloffset=+1]\n"  /* 6 */
      "\n"                                                /* 7 */
      "== Setup\n"                                        /* 8 */
      "\n"                                                /* 9 */
      "[source,python]\n"                                 /* 10 */
      "----\n"                                            /* 11 */
      "include::code.py[tags=setup;run]\n"                /* 12 */
      "----\n"                                            /* 13 */
      "\n"                                                /* 14 */
      "include::shared/part.txt[lines=2..3;5]\n"          /* 15 */
      "\n"                                                /* 16 */
      "include::shared/nothing.adoc[opts=optional]\n");   /* 17 */
  put("doc/chap/gears.adoc",
      "= Gears\n"                                         /* 1 */
      "\n"                                                /* 2 */
      "Gears turn the axle of every widget.\n"            /* 3 */
      "\n"                                                /* 4 */
      "include::../shared/note.adoc[]\n"                  /* 5: .. that stays inside */
      "\n"                                                /* 6 */
      "include::missing.adoc[]\n");                       /* 7 */
  put("doc/shared/note.adoc", "Oil the gears every spring.\n");
  put("doc/code.py",
      "# tag::setup[]\nimport widget\n# end::setup[]\n"
      "print('left out')\n"
      "# tag::run[]\nwidget.run()\n# end::run[]\n");
  put("doc/shared/part.txt",
      "Line one is left out.\nSprings store the energy.\nBolts hold the frame.\n"
      "Line four is left out.\nNuts keep the bolts.\n");
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load(at("doc/main.adoc"), &o, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  /* the one missing file (opts=optional says nothing), on its own file's line */
  const vgi_diag *miss = diag_with(&d, "missing.adoc");
  assert_non_null(miss);
  assert_true(ends_with(miss->file, "chap/gears.adoc"));
  assert_int_equal(miss->line, 7);
  assert_null(diag_with(&d, "nothing.adoc"));
  assert_int_equal(d.warnings, 1);
  vgi_diags_free(&d);

  /* "= Gears" one level down is a section of the book */
  const cJSON *gears = scene_with(m, "list", "Gears turn the axle");
  assert_non_null(gears);
  assert_string_equal(vcget(gears, "header"), "Gears");
  assert_true(ends_with(file_of(gears), "chap/gears.adoc"));
  assert_true(said_in(m, "Oil the gears every spring.") == 1);
  /* the level offset ends with the include: Setup is a section again */
  const cJSON *code = scene_with(m, "command", "import widget");
  assert_non_null(code);
  char *ct = cJSON_PrintUnformatted(code);
  assert_non_null(strstr(ct, "widget.run()"));
  assert_null(strstr(ct, "left out"));
  assert_null(strstr(ct, "tag::"));
  free(ct);
  assert_true(said_in(m, "Springs store the energy. Bolts hold the frame. Nuts keep the bolts.") == 1);
  char *all = all_text(m);
  assert_null(strstr(all, "include::"));
  assert_null(strstr(all, "is left out"));
  assert_null(strstr(all, "end::"));
  free(all);
  /* in the translation: the chapter a level down, the book's own sections
   * where they were (the offset ends with its include) */
  FILE *f = fopen(at("doc/main.adoc"), "rb");
  assert_non_null(f);
  char text[4096];
  size_t tn = fread(text, 1, sizeof text, f);
  fclose(f);
  int *map = NULL, nmap = 0, *mapfile = NULL, nfiles = 0;
  char **files = NULL;
  size_t mlen = 0;
  vgi_diags d2 = {0};
  char *md = vgi_asciidoc_markdown(text, tn, at("doc/main.adoc"), &o, &d2, &map, &nmap, &mlen, &mapfile, &files, &nfiles);
  assert_non_null(md);
  assert_non_null(strstr(md, "\n## Gears\n"));
  assert_non_null(strstr(md, "\n## Setup\n"));
  assert_int_equal(nfiles, 5);   /* the book, gears, note, code, part */
  free(md);
  free(map);
  free(mapfile);
  for (int i = 0; i < nfiles; i++) free(files[i]);
  free(files);
  vgi_diags_free(&d2);
  /* the document's own scenes keep its file */
  const cJSON *setup_scene = scene_with(m, "command", "import widget");
  assert_true(ends_with(file_of(setup_scene), "doc/main.adoc"));
  cJSON_Delete(m);
}

/* every way out of the document's folder is refused, at the include's line */
static void escapes_refused(void **state) {
  (void)state;
  put("secret.adoc", "SECRET outside the tree.\n");
  put("doc/inner.adoc", "Inner text is read.\n");
  assert_int_equal(symlink("../secret.adoc", at("doc/link.adoc")), 0);
  assert_int_equal(symlink("..", at("doc/up")), 0);
  assert_int_equal(symlink("/etc", at("doc/etc")), 0);
  assert_int_equal(mkfifo(at("doc/pipe.adoc"), 0600), 0);
  mkdir(at("doc/folder"), 0700);
  put("doc/loop.adoc", "Loop line.\n\ninclude::loop.adoc[]\n");
  mkdir(at("doc/.ssh"), 0700);
  put("doc/.ssh/id_rsa", "SECRET key.\n");
  char doc[2048];
  snprintf(doc, sizeof doc,
           "= Escapes\n"                               /* 1 */
           "\n"                                        /* 2 */
           "include::../secret.adoc[]\n"               /* 3 */
           "include::%s[]\n"                           /* 4: absolute, though it is the tree's own */
           "include::link.adoc[]\n"                    /* 5 */
           "include::up/secret.adoc[]\n"               /* 6 */
           "include::etc/passwd[]\n"                   /* 7 */
           "include::pipe.adoc[]\n"                    /* 8 */
           "include::/dev/zero[]\n"                    /* 9 */
           "include::https://example.org/secret.adoc[]\n" /* 10 */
           "include::folder[]\n"                       /* 11 */
           "include::inner.adoc/../../secret.adoc[]\n" /* 12 */
           "include::folder/../../secret.adoc[]\n"     /* 13 */
           "include::loop.adoc[]\n"                    /* 14 */
           "include::.ssh/id_rsa[]\n"                  /* 15: hidden, though inside the tree */
           "\n"
           "include::inner.adoc[]\n",                  /* 17 */
           at("doc/inner.adoc"));
  put("doc/escapes.adoc", doc);
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load(at("doc/escapes.adoc"), &o, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  char *all = all_text(m);
  assert_null(strstr(all, "SECRET"));
  assert_null(strstr(all, "root:"));
  assert_null(strstr(all, "include::"));
  assert_non_null(strstr(all, "Inner text is read."));
  free(all);
  /* one warning per refused include, each at its line of escapes.adoc */
  int refused[20] = {0};
  for (size_t i = 0; i < d.n; i++)
    if (strstr(d.v[i].message, "is not followed") && ends_with(d.v[i].file, "doc/escapes.adoc") &&
        d.v[i].line > 0 && d.v[i].line < 20)
      refused[d.v[i].line]++;
  for (int line = 3; line <= 15; line++) {
    if (line == 14) continue;   /* the loop: below */
    if (refused[line] != 1) print_message("line %d: %d warnings\n", line, refused[line]);
    assert_int_equal(refused[line], 1);
  }
  /* the loop: 8 deep, then refused in the included file itself */
  const vgi_diag *deep = diag_with(&d, "too deep");
  assert_non_null(deep);
  assert_true(ends_with(deep->file, "doc/loop.adoc"));
  assert_int_equal(deep->line, 3);
  assert_true(said_in(m, "Loop line.") >= 1);
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

/* a document without a folder (its name only) includes nothing, and a
 * directive inside a false conditional is never looked at */
static void conditional_and_escaped(void **state) {
  (void)state;
  put("doc/inner.adoc", "Inner text is read.\n");
  put("doc/cond.adoc",
      "= Conditions\n\n"
      "ifdef::never-set[]\ninclude::inner.adoc[]\nendif::[]\n\n"
      "\\include::inner.adoc[] is how the directive is written.\n");
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load(at("doc/cond.adoc"), &o, &d);
  assert_non_null(m);
  assert_int_equal(d.warnings, 0);
  vgi_diags_free(&d);
  char *all = all_text(m);
  assert_null(strstr(all, "Inner text"));
  free(all);
  assert_true(said_in(m, "is how the directive is written") == 1);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(followed, setup, teardown),
    cmocka_unit_test_setup_teardown(escapes_refused, setup, teardown),
    cmocka_unit_test_setup_teardown(conditional_and_escaped, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
