/* stage.c: the native stage input.load. Reads ctx.input (a path, or
 * {path, split, duration, format}), parses on the thread pool, and writes
 * ctx.videos. Warnings become validation.warning events; errors fail the
 * stage with every diagnostic line in the message. */
#include "vg.h"
#include "input.h"

#include <stdlib.h>
#include <string.h>

typedef struct job {
  char *path, *split, *format;
  char **allow;        /* allow_paths, NULL-terminated */
  vgi_options opts;
  int strict;          /* warnings fail too */
  cJSON *model;
  vgi_diags d;
} job;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void free_list(char **l) {
  for (size_t i = 0; l && l[i]; i++) free(l[i]);
  free(l);
}

static int load_prepare(vg_call *c) {
  const cJSON *in = vg_call_input(c, "input");
  const cJSON *o = vg_call_options(c);
  job *j = calloc(1, sizeof *j);
  if (!j) return vg_call_fail(c, "out of memory");
  vg_call_set_data(c, j);
  const cJSON *src = cJSON_IsObject(in) ? in : o;
  if (cJSON_IsString(in)) j->path = strdup(in->valuestring);
  else {
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(src, "path");
    if (cJSON_IsString(p)) j->path = strdup(p->valuestring);
  }
  if (!j->path || !*j->path)
    return vg_call_fail(c, "ctx.input must be a path or {path=...}");
  /* options: the input object wins over stage options */
  const cJSON *srcs[2] = { o, cJSON_IsObject(in) ? in : NULL };
  for (int k = 0; k < 2; k++) {
    if (!srcs[k]) continue;
    const cJSON *x;
    if (cJSON_IsString(x = cJSON_GetObjectItemCaseSensitive(srcs[k], "split"))) {
      free(j->split);
      j->split = dup_or_null(x->valuestring);
    }
    if (cJSON_IsString(x = cJSON_GetObjectItemCaseSensitive(srcs[k], "format"))) {
      free(j->format);
      j->format = dup_or_null(x->valuestring);
    }
    if (cJSON_IsNumber(x = cJSON_GetObjectItemCaseSensitive(srcs[k], "duration")))
      j->opts.duration = x->valuedouble;
    if (cJSON_IsBool(x = cJSON_GetObjectItemCaseSensitive(srcs[k], "strict")))
      j->strict = cJSON_IsTrue(x);
    if (cJSON_IsBool(x = cJSON_GetObjectItemCaseSensitive(srcs[k], "narrate")))
      j->opts.no_narration = !cJSON_IsTrue(x);
    x = cJSON_GetObjectItemCaseSensitive(srcs[k], "allow_paths");
    if (cJSON_IsString(x) || (cJSON_IsArray(x) && cJSON_GetArraySize(x) > 0)) {
      free_list(j->allow);
      int n = cJSON_IsString(x) ? 1 : cJSON_GetArraySize(x);
      j->allow = calloc((size_t)n + 1, sizeof *j->allow);
      if (!j->allow) return vg_call_fail(c, "out of memory");
      int i = 0;
      for (const cJSON *e = cJSON_IsString(x) ? x : x->child; e && i < n;
           e = cJSON_IsString(x) ? NULL : e->next) {
        if (!cJSON_IsString(e))
          return vg_call_fail(c, "allow_paths must be a folder or a list of folders");
        j->allow[i++] = strdup(e->valuestring);
      }
    } else if (x && !cJSON_IsNull(x) && !cJSON_IsArray(x)) {
      return vg_call_fail(c, "allow_paths must be a folder or a list of folders");
    }
  }
  j->opts.allow_paths = (const char *const *)j->allow;
  if (j->split && !*j->split) { free(j->split); j->split = NULL; }
  if (j->format && !*j->format) { free(j->format); j->format = NULL; }
  j->opts.split = j->split;
  j->opts.format = j->format;
  return 0;
}

static int load_work(vg_call *c) {
  job *j = vg_call_data(c);
  vg_call_progress(c, 0.0, j->path);
  j->model = vgi_load(j->path, &j->opts, &j->d);
  vg_call_progress(c, 1.0, NULL);
  return 0;
}

static cJSON *diag_json(const vgi_diag *g) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "severity", g->severity == VGI_ERROR ? "error" : "warning");
  cJSON_AddStringToObject(o, "file", g->file ? g->file : "");
  cJSON_AddNumberToObject(o, "line", g->line);
  cJSON_AddNumberToObject(o, "col", g->col);
  cJSON_AddStringToObject(o, "field", g->field ? g->field : "");
  cJSON_AddStringToObject(o, "message", g->message);
  return o;
}

static int load_finish(vg_call *c) {
  job *j = vg_call_data(c);
  char *msg = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&msg, &len);
  int failed = 0;
  for (size_t i = 0; i < j->d.n; i++) {
    const vgi_diag *g = &j->d.v[i];
    char *text = vgi_diag_format(g);
    int fatal = g->severity == VGI_ERROR || j->strict;
    vg_call_emit(c, g->severity == VGI_ERROR ? "validation.error" : "validation.warning", text,
                 diag_json(g));
    if (fatal && f) {
      fprintf(f, "%s%s", failed ? "\n" : "", text);
      failed++;
    }
    free(text);
  }
  if (f) fclose(f);
  if (failed || !j->model) {
    int rc = vg_call_fail(c, "%s", msg && *msg ? msg : "input could not be loaded");
    free(msg);
    return rc;
  }
  free(msg);
  cJSON *videos = cJSON_DetachItemFromObjectCaseSensitive(j->model, "videos");
  vg_call_output(c, "videos", videos ? videos : cJSON_CreateArray());
  return 0;
}

static void load_cleanup(vg_call *c) {
  job *j = vg_call_data(c);
  if (!j) return;
  cJSON_Delete(j->model);
  vgi_diags_free(&j->d);
  free(j->path);
  free(j->split);
  free(j->format);
  free_list(j->allow);
  free(j);
  vg_call_set_data(c, NULL);
}

VG_DEFINE_STAGE(input_load,
  .name = "input.load",
  .summary = "read a document (YAML, JSON, Markdown, SRT/VTT, set dir) into videos and scenes",
  .inputs = "input",
  .outputs = "videos",
  .options_json = "{\"split\": \"\", \"duration\": 0, \"strict\": false, \"narrate\": true, \"format\": \"\", \"allow_paths\": []}",
  .prepare = load_prepare,
  .work = load_work,
  .finish = load_finish,
  .cleanup = load_cleanup);
