/* cache.c: the artifact cache. Entries are files named by the SHA-256 of
 * everything that determines them, so unchanged work is found, not redone.
 * Layout: <cache_dir>/<k[0:2]>/<key><suffix>; writes are atomic. */
#include "vg.h"

void vg__crash_point(void);  /* fsutil.c */

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <libavutil/sha.h>
#include <libavutil/mem.h>

void vg_hash_init(vg_hash *h) {
  h->sha = av_sha_alloc();
  if (h->sha) av_sha_init(h->sha, 256);
}

void vg_hash_update(vg_hash *h, const void *data, size_t len) {
  if (!h->sha) return;
  const uint8_t *p = data;
  while (len > 0) { /* av_sha_update takes an unsigned int length on older FFmpeg */
    size_t n = len > (1u << 30) ? (1u << 30) : len;
    av_sha_update(h->sha, p, (unsigned)n);
    p += n; len -= n;
  }
}

void vg_hash_str(vg_hash *h, const char *s) {
  uint64_t n = s ? strlen(s) : 0;
  vg_hash_update(h, &n, sizeof n);
  if (s) vg_hash_update(h, s, (size_t)n);
}

void vg_hash_final(vg_hash *h, char out_hex[65]) {
  uint8_t d[32] = {0};
  if (h->sha) av_sha_final(h->sha, d);
  av_freep(&h->sha);
  for (int i = 0; i < 32; i++) snprintf(out_hex + 2 * i, 3, "%02x", d[i]);
  out_hex[64] = '\0';
}

static pthread_once_t dir_once = PTHREAD_ONCE_INIT;
static char cache_dir[PATH_MAX];

static void resolve_dir(void) {
  const char *env = getenv("VGRUN_CACHE_DIR");
  const char *xdg = getenv("XDG_CACHE_HOME");
  const char *home = getenv("HOME");
  if (env && *env) snprintf(cache_dir, sizeof cache_dir, "%s", env);
  else if (xdg && *xdg) snprintf(cache_dir, sizeof cache_dir, "%s/vgrun", xdg);
  else snprintf(cache_dir, sizeof cache_dir, "%s/.cache/vgrun", home && *home ? home : "/tmp");
}

const char *vg_cache_dir(void) {
  pthread_once(&dir_once, resolve_dir);
  return cache_dir;
}

static int valid_key(const char *key) {
  size_t n = strlen(key);
  if (n < 8 || n > 128) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = key[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return 0;
  }
  return 1;
}

static int entry_path(const char *key, const char *suffix, char *out, size_t outlen) {
  if (!valid_key(key)) { errno = EINVAL; return -1; }
  int n = snprintf(out, outlen, "%s/%.2s/%s%s", vg_cache_dir(), key, key, suffix ? suffix : "");
  if (n < 0 || (size_t)n >= outlen) { errno = ENAMETOOLONG; return -1; }
  return 0;
}

/* Every entry has a sidecar "<entry>.sum": its size and SHA-256, written
 * after the entry. An entry without one (a run killed in between) or whose
 * bytes do not match (a torn or damaged file) is reported and removed, and
 * the caller makes it again: the cache is never trusted blindly. */
static int file_digest(const char *path, char hex[65], long long *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  vg_hash h;
  vg_hash_init(&h);
  char buf[65536];
  size_t n;
  long long total = 0;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
    vg_hash_update(&h, buf, n);
    total += (long long)n;
  }
  int err = ferror(f);
  fclose(f);
  vg_hash_final(&h, hex);
  *size = total;
  return err ? -1 : 0;
}

static int write_sum(const char *path) {
  char hex[65], sum_path[PATH_MAX + 8], line[128];
  long long size;
  if (file_digest(path, hex, &size) != 0) return -1;
  snprintf(sum_path, sizeof sum_path, "%s.sum", path);
  int n = snprintf(line, sizeof line, "%lld %s\n", size, hex);
  return vg_write_file_atomic(sum_path, line, (size_t)n);
}

static int sum_matches(const char *path) {
  char sum_path[PATH_MAX + 8], line[128] = {0}, want[65] = {0}, hex[65];
  long long want_size = -1, size;
  snprintf(sum_path, sizeof sum_path, "%s.sum", path);
  FILE *f = fopen(sum_path, "r");
  if (!f) return 0;
  if (!fgets(line, sizeof line, f)) line[0] = '\0';
  fclose(f);
  if (sscanf(line, "%lld %64s", &want_size, want) != 2) return 0;
  struct stat st;
  if (stat(path, &st) != 0 || (long long)st.st_size != want_size) return 0;
  if (file_digest(path, hex, &size) != 0) return 0;
  return strcmp(hex, want) == 0;
}

int vg_cache_lookup(const char *key, const char *suffix, char *out, size_t outlen) {
  if (entry_path(key, suffix, out, outlen) != 0) return 0;
  struct stat st;
  if (stat(out, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  if (sum_matches(out)) {
    utime(out, NULL);  /* "last used", for `vgrun cache clean --older-than` */
    return 1;
  }
  fprintf(stderr, "vgrun: cache entry %s is damaged or incomplete; making it again\n", out);
  char sum_path[PATH_MAX + 8];
  snprintf(sum_path, sizeof sum_path, "%s.sum", out);
  unlink(out);
  unlink(sum_path);
  return 0;
}

int vg_cache_put(const char *key, const char *suffix, const void *data, size_t len) {
  char path[PATH_MAX];
  if (entry_path(key, suffix, path, sizeof path) != 0) return -1;
  if (vg_write_file_atomic(path, data, len) != 0) return -1;
  return write_sum(path);
}

int vg_cache_tmp_path(char *out, size_t outlen, const char *suffix) {
  static unsigned counter;
  unsigned c = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s/tmp", vg_cache_dir());
  if (vg_mkdirs(dir, 0755) != 0) return -1;
  int n = snprintf(out, outlen, "%s/%ld-%u%s", dir, (long)getpid(), c, suffix ? suffix : "");
  if (n < 0 || (size_t)n >= outlen) { errno = ENAMETOOLONG; return -1; }
  return 0;
}

int vg_cache_adopt(const char *key, const char *suffix, const char *tmp_path) {
  char path[PATH_MAX], dir[PATH_MAX];
  if (entry_path(key, suffix, path, sizeof path) != 0) return -1;
  snprintf(dir, sizeof dir, "%s/%.2s", vg_cache_dir(), key);
  if (vg_mkdirs(dir, 0755) != 0) return -1;
  vg__crash_point();
  if (rename(tmp_path, path) == 0) return write_sum(path);
  if (errno != EXDEV) return -1;
  /* another filesystem: copy through an atomic write */
  FILE *f = fopen(tmp_path, "rb");
  if (!f) return -1;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = n > 0 ? malloc((size_t)n) : NULL;
  if (n > 0 && (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)) {
    free(buf); fclose(f); errno = EIO; return -1;
  }
  fclose(f);
  int rc = vg_write_file_atomic(path, buf, n > 0 ? (size_t)n : 0);
  free(buf);
  if (rc == 0) unlink(tmp_path);
  return rc == 0 ? write_sum(path) : rc;
}
