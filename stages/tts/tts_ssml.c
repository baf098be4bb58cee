/* tts_ssml.c: the only text espeak-ng ever reads is written here.
 * Narration is plain text: control characters become spaces, because
 * espeak-ng reads U+0001 as the start of an embedded command even in plain
 * mode ("\x01V<name>" loads a voice file by that name, "[\x02" starts
 * phoneme input). SSML is opt-in, and then it is parsed here and written
 * out again in a small safe subset: espeak-ng's own reader runs
 * `system("sox ...")` for <audio src>, reads xml:base and voice names as
 * paths, indexes tables with unknown attribute values (-1) and pushes one
 * stack frame per voice or language change into a 20-entry static array
 * with no bound. What it gets from us has only known elements, known
 * attributes with values checked against small grammars, double-quoted,
 * and text with & < > escaped. docs/tts.md lists the subset. */
#include "tts.h"
#include "vg_utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 32
/* espeak-ng keeps 20 voice/language frames (readclause.c N_SSML_STACK) and
 * does not always pop them: allow fewer changes than that in all. */
#define MAX_VOICE_CHANGES 16
#define MAX_ATTR_BYTES 512
#define MAX_ALIAS_BYTES 200
#define MAX_BREAK_MS 30000
#define MAX_BREAKS_MS 300000   /* all of a text's breaks: a scene lasts at most 300 s */

typedef struct obuf { char *p; size_t n, cap; int oom; } obuf;

static void put(obuf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) { b->oom = 1; return; }
    b->p = p; b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}
static void puts_(obuf *b, const char *s) { put(b, s, strlen(s)); }

