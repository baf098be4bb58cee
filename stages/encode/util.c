/* util.c: errors, atomic output files, WAV and image input, and the keyframe
 * frame source of the encoder. */
#include "encode_private.h"
#include "vg.h"
#include "vg_utf8.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>

int vge_fail_av(vge_result *r, int averr, const char *what) {
  char buf[AV_ERROR_MAX_STRING_SIZE];
  av_strerror(averr, buf, sizeof buf);
  return vge_fail(r, "%s: %s", what, buf);
}

static int av_log_raised;

/* A demuxer reading the user's file (a recording, a video) complains in its
 * own words ("[mov,mp4,...] moov atom not found") just before vgrun says
 * what is wrong with the file, naming it: the problem is said once, by
 * vgrun. Unless VGRUN_AV_LOG asked for FFmpeg's log, an input format
 * context's messages are dropped; the rest go to FFmpeg's own printer. */
static void av_log_filter(void *avcl, int level, const char *fmt, va_list vl) {
  if (!av_log_raised && avcl && *(const AVClass **)avcl == avformat_get_class() &&
      ((const AVFormatContext *)avcl)->iformat)
    return;
  av_log_default_callback(avcl, level, fmt, vl);
}

static void av_init_once(void) {
  const char *lv = getenv("VGRUN_AV_LOG");
  int level = AV_LOG_ERROR;
  if (lv && !strcmp(lv, "debug")) level = AV_LOG_DEBUG;
  else if (lv && !strcmp(lv, "info")) level = AV_LOG_INFO;
  else if (lv && !strcmp(lv, "warning")) level = AV_LOG_WARNING;
  av_log_raised = level != AV_LOG_ERROR;
  if (av_log_get_level() == AV_LOG_INFO) {   /* only if untouched */
    av_log_set_level(level);
    av_log_set_callback(av_log_filter);
  }
}

void vge_av_init(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, av_init_once);
}

int vge_tmp_beside(const char *out, char *tmp, size_t len) {
  static unsigned counter;
  unsigned c = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
  const char *slash = strrchr(out, '/');
  int dirlen = slash ? (int)(slash - out + 1) : 0;
  const char *base = slash ? slash + 1 : out;
  /* keep the extension last: FFmpeg and humans both look at it */
  const char *dot = strrchr(base, '.');
  const char *ext = dot ? dot : "";
  int n = snprintf(tmp, len, "%.*s.%.*s.tmp-%ld-%u%s", dirlen, out,
                   (int)(dot ? dot - base : (long)strlen(base)), base, (long)getpid(), c, ext);
  if (n < 0 || (size_t)n >= len) { errno = ENAMETOOLONG; return -1; }
  return 0;
}

int vge_commit(const char *tmp, const char *out) { return vg_commit_file(tmp, out); }

static enum AVPixelFormat av_pix(vge_pix p) { return p == VGE_PIX_BGRA ? AV_PIX_FMT_BGRA : AV_PIX_FMT_RGBA; }

static int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && !strcasecmp(s + a - b, suf);
}

