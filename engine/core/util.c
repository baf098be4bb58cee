/* util.c: the small utilities every part shares (one strdup, one clock,
 * one UTF-8 check), so no part keeps its own copy. */
#include "core_private.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

char *vg_strdup(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

double vg__now(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

long vg_utf8_invalid_at(const char *str, size_t len) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < len) {
    unsigned c = s[i];
    if (c < 0x80) { i++; continue; }
    size_t need;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
    else return (long)i;
    for (size_t k = 1; k <= need; k++) {
      if (i + k >= len || (s[i + k] & 0xC0) != 0x80) return (long)i;
      cp = cp << 6 | (s[i + k] & 0x3F);
    }
    /* overlong forms, beyond U+10FFFF, and UTF-16 surrogates are not UTF-8 */
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return (long)i;
    i += need + 1;
  }
  return -1;
}

double vg_json_num(const cJSON *o, const char *key, double def) {
  const cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
  return cJSON_IsNumber(v) ? v->valuedouble : def;
}

int vg_json_int(const cJSON *o, const char *key, int def) {
  double d = vg_json_num(o, key, def);
  if (d != d) return def;
  if (d >= 2147483647.0) return 2147483647;
  if (d <= -2147483648.0) return -2147483647 - 1;
  return (int)d;
}

const char *vg_json_str(const cJSON *o, const char *key, const char *def) {
  const cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
  return cJSON_IsString(v) ? v->valuestring : def;
}

int vg_json_bool(const cJSON *o, const char *key, int def) {
  const cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
  return cJSON_IsBool(v) ? cJSON_IsTrue(v) : def;
}

void vg__absolute_dir(char *dir, size_t n) {
  if (!dir[0] || dir[0] == '/') return;
  char cwd[PATH_MAX], out[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) return;
  const char *rel = dir;
  while (rel[0] == '.' && rel[1] == '/') rel += 2;   /* "./state" is "state" */
  int k = strcmp(rel, ".") == 0 || !*rel ? snprintf(out, sizeof out, "%s", cwd)
                                         : snprintf(out, sizeof out, "%s%s%s", cwd, strcmp(cwd, "/") ? "/" : "", rel);
  if (k < 0 || (size_t)k >= sizeof out || (size_t)k >= n) return;
  memcpy(dir, out, (size_t)k + 1);
}
