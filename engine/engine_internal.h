/* engine_internal.h: the engine context shared by the files of engine/.
 * Not installed, not for stages: they use vg.h and vg_lua.h. */
#pragma once

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include "vg.h"
#include "vg_lua.h"

typedef struct vg_listener {
  int id;
  char *type;            /* NULL = all */
  vg_listener_fn fn;
  void *ud;
} vg_listener;

/* One item posted to the loop thread: an event copy or a function call. */
typedef struct vg_posted {
  struct vg_posted *next;
  void (*fn)(void *ud);  /* NULL: it is an event */
  void *ud;
  int soon;              /* queued by vg__run_soon: counted in n_soon */
  char *type, *task_id, *stage, *message;
  double progress, time;
  cJSON *data;
} vg_posted;

struct vg_engine {
  uv_loop_t *loop;
  uv_loop_t own_loop;
  int owns_loop;
  lua_State *L;
  int owns_L;
  char state_dir[PATH_MAX];

  uv_async_t wake;             /* drains `posted`, handles signals */
  pthread_mutex_t post_lock;
  vg_posted *posted_head, *posted_tail;

  vg_listener *listeners;
  int n_listeners, cap_listeners, next_listener_id;
  int lua_dispatch_ref;        /* vg.events dispatch function, or LUA_NOREF */
  FILE *events_file;
  int events_file_owned;

  const vg_stage_def **stages;
  int n_stages, cap_stages;

  struct vgl_await *awaits;    /* pending awaits (doubly linked) */
  int n_awaits;                /* linked awaits, done or not */
  int n_waiting;               /* awaits not done yet: they keep the loop alive */
  int n_soon;                  /* loop-thread calls queued by vg__run_soon */
  int wake_refd;               /* the wake handle is ref'd (n_waiting + n_soon > 0) */
  int n_fibers;                /* live fibers (coroutines we resume) */
  int loop_depth;              /* > 0 while inside uv_run */
  int blocking_runs;           /* > 0 inside vg__run_loop_once (a wait outside fibers) */
  int ref_count;               /* live vgl_ref refs */
  int handle_count;            /* open uv handles the engine created */

  int install_signals;
  volatile sig_atomic_t interrupted;   /* a SIGINT/SIGTERM arrived */
  /* The Lua thread running now (the main chunk, a fiber, a listener), or
   * NULL while the loop thread is inside uv_run or the engine's own C: the
   * signal handler arms the interrupt hook on it (hooks are per thread). */
  lua_State *volatile running;
  pthread_t loop_thread;               /* where signals are handled */
  int cancel_pending;
  char *last_error;
  int closing;
};

/* engine.c */
void vg__handle_opened(vg_engine *e);
void vg__handle_closed(uv_handle_t *h);   /* close callback; h->data = engine or request owning it */
int vg__run_loop_once(vg_engine *e);
/* Loop thread: runs fn(ud) on the loop soon; the loop stays alive until it has. */
void vg__run_soon(vg_engine *e, void (*fn)(void *ud), void *ud);
/* Loop thread: refs the wake handle while an await or a queued call waits. */
void vg__keepalive(vg_engine *e);
/* Loop thread: something a waiter outside any fiber may be waiting for
 * happened (an await completed, a fiber ran): end the current turn of
 * vg__run_loop_once so its caller looks again, instead of blocking in poll. */
void vg__loop_progress(vg_engine *e);
/* Runs Lua code of thread L as the interruptible one; returns the previous. */
lua_State *vg__set_running(vg_engine *e, lua_State *L);

/* luabridge.c */
void vgl__setup_state(vg_engine *e, lua_State *L);
int vgl__open_core(lua_State *L);
void vgl__setup_json(lua_State *L);
cJSON *vgl__to_json_ex(lua_State *L, int idx, int lenient, char *err, size_t errlen);
void vgl__interrupt_hook_arm(lua_State *L);
int vgl__is_interrupt(lua_State *L, int idx);
void vgl__track_coroutines(lua_State *L);

/* await.c */
void vgl__cancel_all_awaits(vg_engine *e);
void vgl__cancel_fiber(vg_engine *e, lua_State *co);
void vgl__free_awaits(vg_engine *e);
int vgl__pending_awaits(vg_engine *e);
int vgl__spawn_fiber(lua_State *L, int nargs);
int vgl__in_fiber(lua_State *L);
void vgl__register_await_functions(lua_State *L);

/* events.c */
void vg__events_drain(vg_engine *e);
void vg__events_free(vg_engine *e);
void vgl__register_event_functions(lua_State *L);

/* state.c */
void vg__resolve_state_dir(vg_engine *e, const char *explicit_dir);
int vg_task_id_valid(const char *id);
const char *vg_task_id_problem(const char *id);  /* NULL when valid */
void vgl__register_state_functions(lua_State *L);

/* stage.c */
void vgl__register_stage_functions(lua_State *L);

/* util */
char *vg__strdup(const char *s);
double vg__now(void);

/* cache.c, for tests: called with a complete entry just before the rename
 * that publishes it. */
extern void (*vg__cache_before_publish)(const char *stage, const char *entry);
