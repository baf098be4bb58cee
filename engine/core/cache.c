/* cache.c: the artifact cache. Entries are named by the SHA-256 of
 * everything that determines them, so unchanged work is found, not redone.
 * Many processes on many machines may share one cache folder (a network
 * filesystem): the only thing assumed of it is that rename() within it is
 * atomic. See docs/cache.md.
 *
 * Layout (format 2):
 *   vgrun-cache                      marker: "vgrun cache\nformat 2\n"
 *   CACHEDIR.TAG                     so backup tools skip the folder
 *   v2/<k[0:2]>/<key><suffix>/       one entry: a directory holding
 *        data<suffix>                  the artefact
 *        sum                           "<size> <sha256> <key><suffix>\n": data<suffix>'s
 *                                      size and digest, and the entry it belongs to
 *   tmp/vgrun-<host>-<pid>-<rand>*   files and entries being made
 *   quarantine/<key><suffix>-<host>-<pid>-<rand>/   damaged entries, moved aside
 *
 * An entry is built complete in tmp/ and published by one rename of its
 * directory; rename never replaces a non-empty directory, so a published
 * entry is never changed, only moved aside whole when it is found damaged.
 * A reader never deletes anything. */
#include "vg.h"

void vg__crash_point(void);  /* fsutil.c */
void vg__absolute_dir(char *dir, size_t n);  /* util.c */

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
/* SHA256_Init and its kin are deprecated in OpenSSL 3 in favour of EVP, but
 * they need no provider: they are the fallback below. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <pthread.h>

#define CACHE_FORMAT 2
#define MARKER "vgrun-cache"

/* SHA-256 by OpenSSL's libcrypto: it uses the CPU's SHA extensions or
 * vector units where there are any (4-13x libavutil's av_sha here, which
 * hashed every cached and produced file: 1.7 MB of video and 3 MB of
 * speech a minute, much of it on the loop thread). The digest is fetched
 * once per process, not at every init; where EVP cannot provide it (a
 * configuration without its default provider), OpenSSL's own SHA256_*
 * functions do, which need no provider: the same digests, never a key of
 * zeros. */
static EVP_MD *g_sha256;
static pthread_once_t g_sha256_once = PTHREAD_ONCE_INIT;
static void fetch_sha256(void) { g_sha256 = EVP_MD_fetch(NULL, "SHA256", NULL); }

void vg_hash_init(vg_hash *h) {
  pthread_once(&g_sha256_once, fetch_sha256);
  if (!g_sha256) {
    SHA256_CTX *c = malloc(sizeof *c);
    if (c && SHA256_Init(c) != 1) { free(c); c = NULL; }
    h->sha = c;
    return;
  }
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  if (c && EVP_DigestInit_ex(c, g_sha256, NULL) != 1) { EVP_MD_CTX_free(c); c = NULL; }
  h->sha = c;
}

void vg_hash_update(vg_hash *h, const void *data, size_t len) {
  if (!h->sha || !len) return;
  if (g_sha256) EVP_DigestUpdate(h->sha, data, len);
  else SHA256_Update(h->sha, data, len);
}

void vg_hash_str(vg_hash *h, const char *s) {
  uint64_t n = s ? strlen(s) : 0;
  vg_hash_update(h, &n, sizeof n);
  if (s) vg_hash_update(h, s, (size_t)n);
}

void vg_hash_final(vg_hash *h, char out_hex[65]) {
  uint8_t d[32] = {0};
  unsigned int n = 0;
  if (h->sha && g_sha256) EVP_DigestFinal_ex(h->sha, d, &n);
  else if (h->sha) SHA256_Final(d, h->sha);
  if (g_sha256) EVP_MD_CTX_free(h->sha);
  else free(h->sha);
  h->sha = NULL;
  for (int i = 0; i < 32; i++) snprintf(out_hex + 2 * i, 3, "%02x", d[i]);
  out_hex[64] = '\0';
}

/* ---- a cache: its folder and what this engine learnt of it --------------- */

typedef struct scratch_ent { struct scratch_ent *next; char *name, *path; } scratch_ent;

/* One cache folder as an engine (or a task) uses it. Jobs on worker threads
 * hold a reference from the moment they are queued, so a task's cache stays
 * the one it started with, whatever other tasks use. */
struct vg_cache {
  int refs;                    /* atomic */
  char *dir;
  int off;                     /* --no-cache: the folder is not touched at all */
  long long max_bytes;         /* the size limit for pruning (0: none, -1: the configured one) */
  pthread_mutex_t mu;          /* ready_*, scratch, warnings */
  int ready_done, ready_rc;    /* the folder was judged; 0 usable, -1 not */
  char ready_msg[PATH_MAX + 256];
  int warned_unusable, warned_write;
  int unwritable;              /* atomic: after the first failed write, later ones go to scratch at once */
  scratch_ent *scratch;        /* what this cache kept outside its folder */
};

