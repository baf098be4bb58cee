/* Superscripts and subscripts: HTML's "n<sup>2</sup>", "x<sub>i</sub>",
 * "10<sup>-3</sup>". Shown in Unicode's raised and lowered forms (n², xᵢ,
 * 10⁻³) where every character has one; an exponent without them is
 * written "2^N" / "2^(N+1)"; an ordinal's letters after a number
 * ("1<sup>st</sup>") stay on it ("1st"). Said as a presenter says them: a
 * power in the document's language ("n squared", "n hoch k", "n au
 * carré"), a subscript as its own word ("x i"), a footnote's raised number
 * after a word not at all. "2^10" written in prose is no markup: left. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input_private.h"

/* Each ASCII character with a raised or lowered form, and the forms
 * (UTF-8; NULL: none). */
static const struct { char c; const char *sup, *sub; } forms[] = {
  { '0', "\xE2\x81\xB0", "\xE2\x82\x80" }, { '1', "\xC2\xB9", "\xE2\x82\x81" },
  { '2', "\xC2\xB2", "\xE2\x82\x82" }, { '3', "\xC2\xB3", "\xE2\x82\x83" },
  { '4', "\xE2\x81\xB4", "\xE2\x82\x84" }, { '5', "\xE2\x81\xB5", "\xE2\x82\x85" },
  { '6', "\xE2\x81\xB6", "\xE2\x82\x86" }, { '7', "\xE2\x81\xB7", "\xE2\x82\x87" },
  { '8', "\xE2\x81\xB8", "\xE2\x82\x88" }, { '9', "\xE2\x81\xB9", "\xE2\x82\x89" },
  { '+', "\xE2\x81\xBA", "\xE2\x82\x8A" }, { '-', "\xE2\x81\xBB", "\xE2\x82\x8B" },
  { '=', "\xE2\x81\xBC", "\xE2\x82\x8C" }, { '(', "\xE2\x81\xBD", "\xE2\x82\x8D" },
  { ')', "\xE2\x81\xBE", "\xE2\x82\x8E" },
  { 'a', "\xE1\xB5\x83", "\xE2\x82\x90" }, { 'b', "\xE1\xB5\x87", NULL },
  { 'c', "\xE1\xB6\x9C", NULL }, { 'd', "\xE1\xB5\x88", NULL },
  { 'e', "\xE1\xB5\x89", "\xE2\x82\x91" }, { 'f', "\xE1\xB6\xA0", NULL },
  { 'g', "\xE1\xB5\x8D", NULL }, { 'h', "\xCA\xB0", "\xE2\x82\x95" },
  { 'i', "\xE2\x81\xB1", "\xE1\xB5\xA2" }, { 'j', "\xCA\xB2", "\xE2\xB1\xBC" },
  { 'k', "\xE1\xB5\x8F", "\xE2\x82\x96" }, { 'l', "\xCB\xA1", "\xE2\x82\x97" },
  { 'm', "\xE1\xB5\x90", "\xE2\x82\x98" }, { 'n', "\xE2\x81\xBF", "\xE2\x82\x99" },
  { 'o', "\xE1\xB5\x92", "\xE2\x82\x92" }, { 'p', "\xE1\xB5\x96", "\xE2\x82\x9A" },
  { 'r', "\xCA\xB3", "\xE1\xB5\xA3" }, { 's', "\xCB\xA2", "\xE2\x82\x9B" },
  { 't', "\xE1\xB5\x97", "\xE2\x82\x9C" }, { 'u', "\xE1\xB5\x98", "\xE1\xB5\xA4" },
  { 'v', "\xE1\xB5\x9B", "\xE1\xB5\xA5" }, { 'w', "\xCA\xB7", NULL },
  { 'x', "\xCB\xA3", "\xE2\x82\x93" }, { 'y', "\xCA\xB8", NULL },
  { 'z', "\xE1\xB6\xBB", NULL },
};
#define NFORMS (sizeof forms / sizeof forms[0])

static const char *form_of(char c, int sup) {
  for (size_t i = 0; i < NFORMS; i++)
    if (forms[i].c == c) return sup ? forms[i].sup : forms[i].sub;
  return NULL;
}

/* The ASCII character whose raised (*sup = 1) or lowered form starts s,
 * and that form's length in *n; 0 when none does. */
static char form_at(const char *s, size_t *n, int *sup) {
  if ((unsigned char)*s < 0x80) return 0;
  for (size_t i = 0; i < NFORMS; i++)
    for (int k = 0; k < 2; k++) {
      const char *f = k ? forms[i].sub : forms[i].sup;
      size_t l = f ? strlen(f) : 0;
      if (l && !strncmp(s, f, l)) {
        *n = l;
        *sup = !k;
        return forms[i].c;
      }
    }
  return 0;
}

