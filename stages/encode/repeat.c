/* repeat.c: a repeated picture written without the encoder.
 *
 * A segment repeats its picture at least every max_gap seconds when nothing
 * changes (segment.c). Every macroblock of such a picture is marked
 * unchanged, so x264 codes each as a P_Skip of the picture before: the
 * decoded repeat is that picture, exactly. x264 still walks all 8,160
 * macroblocks of a 1080p frame to say so (about 2-3 ms of CPU a repeat,
 * and a third of the pictures of a narrated video are repeats).
 *
 * The slice of such a picture depends only on the picture's size, the
 * slice's quantiser and its entropy coder's settings, which stay the same
 * for a segment; only frame_num (a fixed-width field of the slice header)
 * tells one repeat from the next. So the first repeat x264 codes in a
 * segment becomes a template, and each later repeat is that slice again
 * with the next frame_num. x264 does not see those pictures: the frame_num
 * of every later slice it writes is moved on by the number of repeats
 * written since the last IDR picture (each repeat is a reference picture,
 * as x264's own would be, so frame_num counts them). With no B-frames, x264
 * uses pic_order_cnt_type 2 (the picture order derived from frame_num), so
 * no other field of the headers changes.
 *
 * Used only where the stream is as expected: the SPS says
 * pic_order_cnt_type 2 and frames only, the PPS no weighted prediction, and
 * the template is a single reference P slice (anything else: every repeat
 * goes to x264, as before). */
#include "encode_private.h"

#include <stdlib.h>
#include <string.h>

/* ---- bits of an RBSP --------------------------------------------------- */

typedef struct bits {
  const uint8_t *p;
  size_t n;     /* bytes */
  size_t pos;   /* bit position */
  int bad;      /* read past the end */
} bits;

static unsigned bit1(bits *b) {
  if (b->pos >= b->n * 8) { b->bad = 1; return 0; }
  unsigned v = (b->p[b->pos >> 3] >> (7 - (b->pos & 7))) & 1;
  b->pos++;
  return v;
}

static unsigned bitsn(bits *b, int n) {
  unsigned v = 0;
  while (n-- > 0) v = (v << 1) | bit1(b);
  return v;
}

static unsigned ue(bits *b) {
  int zeros = 0;
  while (!b->bad && bit1(b) == 0)
    if (++zeros > 31) { b->bad = 1; return 0; }
  return (unsigned)((1ull << zeros) - 1 + bitsn(b, zeros));
}

static void put_bits(uint8_t *p, size_t pos, int n, unsigned v) {
  for (int i = n - 1; i >= 0; i--, pos++) {
    uint8_t m = (uint8_t)(0x80 >> (pos & 7));
    if ((v >> i) & 1) p[pos >> 3] |= m;
    else p[pos >> 3] &= (uint8_t)~m;
  }
}

/* NAL payload (after the start code) -> RBSP: emulation prevention bytes
 * (00 00 03) removed. dst holds at least n bytes. */
static size_t unescape(const uint8_t *src, size_t n, uint8_t *dst) {
  size_t o = 0;
  int zeros = 0;
  for (size_t i = 0; i < n; i++) {
    if (zeros >= 2 && src[i] == 3) { zeros = 0; continue; }
    zeros = src[i] == 0 ? zeros + 1 : 0;
    dst[o++] = src[i];
  }
  return o;
}

/* RBSP -> NAL payload; dst holds at least n + n / 2 + 1 bytes. */
static size_t escape(const uint8_t *src, size_t n, uint8_t *dst) {
  size_t o = 0;
  int zeros = 0;
  for (size_t i = 0; i < n; i++) {
    if (zeros >= 2 && src[i] <= 3) { dst[o++] = 3; zeros = 0; }
    zeros = src[i] == 0 ? zeros + 1 : 0;
    dst[o++] = src[i];
  }
  if (o && dst[o - 1] == 0) dst[o++] = 3;
  return o;
}

/* The next NAL unit of an Annex B buffer at or after *at: its payload's
 * offset and length (start code excluded); 0 when there is none. */
