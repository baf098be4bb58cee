/* test_encode.c: the encoder and muxer (stages/encode) through its C API.
 * Synthetic scenes (solid colours, one fading transition) and a sine tone are
 * encoded, joined, then decoded back with libavformat to check streams,
 * durations, chapters, frame colours, VFR savings, determinism, the cache and
 * that a failure leaves no file behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <pthread.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libswscale/swscale.h>

#include "encode.h"
#include "encode_private.h"
#include "vg.h"

/* the tests' cache: VGRUN_CACHE_DIR (ctest gives a folder of the build's) */
static vg_cache *tc;

#define W 320
#define H 240
#define FPS 30

#include "scratch_dir.h"

/* number of entries in dir whose name contains `part` */
static int count_files(const char *part) {
  DIR *d = opendir(dir);
  struct dirent *e;
  int n = 0;
  while (d && (e = readdir(d)))
    if (strstr(e->d_name, part)) n++;
  if (d) closedir(d);
  return n;
}

static int exists(const char *p) { struct stat st; return stat(p, &st) == 0; }

/* ---- a scene: colour A, a 10-frame fade to colour B at 0.5 s, then B --- */

typedef struct scene {
  uint32_t a, b;
  uint8_t *buf;
  int last;      /* last picture index handed out, -1 none */
  int fail_at;   /* >= 0: the source fails at this frame */
} scene;

static void fill(uint8_t *buf, uint32_t c) {
  for (int i = 0; i < W * H; i++) {
    buf[4 * i] = (uint8_t)(c >> 16);
    buf[4 * i + 1] = (uint8_t)(c >> 8);
    buf[4 * i + 2] = (uint8_t)c;
    buf[4 * i + 3] = 255;
  }
}

static uint32_t mix(uint32_t a, uint32_t b, double k) {
  uint32_t out = 0;
  for (int s = 0; s <= 16; s += 8) {
    double x = ((a >> s) & 255) * (1 - k) + ((b >> s) & 255) * k;
    out |= (uint32_t)lround(x) << s;
  }
  return out;
}

/* pictures: 0 = A (t < 0.5), 1..10 = fade frames, 11 = B */
static int scene_get(void *ud, int64_t index, double t, vge_frame *f) {
  scene *s = ud;
  if (s->fail_at >= 0 && index == s->fail_at) { f->error = "synthetic failure"; return -1; }
  int pic = t < 0.5 - 1e-9 ? 0 : (int)fmin(11, 1 + lround((t - 0.5) * FPS));
  if (index == 0) s->last = -1;
  if (pic == s->last) { f->changed = 0; return 0; }
  s->last = pic;
  fill(s->buf, pic == 0 ? s->a : pic == 11 ? s->b : mix(s->a, s->b, pic / 11.0));
  f->data = s->buf;
  f->changed = 1;
  return 0;
}

static const uint32_t COLORS[3][2] = {
  {0xff0000, 0xcc0000}, {0x00ff00, 0x00cc00}, {0x0000ff, 0x0000cc},
};
static const double BOUNDS[4] = {0.0, 2.0, 3.5, 6.0};

typedef struct built {
  vge_result seg[3], audio, join;
  char out[512];
} built;

static int16_t *sine(int rate, double secs, size_t *n) {
  *n = (size_t)llround(rate * secs);
  int16_t *s = malloc(*n * sizeof *s);
  for (size_t i = 0; i < *n; i++) s[i] = (int16_t)(10000 * sin(2 * M_PI * 440 * (double)i / rate));
  return s;
}

/* Encodes the three scenes (cache off: explicit outputs), the audio and the join. */
static void build(const char *tag, int cfr, const char *key_prefix, built *b) {
  scene sc[3];
  vge_segment segs[3];
  char outs[3][512], keys[3][128];
  for (int i = 0; i < 3; i++) {
    sc[i] = (scene){COLORS[i][0], COLORS[i][1], malloc(W * H * 4), -1, -1};
    char name[64];
    snprintf(name, sizeof name, "%s-seg%d.mp4", tag, i);
    pathf(outs[i], sizeof outs[i], name);
    snprintf(keys[i], sizeof keys[i], "%s-%d", key_prefix ? key_prefix : "", i);
    segs[i] = (vge_segment){
      .v = {.width = W, .height = H, .fps_num = FPS, .fps_den = 1, .cfr = cfr},
      .start = BOUNDS[i], .end = BOUNDS[i + 1],
      .get_frame = scene_get, .ud = &sc[i],
      .key = key_prefix ? keys[i] : NULL, .cache = tc, .out = outs[i],
    };
  }
  assert_int_equal(vge_encode_segments(segs, 3, 2, b->seg), 0);
  for (int i = 0; i < 3; i++) free(sc[i].buf);

  /* narration: a 1 s tone inside each scene, at 22050 Hz like espeak-ng */
  size_t n;
  int16_t *tone = sine(22050, 1.0, &n);
  vge_clip clips[3];
  for (int i = 0; i < 3; i++) clips[i] = (vge_clip){.samples = tone, .n = n, .rate = 22050, .at = BOUNDS[i] + 0.3};
  char aout[512], name[64];
  snprintf(name, sizeof name, "%s-audio.m4a", tag);
  pathf(aout, sizeof aout, name);
  vge_audio au = {.clips = clips, .n = 3, .duration = BOUNDS[3], .no_cache = 1, .out = aout};
  assert_int_equal(vge_encode_audio(&au, &b->audio), 0);
  free(tone);

  const char *paths[3] = {b->seg[0].path, b->seg[1].path, b->seg[2].path};
  vge_chapter ch[3] = {{"Red", 0, 2}, {"Green", 2, 3.5}, {"Blue", 3.5, 6}};
  snprintf(name, sizeof name, "%s.mp4", tag);
  pathf(b->out, sizeof b->out, name);
  vge_join j = {.segments = paths, .n = 3, .audio = b->audio.path, .chapters = ch, .nchapters = 3,
                .title = "Test video", .out = b->out};
  int rc = vge_join_files(&j, &b->join);
  if (rc) fprintf(stderr, "join: %s\n", b->join.err);
  assert_int_equal(rc, 0);
}

