/* png_check.c: whether a PNG file the document names is whole. The renderer
 * finds a damaged picture only when it draws it (a placeholder instead);
 * `vgrun check`, `vgrun scenes` and a contact sheet draw nothing, so the
 * input stage walks the file's chunks here: each must fit in the file and
 * match its CRC, the image must end with IEND, and its compressed data
 * (IDAT) must inflate to its end. A cut-off download, a file damaged on
 * disk or a writer's broken data fails this; no pixel is unfiltered. */
#include "input_private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* A chunk's CRC, by zlib's crc32 (the CRC-32 PNG uses). */
static uint32_t crc32_of(const unsigned char *p, size_t n) {
  uLong c = crc32(0L, Z_NULL, 0);
  while (n) {
    uInt k = n > 1u << 30 ? 1u << 30 : (uInt)n;
    c = crc32(c, p, k);
    p += k;
    n -= k;
  }
  return (uint32_t)c;
}

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The IDAT chunks' data, one zlib stream across them, read through; its
 * output thrown away, and never more than the header's size allows (8
 * bytes a pixel and filter bytes: a stream that says more is
 * broken, and a small file cannot make this run long). */
typedef struct {
  z_stream z;
  int open, ended, broken;
  unsigned long long out, most;
} idat_reader;

static void idat_feed(idat_reader *r, const unsigned char *p, size_t n) {
  if (r->broken || r->ended) { r->broken |= r->ended && n; return; }   /* data after its end */
  if (!r->open) {
    if (inflateInit(&r->z) != Z_OK) { r->broken = 1; return; }
    r->open = 1;
  }
  unsigned char scratch[16384];
  r->z.next_in = (unsigned char *)p;
  r->z.avail_in = (uInt)n;
  while (r->z.avail_in && !r->broken && !r->ended) {
    r->z.next_out = scratch;
    r->z.avail_out = sizeof scratch;
    int rc = inflate(&r->z, Z_NO_FLUSH);
    r->out += sizeof scratch - r->z.avail_out;
    if (rc == Z_STREAM_END) r->ended = 1;
    else if (rc != Z_OK || r->out > r->most) r->broken = 1;
  }
}

/* 1 when the chunks of buf (a PNG's bytes, signature included) are broken. */
static int chunks_damaged(const unsigned char *buf, size_t n) {
  if (n < 33) return 1;   /* the signature and IHDR, whole */
  unsigned long long w = be32(buf + 16), h = be32(buf + 20);
  idat_reader r = { .most = h * (w * 8 + 3) + 64 };   /* interlaced: a filter byte a row of each pass */
  size_t at = 8;
  int idat = 0, damaged = 1;   /* no IEND: the file ends early */
  while (at + 12 <= n) {
    uint32_t len = be32(buf + at);
    if (len > n - at - 12) break;   /* cut off inside this chunk */
    const unsigned char *type = buf + at + 4;
    if (crc32_of(type, (size_t)len + 4) != be32(buf + at + 8 + len)) break;
    if (!memcmp(type, "IDAT", 4)) {
      idat = 1;
      idat_feed(&r, buf + at + 8, len);
      if (r.broken) break;
    }
    if (!memcmp(type, "IEND", 4)) { damaged = !idat || !r.ended; break; }
    at += (size_t)len + 12;
  }
  if (r.open) inflateEnd(&r.z);
  return damaged;
}

int vgi_png_damaged(const char *path, long max_bytes) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return 0;   /* the renderer will say why it cannot be read */
  struct stat st;
  int damaged = 0;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= max_bytes) {
    size_t n = (size_t)st.st_size, got = 0;
    unsigned char *buf = malloc(n ? n : 1);
    while (buf && got < n) {
      ssize_t r = read(fd, buf + got, n - got);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      got += (size_t)r;
    }
    if (buf) damaged = got < 8 || chunks_damaged(buf, got);
    free(buf);
  }
  close(fd);
  return damaged;
}
