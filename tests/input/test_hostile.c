/* test_hostile.c: inputs meant to hurt: each gives a clear diagnostic naming
 * the path (and line), never a crash, a hang or a huge allocation. */
#include "input_test.h"
#include "input_private.h"

typedef struct hostile { const char *file; const char *needle; int line; } hostile;

static void hostile_inputs(void **state) {
  (void)state;
  static const hostile cases[] = {
    { DATA "hostile_laughs.yaml", "alias expansion too large", 1 },
    { DATA "hostile_tag.yaml", "is not allowed", 1 },
    { DATA "hostile_syntax.yaml", "YAML syntax error", 1 },
    { DATA "hostile_utf8.yaml", "invalid UTF-8", 3 },
    { DATA "hostile_binary.yaml", "binary data", 1 },
    { DATA "hostile_empty.yaml", "file is empty", 0 },
    { DATA "hostile_deep.yaml", "nesting deeper", 1 },
    { DATA "hostile_deep.json", "nesting deeper than 64 levels", 1 },
    { DATA "hostile_syntax.json", "JSON syntax error", 2 },
    { DATA "hostile.srt", "malformed cue timing", 2 },
    { DATA "does_not_exist.yaml", "cannot open", 0 },
    { DATA "notes.rtf", "a format vgrun does not read: convert it", 0 },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    vgi_diags d = {0};
    cJSON *m = vgi_load(cases[i].file, NULL, &d);
    if (!(d.errors >= 1 && has_message(&d, cases[i].needle))) {
      print_message("%s: expected '%s'\n", cases[i].file, cases[i].needle);
      dump_diags(&d);
      fail();
    }
    assert_non_null(d.v[0].file);
    assert_non_null(strstr(d.v[0].file, cases[i].file + strlen(DATA)));
    if (cases[i].line) assert_true(d.v[0].line >= 1);
    cJSON_Delete(m);
    vgi_diags_free(&d);
  }
}

static void random_bytes_do_not_crash(void **state) {
  (void)state;
  /* a tiny fuzz loop over mutated fixtures, for every adapter */
  static const char *seeds[] = { DATA "acceptance.md", DATA "two_errors.yaml", DATA "visual.json",
                                 DATA "cues.srt", DATA "cues.vtt" };
  static const char *exts[] = { ".md", ".yaml", ".json", ".srt", ".vtt" };
  unsigned seed = 12345;
  for (size_t k = 0; k < 5; k++) {
    FILE *f = fopen(seeds[k], "rb");
    assert_non_null(f);
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    for (int round = 0; round < 60; round++) {
      char mut[8192];
      memcpy(mut, buf, n);
      size_t len = n;
      for (int j = 0; j < 1 + round % 8; j++) {
        seed = seed * 1103515245u + 12345u;
        size_t at = (seed >> 8) % len;
        static const char pool[] = "\n:-[]{}&*!|>#`'\" \t\x01\xff<>";
        mut[at] = pool[(seed >> 16) % (sizeof pool - 1)];
      }
      if (round % 5 == 0) len = (seed >> 4) % len + 1;   /* truncate */
      char path[64];
      snprintf(path, sizeof path, "/tmp/vgi_%d_fuzz%s", (int)getpid(), exts[k]);
      f = fopen(path, "wb");
      fwrite(mut, 1, len, f);
      fclose(f);
      vgi_diags d = {0};
      cJSON *m = vgi_load(path, NULL, &d);
      cJSON_Delete(m);
      vgi_diags_free(&d);
      remove(path);
    }
  }
}