/* ---- probing -------------------------------------------------------------- */

typedef struct probe {
  int nv, na;
  enum AVCodecID vcodec, acodec;
  int pix_fmt, width, height, sample_rate, channels;
  double vdur, adur;   /* from packets: last pts + duration - first pts */
  double vstart, astart;
  int vframes;
  int nchapters;
  double ch_start[8], ch_end[8];
  char ch_title[8][32];
  char title[64];
} probe;

static void probe_file(const char *path, probe *p) {
  memset(p, 0, sizeof *p);
  AVFormatContext *ic = NULL;
  assert_int_equal(avformat_open_input(&ic, path, NULL, NULL), 0);
  assert_true(avformat_find_stream_info(ic, NULL) >= 0);
  int vi = -1, ai = -1;
  for (unsigned i = 0; i < ic->nb_streams; i++) {
    AVCodecParameters *cp = ic->streams[i]->codecpar;
    if (cp->codec_type == AVMEDIA_TYPE_VIDEO) {
      p->nv++; vi = (int)i;
      p->vcodec = cp->codec_id; p->pix_fmt = cp->format; p->width = cp->width; p->height = cp->height;
    } else if (cp->codec_type == AVMEDIA_TYPE_AUDIO) {
      p->na++; ai = (int)i;
      p->acodec = cp->codec_id; p->sample_rate = cp->sample_rate; p->channels = cp->ch_layout.nb_channels;
    }
  }
  AVDictionaryEntry *t = av_dict_get(ic->metadata, "title", NULL, 0);
  if (t) snprintf(p->title, sizeof p->title, "%s", t->value);
  p->nchapters = (int)ic->nb_chapters;
  for (unsigned i = 0; i < ic->nb_chapters && i < 8; i++) {
    AVChapter *c = ic->chapters[i];
    p->ch_start[i] = c->start * av_q2d(c->time_base);
    p->ch_end[i] = c->end * av_q2d(c->time_base);
    AVDictionaryEntry *ct = av_dict_get(c->metadata, "title", NULL, 0);
    if (ct) snprintf(p->ch_title[i], sizeof p->ch_title[i], "%s", ct->value);
  }
  AVPacket *pkt = av_packet_alloc();
  int64_t vfirst = INT64_MIN, vend = 0, afirst = INT64_MIN, aend = 0;
  while (av_read_frame(ic, pkt) >= 0) {
    if (pkt->stream_index == vi) {
      if (vfirst == INT64_MIN) vfirst = pkt->pts;
      if (pkt->pts + pkt->duration > vend) vend = pkt->pts + pkt->duration;
      p->vframes++;
    } else if (pkt->stream_index == ai) {
      if (afirst == INT64_MIN) afirst = pkt->pts;
      if (pkt->pts + pkt->duration > aend) aend = pkt->pts + pkt->duration;
    }
    av_packet_unref(pkt);
  }
  av_packet_free(&pkt);
  if (vi >= 0) {
    AVRational tb = ic->streams[vi]->time_base;
    p->vstart = vfirst * av_q2d(tb);
    p->vdur = (vend - vfirst) * av_q2d(tb);
  }
  if (ai >= 0) {
    AVRational tb = ic->streams[ai]->time_base;
    /* the demuxer applies the edit list: the priming samples sit before 0 */
    p->astart = ic->streams[ai]->start_time * av_q2d(tb);
    p->adur = ic->streams[ai]->duration * av_q2d(tb);
  }
  avformat_close_input(&ic);
}

/* Decodes the picture shown at time t; writes its centre pixel as RGB. */
static void color_at(const char *path, double t, uint8_t rgb[3]) {
  AVFormatContext *ic = NULL;
  assert_int_equal(avformat_open_input(&ic, path, NULL, NULL), 0);
  assert_true(avformat_find_stream_info(ic, NULL) >= 0);
  int vi = av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
  assert_true(vi >= 0);
  AVStream *st = ic->streams[vi];
  const AVCodec *codec = avcodec_find_decoder(st->codecpar->codec_id);
  AVCodecContext *dc = avcodec_alloc_context3(codec);
  avcodec_parameters_to_context(dc, st->codecpar);
  assert_int_equal(avcodec_open2(dc, codec, NULL), 0);
  int64_t target = (int64_t)llround(t / av_q2d(st->time_base));
  AVPacket *pkt = av_packet_alloc();
  AVFrame *fr = av_frame_alloc(), *best = av_frame_alloc();
  int have = 0, eof = 0;
  while (!eof) {
    int ret = av_read_frame(ic, pkt);
    if (ret < 0) { avcodec_send_packet(dc, NULL); eof = 1; }
    else if (pkt->stream_index != vi) { av_packet_unref(pkt); continue; }
    else { avcodec_send_packet(dc, pkt); av_packet_unref(pkt); }
    int stop = 0;
    while (avcodec_receive_frame(dc, fr) >= 0) {
      if (fr->pts <= target) { av_frame_unref(best); av_frame_move_ref(best, fr); have = 1; }
      else stop = 1;
      av_frame_unref(fr);
    }
    if (stop) break;
  }
  assert_true(have);
  uint8_t px[4 * 4];
  uint8_t *dst[4] = {px};
  int dstride[4] = {16};
  struct SwsContext *sws = sws_getContext(best->width, best->height, best->format, best->width,
                                          best->height, AV_PIX_FMT_RGBA, SWS_POINT, NULL, NULL, NULL);
  sws_setColorspaceDetails(sws, sws_getCoefficients(SWS_CS_ITU709), 0,
                           sws_getCoefficients(SWS_CS_ITU709), 1, 0, 1 << 16, 1 << 16);
  uint8_t *full = malloc((size_t)best->width * best->height * 4);
  dst[0] = full;
  dstride[0] = best->width * 4;
  sws_scale(sws, (const uint8_t *const *)best->data, best->linesize, 0, best->height, dst, dstride);
  const uint8_t *c = full + ((size_t)(best->height / 2) * best->width + best->width / 2) * 4;
  memcpy(rgb, c, 3);
  (void)px;
  free(full);
  sws_freeContext(sws);
  av_packet_free(&pkt);
  av_frame_free(&fr);
  av_frame_free(&best);
  avcodec_free_context(&dc);
  avformat_close_input(&ic);
}

