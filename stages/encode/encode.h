/* encode.h: the encoder and muxer of vgrun (issue 6).
 * Scenes become independent H.264 video segments (cached by content key, encoded
 * in parallel); the narration becomes one AAC track for the whole timeline; the
 * join remuxes both into the final MP4 without re-encoding. Called by the Lua
 * binding vg.encode_core (encode_lua.c), by the bench and tests, by embedders.
 *
 * Threads: every function may run on any thread; one call uses one thread
 * (libx264 threads=1, so the bitstream never depends on the machine), except
 * vge_encode_segments and vge_encode_all, which run `jobs` threads of their own.
 * Errors: functions return 0, or -1 with a message in the result's err. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VGE_PATH_MAX 4096

typedef struct vg_cache vg_cache;   /* engine/core/vg.h */
#define VGE_DEFAULT_PRESET "slides"
#define VGE_CRF_LOSSLESS (-1)

/* Layout of the caller's frames: 4 bytes per pixel. Cairo's ARGB32 is BGRA in
 * memory on little-endian machines. */
typedef enum vge_pix { VGE_PIX_RGBA = 0, VGE_PIX_BGRA = 1 } vge_pix;

/* What every call returns. */
typedef struct vge_result {
  int rc;                    /* 0 or -1 */
  int cached;                /* 1: found in the artifact cache, nothing encoded */
  char path[VGE_PATH_MAX];   /* the file written (or found) */
  double duration;           /* seconds */
  int64_t frames;            /* video: frames on the timeline grid */
  int64_t encoded;           /* video: frames actually encoded (VFR skips repeats) */
  char key[65];              /* the cache key used, "" if none */
  char err[512];
} vge_result;

typedef struct vge_audio vge_audio;

/* ---- video segments ------------------------------------------------------ */

/* One picture handed over by a frame source. */
typedef struct vge_frame {
  const uint8_t *data;  /* width*height pixels; valid until the next call */
  int stride;           /* bytes per row; 0 = width*4 */
  int changed;          /* 0: identical to the previous frame (data may be NULL) */
  /* changed: only the pixels of columns x0..x1-1 and rows y0..y1-1 differ
   * from the previous frame given; x1 <= x0: all columns, y1 <= y0: all
   * rows (all zero: the whole frame). The encoder converts only these and
   * tells x264 that the macroblocks outside them are unchanged, so a wrong
   * rectangle shows stale pixels: when unsure, leave it zero. */
  int x0, y0, x1, y1;
  /* 1: the picture is on screen for one frame of the grid and the next one
   * replaces it (a blend of a crossfade, a step of an entrance). Under the
   * `slides` preset it is coded without the loop filter (segment.c); 0 when
   * unsure. */
  int fleeting;
  const char *error;    /* a source that returns -1 may say why here */
} vge_frame;

/* A frame source: called for every frame index 0..frames-1 of the segment, in
 * order, on the encoding thread; t = index/fps seconds from the segment start.
 * Returns 0, or -1 to abort the encode (the segment is not written). A source
 * that only renders frames that change sets changed=0 and skips the work. */
typedef int (*vge_get_frame_fn)(void *ud, int64_t index, double t, vge_frame *out);

typedef struct vge_video_opts {
  int width, height;       /* even numbers */
  int fps_num, fps_den;    /* frame grid, 30/1 by default (0 = default) */
  /* "slides" (VGE_DEFAULT_PRESET: x264's veryfast with a full-pixel motion
   * search and a short lookahead, for pictures that fade and slide) or any
   * x264 preset, used as it is; NULL = the default */
  const char *preset;
  int crf;                 /* 1..51; 0 (a zeroed struct): 23; VGE_CRF_LOSSLESS:
                              lossless (x264's qp 0, for references) */
  int cfr;                 /* 1: encode every frame; 0 (default): only changes */
  double max_gap;          /* VFR: at most this many seconds between frames; <= 0: 1.0 */
  double keyint;           /* IDR at least every keyint*fps encoded frames; <= 0: 10 */
  vge_pix pix;             /* layout of the source frames */
} vge_video_opts;

