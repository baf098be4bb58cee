/* test_asciidoc.c: AsciiDoc (stages/input/asciidoc.c) read as Asciidoctor
 * shows it: the title without its badges, author or attributes; lists,
 * labelled lists, code, tables and admonitions as scenes; inline markup,
 * links, cross references and attributes as their text, never the markup;
 * every scene on the .adoc file's own line; hostile documents read, never
 * a crash. */
#include "input_test.h"
#include "input_private.h"

#include <sys/time.h>

static const char doc[] =
  "= Widget Handbook image:https://img.shields.io/badge/ci-passing-green.svg[\"CI\", link=\"https://ci.example.org\"]\n" /* 1 */
  "Jane Doe <jane@example.org>\n"                                      /* 2 */
  "v1.2, 2024-01-01\n"                                                 /* 3 */
  ":project: Widget\n"                                                 /* 4 */
  ":docs: https://widget.example.org/docs\n"                           /* 5 */
  ":source-language: python\n"                                         /* 6 */
  "ifdef::env-github[]\n"                                              /* 7 */
  ":tip-caption: :bulb:\n"                                             /* 8 */
  "endif::[]\n"                                                        /* 9 */
  "\n"                                                                 /* 10 */
  "// a comment nobody reads aloud\n"                                  /* 11 */
  "{project} turns *parts* into `widgets` quickly -- see the {docs}[user guide]\n" /* 12 */
  "and <<getting-started,the first steps>>.footnote:[A footnote nobody reads aloud.]\n" /* 13 */
  "\n"                                                                 /* 14 */
  "== Getting Started\n"                                               /* 15 */
  "\n"                                                                 /* 16 */
  "Install it with pip:\n"                                             /* 17 */
  "\n"                                                                 /* 18 */
  "[source,shell]\n"                                                   /* 19 */
  "----\n"                                                             /* 20 */
  "$ pip install widget # <1>\n"                                       /* 21 */
  "----\n"                                                             /* 22 */
  "<1> The package is on PyPI.\n"                                      /* 23 */
  "\n"                                                                 /* 24 */
  "NOTE: Never build widgets as root.\n"                               /* 25 */
  "\n"                                                                 /* 26 */
  "[WARNING]\n"                                                        /* 27 */
  "====\n"                                                             /* 28 */
  "Keep the gears oiled.\n"                                            /* 29 */
  "====\n"                                                             /* 30 */
  "\n"                                                                 /* 31 */
  "== Parts\n"                                                         /* 32 */
  "\n"                                                                 /* 33 */
  "* Gears turn the axle.\n"                                           /* 34 */
  "** Small gears turn fast.\n"                                        /* 35 */
  "* Springs store the energy.\n"                                      /* 36 */
  "\n"                                                                 /* 37 */
  "Bolt:: Holds the frame together.\n"                                 /* 38 */
  "Nut::\n"                                                            /* 39 */
  "  Keeps the bolt in place.\n"                                       /* 40 */
  "\n"                                                                 /* 41 */
  "=== Sizes\n"                                                        /* 42 */
  "\n"                                                                 /* 43 */
  ".Sizes of the parts\n"                                              /* 44 */
  "[cols=\"1,1,2\", options=\"header\"]\n"                             /* 45 */
  "|===\n"                                                             /* 46 */
  "|Part |Size |Note\n"                                                /* 47 */
  "|Gear |small |turns fast\n"                                         /* 48 */
  "|Spring |large |stores *energy*\n"                                  /* 49 */
  "|===\n"                                                             /* 50 */
  "\n"                                                                 /* 51 */
  "include::other.adoc[]\n"                                            /* 52 */
  "\n"                                                                 /* 53 */
  "[quote, Ada Lovelace]\n"                                            /* 54 */
  "____\n"                                                             /* 55 */
  "The engine weaves algebraic patterns.\n"                            /* 56 */
  "____\n"                                                             /* 57 */
  "\n"                                                                 /* 58 */
  "[source]\n"                                                         /* 59 */
  "----\n"                                                             /* 60 */
  "import widget\n"                                                    /* 61 */
  "----\n";                                                            /* 62 */

/* none of `never` (NULL-ended) is in the model's text */
static void none_of(const char *all, const char *const *never) {
  for (int i = 0; never[i]; i++) {
    if (strstr(all, never[i])) print_message("found: %s\n", never[i]);
    assert_null(strstr(all, never[i]));
  }
}

static void constructs(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("handbook.adoc", doc, &o, &d);
  int warned = 0;
  for (size_t i = 0; i < d.n; i++)
    if (strstr(d.v[i].message, "include::")) { assert_int_equal(d.v[i].line, 52); warned = 1; }
  assert_true(warned);
  vgi_diags_free(&d);
  const cJSON *title = scene_at(m, 0, 0);
  assert_string_equal(sget(title, "scene_type"), "title");
  assert_string_equal(vcget(title, "title"), "Widget Handbook");
  assert_true(said_in(m, "Widget turns parts into widgets quickly") == 1);
  assert_true(said_in(m, "see the user guide and the first steps.") == 1);
  const cJSON *pip = scene_with(m, "command", "pip install widget");
  assert_non_null(pip);
  assert_string_equal(vcget(pip, "language"), "shell");
  const cJSON *py = scene_with(m, "command", "import widget");
  assert_non_null(py);
  assert_string_equal(vcget(py, "language"), "python");   /* :source-language: */
  assert_non_null(scene_with(m, "list", "Never build widgets as root"));
  assert_non_null(scene_with(m, "list", "Keep the gears oiled"));
  const cJSON *parts = scene_with(m, "list", "Gears turn the axle");
  assert_non_null(parts);
  char *pt = cJSON_PrintUnformatted(parts);
  assert_non_null(strstr(pt, "Small gears turn fast"));
  free(pt);
  assert_non_null(scene_with(m, "list", "Holds the frame together"));
  assert_non_null(scene_with(m, "list", "Keeps the bolt in place"));
  const cJSON *sizes = scene_with(m, "table", "Spring");
  assert_non_null(sizes);
  const cJSON *cols = cJSON_GetObjectItem(cJSON_GetObjectItem(sizes, "visual_content"), "columns");
  assert_int_equal(cJSON_GetArraySize(cols), 3);
  assert_string_equal(cJSON_GetArrayItem(cols, 2)->valuestring, "Note");
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(sizes, "visual_content"), "rows")), 2);
  assert_non_null(scene_with(m, "quote", "algebraic patterns"));
  /* none of the markup, attributes, header lines or comments is said or shown */
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  static const char *const never[] = { "{project}", "{docs}", "Jane Doe", "v1.2", "comment nobody",
                                       "footnote", "A footnote", "<<", "ifdef", "image:", "shields.io",
                                       "|===", "----", "<1>", "# <", "include::", ":bulb:", "[source",
                                       "NOTE:", "====", "____", NULL };
  none_of(all, never);
  free(all);
  cJSON_Delete(m);
}

