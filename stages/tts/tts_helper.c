/* tts_helper.c: the speech helper, a process of its own that forks one
 * speaking child per utterance.
 *
 * fork() in a process with threads copies only the calling thread; what
 * the child may then do is, by POSIX, little more than exec. The engine
 * has threads (the libuv pool, the encoder, the TTS worker), so the
 * speaking children are not forked from it: a helper is forked once, as
 * early as possible (tts_prefork, which `vgrun` calls first thing in main,
 * before any thread exists), stays single-threaded, and forks the children
 * itself. An embedder that never calls tts_prefork gets the helper forked
 * on first use from the TTS worker thread: one fork from a threaded
 * process for the life of the helper instead of one per utterance.
 *
 * espeak-ng starts a thread of its own when it is initialised, so the
 * helper never initialises it. To keep that off the utterance's path, the
 * helper keeps children forked ahead (spares, one per lane), initialised and
 * holding the last voice, each waiting for the one utterance it will speak;
 * after the first, they are forked from a template that initialised
 * espeak-ng once (below). A clip is still made by an espeak-ng that never
 * spoke before (docs/tts.md).
 *
 * The TTS worker thread (the only thread that talks to the helper) sends a
 * request (what to speak, how) with the write end of a pipe attached
 * (SCM_RIGHTS) over a Unix socket; the helper hands it to the spare, answers
 * "started <pid>" at once, forks the next spare, and answers "ended <pid>
 * <wait status>" when it has reaped the child. The worker reads the pipe as
 * before, kills the child (SIGKILL, by pid) to cancel it, and learns from
 * the wait status whether it crashed.
 *
 * The helper refuses execve for itself and every child (seccomp, as the
 * children always did), keeps no descriptor of the engine's (all closed
 * but its socket: a task lock must not outlive its task in a helper), ignores
 * SIGINT/SIGTERM (the engine cancels; a terminal's Ctrl-C reaches the whole
 * process group), and dies with the engine's process (PR_SET_PDEATHSIG, and
 * end of file on its socket). If it dies, the next utterance starts a new
 * one. */
#define _GNU_SOURCE 1
#include "tts_private.h"
#include "vg.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#include <sys/signalfd.h>
#endif

enum { MSG_STARTED = 1, MSG_ENDED = 2 };
#define REQ_MAGIC 0x76677473u   /* "vgts" */
#define REQ_MAX_TEXT (64u << 20)

/* What the worker sends; text, spec and crash_on follow, in that order. */
typedef struct req_head {
  uint32_t magic;
  int32_t warm;          /* 1: keep `level` spares from now on, speak nothing, no answer */
  int32_t rate, pitch, range, ssml, level, crash_child;
  uint32_t text_len, spec_len, crash_on_len;
} req_head;

typedef struct msg { int32_t kind, pid, status; } msg;

static struct {
  pthread_mutex_t mu;
  int sock;              /* the engine's end, or -1 */
  pid_t pid;             /* the helper, or -1 */
  msg *ended;            /* "ended" answers read while waiting for another */
  size_t nended, capended;
} H = { PTHREAD_MUTEX_INITIALIZER, -1, -1, NULL, 0, 0 };

/* 0, or -1 (errno; EPIPE at end of file) */
static int read_all(int fd, void *p, size_t n) {
  char *c = p;
  while (n > 0) {
    ssize_t r = read(fd, c, n);
    if (r < 0) { if (errno == EINTR) continue; return -1; }
    if (r == 0) { errno = EPIPE; return -1; }
    c += r; n -= (size_t)r;
  }
  return 0;
}

/* Sends up to n bytes of p with fd attached (SCM_RIGHTS) when fd >= 0:
 * how many were sent, or -1. */
