/* test_speech.c: a crash of the speaking child costs at most its sentence
 * (retry with symbols left out, then silence and a warning), the text
 * normalised before speech, and the language found in a document's text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tts_private.h"
#include "input_private.h"

static void normalize(const char *in, int level, const char *want) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", in);
  size_t n = tts_speech_normalize(buf, strlen(buf), level);
  assert_int_equal(n, strlen(buf));
  assert_string_equal(buf, want);
}

/* The apostrophe libespeak-ng 1.51 reads past a buffer on ("표'의" in an
 * English voice) is a space; one inside a Latin word stays. */
static void test_normalize(void **state) {
  (void)state;
  normalize("홑따옴표'의 차이", 1, "홑따옴표 의 차이");
  normalize("표\xE2\x80\x99의", 1, "표 의");
  normalize("don't l'eau", 1, "don't l'eau");
  normalize("run `ls -l` [x] \"y\"!", 2, "run  ls  l   x   y !");
  normalize("中文。好", 2, "中文。好");
}

static tts_job *speak(const char *text, int rate) {
  char err[TTS_ERR_MAX];
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.rate = rate;   /* a rate no other test uses: never a cache hit */
  tts_job *j = tts_job_new(text, strlen(text), &o, err, sizeof err);
  assert_non_null(j);
  return j;
}

/* The child crashes on one sentence; normalised, it speaks: the clip has
 * every sentence and the warning names the one. */
static void test_crash_retry(void **state) {
  (void)state;
  setenv("VGRUN_TTS_CRASH_ON", "BOOM\xC2\xA7", 1);
  tts_job *j = speak("The first one is fine. Then BOOM\xC2\xA7 comes here. The last is fine.", 187);
  int rc = tts_job_run(j);
  unsetenv("VGRUN_TTS_CRASH_ON");
  assert_int_equal(rc, 0);
  const tts_clip *c = tts_job_clip(j);
  assert_int_equal(c->nsentences, 3);
  assert_true(c->duration > 2.0);
  assert_non_null(tts_job_warning(j));
  assert_non_null(strstr(tts_job_warning(j), "sentence 2"));
  assert_non_null(strstr(tts_job_warning(j), "symbols left out"));
  /* sentences in order, each after the one before */
  assert_true(c->sentences[1].start >= c->sentences[0].end - 0.01);
  assert_true(c->sentences[2].start >= c->sentences[1].end - 0.01);
  tts_job_free(j);
}

/* A sentence that crashes even normalised is left silent; the rest is said. */
static void test_crash_silent(void **state) {
  (void)state;
  setenv("VGRUN_TTS_CRASH_ON", "BOOM", 1);
  tts_job *j = speak("The first one is fine. Then BOOM comes here. The last is fine.", 189);
  int rc = tts_job_run(j);
  unsetenv("VGRUN_TTS_CRASH_ON");
  assert_int_equal(rc, 0);
  assert_non_null(tts_job_warning(j));
  assert_non_null(strstr(tts_job_warning(j), "left silent"));
  assert_non_null(strstr(tts_job_warning(j), "sentence 2"));
  double silent = tts_job_clip(j)->duration;
  /* the same text, nothing left out, is longer by about the lost sentence */
  /* (a trailing space: a key of its own, so this clip never answers for the one above) */
  tts_job *full = speak("The first one is fine. Then BOOM comes here. The last is fine. ", 189);
  assert_int_equal(tts_job_run(full), 0);
  assert_null(tts_job_warning(full));
  assert_true(silent > 1.0);
  assert_true(tts_job_clip(full)->duration > silent + 0.5);
  tts_job_free(full);
  tts_job_free(j);
}

