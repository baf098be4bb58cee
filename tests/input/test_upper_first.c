/* test_upper_first.c: the capital a headline or a sentence opens with
 * (stages/input/upper_first.c): Latin-1, Latin Extended-A, Greek and
 * Cyrillic letters, and Turkish/Azeri dotted İ; and the places that
 * capitalise (vgi_headline's main clause) use it. */
#include "input_test.h"
#include "input_private.h"

static void up(const char *in, const char *lang, const char *want) {
  char *s = vgi_upper_first(strdup(in), lang);
  if (strcmp(s, want)) fail_msg("'%s' (%s): got '%s', wanted '%s'", in, lang ? lang : "-", s, want);
  free(s);
}

/* "éditeur", "über", "что" were left in lower case, "için" became "Için" */
static void first_letters(void **state) {
  (void)state;
  up("éditeur de texte", "fr", "Éditeur de texte");
  up("über die Shell", "de", "Über die Shell");
  up("что делать", "ru", "Что делать");
  up("ёлка", "ru", "Ёлка");
  up("ґанок", "uk", "Ґанок");
  up("όταν τρέχει", "el", "Όταν τρέχει");
  up("αρχεία", "el", "Αρχεία");
  up("łatwy start", "pl", "Łatwy start");
  up("ščítanie", "sk", "Ščítanie");
  up("ÿ", "fr", "\xC5\xB8");
  up("için bir komut", "tr", "İçin bir komut");
  up("için bir dosya açın", NULL, "İçin bir dosya açın");   /* no code: ı tells Turkish */
  up("in ein Verzeichnis", NULL, "In ein Verzeichnis");
  up("ırmak", "tr", "Irmak");
  up("əsas fayl", "az", "Əsas fayl");
  up("ilk adım", "az", "İlk adım");
  up("in the shell", "en", "In the shell");
  up("in the shell", NULL, "In the shell");
  up("il faut", "fr", "Il faut");
  up("日本語", "ja", "日本語");
  up("", "en", "");
  up("1 file", "en", "1 file");
}

static void in_a_buffer(void **state) {
  (void)state;
  char b[8] = "için";   /* 5 bytes: İ makes 6 */
  assert_int_equal(vgi_upper_first_in(b, sizeof b, "tr"), 1);
  assert_string_equal(b, "İçin");
  char t[6] = "için";   /* no room: kept */
  assert_int_equal(vgi_upper_first_in(t, sizeof t, "tr"), 0);
  assert_string_equal(t, "için");
  char u[8] = "über";
  assert_int_equal(vgi_upper_first_in(u, sizeof u, NULL), 1);
  assert_string_equal(u, "Über");
}

static void opens_lower(void **state) {
  (void)state;
  assert_true(vgi_opens_lower("über"));
  assert_true(vgi_opens_lower("что"));
  assert_true(vgi_opens_lower("için"));
  assert_false(vgi_opens_lower("iOS"));
  assert_false(vgi_opens_lower("éCole"));
  assert_false(vgi_opens_lower("Über"));
  assert_false(vgi_opens_lower("日本"));
  assert_false(vgi_opens_lower(""));
}

/* a headline cut to its main clause opens with a capital in any alphabet:
 * "что …", "éditeur …" were shown in lower case */
static void main_clause(const char *in, int max, const char *want) {
  char *h = max ? vgi_short_clause(in, max) : vgi_headline(in);
  assert_non_null(h);
  if (strncmp(h, want, strlen(want))) fail_msg("'%s': got '%s', wanted it to open with '%s'", in, h, want);
  free(h);
}
static void headline_main_clause(void **state) {
  (void)state;
  main_clause("Хотя это непросто, что угодно можно сделать с этим файлом.", 8, "Что угодно");
  main_clause("Comme le fichier est grand, éditeur et terminal le lisent lentement.", 8, "Éditeur et");
  main_clause("Aunque parezca difícil, éxito es posible con poco trabajo.", 7, "Éxito es");
  main_clause("Although it is slow, iOS apps still run fine here.", 6, "iOS apps");
}

/* a whole document: the Turkish main clause after "Eğer …," was shown
 * "Ilk olarak …", a bug label's French text "éditeur …" in lower case */
static void in_a_document(void **state) {
  (void)state;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d = {0};
  cJSON *m = load_text("tr.md", "# Komut satırı\n\n## Başlangıç\n\n"
                       "Eğer bir komutun tam olarak ne yaptığını ve hangi seçenekleri kabul ettiğini merak ediyorsanız, "
                       "ilk olarak man sayfasını dikkatlice okuyun ve sonra örnekleri kendi terminalinizde tek tek "
                       "deneyin.\n\nKabuk geçmişi, önceki komutları hızla bulmanızı ve yeniden çalıştırmanızı sağlar.\n",
                       &full, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = cJSON_PrintUnformatted(m);
  if (!strstr(all, "İlk olarak man") || strstr(all, "Ilk olarak")) print_message("%s\n", all), fail();
  free(all);
  cJSON_Delete(m);
  vgi_diags d2 = {0};
  m = load_text("fixes.md", "# Kit\n\nKit garde vos notes en ordre.\n\n## Corrections\n\n"
                "- Bug #4242: éditeur ne plante plus au démarrage\n- Bug #4243: les notes ne disparaissent plus\n",
                &full, &d2);
  vgi_diags_free(&d2);
  assert_non_null(m);
  all = cJSON_PrintUnformatted(m);
  if (!strstr(all, "Éditeur ne plante plus")) print_message("%s\n", all), fail();
  free(all);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(first_letters),
    cmocka_unit_test(in_a_buffer),
    cmocka_unit_test(opens_lower),
    cmocka_unit_test(headline_main_clause),
    cmocka_unit_test(in_a_document),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
