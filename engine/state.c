/* state.c: the state manager's storage. One JSON file per task at
 * <state_dir>/tasks/<task_id>.json, written atomically and durably through
 * vg_write_file_atomic, read strictly (a torn or corrupt file is reported
 * with its path, never trusted). What a task document holds is decided by
 * lua/vg/state.lua; this file owns where and how it is stored. */
#include "engine_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
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
static void show_id(const char *id, char *out, size_t n) {
  size_t o = 0;
  for (const unsigned char *p = (const unsigned char *)(id ? id : ""); *p && o + 5 < n; p++) {
    if (p - (const unsigned char *)id >= 64) { if (o + 4 < n) { memcpy(out + o, "...", 3); o += 3; } break; }
    if (*p >= 0x20 && *p < 0x7f && *p != '\'') out[o++] = (char)*p;
    else o += (size_t)snprintf(out + o, n - o, "\\x%02x", *p);
  }
  out[o < n ? o : n - 1] = '\0';
}

/* "invalid task id 'ID': why; use ..." on the Lua stack */
static void push_id_message(lua_State *L, const char *id, const char *why) {
  char shown[300];
  show_id(id, shown, sizeof shown);
  lua_pushfstring(L, "invalid task id '%s': %s (use 1 to 128 of A-Z a-z 0-9 . _ -, "
                  "not starting with '.' or '-')", shown, why);
}

static const char *check_id(lua_State *L, int idx) {
  const char *id = luaL_checkstring(L, idx);
  const char *why = vg_task_id_problem(id);
  if (why) {
    push_id_message(L, id, why);
    lua_error(L);
  }
  return id;
}

static void task_path(vg_engine *e, const char *id, char *out, size_t n) {
  if (snprintf(out, n, "%s/tasks/%s.json", e->state_dir, id) >= (int)n) out[0] = '\0';
}

/* vg.core.task_id_check(id) -> true | nil, message */
static int l_task_id_check(lua_State *L) {
  const char *id = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
  const char *why = id ? vg_task_id_problem(id) : "it is not a string";
  if (!why) { lua_pushboolean(L, 1); return 1; }
  lua_pushnil(L);
  if (id) push_id_message(L, id, why);
  else lua_pushfstring(L, "invalid task id (%s): a string expected", luaL_typename(L, 1));
  return 2;
}

static int l_task_id_valid(lua_State *L) {
  lua_pushboolean(L, lua_type(L, 1) == LUA_TSTRING && vg_task_id_valid(lua_tostring(L, 1)));
  return 1;
}

static int l_state_path(lua_State *L) {
  char path[PATH_MAX];
  task_path(vgl_engine(L), check_id(L, 1), path, sizeof path);
  lua_pushstring(L, path);
  return 1;
}

