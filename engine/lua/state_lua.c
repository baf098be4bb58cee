/* state_lua.c: task state files and locks as Lua sees them (the storage is
 * engine/core/state.c). Every function takes an optional state folder as
 * its last argument: a task started with its own state_dir keeps its files
 * and lock there, and the engine's folder does not change. */
#include "lua_private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

/* "invalid task id 'ID': why; use ..." on the Lua stack */
static void push_id_message(lua_State *L, const char *id, const char *why) {
  char shown[300];
  vg_task_id_show(id, shown, sizeof shown);
  lua_pushfstring(L, "invalid task id '%s': %s (use 1 to 128 of A-Z a-z 0-9 . _ -, "
                  "not starting with '.' or '-')", shown, why);
}

static const char *check_id(lua_State *L, int idx) {
  const char *id = vgl_check_path(L, idx);
  const char *why = vg_task_id_problem(id);
  if (why) {
    push_id_message(L, id, why);
    lua_error(L);
  }
  return id;
}

/* The state folder: argument idx when given, else the engine's. */
static const char *state_dir(lua_State *L, int idx) {
  const char *dir = vgl_opt_path(L, idx);
  if (dir && *dir) return dir;
  return vg_engine_state_dir(vgl_engine(L));
}

/* vg.core.task_id_check(id) -> true | nil, message */
static int l_task_id_check(lua_State *L) {
  size_t n = 0;
  const char *id = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &n) : NULL;
  const char *why = !id ? "it is not a string" : strlen(id) != n ? "it has a NUL byte" : vg_task_id_problem(id);
  if (!why) { lua_pushboolean(L, 1); return 1; }
  lua_pushnil(L);
  if (id) push_id_message(L, id, why);
  else lua_pushfstring(L, "invalid task id (%s): a string expected", luaL_typename(L, 1));
  return 2;
}

static int l_task_id_valid(lua_State *L) {
  size_t n = 0;
  const char *id = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &n) : NULL;
  lua_pushboolean(L, id && strlen(id) == n && vg_task_id_valid(id));
  return 1;
}

/* vg.core.state_path(id [, dir]) */
static int l_state_path(lua_State *L) {
  char path[PATH_MAX];
  const char *id = check_id(L, 1);
  vg_state_path(state_dir(L, 2), id, ".json", path, sizeof path);
  lua_pushstring(L, path);
  return 1;
}

