/* encode_lua.c: require("vg.encode_core"), the Lua face of encode.h.
 * Each function reads its table argument on the loop thread into a request
 * that owns copies of everything, runs the encoder on the libuv pool with
 * a cancellable vgl_work (the caller waits without blocking the loop), and returns a result
 * table. Misuse raises; encoding failures return nil, message. */
#include "encode.h"
#include "media.h"
#include "vg.h"
#include "vg_lua.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- argument helpers -------------------------------------------------- */

/* Option fields through the shared helpers (vg_lua.h): one wording for
 * every binding. Strings are copied: requests outlive the Lua stack. */
static int opt_int(lua_State *L, int t, const char *k, int def) {
  return (int)vgl_opt_number(L, t, k, def);
}

static double opt_num(lua_State *L, int t, const char *k, double def, int required) {
  return required ? vgl_check_number(L, t, k) : vgl_opt_number(L, t, k, def);
}

static char *opt_str(lua_State *L, int t, const char *k, int required) {
  const char *v = required ? vgl_check_string(L, t, k) : vgl_opt_string(L, t, k, NULL);
  return vg_strdup(v);
}

static int opt_bool(lua_State *L, int t, const char *k, int def) {
  return vgl_opt_boolean(L, t, k, def);
}

/* 0xRRGGBB, "#rrggbb" or "rrggbb" */
static uint32_t check_color(lua_State *L, int idx) {
  if (lua_isinteger(L, idx)) return (uint32_t)lua_tointeger(L, idx) & 0xFFFFFFu;
  const char *s = lua_tostring(L, idx);
  if (s && *s == '#') s++;
  char *end = NULL;
  unsigned long v = s ? strtoul(s, &end, 16) : 0;
  if (!s || strlen(s) != 6 || *end) luaL_error(L, "bad color (0xRRGGBB or \"#rrggbb\" expected)");
  return (uint32_t)v;
}

static void push_result(lua_State *L, const vge_result *r) {
  lua_createtable(L, 0, 8);
  lua_pushstring(L, r->path); lua_setfield(L, -2, "path");
  lua_pushboolean(L, r->cached); lua_setfield(L, -2, "cached");
  lua_pushnumber(L, r->duration); lua_setfield(L, -2, "duration");
  if (r->frames) { lua_pushinteger(L, r->frames); lua_setfield(L, -2, "frames"); }
  if (r->frames) { lua_pushinteger(L, r->encoded); lua_setfield(L, -2, "encoded"); }
  if (r->key[0]) { lua_pushstring(L, r->key); lua_setfield(L, -2, "key"); }
}

/* ---- cancellable work on the libuv pool --------------------------------- */

/* Work runs through vgl_work_ex; its cancel hook sets the flag the encoder
 * polls, so cancelling a task stops a running encode between frames. */
#define CANCEL_FN(name, type) \
  static void name(void *d) { __atomic_store_n(&((type *)d)->cancel, 1, __ATOMIC_RELAXED); }

/* The field `cache` of table t (a vg.Cache), else the engine's; borrowed:
 * a request takes its own reference, held until it is freed. */
static vg_cache *opt_cache(lua_State *L, int t) {
  vg_cache *c = lua_getfield(L, t, "cache") != LUA_TNIL ? vgl_check_cache(L, -1) : vg_engine_cache(vgl_engine(L));
  lua_pop(L, 1);   /* the table still holds the userdata */
  return c;
}

/* ---- segments ------------------------------------------------------------ */

typedef struct seg_req {
  vge_segment s;
  vge_keyframes kf;
  vge_keyframe *k;
  uint8_t **owned;   /* copies of pixel strings, one per keyframe (or NULL) */
  size_t *owned_len;
  char *preset, *key, *out;
  int hash_frames;   /* no key and no out: key = hash of the keyframes */
  char auto_key[65];
  volatile int cancel;
  vge_result r;
} seg_req;
CANCEL_FN(seg_cancel, seg_req)

