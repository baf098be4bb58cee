/* input_stage.c: the native stage input.load. Reads ctx.input (a path, or
 * {path, split, duration, format}), parses on the thread pool, and writes
 * ctx.videos. Warnings become validation.warning events; errors fail the
 * stage with every diagnostic line in the message. */
#include "vg.h"
#include "input.h"
#include "input_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct job {
  vgi_load_args a;
  char **types;        /* plug-ins' scene types, NULL-terminated */
  cJSON *doc;          /* a plug-in adapter's document, read in prepare */
  int adapted;         /* a plug-in adapter claimed the document */
  cJSON *model;
  vgi_diags d;
} job;

static int set_string(char **dst, const cJSON *x, const char *key, char *err, size_t errlen) {
  if (!x || cJSON_IsNull(x)) return 0;
  if (!cJSON_IsString(x)) { snprintf(err, errlen, "%s must be a string", key); return -1; }
  char *d = x->valuestring[0] ? strdup(x->valuestring) : NULL;   /* "" = the default */
  free(*dst);
  *dst = d;
  return 0;
}

int vgi_load_args_read(vgi_load_args *a, const cJSON *o, char *err, size_t errlen) {
  const cJSON *x;
  if (!cJSON_IsObject(o)) return 0;
  if (set_string(&a->path, cJSON_GetObjectItemCaseSensitive(o, "path"), "path", err, errlen) ||
      set_string(&a->split, cJSON_GetObjectItemCaseSensitive(o, "split"), "split", err, errlen) ||
      set_string(&a->format, cJSON_GetObjectItemCaseSensitive(o, "format"), "format", err, errlen) ||
      set_string(&a->language, cJSON_GetObjectItemCaseSensitive(o, "language"), "language", err, errlen))
    return -1;
  if (a->language && !*a->language) { free(a->language); a->language = NULL; }
  if (a->language && !vgi_lang_tag_ok(a->language)) {
    snprintf(err, errlen, "language '%.40s' is not a language tag such as en, de or pt-BR", a->language);
    return -1;
  }
  if ((x = cJSON_GetObjectItemCaseSensitive(o, "duration")) && !cJSON_IsNull(x)) {
    if (!cJSON_IsNumber(x)) { snprintf(err, errlen, "duration must be a number"); return -1; }
    a->opts.duration = x->valuedouble;
  }
  if ((x = cJSON_GetObjectItemCaseSensitive(o, "duration_asked")) && !cJSON_IsNull(x)) {
    if (!cJSON_IsNumber(x) || !(x->valuedouble >= 0 && x->valuedouble <= 86400)) {
      snprintf(err, errlen, "duration_asked must be a number of seconds from 0 to 86400");
      return -1;
    }
    a->opts.duration_asked = x->valuedouble;
  }
  if ((x = cJSON_GetObjectItemCaseSensitive(o, "detail")) && !cJSON_IsNull(x)) {
    if (!cJSON_IsString(x) || (strcmp(x->valuestring, "summary") && strcmp(x->valuestring, "full") &&
                               x->valuestring[0])) {
      snprintf(err, errlen, "detail must be \"summary\" or \"full\"");
      return -1;
    }
    a->opts.detail = !strcmp(x->valuestring, "full") ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY;
  }
  if ((x = cJSON_GetObjectItemCaseSensitive(o, "limits")) && !cJSON_IsNull(x) &&
      !(cJSON_IsObject(x) && !x->child)) {
    if (!a->limits && !(a->limits = malloc(sizeof *a->limits))) {
      snprintf(err, errlen, "out of memory");
      return -1;
    }
    if (!a->opts.limits) *a->limits = vg_limits_default;
    else if (a->opts.limits != a->limits) *a->limits = *a->opts.limits;
    if (vg_limits_apply(a->limits, x, err, errlen) != 0) return -1;
    a->opts.limits = a->limits;
  }
  if ((x = cJSON_GetObjectItemCaseSensitive(o, "strict")) && !cJSON_IsNull(x)) {
    if (!cJSON_IsBool(x)) { snprintf(err, errlen, "strict must be a boolean"); return -1; }
    a->strict = cJSON_IsTrue(x);
  }
  if ((x = cJSON_GetObjectItemCaseSensitive(o, "narrate")) && !cJSON_IsNull(x)) {
    if (!cJSON_IsBool(x)) { snprintf(err, errlen, "narrate must be a boolean"); return -1; }
    a->opts.no_narration = !cJSON_IsTrue(x);
  }
  x = cJSON_GetObjectItemCaseSensitive(o, "allow_paths");
  if (cJSON_IsString(x) || (cJSON_IsArray(x) && cJSON_GetArraySize(x) > 0)) {
    int n = cJSON_IsString(x) ? 1 : cJSON_GetArraySize(x);
    for (const cJSON *e = x->child; cJSON_IsArray(x) && e; e = e->next)
      if (!cJSON_IsString(e)) { snprintf(err, errlen, "allow_paths must be a folder or a list of folders"); return -1; }
    char **allow = calloc((size_t)n + 1, sizeof *allow);
    if (!allow) { snprintf(err, errlen, "out of memory"); return -1; }
    int i = 0;
    if (cJSON_IsString(x)) allow[i++] = strdup(x->valuestring);
    else for (const cJSON *e = x->child; e && i < n; e = e->next) allow[i++] = strdup(e->valuestring);
    vgi_free_list(a->allow);
    a->allow = allow;
  } else if (x && !cJSON_IsNull(x) && !cJSON_IsArray(x)) {
    snprintf(err, errlen, "allow_paths must be a folder or a list of folders");
    return -1;
  }
  a->opts.allow_paths = (const char *const *)a->allow;
  a->opts.split = a->split;
  a->opts.format = a->format;
  a->opts.language = a->language;
  return 0;
}