static void lines(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("lines.adoc", doc, &o, &d);
  vgi_diags_free(&d);
  assert_int_equal(line_of(scene_with(m, "command", "pip install widget")), 20);
  assert_int_equal(line_of(scene_with(m, "list", "Gears turn the axle")), 34);
  assert_int_equal(line_of(scene_with(m, "table", "Spring")), 44);   /* its title's */
  cJSON_Delete(m);
}

/* the document's structure from what Asciidoctor reads: ids that name
 * sections, labelled lists, checklists, CSV tables, conditionals */
static void structure(void **state) {
  (void)state;
  static const char text[] =
    "= Guide\n\n"
    ":flag:\n\n"
    "ifndef::flag[]\nThis line is left out.\nendif::[]\n"
    "ifdef::flag[]\nThis line is read.\nendif::[]\n"
    "ifeval::[{safe-mode-level} < 20]\nSo is this one.\nendif::[]\n\n"
    "See <<_using_the_tool>> first, then xref:other.adoc#setup[the setup].\n\n"
    "[[using]]\n== Using the tool\n\n"
    "* [x] Installed\n* [ ] Configured\n\n"
    "[%header,format=csv]\n,===\nFruit,Colour\nApple,red\n\"Banana, ripe\",yellow\n,===\n\n"
    "|===\n|Key |What it does\n\n|q |quits\n|h |helps\n|===\n\n"
    "Press kbd:[Ctrl+C] or menu:File[Quit] (C) 2024.\n\n"
    "Angle brackets (+<+ or\n+>+) stay text.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("structure.adoc", text, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "left out"));
  assert_true(said_in(m, "This line is read.") == 1);
  assert_true(said_in(m, "So is this one.") == 1);
  assert_null(strstr(all, "safe-mode-level"));
  assert_true(said_in(m, "See Using the tool first, then the setup.") == 1);
  assert_non_null(scene_with(m, "list", "Configured"));
  const cJSON *csv = scene_with(m, "table", "Banana, ripe");
  assert_non_null(csv);
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(csv, "visual_content"), "columns"), 1)->valuestring, "Colour");
  const cJSON *keys = scene_with(m, "table", "quits");
  assert_non_null(keys);
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(keys, "visual_content"), "columns"), 0)->valuestring, "Key");
  assert_true(said_in(m, "Ctrl+C") >= 1);
  assert_true(said_in(m, "File > Quit") + said_in(m, "File, Quit") + said_in(m, "File Quit") >= 1);
  assert_true(said_in(m, "Copyright 2024") == 1);
  assert_null(strstr(all, "(C)"));
  /* a line that opens like a Markdown quote or list once its markup is gone stays text */
  assert_null(scene_with(m, "quote", "stay text"));
  assert_true(said_in(m, "Angle brackets (< or >) stay text.") == 1);
  assert_null(strstr(all, "kbd:"));
  assert_null(strstr(all, "menu:"));
  assert_null(strstr(all, "xref:"));
  free(all);
  cJSON_Delete(m);
}

/* A .txt file with an older two-line title is AsciiDoc when its body writes
 * what only AsciiDoc writes (git's documentation): its links
 * "https://x[text]" are said and shown by their text, its bibliography
 * anchors "[[[1]]]" never; a Markdown file titled the same way stays
 * Markdown. */
static void underlined_title_txt_is_asciidoc(void **state) {
  (void)state;
  static const char adoc[] =
    "Bisect Notes\n============\n\nThe notes explain how bisecting finds a bad commit.\n\n"
    "References\n----------\n\n"
    "- [[[1]]] https://example.org/a.pdf['The Cost of Testing'. Planning Report 7], see its summary.\n"
    "- [[[2]]] https://example.org/wiki['Software upkeep'. Wiki.]\n\n"
    "Read https://example.org/x[the bisect guide] before you start a session.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("notes.txt", adoc, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(m);
  /* ('text' is older AsciiDoc's emphasis: the words without the quotes) */
  assert_non_null(strstr(all, "The Cost of Testing"));
  assert_null(strstr(all, "'The Cost of Testing'"));
  assert_non_null(strstr(all, "Read the bisect guide before you start"));
  assert_null(strstr(all, "[[["));
  assert_null(strstr(all, "example.org/a.pdf["));
  free(all);
  cJSON_Delete(m);
  /* the same title over Markdown: a link in brackets and parentheses */
  static const char md[] = "Bisect Notes\n============\n\nRead [the bisect guide](https://example.org/x) before "
                           "you start a session.\n\n----\n\nMore notes follow here.\n";
  assert_int_equal(vgi_is_asciidoc(md, strlen(md)), 0);
  assert_int_equal(vgi_is_asciidoc(adoc, strlen(adoc)), 1);
}

/* older AsciiDoc: two-line titles (underlined with = - ~ ^ +), which a
 * listing delimiter of the same characters must not be taken for */
