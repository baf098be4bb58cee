/* test_names.c: parts of file names made from a document's words
 * (stages/input/file_names.c): Latin letters folded to ASCII, Cyrillic and
 * Greek transliterated, other scripts kept, and nothing a file system,
 * a shell or Windows would mangle. */
#include "input_test.h"
#include "input_private.h"

static void check(const char *in, int flags, char sep, size_t max, const char *want) {
  char *got = vgi_name_part(in, flags, sep, max);
  assert_non_null(got);
  if (strcmp(got, want)) fail_msg("'%s' (flags %d, max %zu): got '%s', wanted '%s'", in, flags, max, got, want);
  free(got);
}

/* accented Latin was dropped ("français" → "fran_ais") */
static void latin_is_folded(void **state) {
  (void)state;
  check("Français", VGI_NAME_SLUG, '-', 60, "francais");
  check("Über uns", VGI_NAME_SLUG, '-', 60, "uber-uns");
  check("Señor Ærø Straße", VGI_NAME_SLUG, '-', 60, "senor-aero-strasse");
  check("Øre Łódź Þing Œuvre Đak", VGI_NAME_SLUG, '-', 60, "ore-lodz-thing-oeuvre-dak");
  check("Tiếng Việt", VGI_NAME_SLUG, '-', 60, "tieng-viet");
  check("Cafe\xCC\x81 NFD", VGI_NAME_SLUG, '-', 60, "cafe-nfd");   /* e + combining acute */
  check("Français notes", 0, '_', 100, "Francais_notes");   /* a name keeps its case */
  check("ÆSIR", 0, '_', 100, "AESIR");
  check("ＡＢＣ１２３", VGI_NAME_SLUG, '-', 60, "abc123");   /* fullwidth */
}

static void cyrillic_and_greek_are_transliterated(void **state) {
  (void)state;
  check("Введение", VGI_NAME_SLUG, '-', 60, "vvedenie");
  check("Щука и ёжик", VGI_NAME_SLUG, '-', 60, "shchuka-i-ezhik");
  check("Объект", VGI_NAME_SLUG, '-', 60, "obekt");   /* the hard sign is no letter */
  check("Київ", 0, '_', 100, "Kiyiv");
  check("Жизнь", 0, '_', 100, "Zhizn");
  check("Αθήνα", VGI_NAME_SLUG, '-', 60, "athina");
  check("Ψυχή", 0, '_', 100, "Psychi");
  /* the Turkic languages' own Cyrillic letters, and Azerbaijani's ə */
  check("Орнату нұсқаулығы", VGI_NAME_SLUG, '-', 60, "ornatu-nusqaulyghy");
  check("Өзбек тили Ҳақида", 0, '_', 100, "Ozbek_tili_Haqida");
  check("Әліпби Җыр", 0, '_', 100, "Alipbi_Zhyr");
  check("Quraşdırma təlimatı Əsas", VGI_NAME_SLUG, '-', 60, "qurasdirma-telimati-esas");
}

/* a title wholly in another script became "video" or "part" */
static void other_scripts_are_kept(void **state) {
  (void)state;
  check("はじめに：日本語", VGI_NAME_SLUG, '-', 60, "はじめに-日本語");
  check("한국어 제목", VGI_NAME_SLUG, '-', 60, "한국어-제목");
  check("مقدمة عربية؟", VGI_NAME_SLUG, '-', 60, "مقدمة-عربية");
  check("中文（简体）", VGI_NAME_SLUG, '-', 60, "中文-简体");
  check("हिन्दी परिचय।", VGI_NAME_SLUG, '-', 60, "हिन्दी-परिचय");
  /* an id is ASCII: what has no ASCII spelling is left out */
  check("한국어 제목", VGI_NAME_SLUG | VGI_NAME_ASCII, '_', 48, "");
  check("Intro 日本語 Guide", VGI_NAME_SLUG | VGI_NAME_ASCII, '_', 48, "intro_guide");
}

static void names_stay_safe(void **state) {
  (void)state;
  check("../../etc/passwd", 0, '_', 100, "etc_passwd");
  check("..", 0, '_', 100, "");
  check(".hidden.md", 0, '_', 100, "hidden.md");
  check("a/b\\c:d*e?f\"g<h>i|j", 0, '_', 100, "a_b_c_d_e_f_g_h_i_j");
  check("$HOME `rm` 'x' !y & z; #w ~v", VGI_NAME_SLUG, '-', 60, "home-rm-x-y-z-w-v");
  check("tab\there\nline\x01\x1b[31mred", VGI_NAME_SLUG, '-', 60, "tab-here-line-31mred");
  check("\xE2\x80\xAE" "evil\xE2\x80\x8B" "name", 0, '_', 100, "evil_name");   /* bidi override, zero-width space */
  check("🚀 Launch ✨", VGI_NAME_SLUG, '-', 60, "launch");
  check("bad \xC3\x28 bytes \xF0\x9F", 0, '_', 100, "bad_bytes");   /* no UTF-8 */
  check("\xC0\xAF" "x", 0, '_', 100, "x");   /* an overlong '/' */
  check("Notes.", 0, '_', 100, "Notes");
  /* Windows' device names get a separator */
  check("con", 0, '_', 100, "con_");
  check("NUL.txt", 0, '_', 100, "NUL_.txt");
  check("com1", 0, '_', 100, "com1_");
  check("console", 0, '_', 100, "console");
  check("con", VGI_NAME_SLUG, '-', 60, "con");   /* a slug follows a number */
}

/* bounded in bytes, cut between characters, never inside one */
static void length_is_bytes(void **state) {
  (void)state;
  check("abcdefghij", VGI_NAME_SLUG, '-', 4, "abcd");
  check("日本語のタイトル", VGI_NAME_SLUG, '-', 10, "日本語");   /* 9 bytes, the next would make 12 */
  check("日本語のタイトル", VGI_NAME_SLUG, '-', 8, "日本");
  check("ab 日本", VGI_NAME_SLUG, '-', 5, "ab");   /* no separator left at the end */
  char *r = vgi_name_part("Щ", VGI_NAME_SLUG, '-', 3);   /* "shch" does not fit: nothing */
  assert_string_equal(r, "");
  free(r);
  char big[4000];
  for (size_t i = 0; i + 3 < sizeof big; i += 3) memcpy(big + i, "\xE6\x97\xA5", 3);
  big[sizeof big - 1] = 0;
  big[3996] = 0;
  r = vgi_name_part(big, 0, '_', 100);
  assert_int_equal(strlen(r), 99);
  assert_null(vgi_utf8_invalid(r, strlen(r)));
  free(r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(latin_is_folded),
    cmocka_unit_test(cyrillic_and_greek_are_transliterated),
    cmocka_unit_test(other_scripts_are_kept),
    cmocka_unit_test(names_stay_safe),
    cmocka_unit_test(length_is_bytes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
