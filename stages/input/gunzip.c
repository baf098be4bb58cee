/* gunzip.c: a gzip-compressed document (Debian's NEWS.gz, changelog.gz and
 * every man page, ls.1.gz) read as the text it holds. The text is held to
 * the document size limit as it is inflated, so a small file that inflates
 * to gigabytes stops at the limit. */
#include "input_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

int vgi_gzipped(const char *s, size_t n) {
  return n >= 3 && (unsigned char)s[0] == 0x1f && (unsigned char)s[1] == 0x8b && s[2] == 8;
}

char *vgi_gunzip(const char *s, size_t n, size_t max, size_t *out_len, const char **why) {
  static _Thread_local char msg[96];
  z_stream z = {0};
  /* 16 + MAX_WBITS: gzip's header and trailer, checked */
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) { *why = "out of memory"; return NULL; }
  size_t cap = n * 4 + 1024, got = 0;
  char *out = malloc(cap + 1);
  if (!out) abort();
  z.next_in = (Bytef *)s;
  z.avail_in = (uInt)n;
  int rc = Z_OK;
  *why = NULL;
  for (;;) {
    if (got == cap) {
      if (cap > max) break;
      cap *= 2;
      char *p = realloc(out, cap + 1);
      if (!p) abort();
      out = p;
    }
    z.next_out = (Bytef *)out + got;
    z.avail_out = (uInt)(cap - got);
    rc = inflate(&z, Z_NO_FLUSH);
    got = cap - z.avail_out;
    if (rc == Z_STREAM_END) {
      /* another member follows (gzip a b > c): read it too */
      if (!z.avail_in) break;
      if (inflateReset(&z) != Z_OK) { *why = "damaged"; break; }
      continue;
    }
    if (rc == Z_BUF_ERROR && !z.avail_in) { *why = "cut short"; break; }
    if (rc != Z_OK && rc != Z_BUF_ERROR) { *why = "damaged"; break; }
  }
  inflateEnd(&z);
  if (!*why && got > max) {
    snprintf(msg, sizeof msg, "more than %zu bytes once uncompressed", max);
    *why = msg;
  }
  if (*why) { free(out); return NULL; }
  out[got] = 0;
  *out_len = got;
  return out;
}