static void seg_free(seg_req *q) {
  if (!q) return;
  vge_keyframes_free(&q->kf);
  for (int i = 0; q->k && i < q->kf.n; i++) {
    free(q->owned[i]);
    free((char *)q->k[i].file);
  }
  free(q->owned);
  free(q->owned_len);
  free(q->k);
  free(q->preset);
  free(q->key);
  free(q->out);
  vg_cache_unref(q->s.cache);
  free(q);
}

/* Reads one segment table at index t. Raises on misuse (q is then leaked
 * unless the caller keeps it somewhere it frees: see l_segment). */

/* The closest fraction to f with a denominator of at most 100000 (continued
 * fractions, as FFmpeg's av_d2q: 12.5 -> 25/2, 23.976 -> 2997/125). */
static void fps_fraction(double f, int *num, int *den) {
  long long p0 = 0, q0 = 1, p1 = 1, q1 = 0;
  double x = f;
  for (int i = 0; i < 64; i++) {
    double a = floor(x);
    long long p2 = (long long)a * p1 + p0, q2 = (long long)a * q1 + q0;
    if (q2 > 100000) {
      /* the best fraction may be between: the largest semiconvergent */
      long long k = (100000 - q0) / q1;
      long long pk = k * p1 + p0, qk = k * q1 + q0;
      if (k > 0 && fabs((double)pk / (double)qk - f) < fabs((double)p1 / (double)q1 - f)) { p1 = pk; q1 = qk; }
      break;
    }
    p0 = p1; q0 = q1; p1 = p2; q1 = q2;
    if (fabs(x - a) < 1e-12 || fabs((double)p1 / (double)q1 - f) < 1e-12) break;
    x = 1.0 / (x - a);
  }
  *num = (int)p1;
  *den = (int)q1;
}

