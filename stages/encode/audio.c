/* audio.c: the narration track. All clips are resampled to one rate (see
 * track_rate), mixed onto one silent timeline of exactly round(duration *
 * rate) samples and encoded
 * once with libavcodec's native AAC encoder. One encode means one priming
 * delay (recorded as the MP4 edit list) and no padding at scene boundaries, so
 * audio cannot drift against the video however many scenes there are.
 *
 * The timeline is never held whole (30 minutes would be 345 MB of floats): it
 * is mixed a window (WINDOW samples) at a time just before the encoder takes
 * it. A clip is read and resampled when the first window it reaches comes and
 * freed after the last one; a recording is decoded as a stream. Every sample
 * is the same sum in the same order (clip by clip, in the caller's order) as
 * on a whole timeline, so the track is the same, byte for byte. */
#include "encode_private.h"
#include "vg.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
#include <libswresample/version.h>
#include <libavcodec/version.h>

#define RATE 48000   /* recordings, and clips sampled above 24 kHz */


/* Resamples one clip to `to` Hz float; len > 0 cuts it after len seconds
 * with a short fade. *out (malloc'd, or NULL for no samples) and *outn. */
static int resample_clip(const int16_t *s, size_t n, int rate, int to, double len, float **out, int64_t *outn,
                         vge_result *r) {
  *out = NULL;
  *outn = 0;
  if (n == 0) return 0;
  if (rate <= 0) return vge_fail(r, "audio: clip rate %d", rate);
  SwrContext *swr = NULL;
  AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
  int ret = swr_alloc_set_opts2(&swr, &mono, AV_SAMPLE_FMT_FLT, to, &mono, AV_SAMPLE_FMT_S16,
                                rate, 0, NULL);
  if (ret < 0 || (ret = swr_init(swr)) < 0) {
    swr_free(&swr);
    return vge_fail_av(r, ret, "audio: swresample");
  }
  int64_t cap = av_rescale_rnd((int64_t)n, to, rate, AV_ROUND_UP) + 256;
  float *buf = malloc((size_t)cap * sizeof *buf);
  if (!buf) { swr_free(&swr); return vge_fail(r, "audio: out of memory"); }
  int64_t got = 0;
  const uint8_t *in[1] = {(const uint8_t *)s};
  /* Fed in pieces of a few thousand samples, with room for what a piece
   * makes: swresample sizes (and zeroes) its buffers by the room it is given,
   * and the rest of the clip's room cost 2.5 MB of fresh pages a buffer,
   * three buffers a clip (a sixth of a cold create's page faults). The
   * output is the same samples either way. */
  size_t off = 0;
  while (off < n) {
    int chunk = n - off > (1 << 13) ? (1 << 13) : (int)(n - off);
    int room = swr_get_out_samples(swr, chunk);
    if (room < 0 || room > cap - got) room = (int)(cap - got);
    in[0] = (const uint8_t *)(s + off);
    uint8_t *outp[1] = {(uint8_t *)(buf + got)};
    ret = swr_convert(swr, outp, room, in, chunk);
    if (ret < 0) break;
    got += ret;
    off += (size_t)chunk;
  }
  if (ret >= 0) {
    uint8_t *outp[1] = {(uint8_t *)(buf + got)};
    ret = swr_convert(swr, outp, (int)(cap - got), NULL, 0); /* flush the filter tail */
    if (ret >= 0) got += ret;
  }
  swr_free(&swr);
  if (ret < 0) { free(buf); return vge_fail_av(r, ret, "audio: resample"); }
  if (len > 0 && llround(len * to) < got) {
    got = llround(len * to);
    int64_t fade = to / 50 < got ? to / 50 : got;
    for (int64_t i = 0; i < fade; i++) buf[got - 1 - i] *= (float)i / (float)fade;
  }
  *out = buf;
  *outn = got;
  return 0;
}

/* ---- the mixer: the timeline, a window at a time ------------------------- */

/* 64 Ki samples (1.4 s, 256 KB): a multiple of the AAC frame (1024), so the
 * encoder's frames never straddle two windows' worth of work. */
#define WINDOW (1 << 16)

typedef struct voice {
  int idx;               /* the clip's place in the caller's list: the order of the sum */
  int64_t start;         /* its first sample on the timeline */
  float *buf;            /* a clip: all its samples, resampled */
  int64_t len;
  vge_rec_stream *rec;   /* or a recording, read as the windows pass */
  int64_t rpos;          /* the recording: timeline position of its next sample */
} voice;

typedef struct start_of { int64_t start; int idx; } start_of;

