/* luabridge.c: how the engine meets Lua. The single protected call with a
 * traceback, counted registry refs, the interrupt hook, and the set-up of a
 * state: built-in Lua sources and binding modules in package.preload, and
 * the `vg.core` table of C primitives the Lua half is written on. */
#include "lua_private.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

static const char ENGINE_KEY[] = "vg.engine";

vg_engine *vgl_engine(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_KEY);
  vg_engine *e = lua_touserdata(L, -1);
  lua_pop(L, 1);
  if (!e) luaL_error(L, "vg: this Lua state has no engine");
  return e;
}

static int msghandler(lua_State *L) {
  size_t n = 0;
  const char *msg = lua_tolstring(L, 1, &n);
  if (msg && strlen(msg) < n) {
    /* the traceback is built from a C string: a NUL (a document's byte in
     * a message) would end it there, so it is shown as \x00 first */
    char *shown = vg_shown_text_len(msg, n);
    if (shown) { lua_pushstring(L, shown); free(shown); msg = lua_tostring(L, -1); }
  }
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

int vgl_pcall(lua_State *L, int nargs, int nresults) {
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, msghandler);
  lua_insert(L, base);
  int st = lua_pcall(L, nargs, nresults, base);
  lua_remove(L, base);
  return st;
}

int vgl_ref(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  int r = luaL_ref(L, LUA_REGISTRYINDEX);
  if (r != LUA_REFNIL && r != LUA_NOREF) e->ref_count++;
  return r;
}

void vgl_unref(lua_State *L, int ref) {
  if (ref == LUA_NOREF || ref == LUA_REFNIL) return;
  vg_engine *e = vgl_engine(L);
  luaL_unref(L, LUA_REGISTRYINDEX, ref);
  e->ref_count--;
}

/* ---- interrupting Lua code (as lua.c: a hook set from the signal handler)
 * Hooks belong to one thread (coroutine), so the handler arms it on the
 * thread running at that moment (engine.c, e->running). Code that was not
 * running is not interrupted: a task waiting sees "cancelled" where it
 * waits, and may still clean up. */
static const char INTERRUPTED[] = "interrupted!";

/* The orchestrator's bookkeeping (stage status, state files, event
 * dispatch) is never cut in half, or a cancelled task could be recorded as
 * failed or not saved at all: there the hook waits for the next instruction
 * of any other code. That code is short and always ends. */
static vg_engine *hook_engine_of(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_KEY);
  vg_engine *e = lua_touserdata(L, -1);
  lua_pop(L, 1);
  return e;
}

static int in_bookkeeping(lua_State *L, lua_Debug *ar) {
  if (!lua_getinfo(L, "S", ar) || ar->source[0] != '@') return 0;
  static const char *const files[] = { "vg/pipeline.lua", "vg/events.lua", "vg/state.lua", NULL };
  size_t n = strlen(ar->source);
  for (int i = 0; files[i]; i++) {
    size_t k = strlen(files[i]);
    if (n > k && strcmp(ar->source + n - k, files[i]) == 0 &&
        (ar->source[n - k - 1] == '/' || ar->source[n - k - 1] == '@'))
      return 1;
  }
  return 0;
}

static void interrupt_hook(lua_State *L, lua_Debug *ar) {
  lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_KEY);
  vg_engine *e = lua_touserdata(L, -1);
  lua_pop(L, 1);
  if (!e || !e->interrupted) {   /* stale: the interrupt was cleared (REPL) */
    vgl__hook_rest(L);
    return;
  }
  if (in_bookkeeping(L, ar)) return;   /* stays armed */
  vgl__hook_rest(L);
  vgl__raise_interrupted(e, L);
}

int vgl__raise_interrupted(vg_engine *e, lua_State *L) {
  /* The tasks are marked cancelled before the error unwinds the stage, so
   * the pipeline records "cancelled", not a failure (the loop, busy until
   * now, cancels their waits when it runs again). */
  vgl__push_cancel_all(e, L);
  if (lua_isfunction(L, -1)) {
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) lua_pop(L, 1);
  } else {
    lua_pop(L, 1);
  }
  return luaL_error(L, "%s", INTERRUPTED);
}

void vgl__interrupt_hook_arm(lua_State *L) {
  /* a count of 1: the very next instruction, wherever it is */
  lua_sethook(L, interrupt_hook, LUA_MASKCOUNT, 1);
}

/* A fiber that waits with a bare coroutine.yield() (a poll loop, not
 * vg.sleep) has no wait of vgrun's to raise in: told to stop, it raises its
 * stop message at the first instruction after the yield, or a poll for what
 * a failed fiber was to deliver would turn forever; after SIGINT/SIGTERM it
 * raises "cancelled", as a wait does, or the loop would never end. */
static const char *stop_message(vg_engine *e, lua_State *L) {
  const char *stop = e ? vgl__fiber_stop(e, L) : NULL;
  return stop ? stop : e && e->cancel_pending ? "cancelled" : NULL;
}

int vgl__must_stop(vg_engine *e, lua_State *co) { return stop_message(e, co) != NULL; }

