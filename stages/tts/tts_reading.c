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
#define _GNU_SOURCE 1  /* memmem */
#include "tts_private.h"
#include "vg_utf8.h"

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
static mecab_lattice_t *g_one;   /* one character's reading, beside g_lattice's walk */

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
  g_one = mecab_model_new_lattice(g_model);
  if (!g_tagger || !g_lattice || !g_one) {
    if (g_one) mecab_lattice_destroy(g_one);
    if (g_lattice) mecab_lattice_destroy(g_lattice);
    if (g_tagger) mecab_destroy(g_tagger);
    mecab_model_destroy(g_model);
    g_model = NULL;
    g_tagger = NULL;
    g_lattice = NULL;
    g_one = NULL;
  }
}

/* Characters a reading is needed for: CJK ideographs and their marks. */
static int is_kanji(uint32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F) || c == 0x3005 ||
         c == 0x3006 || c == 0x30F6;
}

/* Is any character of s one that `is` accepts? */
static int has_char(const char *s, size_t n, int (*is)(uint32_t)) {
  for (size_t i = 0; i < n;) {
    size_t k;
    if (is(vg_utf8_decode(s, n, i, &k))) return 1;
    i += k;
  }
  return 0;
}

static int has_kanji(const char *s, size_t n) { return has_char(s, n, is_kanji); }

