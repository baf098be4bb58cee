/* test_narrate.c: narration templates per scene type and the word budget. */
#include "input_test.h"

static cJSON *one_scene(const char *scene_json) {
  char buf[4096];
  snprintf(buf, sizeof buf, "{\"video\":{\"id\":\"v\",\"title\":\"V\"},\"scenes\":[%s]}", scene_json);
  vgi_diags d = {0};
  cJSON *m = vgi_from_doc(cJSON_Parse(buf), NULL, NULL, &d);
  if (d.errors) dump_diags(&d);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  return m;
}

static void expect(const char *scene_json, const char *narration) {
  cJSON *m = one_scene(scene_json);
  const char *got = sget(scene_at(m, 0, 0), "narration");
  if (!got || strcmp(got, narration)) print_message("got: %s\n", got ? got : "(none)");
  assert_string_equal(got, narration);
  cJSON_Delete(m);
}

static void templates(void **state) {
  (void)state;
  expect("{\"type\":\"title\",\"title\":\"Make\",\"subtitle\":\"A tour\"}", "Welcome to Make. A tour.");
  expect("{\"type\":\"title\",\"title\":\"Make\",\"key_message\":\"Build less\"}", "Welcome to Make. Build less.");
  expect("{\"type\":\"list\",\"header\":\"Tools\",\"items\":[\"make\",\"ninja\",{\"title\":\"bazel\"}]}",
         "Tools. Key points include make, ninja, and bazel.");
  expect("{\"type\":\"list\",\"topic\":\"Overview of these items\",\"items\":[{\"title\":\"Item 1\"},{\"title\":\"Item 2\"}]}",
         "Overview of these items. Key points include Item 1 and Item 2.");
  expect("{\"type\":\"outro\",\"main_text\":\"Main Message\",\"sub_text\":\"documentation.md\",\"key_message\":\"Final thoughts\"}",
         "Main Message. Final thoughts. See documentation.md for complete guides.");
  expect("{\"type\":\"command\",\"topic\":\"What these commands do\",\"commands\":[\"$ a\",\"$ b\"],\"key_points\":[\"Point 1\",\"Point 2\"]}",
         "What these commands do. Run these commands to get started. This gives you point 1 and point 2.");
  expect("{\"type\":\"quote\",\"quote_text\":\"Less is more\",\"attribution\":\"Mies\"}", "As Mies put it: Less is more.");
  expect("{\"type\":\"code_comparison\",\"header\":\"Refactor\",\"before_code\":\"a\",\"after_code\":\"b\",\"improvement\":\"Shorter\"}",
         "Refactor. Compare the original code with the improved version. Shorter.");
  expect("{\"type\":\"problem\",\"problem_number\":2,\"title\":\"Sum\",\"problem_text\":\"Add two numbers\",\"difficulty\":\"easy\"}",
         "Problem 2: Sum. Add two numbers. This is an easy problem.");
  expect("{\"type\":\"quiz\",\"question\":\"Which tool?\",\"options\":[\"make\",\"ninja\",\"bazel\",\"scons\"],\"correct_answer\":\"make\",\"show_answer\":true}",
         "Quiz time. Which tool? Is it make, ninja, bazel, or scons? The answer is make.");
  expect("{\"type\":\"learning_objectives\",\"lesson_title\":\"Make 101\",\"objectives\":[\"Write rules\",\"Use variables\"]}",
         "In this lesson, Make 101, you will learn to write rules and use variables.");
  expect("{\"type\":\"exercise\",\"title\":\"Write a Makefile\",\"instructions\":[\"Add a rule\",\"Run make\"],\"estimated_time\":\"5 minutes\"}",
         "Exercise: Write a Makefile. Add a rule. Run make. This should take about 5 minutes.");
  expect("{\"type\":\"checkpoint\",\"checkpoint_number\":1,\"completed_topics\":[\"rules\",\"variables\"],\"next_topics\":[\"patterns\"]}",
         "Checkpoint 1. So far we covered rules and variables. Next, we look at patterns.");
  expect("{\"type\":\"solution\",\"title\":\"Solution\",\"solution_code\":\"all: a\\n\\tcc a.c\",\"explanation\":\"One rule\"}",
         "Solution. One rule.");
  /* given narration is kept as written */
  expect("{\"type\":\"title\",\"title\":\"Make\",\"narration\":\"Hand written\"}", "Hand written");
}

