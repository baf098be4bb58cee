/* test_word_lists.c: the fast word-list look-ups (word_lists.c) answer as
 * the strlen + strncasecmp / strcmp scans they replaced, for every word of a
 * text against every list, mixed case, punctuation, UTF-8, prefixes and
 * longer words included; the full-width stops are found as before. */
#include "input_test.h"

#include <strings.h>

#include "input_private.h"

static const char *const lists[][12] = {
  { "see ", "please see ", "for more information", "Für weitere ", "véase ", "refer to ", NULL },
  { "the", "a", "an", "and", "or", "this", "these", "über", "and", NULL },
  { "respectively", "resp", "x", "", NULL },
  { NULL },
};

static const char *const words[] = { "The", "THE", "the", "th", "them", "a", "A", "an", "And", "anD", "or", "o",
  "These", "thesE", "über", "Über", "\xC3\xBC" "ber", "see", "See ", "see the file", "SEE ALSO", "please see it",
  "for more information,", "For More Information", "für weitere Details", "Für weitere", "véase el", "VÉase ",
  "refer to it", "refer", "respectively.", "resp", "re", "x", "X", "", " ", "\xE3\x80\x82", "t\xC3\xA9", NULL };

static int word_ref(const char *const *list, const char *w, size_t n) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == n && !strncasecmp(w, list[i], n)) return 1;
  return 0;
}

static void word_in_as_strncasecmp(void **state) {
  (void)state;
  for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
    for (int k = 0; words[k]; k++)
      for (size_t n = 0; n <= strlen(words[k]); n++)
        assert_int_equal(vgi_word_in(lists[l], words[k], n), word_ref(lists[l], words[k], n));
}

static void opens_ci_as_strncasecmp(void **state) {
  (void)state;
  for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
    for (int i = 0; lists[l][i]; i++)
      for (int k = 0; words[k]; k++) {
        size_t pl = strlen(lists[l][i]);
        size_t want = !strncasecmp(words[k], lists[l][i], pl) ? pl : 0;
        assert_int_equal(vgi_opens_ci(words[k], lists[l][i]), want);
      }
}

static void list_has_as_strcmp(void **state) {
  (void)state;
  for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
    for (int k = 0; words[k]; k++) {
      int want = 0;
      for (int i = 0; lists[l][i]; i++) want |= !strcmp(lists[l][i], words[k]);
      assert_int_equal(vgi_list_has(lists[l], words[k]), want);
    }
}

static void wide_stops_found(void **state) {
  (void)state;
  const char *stops[] = { "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x8E", "\xEF\xBD\xA1", "\xE2\x80\xBC",
                          "\xE2\x81\x87", "\xE2\x81\x88", "\xE2\x81\x89" };
  for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) assert_int_equal(vgi_wide_stop(stops[i]), 3);
  const char *not[] = { ".", "!", "", "\xE3\x80\x81", "\xEF\xBC\x8C", "\xE2\x80\x94", "\xE0\xA5\xA4", "a" };
  for (size_t i = 0; i < sizeof not / sizeof *not; i++) assert_int_equal(vgi_wide_stop(not[i]), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(word_in_as_strncasecmp),
    cmocka_unit_test(opens_ci_as_strncasecmp),
    cmocka_unit_test(list_has_as_strcmp),
    cmocka_unit_test(wide_stops_found),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
