/* events_lua.c: the event bus as Lua sees it. One C listener hands every
 * event to the Lua dispatch function (lua/vg/events.lua), under the one
 * protected call; vg.core.emit and vg.core.events_to_file. */
#include "lua_private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void push_event(lua_State *L, const vg_event *ev) {
  lua_createtable(L, 0, 7);
  lua_pushstring(L, ev->type); lua_setfield(L, -2, "type");
  if (ev->task_id) { lua_pushstring(L, ev->task_id); lua_setfield(L, -2, "task_id"); }
  if (ev->stage) { lua_pushstring(L, ev->stage); lua_setfield(L, -2, "stage"); }
  if (ev->progress >= 0) { lua_pushnumber(L, ev->progress); lua_setfield(L, -2, "progress"); }
  if (ev->message) { lua_pushstring(L, ev->message); lua_setfield(L, -2, "message"); }
  lua_pushnumber(L, ev->time); lua_setfield(L, -2, "time");
  if (ev->data) { vgl_push_json(L, ev->data); lua_setfield(L, -2, "data"); }
}

static void lua_bridge_listener(const vg_event *ev, void *ud) {
  vg_engine *e = ud;
  vgl_bridge *b = e->lua;
  lua_State *L = b ? b->L : NULL;
  if (!L || b->dispatch_ref == LUA_NOREF) return;
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->dispatch_ref);
  push_event(L, ev);
  /* listeners run on the main thread: a busy one is interrupted there */
  int before = e->interrupted;
  lua_State *was = vg__set_running(e, L);
  /* each delivery has a clock of its own for the watch: a listener that
   * never returns is stopped, not the code that emitted */
  uint64_t started = e->run_started;
  int overruns = b->overruns;
  if (started) e->run_started = uv_hrtime();
  int st = vgl_pcall(L, 1, 0);
  if (started) e->run_started = b->overruns != overruns ? uv_hrtime() : started;
  vg__set_running(e, was);
  /* Ctrl-C came during the listener: the code that emitted (a stage that
   * reports progress in a loop) was running too, and stops as well. The
   * hook armed here on the main thread is the emitter's now; an event the
   * loop emitted with no Lua running (a native stage's progress) leaves
   * nothing to stop but the tasks, which the loop cancels. Left armed (the
   * signal landed in the dispatch's bookkeeping, where it waits), the hook
   * would fire later in a main chunk that was only waiting for the task,
   * or in a server's shutdown between its protected steps. */
  if (!before && e->interrupted) {
    if (was != L) vgl__hook_rest(L);
    if (was) vgl__interrupt_hook_arm(was);
  }
  if (st != LUA_OK) {
    vg_print_shown("vgrun: event dispatch failed: %s", lua_tostring(L, -1));
    lua_pop(L, 1);
  }
}

/* vg.core.set_dispatch(fn): the Lua function that receives every event. */
static int l_set_dispatch(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  vgl_bridge *b = e->lua;
  if (b->dispatch_ref == LUA_NOREF) vg_on(e, "*", lua_bridge_listener, e);
  else luaL_unref(L, LUA_REGISTRYINDEX, b->dispatch_ref);
  lua_pushvalue(L, 1);
  /* not a counted ref: it lives as long as the engine */
  b->dispatch_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

static const char *opt_field(lua_State *L, int idx, const char *k) {
  lua_getfield(L, idx, k);
  const char *s = lua_tostring(L, -1);
  lua_pop(L, 1);  /* the string stays anchored in the table */
  return s;
}

/* vg.core.emit{type=, task_id=, stage=, progress=, message=, data=} */
static int l_emit(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  vg_event ev;
  memset(&ev, 0, sizeof ev);
  ev.type = opt_field(L, 1, "type");
  luaL_argcheck(L, ev.type != NULL, 1, "event needs a type");
  ev.task_id = opt_field(L, 1, "task_id");
  ev.stage = opt_field(L, 1, "stage");
  ev.message = opt_field(L, 1, "message");
  lua_getfield(L, 1, "progress");
  ev.progress = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : -1;
  lua_pop(L, 1);
  lua_getfield(L, 1, "time");
  ev.time = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : vg__now();
  lua_pop(L, 1);
  cJSON *data = NULL;
  lua_getfield(L, 1, "data");
  if (!lua_isnil(L, -1)) data = vgl_to_json_ex(L, -1, 1, NULL, 0);
  lua_pop(L, 1);
  ev.data = data;
  vg_emit(e, &ev);
  cJSON_Delete(data);
  return 0;
}

static int l_events_to_file(lua_State *L) {
  const char *path = vgl_check_path(L, 1);
  if (vg_events_to_file(vgl_engine(L), path) != 0) {
    lua_pushnil(L);
    if (errno == ENXIO) lua_pushfstring(L, "%s: a named pipe (FIFO) that nothing reads", path);
    else lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

void vgl__register_event_functions(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"set_dispatch", l_set_dispatch},
    {"emit", l_emit},
    {"events_to_file", l_events_to_file},
    {NULL, NULL},
  };
  luaL_setfuncs(L, fns, 0);
}

void vgl__events_release(vg_engine *e) {
  vgl_bridge *b = e->lua;
  if (b && b->L && b->dispatch_ref != LUA_NOREF) luaL_unref(b->L, LUA_REGISTRYINDEX, b->dispatch_ref);
  if (b) b->dispatch_ref = LUA_NOREF;
}
