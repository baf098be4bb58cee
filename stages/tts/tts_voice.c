/* tts_voice.c: the voice table. The four named voices of the system vgrun
 * replaces map to espeak-ng voices with variants chosen by measurement
 * (pitch, periodicity: bench/tts/measure_voices.c, docs/tts.md); any espeak-ng language code or identifier works
 * too. The table is built once on the worker thread (espeak_ListVoices reads
 * global state) and is read-only afterwards, so any thread may resolve names. */
#include "tts_private.h"
#include "vg.h"
#include "vg_utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <espeak-ng/speak_lib.h>

/* The named voices. Rates are a little under espeak's 175 wpm default:
 * narration over slides wants time to read along. */
static const tts_voice_info named_voices[] = {
  { "male", "clear American male (en-us + m7), ~105 Hz", "gmw/en-US+m7", "en-us", "male", 1,
    168, 48, 55 },
  { "male_warm", "deeper, slower, smooth American male (en-us + Michel), ~90 Hz",
    "gmw/en-US+michel", "en-us", "male", 1, 158, 36, 45 },
  { "female", "clear American female (en-us + f4), ~185 Hz", "gmw/en-US+f4", "en-us", "female",
    1, 170, 52, 60 },
  { "female_friendly", "bright, expressive American female (en-us + Annie), ~240 Hz",
    "gmw/en-US+Annie", "en-us", "female", 1, 172, 44, 70 },
};
#define N_NAMED (sizeof named_voices / sizeof named_voices[0])

typedef struct lang_entry { char *code; int priority; size_t voice; } lang_entry;

static struct {
  tts_voice_info *voices; size_t nvoices;
  char **variants; size_t nvariants;
  lang_entry *langs; size_t nlangs;
  char *names;  /* for messages */
} V;

/* espeak-ng's strings, kept: a missing one reads as "" */
static char *xstrdup(const char *s) {
  char *d = vg_strdup(s ? s : "");
  if (!d) abort();
  return d;
}

static void lower(char *s) { for (; *s; s++) *s = (char)tolower((unsigned char)*s); }

static const char *basename_of(const char *id) {
  const char *s = strrchr(id, '/');
  return s ? s + 1 : id;
}

static int name_taken(const char *name) {
  for (size_t i = 0; i < V.nvoices; i++)
    if (strcasecmp(V.voices[i].name, name) == 0) return 1;
  return 0;
}

void tts_voices_build(void) {
  const espeak_VOICE **list = espeak_ListVoices(NULL);
  size_t n = 0;
  while (list && list[n]) n++;
  V.voices = calloc(N_NAMED + n, sizeof *V.voices);
  if (!V.voices) abort();
  for (size_t i = 0; i < N_NAMED; i++) V.voices[V.nvoices++] = named_voices[i];
  for (size_t i = 0; i < n; i++) {
    const espeak_VOICE *v = list[i];
    if (!v->identifier || !v->languages || !v->languages[0]) continue;
    /* languages: repeated (priority byte, NUL-terminated code), then a 0 byte */
    char *code = xstrdup(v->languages + 1);
    lower(code);
    char *name = code;
    if (name_taken(name)) { free(name); name = xstrdup(basename_of(v->identifier)); lower(name); }
    tts_voice_info *t = &V.voices[V.nvoices];
    t->name = name;
    t->description = xstrdup(v->name);
    t->identifier = xstrdup(v->identifier);
    t->language = xstrdup(v->languages + 1);
    t->gender = v->gender == 1 ? "male" : v->gender == 2 ? "female" : "";
    t->named = 0; t->rate = 0; t->pitch = -1; t->range = -1;
    for (const char *l = v->languages; *l; l += strlen(l + 1) + 2) {
      V.langs = realloc(V.langs, (V.nlangs + 1) * sizeof *V.langs);
      if (!V.langs) abort();
      char *c = xstrdup(l + 1);
      lower(c);
      V.langs[V.nlangs++] = (lang_entry){ c, (unsigned char)l[0], V.nvoices };
    }
    V.nvoices++;
  }
  espeak_VOICE spec = {0};
  spec.languages = "variant";
  list = espeak_ListVoices(&spec);
  for (n = 0; list && list[n]; n++) {}
  V.variants = calloc(n + 1, sizeof *V.variants);
  if (!V.variants) abort();
  for (size_t i = 0; i < n; i++)
    if (list[i]->identifier) V.variants[V.nvariants++] = xstrdup(basename_of(list[i]->identifier));

  size_t len = 1;
  for (size_t i = 0; i < V.nvoices; i++) len += strlen(V.voices[i].name) + 2;
  V.names = malloc(len);
  if (!V.names) abort();
  V.names[0] = '\0';
  for (size_t i = 0; i < V.nvoices; i++) {
    if (i) strcat(V.names, ", ");
    strcat(V.names, V.voices[i].name);
  }
}

