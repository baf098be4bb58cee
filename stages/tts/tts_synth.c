/* tts_synth.c: the espeak-ng worker. One thread owns espeak-ng (it keeps
 * process-global state); jobs wait in a FIFO guarded by a mutex and a
 * condition variable. A job first looks in the artifact cache (a hit runs no
 * synthesis), else a child of the speech helper (tts_helper.c) speaks it
 * (up to one child per core at a time); the worker turns espeak's events
 * into word, sentence and mark timings, and stores the WAV and its timings
 * in the cache. */
#define _GNU_SOURCE 1  /* pipe2 */
#include "tts_private.h"
#include "vg_utf8.h"
#include "vg.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <espeak-ng/speak_lib.h>
#if defined(__linux__)
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#endif


struct tts_job {
  char *text;
  size_t len;
  tts_reading said;  /* what espeak-ng says instead, if not the text (Japanese) */
  tts_voice voice;
  int ssml, keep;
  char key[65];
  vg_cache *cache;   /* the task's, captured when the job was made */
  tts_done_fn started, done;
  void *ud;
  tts_job *next;
  int cancel;      /* atomic */
  int finished;    /* under W.mu */
  uint64_t ticket; /* under W.mu: its place in the queue (done callbacks come in this order) */
  int heard;       /* its samples and events are in, to be kept */
  pid_t pid;       /* worker only: the child speaking this job, or -1 */
  int fd;          /* worker only: the pipe from that child */
  int submitted;
  /* filled on the worker */
  int16_t *samples; size_t n, cap;
  raw_event *ev; size_t nev, evcap;
  tts_clip clip;
  char *error;
  char *warning;   /* sentences that were spoken normalised or left out */
  int level;       /* tts_speech_normalize level of what the child speaks */
  int crash_child; /* tests, in the child: die at once / on this text */
  const char *crash_on;
  const char *loaded;  /* in the child: the voice a spare loaded ahead, or NULL */
  int loaded_rc;
};

#define TTS_LANES_MAX 8

static struct {
  pthread_once_t once;
  pthread_mutex_t mu;
  pthread_cond_t cv;       /* new jobs, init done */
  pthread_cond_t done_cv;  /* a job finished (tts_job_run) */
  pthread_t thread;
  tts_job *head, *tail;
  int ready, init_rc;
  char init_err[256];
  char version[32];
  int sample_rate;
  char warm_voice[64];     /* tts_warm's voice, read by the worker once initialised */
  int lanes;               /* utterances spoken at once (the worker's) */
  int warmed;              /* the helper was asked for spares (the worker's) */
  tts_job *khead, *ktail;  /* heard, to be kept (by the keepers) */
  pthread_cond_t kcv;      /* a job to keep */
  pthread_cond_t turn_cv;  /* a job's done callback came */
  uint64_t tickets, next_done;
  tts_job *current;        /* worker only: the job espeak is speaking */
  uint64_t syntheses, hits;  /* atomic */
} W = { .once = PTHREAD_ONCE_INIT, .mu = PTHREAD_MUTEX_INITIALIZER,
        .cv = PTHREAD_COND_INITIALIZER, .done_cv = PTHREAD_COND_INITIALIZER,
        .kcv = PTHREAD_COND_INITIALIZER, .turn_cv = PTHREAD_COND_INITIALIZER };