static void default_dir(char *out, size_t len) {
  const char *env = getenv("VGRUN_CACHE_DIR");
  const char *xdg = getenv("XDG_CACHE_HOME");
  const char *home = getenv("HOME");
  if (env && *env) snprintf(out, len, "%s", env);
  else if (xdg && *xdg) snprintf(out, len, "%s/vgrun", xdg);
  else snprintf(out, len, "%s/.cache/vgrun", home && *home ? home : "/tmp");
}

vg_cache *vg_cache_new(const char *dir, int off, long long max_bytes) {
  vg_cache *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  c->refs = 1;
  c->off = off != 0;
  c->max_bytes = max_bytes < 0 ? -1 : max_bytes;
  char d[PATH_MAX];
  if (dir && *dir) snprintf(d, sizeof d, "%s", dir);
  else default_dir(d, sizeof d);
  vg__absolute_dir(d, sizeof d);
  if (!(c->dir = strdup(d))) { free(c); return NULL; }
  pthread_mutex_init(&c->mu, NULL);
  size_t n = strlen(c->dir);
  while (n > 1 && c->dir[n - 1] == '/') c->dir[--n] = '\0';
  return c;
}

vg_cache *vg_cache_ref(vg_cache *c) {
  if (c) __atomic_add_fetch(&c->refs, 1, __ATOMIC_RELAXED);
  return c;
}

void vg_cache_unref(vg_cache *c) {
  if (!c || __atomic_sub_fetch(&c->refs, 1, __ATOMIC_ACQ_REL) != 0) return;
  /* the files stay until exit (scratch_cleanup): a result may name them */
  for (scratch_ent *e = c->scratch, *next; e; e = next) {
    next = e->next;
    free(e->name); free(e->path); free(e);
  }
  pthread_mutex_destroy(&c->mu);
  free(c->dir);
  free(c);
}

const char *vg_cache_dir(const vg_cache *c) { return c->dir; }
int vg_cache_is_off(const vg_cache *c) { return c->off; }
long long vg_cache_max_bytes(const vg_cache *c) { return c->max_bytes; }

/* The last failure of a cache call in this thread, naming its path. */
static _Thread_local char last_error[PATH_MAX + 256];

const char *vg_cache_error(void) { return last_error[0] ? last_error : "no error"; }

static void set_error(const char *fmt, ...) {
  int saved = errno;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(last_error, sizeof last_error, fmt, ap);
  va_end(ap);
  errno = saved;
}

static pthread_mutex_t warn_lock = PTHREAD_MUTEX_INITIALIZER;

/* A warning on stderr, one line; `once` (if not NULL) keeps it to one per process. */
static void warn(int *once, const char *fmt, ...) {
  pthread_mutex_lock(&warn_lock);
  if (!once || !*once) {
    if (once) *once = 1;
    va_list ap;
    va_start(ap, fmt);
    char line[PATH_MAX * 2 + 256];
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    /* the folder's name comes from the environment: shown, not sent raw */
    char *shown = vg_shown_text(line);
    fprintf(stderr, "vgrun: warning: %s\n", shown ? shown : line);
    free(shown);
  }
  pthread_mutex_unlock(&warn_lock);
}

/* This machine's name as tags carry it: up to the first dot, letters and
 * digits kept, anything else '-', "host" when there is none. */
static const char *tag_host(void) {
  static _Thread_local char host[40];
  if (!host[0]) {
    char h[256] = "";
    if (gethostname(h, sizeof h - 1) != 0) h[0] = '\0';
    size_t k = 0;
    for (const char *p = h; *p && *p != '.' && k < sizeof host - 1; p++) {
      char c = *p;
      host[k++] = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? c : '-';
    }
    if (k == 0) memcpy(host, "host", 5); else host[k] = '\0';
  }
  return host;
}

int vg_cache_tag_live(const char *tag) {
  /* <host>-<pid>-<16 hex>; the host may hold '-', so read from the right */
  size_t n = strlen(tag);
  if (n < 20 || tag[n - 17] != '-') return -1;
  for (size_t i = n - 16; i < n; i++)
    if (!isxdigit((unsigned char)tag[i])) return -1;
  size_t end = n - 17, start = end;
  while (start > 0 && tag[start - 1] >= '0' && tag[start - 1] <= '9') start--;
  if (start == end || end - start > 9 || start < 2 || tag[start - 1] != '-') return -1;
  const char *host = tag_host();
  if (strlen(host) != start - 1 || strncmp(tag, host, start - 1) != 0) return -1;
  long pid = strtol(tag + start, NULL, 10);
  if (pid <= 0) return -1;
  if (pid == (long)getpid()) return 1;
  return (kill((pid_t)pid, 0) == 0 || errno == EPERM) ? 1 : 0;
}