static ssize_t send_with_fd(int to, const void *p, size_t n, int fd) {
  union { char b[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } ctl;
  memset(&ctl, 0, sizeof ctl);
  struct iovec iov = { (void *)p, n };
  struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
  if (fd >= 0) {
    mh.msg_control = ctl.b;
    mh.msg_controllen = sizeof ctl.b;
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
  }
  ssize_t w;
  do w = sendmsg(to, &mh, MSG_NOSIGNAL); while (w < 0 && errno == EINTR);
  return w;
}

/* ---- the helper process ---------------------------------------------------- */

static int send_msg(int sock, int kind, pid_t pid, int status) {
  msg m = { kind, (int32_t)pid, status };
  return vg_write_all(sock, &m, sizeof m);
}

/* Reads one request: the header (with the pipe's write end attached), then
 * the strings into buf (NUL-separated). 1: got one; 0: end of file; -1: a
 * broken request (the helper stops: the engine starts another). */
static int read_request(int sock, req_head *h, int *fd, char **buf) {
  *fd = -1;
  *buf = NULL;
  union { char b[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } ctl;
  struct iovec iov = { h, sizeof *h };
  struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.b, .msg_controllen = sizeof ctl.b };
  ssize_t r;
  do r = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC); while (r < 0 && errno == EINTR);
  if (r == 0) return 0;
  if (r < 0) return -1;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) memcpy(fd, CMSG_DATA(c), sizeof(int));
  if ((size_t)r < sizeof *h && read_all(sock, (char *)h + r, sizeof *h - (size_t)r) != 0) return -1;
  if (h->magic != REQ_MAGIC || h->text_len > REQ_MAX_TEXT || h->spec_len > 4096 || h->crash_on_len > 4096)
    return -1;
  size_t n = (size_t)h->text_len + h->spec_len + h->crash_on_len;
  *buf = malloc(n + 3);
  if (!*buf) return -1;
  char *b = *buf;
  if (read_all(sock, b, h->text_len) != 0) return -1;
  b[h->text_len] = 0;
  b += h->text_len + 1;
  if (read_all(sock, b, h->spec_len) != 0) return -1;
  b[h->spec_len] = 0;
  b += h->spec_len + 1;
  if (read_all(sock, b, h->crash_on_len) != 0) return -1;
  b[h->crash_on_len] = 0;
  return 1;
}

/* A request on its way from the helper to a speaking child: the same
 * header, the pipe attached, the strings after it. 0 or -1. */
static int forward(int to, const req_head *h, int fd, const char *buf);

/* Spares: children forked ahead of the next requests, each of which
 * initialises espeak-ng at once (espeak-ng starts a thread of its own when
 * initialised, so the helper never does: it would not stay single-threaded),
 * loads the voice the last request named, and then waits for the one
 * utterance it will speak. There are as many as the engine speaks at once
 * (its warm request says), so every lane finds one ready: with one, the
 * second lane's child initialised on the utterance's path, and loading the
 * voice took as long as speaking a sentence. */
#define SPARES_MAX 8
#define SPEC_MAX 160
typedef struct spare {
  pid_t pid;
  int sock;
  char spec[SPEC_MAX];   /* the voice it loaded, or "" (none: it loads the request's) */
} spare;
static spare spares[SPARES_MAX];
static int nspares, spares_wanted = 1;
static char last_spec[SPEC_MAX];
#if defined(__linux__) && defined(PR_SET_CHILD_SUBREAPER)
#define VG_TEMPLATES 1
static struct { pid_t pid; int sock; char spec[SPEC_MAX]; } tpl = { -1, -1, "" };   /* below */
#endif

/* Forks a child of the helper joined to it by a socket pair. In the child
 * (0 returned) the helper's descriptors are closed and *end is the child's
 * end; in the helper *end is the helper's. The pid, or -1. */
static pid_t fork_joined(int sock, int sfd, const sigset_t *chld, int *end) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(sock);
    if (sfd >= 0) close(sfd);
    close(sv[0]);
    for (int i = 0; i < nspares; i++) close(spares[i].sock);
#ifdef VG_TEMPLATES
    if (tpl.sock >= 0) close(tpl.sock);
#endif
    sigprocmask(SIG_UNBLOCK, chld, NULL);
    signal(SIGPIPE, SIG_DFL);
    *end = sv[1];
    return 0;
  }
  close(sv[1]);
  if (pid < 0) { close(sv[0]); return -1; }
  *end = sv[0];
  return pid;
}

/* A spare, initialised (ready: tts__espeak_ready's result) and with spec
 * loaded when loaded: waits for its one request on s and speaks it. */
static void spare_wait(int s, const char *spec, int ready, int loaded, int loaded_rc) __attribute__((noreturn));
static void spare_wait(int s, const char *spec, int ready, int loaded, int loaded_rc) {
  req_head h;
  int fd;
  char *buf;
  if (read_request(s, &h, &fd, &buf) <= 0) _exit(0);   /* never used: the helper ended */
  close(s);
  if (ready != 0) _exit(TTS_EXIT_NO_ESPEAK);
  const char *rspec = buf + h.text_len + 1;
  tts_speak_req r = { buf, h.text_len, rspec, h.rate, h.pitch, h.range, h.ssml, h.level, h.crash_child,
                      rspec + h.spec_len + 1, loaded ? spec : NULL, loaded_rc };
  tts__speak(&r, fd);   /* never returns */
}

