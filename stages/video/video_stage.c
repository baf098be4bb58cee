/* video_stage.c: the native stage "video.encode". Its options are a plan
 * made by lua/vg/create/ (plan.lua):
 *   { width, height, fps, cfr, preset, crf, jobs, no_cache, title, out,
 *     segments = { { start, end, frames = { {t = s, list = <display list>,
 *                                             [under = <display list>, alpha = a,]
 *                                             [over = <display list>]}, ... } } },
 *     audio = { duration, clips = { {wav = path, at = s}, ... } },
 *     chapters = { {title, start, end}, ... } }
 * Frames of a segment are keyframes: frame k is shown from its t until the
 * next one's. The encoder asks for every frame of the grid; the source
 * renders only when the keyframe changes, so a static scene is drawn once.
 * A keyframe with `under` is a crossfade: `list` drawn at `alpha` over
 * `under`, which is drawn once per segment and blended in C (drawing both
 * pictures and compositing them in Cairo cost twice as much); `over` is then
 * drawn on top at full opacity (burnt-in captions).
 * Segments are cached by a hash of what they show, so an unchanged scene is
 * never rendered or encoded again. */
#include <limits.h>
#include <pthread.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "vg.h"
#include "render.h"
#include "encode.h"

/* Display lists are the plan's own cJSON trees (alive until the call is
 * freed; only read, so encoder threads share them): no parse per frame. */
typedef struct keyframe {
  double t;
  const cJSON *list;
  const cJSON *under, *over;   /* NULL, or display lists (crossfade, captions) */
  double alpha;
  char under_hash[65];
  char hash[65];        /* of everything the frame shows */
} keyframe;

typedef struct source {
  keyframe *k;
  int n;
  int cur;          /* keyframe shown now */
  int drawn;        /* keyframe whose pixels are in buf, or -1 */
  int width, height;
  vg_render_buffer buf;
  /* crossfades: the picture below, and the one fading in (unblended; the
   * blend is in buf) */
  vg_render_buffer under, top;
  char under_drawn[65];
  vg_render_buffer *shown;      /* buf, the picture of keyframe `drawn`, or NULL */
  const cJSON *buf_list;        /* the display list whose picture buf holds, or NULL */
  const cJSON *top_list;        /* the display list whose picture top holds, or NULL */
  int mix_ok;                   /* buf holds keyframe `drawn`'s crossfade */
  /* crossfades: where keyframe `drawn`'s picture below and list differ
   * (vg_render_changed), when fade_ok */
  vg_render_rect fade_diff;
  int fade_ok;
  vg_call *call;
  struct job *job;
} source;

typedef struct job {
  int width, height, fps, cfr, crf, jobs, no_cache;
  int whole;            /* VGRUN_WHOLE_REDRAW: every picture drawn whole */
  char *preset, *title, *out;
  int nseg;
  vge_segment *segs;
  source *srcs;
  char (*keys)[65];
  char (*tmp)[1024];
  vge_result *seg_results;
  int nclips;
  vge_clip *clips;
  double audio_duration;
  int nch;
  vge_chapter *chapters;
  vge_result audio_result, join_result;
  long frames_total;
  long frames_done;   /* atomic */
  int segments_cached, segments_made;
  long frames_encoded, frames_drawn;  /* atomic */
  volatile int cancel;  /* set by the stage's cancel: segments, audio and join stop */
  vg_cache *cache;      /* the task's, held while the encoder threads run */
  /* pictures no segment holds now, for the next one (picture_take) */
  pthread_mutex_t pool_lock;
  unsigned char **pool;
  int npool, pool_cap;
  int given_back;       /* the pool emptied and the arenas trimmed while joining */
} job;



/* Memory freed is not memory returned: glibc keeps what a video's plan,
 * its segments' encoders and pictures used in its arenas (one per thread),
 * and each video of a long document grew the process by 60-100 MB
 * (bench/create/bench_long.sh). malloc_trim hands the arenas' free pages back
 * once a video is planned and once it is done (not per segment: with both
 * encoders running it took ~9 ms a call and held the arenas' locks). Which
 * blocks come from mmap is the program's choice (cli/main.c), not libvg's. */