size_t tts_voice_count(void) { return V.nvoices; }
const tts_voice_info *tts_voice_at(size_t i) { return i < V.nvoices ? &V.voices[i] : NULL; }
size_t tts_variant_count(void) { return V.nvariants; }
const char *tts_variant_at(size_t i) { return i < V.nvariants ? V.variants[i] : NULL; }
const char *tts_voice_names(void) { return V.names ? V.names : ""; }

static const tts_voice_info *find_base(const char *base, int named_ok) {
  for (size_t i = named_ok ? 0 : N_NAMED; i < V.nvoices; i++) {
    const tts_voice_info *v = &V.voices[i];
    if (strcasecmp(v->name, base) == 0) return v;
  }
  for (size_t i = N_NAMED; i < V.nvoices; i++) {
    const tts_voice_info *v = &V.voices[i];
    if (strcasecmp(v->identifier, base) == 0 || strcasecmp(basename_of(v->identifier), base) == 0)
      return v;
  }
  /* a language code: the voice that claims it with the best priority */
  const lang_entry *best = NULL;
  for (size_t i = 0; i < V.nlangs; i++)
    if (strcasecmp(V.langs[i].code, base) == 0 && (!best || V.langs[i].priority < best->priority))
      best = &V.langs[i];
  return best ? &V.voices[best->voice] : NULL;
}

static const char *find_variant(const char *name) {
  for (size_t i = 0; i < V.nvariants; i++)
    if (strcasecmp(V.variants[i], name) == 0) return V.variants[i];
  return NULL;
}

int tts_resolve_voice(const char *name, int rate, int pitch, tts_voice *out, char *err,
                      size_t errlen) {
  memset(out, 0, sizeof *out);
  if (!name || !*name) name = "male";
  if (rate != 0 && (rate < TTS_RATE_MIN || rate > TTS_RATE_MAX)) {
    snprintf(err, errlen, "rate %d out of range: words per minute between %d and %d", rate,
             TTS_RATE_MIN, TTS_RATE_MAX);
    return -1;
  }
  if (pitch != -1 && (pitch < TTS_PITCH_MIN || pitch > TTS_PITCH_MAX)) {
    snprintf(err, errlen, "pitch %d out of range: between %d and %d (50 is normal)", pitch,
             TTS_PITCH_MIN, TTS_PITCH_MAX);
    return -1;
  }
  char base[96];
  const char *plus = strchr(name, '+');
  size_t blen = plus ? (size_t)(plus - name) : strlen(name);
  const tts_voice_info *v = NULL;
  const char *variant = NULL;
  if (blen < sizeof base && strlen(name) < sizeof out->name) {
    memcpy(base, name, blen);
    base[blen] = '\0';
    v = find_base(base, 1);
    if (!v) {
      for (char *u = base; *u; u++)
        if (*u == '_') *u = '-';  /* en_US */
      v = find_base(base, 0);
    }
    /* a region espeak-ng lacks falls back to its language: en-au -> en */
    for (char *dash; !v && !strchr(base, '/') && (dash = strrchr(base, '-')) && dash > base;) {
      *dash = '\0';
      v = find_base(base, 0);
    }
    if (v && plus) {
      variant = find_variant(plus + 1);
      if (!variant || v->named) {
        vg_snprintf_utf8(err, errlen, "unknown voice variant '%s' in '%s'%s; variants: see vg.tts.voices()"
                 " or `vgrun say --list-voices`", plus + 1, name,
                 v->named ? " (named voices take no variant)" : "");
        return -1;
      }
    }
  }
  if (!v) {
    vg_snprintf_utf8(err, errlen, "unknown voice '%s'; available voices: %s (espeak-ng codes take "
             "a +variant, e.g. en-us+f3)", name, tts_voice_names());
    return -1;
  }
  vg_snprintf_utf8(out->name, sizeof out->name, "%s", name);
  snprintf(out->language, sizeof out->language, "%s", v->language);
  if (variant) snprintf(out->spec, sizeof out->spec, "%s+%s", v->identifier, variant);
  else snprintf(out->spec, sizeof out->spec, "%s", v->identifier);
  out->rate = rate ? rate : (v->rate ? v->rate : 175);
  out->pitch = pitch >= 0 ? pitch : (v->pitch >= 0 ? v->pitch : 50);
  out->range = v->range >= 0 ? v->range : 50;
  return 0;
}