/* host + pid + random: names no other process, here or on another machine, makes */
static void unique_tag(char *out, size_t outlen);
void vg_cache_new_tag(char *out, size_t outlen) { unique_tag(out, outlen); }
static void unique_tag(char *out, size_t outlen) {
  const char *host = tag_host();
  uint64_t r = 0;
  if (getrandom(&r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
    static uint64_t counter;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    r = ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)ts.tv_sec ^ ((uint64_t)getpid() << 40) ^
        __atomic_add_fetch(&counter, 0x9e3779b97f4a7c15ull, __ATOMIC_RELAXED);
  }
  snprintf(out, outlen, "%s-%ld-%016llx", host, (long)getpid(), (unsigned long long)r);
}

static int is_hex(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return 0;
  return 1;
}

static int is_digits(const char *s, size_t n) {
  if (n == 0) return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* ".mp4": a dot and 1 to 8 letters or digits, or nothing */
static int is_suffix(const char *s) {
  if (!*s) return 1;
  if (*s != '.') return 0;
  size_t n = strlen(s + 1);
  if (n < 1 || n > 8) return 0;
  for (const char *p = s + 1; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) return 0;
  return 1;
}

/* A file of a vgrun older than the marker (format 1) inside <k2>/:
 * <key><suffix>, <key><suffix>.sum, <key><suffix>.tmp.<pid>.<n> */
static int old_entry_name(const char *name, const char *k2) {
  size_t n = strlen(name), h = 0;
  while (h < n && is_hex(name + h, 1)) h++;
  if (h < 8 || h > 128 || strncmp(name, k2, 2) != 0) return 0;
  const char *rest = name + h;
  char suf[16] = "";
  const char *dot2 = *rest == '.' ? strchr(rest + 1, '.') : NULL;
  size_t sl = dot2 ? (size_t)(dot2 - rest) : strlen(rest);
  if (sl >= sizeof suf) return 0;
  memcpy(suf, rest, sl); suf[sl] = '\0';
  if (!is_suffix(suf)) return 0;
  rest += sl;
  if (!strncmp(rest, ".sum", 4)) rest += 4;
  if (!*rest) return 1;
  if (strncmp(rest, ".tmp.", 5) != 0) return 0;
  rest += 5;
  const char *d = strchr(rest, '.');
  return d && is_digits(rest, (size_t)(d - rest)) && is_digits(d + 1, strlen(d + 1));
}

/* format 1 tmp/: "<pid>-<n><suffix>" */
static int old_tmp_name(const char *name) {
  const char *dash = strchr(name, '-');
  if (!dash || !is_digits(name, (size_t)(dash - name))) return 0;
  const char *p = dash + 1;
  size_t k = 0;
  while (p[k] >= '0' && p[k] <= '9') k++;
  return k > 0 && is_suffix(p + k);
}

/* Whether a folder without the marker holds only what an older vgrun made
 * (so it may be adopted). Sets `foreign` to the first item that is not. */
static int only_old_cache(const char *dir, char *foreign, size_t flen) {
  DIR *d = opendir(dir);
  if (!d) return errno == ENOENT;
  struct dirent *e;
  int ok = 1;
  char sub[PATH_MAX];
  while (ok && (e = readdir(d))) {
    const char *n = e->d_name;
    if (!strcmp(n, ".") || !strcmp(n, "..")) continue;
    snprintf(sub, sizeof sub, "%s/%s", dir, n);
    struct stat st;
    int isdir = lstat(sub, &st) == 0 && S_ISDIR(st.st_mode);
    int k2 = strlen(n) == 2 && is_hex(n, 2);
    /* the marker and the tag, or their temporary names: another process is marking it now */
    if (!isdir && (!strncmp(n, MARKER, strlen(MARKER)) || !strncmp(n, "CACHEDIR.TAG", 12))) continue;
    if (isdir && (k2 || !strcmp(n, "tmp"))) {
      DIR *s = opendir(sub);
      if (!s) { ok = 0; snprintf(foreign, flen, "%s", sub); break; }
      struct dirent *f;
      while ((f = readdir(s))) {
        if (!strcmp(f->d_name, ".") || !strcmp(f->d_name, "..")) continue;
        char fp[PATH_MAX + 256];
        snprintf(fp, sizeof fp, "%s/%s", sub, f->d_name);
        struct stat fs;
        int reg = lstat(fp, &fs) == 0 && S_ISREG(fs.st_mode);
        if (!reg || !(k2 ? old_entry_name(f->d_name, n) : old_tmp_name(f->d_name))) {
          ok = 0;
          size_t k = strlen(fp) < flen ? strlen(fp) : flen - 1;
          memcpy(foreign, fp, k); foreign[k] = '\0';
          break;
        }
      }
      closedir(s);
    } else {
      ok = 0; snprintf(foreign, flen, "%s", sub);
    }
  }
  closedir(d);
  return ok;
}

/* Writes dir/name through a unique temporary name (host, pid, random), so
 * processes on several machines making the same new cache never collide. */
static int write_unique(const char *dir, const char *name, const char *text) {
  char p[PATH_MAX], tmp[PATH_MAX + 128], tag[96];
  unique_tag(tag, sizeof tag);
  snprintf(p, sizeof p, "%s/%s", dir, name);
  snprintf(tmp, sizeof tmp, "%s.%s", p, tag);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return -1;
  size_t n = strlen(text);
  int rc = write(fd, text, n) == (ssize_t)n ? 0 : -1;
  if (rc == 0 && fsync(fd) != 0) rc = -1;
  int e = errno;
  if (close(fd) != 0 && rc == 0) { e = errno; rc = -1; }
  if (rc == 0 && rename(tmp, p) != 0) { e = errno; rc = -1; }
  if (rc != 0) { unlink(tmp); errno = e; }
  return rc;
}

static int write_marker(const char *dir) {
  static const char tag[] =
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by vgrun.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n";
  char m[64];
  snprintf(m, sizeof m, "vgrun cache\nformat %d\n", CACHE_FORMAT);
  /* the marker first: a process judging the folder meanwhile sees it, or nothing */
  if (write_unique(dir, MARKER, m) != 0) return -1;
  char p[PATH_MAX];
  snprintf(p, sizeof p, "%s/CACHEDIR.TAG", dir);
  if (access(p, F_OK) != 0) write_unique(dir, "CACHEDIR.TAG", tag);  /* a courtesy: best effort */
  return 0;
}

/* 1: the marker of a cache vgrun can use; 0: no marker; -1: a marker of a
 * newer vgrun or unreadable (message set) */
static int read_marker(const char *dir) {
  char p[PATH_MAX], buf[128] = "";
  snprintf(p, sizeof p, "%s/" MARKER, dir);
  int fd = open(p, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return 0;  /* the folder's own state is judged next */
    set_error("%s: %s", p, strerror(errno));
    return -1;
  }
  struct stat st;
  ssize_t r = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, buf, sizeof buf - 1) : -1;
  close(fd);
  int fmt = 0;
  if (r <= 0 || sscanf(buf, "vgrun cache\nformat %d", &fmt) != 1 || fmt < 1) {
    set_error("%s: not a vgrun cache marker", p);
    return -1;
  }
  if (fmt > CACHE_FORMAT) {
    set_error("%s is a cache of a newer vgrun (format %d; this one reads %d)", dir, fmt, CACHE_FORMAT);
    return -1;
  }
  return 1;
}

