/* http.c: vgh_ on libh2o. h2o parses HTTP/1.x, bounds the request body
 * (413) and bounds reading a request (http1.req_timeout); this file adds
 * the header limit, the framing check (http_framing.c), the header
 * deadline, the connection limits, file responses with ETag and Range,
 * streamed responses with a bounded queue, and learning when a request is
 * gone. Loop thread only. */
#include "http_private.h"
#include "vg.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILE_CHUNK (64 * 1024)

struct handler { h2o_handler_t super; vgh_server *s; };
typedef struct vgh_conn conn;

static const char *reason(int status) {
  switch (status) {
  case 200: return "OK"; case 201: return "Created"; case 202: return "Accepted";
  case 204: return "No Content"; case 206: return "Partial Content";
  case 302: return "Found"; case 303: return "See Other"; case 304: return "Not Modified";
  case 400: return "Bad Request"; case 401: return "Unauthorized"; case 403: return "Forbidden";
  case 404: return "Not Found"; case 405: return "Method Not Allowed"; case 409: return "Conflict";
  case 413: return "Payload Too Large"; case 415: return "Unsupported Media Type";
  case 416: return "Range Not Satisfiable"; case 421: return "Misdirected Request";
  case 422: return "Unprocessable Content"; case 429: return "Too Many Requests";
  case 431: return "Request Header Fields Too Large";
  case 500: return "Internal Server Error"; case 503: return "Service Unavailable";
  default: return status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
  }
}

/* ---- request lifetime ------------------------------------------------------ */

static void req_unref(vgh_req *r) {
  if (--r->refs > 0) return;
  if (r->fd >= 0) close(r->fd);
  free(r->q); free(r->sending); free(r->fbuf);
  free(r);
}

static void unlink_live(vgh_req *r) {
  vgh_server *s = r->s;
  if (r->prev) r->prev->next = r->next; else if (s->live == r) s->live = r->next;
  if (r->next) r->next->prev = r->prev;
  r->prev = r->next = NULL;
}

/* The request's memory pool is being cleared: h2o is done with it (sent, or
 * the client went away). Runs once per request. */
static void on_pool_dispose(void *p) {
  vgh_req *r = *(vgh_req **)p;
  vgh_server *s = r->s;
  r->req = NULL;
  unlink_live(r);
  if (r->fd >= 0) { close(r->fd); r->fd = -1; }
  int unanswered = r->state == VGH_NEW || (r->state == VGH_STREAMING && !r->ending);
  if (unanswered && !r->gone_told && s->on_gone) {
    r->gone_told = 1;
    s->on_gone(r, s->ud);
  }
  r->gone_told = 1;
  req_unref(r);
}

void vgh_req_release(vgh_req *r) { if (r) req_unref(r); }
uint64_t vgh_req_id(const vgh_req *r) { return r->id; }
int vgh_req_gone(const vgh_req *r) { return r->req == NULL; }
void *vgh_req_data(const vgh_req *r) { return r->data; }
void vgh_req_set_data(vgh_req *r, void *data) { r->data = data; }

int vgh_req_info(vgh_req *r, vgh_info *out) {
  h2o_req_t *q = r->req;
  if (!q) return -1;
  memset(out, 0, sizeof *out);
  out->method = q->method.base; out->method_len = q->method.len;
  out->target = q->path.base; out->target_len = q->path.len;
  out->authority = q->authority.base; out->authority_len = q->authority.len;
  if (q->entity.base) { out->body = q->entity.base; out->body_len = q->entity.len; }
  out->n_headers = q->headers.size;
  struct sockaddr_storage ss;
  socklen_t len = q->conn->callbacks->get_peername ? q->conn->callbacks->get_peername(q->conn, (struct sockaddr *)&ss) : 0;
  if (len > 0 && ss.ss_family == AF_INET) uv_ip4_name((struct sockaddr_in *)&ss, out->remote, sizeof out->remote);
  else if (len > 0 && ss.ss_family == AF_INET6) uv_ip6_name((struct sockaddr_in6 *)&ss, out->remote, sizeof out->remote);
  return 0;
}

int vgh_req_header(vgh_req *r, size_t i, vgh_header *out) {
  if (!r->req || i >= r->req->headers.size) return -1;
  h2o_header_t *h = &r->req->headers.entries[i];
  out->name = h->name->base; out->name_len = h->name->len;
  out->value = h->value.base; out->value_len = h->value.len;
  return 0;
}

/* ---- responses ----------------------------------------------------------------- */

static void add_headers(h2o_req_t *q, const vgh_header *h, size_t n) {
  for (size_t i = 0; i < n; i++) {
    h2o_iovec_t name = h2o_strdup(&q->pool, h[i].name, h[i].name_len);
    for (size_t k = 0; k < name.len; k++) name.base[k] = (char)h2o_tolower(name.base[k]);
    h2o_iovec_t value = h2o_strdup(&q->pool, h[i].value, h[i].value_len);
    h2o_add_header_by_str(&q->pool, &q->res.headers, name.base, name.len, 1, NULL, value.base, value.len);
  }
}

