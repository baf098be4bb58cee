/* fuzz_json_lua.c: cJSON <-> Lua. Any JSON text is decoded to Lua, encoded
 * back, and decoded again: both conversions must agree (same canonical
 * text), and nothing may crash however deep or odd the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vg.h"
#include "vg_lua.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static vg_engine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) {
    vg_engine_options o = { .state_dir = "/tmp/vg-fuzz-json" };
    engine = vg_engine_new(&o);
    if (!engine) abort();
  }
  lua_State *L = vg_engine_lua(engine);
  int top = lua_gettop(L);
  cJSON *j = cJSON_ParseWithLength((const char *)data, size);
  if (j) {
    char err[256];
    vgl_push_json(L, j);  /* never raises, however deep */
    cJSON *back = vgl_to_json(L, -1, err, sizeof err);
    if (back) {
      /* a second round trip must give the same canonical text */
      char *a = cJSON_PrintUnformatted(back);
      vgl_push_json(L, back);
      cJSON *again = vgl_to_json(L, -1, err, sizeof err);
      char *b = again ? cJSON_PrintUnformatted(again) : NULL;
      if (a && b && strcmp(a, b) != 0) {
        fprintf(stderr, "round trip differs:\n%s\n%s\n", a, b);
        abort();
      }
      cJSON_free(a);
      cJSON_free(b);
      cJSON_Delete(again);
      cJSON_Delete(back);
    }
    cJSON_Delete(j);
    lua_settop(L, top);
  }
  /* and the Lua-facing decoder on the raw bytes */
  lua_getglobal(L, "require");
  lua_pushliteral(L, "vg");
  if (lua_pcall(L, 1, 1, 0) == LUA_OK) {
    lua_getfield(L, -1, "json");
    lua_getfield(L, -1, "decode");
    lua_pushlstring(L, (const char *)data, size);
    lua_pcall(L, 1, 2, 0);
  }
  lua_settop(L, top);
  return 0;
}
