/* fonts_id.c: what the fonts a picture may be drawn with are, as one
 * digest. A cached picture is reused by its key (lua/vg/create/plan.lua);
 * a font package upgraded, installed or removed changes glyphs or which font
 * a family resolves to without changing the scene, so the fonts join the key.
 *
 * The digest covers every font fontconfig offers (file, face index, the
 * font's own version, the file's size and modification time) and its
 * configuration files (path, size, time): the set Pango chooses from. It is
 * made once per process, as fontconfig reads its configuration once
 * (FcInit), so a picture drawn by this process and its key agree. */
#include "render.h"
#include "vg.h"

#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char fonts_id[65];

static int by_text(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "path\tsize\tmtime" of a file, malloc'd; a file that cannot be read is
 * still named (so its appearance changes the digest). */
static char *file_line(const char *prefix, const char *path) {
  struct stat st;
  long long size = -1, sec = 0, nsec = 0;
  if (stat(path, &st) == 0) {
    size = (long long)st.st_size;
    sec = (long long)st.st_mtim.tv_sec;
    nsec = (long long)st.st_mtim.tv_nsec;
  }
  size_t n = strlen(prefix) + strlen(path) + 80;
  char *s = malloc(n);
  if (s) snprintf(s, n, "%s%s\t%lld\t%lld.%09lld", prefix, path, size, sec, nsec);
  return s;
}

/* Appends line (taken) to *lines; 0 when memory ran out (line freed). */
static int add_line(char ***lines, size_t *n, size_t *cap, char *line) {
  if (line && *n == *cap) {
    char **nl = realloc(*lines, 2 * *cap * sizeof *nl);
    if (!nl) { free(line); return 0; }
    *lines = nl;
    *cap *= 2;
  }
  if (!line) return 0;
  (*lines)[(*n)++] = line;
  return 1;
}

static void make_id(void) {
  vg_hash h;
  vg_hash_init(&h);
  vg_hash_str(&h, "vgrun fonts v1");
  FcInit();
  FcConfig *cfg = FcConfigGetCurrent();
  size_t n = 0, cap = 256;
  char **lines = malloc(cap * sizeof *lines);
  int ok = lines != NULL;
  FcFontSet *sets[2] = {cfg ? FcConfigGetFonts(cfg, FcSetSystem) : NULL,
                        cfg ? FcConfigGetFonts(cfg, FcSetApplication) : NULL};
  for (int k = 0; ok && k < 2; k++)
    for (int i = 0; ok && sets[k] && i < sets[k]->nfont; i++) {
      FcChar8 *file = NULL;
      int index = 0, version = 0;
      if (FcPatternGetString(sets[k]->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
      FcPatternGetInteger(sets[k]->fonts[i], FC_INDEX, 0, &index);
      FcPatternGetInteger(sets[k]->fonts[i], FC_FONTVERSION, 0, &version);
      char prefix[64];
      snprintf(prefix, sizeof prefix, "font %d %d ", index, version);
      ok = add_line(&lines, &n, &cap, file_line(prefix, (const char *)file));
    }
  FcStrList *conf = cfg ? FcConfigGetConfigFiles(cfg) : NULL;
  for (FcChar8 *p; ok && conf && (p = FcStrListNext(conf));)
    ok = add_line(&lines, &n, &cap, file_line("config ", (const char *)p));
  if (conf) FcStrListDone(conf);
  /* fontconfig's order follows its cache files: the same fonts may come in
   * another order after a cache rebuild */
  if (ok) qsort(lines, n, sizeof *lines, by_text);
  for (size_t i = 0; i < n; i++) {
    if (ok) vg_hash_str(&h, lines[i]);
    free(lines[i]);
  }
  free(lines);
  if (!ok) {   /* out of memory: a digest no other run makes, so nothing is reused */
    char once_only[64];
    snprintf(once_only, sizeof once_only, "incomplete %ld %lld", (long)getpid(), (long long)time(NULL));
    vg_hash_str(&h, once_only);
  }
  vg_hash_final(&h, fonts_id);
}

const char *vg_render_fonts_id(void) {
  pthread_once(&once, make_id);
  return fonts_id;
}
