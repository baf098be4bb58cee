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

int vge_read_wav(const char *path, int16_t **samples, size_t *n, int *rate, char *err,
                 size_t errlen) {
  *samples = NULL; *n = 0; *rate = 0;
  FILE *f = fopen(path, "rb");
  if (!f) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
  uint8_t hdr[12];
  int fmt_ok = 0, ch = 0, bits = 0, tag = 0, sr = 0;
  if (fread(hdr, 1, 12, f) != 12 || memcmp(hdr, "RIFF", 4) || memcmp(hdr + 8, "WAVE", 4)) {
    snprintf(err, errlen, "%s: not a RIFF/WAVE file", path); fclose(f); return -1;
  }
  for (;;) {
    uint8_t ck[8];
    if (fread(ck, 1, 8, f) != 8) { snprintf(err, errlen, "%s: no data chunk", path); break; }
    uint32_t size = le32(ck + 4);
    if (!memcmp(ck, "fmt ", 4)) {
      uint8_t fm[40] = {0};
      size_t want = size < sizeof fm ? size : sizeof fm;
      if (size < 16 || fread(fm, 1, want, f) != want) { snprintf(err, errlen, "%s: bad fmt chunk", path); break; }
      if (size > want) fseek(f, (long)(size - want), SEEK_CUR);
      if (size & 1) fseek(f, 1, SEEK_CUR);
      tag = le16(fm); ch = le16(fm + 2); sr = (int)le32(fm + 4); bits = le16(fm + 14);
      if (tag == 0xFFFE && size >= 26) tag = le16(fm + 24); /* WAVE_FORMAT_EXTENSIBLE */
      fmt_ok = 1;
    } else if (!memcmp(ck, "data", 4)) {
      if (!fmt_ok) { snprintf(err, errlen, "%s: data before fmt", path); break; }
      if (ch < 1 || sr < 1 || !((tag == 1 && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) ||
                                (tag == 3 && bits == 32))) {
        snprintf(err, errlen, "%s: unsupported WAV format (tag %d, %d bits)", path, tag, bits); break;
      }
      int bps = bits / 8;
      /* streaming writers leave 0 or 0xFFFFFFFF: read to the end of the file */
      uint8_t *raw = NULL; size_t got = 0, cap = 0;
      size_t limit = (size == 0 || size == 0xFFFFFFFFu) ? SIZE_MAX : size;
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
    } else {
      if (fseek(f, (long)size + (size & 1), SEEK_CUR) != 0) { snprintf(err, errlen, "%s: truncated", path); break; }
    }
  }
  fclose(f);
  return -1;
}

/* ---- images ----------------------------------------------------------------- */