static int chars_in(const char *s, size_t n) {
  int c = 0;
  for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
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

/* A reading of one character alone (its field 7), or NULL. Under g_lock. */
static const char *one_reading(const char *c, size_t n, size_t *rl) {
  mecab_lattice_set_sentence2(g_one, c, n);
  if (!mecab_parse_lattice(g_tagger, g_one)) return NULL;
  const mecab_node_t *w = mecab_lattice_get_bos_node(g_one)->next;
  if (!w || w->stat == MECAB_EOS_NODE || w->length != n) return NULL;
  const char *r = field(w->feature, 7, rl);
  return r && *rl && !(*rl == 1 && *r == '*') ? r : NULL;
}

/* A word MeCab has no reading for (Chinese written in a Japanese text:
 * 简体中文): each kanji by its own reading, or left unsaid (espeak-ng would
 * say "Chinese letter"); the rest as written. 0, or -1 out of memory. */
static int put_by_character(builder *b, const char *text, size_t from, size_t to, int ch) {
  for (size_t i = from; i < to; ch++) {
    size_t k, rl = 0;
    unsigned c = vg_utf8_decode(text, to, i, &k);
    const char *r = is_kanji(c) ? one_reading(text + i, k, &rl) : NULL;
    int rc = r ? put(b, r, rl, ch, ch) : is_kanji(c) ? put(b, " ", 1, ch, ch) : put(b, text + i, k, ch, ch);
    if (rc != 0) return -1;
    i += k;
  }
  return 0;
}

/* Appends text[from, to) as written, each character standing for itself
 * (the text's character ch onwards). 0, or -1 out of memory. */
static int put_written(builder *b, const char *text, size_t from, size_t to, int ch) {
  for (size_t i = from; i < to; ch++) {
    size_t k;
    (void)vg_utf8_decode(text, to, i, &k);
    if (put(b, text + i, k, ch, ch) != 0) return -1;
    i += k;
  }
  return 0;
}

static int is_latin_letter(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static int has_latin(const char *s, size_t n) { return has_char(s, n, is_latin_letter); }

/* Inside a run of Latin words: what may join two of them ("Visual Studio",
 * "Node.js", "C++", "ES2015", "git-lfs", "don't"). */
static int joins_latin(uint32_t c) {
  return c == ' ' || c == '.' || c == '-' || c == '_' || c == '/' || c == '\'' || c == '+' ||
         c == '#' || (c >= '0' && c <= '9');
}

/* Appends the reading's characters [i, e) (bytes of r->s), each with its
 * span, as SSML text: & < > as entities standing for the same character. */
static int put_escaped(builder *o, const builder *r, size_t i, size_t e, size_t *ch) {
  while (i < e) {
    size_t k;
    uint32_t c = vg_utf8_decode(r->s, r->len, i, &k);
    const char *ent = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : NULL;
    int rc = ent ? put(o, ent, strlen(ent), r->start[*ch], r->end[*ch])
                 : put(o, r->s + i, k, r->start[*ch], r->end[*ch]);
    if (rc != 0) return -1;
    i += k;
    (*ch)++;
  }
  return 0;
}

/* espeak-ng's Japanese voice spells a Latin word letter by letter
 * ("JavaScript" took 2.7 s, "J A V A S C R I P T"); its Korean voice
 * switches to English for it. The reading becomes SSML with each run of
 * Latin words in an English <voice> (0.8 s, said as a word). home, when
 * given, is the <voice> tag the text between the runs is said in (Chinese:
 * see tts_reading_mandarin). The tags' characters stand for the text's
 * character beside them: no event starts on a tag. 0, or -1 out of memory;
 * *r is replaced. */
static int latin_in_english(builder *r, size_t text_chars, const char *home) {
  builder o = {0};
  size_t ch = 0, i = 0;
  int last = text_chars ? (int)text_chars - 1 : 0, in_home = 0;
  static const char open[] = "<voice xml:lang=\"en\">", close[] = "</voice>";
  if (put(&o, "<speak>", 7, 0, 0) != 0) goto fail;
  while (i < r->len) {
    /* the run: a Latin letter, then letters and joiners that lead to more */
    size_t k, a = i, e = i, j = i;
    if (!is_latin_letter(vg_utf8_decode(r->s, r->len, i, &k))) {
      if (home && !in_home && put(&o, home, strlen(home), r->start[ch], r->start[ch]) != 0) goto fail;
      in_home = home != NULL;
      if (put_escaped(&o, r, i, i + k, &ch) != 0) goto fail;
      i += k;
      continue;
    }
    if (in_home && put(&o, close, sizeof close - 1, r->end[ch - 1], r->end[ch - 1]) != 0) goto fail;
    in_home = 0;
    while (j < r->len) {
      uint32_t c = vg_utf8_decode(r->s, r->len, j, &k);
      if (is_latin_letter(c) || (c >= '0' && c <= '9') || c == '+' || c == '#') e = j + k;
      else if (!joins_latin(c)) break;
      j += k;
    }
    int at = r->start[ch];
    if (put(&o, open, sizeof open - 1, at, at) != 0 || put_escaped(&o, r, a, e, &ch) != 0 ||
        put(&o, close, sizeof close - 1, r->end[ch - 1], r->end[ch - 1]) != 0)
      goto fail;
    i = e;
  }
  if (in_home && put(&o, close, sizeof close - 1, last, last) != 0) goto fail;
  if (put(&o, "</speak>", 8, last, last) != 0) goto fail;
  free(r->s);
  free(r->start);
  free(r->end);
  *r = o;
  return 0;
fail:
  free(o.s);
  free(o.start);
  free(o.end);
  return -1;
}

/* Appends each word of text with kanji said by its reading (MeCab). 0, or
 * -1 (out of memory, a parse that failed). */
static int read_kanji(builder *b, const char *text, size_t len) {
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
    ok = put_written(b, text, at, off, ch) == 0;
    ch += chars_in(text + at, off - at);
    int words = chars_in(n->surface, n->length);
    size_t rl = 0, pl = 0;
    const char *reading = field(n->feature, 7, &rl);
    const char *pos = field(n->feature, 0, &pl);
    int particle = pos && pl == strlen("助詞") && !memcmp(pos, "助詞", pl);
    if (has_kanji(n->surface, n->length) && reading && rl && !(rl == 1 && *reading == '*')) {
      ok = put(b, reading, rl, ch, ch + words - 1) == 0;
    } else if (has_kanji(n->surface, n->length)) {
      ok = put_by_character(b, text, off, off + n->length, ch) == 0;
    } else if (particle && n->length == 3 && !memcmp(n->surface, "は", 3)) {
      ok = put(b, "ワ", 3, ch, ch) == 0;
    } else if (particle && n->length == 3 && !memcmp(n->surface, "へ", 3)) {
      ok = put(b, "エ", 3, ch, ch) == 0;
    } else if (ok) {
      ok = put_written(b, text, off, off + n->length, ch) == 0;
    }
    ch += words;
    at = off + n->length;
  }
  if (ok) ok = put_written(b, text, at, len, ch) == 0;
  pthread_mutex_unlock(&g_lock);
  return ok ? 0 : -1;
}

/* The reading built in *b becomes *out (1); a build that failed (!ok) is
 * freed: 0 when nothing was built, else -1. */
static int hand_over(builder *b, int ok, size_t chars, int ssml, tts_reading *out) {
  if (!ok || !b->s) {
    free(b->s);
    free(b->start);
    free(b->end);
    return ok ? 0 : -1;
  }
  out->text = b->s;
  out->len = b->len;
  out->start = b->start;
  out->end = b->end;
  out->chars = b->chars;
  out->text_chars = chars;
  out->ssml = ssml;
  return 1;
}

int tts_reading_make(const char *language, const char *text, size_t len, tts_reading *out) {
  memset(out, 0, sizeof *out);
  if (strncmp(language, "ja", 2) != 0 || (language[2] && language[2] != '-')) return 0;
  int kanji = has_kanji(text, len), latin = has_latin(text, len);
  if (kanji) pthread_once(&g_once, load_model);
  kanji = kanji && g_model;   /* without the dictionary, kanji are said as written */
  if (!kanji && !latin) return 0;
  builder b = {0};
  size_t chars = (size_t)chars_in(text, len);
  int ok = (kanji ? read_kanji(&b, text, len) : put_written(&b, text, 0, len, 0)) == 0;
  if (ok && latin && b.s) {
    /* what the child does to plain text (an underscore between letters
     * read as a space); one character for one, so the spans stay */
    b.len = tts_speech_normalize(b.s, b.len, 1);
    ok = latin_in_english(&b, chars, NULL) == 0;
  }
  return hand_over(&b, ok, chars, latin, out);
}

/* libespeak-ng 1.51's Mandarin voice (cmn, "Latin as English") turns each
 * hanzi into its pinyin and then reads that pinyin with English rules:
 * 你好 is said "ni three hao three" (phoneme events "(en) n I T r i: h eI @
 * T r i:", 3.8 s for 你好，世界。这是一个测试。 against 3.0 s said right). Its
 * sister voice cmn-latn-pinyin says hanzi right but reads Latin words that
 * look like pinyin as pinyin ("Go" ko, "Java" tsia va, "npm" spelled in
 * Mandarin), and an SSML </voice> returns to the voice of the language
 * (cmn), not to the one named. So Chinese text is said as SSML: hanzi and
 * everything else in <voice name="cmn-latn-pinyin"> (with the voice's
 * variant), each run of Latin words in an English <voice>. */
int tts_reading_mandarin(const char *language, const char *spec, const char *text, size_t len,
                         tts_reading *out) {
  memset(out, 0, sizeof *out);
  int zh = (!strncmp(language, "zh", 2) && (!language[2] || language[2] == '-')) ||
           (!strncmp(language, "cmn", 3) && (!language[3] || language[3] == '-'));
  if (!zh || (!has_kanji(text, len) && !has_latin(text, len))) return 0;
  char home[96];
  const char *variant = spec ? strchr(spec, '+') : NULL;
  snprintf(home, sizeof home, "<voice name=\"cmn-latn-pinyin%.40s\">", variant ? variant : "");
  builder b = {0};
  size_t chars = (size_t)chars_in(text, len);
  int ok = put_written(&b, text, 0, len, 0) == 0 && b.s;
  if (ok) {
    b.len = tts_speech_normalize(b.s, b.len, 1);   /* as plain text is said; one character for one */
    ok = latin_in_english(&b, chars, home) == 0;
  }
  return hand_over(&b, ok, chars, 1, out);
}

/* English sentences left in a document in another language (a translated
 * man page's untranslated paragraph, listed by the input stage in a scene's
 * `passages`): said by that language's voice they are English with its
 * sounds. Each occurrence in the text is said in an English <voice> inside
 * the same clip (female when the clip's voice is a female variant), every
 * tag standing for the text's character beside it, as above. */
int tts_reading_passages(const char *language, const char *spec, const char *text, size_t len,
                         const char *const *passages, size_t npassages, tts_reading *out) {
  memset(out, 0, sizeof *out);
  if (!npassages || !strncmp(language, "en", 2)) return 0;
  size_t chars = (size_t)chars_in(text, len);
  unsigned char *in_byte = calloc(len + 1, 1), *in = calloc(chars + 1, 1);
  if (!in_byte || !in) { free(in_byte); free(in); return -1; }
  int any = 0;
  for (size_t k = 0; k < npassages; k++) {
    size_t pl = passages[k] ? strlen(passages[k]) : 0;
    for (const char *at = pl ? memmem(text, len, passages[k], pl) : NULL; at;
         at = memmem(at + pl, len - (size_t)(at + pl - text), passages[k], pl)) {
      memset(in_byte + (at - text), 1, pl);
      any = 1;
    }
  }
  for (size_t i = 0, ch = 0; i < len && ch < chars; ch++) {
    size_t k;
    (void)vg_utf8_decode(text, len, i, &k);
    in[ch] = in_byte[i];
    i += k;
  }
  free(in_byte);
  if (!any) { free(in); return 0; }
  builder r = {0}, o = {0};
  int ok = put_written(&r, text, 0, len, 0) == 0 && r.s;
  if (ok) r.len = tts_speech_normalize(r.s, r.len, 1);   /* as plain text is said; one character for one */
  const char *variant = spec ? strchr(spec, '+') : NULL;
  const char *open = variant && variant[1] == 'f' ? "<voice xml:lang=\"en\" gender=\"female\">"
                                                   : "<voice xml:lang=\"en\">";
  static const char close[] = "</voice>";
  int last = chars ? (int)chars - 1 : 0, inside = 0;
  if (ok) ok = put(&o, "<speak>", 7, 0, 0) == 0;
  for (size_t i = 0, ch = 0; ok && i < r.len;) {
    size_t k;
    (void)vg_utf8_decode(r.s, r.len, i, &k);
    int want = r.start[ch] >= 0 && (size_t)r.start[ch] < chars && in[r.start[ch]];
    if (want && !inside) ok = put(&o, open, strlen(open), r.start[ch], r.start[ch]) == 0;
    else if (!want && inside) ok = put(&o, close, sizeof close - 1, r.end[ch - 1], r.end[ch - 1]) == 0;
    inside = want;
    if (ok) ok = put_escaped(&o, &r, i, i + k, &ch) == 0;
    i += k;
  }
  if (ok && inside) ok = put(&o, close, sizeof close - 1, last, last) == 0;
  if (ok) ok = put(&o, "</speak>", 8, last, last) == 0;
  free(in);
  free(r.s);
  free(r.start);
  free(r.end);
  return hand_over(&o, ok, chars, 1, out);
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
