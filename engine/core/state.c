/* state.c: the state manager's storage. One JSON file per task at
 * <state_dir>/tasks/<task_id>.json, written atomically and durably through
 * vg_write_file_atomic, read strictly (a torn or corrupt file is reported
 * with its path, never trusted), and one lock file per running task. What a
 * task document holds is decided by lua/vg/state.lua; this file owns where
 * and how it is stored. Every function takes the state folder, so two tasks
 * of one engine may keep their state apart (Pipeline:start{state_dir=}). */
#include "core_private.h"
#include "vg_utf8.h"

#include <dirent.h>
#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

void vg__resolve_state_dir(vg_engine *e, const char *explicit_dir) {
  const char *env = getenv("VGRUN_STATE_DIR");
  const char *xdg = getenv("XDG_STATE_HOME");
  const char *home = getenv("HOME");
  if (explicit_dir && *explicit_dir) snprintf(e->state_dir, sizeof e->state_dir, "%s", explicit_dir);
  else if (env && *env) snprintf(e->state_dir, sizeof e->state_dir, "%s", env);
  else if (xdg && *xdg) snprintf(e->state_dir, sizeof e->state_dir, "%s/vgrun", xdg);
  else snprintf(e->state_dir, sizeof e->state_dir, "%s/.local/state/vgrun", home && *home ? home : "/tmp");
  vg__absolute_dir(e->state_dir, sizeof e->state_dir);
}

/* The one rule for task ids (create, tasks, Pipeline:start all come here):
 * an id names a file in tasks/, so it is a plain name: 1 to 128 of
 * A-Z a-z 0-9 . _ -, not starting with '.' (no ".", "..", hidden files) and
 * not with '-' (it would read as an option). NULL when valid, else why not. */
const char *vg_task_id_problem(const char *id) {
  if (!id) return "no id";
  size_t n = strlen(id);
  if (n == 0) return "it is empty";
  if (n > 128) return "it is longer than 128 characters";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)id[i];
    if (c < 0x20 || c == 0x7f) return "it has a control character";
    if (c == '/') return "it has a '/'";
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '.' || c == '_' || c == '-'))
      return "it has a character other than A-Z a-z 0-9 . _ -";
  }
  if (id[0] == '.') return "it starts with '.'";
  if (id[0] == '-') return "it starts with '-'";
  return NULL;
}

int vg_task_id_valid(const char *id) { return vg_task_id_problem(id) == NULL; }

/* The id as it may be shown in a message: printable ASCII, else \xNN, cut. */
void vg_task_id_show(const char *id, char *out, size_t n) {
  size_t o = 0;
  for (const unsigned char *p = (const unsigned char *)(id ? id : ""); *p && o + 5 < n; p++) {
    if (p - (const unsigned char *)id >= 64) { if (o + 4 < n) { memcpy(out + o, "...", 3); o += 3; } break; }
    if (*p >= 0x20 && *p < 0x7f && *p != '\'') out[o++] = (char)*p;
    else o += (size_t)snprintf(out + o, n - o, "\\x%02x", *p);
  }
  out[o < n ? o : n - 1] = '\0';
}

const char *vg_engine_state_dir(vg_engine *e) { return e->state_dir; }

vg_cache *vg_engine_cache(vg_engine *e) { return e->cache; }

void vg_engine_set_cache(vg_engine *e, vg_cache *c) {
  if (!c || c == e->cache) return;
  vg_cache *old = e->cache;
  e->cache = vg_cache_ref(c);
  vg_cache_unref(old);
}

void vg_engine_set_state_dir(vg_engine *e, const char *dir) { vg__resolve_state_dir(e, dir); }


int vg_state_path(const char *dir, const char *id, const char *ext, char *out, size_t n) {
  if (snprintf(out, n, "%s/tasks/%s%s", dir, id, ext) >= (int)n) { out[0] = '\0'; return -1; }
  return 0;
}

int vg_state_save(const char *dir, const char *id, const cJSON *doc, char *err, size_t errlen) {
  char path[PATH_MAX];
  vg_state_path(dir, id, ".json", path, sizeof path);
  char *s = cJSON_Print(doc);
  if (!s) return vg_errf(err, errlen, "%s: cannot save task state: out of memory", path);
  size_t len = strlen(s);
  if (len > (size_t)VG_STATE_MAX_BYTES) {
    cJSON_free(s);
    return vg_errf(err, errlen, "%s: cannot save task state: it would take %.1f MB, more than the %ld MB a task's state may hold",
                   path, (double)len / (1024.0 * 1024.0), VG_STATE_MAX_BYTES >> 20);
  }
  int rc = vg_write_file_atomic(path, s, len);
  int saved = errno;
  cJSON_free(s);
  if (rc != 0) return vg_errf(err, errlen, "%s: cannot save task state: %s", path, strerror(saved));
  return 0;
}