static void assert_close_rgb(const uint8_t rgb[3], uint32_t want) {
  int r = (int)(want >> 16), g = (int)((want >> 8) & 255), b = (int)(want & 255);
  if (abs(rgb[0] - r) > 12 || abs(rgb[1] - g) > 12 || abs(rgb[2] - b) > 12) {
    fprintf(stderr, "colour %d,%d,%d, want %d,%d,%d\n", rgb[0], rgb[1], rgb[2], r, g, b);
    fail();
  }
}

static int read_all(const char *p, uint8_t **buf, size_t *n) {
  FILE *f = fopen(p, "rb");
  if (!f) return -1;
  fseek(f, 0, SEEK_END);
  *n = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  *buf = malloc(*n);
  size_t got = fread(*buf, 1, *n, f);
  fclose(f);
  return got == *n ? 0 : -1;
}

static int same_bytes(const char *a, const char *b) {
  uint8_t *x = NULL, *y = NULL;
  size_t nx = 0, ny = 0;
  int same = read_all(a, &x, &nx) == 0 && read_all(b, &y, &ny) == 0 && nx == ny && !memcmp(x, y, nx);
  free(x);
  free(y);
  return same;
}

/* offset of a top-level box, or -1 */
static long box_offset(const char *path, const char *type) {
  uint8_t *buf;
  size_t n;
  if (read_all(path, &buf, &n) != 0) return -1;
  size_t off = 0;
  long found = -1;
  while (off + 8 <= n) {
    uint64_t size = (uint64_t)buf[off] << 24 | buf[off + 1] << 16 | buf[off + 2] << 8 | buf[off + 3];
    if (!memcmp(buf + off + 4, type, 4)) { found = (long)off; break; }
    if (size == 1 && off + 16 <= n) {
      size = 0;
      for (int i = 0; i < 8; i++) size = size << 8 | buf[off + 8 + i];
    }
    if (size < 8) break;
    off += size;
  }
  free(buf);
  return found;
}

/* ---- tests ------------------------------------------------------------------ */

static void test_streams_durations_chapters(void **state) {
  (void)state;
  built b;
  build("vfr", 0, NULL, &b);
  probe p;
  probe_file(b.out, &p);
  assert_int_equal(p.nv, 1);
  assert_int_equal(p.na, 1);
  assert_int_equal(p.vcodec, AV_CODEC_ID_H264);
  assert_int_equal(p.pix_fmt, AV_PIX_FMT_YUV420P);
  assert_int_equal(p.width, W);
  assert_int_equal(p.height, H);
  assert_int_equal(p.acodec, AV_CODEC_ID_AAC);
  assert_int_equal(p.sample_rate, 24000);   /* clips at 22.05 kHz: a 24 kHz track */
  assert_int_equal(p.channels, 1);
  assert_string_equal(p.title, "Test video");
  /* lengths: the timeline is 6 s; video and audio agree within one frame */
  assert_true(fabs(p.vstart) < 1e-6);
  assert_true(fabs(p.astart) < 1e-6);
  assert_true(fabs(p.vdur - 6.0) < 1e-6);
  assert_true(fabs(p.adur - 6.0) < 1.0 / 24000 + 1e-9);
  assert_true(fabs(p.vdur - p.adur) < 1.0 / FPS);
  assert_true(fabs(b.join.duration - 6.0) < 1e-6);
  /* chapters */
  assert_int_equal(p.nchapters, 3);
  const char *titles[3] = {"Red", "Green", "Blue"};
  for (int i = 0; i < 3; i++) {
    assert_true(fabs(p.ch_start[i] - BOUNDS[i]) < 1e-3);
    assert_true(fabs(p.ch_end[i] - BOUNDS[i + 1]) < 1e-3);
    assert_string_equal(p.ch_title[i], titles[i]);
  }
  /* +faststart: the index comes before the media data */
  long moov = box_offset(b.out, "moov"), mdat = box_offset(b.out, "mdat");
  assert_true(moov > 0 && mdat > 0 && moov < mdat);
  /* no temporary file left beside the output */
  assert_int_equal(count_files(".tmp-"), 0);
}

/* Decodes the audio track to mono floats, as a player would (priming skipped). */
static float *decode_audio(const char *path, size_t *n) {
  AVFormatContext *ic = NULL;
  assert_int_equal(avformat_open_input(&ic, path, NULL, NULL), 0);
  assert_true(avformat_find_stream_info(ic, NULL) >= 0);
  int ai = av_find_best_stream(ic, AVMEDIA_TYPE_AUDIO, -1, -1, NULL, 0);
  assert_true(ai >= 0);
  const AVCodec *codec = avcodec_find_decoder(ic->streams[ai]->codecpar->codec_id);
  AVCodecContext *dc = avcodec_alloc_context3(codec);
  avcodec_parameters_to_context(dc, ic->streams[ai]->codecpar);
  assert_int_equal(avcodec_open2(dc, codec, NULL), 0);
  size_t cap = 1 << 20, len = 0;
  float *out = malloc(cap * sizeof *out);
  AVPacket *pkt = av_packet_alloc();
  AVFrame *fr = av_frame_alloc();
  int eof = 0;
  while (!eof) {
    if (av_read_frame(ic, pkt) < 0) { avcodec_send_packet(dc, NULL); eof = 1; }
    else if (pkt->stream_index != ai) { av_packet_unref(pkt); continue; }
    else { avcodec_send_packet(dc, pkt); av_packet_unref(pkt); }
    while (avcodec_receive_frame(dc, fr) >= 0) {
      assert_int_equal(fr->format, AV_SAMPLE_FMT_FLTP);
      if (len + (size_t)fr->nb_samples > cap) { cap *= 2; out = realloc(out, cap * sizeof *out); }
      memcpy(out + len, fr->data[0], (size_t)fr->nb_samples * sizeof *out);
      len += (size_t)fr->nb_samples;
      av_frame_unref(fr);
    }
  }
  av_packet_free(&pkt);
  av_frame_free(&fr);
  avcodec_free_context(&dc);
  avformat_close_input(&ic);
  *n = len;
  return out;
}