static void underlined_titles(void **state) {
  (void)state;
  static const char text[] =
    "Widget Bridge\n=============\nJane Doe\n:toc:\n\n"
    "The bridge connects widgets.\n\n"
    "Getting Started\n---------------\n\n"
    "Flash the board first.\n\n"
    "----\nmake flash\n----\n\n"
    "Wiring\n~~~~~~\n\n"
    "* TX goes to RX.\n* RX goes to TX.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("bridge.adoc", text, &o, &d);
  vgi_diags_free(&d);
  assert_string_equal(vcget(scene_at(m, 0, 0), "title"), "Widget Bridge");
  assert_non_null(scene_with(m, "command", "make flash"));
  const cJSON *wiring = scene_with(m, "list", "TX goes to RX");
  assert_non_null(wiring);
  char *wt = cJSON_PrintUnformatted(wiring);
  assert_non_null(strstr(wt, "Wiring"));
  free(wt);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "Jane Doe"));
  assert_null(strstr(all, "====="));
  assert_null(strstr(all, "-----"));
  assert_null(strstr(all, "~~~"));
  free(all);
  cJSON_Delete(m);
}

/* an attribute has, at each reference, the value in force there: a later
 * entry changes only the text after it, ":name!:" unsets it, and the title
 * takes the header's entries under it */
static void attributes_in_order(void **state) {
  (void)state;
  static const char text[] =
    "= {product} Guide\n"                          /* 1 */
    ":product: Gizmo\n"                            /* 2 */
    ":version: 1.0\n"                              /* 3 */
    "\n"                                           /* 4 */
    "== Releases\n\nRelease {version} ships today.\n"  /* 5-7 */
    "\n"                                           /* 6 */
    ":version: 2.0\n"                              /* 7 */
    "\n"                                           /* 8 */
    "Version {version} ships next year.\n"         /* 9 */
    "\n"                                           /* 10 */
    ":version!:\n"                                 /* 11 */
    "\n"                                           /* 12 */
    "ifdef::version[]\nThe version is still set.\nendif::[]\n"
    "ifndef::version[]\nThe version is gone.\nendif::[]\n\n"
    ":version: 3.0\n\n"
    "[source,shell,subs=\"attributes+\"]\n----\ninstall gizmo-{version}\n----\n\n"
    "----\nkeep {version} as written\n----\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("order.adoc", text, &o, &d);
  vgi_diags_free(&d);
  assert_string_equal(vcget(scene_at(m, 0, 0), "title"), "Gizmo Guide");
  assert_true(said_in(m, "Release 1.0 ships today.") == 1);
  assert_true(said_in(m, "Version 2.0 ships next year.") == 1);
  assert_true(said_in(m, "The version is gone.") == 1);
  assert_true(said_in(m, "still set") == 0);
  assert_non_null(scene_with(m, "command", "install gizmo-3.0"));
  assert_non_null(scene_with(m, "command", "keep {version} as written"));
  cJSON_Delete(m);
}

/* ifeval's test is evaluated: numbers and quoted strings compared after
 * the attributes are put in; a test it cannot read keeps its lines, with a
 * warning at its line */
static void ifeval_tests(void **state) {
  (void)state;
  static const char text[] =
    "= Eval\n:level: 3\n:backend-name: html5\n\n"          /* 1-4 */
    "ifeval::[{level} > 2]\nDeep levels are read.\nendif::[]\n"          /* 5-7 */
    "ifeval::[{level} <= 2]\nShallow levels are left out.\nendif::[]\n"  /* 8-10 */
    "ifeval::[\"{backend-name}\" == \"html5\"]\nThe web page is read.\nendif::[]\n"  /* 11-13 */
    "ifeval::[\"{backend-name}\" != \"html5\"]\nThe book is left out.\nendif::[]\n"  /* 14-16 */
    "ifeval::['{missing}' == '']\nA missing attribute is empty.\nendif::[]\n"      /* 17-19 */
    "ifeval::[{level} == 3.0]\nNumbers compare as numbers.\nendif::[]\n"          /* 20-22 */
    "ifeval::[\"{level}\" == 3]\nA string is no number.\nendif::[]\n"              /* 23-25 */
    "ifeval::[{level} =~ 3]\nAn unknown test is read.\nendif::[]\n";              /* 26-28 */
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("eval.adoc", text, &o, &d);
  int warned = 0;
  for (size_t i = 0; i < d.n; i++)
    if (strstr(d.v[i].message, "ifeval")) { assert_int_equal(d.v[i].line, 26); warned++; }
  assert_int_equal(warned, 1);
  vgi_diags_free(&d);
  assert_true(said_in(m, "Deep levels are read.") == 1);
  assert_true(said_in(m, "Shallow levels") == 0);
  assert_true(said_in(m, "The web page is read.") == 1);
  assert_true(said_in(m, "The book") == 0);
  assert_true(said_in(m, "A missing attribute is empty.") == 1);
  assert_true(said_in(m, "Numbers compare as numbers.") == 1);
  assert_true(said_in(m, "A string is no number") == 0);
  assert_true(said_in(m, "An unknown test is read.") == 1);
  cJSON_Delete(m);
}

/* "== X" inside an example, sidebar or open block is a discrete title (no
 * new section, no scene of its own); inside a listing it is code; and the
 * preprocessor's directives work inside a listing too */
