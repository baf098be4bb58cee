/* english_passages.c: English left untranslated in a document in another
 * language. A translated man page (manpages-de, -fr, …) keeps the English of
 * every paragraph its translators have not reached yet ("APT understands a
 * field called Phased-Update-Percentage …" in apt_preferences(5) in German);
 * said by the page's voice it is English with German sounds. A scene whose
 * narration is English (a short heading aside) is said by an English voice;
 * in a summary, English sentences among the page's own are left out; in a
 * whole reading they are listed in the scene's `passages`, each with the
 * English voice that says it inside the scene's clip. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input_private.h"

/* English words that no other language of the phrase table writes as words */
static int english_word(const char *w, size_t n) {
  static const char *const words[] = { "the", "and", "is", "are", "of", "to", "this", "that", "with", "for",
    "be", "can", "by", "it", "its", "which", "from", "has", "have", "not", "were", "when", "if", "or",
    "you", "your", "used", "should", "only", "any", "these", "those",
    /* ("A few more projects and articles about JavaScript …" under a French page) */
    "about", "than", "into", "their", "there", "would", "been", "more", "what", "how", NULL };
  /* not "was", "will", "an", "all": German words; not "on", "a": French ones */
  char l[16];
  if (n == 0 || n >= sizeof l) return 0;
  for (size_t i = 0; i < n; i++) l[i] = (char)tolower((unsigned char)w[i]);
  l[n] = 0;
  for (int i = 0; words[i]; i++)
    if (!strcmp(l, words[i])) return 1;
  return 0;
}

/* 2 when the sentence is English: six words or more, a sixth of them (and
 * three at least) English function words, or six words and two different
 * ones, with a quarter of its words at most written past ASCII, and the
 * detector agrees; else 0. */
static int english_sentence(const char *s, int *words) {
  int n = 0, en = 0, distinct = 0, wide = 0;   /* wide: words with letters past ASCII */
  const char *first = NULL;
  size_t fl = 0;
  for (const char *p = s; *p;) {
    while (*p && !isalpha((unsigned char)*p) && !((unsigned char)*p & 0x80)) p++;
    const char *a = p;
    while (*p && (isalpha((unsigned char)*p) || ((unsigned char)*p & 0x80) || *p == '\'' || *p == '-')) p++;
    if (p > a) {
      n++;
      for (const char *q = a; q < p; q++)
        if ((unsigned char)*q & 0x80) { wide++; break; }
      if (english_word(a, (size_t)(p - a))) {
        en++;
        if (!first) first = a, fl = (size_t)(p - a), distinct = 1;
        else if (distinct == 1 && ((size_t)(p - a) != fl || strncasecmp(a, first, fl))) distinct = 2;
      }
    }
  }
  *words = n;
  /* "These fields are: имя пользователя …" is the page's own list */
  if (wide * 4 > n) return 0;
  int told = !strcmp(vgi_detect_language(s), "en");
  if (n >= 6 && en >= 3 && en * 6 >= n && told) return 2;
  /* two different ones in a longer sentence ("contains one line for each
   * user account, with seven fields delimited by colons", passwd(5) in
   * Russian and Swedish) */
  if (n >= 6 && distinct == 2 && en * 8 >= n && told) return 2;
  return 0;
}

/* How many of s's words are English function words. */
static int english_words(const char *s) {
  int n = 0;
  for (const char *p = s; *p;) {
    while (*p && !isalpha((unsigned char)*p)) p++;
    const char *a = p;
    while (isalpha((unsigned char)*p)) p++;
    if (p > a) n += english_word(a, (size_t)(p - a));
  }
  return n;
}

static int ascii_only(const char *s) {
  for (; *s; s++)
    if ((unsigned char)*s & 0x80) return 0;
  return 1;
}

/* The English voice for a video said by `voice` ("de+f3" keeps its variant). */
int vgi_english_voice(const char *voice) {
  static const char *const named[] = { "male", "female", "male_warm", "female_friendly", NULL };
  if (!voice) return 0;
  for (int i = 0; named[i]; i++)
    if (!strcmp(voice, named[i])) return 1;
  return !strncmp(voice, "en", 2) && (!voice[2] || voice[2] == '-' || voice[2] == '+' || voice[2] == '_');
}

