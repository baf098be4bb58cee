/* encode_private.h: helpers shared by the files of stages/encode (not public). */
#pragma once

#include "encode.h"
#include <stdarg.h>

/* Formats a message into r->err, sets r->rc = -1, returns -1 (options.c). */
int vge_fail(vge_result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends ": <FFmpeg error text>" for an AVERROR code. */
int vge_fail_av(vge_result *r, int averr, const char *what);
/* Quiets FFmpeg's log (libx264 prints statistics at INFO) unless
 * VGRUN_AV_LOG=debug|info|warning is set. Once per process. */
void vge_av_init(void);
/* A temporary path beside `out` (same directory, so rename is atomic). */
int vge_tmp_beside(const char *out, char *tmp, size_t len);
/* fsync(tmp), rename(tmp, out); unlinks tmp on failure. 0 or -1/errno. */
int vge_commit(const char *tmp, const char *out);
/* Decodes an image file to width x height pixels of `pix` (scaled if the
 * sizes differ). Caller frees *buf with av_free. */
int vge_load_image(const char *path, int width, int height, vge_pix pix, uint8_t **buf,
                   char *err, size_t errlen);
/* Opaque 32-bit RGB (pix) -> I420, BT.709 limited range, the same bytes on
 * every CPU (yuv.c). dst/dstride: the Y, U and V planes. */
/* repeat.c: a repeated picture (every macroblock a skip of the picture
 * before) written without x264, from the first one x264 coded */
typedef struct vge_repeat {
  int ok;                    /* the stream is one this can follow */
  int fn_bits;               /* log2_max_frame_num */
  int inj;                   /* repeats written since the last IDR */
  int last_fn;               /* frame_num of the last reference picture */
  uint8_t *tmpl;             /* a repeat's slice, as an RBSP */
  size_t tmpl_len, tmpl_fn_pos;
  uint8_t *rbsp, *out;       /* scratch */
  size_t rbsp_cap, out_cap;
} vge_repeat;
/* reads the SPS of x264's headers (Annex B) */
void vge_repeat_init(vge_repeat *rp, const uint8_t *extradata, size_t n);
void vge_repeat_free(vge_repeat *rp);
/* one picture of x264 (Annex B): its slices' frame_num moved on by the
 * repeats written since the last IDR; learn = it is a repeat (the first one
 * becomes the template). *out is pkt or a buffer of rp's. -1: out of memory,
 * or a stream it cannot follow after a repeat was written. */
int vge_repeat_fix(vge_repeat *rp, const uint8_t *pkt, size_t n, int learn, const uint8_t **out, size_t *outn);
/* the next repeat (Annex B) in *out: 1; 0 when there is no template yet;
 * -1 out of memory */
int vge_repeat_make(vge_repeat *rp, const uint8_t **out, size_t *outn);

void vge_rgb32_to_i420(const uint8_t *src, int sstride, vge_pix pix, int w, int h,
                       uint8_t *const dst[3], const int dstride[3]);

/* One encode of a cache key at a time in this process (util.c). vgrun
 * create starts the narration track and the segments of planned scenes
 * while later scenes are planned; video.encode then asks for the same keys:
 * the second call waits for the first and takes its file from the cache.
 * claim: 1 = the caller now makes `key` (or no slot was left: make it
 * anyway), 0 = another call just finished it (or *cancel was set): look in
 * the cache again. A caller that got 1 calls vge_flight_land(key) when done,
 * whatever the outcome. Any thread. */
int vge_flight_claim(const char *key, const volatile int *cancel);
void vge_flight_land(const char *key);

/* A recording read as a stream (recording.c), for the mixer (audio.c): the
 * samples of vge_read_recording, a window at a time. probe: count only. */
typedef struct vge_rec_stream vge_rec_stream;
int vge_rec_open(const char *path, const vge_recording_opts *o, int probe, vge_rec_stream **out,
                 char *err, size_t errlen);
/* Up to n samples into dst (NULL: skip them); fewer only at the end, 0 after
 * it, -1 on error (message in err; the stream is done). */
int64_t vge_rec_read(vge_rec_stream *st, float *dst, int64_t n, char *err, size_t errlen);
/* Valid once vge_rec_read has returned 0. */
const vge_recording_info *vge_rec_info(const vge_rec_stream *st);
void vge_rec_close(vge_rec_stream *st);

/* A segment's options resolved: defaults filled in, a vgrun preset turned
 * into x264's preset and options (options.c). */
typedef struct vopts {
  int w, h, fnum, fden, crf, cfr;
  const char *preset;         /* as given: a vgrun or an x264 preset */
  const char *x264_preset, *x264_params;
  int cqp;
  double max_gap, keyint;
  vge_pix pix;
} vopts;
void vge_resolve(const vge_video_opts *in, vopts *o);
/* frame index on the grid for a timeline time */
int64_t vge_grid(double t, const vopts *o);

/* A segment with a key found in its cache: r filled as by an encode (path,
 * frames, duration, cached = 1), 1. hit: r->key already set. */
int vge_segment_hit(const vge_segment *s, const vopts *o, vge_result *r);
/* The same from nothing: 0 when it must be encoded (or has no key). */
int vge_segment_cached(const vge_segment *s, vge_result *r);

/* The narration track's cache key (audio_key.c): the clips' samples read and
 * hashed, with the options and versions; *rate: the track's rate. 0, or -1
 * with r's error. */
int vge_audio_key(const vge_audio *a, int bitrate, char key[65], int *rate, vge_result *r);
/* A WAV's rate and frame count (what vge_read_wav would return), from its
 * header and size: no sample is read. 0, or -1 (message in err). */
int vge_wav_info(const char *path, size_t *n, int *rate, char *err, size_t errlen);
/* The track found in its cache: r filled as by an encode, 1; else 0. */
int vge_audio_cached(const vge_audio *a, vge_result *r);
/* The narration track's bit rate: a->bitrate or 64 kb/s. */
int vge_audio_bitrate(const vge_audio *a);

/* An unchanged video is not joined again (join_reuse.c). key: the inputs'
 * key (1), or "" (0: no cache, or an input cannot be read: join). reused:
 * 1 when j->out is what the inputs were joined into last time (r filled,
 * cached = 1). remember: after a join, records what it made. */
int vge_join_key(const vge_join *j, char key[65]);
int vge_join_reused(const vge_join *j, const char *key, vge_result *r);
void vge_join_remember(const vge_join *j, const char *key, const vge_result *r);
