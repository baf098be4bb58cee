/* upper_first.c: the capital a sentence or a headline opens with, in the
 * alphabets vgi_lower_cp folds (Latin-1, Latin Extended-A, Greek,
 * Cyrillic) and with the dotted capital İ of Turkish and Azeri: "için"
 * opens a sentence as "İçin", never "Için"; "éditeur" as "Éditeur", "что"
 * as "Что". One helper for every place that capitalises a first letter. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "input_private.h"
#include "vg_utf8.h"

unsigned vgi_upper_cp(unsigned c, int turkic) {
  if (c == 'i' && turkic) return 0x130;
  if (c == 0x131) return 'I';                               /* dotless ı */
  if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 0x20 : c;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;  /* à..þ */
  if (c == 0xFF) return 0x178;
  if (c >= 0x100 && c <= 0x17F) {   /* Latin Extended-A: the neighbour that folds to c */
    if (vgi_lower_cp(c - 1, 0) == c) return c - 1;
    if (vgi_lower_cp(c + 1, 0) == c) return c + 1;
    return c;
  }
  if (c >= 0x219 && c <= 0x21B && c % 2) return c - 1;       /* ș ț */
  if (c == 0x259) return 0x18F;                              /* Azeri ə */
  if (c == 0x3C2) return 0x3A3;                              /* final ς */
  if (c >= 0x3B1 && c <= 0x3CB) return c - 0x20;             /* α..ϋ */
  if (c == 0x3AC) return 0x386;                              /* ά */
  if (c >= 0x3AD && c <= 0x3AF) return c - 0x25;             /* έ ή ί */
  if (c == 0x3CC) return 0x38C;                              /* ό */
  if (c == 0x3CD || c == 0x3CE) return c - 0x3F;             /* ύ ώ */
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;             /* а..я */
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;             /* ѐ..џ */
  /* the Cyrillic of Ukrainian, Kazakh, Uzbek …: capital-small pairs (ґ қ ң ү ә ө) */
  if (((c >= 0x48B && c <= 0x4BF) || (c >= 0x4D1 && c <= 0x4FF)) && c % 2) return c - 1;
  return c;
}

/* Turkish or Azeri: by the language's code, or (no code known) by the
 * letters only those two write: dotless ı, dotted İ, ğ and ə */
int vgi_turkic(const char *lang, const char *s) {
  if (lang && *lang) return !strncmp(lang, "tr", 2) || !strncmp(lang, "az", 2);
  if (!s) return 0;
  return strstr(s, "\xC4\xB1") || strstr(s, "\xC4\xB0") || strstr(s, "\xC4\x9F") || strstr(s, "\xC9\x99");
}

/* a small letter (one with a capital) */
static int small_cp(unsigned c) { return vgi_upper_cp(c, 1) != c; }
static int capital_cp(unsigned c) { return vgi_lower_cp(c, 0) != c; }

int vgi_opens_lower(const char *s) {
  if (!s || !*s) return 0;
  size_t n = strlen(s), l1, l2 = 0;
  unsigned a = vg_utf8_decode(s, n, 0, &l1);
  if (!small_cp(a)) return 0;
  unsigned b = l1 < n ? vg_utf8_decode(s, n, l1, &l2) : 0;
  return !(b && capital_cp(b));   /* "iOS", "eBay", "iPhone" keep their case */
}

int vgi_opens_capital(const char *s) {
  if (!s || !*s) return 0;
  size_t l;
  return capital_cp(vg_utf8_decode(s, strlen(s), 0, &l));
}

int vgi_ends_cased(const char *s, size_t n) {
  if (!n) return 0;
  size_t i = n - 1, l;
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80 && n - i < 4) i--;
  unsigned c = vg_utf8_decode(s, n, i, &l);
  if (c < 0x80) return isalnum((int)c) != 0;
  return small_cp(c) || capital_cp(c);
}

/* the capital of s's first letter into up (its bytes returned), 0 when it
 * has none; *had: the bytes of the small letter */
static int first_capital(const char *s, const char *lang, char up[4], size_t *had) {
  if (!s || !*s) return 0;
  size_t n = strlen(s);
  unsigned c = vg_utf8_decode(s, n, 0, had);
  if (*had > 2 && c >= 0x800) return 0;
  unsigned u = vgi_upper_cp(c, c == 'i' && vgi_turkic(lang, s));
  if (u == c) return 0;
  return vgi_put_cp(up, u);
}

int vgi_upper_first_in(char *s, size_t cap, const char *lang) {
  char up[4];
  size_t had;
  int k = first_capital(s, lang, up, &had);
  if (!k) return 0;
  size_t n = strlen(s);
  if (n - had + (size_t)k + 1 > cap) return 0;   /* no room for İ: left as it was */
  memmove(s + k, s + had, n - had + 1);
  memcpy(s, up, (size_t)k);
  return 1;
}

char *vgi_upper_first(char *s, const char *lang) {
  char up[4];
  size_t had;
  int k = first_capital(s, lang, up, &had);
  if (!k) return s;
  size_t n = strlen(s);
  if ((size_t)k > had) {
    char *g = realloc(s, n + (size_t)k - had + 1);
    if (!g) return s;
    s = g;
  }
  memmove(s + k, s + had, n - had + 1);
  memcpy(s, up, (size_t)k);
  return s;
}
