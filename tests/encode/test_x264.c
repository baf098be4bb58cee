/* test_x264.c: the encoder's use of libx264 (stages/encode/segment.c): crf 0
 * is lossless, the changed-rectangle hint (converted area and unchanged
 * macroblocks) never leaves stale pixels, the bitstream is the same on every
 * run and with one or two encoding threads, and such segments join. A
 * textured picture with a rectangle moving across it is encoded, decoded
 * back with libavcodec and compared with the source converted to I420. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>

#include "encode.h"
#include "encode_private.h"

#define W 320
#define H 240
#define FPS 30
#define FRAMES 45
#define RW 41   /* the moving rectangle: odd sizes and positions, not on */
#define RH 29   /* macroblock or chroma boundaries */

#include "scratch_dir.h"

/* ---- the source: a rectangle moving over a textured page ---------------- */

static void bg_pixel(int x, int y, uint8_t *q) {
  q[0] = (uint8_t)((x * 7 + y * 3) & 255);
  q[1] = (uint8_t)(((x ^ y) * 5) & 255);
  q[2] = (uint8_t)(128 + 100 * sin(x * 0.11 + y * 0.07));
  q[3] = 255;
}

static void rect_pixel(int x, int y, uint8_t *q) {
  q[0] = (uint8_t)(240 - (x & 15) * 4);
  q[1] = (uint8_t)(30 + (y & 7) * 20);
  q[2] = 40;
  q[3] = 255;
}

static void rect_pos(int64_t i, int *x, int *y) {
  *x = 3 + (int)i * 6;       /* from the top left towards the bottom right */
  *y = 5 + (int)i * 4;
  if (*x > W - RW) *x = W - RW;
  if (*y > H - RH) *y = H - RH;
}

/* the picture shown at frame i (the rectangle stops every fifth frame) */
static int64_t shown(int64_t i) { return i - i / 5; }

static void draw(uint8_t *buf, int64_t pic) {
  int rx, ry;
  rect_pos(pic, &rx, &ry);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) {
      uint8_t *q = buf + ((size_t)y * W + (size_t)x) * 4;
      if (x >= rx && x < rx + RW && y >= ry && y < ry + RH) rect_pixel(x - rx, y - ry, q);
      else bg_pixel(x, y, q);
    }
}

typedef struct mover {
  uint8_t *buf;
  int64_t last;   /* picture in buf, -1 none */
  int lie;        /* 1: report only the new position (stale pixels would show) */
} mover;

static int mover_get(void *ud, int64_t index, double t, vge_frame *f) {
  mover *m = ud;
  (void)t;
  int64_t pic = shown(index);
  if (index == 0) m->last = -1;
  if (pic == m->last) { f->changed = 0; return 0; }
  int ox, oy, nx, ny;
  rect_pos(m->last < 0 ? pic : m->last, &ox, &oy);
  rect_pos(pic, &nx, &ny);
  draw(m->buf, pic);
  f->data = m->buf;
  f->changed = 1;
  if (m->last >= 0) {   /* the union of where it was and where it is */
    f->x0 = m->lie ? nx : (ox < nx ? ox : nx);
    f->y0 = m->lie ? ny : (oy < ny ? oy : ny);
    f->x1 = (ox > nx ? ox : nx) + RW;
    f->y1 = (oy > ny ? oy : ny) + RH;
  }
  m->last = pic;
  return 0;
}

static int encode(const char *name, int crf, int lie, double start, double end, double max_gap,
                  char *out, size_t outlen) {
  mover m = {malloc((size_t)W * H * 4), -1, lie};
  pathf(out, outlen, name);
  vge_segment s = {.v = {.width = W, .height = H, .fps_num = FPS, .fps_den = 1, .crf = crf,
                         .max_gap = max_gap},
                   .start = start, .end = end, .get_frame = mover_get, .ud = &m, .out = out};
  vge_result r;
  int rc = vge_encode_segment(&s, &r);
  if (rc) print_message("encode: %s\n", r.err);
  free(m.buf);
  return rc;
}

