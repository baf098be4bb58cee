/* http_lua.c: require("vg.http"), the Lua face of http.h (used by
 * lua/vg/serve/). One Lua function gets every request, entered through the
 * bridge's protected call; C keeps no ref per request (a request userdata
 * is the caller's; "gone" is told by request id). Misuse raises; runtime
 * failures return nil, message[, code]. */
#include "http.h"
#include "vg.h"
#include "vg_lua.h"

#include <errno.h>
#ifdef __GLIBC__
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <h2o/version.h>

#define SERVER_MT "vg.HttpServer"
#define REQ_MT "vg.HttpRequest"
#define MAX_HEADERS 64

typedef struct lserver {
  vgh_server *s;
  vg_engine *e;            /* closes the server first when it is freed (vg_engine_add_closer) */
  lua_State *L;            /* the main thread: fibers end, it does not */
  int on_request, on_gone, on_closed;
  int open;                /* vgh side alive */
  int collected;           /* the userdata was collected */
} lserver;

typedef struct { vgh_req *r; } lreq;

static void unref_all(lserver *ls) {
  vgl_unref(ls->L, ls->on_request); ls->on_request = LUA_NOREF;
  vgl_unref(ls->L, ls->on_gone); ls->on_gone = LUA_NOREF;
  vgl_unref(ls->L, ls->on_closed); ls->on_closed = LUA_NOREF;
}

static void call_ref(lserver *ls, int nargs, const char *what) {
  lua_State *L = ls->L;
  if (vgl_pcall(L, nargs, 0) != LUA_OK) {
    vg_print_shown("vgrun serve: %s failed: %s", what, lua_tostring(L, -1));
    lua_pop(L, 1);
  }
}

static void push_info(lua_State *L, vgh_req *r) {
  vgh_info in;
  lua_createtable(L, 0, 9);
  if (vgh_req_info(r, &in) != 0) return;
  lua_pushinteger(L, (lua_Integer)vgh_req_id(r)); lua_setfield(L, -2, "id");
  lua_pushlstring(L, in.method, in.method_len); lua_setfield(L, -2, "method");
  lua_pushlstring(L, in.target, in.target_len); lua_setfield(L, -2, "target");
  const char *qm = memchr(in.target, '?', in.target_len);
  size_t plen = qm ? (size_t)(qm - in.target) : in.target_len;
  lua_pushlstring(L, in.target, plen); lua_setfield(L, -2, "path");
  lua_pushlstring(L, qm ? qm + 1 : "", qm ? in.target_len - plen - 1 : 0); lua_setfield(L, -2, "query");
  lua_pushstring(L, in.remote); lua_setfield(L, -2, "remote");
  if (in.body) { lua_pushlstring(L, in.body, in.body_len); lua_setfield(L, -2, "body"); }
  /* headers: lower-case name -> value; repeats joined as RFC 9110 allows
   * ("; " for cookie, ", " otherwise) */
  lua_createtable(L, 0, (int)in.n_headers);
  for (size_t i = 0; i < in.n_headers; i++) {
    vgh_header h;
    if (vgh_req_header(r, i, &h) != 0) break;
    lua_pushlstring(L, h.name, h.name_len);
    lua_pushvalue(L, -1);
    lua_rawget(L, -3);
    if (lua_isstring(L, -1)) {
      int cookie = h.name_len == 6 && memcmp(h.name, "cookie", 6) == 0;
      lua_pushstring(L, cookie ? "; " : ", ");
      lua_pushlstring(L, h.value, h.value_len);
      lua_concat(L, 3);
    } else {
      lua_pop(L, 1);
      lua_pushlstring(L, h.value, h.value_len);
    }
    lua_rawset(L, -3);
  }
  if (in.authority && in.authority_len) {
    lua_pushlstring(L, in.authority, in.authority_len);
    lua_setfield(L, -2, "host");
  }
  lua_setfield(L, -2, "headers");
}

/* Runs inside the protected call: everything that may raise (allocation of
 * the userdata and the info table, the handler) happens here, never on the
 * bare libuv callback. Once the userdata exists, its __gc owns r. */