static void set_error(tts_job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_error(tts_job *j, const char *fmt, ...) {
  char buf[TTS_ERR_MAX];
  va_list ap;
  va_start(ap, fmt);
  vg_vsnprintf_utf8(buf, sizeof buf, fmt, ap);
  va_end(ap);
  free(j->error);
  j->error = strdup(buf);
}

/* ---- espeak callback (worker thread) --------------------------------------- */

static int synth_cb(short *wav, int numsamples, espeak_EVENT *events) {
  tts_job *j = W.current;
  if (!j) return 1;
  if (wav && numsamples > 0) {
    if (j->n + (size_t)numsamples > j->cap) {
      size_t cap = j->cap ? j->cap * 2 : 65536;
      while (cap < j->n + (size_t)numsamples) cap *= 2;
      int16_t *s = realloc(j->samples, cap * sizeof *s);
      if (!s) { set_error(j, "out of memory"); return 1; }
      j->samples = s; j->cap = cap;
    }
    memcpy(j->samples + j->n, wav, (size_t)numsamples * sizeof *wav);
    j->n += (size_t)numsamples;
  }
  for (espeak_EVENT *e = events; e && e->type != espeakEVENT_LIST_TERMINATED; e++) {
    if (e->type != espeakEVENT_WORD && e->type != espeakEVENT_SENTENCE &&
        e->type != espeakEVENT_MARK && e->type != espeakEVENT_END)
      continue;
    if (j->nev == j->evcap) {
      size_t cap = j->evcap ? j->evcap * 2 : 256;
      raw_event *r = realloc(j->ev, cap * sizeof *r);
      if (!r) { set_error(j, "out of memory"); return 1; }
      j->ev = r; j->evcap = cap;
    }
    raw_event *r = &j->ev[j->nev++];
    r->type = e->type == espeakEVENT_WORD ? TTS_EV_WORD
              : e->type == espeakEVENT_SENTENCE ? TTS_EV_SENTENCE
              : e->type == espeakEVENT_MARK ? TTS_EV_MARK : TTS_EV_END;
    r->pos = e->text_position;
    r->len = e->length;
    /* `sample` counts samples exactly; audio_position is whole milliseconds */
    r->sample = e->sample > 0 || e->audio_position == 0
                  ? (size_t)e->sample
                  : (size_t)((double)e->audio_position * W.sample_rate / 1000.0);
    r->name = e->type == espeakEVENT_MARK && e->id.name ? strdup(e->id.name) : NULL;
  }
  return __atomic_load_n(&j->cancel, __ATOMIC_RELAXED) ? 1 : 0;
}

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void build_timings(tts_job *j) {
  tts_align(j->text, j->len, j->ssml, j->ev, j->nev, j->n, W.sample_rate, &j->clip);
}

/* ---- one job (worker thread) -------------------------------------------------- */

static int text_is_blank(const tts_job *j) {
  for (size_t i = 0; i < j->len; i++)
    if (!is_space(j->text[i])) return 0;
  return 1;
}

static int load_cached(tts_job *j) {
  char wav[4096], json[4096];
  if (!vg_cache_lookup(j->cache, j->key, ".json", json, sizeof json)) return 0;
  if (!vg_cache_lookup(j->cache, j->key, ".wav", wav, sizeof wav)) return 0;
  FILE *f = fopen(json, "rb");
  if (!f) return 0;
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    if (n + 4096 > cap) {
      cap = cap ? cap * 2 : 16384;
      char *b = realloc(buf, cap);
      if (!b) { free(buf); fclose(f); return 0; }
      buf = b;
    }
    size_t r = fread(buf + n, 1, cap - n - 1, f);
    n += r;
    if (r == 0) break;
  }
  fclose(f);
  buf[n] = '\0';
  cJSON *jj = cJSON_Parse(buf);
  free(buf);
  tts_clip c = {0};
  int ok = jj && tts_clip_from_json(&c, jj) == 0;
  cJSON_Delete(jj);
  if (!ok) { tts_clip_clear(&c); return 0; }
  tts_clip_clear(&j->clip);
  j->clip = c;
  snprintf(j->clip.path, sizeof j->clip.path, "%s", wav);
  j->clip.cached = 1;
  return 1;
}

static int store(tts_job *j) {
  unsigned char *wav = NULL;
  size_t wlen = 0;
  if (tts_wav_encode(j->samples, j->n, W.sample_rate, &wav, &wlen) != 0) {
    set_error(j, "out of memory");
    return -1;
  }
  int rc = vg_cache_put(j->cache, j->key, ".wav", wav, wlen);
  free(wav);
  if (rc != 0) {
    set_error(j, "cannot keep the clip: %s", vg_cache_error());
    return -1;
  }
  cJSON *json = tts_clip_to_json(&j->clip, 0);
  cJSON_AddNumberToObject(json, "format", TTS_FORMAT_VERSION);
  cJSON_AddNumberToObject(json, "samples", (double)j->n);
  cJSON_AddStringToObject(json, "voice_spec", j->voice.spec);
  char *s = json ? cJSON_PrintUnformatted(json) : NULL;
  cJSON_Delete(json);
  rc = s ? vg_cache_put(j->cache, j->key, ".json", s, strlen(s)) : -1;
  free(s);
  if (rc != 0) {
    set_error(j, "cannot keep the timings: %s", s ? vg_cache_error() : "out of memory");
    return -1;
  }
  vg_cache_lookup(j->cache, j->key, ".wav", j->clip.path, sizeof j->clip.path);
  return 0;
}

/* ---- one utterance in a child process ------------------------------------
 * espeak-ng keeps state from one utterance to the next in static variables
 * that espeak_Terminate does not reset (the phase of the voice wave, the
 * last pitch and pause): the same text comes out a little different after
 * another one, so a clip would depend on what was spoken before it, and a
 * clip made after a cache hit would differ from one made in sequence. So
 * the speech helper initialises espeak-ng and never speaks itself; every
 * utterance is spoken by a child it forks, which starts from that pristine
 * state and sends back the samples and events through a pipe. A clip is
 * then a pure function of (text, voice, rate, pitch, espeak-ng version). */
static int read_full(tts_job *j, int fd, pid_t child, void *p, size_t n) {
  char *c = p;
  while (n > 0) {
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    int pr = poll(&pfd, 1, 100);
    if (pr < 0 && errno != EINTR) return -1;
    if (__atomic_load_n(&j->cancel, __ATOMIC_RELAXED)) { kill(child, SIGKILL); return -2; }
    if (pr <= 0) continue;
    ssize_t r = read(fd, c, n);
    if (r < 0) { if (errno == EINTR) continue; return -1; }
    if (r == 0) return -1;
    c += r; n -= (size_t)r;
  }
  return 0;
}