static void add_header_str(h2o_req_t *q, const char *name, const char *value) {
  vgh_header h = { name, strlen(name), value, strlen(value) };
  add_headers(q, &h, 1);
}

static int is_head(h2o_req_t *q) { return h2o_memis(q->method.base, q->method.len, H2O_STRLIT("HEAD")); }

int vgh_respond(vgh_req *r, int status, const vgh_header *headers, size_t n_headers,
                const char *body, size_t len) {
  static h2o_generator_t plain = { NULL, NULL };
  h2o_req_t *q = r->req;
  if (!q || r->state != VGH_NEW) return -1;
  r->state = VGH_ANSWERED;
  q->res.status = status;
  q->res.reason = reason(status);
  add_headers(q, headers, n_headers);
  q->res.content_length = len;
  h2o_iovec_t b = h2o_strdup(&q->pool, body ? body : "", body ? len : 0);
  h2o_start_response(q, &plain);
  if (is_head(q) || status == 204 || status == 304) b.len = 0;
  h2o_send(q, &b, b.len ? 1 : 0, H2O_SEND_STATE_FINAL);
  return 0;
}

/* -- files -- */

static void file_proceed(h2o_generator_t *g, h2o_req_t *q) {
  vgh_req *r = H2O_STRUCT_FROM_MEMBER(vgh_req, gen, g);
  size_t want = (size_t)(r->end - r->off);
  if (want > FILE_CHUNK) want = FILE_CHUNK;
  ssize_t got;
  do got = pread(r->fd, r->fbuf, want, r->off); while (got < 0 && errno == EINTR);
  if (got <= 0) {  /* the file shrank or broke under us: end the connection */
    h2o_send(q, NULL, 0, H2O_SEND_STATE_ERROR);
    return;
  }
  r->off += got;
  int final = r->off >= r->end;
  h2o_iovec_t b = h2o_iovec_init(r->fbuf, (size_t)got);
  h2o_send(q, &b, 1, final ? H2O_SEND_STATE_FINAL : H2O_SEND_STATE_IN_PROGRESS);
}

static void file_stop(h2o_generator_t *g, h2o_req_t *q) {
  (void)q;
  vgh_req *r = H2O_STRUCT_FROM_MEMBER(vgh_req, gen, g);
  if (r->fd >= 0) { close(r->fd); r->fd = -1; }
}

static int header_value(h2o_req_t *q, const h2o_token_t *t, h2o_iovec_t *out) {
  ssize_t i = h2o_find_header(&q->headers, t, -1);
  if (i < 0) return 0;
  *out = q->headers.entries[i].value;
  return 1;
}

/* Digits at s[*i..n) as a number that stops growing at UINT64_MAX instead
 * of wrapping: any number past the end of a file is past it, however many
 * digits it has. 0 when there is no digit. */
static int range_number(const char *s, size_t n, size_t *i, uint64_t *out) {
  size_t start = *i;
  uint64_t v = 0;
  for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
    unsigned d = (unsigned)(s[*i] - '0');
    v = v > (UINT64_MAX - d) / 10 ? UINT64_MAX : v * 10 + d;
  }
  *out = v;
  return *i > start;
}

static int is_ows(char c) { return c == ' ' || c == '\t'; }

/* "bytes=A-B", "bytes=A-", "bytes=-N" over a file of `size` bytes, as RFC
 * 9110 §14 reads them: the unit in any case, whitespace and empty items
 * around the one range, a last-pos or suffix past the end clamped.
 * 1: [*from, *to) set; 0: ignore the header (several ranges, other units,
 * malformed: the whole file is a valid answer); -1: not satisfiable (a
 * first-pos at or past the end, a suffix of 0 bytes). */
static int parse_range(h2o_iovec_t v, off_t size, off_t *from, off_t *to) {
  const char *s = v.base;
  size_t n = v.len, i = 6;
  if (n < 6 || !h2o_lcstris(s, 6, H2O_STRLIT("bytes="))) return 0;
  int items = 0, has_first = 0, has_last = 0;
  uint64_t first = 0, last = 0;
  while (i < n) {
    while (i < n && is_ows(s[i])) i++;
    if (i == n) break;
    if (s[i] == ',') { i++; continue; }  /* an empty list item */
    if (++items > 1) return 0;
    has_first = range_number(s, n, &i, &first);
    if (i == n || s[i] != '-') return 0;
    i++;
    has_last = range_number(s, n, &i, &last);
    if (!has_first && !has_last) return 0;
    while (i < n && is_ows(s[i])) i++;
    if (i < n && s[i] != ',') return 0;
  }
  if (items == 0) return 0;
  uint64_t len = (uint64_t)size;
  if (!has_first) {
    if (last == 0) return -1;
    if (len == 0) return 0;  /* an empty file has no last bytes to send */
    *from = last >= len ? 0 : (off_t)(len - last);
    *to = size;
    return 1;
  }
  if (has_last && last < first) return 0;
  if (first >= len) return -1;
  if (!has_last || last >= len) last = len - 1;
  *from = (off_t)first;
  *to = (off_t)last + 1;
  return 1;
}

