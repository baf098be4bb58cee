/* http_private.h: what server/http.c and its binding share and nothing else
 * includes. h2o types stay out of http.h. */
#pragma once

#include "http.h"
#include <h2o.h>
#include <sys/types.h>

enum { VGH_NEW, VGH_ANSWERED, VGH_STREAMING, VGH_FILE };

struct vgh_req {
  vgh_server *s;
  h2o_req_t *req;          /* NULL once h2o disposed the request */
  uint64_t id;
  int refs;                /* h2o's side (until dispose) + the caller's */
  int state;
  int gone_told;
  void *data;
  h2o_generator_t gen;     /* streams and files */
  /* stream: bytes waiting, and the buffer h2o is writing now */
  char *q; size_t qlen, qcap;
  char *sending;
  int inflight, ending, dropped;
  /* file */
  int fd;
  off_t off, end;
  char *fbuf;
  vgh_req *prev, *next;    /* the server's live requests */
};

/* The framing of a connection's requests followed byte by byte, for the
 * sizes a chunked body announces (http_chunked.c). */
typedef struct vgh_chunk_watch {
  int state;
  int name, in_value;      /* the header line: TE or CL, and past its ':' */
  size_t name_at;
  uint32_t line_len, lines;
  int chunked;             /* the headers said Transfer-Encoding */
  uint64_t length;         /* ... or Content-Length */
  uint64_t size, body;     /* the chunk size read so far; the chunks before it */
  uint64_t left;           /* bytes of a body or a chunk still to skip */
  int head_ended;          /* head_done ran for the byte just read */
  /* the request line and headers as sent (http_head.c); kept over resets */
  char *head;
  size_t head_len, head_cap, head_max;
  size_t head_seen;        /* head_len at the last look (picohttpparser's last_len) */
} vgh_chunk_watch;

/* head_max: the most bytes of a request line and headers kept (past it 431) */
void vgh_chunk_watch_init(vgh_chunk_watch *w, size_t head_max);
void vgh_chunk_watch_reset(vgh_chunk_watch *w);
void vgh_chunk_watch_free(vgh_chunk_watch *w);
/* Follows buf[0..len): 0; or 413 when a chunk size makes the body reach
 * `limit` bytes, with *at the offset of the byte that did (the bytes before
 * it are the client's request as far as it is taken); or 400 or 431 when a
 * request's line and headers are ones h2o would refuse with its own plain
 * text answer (http_head.c), with *at where that request starts in buf
 * (0 when it started in an earlier read). */
int vgh_chunk_watch_feed(vgh_chunk_watch *w, const char *buf, size_t len, uint64_t limit, size_t *at);

/* http_head.c: a request's line and headers, as h2o 2.2 will parse them.
 * 0: h2o takes them (or waits for more); 400: h2o would answer its own
 * "Bad Request" (text/plain, written on the socket, with no hook); 431: past
 * head_max bytes or past h2o's 100 headers. */
int vgh_head_append(vgh_chunk_watch *w, unsigned char ch);
int vgh_head_verdict(vgh_chunk_watch *w);
void vgh_head_clear(vgh_chunk_watch *w);

/* One accepted connection: the header deadline and the per-address count. */
struct vgh_conn {
  uv_tcp_t tcp;            /* first: the refused ones are freed through it */
  uv_timer_t deadline;     /* headers due, or the body's next progress check */
  vgh_server *s;
  h2o_socket_t *sock;
  uint64_t h2o_id;         /* h2o_conn_t.id of the HTTP/1 connection on it */
  unsigned char addr[16];  /* the peer's address (IPv6 cut to its /64) */
  int busy;                /* requests on it that h2o has not disposed yet */
  uint64_t due;            /* when the deadline should fire (uv_now's clock) */
  size_t body_seen;        /* input bytes at the last body check */
  int reading_body;
  int evicted, closed, handles;
  /* the reads, seen before h2o's: a chunk size past the body limit */
  uv_read_cb h2o_read;     /* h2o's read callback, called after ours */
  vgh_chunk_watch watch;
  int refused, refuse_sent;/* the status the body or head was refused with */
  char refusal[512];       /* its answer, while h2o's socket writes it */
  int refusal_len;
  struct vgh_conn *prev, *next;
};

struct vgh_server {
  uv_loop_t *loop;
  h2o_globalconf_t config;
  h2o_context_t ctx;
  h2o_accept_ctx_t accept_ctx;
  uv_tcp_t listener;
  uv_timer_t reaper;       /* disposes the context after the last connection */
  uv_prepare_t hook;       /* puts the watch before h2o's reads, each loop turn */
  int hook_open;
  int port;
  vgh_limits lim;
  int nconns, nevicted;
  struct vgh_conn *conns;  /* oldest last */
  int listener_open, closing, disposed;
  vgh_request_fn on_request;
  vgh_gone_fn on_gone;
  void *ud;
  void (*on_closed)(void *ud);
  uint64_t next_id;
  vgh_req *live;
};

/* The request line and headers at buf[0..len) as sent, checked for what
 * h2o's parsed request no longer shows (http_framing.c): 0, or the status
 * to refuse it with (400: framing that a proxy may read otherwise; 415: a
 * compressed body) and why. */
int vgh_framing_check(const char *buf, size_t len, char *why, size_t whylen);

/* http_errors.c: h2o's own error answers (text/plain, on the fallback
 * path) become the API's JSON. */
void vgh_json_errors(h2o_pathconf_t *fallback);