static int dispatch_request(lua_State *L) {
  lserver *ls = lua_touserdata(L, 1);
  vgh_req *r = lua_touserdata(L, 2);
  lua_settop(L, 0);
  lua_rawgeti(L, LUA_REGISTRYINDEX, ls->on_request);
  lreq *lr = lua_newuserdatauv(L, sizeof *lr, 0);
  lr->r = NULL;
  luaL_setmetatable(L, REQ_MT);
  lr->r = r;
  vgh_req_set_data(r, lr);
  push_info(L, r);
  lua_call(L, 2, 0);
  return 0;
}

static void on_request(vgh_req *r, void *ud) {
  lserver *ls = ud;
  lua_State *L = ls->L;
  static const vgh_header ct = { "content-type", 12, "application/json", 16 };
  if (ls->on_request == LUA_NOREF) {
    static const char body[] = "{\"error\":\"the server is shutting down\"}";
    vgh_respond(r, 503, &ct, 1, body, sizeof body - 1);
    vgh_req_release(r);
    return;
  }
  lua_pushcfunction(L, dispatch_request);
  lua_pushlightuserdata(L, ls);
  lua_pushlightuserdata(L, r);
  if (vgl_pcall(L, 2, 0) != LUA_OK) {
    vg_print_shown("vgrun serve: request handler failed: %s", lua_tostring(L, -1));
    lua_pop(L, 1);
    /* the client still gets an answer (a no-op if the handler gave one) */
    static const char body[] = "{\"error\":\"internal error\"}";
    vgh_respond(r, 500, &ct, 1, body, sizeof body - 1);
    if (!vgh_req_data(r)) vgh_req_release(r);   /* no userdata was made to own it */
  }
}

static void on_gone(vgh_req *r, void *ud) {
  lserver *ls = ud;
  if (ls->on_gone == LUA_NOREF) return;
  lua_rawgeti(ls->L, LUA_REGISTRYINDEX, ls->on_gone);
  lua_pushinteger(ls->L, (lua_Integer)vgh_req_id(r));
  call_ref(ls, 1, "gone handler");
}

static void close_at_free(void *ud);

static void on_closed(void *ud) {
  lserver *ls = ud;
  ls->open = 0;
  ls->s = NULL;
  vg_engine_remove_closer(ls->e, close_at_free, ls);
  if (ls->on_closed != LUA_NOREF) {
    lua_rawgeti(ls->L, LUA_REGISTRYINDEX, ls->on_closed);
    call_ref(ls, 0, "close handler");
  }
  unref_all(ls);
  if (ls->collected) free(ls);
}

/* The engine is being freed with the server still open (a script that
 * never closed it): close it through h2o, as srv:close() does. */
static void close_at_free(void *ud) {
  lserver *ls = ud;
  if (ls->open && !vgh_closing(ls->s)) vgh_close(ls->s, on_closed);
}

static int opt_fn(lua_State *L, int t, const char *k, int required) {
  lua_getfield(L, t, k);
  if (lua_isnil(L, -1) && !required) { lua_pop(L, 1); return LUA_NOREF; }
  if (!lua_isfunction(L, -1)) return luaL_error(L, "field '%s': function expected, got %s", k, luaL_typename(L, -1));
  return vgl_ref(L);
}

/* http.listen{host=, port=, on_request=fn(req, info), on_gone=fn(id),
 *             max_body=, max_header=, max_conns=, max_per_addr=, header_timeout= (s),
 *             min_body= (bytes per header_timeout), read_timeout= (s), max_queue=} */
