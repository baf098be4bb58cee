/* encodings.c: text that is not UTF-8, read as the UTF-8 it stands for.
 * Two kinds are common enough to meet in real documents: UTF-16 with its
 * byte order mark (what Windows calls "Unicode" text), and Windows-1252,
 * the superset of Latin-1 that old READMEs and most subtitles made on
 * Windows are written in. Anything else stays an error (util.c). */
#include "input_private.h"

#include <stdlib.h>
#include <string.h>

size_t vgi_put_utf8(char *o, unsigned c) {
  if (c < 0x80) { o[0] = (char)c; return 1; }
  if (c < 0x800) { o[0] = (char)(0xC0 | c >> 6); o[1] = (char)(0x80 | (c & 0x3F)); return 2; }
  if (c < 0x10000) {
    o[0] = (char)(0xE0 | c >> 12); o[1] = (char)(0x80 | ((c >> 6) & 0x3F)); o[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | c >> 18); o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((c >> 6) & 0x3F)); o[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

char *vgi_utf16_to_utf8(const char *buf, size_t n, size_t *out_len, const char **why) {
  const unsigned char *b = (const unsigned char *)buf;
  int be = b[0] == 0xFE;   /* FE FF: big-endian; FF FE: little-endian */
  if (n % 2) { *why = "an odd number of bytes"; return NULL; }
  char *o = malloc(n / 2 * 3 + 1);   /* a unit gives at most 3 bytes; a pair of units 4 */
  if (!o) abort();
  size_t k = 0;
  for (size_t i = 2; i < n; i += 2) {
    unsigned u = be ? (unsigned)(b[i] << 8 | b[i + 1]) : (unsigned)(b[i + 1] << 8 | b[i]);
    if (u >= 0xD800 && u < 0xDC00) {
      unsigned v = 0;
      if (i + 3 < n) v = be ? (unsigned)(b[i + 2] << 8 | b[i + 3]) : (unsigned)(b[i + 3] << 8 | b[i + 2]);
      if (v < 0xDC00 || v >= 0xE000) { *why = "a lone surrogate"; free(o); return NULL; }
      u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u < 0xE000) {
      *why = "a lone surrogate";
      free(o);
      return NULL;
    }
    if (u == 0) { *why = "a NUL character"; free(o); return NULL; }
    k += vgi_put_utf8(o + k, u);
  }
  o[k] = 0;
  *out_len = k;
  return o;
}

/* Windows-1252's 0x80-0x9F (0: no character there) */
static const unsigned short CP1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

int vgi_utf8_multibyte(const char *s, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0xC2 || c > 0xF4) continue;
    size_t need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3, j = 1;
    while (j <= need && i + j < n && ((unsigned char)s[i + j] & 0xC0) == 0x80) j++;
    if (j == need + 1) return 1;
  }
  return 0;
}

char *vgi_cp1252_to_utf8(const char *buf, size_t n, size_t *out_len) {
  char *o = malloc(n * 3 + 1);
  if (!o) abort();
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)buf[i];
    unsigned u = c;
    if (c >= 0x80 && c < 0xA0 && !(u = CP1252[c - 0x80])) { free(o); return NULL; }
    k += vgi_put_utf8(o + k, u);
  }
  o[k] = 0;
  *out_len = k;
  return o;
}