static void titles_in_blocks(void **state) {
  (void)state;
  static const char text[] =
    "= Blocks\n\n"
    "== Setup\n\n"
    "****\n== Sidebar Heading\nThe sidebar explains the setup.\n****\n\n"
    "====\n=== Example Heading\nThe example shows the setup.\n====\n\n"
    "----\n== Not A Heading\nifdef::never[]\nhidden line\nendif::[]\n"
    "include::snippet.sh[]\n\\include::shown.adoc[]\n----\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("blocks.adoc", text, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  int headed = 0;
  const cJSON *v = cJSON_GetArrayItem(cJSON_GetObjectItem(m, "videos"), 0);
  const cJSON *sc;
  cJSON_ArrayForEach(sc, cJSON_GetObjectItem(v, "scenes")) {
    const cJSON *vc = cJSON_GetObjectItem(sc, "visual_content");
    const char *h = cJSON_GetStringValue(cJSON_GetObjectItem(vc, "header"));
    const char *t = cJSON_GetStringValue(cJSON_GetObjectItem(vc, "title"));
    if ((h && (strstr(h, "Sidebar Heading") || strstr(h, "Example Heading"))) ||
        (t && (strstr(t, "Sidebar Heading") || strstr(t, "Example Heading"))))
      headed++;
  }
  assert_int_equal(headed, 0);
  assert_non_null(strstr(all, "Sidebar Heading"));
  assert_true(said_in(m, "The sidebar explains the setup.") == 1);
  assert_true(said_in(m, "The example shows the setup.") == 1);
  const cJSON *code = scene_with(m, "command", "== Not A Heading");
  assert_non_null(code);
  char *ct = cJSON_PrintUnformatted(code);
  assert_null(strstr(ct, "hidden line"));
  assert_null(strstr(ct, "snippet.sh"));
  assert_non_null(strstr(ct, "include::shown.adoc[]"));
  assert_null(strstr(ct, "\\\\include"));
  free(ct);
  free(all);
  cJSON_Delete(m);
}

/* what a paragraph or item says across its lines, and what references to
 * attributes nobody set, git's linkgit: and multi-line entries become */
static void across_lines(void **state) {
  (void)state;
  static const char text[] =
    "= Across\n\n"
    "== Refs\n\n"
    "Read <<setup-steps,the setup\nsteps>> first.\n\n"
    "See {api-docs}/Gizmo.html[the Gizmo class] and pick {gizmo-version} or ${HOME}.\n\n"
    "Fetch with linkgit:git-fetch[1] daily.\n\n"
    ":note: footnote:[Scripts are +\nnot part of the core.]\n\n"
    "Run `make check`{note} before you send.\n\n"
    "Mark items with an asterisk (`{asterisk}`) first.\n\n"
    "The [red]##c##[blue]##o##lour and [line-through]#old# words stay [1] plain.\n\n"
    "Use \"git reset --hard\" now--or later.\n\n"
    "Names are shorthand:\n\n"
    "\t- The branch `test` is short for `refs/heads/test`.\n"
    "\t- The tag `v1` is short for `refs/tags/v1`.\n\n"
    "[[setup-steps]]\n== Setup steps\n\nDone.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("across.adoc", text, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_true(said_in(m, "Read the setup steps first.") == 1);
  assert_true(said_in(m, "See the Gizmo class and pick gizmo version or ${HOME}.") == 1);
  /* a manual page's link is said by its command, never "git-fetch one" */
  assert_true(said_in(m, "git fetch") == 1);
  assert_true(said_in(m, "git-fetch(1)") == 0);
  assert_null(strstr(all, "not part of the core"));
  assert_null(strstr(all, "footnote"));
  assert_non_null(strstr(all, "asterisk (*)"));
  assert_true(said_in(m, "The colour and old words stay [1] plain.") == 1);
  assert_non_null(strstr(all, "git reset --hard"));
  assert_non_null(strstr(all, "now\xe2\x80\x94or later"));
  const cJSON *names = scene_with(m, "list", "refs/tags/v1");
  assert_non_null(names);
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(names, "visual_content"), "items")), 2);
  static const char *const never[] = { "<<", ">>", "{api-docs}", "linkgit", "{asterisk}", "{note}", "\x1f", NULL };
  none_of(all, never);
  free(all);
  cJSON_Delete(m);
}

/* an admonition inside a quote keeps its label (no alert can nest there);
 * a table line opening with a cell spec ("a|") starts a cell, a list in an
 * AsciiDoc cell is its items; a bibliography anchor leaves nothing */
static void nested_and_cells(void **state) {
  (void)state;
  static const char text[] =
    "= Nest\n\n== Build\n\n"
    "____\n[NOTE]\nThe tests start many servers.\n____\n\n"
    "|===\n| Property | Purpose\n\n"
    "| `schema.action`\na| * If `create`, export tables\n* If `drop`, drop them\n"
    "| `schema.source`\n| Where the schema comes from\n|===\n\n"
    "== References\n\n"
    "- [[[1]]] https://example.org/paper['A paper'. Example Press.]\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("nest.adoc", text, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "[!NOTE]"));
  assert_non_null(strstr(all, "The tests start many servers."));
  const cJSON *t = scene_with(m, "table", "schema.source");
  assert_non_null(t);
  const cJSON *rows = cJSON_GetObjectItem(cJSON_GetObjectItem(t, "visual_content"), "rows");
  assert_int_equal(cJSON_GetArraySize(rows), 2);
  char *r0 = cJSON_PrintUnformatted(cJSON_GetArrayItem(rows, 0));
  assert_non_null(strstr(r0, "If create, export tables; If drop, drop them"));
  free(r0);
  assert_null(strstr(all, "a|"));
  assert_non_null(strstr(all, "'A paper'"));
  assert_null(strstr(all, "] 'A paper"));
  assert_null(strstr(all, "[[1"));
  free(all);
  cJSON_Delete(m);
}

/* Vert.x's documentation templates: a Javadoc tag is its simple name, a
 * listing that only names code kept elsewhere is no code, "$lang" no
 * language */
static void doc_templates(void **state) {
  (void)state;
  static const char text[] =
    "= Web\n\n== Router\n\n"
    "Create a {@link io.vertx.ext.web.Router} and call {@link io.vertx.ext.web.Route#handler}.\n\n"
    "[source,$lang]\n----\n{@link examples.WebExamples#example2}\n----\n\n"
    "[source,$lang]\n----\nrouter.get(\"/\");\n----\n\n"
    "[plantuml]\n----\nAlice -> Bob : hello\n----\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("web.adoc", text, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_true(said_in(m, "Create a Router and call Route#handler.") + said_in(m, "Create a Router and call Route") >= 1);
  assert_null(strstr(all, "@link"));
  assert_null(strstr(all, "$lang"));
  assert_null(strstr(all, "io.vertx"));
  const cJSON *code = scene_with(m, "command", "router.get");
  assert_non_null(code);
  const cJSON *uml = scene_with(m, "command", "Alice -> Bob");
  assert_non_null(uml);
  assert_string_equal(vcget(uml, "language"), "plantuml");
  free(all);
  cJSON_Delete(m);
}

