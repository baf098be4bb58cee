/* bench_encode: the encoder and muxer on the issue-6 benchmark. A 60-second
 * 1080p video of 10 static slides with 0.5 s crossfades and narration-like
 * audio, from a cold cache (a private directory), in VFR (default) and CFR;
 * then an unchanged re-run (warm cache), and the reference:
 *   ffmpeg -i still.png -vf loop=loop=-1:size=1 -r 30 -t 60 -c:v libx264 -preset veryfast -pix_fmt yuv420p
 * measured in the same run (the image decoded once, repeated by the loop
 * filter). Prints video length, wall time, x real time, peak memory and the
 * ratio to the reference; then CPU per encoded picture by changed area with
 * SSIM against a lossless encode (run_areas). Numbers only: nothing is
 * asserted.
 *   bench_encode [--seconds 60] [--scenes 10] [--size 1920x1080] [--jobs N]
 *                [--fade S] [--no-cfr] [--no-ref] [--no-areas | --areas [--runs N]]
 *                [--keep DIR] */
#include "encode.h"
#include "vg.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>

static int W = 1920, H = 1080;
#define FPS 30
static double FADE = 0.5;

/* CPU seconds of the calling thread: steadier than wall time on a shared machine */
static double thread_cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint32_t rng = 12345;
static uint32_t rnd(void) { rng = rng * 1664525u + 1013904223u; return rng >> 8; }

/* A slide: a coloured title bar, a light page, lines of word-like blocks and
 * a chart, so x264 sees edges the way it does on real slides. RGBA. */
static uint8_t *make_slide(int idx) {
  uint8_t *p = malloc((size_t)W * H * 4);
  uint32_t bar = 0x204080 + (uint32_t)idx * 0x1a0b05;
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) {
      uint8_t *q = p + ((size_t)y * W + x) * 4;
      int in_bar = y < H / 7;
      q[0] = in_bar ? (uint8_t)(bar >> 16) : 248;
      q[1] = in_bar ? (uint8_t)(bar >> 8) : 246;
      q[2] = in_bar ? (uint8_t)bar : 240;
      q[3] = 255;
    }
  rng = 777u + (uint32_t)idx * 101u;
  int lh = H / 22;
  for (int line = 0; line < 11; line++) {
    int y0 = H / 5 + line * lh * 3 / 2, x = W / 12;
    int end = W / 2 + (int)(rnd() % (unsigned)(W / 3));
    while (x < end) {
      int w = 12 + (int)(rnd() % 90);
      for (int y = y0; y < y0 + lh && y < H; y++)
        for (int xx = x; xx < x + w && xx < W; xx++) {
          /* letter-like texture inside the word */
          if (((xx * 7 + y * 3) % 11) < 6 || (y - y0) % 9 < 2) {
            uint8_t *q = p + ((size_t)y * W + xx) * 4;
            q[0] = 30; q[1] = 30; q[2] = 40;
          }
        }
      x += w + 14;
    }
  }
  for (int b = 0; b < 6; b++) { /* a bar chart on the right */
    int h = H / 10 + (int)(rnd() % (unsigned)(H / 3));
    int x0 = W * 2 / 3 + b * W / 22;
    for (int y = H * 9 / 10 - h; y < H * 9 / 10; y++)
      for (int x = x0; x < x0 + W / 30; x++) {
        uint8_t *q = p + ((size_t)y * W + x) * 4;
        q[0] = (uint8_t)(200 - b * 25); q[1] = (uint8_t)(80 + b * 20); q[2] = 60;
      }
  }
  return p;
}

typedef struct src {
  const uint8_t *prev, *cur;  /* prev NULL: no fade in */
  uint8_t *buf;
  int last;                   /* last picture handed out */
} src;

/* What a renderer does: draws only when the picture changes. */
static int get_frame(void *ud, int64_t index, double t, vge_frame *f) {
  src *s = ud;
  int pic = (!s->prev || t >= FADE) ? 0 : 1 + (int)index;  /* fade frames all differ */
  if (FADE <= 0) pic = 0;
  if (index > 0 && pic == s->last) { f->changed = 0; return 0; }
  s->last = pic;
  if (pic == 0) {
    f->data = s->cur;
  } else {
    int k = (int)lround(t / FADE * 256);
    size_t n = (size_t)W * H * 4;
    for (size_t i = 0; i < n; i++) s->buf[i] = (uint8_t)((s->prev[i] * (256 - k) + s->cur[i] * k) >> 8);
    f->data = s->buf;
  }
  f->changed = 1;
  return 0;
}

