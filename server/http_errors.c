/* http_errors.c: the error answers h2o 2.2 makes by itself before any
 * handler runs (a Content-Length it cannot read, a broken chunked body, an
 * unknown Transfer-Encoding or Expect, a body past max_request_entity_size,
 * a target that is not a path) go out through h2o_send_error_generic with
 * a text/plain body, on the host's fallback path (no handler was chosen).
 * A filter on that path turns each into the API's JSON: {"error": its
 * text}, application/json, the Content-Length of the new body. The
 * connection is closed or kept as h2o decided. (The request line and
 * headers h2o cannot parse are answered without any filter: http_head.c
 * refuses them first.) */
#include "http_private.h"

#include <string.h>

typedef struct {
  h2o_ostream_t super;
  int done;
} json_ostream;

/* {"error":"TEXT"}: TEXT without its trailing newline, printable ASCII,
 * '"' and '\' escaped, at most 200 bytes of it */
static h2o_iovec_t json_of(h2o_mem_pool_t *pool, const char *text, size_t len) {
  while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r')) len--;
  if (len > 200) len = 200;
  char *out = h2o_mem_alloc_pool(pool, 2 * len + 16);
  size_t n = 0;
  memcpy(out, "{\"error\":\"", 10);
  n = 10;
  for (size_t i = 0; i < len; i++) {
    unsigned char ch = (unsigned char)text[i];
    if (ch == '"' || ch == '\\') out[n++] = '\\';
    out[n++] = ch >= 0x20 && ch < 0x7f ? (char)ch : ' ';
  }
  memcpy(out + n, "\"}", 2);
  return h2o_iovec_init(out, n + 2);
}

static void json_do_send(h2o_ostream_t *self, h2o_req_t *req, h2o_iovec_t *bufs, size_t bufcnt,
                         h2o_send_state_t state) {
  json_ostream *o = (json_ostream *)self;
  if (o->done) { h2o_ostream_send_next(self, req, NULL, 0, state); return; }
  o->done = 1;
  /* h2o_send_inline: the whole text in one buffer (none for HEAD) */
  h2o_iovec_t text = bufcnt > 0 ? bufs[0] : h2o_iovec_init(req->res.reason, strlen(req->res.reason));
  h2o_iovec_t body = json_of(&req->pool, text.base, text.len);
  req->res.content_length = body.len;
  h2o_set_header(&req->pool, &req->res.headers, H2O_TOKEN_CONTENT_TYPE, H2O_STRLIT("application/json"), 1);
  h2o_set_header(&req->pool, &req->res.headers, H2O_TOKEN_CACHE_CONTROL, H2O_STRLIT("no-store"), 1);
  h2o_set_header_by_str(&req->pool, &req->res.headers, H2O_STRLIT("x-content-type-options"), 0,
                        H2O_STRLIT("nosniff"), 1);
  if (bufcnt > 0) h2o_ostream_send_next(self, req, &body, 1, state);
  else h2o_ostream_send_next(self, req, NULL, 0, state);
}

static void on_setup_ostream(h2o_filter_t *self, h2o_req_t *req, h2o_ostream_t **slot) {
  (void)self;
  if (req->res.status >= 400) {
    json_ostream *o = (json_ostream *)h2o_add_ostream(req, sizeof *o, slot);
    o->super.do_send = json_do_send;
    o->done = 0;
    slot = &o->super.next;
  }
  h2o_setup_next_ostream(req, slot);
}

void vgh_json_errors(h2o_pathconf_t *fallback) {
  h2o_filter_t *f = h2o_create_filter(fallback, sizeof *f);
  f->on_setup_ostream = on_setup_ostream;
}