static void english_voice(const char *voice, char *out, size_t n) {
  const char *plus = voice ? strchr(voice, '+') : NULL;
  if (plus && plus[1]) snprintf(out, n, "en-us%.40s", plus);
  else snprintf(out, n, "male");
}

void vgi_english_passages(cJSON *scene, const cJSON *video, int summary) {
  const char *lang = vgi_str(scene, "language");   /* its own, or its video's */
  if (!lang || !*lang) lang = vgi_str(video, "language");
  if (!lang || !strncmp(lang, "en", 2)) return;
  cJSON *nar = cJSON_GetObjectItemCaseSensitive(scene, "narration");
  if (!cJSON_IsString(nar) || !*nar->valuestring) return;
  int ns = 0;
  char **ss = vgi_sentences_lang(nar->valuestring, lang, &ns);
  int en_words = 0, own_words = 0, *en = calloc((size_t)ns + 1, sizeof *en);
  if (!en) abort();
  int *words = calloc((size_t)ns + 1, sizeof *words);
  if (!words) abort();
  for (int i = 0; i < ns; i++) en[i] = english_sentence(ss[i], &words[i]);
  /* a short sentence between English ones (or after or before the only
   * other), all ASCII, with an English function word and English to the
   * detector, is English too ("Quotes surrounding option values are
   * stripped.", between two longer ones) */
  for (int i = 0; i < ns; i++)
    if (!en[i] && (i == 0 || en[i - 1] == 2) && (i + 1 == ns || en[i + 1] == 2) && (i > 0 || i + 1 < ns) &&
        ascii_only(ss[i]) && english_words(ss[i]) && !strcmp(vgi_detect_language(ss[i]), "en"))
      en[i] = 1;
  for (int i = 0; i < ns; i++) {
    int w = words[i];
    if (en[i]) en_words += w;
    /* the document's language, or English mixed with it ("These fields
     * are: inloggningsnamn, …"): said by the page's voice; a heading of a
     * word or two says little either way */
    else if (w >= 3) own_words += w;
  }
  free(words);
  const char *voice = vgi_str(video, "voice"), *sv = vgi_str(scene, "voice");
  if (en_words && own_words <= 4 && (!sv || !voice || !strcmp(sv, voice))) {
    char ev[64];
    english_voice(voice, ev, sizeof ev);
    if (cJSON_GetObjectItemCaseSensitive(scene, "voice"))
      cJSON_ReplaceItemInObjectCaseSensitive(scene, "voice", cJSON_CreateString(ev));
    else
      cJSON_AddStringToObject(scene, "voice", ev);
  } else if (en_words && summary) {
    vgi_buf b = {0};
    for (int i = 0; i < ns; i++) {
      if (en[i]) continue;
      if (b.n) vgi_buf_puts(&b, " ");
      vgi_buf_puts(&b, ss[i]);
    }
    char *t = vgi_buf_take(&b);
    cJSON_SetValuestring(nar, t);
    free(t);
  } else if (en_words) {
    /* the whole reading keeps them: each is said by an English voice
     * inside the scene's clip (tts.synth reads `passages`) */
    char ev[64];
    english_voice(sv ? sv : voice, ev, sizeof ev);
    cJSON *list = cJSON_CreateArray();
    for (int i = 0; i < ns; i++) {
      if (!en[i]) continue;
      cJSON *one = cJSON_CreateObject();
      cJSON_AddStringToObject(one, "text", ss[i]);
      cJSON_AddStringToObject(one, "voice", ev);
      cJSON_AddItemToArray(list, one);
    }
    cJSON_DeleteItemFromObjectCaseSensitive(scene, "passages");
    cJSON_AddItemToObject(scene, "passages", list);
  }
  for (int i = 0; i < ns; i++) free(ss[i]);
  free(ss);
  free(en);
}