static void duration_budget(void **state) {
  (void)state;
  vgi_diags d = {0};
  vgi_options o = { .duration = 12 };   /* 30 words at 150 wpm */
  cJSON *m = vgi_load(DATA "acceptance.md", &o, &d);
  assert_int_equal(d.errors, 0);
  int total = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const char *n = sget(scene_at(m, 0, i), "narration");
    /* every scene keeps at least one sentence */
    assert_non_null(n);
    assert_true(strlen(n) > 0);
    total += (int)(vgi_speech_seconds(n) * 150 / 60 + 0.5);
  }
  cJSON *full = vgi_load(DATA "acceptance.md", NULL, &d);
  int full_total = 0;
  for (int i = 0; i < scene_count(full, 0); i++)
    full_total += (int)(vgi_speech_seconds(sget(scene_at(full, 0, i), "narration")) * 150 / 60 + 0.5);
  assert_true(total < full_total);
  cJSON_Delete(m);
  cJSON_Delete(full);
  vgi_diags_free(&d);
}

static void no_narration_option(void **state) {
  (void)state;
  vgi_diags d = {0};
  vgi_options o = { .no_narration = 1 };
  cJSON *m = vgi_load(DATA "flat.yaml", &o, &d);
  assert_null(cJSON_GetObjectItem(scene_at(m, 0, 0), "narration"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* Headlines: short sentences whole, else the first clause or the words up
 * to where a clause starts; never an ellipsis. */
char *vgi_headline(const char *sentence);
static void headline_is(const char *s, const char *want) {
  char *h = vgi_headline(s);
  if (strcmp(h, want)) print_message("got: %s\n", h);
  assert_string_equal(h, want);
  free(h);
}

static void headlines(void **state) {
  (void)state;
  headline_is("Make rebuilds only what changed.", "Make rebuilds only what changed");
  headline_is("The Internet is a global network of interconnected computer networks that use the TCP/IP "
              "protocol suite to communicate between billions of devices.",
              "The Internet is a global network of interconnected computer networks");
  headline_is("Routers forward packets between networks, choosing a path for each one by the tables "
              "they learn from their neighbours over time.",
              "Routers forward packets between networks");
  headline_is("Lernen Sie die Grundlagen der Shell kennen, weil Sie sonst bei jeder Aufgabe im Terminal "
              "unnötig viel Zeit verlieren werden.",
              "Lernen Sie die Grundlagen der Shell kennen");
  /* Chinese: at a comma, else whole */
  headline_is("熟悉命令行是一项很重要的技能，它能让你在工作中更加高效地完成各种各样的任务和工作。",
              "熟悉命令行是一项很重要的技能");
}

/* --duration: the estimate lands within 15 % of the target, or a warning
 * says why it cannot */
static void duration_reached_or_warned(void **state) {
  (void)state;
  const char *path = "/tmp/vgi_duration.md";
  FILE *f = fopen(path, "w");
  fputs("# Long\n\n", f);
  for (int sct = 0; sct < 12; sct++) {
    fprintf(f, "## Section %d\n\n", sct);
    for (int p = 0; p < 4; p++) {
      fprintf(f, "Section %d paragraph %d starts with a sentence of twelve words or so here. ", sct, p);
      for (int k = 0; k < 4; k++) fprintf(f, "Then detail %d follows with some more words to say. ", k);
      fputs("\n\n", f);
    }
  }
  fclose(f);
  double targets[] = { 60, 120, 300 };
  for (int t = 0; t < 3; t++) {
    vgi_diags d = {0};
    vgi_options o = { .duration = targets[t] };
    cJSON *m = vgi_load(path, &o, &d);
    assert_int_equal(d.errors, 0);
    double total = 0;
    for (int i = 0; i < scene_count(m, 0); i++) total += vgi_scene_seconds(scene_at(m, 0, i), "en");
    print_message("--duration %g: %g s in %d scenes\n", targets[t], total, scene_count(m, 0));
    assert_true(total >= targets[t] * 0.85 && total <= targets[t] * 1.15);
    assert_string_equal(sget(scene_at(m, 0, 0), "scene_type"), "title");
    assert_string_equal(sget(scene_at(m, 0, scene_count(m, 0) - 1), "scene_type"), "outro");
    cJSON_Delete(m);
    vgi_diags_free(&d);
  }
  /* 5 s cannot be reached: a warning says so */
  vgi_diags d = {0};
  vgi_options o = { .duration = 5 };
  cJSON *m = vgi_load(path, &o, &d);
  assert_true(has_message(&d, "--duration 5: the video cannot be that short"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(templates),
    cmocka_unit_test(duration_budget),
    cmocka_unit_test(no_narration_option),
    cmocka_unit_test(headlines),
    cmocka_unit_test(duration_reached_or_warned),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