/* vg.core.state_save(id, doc) -> true | nil, err */
static int l_state_save(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  const char *id = check_id(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  char err[1024], path[PATH_MAX];
  cJSON *j = vgl__to_json_ex(L, 2, 1, err, sizeof err);
  if (!j) {
    /* "where: why", where a path into the document that can be hundreds of
     * characters long (a cycle): keep its ends and the reason whole */
    const char *why = strstr(err, ": ");
    size_t where = why ? (size_t)(why - err) : 0;
    lua_pushnil(L);
    char msg[1200];
    if (why && where > 80)
      snprintf(msg, sizeof msg, "task %s: cannot save state: %.36s...%s", id, err, why - 36);
    else
      snprintf(msg, sizeof msg, "task %s: cannot save state: %s", id, err);
    lua_pushstring(L, msg);
    return 2;
  }
  char *s = cJSON_Print(j);
  cJSON_Delete(j);
  if (!s) return luaL_error(L, "out of memory");
  task_path(e, id, path, sizeof path);
  int rc = vg_write_file_atomic(path, s, strlen(s));
  int saved = errno;
  cJSON_free(s);
  if (rc != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: cannot save task state: %s", path, strerror(saved));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* vg.core.state_load(id) -> doc | nil (absent) | nil, err (unreadable/corrupt) */
static int l_state_load(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  const char *id = check_id(L, 1);
  char path[PATH_MAX];
  task_path(e, id, path, sizeof path);
  /* a FIFO in tasks/ must not hang the run: refused before it is opened */
  const char *why = NULL;
  int fd = vg_open_regular(path, 0, &why);
  if (fd < 0) {
    if (errno == ENOENT) return 0;
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, why);
    return 2;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, vg_not_regular_reason(st.st_mode));
    return 2;
  }
  if (st.st_size > 256L * 1024 * 1024) {
    close(fd);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: task state is too large", path);
    return 2;
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
    lua_pushnil(L);
    lua_pushfstring(L, "%s: cannot read task state", path);
    return 2;
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
    lua_pushnil(L);
    lua_pushfstring(L, "%s:%d: corrupt task state (not a JSON object)", path, line);
    return 2;
  }
  free(buf);
  vgl_push_json(L, j);
  cJSON_Delete(j);
  return 1;
}

static int l_state_remove(lua_State *L) {
  char path[PATH_MAX];
  task_path(vgl_engine(L), check_id(L, 1), path, sizeof path);
  if (remove(path) != 0 && errno != ENOENT) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* vg.core.state_list() -> { id, ... } sorted */
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int l_state_list(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  char dir[PATH_MAX + 8];
  snprintf(dir, sizeof dir, "%s/tasks", e->state_dir);
  lua_newtable(L);
  DIR *d = opendir(dir);
  if (!d) return 1;
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    size_t len = strlen(de->d_name);
    if (len <= 5 || strcmp(de->d_name + len - 5, ".json") != 0) continue;
    if (n == cap) {
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
  for (size_t i = 0; i < n; i++) {
    lua_pushstring(L, names[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
    free(names[i]);
  }
  free(names);
  return 1;
}

/* Task locks ------------------------------------------------------------------
 * One process at a time works on a task: a write lock on tasks/<id>.lock,
 * with the holder's pid written in the file while it holds it. Open file
 * description locks (F_OFD_SETLK) where the system has them, else flock:
 * both belong to the open file, and the kernel drops them when the holder
 * dies, so a lock left by a killed run is simply taken. Whether a task is
 * running is whether its lock is held, never whether a pid is alive: after
 * a kill -9 or a reboot that pid may be anyone's. F_OFD_GETLK asks without
 * taking the lock, so asking never makes a starting run fail.
 *
 * A lock is a "vg.TaskLock" userdata that owns its descriptor: unlocking
 * closes that descriptor and no other, and is safe to do twice (__gc and
 * __close share it). */
#define TASK_LOCK_MT "vg.TaskLock"

typedef struct {
  int fd;                 /* -1 once released */
  char path[PATH_MAX];
} task_lock;

static void lock_path(vg_engine *e, const char *id, char *out, size_t n) {
  if (snprintf(out, n, "%s/tasks/%s.lock", e->state_dir, id) >= (int)n) out[0] = '\0';
}

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

static task_lock *check_lock(lua_State *L, int idx) {
  return (task_lock *)luaL_checkudata(L, idx, TASK_LOCK_MT);
}

/* Removes the lock file while still holding it (so no one can wait on a
 * removed file's lock in vain), then closes the lock's own descriptor. */
static void lock_release(task_lock *k) {
  if (k->fd < 0) return;
  struct stat a, b;
  /* remove the file only if it is still ours (not one a later run made) */
  if (k->path[0] && fstat(k->fd, &a) == 0 && stat(k->path, &b) == 0 &&
      a.st_dev == b.st_dev && a.st_ino == b.st_ino)
    unlink(k->path);
  close(k->fd);
  k->fd = -1;
}

static int l_lock_gc(lua_State *L) {
  lock_release(check_lock(L, 1));
  return 0;
}

static int l_lock_tostring(lua_State *L) {
  task_lock *k = check_lock(L, 1);
  lua_pushfstring(L, "vg.TaskLock (%s%s)", k->path, k->fd < 0 ? ", released" : "");
  return 1;
}

/* vg.core.task_lock(id) -> lock | nil, message, holder_pid */
static int l_task_lock(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  const char *id = check_id(L, 1);
  char dir[PATH_MAX + 8];
  snprintf(dir, sizeof dir, "%s/tasks", e->state_dir);
  if (vg_mkdirs(dir, 0755) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: cannot make the task directory: %s", dir, strerror(errno));
    return 2;
  }
  task_lock *k = (task_lock *)lua_newuserdatauv(L, sizeof *k, 0);
  k->fd = -1;
  lock_path(e, id, k->path, sizeof k->path);
  luaL_setmetatable(L, TASK_LOCK_MT);
  for (int tries = 0; tries < 16; tries++) {
    int fd = open(k->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    if (fd < 0) {
      lua_pushnil(L);
      lua_pushfstring(L, "%s: %s", k->path, strerror(errno));
      return 2;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      close(fd);
      lua_pushnil(L);
      lua_pushfstring(L, "%s: not a regular file", k->path);
      return 2;
    }
    int r = lock_try(fd);
    if (r != 0) {
      int saved = errno;
      long pid = r == 1 ? read_pid(fd) : 0;
      close(fd);
      lua_pushnil(L);
      if (r < 0) lua_pushfstring(L, "%s: cannot lock: %s", k->path, strerror(saved));
      else if (pid > 0) lua_pushfstring(L, "task '%s' is already running in process %d", id, (int)pid);
      else lua_pushfstring(L, "task '%s' is already running in another process", id);
      lua_pushinteger(L, pid);
      return 3;
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
    return 1;
  }
  lua_pushnil(L);
  lua_pushfstring(L, "%s: the lock file keeps being replaced", k->path);
  return 2;
}

/* vg.core.task_unlock(lock): releases the lock and removes its file. Only a
 * lock made by task_lock is accepted: no number, so no other descriptor. */
static int l_task_unlock(lua_State *L) {
  lock_release(check_lock(L, 1));
  return 0;
}

/* vg.core.task_lock_probe(id) -> held, pid
 * held: whether a process holds the task's lock now (the lock is not taken).
 * pid: the holder, only when it is known for sure (the pid in the lock file
 * is a process that has that very file open), else nil. */
static int l_task_lock_probe(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  const char *id = check_id(L, 1);
  char path[PATH_MAX];
  lock_path(e, id, path, sizeof path);
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ENOENT) { lua_pushboolean(L, 0); return 1; }
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  struct stat st;
  int held = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? lock_held(fd) : -1;
  if (held < 0) {
    int saved = errno;
    close(fd);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: cannot tell whether the task is running: %s", path, strerror(saved));
    return 2;
  }
  long pid = held ? read_pid(fd) : 0;
  close(fd);
  lua_pushboolean(L, held);
  if (pid > 0 && pid_has_open(pid, st.st_dev, st.st_ino) == 1) lua_pushinteger(L, pid);
  else lua_pushnil(L);
  return 2;
}

/* vg.core.file_digest(path) -> { size =, sha256 = } | nil, message
 * What resume records of a file a stage made or read, and checks again. A
 * FIFO or a device is refused before anything is read from it. */
static int l_file_digest(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: not a regular file", path);
    return 2;
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
      char hex[65];
      vg_hash_final(&h, hex);
      close(fd);
      lua_pushnil(L);
      lua_pushfstring(L, "%s: %s", path, strerror(saved));
      return 2;
    }
    vg_hash_update(&h, buf, (size_t)n);
    size += n;
  }
  close(fd);
  char hex[65];
  vg_hash_final(&h, hex);
  lua_createtable(L, 0, 2);
  lua_pushinteger(L, (lua_Integer)size);
  lua_setfield(L, -2, "size");
  lua_pushstring(L, hex);
  lua_setfield(L, -2, "sha256");
  return 1;
}

void vgl__register_state_functions(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"task_id_valid", l_task_id_valid},
    {"task_id_check", l_task_id_check},
    {"state_path", l_state_path},
    {"state_save", l_state_save},
    {"state_load", l_state_load},
    {"state_remove", l_state_remove},
    {"state_list", l_state_list},
    {"task_lock", l_task_lock},
    {"task_unlock", l_task_unlock},
    {"task_lock_probe", l_task_lock_probe},
    {"file_digest", l_file_digest},
    {NULL, NULL},
  };
  luaL_setfuncs(L, fns, 0);
  if (luaL_newmetatable(L, TASK_LOCK_MT)) {
    static const luaL_Reg meta[] = {
      {"__gc", l_lock_gc}, {"__close", l_lock_gc}, {"__tostring", l_lock_tostring},
      {"unlock", l_task_unlock}, {NULL, NULL},
    };
    luaL_setfuncs(L, meta, 0);
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);
}