/* The speaking child never starts a program. espeak-ng has paths that do
 * (system("sox ...") for SSML <audio>, exec of mbrola for mbrola voices);
 * tts_ssml.c keeps every one of them out of reach, and this makes sure:
 * execve fails with EPERM in the child. Nor does it reach a network or make
 * a folder: espeak-ng 1.51 opens an audio device even to synthesize into
 * memory, and libpulse under it makes $XDG_RUNTIME_DIR/pulse and connects
 * to whatever PULSE_SERVER names (a sound server that does not answer held
 * each child for 30 s). connect() finds nothing (ENOENT), socket() of any
 * family but AF_UNIX and mkdir fail, and the sound device is never there. The helper's socketpair() is another
 * call. Best effort: where seccomp is not available the filter alone
 * protects, and vgrun's main() points PULSE_SERVER at nothing. */
void tts__forbid_exec(void) {
#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#if defined(__x86_64__)
#define VG_AUDIT_ARCH AUDIT_ARCH_X86_64
#define VG_X32_BIT 0x40000000u
#else
#define VG_AUDIT_ARCH AUDIT_ARCH_AARCH64
#define VG_X32_BIT 0xFFFFFFFFu
#endif
  struct sock_filter f[] = {
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, VG_AUDIT_ARCH, 1, 0),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),  /* another ABI (i386, x32) */
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
    BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, VG_X32_BIT, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
/* the call nr fails with EPERM */
#define VG_REFUSE(nr) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), \
                      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM)
    VG_REFUSE(__NR_execve),
    VG_REFUSE(__NR_execveat),
    VG_REFUSE(__NR_mkdirat),
#ifdef __NR_mkdir
    VG_REFUSE(__NR_mkdir),
#endif
    /* every connect finds nothing there (libpulse says nothing of a
     * missing server; of a refused socket() it prints a line each time) */
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_connect, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOENT),
    /* a socket of any family but AF_UNIX is refused (no datagram to send
     * without connect either) */
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 0, 4),
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_UNIX, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = { .len = (unsigned short)(sizeof f / sizeof f[0]), .filter = f };
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0)
    (void)prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
#endif
}

static void child_speak(tts_job *j, int fd) __attribute__((noreturn));
static void child_speak(tts_job *j, int fd) {
  int rc = 0;
  tts__forbid_exec();   /* the helper did already; a filter more costs nothing */
  /* a crash must end this child by its signal (the worker then retries
   * sentence by sentence), not run a handler the host process installed */
  static const int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };
  for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++) signal(fatal[i], SIG_DFL);
  /* tests: a child that dies while speaking must give a clear error */
  if (j->crash_child) raise(SIGSEGV);
  /* a spare loaded the voice ahead when the last request named it: the
   * same calls in the same order as loading it now */
  espeak_ERROR er = j->loaded && strcmp(j->loaded, j->voice.spec) == 0 ? (espeak_ERROR)j->loaded_rc
                                                                         : espeak_SetVoiceByName(j->voice.spec);
  if (er != EE_OK) rc = 1;
  if (rc == 0) {
    espeak_SetParameter(espeakRATE, j->voice.rate, 0);
    espeak_SetParameter(espeakPITCH, j->voice.pitch, 0);
    espeak_SetParameter(espeakRANGE, j->voice.range, 0);
    W.current = j;
    unsigned flags = espeakCHARS_UTF8 | (j->ssml ? espeakSSML : 0);
    /* plain text: what libespeak-ng is known to crash on is read as spaces
     * (positions unchanged, so the events still point into j->text) */
    char *spoken = j->ssml ? NULL : malloc(j->len + 1);
    size_t slen = j->len;
    if (spoken) {
      memcpy(spoken, j->text, j->len + 1);
      slen = tts_speech_normalize(spoken, j->len, j->level > 1 ? j->level : 1);
      tts_speech_letters(spoken, slen, j->voice.spec);
    }
    /* tests: a child that dies on one sentence only */
    const char *crash_on = j->crash_on;
    if (crash_on && *crash_on && strstr(spoken ? spoken : j->text, crash_on)) raise(SIGSEGV);
    er = espeak_Synth(spoken ? spoken : j->text, slen + 1, 0, POS_CHARACTER, 0, flags, NULL, NULL);
    free(spoken);
    W.current = NULL;
    if (er != EE_OK || j->error) rc = 2;
  }
  int code = (int)er;
  if (vg_write_all(fd, &rc, sizeof rc) || vg_write_all(fd, &code, sizeof code) ||
      vg_write_all(fd, &j->n, sizeof j->n) ||
      (j->n && vg_write_all(fd, j->samples, j->n * sizeof *j->samples)) ||
      vg_write_all(fd, &j->nev, sizeof j->nev))
    _exit(3);
  for (size_t i = 0; i < j->nev; i++) {
    raw_event *e = &j->ev[i];
    size_t nl = e->name ? strlen(e->name) : 0;
    if (vg_write_all(fd, e, sizeof *e) || vg_write_all(fd, &nl, sizeof nl) || (nl && vg_write_all(fd, e->name, nl)))
      _exit(3);
  }
  _exit(0);
}

void tts__speak(const tts_speak_req *r, int fd) {
  tts_job j;
  memset(&j, 0, sizeof j);
  j.text = (char *)r->text;
  j.len = r->len;
  snprintf(j.voice.spec, sizeof j.voice.spec, "%s", r->spec);
  j.voice.rate = r->rate;
  j.voice.pitch = r->pitch;
  j.voice.range = r->range;
  j.ssml = r->ssml;
  j.level = r->level;
  j.crash_child = r->crash_child;
  j.crash_on = r->crash_on;
  j.loaded = r->loaded;
  j.loaded_rc = r->loaded_rc;
  child_speak(&j, fd);
}

