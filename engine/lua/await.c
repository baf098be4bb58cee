/* await.c: waiting without blocking. Tasks and stages run in fibers
 * (coroutines the engine resumes); a C primitive that starts an operation
 * parks its fiber in a vgl_await and the loop resumes it when the operation
 * completes. Outside a fiber (main chunk, REPL) the same primitives run the
 * loop until they complete. Also here: vg.sleep, vg.spawn, vgl_work, and the
 * fiber primitives vg.core.go / vg.core.suspend / vg.core.wake. */
#include "lua_private.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

struct vgl_await {
  struct vgl_await *prev, *next;
  vg_engine *e;
  lua_State *co;        /* the waiting fiber, or NULL when blocking */
  vgl_push_fn push;
  void (*cancel)(void *data);
  void (*free_data)(void *data);
  void *data;
  int done, failed, cancelled, cancel_asked;
  int in_cancel;        /* inside cancel(): a completion now must not resume here */
  char *errmsg;
};

/* A fiber is a coroutine the engine owns and resumes: anchored by a
 * counted ref and kept in a short C list (there are as many as tasks). */
typedef struct vgl_fiber {
  struct vgl_fiber *next;
  lua_State *co;
  int ref;
  int waiting;          /* why it is parked: WAIT_* */
  int sink_ref;         /* who hears its uncaught error (vg.core.fiber_sink), or LUA_NOREF */
  char *stop;           /* vg.core.cancel_fiber(co, message): its waits raise this until cleared */
} fiber;

enum { WAIT_NONE, WAIT_AWAIT, WAIT_SUSPEND, WAIT_YIELD };

/* Fibers belong to their engine: another engine's coroutine is not one. */
static fiber *fiber_of(vg_engine *e, lua_State *co) {
  for (fiber *f = e->lua->fibers; f; f = f->next) if (f->co == co) return f;
  return NULL;
}

const char *vgl__fiber_stop(vg_engine *e, lua_State *co) {
  fiber *f = e && e->lua ? fiber_of(e, co) : NULL;
  return f ? f->stop : NULL;
}

static vg_engine *engine_of(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, "vg.engine");
  vg_engine *e = lua_touserdata(L, -1);
  lua_pop(L, 1);
  return e;
}

int vgl__in_fiber(lua_State *L) {
  vg_engine *e = engine_of(L);
  return e && e->lua && fiber_of(e, L) != NULL && lua_isyieldable(L);
}

/* Raises when the caller can neither yield nor run the loop. */
static void check_can_wait(lua_State *L, vg_engine *e) {
  if (!vgl__in_fiber(L) && e->loop_depth > 0)
    luaL_error(L, "cannot wait here: call it from a stage, a task, or vg.go(function)");
}

static void link_await(vg_engine *e, vgl_await *a) {
  a->next = e->lua->awaits;
  if (e->lua->awaits) e->lua->awaits->prev = a;
  e->lua->awaits = a;
  e->n_awaits++;
  /* an await not done yet keeps the loop alive even when its work runs on
   * a thread of its own with no libuv handle */
  e->n_waiting++;
  vg__keepalive(e);
}

/* Done: it keeps the loop alive no more. A waiter outside any fiber picks
 * up its result after uv_run returns, so a done await that still held the
 * loop would make that uv_run block in poll (vg.sleep(0) hung so). */
static void mark_done(vgl_await *a) {
  a->done = 1;
  a->e->n_waiting--;
  vg__keepalive(a->e);
}

static void unlink_await(vgl_await *a) {
  vg_engine *e = a->e;
  if (a->prev) a->prev->next = a->next; else if (e->lua->awaits == a) e->lua->awaits = a->next;
  if (a->next) a->next->prev = a->prev;
  a->prev = a->next = NULL;
  e->n_awaits--;
  if (!a->done) {
    e->n_waiting--;
    vg__keepalive(e);
  }
}

static void free_await(vgl_await *a) {
  if (a->free_data) a->free_data(a->data);
  free(a->errmsg);
  free(a);
}

vgl_await *vgl_await_new(lua_State *L, vgl_push_fn push, void (*cancel)(void *),
                         void (*free_data)(void *), void *data) {
  vg_engine *e = vgl_engine(L);
  if (!vgl__in_fiber(L) && e->loop_depth > 0) {
    if (free_data) free_data(data);
    check_can_wait(L, e);
  }
  vgl_await *a = calloc(1, sizeof *a);
  if (!a) {
    if (free_data) free_data(data);
    luaL_error(L, "out of memory");
    return NULL;
  }
  a->e = e;
  a->push = push;
  a->cancel = cancel;
  a->free_data = free_data;
  a->data = data;
  link_await(e, a);
  return a;
}