int vgh_respond_file(vgh_req *r, const char *path, const char *content_type,
                     const vgh_header *headers, size_t n_headers) {
  h2o_req_t *q = r->req;
  if (!q || r->state != VGH_NEW) return -1;
  const char *why = NULL;
  int fd = vg_open_regular(path, VG_OPEN_NOFOLLOW, &why);
  if (fd < 0) return errno ? errno : ENOENT;
  struct stat st;
  if (fstat(fd, &st) != 0) { int e = errno; close(fd); return e; }
  r->fbuf = malloc(FILE_CHUNK);
  if (!r->fbuf) { close(fd); return ENOMEM; }
  r->state = VGH_FILE;
  char etag[80];
  snprintf(etag, sizeof etag, "\"%" PRIx64 "-%" PRIx64 "-%" PRIx64 "\"", (uint64_t)st.st_mtim.tv_sec,
           (uint64_t)st.st_mtim.tv_nsec, (uint64_t)st.st_size);
  q->res.reason = NULL;
  add_header_str(q, "etag", etag);
  add_header_str(q, "accept-ranges", "bytes");
  if (content_type) add_header_str(q, "content-type", content_type);
  add_headers(q, headers, n_headers);

  static h2o_generator_t plain = { NULL, NULL };
  h2o_iovec_t v;
  if (header_value(q, H2O_TOKEN_IF_NONE_MATCH, &v) &&
      (h2o_memis(v.base, v.len, H2O_STRLIT("*")) || h2o_strstr(v.base, v.len, etag, strlen(etag)) != SIZE_MAX)) {
    close(fd);
    q->res.status = 304; q->res.reason = reason(304);
    h2o_start_response(q, &plain);
    h2o_send(q, NULL, 0, H2O_SEND_STATE_FINAL);
    return 0;
  }
  off_t from = 0, to = st.st_size;
  int status = 200;
  h2o_iovec_t ifr;
  int use_range = header_value(q, H2O_TOKEN_RANGE, &v) &&
                  (!header_value(q, H2O_TOKEN_IF_RANGE, &ifr) || h2o_memis(ifr.base, ifr.len, etag, strlen(etag)));
  if (use_range) {
    int pr = parse_range(v, st.st_size, &from, &to);
    char cr[96];
    if (pr < 0) {
      close(fd);
      snprintf(cr, sizeof cr, "bytes */%" PRIu64, (uint64_t)st.st_size);
      add_header_str(q, "content-range", cr);
      q->res.status = 416; q->res.reason = reason(416);
      q->res.content_length = 0;
      h2o_start_response(q, &plain);
      h2o_send(q, NULL, 0, H2O_SEND_STATE_FINAL);
      return 0;
    }
    if (pr > 0) {
      status = 206;
      snprintf(cr, sizeof cr, "bytes %" PRIu64 "-%" PRIu64 "/%" PRIu64, (uint64_t)from, (uint64_t)(to - 1),
               (uint64_t)st.st_size);
      add_header_str(q, "content-range", cr);
    }
  }
  q->res.status = status;
  q->res.reason = reason(status);
  q->res.content_length = (size_t)(to - from);
  if (is_head(q) || to == from) {
    close(fd);
    h2o_start_response(q, &plain);
    h2o_send(q, NULL, 0, H2O_SEND_STATE_FINAL);
    return 0;
  }
  r->fd = fd;
  r->off = from;
  r->end = to;
  r->gen.proceed = file_proceed;
  r->gen.stop = file_stop;
  h2o_start_response(q, &r->gen);
  file_proceed(&r->gen, q);
  return 0;
}

/* -- streams -- */

/* Hands what is queued to h2o; one write in flight at a time, so a client
 * that reads slowly makes the queue grow, and the queue is bounded. */
static void stream_flush(vgh_req *r) {
  if (!r->req || r->inflight) return;
  if (r->dropped) {
    r->inflight = 1;
    h2o_send(r->req, NULL, 0, H2O_SEND_STATE_ERROR);
    return;
  }
  if (r->qlen == 0 && !r->ending) return;
  free(r->sending);
  r->sending = r->q;
  size_t n = r->qlen;
  r->q = NULL; r->qlen = r->qcap = 0;
  h2o_iovec_t b = h2o_iovec_init(r->sending, n);
  r->inflight = 1;
  h2o_send(r->req, &b, n ? 1 : 0, r->ending ? H2O_SEND_STATE_FINAL : H2O_SEND_STATE_IN_PROGRESS);
}

static void stream_proceed(h2o_generator_t *g, h2o_req_t *q) {
  (void)q;
  vgh_req *r = H2O_STRUCT_FROM_MEMBER(vgh_req, gen, g);
  r->inflight = 0;
  free(r->sending);
  r->sending = NULL;
  stream_flush(r);
}

static void stream_stop(h2o_generator_t *g, h2o_req_t *q) { (void)g; (void)q; }

