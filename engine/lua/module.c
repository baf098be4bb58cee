/* module.c: `require "vg"` from a stock lua5.4 (build/vg.so). The module
 * creates an engine for the host's state, with a loop of its own, and frees
 * it when the state closes. */
#include "lua_private.h"

static int holder_gc(lua_State *L) {
  vg_engine **pe = luaL_checkudata(L, 1, "vg.EngineHolder");
  if (*pe) {  /* safe to call twice */
    vg_engine_free(*pe);
    *pe = NULL;
  }
  return 0;
}

int luaopen_vg(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, "vg.engine");
  int have = lua_touserdata(L, -1) != NULL;
  lua_pop(L, 1);
  if (!have) {
    vg_engine **pe = lua_newuserdatauv(L, sizeof *pe, 0);
    *pe = NULL;
    vgl_class(L, "vg.EngineHolder", NULL, holder_gc, NULL);
    luaL_setmetatable(L, "vg.EngineHolder");
    vg_engine_options o = { .L = L };
    *pe = vg_engine_new(&o);
    if (!*pe) return luaL_error(L, "vg: cannot create the engine");
    lua_setfield(L, LUA_REGISTRYINDEX, "vg.engine_holder");
  }
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_getfield(L, -1, "vg");
  lua_remove(L, -2);
  lua_pushliteral(L, "vg");
  lua_call(L, 1, 1);
  return 1;
}