/* A/V sync: each scene's tone starts 0.3 s after the scene's first frame, to
 * the millisecond (a mishandled AAC priming would move it by 21 ms), and the
 * scene boundaries themselves are silent. */
static void test_av_sync(void **state) {
  (void)state;
  char out[512];
  pathf(out, sizeof out, "vfr.mp4");
  if (!exists(out)) { built b; build("vfr", 0, NULL, &b); }
  size_t n;
  float *pcm = decode_audio(out, &n);
  const int R = 24000;   /* the track's rate: its clips are at 22.05 kHz */
  assert_true(labs((long)n - 6 * R) <= 1024);  /* the decoder may not trim the tail */
  for (int i = 0; i < 3; i++) {
    size_t from = (size_t)llround(BOUNDS[i] * R);
    size_t onset = from;
    while (onset < n && fabsf(pcm[onset]) < 0.1f) onset++;
    double t = (double)onset / R;
    double want = BOUNDS[i] + 0.3;
    if (fabs(t - want) > 0.002) fprintf(stderr, "scene %d: tone at %.4f s, want %.4f\n", i + 1, t, want);
    assert_true(fabs(t - want) <= 0.002);
    /* silence around the boundary (+-50 ms) */
    for (size_t k = from > (size_t)R / 20 ? from - (size_t)R / 20 : 0; k < from + (size_t)R / 20 && k < n; k++)
      assert_true(fabsf(pcm[k]) < 0.01f);
  }
  free(pcm);
}

/* The colour conversion against BT.709 limited range in floating point, on
 * odd sizes, both byte orders and padded strides. */
static void test_rgb_to_i420(void **state) {
  (void)state;
  const int sizes[][2] = {{37, 21}, {64, 2}, {1, 1}, {258, 33}};
  srand(7);
  for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++) {
    int w = sizes[si][0], h = sizes[si][1], stride = w * 4 + 12;
    int cw = (w + 1) / 2, ch = (h + 1) / 2;
    uint8_t *src = malloc((size_t)stride * h), *y = malloc((size_t)w * h);
    uint8_t *u = malloc((size_t)cw * ch), *v = malloc((size_t)cw * ch);
    for (int i = 0; i < stride * h; i++) src[i] = (uint8_t)rand();
    for (int pix = 0; pix < 2; pix++) {
      uint8_t *dst[3] = {y, u, v};
      int ds[3] = {w, cw, cw};
      vge_rgb32_to_i420(src, stride, (vge_pix)pix, w, h, dst, ds);
      int ri = pix == VGE_PIX_BGRA ? 2 : 0, bi = 2 - ri;
      double R[4], G[4], B[4];
      for (int yy = 0; yy < h; yy++)
        for (int xx = 0; xx < w; xx++) {
          const uint8_t *p = src + yy * stride + xx * 4;
          double want = 16 + 219.0 / 255 * (0.2126 * p[ri] + 0.7152 * p[1] + 0.0722 * p[bi]);
          assert_true(fabs(y[yy * w + xx] - want) <= 0.51);
        }
      for (int cy = 0; cy < ch; cy++)
        for (int cx = 0; cx < cw; cx++) {
          double r = 0, g = 0, b = 0;
          for (int k = 0; k < 4; k++) {   /* the 2x2 block, edges repeated */
            int xx = 2 * cx + (k & 1), yy = 2 * cy + (k >> 1);
            if (xx >= w) xx = w - 1;
            if (yy >= h) yy = h - 1;
            const uint8_t *p = src + yy * stride + xx * 4;
            R[k] = p[ri]; G[k] = p[1]; B[k] = p[bi];
            r += R[k] / 4; g += G[k] / 4; b += B[k] / 4;
          }
          double yl = 0.2126 * r + 0.7152 * g + 0.0722 * b;
          double wu = 128 + 224.0 / 255 * (b - yl) / 1.8556, wv = 128 + 224.0 / 255 * (r - yl) / 1.5748;
          assert_true(fabs(u[cy * cw + cx] - wu) <= 0.51);
          assert_true(fabs(v[cy * cw + cx] - wv) <= 0.51);
        }
    }
    free(src); free(y); free(u); free(v);
  }
  /* white, black and red land where BT.709 puts them */
  uint8_t px[4 * 4] = {255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255};
  uint8_t yy[4], uu[1], vv[1], *dst[3] = {yy, uu, vv};
  int ds[3] = {2, 1, 1};
  vge_rgb32_to_i420(px, 8, VGE_PIX_RGBA, 2, 2, dst, ds);
  assert_int_equal(yy[3], 235); assert_int_equal(uu[0], 128); assert_int_equal(vv[0], 128);
  memset(px, 0, sizeof px);
  vge_rgb32_to_i420(px, 8, VGE_PIX_RGBA, 2, 2, dst, ds);
  assert_int_equal(yy[0], 16); assert_int_equal(uu[0], 128); assert_int_equal(vv[0], 128);
  for (int i = 0; i < 4; i++) { px[4 * i + 2] = 255; }   /* BGRA: red */
  vge_rgb32_to_i420(px, 8, VGE_PIX_BGRA, 2, 2, dst, ds);
  assert_int_equal(yy[0], 63); assert_int_equal(uu[0], 102); assert_int_equal(vv[0], 240);
}