/* ---- decoding ------------------------------------------------------------ */

typedef struct pics {
  int n;
  uint8_t *yuv[FRAMES * 2];   /* I420, tightly packed */
  int64_t pts[FRAMES * 2];    /* in frames */
} pics;

static void pics_free(pics *p) {
  for (int i = 0; i < p->n; i++) free(p->yuv[i]);
  p->n = 0;
}

static void keep(pics *p, const AVFrame *fr, AVRational tb) {
  if (p->n >= FRAMES * 2) return;
  uint8_t *b = malloc((size_t)W * H * 3 / 2);
  for (int y = 0; y < H; y++) memcpy(b + (size_t)y * W, fr->data[0] + (size_t)y * (size_t)fr->linesize[0], W);
  for (int c = 1; c <= 2; c++)
    for (int y = 0; y < H / 2; y++)
      memcpy(b + (size_t)W * H + (size_t)(c - 1) * (W / 2) * (H / 2) + (size_t)y * (W / 2),
             fr->data[c] + (size_t)y * (size_t)fr->linesize[c], W / 2);
  p->pts[p->n] = av_rescale_q(fr->pts, tb, (AVRational){1, FPS});
  p->yuv[p->n++] = b;
}

static int decode(const char *path, pics *p) {
  AVFormatContext *ic = NULL;
  memset(p, 0, sizeof *p);
  if (avformat_open_input(&ic, path, NULL, NULL) < 0) return -1;
  avformat_find_stream_info(ic, NULL);
  int si = av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
  if (si < 0) { avformat_close_input(&ic); return -1; }
  AVStream *st = ic->streams[si];
  const AVCodec *codec = avcodec_find_decoder(st->codecpar->codec_id);
  AVCodecContext *c = avcodec_alloc_context3(codec);
  avcodec_parameters_to_context(c, st->codecpar);
  c->thread_count = 1;
  int rc = avcodec_open2(c, codec, NULL);
  AVPacket *pkt = av_packet_alloc();
  AVFrame *fr = av_frame_alloc();
  while (rc >= 0 && av_read_frame(ic, pkt) >= 0) {
    if (pkt->stream_index == si && avcodec_send_packet(c, pkt) >= 0)
      while (avcodec_receive_frame(c, fr) >= 0) keep(p, fr, st->time_base);
    av_packet_unref(pkt);
  }
  avcodec_send_packet(c, NULL);
  while (avcodec_receive_frame(c, fr) >= 0) keep(p, fr, st->time_base);
  av_frame_free(&fr);
  av_packet_free(&pkt);
  avcodec_free_context(&c);
  avformat_close_input(&ic);
  return rc < 0 ? -1 : 0;
}

/* the source picture of frame i as the encoder converts it */
static void source_i420(int64_t i, uint8_t *out) {
  uint8_t *rgb = malloc((size_t)W * H * 4);
  draw(rgb, shown(i));
  uint8_t *const planes[3] = {out, out + W * H, out + W * H + (W / 2) * (H / 2)};
  const int strides[3] = {W, W / 2, W / 2};
  vge_rgb32_to_i420(rgb, W * 4, VGE_PIX_RGBA, W, H, planes, strides);
  free(rgb);
}

static double psnr(const uint8_t *a, const uint8_t *b, size_t n) {
  double se = 0;
  for (size_t i = 0; i < n; i++) se += (double)(a[i] - b[i]) * (a[i] - b[i]);
  return se == 0 ? 99 : 10 * log10(255.0 * 255.0 * (double)n / se);
}

/* lowest PSNR (all planes) of the decoded pictures against the source */
static double worst_psnr(const pics *p) {
  uint8_t *src = malloc((size_t)W * H * 3 / 2);
  double worst = 99;
  for (int k = 0; k < p->n; k++) {
    source_i420(p->pts[k], src);
    double q = psnr(src, p->yuv[k], (size_t)W * H * 3 / 2);
    if (q < worst) worst = q;
  }
  free(src);
  return worst;
}