typedef struct vge_segment {
  vge_video_opts v;
  /* Timeline position in seconds. The segment covers the frame grid
   * [round(start*fps), round(end*fps)), so segments cut at the same times tile
   * the timeline exactly, whatever the scene durations: no drift. */
  double start, end;
  vge_get_frame_fn get_frame;
  void *ud;
  /* Content key of what the frames show (e.g. the renderer's scene hash). With
   * a key the segment lives in the artifact cache under hash(key, options)
   * and a hit returns at once without calling get_frame. NULL: no cache. */
  const char *key;
  vg_cache *cache;         /* with a key: the cache to use (borrowed for the call) */
  const char *out;         /* without key: the file to write (atomically) */
  /* Optional: any thread may set *cancel non-zero; the encode then stops
   * between frames with the error "cancelled" and writes nothing. */
  const volatile int *cancel;
  /* Optional: called once, on the encoding thread, when the segment needs no
   * more frames (done, failed or found in the cache), so the source can free
   * its pictures before the next segment starts. */
  void (*release)(void *ud);
  /* Optional: the work the segment needs, in any unit (e.g. pictures to
   * encode, a crossfade's counting more). The pool starts the costliest
   * first, so no core idles at the end; all 0: the longest first. */
  double cost;
} vge_segment;

int vge_encode_segment(const vge_segment *s, vge_result *r);
/* Encodes n segments on `jobs` threads (<= 0: the number of cores). results[i]
 * belongs to segs[i]. Returns 0 when all succeeded, else -1. Frame sources
 * must be safe to call from those threads (one thread per segment). */
int vge_encode_segments(const vge_segment *segs, int n, int jobs, vge_result *results);
/* The same, with the narration audio (vge_encode_audio) as one more job of the
 * pool, started first: it is the longest single job, and it then runs beside
 * the segments instead of after them. audio may be NULL. Returns 0 when
 * everything succeeded; see each result. */
int vge_encode_all(const vge_segment *segs, int n, int jobs, vge_result *results,
                   const vge_audio *audio, vge_result *audio_result);

/* A ready-made frame source over a list of keyframes: keyframe i is shown from
 * k[i].t (seconds from the segment start) until k[i+1].t. A keyframe gives its
 * pixels directly (data), or a file (PNG/JPEG via libavcodec, or raw 4-byte
 * pixels of width*height when the name ends in .rgba/.bgra/.raw), or a solid
 * colour 0xRRGGBB. Pass a zero-initialised vge_keyframes with k, n, width,
 * height and pix set as `ud`; one struct per segment being encoded; release it
 * with vge_keyframes_free. */
typedef struct vge_keyframe {
  double t;
  const uint8_t *data;   /* borrowed; or NULL */
  int stride;
  const char *file;      /* or NULL */
  int has_color;
  uint32_t color;        /* 0xRRGGBB when has_color */
} vge_keyframe;
typedef struct vge_keyframes {
  const vge_keyframe *k;
  int n;
  int width, height;
  vge_pix pix;
  /* private */
  int cur;
  uint8_t *buf;
  char err[256];
} vge_keyframes;
int vge_keyframes_get(void *ud, int64_t index, double t, vge_frame *out);
void vge_keyframes_free(vge_keyframes *kf);

/* ---- audio --------------------------------------------------------------- */

/* One piece of narration: signed 16-bit mono samples at any rate, placed at
 * `at` seconds on the timeline. Clips that overlap are mixed (with clipping). */
