/* shown_name.c: a file name as a message may print it. Names come from
 * folders and lists someone else made; a name holding ESC ] 0 ; ... BEL or
 * ESC [ 2 J would retitle or clear the terminal that shows the message. */
#include "core_private.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t vg_control_char_at(const char *str, int *bidi) {
  const unsigned char *s = (const unsigned char *)str;
  if (s[0] < 0x20 || s[0] == 0x7F) return s[0] ? 1 : 0;
  if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F) return 2;
  if (s[0] == 0xE2 && ((s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE) ||
                       (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9))) {
    if (bidi) *bidi = 1;
    return 3;
  }
  return 0;
}

/* Bytes of the character at s that a terminal acts on or that reorder what
 * follows: C0, DEL, C1 and the bidi controls (vg_control_char_at), and bytes
 * that are not UTF-8 (a lone 0x9B is CSI to an 8-bit terminal). 0 when none. */
static size_t unsafe_at(const unsigned char *s, size_t left) {
  size_t k = vg_control_char_at((const char *)s, NULL);
  if (k) return k;
  if (s[0] < 0x80) return 0;
  return vg_utf8_invalid_at((const char *)s, left < 4 ? left : 4) == 0 ? 1 : 0;
}

/* text: a message's lines, whose line breaks, tabs and backslashes stay;
 * else a name, where they are \x0a, \x09 and \\ (so "a\x1b" read back is a
 * name with a backslash, never one with ESC). */
static char *shown(const char *name, size_t n, int text) {
  if (!name) return NULL;
  char *out = malloc(4 * n + 1);   /* each byte is at most \xNN */
  if (!out) return NULL;
  const unsigned char *s = (const unsigned char *)name;
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] == '\\' && !text) { out[o++] = '\\'; out[o++] = '\\'; i++; continue; }
    /* a NUL inside a Lua string is shown too, not the end of the message */
    size_t k = (text && (s[i] == '\n' || s[i] == '\t')) ? 0 : s[i] == 0 ? 1 : unsafe_at(s + i, n - i);
    if (k == 0) {
      /* a safe character: copied whole (its continuation bytes too) */
      do { out[o++] = (char)s[i++]; } while (i < n && (s[i] & 0xC0) == 0x80 && s[i - 1] >= 0x80);
      continue;
    }
    for (size_t q = 0; q < k; q++) o += (size_t)snprintf(out + o, 5, "\\x%02x", s[i + q]);
    i += k;
  }
  out[o] = '\0';
  return out;
}

char *vg_shown_name(const char *name) { return name ? shown(name, strlen(name), 0) : NULL; }

char *vg_shown_text(const char *text) { return text ? shown(text, strlen(text), 1) : NULL; }

char *vg_shown_name_len(const char *name, size_t n) { return shown(name, n, 0); }

char *vg_shown_text_len(const char *text, size_t n) { return shown(text, n, 1); }

void vg_print_shown(const char *fmt, ...) {
  va_list ap, again;
  va_start(ap, fmt);
  va_copy(again, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *raw = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (raw) vsnprintf(raw, (size_t)n + 1, fmt, again);
  va_end(again);
  char *text = raw ? shown(raw, strlen(raw), 1) : NULL;
  free(raw);
  if (!text) return;
  fprintf(stderr, "%s\n", text);
  free(text);
}
