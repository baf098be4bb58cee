/* engine.c: the engine context. It owns (or borrows) the libuv loop,
 * installs the signal handling that turns SIGINT/SIGTERM into task
 * cancellation, and shuts everything down in order: waits, handles, loop,
 * then the binding (engine/lua/lua_engine.c makes the Lua state). */
#include "core_private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>


void vg__handle_opened(vg_engine *e) { e->handle_count++; }

/* The engine that owns a signal handler. A process has one program engine
 * that handles signals; embedders may create more without signals. */
static vg_engine *signal_engine;
static struct sigaction old_int, old_term;

static void on_signal(int sig) {
  vg_engine *e = signal_engine;
  if (!e) return;
  int saved_errno = errno;
  /* Handled on the loop thread only: Lua runs there, and e->running names a
   * live thread only while that thread is the one interrupted. A signal
   * that landed on a worker thread is sent on (pthread_kill is
   * async-signal-safe). */
  if (!pthread_equal(pthread_self(), e->loop_thread)) {
    pthread_kill(e->loop_thread, sig);
    errno = saved_errno;
    return;
  }
  if (e->interrupted && e->finish_on_interrupt && ++e->signals_ignored < 5) {
    errno = saved_errno;   /* the stop under way goes on to its end */
    return;
  }
  if (e->interrupted) {
    /* a second Ctrl-C while cancelling: give up at once */
    static const char msg[] = "\nvgrun: interrupted again, exiting\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(130);
  }
  e->interrupted = 1;
  /* Lua code that is running now (a busy stage in a fiber, the main chunk,
   * a listener) is stopped through a hook on its own thread, as lua.c does;
   * hooks are per coroutine. The loop side is woken up to cancel the rest. */
  void *running = e->running;
  if (running && e->hooks.interrupt) e->hooks.interrupt(running);
  uv_async_send(&e->wake);  /* async-signal-safe */
  errno = saved_errno;
}

static void on_wake(uv_async_t *h) {
  vg_engine *e = h->data;
  if (e->interrupted && !e->cancel_pending) {
    e->cancel_pending = 1;
    vg_engine_cancel_all(e);
  }
  vg__events_drain(e);
}

void vg__handle_closed(uv_handle_t *h) {
  vg_engine *e = h->data;
  if (e) e->handle_count--;
}

vg_engine *vg_engine_new_core(const vg_engine_options *opts) {
  vg_engine_options defaults = {0};
  if (!opts) opts = &defaults;
  vg_engine *e = calloc(1, sizeof *e);
  if (!e) return NULL;
  /* the engine's cache, resolved now: VGRUN_CACHE_DIR set later does not
   * move it (vg_engine_set_cache does) */
  e->cache = vg_cache_new(opts->cache_dir, 0, -1);
  e->limits = opts->limits ? *opts->limits : vg_limits_default;
  if (!e->cache) { free(e); return NULL; }
  e->next_listener_id = 1;
  e->loop_thread = pthread_self();
  pthread_mutex_init(&e->post_lock, NULL);

  if (opts->loop) {
    e->loop = opts->loop;
  } else {
    if (uv_loop_init(&e->own_loop) != 0) { vg_cache_unref(e->cache); free(e); return NULL; }
    e->loop = &e->own_loop;
    e->owns_loop = 1;
  }
  uv_async_init(e->loop, &e->wake, on_wake);
  e->wake.data = e;
  vg__handle_opened(e);
  /* the wake handle must not keep the loop alive on its own */
  uv_unref((uv_handle_t *)&e->wake);

  vg__resolve_state_dir(e, opts->state_dir);

  if (opts->install_signals && !signal_engine) {
    signal_engine = e;
    e->install_signals = 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    signal(SIGPIPE, SIG_IGN);
  }
  return e;
}