/* vg.core.state_save(id, doc [, dir]) -> true | nil, err */
static int l_state_save(lua_State *L) {
  const char *id = check_id(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  const char *dir = state_dir(L, 3);
  char err[1024];
  cJSON *j = vgl_to_json_ex(L, 2, 1, err, sizeof err);
  if (!j) {
    /* "where: why", where a path into the document that can be hundreds of
     * characters long (a cycle): keep its ends and the reason whole */
    const char *why = strstr(err, ": ");
    size_t where = why ? (size_t)(why - err) : 0;
    char msg[1200];
    if (why && where > 80)
      snprintf(msg, sizeof msg, "task %s: cannot save state: %.36s...%s", id, err, why - 36);
    else
      snprintf(msg, sizeof msg, "task %s: cannot save state: %s", id, err);
    return vgl_fail(L, msg, NULL);
  }
  int rc = vg_state_save(dir, id, j, err, sizeof err);
  cJSON_Delete(j);
  if (rc != 0) return vgl_fail(L, err, NULL);
  lua_pushboolean(L, 1);
  return 1;
}

/* vg.core.state_load(id [, dir]) -> doc | nil (absent) | nil, err (unreadable/corrupt) */
static int l_state_load(lua_State *L) {
  const char *id = check_id(L, 1);
  char err[PATH_MAX + 200];
  cJSON *j = NULL;
  int r = vg_state_load(state_dir(L, 2), id, &j, err, sizeof err);
  if (r == 0) return 0;
  if (r < 0) return vgl_fail(L, err, NULL);
  vgl_push_json(L, j);
  cJSON_Delete(j);
  return 1;
}

/* vg.core.state_remove(id [, dir]) -> true | nil, err */
static int l_state_remove(lua_State *L) {
  const char *id = check_id(L, 1);
  char err[PATH_MAX + 200];
  if (vg_state_remove(state_dir(L, 2), id, err, sizeof err) != 0) return vgl_fail(L, err, NULL);
  lua_pushboolean(L, 1);
  return 1;
}

/* vg.core.state_list([dir]) -> { id, ... } sorted */
static int l_state_list(lua_State *L) {
  size_t n = 0;
  char **names = vg_state_list(state_dir(L, 1), &n);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushstring(L, names[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  vg_state_list_free(names);
  return 1;
}

/* A lock is a "vg.TaskLock" userdata that owns its descriptor: unlocking
 * closes that descriptor and no other, and is safe to do twice (__gc and
 * __close share it). */
#define TASK_LOCK_MT "vg.TaskLock"

static vg_task_lock_t *check_lock(lua_State *L, int idx) {
  return (vg_task_lock_t *)luaL_checkudata(L, idx, TASK_LOCK_MT);
}

static int l_lock_gc(lua_State *L) {
  vg_task_unlock(check_lock(L, 1));
  return 0;
}

static int l_lock_tostring(lua_State *L) {
  vg_task_lock_t *k = check_lock(L, 1);
  lua_pushfstring(L, "vg.TaskLock (%s%s)", k->path, k->fd < 0 ? ", released" : "");
  return 1;
}

/* vg.core.task_lock(id [, dir]) -> lock | nil, message, holder_pid */
static int l_task_lock(lua_State *L) {
  const char *id = check_id(L, 1);
  const char *dir = state_dir(L, 2);
  vg_task_lock_t *k = (vg_task_lock_t *)lua_newuserdatauv(L, sizeof *k, 0);
  k->fd = -1;
  k->path[0] = '\0';
  luaL_setmetatable(L, TASK_LOCK_MT);
  char err[PATH_MAX + 200];
  long holder = 0;
  if (vg_task_lock(dir, id, k, &holder, err, sizeof err) != 0) {
    lua_pushnil(L);
    lua_pushstring(L, err);
    if (!holder && !strstr(err, "already running") && !strstr(err, ": cannot lock: ")) return 2;
    lua_pushinteger(L, holder);
    return 3;
  }
  return 1;
}

/* vg.core.task_unlock(lock): releases the lock and removes its file. Only a
 * lock made by task_lock is accepted: no number, so no other descriptor. */
static int l_task_unlock(lua_State *L) {
  vg_task_unlock(check_lock(L, 1));
  return 0;
}

/* vg.core.task_lock_probe(id [, dir]) -> held, pid
 * held: whether a process holds the task's lock now (the lock is not taken).
 * pid: the holder, only when it is known for sure, else nil. */
static int l_task_lock_probe(lua_State *L) {
  const char *id = check_id(L, 1);
  char err[PATH_MAX + 200];
  long pid = 0;
  int held = vg_task_lock_probe(state_dir(L, 2), id, &pid, err, sizeof err);
  if (held < 0) return vgl_fail(L, err, NULL);
  lua_pushboolean(L, held);
  if (pid > 0) lua_pushinteger(L, pid);
  else lua_pushnil(L);
  return 2;
}

/* vg.core.file_digest(path) -> { size =, sha256 = } | nil, message
 * What resume records of a file a stage made or read, and checks again. */
static int l_file_digest(lua_State *L) {
  const char *path = vgl_check_path(L, 1);
  char hex[65], err[PATH_MAX + 200];
  long long size = 0;
  if (vg_file_digest(path, &size, hex, err, sizeof err) != 0) return vgl_fail(L, err, NULL);
  lua_createtable(L, 0, 2);
  lua_pushinteger(L, (lua_Integer)size);
  lua_setfield(L, -2, "size");
  lua_pushstring(L, hex);
  lua_setfield(L, -2, "sha256");
  return 1;
}

/* vg.core.state_key() -> 64 hex digits | nil, message
 * The user's own secret that a task's saved context is signed with
 * (vg.pipeline), so a resume takes a context only from a state file this
 * user's vgrun wrote: a state file is data (a shared or copied state folder,
 * a batch's OUTDIR), and an edited scene would be shown and said as if the
 * document said it. Kept apart from every state folder, in
 * $XDG_STATE_HOME/vgrun (~/.local/state/vgrun): a file of the user's, mode
 * 0600, not a link; made once, from getrandom, through a link(2) so two
 * runs that make it at once both read the one that won. */
static int l_state_key(lua_State *L) {
  char dir[PATH_MAX], path[PATH_MAX + 32], tmp[PATH_MAX + 64];
  const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
  if (xdg && xdg[0] == '/') snprintf(dir, sizeof dir, "%s/vgrun", xdg);
  else if (home && home[0] == '/') snprintf(dir, sizeof dir, "%s/.local/state/vgrun", home);
  else return vgl_fail(L, "no folder for the state key ($HOME is not set)", NULL);
  if (vg_mkdirs(dir, 0700) != 0)
    return vgl_failf(L, NULL, "%s: %s", dir, strerror(errno));
  snprintf(path, sizeof path, "%s/context.key", dir);
  for (int round = 0; round < 3; round++) {
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd >= 0) {
      struct stat st;
      char hex[65] = {0};
      int ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid()
               && (st.st_mode & 077) == 0 && st.st_size == 64 && read(fd, hex, 64) == 64;
      close(fd);
      for (int i = 0; ok && i < 64; i++) ok = (hex[i] >= '0' && hex[i] <= '9') || (hex[i] >= 'a' && hex[i] <= 'f');
      if (!ok)
        return vgl_failf(L, NULL, "%s is not a key vgrun made (a file of yours, mode 0600, of 64 hex digits)", path);
      lua_pushlstring(L, hex, 64);
      return 1;
    }
    if (errno == ELOOP)
      return vgl_failf(L, NULL, "%s is not a key vgrun made (it is a link)", path);
    if (errno != ENOENT) return vgl_failf(L, NULL, "%s: %s", path, strerror(errno));
    unsigned char r[32];
    if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
      return vgl_failf(L, NULL, "no random bytes for %s: %s", path, strerror(errno));
    char hex[65];
    for (int i = 0; i < 32; i++) snprintf(hex + 2 * i, 3, "%02x", r[i]);
    snprintf(tmp, sizeof tmp, "%s/.context.key.%ld", dir, (long)getpid());
    unlink(tmp);
    int w = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (w < 0) return vgl_failf(L, NULL, "%s: %s", tmp, strerror(errno));
    int bad = vg_write_all(w, hex, 64) != 0 || fsync(w) != 0;
    int e = errno;
    close(w);
    if (!bad && link(tmp, path) != 0 && errno != EEXIST) { bad = 1; e = errno; }
    unlink(tmp);
    if (bad) return vgl_failf(L, NULL, "%s: %s", path, strerror(e));
  }
  return vgl_failf(L, NULL, "%s: cannot be made", path);
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
    {"state_key", l_state_key},
    {NULL, NULL},
  };
  luaL_setfuncs(L, fns, 0);
  lua_pushinteger(L, VG_STATE_MAX_BYTES);   /* what pipeline.lua holds a context to */
  lua_setfield(L, -2, "state_max_bytes");
  static const luaL_Reg methods[] = { {"unlock", l_task_unlock}, {NULL, NULL} };
  vgl_class(L, TASK_LOCK_MT, methods, l_lock_gc, l_lock_tostring);
}