static void stop_hook(lua_State *L, lua_Debug *ar) {
  vg_engine *e = hook_engine_of(L);
  const char *stop = stop_message(e, L);
  if (!stop) { vgl__hook_rest(L); return; }   /* cleared meanwhile */
  if (in_bookkeeping(L, ar)) return;          /* stays armed */
  vgl__hook_rest(L);
  lua_pushstring(L, stop);
  lua_error(L);
}

void vgl__stop_hook_arm(lua_State *co) {
  lua_sethook(co, stop_hook, LUA_MASKCOUNT, 1);
}


/* ---- the watch: Lua that holds the loop (vg.core.set_run_limit) ----------
 * A server runs its clients' tasks, and the operator's plug-ins in them, on
 * its one loop: a plug-in's stage or listener that never ends (`while true
 * do end`) would hold every request and the stop for good. With the watch
 * on, every thread has a count hook that looks at the clock every
 * WATCH_COUNT instructions (threads inherit it from the thread that makes
 * them); a run (Lua entered from the loop, e->run_started) that passed the
 * limit gets "FILE:LINE: ran N s without yielding" where it is. Code that
 * catches every error (`while true do pcall(f) end`) gets it again at each
 * of its instructions until the error has reached vgrun's own frame below
 * it (the pipeline, the event dispatch, a reader's caller), which records
 * it; what runs after has a clock of its own. */
#define WATCH_COUNT 100000
static const char OVERRUN[] = " s without yielding";

static void watch_hook(lua_State *L, lua_Debug *ar);

/* vgrun's own Lua (lua/vg/, built in or from VGRUN_LUA_DIR): it yields
 * scene by scene and always ends; a long stretch of it is a long call in C
 * (a very large document's model), never stopped. The watch stops the
 * rest: plug-ins, scripts. */
static int built_in(lua_State *L, lua_Debug *ar) {
  if (!lua_getinfo(L, "S", ar) || ar->source[0] != '@') return 0;
  const char *src = ar->source + 1;
  if (strncmp(src, "lua/vg/", 7) == 0) return 1;
  const char *dir = getenv("VGRUN_LUA_DIR");
  size_t k = dir ? strlen(dir) : 0;
  return k > 0 && strncmp(src, dir, k) == 0 && strncmp(src + k, "/vg/", 4) == 0;
}

static vg_engine *hook_engine(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_KEY);
  vg_engine *e = lua_touserdata(L, -1);
  lua_pop(L, 1);
  return e;
}

void vgl__hook_rest(lua_State *L) {
  vg_engine *e = hook_engine(L);
  if (e && e->lua && e->lua->watch_ns) lua_sethook(L, watch_hook, LUA_MASKCOUNT, WATCH_COUNT);
  else lua_sethook(L, NULL, 0, 0);
}

/* the height (frames from the bottom) of the nearest frame of vgrun's own
 * Lua below the code stopped, 0 if none */
static int built_in_height(lua_State *L) {
  lua_Debug d;
  int n = 0;
  while (lua_getstack(L, n, &d)) n++;
  for (int level = 0; level < n; level++)
    if (lua_getstack(L, level, &d) && built_in(L, &d)) return n - level;
  return 0;
}

static int stack_height(lua_State *L) {
  lua_Debug d;
  int n = 0;
  while (lua_getstack(L, n, &d)) n++;
  return n;
}

/* "FILE:LINE: ran N s without yielding": in a hook, level 0 is the code
 * that runs (the hook has no frame of its own) */
static void raise_overrun(lua_State *L, double secs) {
  char msg[64];
  snprintf(msg, sizeof msg, "ran %.1f%s", secs, OVERRUN);
  luaL_where(L, 0);
  lua_pushstring(L, msg);
  lua_concat(L, 2);
  lua_error(L);
}

static void watch_hook(lua_State *L, lua_Debug *ar) {
  vg_engine *e = hook_engine(L);
  vgl_bridge *b = e ? e->lua : NULL;
  if (!b || !b->watch_ns) { lua_sethook(L, NULL, 0, 0); return; }
  b->watch_checks++;
  if (b->over_thread == L && lua_gethookcount(L) == 1) {
    /* stopped: until the error reaches vgrun's own code below it */
    int own = built_in(L, ar);
    if (own && stack_height(L) <= b->over_base) {
      b->over_thread = NULL;
      vgl__hook_rest(L);
      return;
    }
    if (own) return;
    raise_overrun(L, (double)b->watch_ns / 1e9);
    return;
  }
  if (lua_gethookcount(L) != WATCH_COUNT) vgl__hook_rest(L);  /* a stopped thread's, inherited */
  if (!e->run_started) return;
  uint64_t now = uv_hrtime();
  if (now - e->run_started < b->watch_ns) return;
  if (built_in(L, ar)) return;  /* the next look may land in the code that holds the loop */
  double secs = (double)(now - e->run_started) / 1e9;
  b->overruns++;
  e->run_started = now;
  b->over_thread = L;
  b->over_base = built_in_height(L);
  lua_sethook(L, watch_hook, LUA_MASKCOUNT, 1);
  raise_overrun(L, secs);
}

int vgl__is_overrun(lua_State *L, int idx) {
  const char *msg = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : NULL;
  return msg && strstr(msg, OVERRUN) != NULL;
}

