/* tts_lua.c: require("vg.tts_core"), the raw primitives under lua/vg/tts.lua.
 * synth() parks its Lua caller in a vgl_await while the espeak-ng worker
 * speaks; the worker's done callback only posts back to the loop thread,
 * where the result table is built. Misuse (bad types, unknown voice,
 * non-UTF-8 text) raises before any work; runtime failures return nil, msg. */
#include "tts.h"
#include "vg_lua.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct synth_req {
  vg_engine *e;
  vgl_await *a;
  tts_job *job;
  pthread_mutex_t mu;
  int abandoned;  /* free_data ran: the done callback must not post */
} synth_req;

static void req_on_loop(void *ud) {
  synth_req *r = ud;
  vgl_await_complete(r->a);
}

static void req_done(tts_job *j, void *ud) {
  (void)j;
  synth_req *r = ud;
  pthread_mutex_lock(&r->mu);
  if (!r->abandoned) vg_run_on_loop(r->e, req_on_loop, r);
  pthread_mutex_unlock(&r->mu);
}

static void req_cancel(void *ud) {
  synth_req *r = ud;
  tts_job_cancel(r->job);
}

static void req_free(void *ud) {
  synth_req *r = ud;
  pthread_mutex_lock(&r->mu);
  r->abandoned = 1;
  pthread_mutex_unlock(&r->mu);
  tts_job_cancel(r->job);  /* a no-op when it is over, as it normally is */
  tts_job_wait(r->job);
  tts_job_free(r->job);
  pthread_mutex_destroy(&r->mu);
  free(r);
}

static void set_num(lua_State *L, const char *k, double v) {
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

/* An array table that stays [] in JSON even when empty. */
static void new_array(lua_State *L, size_t n) {
  lua_createtable(L, (int)n, 0);
  vgl_push_array_mt(L);
  lua_setmetatable(L, -2);
}

static void set_str(lua_State *L, const char *k, const char *v) {
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

/* The clip as the stage writes it (tts_clip_to_json), through the engine's
 * one JSON conversion, plus what only Lua callers read. */
static void push_clip(lua_State *L, const tts_clip *c) {
  cJSON *j = tts_clip_to_json(c, 1);
  if (!j) luaL_error(L, "out of memory");
  cJSON_AddNumberToObject(j, "samples", (double)c->nsamples);
  cJSON_AddStringToObject(j, "key", c->key);
  vgl_push_json(L, j);
  cJSON_Delete(j);
}

static int req_push(lua_State *L, void *ud) {
  synth_req *r = ud;
  const char *err = tts_job_error(r->job);
  if (err) {
    return vgl_fail(L, err, NULL);
  }
  push_clip(L, tts_job_clip(r->job));
  return 1;
}

static int opt_field_int(lua_State *L, int t, const char *k, int def, int lo, int hi) {
  int ty = lua_getfield(L, t, k);
  int v = def;
  if (ty != LUA_TNIL) {
    int ok;
    lua_Integer n = lua_tointegerx(L, -1, &ok);
    if (!ok) luaL_error(L, "option '%s': expected an integer, got %s", k, luaL_typename(L, -1));
    if (n < lo || n > hi) luaL_error(L, "option '%s': %d out of range %d..%d", k, (int)n, lo, hi);
    v = (int)n;
  }
  lua_pop(L, 1);
  return v;
}

/* synth(text, {voice=, rate=, pitch=, ssml=, cache=}) -> result | nil, err
 * cache: a vg.Cache (default: the engine's) */
static int l_synth(lua_State *L) {
  size_t len;
  const char *text = luaL_checklstring(L, 1, &len);
  if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TTABLE);
  tts_options o = TTS_OPTIONS_DEFAULT;
  o.cache = vg_engine_cache(vgl_engine(L));
  if (lua_istable(L, 2)) {
    if (lua_getfield(L, 2, "cache") != LUA_TNIL) o.cache = vgl_check_cache(L, -1);  /* stays on the stack */
    if (lua_getfield(L, 2, "voice") != LUA_TNIL) {
      if (!lua_isstring(L, -1)) return luaL_error(L, "option 'voice': expected a string");
      o.voice = lua_tostring(L, -1);  /* stays on the stack, so stays alive */
    }
    o.rate = opt_field_int(L, 2, "rate", 0, 0, TTS_RATE_MAX);
    o.pitch = opt_field_int(L, 2, "pitch", -1, -1, TTS_PITCH_MAX);
    /* only true means SSML: plain text is the default */
    if (lua_getfield(L, 2, "ssml") != LUA_TNIL) {
      if (!lua_isboolean(L, -1)) return luaL_error(L, "option 'ssml': expected a boolean");
      o.ssml = lua_toboolean(L, -1);
    }
    lua_pop(L, 1);
  }
  char err[TTS_ERR_MAX];
  tts_job *j = tts_job_new(text, len, &o, err, sizeof err);
  if (!j) {
    lua_pushstring(L, err);  /* no position: vg.tts.synth adds the caller's */
    return lua_error(L);
  }
  synth_req *r = calloc(1, sizeof *r);
  if (!r) { tts_job_free(j); return luaL_error(L, "out of memory"); }
  pthread_mutex_init(&r->mu, NULL);
  r->e = vgl_engine(L);
  r->job = j;
  r->a = vgl_await_new(L, req_push, req_cancel, req_free, r);
  tts_job_submit(j, req_done, r);
  return vgl_await_yield(L, r->a);
}

/* ssml_filter(text) -> the SSML espeak-ng would be given | nil, err
 * (vgrun say --ssml checks with it before any work) */
static int l_ssml_filter(lua_State *L) {
  size_t len;
  const char *text = luaL_checklstring(L, 1, &len);
  char err[TTS_ERR_MAX];
  long bad = tts_utf8_invalid_at(text, len);
  if (bad >= 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "text is not valid UTF-8 (byte offset %d)", (int)bad);
    return 2;
  }
  size_t n = 0;
  char *out = tts_ssml_filter(text, len, &n, err, sizeof err);
  if (!out) {
    return vgl_fail(L, err, NULL);
  }
  lua_pushlstring(L, out, n);
  free(out);
  return 1;
}

