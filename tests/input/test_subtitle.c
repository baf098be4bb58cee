/* test_subtitle.c: transcripts through libavformat: SRT and VTT of the same
 * cues give the same scenes, with every word of the transcript. */
#include "input_test.h"

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

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(srt_and_vtt_agree),
    cmocka_unit_test(broken_transcript),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
