/* cache_lua.c: caches as Lua sees them. A vg.Cache userdata holds one
 * reference to a vg_cache (engine/core/cache.c): the engine's
 * (vg.core.cache()), or one a task made for itself (vg.core.cache_new,
 * Pipeline:start{cache_dir=, no_cache=}). Native stages get the task's
 * through vg.core.run_native's last argument, so their worker threads read
 * and write that folder and no other. */
#include "lua_private.h"

#include <string.h>
#include <limits.h>

#define CACHE_MT "vg.Cache"

typedef struct { vg_cache *c; } cache_ud;

static void push_cache(lua_State *L, vg_cache *c) {
  cache_ud *u = lua_newuserdatauv(L, sizeof *u, 0);
  u->c = vg_cache_ref(c);
  luaL_setmetatable(L, CACHE_MT);
}

vg_cache *vgl_check_cache(lua_State *L, int idx) {
  cache_ud *u = luaL_checkudata(L, idx, CACHE_MT);
  if (!u->c) luaL_argerror(L, idx, "a released cache");
  return u->c;
}

/* The cache at idx (a vg.Cache), or NULL for nil/none: the engine's. */
vg_cache *vgl_opt_cache(lua_State *L, int idx) {
  return lua_isnoneornil(L, idx) ? NULL : vgl_check_cache(L, idx);
}

static int cache_gc(lua_State *L) {
  cache_ud *u = luaL_checkudata(L, 1, CACHE_MT);
  vg_cache_unref(u->c);   /* safe twice: __gc and __close share it */
  u->c = NULL;
  return 0;
}

/* vg.core.cache_new{dir=, off=, max=} -> vg.Cache. dir: the folder (default:
 * VGRUN_CACHE_DIR / XDG, read now); off: never touch the folder; max: the
 * size limit in bytes pruning keeps to (default: the configured limit). */
static int l_cache_new(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  const char *dir = vgl_opt_string(L, 1, "dir", NULL);
  if (dir && !*dir) return luaL_error(L, "cache_new: field 'dir' is empty");
  int off = vgl_opt_boolean(L, 1, "off", 0);
  lua_Integer max = vgl_opt_integer(L, 1, "max", -1);
  if (max < -1) return luaL_error(L, "cache_new: field 'max' must be 0 (no limit) or more bytes");
  vg_cache *c = vg_cache_new(dir, off, (long long)max);
  if (!c) return luaL_error(L, "out of memory");
  push_cache(L, c);
  vg_cache_unref(c);
  return 1;
}

/* vg.core.cache() -> the engine's cache */
static int l_cache(lua_State *L) {
  push_cache(L, vg_engine_cache(vgl_engine(L)));
  return 1;
}

/* vg.core.set_cache(cache): the engine's cache from now on (tasks that
 * run keep the one they have) */
static int l_set_cache(lua_State *L) {
  vg_engine_set_cache(vgl_engine(L), vgl_check_cache(L, 1));
  return 0;
}

/* The older spellings, on the engine's cache. */
static int l_cache_dir(lua_State *L) {
  lua_pushstring(L, vg_cache_dir(vg_engine_cache(vgl_engine(L))));
  return 1;
}

static int push_ready(lua_State *L, vg_cache *c) {
  if (vg_cache_ready(c) == 0) { lua_pushboolean(L, 1); return 1; }
  return vgl_fail(L, vg_cache_error(), NULL);
}

/* vg.core.cache_ready() -> true | nil, message: whether the engine's folder
 * is a vgrun cache (made and marked if new or of an older vgrun) */
static int l_cache_ready(lua_State *L) { return push_ready(L, vg_engine_cache(vgl_engine(L))); }

/* vg.core.cache_off(): this engine stops using its cache folder (--no-cache);
 * a task started with a cache of its own keeps it */
static int l_cache_off(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  vg_cache *old = vg_engine_cache(e);
  vg_cache *c = vg_cache_new(vg_cache_dir(old), 1, vg_cache_max_bytes(old));
  if (!c) return luaL_error(L, "out of memory");
  vg_engine_set_cache(e, c);
  vg_cache_unref(c);
  return 0;
}

static int m_dir(lua_State *L) { lua_pushstring(L, vg_cache_dir(vgl_check_cache(L, 1))); return 1; }
static int m_off(lua_State *L) { lua_pushboolean(L, vg_cache_is_off(vgl_check_cache(L, 1))); return 1; }
static int m_ready(lua_State *L) { return push_ready(L, vgl_check_cache(L, 1)); }

/* c:max() -> bytes (0: no limit), or nil when the configured limit applies */
static int m_max(lua_State *L) {
  long long m = vg_cache_max_bytes(vgl_check_cache(L, 1));
  if (m < 0) lua_pushnil(L); else lua_pushinteger(L, (lua_Integer)m);
  return 1;
}

/* c:lookup(key, suffix) -> the path of the entry's data (checked: its size,
 * digest and name; a file this process keeps outside the folder too), or
 * nil when it is not there */
static int m_lookup(lua_State *L) {
  vg_cache *c = vgl_check_cache(L, 1);
  const char *key = luaL_checkstring(L, 2), *suffix = luaL_optstring(L, 3, NULL);
  char path[PATH_MAX + 64];
  if (vg_cache_lookup(c, key, suffix, path, sizeof path)) lua_pushstring(L, path);
  else lua_pushnil(L);
  return 1;
}

static int m_tostring(lua_State *L) {
  cache_ud *u = luaL_checkudata(L, 1, CACHE_MT);
  if (!u->c) lua_pushliteral(L, "vg.Cache (released)");
  else lua_pushfstring(L, "vg.Cache (%s%s)", vg_cache_dir(u->c), vg_cache_is_off(u->c) ? ", off" : "");
  return 1;
}

/* vg.core.cache_tag() -> "<host>-<pid>-<16 hex>", a new tmp/ name's tag */
static int l_cache_tag(lua_State *L) {
  char tag[96];
  vg_cache_new_tag(tag, sizeof tag);
  lua_pushstring(L, tag);
  return 1;
}

/* vg.core.cache_tag_live(tag) -> true (its process runs on this machine),
 * false (this machine's, gone) or nil (another machine's, or not a tag) */
static int l_cache_tag_live(lua_State *L) {
  int r = vg_cache_tag_live(luaL_checkstring(L, 1));
  if (r < 0) lua_pushnil(L); else lua_pushboolean(L, r);
  return 1;
}

void vgl__register_cache_functions(lua_State *L) {
  static const luaL_Reg methods[] = {
    {"dir", m_dir}, {"off", m_off}, {"ready", m_ready}, {"max", m_max}, {"lookup", m_lookup}, {NULL, NULL},
  };
  vgl_class(L, CACHE_MT, methods, cache_gc, m_tostring);
  static const luaL_Reg fns[] = {
    {"cache_new", l_cache_new},
    {"cache", l_cache},
    {"set_cache", l_set_cache},
    {"cache_dir", l_cache_dir},
    {"cache_ready", l_cache_ready},
    {"cache_off", l_cache_off},
    {"cache_tag", l_cache_tag},
    {"cache_tag_live", l_cache_tag_live},
    {NULL, NULL},
  };
  luaL_setfuncs(L, fns, 0);
}