/* Judges the folder: 0 usable (marked now if new or of an older vgrun),
 * else -1 with msg set. */
static int check_ready(const char *dir, char *msg, size_t msglen) {
  int m = read_marker(dir);
  if (m == 1) return 0;
  if (m < 0) { snprintf(msg, msglen, "%s", last_error); return -1; }
  struct stat st;
  if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
    snprintf(msg, msglen, "%s: %s", dir, strerror(ENOTDIR));
    return -1;
  }
  char foreign[PATH_MAX] = "";
  if (!only_old_cache(dir, foreign, sizeof foreign)) {
    if (read_marker(dir) == 1) return 0;  /* marked by another process meanwhile */
    if (foreign[0])
      snprintf(msg, msglen,
               "%s is not a vgrun cache (it has no " MARKER " file and holds %s, which vgrun did not make)",
               dir, foreign);
    else
      snprintf(msg, msglen, "%s: %s", dir, strerror(errno));
    return -1;
  }
  /* new, empty, or a cache of an older vgrun: mark it */
  if (vg_mkdirs(dir, 0755) != 0) {
    snprintf(msg, msglen, "cannot make the cache folder %s: %s", dir, strerror(errno));
    return -1;
  }
  if (write_marker(dir) != 0) {
    int e = errno;
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/" MARKER, dir);
    snprintf(msg, msglen, "cannot mark the cache folder: %s: %s", p, strerror(e));
    return -1;
  }
  return 0;
}

static int is_off(const vg_cache *c) { return c->off; }

int vg_cache_ready(vg_cache *c) {
  pthread_mutex_lock(&c->mu);
  if (!c->ready_done) {
    c->ready_rc = check_ready(c->dir, c->ready_msg, sizeof c->ready_msg);
    c->ready_done = 1;
  }
  int rc = c->ready_rc;
  pthread_mutex_unlock(&c->mu);
  if (rc != 0) set_error("%s", c->ready_msg);
  return rc;
}

static int usable(vg_cache *c) {
  if (vg_cache_ready(c) == 0) return 1;
  warn(&c->warned_unusable, "cache: %s; this run works without it", c->ready_msg);
  return 0;
}

/* ---- scratch: where artefacts go when the cache is off or cannot be written -- */

/* The files kept outside any cache folder, removed at exit (every cache's). */
static pthread_mutex_t scratch_lock = PTHREAD_MUTEX_INITIALIZER;
static scratch_ent *scratch_list;
static char scratch_dir[PATH_MAX];
static pid_t scratch_pid;

static pthread_once_t cleanup_once = PTHREAD_ONCE_INIT;

