/* vg_lua.h: the engine's Lua bridge, for C code that binds things to Lua
 * (the engine's own `vg` core and the binding modules of stages/).
 * Prefix vgl_. Everything here runs on the loop thread only: worker threads
 * never touch a lua_State. */
#pragma once

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "vg.h"

/* Built-in Lua sources (generated from every .lua under lua/) and binding modules
 * (generated from vg_add_stage(MODULES ...)). */
typedef struct vg_lua_source {
  const char *module;     /* "vg.pipeline" */
  const char *chunkname;  /* "@lua/vg/pipeline.lua" */
  const char *code;
  size_t len;
} vg_lua_source;
typedef struct vg_builtin_module {
  const char *name;       /* "tts" -> require("vg.tts") */
  lua_CFunction open;     /* pushes the module table, returns 1 */
} vg_builtin_module;
extern const vg_lua_source vg_lua_sources[];
extern const vg_stage_def *const vg_builtin_stages[];
extern const vg_builtin_module vg_builtin_modules[];

/* The engine a Lua state belongs to (raises if none). */
vg_engine *vgl_engine(lua_State *L);

/* The single protected entry into Lua: like lua_pcall, with a message
 * handler that appends a traceback. On error the message is left on the
 * stack and the status returned. */
int vgl_pcall(lua_State *L, int nargs, int nresults);

/* Counted registry refs: tests assert zero live refs at shutdown. */
int vgl_ref(lua_State *L);               /* pops the value */
void vgl_unref(lua_State *L, int ref);   /* LUA_NOREF is ignored */

/* JSON <-> Lua. vg.null is the JSON null sentinel; an empty table becomes
 * {} unless its metatable is vg.array_mt (decoded arrays carry it, so []
 * survives a round trip). Depth is limited to 200: vgl_push_json never
 * raises (deeper values become nil); vgl_to_json reports them.
 * vgl_to_json returns NULL and writes a message ("path.to.key: reason"). */
void vgl_push_json(lua_State *L, const cJSON *json);
cJSON *vgl_to_json(lua_State *L, int idx, char *err, size_t errlen);
/* The same; with VGL_JSON_SKIP values JSON cannot hold (functions,
 * userdata, non-string keys) are left out (null inside an array) instead of
 * failing. A NaN or an infinity (unless VGL_JSON_NONFINITE) or a too deep
 * value still fails. This is the
 * only Lua <-> JSON conversion: bindings use it, never their own. */
#define VGL_JSON_SKIP 1
/* NaN and infinities pass as cJSON numbers, for a consumer that clamps
 * them itself (the renderer: a user layout's absurd numbers still draw). */
#define VGL_JSON_NONFINITE 2
/* A SIGINT/SIGTERM stops the conversion (it fails, "interrupted!"): for a
 * value so large that turning it into JSON takes a while, where nothing is
 * kept of a half-made one (a native stage's options: a long video's plan). */
#define VGL_JSON_INTERRUPTIBLE 4
cJSON *vgl_to_json_ex(lua_State *L, int idx, int flags, char *err, size_t errlen);
/* The metatable of JSON arrays (vg.array_mt) on top of the stack: a binding
 * that builds a list Lua may give back to JSON marks it with this. */
void vgl_push_array_mt(lua_State *L);

/* ---- waiting without blocking ---------------------------------------------
 * A C function that starts an operation and wants its Lua caller to wait:
 *
 *   static int l_thing(lua_State *L) {
 *     my_req *r = ...;
 *     vgl_await *a = vgl_await_new(L, push_results, cancel_op, free_req, r);
 *     start_op(r);                 // later, on the loop thread:
 *     return vgl_await_yield(L, a); //   vgl_await_complete(a) / vgl_await_fail(a, msg)
 *   }
 *
 * Inside a coroutine (every stage, every task) the caller yields and other
 * tasks go on. Outside one (the main chunk, the REPL) the loop runs until the
 * operation completes. `push` runs on the loop thread on the waiter's stack
 * and returns how many results it pushed, or -1 after pushing an error
 * message that the waiter should raise. `cancel` (may be NULL) is asked to
 * stop the operation when the task is cancelled; the operation must still
 * complete (the waiter then sees an error "cancelled"). `free_data` (may be
 * NULL) runs after the waiter resumed or the engine shut down. */