/* what a stranger may write: unclosed blocks, attribute references to
 * themselves, deep nesting, long lines; read, never a crash or a hang */
static void hostile(void **state) {
  (void)state;
  char path[256];
  tmp_path(path, sizeof path, "hostile.adoc");
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs("= T\n:a: {a}{a}{a}{a}\n:b: {a}{a}{a}{a}{a}{a}{a}{a}\n\n{b}{b}{b}{b}{b}{b}\n\n", f);
  for (int i = 0; i < 200; i++) fputs("====\n", f);
  put_rep(f, "*", 5000);
  fputs("\n\n|===\n", f);
  put_rep(f, "|x ", 3000);
  fputs("\n----\nunclosed\n", f);
  put_rep(f, "ifdef::a[]\n", 100);
  put_rep(f, "<<", 2000);
  put_rep(f, "link:x[", 2000);
  fputs("\n", f);
  fclose(f);
  vgi_options o = {0};
  vgi_diags d;
  cJSON *m = load(path, &o, &d);
  unlink(path);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* old Mac line ends: a lone carriage return ends a line, as CRLF does */
static void lone_cr_lines(void **state) {
  (void)state;
  static const char text[] =
    "= Classic Guide\r\r== Setting Up\r\rOpen the control panel.\r\r* Choose a printer.\r* Print a test page.\r";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("classic.adoc", text, &o, &d);
  vgi_diags_free(&d);
  assert_string_equal(vcget(scene_at(m, 0, 0), "title"), "Classic Guide");
  const cJSON *setup = scene_with(m, "list", "Print a test page");
  assert_non_null(setup);
  assert_string_equal(vcget(setup, "header"), "Setting Up");
  assert_int_equal(line_of(setup), 7);   /* its first item, counted in lone CRs */
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "=="));
  assert_null(strstr(all, "\\r"));
  free(all);
  cJSON_Delete(m);
}

/* [discrete] (and [float]) titles are headings of no section: their text
 * stays in the scene of the section they are in */
static void discrete_titles(void **state) {
  (void)state;
  static const char text[] =
    "= Tool Guide\n\n"
    "== Usage\n\nRun the tool with a file.\n\n"
    "[discrete]\n=== Exit codes\n\nThe tool exits with zero on success.\n\n"
    "[float#opts.small]\n=== Options\n\nEvery option has a long form.\n\n"
    "== Bugs\n\nReport bugs by mail.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("discrete.adoc", text, &o, &d);
  vgi_diags_free(&d);
  for (int i = 0; i < scene_count(m, 0); i++) {
    const char *h = vcget(scene_at(m, 0, i), "header");
    assert_true(!h || (strcmp(h, "Exit codes") && strcmp(h, "Options")));
  }
  const cJSON *usage = scene_with(m, "list", "exits with zero");
  assert_non_null(usage);
  assert_string_equal(vcget(usage, "header"), "Usage");
  char *ut = cJSON_PrintUnformatted(usage);
  assert_non_null(strstr(ut, "Exit codes"));
  assert_non_null(strstr(ut, "long form"));
  free(ut);
  assert_non_null(scene_with(m, "list", "Report bugs by mail"));
  cJSON_Delete(m);
}

/* passed-through HTML shows its text, never its tags */
static void passthrough_html(void **state) {
  (void)state;
  static const char text[] =
    "= Keys\n\n== Shortcuts\n\n"
    "Press pass:[<kbd>Ctrl</kbd>+<kbd>S</kbd>] to save, pass:q[<u>*always*</u>] before you quit.\n\n"
    "The +++<span class=\"hl\">raw &amp; ready</span>+++ output and pass:c[<br>] as written.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("pass.adoc", text, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "<kbd>"));
  assert_null(strstr(all, "</u>"));
  assert_null(strstr(all, "<span"));
  assert_null(strstr(all, "&amp;"));
  assert_null(strstr(all, "pass:"));
  free(all);
  assert_true(said_in(m, "Press Ctrl+S to save, always before you quit.") == 1);
  assert_true(said_in(m, "raw & ready output") == 1);
  assert_non_null(scene_with(m, "list", "<br> as written"));
  cJSON_Delete(m);
}

/* a table without a header row ([%noheader], or no blank line after its
 * first row) shows every row as a row, none as the header */
static void tables_without_header(void **state) {
  (void)state;
  static const char text[] =
    "= Units\n\n== Lengths\n\n"
    "[%noheader]\n|===\n|metre |m |base\n|kilometre |km |1000 m\n|===\n\n"
    "== Masses\n\n"
    "|===\n|gram |g |base\n|kilogram |kg |1000 g\n|===\n\n"
    "== Times\n\n"
    "[%header]\n|===\n|Unit |Symbol |Size\n|second |s |base\n|===\n\n"
    "== Pairs\n\n"
    "[%noheader]\n|===\n|ampere |current\n|kelvin |temperature\n|===\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("units.adoc", text, &o, &d);
  vgi_diags_free(&d);
  static const char *const first[] = { "metre", "gram" };
  for (int k = 0; k < 2; k++) {
    const cJSON *t = scene_with(m, "table", first[k]);
    assert_non_null(t);
    const cJSON *vc = cJSON_GetObjectItem(t, "visual_content");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(vc, "rows")), 2);
    char *cols = cJSON_PrintUnformatted(cJSON_GetObjectItem(vc, "columns"));
    assert_null(strstr(cols, first[k]));
    free(cols);
  }
  const cJSON *times = scene_with(m, "table", "second");
  assert_non_null(times);
  /* (one row under its header: a record, each name beside its value) */
  const cJSON *row0 = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(times, "visual_content"), "rows"), 0);
  assert_string_equal(cJSON_GetArrayItem(row0, 0)->valuestring, "Unit");
  assert_string_equal(cJSON_GetArrayItem(row0, 1)->valuestring, "second");
  /* two columns without a header: a labelled list, every pair in it */
  const cJSON *pairs = scene_with(m, "list", "ampere");
  assert_non_null(pairs);
  char *pt = cJSON_PrintUnformatted(pairs);
  assert_non_null(strstr(pt, "kelvin"));
  free(pt);
  cJSON_Delete(m);
}