static void give_back(void) {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

/* Pictures are 8 MB each at 1080p, and a segment draws into one to three.
 * A segment takes them from the job's pool and gives them back when it is
 * encoded: a video holds at most three per encoder thread, each allocated
 * and touched once, not a fresh set per segment (the light deck of
 * bench/create: 48,000 page faults before, 42,000 with the pool). A new
 * picture's pages are mapped in one call (MAP_POPULATE), not one fault at
 * a time as they are first drawn: where a fault is dear (11-12 us, a
 * virtual machine's) that is half the cost of a fresh picture. */
static unsigned char *picture_map(size_t bytes) {
#if defined(__linux__) && defined(MAP_POPULATE)
  void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  return p == MAP_FAILED ? NULL : p;
#else
  return malloc(bytes);
#endif
}

static void picture_unmap(unsigned char *d, size_t bytes) {
  if (!d) return;
#if defined(__linux__) && defined(MAP_POPULATE)
  munmap(d, bytes);
#else
  (void)bytes;
  free(d);
#endif
}

static size_t picture_bytes(const job *j) { return (size_t)j->width * 4 * (size_t)j->height; }

static int picture_take(source *s, vg_render_buffer *b) {
  if (b->data) return 0;
  job *j = s->job;
  unsigned char *d = NULL;
  pthread_mutex_lock(&j->pool_lock);
  if (j->npool > 0) d = j->pool[--j->npool];
  pthread_mutex_unlock(&j->pool_lock);
  if (!d && !(d = picture_map(picture_bytes(j)))) return -1;
  b->data = d;
  b->width = j->width;
  b->height = j->height;
  b->stride = j->width * 4;
  return 0;
}

static void picture_give(job *j, vg_render_buffer *b) {
  if (!b->data) return;
  pthread_mutex_lock(&j->pool_lock);
  if (j->npool == j->pool_cap) {
    int cap = j->pool_cap ? 2 * j->pool_cap : 8;
    unsigned char **np = realloc(j->pool, sizeof *np * (size_t)cap);
    if (np) { j->pool = np; j->pool_cap = cap; }
  }
  if (j->npool < j->pool_cap) { j->pool[j->npool++] = b->data; b->data = NULL; }
  pthread_mutex_unlock(&j->pool_lock);
  picture_unmap(b->data, picture_bytes(j));   /* no room in the pool */
  *b = (vg_render_buffer){0};
}

/* Every segment is encoded: the pool's pictures are unmapped (each 8 MB at
 * 1080p, 1-1.3 ms a munmap) and the arenas trimmed (give_back, 8-9 ms after
 * a cold create of the light deck), on a thread of its own while the join
 * remuxes and waits for its fsyncs, instead of on the loop thread after the
 * join, when one core is idle and the task waits. */
static void *give_back_main(void *arg) {
  job *j = arg;
  pthread_mutex_lock(&j->pool_lock);
  unsigned char **pics = j->pool;
  int n = j->npool;
  j->pool = NULL;
  j->npool = j->pool_cap = 0;
  pthread_mutex_unlock(&j->pool_lock);
  for (int i = 0; i < n; i++) picture_unmap(pics[i], picture_bytes(j));
  free(pics);
  give_back();
  return NULL;
}

/* The segment is encoded: its pictures go back to the pool now, not when
 * the whole video is done. */
static void release_pictures(void *ud) {
  source *s = ud;
  picture_give(s->job, &s->buf);
  picture_give(s->job, &s->under);
  picture_give(s->job, &s->top);
  s->drawn = -1;
  s->under_drawn[0] = 0;
  s->shown = NULL;
  s->buf_list = NULL;
  s->top_list = NULL;
  s->mix_ok = 0;
}

static void job_free(void *data) {
  job *j = data;
  for (int i = 0; i < j->nseg; i++) {
    source *s = &j->srcs[i];
    free(s->k);
    release_pictures(s);
    if (j->no_cache && j->tmp && j->tmp[i][0]) unlink(j->tmp[i]);
  }
  for (int i = 0; i < j->nclips; i++) { free((char *)j->clips[i].wav); free((char *)j->clips[i].file); free((char *)j->clips[i].key); }
  for (int i = 0; i < j->nch; i++) free((char *)j->chapters[i].title);
  free(j->segs); free(j->srcs); free(j->keys); free(j->tmp); free(j->seg_results);
  vg_cache_unref(j->cache);
  free(j->clips); free(j->chapters);
  free(j->preset); free(j->title); free(j->out);
  for (int i = 0; i < j->npool; i++) picture_unmap(j->pool[i], picture_bytes(j));
  free(j->pool);
  pthread_mutex_destroy(&j->pool_lock);
  free(j);
}

/* The smallest rectangle holding the non-empty ones of rs (w = 0: none). */
static vg_render_rect bounds(const vg_render_rect *const *rs, int n) {
  int x0 = INT_MAX, y0 = INT_MAX, x1 = INT_MIN, y1 = INT_MIN;
  for (int i = 0; i < n; i++)
    if (rs[i]->w > 0 && rs[i]->h > 0) {
      if (rs[i]->x < x0) x0 = rs[i]->x;
      if (rs[i]->y < y0) y0 = rs[i]->y;
      if (rs[i]->x + rs[i]->w > x1) x1 = rs[i]->x + rs[i]->w;
      if (rs[i]->y + rs[i]->h > y1) y1 = rs[i]->y + rs[i]->h;
    }
  return x1 > x0 && y1 > y0 ? (vg_render_rect){x0, y0, x1 - x0, y1 - y0} : (vg_render_rect){0, 0, 0, 0};
}

static int oom(char *err, size_t n) {
  snprintf(err, n, "out of memory");
  return -1;
}

/* The encoder's frame source (runs on an encoder thread; no Lua). */
static int get_frame(void *ud, int64_t index, double t, vge_frame *out) {
  source *s = ud;
  (void)index;
  while (s->cur + 1 < s->n && s->k[s->cur + 1].t <= t + 1e-9) s->cur++;
  long done = __atomic_add_fetch(&s->job->frames_done, 1, __ATOMIC_RELAXED);
  if (done % 300 == 0 && s->job->frames_total > 0)
    vg_call_progress(s->call, 0.9 * (double)done / (double)s->job->frames_total, "encoding frames");
  if (vg_call_cancelled(s->call)) { out->error = "cancelled"; return -1; }
  if (s->drawn >= 0 && strcmp(s->k[s->drawn].hash, s->k[s->cur].hash) == 0) {
    out->data = s->shown->data;
    out->stride = s->shown->stride;
    out->changed = 0;
    return 0;
  }
  static _Thread_local char err[512];
  if (s->n < 1) { out->error = "segment left the cache while encoding; run again"; return -1; }
  const keyframe *k = &s->k[s->cur];
  int rc, x0 = 0, y0 = 0, x1 = 0, y1 = 0, same = 0;
  if (!k->under) {
    /* only the pixels that differ from the picture already in buf: an
     * entrance or a reveal moves a part of the frame */
    vg_render_rect r;
    if (s->buf.data && s->buf_list && !s->job->whole &&
        vg_render_changed(s->buf_list, k->list, s->width, s->height, &r) == 0 &&
        (r.w < s->width || r.h < s->height)) {
      rc = r.w > 0 ? vg_render_region(k->list, &r, &s->buf, err, sizeof err) : 0;
      if (s->shown == &s->buf) {   /* the encoder's last picture: what changed in it */
        if (r.w > 0) { x0 = r.x; y0 = r.y; x1 = r.x + r.w; y1 = r.y + r.h; }
        else same = 1;
      }
    } else {
      rc = picture_take(s, &s->buf) != 0 ? oom(err, sizeof err)
                                         : vg_render_cjson(k->list, s->width, s->height, &s->buf, NULL, err, sizeof err);
    }
    s->buf_list = rc == 0 ? k->list : NULL;
  } else {
    rc = 0;
    /* the previous picture, when it was a crossfade from the same picture */
    const keyframe *pk = s->drawn >= 0 && s->mix_ok && s->k[s->drawn].under &&
                         strcmp(s->k[s->drawn].under_hash, k->under_hash) == 0 ? &s->k[s->drawn] : NULL;
    if (strcmp(s->under_drawn, k->under_hash) != 0) {
      s->under_drawn[0] = 0;
      pk = NULL;
      rc = picture_take(s, &s->under) != 0 ? oom(err, sizeof err)
                                           : vg_render_cjson(k->under, s->width, s->height, &s->under, NULL, err, sizeof err);
      if (rc == 0) memcpy(s->under_drawn, k->under_hash, sizeof s->under_drawn);
    }
    /* top keeps the scene fading in unblended, so the next keyframe redraws
     * only what moved in it (the blend goes to buf) */
    vg_render_rect q;
    if (rc == 0 && s->top.data && s->top_list && !s->job->whole &&
        vg_render_changed(s->top_list, k->list, s->width, s->height, &q) == 0 &&
        (q.w < s->width || q.h < s->height))
      rc = q.w > 0 ? vg_render_region(k->list, &q, &s->top, err, sizeof err) : 0;
    else if (rc == 0)
      rc = picture_take(s, &s->top) != 0 ? oom(err, sizeof err)
                                         : vg_render_cjson(k->list, s->width, s->height, &s->top, NULL, err, sizeof err);
    s->top_list = rc == 0 ? k->list : NULL;
    if (rc == 0 && picture_take(s, &s->buf) != 0) rc = oom(err, sizeof err);
    s->buf_list = NULL;   /* buf holds a blend from here on */
    /* A pixel where the picture below equals the one fading in, in this
     * keyframe and the previous, is the same in both blends (the blend of
     * equal bytes is that byte), and so are captions drawn over it if
     * they did not change: only the rest changed. Two scenes of one look
     * share their background, so a crossfade leaves much of the frame. */
    vg_render_rect d, oc = {0, 0, 0, 0};
    int fade_ok = rc == 0 && vg_render_changed(k->under, k->list, s->width, s->height, &d) == 0;
    /* buf outside d and the previous keyframe's d already holds the picture
     * below (equal to the one fading in there), unless captions were drawn
     * over it: then the whole frame is blended again and captioned once */
    int partial = fade_ok && pk && s->fade_ok && !pk->over && !k->over && !s->job->whole;
    vg_render_rect b = {0, 0, s->width, s->height};
    if (partial) {
      const vg_render_rect *rs[2] = {&d, &s->fade_diff};
      b = bounds(rs, 2);
    }
    if (rc == 0) {
      if (b.x < 0) { b.w += b.x; b.x = 0; }
      if (b.y < 0) { b.h += b.y; b.y = 0; }
      if (b.x + b.w > s->width) b.w = s->width - b.x;
      if (b.y + b.h > s->height) b.h = s->height - b.y;
      if (b.w > 0 && b.h > 0) {
        size_t off_u = (size_t)b.y * (size_t)s->under.stride + (size_t)b.x * 4;
        size_t off_t = (size_t)b.y * (size_t)s->top.stride + (size_t)b.x * 4;
        size_t off_m = (size_t)b.y * (size_t)s->buf.stride + (size_t)b.x * 4;
        vg_render_buffer u = {s->under.data + off_u, b.w, b.h, s->under.stride};
        vg_render_buffer t = {s->top.data + off_t, b.w, b.h, s->top.stride};
        vg_render_buffer m = {s->buf.data + off_m, b.w, b.h, s->buf.stride};
        vg_render_blend(&u, &t, k->alpha, &m);
      }
    }
    if (fade_ok && pk && s->fade_ok && !pk->over == !k->over && !s->job->whole &&
        (!k->over || vg_render_changed(pk->over, k->over, s->width, s->height, &oc) == 0)) {
      const vg_render_rect *rs[3] = {&d, &s->fade_diff, &oc};
      vg_render_rect u = bounds(rs, 3);
      if (u.w > 0) { x0 = u.x; y0 = u.y; x1 = u.x + u.w; y1 = u.y + u.h; }
    }
    s->fade_diff = d;
    s->fade_ok = fade_ok;
  }
  s->mix_ok = k->under && rc == 0;
  s->shown = &s->buf;
  if (rc == 0 && k->over) rc = vg_render_over(k->over, s->shown, err, sizeof err);
  if (rc != 0) {
    s->drawn = -1;
    out->error = err;
    return -1;
  }
  if (!same) __atomic_add_fetch(&s->job->frames_drawn, 1, __ATOMIC_RELAXED);
  s->drawn = s->cur;
  out->data = s->shown->data;
  out->stride = s->shown->stride;
  out->changed = !same;
  /* the next keyframe replaces this picture on the next frame of the grid
   * (with another picture: an equal one leaves it on screen) */
  const keyframe *next = s->cur + 1 < s->n ? &s->k[s->cur + 1] : NULL;
  out->fleeting = next && next->t <= t + 1.0 / s->job->fps + 1e-9 && strcmp(next->hash, s->k[s->cur].hash) != 0;
  /* crossfades and full redraws: all zero, the whole frame */
  out->x0 = x0;
  out->y0 = y0;
  out->x1 = x1;
  out->y1 = y1;
  return 0;
}

/* Hashes a display list as its compact JSON text (cJSON keeps the plan's
 * key order, which vgl_to_json makes canonical). */
static int hash_json(vg_hash *h, const cJSON *j) {
  char *txt = cJSON_PrintUnformatted(j);
  if (!txt) return -1;
  vg_hash_str(h, txt);
  free(txt);
  return 0;
}

static int prepare(vg_call *c) {
  const cJSON *p = vg_call_options(c);
  job *j = calloc(1, sizeof *j);
  if (!j) return vg_call_fail(c, "out of memory");
  if (pthread_mutex_init(&j->pool_lock, NULL) != 0) { free(j); return vg_call_fail(c, "out of memory"); }
  vg_call_set_data(c, j);
  j->cache = vg_cache_ref(vg_call_cache(c));
  j->width = vg_json_int(p, "width", 1920);
  j->height = vg_json_int(p, "height", 1080);
  j->fps = vg_json_int(p, "fps", 30);
  j->crf = vg_json_int(p, "crf", 23);
  j->jobs = vg_json_int(p, "jobs", 0);
  j->whole = getenv("VGRUN_WHOLE_REDRAW") != NULL;
  j->cfr = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "cfr"));
  j->no_cache = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "no_cache"));
  j->preset = vg_strdup(vg_json_str(p, "preset", NULL) ? vg_json_str(p, "preset", NULL) : VGE_DEFAULT_PRESET);
  j->title = vg_strdup(vg_json_str(p, "title", NULL));
  j->out = vg_strdup(vg_json_str(p, "out", NULL));
  if (!j->out) return vg_call_fail(c, "plan.out: the output path is missing");
  if (j->width < 16 || j->height < 16 || j->width > 7680 || j->height > 4320 || (j->width | j->height) & 1)
    return vg_call_fail(c, "resolution %dx%d: width and height must be even, 16..7680 x 16..4320", j->width, j->height);
  if (j->fps < 1 || j->fps > 120) return vg_call_fail(c, "fps %d: must be 1..120", j->fps);

  const cJSON *segs = cJSON_GetObjectItemCaseSensitive(p, "segments");
  j->nseg = cJSON_GetArraySize(segs);
  if (j->nseg < 1) return vg_call_fail(c, "plan.segments: nothing to encode");
  j->segs = calloc((size_t)j->nseg, sizeof *j->segs);
  j->srcs = calloc((size_t)j->nseg, sizeof *j->srcs);
  j->keys = calloc((size_t)j->nseg, sizeof *j->keys);
  j->tmp = calloc((size_t)j->nseg, sizeof *j->tmp);
  j->seg_results = calloc((size_t)j->nseg, sizeof *j->seg_results);
  if (!j->segs || !j->srcs || !j->keys || !j->tmp || !j->seg_results) return vg_call_fail(c, "out of memory");
  int i = 0;
  const cJSON *sg;
  cJSON_ArrayForEach(sg, segs) {
    /* hashing a long video's frames takes a while on the loop's thread,
     * which cancels the call only once this returns: Ctrl-C stops it here */
    if (vg_call_cancelled(c) || vg_engine_interrupted(vg_call_engine(c))) return vg_call_fail(c, "cancelled");
    source *s = &j->srcs[i];
    s->call = c; s->job = j; s->drawn = -1;
    s->width = j->width; s->height = j->height;
    const cJSON *frames = cJSON_GetObjectItemCaseSensitive(sg, "frames");
    const char *given_key = vg_json_str(sg, "key", NULL);
    s->n = cJSON_GetArraySize(frames);
    /* a segment the caller found in the cache comes with its key only */
    if (s->n < 1 && !given_key) return vg_call_fail(c, "plan.segments[%d].frames: no frames", i + 1);
    s->k = calloc((size_t)(s->n > 0 ? s->n : 1), sizeof *s->k);
    if (!s->k) return vg_call_fail(c, "out of memory");
    vg_hash seg_hash;
    vg_hash_init(&seg_hash);
    vg_hash_str(&seg_hash, "vgrun video segment v1");
    int w = j->width, h = j->height;
    vg_hash_update(&seg_hash, &w, sizeof w);
    vg_hash_update(&seg_hash, &h, sizeof h);
    int k = 0;
    const cJSON *fr;
    double prev_t = -1, cost = 3;   /* opening an encoder and its first, intra, picture */
    cJSON_ArrayForEach(fr, frames) {
      keyframe *kf = &s->k[k];
      kf->t = vg_json_num(fr, "t", 0);
      if (kf->t < prev_t) return vg_call_fail(c, "plan.segments[%d].frames[%d].t goes backwards", i + 1, k + 1);
      prev_t = kf->t;
      const cJSON *list = cJSON_GetObjectItemCaseSensitive(fr, "list");
      if (!cJSON_IsObject(list)) return vg_call_fail(c, "plan.segments[%d].frames[%d].list: display list expected", i + 1, k + 1);
      const cJSON *under = cJSON_GetObjectItemCaseSensitive(fr, "under");
      const cJSON *over = cJSON_GetObjectItemCaseSensitive(fr, "over");
      if (under && !cJSON_IsObject(under)) return vg_call_fail(c, "plan.segments[%d].frames[%d].under: display list expected", i + 1, k + 1);
      if (over && !cJSON_IsObject(over)) return vg_call_fail(c, "plan.segments[%d].frames[%d].over: display list expected", i + 1, k + 1);
      kf->alpha = vg_json_num(fr, "alpha", 1);
      if (under && !(kf->alpha >= 0 && kf->alpha <= 1)) return vg_call_fail(c, "plan.segments[%d].frames[%d].alpha: 0..1 expected", i + 1, k + 1);
      kf->list = list;
      kf->under = under;
      kf->over = over;
      /* a crossfade picture changes everywhere two scenes differ: it costs
       * the encoder two to three times an entrance's (bench_encode --areas) */
      cost += under ? 2.5 : 1;
      vg_hash fh;
      vg_hash_init(&fh);
      if (hash_json(&fh, list) != 0) return vg_call_fail(c, "out of memory");
      if (under) {
        /* a crossfade's frames share one picture below: hash it once */
        const keyframe *pk = k > 0 ? &s->k[k - 1] : NULL;
        if (pk && pk->under && cJSON_Compare(pk->under, under, 1)) {
          memcpy(kf->under_hash, pk->under_hash, sizeof kf->under_hash);
        } else {
          vg_hash uh;
          vg_hash_init(&uh);
          if (hash_json(&uh, under) != 0) return vg_call_fail(c, "out of memory");
          vg_hash_final(&uh, kf->under_hash);
        }
        vg_hash_str(&fh, "\nunder ");
        vg_hash_str(&fh, kf->under_hash);
        vg_hash_update(&fh, &kf->alpha, sizeof kf->alpha);
      }
      if (over) {
        vg_hash_str(&fh, "\nover ");
        if (hash_json(&fh, over) != 0) return vg_call_fail(c, "out of memory");
      }
      vg_hash_final(&fh, kf->hash);
      vg_hash_update(&seg_hash, &kf->t, sizeof kf->t);
      vg_hash_str(&seg_hash, kf->hash);
      k++;
    }
    vg_hash_final(&seg_hash, j->keys[i]);
    if (given_key) snprintf(j->keys[i], sizeof j->keys[i], "%s", given_key);
    vge_segment *v = &j->segs[i];
    v->v.width = j->width;
    v->v.height = j->height;
    v->v.fps_num = j->fps;
    v->v.fps_den = 1;
    v->v.preset = j->preset;
    v->v.crf = j->crf == 0 ? VGE_CRF_LOSSLESS : j->crf;   /* --crf 0: lossless */
    v->v.cfr = j->cfr;
    v->v.pix = VGE_PIX_BGRA;
    v->start = vg_json_num(sg, "start", 0);
    v->end = vg_json_num(sg, "end", 0);
    if (v->end <= v->start) return vg_call_fail(c, "plan.segments[%d]: end %.3f is not after start %.3f", i + 1, v->end, v->start);
    v->get_frame = get_frame;
    v->release = release_pictures;
    v->cost = s->n > 0 ? cost : 0;   /* from the cache: nothing to draw */
    v->ud = s;
    if (s->n < 1 && j->no_cache) return vg_call_fail(c, "plan.segments[%d]: frames are needed without the cache", i + 1);
    if (j->no_cache) {
      /* --no-cache: work files in this process's scratch folder, never the cache */
      if (vg_scratch_path(j->tmp[i], sizeof j->tmp[i], ".mp4") != 0) return vg_call_fail(c, "%s", vg_cache_error());
      v->out = j->tmp[i];
    } else {
      v->key = j->keys[i];
      v->cache = j->cache;
    }
    j->frames_total += (long)((v->end - v->start) * j->fps + 0.5);
    i++;
  }

  const cJSON *audio = cJSON_GetObjectItemCaseSensitive(p, "audio");
  const cJSON *clips = cJSON_GetObjectItemCaseSensitive(audio, "clips");
  j->audio_duration = vg_json_num(audio, "duration", j->segs[j->nseg - 1].end);
  j->nclips = cJSON_GetArraySize(clips);
  if (j->nclips > 0) {
    j->clips = calloc((size_t)j->nclips, sizeof *j->clips);
    if (!j->clips) return vg_call_fail(c, "out of memory");
    int n = 0;
    const cJSON *cl;
    cJSON_ArrayForEach(cl, clips) {
      const char *wav = vg_json_str(cl, "wav", NULL);
      const char *file = vg_json_str(cl, "file", NULL);   /* a recording (--audio) */
      if (!wav && !file) return vg_call_fail(c, "plan.audio.clips[%d].wav: path expected", n + 1);
      const char *key = vg_json_str(cl, "key", NULL);   /* the clip's own cache key */
      if (wav) j->clips[n].wav = vg_strdup(wav);
      if (wav && key) j->clips[n].key = vg_strdup(key);
      else j->clips[n].file = vg_strdup(file);
      j->clips[n].at = vg_json_num(cl, "at", 0);
      j->clips[n].len = vg_json_num(cl, "len", 0);
      n++;
    }
  }
  const cJSON *chs = cJSON_GetObjectItemCaseSensitive(p, "chapters");
  j->nch = cJSON_GetArraySize(chs);
  if (j->nch > 0) {
    j->chapters = calloc((size_t)j->nch, sizeof *j->chapters);
    if (!j->chapters) return vg_call_fail(c, "out of memory");
    int n = 0;
    const cJSON *ch;
    cJSON_ArrayForEach(ch, chs) {
      j->chapters[n].title = vg_strdup(vg_json_str(ch, "title", NULL) ? vg_json_str(ch, "title", NULL) : "");
      j->chapters[n].start = vg_json_num(ch, "start", 0);
      j->chapters[n].end = vg_json_num(ch, "end", 0);
      n++;
    }
  }
  give_back();   /* the hashing's JSON texts, the previous video's plan */
  return 0;
}