/* vg.core.set_run_limit(seconds): the watch on (0: off) for every thread
 * made from now on and this one. vg.core.set_run_limit() -> {limit=,
 * checks=, overruns=}. */
static int l_set_run_limit(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  vgl_bridge *b = e->lua;
  if (!lua_isnoneornil(L, 1)) {
    double s = luaL_checknumber(L, 1);
    luaL_argcheck(L, s >= 0 && s <= 86400, 1, "seconds from 0 to 86400 expected");
    b->watch_ns = (uint64_t)(s * 1e9);
    vgl__hook_rest(L);
    lua_State *main = b->L;
    if (main && main != L) vgl__hook_rest(main);
  }
  lua_createtable(L, 0, 3);
  lua_pushnumber(L, (double)b->watch_ns / 1e9); lua_setfield(L, -2, "limit");
  lua_pushinteger(L, (lua_Integer)b->watch_checks); lua_setfield(L, -2, "checks");
  lua_pushinteger(L, b->overruns); lua_setfield(L, -2, "overruns");
  return 1;
}

/* vg.core.is_overrun(err): true when err is the watch's error. */
static int l_is_overrun(lua_State *L) {
  lua_pushboolean(L, vgl__is_overrun(L, 1));
  return 1;
}

int vgl__is_interrupt(lua_State *L, int idx) {
  size_t n, k = sizeof INTERRUPTED - 1;
  const char *msg = lua_type(L, idx) == LUA_TSTRING ? lua_tolstring(L, idx, &n) : NULL;
  return msg && n >= k && strcmp(msg + n - k, INTERRUPTED) == 0;
}

/* vg.core.is_interrupt(err): true when err is the error Ctrl-C raised. */
static int l_is_interrupt(lua_State *L) {
  lua_pushboolean(L, vgl__is_interrupt(L, 1));
  return 1;
}

/* coroutine.resume and coroutine.wrap, as the vgrun program installs them:
 * the same functions, and the engine knows which coroutine runs, so Ctrl-C
 * reaches a busy loop inside a coroutine that a stage resumed. */
static int track_call(lua_State *L, lua_State *co, int fidx) {
  lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_KEY);
  vg_engine *e = lua_touserdata(L, -1);
  lua_pop(L, 1);
  int before = e ? e->interrupted : 0;
  lua_State *was = e && co ? vg__set_running(e, co) : NULL;
  int st = lua_pcall(L, lua_gettop(L) - fidx, LUA_MULTRET, 0);
  if (e && co) {
    vg__set_running(e, was);
    /* Ctrl-C came while the coroutine ran: its resumer was running too (a
     * loop that resumes it and ignores the failure must stop as well) */
    if (!before && e->interrupted && was) vgl__interrupt_hook_arm(was);
  }
  if (st != LUA_OK) return lua_error(L);   /* the same error object, raised on */
  return lua_gettop(L) - fidx + 1;
}

static int co_resume(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTHREAD);
  lua_State *co = lua_tothread(L, 1);
  lua_pushvalue(L, lua_upvalueindex(1));   /* the original coroutine.resume */
  lua_insert(L, 1);
  return track_call(L, co, 1);
}

static int co_wrapped(lua_State *L) {
  lua_State *co = lua_tothread(L, lua_upvalueindex(2));
  lua_pushvalue(L, lua_upvalueindex(1));   /* the function coroutine.wrap made */
  lua_insert(L, 1);
  return track_call(L, co, 1);
}

static int co_wrap(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_pushvalue(L, lua_upvalueindex(1));   /* the original coroutine.wrap */
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  /* Lua's wrap keeps the coroutine as the closure's first upvalue */
  if (!lua_iscfunction(L, -1) || !lua_getupvalue(L, -1, 1)) return 1;
  if (!lua_isthread(L, -1)) { lua_pop(L, 1); return 1; }
  lua_pushcclosure(L, co_wrapped, 2);
  return 1;
}

void vgl__track_coroutines(lua_State *L) {
  lua_getglobal(L, "coroutine");
  if (!lua_istable(L, -1)) { lua_pop(L, 1); return; }
  lua_getfield(L, -1, "resume");
  if (lua_iscfunction(L, -1)) {
    lua_pushcclosure(L, co_resume, 1);
    lua_setfield(L, -2, "resume");
  } else {
    lua_pop(L, 1);
  }
  lua_getfield(L, -1, "wrap");
  if (lua_iscfunction(L, -1)) {
    lua_pushcclosure(L, co_wrap, 1);
    lua_setfield(L, -2, "wrap");
  } else {
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* ---- package.preload ----------------------------------------------------- */
static int load_embedded(lua_State *L) {
  const vg_lua_source *src = lua_touserdata(L, lua_upvalueindex(1));
  /* development: VGRUN_LUA_DIR=lua loads the source tree instead */
  const char *dir = getenv("VGRUN_LUA_DIR");
  int st;
  if (dir && *dir) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, src->chunkname + 5); /* skip "@lua/" */
    st = luaL_loadfile(L, path);
  } else {
    st = luaL_loadbuffer(L, src->code, src->len, src->chunkname);
  }
  if (st != LUA_OK) return lua_error(L);
  lua_pushstring(L, src->module);
  lua_call(L, 1, 1);
  return 1;
}