int vgh_stream_start(vgh_req *r, int status, const vgh_header *headers, size_t n_headers) {
  h2o_req_t *q = r->req;
  if (!q || r->state != VGH_NEW) return -1;
  r->state = VGH_STREAMING;
  q->res.status = status;
  q->res.reason = reason(status);
  add_headers(q, headers, n_headers);
  r->gen.proceed = stream_proceed;
  r->gen.stop = stream_stop;
  h2o_start_response(q, &r->gen);
  return 0;
}

int vgh_stream_write(vgh_req *r, const char *data, size_t len) {
  if (!r->req || r->state != VGH_STREAMING || r->ending) return -1;
  if (r->dropped) return -2;
  if (r->qlen + len > r->s->lim.max_queue) {
    r->dropped = 1;
    free(r->q); r->q = NULL; r->qlen = r->qcap = 0;
    stream_flush(r);
    return -2;
  }
  if (r->qlen + len > r->qcap) {
    size_t cap = r->qcap ? r->qcap : 1024;
    while (cap < r->qlen + len) cap *= 2;
    char *nq = realloc(r->q, cap);
    if (!nq) return -2;
    r->q = nq; r->qcap = cap;
  }
  memcpy(r->q + r->qlen, data, len);
  r->qlen += len;
  stream_flush(r);
  return 0;
}

size_t vgh_stream_queued(const vgh_req *r) { return r->qlen; }

void vgh_stream_end(vgh_req *r) {
  if (!r->req || r->state != VGH_STREAMING || r->ending) return;
  r->ending = 1;
  stream_flush(r);
}

static void maybe_finish(vgh_server *s);
static void deadline_fire(uv_timer_t *t);

/* ---- connections ------------------------------------------------------------ */

/* h2o 2.2 times a request's reading (http1.req_timeout) from the moment the
 * connection starts waiting for it, and never restarts the clock while bytes
 * trickle in; a header line every few seconds holds a connection for that
 * whole time, and the token is checked only after the headers. So each
 * connection has a deadline of its own: its request line and headers are due
 * header_ms after it was accepted or answered its last request; a body that
 * follows must bring min_body bytes every header_ms. A request being answered
 * (an event stream, a download) has no deadline. */

static int headers_complete(const h2o_socket_t *sock) {
  const h2o_buffer_t *in = sock->input;
  if (!in || in->size == 0) return 0;
  /* the blank line that ends them: "\n\r\n" or "\n\n" (HTTP/1 parsers take both) */
  const char *p = in->bytes, *end = in->bytes + in->size;
  while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
    if (++p < end && *p == '\r') p++;
    if (p < end && *p == '\n') return 1;
  }
  return 0;
}

/* Ends the connection through h2o: a shutdown socket reads as EOF, and h2o
 * closes the connection itself (closing the handle under it would not do). */
static void conn_cut(conn *c) {
  uv_os_fd_t fd;
  if (c->evicted || c->closed || uv_fileno((uv_handle_t *)&c->tcp, &fd) != 0) return;
  c->evicted = 1;
  c->s->nevicted++;
  shutdown(fd, SHUT_RDWR);
}

/* Waiting for a request's headers (not answering one, not reading a body). */
static int conn_waiting(conn *c) {
  return !c->busy && !c->evicted && !c->closed && !uv_is_closing((uv_handle_t *)&c->tcp) &&
         !headers_complete(c->sock);
}

static void deadline_start(conn *c, uint64_t ms) {
  c->due = uv_now(c->s->loop) + ms;
  uv_timer_start(&c->deadline, deadline_fire, ms, 0);
}

static void chunk_refuse(conn *c);

static void deadline_fire(uv_timer_t *t) {
  conn *c = t->data;
  vgh_server *s = c->s;
  if (c->busy || c->closed || c->evicted || uv_is_closing((uv_handle_t *)&c->tcp)) return;
  if (c->refused) { chunk_refuse(c); return; }
  /* The loop was held up (a long stretch of Lua) and this timer runs late,
   * before the sockets were read: what the client sent meanwhile may wait in
   * the kernel. Give it one turn of reading first. */
  int late = uv_now(s->loop) > c->due + 1000;
  size_t have = c->sock->input ? c->sock->input->size : 0;
  if (late) {
    c->reading_body = 0;  /* a body's progress is measured afresh after it */
    c->body_seen = have;
    deadline_start(c, 1000);
    return;
  }
  if (!headers_complete(c->sock)) { conn_cut(c); return; }
  /* headers in, the body coming: it must keep coming */
  if (c->reading_body && have - c->body_seen < s->lim.min_body) { conn_cut(c); return; }
  c->reading_body = 1;
  c->body_seen = have;
  deadline_start(c, s->lim.header_ms);
}

/* ---- a chunk size past the body limit ------------------------------------------ */

/* The answer to a request refused from its bytes, before h2o has a request
 * to answer: a body by its chunk-size line (h2o would wait for the chunk's
 * bytes), a head h2o would refuse with its own text/plain 400 (http_head.c).
 * Sent on h2o's socket, so whole and constant: refuse()'s headers. */
