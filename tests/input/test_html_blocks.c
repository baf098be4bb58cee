/* test_html_blocks.c: HTML read as the Markdown it stands for
 * (html_blocks.c), where a browser's rendering decides what is a block. */
#include "input_test.h"
#include "input_private.h"

/* A paragraph whose lines are parted by an empty line (<br><br>, as
 * DocBook's literallayout writes a NEWS file: valgrind's dist.news.html was
 * one paragraph of 250,000 characters, refused) is read as paragraphs; a
 * single <br> stays a break between words of one paragraph. */
static void empty_line_parts_paragraphs(void **state) {
  (void)state;
  vgi_buf page = {0};
  vgi_buf_puts(&page, "<!DOCTYPE html>\n<html><head><title>News</title></head><body>\n<h1>News</h1>\n"
                      "<div class=\"literallayout\"><p><br>\n      Release 2.0<br>\n<br>\n"
                      "This release adds a faster reader<br>\nand a smaller cache.<br>\n<br />\n<BR>\n");
  /* more than a scene may say in one paragraph, unless the empty lines part it */
  for (int i = 0; i < 1000; i++)
    vgi_buf_printf(&page, "Release 1.%d fixes bug number %d in the parser.<br>\n<br>\n", i, i);
  vgi_buf_puts(&page, "The end of the news.<br>\n</p></div>\n</body></html>\n");
  const char *path = write_tmp("news.html", page.s);
  vgi_buf_free(&page);
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d = {0};
  cJSON *m = load(path, &o, &d);
  unlink(path);
  if (!m) print_message("%s\n", d.n ? d.v[0].message : "?");
  assert_non_null(m);
  vgi_diags_free(&d);
  /* one paragraph's lines are joined by a space, and never run into the next */
  char *t = cJSON_PrintUnformatted(m);
  if (!strstr(t, "\"This release adds a faster reader and a smaller cache\"") || strstr(t, "Release 2.0 This release") ||
      strstr(t, "<br") || !strstr(t, "Release 1.999 fixes bug number 999"))
    print_message("made: %.600s\n", t), fail();
  free(t);
  cJSON_Delete(m);
}

/* A site's header before the page's main content (<main>, role="main")
 * is the site's chrome, however long (Node.js's version, its pickers and
 * the page's whole table of contents in it): never a slide, nor is a "Skip
 * to content" link said; a <title> of "Page | Site" names the page. */
static void site_header_before_main(void **state) {
  (void)state;
  vgi_buf page = {0};
  vgi_buf_puts(&page, "<!DOCTYPE html>\n<html><head><title>Corepack | Gizmo v2.0 Documentation</title></head>\n"
                      "<body>\n<a href=\"#apicontent\" class=\"skip-to-content\">Skip to content</a>\n"
                      "<div id=\"column1\">\n<header class=\"header\">\n<div id=\"gtoc\"><ul>\n"
                      "<li class=\"pinned-header\">Gizmo v2.0</li>\n<li class=\"picker-header\">"
                      "<a href=\"#toc-picker\">Table of contents</a>\n<div class=\"picker\"><ul id=\"toc-picker\">\n"
                      "<li><a href=\"#corepack\">Corepack</a><ul>\n");
  /* longer than the 16 KB a header is otherwise looked at in */
  for (int i = 0; i < 400; i++) vgi_buf_printf(&page, "<li><a href=\"#topic-%d\">Topic number %d</a></li>\n", i, i);
  vgi_buf_puts(&page, "</ul></li></ul></div></li>\n<li class=\"picker-header\"><a href=\"#alt\">Other versions</a></li>\n"
                      "</ul></div>\n</header>\n<div role=\"main\" id=\"apicontent\">\n<h2>Corepack</h2>\n"
                      "<p>Corepack is a tool that manages the versions of your package managers.</p>\n"
                      "<h3>Enabling the feature</h3>\n<p>Corepack needs to be enabled before it has any effect.</p>\n"
                      "</div></div>\n</body></html>\n");
  const char *path = write_tmp("corepack.html", page.s);
  vgi_buf_free(&page);
  vgi_diags d = {0};
  cJSON *m = load(path, NULL, &d);
  unlink(path);
  assert_non_null(m);
  vgi_diags_free(&d);
  char *t = cJSON_PrintUnformatted(m);
  if (strstr(t, "Skip to content") || strstr(t, "Other versions") || strstr(t, "Topic number") ||
      strstr(t, "Gizmo v2.0") || !strstr(t, "\"title\":\"Corepack\"") || !strstr(t, "manages the versions"))
    print_message("made: %.900s\n", t), fail();
  free(t);
  cJSON_Delete(m);
}

/* A plain term list of in-page links under a table of contents' label
 * (DocBook's <div class="toc"><p><b>Table of Contents</b></p><dl>…) is an
 * agenda of its top-level topics, said "N topics: …"; the label is not
 * said (libxslt's tutorial: a list of terms, "Welcome to libxslt Tutorial.
 * Table of Contents."). A term list of words stays terms. */
