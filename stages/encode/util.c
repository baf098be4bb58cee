/* util.c: errors, atomic output files, WAV and image input, and the keyframe
 * frame source of the encoder. */
#include "encode_private.h"
#include "vg.h"
#include "vg_utf8.h"

#include <errno.h>
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

int vge_fail(vge_result *r, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vg_vsnprintf_utf8(r->err, sizeof r->err, fmt, ap);
  va_end(ap);
  r->rc = -1;
  return -1;
}

int vge_fail_av(vge_result *r, int averr, const char *what) {
  char buf[AV_ERROR_MAX_STRING_SIZE];
  av_strerror(averr, buf, sizeof buf);
  return vge_fail(r, "%s: %s", what, buf);
}

static void av_init_once(void) {
  const char *lv = getenv("VGRUN_AV_LOG");
  int level = AV_LOG_ERROR;
  if (lv && !strcmp(lv, "debug")) level = AV_LOG_DEBUG;
  else if (lv && !strcmp(lv, "info")) level = AV_LOG_INFO;
  else if (lv && !strcmp(lv, "warning")) level = AV_LOG_WARNING;
  if (av_log_get_level() == AV_LOG_INFO) av_log_set_level(level); /* only if untouched */
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

/* ---- WAV ------------------------------------------------------------------ */

static uint32_t le32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

int vge_read_wav(const char *path, int16_t **samples, size_t *n, int *rate, char *err,
                 size_t errlen) {
  *samples = NULL; *n = 0; *rate = 0;
  FILE *f = fopen(path, "rb");
  if (!f) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
  uint8_t hdr[12];
  int fmt_ok = 0, ch = 0, bits = 0, tag = 0, sr = 0;
  if (fread(hdr, 1, 12, f) != 12 || memcmp(hdr, "RIFF", 4) || memcmp(hdr + 8, "WAVE", 4)) {
    snprintf(err, errlen, "%s: not a RIFF/WAVE file", path); fclose(f); return -1;
  }
  for (;;) {
    uint8_t ck[8];
    if (fread(ck, 1, 8, f) != 8) { snprintf(err, errlen, "%s: no data chunk", path); break; }
    uint32_t size = le32(ck + 4);
    if (!memcmp(ck, "fmt ", 4)) {
      uint8_t fm[40] = {0};
      size_t want = size < sizeof fm ? size : sizeof fm;
      if (size < 16 || fread(fm, 1, want, f) != want) { snprintf(err, errlen, "%s: bad fmt chunk", path); break; }
      if (size > want) fseek(f, (long)(size - want), SEEK_CUR);
      if (size & 1) fseek(f, 1, SEEK_CUR);
      tag = le16(fm); ch = le16(fm + 2); sr = (int)le32(fm + 4); bits = le16(fm + 14);
      if (tag == 0xFFFE && size >= 26) tag = le16(fm + 24); /* WAVE_FORMAT_EXTENSIBLE */
      fmt_ok = 1;
    } else if (!memcmp(ck, "data", 4)) {
      if (!fmt_ok) { snprintf(err, errlen, "%s: data before fmt", path); break; }
      if (ch < 1 || sr < 1 || !((tag == 1 && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) ||
                                (tag == 3 && bits == 32))) {
        snprintf(err, errlen, "%s: unsupported WAV format (tag %d, %d bits)", path, tag, bits); break;
      }
      int bps = bits / 8;
      /* streaming writers leave 0 or 0xFFFFFFFF: read to the end of the file */
      uint8_t *raw = NULL; size_t got = 0, cap = 0;
      size_t limit = (size == 0 || size == 0xFFFFFFFFu) ? SIZE_MAX : size;
      while (got < limit) {
        if (cap - got < 65536) {
          cap = cap ? cap * 2 : 1 << 20;
          uint8_t *nr = realloc(raw, cap);
          if (!nr) { free(raw); snprintf(err, errlen, "out of memory"); fclose(f); return -1; }
          raw = nr;
        }
        size_t want = cap - got;
        if (want > limit - got) want = limit - got;
        size_t k = fread(raw + got, 1, want, f);
        got += k;
        if (k == 0) break;
      }
      size_t frames = got / (size_t)(bps * ch);
      int16_t *out = malloc((frames ? frames : 1) * sizeof *out);
      if (!out) { free(raw); snprintf(err, errlen, "out of memory"); fclose(f); return -1; }
      for (size_t i = 0; i < frames; i++) {
        double acc = 0;
        for (int c = 0; c < ch; c++) {
          const uint8_t *p = raw + (i * (size_t)ch + (size_t)c) * (size_t)bps;
          double v;
          if (tag == 3) { float fl; memcpy(&fl, p, 4); v = fl; }
          else if (bits == 8) v = (p[0] - 128) / 128.0;
          else if (bits == 16) v = (int16_t)le16(p) / 32768.0;
          else if (bits == 24) v = (int32_t)((uint32_t)p[0] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 24) / 2147483648.0;
          else v = (int32_t)le32(p) / 2147483648.0;
          acc += v;
        }
        acc = acc / ch * 32768.0;
        out[i] = (int16_t)(acc > 32767 ? 32767 : acc < -32768 ? -32768 : acc);
      }
      free(raw); fclose(f);
      *samples = out; *n = frames; *rate = sr;
      return 0;
    } else {
      if (fseek(f, (long)size + (size & 1), SEEK_CUR) != 0) { snprintf(err, errlen, "%s: truncated", path); break; }
    }
  }
  fclose(f);
  return -1;
}

/* ---- images ----------------------------------------------------------------- */

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