int vge_load_image(const char *path, int width, int height, vge_pix pix, uint8_t **buf,
                   char *err, size_t errlen) {
  *buf = NULL;
  size_t need = (size_t)width * (size_t)height * 4;
  if (ends_with(path, ".rgba") || ends_with(path, ".bgra") || ends_with(path, ".raw")) {
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
    uint8_t *b = av_malloc(need);
    size_t got = b ? fread(b, 1, need, f) : 0;
    fclose(f);
    if (got != need) {
      av_free(b);
      snprintf(err, errlen, "%s: expected %zu bytes of raw pixels (%dx%d)", path, need, width, height);
      return -1;
    }
    *buf = b;
    return 0;
  }
  AVFormatContext *fc = NULL;
  AVCodecContext *dc = NULL;
  AVPacket *pkt = av_packet_alloc();
  AVFrame *fr = av_frame_alloc();
  struct SwsContext *sws = NULL;
  int rc = -1, ret;
  if (!pkt || !fr) { snprintf(err, errlen, "out of memory"); goto done; }
  if ((ret = avformat_open_input(&fc, path, NULL, NULL)) < 0 ||
      (ret = avformat_find_stream_info(fc, NULL)) < 0) {
    snprintf(err, errlen, "%s: %s", path, av_err2str(ret)); goto done;
  }
  int si = av_find_best_stream(fc, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
  if (si < 0) { snprintf(err, errlen, "%s: no image", path); goto done; }
  const AVCodec *codec = avcodec_find_decoder(fc->streams[si]->codecpar->codec_id);
  if (!codec || !(dc = avcodec_alloc_context3(codec)) ||
      avcodec_parameters_to_context(dc, fc->streams[si]->codecpar) < 0 ||
      avcodec_open2(dc, codec, NULL) < 0) {
    snprintf(err, errlen, "%s: cannot decode", path); goto done;
  }
  int have = 0;
  while (!have && av_read_frame(fc, pkt) >= 0) {
    if (pkt->stream_index == si && avcodec_send_packet(dc, pkt) >= 0)
      have = avcodec_receive_frame(dc, fr) >= 0;
    av_packet_unref(pkt);
  }
  if (!have) { avcodec_send_packet(dc, NULL); have = avcodec_receive_frame(dc, fr) >= 0; }
  if (!have) { snprintf(err, errlen, "%s: no picture decoded", path); goto done; }
  sws = sws_getContext(fr->width, fr->height, fr->format, width, height, av_pix(pix),
                       SWS_BICUBIC, NULL, NULL, NULL);
  uint8_t *b = av_malloc(need);
  if (!sws || !b) { av_free(b); snprintf(err, errlen, "%s: cannot convert", path); goto done; }
  uint8_t *dst[4] = {b};
  int dstride[4] = {width * 4};
  sws_scale(sws, (const uint8_t *const *)fr->data, fr->linesize, 0, fr->height, dst, dstride);
  *buf = b;
  rc = 0;
done:
  sws_freeContext(sws);
  avcodec_free_context(&dc);
  avformat_close_input(&fc);
  av_packet_free(&pkt);
  av_frame_free(&fr);
  return rc;
}

/* ---- keyframes ----------------------------------------------------------------- */

int vge_keyframes_get(void *ud, int64_t index, double t, vge_frame *out) {
  vge_keyframes *kf = ud;
  (void)index;
  if (kf->n <= 0) { out->error = "no keyframes"; return -1; }
  /* the keyframe on screen at t; a tiny epsilon so t = k.t exactly counts */
  int i = kf->cur > 0 ? kf->cur - 1 : 0;
  if (index == 0 || i >= kf->n) i = 0;
  while (i + 1 < kf->n && kf->k[i + 1].t <= t + 1e-9) i++;
  if (kf->cur == i + 1 && index > 0) { out->changed = 0; out->data = NULL; return 0; }
  const vge_keyframe *k = &kf->k[i];
  av_freep(&kf->buf);
  out->stride = 0;
  if (k->data) {
    out->data = k->data;
    out->stride = k->stride;
  } else if (k->file) {
    if (vge_load_image(k->file, kf->width, kf->height, kf->pix, &kf->buf, kf->err,
                       sizeof kf->err) != 0) {
      out->error = kf->err;
      return -1;
    }
    out->data = kf->buf;
  } else if (k->has_color) {
    size_t npx = (size_t)kf->width * (size_t)kf->height;
    kf->buf = av_malloc(npx * 4);
    if (!kf->buf) { out->error = "out of memory"; return -1; }
    uint8_t r = (uint8_t)(k->color >> 16), g = (uint8_t)(k->color >> 8), b = (uint8_t)k->color;
    uint8_t px[4] = {r, g, b, 255};
    if (kf->pix == VGE_PIX_BGRA) { px[0] = b; px[2] = r; }
    uint32_t word;
    memcpy(&word, px, 4);
    uint32_t *p = (uint32_t *)kf->buf;
    for (size_t j = 0; j < npx; j++) p[j] = word;
    out->data = kf->buf;
  } else {
    snprintf(kf->err, sizeof kf->err, "keyframe %d has no data, file or color", i);
    out->error = kf->err;
    return -1;
  }
  out->changed = 1;
  kf->cur = i + 1;
  return 0;
}

void vge_keyframes_free(vge_keyframes *kf) {
  av_freep(&kf->buf);
  kf->cur = 0;
}

/* ---- one encode of a key at a time -------------------------------------- */

/* The keys being encoded now, in this process (narration tracks and
 * segments: distinct SHA-256 keys share the table). */
#define FLIGHTS 64
static pthread_mutex_t flight_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t flight_done = PTHREAD_COND_INITIALIZER;
static char flights[FLIGHTS][65];

static int flight_slot(const char *key) {
  for (int i = 0; i < FLIGHTS; i++) if (!strcmp(flights[i], key)) return i;
  return -1;
}

int vge_flight_claim(const char *key, const volatile int *cancel) {
  pthread_mutex_lock(&flight_mu);
  if (flight_slot(key) >= 0) {
    while (flight_slot(key) >= 0 && !(cancel && *cancel)) {
      struct timespec until;
      clock_gettime(CLOCK_REALTIME, &until);   /* wakes to see a cancel */
      until.tv_nsec += 50 * 1000 * 1000;
      if (until.tv_nsec >= 1000000000L) { until.tv_sec++; until.tv_nsec -= 1000000000L; }
      pthread_cond_timedwait(&flight_done, &flight_mu, &until);
    }
    pthread_mutex_unlock(&flight_mu);
    return 0;
  }
  int free_slot = flight_slot("");
  if (free_slot >= 0) memcpy(flights[free_slot], key, 65);
  pthread_mutex_unlock(&flight_mu);
  return 1;
}

void vge_flight_land(const char *key) {
  pthread_mutex_lock(&flight_mu);
  int i = flight_slot(key);
  if (i >= 0) flights[i][0] = 0;
  pthread_cond_broadcast(&flight_done);
  pthread_mutex_unlock(&flight_mu);
}