int vg_engine_add_closer(vg_engine *e, void (*close)(void *ud), void *ud) {
  if (!e || !close || e->closing) return -1;
  if (e->n_closers == e->cap_closers) {
    int cap = e->cap_closers ? 2 * e->cap_closers : 4;
    struct vg_closer *n = realloc(e->closers, sizeof *n * (size_t)cap);
    if (!n) return -1;
    e->closers = n;
    e->cap_closers = cap;
  }
  e->closers[e->n_closers++] = (struct vg_closer){close, ud};
  return 0;
}

void vg_engine_remove_closer(vg_engine *e, void (*close)(void *ud), void *ud) {
  if (!e) return;
  for (int i = 0; i < e->n_closers; i++)
    if (e->closers[i].close == close && e->closers[i].ud == ud) {
      e->closers[i] = e->closers[--e->n_closers];
      return;
    }
}

static void closers_tick(uv_timer_t *t) { (void)t; }

/* Each part that registered a closer closes its handles its own way (a
 * server ends its connections through h2o) before the engine closes what
 * is left: closing h2o's sockets under it would close them twice. The
 * loop runs until every part has removed its closer, for at most 5 s; a
 * timer makes each turn return. */
static void run_closers(vg_engine *e) {
  if (e->n_closers == 0) return;
  int n = e->n_closers;
  struct vg_closer *list = malloc(sizeof *list * (size_t)n);
  if (list) {
    memcpy(list, e->closers, sizeof *list * (size_t)n);
    for (int i = 0; i < n; i++) list[i].close(list[i].ud);   /* each may remove itself */
    free(list);
  }
  uv_timer_t tick;
  uv_timer_init(e->loop, &tick);
  uv_timer_start(&tick, closers_tick, 10, 10);
  uint64_t until = uv_now(e->loop) + 5000;
  while (e->n_closers > 0 && uv_now(e->loop) < until) uv_run(e->loop, UV_RUN_ONCE);
  uv_close((uv_handle_t *)&tick, NULL);
  uv_run(e->loop, UV_RUN_NOWAIT);
  e->n_closers = 0;   /* those left are given up: the walk below closes their handles */
}

static void close_walk_cb(uv_handle_t *h, void *arg) {
  (void)arg;
  if (!uv_is_closing(h)) uv_close(h, NULL);
}

void vg_engine_free(vg_engine *e) {
  if (!e || e->closing) return;
  /* After SIGINT/SIGTERM the cancelled tasks end before the engine closes,
   * so their state files say "cancelled" rather than "running". */
  if (e->interrupted && e->lua && e->loop_depth == 0) {
    if (!e->cancel_pending) {
      e->cancel_pending = 1;
      vg_engine_cancel_all(e);
    }
    while (e->n_fibers > 0 && vg__run_loop_once(e) != 0) {}
  }
  e->closing = 1;
  if (e->install_signals) {
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    signal_engine = NULL;
  }
  /* Anything still waiting is cancelled, and operations in flight (work on
   * a thread) are let finish, so nothing runs on freed memory. */
  if (e->hooks.cancel_waits) e->hooks.cancel_waits(e);
  while (e->hooks.pending && e->hooks.pending(e) > 0 && uv_run(e->loop, UV_RUN_ONCE) != 0) {}
  while (vg__events_drain(e)) {}
  if (e->hooks.free_waits) e->hooks.free_waits(e);
  uv_run(e->loop, UV_RUN_NOWAIT);
  run_closers(e);
  uv_close((uv_handle_t *)&e->wake, vg__handle_closed);
  if (e->owns_loop) {
    while (uv_loop_close(e->loop) == UV_EBUSY) {
      uv_walk(e->loop, close_walk_cb, NULL);
      uv_run(e->loop, UV_RUN_DEFAULT);
    }
  } else {
    uv_run(e->loop, UV_RUN_NOWAIT);
  }
  if (e->hooks.release) e->hooks.release(e);
  vg__events_free(e);
  free(e->stages);
  free(e->closers);
  vg_cache_unref(e->cache);
  free(e->last_error);
  pthread_mutex_destroy(&e->post_lock);
  free(e);
}