static int same_file(const char *a, const char *b) {
  FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
  int same = fa && fb;
  while (same) {
    int ca = fgetc(fa), cb = fgetc(fb);
    if (ca != cb) same = 0;
    if (ca == EOF) break;
  }
  if (fa) fclose(fa);
  if (fb) fclose(fb);
  return same;
}

/* ---- tests --------------------------------------------------------------- */


/* crf 0: every decoded picture is exactly the source's I420, repeats and
 * pictures where only a rectangle changed included */
static void test_crf0_lossless(void **state) {
  (void)state;
  char out[512];
  assert_int_equal(encode("lossless.mp4", VGE_CRF_LOSSLESS, 0, 0, FRAMES / (double)FPS, 0.1, out, sizeof out), 0);
  pics p;
  assert_int_equal(decode(out, &p), 0);
  /* every changed picture plus a repeat at least every 3 frames */
  assert_true(p.n >= FRAMES - FRAMES / 5 && p.n < FRAMES);
  uint8_t *src = malloc((size_t)W * H * 3 / 2);
  for (int k = 0; k < p.n; k++) {
    source_i420(p.pts[k], src);
    if (memcmp(src, p.yuv[k], (size_t)W * H * 3 / 2) != 0)
      fail_msg("picture at frame %lld differs from the source", (long long)p.pts[k]);
  }
  free(src);
  pics_free(&p);
}

/* The test can fail: a source that reports too small a rectangle (the old
 * position of the rectangle left out) shows stale pixels. */
static void test_wrong_rect_shows(void **state) {
  (void)state;
  char out[512];
  assert_int_equal(encode("lie.mp4", VGE_CRF_LOSSLESS, 1, 0, FRAMES / (double)FPS, 0.1, out, sizeof out), 0);
  pics p;
  assert_int_equal(decode(out, &p), 0);
  assert_true(worst_psnr(&p) < 50);   /* lossless otherwise: 99 */
  pics_free(&p);
}

/* the default preset and crf: blocks outside the rectangle are skipped
 * without analysis, and no picture is corrupted by it (measured: worst
 * 38.8 dB; the lying source above gives 27.9 dB) */
static void test_hint_keeps_pictures(void **state) {
  (void)state;
  char out[512];
  assert_int_equal(encode("lossy.mp4", 0, 0, 0, FRAMES / (double)FPS, 0.1, out, sizeof out), 0);
  pics p;
  assert_int_equal(decode(out, &p), 0);
  assert_true(p.n > FRAMES / 2);
  double q = worst_psnr(&p);
  if (q < 30) fail_msg("worst picture PSNR %.1f dB", q);
  pics_free(&p);
}

/* the same bytes on every run and with one or two encoding threads */
static void test_deterministic_jobs(void **state) {
  (void)state;
  enum { N = 3 };
  char outs[2][N][512];
  for (int jobs = 1; jobs <= 2; jobs++) {
    mover m[N];
    vge_segment s[N];
    vge_result r[N];
    for (int i = 0; i < N; i++) {
      char name[64];
      snprintf(name, sizeof name, "det-j%d-%d.mp4", jobs, i);
      pathf(outs[jobs - 1][i], sizeof outs[0][0], name);
      m[i] = (mover){malloc((size_t)W * H * 4), -1, 0};
      s[i] = (vge_segment){.v = {.width = W, .height = H, .fps_num = FPS, .fps_den = 1},
                           .start = 0, .end = (FRAMES - i * 10) / (double)FPS, .get_frame = mover_get,
                           .ud = &m[i], .out = outs[jobs - 1][i]};
    }
    assert_int_equal(vge_encode_segments(s, N, jobs, r), 0);
    for (int i = 0; i < N; i++) free(m[i].buf);
  }
  char again[512];
  assert_int_equal(encode("det-again.mp4", 0, 0, 0, FRAMES / (double)FPS, 0, again, sizeof again), 0);
  for (int i = 0; i < N; i++) assert_true(same_file(outs[0][i], outs[1][i]));
  assert_true(same_file(outs[0][0], again));
}