static void test_detect(void **state) {
  (void)state;
  assert_string_equal(vgi_detect_language("이 문서는 리눅스를 위해 쓰였습니다. macOS only 섹션을 제외하고"), "ko");
  assert_string_equal(vgi_detect_language("このガイドは初心者と経験者の両方を対象としています。"), "ja");
  assert_string_equal(vgi_detect_language("本文档面向初学者和有经验的用户。"), "zh");
  assert_string_equal(vgi_detect_language("هذا الدليل موجه للمبتدئين والخبراء"), "ar");
  assert_string_equal(vgi_detect_language("Это руководство для начинающих и опытных"), "ru");
  assert_string_equal(vgi_detect_language("Die Kommandozeile ist ein Werkzeug, das mit der Zeit wichtiger wird und nicht nur für Profis."), "de");
  assert_string_equal(vgi_detect_language("La ligne de commande est un outil pour les débutants et les experts, qui est utile dans le travail."), "fr");
  assert_string_equal(vgi_detect_language("La línea de comandos es una herramienta para los principiantes y los expertos, que se usa en el trabajo."), "es");
  /* languages outside the phrase table, each of its own voice: other
   * Cyrillic and Arabic-script languages by their own letters, the scripts
   * of India by script, Latin ones by their short words */
  assert_string_equal(vgi_detect_language("Створення архіву та запис його у файл. Ця команда дозволяє додати файли і теки до існуючого архіву."), "uk");
  assert_string_equal(vgi_detect_language("Създаване на архив и записване във файл. Тази команда е псевдоним на друга, която пъти се използва."), "bg");
  assert_string_equal(vgi_detect_language("Направи архиву и упиши је у датотеку. Ђаци користе ову наредбу, њихови рачунари је имају."), "sr");
  assert_string_equal(vgi_detect_language("Это архив. Вы можете создать его, если этот файл существует."), "ru");
  assert_string_equal(vgi_detect_language("یک آرشیو بسازید و آن را در یک فایل بنویسید. این دستور برای پشتیبان‌گیری کاربرد دارد."), "fa");
  assert_string_equal(vgi_detect_language("डायरेक्टरी की सामग्री की सूची दिखाएं। सभी फ़ाइलें दिखाएं।"), "hi");
  assert_string_equal(vgi_detect_language("ডিরেক্টরির বিষয়বস্তু তালিকাভুক্ত করুন।"), "bn");
  assert_string_equal(vgi_detect_language("Wyświetl zawartość katalogu. Jest to polecenie, które może być użyte do tego, aby pokazać pliki."), "pl");
  assert_string_equal(vgi_detect_language("Vytvoří archiv a zapíše ho do souboru. Je to příkaz, který se používá pro zálohy, když je to nutné."), "cs");
  assert_string_equal(vgi_detect_language("Lista innehållet i en katalog. Det är ett kommando som kan visa filer och mappar för dig."), "sv");
  assert_string_equal(vgi_detect_language("Bir arşiv oluştur ve bir dosyaya yaz. Bu komut için çok daha fazla seçenek var ve bunlar gibi."), "tr");
  assert_string_equal(vgi_detect_language("Buat arsip dan tulis ke dalam berkas. Ini adalah perintah yang dapat digunakan untuk cadangan dengan mudah."), "id");
  assert_string_equal(vgi_detect_language("Această comandă este un alias al altei comenzi. Vizualizați documentația pentru comanda originală."), "ro");
  /* Slovenian shares short words with Croatian (a Slovenian README was
   * Croatian); each keeps its own */
  assert_string_equal(vgi_detect_language("Umetnost ukazne vrstice. Tekoča uporaba ukazne vrstice je veščina, ki jo "
    "pogosto zanemarimo, vendar pa lahko izboljša vašo prilagodljivost in produktivnost kot inženirja."), "sl");
  assert_string_equal(vgi_detect_language("Ovo je kratak tekst na hrvatskom jeziku. Ako želite, možete koristiti ovaj "
    "alat za rad s datotekama koje su velike."), "hr");
  /* a link's letters are not the text's: a short Malayalam page with a long
   * address is Malayalam */
  assert_string_equal(vgi_detect_language("docker container rm\nഈ കമാൻഡ് docker rm എന്നത്തിന്റെ അപരനാമമാണ്. കൂടുതൽ വിവരങ്ങൾ: "
    "https://docs.docker.com/reference/cli/docker/container/rm/."), "ml");
  /* English keeps English: its "a", "on", "is" are other lists' words too */
  assert_string_equal(vgi_detect_language("This is a tool to create an archive. It runs on Linux and it is fast, so you can use it for backups."), "en");
  assert_string_equal(vgi_detect_language("Make. A tour."), "en");
  /* an English list of people (Node.js's README): names with "du", "da",
   * "José" are not Portuguese */
  assert_string_equal(vgi_detect_language("Team\nCurrent project team members.\n"
    "aduh95 Antoine du Hamel duhamelantoine1995@gmail.com (he/him)\njoaocgreis João Reis reis@janeasystems.com\n"
    "mcollina Matteo Collina matteo.collina@gmail.com (he/him)\nruyadorno Ruy Adorno ruyadorno@google.com (he/him)\n"
    "juanarbol Juan José Arboleda (he/him)\nsantigimeno Santiago Gimeno (he/him)\njoesepi Joe Sepi (he/him)\n"
    "sxa Stewart X Addison (he/him)\n"), "en");
}