int tts__load_voice(const char *spec) { return (int)espeak_SetVoiceByName(spec); }

int tts__espeak_ready(void) {
  if (W.sample_rate > 0) return 0;   /* initialised here, or inherited from the worker */
  int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, 0);
  if (rate <= 0) return -1;
  W.sample_rate = rate;
  espeak_SetSynthCallback(synth_cb);
  return 0;
}

/* Starts the child that speaks j (nothing to start for blank text: pid
 * stays -1, as start_job set it). On failure j->error says why. */
static void spawn(tts_job *j) {
  if (text_is_blank(j)) return;
  /* the first clip to speak: the helper's speaking children initialise
   * now, one per lane, of this clip's voice (a run whose clips are all in
   * the cache, or blank, forks none: issue 17) */
  if (!W.warmed) {
    W.warmed = 1;
    tts__helper_warm(W.lanes, j->voice.spec);
  }
  int fds[2];
  /* close-on-exec: nothing the child might start can hold the pipe open
   * (the worker reads until end of file) */
  if (pipe2(fds, O_CLOEXEC) != 0) { set_error(j, "cannot make a pipe for espeak-ng: %s", strerror(errno)); return; }
  /* the test knobs are read here, in the engine's process, at the time of
   * the job (the helper's environment is as old as the helper) */
  const char *crash_on = getenv("VGRUN_TTS_CRASH_ON");
  const char *text = j->said.text ? j->said.text : j->text;
  size_t len = j->said.text ? j->said.len : j->len;
  tts_speak_req r = { text, len, j->voice.spec, j->voice.rate, j->voice.pitch, j->voice.range,
                      j->ssml || j->said.ssml, j->level, getenv("VGRUN_TTS_CRASH_CHILD") != NULL, crash_on, NULL, 0 };
  char err[256];
  pid_t pid = tts__helper_speak(&r, fds[1], err, sizeof err);
  close(fds[1]);   /* the child holds the only write end: end of file when it ends */
  if (pid < 0) {
    close(fds[0]);
    set_error(j, "cannot start espeak-ng: %s", err);
    return;
  }
  j->pid = pid;
  j->fd = fds[0];
}

/* The warning of a crash: which sentence, how it ended. */
typedef struct vgi_warn_buf { char *s; } vgi_warn_buf;
static void warn_sentence(vgi_warn_buf *b, int n, const char *text, size_t len, const char *what) {
  char quote[64];
  size_t q = 0;
  while (len && *text == ' ') { text++; len--; }
  for (size_t i = 0; i < len && q + 5 < sizeof quote; i++) {
    if (q >= 40 && ((unsigned char)text[i] & 0xC0) != 0x80) { memcpy(quote + q, "\xE2\x80\xA6", 3); q += 3; break; }
    quote[q++] = text[i] == '\n' ? ' ' : text[i];
  }
  quote[q] = 0;
  char *old = b->s, *s = NULL;
  if (asprintf(&s, "%s%sespeak-ng crashed on sentence %d (\"%s\"); %s", old ? old : "", old ? "; " : "",
               n, quote, what) < 0)
    return;
  free(old);
  b->s = s;
}

/* Reads what the child of j said into j (samples, events). 0: spoken;
 * 1: the child crashed (j->error says how); -1: another error in j->error. */
static int receive(tts_job *j) {
  if (j->error) return -1;
  if (j->pid > 0) {
    pid_t pid = j->pid;
    int fd = j->fd;
    int rc = -1, code = 0, got;
    size_t n = 0, nev = 0;
    got = read_full(j, fd, pid, &rc, sizeof rc);
    if (got == 0) got = read_full(j, fd, pid, &code, sizeof code);
    if (got == 0) got = read_full(j, fd, pid, &n, sizeof n);
    if (got == 0 && n > (size_t)1 << 31) got = -1;
    if (got == 0 && n > 0) {
      int16_t *smp = realloc(j->samples, n * sizeof *smp);
      if (!smp) got = -1;
      else { j->samples = smp; j->cap = n; got = read_full(j, fd, pid, smp, n * sizeof *smp); }
    }
    j->n = n;
    if (got == 0) got = read_full(j, fd, pid, &nev, sizeof nev);
    if (got == 0 && nev > 0) {
      raw_event *ev = calloc(nev, sizeof *ev);
      if (!ev) got = -1;
      else {
        j->ev = ev; j->evcap = nev;
        for (size_t i = 0; i < nev && got == 0; i++) {
          size_t nl = 0;
          got = read_full(j, fd, pid, &ev[i], sizeof ev[i]);
          ev[i].name = NULL;
          if (got == 0) got = read_full(j, fd, pid, &nl, sizeof nl);
          if (got == 0 && nl > 0 && nl < 65536) {
            ev[i].name = calloc(1, nl + 1);
            got = ev[i].name ? read_full(j, fd, pid, ev[i].name, nl) : -1;
          }
          j->nev = i + 1;
        }
      }
    }
    close(fd);
    j->fd = -1;
    if (got != 0) kill(pid, SIGKILL);  /* a child we stopped listening to */
    int status = 0;
    int lost = tts__helper_wait(pid, &status) != 0;
    j->pid = -1;
    __atomic_add_fetch(&W.syntheses, 1, __ATOMIC_RELAXED);
    if (got == -2 || __atomic_load_n(&j->cancel, __ATOMIC_RELAXED)) { set_error(j, "cancelled"); return -1; }
    if (lost) {   /* the helper died with the child: like a crash, and the next piece starts a new one */
      set_error(j, "the speech helper stopped while speaking");
      return 1;
    }
    if (WIFSIGNALED(status) && !(got != 0 && WTERMSIG(status) == SIGKILL)) {
      set_error(j, "espeak-ng crashed while speaking (signal %d, %s)", WTERMSIG(status),
                strsignal(WTERMSIG(status)));
      return 1;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == TTS_EXIT_NO_ESPEAK) {
      set_error(j, "espeak-ng failed to initialise in the speaking child (is espeak-ng-data installed?)");
      return -1;
    }
    if (got != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      set_error(j, "espeak-ng stopped unexpectedly while speaking (exit status %d)",
                WIFEXITED(status) ? WEXITSTATUS(status) : -1);
      return -1;
    }
    if (rc == 1) { set_error(j, "espeak-ng cannot load voice %s", j->voice.spec); return -1; }
    if (rc != 0) { set_error(j, "espeak-ng failed to synthesize (error %d)", code); return -1; }
  }
  return 0;
}