static int l_voices(lua_State *L) {
  char err[TTS_ERR_MAX];
  if (tts_init(err, sizeof err) != 0) return luaL_error(L, "%s", err);
  size_t n = tts_voice_count();
  new_array(L, n);
  for (size_t i = 0; i < n; i++) {
    const tts_voice_info *v = tts_voice_at(i);
    lua_createtable(L, 0, 8);
    set_str(L, "name", v->name);
    set_str(L, "description", v->description);
    set_str(L, "identifier", v->identifier);
    set_str(L, "language", v->language);
    set_str(L, "gender", v->gender);
    lua_pushboolean(L, v->named);
    lua_setfield(L, -2, "named");
    if (v->named) {
      lua_pushinteger(L, v->rate); lua_setfield(L, -2, "rate");
      lua_pushinteger(L, v->pitch); lua_setfield(L, -2, "pitch");
    }
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static int l_variants(lua_State *L) {
  char err[TTS_ERR_MAX];
  if (tts_init(err, sizeof err) != 0) return luaL_error(L, "%s", err);
  size_t n = tts_variant_count();
  new_array(L, n);
  for (size_t i = 0; i < n; i++) {
    lua_pushstring(L, tts_variant_at(i));
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* resolve(voice[, rate, pitch]) -> {name, spec, language, rate, pitch} | nil, err */
static int l_resolve(lua_State *L) {
  const char *name = luaL_optstring(L, 1, NULL);
  int rate = (int)luaL_optinteger(L, 2, 0), pitch = (int)luaL_optinteger(L, 3, -1);
  char err[TTS_ERR_MAX];
  if (tts_init(err, sizeof err) != 0) return luaL_error(L, "%s", err);
  tts_voice v;
  if (tts_resolve_voice(name, rate, pitch, &v, err, sizeof err) != 0) {
    return vgl_fail(L, err, NULL);
  }
  lua_createtable(L, 0, 6);
  set_str(L, "name", v.name);
  set_str(L, "spec", v.spec);
  set_str(L, "language", v.language);
  lua_pushinteger(L, v.rate); lua_setfield(L, -2, "rate");
  lua_pushinteger(L, v.pitch); lua_setfield(L, -2, "pitch");
  lua_pushinteger(L, v.range); lua_setfield(L, -2, "range");
  return 1;
}

/* warm([voice]): the worker starts and speaking children of voice get
 * ready while the caller goes on (nothing is waited for, nothing returned) */
static int l_warm(lua_State *L) {
  tts_warm(luaL_optstring(L, 1, NULL));
  return 0;
}

static int l_info(lua_State *L) {
  char err[TTS_ERR_MAX];
  if (tts_init(err, sizeof err) != 0) return luaL_error(L, "%s", err);
  lua_createtable(L, 0, 6);
  set_str(L, "espeak_version", tts_espeak_version());
  lua_pushinteger(L, tts_sample_rate()); lua_setfield(L, -2, "sample_rate");
  lua_pushinteger(L, (lua_Integer)tts_synth_count()); lua_setfield(L, -2, "syntheses");
  lua_pushinteger(L, (lua_Integer)tts_cache_hit_count()); lua_setfield(L, -2, "cache_hits");
  lua_pushinteger(L, TTS_FORMAT_VERSION); lua_setfield(L, -2, "format");
  set_str(L, "cache_dir", vg_cache_dir(vg_engine_cache(vgl_engine(L))));
  return 1;
}

/* copy(src, dest) -> true | nil, err: an atomic copy (saving a cached WAV) */
static int l_copy(lua_State *L) {
  const char *src = luaL_checkstring(L, 1), *dest = luaL_checkstring(L, 2);
  if (tts_copy_file(src, dest) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "cannot copy %s to %s: %s", src, dest, strerror(errno));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* wav_info(path) -> {sample_rate, channels, frames, duration} | nil, err */
static int l_wav_info(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int rate = 0, ch = 0;
  size_t frames = 0;
  if (tts_wav_probe(path, &rate, &ch, &frames) != 0 || rate <= 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: not a 16-bit PCM WAV file", path);
    return 2;
  }
  lua_createtable(L, 0, 4);
  lua_pushinteger(L, rate); lua_setfield(L, -2, "sample_rate");
  lua_pushinteger(L, ch); lua_setfield(L, -2, "channels");
  lua_pushinteger(L, (lua_Integer)frames); lua_setfield(L, -2, "frames");
  set_num(L, "duration", (double)frames / rate);
  return 1;
}

/* utf8_check(s) -> nil | byte offset (0-based) of the first bad byte */
static int l_utf8_check(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  long at = tts_utf8_invalid_at(s, len);
  if (at < 0) lua_pushnil(L);
  else lua_pushinteger(L, at);
  return 1;
}

int vgmod_tts_core(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"synth", l_synth},
    {"voices", l_voices},
    {"variants", l_variants},
    {"resolve", l_resolve},
    {"info", l_info},
    {"warm", l_warm},
    {"copy", l_copy},
    {"wav_info", l_wav_info},
    {"utf8_check", l_utf8_check},
    {"ssml_filter", l_ssml_filter},
    {NULL, NULL},
  };
  luaL_newlib(L, fns);
  lua_pushinteger(L, TTS_RATE_MIN); lua_setfield(L, -2, "RATE_MIN");
  lua_pushinteger(L, TTS_RATE_MAX); lua_setfield(L, -2, "RATE_MAX");
  return 1;
}