/* Finishes the wait on the waiter's stack: results, or an error raised. */
static int finish_wait(lua_State *L, vgl_await *a) {
  unlink_await(a);
  if (a->failed || a->cancelled) {
    const char *msg = a->errmsg ? a->errmsg : "cancelled";
    lua_pushstring(L, msg);
    free_await(a);
    return lua_error(L);
  }
  int n = a->push ? a->push(L, a->data) : 0;
  if (n < 0) {
    free_await(a);  /* the message pushed by push() stays on the stack */
    return lua_error(L);
  }
  free_await(a);
  return n;
}

static int await_k(lua_State *L, int status, lua_KContext ctx) {
  (void)status;
  vgl_await *a = (vgl_await *)ctx;
  fiber *f = fiber_of(a->e, L);
  if (f) f->waiting = WAIT_NONE;
  return finish_wait(L, a);
}

static void cancel_await_as(vgl_await *a, const char *message);

int vgl_await_yield(lua_State *L, vgl_await *a) {
  vg_engine *e = a->e;
  /* after SIGINT/SIGTERM nothing starts waiting: a task that caught its
   * "cancelled" and waits again ends instead of keeping the process up */
  if (e->cancel_pending && !a->done) cancel_await_as(a, vgl__in_fiber(L) ? "cancelled" : "interrupted!");
  /* a fiber told to stop (cancel_fiber with a message) waits no more */
  fiber *me = vgl__in_fiber(L) ? fiber_of(e, L) : NULL;
  if (me && me->stop && !a->done) cancel_await_as(a, me->stop);
  if (a->done) return finish_wait(L, a);  /* completed (or failed) at once */
  if (vgl__in_fiber(L)) {
    a->co = L;
    fiber_of(e, L)->waiting = WAIT_AWAIT;
    return lua_yieldk(L, 0, (lua_KContext)a, await_k);
  }
  while (!a->done) {
    if (e->interrupted && !a->cancel_asked) {
      /* SIGINT while the main chunk waits */
      a->cancel_asked = 1;
      a->cancelled = 1;
      if (!a->errmsg) a->errmsg = vg_strdup("interrupted!");
      if (a->cancel) a->cancel(a->data);
    }
    if (vg__run_loop_once(e) == 0 && !a->done && !e->interrupted) {
      a->failed = 1;
      a->errmsg = vg_strdup("wait would never end (nothing left to run)");
      break;
    }
  }
  return finish_wait(L, a);
}

/* ---- fibers ----------------------------------------------------------- */
/* An uncaught error goes to the fiber's sink when it has one (a pipeline
 * task's: the stage that started the fiber fails with it); a sink that does
 * not take it, or none, prints it and counts it, so the run cannot end as a
 * success (vg.core.uncaught_errors). */
static void report_fiber_error(vg_engine *e, lua_State *co, int status) {
  if (vgl__is_interrupt(co, -1)) {  /* the user pressed Ctrl-C: not a bug to report */
    lua_pop(co, 1);
    return;
  }
  const char *msg = lua_tostring(co, -1);
  luaL_traceback(co, co, msg ? msg : "(error object is not a string)", 0);
  fiber *f = fiber_of(e, co);
  if (f && f->sink_ref != LUA_NOREF && !e->closing) {
    lua_State *L = e->lua->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, f->sink_ref);
    lua_pushstring(L, msg ? msg : "(error object is not a string)");
    lua_pushstring(L, lua_tostring(co, -1));
    if (lua_pcall(L, 2, 1, 0) == LUA_OK && lua_toboolean(L, -1)) {
      lua_pop(L, 1);
      lua_pop(co, 2);
      return;
    }
    lua_pop(L, 1);
  }
  e->lua->uncaught++;
  vg_print_shown("vgrun: uncaught error in a task (%d): %s", status, lua_tostring(co, -1));
  lua_pop(co, 2);
}

static void fiber_finished(vg_engine *e, lua_State *co) {
  fiber **pp = &e->lua->fibers;
  while (*pp && (*pp)->co != co) pp = &(*pp)->next;
  fiber *f = *pp;
  if (!f) return;
  *pp = f->next;
  e->n_fibers--;
  vgl_unref(e->lua->L, f->sink_ref);
  vgl_unref(e->lua->L, f->ref);  /* may collect co: touch it no more */
  free(f->stop);
  free(f);
}

