/* options.c: a segment's options as the encoder uses them, and its cache
 * key. Needs FFmpeg's and x264's headers only, not their libraries: the key
 * of every segment is computed before anything is encoded (an unchanged
 * video needs none of it), and the vgrun program loads the encoder's
 * libraries only when it encodes (media_load.c). */
#include "encode_private.h"
#include "vg.h"
#include "vg_utf8.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libavformat/version.h>
#include <x264.h>

/* Bump when the bitstream for the same inputs changes (options, muxing). */
#define VGE_SEGMENT_VERSION "vge-segment-9"

/* Formats a message into r->err, sets r->rc = -1, returns -1. */
int vge_fail(vge_result *r, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vg_vsnprintf_utf8(r->err, sizeof r->err, fmt, ap);
  va_end(ap);
  r->rc = -1;
  return -1;
}

/* vgrun's own presets: an x264 preset, x264 options, and the rate control. */
static const struct {
  const char *name, *x264_preset, *x264_params;
  int cqp;   /* 1: every picture at the constant quantiser `crf` (x264's qp) */
} PRESETS[] = {
  /* The default. Slides are still pictures whose parts fade and slide into
   * place: a full-pixel motion search (subme=0 also skips x264's half-pixel
   * interpolation of every frame) cut x264's time by 40 % for about 5 % more
   * bytes at the same SSIM (bench/create).
   * A constant quantiser, with no scene-cut detection and no weighted
   * prediction: x264 then needs no half-resolution copy of each picture and
   * no lookahead (encoder.c: b_have_lowres), which CRF's rate control,
   * scenecut, weightp and the macroblock tree all analyse for every picture,
   * and no adaptive-quantisation pass (x264 turns AQ off under a constant
   * quantiser). Measured on the create benchmark's two decks (perf, the same
   * pictures): x264's samples -33 %, the whole run's CPU -16 %, for 0-7 %
   * more bytes and an SSIM against lossless of 0.9990 instead of 0.9992.
   * mbtree=0 (for an x264 preset with CRF): the macroblock tree lowers the qp
   * of blocks that stay, so x264 refuses the unchanged-block hint (mb_info)
   * more often; a constant quantiser gives every block the same qp, and the
   * hint always holds. Deblocking off, CAVLC and partitions=none measured
   * within the noise. */
  {"slides", "veryfast", "subme=0:me=dia:mbtree=0:scenecut=0:weightp=0", 1},
};

void vge_resolve(const vge_video_opts *in, vopts *o) {
  o->w = in->width; o->h = in->height;
  o->fnum = in->fps_num > 0 ? in->fps_num : 30;
  o->fden = in->fps_den > 0 ? in->fps_den : 1;
  o->crf = in->crf == VGE_CRF_LOSSLESS ? 0 : in->crf > 0 ? in->crf : 23;  /* 0: lossless */
  o->cfr = in->cfr != 0;
  o->preset = in->preset && *in->preset ? in->preset : VGE_DEFAULT_PRESET;
  o->x264_preset = o->preset;
  o->x264_params = "";
  o->cqp = 0;
  for (size_t i = 0; i < sizeof PRESETS / sizeof *PRESETS; i++)
    if (!strcmp(o->preset, PRESETS[i].name)) {
      o->x264_preset = PRESETS[i].x264_preset;
      o->x264_params = PRESETS[i].x264_params;
      o->cqp = PRESETS[i].cqp;
    }
  o->max_gap = in->max_gap > 0 ? in->max_gap : 1.0;
  o->keyint = in->keyint > 0 ? in->keyint : 10.0;
  o->pix = in->pix;
}

/* frame index on the grid for a timeline time */
int64_t vge_grid(double t, const vopts *o) {
  return llround(t * o->fnum / o->fden);
}

void vge_segment_key(const vge_segment *s, char out[65]) {
  vopts o;
  vge_resolve(&s->v, &o);
  char buf[512];
  /* everything that shapes the bitstream, and the x264 and libavformat
   * versions vgrun was built with */
  snprintf(buf, sizeof buf, "%s|%dx%d|%d/%d|%s|%s|%d|%d|%d|%.6f|%.6f|%d|%lld|%u|%u", VGE_SEGMENT_VERSION,
           o.w, o.h, o.fnum, o.fden, o.x264_preset, o.x264_params, o.cqp, o.crf, o.cfr, o.cfr ? 0.0 : o.max_gap, o.keyint,
           (int)o.pix, (long long)(vge_grid(s->end, &o) - vge_grid(s->start, &o)), (unsigned)X264_BUILD,
           (unsigned)LIBAVFORMAT_VERSION_INT);
  vg_hash h;
  vg_hash_init(&h);
  vg_hash_str(&h, buf);
  vg_hash_str(&h, s->key ? s->key : "");
  vg_hash_final(&h, out);
}

int vge_segment_hit(const vge_segment *s, const vopts *o, vge_result *r) {
  if (!vg_cache_lookup(s->cache, r->key, ".mp4", r->path, sizeof r->path)) return 0;
  int64_t n = vge_grid(s->end, o) - vge_grid(s->start, o);
  r->cached = 1;
  r->frames = n;
  r->duration = (double)n * o->fden / o->fnum;
  r->rc = 0;
  return 1;
}

int vge_segment_cached(const vge_segment *s, vge_result *r) {
  memset(r, 0, sizeof *r);
  if (!s->key || !s->cache) return 0;
  vopts o;
  vge_resolve(&s->v, &o);
  vge_segment_key(s, r->key);
  return vge_segment_hit(s, &o, r);
}
