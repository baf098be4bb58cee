/* join_reuse.c: an unchanged video is not joined again. After a join, the
 * cache records what it made from which inputs (the digests of the segments
 * and the narration track, the chapters, the title): when a later join of
 * the same inputs finds its output file with that digest, the file is left
 * as it is. Needs no library, so an unchanged re-run of the vgrun program
 * never opens the encoder (media.h). */
#include "encode_private.h"
#include "vg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libavformat/version.h>

/* Bump when the same inputs would be joined into other bytes. */
#define VGE_JOIN_VERSION "vge-join-1"

static int add_file(vg_hash *h, const char *path) {
  char hex[65], err[300];
  long long size = 0;
  if (vg_file_digest(path, &size, hex, err, sizeof err) != 0) return -1;
  vg_hash_str(h, hex);
  vg_hash_update(h, &size, sizeof size);
  return 0;
}

int vge_join_key(const vge_join *j, char key[65]) {
  key[0] = '\0';
  if (!j->cache || !j->out || j->n <= 0 || !j->segments) return 0;
  vg_hash h;
  vg_hash_init(&h);
  char head[128];
  snprintf(head, sizeof head, "%s|%u|%d|%d|%d", VGE_JOIN_VERSION, (unsigned)LIBAVFORMAT_VERSION_INT, j->n,
           j->no_faststart, j->nchapters);
  vg_hash_str(&h, head);
  int rc = 0;
  for (int i = 0; i < j->n && rc == 0; i++) rc = add_file(&h, j->segments[i]);
  if (rc == 0 && j->audio) rc = add_file(&h, j->audio);
  vg_hash_str(&h, j->title ? j->title : "");
  for (int i = 0; i < j->nchapters && j->chapters; i++) {
    double t[2] = {j->chapters[i].start, j->chapters[i].end};
    vg_hash_str(&h, j->chapters[i].title ? j->chapters[i].title : "");
    vg_hash_update(&h, t, sizeof t);
  }
  char k[65];
  vg_hash_final(&h, k);
  if (rc != 0) return 0;
  memcpy(key, k, sizeof k);
  return 1;
}

/* the record: "<sha256 of the output> <size> <duration>\n" */
int vge_join_reused(const vge_join *j, const char *key, vge_result *r) {
  if (!key[0]) return 0;
  char rec[VGE_PATH_MAX];
  if (!vg_cache_lookup(j->cache, key, ".join", rec, sizeof rec)) return 0;
  FILE *f = fopen(rec, "r");
  if (!f) return 0;
  char want[65] = "", line[160] = "";
  long long want_size = -1;
  double duration = -1;
  int ok = fgets(line, sizeof line, f) && sscanf(line, "%64[0-9a-f] %lld %lf", want, &want_size, &duration) == 3 &&
           strlen(want) == 64 && want_size >= 0 && isfinite(duration) && duration >= 0;
  fclose(f);
  if (!ok) return 0;
  char have[65], err[300];
  long long size = -1;
  if (vg_file_digest(j->out, &size, have, err, sizeof err) != 0 || size != want_size || strcmp(have, want) != 0)
    return 0;
  memset(r, 0, sizeof *r);
  snprintf(r->path, sizeof r->path, "%s", j->out);
  snprintf(r->key, sizeof r->key, "%s", key);
  r->duration = duration;
  r->cached = 1;
  return 1;
}

void vge_join_remember(const vge_join *j, const char *key, const vge_result *r) {
  if (!key[0] || r->rc != 0) return;
  char hex[65], err[300], tmp[VGE_PATH_MAX];
  long long size = 0;
  if (vg_file_digest(j->out, &size, hex, err, sizeof err) != 0) return;
  if (vg_cache_tmp_path(j->cache, tmp, sizeof tmp, ".join") != 0) return;
  FILE *f = fopen(tmp, "w");
  if (!f) return;
  int ok = fprintf(f, "%s %lld %.9f\n", hex, size, r->duration) > 0;
  ok = (fclose(f) == 0) && ok;
  if (!ok || vg_cache_adopt(j->cache, key, ".join", tmp) != 0) unlink(tmp);
}
