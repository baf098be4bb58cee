/* test_subtitle.c: transcripts through libavformat: SRT and VTT of the same
 * cues give the same scenes, with every word of the transcript. */
#include "input_test.h"
#include "input_private.h"

#include <ctype.h>

/* Lower-case words of a text, for comparison. */
static char *words_of(const char *s) {
  char *out = malloc(strlen(s) + 2);
  size_t n = 0;
  int in = 0;
  for (; *s; s++) {
    if (isalnum((unsigned char)*s) || *s == '\'') {
      out[n++] = (char)tolower((unsigned char)*s);
      in = 1;
    } else if (in) {
      out[n++] = ' ';
      in = 0;
    }
  }
  out[n] = 0;
  return out;
}

static void srt_and_vtt_agree(void **state) {
  (void)state;
  vgi_diags ds, dv;
  cJSON *s = load(DATA "cues.srt", NULL, &ds);
  cJSON *v = load(DATA "cues.vtt", NULL, &dv);
  assert_non_null(s);
  assert_non_null(v);
  assert_int_equal(ds.errors, 0);
  assert_int_equal(dv.errors, 0);
  assert_int_equal(scene_count(s, 0), scene_count(v, 0));
  /* pauses of 4 s split the cues in 3 groups: title + 3 + outro */
  assert_int_equal(scene_count(s, 0), 5);
  for (int i = 0; i < scene_count(s, 0); i++) {
    cJSON *a = cJSON_Duplicate(scene_at(s, 0, i), 1), *b = cJSON_Duplicate(scene_at(v, 0, i), 1);
    cJSON_DeleteItemFromObject(a, "source");
    cJSON_DeleteItemFromObject(b, "source");
    assert_true(cJSON_Compare(a, b, 1));
    cJSON_Delete(a);
    cJSON_Delete(b);
  }
  /* every word of the transcript is narrated, in order */
  const char *transcript = "Welcome to the build systems talk. Today we look at Make and Ninja. "
                           "Make rebuilds only what changed. Ninja is small and very fast. It leaves "
                           "the decisions to a generator & runs the graph. Thanks for listening.";
  char *want = words_of(transcript);
  char all[2048] = "";
  for (int i = 1; i < scene_count(s, 0) - 1; i++) {
    strcat(all, sget(scene_at(s, 0, i), "narration"));
    strcat(all, " ");
  }
  char *got = words_of(all);
  assert_string_equal(got, want);
  free(want);
  free(got);
  /* markup is gone, entities decoded */
  assert_null(strstr(all, "<i>"));
  assert_null(strstr(all, "&amp;"));
  /* scenes point at their first cue's text line */
  assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(v, 0, 2), "source"), "line")->valueint, 17);
  assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(s, 0, 2), "source"), "line")->valueint, 15);
  /* bullets are sentences of the part */
  const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(s, 0, 1), "visual_content"), "items");
  assert_int_equal(cJSON_GetArraySize(items), 3);
  assert_canonical(s);
  cJSON_Delete(s);
  cJSON_Delete(v);
  vgi_diags_free(&ds);
  vgi_diags_free(&dv);
}

static void broken_transcript(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load(DATA "hostile.srt", NULL, &d);
  assert_null(m);
  assert_true(d.errors >= 1);
  assert_non_null(strstr(d.v[0].file, "hostile.srt"));
  vgi_diags_free(&d);
}

/* issue 11 item 7: STYLE, REGION and NOTE blocks are skipped (WebVTT 6.1);
 * libavformat's demuxer stopped at the first one and lost every later cue. */
static void vtt_style_region_note_skipped(void **state) {
  (void)state;
  const char *p = write_tmp("style.vtt",
                            "WEBVTT - a talk\n"
                            "Kind: captions\n"
                            "\n"
                            "STYLE\n"
                            "::cue { color: yellow }\n"
                            "\n"
                            "REGION\n"
                            "id:left width:40%\n"
                            "\n"
                            "NOTE written by hand\n"
                            "\n"
                            "intro\n"
                            "00:00:01.000 --> 00:00:03.000 region:left\n"
                            "First cue.\n"
                            "\n"
                            "NOTE\n"
                            "a note\n"
                            "over lines\n"
                            "\n"
                            "00:04.000 --> 00:06.000\n"
                            "<v Ann>Second cue.\n"
                            "\n"
                            "STYLE\n"
                            "::cue(b) { color: red }\n"
                            "\n"
                            "01:00:07.000 --> 01:00:09.000\n"
                            "Third cue.\n");
  vgi_diags d;
  cJSON *m = load(p, NULL, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  /* title, the cues (two scenes: the third comes an hour later), outro */
  assert_int_equal(scene_count(m, 0), 4);
  assert_string_equal(sget(scene_at(m, 0, 1), "narration"), "First cue. Second cue.");
  assert_string_equal(sget(scene_at(m, 0, 2), "narration"), "Third cue.");
  /* each scene points at its first cue's text */
  assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, 1), "source"), "line")->valueint, 14);
  assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, 2), "source"), "line")->valueint, 27);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(p);
}

/* issue 11 item 7: a malformed timing line used to be narrated as text of
 * the cue before it ("2 00:00:04,000 -> 00:00:05,000 Malformed"). */