static void clear_output(tts_job *j) {
  for (size_t i = 0; i < j->nev; i++) free(j->ev[i].name);
  free(j->ev);
  j->ev = NULL;
  j->nev = j->evcap = 0;
  free(j->samples);
  j->samples = NULL;
  j->n = j->cap = 0;
}

static size_t utf8_chars(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

/* The full-width sentence ends of Chinese and Japanese, 。！？．｡‼⁇⁈⁉ (as
 * stages/input/wide_stops.c reads them): none is followed by a space. */
static int is_wide_stop(const char *p) {
  static const char *const stops[] = { "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x8E",
                                       "\xEF\xBD\xA1", "\xE2\x80\xBC", "\xE2\x81\x87", "\xE2\x81\x88",
                                       "\xE2\x81\x89", NULL };
  for (int k = 0; stops[k]; k++)
    if (!memcmp(p, stops[k], 3)) return 1;
  return 0;
}

/* End (exclusive) of the sentence that starts at i: after . ! ? when a
 * space or the end follows, after a CJK mark, or at a line break. */
static size_t sentence_end(const char *t, size_t n, size_t i) {
  for (; i < n; i++) {
    unsigned char c = (unsigned char)t[i];
    if (c == '\n') return i + 1;
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == n || t[i + 1] == ' ' || t[i + 1] == '\n'))
      return i + 1;
    if (i + 2 < n && is_wide_stop(t + i)) return i + 3;
  }
  return n;
}

/* One piece of j's text spoken by a child of its own, at a level. 0: its
 * samples and events are in p; else p->error. */
static int speak_piece(tts_job *j, tts_job *p, const char *text, size_t len, int level) {
  memset(p, 0, sizeof *p);
  p->text = malloc(len + 1);
  if (!p->text) return -1;
  memcpy(p->text, text, len);
  p->text[len] = 0;
  p->len = len;
  p->voice = j->voice;
  p->level = level;
  p->pid = -1;
  p->fd = -1;
  p->cancel = __atomic_load_n(&j->cancel, __ATOMIC_RELAXED);
  spawn(p);
  return receive(p);
}

static void free_piece(tts_job *p) {
  clear_output(p);
  free(p->text);
  free(p->error);
}

/* The child crashed on j's text: speak it again sentence by sentence, each
 * in a child of its own; a sentence that crashes is tried once more with
 * every symbol read as a space, and left silent if that crashes too. So a
 * crash costs at most its sentence, and j->warning says which. 0 when
 * anything was spoken; -1 keeps the original error. */