static int l_listen(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  vg_engine *e = vgl_engine(L);
  const char *host = vgl_opt_string(L, 1, "host", "127.0.0.1");
  lua_Integer port = vgl_opt_integer(L, 1, "port", 8080);
  luaL_argcheck(L, port >= 0 && port <= 65535, 1, "field 'port': 0..65535 expected");
  vgh_limits lim;
  lim.max_body = (size_t)vgl_opt_integer(L, 1, "max_body", 10 << 20);
  lim.max_header = (size_t)vgl_opt_integer(L, 1, "max_header", 16 << 10);
  lim.max_conns = (int)vgl_opt_integer(L, 1, "max_conns", 256);
  lim.max_per_addr = (int)vgl_opt_integer(L, 1, "max_per_addr", 128);
  lim.header_ms = (unsigned)(vgl_opt_number(L, 1, "header_timeout", 10) * 1000);
  lim.min_body = (size_t)vgl_opt_integer(L, 1, "min_body", 4096);
  lim.read_ms = (unsigned)(vgl_opt_number(L, 1, "read_timeout", 600) * 1000);
  lim.max_queue = (size_t)vgl_opt_integer(L, 1, "max_queue", 256 << 10);
  lserver **ud = lua_newuserdatauv(L, sizeof(lserver *), 0);
  lserver *heap = calloc(1, sizeof *heap);
  if (!heap) return luaL_error(L, "out of memory");
  *ud = heap;
  luaL_setmetatable(L, SERVER_MT);
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
  heap->L = lua_tothread(L, -1);
  lua_pop(L, 1);
  heap->on_request = opt_fn(L, 1, "on_request", 1);
  heap->on_gone = opt_fn(L, 1, "on_gone", 0);
  heap->on_closed = LUA_NOREF;
  char err[256];
  heap->s = vgh_listen(vg_engine_loop(e), host, (int)port, &lim, on_request, on_gone, heap, err, sizeof err);
  if (!heap->s) {
    unref_all(heap);
    return vgl_fail(L, err, "ELISTEN");
  }
  heap->open = 1;
  heap->e = e;
  vg_engine_add_closer(e, close_at_free, heap);
  return 1;
}

static lserver *check_server(lua_State *L) { return *(lserver **)luaL_checkudata(L, 1, SERVER_MT); }

static int l_server_port(lua_State *L) {
  lserver *ls = check_server(L);
  if (!ls->open) return 0;
  lua_pushinteger(L, vgh_port(ls->s));
  return 1;
}

static int l_server_connections(lua_State *L) {
  lserver *ls = check_server(L);
  lua_pushinteger(L, ls->open ? vgh_connections(ls->s) : 0);
  return 1;
}

static int l_server_closed(lua_State *L) {
  lua_pushboolean(L, !check_server(L)->open);
  return 1;
}

/* srv:close([fn]): fn() runs once every connection closed */
static int l_server_close(lua_State *L) {
  lserver *ls = check_server(L);
  if (!ls->open || vgh_closing(ls->s)) return 0;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    ls->on_closed = vgl_ref(L);
  }
  vgh_close(ls->s, on_closed);
  return 0;
}

static int l_server_gc(lua_State *L) {
  lserver **p = luaL_checkudata(L, 1, SERVER_MT);
  lserver *ls = *p;
  if (!ls) return 0;
  *p = NULL;
  ls->collected = 1;
  if (ls->open) {
    if (!vgh_closing(ls->s)) vgh_close(ls->s, on_closed);  /* frees ls when done */
  } else {
    free(ls);
  }
  return 0;
}

/* ---- requests ---- */

static vgh_req *check_req(lua_State *L) {
  lreq *lr = luaL_checkudata(L, 1, REQ_MT);
  return lr->r;
}

/* headers table at idx -> out[]; strings stay anchored in the table */
static size_t read_headers(lua_State *L, int idx, vgh_header *out) {
  size_t n = 0;
  if (lua_isnoneornil(L, idx)) return 0;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (n == MAX_HEADERS) luaL_error(L, "too many headers");
    if (lua_type(L, -2) != LUA_TSTRING || !lua_isstring(L, -1)) luaL_error(L, "headers: name = string expected");
    if (lua_type(L, -1) == LUA_TNUMBER) { lua_pushvalue(L, -1); lua_tostring(L, -1); lua_replace(L, -2); }
    out[n].name = lua_tolstring(L, -2, &out[n].name_len);
    out[n].value = lua_tolstring(L, -1, &out[n].value_len);
    for (size_t i = 0; i < out[n].value_len; i++)
      if (out[n].value[i] == '\r' || out[n].value[i] == '\n') luaL_error(L, "header %s: line break in value", out[n].name);
    n++;
    lua_pop(L, 1);
  }
  return n;
}

