/* segment.c: one scene -> one video-only MP4 segment (H.264, yuv420p).
 * Variable frame rate by default: only frames that change are converted and
 * encoded, plus one repeat at least every max_gap seconds so players can seek.
 * Every segment starts with an IDR frame and uses the same codec parameters,
 * so vge_join_files can concatenate segments without re-encoding. */
#include "encode_private.h"
#include "vg.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <x264.h>

/* x264 sees consecutive frame numbers (as if the stream were CFR): with the
 * real, sparse timestamps its rate control gives long-lived frames more bits
 * (the benchmark's file grew by half, and took 7 % longer, for no visible
 * gain). Packets come out in input order (no B-frames), so the real times are
 * put back from a FIFO. */
#define PTS_FIFO 1024

typedef struct enc {
  AVFormatContext *oc;
  AVStream *st;
  x264_t *x;
  AVRational tb;             /* the frame grid */
  int64_t fifo[PTS_FIFO];
  int64_t fifo_in, fifo_out;
  AVPacket *pkt, *pending;
  int have_pending;
  int64_t encoded;
  int64_t xin;               /* pictures given to x264 (repeats may bypass it) */
  int64_t learn_pts;         /* x264's pts of a repeat: its slice becomes the template */
  vge_repeat rp;             /* repeats written without x264 (repeat.c) */
  int64_t last_idr;          /* the grid frame of the latest IDR x264 gave out (forced or its own) */
  int64_t last_idr_coded;    /* ... and its number among the encoded pictures */
  uint8_t *sei;              /* x264's SEI (its version and options): before the first picture */
  int sei_len;
} enc;

/* Writes the held packet with its duration now known (B-frames are off, so
 * packets come out in presentation order). */
static int emit(enc *e, AVPacket *next, int64_t end_pts) {
  if (e->have_pending) {
    e->pending->duration = (next ? next->pts : end_pts) - e->pending->pts;
    e->pending->stream_index = e->st->index;
    av_packet_rescale_ts(e->pending, e->tb, e->st->time_base);
    int ret = av_write_frame(e->oc, e->pending);
    av_packet_unref(e->pending);
    e->have_pending = 0;
    if (ret < 0) return ret;
  }
  if (next) {
    av_packet_move_ref(e->pending, next);
    e->have_pending = 1;
  }
  return 0;
}

/* One call of x264_encoder_encode (pic NULL: flush one delayed picture); a
 * picture that comes out becomes a packet with its real time from the FIFO.
 * 0, or an AVERROR. */
static int x264_step(enc *e, x264_picture_t *pic, int64_t end_pts) {
  x264_nal_t *nal;
  int nnal;
  x264_picture_t out;
  int size = x264_encoder_encode(e->x, &nal, &nnal, pic, &out);
  if (size < 0) return AVERROR_EXTERNAL;
  if (size == 0) return 0;
  if (e->fifo_out >= e->fifo_in) return AVERROR_BUG; /* more pictures out than in */
  int ret = av_new_packet(e->pkt, size + e->sei_len);
  if (ret < 0) return ret;
  /* the NALs of one picture lie one after the other in x264's buffer */
  if (e->sei_len) memcpy(e->pkt->data, e->sei, (size_t)e->sei_len);
  memcpy(e->pkt->data + e->sei_len, nal[0].p_payload, (size_t)size);
  e->sei_len = 0;
  e->pkt->pts = e->pkt->dts = e->fifo[e->fifo_out++ % PTS_FIFO];
  if (out.b_keyframe) {
    e->pkt->flags |= AV_PKT_FLAG_KEY;
    if (e->pkt->pts > e->last_idr) e->last_idr = e->pkt->pts;
    e->last_idr_coded = e->xin;
  }
  /* frame_num moved on by the repeats written without x264 */
  const uint8_t *fixed;
  size_t fixed_n;
  if (vge_repeat_fix(&e->rp, e->pkt->data, (size_t)e->pkt->size, out.i_pts == e->learn_pts, &fixed, &fixed_n) != 0)
    return AVERROR_BUG;
  if (fixed != e->pkt->data) {
    int64_t pts = e->pkt->pts;
    int flags = e->pkt->flags;
    av_packet_unref(e->pkt);
    if ((ret = av_new_packet(e->pkt, (int)fixed_n)) < 0) return ret;
    memcpy(e->pkt->data, fixed, fixed_n);
    e->pkt->pts = e->pkt->dts = pts;
    e->pkt->flags = flags;
  }
  return emit(e, e->pkt, end_pts);
}