static int recover(tts_job *j) {
  if (j->ssml || __atomic_load_n(&j->cancel, __ATOMIC_RELAXED)) return -1;
  clear_output(j);
  vgi_warn_buf wb = {0};
  int spoken = 0, lost = 0, nsent = 0;
  for (size_t i = 0; i < j->len;) {
    size_t e = sentence_end(j->text, j->len, i);
    nsent++;
    size_t off_chars = utf8_chars(j->text, i);
    tts_job p;
    int rc = speak_piece(j, &p, j->text + i, e - i, 1);
    int level = 1;
    if (rc == 1) {
      free_piece(&p);
      rc = speak_piece(j, &p, j->text + i, e - i, 2);
      level = 2;
    }
    if (__atomic_load_n(&j->cancel, __ATOMIC_RELAXED)) { free_piece(&p); set_error(j, "cancelled"); return -1; }
    if (rc == 0) {
      /* append: samples, and events moved to this sentence's place */
      if (p.n) {
        int16_t *smp = realloc(j->samples, (j->n + p.n) * sizeof *smp);
        if (!smp) { free_piece(&p); return -1; }
        j->samples = smp;
        memcpy(j->samples + j->n, p.samples, p.n * sizeof *smp);
      }
      for (size_t k = 0; k < p.nev; k++) {
        if (p.ev[k].type == TTS_EV_END) continue;
        raw_event *r = realloc(j->ev, (j->nev + 1) * sizeof *r);
        if (!r) { free_piece(&p); return -1; }
        j->ev = r;
        j->ev[j->nev] = p.ev[k];
        j->ev[j->nev].pos += (int)off_chars;
        j->ev[j->nev].sample += j->n;
        p.ev[k].name = NULL;   /* moved */
        j->nev++;
      }
      j->n += p.n;
      j->cap = j->n;
      j->evcap = j->nev;
      spoken++;
      if (level == 2) warn_sentence(&wb, nsent, j->text + i, e - i, "spoken with its symbols left out");
    } else {
      lost++;
      warn_sentence(&wb, nsent, j->text + i, e - i, "left silent");
    }
    free_piece(&p);
    i = e;
  }
  if (!spoken) { free(wb.s); return -1; }
  free(j->error);
  j->error = NULL;
  free(j->warning);
  j->warning = wb.s;
  (void)lost;
  /* kept under a key of its own: the next run looks up the usual key, tries
   * the whole text again (a crash may not come back) and warns again */
  vg_hash h;
  vg_hash_init(&h);
  vg_hash_str(&h, "recovered");
  vg_hash_str(&h, j->key);
  vg_hash_final(&h, j->key);
  snprintf(j->clip.key, sizeof j->clip.key, "%s", j->key);
  return 0;
}

/* Reads what the child of j said (a crash: spoken again sentence by
 * sentence). 0: j holds its samples and events; else j->error says why. */
static int hear(tts_job *j) {
  int rc = receive(j);
  /* the reading's events onto the text (a recovery speaks the text itself) */
  if (rc == 0) tts_reading_remap(&j->said, j->ev, j->nev);
  if (rc == 1 && recover(j) == 0) rc = 0;
  return rc;
}

/* Makes the clip of what was heard: timings, the cache. */
static void keep(tts_job *j) {
  /* blank text: a silent clip of zero length, no espeak call at all */
  j->clip.sample_rate = W.sample_rate;
  j->clip.nsamples = j->n;
  j->clip.duration = tts_seconds(j->n, W.sample_rate);
  build_timings(j);
  store(j);
}

/* A job's first half: a cache hit is done here (returns 1); otherwise its
 * child starts speaking (returns 0), and finish_job collects it. */
static int start_job(tts_job *j) {
  j->pid = -1;
  j->fd = -1;
  j->clip.sample_rate = W.sample_rate;
  snprintf(j->clip.key, sizeof j->clip.key, "%s", j->key);
  snprintf(j->clip.voice, sizeof j->clip.voice, "%s", j->voice.name);
  if (__atomic_load_n(&j->cancel, __ATOMIC_RELAXED)) { set_error(j, "cancelled"); return 1; }
  if (load_cached(j)) {
    snprintf(j->clip.voice, sizeof j->clip.voice, "%s", j->voice.name);
    __atomic_add_fetch(&W.hits, 1, __ATOMIC_RELAXED);
    return 1;
  }
  spawn(j);
  return 0;
}


#define TTS_KEEPERS 2
static int keepers_missing;   /* no keeper thread could start: the worker keeps */

/* Keeps a heard job's clip and calls its done callback in its turn. */
static void finish(tts_job *j) {
  if (j->heard) keep(j);
  if (!j->keep) { free(j->samples); j->samples = NULL; j->cap = 0; }
  pthread_mutex_lock(&W.mu);
  while (W.next_done != j->ticket) pthread_cond_wait(&W.turn_cv, &W.mu);
  pthread_mutex_unlock(&W.mu);
  if (j->done) j->done(j, j->ud);
  pthread_mutex_lock(&W.mu);
  W.next_done++;
  pthread_cond_broadcast(&W.turn_cv);
  j->finished = 1;  /* after done(): the owner may free the job once it sees this */
  pthread_cond_broadcast(&W.done_cv);
  pthread_mutex_unlock(&W.mu);
}

/* A keeper: writes the clips the worker heard. Jobs leave the queue in
 * ticket order, so the one whose turn it is is always being kept. */
static void *keeper_main(void *arg) {
  (void)arg;
  pthread_mutex_lock(&W.mu);
  for (;;) {
    while (!W.khead) pthread_cond_wait(&W.kcv, &W.mu);
    tts_job *j = W.khead;
    W.khead = j->next;
    if (!W.khead) W.ktail = NULL;
    pthread_mutex_unlock(&W.mu);
    finish(j);
    pthread_mutex_lock(&W.mu);
  }
  return NULL;
}

/* The jobs speaking now, oldest first: a ring, win[head] the oldest. */
typedef struct lane_ring {
  tts_job *win[TTS_LANES_MAX];
  int hit[TTS_LANES_MAX];   /* found in the cache when started: nothing to hear */
  int head, n;
} lane_ring;

/* Starts queued jobs until `lanes` speak. Called with W.mu held; returns
 * with it released. */
