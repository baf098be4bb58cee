/* input_test.h: helpers shared by the cmocka tests of stages/input. Tests run
 * from the source tree (CTest WORKING_DIRECTORY), so fixtures are found at
 * tests/input/data and the corpus at ../shared/corpus/video_gen (override
 * with VG_CORPUS_DIR). */
#pragma once

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "input.h"

#define DATA "tests/input/data/"

static inline const char *corpus_dir(void) {
  const char *e = getenv("VG_CORPUS_DIR");
  return e && *e ? e : "../shared/corpus/video_gen";
}

/* Skips the current test, with the reason, when the corpus is absent. */
#define NEED_CORPUS()                                                               \
  do {                                                                              \
    struct stat st_;                                                                \
    if (stat(corpus_dir(), &st_) != 0) {                                            \
      print_message("SKIP: corpus %s not found (set VG_CORPUS_DIR)\n", corpus_dir()); \
      skip();                                                                       \
    }                                                                               \
  } while (0)

/* A path under /tmp for a file or folder a test writes, with the process id
 * in it: the suites of two checkouts (or the plain and the sanitizer build)
 * may run the same test at once. Returns buf. */
static inline const char *tmp_path(char *buf, size_t n, const char *name) {
  snprintf(buf, n, "/tmp/vgi_%d_%s", (int)getpid(), name);
  return buf;
}

/* The corpus files under inputs/ ending in `ext`, sorted; *n gets the count.
 * Free with free_paths. */
#include <dirent.h>
static int cmp_path_(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static inline char **corpus_files(const char *ext, int *n) {
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/inputs", corpus_dir());
  DIR *dd = opendir(dir);
  char **out = NULL;
  *n = 0;
  struct dirent *e;
  while (dd && (e = readdir(dd))) {
    const char *dot = strrchr(e->d_name, '.');
    if (!dot || strcmp(dot, ext)) continue;
    out = realloc(out, sizeof *out * (size_t)(*n + 1));
    out[*n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
    sprintf(out[*n], "%s/%s", dir, e->d_name);
    (*n)++;
  }
  if (dd) closedir(dd);
  if (*n) qsort(out, (size_t)*n, sizeof *out, cmp_path_);
  return out;
}
static inline void free_paths(char **p, int n) {
  for (int i = 0; i < n; i++) free(p[i]);
  free(p);
}

static inline void dump_diags(const vgi_diags *d) {
  for (size_t i = 0; i < d->n; i++) {
    char *t = vgi_diag_format(&d->v[i]);
    print_message("  %s\n", t);
    free(t);
  }
}

/* Loads and returns the model; diagnostics in *d (caller frees both). */
static inline cJSON *load(const char *path, const vgi_options *o, vgi_diags *d) {
  memset(d, 0, sizeof *d);
  cJSON *m = vgi_load(path, o, d);
  if (d->errors) {
    print_message("%s:\n", path);
    dump_diags(d);
  }
  return m;
}

static inline cJSON *video_at(const cJSON *m, int i) {
  return cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(m, "videos"), i);
}
static inline int video_count(const cJSON *m) {
  return cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(m, "videos"));
}
static inline cJSON *scene_at(const cJSON *m, int v, int s) {
  return cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(video_at(m, v), "scenes"), s);
}
static inline int scene_count(const cJSON *m, int v) {
  return cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(video_at(m, v), "scenes"));
}
static inline const char *sget(const cJSON *o, const char *k) {
  const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(x) ? x->valuestring : NULL;
}
static inline const char *vcget(const cJSON *scene, const char *k) {
  return sget(cJSON_GetObjectItemCaseSensitive(scene, "visual_content"), k);
}

/* The first diagnostic whose field ends with `field` (NULL if none). */
static inline const vgi_diag *find_diag(const vgi_diags *d, const char *field) {
  size_t fl = strlen(field);
  for (size_t i = 0; i < d->n; i++) {
    size_t l = strlen(d->v[i].field);
    if (l >= fl && !strcmp(d->v[i].field + l - fl, field)) return &d->v[i];
  }
  return NULL;
}