static int answered(lua_State *L, int rc) {
  if (rc == 0) { lua_pushboolean(L, 1); return 1; }
  return vgl_fail(L, "the request was answered already or its client is gone", "EGONE");
}

/* req:respond(status, headers, body) */
static int l_respond(lua_State *L) {
  vgh_req *r = check_req(L);
  int status = (int)luaL_checkinteger(L, 2);
  luaL_argcheck(L, status >= 100 && status <= 599, 2, "HTTP status expected");
  vgh_header h[MAX_HEADERS];
  size_t n = read_headers(L, 3, h);
  size_t len = 0;
  const char *body = luaL_optlstring(L, 4, "", &len);
  return answered(L, vgh_respond(r, status, h, n, body, len));
}

/* req:file(path, content_type, headers) -> true | nil, message, code */
static int l_file(lua_State *L) {
  vgh_req *r = check_req(L);
  const char *path = luaL_checkstring(L, 2);
  const char *ct = luaL_optstring(L, 3, NULL);
  vgh_header h[MAX_HEADERS];
  size_t n = read_headers(L, 4, h);
  int rc = vgh_respond_file(r, path, ct, h, n);
  if (rc > 0) return vgl_fail(L, strerror(rc), rc == ENOENT ? "ENOENT" : "EIO");
  return answered(L, rc);
}

static int l_stream(lua_State *L) {
  vgh_req *r = check_req(L);
  int status = (int)luaL_optinteger(L, 2, 200);
  vgh_header h[MAX_HEADERS];
  size_t n = read_headers(L, 3, h);
  return answered(L, vgh_stream_start(r, status, h, n));
}

/* req:write(bytes) -> true | nil, "closed"|"overflow" */
static int l_write(lua_State *L) {
  vgh_req *r = check_req(L);
  size_t len;
  const char *s = luaL_checklstring(L, 2, &len);
  int rc = vgh_stream_write(r, s, len);
  if (rc == 0) { lua_pushboolean(L, 1); return 1; }
  return vgl_fail(L, rc == -2 ? "overflow" : "closed", rc == -2 ? "EOVERFLOW" : "EGONE");
}

static int l_finish(lua_State *L) { vgh_stream_end(check_req(L)); return 0; }
static int l_id(lua_State *L) { lua_pushinteger(L, (lua_Integer)vgh_req_id(check_req(L))); return 1; }
static int l_gone(lua_State *L) { lua_pushboolean(L, vgh_req_gone(check_req(L))); return 1; }
static int l_queued(lua_State *L) { lua_pushinteger(L, (lua_Integer)vgh_stream_queued(check_req(L))); return 1; }

static int l_req_gc(lua_State *L) {
  lreq *lr = luaL_checkudata(L, 1, REQ_MT);
  if (lr->r) { vgh_req_release(lr->r); lr->r = NULL; }
  return 0;
}

static int l_req_tostring(lua_State *L) {
  lua_pushfstring(L, "vg.HttpRequest %d", (int)vgh_req_id(check_req(L)));
  return 1;
}

int vgmod_http(lua_State *L) {
  static const luaL_Reg server_m[] = {
    {"port", l_server_port}, {"connections", l_server_connections}, {"close", l_server_close},
    {"closed", l_server_closed}, {NULL, NULL}};
  static const luaL_Reg req_m[] = {
    {"respond", l_respond}, {"file", l_file}, {"stream", l_stream}, {"write", l_write},
    {"finish", l_finish}, {"id", l_id}, {"gone", l_gone}, {"queued", l_queued}, {NULL, NULL}};
  if (luaL_newmetatable(L, SERVER_MT)) {
    luaL_newlib(L, server_m);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_server_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  if (luaL_newmetatable(L, REQ_MT)) {
    luaL_newlib(L, req_m);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_req_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, l_req_tostring);
    lua_setfield(L, -2, "__tostring");
  }
  lua_pop(L, 1);
  static const luaL_Reg fns[] = {{"listen", l_listen}, {NULL, NULL}};
  luaL_newlib(L, fns);
  lua_pushstring(L, "h2o " H2O_VERSION);
  lua_setfield(L, -2, "library");
  return 1;
}