static void test_frame_colours(void **state) {
  (void)state;
  char out[512];
  pathf(out, sizeof out, "vfr.mp4");
  if (!exists(out)) { built b; build("vfr", 0, NULL, &b); }
  uint8_t rgb[3];
  /* each scene: colour A before 0.5 s, colour B after the fade */
  double at[6] = {0.2, 1.9, 2.1, 3.4, 3.6, 5.9};
  uint32_t want[6] = {0xff0000, 0xcc0000, 0x00ff00, 0x00cc00, 0x0000ff, 0x0000cc};
  for (int i = 0; i < 6; i++) {
    color_at(out, at[i], rgb);
    assert_close_rgb(rgb, want[i]);
  }
  /* within the fade of scene 2 (starts at 2.5 s): between the two greens */
  color_at(out, 2.0 + 0.5 + 5.0 / FPS, rgb);
  assert_true(rgb[1] < 250 && rgb[1] > 0xcc - 6);
}

static void test_vfr_fewer_frames_than_cfr(void **state) {
  (void)state;
  built v, c;
  build("vfr2", 0, NULL, &v);
  build("cfr", 1, NULL, &c);
  probe pv, pc;
  probe_file(v.out, &pv);
  probe_file(c.out, &pc);
  assert_int_equal(pc.vframes, 6 * FPS);   /* CFR: every frame */
  int64_t enc = 0;
  for (int i = 0; i < 3; i++) enc += v.seg[i].encoded;
  assert_int_equal(pv.vframes, (int)enc);
  /* VFR: 3 x (A + 10 fade frames + B + repeats at most 1 s apart) */
  assert_true(pv.vframes < pc.vframes / 4);
  assert_true(fabs(pc.vdur - pv.vdur) < 1e-6);
  /* the longest gap between VFR frames is at most max_gap (1 s) */
  AVFormatContext *ic = NULL;
  assert_int_equal(avformat_open_input(&ic, v.out, NULL, NULL), 0);
  avformat_find_stream_info(ic, NULL);
  int vi = av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
  AVPacket *pkt = av_packet_alloc();
  int64_t prev = -1;
  double maxgap = 0;
  while (av_read_frame(ic, pkt) >= 0) {
    if (pkt->stream_index == vi) {
      if (prev >= 0) maxgap = fmax(maxgap, (pkt->pts - prev) * av_q2d(ic->streams[vi]->time_base));
      prev = pkt->pts;
    }
    av_packet_unref(pkt);
  }
  av_packet_free(&pkt);
  avformat_close_input(&ic);
  assert_true(maxgap <= 1.0 + 1e-6);
  /* CFR pictures look the same as VFR ones */
  uint8_t rgb[3];
  color_at(c.out, 5.0, rgb);
  assert_close_rgb(rgb, 0x0000cc);
}

static void test_deterministic(void **state) {
  (void)state;
  built a, b;
  build("det-a", 0, NULL, &a);
  build("det-b", 0, NULL, &b);
  for (int i = 0; i < 3; i++) assert_true(same_bytes(a.seg[i].path, b.seg[i].path));
  assert_true(same_bytes(a.audio.path, b.audio.path));
  assert_true(same_bytes(a.out, b.out));
}

static void test_cache(void **state) {
  (void)state;
  char key[64];
  snprintf(key, sizeof key, "test-cache-%ld-%ld", (long)getpid(), (long)time(NULL));
  built a, b;
  build("cache-a", 0, key, &a);
  for (int i = 0; i < 3; i++) {
    assert_int_equal(a.seg[i].cached, 0);
    assert_string_equal(a.seg[i].key[0] ? "k" : "", "k");
    assert_non_null(strstr(a.seg[i].path, a.seg[i].key)); /* lives in the cache */
  }
  build("cache-b", 0, key, &b);
  for (int i = 0; i < 3; i++) {
    assert_int_equal(b.seg[i].cached, 1);
    assert_string_equal(a.seg[i].path, b.seg[i].path);
  }
  assert_true(same_bytes(a.out, b.out));
  /* other options, other entry */
  scene sc = {0xffffff, 0, malloc(W * H * 4), -1, -1};
  vge_segment s = {.v = {.width = W, .height = H, .crf = 30}, .start = 0, .end = 2,
                   .get_frame = scene_get, .ud = &sc, .key = key, .cache = tc};
  vge_result r;
  assert_int_equal(vge_encode_segment(&s, &r), 0);
  assert_int_equal(r.cached, 0);
  free(sc.buf);
}

static void test_failures_leave_nothing(void **state) {
  (void)state;
  char out[512], seg[512];
  /* a frame source that fails half-way: no segment file */
  pathf(seg, sizeof seg, "fail-seg.mp4");
  scene sc = {0xff0000, 0x00ff00, malloc(W * H * 4), -1, 20};
  vge_segment s = {.v = {.width = W, .height = H}, .start = 0, .end = 2, .get_frame = scene_get,
                   .ud = &sc, .out = seg};
  vge_result r;
  assert_int_equal(vge_encode_segment(&s, &r), -1);
  assert_non_null(strstr(r.err, "synthetic failure"));
  assert_false(exists(seg));
  /* a join with a missing segment: no output, no temp file */
  sc.fail_at = -1;
  assert_int_equal(vge_encode_segment(&s, &r), 0);
  free(sc.buf);
  pathf(out, sizeof out, "fail.mp4");
  char missing[512];
  pathf(missing, sizeof missing, "no-such-segment.mp4");
  const char *paths[2] = {seg, missing};
  vge_join j = {.segments = paths, .n = 2, .out = out};
  assert_int_equal(vge_join_files(&j, &r), -1);
  assert_true(strlen(r.err) > 0);
  assert_false(exists(out));
  /* an existing output stays untouched by a failed run */
  FILE *f = fopen(out, "wb");
  fputs("old", f);
  fclose(f);
  assert_int_equal(vge_join_files(&j, &r), -1);
  uint8_t *buf;
  size_t n;
  assert_int_equal(read_all(out, &buf, &n), 0);
  assert_int_equal(n, 3);
  free(buf);
  assert_int_equal(count_files(".tmp-"), 0);
  /* segments with other parameters cannot be joined */
  char other[512];
  pathf(other, sizeof other, "other-size.mp4");
  scene sc2 = {0xff0000, 0x00ff00, malloc(W * H * 4), -1, -1};
  vge_segment s2 = {.v = {.width = W, .height = H, .crf = 35}, .start = 0, .end = 1,
                    .get_frame = scene_get, .ud = &sc2, .out = other};
  assert_int_equal(vge_encode_segment(&s2, &r), 0);
  free(sc2.buf);
  const char *mixed[2] = {seg, other};
  vge_join j2 = {.segments = mixed, .n = 2, .out = out};
  assert_int_equal(vge_join_files(&j2, &r), -1);
  assert_non_null(strstr(r.err, "other parameters"));
  /* misuse */
  vge_segment bad = {.v = {.width = 321, .height = H}, .start = 0, .end = 1, .get_frame = scene_get,
                     .out = seg};
  assert_int_equal(vge_encode_segment(&bad, &r), -1);
  vge_audio au = {.duration = 0, .no_cache = 1, .out = out};
  assert_int_equal(vge_encode_audio(&au, &r), -1);
}

