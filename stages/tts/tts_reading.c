/* tts_reading.c: what espeak-ng is given to say for Japanese text.
 *
 * espeak-ng's Japanese voice reads kana; a kanji it does not know is said
 * as something else entirely (漢字は読めますか takes 3.4 s instead of the
 * 1.2 s of its kana). MeCab, with the IPA dictionary, splits the text into
 * words and gives each its reading: a word written with kanji is said by
 * its reading (漢字 → カンジ), the topic and direction particles as they
 * are pronounced (は → ワ, へ → エ), everything else as written. Captions
 * and timings keep the text as written: each character of the reading
 * knows the span of the word it came from, and espeak-ng's events are moved
 * back onto the text (tts_reading_remap). Without MeCab or its dictionary
 * the text is said as written. */
#include "tts_private.h"

#include <mecab.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static mecab_model_t *g_model;
static mecab_t *g_tagger;
static mecab_lattice_t *g_lattice;

static void load_model(void) {
  /* the UTF-8 dictionary by its own path: the system's default may be the
   * EUC-JP one, whose readings would be bytes of another encoding */
  static const char *const dirs[] = { "/var/lib/mecab/dic/ipadic-utf8",
                                      "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8", NULL };
  for (int i = 0; dirs[i] && !g_model; i++) {
    char probe[256], arg[300];
    snprintf(probe, sizeof probe, "%s/sys.dic", dirs[i]);
    if (access(probe, R_OK) != 0) continue;
    snprintf(arg, sizeof arg, "-d %s", dirs[i]);
    g_model = mecab_model_new2(arg);
  }
  if (!g_model) return;
  g_tagger = mecab_model_new_tagger(g_model);
  g_lattice = mecab_model_new_lattice(g_model);
  if (!g_tagger || !g_lattice) {
    if (g_lattice) mecab_lattice_destroy(g_lattice);
    if (g_tagger) mecab_destroy(g_tagger);
    mecab_model_destroy(g_model);
    g_model = NULL;
    g_tagger = NULL;
    g_lattice = NULL;
  }
}

/* Characters a reading is needed for: CJK ideographs and their marks. */
static int is_kanji(uint32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F) || c == 0x3005 ||
         c == 0x3006 || c == 0x30F6;
}

static size_t utf8_next(const char *s, size_t n, size_t i, uint32_t *cp) {
  unsigned char b = (unsigned char)s[i];
  size_t k = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + k > n) k = n - i;
  uint32_t c = k == 1 ? b : k == 2 ? b & 0x1F : k == 3 ? b & 0x0F : b & 0x07;
  for (size_t j = 1; j < k; j++) c = c << 6 | ((unsigned char)s[i + j] & 0x3F);
  *cp = c;
  return k;
}

static int has_kanji(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    uint32_t c;
    i += utf8_next(s, n, i, &c);
    if (is_kanji(c)) return 1;
  }
  return 0;
}

/* Field k (0-based) of a MeCab feature string, or NULL. */
static const char *field(const char *f, int k, size_t *len) {
  for (int i = 0; i < k && f; i++) {
    f = strchr(f, ',');
    if (f) f++;
  }
  if (!f) return NULL;
  const char *e = strchr(f, ',');
  *len = e ? (size_t)(e - f) : strlen(f);
  return f;
}

typedef struct {
  char *s;
  size_t len, cap;
  int *start, *end;   /* per character of s: the span of the text it says */
  size_t chars, ccap;
} builder;

/* Appends bytes that stand for the text's characters [from, to]. */
static int put(builder *b, const char *p, size_t n, int from, int to) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = (b->len + n + 1) * 2;
    char *s = realloc(b->s, cap);
    if (!s) return -1;
    b->s = s;
    b->cap = cap;
  }
  memcpy(b->s + b->len, p, n);
  for (size_t i = 0; i < n; i++) {
    if (((unsigned char)p[i] & 0xC0) == 0x80) continue;
    if (b->chars + 2 > b->ccap) {
      size_t cap = (b->chars + 2) * 2;
      int *st = realloc(b->start, cap * sizeof *st), *en = st ? realloc(b->end, cap * sizeof *en) : NULL;
      if (st) b->start = st;
      if (!en) return -1;
      b->end = en;
      b->ccap = cap;
    }
    b->start[b->chars] = from;
    b->end[b->chars] = to;
    b->chars++;
  }
  b->len += n;
  b->s[b->len] = 0;
  return 0;
}