/* git's manual pages (older AsciiDoc): "<term>::" labelled lists,
 * ``double'' and `single' quotes, $$passthrough$$; code spans stay code */
static void older_marks(void **state) {
  (void)state;
  static const char text[] =
    "git-widget(1)\n=============\n\n"
    "OPTIONS\n-------\n"
    "<tree-ish>::\n\tThe tree or commit to read.\n\n"
    "<path>...::\n\tOnly these paths are read.\n\n"
    "DESCRIPTION\n-----------\n"
    "For each ``Name $$<user@host>$$'' the name is printed, short for ``Pony Saying\n"
    "`Um, Hello''' in the logs.\n\n"
    "Run `git log 'fork_point'..HEAD` in which `A'` and `A` differ.\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("git-widget.adoc", text, &o, &d);
  vgi_diags_free(&d);
  const cJSON *opts = scene_with(m, "list", "tree-ish");
  assert_non_null(opts);
  char *ot = cJSON_PrintUnformatted(opts);
  assert_null(strstr(ot, "::"));
  assert_non_null(strstr(ot, "Only these paths are read"));
  free(ot);
  assert_true(said_in(m, "For each \xe2\x80\x9cName <user@host>\xe2\x80\x9d the name is printed") == 1);
  assert_true(said_in(m, "\xe2\x80\x9cPony Saying \xe2\x80\x98Um, Hello\xe2\x80\x99\xe2\x80\x9d in the logs") == 1);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  assert_null(strstr(all, "$$"));
  assert_null(strstr(all, "''"));
  assert_non_null(strstr(all, "git log 'fork_point'..HEAD"));
  free(all);
  cJSON_Delete(m);
}

/* An icon macro ("icon:star[role=red]", through an attribute as
 * Asciidoctor's changelog writes its star) is a glyph: never shown as its
 * macro nor said ("icon:star[role=red] add single curved quote…") */
static void icon_macros(void **state) {
  (void)state;
  static const char text[] =
    "= Widget Changelog\n:star: icon:star[role=red]\n\n"
    "== 1.5.0\n\n"
    "Improvements::\n\n"
    "  * {star} add a curved quote replacement\n"
    "  * use icon:check[] marks in lists\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("changelog.adoc", text, &o, &d);
  vgi_diags_free(&d);
  char *all = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  none_of(all, (const char *const[]){ "icon:", "role=", "star[", NULL });
  assert_non_null(strstr(all, "add a curved quote replacement"));
  free(all);
  cJSON_Delete(m);
}

/* the Markdown a document stands for (detail: VGI_DETAIL_FULL or _SUMMARY) */
static char *adoc_md(const char *text, int detail) {
  vgi_options o = { .detail = detail };
  int *map = NULL, nmap = 0, *mapfile = NULL, nfiles = 0;
  char **files = NULL;
  size_t mlen = 0;
  vgi_diags d = {0};
  char *md = vgi_asciidoc_markdown(text, strlen(text), "tool.txt", &o, &d, &map, &nmap, &mlen, &mapfile, &files,
                                   &nfiles);
  assert_non_null(md);
  free(map);
  free(mapfile);
  for (int i = 0; i < nfiles; i++) free(files[i]);
  free(files);
  vgi_diags_free(&d);
  return md;
}

/* the lines of md that start with prefix */
static int lines_starting(const char *md, const char *prefix) {
  int c = 0;
  for (const char *l = md; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
    if (!strncmp(l, prefix, strlen(prefix))) c++;
  return c;
}

/* A manual page's options written as git writes them: an option's forms
 * on lines of their own, "+" continuations, a nested ";;" list, ifdef::
 * blocks and a form's text below a blank line. */
static const char options_page[] =
  "tool(1)\n=======\n\n"
  "NAME\n----\ntool - Frob the widgets of a tree\n\n"
  "DESCRIPTION\n-----------\n"
  "'tool' [<options>] <path>::\n\n"
  "\tThis form frobs the widgets under the path.\n"
  "\tIt never touches the index.\n\n"
  "OPTIONS\n-------\n"
  "-p::\n-u::\n--patch::\n\tMake a patch.  It goes to stdout.\n"
  "ifdef::tool-full[]\n\tThis is the default.\nendif::tool-full[]\n\n"
  "-s::\n--silent::\n\tSay nothing at all.\n+\nThe exit code still tells:\n+\n- 'zero': a success.\n- 'one': a failure.\n+\n\n"
  "--algorithm=<name>::\n\tChoose an algorithm:\n+\n--\n"
  "fast;;\n\tThe quick one.\nslow;;\n\tThe careful one.\n--\n+\nThe default is fast.\n\n"
  "--one::\n\tOption one.\n\n--two::\n\tOption two.\n\n--three::\n\tOption three.\n\n"
  "--four::\n\tOption four.\n\n--five::\n\tOption five.\n\n--six::\n\tOption six.\n\n"
  "--seven::\n\tOption seven.\n\n--eight::\n\tOption eight.\n\n"
  "EXIT STATUS\n-----------\nZero when all went well.\n";

/* one list of terms, each option once with all its forms, as a man page
 * shows it: never an item per form nor a literal block of its text */
static void option_terms(void **state) {
  (void)state;
  char *md = adoc_md(options_page, VGI_DETAIL_FULL);
  assert_non_null(strstr(md, "- **-p, -u, --patch**: Make a patch."));
  assert_non_null(strstr(md, "- **-s, --silent**: Say nothing at all."));
  assert_non_null(strstr(md, "- ***tool* [\\<options>] \\<path>**: This form frobs the widgets under the path. It never"));
  assert_null(strstr(md, "- **-u**"));
  assert_null(strstr(md, "```"));
  /* the continuation and the nested list stay in their item */
  assert_non_null(strstr(md, "\n  The exit code still tells:"));
  assert_non_null(strstr(md, "\n  - *zero*: a success."));
  assert_non_null(strstr(md, "  - **fast**: The quick one."));
  assert_non_null(strstr(md, "  - **slow**: The careful one."));
  free(md);
}

/* a summary: the first eight options in their first sentences and how
 * many more there are, as the man page reader says them */
static void option_terms_summed(void **state) {
  (void)state;
  char *md = adoc_md(options_page, VGI_DETAIL_SUMMARY);
  assert_non_null(strstr(md, "- **-p, -u, --patch**: Make a patch.\n"));
  assert_non_null(strstr(md, "- 3 more options"));
  assert_int_equal(lines_starting(md, "- **"), 1 + 8);   /* the form in DESCRIPTION and eight options */
  static const char *const never[] = { "It goes to stdout", "exit code still tells", "a success", "quick one",
                                       "default is fast",
                                       "Option eight", NULL };
  none_of(md, never);
  assert_non_null(strstr(md, "Zero when all went well."));
  free(md);
  /* and the scenes: the options on one slide, not a slide of a few each */
  vgi_options o = { .detail = VGI_DETAIL_SUMMARY };
  vgi_diags d = {0};
  vgi_posmap pm = {0};
  cJSON *m = vgi_asciidoc_load(options_page, strlen(options_page), "tool.txt", &o, &pm, &d);
  assert_non_null(m);
  int opts = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    char *t = cJSON_PrintUnformatted(scene_at(m, 0, i));
    if (strstr(t, "--patch") || strstr(t, "--silent") || strstr(t, "--seven")) opts++;
    free(t);
  }
  assert_int_equal(opts, 1);
  cJSON_Delete(m);
  vgi_pos_free(&pm);
  vgi_diags_free(&d);
}

