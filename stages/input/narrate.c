/* narrate.c: narration for scenes that have none, from templates per scene
 * type (as the system we replace wrote it: "Welcome to {title}. {subtitle}."),
 * using topic, key_message and key_points when present; and fitting generated
 * narration to a target duration by word budget. */
#define _GNU_SOURCE   /* strcasestr */
#include "input_private.h"
#include "lang.h"
#include "vg_utf8.h"

#include "vg_lua.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *field(const cJSON *scene, const cJSON *vc, const char *key) {
  const char *s = vgi_str(vc, key);
  if (!s) s = vgi_str(scene, key);
  return s && *s ? s : NULL;
}

/* 1 when a full stop of a script that writes a space after it (। ॥ ۔ ؟)
 * ends just before p (within t). */
static int script_stop_before(const char *t, const char *p) {
  static const char *const marks[] = { "\xE0\xA5\xA4", "\xE0\xA5\xA5", "\xDB\x94", "\xD8\x9F", NULL };
  for (int i = 0; marks[i]; i++) {
    size_t l = strlen(marks[i]);
    if ((size_t)(p - t) >= l && !memcmp(p - l, marks[i], l)) return 1;
  }
  return 0;
}

/* 1 when s ends with a sentence's final mark (any script). */
static int ends_sentence(const char *t, size_t n) {
  /* "(Удалить ветки и теги.)", "»Fertig.«": the mark inside closing brackets and quotes */
  for (;;) {
    if (n && strchr(")\"'", t[n - 1])) n--;
    else if (n >= 2 && (!memcmp(t + n - 2, "\xC2\xBB", 2) || !memcmp(t + n - 2, "\xC2\xAB", 2))) n -= 2;   /* » « */
    else if (n >= 3 && (!memcmp(t + n - 3, "\xE2\x80\x9D", 3) || !memcmp(t + n - 3, "\xE2\x80\x9C", 3) ||
                        !memcmp(t + n - 3, "\xEF\xBC\x89", 3) || !memcmp(t + n - 3, "\xE3\x80\x8D", 3)))
      n -= 3;   /* ” “ ） 」 */
    else break;
  }
  if (!n) return 0;
  if (strchr(".!?", t[n - 1]) || vgi_wide_stop_before(t, n)) return 1;   /* 。！？．‼ … */
  static const char *const marks[] = { "\xD8\x9F", "\xE2\x80\xA6",
                                       "\xE0\xA5\xA4", "\xE0\xA5\xA5", "\xDB\x94", "\xD6\x89", "\xE1\x8D\xA2",
                                       "\xE1\x81\x8B", "\xE1\x9F\x94", "\xE1\x9F\x95" };   /* । ॥ ۔ ։ ። ။ ។ ៕ */
  for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
    size_t l = strlen(marks[i]);
    if (n >= l && !memcmp(t + n - l, marks[i], l)) return 1;
  }
  return 0;
}

/* A tagline of short parts between middle dots or bullets ("Fast · Small ·
 * Safe") said as the list it is ("Fast, small and safe"), not with its
 * dots; a part's capital goes when the rest of the word is lower case
 * ("Small"), a name's stays ("WebGL", "PDF"). NULL when sub is not one. */
static char *tagline_said(const char *sub, const char *lang) {
  static const char *const dots[] = { " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xE2\x88\x99 ", NULL };
  const char *dot = NULL;
  for (int i = 0; dots[i] && !dot; i++) if (strstr(sub, dots[i])) dot = dots[i];
  if (!dot) return NULL;
  size_t dl = strlen(dot);
  int parts = 1;
  for (const char *p = strstr(sub, dot); p; p = strstr(p + dl, dot)) parts++;
  if (parts < 2 || parts > 8) return NULL;
  vgi_buf b = { 0 };
  const char *p = sub;
  for (int k = 0; k < parts; k++) {
    const char *e = k < parts - 1 ? strstr(p, dot) : p + strlen(p);
    while (p < e && *p == ' ') p++;
    size_t n = (size_t)(e - p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '.')) n--;
    char *part = malloc(n + 1);
    memcpy(part, p, n);
    part[n] = 0;
    /* a part is a few words, not a sentence of its own */
    if (!n || vgi_word_count(part) > 4 || strpbrk(part, ".!?:;")) {
      free(part);
      free(b.s);
      return NULL;
    }
    if (k) {
      vgi_buf_puts(&b, vgi_phrase(lang, k < parts - 1 ? "sep" : parts == 2 ? "pair" : "last"));
      int lower = isupper((unsigned char)part[0]) != 0;
      for (size_t i = 1; i < n && lower && part[i] != ' '; i++) lower = islower((unsigned char)part[i]) != 0;
      if (lower && n > 1) part[0] = (char)tolower((unsigned char)part[0]);
    }
    vgi_buf_puts(&b, part);
    free(part);
    p = e + (k < parts - 1 ? dl : 0);
  }
  return b.s;
}

/* Appends s as a sentence: trimmed, final punctuation ensured (the
 * language's full stop). */
static void sentence_l(vgi_buf *b, const char *s, const char *lang) {
  if (!s) return;
  char *t = vgi_squash(vgi_strdup(s));
  size_t n = strlen(t);
  while (n && (t[n - 1] == ':' || t[n - 1] == ';' || t[n - 1] == ',')) t[--n] = 0;
  if (n) {
    if (b->n) vgi_buf_puts(b, " ");
    vgi_buf_puts(b, t);
    if (!ends_sentence(t, n)) vgi_buf_puts(b, vgi_phrase(lang, "stop"));
  }
  free(t);
}

static int nothing_said(const char *t);

/* What the voice says of a list item: its title, or, when the title is
 * only a path, a link or an address (FILES' "/etc/group - group account
 * information", "/proc" over its paragraph), its description: the screen
 * shows the path, the voice says what it is. A list of paths alone was said
 * "Files." in English and "画面のフォルダと画面のフォルダ" in Japanese. */
static const char *item_text(const cJSON *it) {
  if (cJSON_IsString(it)) return it->valuestring;
  if (!cJSON_IsObject(it)) return NULL;
  const char *t = vgi_str(it, "title"), *d = vgi_str(it, "description");
  if (t && d && *d && strpbrk(t, "/@") && nothing_said(t) && !nothing_said(d)) return d;
  return t;
}

/* An item's description, unless item_text says it already. */
static const char *item_desc(const cJSON *it) {
  const char *d = cJSON_IsObject(it) ? vgi_str(it, "description") : NULL;
  return d && d != item_text(it) ? d : NULL;
}

/* English phrases (also for a language the table lacks) */
static int english(const char *lang) {
  return !lang || !vgi_lang_known(lang) || (!strncmp(lang, "en", 2) && (!lang[2] || lang[2] == '-'));
}

/* Cantonese or Mandarin ("yue", "cmn"): written Chinese, said in another voice */
static int chinese_spoken(const char *lang) {
  return lang && (!strncmp(lang, "yue", 3) || !strncmp(lang, "cmn", 3)) && (!lang[3] || lang[3] == '-');
}

/* 'j', 'z' or 'k' for Japanese, Chinese or Korean, else 0; 'h' for
 * Chinese written in traditional characters (zh-Hant, zh-TW, zh-HK, yue),
 * whose words for the screen are its own even where a sentence has no
 * character to tell ("/etc/passwd." was "屏幕上的文件夹" in zh-TW). */
static char cjk_of(const char *lang) {
  int chinese = chinese_spoken(lang) || (lang && !strncmp(lang, "zh", 2) && (!lang[2] || lang[2] == '-'));
  if (chinese)
    return strstr(lang, "Hant") || strstr(lang, "-TW") || strstr(lang, "-HK") || strstr(lang, "-MO") ||
           !strncmp(lang, "yue", 3) ? 'h' : 'z';
  if (!lang || (lang[2] && lang[2] != '-')) return 0;
  return !strncmp(lang, "ja", 2) ? 'j' : !strncmp(lang, "ko", 2) ? 'k' : 0;
}

/* A language whose sentences put spaces between words and end a clause
 * with ":" (not Chinese, Japanese, Korean or Thai). */
static int english_like(const char *lang) {
  static const char *const not[] = { "zh", "ja", "ko", "th", NULL };
  if (chinese_spoken(lang)) return 0;
  for (int i = 0; lang && not[i]; i++)
    if (!strncmp(lang, not[i], 2) && (!lang[2] || lang[2] == '-')) return 0;
  return 1;
}

static char *lower_first(const char *s) {
  char *t = vgi_strdup(s);
  if (t[0] && isupper((unsigned char)t[0]) && !isupper((unsigned char)t[1]))
    t[0] = (char)tolower((unsigned char)t[0]);
  return t;
}

/* "a, b, and c" in the language (`or`: "a, b, or c"); `max` 0 = all; only
 * top-level list items (level 0). `lower`: items read mid-sentence start in
 * lower case (English only: German nouns keep their capital). */
static _Thread_local int headlines_;   /* set while vgi_narrate writes a summary: long items are said by their headline */
static void conjunction_colon_out(char *t);

static char *clean_speech(char *t, const char *lang);
static void repeat_out(char *t);
static void double_stop_out(char *t);
static char *spoken_headline(const char *t);

/* An item with nothing to say once URLs, paths and markup are out (a list
 * of links: "https://…/manual/"): joined, it would be said ",, and". */
static _Thread_local char said_cjk_;     /* 'j', 'z' or 'k' while it says Japanese, Chinese or Korean */
static int nothing_said(const char *t) {
  /* (judged without the stand-in a Chinese, Japanese or Korean sentence
   * gets for a thing taken out: "/etc/group" alone is nothing said, never
   * "画面のフォルダ", which made "主なポイント：画面のフォルダと画面のフォルダ") */
  char cjk = said_cjk_;
  said_cjk_ = 0;
  char *c = clean_speech(vgi_strdup(t ? t : ""), NULL);
  said_cjk_ = cjk;
  int said = 0;
  for (const unsigned char *p = (const unsigned char *)c; *p && !said; p++) said = isalnum(*p) || *p >= 0x80;
  free(c);
  return !said;
}

static int ja_predicate(const char *t);
static int wide_stop_end(const char *t);

static int word_of(const char *const *list, const char *w, size_t n);

/* An item that ends with the joiner its list was written with ("numbered
 * equations, and", "a web-based book and"): the word goes, as joined puts
 * its own in; the new length. */
static size_t joiner_out(char *c, size_t l) {
  static const char *const joiners[] = { "and", "or", "und", "oder", "et", "ou", "y", "e", "o", "en",
                                         "\xD0\xB8", "\xD0\xB8\xD0\xBB\xD0\xB8", NULL };   /* и, или */
  size_t a = l;
  while (a && c[a - 1] != ' ') a--;
  if (!a || a == l || !word_of(joiners, c + a, l - a)) return l;
  while (a && strchr(" ,;", c[a - 1])) a--;   /* ("…with pipx; and") */
  if (!a) return l;
  c[a] = 0;
  return a;
}

static char *joined(const cJSON *arr, int max, int or, int lower, const char *lang) {
  vgi_buf b = {0};
  int n = 0, total = 0;
  lower = lower && english(lang);
  for (const cJSON *it = arr ? arr->child : NULL; it; it = it->next) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    if (item_text(it) && !(cJSON_IsNumber(lvl) && lvl->valueint > 0) && !nothing_said(item_text(it))) total++;
  }
  if (max && total > max) total = max;
  /* Japanese items that are sentences are said as sentences: "と" or "、"
   * between two predicates makes one sentence of them */
  int ja_stop = 0;
  if (lang && !strncmp(lang, "ja", 2))
    for (const cJSON *it = arr ? arr->child : NULL; it && !ja_stop; it = it->next)
      ja_stop = item_text(it) && ja_predicate(item_text(it));
  for (const cJSON *it = arr ? arr->child : NULL; it && n < total; it = it->next) {
    const char *t = item_text(it);
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    if (!t || (cJSON_IsNumber(lvl) && lvl->valueint > 0) || nothing_said(t)) continue;
    char *h = headlines_ ? spoken_headline(t) : NULL;
    if (h) t = h;
    char *c = lower ? lower_first(t) : vgi_strdup(t);
    free(h);
    /* "IANA: https://…" is said "IANA": the link goes before the joiners
     * are put in, so they stay where they belong */
    c = clean_speech(c, lang);
    vgi_squash(c);
    size_t l = strlen(c);
    while (l && strchr(".:;,", c[l - 1])) c[--l] = 0;
    while (vgi_wide_period_before(c, l)) c[l -= 3] = 0;   /* 。． */
    l = joiner_out(c, l);
    if (n) {
      const char *key = n < total - 1 ? "sep" : total == 2 ? (or ? "or_pair" : "pair")
                                                          : (or ? "or_last" : "last");
      vgi_buf_puts(&b, ja_stop ? "\xE3\x80\x82" : vgi_phrase(lang, key));
    }
    vgi_buf_puts(&b, c);
    free(c);
    n++;
  }
  return vgi_buf_take(&b);
}

static int count_text(const cJSON *arr) {
  int n = 0;
  for (const cJSON *it = arr ? arr->child : NULL; it; it = it->next)
    if (item_text(it)) n++;
  return n;
}

/* What shell commands do, when all of them build, install or test
 * ("make check", "pytest", "./configure && make", "pip install x"): the
 * phrase that says so ("These commands build and install it."), never "Run
 * this command to get started" before a test run. NULL when they do other
 * things, or the language has no such phrase (a phrase of English in
 * another language's video is worse than the general one). */
enum { DOES_BUILD = 1, DOES_INSTALL = 2, DOES_TEST = 4 };
/* A command that runs tests by its program ("bin/bats --tap test",
 * "./run_tests.sh", "phpunit", "python setup.py test") or its subcommand
 * ("dotnet test", "bazel test //..."). */
static int runs_tests(const char *c, size_t n) {
  static const char *const runners[] = { "bats", "phpunit", "jest", "mocha", "rspec", "nosetests", "nose2",
    "vitest", "karma", "behave", "cucumber", "py.test", "runtests", "runtests.py", "runtests.sh", "test.sh",
    "tests.sh", "run_tests", "run_tests.sh", "run_tests.py", "run-tests", "run-tests.sh", "run-tests.py", NULL };
  static const char *const subs[] = { "dotnet test", "bun test", "deno test", "flutter test", "mix test",
    "swift test", "bazel test", "zig build test", "cargo nextest", "python setup.py test",
    "python3 setup.py test", NULL };
  size_t w = 0;   /* the program: its first word, its folder left out */
  while (w < n && c[w] != ' ' && c[w] != ';') w++;
  size_t b = w;
  while (b > 0 && c[b - 1] != '/') b--;
  for (int i = 0; runners[i]; i++)
    if (strlen(runners[i]) == w - b && !strncmp(c + b, runners[i], w - b)) return 1;
  for (int i = 0; subs[i]; i++) {
    size_t l = strlen(subs[i]);
    if (n >= l && !strncmp(c, subs[i], l) && (n == l || c[l] == ' ' || c[l] == ';')) return 1;
  }
  return 0;
}

static int command_does(const char *c, size_t n) {
  static const struct { const char *head; int does; } heads[] = {
    { "make check", DOES_TEST }, { "make test", DOES_TEST }, { "make tests", DOES_TEST }, { "make install", DOES_INSTALL },
    { "ninja test", DOES_TEST }, { "ninja install", DOES_INSTALL }, { "ninja", DOES_BUILD }, { "make", DOES_BUILD },
    { "ctest", DOES_TEST }, { "pytest", DOES_TEST }, { "tox", DOES_TEST }, { "nox", DOES_TEST },
    { "python -m pytest", DOES_TEST }, { "python3 -m pytest", DOES_TEST }, { "python -m unittest", DOES_TEST },
    { "python3 -m unittest", DOES_TEST }, { "npm test", DOES_TEST }, { "npm run test", DOES_TEST },
    { "yarn test", DOES_TEST }, { "pnpm test", DOES_TEST }, { "cargo test", DOES_TEST }, { "go test", DOES_TEST },
    { "meson test", DOES_TEST }, { "mvn test", DOES_TEST }, { "gradle test", DOES_TEST }, { "./gradlew test", DOES_TEST },
    { "busted", DOES_TEST }, { "prove", DOES_TEST }, { "rake test", DOES_TEST }, { "bundle exec rake test", DOES_TEST },
    { "cargo build", DOES_BUILD }, { "go build", DOES_BUILD }, { "npm run build", DOES_BUILD },
    { "yarn build", DOES_BUILD }, { "meson compile", DOES_BUILD }, { "meson setup", DOES_BUILD }, { "meson", DOES_BUILD },
    { "cmake --build", DOES_BUILD }, { "cmake --install", DOES_INSTALL }, { "cmake", DOES_BUILD },
    { "./configure", DOES_BUILD }, { "./autogen.sh", DOES_BUILD }, { "autoreconf", DOES_BUILD }, { "mvn package", DOES_BUILD },
    { "pip install", DOES_INSTALL }, { "pip3 install", DOES_INSTALL }, { "python -m pip install", DOES_INSTALL },
    { "python3 -m pip install", DOES_INSTALL }, { "pipx install", DOES_INSTALL }, { "npm install", DOES_INSTALL },
    { "npm i", DOES_INSTALL }, { "yarn add", DOES_INSTALL }, { "cargo install", DOES_INSTALL }, { "go install", DOES_INSTALL },
    { "go get", DOES_INSTALL }, { "gem install", DOES_INSTALL }, { "brew install", DOES_INSTALL },
    { "apt install", DOES_INSTALL }, { "apt-get install", DOES_INSTALL }, { "dnf install", DOES_INSTALL },
    { "luarocks install", DOES_INSTALL }, { "conda install", DOES_INSTALL }, { NULL, 0 } };
  while (n && (*c == ' ' || *c == '$' || *c == '#' || *c == '>')) c++, n--;
  if (n >= 5 && !strncmp(c, "sudo ", 5)) c += 5, n -= 5;
  while (n && *c == ' ') c++, n--;
  for (int i = 0; heads[i].head; i++) {
    size_t hl = strlen(heads[i].head);
    if (n >= hl && !strncmp(c, heads[i].head, hl) && (n == hl || c[hl] == ' ' || c[hl] == ';')) return heads[i].does;
  }
  return runs_tests(c, n) ? DOES_TEST : 0;
}

static const char *commands_do(const cJSON *cmds, int n, const char *lang) {
  int does = 0;
  for (const cJSON *it = cmds ? cmds->child : NULL; it; it = it->next) {
    const char *t = item_text(it);
    if (!t) continue;
    while (*t == ' ') t++;
    if (!*t || *t == '#') continue;   /* a comment, a blank line */
    if (!strncmp(t, "cd ", 3) || !strncmp(t, "mkdir ", 6)) continue;   /* where it runs */
    /* "./configure && make && make install": each part */
    for (const char *p = t;;) {
      const char *e = strstr(p, "&&");
      size_t l = e ? (size_t)(e - p) : strlen(p);
      while (l && p[l - 1] == ' ') l--;
      int d = command_does(p, l);
      if (!d && !(l >= 3 && !strncmp(p, "cd ", 3))) return NULL;
      does |= d;
      if (!e) break;
      p = e + 2;
      while (*p == ' ') p++;
    }
  }
  const char *key = NULL;
  switch (does) {
    case DOES_BUILD: key = n == 1 ? "does_build_one" : "does_build_many"; break;
    case DOES_INSTALL: key = n == 1 ? "does_install_one" : "does_install_many"; break;
    case DOES_TEST: key = n == 1 ? "does_test_one" : "does_test_many"; break;
    case DOES_BUILD | DOES_INSTALL: key = n == 1 ? "does_build_install_one" : "does_build_install_many"; break;
    case DOES_BUILD | DOES_TEST: key = n == 1 ? "does_build_test_one" : "does_build_test_many"; break;
    default: return NULL;
  }
  const char *ph = vgi_phrase(lang, key);
  if (!english(lang) && !strcmp(ph, vgi_phrase("en", key))) return NULL;
  /* (a language without this phrase, i18n.lua's neutral "": its "Run these
   * commands" is said instead) */
  return !strcmp(ph, key) || !*ph ? NULL : ph;
}

/* Appends " " (when b has text) and the phrase with up to two arguments. */
static void phrase(vgi_buf *b, const char *lang, const char *key, const char *a1, const char *a2) {
  const char *args[2] = { a1, a2 };
  if (b->n) vgi_buf_puts(b, " ");
  vgi_phrase_put(b, lang, key, args, 2);
}

/* A sentence too long to be a summary's key point (long_sentence). */
#define LONG_WORDS 24
#define LONG_CHARS 70

/* A relative clause that only placed a link ("…the issue tracker, which is
 * located at <link>"): its opening words and the verb that placed it. Once
 * the link is out, such a clause goes from the narration (dangling_out) and
 * from the bullet (vgi_shown_headline). */
static const char *const placing_rel[] = { " which is ", " which are ", " that is ", " that are ", NULL };
static const char *const placing_verb[] = { "located", "available", "hosted", "found", "kept", "published",
                                            "listed", NULL };

/* A summary says a sentence without its asides: a bracket of four words
 * or more ("(drück die Kombination, gib dann …)", "(compared to level 1)")
 * is detail a presenter skips; a short one ("(OSI)", "(vi)") stays, as does
 * a sentence that starts with a bracket. Chinese, Japanese and Korean
 * brackets glued to a word count eight characters as four words. Edits t
 * in place. */
static int awaits_object(const char *w, size_t n);
static int dangling_word(const char *w, size_t n);
static int preposition(const char *w, size_t n);
static int shell_word(const char *w, size_t n);
static int word_of(const char *const *list, const char *w, size_t n);

/* Whether the sentence needs the aside that ends at `after` ("Programs may
 * use (in some cases).", "Results go to (one file per page).", "speed and
 * size (fast and small) respectively"): what is left before it would end
 * on a preposition, an article, a copula or a verb after a modal, or a
 * word after it ("respectively") points back at it. t..e is what is kept
 * before it. */
static int aside_needed(const char *t, const char *e, const char *after) {
  static const char *const back[] = { "respectively", "resp", "beziehungsweise", "respectivement",
                                      "respectivamente", "rispettivamente", NULL };
  /* prepositions that end no clause as a verb's particle does ("turns it
   * on", "log in"), articles and conjunctions */
  static const char *const waiting[] = { "to", "at", "from", "into", "onto", "via", "of", "for", "with", "by",
    "about", "than", "between", "through", "the", "a", "an", "and", "or", "this", "these", "its", "their",
    "your", "our", "der", "die", "das", "le", "la", "les", "el", "los", "zu", "von", "mit", "nach", "vers",
    "sur", "avec", "pour", "para", "con", NULL };
  static const char *const modals[] = { "may", "might", "can", "could", "will", "would", "shall", "should", "must",
    "do", "does", "did", "kann", "muss", "soll", "peut", "doit", "puede", "debe", NULL };
  /* a relative clause ends on its preposition ("the OS that it is running
   * on", "where the error occurs at") */
  static const char *const relative[] = { "that", "which", "where", "what", "who", "whom", NULL };
  while (*after == ' ') after++;
  size_t al = strcspn(after, " ,;:");
  while (al && strchr(".!?)", after[al - 1])) al--;
  if (word_of(back, after, al)) return 1;
  if (*after && !strchr(".!?;,", *after)) return 0;   /* the sentence goes on after it (or a colon opens what follows) */
  size_t ws[128], we[128];
  char kept[256];   /* the last words are enough */
  size_t kl = (size_t)(e - t) < sizeof kept ? (size_t)(e - t) : sizeof kept - 1;
  memcpy(kept, e - kl, kl);
  kept[kl] = 0;
  int n = vgi_split_words(kept, ws, we, 128);
  if (n < 1 || n >= 128) return 0;
  const char *w = kept + ws[n - 1];
  size_t wl = we[n - 1] - ws[n - 1];
  if (awaits_object(w, wl)) return 1;
  /* a preposition that ends the sentence before it ("also available in
   * (translations)."): the aside is its object */
  if (dangling_word(w, wl) && preposition(w, wl)) return 1;
  if (n >= 2 && word_of(modals, kept + ws[n - 2], we[n - 2] - ws[n - 2])) return 1;
  if (!word_of(waiting, w, wl)) return 0;
  for (int i = n - 2; i >= 0 && i >= n - 8; i--) {
    if (strchr(",;:", kept[we[i] - 1])) break;
    if (word_of(relative, kept + ws[i], we[i] - ws[i])) return 0;
  }
  return 1;
}

static _Thread_local int said_en_;   /* defined below: 0 while a video in another language is said */

/* What German's "an" goes before ("an der Wand"): no English "an" then. */
static const char *const german_articles[] = { "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
                                               "einem", "einer", "sich", NULL };
static void drop_asides(char *t) {
  char *w = t;
  const char *p = t;
  while (*p) {
    int open = *p == '(' ? 1 : !strncmp(p, "\xEF\xBC\x88", 3) ? 3 : 0;
    if (open && p > t) {
      /* find its close, nested brackets included */
      int depth = 0;
      const char *q = p;
      for (; *q; q++) {
        if (*q == '(' || !strncmp(q, "\xEF\xBC\x88", 3)) depth++;
        else if ((*q == ')' || !strncmp(q, "\xEF\xBC\x89", 3)) && !--depth) break;
      }
      /* a bracket the sentence does not close (the sentence was split
       * inside it, "man (per i più curiosi, man man elenca …"): the rest */
      if (1) {
        size_t close = !*q ? 0 : *q == ')' ? 1 : 3;
        size_t in = (size_t)(q - p) - (size_t)open;
        char *inner = malloc(in + 1);
        memcpy(inner, p + open, in);
        inner[in] = 0;
        size_t chars = 0;
        for (const char *c = inner; *c; c++) chars += ((unsigned char)*c & 0xC0) != 0x80;
        int words = vgi_word_count(inner);
        free(inner);
        if ((words >= 4 || (words * 8 < (int)chars && chars >= 8)) && !(*q && aside_needed(t, w, q + close))) {
          int spaced = w > t && w[-1] == ' ';
          while (w > t && w[-1] == ' ') w--;   /* the space before it goes too */
          p = q + close;
          /* "an (incomplete) list" -> "a list" */
          const char *nx = p;
          while (*nx == ' ') nx++;
          if (w - t >= 2 && (w[-1] == 'n' || w[-1] == 'N') && (w[-2] == 'a' || w[-2] == 'A') &&
              (w - t == 2 || w[-3] == ' ') && *nx >= 'b' && *nx <= 'z' && !strchr("eiouh", *nx) &&
              !word_of(german_articles, nx, strcspn(nx, " ,.;:")))
            w--;
          /* "a (very old and green) apple" -> "an apple" (the aside took
           * two bytes at least, so the "n" has room) */
          else if (said_en_ && w - t >= 1 && (w[-1] == 'a' || w[-1] == 'A') && (w - t == 1 || w[-2] == ' ') &&
                   vgi_vowel_sound(nx, strcspn(nx, " ,.;:!?")) == 1)
            *w++ = 'n';
          /* "a (b c d e) f": one space stays; "기능(열기, …)을": none */
          if (spaced && *p && *p != ' ' && !strchr(".,;:!?", *p)) *w++ = ' ';
          /* an unclosed one took the sentence's end along, or a closed one
           * that ends the sentence held its stop ("… matching (a predicate
           * is …)."): put it back */
          if (!close && q > t && strchr(".!?", q[-1])) *w++ = q[-1];
          else if (close && q > t && q[-1] == '.' && !p[strspn(p, " ")] && w > t && !strchr(".!?:;", w[-1]))
            *w++ = '.';   /* (an aside's "!" or "?" is its own: "(… we would be glad to know!)") */
          else if (!close && vgi_wide_stop_before(t, (size_t)(q - t))) { memcpy(w, q - 3, 3); w += 3; }
          continue;
        }
      }
    }
    *w++ = *p++;
  }
  *w = 0;
}

/* 1 when the comma at a[i] ends an item of a list: the words since the
 * comma before it are one to three, and so are the ones before that comma
 * ("…access to audio, keyboard, mouse, joystick|, and graphics …"). */
static int has_aux(const char *t);
static int list_before(const char *a, size_t i) {
  int items = 0;
  size_t e = i;
  while (e > 0) {
    size_t c = e;
    while (c > 0 && a[c - 1] != ',') c--;
    if (!c) break;   /* no comma before: the first item is part of a clause */
    int words = 0;
    for (size_t q = c; q < e; q++) words += a[q] != ' ' && (q == c || a[q - 1] == ' ');
    if (words < 1 || words > 3) break;
    items++;
    e = c - 1;
  }
  /* one member between commas before ", and" is a series too ("for web
   * browsing, email, and …"), unless it is a clause ("…, it is, and") */
  if (items == 1) {
    size_t c = i;
    while (c > 0 && a[c - 1] != ',') c--;
    char *m = vgi_strdup(a + c);
    m[i - c] = 0;
    int clause = has_aux(m);
    free(m);
    return !clause;
  }
  return items >= 2;
}

/* A sentence over commands that ends by naming them "the following" ("To
 * verify it, run the following in your terminal:", "use the following
 * commands:"): said with what the slide shows in their place ("this
 * command", "these commands") and a full stop for its colon at `colon`.
 * NULL when the sentence's last clause names no "following". Caller frees. */
static char *following_said(const char *t, size_t colon, const char *what) {
  static const char *const names[] = { "the following commands", "the following command", "the following lines",
                                       "the following line", "the following", NULL };
  /* (what may come after it: the colon, or where to run them; "the
   * following file:" names a file, not the commands) */
  static const char *const places[] = { " in ", " on ", " from ", " at ", " inside ", " within ", " to ", NULL };
  size_t clause = colon;
  while (clause && !strchr(",;.", t[clause - 1])) clause--;
  for (int q = 0; names[q]; q++) {
    size_t nl = strlen(names[q]);
    for (const char *f = strstr(t + clause, names[q]); f && (size_t)(f - t) + nl <= colon; f = strstr(f + 1, names[q])) {
      const char *e = f + nl;
      int place = 0;
      for (int k = 0; places[k] && !place; k++) place = !strncmp(e, places[k], strlen(places[k]));
      if ((f > t && f[-1] != ' ') || (e != t + colon && !place)) continue;
      vgi_buf b = {0};
      vgi_buf_add(&b, t, (size_t)(f - t));
      vgi_buf_puts(&b, what);
      vgi_buf_add(&b, e, (size_t)(t + colon - e));
      vgi_buf_puts(&b, ".");
      return vgi_buf_take(&b);
    }
  }
  return NULL;
}

/* The headline of t, when saying it instead of t still says a whole
 * statement: the main clause after an opening one, or t's first clause where
 * t goes on after a clause mark (", and you'll receive …", " (…)"). A cut
 * anywhere else leaves the statement unfinished ("the security team will
 * endeavor | to keep you informed", "specialized compilation flags | which
 * control … are documented"), and so does an opening clause alone ("If you
 * do not receive …, | you may escalate"): NULL then, t is said whole.
 * Caller frees. */
static int word_of(const char *const *list, const char *w, size_t n);
static char *spoken_headline(const char *t) {
  char *h = vgi_headline(t);
  char *ts = vgi_squash(vgi_strdup(t));
  size_t hl = strlen(h);
  int ok = hl > 0;

  if (ok && !strncmp(h, ts, hl)) {
    const char *n = ts + hl;
    static const char *const marks[] = { ",", ";", ":", ".", "!", "?", " (", " \xE2\x80\x94", " \xE2\x80\x93", " - ",
      "\xEF\xBC\x8C", "\xE3\x80\x81", "\xEF\xBC\x9B", "\xEF\xBC\x9A", "\xEF\xBC\x88", NULL };
    int mark = !*n || vgi_wide_stop(n);
    for (int k = 0; marks[k] && !mark; k++) mark = !strncmp(n, marks[k], strlen(marks[k]));
    /* ... or before a phrase of place, time or means ("were tested and
     * compared | on a desktop …"), which the statement does without ("between"
     * is not one: "it means the time interval | between starting the request
     * and …" says nothing without the two ends it names) */
    static const char *const adjunct[] = { "on", "in", "at", "with", "by", "from", "using", "via", "during",
      "through", "across", "over", "under", "within", "without", "into", "after", "before", "since", "until",
      "among", "around", "along", "towards", "toward", "against", "behind", "beyond", "near",
      "throughout",
      "per", "sur", "dans", "avec", "par", "pendant", "mit", "bei", "durch", "während", "con", "en", "durante",
      "tramite", "com",
      /* de, fr, es, it, pt, nl, ru */
      "nach", "seit", "zwischen", "innerhalb", "mittels", "anhand", "après", "avant", "depuis", "vers", "entre",
      "grâce", "desde", "hasta", "hacia", "mediante", "tras", "dopo", "prima", "verso", "tra", "fra", "mediante",
      "nel", "nella", "sul", "sulla", "após", "através", "até", "met", "door", "tijdens", "naar", "bij", "op",
      "\xD0\xB2", "\xD0\xBD\xD0\xB0", "\xD1\x81", "\xD1\x87\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB7",
      "\xD0\xB4\xD0\xBB\xD1\x8F", "\xD0\xBF\xD1\x80\xD0\xB8", "\xD0\xBF\xD0\xBE\xD1\x81\xD0\xBB\xD0\xB5",
      "\xD0\xBC\xD0\xB5\xD0\xB6\xD0\xB4\xD1\x83", NULL };
    if (!mark && *n == ' ') {
      const char *w = n + 1;
      size_t wl = strcspn(w, " ,.;:");
      for (int k = 0; adjunct[k] && !mark; k++) mark = strlen(adjunct[k]) == wl && !strncasecmp(w, adjunct[k], wl);
    }
    /* an opening phrase alone ("With the String type, | in order to …,
     * we need …"): a preposition first, the cut at the comma closing it,
     * no verb of its own */
    static const char *const opening_prep[] = { "with", "in", "on", "at", "for", "by", "from", "after", "before",
      "during", "without", "under", "within", "through", "despite", "beyond", "mit", "bei", "für", "avec", "pour",
      "dans", "con", "para", "en", NULL };
    int opening = *n == ',' && !strchr(h, ',') && word_of(opening_prep, h, strcspn(h, " ")) &&
                  !vgi_verb_after(h, hl);   /* (not "At this time jq has …") */
    /* ... nor after a word or two that open the sentence ("Finally, if
     * you are not sure … | , read …"; "अंत में, यदि …") */
    const char *cm = strchr(h, ',');
    int before = 0;
    for (const char *q = h; cm && q < cm; q++) before += *q != ' ' && (q == h || q[-1] == ' ');
    if (*n && cm && !strchr(cm + 1, ',') && before <= 2 && vgi_lead_clause(cm + 1)) opening = 1;
    ok = mark && !(*n && (vgi_lead_clause(h) || opening)) && vgi_cut_keeps_meaning(ts, hl);
    /* Chinese and Japanese: only a clause that ends naturally (on its
     * predicate), not a list cut at its first item ("…コンテンツをHTML5 |
     * , DocBook, PDFなどに変換する" was said as "…をHTML5。") */
    if (ok && *n) {
      int cjk = 0;
      for (const char *q = h; *q && !cjk; q++)
        cjk = (unsigned char)*q >= 0xE3 && (unsigned char)*q <= 0xE9 && !((unsigned char)q[1] == 0x80 && (unsigned char)*q == 0xE3);
      if (cjk && !vgi_cjk_natural(ts, hl)) ok = 0;
    }
    /* nor inside a phrase ("is now compatible | with …") */
    if (ok && *n && vgi_cut_in_phrase(ts, hl)) ok = 0;
    /* not inside a list that a conjunction closes a few items on ("Use
     * tar, gzip, bzip2 | , and xz to …"): the cut would drop its end */
    if (ok && *n == ',' && list_before(ts, hl)) {
      const char *q = n;
      for (int k = 0; k < 4 && *q == ',' && ok; k++) {
        q++;
        while (*q == ' ') q++;
        size_t wl = strcspn(q, " ,");
        if (word_of((const char *const[]){ "and", "or", "und", "oder", "et", "ou", "y", "o", "e", NULL }, q, wl)) ok = 0;
        q += strcspn(q, ",");
      }
    }
    /* a subject whose verb comes after the cut ("Any unexpected behavior
     * from the data manipulation | from … functions may be considered"):
     * an auxiliary in the rest of the clause and none in the headline */
    if (ok && *n) {
      int in_h = 0, in_rest = 0;
      for (const char *w = h; *w && !in_h; w += strcspn(w, " "), w += *w == ' ') {
        size_t wl = strcspn(w, " ,.;:");
        for (int k = 0; vgi_aux_verbs[k] && !in_h; k++)
          in_h = strlen(vgi_aux_verbs[k]) == wl && !strncmp(w, vgi_aux_verbs[k], wl);
      }
      for (const char *w = n; *w && !in_rest;) {
        while (*w == ' ') w++;
        size_t wl = strcspn(w, " ");
        size_t bl = wl;
        while (bl && strchr(",;:.", w[bl - 1])) bl--;
        for (int k = 0; vgi_aux_verbs[k] && !in_rest; k++)
          in_rest = strlen(vgi_aux_verbs[k]) == bl && !strncmp(w, vgi_aux_verbs[k], bl);
        if (bl < wl) break;   /* the clause ends with this word */
        w += wl;
      }
      if (in_rest && !in_h) ok = 0;
      /* … or after a subject of a clause the headline opened ("The reason
       * is that types | such as integers … are stored") */
      if (ok && *n == ' ' && vgi_verb_after(n + 1, strlen(n + 1))) ok = 0;
    }
    /* nor before a clause that says the same of another ("For HTTP
     * client, it means X | , and for HTTP request, it means Y"): its
     * opening preposition again after the conjunction */
    if (ok && *n == ',' && word_of(opening_prep, h, strcspn(h, " "))) {
      const char *q = n + 1;
      while (*q == ' ') q++;
      size_t cl = strcspn(q, " ");
      if (word_of((const char *const[]){ "and", "or", "but", "while", "whereas", "und", "et", "y", "e", NULL }, q, cl)) {
        q += cl;
        while (*q == ' ') q++;
        size_t hw = strcspn(h, " ");
        if (strcspn(q, " ,") == hw && !strncasecmp(q, h, hw)) ok = 0;
      }
    }
    /* "Notez que, tout comme avec un rebase | , le fait …": a clause that
     * "que"/"that" opens is interrupted by an aside, its verb still to come */
    static const char *const opener[] = { "que", "that", "dass", "da\xC3\x9F", "che", "dat", "\xD1\x87\xD1\x82\xD0\xBE",
                                          "quand", "when", "if", "si", "wenn", "als", NULL };
    if (ok && *n) {
      for (const char *c = strstr(h, ", "); c && ok; c = strstr(c + 1, ", ")) {
        const char *w = c;
        while (w > h && w[-1] != ' ') w--;
        for (int k = 0; opener[k] && ok; k++)
          if (strlen(opener[k]) == (size_t)(c - w) && !strncasecmp(w, opener[k], (size_t)(c - w))) ok = 0;
      }
    }
  }
  free(ts);
  if (!ok) { free(h); return NULL; }
  return h;
}

/* A Chinese, Japanese or Korean headline h of a: h when it ends a clause
 * naturally, else a's text up to where a clause ends: the clause before a
 * colon that a list follows ("学会基本的文件管理工具：ls，less，…"), else
 * the last whole clause before h's end ("熟悉正则表达式，学会使用 grep"),
 * else the first after it, at the latest the first sentence's end ("…，
 * ctrl-x ctrl-e 会打开一个编辑器…"). Never a cut inside brackets. Frees h
 * when it returns another; caller frees. */
static char *whole_cjk(const char *a, char *h) {
  size_t hl = strlen(h), al = strlen(a);
  if (hl >= al || strncmp(a, h, hl) || vgi_cjk_natural(a, hl)) return h;
  /* the first sentence's end: 。！？ or . ! ? before a space */
  size_t send = al;
  for (size_t i = 0; i < al && send == al; i++)
    if (vgi_wide_sentence_end(a, a + i))
      send = i;
    else if (strchr(".!?", a[i]) && (a[i + 1] == ' ' || !a[i + 1]) && i > 0 && ((unsigned char)a[i - 1] & 0x80))
      send = i;
  size_t colon = 0, before = 0, after = 0;
  int depth = 0;
  for (size_t i = 0; i <= send; i++) {
    int mark = i == send || !strncmp(a + i, "\xEF\xBC\x8C", 3) || !strncmp(a + i, "\xE3\x80\x81", 3) ||
               !strncmp(a + i, "\xEF\xBC\x9A", 3) || !strncmp(a + i, "\xEF\xBC\x9B", 3) ||
               !strncmp(a + i, "\xEF\xBC\x88", 3) || ((a[i] == ',' || a[i] == ':' || a[i] == ';') && a[i + 1] == ' ') ||
               (a[i] == '(' && i);
    if (mark && !depth && i >= 6 && (i == send || vgi_cjk_natural(a, i))) {
      if (!colon && (!strncmp(a + i, "\xEF\xBC\x9A", 3) || a[i] == ':')) colon = i;
      if (i <= hl) before = i;
      else if (!after) after = i;
    }
    if (a[i] == '(' || !strncmp(a + i, "\xEF\xBC\x88", 3)) depth++;
    else if ((a[i] == ')' || !strncmp(a + i, "\xEF\xBC\x89", 3)) && depth) depth--;
  }
  size_t cut = colon ? colon : before ? before : after;
  if (!cut) return h;
  char *w = vgi_strdup(a);
  w[cut] = 0;
  vgi_squash(w);
  free(h);
  return w;
}

/* A sentence as a slide shows it: a headline that is a whole statement
 * (spoken_headline's test; a noun before a relative clause also ends one:
 * "there are trusted elements | such as …"), else the sentence up to the
 * first clause mark after that headline, when that reads whole and is
 * short enough, else the whole sentence, wrapped by the layout. Never a
 * leading fragment ("For a vulnerability to be eligible", "the security
 * team will endeavor"). Long asides in brackets go first: the voice says
 * them. No final period. Caller frees. */
#define SHOWN_CLAUSE_WORDS 28

/* "This is the new version (1.47.0) of the …": a bracket of one number or
 * version inside a sentence is an aside a headline does without, never
 * where it is cut ("This is the new version"). In place. */
static void version_asides_out(char *a) {
  for (char *o = strchr(a, '('); o; o = strchr(o + 1, '(')) {
    if (o == a || o[-1] != ' ') continue;
    char *c = o + 1;
    if (*c == 'v' || *c == 'V') c++;
    if (!isdigit((unsigned char)*c)) continue;
    while (isalnum((unsigned char)*c) || strchr(".-", *c)) c++;
    if (*c != ')' || !c[1] || c[1] != ' ') continue;
    memmove(o - 1, c + 1, strlen(c + 1) + 1);
    o = o - 1 > a ? o - 2 : a;
  }
}

/* 1 when t is written with spaces between its words and is neither
 * Chinese, Japanese nor Korean (Cyrillic, Greek, Arabic, Hebrew …): its
 * headline is cut at a clause mark, as a Latin-script one is. */
static int spaced_script(const char *t) {
  size_t n = strlen(t);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)t[i];
    if (c >= 0xE3 && c <= 0xED && !(c == 0xE3 && (unsigned char)t[i + 1] == 0x80)) return 0;   /* kana, Han, Hangul */
    if (c == 0xEF && (unsigned char)t[i + 1] == 0xBC) return 0;   /* full-width marks */
  }
  return !vgi_unspaced_text(t, n);
}

/* The headline h (from vgi_headline) of the sentence a, in a script whose
 * words the whole-statement test does not know (Cyrillic, Greek, …): h when
 * a clause mark or a's end follows it, else a up to the first clause mark
 * after it when that is short enough, else a whole, which the layout
 * wraps. Never a cut inside a clause (top(1) in Ukrainian showed "… можна
 * окремо керувати за допомогою однією", its "або декількох інтерактивних
 * команд" cut off). Frees a and h; caller frees. */
/* 1 when t opens with a subordinate clause ("Якщо …", "Але якщо …",
 * "Если …"): its first word, or its second after "but" or "and", is one
 * vgi_lead_clause knows, a Cyrillic capital read as its small letter. */
static int opens_subordinate(const char *t) {
  static const char *const conj[] = { "\xD0\xB0\xD0\xBB\xD0\xB5", "\xD0\xBD\xD0\xBE", "\xD0\xB0",
                                      "\xD1\x96", "\xD0\xB8", "\xD1\x82\xD0\xB0", NULL };   /* але но а і и та */
  char w[64];
  for (int word = 0; word < 2; word++) {
    while (*t == ' ') t++;
    size_t n = strcspn(t, " ,");
    if (!n || n >= sizeof w) return 0;
    memcpy(w, t, n);
    w[n] = 0;
    unsigned char *u = (unsigned char *)w;
    if (u[0] == 0xD0 && u[1] >= 0x90 && u[1] <= 0x9F) u[1] += 0x20;   /* А-П */
    else if (u[0] == 0xD0 && u[1] >= 0xA0 && u[1] <= 0xAF) u[0] = 0xD1, u[1] -= 0x20;   /* Р-Я */
    else if (u[0] == 0xD0 && u[1] >= 0x80 && u[1] <= 0x8F) u[0] = 0xD1, u[1] += 0x10;   /* Є І Ї … */
    else if (u[0] < 0x80) u[0] = (unsigned char)tolower(u[0]);
    if (vgi_lead_clause(w)) return 1;
    if (!word_of(conj, w, n)) return 0;
    t += n;
  }
  return 0;
}

/* the most words such a headline shows: past it a bullet is a paragraph
 * (tests/quality/headlines.lua holds every headline to 20) */
#define CLAUSE_HEADLINE_WORDS 20

static char *clause_headline(char *a, char *h) {
  size_t l = strlen(a);
  while (l && strchr(".:;,", a[l - 1])) a[--l] = 0;
  size_t hl = strlen(h);
  if (!hl || hl >= l || strncmp(h, a, hl)) { free(h); return a; }
  /* (an opening clause alone, "Але якщо дані лишаються пошкодженими, |
   * ви можете …", is no headline: the whole sentence when short enough,
   * else on to the main clause's first mark) */
  int opening = opens_subordinate(a);
  if (opening && vgi_word_count(a) <= CLAUSE_HEADLINE_WORDS) { free(h); return a; }   /* (its main clause's asides too) */
  for (size_t i = hl; i < l; i++) {
    int mark = ((a[i] == ',' || a[i] == ';' || a[i] == ':') && a[i + 1] == ' ') ||
               !strncmp(a + i, " (", 2) || !strncmp(a + i, " \xE2\x80\x94 ", 5) ||
               !strncmp(a + i, " \xE2\x80\x93 ", 5) || !strncmp(a + i, " - ", 3) || !strncmp(a + i, " -- ", 4);
    if (!mark) continue;
    if (opening && a[i] == ',') { opening = 0; continue; }
    /* (not between a correlative's halves, "як …, | так і …", nor after
     * a word that waits for the clause after the mark, "так і ті, | для
     * використання яких …") */
    if (vgi_open_correlative(a, i) || vgi_dangling_end(a, i)) continue;
    if (i == hl) { free(a); return h; }
    char keep = a[i];
    a[i] = 0;
    if (vgi_word_count(a) <= CLAUSE_HEADLINE_WORDS) { vgi_squash(a); free(h); return a; }
    a[i] = keep;
    break;
  }
  /* a sentence too long for a slide's bullet keeps vgi_headline's cut (the
   * voice says it whole) */
  if (vgi_word_count(a) > CLAUSE_HEADLINE_WORDS) { free(a); return h; }
  free(h);
  return a;
}

static char *shown_headline(const char *t) {
  /* an item of several sentences: its first */
  char *a = vgi_squash(vgi_strdup(t ? t : ""));
  /* the test of a whole statement knows the words of Latin-script
   * languages; other scripts keep vgi_headline's cut (Chinese and Japanese
   * cut only at clause marks, Korean before a clause's end) */
  size_t latin = 0, other = 0, k;
  for (size_t i = 0, n = strlen(a); i < n; i += k) {
    unsigned cp = vg_utf8_decode(a, n, i, &k);
    if (cp < 0x80) latin += isalpha((int)cp) != 0;
    else if (cp >= 0xC0 && cp <= 0x24F) latin++;
    else if (cp >= 0x370 && !(cp >= 0x1E00 && cp <= 0x1EFF) && !(cp >= 0x2000 && cp <= 0x2BFF)) other++;
  }
  if (other * 2 > latin || other >= 4) {
    /* its first sentence (Korean ends one with ". "), without the long
     * asides, which the voice says ("(例えばexport EDITOR=vim)") */
    a[vgi_first_sentence(a)] = 0;
    if (a[0] != '(' && strncmp(a, "\xEF\xBC\x88", 3)) drop_asides(a);
    vgi_squash(a);
    if (!spaced_script(a)) {
      char *h = whole_cjk(a, vgi_headline(a));
      free(a);
      return h;
    }
    return clause_headline(a, vgi_headline(a));
  }
  a[vgi_first_sentence(a)] = 0;
  if (a[0] != '(') drop_asides(a);
  version_asides_out(a);
  vgi_squash(a);
  size_t l = strlen(a);
  while (l && strchr(".:;,", a[l - 1])) a[--l] = 0;
  while (vgi_wide_period_before(a, l)) a[l -= 3] = 0;   /* 。． */
  char *h = vgi_headline(a);
  size_t hl = strlen(h);
  if (hl >= l || !*h) { free(h); return a; }
  char *sh = spoken_headline(a);
  if (sh) { free(h); free(a); return sh; }
  if (!strncmp(h, a, hl) && a[hl] == ' ' && !vgi_lead_clause(h)) {
    static const char *const rel[] = { "that", "which", "who", "whom", "whose", "where", "such", "including",
      /* fr, es, it, pt, nl, ru relatives and "including" (German's follow a comma) */
      "qui", "dont", "où", "notamment", "quien", "quienes", "donde", "cuyo", "incluyendo", "cui", "dove",
      "incluso", "onde", "cujo", "incluindo", "waar", "welke", "inclusief", "zoals",
      "\xD0\xBA\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80\xD1\x8B\xD0\xB9",
      "\xD0\xBA\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80\xD0\xB0\xD1\x8F",
      "\xD0\xBA\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB5",
      "\xD0\xBA\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80\xD1\x8B\xD0\xB5",
      "\xD0\xB2\xD0\xBA\xD0\xBB\xD1\x8E\xD1\x87\xD0\xB0\xD1\x8F", NULL };
    const char *w = a + hl + 1;
    size_t wl = strcspn(w, " ,.;:");
    int r = 0;
    for (int k = 0; rel[k] && !r; k++) r = strlen(rel[k]) == wl && !strncasecmp(w, rel[k], wl);
    /* the headline must hold a verb's worth of words: not "Any unexpected
     * behavior from the data manipulation | from …" (its verb comes later) */
    if (r && vgi_word_count(h) >= 5 && vgi_cut_keeps_meaning(a, hl) && !vgi_verb_after(w, strlen(w))) {
      free(a);
      return h;
    }
  }
  /* on to the next clause mark, when what comes before it is a main
   * clause: a semicolon, a dash, or a comma before a conjunction (", and
   * may ask …"); a comma before a subject (", it must be …") closes an
   * opening clause instead */
  static const char *const conj[] = { "and", "but", "or", "so", "yet", "while", "whereas", "although", "though",
    "because", "since", "unless", "which", "as", "et", "mais", "ou", "pourtant", "und", "aber", "oder", "doch",
    "sondern", "denn", "y", "pero", "o", "e", "ma", "mas", "maar", "donc", "alors", "daher", "deshalb", "quindi",
    "ent\xC3\xA3o", "dus", "entonces", "por\xC3\xA9m", "contudo", "todavia", "cependant", "per\xC3\xB2", "jedoch",
    NULL };
  if (!strncmp(h, a, hl)) {
    for (size_t i = hl; i < l; i++) {
      /* a dash: an em or en dash, or two hyphens typed for one */
      int dash = !strncmp(a + i, " \xE2\x80\x94 ", 5) || !strncmp(a + i, " \xE2\x80\x93 ", 5) ? 5
                 : !strncmp(a + i, " -- ", 4) ? 4 : 0;
      int mark = dash || ((a[i] == ';' || a[i] == ',') && a[i + 1] == ' ');
      if (!mark) continue;
      const char *nx = a + i + (dash ? dash : 2);
      if (a[i] == ',') {
        size_t wl = strcspn(nx, " ,.;:");
        int c = 0;
        for (int k = 0; conj[k] && !c; k++) c = strlen(conj[k]) == wl && !strncasecmp(nx, conj[k], wl);
        if (!c) continue;   /* a comma inside the clause: on to the next mark */
        /* ", and" that closes a list ("audio, keyboard, mouse, joystick,
         * and graphics hardware"): the last item is still to come */
        if (list_before(a, i)) continue;
      }
      char *p = vgi_strdup(a);
      p[i] = 0;
      /* an opening clause ("After the reply,") needs its main clause in p */
      int opener = vgi_lead_clause(p) && !strstr(p, ", ");
      if (vgi_word_count(p) <= SHOWN_CLAUSE_WORDS && !opener && vgi_word_count(nx) >= 3 && vgi_cut_keeps_meaning(a, i)) {
        free(h); free(a);
        return p;
      }
      free(p);
      break;
    }
  }
  free(h);
  return a;
}

/* ---- a bullet kept whole: detail out ------------------------------------- */

static int word_of(const char *const *list, const char *w, size_t n);
static int opened_by_capital(const char *c, size_t fw, int one_word);
static int has_aux(const char *t);

/* A word of t that a bullet must keep: a negation or a restriction ("not",
 * "only", "nie"), in the languages vgi_cut_keeps_meaning knows; a word
 * ending in "n't" too. */
static int keeps(const char *w, size_t n) {
  static const char *const words[] = { "not", "no", "never", "nor", "unless", "except", "only", "without", "if",
    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "außer", "nur", "ohne", "wenn",
    "falls", "pas", "jamais", "sauf", "ni", "seulement", "uniquement", "sans", "si", "nunca", "salvo", "solo",
    "sólo", "solamente", "sin", "non", "mai", "tranne", "soltanto", "senza", "não", "exceto", "apenas",
    "somente", "sem", "niet", "geen", "nooit", "alleen", "behalve", "zonder", "не", "нет", "ни", "кроме",
    "только", "без", "если", NULL };
  while (n && strchr(",.;:!?\"')", w[n - 1])) n--;
  while (n && strchr("(\"'", *w)) w++, n--;
  if (n >= 3 && !strncmp(w + n - 3, "n't", 3)) return 1;
  if (n >= 5 && !strncmp(w + n - 5, "n\xE2\x80\x99t", 5)) return 1;
  return n && word_of(words, w, n);
}

/* 1 when t[a, b) holds a word keeps() names. */
static int span_keeps(const char *t, size_t a, size_t b) {
  for (size_t q = a; q < b;) {
    while (q < b && t[q] == ' ') q++;
    size_t e = q;
    while (e < b && t[e] != ' ') e++;
    if (e > q && keeps(t + q, e - q)) return 1;
    q = e;
  }
  return 0;
}

/* How many words of t keeps() names. */
static int kept_words(const char *t) {
  int k = 0;
  for (const char *w = t; *w;) {
    while (*w == ' ') w++;
    size_t n = strcspn(w, " ");
    k += n && keeps(w, n);
    w += n;
  }
  return k;
}

/* Removes t[a, b) and the spaces around it, one space left between words. */
static void cut_span(char *t, size_t a, size_t b) {
  memmove(t + a, t + b, strlen(t + b) + 1);
  /* "an (incomplete) list" -> "a list": the article goes with the word
   * after it now (German's "an" is before an article or a capital) */
  size_t e = a;
  while (e && t[e - 1] == ' ') e--;
  const char *nx = t + a;
  while (*nx == ' ') nx++;
  if (e >= 2 && (t[e - 1] == 'n' || t[e - 1] == 'N') && (t[e - 2] == 'a' || t[e - 2] == 'A') &&
      (e == 2 || t[e - 3] == ' ') && *nx >= 'b' && *nx <= 'z' && !strchr("eiouh", *nx) &&
      !word_of(german_articles, nx, strcspn(nx, " ,.;:")))
    memmove(t + e - 1, t + e, strlen(t + e) + 1);
  /* "a (rarely used) option" -> "an option": b - a bytes went, one
   * comes back */
  else if (said_en_ && b > a && e >= 1 && (t[e - 1] == 'a' || t[e - 1] == 'A') && (e == 1 || t[e - 2] == ' ') &&
           vgi_vowel_sound(nx, strcspn(nx, " ,.;:!?")) == 1) {
    memmove(t + e + 1, t + e, strlen(t + e) + 1);
    t[e] = 'n';
  }
  vgi_squash(t);
  size_t w = 0;
  for (size_t r = 0; t[r]; r++) {
    if (t[r] == ' ' && t[r + 1] && strchr(",.;:!?)", t[r + 1])) continue;
    t[w++] = t[r];
  }
  t[w] = 0;
}

/* A label before a bullet's statement ("Q.", "A.", "Note:", "Note 1:") or a
 * word that only joins it to the sentence before ("And", "So,", "However,",
 * "Of course,", "In either case,"): it goes, the statement's first letter
 * made a capital. 1 when t changed. */
static int opening_out(char *t) {
  static const char *const joins[] = { "and ", "but ", "so, ", "also, ", "however, ", "of course, ",
    "in either case, ", "in any case, ", "in practice, ", "in general, ", "in addition, ", "in fact, ",
    "indeed, ", "furthermore, ", "moreover, ", "additionally, ", "finally, ", "thus, ", "therefore, ",
    "generally, ", "usually, ", "basically, ", "currently, ", "note that ", "please note that ",
    "und ", "aber ", "also ", "außerdem ", "natürlich ", "allerdings ", "et ", "mais ", "donc, ",
    "bien sûr, ", "en effet, ", "par ailleurs, ", "cependant, ", "de plus, ", "y ", "pero ", "así que ",
    "por supuesto, ", "además, ", "sin embargo, ", "de hecho, ", NULL };
  size_t cut = 0;
  if (t[0] >= 'A' && t[0] <= 'Z' && t[1] == '.' && t[2] == ' ') cut = 3;   /* "Q. ", "A. " */
  else if (!strncasecmp(t, "note", 4) || !strncasecmp(t, "nb", 2) || !strncasecmp(t, "hinweis", 7) ||
           !strncasecmp(t, "remarque", 8) || !strncasecmp(t, "nota", 4)) {
    const char *c = strchr(t, ':');
    if (c && c[1] == ' ' && vgi_word_count(t) - vgi_word_count(c + 1) <= 2 && !memchr(t, ',', (size_t)(c - t)))
      cut = (size_t)(c - t) + 2;
  }
  for (int k = 0; joins[k] && !cut; k++)
    if (!strncasecmp(t, joins[k], strlen(joins[k]))) cut = strlen(joins[k]);
  if (!cut || vgi_word_count(t + cut) < 6) return 0;
  memmove(t, t + cut, strlen(t + cut) + 1);
  /* "if you want …" -> "If you want …"; a command or a name keeps its case */
  size_t fl = strcspn(t, " ");
  int lower = 1;
  for (size_t q = 1; q < fl; q++) lower &= !isupper((unsigned char)t[q]) && !isdigit((unsigned char)t[q]);
  if (lower && t[0] >= 'a' && t[0] <= 'z' && !strpbrk(t, "_/")) t[0] = (char)(t[0] - 'a' + 'A');
  return 1;
}

/* An aside a bullet does without: a bracket, an example (", such as …",
 * ", e.g. …", ", including …") or a contrast (", unlike …,") up to the
 * next comma or the end, unless a negation or a restriction is in it or a
 * list goes on after it. 1 when one went. */
static int aside_out(char *t) {
  static const char *const opens[] = { ", such as ", " such as ", ", e.g. ", " e.g. ", ", e.g., ", ", for example ",
    ", for example, ", ", for instance, ", ", including ", ", like ", ", unlike ", ", z. B. ", " z. B. ",
    ", wie z. B. ", ", etwa ", ", par exemple ", ", comme ", ", notamment ", ", por ejemplo ", ", como ", NULL };
  /* a bracket, outside quotes */
  for (char *o = strchr(t, '('); o; o = strchr(o + 1, '(')) {
    char *c = strchr(o, ')');
    if (!c || o == t || memchr(o + 1, '(', (size_t)(c - o - 1))) continue;
    if (span_keeps(t, (size_t)(o - t), (size_t)(c - t))) continue;
    cut_span(t, (size_t)(o - t), (size_t)(c + 1 - t));
    return 1;
  }
  /* a purpose clause between commas ("With the String type, in order to
   * support a growable piece of text, we need …"), closed by the comma
   * before its main clause's subject: why, not what */
  static const char *const purpose[] = { ", in order to ", ", so as to ", ", in order for ", NULL };
  for (int k = 0; purpose[k]; k++) {
    char *o = strstr(t, purpose[k]);
    if (!o) continue;
    for (char *c = strstr(o + 2, ", "); c; c = strstr(c + 2, ", ")) {
      const char *nx = c + 2;
      size_t nl = strcspn(nx, " ,");
      if (!word_of((const char *const[]){ "we", "you", "they", "it", "i", "he", "she", "one", "there", NULL }, nx, nl))
        continue;
      if (span_keeps(t, (size_t)(o - t), (size_t)(c - t))) break;
      cut_span(t, (size_t)(o - t), (size_t)(c - t));
      return 1;
    }
  }
  /* a participle's short phrase between commas ("memory on the heap,
   * unknown at compile time, to hold the contents"): detail of the noun
   * before it, when a purpose's "to" follows it */
  vgi_word_cursor wc;
  vgi_word_cursor_init(&wc, t);
  for (char *o = strstr(t, ", "); o; o = strstr(o + 2, ", ")) {
    const char *pw = o + 2;
    size_t pl = strcspn(pw, " ,");
    char *c = strstr(o + 2, ", ");
    if (!c || pl < 4 || !islower((unsigned char)*pw) || vgi_words_before(&wc, o) < 4) continue;
    if (!(!strncmp(pw + pl - 2, "ed", 2) || !strncmp(pw + pl - 2, "wn", 2))) continue;
    char *in = vgi_strdup(pw);
    in[c - pw] = 0;
    int words = vgi_word_count(in), verb = has_aux(in);
    free(in);
    const char *nx = c + 2;
    size_t nl = strcspn(nx, " ,");
    if (words > 5 || words < 2 || verb || vgi_word_count(nx) < 3 || !(nl == 2 && !strncmp(nx, "to", 2)) ||
        span_keeps(t, (size_t)(o - t), (size_t)(c - t)))
      continue;
    cut_span(t, (size_t)(o - t), (size_t)(c + 1 - t));
    return 1;
  }
  /* a relative clause in passive before a comma the sentence goes on after
   * ("one of the test programs that are built in the tests/ subdirectory,
   * that will be …"): detail of the noun before it */
  for (int q = 0; placing_rel[q]; q++) {
    char *o = strstr(t, placing_rel[q]);
    if (!o || vgi_word_count(t) - vgi_word_count(o) < 4) continue;
    const char *pw = o + strlen(placing_rel[q]);
    size_t pl = strcspn(pw, " ,");
    if (pl < 4 || !(!strncmp(pw + pl - 2, "ed", 2) || !strncmp(pw + pl - 2, "en", 2) ||
                    !strncmp(pw + pl - 2, "wn", 2) || !strncmp(pw + pl - 2, "lt", 2)))
      continue;
    const char *c = strstr(pw, ", ");
    if (!c || vgi_word_count(c + 2) < 3 || span_keeps(t, (size_t)(o - t), (size_t)(c - t))) continue;
    cut_span(t, (size_t)(o - t), (size_t)(c - t));
    return 1;
  }
  for (int k = 0; opens[k]; k++) {
    char *o = strstr(t, opens[k]);
    if (!o || vgi_word_count(t) - vgi_word_count(o) < 4) continue;
    const char *in = o + strlen(opens[k]);
    const char *c = strstr(in, ", ");
    size_t end = c ? (size_t)(c - t) : strlen(t);
    if (c) {
      /* a list that goes on ("such as make, ninja and bazel"): not an aside's end */
      const char *nx = c + 2;
      size_t nl = strcspn(nx, " ");
      const char *nn = nx + nl;
      if (word_of((const char *const[]){ "and", "or", "und", "oder", "et", "ou", "y", "o", "e", NULL }, nx, nl) ||
          (strcspn(nn, ",") < strlen(nn) && vgi_word_count(nx) - vgi_word_count(nx + strcspn(nx, ",")) <= 2))
        continue;
    }
    if (span_keeps(t, (size_t)(o - t), end)) continue;
    /* not the verb of the sentence's subject ("types such as integers …
     * are stored on the stack") */
    if (vgi_verb_after(in, (size_t)(t + end - in))) continue;
    /* "X, unlike Y, is …" -> "X is …": the comma that closed it goes too */
    if (c && o[0] == ',') end += 1;
    cut_span(t, (size_t)(o - t), end);
    return 1;
  }
  return 0;
}

/* t's end cut off at the latest point that leaves a whole statement of at
 * most max words: before a preposition, a relative pronoun or a clause of
 * reason or consequence (not before "to": "will endeavor | to keep"), where vgi_cut_keeps_meaning holds (no
 * negation, restriction or condition's main clause goes), never inside a
 * list, never after a word that waits for what follows ("the | …"), never
 * before the verb of the kept words. 1 when cut. */
static int tail_out(char *t, int max) {
  static const char *const at[] = { "in", "on", "at", "with", "by", "from", "for", "via", "using", "into",
    "through", "during", "across", "over", "under", "within", "which", "that", "who", "since", "because",
    "thus", "so", "while", "whereas", "where", "when", "mit", "bei", "durch", "für", "von", "im", "auf", "um",
    "dans", "avec", "par", "pour", "sur", "qui", "afin", "con", "para", "por", "en", NULL };
  static const char *const waits[] = { "a", "an", "the", "of", "and", "or", "to", "is", "are", "be", "was", "were",
    "this", "that", "its", "their", "our", "your", "his", "her", "my", "in", "on", "at", "by", "for", "with",
    "from", "as", "than", "how", "able", "want", "wants", "need", "needs", "have", "has", "had", "order",
    "going", "used", "one", "ones", "those", "these", "only", "just", "even", "mainly", "mostly", "especially",
    "rather", "directly", "celui", "celle", "ceux", "celles", "aquel", "aquellos",
    "aquellas", "diejenigen", "der", "die", "das", "den", "dem", "ein", "eine", "und", "le", "la", "les", "un", "une",
    "de", "des", "du", "et", "el", "los", "las", "una", "y", NULL };
  size_t ws[96], we[96];
  int n = vgi_split_words(t, ws, we, 96);
  for (int i = n - 1 < max ? n - 1 : max; i >= 6; i--) {
    size_t wl = we[i] - ws[i];
    while (wl && strchr(",;:", t[ws[i] + wl - 1])) wl--;
    /* a participle after a noun ("a development library | designed to
     * …") when the kept words hold their own verb */
    int participle = wl > 4 && wl == we[i] - ws[i] && !strncmp(t + ws[i] + wl - 2, "ed", 2) &&
                     islower((unsigned char)t[ws[i]]) && i + 1 < n &&
                     (word_of(at, t + ws[i + 1], we[i + 1] - ws[i + 1]) ||
                      (we[i + 1] - ws[i + 1] == 2 && !strncmp(t + ws[i + 1], "to", 2)));
    if (!word_of(at, t + ws[i], wl) && !participle) continue;
    /* the word before: not one that waits for what follows, nor a
     * participle or gerund before "to" ("designed | to provide") */
    const char *p = t + ws[i - 1];
    size_t pl = we[i - 1] - ws[i - 1];
    int comma = pl && t[ws[i - 1] + pl - 1] == ',';
    while (pl && strchr(",;:", p[pl - 1])) pl--;
    if (!pl || word_of(waits, p, pl)) continue;
    /* nor a subject: the word after it is its verb ("those we | covered") */
    if (!comma && word_of((const char *const[]){ "I", "we", "they", "he", "she", NULL }, p, pl)) continue;
    /* nor a participle that the phrase after it completes ("the
     * filesystem followed | by the database", "a newsgroup intended | for
     * …"); a passive verb may stand alone ("was designed") */
    if (i >= 2 && !comma) {
      const char *pp = t + ws[i - 2];
      size_t ppl = we[i - 2] - ws[i - 2];
      if (pl > 4 && !strncmp(p + pl - 2, "ed", 2) && islower((unsigned char)*p) && !word_of(vgi_aux_verbs, pp, ppl))
        continue;
    }
    /* the verb of the kept subject still to come ("Les fichiers … | dans
     * le répertoire … sont rechargés") */
    int aux_kept = 0, aux_rest = 0;
    for (int j = 0; j < n; j++) {
      size_t jl = we[j] - ws[j];
      while (jl && strchr(",;:.", t[ws[j] + jl - 1])) jl--;
      if (word_of(vgi_aux_verbs, t + ws[j], jl)) *(j < i ? &aux_kept : &aux_rest) = 1;
      if (j >= i && jl < we[j] - ws[j]) break;   /* the clause ends */
    }
    if ((aux_rest || participle) && !aux_kept) continue;
    /* … nor the verb of a subject the kept words end in ("types … that
     * have a known size | at compile time are stored") */
    if (!comma && vgi_verb_after(t + ws[i], strlen(t + ws[i]))) continue;
    if (participle && (word_of(vgi_aux_verbs, p, pl) || (pl > 2 && !strncmp(p + pl - 2, "ly", 2)) ||
                       word_of((const char *const[]){ "nor", "yet", "not", "never", "also", "just", "still",
                                                      "already", "then", "but", "being", NULL }, p, pl) ||
                       (pl > 3 && !strncmp(p + pl - 3, "n't", 3))))
      continue;
    /* reasons and consequences follow a comma ("…, thus requiring"); a
     * relative pronoun without one restricts the noun before it */
    if (!comma && word_of((const char *const[]){ "since", "thus", "so", "while", "whereas", "which", NULL },
                          t + ws[i], wl))
      continue;
    if ((comma && list_before(t, we[i - 1] - 1)) || !vgi_cut_keeps_meaning(t, we[i - 1])) continue;
    if (span_keeps(t, ws[i], strlen(t))) continue;
    /* nor inside a phrase: after a verb or an infinitive without its
     * object, before a coordination's short member */
    if (vgi_cut_in_phrase(t, we[i - 1])) continue;
    t[we[i - 1]] = 0;
    size_t l = strlen(t);
    while (l && strchr(",;: ", t[l - 1])) t[--l] = 0;
    return 1;
  }
  return 0;
}

/* A bullet longer than max that vgi_short_clause kept whole: its labels,
 * joining words and asides go, then vgi_short_clause tries again, then its
 * end is cut where a statement ends (tail_out). t as it was when nothing
 * is safe. Caller frees. */
/* Rounds of detail_out at most: each reads and moves the whole text, and a
 * bullet of 6,000 "foo()" (an aside each) took 1 s, 20,000 of them 12 s.
 * A bullet still too long after them is cut at its end (tail_out). */
#define DETAIL_ROUNDS 32

static char *detail_out(const char *h, int max) {
  char *t = vgi_strdup(h);
  int changed = 1, rounds = 0;
  while (vgi_word_count(t) > max && changed && rounds++ < DETAIL_ROUNDS) {
    changed = opening_out(t) || aside_out(t);
    /* the asides go before a cut, which would stop inside one ("on the
     * heap, unknown | at compile time") */
    if (changed && vgi_word_count(t) > max) continue;
    char *c = vgi_short_clause(t, max);
    free(t);
    t = c;
  }
  if (vgi_word_count(t) > max) tail_out(t, max);
  /* every negation, restriction and condition of h is still there, or h
   * stays as it was */
  if (kept_words(t) < kept_words(h)) {
    free(t);
    return vgi_strdup(h);
  }
  return t;
}

/* A bullet is a headline: one longer than this is cut to a shorter whole
 * clause (vgi_short_clause) */
#define SHOWN_MAX_WORDS 16

/* Whether the word before p in s is "by" after a participle ("distributed
 * by", "maintained by", "built by"): what follows is the verb's agent. */
static int agent_by(const char *s, const char *p) {
  const char *e = p;
  while (e > s && e[-1] == ' ') e--;
  const char *w = e;
  while (w > s && w[-1] != ' ') w--;
  if (e - w != 2 || strncasecmp(w, "by", 2)) return 0;
  const char *ve = w;
  while (ve > s && ve[-1] == ' ') ve--;
  const char *vb = ve;
  while (vb > s && vb[-1] != ' ') vb--;
  size_t vl = (size_t)(ve - vb);
  static const char *const irregular[] = { "built", "run", "written", "made", "kept", "held", "done", "shown",
                                           "given", "known", "taken", "sold", "brought", "led", NULL };
  for (size_t i = 0; i < vl; i++)
    if (!islower((unsigned char)vb[i])) return 0;
  return (vl > 3 && !strncmp(ve - 2, "ed", 2)) || word_of(irregular, vb, vl);
}

/* The bare web addresses of a headline ("https://example.org/issues",
 * "<www.example.org>") out: the headline is cut before one that three words
 * or more come before (1, when cut), an earlier one becomes its host name
 * ("example.org"; 0). A short bullet (not cut) shows each as its host name. */
static int address_out(char *h, int cut) {
  for (char *w = h; *w;) {
    while (*w == ' ') w++;
    char *e = w + strcspn(w, " ");
    char *a = w;
    while (a < e && strchr("<(\"'", *a)) a++;
    char *sch = a;
    while (sch < e && isalpha((unsigned char)*sch)) sch++;
    char *host = NULL;
    if (sch > a && e - sch > 3 && !strncmp(sch, "://", 3)) host = sch + 3;
    else if (e - a > 4 && !strncmp(a, "www.", 4)) host = a;
    if (!host) { w = e; continue; }
    int before = 0;
    for (char *q = h; q < w; q++)
      if (*q != ' ' && (q + 1 == w || q[1] == ' ')) before++;
    /* (a passive verb's agent, "distributed by <address>", is shown as
     * a short item's is, and ends the headline: the voice says it too,
     * address_agent) */
    int agent = before >= 3 && cut && agent_by(h, w);
    if (before >= 3 && cut && !agent) {
      /* the words that waited for it go with it ("Downloads are available
       * at | <address>"); three words or more must be left that say
       * something ("The mirror at | <address> is updated hourly" is no
       * headline as "The mirror": the address is shown as its host) */
      char *z = w;
      for (;;) {
        while (z > h && z[-1] == ' ') z--;
        char *ls = z;
        while (ls > h && ls[-1] != ' ') ls--;
        if (ls == z || !(dangling_word(ls, (size_t)(z - ls)) || awaits_object(ls, (size_t)(z - ls)) ||
                         word_of((const char *const[]){ "the", "a", "an", "of", "for", "and", "or", NULL }, ls,
                                 (size_t)(z - ls))))
          break;
        z = ls;
      }
      int kept = 0;
      for (char *q = h; q < z; q++)
        if (*q != ' ' && (q + 1 == z || q[1] == ' ')) kept++;
      if (kept >= 3) {
        *z = 0;
        return 1;
      }
      /* (a place phrase inside its sentence, "The mirror at <address> is
       * updated hourly": the phrase goes, the sentence stays, as the voice
       * says it) */
      char *pe = w;
      while (pe > h && pe[-1] == ' ') pe--;
      char *ps = pe;
      while (ps > h && ps[-1] != ' ') ps--;
      const char *rest = e;
      while (*rest == ' ') rest++;
      if (ps < pe && dangling_word(ps, (size_t)(pe - ps)) && preposition(ps, (size_t)(pe - ps)) &&
          islower((unsigned char)*rest) && ps > h &&
          !word_of((const char *const[]){ "or", "and", "but", "nor", "then", NULL }, rest, strcspn(rest, " ,"))) {
        memmove(ps, rest, strlen(rest) + 1);
        w = ps;
        continue;
      }
    }
    if (agent) cut = 0;
    if (!strncmp(host, "www.", 4) && host + 4 < e) host += 4;
    size_t hl = strcspn(host, "/?#> )\"'");
    if (host + hl > e) hl = (size_t)(e - host);
    /* a short bullet keeps a path of two parts at most, which names the
     * thing ("github.com/nvm-sh/nvm": "github.com" alone names none), without
     * its query, fragment, trailing "/" or ".git" */
    if (!cut && host[hl] == '/') {
      size_t pl = hl + strcspn(host + hl, "?#> )\"'"), parts = 0;
      if (host + pl > e) pl = (size_t)(e - host);
      while (pl > hl && strchr(".,;:!?/", host[pl - 1])) pl--;
      if (pl - hl > 4 && !strncmp(host + pl - 4, ".git", 4)) pl -= 4;
      for (size_t q = hl; q < pl; q++) parts += host[q] == '/';
      if (pl > hl + 1 && parts <= 2) hl = pl;
    }
    /* the sentence's own marks after the address stay, and a bracket's
     * close that one opened before it ("(LICENSE-MIT or <https://…>)"
     * showed "(LICENSE-MIT or opensource.org/…"); one the address's own
     * word opened ("(<https://…>)") goes with its opening */
    int opened = 0;
    for (const char *q = w; q < a; q++) opened += *q == '(';
    char *m = e;
    while (m > host + hl && strchr(".,;:!?)", m[-1])) m--;
    memmove(w, host, hl);
    char *o = w + hl;
    for (; m < e; m++)
      if (*m != ')' || opened-- <= 0) *o++ = *m;
    memmove(o, e, strlen(e) + 1);
    w += hl;
    if (agent) {
      *w = 0;
      return 1;
    }
  }
  return 0;
}

char *vgi_shown_headline(const char *t) {
  char *h = shown_headline(t);
  /* a comma splice ("The cache is a store of answers, it keeps …"): its
   * first clause, when that is a clause of its own (a copula or an
   * auxiliary, no opening "If …") */
  for (char *c = vgi_word_count(h) > SHOWN_MAX_WORDS ? strstr(h, ", ") : NULL; c; c = strstr(c + 1, ", ")) {
    static const char *const subj[] = { "it", "they", "this", "he", "she", "we", "these", "there", "es", "sie",
      "il", "elle", "ils", "elles", NULL };
    const char *nx = c + 2;
    size_t nl = strcspn(nx, " ");
    if (!nx[nl] || !word_of(subj, nx, nl)) continue;
    static const char *const openers[] = { "for", "to", "in", "on", "at", "by", "with", "from", "after", "before",
      "while", "since", "because", "as", "once", "unless", "although", "though", "whether", "when", "if", "where",
      "during", "until", "like", "just", "note", "für", "um", "pour", "para", "per", NULL };
    *c = 0;
    int clause = vgi_word_count(h) >= 4 && has_aux(h) && !vgi_lead_clause(h) && !strchr(h, ',') &&
                 !word_of(openers, h, strcspn(h, " "));
    if (clause) break;
    *c = ',';
  }
  if (vgi_word_count(h) > SHOWN_MAX_WORDS) {
    char *c = vgi_short_clause(h, SHOWN_MAX_WORDS);
    free(h);
    h = c;
    if (vgi_word_count(h) > SHOWN_MAX_WORDS) {
      c = detail_out(h, SHOWN_MAX_WORDS);
      free(h);
      h = c;
    }
  }
  /* a bare address is never shown: the words before it stand alone (the
   * "located at" that placed it goes below), else its host name */
  int addressed = address_out(h, 1);
  /* no space, no-break space ("fichiers&nbsp;:") or clause mark at its end */
  size_t l = strlen(h);
  for (;;) {
    if (l && strchr(" .,;:", h[l - 1])) h[--l] = 0;
    else if (l >= 2 && (unsigned char)h[l - 2] == 0xC2 && (unsigned char)h[l - 1] == 0xA0) h[l -= 2] = 0;
    else break;
  }
  /* a cut never ends on a word that waits for what it cut off ("stockent
   * à la", "kunt u", "but it has been"): such words go, down to three */
  char *whole = vgi_strdup(t);
  whole[vgi_first_sentence(whole)] = 0;
  int cut = addressed || vgi_word_count(h) < vgi_word_count(whole);
  /* (a headline that keeps the sentence's own end was cut at its start
   * only: "…, it does take some time to get used to." ends on "to") */
  size_t wl = strlen(whole);
  while (wl && strchr(" .!?;:", whole[wl - 1])) wl--;
  if (cut && !addressed && l > 1 && wl >= l && !strncmp(whole + wl - l + 1, h + 1, l - 1) &&
      (wl == l || whole[wl - l - 1] == ' '))
    cut = 0;
  free(whole);
  while (cut && vgi_word_count(h) > 3 && vgi_dangling_end(h, l)) {
    while (l && h[l - 1] != ' ') l--;
    while (l && strchr(" ,;:", h[l - 1])) l--;
    h[l] = 0;
  }
  /* nor a subordinate clause hanging ("nadat u de instellingen") */
  if (cut) {
    char *w = vgi_squash(vgi_strdup(t));
    w[vgi_first_sentence(w)] = 0;
    size_t hl = strlen(h);
    if (hl < strlen(w) && !strncmp(w, h, hl) && w[hl] == ' ') {
      size_t k = vgi_hanging_clause(w, hl);
      if (k < hl) h[l = k] = 0;
    }
    free(w);
  }
  /* a relative clause left without the link it placed ("…the issue
   * tracker which is located") goes */
  for (int q = 0; placing_rel[q]; q++) {
    char *f = strstr(h, placing_rel[q]);
    if (!f || vgi_word_count(h) - vgi_word_count(f) < 4) continue;
    for (int k = 0; placing_verb[k]; k++)
      if (!strcmp(f + strlen(placing_rel[q]), placing_verb[k])) {
        if (f > h && f[-1] == ',') f--;
        *f = 0;
        break;
      }
  }
  /* a sentence that went on after a code block ("you might want to …")
   * opens its bullet with a capital, as a sentence would; a command or a
   * name ("npm install", "iOS") keeps its case */
  static const char *const opening[] = { "you", "we", "it", "this", "that", "these", "those", "the", "a", "an",
    "there", "they", "in", "on", "for", "to", "if", "when", "all", "each", "every", "some", "most", "many", "one",
    "our", "your", "its", "their", "then", "also", "and", "but", "so", "as", "with", "by", "from", "after",
    "before", "once", "while", "here", "now", "only", "see", "note", NULL };
  size_t fl = strcspn(h, " ");
  for (int i = 0; opening[i] && h[0] >= 'a' && h[0] <= 'z'; i++)
    if (strlen(opening[i]) == fl && !strncmp(h, opening[i], fl)) h[0] = (char)(h[0] - 'a' + 'A');
  return h;
}

/* What a summary says of a sentence: without its asides, and when that is
 * still more than `max` words, its headline (caller frees). */
static char *said_short(const char *s, int max) {
  char *t = vgi_strdup(s);
  drop_asides(t);
  /* Chinese and Japanese (no spaces): three characters a word */
  size_t c = 0;
  for (const char *p = t; *p; p++) c += ((unsigned char)*p & 0xC0) != 0x80;
  int words = vgi_word_count(t);
  if (words <= max && !(words * 8 < (int)c && c > (size_t)max * 3)) return t;
  char *h = spoken_headline(s);
  if (!h) return t;
  free(t);
  return h;
}

/* A Japanese item that ends on a predicate ("設定を保存します", "結果が出る"):
 * a sentence, not a name. Joined with と ("…保存しますとファイルを開きます")
 * two of them read as one sentence ("when … then …"). */
static int ja_predicate(const char *t) {
  static const char *const ends[] = { "ます", "ました", "ません", "です", "でした", "ください", "る", "た",
    "だ", "ない", "できる", "む", "く", "す", "う", "つ", "ぶ", "ぐ", NULL };   /* (a verb's plain form: 読み込む, 書く) */
  int kana = 0;
  for (const unsigned char *p = (const unsigned char *)t; *p; p++)
    kana |= p[0] == 0xE3 && (p[1] == 0x81 || p[1] == 0x82);
  if (!kana) return 0;
  size_t n = strlen(t);
  while (n && strchr(" .", t[n - 1])) n--;
  if (vgi_wide_period_before(t, n)) n -= 3;   /* 。． */
  for (int k = 0; ends[k]; k++) {
    size_t l = strlen(ends[k]);
    if (n > l && !memcmp(t + n - l, ends[k], l)) return 1;
  }
  return 0;
}

/* An item its writer made a sentence: it ends with a full-width sentence
 * mark ("源代码可以从…获取。") or, in Korean, on a predicate's ending and a
 * full stop ("…있습니다.", "…읽으세요.", "…하십시오!"). */
static int wide_stop_end(const char *t) {
  size_t n = strlen(t);
  while (n && t[n - 1] == ' ') n--;
  if (vgi_wide_stop_before(t, n)) return 1;   /* 。！？．‼ */
  if (!n || !strchr(".!?", t[n - 1])) return 0;
  n--;
  static const char *const ko_ends[] = { "\xEB\x8B\xA4", "\xEC\x9A\x94", "\xEC\x98\xA4", "\xEA\xB9\x8C", NULL };   /* 다 요 오 까 */
  for (int k = 0; ko_ends[k]; k++)
    if (n >= 6 && !memcmp(t + n - 3, ko_ends[k], 3) && (unsigned char)t[n - 6] >= 0xEA && (unsigned char)t[n - 6] <= 0xED)
      return 1;   /* a Hangul syllable before it: a word's ending, not "요." alone */
  return 0;
}

/* Whether t[0, n) ends a Chinese, Japanese or Korean sentence without its
 * stop: a Korean predicate's ending (다, 요, 까 after a syllable:
 * "…나타냅니다"), a Japanese predicate (ja_predicate), or, in Chinese, a
 * Han character (a line its layout cuts inside a clause is joined by
 * mandoc, so a unit ends there only at its paragraph's end). */
static int cjk_unstopped(const char *t, size_t n, char cjk) {
  while (n && t[n - 1] == ' ') n--;
  if (n < 6) return 0;
  const unsigned char *e = (const unsigned char *)t + n - 3;
  if (cjk == 'k') {
    static const char *const ko_ends[] = { "\xEB\x8B\xA4", "\xEC\x9A\x94", "\xEA\xB9\x8C", NULL };   /* 다 요 까 */
    for (int k = 0; ko_ends[k]; k++)
      if (!memcmp(e, ko_ends[k], 3) && e[-3] >= 0xEA && e[-3] <= 0xED) return 1;
    return 0;
  }
  if (cjk == 'j') {
    char *c = malloc(n + 1);
    if (!c) return 0;
    memcpy(c, t, n);
    c[n] = 0;
    int p = ja_predicate(c) && !vgi_wide_stop_before(t, n);
    free(c);
    return p;
  }
  if (cjk == 'z' || cjk == 'h') return e[0] >= 0xE4 && e[0] <= 0xE9;   /* CJK Unified Ideographs */
  return 0;
}

/* In a summary, items that read as sentences ("Il est écrit pour Linux")
 * are said one sentence each: joined by "and" into a list they make
 * clumsy grammar. 1 when a top-level item of the first `max` has more than
 * four words. */
static int sentence_items(const cJSON *arr, int max) {
  int n = 0;
  for (const cJSON *it = arr ? arr->child : NULL; it && n < max; it = it->next) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    if (!item_text(it) || (cJSON_IsNumber(lvl) && lvl->valueint > 0)) continue;
    /* "Automake (use 1.11.3 or later)" is a name with an aside */
    char *t = vgi_strdup(item_text(it));
    drop_asides(t);
    int w = vgi_word_count(t);
    int pred = ja_predicate(t) || wide_stop_end(t);
    free(t);
    if (w > 4 || pred) return 1;
    n++;
  }
  return 0;
}

/* Each of the first `max` top-level items said as a sentence: its first
 * sentence, else its headline. */
#define ITEM_SAID_WORDS 20
static void item_sentences(vgi_buf *b, const cJSON *arr, int max, const char *lang) {
  int n = 0;
  for (const cJSON *it = arr ? arr->child : NULL; it && n < max; it = it->next) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    if (!item_text(it) || (cJSON_IsNumber(lvl) && lvl->valueint > 0) || nothing_said(item_text(it))) continue;
    /* the item's first sentence when it is short enough: its headline alone
     * may be a clause waiting for the rest ("Um lange Befehle zu bearbeiten") */
    int ns = 0;
    char **ss = vgi_sentences_lang(item_text(it), lang, &ns);
    char *h = said_short(ns ? ss[0] : item_text(it), ITEM_SAID_WORDS);
    for (int q = 0; q < ns; q++) free(ss[q]);
    free(ss);
    sentence_l(b, h, lang);
    free(h);
    n++;
  }
}

/* A word of list (NULL-terminated), any case, its trailing punctuation aside. */
static int word_of(const char *const *list, const char *w, size_t n) {
  while (n && strchr(",.;:!?", w[n - 1])) n--;
  return vgi_word_in(list, w, n);
}

/* Articles and determiners that open a noun phrase (en, de, fr, es, it, pt,
 * nl): after "libz," they make the rest a description of the name; read
 * mid-sentence they are in lower case. */
static const char *const determiners[] = { "a", "an", "the", "another", "one", "some", "each", "every",
  "ein", "eine", "einen", "einem", "einer", "der", "die", "das", "den", "dem", "un", "une", "le", "la", "les",
  "des", "du", "una", "uno", "el", "los", "las", "il", "lo", "gli", "um", "uma", "o", "os", "as", "een", "het",
  NULL };

/* The first word of t: its length. */
static size_t first_word(const char *t) { return strcspn(t, " "); }

/* An auxiliary or a copula among t's words: t is a clause, not a name. */
static int has_aux(const char *t) {
  for (const char *w = t; *w;) {
    while (*w == ' ') w++;
    size_t n = first_word(w);
    if (n && word_of(vgi_aux_verbs, w, n)) return 1;
    w += n;
  }
  return 0;
}

/* A list item that names something, then says what it is ("libz, a highly
 * portable compression library", "-v - verbose output", "macOS: use the
 * installer"): the length of the name, one to three words before a colon, a
 * dash, or a comma that a determiner follows, with two words or more after
 * it; else 0. An opening clause ("If needed, …") or one with a verb ("It is
 * fast, and …") names nothing. */
static size_t item_name(const char *t) {
  static const char *const seps[] = { ": ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ", ", NULL };
  const char *at = NULL, *rest = NULL;
  for (int k = 0; seps[k]; k++) {
    const char *f = strstr(t, seps[k]);
    if (f && (!at || f < at)) { at = f; rest = f + strlen(seps[k]); }
  }
  if (!at || at == t) return 0;
  if (*at == ',' && !word_of(determiners, rest, first_word(rest))) return 0;
  char *lead = vgi_strdup(t);
  lead[at - t] = 0;
  int w = vgi_word_count(lead), clause = vgi_lead_clause(lead) || has_aux(lead) || strchr(lead, '(');
  /* an ampersand joins a name's words, it is none ("Wiki & Advanced Topics") */
  for (const char *a = strstr(lead, " & "); a; a = strstr(a + 3, " & ")) w--;
  free(lead);
  return w >= 1 && w <= 3 && !clause && vgi_word_count(rest) >= 2 ? (size_t)(at - t) : 0;
}

/* An item said as a sentence, not as a list's name or phrase: a Japanese
 * predicate, more than one sentence, or a verb among its words. */
static int item_clause(const char *t, const char *lang) {
  if (ja_predicate(t) || has_aux(t)) return 1;
  int ns = 0;
  char **ss = vgi_sentences_lang(t, lang, &ns);
  for (int q = 0; q < ns; q++) free(ss[q]);
  free(ss);
  return ns > 1;
}

/* What a summary says after prose that introduces a list with a colon ("…
 * uses the following libraries:"): the items, as that sentence's object, in
 * the shape they have. Names (four words or fewer each), names that a
 * description follows ("libz, a compression library": the names), and
 * phrases without a verb ("FontConfig for font discovery") are joined, all
 * of five or fewer, else the first three; items that are sentences are said
 * one sentence each, all of four or fewer (three of four would read as all
 * of them), else the first three. Returns 1 for sentences: each is already
 * short (item_sentences), and the unit is said whole. With cont (what
 * continues_into said of the sentence before the colon), five items or
 * fewer of one sentence each are joined whole, by "or" for 2, to complete
 * that sentence: returns 2. cont 3: a stem with no colon (open_stem), which
 * only its items complete. */
#define COLON_NAMED 5        /* a list named whole after its colon */
#define COLON_PHRASE_WORDS 8 /* a phrase joined into the sentence */
static int dangling_word(const char *w, size_t n);
static int preposition(const char *w, size_t n);
static int awaits_object(const char *w, size_t n);
static int shell_word(const char *w, size_t n);

/* A sentence whose colon falls inside its clause: the word before the colon
 * waits for what the list gives ("pip works on:", "installed if you are:",
 * "tools, including:", "parameters for:"): a preposition, a copula or an
 * auxiliary. 1 for it, 2 when the sentence is a condition ("if", "when"):
 * its items are alternatives, joined by "or". */
static int continues_into(const char *intro) {
  size_t l = intro ? strlen(intro) : 0;
  while (l && intro[l - 1] == ' ') l--;
  if (!l || intro[l - 1] != ':') return 0;
  size_t e = l - 1, a = e;
  while (e && intro[e - 1] == ' ') e--;
  a = e;
  while (a && intro[a - 1] != ' ') a--;
  if (a == e) return 0;
  const char *w = intro + a;
  size_t n = e - a;
  static const char *const more[] = { "for", "with", "of", "by", "about", "including", "like", "as", "für", "mit",
    "pour", "avec", "con", "por", "per", "voor", "met", NULL };
  if (!((dangling_word(w, n) && preposition(w, n)) || awaits_object(w, n) || word_of(vgi_aux_verbs, w, n) ||
        word_of(more, w, n)))
    return 0;
  static const char *const conds[] = { "if", "when", "unless", "whether", "wenn", "falls", "si", "se", "als",
    "cuando", "quand", "quando", NULL };
  for (const char *p = intro; p < intro + a;) {
    while (*p == ' ' || *p == ',') p++;
    size_t wl = strcspn(p, " ,");
    if (wl && word_of(conds, p, wl)) return 2;
    p += wl;
  }
  return 1;
}

/* Prose before a list that stops with no mark, on a word that waits for
 * what the list gives ("Jupyter Book allows users to", "The main features
 * are", "It works with"): the list completes its sentence, as it does after
 * a colon. The stem with a colon put on; NULL when the prose is no stem.
 * Caller frees. */
static char *open_stem(const char *t) {
  size_t l = t ? strlen(t) : 0;
  while (l && t[l - 1] == ' ') l--;
  if (!l || !isalpha((unsigned char)t[l - 1])) return NULL;
  size_t a = l;
  while (a && t[a - 1] != ' ') a--;
  if (!a) return NULL;   /* one word is a label, not a sentence */
  static const char *const more[] = { "include", "includes", "including", "like", "as", "of", "for", "with",
                                      NULL };
  const char *w = t + a;
  size_t n = l - a;
  if (!((dangling_word(w, n) && preposition(w, n)) || awaits_object(w, n) || word_of(vgi_aux_verbs, w, n) ||
        word_of(more, w, n)))
    return NULL;
  char *s = malloc(l + 2);
  if (!s) abort();
  memcpy(s, t, l);
  s[l] = ':';
  s[l + 1] = 0;
  return s;
}

/* An English item written in lower case that names a thing ("optional
 * arguments with different notations: -k VALUE", "a single argument which
 * can be repeated"): its noun phrase, before a colon, a bracket, a dash or a
 * relative clause, when that has no verb of its own and is short. NULL for
 * an item that is a sentence. Caller frees. */
#define COLON_LEAD_WORDS 10
static char *noun_lead(const char *c, const char *lang) {
  if (!english(lang) || !islower((unsigned char)c[0])) return NULL;
  int ns = 0;
  char **ss = vgi_sentences_lang(c, lang, &ns);
  for (int q = 0; q < ns; q++) free(ss[q]);
  free(ss);
  if (ns > 1) return NULL;
  char *l = vgi_strdup(c);
  static const char *const ends[] = { ": ", " (", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", ", which ", " which ",
    " that ", ", who ", " who ", ", where ", "; ", ", but ", NULL };
  for (int k = 0; ends[k]; k++) {
    char *e = strstr(l, ends[k]);
    if (e && e > l) *e = 0;
  }
  size_t n = strlen(l);
  while (n && strchr(" .,;:", l[n - 1])) l[--n] = 0;
  int w = vgi_word_count(l);
  /* a verb of its own, or words that only lead into what follows */
  const char *last = strrchr(l, ' ');
  last = last ? last + 1 : l;
  if (!w || w > COLON_LEAD_WORDS || has_aux(l) || dangling_word(last, strlen(last)) ||
      word_of((const char *const[]){ "with", "of", "for", "by", "and", "or", "the", "a", "an", NULL }, last, strlen(last))) {
    free(l);
    return NULL;
  }
  return l;
}

/* An item that is only a command's forms apart by " / " ("nvm install
 * --lts / nvm install --lts=argon / nvm install 'lts/star'"): the words they
 * all start with ("nvm install"), the command the voice names while the
 * slide shows its forms; each form goes on from them with code (an option,
 * a quoted or a slashed argument). NULL else; caller frees. */
static char *forms_command(const char *t) {
  if (!strstr(t, " / ")) return NULL;
  size_t common = strlen(t);   /* bytes of the words every form starts with */
  int forms = 0;
  for (const char *f = t; *f; forms++) {
    const char *z = strstr(f, " / ");
    size_t fl = z ? (size_t)(z - f) : strlen(f), k = 0;
    while (k < common && k < fl && f[k] == t[k]) k++;
    /* back to a whole word: a space after it in both */
    while (k && !(t[k] == ' ' && (k >= fl || f[k] == ' '))) k--;
    common = k;
    if (!common) return NULL;
    f = z ? z + 3 : f + fl;
  }
  if (forms < 2) return NULL;
  for (const char *f = t; *f;) {
    const char *z = strstr(f, " / ");
    size_t fl = z ? (size_t)(z - f) : strlen(f);
    /* what goes on after the command is code */
    const char *r = f + common;
    while (*r == ' ') r++;
    if (r >= f + fl || !(*r == '-' || *r == '\'' || *r == '"' || memchr(r, '/', (size_t)(f + fl - r)) ||
                         memchr(r, '=', (size_t)(f + fl - r))))
      return NULL;
    f = z ? z + 3 : f + fl;
  }
  /* the command is words of code: lower case, no mark of prose */
  for (size_t i = 0; i < common; i++)
    if (!(islower((unsigned char)t[i]) || isdigit((unsigned char)t[i]) || strchr(" -_.", t[i]))) return NULL;
  char *c = malloc(common + 1);
  if (!c) abort();
  memcpy(c, t, common);
  c[common] = 0;
  return c;
}

/* Whether two of the strings of arr are the same, ignoring case: items
 * that name one thing twice ("gpg: …", "gpgsm: …", "gpgsm: …" in a NEWS
 * file) are no list of names, and said by their names they would be "gpg,
 * gpgsm, gpgsm, and more". */
static int names_repeat(const cJSON *arr) {
  for (const cJSON *a = arr ? arr->child : NULL; a; a = a->next)
    for (const cJSON *o = a->next; o; o = o->next)
      if (a->valuestring && o->valuestring && !strcasecmp(a->valuestring, o->valuestring)) return 1;
  return 0;
}

/* A list item that only says the list goes on ("...and more", "etc.",
 * "and many more"): no item of its own, said as the list's "and more". */
static int more_item(const char *t) {
  static const char *const mores[] = { "and more", "and many more", "and much more", "more", "etc", "and so on",
                                       "and others", "and so forth", NULL };
  while (*t == '.' || *t == ' ' || !strncmp(t, "\xE2\x80\xA6", 3)) t += *t == '.' || *t == ' ' ? 1 : 3;
  size_t l = strlen(t);
  while (l && (t[l - 1] == '.' || t[l - 1] == ' ' || t[l - 1] == '!')) l--;
  while (l >= 3 && !strncmp(t + l - 3, "\xE2\x80\xA6", 3)) l -= 3;
  return word_of(mores, t, l);
}

/* The first max strings of arr (all when max is 0) and, when the list goes
 * on past them (more, or more than max), "and more" (list_more): "for
 * Installation, Documentation & configuration, Changelog, and more". */
static char *joined_more(const cJSON *arr, int max, int more, int or, const char *lang) {
  if (max && cJSON_GetArraySize(arr) > max) more = 1;
  if (!more) return joined(arr, max, or, 0, lang);
  cJSON *first = cJSON_CreateArray();
  int k = 0;
  for (const cJSON *it = arr ? arr->child : NULL; it && (!max || k < max); it = it->next, k++)
    cJSON_AddItemToArray(first, cJSON_CreateString(it->valuestring));
  /* (joined puts "and" before the last; "and more" is the last here) */
  vgi_buf j = {0};
  for (const cJSON *it = first->child; it; it = it->next) {
    cJSON *one = cJSON_CreateArray();
    cJSON_AddItemToArray(one, cJSON_CreateString(it->valuestring));
    char *c = joined(one, 0, 0, 0, lang);
    cJSON_Delete(one);
    if (c && *c) {
      if (j.n) vgi_buf_puts(&j, vgi_phrase(lang, "sep"));
      vgi_buf_puts(&j, c);
    }
    free(c);
  }
  cJSON_Delete(first);
  if (!j.n) return vgi_buf_take(&j);
  const char *a[1] = { j.s };
  vgi_buf m = {0};
  vgi_phrase_put(&m, lang, "list_more", a, 1);
  vgi_buf_free(&j);
  return vgi_buf_take(&m);
}

static int colon_items(vgi_buf *b, const cJSON *items, const char *lang, int cont, int all, int alt) {
  cJSON *tops = cJSON_CreateArray(), *names = cJSON_CreateArray(), *leads = cJSON_CreateArray();
  cJSON *heads = cJSON_CreateArray();
  int n = 0, clause = 0, phrases = 1, named = 1, max_words = 0, labelled = 0, nouns = 1, more = 0, described = 0;
  for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    const char *t = item_text(it);
    if (!t || (cJSON_IsNumber(lvl) && lvl->valueint > 0) || nothing_said(t)) continue;
    /* ("...and more" after the colon's items: the list's "and more") */
    if (cont && more_item(t)) {
      more = 1;
      continue;
    }
    described |= item_desc(it) && *item_desc(it);
    char *c = forms_command(t);
    if (!c) c = vgi_strdup(t);
    if (!all) drop_asides(c);
    char *lead = nouns ? noun_lead(c, lang) : NULL;
    if (lead) cJSON_AddItemToArray(leads, cJSON_CreateString(lead));
    else nouns = 0;
    free(lead);
    int w = vgi_word_count(c);
    if (w > max_words) max_words = w;
    clause |= item_clause(c, lang);
    phrases &= w <= COLON_PHRASE_WORDS;
    labelled |= item_name(c) > 0 && !strchr(c, ',');   /* "Push: origin sends to edges" */
    size_t hl = item_name(c);   /* every item's name, to see one named twice */
    if (hl) {
      char *h = vgi_strdup(c);
      h[hl] = 0;
      cJSON_AddItemToArray(heads, cJSON_CreateString(h));
      free(h);
    }
    size_t nl = named && !all ? item_name(c) : 0;
    /* "Step 1: …", "Step 2: …" name steps, not things */
    for (const cJSON *o = names->child; nl && o; o = o->next)
      if (first_word(o->valuestring) == first_word(c) && !strncasecmp(o->valuestring, c, first_word(c))) nl = 0;
    named = nl > 0;
    if (named) {
      c[nl] = 0;
      cJSON_AddItemToArray(names, cJSON_CreateString(c));
    } else if (word_of(determiners, c, first_word(c)) && (unsigned char)c[0] < 0x80) {
      c[0] = (char)tolower((unsigned char)c[0]);   /* "installed: Meson, a C99 compiler" */
    } else if (english(lang) && opened_by_capital(c, first_word(c), !c[first_word(c)])) {
      c[0] = (char)tolower((unsigned char)c[0]);
    }
    /* an item whose colon falls inside its clause, over nested items ("Find
     * the right configure parameters for:"): said with them, up to five */
    size_t cl = strlen(c);
    const cJSON *nx = it->next, *nxl = nx ? cJSON_GetObjectItemCaseSensitive(nx, "level") : NULL;
    if (cl && c[cl - 1] == ':' && english_like(lang) && continues_into(c) && cJSON_IsNumber(nxl) && nxl->valueint > 0) {
      cJSON *kids = cJSON_CreateArray();
      int k = 0;
      for (const cJSON *x = nx; x && (all || k < COLON_NAMED); x = x->next) {
        const cJSON *xl = cJSON_GetObjectItemCaseSensitive(x, "level");
        if (!cJSON_IsNumber(xl) || xl->valueint == 0) break;
        if (xl->valueint == 1 && item_text(x)) cJSON_AddItemToArray(kids, cJSON_CreateString(item_text(x))), k++;
      }
      char *j = joined(kids, 0, 0, 0, lang);
      if (j && *j) {
        while (cl && (c[cl - 1] == ':' || c[cl - 1] == ' ')) c[--cl] = 0;
        vgi_buf cb = {0};
        vgi_buf_puts(&cb, c);
        vgi_buf_puts(&cb, " ");
        vgi_buf_puts(&cb, j);
        free(c);
        c = vgi_buf_take(&cb);
      }
      free(j);
      cJSON_Delete(kids);
    }
    cJSON_AddItemToArray(tops, cJSON_CreateString(c));
    free(c);
    n++;
  }
  int sentences = 0;
  char *j = NULL;
  /* each item a phrase that completes the sentence before the colon: all of
   * them said in it ("if you are working … or using …") */
  int one_each = 1;
  for (const cJSON *it = tops->child; it && one_each; it = it->next) {
    int ns = 0;
    char **ss = vgi_sentences_lang(it->valuestring, lang, &ns);
    /* after a stem, an item of more sentences completes it with its first */
    if (cont == 3 && ns > 1) cJSON_SetValuestring((cJSON *)it, ss[0]);
    for (int q = 0; q < ns; q++) free(ss[q]);
    free(ss);
    if (cont == 3 && ns > 1) ns = 1;
    one_each = ns == 1 && !ja_predicate(it->valuestring) && (cont == 3 || vgi_word_count(it->valuestring) <= 16);
  }
  /* after a stem with no colon (cont 3) the items are the sentence's end:
   * said with it however long, the first five in a summary */
  /* items that name one thing twice are said as what they say */
  int repeat = names_repeat(heads);
  cJSON_Delete(heads);
  if (n && cont && one_each && !repeat && (all || n <= COLON_NAMED || cont == 3)) {
    j = joined_more(tops, all ? 0 : COLON_NAMED, more, cont == 2 || alt, lang);
    if (j) sentence_l(b, j, lang);
    free(j);
    cJSON_Delete(tops);
    cJSON_Delete(names);
    cJSON_Delete(leads);
    return 2;
  }
  int max = all ? 0 : n <= COLON_NAMED ? COLON_NAMED : 3;
  if (!n) {
  } else if (all && (clause || !phrases || labelled)) {
    /* --detail full: each item as written (one that names a thing and
     * says what it is, "Push: origin sends to edges", too) */
    for (const cJSON *it = items->child; it; it = it->next) {
      const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
      if (item_text(it) && !(cJSON_IsNumber(lvl) && lvl->valueint > 0) && !nothing_said(item_text(it)))
        sentence_l(b, item_text(it), lang);
    }
    sentences = 1;
  } else if (repeat) {
    item_sentences(b, items, n <= 4 ? 4 : 3, lang);
    sentences = 1;
  } else if (!clause && max_words <= 4) {
    /* (a list that says it goes on, "...and more": its first names and
     * "and more", never a list that seems to end with them) */
    j = more && !described && !labelled ? joined_more(tops, max, 1, 0, lang) : joined(tops, max, 0, 0, lang);
  } else if (named) {
    j = joined(names, max, 0, 0, lang);
  } else if (!clause && phrases) {
    j = joined(tops, max, 0, 0, lang);
  } else if (nouns && n >= 2) {
    /* lower-case items that name things: their noun phrases, joined as the
     * object the colon announced, not said as fragments one by one */
    j = joined(leads, max, 0, 0, lang);
    sentences = 1;   /* each lead is short: the list is said whole */
  } else {
    item_sentences(b, items, n <= 4 ? 4 : 3, lang);
    sentences = 1;
  }
  if (j) sentence_l(b, j, lang);
  free(j);
  cJSON_Delete(tops);
  cJSON_Delete(names);
  cJSON_Delete(leads);
  return sentences;
}

/* the phrase with a joined list as {1} */
static void phrase_list(vgi_buf *b, const char *lang, const char *key, const cJSON *arr, int max,
                        int or, int lower) {
  char *j = joined(arr, max, or, lower, lang);
  if (*j) phrase(b, lang, key, j, NULL);
  free(j);
}

/* A list of names or short phrases is said as a presenter names what a
 * slide shows: "Features: an xUnit test framework, test discovery, a rich
 * set of assertions, and more." (list_named, list_more), never "Key points
 * include gcc 5.0+": the items are no points. Every item is named when they
 * are few and short together, else the first LIST_FIRST and "and more", so
 * the voice never names one item of ten as if it were all. Items that are
 * points (clauses, sentences) are said as sentences (item_sentences). */
#define LIST_PHRASE_WORDS 6   /* an item of more words is a point, not a phrase */
#define LIST_NAMED 5          /* a list named whole ... */
#define LIST_NAMED_WORDS 18   /* ... when its phrases are not longer than this together */
#define LIST_FIRST 3          /* else its first items, and "and more" */
#define LIST_SHORT_SAID 8     /* an item's sentence a summary says beside the first (sentence_units) */

/* Words of t (a lone "-" or "&" is none); Chinese and Japanese (no
 * spaces) three characters a word. */
static int said_words(const char *t) {
  int n = 0, in = 0, word = 0, cjk = 0;
  for (const unsigned char *p = (const unsigned char *)t;; p++) {
    if (!*p || isspace(*p)) {
      n += in && word;
      in = word = 0;
      if (!*p) break;
      continue;
    }
    in = 1;
    word |= isalnum(*p) || *p >= 0x80;
    cjk += *p >= 0xE3 && *p <= 0xE9;
  }
  return n + cjk / 3;
}

/* What a list item says of its term, as a summary says it: its first
 * sentence without asides, cut at a semicolon and before an example, and
 * when still longer than PAIR_DESC_WORDS at its first comma, dash or
 * bracket (the words before it at least three, and no opening clause), else
 * before the last preposition that leaves it short enough; "" when no cut
 * makes it short. The description whole when `all`. Its final stop out.
 * Caller frees. */
#define PAIR_DESC_WORDS 8    /* a description said whole in a summary */

/* A word that starts with a lower-case letter: Latin, Latin-1, Greek or
 * Cyrillic ("zlib", "éditeur", "библиотека"). */
static int lower_start(const char *w) {
  const unsigned char *p = (const unsigned char *)w;
  if (p[0] < 0x80) return p[0] >= 'a' && p[0] <= 'z';
  if (p[0] == 0xC3) return p[1] >= 0x9F;                 /* ß, à … ÿ */
  if (p[0] == 0xCE) return p[1] >= 0xAC;                 /* Greek ά … */
  if (p[0] == 0xCF) return p[1] <= 0x8E;                 /* … ώ */
  if (p[0] == 0xD0) return p[1] >= 0xB0;                 /* Cyrillic а … п */
  if (p[0] == 0xD1) return 1;                            /* р … я, ѐ … џ */
  return 0;
}
#define PAIRS_WORDS 36       /* terms with descriptions a summary says, together */
/* Whether c opens with a preposition ("With the growth of data"): cut
 * there, it is a phrase that leads into a clause, not one. */
static int opening_phrase(const char *c) {
  static const char *const preps[] = { "with", "in", "on", "at", "for", "from", "by", "during", "after", "before",
    "unlike", "like", "under", "over", "without", "within", "through", "since", "despite", "given", "upon", "to",
    "as", "of", "among", "besides", "beyond", NULL };
  return word_of(preps, c, strcspn(c, " ,"));
}

/* Whether c opens with a word in "-ing" as its subject ("Backing up your
 * data …", "Doing backups …"). */
static int gerund_open(const char *c) {
  size_t n = strcspn(c, " ,");
  return n > 5 && isupper((unsigned char)c[0]) && !strncmp(c + n - 3, "ing", 3);
}

static char *desc_clause(const char *d, const char *lang, int all) {
  char *c;
  if (all) {
    c = vgi_strdup(d);
  } else {
    int ns = 0;
    char **ss = vgi_sentences_lang(d, lang, &ns);
    c = vgi_strdup(ns ? ss[0] : d);
    for (int q = 0; q < ns; q++) free(ss[q]);
    free(ss);
    drop_asides(c);
  }
  c = clean_speech(c, lang);
  vgi_squash(c);
  if (!all) {
    char *semi = strstr(c, "; ");
    if (semi && semi > c) *semi = 0;
    /* an aside after an em dash typed as in TeX ("Parse error---for
     * instance, …") */
    char *tex = strstr(c, "---");
    if (tex && tex > c && tex[-1] != ' ') *tex = 0;
    /* an example is detail ("kills processes by name, e.g. killall -HUP") */
    static const char *const examples[] = { ", e.g.", " e.g.", ", i.e.", ", for example", ", for instance", ", such as",
                                            " (e.g.", NULL };
    for (int k = 0; examples[k]; k++) {
      char *e = strstr(c, examples[k]);
      if (e && e > c) *e = 0;
    }
    /* ("---", an em dash typed as in TeX: "Parse error---for instance, …") */
    static const char *const cuts[] = { ", ", " (", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", "---", NULL };
    for (int k = 0; cuts[k] && said_words(c) > PAIR_DESC_WORDS; k++) {
      char *e = strstr(c, cuts[k]);
      if (!e) continue;
      char save = *e;
      *e = 0;
      /* not an opening clause ("If this flag is used, …"), nor an
       * opening phrase ("With the growth of data, snapshots …") */
      if (vgi_word_count(c) >= 3 && !vgi_lead_clause(c) && !opening_phrase(c)) break;
      *e = save;
    }
    /* still long: before the last preposition that leaves it short enough
     * ("Daemon that keeps track of accessible applications | in the …") */
    static const char *const preps[] = { " in ", " on ", " at ", " for ", " with ", " from ", " by ", " into ",
                                         " when ", " if ", " while ", NULL };
    char *best = NULL;
    for (int k = 0; preps[k] && said_words(c) > PAIR_DESC_WORDS; k++)
      for (char *e = strstr(c, preps[k]); e; e = strstr(e + 1, preps[k])) {
        char save = *e;
        *e = 0;
        int w = said_words(c);
        *e = save;
        /* never after a word that needs what follows ("read from file
         * instead of | from the command line", "more than | in …") */
        static const char *const needy[] = { "of", "than", "to", "the", "a", "an", "and", "or", "as", "instead",
                                              "rather", NULL };
        const char *lw = e;
        while (lw > c && lw[-1] != ' ') lw--;
        int needs = 0;
        for (int q = 0; needy[q] && !needs; q++)
          needs = strlen(needy[q]) == (size_t)(e - lw) && !strncasecmp(lw, needy[q], (size_t)(e - lw));
        if (needs) continue;
        /* nor between a participle and its agent ("A new interface
         * implemented | by all widgets that …": alone, "implemented" by
         * no one) */
        if (!strcmp(preps[k], " by ") && e - lw >= 5 && !strncmp(e - 2, "ed", 2) && islower((unsigned char)*lw))
          continue;
        /* (nor a subject without its verb: "Backing up your data | with
         * restic should only be limited …") */
        if (gerund_open(c)) continue;
        if (w >= 4 && w <= PAIR_DESC_WORDS && (!best || e > best)) best = e;
      }
    if (best) *best = 0;
    /* a description that no cut makes short is not said: the term is */
    if (said_words(c) > PAIR_DESC_WORDS + 4 || vgi_lead_clause(c)) *c = 0;
  }
  size_t l = strlen(c);
  while (l && strchr(".:;, ", c[l - 1])) c[--l] = 0;
  /* read mid-sentence, an ordinary first word is in lower case */
  size_t fw = first_word(c);
  if (english(lang) && opened_by_capital(c, fw, !c[fw])) c[0] = (char)tolower((unsigned char)c[0]);
  return c;
}

/* The top-level items of arr as a list says them, or NULL when they are
 * points: each item's name and what it is (*pairs set; said_pairs says
 * them) when every item names something and then says what it is in
 * words ("xml - DBus interfaces for …", "**Speed**: starts …"); each item's
 * name when every item (or all but one, a phrase) names something and then
 * describes it otherwise ("aduh95 - Antoine du Hamel"),
 * else each item as a phrase (its asides, links and final stop out) when
 * every item said is a phrase of LIST_PHRASE_WORDS words or fewer without
 * a verb ("Test discovery.", "gcc 5.0+"): all of them (`all`, or few and
 * short together), else the first LIST_FIRST. Two items at least. *say:
 * how many are said. Caller deletes. */
/* Whether the words of d open with the letters of the acronym a ("ABI",
 * "Application Binary Interface"; "CJS", "CommonJS" is none): 2 to 8
 * capitals, each word's initial in turn. */
static int acronym_of(const char *a, const char *d) {
  size_t n = strlen(a);
  if (n < 2 || n > 8) return 0;
  for (size_t i = 0; i < n; i++)
    if (!isupper((unsigned char)a[i])) return 0;
  size_t k = 0;
  for (const char *w = d; *w && k <= n;) {
    while (*w == ' ' || *w == '-') w++;
    if (!*w) break;
    if (toupper((unsigned char)*w) != a[k]) return 0;
    k++;
    w += strcspn(w, " -");
  }
  return k == n;
}

static cJSON *list_phrases(const cJSON *arr, const char *lang, int all, int links, int *say, int *pairs,
                           int *options) {
  cJSON *tops = cJSON_CreateArray(), *names = cJSON_CreateArray(), *pair_list = cJSON_CreateArray();
  cJSON *phrase_tops = cJSON_CreateArray();   /* the items that are phrases */
  int n = 0, named = 0, unnamed = 0, steps = 0, phrases = 0, first_phrases = 0, tw = 0, nw = 0, described = 0;
  int pw = 0, pw_first = 0;   /* words of the pairs, of the first LIST_FIRST */
  int last_described = 0, described_first = 0, options_first = 1;
  *pairs = 0;
  for (const cJSON *it = arr ? arr->child : NULL; it; it = it->next) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    const char *t = item_text(it);
    if (!t || (cJSON_IsNumber(lvl) && lvl->valueint > 0) || nothing_said(t)) continue;
    char *c = vgi_strdup(t);
    drop_asides(c);
    c = clean_speech(c, lang);
    vgi_squash(c);
    /* a section's number before its name ("11.1. Overview", a table of
     * contents' link) is shown, not said: the first item's was taken for a
     * sentence of its own and the others' said ("Overview and 11.2. Options") */
    {
      const char *q = c;
      while (isdigit((unsigned char)*q) || (*q == '.' && isdigit((unsigned char)q[1]))) q++;
      if (q > c && (*q == '.' || *q == ')') && q[1] == ' ' && isalpha((unsigned char)q[2]))
        memmove(c, q + 2, strlen(q + 2) + 1);
    }
    size_t l = strlen(c);
    while (l && strchr(".:;,", c[l - 1])) c[--l] = 0;
    if (vgi_wide_period_before(c, l) || (l >= 3 && !strcmp(c + l - 3, "\xEF\xBC\x9A"))) c[l -= 3] = 0;
    /* two forms of one term said alike ("-exec command ;" and "-exec
     * command {} +" are both "the exec option"): said once */
    int again = 0;
    for (const cJSON *o = tops->child; o && !again; o = o->next) again = !strcmp(o->valuestring, c);
    if (again) {
      free(c);
      continue;
    }
    /* a link's text names what it leads to, whatever its length */
    int w = said_words(c),
        phrase = l && (links || (w <= LIST_PHRASE_WORDS && !item_clause(c, lang) && !vgi_lead_clause(c) &&
                                 !wide_stop_end(t)));
    phrases += phrase;
    if (n < LIST_FIRST) first_phrases = phrases;
    size_t nl = item_name(c);
    /* "Step 1: …", "Step 2: …" name steps, not things */
    for (const cJSON *o = names->child; nl && o; o = o->next)
      steps |= first_word(o->valuestring) == first_word(c) && !strncasecmp(o->valuestring, c, first_word(c));
    /* one item of a list of names may lack its description ("andrasq - Andras"): said whole */
    named += nl > 0;
    unnamed += !nl && !phrase;
    char *nm = vgi_strdup(c);
    if (nl) nm[nl] = 0;
    nw += said_words(nm);
    /* the item's term and what it says of it ("xml - DBus interfaces …",
     * "**Protocols**: TCP/IP, …"): the description as written (all), else
     * its first clause */
    const char *desc = item_desc(it);
    char *dc = desc ? vgi_strdup(desc) : nl ? vgi_strdup(item_name(t) ? t + item_name(t) : c + nl) : NULL;
    if (dc && !desc) {
      /* past the name's separator in the item as written */
      char *q = dc;
      while (*q == ' ' || *q == ':' || *q == '-' || *q == ',') q++;
      if (!strncmp(q, "\xE2\x80\x93", 3) || !strncmp(q, "\xE2\x80\x94", 3)) q += 3;
      while (*q == ' ') q++;
      memmove(dc, q, strlen(q) + 1);
    }
    char *cl = dc ? desc_clause(dc, lang, all) : NULL;
    free(dc);
    /* a glossary's "Expansion - definition" ("Dependencies - Upstream
     * projects …", "Big Endian - A Byte Order …"): the expansion names it */
    static const char *const dashes[] = { " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", NULL };
    int expansion = 0;
    /* ("As Far As I Can Tell" opens like a clause, and desc_clause said nothing) */
    if (cl && !*cl && desc && acronym_of(nm, desc)) {
      free(cl);
      cl = vgi_strdup(desc);
      size_t cn = strlen(cl);
      while (cn && strchr(".;: ", cl[cn - 1])) cl[--cn] = 0;
    }
    for (int k = 0; cl && !all && dashes[k] && !expansion; k++) {
      char *e = strstr(cl, dashes[k]);
      if (!e || e == cl) continue;
      char c = *e;
      *e = 0;
      if (vgi_word_count(cl) > 5) *e = c;
      else expansion = 1;
    }
    /* a code's one word says what it is ("0 — success"): no name of a
     * person stands beside a number (an option's "True" says nothing) */
    int number = t[strspn(t, "0123456789")] == 0 && strlen(t) <= 5, code = number || t[0] == '-';
    if (number && cl && english(lang) && isupper((unsigned char)cl[0]) && islower((unsigned char)cl[1]))
      cl[0] = (char)tolower((unsigned char)cl[0]);
    /* a description says what the term is in words of the language ("DBus
     * interfaces for …"), not a person's name beside a handle ("aduh95 -
     * Antoine du Hamel"): a word of three letters or more in lower case,
     * or a script without capitals */
    int worded = 0;
    for (const char *w = cl; w && *w && !worded;) {
      while (*w == ' ') w++;
      size_t wl = strcspn(w, " ");
      size_t lo = 0;
      while (lo < wl && ((w[lo] >= 'a' && w[lo] <= 'z') || (unsigned char)w[lo] >= 0x80)) lo++;
      worded = (lo >= 3 && lower_start(w)) || (unsigned char)w[0] >= 0xE0;
      w += wl;
    }
    /* an acronym's expansion ("AFAICT — As Far As I Can Tell") says what
     * it is, capitals and all */
    if (cl && !worded && (acronym_of(nm, cl) || expansion)) worded = 1;
    if (cl && worded && said_words(cl) >= (number || expansion ? 1 : 2)) {
      vgi_buf pb = {0};
      int comma = !desc && nl && c[nl] == ',';   /* "libz, a compression library" */
      vgi_buf_puts(&pb, desc ? c : nm);
      /* a dash, not a colon: the pairs may follow the list's heading and its colon */
      vgi_buf_puts(&pb, comma ? ", " : english_like(lang) ? " \xE2\x80\x94 " : ": ");
      /* "-4 — forces ssh to use IPv4 …": a description's capital opens no
       * sentence here */
      if (english(lang) && opened_by_capital(cl, first_word(cl), 0)) cl[0] = (char)tolower((unsigned char)cl[0]);
      vgi_buf_puts(&pb, cl);
      pw += said_words(pb.s);
      if (n < LIST_FIRST) pw_first = pw;
      described++;
      if (n < LIST_FIRST) described_first++;
      last_described = 1;
      cJSON_AddItemToArray(pair_list, cJSON_CreateString(pb.s));
      vgi_buf_free(&pb);
    } else {
      last_described = 0;
      cJSON_AddItemToArray(pair_list, cJSON_CreateString(desc ? c : nm));
    }
    free(cl);
    /* (as written: speech rewrites "-A"); a status code's number ("0",
     * "76") is such a term too: alone it says nothing */
    if (n < LIST_FIRST && !code) options_first = 0;
    cJSON_AddItemToArray(names, cJSON_CreateString(nm));
    free(nm);
    cJSON_AddItemToArray(tops, cJSON_CreateString(c));
    if (phrase) cJSON_AddItemToArray(phrase_tops, cJSON_CreateString(c));
    tw += w;
    free(c);
    n++;
  }
  cJSON *said = NULL;
  /* (a last item without a description may stand for the rest: "12 more
   * options", a man page's options folded) */
  /* a command's options ("-4", "--all"): a summary says the first
   * LIST_FIRST with what each does; the others need no description (a man
   * page's "-C" whose paragraph has no short first clause), and the last
   * item may stand for the rest ("12 more options") */
  int opts = n > LIST_FIRST && options_first;
  int rest = opts && described == n - 1 && !last_described;
  int first = opts && !all && described_first == LIST_FIRST && pw_first <= PAIRS_WORDS;
  if (options) *options = opts;
  if (n >= 2 && !steps && (described == n || rest || first) && (all || pw_first <= PAIRS_WORDS)) {
    /* terms that each say what they are: said with it, all of them when
     * the summary's words allow, else the first LIST_FIRST and "and more"
     * (as names are) */
    said = pair_list;
    pair_list = NULL;
    *pairs = 1;
    *say = all || pw <= PAIRS_WORDS ? n : LIST_FIRST;
    if (rest && *say == n) *say = n - 1;
    if (described < n - rest) *say = LIST_FIRST;
  } else if (n >= 2 && !steps && !unnamed && named >= (n > 2 ? n - 1 : n) && !names_repeat(names)) {
    said = names;
    names = NULL;
    *say = all || n <= LIST_FIRST || (n <= LIST_NAMED && nw <= LIST_NAMED_WORDS) ? n : LIST_FIRST;
  } else if (n >= 2) {
    *say = all || n <= LIST_FIRST || (n <= LIST_NAMED && tw <= LIST_NAMED_WORDS) ? n : LIST_FIRST;
    /* the items said are phrases; a long list may go on in longer ones */
    if (*say == n ? phrases == n : first_phrases == LIST_FIRST) {
      said = tops;
      tops = NULL;
    } else if (*say == LIST_FIRST && phrases >= LIST_FIRST && phrases * 3 >= n * 2) {
      /* a long list mostly of phrases, one of its first a clause ("Layered
       * architecture offers both control and convenience" among libcbor's
       * features): its first phrases are named, and "and more", never one
       * item said as if it were all */
      said = phrase_tops;
      phrase_tops = NULL;
    }
  }
  cJSON_Delete(tops);
  cJSON_Delete(phrase_tops);
  cJSON_Delete(names);
  cJSON_Delete(pair_list);
  return said;
}

/* Terms with what they are, one sentence under the intro: "Summary
 * of this repository's contents: xml — DBus interfaces for accessibility;
 * bus — launcher for …". The first `say` of ph (list_phrases), and "and
 * more" when there are more. */
static void said_pairs(vgi_buf *b, const char *lang, const char *intro, const cJSON *ph, int say) {
  /* one sentence under the heading, its pairs apart by semicolons: a
   * summary says the list whole or not at all */
  char *in = intro ? vgi_squash(vgi_strdup(intro)) : NULL;
  size_t il = in ? strlen(in) : 0;
  while (il && strchr(":;, ", in[il - 1])) in[--il] = 0;
  if (il && ends_sentence(in, il)) {
    sentence_l(b, in, lang);
    il = 0;
  }
  /* descriptions of more than one sentence or with a semicolon of their
   * own (a full reading) are said one item a sentence after the heading:
   * semicolons between the items would run them together */
  int k = 0, many = 0;
  for (const cJSON *it = ph->child; it && k < say && !many; it = it->next, k++) {
    int ns = 0;
    char **ss = vgi_sentences_lang(it->valuestring, lang, &ns);
    for (int q = 0; q < ns; q++) free(ss[q]);
    free(ss);
    many = ns > 1 || strstr(it->valuestring, "; ");
    /* a Korean description that ends on its predicate ("…방식입니다") is
     * a sentence: a comma after it ran two sentences into one */
    many |= cjk_of(lang) == 'k' && (wide_stop_end(it->valuestring) ||
                                    cjk_unstopped(it->valuestring, strlen(it->valuestring), 'k'));
  }
  /* Chinese and Japanese descriptions that end with their 。 are parted by
   * "；" without it, as "; " parts them in English ("、" after a 。 read
   * "…。 、1: …。 。") */
  int wide = 0;
  k = 0;
  for (const cJSON *it = ph->child; it && k < say && !english_like(lang); it = it->next, k++)
    wide |= vgi_wide_period_before(it->valuestring, strlen(it->valuestring)) != 0;
  if (many) {
    if (il) sentence_l(b, in, lang);
    k = 0;
    for (const cJSON *it = ph->child; it && k < say; it = it->next, k++) sentence_l(b, it->valuestring, lang);
    free(in);
    return;
  }
  vgi_buf j = {0};
  k = 0;
  for (const cJSON *it = ph->child; it && k < say; it = it->next, k++) {
    if (k) vgi_buf_puts(&j, english_like(lang) ? "; " : wide ? "\xEF\xBC\x9B" : vgi_phrase(lang, "sep"));
    size_t vl = strlen(it->valuestring);
    while (wide && vgi_wide_period_before(it->valuestring, vl)) vl -= 3;
    vgi_buf_add(&j, it->valuestring, vl);
  }
  if (j.n && say < cJSON_GetArraySize(ph)) {
    const char *a[1] = { j.s };
    vgi_buf m = {0};
    vgi_phrase_put(&m, lang, "list_more", a, 1);
    vgi_buf_free(&j);
    j = m;
  }
  if (j.n && il) phrase(b, lang, "list_named", in, j.s);
  else if (j.n) sentence_l(b, j.s, lang);
  vgi_buf_free(&j);
  free(in);
}

/* The words a video writes in lower case somewhere in its prose (not in
 * links, paths or code), sorted: while vgi_narrate says it, a capital that
 * only opened a list item is known from a name's (doc_words). */
static _Thread_local char **doc_words_;
static _Thread_local size_t doc_nwords_;

static int str_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void doc_words_add(const cJSON *x, char ***v, size_t *n, size_t *cap) {
  for (; x; x = x->next) {
    if (x->child) doc_words_add(x->child, v, n, cap);
    if (!cJSON_IsString(x)) continue;
    for (const char *p = x->valuestring; *p;) {
      while (*p == ' ' || *p == '\n' || *p == '\t') p++;
      size_t l = strcspn(p, " \n\t");
      /* a word of letters, hyphens and the punctuation around it */
      size_t a = 0, z = l;
      while (a < z && strchr("([\"'*_", p[a])) a++;
      while (z > a && strchr(")]\"'*_.,;:!?", p[z - 1])) z--;
      int plain = z > a;
      for (size_t i = a; i < z && plain; i++) plain = (p[i] >= 'a' && p[i] <= 'z') || (p[i] == '-' && i > a);
      for (size_t i = a; plain && i < z;) {
        size_t e = i;
        while (e < z && p[e] != '-') e++;
        if (e - i >= 2) {
          if (*n == *cap) *v = realloc(*v, (*cap = *cap ? *cap * 2 : 256) * sizeof **v);
          if (!*v) abort();
          char *w = malloc(e - i + 1);
          if (!w) abort();
          memcpy(w, p + i, e - i);
          w[e - i] = 0;
          (*v)[(*n)++] = w;
        }
        i = e + 1;
      }
      p += l;
    }
  }
}

static void doc_words_free(void) {
  for (size_t i = 0; i < doc_nwords_; i++) free(doc_words_[i]);
  free(doc_words_);
  doc_words_ = NULL, doc_nwords_ = 0;
}

static void doc_words_set(const cJSON *video) {
  doc_words_free();
  size_t cap = 0, n = 0;
  char **v = NULL;
  doc_words_add(cJSON_GetObjectItemCaseSensitive(video, "scenes"), &v, &n, &cap);
  if (!n) { free(v); return; }
  qsort(v, n, sizeof *v, str_cmp);
  size_t u = 0;
  for (size_t i = 0; i < n; i++) {
    if (u && !strcmp(v[u - 1], v[i])) free(v[i]);
    else v[u++] = v[i];
  }
  doc_words_ = v, doc_nwords_ = u;
}

/* 1 when the video writes w (n bytes, in lower case) in lower case. */
static int doc_word(const char *w, size_t n) {
  char k[64];
  if (n >= sizeof k || !doc_nwords_) return 0;
  memcpy(k, w, n);
  k[n] = 0;
  const char *key = k;
  return bsearch(&key, doc_words_, doc_nwords_, sizeof *doc_words_, str_cmp) != NULL;
}

/* A lower-case English word (w, n bytes) that is no name: of a list of
 * common words, or of seven letters or more with an ending of English words
 * ("-ed", "-ing", "-tion", …). */
static int common_english(const char *w, size_t n) {
  static const char *const common[] = {
    "able", "access", "active", "add", "store", "keep", "save", "load", "send", "track", "handle", "manage",
    "advanced", "all", "any", "audio", "auto", "automatic", "background",
    "basic", "batch", "better", "big", "binary", "both", "build", "built", "cache", "change", "check", "clean",
    "clear", "client", "color", "colour", "command", "common", "complete", "config", "configurable",
    "configuration", "connection", "context", "control", "core", "cross", "current", "custom", "data", "date",
    "death", "debug", "deep", "default", "design", "detailed", "direct", "display", "document",
    "documentation", "dynamic", "easy", "edit", "editor", "error", "errors", "event", "events", "example",
    "examples", "export", "extensible", "extra", "fast", "fatal", "feature", "features", "file", "files",
    "filter", "first", "fixed", "flexible", "format", "free", "full", "global", "good", "graph", "great",
    "group", "help", "hidden", "high", "history", "image", "images", "import", "incremental", "input",
    "install", "installation", "integration", "interactive", "internal", "key", "language", "large", "latest",
    "layout", "level", "library", "light", "lightweight", "limited", "line", "link", "list", "live", "local",
    "log", "logging", "low", "main", "manual", "many", "memory", "message", "mode", "modern", "more",
    "multiple", "name", "native", "network", "new", "no", "option", "optional", "options", "output", "page",
    "parallel", "parser", "partial", "path", "plain", "plugin", "portable", "powerful", "private", "project",
    "public", "quick", "read", "real", "remote", "report", "rich", "rule", "rules", "run", "safe", "sample",
    "search", "secure", "server", "session", "settings", "shared", "simple", "single", "small", "smart",
    "source", "standard", "static", "status", "step", "strong", "style", "support", "sync", "system", "table",
    "task", "template", "test", "tests", "text", "theme", "thread", "time", "tool", "tools", "type", "types",
    "unit", "update", "user", "value", "values", "various", "version", "video", "view", "web", "window",
    "word", "work", "zero", NULL };
  if (word_of(common, w, n)) return 1;
  /* an English word by its ending ("Unencrypted", "Exposed", "Seamless") */
  static const char *const endings[] = { "ed", "ing", "ly", "tion", "tions", "ment", "ments", "ness", "ity",
    "less", "able", "ible", "ive", "ous", "ful", NULL };
  for (int q = 0; endings[q] && n >= 7; q++) {
    size_t el = strlen(endings[q]);
    if (!strncmp(w + n - el, endings[q], el)) return 1;
  }
  return 0;
}

/* Whether a sentence that begins with this lower-case word ("internal code
 * changes", "optimized an internal routine") takes a capital: a function
 * word or a common one does; a name or code written in lower case (zstd,
 * make, npm) keeps its letters. */
static int sentence_capital(const char *t) {
  static const char *const function_words[] = { "the", "a", "an", "this", "these", "that", "those", "it", "its",
    "there", "in", "on", "for", "with", "all", "each", "every", "no", "not", "when", "if", "to", "you", "we",
    "our", "your", "some", "most", "many", "one", "new", "now", "also", "only", "use", "using", "allow",
    "allows", "fix", "fixes", "fixed", "improved", "removed", "added", "adds", "support", "supports", "please",
    /* a step's imperative ("… v0.40.6. activate nvm by sourcing it") */
    "activate", "clone", "open", "create", "download", "enable", "disable", "copy", "move", "remove", "delete",
    "set", "go", "start", "stop", "restart", "configure", "verify", "follow", "select", "choose", "click",
    "navigate", "ensure", "then", "next", "finally", "add", "append", "replace", "rename", "restore",
    "uninstall", "upgrade", "reload", "write", "type", "press", "wait", "close", "save", "apply",
    NULL };
  if (!(t[0] >= 'a' && t[0] <= 'z')) return 0;
  size_t n = 0;
  while (t[n] >= 'a' && t[n] <= 'z') n++;
  if (t[n] && !strchr(" ,;:.!?", t[n])) return 0;   /* "x86", "npm-run", "a_b": code */
  if (t[n] && t[n] != ' ' && t[n + 1] && t[n + 1] != ' ') return 0;   /* "a.sep", "e.g": code, abbreviations */
  return word_of(function_words, t, n) || common_english(t, n);
}

/* s with a capital at each sentence start that sentence_capital allows;
 * NULL when nothing changes. Caller frees. */
static char *sentence_capitals(const char *s) {
  char *c = NULL;
  for (size_t i = 0; s[i]; i++) {
    int start = i == 0 || (i >= 2 && s[i - 1] == ' ' && strchr(".!?", s[i - 2]) &&
                           !vgi_mark_as_sign(s, s + i - 2, NULL));   /* "with ? when unsure" */
    if (!start || !sentence_capital(s + i)) continue;
    /* "e.g. the": an abbreviation's stop starts no sentence, nor does
     * "etc." before a lower-case word ("Lua, C, etc. related tools") */
    /* (a version's last stop is a full stop: "… v0.40.6. Activate …") */
    if ((i >= 4 && s[i - 4] == '.' && !isdigit((unsigned char)s[i - 3])) || (i >= 2 && vgi_etc_goes_on(s, s + i - 2)))
      continue;
    /* nor "cf.", "resp.", "wrt." before a lower-case word */
    if (i >= 2 && s[i - 2] == '.' && vgi_abbrev_stop(s, s + i - 2, NULL)) continue;
    if (!c) c = vgi_strdup(s);
    c[i] = (char)(c[i] - 'a' + 'A');
  }
  return c;
}

/* The first word of an English list item (fw bytes), capitalised only
 * because it opened the item ("Test discovery", "Fatal failures"): an
 * ordinary word, which the video writes in lower case elsewhere, or a
 * common word (of the list, or of seven letters or more with an ending
 * of English words: "-ed", "-ing", "-tion", …), in an item not in title
 * case. Never a name, an acronym or code: a capital after the first
 * letter (GitHub, API, gRPC), a digit, or a word the video writes only
 * capitalised that no list of common words holds (Linux, Windows). An item
 * of one word is a name unless both hold. */
static int opened_by_capital(const char *c, size_t fw, int one_word) {
  while (fw && strchr(",.;:!?", c[fw - 1])) fw--;
  if (fw < 2 || fw >= 64 || !(c[0] >= 'A' && c[0] <= 'Z')) return 0;
  char lw[64];
  lw[0] = (char)tolower((unsigned char)c[0]);
  size_t e = 1;
  for (; e < fw && c[e] != '-'; e++) {
    if (!(c[e] >= 'a' && c[e] <= 'z')) return 0;
    lw[e] = c[e];
  }
  for (size_t i = e; i < fw; i++)   /* "User-defined": the rest lower case too */
    if (!((c[i] >= 'a' && c[i] <= 'z') || c[i] == '-')) return 0;
  /* a phrase in title case ("Physical Infrastructure", "Application
   * Layer") keeps its capitals: they make it a title */
  /* ("Request for Comments": any of its next three words) */
  const char *nx = c + strcspn(c, " ");
  for (int q = 0; !one_word && q < 3 && *nx; q++) {
    while (*nx == ' ') nx++;
    size_t nl = strcspn(nx, " ");
    if (nl >= 2 && isupper((unsigned char)nx[0]) && islower((unsigned char)nx[1])) return 0;
    nx += nl;
  }
  int in_doc = doc_word(lw, e), in_common = common_english(lw, e);
  /* a verb of a common word ("Works offline", "Stores notes", "Syncs
   * between devices"): the item says what the thing does; not the names
   * that look so (Windows, GitHub Pages, Teams) */
  static const char *const plural_names[] = { "windows", "pages", "actions", "teams", "docs", "sheets", "news",
                                              "forms", "maps", "photos", "notes", NULL };
  if (!in_common && e > 3 && lw[e - 1] == 's' && !one_word && !word_of(plural_names, lw, e))
    in_common = common_english(lw, e - 1) || (e > 4 && lw[e - 2] == 'e' && common_english(lw, e - 2));
  return one_word ? in_doc && in_common : in_doc || in_common;
}

/* Appends the first `say` phrases as one sentence: "<intro>: A, B and C."
 * (without an intro "A, B and C."), and "and more" when there are more. An
 * intro that ends a sentence of its own ("Who uses it?"), or one before
 * items that hold a colon themselves ("Volume 1: Core"), is said before
 * the list. */
static void said_list(vgi_buf *b, const char *lang, const char *intro, const cJSON *ph, int say) {
  int n = cJSON_GetArraySize(ph), colons = 0, k = 0;
  for (const cJSON *it = ph->child; it && k < say; it = it->next, k++)
    colons |= strstr(it->valuestring, ": ") || strstr(it->valuestring, "\xEF\xBC\x9A");
  char *in = intro ? vgi_squash(vgi_strdup(intro)) : NULL;
  size_t il = in ? strlen(in) : 0;
  while (il && strchr(":;, ", in[il - 1])) in[--il] = 0;
  if (il >= 3 && !strcmp(in + il - 3, "\xEF\xBC\x9A")) in[il -= 3] = 0;
  if (il && (colons || ends_sentence(in, il))) {
    sentence_l(b, in, lang);
    il = 0;
  }
  vgi_buf j = {0};
  k = 0;
  for (const cJSON *it = ph->child; it && k < say; it = it->next, k++) {
    char *c = vgi_strdup(it->valuestring);
    /* "...and many others": the ellipsis that leads the line is not said */
    if (!strncmp(c, "...", 3) || !strncmp(c, "\xE2\x80\xA6", 3)) {
      size_t lead = 3;
      while (c[lead] == '.' || c[lead] == ' ') lead++;
      if (c[lead]) memmove(c, c + lead, strlen(c + lead) + 1);
    }
    size_t fw = first_word(c);
    if (k) {
      const char *key = say < n || k < say - 1 ? "sep" : say == 2 ? "pair" : "last";
      /* "…, and the other contributors" brings its own "and" */
      const char *jw = vgi_phrase(lang, key);
      size_t je = strlen(jw), js;
      while (je && jw[je - 1] == ' ') je--;
      for (js = je; js && jw[js - 1] != ' ' && jw[js - 1] != ','; js--) {}
      if (je > js && je - js == fw && !strncasecmp(c, jw + js, fw)) key = "sep";
      vgi_buf_puts(&j, vgi_phrase(lang, key));
    }
    /* read mid-sentence, an article is in lower case ("Features: a rich
     * set …"); it opens a sentence in upper case */
    if (word_of(determiners, c, fw) && (unsigned char)c[0] < 0x80) {
      if (k || il) c[0] = (char)tolower((unsigned char)c[0]);
      else c = vgi_upper_first(c, lang);
    }
    else if ((k || il) && english(lang) && opened_by_capital(c, fw, !c[fw]))   /* "…, test discovery" */
      c[0] = (char)tolower((unsigned char)c[0]);
    vgi_buf_puts(&j, c);
    free(c);
  }
  if (say < n) {
    const char *a[1] = { j.s };
    vgi_buf m = {0};
    vgi_phrase_put(&m, lang, "list_more", a, 1);
    vgi_buf_free(&j);
    j = m;
  }
  if (il) phrase(b, lang, "list_named", in, j.s);
  else sentence_l(b, j.s, lang);
  vgi_buf_free(&j);
  free(in);
}

/* 1 when one of the units already names the first `say` phrases (all of
 * them, or LIST_FIRST). */
static int named_before(const cJSON *units, const cJSON *ph, int say) {
  const char *texts[LIST_NAMED + 1];
  long at[LIST_NAMED + 1];
  int n = 0;
  for (const cJSON *it = ph->child; it && n < say && n <= LIST_NAMED; it = it->next) texts[n++] = it->valuestring;
  for (const cJSON *u = units ? units->child : NULL; u; u = u->next) {
    if (!vgi_str(u, "t")) continue;
    vgi_named_at(vgi_str(u, "t"), texts, n, at);
    int named = 0;
    for (int i = 0; i < n; i++) named += at[i] >= 0;
    if (named >= n || named >= LIST_FIRST) return 1;
  }
  return 0;
}

static char *phrase_dup(const char *lang, const char *key, const char *a1) {
  vgi_buf t = {0};
  phrase(&t, lang, key, a1, NULL);
  return vgi_buf_take(&t);
}

/* An English title that is a sentence: a finite verb or an auxiliary in
 * small letters after its first word ("Snake is a library for …", "This
 * page has moved", "fakeroot can be built …"), in three words or more. A
 * title in title case capitalises its verbs and names a thing ("Cans and
 * Jars", "What Is New" stays a name). */
static int finite_verb_title(const char *title) {
  static const char *const verbs[] = { "is", "are", "was", "were", "has", "have", "had", "will", "can", "cannot",
                                       "could", "would", "must", "should", "may", "might", "shall", "does", "did",
                                       "contains", "provides", "includes", "moved", NULL };
  if (vgi_word_count(title) < 3) return 0;
  const char *p = title + strcspn(title, " ");   /* after the first word */
  while (*p) {
    while (*p == ' ') p++;
    size_t n = 0;
    while (p[n] && p[n] != ' ' && p[n] != ',' && p[n] != ':' && p[n] != ';' && p[n] != '.') n++;
    for (int k = 0; n && verbs[k]; k++)
      if (strlen(verbs[k]) == n && !memcmp(p, verbs[k], n)) return 1;
    p += n;
    while (*p && *p != ' ') p++;
  }
  return 0;
}

static void unspeakable_out(char *s);

/* Has a title a letter or digit the voice says, its pictographs left out? */
/* A combining mark (an accent written apart, Arabic's short vowels and
 * tanween): "مرحبًا" and "مرحبا" are one word to a reader. -> its length
 * at p, 0. */
static size_t combining_at(const char *p) {
  unsigned char c = (unsigned char)p[0], d = (unsigned char)p[1];
  if (c == 0xCC || (c == 0xCD && d >= 0x80 && d < 0xB0)) return 2;     /* U+0300-U+036F */
  if (c == 0xD9 && ((d >= 0x8B && d <= 0x9F) || d == 0xB0)) return 2;  /* U+064B-U+065F, U+0670 */
  return 0;
}

/* The bytes of t that w's first wl bytes open it with, combining marks and
 * ASCII case aside (0: t does not open with them). */
static size_t opens_with_loose(const char *t, const char *w, size_t wl) {
  const char *a = t, *b = w, *be = w + wl;
  for (;;) {
    size_t k;
    while ((k = combining_at(a)) != 0) a += k;
    while (b < be && (k = combining_at(b)) != 0) b += k;
    if (b >= be) return (size_t)(a - t);
    if (!*a || tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
    a++, b++;
  }
}

static int sayable_title(const char *title) {
  char *t = vgi_strdup(title);
  unspeakable_out(t);
  int any = 0;
  for (const unsigned char *q = (const unsigned char *)t; *q && !any; q++) any = isalnum(*q) || *q >= 0xC0;
  free(t);
  return any;
}

/* A term with what it is, its description's first sentence in a summary
 * ("Current: under active development."), as one sentence into b. */
static void term_said(vgi_buf *b, const cJSON *it, const char *idesc, const char *lang) {
  int n1 = 0;
  char **s1 = vgi_sentences_lang(idesc, lang, &n1);
  /* (a whole reading says it whole: Japanese groupadd(8)'s one
   * option was said by its first sentence alone, "新規グループの ID
   * 番号。", with --detail full) */
  char *said = headlines_ ? said_short(n1 ? s1[0] : idesc, LONG_WORDS) : vgi_strdup(idesc);
  for (int q = 0; q < n1; q++) free(s1[q]);
  free(s1);
  char *lt = english(lang) ? lower_first(said) : vgi_strdup(said);
  char *head = vgi_strdup(item_text(it));
  /* (an option by its words, as a list of them says it: "a 옵션") */
  if (strchr("-+", head[0])) head = clean_speech(head, lang);
  size_t hl = strlen(head);
  /* (a bold lead that ends its own sentence, "**Framing — CONFLICT.** The
   * maintainer …": "Framing — CONFLICT: the maintainer …", never ".:") */
  while (hl && (head[hl - 1] == ':' || head[hl - 1] == ' ' || head[hl - 1] == '.')) head[--hl] = 0;
  vgi_buf one = {0};
  vgi_buf_printf(&one, "%s: %s", head, lt);
  sentence_l(b, one.s, lang);
  vgi_buf_free(&one);
  free(head);
  free(lt);
  free(said);
}

/* A title's trailing groups in brackets that hold a digit ("dbus 1.14.10
 * (2023-09-01)", "Noteworthy changes in version 1.10.1 (2022-03-28)
 * [C24/A4/R1]") are shown, not said: a date or a library's interface
 * numbers made the welcome a sentence of 13 s. The length of the title
 * said (the whole when nothing else would be left; "(Beta)" stays). */
static size_t title_said_len(const char *title) {
  size_t n = strlen(title);
  for (;;) {
    size_t e = n;
    while (e && title[e - 1] == ' ') e--;
    if (!e || (title[e - 1] != ')' && title[e - 1] != ']')) break;
    char open = title[e - 1] == ')' ? '(' : '[';
    size_t o = e - 1;
    int digit = 0;
    while (o && title[o - 1] != open && title[o - 1] != ')' && title[o - 1] != ']') {
      digit |= isdigit((unsigned char)title[o - 1]) != 0;
      o--;
    }
    if (!o || title[o - 1] != open || !digit) break;
    o--;
    while (o && title[o - 1] == ' ') o--;
    /* (after a word, or after another group: "(2022-03-28) [C24/A4/R1]") */
    unsigned char pc = o ? (unsigned char)title[o - 1] : 0;
    if (!o || (!isalnum(pc) && !(pc & 0x80) && pc != ')' && pc != ']')) break;
    n = o;
  }
  return n;
}

char *vgi_template(const cJSON *scene, const char *lang) {
  const char *type = vgi_str(scene, "scene_type");
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(scene, "visual_content");
  vgi_buf b = {0};
  if (!type || !cJSON_IsObject(vc)) return NULL;
  const char *topic = field(scene, vc, "topic");
  const char *key = field(scene, vc, "key_message");
  const cJSON *kp = cJSON_GetObjectItemCaseSensitive(scene, "key_points");
  if (!kp) kp = cJSON_GetObjectItemCaseSensitive(vc, "key_points");
  if (!cJSON_IsArray(kp) || !count_text(kp)) kp = NULL;
#define sentence(b, s) sentence_l(b, s, lang)

  if (!strcmp(type, "title")) {
    const char *title = vgi_str(vc, "title"), *sub = vgi_str(vc, "subtitle");
    /* a title that is a file's path ("/etc/adduser.conf — configuration
     * file for adduser(8)", a man page of section 5) is said by the file's
     * name: a path is shown, not said, and "Welcome — configuration file"
     * lost what the page is about */
    if (title && (title[0] == '/' || (title[0] == '~' && title[1] == '/'))) {
      const char *end = title + strcspn(title, " \t"), *base = title;
      for (const char *q = title; q < end; q++)
        if (*q == '/' && q + 1 < end) base = q + 1;
      if (base > title && end > base) title = base;
    }
    /* a title of pictographs alone ("🚀✨") says nothing: "Welcome to." was
     * the phrase around an empty name, so nothing of the title is said */
    if (title && !sayable_title(title)) title = NULL;
    char *said_title = title ? vgi_strdup(title) : NULL;
    if (said_title) said_title[title_said_len(said_title)] = 0, title = said_title;
    /* a title that welcomes already ("Welcome to the OpenSSL Project") is
     * said as it is, never "Welcome to Welcome to …" */
    const char *wp = vgi_phrase(lang, "welcome"), *slot = strstr(wp, "{1}");
    size_t wl = slot ? (size_t)(slot - wp) : 0;
    while (wl && wp[wl - 1] == ' ') wl--;
    /* (and a question, "What is libffi?": "Welcome to What is …" is no sentence) */
    size_t tl_ = title ? strlen(title) : 0;
    int question = tl_ > 1 && (title[tl_ - 1] == '?' || (tl_ > 3 && !strcmp(title + tl_ - 3, "\xEF\xBC\x9F")));
    /* (and a sentence, an untitled README's first: "Cobra is a library for …") */
    question |= english(lang) && title && (strstr(title, " is a ") || strstr(title, " is an ") || strstr(title, " is the "));
    /* ("fakeroot can be built to either use SYSV IPC or TCP", "This page
     * has moved": a sentence with a verb of its own is no name to welcome
     * to) */
    question |= english(lang) && title && finite_verb_title(title);
    /* ("The minimal, blazing-fast prompt for any shell!": an exclamation
     * of some words is a tagline said as it is, not a name to welcome to) */
    question |= tl_ > 1 && title[tl_ - 1] == '!' && vgi_word_count(title) >= 4;
    /* ("This is GNU grep, …", "This package contains …": a sentence that
     * points at the document, "Welcome to This is …" is none) */
    static const char *const points[] = { "this is ", "this package ", "this file ", "this directory ",
                                          "this document ", "this project ", "these are ", "here is ", "here are ",
                                          NULL };
    for (int q = 0; english(lang) && title && !question && points[q]; q++)
      question = !strncasecmp(title, points[q], strlen(points[q])) && vgi_word_count(title) >= 4;
    size_t welcomed = title && wl ? opens_with_loose(title, wp, wl) : 0;   /* (Arabic writes it with or without tanween) */
    if (title && ((welcomed && title[welcomed] == ' ') || question)) {
      sentence(&b, title);
    } else if (title) {
      char *t = phrase_dup(lang, "welcome", title);
      sentence(&b, t);
      free(t);
    }
    free(said_title);
    char *tag = !key && sub ? tagline_said(sub, lang) : NULL;
    /* (the document's first sentence, said here, without the pictographs
     * a section's narration loses too: "It is free ‼️") */
    char *first = vgi_strdup(key ? key : tag ? tag : sub ? sub : "");
    unspeakable_out(first);
    if (*first) sentence(&b, first);
    free(first);
    free(tag);
  } else if (!strcmp(type, "command")) {
    const char *h = vgi_str(vc, "header"), *desc = vgi_str(vc, "description");
    /* a step's number ("1. Clone The Repository", "2.3 Build") is shown,
     * not said: said first, it was a sentence of its own ("1.") */
    if (h) {
      const char *q = h;
      while (isdigit((unsigned char)*q) || (*q == '.' && isdigit((unsigned char)q[1]))) q++;
      if (q > h && (*q == '.' || *q == ')')) q++;
      if (q > h && *q == ' ' && q[1]) h = q + 1;
    }
    sentence(&b, topic ? topic : h);
    if (!topic && desc && !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(vc, VGI_CTX_KEY))) sentence(&b, desc);
    const cJSON *cmds = cJSON_GetObjectItemCaseSensitive(vc, "commands");
    int n = count_text(cmds);
    /* "Run this command" is for shell; other code is an example in its language */
    const char *cl = vgi_str(vc, "language");
    static const char *const shells[] = { "sh", "bash", "shell", "console", "zsh", "shell-session",
                                          "powershell", "ps1", "bat", "cmd", "fish", "text", NULL };
    int shell = !cl || !*cl;
    for (int i = 0; !shell && shells[i]; i++) shell = !strcasecmp(cl, shells[i]);
    /* plain text (names, an address, a channel) is neither commands to
     * run nor an example of a language: its heading says what it is */
    int plain = cl && (!strcasecmp(cl, "text") || !strcasecmp(cl, "txt") || !strcasecmp(cl, "plaintext"));
    /* (so is a manual page's SYNOPSIS: the forms of a command, not one to run) */
    plain |= h && !strcasecmp(h, "synopsis");
    const char *does = n && shell ? commands_do(cmds, n, lang) : NULL;
    if (does) sentence(&b, does);
    else if (n && shell && !plain) {
      if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(vc, VGI_RUNS_KEY)))
        sentence(&b, vgi_phrase(lang, n == 1 ? "run_one" : "run_many"));
    }
    else if (n && !plain) {
      char name[64];
      snprintf(name, sizeof name, "%s", cl);
      if (name[0] >= 'a' && name[0] <= 'z') name[0] = (char)(name[0] - 'a' + 'A');
      char *t = phrase_dup(lang, "code_example", name);
      sentence(&b, t);
      free(t);
    }
    if (kp) phrase_list(&b, lang, "gives_you", kp, 0, 0, 1);
  } else if (!strcmp(type, "list")) {
    const char *h = vgi_str(vc, "header"), *desc = vgi_str(vc, "description");
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(vc, "items");
    /* a document's list of names or phrases is said in one sentence under
     * its heading ("Compilers: gcc 5.0+, clang 5.0+ and MSVC 2015+"); a
     * YAML scene's items say what the scene's author wrote */
    int say = 0;
    int pairs = 0;
    cJSON *ph = headlines_ || cJSON_GetObjectItemCaseSensitive(scene, VGI_SRANK_KEY)
                  ? list_phrases(items, lang, !headlines_, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(vc, VGI_LINKS_KEY)),
                                 &say, &pairs, NULL)
                  : NULL;
    /* a later part's "continued" is for the eye, and so is its heading
     * said again: the voice goes on with the list ("Highlights.
     * Continued. Includes …" was uv's second page) */
    int cont = desc && !strcmp(desc, vgi_phrase(lang, "l_continued"));
    if (desc && (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(vc, VGI_CTX_KEY)) || topic || cont)) desc = NULL;
    size_t said0 = b.n;
    if (!ph) {
      if (!cont || topic) sentence(&b, topic ? topic : h);
      if (desc) sentence(&b, desc);
    }
    int top = 0, long_items = 0;
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
      const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
      if (!item_text(it) || (cJSON_IsNumber(lvl) && lvl->valueint > 0)) continue;
      top++;
      long_items += vgi_word_count(item_text(it)) > 6;
    }
    if (ph) {
      /* the description (a label) introduces the list when there is one */
      if (desc) sentence(&b, h);
      if (pairs) said_pairs(&b, lang, desc ? desc : topic ? topic : h, ph, say);
      else said_list(&b, lang, desc ? desc : topic ? topic : h, ph, say);
      cJSON_Delete(ph);
    } else if (top && (top == 1 || (long_items * 2 > top && top <= 4 && !headlines_))) {
      /* one item, or a few sentences: said as sentences, not "key points
       * include"; one item with children is said with its first child
       * ("DWDM: splits light into 80 channels"), every child in full */
      for (const cJSON *it = items->child; it; it = it->next) {
        const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
        if (!item_text(it) || (cJSON_IsNumber(lvl) && lvl->valueint > 0)) continue;
        const cJSON *c = it->next;
        const cJSON *cl = c ? cJSON_GetObjectItemCaseSensitive(c, "level") : NULL;
        const char *idesc = item_desc(it);
        /* (an option, "-o", too: "ascii 选项: 显示纯 ASCII 文本", never "the
         * ascii option" alone, its description unsaid, on a slide of its
         * own after a display of code in the option before it) */
        if (top == 1 && idesc && *idesc && !(c && cJSON_IsNumber(cl) && cl->valueint > 0) && item_text(it)) {
          /* a term alone on its slide (a long list split: node's "Current:
           * Under active development. …") is said with what it is, its
           * first sentence, not by its name alone ("Release types.
           * Current.") */
          term_said(&b, it, idesc, lang);
        } else if (top == 1 && c && item_text(c) && cJSON_IsNumber(cl) && cl->valueint > 0 && !strstr(item_text(c), ": ")) {
          char *lt = english(lang) ? lower_first(item_text(c)) : vgi_strdup(item_text(c));
          vgi_buf one = {0};
          char *head = vgi_strdup(item_text(it));
          size_t hl = strlen(head);
          while (hl && (head[hl - 1] == ':' || head[hl - 1] == ' ')) head[--hl] = 0;
          /* an item that ends its sentence ("… on a single machine.") is
           * said as it is, its child after it as a sentence of its own, not
           * joined by a colon (".: when installing") */
          if (ends_sentence(head, hl)) {
            sentence(&b, head);
            vgi_buf_puts(&one, item_text(c));
          } else {
            vgi_buf_printf(&one, "%s: %s", head, lt);
          }
          free(head);
          sentence(&b, one.s);
          vgi_buf_free(&one);
          free(lt);
          for (c = c->next; c && !headlines_; c = c->next) {
            cl = cJSON_GetObjectItemCaseSensitive(c, "level");
            if (!item_text(c) || !cJSON_IsNumber(cl) || cl->valueint <= 0) break;
            sentence(&b, item_text(c));
          }
        } else if (headlines_) {
          /* a summary says an item's first sentence (without its asides,
           * by its headline when it is still long) */
          int n1 = 0;
          char **s1 = vgi_sentences_lang(item_text(it), lang, &n1);
          char *said = said_short(n1 ? s1[0] : item_text(it), LONG_WORDS);
          sentence(&b, said);
          free(said);
          for (int q = 0; q < n1; q++) free(s1[q]);
          free(s1);
        } else {
          sentence(&b, item_text(it));
        }
      }
    } else if (headlines_ && sentence_items(items, 3)) {
      item_sentences(&b, items, 3, lang);
    } else if (!headlines_ && sentence_items(items, 3) && cJSON_GetObjectItemCaseSensitive(scene, VGI_SRANK_KEY)) {
      /* the full reading of items that are sentences ("Run the npm install
       * command to …"): each said as written, not "Key points include Run …"
       * (a document's lists only: a YAML scene's items are names) */
      for (const cJSON *it = items->child; it; it = it->next) {
        const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
        if (item_text(it) && !(cJSON_IsNumber(lvl) && lvl->valueint > 0) && !nothing_said(item_text(it)))
          sentence_l(&b, item_text(it), lang);
      }
    } else if (count_text(items)) phrase_list(&b, lang, "key_points", items, headlines_ ? 3 : 8, 0, 0);
    if (kp) phrase_list(&b, lang, "remember", kp, 0, 0, 0);
    /* (a later page whose points are not said says its heading: never a
     * silent slide) */
    if (cont && b.n == said0) sentence(&b, h);
  } else if (!strcmp(type, "table")) {
    sentence(&b, topic ? topic : vgi_str(vc, "header"));
    char *t = vgi_table_narration(vc, lang);
    if (t && *t) { if (b.n) vgi_buf_puts(&b, " "); vgi_buf_puts(&b, t); }
    free(t);
  } else if (!strcmp(type, "outro")) {
    const char *m = vgi_str(vc, "main_text"), *sub = vgi_str(vc, "sub_text");
    sentence(&b, m);
    if (key) sentence(&b, key);
    if (sub) {
      size_t l = strlen(sub);
      if (!strncmp(sub, "See ", 4) || !strncmp(sub, "see ", 4)) {
        sentence(&b, sub);
      } else if ((l > 3 && !strcmp(sub + l - 3, ".md")) || strchr(sub, '/') ||
                 (l > 4 && (!strcmp(sub + l - 4, ".txt") || !strcmp(sub + l - 5, ".html")))) {
        phrase(&b, lang, "see_guides", sub, NULL);
      } else {
        sentence(&b, sub);
      }
    }
  } else if (!strcmp(type, "code_comparison")) {
    const char *h = vgi_str(vc, "header");
    const char *bl = vgi_str(vc, "before_label"), *al = vgi_str(vc, "after_label");
    sentence(&b, topic ? topic : h);
    int en = english(lang);
    char *bl2 = bl && en ? lower_first(bl) : vgi_strdup(bl ? bl : vgi_phrase(lang, "original"));
    char *al2 = al && en ? lower_first(al) : vgi_strdup(al ? al : vgi_phrase(lang, "improved"));
    phrase(&b, lang, "compare", bl2, al2);
    free(bl2);
    free(al2);
    sentence(&b, field(scene, vc, "improvement"));
    if (kp) phrase_list(&b, lang, "key_improvements", kp, 0, 0, 0);
  } else if (!strcmp(type, "quote")) {
    const char *q = vgi_str(vc, "quote_text"), *a = vgi_str(vc, "attribution");
    if (a && *a) phrase(&b, lang, "as_put_it", a, NULL);
    sentence(&b, q);
    sentence(&b, field(scene, vc, "context"));
  } else if (!strcmp(type, "problem")) {
    const cJSON *num = cJSON_GetObjectItemCaseSensitive(vc, "problem_number");
    const char *t = vgi_str(vc, "title"), *txt = vgi_str(vc, "problem_text"), *dif = vgi_str(vc, "difficulty");
    if (cJSON_IsNumber(num)) {
      char nb[32];
      snprintf(nb, sizeof nb, "%d", num->valueint);
      phrase(&b, lang, "problem_n", nb, NULL);
    }
    sentence(&b, t);
    sentence(&b, txt);
    if (dif && (!strcmp(dif, "easy") || !strcmp(dif, "medium") || !strcmp(dif, "hard"))) {
      char k[16];
      snprintf(k, sizeof k, "diff_%s", dif);
      phrase(&b, lang, k, NULL, NULL);
    }
  } else if (!strcmp(type, "solution")) {
    sentence(&b, vgi_str(vc, "title") ? vgi_str(vc, "title") : vgi_phrase(lang, "solution"));
    sentence(&b, vgi_str(vc, "explanation"));
  } else if (!strcmp(type, "checkpoint")) {
    const cJSON *num = cJSON_GetObjectItemCaseSensitive(vc, "checkpoint_number");
    if (cJSON_IsNumber(num)) {
      char nb[32];
      snprintf(nb, sizeof nb, "%d", num->valueint);
      phrase(&b, lang, "checkpoint_n", nb, NULL);
    } else {
      phrase(&b, lang, "checkpoint", NULL, NULL);
    }
    const cJSON *ct = cJSON_GetObjectItemCaseSensitive(vc, "completed_topics");
    if (count_text(ct)) phrase_list(&b, lang, "covered", ct, 0, 0, 0);
    const cJSON *rq = cJSON_GetObjectItemCaseSensitive(vc, "review_questions");
    for (const cJSON *q = rq ? rq->child : NULL; q; q = q->next)
      if (cJSON_IsString(q)) sentence(&b, q->valuestring);
    const cJSON *nt = cJSON_GetObjectItemCaseSensitive(vc, "next_topics");
    if (count_text(nt)) phrase_list(&b, lang, "next_topics", nt, 0, 0, 0);
  } else if (!strcmp(type, "quiz")) {
    phrase(&b, lang, "quiz_time", NULL, NULL);
    sentence(&b, vgi_str(vc, "question"));
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(vc, "options");
    if (count_text(o)) phrase_list(&b, lang, "is_it", o, 0, 1, 0);
    const cJSON *show = cJSON_GetObjectItemCaseSensitive(vc, "show_answer");
    const char *ans = vgi_str(vc, "correct_answer");
    if (ans && cJSON_IsTrue(show)) phrase(&b, lang, "answer", ans, NULL);
  } else if (!strcmp(type, "learning_objectives")) {
    const char *lt = vgi_str(vc, "lesson_title");
    const cJSON *obj = cJSON_GetObjectItemCaseSensitive(vc, "objectives");
    char *j = joined(obj, 0, 0, 1, lang);
    if (lt) phrase(&b, lang, "lesson_named", lt, j);
    else phrase(&b, lang, "lesson", j, NULL);
    free(j);
  } else if (!strcmp(type, "exercise")) {
    const char *t = vgi_str(vc, "title"), *et = vgi_str(vc, "estimated_time");
    phrase(&b, lang, "exercise", NULL, NULL);
    sentence(&b, t);
    const cJSON *ins = cJSON_GetObjectItemCaseSensitive(vc, "instructions");
    for (const cJSON *q = ins ? ins->child : NULL; q; q = q->next)
      if (cJSON_IsString(q)) sentence(&b, q->valuestring);
    if (et) phrase(&b, lang, "take_about", et, NULL);
  } else {
    return NULL;
  }
#undef sentence
  if (!b.n) return NULL;
  return vgi_buf_take(&b);
}

/* Removes pictographs (emoji, dingbats, variation selectors, the "ℹ" of
 * an information note, any symbol asked to show as an emoji) that a speech
 * synthesizer would read out by name or stumble on; in place. */
static void unspeakable_out(char *s) {
  unsigned char *r = (unsigned char *)s, *w = r;
  unsigned prev = 0;
  while (*r) {
    unsigned cp = 0;
    int len = 1;
    if (*r >= 0xF0 && r[1] && r[2] && r[3]) {
      cp = ((r[0] & 7u) << 18) | ((r[1] & 63u) << 12) | ((r[2] & 63u) << 6) | (r[3] & 63u);
      len = 4;
    } else if (*r >= 0xE0 && r[1] && r[2]) {
      cp = ((r[0] & 15u) << 12) | ((r[1] & 63u) << 6) | (r[2] & 63u);
      len = 3;
    }
    else if (*r >= 0xC0 && r[1]) {
      cp = ((r[0] & 31u) << 6) | (r[1] & 63u);
      len = 2;
    } else {
      cp = *r;
    }
    /* (a zero-width joiner after a letter or mark of a script is its
     * writing, not an emoji's: Sinhala's "ව්‍යාපෘති", "සංග්‍රහය" lose their
     * conjunct without it, on screen in the captions made from this text) */
    int drop = (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
               (cp >= 0xFE00 && cp <= 0xFE0F) || (cp == 0x200D && !(prev >= 0x0300 && prev < 0x2000)) ||
               (cp >= 0x2B00 && cp <= 0x2BFF) || cp == 0x2139 || cp == 0x20E3 ||
               /* a symbol asked to show as an emoji ("ℹ️", "↔️", "‼️") */
               (cp >= 0x80 && !strncmp((const char *)r + len, "\xEF\xB8\x8F", 3));
    if (!drop) memmove(w, r, (size_t)len), w += len;
    r += len;
    prev = cp;
  }
  *w = 0;
  vgi_squash(s);
}

/* The digits of t from *i, at most max of them: their value, else -1. */
static long digits_at(const char *t, size_t *i, int max) {
  size_t a = *i;
  long v = 0;
  while (isdigit((unsigned char)t[*i]) && (int)(*i - a) < max) v = v * 10 + (t[(*i)++] - '0');
  return *i > a && !isdigit((unsigned char)t[*i]) ? v : -1;
}

/* "/24" or ":8080" closing an address: 1 when t from i is one (or empty). */
static int address_tail(const char *t, size_t i) {
  if (!t[i]) return 1;
  if (t[i] != '/' && t[i] != ':' && t[i] != '%') return 0;
  if (t[i] == '%') return isalnum((unsigned char)t[i + 1]) != 0;   /* fe80::1%eth0 */
  size_t j = i + 1;
  long v = digits_at(t, &j, 5);
  return v >= 0 && !t[j] && (t[i] == ':' ? v <= 65535 : v <= 128);
}

/* A network address, which a presenter names rather than reads digit by
 * digit: IPv4 (192.168.0.1, 10.0.0.0/8, 127.0.0.1:8080), IPv6 (fe80::1/64,
 * 2001:db8::1, [::1]:8080), a MAC address (00:1a:2b:3c:4d:5e), a host with
 * its port (localhost:8080, example.org:443). */
static int net_address(const char *t) {
  char b[512];
  size_t n = strlen(t);
  if (n >= sizeof b) return 0;
  memcpy(b, t, n + 1);
  if (b[0] == '[') {   /* [::1]:8080 */
    char *c = strchr(b, ']');
    if (!c || (c[1] && !address_tail(c, 1))) return 0;
    *c = 0;
    memmove(b, b + 1, strlen(b));
    n = strlen(b);
  }
  /* IPv4: four numbers of 0-255 */
  size_t i = 0;
  int parts = 0;
  while (parts < 4) {
    long v = digits_at(b, &i, 3);
    if (v < 0 || v > 255) break;
    parts++;
    if (parts < 4 && b[i] != '.') break;
    if (parts < 4) i++;
  }
  if (parts == 4) return address_tail(b, i);
  /* MAC: six pairs of hex digits, one separator */
  if (n == 17 && (b[2] == ':' || b[2] == '-')) {
    int mac = 1;
    for (size_t k = 0; k < 17 && mac; k++)
      mac = k % 3 == 2 ? b[k] == b[2] : isxdigit((unsigned char)b[k]) != 0;
    if (mac) return 1;
  }
  /* IPv6: groups of up to four hex digits, eight of them or fewer with one
   * "::"; a digit among them ("Algorithm::Diff" is a name) */
  size_t e = strspn(b, "0123456789abcdefABCDEF:.");
  int colons = 0, digit = 0, dbl = 0, run = 0, ok = 1;
  for (size_t k = 0; k < e && ok; k++) {
    if (b[k] == ':') {
      colons++, run = 0;
      if (k && b[k - 1] == ':') dbl++;
    } else if (b[k] == '.') {
      ok = colons >= 2;   /* ::ffff:192.0.2.1 */
    } else {
      digit |= isdigit((unsigned char)b[k]) != 0;
      ok = ++run <= 4 || memchr(b, '.', e);
    }
  }
  if (ok && digit && colons >= 2 && colons <= 7 && dbl <= 1 && (dbl == 1 || colons == 7) &&
      !strstr(b, ":::") && (b[e] == '/' || b[e] == '%' || !b[e]) && address_tail(b, e))
    return 1;
  /* host:port: localhost, or a name with a dot and a letter */
  char *c = strrchr(b, ':');
  if (c && c > b) {
    size_t h = (size_t)(c - b), k = 0;
    int dot = 0, alpha = 0;
    for (; k < h && (isalnum((unsigned char)b[k]) || b[k] == '-' || b[k] == '.'); k++)
      dot |= b[k] == '.', alpha |= isalpha((unsigned char)b[k]) != 0;
    size_t j = h + 1;
    long v = digits_at(b, &j, 5);
    if (k == h && v > 0 && v <= 65535 && !b[j] && alpha && b[0] != '.' && b[h - 1] != '.' &&
        (dot || (h == 9 && !strncasecmp(b, "localhost", 9))))
      return 1;
  }
  return 0;
}

/* "<file>", "<language>": a placeholder written in angle brackets (man
 * pages write one so: "If <file> is available"), said as its word; an HTML
 * tag left in the text ("<br>") is none */
static size_t placeholder(const char *w, size_t n) {
  static const char *const tags[] = { "a", "b", "i", "p", "br", "hr", "em", "li", "ul", "ol", "td", "tr", "th",
                                      "div", "img", "pre", "code", "span", "table", "strong", "html", "head",
                                      "body", "script", "style", "sup", "sub", NULL };
  if (n < 3 || w[0] != '<' || w[n - 1] != '>') return 0;
  int letter = 0;
  for (size_t i = 1; i + 1 < n; i++) {
    unsigned char c = (unsigned char)w[i];
    if (!isalnum(c) && c != '-' && c != '_' && c != '.' && c < 0x80) return 0;
    letter |= isalpha(c) || c >= 0x80;
  }
  for (int k = 0; tags[k] && letter; k++)
    if (strlen(tags[k]) == n - 2 && !strncasecmp(w + 1, tags[k], n - 2)) return 0;
  return letter ? n - 2 : 0;
}

/* Names of alternatives joined by slashes ("YAML/XML/TOML", "GIF/PNG/JPEG",
 * "Linux/macOS/Windows"): every part a name with a capital in it, no dot,
 * nothing but letters, digits, '+' and '-'. A path's parts are rarely all
 * capitalised ("src/lib/util", "docs/usage.md"). */
static int named_alternatives(const char *t, size_t n) {
  while (n && strchr(".,;:!?)\"'`", t[n - 1])) n--;
  size_t i = 0;
  while (i < n && strchr("(\"'`", t[i])) i++;
  if (i >= n || t[i] == '/') return 0;
  int cap = 0, len = 0;
  for (; i <= n; i++) {
    char c = i < n ? t[i] : '/';
    if (c == '/') {
      if (!len || !cap) return 0;
      cap = len = 0;
    } else if (isalnum((unsigned char)c) || c == '+' || c == '-') {
      cap |= isupper((unsigned char)c);
      len++;
    } else {
      return 0;
    }
  }
  return 1;
}

/* Verbs or words joined by slashes ("add/commit/push" of "git
 * add/commit/push", "start/stop/restart", "get/set/delete"): every part a
 * lower-case word of two letters or more (a hyphen inside), none a
 * folder's usual name ("src/lib/util", "usr/share/doc", "docs/api/v2" are
 * paths). */
static int word_alternatives(const char *t, size_t n) {
  static const char *const folders[] = { "src", "lib", "lib64", "usr", "bin", "sbin", "etc", "share", "doc", "docs",
    "include", "var", "tmp", "home", "opt", "local", "man", "dist", "pkg", "cmd", "internal", "app", "apps", "conf",
    "config", "data", "assets", "static", "scripts", "tools", "vendor", "util", "utils", "examples", "example",
    "test", "tests", "spec", "specs", "build", "out", "target", "proc", "sys", "dev", "mnt", "srv", "root", "debian",
    "po", "img", "images", "css", "js", "api", "net", "drivers", "kernel", "arch", "modules", "packages", "source",
    "sources", "www", "html", "public", "private", "main", "master", "refs", "heads", "tags", "blob", "tree", "raw",
    "contrib", "extra", "extras", "third", "deps", "node", "site", "web", "cache", "log", "logs", "run", "lang", NULL };
  while (n && strchr(".,;:!?)\"'`", t[n - 1])) n--;
  size_t i = 0;
  while (i < n && strchr("(\"'`", t[i])) i++;
  if (i >= n || t[i] == '/' || t[n - 1] == '/') return 0;
  size_t start = i, first = i;
  for (; i <= n; i++) {
    if (i < n && t[i] != '/') {
      /* (a capital opens the first part at a sentence's start: "Branch/tag/commit of …") */
      if (!islower((unsigned char)t[i]) && !(t[i] == '-' && i > start && t[i - 1] != '/') &&
          !(i == first && isupper((unsigned char)t[i])))
        return 0;
      continue;
    }
    if (i - start < 2 || word_of(folders, t + start, i - start)) return 0;
    start = i + 1;
  }
  return 1;
}

/* A word no presenter reads out: a URL, a path (/usr/share, ~/x, ./x,
 * a/b/c, C:\x), an e-mail address, an HTML tag, a network address. */
static _Thread_local int authored_;   /* set while vgi_narrate says a video its author wrote (YAML, JSON) */

/* A bare host name ("irc.oftc.net", "distfiles.example.org"): three labels
 * or more in lower case apart by dots, the last a top-level domain. A
 * site's own name ("python.org", "Cobra.dev") is a name a presenter says;
 * "os.path.join" and "archive.tar.gz" are no hosts. */
static int host_name(const char *t) {
  static const char *const tlds[] = { "com", "org", "net", "io", "dev", "edu", "gov", "info", "chat", "me", "app",
                                      "de", "uk", "fr", "eu", "jp", "ru", "nl", "ch", "at", "se", "it", "us", NULL };
  int labels = 0;
  const char *l = t, *last = t;
  for (const char *q = t;; q++) {
    if (*q == '.' || !*q) {
      if (q == l) return 0;
      labels++;
      last = l;
      if (!*q) break;
      l = q + 1;
    } else if (!islower((unsigned char)*q) && !isdigit((unsigned char)*q) && *q != '-') {
      return 0;
    }
  }
  size_t ll = strlen(last);
  return labels >= 3 && word_of(tlds, last, ll);
}

/* A code point or a range of them ("U+0400", "U+0400-U+04FF", "U+03E2-03EF"):
 * a table's index, which no presenter reads out. */
static int code_point(const char *t) {
  for (int part = 0; part < 2; part++) {
    if (t[0] == 'U' && t[1] == '+') t += 2;
    else if (!part) return 0;
    size_t h = strspn(t, "0123456789abcdefABCDEF");
    if (h < 4 || h > 6) return 0;
    t += h;
    if (!*t) return 1;
    if (part || *t != '-') return 0;
    t++;
  }
  return 0;
}

static int unsaid(const char *w, size_t n) {
  char t[512];
  if (n == 0 || n >= sizeof t) return 0;   /* a huge word is not a link; the limits elsewhere judge it */
  memcpy(t, w, n);
  t[n] = 0;
  if (code_point(t)) return 1;
  if (net_address(t) || host_name(t)) return 1;
  if (strstr(t, "://") || !strncmp(t, "www.", 4) || !strncmp(t, "mailto:", 7)) return 1;
  if (t[0] == '<' && t[n - 1] == '>') return 1;
  if ((t[0] == '/' && n > 1 && isalnum((unsigned char)t[1])) || !strncmp(t, "~/", 2) ||
      !strncmp(t, "./", 2) || !strncmp(t, "../", 3))
    return 1;
  /* a TeX control word ("\gpicbox{graph}", "\box\graph" in pic.1) is
   * no Windows path: it is what the sentence is about, and said; an escape
   * ("\n", "\r\n", "\t") is not said */
  int tex = t[0] == '\\' && islower((unsigned char)t[1]) && n > 2 && islower((unsigned char)t[2]);
  int slashes = 0, at = 0;
  for (size_t i = 0; i < n; i++) {
    slashes += t[i] == '/';
    at += t[i] == '@';
    if (!tex && t[i] == '\\' && i + 1 < n && isalnum((unsigned char)t[i + 1])) return 1;
  }
  if (slashes >= 2 && !named_alternatives(t, n) && !word_alternatives(t, n)) return 1;
  /* a relative path to a file ("Documentation/gitcvs-migration.txt",
   * "po/README.md"): a folder's name and a file name with its extension
   * ("TCP/IP", "and/or", "km/h" have none) */
  if (slashes == 1 && !authored_ && isalnum((unsigned char)t[0]) && t[n - 1] != '/') {
    const char *sl = strchr(t, '/'), *dot = strrchr(sl, '.');
    size_t el = dot ? strlen(dot + 1) : 0, lo = 0;
    while (lo < el && islower((unsigned char)dot[1 + lo])) lo++;
    if (dot && dot > sl + 1 && el >= 1 && el <= 4 && lo == el) return 1;
  }
  if (at == 1 && strchr(strchr(t, '@'), '.') && t[0] != '@') return 1;
  return 0;
}

/* What speech_out leaves where it took a word out (unsaid): a mark of the
 * word's kind, which dangling_out reads and removes. */
enum { MARK_FOLDER = 1, MARK_FILE = 2, MARK_ADDRESS = 3 };
#define MARK(c) ((c) >= MARK_FOLDER && (c) <= MARK_ADDRESS)

/* The kind of an unsaid word: an address (URL, e-mail, network address),
 * a file (its last part has an extension: "/etc/apt/sources.list") or a
 * folder. */
static int unsaid_kind(const char *w, size_t n) {
  char t[512];
  if (n >= sizeof t) n = sizeof t - 1;
  memcpy(t, w, n);
  t[n] = 0;
  if (net_address(t) || host_name(t) || strstr(t, "://") || !strncmp(t, "www.", 4) || !strncmp(t, "mailto:", 7) ||
      (strchr(t, '@') && !strchr(t, '/')))
    return MARK_ADDRESS;
  if (n && (t[n - 1] == '/' || t[n - 1] == '\\')) return MARK_FOLDER;
  const char *last = t;
  for (const char *q = t; *q; q++)
    if (*q == '/' || *q == '\\') last = q + 1;
  const char *dot = strrchr(last, '.');
  return dot && dot > last && isalpha((unsigned char)dot[1]) ? MARK_FILE : MARK_FOLDER;
}

/* A mark among the first n bytes of s. */
static int strpbrk_n(const char *s, size_t n) {
  for (size_t i = 0; i < n && s[i]; i++)
    if (MARK(s[i])) return 1;
  return 0;
}

/* Words that leave a clause hanging when the link after them is gone ("has
 * moved to", "siehe", "voir"), in the languages of lua/vg/i18n.lua that put
 * spaces between words. */
static int dangling_word(const char *w, size_t n) {
  static const char *const words[] = { "to", "at", "from", "in", "on", "as", "see", "visit", "read", "consult", "via",
    "under",
    "here", "into", "onto", "by", "with", "mit", "par", "por", "unter", "auf", "bei", "siehe", "nach", "zu", "von", "à", "sur", "sous", "voir",
    "vers", "en", "a", "ver", "su", "vedi", "em", "para", "op", "naar", "zie", "на", "см.", "по", NULL };
  while (n && strchr(":.", w[n - 1])) n--;
  for (int i = 0; words[i]; i++)
    if (strlen(words[i]) == n && !strncasecmp(w, words[i], n)) return 1;
  return 0;
}

/* A dangling word that is a preposition (not a verb such as "see"). */
static int preposition(const char *w, size_t n) {
  static const char *const verbs[] = { "see", "visit", "read", "consult", "siehe", "voir", "ver", "vedi", "zie", "here",
                                       "см.", NULL };
  while (n && strchr(":.", w[n - 1])) n--;
  for (int i = 0; verbs[i]; i++)
    if (strlen(verbs[i]) == n && !strncasecmp(w, verbs[i], n)) return 0;
  return n > 0;
}

/* A word that leaves its sentence unfinished when what follows it is a
 * link: a copula or "here" ("The official download locations are:"). */
static int awaits_object(const char *w, size_t n) {
  static const char *const words[] = { "is", "are", "was", "were", "here", "ist", "sind", "hier", "est", "sont",
    "ici", "es", "son", "aqu\xC3\xAD", "\xC3\xA8", "sono", "qui", "\xC3\xA9", "s\xC3\xA3o", "aqui", "zijn",
    "\xD1\x8D\xD1\x82\xD0\xBE", NULL };   /* это */
  for (int i = 0; words[i]; i++)
    if (strlen(words[i]) == n && !strncasecmp(w, words[i], n)) return 1;
  return 0;
}

/* Whether the English word before the colon at s[colon] waits for what
 * the colon points at, so the colon stays where nothing else follows in
 * the voice: an object ("accessed using:", "something like:", "the
 * following:"), a complement ("configurations are:", "such as e.g.:"), a
 * preposition's noun ("a list of:"). Otherwise the sentence may end as a
 * sentence ("Install from PyPI."). */
static int colon_waits(const char *s, size_t colon) {
  static const char *const waits[] = { "like", "using", "following", "include", "includes", "including",
                                       "these", "this", "below", "of", "for", "about", "than", "is", "are", "was",
                                       "were", "be", "being", "been", "become", "becomes", "becoming", "get", "gets",
                                       "contain", "contains", "containing", "such", "e.g.", "i.e.", "namely", NULL };
  size_t w = colon;
  while (w && s[w - 1] != ' ') w--;
  if (w == colon) return 0;
  /* a purpose clause alone waits for the code that fulfils it ("To use
   * the promise-based APIs:", "To run the tests on macOS:"), unless its
   * main clause follows ("To build it, run:") */
  size_t ss = colon;
  while (ss && !(ss >= 2 && s[ss - 1] == ' ' && strchr(".!?", s[ss - 2]))) ss--;
  if (!strncmp(s + ss, "To ", 3) && !memchr(s + ss, ',', colon - ss)) {
    /* (none of the words after its verb begins a main clause: a subject
     * or an imperative, "To change that do the following before running
     * it:", "To build it you may use the command:") */
    static const char *const mains[] = { "you", "we", "i", "they", "one", "do", "run", "use", "type", "execute",
                                         "enter", "install", "follow", "see", "try", "add", "set", "call", "just",
                                         "simply", "please", "first", NULL };
    int words = 0, main = 0;
    for (size_t i = ss; i < colon && !main; ) {
      size_t e = i;
      while (e < colon && s[e] != ' ') e++;
      if (++words > 2) main = word_of(mains, s + i, e - i);
      i = e + 1;
    }
    if (!main && words <= 14) return 1;
  }
  return s[colon - 1] == '.' ||   /* "(e.g.:" */
         dangling_word(s + w, colon - w) || awaits_object(s + w, colon - w) || word_of(waits, s + w, colon - w) ||
         word_of(vgi_aux_verbs, s + w, colon - w);
}

/* A noun a path named ("in the <path> directory"): without the path, the
 * phrase says no place. */
static int place_noun(const char *w, size_t n) {
  static const char *const nouns[] = { "directory", "directories", "folder", "subdirectory", "dir", "path",
    "tree", "file", "files", "repository", "repo", "Verzeichnis", "Ordner", "Datei", "Unterverzeichnis",
    "r\xC3\xA9pertoire", "dossier", "fichier", "directorio", "carpeta", "archivo", "fichero", "cartella",
    "diret\xC3\xB3rio", "pasta", "arquivo", "map", "bestand", NULL };
  while (n && strchr(".,;:!?)", w[n - 1])) n--;
  return n && word_of(nouns, w, n);
}

/* "Put the config in the <path> directory and restart": the preposition
 * phrase whose place was the path goes ("Put the config and restart"),
 * when its clause keeps three words or more; 1 when it went. */
static int place_phrase_out(char *t, char *m) {
  char *nx = m + 1;
  while (*nx == ' ') nx++;
  size_t nl = strcspn(nx, " ");
  /* the noun after the path ("the <path> directory") or before it ("dans
   * le répertoire <path>", "in the directory <path>") */
  char *p = m, *ws[2] = { NULL, NULL };
  size_t wl[2] = { 0, 0 };
  if (!place_noun(nx, nl)) {
    char *e = m;
    while (e > t && e[-1] == ' ') e--;
    char *b = e;
    while (b > t && b[-1] != ' ') b--;
    if (b == e || !place_noun(b, (size_t)(e - b))) return 0;
    p = b;
    /* the path and what closes it go with the phrase: up to its word's end */
    char *q = m + 1;
    while (*q && *q != ' ' && !strchr(",;:.!?", *q)) q++;
    nx = q, nl = 0;
  }
  for (int k = 0; k < 2; k++) {
    while (p > t && p[-1] == ' ') p--;
    char *e = p;
    while (p > t && p[-1] != ' ') p--;
    ws[k] = p, wl[k] = (size_t)(e - p);
  }
  static const char *const dets[] = { "the", "a", "an", "this", "that", "your", "its", "our", "le", "la", "les",
    "el", "los", "das", "den", "dem", "der", "ce", "cette", NULL };
  static const char *const preps[] = { "in", "into", "inside", "within", "under", "from", "at", "to", "on",
    "im", "ins", "unter", "aus", "dans", "sous", "en", "bajo", "desde", "nel", "nella", "no", "na", "naar",
    NULL };
  char *from;
  if (wl[0] && word_of(dets, ws[0], wl[0]) && wl[1] && word_of(preps, ws[1], wl[1])) from = ws[1];
  else if (wl[0] && word_of((const char *const[]){ "im", "ins", "nel", "nella", "no", "na", NULL }, ws[0], wl[0]))
    from = ws[0];
  else return 0;
  char *to = nx + nl;
  while (to > nx && strchr(".,;:!?)", to[-1])) to--;
  /* the clause keeps three words or more */
  char *cs = from;
  while (cs > t && !strchr(",;:.!?", cs[-1])) cs--;
  char *ce = to;
  while (*ce && !strchr(",;:.!?", *ce)) ce++;
  int words = vgi_word_count(cs) - vgi_word_count(from) + vgi_word_count(to) - vgi_word_count(ce);
  if (words < 3) return 0;
  /* nor a copula or an auxiliary left without its complement ("Les
   * réglages sont | dans le répertoire …") */
  char *pe = from;
  while (pe > t && pe[-1] == ' ') pe--;
  char *pb = pe;
  while (pb > t && pb[-1] != ' ') pb--;
  if (pb < pe && (awaits_object(pb, (size_t)(pe - pb)) || word_of(vgi_aux_verbs, pb, (size_t)(pe - pb)))) return 0;
  while (from > t && from[-1] == ' ') from--;
  memmove(from, to, strlen(to) + 1);
  return 1;
}

static _Thread_local int said_en_ = 1;   /* 0 while vgi_narrate says a video in another language */
static _Thread_local const char *said_lang_;   /* the language said, NULL: English */

/* 1 when the . ! ? at e ends a sentence of t: a space or the end follows
 * and it ends no abbreviation ("users vs. time", "e.g. a"), in any
 * language's text. */
static int stop_at(const char *t, const char *e) {
  if (!*e || !strchr(".!?", *e) || (e[1] != ' ' && e[1])) return 0;
  return *e != '.' || !vgi_abbrev_stop(t, e, said_lang_);
}

/* The first mark in t, or NULL. */
static char *first_mark(char *t) {
  for (; *t; t++)
    if (MARK(*t)) return t;
  return NULL;
}

/* The word before p (back from its spaces): its start in *ws, its end in
 * *we; 0 when there is none. */
static int word_before(const char *t, const char *p, const char **ws, const char **we) {
  const char *e = p;
  while (e > t && e[-1] == ' ') e--;
  const char *b = e;
  while (b > t && b[-1] != ' ' && !MARK(b[-1])) b--;
  *ws = b, *we = e;
  return b < e;
}

/* The words a clause opens with before an imperative ("Start the server
 * and open <address> …", "You can edit <path> …"). */
static int opens_command(const char *t, const char *ws) {
  const char *b, *e;
  if (!word_before(t, ws, &b, &e)) return 1;
  if (strchr(".!?:;,", e[-1])) return 1;
  static const char *const leads[] = { "and", "then", "or", "to", "please", "can", "could", "must", "should",
    "will", "may", "first", "simply", "just", "you", "also", NULL };
  return word_of(leads, b, (size_t)(e - b));
}

/* What stands in for a thing taken out that a verb needed ("…reside in
 * <path> and can be run", "open <address> in your browser", "being located
 * at <address>, but …"): NULL when the verb before it does not need it.
 * English only: the stand-in points to the screen, which shows the thing. */
static const char *stand_in(const char *t, const char *ws, const char *we, int kind) {
  static const char *const shown[] = { NULL, "the folder shown", "the file shown", "the address shown" };
  if (!said_en_ || ws >= we) return NULL;
  size_t n = (size_t)(we - ws);
  /* a verb of place before its preposition: the place is its complement */
  static const char *const preps[] = { "in", "at", "on", "into", "inside", "within", "under", "to", NULL };
  static const char *const placing[] = { "reside", "resides", "resided", "residing", "located", "situated",
    "live", "lives", "living", "lie", "lies", "sit", "sits", "found", "stored", "kept", "go", "goes",
    "navigate", "head", "browser", NULL };
  const char *b, *e;
  if (word_of(preps, ws, n) && word_before(t, ws, &b, &e) && word_of(placing, b, (size_t)(e - b)))
    return shown[kind];
  /* an imperative whose object it was */
  static const char *const takes[] = { "open", "edit", "browse", "modify", "load", "clone", NULL };
  if (word_of(takes, ws, n) && !strchr(",.;:", we[-1]) && opens_command(t, ws))
    return n == 5 && !strncasecmp(ws, "clone", 5) && kind == MARK_ADDRESS ? "the repository shown" : shown[kind];
  return NULL;
}

/* Each mark (MARK) is a link or path speech_out took out. Where a verb
 * needed it and the sentence goes on, a stand-in says where to look
 * (stand_in). Where the word before it leaves the clause hanging ("The
 * guide has moved to .") and the clause ends there, the clause goes (back
 * to its comma), or the sentence when little of it would be left. The marks
 * go too. *tp may move. */
/* "Please report bugs via the GitLab at <link>.", "Join us on IRC at
 * <address>.": the place was named before the address ("via the GitLab"),
 * and the sentence keeps it, without the preposition that led to the
 * address. ws is the preposition's start. */
static int place_named_before(const char *t, const char *ws) {
  static const char *const places[] = { "page", "site", "website", "tracker", "list", "forum", "forums",
    "repository", "channel", "server", "wiki", "chat", "room", "group", NULL };
  static const char *const leads[] = { "via", "on", "to", "through", "in", "from", "at", "using", "contact", "email",
                                       "e-mail", "mail", "ask", "reach", "join", "follow", NULL };
  const char *p = ws;
  int words = 0;
  while (p > t && words < 6) {
    const char *e = p;
    while (e > t && e[-1] == ' ') e--;
    if (e == t || strchr(",;:.!?", e[-1])) return 0;
    const char *b = e;
    while (b > t && b[-1] != ' ') b--;
    size_t n = (size_t)(e - b);
    if (words == 0) {
      /* the place: a name ("GitLab", "IRC"), not the sentence's first word, or a place noun */
      int opening = b == t || (b - t >= 2 && strchr(".!?", b[-2]));
      if (!((isupper((unsigned char)*b) && !opening) || word_of(places, b, n))) return 0;
    } else if (word_of(leads, b, n)) {
      return 1;
    } else if (awaits_object(b, n) || word_of(placing_verb, b, n)) {
      return 0;   /* "a list that is kept at <link>": no place said */
    }
    words++;
    p = b;
  }
  return 0;
}

/* Verbs that follow their clause's subject: a thing taken out before one
 * was the subject ("if /usr is not mounted", "as if (-r) was used"). */
static const char *const subject_verbs[] = { "is", "are", "was", "were", "has", "had", "does", "doesn't",
  "isn't", "can", "cannot", "can't", "could", "will", "would", "must", "should", "may", "might", "exists",
  "contains", "points", "holds", "lists", "lives", "needs", "gets", NULL };

/* Whether [a, z) has one of subject_verbs as a word. */
static int has_subject_verb(const char *a, const char *z) {
  for (const char *w = a; w < z;) {
    while (w < z && *w == ' ') w++;
    const char *e = w;
    while (e < z && *e != ' ') e++;
    size_t l = (size_t)(e - w);
    while (l && strchr(",;:.!?)", w[l - 1])) l--;
    if (l && word_of(subject_verbs, w, l)) return 1;
    w = e;
  }
  return 0;
}

static void dangling_out(char **tp) {
  char *t = *tp;
  for (char *m = first_mark(t); m; m = first_mark(t)) {
    if (said_cjk_ && vgi_cjk_mark_out(tp, (size_t)(m - t), *m, said_cjk_)) {   /* its particle stays behind */
      t = *tp;
      continue;
    }
    if (place_phrase_out(t, m)) continue;
    char *after = m + 1;
    while (*after == ' ' || MARK(*after)) after++;
    char *we = m;
    while (we > t && we[-1] == ' ') we--;
    char *ws = we;
    while (ws > t && ws[-1] != ' ' && ws[-1] != '(' && !MARK(ws[-1])) ws--;
    /* "The default location is <path> (hidden in your home directory)": the
     * aside only described the thing taken out, and goes with it */
    if (*after == '(' && ws < we && awaits_object(ws, (size_t)(we - ws)) && !dangling_word(ws, (size_t)(we - ws))) {
      char *q = after;
      int depth = 0;
      for (; *q; q++) {
        depth += *q == '(' ? 1 : *q == ')' ? -1 : 0;
        if (!depth) break;
      }
      if (*q == ')') {
        q++;
        while (*q == ' ' || MARK(*q)) q++;
        if (!*q || strchr(".!?;,", *q)) {
          memmove(after, q, strlen(q) + 1);
          if (!*after) { *after = '.'; after[1] = 0; }
        }
      }
    }
    /* "The default scheme is <scheme> and can be omitted": the clause that
     * named it had no other word; the sentence goes */
    if (ws < we && awaits_object(ws, (size_t)(we - ws)) && !dangling_word(ws, (size_t)(we - ws)) &&
        word_of((const char *const[]){ "and", "but", "or", NULL }, after, strcspn(after, " ,.")) && said_en_) {
      char *ss = ws;
      while (ss > t && !(ss[0] == ' ' && stop_at(t, ss - 1))) ss--;
      while (*ss == ' ') ss++;
      char *se = after;
      while (*se && !stop_at(t, se)) se++;
      if (*se) se++;
      while (*se == ' ') se++;
      memmove(ss, se, strlen(se) + 1);
      continue;
    }
    int ends = !*after || strchr(".!?;,", *after);
    const char *in = !ends || *after == ',' ? stand_in(t, ws, we, *m) : NULL;
    /* a file that is its sentence's subject ("/etc/passwd contains one
     * line for each user account"): without it the sentence has none */
    int opens = m == t || (m - t >= 2 && m[-1] == ' ' && strchr(".!?", m[-2]));
    if (!in && said_en_ && opens && (*m == MARK_FILE || *m == MARK_FOLDER) && islower((unsigned char)*after) &&
        !word_of((const char *const[]){ "and", "or", "to", "in", "for", "with", NULL }, after, strcspn(after, " ")))
      /* (not "shown": the slide may not show it; "/etc/passwd", without an
       * extension, may be a file or a folder: "It") */
      in = *m == MARK_FILE ? "This file" : "It";
    if (in) {
      size_t at = (size_t)(m - t), il = strlen(in), tl = strlen(t);
      int sp = at && t[at - 1] != ' ';
      t = *tp = realloc(t, tl + il + 2);
      if (!t) abort();
      memmove(t + at + sp + il, t + at + 1, tl - at);
      if (sp) t[at] = ' ';
      memcpy(t + at + sp, in, il);
      continue;
    }
    /* "the master copies of <path> and <path>", "networks such as <address>":
     * a preposition that tied the thing to a noun goes with it */
    static const char *const ties[] = { "of", "including", "like", "e.g.", "namely", "von", "de", "di", NULL };
    int such = ws < we && we - ws == 2 && !strncasecmp(ws, "as", 2) && ws - t >= 5 && !strncasecmp(ws - 5, "such ", 5) &&
               (ws - t == 5 || ws[-6] == ' ');
    if (ws < we && (such || word_of(ties, ws, (size_t)(we - ws)))) {
      if (such) ws -= 5;
      while (ws > t && ws[-1] == ' ') ws--;
      memmove(ws, m + 1, strlen(m + 1) + 1);
      continue;
    }
    /* "The card's MAC address is <address>.": a copula left without its
     * complement says nothing; its clause goes */
    int copula = ends && ws < we && !dangling_word(ws, (size_t)(we - ws)) && awaits_object(ws, (size_t)(we - ws));
    /* "Browse to <link> for more current information", "Go to <link> for
     * …": a verb of going before "to" points as "see" does */
    const char *gb = NULL, *ge = NULL;
    if (!ends && we - ws == 2 && !strncasecmp(ws, "to", 2) && word_before(t, ws, &gb, &ge) &&
        word_of((const char *const[]){ "browse", "go", "head", "navigate", "refer", "surf", "point", NULL }, gb,
                (size_t)(ge - gb)))
      ws = (char *)gb, we = (char *)ge;
    if (!ends && ws < we && ((dangling_word(ws, (size_t)(we - ws)) && !preposition(ws, (size_t)(we - ws))) ||
                             (gb && ws == gb && we == ge))) {
      /* "See <link> for the release notes.", "…, see <link> for current
       * instructions": a pointer whose place is gone says nothing; its
       * clause goes, to the clause's end */
      char *e = after;
      while (*e && !(strchr(".!?;,", *e) && (e[1] == ' ' || !e[1]))) e++;
      char *ss = ws;
      while (ss > t && !(ss[0] == ' ' && stop_at(t, ss - 1))) ss--;
      while (*ss == ' ') ss++;
      char *cs = ws;
      while (cs > ss && cs[-1] != ',' && cs[-1] != ';') cs--;
      /* a capital inside its clause is a name's ("Welcome to See <link> for
       * the release notes", a title): left as it is */
      int name = isupper((unsigned char)*ws) && cs < ws && strncasecmp(cs, "please ", 7);
      while (name && cs < ws && *cs == ' ') cs++;
      if (name && cs < ws) { memmove(m, m + 1, strlen(m)); continue; }
      /* a clause after a comma goes with its comma ("You can get it from
       * git, see <link> for instructions."), unless an opening clause would
       * be left alone ("If you have trouble, see …"): then the sentence */
      int alone = cs > ss && vgi_lead_clause(ss) && !memchr(ss, ',', (size_t)(cs - 1 - ss));
      /* (a clause of more than "see" or "please see" before the pointer:
       * its comma was a list's, "error message, usage and … should see
       * <path>", and the sentence goes) */
      int between = 0;
      for (char *q = cs; q < ws; q++) between += (q == cs || q[-1] == ' ') && *q != ' ';
      if (between > 2) alone = 1;
      if (cs > ss && !alone) {
        memmove(cs - 1, e, strlen(e) + 1);
        continue;
      }
      char *se = e;
      while (*se && !stop_at(t, se)) se++;
      if (*se) se++;
      while (*se == ' ') se++;
      memmove(ss, se, strlen(se) + 1);
      continue;
    }
    /* ("requests for <address> on eth0": "for" too, before a word that
     * goes on with the clause, not before its end) */
    int for_ = said_en_ && !ends && ws < we && we - ws == 3 && !strncasecmp(ws, "for", 3) && islower((unsigned char)*after);
    /* (English "a" is an article, not Spanish "a": "a <path> override"
     * keeps it, "an override" once the articles agree) */
    int article = said_en_ && we - ws == 1 && (*ws == 'a' || *ws == 'A');
    if (!ends && ws < we && !article &&
        ((dangling_word(ws, (size_t)(we - ws)) && preposition(ws, (size_t)(we - ws))) || for_)) {
      /* "one in and a debug one", "Binaries at are produced": the preposition goes too */
      while (ws > t && ws[-1] == ' ') ws--;
      memmove(ws, m + 1, strlen(m + 1) + 1);
      continue;
    }
    if (ends && we > t && we[-1] == ':') {
      /* "More information: <link>." / "Weitere Informationen: <link>": a
       * sentence of four words or fewer that only announced the link goes */
      char *sent = we - 1;
      while (sent > t && !((strchr(".!?", sent[-1]) || script_stop_before(t, sent)) && (sent[0] == ' '))) sent--;
      while (*sent == ' ') sent++;
      int words = 0;
      for (char *q = sent; q < we; q++) words += (q == sent || q[-1] == ' ') && *q != ' ';
      static const char *const pointers[] = { "nform", "details", "documentation", "homepage", "website",
        "url", "link", "\xEC\xA3\xBC\xEC\x86\x8C", "\xEB\xA7\x81\xED\x81\xAC",   /* 주소, 링크 */
        "\xE7\xBD\x91\xE5\x9D\x80", "\xE3\x82\xB5\xE3\x82\xA4\xE3\x83\x88",          /* 网址, サイト */
        "\xD1\x81\xD1\x81\xD1\x8B\xD0\xBB\xD0\xBA",                                  /* ссылк */
        "\xD0\xB8\xD0\xBD\xD1\x84\xD0\xBE\xD1\x80\xD0\xBC",   /* информ */
        "\xE8\xA9\xB3\xE3\x81\x97\xE3\x81\x8F",          /* 詳しく */
        /* інформ, जानकारी, اطلاعات, معلومات, מידע, bilgi, tietoa, thông tin, 정보, 情報, 信息, πληροφορ */
        "\xD1\x96\xD0\xBD\xD1\x84\xD0\xBE\xD1\x80\xD0\xBC", "\xE0\xA4\x9C\xE0\xA4\xBE\xE0\xA4\xA8\xE0\xA4\x95\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA5\x80",
        "\xD8\xA7\xD8\xB7\xD9\x84\xD8\xA7\xD8\xB9\xD8\xA7\xD8\xAA", "\xD9\x85\xD8\xB9\xD9\x84\xD9\x88\xD9\x85\xD8\xA7\xD8\xAA",
        "\xD7\x9E\xD7\x99\xD7\x93\xD7\xA2", "bilgi", "tietoa", "th\xC3\xB4ng tin", "\xEC\xA0\x95\xEB\xB3\xB4",
        "\xE6\x83\x85\xE5\xA0\xB1", "\xE4\xBF\xA1\xE6\x81\xAF", "\xCF\x80\xCE\xBB\xCE\xB7\xCF\x81\xCE\xBF\xCF\x86\xCE\xBF\xCF\x81", NULL };
      int pointer = 0;
      for (int q = 0; pointers[q]; q++) {
        char *f = strcasestr(sent, pointers[q]);
        pointer |= f && f < we;
      }
      /* "The official web site is: <link>." announces nothing else: the
       * word before the colon waits for the link as its object */
      char *lw = we - 1;
      while (lw > sent && lw[-1] == ' ') lw--;
      char *lws = lw;
      while (lws > sent && lws[-1] != ' ') lws--;
      /* "Source Code: <link>" alone in its paragraph: a label of three
       * words or fewer that names a place, whose only value is the address
       * ("Multicast address: 224.0.0.251" says what the value is) */
      const char *rest = after;
      if (*rest == '.') rest++;
      while (*rest == ' ') rest++;
      static const char *const places[] = { "source", "code", "repo", "tracker", "issues", "bugs", "chat",
        "forum", "discord", "slack", "matrix", "gitter", "mailing", "blog", "download", "changelog", "demo", "docs",
        "pypi", "crates", "npm", "project page", "home page", "twitter", "mastodon", "community", "support", NULL };
      int label = 0;
      for (int q = 0; places[q] && sent == t && words <= 3 && !*rest && !label; q++) {
        char *f = strcasestr(sent, places[q]);
        label = f && f < we;
      }
      if ((words <= 4 && pointer) || label || awaits_object(lws, (size_t)(lw - lws))) {
        char *end = after;
        if (*end && strchr(".!?;,", *end)) end++;
        while (*end == ' ') end++;
        memmove(sent, end, strlen(end) + 1);
        continue;
      }
    }
    /* "<link> is an alias for <link>.", "a mirror of <link>.": a
     * preposition that the taken word ended the sentence after leaves it
     * hanging as "to" does ("for" and "of" elsewhere tie it to a word that
     * goes on) */
    int bare_prep = said_en_ && ends && ws < we &&
                    word_of((const char *const[]){ "for", "of", "about", "than", "against", "towards", "toward", NULL },
                            ws, (size_t)(we - ws));
    if (!ends || ws == we || (!dangling_word(ws, (size_t)(we - ws)) && !copula && !bare_prep)) {
      /* ("access it with cd <path>)": no space left before the bracket) */
      if (*after == ')' && m > t + 1 && m[-1] == ' ' && isalnum((unsigned char)m[-2])) {
        char *from = m;
        while (from > t && from[-1] == ' ') from--;
        memmove(from, after, strlen(after) + 1);
      } else {
        memmove(m, m + 1, strlen(m));
      }
      continue;
    }
    if (!copula && *after == ',' && preposition(ws, (size_t)(we - ws))) {   /* "Download it from , or build it" -> "Download it, or build it" */
      while (ws > t && ws[-1] == ' ') ws--;
      memmove(ws, after, strlen(after) + 1);
      continue;
    }
    if (!copula && *after != ',' && preposition(ws, (size_t)(we - ws)) && place_named_before(t, ws)) {
      while (ws > t && ws[-1] == ' ') ws--;
      if (!*after) strcpy(ws, ".");   /* (the address ended the paragraph: its sentence ends here) */
      else memmove(ws, after, strlen(after) + 1);
      continue;
    }
    if (!copula && preposition(ws, (size_t)(we - ws))) {
      /* "If …, you may escalate to the foundation at <address>." keeps its
       * main clause: four words or more say something without the address */
      char *cs = ws;
      while (cs > t && !strchr(",;:.!?", cs[-1])) cs--;
      int said = 0;
      for (char *q = cs; q < ws; q++) said += (q == cs || q[-1] == ' ') && *q != ' ';
      /* (not a clause added with "and": "…, and a benchmark is kept at
       * <link>" only pointed to it, and goes) */
      const char *f = cs;
      while (*f == ' ') f++;
      static const char *const ands[] = { "and ", "or ", "but ", "und ", "oder ", "et ", "ou ", "y ", "e ", NULL };
      for (int q = 0; ands[q]; q++) if (!strncasecmp(f, ands[q], strlen(ands[q]))) said = 0;
      /* only the main clause after an opening one ("If …, you may …"):
       * without it the opening clause would be said alone */
      char *ss = cs;
      while (ss > t && !(ss[0] == ' ' && stop_at(t, ss - 1))) ss--;
      while (*ss == ' ') ss++;
      if (!(cs > t && cs[-1] == ',' && vgi_lead_clause(ss))) said = 0;
      if (said >= 4) {
        while (ws > t && ws[-1] == ' ') ws--;
        memmove(ws, after, strlen(after) + 1);
        continue;
      }
    }
    /* a relative clause that only placed the link ("…the issue tracker,
     * which is located at <link>.", "…a list that is hosted on <link>.")
     * goes, the statement before it stays */
    if (!copula && preposition(ws, (size_t)(we - ws))) {
      char *ss = ws;
      while (ss > t && !(ss[0] == ' ' && stop_at(t, ss - 1))) ss--;
      char *r = NULL;
      for (int q = 0; placing_rel[q] && !r; q++) {
        char *f = strstr(ss, placing_rel[q]);
        if (!f || f >= ws) continue;
        char *pw = f + strlen(placing_rel[q]);
        for (int k = 0; placing_verb[k] && !r; k++) {
          size_t pl = strlen(placing_verb[k]);
          char *pe = pw + pl;
          while (*pe == ' ') pe++;
          if (!strncmp(pw, placing_verb[k], pl) && pe == ws) r = f;
        }
      }
      int kept = 0;
      for (char *q = ss; r && q < r; q++) kept += (q == ss || q[-1] == ' ') && *q != ' ';
      if (r && kept >= 4) {
        if (r > t && r[-1] == ',') r--;
        memmove(r, after, strlen(after) + 1);
        continue;
      }
    }
    /* the clause: back to a comma, semicolon or colon, else the sentence */
    char *c = ws, *sent = t;
    while (c > t && !strchr(",;:", c[-1])) {
      /* (an abbreviation's stop starts no sentence: "Zero; e.g. the Hurd
       * uses 0 for <path>." loses its clause after the semicolon) */
      if (c - 1 > t && c[-1] == ' ' && stop_at(t, c - 2)) { sent = c; break; }
      c--;
    }
    int clause = c > t && strchr(",;:", c[-1]) && c > sent;
    if (clause) {
      /* the sentence before the comma keeps going: "For more, see ." -> "For more." is too little */
      int left = 0;
      for (char *q = sent; q < c - 1; q++) left += (q == sent || q[-1] == ' ') && *q != ' ';
      if (left < 4) clause = 0;
      /* a pointer whose clause is more than "see" or "please read" ("Those
       * wishing to help with error message, usage and … translations should
       * see <path>."): its comma was a list's, the sentence only pointed */
      static const char *const pointing[] = { "see", "read", "consult", "visit", "check", NULL };
      int between = 0;
      for (char *q = c; q < ws; q++) between += (q == c || q[-1] == ' ') && *q != ' ';
      if (word_of(pointing, ws, (size_t)(we - ws)) && between > 1) clause = 0;
      /* nor is an opening clause said alone ("If you want to learn to use
       * jq, read the documentation at <link>.") */
      if (vgi_lead_clause(sent) && !memchr(sent, ',', (size_t)(c - 1 - sent))) clause = 0;
      /* nor a subject whose verb was in the clause that goes ("An example
       * package for X, using Y, can be found in <path>." is no "An
       * example package for X."): the sentence goes */
      static const char *const dets[] = { "a", "an", "the", "this", "these", "each", "every", "our", "your", NULL };
      /* (a clause "and" or "but" adds is another: "The tool compresses
       * files quickly, and a benchmark is kept at <link>.") */
      const char *cw = c;
      while (*cw == ' ') cw++;
      static const char *const coord[] = { "and", "or", "but", "so", "while", "whereas", NULL };
      if (said_en_ && c[-1] == ',' && word_of(dets, sent, strcspn(sent, " ")) && has_subject_verb(c, ws) &&
          !word_of(coord, cw, strcspn(cw, " ")) && !has_subject_verb(sent, c - 1))
        clause = 0;
    }
    if (clause) {
      memmove(c - 1, after, strlen(after) + 1);   /* "…, see ." -> "…." */
    } else {
      char *end = after;
      if (*end && strchr(".!?;,", *end)) end++;
      while (*end == ' ') end++;
      memmove(sent, end, strlen(end) + 1);
    }
  }
}

/* A sentence that only points to another file ("See CHANGELOG.md for the
 * history.", "Changes are listed in the changelog.") is not said: the file
 * is not in the video. Short sentences only (up to 14 words). In place. */
static int pointer_word(const char *w, size_t n) {
  while (n && strchr(".,;:!?)\"'", w[n - 1])) n--;
  while (n && strchr("(\"'", *w)) w++, n--;
  if (n >= 9) for (size_t i = 0; i + 9 <= n; i++) if (!strncasecmp(w + i, "changelog", 9)) return 1;
  static const char *const ext[] = { ".md", ".rst", ".txt", ".markdown", NULL };
  for (int i = 0; ext[i]; i++) {
    size_t el = strlen(ext[i]);
    if (n > el + 1 && !strncasecmp(w + n - el, ext[i], el) && isalpha((unsigned char)w[0])) return 1;
  }
  return 0;
}

/* A sentence that only sends the reader elsewhere ("See the file INSTALL
 * for …", "For more details, see the FAQ.", "Please refer to …", "More
 * information is available at …", "Weitere Informationen …", "Pour plus
 * d'informations, consultez …", "Para más información, …"): its opening,
 * in the languages of lua/vg/i18n.lua that put spaces between words. Up to
 * twenty words; "See how …" shows something. */
static int pointer_sentence(const char *s, size_t n) {
  static const char *const opens[] = { "see ", "please see ", "please refer ", "refer to ", "for more information",
    "for more info", "for more details", "for further information", "for further details", "for details",
    "for more on ", "more information ", "more info ", "more details ", "further information ",
    "further details ", "details are ", "details can ", "please consult ", "consult ",
    "siehe ", "weitere informationen", "mehr informationen", "weitere details", "für weitere ", "für mehr ",
    "näheres ", "details finden ", "voir ", "consultez ", "reportez-vous ", "pour plus d", "pour en savoir plus",
    "plus d'informations", "plus d\xE2\x80\x99informations", "véase ", "vea ", "consulte ", "para más ",
    "para obtener más ", "más información", "per maggiori ", "per ulteriori ", "vedi ", "consulta ",
    "maggiori informazioni", "para mais ", "mais informações", "zie ", "voor meer ", "meer informatie", NULL };
  static const char *const shows[] = { "see how", "see what", "see that", "see if", "see whether", "see why",
    "see the difference", "voir comment", "siehe unten", "see below", "see above", NULL };
  int words = 0;
  for (size_t q = 0; q < n; q++) words += s[q] != ' ' && (q == 0 || s[q - 1] == ' ');
  if (words < 2 || words > 20) return 0;
  /* one that introduces a list ("See the directory for:") says what follows */
  size_t l = n;
  while (l && s[l - 1] == ' ') l--;
  if (l && s[l - 1] == ':') return 0;
  for (int k = 0; shows[k]; k++)
    if (vgi_opens_ci(s, shows[k])) return 0;
  for (int k = 0; opens[k]; k++) {
    size_t ol = vgi_opens_ci(s, opens[k]);
    if (ol && n > ol) return 1;
  }
  return 0;
}

/* A well-known place of a project ("the FAQ", "the wiki", "the manual page"). */
static int names_place(const char *s, size_t n) {
  static const char *const places[] = { "faq", "wiki", "manual", "man page", "--help", "mailing list",
    "handbuch", "manuel", "manuale", "manual", "handleiding", NULL };
  for (int k = 0; places[k]; k++) {
    size_t pl = strlen(places[k]);
    for (size_t q = 0; q + pl <= n; q++)
      if (!strncasecmp(s + q, places[k], pl)) return 1;
  }
  return 0;
}

/* A pointer the viewer can follow names something: a name in capitals
 * after its first word ("the file INSTALL", "the PyYAML homepage"), a
 * file, or a well-known place. */
static int names_something(const char *s, size_t n) {
  if (names_place(s, n)) return 1;
  for (size_t q = 1; q < n; q++)
    if (s[q - 1] == ' ' && isupper((unsigned char)s[q])) return 1;
  return 0;
}

/* 1 when s (a bullet or an item) only points elsewhere. */
static int pointer_only(const char *s) {
  size_t n = strlen(s);
  while (n && strchr(".! ", s[n - 1])) n--;
  return pointer_sentence(s, n);
}

/* A sentence that sells the project's goods: two kinds of them named
 * ("stickers, shirts, and coffee mugs"), or merchandise named outright.
 * English only. */
static int merch_sentence(const char *s, size_t n) {
  static const char *const goods[] = { "t-shirt", "tshirt", "shirt", "mug", "sticker", "hoodie", "sweatshirt",
    "tote", "apparel", NULL };
  static const char *const outright[] = { "merch", "merchandise", "swag", NULL };
  int kinds = 0, named = 0;
  unsigned seen = 0;
  for (size_t q = 0; q < n;) {
    while (q < n && !isalpha((unsigned char)s[q])) q++;
    size_t a = q;
    while (q < n && (isalpha((unsigned char)s[q]) || (s[q] == '-' && q + 1 < n && isalpha((unsigned char)s[q + 1])))) q++;
    size_t l = q - a;
    if (l && (s[a + l - 1] == 's' || s[a + l - 1] == 'S')) l--;   /* plural */
    for (int k = 0; goods[k]; k++)
      if (strlen(goods[k]) == l && !strncasecmp(s + a, goods[k], l) && !(seen & (1u << k))) seen |= 1u << k, kinds++;
    for (int k = 0; outright[k]; k++)
      if (strlen(outright[k]) == q - a && !strncasecmp(s + a, outright[k], q - a)) named = 1;
  }
  return kinds >= 2 || named;
}

/* Words from s to e. */
static int span_words(const char *s, const char *e) {
  int n = 0;
  for (const char *q = s; q < e; q++) n += *q != ' ' && (q == s || q[-1] == ' ');
  return n;
}

static void pointer_out(char *t) {
  char *orig = vgi_strdup(t);
  char *s = t;
  while (*s) {
    char *e = s;
    while (*e && !stop_at(t, e)) e++;
    if (*e) e++;
    int words = 0, ptr = 0;
    for (char *w = s; w < e;) {
      while (w < e && *w == ' ') w++;
      char *we = w;
      while (we < e && *we != ' ') we++;
      if (we > w) { words++; ptr |= pointer_word(w, (size_t)(we - w)); }
      w = we;
    }
    /* a pointer to nothing the viewer can find ("please refer to the
     * documentation"); one that names a place stays ("See the FAQ.") */
    if (!ptr && pointer_sentence(s, (size_t)(e - s)) && !names_something(s, (size_t)(e - s))) ptr = 1, words = 0;
    /* "To install Homebrew, see its installation.": an opening clause and
     * a pointer, which names nothing to find (the link was its place) */
    /* "For comparison to other tools, see Comparison to Other Tools.": an
     * opening phrase and a pointer to a page by its title (the link was
     * its place); only a well-known place ("see the FAQ") can be found */
    int for_ = !strncasecmp(s, "for ", 4);
    /* (not a sentence cut at an initial: "…, see Brian W. | Kernighan and
     * P. J. Plauger's book") */
    const char *pe = e;
    while (pe > s && pe[-1] == ' ') pe--;
    if (pe - s >= 3 && pe[-1] == '.' && isupper((unsigned char)pe[-2]) && pe[-3] == ' ') for_ = 0;
    if (!ptr && (vgi_lead_clause(s) || for_)) {
      const char *cm = memchr(s, ',', (size_t)(e - s));
      const char *mc = cm ? cm + 1 : NULL;
      while (mc && mc < e && *mc == ' ') mc++;
      if (mc && mc < e && !memchr(mc, ',', (size_t)(e - mc)) && pointer_sentence(mc, (size_t)(e - mc)) &&
          (for_ ? !names_place(mc, (size_t)(e - mc)) && span_words(mc, e) <= 7
                : !names_something(mc, (size_t)(e - mc))))
        ptr = 1, words = 0;
    }
    /* an advertisement for goods ("Show your love for fzf -- T-shirts,
     * mugs, and stickers now available!"): no part of what the project does */
    if (!ptr && merch_sentence(s, (size_t)(e - s))) ptr = 1, words = 0;
    /* the page's own control ("Click to show Cargo.toml."): nothing a
     * viewer of the video can click */
    if (!ptr && (!strncasecmp(s, "click to ", 9) || !strncasecmp(s, "click here", 10) || !strncasecmp(s, "tap to ", 7)))
      ptr = 1, words = 0;
    if (ptr && words <= 14) {
      while (*e == ' ') e++;
      memmove(s, e, strlen(e) + 1);
    } else {
      s = e;
      while (*s == ' ') s++;
    }
  }
  /* what is left only asks ("Looking for help?"): the pointer answers it */
  size_t n = strlen(t);
  while (n && t[n - 1] == ' ') n--;
  int asks = n > 0 && strcmp(t, orig);
  for (size_t i = 0; asks && i < n; i++)
    if ((t[i] == '.' || t[i] == '!') && (i + 1 == n || t[i + 1] == ' ')) asks = 0;
  if (asks && t[n - 1] == '?') strcpy(t, orig);
  free(orig);
}

/* Narration as said: without URLs, paths, addresses, tags and Markdown marks
 * (the screen keeps them); brackets left empty go too. In place. */
/* Word forms given as alternatives ("fix/fixes/fixed", "close/closes"):
 * parts of letters only that share their first three. The length of the
 * first (what is said), else 0. */
static size_t alternatives(const char *w, size_t n, size_t *end) {
  size_t first = 0, parts = 0, i = 0;
  while (i <= n) {
    size_t a = i;
    while (i < n && isalpha((unsigned char)w[i])) i++;
    size_t l = i - a;
    /* a particle glued to the last ("resolve/resolved`를") stays */
    int glued = i < n && (unsigned char)w[i] >= 0x80;
    if (l < 3 || l > 12 || (i < n && w[i] != '/' && !glued)) return 0;
    if (!parts) first = l;
    else if (strncasecmp(w, w + a, 3)) return 0;
    parts++;
    *end = i;
    if (glued) break;
    i++;
  }
  return parts >= 2 ? first : 0;
}

/* Whether [a, z) with its one bar at bar is a choice of two words
 * ("LGPLv3+|GPLv2+", "on|off"): letters on both sides, only letters,
 * digits and + - . around, no second bar (not "a||b", not a table row). */
static int bar_choice(const char *a, const char *bar, const char *z) {
  if (bar == a || bar + 1 >= z || memchr(bar + 1, '|', (size_t)(z - bar - 1))) return 0;
  int left = 0, right = 0;
  for (const char *q = a; q < z; q++) {
    if (q == bar) continue;
    if (isalpha((unsigned char)*q)) { if (q < bar) left = 1; else right = 1; continue; }
    if (!isdigit((unsigned char)*q) && !strchr("+-.", *q)) return 0;
  }
  return left && right;
}

/* A run of things taken out ("DNS servers 1.1.1.1, 8.8.8.8 and ::1 as
 * fallback", "224.0.0.251 (IPv4), ff02::fb (IPv6)") leaves one place, so
 * that dangling_out judges the clause once: the marks between become one,
 * and a short aside in brackets that qualified a thing goes with it. In
 * place. */
static void marks_joined(char *t) {
  static const char *const joins[] = { "and", "or", "und", "oder", "et", "ou", "y", "o", "e", "en", "of",
    "Ð¸", "Ð¸Ð»Ð¸", NULL };   /* и, или */
  char *w = t;
  for (char *r = t; *r;) {
    if (!MARK(*r)) { *w++ = *r++; continue; }
    *w++ = *r++;
    for (;;) {
      char *q = r;
      while (*q == ' ') q++;
      if (*q == '(') {
        char *c = strchr(q, ')');
        if (c && c > q && !strpbrk_n(q, (size_t)(c - q)) && !memchr(q + 1, '(', (size_t)(c - q - 1))) {
          char in[128];
          size_t il = (size_t)(c - q - 1);
          if (il < sizeof in) {
            memcpy(in, q + 1, il);
            in[il] = 0;
            if (vgi_word_count(in) <= 3) r = q = c + 1;
          }
        }
      }
      while (*q == ',' || *q == ';') q++;
      while (*q == ' ') q++;
      size_t jl = strcspn(q, " ");
      if (q[jl] == ' ' && word_of(joins, q, jl)) {
        q += jl;
        while (*q == ' ') q++;
      }
      if (!MARK(*q)) break;
      r = q + 1;
    }
  }
  *w = 0;
}

/* What follows a path taken out at [a, z) up to its word's end e, as the
 * sentence still needs it: a closing bracket the path opened
 * ("/etc/dpkg/dpkg.cfg.d/[0-9a-z_-]*") and a glob's star go with the path,
 * a bracket or full stop of the prose around it stays. */
static void glob_tail_out(vgi_buf *b, const char *a, const char *z, const char *e) {
  int open[3] = { 0, 0, 0 };   /* ( [ { opened in the path and not closed */
  static const char opens[] = "([{", closes[] = ")]}";
  for (const char *q = a; q < z; q++) {
    const char *o = strchr(opens, *q), *c = strchr(closes, *q);
    if (*q && o) open[o - opens]++;
    else if (*q && c && open[c - closes] > 0) open[c - closes]--;
  }
  for (const char *q = z; q < e; q++) {
    const char *c = *q ? strchr(closes, *q) : NULL;
    if (c && open[c - closes] > 0) { open[c - closes]--; continue; }
    if (*q == '*' && (q == z || q[-1] != '*') && q[1] != '*') continue;
    vgi_buf_add(b, q, 1);
  }
}

/* A word [p, e) of a pattern's signs only, a bracket among them ("]*",
 * "[]", "{}"), with a sentence's mark at most after them: nothing to say.
 * A sign alone is named ("glob with *"), and a bar is an operator a
 * sentence may name ("the operators | or |&"). */
static int symbols_only(const char *p, const char *e) {
  int bracket = 0;
  while (e > p && strchr(".,;:!?", e[-1])) e--;
  for (const char *q = p; q < e; q++) {
    if (!strchr("[]{}()*^$\\~_`", *q)) return 0;
    bracket |= *q == '[' || *q == ']' || *q == '{' || *q == '}';
  }
  return e - p >= 2 && bracket;
}

/* A path a clause needs as its noun: its subject after a conjunction ("…warn
 * if /usr is not already mounted", "…requires that /var/run is a symlink")
 * or the object of a verb that acts on files ("it calls
 * /usr/lib/systemd/systemd-sysv-install;"). Without it the clause says
 * nothing ("if is not already mounted"); a presenter says the path's last
 * name ("if usr is not already mounted", "it calls systemd-sysv-install").
 * The name's length, its start in *at; 0 when the path is no such noun.
 * English only. */
static size_t path_noun(const char *s, const char *p, const char *a, const char *z, const char *e,
                        const char **at) {
  if (!said_en_ || unsaid_kind(a, (size_t)(z - a)) == MARK_ADDRESS) return 0;
  if (a > p && !strchr("`'\"", *p)) return 0;
  int goes_on = 1;   /* no mark after it: its clause goes on */
  for (const char *q = z; q < e; q++)
    if (!strchr("`'\"", *q)) goes_on = 0;
  static const char *const conj[] = { "if", "when", "whenever", "unless", "whether", "that", "because", "since",
    "while", "until", "once", "where", NULL };
  const char *const *verbs = subject_verbs;
  static const char *const acting[] = { "calls", "runs", "executes", "invokes", "spawns", "mounts", "unmounts",
    "creates", "removes", "deletes", "installs", "copies", "moves", "writes", "reads", "loads", "sources",
    "call", "execute", "invoke", "mount", "unmount", "create", "remove", "delete", "copy", "move", "source",
    "called", "executed", "invoked", "mounted", "created", "removed", "deleted", "installed", "copied", NULL };
  /* the noun after a determiner ("now my /etc/issue says"), or a clause's
   * subject before its verb ("Since 6.10, /etc/profile is upgraded") */
  static const char *const dets[] = { "my", "your", "our", "their", "its", "his", "her", NULL };
  const char *nx0 = e;
  while (*nx0 == ' ') nx0++;
  int subject = goes_on && (word_of(verbs, nx0, strcspn(nx0, " ,.;:")) || !strncmp(nx0, "says ", 5));
  const char *ws, *we;
  int before = word_before(s, p, &ws, &we);
  static const char *const preps[] = { "in", "at", "to", "from", "under", "into", "on", "of", "via", "see", NULL };
  if (before && word_of(dets, ws, (size_t)(we - ws)) && goes_on) {
    /* "my /etc/issue": the path is the noun */
  } else if (before && goes_on && !strncmp(nx0, "as ", 3) && !strchr(",.;:!?", we[-1]) &&
             !word_of(preps, ws, (size_t)(we - ws))) {
    /* "will have /var/mail as a real directory": the object that "as"
     * says what it is */
  } else if (before && goes_on && !strchr(",.;:!?", we[-1]) &&
             word_of((const char *const[]){ "which", "whose", "who", NULL }, nx0, strcspn(nx0, " ,.;:"))) {
    /* "will then update /etc/ssl/certs/ which may be used by …": what the
     * relative clause is about; without it "update which may be used" */
  } else if (subject && before && (strchr(",;", we[-1]) || (we - ws == 4 && !strncasecmp(ws, "then", 4)))) {
    /* at a clause's start (a sentence's has its stand-in: "This file") */
  } else if (!before || strchr(",.;:!?", we[-1])) {
    return 0;
  } else if (word_of(acting, ws, (size_t)(we - ws))) {
    /* "…is mounted at /boot" is no object: "at" led to it */
  } else if (goes_on && word_of(conj, ws, (size_t)(we - ws))) {
    const char *nx = e;
    while (*nx == ' ') nx++;
    if (!word_of(verbs, nx, strcspn(nx, " ,.;:"))) return 0;
  } else {
    return 0;
  }
  /* the last name, without a closing slash */
  const char *ze = z;
  while (ze > a && (ze[-1] == '/' || strchr("`'\"", ze[-1]))) ze--;
  const char *n0 = ze;
  while (n0 > a && n0[-1] != '/' && n0[-1] != '\\') n0--;
  if (ze - n0 < 2 || ze - n0 > 40 || !isalpha((unsigned char)*n0)) return 0;
  for (const char *q = n0; q < ze; q++)
    if (!isalnum((unsigned char)*q) && !strchr("._-", *q)) return 0;
  *at = n0;
  return (size_t)(ze - n0);
}

/* Whether a thing taken out, its word ending at e, has another beside it, joined
 * by "or", "and" or a comma: the next word (unsaid), or the last taken out
 * in what b holds so far. */
static int beside_unsaid(const char *e, const vgi_buf *b) {
  static const char *const joins[] = { "or", "and", NULL };
  const char *nx = e;
  while (*nx == ' ') nx++;
  size_t jl = strcspn(nx, " ");
  if (nx[jl] == ' ' && word_of(joins, nx, jl)) {
    nx += jl;
    while (*nx == ' ') nx++;
  }
  const char *a = nx, *z = nx + strcspn(nx, " ");
  while (a < z && strchr("([{\"'*_`", *a)) a++;
  while (z > a && strchr(")]}\"'*_`.,;:!?", z[-1])) z--;
  if (z > a && unsaid(a, (size_t)(z - a))) return 1;
  size_t n = b->n;
  while (n && (b->s[n - 1] == ' ' || b->s[n - 1] == ',')) n--;
  size_t w = n;
  while (w && b->s[w - 1] != ' ') w--;
  if (w < n && word_of(joins, b->s + w, n - w)) {
    n = w;
    while (n && b->s[n - 1] == ' ') n--;
  }
  return n && MARK(b->s[n - 1]);
}

/* s without the words no presenter reads out (unsaid); frees s, returns
 * the new text. */
/* A manual page's name and section at a ("git-push(1)", "ls(1)",
 * "printf(3p)", up to e): the end of its ")" and the name's length in *n,
 * else NULL. The name starts with a letter and has two characters or more
 * ("f(1)" is a function's value). */
static const char *man_page_ref(const char *a, const char *e, size_t *n) {
  const char *q = a;
  if (!isalpha((unsigned char)*q)) return NULL;
  while (q < e && (isalnum((unsigned char)*q) || strchr("_.+-", *q))) q++;
  if (q - a < 2 || q >= e || *q != '(' || q[-1] == '-' || q[-1] == '.') return NULL;
  *n = (size_t)(q - a);
  q++;
  if (q >= e || *q < '1' || *q > '9') return NULL;
  q++;
  for (int k = 0; k < 3 && q < e && islower((unsigned char)*q); k++) q++;
  if (q >= e || *q != ')') return NULL;
  q++;
  for (const char *r = q; r < e; r++)   /* only the sentence's marks after it */
    if (!strchr(".,;:!?)]\"'`*_", *r)) return NULL;
  return q;
}

/* A dotfile in the home folder ("~/.zshrc", "$HOME/.bashrc"): its name
 * without the dot, its length (*name where it starts), else 0. */
static size_t home_dotfile(const char *a, const char *z, const char **name) {
  const char *q = a;
  if (z - a > 2 && !strncmp(a, "~/", 2)) q = a + 2;
  else if (z - a > 6 && !strncmp(a, "$HOME/", 6)) q = a + 6;
  else return 0;
  if (*q != '.') return 0;
  q++;
  size_t n = (size_t)(z - q);
  if (n < 2 || n > 14 || !islower((unsigned char)*q)) return 0;
  for (size_t i = 0; i < n; i++)
    if (!islower((unsigned char)q[i]) && !isdigit((unsigned char)q[i]) && q[i] != '_') return 0;
  *name = q;
  return n;
}

/* The host of the address [a, z) ("https://www.example.org/x",
 * "<www.example.org>"), without "www.": where it starts, its length in
 * *hl; NULL when [a, z) is no address with a host */
static const char *address_host(const char *a, const char *z, size_t *hl) {
  while (a < z && *a == '<') a++;   /* an autolink, "<https://…>" */
  const char *host = NULL, *sch = a;
  while (sch < z && isalpha((unsigned char)*sch)) sch++;
  if (sch > a && z - sch > 3 && !strncmp(sch, "://", 3)) host = sch + 3;
  else if (z - a > 4 && !strncasecmp(a, "www.", 4)) host = a;
  if (!host) return NULL;
  if (!strncasecmp(host, "www.", 4) && host + 4 < z) host += 4;
  *hl = strcspn(host, "/?#> )\"'");
  if (host + *hl > z) *hl = (size_t)(z - host);
  return *hl >= 3 && memchr(host, '.', *hl) ? host : NULL;
}

/* A web address that is a passive verb's agent ("Versions prior to 2.0.0
 * are distributed by https://github.com/abesto/yq and are not related"):
 * taken out with its "by", the sentence no longer says who; it is said as a
 * short item shows it (address_out): its host, and a path of two parts at
 * most, "github.com slash abesto slash yq". Into b; 0 when it is no such
 * agent. English only. */
static int address_agent(vgi_buf *b, const char *s, const char *p, const char *a, const char *z) {
  if (!said_en_) return 0;
  size_t hl;
  const char *host = address_host(a, z, &hl);
  if (!host || memchr(host, '@', hl)) return 0;
  if (!agent_by(s, p)) return 0;
  /* the path: two parts at most, without a trailing "/" or ".git" */
  const char *pa = host + hl;
  size_t pl = 0;
  if (pa < z && *pa == '/') {
    pl = strcspn(pa, "?#>)\"' ");
    if (pa + pl > z) pl = (size_t)(z - pa);
    while (pl && strchr(".,;:!?/", pa[pl - 1])) pl--;
    if (pl > 4 && !strncmp(pa + pl - 4, ".git", 4)) pl -= 4;
    int parts = 0;
    for (size_t q = 0; q < pl; q++) parts += pa[q] == '/';
    if (parts > 2) pl = 0;
  }
  vgi_buf_add(b, host, hl);
  for (size_t q = 0; q < pl; q++) {
    if (pa[q] == '/') {
      if (q + 1 < pl) vgi_buf_puts(b, " slash ");
    } else {
      vgi_buf_add(b, pa + q, 1);
    }
  }
  return 1;
}

/* Whether the bare host name at [a, z) of s is the object of the verb
 * before it ("a country that blocks `raw.githubusercontent.com`:", "Use
 * irc.libera.chat as the server"): taken out, the clause lost its object
 * ("that blocks: curl, wget and fetch"); it is said. Not after a
 * preposition, a copula, an article or a conjunction ("Join us at
 * irc.oftc.net", "the mirror is dl.example.org"): that clause reads
 * without it. English only. */
static int host_object(const char *s, const char *p, const char *a, const char *z) {
  char h[256];
  if (!said_en_ || (size_t)(z - a) >= sizeof h) return 0;
  memcpy(h, a, (size_t)(z - a));
  h[z - a] = 0;
  if (!host_name(h)) return 0;
  const char *e = p;
  while (e > s && e[-1] == ' ') e--;
  const char *b = e;
  while (b > s && b[-1] != ' ') b--;
  size_t n = (size_t)(e - b);
  if (!n || n > 20) return 0;
  for (size_t i = 0; i < n; i++)
    if (!islower((unsigned char)b[i])) return 0;
  static const char *const not_verbs[] = { "the", "a", "an", "this", "that", "these", "those", "your", "its", "our",
    "their", "my", "his", "her", "and", "or", "but", "nor", "of", "for", "than", "like", "including", "namely",
    "such", "not", "also", "either", "both", "then", "which", "who", NULL };
  /* a verb: one in "-s" after its subject ("that blocks"), or one that
   * takes a host ("use", "ping"); not a noun in apposition ("the master
   * GNU archive site ftp.gnu.org") */
  static const char *const verbs[] = { "use", "block", "allow", "ping", "contact", "reach", "resolve", "add",
    "set", "configure", "trust", "whitelist", "allowlist", "unblock", "blocked", "allowed", "reached", NULL };
  int verb = word_of(verbs, b, n) || (n > 3 && b[n - 1] == 's' && b[n - 2] != 's' && b[n - 2] != 'u');
  return verb && !dangling_word(b, n) && !awaits_object(b, n) && !word_of(not_verbs, b, n) &&
         !word_of(placing_verb, b, n);
}

/* A web address that is its clause's subject ("Also <https://example.org/y>
 * is the home.", "https://example.org hosts the manual."): it opens its
 * sentence, or follows an adverb that opens one, and a verb follows it.
 * Taken out, the sentence had none ("Also is the home."); it is said by its
 * host name ("example.org"), as the bullet shows it (address_out). The host
 * in *hs, its length returned; 0 when it is no such subject. English only. */
static size_t address_subject(const char *s, const char *p, const char *a, const char *z, const char *e,
                              const char **hs) {
  if (!said_en_) return 0;
  size_t hl;
  const char *host = address_host(a, z, &hl);
  if (!host) return 0;
  /* the sentence's own mark after it ends the clause: no verb follows */
  for (const char *q = z; q < e; q++)
    if (strchr(".,;:!?", *q)) return 0;
  /* what comes before: the sentence's start, or one opening adverb */
  const char *pe = p;
  while (pe > s && pe[-1] == ' ') pe--;
  int opens = pe == s || strchr(".!?", pe[-1]);
  if (!opens) {
    const char *pb = pe;
    while (pb > s && pb[-1] != ' ') pb--;
    static const char *const adverbs[] = { "also", "then", "now", "here", "today", "currently", "still", "so",
                                           "and", "but", NULL };
    size_t n = (size_t)(pe - pb);
    if (n && pe[-1] == ',') n--;
    const char *bb = pb;
    while (bb > s && bb[-1] == ' ') bb--;
    if (!word_of(adverbs, pb, n) || !(bb == s || strchr(".!?", bb[-1]))) return 0;
  }
  /* the verb after it */
  const char *nx = e;
  while (*nx == ' ') nx++;
  size_t nl = strcspn(nx, " ");
  while (nl && strchr(",;:.!?", nx[nl - 1])) nl--;
  if (!nl || !word_of(subject_verbs, nx, nl)) return 0;
  *hs = host;
  return hl;
}

/* Whether the word before p in s makes a dotfile a thing of its own
 * ("your ~/.zshrc", "in ~/.profile", "edit ~/.bashrc"), not one of a
 * choice of paths ("/etc/inputrc or ~/.inputrc": both go, or neither). */
static int dotfile_owner(const char *s, const char *p) {
  const char *e = p;
  while (e > s && e[-1] == ' ') e--;
  const char *b = e;
  while (b > s && b[-1] != ' ') b--;
  static const char *const owners[] = { "your", "the", "my", "our", "their", "in", "into", "to", "from", "edit",
                                        "open", "source", "sourcing", "create", "Edit", "Open", "Create", NULL };
  return e > b && word_of(owners, b, (size_t)(e - b));
}

/* The name of a relative file or folder that stands as a term before a
 * colon ("docs/lua-api.md:", "docs/gallery/:"), or alone (a term said
 * apart from its description): its last part without the
 * extension, "-" and "_" as spaces ("lua api"), in out; its length, 0 when
 * it is no such term (an absolute path, an address, a pattern). */
static size_t term_path_stem(const char *a, const char *z, const char *e, char *out, size_t n) {
  const char *c = z;
  while (c < e && strchr("`'\"*_)", *c)) c++;
  if (!((c < e && *c == ':') || (c == e && !*e)) || !isalnum((unsigned char)*a) || memmem(a, (size_t)(z - a), "://", 3) ||
      memchr(a, '@', (size_t)(z - a)))
    return 0;
  const char *end = z;
  while (end > a && end[-1] == '/') end--;
  const char *base = end;
  while (base > a && base[-1] != '/') base--;
  if (base == a && end == z) return 0;   /* no path */
  const char *dot = NULL;
  for (const char *q = base + 1; q < end; q++)
    if (*q == '.') dot = q;
  if (dot && end - dot - 1 >= 1 && end - dot - 1 <= 4) end = dot;
  size_t l = 0;
  int alnum = 0;
  for (const char *q = base; q < end && l + 1 < n; q++) {
    if (!isalnum((unsigned char)*q) && !strchr("-_.", *q)) return 0;   /* "*.md", "{a,b}" */
    alnum |= isalnum((unsigned char)*q);
    out[l++] = strchr("-_", *q) ? ' ' : *q;
  }
  out[l] = 0;
  return alnum ? l : 0;
}

static char *speech_out(char *s) {
  vgi_buf b = {0};
  char stem[128];
  const char *p = s;
  while (*p) {
    if (*p == ' ') { vgi_buf_add(&b, p++, 1); continue; }
    const char *e = p;
    while (*e && *e != ' ') e++;
    /* ".." alone, or "." alone before a lower-case word, is a folder in a
     * command ("run cmake . in the root", "cd .."): said as a presenter reads
     * it, never left as a full stop that ends the sentence there */
    const char *nw = e;
    while (*nw == ' ') nw++;
    /* (or before the stop that ends its sentence: "The simplest filter is . .") */
    int stop = nw[0] == '.' && (!nw[1] || nw[1] == ' ');
    if ((e - p == 2 || (e - p == 1 && ((*nw >= 'a' && *nw <= 'z') || stop))) && p[0] == '.' && p[e - p - 1] == '.' &&
        (p == s || p[-1] == ' ')) {
      if (said_en_) vgi_buf_puts(&b, e - p == 1 ? "dot" : "dot dot");
      p = e;
      continue;
    }
    /* a '?' or '!' written as a sign ("mark it with ? when unsure", "type
     * \"!\" to flag it") is named in English, never said as a sentence's end */
    if (said_en_) {
      const char *m = p;
      while (m < e && strchr("\"'`", *m)) m++;
      const char *nx = e;
      while (*nx == ' ') nx++;
      /* alone, it is a sign only before a lower-case word ("The sign ? Stays"
       * may be a question written with a space, as French writes one) */
      if (m < e && (*m == '?' || *m == '!') && (p == s || p[-1] == ' ') &&
          vgi_mark_as_sign(s, m, NULL) && (m > p || (*e == ' ' && *nx >= 'a' && *nx <= 'z'))) {
        vgi_buf_puts(&b, *m == '?' ? "question mark" : "exclamation mark");
        const char *r = m + 1;
        while (r < e && strchr("\"'`", *r)) r++;   /* the closing quote */
        vgi_buf_add(&b, r, (size_t)(e - r));   /* "\"?\"," keeps its comma */
        p = e;
        continue;
      }
    }
    /* the word without the brackets, quotes and punctuation around it */
    const char *a = p, *z = e;
    while (a < z && strchr("([{\"'*_`", *a)) a++;
    while (z > a && strchr(")]}\"'*_`.,;:!?", z[-1])) z--;
    /* a Korean particle glued to a path ("`/etc/x`에") is said after it, not taken out with it */
    const char *ko_tail = NULL;
    if (said_cjk_ == 'k' && z > a) {
      size_t kl = vgi_ko_particle_tail(a, (size_t)(z - a));
      if (kl) {
        const char *k = z - kl;
        while (k > a && strchr(")]}\"'*_`.,;:!?", k[-1])) k--;
        if (k > a && unsaid(a, (size_t)(k - a))) ko_tail = z - kl, z = k;
      }
    }
    size_t alt_end = 0, alt = z > a ? alternatives(a, (size_t)(z - a), &alt_end) : 0, sn = 0, mn = 0;
    const char *sa = NULL, *mr = NULL;
    const char *bar = said_en_ && z > a ? memchr(a, '|', (size_t)(z - a)) : NULL;
    if (bar && !bar_choice(a, bar, z)) bar = NULL;
    if (bar) {
      /* "LGPLv3+|GPLv2+", "yes|no": a choice written with a bar is said
       * with "or", never as a bar */
      vgi_buf_add(&b, p, (size_t)(bar - p));
      vgi_buf_puts(&b, " or ");
      vgi_buf_add(&b, bar + 1, (size_t)(e - bar - 1));
    } else if (alt) {
      /* "fix/fixes/fixed" is said "fix" */
      vgi_buf_add(&b, p, (size_t)(a - p) + alt);
      const char *rest = a + alt_end;
      while (rest < e && strchr("`*_\"'", *rest)) rest++;
      vgi_buf_add(&b, rest, (size_t)(e - rest));
    } else if (z > a && placeholder(a, (size_t)(z - a))) {
      vgi_buf_add(&b, p, (size_t)(a - p));
      vgi_buf_add(&b, a + 1, (size_t)(z - a) - 2);
      /* "<command>...": the dots say "one or more", never said */
      const char *r = z;
      if (!strncmp(r, "...", 3)) r += 3;
      else if (!strncmp(r, "\xE2\x80\xA6", 3)) r += 3;
      vgi_buf_add(&b, r, (size_t)(e - r));
    } else if (said_en_ && z > a && (sn = home_dotfile(a, z, &sa)) && dotfile_owner(s, p)) {
      /* "~/.zshrc" is said as people say it, "zshrc" ("add this to your
       * zshrc"): taken out, "add this to your:" had lost its object */
      vgi_buf_add(&b, p, (size_t)(a - p));
      vgi_buf_add(&b, sa, sn);
      vgi_buf_add(&b, z, (size_t)(e - z));
    } else if (z > a && host_object(s, p, a, z)) {
      vgi_buf_add(&b, p, (size_t)(a - p));
      vgi_buf_add(&b, a, (size_t)(z - a));
      for (const char *q = z; q < e; q++)   /* the sentence's own marks after it */
        if (strchr(".,;:!?)", *q)) vgi_buf_add(&b, q, 1);
    } else if (z > a && (sn = address_subject(s, p, a, z, e, &sa))) {
      vgi_buf_add(&b, sa, sn);   /* (its brackets and quotes go with it) */
    } else if (z > a && address_agent(&b, s, p, a, z)) {
      for (const char *q = z; q < e; q++)   /* the sentence's own marks after it */
        if (strchr(".,;:!?)", *q)) vgi_buf_add(&b, q, 1);
    } else if (z > a && (p == s || (p - s >= 2 && p[-1] == ' ' && strchr(".!?", p[-2]))) &&
               unsaid(a, (size_t)(z - a)) && (sn = term_path_stem(a, z, e, stem, sizeof stem))) {
      /* a file that opens a sentence as its term ("`docs/cli.md`: the
       * command line") is said by its name, "cli: the command line": taken
       * out, the description was said after a bare colon */
      if (p > s) sn = vgi_upper_first_in(stem, sizeof stem, said_lang_ ? said_lang_ : "en") ? strlen(stem) : sn;   /* a sentence's first word */
      vgi_buf_add(&b, stem, sn);
      for (const char *q = z; q < e; q++)
        if (strchr(".,;:!?)", *q)) vgi_buf_add(&b, q, 1);
    } else if (z > a && unsaid(a, (size_t)(z - a)) && (sn = path_noun(s, p, a, z, e, &sa))) {
      vgi_buf_add(&b, sa, sn);
      for (const char *q = z; q < e; q++)   /* the sentence's own marks after it */
        if (strchr(".,;:!?)", *q)) vgi_buf_add(&b, q, 1);
    } else if (z > a && unsaid(a, (size_t)(z - a))) {
      /* quotes around it go with it ("`'\0'` or `\u0000`"): the marks
       * of two things taken out then join ("or" between them) */
      const char *qa = p, *qz = z;
      while (qa < a && strchr("'\"`", *qa) && qz < e && *qz == *qa) qa++, qz++;
      int quoted = qa == a && qa > p && beside_unsaid(e, &b);
      if (!quoted) vgi_buf_add(&b, p, (size_t)(a - p));
      /* where it was, and what it was: dangling_out looks here */
      vgi_buf_add(&b, (char[]){ (char)unsaid_kind(a, (size_t)(z - a)) }, 1);
      if (ko_tail) vgi_buf_add(&b, ko_tail, (size_t)(e - ko_tail));
      else if (quoted) glob_tail_out(&b, qz, qz, e);
      else glob_tail_out(&b, a, z, e);
      /* a bare address that a capital follows ended its sentence, its full
       * stop left out so as not to join the address ("…is located at
       * https://example.org/issues You will need …") */
      const char *nx = e;
      while (*nx == ' ') nx++;
      if (z == e && *nx >= 'A' && *nx <= 'Z' && nx[1] >= 'a' && nx[1] <= 'z' &&
          (memmem(a, (size_t)(z - a), "://", 3) || !strncmp(a, "www.", 4)))
        vgi_buf_add(&b, ".", 1);
    } else if (z > a && (mr = man_page_ref(a, e, &mn))) {
      /* a manual page named with its section ("git-push(1)", "ls(1),"):
       * said by the command, "git push", never "git-push one" */
      vgi_buf_add(&b, p, (size_t)(a - p));
      for (size_t q = 0; q < mn; q++) vgi_buf_add(&b, a[q] == '-' ? " " : a + q, 1);
      vgi_buf_add(&b, mr, (size_t)(e - mr));
    } else if (symbols_only(p, e)) {
      /* "]*", "[]", "{}": a pattern's signs left alone are never said; the
       * sentence's own mark after them stays */
      const char *m = e;
      while (m > p && strchr(".,;:!?", m[-1])) m--;
      vgi_buf_add(&b, m, (size_t)(e - m));
    } else {
      for (const char *c = p; c < e; c++)
        if (*c != '`' && !(c[0] == '*' && c[1] == '*') && !(c > p && c[-1] == '*' && c[0] == '*'))
          vgi_buf_add(&b, c, 1);
    }
    p = e;
  }
  char *t = b.s ? vgi_buf_take(&b) : vgi_strdup("");
  marks_joined(t);
  dangling_out(&t);
  t = vgi_squash(t);
  /* "()" "( )" "[]" left behind; a space before , . ; : ! ? */
  char *w = t;
  for (char *r = t; *r;) {
    if ((r[0] == '(' || r[0] == '[') ) {
      char *q = r + 1;
      while (*q == ' ' || *q == ',' || *q == ';' || *q == ':') q++;
      if ((r[0] == '(' && *q == ')') || (r[0] == '[' && *q == ']')) {
        r = q + 1;
        if (r[0] == ';' && (r[1] == ' ' || !r[1])) r++;   /* a call's statement end: "BENCHMARK_MAIN();" */
        while (w > t && w[-1] == ' ' && (*r == ' ' || *r == '.' || *r == ',' || !*r)) w--;
        continue;
      }
      /* "(, pronounced dee-no)": what stood before the mark is gone */
      const char *mk = r + 1 + strspn(r + 1, " ");
      if (r[0] == '(' && mk < q && strchr(",;:", *mk) && mk[1] == ' ') {
        *w++ = *r;
        r = q;
        continue;
      }
    }
    if (r[0] == ' ' && r[1] && strchr(",.;:!?", r[1]) && (r[2] == ' ' || !r[2])) { r++; continue; }
    /* (a dot that starts a word stays a word: ", .md files" is not ",." */
    if (r[0] == ' ' && w > t && strchr(",;:", w[-1]) && r[1] && strchr(",;:.", r[1]) &&
        !(r[1] == '.' && (isalnum((unsigned char)r[2]) || r[2] == '_'))) { r++; continue; }
    *w++ = *r++;
  }
  *w = 0;
  /* "(see )": a bracket whose path or link is gone, with a word or two left;
   * one the document wrote so ("available in ([translations](…) )") lost
   * nothing and stays: its word was the sentence's object, unless it is one
   * that points at what went ("(see )", "(here )"). (The source is
   * searched from where the last such bracket was found, a few times at
   * most, so a long text stays linear.) */
  const char *src = s;
  int looked = 0;
  for (char *o = strchr(t, '('); o; o = strchr(o + 1, '(')) {
    char *c = strchr(o, ')');
    if (!c || memchr(o + 1, '(', (size_t)(c - o - 1))) continue;
    /* (one that ends on "or" or "and" lost what it joined: "(LICENSE-MIT
     * or <https://…>)" said "(LICENSE-MIT or)"; it goes whole) */
    int joiner = (c - o > 4 && !strncmp(c - 3, " or", 3)) || (c - o > 5 && !strncmp(c - 4, " and", 4));
    if (!(o[1] == ' ' || c[-1] == ' ' || joiner)) continue;
    vgi_buf in = {0};
    vgi_buf_add(&in, o + 1, (size_t)(c - o - 1));
    int words = vgi_word_count(in.s ? in.s : "");
    vgi_buf_free(&in);
    if (words > (joiner ? 6 : 2)) continue;
    const char *w1 = o + 1 + strspn(o + 1, " ");
    if (words == 1 && looked < 16 && !dangling_word(w1, strcspn(w1, " )"))) {
      looked++;
      const char *f = memmem(src, strlen(src), o, (size_t)(c - o) + 1);
      if (f) {
        src = f + (c - o) + 1;
        /* its spaces inside go: "(translations)" */
        char *a = o + 1, *z = c;
        while (*a == ' ') a++;
        while (z > a && z[-1] == ' ') z--;
        memmove(o + 1, a, (size_t)(z - a));
        memmove(o + 1 + (z - a), c, strlen(c) + 1);
        continue;
      }
    }
    char *r = c + 1;
    while (o > t && o[-1] == ' ' && (*r == ' ' || *r == '.' || *r == ',' || !*r)) o--;
    memmove(o, r, strlen(r) + 1);
    o = o > t ? o - 1 : t;
  }
  /* ": ." and ", ." left where a URL ended a sentence */
  for (char *q; (q = strstr(t, ":.")) || (q = strstr(t, ",.")) || (q = strstr(t, ";."));)
    memmove(q, q + 1, strlen(q));
  /* "Welcome to the suite. <link>." -> "…suite.." -> "…suite." (not an ellipsis "...") */
  for (char *q = strstr(t, ".."); q; q = strstr(q + 1, ".."))
    if (q[2] != '.' && (q == t || q[-1] != '.')) {
      /* a range of numbers ("usually 1000..60000") is said "1000 to 60000" */
      if (said_en_ && q > t && isdigit((unsigned char)q[-1]) && isdigit((unsigned char)q[2])) {
        size_t off = (size_t)(q - t), tl = strlen(t);
        char *g = realloc(t, tl + 3);
        if (!g) abort();
        t = g, q = t + off;
        memmove(q + 4, q + 2, tl - off - 1);
        memcpy(q, " to ", 4);
        continue;
      }
      memmove(q, q + 1, strlen(q));
    }
  /* a mark that stood alone, its words gone ("E2fsprogs. <address> or
   * <address>." -> "E2fsprogs. ."); so does a closing bracket whose
   * opening one went with the sentence in it ("(Note … /etc/fstab.)"
   * said as ")") */
  vgi_squash(t);
  w = t;
  int open = 0;
  for (char *r = t; *r;) {
    size_t pl = strspn(r, ".,;:!?");
    if (!pl && !open && (r[0] == ')' || r[0] == ']')) pl = strspn(r, ".,;:!?)]");
    if (pl && (r == t || r[-1] == ' ') && (!r[pl] || r[pl] == ' ')) {
      /* a stop among them still ends the sentence it stood after ("cat
       * << EOF ....", "See <link>." at the end or before a capital):
       * the sentence keeps it, never runs into the next one */
      char stop = strchr(".!?", r[pl - 1]) ? r[pl - 1] : 0;
      r += pl;
      while (*r == ' ') r++;
      char *k = w;
      while (k > t && k[-1] == ' ') k--;
      if (stop && !open && (!*r || vgi_opens_capital(r)) && vgi_ends_cased(t, (size_t)(k - t))) {
        w = k;
        *w++ = stop;
        if (*r) *w++ = ' ';
      }
      if (!*r) while (w > t && w[-1] == ' ') w--;
      continue;
    }
    open += (*r == '(' || *r == '[') - (open && (*r == ')' || *r == ']'));
    *w++ = *r++;
  }
  *w = 0;
  free(s);
  return vgi_squash(t);
}

/* ---- length ------------------------------------------------------------------ */

/* espeak-ng's pace, measured on the narration of tests/quality/corpus
 * (bench: docs/inputs.md, "Length"): words a minute where words have spaces
 * between them; characters a second for Chinese and Korean. Japanese kana
 * and kanji take times of their own (ja_seconds, which replaces its cps). */
static const struct { const char *lang; double wpm, cps; } rates[] = {
  { "en", 150, 2.6 }, { "de", 145, 2.6 }, { "fr", 195, 2.6 }, { "es", 162, 2.6 }, { "it", 162, 2.6 },
  { "pt", 156, 2.6 }, { "ru", 146, 2.6 }, { "ar", 111, 2.6 }, { "nl", 150, 2.6 },
  { "zh", 150, 3.45 }, { "ja", 150, 2.0 }, { "ko", 150, 4.8 },
  /* Basque's long words: 391 words of a README's summary took 225 s */
  { "eu", 104, 2.6 },
  /* `vgrun say` on two prose excerpts each of free-programming-books'
   * translated HOWTO, CONTRIBUTING and CODE_OF_CONDUCT (30-70 s a sample):
   * the scripts of India and Sri Lanka are slower than English by a third;
   * Thai, no spaces between its words, by its letters (its vowel and tone
   * marks are no letters: count_speech) */
  { "hi", 165, 2.6 }, { "ne", 120, 2.6 }, { "mr", 120, 2.6 }, { "bn", 114, 2.6 }, { "ta", 96, 2.6 },
  { "te", 95, 2.6 }, { "kn", 96, 2.6 }, { "ml", 100, 2.6 }, { "si", 112, 2.6 }, { "he", 112, 2.6 },
  { "tr", 117, 2.6 }, { "pl", 132, 2.6 }, { "sl", 137, 2.6 }, { "id", 136, 2.6 }, { "fa", 136, 2.6 },
  { "th", 150, 6.8 },
};

static void pace(const char *lang, double *wpm, double *cps) {
  *wpm = VGI_WPM;
  *cps = 2.6;
  if (chinese_spoken(lang)) lang = "zh";
  for (size_t i = 0; lang && i < sizeof rates / sizeof *rates; i++)
    if (!strncmp(lang, rates[i].lang, 2) && (!lang[2] || lang[2] == '-')) {
      *wpm = rates[i].wpm;
      *cps = rates[i].cps;
    }
}

/* The words a token with digits takes to say: espeak-ng reads "530" as three
 * words, "2.887" as five ("two point eight eight seven"), "1.5.1" as five,
 * "MB/s" with a word for the slash. */
static int number_words(const unsigned char *t, size_t n) {
  int w = 0, digits = 0;
  for (size_t i = 0; i < n; i++) if (isdigit(t[i])) digits = 1;
  if (!digits) return 1;
  for (size_t i = 0; i < n;) {
    if (isdigit(t[i])) {
      size_t k = i;
      while (k < n && isdigit(t[k])) k++;
      size_t l = k - i;
      int decimal = i >= 2 && t[i - 1] == '.' && isdigit(t[i - 2]);
      w += decimal ? (int)l + 1 : l >= 4 ? 4 : (int)l;
      i = k;
    } else if (isalpha(t[i])) {
      while (i < n && isalpha(t[i])) i++;
      w++;
    } else {
      w += t[i] == '/' || t[i] == '%' || t[i] == '@';
      i++;
    }
  }
  return w > 0 ? w : 1;
}

/* Ideographs, kana and Hangul syllables: said by the character. */
static int cjk_char(unsigned cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

/* A Thai letter: consonants and the vowels written as letters, not the
 * vowel and tone marks above and below them. */
static int thai_letter(unsigned cp) {
  return (cp >= 0x0E01 && cp <= 0x0E30) || cp == 0x0E32 || cp == 0x0E33 || (cp >= 0x0E40 && cp <= 0x0E46);
}

/* CJK punctuation and full-width forms ("，", "、", "（", "："): between
 * words like a space ("df，mount，fdisk" is three words). */
static int cjk_punct(unsigned cp) {
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

/* Words and CJK characters. A run of other characters between CJK ones
 * ("使用log(n)时", "Bash的") is words too: it is said, in Latin letters,
 * not by the character pace; a run there with no letter or digit is
 * punctuation. A token without CJK counts as it always did. */
static void count_speech(const char *s, int *words, int *cjk) {
  *words = *cjk = 0;
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  const unsigned char *start = p;
  int in = 0, alnum = 0, whole = 1;
  for (;;) {
    unsigned cp = *p;
    int len = 1;
    if (*p >= 0xE0 && *p < 0xF0 && p[1] && p[2]) {
      cp = ((p[0] & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
      len = 3;
    } else if (*p >= 0xC0 && *p < 0xE0 && p[1]) {
      len = 2;
    } else if (*p >= 0xF0 && p[1] && p[2] && p[3]) {
      len = 4;
    }
    /* (a Thai letter is said as a share of a word, as a CJK character is) */
    int sep = !*p || isspace(*p), ideo = !sep && len == 3 && (cjk_char(cp) || thai_letter(cp)),
        mark = !sep && len == 3 && cjk_punct(cp);
    if (sep || ideo || mark) {
      /* the run before: a whole token as ever, a run beside CJK when it has a letter or digit */
      if (in && ((whole && sep) || alnum)) *words += number_words(start, (size_t)(p - start));
      in = alnum = 0;
      if (ideo) (*cjk)++;
      whole = sep;
      if (!*p) break;
    } else {
      if (!in) start = p;
      in = 1;
      alnum |= isalnum(*p) || len == 2;   /* len 2: Greek, Cyrillic, … "ω(n)" */
    }
    p += len;
  }
}

/* Japanese, as espeak-ng's ja voice says it. A word (up to a space, a
 * mark or a digit) of kana only it reads as Japanese, about 0.11 s a kana.
 * A kanji is said by its word's reading (stages/tts/tts_reading.c, MeCab):
 * about 0.21 s a kanji, as long as its two kana or so (measured with
 * `vgrun say --voice ja` on 8 sentences of kanji and kana: 0.17-0.31 s a
 * kanji, 0.22 on average). A Latin word is said apart, in English
 * (foreign_seconds). A word with "・" in it the voice
 * spells, character by character: a kana its syllable (0.15 s), a voiced
 * kana ("ガ", "デ") its plain syllable and "Japanese letter" for the mark,
 * a long vowel mark, a small vowel ("ァ"), an iteration mark or "・"
 * "Japanese letter" alone (0.87 s); "・" spells its word as a Latin letter
 * does. Hangul it says in Korean (0.22 s a syllable: "한국어" 0.66 s). A
 * mark that text follows is a pause: 0.3 s after "、", 0.34 s after "：",
 * 0.45 s after "。", "？", "！". Measured with `vgrun say --voice ja` on 39
 * sentences of kana, katakana and mixed text, within 10 % of all but one
 * (15 %). -> the seconds of the kana, kanji and marks; Latin letters and
 * digits are the word count's (count_speech, foreign_seconds). */
static int is_ja(const char *lang) { return lang && !strncmp(lang, "ja", 2) && (!lang[2] || lang[2] == '-'); }

static const struct {
  double kana, spelled, kanji, letter, code, hangul, comma, colon, stop;
} ja_pace = { 0.109, 0.154, 0.21, 0.866, 1.4, 0.22, 0.3, 0.34, 0.45 };
static const char ja_voiced[] = "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔ"
                                "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴヷヸヹヺ";
static const char ja_named[] = "ぁぃぅぇぉゎゕゖァィゥェォヮヵヶーゝゞヽヾ・";

static int ja_kanji(unsigned cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3005 || cp == 0x3007;
}

static int ja_kana(unsigned cp) {
  return (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309D && cp <= 0x309F) || (cp >= 0x30A1 && cp <= 0x30FF);
}

static int ja_in(const char *set, const char *c, size_t n) {
  char one[5] = { 0 };
  memcpy(one, c, n < 4 ? n : 4);
  return strstr(set, one) != NULL;
}

/* One word of kana, kanji and Latin letters (text[a..b)) -> the seconds of
 * its kana and kanji. */
static double ja_word(const char *text, size_t a, size_t b) {
  size_t k;
  int kanji = 0, latin = 0, kana = 0;
  for (size_t i = a; i < b; i += k) {
    unsigned cp = vg_utf8_decode(text, b, i, &k);
    if (ja_kanji(cp)) {
      kanji++;
    } else if (cp < 0x80 || cp == 0x30FB) {
      latin = 1;   /* "・" too: the voice has no reading for it */
    } else {
      kana++;
    }
  }
  /* read: its kanji by their readings, its kana as kana */
  if (!latin) return kana * ja_pace.kana + kanji * ja_pace.kanji;
  double s = 0;
  for (size_t i = a; i < b; i += k) {
    unsigned cp = vg_utf8_decode(text, b, i, &k);
    if (cp < 0x80) continue;
    if (cp == 0x3005 || cp == 0x3007) s += ja_pace.code;
    else if (ja_kanji(cp)) s += ja_pace.kanji;
    else if (ja_in(ja_voiced, text + i, k)) s += ja_pace.spelled + ja_pace.letter;
    else if (ja_in(ja_named, text + i, k)) s += ja_pace.letter;
    else s += ja_pace.spelled;
  }
  return s;
}

static double ja_seconds(const char *text) {
  size_t len = text ? strlen(text) : 0, k, run = 0;
  int in = 0;
  double s = 0, pause = 0;
  for (size_t i = 0; i <= len; i += k) {
    unsigned cp = i < len ? vg_utf8_decode(text, len, i, &k) : 0;
    if (i >= len) k = 1;
    /* a Latin word is said apart, in an English voice (tts_reading.c): it
     * ends the Japanese word beside it, which is read, not spelled */
    int part = i < len && (ja_kanji(cp) || ja_kana(cp));
    if (part && !in) run = i;
    if (!part && in) s += ja_word(text, run, i);
    in = part;
    int hangul = cp >= 0xAC00 && cp <= 0xD7AF;
    if (hangul) s += ja_pace.hangul;
    if (part || hangul || (cp < 0x80 && isalnum((int)cp))) {
      s += pause;   /* a pause only where speech goes on */
      pause = 0;
      continue;
    }
    /* ASCII marks end a clause only before a space or other text, not in "1.5" or "a,b" */
    unsigned char nx = i + 1 < len ? (unsigned char)text[i + 1] : ' ';
    unsigned mark = cp < 0x80 && isalnum(nx) ? 0 : cp;
    double p = 0;
    if (mark == 0x3001 || mark == 0xFF0C || mark == ',') p = ja_pace.comma;
    else if (mark == 0xFF1A || mark == 0xFF1B || mark == ':' || mark == ';') p = ja_pace.colon;
    else if (mark == 0x3002 || mark == 0xFF1F || mark == 0xFF01 || mark == 0xFF0E || (mark && mark < 0x80 && strchr(".?!", (int)mark)))
      p = ja_pace.stop;
    if (p > pause) pause = p;
  }
  return s;
}

/* The words an identifier takes beyond one: espeak-ng says each part of
 * "search_guide.yaml", "build/meson", "dictionaryName" or "log(n)" as a word. In
 * English, a long word ("prerequisites", "configuration") takes longer
 * than the pace measured on ordinary prose: an eighth of a word a letter
 * past seven. Calibrated against espeak-ng on the corpus (docs/inputs.md,
 * "Length"); tokens with digits are number_words' part. */
static double identifier_words(const char *s, int english) {
  double extra = 0;
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  while (*p) {
    while (*p && isspace(*p)) p++;
    const unsigned char *a = p;
    while (*p && !isspace(*p)) p++;
    const unsigned char *b = p;
    while (a < b && !isalnum(*a) && *a < 0x80) a++;            /* "(", quotes */
    while (b > a && !isalnum(b[-1]) && b[-1] < 0x80) b--;      /* ".", ",", ")" */
    int digits = 0;
    for (const unsigned char *q = a; q < b; q++) digits |= isdigit(*q);
    if (digits || a >= b) continue;
    int seg = 0;   /* letters of the part read so far */
    for (const unsigned char *q = a; q < b; q++) {
      int sep = (*q == '_' || *q == '/' || *q == '.' || *q == '(') && q > a && q + 1 < b && isalnum(q[-1]) && isalnum(q[1]);
      int camel = q > a && islower(q[-1]) && isupper(*q);
      if (sep || camel) extra += 1;
      if (sep || camel || !isalpha(*q)) {
        if (english && seg > 7) extra += (seg - 7) / 8.0;
        seg = camel ? 1 : 0;
      } else {
        seg++;
      }
    }
    if (english && seg > 7) extra += (seg - 7) / 8.0;
  }
  return extra;
}

int vgi_spoken_words(const char *text) {
  int w, c;
  count_speech(text, &w, &c);
  return w + c;
}

static int lang_is(const char *lang, const char *const *set) {
  for (int i = 0; lang && set[i]; i++)
    if (!strncmp(lang, set[i], strlen(set[i])) && (!lang[strlen(set[i])] || lang[strlen(set[i])] == '-')) return 1;
  return 0;
}

/* Letters of a script the voice does not read: espeak-ng names them one by
 * one ("עברית" takes 3.8 s in most voices, "日本語" 2.6 s in the Korean
 * voice, "Українська" 8.3 s in the Korean voice and 1.6 s of "Русский" in
 * the English one), as a language-switcher row says them; the Japanese
 * voice says Latin words in English. -> the seconds
 * they take beyond what the word or character count gave them. */
static double foreign_seconds(const char *text, const char *lang, double wpm, double cps) {
  static const char *const han[] = { "zh", "ja", "yue", "cmn", NULL };
  static const char *const cyr[] = { "ru", "uk", "bg", "sr", "be", "mk", "kk", "ky", "tt", "ba", "mn", "tg", NULL };
  static const char *const semitic[] = { "he", "ar", "fa", "ur", "ps", "yi", NULL };
  static const char *const cjk_voice[] = { "zh", "ja", "ko", "yue", "cmn", NULL };
  static const char *const ja[] = { "ja", NULL };
  const char *l = lang ? lang : "en";
  int cjk_v = lang_is(l, cjk_voice), spells = lang_is(l, ja);
  double extra = 0;
  size_t len = text ? strlen(text) : 0, k;
  int word_foreign = 0, run = 0, vowel = 0, lower = 0;
  unsigned prev = ' ', cp = 0;
  for (size_t i = 0; i <= len; prev = cp, i += k ? k : 1) {
    cp = i < len ? vg_utf8_decode(text, len, i, &k) : 0;
    if (i >= len) k = 1;
    /* In the Chinese, Japanese and Korean voices a Latin word without a
     * vowel is spelled ("lsblk" 0.9 s, "df", "ctrl"), and a comma after a
     * Latin word is a pause of its own ("df，mount，fdisk"): a Latin list
     * in CJK prose takes twice what its words do at the voice's pace
     * (Japanese: every mark's pause is ja_seconds'). */
    int letter = cp < 0x80 && isalpha((int)cp);
    if (letter) {
      run++;
      vowel |= strchr("aeiouyAEIOUY", (int)cp) != NULL;
      lower |= islower((int)cp) != 0;
    } else {
      if (cjk_v && !spells && run >= 2 && !vowel) extra += run * 0.17 - 60.0 / wpm;
      /* the Japanese voice says a Latin word in English (tts_reading.c):
       * about 0.09 s a letter, spelled when it has no vowel or is capitals
       * ("AMD"), and 0.3 s for the switch of voice and back; a comma after
       * it is a longer pause (below: "このmount、mount、mount、mountツールを
       * 学びます。" 6.6 s) */
      if (spells && run) extra += run * (run >= 2 && (!vowel || !lower) ? 0.27 : 0.09) + 0.3 - 60.0 / wpm;
      run = vowel = lower = 0;
    }
    if (cjk_v && prev < 0x80 && isalnum((int)prev) &&
        (cp == ',' || cp == ';' || cp == ':' || cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A))
      extra += spells ? 0.25 : 0.2;
    /* a word ends at a space, and in CJK text at a character or a mark */
    int space = i >= len || cp == ' ' || cp == '\t' || cp == '\n' || (cp >= 0x3000 && (cjk_char(cp) || cjk_punct(cp)));
    if (space) {
      if (word_foreign) extra -= 60.0 / wpm;   /* counted as a word */
      word_foreign = 0;
      if (!(cp >= 0x3000 && cjk_char(cp))) continue;
    }
    double c = 0;
    if (cp >= 0x4E00 && cp <= 0x9FFF && !lang_is(l, han)) c = 0.8 - 1.0 / cps;
    else if (cp >= 0x0400 && cp <= 0x04FF && !lang_is(l, cyr)) c = lang_is(l, cjk_voice) ? 0.8 : 0.23;
    else if (((cp >= 0x0590 && cp <= 0x05FF) || (cp >= 0x0600 && cp <= 0x06FF)) && !lang_is(l, semitic)) c = 0.75;
    if (c > 0) {
      extra += c;
      if (!(cp >= 0x4E00 && cp <= 0x9FFF)) word_foreign = 1;
    }
  }
  return extra > 0 ? extra : 0;
}

double vgi_speech_seconds_lang(const char *text, const char *lang) {
  int w, c;
  double wpm, cps;
  count_speech(text, &w, &c);
  pace(lang, &wpm, &cps);
  double extra = identifier_words(text, !lang || !strncmp(lang, "en", 2));
  double cjk = is_ja(lang) ? ja_seconds(text) : c / cps;
  return (w + extra) * 60.0 / wpm + cjk + foreign_seconds(text, lang, wpm, cps);
}

/* What a text weighs as reading: its words, a CJK character counted as the
 * share of a word it takes to say (so a summary of Chinese prose is as long
 * as one of English prose that takes as long to read out). */
static double word_equiv(const char *text, const char *lang) {
  int w, c;
  double wpm, cps;
  count_speech(text, &w, &c);
  pace(lang, &wpm, &cps);
  return w + (is_ja(lang) ? ja_seconds(text) : c / cps) * (VGI_WPM / 60.0);
}

/* The seconds a scene's length is made of live in one Lua table,
 * lua/vg/timing.lua, which the timeline and the layouts read too: it is
 * evaluated once, in a private interpreter with no library opened (it is
 * data), the first time a length is asked for, from any thread (the built-in
 * copy, or VGRUN_LUA_DIR's in a development build). A copy that cannot be
 * used (a syntax or runtime error, a key missing or not a number) is not a
 * crash: vgi_timing_error says where and why, input.load fails with it and
 * the Lua functions that read the table raise it; meanwhile the copy built
 * into the program gives the values. */
typedef struct timing_t {
  double lead_in, tail, min_scene, enter, step, hold, read_item, reveal_min, reveal_max, code_line, code_min,
      read_look, read_wps, read_cell;
} timing_t;
static timing_t timing_v;
static char timing_err[2048];
static pthread_once_t timing_once = PTHREAD_ONCE_INIT;

/* Reads the table of m into timing_v -> 1, or 0 and err says why. */
static int timing_read(const vgi_lua_data *m, char *err, size_t errsz) {
  static const struct { const char *key; size_t off; } keys[] = {
#define K(k) { #k, offsetof(timing_t, k) }
    K(lead_in), K(tail), K(min_scene), K(enter), K(step), K(hold), K(read_item), K(reveal_min),
    K(reveal_max), K(code_line), K(code_min), K(read_look), K(read_wps), K(read_cell),
#undef K
  };
  lua_State *L = m->L;
  char at[1024];
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    lua_getfield(L, -1, keys[i].key);
    int t = lua_type(L, -1);
    double v = t == LUA_TNUMBER ? lua_tonumber(L, -1) : 0;
    lua_pop(L, 1);
    vgi_lua_data_where(m, vgi_lua_data_line(m, NULL, keys[i].key), at, sizeof at);
    if (t == LUA_TNIL) {
      snprintf(err, errsz, "%s: %s is missing (a number of seconds)", m->name, keys[i].key);
      return 0;
    }
    if (t != LUA_TNUMBER) {
      snprintf(err, errsz, "%s: %s is a %s, not a number", at, keys[i].key, lua_typename(L, t));
      return 0;
    }
    /* a pace divides: it must be more than 0; the rest are seconds */
    int pace = !strcmp(keys[i].key, "read_wps");
    if (!(v >= 0 && v < 1e6) || (pace && v <= 0)) {
      snprintf(err, errsz, "%s: %s is %g, not a number %s", at, keys[i].key, v,
               pace ? "more than 0" : "of seconds from 0");
      return 0;
    }
    *(double *)((char *)&timing_v + keys[i].off) = v;
  }
  return 1;
}

static void timing_load(void) {
  vgi_lua_data m;
  if (vgi_lua_data_open(&m, "vg.timing", "vg/timing.lua", 0, timing_err, sizeof timing_err) &&
      timing_read(&m, timing_err, sizeof timing_err)) {
    vgi_lua_data_close(&m);
    return;
  }
  vgi_lua_data_close(&m);
  char ignored[256];
  if (vgi_lua_data_open(&m, "vg.timing", "vg/timing.lua", 1, ignored, sizeof ignored)) timing_read(&m, ignored, sizeof ignored);
  vgi_lua_data_close(&m);
}

static const timing_t *timing(void) {
  pthread_once(&timing_once, timing_load);
  return &timing_v;
}

const char *vgi_timing_error(void) {
  timing();
  return *timing_err ? timing_err : NULL;
}

/* The table the length model read, pushed on L (vg.input_core.timing()). */
void vgi_timing_push(lua_State *L) {
  const timing_t *t = timing();
  lua_createtable(L, 0, 14);
#define F(k) (lua_pushnumber(L, t->k), lua_setfield(L, -2, #k))
  F(lead_in); F(tail); F(min_scene); F(enter); F(step); F(hold); F(read_item); F(reveal_min);
  F(reveal_max); F(code_line); F(code_min); F(read_look); F(read_wps); F(read_cell);
#undef F
}

/* Silence around a scene's narration (vg.create's lead_in + tail) and the
 * shortest scene: what a scene costs besides its speech. */
#define SCENE_PAD (timing()->lead_in + timing()->tail)
#define SCENE_MIN (timing()->min_scene)
/* A summary runs a minute per this many words of the document's prose. */
#define SUMMARY_WORDS_PER_MIN 600.0
/* ... and its key points go only past a minute per 500 (600 / 1.2), and
 * never below a minute: a short document keeps all of them */
#define SUMMARY_LOOSE 1.2
#define SUMMARY_KEPT 60.0
/* ... and whole sections go only past a minute per 400 words (500 / 1.25) */
#define SUMMARY_SECTIONS 1.25
#define SUMMARY_SECTIONS_KEPT 180.0
/* Longer than this, a video is split into parts (of about PART_SECONDS). */
#define PART_LIMIT 660.0
#define PART_SECONDS 600.0
/* What a summary's scene says of its later sentences, at most (seconds). */
#define SUMMARY_SCENE_SAID 90.0

/* Seconds a key point chosen by what it says may run past the first. */
#define POINT_LONGER 4.0

/* key: 1 a key point (a summary keeps it), 2 a table's rows ("tr") */
typedef struct fit_unit { cJSON *u; double sec; int rank, scene, kept, fixed, key; } fit_unit;

/* What a key point says, for choosing among a section's key points (English;
 * 0 in other languages): 2 for one whose main clause says what its subject
 * is or does ("Zstd offers …", "To solve this, Zstd offers …", "pkgconf
 * builds …", "X is a …"), -2 for one that only refers back ("Previous
 * charts …", "As shown above, …", "This means …") or only points elsewhere
 * ("See the FAQ.", "For more information, …"), -1 for one that leans on what came before ("These
 * gains …", "What that means is, …"); 0 else. */
static int point_score(const char *t, const char *lang) {
  if (!t || !*t || !english(lang)) return 0;
  if (pointer_only(t)) return -2;
  static const char *const back[] = { "previous ", "the previous ", "the preceding ", "as shown", "as seen",
    "as mentioned", "as described", "as explained", "as noted", "as discussed", "as stated", "as above",
    "the above ", "above, ", "in the above", "hence", "thus", "therefore", "then, ", "also, ", "however, ",
    "but ", "and ", "so ", "in this example", "for example", "for instance", "for more information",
    "for more details", "for further ", "please refer", "please see", "refer to ", "see ", NULL };
  for (int k = 0; back[k]; k++)
    if (vgi_opens_ci(t, back[k])) return -2;
  static const char *const demo[] = { "this", "that", "these", "those", "such", NULL };
  size_t fl = strcspn(t, " ,");
  if (word_of(demo, t, fl) && t[fl] == ' ') {
    /* "This means …", "This will allow …": no noun of its own ("This is
     * polkit 0.111" says what the thing is) */
    const char *nx = t + fl + 1;
    size_t nl = strcspn(nx, " ,.");
    if (word_of((const char *const[]){ "is", "are", "was", "were", NULL }, nx, nl)) return 0;
    if (word_of(vgi_aux_verbs, nx, nl) || (nl > 2 && nx[nl - 1] == 's' && nx[nl - 2] != 's' && islower((unsigned char)*nx) &&
                                           !strchr(",.", nx[nl])))
      return -2;
    /* "These gains …": the ones named before ("This project …" names its own) */
    if (word_of((const char *const[]){ "these", "those", "such", NULL }, t, fl)) return -1;
  }
  int score = 0;
  /* the main clause: after a short opening phrase and its comma */
  const char *m = t;
  const char *c = strchr(t, ',');
  /* (an opening phrase: "To …", "In …", "With …", "After …") */
  if (c && vgi_word_count(t) - vgi_word_count(c + 1) <= 6 &&
      !word_of((const char *const[]){ "to", "in", "on", "for", "with", "after", "before", "once", "by", "as", "at",
                                      "from", "since", "when", "if", "while", "because", "although", "what", "which",
                                      "who", NULL }, t, fl))
    c = NULL;
  if (c && vgi_word_count(t) - vgi_word_count(c + 1) <= 6) {
    for (const char *w = t; w < c; w += strcspn(w, " "), w += *w == ' ') {
      size_t wl = strcspn(w, " ,");
      if (word_of((const char *const[]){ "this", "that", "these", "those", "above", "it", NULL }, w, wl)) score = -1;
    }
    if (!word_of((const char *const[]){ "what", "which", "who", "if", "when", "while", "because", "although", NULL },
                 t, fl))
      m = c + 1;
    else
      return score;
  }
  while (*m == ' ') m++;
  /* its subject: a name (written in lower case or with a capital or a
   * digit inside, "pkgconf", "GoogleTest", "gtest-parallel"; with a capital
   * after an opening phrase, "…, Zstd"; a few such words, "GTest Runner"),
   * then a verb in "-s" or "is"/"are"/"can" (adverbs between: "pkgconf also
   * fully implements") */
  const char *w = m;
  size_t wl = strcspn(w, " ,.");
  int names = 0;
  for (; wl && names < 3; names++) {
    int name = (m > t && w == m && isupper((unsigned char)*w)) || !isupper((unsigned char)*w) || w > m;
    int inner = 0;
    for (size_t q = 1; q < wl; q++) inner |= isupper((unsigned char)w[q]) || isdigit((unsigned char)w[q]) || w[q] == '-' || w[q] == '+';
    if (w == m && !isupper((unsigned char)*w)) name = !common_english(w, wl) && !word_of((const char *const[]){ "it", "they",
                                                   "we", "you", "i", "he", "she", "there", "here", "the", "a", "an", "to",
                                                   "in", "on", "for", "with", "by", "if", "when", NULL }, w, wl);
    else if (w > m) name = isupper((unsigned char)*w) || inner;
    else name = name || inner;
    if (!name || w[wl] != ' ') break;
    w += wl + 1;
    wl = strcspn(w, " ,.");
  }
  if (!names) return score;
  for (int k = 0; k < 3; k++) {
    wl = strcspn(w, " ,.");
    if (word_of((const char *const[]){ "also", "now", "only", "still", "already", "even", "just", "often", NULL }, w, wl) ||
        (wl > 3 && !strncmp(w + wl - 2, "ly", 2) && w[wl] == ' '))
      w += wl + 1;
    else
      break;
  }
  wl = strcspn(w, " ,.");
  int verb = wl > 2 && w[wl - 1] == 's' && w[wl - 2] != 's' && w[wl - 2] != 'u' && islower((unsigned char)*w) &&
             w[wl] == ' ';
  if (verb || word_of((const char *const[]){ "is", "are", "can", "lets", NULL }, w, wl)) return score + 2;
  return score;
}
/* nth: the scene's place in its section after the heading's first scene
 * (0: that first scene) */
/* (stale: settle is not yet the one of the units kept now; see fit_low) */
typedef struct fit_scene { cJSON *s; double min, speech, settle, silent; int srank, nth, kept, empty, first, u0, u1, stale; } fit_scene;

/* The reveal model: one for the reader's estimate and the layouts (vg.render's
 * reveal_times calls vgi_named_at and vgi_reveal_fill through vg.input_core).
 * An item is shown when the narration names it; the items after the last one
 * named ("the tail") follow at a steady pace within what is left of the
 * narration (not one by one in silence after it), and the scene holds until
 * each of them had REVEAL_READ to be read: a list scene lasts until its last
 * item is shown and can be read, and no item is shown after the scene ends.
 * The times are vg.timing's, as vg.render's and vg.create's. */
#define REVEAL_LEAD_IN (timing()->lead_in)
#define REVEAL_ENTER (timing()->enter)
#define REVEAL_FIRST (REVEAL_ENTER * 0.8)
#define REVEAL_STEP (timing()->step)
#define REVEAL_READ (timing()->read_item)   /* also a silent split part's reading time an item */
#define REVEAL_MIN (timing()->reveal_min)
#define REVEAL_MAX (timing()->reveal_max)
#define REVEAL_HOLD (timing()->hold)        /* the scene holds this long after it settles */

/* Scripts written without spaces (kana, CJK ideographs): a key may start
 * anywhere, and is its first two characters. */
static int unspaced(const unsigned char *p) { return *p >= 0xE3 && *p <= 0xE9; }

/* The key an item is named by: its first word of four characters or more
 * (else its first word), of Chinese, Japanese or Korean its first two
 * characters. -> its length in bytes (0: none), *at its start. */
static size_t item_key(const char *t, const char **at) {
  const unsigned char *p = (const unsigned char *)(t ? t : ""), *first = NULL;
  size_t first_len = 0;
  while (*p) {
    while (*p && *p < 0x80 && !isalnum(*p)) p++;
    const unsigned char *e = p;
    int chars = 0;
    while (*e && (*e >= 0x80 || isalnum(*e))) {
      /* punctuation of other scripts ends a word too (。，、：) */
      if (e[0] == 0xE3 && e[1] == 0x80 && e[2] >= 0x80 && e[2] <= 0x82) break;
      if (e[0] == 0xEF && e[1] == 0xBC) break;
      chars += (*e & 0xC0) != 0x80;
      e++;
    }
    if (e == p) { if (*p) p++; continue; }
    if (unspaced(p) || (*p >= 0xEA && *p <= 0xED)) {
      /* two characters */
      const unsigned char *q = p;
      for (int c = 0; c < 2 && q < e; c++) { q++; while (q < e && (*q & 0xC0) == 0x80) q++; }
      *at = (const char *)p;
      return (size_t)(q - p);
    }
    if (chars >= 4) { *at = (const char *)p; return (size_t)(e - p); }
    if (!first) { first = p; first_len = (size_t)(e - p); }
    p = e;
  }
  *at = (const char *)first;
  return first_len;
}

/* The key extended by the item's next word ("Step 3" where every item
 * starts with "Step"). -> its new length. */
static size_t key_more(const char *k, size_t kl) {
  const unsigned char *p = (const unsigned char *)k + kl;
  while (*p && *p < 0x80 && !isalnum(*p)) p++;
  if (!*p) return kl;
  while (*p && (*p >= 0x80 || isalnum(*p))) p++;
  return (size_t)((const char *)p - k);
}

#define SENTENCE_NAMED_LATE 40   /* bytes into its sentence past which an item is named at its start */

void vgi_named_at(const char *text, const char *const *items, int n, long *at) {
  const char *cur = text ? text : "";
  const char **ks = calloc((size_t)(n > 0 ? n : 1), sizeof *ks);
  size_t *kls = calloc((size_t)(n > 0 ? n : 1), sizeof *kls);
  if (!ks || !kls) { free(ks); free(kls); for (int i = 0; i < n; i++) at[i] = -1; return; }
  for (int i = 0; i < n; i++) kls[i] = item_key(items[i], &ks[i]);
  /* items that start alike are named by more of their words (marked with
   * the top bit first, extended after: a key is compared as it was) */
  const size_t more = (size_t)1 << (sizeof(size_t) * 8 - 1);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      size_t a = kls[i] & ~more, b = kls[j] & ~more;
      if (j != i && a && a == b && !strncasecmp(ks[i], ks[j], a) && !unspaced((const unsigned char *)ks[i])) {
        kls[i] |= more;
        break;
      }
    }
  for (int i = 0; i < n; i++)
    if (kls[i] & more) kls[i] = key_more(ks[i], kls[i] & ~more);
  for (int i = 0; i < n; i++) {
    at[i] = -1;
    const char *k = ks[i];
    size_t kl = kls[i];
    if (!kl || kl > 200) continue;
    for (const char *p = cur; *p; p++) {
      if (strncasecmp(p, k, kl)) continue;
      /* a key of a spaced script is a word of the text ("Compress" is not
       * "compression"); Korean's two syllables are a stem (particles follow) */
      const unsigned char *ke = (const unsigned char *)p + kl;
      if (!unspaced((const unsigned char *)k) && p > text &&
          ((unsigned char)p[-1] >= 0x80 || isalnum((unsigned char)p[-1])))
        continue;
      if (!unspaced((const unsigned char *)k) && !((unsigned char)*k >= 0xEA && (unsigned char)*k <= 0xED) &&
          (isalnum(*ke) || ((*ke & 0xC0) == 0x80)))
        continue;
      /* the item is named from its start when its words before the key
       * are said too ("DRY principle") */
      size_t off = (size_t)(k - items[i]);
      const char *from = p;
      if (off && (size_t)(p - cur) >= off && !strncasecmp(p - off, items[i], off)) from = p - off;
      at[i] = (long)(from - text);
      cur = p + kl;
      break;
    }
  }
  /* an item named late in its sentence ("If you use AI tools (…) to help
   * write your contribution, you must disclose this": the bullet "You must
   * disclose this …") is the headline of the sentence: it is named where
   * the sentence starts, when no other item is named in it before it (a
   * slide stood empty for 9 s while the condition was said) */
  long prev = -1, st = 0;
  long next = -1;   /* where the sentence at st ends: found once, not once an item (quadratic in one long sentence) */
  size_t tl = text ? strlen(text) : 0;
  for (int i = 0; i < n; i++) {
    if (at[i] < 0) continue;
    /* the start of the sentence at[i] is in (vgi_first_sentence's rule:
     * "e.g. Copilot" ends none), sentences walked from the last one */
    for (;;) {
      long e = next;
      if (e < 0) {
        e = st + (long)vgi_first_sentence(text + st);
        while ((size_t)e < tl && text[e] == ' ') e++;
        next = e;
      }
      if (e > at[i] || (size_t)e >= tl) break;
      st = e;
      next = -1;
    }
    if (st > prev && at[i] - st > SENTENCE_NAMED_LATE) at[i] = st;
    prev = at[i];
  }
  free(ks);
  free(kls);
}

double vgi_reveal_fill(const double *named, const double *read, int n, double dur, double *times) {
  if (n <= 0) return REVEAL_ENTER;
  double first = REVEAL_FIRST;
  /* items before the first named one share the time up to it */
  double spacing = (dur * 0.85 - first) / n;
  if (spacing < REVEAL_MIN) spacing = REVEAL_MIN;
  if (spacing > REVEAL_MAX) spacing = REVEAL_MAX;
  for (int i = 0; i < n; i++) times[i] = named[i] >= 0 ? (named[i] > first ? named[i] : first) : -1;
  double prev_t = first - spacing, read_end = 0;
  int prev_i = 0, any = 0;
  for (int i = 0; i < n; i++) {
    if (times[i] >= 0 && times[i] > prev_t) {
      prev_t = times[i];
      prev_i = i + 1;
      any = 1;
      continue;
    }
    int nxt = -1;
    for (int j = i + 1; j < n; j++)
      if (times[j] >= 0 && times[j] > prev_t) { nxt = j; break; }
    if (nxt >= 0) {
      times[i] = prev_t + (times[nxt] - prev_t) * (i + 1 - prev_i) / (nxt + 1 - prev_i);
      prev_t = times[i];
      prev_i = i + 1;
      any = 1;
      continue;
    }
    /* the tail: the rest of the items at one pace within what is left of
     * the narration (while the voice goes on, not in silence after it);
     * the scene then holds until each had REVEAL_READ to be read */
    int m = n - i;
    double from = any ? prev_t : first;
    double pace = (dur * 0.85 - from) / m;
    if (pace < REVEAL_MIN) pace = REVEAL_MIN;
    if (pace > REVEAL_MAX) pace = REVEAL_MAX;
    for (int k = 0; k < m; k++) times[i + k] = from + (any ? k + 1 : k) * pace;
    if (!read) read_end = from + (any ? m : m - 1) * REVEAL_READ;
    break;
  }
  /* steps that replace the one before (a long quote's pages): none goes
   * before the one before it had its reading time, named or not, and the
   * last one stays its own */
  if (read) {
    for (int i = 1; i < n; i++) {
      double r = read[i - 1] > 0 ? read[i - 1] : 0;
      if (times[i] < times[i - 1] + r) times[i] = times[i - 1] + r;
    }
    read_end = times[n - 1] + (read[n - 1] > 0 ? read[n - 1] : 0);
  }
  double settle = times[n - 1] > read_end ? times[n - 1] : read_end;
  settle += REVEAL_STEP;
  return settle > REVEAL_ENTER ? settle : REVEAL_ENTER;
}

/* A long quote's pages, as vg.scenes.quote shows them (it takes them from
 * here): a quote of more than QUOTE_PAGE_WORDS * 1.5 words is cut between
 * sentences (an end . ! ? before a space and a capital, a digit or a
 * quotation mark) into pages of about QUOTE_PAGE_WORDS. -> the count (0: one
 * page, the quote as it is), *pages (each and the array the caller's). */
#define QUOTE_PAGE_WORDS 45
static int sentence_end(const char *q, size_t i, size_t *stop) {
  size_t j = i;
  while (q[j] == '.' || q[j] == '!' || q[j] == '?') j++;
  if (j == i) return 0;
  if (q[j] == '"' || q[j] == '\'') j++;
  if (!isspace((unsigned char)q[j])) return 0;
  while (isspace((unsigned char)q[j])) j++;
  if (!(isupper((unsigned char)q[j]) || isdigit((unsigned char)q[j]) || q[j] == '"')) return 0;
  *stop = j + 1;
  return 1;
}

int vgi_quote_pages(const char *quote, char ***pages) {
  *pages = NULL;
  if (!quote) return 0;
  size_t len = strlen(quote);
  while (len && isspace((unsigned char)quote[len - 1])) len--;
  char *q = malloc(len + 1);
  if (!q) return 0;
  memcpy(q, quote, len);
  q[len] = 0;
  int total = vgi_word_count(q);
  if (total <= QUOTE_PAGE_WORDS + QUOTE_PAGE_WORDS / 2) { free(q); return 0; }
  /* the sentences: [start, stop) ranges of q */
  size_t cap = 16, ns = 0, *from = malloc(cap * sizeof *from), *to = malloc(cap * sizeof *to), start = 0;
  for (size_t i = 0; from && to && i < len;) {
    size_t past;
    if (!sentence_end(q, i, &past)) { i++; continue; }
    size_t stop = i;
    while (q[stop] && !isspace((unsigned char)q[stop])) stop++;
    if (ns + 1 >= cap) {
      cap *= 2;
      size_t *f2 = realloc(from, cap * sizeof *from), *t2 = f2 ? realloc(to, cap * sizeof *to) : NULL;
      if (f2) from = f2;
      if (t2) to = t2;
      if (!f2 || !t2) break;
    }
    from[ns] = start < len ? start : len;
    to[ns++] = stop;
    start = stop + 1;
    i = past;
  }
  int n = 0;
  if (from && to) {
    from[ns] = start < len ? start : len;
    to[ns++] = len;
    int npages = (int)floor(total / (double)QUOTE_PAGE_WORDS + 0.5);
    double per = total / (double)(npages > 1 ? npages : 1);
    *pages = calloc(ns, sizeof **pages);
    vgi_buf cur = {0};
    int w = 0, in_cur = 0;
    for (size_t k = 0; *pages && k <= ns; k++) {
      char *st = NULL;
      int sw = 0;
      if (k < ns) {
        st = malloc(to[k] - from[k] + 1);
        memcpy(st, q + from[k], to[k] - from[k]);
        st[to[k] - from[k]] = 0;
        sw = vgi_word_count(st);
      }
      if (k == ns ? in_cur > 0 : (w > 0 && w + sw / 2.0 > per)) {
        (*pages)[n++] = cur.s ? vgi_buf_take(&cur) : vgi_strdup("");
        w = in_cur = 0;
      }
      if (st) {
        if (in_cur++) vgi_buf_puts(&cur, " ");
        vgi_buf_puts(&cur, st);
        w += sw;
        free(st);
      }
    }
    vgi_buf_free(&cur);
  }
  free(from);
  free(to);
  free(q);
  if (n == 1) { free((*pages)[0]); n = 0; }
  if (!n) { free(*pages); *pages = NULL; }
  return n;
}

/* How long a page that replaces the one before stays to be read: a moment
 * to look and its words at the reading pace (vg.timing's read_look, read_wps,
 * as a scene nothing is said in). */
static double page_read_seconds(const char *text) {
  return timing()->read_look + vgi_word_count(text) / timing()->read_wps;
}

/* The steps a scene reveals one by one, as vg.render's layouts take them:
 * a list's items, a table's rows (their first cell), objectives; a long
 * quote's pages, each of which replaces the one before and has its reading
 * time (read; NULL for steps that add to what is shown). */
typedef struct scene_steps_t {
  int n;
  const char **texts;   /* NULL entries for items without text */
  double *read;
  char **pages;         /* the texts owned here (a quote's pages) */
} scene_steps_t;

static void steps_free(scene_steps_t *st) {
  for (int i = 0; st->pages && i < st->n; i++) free(st->pages[i]);
  free(st->pages);
  free(st->texts);
  free(st->read);
  *st = (scene_steps_t){0};
}

static int scene_steps(const cJSON *scene, scene_steps_t *st) {
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(scene, "visual_content");
  const char *type = vgi_str(scene, "scene_type");
  const cJSON *its = NULL;
  int rows = 0;
  *st = (scene_steps_t){0};
  if (!type) return 0;
  if (!strcmp(type, "quote")) {
    /* the field the layout reads: quote_text when there, else quote */
    const cJSON *qt = cJSON_GetObjectItemCaseSensitive(vc, "quote_text");
    const char *q = qt ? (cJSON_IsString(qt) ? qt->valuestring : NULL) : vgi_str(vc, "quote");
    char **pages;
    int n = vgi_quote_pages(q, &pages);
    if (!n) return 0;
    st->texts = calloc((size_t)n, sizeof *st->texts);
    st->read = calloc((size_t)n, sizeof *st->read);
    st->pages = pages;
    st->n = n;
    if (!st->texts || !st->read) { steps_free(st); return 0; }
    for (int i = 0; i < n; i++) {
      st->texts[i] = pages[i];
      st->read[i] = page_read_seconds(pages[i]);
    }
    return n;
  }
  if (!strcmp(type, "list")) its = cJSON_GetObjectItemCaseSensitive(vc, "items");
  else if (!strcmp(type, "learning_objectives")) its = cJSON_GetObjectItemCaseSensitive(vc, "objectives");
  else if (!strcmp(type, "table")) { its = cJSON_GetObjectItemCaseSensitive(vc, "rows"); rows = 1; }
  int n = cJSON_IsArray(its) ? cJSON_GetArraySize(its) : 0;
  if (n <= 0) return 0;
  st->texts = calloc((size_t)n, sizeof *st->texts);
  if (!st->texts) return 0;
  st->n = n;
  int i = 0;
  for (const cJSON *it = its->child; it && i < n; it = it->next, i++) {
    if (!rows) { st->texts[i] = item_text(it); continue; }
    for (const cJSON *c = cJSON_IsArray(it) ? it->child : NULL; c; c = c->next)
      if (cJSON_IsString(c) && *c->valuestring) { st->texts[i] = c->valuestring; break; }
  }
  return n;
}

/* When a scene's last step is shown, from the scene's start, with `text`
 * said over `speech` seconds (the reveal model above); 0: no steps. */
static double steps_settle(const cJSON *scene, const char *text, double speech, const char *lang) {
  scene_steps_t st;
  int n = scene_steps(scene, &st);
  if (!n) return 0;
  long *at = malloc((size_t)n * sizeof *at);
  double *named = malloc((size_t)n * sizeof *named), *times = malloc((size_t)n * sizeof *times);
  double settle = 0;
  if (at && named && times) {
    vgi_named_at(text, st.texts, n, at);
    for (int i = 0; i < n; i++) {
      named[i] = -1;
      if (at[i] < 0) continue;
      char *pre = vgi_strdup(text);
      pre[at[i]] = 0;
      named[i] = REVEAL_LEAD_IN + vgi_speech_seconds_lang(pre, lang);
      free(pre);
    }
    settle = vgi_reveal_fill(named, st.read, n, REVEAL_LEAD_IN + speech, times);
  }
  free(at); free(named); free(times);
  steps_free(&st);
  return settle;
}
typedef struct fit_step { int cls, pos, unit, scene; } fit_step;   /* one thing to leave out */

/* When the scene's steps are shown, with the narration the kept units say. */
/* A unit that asks ("Looking for help?"), and the one after it in its
 * scene that answers it ("Check out the instructions for getting
 * support."): a summary says both or neither, never the question alone. */
static int unit_asks(const fit_unit *u) {
  const char *t = vgi_str(u->u, "t");
  size_t n = t ? strlen(t) : 0;
  while (n && t[n - 1] == ' ') n--;
  return n && (t[n - 1] == '?' || (n >= 3 && !strncmp(t + n - 3, "\xEF\xBC\x9F", 3)));
}

/* The kept question unit k answers (the kept unit before it in its scene
 * asks), or -1. */
static int answered_by(const fit_scene *f, const fit_unit *fu, int k) {
  for (int j = k - 1; j >= f->u0; j--)
    if (fu[j].kept) return fu[j].scene == fu[k].scene && unit_asks(&fu[j]) ? j : -1;
  return -1;
}

/* The kept unit after question k that answers it, or -1. */
static int answer_of(const fit_scene *f, const fit_unit *fu, int k) {
  if (!unit_asks(&fu[k])) return -1;
  for (int j = k + 1; j < f->u1; j++)
    if (fu[j].kept) return unit_asks(&fu[j]) ? -1 : j;
  return -1;
}

static void fit_tail(fit_scene *f, const fit_unit *fu, const char *lang) {
  vgi_buf all = {0};
  for (int k = f->u0; k < f->u1; k++)
    if (fu[k].kept) { if (all.n) vgi_buf_puts(&all, " "); vgi_buf_puts(&all, vgi_str(fu[k].u, "t")); }
  f->settle = steps_settle(f->s, all.s ? all.s : (f->u1 > f->u0 ? "" : vgi_str(f->s, "narration")), f->speech, lang);
  vgi_buf_free(&all);
}

static double scene_time(const fit_scene *f, int with_settle) {
  if (!f->kept) return 0;
  double t = SCENE_PAD + f->speech;
  if (f->speech <= 0 && f->silent > t) t = f->silent;   /* nothing left said: read */
  if (with_settle && f->settle > 0 && f->settle + REVEAL_HOLD > t) t = f->settle + REVEAL_HOLD;
  return t > f->min ? t : f->min;
}
static double scene_est(const fit_scene *f) { return scene_time(f, 1); }

/* The least a scene may last, whenever its steps are shown: what it says.
 * fit_tail reads the scene's whole narration again, so calling it at each
 * of a long paragraph's sentences left out made the fit quadratic (one
 * unspaced Japanese paragraph of 42 KB cost 2.9 times one of 21 KB); while
 * a video is still over its budget by this bound alone, a scene's steps
 * wait (stale) and are judged once, when the bound no longer decides. */
static double fit_low(const fit_scene *f) { return f->stale ? scene_time(f, 0) : scene_est(f); }

/* The stale scenes' steps judged: -> the total, exact again. */
static double fit_settle_stale(fit_scene *fs, int ns, const fit_unit *fu, const char *lang, double total) {
  for (int i = 0; i < ns; i++) {
    if (!fs[i].stale) continue;
    double low = fit_low(&fs[i]);
    fs[i].stale = 0;
    fit_tail(&fs[i], fu, lang);
    total += scene_est(&fs[i]) - low;
  }
  return total;
}

static int step_cmp(const void *a, const void *b) {
  const fit_step *x = a, *y = b;
  if (x->cls != y->cls) return x->cls - y->cls;
  return y->pos - x->pos;   /* the later first */
}

static double shown_words(const cJSON *v, const char *lang);
#define LIST_READ_MAX 10.0   /* seconds a list or a table is held to be read, at most */

/* Lines of a code field: a string (its lines) or an array of strings. */
static int code_lines(const cJSON *code, int trim) {
  int n = 0;
  if (cJSON_IsString(code) && (*code->valuestring || !trim)) {
    n = 1;
    for (const char *p = code->valuestring; *p; p++) n += *p == '\n';
    /* code_comparison shows its code without the final newlines */
    for (size_t l = strlen(code->valuestring); trim && l && code->valuestring[l - 1] == '\n'; l--) n--;
  }
  for (const cJSON *c = cJSON_IsArray(code) ? code->child : NULL; c; c = c->next) {
    n++;
    for (const char *p = cJSON_IsString(c) ? c->valuestring : ""; *p; p++) n += *p == '\n';
  }
  return n;
}

/* A table cell the layout shows (vg.scenes.common's str: text that is not
 * blank, a number, true, an object) -> 1, else 0. */
static int shown_cell(const cJSON *c) {
  if (cJSON_IsString(c)) {
    for (const char *p = c->valuestring; *p; p++)
      if (!isspace((unsigned char)*p)) return 1;
    return 0;
  }
  return cJSON_IsNumber(c) || cJSON_IsTrue(c) || cJSON_IsObject(c);
}

/* How long a scene stays to be read, whatever is said: a code slide
 * (command, solution, code_comparison: both sides) about 1.5 s a line, at
 * least 4 s (the scene types' read_time in lua/vg/scenes/), a list or a
 * table the time to read its items or rows (with `lists`; vgi_narrate
 * writes it as the scene's min_duration), and the half second
 * vg.create.timeline adds after a layout settles. 0: no such time. */
static double read_seconds(const cJSON *scene, int lists) {
  const char *type = vgi_str(scene, "scene_type");
  if (!type) return 0;
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(scene, "visual_content");
  if (!vc) vc = scene;
  int n = 0;
  if (!strcmp(type, "command")) {
    const cJSON *cmds = cJSON_GetObjectItemCaseSensitive(vc, "commands");
    n = code_lines(cmds ? cmds : cJSON_GetObjectItemCaseSensitive(vc, "code"), 0);
  } else if (!strcmp(type, "solution")) {
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(vc, "solution_code");
    n = code_lines(sc ? sc : cJSON_GetObjectItemCaseSensitive(vc, "code"), 0);
  } else if (!strcmp(type, "code_comparison")) {
    n = code_lines(cJSON_GetObjectItemCaseSensitive(vc, "before_code"), 1) +
        code_lines(cJSON_GetObjectItemCaseSensitive(vc, "after_code"), 1);
  } else if (lists && (!strcmp(type, "list") || !strcmp(type, "table"))) {
    /* a list's items and a table's rows: a moment to look, then each read
     * at the reading pace, between the time an item nobody names stays
     * (read_item) and a code line's (1.5 s), at least code_min */
    const timing_t *tm = timing();
    const char *lang = vgi_str(scene, "language");
    const cJSON *its = cJSON_GetObjectItemCaseSensitive(vc, !strcmp(type, "list") ? "items" : "rows");
    double t = 0;
    for (const cJSON *it = cJSON_IsArray(its) ? its->child : NULL; it; it = it->next) {
      double w = shown_words(it, lang);
      if (w <= 0) continue;
      double r = w / tm->read_wps;
      t += r < tm->read_item ? tm->read_item : r > tm->code_line ? tm->code_line : r;
      n++;
    }
    if (!n) return 0;
    t += tm->read_look;
    /* a long roster is scanned, not read line by line */
    if (t > LIST_READ_MAX) t = LIST_READ_MAX;
    return (t > tm->code_min ? t : tm->code_min) + tm->hold;
  } else if (!strcmp(type, "table")) {
    /* a table slide stays up read_cell a cell it shows, at least code_min
     * (the table layout's read_time) */
    const timing_t *tm = timing();
    int cells = 0;
    const cJSON *r;
    cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(vc, "rows")) {
      if (!cJSON_IsArray(r)) {
        cells += shown_cell(r);
        continue;
      }
      const cJSON *c;
      cJSON_ArrayForEach(c, r) cells += shown_cell(c);
    }
    if (!cells) return 0;
    double t = tm->read_cell * cells;
    return (t > tm->code_min ? t : tm->code_min) + tm->hold;
  }
  if (!n) return 0;
  const timing_t *tm = timing();
  return (tm->code_line * n > tm->code_min ? tm->code_line * n : tm->code_min) + tm->hold;
}

/* The words a scene shows (its visual content's text; code, which has
 * its own reading time, and names of files and colours left out). */
static double shown_words(const cJSON *v, const char *lang) {
  static const char *const skip[] = { "commands", "code", "solution_code", "before_code", "after_code", "image",
                                      "src", "path", "url", "color", "accent", "language", "lang", NULL };
  double w = 0;
  if (cJSON_IsString(v)) return word_equiv(v->valuestring, lang);
  for (const cJSON *c = (cJSON_IsObject(v) || cJSON_IsArray(v)) ? v->child : NULL; c; c = c->next) {
    int drop = 0;
    for (int i = 0; c->string && skip[i]; i++) drop |= !strcmp(c->string, skip[i]);
    if (!drop) w += shown_words(c, lang);
  }
  return w;
}

/* A scene nothing is said in (a summary or a split left it silent, or it
 * was written so) stays on screen as long as it takes to read what it
 * shows: a moment to look and its words at a reading pace (vg.timing's
 * read_look, read_wps), as a quote's silent part is given. A scene that
 * reveals steps has the reveal model's reading time instead, and code its
 * own. -> 0: it is said, or none of this applies. */
static double silent_seconds(const cJSON *scene, const char *said, const char *lang) {
  scene_steps_t st;
  if (said && *said) return 0;
  int n = scene_steps(scene, &st);
  steps_free(&st);
  if (n > 0 || read_seconds(scene, 0) > 0) return 0;
  double w = shown_words(cJSON_GetObjectItemCaseSensitive(scene, "visual_content"), lang);
  return w > 0 ? timing()->read_look + w / timing()->read_wps : 0;
}

double vgi_silent_seconds(const cJSON *scene, const char *lang) {
  return silent_seconds(scene, vgi_str(scene, "narration"), lang);
}

/* The seconds a scene's narration takes to say. English left in a
 * translation (english_passages.c) is said by an English voice at English
 * pace: the whole narration of a scene whose voice became English, and each
 * of a scene's `passages` (said once, as tts.synth finds it). */
static double said_seconds(const cJSON *scene, const char *said, const char *lang) {
  double t = vgi_speech_seconds_lang(said, lang);
  if (!said || !*said || !lang || !strncmp(lang, "en", 2)) return t;
  if (vgi_english_voice(vgi_str(scene, "voice"))) return vgi_speech_seconds_lang(said, "en");
  const cJSON *p;
  cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(scene, "passages")) {
    const char *pt = vgi_str(p, "text");
    if (pt && *pt && strstr(said, pt))
      t += vgi_speech_seconds_lang(pt, "en") - vgi_speech_seconds_lang(pt, lang);
  }
  return t > 0 ? t : 0;
}

double vgi_said_seconds(const cJSON *scene, const char *lang) {
  return said_seconds(scene, vgi_str(scene, "narration"), lang);
}

double vgi_scene_seconds(const cJSON *scene, const char *lang) {
  const cJSON *mn = cJSON_GetObjectItemCaseSensitive(scene, "min_duration");
  double min = cJSON_IsNumber(mn) ? mn->valuedouble : 0;
  if (min < SCENE_MIN) min = SCENE_MIN;
  /* a list's or a table's reading time is in its min_duration
   * (vgi_narrate), which the plan and the timeline read alike */
  double rd = read_seconds(scene, 0);
  if (rd > min) min = rd;
  const char *said = vgi_str(scene, "narration");
  rd = silent_seconds(scene, said, lang);
  if (rd > min) min = rd;
  double speech = said_seconds(scene, said, lang);
  double t = SCENE_PAD + speech;
  double settle = steps_settle(scene, said ? said : "", speech, lang);
  if (settle > 0 && settle + REVEAL_HOLD > t) t = settle + REVEAL_HOLD;
  return t > min ? t : min;
}

/* Every text a scene shows or says, as reading weight (code left out). */
static double scene_words(const cJSON *s, const char *lang) {
  double w = 0;
  const cJSON *units = cJSON_GetObjectItemCaseSensitive(s, VGI_UNITS_KEY);
  if (units) {
    for (const cJSON *u = units->child; u; u = u->next) w += word_equiv(vgi_str(u, "t"), lang);
  }
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
  const cJSON *items = cJSON_GetObjectItemCaseSensitive(vc, "items");
  int bullets = 0;   /* bullets made from the prose are counted in it */
  for (const cJSON *u = units ? units->child : NULL; u; u = u->next)
    bullets |= cJSON_GetObjectItemCaseSensitive(u, "b") != NULL;
  for (const cJSON *it = items && !bullets ? items->child : NULL; it; it = it->next) {
    if (cJSON_IsString(it)) w += word_equiv(it->valuestring, lang);
    else {
      w += word_equiv(vgi_str(it, "title"), lang);
      w += word_equiv(vgi_str(it, "description"), lang);
    }
  }
  w += word_equiv(vgi_str(vc, "quote_text"), lang);
  /* a table's cells are the document's words too */
  const cJSON *rows = cJSON_GetObjectItemCaseSensitive(vc, "rows");
  for (const cJSON *r = cJSON_IsArray(rows) ? rows->child : NULL; r; r = r->next)
    for (const cJSON *c = cJSON_IsArray(r) ? r->child : NULL; c; c = c->next)
      if (cJSON_IsString(c)) w += word_equiv(c->valuestring, lang);
  return w;
}

/* A new unit array: the sentences of a generated narration, the first said
 * whenever the scene is (it names the scene), the others key points. A
 * list's narration says its items ("Contact. You can chat with us on
 * Gitter."): the first sentence that names one of `items` is said whenever
 * the scene is (a presenter names the first), its heading may go first. */
static cJSON *sentence_units(const char *text, const char *lang, int list, const cJSON *items) {
  cJSON *units = cJSON_CreateArray();
  int ns = 0;
  char **ss = vgi_sentences_lang(text, lang, &ns);
  int keep = ns - 1;   /* no sentence names an item: the last */
  /* the later short sentences that name items of a short list are key
   * points: a summary says every item of it (a viewer sees them all), a
   * --duration may drop them */
  char *names = calloc((size_t)(ns > 0 ? ns : 1), 1);
  if (list && ns > 1 && cJSON_IsArray(items)) {
    int n = cJSON_GetArraySize(items);
    const char **texts = calloc((size_t)(n > 0 ? n : 1), sizeof *texts);
    long *at = calloc((size_t)(n > 0 ? n : 1), sizeof *at);
    int k = 0;
    for (const cJSON *it = items->child; it && k < n; it = it->next) texts[k++] = item_text(it);
    for (int i = ns - 1; i >= 0 && texts && at && names; i--) {
      vgi_named_at(ss[i], texts, n, at);
      for (int j = 0; j < n; j++) names[i] |= at[j] >= 0;
      if (names[i]) keep = i;
    }
    free(texts);
    free(at);
  }
  /* a heading that asks ("What do the commit colors represent?") is
   * answered by the sentence after it: said together, as a paragraph that
   * opens with a question is (the question alone was all a summary said) */
  size_t q0 = ns > 1 ? strlen(ss[0]) : 0;
  int asks = q0 && (ss[0][q0 - 1] == '?' || (q0 >= 3 && !strcmp(ss[0] + q0 - 3, "\xEF\xBC\x9F")));
  for (int i = 0; i < ns; i++) {
    cJSON *u = cJSON_CreateObject();
    cJSON_AddStringToObject(u, "t", ss[i]);
    int r = list && ns > 1 ? (i == keep ? 0 : 1) : (i ? 1 : 0);
    if (asks && i <= 1) r = 0;
    cJSON_AddNumberToObject(u, "r", r);
    if (r && names && names[i] && cJSON_GetArraySize(items) <= LIST_FIRST && said_words(ss[i]) <= LIST_SHORT_SAID)
      cJSON_AddTrueToObject(u, "k");
    cJSON_AddItemToArray(units, u);
    free(ss[i]);
  }
  free(ss);
  free(names);
  return units;
}

/* A heading that names the project's license ("License", "📝 Licence",
 * "Licensing"). */
static int license_heading(const char *h) {
  while (*h && !isalnum((unsigned char)*h) && (unsigned char)*h < 0x80) h++;
  static const char *const words[] = { "license", "licence", "licensing", NULL };
  for (int i = 0; words[i]; i++) {
    size_t l = strlen(words[i]);
    if (!strncasecmp(h, words[i], l) && (!h[l] || strchr(" :.(", h[l]))) return 1;
  }
  return 0;
}

/* Whether s is a license's name alone, no sentence: "MIT", "MIT License",
 * "Apache-2.0", "GPL v3 or later", "BSD 3-Clause." (up to six words, each
 * a capitalised word, a number or version, or a word of a license's name). */
static int license_name_only(const char *s) {
  static const char *const small[] = { "license", "licence", "or", "and", "later", "version", "the", "v",
    "clause", NULL };
  int words = 0, named = 0;
  for (const char *p = s; *p;) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ' ') e++;
    size_t n = (size_t)(e - p);
    while (n && strchr(".,;", p[n - 1])) n--;
    if (n) {
      words++;
      int ok = isupper((unsigned char)p[0]) || isdigit((unsigned char)p[0]);
      if (ok) named = 1;
      for (int i = 0; small[i] && !ok; i++) ok = strlen(small[i]) == n && !strncasecmp(p, small[i], n);
      if (!ok && p[0] == 'v' && n > 1 && isdigit((unsigned char)p[1])) ok = 1;   /* "v3" */
      if (!ok) return 0;
    }
    p = e;
  }
  return named && words >= 1 && words <= 6;
}

/* What a license section's bare name ("## License" over "[MIT](LICENSE)")
 * says: "Licensed under MIT.", as a presenter says it (the slide still
 * shows "MIT"); else s as it is. Takes s, returns it or a new string. */
static char *license_said(const char *heading, char *s, const char *lang) {
  if (!s || !heading || !license_heading(heading) || !english(lang) || !license_name_only(s))
    return s;
  size_t n = strlen(s);
  while (n && (s[n - 1] == '.' || s[n - 1] == ' ')) n--;
  vgi_buf b = {0};
  vgi_buf_printf(&b, "Licensed under %.*s.", (int)n, s);
  free(s);
  return vgi_buf_take(&b);
}

/* Whether an item asks the viewer to do something: it opens with a verb
 * a guide's list of links opens with ("Install the gem", "Read up about
 * its Usage", "Check out …", "Watch video tutorials"). English. */
static int imperative_item(const char *t) {
  static const char *const verbs[] = { "install", "read", "take", "fork", "check", "learn", "put", "customize",
    "customise", "use", "watch", "migrate", "see", "visit", "try", "join", "follow", "ask", "get", "download",
    "build", "run", "explore", "browse", "start", "contribute", "report", "find", "open", "write",
    "create", "discover", "look", "set", "configure", "deploy", "view", "sign", "subscribe", "star", "share",
    "submit", "help", "make", "go", "choose", "pick", "review", "study", "practice", "practise", "keep", NULL };
  if (!t) return 0;
  size_t n = strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
  if (!n || !t[n] || t[n] != ' ' || !isupper((unsigned char)t[0])) return 0;
  for (int i = 0; verbs[i]; i++)
    if (strlen(verbs[i]) == n && !strncasecmp(t, verbs[i], n)) return 1;
  return 0;
}

/* A summary of a list of things to do ("Getting Started": "Install the
 * gem", "Read up about its Usage and Configuration", … five of them) said
 * by its count and its first three: "Five steps. Install the gem, read up
 * about its Usage and Configuration, take a gander at some existing Sites,
 * and two more." The first item alone was all a summary said. NULL when
 * the list is no such list (fewer than four items, or a quarter of them or
 * more not things to do). English. Caller frees. */
static char *imperative_list_said(const cJSON *items, int ordered, const char *header) {
  static const char *const nums[] = { "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve" };
  static const char *const more[] = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine" };
  int n = 0, doing = 0;
  for (const cJSON *it = cJSON_IsArray(items) ? items->child : NULL; it; it = it->next) {
    const char *t = item_text(it);
    if (!t || !*t) return NULL;
    n++;
    doing += imperative_item(t);
  }
  if (n < 4 || n > 12 || doing * 4 < n * 3) return NULL;
  /* (a release's list of changes, "Add support for …", is what was done,
   * not what to do) */
  static const char *const changes[] = { "change", "new in", "release", "version", "news", "what's new", NULL };
  for (int i = 0; header && changes[i]; i++)
    if (strcasestr(header, changes[i])) return NULL;
  for (const char *h = header; h && *h; h++)
    if (isdigit((unsigned char)h[0]) && h[1] == '.' && isdigit((unsigned char)h[2])) return NULL;   /* "2.40" */
  static const char *const steps[] = { "start", "install", "setup", "set up", "steps", "quick", NULL };
  int step = ordered;
  for (int i = 0; header && !step && steps[i]; i++) step = strcasestr(header, steps[i]) != NULL;
  vgi_buf b = {0};
  vgi_buf_printf(&b, "%s %s. ", nums[n - 4], step ? "steps" : "things to do");
  int k = 0;
  for (const cJSON *it = items->child; it && k < 3; it = it->next) {
    char *t = k ? lower_first(item_text(it)) : vgi_strdup(item_text(it));
    size_t tl = strlen(t);
    while (tl && strchr(".;:, ", t[tl - 1])) t[--tl] = 0;
    if (k) vgi_buf_puts(&b, k == 2 && n == 3 ? ", and " : ", ");
    vgi_buf_puts(&b, t);
    free(t);
    k++;
  }
  if (n > 3) vgi_buf_printf(&b, ", and %s more.", more[n - 4]);
  else vgi_buf_puts(&b, ".");
  return vgi_buf_take(&b);
}

/* Fits one video's narration to its length: keeps every sentence (full
 * detail, no duration), or leaves out the least important content until
 * the estimate is within budget. The ranks: a paragraph's later sentences
 * go first (the last sentences of the longest paragraphs before any second
 * sentence), then key points, then whole scenes (a section's later scenes,
 * subsections, sections; the title and the outro stay). A summary never
 * leaves out key points. */
/* Is scene k the first list or code of a section that has shown only
 * tables before it ("## Platforms": a table, then "Before you build,
 * check:" over its list)? A table says its columns and rows, not what the
 * section goes on to say: the list is the section's first prose, its lead
 * kept in a summary as a first scene's is. */
static int after_tables(const fit_scene *fs, int k) {
  int tables = 0;
  for (int j = k - 1; j >= 0; j--) {
    const char *ty = vgi_str(fs[j].s, "scene_type");
    if (!ty || strcmp(ty, "table")) return 0;
    tables++;
    if (fs[j].srank != 1) break;   /* the section's first scene */
    if (j == 0) return 0;
  }
  return tables > 0;
}

/* A scene a summary may leave out: a later list or code block of its
 * section (the document's own list, not bullets made from its prose, whose
 * key points stay). */
static int later_detail(const cJSON *s, int srank) {
  const char *ty = vgi_str(s, "scene_type");
  if (srank != 1 || !ty || (strcmp(ty, "list") && strcmp(ty, "command"))) return 0;
  if (cJSON_GetObjectItemCaseSensitive(s, VGI_CONT_KEY)) return 0;
  /* a warning, a caution or an important callout is what a presenter never
   * skips; a note or a tip is detail */
  const char *co = vgi_str(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "callout");
  if (co && (!strcmp(co, "warning") || !strcmp(co, "caution") || !strcmp(co, "important"))) return 0;
  const cJSON *units = cJSON_GetObjectItemCaseSensitive(s, VGI_UNITS_KEY);
  for (const cJSON *u = units ? units->child : NULL; u; u = u->next)
    if (cJSON_GetObjectItemCaseSensitive(u, "b")) return 0;
  return 1;
}

/* A sentence too long to be a summary's key point: more than LONG_WORDS
 * words, or (Chinese, Japanese: no spaces) more than LONG_CHARS characters. */
static int long_sentence(const char *t) {
  if (vgi_word_count(t) > LONG_WORDS) return 1;
  size_t c = 0;
  for (const char *p = t; *p; p++) c += ((unsigned char)*p & 0xC0) != 0x80;
  return vgi_word_count(t) * 8 < (int)c && c > LONG_CHARS;
}

/* Whether a title's tagline is too long to say with it: long_sentence, but
 * by its characters only when most are wide ("Node.js is an open-source,
 * cross-platform JavaScript runtime environment." is ten words, not a
 * Chinese line). */
static int long_tagline(const char *t) {
  if (vgi_word_count(t) > LONG_WORDS) return 1;
  size_t c = 0, wide = 0;
  for (const char *p = t; *p; p++) {
    c += ((unsigned char)*p & 0xC0) != 0x80;
    wide += (unsigned char)*p >= 0xE0;
  }
  return wide * 2 > c && long_sentence(t);
}

/* With --detail full, a list scene whose prose introduces its items with a
 * colon ("The build uses the following libraries:"): the items are read
 * after that sentence, every one of them (colon_items), not only shown.
 * Not when the prose made the bullets, nor for a list of links only. */
static int full_colon(const cJSON *s, const cJSON *units, const char *lang) {
  const cJSON *lu = NULL;
  for (const cJSON *u = units ? units->child : NULL; u; u = u->next) {
    if (cJSON_GetObjectItemCaseSensitive(u, "b") || cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(u, "tpl"))) return 0;
    if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(u, "after"))) lu = u;
  }
  const char *lt = lu ? vgi_str(lu, "t") : NULL;
  size_t ll = lt ? strlen(lt) : 0;
  /* (or a stem the items end, "pipx enables you to": said alone, the
   * items were never said and the stem was left hanging) */
  char *stem = ll && english_like(lang) ? open_stem(lt) : NULL;
  int open = stem != NULL;
  free(stem);
  if (!ll || (!open && lt[ll - 1] != ':' && (ll < 3 || strcmp(lt + ll - 3, "\xEF\xBC\x9A")))) return 0;
  const cJSON *items = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "items");
  for (const cJSON *it = items ? items->child : NULL; it; it = it->next)
    if (item_text(it) && !nothing_said(item_text(it))) return 1;
  return 0;
}

/* A section of the document (a heading's first scene), a later scene of a
 * section that is kept (a list or a command after its first scene) or a
 * list's later slide that the fit left out is never left out silently: one
 * warning names them, the first LEFT_OUT_NAMED sections by heading and
 * line, the later scenes by their own label or heading ("**Address
 * allocation:**" over a list) and line, and counts the rest. */
#define LEFT_OUT_NAMED 5
#define LEFT_OUT_NAME_CHARS 60   /* a label that is a whole sentence is named by its start (cut) */
static void name_left_out(vgi_buf *b, int nth, const char *name, const cJSON *s, int cut) {
  const cJSON *ln = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "source"), "line");
  size_t n = strlen(name);
  if (cut && n > LEFT_OUT_NAME_CHARS) {
    n = LEFT_OUT_NAME_CHARS;
    while (n && name[n] != ' ') n--;
    if (!n) n = LEFT_OUT_NAME_CHARS;
    while (n && ((unsigned char)name[n] & 0xC0) == 0x80) n--;   /* (not inside a character) */
  }
  vgi_buf_printf(b, "%s'%.*s%s'", nth > 1 ? ", " : "", (int)n, name, name[n] ? "\xE2\x80\xA6" : "");
  if (cJSON_IsNumber(ln)) vgi_buf_printf(b, " (line %d)", ln->valueint);
}

/* What a scene's template says of its items alone: its heading, its
 * description and topic out (and its key points, when key_points). Caller
 * frees. */
static char *items_template(const cJSON *s, const char *lang, int key_points) {
  cJSON *c = cJSON_Duplicate(s, 1);
  cJSON *cvc = cJSON_GetObjectItemCaseSensitive(c, "visual_content");
  cJSON_DeleteItemFromObjectCaseSensitive(cvc, "header");
  cJSON_DeleteItemFromObjectCaseSensitive(cvc, "description");
  cJSON_DeleteItemFromObjectCaseSensitive(cvc, "topic");
  cJSON_DeleteItemFromObjectCaseSensitive(c, "topic");
  if (key_points) cJSON_DeleteItemFromObjectCaseSensitive(c, "key_points");
  char *t = vgi_template(c, lang);
  cJSON_Delete(c);
  return t;
}

/* --detail full: terms with descriptions under prose that does not end in
 * a colon ("The options which apply to the groupadd command are as
 * follows.", "オプションは次の通り。", then .IP options) are read after that
 * prose as a list of its own is read (vgi_template: each term with its whole description); before,
 * only the prose was said and the options never. A unit of the scene's
 * units, before a closing remark. Not when the prose made the bullets or a
 * template says the list already. */
static void full_items_unit(const cJSON *s, cJSON *units, const char *lang) {
  const cJSON *items = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "items");
  /* (terms with descriptions only: the slide shows a term, "-g gid", and
   * its description is on no slide; a list of phrases is on the slide
   * whole, and the prose over it is its reading) */
  int said = 0, at = -1, k = 0;
  for (const cJSON *it = items ? items->child : NULL; it && !said; it = it->next) {
    const char *d = cJSON_IsObject(it) ? vgi_str(it, "description") : NULL;
    said = d && *d && item_text(it) && !nothing_said(item_text(it));
  }
  if (!said) return;
  for (const cJSON *u = units->child; u; u = u->next, k++) {
    if (cJSON_GetObjectItemCaseSensitive(u, "b") || cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(u, "tpl"))) return;
    if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(u, "after"))) at = k;
  }
  char *t = items_template(s, lang, 1);
  if (t && *t && !nothing_said(t)) {
    cJSON *u = cJSON_CreateObject();
    cJSON_AddStringToObject(u, "t", t);
    cJSON_AddNumberToObject(u, "r", 1);
    cJSON_AddTrueToObject(u, "k");
    cJSON_AddTrueToObject(u, "w");
    /* (after unit `at`: cJSON_InsertItemInArray does nothing at the end) */
    cJSON *rest = cJSON_CreateArray();
    while (cJSON_GetArraySize(units) > at + 1)
      cJSON_AddItemToArray(rest, cJSON_DetachItemFromArray(units, at + 1));
    cJSON_AddItemToArray(units, u);
    while (rest->child) cJSON_AddItemToArray(units, cJSON_DetachItemViaPointer(rest, rest->child));
    cJSON_Delete(rest);
  }
  free(t);
}

static void left_out_sections(const cJSON *v, const fit_scene *fs, int ns, double duration, vgi_diags *d) {
  /* (duration: the length the user asked for, as messages name it) */
  vgi_buf b = {0}, lb = {0};
  int sections = 0, named_sections = 0, slides = 0, later = 0, named = 0;
  for (int i = 0, head = -1; i < ns; i++) {
    if (fs[i].srank != 1) head = i;
    if (fs[i].kept || fs[i].empty) continue;   /* (links only: nothing to show or say) */
    if (cJSON_GetObjectItemCaseSensitive(fs[i].s, VGI_CONT_KEY)) {
      /* of a list that is shown: its first slide stays (a list left out
       * whole is a section's later detail) */
      int j = i - 1;
      while (j >= 0 && !fs[j].kept && cJSON_GetObjectItemCaseSensitive(fs[j].s, VGI_CONT_KEY)) j--;
      slides += j >= 0 && fs[j].kept;
      continue;
    }
    const cJSON *vc = cJSON_GetObjectItemCaseSensitive(fs[i].s, "visual_content");
    const char *h = vgi_str(vc, "header") ? vgi_str(vc, "header") : vgi_str(vc, "title");
    if (fs[i].srank == 1) {
      /* (of a section left out whole: the section is named) */
      if (head < 0 || !fs[head].kept) continue;
      later++;
      /* named when it has a name of its own: a label (not the heading of
       * the part it is in, said as context), or a heading not its section's */
      const cJSON *hvc = cJSON_GetObjectItemCaseSensitive(fs[head].s, "visual_content");
      const char *hh = vgi_str(hvc, "header");
      const char *own = cJSON_GetObjectItemCaseSensitive(vc, VGI_CTX_KEY) ? NULL : vgi_str(vc, "description");
      if (!own && h && (!hh || strcmp(h, hh))) own = h;
      /* (a callout by its kind and its section, as below) */
      char *both = NULL;
      if (own && h && vgi_str(vc, "callout") && own == vgi_str(vc, "description")) {
        vgi_buf nb = {0};
        vgi_buf_printf(&nb, "%s: %s", h, own);
        both = vgi_buf_take(&nb);
      }
      if (own && named < LEFT_OUT_NAMED) name_left_out(&lb, ++named, both ? both : own, fs[i].s, 1);
      free(both);
      continue;
    }
    if (fs[i].srank < 2) continue;
    /* short sections that share a slide under their parent's heading
     * (bullets made from their prose, each titled by its heading) are
     * counted each and named by the first of them, not the parent five
     * times */
    const cJSON *its = cJSON_GetObjectItemCaseSensitive(vc, "items");
    const cJSON *it0 = its ? its->child : NULL;
    const cJSON *units = cJSON_GetObjectItemCaseSensitive(fs[i].s, VGI_UNITS_KEY);
    /* (a shared slide is headed by its sections' parent: the document's
     * title or the section before it) */
    int shared = 0;
    const char *vh = vgi_str(vc, "header"), *pt = vgi_str(v, "title");
    const char *ph = i > 0 ? vgi_str(cJSON_GetObjectItemCaseSensitive(fs[i - 1].s, "visual_content"), "header") : NULL;
    int under_parent = vh && ((pt && !strcmp(vh, pt)) || (ph && !strcmp(vh, ph)));
    for (const cJSON *u = under_parent && units && cJSON_IsObject(it0) && vgi_str(it0, "title") ? units->child : NULL;
         u && !shared; u = u->next)
      shared = cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(u, "b"));
    if (shared && *vgi_str(it0, "title")) h = vgi_str(it0, "title");
    sections += shared ? cJSON_GetArraySize(its) : 1;
    if (named_sections++ >= LEFT_OUT_NAMED) continue;
    /* a callout by its kind and the section it is in ("Note: Rust", not
     * "Note" five times) */
    char *both = NULL;
    if (h && vgi_str(vc, "callout") && vgi_str(vc, "description")) {
      vgi_buf nb = {0};
      vgi_buf_printf(&nb, "%s: %s", h, vgi_str(vc, "description"));
      both = vgi_buf_take(&nb);
    }
    name_left_out(&b, named_sections, both ? both : h ? h : vgi_str(fs[i].s, "id") ? vgi_str(fs[i].s, "id") : "?", fs[i].s, 0);
    free(both);
  }
  /* a summary leaves a section's later detail out by design: said only
   * when one has a name of its own (a sub-heading, a label); a length the
   * user asked for says all it cost */
  if (duration <= 0 && !named) later = 0;
  if (!sections && !slides && !later) { vgi_buf_free(&b); vgi_buf_free(&lb); return; }
  if (sections > named_sections || named_sections > LEFT_OUT_NAMED)
    vgi_buf_printf(&b, " and %d more", sections - (named_sections < LEFT_OUT_NAMED ? named_sections : LEFT_OUT_NAMED));
  if (named && later > named) vgi_buf_printf(&lb, " and %d more", later - named);
  char a[32];
  vgi_buf what = {0};
  if (duration > 0) vgi_buf_printf(&what, "--duration %s: ", vgi_fmt_num(a, sizeof a, duration));
  else vgi_buf_puts(&what, "the summary: ");
  if (sections) vgi_buf_printf(&what, "%d section%s left out to fit (%s)", sections, sections == 1 ? "" : "s", b.s);
  if (later) {
    vgi_buf_printf(&what, "%s%d later scene%s of a section left out", sections ? "; " : "", later, later == 1 ? "" : "s");
    if (named) vgi_buf_printf(&what, " (%s)", lb.s);
  }
  if (slides)
    vgi_buf_printf(&what, "%s%d later slide%s of a list left out", sections || later ? "; " : "", slides,
                   slides == 1 ? "" : "s");
  vgi_buf_puts(&what, duration > 0 ? "; a longer --duration or --split keeps them" : "; --detail full keeps them");
  const cJSON *src = cJSON_GetObjectItemCaseSensitive(v, "source");
  vgi_diag_add(d, VGI_WARNING, vgi_str(src, "file"), 0, 0, "duration", "%s", what.s);
  vgi_buf_free(&what);
  vgi_buf_free(&b);
  vgi_buf_free(&lb);
}

/* One section a summary may leave out whole (sections_cut): its first
 * scene, its rank (0 a subsection, 1 a section) and its place among the
 * sections of the same rank under the same parent. */
typedef struct fit_section { int head, sub, nth; } fit_section;

static int section_cmp(const void *a, const void *b) {
  const fit_section *x = a, *y = b;
  if (x->sub != y->sub) return x->sub ? -1 : 1;   /* subsections first */
  if (x->nth != y->nth) return y->nth - x->nth;   /* every parent's last first */
  return y->head - x->head;                       /* the later first */
}

/* Leaves whole sections out of a summary until *total is within limit (a
 * section's first scene has srank 2, a subsection, or 3; its later scenes
 * srank 1 follow it). Linear in the scenes but for one sort. */
static void sections_cut(fit_scene *fs, int ns, double *total, double limit) {
  fit_section *sec = malloc((size_t)ns * sizeof *sec);
  if (!sec) return;
  int n = 0, top = 0, subs = 0;
  for (int k = 0; k < ns; k++) {
    if (fs[k].srank < 2 || !fs[k].kept) {
      if (fs[k].srank == 3) top++, subs = 0;   /* (a section left out before: its place still counts) */
      continue;
    }
    int sub = fs[k].srank == 2;
    sec[n++] = (fit_section){ k, sub, sub ? subs++ : top++ };
    if (!sub) subs = 0;
  }
  qsort(sec, (size_t)n, sizeof *sec, section_cmp);
  /* the last in that order (the document's first section) stays: Node.js'
   * CHANGELOG.md, whose first section is a table of 200 releases, lost all
   * three of its sections and said nothing but its title */
  for (int j = 0; j < n - 1 && *total > limit; j++)
    for (int k = sec[j].head; k < ns && (k == sec[j].head || fs[k].srank == 1); k++)
      if (fs[k].kept) {
        *total -= scene_est(&fs[k]);
        fs[k].kept = 0;
      }
  free(sec);
}

static void fit_video(cJSON *v, const vgi_options *opts, vgi_diags *d, int summary) {
  cJSON *scenes = cJSON_GetObjectItemCaseSensitive(v, "scenes");
  const char *lang = vgi_str(v, "language");
  int full = !summary;
  double duration = opts ? opts->duration : 0;
  int ns = cJSON_GetArraySize(scenes);
  if (ns <= 0) return;
  fit_scene *fs = calloc((size_t)ns, sizeof *fs);
  fit_unit *fu = NULL;
  int nu = 0;
  double words = 0;
  int i = 0;
  for (cJSON *s = scenes->child; s; s = s->next, i++) {
    fit_scene *f = &fs[i];
    f->s = s;
    f->kept = 1;
    const cJSON *mn = cJSON_GetObjectItemCaseSensitive(s, "min_duration");
    f->min = cJSON_IsNumber(mn) ? mn->valuedouble : 0;
    if (f->min < SCENE_MIN) f->min = SCENE_MIN;
    /* code is read, not only heard; a list's or a table's reading time is
     * given after the fit (vgi_narrate): it holds a slide, it takes no
     * sentence from another */
    if (read_seconds(f->s, 0) > f->min) f->min = read_seconds(f->s, 0);
    f->silent = silent_seconds(f->s, NULL, lang);                  /* if nothing is left said */
    const cJSON *sr = cJSON_GetObjectItemCaseSensitive(s, VGI_SRANK_KEY);
    f->srank = cJSON_IsNumber(sr) ? sr->valueint : 0;
    f->nth = f->srank == 1 && i > 0 ? fs[i - 1].nth + 1 : 0;
    f->first = -1;
    cJSON *n = cJSON_GetObjectItemCaseSensitive(s, "narration");
    int autos = cJSON_GetObjectItemCaseSensitive(s, VGI_AUTO_KEY) != NULL;
    cJSON *units = cJSON_GetObjectItemCaseSensitive(s, VGI_UNITS_KEY);
    int from_prose = units != NULL;
    if (cJSON_IsString(n) && autos && !units) {
      /* a later scene of a section: its heading was said already, its
       * items are what is new */
      const char *ty = vgi_str(s, "scene_type");
      char *items_only = NULL;
      /* (a callout's points are its sentences, cut to headlines: the
       * sentences are said) */
      if (!full && f->srank == 1 && ty && !strcmp(ty, "list") &&
          !vgi_str(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "callout")) {
        items_only = items_template(s, lang, 0);
      }
      const cJSON *lvc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
      /* (a list of things to do, by its count and first three) */
      char *doing = !full && english(lang) && ty && !strcmp(ty, "list") && !vgi_str(lvc, "callout")
                    ? imperative_list_said(cJSON_GetObjectItemCaseSensitive(lvc, "items"), 0, vgi_str(lvc, "header"))
                    : NULL;
      units = sentence_units(items_only && *items_only ? items_only : n->valuestring, lang,
                             ty && !strcmp(ty, "list") && !full,
                             cJSON_GetObjectItemCaseSensitive(lvc, "items"));
      if (doing) {
        /* (said whole whenever the scene is: its count, then its items) */
        cJSON_Delete(units);
        units = cJSON_CreateArray();
        cJSON *du = cJSON_CreateObject();
        cJSON_AddStringToObject(du, "t", doing);
        cJSON_AddNumberToObject(du, "r", 0);
        cJSON_AddItemToArray(units, du);
      }
      free(doing);
      free(items_only);
      if (ty && !strcmp(ty, "table") && units->child && units->child->next) {
        /* a table's narration (vgi_table_narration): what names it first,
         * then its rows, within the table's own budget of words, as one
         * unit that a summary leaves out only before a whole scene ("tr") */
        vgi_buf rb = {0};
        while (units->child->next) {
          cJSON *u = cJSON_DetachItemViaPointer(units, units->child->next);
          if (rb.n) vgi_buf_puts(&rb, " ");
          vgi_buf_puts(&rb, vgi_str(u, "t") ? vgi_str(u, "t") : "");
          cJSON_Delete(u);
        }
        cJSON *ru = cJSON_CreateObject();
        cJSON_AddStringToObject(ru, "t", rb.s ? rb.s : "");
        cJSON_AddNumberToObject(ru, "r", 1);
        cJSON_AddTrueToObject(ru, "tr");
        cJSON_AddItemToArray(units, ru);
        vgi_buf_free(&rb);
      }
      if (ty && !strcmp(ty, "title"))
        /* "Welcome to Tool. Tool converts files between formats.": what the
         * document is, in its own line under the title, is said with it
         * (its first sentence: a paragraph under the title may hold more) */
        if (units->child && units->child->next && !long_tagline(vgi_str(units->child->next, "t") ? vgi_str(units->child->next, "t") : ""))
          cJSON_ReplaceItemInObjectCaseSensitive(units->child->next, "r", cJSON_CreateNumber(0));
      cJSON_AddItemToObject(s, VGI_UNITS_KEY, units);
    }
    words += scene_words(s, lang);
    int list_scene = !strcmp(vgi_str(s, "scene_type") ? vgi_str(s, "scene_type") : "", "list") &&
                     !cJSON_GetObjectItemCaseSensitive(s, VGI_API_KEY);   /* an API entry says its parameters itself (apidoc.c) */
    if (from_prose && list_scene && full && !full_colon(s, units, lang)) {
      full_items_unit(s, units, lang);
    } else if (from_prose && list_scene) {
      /* a list introduced by prose: its items' leads are key points too */
      const cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
      const cJSON *items = cJSON_GetObjectItemCaseSensitive(vc, "items");
      int bullets = 0, tpl = 0;
      for (cJSON *u = units->child; u; u = u->next) {
        bullets |= cJSON_GetObjectItemCaseSensitive(u, "b") != NULL;
        if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(u, "tpl"))) continue;
        /* a list with a closing remark: what the list says, as a summary
         * says it; its items are said there, not again after the remark */
        tpl = 1;
        char *t = vgi_template(s, lang);
        if (t) cJSON_ReplaceItemInObjectCaseSensitive(u, "t", cJSON_CreateString(t));
        free(t);
      }
      int links = count_text(items) > 0;
      for (const cJSON *it = items ? items->child : NULL; it && links; it = it->next)
        links = !item_text(it) || nothing_said(item_text(it));
      if (!bullets && !tpl && links) {
        /* a list of links only: the sentence that introduces it ("You can
         * also browse the manual online at:") points at what is not said */
        cJSON *last;
        while ((last = vgi_last(units)) != NULL) {
          const char *lt = vgi_str(last, "t");
          size_t ll = lt ? strlen(lt) : 0;
          if (!ll || (lt[ll - 1] != ':' && (ll < 3 || strcmp(lt + ll - 3, "\xEF\xBC\x9A")))) break;
          cJSON_Delete(cJSON_DetachItemViaPointer(units, last));
        }
        if (!units->child && vgi_str(vc, "header")) {
          vgi_buf hb = {0};
          sentence_l(&hb, vgi_str(vc, "header"), lang);   /* the slide's name, at least */
          cJSON *hu = cJSON_CreateObject();
          cJSON_AddStringToObject(hu, "t", hb.s ? hb.s : "");
          cJSON_AddNumberToObject(hu, "r", 0);
          cJSON_AddItemToArray(units, hu);
          vgi_buf_free(&hb);
        }
      } else if (!bullets && !tpl && count_text(items)) {
        vgi_buf b = {0};
        /* prose that ends with a colon ("Context:") introduces the list:
         * the leads follow it directly, and are a key point */
        /* the prose before the list: a closing remark after it ("See the
         * platform notes.") introduces nothing */
        int lu_at = cJSON_GetArraySize(units) - 1;
        cJSON *lu = cJSON_GetArrayItem(units, lu_at);
        while (lu && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(lu, "after")))
          lu = cJSON_GetArrayItem(units, --lu_at);
        const char *lt = lu ? vgi_str(lu, "t") : NULL;
        size_t ll = lt ? strlen(lt) : 0;
        int colon = ll && (lt[ll - 1] == ':' || (ll >= 3 && !strcmp(lt + ll - 3, "\xEF\xBC\x9A")));
        int whole = 0;   /* sentences of the items, each already short */
        char *stem = !colon && english_like(lang) ? open_stem(lt) : NULL;
        int cont = stem ? 3 : colon && english_like(lang) ? continues_into(lt) : 0;
        colon |= stem != NULL;
        free(stem);
        /* "licensed under either of" its items: alternatives, said "either
         * A or B", never "either of A and B" */
        size_t el = ll;
        while (el && (lt[el - 1] == ':' || lt[el - 1] == ' ')) el--;
        int either = cont && english(lang) && el >= 10 && !strncasecmp(lt + el - 10, " either of", 10);
        int say = 0, pairs = 0, options = 0, ph_said = 0;
        cJSON *ph = list_phrases(items, lang, 0, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(vc, VGI_LINKS_KEY)),
                                 &say, &pairs, &options);
        /* options with what each does ("-4: Forces ssh to use IPv4 addresses
         * only") after "The options are as follows:" are said as pairs,
         * not as their bare names ("-4, -6, and the A option") */
        if (colon && !(ph && pairs && options)) {
          cJSON_Delete(ph);
          ph = NULL;
        }
        if (colon && !ph) {
          whole = colon_items(&b, items, lang, cont, full, either);
        } else if (ph) {
          /* names under the slide's heading, unless the prose said it; and
           * not at all when the prose named them ("11 topics: A, B, …") or
           * introduced them ("The options are as follows:") */
          const char *h = colon ? NULL : vgi_str(vc, "header");
          for (const cJSON *u = units->child; h && u; u = u->next)
            if (vgi_str(u, "t") && strcasestr(vgi_str(u, "t"), h)) h = NULL;
          if (pairs) said_pairs(&b, lang, h && *h ? h : NULL, ph, say), ph_said = 1;
          else if (!named_before(units, ph, say)) said_list(&b, lang, h && *h ? h : NULL, ph, say);
          whole = 1;
        } else if (sentence_items(items, 3)) {
          item_sentences(&b, items, 3, lang);
          whole = 1;
        } else if (count_text(items) == 1 && cJSON_GetArraySize(items) == 1 && item_desc(items->child) &&
                   *item_desc(items->child) && item_text(items->child)) {
          /* one term after prose (a manual's definition under its section's
           * text): said with what it is, "ffi_call: this calls …", never
           * "Key points include ffi_call" */
          term_said(&b, items->child, item_desc(items->child), lang);
          whole = 1;
        } else {
          phrase_list(&b, lang, "key_points", items, 3, 0, 0);
        }
        cJSON_Delete(ph);
        if (b.s && !nothing_said(b.s) && whole == 2) {
          /* a sentence that the items complete ("pip works on: …") and its
           * items are one sentence and one unit: said together or not at
           * all, never the items alone */
          vgi_buf m = {0};
          size_t il = ll;
          while (il && (lt[il - 1] == ':' || lt[il - 1] == ' ')) il--;
          if (either) il -= 3;
          vgi_buf_add(&m, lt, il);
          vgi_buf_puts(&m, " ");
          vgi_buf_puts(&m, b.s);
          cJSON_ReplaceItemInObjectCaseSensitive(lu, "t", cJSON_CreateString(m.s));
          const cJSON *lr = cJSON_GetObjectItemCaseSensitive(lu, "r");
          if (!cJSON_IsNumber(lr) || lr->valueint > 1) cJSON_ReplaceItemInObjectCaseSensitive(lu, "r", cJSON_CreateNumber(1));
          cJSON_DeleteItemFromObjectCaseSensitive(lu, "k");
          cJSON_AddTrueToObject(lu, "k");
          cJSON_DeleteItemFromObjectCaseSensitive(lu, "w");
          cJSON_AddTrueToObject(lu, "w");
          cJSON_AddTrueToObject(lu, "ci");
          vgi_buf_free(&m);
        } else if (b.s && !nothing_said(b.s)) {   /* a list of links has no leads to say */
          cJSON *u = cJSON_CreateObject();
          cJSON_AddStringToObject(u, "t", b.s);
          cJSON_AddNumberToObject(u, "r", 1);
          /* terms with what each is, under one sentence of prose ("Wget
           * may return one of several error codes …" over "0 — no problems
           * occurred; …"): the pairs are what the slide is about, a key
           * point as the items after a colon are */
          int terms = pairs && ph_said && cJSON_GetArraySize(units) <= 1;
          if (colon || terms) cJSON_AddTrueToObject(u, "k");
          /* the items a colon led into name what the slide shows, never
           * pointers to drop ("Please see the rclone website for:" over
           * "Installation", "Changelog", "FAQ") */
          if (colon) cJSON_AddTrueToObject(u, "ci");
          if (terms) cJSON_AddTrueToObject(u, "pr");
          if (whole) cJSON_AddTrueToObject(u, "w");
          /* before a closing remark: the units after lu_at are taken off and
           * put back after it (cJSON_InsertItemInArray left this array as
           * it was) */
          cJSON *rest = cJSON_CreateArray();
          while (cJSON_GetArraySize(units) > lu_at + 1)
            cJSON_AddItemToArray(rest, cJSON_DetachItemFromArray(units, lu_at + 1));
          cJSON_AddItemToArray(units, u);
          while (rest->child) cJSON_AddItemToArray(units, cJSON_DetachItemViaPointer(rest, rest->child));
          cJSON_Delete(rest);
        }
        vgi_buf_free(&b);
      }
    }
    f->u0 = nu;
    if (units) {
      int promote = 0;   /* a paragraph's first sentence said nothing: its second leads */
      int gone_link = 0; /* the sentence before said nothing (a link, a pointer) */
      for (cJSON *u = units->child; u; u = u->next) {
        const char *t0 = vgi_str(u, "t");
        char *t = vgi_strdup(t0 ? t0 : "");
        /* a sentence that introduces what follows ("…, it means X, and for
         * B, it means Y:") still does when said by its headline */
        size_t t0l = strlen(t);
        if (from_prose && t0l && t[t0l - 1] == ':' && !cJSON_GetObjectItemCaseSensitive(u, "in"))
          cJSON_AddTrueToObject(u, "in");
        int link = t0 && (strstr(t0, "://") || strstr(t0, "www."));
        t = clean_speech(t, vgi_str(v, "language"));
        /* "You just need to" before "$ pip install x": the prose that the
         * command completes ends on "to"; said, it needs what the slide
         * shows: "You just need to run this command." */
        size_t el = strlen(t);
        while (el && t[el - 1] == ' ') el--;
        /* (the last unit, or one that ends on the colon that opens the
         * code: "To verify it, run:" before "You should see …") */
        if (from_prose && english(lang) && (!u->next || (el && t[el - 1] == ':') || vgi_ends_on_code_verb(t, el)) &&
            !strcmp(vgi_str(s, "scene_type") ? vgi_str(s, "scene_type") : "", "command")) {
          /* (a verb that needs the doing: "Add this line to" a file is
           * another thing; and a shell's code only) */
          static const char *const needs[] = { " need to", " needs to", " have to", " has to", " want to", " is to",
                                               " just need to", NULL };
          int need = 0;
          for (int q = 0; needs[q]; q++)
            need |= el >= strlen(needs[q]) && !strncmp(t + el - strlen(needs[q]), needs[q], strlen(needs[q]));
          const char *cl = vgi_str(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "language");
          int shell = !cl || !*cl || !strcmp(cl, "sh") || !strcmp(cl, "bash") || !strcmp(cl, "shell") ||
                      !strcmp(cl, "console") || !strcmp(cl, "zsh");
          if (need && shell && vgi_word_count(t) >= 3) {
            t[el] = 0;
            char *x = malloc(el + 20);
            snprintf(x, el + 20, "%s run this command.", t);
            free(t);
            t = x;
          } else if (vgi_word_count(t) >= 3 || vgi_ends_on_code_verb(t, el && t[el - 1] == ':' ? el - 1 : el)) {
            /* "To build jq, run" (or "run:") over its commands ends on its
             * verb: "To build jq, run these commands."; so does "Use" over
             * an option alone ("--disable-nls"), whatever the block's
             * language: "Use this option." */
            size_t vl = el && t[el - 1] == ':' ? el - 1 : el;
            int verb = vgi_ends_on_code_verb(t, vl);
            const cJSON *cs = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"),
                                                               "commands");
            int lines = 0, option = 0;
            for (const cJSON *c = cs ? cs->child : NULL; c; c = c->next) {
              if (!cJSON_IsString(c) || !c->valuestring[0] || !strncmp(c->valuestring, "# ", 2)) continue;
              const char *l0 = c->valuestring + strspn(c->valuestring, " \t");
              lines++;
              option = l0[0] == '-' && isalnum((unsigned char)l0[l0[1] == '-' ? 2 : 1]);
            }
            const char *what = lines == 1 ? (option ? "this option" : "this command") : "these commands";
            if (!shell && !(verb && vl == el && lines == 1)) lines = 0;   /* (else a shell's only) */
            if (verb && lines) {
              t[vl] = 0;
              char *x = malloc(vl + 24);
              snprintf(x, vl + 24, "%s %s.", t, what);
              free(t);
              t = x;
            } else if (lines && vl < el) {
              /* "run the following in your terminal:" names, said, what the
               * slide shows: "run this command in your terminal." */
              char *x = following_said(t, vl, what);
              if (x) free(t), t = x;
            }
          }
        }
        /* the document's prose; a template may name a file on purpose, and a
         * sentence that names a list's items says what the slide shows */
        if (from_prose) {
          /* (the items a colon led into stay when pointers are all they
           * are, "for: Installation, Changelog"; a pointer among other
           * words still goes: "Ambassadors will be documented on the
           * nodejs/ambassadors README.md.") */
          char *kept = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(u, "ci")) ? vgi_strdup(t) : NULL;
          pointer_out(t);
          if (kept && !vgi_word_count(t)) strcpy(t, kept);
          free(kept);
        }
        if (from_prose) {
          /* (its heading: the bullet's title on a shared slide, or the slide's) */
          const cJSON *vcl = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
          const cJSON *bi = cJSON_GetObjectItemCaseSensitive(u, "b");
          const cJSON *bit = cJSON_IsNumber(bi) ? cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(vcl, "items"), bi->valueint) : NULL;
          const char *lh = cJSON_IsObject(bit) && vgi_str(bit, "title") ? vgi_str(bit, "title") : vgi_str(vcl, "header");
          t = license_said(lh, t, lang);
        }
        vgi_squash(t);
        size_t tl = strlen(t);
        /* "Binaries at <link> are produced on:" introduces a table without
         * naming what it holds: said, it would end on its preposition */
        if (from_prose && tl > 1 && t[tl - 1] == ':') {
          size_t w0 = tl - 1;
          while (w0 && t[w0 - 1] != ' ') w0--;
          if (w0 && dangling_word(t + w0, tl - w0) && preposition(t + w0, tl - w0)) {
            /* ... but "… test suite which can be run via:" before its
             * command is a whole clause once the means goes: "… which can
             * be run." (a silent code slide said nothing) */
            size_t p0 = w0 - 1, v0 = p0;
            while (v0 && t[v0 - 1] != ' ') v0--;
            static const char *const means[] = { "via", "with", "using", "by", NULL };
            static const char *const done[] = { "run", "built", "done", "made", "set", "found", "shown", "seen",
                                                "written", "read", "got", "put", NULL };
            int mean = 0, part = 0;
            for (int q = 0; means[q]; q++) mean |= strlen(means[q]) == tl - 1 - w0 && !strncasecmp(t + w0, means[q], tl - 1 - w0);
            size_t vl = p0 - v0;
            part = vl > 3 && !strncmp(t + p0 - 2, "ed", 2);
            for (int q = 0; done[q]; q++) part |= strlen(done[q]) == vl && !strncmp(t + v0, done[q], vl);
            /* "… can be estimated as:" over a formula is whole as a
             * presenter says it: "… can be estimated as follows." */
            int as = tl - 1 - w0 == 2 && !strncasecmp(t + w0, "as", 2);
            /* (over a command slide the means is on screen: "You can run
             * the tests from the project root with:" is whole as "You can
             * run the tests from the project root.") */
            int command = !u->next && !strcmp(vgi_str(s, "scene_type") ? vgi_str(s, "scene_type") : "", "command");
            if (english(lang) && mean && v0 && ((part && vgi_word_count(t) >= 6) || (command && vgi_word_count(t) >= 4))) {
              t[p0] = '.';
              t[tl = p0 + 1] = 0;
            } else if (english(lang) && as && vgi_word_count(t) >= 4) {
              char *x = malloc(tl + 16);
              snprintf(x, tl + 16, "%.*s follows.", (int)(tl - 1), t);
              free(t);
              t = x;
              tl = strlen(t);
            } else {
              t[tl = 0] = 0;
            }
          }
        }
        /* "IANA: https://…" said "IANA:" introduces nothing: "IANA." */
        if (link && tl > 1 && t[tl - 1] == ':' && t[tl - 2] != ' ') t[tl - 1] = '.';
        /* after a sentence that only pointed at a link went ("If you want
         * to learn to use jq, read the documentation at <link>."), the one
         * that points back at what it named ("This documentation is
         * generated from …", "It has recipes.") says nothing a viewer can
         * place: it goes too */
        const cJSON *ur = cJSON_GetObjectItemCaseSensitive(u, "r");
        if (from_prose && gone_link && cJSON_IsNumber(ur) && ur->valueint >= 2 && english(lang) && vgi_back_reference(t))
          t[tl = 0] = 0;   /* (in the same paragraph: a later sentence of it) */
        /* (or a pointer, "For more information, please refer to the
         * documentation.", gone: "It is composed from the file doc/gmp.texi"
         * lost the thing it names and, its path gone, its object) */
        gone_link = !*t && t0 && *t0;
        cJSON_ReplaceItemInObjectCaseSensitive(u, "t", cJSON_CreateString(t));
        fu = realloc(fu, (size_t)(nu + 1) * sizeof *fu);
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(u, "r");
        fu[nu] = (fit_unit){ u, vgi_speech_seconds_lang(t, lang), cJSON_IsNumber(r) ? r->valueint : 1, i, 1, 0,
                             cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(u, "tr")) ? 2
                             : cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(u, "k")) };
        if (promote && fu[nu].rank == 2 && *t) {
          fu[nu].rank = 1;
          cJSON_ReplaceItemInObjectCaseSensitive(u, "r", cJSON_CreateNumber(1));
        }
        if (fu[nu].rank <= 2) promote = !*t && fu[nu].rank == 1;
        /* a summary says a long key sentence by its headline (its lead
         * clause): a first sentence of forty words is a reading, not a key
         * point, and code-heavy guides would run far past a minute per 600
         * words of prose */
        if (from_prose && !full) {
          /* a summary says a sentence without its asides */
          char *a = vgi_strdup(t);
          drop_asides(a);
          if (strcmp(a, t)) {
            cJSON_ReplaceItemInObjectCaseSensitive(u, "t", cJSON_CreateString(a));
            fu[nu].sec = vgi_speech_seconds_lang(a, lang);
            free(t);
            t = a;
          } else {
            free(a);
          }
        }
        if (from_prose && !full && fu[nu].rank >= 1 && fu[nu].rank <= 2 && long_sentence(t) &&
            !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(u, "w"))) {
          char *h = spoken_headline(t);
          if (!h) h = vgi_strdup("");
          /* a headline that is only an opening clause ("If you want to
           * build the library from source on a machine") says nothing: the
           * sentence is said whole */
          /* a main clause said without its opening one must not start
           * with a pronoun that points into it ("It rejects …") */
          static const char *const pron[] = { "it ", "they ", "this ", "these ", "he ", "she ", "its ", "their ",
                                              "that ", "those ", "es ", "sie ", "il ", "elle ", "ils ", "elles ", NULL };
          int pointing = 0;
          if (strncasecmp(h, t, strlen(h)))
            for (int q = 0; pron[q]; q++) pointing |= !strncasecmp(h, pron[q], strlen(pron[q]));
          if (*h && strlen(h) * 3 < strlen(t) * 2 && !(vgi_lead_clause(h) && !strchr(h, ',')) && !pointing) {
            vgi_buf hb = {0};
            sentence_l(&hb, h, lang);
            cJSON_ReplaceItemInObjectCaseSensitive(u, "t", cJSON_CreateString(hb.s));
            fu[nu].sec = vgi_speech_seconds_lang(hb.s, lang);
            vgi_buf_free(&hb);
          }
          free(h);
        }
        /* an untitled document's first sentence is its title ("This is GNU
         * grep, …"), said by the title scene: the paragraph that opens with
         * it does not say it again, its next sentence leads */
        if (i == 1 && from_prose && *t && vgi_str(fs[0].s, "scene_type") &&
            !strcmp(vgi_str(fs[0].s, "scene_type"), "title") && vgi_str(fs[0].s, "narration") &&
            !strcmp(vgi_str(fs[0].s, "narration"), t) && vgi_word_count(t) >= 4) {
          t[0] = 0;
          if (fu[nu].rank <= 1) promote = 1;
        }
        if (!*t) fu[nu].kept = 0;
        else if (f->first < 0 || fu[nu].rank < fu[f->first].rank) f->first = nu;
        if (fu[nu].rank <= 0) fu[nu].fixed = 1;
        if (fu[nu].kept) f->speech += fu[nu].sec;
        free(t);
        nu++;
      }
      f->u1 = nu;
      /* a summary's first key point that only refers back ("Previous charts
       * …") or points elsewhere gives way to the key point of the same rank
       * that says most what the thing is or does (point_score), one shown
       * as a bullet when the first was */
      if (!full && f->first >= 0 && fu[f->first].rank >= 1) {
        int best = f->first, bs = point_score(vgi_str(fu[f->first].u, "t"), lang), back = bs < 0;
        int shown = cJSON_GetObjectItemCaseSensitive(fu[f->first].u, "b") != NULL;
        for (int k = f->u0; k < f->u1 && back; k++) {
          if (k == f->first || !fu[k].kept || fu[k].rank != fu[f->first].rank) continue;
          if (shown && !cJSON_GetObjectItemCaseSensitive(fu[k].u, "b")) continue;
          /* (within the summary's length: not much longer than the first) */
          if (fu[k].sec > fu[f->first].sec + POINT_LONGER) continue;
          int sc = point_score(vgi_str(fu[k].u, "t"), lang);
          if (sc > bs) best = k, bs = sc;
        }
        f->first = best;
      }
    } else if (cJSON_IsString(n)) {
      f->u1 = nu;
      f->speech = vgi_speech_seconds_lang(n->valuestring, lang);
      if (!autos) f->srank = 0;   /* narration written in the document: the scene stays */
    }
  }
  /* a scene says at least one thing: its most important unit, the first of them */
  for (i = 0; i < ns; i++)
    if (fs[i].first >= 0) fu[fs[i].first].fixed = 1;
  /* the items said: judged on the narration of the units kept, again
   * whenever a unit goes or comes back */
  for (i = 0; i < ns; i++) fit_tail(&fs[i], fu, lang);
  double total = 0;
  for (i = 0; i < ns; i++) total += scene_est(&fs[i]);
  double said = total;   /* all the document has to say and show, before any cut or stretch */
  double budget = 0;
  int floor_cls = 0;
  if (duration > 0) {
    budget = duration;
    floor_cls = 100000;
  } else if (!full) {
    budget = words * 60.0 / SUMMARY_WORDS_PER_MIN;
    /* the prose's key points stay; a list's leads may go, and then a
     * section's later scenes (a table's later pages, a second list): a build
     * guide's summary is not every step of it. First scenes stay. */
    floor_cls = 202;
  }
  /* A summary's slide is not a reading: a section of a few long
   * paragraphs (8 of 3,500 Japanese characters) kept its key points on one
   * slide and filled the budget with their later sentences, 24 minutes
   * under four bullets. A scene says at most SUMMARY_SCENE_SAID seconds of
   * its later sentences (the last first, then the earlier); its key points
   * stay, and the time freed is not given to another scene's detail. */
  if (!full && duration <= 0 && budget > 0) {
    for (i = 0; i < ns; i++) {
      fit_scene *f = &fs[i];
      if (f->speech <= SUMMARY_SCENE_SAID || f->u1 <= f->u0) continue;
      /* (the highest rank first, a paragraph's fourth before any third; the
       * later first among the same rank: one sort, never a pass a rank) */
      fit_step *cut = malloc((size_t)(f->u1 - f->u0) * sizeof *cut);
      int nc = 0;
      for (int k = f->u0; cut && k < f->u1; k++)
        if (fu[k].kept && !fu[k].fixed && !fu[k].key && fu[k].rank >= 2) cut[nc++] = (fit_step){ -fu[k].rank, k, k, i };
      if (nc) qsort(cut, (size_t)nc, sizeof *cut, step_cmp);
      for (int c = 0; c < nc && f->speech > SUMMARY_SCENE_SAID; c++) {
        double before = fit_low(f);
        fu[cut[c].unit].kept = 0;
        f->speech -= fu[cut[c].unit].sec;
        f->stale = 1;
        total += fit_low(f) - before;
      }
      free(cut);
    }
    total = fit_settle_stale(fs, ns, fu, lang, total);
  }
  int dropped_scenes = 0;
  if (budget > 0 && total > budget) {
    fit_step *st = malloc((size_t)(nu + ns) * sizeof *st);
    int nst = 0;
    for (int k = 0; k < nu; k++)
      if (fu[k].kept && !fu[k].fixed) {
        /* a table's rows go after every other sentence, before a scene */
        int cls = fu[k].rank >= 2 ? 200 - 2 * fu[k].rank : fu[k].key == 2 ? 199 : fu[k].key ? 198 : 197;
        if (cls == 198 && !full && duration <= 0) continue;   /* a summary keeps its key points */
        st[nst++] = (fit_step){ cls, k, k, -1 };
      }
    for (int k = 0; k < ns; k++)
      if (fs[k].srank > 0 && (full || duration > 0 || (later_detail(fs[k].s, fs[k].srank) && !after_tables(fs, k))))
        /* a section's later scenes by their place in it: every section's
         * fourth before any section's third, so the end of the document is
         * not left out for its beginning (IPv4 kept its four slides, IPv6
         * after it one of six); the later first among the same place */
        st[nst++] = (fit_step){ 200 + fs[k].srank, nu + fs[k].nth * (ns + 1) + k, -1, k };
    qsort(st, (size_t)nst, sizeof *st, step_cmp);
    /* (total counts a stale scene at fit_low: while even that is over the
     * budget, the exact total is too, and the same unit goes next) */
    int done = 0;
    for (; done < nst; done++) {
      if (total <= budget && (total = fit_settle_stale(fs, ns, fu, lang, total)) <= budget) break;
      if (st[done].cls >= floor_cls) break;
      if (st[done].unit >= 0) {
        fit_unit *u = &fu[st[done].unit];
        fit_scene *f = &fs[u->scene];
        /* an answer goes with its question, or stays while the question
         * must (a scene's first); a question takes its answer along */
        int q = answered_by(f, fu, st[done].unit);
        if (q >= 0 && fu[q].fixed) continue;
        int a = q < 0 ? answer_of(f, fu, st[done].unit) : -1;
        if (a >= 0 && fu[a].fixed) continue;
        double before = fit_low(f);
        u->kept = 0;
        f->speech -= u->sec;
        if (q >= 0) fu[q].kept = 0, f->speech -= fu[q].sec;
        if (a >= 0) fu[a].kept = 0, f->speech -= fu[a].sec;
        f->stale = 1;
        total += fit_low(f) - before;
      } else {
        fit_scene *f = &fs[st[done].scene];
        total -= fit_low(f);
        f->kept = 0;
      }
    }
    total = fit_settle_stale(fs, ns, fu, lang, total);
    /* the last step may have left a gap: take back what still fits, the
     * most important first */
    for (int k = done - 1; k >= 0; k--) {
      if (st[k].unit >= 0) {
        fit_unit *u = &fu[st[k].unit];
        fit_scene *f = &fs[u->scene];
        if (!f->kept) continue;
        double before = scene_est(f);
        f->speech += u->sec;
        u->kept = 1;
        /* (what it says alone does not fit: its steps need not be judged,
         * and f->settle is still the one of the units kept before) */
        if (total + scene_time(f, 0) - before > budget) { f->speech -= u->sec; u->kept = 0; continue; }
        fit_tail(f, fu, lang);
        double after = scene_est(f);
        if (total + after - before <= budget) total += after - before;
        else { f->speech -= u->sec; u->kept = 0; fit_tail(f, fu, lang); }
      } else {
        fit_scene *f = &fs[st[k].scene];
        f->kept = 1;
        double add = scene_est(f);
        if (total + add <= budget) total += add;
        else f->kept = 0;
      }
    }
    /* a section left out while later scenes of other sections stay: those
     * go, the least important first, when that makes room for it (a
     * section's heading is kept before another's third slide) */
    for (int k = done - 1; k >= 0; k--) {
      if (st[k].unit >= 0 || st[k].cls < 202 || fs[st[k].scene].kept) continue;
      fit_scene *f = &fs[st[k].scene];
      f->kept = 1;
      double add = scene_est(f), freed = 0;
      f->kept = 0;
      int upto = 0;
      for (; upto < nst && total - freed + add > budget; upto++)
        if (st[upto].unit < 0 && st[upto].cls == 201 && fs[st[upto].scene].kept) freed += scene_est(&fs[st[upto].scene]);
      if (total - freed + add > budget) continue;
      for (int j = 0; j < upto; j++)
        if (st[j].unit < 0 && st[j].cls == 201) fs[st[j].scene].kept = 0;
      f->kept = 1;
      total += add - freed;
    }
    /* a section's later scenes do not stay without its first, nor a list's
     * later slides without its first */
    for (int head = -1, list = -1, k = 0; k < ns; k++) {
      int cont = cJSON_GetObjectItemCaseSensitive(fs[k].s, VGI_CONT_KEY) != NULL;
      if (fs[k].srank != 1) head = k;
      if (!cont) list = k;
      if (fs[k].kept && ((fs[k].srank == 1 && head >= 0 && !fs[head].kept) || (cont && list >= 0 && !fs[list].kept))) {
        total -= scene_est(&fs[k]);
        fs[k].kept = 0;
      }
    }
    /* a summary still too long without a table's rows did not need them
     * gone: they come back (a video over its budget keeps what it says of
     * its tables as it keeps its key points) */
    for (int k = 0; k < done && !full && duration <= 0 && total > budget; k++) {
      if (st[k].cls != 199 || st[k].unit < 0) continue;
      fit_unit *u = &fu[st[k].unit];
      fit_scene *f = &fs[u->scene];
      if (u->kept || !f->kept) continue;
      double before = scene_est(f);
      f->speech += u->sec;
      u->kept = 1;
      fit_tail(f, fu, lang);
      total += scene_est(f) - before;
    }
    free(st);
  }
  /* A summary of many short paragraphs is still a reading when every first
   * sentence stays (a README of 1,300 words ran four minutes). Past a
   * minute per 500 words (and a minute), the key points after a scene's
   * first go too, a scene at a time from the scenes that keep the most of
   * them (the last of each first, the later scene first), so every section
   * is still said and none is emptied for another. */
  double loose = budget * SUMMARY_LOOSE > SUMMARY_KEPT ? budget * SUMMARY_LOOSE : SUMMARY_KEPT;
  if (!full && duration <= 0 && budget > 0 && total > loose) {
    int most = 0;
    for (i = 0; i < ns; i++) {
      int c = 0;
      for (int k = fs[i].u0; k < fs[i].u1; k++) c += fu[k].kept && !fu[k].fixed && fu[k].key;
      if (fs[i].kept && c > most) most = c;
    }
    for (int level = most; level > 0 && total > loose; level--)
      for (i = ns - 1; i >= 0 && total > loose; i--) {
        fit_scene *f = &fs[i];
        if (!f->kept) continue;
        int c = 0, last = -1, intro = 0;
        const cJSON *items =
          cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(f->s, "visual_content"), "items");
        for (int k = f->u0; k < f->u1; k++) {
          if (!fu[k].kept) continue;
          /* "… you will find:" and its items: said together or not at all */
          const char *t = vgi_str(fu[k].u, "t");
          size_t tl = t ? strlen(t) : 0;
          if ((tl && t[tl - 1] == ':') || cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(fu[k].u, "in"))) intro = 1;
          /* a bullet with a title of its own (a short section on a shared
           * slide, a term) is said as long as it is shown */
          const cJSON *bi = cJSON_GetObjectItemCaseSensitive(fu[k].u, "b");
          const cJSON *item = cJSON_IsNumber(bi) ? cJSON_GetArrayItem(items, bi->valueint) : NULL;
          if (cJSON_IsObject(item) && cJSON_GetObjectItemCaseSensitive(item, "title")) continue;
          /* so is what an API entry's bullets are ("It takes an optional
           * offset, and returns an integer.": the slide shows "offset" and
           * "Returns"), in every entry, not only in the first ones */
          if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(fu[k].u, "pa")) && cJSON_GetArraySize(items) > 0) continue;
          /* and the terms a slide shows with what each is, under one
           * sentence (exit codes and their meanings) */
          if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(fu[k].u, "pr"))) continue;
          /* a table's brief rows, within the table's own budget of words,
           * are what its slide shows */
          if (fu[k].key == 2) continue;
          /* the last goes first, or one that only refers back or points
           * elsewhere (point_score below 0), the least of them */
          /* (an answer goes only with its question, which goes first) */
          int q = answered_by(f, fu, k);
          if (q >= 0 && (fu[q].fixed || !fu[q].key)) continue;
          if (!fu[k].fixed && fu[k].key) {
            c++;
            int sk = point_score(t, lang), sl = last < 0 ? 0 : point_score(vgi_str(fu[last].u, "t"), lang);
            if (last < 0 || sl >= 0 || sk <= sl) last = k;
          }
        }
        if (intro) continue;
        if (c < level || last < 0) continue;
        double before = scene_est(f);
        int a = answer_of(f, fu, last);
        if (a >= 0 && fu[a].fixed) continue;
        fu[last].kept = 0;
        f->speech -= fu[last].sec;
        if (a >= 0) fu[a].kept = 0, f->speech -= fu[a].sec;
        fit_tail(f, fu, lang);
        total += scene_est(f) - before;
      }
  }
  /* Every section that keeps its first scene can still make a summary a
   * reading: an API reference of 5,000 one-line entries ran 375 minutes, a
   * minute per 27 words. Past a minute per 500 words, whole sections go
   * too (each with its later scenes) until the summary is that short again:
   * subsections before sections, and among them every parent's last before
   * any parent's next-to-last (a section's first entries say what it is;
   * the end of the document keeps its sections' heads as its beginning
   * does). The title, the outro and what the document narrated stay.
   * Only past SUMMARY_SECTIONS times that: the words counted are those of
   * the summary's document (a man page's summary shows its first options
   * only), and a section is too much to lose for a few seconds; nor below
   * SUMMARY_SECTIONS_KEPT: a short document's sections (a few tables) all
   * stay. */
  double sections_limit = loose > SUMMARY_SECTIONS_KEPT ? loose : SUMMARY_SECTIONS_KEPT;
  if (!full && duration <= 0 && budget > 0 && total > loose * SUMMARY_SECTIONS && total > sections_limit)
    sections_cut(fs, ns, &total, sections_limit);
  /* write the result: narration from the kept units, bullets of the
   * sentences left out removed, scenes left out removed */
  for (i = 0; i < ns; i++) {
    fit_scene *f = &fs[i];
    cJSON *units = cJSON_GetObjectItemCaseSensitive(f->s, VGI_UNITS_KEY);
    if (!f->kept) continue;
    if (!units) continue;
    vgi_buf b = {0};
    cJSON *items = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(f->s, "visual_content"), "items");
    int gone[64], ngone = 0, prev_b = 0;
    /* where the last unit said starts in b (with a few characters before
     * it): only the end of b is judged, never all of it at every unit */
    size_t said_at = 0;
    for (int k = 0; k < nu; k++) {
      if (fu[k].scene != i) continue;
      const cJSON *bi = cJSON_GetObjectItemCaseSensitive(fu[k].u, "b");
      if (!fu[k].kept) {
        if (cJSON_IsNumber(bi) && bi->valueint >= 0 && ngone < 64) gone[ngone++] = bi->valueint;
        continue;
      }
      /* a sentence the document left without its stop ("Writes value to buf
       * … as little-endian") ends before the next is said, when the next
       * starts as a sentence does (a capital): a clause of a sentence cut in
       * two by a man page's layout goes on ("tweaks | and levers", "without
       * | the interactive option") */
      const char *next = vgi_str(fu[k].u, "t");
      if (b.n && (vgi_ends_cased(b.s, b.n) || b.s[b.n - 1] == ')') && vgi_opens_capital(next))
        vgi_buf_puts(&b, ".");
      /* (in Chinese, Japanese and Korean, a paragraph that ends on its
       * predicate without a stop, pstree(1)'s "를 다음처럼 나타냅니다", ends
       * its sentence with the language's stop, never runs into the next) */
      else if (b.n && *next && cjk_of(lang) &&
               (cjk_unstopped(b.s + said_at, b.n - said_at, cjk_of(lang)) ||
                /* (a line of Latin letters, xxd.1's "(c) 1990-1997 by
                 * Juergen Weigert", before a sentence of the language's) */
                (isalnum((unsigned char)b.s[b.n - 1]) && (unsigned char)*next >= 0xE3 && (unsigned char)*next <= 0xED)))
        vgi_buf_puts(&b, vgi_phrase(lang, "stop"));
      /* a point of the slide that introduced code a summary left out ("…,
       * use path.win32:") ends before the next point, not on its colon */
      if (b.n && b.s[b.n - 1] == ':' && prev_b && cJSON_GetObjectItemCaseSensitive(fu[k].u, "b"))
        b.s[b.n - 1] = '.';
      prev_b = cJSON_GetObjectItemCaseSensitive(fu[k].u, "b") != NULL;
      if (b.n) vgi_buf_puts(&b, " ");
      said_at = b.n > 16 ? b.n - 16 : 0;
      vgi_buf_puts(&b, vgi_str(fu[k].u, "t"));
    }
    for (int g = ngone - 1; g >= 0; g--)
      if (cJSON_IsArray(items) && gone[g] < cJSON_GetArraySize(items)) cJSON_DeleteItemFromArray(items, gone[g]);
    if (b.n && cjk_of(lang) && cjk_unstopped(b.s + said_at, b.n - said_at, cjk_of(lang))) vgi_buf_puts(&b, vgi_phrase(lang, "stop"));
    if (b.n) repeat_out(b.s), b.n = strlen(b.s);   /* two units that say the same */
    if (b.n) double_stop_out(b.s), b.n = strlen(b.s);   /* "repository.." where a bracket went */
    if (b.n) conjunction_colon_out(b.s), b.n = strlen(b.s);   /* a sentence's "and:" before its list's sentences */
    cJSON *n = cJSON_GetObjectItemCaseSensitive(f->s, "narration");
    const char *ty = vgi_str(f->s, "scene_type");
    /* a summary list slide's voice that ends on a colon introduced code the
     * summary left out ("…, and pipes it to jq:"): nothing follows it, and
     * the sentence ends as a sentence, when it says something of its own
     * ("The options are:" waits for its list, and stays) */
    if (summary && b.n && b.s[b.n - 1] == ':' && ty && !strcmp(ty, "list") && english(lang)) {
      size_t e = b.n - 1, ss = e;
      while (ss && !(b.s[ss - 1] == ' ' && ss >= 2 && strchr(".!?", b.s[ss - 2]))) ss--;
      if (!colon_waits(b.s, e) && vgi_word_count(b.s + ss) > 4) b.s[e] = '.';
    }
    /* a code slide's voice that ends on the colon that pointed at its code
     * ("Install from PyPI:") ends as a sentence: the code is on screen as
     * it is said, and a caption that stops on a colon reads as cut off
     * (English, whose words that wait for an object are known) */
    if (b.n && ty && !strcmp(ty, "command")) {
      size_t e = b.n - 1;
      if (b.s[e] == ':' && !colon_waits(b.s, e) && english(lang)) b.s[e] = '.';
    }
    const char *hd = vgi_str(cJSON_GetObjectItemCaseSensitive(f->s, "visual_content"), "header");
    int emptied = ty && !strcmp(ty, "list") && cJSON_IsArray(items) && !cJSON_GetArraySize(items);
    if (cJSON_IsString(n) && !b.n && !emptied && hd && !nothing_said(hd) && strcmp(ty ? ty : "", "title") &&
        strcmp(ty ? ty : "", "outro")) {
      /* every sentence was an address or a pointer ("IRC: #tool on
       * irc.libera.chat"), but the slide stays: it says its name, at least,
       * rather than be a silent slide */
      sentence_l(&b, hd, lang);
    }
    if (cJSON_IsString(n) && b.n) cJSON_SetValuestring(n, b.s);
    else if (cJSON_IsString(n)) {
      /* every sentence was a link or a pointer to a file: nothing is said,
       * and a list left without items is no slide (a heading alone) */
      cJSON_SetValuestring(n, "");
      if (emptied) f->kept = 0, f->empty = 1;
    }
    vgi_buf_free(&b);
  }
  /* messages name the length the user asked for, not a shorter fit asked on
   * their behalf (vgi_options.duration_asked) */
  double asked = opts && opts->duration_asked > 0 && duration > 0 ? opts->duration_asked : duration;
  if (d) left_out_sections(v, fs, ns, asked, d);
  for (i = ns - 1; i >= 0; i--)
    if (!fs[i].kept) {
      cJSON_Delete(cJSON_DetachItemViaPointer(scenes, fs[i].s));   /* by index would walk the array */
      dropped_scenes++;
    }
  if (english(lang))
    for (cJSON *s = scenes->child; s; s = s->next) {
      cJSON *n = cJSON_GetObjectItemCaseSensitive(s, "narration");
      char *c = cJSON_IsString(n) ? sentence_capitals(n->valuestring) : NULL;
      if (c) cJSON_SetValuestring(n, c);
      free(c);
    }
  if (dropped_scenes) {
    int k = 1;
    for (cJSON *s = scenes->child; s; s = s->next, k++) {
      char id[32];
      snprintf(id, sizeof id, "scene_%02d", k);
      if (cJSON_GetObjectItemCaseSensitive(s, "id")) cJSON_ReplaceItemInObjectCaseSensitive(s, "id", cJSON_CreateString(id));
    }
  }
  if (duration > 0 && total < duration) {
    /* too short: stretch scenes (within their max) towards the target */
    double k = duration / (total > 0 ? total : 1), now = 0;
    for (cJSON *s = scenes->child; s; s = s->next) {
      cJSON *mn = cJSON_GetObjectItemCaseSensitive(s, "min_duration");
      cJSON *mx = cJSON_GetObjectItemCaseSensitive(s, "max_duration");
      double est = vgi_scene_seconds(s, lang);
      if (cJSON_IsNumber(mn) && cJSON_IsNumber(mx)) {
        double want = est * k;
        if (want > mx->valuedouble) want = mx->valuedouble;
        if (want > est) {
          cJSON_SetNumberValue(mn, round(want * 10) / 10);
          est = mn->valuedouble;
        }
      }
      now += est;
    }
    total = now;
  }
  const cJSON *src = cJSON_GetObjectItemCaseSensitive(v, "source");
  const char *file = vgi_str(src, "file");
  /* whether a shorter fit lands near the length asked is the caller's to
   * say: it knows what this estimate leaves out */
  if (asked != duration) d = NULL;
  if (duration > 0 && d && (total > duration * 1.15 || total < duration * 0.85)) {
    char a[32], b2[32];
    vgi_diag_add(d, VGI_WARNING, file, 0, 0, "duration",
                 total > duration
                   ? "--duration %s: the video cannot be that short; it runs about %s s (its title, outro and the first sentence of each scene kept)"
                   : "--duration %s: the document says too little for that; the video runs about %s s",
                 vgi_fmt_num(a, sizeof a, duration), vgi_fmt_num(b2, sizeof b2, round(total)));
  } else if (duration > 0 && d && said < duration * 0.85) {
    /* within reach only by holding slides longer than they are said: a
     * document too short for the target is never padded silently */
    char a[32], b2[32], c[32];
    vgi_diag_add(d, VGI_WARNING, file, 0, 0, "duration",
                 "--duration %s: the document says too little for that; it takes about %s s, its slides held longer "
                 "to run about %s s",
                 vgi_fmt_num(a, sizeof a, duration), vgi_fmt_num(c, sizeof c, round(said)),
                 vgi_fmt_num(b2, sizeof b2, round(total)));
  }
  free(fs);
  free(fu);
}

/* A video longer than about ten minutes (or of more than 100 scenes) made
 * by an adapter that allows it becomes parts, each with its own title
 * ("Title (Part 1 of 2)") and outro, cut where a section starts when one is
 * near. */
/* Whether the section that starts at scene s (up to the next scene of
 * srank 3) lasts at most room seconds: a part cut early at a section that
 * would still fit in it left the last part twice as long as the others (an
 * API reference of short entries: a section every slide). Reads no
 * further than room. */
static int section_fits(const cJSON *s, const char *lang, double room) {
  double t = 0;
  for (const cJSON *c = s; c && t <= room; c = c->next) {
    const cJSON *sr = cJSON_GetObjectItemCaseSensitive(c, VGI_SRANK_KEY);
    if (c != s && (!cJSON_IsNumber(sr) || sr->valueint >= 3)) break;   /* (the next section, or the outro) */
    t += vgi_scene_seconds(c, lang);
  }
  return t <= room;
}

static void split_parts(cJSON *model, const vg_limits *lim, vgi_diags *d) {
  const int max_scenes = (int)lim->max_scenes;   /* at least 3 (vg_limits_apply) */
  cJSON *videos = cJSON_GetObjectItemCaseSensitive(model, "videos");
  cJSON *out = cJSON_CreateArray();
  while (videos && videos->child) {
    cJSON *v = cJSON_DetachItemViaPointer(videos, videos->child);
    cJSON *scenes = cJSON_GetObjectItemCaseSensitive(v, "scenes");
    const char *lang = vgi_str(v, "language");
    int n = cJSON_GetArraySize(scenes);
    double total = 0;
    for (cJSON *s = scenes ? scenes->child : NULL; s; s = s->next) total += vgi_scene_seconds(s, lang);
    int parts = 1;
    if (cJSON_GetObjectItemCaseSensitive(v, VGI_PARTS_KEY) && n > 3) {
      if (total > PART_LIMIT) parts = (int)ceil(total / PART_SECONDS);
      int by_count = (n - 2 + max_scenes - 3) / (max_scenes - 2);
      if (by_count > parts) parts = by_count;
      if (parts > n - 2) parts = n - 2;
    }
    cJSON_DeleteItemFromObjectCaseSensitive(v, VGI_PARTS_KEY);
    if (parts <= 1) { cJSON_AddItemToArray(out, v); continue; }
    cJSON *title = cJSON_DetachItemViaPointer(scenes, scenes->child);
    cJSON *outro = cJSON_DetachItemViaPointer(scenes, cJSON_GetArrayItem(scenes, n - 2));
    double body = total - vgi_scene_seconds(title, lang) - vgi_scene_seconds(outro, lang);
    int per_max = max_scenes - 2;
    for (int p = 0; p < parts; p++) {
      cJSON *pv = cJSON_CreateObject();
      for (cJSON *c = v->child; c; c = c->next)
        if (strcmp(c->string, "scenes")) cJSON_AddItemToObject(pv, c->string, cJSON_Duplicate(c, 1));
      vgi_buf pb = {0};
      vgi_buf_printf(&pb, "%s_part%d", vgi_str(v, "id"), p + 1);
      char *pid = vgi_buf_take(&pb);
      cJSON_ReplaceItemInObjectCaseSensitive(pv, "id", cJSON_CreateString(pid));
      free(pid);
      char pn[16], pm_[16];
      snprintf(pn, sizeof pn, "%d", p + 1);
      snprintf(pm_, sizeof pm_, "%d", parts);
      const char *pargs[2] = { pn, pm_ };
      vgi_phrase_put(&pb, lang, "part", pargs, 2);
      char *psub = vgi_buf_take(&pb);
      vgi_buf_printf(&pb, "%s (%s)", vgi_str(v, "title"), psub);
      char *ptitle = vgi_buf_take(&pb);
      cJSON_ReplaceItemInObjectCaseSensitive(pv, "title", cJSON_CreateString(ptitle));
      cJSON *ps = cJSON_AddArrayToObject(pv, "scenes");
      cJSON *t = cJSON_Duplicate(title, 1);
      cJSON *tvc = cJSON_GetObjectItemCaseSensitive(t, "visual_content");
      cJSON_DeleteItemFromObjectCaseSensitive(tvc, "subtitle");
      cJSON_AddStringToObject(tvc, "subtitle", psub);
      /* the title's narration was written for the whole video */
      cJSON *tn = cJSON_GetObjectItemCaseSensitive(t, "narration");
      if (tn) {
        char *tt = vgi_template(t, lang);
        if (tt) cJSON_SetValuestring(tn, tt);
        free(tt);
      }
      free(psub);
      free(ptitle);
      cJSON_AddItemToArray(ps, t);
      /* this part's share of the time left (the parts before may have cut
       * short at a section); cut at a section's start near it */
      double want = body / (parts - p), acc = 0;
      int taken = 0, left_parts = parts - p - 1;
      int left = cJSON_GetArraySize(scenes);   /* counted down: counting the array each time is quadratic */
      while (scenes->child && left > left_parts) {
        cJSON *s = scenes->child;
        double sec = vgi_scene_seconds(s, lang);
        const cJSON *sr = cJSON_GetObjectItemCaseSensitive(s, VGI_SRANK_KEY);
        int section = cJSON_IsNumber(sr) && sr->valueint >= 3;
        /* a cut for time only while what is left fits in the parts after
         * this one, so that no part has more than limits.max_scenes */
        int fits = left <= left_parts * per_max;
        if (left_parts > 0 && taken > 0 &&
            (taken >= per_max ||
             (fits && ((acc + sec > want && (section || acc + sec > want * 1.25)) ||
                       (section && acc > want * 0.8 && !section_fits(s, lang, want - acc))))))
          break;
        cJSON_AddItemToArray(ps, cJSON_DetachItemViaPointer(scenes, s));
        left--;
        acc += sec;
        taken++;
      }
      body -= acc;
      cJSON_AddItemToArray(ps, cJSON_Duplicate(outro, 1));
      int k = 1;
      for (cJSON *s = ps->child; s; s = s->next, k++) {
        char id[32];
        snprintf(id, sizeof id, "scene_%02d", k);
        cJSON_ReplaceItemInObjectCaseSensitive(s, "id", cJSON_CreateString(id));
      }
      cJSON_AddItemToArray(out, pv);
    }
    if (d) {
      const cJSON *src = cJSON_GetObjectItemCaseSensitive(v, "source");
      char a[32];
      vgi_diag_add(d, VGI_WARNING, vgi_str(src, "file"), 0, 0, NULL,
                   "about %s minutes in %d scenes: split into %d parts", vgi_fmt_num(a, sizeof a, round(total / 60)),
                   n, parts);
    }
    cJSON_Delete(title);
    cJSON_Delete(outro);
    cJSON_Delete(v);
  }
  while (out->child) cJSON_AddItemToArray(videos, cJSON_DetachItemViaPointer(out, out->child));
  cJSON_Delete(out);
}

/* A document's list shows headlines: an item of more than about twelve
 * words is shown by its headline (the narration, written before, says
 * more of it). Scenes of a Markdown document only: a YAML document's items
 * are shown as written. A title's subtitle of more than sixteen words is
 * shown the same way. */
/* Words of an item as a reader takes them: Chinese and Japanese have no
 * spaces, so a run of their characters counts about a word per two. */
static int reading_words(const char *s) {
  int words = vgi_word_count(s), cjk = 0;
  size_t len = strlen(s), k;
  for (size_t i = 0; i < len; i += k) {
    unsigned cp = vg_utf8_decode(s, len, i, &k);
    if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF)) cjk++;
  }
  return words + cjk / 2;
}

/* An item that a list written as one sentence left with the mark that
 * joins it to the next ("FontConfig for font discovery,", "Has a significant
 * impact on the codebase, or", "…(contains no top-level await); and") is
 * shown without it: a bullet ends as a phrase does. In place. */
static void joining_end_out(char *t) {
  static const char *const links[] = { "and", "or", "but", "und", "oder", "et", "ou", "y", "o", NULL };
  size_t l = strlen(t);
  while (l && t[l - 1] == ' ') t[--l] = 0;
  size_t w = l;
  while (w && t[w - 1] != ' ') w--;
  /* a joining word after a comma or a semicolon */
  if (w >= 2 && (t[w - 2] == ',' || t[w - 2] == ';') && word_of(links, t + w, l - w)) {
    l = w - 1;
    t[l] = 0;
  }
  while (l && (t[l - 1] == ',' || t[l - 1] == ';' || t[l - 1] == ' ')) t[--l] = 0;
}

/* A bare URL that ends a bullet on its own, after the bullet's sentence
 * ("Get it included in the Store. https://www.example.org/…/certs/") or in
 * a bracket ("The wiki (https://…)"): the slide shows the words, as the
 * voice says them. In place. */
static void trailing_url_out(char *t) {
  size_t l = strlen(t);
  while (l && t[l - 1] == ' ') l--;
  size_t w = l;
  while (w && t[w - 1] != ' ') w--;
  if (!w || w == l) return;
  const char *u = t + w;
  int bracket = *u == '(' && t[l - 1] == ')';
  if (bracket) u++;
  if (!strstr(u, "://") && strncmp(u, "www.", 4)) return;
  if (memchr(u, ' ', (size_t)(t + l - u))) return;
  size_t e = w;
  while (e && t[e - 1] == ' ') e--;
  if (!e || (!bracket && !strchr(".:!?", t[e - 1]))) return;
  if (t[e - 1] == ':') e--;   /* "Homepage: <url>" keeps no colon at its end */
  if (vgi_word_count(t) - 1 < 2) return;
  t[e] = 0;
}

/* An item that is only a web address ("https://www.gtk.org/", a link whose
 * text is its address) is shown by its site, "gtk.org", as a presenter
 * would name it: the voice never spells it. `full` keeps the path after the
 * host ("github.com/foo/bar"), for items of one site. NULL when t is not
 * one address. */
static char *url_site(const char *t, int full) {
  while (*t == ' ' || *t == '<') t++;
  const char *h = !strncmp(t, "https://", 8) ? t + 8 : !strncmp(t, "http://", 7) ? t + 7
                : !strncmp(t, "ftp://", 6) ? t + 6 : !strncmp(t, "www.", 4) ? t : NULL;
  if (!h) return NULL;
  size_t n = strlen(h);
  while (n && strchr(" >.,;:", h[n - 1])) n--;
  if (!n || memchr(h, ' ', n)) return NULL;
  if (!strncmp(h, "www.", 4)) h += 4, n -= 4;
  size_t host = 0;
  while (host < n && !strchr("/?#", h[host])) host++;
  if (!host || !memchr(h, '.', host)) return NULL;
  size_t e = host;
  if (full) {
    e = n;
    for (size_t i = host; i < n; i++)
      if (h[i] == '?' || h[i] == '#') { e = i; break; }
    if (e - host >= 11 && !strncmp(h + e - 11, "/index.html", 11)) e -= 10;
    while (e > host && h[e - 1] == '/') e--;
  }
  char *s = vgi_strdup(h);
  s[e] = 0;
  /* a port is no part of the site's name */
  char *c = memchr(s, ':', host < e ? host : e);
  if (c && !full) *c = 0;
  return s;
}

/* The list's address-only items shown by their sites (url_site): by the
 * site alone unless two of them name one site, then with their paths. */
static void items_by_site(cJSON *items) {
  int urls = 0, same = 0;
  for (cJSON *it = items ? items->child : NULL; it; it = it->next) {
    cJSON *t = cJSON_IsString(it) ? it : cJSON_GetObjectItemCaseSensitive(it, "title");
    char *a = cJSON_IsString(t) ? url_site(t->valuestring, 0) : NULL;
    if (!a) continue;
    /* (a list is a few dozen items at most: the pairs are few) */
    int k = 0;
    for (cJSON *o = items->child; o != it && !same && k < 64; o = o->next, k++) {
      cJSON *ot = cJSON_IsString(o) ? o : cJSON_GetObjectItemCaseSensitive(o, "title");
      char *b = cJSON_IsString(ot) ? url_site(ot->valuestring, 0) : NULL;
      same = b && !strcmp(a, b);
      free(b);
    }
    urls++;
    free(a);
  }
  for (cJSON *it = urls ? items->child : NULL; it; it = it->next) {
    cJSON *t = cJSON_IsString(it) ? it : cJSON_GetObjectItemCaseSensitive(it, "title");
    char *a = cJSON_IsString(t) ? url_site(t->valuestring, same) : NULL;
    if (a) cJSON_SetValuestring(t, a);
    free(a);
  }
}

/* A list item's nesting level ("level", 0 at the top; -1 for no item). */
static int item_level(const cJSON *it) {
  if (!it) return -1;
  const cJSON *l = cJSON_IsObject(it) ? cJSON_GetObjectItemCaseSensitive(it, "level") : NULL;
  return cJSON_IsNumber(l) ? l->valueint : 0;
}

static void headline_items(cJSON *scenes, int summary) {
  for (cJSON *s = scenes->child; s; s = s->next) {
    const char *ty = vgi_str(s, "scene_type");
    /* a title's subtitle (the paragraph under the H1) is a bullet too */
    cJSON *sub = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "subtitle");
    if (ty && !strcmp(ty, "title") && cJSON_IsString(sub) && vgi_word_count(sub->valuestring) > SHOWN_MAX_WORDS) {
      char *h = vgi_shown_headline(sub->valuestring);
      if (*h) cJSON_SetValuestring(sub, h);
      free(h);
    }
    if (!ty || strcmp(ty, "list")) continue;
    cJSON *items = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "items");
    /* an item that only points elsewhere ("See the file INSTALL for …",
     * "For more details, see the FAQ") shows nothing: it goes while another
     * item stays (an item with details of its own stays) */
    int said = 0;
    for (cJSON *it = items ? items->child : NULL; it; it = it->next) {
      cJSON *t = cJSON_IsString(it) ? it : cJSON_GetObjectItemCaseSensitive(it, "title");
      said += !(cJSON_IsString(t) && pointer_only(t->valuestring));
    }
    for (cJSON *it = items && said ? items->child : NULL, *nx; it; it = nx) {
      nx = it->next;
      cJSON *t = cJSON_IsString(it) ? it : cJSON_GetObjectItemCaseSensitive(it, "title");
      int own = cJSON_IsObject(it) && (cJSON_GetObjectItemCaseSensitive(it, "text") ||
                                       cJSON_GetObjectItemCaseSensitive(it, "items") ||
                                       cJSON_GetObjectItemCaseSensitive(it, "children"));
      /* (nor one whose children follow it, a level deeper: without it they
       * would sit under the item before it) */
      own = own || item_level(nx) > item_level(it);
      if (cJSON_IsString(t) && pointer_only(t->valuestring) && !own) cJSON_Delete(cJSON_DetachItemViaPointer(items, it));
    }
    items_by_site(items);
    for (cJSON *it = items ? items->child : NULL; it; it = it->next) {
      cJSON *t = cJSON_IsString(it) ? it : cJSON_GetObjectItemCaseSensitive(it, "title");
      if (cJSON_IsString(t) && vgi_word_count(t->valuestring) > 1) {
        char *j = vgi_strdup(t->valuestring);
        trailing_url_out(j);
        /* a bare address inside a short item ("distributed by
         * https://github.com/abesto/yq and …") is shown as its host name,
         * as a longer one is (vgi_shown_headline), never raw */
        if (reading_words(j) <= 14) address_out(j, 0);
        joining_end_out(j);
        if (*j && strcmp(j, t->valuestring)) cJSON_SetValuestring(t, j);
        free(j);
      }
      /* a term's description (an option's paragraph under "-s --small")
       * is shown in a summary as its headline, which is what the voice
       * says of it: a slide of three options was three paragraphs */
      cJSON *d = cJSON_IsObject(it) ? cJSON_GetObjectItemCaseSensitive(it, "description") : NULL;
      if (summary && cJSON_IsString(d) && reading_words(d->valuestring) > 14) {
        char *h = vgi_shown_headline(d->valuestring);
        if (*h) cJSON_SetValuestring(d, h);
        free(h);
      }
      if (!cJSON_IsString(t) || reading_words(t->valuestring) <= 14) continue;
      char *h = vgi_shown_headline(t->valuestring);
      if (*h) cJSON_SetValuestring(t, h);
      free(h);
    }
  }
}

/* ---- commands and identifiers in speech ---------------------------------- */

/* A command-line option ("-j", "--prefix=/usr/local"), without the quotes
 * and brackets around it. */
static int option_word(const char *w, size_t n) {
  while (n && strchr("\"'(`", *w)) w++, n--;
  if (n >= 2 && w[0] == '-' && isalpha((unsigned char)w[1])) return 1;
  /* git's "--[no-]recurse-submodules": the option and its negation */
  if (n >= 8 && !strncmp(w, "--[no-]", 7) && isalpha((unsigned char)w[7])) return 1;
  return n >= 3 && w[0] == '-' && w[1] == '-' && isalpha((unsigned char)w[2]);
}

/* Whether word i of t is a build tool's target after its program and
 * subcommand, run by the words before ("by executing: buck build
 * programs:zstd", "run bazel test //lib:all"): a command line, as an
 * option tells one. */
static int strpbrk_n_any(const char *w, size_t n, const char *set);
static int prose_word(const char *w, size_t n);
static int build_target(const char *t, const size_t *ws, const size_t *we, int n, int i) {
  if (i < 2 || i >= n) return 0;
  const char *w = t + ws[i];
  size_t wl = we[i] - ws[i];
  while (wl && strchr(".,;!?)`'\"", w[wl - 1])) wl--;
  while (wl && *w == '/') w++, wl--;
  const char *c = memchr(w, ':', wl);
  if (!c || c == w || c + 1 >= w + wl || c[1] == ':' || c[1] == '/' || memchr(c + 1, ':', (size_t)(w + wl - c - 1)))
    return 0;
  if (!isalpha((unsigned char)c[1]) || !(isalnum((unsigned char)c[-1]) || c[-1] == '.')) return 0;
  for (const char *q = w; q < w + wl; q++)
    if (isupper((unsigned char)*q) || (!isalnum((unsigned char)*q) && !strchr(":/_-.+", *q))) return 0;
  /* the program and its subcommand before it, in lower case, then a verb
   * that runs them or a colon */
  for (int j = i - 1; j >= i - 2; j--) {
    const char *p = t + ws[j];
    size_t pl = we[j] - ws[j];
    if (strpbrk_n_any(p, pl, ".,;:!?()\"'") || prose_word(p, pl)) return 0;
  }
  if (i < 3) return 1;
  const char *v = t + ws[i - 3];
  size_t vl = we[i - 3] - ws[i - 3];
  static const char *const runs[] = { "run", "running", "execute", "executing", "type", "typing", "invoke",
                                      "invoking", "use", "using", "with", "via", NULL };
  if (v[vl - 1] == ':') return 1;
  for (int q = 0; runs[q]; q++)
    if (strlen(runs[q]) == vl && !strncasecmp(v, runs[q], vl)) return 1;
  return 0;
}

/* Whether word i of t is a digit option with its long form after it
 * ("-0, --null" in xargs.1, "-?, --help" in man.1): "-1" alone may be a
 * number ("-1 on error"), so only so. */
static int digit_form(const char *t, const size_t *ws, const size_t *we, int n, int i) {
  const char *w = t + ws[i];
  return we[i] - ws[i] == 3 && w[0] == '-' && (isdigit((unsigned char)w[1]) || w[1] == '?') && w[2] == ',' &&
         i + 1 < n &&
         we[i + 1] - ws[i + 1] >= 3 && t[ws[i + 1]] == '-' && t[ws[i + 1] + 1] == '-' &&
         isalpha((unsigned char)t[ws[i + 1] + 2]);
}

/* Whether one of the bytes of set is among w[0..n). */
static int strpbrk_n_any(const char *w, size_t n, const char *set) {
  for (size_t i = 0; i < n; i++)
    if (strchr(set, w[i])) return 1;
  return 0;
}

/* The name of an option word ("--no-cache=1" -> "no-cache", "(-R" -> "R"),
 * its length at *n. */
/* Where an option word's name starts: after its dashes and the quote or
 * bracket before it, and after git's "[no-]" ("--[no-]edit" is the edit
 * option). */
static const char *option_start(const char *w) {
  while (*w == '"' || *w == '\'' || *w == '(' || *w == '`' || *w == '-') w++;
  return strncmp(w, "[no-]", 5) ? w : w + 5;
}

static const char *option_name(const char *w, size_t wl, size_t *n) {
  const char *e = w + wl;
  while (w < e && strchr("\"'(`-", *w)) w++;
  if (e - w > 5 && !strncmp(w, "[no-]", 5)) w += 5;
  const char *a = w;
  while (w < e && (isalnum((unsigned char)*w) || *w == '-' || *w == '_')) w++;
  *n = (size_t)(w - a);
  return a;
}

/* Words a command line stops at, or that come before one ("Run …", "the"). */
static int prose_word(const char *w, size_t n) {
  static const char *const words[] = { "to", "for", "with", "in", "on", "and", "or", "if", "when", "so", "then",
    "from", "into", "through", "as", "at", "by", "which", "that", "the", "a", "an", "run", "use", "type", "execute", "call",
    "try", "enter", "invoke", "pass", "add", "set", "using", "via", "is", "are", "will", "can", "you", "it",
    "this", "option", "options", "flag", "flags", "command", "commands", "e.g.", "i.e.", "like", "such", "of",
    "und", "oder", "mit", "für", "um", "zu", "mit", "et", "ou", "avec", "pour", "y", "o", "con", "para", "e",
    "per", "en", "de", "die", "der", "das", "le", "la", "el", NULL };
  while (n && strchr(".,;:!?)\"'`", w[n - 1])) n--;
  while (n && strchr("\"'(`", *w)) w++, n--;
  if (!n) return 1;
  for (int i = 0; words[i]; i++)
    if (strlen(words[i]) == n && !strncasecmp(w, words[i], n)) return 1;
  /* a word of the prose: capitalised, or not ASCII (another script) */
  if (isupper((unsigned char)w[0]) || ((unsigned char)w[0] & 0x80)) return 1;
  return 0;
}

/* Whether the text after a command line or an option (rest) goes on with
 * what it is, a/b/c or its plural ("the --width option", "the make
 * command"): then that word names it, not one added. pl: punctuation after
 * the last word of the command (then nothing goes on). */
static int said_next(const char *rest, size_t pl, const char *a, const char *b, const char *c) {
  if (pl || *rest != ' ') return 0;
  while (*rest == ' ') rest++;
  /* (a kind between: "the -x command-line option", "--y configure flag") */
  static const char *const kinds[] = { "command-line", "commandline", "compiler", "linker", "configure",
                                       "configuration", "build", "runtime", "meson", "cmake", "cli", NULL };
  size_t kl = strcspn(rest, " ");
  if (rest[kl] == ' ' && word_of(kinds, rest, kl))
    for (rest += kl; *rest == ' '; rest++) {}
  size_t n = 0;
  while (isalpha((unsigned char)rest[n])) n++;
  const char *names[] = { a, b, c };
  for (int i = 0; i < 3; i++) {
    size_t l = names[i] ? strlen(names[i]) : 0;
    if (!l || n < l || strncasecmp(rest, names[i], l)) continue;
    if (n == l || (n == l + 1 && rest[l] == 's') || (n == l + 2 && !strncmp(rest + l, "es", 2))) return 1;
  }
  return 0;
}

/* The words of t between spaces: their starts and ends, at most max. */
/* A presenter does not read a command line out ("Run make install
 * --prefix=/usr/local to install it"): the slide shows it, the voice says
 * what it is ("Run the make install command to install it"; "Pass the
 * verbose option"). A command is told by its options; a sentence without
 * one is left as it is. In place. */
/* A word after the option of a man page's term that is its placeholder
 * written otherwise than in lower case letters: "FILE", "complete-archive",
 * "[prefix]", "<dir>", "part...", and another language's ("Verzeichnis",
 * "FICHIER", "[Präfix]", "ФАЙЛ"): letters, with "-", "_" or "|" inside, in one
 * case (or with a capital first outside English, whose nouns may have one),
 * at most 20 letters. */
static int term_placeholder(const char *w, size_t wl, const char *lang) {
  while (wl && strchr("[<{", *w)) w++, wl--;
  for (;;) {
    if (wl && strchr("]>},|.", w[wl - 1])) wl--;
    else if (wl >= 3 && !memcmp(w + wl - 3, "\xE2\x80\xA6", 3)) wl -= 3;   /* … */
    else break;
  }
  /* a run of Chinese, Japanese or Korean that holds a sentence's stop or
   * comma, or is longer than a name (unspaced text is one "word"), is prose:
   * "'-r -s' の後に指定した数値が…加算される。" was the term "'-r -s'" and its
   * placeholders to the end, said "これらのオプション" alone */
  int cjk = 0;
  for (size_t i = 0; i + 3 <= wl; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c < 0xE3 || c > 0xED) continue;
    if (vgi_wide_stop(w + i) || !memcmp(w + i, "\xE3\x80\x81", 3) || !memcmp(w + i, "\xEF\xBC\x8C", 3)) return 0;   /* 、， */
    if (++cjk > 8) return 0;
    i += 2;
  }
  int lower = 0, upper = 0, inner_upper = 0, letters = 0;
  for (size_t i = 0; i < wl; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c >= 0x80) {   /* a letter of another alphabet: counted, its case not told */
      letters += (c & 0xC0) != 0x80;
      continue;
    }
    if (isalpha(c)) {
      letters++;
      if (isupper(c)) upper++, inner_upper |= i > 0 && !strchr("-_|", w[i - 1]);
      else lower++;
      continue;
    }
    if ((c == '-' || c == '_' || c == '|') && i && i + 1 < wl) continue;
    return 0;
  }
  if (!letters || letters > 40) return 0;
  /* ("Archiv|Verzeichnis", "Steuer-Dateiname": a capital to each part) */
  return !upper || !lower || (!inner_upper && !english(lang));
}

/* Is the word signs only ("...", "…]", "{}", "|")? */
static int syntax_only(const char *w, size_t wl) {
  for (size_t i = 0; i < wl;) {
    if (wl - i >= 3 && !memcmp(w + i, "\xE2\x80\xA6", 3)) i += 3;
    else if (strchr(";,{}+\\.[]|", w[i])) i++;
    else return 0;
  }
  return wl > 0;
}

/* Whether word k of t stands where a clause's subject does: after a
 * conjunction that opens one ("as if -r was used", "unless --force is
 * given"), not after a noun it names ("the key --input will be"). */
static int opens_subject(const char *t, const size_t *ws, const size_t *we, int k) {
  static const char *const conj[] = { "if", "when", "whenever", "unless", "whether", "that", "because", "since",
    "while", "until", "once", "though", "although", NULL };
  return k > 0 && word_of(conj, t + ws[k - 1], we[k - 1] - ws[k - 1]);
}

/* The forms of one option written as alternatives in prose ("use the `-g`
 * (or `--glob`) option", "use `-u`/`--unrestricted`", "--width/-w") are
 * one option: they are left as its long form alone, which is then named
 * ("the glob option"), never "the g (or --glob) option" or, cut at the
 * slash, "the u option". Two options of one kind ("-x/-X", "--foo/--bar")
 * are two and stay. One pass. */
static int short_option(const char *w, size_t n) {
  return n >= 2 && n <= 3 && w[0] == '-' && isalpha((unsigned char)w[1]) && (n == 2 || isalpha((unsigned char)w[2]));
}
static int long_option(const char *w, size_t n) {
  if (n < 4 || w[0] != '-' || w[1] != '-' || !isalpha((unsigned char)w[2])) return 0;
  for (size_t i = 2; i < n; i++)
    if (!isalnum((unsigned char)w[i]) && w[i] != '-' && w[i] != '_') return 0;
  return 1;
}
static char *option_forms_join(char *t) {
  if (!strstr(t, "-")) return t;
  vgi_buf b = {0};
  int changed = 0;
  for (const char *p = t; *p;) {
    if (*p == '-' && (p == t || p[-1] == ' ')) {
      size_t l = strcspn(p, " ");
      const char *sl = memchr(p, '/', l);
      if (sl) {
        /* "-u/--unrestricted", "--width/-w" (and the punctuation after) */
        size_t l1 = (size_t)(sl - p), l2 = l - l1 - 1;
        const char *q = sl + 1;
        while (l2 && strchr(".,;:!?)", q[l2 - 1])) l2--;
        const char *lg = short_option(p, l1) && long_option(q, l2) ? q : long_option(p, l1) && short_option(q, l2) ? p : NULL;
        if (lg) {
          vgi_buf_add(&b, lg, lg == q ? l2 : l1);
          vgi_buf_add(&b, q + l2, (size_t)(p + l - (q + l2)));
          p += l;
          changed = 1;
          continue;
        }
      }
      /* "-g (or --glob)", "-s (--silent)" */
      if (short_option(p, l) && p[l] == ' ' && p[l + 1] == '(') {
        const char *q = p + l + 2;
        if (!strncmp(q, "or ", 3)) q += 3;
        size_t l2 = strcspn(q, " )");
        if (q[l2] == ')' && long_option(q, l2)) {
          vgi_buf_add(&b, q, l2);
          p = q + l2 + 1;
          changed = 1;
          continue;
        }
      }
    }
    vgi_buf_add(&b, p, 1);
    p++;
  }
  if (!changed) {
    vgi_buf_free(&b);
    return t;
  }
  free(t);
  return vgi_buf_take(&b);
}

/* An option that opens a definition, named ("--query  Returns one of …" is
 * "The query option Returns one of …"): its description follows after a
 * colon, "The query option: Returns one of …". Takes t; caller frees. */
static char *definition_colon(char *t) {
  vgi_buf b = {0};
  const char *from = t;
  for (const char *s = t; s && *s;) {
    const char *at = !strncmp(s, "The ", 4) || !strncmp(s, "the ", 4) ? s + 4 : NULL, *e = at;
    while (e && (isalnum((unsigned char)*e) || *e == '-' || *e == '_')) e++;
    if (e && e > at && !strncmp(e, " option ", 8) && isupper((unsigned char)e[8]) && islower((unsigned char)e[9])) {
      vgi_buf_add(&b, from, (size_t)(e + 7 - from));
      vgi_buf_puts(&b, ":");
      from = e + 7;
    }
    const char *n = strstr(s, ". ");   /* the next sentence */
    s = n ? n + 2 : NULL;
  }
  if (!b.s) return t;
  vgi_buf_puts(&b, from);
  free(t);
  return vgi_buf_take(&b);
}

/* The closing brackets at the start of tail (the marks after a command
 * line's last word) that close a bracket opened inside the command line
 * [from, to): its own ("--color=(when)"), not the prose's, taken out. In
 * place. */
static void tail_brackets_out(char *tail, const char *from, const char *to) {
  int open = 0;
  for (const char *q = from; q < to; q++) open += *q == '(' ? 1 : *q == ')' && open ? -1 : 0;
  for (char *qc = tail; *qc && open;) {
    if (*qc == ')') memmove(qc, qc + 1, strlen(qc)), open--;
    else qc++;
  }
}

static char *command_out(char *t, const char *lang) {
  t = option_forms_join(t);
  size_t from = 0;   /* where to look for the next option: a short command before it stays */
  for (int guard = 0; guard < 16; guard++) {
    size_t ws[128], we[128];
    int n = vgi_split_words(t, ws, we, 128);
    int k = -1;
    for (int i = 0; i < n && k < 0; i++)
      if (ws[i] >= from && (option_word(t + ws[i], we[i] - ws[i]) || digit_form(t, ws, we, n, i) ||
                            build_target(t, ws, we, n, i)))
        k = i;
    if (k < 0) return t;
    /* an option in a short bracket ("optimization (-Db_lto=true meson
     * option)") is an aside: the bracket goes */
    if (t[ws[k]] == '(') {
      int c = k;
      while (c < n && c < k + 4 && !memchr(t + ws[c], ')', we[c] - ws[c])) c++;
      if (c < n && c < k + 4) {
        size_t from_ = ws[k], to = (size_t)((const char *)memchr(t + ws[c], ')', we[c] - ws[c]) - t) + 1;
        /* one that is its clause's subject ("as if (-r) was used") is no
         * aside: without it "as if was used"; it is named */
        if (c == k && english(lang) && to == we[k] && c + 1 < n && opens_subject(t, ws, we, k) &&
            word_of(subject_verbs, t + ws[c + 1], we[c + 1] - ws[c + 1])) {
          size_t nl;
          const char *nm = option_name(t + ws[k], we[k] - ws[k], &nl);
          char named[80];
          int l = snprintf(named, sizeof named, "the %.*s option", (int)nl, nm);
          if (nl && l > 0 && (size_t)l < sizeof named) {
            vgi_buf b = {0};
            vgi_buf_add(&b, t, from_);
            vgi_buf_puts(&b, named);
            vgi_buf_puts(&b, t + to);
            free(t);
            t = vgi_buf_take(&b);
            from = from_ + (size_t)l;
            continue;
          }
        }
        while (from_ > 0 && t[from_ - 1] == ' ') from_--;
        memmove(t + from_, t + to, strlen(t + to) + 1);
        continue;
      }
    }
    /* back over the program and its subcommand ("make install"), at most
     * three words, when a verb that runs it comes before ("Run make
     * install --prefix=…", "Use vgrun create --resolution …") */
    int a = k;
    while (a > 0 && k - a < 3 && !(a < k && strchr("(\"'`", t[ws[a]]))) {   /* "(xz -d": it opens there */
      const char *w = t + ws[a - 1];
      size_t wl = we[a - 1] - ws[a - 1];
      /* ("find . -iregex x", "cmake .. -G Ninja": a folder, not a full stop) */
      int folder = (wl == 1 || wl == 2) && !strncmp(w, "..", wl) && a - 1 > 0;
      if (!folder && (strchr(".,;:!?()", w[wl - 1]) || prose_word(w, wl) || (wl == 1 && strchr("$#%|", *w)))) break;
      a--;
    }
    int prompt = 0;   /* a shell's prompt before the program ("$ find . -type f"): not said */
    if (a < k) {
      static const char *const verbs[] = { "run", "use", "type", "execute", "call", "invoke", "try", "enter",
                                           "with", "via", "using", "then", "of", "through", "into", NULL };
      int ok = a == 0 && k - a < 3;   /* the text is the command line */
      if (a > 0) {
        const char *w = t + ws[a - 1];
        size_t wl = we[a - 1] - ws[a - 1];
        for (int q = 0; verbs[q]; q++) ok |= strlen(verbs[q]) == wl && !strncasecmp(w, verbs[q], wl);
        /* a command line shown on its own (a man page's display, run into
         * the prose): after a prompt, or where a clause starts ("can be
         * used: ssh-keygen -lv -f …", "… video. ffmpeg -i foo.avi …") */
        prompt = wl == 1 && strchr("$#%", *w);
        ok |= prompt || (wl == 1 && *w == '|') || (wl > 1 && strchr(".:;", w[wl - 1]));
        /* (or after the dash that sets a pair's command apart: "Windows —
         * winget install --id FiloSottile.age" is the winget install
         * command, never "winget install the id option …") */
        ok |= (wl == 3 && (!strncmp(w, "\xE2\x80\x94", 3) || !strncmp(w, "\xE2\x80\x93", 3))) || (wl == 1 && *w == '-');
      }
      if (!ok) a = k;
    }
    /* on over options and their values ("--resolution 1080x1920 doc.md"),
     * to a word of the prose or a word that ends the clause */
    int z = k;
    int placeholder = 0;   /* a value in capitals taken with the option: it is named, not read */
    size_t kl, nl_;
    const char *kn = option_name(t + ws[k], we[k] - ws[k], &kl);
    while (z + 1 < n) {
      const char *w = t + ws[z];
      size_t wl = we[z] - ws[z];
      const char *nx = t + ws[z + 1];
      size_t nl = we[z + 1] - ws[z + 1];
      /* the forms of one option in a row ("-R port:host, -R socket"): one option */
      const char *nn = option_word(nx, nl) ? option_name(nx, nl, &nl_) : NULL;
      int same = nn && nl_ == kl && !memcmp(nn, kn, kl);
      /* a short form and its long one, apart by a comma ("-V, --version",
       * "-o logfile, --output-file=logfile", a man page's term): one option */
      if (nn && nl > 2 && nx[0] == '-' && nx[1] == '-') {
        int lo = z;
        while (lo > k && !option_word(t + ws[lo], we[lo] - ws[lo])) lo--;
        const char *ow = t + ws[lo];
        while (*ow == '"' || *ow == '\'' || *ow == '(' || *ow == '`') ow++;
        same |= z - lo < 2 && ow[0] == '-' && ow[1] != '-';
      }
      /* a long form and its short one after it ("--delimiter=delim, -d
       * delim"): one option */
      if (nn && nx[0] == '-' && nx[1] != '-' && w[wl - 1] == ',') {
        int lo = z;
        while (lo > k && !option_word(t + ws[lo], we[lo] - ws[lo])) lo--;
        /* (the first of the span: after "-A acclist --accept acclist," a
         * "-R" is another option) */
        same |= lo == k && z - lo < 2 && t[ws[lo]] == '-' && t[ws[lo] + 1] == '-';
        /* two short forms before their long one ("-S list, -s list,
         * --sections=list") */
        int j = z + 2;
        if (j < n && !option_word(t + ws[j], we[j] - ws[j]) && t[we[j] - 1] == ',') j++;
        same |= z - lo < 2 && j < n && t[ws[j]] == '-' && t[ws[j] + 1] == '-' && t[we[j - 1] - 1] == ',';
      }
      /* ("yq -y . < in.json": a lone "." before more of the line is a folder) */
      int folder = z > k && shell_word(w, wl) && (islower((unsigned char)*nx) || shell_word(nx, nl));
      if (strchr(".,;:!?)", w[wl - 1]) && !(w[wl - 1] == ',' && same) && !folder) break;
      /* a bracket after an option ("--max-lines (-L, -l)") is an aside of
       * its own, taken out when the loop comes to it */
      if (*nx == '(') break;
      if (nl == 1 && strchr("$#%", *nx)) break;   /* the prompt of the next command line */
      int value = shell_word(nx, nl);   /* (a redirection: the line goes on, "> out.yml") */
      for (size_t q = 0; q < nl; q++) value |= strchr("=/.{}\"'0123456789", nx[q]) != NULL;
      /* a placeholder in capitals after an option ("--connect-to
       * HOST1:PORT1:HOST2:PORT2", "-o FILE") is its value, not prose */
      int caps = option_word(w, wl) && nl >= 2 && w[wl - 1] != ',';
      /* (its optional parts in brackets: "--height HEIGHT[%]") */
      size_t cl = nl;
      while (cl && strchr(".,;:)", nx[cl - 1])) cl--;
      for (size_t q = 0; q < cl && caps; q++)
        caps = isupper((unsigned char)nx[q]) || isdigit((unsigned char)nx[q]) || strchr("_:-", nx[q]) ||
               (q > 1 && strchr("[]%=<>|", nx[q]));
      caps = caps && isupper((unsigned char)nx[1]);
      /* (a placeholder in angle brackets, of any case: "--shell <SHELL>",
       * "--prepare <cmd>") */
      if (option_word(w, wl) && w[wl - 1] != ',' && cl >= 3 && nx[0] == '<' && nx[cl - 1] == '>') {
        int name = 1;
        for (size_t q = 1; q + 1 < cl && name; q++) name = isalnum((unsigned char)nx[q]) || strchr("_-", nx[q]);
        caps |= name;
      }
      /* (and another language's placeholder in a man page's term, which
       * prose_word takes for prose: "-C Datei, --config-file=Datei",
       * "-s Liste, --sections=Liste", "-f Datei") */
      if (!caps && k == 0 && !english(lang) && option_word(w, wl) && w[wl - 1] != ',') {
        size_t pl_ = nl - (nx[nl - 1] == ',');
        caps = term_placeholder(nx, pl_, lang) &&
               (z + 2 >= n || (pl_ < nl && option_word(t + ws[z + 2], we[z + 2] - ws[z + 2])));
      }
      placeholder |= caps;
      /* (a capitalised name with a dot inside after an option is its value,
       * a package's id: "--id FiloSottile.age", not the prose's) */
      int dotted = 0;
      for (size_t q = 1; q + 1 < cl && option_word(w, wl) && w[wl - 1] != ','; q++)
        dotted |= nx[q] == '.' && isalnum((unsigned char)nx[q - 1]) && isalnum((unsigned char)nx[q + 1]);
      if (!option_word(nx, nl) && !shell_word(nx, nl) && ((prose_word(nx, nl) && !caps && !dotted) ||
                                                          (!value && memchr(w, '=', wl))))
        break;
      /* a bare word ("install", "generates") is the command's only when it
       * ends the clause or more of the command follows it: "make -j4
       * install." / "./configure --debug | generates two binaries" */
      /* (a word after an option's placeholder is the prose's: "--cleanup
       * <cmd> apply.") */
      if (!option_word(nx, nl) && islower((unsigned char)*nx) && !strpbrk_n_any(nx, nl, "=/{}\"'<") && wl >= 3 &&
          w[0] == '<' && w[wl - 1] == '>')
        break;
      if (!option_word(nx, nl) && !value && !caps && !strchr(".,;:!?)", nx[nl - 1]) && z + 2 < n) {
        const char *n2 = t + ws[z + 2];
        size_t l2 = we[z + 2] - ws[z + 2];
        int v2 = 0;
        for (size_t q = 0; q < l2; q++) v2 |= strchr("=/{}\"'0123456789", n2[q]) != NULL;
        v2 |= shell_word(n2, l2);   /* ("yq -y x < in.json") */
        if (!option_word(n2, l2) && !v2) break;
      }
      z++;
    }
    /* a man page's term that is an option and its placeholders to the
     * end ("-execdir command ;", "-exec command {} +", "-fprintf file
     * format"): the option is named, its arguments and the find syntax
     * after it are not said ("the execdir option command;") */
    int syntax_end = 0;
    if (a == k && k == 0 && z + 1 < n) {
      int words = 0, ok = 1, syn = 0;
      for (int i = z + 1; i < n && ok; i++) {
        const char *w = t + ws[i];
        size_t wl = we[i] - ws[i], lo = 0;
        while (lo < wl && islower((unsigned char)w[lo])) lo++;
        size_t sl = strspn(w, ";,{}+\\.[]|"), il = 0;
        /* (another form of the same option: "-execdir command ;, -execdir
         * command {} +", its placeholders again) */
        const char *in = option_word(w, wl) ? option_name(w, wl, &il) : NULL;
        if (in && il == kl && !memcmp(in, kn, kl)) {
          syn = 0;
          continue;
        }
        if (syntax_only(w, wl)) sl = wl;   /* "Teil …", "…]": the ellipsis is syntax */
        if (!sl || sl < wl) {
          /* (two words are placeholders, "file format", not a
           * description, "keep going"; in any language: "Verzeichnis",
           * "FICHIER", "[Präfix]") */
          ok = (lo == wl ? wl <= 12 : term_placeholder(w, wl, lang)) && !syn && words < 2 &&
               !(wl > 4 && !strncmp(w + wl - 3, "ing", 3));
          words++;
        } else {
          syn = 1;
        }
      }
      if (ok && words >= 1) {
        syntax_end = syn;
        z = n - 1;
      }
    }
    /* a short command is said ("set -o vi", "ls -la"), and an option that
     * names a row or a term ("-k: keep going") */
    size_t span = we[z] - ws[a];
    int valued = 0;
    for (size_t q = ws[a]; q < we[z]; q++) valued |= t[q] == '=' || t[q] == '/';
    /* (a folder given as "." or "..": "find . -name x" is a command line) */
    for (int i = a + 1; i < k; i++) valued |= (we[i] - ws[i] <= 2) && !strncmp(t + ws[i], "..", we[i] - ws[i]);
    /* (and one after the option, or a redirection: "yq -y . < in.json > out.yml"
     * is the yq command, never read out with its signs) */
    for (int i = k + 1; i <= z && a < k; i++) valued |= shell_word(t + ws[i], we[i] - ws[i]);
    /* (or a filter or a key path after the program: "yq -y .Resources.X",
     * "jq -r .name": said as "the yq -y .Resources.X", never "yq the y option") */
    for (int i = a + 1; i <= z && a < k; i++) {
      const char *w = t + ws[i];
      size_t wl = we[i] - ws[i];
      while (wl && strchr(".,;:!?)\"'`", w[wl - 1])) wl--;
      valued |= wl > 1 && *w == '.' && (isalpha((unsigned char)w[1]) || w[1] == '[');
    }
    /* (or a pattern in quotes after the option: "fd -HI '.*[0-9]\\.jpg$'" is
     * no phrase to read out) */
    for (size_t q = we[k]; q < we[z]; q++) valued |= strchr("'\"", t[q]) && strpbrk_n_any(t + q, we[z] - q, "*[$\\^");
    valued |= build_target(t, ws, we, n, k) || (placeholder && z > k);
    /* (an option alone is named: "--disable-manual Don't build …" is said
     * "The disable-manual option: don't build …") */
    /* (and its forms, a man page's term: "-V, --version — display …") */
    /* (or follows one already named: "the accept-regex option, --reject-regex urlregex") */
    int term = a == k && (k == 0 || strchr(".!?:", t[we[k - 1] - 1]) ||
                          (we[k - 1] - ws[k - 1] == 7 && !strncmp(t + ws[k - 1], "option,", 7)));
    /* "the -x, --proxy option": the forms of one option are named too,
     * after "the" ("If no -e, --expression, -f, or --file option" stays) */
    int forms = a == k && z > k && k > 0 && t[we[k] - 1] == ',' &&
                option_word(t + ws[k + 1], we[k + 1] - ws[k + 1]) && we[k - 1] - ws[k - 1] == 3 &&
                !strncasecmp(t + ws[k - 1], "the", 3);
    /* (an option alone that is its clause's subject is named: "as if -r was
     * used" says "the r option", not "minus r") */
    int subject = a == k && z == k && z + 1 < n && english(lang) && isalpha((unsigned char)t[we[k] - 1]) &&
                  opens_subject(t, ws, we, k) && word_of(subject_verbs, t + ws[z + 1], we[z + 1] - ws[z + 1]);
    /* (in English an option in prose without its program is named too: a
     * presenter says "use the glob option", "pass the p and q options",
     * never "minus g" or the letters "p q") */
    /* (not one before a word that may be its value: "set -o vi" stays) */
    /* (a long one that names its item, "--enable-pcp: enable …", too; a
     * short one that names a row, "-k: keep going", stays) */
    int alone = a == k && english(lang) && option_word(t + ws[k], we[k] - ws[k]) &&
                (z > k || k + 1 >= n || strchr(".,;:!?)", t[we[k] - 1]) ||
                 prose_word(t + ws[k + 1], we[k + 1] - ws[k + 1]));
    /* (nor one in quotes, which the sentence names itself: 'the "-g" flag',
     * "'update-ca-certificates -f'"; nor one after a word of a command
     * line, "make CFLAGS=-ggdb -O"; nor one a sentence calls a "command
     * line argument") */
    /* (nor one of a list the sentence gives, "The options -Z, --compress,
     * and …", "refer, -man, -mdoc": named one by one they read as
     * prose; nor one after a program's name, "xcode-select --install") */
    /* (a comma after it that closes a clause, not a list: "Combining SSH
     * key support and -R, you can …" names the R option; "-Z, --compress"
     * and "-a, and -b" are lists) */
    int clause_comma = 0;
    if (alone && k + 1 < n && t[we[k] - 1] == ',' && !strpbrk_n_any(t + ws[k], we[k] - ws[k] - 1, "\"'`,")) {
      const char *nw = t + ws[k + 1];
      size_t nl = we[k + 1] - ws[k + 1];
      static const char *const conj[] = { "and", "or", "nor", NULL };
      clause_comma = !option_word(nw, nl) && !word_of(conj, nw, nl) && isalpha((unsigned char)*nw);
    }
    if (alone && ((!clause_comma && strpbrk_n_any(t + ws[k], we[k] - ws[k], "\"'`,")) ||
                  (k > 0 && (strpbrk_n_any(t + ws[k - 1], we[k - 1] - ws[k - 1], "=/\"'`<>-._,") ||
                             !isalpha((unsigned char)t[ws[k - 1]]))) ||
                  said_next(t + we[k], 0, "command", "argument", "parameter") ||
                  said_next(t + we[k], 0, "mode", NULL, NULL)))
      alone = 0;
    static const char *const plurals[] = { "options", "flags", "switches", NULL };
    if (alone && k > 0 && word_of(plurals, t + ws[k - 1], we[k - 1] - ws[k - 1])) alone = 0;
    /* (the last of such a list: ", and --uncompress") */
    if (alone && k > 1 && t[we[k - 2] - 1] == ',' && option_word(t + ws[k - 2], we[k - 2] - ws[k - 2] - 1) && word_of((const char *const[]){ "and", "or", NULL }, t + ws[k - 1], we[k - 1] - ws[k - 1]))
      alone = 0;
    /* (nor a short one with a bare word taken after it, which may be its
     * value: "-o vi"; after a long one without a value it is the prose's:
     * "use --hidden instead.") */
    for (int i = k + 1; alone && i <= z; i++) {
      const char *w = t + ws[i];
      size_t wl = we[i] - ws[i];
      if (option_word(w, wl) || strpbrk_n_any(w, wl, "=/{}<0123456789") || !islower((unsigned char)*w)) continue;
      if (t[ws[k]] == '-' && t[ws[k] + 1] == '-' && !memchr(t + ws[k], '=', we[k] - ws[k]) && i == k + 1) z = k;
      else alone = 0;
    }
    /* (nor one after a noun it names: "the key --input will be rejected") */
    static const char *const arts[] = { "the", "a", "an", "this", "that", "its", "their", "each", NULL };
    if (alone && k >= 2 && word_of(arts, t + ws[k - 2], we[k - 2] - ws[k - 2]) &&
        isalpha((unsigned char)t[we[k - 1] - 1]) && !prose_word(t + ws[k - 1], we[k - 1] - ws[k - 1]) &&
        !said_next(t + we[k], strchr(".,;:!?)", t[we[k] - 1]) != NULL, "option", "flag", "switch"))
      alone = 0;
    if ((!term && !forms && !subject && !alone && z - a + 1 < 4 && !valued && span <= 24) ||
        (a == k && z == k && t[we[k] - 1] == ':' && !(alone && t[ws[k] + 1] == '-'))) {
      from = we[z];
      continue;
    }
    /* the punctuation after the last word stays */
    const char *lw = t + ws[z];
    size_t ll = we[z] - ws[z], pl = 0;
    while (pl < ll && strchr(".,;:!?)\"'`", lw[ll - 1 - pl])) pl++;
    char tail[16];
    /* (the term's syntax said as its end: "the exec option.") */
    if (syntax_end) snprintf(tail, sizeof tail, ".");
    else snprintf(tail, sizeof tail, "%.*s", (int)(pl < 15 ? pl : 15), lw + ll - pl);
    /* a command line in quotes ('run "./configure --help" to see') is
     * named without them: its closing quote goes with its opening one */
    if (strchr("\"'`", t[ws[a]])) {
      char *qc = strchr(tail, t[ws[a]]);
      if (qc) memmove(qc, qc + 1, strlen(qc));
    }
    /* (and one closing an argument's quote: "find . -iregex '.*\.jpg$':"
     * is "the find command:", not "the find command':") */
    for (char *qc = tail; *qc;) {
      size_t before = (size_t)(lw + ll - pl - (t + ws[a]));
      if (strchr("\"'`", *qc) && memchr(t + ws[a] + 1, *qc, before > 0 ? before - 1 : 0)) memmove(qc, qc + 1, strlen(qc));
      else qc++;
    }
    /* (and one closing a bracket the command line opened, its value's:
     * "--colo[u]r=(when)" is "the colour option", never "the colour
     * option)") */
    tail_brackets_out(tail, t + ws[a], lw + ll - pl);
    vgi_buf b = {0};
    {
      /* "by executing: the buck build command": the colon that set the
       * command line apart goes with it */
      size_t pre = ws[a - prompt], e = pre;
      while (e && t[e - 1] == ' ') e--;
      size_t vb = e;
      while (vb && t[vb - 1] != ' ') vb--;
      static const char *const ran[] = { "run", "running", "execute", "executing", "type", "typing", NULL };
      if (a > prompt && e && t[e - 1] == ':' && word_of(ran, t + vb, e - vb)) {
        vgi_buf_add(&b, t, e - 1);
        vgi_buf_add(&b, t + e, pre - e);
      } else {
        vgi_buf_add(&b, t, pre);
      }
    }
    /* "the make install command", "the c option" (after "the" already there:
     * "add the `-c x=y` flag" was said "add the the c option flag") */
    int the = a > 0 && we[a - 1] - ws[a - 1] == 3 && !strncasecmp(t + ws[a - 1], "the", 3);
    /* "the new -x option", "a -x flag": a determiner or an adjective after
     * one is there already ("the new the x option") */
    static const char *const dets[] = { "a", "an", "this", "that", "its", "their", "each", "any", "no", "new",
                                        "same", "following", NULL };
    the |= a > 0 && word_of(dets, t + ws[a - 1], we[a - 1] - ws[a - 1]);
    /* "The configuration option --enable-x", "meson option -Dvalgrind=true":
     * the sentence names it an option before it; said by its name alone
     * ("the configuration option the enable-x option" named it twice) */
    static const char *const nouns[] = { "option", "flag", "switch", NULL };
    int noun_before = a == k && a > 0 && isalpha((unsigned char)t[we[a - 1] - 1]) &&   /* ("the x option, -R …": another) */
                      word_of(nouns, t + ws[a - 1], we[a - 1] - ws[a - 1]);
    /* another language says them with its own words ("die Option ratio"):
     * the name is built in nb, then put into the phrase */
    int own = !english(lang);
    vgi_buf nb = {0}, *out = &b;
    const char *phrase = NULL;
    if (own) { the = 1; out = &nb; }
    if (a < k) {
      phrase = "cmd_named";
      if (!the) vgi_buf_puts(&b, "the ");
      for (int i = a; i < k; i++) {
        const char *w = t + ws[i];
        size_t wl = we[i] - ws[i];
        while (wl && strchr("\"'(`", *w)) w++, wl--;
        /* a program named by its path ("./configure", "tools/test.py") is
         * said by its name, which the path's removal would leave out */
        for (size_t q = wl; q-- > 0;)
          if (w[q] == '/') { wl -= q + 1; w += q + 1; break; }
        /* after the program, an argument is no subcommand: "find /tmp
         * -name core" is the find command */
        if (i > a && (w != t + ws[i] || strpbrk_n_any(w, wl, "./0123456789\"'*[{"))) break;
        if (i > a) vgi_buf_puts(out, " ");
        vgi_buf_add(out, w, wl);
      }
      if (!own && !said_next(t + we[z], pl, "command", NULL, NULL)) vgi_buf_puts(&b, " command");
    } else {
      /* options of other names; the forms of one option are one */
      int opts = 1;
      for (int i = k + 1; i <= z; i++) {
        size_t il;
        const char *in = option_word(t + ws[i], we[i] - ws[i]) ? option_name(t + ws[i], we[i] - ws[i], &il) : NULL;
        opts += in && !(il == kl && !memcmp(in, kn, kl));
      }
      /* a short option followed by its long names alone ("-c --stdout
       * --to-stdout", a man page's term) is one option, said by the first
       * long name */
      int named = k;
      if (opts > 1 && z > k && we[k] - ws[k] == 2 && t[ws[k]] == '-' && t[ws[k] + 1] != '-') {
        int longs = 1;
        for (int i = k + 1; i <= z && longs; i++) {
          const char *w = t + ws[i];
          size_t wl = we[i] - ws[i];
          while (wl && strchr(".,;:!?)", w[wl - 1])) wl--;
          longs = wl > 3 && w[0] == '-' && w[1] == '-' && !memchr(w, '=', wl) && option_word(w, wl);
        }
        if (longs) { named = k + 1; opts = 1; }
      }
      /* the options apart, each by its long name when a short form comes
       * first ("-A acclist --accept acclist" is the accept option): up to
       * three are named, "the accept and reject options" */
      int on[3], og = 0;
      if (opts > 1) {
        int fresh = 0;   /* the last one is a short form without its long name yet */
        int lone = -1;   /* the word of the last long form named without a short one */
        for (int i = k; i <= z && og <= 3; i++) {
          size_t il;
          const char *iw = t + ws[i];
          if (!option_word(iw, we[i] - ws[i])) continue;
          const char *in = option_name(iw, we[i] - ws[i], &il);
          int lng = in - iw >= 2 && in[-1] == '-' && in[-2] == '-';
          if (og && fresh && lng) { on[og - 1] = i; fresh = 0; continue; }
          /* two short forms before their long one ("-S list, -s list,
           * --sections=list" in man.1): one option */
          if (og && fresh && !lng && t[we[i - 1] - 1] == ',' && t[we[i] - 1] != ',') {
            int j = i + 1;
            if (j <= z && !option_word(t + ws[j], we[j] - ws[j]) && t[we[j] - 1] == ',') j++;
            if (j <= z && t[ws[j]] == '-' && t[ws[j] + 1] == '-' && t[we[j - 1] - 1] == ',') continue;
          }
          /* its short form after it ("--delimiter=delim, -d delim") */
          if (!lng && lone >= 0 && i - lone <= 2 && t[we[i - 1] - 1] == ',') { lone = -1; continue; }
          lone = lng ? i : -1;
          int dup = 0;
          for (int q = 0; q < og && q < 3; q++) {
            size_t ql;
            const char *qn = option_name(t + ws[on[q]], we[on[q]] - ws[on[q]], &ql);
            dup |= ql == il && !memcmp(qn, in, il);
          }
          if (dup) continue;
          if (og < 3) on[og] = i;
          og++;
          fresh = !lng;
        }
        if (og == 1) { named = on[0]; opts = 1; }
      }
      if (opts > 1 && own) {
        vgi_buf_puts(&b, vgi_phrase(lang, "opts_these"));
      } else if (opts > 1 && og <= 3) {
        if (!the) vgi_buf_puts(&b, "the ");
        for (int q = 0; q < og; q++) {
          if (q) vgi_buf_puts(&b, q == og - 1 ? " and " : ", ");
          const char *w = option_start(t + ws[on[q]]);
          for (; isalnum((unsigned char)*w) || *w == '-' || *w == '_'; w++) vgi_buf_add(&b, w, 1);
        }
        if (!said_next(t + we[z], pl, "option", "flag", "switch")) vgi_buf_puts(&b, " options");
      } else if (opts > 1) {
        if (the && b.n >= 4) b.s[b.n -= 4] = 0;   /* "the these options" */
        vgi_buf_puts(&b, "these options");
      } else {
        phrase = "opt_named";
        /* "--no-cache=1" -> "the no-cache option" (its name as written:
         * the voice says the parts as words) */
        const char *w = option_start(t + ws[named]);
        /* "-Dntp-servers=" (meson, cmake): the option is what follows D */
        if (w[0] == 'D' && w > t + ws[k] && w[-1] == '-' && (w - 2 < t + ws[k] || w[-2] != '-') &&
            (islower((unsigned char)w[1]) || isupper((unsigned char)w[1]) || w[1] == '_'))
          w++;
        if (!the && !(noun_before && !own)) vgi_buf_puts(&b, "the ");
        /* short options run together ("-pq", "-xvf", "-HI": two or three
         * letters after one dash, no vowel among three) are that many
         * options, said by their letters: "the p and q options"; a word
         * after one dash ("-name", "-exec") is one option */
        size_t cn = 0;
        while (isalpha((unsigned char)w[cn])) cn++;
        int cluster = !own && named == k && w == t + ws[k] + 1 && t[ws[k]] == '-' && (cn == 2 || cn == 3) &&
                      !isalnum((unsigned char)w[cn]) && w[cn] != '-' && w[cn] != '_' && w[cn] != '=';
        for (size_t q = 0; cluster && cn == 3 && q < cn; q++) cluster = !strchr("aeiouAEIOU", w[q]);
        /* (one letter repeated, "-vv", is one option said more than once,
         * a level: "the vv flag", never "the v and v flag") */
        if (cluster && w[1] == w[0] && (cn == 2 || w[2] == w[0])) cluster = 0;
        if (cluster) {
          for (size_t q = 0; q < cn; q++) {
            if (q) vgi_buf_puts(&b, q == cn - 1 ? " and " : ", ");
            vgi_buf_add(&b, w + q, 1);
          }
          if (!noun_before && !said_next(t + we[z], pl, "option", "flag", "switch")) vgi_buf_puts(&b, " options");
          w += cn;
        }
        for (; !cluster && (isalnum((unsigned char)*w) || *w == '-' || *w == '_'); w++) vgi_buf_add(out, w, 1);
        /* "Use the --width/-w option": the sentence names it an option itself */
        if (!own && !cluster && !noun_before && !said_next(t + we[z], pl, "option", "flag", "switch"))
          vgi_buf_puts(&b, " option");
        /* a value that tells one use from another ("-std=f95", "-std=f2003",
         * "-Dvalgrind=true") is said after the name; a placeholder (a man
         * page's term, "--sort=key"), a path or a long value is not */
        if (!own && *w == '=' && !(a == k && term)) {
          const char *v = w + 1, *ve = t + we[named];
          while (ve > v && strchr(".,;:!?)\"'`", ve[-1])) ve--;
          int digit = 0, ok = ve > v && ve - v <= 10 && islower((unsigned char)*v);
          for (const char *q = v; q < ve && ok; q++) {
            ok = islower((unsigned char)*q) || isdigit((unsigned char)*q) || strchr("+.-_", *q);
            digit |= isdigit((unsigned char)*q);
          }
          static const char *const flags[] = { "true", "false", "yes", "no", "on", "off", NULL };
          if (ok && (digit || word_of(flags, v, (size_t)(ve - v)))) {
            vgi_buf_puts(&b, " set to ");
            vgi_buf_add(&b, v, (size_t)(ve - v));
          }
        }
      }
    }
    if (own && phrase) {
      const char *arg = nb.s ? nb.s : "";
      /* "die Option -r" already names it: "die Option r", not "die Option
       * Option r" */
      const char *ph = vgi_phrase(lang, phrase), *slot = strstr(ph, "{1}");
      const char *noun = slot == ph ? ph + 3 : ph;
      size_t nl = slot == ph ? strlen(noun) : slot ? (size_t)(slot - ph) : 0;
      while (nl && noun[0] == ' ') noun++, nl--;
      while (nl && noun[nl - 1] == ' ') nl--;
      int named = nl && a > 0 && we[a - 1] - ws[a - 1] == nl && !strncasecmp(t + ws[a - 1], noun, nl);
      /* a noun after the name ("{1} seçeneği"): "-m seçeneği ile" names it
       * too, as does the noun with an ending ("-m seçeneğiyle", "-a kapcsolóval") */
      if (nl && slot == ph) {
        const char *nx = t + we[z];
        while (*nx == ' ') nx++;
        named |= !strncasecmp(nx, noun, nl);
      }
      if (named) vgi_buf_puts(&b, arg);
      else vgi_phrase_put(&b, lang, phrase, &arg, 1);
    }
    vgi_buf_free(&nb);
    vgi_buf_puts(&b, tail);
    vgi_buf_puts(&b, t + we[z]);
    free(t);
    t = vgi_buf_take(&b);
  }
  return t;
}

/* A long command line without an option ("Run npm install express
 * body-parser cookie-parser morgan to add …") is said by what it is: "Run
 * the npm install command to add …". It is told by a verb that runs it,
 * four words or more that are not prose, and a word only a command has (a
 * dash, a slash, a dot or a digit inside it, an equals sign): "Try
 * restarting your local machine" stays. In place; returns t, perhaps moved. */
static char *bare_command_out(char *t) {
  static const char *const verbs[] = { "run", "type", "execute", "enter", "invoke", "use", "call", "try", NULL };
  for (int guard = 0; guard < 8; guard++) {
    size_t ws[128], we[128];
    int n = vgi_split_words(t, ws, we, 128);
    int done = 1;
    for (int v = 0; v + 1 < n; v++) {
      const char *w = t + ws[v];
      size_t wl = we[v] - ws[v];
      int verb = 0;
      for (int q = 0; verbs[q] && !verb; q++) verb = strlen(verbs[q]) == wl && !strncasecmp(w, verbs[q], wl);
      if (!verb) continue;
      int z = v, tech = 0, closed = 0;
      while (z + 1 < n && !closed) {
        const char *x = t + ws[z + 1];
        size_t xl = we[z + 1] - ws[z + 1];
        size_t bl = xl;
        while (bl && strchr(".,;:!?)\"'`", x[bl - 1])) bl--;
        if (!bl || prose_word(x, xl)) break;
        for (size_t q = 1; q + 1 < bl; q++) tech |= strchr("-/._=:@", x[q]) || isdigit((unsigned char)x[q]);
        closed = bl < xl;   /* the clause ends with this word */
        z++;
      }
      if (z - v < 4 || !tech) continue;
      /* "the npm install command": the program by its name, and its
       * subcommand when it is a plain word */
      const char *p = t + ws[v + 1];
      size_t pl = we[v + 1] - ws[v + 1];
      while (pl && strchr("\"'(`", *p)) p++, pl--;
      for (size_t q = pl; q-- > 0;)
        if (p[q] == '/') { pl -= q + 1; p += q + 1; break; }
      const char *sub = t + ws[v + 2];
      size_t sl = we[v + 2] - ws[v + 2];
      int plain = sl > 1;
      for (size_t q = 0; q < sl; q++) plain &= islower((unsigned char)sub[q]) != 0;
      const char *lw = t + ws[z];
      size_t ll = we[z] - ws[z], tl = 0;
      while (tl < ll && strchr(".,;:!?)\"'`", lw[ll - 1 - tl])) tl++;
      vgi_buf b = {0};
      vgi_buf_add(&b, t, we[v]);
      vgi_buf_puts(&b, " the ");
      vgi_buf_add(&b, p, pl);
      if (plain) { vgi_buf_puts(&b, " "); vgi_buf_add(&b, sub, sl); }
      vgi_buf_puts(&b, " command");
      vgi_buf_add(&b, lw + ll - tl, tl);
      vgi_buf_puts(&b, t + we[z]);
      free(t);
      t = vgi_buf_take(&b);
      done = 0;
      break;
    }
    if (done) break;
  }
  return t;
}

/* Two full stops where one sentence ended ("…of this repository.." once
 * the bracket after its stop, "([translations](…))", went): one. An
 * ellipsis ("...") and a stop after one are kept. In place. */
static void double_stop_out(char *t) {
  char *w = t;
  for (const char *r = t; *r; r++) {
    if (*r == '.' && r[1] == '.' && r[2] != '.' && w > t && w[-1] != '.' && (!r[2] || r[2] == ' ' || r[2] == '"'))
      continue;
    *w++ = *r;
  }
  *w = 0;
}

/* An omission mark in a quote ("[...]", "[…]", "(...)") is for the eye:
 * the voice goes on to the next sentence, without a stray full stop
 * ("scénario. [...]. Un guide" -> "scénario. Un guide"). In place. */
static void omission_out(char *t) {
  static const char *const marks[] = { "[...]", "[\xE2\x80\xA6]", "(...)", "(\xE2\x80\xA6)", NULL };
  int any = 0;
  for (int k = 0; marks[k]; k++) {
    size_t ml = strlen(marks[k]);
    for (char *p; (p = strstr(t, marks[k]));) {
      memmove(p, p + ml, strlen(p + ml) + 1);
      any = 1;
    }
  }
  if (!any) return;
  vgi_squash(t);
  /* ". ." and " ." left where the mark was */
  char *w = t;
  for (const char *r = t; *r; r++) {
    if (*r == ' ' && r[1] && strchr(".,;", r[1]) && w > t && strchr(".!?:", w[-1])) { r++; continue; }
    if (*r == ' ' && r[1] && strchr(".,;", r[1]) && (r[2] == ' ' || !r[2])) continue;
    *w++ = *r;
  }
  *w = 0;
  vgi_squash(t);
}

/* The length of an HTML tag at p ("<b>", "<a href=x>", "</b>" when close),
 * its name at *name (*nl bytes); 0 when p holds none. */
static size_t html_tag(const char *p, int close, const char **name, size_t *nl) {
  if (*p != '<') return 0;
  const char *q = p + 1;
  if (close && *q++ != '/') return 0;
  if (!isalpha((unsigned char)*q)) return 0;
  *name = q;
  while (isalnum((unsigned char)*q)) q++;
  *nl = (size_t)(q - *name);
  if (*q != '>' && !(*q == ' ' && !close)) return 0;
  const char *gt = strchr(q, '>');
  if (!gt || memchr(q, '<', (size_t)(gt - q))) return 0;
  return (size_t)(gt - p) + 1;
}

/* Markup shown as text ("the &lt;b&gt;bold&lt;/b&gt; style", which the
 * page shows as "<b>bold</b>") is said by the words it wraps ("bold"): a
 * tag that a closing tag of its name follows is taken out with that one;
 * a lone "<b>" or a placeholder ("<file>") is left to the word rules. In
 * place. */
static void shown_tags_out(char *t) {
  for (char *p = strchr(t, '<'); p; p = strchr(p, '<')) {
    const char *name;
    size_t nl, ol = html_tag(p, 0, &name, &nl);
    char *c = NULL;
    size_t cl = 0;
    for (char *q = ol ? strstr(p + ol, "</") : NULL; q; q = strstr(q + 2, "</")) {
      const char *cn;
      size_t cnl;
      if ((cl = html_tag(q, 1, &cn, &cnl)) && cnl == nl && !strncasecmp(cn, name, nl)) { c = q; break; }
    }
    if (!c) { p++; continue; }
    memmove(c, c + cl, strlen(c + cl) + 1);
    memmove(p, p + ol, strlen(p + ol) + 1);
  }
}

/* An HTML element's name ("div", "span", "h1"): a tag of one, written in
 * prose, is about the element; another name in angle brackets is a
 * placeholder ("<file>"). */
static int html_element(const char *n, size_t l) {
  /* (only names no English word or placeholder has: "<code>", "<link>",
   * "<table>", "<input>", "<title>" name a thing to fill in as often) */
  static const char *const names[] = { "a", "abbr", "b", "blockquote", "br", "dd", "div", "dl", "dt", "em",
    "fieldset", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "i", "iframe", "img", "kbd", "li", "nav",
    "noscript", "ol", "p", "pre", "span", "strong", "sub", "sup", "svg", "tbody", "td", "textarea", "tfoot",
    "th", "thead", "tr", "u", "ul", NULL };
  for (int k = 0; names[k]; k++)
    if (strlen(names[k]) == l && !strncasecmp(names[k], n, l)) return 1;
  return 0;
}

/* A lone tag in English prose ("wrap it in a <div>", "&lt;br&gt; ends a
 * line", "close it with </p>") is said by its element's name: "a div",
 * "the br tag", "the closing p tag"; a name of no element ("<file>") is
 * left to the word rules. Returns t, maybe moved. */
static char *lone_tags_said(char *t) {
  for (size_t at = 0; t[at];) {
    char *p = strchr(t + at, '<');
    if (!p) break;
    at = (size_t)(p - t) + 1;
    const char *name;
    size_t nl, tl = html_tag(p, p[1] == '/', &name, &nl);
    if (!tl || !html_element(name, nl) || (p > t && isalnum((unsigned char)p[-1]))) continue;
    /* (nor one a command's option takes: "node -e <p>" is a placeholder) */
    const char *ob, *oe;
    if (word_before(t, p, &ob, &oe) && *ob == '-') continue;
    int close = p[1] == '/';
    /* "a <div>", "the <br> tag", "<li> elements": the sentence names what it is */
    const char *wb, *we;
    int det = word_before(t, p, &wb, &we) &&
              word_of((const char *const[]){ "a", "an", "the", "each", "every", "this", "that", "your",
                                             "one", "any", "its", "their", "another", NULL },
                      wb, (size_t)(we - wb));
    const char *n = p + tl;
    while (*n == ' ') n++;
    size_t nw = strcspn(n, " ,.;:!?)");
    int named = word_of((const char *const[]){ "tag", "tags", "element", "elements", "mark", "marks", NULL }, n, nw);
    char said[64];
    snprintf(said, sizeof said, "%s%s%.*s%s", det || named ? "" : "the ", close ? "closing " : "", (int)nl, name,
             named ? "" : det && !close ? "" : " tag");
    if (det && close) snprintf(said, sizeof said, "closing %.*s tag", (int)nl, name);
    size_t sl = strlen(said), off = (size_t)(p - t), rest = strlen(p + tl);
    if (sl > tl) {
      t = realloc(t, strlen(t) + sl - tl + 1);
      if (!t) abort();
      p = t + off;
    }
    memmove(p + sl, p + tl, rest + 1);
    memcpy(p, said, sl);
    at = off + sl;
  }
  return t;
}

/* A variable set on a command line to a path ("PREFIX=/opt/x"): its
 * name (*nl bytes) in upper case, digits and '_' -> 1. The path is never
 * said, so the variable is said by its name. */
static int path_assignment(const char *w, size_t n, size_t *nl) {
  size_t k = 0;
  while (k < n && (isupper((unsigned char)w[k]) || isdigit((unsigned char)w[k]) || w[k] == '_')) k++;
  if (k < 2 || k >= n || w[k] != '=' || !isupper((unsigned char)w[0])) return 0;
  const char *v = w + k + 1;
  size_t vl = n - k - 1;
  while (vl && strchr("`'\"", *v)) v++, vl--;
  if (!vl || !(*v == '/' || *v == '~' || (*v == '.' && vl > 1 && (v[1] == '/' || v[1] == '.')) || memchr(v, '/', vl)))
    return 0;
  *nl = k;
  return 1;
}

/* "make PREFIX=/some/other/directory install", "DESTDIR=/tmp/x make
 * install": a build tool's variable set to a path is what makes the
 * command different, and the path is not said; the command is said "make
 * install with PREFIX set" (its targets, then the variables by name), never
 * "make install". Returns t, maybe moved. */
static char *path_assignments_said(char *t) {
  static const char *const tools[] = { "make", "gmake", "bmake", "ninja", "./configure", "configure", "cmake",
                                       "meson", "scons", NULL };
  static const char *const targets[] = { "install", "all", "test", "tests", "check", "clean", "distclean",
    "uninstall", "build", "dist", "docs", "doc", "lib", "libs", "shared", "static", "release", "debug", "world",
    "install-strip", "install-lib", "install-bin", "install-man", NULL };
  enum { MAXW = 256 };
  const char *ws[MAXW];
  size_t wl[MAXW];
  int n = 0;
  for (const char *p = t; *p && n < MAXW;) {
    while (*p == ' ') p++;
    if (!*p) break;
    ws[n] = p;
    while (*p && *p != ' ') p++;
    wl[n] = (size_t)(p - ws[n]);
    n++;
  }
  vgi_buf b = {0};
  int changed = 0;
  for (int i = 0; i < n;) {
    size_t nl;
    /* a run of assignments, after a tool or before one */
    int a = i, z = i;
    while (z < n && path_assignment(ws[z], wl[z], &nl)) z++;
    int after_tool = z > a && a > 0 && word_of(tools, ws[a - 1], wl[a - 1]) &&
                     !strchr(",.;:!?", ws[a - 1][wl[a - 1] - 1]);
    int before_tool = z > a && !after_tool && z < n && word_of(tools, ws[z], wl[z]) &&
                      !strchr(",.;:!?", ws[z - 1][wl[z - 1] - 1]);
    if (!after_tool && !before_tool) {
      vgi_buf_puts(&b, " ");
      vgi_buf_add(&b, ws[i], wl[i]);
      i++;
      continue;
    }
    /* the tool (before_tool), then its targets, then the variables */
    int k = z;
    const char *tool = NULL;
    size_t tooll = 0;
    if (before_tool) tool = ws[z], tooll = wl[z], k = z + 1;
    int tz = k;
    while (tz < n && (tz == k || !strchr(",.;:!?", ws[tz - 1][wl[tz - 1] - 1])) &&
           word_of(targets, ws[tz], wl[tz]) && tz - k < 4)
      tz++;
    /* the stop after the last word said here ends the phrase */
    int last = tz > k ? tz - 1 : before_tool ? z : z - 1;
    const char *lw = ws[last];
    size_t ll = wl[last], punct = 0;
    while (punct < ll && strchr(",.;:!?)`'\"", lw[ll - 1 - punct])) punct++;
    if (tool) {
      vgi_buf_puts(&b, " ");
      vgi_buf_add(&b, tool, last == z ? tooll - punct : tooll);
    }
    for (int q = k; q < tz; q++) {
      vgi_buf_puts(&b, " ");
      vgi_buf_add(&b, ws[q], q == last ? wl[q] - punct : wl[q]);
    }
    vgi_buf_puts(&b, " with ");
    for (int q = a; q < z; q++) {
      path_assignment(ws[q], wl[q], &nl);
      if (q > a) vgi_buf_puts(&b, q == z - 1 ? " and " : ", ");
      vgi_buf_add(&b, ws[q], nl);
    }
    vgi_buf_puts(&b, " set");
    vgi_buf_add(&b, lw + ll - punct, punct);
    changed = 1;
    i = tz > k ? tz : before_tool ? z + 1 : z;
  }
  if (!changed || n == MAXW) {
    vgi_buf_free(&b);
    return t;
  }
  /* (every word was put after a space: none before the text) */
  char *out = vgi_buf_take(&b);
  char *o = out;
  while (*o == ' ') o++;
  memmove(out, o, strlen(o) + 1);
  free(t);
  return out;
}

/* "for example" or "that is" written short before a colon that what it
 * introduces (code, a table) has left alone: "Run it with a config file,
 * e.g.:" is said "Run it with a config file:", never ending on "e.g.". A
 * colon that words of the sentence follow ("formats, e.g.: png") keeps
 * it. In place. */
static void dangling_abbrev_out(char *t) {
  static const char *const abbrevs[] = { "e.g.", "i.e.", "eg.", "ie.", "z.B.", "d.h.", "bspw.", "p.ex.",
                                         "c.-\xC3\xA0-d.", "p.ej.", NULL };
  for (int k = 0; abbrevs[k]; k++) {
    size_t al = strlen(abbrevs[k]);
    for (char *p = t; (p = strcasestr(p, abbrevs[k]));) {
      char *a = p, *z = p + al;
      int bracket = a > t && a[-1] == '(' && *z == ')';
      if (bracket) a--, z++;
      const char *n = z + (*z == ':');
      while (*n == ' ') n++;
      if (*z != ':' || (a > t && a[-1] != ' ' && a[-1] != ',') || !(!*n || isupper((unsigned char)*n))) {
        p += al;
        continue;
      }
      while (a > t && (a[-1] == ' ' || a[-1] == ',')) a--;
      if (a == t) { p += al; continue; }   /* nothing it follows */
      memmove(a, z, strlen(z) + 1);
      p = a;
    }
  }
}

/* A mnemonic's letter marked in a word, as tldr pages write them: "[c]reate
 * an archive", "E[x]trae", "g[z]ip" are said "create", "Extrae", "gzip"; one
 * beside another script's word ("[c]ایجاد") goes, and so does a
 * translation's English mnemonic in brackets ("Створити ([c]reate) архів",
 * "Buat ([c]reate) suatu arsip"): the document's words already say it. In
 * place. */
static void mnemonic_out(char *t, const char *lang) {
  int en = !lang || !strncmp(lang, "en", 2);
  for (char *p = t; (p = strchr(p, '['));) {
    size_t n = 0;
    while (n < 3 && isalnum((unsigned char)p[1 + n])) n++;
    char *close = p + 1 + n;
    /* (the text may end at close: nothing after it then) */
    unsigned char before = p > t ? (unsigned char)p[-1] : 0, after = *close ? (unsigned char)close[1] : 0;
    int lat_b = isalpha(before), lat_a = isalpha(after), oth_b = before >= 0x80, oth_a = after >= 0x80;
    /* "استخراج [x] یک": a letter alone after another script's word */
    if (n == 1 && *close == ']' && before == ' ' && after == ' ' && p - t >= 2 && (unsigned char)p[-2] >= 0x80) {
      memmove(p, close + 2, strlen(close + 2) + 1);
      continue;
    }
    if (!n || *close != ']' || after == '(' || (p > t && p[-1] == '!') || !(lat_b || lat_a || oth_b || oth_a)) {
      p++;
      continue;
    }
    char *ws = p;
    while (ws > t && isalpha((unsigned char)ws[-1])) ws--;
    if (!en && ws > t && ws[-1] == '(') {
      /* "([c]reate)", "(e[x]tract)": the English word in brackets goes, with its space */
      char *e = close + 1;
      while (isalpha((unsigned char)*e) || *e == '[' || *e == ']') e++;
      if (*e == ')') {
        char *a = ws - 1;
        while (a > t && a[-1] == ' ') a--;
        memmove(a, e + 1, strlen(e + 1) + 1);
        p = a;
        continue;
      }
    }
    if ((oth_b || oth_a) && !lat_b && !lat_a) {
      memmove(p, close + 1, strlen(close + 1) + 1);   /* "[c]ایجاد" -> "ایجاد" */
      continue;
    }
    memmove(close, close + 1, strlen(close + 1) + 1);   /* "[c]reate" -> "create" */
    memmove(p, p + 1, strlen(p + 1) + 1);
    /* it starts the sentence (the two brackets just taken out leave room for İ) */
    if (p == t) {
      size_t was = strlen(t);
      if (vgi_upper_first_in(t, was + 3, lang)) n += strlen(t) - was;
    }
    p += n;
  }
}

void vgi_mnemonic_out(char *t, const char *lang) { mnemonic_out(t, lang); }

/* A word only a command line has between its words: a folder given as
 * "." or ".." ("jq . file.json", never a full stop: one ends a word), or
 * a shell's redirection or operator ("<", ">", ">>", "2>", "&&", "||"). */
static int shell_word(const char *w, size_t n) {
  if (n && n <= 2 && !strncmp(w, "..", n)) return 1;
  if (!n || n > 3) return 0;
  int op = 0;
  for (size_t i = 0; i < n; i++) {
    if (!strchr("<>&|2", w[i])) return 0;
    op |= w[i] != '2';
  }
  return op && !(n == 1 && *w == '|');   /* (a bar is a pipeline's: pipeline_out) */
}

/* A pipeline in the prose ("find /tmp -name core -print | xargs rm -f", a
 * man page's example) is said by its programs, "the find and xargs
 * pipeline": never "the find command | the xargs command" with the bar
 * read out. A segment is the words between bars; it starts after a clause
 * ends (or a prompt) and ends at the clause's end or a word of prose; each
 * starts with a program's name. In place; returns t, perhaps moved. */
static char *pipeline_out(char *t) {
  size_t from = 0;   /* a bar before it is no pipeline's ("the operators | or |&") */
  for (int guard = 0; guard < 8; guard++) {
    size_t ws[128], we[128];
    int n = vgi_split_words(t, ws, we, 128);
    int bar = -1;
    for (int i = 1; i + 1 < n && bar < 0; i++)
      if (ws[i] >= from && we[i] - ws[i] == 1 && t[ws[i]] == '|') bar = i;
    if (bar < 0) return t;
    /* back to where the first program starts */
    int a = bar;
    while (a > 0 && bar - a < 12) {
      const char *w = t + ws[a - 1];
      size_t wl = we[a - 1] - ws[a - 1];
      /* ("cut -d: -f1 …": an option's colon ends no clause) */
      /* ("jq . file.json | less": a lone "." is a folder or jq's filter,
       * no full stop and no word of the prose) */
      int shell = shell_word(w, wl) && a - 1 > 0;
      if ((strchr(".:;!?", w[wl - 1]) && *w != '-' && !shell) || (wl == 1 && strchr("$#%", *w)) ||
          (prose_word(w, wl) && !shell))
        break;
      a--;
    }
    /* on over the segments to the clause's end */
    int z = bar, progs[8], np = 0, ok = a < bar, end = 0;
    progs[np++] = a;
    for (int i = bar; i < n && !end && ok; i++) {
      const char *w = t + ws[i];
      size_t wl = we[i] - ws[i];
      if (wl == 1 && *w == '|') {
        ok = i + 1 < n && np < 8;
        if (ok) progs[np++] = i + 1;
        continue;
      }
      /* ("cat x.json | jq . and …": "." before a word of the clause is jq's
       * filter; before a capital it ends the sentence) */
      int shell = shell_word(w, wl) && i + 1 < n && islower((unsigned char)t[ws[i + 1]]);
      if (i > progs[np - 1] && prose_word(w, wl) && !isupper((unsigned char)*w) && !shell) break;
      z = i;
      end = strchr(".,:;!?", w[wl - 1]) != NULL && *w != '-' && !(shell || (shell_word(w, wl) && *w != '.' && i + 1 < n));
    }
    ok &= z > progs[np - 1] - 1 && progs[np - 1] < n;
    /* a command line: after a prompt, or a word only a command has (an
     * option, a path, a redirection), and programs that are no words of
     * the prose */
    int prompt = a > 0 && we[a - 1] - ws[a - 1] == 1 && strchr("$#%", t[ws[a - 1]]);
    int tech = prompt;
    for (int i = a; i <= z && ok; i++) {
      const char *w = t + ws[i];
      size_t wl = we[i] - ws[i];
      tech |= (wl > 1 && w[0] == '-' && isalnum((unsigned char)w[1])) || (wl > 1 && memchr(w, '/', wl)) ||
              shell_word(w, wl);
    }
    for (int q = 0; q < np && ok; q++) ok = !prose_word(t + ws[progs[q]], we[progs[q]] - ws[progs[q]]);
    ok &= tech;
    for (int q = 0; q < np && ok; q++) {
      const char *w = t + ws[progs[q]];
      size_t wl = we[progs[q]] - ws[progs[q]];
      for (size_t c = wl; c-- > 0;)
        if (w[c] == '/') { wl -= c + 1; w += c + 1; break; }
      while (wl && strchr(".,:;!?", w[wl - 1])) wl--;
      ok = wl > 0 && islower((unsigned char)w[0]);
      for (size_t c = 0; c < wl && ok; c++) ok = islower((unsigned char)w[c]) || isdigit((unsigned char)w[c]) || strchr("-_.+", w[c]);
    }
    if (!ok) {
      from = we[bar];
      continue;
    }
    const char *lw = t + ws[z];
    size_t ll = we[z] - ws[z], pl = 0;
    /* (a last "." that is jq's filter is no stop of the sentence) */
    while (pl < ll && pl < 8 && !shell_word(lw, ll) && strchr(".,;:!?", lw[ll - 1 - pl])) pl++;
    int the = a > 0 && we[a - 1] - ws[a - 1] == 3 && !strncasecmp(t + ws[a - 1], "the", 3);
    /* a shell's prompt before it is not said */
    vgi_buf b = {0};
    vgi_buf_add(&b, t, prompt ? ws[a - 1] : ws[a]);
    if (!the) vgi_buf_puts(&b, "the ");
    for (int q = 0; q < np; q++) {
      const char *w = t + ws[progs[q]];
      size_t wl = we[progs[q]] - ws[progs[q]];
      for (size_t c = wl; c-- > 0;)
        if (w[c] == '/') { wl -= c + 1; w += c + 1; break; }
      while (wl && strchr(".,:;!?", w[wl - 1])) wl--;
      if (q) vgi_buf_puts(&b, q == np - 1 ? " and " : ", ");
      vgi_buf_add(&b, w, wl);
    }
    vgi_buf_puts(&b, " pipeline");
    vgi_buf_add(&b, lw + ll - pl, pl);
    vgi_buf_puts(&b, t + we[z]);
    free(t);
    t = vgi_buf_take(&b);
  }
  return t;
}

/* "as follows" that ends a sentence points at what the slide or the page
 * shows next (a man page's list a summary leaves out, or items said as
 * sentences of their own): "…predefined within bracket expressions, as
 * follows." is said "…predefined within bracket expressions." A verb
 * before it keeps it ("The format is as follows:"). In place. */
static void as_follows_out(char *t) {
  static const char *const keep[] = { "is", "are", "was", "were", "be", "works", "work", "goes", "go", "look",
                                      "looks", "reads", "read", NULL };
  for (char *p = t; (p = strstr(p, " as follows")) != NULL;) {
    char *e = p + 11;
    if (!(*e == '.' || *e == ':') || !(e[1] == 0 || e[1] == ' ')) { p = e; continue; }
    char *a = p;
    while (a > t && a[-1] == ',') a--;
    /* the word before */
    char *w = a;
    while (w > t && w[-1] != ' ') w--;
    size_t wl = (size_t)(a - w);
    int verb = 0;
    for (int i = 0; keep[i] && !verb; i++) verb = strlen(keep[i]) == wl && !strncasecmp(w, keep[i], wl);
    if (verb || a == t || a[-1] == '.' || a[-1] == ':') { p = e; continue; }
    *e = '.';
    memmove(a, e, strlen(e) + 1);
    p = a + 1;
  }
}

/* Quotes left empty by what was taken out of them (an address, a path: a
 * man page's "http://site.{one,two}.com" was said '""') are not said. A
 * pair of quotes alone between spaces goes, with a space. In place. */
static void empty_quotes_out(char *t) {
  static const char *const pairs[] = { "\"\"", "''", "\xE2\x80\x9C\xE2\x80\x9D", "\xE2\x80\x98\xE2\x80\x99", NULL };
  for (int k = 0; pairs[k]; k++) {
    size_t pl = strlen(pairs[k]);
    for (char *p = t; (p = strstr(p, pairs[k])) != NULL;) {
      char *e = p + pl;
      int before = p == t || p[-1] == ' ' || p[-1] == '(';
      int after = !*e || *e == ' ' || strchr(".,;:!?)", *e);
      if (!before || !after) { p = e; continue; }
      char *a = p;
      if (a > t && a[-1] == ' ' && (*e != ' ' || a - 1 == t)) a--;   /* "in ""." -> "in." */
      else if (*e == ' ') e++;
      memmove(a, e, strlen(e) + 1);
      p = a;
      /* a key whose quoted value is gone ends on its word, not on a colon:
       * "experimentalOperatorPosition:." of prettier's
       * 'experimentalOperatorPosition: "<start|end>"' */
      if (a - t >= 2 && a[-1] == ':' && isalnum((unsigned char)a[-2]) && (!*a || strchr(".,;", *a))) {
        memmove(a - 1, a, strlen(a) + 1);
        p = --a;
      }
      /* the words that pointed at it go too: "a range like in ." */
      static const char *const lead[] = { " like in", " as in", " such as", " for example", " like", NULL };
      for (int q = 0; lead[q] && (*p == '.' || *p == ','); q++) {
        size_t ll = strlen(lead[q]);
        if ((size_t)(p - t) > ll && !strncasecmp(p - ll, lead[q], ll)) {
          memmove(p - ll, p, strlen(p) + 1);
          p -= ll;
          break;
        }
      }
    }
  }
  size_t n = strlen(t);
  while (n && t[n - 1] == ' ') t[--n] = 0;
}

/* Narration as said (t owned; returns it, perhaps moved). */
/* A no-break space (U+00A0, U+202F) is a space to the voice: mandoc
 * writes an option's term with them ("-L\u00a0locale,\u00a0--locale=locale"),
 * and the words of a command are found between spaces. In place. */
static void nbsp_out(char *t) {
  char *w = t;
  for (const char *r = t; *r;) {
    if (!strncmp(r, "\xC2\xA0", 2)) { *w++ = ' '; r += 2; continue; }
    if (!strncmp(r, "\xE2\x80\xAF", 3)) { *w++ = ' '; r += 3; continue; }
    *w++ = *r++;
  }
  *w = 0;
}

/* The copyright sign is read "(c)" or spelled: "Copyright (c) 1998" is
 * said "Copyright 1998", a "©" alone "Copyright" (English) or nothing.
 * Frees t; returns the text said. */
static char *copyright_sign_out(char *t, const char *lang) {
  if (!strstr(t, "\xC2\xA9") && !strcasestr(t, "(c)")) return t;
  vgi_buf b = {0};
  for (const char *p = t; *p;) {
    size_t l = !strncmp(p, "\xC2\xA9", 2) ? 2 : (!strncasecmp(p, "(c)", 3) && (p == t || p[-1] == ' ') &&
                                                (!p[3] || p[3] == ' ')) ? 3 : 0;
    int named = l && ((p - t >= 10 && !strncasecmp(p - 10, "copyright ", 10)) || !strncasecmp(p + l, " copyright", 10));
    if (!l || (l == 3 && !named)) {   /* "(c)" alone may be a list's third point */
      vgi_buf_add(&b, p++, 1);
      continue;
    }
    p += l;
    if (!named && english(lang)) {
      vgi_buf_puts(&b, "Copyright");
    } else {
      while (*p == ' ') p++;   /* the space before the sign stays */
      if (!*p && b.n && b.s[b.n - 1] == ' ') b.s[--b.n] = 0;
    }
  }
  free(t);
  return b.s ? vgi_buf_take(&b) : vgi_strdup("");
}

/* A note's number written against a word ("APT bug page[1].", a DocBook
 * page's link; "as shown[12]"): a reader's mark, not said ("page1").
 * "array[1]" in code and "[1]" alone, a list's own, stay. In place. */
static void note_marks_out(char *t) {
  char *w = t;
  for (char *r = t; *r;) {
    if (r[0] == '[' && r > t && (isalpha((unsigned char)r[-1]) || r[-1] == '.' || r[-1] == ')')) {
      size_t d = strspn(r + 1, "0123456789");
      char after = d ? r[1 + d + 1] : 0;
      /* (a word that goes on in the prose: "page[1]." or "page[1] and") */
      if (d && d <= 3 && r[1 + d] == ']' && (!after || after == ' ' || strchr(".,;:!?)", after))) {
        const char *ws = r;
        while (ws > t && !isspace((unsigned char)ws[-1])) ws--;
        /* (not an index: "argv[1]", "list_of[2]" are code) */
        int code = 0;
        for (const char *q = ws; q < r; q++) code |= *q == '_' || *q == '(' || *q == '`' || isdigit((unsigned char)*q);
        int prose = r - ws >= 3 && !code;
        for (const char *q = ws; q < r && prose; q++) prose = isalpha((unsigned char)*q) || strchr(".)'", *q);
        if (prose) {
          r += 1 + d + 1;
          continue;
        }
      }
    }
    *w++ = *r++;
  }
  *w = 0;
}

/* A phrase said twice in a row ("The arp command the arp command", two
 * examples each said by what it runs): said once. Three words or more, the
 * same but for case and the punctuation after the last. In place. */
static void repeat_out(char *t) {
  size_t ws[256], we[256];
  /* (again after each removal, as a loop: a hostile text repeats a phrase
   * thousands of times) */
  for (int again = 1, guard = 0; again && guard < 256; guard++) {
    again = 0;
    int n = vgi_split_words(t, ws, we, 256);
    for (int i = 0; i < n && !again; i++)
      for (int L = 3; L <= 12 && i + 2 * L <= n; L++) {
        int same = 1;
        for (int j = 0; j < L && same; j++) {
          size_t al = we[i + j] - ws[i + j], bl = we[i + L + j] - ws[i + L + j];
          if (j == L - 1) {
            while (al && strchr(".,;:", t[ws[i + j] + al - 1])) al--;
            while (bl && strchr(".,;:", t[ws[i + L + j] + bl - 1])) bl--;
          }
          same = al == bl && !strncasecmp(t + ws[i + j], t + ws[i + L + j], al);
        }
        if (!same) continue;
        size_t from = we[i + L - 1], to = we[i + 2 * L - 1];
        /* whole sentences or the text's end, the first no colon that the
         * second completes ("available via A, B and C: A, B and C (pacman)") */
        if (t[from - 1] == ':' || !(!t[to] || strchr(".!?", t[to - 1]))) continue;
        /* the second's stop ends the first when the first had none */
        char stop = strchr(".!?", t[to - 1]) && !strchr(".!?,;:", t[from - 1]) ? t[to - 1] : 0;
        memmove(t + from + (stop != 0), t + to, strlen(t + to) + 1);
        if (stop) t[from] = stop;
        again = 1;
        break;
      }
  }
}

/* A handle ("this screencast by @samoshkin", "thanks to @octocat") is said
 * by its name: "at samoshkin" is no presenter's way to name someone. Not
 * an address ("a@b.org") nor a scoped package ("@types/node"). In place. */
static void handle_out(char *t) {
  for (char *p = t; (p = strchr(p, '@')) != NULL;) {
    char *e = p + 1;
    while (isalnum((unsigned char)*e) || *e == '_' || *e == '-') e++;
    int start = p == t || p[-1] == ' ' || p[-1] == '(';
    int ends = !*e || *e == ' ' || *e == ')' || *e == '\'' || *e == '"' ||
               (strchr(".,;:!?", *e) && !isalnum((unsigned char)e[1]));
    if (start && ends && e - p >= 3 && isalnum((unsigned char)p[1])) {
      memmove(p, p + 1, strlen(p + 1) + 1);
      continue;
    }
    p++;
  }
}

/* A column or a variable named with its sigil ("the %CPU column", "Set
 * COLUMNS= to …"): said by its name, not "percent CPU", "COLUMNS equals".
 * In place. */
static void sigil_out(char *t) {
  for (char *p = t; *p;) {
    while (*p == ' ') p++;
    char *e = p;
    while (*e && *e != ' ') e++;
    if (p[0] == '%' && isupper((unsigned char)p[1]) && isupper((unsigned char)p[2])) {
      memmove(p, p + 1, strlen(p + 1) + 1);
      e--;
    } else {
      char *q = e;
      while (q > p && strchr(".,;:)", q[-1])) q--;
      int name = q - p >= 3 && q[-1] == '=' && (isalpha((unsigned char)*p) || *p == '_');
      for (char *r = p; name && r < q - 1; r++) name = isalnum((unsigned char)*r) || *r == '_';
      if (name) {
        memmove(q - 1, q, strlen(q) + 1);
        e--;
      }
    }
    p = e;
  }
}

/* A program run by its path ("initiated by running ./configure with …",
 * "Then run ./autogen.sh to …"): said by its name, which taking the path
 * out left unsaid ("by running with or without …"). In place. */
static void run_path_out(char *t) {
  static const char *const runs[] = { "run", "running", "runs", "execute", "executing", "invoke", "invoking",
                                      "launch", "launching", "call", "calling", NULL };
  size_t ws[128], we[128];
  int n = vgi_split_words(t, ws, we, 128);
  for (int i = n - 1; i >= 1; i--) {
    const char *w = t + ws[i];
    size_t wl = we[i] - ws[i];
    /* (a program's own folder says it is one, whatever verb is before it:
     * "If you use /usr/bin/make on these systems" had been "If you use on
     * these systems") */
    static const char *const bins[] = { "/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/", "/usr/local/bin/",
                                        "/usr/local/sbin/", "/opt/local/bin/", "/usr/games/", NULL };
    int bin = 0;
    for (int k = 0; bins[k] && !bin; k++) bin = wl > strlen(bins[k]) && !strncmp(w, bins[k], strlen(bins[k]));
    if (!bin && (!word_of(runs, t + ws[i - 1], we[i - 1] - ws[i - 1]) || strchr(",.;:", t[we[i - 1] - 1]))) continue;
    if (!(w[0] == '/' || !strncmp(w, "./", 2) || !strncmp(w, "../", 3)) || memmem(w, wl, "://", 3)) continue;
    size_t pl = 0;   /* the punctuation after it stays */
    while (pl < wl && strchr(".,;:!?)", w[wl - 1 - pl])) pl++;
    const char *last = w;
    for (const char *q = w; q < w + wl - pl; q++)
      if (*q == '/') last = q + 1;
    if (last >= w + wl - pl || !isalpha((unsigned char)*last)) continue;
    memmove(t + ws[i], last, strlen(last) + 1);
  }
}

/* Emphasis a plain-text document typed ("Interfaces can be _added_", "are
 * _separate projects_") and a rule of marks left on a line ("=== ", "---"):
 * not said. An identifier's underscores (_private, __init__, CMD_ENV)
 * stay. In place. */
static void typed_marks_out(char *t) {
  for (char *p = t; *p; p++) {
    int start = p == t || p[-1] == ' ' || p[-1] == '(' || p[-1] == '"';
    if (!start) continue;
    if (*p == '_' && isalpha((unsigned char)p[1])) {
      char *c = NULL;
      int words = 0;
      for (char *q = p + 1; *q && words < 6; q++) {
        if (*q == ' ') words++;
        if (*q != '_') continue;
        int end = isalpha((unsigned char)q[-1]) && (!q[1] || q[1] == ' ' || strchr(".,;:!?)\"'", q[1]));
        if (end) c = q;
        break;   /* the first underscore closes it, or it was an identifier's */
      }
      if (c) {
        memmove(c, c + 1, strlen(c + 1) + 1);
        memmove(p, p + 1, strlen(p + 1) + 1);
      }
      continue;
    }
    /* "===", "---", "***" alone as a word */
    if (strchr("=-*~#", *p) && p[1] == *p && p[2] == *p) {
      char *e = p;
      while (*e == *p) e++;
      if (!*e || *e == ' ') {
        while (*e == ' ') e++;
        memmove(p, e, strlen(e) + 1);
        while (p > t && p[-1] == ' ' && !*p) *--p = 0;
        p--;
      }
    }
  }
}

/* "argument(s)", "match(es)": the plural a writer hedged is said ("The
 * arguments can be …"), never "argument s". English only. In place. */
static void plural_marks_out(char *t) {
  char *w = t;
  for (char *r = t; *r;) {
    size_t l = r[0] == '(' && r[1] == 's' && r[2] == ')' ? 3 : r[0] == '(' && !strncmp(r + 1, "es)", 3) ? 4 : 0;
    if (l && r > t && isalpha((unsigned char)r[-1]) && !isalnum((unsigned char)r[l])) {
      *w++ = r[1];
      if (l == 4) *w++ = 's';
      r += l;
      continue;
    }
    *w++ = *r++;
  }
  *w = 0;
}

/* A conjunction that ends a sentence at its colon, its list said after as
 * sentences ("…not part of the Node.js distribution and: Upon first use,
 * Corepack downloads …"): the sentence ends there, "…distribution. Upon
 * first use, …". In place. */
static void conjunction_colon_out(char *t) {
  static const char *const conj[] = { "and", "or", "but", "und", "oder", "et", "ou", NULL };
  for (char *c = strchr(t, ':'); c; c = strchr(c + 1, ':')) {
    const char *nx = c + 1;
    while (*nx == ' ') nx++;
    if (!(c[1] == ' ' || !c[1]) || (*nx && !isupper((unsigned char)*nx))) continue;
    char *a = c;
    while (a > t && a[-1] != ' ') a--;
    if (a == c || a == t || !word_of(conj, a, (size_t)(c - a))) continue;
    char *e = a;
    while (e > t && e[-1] == ' ') e--;
    if (e == t || !isalnum((unsigned char)e[-1])) continue;
    /* three words of the sentence before it at least */
    int words = 0;
    for (const char *q = e; q > t && words < 3; q--) {
      if (q[-1] == ' ' && q - 1 > t && strchr(".!?", q[-2])) break;   /* (the stop of a sentence, not "Node.js") */
      words += q[-1] == ' ' && q[0] != ' ';
    }
    if (words < 2) continue;
    *e = '.';
    memmove(e + 1, c + 1, strlen(c + 1) + 1);
    c = e;
  }
}

/* Whether a sentence opens by pointing back at the one before it ("This
 * documentation …", "It has …", "These files …"). */
int vgi_back_reference(const char *t) {
  static const char *const back[] = { "This ", "These ", "That ", "Those ", "It ", "Its ", "They ", "Their ", NULL };
  for (int i = 0; back[i]; i++)
    if (!strncmp(t, back[i], strlen(back[i]))) return 1;
  /* (or by an opening clause that ends on it: "How to do that, …", "To do so, …") */
  const char *cm = strchr(t, ',');
  if (!cm || vgi_word_count(t) < 4) return 0;
  size_t cl = (size_t)(cm - t);
  static const char *const ends[] = { " that", " this", " it", " so", NULL };
  int words = 1;
  for (size_t q = 0; q < cl; q++) words += t[q] == ' ';
  for (int i = 0; ends[i] && words <= 6; i++) {
    size_t el = strlen(ends[i]);
    if (cl > el && !strncmp(cm - el, ends[i], el)) return 1;
  }
  return 0;
}

static char *clean_speech(char *t, const char *lang) {
  /* what the author wrote, to tell an article left before another word
   * by what goes from one it wrote */
  char *written = english(lang) ? vgi_strdup(t) : NULL;
  nbsp_out(t);
  t = vgi_scripts_said(t, lang);   /* "n²" said "n squared" */
  handle_out(t);
  sigil_out(t);
  run_path_out(t);
  typed_marks_out(t);
  if (english(lang)) plural_marks_out(t);
  note_marks_out(t);
  t = copyright_sign_out(t, lang);
  dangling_abbrev_out(t);
  mnemonic_out(t, lang);
  t = vgi_link_text(t);   /* "[text](url)" left as written is said by its text */
  t = vgi_bug_numbers_out(t);
  shown_tags_out(t);
  if (english(lang)) t = lone_tags_said(t);
  omission_out(t);
  as_follows_out(t);
  t = pipeline_out(t);
  if (english(lang)) t = path_assignments_said(t);
  t = command_out(t, lang);
  t = definition_colon(t);
  t = bare_command_out(t);
  unspeakable_out(t);
  t = speech_out(t);
  empty_quotes_out(t);
  conjunction_colon_out(t);
  /* commas left by words taken out ("고쳤다면, `fix/fixes/fixed`, `close/…`,
   * …를" -> "고쳤다면,,, 키워드로"): one stays */
  char *w = t;
  for (const char *r = t; *r; r++) {
    if (*r == ',' || *r == ' ') {
      const char *q = r;
      int commas = 0;
      while (*q == ',' || *q == ' ') commas += *q++ == ',';
      if (commas >= 2) {
        *w++ = ',';
        if (*q) *w++ = ' ';
        r = q - 1;
        continue;
      }
    }
    *w++ = *r;
  }
  *w = 0;
  repeat_out(t);
  if (written) {
    t = vgi_articles_agree(t, written);
    free(written);
  }
  /* an identifier stays as written (VG_CACHE_DIR): the captions show it,
   * and the speech stage says its parts as words (tts_speech_normalize) */
  return t;
}

/* ---- a sentence that counts a list's items ------------------------------ */

/* 2 to 12 as a digit or a word of a language the table has; else 0. */
static int count_word(const char *w, size_t n) {
  static const char *const words[][11] = {
    { "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve" },
    { "zwei", "drei", "vier", "f\xC3\xBCnf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zw\xC3\xB6lf" },
    { "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze" },
    { "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce" },
    { "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici", "dodici" },
    { "dois", "tr\xC3\xAAs", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze" },
    { "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf" },
  };
  if (n && n <= 2 && isdigit((unsigned char)w[0]) && (n == 1 || isdigit((unsigned char)w[1]))) {
    int v = atoi(w);
    return v >= 2 && v <= 12 ? v : 0;
  }
  for (size_t l = 0; l < sizeof words / sizeof *words; l++)
    for (int k = 0; k < 11; k++)
      if (strlen(words[l][k]) == n && !strncasecmp(w, words[l][k], n)) return k + 2;
  if (n == 5 && !strncasecmp(w, "duas", 4)) return 2;
  return 0;
}

/* How many items the sentence before the first colon of nt counts ("There
 * are three support tiers:"), 0 when none; *colon gets the colon. */
int vgi_counted_intro(const char *nt, const char **colon_out) {
  const char *colon = NULL;
  for (const char *q = nt ? nt : ""; *q && !colon; q++)
    if (*q == ':' && (q[1] == ' ' || !q[1])) colon = q;
  if (colon_out) *colon_out = colon;
  if (!colon) return 0;
  /* the counting sentence: from the last sentence end before the colon */
  const char *from = nt;
  for (const char *q = nt; q < colon; q++)
    if (strchr(".!?", *q) && q[1] == ' ') from = q + 2;
  int count = 0;
  for (const char *w = from; w < colon;) {
    while (w < colon && *w == ' ') w++;
    size_t wl = 0;
    while (w + wl < colon && w[wl] != ' ') wl++;
    int c = count_word(w, wl);
    /* "Node 18 supports": a digit counts only before a lower-case word */
    if (c && isdigit((unsigned char)*w) && !(w[wl] == ' ' && islower((unsigned char)w[wl + 1]))) c = 0;
    if (c) count = c;
    w += wl;
  }
  return count;
}

/* The leads of items (strings) to name them in a sentence: a named
 * item's name ("Fast: …"), a short item whole, else its spoken headline
 * without a verb that opens it ("Supports lazy loading …" -> "lazy loading
 * …"); NULL when one has none short enough or all of them are too long. */
#define LEAD_WORDS 10
#define LEADS_WORDS 36
static cJSON *item_leads(const cJSON *tops) {
  cJSON *out = cJSON_CreateArray();
  int all = 0;
  for (const cJSON *it = tops->child; it; it = it->next) {
    const char *t = it->valuestring;
    size_t nl = item_name(t);
    char *l = vgi_word_count(t) <= LEAD_WORDS || nl ? vgi_strdup(t) : vgi_shown_headline(t);
    if (l && nl) l[nl] = 0;
    /* a headline still long ends before a clause that adds to its noun
     * ("Automatic help page generation | from the parameters that …") */
    static const char *const ends[] = { ", ", " that ", " which ", " who ", " when ", " so ", " (", " - ", ": ",
      "; ", NULL };
    for (int k = 0; l && !nl && vgi_word_count(l) > LEAD_WORDS && ends[k]; k++) {
      char *e = strstr(l, ends[k]);
      if (e && e > l) {
        char c = *e;
        *e = 0;
        if (vgi_word_count(l) < 2) *e = c;
      }
    }
    if (l) {
      size_t n = strlen(l);
      while (n && strchr(" .,;:", l[n - 1])) l[--n] = 0;
    }
    /* a lead that opened its item ("Arbitrary nesting …") goes on a sentence */
    if (l && !nl && isupper((unsigned char)l[0])) {
      char *lf = lower_first(l);
      size_t fw = strcspn(lf, " ,;:");
      if (lf[0] != l[0] && (sentence_capital(lf) || doc_word(lf, fw))) free(l), l = lf;
      else free(lf);
    }
    int w = l ? vgi_word_count(l) : 0;
    if (!w || w > LEAD_WORDS || (all += w) > LEADS_WORDS) {
      free(l);
      cJSON_Delete(out);
      return NULL;
    }
    cJSON_AddItemToArray(out, cJSON_CreateString(l));
    free(l);
  }
  return out;
}

/* "There are three support tiers: Tier 1 and Tier 2." names fewer items
 * than it counts (the summary kept two, or the list went on in a second
 * scene). When the sentence before a colon counts as many items as the
 * list has, the narration names them all when they are short ("Tier 1,
 * Tier 2 and Experimental"), else the sentence ends at the count ("There
 * are three support tiers."). The slide shows them either way. */
static void counted_lists(cJSON *scenes, const char *lang) {
  for (cJSON *s = scenes->child; s; s = s->next) {
    const char *ty = vgi_str(s, "scene_type");
    cJSON *n = cJSON_GetObjectItemCaseSensitive(s, "narration");
    if (!ty || strcmp(ty, "list") || !cJSON_IsString(n)) continue;
    const char *nt = n->valuestring;
    const char *colon = NULL;
    int count = vgi_counted_intro(nt, &colon);
    if (!count) continue;
    /* the list's top-level items, on this scene and the parts that continue it */
    cJSON *tops = cJSON_CreateArray();
    for (cJSON *x = s; x; x = x->next) {
      if (x != s && (!vgi_str(x, "scene_type") || strcmp(vgi_str(x, "scene_type"), "list") ||
                     !cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(x, "visual_content"), "start")))
        break;
      const cJSON *items = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(x, "visual_content"), "items");
      for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
        const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
        if (item_text(it) && !(cJSON_IsNumber(lvl) && lvl->valueint > 0))
          cJSON_AddItemToArray(tops, cJSON_CreateString(item_text(it)));
      }
    }
    int total = cJSON_GetArraySize(tops), named = 0, named_all = 0, words = 0, short_ = 1;
    /* the part after the colon that names items: its first sentence */
    const char *after = colon + 1;
    while (*after == ' ') after++;
    const char *end = after;
    while (*end && !stop_at(after, end)) end++;
    for (const cJSON *it = tops->child; it; it = it->next) {
      const char *f = strstr(after, it->valuestring);
      /* an item of sentences is said by its first one ("Setup zoxide on
       * your shell. To start using zoxide, …": a summary kept the step and
       * dropped its detail), the list's own sentences: never named twice */
      const char *stop = f ? NULL : strstr(it->valuestring, ". ");
      if (stop) {
        char *first = vgi_strdup(it->valuestring);
        first[stop - it->valuestring + 1] = 0;
        f = strstr(after, first);
        free(first);
      }
      /* (an item that names a thing, "alpha: runtime library", is named by
       * its name: "produces 3 packages: alpha, beta, and gamma") */
      size_t nl = f ? 0 : item_name(it->valuestring);
      if (nl) {
        char *name = vgi_strdup(it->valuestring);
        name[nl] = 0;
        f = strstr(after, name);
        free(name);
      }
      named += f && f < end;
      named_all += f != NULL;   /* (each in a sentence of its own: --detail full) */
      int w = vgi_word_count(it->valuestring);
      words += w;
      short_ &= w <= 5;
    }
    /* more counted than shown: a part was left out; fewer: the count is of
     * something else */
    if (count < total || named >= count || named_all >= count) { cJSON_Delete(tops); continue; }
    /* what follows the names, kept (items said one sentence each are all
     * kept: the first is one of them) */
    const char *rest = named && named_all == named ? (*end ? end + 1 : end) : after;
    while (*rest == ' ') rest++;
    /* longer items are named by their leads ("Click in three points:
     * arbitrary nesting of commands, automatic help page generation and
     * lazy loading of subcommands at runtime"): a list its sentence
     * announces is said, never only counted */
    cJSON *leads = !short_ && count == total && count <= 6 ? item_leads(tops) : NULL;
    if (leads) {
      cJSON_Delete(tops);
      tops = leads;
      short_ = 1, words = 0;
    }
    vgi_buf b = {0};
    if (short_ && (words <= 24 || leads) && count == total) {
      char *j = joined(tops, 0, 0, 0, lang);
      vgi_buf_add(&b, nt, (size_t)(colon - nt) + 1);
      vgi_buf_puts(&b, " ");
      vgi_buf_puts(&b, j);
      vgi_buf_puts(&b, vgi_phrase(lang, "stop"));
      free(j);
    } else {
      vgi_buf_add(&b, nt, (size_t)(colon - nt));
      vgi_buf_puts(&b, vgi_phrase(lang, "stop"));
    }
    if (*rest) { vgi_buf_puts(&b, " "); vgi_buf_puts(&b, rest); }
    cJSON_SetValuestring(n, b.s);
    vgi_buf_free(&b);
    cJSON_Delete(tops);
  }
}

/* An outro whose sub_text is the title of the video's first scene, a title
 * scene. */
/* A summary keeps a section's key points page by page: a section the
 * adapter paged can come out as pages of one bullet each under the same
 * heading. Consecutive list slides with the same heading and subtitle that
 * together hold at most MERGED_ITEMS flat items, without a picture, are one
 * slide again, saying both pages' narration. */
#define MERGED_ITEMS 4
/* The number of items, all plain points at the top level; -1 otherwise. */
static int flat_items(const cJSON *items) {
  int n = 0;
  for (const cJSON *it = items ? items->child : NULL; it; it = it->next, n++) {
    if (cJSON_IsString(it)) continue;
    /* a point of a list, not nested; a titled item with a description is a
     * short section sharing its slide */
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    if (!cJSON_IsObject(it) || !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(it, "title")) ||
        cJSON_GetObjectItemCaseSensitive(it, "description") || (lvl && !(cJSON_IsNumber(lvl) && lvl->valueint == 0)))
      return -1;
  }
  return n;
}

static int same_text(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

/* A later page the adapter marked ("continued", in the video's language). */
static int continued_page(const cJSON *vc, const char *lang) {
  const char *d = vgi_str(vc, "description"), *c = vgi_phrase(lang, "l_continued");
  return d && c && !strcmp(d, c);
}

static void merge_list_pages(cJSON *scenes, const char *lang) {
  for (cJSON *s = scenes ? scenes->child : NULL; s && s->next;) {
    cJSON *t = s->next;
    cJSON *va = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
    cJSON *vb = cJSON_GetObjectItemCaseSensitive(t, "visual_content");
    const char *ta = vgi_str(s, "scene_type"), *tb = vgi_str(t, "scene_type");
    cJSON *ia = cJSON_GetObjectItemCaseSensitive(va, "items"), *ib = cJSON_GetObjectItemCaseSensitive(vb, "items");
    cJSON *na = cJSON_GetObjectItemCaseSensitive(s, "narration"), *nb = cJSON_GetObjectItemCaseSensitive(t, "narration");
    const char *hta = va ? vgi_str(va, "header") : NULL, *hb = vb ? vgi_str(vb, "header") : NULL;
    int fa = flat_items(ia), fb = flat_items(ib);
    int ok = ta && tb && !strcmp(ta, "list") && !strcmp(tb, "list") && cJSON_IsArray(ia) && cJSON_IsArray(ib) &&
             cJSON_IsString(na) && cJSON_IsString(nb) && hta && hb && !strcmp(hta, hb) &&
             (same_text(vgi_str(va, "description"), vgi_str(vb, "description")) || continued_page(vb, lang)) &&
             !cJSON_GetObjectItemCaseSensitive(va, "image") && !cJSON_GetObjectItemCaseSensitive(vb, "image") &&
             cJSON_GetObjectItemCaseSensitive(s, VGI_MAXAUTO_KEY) && cJSON_GetObjectItemCaseSensitive(t, VGI_MAXAUTO_KEY) &&
             fa > 0 && fb > 0 && fa + fb <= MERGED_ITEMS;
    if (!ok) { s = t; continue; }
    while (ib->child) cJSON_AddItemToArray(ia, cJSON_DetachItemViaPointer(ib, ib->child));
    vgi_buf b = {0};
    vgi_buf_puts(&b, na->valuestring);
    if (*na->valuestring && *nb->valuestring) vgi_buf_puts(&b, " ");
    vgi_buf_puts(&b, nb->valuestring);
    char *joined = vgi_buf_take(&b);
    if (joined) cJSON_SetValuestring(na, joined);
    free(joined);
    cJSON_Delete(cJSON_DetachItemViaPointer(scenes, t));   /* s may take a third page */
  }
}

static int outro_of_title(const cJSON *scenes, const cJSON *s) {
  const char *ty = vgi_str(s, "scene_type"), *t0 = vgi_str(scenes->child, "scene_type");
  const char *sub = vgi_str(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "sub_text");
  const char *title = vgi_str(cJSON_GetObjectItemCaseSensitive(scenes->child, "visual_content"), "title");
  return ty && t0 && sub && title && !strcmp(ty, "outro") && !strcmp(t0, "title") && !strcmp(sub, title);
}

/* The language a scene is said in: its own, else its video's. */
static const char *scene_lang(const cJSON *s, const cJSON *v) {
  const char *l = vgi_str(s, "language");
  return l && *l ? l : vgi_str(v, "language");
}

/* A language vgrun has neither phrases nor an espeak-ng voice for is read
 * by the English voice, with no words of vgrun's own: told, not silent. */
static void unknown_language(const cJSON *videos, vgi_diags *d) {
  const cJSON *v;
  cJSON_ArrayForEach(v, videos) {
    const char *lang = vgi_str(v, "language");
    if (!lang || vgi_lang_known(lang) || vgi_voice_known(lang)) continue;
    const cJSON *s0 = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(v, "scenes"), 0);
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(s0, "source");
    const cJSON *ln = cJSON_GetObjectItemCaseSensitive(src, "line");
    vgi_diag_add(d, VGI_WARNING, vgi_str(src, "file"), cJSON_IsNumber(ln) ? ln->valueint : 0, 0, "language",
                 "no voice or phrases for the language '%s': its text is read by the English voice, with no phrases added (`vgrun say --list-voices` lists the voices)",
                 lang);
    return;   /* once */
  }
}

void vgi_narrate(cJSON *model, const vgi_options *opts, vgi_diags *d) {
  vgi_language_pass(model, opts ? opts->language : NULL);
  const cJSON *videos = cJSON_GetObjectItemCaseSensitive(model, "videos");
  unknown_language(videos, d);
  for (cJSON *v = videos ? videos->child : NULL; v && !vgi_cancelled(); v = v->next) {
    cJSON *scenes = cJSON_GetObjectItemCaseSensitive(v, "scenes");
    if (!cJSON_IsArray(scenes)) continue;
    /* a summary is made of documents whose prose the adapter ranked
     * (Markdown); YAML and JSON say what their scenes say */
    int summary = !(opts && opts->detail == VGI_DETAIL_FULL) &&
                  cJSON_GetObjectItemCaseSensitive(v, VGI_PARTS_KEY) != NULL;
    headlines_ = summary;
    said_en_ = english(said_lang_ = vgi_str(v, "language"));
    said_cjk_ = cjk_of(vgi_str(v, "language"));
    /* scenes their author wrote (YAML, JSON), not a document's: a file they
     * name ("See docs/two.md") is said */
    authored_ = cJSON_GetObjectItemCaseSensitive(v, VGI_PARTS_KEY) == NULL;
    doc_words_set(v);
    for (cJSON *s = scenes->child; s && !vgi_cancelled(); s = s->next) {
      if (!cJSON_IsObject(s)) continue;
      cJSON *n = cJSON_GetObjectItemCaseSensitive(s, "narration");
      if (!n && !(opts && opts->no_narration)) {
        char *t = NULL;
        if (outro_of_title(scenes, s)) {
          /* under the thanks the outro shows the title the title scene
           * said ("Welcome to Zstandard"): said again after the thanks it is
           * a fragment ("Thanks for watching. Zstandard.") */
          cJSON *c = cJSON_Duplicate(s, 1);
          cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(c, "visual_content"), "sub_text");
          t = vgi_template(c, scene_lang(s, v));
          cJSON_Delete(c);
        } else {
          /* a scene in its own language (a YAML deck's "language: fr") is said in it */
          said_en_ = english(said_lang_ = scene_lang(s, v));
          said_cjk_ = cjk_of(scene_lang(s, v));
          t = vgi_template(s, scene_lang(s, v));
          said_en_ = english(said_lang_ = vgi_str(v, "language"));
          said_cjk_ = cjk_of(vgi_str(v, "language"));
        }
        if (t) {
          /* keep the canonical key order: narration right after visual_content */
          cJSON *ns = cJSON_CreateString(t);
          cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
          cJSON *rest = cJSON_CreateObject();
          while (vc && vc->next) {
            cJSON *x = cJSON_DetachItemViaPointer(s, vc->next);
            cJSON_AddItemToObject(rest, x->string, x);
          }
          cJSON_AddItemToObject(s, "narration", ns);
          while (rest->child) {
            cJSON *x = cJSON_DetachItemViaPointer(rest, rest->child);
            cJSON_AddItemToObject(s, x->string, x);
          }
          cJSON_Delete(rest);
          cJSON_AddTrueToObject(s, VGI_AUTO_KEY);
          free(t);
        }
      }
    }
    fit_video(v, opts, d, summary);   /* weighs the items as the document wrote them */
    if (cJSON_GetObjectItemCaseSensitive(v, VGI_PARTS_KEY)) {
      headline_items(scenes, summary);
      vgi_bug_numbers_shown(scenes);   /* said as nothing, shown as nothing */
      counted_lists(scenes, vgi_str(v, "language"));
      if (summary) merge_list_pages(scenes, vgi_str(v, "language"));
    }
    headlines_ = 0;
    doc_words_free();
    for (cJSON *s = scenes->child; s; s = s->next) {
      if (!cJSON_IsObject(s)) continue;
      cJSON *an = cJSON_GetObjectItemCaseSensitive(s, "narration");
      if (cJSON_GetObjectItemCaseSensitive(s, VGI_AUTO_KEY) && cJSON_IsString(an) &&
          !cJSON_GetObjectItemCaseSensitive(s, VGI_UNITS_KEY)) {
        said_en_ = english(said_lang_ = scene_lang(s, v));
        said_cjk_ = cjk_of(scene_lang(s, v));
        char *t = clean_speech(vgi_strdup(an->valuestring), scene_lang(s, v));
        cJSON_SetValuestring(an, t);
        free(t);
      }
      if (cJSON_GetObjectItemCaseSensitive(s, VGI_AUTO_KEY))
        vgi_english_passages(s, v, summary);   /* untranslated English in a translation */
      cJSON_DeleteItemFromObjectCaseSensitive(s, VGI_AUTO_KEY);
      cJSON_DeleteItemFromObjectCaseSensitive(s, VGI_UNITS_KEY);
      const char *ty = vgi_str(s, "scene_type");
      cJSON *smin = cJSON_GetObjectItemCaseSensitive(s, "min_duration");
      if (ty && (!strcmp(ty, "list") || !strcmp(ty, "table")) && cJSON_IsNumber(smin)) {
        /* the timeline holds a list or a table this long to be read (code
         * has its read_time in vg.scenes) */
        double rd = read_seconds(s, 1);
        if (rd > smin->valuedouble) cJSON_SetNumberValue(smin, round(rd * 10) / 10);
      }
      if (cJSON_GetObjectItemCaseSensitive(s, VGI_MAXAUTO_KEY)) {
        /* the adapter chose this scene's duration: fit it to the narration */
        const char *nt = vgi_str(s, "narration");
        cJSON *mx = cJSON_GetObjectItemCaseSensitive(s, "max_duration");
        cJSON *mn = cJSON_GetObjectItemCaseSensitive(s, "min_duration");
        double want = vgi_max_for_lang(nt, scene_lang(s, v));
        if (cJSON_IsNumber(mn) && want < mn->valuedouble) want = mn->valuedouble;
        if (cJSON_IsNumber(mx)) cJSON_SetNumberValue(mx, want);
        cJSON_DeleteItemFromObjectCaseSensitive(s, VGI_MAXAUTO_KEY);
      }
    }
  }
  said_en_ = 1;
  said_lang_ = NULL;
  said_cjk_ = 0;
  split_parts(model, vgi_limits(opts), d);
  const cJSON *vids = cJSON_GetObjectItemCaseSensitive(model, "videos");
  for (cJSON *v = vids ? vids->child : NULL; v; v = v->next) {
    cJSON *scenes = cJSON_GetObjectItemCaseSensitive(v, "scenes");
    for (cJSON *s = scenes ? scenes->child : NULL; s; s = s->next) {
      if (!cJSON_IsObject(s)) continue;
      cJSON_DeleteItemFromObjectCaseSensitive(s, VGI_SRANK_KEY);
      cJSON_DeleteItemFromObjectCaseSensitive(s, VGI_CONT_KEY);
      cJSON_DeleteItemFromObjectCaseSensitive(s, VGI_API_KEY);
      cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), VGI_CTX_KEY);
      cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), VGI_LINKS_KEY);
      cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), VGI_RUNS_KEY);
    }
  }
  headlines_ = 0;
  authored_ = 0;
}

int vgi_nothing_said(const char *t) { return nothing_said(t); }

char *vgi_said_clause(const char *t, const char *lang) { return desc_clause(t ? t : "", lang, 0); }

/* Prose that ends with a colon its next words complete ("The options
 * are:"), not one whose last word is a preposition, which the narration
 * drops ("Binaries at <link> are produced on:"). */
int vgi_colon_intro(const char *t) {
  size_t n = t ? strlen(t) : 0;
  while (n && t[n - 1] == ' ') n--;
  if (n >= 3 && !memcmp(t + n - 3, "\xEF\xBC\x9A", 3)) return 1;   /* a full-width colon */
  if (!n || t[n - 1] != ':') return 0;
  size_t w0 = n - 1;
  while (w0 && t[w0 - 1] != ' ') w0--;
  return !(dangling_word(t + w0, n - w0) && preposition(t + w0, n - w0));
}
