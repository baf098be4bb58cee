/* lua_core.c: require("vg.input_core"), the raw binding under lua/vg/input.lua.
 *   load(path [, opts]) -> model|nil, diagnostics   (parses on the thread pool;
 *                          opts.as_json: the model as JSON text, canonical key order)
 *   from_table(doc [, opts]) -> model, diagnostics  (a Lua table, either flavour)
 *   validate(model) -> diagnostics                  (a canonical model)
 *   voice_known(name) -> boolean; scene_types() -> {name = {field = kind}}
 * Diagnostics: list of {severity, file, line, col, field, message, text}. */
#include "vg_lua.h"
#include "input.h"
#include "input_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct lreq {
  char *path, *split, *format;
  int as_json;          /* give the model as JSON text, keys in canonical order */
  vgi_options opts;
  cJSON *model;
  vgi_diags d;
} lreq;

static void push_diags(lua_State *L, const vgi_diags *d) {
  lua_createtable(L, (int)d->n, 0);
  for (size_t i = 0; i < d->n; i++) {
    const vgi_diag *g = &d->v[i];
    lua_createtable(L, 0, 7);
    lua_pushstring(L, g->severity == VGI_ERROR ? "error" : "warning");
    lua_setfield(L, -2, "severity");
    if (g->file) { lua_pushstring(L, g->file); lua_setfield(L, -2, "file"); }
    lua_pushinteger(L, g->line);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, g->col);
    lua_setfield(L, -2, "col");
    lua_pushstring(L, g->field ? g->field : "");
    lua_setfield(L, -2, "field");
    lua_pushstring(L, g->message);
    lua_setfield(L, -2, "message");
    char *t = vgi_diag_format(g);
    lua_pushstring(L, t);
    free(t);
    lua_setfield(L, -2, "text");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

static void read_opts(lua_State *L, int idx, vgi_options *o, char **split, char **format) {
  memset(o, 0, sizeof *o);
  if (lua_isnoneornil(L, idx)) return;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_getfield(L, idx, "split");
  if (lua_isstring(L, -1)) *split = strdup(lua_tostring(L, -1));
  else if (!lua_isnil(L, -1)) luaL_argerror(L, idx, "opts.split must be a string");
  lua_pop(L, 1);
  lua_getfield(L, idx, "format");
  if (lua_isstring(L, -1)) *format = strdup(lua_tostring(L, -1));
  lua_pop(L, 1);
  lua_getfield(L, idx, "duration");
  if (lua_isnumber(L, -1)) o->duration = lua_tonumber(L, -1);
  else if (!lua_isnil(L, -1)) luaL_argerror(L, idx, "opts.duration must be a number");
  lua_pop(L, 1);
  lua_getfield(L, idx, "narrate");
  if (lua_isboolean(L, -1)) o->no_narration = !lua_toboolean(L, -1);
  lua_pop(L, 1);
  o->split = *split;
  o->format = *format;
}

static void lreq_work(void *data) {
  lreq *r = data;
  r->model = vgi_load(r->path, &r->opts, &r->d);
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
  free(r->path);
  free(r->split);
  free(r->format);
  free(r);
}

static int l_load(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  lreq *r = calloc(1, sizeof *r);
  if (!r) return luaL_error(L, "out of memory");
  r->path = strdup(path);
  read_opts(L, 2, &r->opts, &r->split, &r->format);
  if (lua_istable(L, 2)) {
    lua_getfield(L, 2, "as_json");
    r->as_json = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  return vgl_work(L, lreq_work, lreq_push, lreq_free, r);
}

static int l_from_table(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  char err[256] = "";
  char *split = NULL, *format = NULL;
  vgi_options o;
  read_opts(L, 2, &o, &split, &format);
  cJSON *doc = vgl_to_json(L, 1, err, sizeof err);
  if (!doc) {
    free(split);
    free(format);
    return luaL_argerror(L, 1, err);
  }
  vgi_diags d = {0};
  cJSON *model = vgi_from_doc(doc, NULL, &o, &d);
  vgl_push_json(L, model);
  push_diags(L, &d);
  cJSON_Delete(model);
  vgi_diags_free(&d);
  free(split);
  free(format);
  return 2;
}

static int l_validate(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  char err[256] = "";
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