static void limits(void **state) {
  (void)state;
  /* 101 scenes and a narration over 50,000 characters */
  char path_buf[64];
  const char *path = tmp_path(path_buf, sizeof path_buf, "limits.yaml");
  FILE *f = fopen(path, "w");
  fputs("video: {id: big, title: Big}\nscenes:\n", f);
  for (int i = 0; i < 101; i++) fputs("  - {type: title, title: T}\n", f);
  fputs("  - type: title\n    title: Long\n    narration: \"", f);
  for (int i = 0; i < 10100; i++) fputs("word ", f);
  fputs("\"\n", f);
  fclose(f);
  vgi_diags d = {0};
  cJSON *m = vgi_load(path, NULL, &d);
  assert_true(has_message(&d, "at most 100"));
  assert_true(has_message(&d, "narration is limited to 50000"));
  assert_true(has_message(&d, "longer than max_duration"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(path);
}

/* A mapping of 100,000 keys took a minute (every lookup by name is linear):
 * more than 1024 keys in one mapping is refused, merge keys included. */
/* Text that is commands: a terminal escape sequence in a heading (it would
 * reach the terminal through `vgrun scenes`), a bell, a right-to-left
 * override that shows "gpj.exe" as "exe.jpg". Taken out of every string,
 * each kind warned once at its line; a page break (^L) is white space. */
static void controls_taken_out(void **state) {
  (void)state;
  const struct { const char *name, *text; int ctl_line, bidi_line; } cases[] = {
    { "esc.md", "# Title \033]0;pwned\007 \033[2J here\n\nBody \xe2\x80\xae gpj.exe.\n\nMore\f text.\n", 1, 3 },
    { "esc.json", "{\"title\":\"A\\u001b[2Jb\",\"scenes\":[{\"scene_type\":\"title\",\"narration\":\"Hi \\u202e there \\u009b1m.\","
      "\"visual_content\":{\"title\":\"T\\u0007\"}}]}", 1, 1 },
    { "esc.txt", "Notes\n\nA line\x7f with \xc2\x9b" "31m colour.\n\n\x0cNext page.\n", 3, 0 },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    vgi_diags d;
    cJSON *m = load_text(cases[k].name, cases[k].text, NULL, &d);
    assert_non_null(m);
    char *all = cJSON_PrintUnformatted(m);
    for (const char *p = all; *p; p++) {
      if (*p == '\\' && p[1] == 'u' && p[2] == '0' && p[3] == '0' && (p[4] == '0' || p[4] == '1'))
        fail_msg("%s: a control character is left: %.40s", cases[k].name, p);
      if (!strncmp(p, "\xe2\x80\xae", 3)) fail_msg("%s: the override is left", cases[k].name);
      if (!strncmp(p, "\xc2\x9b", 2) || *p == 0x7f) fail_msg("%s: a control is left", cases[k].name);
    }
    assert_null(strstr(all, "pwned"));   /* the escape sequence whole, not its ESC alone */
    free(all);
    int ctl = 0, bidi = 0;
    for (size_t i = 0; i < d.n; i++) {
      if (strstr(d.v[i].message, "control characters")) { ctl++; assert_int_equal(d.v[i].line, cases[k].ctl_line); }
      if (strstr(d.v[i].message, "override characters")) { bidi++; assert_int_equal(d.v[i].line, cases[k].bidi_line); }
    }
    assert_int_equal(ctl, cases[k].ctl_line ? 1 : 0);
    assert_int_equal(bidi, cases[k].bidi_line ? 1 : 0);
    assert_int_equal(d.errors, 0);
    cJSON_Delete(m);
    vgi_diags_free(&d);
  }
}

/* Blocks no scene could say are refused at their line before any work on
 * their text (a 30 MB line took 48 s and 1.2 GB, and `vgrun scenes` printed
 * all of it): a run of lines over 1 MB, a paragraph, list item or heading
 * over max_narration. The rest of the document is read. */
static void huge_blocks_refused(void **state) {
  (void)state;
  size_t n = 2u << 20;
  char *word = malloc(n + 1);
  for (size_t i = 0; i < n; i++) word[i] = i % 5 == 4 ? ' ' : "word"[i % 5];
  word[n] = 0;
  char small[64001];
  memcpy(small, word, 64000);
  small[64000] = 0;
  const struct { const char *head, *body, *tail; int line; const char *what; } cases[] = {
    { "# T\n\nIntro here.\n\n", word, "\n\nAfter it.\n", 5, "without a blank line" },
    { "# T\n\nIntro here.\n\n- ", small, "\n- After it.\n", 5, "a paragraph of" },
    { "# T\n\nIntro here.\n\n## ", small, "\n\nAfter it.\n", 5, "a heading of" },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    size_t len = strlen(cases[k].head) + strlen(cases[k].body) + strlen(cases[k].tail);
    char *doc = malloc(len + 1);
    snprintf(doc, len + 1, "%s%s%s", cases[k].head, cases[k].body, cases[k].tail);
    const char *path = write_tmp("huge.md", doc);
    vgi_diags d;
    cJSON *m = load(path, NULL, &d);
    unlink(path);
    free(doc);
    const vgi_diag *g = NULL;
    for (size_t i = 0; i < d.n && !g; i++)
      if (strstr(d.v[i].message, cases[k].what)) g = &d.v[i];
    if (!g) fail_msg("case %zu: no '%s' error", k, cases[k].what);
    assert_int_equal(g->severity, VGI_ERROR);
    assert_int_equal(g->line, cases[k].line);
    assert_non_null(m);
    char *all = cJSON_PrintUnformatted(m);
    assert_true(strlen(all) < 20000);          /* none of it is left */
    assert_non_null(strstr(all, "After it"));  /* the rest is read */
    free(all);
    cJSON_Delete(m);
    vgi_diags_free(&d);
  }
  free(word);
}

/* What a document gets wrong is named as it is: deep emphasis is not told as
 * deep blocks, and a `lang:` that is no tag (a list, 100 kB) is warned
 * about briefly. */
static void named_as_they_are(void **state) {
  (void)state;
  size_t n = 300;
  char *doc = malloc(2 * n + 64);
  size_t k = (size_t)snprintf(doc, 64, "# T\n\nIntro ");
  for (size_t i = 0; i < n; i++) doc[k++] = '*';
  doc[k++] = 'x';
  for (size_t i = 0; i < n; i++) doc[k++] = '*';
  memcpy(doc + k, " here.\n", 8);
  vgi_diags d;
  const char *path = write_tmp("emph.md", doc);
  cJSON *m = load(path, NULL, &d);
  unlink(path);
  assert_true(has_message(&d, "emphasis or links nested more than"));
  assert_false(has_message(&d, "blocks nested"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  free(doc);

  path = write_tmp("lang.md", "---\nlang: [1, 2, {a: b}]\n---\n# T\n\nSome text in English here.\n");
  m = load(path, NULL, &d);
  unlink(path);
  assert_true(has_message(&d, "lang: a language tag such as en, de or pt-BR expected, not a list"));
  cJSON_Delete(m);
  vgi_diags_free(&d);

  /* a number past double's range where text belongs is no "inf" */
  path = write_tmp("inf.json", "{\"video\": {\"id\": \"x\", \"title\": 1e999}, \"scenes\": [{\"scene_type\": "
                               "\"title\", \"visual_content\": {\"title\": \"A\"}, \"narration\": \"Hello.\"}]}");
  m = load(path, NULL, &d);
  unlink(path);
  assert_true(has_message(&d, "expected text, got a number"));
  char *all = m ? cJSON_PrintUnformatted(m) : NULL;
  assert_true(!all || !strstr(all, "\"inf\""));
  free(all);
  cJSON_Delete(m);
  vgi_diags_free(&d);

  char *long_lang = malloc(120000);
  k = (size_t)snprintf(long_lang, 64, "---\nlang: \"");
  for (size_t i = 0; i < 100000; i++) long_lang[k++] = i % 2 ? '\xa9' : '\xc2';   /* "©" again and again */
  snprintf(long_lang + k, 64, "\"\n---\n# T\n\nText.\n");
  path = write_tmp("lang2.md", long_lang);
  m = load(path, NULL, &d);
  unlink(path);
  const vgi_diag *g = NULL;
  for (size_t i = 0; i < d.n && !g; i++)
    if (strstr(d.v[i].message, "is not a language tag")) g = &d.v[i];
  assert_non_null(g);
  assert_true(strlen(g->message) < 200);
  assert_null(vgi_utf8_invalid(g->message, strlen(g->message)));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  free(long_lang);
}

static void too_many_keys(void **state) {
  (void)state;
  vgi_buf y = {0}, j = {0}, mg = {0};
  vgi_buf_puts(&y, "video: {id: a, title: A}\nscenes:\n  - type: title\n    title: T\n");
  vgi_buf_puts(&j, "{\"video\": {\"id\": \"a\", \"title\": \"A\"},\n\"scenes\": [{\"type\": \"title\"");
  vgi_buf_puts(&mg, "base: &b {");
  for (int i = 0; i < 3000; i++) {
    vgi_buf_printf(&y, "    k%d: 1\n", i);
    vgi_buf_printf(&j, ", \"k%d\": 1", i);
    if (i < 1000) vgi_buf_printf(&mg, "%sa%d: 1", i ? ", " : "", i);
  }
  vgi_buf_puts(&j, "}]}\n");
  vgi_buf_puts(&mg, "}\nbase2: &c {");
  for (int i = 0; i < 1000; i++) vgi_buf_printf(&mg, "%sb%d: 1", i ? ", " : "", i);
  vgi_buf_puts(&mg, "}\nvideo:\n  <<: [*b, *c]\n  id: x\n");
  const char *names[] = { "wide.yaml", "wide.json", "merge.yaml" };
  const char *texts[] = { y.s, j.s, mg.s };
  const int lines[] = { 1027, 2, 4 };
  for (int k = 0; k < 3; k++) {
    const char *p = write_tmp(names[k], texts[k]);
    vgi_diags d = {0};
    cJSON *m = vgi_load(p, NULL, &d);
    assert_null(m);
    if (!has_message(&d, "more than 1024 keys")) {
      dump_diags(&d);
      fail();
    }
    assert_int_equal(d.v[0].line, lines[k]);
    vgi_diags_free(&d);
    remove(p);
  }
  vgi_buf_free(&y);
  vgi_buf_free(&j);
  vgi_buf_free(&mg);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(controls_taken_out),
    cmocka_unit_test(huge_blocks_refused),
    cmocka_unit_test(named_as_they_are),
    cmocka_unit_test(too_many_keys),
    cmocka_unit_test(hostile_inputs),
    cmocka_unit_test(random_bytes_do_not_crash),
    cmocka_unit_test(limits),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
