/* test_tts.c: the espeak-ng core of stages/tts: timings, voices, the cache,
 * and the errors that must come before any work. Runs in a fresh cache
 * directory so "no synthesis on a hit" is measured, not assumed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tts_private.h"
#include "vg.h"

/* 150 words of ordinary narration prose. */
static const char *PARAGRAPH =
  "Every good explainer video begins with a question that the audience already cares about. "
  "Instead of opening with definitions, we show a small puzzle and let the viewer wonder how "
  "it could possibly work. Then the narration walks through the idea one step at a time, "
  "while the pictures on the screen change exactly when the voice mentions them. This "
  "careful timing matters, because the eye and the ear compete for attention. When a "
  "diagram appears too early, viewers read ahead and stop listening. "
  "When it appears too late, they feel lost and the explanation loses its momentum. A "
  "narrator that knows the precise moment of every word lets the editor place each caption, "
  "highlight and animation where it belongs. The result feels calm and deliberate, "
  "not rushed. Short sentences help as well, since they give natural pauses where a new "
  "scene can start without cutting a thought in half.";

static int count_words(const char *s) {
  int n = 0, in = 0;
  for (; *s; s++) {
    int sp = *s == ' ';
    if (!sp && !in) n++;
    in = !sp;
  }
  return n;
}

static vg_cache *tc;   /* the tests' cache: a folder of their own */

static tts_job *run(const char *text, size_t len, const char *voice, int rate, int pitch) {
  char err[TTS_ERR_MAX];
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.cache = tc;
  o.voice = voice; o.rate = rate; o.pitch = pitch;
  tts_job *j = tts_job_new(text, len, &o, err, sizeof err);
  if (!j) fail_msg("tts_job_new: %s", err);
  if (tts_job_run(j) != 0) fail_msg("synthesis: %s", tts_job_error(j));
  return j;
}

static void check_wav(const tts_clip *c) {
  int rate = 0, ch = 0;
  size_t frames = 0;
  assert_int_equal(tts_wav_probe(c->path, &rate, &ch, &frames), 0);
  assert_int_equal(rate, c->sample_rate);
  assert_int_equal(ch, 1);
  assert_int_equal(frames, c->nsamples);
  assert_true(fabs((double)frames / rate - c->duration) < 0.05);
}

static void test_paragraph_timings(void **state) {
  (void)state;
  assert_int_equal(count_words(PARAGRAPH), 150);
  tts_job *j = run(PARAGRAPH, strlen(PARAGRAPH), "male", 0, -1);
  const tts_clip *c = tts_job_clip(j);
  assert_int_equal(c->sample_rate, 22050);
  assert_true(c->nwords >= 140 && c->nwords <= 160);
  assert_int_equal(c->nwords, 150);  /* words are the text's own tokens */
  /* about 175 wpm: 150 words take roughly 40 to 70 s */
  assert_true(c->duration > 35 && c->duration < 75);
  assert_true(fabs(c->duration - (double)c->nsamples / c->sample_rate) < 0.001);
  for (size_t i = 0; i < c->nwords; i++) {
    assert_true(c->words[i].end >= c->words[i].start);
    if (i) assert_true(c->words[i].start >= c->words[i - 1].start);
    assert_true(c->words[i].word[0] != '\0');
    assert_non_null(strstr(PARAGRAPH, c->words[i].word));
  }
  assert_string_equal(c->words[0].word, "Every");
  assert_true(c->words[0].start < 0.2);
  assert_true(fabs(c->words[c->nwords - 1].end - c->duration) < 0.05);
  assert_string_equal(c->words[c->nwords - 1].word, "half");
  /* sentences: 9 of them, in order, covering the clip */
  assert_int_equal(c->nsentences, 9);
  assert_true(strncmp(c->sentences[0].text, "Every good", 10) == 0);
  for (size_t i = 1; i < c->nsentences; i++)
    assert_true(c->sentences[i].start >= c->sentences[i - 1].start);
  assert_true(fabs(c->sentences[c->nsentences - 1].end - c->duration) < 0.05);
  check_wav(c);
  tts_job_free(j);
}

