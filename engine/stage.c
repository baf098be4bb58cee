/* stage.c: native stages. A registry of vg_stage_def (built-ins from
 * stages/, plus what embedders register) and one run of a stage for one
 * task (vg_call): prepare and finish on the loop thread with the task's
 * context, work on the libuv pool or on the stage's own thread. Lua sees a
 * native stage as a function that waits: vg.core.run_native. */
#include "engine_internal.h"
#include "vg_utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vg_call {
  vg_engine *e;
  const vg_stage_def *def;
  lua_State *L;          /* valid only in prepare/finish */
  int ctx_idx;
  int ctx_ref;
  cJSON *options, *inputs, *outputs;
  void *data;
  char *task_id, *stage_name;
  pthread_mutex_t lock;
  char *error;
  int cancelled;         /* atomic */
  int rc;
  vgl_await *a;
  uv_work_t work;
};

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

const cJSON *vg_call_input(vg_call *c, const char *key) {
  if (!c->L) return NULL;  /* not on the loop thread's prepare/finish */
  lua_State *L = c->L;
  lua_getfield(L, c->ctx_idx, key);
  cJSON *j = lua_isnil(L, -1) ? NULL : vgl__to_json_ex(L, -1, 1, NULL, 0);
  lua_pop(L, 1);
  if (!j) return NULL;
  if (cJSON_GetObjectItemCaseSensitive(c->inputs, key)) cJSON_ReplaceItemInObjectCaseSensitive(c->inputs, key, j);
  else cJSON_AddItemToObject(c->inputs, key, j);
  return j;
}

const cJSON *vg_call_options(vg_call *c) { return c->options; }

void vg_call_output(vg_call *c, const char *key, cJSON *value) {
  if (!value) value = cJSON_CreateNull();
  if (cJSON_GetObjectItemCaseSensitive(c->outputs, key)) cJSON_ReplaceItemInObjectCaseSensitive(c->outputs, key, value);
  else cJSON_AddItemToObject(c->outputs, key, value);
}

void vg_call_set_data(vg_call *c, void *data) { c->data = data; }
void *vg_call_data(vg_call *c) { return c->data; }
vg_engine *vg_call_engine(vg_call *c) { return c->e; }
const char *vg_call_task_id(vg_call *c) { return c->task_id; }

int vg_call_fail(vg_call *c, const char *fmt, ...) {
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vg_vsnprintf_utf8(buf, sizeof buf, fmt, ap);   /* never half a character */
  va_end(ap);
  pthread_mutex_lock(&c->lock);
  if (!c->error) c->error = vg__strdup(buf);  /* the first cause wins */
  pthread_mutex_unlock(&c->lock);
  return -1;
}

void vg_call_emit(vg_call *c, const char *type, const char *message, cJSON *data) {
  vg_event ev = { type, c->task_id, c->stage_name, -1, message, vg__now(), data };
  vg_post(c->e, &ev);
  cJSON_Delete(data);
}

void vg_call_progress(vg_call *c, double progress, const char *message) {
  if (progress < 0) progress = 0;
  if (progress > 1) progress = 1;
  vg_event ev = { "stage.progress", c->task_id, c->stage_name, progress, message, vg__now(), NULL };
  vg_post(c->e, &ev);
}

int vg_call_cancelled(const vg_call *c) { return __atomic_load_n(&c->cancelled, __ATOMIC_ACQUIRE); }

static void done_on_loop(void *ud) {
  vg_call *c = ud;
  vgl_await_complete(c->a);
}

void vg_call_done(vg_call *c, int rc) {
  c->rc = rc;
  vg_run_on_loop(c->e, done_on_loop, c);
}

static void call_free(void *ud) {
  vg_call *c = ud;
  if (c->def->cleanup) c->def->cleanup(c);
  if (c->e->L) vgl_unref(c->e->L, c->ctx_ref);
  cJSON_Delete(c->options);
  cJSON_Delete(c->inputs);
  cJSON_Delete(c->outputs);
  free(c->task_id);
  free(c->stage_name);
  free(c->error);
  pthread_mutex_destroy(&c->lock);
  free(c);
}

static int push_failure(lua_State *L, vg_call *c) {
  lua_pushfstring(L, "%s: %s", c->def->name, c->error ? c->error : "failed");
  return -1;
}

/* On the waiter's stack after the work: finish, then the outputs into ctx. */
static int call_push(lua_State *L, void *ud) {
  vg_call *c = ud;
  if (c->rc != 0) return push_failure(L, c);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->ctx_ref);
  c->L = L;
  c->ctx_idx = lua_gettop(L);
  int rc = c->def->finish ? c->def->finish(c) : 0;
  if (rc == 0) {
    for (cJSON *o = c->outputs->child; o; o = o->next) {
      vgl_push_json(L, o);
      lua_setfield(L, c->ctx_idx, o->string);
    }
  }
  c->L = NULL;
  lua_pop(L, 1);
  if (rc != 0) return push_failure(L, c);
  return 0;
}