/* speech-like narration at 22050 Hz: syllable bursts with pauses */
static int16_t *narration(double secs, size_t *n, int seed) {
  *n = (size_t)(secs * 22050);
  int16_t *s = calloc(*n, sizeof *s);
  rng = (uint32_t)seed;
  double f0 = 110 + seed % 40;
  for (size_t i = 0; i < *n; i++) {
    double t = (double)i / 22050;
    double syl = fmod(t, 0.22) / 0.22;
    double env = (fmod(t, 2.7) < 2.3) ? sin(M_PI * syl) : 0;
    double v = 0;
    for (int h = 1; h <= 8; h++) v += sin(2 * M_PI * f0 * h * t * (1 + 0.05 * sin(t * 3))) / h;
    v += ((double)(rnd() % 2000) / 1000 - 1) * 0.15;
    s[i] = (int16_t)(6000 * env * v);
  }
  return s;
}

static long peak_kb_self(void) { struct rusage ru; getrusage(RUSAGE_SELF, &ru); return ru.ru_maxrss; }

typedef struct run { double wall, cpu, len; long encoded, frames; int cached; } run;

static double cpu_self(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static vg_cache *bench_cache;

static int encode_run(uint8_t **slides, int scenes, double seconds, int cfr, int jobs,
                      const char *out, int16_t **pcm, size_t *pcm_n, run *res) {
  vge_segment *segs = calloc((size_t)scenes, sizeof *segs);
  src *srcs = calloc((size_t)scenes, sizeof *srcs);
  vge_result *rs = calloc((size_t)scenes, sizeof *rs);
  vge_clip *clips = calloc((size_t)scenes, sizeof *clips);
  vge_chapter *ch = calloc((size_t)scenes, sizeof *ch);
  const char **paths = calloc((size_t)scenes, sizeof *paths);
  char (*keys)[64] = calloc((size_t)scenes, sizeof *keys);
  char (*titles)[32] = calloc((size_t)scenes, sizeof *titles);
  double per = seconds / scenes;
  double t0 = now(), c0 = cpu_self();
  for (int i = 0; i < scenes; i++) {
    srcs[i] = (src){i ? slides[i - 1] : NULL, slides[i], malloc((size_t)W * H * 4), -1};
    snprintf(keys[i], sizeof keys[i], "bench-slide-%d-fade-%d-%g", i, i > 0, FADE);
    segs[i] = (vge_segment){.v = {.width = W, .height = H, .fps_num = FPS, .fps_den = 1, .cfr = cfr},
                            .start = i * per, .end = (i + 1) * per, .get_frame = get_frame,
                            .ud = &srcs[i], .key = keys[i], .cache = bench_cache};
    clips[i] = (vge_clip){.samples = pcm[i], .n = pcm_n[i], .rate = 22050, .at = i * per + 0.4};
    snprintf(titles[i], sizeof titles[i], "Scene %d", i + 1);
    ch[i] = (vge_chapter){titles[i], i * per, (i + 1) * per};
  }
  vge_audio au = {.clips = clips, .n = scenes, .duration = seconds, .cache = bench_cache};
  vge_result ar, jr;
  int rc = vge_encode_all(segs, scenes, jobs, rs, &au, &ar);
  if (rc != 0) {
    for (int i = 0; i < scenes; i++) if (rs[i].rc) fprintf(stderr, "scene %d: %s\n", i + 1, rs[i].err);
    if (ar.rc) fprintf(stderr, "audio: %s\n", ar.err);
  } else {
    for (int i = 0; i < scenes; i++) paths[i] = rs[i].path;
    vge_join j = {.segments = paths, .n = scenes, .audio = ar.path, .chapters = ch, .nchapters = scenes,
                  .title = "Benchmark", .out = out};
    rc = vge_join_files(&j, &jr);
    if (rc) fprintf(stderr, "join: %s\n", jr.err);
  }
  res->wall = now() - t0;
  res->cpu = cpu_self() - c0;
  res->len = rc ? 0 : jr.duration;
  res->encoded = res->frames = 0;
  res->cached = 0;
  for (int i = 0; i < scenes; i++) {
    res->encoded += (long)rs[i].encoded;
    res->frames += (long)rs[i].frames;
    res->cached += rs[i].cached;
    free(srcs[i].buf);
  }
  free(segs); free(srcs); free(rs); free(clips); free(ch); free(paths); free(keys); free(titles);
  return rc;
}

/* still.png for the reference, through libavcodec's PNG encoder */
static int write_png(const char *path, const uint8_t *rgba) {
  const AVCodec *c = avcodec_find_encoder(AV_CODEC_ID_PNG);
  AVCodecContext *cc = avcodec_alloc_context3(c);
  cc->width = W; cc->height = H; cc->pix_fmt = AV_PIX_FMT_RGBA; cc->time_base = (AVRational){1, 25};
  if (avcodec_open2(cc, c, NULL) < 0) return -1;
  AVFrame *f = av_frame_alloc();
  f->format = AV_PIX_FMT_RGBA; f->width = W; f->height = H;
  av_frame_get_buffer(f, 0);
  for (int y = 0; y < H; y++) memcpy(f->data[0] + (size_t)y * f->linesize[0], rgba + (size_t)y * W * 4, (size_t)W * 4);
  AVPacket *pkt = av_packet_alloc();
  int rc = -1;
  if (avcodec_send_frame(cc, f) >= 0 && avcodec_receive_packet(cc, pkt) >= 0) {
    FILE *o = fopen(path, "wb");
    if (o) { fwrite(pkt->data, 1, (size_t)pkt->size, o); fclose(o); rc = 0; }
  }
  av_packet_free(&pkt); av_frame_free(&f); avcodec_free_context(&cc);
  return rc;
}

static int run_reference(const char *dir, double seconds, double *wall, double *cpu, long *peak_kb) {
  char png[1024], out[1024], dur[32];
  snprintf(png, sizeof png, "%s/still.png", dir);
  snprintf(out, sizeof out, "%s/reference.mp4", dir);
  snprintf(dur, sizeof dur, "%g", seconds);
  double t0 = now();
  pid_t pid = fork();
  if (pid == 0) {
    /* the image decoded once and repeated by the loop filter (issue 17):
     * `-loop 1` decodes the PNG again for every frame, 3.5x slower */
    execlp("ffmpeg", "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", png,
           "-vf", "loop=loop=-1:size=1", "-r", "30", "-t", dur, "-c:v", "libx264", "-preset", "veryfast",
           "-pix_fmt", "yuv420p", out, (char *)NULL);
    _exit(127);
  }
  int st;
  struct rusage ru;
  if (pid < 0 || wait4(pid, &st, 0, &ru) < 0) return -1;
  *wall = now() - t0;
  *cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
  *peak_kb = ru.ru_maxrss;
  return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}


/* ---- seconds per encoded picture by changed area ------------------------ */

/* Three kinds of motion, each a 2-second segment in which every picture
 * changes: a full-frame crossfade, a slide-in of one list item (a band of
 * 1/6 of the frame, all columns) and the reveal of one line of text (a fade
 * in its own box). The source says which rectangle changed, as the video
 * stage does. */
enum { AREA_FADE, AREA_SLIDE, AREA_REVEAL, AREAS };
static const char *AREA_NAME[AREAS] = {"crossfade (whole frame)", "slide-in (1/6 band)", "reveal (one line)"};
#define AREA_FRAMES 60

typedef struct area_src {
  int kind;
  const uint8_t *a, *b;
  uint8_t *buf;
  double gen;   /* seconds spent drawing pictures: not the encoder's */
  /* steady state: thread CPU from the end of picture 1's drawing to the
   * start of the last picture's, less the drawing in between (the first,
   * IDR picture and opening the encoder are left out) */
  double t1, gen1, tn, genn;
} area_src;

static void area_rect(int kind, int *x0, int *y0, int *x1, int *y1) {
  int lh = H / 22;
  if (kind == AREA_SLIDE) { *x0 = 0; *x1 = W; *y0 = H / 2; *y1 = H / 2 + H / 6; }
  else if (kind == AREA_REVEAL) { *x0 = W / 12; *x1 = W * 5 / 6; *y0 = H / 5; *y1 = H / 5 + lh; }
  else { *x0 = *y0 = *x1 = *y1 = 0; }
}

static int area_get(void *ud, int64_t index, double t, vge_frame *f) {
  area_src *s = ud;
  (void)t;
  double t0 = thread_cpu();
  if (index == AREA_FRAMES - 1) { s->tn = t0; s->genn = s->gen; }
  int k = (int)(index * 256 / (AREA_FRAMES - 1));
  int x0, y0, x1, y1;
  area_rect(s->kind, &x0, &y0, &x1, &y1);
  if (index == 0) memcpy(s->buf, s->a, (size_t)W * H * 4);
  else if (s->kind == AREA_FADE) {
    size_t n = (size_t)W * H * 4;
    for (size_t i = 0; i < n; i++) s->buf[i] = (uint8_t)((s->a[i] * (256 - k) + s->b[i] * k) >> 8);
  } else if (s->kind == AREA_SLIDE) {
    /* b's band moves in from the right over a's page colour, easing out */
    double u = (double)index / (AREA_FRAMES - 1);
    int dx = (int)lround((W - W / 12) * (1 - u) * (1 - u));
    for (int y = y0; y < y1; y++) {
      uint8_t *row = s->buf + (size_t)y * W * 4;
      for (int x = 0; x < W; x++) {
        uint8_t *q = row + (size_t)x * 4;
        const uint8_t *src = x - dx >= 0 ? s->b + ((size_t)y * W + (size_t)(x - dx)) * 4 : NULL;
        if (src) memcpy(q, src, 4);
        else { q[0] = 248; q[1] = 246; q[2] = 240; q[3] = 255; }
      }
    }
  } else {
    for (int y = y0; y < y1; y++)
      for (int x = x0 * 4; x < x1 * 4; x++) {
        size_t i = (size_t)y * W * 4 + (size_t)x;
        s->buf[i] = (uint8_t)((s->a[i] * (256 - k) + s->b[i] * k) >> 8);
      }
  }
  f->data = s->buf;
  f->changed = 1;
  f->fleeting = 1;   /* every picture is replaced on the next frame */
  if (index > 0) { f->x0 = x0; f->y0 = y0; f->x1 = x1; f->y1 = y1; }
  s->gen += thread_cpu() - t0;
  if (index == 1) { s->t1 = thread_cpu(); s->gen1 = s->gen; }
  return 0;
}

/* A decoder over one file's video stream: the next picture, or NULL. */
typedef struct dec { AVFormatContext *ic; AVCodecContext *c; AVPacket *pkt; AVFrame *fr; int si, eof; } dec;
static int dec_open(dec *d, const char *path) {
  memset(d, 0, sizeof *d);
  if (avformat_open_input(&d->ic, path, NULL, NULL) < 0 || avformat_find_stream_info(d->ic, NULL) < 0) return -1;
  d->si = av_find_best_stream(d->ic, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
  if (d->si < 0) return -1;
  const AVCodec *codec = avcodec_find_decoder(d->ic->streams[d->si]->codecpar->codec_id);
  d->c = avcodec_alloc_context3(codec);
  avcodec_parameters_to_context(d->c, d->ic->streams[d->si]->codecpar);
  d->c->thread_count = 1;
  d->pkt = av_packet_alloc();
  d->fr = av_frame_alloc();
  return avcodec_open2(d->c, codec, NULL) < 0 ? -1 : 0;
}
static AVFrame *dec_next(dec *d) {
  for (;;) {
    int ret = avcodec_receive_frame(d->c, d->fr);
    if (ret == 0) return d->fr;
    if (ret == AVERROR_EOF) return NULL;
    if (d->eof) return NULL;
    if (av_read_frame(d->ic, d->pkt) < 0) { d->eof = 1; avcodec_send_packet(d->c, NULL); continue; }
    if (d->pkt->stream_index == d->si) avcodec_send_packet(d->c, d->pkt);
    av_packet_unref(d->pkt);
  }
}
static void dec_close(dec *d) {
  av_frame_free(&d->fr); av_packet_free(&d->pkt); avcodec_free_context(&d->c); avformat_close_input(&d->ic);
}

/* SSIM of two luma planes as FFmpeg's ssim filter computes it: 8x8 windows
 * every 4 pixels, C1 = (0.01*255)^2, C2 = (0.03*255)^2. */
static double ssim_y(const uint8_t *a, int as, const uint8_t *b, int bs, int w, int h) {
  const double c1 = 6.5025, c2 = 58.5225;
  double sum = 0;
  long n = 0;
  for (int y = 0; y + 8 <= h; y += 4)
    for (int x = 0; x + 8 <= w; x += 4) {
      double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
      for (int j = 0; j < 8; j++)
        for (int i = 0; i < 8; i++) {
          double p = a[(size_t)(y + j) * (size_t)as + (size_t)(x + i)], q = b[(size_t)(y + j) * (size_t)bs + (size_t)(x + i)];
          sa += p; sb += q; saa += p * p; sbb += q * q; sab += p * q;
        }
      double ma = sa / 64, mb = sb / 64;
      double va = saa / 64 - ma * ma, vb = sbb / 64 - mb * mb, cov = sab / 64 - ma * mb;
      sum += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
      n++;
    }
  return n ? sum / (double)n : 1;
}

/* Mean luma SSIM of every picture of file a against file b; -1 if they
 * cannot be read or differ in length. */
static double file_ssim(const char *a, const char *b) {
  dec da, db;
  double sum = 0, res = -1;
  long n = 0;
  if (dec_open(&da, a) == 0 && dec_open(&db, b) == 0) {
    for (;;) {
      AVFrame *fa = dec_next(&da), *fb = dec_next(&db);
      if (!fa || !fb) { if (!fa && !fb && n > 0) res = sum / (double)n; break; }
      sum += ssim_y(fa->data[0], fa->linesize[0], fb->data[0], fb->linesize[0], fa->width, fa->height);
      n++;
    }
  }
  dec_close(&da); dec_close(&db);
  return res;
}

static int area_encode(int kind, const uint8_t *a, const uint8_t *b, int crf, const char *out,
                       double *secs, double *steady, long *encoded) {
  area_src s = {kind, a, b, malloc((size_t)W * H * 4), 0, 0, 0, 0, 0};
  vge_segment seg = {.v = {.width = W, .height = H, .fps_num = FPS, .fps_den = 1, .crf = crf},
                     .start = 0, .end = (double)AREA_FRAMES / FPS, .get_frame = area_get, .ud = &s, .out = out};
  vge_result r;
  double t0 = thread_cpu();
  int rc = vge_encode_segment(&seg, &r);
  *secs = thread_cpu() - t0 - s.gen;
  *steady = (s.tn - s.t1 - (s.genn - s.gen1)) / (AREA_FRAMES - 2);
  *encoded = (long)r.encoded;
  if (rc) fprintf(stderr, "%s: %s\n", AREA_NAME[kind], r.err);
  free(s.buf);
  return rc;
}

static int cmp_double(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

/* Prints ms per encoded picture (median of `runs`) and SSIM against a
 * lossless encode of the same pictures, for each kind of motion. */
static int run_areas(const char *dir, uint8_t *a, uint8_t *b, int runs) {
  printf("\n%-26s %8s %12s %12s %10s %12s\n", "changed area (1 thread)", "pictures", "cpu ms/pic",
         "steady ms/pic", "kB/pic", "SSIM Y vs lossless");
  int ok = 1;
  for (int kind = 0; kind < AREAS; kind++) {
    char out[600], ref[600];
    snprintf(out, sizeof out, "%s/area-%d.mp4", dir, kind);
    snprintf(ref, sizeof ref, "%s/area-%d-lossless.mp4", dir, kind);
    double t[16], st1[16];
    long enc = 0;
    if (runs > 16) runs = 16;
    for (int i = 0; i < runs; i++)
      if (area_encode(kind, a, b, 0, out, &t[i], &st1[i], &enc) != 0) return -1;
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    qsort(st1, (size_t)runs, sizeof *st1, cmp_double);
    double lt, lst;
    long lenc;
    if (area_encode(kind, a, b, VGE_CRF_LOSSLESS, ref, &lt, &lst, &lenc) != 0) return -1;
    double q = file_ssim(out, ref);
    struct stat st;
    long bytes = stat(out, &st) == 0 ? (long)st.st_size : 0;
    printf("%-26s %8ld %12.2f %12.2f %10.1f %12.4f\n", AREA_NAME[kind], enc, 1000 * t[runs / 2] / (double)enc,
           1000 * st1[runs / 2], (double)bytes / 1024 / (double)enc, q);
    if (q < 0.995) ok = 0;
  }
  printf("target SSIM >= 0.995 on every kind: %s\n", ok ? "met" : "NOT met");
  return 0;
}

static void rmtree(const char *d) {
  DIR *dd = opendir(d);
  struct dirent *e;
  char p[2048];
  while (dd && (e = readdir(dd))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    snprintf(p, sizeof p, "%s/%s", d, e->d_name);
    struct stat st;
    if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) rmtree(p);
    else unlink(p);
  }
  if (dd) closedir(dd);
  rmdir(d);
}

int main(int argc, char **argv) {
  double seconds = 60;
  int scenes = 10, jobs = 0, do_cfr = 1, do_ref = 1, areas = 1, only_areas = 0, runs = 3;
  const char *keep = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = atof(argv[++i]);
    else if (!strcmp(argv[i], "--scenes") && i + 1 < argc) scenes = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--jobs") && i + 1 < argc) jobs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--size") && i + 1 < argc) sscanf(argv[++i], "%dx%d", &W, &H);
    else if (!strcmp(argv[i], "--fade") && i + 1 < argc) FADE = atof(argv[++i]);
    else if (!strcmp(argv[i], "--no-cfr")) do_cfr = 0;
    else if (!strcmp(argv[i], "--no-ref")) do_ref = 0;
    else if (!strcmp(argv[i], "--keep") && i + 1 < argc) keep = argv[++i];
    else if (!strcmp(argv[i], "--no-areas")) areas = 0;
    else if (!strcmp(argv[i], "--areas")) only_areas = 1;
    else if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = atoi(argv[++i]);
    else { fprintf(stderr, "usage: bench_encode [--seconds S] [--scenes N] [--size WxH] [--jobs N] [--fade S] [--no-cfr] [--no-ref] [--no-areas | --areas [--runs N]] [--keep DIR]\n"); return 2; }
  }
  if (scenes < 1 || seconds <= 0 || W < 16 || H < 16 || (W | H) & 1 || runs < 1) { fprintf(stderr, "bad arguments\n"); return 2; }
  char dir[256];
  if (keep) { snprintf(dir, sizeof dir, "%s", keep); mkdir(dir, 0755); }
  else { snprintf(dir, sizeof dir, "/tmp/vg-bench-encode-XXXXXX"); if (!mkdtemp(dir)) return 1; }
  char cache[512], out[512];
  snprintf(cache, sizeof cache, "%s/cache", dir);
  bench_cache = vg_cache_new(cache, 0, -1); /* cold: a cache nobody used before */

  /* inputs are made before the clock starts: they stand for the renderer's
   * and the TTS's work, measured in their own benchmarks */
  uint8_t **slides = calloc((size_t)scenes, sizeof *slides);
  int16_t **pcm = calloc((size_t)scenes, sizeof *pcm);
  size_t *pcm_n = calloc((size_t)scenes, sizeof *pcm_n);
  for (int i = 0; i < scenes; i++) {
    slides[i] = make_slide(i);
    pcm[i] = narration(seconds / scenes - 0.8, &pcm_n[i], i + 1);
  }
  if (only_areas) {
    uint8_t *b = scenes > 1 ? slides[1] : make_slide(1);
    int rc = run_areas(dir, slides[0], b, runs);
    if (scenes < 2) free(b);
    if (!keep) rmtree(dir);
    for (int i = 0; i < scenes; i++) { free(slides[i]); free(pcm[i]); }
    free(slides); free(pcm); free(pcm_n);
    vg_cache_unref(bench_cache);
    return rc ? 1 : 0;
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  printf("encode benchmark: %.0f s of %dx%d at %d fps, %d scenes (%.1f s each, %.1f s crossfades), "
         "%ld cores, jobs %d\n", seconds, W, H, FPS, scenes, seconds / scenes, FADE, cores,
         jobs > 0 ? jobs : (int)cores);

  run vfr, warm, cfr = {0};
  snprintf(out, sizeof out, "%s/vfr.mp4", dir);
  if (encode_run(slides, scenes, seconds, 0, jobs, out, pcm, pcm_n, &vfr) != 0) return 1;
  long peak_vfr = peak_kb_self();
  if (encode_run(slides, scenes, seconds, 0, jobs, out, pcm, pcm_n, &warm) != 0) return 1;
  if (do_cfr) {
    snprintf(out, sizeof out, "%s/cfr.mp4", dir);
    if (encode_run(slides, scenes, seconds, 1, jobs, out, pcm, pcm_n, &cfr) != 0) return 1;
  }
  long peak_all = peak_kb_self();

  double ref_wall = 0, ref_cpu = 0;
  long ref_peak = 0;
  if (do_ref) {
    char png[600];
    snprintf(png, sizeof png, "%s/still.png", dir);
    if (write_png(png, slides[0]) != 0 || run_reference(dir, seconds, &ref_wall, &ref_cpu, &ref_peak) != 0) {
      fprintf(stderr, "reference: ffmpeg failed (is it installed?)\n");
      do_ref = 0;
    }
  }

  printf("\n%-26s %8s %8s %8s %10s %8s %12s %13s\n", "run", "video s", "wall s", "cpu s",
         "x realtime", "peak MB", "frames enc.", "vs ffmpeg");
  struct { const char *name; run *r; long peak; int on; } rows[] = {
    {"vfr, cold cache", &vfr, peak_vfr, 1},
    {"vfr, unchanged re-run", &warm, peak_vfr, 1},
    {"cfr, cold cache", &cfr, peak_all, do_cfr},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    if (!rows[i].on) continue;
    run *r = rows[i].r;
    char ratio[32] = "-";
    if (do_ref) snprintf(ratio, sizeof ratio, "%.2fx faster", ref_wall / r->wall);
    printf("%-26s %8.2f %8.3f %8.2f %10.1f %8.0f %6ld/%-5ld %13s\n", rows[i].name, r->len, r->wall,
           r->cpu, r->len / r->wall, rows[i].peak / 1024.0, r->encoded, r->frames, ratio);
  }
  if (do_ref)
    printf("%-26s %8.2f %8.3f %8.2f %10.1f %8.0f %6s/%-5d %13s\n", "ffmpeg loop-filter ref.", seconds,
           ref_wall, ref_cpu, seconds / ref_wall, ref_peak / 1024.0, "all", (int)lround(seconds * FPS), "1.00x");
  printf("\n(wall is the figure that counts; cpu s is user+sys of all threads, steadier when the "
         "machine is shared. Peak MB: the process peak so far, so the re-run repeats the cold peak.)\n");
  if (do_ref) {
    printf("targets: vfr >= 4x faster than the reference: %s (%.2fx); cfr within 1.3x of it: %s\n",
           ref_wall / vfr.wall >= 4 ? "met" : "NOT met", ref_wall / vfr.wall,
           !do_cfr ? "not run" : cfr.wall <= 1.3 * ref_wall ? "met" : "NOT met");
  }
  if (areas) {
    uint8_t *b = scenes > 1 ? slides[1] : make_slide(1);
    run_areas(dir, slides[0], b, runs);
    if (scenes < 2) free(b);
  }
  if (!keep) rmtree(dir);
  else printf("outputs kept in %s\n", dir);
  for (int i = 0; i < scenes; i++) { free(slides[i]); free(pcm[i]); }
  free(slides); free(pcm); free(pcm_n);
  return 0;
}