/* ---- text normalised for speech ------------------------------------------------
 * libespeak-ng 1.51 reads past a buffer when an apostrophe joins a Hangul
 * syllable to a letter ("표'의", "표'a") in a voice other than Korean's: a
 * crash or not, depending on what lies beyond (found with valgrind on the
 * Korean translation of "The Art of Command Line"). An apostrophe belongs to
 * a Latin-script word ("don't", "l'eau"); next to anything else it is read
 * as a space. Level 2 (a retry after a crash) also reads every symbol,
 * quote, bracket and dash as a space: only letters, digits, spaces and
 * sentence marks are left. Each replaced character becomes one space, so
 * character positions (espeak-ng's events) stay those of the text.
 * At every level a letter of a script no voice speaks is a space
 * (unsaid_script), and an underscore inside an identifier ("VG_CACHE_DIR") is a
 * space: the voice says "VG cache dir", not "underscore", while the text
 * (and so the captions made from its sentences) keeps what was written. */

static unsigned cp_at(const unsigned char *s, size_t n, size_t i, size_t *k) {
  unsigned c = s[i];
  if (c < 0x80 || i + 1 >= n) { *k = 1; return c; }
  if (c >= 0xF0 && i + 3 < n + 0) { *k = 4; return ((c & 7u) << 18) | ((s[i + 1] & 63u) << 12) | ((s[i + 2] & 63u) << 6) | (s[i + 3] & 63u); }
  if (c >= 0xE0 && i + 2 < n) { *k = 3; return ((c & 15u) << 12) | ((s[i + 1] & 63u) << 6) | (s[i + 2] & 63u); }
  if (c >= 0xC0) { *k = 2; return ((c & 31u) << 6) | (s[i + 1] & 63u); }
  *k = 1;
  return c;
}