static int next_nal(const uint8_t *p, size_t n, size_t *at, size_t *off, size_t *len) {
  size_t i = *at;
  while (i + 3 <= n && !(p[i] == 0 && p[i + 1] == 0 && p[i + 2] == 1)) i++;
  if (i + 3 > n) return 0;
  size_t s = i + 3, e = s;
  while (e + 3 <= n && !(p[e] == 0 && p[e + 1] == 0 && (p[e + 2] == 1 || (p[e + 2] == 0 && e + 3 < n && p[e + 3] == 1))))
    e++;
  if (e + 3 > n) e = n;
  *off = s;
  *len = e - s;
  *at = e;
  return 1;
}

static int grow(uint8_t **buf, size_t *cap, size_t need) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap : 4096;
  while (c < need) c *= 2;
  uint8_t *nb = realloc(*buf, c);
  if (!nb) return -1;
  *buf = nb;
  *cap = c;
  return 0;
}

/* ---- the API (encode_private.h) ----------------------------------------- */

/* The SPS: log2_max_frame_num when pic_order_cnt_type is 2 and the
 * stream is frames only; 0 otherwise. */
static int read_sps(const uint8_t *rb, size_t m) {
  bits b = {rb, m, 8, 0};
  unsigned profile = bitsn(&b, 8);
  bitsn(&b, 16);                                            /* constraints, level */
  ue(&b);                                                   /* seq_parameter_set_id */
  if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44 ||
      profile == 83 || profile == 86 || profile == 118 || profile == 128 || profile == 138 ||
      profile == 139 || profile == 134 || profile == 135) {
    if (ue(&b) == 3) bit1(&b);                              /* chroma_format_idc, separate planes */
    ue(&b);                                                 /* bit depths */
    ue(&b);
    bit1(&b);                                               /* qpprime_y_zero_transform_bypass */
    if (bit1(&b)) return 0;                                 /* scaling lists: not parsed */
  }
  unsigned fn_bits = ue(&b) + 4;
  unsigned poc_type = ue(&b);
  if (b.bad || fn_bits > 16 || poc_type != 2) return 0;
  ue(&b);                                                   /* max_num_ref_frames */
  bit1(&b);                                                 /* gaps_in_frame_num_allowed */
  ue(&b);                                                   /* width, height in MBs */
  ue(&b);
  if (b.bad || !bit1(&b)) return 0;                         /* frame_mbs_only */
  return (int)fn_bits;
}

/* The PPS: 1 when P slices carry no weights (a repeat's header then holds
 * no table that would differ from picture to picture) */
static int read_pps(const uint8_t *rb, size_t m) {
  bits b = {rb, m, 8, 0};
  ue(&b);                                                   /* pic_parameter_set_id */
  ue(&b);                                                   /* seq_parameter_set_id */
  bit1(&b);                                                 /* entropy_coding_mode */
  bit1(&b);                                                 /* bottom_field_pic_order_in_frame */
  if (ue(&b) != 0) return 0;                                /* slice groups */
  ue(&b);                                                   /* num_ref_idx defaults */
  ue(&b);
  unsigned weighted = bit1(&b);
  return !b.bad && !weighted;
}

void vge_repeat_init(vge_repeat *rp, const uint8_t *extradata, size_t n) {
  memset(rp, 0, sizeof *rp);
  size_t at = 0, off, len;
  int fn_bits = 0, pps_ok = 0;
  while (next_nal(extradata, n, &at, &off, &len)) {
    unsigned t = len ? extradata[off] & 0x1f : 0;
    if (len < 4 || (t != 7 && t != 8)) continue;
    uint8_t rb[256];
    size_t m = unescape(extradata + off, len < sizeof rb ? len : sizeof rb, rb);
    if (t == 7) fn_bits = read_sps(rb, m);
    else pps_ok = read_pps(rb, m);
  }
  if (fn_bits && pps_ok) {
    rp->fn_bits = fn_bits;
    rp->ok = 1;
  }
}

void vge_repeat_free(vge_repeat *rp) {
  free(rp->tmpl);
  free(rp->rbsp);
  free(rp->out);
  memset(rp, 0, sizeof *rp);
}

/* The slice header of an RBSP up to frame_num: its position, slice type
 * and frame_num; -1 when it cannot be read. */
static int slice_head(const uint8_t *rb, size_t n, int fn_bits, size_t *fn_pos, unsigned *type, unsigned *fn) {
  bits b = {rb, n, 8, 0};
  ue(&b);                   /* first_mb_in_slice */
  *type = ue(&b);
  ue(&b);                   /* pic_parameter_set_id */
  *fn_pos = b.pos;
  *fn = bitsn(&b, fn_bits);
  return b.bad ? -1 : 0;
}

