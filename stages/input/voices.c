/* voices.c: is a voice name one vgrun can speak? The four named voices of the
 * system we replace, or any espeak-ng voice/language (read once from the
 * espeak-ng data directory), with an optional "+variant". */
#include "input_private.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static char **names;
static size_t nnames;
static char **variants;
static size_t nvariants;
static int have_data;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void add(char ***list, size_t *n, const char *s) {
  char **l = realloc(*list, (*n + 1) * sizeof *l);
  if (!l) abort();
  *list = l;
  l[(*n)++] = vgi_strdup(s);
}

static void scan(const char *dir, int depth, char ***list, size_t *n) {
  DIR *d = opendir(dir);
  if (!d || depth > 4) { if (d) closedir(d); return; }
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st)) continue;
    if (S_ISDIR(st.st_mode)) scan(path, depth + 1, list, n);
    else add(list, n, e->d_name);
  }
  closedir(d);
}

static void load(void) {
  const char *dirs[] = { getenv("ESPEAK_DATA_PATH"), "/usr/lib/x86_64-linux-gnu/espeak-ng-data",
                         "/usr/lib/aarch64-linux-gnu/espeak-ng-data", "/usr/share/espeak-ng-data",
                         "/usr/lib/espeak-ng-data", "/usr/local/share/espeak-ng-data" };
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
    if (!dirs[i]) continue;
    char p[1024];
    snprintf(p, sizeof p, "%s/lang", dirs[i]);
    struct stat st;
    if (stat(p, &st) || !S_ISDIR(st.st_mode)) continue;
    scan(p, 0, &names, &nnames);
    snprintf(p, sizeof p, "%s/voices", dirs[i]);
    scan(p, 0, &variants, &nvariants);
    have_data = nnames > 0;
    break;
  }
}

static int find(char **list, size_t n, const char *s, size_t len) {
  for (size_t i = 0; i < n; i++)
    if (strlen(list[i]) == len && !strncasecmp(list[i], s, len)) return 1;
  return 0;
}

static int plausible(const char *s, size_t len) {
  if (len < 2) return 0;
  for (size_t i = 0; i < len; i++)
    if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_') return 0;
  return 1;
}

int vgi_voice_known(const char *voice) {
  static const char *const named[] = { "male", "male_warm", "female", "female_friendly", NULL };
  if (!voice || !*voice) return 0;
  for (int i = 0; named[i]; i++)
    if (!strcmp(named[i], voice)) return 1;
  pthread_once(&once, load);
  const char *plus = strchr(voice, '+');
  size_t len = plus ? (size_t)(plus - voice) : strlen(voice);
  if (plus && !(have_data ? find(variants, nvariants, plus + 1, strlen(plus + 1))
                          : plausible(plus + 1, strlen(plus + 1))))
    return 0;
  if (!have_data) return plausible(voice, len);
  if (find(names, nnames, voice, len)) return 1;
  /* tolerate regional codes espeak-ng lacks ("en-au" -> "en") */
  const char *dash = memchr(voice, '-', len);
  if (!dash) dash = memchr(voice, '_', len);
  return dash && plausible(voice, len) && find(names, nnames, voice, (size_t)(dash - voice));
}