static void resume_later(vg_engine *e, lua_State *co);

/* Resumes a fiber with nargs values already pushed on its stack. */
static void resume_fiber(vg_engine *e, lua_State *from, lua_State *co, int nargs) {
  int nres = 0;
  lua_State *was = vg__set_running(e, co);
  int st = lua_resume(co, from, nargs, &nres);
  vg__set_running(e, was);
  /* a waiter outside any fiber may be waiting for what this fiber did */
  vg__loop_progress(e);
  if (st == LUA_YIELD) {
    lua_pop(co, nres);
    fiber *f = fiber_of(e, co);
    if (f && f->waiting == WAIT_NONE) {
      /* a plain coroutine.yield() in a task: let others run, then go on */
      f->waiting = WAIT_YIELD;
      resume_later(e, co);
    }
    return;
  }
  if (st != LUA_OK) report_fiber_error(e, co, st);
  fiber_finished(e, co);
}

typedef struct later { vg_engine *e; lua_State *co; } later;

static void resume_later_cb(void *ud) {
  later *l = ud;
  vg_engine *e = l->e;
  lua_State *co = l->co;
  free(l);
  fiber *f = fiber_of(e, co);   /* still anchored: it is waiting */
  if (e->closing || !f || f->waiting != WAIT_YIELD) return;
  f->waiting = WAIT_NONE;
  if (vgl__must_stop(e, co)) vgl__stop_hook_arm(co);   /* its bare yield has no wait to raise in */
  e->loop_depth++;
  resume_fiber(e, e->lua->L, co, 0);
  e->loop_depth--;
}

static void resume_later(vg_engine *e, lua_State *co) {
  later *l = malloc(sizeof *l);
  if (!l) return;
  l->e = e; l->co = co;
  vg__run_soon(e, resume_later_cb, l);
}

/* vg.core.go(fn, ...): runs fn(...) in a new fiber at once; returns the
 * coroutine. The function should not raise: errors are reported on stderr. */
int vgl__spawn_fiber(lua_State *L, int nargs) {
  vg_engine *e = vgl_engine(L);
  int fidx = lua_gettop(L) - nargs;
  luaL_checktype(L, fidx, LUA_TFUNCTION);
  fiber *f = calloc(1, sizeof *f);
  if (!f) return luaL_error(L, "out of memory");
  /* a fiber started by one with a sink reports to the same sink */
  fiber *parent = fiber_of(e, L);
  f->sink_ref = LUA_NOREF;
  if (parent && parent->sink_ref != LUA_NOREF) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, parent->sink_ref);
    f->sink_ref = vgl_ref(L);
  }
  lua_State *co = lua_newthread(L);
  lua_pushvalue(L, -1);
  f->ref = vgl_ref(L);
  f->co = co;
  f->next = e->lua->fibers;
  e->lua->fibers = f;
  e->n_fibers++;
  /* move fn and args onto the new thread; keep the thread as the result */
  lua_insert(L, fidx);                 /* thread below fn */
  lua_xmove(L, co, nargs + 1);
  resume_fiber(e, L, co, nargs);
  return 1;                            /* the thread */
}

static int l_go(lua_State *L) { return vgl__spawn_fiber(L, lua_gettop(L) - 1); }

/* vg.core.suspend(): parks the running fiber until vg.core.wake(co, ...).
 * Returns the values given to wake. Lua builds vg.wait on these two. */
static int suspend_k(lua_State *L, int status, lua_KContext ctx) {
  (void)status; (void)ctx;
  fiber *f = fiber_of(vgl_engine(L), L);
  if (f) f->waiting = WAIT_NONE;
  if (f && f->stop) return luaL_error(L, "%s", f->stop);  /* woken by cancel_fiber */
  return lua_gettop(L);
}

static int l_suspend(lua_State *L) {
  if (!vgl__in_fiber(L)) return luaL_error(L, "suspend: not inside a task or vg.go fiber");
  fiber *f = fiber_of(vgl_engine(L), L);
  if (f->stop) return luaL_error(L, "%s", f->stop);
  f->waiting = WAIT_SUSPEND;
  lua_settop(L, 0);
  return lua_yieldk(L, 0, 0, suspend_k);
}

typedef struct wake_req { vg_engine *e; lua_State *co; int ref; int argref; } wake_req;