/* Scene boundaries off the frame grid, many scenes: no drift. */
static void test_no_drift(void **state) {
  (void)state;
  enum { N = 12 };
  double bounds[N + 1];
  bounds[0] = 0;
  for (int i = 1; i <= N; i++) bounds[i] = bounds[i - 1] + 1.0 + 0.0137 * i; /* not on 1/30 */
  vge_segment segs[N];
  vge_result res[N];
  vge_keyframe k[N];
  vge_keyframes kf[N];
  char outs[N][512];
  for (int i = 0; i < N; i++) {
    k[i] = (vge_keyframe){.t = 0, .has_color = 1, .color = i & 1 ? 0xffffff : 0x000000};
    kf[i] = (vge_keyframes){.k = &k[i], .n = 1, .width = W, .height = H};
    char name[64];
    snprintf(name, sizeof name, "drift-%d.mp4", i);
    pathf(outs[i], sizeof outs[i], name);
    segs[i] = (vge_segment){.v = {.width = W, .height = H}, .start = bounds[i], .end = bounds[i + 1],
                            .get_frame = vge_keyframes_get, .ud = &kf[i], .out = outs[i]};
  }
  /* the audio as one more job of the pool (vge_encode_all) */
  vge_audio au = {.duration = bounds[N], .no_cache = 1};
  char aout[512], out[512];
  pathf(aout, sizeof aout, "drift.m4a");
  au.out = aout;
  vge_result ar, jr;
  assert_int_equal(vge_encode_all(segs, N, 0, res, &au, &ar), 0);
  for (int i = 0; i < N; i++) vge_keyframes_free(&kf[i]);
  assert_string_equal(ar.path, aout);
  const char *paths[N];
  for (int i = 0; i < N; i++) paths[i] = res[i].path;
  pathf(out, sizeof out, "drift.mp4");
  vge_join j = {.segments = paths, .n = N, .audio = aout, .out = out};
  assert_int_equal(vge_join_files(&j, &jr), 0);
  probe p;
  probe_file(out, &p);
  fprintf(stderr, "drift: v %.6f a %.6f want %.6f\n", p.vdur, p.adur, bounds[N]);
  assert_true(fabs(p.vdur - p.adur) <= 0.5 / FPS + 1e-6);
  assert_true(fabs(p.adur - bounds[N]) < 1.0 / 48000 + 1e-9);
  /* the last scene (white or black) starts within half a frame of its bound */
  uint8_t rgb[3];
  color_at(out, bounds[N - 1] + 1.0 / FPS, rgb);
  assert_close_rgb(rgb, (N - 1) & 1 ? 0xffffff : 0x000000);
  color_at(out, bounds[N - 1] - 1.0 / FPS, rgb);
  assert_close_rgb(rgb, (N - 2) & 1 ? 0xffffff : 0x000000);
}

static void write_wav(const char *path, const int16_t *s, size_t n, int rate, int channels) {
  FILE *f = fopen(path, "wb");
  uint32_t data = (uint32_t)(n * 2 * (size_t)channels), riff = 36 + data;
  uint16_t fmt[8] = {1, (uint16_t)channels, 0, 0, 0, 0, (uint16_t)(2 * channels), 16};
  uint32_t r = (uint32_t)rate, br = r * 2 * (uint32_t)channels;
  memcpy(&fmt[2], &r, 4);
  memcpy(&fmt[4], &br, 4);
  uint32_t sixteen = 16;
  fwrite("RIFF", 1, 4, f); fwrite(&riff, 4, 1, f); fwrite("WAVEfmt ", 1, 8, f);
  fwrite(&sixteen, 4, 1, f); fwrite(fmt, 2, 8, f);
  fwrite("data", 1, 4, f); fwrite(&data, 4, 1, f);
  for (size_t i = 0; i < n; i++)
    for (int c = 0; c < channels; c++) fwrite(&s[i], 2, 1, f);
  fclose(f);
}

static void test_wav_clips(void **state) {
  (void)state;
  size_t n;
  int16_t *tone = sine(22050, 0.5, &n);
  char wav[512], out[512];
  pathf(wav, sizeof wav, "tone.wav");
  write_wav(wav, tone, n, 22050, 2);
  int16_t *back;
  size_t bn;
  int rate;
  char err[256];
  assert_int_equal(vge_read_wav(wav, &back, &bn, &rate, err, sizeof err), 0);
  assert_int_equal(bn, n);
  assert_int_equal(rate, 22050);
  assert_int_equal(back[100], tone[100]);
  free(back);
  pathf(out, sizeof out, "wav.m4a");
  vge_clip clip = {.wav = wav, .at = 0.25};
  vge_audio au = {.clips = &clip, .n = 1, .duration = 1.0, .no_cache = 1, .out = out};
  vge_result r;
  assert_int_equal(vge_encode_audio(&au, &r), 0);
  probe p;
  probe_file(out, &p);
  assert_int_equal(p.sample_rate, 24000);   /* a clip at 22.05 kHz */
  assert_true(fabs(p.adur - 1.0) < 1e-6);
  free(tone);
  /* a clip sampled above 24 kHz: the track keeps 48 kHz */
  tone = sine(44100, 0.5, &n);
  write_wav(wav, tone, n, 44100, 2);
  assert_int_equal(vge_encode_audio(&au, &r), 0);
  probe_file(out, &p);
  assert_int_equal(p.sample_rate, 48000);
  assert_true(fabs(p.adur - 1.0) < 1e-6);
  free(tone);
  /* not a WAV */
  char junk[512];
  pathf(junk, sizeof junk, "junk.wav");
  FILE *f = fopen(junk, "wb");
  fputs("not a wav file at all", f);
  fclose(f);
  clip.wav = junk;
  assert_int_equal(vge_encode_audio(&au, &r), -1);
  assert_non_null(strstr(r.err, "RIFF"));
}

