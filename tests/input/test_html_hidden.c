/* test_html_hidden.c: what HTML never shows as text in a Markdown document
 * (html_hidden.c): a script's code, a style's rules, the fallback of
 * noscript, iframe and object, a template; inline and in HTML blocks, the
 * prose around them kept. */
#include "input_test.h"

/* All the narration and all the shown text of video 0, joined. */
static char *everything(const cJSON *m) {
  char *t = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(video_at(m, 0), "scenes"));
  assert_non_null(t);
  return t;
}

static void inline_elements_hidden(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("inline.md",
                       "# Demo\n\n"
                       "Intro paragraph with **bold** and <script>alert(1)</script> inline, then "
                       "<style>p { color: red }</style>styled words and <SCRIPT type=\"module\">run()</SCRIPT>done.\n\n"
                       "A table follows here with a cell:\n\n"
                       "| Name | Value |\n| --- | --- |\n| one | <iframe src=\"x\">no frames</iframe>shown |\n",
                       &o, &d);
  vgi_diags_free(&d);
  char *t = everything(m);
  assert_null(strstr(t, "alert"));
  assert_null(strstr(t, "color"));
  assert_null(strstr(t, "run()"));
  assert_null(strstr(t, "no frames"));
  assert_non_null(strstr(t, "styled words"));
  assert_non_null(strstr(t, "done."));
  assert_non_null(strstr(t, "shown"));
  free(t);
  cJSON_Delete(m);
}

/* An HTML block with a script keeps its prose (the whole block was
 * dropped), and what noscript, iframe, object and template hold is not
 * said; the lines after keep their numbers. */
static void block_elements_hidden(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("block.md",
                       "# Demo\n\n"
                       "<div>\nBefore the script there is prose worth saying here.\n<script>\n"
                       "document.write(\"hidden words nobody reads\");\n</script>\n"
                       "After the script more prose is said aloud here.\n</div>\n\n"
                       "<noscript>Please enable JavaScript to view this page properly now.</noscript>\n\n"
                       "<iframe src=\"https://example.com\">Your browser does not support iframes at all.</iframe>\n\n"
                       "<object data=\"a.svg\">A picture of the build pipeline goes here.</object>\n\n"
                       "<template><p>Row template text that nobody sees.</p></template>\n\n"
                       "## Later\n\nClosing words of the document are said here.\n",
                       &o, &d);
  vgi_diags_free(&d);
  char *t = everything(m);
  assert_non_null(strstr(t, "Before the script there is prose worth saying here."));
  assert_non_null(strstr(t, "After the script more prose is said aloud here."));
  assert_null(strstr(t, "hidden words"));
  assert_null(strstr(t, "enable JavaScript"));
  assert_null(strstr(t, "support iframes"));
  assert_null(strstr(t, "build pipeline"));
  assert_null(strstr(t, "Row template"));
  free(t);
  /* the paragraph under "## Later" (line 19) is at line 21 */
  const cJSON *s = NULL;
  for (int i = 0; i < scene_count(m, 0) && !s; i++)
    if (strstr(sget(scene_at(m, 0, i), "narration"), "Closing words")) s = scene_at(m, 0, i);
  assert_int_equal(line_of(s), 21);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(inline_elements_hidden),
    cmocka_unit_test(block_elements_hidden),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