static void test_named_voices_differ(void **state) {
  (void)state;
  const char *names[] = { "male", "male_warm", "female", "female_friendly" };
  const char *text = "The quick brown fox jumps over the lazy dog.";
  char *audio[4];
  size_t len[4];
  for (int i = 0; i < 4; i++) {
    tts_job *j = run(text, strlen(text), names[i], 0, -1);
    const tts_clip *c = tts_job_clip(j);
    assert_int_equal(c->nwords, 9);
    check_wav(c);
    FILE *f = fopen(c->path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    len[i] = (size_t)ftell(f);
    rewind(f);
    audio[i] = malloc(len[i]);
    assert_int_equal(fread(audio[i], 1, len[i], f), len[i]);
    fclose(f);
    tts_job_free(j);
  }
  for (int a = 0; a < 4; a++)
    for (int b = a + 1; b < 4; b++)
      assert_false(len[a] == len[b] && memcmp(audio[a], audio[b], len[a]) == 0);
  for (int i = 0; i < 4; i++) free(audio[i]);
}

static void test_spanish_and_codes(void **state) {
  (void)state;
  const char *text = "Hola, ¿cómo estás? Muy bien, gracias.";
  tts_job *j = run(text, strlen(text), "es", 0, -1);
  const tts_clip *c = tts_job_clip(j);
  assert_int_equal(c->nwords, 6);
  assert_string_equal(c->words[2].word, "estás");  /* UTF-8 positions map back to bytes */
  assert_int_equal(c->nsentences, 2);
  check_wav(c);
  tts_job_free(j);

  tts_voice v;
  char err[TTS_ERR_MAX];
  const char *ok[] = { "en-gb", "en-us", "fr", "de", "cmn", "EN-US", "gmw/en-US+f3", "en+m7" };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    if (tts_resolve_voice(ok[i], 0, -1, &v, err, sizeof err) != 0) fail_msg("%s: %s", ok[i], err);
  assert_int_equal(tts_resolve_voice("en-gb", 0, -1, &v, err, sizeof err), 0);
  assert_string_equal(v.spec, "gmw/en");
  /* a region espeak-ng lacks falls back to the language, as input validation does */
  assert_int_equal(tts_resolve_voice("en-au", 0, -1, &v, err, sizeof err), 0);
  assert_string_equal(v.spec, "gmw/en");
  assert_int_equal(tts_resolve_voice("en_US", 0, -1, &v, err, sizeof err), 0);
  assert_string_equal(v.spec, "gmw/en-US");
  assert_int_equal(tts_resolve_voice("es-ar+f3", 0, -1, &v, err, sizeof err), 0);
  assert_string_equal(v.spec, "roa/es+f3");
  assert_int_equal(tts_resolve_voice("xx-yy", 0, -1, &v, err, sizeof err), -1);
  assert_int_equal(tts_resolve_voice("male-x", 0, -1, &v, err, sizeof err), -1);
  assert_int_equal(tts_resolve_voice("female", 0, -1, &v, err, sizeof err), 0);
  assert_int_equal(v.rate, tts_voice_at(2)->rate);
  assert_int_equal(tts_resolve_voice("female", 200, 10, &v, err, sizeof err), 0);
  assert_int_equal(v.rate, 200);
  assert_int_equal(v.pitch, 10);
  /* the named voices come first in the list */
  assert_string_equal(tts_voice_at(0)->name, "male");
  assert_string_equal(tts_voice_at(3)->name, "female_friendly");
  assert_true(tts_voice_count() > 50);
  assert_true(tts_variant_count() > 10);
}

/* Japanese kanji are said by their readings (MeCab): espeak-ng alone said
 * each one as the English words "Chinese letter". The clip is as long as
 * the same sentence written in kana, and its timings keep the kanji. */
static void test_japanese_readings(void **state) {
  (void)state;
  tts_reading r;
  const char *text = "漢字は読めますか。";
  if (tts_reading_make("ja", text, strlen(text), &r) != 1) skip();  /* no MeCab dictionary */
  assert_string_equal(r.text, "カンジワヨメますか。");
  assert_int_equal(r.text_chars, 9);
  /* カンジ stands for 漢字 (characters 0-1), ワ for は (2) */
  assert_int_equal(r.start[0], 0);
  assert_int_equal(r.end[2], 1);
  assert_int_equal(r.start[3], 2);
  raw_event ev[2] = { { TTS_EV_WORD, 1, 9, 0, NULL }, { TTS_EV_WORD, 5, 1, 0, NULL } };
  tts_reading_remap(&r, ev, 2);
  assert_int_equal(ev[0].pos, 1);   /* カンジワヨメますか → 漢字は読めますか */
  assert_int_equal(ev[0].len, 8);
  assert_int_equal(ev[1].pos, 4);   /* ヨ → 読め */
  assert_int_equal(ev[1].len, 2);
  tts_reading_free(&r);
  /* a word MeCab does not know (Chinese in a Japanese text) is said by its
   * characters' readings, and one with none is left unsaid */
  const char *zh = "简体中文";
  assert_int_equal(tts_reading_make("ja", zh, strlen(zh), &r), 1);
  assert_null(strstr(r.text, "简"));
  assert_int_equal(r.text_chars, 4);
  tts_reading_free(&r);
  /* other languages, and text without kanji, are said as written */
  assert_int_equal(tts_reading_make("zh", text, strlen(text), &r), 0);
  assert_int_equal(tts_reading_make("ja", "かな", strlen("かな"), &r), 0);

  tts_job *kanji = run(text, strlen(text), "ja", 0, -1);
  const char *kana = "かんじはよめますか。";
  tts_job *said = run(kana, strlen(kana), "ja", 0, -1);
  const tts_clip *a = tts_job_clip(kanji), *b = tts_job_clip(said);
  check_wav(a);
  assert_true(a->duration < b->duration * 1.3);
  assert_true(a->duration > b->duration * 0.7);
  assert_int_equal(a->nsentences, 1);
  assert_string_equal(a->sentences[0].text, text);
  tts_job_free(kanji);
  tts_job_free(said);
}

/* espeak-ng 1.51's Mandarin voice read each hanzi's pinyin with English
 * rules ("你好" as "ni three hao three"): Chinese is said as SSML, hanzi in
 * the cmn-latn-pinyin voice, Latin words in English, and the words keep
 * their timings on the text as written. */
static void test_mandarin_voice(void **state) {
  (void)state;
  tts_reading r;
  const char *text = "用Docker部署";
  assert_int_equal(tts_reading_mandarin("cmn", "sit/cmn+f3", text, strlen(text), &r), 1);
  assert_int_equal(r.ssml, 1);
  assert_string_equal(r.text, "<speak><voice name=\"cmn-latn-pinyin+f3\">用</voice><voice xml:lang=\"en\">Docker</voice>"
                              "<voice name=\"cmn-latn-pinyin+f3\">部署</voice></speak>");
  assert_int_equal(r.text_chars, 9);
  tts_reading_free(&r);
  /* other languages, and Chinese without hanzi or Latin letters, as written */
  assert_int_equal(tts_reading_mandarin("ja", "ja", text, strlen(text), &r), 0);
  assert_int_equal(tts_reading_mandarin("cmn", "sit/cmn", "12，34。", strlen("12，34。"), &r), 0);

  /* said right, the sentence takes 4.2 s; read as English pinyin, 4.8 s */
  const char *zh = "我们使用这个工具来生成视频文件";
  tts_job *j = run(zh, strlen(zh), "cmn", 0, -1);
  const tts_clip *c = tts_job_clip(j);
  check_wav(c);
  assert_true(c->duration < 4.5);
  assert_int_equal(c->nwords, 15);
  tts_job_free(j);
  j = run(text, strlen(text), "cmn", 0, -1);
  c = tts_job_clip(j);
  assert_int_equal(c->nwords, 4);
  assert_string_equal(c->words[1].word, "Docker");
  assert_true(c->words[1].start > 0.1);
  assert_string_equal(c->words[2].word, "部");
  assert_true(c->words[2].start > c->words[1].start + 0.2);
  assert_int_equal(c->nsentences, 1);
  assert_string_equal(c->sentences[0].text, text);
  tts_job_free(j);
}

/* An English sentence a translation left in a German text (a scene's
 * `passages`) is said in an English <voice> inside the clip: shorter than
 * the German voice's English, with every word's timing on the text. */
static void test_english_passages(void **state) {
  (void)state;
  tts_reading r;
  const char *en = "This option is deprecated.";
  const char *text = "Die Option steuert das. This option is deprecated. Mehr nicht & fertig.";
  assert_int_equal(tts_reading_passages("de", "gmw/de+f3", text, strlen(text), &en, 1, &r), 1);
  assert_int_equal(r.ssml, 1);
  assert_string_equal(r.text, "<speak>Die Option steuert das. <voice xml:lang=\"en\" gender=\"female\">"
                              "This option is deprecated.</voice> Mehr nicht &amp; fertig.</speak>");
  tts_reading_free(&r);
  /* English voices, and passages the text does not hold, as written */
  assert_int_equal(tts_reading_passages("en-us", "gmw/en-US", text, strlen(text), &en, 1, &r), 0);
  const char *other = "Not in the text.";
  assert_int_equal(tts_reading_passages("de", "gmw/de", text, strlen(text), &other, 1, &r), 0);

  const char *de_en = "Die Option steuert, wie viele Dateien das Werkzeug liest. "
                      "This option is deprecated and should not be used in any new file.";
  const char *said = "This option is deprecated and should not be used in any new file.";
  char err[TTS_ERR_MAX];
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.cache = tc;
  o.voice = "de";
  tts_job *plain = run(de_en, strlen(de_en), "de", 0, -1);
  o.passages = &said;
  o.npassages = 1;
  tts_job *j = tts_job_new(de_en, strlen(de_en), &o, err, sizeof err);
  assert_non_null(j);
  assert_int_equal(tts_job_run(j), 0);
  const tts_clip *c = tts_job_clip(j), *p = tts_job_clip(plain);
  check_wav(c);
  /* the German voice's English took 5.0 s of the 8.9 s; the English one 3.6 s */
  assert_true(c->duration < p->duration - 0.5);
  assert_int_equal(c->nwords, p->nwords);
  assert_string_equal(c->words[9].word, "This");
  assert_true(c->words[9].start > c->words[8].end - 0.01);
  tts_job_free(j);
  tts_job_free(plain);
}

/* The Japanese voice spelled a Latin word letter by letter ("JavaScript
 * を使います。" took 3.5 s, "JavaScript" alone 2.7 s): each run of Latin words
 * is said in an English <voice> inside the same clip, and the words keep
 * their timings on the text as written. */
static void test_japanese_latin_words(void **state) {
  (void)state;
  tts_reading r;
  const char *text = "JavaScript を使います。";
  assert_int_equal(tts_reading_make("ja", text, strlen(text), &r), 1);
  assert_int_equal(r.ssml, 1);
  assert_non_null(strstr(r.text, "<voice xml:lang=\"en\">JavaScript</voice> を"));
  assert_int_equal(r.text_chars, 17);
  tts_reading_free(&r);
  /* a run spans its joiners (not a trailing one), markup is escaped */
  const char *mixed = "a<b と Visual Studio Code, C++ と Node.js と VG_CACHE_DIR.";
  assert_int_equal(tts_reading_make("ja", mixed, strlen(mixed), &r), 1);
  assert_non_null(strstr(r.text, "<voice xml:lang=\"en\">a</voice>&lt;<voice xml:lang=\"en\">b</voice>"));
  assert_non_null(strstr(r.text, ">Visual Studio Code</voice>, <"));
  assert_non_null(strstr(r.text, ">C++</voice> と <"));
  assert_non_null(strstr(r.text, ">Node.js</voice> と <"));
  assert_non_null(strstr(r.text, ">VG CACHE DIR</voice>.</speak>"));   /* as plain text is said */
  tts_reading_free(&r);
  /* other voices switch to English by themselves */
  assert_int_equal(tts_reading_make("ko", text, strlen(text), &r), 0);

  tts_job *j = run(text, strlen(text), "ja", 0, -1);
  const tts_clip *c = tts_job_clip(j);
  check_wav(c);
  assert_true(c->duration < 2.6);
  assert_int_equal(c->nwords, 2);
  assert_string_equal(c->words[0].word, "JavaScript");
  assert_true(c->words[0].end < 1.2);
  assert_string_equal(c->words[1].word, "を使います");
  assert_int_equal(c->nsentences, 1);
  assert_string_equal(c->sentences[0].text, text);
  tts_job_free(j);

  /* a Latin word inside a sentence without spaces is a word of its own, and
   * the sentence around it keeps its words (it was one word, start to end) */
  const char *inside = "まず、Gitをインストールし、設定ファイルを2つ作ります。";
  j = run(inside, strlen(inside), "ja", 0, -1);
  c = tts_job_clip(j);
  assert_true(c->nwords >= 5);
  int git = -1;
  for (size_t i = 0; i < c->nwords; i++)
    if (!strcmp(c->words[i].word, "Git")) git = (int)i;
  assert_true(git >= 1);
  assert_true(c->words[git].start > 0.2);
  assert_true(c->words[git + 1].start > c->words[git].start);
  assert_true(c->words[c->nwords - 1].start > 2.0);
  tts_job_free(j);
}

static void test_unknown_voice(void **state) {
  (void)state;
  uint64_t before = tts_synth_count();
  char err[TTS_ERR_MAX];
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.cache = tc;
  o.voice = "klingon";
  assert_null(tts_job_new("Hello there.", 12, &o, err, sizeof err));
  assert_non_null(strstr(err, "unknown voice 'klingon'"));
  assert_non_null(strstr(err, "male, male_warm, female, female_friendly"));
  assert_non_null(strstr(err, "en-us"));
  o.voice = "en-us+nosuchvariant";
  assert_null(tts_job_new("Hello there.", 12, &o, err, sizeof err));
  assert_non_null(strstr(err, "nosuchvariant"));
  o.voice = "male"; o.rate = 20;
  assert_null(tts_job_new("Hello there.", 12, &o, err, sizeof err));
  assert_non_null(strstr(err, "rate 20"));
  o.rate = 0; o.pitch = 101;
  assert_null(tts_job_new("Hello there.", 12, &o, err, sizeof err));
  assert_non_null(strstr(err, "pitch 101"));
  assert_int_equal(tts_synth_count(), before);
}

static void test_empty_text(void **state) {
  (void)state;
  uint64_t before = tts_synth_count();
  const char *texts[] = { "", "   \n " };
  for (int i = 0; i < 2; i++) {
    tts_job *j = run(texts[i], strlen(texts[i]), "female", 0, -1);
    const tts_clip *c = tts_job_clip(j);
    assert_int_equal(c->nsamples, 0);
    assert_true(c->duration == 0);
    assert_int_equal(c->nwords, 0);
    assert_int_equal(c->nsentences, 0);
    check_wav(c);
    tts_job_free(j);
  }
  assert_int_equal(tts_synth_count(), before);
}

static void test_non_utf8(void **state) {
  (void)state;
  char err[TTS_ERR_MAX];
  assert_null(tts_job_new("abc\xff" "def", 7, NULL, err, sizeof err));
  assert_non_null(strstr(err, "byte offset 3"));
  assert_null(tts_job_new("caf\xc3", 4, NULL, err, sizeof err));  /* truncated */
  assert_non_null(strstr(err, "byte offset 3"));
  assert_null(tts_job_new("ab\xc0\xaf", 4, NULL, err, sizeof err));  /* overlong */
  assert_non_null(strstr(err, "byte offset 2"));
  assert_null(tts_job_new("\xed\xa0\x80", 3, NULL, err, sizeof err));  /* surrogate */
  assert_non_null(strstr(err, "byte offset 0"));
  assert_null(tts_job_new("a\0b", 3, NULL, err, sizeof err));
  assert_non_null(strstr(err, "NUL byte at byte offset 1"));
  assert_int_equal(tts_utf8_invalid_at("h\xc3\xa9llo \xf0\x9f\x99\x82", 11), -1);
}

static void test_cache_hit(void **state) {
  (void)state;
  char text[128];
  snprintf(text, sizeof text, "This sentence number %ld is spoken only once.", (long)time(NULL));
  uint64_t synths = tts_synth_count(), hits = tts_cache_hit_count();
  tts_job *a = run(text, strlen(text), "male_warm", 0, -1);
  assert_false(tts_job_clip(a)->cached);
  assert_int_equal(tts_synth_count(), synths + 1);
  tts_job *b = run(text, strlen(text), "male_warm", 0, -1);
  const tts_clip *ca = tts_job_clip(a), *cb = tts_job_clip(b);
  assert_true(cb->cached);
  assert_int_equal(tts_synth_count(), synths + 1);  /* no synthesis */
  assert_int_equal(tts_cache_hit_count(), hits + 1);
  assert_string_equal(ca->path, cb->path);
  assert_int_equal(ca->nwords, cb->nwords);
  assert_int_equal(ca->nsamples, cb->nsamples);
  assert_true(ca->duration == cb->duration);
  for (size_t i = 0; i < ca->nwords; i++) {
    assert_string_equal(ca->words[i].word, cb->words[i].word);
    assert_true(ca->words[i].start == cb->words[i].start);
  }
  /* another rate is another clip */
  tts_job *c = run(text, strlen(text), "male_warm", 220, -1);
  assert_false(tts_job_clip(c)->cached);
  assert_true(tts_job_clip(c)->duration < ca->duration);
  assert_int_equal(tts_synth_count(), synths + 2);
  tts_job_free(a); tts_job_free(b); tts_job_free(c);
}

static tts_job *run_ssml(const char *text) {
  char err[TTS_ERR_MAX];
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.cache = tc;
  o.ssml = 1;
  tts_job *j = tts_job_new(text, strlen(text), &o, err, sizeof err);
  if (!j) fail_msg("tts_job_new: %s", err);
  if (tts_job_run(j) != 0) fail_msg("synthesis: %s", tts_job_error(j));
  return j;
}

static void test_ssml_marks_and_numbers(void **state) {
  (void)state;
  const char *ssml = "<speak>First <mark name=\"one\"/>we add, then &amp; "
                     "<mark name=\"two\"/>we check.</speak>";
  tts_job *j = run_ssml(ssml);
  const tts_clip *c = tts_job_clip(j);
  assert_int_equal(c->nmarks, 2);
  assert_string_equal(c->marks[0].name, "one");
  assert_string_equal(c->marks[1].name, "two");
  assert_true(c->marks[0].time > 0 && c->marks[1].time > c->marks[0].time);
  assert_string_equal(c->words[0].word, "First");
  assert_string_equal(c->words[1].word, "we");
  assert_true(fabs(c->words[1].start - c->marks[0].time) < 0.01);
  for (size_t i = 0; i < c->nwords; i++) assert_null(strchr(c->words[i].word, '<'));
  tts_job_free(j);

  const char *nums = "We sold 1,500 units in 2024.";
  j = run(nums, strlen(nums), "male", 0, -1);
  c = tts_job_clip(j);
  assert_int_equal(c->nwords, 6);
  assert_string_equal(c->words[2].word, "1,500");
  assert_string_equal(c->words[5].word, "2024");
  tts_job_free(j);
}

/* Narration is plain text unless SSML is asked for: markup is spoken as
 * text, so a <mark> is no mark and an <audio> reads no file. */
static void test_plain_by_default(void **state) {
  (void)state;
  const char *t = "<speak>First <mark name=\"one\"/>we <audio src=\"/etc/passwd\"/>add.</speak>";
  tts_job *j = run(t, strlen(t), "male", 0, -1);
  const tts_clip *c = tts_job_clip(j);
  assert_int_equal(c->nmarks, 0);
  assert_true(c->nwords >= 5);  /* the tags are words too */
  assert_true(c->duration > 1.0);
  tts_job_free(j);
}

/* Control characters are espeak-ng commands even in plain text ("\x01V"
 * loads a voice file by name): they become spaces. */
static void test_plain_text_controls(void **state) {
  (void)state;
  size_t n = 0;
  char *s = tts_plain_text("a\x01Vx\x02[b\x7f\xc2\x85" "c\td\ne", 15, &n);
  assert_string_equal(s, "a Vx [b  c\td\ne");
  assert_int_equal(n, strlen(s));
  free(s);
  s = tts_plain_text("<speak>é</speak>", strlen("<speak>é</speak>"), &n);
  assert_string_equal(s, "<speak>é</speak>");  /* markup stays text */
  free(s);
  char err[TTS_ERR_MAX];
  tts_job *j = tts_job_new("Say \x01" "50S this", 13, &(tts_options){ .pitch = -1, .cache = tc }, err, sizeof err);
  assert_non_null(j);
  assert_int_equal(tts_job_run(j), 0);
  tts_job_free(j);
}

/* An identifier is said as words and kept as written: "VG_CACHE_DIR" sounds
 * as "VG CACHE DIR" (no "underscore"), while the sentence the captions show
 * is the text as it came. */
static void test_identifier_said_as_words(void **state) {
  (void)state;
  const char *id = "Set VG_CACHE_DIR to keep the cache elsewhere.";
  const char *words = "Set VG CACHE DIR to keep the cache elsewhere.";
  tts_job *a = run(id, strlen(id), "male", 0, -1);
  tts_job *b = run(words, strlen(words), "male", 0, -1);
  const tts_clip *ca = tts_job_clip(a), *cb = tts_job_clip(b);
  assert_true(ca->nsentences >= 1);
  assert_non_null(strstr(ca->sentences[0].text, "VG_CACHE_DIR"));
  /* the same sound: "underscore" twice would add about a second */
  assert_true(fabs(ca->duration - cb->duration) < 0.05);
  /* a lone or leading underscore is not an identifier's: left to espeak-ng */
  char s[] = "_x a_b a_ _";
  tts_speech_normalize(s, strlen(s), 1);
  assert_string_equal(s, "_x a b a_ _");
  /* a script no voice speaks is not spelled letter by letter: one space a
   * character (Khmer's are three bytes), Thai stays */
  char km[] = "ក្រម ok ไทย";
  size_t kn = tts_speech_normalize(km, strlen(km), 1);
  assert_int_equal(kn, 4 + 1 + 2 + 1 + 9);
  assert_string_equal(km, "     ok ไทย");
  tts_job_free(a);
  tts_job_free(b);
}

/* Tajik's ҳ ҷ ӣ ӯ, which no voice has, are said as х ч и у, not spelled by
 * name ("Тоҷикистон" took 2.3 s in the Kazakh voice, "Точикистон" 0.9 s);
 * the clip's text keeps what was written; Uzbek's voice keeps its ҳ. */
static void test_tajik_letters_said(void **state) {
  (void)state;
  const char *tg = "Тоҷикистон кишвари зебо ҳаст, рӯзи хуш ва дӯстӣ.";
  const char *as = "Точикистон кишвари зебо хаст, рузи хуш ва дусти.";
  tts_job *a = run(tg, strlen(tg), "kk", 0, -1);
  tts_job *b = run(as, strlen(as), "kk", 0, -1);
  const tts_clip *ca = tts_job_clip(a), *cb = tts_job_clip(b);
  assert_true(ca->nsentences >= 1);
  assert_non_null(strstr(ca->sentences[0].text, "Тоҷикистон"));
  if (fabs(ca->duration - cb->duration) > 0.05) fail_msg("%.2f s against %.2f s", ca->duration, cb->duration);
  tts_job_free(a);
  tts_job_free(b);
  char s[] = "Ҳ ҳ Ҷ ҷ Ӣ ӣ Ӯ ӯ ғ";
  tts_speech_letters(s, strlen(s), "kk");
  assert_string_equal(s, "Х х Ч ч И и У у ғ");
  char u[] = "ҳ ҷ";
  tts_speech_letters(u, strlen(u), "uz");
  assert_string_equal(u, "ҳ ч");
}

/* The SSML filter: what is accepted comes out canonical; everything that
 * names a file, a URL, phonemes, or is not well-formed is refused with its
 * place. */
static void test_ssml_filter(void **state) {
  (void)state;
  static const struct { const char *in, *out; } ok[] = {
    { "Hi <mark name=\"a\"/> there", "<speak>Hi <mark name=\"a\"/> there</speak>" },
    { "<?xml version=\"1.0\"?>\n<!-- c --><speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" "
      "xml:lang=\"en-US\"><p><s>a &lt;b&gt; &amp; &#233;&#x41;</s></p></speak>\n",
      "<speak xml:lang=\"en-US\"><p><s>a &lt;b&gt; &amp; éA</s></p></speak>" },
    { "<speak><break time=\"1.5s\"/><break strength='weak'></break></speak>",
      "<speak><break time=\"1500ms\"/><break strength=\"weak\"/></speak>" },
    { "<speak><prosody rate=\"+20%\" pitch=\"-2st\" volume=\"loud\">x</prosody>"
      "<emphasis level=\"strong\">y</emphasis><voice gender=\"female\" age=\"030\">z</voice></speak>",
      "<speak><prosody rate=\"+20%\" pitch=\"-2st\" volume=\"loud\">x</prosody>"
      "<emphasis level=\"strong\">y</emphasis><voice gender=\"female\" age=\"30\">z</voice></speak>" },
    { "<speak><say-as interpret-as=\"spell-out\">abc</say-as><sub alias=\"World Wide Web\">WWW</sub></speak>",
      "<speak><say-as interpret-as=\"characters\">abc</say-as><sub alias=\"World Wide Web\">WWW</sub></speak>" },
    { "<speak><![CDATA[a<b&c]]>\x01</speak>", "<speak>a&lt;b&amp;c </speak>" },
    { "<speak/>", "<speak></speak>" },
    { "", "<speak></speak>" },
  };
  char err[TTS_ERR_MAX];
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    size_t n = 0;
    char *s = tts_ssml_filter(ok[i].in, strlen(ok[i].in), &n, err, sizeof err);
    if (!s) fail_msg("refused %s: %s", ok[i].in, err);
    assert_string_equal(s, ok[i].out);
    assert_int_equal(n, strlen(s));
    free(s);
  }
  static const struct { const char *in, *msg; } bad[] = {
    { "<speak><audio src=\"/etc/passwd\"/>hi</speak>", "line 1, column 8: <audio> is not allowed" },
    { "<speak>\n\n  <audio src='x'>a</audio></speak>", "line 3, column 3: <audio> is not allowed" },
    { "<speak xml:base=\"/tmp\">x</speak>", "attribute xml:base is not allowed" },
    { "<speak><phoneme alphabet=\"espeak\" ph=\"h@\">x</phoneme></speak>", "<phoneme> is not allowed" },
    { "<speak><voice name=\"../../etc/passwd\">x</voice></speak>", "attribute name is not allowed" },
    { "<speak><tts:style field=\"punctuation\" mode=\"all\">x</tts:style></speak>", "<tts:style> is not in the safe subset" },
    { "<speak><metadata>x</metadata></speak>", "<metadata> is not in the safe subset" },
    { "<speak><b>x</b></speak>", "<b> is not in the safe subset" },
    { "<!DOCTYPE speak [<!ENTITY x SYSTEM \"/etc/passwd\">]><speak>&x;</speak>", "DOCTYPE" },
    { "<speak>&x;</speak>", "unknown entity &x;" },
    { "<speak>&#0;</speak>", "&#0; is not a character" },
    { "<speak>&#1;</speak>", "&#1; is not a character" },
    { "<speak>&#x110000;</speak>", "is not a character" },
    { "<speak>a & b</speak>", "'&' must start an entity" },
    { "<speak>a < b</speak>", "'<' must start a tag" },
    { "<speak><p>x</s></speak>", "</s> does not close <p> (opened at line 1, column 8)" },
    { "<speak>x", "<speak> is never closed" },
    { "<speak>x</speak>y", "text after </speak>" },
    { "x</speak>", "</speak> closes nothing" },
    { "<speak><speak>x</speak></speak>", "<speak> must enclose the whole narration" },
    { "<speak><mark name=\"a b\"/></speak>", "<mark name=\"a b\">" },
    { "<speak><mark/></speak>", "<mark> needs name" },
    { "<speak><break>x</break></speak>", "<break> must be empty" },
    { "<speak><sub alias=\"a\"><mark name=\"m\"/></sub></speak>", "<sub> may contain only text" },
    { "<speak><break time=\"99999999999s\"/></speak>", "<break time=" },
    { "<speak><prosody rate=\"1e9%\">x</prosody></speak>", "<prosody rate=" },
    { "<speak><prosody pitch=\"-1000000Hz\">x</prosody></speak>", "<prosody pitch=" },
    { "<speak><emphasis level=\"huge\">x</emphasis></speak>", "<emphasis level=" },
    { "<speak><say-as interpret-as=\"date\">x</say-as></speak>", "<say-as interpret-as=" },
    { "<speak><say-as>x</say-as></speak>", "needs interpret-as" },
    { "<speak><mark name=\"a\" name=\"b\"/></speak>", "given twice" },
    { "<speak><mark name=a/></speak>", "must be in quotes" },
    { "<speak><mark name=\"a/></speak>", "'<' inside a value" },
    { "<speak><mark name=\"a/>", "quote is never closed" },
    { "<speak><sub alias=\"a&quot;b\">x</sub></speak>", "<sub alias=" },
    { "<speak><voice xml:lang=\"../x\">x</voice></speak>", "wants a language code" },
    { "<speak", "never closed" },
    { "<", "'<' must start a tag" },
    { "<?php system('id'); ?>", "processing instructions" },
    { "<speak><!-- x", "comment is never closed" },
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    err[0] = '\0';
    char *s = tts_ssml_filter(bad[i].in, strlen(bad[i].in), NULL, err, sizeof err);
    if (s) fail_msg("accepted %s as %s", bad[i].in, s);
    if (!strstr(err, bad[i].msg)) fail_msg("%s: message '%s' lacks '%s'", bad[i].in, err, bad[i].msg);
    assert_non_null(strstr(err, "SSML line "));
  }
  /* thirty-second pauses, eleven times: over the 300 s a scene may last */
  char pauses[1024] = "<speak>";
  for (int i = 0; i < 11; i++) strcat(pauses, "w <break time=\"30s\"/>");
  strcat(pauses, "</speak>");
  assert_null(tts_ssml_filter(pauses, strlen(pauses), NULL, err, sizeof err));
  assert_non_null(strstr(err, "pauses add up to more than 300 s"));
  pauses[strlen("<speak>") + 10 * strlen("w <break time=\"30s\"/>")] = 0;
  strcat(pauses, "</speak>");
  char *ten = tts_ssml_filter(pauses, strlen(pauses), NULL, err, sizeof err);
  assert_non_null(ten);
  free(ten);
  /* espeak-ng keeps 20 voice frames with no bound, and we nest 32 deep at most */
  char deep[2048] = "<speak>";
  for (int i = 0; i < 17; i++) strcat(deep, "<s xml:lang=\"en\">x</s>");
  strcat(deep, "</speak>");
  assert_null(tts_ssml_filter(deep, strlen(deep), NULL, err, sizeof err));
  assert_non_null(strstr(err, "more than 16 changes of voice"));
  strcpy(deep, "<speak>");
  for (int i = 0; i < 40; i++) strcat(deep, "<p>");
  assert_null(tts_ssml_filter(deep, strlen(deep), NULL, err, sizeof err));
  assert_non_null(strstr(err, "nested more than 32 deep"));

  /* refused before any work by a job; a job with SSML off never refuses */
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.cache = tc;
  o.ssml = 1;
  const char *audio = "<speak><audio src=\"/etc/passwd\"/>hi</speak>";
  assert_null(tts_job_new(audio, strlen(audio), &o, err, sizeof err));
  assert_non_null(strstr(err, "<audio> is not allowed"));
  tts_job *j = tts_job_new(audio, strlen(audio), NULL, err, sizeof err);
  assert_non_null(j);
  assert_int_equal(tts_job_run(j), 0);
  tts_job_free(j);
}

