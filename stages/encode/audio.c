/* audio.c: the narration track. All clips are resampled to 48 kHz, mixed onto
 * one silent timeline of exactly round(duration * 48000) samples and encoded
 * once with libavcodec's native AAC encoder. One encode means one priming
 * delay (recorded as the MP4 edit list) and no padding at scene boundaries, so
 * audio cannot drift against the video however many scenes there are. */
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

#define VGE_AUDIO_VERSION "vge-audio-2"
#define RATE 48000

/* Resamples one clip to 48 kHz float and adds it to the timeline; len > 0
 * cuts it after len seconds with a short fade. */
static int mix_clip(float *tl, int64_t total, const int16_t *s, size_t n, int rate, double at,
                    double len, vge_result *r) {
  if (n == 0) return 0;
  if (rate <= 0) return vge_fail(r, "audio: clip rate %d", rate);
  SwrContext *swr = NULL;
  AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
  int ret = swr_alloc_set_opts2(&swr, &mono, AV_SAMPLE_FMT_FLT, RATE, &mono, AV_SAMPLE_FMT_S16,
                                rate, 0, NULL);
  if (ret < 0 || (ret = swr_init(swr)) < 0) {
    swr_free(&swr);
    return vge_fail_av(r, ret, "audio: swresample");
  }
  int64_t cap = av_rescale_rnd((int64_t)n, RATE, rate, AV_ROUND_UP) + 256;
  float *buf = malloc((size_t)cap * sizeof *buf);
  if (!buf) { swr_free(&swr); return vge_fail(r, "audio: out of memory"); }
  int64_t got = 0;
  const uint8_t *in[1] = {(const uint8_t *)s};
  /* swr_convert takes int counts: feed long clips in pieces */
  size_t off = 0;
  while (off < n) {
    int chunk = n - off > (1 << 20) ? (1 << 20) : (int)(n - off);
    in[0] = (const uint8_t *)(s + off);
    uint8_t *outp[1] = {(uint8_t *)(buf + got)};
    ret = swr_convert(swr, outp, (int)(cap - got), in, chunk);
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
  int64_t pos = llround(at * RATE);
  if (len > 0 && llround(len * RATE) < got) {
    got = llround(len * RATE);
    int64_t fade = RATE / 50 < got ? RATE / 50 : got;
    for (int64_t i = 0; i < fade; i++) buf[got - 1 - i] *= (float)i / (float)fade;
  }
  for (int64_t i = 0; i < got; i++) {
    int64_t j = pos + i;
    if (j < 0) continue;
    if (j >= total) break;
    tl[j] += buf[i];
  }
  free(buf);
  return 0;
}

static int write_m4a(const float *tl, int64_t total, int bitrate, const char *path,
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
  c->sample_rate = RATE;
  av_channel_layout_default(&c->ch_layout, 1);
  c->bit_rate = bitrate;
  c->time_base = (AVRational){1, RATE};
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
  av_dict_set(&mopts, "movie_timescale", "48000", 0); /* exact edit list (see join.c) */
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
      fr->sample_rate = RATE;
      av_channel_layout_copy(&fr->ch_layout, &c->ch_layout);
      if ((ret = av_frame_get_buffer(fr, 0)) < 0) { vge_fail_av(r, ret, "audio: frame"); goto done; }
      float *d = (float *)fr->data[0];
      for (int i = 0; i < n; i++) {
        float v = tl[pos + i];
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

typedef struct loaded { int16_t *s; size_t n; int rate; } loaded;

int vge_encode_audio(const vge_audio *a, vge_result *r) {
  memset(r, 0, sizeof *r);
  vge_av_init();
  if (!(a->duration > 0)) return vge_fail(r, "audio: duration must be positive");
  if (a->n < 0 || (a->n > 0 && !a->clips)) return vge_fail(r, "audio: bad clip list");
  int64_t total = llround(a->duration * RATE);
  /* one voice, at most 11 kHz wide (espeak-ng speaks at 22 kHz): 64 kb/s mono
   * AAC is transparent for it, and takes a fifth less time than 96 */
  int bitrate = a->bitrate > 0 ? a->bitrate : 64000;
  int rc = -1;
  float *tl = NULL;
  loaded *ld = calloc((size_t)(a->n > 0 ? a->n : 1), sizeof *ld);
  if (!ld) return vge_fail(r, "audio: out of memory");
  for (int i = 0; i < a->n; i++) {
    const vge_clip *k = &a->clips[i];
    if (k->file) {
      continue;   /* decoded onto the timeline below, only when not cached */
    } else if (k->wav) {
      char err[300];
      if (vge_read_wav(k->wav, &ld[i].s, &ld[i].n, &ld[i].rate, err, sizeof err) != 0) {
        vge_fail(r, "audio: %s", err);
        goto out;
      }
    } else {
      ld[i].n = k->n;
      ld[i].rate = k->rate;
    }
  }

  /* the key: the samples themselves (cheap next to encoding them) */
  char tmp[VGE_PATH_MAX];
  if (!a->no_cache) {
    vg_hash h;
    vg_hash_init(&h);
    char head[256];
    snprintf(head, sizeof head, "%s|%lld|%d|%d|%u|%u", VGE_AUDIO_VERSION, (long long)total,
             bitrate, a->n, avcodec_version(), avformat_version());
    vg_hash_str(&h, head);
    vg_hash_str(&h, a->key ? a->key : "");
    if (!a->key) {
      for (int i = 0; i < a->n; i++) {
        const int16_t *s = ld[i].s ? ld[i].s : a->clips[i].samples;
        int64_t at = llround(a->clips[i].at * RATE);
        int64_t meta[3] = {at, ld[i].rate, (int64_t)ld[i].n};
        vg_hash_update(&h, meta, sizeof meta);
        if (a->clips[i].len > 0) {   /* only then: the keys of uncut clips stay as they were */
          int64_t cut = llround(a->clips[i].len * RATE);
          vg_hash_str(&h, "cut");
          vg_hash_update(&h, &cut, sizeof cut);
        }
        if (a->clips[i].file) {
          /* a recording: its content, and the decoders that read it */
          char hex[65], err[300];
          long long size = 0;
          if (vg_file_digest(a->clips[i].file, &size, hex, err, sizeof err) != 0) {
            vge_fail(r, "audio: %s", err);
            goto out;
          }
          vg_hash_str(&h, "recording");
          vg_hash_str(&h, hex);
          vg_hash_str(&h, LIBAVCODEC_IDENT);
          vg_hash_str(&h, LIBSWRESAMPLE_IDENT);
        } else if (s && ld[i].n) {
          vg_hash_update(&h, s, ld[i].n * sizeof *s);
        }
      }
    }
    vg_hash_final(&h, r->key);
    if (vg_cache_lookup(a->cache, r->key, ".m4a", r->path, sizeof r->path)) {
      r->cached = 1;
      r->duration = (double)total / RATE;
      rc = 0;
      goto out;
    }
    if (vg_cache_tmp_path(a->cache, tmp, sizeof tmp, ".m4a") != 0) {
      vge_fail(r, "audio: %s", vg_cache_error());
      goto out;
    }
  } else {
    if (!a->out || !*a->out) { vge_fail(r, "audio: no_cache needs an out path"); goto out; }
    if (vge_tmp_beside(a->out, tmp, sizeof tmp) != 0) { vge_fail(r, "audio: %s", strerror(errno)); goto out; }
  }

  tl = calloc((size_t)total, sizeof *tl);
  if (!tl) { vge_fail(r, "audio: out of memory"); goto out; }
  for (int i = 0; i < a->n; i++) {
    if (a->clips[i].file) {
      char err[512];
      vge_recording_info info;
      vge_recording_opts ro = { .timeline = tl, .total = total, .at = a->clips[i].at,
                                .cancel = a->cancel };
      if (vge_read_recording(a->clips[i].file, &ro, &info, err, sizeof err) != 0) {
        vge_fail(r, "audio: %s", err);
        goto out;
      }
      continue;
    }
    const int16_t *s = ld[i].s ? ld[i].s : a->clips[i].samples;
    if (ld[i].n && !s) { vge_fail(r, "audio: clip %d has no samples", i); goto out; }
    if (mix_clip(tl, total, s, ld[i].n, ld[i].rate, a->clips[i].at, a->clips[i].len, r) != 0) goto out;
  }
  if (write_m4a(tl, total, bitrate, tmp, a->cancel, r) != 0) { unlink(tmp); goto out; }
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
  r->duration = (double)total / RATE;
  rc = 0;
out:
  for (int i = 0; i < a->n; i++) free(ld[i].s);
  free(ld);
  free(tl);
  if (rc == 0) r->rc = 0;
  return rc;
}