/* Splits "a=1:b=2" and hands each option to x264_param_parse. */
static int parse_params(x264_param_t *p, const char *params, vge_result *r) {
  char buf[512];
  if (snprintf(buf, sizeof buf, "%s", params) >= (int)sizeof buf)
    return vge_fail(r, "encode: x264 options too long");
  for (char *save = NULL, *kv = strtok_r(buf, ":", &save); kv; kv = strtok_r(NULL, ":", &save)) {
    char *eq = strchr(kv, '=');
    if (eq) *eq = 0;
    if (x264_param_parse(p, kv, eq ? eq + 1 : NULL) != 0)
      return vge_fail(r, "encode: x264 option %s%s%s is not valid", kv, eq ? "=" : "", eq ? eq + 1 : "");
  }
  return 0;
}

/* The x264 settings of a segment: the same for every segment of the same
 * options, so the SPS/PPS match and vge_join_files can concatenate. */
static int x264_setup(x264_param_t *p, const vopts *o, vge_result *r) {
  if (x264_param_default_preset(p, o->x264_preset, NULL) < 0)
    return vge_fail(r, "encode: unknown preset '%s'", o->preset);
  if (o->x264_params[0] && parse_params(p, o->x264_params, r) != 0) return -1;
  p->i_log_level = X264_LOG_NONE;
  p->i_threads = 1;          /* the bitstream must not depend on the core count */
  p->i_lookahead_threads = 1;
  p->b_sliced_threads = 0;
  p->b_deterministic = 1;
  p->i_width = o->w;
  p->i_height = o->h;
  p->i_csp = X264_CSP_I420;
  p->i_fps_num = (uint32_t)o->fnum;
  p->i_fps_den = (uint32_t)o->fden;
  p->i_timebase_num = (uint32_t)o->fden;
  p->i_timebase_den = (uint32_t)o->fnum;
  p->b_vfr_input = 0;        /* consecutive numbers: see PTS_FIFO */
  p->i_bframe = 0;           /* pts == dts: segments join by a plain offset */
  /* keyint counts encoded frames here; encode_to also forces an IDR once
   * keyint seconds passed since the last one (a VFR still is few frames) */
  p->i_keyint_max = (int)fmin(1e6, fmax(1, o->keyint * o->fnum / o->fden));
  p->vui.i_sar_width = p->vui.i_sar_height = 1;
  p->vui.i_colorprim = 1;    /* BT.709, limited range: what yuv.c makes */
  p->vui.i_transfer = 1;
  p->vui.i_colmatrix = 1;
  p->vui.b_fullrange = 0;
  /* Annex B pictures and SPS/PPS as extradata, as FFmpeg's libx264 wrapper
   * gives them: the mp4 muxer turns both into avcC / length prefixes */
  p->b_annexb = 1;
  p->b_repeat_headers = 0;
  /* Which macroblocks did not change since the previous picture: x264 then
   * codes them as skips without analysing them (analyse.c; only when the
   * reference MB's qp is not above this picture's) */
  p->analyse.b_mb_info = 1;
  if (o->crf == 0) {         /* lossless: x264's qp 0 (CRF 0 is not) */
    p->rc.i_rc_method = X264_RC_CQP;
    p->rc.i_qp_constant = 0;
  } else if (o->cqp) {
    p->rc.i_rc_method = X264_RC_CQP;
    p->rc.i_qp_constant = o->crf;
  } else {
    p->rc.i_rc_method = X264_RC_CRF;
    p->rc.f_rf_constant = (float)o->crf;
  }
  return 0;
}