static void scratch_cleanup(void) {
  if (scratch_pid != getpid()) return;  /* not in a forked child */
  for (scratch_ent *e = scratch_list; e; e = e->next) unlink(e->path);
  if (!scratch_dir[0]) return;
  DIR *d = opendir(scratch_dir);
  if (d) {
    struct dirent *f;
    char p[PATH_MAX * 2];
    while ((f = readdir(d)))
      if (strcmp(f->d_name, ".") && strcmp(f->d_name, "..")) {
        snprintf(p, sizeof p, "%s/%s", scratch_dir, f->d_name);
        unlink(p);
      }
    closedir(d);
  }
  rmdir(scratch_dir);
}

static void register_cleanup(void) {
  scratch_pid = getpid();
  atexit(scratch_cleanup);
}

const char *vg_scratch_dir(void) {
  pthread_mutex_lock(&scratch_lock);
  if (!scratch_dir[0]) {
    const char *t = getenv("TMPDIR");
    char tmpl[PATH_MAX];
    snprintf(tmpl, sizeof tmpl, "%s/vgrun-XXXXXX", t && *t ? t : "/tmp");
    if (mkdtemp(tmpl)) {
      snprintf(scratch_dir, sizeof scratch_dir, "%s", tmpl);
      pthread_once(&cleanup_once, register_cleanup);
    } else {
      set_error("cannot make a temporary folder %s: %s", tmpl, strerror(errno));
    }
  }
  pthread_mutex_unlock(&scratch_lock);
  return scratch_dir[0] ? scratch_dir : NULL;
}

int vg_scratch_path(char *out, size_t outlen, const char *suffix) {
  const char *d = vg_scratch_dir();
  if (!d) return -1;
  char tag[96];
  unique_tag(tag, sizeof tag);
  int n = snprintf(out, outlen, "%s/%s%s", d, tag, suffix ? suffix : "");
  if (n < 0 || (size_t)n >= outlen) { errno = ENAMETOOLONG; set_error("%s: %s", d, strerror(errno)); return -1; }
  return 0;
}

static scratch_ent *new_ent(const char *key, const char *suffix, const char *path) {
  scratch_ent *e = calloc(1, sizeof *e);
  size_t nl = strlen(key) + strlen(suffix ? suffix : "") + 1;
  if (!e || !(e->name = malloc(nl)) || !(e->path = strdup(path))) {
    if (e) { free(e->name); free(e); }
    return NULL;
  }
  snprintf(e->name, nl, "%s%s", key, suffix ? suffix : "");
  return e;
}

/* A file kept outside the cache folder: found by this cache's lookups,
 * removed at exit. */
static void scratch_add(vg_cache *c, const char *key, const char *suffix, const char *path) {
  scratch_ent *mine = new_ent(key, suffix, path), *exit_ent = new_ent(key, suffix, path);
  if (!mine || !exit_ent) {
    if (mine) { free(mine->name); free(mine->path); free(mine); }
    if (exit_ent) { free(exit_ent->name); free(exit_ent->path); free(exit_ent); }
    return;
  }
  pthread_once(&cleanup_once, register_cleanup);
  pthread_mutex_lock(&scratch_lock);
  exit_ent->next = scratch_list;
  scratch_list = exit_ent;
  pthread_mutex_unlock(&scratch_lock);
  pthread_mutex_lock(&c->mu);
  mine->next = c->scratch;
  c->scratch = mine;
  pthread_mutex_unlock(&c->mu);
}

static int scratch_find(vg_cache *c, const char *key, const char *suffix, char *out, size_t outlen) {
  int found = 0;
  size_t kl = strlen(key);
  const char *sf = suffix ? suffix : "";
  pthread_mutex_lock(&c->mu);
  for (scratch_ent *e = c->scratch; e; e = e->next)
    if (!strncmp(e->name, key, kl) && !strcmp(e->name + kl, sf)) {
      snprintf(out, outlen, "%s", e->path);
      found = 1;
      break;
    }
  pthread_mutex_unlock(&c->mu);
  return found;
}

static int in_scratch(const char *path) {
  size_t n = scratch_dir[0] ? strlen(scratch_dir) : 0;
  return n && !strncmp(path, scratch_dir, n) && path[n] == '/';
}

/* ---- entries ------------------------------------------------------------- */

static int valid_key(const char *key) {
  size_t n = key ? strlen(key) : 0;
  return n >= 8 && n <= 128 && is_hex(key, n);
}

static int check_args(const char *key, const char *suffix) {
  if (!valid_key(key) || !is_suffix(suffix ? suffix : "")) {
    errno = EINVAL;
    set_error("cache: invalid key or suffix");
    return -1;
  }
  return 0;
}

/* <cache>/v2/<k2>/<key><suffix> */
static int entry_dir(vg_cache *c, const char *key, const char *suffix, char *out, size_t outlen) {
  int n = snprintf(out, outlen, "%s/v2/%.2s/%s%s", c->dir, key, key, suffix ? suffix : "");
  if (n < 0 || (size_t)n >= outlen) { errno = ENAMETOOLONG; set_error("%s: %s", c->dir, strerror(errno)); return -1; }
  return 0;
}