int vge_repeat_fix(vge_repeat *rp, const uint8_t *pkt, size_t n, int learn, const uint8_t **out, size_t *outn) {
  *out = pkt;
  *outn = n;
  if (!rp->ok) return 0;
  size_t at = 0, off, len, o = 0;
  int nals = 0, changed = 0, learned = 0;
  unsigned last_type = 99, last_ref = 0;
  if (grow(&rp->out, &rp->out_cap, n + n / 2 + 16) != 0) return -1;
  while (next_nal(pkt, n, &at, &off, &len)) {
    if (len < 2) goto unknown;
    unsigned t = pkt[off] & 0x1f, ref = (pkt[off] >> 5) & 3;
    /* the start code as it was */
    size_t sc = off >= 4 && pkt[off - 4] == 0 ? 4 : 3;
    memcpy(rp->out + o, pkt + off - sc, sc);
    o += sc;
    nals++;
    last_type = t;
    last_ref = ref;
    if (t == 5) {           /* IDR: frame_num starts again at 0 */
      rp->inj = 0;
      rp->last_fn = 0;
    } else if (t == 1) {
      /* the whole slice when it is rewritten or kept; else its header */
      int whole = rp->inj || (learn && !rp->tmpl);
      if (grow(&rp->rbsp, &rp->rbsp_cap, len) != 0) return -1;
      size_t m = unescape(pkt + off, whole || len < 64 ? len : 64, rp->rbsp), fn_pos;
      unsigned type, fn;
      if (slice_head(rp->rbsp, m, rp->fn_bits, &fn_pos, &type, &fn) != 0) goto unknown;
      unsigned mask = (1u << rp->fn_bits) - 1;
      if (rp->inj) {
        fn = (fn + (unsigned)rp->inj) & mask;
        put_bits(rp->rbsp, fn_pos, rp->fn_bits, fn);
        o += escape(rp->rbsp, m, rp->out + o);
        changed = 1;
      } else {
        memcpy(rp->out + o, pkt + off, len);
        o += len;
      }
      if (ref) rp->last_fn = (int)fn;
      if (whole && learn && !rp->tmpl && ref && (type == 0 || type == 5)) {
        /* kept as an RBSP with its frame_num position */
        if (!(rp->tmpl = malloc(m))) return -1;
        memcpy(rp->tmpl, rp->rbsp, m);
        rp->tmpl_len = m;
        rp->tmpl_fn_pos = fn_pos;
        learned = 1;
      }
      continue;
    }
    memcpy(rp->out + o, pkt + off, len);
    o += len;
  }
  /* a template is one reference P slice and nothing else */
  if (learned && (nals != 1 || last_type != 1 || !last_ref)) {
    free(rp->tmpl);
    rp->tmpl = NULL;
  }
  if (changed) {
    *out = rp->out;
    *outn = o;
  }
  return 0;
unknown:
  /* not a stream this file can follow: once a repeat was written without
   * x264, its slices must be renumbered, so that is an error; before, the
   * segment goes on with x264 for every picture */
  if (rp->inj) return -1;
  rp->ok = 0;
  free(rp->tmpl);
  rp->tmpl = NULL;
  *out = pkt;
  *outn = n;
  return 0;
}

int vge_repeat_make(vge_repeat *rp, const uint8_t **out, size_t *outn) {
  if (!rp->ok || !rp->tmpl) return 0;
  size_t m = rp->tmpl_len;
  if (grow(&rp->rbsp, &rp->rbsp_cap, m) != 0 || grow(&rp->out, &rp->out_cap, 4 + m + m / 2 + 16) != 0) return -1;
  memcpy(rp->rbsp, rp->tmpl, m);
  unsigned fn = ((unsigned)rp->last_fn + 1) & ((1u << rp->fn_bits) - 1);
  put_bits(rp->rbsp, rp->tmpl_fn_pos, rp->fn_bits, fn);
  static const uint8_t sc[4] = {0, 0, 0, 1};
  memcpy(rp->out, sc, 4);
  size_t o = 4 + escape(rp->rbsp, m, rp->out + 4);
  rp->last_fn = (int)fn;
  rp->inj++;
  *out = rp->out;
  *outn = o;
  return 1;
}