typedef struct mixer {
  const vge_audio *a;
  int rate;              /* of the track, samples a second */
  int64_t total;
  start_of *order;       /* the clips by start (then by index) */
  int next;              /* the next clip in `order` to start */
  voice *on;             /* clips the current window reaches, by idx */
  int non;
  float *buf;            /* mixed, not yet taken: buf[rd..have) */
  int64_t rd, have, mixed;   /* mixed: timeline samples mixed so far */
  float *scratch;        /* a recording's samples for one window */
  vge_result *r;
} mixer;

static int by_start(const void *x, const void *y) {
  const start_of *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static void voice_free(voice *v) {
  free(v->buf);
  v->buf = NULL;
  vge_rec_close(v->rec);
  v->rec = NULL;
}

static void mixer_free(mixer *m) {
  for (int i = 0; i < m->non; i++) voice_free(&m->on[i]);
  free(m->on);
  free(m->order);
  free(m->buf);
  free(m->scratch);
}

/* Starts clip i: reads and resamples it, or opens the recording. */
static int voice_start(mixer *m, int i) {
  const vge_clip *k = &m->a->clips[i];
  voice v = { .idx = i, .start = llround(k->at * m->rate) };
  if (k->file) {
    char err[512];
    vge_recording_opts ro = { .at = k->at, .cancel = m->a->cancel };
    if (vge_rec_open(k->file, &ro, 0, &v.rec, err, sizeof err) != 0) return vge_fail(m->r, "audio: %s", err);
    v.rpos = v.start;
  } else {
    int16_t *own = NULL;
    const int16_t *s = k->samples;
    size_t n = k->n;
    int rate = k->rate;
    if (k->wav) {
      char err[300];
      if (vge_read_wav(k->wav, &own, &n, &rate, err, sizeof err) != 0) return vge_fail(m->r, "audio: %s", err);
      s = own;
    }
    if (n && !s) return vge_fail(m->r, "audio: clip %d has no samples", i);
    int rc = resample_clip(s, n, rate, m->rate, k->len, &v.buf, &v.len, m->r);
    free(own);
    if (rc != 0) return -1;
  }
  /* kept in the caller's order: each sample is summed as on a whole timeline */
  int at = m->non;
  while (at > 0 && m->on[at - 1].idx > i) at--;
  memmove(&m->on[at + 1], &m->on[at], (size_t)(m->non - at) * sizeof *m->on);
  m->on[at] = v;
  m->non++;
  return 0;
}

/* Mixes the next window of the timeline onto the end of m->buf. */
static int mix_window(mixer *m) {
  int64_t w0 = m->mixed, w1 = w0 + WINDOW < m->total ? w0 + WINDOW : m->total;
  if (m->rd > 0) {   /* what is not taken yet goes to the front */
    memmove(m->buf, m->buf + m->rd, (size_t)(m->have - m->rd) * sizeof *m->buf);
    m->have -= m->rd;
    m->rd = 0;
  }
  float *tl = m->buf + m->have;   /* timeline sample j is tl[j - w0] */
  memset(tl, 0, (size_t)(w1 - w0) * sizeof *tl);
  const vge_audio *a = m->a;
  while (m->next < a->n && m->order[m->next].start < w1)
    if (voice_start(m, m->order[m->next++].idx) != 0) return -1;
  for (int k = 0; k < m->non; k++) {
    voice *v = &m->on[k];
    if (v->rec) {
      /* the recording's samples up to the window's end (those before the
       * timeline's start are read and dropped) */
      char err[512];
      while (v->rec && v->rpos < w1) {
        int64_t want = w1 - v->rpos < WINDOW ? w1 - v->rpos : WINDOW;
        int64_t got = vge_rec_read(v->rec, m->scratch, want, err, sizeof err);
        if (got < 0) return vge_fail(m->r, "audio: %s", err);
        for (int64_t i = 0; i < got; i++) {
          int64_t j = v->rpos + i;
          if (j >= w0) tl[j - w0] += m->scratch[i];
        }
        v->rpos += got;
        if (got < want) {   /* its end: done with it */
          vge_rec_close(v->rec);
          v->rec = NULL;
        }
      }
    } else {
      int64_t from = v->start > w0 ? v->start : w0, to = v->start + v->len < w1 ? v->start + v->len : w1;
      for (int64_t j = from; j < to; j++) tl[j - w0] += v->buf[j - v->start];
    }
  }
  /* clips that end in this window go now */
  int keep = 0;
  for (int k = 0; k < m->non; k++) {
    voice *v = &m->on[k];
    int over = v->rec ? 0 : v->start + v->len <= w1;
    if (over) voice_free(v);
    else m->on[keep++] = *v;
  }
  m->non = keep;
  m->have += w1 - w0;
  m->mixed = w1;
  return 0;
}

/* The next n samples of the timeline into dst (n <= WINDOW). */
static int mix_take(mixer *m, float *dst, int n) {
  while (m->have - m->rd < n && m->mixed < m->total)
    if (mix_window(m) != 0) return -1;
  if (m->have - m->rd < n) return vge_fail(m->r, "audio: the mixer ran short");
  memcpy(dst, m->buf + m->rd, (size_t)n * sizeof *dst);
  m->rd += n;
  return 0;
}

/* After the timeline: a recording longer than it is still read to its end,
 * so that its damage and length are checked as before. */
static int mix_finish(mixer *m) {
  char err[512];
  for (int k = 0; k < m->non; k++) {
    voice *v = &m->on[k];
    while (v->rec) {
      int64_t got = vge_rec_read(v->rec, NULL, WINDOW, err, sizeof err);
      if (got < 0) return vge_fail(m->r, "audio: %s", err);
      if (got < WINDOW) { vge_rec_close(v->rec); v->rec = NULL; }
    }
  }
  /* recordings that start after the timeline's end are opened and read too */
  while (m->next < m->a->n) {
    int i = m->order[m->next++].idx;
    if (!m->a->clips[i].file) continue;
    if (voice_start(m, i) != 0) return -1;
    voice *v = NULL;
    for (int k = 0; k < m->non; k++) if (m->on[k].idx == i) v = &m->on[k];
    while (v && v->rec) {
      int64_t got = vge_rec_read(v->rec, NULL, WINDOW, err, sizeof err);
      if (got < 0) return vge_fail(m->r, "audio: %s", err);
      if (got < WINDOW) { vge_rec_close(v->rec); v->rec = NULL; }
    }
  }
  return 0;
}

static int mixer_init(mixer *m, const vge_audio *a, int rate, int64_t total, vge_result *r) {
  memset(m, 0, sizeof *m);
  m->a = a;
  m->rate = rate;
  m->total = total;
  m->r = r;
  m->order = malloc(sizeof *m->order * (size_t)(a->n > 0 ? a->n : 1));
  m->on = malloc(sizeof *m->on * (size_t)(a->n > 0 ? a->n : 1));
  m->buf = malloc(sizeof *m->buf * (size_t)(2 * WINDOW));
  m->scratch = malloc(sizeof *m->scratch * (size_t)WINDOW);
  if (!m->order || !m->on || !m->buf || !m->scratch) return vge_fail(r, "audio: out of memory");
  for (int i = 0; i < a->n; i++) m->order[i] = (start_of){ llround(a->clips[i].at * rate), i };
  qsort(m->order, (size_t)a->n, sizeof *m->order, by_start);
  return 0;
}

static int write_m4a(mixer *m, int64_t total, int bitrate, const char *path,
                     const volatile int *cancel, vge_result *r) {
  AVFormatContext *oc = NULL;
  AVCodecContext *c = NULL;
  AVFrame *fr = av_frame_alloc();
  AVPacket *pkt = av_packet_alloc();
  int ret, rc = -1, opened = 0;
  if (!fr || !pkt) { vge_fail(r, "audio: out of memory"); goto done; }
  const AVCodec *codec = avcodec_find_encoder_by_name("aac");
  if (!codec) { vge_fail(r, "audio: FFmpeg has no aac encoder"); goto done; }
  if ((ret = avformat_alloc_output_context2(&oc, NULL, "mp4", path)) < 0) {
    vge_fail_av(r, ret, "audio: mp4 muxer"); goto done;
  }
  oc->flags |= AVFMT_FLAG_BITEXACT;
  c = avcodec_alloc_context3(codec);
  if (!c) { vge_fail(r, "audio: out of memory"); goto done; }
  c->sample_fmt = AV_SAMPLE_FMT_FLTP;
  c->sample_rate = m->rate;
  av_channel_layout_default(&c->ch_layout, 1);
  c->bit_rate = bitrate;
  c->time_base = (AVRational){1, m->rate};
  c->thread_count = 1;
  c->flags |= AV_CODEC_FLAG_BITEXACT;
  if (oc->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  /* the "fast" coder: 40 % less time than the default two-loop search, and
   * for a single voice no difference one can hear */
  AVDictionary *aopts = NULL;
  av_dict_set(&aopts, "aac_coder", "fast", 0);
  ret = avcodec_open2(c, codec, &aopts);
  av_dict_free(&aopts);
  if (ret < 0) { vge_fail_av(r, ret, "audio: aac"); goto done; }
  AVStream *st = avformat_new_stream(oc, NULL);
  if (!st) { vge_fail(r, "audio: out of memory"); goto done; }
  st->time_base = c->time_base;
  avcodec_parameters_from_context(st->codecpar, c);
  if ((ret = avio_open(&oc->pb, path, AVIO_FLAG_WRITE)) < 0) { vge_fail_av(r, ret, path); goto done; }
  opened = 1;
  AVDictionary *mopts = NULL;
  av_dict_set_int(&mopts, "movie_timescale", RATE, 0); /* exact edit list (see join.c) */
  ret = avformat_write_header(oc, &mopts);
  av_dict_free(&mopts);
  if (ret < 0) { vge_fail_av(r, ret, "audio: header"); goto done; }

  int fs = c->frame_size > 0 ? c->frame_size : 1024;
  for (int64_t pos = 0;; pos += fs) {
    if (cancel && *cancel) { vge_fail(r, "cancelled"); goto done; }
    if (pos < total) {
      int n = total - pos < fs ? (int)(total - pos) : fs; /* the last frame may be short */
      av_frame_unref(fr);
      fr->nb_samples = n;
      fr->format = c->sample_fmt;
      fr->sample_rate = m->rate;
      av_channel_layout_copy(&fr->ch_layout, &c->ch_layout);
      if ((ret = av_frame_get_buffer(fr, 0)) < 0) { vge_fail_av(r, ret, "audio: frame"); goto done; }
      float *d = (float *)fr->data[0];
      if (mix_take(m, d, n) != 0) goto done;
      for (int i = 0; i < n; i++) {
        float v = d[i];
        d[i] = v > 1.f ? 1.f : v < -1.f ? -1.f : v;
      }
      fr->pts = pos;
      ret = avcodec_send_frame(c, fr);
    } else {
      ret = avcodec_send_frame(c, NULL);
    }
    if (ret < 0) { vge_fail_av(r, ret, "audio: encode"); goto done; }
    for (;;) {
      ret = avcodec_receive_packet(c, pkt);
      if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) break;
      if (ret < 0) { vge_fail_av(r, ret, "audio: encode"); goto done; }
      pkt->stream_index = st->index;
      av_packet_rescale_ts(pkt, c->time_base, st->time_base);
      if ((ret = av_write_frame(oc, pkt)) < 0) { vge_fail_av(r, ret, "audio: write"); goto done; }
    }
    if (pos >= total) break;
  }
  if (mix_finish(m) != 0) goto done;
  if ((ret = av_write_trailer(oc)) < 0) { vge_fail_av(r, ret, "audio: trailer"); goto done; }
  rc = 0;
done:
  if (opened) avio_closep(&oc->pb);
  avcodec_free_context(&c);
  avformat_free_context(oc);
  av_frame_free(&fr);
  av_packet_free(&pkt);
  return rc;
}

int vge_encode_audio(const vge_audio *a, vge_result *r) {
  memset(r, 0, sizeof *r);
  vge_av_init();
  int bitrate = vge_audio_bitrate(a);
  int rc = -1, claimed = 0, rate = 0;
  mixer m;
  memset(&m, 0, sizeof m);
  char tmp[VGE_PATH_MAX];
  if (vge_audio_key(a, bitrate, r->key, &rate, r) != 0) goto out;
  int64_t total = llround(a->duration * rate);
  if (!a->no_cache) {
    for (;;) {
      if (vg_cache_lookup(a->cache, r->key, ".m4a", r->path, sizeof r->path)) {
        r->cached = 1;
        r->duration = (double)total / rate;
        rc = 0;
        goto out;
      }
      if (a->cancel && *a->cancel) { vge_fail(r, "cancelled"); goto out; }
      if (vge_flight_claim(r->key, a->cancel)) break;
    }
    claimed = 1;
    if (vg_cache_tmp_path(a->cache, tmp, sizeof tmp, ".m4a") != 0) {
      vge_fail(r, "audio: %s", vg_cache_error());
      goto out;
    }
  } else {
    if (!a->out || !*a->out) { vge_fail(r, "audio: no_cache needs an out path"); goto out; }
    if (vge_tmp_beside(a->out, tmp, sizeof tmp) != 0) { vge_fail(r, "audio: %s", strerror(errno)); goto out; }
  }

  if (mixer_init(&m, a, rate, total, r) != 0) goto out;
  if (write_m4a(&m, total, bitrate, tmp, a->cancel, r) != 0) { unlink(tmp); goto out; }
  if (!a->no_cache) {
    if (vg_cache_adopt(a->cache, r->key, ".m4a", tmp) != 0) {
      vge_fail(r, "audio: %s", vg_cache_error());
      unlink(tmp);
      goto out;
    }
    vg_cache_lookup(a->cache, r->key, ".m4a", r->path, sizeof r->path);
  } else {
    if (vge_commit(tmp, a->out) != 0) { vge_fail(r, "audio: %s: %s", a->out, strerror(errno)); goto out; }
    snprintf(r->path, sizeof r->path, "%s", a->out);
  }
  r->duration = (double)total / rate;
  rc = 0;
out:
  if (claimed) vge_flight_land(r->key);
  mixer_free(&m);
  if (rc == 0) r->rc = 0;
  return rc;
}
