/* test_json.c: JSON documents: the same schema as YAML, with positions. */
#include "input_test.h"

static void json_matches_yaml(void **state) {
  (void)state;
  vgi_diags dj, dy;
  cJSON *j = load(DATA "visual.json", NULL, &dj);
  cJSON *y = load(DATA "flat.yaml", NULL, &dy);
  assert_non_null(j);
  assert_non_null(y);
  assert_int_equal(dy.errors, 0);
  /* the third scene of the JSON is wrong on purpose, at line 10 */
  assert_int_equal(dj.errors, 1);
  const vgi_diag *g = find_diag(&dj, "scenes[2].visual_content.items");
  assert_non_null(g);
  assert_int_equal(g->line, 10);
  for (int i = 0; i < 2; i++) {
    assert_string_equal(sget(scene_at(j, 0, i), "scene_type"), sget(scene_at(y, 0, i), "scene_type"));
    assert_string_equal(sget(scene_at(j, 0, i), "narration"), sget(scene_at(y, 0, i), "narration"));
  }
  assert_string_equal(sget(scene_at(y, 0, 0), "narration"), "Welcome to Hello. Flat form.");
  assert_string_equal(sget(scene_at(y, 0, 1), "narration"),
                      "Run. This command builds it. This gives you fast and simple.");
  cJSON_Delete(j);
  cJSON_Delete(y);
  vgi_diags_free(&dj);
  vgi_diags_free(&dy);
}

static void from_doc_accepts_canonical(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *doc = cJSON_Parse("{\"videos\":[{\"id\":\"x\",\"title\":\"X\",\"scenes\":["
                           "{\"id\":\"s1\",\"scene_type\":\"quote\",\"visual_content\":{\"quote_text\":\"Hi\","
                           "\"attribution\":\"Me\"},\"voice\":\"en-gb\",\"min_duration\":2,\"max_duration\":9,"
                           "\"source\":{\"file\":\"talk.lua\",\"line\":7}}]}]}");
  cJSON *m = vgi_from_doc(doc, NULL, NULL, &d);
  assert_int_equal(d.errors, 0);
  const cJSON *s = scene_at(m, 0, 0);
  assert_string_equal(sget(s, "narration"), "As Me put it: Hi.");
  assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(s, "source"), "line")->valueint, 7);
  assert_true(cJSON_GetObjectItem(s, "max_duration")->valuedouble == 9);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* problems in a document without a file: path only, the scene's source line */
  doc = cJSON_Parse("{\"videos\":[{\"id\":\"x\",\"title\":\"X\",\"scenes\":["
                    "{\"scene_type\":\"title\",\"visual_content\":{},\"source\":{\"file\":\"t.lua\",\"line\":3}}]}]}");
  m = vgi_from_doc(doc, NULL, NULL, &d);
  assert_int_equal(d.errors, 1);
  char *t = vgi_diag_format(&d.v[0]);
  assert_string_equal(t, "t.lua:3:1: videos[0].scenes[0].visual_content.title: missing required field title for a title scene");
  free(t);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* issue 11 item 7: what is checked is what is rendered. A duplicate key
 * used to be checked at its first value (cJSON's lookup) and rendered with
 * its last (the Lua table): now the last wins everywhere, with a warning. */
static void duplicate_keys_last_wins(void **state) {
  (void)state;
  const char *p = write_tmp("dup.json",
                            "{\"video\": {\"id\": \"d\",\n"
                            "  \"title\": \"Checked\",\n"
                            "  \"title\": [1, 2, 3]},\n"
                            " \"scenes\": [{\"type\": \"title\", \"title\": \"T\", \"title\": \"U\"}]}\n");
  vgi_diags d;
  cJSON *m = load(p, NULL, &d);
  assert_non_null(m);
  /* the warning names the line of the value that wins */
  const vgi_diag *w = NULL;
  for (size_t i = 0; i < d.n; i++)
    if (d.v[i].severity == VGI_WARNING && strstr(d.v[i].message, "duplicate key")) { w = &d.v[i]; break; }
  assert_non_null(w);
  assert_int_equal(w->line, 3);
  assert_string_equal(w->field, "title");
  /* the list is what the renderer would draw: it is what is checked */
  const vgi_diag *g = find_diag(&d, "videos[0].title");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_ERROR);
  assert_int_equal(g->line, 3);
  /* one value per key in the model */
  int titles = 0;
  for (const cJSON *c = video_at(m, 0)->child; c; c = c->next) titles += !strcmp(c->string, "title");
  assert_int_equal(titles, 1);
  assert_string_equal(vcget(scene_at(m, 0, 0), "title"), "U");
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(p);
}

static void nul_escape_is_refused(void **state) {
  (void)state;
  const char *p = write_tmp("nul.json", "{\"video\": {\"id\": \"d\",\n"
                                        "  \"title\": \"cut\\u0000here\"},\n"
                                        " \"scenes\": [{\"type\": \"title\", \"title\": \"T\"}]}\n");
  vgi_diags d;
  cJSON *m = load(p, NULL, &d);
  assert_null(m);
  assert_int_equal(d.errors, 1);
  assert_non_null(strstr(d.v[0].message, "\\u0000"));
  assert_int_equal(d.v[0].line, 2);
  assert_int_equal(d.v[0].col, 16);
  vgi_diags_free(&d);
  /* an escaped backslash before u0000 is text, not a NUL */
  p = write_tmp("nul.json", "{\"video\": {\"id\": \"d\", \"title\": \"a\\\\u0000\"},\n"
                            " \"scenes\": [{\"type\": \"title\", \"title\": \"T\"}]}\n");
  m = load(p, NULL, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  assert_string_equal(sget(video_at(m, 0), "title"), "a\\u0000");
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(json_matches_yaml),
    cmocka_unit_test(from_doc_accepts_canonical),
    cmocka_unit_test(duplicate_keys_last_wins),
    cmocka_unit_test(nul_escape_is_refused),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