/* A speaking child that dies gives a clear error, not a hang. */
static void test_child_crash(void **state) {
  (void)state;
  char err[TTS_ERR_MAX];
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.cache = tc;
  o.rate = 181;  /* not in the cache */
  setenv("VGRUN_TTS_CRASH_CHILD", "1", 1);
  tts_job *j = tts_job_new("This child dies.", 16, &o, err, sizeof err);
  assert_non_null(j);
  int rc = tts_job_run(j);
  unsetenv("VGRUN_TTS_CRASH_CHILD");
  assert_int_equal(rc, -1);
  assert_non_null(strstr(tts_job_error(j), "espeak-ng"));
  assert_true(strstr(tts_job_error(j), "crashed") || strstr(tts_job_error(j), "stopped unexpectedly"));
  tts_job_free(j);
}

/* ---- alignment of events to words, with events as espeak-ng 1.51 sends them */

#define W(pos, len, sample) { TTS_EV_WORD, pos, len, sample, NULL }
#define S(pos, sample) { TTS_EV_SENTENCE, pos, 0, sample, NULL }

static void align(const char *text, raw_event *ev, size_t nev, size_t nsamples, tts_clip *c) {
  memset(c, 0, sizeof *c);
  tts_align(text, strlen(text), 0, ev, nev, nsamples, 1000, c);  /* 1000 Hz: samples = ms */
}