static void put_cp(obuf *b, unsigned cp) {
  char u[4];
  size_t n;
  if (cp < 0x80) { u[0] = (char)cp; n = 1; }
  else if (cp < 0x800) { u[0] = (char)(0xC0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
  else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | cp >> 12); u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
  } else {
    u[0] = (char)(0xF0 | cp >> 18); u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    u[2] = (char)(0x80 | (cp >> 6 & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
  }
  put(b, u, n);
}

/* Characters espeak-ng may read as commands: C0 (but tab, newline, return),
 * DEL and C1. */
static int is_control(unsigned cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
}

char *tts_plain_text(const char *text, size_t len, size_t *outlen) {
  obuf b = {0};
  put(&b, "", 0);
  for (size_t i = 0; i < len;) {
    size_t k;
    unsigned cp = vg_utf8_decode(text, len, i, &k);
    if (is_control(cp)) put(&b, " ", 1);
    else put(&b, text + i, k);
    i += k;
  }
  if (b.oom) { free(b.p); return NULL; }
  if (outlen) *outlen = b.n;
  return b.p;
}

/* ---- SSML ------------------------------------------------------------------ */

enum { E_SPEAK, E_P, E_S, E_VOICE, E_PROSODY, E_EMPHASIS, E_BREAK, E_SAYAS, E_SUB, E_MARK };
enum { C_ANY, C_EMPTY, C_TEXT };  /* what an element may contain */

static const struct elem {
  const char *name;
  int content;
  const char *attrs[5];
} ELEMS[] = {
  [E_SPEAK] = { "speak", C_ANY, { "xml:lang" } },
  [E_P] = { "p", C_ANY, { "xml:lang" } },
  [E_S] = { "s", C_ANY, { "xml:lang" } },
  [E_VOICE] = { "voice", C_ANY, { "xml:lang", "gender", "age", "variant" } },
  [E_PROSODY] = { "prosody", C_ANY, { "rate", "pitch", "range", "volume" } },
  [E_EMPHASIS] = { "emphasis", C_ANY, { "level" } },
  [E_BREAK] = { "break", C_EMPTY, { "time", "strength" } },
  [E_SAYAS] = { "say-as", C_TEXT, { "interpret-as", "format", "detail" } },
  [E_SUB] = { "sub", C_TEXT, { "alias" } },
  [E_MARK] = { "mark", C_EMPTY, { "name" } },
};
#define NELEMS (sizeof ELEMS / sizeof ELEMS[0])
#define ALLOWED "speak, p, s, voice, prosody, emphasis, break, say-as, sub, mark"

typedef struct parser {
  const char *s;
  size_t len, i;
  obuf out;
  char *err;
  size_t errlen;
  int failed;
  struct { int e; size_t at; } stack[MAX_DEPTH];
  int depth;
  int explicit_root;  /* the text has its own <speak> */
  int root_closed;
  int voice_changes;
  long break_ms;      /* the pauses asked for so far */
} parser;

static int fail(parser *p, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(parser *p, size_t at, const char *fmt, ...) {
  if (p->failed) return -1;
  p->failed = 1;
  int line = 1, col = 1;
  for (size_t i = 0; i < at && i < p->len; i++) {
    if (p->s[i] == '\n') { line++; col = 1; }
    else if (((unsigned char)p->s[i] & 0xC0) != 0x80) col++;
  }
  char msg[TTS_ERR_MAX];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(p->err, p->errlen, "SSML line %d, column %d: %s", line, col, msg);
  return -1;
}

static int starts(const parser *p, const char *lit) {
  size_t n = strlen(lit);
  return p->len - p->i >= n && memcmp(p->s + p->i, lit, n) == 0;
}

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
static int is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* A quoted, entity-free string for messages: at most 40 bytes, whole code points. */
static const char *shown(const char *v, char *buf, size_t cap) {
  size_t n = strlen(v), k = 0;
  if (n > 40) {
    k = 40;
    while (k > 0 && ((unsigned char)v[k] & 0xC0) == 0x80) k--;
  }
  snprintf(buf, cap, "%.*s%s", (int)(n > 40 ? k : n), v, n > 40 ? "..." : "");
  return buf;
}

/* Reads an entity at p->i ('&'), appends its character to b. */
static int entity(parser *p, obuf *b) {
  size_t at = p->i, e = p->i + 1;
  while (e < p->len && e - at < 12 && p->s[e] != ';' && !is_ws(p->s[e]) && p->s[e] != '<' &&
         p->s[e] != '&')
    e++;
  if (e >= p->len || p->s[e] != ';')
    return fail(p, at, "'&' must start an entity such as &amp; (write &amp; for '&')");
  const char *name = p->s + at + 1;
  size_t n = e - at - 1;
  static const struct { const char *n; unsigned cp; } named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "nbsp", 0xA0 } };
  unsigned cp = 0;
  int found = 0;
  for (size_t k = 0; k < sizeof named / sizeof named[0]; k++)
    if (strlen(named[k].n) == n && memcmp(named[k].n, name, n) == 0) { cp = named[k].cp; found = 1; }
  if (!found && n >= 2 && name[0] == '#') {
    int hex = name[1] == 'x';
    size_t d = hex ? 2 : 1;
    unsigned long v = 0;
    found = d < n;
    for (; d < n && found; d++) {
      char c = name[d];
      int dv = c >= '0' && c <= '9' ? c - '0'
               : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
               : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (dv < 0 || v > 0x10FFFF) found = 0;
      else v = v * (hex ? 16 : 10) + (unsigned long)dv;
    }
    if (found && (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || is_control((unsigned)v)))
      return fail(p, at, "&%.*s; is not a character narration may contain", (int)n, name);
    cp = (unsigned)v;
  }
  if (!found)
    return fail(p, at, "unknown entity &%.*s; (use &amp; &lt; &gt; &quot; &apos; &nbsp; or &#N;)",
                (int)(n > 12 ? 12 : n), name);
  put_cp(b, cp);
  p->i = e + 1;
  return 0;
}

static int one_of(const char *v, const char *const *list) {
  for (; *list; list++) if (strcmp(v, *list) == 0) return 1;
  return 0;
}

/* [+-]digits[.digits]unit: 0 and the parts, or -1. */
static int number(const char *v, char *sign, double *x, const char **unit) {
  const char *q = v;
  *sign = 0;
  if (*q == '+' || *q == '-') *sign = *q++;
  const char *d = q;
  while (*q >= '0' && *q <= '9') q++;
  if (q == d || q - d > 5) return -1;
  if (*q == '.') {
    const char *f = ++q;
    while (*q >= '0' && *q <= '9') q++;
    if (q == f || q - f > 3) return -1;
  }
  *x = strtod(*sign ? v + 1 : v, NULL);
  *unit = q;
  return 0;
}

static int prosody_ok(const char *attr, const char *v) {
  static const char *const rate[] = { "x-slow", "slow", "medium", "fast", "x-fast", "default", NULL };
  static const char *const pitch[] = { "x-low", "low", "medium", "high", "x-high", "default", NULL };
  static const char *const volume[] = { "silent", "x-soft", "soft", "medium", "loud", "x-loud",
                                        "default", NULL };
  int is_rate = strcmp(attr, "rate") == 0, is_vol = strcmp(attr, "volume") == 0;
  if (one_of(v, is_rate ? rate : is_vol ? volume : pitch)) return 1;
  char sign;
  double x;
  const char *unit;
  if (number(v, &sign, &x, &unit) != 0) return 0;
  if (strcmp(unit, "%") == 0) return sign == '-' ? x <= 90 : sign == '+' ? x <= 300 : x <= 400;
  if (strcmp(unit, "st") == 0) return !is_rate && !is_vol && x <= 24;
  if (strcmp(unit, "Hz") == 0) return !is_rate && !is_vol && x <= (sign ? 500 : 1000);
  if (*unit) return 0;
  if (is_rate) return sign == '-' ? x <= 0.9 : sign == '+' ? x <= 3 : x >= 0.2 && x <= 4;
  return x <= (sign ? 100 : 200);
}

/* Checks one attribute; writes what espeak-ng gets (maybe rewritten) to
 * canon. 0, or -1 with a reason in why. */
static int check_attr(int e, const char *name, const char *v, char *canon, size_t cap,
                      char *why, size_t whylen) {
  snprintf(canon, cap, "%s", v);
  if (strcmp(name, "xml:lang") == 0) {
    /* a BCP 47 tag: en, en-GB, cmn-Latn-pinyin */
    size_t n = strlen(v), k = 0;
    while (k < n && ((v[k] | 0x20) >= 'a' && (v[k] | 0x20) <= 'z')) k++;
    int ok = k >= 2 && k <= 3 && n <= 30;
    while (ok && k < n) {
      if (v[k++] != '-') { ok = 0; break; }
      size_t st = k;
      while (k < n && (((v[k] | 0x20) >= 'a' && (v[k] | 0x20) <= 'z') || (v[k] >= '0' && v[k] <= '9'))) k++;
      if (k == st || k - st > 8) ok = 0;
    }
    if (!ok) snprintf(why, whylen, "wants a language code such as en, en-GB or es");
    return ok ? 0 : -1;
  }
  if (strcmp(name, "gender") == 0) {
    static const char *const g[] = { "male", "female", "neutral", NULL };
    if (one_of(v, g)) return 0;
    snprintf(why, whylen, "wants male, female or neutral");
    return -1;
  }
  if (strcmp(name, "age") == 0 || strcmp(name, "variant") == 0 || strcmp(name, "detail") == 0) {
    int max = name[0] == 'a' ? 150 : name[0] == 'v' ? 20 : 9;
    char *end;
    long x = strtol(v, &end, 10);
    if (v[0] >= '0' && v[0] <= '9' && !*end && strlen(v) <= 3 && x >= 1 && x <= max) {
      snprintf(canon, cap, "%ld", x);
      return 0;
    }
    snprintf(why, whylen, "wants a whole number from 1 to %d", max);
    return -1;
  }
  if (e == E_PROSODY) {
    if (prosody_ok(name, v)) return 0;
    snprintf(why, whylen, "%s", strcmp(name, "rate") == 0
             ? "wants x-slow, slow, medium, fast, x-fast, default, a percentage (80%, +20%, -10%) or a factor (1.5)"
             : strcmp(name, "volume") == 0
             ? "wants silent, x-soft, soft, medium, loud, x-loud, default, a percentage or a number up to 200"
             : "wants x-low, low, medium, high, x-high, default, a percentage, semitones (+2st) or Hz (+20Hz)");
    return -1;
  }
  if (strcmp(name, "level") == 0) {
    static const char *const l[] = { "none", "reduced", "moderate", "strong", "x-strong", NULL };
    if (one_of(v, l)) return 0;
    snprintf(why, whylen, "wants none, reduced, moderate, strong or x-strong");
    return -1;
  }
  if (strcmp(name, "strength") == 0) {
    static const char *const s[] = { "none", "x-weak", "weak", "medium", "strong", "x-strong", NULL };
    if (one_of(v, s)) return 0;
    snprintf(why, whylen, "wants none, x-weak, weak, medium, strong or x-strong");
    return -1;
  }
  if (strcmp(name, "time") == 0) {
    /* espeak-ng reads only the digits before a '.', so 1.5s would be 1 ms:
     * hand it whole milliseconds */
    char sign;
    double x;
    const char *unit;
    if (number(v, &sign, &x, &unit) == 0 && !sign && (strcmp(unit, "ms") == 0 || strcmp(unit, "s") == 0)) {
      double ms = unit[0] == 's' ? x * 1000 : x;
      if (ms <= MAX_BREAK_MS) {
        snprintf(canon, cap, "%ldms", (long)(ms + 0.5));
        return 0;
      }
    }
    snprintf(why, whylen, "wants a time such as 500ms or 2s, at most %ds", MAX_BREAK_MS / 1000);
    return -1;
  }
  if (strcmp(name, "interpret-as") == 0) {
    /* espeak-ng's own values, and the SSML names for two of them */
    static const struct { const char *in, *out; } m[] = {
      { "characters", "characters" }, { "spell-out", "characters" }, { "tts:char", "tts:char" },
      { "tts:key", "tts:key" }, { "tts:digits", "tts:digits" }, { "digits", "tts:digits" },
      { "telephone", "telephone" } };
    for (size_t k = 0; k < sizeof m / sizeof m[0]; k++)
      if (strcmp(v, m[k].in) == 0) { snprintf(canon, cap, "%s", m[k].out); return 0; }
    snprintf(why, whylen, "wants characters (or spell-out), digits (or tts:digits), tts:char, "
             "tts:key or telephone");
    return -1;
  }
  if (strcmp(name, "format") == 0) {
    if (strcmp(v, "glyphs") == 0) return 0;
    snprintf(why, whylen, "wants glyphs");
    return -1;
  }
  if (strcmp(name, "alias") == 0) {
    /* espeak-ng copies the alias into the text it speaks, up to a '"' */
    size_t n = strlen(v);
    int ok = n > 0 && n <= MAX_ALIAS_BYTES && !strpbrk(v, "\"\\<>&");
    if (!ok) snprintf(why, whylen, "wants 1 to %d bytes of text without \" \\ < > &", MAX_ALIAS_BYTES);
    return ok ? 0 : -1;
  }
  if (strcmp(name, "name") == 0 && e == E_MARK) {
    size_t n = strlen(v);
    int ok = n > 0 && n <= 64;
    for (size_t k = 0; ok && k < n; k++) ok = is_name_char(v[k]);
    if (!ok) snprintf(why, whylen, "wants 1 to 64 letters, digits, '_', '-', '.' or ':'");
    return ok ? 0 : -1;
  }
  snprintf(why, whylen, "is not allowed");
  return -1;
}

/* An element's start tag at p->i ('<' then a name). */
static int start_tag(parser *p) {
  size_t at = p->i, a = ++p->i;
  while (p->i < p->len && is_name_char(p->s[p->i])) p->i++;
  char name[48];
  size_t n = p->i - a;
  snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name - 1 ? n : sizeof name - 1), p->s + a);
  int e = -1;
  for (size_t k = 0; k < NELEMS; k++)
    if (strlen(ELEMS[k].name) == n && memcmp(ELEMS[k].name, p->s + a, n) == 0) e = (int)k;
  if (e < 0) {
    if (strcmp(name, "audio") == 0 || strcmp(name, "lexicon") == 0)
      return fail(p, at, "<%s> is not allowed: narration never reads a file or a URL "
                  "(allowed: " ALLOWED ")", name);
    if (strcmp(name, "phoneme") == 0)
      return fail(p, at, "<phoneme> is not allowed (allowed: " ALLOWED ")");
    return fail(p, at, "<%s> is not in the safe subset vgrun accepts (allowed: " ALLOWED ")", name);
  }
  int parent = p->depth > 0 ? p->stack[p->depth - 1].e : -1;
  if (e == E_SPEAK && (p->depth > 0 || p->root_closed))
    return fail(p, at, "<speak> must enclose the whole narration, once");
  if (parent >= 0 && ELEMS[parent].content != C_ANY)
    return fail(p, at, "<%s> may contain %s, not <%s>", ELEMS[parent].name,
                ELEMS[parent].content == C_EMPTY ? "nothing" : "only text", name);
  if (p->depth >= MAX_DEPTH) return fail(p, at, "elements nested more than %d deep", MAX_DEPTH);

  obuf tag = {0};
  put(&tag, "<", 1);
  puts_(&tag, ELEMS[e].name);
  char seen[8][48];
  int nseen = 0, changes_voice = e == E_VOICE, has_interpret = 0, has_glyphs = 0, has_name = 0;
  int self_closing = 0;
  for (;;) {
    size_t ws = p->i;
    while (p->i < p->len && is_ws(p->s[p->i])) p->i++;
    if (p->i >= p->len) { free(tag.p); return fail(p, at, "<%s is never closed with '>'", name); }
    if (p->s[p->i] == '>') { p->i++; break; }
    if (starts(p, "/>")) { p->i += 2; self_closing = 1; break; }
    size_t aat = p->i, an = p->i;
    while (an < p->len && is_name_char(p->s[an])) an++;
    if (an == aat || p->i == ws) {
      free(tag.p);
      return fail(p, aat, "<%s>: expected an attribute name, '>' or '/>'", name);
    }
    char aname[48];
    snprintf(aname, sizeof aname, "%.*s", (int)(an - aat < sizeof aname - 1 ? an - aat : sizeof aname - 1),
             p->s + aat);
    p->i = an;
    while (p->i < p->len && is_ws(p->s[p->i])) p->i++;
    if (p->i >= p->len || p->s[p->i] != '=') {
      free(tag.p);
      return fail(p, aat, "<%s %s>: an attribute needs =\"value\"", name, aname);
    }
    p->i++;
    while (p->i < p->len && is_ws(p->s[p->i])) p->i++;
    char q = p->i < p->len ? p->s[p->i] : 0;
    if (q != '"' && q != '\'') {
      free(tag.p);
      return fail(p, aat, "<%s %s>: the value must be in quotes", name, aname);
    }
    p->i++;
    obuf val = {0};
    put(&val, "", 0);
    while (p->i < p->len && p->s[p->i] != q) {
      if (p->s[p->i] == '<') {
        free(tag.p); free(val.p);
        return fail(p, p->i, "<%s %s>: '<' inside a value (write &lt;)", name, aname);
      }
      if (p->s[p->i] == '&') {
        if (entity(p, &val) != 0) { free(tag.p); free(val.p); return -1; }
        continue;
      }
      size_t k;
      unsigned cp = vg_utf8_decode(p->s, p->len, p->i, &k);
      if (is_control(cp) && cp != '\t' && cp != '\n' && cp != '\r') {
        free(tag.p); free(val.p);
        return fail(p, p->i, "<%s %s>: a control character in the value", name, aname);
      }
      put(&val, p->s + p->i, k);
      p->i += k;
      if (val.n > MAX_ATTR_BYTES) {
        free(tag.p); free(val.p);
        return fail(p, aat, "<%s %s>: the value is longer than %d bytes", name, aname, MAX_ATTR_BYTES);
      }
    }
    if (p->i >= p->len) {
      free(tag.p); free(val.p);
      return fail(p, aat, "<%s %s>: the value's quote is never closed", name, aname);
    }
    p->i++;
    if (val.oom) { free(tag.p); free(val.p); return fail(p, aat, "out of memory"); }
    for (int k = 0; k < nseen; k++)
      if (strcmp(seen[k], aname) == 0) {
        free(tag.p); free(val.p);
        return fail(p, aat, "<%s>: attribute %s given twice", name, aname);
      }
    if (nseen < 8) snprintf(seen[nseen++], sizeof seen[0], "%s", aname);
    /* namespace declarations and the version on <speak> mean nothing to espeak-ng */
    if (e == E_SPEAK && (strcmp(aname, "version") == 0 || strcmp(aname, "xmlns") == 0 ||
                         strncmp(aname, "xmlns:", 6) == 0)) {
      free(val.p);
      continue;
    }
    int allowed = 0;
    for (int k = 0; k < 5 && ELEMS[e].attrs[k]; k++)
      if (strcmp(ELEMS[e].attrs[k], aname) == 0) allowed = 1;
    if (!allowed) {
      const char *what = strcmp(aname, "xml:base") == 0 || strcmp(aname, "src") == 0 ||
                         strcmp(aname, "uri") == 0
                           ? ": narration never reads a file or a URL"
                           : e == E_VOICE && strcmp(aname, "name") == 0
                           ? ": choose the voice with --voice or the document's voice; in SSML use "
                             "xml:lang, gender, age or variant"
                           : "";
      int rc = fail(p, aat, "<%s>: attribute %s is not allowed%s", name, aname, what);
      free(tag.p); free(val.p);
      return rc;
    }
    char canon[MAX_ATTR_BYTES + 16], why[200], show[64];
    if (check_attr(e, aname, val.p, canon, sizeof canon, why, sizeof why) != 0) {
      int rc = fail(p, aat, "<%s %s=\"%s\">: %s", name, aname, shown(val.p, show, sizeof show), why);
      free(tag.p); free(val.p);
      return rc;
    }
    free(val.p);
    if (e == E_BREAK && strcmp(aname, "time") == 0) {
      /* thirty-second pauses, a thousand times, would be hours of silence */
      p->break_ms += atol(canon);
      if (p->break_ms > MAX_BREAKS_MS) {
        int rc = fail(p, aat, "<break>: the pauses add up to more than %d s", MAX_BREAKS_MS / 1000);
        free(tag.p);
        return rc;
      }
    }
    if (strcmp(aname, "xml:lang") == 0) changes_voice = 1;
    if (strcmp(aname, "interpret-as") == 0) has_interpret = 1;
    if (strcmp(aname, "format") == 0) has_glyphs = 1;
    if (strcmp(aname, "name") == 0 || strcmp(aname, "alias") == 0) has_name = 1;
    put(&tag, " ", 1);
    puts_(&tag, aname);
    put(&tag, "=\"", 2);
    puts_(&tag, canon);
    put(&tag, "\"", 1);
  }
  int rc = 0;
  if (e == E_SAYAS && !has_interpret && !has_glyphs)
    rc = fail(p, at, "<say-as> needs interpret-as");
  else if ((e == E_MARK || e == E_SUB) && !has_name)
    rc = fail(p, at, "<%s> needs %s", name, e == E_MARK ? "name" : "alias");
  else if (changes_voice && ++p->voice_changes > MAX_VOICE_CHANGES)
    rc = fail(p, at, "more than %d changes of voice or language in one narration", MAX_VOICE_CHANGES);
  if (rc != 0 || tag.oom) {
    free(tag.p);
    return rc != 0 ? rc : fail(p, at, "out of memory");
  }
  if (e == E_SPEAK) {
    p->explicit_root = 1;
    put(&p->out, tag.p, tag.n);  /* "<speak ...": closed below */
    put(&p->out, ">", 1);
  } else if (ELEMS[e].content == C_EMPTY) {
    put(&p->out, tag.p, tag.n);
    put(&p->out, "/>", 2);
  } else {
    put(&p->out, tag.p, tag.n);
    put(&p->out, ">", 1);
    if (self_closing) { puts_(&p->out, "</"); puts_(&p->out, ELEMS[e].name); put(&p->out, ">", 1); }
  }
  free(tag.p);
  if (!self_closing) {
    p->stack[p->depth].e = e;
    p->stack[p->depth].at = at;
    p->depth++;
  } else if (e == E_SPEAK) {
    p->root_closed = 1;
  }
  return 0;
}