/* The length estimate (vgi_speech_seconds_lang: what summaries, --duration
 * and `vgrun scenes` fit by) against espeak-ng itself on identifier-heavy
 * prose, whose parts ("search_guide.yaml", "dictionaryName") are each said
 * as a word: within 12 % (words alone made it about a quarter short). */
static void test_estimate_identifiers(void **state) {
  (void)state;
  const char *t = "A cmake project generator is provided within build/cmake. By default, CMAKE_BUILD_TYPE is set "
    "to Release. A Meson project is provided within build/meson. Compress with dictionary zstd -D dictionaryName "
    "FILE. You create: inputs/search_guide.yaml and then copy the VIDEO object to generate_all_videos_unified_v2.py. "
    "Call vgi_headline from stages/input/markdown.c and read lua/vg/input.lua for the prerequisites of the "
    "configuration.";
  tts_job *j = speak(t, 0);
  assert_int_equal(tts_job_run(j), 0);
  double real = tts_job_clip(j)->duration, est = vgi_speech_seconds_lang(t, "en");
  print_message("estimate %.2f s, espeak-ng %.2f s\n", est, real);
  assert_true(est > real * 0.88 && est < real * 1.12);
  tts_job_free(j);
}

/* The phrases come from lua/vg/i18n.lua (one table for C and Lua). */
static void test_phrases(void **state) {
  (void)state;
  assert_string_equal(vgi_phrase("de", "thanks"), "Danke fürs Zuschauen");
  assert_string_equal(vgi_phrase("pt-BR", "part"), "Parte {1} de {2}");
  /* a language with no phrases of its own gets the neutral ones, never English */
  assert_string_equal(vgi_phrase("xx", "thanks"), "");
  assert_null(strstr(vgi_phrase("xx", "welcome"), "Welcome"));
  assert_string_equal(vgi_phrase("ko", "voice"), "ko");
  assert_string_equal(vgi_phrase("zh", "voice"), "cmn");
  /* the languages beyond the twelve have the phrases a video says most, and their voice */
  const char *const more[] = { "uk", "pl", "cs", "tr", "sv", "id", "fa", "he", "hi", "ro", "da", "nb", "fi", "hu",
                               "sk", "ca", "hr", "sr", "bg", "el", "sl" };
  for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
    assert_true(vgi_lang_known(more[i]));
    assert_string_equal(vgi_phrase(more[i], "voice"), more[i]);
    const char *const core[] = { "welcome", "thanks", "part", "key_points", "run_one", "run_many", "sep", "last",
                                 "l_note", "l_warning", "agenda", "code_example", "opt_named", "more_options" };
    for (size_t k = 0; k < sizeof core / sizeof *core; k++)
      if (!strcmp(vgi_phrase(more[i], core[k]), vgi_phrase("en", core[k])) && strcmp(core[k], "sep"))
        fail_msg("%s: %s is English", more[i], core[k]);
  }
  const char *const langs[] = { "en", "de", "fr", "es", "it", "pt", "nl", "ru", "zh", "ja", "ko", "ar" };
  const char *const keys[] = { "welcome", "thanks", "part", "key_points", "run_one", "l_quiz", "sep", "last" };
  for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) {
    assert_true(vgi_lang_known(langs[i]));
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
      assert_true(i == 0 || strcmp(vgi_phrase(langs[i], keys[k]), vgi_phrase("en", keys[k])) ||
                  !strcmp(keys[k], "sep") || !strcmp(keys[k], "l_quiz"));
  }
}

int main(void) {
  char err[TTS_ERR_MAX];
  if (tts_init(err, sizeof err) != 0) {
    fprintf(stderr, "skipped: %s\n", err);
    return 77;
  }
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_normalize),
    cmocka_unit_test(test_crash_retry),
    cmocka_unit_test(test_crash_silent),
    cmocka_unit_test(test_detect),
    cmocka_unit_test(test_estimate_identifiers),
    cmocka_unit_test(test_phrases),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
