/* remove_tree.c: removes a folder and everything in it however deep it
 * goes, without following a link and without leaving the folder's file
 * system. One folder is open at a time: going down opens the child by name
 * from the open parent (O_NOFOLLOW) and checks it is the folder just looked
 * at; going up opens ".." and checks it is the folder it came from (device
 * and inode). So neither PATH_MAX nor the limit of open files bounds the
 * depth, a folder swapped for a link on the way is never entered, and
 * neither is a mount point (another file system, or a bind mount). */
#define _GNU_SOURCE  /* statx */
#include "vg.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A folder on the way down: where it is and its name in its parent. */
typedef struct {
  dev_t parent_dev;
  ino_t parent_ino;
  char *name;
} down_step;

/* A folder something is mounted on is never entered: another file system
 * shows in st_dev, a bind mount of this one only in statx's MOUNT_ROOT. */
static int is_mount_point(int dirfd, const char *name, const struct stat *st, dev_t dev) {
  if (st->st_dev != dev) return 1;
#ifdef STATX_ATTR_MOUNT_ROOT
  struct statx sx;
  if (statx(dirfd, name, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, 0, &sx) == 0 &&
      (sx.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT) && (sx.stx_attributes & STATX_ATTR_MOUNT_ROOT))
    return 1;
#else
  (void)dirfd; (void)name;
#endif
  return 0;
}

static int same_file(const struct stat *a, const struct stat *b) {
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* A folder without write and search permission for its owner (an archive
 * may say 0500) cannot be emptied: give them back first. */
static int make_writable(int fd, const struct stat *st) {
  if ((st->st_mode & 0700) == 0700) return 0;
  return fchmod(fd, (st->st_mode & 07777) | 0700);
}

/* Opens the folder `name` of the open folder dirfd that fstatat saw as
 * `seen`. A folder its owner may not read (0000) is given rwx first. That
 * chmod is by name (Linux has no fchmodat without following a link): were
 * the folder swapped for a link in between, which needs write access to
 * this folder, the link's target would get the mode; the open after it
 * still refuses a link and checks the inode, so nothing outside is ever
 * removed. */
static int open_child(int dirfd, const char *name, const struct stat *seen) {
  int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && errno == EACCES && seen->st_uid == geteuid()) {
    if (fchmodat(dirfd, name, (seen->st_mode & 07777) | 0700, 0) != 0) return -1;
    fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  }
  if (fd < 0) return -1;
  struct stat st;
  if (fstat(fd, &st) != 0 || !same_file(&st, seen)) {
    close(fd);
    errno = ESTALE;
    return -1;
  }
  if (make_writable(fd, &st) != 0) { int e = errno; close(fd); errno = e; return -1; }
  return fd;
}

/* Removes every entry of the open folder fd that is not a folder; stops at
 * the first folder and returns its name (malloc'd) and stat in *down, or
 * NULL when none is left. -1 on an error. */
static int empty_files(int fd, dev_t dev, char **down, struct stat *down_st) {
  *down = NULL;
  int dup_fd = dup(fd);
  if (dup_fd < 0) return -1;
  DIR *d = fdopendir(dup_fd);
  if (!d) { int e = errno; close(dup_fd); errno = e; return -1; }
  rewinddir(d);
  int rc = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    struct stat st;
    if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      if (errno == ENOENT) continue;
      rc = -1;
      break;
    }
    if (S_ISDIR(st.st_mode)) {
      /* a file system mounted inside is left alone, and so the folder
       * that holds it cannot be removed: an error, never a loop */
      if (is_mount_point(fd, e->d_name, &st, dev)) { errno = EXDEV; rc = -1; break; }
      *down = vg_strdup(e->d_name);
      if (!*down) { errno = ENOMEM; rc = -1; }
      *down_st = st;
      break;
    }
    if (unlinkat(fd, e->d_name, 0) != 0 && errno != ENOENT) { rc = -1; break; }
  }
  int saved = errno;
  closedir(d);
  errno = saved;
  return rc;
}

int vg_remove_tree(const char *path) {
  struct stat top;
  if (lstat(path, &top) != 0) return errno == ENOENT ? 0 : -1;
  if (!S_ISDIR(top.st_mode)) return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return -1;
  struct stat cur = { 0 };
  if (fstat(fd, &cur) != 0 || !same_file(&cur, &top) || make_writable(fd, &cur) != 0) {
    int e = same_file(&cur, &top) ? errno : ESTALE;
    close(fd);
    errno = e;
    return -1;
  }
  down_step *steps = NULL;
  size_t depth = 0, cap = 0;
  int rc = 0;
  for (;;) {
    char *down;
    struct stat down_st;
    if (empty_files(fd, top.st_dev, &down, &down_st) != 0) { rc = -1; break; }
    if (down) {
      if (depth == cap) {
        size_t ncap = cap ? cap * 2 : 32;
        down_step *n = realloc(steps, ncap * sizeof *n);
        if (!n) { free(down); errno = ENOMEM; rc = -1; break; }
        steps = n;
        cap = ncap;
      }
      int child = open_child(fd, down, &down_st);
      if (child < 0) { int e = errno; free(down); errno = e; rc = -1; break; }
      steps[depth++] = (down_step){ cur.st_dev, cur.st_ino, down };
      close(fd);
      fd = child;
      cur = down_st;
      continue;
    }
    /* this folder is empty: up one level and remove it there */
    if (depth == 0) break;
    down_step *s = &steps[depth - 1];
    int parent = openat(fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct stat pst;
    if (parent < 0 || fstat(parent, &pst) != 0 || pst.st_dev != s->parent_dev || pst.st_ino != s->parent_ino) {
      int e = parent < 0 ? errno : ESTALE;
      if (parent >= 0) close(parent);
      errno = e;
      rc = -1;
      break;
    }
    close(fd);
    fd = parent;
    cur = pst;
    if (unlinkat(fd, s->name, AT_REMOVEDIR) != 0 && errno != ENOENT) { rc = -1; break; }
    free(s->name);
    depth--;
  }
  int saved = errno;
  close(fd);
  for (size_t i = 0; i < depth; i++) free(steps[i].name);
  free(steps);
  if (rc == 0 && rmdir(path) != 0 && errno != ENOENT) return -1;
  errno = saved;
  return rc;
}
