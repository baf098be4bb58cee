/* audio_key.c: the narration track's cache key, and whether the track is
 * in the cache. Reads and hashes the clips (wav.c) but needs no library:
 * the vgrun program finds an unchanged track without opening the encoder
 * (media.h). The versions are those of the headers vgrun was built with. */
#include "encode_private.h"
#include "vg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libavcodec/version.h>
#include <libavformat/version.h>
#include <libswresample/version.h>

#define VGE_AUDIO_VERSION "vge-audio-3"
#define RATE 48000   /* recordings, and clips sampled above 24 kHz */

/* The track's rate: 24 kHz when every clip was sampled at 24 kHz or less
 * (espeak-ng speaks at 22.05 kHz), else 48 kHz (recordings are read at 48).
 * AAC's work grows with the rate: half the rate is 40 % less time for the
 * same voice, and both divide the movie time scale (join.c) exactly. */
static int track_rate(int max_clip_rate, int has_recording) {
  return has_recording || max_clip_rate > RATE / 2 ? RATE : RATE / 2;
}

/* one voice, at most 11 kHz wide (espeak-ng speaks at 22 kHz): 64 kb/s mono
 * AAC is transparent for it, and takes a fifth less time than 96 */
int vge_audio_bitrate(const vge_audio *a) { return a->bitrate > 0 ? a->bitrate : 64000; }

int vge_audio_key(const vge_audio *a, int bitrate, char key[65], int *rate_out, vge_result *r) {
  key[0] = '\0';
  if (!(a->duration > 0)) return vge_fail(r, "audio: duration must be positive");
  if (a->n < 0 || (a->n > 0 && !a->clips)) return vge_fail(r, "audio: bad clip list");
  int64_t total = llround(a->duration * RATE);
  int max_rate = 0, has_recording = 0;
  /* the key: each clip's own cache key when it has one (a hash of the text,
   * voice and speech engine that made it: the same clip, the same key; a
   * clip changed, a new one), else its samples. A clip without a key is
   * read and checked here, one at a time, and read again when the mixer
   * reaches it: a long video's clips are never all in memory. */
  vg_hash h = { NULL };   /* finalised (and freed) on every path */
  if (!a->no_cache) vg_hash_init(&h);
  char head[256];
  snprintf(head, sizeof head, "%s|%lld|%d|%d|%u|%u", VGE_AUDIO_VERSION, (long long)total,
           bitrate, a->n, (unsigned)LIBAVCODEC_VERSION_INT, (unsigned)LIBAVFORMAT_VERSION_INT);
  vg_hash_str(&h, head);
  vg_hash_str(&h, a->key ? a->key : "");
  for (int i = 0; i < a->n; i++) {
    const vge_clip *k = &a->clips[i];
    int16_t *own = NULL;
    const int16_t *s = k->samples;
    size_t n = k->n;
    int rate = k->rate;
    if (k->file) {
      n = 0;
      rate = 0;   /* decoded by the mixer, only when not cached */
    } else if (k->wav && k->key && *k->key) {
      char err[300];   /* keyed by the clip's own key: its header only */
      if (vge_wav_info(k->wav, &n, &rate, err, sizeof err) != 0) {
        vge_fail(r, "audio: %s", err);
        goto fail;
      }
      s = NULL;
    } else if (k->wav) {
      char err[300];
      if (vge_read_wav(k->wav, &own, &n, &rate, err, sizeof err) != 0) {
        vge_fail(r, "audio: %s", err);
        goto fail;
      }
      s = own;
    }
    int keyed = !k->file && k->wav && k->key && *k->key;
    if (!k->file && !keyed && n && !s) { vge_fail(r, "audio: clip %d has no samples", i); goto fail; }
    if (!k->file && n && rate <= 0) { free(own); vge_fail(r, "audio: clip rate %d", rate); goto fail; }
    if (k->file) has_recording = 1;
    else if (n && rate > max_rate) max_rate = rate;
    if (!a->no_cache && !a->key) {
      int64_t at = llround(k->at * RATE);
      int64_t meta[3] = {at, rate, (int64_t)n};
      vg_hash_update(&h, meta, sizeof meta);
      if (k->len > 0) {   /* only then: the keys of uncut clips stay as they were */
        int64_t cut = llround(k->len * RATE);
        vg_hash_str(&h, "cut");
        vg_hash_update(&h, &cut, sizeof cut);
      }
      if (k->file) {
        /* a recording: its content, and the decoders that read it */
        char hex[65], err[300];
        long long size = 0;
        if (vg_file_digest(k->file, &size, hex, err, sizeof err) != 0) {
          vge_fail(r, "audio: %s", err);
          goto fail;
        }
        vg_hash_str(&h, "recording");
        vg_hash_str(&h, hex);
        vg_hash_str(&h, LIBAVCODEC_IDENT);
        vg_hash_str(&h, LIBSWRESAMPLE_IDENT);
      } else if (keyed) {
        vg_hash_str(&h, "clip");
        vg_hash_str(&h, k->key);
      } else if (s && n) {
        vg_hash_update(&h, s, n * sizeof *s);
      }
    }
    free(own);
  }
  int rate = track_rate(max_rate, has_recording);
  char rate_s[32];
  snprintf(rate_s, sizeof rate_s, "|rate %d", rate);
  vg_hash_str(&h, rate_s);
  if (!a->no_cache) vg_hash_final(&h, key);
  *rate_out = rate;
  return 0;
fail:
  if (h.sha) {
    char unused[65];
    vg_hash_final(&h, unused);
  }
  return -1;
}

int vge_audio_cached(const vge_audio *a, vge_result *r) {
  memset(r, 0, sizeof *r);
  if (a->no_cache || !a->cache) return 0;
  int rate = 0;
  if (vge_audio_key(a, vge_audio_bitrate(a), r->key, &rate, r) != 0 ||
      !vg_cache_lookup(a->cache, r->key, ".m4a", r->path, sizeof r->path)) {
    memset(r, 0, sizeof *r);
    return 0;
  }
  r->cached = 1;
  r->duration = (double)llround(a->duration * rate) / rate;
  return 1;
}
