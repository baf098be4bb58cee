/* recording.c: a recorded narration (`vgrun create --audio FILE`): any audio
 * libavformat reads (WAV, FLAC, MP3, Ogg, M4A...), decoded with libavcodec and
 * converted by libswresample to the mixer's own format (48 kHz mono float).
 * The mixer reads it as a stream (vge_rec_open / vge_rec_read), a window at a
 * time, so a three-hour talk costs the decoder's buffers, not the talk.
 *
 * The file is untrusted input. It is opened by vgrun (vg_open_regular: a
 * regular file only) and handed to libavformat as a custom I/O context, never
 * by name: a name such as "concat:a|b" or "http://..." is not a protocol here,
 * and every nested open a demuxer asks for (an HLS or concat playlist, a
 * QuickTime reference) is refused. Nothing is ever written beside it. */
#include "encode_private.h"
#include "vg.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>

#define RATE 48000
#define IO_BUF 65536
#define MIN_SECONDS 0.5
/* the lowest sample rate taken: below it no speech is carried, and the
 * resampler gives nothing for a few samples of 1 Hz (the probe took such a
 * file, the encode then failed) */
#define MIN_RATE 4000

typedef struct fdio { int fd; int64_t size; int nested; } fdio;

static int fd_read(void *opaque, uint8_t *buf, int n) {
  fdio *f = opaque;
  for (;;) {
    ssize_t r = read(f->fd, buf, (size_t)n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return AVERROR(errno);
    return r == 0 ? AVERROR_EOF : (int)r;
  }
}

static int64_t fd_seek(void *opaque, int64_t off, int whence) {
  fdio *f = opaque;
  if (whence & AVSEEK_SIZE) return f->size;
  off_t r = lseek(f->fd, (off_t)off, whence & ~AVSEEK_FORCE);
  return r < 0 ? AVERROR(errno) : (int64_t)r;
}

/* A demuxer that wants to open another file or URL (a playlist entry, a
 * reference in a QuickTime file) is refused: only the one file is read. */
static int no_nested_open(AVFormatContext *s, AVIOContext **pb, const char *url, int flags,
                          AVDictionary **options) {
  (void)pb; (void)url; (void)flags; (void)options;
  ((fdio *)s->opaque)->nested++;
  return AVERROR(EPERM);
}

static void fail(char *err, size_t len, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fail(char *err, size_t len, const char *path, const char *fmt, ...) {
  char msg[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  /* the name is the user's (--audio): shown, so a line break in it is \x0a */
  char *shown = vg_shown_name(path);
  snprintf(err, len, "%s: %s", shown ? shown : "?", msg);
  free(shown);
}

static const char *av_text(int e, char *buf, size_t n) {
  av_strerror(e, buf, n);
  return buf;
}

struct vge_rec_stream {
  char path[VGE_PATH_MAX];
  int fd;
  int probe;             /* count the file's own samples only, convert nothing */
  int64_t max;           /* longest accepted, in 48 kHz samples */
  const volatile int *cancel;
  fdio io;
  AVFormatContext *ic;
  AVIOContext *pb;
  AVCodecContext *dc;
  SwrContext *swr;
  AVPacket *pkt;
  AVFrame *fr;
  int si;
  float *conv;           /* one conversion's output */
  int conv_cap;
  float *pend;           /* converted, not yet read: pend[rd..len) */
  int64_t pend_len, pend_rd, pend_cap;
  int64_t got;           /* samples produced (48 kHz) */
  double src_seconds;    /* probe: the length in the file's own samples */
  int bad, eof, drained, ended;
  int in_rate, in_fmt;
  AVChannelLayout in_layout;
  vge_recording_info info;
};

/* Appends k converted samples to the pending ones. */
static int pend_add(vge_rec_stream *st, const float *s, int k) {
  if (k <= 0) return 0;
  if (st->pend_rd > 0 && st->pend_rd == st->pend_len) st->pend_rd = st->pend_len = 0;
  if (st->pend_len + k > st->pend_cap) {
    if (st->pend_rd > 0) {   /* move the unread ones to the front first */
      memmove(st->pend, st->pend + st->pend_rd, (size_t)(st->pend_len - st->pend_rd) * sizeof *st->pend);
      st->pend_len -= st->pend_rd;
      st->pend_rd = 0;
    }
    if (st->pend_len + k > st->pend_cap) {
      int64_t cap = (st->pend_len + k) * 2;
      float *nb = realloc(st->pend, (size_t)cap * sizeof *nb);
      if (!nb) return -1;
      st->pend = nb;
      st->pend_cap = cap;
    }
  }
  memcpy(st->pend + st->pend_len, s, (size_t)k * sizeof *s);
  st->pend_len += k;
  st->got += k;
  return 0;
}

static int too_long(vge_rec_stream *st, char *err, size_t errlen) {
  fail(err, errlen, st->path, "longer than %.0f minutes, the longest recording vgrun takes",
       (double)st->max / RATE / 60);
  return -1;
}

/* What a WAV file's header says of its length, from its "fmt " and "data"
 * chunks: libavformat takes a data size past the file's end for a streamed
 * file's placeholder and estimates the length from the file's size, so a
 * header claiming two hours over 1 KB of samples would pass as 0.0 s.
 * 0 when the header says nothing checkable (a placeholder size of 0 or
 * 0xFFFFFFFF, RF64, an odd layout). A bounded walk of at most 64 chunks. */
static double wav_said_seconds(int fd, int64_t fsize) {
  unsigned char h[12], c[16];
  if (pread(fd, h, 12, 0) != 12 || memcmp(h, "RIFF", 4) || memcmp(h + 8, "WAVE", 4)) return 0;
  uint32_t byte_rate = 0;
  int64_t at = 12;
  for (int n = 0; n < 64 && at + 8 <= fsize; n++) {
    if (pread(fd, c, 16, at) < 8) return 0;
    uint32_t len = (uint32_t)c[4] | (uint32_t)c[5] << 8 | (uint32_t)c[6] << 16 | (uint32_t)c[7] << 24;
    if (!memcmp(c, "fmt ", 4) && len >= 16) {
      unsigned char f[12];
      if (pread(fd, f, 12, at + 8) != 12) return 0;
      byte_rate = (uint32_t)f[8] | (uint32_t)f[9] << 8 | (uint32_t)f[10] << 16 | (uint32_t)f[11] << 24;
    } else if (!memcmp(c, "data", 4)) {
      if (len == 0 || len == 0xFFFFFFFFu || byte_rate == 0) return 0;
      return (double)len / byte_rate;
    }
    at += 8 + (int64_t)len + (len & 1);
  }
  return 0;
}

/* One step of decoding: a packet sent and the frames it gives converted (or,
 * after the end, the resampler's tail). The calls to libswresample are the
 * same however the samples are read, so the samples are too. 1: go on,
 * 0: the end, -1: error (message in err). */
static int rec_step(vge_rec_stream *st, char *err, size_t errlen) {
  const char *path = st->path;
  char e[128];
  int ret;
  if (st->ended) return 0;
  if (st->cancel && *st->cancel) { fail(err, errlen, path, "cancelled"); return -1; }
  if (st->drained) {
    if (st->swr && st->conv) {
      uint8_t *op[1] = { (uint8_t *)st->conv };
      int k = swr_convert(st->swr, op, st->conv_cap, NULL, 0);   /* the filter's tail */
      if (k > 0 && pend_add(st, st->conv, k) != 0) { fail(err, errlen, path, "out of memory"); return -1; }
    }
    st->ended = 1;
    if (st->got == 0) {
      fail(err, errlen, path, st->bad ? "its audio could not be decoded (every frame was damaged)"
                                      : "holds no audio samples");
      return -1;
    }
    /* a file cut short (a download that stopped) still decodes: what is
     * left would be laid under every slide as if it were the talk. Its
     * header's length, when the demuxer knows one, tells (libavformat
     * estimates a streamed WAV's placeholder size from the file's size). */
    double have = (double)st->got / RATE;
    double said = 0;
    if (!strcmp(st->ic->iformat->name, "wav")) said = wav_said_seconds(st->fd, st->io.size);
    if (said <= 0 && st->ic->duration > 0 && st->ic->duration != AV_NOPTS_VALUE)
      said = (double)st->ic->duration / AV_TIME_BASE;
    if (said > 0) {
      if (have < said / 2 && said - have > 1.0) {
        fail(err, errlen, path, "is cut short: its header says %.1f s, it holds %.1f s of audio", said, have);
        return -1;
      }
    }
    /* a recording of a moment (a click, a header with a few samples) is no
     * talk: the slides would be shared out over nothing */
    if (have < MIN_SECONDS) {
      fail(err, errlen, path, "is too short: it holds %.2f s of audio, a recording needs %.1f s or more",
           have, MIN_SECONDS);
      return -1;
    }
    st->info.samples = st->got;
    st->info.duration = (double)st->got / RATE;
    st->info.damaged = st->bad;
    return 0;
  }
  if (!st->eof) {
    ret = av_read_frame(st->ic, st->pkt);
    if (ret == AVERROR_EOF) {
      st->eof = 1;
      avcodec_send_packet(st->dc, NULL);
    } else if (ret < 0) {
      fail(err, errlen, path, "cannot read it (%s)", av_text(ret, e, sizeof e));
      return -1;
    } else {
      if (st->pkt->stream_index == st->si) {
        ret = avcodec_send_packet(st->dc, st->pkt);
        /* a damaged frame here and there is skipped, as players do */
        if (ret < 0 && ret != AVERROR(EAGAIN)) st->bad++;
      }
      av_packet_unref(st->pkt);
    }
  }
  AVFrame *fr = st->fr;
  AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
  for (;;) {
    ret = avcodec_receive_frame(st->dc, fr);
    if (ret == AVERROR(EAGAIN)) break;
    if (ret == AVERROR_EOF) { st->drained = 1; break; }
    if (ret < 0) { st->bad++; break; }
    if (fr->sample_rate <= 0 || fr->ch_layout.nb_channels <= 0) { st->bad++; av_frame_unref(fr); continue; }
    if (fr->sample_rate < MIN_RATE) {
      fail(err, errlen, path, "has a sample rate of %d Hz, below the %d Hz a recording needs",
           fr->sample_rate, MIN_RATE);
      av_frame_unref(fr);
      return -1;
    }
    if (st->probe) {
      /* a probe: the length in the file's own samples, no conversion */
      st->src_seconds += (double)fr->nb_samples / fr->sample_rate;
      st->got = llround(st->src_seconds * RATE);
      av_frame_unref(fr);
      if (st->got > st->max) return too_long(st, err, errlen);
      continue;
    }
    if (!st->swr || fr->sample_rate != st->in_rate || fr->format != st->in_fmt ||
        av_channel_layout_compare(&fr->ch_layout, &st->in_layout)) {
      /* the first frame, or the stream changed its format midway */
      if (st->swr) {
        int tail = swr_get_out_samples(st->swr, 0);
        if (tail > 0 && tail <= st->conv_cap) {
          uint8_t *op[1] = { (uint8_t *)st->conv };
          int k = swr_convert(st->swr, op, st->conv_cap, NULL, 0);
          if (k > 0 && pend_add(st, st->conv, k) != 0) {
            fail(err, errlen, path, "out of memory");
            av_frame_unref(fr);
            return -1;
          }
        }
        swr_free(&st->swr);
      }
      av_channel_layout_uninit(&st->in_layout);
      av_channel_layout_copy(&st->in_layout, &fr->ch_layout);
      st->in_rate = fr->sample_rate;
      st->in_fmt = fr->format;
      ret = swr_alloc_set_opts2(&st->swr, &mono, AV_SAMPLE_FMT_FLT, RATE, &st->in_layout, st->in_fmt,
                                st->in_rate, 0, NULL);
      if (ret >= 0) ret = swr_init(st->swr);
      if (ret < 0) {
        fail(err, errlen, path, "cannot convert its audio (%s)", av_text(ret, e, sizeof e));
        av_frame_unref(fr);
        return -1;
      }
    }
    int need = swr_get_out_samples(st->swr, fr->nb_samples);
    if (need > st->conv_cap) {
      float *nb = av_realloc(st->conv, (size_t)need * sizeof *st->conv);
      if (!nb) { fail(err, errlen, path, "out of memory"); av_frame_unref(fr); return -1; }
      st->conv = nb;
      st->conv_cap = need;
    }
    uint8_t *op[1] = { (uint8_t *)st->conv };
    int k = swr_convert(st->swr, op, st->conv_cap, (const uint8_t **)fr->extended_data, fr->nb_samples);
    av_frame_unref(fr);
    if (k < 0) { fail(err, errlen, path, "cannot convert its audio"); return -1; }
    if (pend_add(st, st->conv, k) != 0) { fail(err, errlen, path, "out of memory"); return -1; }
    if (st->got > st->max) return too_long(st, err, errlen);
  }
  return 1;
}

void vge_rec_close(vge_rec_stream *st) {
  if (!st) return;
  av_channel_layout_uninit(&st->in_layout);
  swr_free(&st->swr);
  av_free(st->conv);
  free(st->pend);
  avcodec_free_context(&st->dc);
  if (st->ic) avformat_close_input(&st->ic);
  if (st->pb) { av_freep(&st->pb->buffer); avio_context_free(&st->pb); }
  av_packet_free(&st->pkt);
  av_frame_free(&st->fr);
  if (st->fd >= 0) close(st->fd);
  free(st);
}

int vge_rec_open(const char *path, const vge_recording_opts *o, int probe, vge_rec_stream **out,
                 char *err, size_t errlen) {
  *out = NULL;
  vge_av_init();
  vge_rec_stream *st = calloc(1, sizeof *st);
  if (!st) { fail(err, errlen, path, "out of memory"); return -1; }
  st->fd = -1;
  st->probe = probe;
  st->cancel = o->cancel;
  snprintf(st->path, sizeof st->path, "%s", path);
  const char *why = NULL;
  int fd = vg_open_regular(path, 0, &why);
  if (fd < 0) {
    fail(err, errlen, path, "%s", why ? why : strerror(errno));
    vge_rec_close(st);
    return -1;
  }
  st->fd = fd;
  struct stat sb;
  if (fstat(fd, &sb) != 0) {
    fail(err, errlen, path, "%s", strerror(errno));
    vge_rec_close(st);
    return -1;
  }
  st->io = (fdio){ fd, (int64_t)sb.st_size, 0 };
  int ret;
  char e[128];
  st->pkt = av_packet_alloc();
  st->fr = av_frame_alloc();
  unsigned char *buf = av_malloc(IO_BUF);
  if (!st->pkt || !st->fr || !buf) { fail(err, errlen, path, "out of memory"); av_free(buf); goto fail; }
  st->pb = avio_alloc_context(buf, IO_BUF, 0, &st->io, fd_read, NULL, fd_seek);
  if (!st->pb) { av_free(buf); fail(err, errlen, path, "out of memory"); goto fail; }
  st->ic = avformat_alloc_context();
  if (!st->ic) { fail(err, errlen, path, "out of memory"); goto fail; }
  st->ic->pb = st->pb;
  st->ic->flags |= AVFMT_FLAG_CUSTOM_IO;
  st->ic->io_open = no_nested_open;
  st->ic->opaque = &st->io;
  AVDictionary *fo = NULL;
  av_dict_set(&fo, "protocol_whitelist", "none", 0);
  /* the name is only a name here (custom I/O): nothing opens it */
  ret = avformat_open_input(&st->ic, path, NULL, &fo);   /* frees ic on failure */
  av_dict_free(&fo);
  if (ret < 0 && st->io.nested) {
    fail(err, errlen, path, "refers to other files or URLs (a playlist?): vgrun reads only the file given");
    goto fail;
  }
  if (ret < 0) {
    fail(err, errlen, path, "not audio that vgrun can read (%s)", av_text(ret, e, sizeof e));
    goto fail;
  }
  if ((ret = avformat_find_stream_info(st->ic, NULL)) < 0) {
    fail(err, errlen, path, "cannot read its streams (%s)", av_text(ret, e, sizeof e));
    goto fail;
  }
  const AVCodec *codec = NULL;
  int si = av_find_best_stream(st->ic, AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0);
  if (si == AVERROR_DECODER_NOT_FOUND) {
    int any = av_find_best_stream(st->ic, AVMEDIA_TYPE_AUDIO, -1, -1, NULL, 0);
    fail(err, errlen, path, "no decoder for its audio (%s)",
         any >= 0 ? avcodec_get_name(st->ic->streams[any]->codecpar->codec_id) : "unknown");
    goto fail;
  }
  if (si < 0) { fail(err, errlen, path, "has no audio stream"); goto fail; }
  st->si = si;
  AVStream *as = st->ic->streams[si];
  for (unsigned k = 0; k < st->ic->nb_streams; k++)
    if ((int)k != si) st->ic->streams[k]->discard = AVDISCARD_ALL;
  st->dc = avcodec_alloc_context3(codec);
  if (!st->dc) { fail(err, errlen, path, "out of memory"); goto fail; }
  /* a damaged file makes the decoder complain once per frame: they are
   * counted (info->damaged) instead, unless the user asked for FFmpeg's log
   * (VGRUN_AV_LOG raises the level) */
  if (av_log_get_level() <= AV_LOG_ERROR) st->dc->log_level_offset = AV_LOG_TRACE;
  if ((ret = avcodec_parameters_to_context(st->dc, as->codecpar)) < 0 ||
      (st->dc->thread_count = 1, ret = avcodec_open2(st->dc, codec, NULL)) < 0) {
    fail(err, errlen, path, "cannot decode its %s audio (%s)", codec->name, av_text(ret, e, sizeof e));
    goto fail;
  }
  snprintf(st->info.codec, sizeof st->info.codec, "%s", codec->name);
  snprintf(st->info.format, sizeof st->info.format, "%s", st->ic->iformat->name);
  st->info.channels = st->dc->ch_layout.nb_channels;
  st->info.rate = st->dc->sample_rate;
  st->max = (int64_t)(o->max_seconds > 0 ? o->max_seconds : 3 * 3600.0) * RATE;
  st->in_fmt = -1;
  *out = st;
  return 0;
fail:
  vge_rec_close(st);
  return -1;
}

int64_t vge_rec_read(vge_rec_stream *st, float *dst, int64_t n, char *err, size_t errlen) {
  int64_t done = 0;
  while (done < n) {
    int64_t avail = st->pend_len - st->pend_rd;
    if (avail > 0) {
      int64_t k = avail < n - done ? avail : n - done;
      if (dst) memcpy(dst + done, st->pend + st->pend_rd, (size_t)k * sizeof *dst);
      st->pend_rd += k;
      done += k;
      continue;
    }
    int r = rec_step(st, err, errlen);
    if (r < 0) return -1;
    if (r == 0 && st->pend_len == st->pend_rd) break;   /* the last step may leave the tail */
  }
  return done;
}

const vge_recording_info *vge_rec_info(const vge_rec_stream *st) { return &st->info; }

int vge_read_recording(const char *path, const vge_recording_opts *o, vge_recording_info *info,
                       char *err, size_t errlen) {
  memset(info, 0, sizeof *info);
  vge_rec_stream *st;
  if (vge_rec_open(path, o, !o->timeline, &st, err, errlen) != 0) return -1;
  int64_t pos = llround(o->at * RATE);
  enum { CHUNK = 1 << 16 };
  float *chunk = o->timeline ? malloc(CHUNK * sizeof *chunk) : NULL;
  int rc = -1;
  if (o->timeline && !chunk) { fail(err, errlen, path, "out of memory"); goto done; }
  for (;;) {
    int64_t k = vge_rec_read(st, chunk, CHUNK, err, errlen);
    if (k < 0) goto done;
    if (k == 0) break;
    if (o->timeline) {
      for (int64_t i = 0; i < k; i++) {
        int64_t j = pos + i;
        if (j < 0) continue;
        if (j >= o->total) break;
        o->timeline[j] += chunk[i];
      }
    }
    pos += k;
  }
  *info = st->info;
  rc = 0;
done:
  free(chunk);
  vge_rec_close(st);
  return rc;
}
