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

int vg_task_id_valid(const char *id) {
  size_t n = id ? strlen(id) : 0;
  if (n < 1 || n > 128) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = id[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '.' || c == '_' || c == '-'))
      return 0;
  }
  return 1;
}

static const char *check_id(lua_State *L, int idx) {
  const char *id = luaL_checkstring(L, idx);
  if (!vg_task_id_valid(id))
    luaL_error(L, "invalid task id '%s': use 1 to 128 of A-Z a-z 0-9 . _ -", id);
  return id;
}

static void task_path(vg_engine *e, const char *id, char *out, size_t n) {
  if (snprintf(out, n, "%s/tasks/%s.json", e->state_dir, id) >= (int)n) out[0] = '\0';
}

static int l_task_id_valid(lua_State *L) {
  lua_pushboolean(L, vg_task_id_valid(lua_tostring(L, 1)));
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
  char err[512], path[PATH_MAX];
  cJSON *j = vgl__to_json_ex(L, 2, 1, err, sizeof err);
  if (!j) {
    lua_pushnil(L);
    lua_pushfstring(L, "task %s: cannot save state: %s", id, err);
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
  const char *why = NULL;
  FILE *f = vg_fopen_regular(path, 0, &why);   /* a FIFO would block forever */
  if (!f) {
    if (errno == ENOENT) return 0;
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, why);
    return 2;
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  if (n < 0 || n > 256L * 1024 * 1024) {
    fclose(f);
    lua_pushnil(L);
    lua_pushfstring(L, "%s: task state is too large or unreadable", path);
    return 2;
  }
  char *buf = malloc((size_t)n + 1);
  size_t got = buf ? fread(buf, 1, (size_t)n, f) : 0;
  fclose(f);
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

/* vg.core.task_lock(id) -> fd | nil, message, holder_pid
 * One process at a time works on a task: an flock on tasks/<id>.lock, with
 * the holder's pid written in it for the message. The kernel drops the lock
 * when its process dies, so a lock left by a killed run is simply taken. */
static int l_task_lock(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  const char *id = check_id(L, 1);
  char dir[PATH_MAX + 8], path[PATH_MAX + 160];
  snprintf(dir, sizeof dir, "%s/tasks", e->state_dir);
  if (vg_mkdirs(dir, 0755) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", dir, strerror(errno));
    return 2;
  }
  snprintf(path, sizeof path, "%s/%s.lock", dir, id);
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char buf[32] = {0};
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    close(fd);
    long pid = n > 0 ? strtol(buf, NULL, 10) : 0;
    lua_pushnil(L);
    if (pid > 0) lua_pushfstring(L, "task '%s' is already running in process %d", id, (int)pid);
    else lua_pushfstring(L, "task '%s' is already running in another process", id);
    lua_pushinteger(L, pid);
    return 3;
  }
  char buf[32];
  int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
  if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, (size_t)n, 0) != n) { /* the lock holds anyway */ }
  lua_pushinteger(L, fd);
  return 1;
}

/* vg.core.task_unlock(fd, id): releases the lock and removes the file. */
static int l_task_unlock(lua_State *L) {
  vg_engine *e = vgl_engine(L);
  int fd = (int)luaL_checkinteger(L, 1);
  const char *id = luaL_optstring(L, 2, NULL);
  if (id && vg_task_id_valid(id)) {
    char path[PATH_MAX + 160];
    snprintf(path, sizeof path, "%s/tasks/%s.lock", e->state_dir, id);
    unlink(path);  /* while still holding it: no one can hold a removed file's lock in vain */
  }
  close(fd);
  return 0;
}

void vgl__register_state_functions(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"task_id_valid", l_task_id_valid},
    {"state_path", l_state_path},
    {"state_save", l_state_save},
    {"state_load", l_state_load},
    {"state_remove", l_state_remove},
    {"state_list", l_state_list},
    {"task_lock", l_task_lock},
    {"task_unlock", l_task_unlock},
    {NULL, NULL},
  };
  luaL_setfuncs(L, fns, 0);
}