static void fill_lanes(lane_ring *r, int lanes) {
  tts_job *fresh[TTS_LANES_MAX];
  int nf = 0;
  while (W.head && r->n + nf < lanes) {
    tts_job *j = W.head;
    W.head = j->next;
    if (!W.head) W.tail = NULL;
    j->ticket = W.tickets++;
    fresh[nf++] = j;
  }
  pthread_mutex_unlock(&W.mu);
  for (int i = 0; i < nf; i++) {
    tts_job *j = fresh[i];
    if (j->started) j->started(j, j->ud);
    int at = (r->head + r->n) % TTS_LANES_MAX;
    r->win[at] = j;
    r->hit[at] = start_job(j);
    r->n++;
  }
}

static void *worker_main(void *arg) {
  (void)arg;
  pthread_mutex_lock(&W.mu);
  int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, 0);
  if (rate <= 0) {
    W.init_rc = -1;
    snprintf(W.init_err, sizeof W.init_err,
             "espeak-ng failed to initialise (is espeak-ng-data installed?)");
  } else {
    W.sample_rate = rate;
    const char *data = NULL;
    snprintf(W.version, sizeof W.version, "%s", espeak_Info(&data));
    espeak_SetSynthCallback(synth_cb);
    tts_voices_build();
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  int lanes = cores < 1 ? 1 : cores > TTS_LANES_MAX ? TTS_LANES_MAX : (int)cores;
  W.lanes = lanes;
  W.ready = 1;
  pthread_cond_broadcast(&W.cv);
  if (W.init_rc != 0) { pthread_mutex_unlock(&W.mu); return NULL; }
  /* Utterances are independent processes: up to one per core speak at
   * once. The window slides: as soon as the oldest has been heard, the next
   * queued one starts, and the oldest goes to a keeper (timings, the cache
   * and its fsyncs, 15-20 ms a clip here), so the children speak and the
   * worker reads while clips are written; two keepers write at once. Done
   * callbacks still come in the order the jobs were queued. (Waiting for the
   * whole batch held a lane idle behind the longest clip; writing each clip
   * on the worker before starting the next held every lane idle.) */
  for (int i = 0; i < TTS_KEEPERS; i++) {
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&t, &attr, keeper_main, NULL) != 0 && i == 0) keepers_missing = 1;
    pthread_attr_destroy(&attr);
  }
  lane_ring r = { .head = 0, .n = 0 };
  for (;;) {
    while (!W.head && r.n == 0) pthread_cond_wait(&W.cv, &W.mu);
    fill_lanes(&r, lanes);
    tts_job *j = r.win[r.head];
    int heard = !r.hit[r.head] && hear(j) == 0;
    r.head = (r.head + 1) % TTS_LANES_MAX;
    r.n--;
    pthread_mutex_lock(&W.mu);
    fill_lanes(&r, lanes);
    j->heard = heard;
    if (keepers_missing) { finish(j); pthread_mutex_lock(&W.mu); continue; }
    pthread_mutex_lock(&W.mu);
    j->next = NULL;
    if (W.ktail) W.ktail->next = j; else W.khead = j;
    W.ktail = j;
    pthread_cond_signal(&W.kcv);
  }
  return NULL;
}

static void start_worker(void) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  if (pthread_create(&W.thread, &attr, worker_main, NULL) != 0) {
    W.init_rc = -1;
    snprintf(W.init_err, sizeof W.init_err, "cannot start the espeak-ng thread");
    W.ready = 1;
  }
  pthread_attr_destroy(&attr);
}

int tts_init(char *err, size_t errlen) {
  pthread_once(&W.once, start_worker);
  pthread_mutex_lock(&W.mu);
  while (!W.ready) pthread_cond_wait(&W.cv, &W.mu);
  int rc = W.init_rc;
  pthread_mutex_unlock(&W.mu);
  if (rc != 0 && err) snprintf(err, errlen, "%s", W.init_err);
  return rc;
}

void tts_warm(const char *voice) {
  /* never waits: once the worker holds the lock (initialising), it is
   * started already and the voice comes with the first utterance */
  if (pthread_mutex_trylock(&W.mu) != 0) return;
  if (!W.ready && voice && strlen(voice) < sizeof W.warm_voice)
    snprintf(W.warm_voice, sizeof W.warm_voice, "%s", voice);
  pthread_mutex_unlock(&W.mu);
  pthread_once(&W.once, start_worker);
}

const char *tts_espeak_version(void) { return W.version; }
int tts_sample_rate(void) { return W.sample_rate; }
uint64_t tts_synth_count(void) { return __atomic_load_n(&W.syntheses, __ATOMIC_RELAXED); }
uint64_t tts_cache_hit_count(void) { return __atomic_load_n(&W.hits, __ATOMIC_RELAXED); }

/* ---- jobs ----------------------------------------------------------------------- */

