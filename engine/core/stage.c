/* stage.c: native stages. A registry of vg_stage_def (built-ins from
 * stages/, plus what embedders register) and one run of a stage for one
 * task (vg_call): prepare and finish on the loop thread, work on the libuv
 * pool or on the stage's own thread. No Lua here: the Lua bridge runs a
 * call as a function that waits (engine/lua/stage_lua.c), C code runs one
 * with vg_run_stage. */
#include "core_private.h"
#include "vg_utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int vg_register_stage(vg_engine *e, const vg_stage_def *def) {
  if (!def || !def->name) return -1;
  for (int i = 0; i < e->n_stages; i++) {
    if (strcmp(e->stages[i]->name, def->name) == 0) { e->stages[i] = def; return 0; }
  }
  if (e->n_stages == e->cap_stages) {
    int cap = e->cap_stages ? e->cap_stages * 2 : 16;
    const vg_stage_def **ns = realloc(e->stages, sizeof *ns * (size_t)cap);
    if (!ns) return -1;
    e->stages = ns;
    e->cap_stages = cap;
  }
  e->stages[e->n_stages++] = def;
  return 0;
}

const vg_stage_def *vg_find_stage(vg_engine *e, const char *name) {
  for (int i = 0; i < e->n_stages; i++)
    if (strcmp(e->stages[i]->name, name) == 0) return e->stages[i];
  return NULL;
}

int vg_stage_count(vg_engine *e) { return e->n_stages; }
const vg_stage_def *vg_stage_at(vg_engine *e, int i) {
  return i >= 0 && i < e->n_stages ? e->stages[i] : NULL;
}

static void set_item(cJSON *obj, const char *key, cJSON *value) {
  if (cJSON_GetObjectItemCaseSensitive(obj, key)) cJSON_ReplaceItemInObjectCaseSensitive(obj, key, value);
  else cJSON_AddItemToObject(obj, key, value);
}

const cJSON *vg_call_input(vg_call *c, const char *key) {
  if (!c->in_callback) return NULL;  /* not on the loop thread's prepare/finish */
  cJSON *j = NULL;
  if (c->input) {
    j = c->input(c, key);
  } else if (c->ctx) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c->ctx, key);
    j = v ? cJSON_Duplicate(v, 1) : NULL;
  }
  if (!j) return NULL;
  set_item(c->inputs, key, j);
  return j;
}

const cJSON *vg_call_options(vg_call *c) { return c->options; }

void vg_call_output(vg_call *c, const char *key, cJSON *value) {
  set_item(c->outputs, key, value ? value : cJSON_CreateNull());
}
const cJSON *vg_call_outputs(vg_call *c) { return c->outputs; }
const char *vg_call_error(vg_call *c) { return c->error ? c->error : "failed"; }

void vg_call_set_data(vg_call *c, void *data) { c->data = data; }
void *vg_call_data(vg_call *c) { return c->data; }
vg_engine *vg_call_engine(vg_call *c) { return c->e; }
const char *vg_call_task_id(vg_call *c) { return c->task_id; }
vg_cache *vg_call_cache(vg_call *c) { return c->cache ? c->cache : vg_engine_cache(c->e); }

void vg__call_set_cache(vg_call *c, vg_cache *cache) {
  vg_cache *old = c->cache;
  c->cache = vg_cache_ref(cache);
  vg_cache_unref(old);
}

int vg_call_fail(vg_call *c, const char *fmt, ...) {
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vg_vsnprintf_utf8(buf, sizeof buf, fmt, ap);   /* never half a character */
  va_end(ap);
  pthread_mutex_lock(&c->lock);
  if (!c->error) c->error = vg_strdup(buf);  /* the first cause wins */
  pthread_mutex_unlock(&c->lock);
  return -1;
}

/* From prepare or finish (the loop thread) an event is delivered at once,
 * after what worker threads posted before it: it then comes before the
 * stage.failed or stage.completed that follows the finish. From any other
 * thread it is posted and delivered on the loop in order. */
static void call_event(vg_call *c, const vg_event *ev) {
  if (c->in_callback && pthread_equal(pthread_self(), c->e->loop_thread)) {
    vg__events_drain(c->e);
    vg_emit(c->e, ev);
  } else {
    vg_post(c->e, ev);
  }
}

void vg_call_emit(vg_call *c, const char *type, const char *message, cJSON *data) {
  vg_event ev = { type, c->task_id, c->stage_name, -1, message, vg__now(), data };
  call_event(c, &ev);
  cJSON_Delete(data);
}

void vg_call_progress(vg_call *c, double progress, const char *message) {
  if (progress < 0) progress = 0;
  if (progress > 1) progress = 1;
  vg_event ev = { "stage.progress", c->task_id, c->stage_name, progress, message, vg__now(), NULL };
  call_event(c, &ev);
}

int vg_call_cancelled(const vg_call *c) { return __atomic_load_n(&c->cancelled, __ATOMIC_ACQUIRE); }

static void done_on_loop(void *ud) {
  vg_call *c = ud;
  vg__events_drain(c->e);  /* what the stage's thread posted comes first */
  c->complete(c, 0);
}

void vg_call_done(vg_call *c, int rc) {
  c->rc = rc;
  if (rc != 0 && !c->error) vg_call_fail(c, "failed");
  vg_run_on_loop(c->e, done_on_loop, c);
}

