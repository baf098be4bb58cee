/* stage_lua.c: native stages as Lua sees them: vg.core.run_native runs one
 * (engine/core/stage.c) as a function that waits, with the task's context
 * table as its inputs and outputs; vg.core.stages lists them. */
#include "lua_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lua_run {
  lua_State *L;          /* valid only in prepare/finish */
  int ctx_idx;
  int ctx_ref;
  vgl_await *a;
} lua_run;

static cJSON *read_ctx(vg_call *c, const char *key) {
  lua_run *r = c->binding;
  lua_State *L = r->L;
  if (!L) return NULL;
  lua_getfield(L, r->ctx_idx, key);
  cJSON *j = lua_isnil(L, -1) ? NULL : vgl_to_json_ex(L, -1, 1, NULL, 0);
  lua_pop(L, 1);
  return j;
}

static void lua_call_free(void *ud) {
  vg_call *c = ud;
  lua_run *r = c->binding;
  if (c->e->lua && c->e->lua->L) vgl_unref(c->e->lua->L, r->ctx_ref);
  vg__call_free(c);
  free(r);
}

/* The engine names the native stage once; stages say only what went wrong. */
static int push_failure(lua_State *L, vg_call *c) {
  lua_pushfstring(L, "%s: %s", c->def->name, vg_call_error(c));
  return -1;
}

/* On the waiter's stack after the work: finish, then the outputs into ctx. */
static int call_push(lua_State *L, void *ud) {
  vg_call *c = ud;
  lua_run *r = c->binding;
  if (c->rc != 0) return push_failure(L, c);
  lua_rawgeti(L, LUA_REGISTRYINDEX, r->ctx_ref);
  r->L = L;
  r->ctx_idx = lua_gettop(L);
  int rc = vg__call_finish(c);
  if (rc == 0) {
    for (cJSON *o = c->outputs->child; o; o = o->next) {
      vgl_push_json(L, o);
      lua_setfield(L, r->ctx_idx, o->string);
    }
  }
  r->L = NULL;
  lua_pop(L, 1);
  return rc != 0 ? push_failure(L, c) : 0;
}

static void call_complete(vg_call *c, int cancelled) {
  lua_run *r = c->binding;
  if (cancelled) vgl_await_fail(r->a, "cancelled");
  else if (c->rc == 0) vgl_await_complete_late(r->a);   /* done before the cancel could stop it */
  else vgl_await_complete(r->a);
}

static void call_cancel(void *ud) { vg__call_cancel(ud); }

/* Options over the stage's defaults. A value that cannot become JSON fails
 * the call and names the option, instead of dropping every option. */
static cJSON *merged_options(lua_State *L, const vg_stage_def *def, int idx, char *err, size_t errlen) {
  cJSON *given = NULL;
  if (lua_istable(L, idx)) {
    given = vgl_to_json_ex(L, idx, VGL_JSON_SKIP | VGL_JSON_INTERRUPTIBLE, err, errlen);
    if (!given) return NULL;
  }
  cJSON *o = vg__merge_options(def, given);
  cJSON_Delete(given);
  return o;
}

/* vg.core.run_native(name, ctx, options, task_id, stage_name [, cache [, limits]]):
 * cache is the task's vg.Cache (nil: the engine's); limits the task's
 * table of limits over the engine's (nil: the engine's) */