static void read_segment(lua_State *L, int t, seg_req *q) {
  luaL_checktype(L, t, LUA_TTABLE);
  vge_video_opts *v = &q->s.v;
  v->width = opt_int(L, t, "width", 0);
  v->height = opt_int(L, t, "height", 0);
  if (v->width <= 0 || v->height <= 0) luaL_error(L, "missing field 'width' or 'height'");
  int ty = lua_getfield(L, t, "fps");
  if (ty == LUA_TTABLE) {
    lua_rawgeti(L, -1, 1); lua_rawgeti(L, -2, 2);
    v->fps_num = (int)lua_tointeger(L, -2);
    v->fps_den = (int)lua_tointeger(L, -1);
    lua_pop(L, 2);
  } else if (ty == LUA_TNUMBER) {
    double f = lua_tonumber(L, -1);
    double ntsc = f * 1001 / 1000;  /* 29.97 -> 30000/1001 */
    if (!(f > 0 && f <= 1000)) luaL_error(L, "bad field 'fps' (1..1000 expected)");
    if (f == floor(f)) { v->fps_num = (int)f; v->fps_den = 1; }
    else if (fabs(ntsc - round(ntsc)) < 0.002) { v->fps_num = (int)round(ntsc) * 1000; v->fps_den = 1001; }
    else fps_fraction(f, &v->fps_num, &v->fps_den);
  } else if (ty != LUA_TNIL) {
    luaL_error(L, "bad field 'fps' (number or {num, den} expected)");
  }
  lua_pop(L, 1);
  q->preset = opt_str(L, t, "preset", 0);
  v->preset = q->preset;
  int crf = opt_int(L, t, "crf", 23);
  v->crf = crf == 0 ? VGE_CRF_LOSSLESS : crf;   /* crf 0: lossless */
  v->cfr = opt_bool(L, t, "cfr", 0);
  v->max_gap = opt_num(L, t, "max_gap", 0, 0);
  v->keyint = opt_num(L, t, "keyint", 0, 0);
  char *pix = opt_str(L, t, "pix", 0);
  v->pix = pix && !strcmp(pix, "bgra") ? VGE_PIX_BGRA : VGE_PIX_RGBA;
  int bad_pix = pix && strcmp(pix, "bgra") && strcmp(pix, "rgba");
  free(pix);
  if (bad_pix) luaL_error(L, "bad field 'pix' (\"rgba\" or \"bgra\" expected)");
  q->s.start = opt_num(L, t, "start", 0, 0);
  q->s.end = opt_num(L, t, "end", 0, 0);
  if (q->s.end <= q->s.start) {
    double d = opt_num(L, t, "duration", 0, 1);
    q->s.end = q->s.start + d;
  }
  q->key = opt_str(L, t, "key", 0);
  q->out = opt_str(L, t, "out", 0);
  if (!q->key && !q->out && !opt_bool(L, t, "cache", 1))
    luaL_error(L, "a segment without cache needs 'out'");
  q->hash_frames = !q->key && !q->out;

  if (lua_getfield(L, t, "frames") != LUA_TTABLE) luaL_error(L, "missing field 'frames' (table expected)");
  int n = (int)luaL_len(L, -1);
  if (n <= 0) { luaL_error(L, "field 'frames' is empty"); return; }
  q->k = calloc((size_t)n, sizeof *q->k);
  q->owned = calloc((size_t)n, sizeof *q->owned);
  q->owned_len = calloc((size_t)n, sizeof *q->owned_len);
  if (!q->k || !q->owned || !q->owned_len) luaL_error(L, "out of memory");
  q->kf.k = q->k;
  size_t need = (size_t)v->width * (size_t)v->height * 4;
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, -1, i + 1);
    int ft = lua_gettop(L);
    if (!lua_istable(L, ft)) luaL_error(L, "frames[%d]: table expected", i + 1);
    vge_keyframe *k = &q->k[i];
    q->kf.n = i + 1; /* what seg_free must release */
    k->t = opt_num(L, ft, "t", 0, 0);
    if (i > 0 && k->t < q->k[i - 1].t) luaL_error(L, "frames[%d]: times must not decrease", i + 1);
    if (lua_getfield(L, ft, "rgba") == LUA_TSTRING || (lua_pop(L, 1), lua_getfield(L, ft, "pixels")) == LUA_TSTRING) {
      size_t len;
      const char *d = lua_tolstring(L, -1, &len);
      if (len < need) luaL_error(L, "frames[%d]: %I bytes of pixels, %I expected", i + 1, (lua_Integer)len,
                                (lua_Integer)need);
      q->owned[i] = malloc(len);
      if (!q->owned[i]) luaL_error(L, "out of memory");
      memcpy(q->owned[i], d, len);
      q->owned_len[i] = len;
      k->data = q->owned[i];
    }
    lua_pop(L, 1);
    if (!k->data) {
      char *file = opt_str(L, ft, "file", 0);
      k->file = file;
      if (!file) {
        if (lua_getfield(L, ft, "color") == LUA_TNIL) luaL_error(L, "frames[%d]: rgba, file or color expected", i + 1);
        k->has_color = 1;
        k->color = check_color(L, -1);
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  q->kf.width = v->width;
  q->kf.height = v->height;
  q->kf.pix = v->pix;
  q->s.get_frame = vge_keyframes_get;
  q->s.ud = &q->kf;
  q->s.key = q->key;
  q->s.cache = vg_cache_ref(opt_cache(L, t));
  q->s.out = q->out;
  q->s.cancel = &q->cancel;
}

/* Worker: a content key from the keyframes themselves when none was given. */
static void seg_auto_key(seg_req *q) {
  vg_hash h;
  vg_hash_init(&h);
  vg_hash_str(&h, "vge-keyframes-1");
  for (int i = 0; i < q->kf.n; i++) {
    const vge_keyframe *k = &q->k[i];
    vg_hash_update(&h, &k->t, sizeof k->t);
    if (k->data) {
      vg_hash_str(&h, "data");
      vg_hash_update(&h, k->data, q->owned_len[i]);
    } else if (k->file) {
      vg_hash_str(&h, "file");
      FILE *f = fopen(k->file, "rb");
      char buf[65536];
      size_t got;
      while (f && (got = fread(buf, 1, sizeof buf, f)) > 0) vg_hash_update(&h, buf, got);
      if (f) fclose(f);
      else vg_hash_str(&h, k->file);  /* the encode will report the error */
    } else {
      uint32_t c = k->color;
      vg_hash_str(&h, "color");
      vg_hash_update(&h, &c, sizeof c);
    }
  }
  vg_hash_final(&h, q->auto_key);
  q->s.key = q->auto_key;
}

static void seg_work(void *data) {
  seg_req *q = data;
  if (q->hash_frames) seg_auto_key(q);
  vge_encode_segment(&q->s, &q->r);
  vge_keyframes_free(&q->kf);
}

static int push_res_or_err(lua_State *L, const vge_result *r) {
  if (r->rc != 0) {
    return vgl_fail(L, r->err, NULL);
  }
  push_result(L, r);
  return 1;
}

static int seg_push(lua_State *L, void *data) { return push_res_or_err(L, &((seg_req *)data)->r); }
static void seg_free_v(void *data) { seg_free(data); }

/* The request lives in a to-be-closed userdata while the arguments are read,
 * so an argument error frees it. */
typedef struct holder { void *p; void (*fn)(void *); } holder;
static int holder_close(lua_State *L) {
  holder *h = lua_touserdata(L, 1);
  if (h && h->p) { h->fn(h->p); h->p = NULL; }
  return 0;
}
static holder *new_holder(lua_State *L, void *p, void (*fn)(void *)) {
  holder *h = lua_newuserdatauv(L, sizeof *h, 0);
  h->p = p;
  h->fn = fn;
  vgl_class(L, "vg.encode.Holder", NULL, holder_close, NULL);
  luaL_setmetatable(L, "vg.encode.Holder");
  return h;
}

/* encode_core.segment{...} -> result | nil, message */
static int l_segment(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  seg_req *q = calloc(1, sizeof *q);
  if (!q) return luaL_error(L, "out of memory");
  holder *h = new_holder(L, q, seg_free_v);
  read_segment(L, 1, q);
  h->p = NULL;  /* enc_work owns it now */
  lua_pop(L, 1);
  return vgl_work_ex(L, seg_work, seg_push, seg_free_v, seg_cancel, q);
}

struct audio_req;
static void audio_free(void *data);
static struct audio_req *read_audio(lua_State *L, int t);
static vge_audio *audio_of(struct audio_req *q);
static vge_result *audio_result_of(struct audio_req *q);

typedef struct segs_req {
  seg_req **q;
  int n, jobs;
  vge_segment *segs;
  vge_result *res;
  struct audio_req *audio;  /* optional: encoded beside the segments */
  volatile int cancel;
} segs_req;
CANCEL_FN(segs_cancel, segs_req)

static void segs_free(void *data) {
  segs_req *m = data;
  if (!m) return;
  for (int i = 0; i < m->n; i++) seg_free(m->q[i]);
  free(m->q);
  free(m->segs);
  free(m->res);
  audio_free(m->audio);
  free(m);
}

static void segs_work(void *data) {
  segs_req *m = data;
  for (int i = 0; i < m->n; i++) {
    if (m->q[i]->hash_frames) seg_auto_key(m->q[i]);
    m->segs[i] = m->q[i]->s;
    m->segs[i].cancel = &m->cancel;
  }
  if (m->audio) audio_of(m->audio)->cancel = &m->cancel;
  if (m->audio) vge_encode_all(m->segs, m->n, m->jobs, m->res, audio_of(m->audio), audio_result_of(m->audio));
  else vge_encode_segments(m->segs, m->n, m->jobs, m->res);
  for (int i = 0; i < m->n; i++) vge_keyframes_free(&m->q[i]->kf);
}

/* results in order; a failed segment is {error = message} and the second
 * return value is the first error */
static int segs_push(lua_State *L, void *data) {
  segs_req *m = data;
  const char *first_err = NULL;
  lua_createtable(L, m->n, 0);
  for (int i = 0; i < m->n; i++) {
    if (m->res[i].rc != 0) {
      lua_createtable(L, 0, 1);
      lua_pushstring(L, m->res[i].err);
      lua_setfield(L, -2, "error");
      if (!first_err) first_err = m->res[i].err;
    } else {
      push_result(L, &m->res[i]);
    }
    lua_rawseti(L, -2, i + 1);
  }
  if (m->audio) {
    const vge_result *ar = audio_result_of(m->audio);
    if (ar->rc != 0) {
      lua_createtable(L, 0, 1);
      lua_pushstring(L, ar->err);
      lua_setfield(L, -2, "error");
      if (!first_err) first_err = ar->err;
    } else {
      push_result(L, ar);
    }
    lua_setfield(L, -2, "audio");
  }
  if (first_err) { lua_pushstring(L, first_err); return 2; }
  return 1;
}

/* encode_core.segments({seg, seg, ...}, {jobs = N}) -> results [, first error] */
static int l_segments(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  int jobs = 0;
  if (lua_istable(L, 2)) jobs = opt_int(L, 2, "jobs", 0);
  int n = (int)luaL_len(L, 1);
  segs_req *m = calloc(1, sizeof *m);
  if (!m) return luaL_error(L, "out of memory");
  holder *h = new_holder(L, m, segs_free);
  m->jobs = jobs;
  if (lua_istable(L, 2) && lua_getfield(L, 2, "audio") != LUA_TNIL) {
    m->audio = read_audio(L, lua_gettop(L));
    lua_pop(L, 1);
  } else if (lua_istable(L, 2)) {
    lua_pop(L, 1);
  }
  m->q = calloc((size_t)(n ? n : 1), sizeof *m->q);
  m->segs = calloc((size_t)(n ? n : 1), sizeof *m->segs);
  m->res = calloc((size_t)(n ? n : 1), sizeof *m->res);
  if (!m->q || !m->segs || !m->res) return luaL_error(L, "out of memory");
  for (int i = 0; i < n; i++) {
    m->q[i] = calloc(1, sizeof *m->q[i]);
    if (!m->q[i]) return luaL_error(L, "out of memory");
    m->n = i + 1;
    lua_rawgeti(L, 1, i + 1);
    read_segment(L, lua_gettop(L), m->q[i]);
    lua_pop(L, 1);
  }
  h->p = NULL;
  lua_pop(L, 1);
  return vgl_work_ex(L, segs_work, segs_push, segs_free, segs_cancel, m);
}

/* ---- audio --------------------------------------------------------------- */

typedef struct audio_req {
  vge_audio a;
  vge_clip *clips;
  int n;
  char *key, *out;
  volatile int cancel;
  vge_result r;
} audio_req;
CANCEL_FN(audio_cancel, audio_req)

static void audio_free(void *data) {
  struct audio_req *q = data;
  if (!q) return;
  for (int i = 0; i < q->n; i++) {
    free((void *)q->clips[i].samples);
    free((char *)q->clips[i].wav);
    free((char *)q->clips[i].file);
    free((char *)q->clips[i].key);
  }
  free(q->clips);
  free(q->key);
  free(q->out);
  vg_cache_unref(q->a.cache);
  free(q);
}

static void audio_work(void *data) {
  audio_req *q = data;
  vge_encode_audio(&q->a, &q->r);
}

static int audio_push(lua_State *L, void *data) { return push_res_or_err(L, &((audio_req *)data)->r); }

static vge_audio *audio_of(struct audio_req *q) { return &q->a; }
static vge_result *audio_result_of(struct audio_req *q) { return &q->r; }

/* Reads an audio table at index t into a new request, held by a holder left
 * on the stack under nothing else (the caller pops it after taking q). */
static audio_req *read_audio(lua_State *L, int t) {
  luaL_checktype(L, t, LUA_TTABLE);
  audio_req *q = calloc(1, sizeof *q);
  if (!q) { luaL_error(L, "out of memory"); return NULL; }
  holder *h = new_holder(L, q, audio_free);
  q->a.duration = opt_num(L, t, "duration", 0, 1);
  q->a.bitrate = opt_int(L, t, "bitrate", 0);
  q->key = opt_str(L, t, "key", 0);
  q->out = opt_str(L, t, "out", 0);
  q->a.key = q->key;
  q->a.out = q->out;
  q->a.no_cache = q->out != NULL;
  q->a.cache = vg_cache_ref(opt_cache(L, t));
  q->a.cancel = &q->cancel;
  int ty = lua_getfield(L, t, "clips");
  if (ty != LUA_TNIL && ty != LUA_TTABLE) luaL_error(L, "bad field 'clips' (table expected)");
  int n = ty == LUA_TTABLE ? (int)luaL_len(L, -1) : 0;
  q->clips = calloc((size_t)(n ? n : 1), sizeof *q->clips);
  if (!q->clips) { luaL_error(L, "out of memory"); return NULL; }
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, -1, i + 1);
    int ct = lua_gettop(L);
    if (!lua_istable(L, ct)) luaL_error(L, "clips[%d]: table expected", i + 1);
    q->n = i + 1;
    vge_clip *c = &q->clips[i];
    c->at = opt_num(L, ct, "at", 0, 0);
    c->wav = opt_str(L, ct, "wav", 0);
    c->file = c->wav ? NULL : opt_str(L, ct, "file", 0);
    c->key = c->wav ? opt_str(L, ct, "key", 0) : NULL;
    c->len = opt_num(L, ct, "len", 0, 0);
    if (!c->wav && !c->file) {
      if (lua_getfield(L, ct, "pcm") != LUA_TSTRING) luaL_error(L, "clips[%d]: wav or pcm expected", i + 1);
      size_t len;
      const char *d = lua_tolstring(L, -1, &len);
      int16_t *s = malloc(len ? len : 1);
      if (!s) luaL_error(L, "out of memory");
      memcpy(s, d, len);
      c->samples = s;
      c->n = len / 2;
      lua_pop(L, 1);
      c->rate = opt_int(L, ct, "rate", 22050);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  q->a.clips = q->clips;
  q->a.n = q->n;
  h->p = NULL;
  lua_pop(L, 1);
  return q;
}

/* encode_core.audio{duration=, clips={{wav=, at=, len=} | {file=, at=} | {pcm=, rate=, at=}}, ...} */
static int l_audio(lua_State *L) {
  audio_req *q = read_audio(L, 1);
  return vgl_work_ex(L, audio_work, audio_push, audio_free, audio_cancel, q);
}

/* ---- a recorded narration ---------------------------------------------------- */

typedef struct probe_req {
  char *path;
  double max_seconds;
  volatile int cancel;
  int rc;
  vge_recording_info info;
  char err[512];
} probe_req;
CANCEL_FN(probe_cancel, probe_req)

static void probe_free(void *data) {
  probe_req *q = data;
  if (!q) return;
  free(q->path);
  free(q);
}

static void probe_work(void *data) {
  probe_req *q = data;
  vge_recording_opts o = { .max_seconds = q->max_seconds, .cancel = &q->cancel };
  q->rc = vge_read_recording(q->path, &o, &q->info, q->err, sizeof q->err);
}

static int probe_push(lua_State *L, void *data) {
  probe_req *q = data;
  if (q->rc != 0) return vgl_fail(L, q->err, NULL);
  lua_createtable(L, 0, 7);
  lua_pushnumber(L, q->info.duration); lua_setfield(L, -2, "duration");
  lua_pushinteger(L, q->info.samples); lua_setfield(L, -2, "samples");
  lua_pushinteger(L, q->info.rate); lua_setfield(L, -2, "rate");
  lua_pushinteger(L, q->info.channels); lua_setfield(L, -2, "channels");
  lua_pushinteger(L, q->info.damaged); lua_setfield(L, -2, "damaged");
  lua_pushstring(L, q->info.codec); lua_setfield(L, -2, "codec");
  lua_pushstring(L, q->info.format); lua_setfield(L, -2, "format");
  return 1;
}

/* encode_core.probe_audio(path [, max_seconds]) -> {duration=, samples=,
 * rate=, channels=, codec=, format=, damaged=} | nil, "PATH: reason".
 * Decodes the whole file on the thread pool: what cannot be decoded is
 * refused before any work, and the length is the samples', not a header's. */
static int l_probe_audio(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  double max = luaL_optnumber(L, 2, 0);
  probe_req *q = calloc(1, sizeof *q);
  if (!q) return luaL_error(L, "out of memory");
  q->path = vg_strdup(path);
  q->max_seconds = max;
  return vgl_work_ex(L, probe_work, probe_push, probe_free, probe_cancel, q);
}

/* ---- join ------------------------------------------------------------------ */

typedef struct join_req {
  vge_join j;
  char **segs;
  int n;
  vge_chapter *ch;
  int nch;
  char *audio, *title, *out;
  volatile int cancel;
  vge_result r;
} join_req;
CANCEL_FN(join_cancel, join_req)

static void join_free(void *data) {
  join_req *q = data;
  if (!q) return;
  for (int i = 0; i < q->n; i++) free(q->segs[i]);
  for (int i = 0; i < q->nch; i++) free((char *)q->ch[i].title);
  free(q->segs);
  free(q->ch);
  free(q->audio);
  free(q->title);
  free(q->out);
  free(q);
}

static void join_work(void *data) {
  join_req *q = data;
  vge_join_files(&q->j, &q->r);
}

static int join_push(lua_State *L, void *data) { return push_res_or_err(L, &((join_req *)data)->r); }

/* encode_core.join{segments={path | {path=}}, audio=, chapters={{title=, start=, ["end"]=}}, title=, out=} */
static int l_join(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  join_req *q = calloc(1, sizeof *q);
  if (!q) return luaL_error(L, "out of memory");
  holder *h = new_holder(L, q, join_free);
  q->out = opt_str(L, 1, "out", 1);
  q->audio = opt_str(L, 1, "audio", 0);
  q->title = opt_str(L, 1, "title", 0);
  q->j.no_faststart = !opt_bool(L, 1, "faststart", 1);
  if (lua_getfield(L, 1, "segments") != LUA_TTABLE) luaL_error(L, "missing field 'segments' (table expected)");
  int n = (int)luaL_len(L, -1);
  if (n <= 0) return luaL_error(L, "field 'segments' is empty");
  q->segs = calloc((size_t)n, sizeof *q->segs);
  if (!q->segs) return luaL_error(L, "out of memory");
  for (int i = 0; i < n; i++) {
    int ty = lua_rawgeti(L, -1, i + 1);
    if (ty == LUA_TTABLE) {
      lua_getfield(L, -1, "path");
      lua_remove(L, -2);
    }
    if (!lua_isstring(L, -1)) luaL_error(L, "segments[%d]: path expected", i + 1);
    q->segs[i] = vg_strdup(lua_tostring(L, -1));
    q->n = i + 1;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  int ty = lua_getfield(L, 1, "chapters");
  if (ty == LUA_TTABLE) {
    int m = (int)luaL_len(L, -1);
    q->ch = calloc((size_t)(m ? m : 1), sizeof *q->ch);
    if (!q->ch) return luaL_error(L, "out of memory");
    for (int i = 0; i < m; i++) {
      lua_rawgeti(L, -1, i + 1);
      int ct = lua_gettop(L);
      if (!lua_istable(L, ct)) luaL_error(L, "chapters[%d]: table expected", i + 1);
      q->nch = i + 1;
      q->ch[i].title = opt_str(L, ct, "title", 0);
      q->ch[i].start = opt_num(L, ct, "start", 0, 1);
      q->ch[i].end = opt_num(L, ct, "end", 0, 1);
      lua_pop(L, 1);
    }
  } else if (ty != LUA_TNIL) {
    luaL_error(L, "bad field 'chapters' (table expected)");
  }
  lua_pop(L, 1);
  q->j.segments = (const char *const *)q->segs;
  q->j.n = q->n;
  q->j.audio = q->audio;
  q->j.chapters = q->ch;
  q->j.nchapters = q->nch;
  q->j.title = q->title;
  q->j.out = q->out;
  q->j.cancel = &q->cancel;
  h->p = NULL;
  lua_pop(L, 1);
  return vgl_work_ex(L, join_work, join_push, join_free, join_cancel, q);
}

/* preload(): the vgrun program opens its encoder module on a thread of its
 * own now, not when the first thing is encoded (media.h) */
static int l_preload(lua_State *L) {
  (void)L;
  vge_media_preload();
  return 0;
}

int vgmod_encode_core(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"segment", l_segment},
    {"segments", l_segments},
    {"audio", l_audio},
    {"probe_audio", l_probe_audio},
    {"join", l_join},
    {"preload", l_preload},
    {NULL, NULL},
  };
  luaL_newlib(L, fns);
  lua_pushliteral(L, "vge-1");
  lua_setfield(L, -2, "version");
  return 1;
}