#define RAW_REFUSAL(status, body)                                                                      \
  "HTTP/1.1 " status "\r\n"                                                                            \
  "Server: vgrun\r\n"                                                                                  \
  "Connection: close\r\n"                                                                              \
  "Content-Type: application/json\r\n"                                                                 \
  "X-Content-Type-Options: nosniff\r\n"                                                                \
  "Cache-Control: no-store\r\n"                                                                        \
  "Content-Length: %zu\r\n"                                                                            \
  "\r\n" body
static const char CHUNK_413[] = RAW_REFUSAL("413 Payload Too Large",
  "{\"error\":\"the request body is too large: a chunk's size is past the limit\"}");
static const char HEAD_400[] = RAW_REFUSAL("400 Bad Request",
  "{\"error\":\"the request line or a header cannot be read (RFC 9112: METHOD SP TARGET SP HTTP/1.x, then NAME: VALUE lines)\"}");
static const char HEAD_431[] = RAW_REFUSAL("431 Request Header Fields Too Large",
  "{\"error\":\"request headers too large\"}");

/* the refusal of `status` with its Content-Length filled in -> its length */
static int raw_refusal(int status, char *out, size_t cap) {
  const char *t = status == 413 ? CHUNK_413 : status == 431 ? HEAD_431 : HEAD_400;
  const char *body = strstr(t, "\r\n\r\n") + 4;
  int n = snprintf(out, cap, t, strlen(body));
  return n > 0 && (size_t)n < cap ? n : 0;
}

static conn *conn_of_sock(vgh_server *s, h2o_socket_t *sock) {
  for (conn *c = s->conns; c; c = c->next)
    if (c->sock == sock) return c;
  return NULL;
}

/* The 413 is on the wire: the connection ends (h2o reads EOF and closes
 * it). With an error the socket is being closed already, and h2o's
 * connection (sock->data) may be gone. */
static void chunk_refuse_sent(h2o_socket_t *sock, const char *err) {
  h2o_conn_t *hc = sock->data;
  if (err || !hc) return;
  vgh_server *s = (vgh_server *)((char *)hc->ctx - offsetof(vgh_server, ctx));
  conn *c = conn_of_sock(s, sock);
  if (c) conn_cut(c);
}

/* Sends the 413, then ends the connection, once h2o is not writing on it:
 * after the answers to requests before this one (busy), and after a write
 * in flight ("100 Continue"); the deadline timer tries again meanwhile. */
static void chunk_refuse(conn *c) {
  if (c->refuse_sent || c->closed || c->evicted || !c->sock || uv_is_closing((uv_handle_t *)&c->tcp)) return;
  if (c->busy) return;  /* on_req_done calls again */
  if (c->sock->_cb.write) { deadline_start(c, 20); return; }
  c->refuse_sent = 1;
  c->refusal_len = raw_refusal(c->refused, c->refusal, sizeof c->refusal);
  h2o_iovec_t b = h2o_iovec_init(c->refusal, (size_t)c->refusal_len);
  h2o_socket_write(c->sock, &b, 1, chunk_refuse_sent);
}

/* The connection's read callback in front of h2o's: the bytes go through the
 * watch first; from a refused chunk size on, none reach h2o (it would wait
 * for the chunk), and the 413 goes out. End of stream and errors pass. */
static void conn_on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf) {
  conn *c = (conn *)stream;
  int refused_now = 0;
  if (nread > 0) {
    if (c->refused) return;
    size_t at = 0;
    int status = vgh_chunk_watch_feed(&c->watch, buf->base, (size_t)nread, c->s->lim.max_body, &at);
    if (status) {
      c->refused = status;
      refused_now = 1;
      nread = (ssize_t)at;
    }
  }
  /* the end of the stream reaches h2o, refused or not: it closes the connection */
  if (!refused_now || nread > 0) c->h2o_read(stream, nread, buf);
  if (refused_now) chunk_refuse(c);
}

/* h2o (re)starts reading with uv_read_start and its own callback: before the
 * loop polls, the watch's callback takes its place on every connection.
 * h2o starts reading at accept (the watch is put in place right after) and
 * when a response is sent (a write callback): libuv reads a socket only when
 * it polls, so every byte passes the watch. Within a read callback h2o only
 * stops reading (a request is complete). */
static void watch_install(conn *c) {
  uv_read_cb cb = c->tcp.read_cb;
  if (!cb || cb == conn_on_read || c->closed) return;
  c->h2o_read = cb;
  c->tcp.read_cb = conn_on_read;
}

static void hook_reads(uv_prepare_t *p) {
  vgh_server *s = p->data;
  for (conn *c = s->conns; c; c = c->next) watch_install(c);
}

static void conn_arm(conn *c) {
  c->reading_body = 0;
  c->body_seen = 0;
  if (!c->closed && c->s->lim.header_ms) deadline_start(c, c->s->lim.header_ms);
}

static void conn_free(conn *c) {
  vgh_server *s = c->s;
  if (c->prev) c->prev->next = c->next; else if (s->conns == c) s->conns = c->next;
  if (c->next) c->next->prev = c->prev;
  if (c->evicted) s->nevicted--;
  s->nconns--;
  vgh_chunk_watch_free(&c->watch);
  free(c);
  maybe_finish(s);
}