/* The rectangle of f that differs from the previous picture, in whole
 * macroblocks, clipped to the frame; *all when it is the whole frame. */
static void changed_rect(const vge_frame *f, const vopts *o, int rc[4]) {
  int x0 = 0, y0 = 0, x1 = o->w, y1 = o->h;
  if (f->y1 > f->y0) { y0 = f->y0; y1 = f->y1; }
  if (f->x1 > f->x0) { x0 = f->x0; x1 = f->x1; }
  x0 = x0 < 0 ? 0 : x0 & ~15;
  y0 = y0 < 0 ? 0 : y0 & ~15;
  x1 = x1 > o->w ? o->w : x1;
  y1 = y1 > o->h ? o->h : y1;
  x1 = (x1 + 15) & ~15;
  y1 = (y1 + 15) & ~15;
  rc[0] = x0; rc[1] = y0;
  rc[2] = x1 > o->w ? o->w : x1;
  rc[3] = y1 > o->h ? o->h : y1;
}

static int encode_to(const vge_segment *s, const vopts *o, const char *path, vge_result *r) {
  enc e = {0};
  x264_param_t prm;
  uint8_t *yuv = NULL;
  int ret, rc = -1, opened = 0;
  int64_t nframes = vge_grid(s->end, o) - vge_grid(s->start, o);

  if (o->w <= 0 || o->h <= 0 || (o->w & 1) || (o->h & 1))
    return vge_fail(r, "encode: width and height must be even and positive (got %dx%d)", o->w, o->h);
  if (nframes <= 0)
    return vge_fail(r, "encode: segment [%g, %g) holds no frame at %d/%d fps", s->start, s->end,
                    o->fnum, o->fden);
  if (!s->get_frame) return vge_fail(r, "encode: no frame source");
  if (x264_setup(&prm, o, r) != 0) return -1;
  e.tb = (AVRational){o->fden, o->fnum};
  e.learn_pts = -1;

  if ((ret = avformat_alloc_output_context2(&e.oc, NULL, "mp4", path)) < 0) {
    vge_fail_av(r, ret, "encode: mp4 muxer"); goto done;
  }
  e.oc->flags |= AVFMT_FLAG_BITEXACT;
  e.pkt = av_packet_alloc();
  e.pending = av_packet_alloc();
  /* I420 planes, rows padded to 64 bytes; kept between pictures so only
   * the changed rectangle is converted (x264 copies the planes it is given) */
  int ystride = (o->w + 63) & ~63, cstride = ((o->w + 1) / 2 + 63) & ~63;
  size_t ysize = (size_t)ystride * (size_t)o->h, csize = (size_t)cstride * (size_t)((o->h + 1) / 2);
  yuv = malloc(ysize + 2 * csize);
  if (!e.pkt || !e.pending || !yuv) { vge_fail(r, "encode: out of memory"); goto done; }
  if (!(e.x = x264_encoder_open(&prm))) { vge_fail(r, "encode: libx264 refused the settings (bad preset or options?)"); goto done; }
  /* Pictures nobody looks at for long go without x264's loop filter
   * (deblocking): a fleeting picture (vge_frame.fleeting: on screen for one
   * frame, a step of a crossfade or an entrance) and a repeat that is not an
   * IDR (every block a skip of the same picture: the filter changes no
   * pixel there, but x264 still walks every edge of the frame). The slice
   * header says so (disable_deblocking_filter_idc), the SPS and PPS stay:
   * x264_picture_t.param switches, and back for the next picture that
   * stays. Only under the `slides` preset (an x264 preset is used as it
   * is) and not lossless (nothing to filter). */
  x264_param_t unfiltered = prm;
  unfiltered.b_deblocking_filter = 0;
  int switch_filter = o->cqp && o->crf > 0 && prm.b_deblocking_filter, filter_off = 0;

  /* SPS and PPS: the stream's extradata (Annex B; the muxer writes avcC) */
  x264_nal_t *hn;
  int hnn;
  if (x264_encoder_headers(e.x, &hn, &hnn) < 0) { vge_fail(r, "encode: libx264 headers"); goto done; }
  e.st = avformat_new_stream(e.oc, NULL);
  if (!e.st) { vge_fail(r, "encode: out of memory"); goto done; }
  AVCodecParameters *par = e.st->codecpar;
  int xlen = 0;
  for (int i = 0; i < hnn; i++)
    if (hn[i].i_type != NAL_SEI) xlen += hn[i].i_payload;
  if (!(par->extradata = av_mallocz((size_t)xlen + AV_INPUT_BUFFER_PADDING_SIZE))) {
    vge_fail(r, "encode: out of memory"); goto done;
  }
  for (int i = 0; i < hnn; i++) {
    if (hn[i].i_type == NAL_SEI) {
      av_freep(&e.sei);
      if (!(e.sei = av_malloc((size_t)hn[i].i_payload))) { vge_fail(r, "encode: out of memory"); goto done; }
      memcpy(e.sei, hn[i].p_payload, (size_t)hn[i].i_payload);
      e.sei_len = hn[i].i_payload;
    } else {
      memcpy(par->extradata + par->extradata_size, hn[i].p_payload, (size_t)hn[i].i_payload);
      par->extradata_size += hn[i].i_payload;
    }
  }
  /* Repeats without x264 only under the `slides` preset (a constant
   * quantiser, lossless too, no weighted prediction): there x264 codes a
   * picture whose macroblocks are all marked unchanged as skips only, and
   * the first such slice serves for the rest (repeat.c). */
  if (o->cqp) vge_repeat_init(&e.rp, par->extradata, (size_t)par->extradata_size);
  par->codec_type = AVMEDIA_TYPE_VIDEO;
  par->codec_id = AV_CODEC_ID_H264;
  par->format = AV_PIX_FMT_YUV420P;
  par->width = o->w;
  par->height = o->h;
  par->sample_aspect_ratio = (AVRational){1, 1};
  par->color_space = AVCOL_SPC_BT709;
  par->color_primaries = AVCOL_PRI_BT709;
  par->color_trc = AVCOL_TRC_BT709;
  par->color_range = AVCOL_RANGE_MPEG;
  par->field_order = AV_FIELD_PROGRESSIVE;
  e.st->time_base = e.tb;
  if (o->cfr) e.st->avg_frame_rate = (AVRational){o->fnum, o->fden};
  if ((ret = avio_open(&e.oc->pb, path, AVIO_FLAG_WRITE)) < 0) {
    vge_fail_av(r, ret, path); goto done;
  }
  opened = 1;
  if ((ret = avformat_write_header(e.oc, NULL)) < 0) {
    vge_fail_av(r, ret, "encode: mp4 header"); goto done;
  }

  x264_picture_t pic;
  x264_picture_init(&pic);
  pic.img.i_csp = X264_CSP_I420;
  pic.img.i_plane = 3;
  pic.img.plane[0] = yuv;
  pic.img.plane[1] = yuv + ysize;
  pic.img.plane[2] = yuv + ysize + csize;
  pic.img.i_stride[0] = ystride;
  pic.img.i_stride[1] = pic.img.i_stride[2] = cstride;
  uint8_t *const planes[3] = {pic.img.plane[0], pic.img.plane[1], pic.img.plane[2]};
  const int strides[3] = {ystride, cstride, cstride};
  int mbw = (o->w + 15) / 16, mbh = (o->h + 15) / 16;
  int64_t gap = o->cfr ? 1 : (int64_t)fmax(1, floor(o->max_gap * o->fnum / o->fden + 1e-9));
  int64_t last = -1;
  /* An IDR at least every keyint seconds of grid time, whatever the count
   * of encoded frames: in VFR a long still scene is few frames, and a player
   * that seeks to keyframes (scrubbing, fast seek) lands up to the whole
   * scene before the time asked. A repeat (max_gap) carries it. The time
   * counts from the latest IDR, whether forced here or placed by x264 (a
   * scene cut, its keyint_max): x264 gives a picture out after its
   * lookahead, so one of its own is seen a few encoded frames late, and
   * the same inputs always give the same IDRs. */
  int64_t keygrid = (int64_t)fmax(1, floor(o->keyint * o->fnum / o->fden + 1e-9)), lastkey = 0;
  for (int64_t i = 0; i < nframes; i++) {
    if (s->cancel && *s->cancel) { vge_fail(r, "cancelled"); goto done; }
    vge_frame f = {0};
    double t = (double)i * o->fden / o->fnum;
    if (s->get_frame(s->ud, i, t, &f) != 0) {
      vge_fail(r, "encode: frame source failed at frame %lld%s%s", (long long)i,
               f.error ? ": " : "", f.error ? f.error : "");
      goto done;
    }
    int changed = f.changed || i == 0;
    if (changed && !f.data) { vge_fail(r, "encode: frame %lld has no pixels", (long long)i); goto done; }
    if (e.last_idr > lastkey) lastkey = e.last_idr;
    if (!(o->cfr || changed || i - last >= gap || i - lastkey >= keygrid)) continue;
    /* a repeat that is not to be an IDR picture, once x264 coded one: its
     * slice again, with the next frame_num (repeat.c); x264 has nothing
     * delayed (no lookahead at a constant quantiser), so it goes in order */
    if (!changed && e.rp.ok && e.rp.tmpl && !(i - lastkey >= keygrid) &&
        e.xin - e.last_idr_coded < prm.i_keyint_max && x264_encoder_delayed_frames(e.x) == 0) {
      const uint8_t *rb;
      size_t rn;
      if (vge_repeat_make(&e.rp, &rb, &rn) != 1 || (ret = av_new_packet(e.pkt, (int)rn)) < 0) {
        vge_fail(r, "encode: out of memory"); goto done;
      }
      memcpy(e.pkt->data, rb, rn);
      e.pkt->pts = e.pkt->dts = i;
      if ((ret = emit(&e, e.pkt, nframes)) < 0) { vge_fail_av(r, ret, "encode: write"); goto done; }
      e.encoded++;
      last = i;
      continue;
    }
    /* the macroblocks that did not change since the picture encoded last
     * (a repeat: all of them); NULL = all changed. x264 frees the array
     * when it is done with the picture. */
    uint8_t *mb = NULL;
    int rc4[4] = {0, 0, o->w, o->h};
    if (changed && i > 0) changed_rect(&f, o, rc4);
    int whole = rc4[0] == 0 && rc4[1] == 0 && rc4[2] >= o->w && rc4[3] >= o->h;
    if (!changed || !whole) {
      if (!(mb = malloc((size_t)mbw * (size_t)mbh))) { vge_fail(r, "encode: out of memory"); goto done; }
      memset(mb, X264_MBINFO_CONSTANT, (size_t)mbw * (size_t)mbh);
      if (changed)
        for (int my = rc4[1] / 16; my < (rc4[3] + 15) / 16; my++)
          memset(mb + (size_t)my * (size_t)mbw + rc4[0] / 16, 0, (size_t)((rc4[2] + 15) / 16 - rc4[0] / 16));
    }
    if (changed) {           /* convert the changed rectangle only */
      int sstride = f.stride > 0 ? f.stride : o->w * 4;
      int x0 = rc4[0], y0 = rc4[1];
      uint8_t *const dst[3] = {planes[0] + (size_t)y0 * (size_t)ystride + (size_t)x0,
                               planes[1] + (size_t)(y0 / 2) * (size_t)cstride + (size_t)(x0 / 2),
                               planes[2] + (size_t)(y0 / 2) * (size_t)cstride + (size_t)(x0 / 2)};
      vge_rgb32_to_i420(f.data + (size_t)y0 * (size_t)sstride + (size_t)x0 * 4, sstride, o->pix,
                        rc4[2] - x0, rc4[3] - y0, dst, strides);
    }
    if (e.fifo_in - e.fifo_out >= PTS_FIFO) { free(mb); vge_fail(r, "encode: encoder delay too long"); goto done; }
    e.fifo[e.fifo_in++ % PTS_FIFO] = i;
    pic.i_pts = e.xin;
    pic.i_type = X264_TYPE_AUTO;
    if (i - lastkey >= keygrid) {
      pic.i_type = X264_TYPE_IDR;
      lastkey = i;
    }
    /* x264 keeps settings given with a picture for the pictures after it;
     * a segment's last frame is replaced by the next segment's first */
    pic.param = NULL;
    int idr = pic.i_type == X264_TYPE_IDR || e.xin - e.last_idr_coded >= prm.i_keyint_max;
    int off = changed ? f.fleeting || i == nframes - 1 : !idr;
    if (switch_filter && off != filter_off) {
      filter_off = off;
      pic.param = off ? &unfiltered : &prm;
    }
    pic.prop.mb_info = mb;
    pic.prop.mb_info_free = mb ? free : NULL;
    e.learn_pts = !changed && !idr && !e.rp.tmpl ? e.xin : -1;
    ret = x264_step(&e, &pic, nframes);
    e.xin++;
    e.encoded++;
    last = i;
    if (ret < 0) { vge_fail_av(r, ret, "encode: libx264"); goto done; }
  }
  while (x264_encoder_delayed_frames(e.x) > 0)
    if ((ret = x264_step(&e, NULL, nframes)) < 0) { vge_fail_av(r, ret, "encode: flush"); goto done; }
  if ((ret = emit(&e, NULL, nframes)) < 0) { vge_fail_av(r, ret, "encode: flush"); goto done; }
  if ((ret = av_write_trailer(e.oc)) < 0) { vge_fail_av(r, ret, "encode: mp4 trailer"); goto done; }
  r->frames = nframes;
  r->encoded = e.encoded;
  r->duration = (double)nframes * o->fden / o->fnum;
  rc = 0;
done:
  if (e.x) x264_encoder_close(e.x);
  if (opened) avio_closep(&e.oc->pb);
  free(yuv);
  av_free(e.sei);
  vge_repeat_free(&e.rp);
  av_packet_free(&e.pkt);
  av_packet_free(&e.pending);
  avformat_free_context(e.oc);
  return rc;
}