/* vg.core.code_id: the code that makes pictures and sounds (cmake/code_id_run.cmake
 * hashes the sources at build time). With VGRUN_LUA_DIR the Lua half is read
 * from disk, so its files join the hash: an edited layout never reuses the
 * pictures cached by the code before the edit. */
extern const char vg_code_id[];

static void push_code_id(lua_State *L) {
  const char *dir = getenv("VGRUN_LUA_DIR");
  if (!dir || !*dir) {
    lua_pushstring(L, vg_code_id);
    return;
  }
  vg_hash h;
  vg_hash_init(&h);
  vg_hash_str(&h, vg_code_id);
  char path[PATH_MAX], buf[16384];
  for (const vg_lua_source *s = vg_lua_sources; s->module; s++) {
    snprintf(path, sizeof path, "%s/%s", dir, s->chunkname + 5); /* skip "@lua/" */
    vg_hash_str(&h, s->chunkname);
    FILE *f = fopen(path, "rb");
    if (!f) continue; /* loading it will say why */
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) vg_hash_update(&h, buf, n);
    fclose(f);
  }
  char hex[65];
  vg_hash_final(&h, hex);
  hex[32] = '\0';
  lua_pushstring(L, hex);
}

static void set_preloads(lua_State *L) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  for (const vg_lua_source *s = vg_lua_sources; s->module; s++) {
    lua_pushlightuserdata(L, (void *)s);
    lua_pushcclosure(L, load_embedded, 1);
    lua_setfield(L, -2, s->module);
  }
  for (const vg_builtin_module *m = vg_builtin_modules; m->name; m++) {
    lua_pushcfunction(L, m->open);
    lua_pushfstring(L, "vg.%s", m->name);
    lua_insert(L, -2);
    lua_settable(L, -3);
  }
  lua_pushcfunction(L, vgl__open_core);
  lua_setfield(L, -2, "vg.core");
  lua_pop(L, 1);
}

static void warnf(void *ud, const char *msg, int tocont) {
  static int on = 1, cont = 0;
  (void)ud;
  if (!cont && msg[0] == '@') {
    if (strcmp(msg, "@off") == 0) on = 0;
    else if (strcmp(msg, "@on") == 0) on = 1;
    return;
  }
  if (!on) return;
  if (!cont) fputs("vgrun: warning: ", stderr);
  /* warn() text and errors in __gc carry what Lua code quoted */
  char *shown = vg_shown_text(msg);
  fputs(shown ? shown : "?", stderr);
  free(shown);
  if (!tocont) fputc('\n', stderr);
  cont = tocont;
}

/* VGRUN_SHUFFLE_PAIRS=N (a test's knob): pairs() visits the keys whose
 * order Lua leaves to chance (strings, whose hash Lua seeds with the time and
 * addresses at every start, and tables, functions, userdata, keyed by
 * address) in an order shuffled with seed N (the strings sorted first, so one
 * N gives one order of them on every run); integer and other keys keep
 * theirs. Output that changes with N depends on that order, which differs
 * from run to run in a real run too (tests/quality/determinism.sh). */
static const char SHUFFLE_PAIRS[] =
  "local seed, rawnext, rawget, type = math.tointeger(tonumber(...)) or 1, next, rawget, type\n"
  "local state = seed\n"
  "local getmt = getmetatable\n"
  "local function rand(n) state = (state * 1103515245 + 12345) % 2147483648; return state % n + 1 end\n"
  "local chance = { string = true, table = true, ['function'] = true, userdata = true, thread = true }\n"
  "function pairs(t)\n"
  "  local mt = getmt(t)\n"
  "  if type(mt) == 'table' and mt.__pairs then return mt.__pairs(t) end\n"
  "  if type(t) ~= 'table' then return rawnext, t, nil end\n"
  "  local keys, at = {}, {}\n"
  "  for k in rawnext, t do keys[#keys + 1] = k; if chance[type(k)] then at[#at + 1] = #keys end end\n"
  "  local pick, n = {}, #at\n"
  "  for i = 1, n do pick[i] = keys[at[i]] end\n"
  "  table.sort(pick, function(a, b) local sa, sb = type(a) == 'string', type(b) == 'string'\n"
  "    if sa and sb then return a < b end return sa and not sb end)\n"
  "  state = seed\n"
  "  for i = n, 2, -1 do local j = rand(i); pick[i], pick[j] = pick[j], pick[i] end\n"
  "  for i = 1, n do keys[at[i]] = pick[i] end\n"
  "  local i = 0\n"
  "  return function()\n"
  "    while true do\n"
  "      i = i + 1\n"
  "      local k = keys[i]\n"
  "      if k == nil then return nil end\n"
  "      local v = rawget(t, k)\n"
  "      if v ~= nil then return k, v end\n"
  "    end\n"
  "  end, t, nil\n"
  "end\n";