void vgi_load_args_free(vgi_load_args *a) {
  free(a->path);
  free(a->split);
  free(a->format);
  free(a->limits);
  free(a->language);
  vgi_free_list(a->allow);
  memset(a, 0, sizeof *a);
}

static int load_prepare(vg_call *c) {
  const cJSON *in = vg_call_input(c, "input");
  job *j = calloc(1, sizeof *j);
  if (!j) return vg_call_fail(c, "out of memory");
  vg_call_set_data(c, j);
  char err[256];
  j->a.opts.limits = vg_call_limits(c);   /* the task's; a `limits` option goes over them */
  /* options: the input object wins over stage options */
  if (vgi_load_args_read(&j->a, vg_call_options(c), err, sizeof err) != 0 ||
      vgi_load_args_read(&j->a, cJSON_IsObject(in) ? in : NULL, err, sizeof err) != 0)
    return vg_call_fail(c, "%s", err);
  if (cJSON_IsString(in)) {
    free(j->a.path);
    j->a.path = strdup(in->valuestring);
  }
  if (!j->a.path || !*j->a.path)
    return vg_call_fail(c, "ctx.input must be a path or {path=...}");
  j->types = vgi_extra_types(vg_call_engine(c));
  j->a.opts.extra_types = (const char *const *)j->types;
  /* a plug-in's adapter runs here, on the loop thread: it is Lua */
  j->adapted = vgi_adapter_read(vg_call_engine(c), j->a.path, &j->a.opts, &j->doc, &j->d);
  return 0;
}

static int call_is_cancelled(const void *c) {
  return vg_call_cancelled(c);
}

static int load_work(vg_call *c) {
  job *j = vg_call_data(c);
  vg_call_progress(c, 0.0, j->a.path);
  vgi_cancel_watch(call_is_cancelled, c);
  if (j->adapted) {
    /* the same checks as a built-in format's (vgi_from_doc owns doc) */
    j->model = j->doc ? vgi_from_doc(j->doc, j->a.path, &j->a.opts, &j->d) : NULL;
    j->doc = NULL;
  } else {
    j->model = vgi_load(j->a.path, &j->a.opts, &j->d);
  }
  vgi_cancel_watch(NULL, NULL);
  vg_call_progress(c, 1.0, NULL);
  return 0;
}

cJSON *vgi_diag_to_json(const vgi_diag *g, int with_text) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "severity", g->severity == VGI_ERROR ? "error" : "warning");
  cJSON_AddStringToObject(o, "file", g->file ? g->file : "");
  cJSON_AddNumberToObject(o, "line", g->line);
  cJSON_AddNumberToObject(o, "col", g->col);
  cJSON_AddStringToObject(o, "field", g->field ? g->field : "");
  cJSON_AddStringToObject(o, "message", g->message);
  if (g->count > 1) cJSON_AddNumberToObject(o, "count", g->count);  /* past the cap: the rest */
  if (with_text) {
    char *t = vgi_diag_format(g);
    cJSON_AddStringToObject(o, "text", t ? t : g->message);
    free(t);
  }
  return o;
}

cJSON *vgi_diags_to_json(const vgi_diags *d, int with_text) {
  cJSON *a = cJSON_CreateArray();
  for (size_t i = 0; a && i < d->n; i++) cJSON_AddItemToArray(a, vgi_diag_to_json(&d->v[i], with_text));
  return a;
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
    int fatal = g->severity == VGI_ERROR || j->a.strict;
    vg_call_emit(c, g->severity == VGI_ERROR ? "validation.error" : "validation.warning", text,
                 vgi_diag_to_json(g, 0));
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

/* The options a script gives, checked when its pipeline is built. */
static int load_check_options(const cJSON *o, char *err, size_t errlen) {
  vgi_load_args a = {0};
  int rc = vgi_load_args_read(&a, o, err, errlen);
  if (rc == 0 && a.split && strcmp(a.split, "h2")) {
    snprintf(err, errlen, "unknown split '%.40s' (only h2)", a.split);
    rc = -1;
  }
  if (rc == 0 && !(a.opts.duration >= 0 && a.opts.duration <= 86400)) {
    snprintf(err, errlen, "duration must be a number of seconds from 0 (the default length) to 86400");
    rc = -1;
  }
  vgi_load_args_free(&a);
  return rc;
}

static void job_free(void *data) {
  job *j = data;
  cJSON_Delete(j->model);
  cJSON_Delete(j->doc);
  vgi_diags_free(&j->d);
  vgi_load_args_free(&j->a);
  vgi_free_list(j->types);
  free(j);
}

VG_DEFINE_STAGE(input_load,
  .name = "input.load",
  .summary = "read a document (YAML, JSON, Markdown, SRT/VTT, set dir) into videos and scenes",
  .inputs = "input",
  .outputs = "videos",
  .options_json = "{\"split\": \"\", \"duration\": 0, \"detail\": \"summary\", \"language\": \"\", \"strict\": false, \"narrate\": true, \"format\": \"\", \"allow_paths\": [], \"limits\": {}}",
  .prepare = load_prepare,
  .work = load_work,
  .finish = load_finish,
  .free_data = job_free,
  .check_options = load_check_options);