static void spare_main(int s, const char *spec) {
#if defined(__linux__)
  prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
  int ready = tts__espeak_ready();
  int loaded = ready == 0 && *spec;
  spare_wait(s, spec, ready, loaded, loaded ? tts__load_voice(spec) : 0);
}

/* The template: a child of the helper that initialises espeak-ng and loads
 * one voice once, and forks the spares of that voice, so a spare costs a
 * fork instead of espeak-ng's start and, for a voice file named with
 * capitals (gmw/en-US), a read of every voice file (20 ms of CPU a clip
 * against 8 ms of speaking, light deck of bench/create). A spare is forked
 * from the template's state before it ever spoke: the same calls in the
 * same order as a spare that initialised itself, so the same samples. The
 * template has espeak-ng's own thread, idle on a condition variable with
 * its mutex released: the child of a fork (one thread) runs only the
 * synchronous synthesis, which takes no lock of that thread's.
 *
 * A spare's parent must be the helper (it reaps it, and a cancel kills it by
 * pid): the template forks a go-between that forks the spare and exits, and
 * the helper is a child subreaper, so the spare is handed to it; the spare
 * waits until it is, then dies with it (PR_SET_PDEATHSIG) and sends its pid
 * on its socket, which the template passes to the helper (SCM_RIGHTS). */
#ifdef VG_TEMPLATES

static int send_fd(int to, int fd) {
  char one = 1;
  return send_with_fd(to, &one, 1, fd) == 1 ? 0 : -1;
}

/* A descriptor sent with send_fd, or -1. */
static int recv_fd(int from) {
  union { char b[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } ctl;
  char one;
  struct iovec iov = { &one, 1 };
  struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.b, .msg_controllen = sizeof ctl.b };
  ssize_t r;
  do r = recvmsg(from, &mh, MSG_CMSG_CLOEXEC); while (r < 0 && errno == EINTR);
  if (r != 1) return -1;
  int fd = -1;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) memcpy(&fd, CMSG_DATA(c), sizeof fd);
  return fd;
}

static void template_main(int s, const char *spec) __attribute__((noreturn));
static void template_main(int s, const char *spec) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  pid_t helper = getppid();
  int ready = tts__espeak_ready();
  int loaded_rc = ready == 0 ? tts__load_voice(spec) : 0;
  for (;;) {
    char ask;
    if (read_all(s, &ask, 1) != 0) _exit(0);   /* the helper is done with this voice */
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) _exit(1);
    pid_t mid = fork();
    if (mid == 0) {
      if (fork() == 0) {
        close(s);
        close(sv[0]);
        /* handed to the helper once the go-between is gone */
        while (getppid() != helper) {
          if (getppid() == 1) _exit(0);
          sched_yield();
        }
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != helper) _exit(0);
        pid_t me = getpid();
        if (vg_write_all(sv[1], &me, sizeof me) != 0) _exit(0);
        spare_wait(sv[1], spec, ready, ready == 0, loaded_rc);
      }
      _exit(0);
    }
    close(sv[1]);
    if (mid > 0) while (waitpid(mid, NULL, 0) < 0 && errno == EINTR) {}
    int ok = mid > 0 && send_fd(s, sv[0]) == 0;
    close(sv[0]);
    if (!ok) _exit(1);
  }
}

/* Drops the template (its spares live on: they are the helper's). */
static void drop_template(void) {
  if (tpl.pid <= 0) return;
  close(tpl.sock);
  kill(tpl.pid, SIGKILL);
  while (waitpid(tpl.pid, NULL, 0) < 0 && errno == EINTR) {}
  tpl.pid = -1;
  tpl.sock = -1;
  tpl.spec[0] = 0;
}

/* A spare of spec from its template (started on first use). Its pid, with
 * its socket in *sock; -1 when the template cannot (the caller forks one
 * that initialises itself). */