vg_call *vg__call_new(vg_engine *e, const vg_stage_def *def, const char *task_id,
                      const char *stage_name, cJSON *options) {
  vg_call *c = calloc(1, sizeof *c);
  if (!c) { cJSON_Delete(options); return NULL; }
  pthread_mutex_init(&c->lock, NULL);
  c->e = e;
  c->def = def;
  c->task_id = vg_strdup(task_id);
  c->stage_name = vg_strdup(stage_name ? stage_name : def->name);
  c->limits = e->limits;   /* a copy: a worker reads it without a lock */
  c->options = options ? options : cJSON_CreateObject();
  c->inputs = cJSON_CreateObject();
  c->outputs = cJSON_CreateObject();
  return c;
}

void vg__call_free(vg_call *c) {
  if (!c) return;
  if (c->def->cleanup) c->def->cleanup(c);
  if (c->def->free_data && c->data) c->def->free_data(c->data);
  c->data = NULL;
  cJSON_Delete(c->options);
  cJSON_Delete(c->inputs);
  cJSON_Delete(c->outputs);
  vg_cache_unref(c->cache);
  free(c->task_id);
  free(c->stage_name);
  free(c->error);
  pthread_mutex_destroy(&c->lock);
  free(c);
}

int vg__call_prepare(vg_call *c) {
  c->in_callback = 1;
  int rc = c->def->prepare ? c->def->prepare(c) : 0;
  c->in_callback = 0;
  if (rc != 0 && !c->error) vg_call_fail(c, "failed");
  return rc != 0 ? -1 : 0;
}

int vg__call_finish(vg_call *c) {
  if (c->rc != 0) return -1;
  c->in_callback = 1;
  int rc = c->def->finish ? c->def->finish(c) : 0;
  c->in_callback = 0;
  if (rc != 0 && !c->error) vg_call_fail(c, "failed");
  return rc != 0 ? -1 : 0;
}

static void native_work(uv_work_t *w) {
  vg_call *c = w->data;
  c->rc = c->def->work(c);
  if (c->rc != 0 && !c->error) vg_call_fail(c, "failed");
}

static void native_after(uv_work_t *w, int status) {
  vg_call *c = w->data;
  vg__events_drain(c->e);  /* progress posted by the work comes first */
  if (status == UV_ECANCELED) { c->rc = -1; vg_call_fail(c, "cancelled"); }
  c->complete(c, status == UV_ECANCELED);
}

static void complete_soon(void *ud) {
  vg_call *c = ud;
  c->complete(c, 0);
}

void vg__call_start(vg_call *c) {
  const vg_stage_def *def = c->def;
  if (def->work) {
    c->work.data = c;
    int r = uv_queue_work(c->e->loop, &c->work, native_work, native_after);
    if (r == 0) return;
    vg_call_fail(c, "%s", uv_strerror(r));
    c->rc = -1;
  } else if (def->start) {
    if (def->start(c) == 0) return;
    if (!c->error) vg_call_fail(c, "failed");
    c->rc = -1;
  }
  /* prepare + finish only, or a failed start: completions always go
   * through the loop, never on the starter's stack */
  vg__run_soon(c->e, complete_soon, c);
}

void vg__call_cancel(vg_call *c) {
  __atomic_store_n(&c->cancelled, 1, __ATOMIC_RELEASE);
  if (c->def->work) uv_cancel((uv_req_t *)&c->work);  /* if not started yet */
  if (c->def->cancel) c->def->cancel(c);              /* a stage's own thread or long work */
}

cJSON *vg__merge_options(const vg_stage_def *def, const cJSON *given) {
  cJSON *o = def->options_json ? cJSON_Parse(def->options_json) : NULL;
  if (!cJSON_IsObject(o)) { cJSON_Delete(o); o = cJSON_CreateObject(); }
  if (cJSON_IsObject(given))
    for (const cJSON *g = given->child; g; g = g->next) set_item(o, g->string, cJSON_Duplicate(g, 1));
  return o;
}

/* ---- running a stage from C (no binding) ---------------------------------- */
typedef struct c_run {
  void (*done)(vg_call *c, int rc, void *ud);
  void *ud;
  cJSON *ctx;
} c_run;

static void c_run_complete(vg_call *c, int cancelled) {
  c_run *r = c->binding;
  c->e->n_waiting--;        /* as an await does: the call kept the loop alive */
  vg__keepalive(c->e);
  int rc = cancelled ? -1 : vg__call_finish(c);
  r->done(c, rc, r->ud);
}

vg_call *vg_run_stage(vg_engine *e, const char *name, const cJSON *ctx, const cJSON *options,
                      const char *task_id, void (*done)(vg_call *c, int rc, void *ud), void *ud) {
  const vg_stage_def *def = vg_find_stage(e, name);
  if (!def || !done) return NULL;
  c_run *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  vg_call *c = vg__call_new(e, def, task_id, NULL, vg__merge_options(def, options));
  if (!c) { free(r); return NULL; }
  r->done = done;
  r->ud = ud;
  r->ctx = ctx ? cJSON_Duplicate(ctx, 1) : cJSON_CreateObject();
  c->binding = r;
  c->ctx = r->ctx;
  c->complete = c_run_complete;
  e->n_waiting++;           /* a stage's own thread holds no libuv handle */
  vg__keepalive(e);
  if (vg__call_prepare(c) != 0) {
    c->rc = -1;
    vg__run_soon(e, complete_soon, c);   /* the failure, too, through the loop */
    return c;
  }
  vg__call_start(c);
  return c;
}

void vg_call_cancel(vg_call *c) { vg__call_cancel(c); }

void vg_call_free(vg_call *c) {
  if (!c) return;
  c_run *r = c->input ? NULL : c->binding;
  if (r) { cJSON_Delete(r->ctx); free(r); }
  vg__call_free(c);
}