uv_loop_t *vg_engine_loop(vg_engine *e) { return e->loop; }
const char *vg_engine_last_error(vg_engine *e) { return e->last_error ? e->last_error : ""; }
/* any thread (worker threads ask it through vg_call_cancelled) */
int vg_engine_interrupted(vg_engine *e) { return __atomic_load_n(&e->interrupted, __ATOMIC_RELAXED) != 0; }
int vg_engine_finishes_on_interrupt(vg_engine *e) { return e->finish_on_interrupt != 0; }
int vg_engine_ref_count(vg_engine *e) { return e->ref_count; }

int vg_engine_handle_count(vg_engine *e) {
  /* the wake handle lives as long as the engine */
  return e->handle_count - (e->closing ? 0 : 1);
}

int vg__run_loop_once(vg_engine *e) {
  void *was = vg__set_running(e, NULL);
  e->loop_depth++;
  e->blocking_runs++;
  int r = uv_run(e->loop, UV_RUN_ONCE);
  e->blocking_runs--;
  e->loop_depth--;
  vg__set_running(e, was);
  return r;
}

void *vg__set_running(vg_engine *e, void *L) {
  void *was = e->running;
  e->running = L;
  /* a run starts when Lua is entered from the loop (or goes on after a
   * turn of it), not when one thread hands over to another */
  if (!L) e->run_started = 0;
  else if (!was) e->run_started = uv_hrtime();
  return was;
}

void vg__loop_progress(vg_engine *e) {
  /* uv_stop ends only the innermost uv_run, and blocking_runs > 0 says it is
   * ours: an embedder's own uv_run is never stopped. In libuv's ONCE mode the
   * timers run before the poll, so without this a wait whose timer fired
   * first would then block in poll for whatever else keeps the loop alive. */
  if (e->blocking_runs > 0) uv_stop(e->loop);
}

void vg__keepalive(vg_engine *e) {
  int want = e->n_waiting + e->n_soon > 0;
  if (want == e->wake_refd) return;
  e->wake_refd = want;
  if (want) uv_ref((uv_handle_t *)&e->wake);
  else uv_unref((uv_handle_t *)&e->wake);
}

void vg_engine_cancel_all(vg_engine *e) {
  /* the binding marks its tasks cancelled first, so a waiter that wakes up
   * with "cancelled" finds its task in that state */
  if (e->hooks.cancel_all) e->hooks.cancel_all(e);
}

void vg__set_last_error(vg_engine *e, const char *msg) {
  free(e->last_error);
  e->last_error = vg_strdup(msg);
}

static int post_call(vg_engine *e, void (*fn)(void *ud), void *ud, int soon) {
  vg_posted *p = calloc(1, sizeof *p);
  if (!p) return -1;
  p->fn = fn;
  p->ud = ud;
  p->soon = soon;
  pthread_mutex_lock(&e->post_lock);
  if (e->posted_tail) e->posted_tail->next = p; else e->posted_head = p;
  e->posted_tail = p;
  pthread_mutex_unlock(&e->post_lock);
  uv_async_send(&e->wake);
  return 0;
}

void vg_run_on_loop(vg_engine *e, void (*fn)(void *ud), void *ud) {
  /* From a worker thread this must not touch the handle's ref count (libuv
   * is not thread-safe): what the worker does is an await, and a pending
   * await keeps the loop alive already. */
  post_call(e, fn, ud, 0);
}

void vg__run_soon(vg_engine *e, void (*fn)(void *ud), void *ud) {
  /* A fiber that yields, or one woken by vg.core.wake, waits for nothing
   * else: the loop must stay alive until it runs, even when no handle or
   * await is left (`coroutine.yield()` in the first task of a process). */
  if (post_call(e, fn, ud, 1) != 0) return;
  e->n_soon++;
  vg__keepalive(e);
}