static int end_tag(parser *p) {
  size_t at = p->i, a = p->i + 2;
  p->i = a;
  while (p->i < p->len && is_name_char(p->s[p->i])) p->i++;
  size_t n = p->i - a;
  while (p->i < p->len && is_ws(p->s[p->i])) p->i++;
  if (p->i >= p->len || p->s[p->i] != '>')
    return fail(p, at, "</%.*s must end with '>'", (int)(n > 40 ? 40 : n), p->s + a);
  p->i++;
  if (p->depth == 0)
    return fail(p, at, "</%.*s> closes nothing", (int)(n > 40 ? 40 : n), p->s + a);
  int e = p->stack[p->depth - 1].e;
  if (strlen(ELEMS[e].name) != n || memcmp(ELEMS[e].name, p->s + a, n) != 0) {
    char open[64];
    int line = 1, col = 1;
    for (size_t i = 0; i < p->stack[p->depth - 1].at; i++) {
      if (p->s[i] == '\n') { line++; col = 1; }
      else if (((unsigned char)p->s[i] & 0xC0) != 0x80) col++;
    }
    snprintf(open, sizeof open, "line %d, column %d", line, col);
    return fail(p, at, "</%.*s> does not close <%s> (opened at %s)", (int)(n > 40 ? 40 : n),
                p->s + a, ELEMS[e].name, open);
  }
  if (e == E_SPEAK && !p->explicit_root) return fail(p, at, "</speak> closes nothing");
  p->depth--;
  if (e == E_SPEAK) { p->root_closed = 1; return 0; }
  if (ELEMS[e].content != C_EMPTY) {
    puts_(&p->out, "</");
    puts_(&p->out, ELEMS[e].name);
    put(&p->out, ">", 1);
  }
  return 0;
}