void vgl__setup_state(vg_engine *e, lua_State *L) {
  const char *shuffle = getenv("VGRUN_SHUFFLE_PAIRS");
  if (shuffle && *shuffle) {
    if (luaL_loadbufferx(L, SHUFFLE_PAIRS, sizeof SHUFFLE_PAIRS - 1, "=shuffle_pairs", "t") == LUA_OK) {
      lua_pushstring(L, shuffle);
      if (lua_pcall(L, 1, 0, 0) != LUA_OK) lua_pop(L, 1);
    } else {
      lua_pop(L, 1);
    }
  }
  lua_pushlightuserdata(L, e);
  lua_setfield(L, LUA_REGISTRYINDEX, ENGINE_KEY);
  /* errors inside __gc metamethods are seen, not lost */
  lua_setwarnf(L, warnf, NULL);
  vgl__setup_json(L);
  set_preloads(L);
}

/* ---- vg.core: the C primitives under lua/vg ------------------------------ */
static int l_isatty(lua_State *L) {
  lua_pushboolean(L, isatty((int)luaL_checkinteger(L, 1)));
  return 1;
}

static int l_now(lua_State *L) {
  lua_pushnumber(L, vg__now());
  return 1;
}

static int l_hrtime(lua_State *L) {
  lua_pushnumber(L, (double)uv_hrtime() / 1e9);
  return 1;
}

static int l_interrupted(lua_State *L) {
  lua_pushboolean(L, vgl_engine(L)->interrupted != 0);
  return 1;
}

/* The REPL and the CLI run chunks through this: SIGINT stops the chunk with
 * "interrupted!" and the flag is cleared for the next chunk. */
static int l_interruptible_pcall(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  int n = lua_gettop(L);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State *was = vg__set_running(e, L);
  int st = vgl_pcall(L, n - 1, LUA_MULTRET);
  vg__set_running(e, was);
  if (!was) vgl__hook_rest(L);
  lua_pushboolean(L, st == LUA_OK);
  lua_insert(L, 1);
  return lua_gettop(L);
}

/* vg.core.finish_on_interrupt(): from now on a signal that comes while an
 * interrupt is handled lets the program's stop go on (its own Lua sees
 * "interrupted!" again once it cleared the first); five such signals still
 * end the process. For a program whose stop saves what it holds. */
static int l_finish_on_interrupt(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  if (lua_gettop(L) == 0) e->finish_on_interrupt = 1;
  lua_pushboolean(L, e->finish_on_interrupt);   /* (an argument: only asks) */
  return 1;
}

/* vg.core.with_memory_limit(bytes, fn, ...) -> true, fn's results | false,
 * error: fn runs with at most `bytes` more memory than the state holds now
 * (the allocator is swapped for the call). For code read from a file that
 * must stay small (the config file): one `("x"):rep(2^33)` is a memory
 * error at once, not gigabytes written in one C call no signal can stop. */
typedef struct { lua_Alloc f; void *ud; long long used, limit; } mem_cap;

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  mem_cap *m = ud;
  long long old = ptr ? (long long)osize : 0;
  if ((long long)nsize > old && m->used + ((long long)nsize - old) > m->limit) return NULL;
  void *r = m->f(m->ud, ptr, osize, nsize);
  if (r || nsize == 0) m->used += (long long)nsize - old;
  return r;
}

static int l_with_memory_limit(lua_State *L) {
  lua_Integer limit = luaL_checkinteger(L, 1);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  mem_cap m = { .used = 0, .limit = limit > 0 ? (long long)limit : 0 };
  m.f = lua_getallocf(L, &m.ud);
  int base = 1;   /* results go after the limit */
  lua_setallocf(L, capped_alloc, &m);
  int st = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
  lua_setallocf(L, m.f, m.ud);
  lua_pushboolean(L, st == LUA_OK);
  lua_replace(L, base);
  return lua_gettop(L);
}

static int l_clear_interrupt(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  e->interrupted = 0;
  e->cancel_pending = 0;
  vgl__hook_rest(L);   /* hooks left on fibers disarm themselves */
  return 0;
}

/* vg.core.run_once(): one turn of the loop, for waits outside any fiber.
 * Returns false when nothing is left that could ever run. */
static int l_run_once(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  if (e->loop_depth > 0) return luaL_error(L, "cannot wait here: call it from a stage, a task, or vg.go(function)");
  int alive = vg__run_loop_once(e);
  lua_pushboolean(L, alive != 0 || e->n_awaits > 0);
  return 1;
}

/* vg.core.run_pending(): runs the loop until no fiber is left (tasks
 * started and never waited for still finish before the program exits). */
static int l_run_pending(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  if (e->loop_depth > 0) return 0;
  while (e->n_fibers > 0 && vg__run_loop_once(e) != 0) {}
  return 0;
}

static int l_counts(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  /* let pending close callbacks run, so closed handles are not counted */
  if (e->loop_depth == 0) uv_run(e->loop, UV_RUN_NOWAIT);
  lua_createtable(L, 0, 4);
  lua_pushinteger(L, e->ref_count); lua_setfield(L, -2, "refs");
  lua_pushinteger(L, vg_engine_handle_count(e)); lua_setfield(L, -2, "handles");
  lua_pushinteger(L, e->n_fibers); lua_setfield(L, -2, "fibers");
  lua_pushinteger(L, e->n_awaits); lua_setfield(L, -2, "awaits");
  return 1;
}

static int l_state_dir(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  if (lua_isstring(L, 1)) {
    vg__resolve_state_dir(e, vgl_check_path(L, 1));
  }
  lua_pushstring(L, e->state_dir);
  return 1;
}

