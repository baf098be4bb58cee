/* vg_utf8.h: keeps C messages valid UTF-8 when a fixed buffer cuts them.
 * Header only, for the engine and every stage. Text that people read is
 * shortened in Lua by grapheme clusters (lua/vg/text.lua); these guard the
 * C buffers that user text passes through (paths, titles in messages). */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Decodes the code point at s[i] of text already checked to be valid UTF-8
 * (a sequence cut by len is decoded as far as it goes); *n gets its length. */
static inline unsigned vg_utf8_decode(const char *s, size_t len, size_t i, size_t *n) {
  unsigned char c = (unsigned char)s[i];
  size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + k > len) k = len - i;
  unsigned cp = k == 1 ? c : k == 2 ? c & 0x1F : k == 3 ? c & 0x0F : c & 0x07;
  for (size_t q = 1; q < k; q++) cp = cp << 6 | ((unsigned char)s[i + q] & 0x3F);
  *n = k;
  return cp;
}

/* Drops an incomplete UTF-8 sequence at the end of s (what snprintf leaves
 * when it cuts inside a character). Returns the new length. */
static inline size_t vg_utf8_clip(char *s) {
  size_t n = strlen(s);
  size_t i = n, k = 0;
  while (i > 0 && k < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) { i--; k++; }
  if (i == 0) return n;
  unsigned char lead = (unsigned char)s[i - 1];
  size_t need = lead >= 0xF0 && lead <= 0xF4 ? 3 : lead >= 0xE0 && lead <= 0xEF ? 2
              : lead >= 0xC2 && lead <= 0xDF ? 1 : 0;
  if (need > k) { s[i - 1] = '\0'; return i - 1; }  /* a lead byte with too few continuations */
  return n;
}

/* vsnprintf that never leaves half a character when it truncates. */
static inline int vg_vsnprintf_utf8(char *buf, size_t n, const char *fmt, va_list ap) {
  int r = vsnprintf(buf, n, fmt, ap);
  if (n > 0 && r >= 0 && (size_t)r >= n) vg_utf8_clip(buf);
  return r;
}

static inline int vg_snprintf_utf8(char *buf, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static inline int vg_snprintf_utf8(char *buf, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vg_vsnprintf_utf8(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

/* The one "error into a caller's buffer" printf of every part: writes the
 * message (never half a character) when err is not NULL, and returns -1 so
 * that `return vg_errf(err, errlen, "%s: ...", path);` fails. */
static inline int vg_errf(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static inline int vg_errf(char *err, size_t n, const char *fmt, ...) {
  if (err && n) {
    va_list ap;
    va_start(ap, fmt);
    vg_vsnprintf_utf8(err, n, fmt, ap);
    va_end(ap);
  }
  return -1;
}