static void expect_words(const tts_clip *c, const char *const *words, const double *starts) {
  size_t n = 0;
  while (words[n]) n++;
  assert_int_equal(c->nwords, n);
  for (size_t i = 0; i < n; i++) {
    assert_string_equal(c->words[i].word, words[i]);
    if (fabs(c->words[i].start - starts[i]) > 1e-9)
      fail_msg("%s starts at %g, wanted %g", words[i], c->words[i].start, starts[i]);
    assert_true(c->words[i].end >= c->words[i].start);
  }
}

static void test_align(void **state) {
  (void)state;
  tts_clip c;
  { /* "each of": espeak puts "of" inside "each" (pos 10 len 4) */
    raw_event ev[] = { S(1, 0), W(1, 4, 0), W(6, 8, 100), W(15, 4, 400), W(16, 4, 600), W(21, 8, 700) };
    align("The document each of document.", ev, 6, 1000, &c);
    static const char *const w[] = { "The", "document", "each", "of", "document", NULL };
    static const double t[] = { 0, 0.1, 0.4, 0.6, 0.7 };
    expect_words(&c, w, t);
    assert_true(c.words[4].end == 1.0);
    assert_int_equal(c.nsentences, 1);
    assert_string_equal(c.sentences[0].text, "The document each of document.");
    tts_clip_clear(&c);
  }
  { /* "scene. video": the event for "video" points at the space before it */
    raw_event ev[] = { W(1, 5, 0), W(7, 1, 300), W(14, 3, 600) };
    align("scene. video how", ev, 3, 900, &c);
    static const char *const w[] = { "scene", "video", "how", NULL };
    static const double t[] = { 0, 0.3, 0.6 };
    expect_words(&c, w, t);
    tts_clip_clear(&c);
  }
  { /* numbers: several spoken words over one token stay one word */
    raw_event ev[] = { W(1, 2, 0), W(4, 4, 100), W(9, 2, 300), W(10, 2, 500), W(11, 3, 700),
                       W(15, 5, 900) };
    align("We sold 1,500 units.", ev, 6, 1200, &c);
    static const char *const w[] = { "We", "sold", "1,500", "units", NULL };
    static const double t[] = { 0, 0.1, 0.3, 0.9 };
    expect_words(&c, w, t);
    tts_clip_clear(&c);
  }
  { /* "of the" spoken as one unit: "the" shares its time by length */
    raw_event ev[] = { W(1, 4, 0), W(6, 2, 200), W(13, 5, 500) };
    align("most of the words", ev, 3, 800, &c);
    static const char *const w[] = { "most", "of", "the", "words", NULL };
    static const double t[] = { 0, 0.2, 0.32, 0.5 };
    expect_words(&c, w, t);
    tts_clip_clear(&c);
  }
  { /* a script without spaces is split at the events; punctuation trimmed */
    raw_event ev[] = { S(1, 0), W(1, 2, 0), W(3, 2, 300), S(6, 600), W(6, 2, 600) };
    align("你好世界。我们", ev, 5, 900, &c);
    static const char *const w[] = { "你好", "世界", "我们", NULL };
    static const double t[] = { 0, 0.3, 0.6 };
    expect_words(&c, w, t);
    assert_int_equal(c.nsentences, 2);
    assert_string_equal(c.sentences[0].text, "你好世界。");
    assert_string_equal(c.sentences[1].text, "我们");
    tts_clip_clear(&c);
  }
  { /* Thai: espeak-ng's word events stop at each tone mark ("ยินดีต|้|อนรับสู|่|ระบบ",
     * "ฉันคิดว|่|าคุณจะชอบมัน"); the pieces are cut at the nearest word
     * boundary, never inside a word */
    raw_event ev[] = { W(1, 6, 0), W(8, 7, 500), W(16, 4, 1200), W(21, 7, 1700), W(29, 12, 2500) };
    align("ยินดีต้อนรับสู่ระบบ ฉันคิดว่าคุณจะชอบมัน", ev, 5, 4000, &c);
    static const char *const w[] = { "ยินดี", "ต้อนรับสู่", "ระบบ", "ฉันคิดว่า", "คุณจะชอบมัน", NULL };
    static const double t[] = { 0, 0.5, 1.2, 1.7, 2.5 };
    expect_words(&c, w, t);
    tts_clip_clear(&c);
  }
  { /* Burmese: espeak-ng's events put each virama (U+103A, a combining mark)
     * on its own; the words are cut at word boundaries */
    raw_event ev[] = { W(1, 4, 0), W(5, 1, 400), W(6, 3, 400), W(9, 1, 700), W(11, 3, 700),
                       W(14, 1, 900), W(15, 4, 900) };
    align("ကျွန်တော် မြန်မာစာ", ev, 7, 1200, &c);
    assert_true(c.nwords >= 2);
    assert_string_equal(c.words[0].word, "ကျွန်တော်");
    for (size_t i = 0; i < c.nwords; i++)
      if (strncmp(c.words[i].word, "\xe1\x80\xba", 3) == 0) fail_msg("word %zu starts with a virama", i);
    tts_clip_clear(&c);
  }
  { /* a position inside a grapheme cluster (an emoji's skin tone) never cuts it */
    raw_event ev[] = { W(1, 1, 0), W(2, 1, 300), W(3, 1, 500), W(4, 1, 600) };
    align("日本\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd語", ev, 4, 900, &c);
    assert_true(c.nwords >= 1);
    for (size_t i = 0; i < c.nwords; i++)
      if (strncmp(c.words[i].word, "\xf0\x9f\x8f\xbd", 4) == 0) fail_msg("word %zu starts with the skin tone", i);
    tts_clip_clear(&c);
  }
  { /* punctuation-only tokens vanish unless spoken; spoken symbols stay */
    raw_event ev[] = { W(1, 3, 0), W(7, 1, 200), W(10, 2, 400), W(14, 4, 600) };
    align("Yes \xe2\x80\x94 & (no) 3.5%.", ev, 4, 900, &c);
    static const char *const w[] = { "Yes", "&", "no", "3.5%", NULL };
    static const double t[] = { 0, 0.2, 0.4, 0.6 };
    expect_words(&c, w, t);
    tts_clip_clear(&c);
  }
  { /* no events at all (nothing spoken): no words, no crash */
    align("...", NULL, 0, 0, &c);
    assert_int_equal(c.nwords, 0);
    tts_clip_clear(&c);
  }
}

