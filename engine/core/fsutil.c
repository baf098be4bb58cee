/* fsutil.c: durable file writes shared by the state manager, the artifact
 * cache and the stages. Atomic = temp file + fsync + rename + fsync(dir), so
 * a reader sees the old file or the new one, never a torn one. And the one
 * way to open a path someone else named for reading: regular files only. */
#include "vg.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int vg_mkdirs(const char *path, int mode) {
  char buf[PATH_MAX];
  size_t n = strlen(path);
  if (n == 0 || n >= sizeof buf) { errno = ENAMETOOLONG; return -1; }
  memcpy(buf, path, n + 1);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(buf, mode) != 0 && errno != EEXIST) return -1;
    *p = '/';
  }
  if (mkdir(buf, mode) != 0 && errno != EEXIST) return -1;
  struct stat st;
  if (stat(buf, &st) != 0) return -1;
  if (!S_ISDIR(st.st_mode)) { errno = ENOTDIR; return -1; }
  return 0;
}

static int fsync_dir_of(const char *path) {
  char dir[PATH_MAX];
  const char *slash = strrchr(path, '/');
  if (!slash) { strcpy(dir, "."); }
  else if (slash == path) { strcpy(dir, "/"); }
  else {
    size_t n = (size_t)(slash - path);
    if (n >= sizeof dir) { errno = ENAMETOOLONG; return -1; }
    memcpy(dir, path, n); dir[n] = '\0';
  }
  int fd = open(dir, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return -1;
  int rc = fsync(fd);
  close(fd);
  return rc;
}

/* Crash testing: VGRUN_CRASH_AT=N kills the process with SIGKILL inside the
 * Nth durable write or adoption of this process, after the new bytes are on
 * disk and before the rename that publishes them: the worst moment. */
void vg__crash_point(void) {
  static long target = -2;
  static long count;
  if (target == -2) {
    const char *env = getenv("VGRUN_CRASH_AT");
    target = env && *env ? strtol(env, NULL, 10) : -1;
  }
  if (target < 0) return;
  if (__atomic_add_fetch(&count, 1, __ATOMIC_SEQ_CST) == target) raise(SIGKILL);
}

int vg_write_all(int fd, const void *data, size_t len) {
  const char *p = data;
  while (len > 0) {
    ssize_t w = write(fd, p, len);
    if (w < 0) { if (errno == EINTR) continue; return -1; }
    p += w; len -= (size_t)w;
  }
  return 0;
}

static int commit(const char *tmp, const char *path, int sync_tmp);

int vg_write_file_atomic(const char *path, const void *data, size_t len) {
  char tmp[PATH_MAX];
  const char *slash = strrchr(path, '/');
  if (slash && slash != path) {
    char dir[PATH_MAX];
    size_t n = (size_t)(slash - path);
    if (n >= sizeof dir) { errno = ENAMETOOLONG; return -1; }
    memcpy(dir, path, n); dir[n] = '\0';
    if (vg_mkdirs(dir, 0755) != 0) return -1;
  }
  /* pid + counter keeps concurrent writers (threads or processes) apart */
  static unsigned counter;
  unsigned c = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
  if (snprintf(tmp, sizeof tmp, "%s.tmp.%ld.%u", path, (long)getpid(), c) >= (int)sizeof tmp) {
    errno = ENAMETOOLONG; return -1;
  }
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return -1;
  if (vg_write_all(fd, data, len) != 0 || fsync(fd) != 0) {
    int saved = errno; close(fd); unlink(tmp); errno = saved; return -1;
  }
  if (close(fd) != 0) { int saved = errno; unlink(tmp); errno = saved; return -1; }
  return commit(tmp, path, 0);
}

/* The one way a finished file is published: its bytes on disk (fsync),
 * the crash point, the rename, then the folder's fsync so the new name
 * survives a power cut too. On failure tmp is removed. */
static int commit(const char *tmp, const char *path, int sync_tmp) {
  if (sync_tmp) {
    int fd = open(tmp, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
      int saved = errno;
      if (fd >= 0) close(fd);
      unlink(tmp);
      errno = saved;
      return -1;
    }
    close(fd);
  }
  vg__crash_point();
  if (rename(tmp, path) != 0) { int saved = errno; unlink(tmp); errno = saved; return -1; }
  fsync_dir_of(path); /* best effort: some filesystems refuse fsync on dirs */
  return 0;
}

int vg_commit_file(const char *tmp, const char *path) { return commit(tmp, path, 1); }

const char *vg_not_regular_reason(unsigned mode) {
  mode_t m = (mode_t)mode;
  if (S_ISDIR(m)) return "is a directory";
  if (S_ISFIFO(m)) return "is a named pipe (FIFO), not a regular file";
  if (S_ISSOCK(m)) return "is a socket, not a regular file";
  if (S_ISCHR(m)) return "is a character device, not a regular file";
  if (S_ISBLK(m)) return "is a block device, not a regular file";
  if (S_ISLNK(m)) return "is a symbolic link";
  return "is not a regular file";
}

int vg_open_regular(const char *path, int flags, const char **why) {
  const char *ignored;
  if (!why) why = &ignored;
  int nofollow = (flags & VG_OPEN_NOFOLLOW) != 0;
  /* Look before opening: opening a FIFO waits for a writer (forever, and
   * SA_RESTART makes a signal restart the wait), and opening a device can
   * act on it. */
  struct stat st;
  if ((nofollow ? lstat(path, &st) : stat(path, &st)) != 0) {
    *why = strerror(errno);
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    *why = vg_not_regular_reason(st.st_mode);
    errno = S_ISDIR(st.st_mode) ? EISDIR : S_ISLNK(st.st_mode) ? ELOOP : EINVAL;
    return -1;
  }
  /* O_NONBLOCK: should a FIFO take the file's place between the look and
   * the open, the open returns at once; fstat then refuses it. */
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (nofollow ? O_NOFOLLOW : 0));
  if (fd < 0) {
    *why = errno == ELOOP && nofollow ? "is a symbolic link" : strerror(errno);
    return -1;
  }
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *why = vg_not_regular_reason(st.st_mode);
    close(fd);
    errno = EINVAL;
    return -1;
  }
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0) {
    int saved = errno;
    *why = strerror(saved);
    close(fd);
    errno = saved;
    return -1;
  }
  return fd;
}

FILE *vg_fopen_regular(const char *path, int flags, const char **why) {
  int fd = vg_open_regular(path, flags, why);
  if (fd < 0) return NULL;
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    int saved = errno;
    if (why) *why = strerror(saved);
    close(fd);
    errno = saved;
  }
  return f;
}
