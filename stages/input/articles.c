/* articles.c: English "a" and "an" after words were taken out of a
 * sentence. What the narration leaves out (an aside in brackets, a URL, a
 * path) can put an article before another word than the author wrote it
 * for: "a (very old) apple" said "a apple", "an ~/.config file" said "an
 * file". The article is made to agree with the word now after it, by how
 * that word begins when said; an article the author wrote before that same
 * word is left alone (a text's own wording, "a one-off", "an SQL query",
 * is never second-guessed). */
#define _GNU_SOURCE   /* strcasestr */
#include "input_private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int starts(const char *w, size_t n, const char *p) {
  size_t l = strlen(p);
  return n >= l && !strncasecmp(w, p, l);
}

/* 1 when the word w[0, n) is said with a vowel first ("apple", "hour",
 * "x", "SQL", "8"), 0 when with a consonant ("user", "one", "URL"), -1
 * when it cannot tell (punctuation, a script other than Latin). */
int vgi_vowel_sound(const char *w, size_t n) {
  while (n && strchr("\"'`([*_", *w)) w++, n--;
  size_t l = 0;
  while (l < n && (isalnum((unsigned char)w[l]))) l++;
  if (!l) return -1;
  unsigned char c = (unsigned char)tolower((unsigned char)w[0]);
  if (isdigit(c)) {
    /* "an 8", "an 11-year", "an 18"; "a 1", "a 110" */
    size_t d = strspn(w, "0123456789");
    if (c == '8') return 1;
    return d == 2 && (!strncmp(w, "11", 2) || !strncmp(w, "18", 2));
  }
  int caps = 1, vowel = 0;
  for (size_t i = 0; i < l; i++) {
    caps &= isupper((unsigned char)w[i]) || isdigit((unsigned char)w[i]);
    vowel |= strchr("aeiouyAEIOUY", w[i]) != NULL;
  }
  /* said letter by letter: a single letter, an acronym in capitals
   * ("SQL", "HTTP", "FAQ"), a word without a vowel ("xml", "rpm") */
  if (l == 1 || (caps && l <= 5) || !vowel) return strchr("aefhilmnorsx", c) != NULL;
  static const char *const silent_h[] = { "hour", "honest", "honor", "honour", "heir", NULL };
  for (int i = 0; silent_h[i]; i++)
    if (starts(w, l, silent_h[i])) return 1;
  /* a vowel said as a consonant: "one", "once", "euro", "unique", "user" */
  if (starts(w, l, "one") && (l == 3 || (l == 4 && tolower((unsigned char)w[3]) == 's'))) return 0;
  static const char *const like_y[] = { "once", "eu", "ewe", "uni", "use", "usu", "uti", "ura", "ure", "uri",
    "uro", "ubiq", "unary", "uvu", NULL };
  for (int i = 0; like_y[i]; i++)
    if (starts(w, l, like_y[i])) return 0;
  if (starts(w, l, "ubuntu")) return 1;
  return strchr("aeiou", c) != NULL;
}

/* 1 when t[0, n) holds word w at a word's start, article a before it
 * ("a apple" in "I ate a apple"): the author's own wording. */
static int written(const char *t, const char *art, const char *w, size_t wl) {
  size_t al = strlen(art);
  for (const char *p = t; (p = strcasestr(p, art)); p++) {
    if (p > t && (isalnum((unsigned char)p[-1]) || p[-1] == '-')) continue;
    const char *q = p + al;
    if (*q != ' ') continue;
    while (*q == ' ') q++;
    if (!strncasecmp(q, w, wl) && !isalnum((unsigned char)q[wl])) return 1;
  }
  return 0;
}

/* Articles checked against the text as written, at most: each check reads
 * the whole text (every "a" in it), so a paragraph of 13,000 "`a" (an
 * article before a vowel each, once the quotes are gone) took 4 s, and a
 * document of them minutes. Past these, an article is left as it is. */
#define MAX_ARTICLE_CHECKS 64

char *vgi_articles_agree(char *out, const char *in) {
  if (!out || !in) return out;
  vgi_buf b = {0};
  int checks = 0;
  const char *p = out;
  while (*p) {
    int bound = p == out || !(isalnum((unsigned char)p[-1]) || (unsigned char)p[-1] >= 0x80 || p[-1] == '-' ||
                              p[-1] == '\'');
    int an = bound && (p[0] == 'a' || p[0] == 'A') && (p[1] == 'n' || p[1] == 'N') && p[2] == ' ';
    int a = bound && !an && (p[0] == 'a' || p[0] == 'A') && p[1] == ' ';
    if (a && p[0] == 'A') {
      /* a capital A after a word is a name, not an article: "the A option"
       * (-A), "plan A" */
      const char *q = p;
      while (q > out && q[-1] == ' ') q--;
      if (q > out && (isalnum((unsigned char)q[-1]) || q[-1] == ',')) a = 0;
    }
    if (!a && !an) {
      vgi_buf_add(&b, p, 1);
      p++;
      continue;
    }
    const char *nx = p + (an ? 2 : 1);
    while (*nx == ' ') nx++;
    size_t wl = strcspn(nx, " ,.;:!?)");
    int v = wl ? vgi_vowel_sound(nx, wl) : -1;
    if (v < 0 || v == an || checks++ >= MAX_ARTICLE_CHECKS || written(in, an ? "an" : "a", nx, wl)) {
      vgi_buf_add(&b, p, 1);
      p++;
      continue;
    }
    /* the article as the word after it needs it, its capital kept */
    vgi_buf_add(&b, p, 1);
    if (v) vgi_buf_add(&b, "n", 1);
    p += an ? 2 : 1;
  }
  char *r = b.s ? vgi_buf_take(&b) : vgi_strdup("");
  free(out);
  return r;
}