static void deadline_closed(uv_handle_t *h) {
  conn *c = h->data;
  if (--c->handles == 0 && c->busy == 0) conn_free(c);
}

/* h2o closed the socket (uv-binding's close callback, with our handle) */
static void conn_closed(uv_handle_t *h) {
  conn *c = (conn *)h;
  c->closed = 1;
  c->sock = NULL;  /* freed by h2o after this callback */
  uv_close((uv_handle_t *)&c->deadline, deadline_closed);
}

/* A request of the connection is done (its pool disposed): the next one's
 * headers are due from now. */
static void on_req_done(void *p) {
  conn *c = *(conn **)p;
  if (--c->busy > 0) return;
  if (c->closed) { if (c->handles == 0) conn_free(c); return; }
  conn_arm(c);
  if (c->refused) chunk_refuse(c);
}

static conn *conn_request_begins(vgh_server *s, h2o_req_t *q) {
  conn *c = s->conns;
  while (c && c->h2o_id != q->conn->id) c = c->next;
  if (!c) return NULL;
  c->busy++;
  uv_timer_stop(&c->deadline);
  conn **tok = h2o_mem_alloc_shared(&q->pool, sizeof *tok, on_req_done);
  *tok = c;
  return c;
}

static void peer_key(uv_tcp_t *tcp, unsigned char key[16]) {
  struct sockaddr_storage ss;
  int len = sizeof ss;
  memset(key, 0, 16);
  if (uv_tcp_getpeername(tcp, (struct sockaddr *)&ss, &len) != 0) return;
  if (ss.ss_family == AF_INET) {
    key[10] = key[11] = 0xff;  /* as ::ffff:a.b.c.d */
    memcpy(key + 12, &((struct sockaddr_in *)&ss)->sin_addr, 4);
  } else if (ss.ss_family == AF_INET6) {
    const unsigned char *a = ((struct sockaddr_in6 *)&ss)->sin6_addr.s6_addr;
    static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    /* one host of IPv6 usually holds a whole /64 */
    memcpy(key, a, memcmp(a, mapped, 12) == 0 ? 16 : 8);
  }
}

/* Its request not handed to the handler yet: headers or a body still to
 * come (a body's bytes need only keep min_body per header_ms coming, so a
 * slow one may hold its slot for read_ms). */
static int conn_unanswered(conn *c) {
  return !c->busy && !c->evicted && !c->closed && !uv_is_closing((uv_handle_t *)&c->tcp);
}

/* Room for one more connection (from `key`) under both caps: 1, after
 * cutting the oldest connection that waits for headers when a cap is full,
 * else the oldest still sending a body (slots held by bodies that trickle
 * in would lock every newcomer out); 0 when every connection in the way is
 * being answered. Cut ones no longer count. */
static int make_room(vgh_server *s, const unsigned char key[16]) {
  int same = 0;
  conn *oldest_same = NULL, *oldest = NULL, *body_same = NULL, *body = NULL;
  for (conn *c = s->conns; c; c = c->next) {
    if (c->evicted || c->closed) continue;
    int mine = memcmp(c->addr, key, 16) == 0;
    same += mine;
    if (conn_waiting(c)) {
      oldest = c;
      if (mine) oldest_same = c;
    } else if (conn_unanswered(c)) {
      body = c;
      if (mine) body_same = c;
    }
  }
  if (!oldest_same) oldest_same = body_same;
  if (!oldest) oldest = body;
  if (s->lim.max_per_addr > 0 && same >= s->lim.max_per_addr) {
    if (!oldest_same) return 0;
    conn_cut(oldest_same);
    return 1;
  }
  if (s->nconns - s->nevicted >= s->lim.max_conns) {
    if (!oldest) return 0;
    conn_cut(oldest);
  }
  return 1;
}

/* ---- the server ------------------------------------------------------------------ */

/* A JSON error for a request no handler will see. `close`: the connection
 * ends after it, so bytes past what h2o took as the body are never read as
 * a request of their own. */
static void refuse(h2o_req_t *q, int status, const char *why, int close) {
  static h2o_generator_t plain = { NULL, NULL };
  char body[256];
  int n = snprintf(body, sizeof body, "{\"error\":\"%s\"}", why);
  if (n < 0 || (size_t)n >= sizeof body) n = 0;
  if (close) q->http1_is_persistent = 0;
  q->res.status = status;
  q->res.reason = reason(status);
  add_header_str(q, "content-type", "application/json");
  add_header_str(q, "x-content-type-options", "nosniff");
  add_header_str(q, "cache-control", "no-store");
  q->res.content_length = (size_t)n;
  h2o_iovec_t b = h2o_strdup(&q->pool, body, (size_t)n);
  h2o_start_response(q, &plain);
  if (is_head(q)) b.len = 0;
  h2o_send(q, &b, b.len ? 1 : 0, H2O_SEND_STATE_FINAL);
}

/* h2o 2.2 answers a request before it consumes its bytes from the socket's
 * input: the request line and headers are still at its start, as sent
 * (after the empty lines a parser skips). Checked, so that an h2o that
 * consumed them earlier refuses every request instead of reading another
 * request's headers. */