/* Engine limits with table idx (nil: none) over them, into *out: 0, or
 * nil + message naming the bad key pushed and -1. */
static int limits_over(lua_State *L, int idx, vg_limits *out) {
  *out = *vg_engine_limits(vgl_engine(L));
  if (lua_isnoneornil(L, idx)) return 0;
  char err[256] = "limits must be a table of numbers";
  int rc = -1;
  if (lua_istable(L, idx)) {
    cJSON *o = vgl_to_json(L, idx, err, sizeof err);
    rc = o ? vg_limits_apply(out, o, err, sizeof err) : -1;
    cJSON_Delete(o);
  }
  if (rc == 0) return 0;
  lua_pushnil(L);
  lua_pushstring(L, err);
  return -1;
}

/* vg.core.limits([t]): the engine's limits as a table; with t, the fields
 * of t set for every task started from now on. nil, message on a bad one. */
static int l_limits(lua_State *L) {
  vg_limits l;
  if (limits_over(L, 1, &l) != 0) return 2;
  if (!lua_isnoneornil(L, 1)) vg_engine_set_limits(vgl_engine(L), &l);
  cJSON *o = vg_limits_to_json(&l);
  vgl_push_json(L, o);
  cJSON_Delete(o);
  return 1;
}

/* vg.core.limits_over(t): the engine's limits with t over them, as a task
 * would run with them; the engine keeps its own. nil, message on a bad one. */
static int l_limits_over(lua_State *L) {
  vg_limits l;
  if (limits_over(L, 1, &l) != 0) return 2;
  cJSON *o = vg_limits_to_json(&l);
  vgl_push_json(L, o);
  cJSON_Delete(o);
  return 1;
}

/* vg.core.on_cancel_all(fn): what marks every task cancelled when the
 * engine cancels all (SIGINT, vg_engine_cancel_all). The core calls it
 * through its cancel hook; a Lua half that still plants the function in
 * the registry as "vg.cancel_all" keeps working. */
static int l_on_cancel_all(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  if (e->lua->cancel_all_ref != LUA_NOREF) luaL_unref(L, LUA_REGISTRYINDEX, e->lua->cancel_all_ref);
  lua_pushvalue(L, 1);
  /* not a counted ref: it lives as long as the engine */
  e->lua->cancel_all_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

static int l_getpid(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)uv_os_getpid());
  return 1;
}

static int l_kill(lua_State *L) {
  int pid = (int)luaL_checkinteger(L, 1);
  int sig = (int)luaL_optinteger(L, 2, SIGTERM);
  int r = uv_kill(pid, sig);
  if (r != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", uv_err_name(r), uv_strerror(r));
    lua_pushstring(L, uv_err_name(r));
    return 3;
  }
  lua_pushboolean(L, 1);
  return 1;
}

static int l_realpath(lua_State *L) {
  const char *p = vgl_check_path(L, 1);
  char buf[PATH_MAX];
  if (!realpath(p, buf)) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", p, strerror(errno));
    return 2;
  }
  lua_pushstring(L, buf);
  return 1;
}

/* vg.core.shown_name(name) -> name with control characters as \xNN and
 * backslashes doubled, for messages (vg_shown_name); vg.core.shown_text(msg)
 * -> a message's control characters as \xNN, its lines kept (vg_shown_text). */
static int push_shown(lua_State *L, char *s) {
  if (!s) return luaL_error(L, "out of memory");
  lua_pushstring(L, s);
  free(s);
  return 1;
}
/* by length: a NUL in a Lua string is shown as \x00, the rest kept */
static int l_shown_name(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  return push_shown(L, vg_shown_name_len(s, n));
}
static int l_shown_text(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  return push_shown(L, vg_shown_text_len(s, n));
}

/* vg.core.disk_free(path) -> bytes an unprivileged process may still
 * write on path's file system, or nil, "path: reason" (vgrun serve keeps
 * room on its data folder's disk). */
static int l_disk_free(lua_State *L) {
  const char *p = vgl_check_path(L, 1);
  struct statvfs sv;
  if (statvfs(p, &sv) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", p, strerror(errno));
    return 2;
  }
  double bytes = (double)sv.f_bavail * (double)sv.f_frsize;
  lua_pushinteger(L, bytes >= 9.2e18 ? LUA_MAXINTEGER : (lua_Integer)bytes);
  return 1;
}

/* vg.core.stat(path [, nofollow]) -> { type = "file"|"dir"|"link"|"fifo"|"other",
 * dev, ino, size, nlink, mine } or nil, "path: reason" (mine: owned by the effective user). dev + ino tell whether two
 * paths are one file (hard links), which realpath cannot. Never opens it. */
