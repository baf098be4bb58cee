/* lua_private.h: what the files of engine/lua (the Lua bridge) share. The
 * bridge owns the lua_State, the awaits and the fibers of one engine; the
 * core (engine/core) reaches it only through the hooks it sets. */
#pragma once

#include "core_private.h"
#include "vg_lua.h"

struct vgl_await;
struct vgl_fiber;

/* The Lua half of one engine (e->lua). */
typedef struct vgl_bridge {
  lua_State *L;
  int owns_L;
  int dispatch_ref;            /* vg.events dispatch function, or LUA_NOREF */
  int cancel_all_ref;          /* Lua's "mark every task cancelled", or LUA_NOREF */
  struct vgl_await *awaits;    /* pending awaits (doubly linked) */
  struct vgl_fiber *fibers;    /* the coroutines this engine resumes */
  int uncaught;                /* fibers that ended with an error no sink took */
  /* the watch (vg.core.set_run_limit): a run of Lua longer than this is
   * stopped; 0: off */
  uint64_t watch_ns;
  uint64_t watch_checks;       /* times the watch's hook looked at the clock */
  int overruns;                /* runs stopped so far */
  lua_State *over_thread;      /* the thread stopped last, while its error unwinds */
  int over_base;               /* ... to this height of its stack (its bookkeeping's frame) */
} vgl_bridge;

/* lua_engine.c: pushes what marks every task cancelled (or nil) */
void vgl__push_cancel_all(vg_engine *e, lua_State *L);

/* luabridge.c */
void vgl__setup_state(vg_engine *e, lua_State *L);
int vgl__open_core(lua_State *L);
void vgl__interrupt_hook_arm(lua_State *L);
/* Raises "interrupted!" after the tasks were marked cancelled (what the
 * interrupt hook does): for C that saw the interrupt before any Lua ran. */
int vgl__raise_interrupted(vg_engine *e, lua_State *L);
/* Arms co to raise its fiber's stop message (vg.core.cancel_fiber), or
 * "cancelled" after a signal, at its next instruction: a fiber that waits
 * with a bare coroutine.yield(). */
void vgl__stop_hook_arm(lua_State *co);
/* co is told to stop (its fiber's stop message) or every task is cancelled */
int vgl__must_stop(vg_engine *e, lua_State *co);
/* The hook a thread has when nothing is armed on it: the watch's, or none. */
void vgl__hook_rest(lua_State *L);
int vgl__is_overrun(lua_State *L, int idx);
int vgl__is_interrupt(lua_State *L, int idx);
void vgl__track_coroutines(lua_State *L);

/* json.c */
void vgl__setup_json(lua_State *L);

/* await.c */
void vgl__cancel_all_awaits(vg_engine *e);
void vgl__cancel_fiber(vg_engine *e, lua_State *co);
void vgl__free_awaits(vg_engine *e);
int vgl__pending_awaits(vg_engine *e);
int vgl__spawn_fiber(lua_State *L, int nargs);
int vgl__in_fiber(lua_State *L);
/* the message co was told to stop with (vg.core.cancel_fiber), or NULL */
const char *vgl__fiber_stop(vg_engine *e, lua_State *co);
void vgl__register_await_functions(lua_State *L);

/* events_lua.c, state_lua.c, stage_lua.c */
void vgl__register_event_functions(lua_State *L);
void vgl__register_state_functions(lua_State *L);
void vgl__register_cache_functions(lua_State *L);
void vgl__register_stage_functions(lua_State *L);
void vgl__events_release(vg_engine *e);