/* segments of the same options join without re-encoding: every picture of
 * both is in the result, in order */
static void test_segments_join(void **state) {
  (void)state;
  char a[512], b[512], out[512];
  double mid = 20.0 / FPS, end = FRAMES / (double)FPS;
  assert_int_equal(encode("join-a.mp4", 0, 0, 0, mid, 0.1, a, sizeof a), 0);
  assert_int_equal(encode("join-b.mp4", 0, 0, mid, end, 0.1, b, sizeof b), 0);
  pics pa, pb, pj;
  assert_int_equal(decode(a, &pa), 0);
  assert_int_equal(decode(b, &pb), 0);
  pathf(out, sizeof out, "joined.mp4");
  const char *segs[2] = {a, b};
  vge_join j = {.segments = segs, .n = 2, .out = out, .no_faststart = 1};
  vge_result r;
  if (vge_join_files(&j, &r) != 0) fail_msg("join: %s", r.err);
  assert_int_equal(decode(out, &pj), 0);
  assert_int_equal(pj.n, pa.n + pb.n);
  for (int k = 0; k < pj.n; k++) {
    const uint8_t *want = k < pa.n ? pa.yuv[k] : pb.yuv[k - pa.n];
    assert_memory_equal(pj.yuv[k], want, (size_t)W * H * 3 / 2);
  }
  assert_int_equal(pj.pts[pa.n], 20);
  pics_free(&pa); pics_free(&pb); pics_free(&pj);
}

/* ---- keyframes: counted from any IDR -------------------------------------- */

/* A textured page for the first CUT frames, then another (a scene cut x264's
 * "superfast" preset gives an IDR of its own), then nothing changes. */
#define CUT 30
static int cut_get(void *ud, int64_t index, double t, vge_frame *f) {
  uint8_t *buf = ud;
  (void)t;
  if (index != 0 && index != CUT) { f->changed = 0; return 0; }
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) {
      uint8_t *q = buf + ((size_t)y * W + (size_t)x) * 4;
      if (index == 0) bg_pixel(x, y, q);
      else {
        unsigned h = (unsigned)(x * 2654435761u) ^ (unsigned)(y * 40503u);
        q[0] = (uint8_t)(h >> 3); q[1] = (uint8_t)(h >> 11); q[2] = (uint8_t)(h >> 19); q[3] = 255;
      }
    }
  f->data = buf;
  f->changed = 1;
  return 0;
}

/* the grid frames of the keyframe packets of a file -> how many (at most max) */
static int key_frames(const char *path, int64_t *at, int max, int fps) {
  AVFormatContext *ic = NULL;
  if (avformat_open_input(&ic, path, NULL, NULL) < 0) return -1;
  avformat_find_stream_info(ic, NULL);
  int si = av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
  AVPacket *pkt = av_packet_alloc();
  int n = 0;
  while (si >= 0 && av_read_frame(ic, pkt) >= 0) {
    if (pkt->stream_index == si && (pkt->flags & AV_PKT_FLAG_KEY) && n < max)
      at[n++] = av_rescale_q(pkt->pts, ic->streams[si]->time_base, (AVRational){1, fps});
    av_packet_unref(pkt);
  }
  av_packet_free(&pkt);
  avformat_close_input(&ic);
  return n;
}

/* The forced IDR comes keyint seconds after the last IDR, not after the
 * last forced one: a scene cut's IDR at 3 s moves the next from 10 s to
 * 13 s (a VFR still of 14 s, keyint 10 s, 10 frames a second; a repeat
 * every frame, so the cut is past x264's keyint_min and is an IDR). */