/* The samples of text in voice, spoken without a cache (each call speaks). */
static int16_t *speak_pcm(const char *text, const char *voice, size_t *n) {
  char err[TTS_ERR_MAX];
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.voice = voice;
  o.keep_samples = 1;
  tts_job *j = tts_job_new(text, strlen(text), &o, err, sizeof err);
  if (!j) fail_msg("tts_job_new: %s", err);
  if (tts_job_run(j) != 0) fail_msg("synthesis: %s", tts_job_error(j));
  const int16_t *s = tts_job_samples(j, n);
  assert_non_null(s);
  int16_t *copy = malloc(*n * sizeof *copy);
  memcpy(copy, s, *n * sizeof *copy);
  tts_job_free(j);
  return copy;
}

/* A clip is the same samples whatever was spoken before it and in which
 * voice: the spares that load the last voice ahead never speak another. */
static void test_same_after_other_voices(void **state) {
  (void)state;
  const char *text = "The same sentence, said after other voices have spoken.";
  size_t na = 0, nb = 0, nc = 0, n = 0;
  int16_t *a = speak_pcm(text, "female", &na);
  free(speak_pcm("Something else, in another voice.", "male", &n));
  free(speak_pcm("Y ahora en castellano.", "es", &n));
  free(speak_pcm("Back to the first voice, but other words.", "female", &n));
  int16_t *b = speak_pcm(text, "female", &nb);
  free(speak_pcm("A voice of its own again.", "male_warm", &n));
  int16_t *c = speak_pcm(text, "female", &nc);
  assert_true(na > 22050);
  assert_int_equal(na, nb);
  assert_int_equal(na, nc);
  assert_memory_equal(a, b, na * sizeof *a);
  assert_memory_equal(a, c, na * sizeof *a);
  free(a); free(b); free(c);
}