/* Testing the cancel that comes too late: VGRUN_TEST_JOINED=FILE makes the
 * stage, once the join has committed the MP4, create FILE and wait (up to
 * 120 s) until its call is cancelled, so a test's cancel (SIGINT, a task's
 * cancel, `POST /cancel`) lands between the commit and the task's record of
 * it (tests/hostile/cancel_after_join.sh). */
static void joined_test_point(vg_call *c) {
  const char *mark = getenv("VGRUN_TEST_JOINED");
  if (!mark || !*mark) return;
  FILE *f = fopen(mark, "w");
  if (f) fclose(f);
  for (int i = 0; i < 12000 && !vg_call_cancelled(c); i++) usleep(10000);
}

static int work(vg_call *c) {
  job *j = vg_call_data(c);
  vg_call_progress(c, 0.0, "rendering and encoding scenes");
  int jobs = j->jobs > 0 ? j->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
  if (jobs < 1) jobs = 1;
  /* the narration track is one more job beside the segments */
  vge_audio a;
  memset(&a, 0, sizeof a);
  a.clips = j->clips;
  a.n = j->nclips;
  a.duration = j->audio_duration;
  a.no_cache = j->no_cache;
  a.cache = j->cache;
  a.cancel = &j->cancel;
  char audio_tmp[1024] = "";
  if (j->no_cache) {
    if (vg_scratch_path(audio_tmp, sizeof audio_tmp, ".m4a") != 0) return vg_call_fail(c, "%s", vg_cache_error());
    a.out = audio_tmp;
  }
  /* the pool starts the costliest segments first (vge_segment.cost) */
  vge_segment *run = malloc(sizeof *run * (size_t)j->nseg);
  if (!run) return vg_call_fail(c, "out of memory");
  for (int i = 0; i < j->nseg; i++) {
    run[i] = j->segs[i];
    run[i].cancel = &j->cancel;
  }
  int enc_rc = vge_encode_all(run, j->nseg, jobs, j->seg_results, &a, &j->audio_result);
  free(run);
  if (enc_rc != 0) {
    if (audio_tmp[0]) unlink(audio_tmp);
    for (int i = 0; i < j->nseg; i++)
      if (j->seg_results[i].rc != 0) return vg_call_fail(c, "scene segment %d: %s", i + 1, j->seg_results[i].err);
    if (j->audio_result.rc != 0) return vg_call_fail(c, "narration audio: %s", j->audio_result.err);
    return vg_call_fail(c, "encoding failed");
  }
  for (int i = 0; i < j->nseg; i++) {
    if (j->seg_results[i].cached) j->segments_cached++; else j->segments_made++;
    j->frames_encoded += (long)j->seg_results[i].encoded;
  }
  if (vg_call_cancelled(c)) { if (audio_tmp[0]) unlink(audio_tmp); return vg_call_fail(c, "cancelled"); }
  vg_call_progress(c, 0.97, "joining");
  const char **paths = calloc((size_t)j->nseg, sizeof *paths);
  if (!paths) return vg_call_fail(c, "out of memory");
  for (int i = 0; i < j->nseg; i++) paths[i] = j->seg_results[i].path;
  vge_join jn;
  memset(&jn, 0, sizeof jn);
  jn.segments = paths;
  jn.n = j->nseg;
  jn.audio = j->audio_result.path;
  jn.chapters = j->chapters;
  jn.nchapters = j->nch;
  jn.cancel = &j->cancel;
  jn.title = j->title;
  jn.out = j->out;
  jn.cache = j->no_cache ? NULL : j->cache;
  pthread_t gb;
  j->given_back = pthread_create(&gb, NULL, give_back_main, j) == 0;
  int rc = vge_join_files(&jn, &j->join_result);
  if (j->given_back) pthread_join(gb, NULL);
  free(paths);
  if (audio_tmp[0]) unlink(audio_tmp);
  if (rc != 0) return vg_call_fail(c, "%s: %s", j->out, j->join_result.err);
  /* the MP4 is committed: a cancel from now on is too late for this call,
   * which completes (the task records the file: lua/vg/pipeline.lua) */
  joined_test_point(c);
  return 0;
}