/* "+" joins a block to the item even after a blank line, and is never
 * text ("+ If the end is a regex ..." began a bullet) */
static void lone_plus_lines(void **state) {
  (void)state;
  static const char text[] =
    "= Ranges\n\n== Forms\n\n"
    "- start,end\n+\nA number names a line.\n\n+\nIf the end is a regex, it searches.\n\n"
    "+\nA stray continuation.\n";
  char *md = adoc_md(text, VGI_DETAIL_FULL);
  static const char *const never[] = { "+ If", "+ A stray", "\n+\n", NULL };
  none_of(md, never);
  assert_non_null(strstr(md, "\n  If the end is a regex, it searches."));
  assert_non_null(strstr(md, "A stray continuation."));
  free(md);
}

/* a synopsis is the command's forms shown as code, introduced by what the
 * command is for, never a quote read out mark by mark; a verse elsewhere
 * stays a verse */
static void synopsis_as_code(void **state) {
  (void)state;
  static const char text[] =
    "tool-split(1)\n=============\n\n"
    "NAME\n----\ntool-split - Simple mbox splitter program\n\n"
    "SYNOPSIS\n--------\n[verse]\n'tool split' [-b] [-f<nn>] -o<directory> [--] [<mbox>...]\n"
    "'tool split' --help\n\n"
    "DESCRIPTION\n-----------\n[verse]\nRoses are red,\nviolets are blue.\n\n"
    "[synopsis]\ngizmo run [--fast] <file>\n";
  char *md = adoc_md(text, VGI_DETAIL_FULL);
  assert_non_null(strstr(md, "tool split: Simple mbox splitter program.\n\n```sh\n"
                             "tool split [-b] [-f<nn>] -o<directory> [--] [<mbox>...]\ntool split --help\n```\n"));
  assert_non_null(strstr(md, "```sh\ngizmo run [--fast] <file>\n```"));
  assert_non_null(strstr(md, "> Roses are red,"));
  assert_null(strstr(md, "'tool split'"));
  free(md);
}

/* A manual page in AsciiDoc (git's) is read as the man page reader reads
 * one: titled by its name and what NAME says it does, NAME never read
 * again, and in a summary neither SYNOPSIS nor the back matter (SEE ALSO,
 * the suite's "GIT" section); section names in capitals in sentence case.
 * Before, the title was "gittool(1)", a slide listed NAME, SYNOPSIS and
 * DESCRIPTION as bullets and said "gittool - Frob the widgets. git tool:
 * Frob the widgets.", and "See also" was read out. */
static void manual_page_header(void **state) {
  (void)state;
  static const char text[] =
    "gittool(1)\n==========\n\n"
    "NAME\n----\ngittool - Frob the widgets\n  of a tree\n\n"
    "SYNOPSIS\n--------\n[verse]\n'git tool' [-q] <path>...\n\n"
    "DESCRIPTION\n-----------\nFrobs every widget under the paths.\n\n"
    "COMMIT INFORMATION\n------------------\nThe GNU way, SHA-1 kept.\n\n"
    "SEE ALSO\n--------\nlinkgit:git-frob[1]\n\n"
    "GIT\n---\nPart of the linkgit:git[1] suite\n";
  char *md = adoc_md(text, VGI_DETAIL_SUMMARY);
  assert_non_null(strstr(md, "# gittool \xe2\x80\x94 Frob the widgets of a tree\n"));
  assert_non_null(strstr(md, "## Description\n"));
  assert_non_null(strstr(md, "## Commit information\n"));
  assert_non_null(strstr(md, "Frobs every widget under the paths."));
  none_of(md, (const char *const[]){ "(1)", "NAME", "SYNOPSIS", "gittool - ", "git tool [-q]", "See also",
                                     "SEE ALSO", "git-frob", "suite", "## GIT", NULL });
  free(md);
  /* every sentence: the synopsis stays, introduced by what the command is for */
  md = adoc_md(text, VGI_DETAIL_FULL);
  assert_non_null(strstr(md, "git tool: Frob the widgets of a tree."));
  assert_non_null(strstr(md, "git tool [-q] <path>..."));
  assert_non_null(strstr(md, "suite"));
  assert_null(strstr(md, "gittool - "));
  free(md);
  /* the name as NAME writes it: the title's may hold an attribute defined
   * elsewhere (git's {litdd}), and "--" in it is no dash */
  md = adoc_md("git-cache{litdd}daemon(1)\n==========================\n\nNAME\n----\n"
               "git-cache--daemon - Keep things\n\nDESCRIPTION\n-----------\nIt keeps.\n", VGI_DETAIL_SUMMARY);
  assert_non_null(strstr(md, "# git-cache--daemon \xe2\x80\x94 Keep things\n"));
  free(md);
  /* a page titled so without a NAME section, and a section "NAME" in a
   * document that is no manual page, are read as they are written */
  md = adoc_md("tool(1)\n=======\n\nDESCRIPTION\n-----------\nIt frobs.\n", VGI_DETAIL_SUMMARY);
  assert_non_null(strstr(md, "# tool(1)\n"));
  assert_non_null(strstr(md, "## DESCRIPTION\n"));
  free(md);
  md = adoc_md("= Widgets\n\n== NAME\n\nwidget - a part\n\n== SEE ALSO\n\nThe gears.\n", VGI_DETAIL_SUMMARY);
  assert_non_null(strstr(md, "## NAME\n"));
  assert_non_null(strstr(md, "The gears."));
  free(md);
}

