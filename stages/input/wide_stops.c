/* The full-width sentence ends of Chinese and Japanese text, in one place:
 * 。 ！ ？ and also ． (the full stop of Japanese technical writing, with ，
 * for its comma), the half-width ｡, and the doubled marks ‼ ⁇ ⁈ ⁉. Every
 * path that asks whether a sentence ends (sentence splitting, headlines,
 * the narration's joins, list items read as sentences) asks here, so a text
 * written with ． reads like one written with 。. */
#include <string.h>

#include "input_private.h"

static const char *const wide_stops[] = {
  "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x8E", "\xEF\xBD\xA1",   /* 。！？．｡ */
  "\xE2\x80\xBC", "\xE2\x81\x87", "\xE2\x81\x88", "\xE2\x81\x89", NULL };           /* ‼⁇⁈⁉ */

size_t vgi_wide_stop(const char *p) {
  /* (each opens with E2, E3 or EF: ASCII and most text leave at once) */
  unsigned char c = (unsigned char)*p;
  if (c != 0xE2 && c != 0xE3 && c != 0xEF) return 0;
  for (int i = 0; wide_stops[i]; i++)
    if (!strncmp(p, wide_stops[i], 3)) return 3;
  return 0;
}

size_t vgi_wide_stop_before(const char *t, size_t n) {
  return n >= 3 && vgi_wide_stop(t + n - 3) ? 3 : 0;
}

/* (the full stops alone, 。．｡: what a headline or a list item drops at its
 * end, where it keeps its ！ and ？) */
size_t vgi_wide_period_before(const char *t, size_t n) {
  if (n < 3) return 0;
  const char *e = t + n - 3;
  return !strncmp(e, "\xE3\x80\x82", 3) || !strncmp(e, "\xEF\xBC\x8E", 3) || !strncmp(e, "\xEF\xBD\xA1", 3) ? 3 : 0;
}

/* A digit, ASCII or full-width (０ is EF BC 90 .. ９ EF BC 99), ending at e. */
static int digit_before(const char *t, const char *e) {
  if (e > t && e[-1] >= '0' && e[-1] <= '9') return 1;
  return e - t >= 3 && (unsigned char)e[-3] == 0xEF && (unsigned char)e[-2] == 0xBC &&
         (unsigned char)e[-1] >= 0x90 && (unsigned char)e[-1] <= 0x99;
}

static int digit_at(const char *p) {
  if (*p >= '0' && *p <= '9') return 1;
  return (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC && (unsigned char)p[2] >= 0x90 &&
         (unsigned char)p[2] <= 0x99;
}

/* A character of the scripts written without spaces around a full stop:
 * CJK marks and letters, kana, Hangul, full-width forms (U+3000..U+9FFF,
 * U+AC00..U+D7AF, U+F900..U+FFEF), three bytes each. */
static int cjk_at(const char *p) {
  unsigned char c = (unsigned char)p[0];
  if (c >= 0xE3 && c <= 0xE9) return 1;
  if (c >= 0xEA && c <= 0xED) return c > 0xEA || (unsigned char)p[1] >= 0xB0;
  return c == 0xEF && (unsigned char)p[1] >= 0xA4;
}

size_t vgi_wide_sentence_end(const char *text, const char *e) {
  size_t l = vgi_wide_stop(e);
  /* ． between digits is a decimal point ("１．５倍", "2．0") */
  if (l && !strncmp(e, "\xEF\xBC\x8E", 3) && digit_before(text, e) && digit_at(e + 3)) return 0;
  /* an ASCII ! or ? glued between two CJK characters ("本当!?次は") */
  if (!l && (*e == '!' || *e == '?') && e - text >= 3 && cjk_at(e - 3)) {
    const char *q = e;
    while (*q == '!' || *q == '?') q++;
    if (cjk_at(q)) return (size_t)(q - e);
  }
  if (!l) return 0;
  /* a run of ！ and ？ ends once ("！？", "？！！"); a full stop after a
   * stop is a sentence of its own, which says nothing and goes ("。。",
   * an item's stop and the join's) */
  const char *q = e + l;
  for (size_t m; ((m = vgi_wide_stop(q)) && !vgi_wide_period_before(q, 3)) || *q == '!' || *q == '?';)
    q += m ? m : 1;
  /* a stop inside a quote or bracket that the sentence goes on after
   * ("「はい。」と言った", or a stop after it: "「はい。」。") ends
   * nothing; one before the end or a space ends the sentence with its
   * closing marks */
  const char *c = q;
  static const char *const closers[] = { "\xE3\x80\x8D", "\xE3\x80\x8F", "\xEF\xBC\x89", "\xE3\x80\x91",
                                         "\xE2\x80\x9D", "\xE2\x80\x99", NULL };   /* 」』）】”’ */
  for (int more = 1; more;) {
    more = 0;
    for (int i = 0; closers[i]; i++)
      if (!strncmp(c, closers[i], 3)) { c += 3; more = 1; }
    if (*c == ')' || *c == '"') c++, more = 1;
  }
  if (c > q && *c && *c != ' ' && *c != '\n') return 0;
  return (size_t)(c - e);
}