static pid_t template_spare(int sock, int sfd, const sigset_t *chld, const char *spec, int *sp_sock) {
  if (tpl.pid > 0 && strcmp(tpl.spec, spec) != 0) drop_template();
  if (tpl.pid <= 0) {
    int end;
    pid_t pid = fork_joined(sock, sfd, chld, &end);
    if (pid == 0) template_main(end, spec);
    if (pid < 0) return -1;
    tpl.pid = pid;
    tpl.sock = end;
    snprintf(tpl.spec, sizeof tpl.spec, "%s", spec);
  }
  char ask = 1;
  int fd = vg_write_all(tpl.sock, &ask, 1) == 0 ? recv_fd(tpl.sock) : -1;
  pid_t pid = -1;
  if (fd < 0 || read_all(fd, &pid, sizeof pid) != 0 || pid <= 0) {
    if (fd >= 0) close(fd);
    drop_template();
    return -1;
  }
  *sp_sock = fd;
  return pid;
}
#endif

/* A new spare that loads spec ahead ("" for none). 0, or -1. */
static int fork_spare(int sock, int sfd, const sigset_t *chld, const char *spec) {
  if (nspares >= SPARES_MAX) return -1;
#ifdef VG_TEMPLATES
  if (*spec) {
    int fd;
    pid_t pid = template_spare(sock, sfd, chld, spec, &fd);
    if (pid > 0) {
      spare *sp = &spares[nspares++];
      sp->pid = pid;
      sp->sock = fd;
      snprintf(sp->spec, sizeof sp->spec, "%s", spec);
      return 0;
    }
  }
#endif
  int end;
  pid_t pid = fork_joined(sock, sfd, chld, &end);
  if (pid == 0) {
    spare_main(end, spec);
    _exit(3);
  }
  if (pid < 0) return -1;
  spare *sp = &spares[nspares++];
  sp->pid = pid;
  sp->sock = end;
  snprintf(sp->spec, sizeof sp->spec, "%s", spec);
  return 0;
}

/* Forgets spare i (used, broken, or dead); the last takes its place. */
static void drop_spare(int i) {
  close(spares[i].sock);
  spares[i] = spares[--nspares];
}

/* Spare i loaded another voice than the requests now name: it cannot
 * speak them from a pristine state, so it goes (reaped here: nobody waits). */
static void discard_spare(int i) {
  pid_t pid = spares[i].pid;
  drop_spare(i);
  kill(pid, SIGKILL);
  while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
}

/* The spare that speaks spec: one that loaded it, else one that loaded none
 * (it loads it), else a new one. Spares with another voice go. Its index, or -1. */
static int spare_for(int sock, int sfd, const sigset_t *chld, const char *spec) {
  for (int i = nspares - 1; i >= 0; i--)
    if (*spares[i].spec && strcmp(spares[i].spec, spec) != 0) discard_spare(i);
  for (int i = 0; i < nspares; i++)
    if (strcmp(spares[i].spec, spec) == 0) return i;
  for (int i = 0; i < nspares; i++)
    if (!*spares[i].spec) return i;
  return fork_spare(sock, sfd, chld, spec) == 0 ? nspares - 1 : -1;
}

static void top_up_spares(int sock, int sfd, const sigset_t *chld) {
  while (nspares < spares_wanted && fork_spare(sock, sfd, chld, last_spec) == 0) {}
}

static void reap(int sock) {
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    int was_spare = 0;
#ifdef VG_TEMPLATES
    if (pid == tpl.pid) {   /* the template died: the next spare starts another */
      close(tpl.sock);
      tpl.pid = -1;
      tpl.sock = -1;
      continue;
    }
#endif
    for (int i = 0; i < nspares && !was_spare; i++)
      if (spares[i].pid == pid) { drop_spare(i); was_spare = 1; }   /* died unused: nobody waits for it */
    if (was_spare) continue;
    if (send_msg(sock, MSG_ENDED, pid, status) != 0) _exit(0);   /* the engine is gone */
  }
}