static void wake_cb(void *ud) {
  wake_req *w = ud;
  vg_engine *e = w->e;
  lua_State *L = e->lua->L;
  fiber *f = fiber_of(e, w->co);
  if (!e->closing && f && f->waiting == WAIT_SUSPEND && lua_status(w->co) == LUA_YIELD) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, w->argref);
    int n = (int)lua_rawlen(L, -1);
    luaL_checkstack(w->co, n + 1, "wake");
    for (int i = 1; i <= n; i++) {
      lua_rawgeti(L, -1, i);
      lua_xmove(L, w->co, 1);
    }
    lua_pop(L, 1);
    e->loop_depth++;
    resume_fiber(e, e->lua->L, w->co, n);
    e->loop_depth--;
  }
  vgl_unref(L, w->argref);
  vgl_unref(L, w->ref);
  free(w);
}

/* vg.core.wake(co, ...): resumes a suspended fiber soon (never re-entrantly). */
static int l_wake(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  lua_State *co = lua_tothread(L, 1);
  luaL_argcheck(L, co != NULL, 1, "coroutine expected");
  if (!fiber_of(e, co)) return 0;  /* already finished: nothing to wake */
  int n = lua_gettop(L) - 1;
  lua_createtable(L, n, 0);
  for (int i = 1; i <= n; i++) {
    lua_pushvalue(L, i + 1);
    lua_rawseti(L, -2, i);
  }
  wake_req *w = malloc(sizeof *w);
  if (!w) return luaL_error(L, "out of memory");
  w->e = e;
  w->co = co;
  w->argref = vgl_ref(L);
  lua_pushvalue(L, 1);
  w->ref = vgl_ref(L);
  vg__run_soon(e, wake_cb, w);
  return 0;
}

static int l_in_fiber(lua_State *L) {
  lua_pushboolean(L, vgl__in_fiber(L));
  return 1;
}

/* vg.core.fiber_sink(fn|nil): the running fiber's uncaught errors, and those
 * of every fiber it starts afterwards, go to fn(message, traceback); fn
 * returns true when it took the error (else it is printed and counted). */
static int l_fiber_sink(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  fiber *f = vgl__in_fiber(L) ? fiber_of(e, L) : NULL;
  if (!f) return luaL_error(L, "fiber_sink: not inside a task or vg.go fiber");
  if (!lua_isnoneornil(L, 1)) luaL_checktype(L, 1, LUA_TFUNCTION);
  vgl_unref(L, f->sink_ref);
  f->sink_ref = LUA_NOREF;
  if (!lua_isnoneornil(L, 1)) {
    lua_pushvalue(L, 1);
    f->sink_ref = vgl_ref(L);
  }
  return 0;
}

/* vg.core.uncaught_errors(): how many fibers ended with an error nobody took */
static int l_uncaught_errors(lua_State *L) {
  lua_pushinteger(L, vgl_engine(L)->lua->uncaught);
  return 1;
}

static int l_running_fiber(lua_State *L) {
  if (!vgl__in_fiber(L)) return 0;
  lua_pushthread(L);
  return 1;
}

/* A completion that came while the operation was being cancelled (a sleep
 * stops its timer and completes at once) resumes the fiber from the loop,
 * never inside the t:cancel() that asked: the cancelled task's body must not
 * run on its canceller's stack. */
static void deferred_resume_cb(void *ud) {
  later *l = ud;
  vg_engine *e = l->e;
  lua_State *co = l->co;
  free(l);
  fiber *f = e->lua ? fiber_of(e, co) : NULL;   /* still anchored: it is waiting */
  if (e->closing || !f || f->waiting != WAIT_AWAIT) return;
  e->loop_depth++;
  resume_fiber(e, e->lua->L, co, 0);
  e->loop_depth--;
}

/* Completing resumes the fiber from a loop callback; the wait finishes
 * in await_k on the fiber's own stack. */
void vgl_await_complete(vgl_await *a) {
  if (a->done) return;
  mark_done(a);
  vg_engine *e = a->e;
  if (a->co && !e->closing && a->in_cancel) {
    later *l = malloc(sizeof *l);
    if (!l) return;
    l->e = e; l->co = a->co;
    vg__run_soon(e, deferred_resume_cb, l);
    return;
  }
  if (a->co && !e->closing) {
    e->loop_depth++;
    resume_fiber(e, e->lua->L, a->co, 0);
    e->loop_depth--;
  } else if (!a->co) {
    vg__loop_progress(e);   /* the blocked waiter looks again */
  }
}

