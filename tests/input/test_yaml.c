/* test_yaml.c: the YAML adapter: every corpus YAML file, both flavours,
 * videos lists, and validation with file:line:col. */
#include "input_test.h"

#include <dirent.h>

static void corpus_yaml_files_pass(void **state) {
  (void)state;
  NEED_CORPUS();
  int nfiles;
  char **paths = corpus_files(".yaml", &nfiles);
  int files = 0;
  for (int f = 0; f < nfiles; f++) {
    const char *path = paths[f];
    vgi_diags d;
    cJSON *m = load(path, NULL, &d);
    assert_non_null(m);
    assert_int_equal(d.errors, 0);
    assert_int_equal(video_count(m), 1);
    assert_true(scene_count(m, 0) >= 2);
    assert_canonical(m);
    cJSON_Delete(m);
    vgi_diags_free(&d);
    files++;
  }
  free_paths(paths, nfiles);
  assert_int_equal(files, 11);
}

static void flat_form_fields_move_to_visual_content(void **state) {
  (void)state;
  NEED_CORPUS();
  char path[4096];
  snprintf(path, sizeof path, "%s/inputs/01_system_introduction.yaml", corpus_dir());
  vgi_diags d;
  cJSON *m = load(path, NULL, &d);
  assert_int_equal(d.errors, 0);
  const cJSON *v = video_at(m, 0);
  assert_string_equal(sget(v, "id"), "01_video_gen_intro");
  assert_string_equal(sget(v, "accent_color"), "cyan");
  const cJSON *s1 = scene_at(m, 0, 1);
  assert_string_equal(sget(s1, "scene_type"), "list");
  assert_string_equal(sget(s1, "voice"), "female");
  assert_string_equal(vcget(s1, "header"), "What is Video Gen?");
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(s1, "visual_content"), "items")), 4);
  /* narration written from topic */
  assert_non_null(strstr(sget(s1, "narration"), "A production-ready system"));
  /* source line of the scene */
  const cJSON *src = cJSON_GetObjectItem(s1, "source");
  assert_int_equal(cJSON_GetObjectItem(src, "line")->valueint, 20);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void visual_content_flavour(void **state) {
  (void)state;
  NEED_CORPUS();
  char path[4096];
  snprintf(path, sizeof path, "%s/inputs/example_simple.yaml", corpus_dir());
  vgi_diags d;
  cJSON *m = load(path, NULL, &d);
  assert_int_equal(d.errors, 0);
  const cJSON *s = scene_at(m, 0, 1);
  assert_string_equal(sget(s, "scene_type"), "command");
  assert_string_equal(sget(s, "id"), "2");
  assert_string_equal(sget(s, "narration"), "Getting up and running quickly with three simple commands");
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(s, "visual_content"), "commands")), 3);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void two_wrong_fields_both_reported_with_lines(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load(DATA "two_errors.yaml", NULL, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 2);
  const vgi_diag *a = find_diag(&d, "scenes[1].visual_content.items");
  const vgi_diag *b = find_diag(&d, "scenes[2].max_duration");
  assert_non_null(a);
  assert_non_null(b);
  assert_int_equal(a->line, 13);
  assert_int_equal(b->line, 17);
  char *t = vgi_diag_format(a);
  assert_string_equal(t, DATA "two_errors.yaml:13:12: videos[0].scenes[1].visual_content.items: "
                         "expected a list, got text");
  free(t);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void every_problem_at_once(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load(DATA "many_errors.yaml", NULL, &d);
  assert_non_null(find_diag(&d, "videos[0].voice"));
  assert_non_null(find_diag(&d, "videos[0].accent_color"));
  assert_non_null(find_diag(&d, "scenes[0].scene_type"));
  assert_non_null(find_diag(&d, "scenes[1].visual_content.commands"));
  assert_non_null(find_diag(&d, "scenes[2].visual_content.options"));
  assert_non_null(find_diag(&d, "scenes[3].min_duration"));
  assert_non_null(find_diag(&d, "scenes[4].max_duration"));
  assert_true(has_message(&d, "unknown scene type 'sparkle'"));
  assert_true(has_message(&d, "out of range"));
  /* the unknown video voice is reported once, not per scene */
  int voice = 0;
  for (size_t i = 0; i < d.n; i++)
    if (strstr(d.v[i].message, "unknown voice")) voice++;
  assert_int_equal(voice, 1);
  for (size_t i = 0; i < d.n; i++) assert_true(d.v[i].line > 0);
  assert_int_equal(d.errors, 7);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* Long code and long lists are laid out (wrapped at token boundaries,
 * split into consecutive scenes by the fit stage, which warns when text is
 * really cut): reading them warns of nothing. */
static void long_content_not_warned(void **state) {
  (void)state;
  char doc[8192] = "title: Long\nscenes:\n  - scene_type: command\n    narration: \"Many lines.\"\n"
                   "    visual_content:\n      commands:\n";
  for (int i = 0; i < 30; i++)
    snprintf(doc + strlen(doc), sizeof doc - strlen(doc), "        - \"echo %d %s\"\n", i,
             i ? "" : "https://github.com/nodejs/release-keys/raw/HEAD/gpg/pubring.kbx --retry 5 --retry-delay 2 --output keys");
  strcat(doc, "  - scene_type: list\n    narration: \"Many items.\"\n    visual_content:\n      items:\n");
  for (int i = 0; i < 25; i++) snprintf(doc + strlen(doc), sizeof doc - strlen(doc), "        - \"Item %d\"\n", i);
  vgi_diags d;
  cJSON *m = load_text("long.yaml", doc, NULL, &d);
  assert_non_null(m);
  for (size_t i = 0; i < d.n; i++) print_message("%s\n", d.v[i].message);
  assert_int_equal(d.errors, 0);
  assert_int_equal(d.warnings, 0);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* A video id names output files: `vgrun check` refuses what `vgrun
 * create` refuses (a path, a name of dots), at its line. */
static void video_id_is_a_name(void **state) {
  (void)state;
  const char *bad[] = { "../../tmp/EVIL", "/etc/x", "..", "a b", NULL };
  for (int i = 0; bad[i]; i++) {
    char doc[512];
    snprintf(doc, sizeof doc, "videos:\n  - id: \"%s\"\n    title: T\n    scenes:\n      - scene_type: title\n"
             "        narration: Hi.\n        visual_content: { title: T }\n", bad[i]);
    const char *path = write_tmp("ids.yaml", doc);
    vgi_diags d;
    cJSON *m = load(path, NULL, &d);
    const vgi_diag *g = find_diag(&d, "videos[0].id");
    if (!g) fail_msg("id '%s' accepted", bad[i]);
    assert_int_equal(g->line, 2);
    assert_non_null(strstr(g->message, "is not a valid id"));
    cJSON_Delete(m);
    vgi_diags_free(&d);
  }
}

static void videos_list_and_nested_video(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load(DATA "videos_list.yaml", NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_int_equal(video_count(m), 2);
  assert_string_equal(sget(video_at(m, 0), "id"), "first");
  assert_string_equal(sget(video_at(m, 0), "accent_color"), "orange");
  assert_string_equal(sget(video_at(m, 1), "id"), "second");
  assert_string_equal(sget(scene_at(m, 1, 0), "narration"), "Two. See docs/two.md.");
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void voices(void **state) {
  (void)state;
  assert_true(vgi_voice_known("male"));
  assert_true(vgi_voice_known("female_friendly"));
  assert_true(vgi_voice_known("en-gb"));
  assert_true(vgi_voice_known("es"));
  assert_true(vgi_voice_known("en-us+f3"));
  assert_true(vgi_voice_known("en-au"));   /* regional code of a known language */
  assert_false(vgi_voice_known("robot"));
  assert_false(vgi_voice_known(""));
  assert_false(vgi_voice_known("en+nosuchvariant"));
}

/* issue 11 item 12: numbers YAML 1.2 reads as text (.nan, .inf, 0x10, 1_000)
 * are named for what they are, and a value just past a limit prints with
 * the digits that make it differ ("300.0000001 s", never "300 s"). */
static void number_messages(void **state) {
  (void)state;
  const char *p = write_tmp("nums.yaml",
                            "video: {id: n, title: N, target_duration: 1_000, max_scene_duration: .inf}\n"
                            "scenes:\n"
                            "  - type: title\n"
                            "    title: A\n"
                            "    min_duration: .nan\n"
                            "    max_duration: 0x10\n"
                            "  - type: title\n"
                            "    title: B\n"
                            "    max_duration: 300.0000001\n"
                            "  - type: title\n"
                            "    title: C\n"
                            "    min_duration: -.Inf\n"
                            "    max_duration: 1e999\n"
                            "  - type: problem\n"
                            "    title: P\n"
                            "    problem_text: x\n"
                            "    problem_number: 0o17\n"
                            "  - type: title\n"
                            "    title: D\n"
                            "    min_duration: 15.00000001\n"
                            "    max_duration: 15\n");
  vgi_diags d;
  cJSON *m = load(p, NULL, &d);
  struct { const char *field; int line; const char *text; } want[] = {
    { "videos[0].target_duration", 1, "'1_000' is not a decimal number" },
    { "videos[0].max_scene_duration", 1, "'.inf' is not a finite number" },
    { "scenes[0].min_duration", 5, "'.nan' is not a finite number" },
    { "scenes[0].max_duration", 6, "'0x10' is not a decimal number (write 16)" },
    { "scenes[1].max_duration", 9, "300.0000001 s is out of range (0 to 300 s)" },
    { "scenes[2].min_duration", 12, "'-.Inf' is not a finite number" },
    { "scenes[2].max_duration", 13, "not a finite number" },
    { "problem_number", 17, "'0o17' is not a decimal number (write 15)" },
    { "scenes[4].min_duration", 20, "min_duration 15.00000001 s is more than max_duration 15 s" },
  };
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    const vgi_diag *g = find_diag(&d, want[i].field);
    if (!g || strcmp(g->message, want[i].text) || g->line != want[i].line) {
      print_message("%s: wanted '%s' at line %d\n", want[i].field, want[i].text, want[i].line);
      dump_diags(&d);
      fail();
    }
  }
  assert_int_equal(d.errors, (int)(sizeof want / sizeof *want));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(number_messages),
    cmocka_unit_test(corpus_yaml_files_pass),
    cmocka_unit_test(flat_form_fields_move_to_visual_content),
    cmocka_unit_test(visual_content_flavour),
    cmocka_unit_test(two_wrong_fields_both_reported_with_lines),
    cmocka_unit_test(every_problem_at_once),
    cmocka_unit_test(long_content_not_warned),
    cmocka_unit_test(video_id_is_a_name),
    cmocka_unit_test(videos_list_and_nested_video),
    cmocka_unit_test(voices),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