static int finish(vg_call *c) {
  job *j = vg_call_data(c);
  if (!j->given_back) give_back();
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "path", j->out);
  cJSON_AddNumberToObject(o, "duration", j->join_result.duration);
  cJSON_AddNumberToObject(o, "segments_cached", j->segments_cached);
  cJSON_AddNumberToObject(o, "segments_made", j->segments_made);
  cJSON_AddNumberToObject(o, "frames_encoded", (double)j->frames_encoded);
  cJSON_AddNumberToObject(o, "frames_drawn", (double)j->frames_drawn);
  cJSON_AddNumberToObject(o, "frames_total", (double)j->frames_total);
  cJSON *keys = cJSON_AddArrayToObject(o, "segment_keys");
  for (int i = 0; i < j->nseg; i++) cJSON_AddItemToArray(keys, cJSON_CreateString(j->keys[i]));
  cJSON *cached = cJSON_AddArrayToObject(o, "segment_cached");
  for (int i = 0; i < j->nseg; i++) cJSON_AddItemToArray(cached, cJSON_CreateBool(j->seg_results[i].cached));
  vg_call_output(c, "encoded", o);
  return 0;
}

/* Any thread: the task was cancelled. Every encoder thread polls the flag
 * between frames (and the audio and the join between packets), so a long
 * encode stops within a frame or two. */
static void cancel(vg_call *c) {
  job *j = vg_call_data(c);
  if (j) __atomic_store_n(&j->cancel, 1, __ATOMIC_RELAXED);
}

VG_DEFINE_STAGE(video_encode,
  .name = "video.encode",
  .summary = "render display lists and encode them with the narration into an MP4",
  .inputs = "",
  .outputs = "encoded",
  .prepare = prepare, .work = work, .finish = finish, .free_data = job_free, .cancel = cancel);
