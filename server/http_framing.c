/* http_framing.c: a request's header block read again as the client sent
 * it, for what h2o 2.2 folds away before a handler sees the request: it
 * keeps the first Content-Length and the last Host out of the header list,
 * so two of them cannot be told apart from h2o_req_t. Two framing headers
 * that disagree are how a request is smuggled past a proxy that reads the
 * other one (RFC 9112 §6.3, §3.2), so they are refused, not chosen from. */
#include "http_private.h"

#include <stdio.h>
#include <string.h>

/* Fields of which a request has one (RFC 9110 §5.3: a list is sent as one
 * line unless the field is a list). A second line of any of them, equal or
 * not, is refused: no client we serve sends one, and a proxy may have read
 * the other. */
static const struct { const char *lower, *shown; } SINGLE[] = {
  { "content-length", "Content-Length" },
  { "transfer-encoding", "Transfer-Encoding" },
  { "host", "Host" },
  { "content-type", "Content-Type" },
  { "origin", "Origin" },
  { "sec-fetch-site", "Sec-Fetch-Site" },
};
enum { N_SINGLE = sizeof SINGLE / sizeof SINGLE[0] };

/* One header line of the block: its name, and its value without the
 * whitespace around it. */
typedef struct { const char *name; size_t name_len; const char *value; size_t value_len; int folded; } line;

static int is_ows(char ch) { return ch == ' ' || ch == '\t'; }

/* The line at buf[*at..len) (h2o already parsed the block, so its syntax is
 * sound: "name: value" lines ending in "\n" or "\r\n", then an empty one).
 * 1 and the line; 0 at the empty line or the end. */
static int next_line(const char *buf, size_t len, size_t *at, line *out) {
  size_t i = *at;
  const char *nl = memchr(buf + i, '\n', len - i);
  if (!nl) return 0;
  size_t end = (size_t)(nl - buf), next = end + 1;
  if (end > i && buf[end - 1] == '\r') end--;
  if (end == i) return 0;
  *at = next;
  memset(out, 0, sizeof *out);
  if (is_ows(buf[i])) { out->folded = 1; return 1; }
  const char *colon = memchr(buf + i, ':', end - i);
  size_t name_end = colon ? (size_t)(colon - buf) : end;
  size_t v = colon ? name_end + 1 : end, ve = end;
  while (v < ve && is_ows(buf[v])) v++;
  while (ve > v && is_ows(buf[ve - 1])) ve--;
  out->name = buf + i; out->name_len = name_end - i;
  out->value = buf + v; out->value_len = ve - v;
  return 1;
}

static int name_is(const line *h, const char *lower) {
  size_t n = strlen(lower);
  return h->name_len == n && h2o_lcstris(h->name, n, lower, n);
}

int vgh_framing_check(const char *buf, size_t len, char *why, size_t whylen) {
  /* past the request line */
  const char *nl = memchr(buf, '\n', len);
  if (!nl) {
    snprintf(why, whylen, "the request's headers cannot be read");
    return 400;
  }
  size_t at = (size_t)(nl - buf) + 1;
  int seen[N_SINGLE] = { 0 };
  int encoded = 0;
  line h;
  while (next_line(buf, len, &at, &h)) {
    /* a line that continues the one before it (obs-fold): h2o takes the
     * first line's value alone, a proxy may join them */
    if (h.folded) {
      snprintf(why, whylen, "a header folded over two lines");
      return 400;
    }
    for (size_t k = 0; k < N_SINGLE; k++) {
      if (!name_is(&h, SINGLE[k].lower)) continue;
      if (++seen[k] > 1) {
        snprintf(why, whylen, "two %s headers", SINGLE[k].shown);
        return 400;
      }
    }
    if (name_is(&h, "content-encoding") && !h2o_lcstris(h.value, h.value_len, H2O_STRLIT("identity")))
      encoded = 1;
  }
  /* h2o names a request without Host "default"; HTTP/1.1 requires the
   * field (RFC 9112 §3.2), and the doors judge the name */
  if (!seen[2]) {
    snprintf(why, whylen, "a Host header is required");
    return 400;
  }
  if (seen[0] && seen[1]) {
    snprintf(why, whylen, "both Content-Length and Transfer-Encoding");
    return 400;
  }
  if (encoded) {
    snprintf(why, whylen, "a request body must not be compressed (Content-Encoding other than identity)");
    return 415;
  }
  return 0;
}