static int l_stat(lua_State *L) {
  const char *p = vgl_check_path(L, 1);
  struct stat st;
  if ((lua_toboolean(L, 2) ? lstat(p, &st) : stat(p, &st)) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", p, strerror(errno));
    return 2;
  }
  const char *type = S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "dir"
    : S_ISLNK(st.st_mode) ? "link" : S_ISFIFO(st.st_mode) ? "fifo" : "other";
  lua_createtable(L, 0, 7);
  lua_pushstring(L, type); lua_setfield(L, -2, "type");
  lua_pushinteger(L, (lua_Integer)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec);
  lua_setfield(L, -2, "mtime_ns");
  /* the kernel's own: no one but root sets it back (claim records, outputs.lua) */
  lua_pushinteger(L, (lua_Integer)st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec);
  lua_setfield(L, -2, "ctime_ns");
  lua_pushinteger(L, (lua_Integer)st.st_dev); lua_setfield(L, -2, "dev");
  lua_pushinteger(L, (lua_Integer)st.st_ino); lua_setfield(L, -2, "ino");
  lua_pushinteger(L, (lua_Integer)st.st_size); lua_setfield(L, -2, "size");
  lua_pushinteger(L, (lua_Integer)st.st_nlink); lua_setfield(L, -2, "nlink");
  /* whether the user who runs vgrun owns it (vg.repository: a .git of another's) */
  lua_pushboolean(L, st.st_uid == geteuid()); lua_setfield(L, -2, "mine");
  return 1;
}

static int l_cwd(lua_State *L) {
  char buf[PATH_MAX];
  size_t n = sizeof buf;
  if (uv_cwd(buf, &n) != 0) return 0;
  lua_pushstring(L, buf);
  return 1;
}