/* 'text' is older AsciiDoc's emphasis (a two-line title, or :compat-mode:):
 * its words, never the quotes; an apostrophe stays one, and a document
 * with a "= Title" keeps its quotes */
static void older_emphasis(void **state) {
  (void)state;
  char *md = adoc_md("Tool\n====\n\nRun 'tool split' on the users' files, don't 'stop'.\n", VGI_DETAIL_FULL);
  assert_non_null(strstr(md, "Run *tool split* on the users' files, don't *stop*."));
  free(md);
  md = adoc_md("= Tool\n\nRun 'tool split' now.\n", VGI_DETAIL_FULL);
  assert_non_null(strstr(md, "Run 'tool split' now."));
  free(md);
  md = adoc_md("= Tool\n:compat-mode:\n\nRun 'tool split' now.\n", VGI_DETAIL_FULL);
  assert_non_null(strstr(md, "Run *tool split* now."));
  free(md);
}

/* an inline macro no rule knows shows its text, or its target, never the
 * macro; an index ("a:b[0]") or a placeholder ("<n>[kmg]") is no macro */
static void unknown_macros(void **state) {
  (void)state;
  static const char text[] =
    "= Macros\n\n"
    "See issue:1234[the bug], man:ls[] and jira:ABC-1[role=x], linkgit:git-push[1], "
    "a:b[0] and --filter=blob:limit=<n>[kmg].\n";
  char *md = adoc_md(text, VGI_DETAIL_FULL);
  assert_non_null(strstr(md, "See the bug, ls and ABC-1, git-push(1), a:b[0] and --filter=blob:limit=\\<n>[kmg]."));
  free(md);
}


/* Work linear in the document: a run of a million comment delimiters
 * ("////", each one looked back over every line gone before it for the
 * block attributes above it) and a list item followed by a million blank
 * lines (each one looked ahead over the rest for another item) took hours
 * of CPU in 5 MB; each is read now in well under the CPU seconds the alarm
 * allows (ITIMER_PROF counts this process's CPU, not the machine's load).
 * The attributes above a delimiter are still found past comment lines. */
static void linear_work(void **state) {
  (void)state;
  static const char *const shapes[] = { "////\n", "\n" };
  for (int k = 0; k < 2; k++) {
    char path[256];
    tmp_path(path, sizeof path, "linear.adoc");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(k ? "= T\n\n* first item\n" : "= T\n\n", f);
    put_rep(f, shapes[k], 1000000);
    fputs("* last item\n", f);
    fclose(f);
    struct itimerval cpu = { .it_value = { .tv_sec = 20 } }, off = {0};
    setitimer(ITIMER_PROF, &cpu, NULL);   /* SIGPROF ends the test past it */
    vgi_options o = {0};
    vgi_diags d;
    cJSON *m = load(path, &o, &d);
    setitimer(ITIMER_PROF, &off, NULL);
    unlink(path);
    assert_non_null(m);
    assert_true(said_in(m, "last item") == 1);
    cJSON_Delete(m);
    vgi_diags_free(&d);
  }
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("above.adoc", "= T\n:v: 2.0\n\nText.\n\n[subs=\"attributes+\"]\n// a note\n----\nget {v}\n----\n\n"
                       "[subs=\"attributes+\"]\n\n----\nkeep {v}\n----\n", &o, &d);
  vgi_diags_free(&d);
  assert_non_null(scene_with(m, "command", "get 2.0"));
  assert_non_null(scene_with(m, "command", "keep {v}"));
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(constructs),
    cmocka_unit_test(lines),
    cmocka_unit_test(structure),
    cmocka_unit_test(underlined_titles),
    cmocka_unit_test(underlined_title_txt_is_asciidoc),
    cmocka_unit_test(hostile),
    cmocka_unit_test(attributes_in_order),
    cmocka_unit_test(ifeval_tests),
    cmocka_unit_test(titles_in_blocks),
    cmocka_unit_test(across_lines),
    cmocka_unit_test(nested_and_cells),
    cmocka_unit_test(doc_templates),
    cmocka_unit_test(lone_cr_lines),
    cmocka_unit_test(discrete_titles),
    cmocka_unit_test(passthrough_html),
    cmocka_unit_test(tables_without_header),
    cmocka_unit_test(older_marks),
    cmocka_unit_test(icon_macros),
    cmocka_unit_test(option_terms),
    cmocka_unit_test(option_terms_summed),
    cmocka_unit_test(lone_plus_lines),
    cmocka_unit_test(synopsis_as_code),
      cmocka_unit_test(manual_page_header),
    cmocka_unit_test(unknown_macros),
    cmocka_unit_test(older_emphasis),
    cmocka_unit_test(linear_work),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
