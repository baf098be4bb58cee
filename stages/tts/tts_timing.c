/* tts_timing.c: from espeak-ng's events to word, sentence and mark timings.
 * espeak-ng reports a WORD event (character position, length, sample) for
 * each word it speaks, but not one per word of the text: numbers become
 * several spoken words over one stretch of text ("1,500"), pairs such as
 * "of the" are spoken as one, and a position is sometimes one token early
 * ("scene. video"). So the words are the text's own tokens (whitespace
 * separated, outer punctuation trimmed, SSML tags skipped), and events are
 * aligned to tokens:
 *   - an event belongs to the token that contains its position, or the next
 *     token when it points at a gap;
 *   - extra events of a token move to the following tokens that got none
 *     (a misplaced position), and the rest mean "one token, several spoken
 *     words" (numbers);
 *   - a token with several non-overlapping events and no ASCII letters
 *     (scripts written without spaces: Chinese, Japanese, Thai) is split at
 *     the events, never inside a grapheme cluster, and in Thai, Lao, Khmer
 *     and Burmese at the nearest word boundary ICU finds (espeak's pieces of
 *     those stop at each tone mark, "ว่|าคุณ", inside a syllable);
 *   - tokens still without an event share the time of the spoken unit they
 *     belong to, in proportion to their length;
 * start = the first event's sample; end = the next word's start, and the
 * last word ends with the speech (the last sample). */
#include "tts_private.h"
#include "vg_utf8.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

double tts_seconds(size_t samples, int rate) {
  return rate > 0 ? round((double)samples / rate * 1e5) / 1e5 : 0;
}

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Punctuation trimmed off a word's ends ("(word)," -> "word"); symbols that
 * are spoken (%, $, &, +, digits' signs) stay part of the word. */
static int is_trim(unsigned cp) {
  if (cp < 0x80) return cp != '%' && cp != '$' && cp != '&' && cp != '+' && cp != '#' &&
                        cp != '@' && cp != '=' && ((cp >= 0x21 && cp <= 0x2F) ||
                        (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
                        (cp >= 0x7B && cp <= 0x7E));
  return cp == 0xAB || cp == 0xBB || cp == 0xA1 || cp == 0xBF || cp == 0xB7 ||
         (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

static int is_ascii_letter(char c) {
  return ((unsigned char)c | 0x20) >= 'a' && ((unsigned char)c | 0x20) <= 'z';
}

/* Has text[a, b) a character of a script written without spaces (kana,
 * CJK ideographs, Hangul, Thai, Lao, Khmer, Myanmar)? */
static int spaceless(const char *text, size_t a, size_t b) {
  for (size_t i = a; i < b;) {
    size_t k;
    uint32_t c = vg_utf8_decode(text, b, i, &k);
    if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) ||
        (c >= 0x1780 && c <= 0x17FF))
      return 1;
    i += k ? k : 1;
  }
  return 0;
}

/* Does byte p (after the token's start a) fall inside a Latin word, a
 * letter or digit on both sides of it? */
static int inside_latin(const char *text, size_t a, size_t p) {
  if (p <= a) return 0;
  unsigned char x = (unsigned char)text[p - 1], y = (unsigned char)text[p];
  return x < 0x80 && y < 0x80 && isalnum(x) && isalnum(y) && (is_ascii_letter((char)x) || is_ascii_letter((char)y));
}

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p) abort();
  return p;
}

/* Has text[a, b) a letter of Thai, Lao, Burmese or Khmer, scripts whose
 * syllables span several grapheme clusters (a vowel sign before or above
 * its consonant, a tone mark)? */
static int syllables_span_clusters(const char *text, size_t a, size_t b) {
  for (size_t i = a; i < b;) {
    size_t k;
    uint32_t c = vg_utf8_decode(text, b, i, &k);
    if ((c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF))
      return 1;
    i += k ? k : 1;
  }
  return 0;
}

/* The boundaries ICU finds in text[a, b), of words (UAX #29, with the
 * dictionaries of Thai, Lao, Khmer and Burmese) or of grapheme clusters;
 * neither falls inside a cluster. As ascending byte offsets from a to b in
 * *out -> how many, 0 if ICU fails. */