static void test_keyint_from_any_idr(void **state) {
  (void)state;
  enum { FPS10 = 10 };
  char out[512];
  uint8_t *buf = malloc((size_t)W * H * 4);
  pathf(out, sizeof out, "cut.mp4");
  vge_segment s = {.v = {.width = W, .height = H, .fps_num = FPS10, .fps_den = 1, .preset = "superfast",
                         .max_gap = 0.1, .keyint = 10},
                   .start = 0, .end = 14, .get_frame = cut_get, .ud = buf, .out = out};
  vge_result r;
  if (vge_encode_segment(&s, &r) != 0) fail_msg("encode: %s", r.err);
  free(buf);
  int64_t at[16];
  int n = key_frames(out, at, 16, FPS10);
  assert_true(n >= 2);
  int cut = 0, early = 0, later = 0;
  for (int k = 0; k < n; k++) {
    cut |= at[k] == CUT;
    early |= at[k] > CUT && at[k] < CUT + 10 * FPS10;
    later |= at[k] == CUT + 10 * FPS10;
  }
  if (!cut) fail_msg("no IDR at the scene cut (frame %d): the test needs x264's own", CUT);
  if (early) fail_msg("an IDR forced less than keyint after the scene cut's");
  assert_true(later);
}

/* ---- the loop filter of fleeting pictures and repeats -------------------- */

/* Pictures of the flicker source: frames 0-4 each show a new picture for one
 * frame (fleeting), frame 5's stays until frame 20, whose stays to the end;
 * repeats (max_gap 0.2 s) come in between. */
static int flicker_pic(int64_t i) { return i < 5 ? (int)i : i < 20 ? 5 : 6; }

static int flicker_get(void *ud, int64_t index, double t, vge_frame *f) {
  uint8_t *buf = ud;
  (void)t;
  if (index > 0 && flicker_pic(index) == flicker_pic(index - 1)) { f->changed = 0; return 0; }
  draw(buf, flicker_pic(index) * 3);
  f->data = buf;
  f->changed = 1;
  f->fleeting = index < 5;
  return 0;
}

/* An H.264 bit reader over a NAL unit without its emulation prevention */
typedef struct bits { uint8_t b[256]; int n, pos; } bits;
static void bits_init(bits *r, const uint8_t *p, int len) {
  r->n = r->pos = 0;
  for (int i = 1, zeros = 0; i < len && r->n < (int)sizeof r->b; i++) {   /* past the NAL header */
    if (zeros >= 2 && p[i] == 3) { zeros = 0; continue; }
    zeros = p[i] == 0 ? zeros + 1 : 0;
    r->b[r->n++] = p[i];
  }
}
static unsigned u(bits *r, int k) {
  unsigned v = 0;
  while (k-- > 0) {
    int byte = r->pos >> 3;
    v = v << 1 | (byte < r->n ? (unsigned)(r->b[byte] >> (7 - (r->pos & 7))) & 1 : 0);
    r->pos++;
  }
  return v;
}
static unsigned ue(bits *r) {
  int z = 0;
  while (!u(r, 1) && z < 32) z++;
  return (1u << z) - 1 + u(r, z);
}

typedef struct h264_hdr { int frame_num_bits, poc_type, poc_bits, frame_mbs_only, cabac, refs, weighted, deblock_ctl; } h264_hdr;

