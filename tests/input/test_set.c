/* test_set.c: set directories (set_config.yaml): defaults, naming and
 * per-video overrides. */
#include "input_test.h"

#include <unistd.h>

static void tutorial_set_gives_four_videos(void **state) {
  (void)state;
  NEED_CORPUS();
  char path[4096];
  snprintf(path, sizeof path, "%s/sets/tutorial_series_example", corpus_dir());
  vgi_diags d;
  cJSON *m = load(path, NULL, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  assert_int_equal(video_count(m), 4);
  assert_string_equal(sget(video_at(m, 0), "id"), "tutorial-01-introduction");
  assert_string_equal(sget(video_at(m, 3), "id"), "tutorial-04-conclusion");
  /* overrides of 03_first_steps */
  assert_string_equal(sget(video_at(m, 2), "accent_color"), "green");
  assert_string_equal(sget(video_at(m, 2), "voice"), "female");
  assert_string_equal(sget(scene_at(m, 2, 1), "voice"), "female");
  /* defaults elsewhere */
  assert_string_equal(sget(video_at(m, 0), "accent_color"), "blue");
  assert_canonical(m);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void product_set(void **state) {
  (void)state;
  NEED_CORPUS();
  char path[4096];
  /* the config file itself names the set too */
  snprintf(path, sizeof path, "%s/sets/product_demo_series/set_config.yaml", corpus_dir());
  vgi_diags d;
  cJSON *m = load(path, NULL, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  assert_int_equal(video_count(m), 3);
  assert_string_equal(sget(video_at(m, 0), "id"), "demo_feature_highlights");
  assert_string_equal(sget(video_at(m, 0), "accent_color"), "pink");
  assert_string_equal(sget(video_at(m, 0), "voice"), "female_friendly");
  assert_string_equal(sget(video_at(m, 2), "voice"), "male");
  /* set scene duration defaults */
  assert_true(cJSON_GetObjectItem(scene_at(m, 0, 0), "min_duration")->valuedouble == 2.5);
  assert_true(cJSON_GetObjectItem(scene_at(m, 0, 0), "max_duration")->valuedouble == 10.0);
  /* custom narration kept */
  assert_string_equal(sget(scene_at(m, 0, 0), "narration"),
                      "Amazing features. See what's possible with our powerful product.");
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* DIR/NAME in buf; returns buf */
static const char *in_dir(char *buf, size_t n, const char *dir, const char *name) {
  snprintf(buf, n, "%s/%s", dir, name);
  return buf;
}

static void set_with_missing_file(void **state) {
  (void)state;
  char dir_buf[64], file_buf[96];
  const char *dir = tmp_path(dir_buf, sizeof dir_buf, "set_test");
  mkdir(dir, 0755);
  FILE *f = fopen(in_dir(file_buf, sizeof file_buf, dir, "set_config.yaml"), "w");
  fputs("set:\n  defaults:\n    accent_color: teal\n  videos:\n    - file: a.yaml\n    - file: nope.yaml\n", f);
  fclose(f);
  f = fopen(in_dir(file_buf, sizeof file_buf, dir, "a.yaml"), "w");
  fputs("video: {id: a, title: A}\nscenes:\n  - {type: title, title: A}\n", f);
  fclose(f);
  vgi_diags d;
  cJSON *m = load(dir, NULL, &d);
  assert_non_null(m);
  assert_true(has_message(&d, "listed in"));
  /* the bad default is reported where it was written */
  const vgi_diag *g = find_diag(&d, "videos[0].accent_color");
  assert_non_null(g);
  assert_non_null(strstr(g->file, "set_config.yaml"));
  assert_int_equal(g->line, 3);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(in_dir(file_buf, sizeof file_buf, dir, "a.yaml"));
  remove(in_dir(file_buf, sizeof file_buf, dir, "set_config.yaml"));
  rmdir(dir);
}

static void set_with_markdown_member(void **state) {
  (void)state;
  char dir_buf[64], file_buf[96];
  const char *dir = tmp_path(dir_buf, sizeof dir_buf, "set_md");
  mkdir(dir, 0755);
  FILE *f = fopen(in_dir(file_buf, sizeof file_buf, dir, "set_config.yaml"), "w");
  fputs("set:\n  naming: {prefix: talk}\n  videos:\n    - file: a.md\n      overrides: {voice: female, accent_color: pink}\n", f);
  fclose(f);
  f = fopen(in_dir(file_buf, sizeof file_buf, dir, "a.md"), "w");
  fputs("# A talk\n\n## Point\n\nSome prose about the point.\n", f);
  fclose(f);
  vgi_diags d;
  cJSON *m = load(dir, NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_string_equal(sget(video_at(m, 0), "id"), "talk_a_talk");
  assert_string_equal(sget(video_at(m, 0), "accent_color"), "pink");
  for (int i = 0; i < scene_count(m, 0); i++) assert_string_equal(sget(scene_at(m, 0, i), "voice"), "female");
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(in_dir(file_buf, sizeof file_buf, dir, "a.md"));
  remove(in_dir(file_buf, sizeof file_buf, dir, "set_config.yaml"));
  rmdir(dir);
}

/* naming goes into every id: a bad prefix or separator is told at its own
 * line in set_config.yaml, once, not at each video's file */
static void set_naming_checked_where_written(void **state) {
  (void)state;
  char dir[] = "/tmp/vgi_set_naming.XXXXXX";
  assert_non_null(mkdtemp(dir));
  char cfg[256], a[256];
  snprintf(cfg, sizeof cfg, "%s/set_config.yaml", dir);
  snprintf(a, sizeof a, "%s/a.yaml", dir);
  FILE *f = fopen(cfg, "w");
  fputs("set:\n  naming:\n    prefix: \"../up\"\n    separator: \"/\"\n  videos:\n    - file: a.yaml\n", f);
  fclose(f);
  f = fopen(a, "w");
  fputs("video: {id: a, title: A}\nscenes:\n  - {type: title, title: A}\n", f);
  fclose(f);
  vgi_diags d;
  cJSON *m = load(dir, NULL, &d);
  const vgi_diag *g = find_diag(&d, "set.naming.prefix");
  assert_non_null(g);
  assert_non_null(strstr(g->file, "set_config.yaml"));
  assert_int_equal(g->line, 3);
  assert_non_null(strstr(g->message, "'../up' is not a valid part of a video id"));
  g = find_diag(&d, "set.naming.separator");
  assert_non_null(g);
  assert_int_equal(g->line, 4);
  /* and not again at the video */
  assert_null(find_diag(&d, "videos[0].id"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(a);
  remove(cfg);
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(tutorial_set_gives_four_videos),
    cmocka_unit_test(product_set),
    cmocka_unit_test(set_with_missing_file),
    cmocka_unit_test(set_with_markdown_member),
    cmocka_unit_test(set_naming_checked_where_written),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