/* An entry's files are never links: a link in an entry (put there by hand,
 * or by another user of a shared cache) would make a lookup read, and mark
 * as used, a file outside the cache (ELOOP). */
static int file_digest(const char *path, char hex[65], long long *size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
  if (fd < 0) return -1;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) { close(fd); errno = EINVAL; return -1; }
  vg_hash h;
  vg_hash_init(&h);
  static _Thread_local char buf[65536];
  ssize_t n;
  long long total = 0;
  while ((n = read(fd, buf, sizeof buf)) != 0) {
    if (n < 0) { if (errno == EINTR) continue; break; }
    vg_hash_update(&h, buf, (size_t)n);
    total += n;
  }
  int err = n < 0;
  close(fd);
  vg_hash_final(&h, hex);
  *size = total;
  return err ? -1 : 0;
}

static void remove_stage(const char *stage, const char *suffix) {
  char p[PATH_MAX + 32];
  snprintf(p, sizeof p, "%s/data%s", stage, suffix ? suffix : "");
  unlink(p);
  snprintf(p, sizeof p, "%s/sum", stage);
  unlink(p);
  rmdir(stage);
}

/* Test hook: called with a stage that is complete but not yet published. */
void (*vg__cache_before_publish)(const char *stage, const char *entry);

/* Moves the damaged entry `dir` (the directory whose inode is `ino`) to
 * quarantine/. Rename moves whatever is at `dir` now: if that is not the
 * directory we judged (another process published a fresh one meanwhile), it
 * goes back. Nothing is deleted. */
static void quarantine(vg_cache *c, const char *dir, const char *name, dev_t dev, ino_t ino, const char *why,
                       int quiet) {
  char qdir[PATH_MAX], q[PATH_MAX + 160], tag[96];
  snprintf(qdir, sizeof qdir, "%s/quarantine", c->dir);
  unique_tag(tag, sizeof tag);
  snprintf(q, sizeof q, "%s/%s-%s", qdir, name, tag);
  if (vg_mkdirs(qdir, 0755) != 0 || rename(dir, q) != 0) {
    /* gone already (another reader moved it), or a read-only cache: a miss */
    if (errno != ENOENT && !quiet)
      warn(NULL, "cache entry %s is damaged (%s) and cannot be moved aside: %s; making it again",
           dir, why, strerror(errno));
    return;
  }
  struct stat st;
  if (lstat(q, &st) == 0 && (st.st_dev != dev || st.st_ino != ino)) {
    rename(q, dir);  /* a fresh entry: put it back (if that fails, it is only a miss) */
    return;
  }
  if (!quiet) warn(NULL, "cache entry %s is damaged (%s); moved it to %s and making it again", dir, why, q);
}