/* The fields of the SPS and PPS (avcC extradata) a P or IDR slice header needs */
static void read_headers(const uint8_t *x, int len, h264_hdr *h) {
  assert_true(len > 8 && x[0] == 1);
  int sps_len = x[6] << 8 | x[7];
  bits r;
  bits_init(&r, x + 8, sps_len);
  unsigned profile = u(&r, 8);
  u(&r, 16);
  ue(&r);
  assert_int_equal(profile, 100);   /* High, 4:2:0, 8 bits, no scaling matrices */
  assert_int_equal(ue(&r), 1);
  ue(&r); ue(&r); u(&r, 1);
  assert_int_equal(u(&r, 1), 0);
  h->frame_num_bits = (int)ue(&r) + 4;
  h->poc_type = (int)ue(&r);
  assert_true(h->poc_type != 1);
  h->poc_bits = h->poc_type == 0 ? (int)ue(&r) + 4 : 0;
  ue(&r); u(&r, 1); ue(&r); ue(&r);
  h->frame_mbs_only = (int)u(&r, 1);
  const uint8_t *pps = x + 8 + sps_len + 1;
  bits_init(&r, pps + 2, pps[0] << 8 | pps[1]);
  ue(&r); ue(&r);
  h->cabac = (int)u(&r, 1);
  assert_int_equal(u(&r, 1), 0);    /* no bottom field POC */
  assert_int_equal(ue(&r), 0);      /* no slice groups */
  h->refs = (int)ue(&r) + 1;
  ue(&r);
  h->weighted = (int)u(&r, 1);      /* x264's weightp (veryfast) */
  u(&r, 2);
  (void)ue(&r); (void)ue(&r); (void)ue(&r);   /* qp, qs, chroma offset (se: only skipped) */
  h->deblock_ctl = (int)u(&r, 1);
  u(&r, 1);
  assert_int_equal(u(&r, 1), 0);    /* no redundant pictures */
}

/* disable_deblocking_filter_idc of the slice in one sample (4-byte lengths) */
static int slice_deblock_off(const uint8_t *p, int len, const h264_hdr *h) {
  for (int at = 0; at + 4 < len;) {
    int n = p[at] << 24 | p[at + 1] << 16 | p[at + 2] << 8 | p[at + 3];
    const uint8_t *nal = p + at + 4;
    int type = nal[0] & 31, ref_idc = nal[0] >> 5 & 3;
    at += 4 + n;
    if (type != 1 && type != 5) continue;
    bits r;
    bits_init(&r, nal, n);
    ue(&r);
    unsigned slice = ue(&r) % 5;       /* 0 P, 2 I */
    ue(&r);
    u(&r, h->frame_num_bits);
    if (!h->frame_mbs_only) assert_int_equal(u(&r, 1), 0);
    if (type == 5) ue(&r);             /* idr_pic_id */
    if (h->poc_type == 0) u(&r, h->poc_bits);
    if (slice == 0) {
      int refs = h->refs;
      if (u(&r, 1)) refs = (int)ue(&r) + 1;   /* num_ref_idx override */
      assert_int_equal(u(&r, 1), 0);   /* no list modification */
      if (h->weighted) {               /* pred_weight_table (se values: only skipped) */
        ue(&r); ue(&r);
        for (int k = 0; k < refs; k++) {
          if (u(&r, 1)) { ue(&r); ue(&r); }
          if (u(&r, 1)) { ue(&r); ue(&r); ue(&r); ue(&r); }
        }
      }
    }
    if (ref_idc) {
      if (type == 5) u(&r, 2);
      else assert_int_equal(u(&r, 1), 0);   /* no memory management operations */
    }
    if (h->cabac && slice != 2) ue(&r);
    ue(&r);                            /* slice_qp_delta (se) */
    return h->deblock_ctl ? (int)ue(&r) == 1 : 0;
  }
  fail_msg("a sample without a slice");
  return -1;
}

/* Under the slides preset, a fleeting picture and a repeat that is not an
 * IDR are coded without the loop filter, a picture that stays with it; a
 * repeat still decodes to the picture it repeats. An x264 preset and
 * lossless keep the filter everywhere. */