/* A clip with its own cache key: the track's key holds that key, not the
 * samples (an unchanged re-run reads only the WAVs' headers), and changes
 * with it, with the clip's place and with its length. */
static void test_clip_keys(void **state) {
  (void)state;
  size_t n;
  int16_t *tone = sine(22050, 0.5, &n);
  char wav[512];
  pathf(wav, sizeof wav, "keyed.wav");
  write_wav(wav, tone, n, 22050, 1);
  /* the header alone gives what reading the samples gives */
  size_t in = 0, bn = 0;
  int irate = 0, rate = 0;
  int16_t *back = NULL;
  char err[256];
  assert_int_equal(vge_wav_info(wav, &in, &irate, err, sizeof err), 0);
  assert_int_equal(vge_read_wav(wav, &back, &bn, &rate, err, sizeof err), 0);
  assert_int_equal(in, bn);
  assert_int_equal(irate, rate);
  free(back);
  const char *k1 = "1111111111111111111111111111111111111111111111111111111111111111";
  const char *k2 = "2222222222222222222222222222222222222222222222222222222222222222";
  vge_clip clip = {.wav = wav, .at = 0.25, .key = k1};
  vge_audio au = {.clips = &clip, .n = 1, .duration = 1.0, .cache = tc};
  char a[65], b[65];
  int tr = 0;
  vge_result r;
  assert_int_equal(vge_audio_key(&au, 64000, a, &tr, &r), 0);
  assert_int_equal(tr, 24000);
  /* other samples under the same clip key: the same track key (they are not read) */
  for (size_t i = 0; i < n; i++) tone[i] = (int16_t)(tone[i] / 2);
  write_wav(wav, tone, n, 22050, 1);
  assert_int_equal(vge_audio_key(&au, 64000, b, &tr, &r), 0);
  assert_string_equal(a, b);
  /* another clip key, place or length: another track key */
  clip.key = k2;
  assert_int_equal(vge_audio_key(&au, 64000, b, &tr, &r), 0);
  assert_string_not_equal(a, b);
  clip.key = k1;
  clip.at = 0.3;
  assert_int_equal(vge_audio_key(&au, 64000, b, &tr, &r), 0);
  assert_string_not_equal(a, b);
  clip.at = 0.25;
  free(tone);
  tone = sine(22050, 0.4, &n);
  write_wav(wav, tone, n, 22050, 1);
  assert_int_equal(vge_audio_key(&au, 64000, b, &tr, &r), 0);
  assert_string_not_equal(a, b);
  /* without a key: the samples, as before */
  clip.key = NULL;
  assert_int_equal(vge_audio_key(&au, 64000, b, &tr, &r), 0);
  assert_string_not_equal(a, b);
  /* a keyed clip that is not a WAV fails as an unkeyed one does */
  char junk[512];
  pathf(junk, sizeof junk, "keyed-junk.wav");
  FILE *f = fopen(junk, "wb");
  fputs("not a wav file at all", f);
  fclose(f);
  clip.wav = junk;
  clip.key = k1;
  assert_int_equal(vge_audio_key(&au, 64000, b, &tr, &r), -1);
  assert_non_null(strstr(r.err, "RIFF"));
  free(tone);
}

/* writes a PNG of one colour (RGB24) through libavcodec */
static void write_png(const char *path, int w, int h, uint32_t color) {
  const AVCodec *c = avcodec_find_encoder(AV_CODEC_ID_PNG);
  assert_non_null(c);
  AVCodecContext *cc = avcodec_alloc_context3(c);
  cc->width = w; cc->height = h; cc->pix_fmt = AV_PIX_FMT_RGB24; cc->time_base = (AVRational){1, 25};
  assert_int_equal(avcodec_open2(cc, c, NULL), 0);
  AVFrame *f = av_frame_alloc();
  f->format = AV_PIX_FMT_RGB24; f->width = w; f->height = h;
  assert_int_equal(av_frame_get_buffer(f, 0), 0);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      uint8_t *q = f->data[0] + y * f->linesize[0] + 3 * x;
      q[0] = (uint8_t)(color >> 16); q[1] = (uint8_t)(color >> 8); q[2] = (uint8_t)color;
    }
  AVPacket *pkt = av_packet_alloc();
  assert_true(avcodec_send_frame(cc, f) >= 0);
  assert_true(avcodec_receive_packet(cc, pkt) >= 0);
  FILE *o = fopen(path, "wb");
  fwrite(pkt->data, 1, (size_t)pkt->size, o);
  fclose(o);
  av_packet_free(&pkt);
  av_frame_free(&f);
  avcodec_free_context(&cc);
}