static void helper_main(int sock, pid_t parent) {
#if defined(__linux__)
  prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
  if (getppid() != parent) _exit(0);   /* the engine ended before the line above */
  /* only the socket (moved to 3) and stdio stay open: a descriptor of the
   * engine's (a task's lock, a listening socket) must not live on here */
  if (sock != 3) {
    if (dup2(sock, 3) < 0) _exit(1);
    sock = 3;
  }
  if (close_range(4, ~0u, 0) != 0) {   /* a kernel before 5.9 */
    long max = sysconf(_SC_OPEN_MAX);
    for (int fd = 4; fd < (max > 0 && max < (1 << 20) ? max : 65536); fd++) close(fd);
  }
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  signal(SIGPIPE, SIG_IGN);
  tts__forbid_exec();
#ifdef VG_TEMPLATES
  prctl(PR_SET_CHILD_SUBREAPER, 1);   /* the template's spares come to the helper */
#endif
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  int sfd = -1;
#if defined(__linux__)
  sfd = signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
#endif
  for (;;) {
    struct pollfd p[2] = { { .fd = sock, .events = POLLIN }, { .fd = sfd, .events = POLLIN } };
    /* without a signalfd, look for ended children every 10 ms */
    int pr = poll(p, sfd >= 0 ? 2 : 1, sfd >= 0 ? -1 : 10);
    if (pr < 0 && errno != EINTR) _exit(1);
    if (sfd >= 0 && (p[1].revents & POLLIN)) {
      char drain[sizeof(struct signalfd_siginfo) * 8];
      while (read(sfd, drain, sizeof drain) > 0) {}
    }
    reap(sock);
    if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    req_head h;
    int fd;
    char *buf;
    int got = read_request(sock, &h, &fd, &buf);
    if (got <= 0) _exit(0);   /* the engine closed its end, or broke the protocol */
    if (h.warm) {
      int lanes = h.level;
      const char *wspec = buf + h.text_len + 1;
      if (*wspec && strlen(wspec) < SPEC_MAX) snprintf(last_spec, sizeof last_spec, "%s", wspec);
      spares_wanted = lanes < 1 ? 1 : lanes > SPARES_MAX ? SPARES_MAX : lanes;
      top_up_spares(sock, sfd, &chld);
      free(buf);
      if (fd >= 0) close(fd);
      continue;
    }
    const char *spec = buf + h.text_len + 1;
    if (strlen(spec) < SPEC_MAX) snprintf(last_spec, sizeof last_spec, "%s", spec);
    pid_t pid = -EBADF;
    /* a spare speaks it; one that died meanwhile is replaced, once */
    for (int attempt = 0; fd >= 0 && attempt < 2; attempt++) {
      int i = spare_for(sock, sfd, &chld, spec);
      if (i < 0) { pid = -EAGAIN; break; }
      pid_t sp = spares[i].pid;
      int ok = forward(spares[i].sock, &h, fd, buf) == 0;
      drop_spare(i);   /* used (or broken): the next request gets another */
      if (ok) { pid = sp; break; }
    }
    if (fd >= 0) close(fd);
    free(buf);
    if (send_msg(sock, MSG_STARTED, pid, 0) != 0) _exit(0);
    top_up_spares(sock, sfd, &chld);   /* initialising while this one speaks */
  }
}

/* ---- the engine's side (the TTS worker thread; tts_prefork before it) ------ */

/* Forks the helper. Under H.mu. 0, or -1 (errno). */
static int start_helper(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return -1;
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) { int e = errno; close(sv[0]); close(sv[1]); errno = e; return -1; }
  if (pid == 0) {
    close(sv[0]);
    helper_main(sv[1], parent);
    _exit(0);
  }
  close(sv[1]);
  H.sock = sv[0];
  H.pid = pid;
  H.nended = 0;
  return 0;
}

/* The helper stopped answering: forget it (and reap it). Under H.mu. */
static void drop_helper(void) {
  if (H.sock >= 0) close(H.sock);
  H.sock = -1;
  if (H.pid > 0) {
    kill(H.pid, SIGKILL);
    while (waitpid(H.pid, NULL, 0) < 0 && errno == EINTR) {}
  }
  H.pid = -1;
  H.nended = 0;
}

int tts_prefork(void) {
  pthread_mutex_lock(&H.mu);
  int rc = H.sock >= 0 ? 0 : start_helper();
  pthread_mutex_unlock(&H.mu);
  return rc;
}

int tts_helper_pid(void) {
  pthread_mutex_lock(&H.mu);
  pid_t p = H.pid;
  pthread_mutex_unlock(&H.mu);
  return p;
}

/* Header (with fd attached when fd >= 0), then the strings. 0 or -1. */
static int send_parts(int to, const req_head *h, int fd, const char *text, const char *spec, const char *crash_on) {
  ssize_t w = send_with_fd(to, h, sizeof *h, fd);
  if (w < 0) return -1;
  if ((size_t)w < sizeof *h && vg_write_all(to, (const char *)h + w, sizeof *h - (size_t)w) != 0) return -1;
  if (vg_write_all(to, text, h->text_len) != 0 || vg_write_all(to, spec, h->spec_len) != 0 ||
      vg_write_all(to, crash_on, h->crash_on_len) != 0)
    return -1;
  return 0;
}