static int l_chdir(lua_State *L) {
  int r = uv_chdir(vgl_check_path(L, 1));
  if (r != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", lua_tostring(L, 1), uv_strerror(r));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

static int l_write_atomic(lua_State *L) {
  size_t n;
  const char *path = vgl_check_path(L, 1);
  const char *data = luaL_checklstring(L, 2, &n);
  if (vg_write_file_atomic(path, data, n) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* vg.core.commit_file(tmp, path) -> true | nil, message: publishes a
 * finished file durably (vg_commit_file), e.g. a thumbnail written beside
 * its final name. */
static int l_commit_file(lua_State *L) {
  const char *tmp = vgl_check_path(L, 1);
  const char *path = vgl_check_path(L, 2);
  if (vg_commit_file(tmp, path) != 0) return vgl_failf(L, NULL, "%s: %s", path, strerror(errno));
  lua_pushboolean(L, 1);
  return 1;
}

/* A file opened by vg.core.open_regular is an ordinary io file. */
static int regular_close(lua_State *L) {
  luaL_Stream *p = luaL_checkudata(L, 1, LUA_FILEHANDLE);
  int ok = fclose(p->f) == 0;
  return luaL_fileresult(L, ok, NULL);
}

/* vg.core.open_regular(path [, nofollow]) -> file | nil, "PATH: reason", kind
 * Reading a path the user named: only a regular file is opened (a FIFO
 * would block forever). kind: "missing", "directory", "link", "special"
 * (FIFO, socket, device) or "error". */
static int l_open_regular(lua_State *L) {
  const char *path = vgl_check_path(L, 1);
  int flags = lua_toboolean(L, 2) ? VG_OPEN_NOFOLLOW : 0;
  if (luaL_getmetatable(L, LUA_FILEHANDLE) != LUA_TTABLE)
    return luaL_error(L, "open_regular: the io library is not loaded");
  lua_pop(L, 1);
  luaL_Stream *p = lua_newuserdatauv(L, sizeof *p, 0);
  p->closef = NULL;  /* a closed file until it is open */
  p->f = NULL;
  luaL_setmetatable(L, LUA_FILEHANDLE);
  const char *why = NULL;
  p->f = vg_fopen_regular(path, flags, &why);
  if (!p->f) {
    int err = errno;
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, why ? why : strerror(err));
    lua_pushstring(L, err == ENOENT || err == ENOTDIR ? "missing" : err == EISDIR ? "directory"
                      : err == ELOOP ? "link" : err == EINVAL ? "special" : "error");
    return 3;
  }
  p->closef = regular_close;
  return 1;
}

/* vg.core.mkdirs(path [, mode]): mode (default 0755) applies to the
 * folders it makes; a folder that exists keeps its own. */
static int l_mkdirs(lua_State *L) {
  const char *path = vgl_check_path(L, 1);
  lua_Integer mode = luaL_optinteger(L, 2, 0755);
  luaL_argcheck(L, mode >= 0 && mode <= 07777, 2, "a file mode (0 to 07777) expected");
  if (vg_mkdirs(path, (int)mode) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

static int l_json_encode(lua_State *L) {
  char err[256];
  luaL_checkany(L, 1);
  int pretty = lua_toboolean(L, 2);
  cJSON *j = vgl_to_json(L, 1, err, sizeof err);
  if (!j) return luaL_error(L, "vg.json.encode: %s", err);
  char *s = pretty ? cJSON_Print(j) : cJSON_PrintUnformatted(j);
  cJSON_Delete(j);
  if (!s) return luaL_error(L, "vg.json.encode: out of memory");
  lua_pushstring(L, s);
  cJSON_free(s);
  return 1;
}

static int l_json_decode(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *end = NULL;
  cJSON *j = cJSON_ParseWithLengthOpts(s, n + 1, &end, 1);  /* strict: nothing after the value */
  if (!j) {
    lua_pushnil(L);
    size_t off = end ? (size_t)(end - s) : 0;
    int line = 1;
    for (size_t i = 0; i < off && i < n; i++) if (s[i] == '\n') line++;
    lua_pushfstring(L, "invalid JSON at line %d (byte %d)", line, (int)off);
    return 2;
  }
  vgl_push_json(L, j);
  cJSON_Delete(j);
  return 1;
}

/* vg.core.remove_tree(path) -> true | nil, err: a folder and everything in
 * it (vg_remove_tree), synchronously, from any context */
static int l_remove_tree(lua_State *L) {
  const char *path = vgl_check_path(L, 1);
  if (vg_remove_tree(path) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* vg.core.scandir(path) -> { {name=, size=, mtime=, dir=bool}, ... } | nil, err */
static int l_scandir(lua_State *L) {
  const char *path = vgl_check_path(L, 1);
  uv_fs_t req;
  int n = uv_fs_scandir(NULL, &req, path, 0, NULL);
  if (n < 0) {
    uv_fs_req_cleanup(&req);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, uv_strerror(n));
    return 2;
  }
  lua_createtable(L, n, 0);
  uv_dirent_t ent;
  int i = 0;
  while (uv_fs_scandir_next(&req, &ent) != UV_EOF) {
    char full[PATH_MAX];
    snprintf(full, sizeof full, "%s/%s", path, ent.name);
    uv_fs_t st;
    int r = uv_fs_lstat(NULL, &st, full, NULL);
    lua_createtable(L, 0, 4);
    lua_pushstring(L, ent.name); lua_setfield(L, -2, "name");
    if (r == 0) {
      lua_pushinteger(L, (lua_Integer)st.statbuf.st_size); lua_setfield(L, -2, "size");
      lua_pushnumber(L, (double)st.statbuf.st_mtim.tv_sec + st.statbuf.st_mtim.tv_nsec / 1e9);
      lua_setfield(L, -2, "mtime");
      lua_pushboolean(L, (st.statbuf.st_mode & S_IFMT) == S_IFDIR); lua_setfield(L, -2, "dir");
    }
    uv_fs_req_cleanup(&st);
    lua_rawseti(L, -2, ++i);
  }
  uv_fs_req_cleanup(&req);
  return 1;
}

/* vg.core.sha256(s, ...) -> hex digest of the strings, each length-prefixed */
static int l_sha256(lua_State *L) {
  vg_hash h;
  vg_hash_init(&h);
  int n = lua_gettop(L);
  /* each string whole, length first (as vg_hash_str): a NUL inside one
   * does not end it, so "a\0b" and "a\0c" differ */
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_checklstring(L, i, &len);
    uint64_t n64 = len;
    vg_hash_update(&h, &n64, sizeof n64);
    vg_hash_update(&h, s, len);
  }
  char hex[65];
  vg_hash_final(&h, hex);
  lua_pushstring(L, hex);
  return 1;
}

int vgl__open_core(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"isatty", l_isatty},
    {"now", l_now},
    {"hrtime", l_hrtime},
    {"interrupted", l_interrupted},
    {"interruptible_pcall", l_interruptible_pcall},
    {"clear_interrupt", l_clear_interrupt},
    {"finish_on_interrupt", l_finish_on_interrupt},
    {"with_memory_limit", l_with_memory_limit},
    {"is_interrupt", l_is_interrupt},
    {"set_run_limit", l_set_run_limit},
    {"is_overrun", l_is_overrun},
    {"counts", l_counts},
    {"run_once", l_run_once},
    {"run_pending", l_run_pending},
    {"state_dir", l_state_dir},
    {"limits", l_limits},
    {"limits_over", l_limits_over},
    {"on_cancel_all", l_on_cancel_all},
    {"commit_file", l_commit_file},
    {"getpid", l_getpid},
    {"kill", l_kill},
    {"realpath", l_realpath},
    {"shown_name", l_shown_name},
    {"shown_text", l_shown_text},
    {"stat", l_stat},
    {"disk_free", l_disk_free},
    {"cwd", l_cwd},
    {"chdir", l_chdir},
    {"write_atomic", l_write_atomic},
    {"mkdirs", l_mkdirs},
    {"open_regular", l_open_regular},
    {"json_encode", l_json_encode},
    {"json_decode", l_json_decode},
    {"sha256", l_sha256},
    {"scandir", l_scandir},
    {"remove_tree", l_remove_tree},
    {NULL, NULL},
  };
  luaL_newlib(L, fns);
  lua_pushstring(L, VG_VERSION_STRING);
  lua_setfield(L, -2, "version");
  push_code_id(L);
  lua_setfield(L, -2, "code_id");
  /* JSON sentinels shared with vgl_push_json / vgl_to_json */
  lua_getfield(L, LUA_REGISTRYINDEX, "vg.null");
  lua_setfield(L, -2, "null");
  lua_getfield(L, LUA_REGISTRYINDEX, "vg.object_mt");
  lua_setfield(L, -2, "object_mt");
  lua_getfield(L, LUA_REGISTRYINDEX, "vg.array_mt");
  lua_setfield(L, -2, "array_mt");
  vgl__register_await_functions(L);
  vgl__register_event_functions(L);
  vgl__register_state_functions(L);
  vgl__register_stage_functions(L);
  vgl__register_cache_functions(L);
  return 1;
}