/* keyframes from a PNG (scaled to the video size), a raw .bgra file and a colour */
static void test_keyframe_files(void **state) {
  (void)state;
  char png[512], raw[512], out[512];
  pathf(png, sizeof png, "slide.png");
  pathf(raw, sizeof raw, "slide.bgra");
  pathf(out, sizeof out, "files.mp4");
  write_png(png, W / 2, H / 2, 0xffa500);  /* half size: the loader scales */
  uint8_t *px = malloc(W * H * 4);
  for (int i = 0; i < W * H; i++) { px[4 * i] = 0x80; px[4 * i + 1] = 0; px[4 * i + 2] = 0x80; px[4 * i + 3] = 255; }
  FILE *f = fopen(raw, "wb");
  fwrite(px, 1, W * H * 4, f);   /* BGRA: purple 0x800080 */
  fclose(f);
  free(px);
  vge_keyframe k[3] = {
    {.t = 0, .file = png},
    {.t = 1, .file = raw},
    {.t = 2, .has_color = 1, .color = 0x00ffff},
  };
  vge_keyframes kf = {.k = k, .n = 3, .width = W, .height = H, .pix = VGE_PIX_BGRA};
  vge_segment s = {.v = {.width = W, .height = H, .pix = VGE_PIX_BGRA}, .start = 0, .end = 3,
                   .get_frame = vge_keyframes_get, .ud = &kf, .out = out};
  vge_result r;
  int rc = vge_encode_segment(&s, &r);
  if (rc) fprintf(stderr, "%s\n", r.err);
  assert_int_equal(rc, 0);
  vge_keyframes_free(&kf);
  assert_int_equal(r.frames, 90);
  assert_true(r.encoded <= 4);  /* 3 pictures + repeats at most 1 s apart */
  uint8_t rgb[3];
  color_at(out, 0.5, rgb);
  assert_close_rgb(rgb, 0xffa500);
  color_at(out, 1.5, rgb);
  assert_close_rgb(rgb, 0x800080);
  color_at(out, 2.5, rgb);
  assert_close_rgb(rgb, 0x00ffff);
  /* a raw file of the wrong size is an error naming it */
  f = fopen(raw, "wb");
  fputs("short", f);
  fclose(f);
  rc = vge_encode_segment(&s, &r);
  vge_keyframes_free(&kf);
  assert_int_equal(rc, -1);
  assert_non_null(strstr(r.err, "slide.bgra"));
}

/* ---- one encode of a key at a time (vge_flight_claim) ------------------ */

/* A source that stops at frame 5 until it is let go. */
typedef struct held {
  scene sc;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int reached, go;
} held;

static int held_get(void *ud, int64_t index, double t, vge_frame *f) {
  held *h = ud;
  if (index == 5) {
    pthread_mutex_lock(&h->mu);
    h->reached = 1;
    pthread_cond_broadcast(&h->cv);
    while (!h->go) pthread_cond_wait(&h->cv, &h->mu);
    pthread_mutex_unlock(&h->mu);
  }
  return scene_get(&h->sc, index, t, f);
}

/* A source that must not be asked: its segment is being made elsewhere. */
static int never_get(void *ud, int64_t index, double t, vge_frame *f) {
  (void)index; (void)t;
  (*(int *)ud)++;
  f->error = "a second encode of a key that is being encoded";
  return -1;
}

typedef struct encode_arg { const vge_segment *s; vge_result r; int rc; } encode_arg;
static void *encode_thread(void *p) {
  encode_arg *a = p;
  a->rc = vge_encode_segment(a->s, &a->r);
  return NULL;
}

static void test_one_encode_per_key(void **state) {
  (void)state;
  char key[64];
  snprintf(key, sizeof key, "test-flight-%ld-%ld", (long)getpid(), (long)time(NULL));
  held h = {.sc = {0x336699, 0x996633, malloc(W * H * 4), -1, -1}, .mu = PTHREAD_MUTEX_INITIALIZER,
            .cv = PTHREAD_COND_INITIALIZER};
  vge_segment first = {.v = {.width = W, .height = H}, .start = 0, .end = 2, .get_frame = held_get, .ud = &h,
                       .key = key, .cache = tc};
  int asked = 0;
  vge_segment second = first;
  second.get_frame = never_get;
  second.ud = &asked;
  encode_arg a = {.s = &first}, b = {.s = &second};
  pthread_t ta, tb;
  assert_int_equal(pthread_create(&ta, NULL, encode_thread, &a), 0);
  pthread_mutex_lock(&h.mu);
  while (!h.reached) pthread_cond_wait(&h.cv, &h.mu);
  pthread_mutex_unlock(&h.mu);
  /* while it is encoded, its key is claimed: a claim with a cancel set
   * gives up at once instead of waiting */
  char full[65];
  vge_segment_key(&first, full);
  static const volatile int stop = 1;
  assert_int_equal(vge_flight_claim(full, &stop), 0);
  /* a second encode of the same key waits for the first and takes its file */
  assert_int_equal(pthread_create(&tb, NULL, encode_thread, &b), 0);
  pthread_mutex_lock(&h.mu);
  h.go = 1;
  pthread_cond_broadcast(&h.cv);
  pthread_mutex_unlock(&h.mu);
  pthread_join(ta, NULL);
  pthread_join(tb, NULL);
  assert_int_equal(a.rc, 0);
  assert_int_equal(a.r.cached, 0);
  assert_int_equal(b.rc, 0);
  assert_int_equal(b.r.cached, 1);
  assert_int_equal(asked, 0);
  assert_string_equal(a.r.path, b.r.path);
  /* and the key is free again */
  assert_int_equal(vge_flight_claim(full, NULL), 1);
  vge_flight_land(full);
  free(h.sc.buf);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_streams_durations_chapters),
    cmocka_unit_test(test_rgb_to_i420),
    cmocka_unit_test(test_frame_colours),
    cmocka_unit_test(test_av_sync),
    cmocka_unit_test(test_vfr_fewer_frames_than_cfr),
    cmocka_unit_test(test_deterministic),
    cmocka_unit_test(test_cache),
    cmocka_unit_test(test_one_encode_per_key),
    cmocka_unit_test(test_failures_leave_nothing),
    cmocka_unit_test(test_no_drift),
    cmocka_unit_test(test_wav_clips),
    cmocka_unit_test(test_clip_keys),
    cmocka_unit_test(test_keyframe_files),
  };
  tc = vg_cache_new(NULL, 0, -1);
  int rc = cmocka_run_group_tests(tests, setup_dir, teardown_dir);
  vg_cache_unref(tc);
  return rc;
}