static size_t icu_bounds(const char *text, size_t a, size_t b, UBreakIteratorType type, size_t **out) {
  *out = NULL;
  if (b <= a || b - a > INT32_MAX / 2) return 0;
  UErrorCode e = U_ZERO_ERROR;
  int32_t ul = 0;
  u_strFromUTF8(NULL, 0, &ul, text + a, (int32_t)(b - a), &e);
  if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e)) return 0;
  UChar *u = xcalloc((size_t)ul + 1, sizeof *u);
  e = U_ZERO_ERROR;
  u_strFromUTF8(u, ul + 1, &ul, text + a, (int32_t)(b - a), &e);
  UBreakIterator *it = U_FAILURE(e) ? NULL : ubrk_open(type, "", u, ul, &e);
  if (!it || U_FAILURE(e)) {
    if (it) ubrk_close(it);
    free(u);
    return 0;
  }
  size_t *bd = xcalloc((size_t)ul + 2, sizeof *bd), n = 0, byte = a;
  int32_t at = 0;
  bd[n++] = a;
  for (int32_t q = ubrk_next(it); q != UBRK_DONE; q = ubrk_next(it)) {
    for (; at < q; at++) {  /* UTF-16 units to UTF-8 bytes */
      UChar c = u[at];
      byte += c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xD800 && c <= 0xDBFF) ? (at++, 4) : 3;
    }
    if (byte > bd[n - 1] && byte <= b) bd[n++] = byte;
  }
  if (bd[n - 1] != b) bd[n++] = b;
  ubrk_close(it);
  free(u);
  *out = bd;
  return n;
}

/* The boundary of bd[0, n) nearest to p (the earlier one on a tie). */
static size_t nearest_bound(const size_t *bd, size_t n, size_t p) {
  size_t lo = 0, hi = n;  /* first boundary >= p */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (bd[mid] < p) lo = mid + 1; else hi = mid;
  }
  if (lo == n) return bd[n - 1];
  if (lo == 0 || bd[lo] == p) return bd[lo];
  return p - bd[lo - 1] <= bd[lo] - p ? bd[lo - 1] : bd[lo];
}

