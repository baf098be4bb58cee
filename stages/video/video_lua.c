/* video_lua.c: require("vg.video_core"), the binding of the video part:
 * what lua/vg/create asks of the encoder before it builds frames. */
#include <string.h>

#include "encode.h"
#include "vg_lua.h"

/* segment_cached(key, {width, height, fps, preset, crf, cfr}) -> bool:
 * whether vge_encode_segment would find this segment in the cache, so the
 * caller can skip building its frames. */
static int l_segment_cached(lua_State *L) {
  const char *key = luaL_checkstring(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  /* argument 3: the task's vg.Cache (nil: the engine's) */
  vg_cache *cache = vgl_opt_cache(L, 3);
  if (!cache) cache = vg_engine_cache(vgl_engine(L));
  lua_settop(L, 3);
  vge_segment s;
  memset(&s, 0, sizeof s);
  lua_getfield(L, 2, "width"); s.v.width = (int)luaL_optinteger(L, -1, 1920); lua_pop(L, 1);
  lua_getfield(L, 2, "height"); s.v.height = (int)luaL_optinteger(L, -1, 1080); lua_pop(L, 1);
  lua_getfield(L, 2, "fps"); s.v.fps_num = (int)luaL_optinteger(L, -1, 30); lua_pop(L, 1);
  s.v.fps_den = 1;
  lua_getfield(L, 2, "preset"); s.v.preset = lua_tostring(L, -1) ? lua_tostring(L, -1) : VGE_DEFAULT_PRESET;
  lua_getfield(L, 2, "crf"); s.v.crf = (int)luaL_optinteger(L, -1, 23); lua_pop(L, 1);
  lua_getfield(L, 2, "cfr"); s.v.cfr = lua_toboolean(L, -1); lua_pop(L, 1);
  lua_getfield(L, 2, "start"); s.start = luaL_optnumber(L, -1, 0); lua_pop(L, 1);
  lua_getfield(L, 2, "end"); s.end = luaL_optnumber(L, -1, 0); lua_pop(L, 1);
  s.v.pix = VGE_PIX_BGRA;
  s.key = key;
  char k[65], path[4096];
  vge_segment_key(&s, k);
  lua_pop(L, 1); /* preset */
  lua_pushboolean(L, vg_cache_lookup(cache, k, ".mp4", path, sizeof path));
  return 1;
}

int vgmod_video_core(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"segment_cached", l_segment_cached},
    {NULL, NULL},
  };
  luaL_newlib(L, fns);
  return 1;
}