static void test_cancel(void **state) {
  (void)state;
  char err[TTS_ERR_MAX];
  tts_job *j = tts_job_new(PARAGRAPH, strlen(PARAGRAPH), NULL, err, sizeof err);
  assert_non_null(j);
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.cache = tc;
  o.rate = 333;  /* not in the cache */
  tts_job_free(j);
  j = tts_job_new(PARAGRAPH, strlen(PARAGRAPH), &o, err, sizeof err);
  tts_job_cancel(j);
  assert_int_equal(tts_job_run(j), -1);
  assert_string_equal(tts_job_error(j), "cancelled");
  tts_job_free(j);
}

/* ---- the speech helper ------------------------------------------------------ */

static char kept_path[] = "/tmp/vgrun-test-tts-fd-XXXXXX";

static int threads_of(int pid) {
  char p[64], line[256];
  snprintf(p, sizeof p, "/proc/%d/status", pid);
  FILE *f = fopen(p, "r");
  if (!f) return -1;
  int n = -1;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "Threads: %d", &n) == 1) break;
  fclose(f);
  return n;
}

/* whether process pid has path open */
static int has_open(int pid, const char *path) {
  char dir[64], link[400], target[4096];
  snprintf(dir, sizeof dir, "/proc/%d/fd", pid);
  DIR *d = opendir(dir);
  assert_non_null(d);
  struct dirent *e;
  int found = 0;
  while ((e = readdir(d))) {
    snprintf(link, sizeof link, "%s/%s", dir, e->d_name);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n > 0) { target[n] = 0; if (!strcmp(target, path)) found = 1; }
  }
  closedir(d);
  return found;
}

