/* recording.c: a recorded narration (`vgrun create --audio FILE`): any audio
 * libavformat reads (WAV, FLAC, MP3, Ogg, M4A...), decoded with libavcodec and
 * converted by libswresample to the mixer's own format (48 kHz mono float),
 * straight onto the timeline, so a long talk costs no second copy.
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
  snprintf(err, len, "%s: %s", path, msg);
}

static const char *av_text(int e, char *buf, size_t n) {
  av_strerror(e, buf, n);
  return buf;
}

/* Adds `n` converted samples at *pos on the timeline (or only counts them). */
static void put(float *tl, int64_t total, int64_t *pos, const float *s, int n) {
  if (tl) {
    for (int i = 0; i < n; i++) {
      int64_t j = *pos + i;
      if (j < 0) continue;
      if (j >= total) break;
      tl[j] += s[i];
    }
  }
  *pos += n;
}

int vge_read_recording(const char *path, const vge_recording_opts *o, vge_recording_info *info,
                       char *err, size_t errlen) {
  memset(info, 0, sizeof *info);
  vge_av_init();
  const char *why = NULL;
  int fd = vg_open_regular(path, 0, &why);
  if (fd < 0) {
    fail(err, errlen, path, "%s", why ? why : strerror(errno));
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    fail(err, errlen, path, "%s", strerror(errno));
    close(fd);
    return -1;
  }
  fdio io = { fd, (int64_t)st.st_size, 0 };
  AVFormatContext *ic = NULL;
  AVIOContext *pb = NULL;
  AVCodecContext *dc = NULL;
  SwrContext *swr = NULL;
  AVPacket *pkt = av_packet_alloc();
  AVFrame *fr = av_frame_alloc();
  float *conv = NULL;
  int conv_cap = 0;
  int rc = -1, ret;
  char e[128];
  unsigned char *buf = av_malloc(IO_BUF);
  if (!pkt || !fr || !buf) { fail(err, errlen, path, "out of memory"); av_free(buf); goto done; }
  pb = avio_alloc_context(buf, IO_BUF, 0, &io, fd_read, NULL, fd_seek);
  if (!pb) { av_free(buf); fail(err, errlen, path, "out of memory"); goto done; }
  ic = avformat_alloc_context();
  if (!ic) { fail(err, errlen, path, "out of memory"); goto done; }
  ic->pb = pb;
  ic->flags |= AVFMT_FLAG_CUSTOM_IO;
  ic->io_open = no_nested_open;
  ic->opaque = &io;
  AVDictionary *fo = NULL;
  av_dict_set(&fo, "protocol_whitelist", "none", 0);
  /* the name is only a name here (custom I/O): nothing opens it */
  ret = avformat_open_input(&ic, path, NULL, &fo);   /* frees ic on failure */
  av_dict_free(&fo);
  if (ret < 0 && io.nested) {
    fail(err, errlen, path, "refers to other files or URLs (a playlist?): vgrun reads only the file given");
    goto done;
  }
  if (ret < 0) {
    fail(err, errlen, path, "not audio that vgrun can read (%s)", av_text(ret, e, sizeof e));
    goto done;
  }
  if ((ret = avformat_find_stream_info(ic, NULL)) < 0) {
    fail(err, errlen, path, "cannot read its streams (%s)", av_text(ret, e, sizeof e));
    goto done;
  }
  const AVCodec *codec = NULL;
  int si = av_find_best_stream(ic, AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0);
  if (si == AVERROR_DECODER_NOT_FOUND) {
    int any = av_find_best_stream(ic, AVMEDIA_TYPE_AUDIO, -1, -1, NULL, 0);
    fail(err, errlen, path, "no decoder for its audio (%s)",
         any >= 0 ? avcodec_get_name(ic->streams[any]->codecpar->codec_id) : "unknown");
    goto done;
  }
  if (si < 0) { fail(err, errlen, path, "has no audio stream"); goto done; }
  AVStream *as = ic->streams[si];
  for (unsigned k = 0; k < ic->nb_streams; k++)
    if ((int)k != si) ic->streams[k]->discard = AVDISCARD_ALL;
  dc = avcodec_alloc_context3(codec);
  if (!dc) { fail(err, errlen, path, "out of memory"); goto done; }
  /* a damaged file makes the decoder complain once per frame: they are
   * counted (info->damaged) instead, unless the user asked for FFmpeg's log
   * (VGRUN_AV_LOG raises the level) */
  if (av_log_get_level() <= AV_LOG_ERROR) dc->log_level_offset = AV_LOG_TRACE;
  if ((ret = avcodec_parameters_to_context(dc, as->codecpar)) < 0 ||
      (dc->thread_count = 1, ret = avcodec_open2(dc, codec, NULL)) < 0) {
    fail(err, errlen, path, "cannot decode its %s audio (%s)", codec->name, av_text(ret, e, sizeof e));
    goto done;
  }
  snprintf(info->codec, sizeof info->codec, "%s", codec->name);
  snprintf(info->format, sizeof info->format, "%s", ic->iformat->name);
  info->channels = dc->ch_layout.nb_channels;
  info->rate = dc->sample_rate;

  int64_t max = (int64_t)(o->max_seconds > 0 ? o->max_seconds : 3 * 3600.0) * RATE;
  int64_t at = llround(o->at * RATE);
  int64_t pos = at, got = 0;
  double src_seconds = 0;
  int bad = 0, eof = 0;
  int in_rate = 0, in_fmt = -1;
  AVChannelLayout in_layout = {0};
  AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
  for (;;) {
    if (o->cancel && *o->cancel) { fail(err, errlen, path, "cancelled"); goto done; }
    if (!eof) {
      ret = av_read_frame(ic, pkt);
      if (ret == AVERROR_EOF) {
        eof = 1;
        avcodec_send_packet(dc, NULL);
      } else if (ret < 0) {
        fail(err, errlen, path, "cannot read it (%s)", av_text(ret, e, sizeof e));
        goto done;
      } else {
        if (pkt->stream_index == si) {
          ret = avcodec_send_packet(dc, pkt);
          /* a damaged frame here and there is skipped, as players do */
          if (ret < 0 && ret != AVERROR(EAGAIN)) bad++;
        }
        av_packet_unref(pkt);
      }
    }
    for (;;) {
      ret = avcodec_receive_frame(dc, fr);
      if (ret == AVERROR(EAGAIN)) break;
      if (ret == AVERROR_EOF) goto drained;
      if (ret < 0) { bad++; break; }
      if (fr->sample_rate <= 0 || fr->ch_layout.nb_channels <= 0) { bad++; av_frame_unref(fr); continue; }
      if (!o->timeline) {
        /* a probe: the length in the file's own samples, no conversion */
        src_seconds += (double)fr->nb_samples / fr->sample_rate;
        got = llround(src_seconds * RATE);
        av_frame_unref(fr);
        if (got > max) {
          fail(err, errlen, path, "longer than %.0f minutes, the longest recording vgrun takes",
               (double)max / RATE / 60);
          goto done;
        }
        continue;
      }
      if (!swr || fr->sample_rate != in_rate || fr->format != in_fmt ||
          av_channel_layout_compare(&fr->ch_layout, &in_layout)) {
        /* the first frame, or the stream changed its format midway */
        if (swr) {
          int tail = swr_get_out_samples(swr, 0);
          if (tail > 0 && tail <= conv_cap) {
            uint8_t *op[1] = { (uint8_t *)conv };
            int k = swr_convert(swr, op, conv_cap, NULL, 0);
            if (k > 0) { put(o->timeline, o->total, &pos, conv, k); got += k; }
          }
          swr_free(&swr);
        }
        av_channel_layout_uninit(&in_layout);
        av_channel_layout_copy(&in_layout, &fr->ch_layout);
        in_rate = fr->sample_rate;
        in_fmt = fr->format;
        ret = swr_alloc_set_opts2(&swr, &mono, AV_SAMPLE_FMT_FLT, RATE, &in_layout, in_fmt, in_rate,
                                  0, NULL);
        if (ret >= 0) ret = swr_init(swr);
        if (ret < 0) {
          fail(err, errlen, path, "cannot convert its audio (%s)", av_text(ret, e, sizeof e));
          av_frame_unref(fr);
          goto done;
        }
      }
      int need = swr_get_out_samples(swr, fr->nb_samples);
      if (need > conv_cap) {
        float *nb = av_realloc(conv, (size_t)need * sizeof *conv);
        if (!nb) { fail(err, errlen, path, "out of memory"); av_frame_unref(fr); goto done; }
        conv = nb;
        conv_cap = need;
      }
      uint8_t *op[1] = { (uint8_t *)conv };
      int k = swr_convert(swr, op, conv_cap, (const uint8_t **)fr->extended_data, fr->nb_samples);
      av_frame_unref(fr);
      if (k < 0) { fail(err, errlen, path, "cannot convert its audio"); goto done; }
      put(o->timeline, o->total, &pos, conv, k);
      got += k;
      if (got > max) {
        fail(err, errlen, path, "longer than %.0f minutes, the longest recording vgrun takes",
             (double)max / RATE / 60);
        goto done;
      }
    }
  }
drained:
  if (swr && conv) {
    uint8_t *op[1] = { (uint8_t *)conv };
    int k = swr_convert(swr, op, conv_cap, NULL, 0);   /* the filter's tail */
    if (k > 0) { put(o->timeline, o->total, &pos, conv, k); got += k; }
  }
  if (got == 0) {
    fail(err, errlen, path, bad ? "its audio could not be decoded (every frame was damaged)"
                                : "holds no audio samples");
    goto done;
  }
  info->samples = got;
  info->duration = (double)got / RATE;
  info->damaged = bad;
  rc = 0;
done:
  av_channel_layout_uninit(&in_layout);
  swr_free(&swr);
  av_free(conv);
  avcodec_free_context(&dc);
  if (ic) avformat_close_input(&ic);
  if (pb) { av_freep(&pb->buffer); avio_context_free(&pb); }
  av_packet_free(&pkt);
  av_frame_free(&fr);
  close(fd);
  return rc;
}
