/* bench_encode: the encoder and muxer on the issue-6 benchmark. A 60-second
 * 1080p video of 10 static slides with 0.5 s crossfades and narration-like
 * audio, from a cold cache (a private directory), in VFR (default) and CFR;
 * then an unchanged re-run (warm cache), and the reference:
 *   ffmpeg -loop 1 -i still.png -t 60 -c:v libx264 -preset veryfast -pix_fmt yuv420p
 * measured in the same run. Prints video length, wall time, x real time, peak
 * memory and the ratio to the reference. Numbers only: nothing is asserted.
 *   bench_encode [--seconds 60] [--scenes 10] [--size 1920x1080] [--jobs N]
 *                [--fade S] [--no-cfr] [--no-ref] [--keep DIR] */
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

static int W = 1920, H = 1080;
#define FPS 30
static double FADE = 0.5;

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
    execlp("ffmpeg", "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-loop", "1",
           "-i", png, "-t", dur, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
           out, (char *)NULL);
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
  int scenes = 10, jobs = 0, do_cfr = 1, do_ref = 1;
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
    else { fprintf(stderr, "usage: bench_encode [--seconds S] [--scenes N] [--size WxH] [--jobs N] [--fade S] [--no-cfr] [--no-ref] [--keep DIR]\n"); return 2; }
  }
  if (scenes < 1 || seconds <= 0 || W < 16 || H < 16 || (W | H) & 1) { fprintf(stderr, "bad arguments\n"); return 2; }
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
    printf("%-26s %8.2f %8.3f %8.2f %10.1f %8.0f %6s/%-5d %13s\n", "ffmpeg -loop 1 reference", seconds,
           ref_wall, ref_cpu, seconds / ref_wall, ref_peak / 1024.0, "all", (int)lround(seconds * FPS), "1.00x");
  printf("\n(wall is the figure that counts; cpu s is user+sys of all threads, steadier when the "
         "machine is shared. Peak MB: the process peak so far, so the re-run repeats the cold peak.)\n");
  if (do_ref) {
    printf("targets: vfr >= 4x faster than the reference: %s (%.2fx); cfr within 1.3x of it: %s\n",
           ref_wall / vfr.wall >= 4 ? "met" : "NOT met", ref_wall / vfr.wall,
           !do_cfr ? "not run" : cfr.wall <= 1.3 * ref_wall ? "met" : "NOT met");
  }
  if (!keep) rmtree(dir);
  else printf("outputs kept in %s\n", dir);
  for (int i = 0; i < scenes; i++) { free(slides[i]); free(pcm[i]); }
  free(slides); free(pcm); free(pcm_n);
  return 0;
}