void vgl_await_complete_late(vgl_await *a) {
  if (a->done) return;
  if (a->cancelled && !a->failed) {
    a->cancelled = 0;
    free(a->errmsg);
    a->errmsg = NULL;
  }
  vgl_await_complete(a);
}

void vgl_await_fail(vgl_await *a, const char *message) {
  if (a->done) return;
  a->failed = 1;
  free(a->errmsg);
  a->errmsg = vg_strdup(message ? message : "failed");
  vgl_await_complete(a);
}

static void cancel_await_as(vgl_await *a, const char *message) {
  if (a->done || a->cancel_asked) return;
  a->cancel_asked = 1;
  a->cancelled = 1;
  if (!a->errmsg) a->errmsg = vg_strdup(message);
  a->in_cancel = 1;
  if (a->cancel) a->cancel(a->data);
  a->in_cancel = 0;
}

static void cancel_await(vgl_await *a) {
  /* a task sees "cancelled"; the main chunk or a REPL line waiting outside
   * any fiber (a->co is NULL) was interrupted, as by the hook */
  cancel_await_as(a, !a->co && a->e->interrupted ? "interrupted!" : "cancelled");
}

void vgl__cancel_all_awaits(vg_engine *e) {
  /* cancel() may complete (and free) awaits: walk a snapshot of ids */
  int n = e->n_awaits;
  if (n == 0) return;
  vgl_await **snap = malloc(sizeof *snap * (size_t)n);
  if (!snap) return;
  int i = 0;
  for (vgl_await *a = e->lua->awaits; a && i < n; a = a->next) snap[i++] = a;
  for (int k = 0; k < i; k++) {
    /* still linked? */
    int live = 0;
    for (vgl_await *a = e->lua->awaits; a; a = a->next) if (a == snap[k]) { live = 1; break; }
    if (live) cancel_await(snap[k]);
  }
  free(snap);
}

void vgl__cancel_fiber(vg_engine *e, lua_State *co) {
  for (vgl_await *a = e->lua->awaits; a; a = a->next) {
    if (a->co == co && !a->done && !a->cancel_asked) { cancel_await(a); return; }
  }
}

/* vg.core.cancel_fiber(co [, message]): cancels what co waits for. With a
 * message co is told to stop: its wait (an await, or vg.core.suspend) raises
 * message, and so does every wait it starts until
 * vg.core.cancel_fiber(co, false) clears it (a pipeline task's stage whose
 * vg.go fiber failed ends so, not when what it awaited comes, if ever). */
static int l_cancel_fiber(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  lua_State *co = lua_tothread(L, 1);
  luaL_argcheck(L, co != NULL, 1, "coroutine expected");
  fiber *f = fiber_of(e, co);
  if (lua_isboolean(L, 2) && !lua_toboolean(L, 2)) {
    if (f) { free(f->stop); f->stop = NULL; }
    return 0;
  }
  if (lua_isnoneornil(L, 2)) {
    vgl__cancel_fiber(e, co);
    return 0;
  }
  const char *msg = luaL_checkstring(L, 2);
  if (!f) return 0;
  if (!f->stop) {
    f->stop = vg_strdup(msg);
    if (!f->stop) return luaL_error(L, "out of memory");
  }
  for (vgl_await *a = e->lua->awaits; a; a = a->next) {
    if (a->co == co && !a->done && !a->cancel_asked) { cancel_await_as(a, f->stop); break; }
  }
  if (f->waiting == WAIT_SUSPEND) {
    /* resumed from the loop (never on the caller's stack); suspend_k raises */
    lua_settop(L, 1);
    return l_wake(L);
  }
  return 0;
}

int vgl__pending_awaits(vg_engine *e) {
  int n = 0;
  for (vgl_await *a = e->lua->awaits; a; a = a->next) if (!a->done) n++;
  return n;
}

void vgl__free_awaits(vg_engine *e) {
  while (e->lua->awaits) {
    vgl_await *a = e->lua->awaits;
    unlink_await(a);
    free_await(a);
  }
}

/* ---- vg.sleep --------------------------------------------------------- */
typedef struct sleep_req {
  uv_timer_t timer;
  vgl_await *a;
  vg_engine *e;
} sleep_req;

static void sleep_closed(uv_handle_t *h) {
  sleep_req *s = h->data;
  s->e->handle_count--;
  free(s);
}