static int l_run_native(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  const char *name = luaL_checkstring(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  const vg_stage_def *def = vg_find_stage(e, name);
  if (!def) return luaL_error(L, "no native stage named '%s' (see vg.stages())", name);
  vg_cache *cache = vgl_opt_cache(L, 6);   /* before anything is allocated: it may raise */
  char err[512];
  vg_limits limits = *vg_engine_limits(e);
  if (lua_istable(L, 7)) {
    cJSON *lo = vgl_to_json(L, 7, err, sizeof err);
    int bad = !lo || vg_limits_apply(&limits, lo, err, sizeof err) != 0;
    cJSON_Delete(lo);
    if (bad) { lua_pushfstring(L, "%s: %s", def->name, err); return lua_error(L); }
  }
  cJSON *options = merged_options(L, def, 3, err, sizeof err);
  /* Ctrl-C while a long plan was turned into JSON (which then stops
   * half-way): nothing is prepared, the tasks are marked cancelled (the
   * loop, busy here, has not heard of it yet) */
  if (vg_engine_interrupted(e)) { cJSON_Delete(options); return vgl__raise_interrupted(e, L); }
  if (!options) {   /* the caller's data, not a line of ours: no position */
    lua_pushfstring(L, "%s: option %s", def->name, err);
    return lua_error(L);
  }
  lua_run *r = calloc(1, sizeof *r);
  vg_call *c = r ? vg__call_new(e, def, luaL_optstring(L, 4, NULL), luaL_optstring(L, 5, NULL), options) : NULL;
  if (!c) { free(r); return luaL_error(L, "out of memory"); }
  vg__call_set_cache(c, cache);
  vg__call_set_limits(c, &limits);
  c->binding = r;
  c->input = read_ctx;
  c->complete = call_complete;
  lua_pushvalue(L, 2);
  r->ctx_ref = vgl_ref(L);

  r->L = L;                 /* prepare, on this stack */
  r->ctx_idx = 2;
  int rc = vg__call_prepare(c);
  r->L = NULL;
  if (rc != 0) {
    if (vg_engine_interrupted(e)) { lua_call_free(c); return vgl__raise_interrupted(e, L); }
    push_failure(L, c);
    lua_call_free(c);
    return lua_error(L);
  }
  r->a = vgl_await_new(L, call_push, call_cancel, lua_call_free, c);
  vg__call_start(c);
  return vgl_await_yield(L, r->a);
}

/* vg.core.check_options(name, options) -> nil | message: the options a
 * script gives a native stage, checked when the stage is built: each name
 * must be one of the stage's options, of its default's JSON type (a null
 * default takes any), and the stage's own check must pass. */
static int l_check_options(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  const vg_stage_def *def = vg_find_stage(e, luaL_checkstring(L, 1));
  if (!def || !lua_istable(L, 2)) return 0;
  char err[512] = "";
  cJSON *given = vgl_to_json_ex(L, 2, 1, err, sizeof err);
  if (!given) { lua_pushfstring(L, "option %s", err); return 1; }
  cJSON *defaults = def->options_json ? cJSON_Parse(def->options_json) : NULL;
  int bad = 0;
  if (defaults && cJSON_IsObject(given)) {
    const cJSON *o;
    cJSON_ArrayForEach(o, given) {
      const cJSON *d = cJSON_GetObjectItemCaseSensitive(defaults, o->string);
      if (!d) {
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        lua_pushfstring(L, "unknown option '%s' (options: ", o->string);
        luaL_addvalue(&b);
        for (const cJSON *k = defaults->child; k; k = k->next) {
          luaL_addstring(&b, k->string);
          luaL_addstring(&b, k->next ? ", " : ")");
        }
        luaL_pushresult(&b);
        bad = 1;
        break;
      }
      /* a list of one value may be given as the value (allow_paths) */
      int same = (d->type & 0xFF) == (o->type & 0xFF) || cJSON_IsNull(d) || cJSON_IsNull(o) ||
                 (cJSON_IsBool(d) && cJSON_IsBool(o)) || (cJSON_IsArray(d) && !cJSON_IsObject(o));
      if (!same && !def->check_options) {
        lua_pushfstring(L, "option %s must be %s", o->string,
                        cJSON_IsString(d) ? "a string" : cJSON_IsNumber(d) ? "a number" :
                        cJSON_IsBool(d) ? "a boolean" : cJSON_IsArray(d) ? "a list" : "a table");
        bad = 1;
        break;
      }
    }
  }
  if (!bad && def->check_options && def->check_options(given, err, sizeof err) != 0) {
    lua_pushstring(L, err);
    bad = 1;
  }
  cJSON_Delete(defaults);
  cJSON_Delete(given);
  return bad;
}

static int l_stages(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  int n = vg_stage_count(e);
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    const vg_stage_def *d = vg_stage_at(e, i);
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
    {"check_options", l_check_options},
    {NULL, NULL},
  };
  luaL_setfuncs(L, fns, 0);
}