static void test_fleeting_unfiltered(void **state) {
  (void)state;
  const char *presets[] = {NULL, "veryfast"};
  for (int k = 0; k < 2; k++) {
    char out[512];
    uint8_t *buf = malloc((size_t)W * H * 4);
    pathf(out, sizeof out, "flicker.mp4");
    vge_segment s = {.v = {.width = W, .height = H, .fps_num = FPS, .fps_den = 1, .preset = presets[k],
                           .max_gap = 0.2},
                     .start = 0, .end = 1, .get_frame = flicker_get, .ud = buf, .out = out};
    vge_result r;
    if (vge_encode_segment(&s, &r) != 0) fail_msg("encode: %s", r.err);
    free(buf);
    AVFormatContext *ic = NULL;
    assert_int_equal(avformat_open_input(&ic, out, NULL, NULL), 0);
    assert_int_equal(avformat_find_stream_info(ic, NULL) >= 0, 1);
    AVStream *st = ic->streams[0];
    h264_hdr h;
    read_headers(st->codecpar->extradata, st->codecpar->extradata_size, &h);
    AVPacket *pkt = av_packet_alloc();
    int n = 0, repeats = 0;
    while (av_read_frame(ic, pkt) >= 0) {
      int64_t i = av_rescale_q(pkt->pts, st->time_base, (AVRational){1, FPS});
      int change = i == 0 || flicker_pic(i) != flicker_pic(i - 1);
      int want = presets[k] ? 0 : change ? i < 5 : !(pkt->flags & AV_PKT_FLAG_KEY);
      repeats += !change;
      int off = slice_deblock_off(pkt->data, pkt->size, &h);
      if (off != want) fail_msg("%s: frame %lld %s the loop filter", presets[k] ? presets[k] : "slides",
                                (long long)i, off ? "without" : "with");
      n++;
      av_packet_unref(pkt);
    }
    av_packet_free(&pkt);
    avformat_close_input(&ic);
    assert_int_equal(n, (int)r.encoded);
    assert_true(repeats >= 3);
    pics p;
    assert_int_equal(decode(out, &p), 0);
    for (int j = 1; j < p.n; j++)
      if (flicker_pic(p.pts[j]) == flicker_pic(p.pts[j - 1]))
        assert_memory_equal(p.yuv[j], p.yuv[j - 1], (size_t)W * H * 3 / 2);
    pics_free(&p);
  }
}

/* ---- repeats written without x264 ---------------------------------------- */

/* one picture, then nothing changes */
static int still_get(void *ud, int64_t index, double t, vge_frame *f) {
  uint8_t *buf = ud;
  (void)t;
  f->changed = index == 0;
  f->data = index == 0 ? buf : NULL;
  return 0;
}

static double thread_cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* a still of `seconds` at w x h with a repeat every max_gap: the thread's
 * CPU seconds, the pictures encoded in r */
static double encode_still(const char *name, int w, int h, double seconds, double max_gap, double keyint,
                           vge_result *r, char *out, size_t outlen) {
  uint8_t *buf = malloc((size_t)w * h * 4);
  for (size_t i = 0; i < (size_t)w * h * 4; i++) buf[i] = (uint8_t)(i * 7 % 251);
  pathf(out, outlen, name);
  vge_segment s = {.v = {.width = w, .height = h, .fps_num = FPS, .fps_den = 1, .max_gap = max_gap,
                         .keyint = keyint},
                   .start = 0, .end = seconds, .get_frame = still_get, .ud = buf, .out = out};
  double t0 = thread_cpu();
  if (vge_encode_segment(&s, r) != 0) fail_msg("encode: %s", r->err);
  double t = thread_cpu() - t0;
  free(buf);
  return t;
}

/* The frame_num of every slice of a file: 0 at an IDR, one more (modulo
 * MaxFrameNum) at each reference picture after it: a repeat written without
 * x264 is counted, and x264's slices after it are renumbered. Returns the
 * number of P pictures. */
