/* http_head.c: a request's line and headers, judged before h2o reads them.
 * h2o 2.2 answers a request line or header it cannot parse (and more than
 * 100 headers, or a head past ~400 KiB) with a constant "400 Bad Request"
 * in text/plain that it writes on the socket itself: no handler, filter or
 * callback sees it. Every other error of the API is JSON. So the bytes of
 * each head are kept as they arrive (the chunk watch knows where a head
 * starts and ends, http_chunked.c) and given to h2o's own parser
 * (picohttpparser, exported by libh2o) exactly as h2o will give them: the
 * same bytes, the same `last_len`. When it says -1, the head is refused
 * with a JSON answer before h2o sees the byte that broke it. */
#include "http_private.h"

#include <stdlib.h>
#include <string.h>

/* picohttpparser.h is not installed with libh2o; its two declarations */
struct phr_header {
  const char *name;
  size_t name_len;
  const char *value;
  size_t value_len;
};
int phr_parse_request(const char *buf, size_t len, const char **method, size_t *method_len, const char **path,
                      size_t *path_len, int *minor_version, struct phr_header *headers, size_t *num_headers,
                      size_t last_len);

/* A head is judged, its bytes are no longer needed: the buffer goes back.
 * A connection that waits (keep-alive, or a client that opened it and
 * sends nothing) holds none, however large its last head was; one that is
 * sending a head holds what came of it so far (it grows on demand, from
 * HEAD_START bytes up to head_max). */
#define HEAD_START 512

void vgh_head_clear(vgh_chunk_watch *w) {
  free(w->head);
  w->head = NULL;
  w->head_cap = 0;
  w->head_len = 0;
  w->head_seen = 0;
}

int vgh_head_append(vgh_chunk_watch *w, unsigned char ch) {
  if (w->head_len >= w->head_max) return 431;
  if (w->head_len == w->head_cap) {
    size_t cap = w->head_cap ? w->head_cap * 2 : HEAD_START;
    if (cap > w->head_max) cap = w->head_max;
    char *p = realloc(w->head, cap);
    if (!p) return 431;  /* no memory for it: refused as too large */
    w->head = p;
    w->head_cap = cap;
  }
  w->head[w->head_len++] = (char)ch;
  return 0;
}

static int crlf_only(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != '\r' && p[i] != '\n') return 0;
  return 1;
}

static int parse(const vgh_chunk_watch *w, struct phr_header *hs, size_t n, size_t last_len) {
  const char *method, *path;
  size_t mlen, plen;
  int minor;
  return phr_parse_request(w->head, w->head_len, &method, &mlen, &path, &plen, &minor, hs, &n, last_len);
}

int vgh_head_verdict(vgh_chunk_watch *w) {
  if (w->head_len == 0) return 0;
  struct phr_header hs[H2O_MAX_HEADERS];
  int r = parse(w, hs, H2O_MAX_HEADERS, w->head_seen);
  w->head_seen = w->head_len;
  if (r != -1) return 0;
  /* a few empty lines alone: h2o closes the connection without an answer */
  if (w->head_len <= 4 && crlf_only(w->head, w->head_len)) return 0;
  /* more headers than h2o takes (a header a line): parsed again with room
   * for every line, to tell "too many" from "malformed" */
  size_t lines = 1;
  for (size_t i = 0; i < w->head_len; i++) lines += w->head[i] == '\n';
  if (lines <= H2O_MAX_HEADERS) return 400;
  struct phr_header *all = malloc(lines * sizeof *all);
  int more = all ? parse(w, all, lines, 0) : -1;
  free(all);
  return more != -1 ? 431 : 400;
}