static int encode_segment(const vge_segment *s, vge_result *r);

int vge_encode_segment(const vge_segment *s, vge_result *r) {
  int rc = encode_segment(s, r);
  if (s->release) s->release(s->ud);
  return rc;
}

static int make_segment(const vge_segment *s, const vopts *o, vge_result *r);

static int encode_segment(const vge_segment *s, vge_result *r) {
  memset(r, 0, sizeof *r);
  vge_av_init();
  vopts o;
  vge_resolve(&s->v, &o);
  if (s->key && !s->cache) return vge_fail(r, "encode: a segment with a key needs a cache");
  if (!s->key) return make_segment(s, &o, r);
  vge_segment_key(s, r->key);
  /* vgrun create encodes the segments of planned scenes while it plans the
   * rest; video.encode then asks for the same keys: wait for the encode
   * under way and take its file (vge_flight_claim) */
  for (;;) {
    if (vge_segment_hit(s, &o, r)) return 0;
    if (s->cancel && *s->cancel) return vge_fail(r, "cancelled");
    if (vge_flight_claim(r->key, s->cancel)) break;
  }
  char key[65];
  memcpy(key, r->key, sizeof key);
  int rc = make_segment(s, &o, r);
  vge_flight_land(key);
  return rc;
}

/* Encodes the segment into the cache (under r->key) or into s->out. */
static int make_segment(const vge_segment *s, const vopts *o, vge_result *r) {
  char tmp[VGE_PATH_MAX];
  if (s->key) {
    if (vg_cache_tmp_path(s->cache, tmp, sizeof tmp, ".mp4") != 0)
      return vge_fail(r, "encode: %s", vg_cache_error());
  } else {
    if (!s->out || !*s->out) return vge_fail(r, "encode: a segment needs a key or an out path");
    if (vge_tmp_beside(s->out, tmp, sizeof tmp) != 0) return vge_fail(r, "encode: %s", strerror(errno));
  }
  if (encode_to(s, o, tmp, r) != 0) {
    unlink(tmp);
    return -1;
  }
  if (s->key) {
    if (vg_cache_adopt(s->cache, r->key, ".mp4", tmp) != 0) {
      unlink(tmp);
      return vge_fail(r, "encode: %s", vg_cache_error());
    }
    vg_cache_lookup(s->cache, r->key, ".mp4", r->path, sizeof r->path);
  } else {
    if (vge_commit(tmp, s->out) != 0) return vge_fail(r, "encode: %s: %s", s->out, strerror(errno));
    snprintf(r->path, sizeof r->path, "%s", s->out);
  }
  return 0;
}

