/* helpers.c: the argument and result helpers every binding uses, so the
 * bindings of stages/ raise and fail the same way (vg_lua.h). */
#include "lua_private.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int vgl_fail(lua_State *L, const char *message, const char *code) {
  lua_pushnil(L);
  lua_pushstring(L, message ? message : "failed");
  if (!code) return 2;
  lua_pushstring(L, code);
  return 3;
}

int vgl_failf(lua_State *L, const char *code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  lua_pushnil(L);
  lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  if (!code) return 2;
  lua_pushstring(L, code);
  return 3;
}

static int field_error(lua_State *L, const char *key, const char *want) {
  return luaL_error(L, "field '%s': %s expected, got %s", key, want, luaL_typename(L, -1));
}

/* Pushes t[key]; 0 (and nothing pushed) when it is absent or nil. */
static int get_field(lua_State *L, int idx, const char *key) {
  if (!lua_istable(L, idx)) return 0;
  if (lua_getfield(L, idx, key) == LUA_TNIL) { lua_pop(L, 1); return 0; }
  return 1;
}

lua_Number vgl_opt_number(lua_State *L, int idx, const char *key, lua_Number def) {
  idx = lua_absindex(L, idx);
  if (!get_field(L, idx, key)) return def;
  if (lua_type(L, -1) != LUA_TNUMBER) field_error(L, key, "number");
  lua_Number v = lua_tonumber(L, -1);
  lua_pop(L, 1);
  return v;
}

lua_Integer vgl_opt_integer(lua_State *L, int idx, const char *key, lua_Integer def) {
  idx = lua_absindex(L, idx);
  if (!get_field(L, idx, key)) return def;
  int ok = 0;
  lua_Integer v = lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &ok) : 0;
  if (!ok) field_error(L, key, "integer");
  lua_pop(L, 1);
  return v;
}

const char *vgl_opt_string(lua_State *L, int idx, const char *key, const char *def) {
  idx = lua_absindex(L, idx);
  if (!get_field(L, idx, key)) return def;
  if (lua_type(L, -1) != LUA_TSTRING) field_error(L, key, "string");
  const char *s = lua_tostring(L, -1);
  lua_pop(L, 1);  /* anchored in the table */
  return s;
}

int vgl_opt_boolean(lua_State *L, int idx, const char *key, int def) {
  idx = lua_absindex(L, idx);
  if (!get_field(L, idx, key)) return def;
  if (!lua_isboolean(L, -1)) field_error(L, key, "boolean");
  int v = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return v;
}

const char *vgl_check_string(lua_State *L, int idx, const char *key) {
  idx = lua_absindex(L, idx);
  if (!get_field(L, idx, key)) { lua_pushnil(L); field_error(L, key, "string"); }
  lua_pop(L, 1);
  return vgl_opt_string(L, idx, key, NULL);
}

const char *vgl_check_path(lua_State *L, int idx) {
  size_t n;
  const char *s = luaL_checklstring(L, idx, &n);
  luaL_argcheck(L, memchr(s, '\0', n) == NULL, idx, "a NUL byte in a path");
  return s;
}

const char *vgl_opt_path(lua_State *L, int idx) {
  return lua_isnoneornil(L, idx) ? NULL : vgl_check_path(L, idx);
}

lua_Number vgl_check_number(lua_State *L, int idx, const char *key) {
  idx = lua_absindex(L, idx);
  if (!get_field(L, idx, key)) { lua_pushnil(L); field_error(L, key, "number"); }
  lua_pop(L, 1);
  return vgl_opt_number(L, idx, key, 0);
}

void vgl_class(lua_State *L, const char *name, const luaL_Reg *methods, lua_CFunction close,
               lua_CFunction tostring) {
  if (luaL_newmetatable(L, name)) {
    if (methods) {
      lua_newtable(L);
      luaL_setfuncs(L, methods, 0);
      lua_setfield(L, -2, "__index");
    }
    if (close) {
      lua_pushcfunction(L, close);
      lua_setfield(L, -2, "__gc");
      lua_pushcfunction(L, close);
      lua_setfield(L, -2, "__close");
    }
    if (tostring) {
      lua_pushcfunction(L, tostring);
      lua_setfield(L, -2, "__tostring");
    }
  }
  lua_pop(L, 1);
}