/* Text (or a CDATA section's content) inside the narration. */
static int text_char(parser *p, unsigned cp, const char *raw, size_t k, size_t at) {
  int parent = p->depth > 0 ? p->stack[p->depth - 1].e : -1;
  int blank = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
  if (p->root_closed && !blank) return fail(p, at, "text after </speak>");
  if (!blank && parent >= 0 && ELEMS[parent].content == C_EMPTY)
    return fail(p, at, "<%s> must be empty", ELEMS[parent].name);
  if (p->root_closed || (parent >= 0 && ELEMS[parent].content == C_EMPTY)) return 0;
  if (cp == '&') puts_(&p->out, "&amp;");
  else if (cp == '<') puts_(&p->out, "&lt;");
  else if (cp == '>') puts_(&p->out, "&gt;");
  else if (is_control(cp)) put(&p->out, " ", 1);
  else if (raw) put(&p->out, raw, k);
  else put_cp(&p->out, cp);
  return 0;
}

char *tts_ssml_filter(const char *text, size_t len, size_t *outlen, char *err, size_t errlen) {
  parser P = { .s = text, .len = len, .err = err, .errlen = errlen };
  parser *p = &P;
  /* before the root: an XML declaration, comments, blanks */
  while (p->i < len && is_ws(text[p->i])) p->i++;
  if (starts(p, "<?xml")) {
    const char *e = NULL;
    for (size_t k = p->i; k + 1 < len; k++) if (text[k] == '?' && text[k + 1] == '>') { e = text + k; break; }
    if (!e) { fail(p, p->i, "the <?xml declaration is never closed with ?>"); goto out; }
    p->i = (size_t)(e - text) + 2;
  }
  size_t save = p->i;
  for (;;) {  /* skip comments and blanks to see whether a <speak> comes */
    while (p->i < len && is_ws(text[p->i])) p->i++;
    if (!starts(p, "<!--")) break;
    const char *e = NULL;
    for (size_t k = p->i + 4; k + 2 < len; k++) if (memcmp(text + k, "-->", 3) == 0) { e = text + k; break; }
    if (!e) break;
    p->i = (size_t)(e - text) + 3;
  }
  int has_root = starts(p, "<speak") && (p->i + 6 >= len || !is_name_char(text[p->i + 6]));
  if (!has_root) {
    p->i = save;
    puts_(&p->out, "<speak>");
    p->stack[0].e = E_SPEAK;
    p->stack[0].at = 0;
    p->depth = 1;
  }
  while (p->i < len && !p->failed) {
    size_t at = p->i;
    char c = text[p->i];
    if (c == '<') {
      if (starts(p, "<!--")) {
        const char *e = NULL;
        for (size_t k = p->i + 4; k + 2 < len; k++) if (memcmp(text + k, "-->", 3) == 0) { e = text + k; break; }
        if (!e) { fail(p, at, "a comment is never closed with -->"); break; }
        p->i = (size_t)(e - text) + 3;
      } else if (starts(p, "<![CDATA[")) {
        size_t a = p->i + 9, e = a;
        while (e + 2 < len && memcmp(text + e, "]]>", 3) != 0) e++;
        if (e + 2 >= len) { fail(p, at, "a CDATA section is never closed with ]]>"); break; }
        for (size_t k = a; k < e && !p->failed;) {
          size_t n;
          unsigned cp = vg_utf8_decode(text, e, k, &n);
          text_char(p, cp, text + k, n, k);
          k += n;
        }
        p->i = e + 3;
      } else if (starts(p, "<!")) {
        fail(p, at, "<!DOCTYPE and other declarations are not allowed");
      } else if (starts(p, "<?")) {
        fail(p, at, "processing instructions (<?...?>) are not allowed");
      } else if (starts(p, "</")) {
        if (end_tag(p) != 0) break;
      } else if (p->i + 1 < len && is_name_start(text[p->i + 1])) {
        if (p->root_closed) { fail(p, at, "an element after </speak>"); break; }
        if (start_tag(p) != 0) break;
      } else {
        fail(p, at, "'<' must start a tag (write &lt; for a less-than sign)");
      }
    } else if (c == '&') {
      obuf one = {0};
      if (entity(p, &one) == 0) {
        size_t n;
        unsigned cp = one.p ? vg_utf8_decode(one.p, one.n, 0, &n) : 0;
        text_char(p, cp, NULL, 0, at);
      }
      free(one.p);
    } else {
      size_t n;
      unsigned cp = vg_utf8_decode(text, len, p->i, &n);
      text_char(p, cp, text + p->i, n, at);
      p->i += n;
    }
  }
  if (!p->failed) {
    if (p->depth > (has_root ? 0 : 1)) {
      int e = p->stack[p->depth - 1].e;
      fail(p, p->stack[p->depth - 1].at, "<%s> is never closed", ELEMS[e].name);
    } else {
      puts_(&p->out, "</speak>");
    }
  }
out:
  if (!p->failed && p->out.oom) fail(p, 0, "out of memory");
  if (p->failed) { free(p->out.p); return NULL; }
  if (outlen) *outlen = p->out.n;
  return p->out.p;
}