static inline int has_message(const vgi_diags *d, const char *needle) {
  for (size_t i = 0; i < d->n; i++)
    if (strstr(d->v[i].message, needle)) return 1;
  return 0;
}

/* Every scene has the canonical keys, and narration. */
static inline void assert_canonical(const cJSON *m) {
  const cJSON *v;
  cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(m, "videos")) {
    assert_non_null(sget(v, "id"));
    assert_non_null(sget(v, "title"));
    assert_non_null(sget(v, "voice"));
    assert_non_null(sget(v, "accent_color"));
    const cJSON *s;
    cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(v, "scenes")) {
      assert_non_null(sget(s, "id"));
      assert_non_null(sget(s, "scene_type"));
      assert_true(cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(s, "visual_content")));
      assert_non_null(sget(s, "narration"));
      assert_true(strlen(sget(s, "narration")) > 0);
      assert_non_null(sget(s, "voice"));
      assert_true(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(s, "min_duration")));
      assert_true(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(s, "max_duration")));
      assert_true(cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(s, "source")));
      assert_null(cJSON_GetObjectItemCaseSensitive(s, "_narration_auto"));
      assert_null(cJSON_GetObjectItemCaseSensitive(s, "_max_auto"));
    }
  }
}

/* Writes `text` to /tmp/vgi_<pid>_<name> and returns that path (static
 * buffer: one at a time). The caller removes it. */
#include <unistd.h>
static inline const char *write_tmp(const char *name, const char *text) {
  static char path[256];
  snprintf(path, sizeof path, "/tmp/vgi_%d_%s", (int)getpid(), name);
  FILE *f = fopen(path, "wb");
  if (!f) return NULL;
  fputs(text, f);
  fclose(f);
  return path;
}

/* The document `text`, written to a scratch file `name` and loaded (the
 * file removed again); loading must report no error. */
static inline cJSON *load_text(const char *name, const char *text, const vgi_options *o, vgi_diags *d) {
  const char *path = write_tmp(name, text);
  assert_non_null(path);
  cJSON *m = load(path, o, d);
  unlink(path);
  assert_non_null(m);
  assert_int_equal(d->errors, 0);
  return m;
}

/* How many scenes of video 0 say `needle` in their narration. */
static inline int said_in(const cJSON *m, const char *needle) {
  int n = 0;
  for (int i = 0; i < scene_count(m, 0); i++) n += strstr(sget(scene_at(m, 0, i), "narration"), needle) != NULL;
  return n;
}

/* The scene of video 0 of the given type whose visual content holds
 * `needle` (NULL if none). */
static inline const cJSON *scene_with(const cJSON *m, const char *type, const char *needle) {
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (strcmp(sget(s, "scene_type"), type)) continue;
    char *t = cJSON_PrintUnformatted(cJSON_GetObjectItem(s, "visual_content"));
    int hit = t && strstr(t, needle);
    free(t);
    if (hit) return s;
  }
  return NULL;
}

/* The source line of a scene (which must exist). */
static inline int line_of(const cJSON *scene) {
  assert_non_null(scene);
  return cJSON_GetObjectItem(cJSON_GetObjectItem(scene, "source"), "line")->valueint;
}

/* How many items a list scene shows. */
static inline int items_of(const cJSON *scene) {
  return cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(scene, "visual_content"), "items"));
}

/* s written n times: the bulk of a hostile document. */
static inline void put_rep(FILE *f, const char *s, long n) {
  for (long i = 0; i < n; i++) fputs(s, f);
}

#ifdef INPUT_TEST_TREE
/* A test's own folder tree (tests that read the files a document names:
 * includes): root is made by the file's setup (mkdtemp), removed by
 * teardown; at() a path under it (four at a time), put() a file there. */
static char root[256];

static int teardown(void **state) {
  (void)state;
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  return system(cmd) == 0 ? 0 : -1;
}

static const char *at(const char *rel) {
  static char p[4][512];
  static int k;
  char *r = p[k++ % 4];
  snprintf(r, 512, "%s/%s", root, rel);
  return r;
}

static void put(const char *rel, const char *text) {
  FILE *f = fopen(at(rel), "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}
#endif