int vg_state_load(const char *dir, const char *id, cJSON **out, char *err, size_t errlen) {
  char path[PATH_MAX];
  *out = NULL;
  vg_state_path(dir, id, ".json", path, sizeof path);
  /* a FIFO in tasks/ must not hang the run: refused before it is opened;
   * nor is a link followed out of the state folder (vgrun renames its
   * state files into place: a link there was put by someone else) */
  const char *why = NULL;
  int fd = vg_open_regular(path, VG_OPEN_NOFOLLOW, &why);
  if (fd < 0) {
    if (errno == ENOENT) return 0;
    return vg_errf(err, errlen, "%s: %s", path, why);
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return vg_errf(err, errlen, "%s: %s", path, vg_not_regular_reason(st.st_mode));
  }
  if (st.st_size > VG_STATE_MAX_BYTES) {
    close(fd);
    return vg_errf(err, errlen, "%s: task state is too large", path);
  }
  long n = (long)st.st_size;
  char *buf = malloc((size_t)n + 1);
  size_t got = 0;
  while (buf && got < (size_t)n) {
    ssize_t r = read(fd, buf + got, (size_t)n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += (size_t)r;
  }
  close(fd);
  if (!buf || got != (size_t)n) {
    free(buf);
    return vg_errf(err, errlen, "%s: cannot read task state", path);
  }
  buf[n] = '\0';
  const char *end = NULL;
  cJSON *j = cJSON_ParseWithLengthOpts(buf, (size_t)n + 1, &end, 1);  /* +1: the NUL */
  if (!j || !cJSON_IsObject(j)) {
    int line = 1;
    size_t off = end ? (size_t)(end - buf) : 0;
    for (size_t i = 0; i < off && i < (size_t)n; i++) if (buf[i] == '\n') line++;
    cJSON_Delete(j);
    free(buf);
    return vg_errf(err, errlen, "%s:%d: corrupt task state (not a JSON object)", path, line);
  }
  free(buf);
  *out = j;
  return 1;
}

int vg_state_remove(const char *dir, const char *id, char *err, size_t errlen) {
  char path[PATH_MAX];
  vg_state_path(dir, id, ".json", path, sizeof path);
  if (remove(path) != 0 && errno != ENOENT) return vg_errf(err, errlen, "%s: %s", path, strerror(errno));
  return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

char **vg_state_list(const char *dir, size_t *count) {
  char tasks[PATH_MAX + 8];
  snprintf(tasks, sizeof tasks, "%s/tasks", dir);
  *count = 0;
  char **names = calloc(1, sizeof *names);
  if (!names) return NULL;
  DIR *d = opendir(tasks);
  if (!d) return names;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    size_t len = strlen(de->d_name);
    if (len <= 5 || strcmp(de->d_name + len - 5, ".json") != 0) continue;
    if (n + 1 >= cap) {
      cap = cap ? cap * 2 : 32;
      char **nn = realloc(names, cap * sizeof *nn);
      if (!nn) break;
      names = nn;
    }
    names[n] = malloc(len - 4);
    if (!names[n]) break;
    memcpy(names[n], de->d_name, len - 5);
    names[n][len - 5] = '\0';
    if (vg_task_id_valid(names[n])) n++; else free(names[n]);
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, cmp_str);
  names[n] = NULL;
  *count = n;
  return names;
}

void vg_state_list_free(char **names) {
  if (!names) return;
  for (size_t i = 0; names[i]; i++) free(names[i]);
  free(names);
}

/* Task locks ------------------------------------------------------------------
 * One process at a time works on a task: a write lock on tasks/<id>.lock,
 * with the holder's pid written in the file while it holds it. Open file
 * description locks (F_OFD_SETLK) where the system has them, else flock:
 * both belong to the open file, and the kernel drops them when the holder
 * dies, so a lock left by a killed run is simply taken. Whether a task is
 * running is whether its lock is held, never whether a pid is alive: after
 * a kill -9 or a reboot that pid may be anyone's. F_OFD_GETLK asks without
 * taking the lock, so asking never makes a starting run fail. */
/* 0: taken; 1: held by another open file; -1: error (errno) */
static int lock_try(int fd) {
#ifdef F_OFD_SETLK
  struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
  if (fcntl(fd, F_OFD_SETLK, &fl) == 0) return 0;
  if (errno == EINVAL) {  /* a filesystem without OFD locks: flock it */
    if (flock(fd, LOCK_EX | LOCK_NB) == 0) return 0;
    return errno == EWOULDBLOCK ? 1 : -1;
  }
  return errno == EAGAIN || errno == EACCES ? 1 : -1;
#else
  if (flock(fd, LOCK_EX | LOCK_NB) == 0) return 0;
  return errno == EWOULDBLOCK ? 1 : -1;
#endif
}

/* 1: someone holds the lock of the open file fd; 0: no one; -1: error */
static int lock_held(int fd) {
#ifdef F_OFD_GETLK
  struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
  if (fcntl(fd, F_OFD_GETLK, &fl) == 0) {
    if (fl.l_type != F_UNLCK) return 1;
    /* no OFD lock; a holder on a filesystem without them used flock */
  } else if (errno != EINVAL) {
    return -1;
  }
#endif
  /* flock: a shared try-lock fails while a writer holds it; released at once */
  if (flock(fd, LOCK_SH | LOCK_NB) == 0) { flock(fd, LOCK_UN); return 0; }
  return errno == EWOULDBLOCK ? 1 : -1;
}

static long read_pid(int fd) {
  char buf[32] = {0};
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return 0;
  char *end = NULL;
  long pid = strtol(buf, &end, 10);
  return pid > 0 && end && *end == '\n' ? pid : 0;
}

/* Does process pid have the file (dev, ino) open? Only a vgrun that took the
 * lock does; an unrelated process that got a recycled pid does not. 1 yes,
 * 0 no, -1 cannot tell (no /proc, or not allowed to look). */
static int pid_has_open(long pid, dev_t dev, ino_t ino) {
  char dir[64];
  snprintf(dir, sizeof dir, "/proc/%ld/fd", pid);
  DIR *d = opendir(dir);
  if (!d) return errno == ENOENT ? (access("/proc/self/fd", F_OK) == 0 ? 0 : -1) : -1;
  int found = 0;
  struct dirent *de;
  while (!found && (de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char fp[64 + 256 + 8];
    struct stat st;
    snprintf(fp, sizeof fp, "%s/%s", dir, de->d_name);
    if (stat(fp, &st) == 0 && st.st_dev == dev && st.st_ino == ino) found = 1;
  }
  closedir(d);
  return found;
}

/* The half-written copies of a task's state file that a process killed
 * inside its durable write left (<id>.json.tmp.<pid>.<n>, fsutil.c): removed
 * once the task's lock is held, when their process is gone. A name of any
 * other shape, or one whose process lives, is left alone. */
static void remove_stale_temps(const char *dir, const char *id) {
  char tasks[PATH_MAX + 8], prefix[PATH_MAX];
  snprintf(tasks, sizeof tasks, "%s/tasks", dir);
  int n = snprintf(prefix, sizeof prefix, "%s.json.tmp.", id);
  if (n <= 0 || (size_t)n >= sizeof prefix) return;
  DIR *d = opendir(tasks);
  if (!d) return;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (strncmp(de->d_name, prefix, (size_t)n) != 0) continue;
    const char *p = de->d_name + n;
    char *end = NULL;
    long pid = strtol(p, &end, 10);
    if (pid <= 0 || end == p || *end != '.') continue;
    const char *q = end + 1;
    if (!*q || strspn(q, "0123456789") != strlen(q)) continue;
    if (pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue;
    unlinkat(dirfd(d), de->d_name, 0);
  }
  closedir(d);
}

int vg_task_lock(const char *dir, const char *id, vg_task_lock_t *k, long *holder, char *err, size_t errlen) {
  char tasks[PATH_MAX + 8];
  k->fd = -1;
  if (holder) *holder = 0;
  snprintf(tasks, sizeof tasks, "%s/tasks", dir);
  if (vg_mkdirs(tasks, 0755) != 0)
    return vg_errf(err, errlen, "%s: cannot make the task directory: %s", tasks, strerror(errno));
  vg_state_path(dir, id, ".lock", k->path, sizeof k->path);
  for (int tries = 0; tries < 16; tries++) {
    int fd = open(k->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    /* A lock is a regular file vgrun makes; a link, a FIFO, a socket or a
     * device at its name is no lock of any run (a kernel lock on a file is
     * the only sign of one) and must not stop this one: its name is
     * removed, whatever it points to untouched, and a file made. */
    struct stat st;
    if (fd < 0 && errno == ELOOP) {
      if (unlink(k->path) != 0 && errno != ENOENT)
        return vg_errf(err, errlen, "%s: a link, not a lock file, and it cannot be removed: %s", k->path,
                       strerror(errno));
      continue;
    }
    if (fd < 0 && errno == EISDIR)
      return vg_errf(err, errlen, "%s: a folder, not a lock file (remove it)", k->path);
    if (fd < 0) return vg_errf(err, errlen, "%s: %s", k->path, strerror(errno));
    if (fstat(fd, &st) != 0) {
      int saved = errno;
      close(fd);
      return vg_errf(err, errlen, "%s: %s", k->path, strerror(saved));
    }
    if (!S_ISREG(st.st_mode)) {
      close(fd);
      if (S_ISDIR(st.st_mode)) return vg_errf(err, errlen, "%s: a folder, not a lock file (remove it)", k->path);
      if (unlink(k->path) != 0 && errno != ENOENT)
        return vg_errf(err, errlen, "%s: not a regular file, and it cannot be removed: %s", k->path, strerror(errno));
      continue;
    }
    int r = lock_try(fd);
    if (r != 0) {
      int saved = errno;
      long pid = r == 1 ? read_pid(fd) : 0;
      close(fd);
      if (holder) *holder = pid;
      if (r < 0) return vg_errf(err, errlen, "%s: cannot lock: %s", k->path, strerror(saved));
      if (pid > 0) return vg_errf(err, errlen, "task '%s' is already running in process %d", id, (int)pid);
      return vg_errf(err, errlen, "task '%s' is already running in another process", id);
    }
    /* the holder we raced with may have removed the file after we opened
     * it: a lock on a removed file guards nothing, so open the new one */
    struct stat now;
    if (stat(k->path, &now) != 0 || now.st_dev != st.st_dev || now.st_ino != st.st_ino) {
      close(fd);
      continue;
    }
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, (size_t)n, 0) != n) { /* the lock holds anyway */ }
    k->fd = fd;
    remove_stale_temps(dir, id);
    return 0;
  }
  return vg_errf(err, errlen, "%s: the lock file keeps being replaced", k->path);
}

/* Removes the lock file while still holding it (so no one can wait on a
 * removed file's lock in vain), then closes the lock's own descriptor. */
void vg_task_unlock(vg_task_lock_t *k) {
  if (k->fd < 0) return;
  struct stat a, b;
  /* remove the file only if it is still ours (not one a later run made) */
  if (k->path[0] && fstat(k->fd, &a) == 0 && stat(k->path, &b) == 0 &&
      a.st_dev == b.st_dev && a.st_ino == b.st_ino)
    unlink(k->path);
  close(k->fd);
  k->fd = -1;
}

int vg_task_lock_probe(const char *dir, const char *id, long *pid_out, char *err, size_t errlen) {
  char path[PATH_MAX];
  *pid_out = 0;
  vg_state_path(dir, id, ".lock", path, sizeof path);
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    /* a link at the name is no lock anyone holds (vg_task_lock replaces it) */
    if (errno == ENOENT || errno == ELOOP) return 0;
    return vg_errf(err, errlen, "%s: %s", path, strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) { close(fd); return 0; }
  int held = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? lock_held(fd) : -1;
  if (held < 0) {
    int saved = errno;
    close(fd);
    return vg_errf(err, errlen, "%s: cannot tell whether the task is running: %s", path, strerror(saved));
  }
  long pid = held ? read_pid(fd) : 0;
  close(fd);
  if (pid > 0 && pid_has_open(pid, st.st_dev, st.st_ino) == 1) *pid_out = pid;
  return held;
}

int vg_file_digest(const char *path, long long *size_out, char hex[65], char *err, size_t errlen) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return vg_errf(err, errlen, "%s: %s", path, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return vg_errf(err, errlen, "%s: not a regular file", path);
  }
  vg_hash h;
  vg_hash_init(&h);
  char buf[65536];
  ssize_t n;
  long long size = 0;
  while ((n = read(fd, buf, sizeof buf)) != 0) {
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      vg_hash_final(&h, hex);
      close(fd);
      return vg_errf(err, errlen, "%s: %s", path, strerror(saved));
    }
    vg_hash_update(&h, buf, (size_t)n);
    size += n;
  }
  close(fd);
  vg_hash_final(&h, hex);
  *size_out = size;
  return 0;
}