int vg_cache_lookup(vg_cache *c, const char *key, const char *suffix, char *out, size_t outlen) {
  if (check_args(key, suffix) != 0) return 0;
  if (scratch_find(c, key, suffix, out, outlen)) return 1;
  if (is_off(c)) return 0;
  char dir[PATH_MAX];
  if (entry_dir(c, key, suffix, dir, sizeof dir) != 0) return 0;
  int n = snprintf(out, outlen, "%s/data%s", dir, suffix ? suffix : "");
  if (n < 0 || (size_t)n >= outlen) return 0;
  if (vg_cache_ready(c) != 0) return 0;
  struct stat st;
  if (lstat(dir, &st) != 0) return 0;  /* ENOENT: a miss; anything else: a miss too */
  const char *name = strrchr(dir, '/') + 1;
  if (!S_ISDIR(st.st_mode)) { quarantine(c, dir, name, st.st_dev, st.st_ino, "not a folder", 0); return 0; }
  char sum_path[PATH_MAX + 8], line[400] = "", want[65] = "", owner[200] = "", hex[65];
  long long want_size = -1, size = -1;
  snprintf(sum_path, sizeof sum_path, "%s/sum", dir);
  int fd = open(sum_path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
  const char *why = NULL;
  int transient = 0;  /* cannot read it now (EACCES, EIO): a miss, not damage */
  int old = 0;        /* made before sums named their entry: moved aside unannounced */
  if (fd < 0) { why = errno == ELOOP ? "its checksum is a link" : "no checksum"; transient = errno != ENOENT && errno != ELOOP; }
  else {
    ssize_t r = read(fd, line, sizeof line - 1);
    close(fd);
    int fields = r > 0 ? sscanf(line, "%lld %64s %199s", &want_size, want, owner) : 0;
    if (fields < 2 || strlen(want) != 64) why = "unreadable checksum";
    else if (fields == 2) { why = "a checksum of an older vgrun"; old = 1; }
    /* the sum names its entry: another entry's files copied over this
     * one's pass the digest, not this */
    else if (strcmp(owner, name) != 0) why = "its checksum is another entry's";
  }
  if (!why) {
    if (file_digest(out, hex, &size) != 0) {
      why = errno == ENOENT ? "no data" : errno == EINVAL ? "data is not a file" : errno == ELOOP ? "data is a link"
          : strerror(errno);
      transient = errno != ENOENT && errno != EINVAL && errno != ELOOP;
    }
    else if (size != want_size) why = "wrong size";
    else if (strcmp(hex, want) != 0) why = "wrong checksum";
  }
  if (why) {
    if (transient) return 0;
    quarantine(c, dir, name, st.st_dev, st.st_ino, why, old);
    return 0;
  }
  /* "last used", for `vgrun cache clean --older-than`; fails on a read-only
   * cache; never through a link put there since the check */
  utimensat(AT_FDCWD, out, NULL, AT_SYMLINK_NOFOLLOW);
  return 1;
}

/* Publishes a staged entry (tmp/<stage>/ holding data<suffix>; sum is
 * written here). 0: published, or an intact entry was there already;
 * -1 with the message set. The stage is gone either way; on failure its data
 * is first moved back to `restore` when given. */
static void drop_stage(const char *stage, const char *suffix, const char *restore) {
  if (restore) {
    char data[PATH_MAX + 32];
    snprintf(data, sizeof data, "%s/data%s", stage, suffix ? suffix : "");
    rename(data, restore);
  }
  remove_stage(stage, suffix);
}

/* Nothing here is fsynced: every lookup checks the entry's size, digest and
 * name, so an entry torn by a power cut (data or sum not yet on disk when the
 * rename was) is found damaged, moved aside and made again, never used; and
 * a lost rename is a miss. Syncing each entry (data, sum, stage and parent
 * folder) stalled the thread that made it 5-15 ms each time, on the encoder
 * and speech threads of every create. A process killed at any point needs no
 * sync: the kernel keeps what it was given. */
static int publish(vg_cache *c, const char *stage, const char *key, const char *suffix, const char *restore) {
  char data[PATH_MAX + 32], sum[PATH_MAX + 8], dir[PATH_MAX], parent[PATH_MAX], hex[65], line[400];
  long long size;
  snprintf(data, sizeof data, "%s/data%s", stage, suffix ? suffix : "");
  snprintf(sum, sizeof sum, "%s/sum", stage);
  if (file_digest(data, hex, &size) != 0) {
    set_error("%s: %s", data, strerror(errno));
    drop_stage(stage, suffix, restore);
    return -1;
  }
  int n = snprintf(line, sizeof line, "%lld %s %s%s\n", size, hex, key, suffix ? suffix : "");
  int fd = open(sum, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0 || write(fd, line, (size_t)n) != n) {
    set_error("%s: %s", sum, strerror(errno));
    if (fd >= 0) close(fd);
    drop_stage(stage, suffix, restore);
    return -1;
  }
  if (close(fd) != 0) { set_error("%s: %s", sum, strerror(errno)); drop_stage(stage, suffix, restore); return -1; }
  if (entry_dir(c, key, suffix, dir, sizeof dir) != 0) { drop_stage(stage, suffix, restore); return -1; }
  snprintf(parent, sizeof parent, "%s", dir);
  *strrchr(parent, '/') = '\0';
  if (vg_mkdirs(parent, 0755) != 0) {
    set_error("%s: %s", parent, strerror(errno));
    drop_stage(stage, suffix, restore);
    return -1;
  }
  if (vg__cache_before_publish) vg__cache_before_publish(stage, dir);
  vg__crash_point();
  for (int attempt = 0; attempt < 3; attempt++) {
    if (rename(stage, dir) == 0) return 0;
    if (errno != EEXIST && errno != ENOTEMPTY) break;
    /* another process published it first: keep theirs if it is intact */
    char path[PATH_MAX + 32];
    if (vg_cache_lookup(c, key, suffix, path, sizeof path)) { remove_stage(stage, suffix); return 0; }
  }
  set_error("%s: %s", dir, strerror(errno));
  drop_stage(stage, suffix, restore);
  return -1;
}

/* A new stage folder in tmp/. */
static int make_stage(vg_cache *c, char *stage, size_t len) {
  char tmp[PATH_MAX], tag[96];
  snprintf(tmp, sizeof tmp, "%s/tmp", c->dir);
  if (vg_mkdirs(tmp, 0755) != 0) { set_error("%s: %s", tmp, strerror(errno)); return -1; }
  unique_tag(tag, sizeof tag);
  int n = snprintf(stage, len, "%s/vgrun-%s.stage", tmp, tag);
  if (n < 0 || (size_t)n >= len) { errno = ENAMETOOLONG; set_error("%s: %s", tmp, strerror(errno)); return -1; }
  if (mkdir(stage, 0755) != 0) { set_error("%s: %s", stage, strerror(errno)); return -1; }
  return 0;
}

static int write_new(const char *path, const void *data, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return -1;
  if (vg_write_all(fd, data, len) != 0) { int e = errno; close(fd); errno = e; return -1; }
  return close(fd);
}

/* A write to the cache failed: say so once, with the reason, and send this
 * process's later writes to scratch without trying again. */
static void write_failed(vg_cache *c) {
  __atomic_store_n(&c->unwritable, 1, __ATOMIC_RELAXED);
  warn(&c->warned_write, "cannot write to the cache: %s; this run goes on without storing in it", last_error);
}

static int writable(vg_cache *c) {
  return !is_off(c) && usable(c) && !__atomic_load_n(&c->unwritable, __ATOMIC_RELAXED);
}

static int put_scratch(vg_cache *c, const char *key, const char *suffix, const void *data, size_t len) {
  char p[PATH_MAX];
  if (vg_scratch_path(p, sizeof p, suffix) != 0) return -1;
  if (write_new(p, data, len) != 0) {
    set_error("%s: %s", p, strerror(errno));
    unlink(p);
    return -1;
  }
  scratch_add(c, key, suffix, p);
  return 0;
}

int vg_cache_put(vg_cache *c, const char *key, const char *suffix, const void *data, size_t len) {
  if (check_args(key, suffix) != 0) return -1;
  if (writable(c)) {
    char stage[PATH_MAX], p[PATH_MAX + 32];
    if (make_stage(c, stage, sizeof stage) == 0) {
      snprintf(p, sizeof p, "%s/data%s", stage, suffix ? suffix : "");
      if (write_new(p, data, len) == 0) {
        if (publish(c, stage, key, suffix, NULL) == 0) return 0;
      } else {
        set_error("%s: %s", p, strerror(errno));
        remove_stage(stage, suffix);
      }
    }
    write_failed(c);
  }
  return put_scratch(c, key, suffix, data, len);
}

int vg_cache_tmp_path(vg_cache *c, char *out, size_t outlen, const char *suffix) {
  if (!writable(c)) return vg_scratch_path(out, outlen, suffix);
  char dir[PATH_MAX], tag[96];
  snprintf(dir, sizeof dir, "%s/tmp", c->dir);
  if (vg_mkdirs(dir, 0755) != 0) {
    set_error("%s: %s", dir, strerror(errno));
    write_failed(c);
    return vg_scratch_path(out, outlen, suffix);
  }
  unique_tag(tag, sizeof tag);
  int n = snprintf(out, outlen, "%s/vgrun-%s%s", dir, tag, suffix ? suffix : "");
  if (n < 0 || (size_t)n >= outlen) { errno = ENAMETOOLONG; set_error("%s: %s", dir, strerror(errno)); return -1; }
  /* made now, so a cache that cannot be written (read-only, no room for a
   * name) is found here and the work goes to scratch instead of failing */
  int fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    set_error("%s: %s", out, strerror(errno));
    write_failed(c);
    return vg_scratch_path(out, outlen, suffix);
  }
  close(fd);
  return 0;
}