char *vgi_script_form(const char *in, size_t n, int sup, char base) {
  while (n && *in == ' ') in++, n--;
  while (n && in[n - 1] == ' ') n--;
  if (!n || n > 12 || !(isalnum((unsigned char)base) || base == ')')) return NULL;
  int letters = 1, plain = 1;
  for (size_t i = 0; i < n; i++) {
    letters &= isalpha((unsigned char)in[i]) != 0;
    plain &= isalnum((unsigned char)in[i]) || strchr("+-=()*/.", in[i]);
  }
  if (!plain) return NULL;   /* "[1]", a word with a space: as written */
  vgi_buf b = {0};
  /* an ordinal's or a unit's letters after a number ("1st", "2nd") */
  static const char *const ordinals[] = { "st", "nd", "rd", "th", "e", "er", "re", "eme", "o", "a", "os", "as",
                                          "te", "de", "ste", "ter", NULL };
  int ordinal = 0;
  for (int k = 0; ordinals[k] && letters && !ordinal; k++)
    ordinal = strlen(ordinals[k]) == n && !strncasecmp(in, ordinals[k], n);
  if (sup && ordinal && isdigit((unsigned char)base)) {
    vgi_buf_add(&b, in, n);
    return vgi_buf_take(&b);
  }
  int all = 1;
  for (size_t i = 0; i < n && all; i++) all = form_of(in[i], sup) != NULL;
  if (all) {
    for (size_t i = 0; i < n; i++) vgi_buf_puts(&b, form_of(in[i], sup));
    return vgi_buf_take(&b);
  }
  /* no raised or lowered form for some character ("2<sup>N</sup>",
   * "a<sub>max</sub>" has one): "2^N", "2^(N+1)", "a_max" */
  int one = 1;
  for (size_t i = 0; i < n; i++) one &= isalnum((unsigned char)in[i]) != 0;
  vgi_buf_puts(&b, sup ? "^" : "_");
  if (!one) vgi_buf_puts(&b, "(");
  vgi_buf_add(&b, in, n);
  if (!one) vgi_buf_puts(&b, ")");
  return vgi_buf_take(&b);
}

/* The phrase that says a power: "squared", "cubed", "to the power of {1}" */
static void power_said(vgi_buf *b, const char *lang, const char *exp) {
  const char *key = !strcmp(exp, "2") ? "pow_2" : !strcmp(exp, "3") ? "pow_3" : "pow_n";
  const char *args[] = { exp };
  vgi_phrase_put(b, lang, key, args, 1);
}

char *vgi_scripts_said(char *t, const char *lang) {
  if (!t) return t;
  int any = 0;
  for (const char *p = t; *p && !any; p++) {
    size_t n;
    int sup;
    any = form_at(p, &n, &sup) != 0;
  }
  if (!any) return t;
  vgi_buf b = {0};
  for (const char *p = t; *p;) {
    size_t n;
    int sup;
    char c = form_at(p, &n, &sup);
    if (!c) {
      vgi_buf_add(&b, p, 1);
      p++;
      continue;
    }
    /* the run of one kind, in ASCII */
    char run[32];
    size_t rl = 0;
    const char *q = p;
    int s2;
    while ((c = form_at(q, &n, &s2)) && s2 == sup && rl < sizeof run - 1) run[rl++] = c, q += n;
    run[rl] = 0;
    /* the word it is written on ("n", "10", "O(n)", "word") */
    size_t wl = 0;
    while (wl < b.n && isalpha((unsigned char)b.s[b.n - 1 - wl])) wl++;
    char base = b.n ? b.s[b.n - 1] : 0;
    int letters = 1;
    for (size_t i = 0; i < rl; i++) letters &= isalpha((unsigned char)run[i]) != 0;
    if (!sup) {
      /* a subscript is its own word: "x i", "log 2", "H 2 O" */
      if (b.n && !isspace((unsigned char)base)) vgi_buf_puts(&b, " ");
      vgi_buf_puts(&b, run);
    } else if (isdigit((unsigned char)base) && letters && rl == 2) {
      vgi_buf_puts(&b, run);   /* "1ˢᵗ": an ordinal */
    } else if (isdigit((unsigned char)base) || base == ')' || (wl == 1 && isalpha((unsigned char)base))) {
      vgi_buf_puts(&b, " ");
      power_said(&b, lang, run);
    } else {
      /* a raised number after a word or a mark: a footnote's, not said */
    }
    p = q;
    if (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80) && b.n && !isspace((unsigned char)b.s[b.n - 1]))
      vgi_buf_puts(&b, " ");
  }
  free(t);
  return vgi_buf_take(&b);
}
