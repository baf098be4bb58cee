/* http_chunked.c: the sizes a chunked request body announces, read from the
 * bytes as they arrive, before h2o decodes them. h2o 2.2 counts a chunked
 * body against max_request_entity_size only as its bytes come in, so a chunk
 * of "7fffffffffffffff" bytes holds the connection until the client stops
 * sending; the size line alone already says the body is too large. The
 * watch follows the connection's requests as h2o frames them (request line
 * and headers, then a Content-Length or chunked body, then the next request)
 * with a few integers of state, whatever the bytes are, and gives a verdict
 * only inside a chunk-size line: a request it misreads is left to h2o. */
#include "http_private.h"

#include <stdlib.h>
#include <string.h>

enum { W_HEAD, W_FIXED, W_SIZE, W_EXT, W_DATA, W_DATA_END, W_TRAILER };

/* the header names that frame a body, matched a byte at a time */
static const char TE[] = "transfer-encoding", CL[] = "content-length";
enum { NAME_TE = 1, NAME_CL = 2, NAME_NO = 0 };

void vgh_chunk_watch_init(vgh_chunk_watch *w, size_t head_max) {
  memset(w, 0, sizeof *w);
  w->state = W_HEAD;
  w->head_max = head_max;
}

/* the next request (its head's buffer was given back when the head ended) */
void vgh_chunk_watch_reset(vgh_chunk_watch *w) {
  size_t max = w->head_max;
  vgh_head_clear(w);
  memset(w, 0, sizeof *w);
  w->state = W_HEAD;
  w->head_max = max;
}

void vgh_chunk_watch_free(vgh_chunk_watch *w) {
  free(w->head);
  w->head = NULL;
  w->head_cap = w->head_len = 0;
}

static int hex(unsigned char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

/* add without wrapping: a size past any limit stays past it */
static uint64_t sat_add(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

/* The headers ended: the body that follows, as h2o reads it. */
static void head_done(vgh_chunk_watch *w) {
  w->head_ended = 1;
  w->left = 0;
  w->body = 0;
  if (w->chunked) w->state = W_SIZE;
  else if (w->length > 0) { w->state = W_FIXED; w->left = w->length; }
  else w->state = W_HEAD;
  w->chunked = 0;
  w->length = 0;
  w->size = 0;
  w->lines = 0;
}

/* One byte of the request line or a header line. */
static void head_byte(vgh_chunk_watch *w, unsigned char ch) {
  if (ch == '\n') {
    if (w->line_len == 0) {
      /* an empty line: the end of the headers, or the one a client may send
       * after a body before its next request line */
      if (w->lines > 0) head_done(w);
    } else {
      w->lines++;
    }
    w->line_len = 0;
    w->name = NAME_NO;
    w->name_at = 0;
    w->in_value = 0;
    return;
  }
  if (ch == '\r' && !w->in_value) return;
  if (w->line_len < UINT32_MAX) w->line_len++;
  if (w->lines == 0) return;  /* the request line */
  if (!w->in_value) {
    if (ch == ':') {
      size_t n = w->name == NAME_TE ? sizeof TE - 1 : w->name == NAME_CL ? sizeof CL - 1 : 0;
      w->in_value = 1;
      if (w->name_at != n) w->name = NAME_NO;
      if (w->name == NAME_TE) w->chunked = 1;  /* h2o takes "chunked" alone */
      return;
    }
    unsigned char lc = (unsigned char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    if (w->line_len == 1) w->name = lc == TE[0] ? NAME_TE : lc == CL[0] ? NAME_CL : NAME_NO;
    const char *want = w->name == NAME_TE ? TE : w->name == NAME_CL ? CL : NULL;
    if (!want || w->name_at >= strlen(want) || (unsigned char)want[w->name_at] != lc) w->name = NAME_NO;
    else w->name_at++;
    return;
  }
  if (w->name == NAME_CL && ch >= '0' && ch <= '9') {
    uint64_t d = (uint64_t)(ch - '0');
    w->length = w->length > (UINT64_MAX - d) / 10 ? UINT64_MAX : w->length * 10 + d;
  }
}

/* The chunk-size line ended: its chunk's data follows, or the trailers. */
static void size_line_done(vgh_chunk_watch *w) {
  if (w->size == 0) { w->state = W_TRAILER; w->line_len = 0; return; }
  w->body = sat_add(w->body, w->size);
  w->left = w->size;
  w->size = 0;
  w->state = W_DATA;
}

int vgh_chunk_watch_feed(vgh_chunk_watch *w, const char *buf, size_t len, uint64_t limit, size_t *at) {
  size_t head_from = 0;  /* where the head being read starts in buf */
  int status;
  for (size_t i = 0; i < len; i++) {
    unsigned char ch = (unsigned char)buf[i];
    switch (w->state) {
    case W_HEAD:
      if (w->head_len == 0) head_from = i;
      if ((status = vgh_head_append(w, ch)) != 0) { *at = head_from; return status; }
      w->head_ended = 0;
      head_byte(w, ch);
      if (w->head_ended) {
        /* the whole head, as h2o parses it once it has it */
        if ((status = vgh_head_verdict(w)) != 0) { *at = head_from; return status; }
        vgh_head_clear(w);
      }
      break;
    case W_FIXED:
      /* a Content-Length body: skipped whole */
      if (--w->left == 0) vgh_chunk_watch_reset(w);
      break;
    case W_SIZE: {
      int v = hex(ch);
      if (v < 0) {
        if (ch == '\n') size_line_done(w);
        else w->state = W_EXT;
        break;
      }
      w->size = w->size > (UINT64_MAX >> 4) ? UINT64_MAX : (w->size << 4) | (uint64_t)v;
      /* h2o refuses the body once its decoded bytes reach the limit */
      if (sat_add(w->body, w->size) >= limit) { *at = i; return 413; }
      break;
    }
    case W_EXT:
      /* a chunk extension (";name=value"), to the end of the line */
      if (ch == '\n') size_line_done(w);
      break;
    case W_DATA:
      if (--w->left == 0) w->state = W_DATA_END;
      break;
    case W_DATA_END:
      /* the CRLF after a chunk's data */
      if (ch == '\n') w->state = W_SIZE;
      break;
    case W_TRAILER:
      if (ch == '\r') break;
      if (ch != '\n') { w->line_len = 1; break; }
      if (w->line_len == 0) { vgh_chunk_watch_reset(w); break; }
      w->line_len = 0;
      break;
    }
  }
  /* a head not whole yet: h2o parses what came so far at every read */
  if (w->state == W_HEAD && (status = vgh_head_verdict(w)) != 0) { *at = head_from; return status; }
  return 0;
}
