/* lua_engine.c: an engine with Lua. vg_engine_new makes the core engine
 * (engine/core/engine.c), registers the built-in native stages, makes or
 * borrows the lua_State and sets the hooks through which the core reaches
 * it: cancel every task, cancel and free waits, interrupt running code. */
#include "lua_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void hook_interrupt(void *running) { vgl__interrupt_hook_arm(running); }

void vgl__push_cancel_all(vg_engine *e, lua_State *L) {
  /* a function Lua set with vg.core.on_cancel_all; an older Lua half
   * plants it in the registry under "vg.cancel_all" */
  if (e->lua && e->lua->cancel_all_ref != LUA_NOREF) lua_rawgeti(L, LUA_REGISTRYINDEX, e->lua->cancel_all_ref);
  else lua_getfield(L, LUA_REGISTRYINDEX, "vg.cancel_all");
}

static void hook_cancel_all(vg_engine *e) {
  vgl_bridge *b = e->lua;
  lua_State *L = b ? b->L : NULL;
  if (L) {
    vgl__push_cancel_all(e, L);
    if (lua_isfunction(L, -1)) {
      if (vgl_pcall(L, 0, 0) != LUA_OK) {
        vg_print_shown("vgrun: while cancelling: %s", lua_tostring(L, -1));
        lua_pop(L, 1);
      }
    } else {
      lua_pop(L, 1);
    }
  }
  vgl__cancel_all_awaits(e);
}

static void hook_release(vg_engine *e) {
  vgl_bridge *b = e->lua;
  if (!b) return;
  vgl__events_release(e);
  if (b->L && b->cancel_all_ref != LUA_NOREF) luaL_unref(b->L, LUA_REGISTRYINDEX, b->cancel_all_ref);
  if (b->owns_L && b->L) lua_close(b->L);
  free(b);
  e->lua = NULL;
}

vg_engine *vg_engine_new(const vg_engine_options *opts) {
  vg_engine_options defaults = {0};
  if (!opts) opts = &defaults;
  vg_engine *e = vg_engine_new_core(opts);
  if (!e) return NULL;
  for (int i = 0; vg_builtin_stages[i]; i++) vg_register_stage(e, vg_builtin_stages[i]);
  vgl_bridge *b = calloc(1, sizeof *b);
  if (!b) { vg_engine_free(e); return NULL; }
  b->dispatch_ref = LUA_NOREF;
  b->cancel_all_ref = LUA_NOREF;
  e->lua = b;
  e->hooks.cancel_all = hook_cancel_all;
  e->hooks.cancel_waits = vgl__cancel_all_awaits;
  e->hooks.pending = vgl__pending_awaits;
  e->hooks.free_waits = vgl__free_awaits;
  e->hooks.release = hook_release;
  e->hooks.interrupt = hook_interrupt;
  if (opts->L) {
    b->L = opts->L;
  } else {
    b->L = luaL_newstate();
    if (!b->L) { fprintf(stderr, "vgrun: cannot create a Lua state (out of memory)\n"); vg_engine_free(e); return NULL; }
    b->owns_L = 1;
    luaL_openlibs(b->L);
  }
  vgl__setup_state(e, b->L);
  if (e->install_signals) vgl__track_coroutines(b->L);
  return e;
}

lua_State *vg_engine_lua(vg_engine *e) { return e->lua ? e->lua->L : NULL; }

/* Runs the chunk on top of the stack with `nargs` arguments below it,
 * interruptible by SIGINT, then runs the loop until background tasks end. */
static int run_chunk(vg_engine *e, int nargs) {
  lua_State *L = e->lua->L;
  void *was = vg__set_running(e, L);
  int st = vgl_pcall(L, nargs, 0);
  vg__set_running(e, was);
  vgl__hook_rest(L);
  if (st != LUA_OK) {
    vg__set_last_error(e, lua_tostring(L, -1) ? lua_tostring(L, -1) : "(error object is not a string)");
    lua_pop(L, 1);
    return e->interrupted ? 130 : 1;
  }
  /* tasks started with p:start() and never waited for still finish */
  while (e->n_fibers > 0 && uv_loop_alive(e->loop)) vg__run_loop_once(e);
  return e->interrupted ? 130 : 0;
}

int vg_engine_run_file(vg_engine *e, const char *path, int argc, char **argv) {
  lua_State *L = e->lua->L;
  lua_createtable(L, argc, 1);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i);
  }
  lua_setglobal(L, "arg");
  if (luaL_loadfile(L, path) != LUA_OK) {
    vg__set_last_error(e, lua_tostring(L, -1));
    lua_pop(L, 1);
    return 1;
  }
  for (int i = 1; i < argc; i++) lua_pushstring(L, argv[i]);
  return run_chunk(e, argc > 1 ? argc - 1 : 0);
}

int vg_engine_run_string(vg_engine *e, const char *chunk, const char *chunkname) {
  lua_State *L = e->lua->L;
  if (luaL_loadbuffer(L, chunk, strlen(chunk), chunkname ? chunkname : "=(string)") != LUA_OK) {
    vg__set_last_error(e, lua_tostring(L, -1));
    lua_pop(L, 1);
    return 1;
  }
  return run_chunk(e, 0);
}