static void sleep_free(void *data) {
  sleep_req *s = data;
  uv_close((uv_handle_t *)&s->timer, sleep_closed);
}

static void sleep_fire(uv_timer_t *t) {
  sleep_req *s = t->data;
  vgl_await_complete(s->a);
}

static void sleep_cancel(void *data) {
  sleep_req *s = data;
  uv_timer_stop(&s->timer);
  vgl_await_complete(s->a);  /* the waiter sees the cancellation */
}

static int l_sleep(lua_State *L) {
  double secs = luaL_checknumber(L, 1);
  /* NaN fails both tests; 1e9 s (31 years) is past any wait a run means */
  luaL_argcheck(L, secs >= 0 && secs < 1e9, 1, "seconds must be >= 0 and < 1e9");
  vg_engine *e = vgl_engine(L);
  check_can_wait(L, e);
  sleep_req *s = calloc(1, sizeof *s);
  if (!s) return luaL_error(L, "out of memory");
  s->e = e;
  uv_timer_init(e->loop, &s->timer);
  s->timer.data = s;
  vg__handle_opened(e);
  s->a = vgl_await_new(L, NULL, sleep_cancel, sleep_free, s);
  /* the loop's clock is only updated when the loop runs: at a prompt, or
   * after a long stretch of Lua, it is seconds old, and the sleep would end
   * at once. Measure from now. */
  uv_update_time(e->loop);
  uv_timer_start(&s->timer, sleep_fire, (uint64_t)(secs * 1000.0 + 0.5), 0);
  return vgl_await_yield(L, s->a);
}

/* ---- vg.spawn --------------------------------------------------------- */
typedef struct buf { char *p; size_t n, cap; } buf;

typedef struct spawn_req {
  vg_engine *e;
  vgl_await *a;
  uv_process_t proc;
  uv_pipe_t out, err, in;
  buf bout, berr;
  char *input; size_t input_len;
  uv_write_t wreq;
  int open_handles;
  int exited, eof_out, eof_err;
  int64_t code;
  int term_signal;
  int started;
} spawn_req;

static void spawn_handle_closed(uv_handle_t *h) {
  spawn_req *r = h->data;
  r->e->handle_count--;
  if (--r->open_handles == 0) {
    free(r->bout.p);
    free(r->berr.p);
    free(r->input);
    free(r);
  }
}

static void spawn_free(void *data) {
  spawn_req *r = data;
  int n = 0;
  if (r->started) {
    uv_handle_t *hs[] = { (uv_handle_t *)&r->proc, (uv_handle_t *)&r->out, (uv_handle_t *)&r->err, (uv_handle_t *)&r->in };
    for (int i = 0; i < 4; i++) if (!uv_is_closing(hs[i])) { uv_close(hs[i], spawn_handle_closed); n++; }
  }
  if (n == 0 && r->open_handles == 0) { free(r->bout.p); free(r->berr.p); free(r->input); free(r); }
}

static void maybe_done(spawn_req *r) {
  if (r->exited && r->eof_out && r->eof_err) vgl_await_complete(r->a);
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *b) {
  (void)h;
  b->base = malloc(suggested);
  b->len = b->base ? suggested : 0;
}

static void buf_append(buf *b, const char *p, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 4096;
    while (cap < b->n + n + 1) cap *= 2;
    char *np = realloc(b->p, cap);
    if (!np) return;
    b->p = np; b->cap = cap;
  }
  memcpy(b->p + b->n, p, n);
  b->n += n;
}

static void read_cb(uv_stream_t *s, ssize_t nread, const uv_buf_t *b) {
  spawn_req *r = s->data;
  int is_out = (s == (uv_stream_t *)&r->out);
  if (nread > 0) buf_append(is_out ? &r->bout : &r->berr, b->base, (size_t)nread);
  free(b->base);
  if (nread < 0) {
    uv_read_stop(s);
    if (is_out) r->eof_out = 1; else r->eof_err = 1;
    maybe_done(r);
  }
}

static void exit_cb(uv_process_t *p, int64_t status, int sig) {
  spawn_req *r = p->data;
  r->exited = 1;
  r->code = status;
  r->term_signal = sig;
  maybe_done(r);
}

static void write_cb(uv_write_t *w, int status) {
  spawn_req *r = w->data;
  (void)status;
  if (!uv_is_closing((uv_handle_t *)&r->in)) uv_close((uv_handle_t *)&r->in, spawn_handle_closed);
}