static void toc_of_links_is_agenda(void **state) {
  (void)state;
  const char *page = "<!DOCTYPE html>\n<html><head><title>Tut</title></head><body>\n<h1>Gizmo Tutorial</h1>\n"
                     "<div class=\"toc\">\n<p><b>Table of Contents</b></p>\n<dl>\n"
                     "<dt> <a href=\"#intro\">Introduction</a>\n</dt>\n<dt> <a href=\"#parse\">Parsing</a>\n</dt>\n"
                     "<dd><dl>\n<dt> <a href=\"#prep\">Preparing to Parse</a>\n</dt>\n</dl></dd>\n"
                     "<dt>A <a href=\"#clean\">Cleanup</a>\n</dt>\n</dl>\n</div>\n"
                     "<h2 id=\"intro\">Introduction</h2>\n<p>Gizmos are small machines that fit in a pocket.</p>\n"
                     "<h2 id=\"parse\">Parsing</h2>\n<p>A gizmo reads its plan from a file before it starts.</p>\n"
                     "<h2 id=\"clean\">Cleanup</h2>\n<p>Free the memory the plan took once it is done.</p>\n"
                     "<h2>Terms</h2>\n<dl><dt>Cog</dt><dd>A wheel with teeth.</dd><dt>Gear</dt><dd>Two cogs.</dd>"
                     "<dt>Axle</dt><dd>What a cog turns on.</dd></dl>\n</body></html>\n";
  const char *path = write_tmp("tut.html", page);
  vgi_diags d = {0};
  cJSON *m = load(path, NULL, &d);
  unlink(path);
  assert_non_null(m);
  vgi_diags_free(&d);
  char *t = cJSON_PrintUnformatted(m);
  if (!strstr(t, "3 topics: Introduction, Parsing, and Cleanup.") || strstr(t, "Table of Contents") ||
      strstr(t, "Preparing to Parse") || !strstr(t, "Cog"))
    print_message("made: %.900s\n", t), fail();
  free(t);
  cJSON_Delete(m);
}

/* A link to its own definition written as a reference (texinfo's
 * "<a class='copiable-anchor'> &para;</a>") is a mark, not a word: libffi's
 * manual showed "Function: ffi_status ffi_prep_cif ¶". */
static void anchor_reference_unshown(void **state) {
  (void)state;
  const char *page = "<!DOCTYPE html>\n<html><head><title>Basics</title></head><body>\n<h1>The Basics</h1>\n"
                     "<p>Every call starts from a description of the function to call.</p>\n<dl class=\"first-deftypefn\">\n"
                     "<dt id=\"index-prep\"><span class=\"category\">Function: </span><span><strong>gizmo_status</strong> "
                     "<em>gizmo_prep (gizmo_cif *<var>cif</var>)</em><a href='#index-prep' class='copiable-anchor'> &para;</a>"
                     "</span></dt>\n<dd><p>This prepares a description for calls to a function.</p></dd></dl>\n"
                     "</body></html>\n";
  const char *path = write_tmp("basics.html", page);
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d = {0};
  cJSON *m = load(path, &o, &d);
  unlink(path);
  assert_non_null(m);
  vgi_diags_free(&d);
  char *t = cJSON_PrintUnformatted(m);
  if (strstr(t, "\xc2\xb6") || strstr(t, "&para;") || !strstr(t, "gizmo_prep")) print_message("made: %.600s\n", t), fail();
  free(t);
  cJSON_Delete(m);
}

/* A definition as Texinfo writes it (<dl class="def"><dt><span
 * class="category">Function: </span>…) is an item named by what it
 * defines ("ffi_call", never "Function: void ffi_call"), its description's
 * first sentence said with it ("Key points include Function: ffi_status
 * ffi_prep_cif." said neither). */
static void texinfo_definitions(void **state) {
  (void)state;
  const char *page =
    "<!DOCTYPE html>\n<html><head><title>Calls</title></head><body>\n<h1>Calls</h1>\n"
    "<p>The library calls functions whose types are known only at run time.</p>\n"
    "<h2>Making the call</h2>\n"
    "<dl class=\"def\">\n<dt id=\"index-void\"><span class=\"category\">Function: </span><span><strong>void</strong> "
    "<em>*ffi_call (ffi_cif *<var>cif</var>, void *<var>fn</var>)</em><a href='#index-void' "
    "class='copiable-anchor'> &para;</a></span></dt>\n<dd><p>This calls the function fn as the interface says. "
    "The interface must be prepared first.</p>\n</dd></dl>\n</body></html>\n";
  const char *path = write_tmp("calls.html", page);
  vgi_options o = {0};
  vgi_diags d = {0};
  cJSON *m = load(path, &o, &d);
  unlink(path);
  assert_non_null(m);
  vgi_diags_free(&d);
  const cJSON *l = scene_with(m, "list", "\"title\":\"ffi_call\"");
  if (!l) print_message("%s\n", cJSON_PrintUnformatted(m));
  assert_non_null(l);
  char *all = cJSON_PrintUnformatted(m);
  assert_null(strstr(all, "Function:"));
  assert_null(strstr(all, "Key points include"));
  free(all);
  assert_non_null(strstr(sget(l, "narration"), "ffi_call: this calls the function fn"));
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(texinfo_definitions),
    cmocka_unit_test(empty_line_parts_paragraphs),
    cmocka_unit_test(site_header_before_main),
    cmocka_unit_test(toc_of_links_is_agenda),
    cmocka_unit_test(anchor_reference_unshown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