tts_job *tts_job_new(const char *text, size_t len, const tts_options *o, char *err,
                     size_t errlen) {
  tts_options def = TTS_OPTIONS_DEFAULT;
  if (!o) o = &def;
  if (!text) { text = ""; len = 0; }
  if (tts_init(err, errlen) != 0) return NULL;
  long bad = tts_utf8_invalid_at(text, len);
  if (bad >= 0) {
    if (text[bad] == '\0') snprintf(err, errlen, "text contains a NUL byte at byte offset %ld", bad);
    else snprintf(err, errlen, "text is not valid UTF-8: bad byte 0x%02x at byte offset %ld",
                  (unsigned char)text[bad], bad);
    return NULL;
  }
  tts_voice v;
  if (tts_resolve_voice(o->voice, o->rate, o->pitch, &v, err, errlen) != 0) return NULL;
  /* espeak-ng speaks only what tts_ssml.c wrote: plain text unless the
   * caller asked for SSML, and then only the safe subset */
  int ssml = o->ssml == 1;
  size_t clen = 0;
  char *clean = ssml ? tts_ssml_filter(text, len, &clen, err, errlen)
                     : tts_plain_text(text, len, &clen);
  if (!clean) {
    if (!ssml) snprintf(err, errlen, "out of memory");
    return NULL;
  }
  tts_job *j = calloc(1, sizeof *j);
  if (!j) {
    free(clean);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  j->text = clean;
  j->len = len = clen;
  text = clean;
  j->voice = v;
  j->ssml = ssml;
  j->keep = o->keep_samples;
  /* no cache given: one that touches no folder (the clip goes to scratch) */
  j->cache = o->cache ? vg_cache_ref(o->cache) : vg_cache_new(NULL, 1, -1);
  if (!j->cache) {
    free(clean);
    free(j);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  /* everything that determines the clip */
  vg_hash h;
  char buf[32];
  vg_hash_init(&h);
  vg_hash_str(&h, "vgrun-tts");
  snprintf(buf, sizeof buf, "%d", TTS_FORMAT_VERSION);
  vg_hash_str(&h, buf);
  vg_hash_str(&h, W.version);
  vg_hash_str(&h, j->voice.spec);
  snprintf(buf, sizeof buf, "%d/%d/%d/%d", v.rate, v.pitch, v.range, j->ssml);
  vg_hash_str(&h, buf);
  vg_hash_update(&h, &len, sizeof len);
  vg_hash_update(&h, text, len);
  /* Japanese with kanji or Latin words: said by its readings (MeCab) and
   * Latin words in English; Chinese in the voice that says hanzi right
   * (tts_reading_mandarin); either joins the key */
  if (!ssml && (tts_reading_make(v.language, text, len, &j->said) == 1 ||
                tts_reading_mandarin(v.language, j->voice.spec, text, len, &j->said) == 1 ||
                tts_reading_passages(v.language, j->voice.spec, text, len, o->passages, o->npassages,
                                     &j->said) == 1)) {
    vg_hash_str(&h, "reading");
    vg_hash_update(&h, &j->said.len, sizeof j->said.len);
    vg_hash_update(&h, j->said.text, j->said.len);
  }
  vg_hash_final(&h, j->key);
  return j;
}

void tts_job_on_start(tts_job *j, tts_done_fn started) { j->started = started; }

void tts_job_submit_all(tts_job *const *jobs, void *const *uds, size_t n, tts_done_fn done) {
  for (size_t i = 0; i < n; i++) {
    jobs[i]->done = done;
    jobs[i]->ud = uds ? uds[i] : NULL;
    jobs[i]->next = NULL;
    jobs[i]->submitted = 1;
  }
  /* one lock for all: the worker wakes to the whole queue and fills every
   * lane at once (queued one by one, the first job started alone) */
  pthread_mutex_lock(&W.mu);
  for (size_t i = 0; i < n; i++) {
    if (W.tail) W.tail->next = jobs[i]; else W.head = jobs[i];
    W.tail = jobs[i];
  }
  pthread_cond_signal(&W.cv);
  pthread_mutex_unlock(&W.mu);
}

void tts_job_submit(tts_job *j, tts_done_fn done, void *ud) {
  tts_job_submit_all(&j, &ud, 1, done);
}

int tts_job_run(tts_job *j) {
  tts_job_submit(j, NULL, NULL);
  return tts_job_wait(j);
}

int tts_job_wait(tts_job *j) {
  pthread_mutex_lock(&W.mu);
  while (j->submitted && !j->finished) pthread_cond_wait(&W.done_cv, &W.mu);
  pthread_mutex_unlock(&W.mu);
  return j->error ? -1 : 0;
}

void tts_job_cancel(tts_job *j) { __atomic_store_n(&j->cancel, 1, __ATOMIC_RELAXED); }
const char *tts_job_error(const tts_job *j) { return j->error; }
const char *tts_job_warning(const tts_job *j) { return j->warning; }
const tts_clip *tts_job_clip(const tts_job *j) { return &j->clip; }
const char *tts_job_key(const tts_job *j) { return j->key; }

const int16_t *tts_job_samples(const tts_job *j, size_t *n) {
  if (n) *n = j->samples ? j->n : 0;
  return j->samples;
}

void tts_job_free(tts_job *j) {
  if (!j) return;
  for (size_t i = 0; i < j->nev; i++) free(j->ev[i].name);
  free(j->ev);
  free(j->samples);
  free(j->text);
  tts_reading_free(&j->said);
  free(j->error);
  free(j->warning);
  tts_clip_clear(&j->clip);
  vg_cache_unref(j->cache);
  free(j);
}