static void spawn_cancel(void *data) {
  spawn_req *r = data;
  if (!r->exited) uv_process_kill(&r->proc, SIGTERM);
}

static int spawn_push(lua_State *L, void *data) {
  spawn_req *r = data;
  lua_createtable(L, 0, 4);
  lua_pushinteger(L, r->term_signal ? 128 + r->term_signal : r->code);
  lua_setfield(L, -2, "code");
  if (r->term_signal) { lua_pushinteger(L, r->term_signal); lua_setfield(L, -2, "signal"); }
  lua_pushlstring(L, r->bout.p ? r->bout.p : "", r->bout.n);
  lua_setfield(L, -2, "stdout");
  lua_pushlstring(L, r->berr.p ? r->berr.p : "", r->berr.n);
  lua_setfield(L, -2, "stderr");
  return 1;
}

/* die_with_parent: libuv runs no code of ours between fork and exec, so the
 * child is this program again with these first arguments; it asks the
 * kernel for SIGTERM when its parent dies, then execs the command (exec
 * keeps that request). */
#define TRAMPOLINE "--vgrun-die-with-parent"

void vgl_spawn_trampoline(int argc, char **argv) {
  if (argc < 4 || strcmp(argv[1], TRAMPOLINE) != 0) return;
#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
  /* the parent died before the request: it would never come */
  if ((long)getppid() != strtol(argv[2], NULL, 10)) _exit(128 + SIGTERM);
  execvp(argv[3], argv + 3);
  int e = errno;
  fprintf(stderr, "%s: %s\n", argv[3], strerror(e));
  _exit(e == ENOENT ? 127 : 126);
}

/* vg.spawn(cmd, args, opts) -> {code=, stdout=, stderr=} | nil, err, code
 * opts: cwd=, stdin= (bytes for its standard input), die_with_parent=true
 * (SIGTERM to the child when this process dies, even by SIGKILL; the
 * program must call vgl_spawn_trampoline first thing in main) */
static int l_spawn(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  const char *cmd = luaL_checkstring(L, 1);
  check_can_wait(L, e);
  int nargs = lua_istable(L, 2) ? (int)lua_rawlen(L, 2) : 0;
  const char *cwd = NULL;
  size_t input_len = 0;
  const char *input = NULL;
  int dying = 0;
  if (lua_istable(L, 3)) {
    lua_getfield(L, 3, "cwd"); cwd = lua_tostring(L, -1); lua_pop(L, 1);
    lua_getfield(L, 3, "stdin"); input = lua_tolstring(L, -1, &input_len); lua_pop(L, 1);
    lua_getfield(L, 3, "die_with_parent"); dying = lua_toboolean(L, -1); lua_pop(L, 1);
  }
  char self[PATH_MAX], ppid[24];
  if (dying) {
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) return luaL_error(L, "vg.spawn: die_with_parent: /proc/self/exe: %s", strerror(errno));
    self[n] = '\0';
    snprintf(ppid, sizeof ppid, "%ld", (long)getpid());
  }
  int pre = dying ? 3 : 0;  /* self, TRAMPOLINE, ppid before cmd */
  char **argv = calloc((size_t)nargs + 2 + (size_t)pre, sizeof *argv);
  if (!argv) return luaL_error(L, "out of memory");
  if (dying) { argv[0] = self; argv[1] = (char *)TRAMPOLINE; argv[2] = ppid; }
  argv[pre] = (char *)cmd;
  for (int i = 1; i <= nargs; i++) {
    lua_rawgeti(L, 2, i);
    argv[pre + i] = (char *)lua_tostring(L, -1);  /* anchored in the args table */
    lua_pop(L, 1);
    if (!argv[pre + i]) { free(argv); return luaL_argerror(L, 2, "arguments must be strings"); }
  }
  spawn_req *r = calloc(1, sizeof *r);
  if (!r) { free(argv); return luaL_error(L, "out of memory"); }
  r->e = e;
  if (input) { r->input = malloc(input_len + 1); memcpy(r->input, input, input_len); r->input_len = input_len; }
  uv_pipe_init(e->loop, &r->out, 0);
  uv_pipe_init(e->loop, &r->err, 0);
  uv_pipe_init(e->loop, &r->in, 0);
  r->out.data = r->err.data = r->in.data = r->proc.data = r;
  uv_stdio_container_t stdio[3];
  stdio[0].flags = input ? (UV_CREATE_PIPE | UV_READABLE_PIPE) : UV_IGNORE;
  stdio[0].data.stream = (uv_stream_t *)&r->in;
  stdio[1].flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE;
  stdio[1].data.stream = (uv_stream_t *)&r->out;
  stdio[2].flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE;
  stdio[2].data.stream = (uv_stream_t *)&r->err;
  uv_process_options_t o;
  memset(&o, 0, sizeof o);
  o.file = dying ? self : cmd;
  o.args = argv;
  o.cwd = cwd;
  o.exit_cb = exit_cb;
  o.stdio = stdio;
  o.stdio_count = 3;
  int rc = uv_spawn(e->loop, &r->proc, &o);
  free(argv);
  r->started = 1;
  r->open_handles = 4;
  e->handle_count += 4;
  if (rc != 0) {
    spawn_free(r);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", cmd, uv_strerror(rc));
    lua_pushstring(L, uv_err_name(rc));
    return 3;
  }
  uv_read_start((uv_stream_t *)&r->out, alloc_cb, read_cb);
  uv_read_start((uv_stream_t *)&r->err, alloc_cb, read_cb);
  if (input) {
    uv_buf_t b = uv_buf_init(r->input, (unsigned)r->input_len);
    r->wreq.data = r;
    uv_write(&r->wreq, (uv_stream_t *)&r->in, &b, 1, write_cb);
  }
  r->a = vgl_await_new(L, spawn_push, spawn_cancel, spawn_free, r);
  return vgl_await_yield(L, r->a);
}