static int forward(int to, const req_head *h, int fd, const char *buf) {
  const char *spec = buf + h->text_len + 1;
  return send_parts(to, h, fd, buf, spec, spec + h->spec_len + 1);
}

/* warm > 0: nothing to speak, but that many spares from now on, of r's
 * voice when it names one */
static int send_request(const tts_speak_req *r, int fd, int warm) {
  size_t crash_on_len = r && r->crash_on ? strlen(r->crash_on) : 0;
  req_head h = { .magic = REQ_MAGIC, .warm = warm > 0, .level = warm };
  if (r) {
    h.rate = r->rate; h.pitch = r->pitch; h.range = r->range; h.ssml = r->ssml;
    h.level = warm > 0 ? warm : r->level;
    h.crash_child = r->crash_child;
    h.text_len = (uint32_t)r->len;
    h.spec_len = (uint32_t)strlen(r->spec);
    h.crash_on_len = (uint32_t)crash_on_len;
  }
  return send_parts(H.sock, &h, fd, r ? r->text : "", r ? r->spec : "", r && r->crash_on ? r->crash_on : "");
}

/* An "ended" answer for another child: kept for its own wait. 0 or -1. */
static int keep_ended(msg m) {
  if (H.nended == H.capended) {
    size_t cap = H.capended ? H.capended * 2 : 16;
    msg *n = realloc(H.ended, cap * sizeof *n);
    if (!n) return -1;
    H.ended = n;
    H.capended = cap;
  }
  H.ended[H.nended++] = m;
  return 0;
}

/* The helper's next "started" answer ("ended" ones on the way are kept).
 * 0, or -1 when the helper is gone. */
static int next_started(msg *out) {
  for (;;) {
    msg m;
    if (read_all(H.sock, &m, sizeof m) != 0) return -1;
    if (m.kind == MSG_STARTED) { *out = m; return 0; }
    if (m.kind != MSG_ENDED || keep_ended(m) != 0) return -1;
  }
}

void tts__helper_warm(int lanes, const char *spec) {
  tts_speak_req r = { "", 0, spec ? spec : "", 0, 0, 0, 0, 0, 0, NULL, NULL, 0 };
  pthread_mutex_lock(&H.mu);
  if (H.sock >= 0 || start_helper() == 0) {
    if (send_request(&r, -1, lanes) != 0) drop_helper();
  }
  pthread_mutex_unlock(&H.mu);
}

pid_t tts__helper_speak(const tts_speak_req *r, int fd, char *err, size_t errlen) {
  pthread_mutex_lock(&H.mu);
  pid_t pid = -1;
  /* a helper that died since the last utterance is replaced, once */
  for (int attempt = 0; attempt < 2 && pid < 0; attempt++) {
    if (H.sock < 0 && start_helper() != 0) {
      snprintf(err, errlen, "cannot start the speech helper: %s", strerror(errno));
      break;
    }
    msg m;
    if (send_request(r, fd, 0) != 0 || next_started(&m) != 0) {
      drop_helper();
      snprintf(err, errlen, "the speech helper stopped");
      continue;
    }
    if (m.pid < 0) {
      snprintf(err, errlen, "%s", m.pid == -EIO ? "espeak-ng failed to initialise in the speech helper"
                                               : strerror(-m.pid));
      break;
    }
    pid = m.pid;
  }
  pthread_mutex_unlock(&H.mu);
  return pid;
}

int tts__helper_wait(pid_t pid, int *status) {
  pthread_mutex_lock(&H.mu);
  int rc = -1;
  for (size_t i = 0; i < H.nended; i++)
    if (H.ended[i].pid == pid) {
      *status = H.ended[i].status;
      H.ended[i] = H.ended[--H.nended];
      rc = 0;
      break;
    }
  if (rc != 0 && H.sock >= 0) {
    for (;;) {
      msg m;
      if (read_all(H.sock, &m, sizeof m) != 0 || m.kind != MSG_ENDED) { drop_helper(); break; }
      if (m.pid == pid) { *status = m.status; rc = 0; break; }
      if (keep_ended(m) != 0) { drop_helper(); break; }
    }
  }
  pthread_mutex_unlock(&H.mu);
  return rc;
}