static int check_frame_nums(const char *path) {
  AVFormatContext *ic = NULL;
  assert_int_equal(avformat_open_input(&ic, path, NULL, NULL), 0);
  assert_true(avformat_find_stream_info(ic, NULL) >= 0);
  h264_hdr h;
  read_headers(ic->streams[0]->codecpar->extradata, ic->streams[0]->codecpar->extradata_size, &h);
  assert_int_equal(h.poc_type, 2);
  AVPacket *pkt = av_packet_alloc();
  unsigned want = 0, max = 1u << h.frame_num_bits;
  int p = 0;
  while (av_read_frame(ic, pkt) >= 0) {
    for (int at = 0; at + 4 < pkt->size;) {
      const uint8_t *d = pkt->data;
      int n = d[at] << 24 | d[at + 1] << 16 | d[at + 2] << 8 | d[at + 3];
      const uint8_t *nal = d + at + 4;
      int type = nal[0] & 31;
      at += 4 + n;
      if (type != 1 && type != 5) continue;
      bits r;
      bits_init(&r, nal, n);
      ue(&r);
      ue(&r);
      ue(&r);
      unsigned fn = u(&r, h.frame_num_bits);
      if (type == 5) want = 0;
      else p++;
      if (fn != want) fail_msg("pts %lld: frame_num %u, %u expected", (long long)pkt->pts, fn, want);
      want = (want + 1) % max;
    }
    av_packet_unref(pkt);
  }
  av_packet_free(&pkt);
  avformat_close_input(&ic);
  return p;
}

/* A repeat after the first one in a segment is x264's slice of that first
 * one again, with its own frame_num: the stream stays valid (frame_num
 * without gaps, past its wrap), every repeat decodes to the picture, and
 * lossless or not, a repeat costs next to nothing (x264 walks every
 * macroblock of a repeat: 2-3 ms a 1080p picture; the test fails with that). */
static void test_repeats_without_x264(void **state) {
  (void)state;
  char out[512];
  vge_result r;
  /* 320x240, a repeat every 3 frames for 8 s: 80 repeats, frame_num wraps */
  encode_still("still.mp4", W, H, 8, 0.1, 100, &r, out, sizeof out);
  assert_int_equal(r.encoded, 80);
  assert_int_equal(check_frame_nums(out), 79);
  pics p;
  assert_int_equal(decode(out, &p), 0);
  assert_int_equal(p.n, 80);
  for (int j = 1; j < p.n; j++) assert_memory_equal(p.yuv[j], p.yuv[0], (size_t)W * H * 3 / 2);
  pics_free(&p);
  /* an IDR forced by keyint among them (every 2 s) */
  encode_still("still_key.mp4", W, H, 8, 0.1, 2, &r, out, sizeof out);
  assert_int_equal(check_frame_nums(out), 76);
  /* 1080p: a 1 s still against a 21 s one, 200 repeats more; the smallest
   * of three runs (a loaded host) */
  double per = 1e9;
  for (int k = 0; k < 3; k++) {
    vge_result r1, r2;
    double a = encode_still("short.mp4", 1920, 1080, 1, 0.1, 1000, &r1, out, sizeof out);
    double b = encode_still("long.mp4", 1920, 1080, 21, 0.1, 1000, &r2, out, sizeof out);
    assert_int_equal(r2.encoded - r1.encoded, 200);
    double x = (b - a) / 200;
    if (x < per) per = x;
  }
  print_message("a 1080p repeat: %.3f ms of CPU\n", per * 1e3);
  if (per > 0.4e-3) fail_msg("a 1080p repeat costs %.2f ms of CPU", per * 1e3);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_crf0_lossless),
    cmocka_unit_test(test_wrong_rect_shows),
    cmocka_unit_test(test_hint_keeps_pictures),
    cmocka_unit_test(test_deterministic_jobs),
    cmocka_unit_test(test_segments_join),
    cmocka_unit_test(test_keyint_from_any_idr),
    cmocka_unit_test(test_fleeting_unfiltered),
    cmocka_unit_test(test_repeats_without_x264),
  };
  return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