typedef struct vgl_await vgl_await;
typedef int (*vgl_push_fn)(lua_State *L, void *data);
vgl_await *vgl_await_new(lua_State *L, vgl_push_fn push, void (*cancel)(void *data),
                         void (*free_data)(void *data), void *data);
int vgl_await_yield(lua_State *L, vgl_await *a);
void vgl_await_complete(vgl_await *a);
void vgl_await_fail(vgl_await *a, const char *message);
/* Completes with the operation's results even when a cancel was asked: the
 * operation finished (and committed what it made) before the cancel could
 * stop it, so its caller records what it made; the next wait of a cancelled
 * task sees "cancelled". */
void vgl_await_complete_late(vgl_await *a);
/* Runs work(data) on the libuv thread pool, then resumes the caller with
 * push(L, data). Use as `return vgl_work(L, work, push, free_data, data);`. */
int vgl_work(lua_State *L, void (*work)(void *data), vgl_push_fn push,
             void (*free_data)(void *data), void *data);
/* The same, and cancel(data) (any thread may see its effect) is called when
 * the task is cancelled while the work runs, so long work can stop early. */
int vgl_work_ex(lua_State *L, void (*work)(void *data), vgl_push_fn push,
                void (*free_data)(void *data), void (*cancel)(void *data), void *data);

/* ---- helpers every binding uses (the luv conventions) ---------------------
 * Misuse raises: a wrong argument or option type is a programming error.
 * Runtime failures (a missing file, a bad document) return nil, message
 * [, code] through vgl_fail, which returns how many values it pushed:
 *   if (rc != 0) return vgl_fail(L, err, "ENOENT");                     */
int vgl_fail(lua_State *L, const char *message, const char *code);
int vgl_failf(lua_State *L, const char *code, const char *fmt, ...);

/* Fields of the table at idx (an options table). Absent or nil gives the
 * default; a value of another type raises "field 'key': number expected,
 * got string". Integers accept a float with an exact integer value. A
 * string is returned as it is anchored in the table. */
lua_Number vgl_opt_number(lua_State *L, int idx, const char *key, lua_Number def);
lua_Integer vgl_opt_integer(lua_State *L, int idx, const char *key, lua_Integer def);
const char *vgl_opt_string(lua_State *L, int idx, const char *key, const char *def);
int vgl_opt_boolean(lua_State *L, int idx, const char *key, int def);

/* Registers the metatable `name` once (luaL_newmetatable; later calls do
 * nothing): methods (may be NULL) as __index, close (may be NULL) as both
 * __gc and __close (it must be safe to call twice), tostring (may be NULL)
 * as __tostring. The stack is left as it was; luaL_setmetatable(L, name)
 * gives a userdata the class. */
void vgl_class(lua_State *L, const char *name, const luaL_Reg *methods, lua_CFunction close,
               lua_CFunction tostring);

/* A vg.Cache argument (engine/lua/cache_lua.c): the cache it holds
 * (borrowed, valid while the value is on the stack); vgl_opt_cache gives
 * NULL for nil or none (the engine's cache, as vg_call_cache does). */
vg_cache *vgl_check_cache(lua_State *L, int idx);
vg_cache *vgl_opt_cache(lua_State *L, int idx);
const char *vgl_check_string(lua_State *L, int idx, const char *key);
/* Argument idx as a path or a name for the file system: a string with no
 * NUL byte. The C library would end the name at the NUL, so "a\0/../b"
 * would open, lock or remove "a": raises "bad argument #idx (a NUL byte in
 * a path)". vgl_opt_path: the same, NULL for nil or none. */
const char *vgl_check_path(lua_State *L, int idx);
const char *vgl_opt_path(lua_State *L, int idx);
lua_Number vgl_check_number(lua_State *L, int idx, const char *key);

/* First thing in a program's main, for vg.spawn's die_with_parent option:
 * when argv is a child started with it, asks for SIGTERM at its parent's
 * death and execs the command (never returns); else returns at once. */
void vgl_spawn_trampoline(int argc, char **argv);