typedef struct vge_clip {
  const int16_t *samples;
  size_t n;
  int rate;
  double at;
  const char *wav;       /* instead of samples: a PCM WAV file (any channels) */
  /* instead of samples: a recording in any format libavformat reads (WAV,
   * FLAC, MP3...), decoded by vge_read_recording; its key is the file's
   * SHA-256, so it is decoded only when the track is not in the cache */
  const char *file;
  double len;            /* > 0: the clip ends after len seconds (a 20 ms fade) */
  /* with wav: the clip's own cache key (a hash of everything that made its
   * samples, as the speech stage's): the track's key then holds it instead
   * of the samples, and only the WAV's header is read for the key */
  const char *key;
} vge_clip;

struct vge_audio {
  const vge_clip *clips;
  int n;
  double duration;       /* timeline length: exactly round(duration*48000) samples */
  int bitrate;           /* <= 0: 64000 */
  const char *key;       /* cache key as for segments (NULL: hash of the samples) */
  int no_cache;          /* 1: write `out` only */
  vg_cache *cache;       /* else: the cache to use (borrowed for the call) */
  const char *out;       /* with no_cache: the .m4a to write */
  const volatile int *cancel;  /* optional, as in vge_segment */
};

/* Mixes the clips onto a silent 48 kHz mono timeline and encodes it once with
 * libavcodec's native AAC encoder into an .m4a (one encoder priming, one edit
 * list: no gap and no drift at scene boundaries). */
int vge_encode_audio(const vge_audio *a, vge_result *r);

/* Reads a PCM WAV (8/16/24/32-bit integer or 32-bit float, any channels) as
 * mono s16. Caller frees *samples with free(). 0 or -1 (message in err). */
int vge_read_wav(const char *path, int16_t **samples, size_t *n, int *rate,
                 char *err, size_t errlen);

/* A recorded narration, decoded to the mixer's format (48 kHz mono float).
 * The file is opened only if it is a regular file, and read through vgrun's
 * own I/O: libavformat never opens a name, and a demuxer's request to open
 * another file or URL (playlists, references) is refused. */
typedef struct vge_recording_opts {
  float *timeline;       /* NULL: decode and count only (a probe) */
  int64_t total;         /* samples in timeline */
  double at;             /* where the recording starts on it, seconds */
  double max_seconds;    /* <= 0: 3 hours; longer is refused */
  const volatile int *cancel;  /* optional */
} vge_recording_opts;
typedef struct vge_recording_info {
  double duration;       /* seconds, from the samples decoded */
  int64_t samples;       /* at 48 kHz */
  int rate, channels;    /* of the file */
  int damaged;           /* packets or frames that could not be decoded (skipped) */
  char codec[32], format[64];
} vge_recording_info;
/* Decodes `path` (and adds it to o->timeline). 0, or -1 with "PATH: reason"
 * in err. Any thread. */
int vge_read_recording(const char *path, const vge_recording_opts *o, vge_recording_info *info,
                       char *err, size_t errlen);

/* ---- join ---------------------------------------------------------------- */

typedef struct vge_chapter {
  const char *title;
  double start, end;     /* seconds */
} vge_chapter;

typedef struct vge_join {
  const char *const *segments;  /* segment files in timeline order */
  int n;
  const char *audio;            /* .m4a from vge_encode_audio, or NULL */
  const vge_chapter *chapters;  /* one per scene, or NULL */
  int nchapters;
  const char *title;            /* metadata title, or NULL */
  const char *out;              /* final .mp4: written to a temp file, renamed */
  int no_faststart;             /* 1: skip moving the index to the front */
  const volatile int *cancel;   /* optional, as in vge_segment */
  /* optional: the cache that records what each join made, so that an
   * unchanged output is left as it is (result: cached = 1) */
  vg_cache *cache;
} vge_join;

/* Concatenates the segments' packets (timestamps offset by the length of the
 * segments before) with the audio track, chapters and title into `out`. No
 * re-encoding. On failure `out` is untouched (no half-written file). */
int vge_join_files(const vge_join *j, vge_result *r);

/* Cache key that vge_encode_segment uses for a segment (64 hex + NUL). */
void vge_segment_key(const vge_segment *s, char out[65]);

#ifdef __cplusplus
}
#endif
