/* segment.c: one scene -> one video-only MP4 segment (H.264, yuv420p).
 * Variable frame rate by default: only frames that change are converted and
 * encoded, plus one repeat at least every max_gap seconds so players can seek.
 * Every segment starts with an IDR frame and uses the same codec parameters,
 * so vge_join_files can concatenate segments without re-encoding. */
#include "encode_private.h"
#include "vg.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>

/* Bump when the bitstream for the same inputs changes (options, muxing). */
#define VGE_SEGMENT_VERSION "vge-segment-3"

/* vgrun's own presets: an x264 preset plus x264 options. */
static const struct {
  const char *name, *x264_preset, *x264_params;
} PRESETS[] = {
  /* The default. Slides are still pictures whose parts fade and slide into
   * place: a full-pixel motion search (subme=0 also skips x264's half-pixel
   * interpolation of every frame) and a short lookahead cut x264's time by
   * 40 % for about 5 % more bytes at the same SSIM (bench/create). */
  {"slides", "veryfast", "subme=0:me=dia:rc-lookahead=5"},
};

typedef struct vopts {
  int w, h, fnum, fden, crf, cfr;
  const char *preset;         /* as given: a vgrun or an x264 preset */
  const char *x264_preset, *x264_params;
  double max_gap, keyint;
  vge_pix pix;
} vopts;

static void resolve(const vge_video_opts *in, vopts *o) {
  o->w = in->width; o->h = in->height;
  o->fnum = in->fps_num > 0 ? in->fps_num : 30;
  o->fden = in->fps_den > 0 ? in->fps_den : 1;
  o->crf = in->crf > 0 ? in->crf : 23;
  o->cfr = in->cfr != 0;
  o->preset = in->preset && *in->preset ? in->preset : VGE_DEFAULT_PRESET;
  o->x264_preset = o->preset;
  o->x264_params = "";
  for (size_t i = 0; i < sizeof PRESETS / sizeof *PRESETS; i++)
    if (!strcmp(o->preset, PRESETS[i].name)) {
      o->x264_preset = PRESETS[i].x264_preset;
      o->x264_params = PRESETS[i].x264_params;
    }
  o->max_gap = in->max_gap > 0 ? in->max_gap : 1.0;
  o->keyint = in->keyint > 0 ? in->keyint : 10.0;
  o->pix = in->pix;
}

/* frame index on the grid for a timeline time */
static int64_t grid(double t, const vopts *o) {
  return llround(t * o->fnum / o->fden);
}

void vge_segment_key(const vge_segment *s, char out[65]) {
  vopts o;
  resolve(&s->v, &o);
  char buf[512];
  /* everything that shapes the bitstream, plus the encoder library versions */
  snprintf(buf, sizeof buf, "%s|%dx%d|%d/%d|%s|%s|%d|%d|%.6f|%.6f|%d|%lld|%u|%u", VGE_SEGMENT_VERSION,
           o.w, o.h, o.fnum, o.fden, o.x264_preset, o.x264_params, o.crf, o.cfr, o.cfr ? 0.0 : o.max_gap, o.keyint,
           (int)o.pix, (long long)(grid(s->end, &o) - grid(s->start, &o)), avcodec_version(),
           avformat_version());
  vg_hash h;
  vg_hash_init(&h);
  vg_hash_str(&h, buf);
  vg_hash_str(&h, s->key ? s->key : "");
  vg_hash_final(&h, out);
}

/* x264 sees consecutive frame numbers (as if the stream were CFR): with the
 * real, sparse timestamps its rate control gives long-lived frames more bits
 * (the benchmark's file grew by half, and took 7 % longer, for no visible
 * gain). Packets come out in input order (no B-frames), so the real times are
 * put back from a FIFO. */
#define PTS_FIFO 1024

typedef struct enc {
  AVFormatContext *oc;
  int64_t fifo[PTS_FIFO];
  int64_t fifo_in, fifo_out;
  AVStream *st;
  AVCodecContext *c;
  AVPacket *pkt, *pending;
  int have_pending;
  int64_t encoded;
} enc;

/* Writes the held packet with its duration now known (B-frames are off, so
 * packets come out in presentation order). */
static int emit(enc *e, AVPacket *next, int64_t end_pts) {
  if (e->have_pending) {
    e->pending->duration = (next ? next->pts : end_pts) - e->pending->pts;
    e->pending->stream_index = e->st->index;
    av_packet_rescale_ts(e->pending, e->c->time_base, e->st->time_base);
    int ret = av_write_frame(e->oc, e->pending);
    av_packet_unref(e->pending);
    e->have_pending = 0;
    if (ret < 0) return ret;
  }
  if (next) {
    av_packet_move_ref(e->pending, next);
    e->have_pending = 1;
  }
  return 0;
}

