/* core_private.h: the engine context shared by engine/core and the Lua
 * bridge (engine/lua). Not installed, not for stages: they use vg.h and
 * vg_lua.h. No Lua header here: the core calls into Lua only through the
 * hooks the bridge sets (vg_engine_hooks). */
#pragma once

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include "vg.h"

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

/* What the core asks of a scripting binding (the Lua bridge sets these).
 * Every hook may be NULL: an engine without a binding runs native stages. */
typedef struct vg_engine_hooks {
  /* Loop thread: mark every task cancelled, then cancel what waits. */
  void (*cancel_all)(vg_engine *e);
  /* Loop thread, at shutdown: cancel every wait; how many are still in
   * flight (the loop runs until 0); free what the binding holds. */
  void (*cancel_waits)(vg_engine *e);
  int (*pending)(vg_engine *e);
  void (*free_waits)(vg_engine *e);      /* before the loop closes */
  void (*release)(vg_engine *e);         /* after: the script state */
  /* Signal handler (async-signal-safe): stop the script code `running`. */
  void (*interrupt)(void *running);
} vg_engine_hooks;

struct vg_engine {
  uv_loop_t *loop;
  uv_loop_t own_loop;
  int owns_loop;
  struct vgl_bridge *lua;      /* the Lua side, or NULL (engine/lua) */
  vg_engine_hooks hooks;
  char state_dir[PATH_MAX];
  vg_cache *cache;             /* the engine's; a task may use its own (vg_call.cache) */
  vg_limits limits;            /* the engine's; a task may carry its own (vg_call.limits) */

  uv_async_t wake;             /* drains `posted`, handles signals */
  pthread_mutex_t post_lock;
  vg_posted *posted_head, *posted_tail;

  vg_listener *listeners;
  int n_listeners, cap_listeners, next_listener_id;
  FILE *events_file;
  int events_file_owned;
  int events_errno;            /* the first failed write to events_file (0: none) */
  char *events_path;           /* as given to vg_events_to_file, for the message */

  const vg_stage_def **stages;
  int n_stages, cap_stages;

  int n_awaits;                /* linked awaits, done or not */
  int n_waiting;               /* awaits not done yet: they keep the loop alive */
  int n_soon;                  /* loop-thread calls queued by vg__run_soon */
  int wake_refd;               /* the wake handle is ref'd (n_waiting + n_soon > 0) */
  int n_fibers;                /* live fibers (coroutines the binding resumes) */
  int loop_depth;              /* > 0 while inside uv_run */
  int blocking_runs;           /* > 0 inside vg__run_loop_once (a wait outside fibers) */
  int ref_count;               /* live registry refs of the binding */
  int handle_count;            /* open uv handles the engine created */

  int install_signals;
  volatile sig_atomic_t interrupted;   /* a SIGINT/SIGTERM arrived */
  /* A program that saves its state when it stops (serve) sets this: then a
   * signal that comes while an interrupt is still being handled does not
   * end the process, unless signals keep coming (a person insisting). */
  volatile sig_atomic_t finish_on_interrupt;
  volatile sig_atomic_t signals_ignored;
  /* The Lua thread running now (the main chunk, a fiber, a listener), or
   * NULL while the loop thread is inside uv_run or the engine's own C: the
   * signal handler arms the interrupt hook on it (hooks are per thread). */
  void *volatile running;
  /* When the Lua that runs now was entered from the loop (uv_hrtime), 0
   * while the loop or the engine's C runs: the watch of a server times
   * each run by it (engine/lua/luabridge.c, vg.core.set_run_limit). */
  uint64_t run_started;
  pthread_t loop_thread;               /* where signals are handled */
  int cancel_pending;
  char *last_error;
  int closing;
  /* parts to close their own way before the handles left are (vg_engine_add_closer) */
  struct vg_closer { void (*close)(void *ud); void *ud; } *closers;
  int n_closers, cap_closers;
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
/* Marks script code (a lua_State of the binding) as the interruptible one;
 * returns the previous. */
void *vg__set_running(vg_engine *e, void *L);
void vg__set_last_error(vg_engine *e, const char *msg);

/* stage.c: one run of a native stage for one task. The binding that runs
 * it (engine/lua/stage_lua.c, or C code with a cJSON context) answers
 * `input`; `complete` runs on the loop thread once work/start has ended. */
struct vg_call {
  vg_engine *e;
  const vg_stage_def *def;
  cJSON *(*input)(vg_call *c, const char *key);   /* new value or NULL; prepare/finish only */
  void (*complete)(vg_call *c, int cancelled);
  void *binding;         /* the runner's own data */
  const cJSON *ctx;      /* the context for runners without a binding */
  int in_callback;       /* inside prepare/finish: inputs may be read */
  cJSON *options, *inputs, *outputs;
  void *data;
  char *task_id, *stage_name;
  vg_cache *cache;       /* the task's own (a reference), or NULL: the engine's */
  vg_limits limits;      /* the task's, else the engine's, copied at vg__call_new */
  pthread_mutex_t lock;
  char *error;
  int cancelled;         /* atomic */
  int rc;
  uv_work_t work;
};
/* Takes options (merged already). NULL when out of memory. */
vg_call *vg__call_new(vg_engine *e, const vg_stage_def *def, const char *task_id,
                      const char *stage_name, cJSON *options);
int vg__call_prepare(vg_call *c);      /* 0 or -1 (c->error) */
void vg__call_start(vg_call *c);       /* work or start; complete() comes later */
int vg__call_finish(vg_call *c);       /* 0 or -1 (c->error) */
void vg__call_cancel(vg_call *c);      /* any time after start */
void vg__call_free(vg_call *c);        /* runs cleanup */
/* Before prepare: the call uses cache c (takes a reference; NULL: the engine's). */
void vg__call_set_cache(vg_call *c, vg_cache *cache);
/* Before prepare: the call's limits are l (copied; NULL: the engine's). */
void vg__call_set_limits(vg_call *c, const vg_limits *l);
/* The stage's defaults with `given` (an object, may be NULL) over them. */
cJSON *vg__merge_options(const vg_stage_def *def, const cJSON *given);

/* events.c */
int vg__events_drain(vg_engine *e);   /* one batch; 1 when more are queued */
void vg__events_free(vg_engine *e);

/* state.c */
void vg__resolve_state_dir(vg_engine *e, const char *explicit_dir);
/* A relative folder made absolute against the working directory now, in
 * place (out holds n bytes): the state and cache folders are resolved once,
 * so a later chdir (a plug-in, `tasks resume` entering the task's folder)
 * cannot move them. Left as it is when getcwd fails or it would not fit. */
void vg__absolute_dir(char *dir, size_t n);

/* util */
double vg__now(void);

/* cache.c, for tests: called with a complete entry just before the rename
 * that publishes it. */
extern void (*vg__cache_before_publish)(const char *stage, const char *entry);
