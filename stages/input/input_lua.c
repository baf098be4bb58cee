/* input_lua.c: require("vg.input_core"), the raw binding under lua/vg/input.lua.
 *   load(path [, opts]) -> model|nil, diagnostics   (parses on the thread pool;
 *                          opts.as_json: the model as JSON text, canonical key order;
 *                          opts.allow_paths: folders besides the document's own
 *                          that its images may come from)
 *   from_table(doc [, opts]) -> model, diagnostics  (a Lua table, either flavour)
 *   validate(model) -> diagnostics                  (a canonical model)
 *   voice_known(name) -> boolean; scene_types() -> {name = {field = kind}}
 * Diagnostics: list of {severity, file, line, col, field, message, text}. */
#include "vg_lua.h"
#include "input.h"
#include "input_private.h"

#include <stdlib.h>
#include <string.h>

typedef struct lreq {
  vgi_load_args a;
  int as_json;          /* give the model as JSON text, keys in canonical order */
  cJSON *model;
  vgi_diags d;
} lreq;

static void push_diags(lua_State *L, const vgi_diags *d) {
  cJSON *j = vgi_diags_to_json(d, 1);
  if (!j) luaL_error(L, "out of memory");
  vgl_push_json(L, j);
  cJSON_Delete(j);
}

/* Reads opts at idx (the same fields and checks as the input.load stage's
 * options) into a; raises on a bad option before anything is kept. */
static void read_opts(lua_State *L, int idx, vgi_load_args *a) {
  memset(a, 0, sizeof *a);
  if (lua_isnoneornil(L, idx)) return;
  luaL_checktype(L, idx, LUA_TTABLE);
  char err[256];
  cJSON *o = vgl_to_json_ex(L, idx, VGL_JSON_SKIP, err, sizeof err);
  if (!o) luaL_argerror(L, idx, err);
  cJSON_DeleteItemFromObjectCaseSensitive(o, "path");   /* the path is the first argument */
  int rc = vgi_load_args_read(a, o, err, sizeof err);
  cJSON_Delete(o);
  if (rc != 0) {
    vgi_load_args_free(a);
    lua_pushfstring(L, "opts.%s", err);
    luaL_argerror(L, idx, lua_tostring(L, -1));
  }
}

static void lreq_work(void *data) {
  lreq *r = data;
  r->model = vgi_load(r->a.path, &r->a.opts, &r->d);
}

static int lreq_push(lua_State *L, void *data) {
  lreq *r = data;
  if (r->model && r->as_json) {
    char *t = cJSON_Print(r->model);
    lua_pushstring(L, t ? t : "null");
    free(t);
  } else if (r->model) {
    vgl_push_json(L, r->model);
  } else {
    lua_pushnil(L);
  }
  push_diags(L, &r->d);
  return 2;
}

static void lreq_free(void *data) {
  lreq *r = data;
  cJSON_Delete(r->model);
  vgi_diags_free(&r->d);
  vgi_load_args_free(&r->a);
  free(r);
}

static int l_load(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int as_json = vgl_opt_boolean(L, 2, "as_json", 0);
  vgi_load_args a;
  read_opts(L, 2, &a);   /* raises before it keeps anything */
  lreq *r = calloc(1, sizeof *r);
  if (r) r->a = a;
  if (r) r->a.path = strdup(path);
  if (!r || !r->a.path) {
    if (r) lreq_free(r); else vgi_load_args_free(&a);
    return luaL_error(L, "out of memory");
  }
  r->a.opts.split = r->a.split;   /* a moved: point into its new place */
  r->a.opts.format = r->a.format;
  r->a.opts.allow_paths = (const char *const *)r->a.allow;
  r->as_json = as_json;
  return vgl_work(L, lreq_work, lreq_push, lreq_free, r);
}

static int l_from_table(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  char err[256];
  vgi_load_args a;
  read_opts(L, 2, &a);
  cJSON *doc = vgl_to_json(L, 1, err, sizeof err);
  if (!doc) {
    vgi_load_args_free(&a);
    return luaL_argerror(L, 1, err);
  }
  vgi_diags d = {0};
  cJSON *model = vgi_from_doc(doc, NULL, &a.opts, &d);
  vgl_push_json(L, model);
  push_diags(L, &d);
  cJSON_Delete(model);
  vgi_diags_free(&d);
  vgi_load_args_free(&a);
  return 2;
}

static int l_validate(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  char err[256];
  cJSON *model = vgl_to_json(L, 1, err, sizeof err);
  if (!model) return luaL_argerror(L, 1, err);
  vgi_diags d = {0};
  vgi_validate(model, luaL_optstring(L, 2, NULL), &d);
  push_diags(L, &d);
  cJSON_Delete(model);
  vgi_diags_free(&d);
  return 1;
}

static int l_voice_known(lua_State *L) {
  lua_pushboolean(L, vgi_voice_known(luaL_checkstring(L, 1)));
  return 1;
}

static int l_scene_types(lua_State *L) {
  static const char *const kinds[] = { "text", "code", "lines", "list", "items", "number",
                                       "integer", "boolean", "mapping", "difficulty" };
  lua_newtable(L);
  for (int i = 0; vgi_scene_types[i].name; i++) {
    lua_newtable(L);
    for (int k = 0; vgi_scene_types[i].fields[k].name; k++) {
      const vgi_field *f = &vgi_scene_types[i].fields[k];
      lua_createtable(L, 0, 2);
      lua_pushstring(L, kinds[f->kind]);
      lua_setfield(L, -2, "kind");
      lua_pushboolean(L, f->required);
      lua_setfield(L, -2, "required");
      lua_setfield(L, -2, f->name);
    }
    lua_setfield(L, -2, vgi_scene_types[i].name);
  }
  return 1;
}

int vgmod_input_core(lua_State *L) {
  static const luaL_Reg fns[] = {
    { "load", l_load }, { "from_table", l_from_table }, { "validate", l_validate },
    { "voice_known", l_voice_known }, { "scene_types", l_scene_types }, { NULL, NULL },
  };
  luaL_newlib(L, fns);
  lua_pushnumber(L, VGI_WPM);
  lua_setfield(L, -2, "wpm");
  return 1;
}
