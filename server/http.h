/* http.h: the HTTP server of `vgrun serve` on the engine's libuv loop, built
 * on libh2o (Debian's build uses libuv; docs/serve.md says why h2o). Small
 * primitives only: listen, one callback per request, plain/file/streamed
 * responses, limits. Routing and policy are Lua (lua/vg/serve/).
 * Everything here runs on the loop thread. Prefix vgh_. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <uv.h>

typedef struct vgh_server vgh_server;
typedef struct vgh_req vgh_req;

typedef struct vgh_limits {
  size_t max_body;      /* request body; larger -> 413 before the handler runs */
  size_t max_header;    /* request line + header bytes; larger -> 431 */
  int max_conns;        /* open connections; at the cap a new one replaces the oldest
                           that waits for a request, else it is closed at accept */
  int max_per_addr;     /* open connections from one address (IPv6: one /64), same rule */
  unsigned header_ms;   /* a connection waiting for a request must have sent its request
                           line and headers within this (from accept or the last response) */
  size_t min_body;      /* bytes a request body must bring each header_ms, else closed */
  unsigned read_ms;     /* h2o's ceiling on reading one request, headers and body */
  size_t max_queue;     /* bytes queued per streamed response; past it the client is dropped */
} vgh_limits;

/* A request arrived (headers and the whole body read). The callee answers
 * with one of vgh_respond / vgh_respond_file / vgh_stream_start, now or later.
 * vgh_req stays valid until vgh_req_release; the client may go away before
 * that: on_gone tells (once), and answering then does nothing. */
typedef void (*vgh_request_fn)(vgh_req *r, void *ud);
typedef void (*vgh_gone_fn)(vgh_req *r, void *ud);

/* Listens on host:port (port 0: any free port). NULL with a message in err
 * on failure. The server keeps on_request/on_gone/ud until it is closed. */
vgh_server *vgh_listen(uv_loop_t *loop, const char *host, int port, const vgh_limits *lim,
                       vgh_request_fn on_request, vgh_gone_fn on_gone, void *ud,
                       char *err, size_t errlen);
int vgh_port(const vgh_server *s);
int vgh_connections(const vgh_server *s);
/* Stops accepting, ends every streamed response, closes idle connections and
 * the others once their response is sent; frees the server when the last
 * connection closed (on_closed(ud) then, may be NULL). Safe twice. */
void vgh_close(vgh_server *s, void (*on_closed)(void *ud));
int vgh_closing(const vgh_server *s);

/* ---- requests ---- */
typedef struct vgh_header { const char *name; size_t name_len; const char *value; size_t value_len; } vgh_header;
typedef struct vgh_info {
  const char *method; size_t method_len;
  const char *target; size_t target_len;   /* path + "?" + query, as sent */
  const char *authority; size_t authority_len;  /* Host (h2o keeps it out of the headers) */
  const char *body; size_t body_len;       /* NULL when no body */
  size_t n_headers;
  char remote[64];                          /* peer address, "" if unknown */
} vgh_info;
/* NULL once the client went away. Header names are lower case. */
int vgh_req_info(vgh_req *r, vgh_info *out);
int vgh_req_header(vgh_req *r, size_t i, vgh_header *out);
uint64_t vgh_req_id(const vgh_req *r);
int vgh_req_gone(const vgh_req *r);
void *vgh_req_data(const vgh_req *r);            /* the binding's slot */
void vgh_req_set_data(vgh_req *r, void *data);
/* The caller is done with r (the binding's __gc). */
void vgh_req_release(vgh_req *r);

/* A whole response; headers[] may be NULL. Content-Length is set from len.
 * Returns 0, or -1 when r was already answered or is gone. */
int vgh_respond(vgh_req *r, int status, const vgh_header *headers, size_t n_headers,
                const char *body, size_t len);
/* A file from disk (regular files only, opened without following a last
 * link), streamed in chunks: ETag + If-None-Match (304), one byte Range
 * (206, 416), If-Range, HEAD. Returns 0, -1 (answered/gone) or an errno
 * (ENOENT...) with nothing sent. */
int vgh_respond_file(vgh_req *r, const char *path, const char *content_type,
                     const vgh_header *headers, size_t n_headers);
/* A streamed response (SSE): headers now, bytes with vgh_stream_write.
 * Writes queue while one is in flight; past max_queue the client is dropped.
 * Returns 0 or -1. */
int vgh_stream_start(vgh_req *r, int status, const vgh_header *headers, size_t n_headers);
/* 0; -1 gone/not streaming; -2 queue over the limit (the client is dropped) */
int vgh_stream_write(vgh_req *r, const char *data, size_t len);
size_t vgh_stream_queued(const vgh_req *r);
void vgh_stream_end(vgh_req *r);
