/* wav.c: the PCM WAV reader (the speech stage's clips). Plain C, no
 * library: the narration track's key reads the clips before anything is
 * encoded (audio_key.c). */
#include "encode_private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "vg.h"

/* ---- WAV ------------------------------------------------------------------ */

static uint32_t le32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

/* Reads the header up to the data chunk: f is left at its first byte. 0, or
 * -1 (message in err). *size: the chunk's size, SIZE_MAX when the writer
 * left it open (0 or 0xFFFFFFFF: the samples run to the end of the file). */
static int read_header(FILE *f, const char *path, int *tag_out, int *ch_out, int *bits_out, int *sr_out,
                       size_t *size_out, char *err, size_t errlen) {
  uint8_t hdr[12];
  int fmt_ok = 0, ch = 0, bits = 0, tag = 0, sr = 0;
  if (fread(hdr, 1, 12, f) != 12 || memcmp(hdr, "RIFF", 4) || memcmp(hdr + 8, "WAVE", 4)) {
    snprintf(err, errlen, "%s: not a RIFF/WAVE file", path);
    return -1;
  }
  for (;;) {
    uint8_t ck[8];
    if (fread(ck, 1, 8, f) != 8) { snprintf(err, errlen, "%s: no data chunk", path); return -1; }
    uint32_t size = le32(ck + 4);
    if (!memcmp(ck, "fmt ", 4)) {
      uint8_t fm[40] = {0};
      size_t want = size < sizeof fm ? size : sizeof fm;
      if (size < 16 || fread(fm, 1, want, f) != want) { snprintf(err, errlen, "%s: bad fmt chunk", path); return -1; }
      if (size > want) fseek(f, (long)(size - want), SEEK_CUR);
      if (size & 1) fseek(f, 1, SEEK_CUR);
      tag = le16(fm); ch = le16(fm + 2); sr = (int)le32(fm + 4); bits = le16(fm + 14);
      if (tag == 0xFFFE && size >= 26) tag = le16(fm + 24); /* WAVE_FORMAT_EXTENSIBLE */
      fmt_ok = 1;
    } else if (!memcmp(ck, "data", 4)) {
      if (!fmt_ok) { snprintf(err, errlen, "%s: data before fmt", path); return -1; }
      if (ch < 1 || sr < 1 || !((tag == 1 && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) ||
                                (tag == 3 && bits == 32))) {
        snprintf(err, errlen, "%s: unsupported WAV format (tag %d, %d bits)", path, tag, bits);
        return -1;
      }
      *tag_out = tag; *ch_out = ch; *bits_out = bits; *sr_out = sr;
      /* streaming writers leave 0 or 0xFFFFFFFF: read to the end of the file */
      *size_out = (size == 0 || size == 0xFFFFFFFFu) ? SIZE_MAX : size;
      return 0;
    } else {
      if (fseek(f, (long)size + (size & 1), SEEK_CUR) != 0) { snprintf(err, errlen, "%s: truncated", path); return -1; }
    }
  }
}

int vge_read_wav(const char *path, int16_t **samples, size_t *n, int *rate, char *err,
                 size_t errlen) {
  *samples = NULL; *n = 0; *rate = 0;
  FILE *f = fopen(path, "rb");
  if (!f) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
  int ch = 0, bits = 0, tag = 0, sr = 0;
  size_t limit = 0;
  if (read_header(f, path, &tag, &ch, &bits, &sr, &limit, err, errlen) != 0) { fclose(f); return -1; }
  int bps = bits / 8;
  uint8_t *raw = NULL; size_t got = 0, cap = 0;
  while (got < limit) {
    if (cap - got < 65536) {
      cap = cap ? cap * 2 : 1 << 20;
      uint8_t *nr = realloc(raw, cap);
      if (!nr) { free(raw); snprintf(err, errlen, "out of memory"); fclose(f); return -1; }
      raw = nr;
    }
    size_t want = cap - got;
    if (want > limit - got) want = limit - got;
    size_t k = fread(raw + got, 1, want, f);
    got += k;
    if (k == 0) break;
  }
  size_t frames = got / (size_t)(bps * ch);
  int16_t *out = malloc((frames ? frames : 1) * sizeof *out);
  if (!out) { free(raw); snprintf(err, errlen, "out of memory"); fclose(f); return -1; }
  for (size_t i = 0; i < frames; i++) {
    double acc = 0;
    for (int c = 0; c < ch; c++) {
      const uint8_t *p = raw + (i * (size_t)ch + (size_t)c) * (size_t)bps;
      double v;
      if (tag == 3) { float fl; memcpy(&fl, p, 4); v = fl; }
      else if (bits == 8) v = (p[0] - 128) / 128.0;
      else if (bits == 16) v = (int16_t)le16(p) / 32768.0;
      else if (bits == 24) v = (int32_t)((uint32_t)p[0] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 24) / 2147483648.0;
      else v = (int32_t)le32(p) / 2147483648.0;
      acc += v;
    }
    acc = acc / ch * 32768.0;
    out[i] = (int16_t)(acc > 32767 ? 32767 : acc < -32768 ? -32768 : acc);
  }
  free(raw); fclose(f);
  *samples = out; *n = frames; *rate = sr;
  return 0;
}

int vge_wav_info(const char *path, size_t *n, int *rate, char *err, size_t errlen) {
  *n = 0; *rate = 0;
  FILE *f = fopen(path, "rb");
  if (!f) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
  int ch = 0, bits = 0, tag = 0, sr = 0;
  size_t limit = 0;
  if (read_header(f, path, &tag, &ch, &bits, &sr, &limit, err, errlen) != 0) { fclose(f); return -1; }
  /* the frames vge_read_wav would read: the chunk, or what the file holds of it */
  long at = ftell(f);
  size_t avail = 0;
  if (at >= 0 && fseek(f, 0, SEEK_END) == 0) {
    long end = ftell(f);
    if (end > at) avail = (size_t)(end - at);
  }
  fclose(f);
  if (limit > avail) limit = avail;
  *n = limit / (size_t)(bits / 8 * ch);
  *rate = sr;
  return 0;
}

/* ---- images ----------------------------------------------------------------- */