/* Copies text[a,b) without SSML tags, entities decoded, spaces squeezed. */
static char *clean_copy(const char *s, size_t a, size_t b, int ssml) {
  static const struct { const char *e; char c; } ents[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' } };
  char *out = xcalloc(b - a + 1, 1);
  size_t o = 0;
  int space = 0;
  for (size_t i = a; i < b;) {
    if (ssml && s[i] == '<') {
      while (i < b && s[i] != '>') i++;
      i++;
      space = 1;
      continue;
    }
    if (is_space(s[i])) { space = 1; i++; continue; }
    if (space && o > 0) out[o++] = ' ';
    space = 0;
    size_t k = 0, ne = sizeof ents / sizeof ents[0];
    if (ssml && s[i] == '&')
      for (; k < ne; k++)
        if (strncmp(s + i, ents[k].e, strlen(ents[k].e)) == 0) break;
    if (ssml && s[i] == '&' && k < ne) { out[o++] = ents[k].c; i += strlen(ents[k].e); }
    else out[o++] = s[i++];
  }
  out[o] = '\0';
  return out;
}

typedef struct token { size_t a, b; int word; } token;

/* Narrows [*a, *b) to exclude outer punctuation; 1 if anything is left. */
static int trim_range(const char *s, size_t *a, size_t *b, int ssml) {
  size_t wa = *a, wb = *b, k;
  while (wa < wb) {
    if (ssml && s[wa] == '&') break;
    unsigned cp = vg_utf8_decode(s, wb, wa, &k);
    if (!is_trim(cp)) break;
    wa += k;
  }
  while (wb > wa) {  /* step back over whole code points */
    size_t q = wb - 1;
    while (q > wa && ((unsigned char)s[q] & 0xC0) == 0x80) q--;
    if (ssml && s[q] == ';') break;
    unsigned cp = vg_utf8_decode(s, wb, q, &k);
    if (!is_trim(cp)) break;
    wb = q;
  }
  if (wa >= wb) return 0;
  *a = wa;
  *b = wb;
  return 1;
}

static int is_opening(unsigned cp) {
  return cp == '(' || cp == '[' || cp == '{' || cp == '"' || cp == '\'' || cp == 0xAB ||
         cp == 0xBF || cp == 0xA1 || cp == 0x201C || cp == 0x2018 || cp == 0x300C ||
         cp == 0x300E || cp == 0xFF08;
}

/* Whitespace-separated tokens with outer punctuation trimmed; SSML tags are
 * separators. Entities stay in the range (clean_copy decodes them). An
 * abbreviation keeps its final period ("e.g.", "U.S."). */
static token *tokenize(const char *s, size_t len, int ssml, size_t *ntok) {
  token *t = xcalloc(len / 2 + 2, sizeof *t);
  size_t n = 0, i = 0;
  while (i < len) {
    if (is_space(s[i])) { i++; continue; }
    if (ssml && s[i] == '<') {
      while (i < len && s[i] != '>') i++;
      i++;
      continue;
    }
    size_t a = i;
    while (i < len && !is_space(s[i]) && !(ssml && s[i] == '<')) i++;
    size_t b = i, wa = a, wb = b;
    if (!trim_range(s, &wa, &wb, ssml)) wa = wb = b;
    if (wb < b && s[wb] == '.' && wb - wa >= 3 && memchr(s + wa + 1, '.', wb - wa - 1) &&
        is_ascii_letter(s[wb - 1]))
      wb++;  /* e.g. U.S. */
    if (wa < wb) t[n++] = (token){ wa, wb, 1 };
    else t[n++] = (token){ a, b, 0 };  /* only punctuation: kept if spoken */
  }
  *ntok = n;
  return t;
}

/* a slot is a word of the result: a token, or a piece of a split token */
typedef struct slot {
  size_t a, b;
  int word;
  size_t first, nev;   /* its events: ev_idx[first .. first+nev) */
  size_t start;        /* sample */
  int timed;
} slot;

typedef struct wev { size_t a, b, sample; } wev;

void tts_align(const char *text, size_t len, int ssml, raw_event *ev, size_t nev,
               size_t nsamples, int rate, tts_clip *c) {
  /* character positions to bytes */
  size_t *off = xcalloc(len + 2, sizeof *off), nchars = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)text[i] & 0xC0) != 0x80) off[nchars++] = i;
  off[nchars] = len;