static int latin_letter(unsigned c) {
  return (c < 0x80 && isalpha((int)c)) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

static int apostrophe(unsigned c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018; }

/* A letter of a script no espeak-ng voice speaks (Khmer, Lao, Tibetan,
 * Mongolian, Thaana, Syriac, N'Ko, Javanese, Balinese, Yi): any voice
 * spells it by its name, "khmer letter ka …", 58 s for an 11-word Khmer
 * sentence. It is read as a space. */
static int unsaid_script(unsigned c) {
  return (c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF) ||   /* Khmer and its symbols */
         (c >= 0x0E80 && c <= 0x0EFF) || (c >= 0x0F00 && c <= 0x0FFF) ||   /* Lao, Tibetan */
         (c >= 0x1800 && c <= 0x18AF) || (c >= 0x0780 && c <= 0x07BF) ||   /* Mongolian, Thaana */
         (c >= 0x0700 && c <= 0x074F) || (c >= 0x07C0 && c <= 0x07FF) ||   /* Syriac, N'Ko */
         (c >= 0xA980 && c <= 0xA9DF) || (c >= 0x1B00 && c <= 0x1B7F) ||   /* Javanese, Balinese */
         (c >= 0xA000 && c <= 0xA4CF);                                      /* Yi */
}

/* letters and digits of any script, and the marks that end or split a sentence */
static int speakable(unsigned c) {
  if (c < 0x80) return isalnum((int)c) || strchr(" \n.,;:?!", (int)c) != NULL;
  if (c >= 0x2000 && c <= 0x2BFF) return 0;    /* punctuation, symbols, arrows, dingbats */
  if (c >= 0x1F000) return 0;                  /* emoji */
  if (c >= 0xFE00 && c <= 0xFE0F) return 0;    /* variation selectors */
  if (c >= 0x80 && c <= 0xBF) return 0;        /* Latin-1 symbols */
  if (c == 0xD7 || c == 0xF7) return 0;
  if (c >= 0xFF01 && c <= 0xFF0F) return c == 0xFF01 || c == 0xFF0C || c == 0xFF0E;   /* ！ ， ． */
  return 1;
}

size_t tts_speech_normalize(char *s, size_t n, int level) {
  const unsigned char *u = (const unsigned char *)s;
  char *out = malloc(n + 1);
  if (!out) return n;
  size_t w = 0, k;
  unsigned prev = ' ';
  for (size_t i = 0; i < n; i += k) {
    unsigned c = cp_at(u, n, i, &k);
    int space = 0;
    if (apostrophe(c)) {
      size_t k2 = 0;
      unsigned next = i + k < n ? cp_at(u, n, i + k, &k2) : ' ';
      if (!((latin_letter(prev) || prev == ' ') && (latin_letter(next) || next == ' ' || next == '\n')))
        space = 1;
      else if (level >= 2) space = 1;
    } else if (c == '_') {
      size_t k2 = 0;
      unsigned next = i + k < n ? cp_at(u, n, i + k, &k2) : ' ';
      space = level >= 2 || ((prev < 0x80 && isalnum((int)prev)) && (next < 0x80 && isalnum((int)next)));
    } else if (level >= 2 && !speakable(c)) {
      space = 1;
    } else if (unsaid_script(c)) {
      space = 1;
    }
    if (space) out[w++] = ' ';
    else { memcpy(out + w, s + i, k); w += k; }
    prev = c;
  }
  memcpy(s, out, w);
  s[w] = 0;
  free(out);
  return w;
}

/* Tajik's letters ҳ ҷ ӣ ӯ (and their capitals), which no espeak-ng voice has:
 * every voice spells them by name ("Тоҷикистон" took 2.3 s in the Kazakh
 * voice that speaks Tajik, "Точикистон" 0.9 s). Each becomes the Cyrillic
 * letter nearest in sound that the voices know: х ч и у. Two bytes for two,
 * so positions are kept. Uzbek's voice knows ҳ (its /h/): it keeps it. */
void tts_speech_letters(char *s, size_t n, const char *voice) {
  int uz = voice && !strncmp(voice, "uz", 2) && !isalpha((unsigned char)voice[2]);
  for (size_t i = 0; i + 1 < n; i++) {
    unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1];
    if (a != 0xD2 && a != 0xD3) continue;
    unsigned c = ((a & 31u) << 6) | (b & 63u);
    unsigned to = 0;
    switch (c) {
    case 0x4B2: to = uz ? 0 : 0x425; break;   /* Ҳ Х */
    case 0x4B3: to = uz ? 0 : 0x445; break;   /* ҳ х */
    case 0x4B6: to = 0x427; break;            /* Ҷ Ч */
    case 0x4B7: to = 0x447; break;            /* ҷ ч */
    case 0x4E2: to = 0x418; break;            /* Ӣ И */
    case 0x4E3: to = 0x438; break;            /* ӣ и */
    case 0x4EE: to = 0x423; break;            /* Ӯ У */
    case 0x4EF: to = 0x443; break;            /* ӯ у */
    }
    if (!to) continue;
    s[i] = (char)(0xC0 | (to >> 6));
    s[i + 1] = (char)(0x80 | (to & 63u));
    i++;
  }
}