static int drain(enc *e, int64_t end_pts) {
  for (;;) {
    int ret = avcodec_receive_packet(e->c, e->pkt);
    if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) return 0;
    if (ret < 0) return ret;
    if (e->fifo_out >= e->fifo_in) return AVERROR_BUG; /* more packets than frames */
    e->pkt->pts = e->pkt->dts = e->fifo[e->fifo_out++ % PTS_FIFO];
    if ((ret = emit(e, e->pkt, end_pts)) < 0) return ret;
  }
}

/* A fresh I420 picture of the segment's size in yuv (dropping its old buffer). */
static int new_picture(AVFrame *yuv, const vopts *o) {
  av_frame_unref(yuv);
  yuv->format = AV_PIX_FMT_YUV420P;
  yuv->width = o->w;
  yuv->height = o->h;
  return av_frame_get_buffer(yuv, 0);
}

static int encode_to(const vge_segment *s, const vopts *o, const char *path, vge_result *r) {
  enc e = {0};
  AVFrame *yuv = NULL;
  AVDictionary *opts = NULL;
  int ret, rc = -1, opened = 0;
  int64_t nframes = grid(s->end, o) - grid(s->start, o);

  if (o->w <= 0 || o->h <= 0 || (o->w & 1) || (o->h & 1))
    return vge_fail(r, "encode: width and height must be even and positive (got %dx%d)", o->w, o->h);
  if (nframes <= 0)
    return vge_fail(r, "encode: segment [%g, %g) holds no frame at %d/%d fps", s->start, s->end,
                    o->fnum, o->fden);
  if (!s->get_frame) return vge_fail(r, "encode: no frame source");

  const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
  if (!codec) return vge_fail(r, "encode: FFmpeg has no libx264 encoder");
  if ((ret = avformat_alloc_output_context2(&e.oc, NULL, "mp4", path)) < 0) {
    vge_fail_av(r, ret, "encode: mp4 muxer"); goto done;
  }
  e.oc->flags |= AVFMT_FLAG_BITEXACT;
  e.c = avcodec_alloc_context3(codec);
  e.pkt = av_packet_alloc();
  e.pending = av_packet_alloc();
  yuv = av_frame_alloc();
  if (!e.c || !e.pkt || !e.pending || !yuv) { vge_fail(r, "encode: out of memory"); goto done; }

  AVCodecContext *c = e.c;
  c->width = o->w;
  c->height = o->h;
  c->pix_fmt = AV_PIX_FMT_YUV420P;
  c->time_base = (AVRational){o->fden, o->fnum};
  c->framerate = (AVRational){o->fnum, o->fden};
  c->sample_aspect_ratio = (AVRational){1, 1};
  c->max_b_frames = 0;      /* pts == dts: segments join by a plain offset */
  c->thread_count = 1;      /* the bitstream must not depend on the core count */
  /* keyint counts encoded frames in both modes: what a seek costs is the
   * number of frames decoded since the last IDR, not the time since it, and a
   * forced IDR costs as much as several repeated frames */
  c->gop_size = (int)fmin(1e6, fmax(1, o->keyint * o->fnum / o->fden));
  c->colorspace = AVCOL_SPC_BT709;
  c->color_primaries = AVCOL_PRI_BT709;
  c->color_trc = AVCOL_TRC_BT709;
  c->color_range = AVCOL_RANGE_MPEG;
  c->flags |= AV_CODEC_FLAG_BITEXACT;
  if (e.oc->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  av_dict_set(&opts, "preset", o->x264_preset, 0);
  av_dict_set_int(&opts, "crf", o->crf, 0);
  if (o->x264_params[0]) av_dict_set(&opts, "x264-params", o->x264_params, 0);
  if ((ret = avcodec_open2(c, codec, &opts)) < 0) {
    vge_fail_av(r, ret, "encode: libx264 (bad preset?)"); goto done;
  }
  e.st = avformat_new_stream(e.oc, NULL);
  if (!e.st) { vge_fail(r, "encode: out of memory"); goto done; }
  e.st->time_base = c->time_base;
  if (o->cfr) e.st->avg_frame_rate = c->framerate;
  avcodec_parameters_from_context(e.st->codecpar, c);
  if ((ret = avio_open(&e.oc->pb, path, AVIO_FLAG_WRITE)) < 0) {
    vge_fail_av(r, ret, path); goto done;
  }
  opened = 1;
  if ((ret = avformat_write_header(e.oc, NULL)) < 0) {
    vge_fail_av(r, ret, "encode: mp4 header"); goto done;
  }

  if ((ret = new_picture(yuv, o)) < 0) { vge_fail_av(r, ret, "encode: frame"); goto done; }
  int64_t gap = o->cfr ? 1 : (int64_t)fmax(1, floor(o->max_gap * o->fnum / o->fden + 1e-9));
  int yuv_holds_last = 0;   /* yuv holds the last picture converted (rows may be updated) */
  int64_t last = -1;
  for (int64_t i = 0; i < nframes; i++) {
    if (s->cancel && *s->cancel) { vge_fail(r, "cancelled"); goto done; }
    vge_frame f = {0};
    double t = (double)i * o->fden / o->fnum;
    if (s->get_frame(s->ud, i, t, &f) != 0) {
      vge_fail(r, "encode: frame source failed at frame %lld%s%s", (long long)i,
               f.error ? ": " : "", f.error ? f.error : "");
      goto done;
    }
    int changed = f.changed || i == 0;
    if (changed && !f.data) { vge_fail(r, "encode: frame %lld has no pixels", (long long)i); goto done; }
    if (!(o->cfr || changed || i - last >= gap)) continue;
    if (changed) {
      /* the encoder may still hold a reference to the last picture: then a
       * new buffer (not av_frame_make_writable, which would copy the old) */
      if (!av_frame_is_writable(yuv)) {
        if ((ret = new_picture(yuv, o)) < 0) { vge_fail_av(r, ret, "encode: frame"); goto done; }
        yuv_holds_last = 0;
      }
      int sstride = f.stride > 0 ? f.stride : o->w * 4;
      int y0 = 0, y1 = o->h;
      if (yuv_holds_last && f.y1 > f.y0) {   /* only the rows that changed, in whole chroma rows */
        y0 = f.y0 < 0 ? 0 : f.y0 & ~1;
        y1 = f.y1 + (f.y1 & 1);
        if (y1 > o->h) y1 = o->h;
      }
      if (y1 > y0) {
        uint8_t *planes[3] = {yuv->data[0] + (size_t)y0 * (size_t)yuv->linesize[0],
                              yuv->data[1] + (size_t)(y0 / 2) * (size_t)yuv->linesize[1],
                              yuv->data[2] + (size_t)(y0 / 2) * (size_t)yuv->linesize[2]};
        vge_rgb32_to_i420(f.data + (size_t)y0 * (size_t)sstride, sstride, o->pix, o->w, y1 - y0,
                          planes, yuv->linesize);
      }
      yuv_holds_last = 1;
    }
    if (e.fifo_in - e.fifo_out >= PTS_FIFO) { vge_fail(r, "encode: encoder delay too long"); goto done; }
    e.fifo[e.fifo_in++ % PTS_FIFO] = i;
    yuv->pts = e.encoded;
    yuv->pict_type = AV_PICTURE_TYPE_NONE;
    if ((ret = avcodec_send_frame(c, yuv)) < 0) { vge_fail_av(r, ret, "encode: libx264"); goto done; }
    e.encoded++;
    last = i;
    if ((ret = drain(&e, nframes)) < 0) { vge_fail_av(r, ret, "encode: write"); goto done; }
  }
  if ((ret = avcodec_send_frame(c, NULL)) < 0 || (ret = drain(&e, nframes)) < 0 ||
      (ret = emit(&e, NULL, nframes)) < 0) {
    vge_fail_av(r, ret, "encode: flush"); goto done;
  }
  if ((ret = av_write_trailer(e.oc)) < 0) { vge_fail_av(r, ret, "encode: mp4 trailer"); goto done; }
  r->frames = nframes;
  r->encoded = e.encoded;
  r->duration = (double)nframes * o->fden / o->fnum;
  rc = 0;
done:
  if (opened) avio_closep(&e.oc->pb);
  av_dict_free(&opts);
  av_frame_free(&yuv);
  av_packet_free(&e.pkt);
  av_packet_free(&e.pending);
  avcodec_free_context(&e.c);
  avformat_free_context(e.oc);
  return rc;
}

static int encode_segment(const vge_segment *s, vge_result *r);

int vge_encode_segment(const vge_segment *s, vge_result *r) {
  int rc = encode_segment(s, r);
  if (s->release) s->release(s->ud);
  return rc;
}

static int encode_segment(const vge_segment *s, vge_result *r) {
  memset(r, 0, sizeof *r);
  vge_av_init();
  vopts o;
  resolve(&s->v, &o);
  char tmp[VGE_PATH_MAX];
  if (s->key && !s->cache) return vge_fail(r, "encode: a segment with a key needs a cache");
  if (s->key) {
    vge_segment_key(s, r->key);
    if (vg_cache_lookup(s->cache, r->key, ".mp4", r->path, sizeof r->path)) {
      int64_t n = grid(s->end, &o) - grid(s->start, &o);
      r->cached = 1;
      r->frames = n;
      r->duration = (double)n * o.fden / o.fnum;
      return 0;
    }
    if (vg_cache_tmp_path(s->cache, tmp, sizeof tmp, ".mp4") != 0)
      return vge_fail(r, "encode: %s", vg_cache_error());
  } else {
    if (!s->out || !*s->out) return vge_fail(r, "encode: a segment needs a key or an out path");
    if (vge_tmp_beside(s->out, tmp, sizeof tmp) != 0) return vge_fail(r, "encode: %s", strerror(errno));
  }
  if (encode_to(s, &o, tmp, r) != 0) {
    unlink(tmp);
    return -1;
  }
  if (s->key) {
    if (vg_cache_adopt(s->cache, r->key, ".mp4", tmp) != 0) {
      unlink(tmp);
      return vge_fail(r, "encode: %s", vg_cache_error());
    }
    vg_cache_lookup(s->cache, r->key, ".mp4", r->path, sizeof r->path);
  } else {
    if (vge_commit(tmp, s->out) != 0) return vge_fail(r, "encode: %s: %s", s->out, strerror(errno));
    snprintf(r->path, sizeof r->path, "%s", s->out);
  }
  return 0;
}

/* ---- a small pool: one job per thread at a time ------------------------ */

typedef struct pool {
  const vge_segment *segs;
  vge_result *res;
  int n;
  const vge_audio *audio;  /* job -1 when set: the longest single job, so first */
  vge_result *ares;
  const int *order;        /* segments, longest first: the pool ends evenly */
  int next;                /* atomically taken */
} pool;

static void *pool_main(void *arg) {
  pool *p = arg;
  for (;;) {
    int i = __atomic_fetch_add(&p->next, 1, __ATOMIC_RELAXED) - (p->audio ? 1 : 0);
    if (i >= p->n) return NULL;
    if (i < 0) vge_encode_audio(p->audio, p->ares);
    else vge_encode_segment(&p->segs[p->order[i]], &p->res[p->order[i]]);
  }
}

int vge_encode_all(const vge_segment *segs, int n, int jobs, vge_result *results,
                   const vge_audio *audio, vge_result *audio_result) {
  int total = n + (audio ? 1 : 0);
  if (total <= 0) return 0;
  if (jobs <= 0) {
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    jobs = c > 0 ? (int)c : 1;
  }
  if (jobs > total) jobs = total;
  if (jobs > 64) jobs = 64;
  int *order = malloc(sizeof *order * (size_t)(n > 0 ? n : 1));
  if (!order) {
    for (int i = 0; i < n; i++) vge_fail(&results[i], "encode: out of memory");
    if (audio) vge_fail(audio_result, "encode: out of memory");
    return -1;
  }
  for (int i = 0; i < n; i++) order[i] = i;
  for (int i = 1; i < n; i++) { /* insertion sort, stable: n is a few dozen */
    int k = order[i], j = i;
    double d = segs[k].end - segs[k].start;
    while (j > 0 && segs[order[j - 1]].end - segs[order[j - 1]].start < d) { order[j] = order[j - 1]; j--; }
    order[j] = k;
  }
  pool p = {segs, results, n, audio, audio_result, order, 0};
  pthread_t th[64];
  int started = 0;
  for (int i = 1; i < jobs; i++)
    if (pthread_create(&th[started], NULL, pool_main, &p) == 0) started++;
  pool_main(&p);
  for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
  free(order);
  int rc = 0;
  for (int i = 0; i < n; i++)
    if (results[i].rc != 0) rc = -1;
  if (audio && audio_result->rc != 0) rc = -1;
  return rc;
}

int vge_encode_segments(const vge_segment *segs, int n, int jobs, vge_result *results) {
  return vge_encode_all(segs, n, jobs, results, NULL, NULL);
}