/* Copies src into a new file dst (another filesystem). 0, or -1/errno. */
static int copy_file(const char *src, const char *dst) {
  int in = open(src, O_RDONLY | O_CLOEXEC);
  if (in < 0) return -1;
  int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (out < 0) { int e = errno; close(in); errno = e; return -1; }
  char buf[65536];
  ssize_t r;
  int rc = 0;
  while (rc == 0 && (r = read(in, buf, sizeof buf)) != 0) {
    if (r < 0) { if (errno == EINTR) continue; rc = -1; break; }
    for (ssize_t w = 0; rc == 0 && w < r;) {
      ssize_t k = write(out, buf + w, (size_t)(r - w));
      if (k < 0) { if (errno != EINTR) rc = -1; } else w += k;
    }
  }
  int e = errno;
  close(in);
  if (close(out) != 0 && rc == 0) { e = errno; rc = -1; }
  errno = e;
  return rc;
}

int vg_cache_adopt(vg_cache *c, const char *key, const char *suffix, const char *tmp_path) {
  if (check_args(key, suffix) != 0) return -1;
  /* made while the cache could not be written: it stays where it is */
  if (in_scratch(tmp_path) || !writable(c)) { scratch_add(c, key, suffix, tmp_path); return 0; }
  char stage[PATH_MAX], data[PATH_MAX + 32];
  if (make_stage(c, stage, sizeof stage) == 0) {
    snprintf(data, sizeof data, "%s/data%s", stage, suffix ? suffix : "");
    if (rename(tmp_path, data) == 0) {
      /* on failure publish moves the file back to tmp_path */
      if (publish(c, stage, key, suffix, tmp_path) == 0) return 0;
    } else if (errno == EXDEV && copy_file(tmp_path, data) == 0) {
      if (publish(c, stage, key, suffix, NULL) == 0) { unlink(tmp_path); return 0; }
    } else {
      set_error("%s: %s", data, strerror(errno));
      remove_stage(stage, suffix);
    }
  }
  write_failed(c);
  /* the caller's file is intact: use it for this run, removed at exit */
  scratch_add(c, key, suffix, tmp_path);
  return 0;
}