/* ---- a small pool: one job per thread at a time ------------------------ */

typedef struct pool {
  const vge_segment *segs;
  vge_result *res;
  int n;
  const vge_audio *audio;  /* job -1 when set: the longest single job, so first */
  vge_result *ares;
  const int *order;        /* segments, costliest first: the pool ends evenly */
  int next;                /* atomically taken */
} pool;

static void *pool_main(void *arg) {
  pool *p = arg;
  for (;;) {
    int i = __atomic_fetch_add(&p->next, 1, __ATOMIC_RELAXED) - (p->audio ? 1 : 0);
    if (i >= p->n) return NULL;
    if (i < 0) vge_encode_audio(p->audio, p->ares);
    else vge_encode_segment(&p->segs[p->order[i]], &p->res[p->order[i]]);
  }
}

int vge_encode_all(const vge_segment *segs, int n, int jobs, vge_result *results,
                   const vge_audio *audio, vge_result *audio_result) {
  int total = n + (audio ? 1 : 0);
  if (total <= 0) return 0;
  if (jobs <= 0) {
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    jobs = c > 0 ? (int)c : 1;
  }
  if (jobs > total) jobs = total;
  if (jobs > 64) jobs = 64;
  int *order = malloc(sizeof *order * (size_t)(n > 0 ? n : 1));
  if (!order) {
    for (int i = 0; i < n; i++) vge_fail(&results[i], "encode: out of memory");
    if (audio) vge_fail(audio_result, "encode: out of memory");
    return -1;
  }
  int by_cost = 0;
  for (int i = 0; i < n; i++) { order[i] = i; if (segs[i].cost > 0) by_cost = 1; }
  for (int i = 1; i < n; i++) { /* insertion sort, stable: n is a few dozen */
    int k = order[i], j = i;
    double d = by_cost ? segs[k].cost : segs[k].end - segs[k].start;
    while (j > 0 && (by_cost ? segs[order[j - 1]].cost : segs[order[j - 1]].end - segs[order[j - 1]].start) < d) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = k;
  }
  pool p = {segs, results, n, audio, audio_result, order, 0};
  pthread_t th[64];
  int started = 0;
  for (int i = 1; i < jobs; i++)
    if (pthread_create(&th[started], NULL, pool_main, &p) == 0) started++;
  pool_main(&p);
  for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
  free(order);
  int rc = 0;
  for (int i = 0; i < n; i++)
    if (results[i].rc != 0) rc = -1;
  if (audio && audio_result->rc != 0) rc = -1;
  return rc;
}

int vge_encode_segments(const vge_segment *segs, int n, int jobs, vge_result *results) {
  return vge_encode_all(segs, n, jobs, results, NULL, NULL);
}