static void srt_malformed_timing_reported(void **state) {
  (void)state;
  const char *p = write_tmp("bad.srt",
                            "1\r\n"
                            "00:00:01,000 --> 00:00:03,000\r\n"
                            "Good cue.\r\n"
                            "\r\n"
                            "2\r\n"
                            "00:00:04,000 -> 00:00:05,000\r\n"
                            "Malformed\r\n"
                            "\r\n"
                            "3\r\n"
                            "00:00:06,000 --> 00:00:08,000\r\n"
                            "Third cue.\r\n");
  vgi_diags d;
  cJSON *m = load(p, NULL, &d);
  assert_int_equal(d.errors, 1);
  assert_non_null(strstr(d.v[0].message, "malformed cue timing"));
  assert_int_equal(d.v[0].line, 6);
  assert_string_equal(d.v[0].file, p);
  for (int i = 0; m && i < scene_count(m, 0); i++) {
    const char *n = sget(scene_at(m, 0, i), "narration");
    assert_true(!n || !strstr(n, "Malformed"));
  }
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* minutes past 59, a cue that ends before it starts: both with their line */
  p = write_tmp("bad.srt", "1\n00:61:00,000 --> 00:62:00,000\nA.\n\n"
                           "2\n00:00:09,000 --> 00:00:08,000\nB.\n\n"
                           "3\n00:00:10,000 --> 00:00:11,000\nC.\n");
  m = load(p, NULL, &d);
  assert_int_equal(d.errors, 2);
  assert_int_equal(d.v[0].line, 2);
  assert_int_equal(d.v[1].line, 6);
  assert_non_null(strstr(d.v[1].message, "ends before it starts"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(p);
}

/* A talk of an hour is one video: its cues go into at most max_scenes
 * scenes (longer ones), every cue said, none lost; a short talk keeps its
 * usual scenes of about 30 s. Before, 1,500 cues were "321 scenes: a video
 * may have at most 100". */
static void long_talk_fits(void **state) {
  (void)state;
  vgi_buf b = {0};
  for (int i = 0; i < 3600; i++) {
    char cue[160];
    snprintf(cue, sizeof cue, "%d\n%02d:%02d:%02d,000 --> %02d:%02d:%02d,900\nSentence %d of the talk.\n\n", i + 1,
             i / 3600, i / 60 % 60, i % 60, i / 3600, i / 60 % 60, i % 60, i + 1);
    vgi_buf_puts(&b, cue);
  }
  const char *p = write_tmp("talk.srt", b.s);
  vgi_buf_free(&b);
  vgi_diags d;
  cJSON *m = load(p, NULL, &d);
  remove(p);
  if (d.errors) dump_diags(&d);
  assert_int_equal(d.errors, 0);
  int n = scene_count(m, 0);
  assert_true(n <= 100 && n >= 60);
  int said = 0;
  for (int i = 0; i < n; i++) {
    const char *t = sget(scene_at(m, 0, i), "narration");
    if (t && strstr(t, "Sentence 1 of the talk.")) said |= 1;
    if (t && strstr(t, "Sentence 3600 of the talk.")) said |= 2;
  }
  assert_int_equal(said, 3);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* A load its caller cancels (Ctrl-C) stops within a cue or two and gives no
 * model, only the error "cancelled": a talk of 300,000 cues is not read to
 * its end before vgrun can stop. */
static int polls, cancel_after;
static int cancel_soon(const void *arg) {
  (void)arg;
  return ++polls > cancel_after;
}

static void cancelled_load_stops(void **state) {
  (void)state;
  vgi_buf b = {0};
  for (int i = 0; i < 3600; i++) {
    char cue[160];
    snprintf(cue, sizeof cue, "%d\n%02d:%02d:%02d,000 --> %02d:%02d:%02d,900\nSentence %d of the talk.\n\n", i + 1,
             i / 3600, i / 60 % 60, i % 60, i / 3600, i / 60 % 60, i % 60, i + 1);
    vgi_buf_puts(&b, cue);
  }
  const char *p = write_tmp("cancelled.srt", b.s);
  vgi_buf_free(&b);
  /* cancelled while the cues are read: the reading stops there */
  polls = 0;
  cancel_after = 100;
  vgi_cancel_watch(cancel_soon, NULL);
  vgi_diags d;
  cJSON *m = vgi_load(p, NULL, memset(&d, 0, sizeof d));
  vgi_cancel_watch(NULL, NULL);
  assert_null(m);
  assert_true(has_message(&d, "cancelled"));
  assert_true(polls < cancel_after + 10);
  vgi_diags_free(&d);
  /* cancelled before it starts: a Markdown document gives no model either */
  polls = 0;
  cancel_after = 0;
  vgi_cancel_watch(cancel_soon, NULL);
  m = vgi_load(DATA "platforms.md", NULL, memset(&d, 0, sizeof d));
  vgi_cancel_watch(NULL, NULL);
  assert_null(m);
  assert_true(has_message(&d, "cancelled"));
  vgi_diags_free(&d);
  /* with no watch the same talk loads whole */
  m = load(p, NULL, &d);
  remove(p);
  assert_non_null(m);
  assert_false(has_message(&d, "cancelled"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(vtt_style_region_note_skipped),
    cmocka_unit_test(srt_malformed_timing_reported),
    cmocka_unit_test(srt_and_vtt_agree),
    cmocka_unit_test(broken_transcript),
    cmocka_unit_test(long_talk_fits),
    cmocka_unit_test(cancelled_load_stops),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
