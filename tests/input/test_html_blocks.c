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

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(empty_line_parts_paragraphs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