static void native_work(uv_work_t *w) {
  vg_call *c = w->data;
  c->rc = c->def->work(c);
  if (c->rc != 0 && !c->error) vg_call_fail(c, "failed");
}

static void native_after(uv_work_t *w, int status) {
  vg_call *c = w->data;
  vg__events_drain(c->e);  /* progress posted by the work comes first */
  if (status == UV_ECANCELED) vgl_await_fail(c->a, "cancelled");
  else vgl_await_complete(c->a);
}

static void call_cancel(void *ud) {
  vg_call *c = ud;
  __atomic_store_n(&c->cancelled, 1, __ATOMIC_RELEASE);
  if (c->def->work) uv_cancel((uv_req_t *)&c->work);  /* if not started yet */
}

static cJSON *merged_options(lua_State *L, const vg_stage_def *def, int idx) {
  cJSON *o = def->options_json ? cJSON_Parse(def->options_json) : NULL;
  if (!cJSON_IsObject(o)) { cJSON_Delete(o); o = cJSON_CreateObject(); }
  if (lua_istable(L, idx)) {
    char err[256];
    cJSON *given = vgl__to_json_ex(L, idx, 1, err, sizeof err);
    if (cJSON_IsObject(given)) {
      for (cJSON *g = given->child; g; g = g->next) {
        cJSON *dup = cJSON_Duplicate(g, 1);
        if (cJSON_GetObjectItemCaseSensitive(o, g->string)) cJSON_ReplaceItemInObjectCaseSensitive(o, g->string, dup);
        else cJSON_AddItemToObject(o, g->string, dup);
      }
    }
    cJSON_Delete(given);
  }
  return o;
}

/* vg.core.run_native(name, ctx, options, task_id, stage_name) */
static int l_run_native(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  const char *name = luaL_checkstring(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  const vg_stage_def *def = vg_find_stage(e, name);
  if (!def) return luaL_error(L, "no native stage named '%s' (see vg.stages())", name);
  vg_call *c = calloc(1, sizeof *c);
  if (!c) return luaL_error(L, "out of memory");
  pthread_mutex_init(&c->lock, NULL);
  c->e = e;
  c->def = def;
  c->task_id = vg__strdup(luaL_optstring(L, 4, NULL));
  c->stage_name = vg__strdup(luaL_optstring(L, 5, def->name));
  c->options = merged_options(L, def, 3);
  c->inputs = cJSON_CreateObject();
  c->outputs = cJSON_CreateObject();
  lua_pushvalue(L, 2);
  c->ctx_ref = vgl_ref(L);

  /* prepare, on this stack */
  c->L = L;
  c->ctx_idx = 2;
  int rc = def->prepare ? def->prepare(c) : 0;
  c->L = NULL;
  if (rc != 0) {
    lua_pushfstring(L, "%s: %s", def->name, c->error ? c->error : "failed");
    call_free(c);
    return lua_error(L);
  }
  c->a = vgl_await_new(L, call_push, call_cancel, call_free, c);
  if (def->work) {
    c->work.data = c;
    int r = uv_queue_work(e->loop, &c->work, native_work, native_after);
    if (r != 0) {
      vg_call_fail(c, "%s", uv_strerror(r));
      c->rc = -1;
      vgl_await_complete(c->a);
    }
  } else if (def->start) {
    if (def->start(c) != 0) {
      c->rc = -1;
      vgl_await_complete(c->a);
    }
  } else {
    vgl_await_complete(c->a);  /* prepare + finish only */
  }
  return vgl_await_yield(L, c->a);
}

static int l_stages(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  lua_createtable(L, e->n_stages, 0);
  for (int i = 0; i < e->n_stages; i++) {
    const vg_stage_def *d = e->stages[i];
    lua_createtable(L, 0, 5);
    lua_pushstring(L, d->name); lua_setfield(L, -2, "name");
    if (d->summary) { lua_pushstring(L, d->summary); lua_setfield(L, -2, "summary"); }
    if (d->inputs) { lua_pushstring(L, d->inputs); lua_setfield(L, -2, "inputs"); }
    if (d->outputs) { lua_pushstring(L, d->outputs); lua_setfield(L, -2, "outputs"); }
    if (d->options_json) {
      cJSON *o = cJSON_Parse(d->options_json);
      if (o) { vgl_push_json(L, o); lua_setfield(L, -2, "options"); cJSON_Delete(o); }
    }
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

void vgl__register_stage_functions(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"run_native", l_run_native},
    {"stages", l_stages},
    {NULL, NULL},
  };
  luaL_setfuncs(L, fns, 0);
}