/* how many children pid has */
static int children_of(int pid) {
  char p[96];
  snprintf(p, sizeof p, "/proc/%d/task/%d/children", pid, pid);
  FILE *f = fopen(p, "r");
  if (!f) return -1;
  int c, n = 0;
  while (fscanf(f, "%d", &c) == 1) n++;
  fclose(f);
  return n;
}

/* how many children of pid have more than one thread */
static int threaded_children_of(int pid) {
  char p[96];
  snprintf(p, sizeof p, "/proc/%d/task/%d/children", pid, pid);
  FILE *f = fopen(p, "r");
  if (!f) return -1;
  int c, n = 0;
  while (fscanf(f, "%d", &c) == 1) n += threads_of(c) > 1;
  fclose(f);
  return n;
}

static void mark_done(tts_job *j, void *ud) { (void)j; __atomic_store_n((int *)ud, 1, __ATOMIC_RELEASE); }

/* The speaking children come from the speech helper: forked before any
 * thread (tts_prefork, first thing in main below), single-threaded, holding
 * none of this process's descriptors. A child is cancelled while it speaks;
 * if the helper dies, the next utterance starts another. */
static void test_helper(void **state) {
  (void)state;
  int h = tts_helper_pid();
  assert_true(h > 0);
  assert_int_equal(threads_of(h), 1);
  assert_true(threads_of(getpid()) > 1);   /* the worker thread exists */
  assert_true(has_open(getpid(), kept_path));
  assert_false(has_open(h, kept_path));     /* opened before the fork, closed in the helper */
  /* the voice's template holds espeak-ng's own thread; the spares forked
   * from it, now the helper's children too, have one each */
  assert_int_equal(threaded_children_of(h), 1);

  /* cancelled while its child speaks (a long text, slowly: seconds of work) */
  size_t n = strlen(PARAGRAPH);
  char *text = malloc(4 * n + 1);
  for (int i = 0; i < 4; i++) memcpy(text + i * n, PARAGRAPH, n);
  text[4 * n] = 0;
  char err[TTS_ERR_MAX];
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.cache = tc;
  o.rate = 81;
  tts_job *j = tts_job_new(text, 4 * n, &o, err, sizeof err);
  free(text);
  assert_non_null(j);
  int done = 0, kids = 0;
  /* the helper's children now: its spares, one per lane, forked ahead */
  int spares = children_of(h);
  assert_true(spares >= 1);
  tts_job_submit(j, mark_done, &done);
  struct timespec ms = { 0, 1000000 };
  /* then the one speaking, and the spare forked after it took one */
  while (!__atomic_load_n(&done, __ATOMIC_ACQUIRE) && (kids = children_of(h)) < spares + 1)
    nanosleep(&ms, NULL);
  assert_int_equal(kids, spares + 1);   /* the speaker is the helper's child, not ours */
  tts_job_cancel(j);
  assert_int_equal(tts_job_wait(j), -1);
  assert_string_equal(tts_job_error(j), "cancelled");
  tts_job_free(j);
  while (children_of(h) > spares) nanosleep(&ms, NULL);   /* reaped by the helper: the spares are left */

  /* the helper dies: the next utterance starts a new one */
  assert_int_equal(kill(h, SIGKILL), 0);
  tts_job *k = run("A new helper speaks this.", 25, NULL, 193, -1);
  assert_true(tts_job_clip(k)->nsamples > 0);
  tts_job_free(k);
  int h2 = tts_helper_pid();
  assert_true(h2 > 0 && h2 != h);
  assert_int_equal(threads_of(h2), 1);   /* forked from the worker thread: only that thread */
}

