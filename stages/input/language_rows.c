/* language_rows.c: a row of links to a document's translations ("[English]
 * (README.md) · [Português do Brasil](README.pt-BR.md) · …", one link a
 * line, or <a href="README.ko.md">한국어</a>). Its words are the names of
 * other languages, never the document's: a page of a title and such a row
 * was Portuguese ("Português do Brasil", "Español de España"). */
#include "input_private.h"

#include <string.h>
#include <strings.h>

/* Does a link's target lead to a translation (1: "README.pt-BR.md",
 * "README-zh-Hans.md", "ko/README.md", "docs/es/"), to the page the
 * translations are of (2: "README.md"), or elsewhere (0)? */
static int translation_target(const char *u, size_t n) {
  size_t e = 0;
  while (e < n && u[e] != '#' && u[e] != '?') e++;
  if (!e) return 0;   /* "#usage": a place in this page */
  while (e && u[e - 1] == '/') e--;
  size_t b = e;
  while (b && u[b - 1] != '/') b--;
  char stem[64];
  size_t sl = e - b;
  if (!sl || sl >= sizeof stem) return 0;
  memcpy(stem, u + b, sl);
  stem[sl] = 0;
  static const char *const exts[] = { ".md", ".markdown", ".html", ".htm", ".rst", ".txt", ".adoc", NULL };
  for (int i = 0; exts[i]; i++) {
    size_t xl = strlen(exts[i]);
    if (sl > xl && !strcasecmp(stem + sl - xl, exts[i])) { stem[sl -= xl] = 0; break; }
  }
  if (!strcasecmp(stem, "readme") || !strcasecmp(stem, "index")) {
    /* "ko/README.md": the folder names the language */
    size_t pe = b ? b - 1 : 0, pb = pe;
    while (pb && u[pb - 1] != '/') pb--;
    char dir[16];
    if (pe > pb && pe - pb < sizeof dir) {
      memcpy(dir, u + pb, pe - pb);
      dir[pe - pb] = 0;
      if (vgi_spoken_lang(dir)) return 1;
    }
    return 2;
  }
  if (vgi_spoken_lang(stem)) return 1;   /* "docs/es/", "translations/ko.md" */
  for (char *p = stem; *p; p++)
    if ((*p == '.' || *p == '-' || *p == '_') && p > stem && vgi_spoken_lang(p + 1)) return 1;
  return 0;
}

/* The bytes of a separator at s[i] (spaces, | / , · • ∙ ・ – —, a
 * pictograph or a flag), 0 when it is none. */
static size_t separator_at(const unsigned char *s, size_t n, size_t i) {
  if (strchr(" \t|/,-:;()[].*_~", s[i])) return 1;
  if (i + 1 < n && s[i] == 0xC2 && (s[i + 1] == 0xB7 || s[i + 1] == 0xA0)) return 2;
  if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA2 || s[i + 2] == 0x93 || s[i + 2] == 0x94))
    return 3;
  if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x88 && s[i + 2] == 0x99) return 3;
  if (i + 2 < n && s[i] == 0xE3 && s[i + 1] == 0x83 && s[i + 2] == 0xBB) return 3;
  if (i + 2 < n && s[i] == 0xEF && s[i + 1] == 0xB8 && s[i + 2] == 0x8F) return 3;   /* U+FE0F */
  if (i + 3 < n && s[i] == 0xF0) return 4;   /* 🌍, a flag's letters */
  return 0;
}

/* A Markdown link "[text](target)" (its text may hold a picture) at s[i]:
 * its end in *end and its target in *t, *tl; 0 when there is none. */
static int link_at(const char *s, size_t n, size_t i, size_t *end, const char **t, size_t *tl) {
  int depth = 0;
  size_t j = i;
  for (; j < n; j++) {
    if (s[j] == '[') depth++;
    else if (s[j] == ']' && !--depth) break;
  }
  if (j + 1 >= n || s[j + 1] != '(') return 0;
  const char *c = memchr(s + j + 2, ')', n - j - 2);
  if (!c) return 0;
  *t = s + j + 2;
  *tl = (size_t)(c - *t);
  *end = (size_t)(c - s) + 1;
  return 1;
}

/* An HTML link "<a href="target">text</a>" at s[i], as link_at. */
static int anchor_at(const char *s, size_t n, size_t i, size_t *end, const char **t, size_t *tl) {
  if (i + 3 >= n || strncasecmp(s + i, "<a ", 3)) return 0;
  const char *gt = memchr(s + i, '>', n - i);
  if (!gt) return 0;
  const char *h = NULL;
  for (const char *p = s + i; p + 5 < gt && !h; p++)
    if (!strncasecmp(p, "href=", 5)) h = p + 5;
  if (!h) return 0;
  char q = (*h == '"' || *h == '\'') ? *h++ : 0;
  const char *he = h;
  while (he < gt && (q ? *he != q : *he != ' ')) he++;
  const char *close = NULL;
  for (const char *p = gt; p + 4 <= s + n && !close; p++)
    if (!strncasecmp(p, "</a>", 4)) close = p;
  if (!close) return 0;
  *t = h;
  *tl = (size_t)(he - h);
  *end = (size_t)(close - s) + 4;
  return 1;
}

int vgi_language_row(const char *s, size_t n) {
  int tr = 0, orig = 0, other = 0, label = 0;
  char last = 0;   /* the label's last mark before the first link */
  for (size_t i = 0; i < n;) {
    size_t end, tl;
    const char *t;
    if (s[i] == '!' && i + 1 < n && s[i + 1] == '[' && link_at(s, n, i + 1, &end, &t, &tl)) {
      i = end;   /* a flag, a badge */
      continue;
    }
    if ((s[i] == '[' && link_at(s, n, i, &end, &t, &tl)) || (s[i] == '<' && anchor_at(s, n, i, &end, &t, &tl))) {
      int k = translation_target(t, tl);
      if (!tr && !orig && !other && label && last != ':') return 0;
      tr += k == 1, orig += k == 2, other += !k;   /* (a language with a code of its own: "README.lsb.md") */
      i = end;
      continue;
    }
    if (s[i] == '<') {   /* a tag of its own ("<p align=center>", "<br>") */
      const char *gt = memchr(s + i, '>', n - i);
      if (gt) { i = (size_t)(gt - s) + 1; continue; }
    }
    size_t sep = separator_at((const unsigned char *)s, n, i);
    if (sep) {
      if (!tr && !orig && !other && label && s[i] != ' ') last = s[i];
      i += sep;
      continue;
    }
    /* words: a short label before the first link ("Read this in other
     * languages:"), nothing after it */
    if (tr || orig || other) return 0;
    if (++label > 8) return 0;
    last = 0;
    while (i < n && !separator_at((const unsigned char *)s, n, i) && s[i] != '[' && s[i] != '<') i++;
  }
  if (tr == 1) return !other && (orig || !label);
  return tr >= 2 && other < tr;
}