static int raw_request_at_start(const h2o_socket_t *sock, h2o_req_t *q) {
  if (!sock || !sock->input) return 0;
  const char *p = sock->input->bytes, *end = p + sock->input->size;
  while (p < end && (*p == '\r' || *p == '\n')) p++;
  size_t m = q->input.method.len, t = q->input.path.len;
  return (size_t)(end - p) > m + 1 + t && memcmp(p, q->input.method.base, m) == 0 && p[m] == ' ' &&
         memcmp(p + m + 1, q->input.path.base, t) == 0;
}

static int framing_refused(conn *c, h2o_req_t *q) {
  char why[160];
  int status = 400;
  if (!c || !raw_request_at_start(c->sock, q))
    snprintf(why, sizeof why, "the request's headers cannot be read");
  else
    status = vgh_framing_check(c->sock->input->bytes, c->sock->input->size, why, sizeof why);
  if (status == 0) return 0;
  refuse(q, status, why, status == 400);
  return 1;
}

static int on_req(h2o_handler_t *self, h2o_req_t *q) {
  vgh_server *s = ((struct handler *)self)->s;
  conn *c = conn_request_begins(s, q);
  if (s->closing) {
    refuse(q, 503, "the server is shutting down", 0);
    return 0;
  }
  size_t bytes = q->method.len + q->path.len + 12;
  for (size_t i = 0; i < q->headers.size; i++) bytes += q->headers.entries[i].name->len + q->headers.entries[i].value.len + 4;
  if (bytes > s->lim.max_header) {
    refuse(q, 431, "request headers too large", 0);
    return 0;
  }
  if (framing_refused(c, q)) return 0;
  vgh_req *r = calloc(1, sizeof *r);
  if (!r) { refuse(q, 503, "out of memory", 0); return 0; }
  r->s = s; r->req = q; r->id = ++s->next_id; r->refs = 2; r->fd = -1;
  r->next = s->live;
  if (s->live) s->live->prev = r;
  s->live = r;
  vgh_req **tok = h2o_mem_alloc_shared(&q->pool, sizeof *tok, on_pool_dispose);
  *tok = r;
  s->on_request(r, s->ud);
  return 0;
}

static void reaper_closed(uv_handle_t *h) {
  vgh_server *s = h->data;  /* h is s->reaper */
  void (*cb)(void *) = s->on_closed;
  void *ud = s->ud;
  free(s);
  if (cb) cb(ud);
}

/* The context is disposed from a timer of its own, not from inside the
 * connection's close callback: h2o_context_dispose closes the timers embedded
 * in the context and runs the loop once (UV_RUN_NOWAIT) to let them finish,
 * so the server's memory is freed after that, when this timer has closed. */
static void reaper_fire(uv_timer_t *t) {
  vgh_server *s = t->data;
  /* h2o 2.2 links this entry on any shutdown request, with or without an
   * HTTP/2 connection, and asserts on dispose that it is unlinked */
  if (h2o_timeout_is_linked(&s->ctx.http2._graceful_shutdown_timeout))
    h2o_timeout_unlink(&s->ctx.http2._graceful_shutdown_timeout);
  h2o_context_dispose(&s->ctx);
  h2o_config_dispose(&s->config);
  uv_close((uv_handle_t *)t, reaper_closed);
}

static void maybe_finish(vgh_server *s) {
  if (!s->closing || s->listener_open || s->hook_open || s->nconns > 0 || s->disposed) return;
  s->disposed = 1;
  uv_timer_init(s->loop, &s->reaper);
  s->reaper.data = s;
  uv_timer_start(&s->reaper, reaper_fire, 0, 0);
}

static void on_accept(uv_stream_t *l, int status) {
  vgh_server *s = l->data;
  if (status != 0) return;
  conn *c = calloc(1, sizeof *c);
  if (!c) return;
  c->s = s;
  uv_tcp_init(s->loop, &c->tcp);
  if (uv_accept(l, (uv_stream_t *)&c->tcp) != 0 || s->closing) {
    uv_close((uv_handle_t *)&c->tcp, (uv_close_cb)free);
    return;
  }
  peer_key(&c->tcp, c->addr);
  if (!make_room(s, c->addr)) {
    uv_close((uv_handle_t *)&c->tcp, (uv_close_cb)free);
    return;
  }
  uv_timer_init(s->loop, &c->deadline);
  c->deadline.data = c;
  c->handles = 1;
  s->nconns++;
  c->next = s->conns;
  if (s->conns) s->conns->prev = c;
  s->conns = c;
  c->sock = h2o_uv_socket_create((uv_stream_t *)&c->tcp, conn_closed);
  h2o_accept(&s->accept_ctx, c->sock);
  /* without TLS or a PROXY line h2o_accept makes the HTTP/1 connection at
   * once and hangs it on the socket; its id is what requests carry */
  if (c->sock->data) c->h2o_id = ((h2o_conn_t *)c->sock->data)->id;
  /* a head's raw bytes: twice the parsed limit (whitespace, CRs), within h2o's own */
  size_t head_max = s->lim.max_header && s->lim.max_header < H2O_MAX_REQLEN / 2 ? 2 * s->lim.max_header : H2O_MAX_REQLEN;
  vgh_chunk_watch_init(&c->watch, head_max);
  watch_install(c);
  conn_arm(c);
}

