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

struct vgh_server {
  uv_loop_t *loop;
  h2o_globalconf_t config;
  h2o_context_t ctx;
  h2o_accept_ctx_t accept_ctx;
  uv_tcp_t listener;
  uv_timer_t reaper;       /* disposes the context after the last connection */
  int port;
  vgh_limits lim;
  int nconns;
  int listener_open, closing, disposed;
  vgh_request_fn on_request;
  vgh_gone_fn on_gone;
  void *ud;
  void (*on_closed)(void *ud);
  uint64_t next_id;
  vgh_req *live;
};