/* ---- vgl_work: the libuv thread pool ------------------------------------ */
typedef struct work_req {
  uv_work_t req;
  vgl_await *a;
  void (*work)(void *);
  vgl_push_fn push;
  void (*free_data)(void *);
  void (*cancel)(void *);
  void *data;
  int finished;
} work_req;

static void work_run(uv_work_t *w) {
  work_req *r = w->data;
  r->work(r->data);
}

static void work_after(uv_work_t *w, int status) {
  work_req *r = w->data;
  r->finished = 1;
  /* events the work posted arrive before its completion */
  vg__events_drain(r->a->e);
  if (status == UV_ECANCELED) vgl_await_fail(r->a, "cancelled");
  else vgl_await_complete(r->a);
}

static int work_push(lua_State *L, void *data) {
  work_req *r = data;
  return r->push ? r->push(L, r->data) : 0;
}

static void work_cancel(void *data) {
  work_req *r = data;
  if (r->cancel) r->cancel(r->data);  /* tells running work to stop */
  uv_cancel((uv_req_t *)&r->req);     /* stops work not yet started */
}

static void work_free(void *data) {
  work_req *r = data;
  if (r->free_data) r->free_data(r->data);
  free(r);
}

int vgl_work(lua_State *L, void (*work)(void *), vgl_push_fn push, void (*free_data)(void *), void *data) {
  return vgl_work_ex(L, work, push, free_data, NULL, data);
}

int vgl_work_ex(lua_State *L, void (*work)(void *), vgl_push_fn push, void (*free_data)(void *),
                void (*cancel)(void *), void *data) {
  vg_engine *e = vgl_engine(L);
  if (!vgl__in_fiber(L) && e->loop_depth > 0 && free_data) free_data(data);
  check_can_wait(L, e);
  work_req *r = calloc(1, sizeof *r);
  if (!r) { if (free_data) free_data(data); return luaL_error(L, "out of memory"); }
  r->work = work; r->push = push; r->free_data = free_data; r->cancel = cancel; r->data = data;
  r->req.data = r;
  r->a = vgl_await_new(L, work_push, work_cancel, work_free, r);
  int rc = uv_queue_work(e->loop, &r->req, work_run, work_after);
  if (rc != 0) vgl_await_fail(r->a, uv_strerror(rc));
  return vgl_await_yield(L, r->a);
}

void vgl__register_await_functions(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"go", l_go},
    {"suspend", l_suspend},
    {"wake", l_wake},
    {"in_fiber", l_in_fiber},
    {"running_fiber", l_running_fiber},
    {"fiber_sink", l_fiber_sink},
    {"uncaught_errors", l_uncaught_errors},
    {"cancel_fiber", l_cancel_fiber},
    {"sleep", l_sleep},
    {"spawn", l_spawn},
    {NULL, NULL},
  };
  luaL_setfuncs(L, fns, 0);
}