static void hook_closed(uv_handle_t *h) {
  vgh_server *s = h->data;
  s->hook_open = 0;
  maybe_finish(s);
}

static void listener_closed(uv_handle_t *h) {
  vgh_server *s = h->data;
  s->listener_open = 0;
  maybe_finish(s);
}

vgh_server *vgh_listen(uv_loop_t *loop, const char *host, int port, const vgh_limits *lim,
                       vgh_request_fn on_request, vgh_gone_fn on_gone, void *ud,
                       char *err, size_t errlen) {
  struct sockaddr_storage ss;
  int rc = strchr(host, ':') ? uv_ip6_addr(host, port, (struct sockaddr_in6 *)&ss)
                             : uv_ip4_addr(host, port, (struct sockaddr_in *)&ss);
  if (rc != 0) { snprintf(err, errlen, "%s is not an IP address", host); return NULL; }
  vgh_server *s = calloc(1, sizeof *s);
  if (!s) { snprintf(err, errlen, "out of memory"); return NULL; }
  s->loop = loop; s->lim = *lim;
  s->on_request = on_request; s->on_gone = on_gone; s->ud = ud;
  h2o_config_init(&s->config);
  s->config.max_request_entity_size = lim->max_body;
  s->config.http1.req_timeout = lim->read_ms > lim->header_ms ? lim->read_ms : lim->header_ms;
  s->config.http2.idle_timeout = lim->read_ms;
  s->config.http1.upgrade_to_http2 = 0;
  s->config.server_name = h2o_iovec_init(H2O_STRLIT("vgrun"));
  h2o_hostconf_t *hc = h2o_config_register_host(&s->config, h2o_iovec_init(H2O_STRLIT("default")), 65535);
  h2o_pathconf_t *pc = h2o_config_register_path(hc, "/", 0);
  struct handler *h = (struct handler *)h2o_create_handler(pc, sizeof *h);
  h->super.on_req = on_req;
  h->s = s;
  vgh_json_errors(&hc->fallback_path);
  h2o_context_init(&s->ctx, loop, &s->config);
  s->accept_ctx.ctx = &s->ctx;
  s->accept_ctx.hosts = s->config.hosts;
  uv_tcp_init(loop, &s->listener);
  s->listener.data = s;
  s->listener_open = 1;
  rc = uv_tcp_bind(&s->listener, (struct sockaddr *)&ss, 0);
  if (rc == 0) rc = uv_listen((uv_stream_t *)&s->listener, 128, on_accept);
  if (rc != 0) {
    snprintf(err, errlen, "cannot listen on %s:%d: %s", host, port, uv_strerror(rc));
    s->closing = 1;
    uv_close((uv_handle_t *)&s->listener, listener_closed);
    return NULL;
  }
  uv_prepare_init(loop, &s->hook);
  s->hook.data = s;
  s->hook_open = 1;
  uv_prepare_start(&s->hook, hook_reads);
  uv_unref((uv_handle_t *)&s->hook);  /* the listener keeps the loop alive, not this */
  struct sockaddr_storage bound;
  int blen = sizeof bound;
  uv_tcp_getsockname(&s->listener, (struct sockaddr *)&bound, &blen);
  s->port = ntohs(bound.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&bound)->sin6_port
                                              : ((struct sockaddr_in *)&bound)->sin_port);
  return s;
}

int vgh_port(const vgh_server *s) { return s->port; }
int vgh_connections(const vgh_server *s) { return s->nconns; }
int vgh_closing(const vgh_server *s) { return s->closing; }

void vgh_close(vgh_server *s, void (*on_closed)(void *ud)) {
  if (s->closing) return;
  s->closing = 1;
  s->on_closed = on_closed;
  uv_close((uv_handle_t *)&s->listener, listener_closed);
  if (s->hook_open) uv_close((uv_handle_t *)&s->hook, hook_closed);
  /* unanswered requests get 503 and streams end, so every connection can
   * finish its response and close */
  for (vgh_req *r = s->live, *next; r; r = next) {
    next = r->next;
    if (r->state == VGH_STREAMING) vgh_stream_end(r);
    else if (r->state == VGH_NEW) {
      static const vgh_header ct = { "content-type", 12, "application/json", 16 };
      static const char body[] = "{\"error\":\"the server is shutting down\"}";
      vgh_respond(r, 503, &ct, 1, body, sizeof body - 1);
    }
  }
  h2o_context_request_shutdown(&s->ctx);
  /* h2o 2.2's HTTP/1 keeps idle keep-alive connections until their request
   * timeout: make that timeout zero and run it, so they close now (a
   * connection that is still sending its response closes after it) */
  s->ctx.http1.req_timeout.timeout = 0;
  h2o_timeout_run(s->loop, &s->ctx.http1.req_timeout, h2o_now(s->loop));
}