#define BYTE_AT(p) ((p) < 1 ? 0 : (size_t)(p) - 1 >= nchars ? len : off[(size_t)(p) - 1])

  /* word events, in the order spoken */
  wev *we = xcalloc(nev, sizeof *we);
  size_t nwe = 0;
  for (size_t i = 0; i < nev; i++) {
    raw_event *e = &ev[i];
    if (e->type != TTS_EV_WORD || e->len <= 0 || e->pos < 1 || (size_t)e->pos > nchars) continue;
    we[nwe++] = (wev){ BYTE_AT(e->pos), BYTE_AT(e->pos + e->len), e->sample };
  }

  size_t ntok = 0;
  token *tok = tokenize(text, len, ssml, &ntok);

  /* events per token (CSR: count, then fill in spoken order) */
  size_t *ev_tok = xcalloc(nwe, sizeof *ev_tok), *cnt = xcalloc(ntok + 1, sizeof *cnt);
  for (size_t i = 0; i < nwe && ntok > 0; i++) {
    size_t lo = 0, hi = ntok;  /* first token ending after the event's start */
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (tok[mid].b <= we[i].a) lo = mid + 1; else hi = mid;
    }
    ev_tok[i] = lo < ntok ? lo : ntok - 1;
    cnt[ev_tok[i]]++;
  }
  size_t *tfirst = xcalloc(ntok + 1, sizeof *tfirst), *fill = xcalloc(ntok + 1, sizeof *fill);
  for (size_t k = 1; k <= ntok; k++) tfirst[k] = tfirst[k - 1] + cnt[k - 1];
  size_t *ev_idx = xcalloc(nwe, sizeof *ev_idx);
  for (size_t i = 0; i < nwe && ntok > 0; i++) ev_idx[tfirst[ev_tok[i]] + fill[ev_tok[i]]++] = i;

  /* slots: tokens, split where a spaceless script has separate events */
  slot *sl = xcalloc(ntok + nwe + 1, sizeof *sl);
  size_t ns = 0;
  for (size_t k = 0; k < ntok; k++) {
    size_t f = tfirst[k], n = cnt[k];
    int split = n >= 2, latin = 0;
    for (size_t p = tok[k].a; p < tok[k].b; p++) latin |= is_ascii_letter(text[p]);
    /* a token of Latin letters is one word however many events it has; a
     * spaceless one (Japanese) with Latin words in it ("まず、Gitをインストール
     * し") is split at its events, never inside a Latin word */
    if (latin) split = split && spaceless(text, tok[k].a, tok[k].b);
    /* overlap: one unit (the same word told again, as the Japanese voice
     * does for a long word, is no overlap) */
    for (size_t q = 1; split && q < n; q++) {
      const wev *e = &we[ev_idx[f + q]], *d = &we[ev_idx[f + q - 1]];
      if (e->a < d->b && !(e->a == d->a && e->b == d->b)) split = 0;
    }
    if (!split) {
      sl[ns++] = (slot){ tok[k].a, tok[k].b, tok[k].word, f, n, 0, 0 };
      continue;
    }
    /* where each event's piece starts: its position moved to the nearest
     * boundary of a word where a syllable spans several grapheme clusters
     * (espeak's Thai pieces stop at each tone mark), else of a cluster (a
     * kana or hanzi is a syllable: espeak's events there are exact); without
     * ICU, its own position unless inside a Latin word */
    size_t *bd, nb = icu_bounds(text, tok[k].a, tok[k].b,
                                syllables_span_clusters(text, tok[k].a, tok[k].b) ? UBRK_WORD
                                                                                 : UBRK_CHARACTER, &bd);
    size_t *at = xcalloc(n, sizeof *at);
    for (size_t q = 0; q < n; q++) {
      size_t p = we[ev_idx[f + q]].a;
      if (q == 0 || p <= tok[k].a) p = tok[k].a;
      else if (inside_latin(text, tok[k].a, p)) p = at[q - 1];
      else if (nb) p = nearest_bound(bd, nb, p);
      if (q > 0 && (p >= tok[k].b || p < at[q - 1])) p = at[q - 1];  /* in order, inside */
      at[q] = p;
    }
    for (size_t q = 0; q < n;) {
      size_t r = q + 1;   /* events [q, r) make one slot */
      while (r < n && at[r] == at[q]) r++;
      size_t a = at[q], b = r < n ? at[r] : tok[k].b;
      int word = trim_range(text, &a, &b, ssml);
      sl[ns++] = (slot){ a, b, word, f + q, r - q, 0, 0 };
      q = r;
    }
    free(at);
    free(bd);
  }

  /* a token with extra events lends them to the following untimed tokens */
  for (size_t i = 0; i < ns; i++) {
    if (sl[i].nev < 2) continue;
    size_t k = i + 1, moved = 0;
    while (k < ns && moved + 1 < sl[i].nev && sl[k].nev == 0 && sl[k].word) {
      sl[k].first = sl[i].first + 1 + moved;
      sl[k].nev = 1;
      moved++;
      k++;
    }
    if (moved) sl[i].nev = 1;
  }

  /* starts: the first event; never earlier than the word before */
  size_t last = 0;
  for (size_t i = 0; i < ns; i++) {
    if (sl[i].nev == 0) continue;
    size_t s = we[ev_idx[sl[i].first]].sample;
    for (size_t q = 1; q < sl[i].nev; q++)
      if (we[ev_idx[sl[i].first + q]].sample < s) s = we[ev_idx[sl[i].first + q]].sample;
    if (s < last) s = last;
    if (s > nsamples) s = nsamples;
    sl[i].start = last = s;
    sl[i].timed = 1;
  }
  /* untimed words share their spoken unit's time by length */
  for (size_t i = 0; i < ns;) {
    if (sl[i].timed || !sl[i].word) { i++; continue; }
    size_t g0 = i, g1 = i, t0 = 0;
    int found = 0;
    for (size_t k = i; k-- > 0;)  /* the unit starts at the timed word before */
      if (sl[k].timed) { g0 = k; t0 = sl[k].start; found = 1; break; }
    if (!found)  /* words before the first event start with it */
      for (size_t k = i; k < ns; k++) if (sl[k].timed) { t0 = sl[k].start; break; }
    while (g1 < ns && !sl[g1].timed) g1++;  /* [g0, g1): the unit */
    size_t t1 = g1 < ns ? sl[g1].start : nsamples;
    if (t1 < t0) t1 = t0;
    size_t total = 0, acc = 0;
    for (size_t k = g0; k < g1; k++) if (sl[k].word) total += sl[k].b - sl[k].a;
    for (size_t k = g0; k < g1; k++) {
      if (!sl[k].word) continue;
      if (!sl[k].timed) {
        sl[k].start = t0 + (size_t)((double)(t1 - t0) * (double)acc / (double)(total ? total : 1));
        sl[k].timed = 1;
      }
      acc += sl[k].b - sl[k].a;
    }
    i = g1;
  }

  c->words = xcalloc(ns + 1, sizeof *c->words);
  size_t nw = 0;
  size_t *wstart = xcalloc(ns + 1, sizeof *wstart);
  for (size_t i = 0; i < ns; i++) {
    if (!sl[i].timed || (!sl[i].word && sl[i].nev == 0)) continue;
    char *w = clean_copy(text, sl[i].a, sl[i].b, ssml);
    if (!*w) { free(w); continue; }
    c->words[nw].word = w;
    wstart[nw++] = sl[i].start;
  }
  for (size_t i = 0; i < nw; i++) {
    size_t end = i + 1 < nw ? wstart[i + 1] : nsamples;
    if (end < wstart[i]) end = wstart[i];
    c->words[i].start = tts_seconds(wstart[i], rate);
    c->words[i].end = tts_seconds(end, rate);
  }
  c->nwords = nw;

  /* sentences: from one SENTENCE event to the next; marks as they come */
  c->sentences = xcalloc(nev + 1, sizeof *c->sentences);
  c->marks = xcalloc(nev + 1, sizeof *c->marks);
  size_t *sa = xcalloc(nev + 1, sizeof *sa), *ss = xcalloc(nev + 1, sizeof *ss), nsent = 0;
  for (size_t i = 0; i < nev; i++) {
    raw_event *e = &ev[i];
    if (e->type == TTS_EV_SENTENCE && e->pos >= 1) {
      size_t a = BYTE_AT(e->pos), k;
      while (a > 0) {  /* an opening bracket or quote belongs to the sentence */
        size_t q = a - 1;
        while (q > 0 && ((unsigned char)text[q] & 0xC0) == 0x80) q--;
        if (!is_opening(vg_utf8_decode(text, len, q, &k))) break;
        a = q;
      }
      if (nsent > 0 && a <= sa[nsent - 1]) continue;
      sa[nsent] = a;
      ss[nsent++] = e->sample;
    } else if (e->type == TTS_EV_MARK && e->name) {
      c->marks[c->nmarks].name = e->name;
      e->name = NULL;
      c->marks[c->nmarks].time = tts_seconds(e->sample, rate);
      c->nmarks++;
    }
  }
  for (size_t i = 0; i < nsent; i++) {
    size_t b = i + 1 < nsent ? sa[i + 1] : len;
    size_t end = i + 1 < nsent ? ss[i + 1] : nsamples;
    if (end < ss[i]) end = ss[i];
    char *t = clean_copy(text, sa[i], b, ssml);
    if (!*t) { free(t); continue; }
    c->sentences[c->nsentences++] =
      (tts_sentence){ t, tts_seconds(ss[i], rate), tts_seconds(end, rate) };
  }
#undef BYTE_AT
  free(off); free(we); free(tok); free(ev_tok); free(cnt); free(tfirst); free(fill);
  free(ev_idx); free(sl); free(wstart); free(sa); free(ss);
}