int tts_reading_make(const char *language, const char *text, size_t len, tts_reading *out) {
  memset(out, 0, sizeof *out);
  if (strncmp(language, "ja", 2) != 0 || (language[2] && language[2] != '-')) return 0;
  if (!has_kanji(text, len)) return 0;
  pthread_once(&g_once, load_model);
  if (!g_model) return 0;
  builder b = {0};
  int ok = 1;
  pthread_mutex_lock(&g_lock);
  mecab_lattice_set_sentence2(g_lattice, text, len);
  if (!mecab_parse_lattice(g_tagger, g_lattice)) ok = 0;
  size_t at = 0;      /* bytes of text said so far */
  int ch = 0;         /* characters of text said so far */
  for (const mecab_node_t *n = ok ? mecab_lattice_get_bos_node(g_lattice) : NULL; n && ok; n = n->next) {
    if (n->stat == MECAB_BOS_NODE || n->stat == MECAB_EOS_NODE) continue;
    size_t off = (size_t)(n->surface - text);
    if (off < at || off + n->length > len) { ok = 0; break; }
    /* what MeCab skipped (spaces) is said as written */
    for (size_t i = at; i < off && ok;) {
      uint32_t c;
      size_t k = utf8_next(text, len, i, &c);
      ok = put(&b, text + i, k, ch, ch) == 0;
      i += k;
      ch++;
    }
    int words = 0;
    for (size_t i = off; i < off + n->length;) {
      uint32_t c;
      i += utf8_next(text, len, i, &c);
      words++;
    }
    size_t rl = 0, pl = 0;
    const char *reading = field(n->feature, 7, &rl);
    const char *pos = field(n->feature, 0, &pl);
    int particle = pos && pl == strlen("助詞") && !memcmp(pos, "助詞", pl);
    if (has_kanji(n->surface, n->length) && reading && rl && !(rl == 1 && *reading == '*')) {
      ok = put(&b, reading, rl, ch, ch + words - 1) == 0;
    } else if (particle && n->length == 3 && !memcmp(n->surface, "は", 3)) {
      ok = put(&b, "ワ", 3, ch, ch) == 0;
    } else if (particle && n->length == 3 && !memcmp(n->surface, "へ", 3)) {
      ok = put(&b, "エ", 3, ch, ch) == 0;
    } else {
      int c0 = ch;
      for (size_t i = off; i < off + n->length && ok;) {
        uint32_t c;
        size_t k = utf8_next(text, len, i, &c);
        ok = put(&b, text + i, k, c0, c0) == 0;
        i += k;
        c0++;
      }
    }
    ch += words;
    at = off + n->length;
  }
  for (size_t i = at; i < len && ok;) {
    uint32_t c;
    size_t k = utf8_next(text, len, i, &c);
    ok = put(&b, text + i, k, ch, ch) == 0;
    i += k;
    ch++;
  }
  pthread_mutex_unlock(&g_lock);
  if (!ok || !b.s) {
    free(b.s);
    free(b.start);
    free(b.end);
    return ok ? 0 : -1;
  }
  out->text = b.s;
  out->len = b.len;
  out->start = b.start;
  out->end = b.end;
  out->chars = b.chars;
  out->text_chars = (size_t)ch;
  return 1;
}

void tts_reading_remap(const tts_reading *r, raw_event *ev, size_t nev) {
  if (!r->text) return;
  for (size_t i = 0; i < nev; i++) {
    /* pos is 1-based; past the reading's end is past the text's end */
    long p = ev[i].pos - 1, e = p + (ev[i].len > 0 ? ev[i].len : 1) - 1;
    if (p < 0) continue;
    long from = p < (long)r->chars ? r->start[p] : (long)r->text_chars;
    long to = e < (long)r->chars ? r->end[e] : (long)r->text_chars;
    ev[i].pos = (int)from + 1;
    if (ev[i].len > 0) ev[i].len = (int)(to >= from ? to - from + 1 : 1);
  }
}

void tts_reading_free(tts_reading *r) {
  free(r->text);
  free(r->start);
  free(r->end);
  memset(r, 0, sizeof *r);
}