/* Runs first: the worker is initialised, but the helper forks its spares
 * only for the first clip that must be spoken, neither for a blank one nor
 * before (an unchanged re-run of `vgrun create`, every clip in the cache,
 * forks none). */
static void test_no_spares_until_spoken(void **state) {
  (void)state;
  int h = tts_helper_pid();
  assert_true(h > 0);
  struct timespec ms = {0, 20 * 1000000};
  for (int i = 0; i < 15; i++) {   /* 0.3 s: time enough for a warm-up to fork */
    assert_int_equal(children_of(h), 0);
    nanosleep(&ms, NULL);
  }
  tts_job *b = run("   ", 3, NULL, 0, -1);   /* blank: nothing to speak */
  tts_job_free(b);
  assert_int_equal(children_of(h), 0);
  tts_job *j = run("The first clip to speak.", 24, NULL, 0, -1);
  assert_true(tts_job_clip(j)->nsamples > 0);
  tts_job_free(j);
  int n = 0;
  for (int i = 0; i < 100 && (n = children_of(h)) == 0; i++) nanosleep(&ms, NULL);
  assert_true(n > 0);   /* the spares, ready for the next clip */
}

static char cache_dir[] = "/tmp/vgrun-test-tts-XXXXXX";

int main(void) {
  /* a descriptor of this process's, then the helper, before any thread */
  int kept = mkstemp(kept_path);
  if (kept < 0 || tts_prefork() != 0) { perror("tts_prefork"); return 1; }
  if (!mkdtemp(cache_dir)) { perror("mkdtemp"); return 1; }
  tc = vg_cache_new(cache_dir, 0, -1);
  char err[TTS_ERR_MAX];
  if (tts_init(err, sizeof err) != 0) { fprintf(stderr, "%s\n", err); return 1; }
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_no_spares_until_spoken),   /* first: nothing spoken yet */
    cmocka_unit_test(test_paragraph_timings),
    cmocka_unit_test(test_named_voices_differ),
    cmocka_unit_test(test_spanish_and_codes),
    cmocka_unit_test(test_japanese_readings),
    cmocka_unit_test(test_japanese_latin_words),
    cmocka_unit_test(test_mandarin_voice),
    cmocka_unit_test(test_english_passages),
    cmocka_unit_test(test_unknown_voice),
    cmocka_unit_test(test_empty_text),
    cmocka_unit_test(test_non_utf8),
    cmocka_unit_test(test_cache_hit),
    cmocka_unit_test(test_ssml_marks_and_numbers),
    cmocka_unit_test(test_plain_by_default),
    cmocka_unit_test(test_plain_text_controls),
    cmocka_unit_test(test_identifier_said_as_words),
    cmocka_unit_test(test_tajik_letters_said),
    cmocka_unit_test(test_ssml_filter),
    cmocka_unit_test(test_child_crash),
    cmocka_unit_test(test_align),
    cmocka_unit_test(test_same_after_other_voices),
    cmocka_unit_test(test_cancel),
    cmocka_unit_test(test_helper),
  };
  int rc = cmocka_run_group_tests_name("tts", tests, NULL, NULL);
  vg_cache_unref(tc);
  close(kept);
  unlink(kept_path);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", cache_dir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", cache_dir);
  return rc;
}
