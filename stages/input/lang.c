/* lang.c: the document's language and the words vgrun adds in it.
 * The phrases ("Welcome to {1}", "Thanks for watching", list joiners) and the
 * espeak-ng voice per language live in one Lua table, lua/vg/i18n.lua; this
 * file reads it once (vgi_phrase), detects a document's language from its
 * text (script, then stop words) and, after an adapter has built a model,
 * records video.language and gives a video whose voice nobody chose the voice
 * of its language (vgi_language_pass). */
#include "input_private.h"
#include "vg_utf8.h"
#include "lang.h"
#include "vg_lua.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the phrase table ------------------------------------------------------ */

static cJSON *phrases;   /* {lang: {key: text}}; read once, never changed after */
static cJSON *row_nouns;  /* M.row_nouns: {lang: {singular: plural}}, the nouns that name table rows */
static char phrases_err[2048];   /* why VGRUN_LUA_DIR's vg/i18n.lua could not be used; "" */

/* The copy of one of vgrun's Lua modules built into the program (NULL: none). */
static const char *builtin_module(const char *module, size_t *len) {
  for (const vg_lua_source *s = vg_lua_sources; s->module; s++)
    if (!strcmp(s->module, module)) { *len = s->len; return s->code; }
  *len = 0;
  return NULL;
}

/* The text of one of vgrun's Lua modules (`module`, at lua/`file`): from
 * VGRUN_LUA_DIR when set (a development build reading lua/ from disk; the
 * text read is left in *disk for the caller to free), else the copy built
 * into the program. NULL when neither has it. */
const char *vgi_lua_module(const char *module, const char *file, size_t *len, char **disk) {
  *disk = NULL;
  *len = 0;
  const char *dir = getenv("VGRUN_LUA_DIR");
  if (dir && *dir) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "rb");
    if (f) {
      vgi_buf b = {0};
      char chunk[8192];
      size_t n;
      while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) vgi_buf_add(&b, chunk, n);
      fclose(f);
      *len = b.n;
      *disk = vgi_buf_take(&b);
      return *disk;
    }
  }
  return builtin_module(module, len);
}

int vgi_lua_data_open(vgi_lua_data *m, const char *module, const char *file, int builtin, char *err, size_t errsz) {
  memset(m, 0, sizeof *m);
  *err = 0;
  const char *dir = getenv("VGRUN_LUA_DIR");
  if (builtin) m->code = builtin_module(module, &m->len);
  else m->code = vgi_lua_module(module, file, &m->len, &m->disk);
  /* the name Lua's own loader gives it: the file read, or the source tree's */
  if (m->disk) snprintf(m->name, sizeof m->name, "%s/%s", dir, file);
  else snprintf(m->name, sizeof m->name, "lua/%s", file);
  if (!m->code) { snprintf(err, errsz, "%s: not built into this program", m->name); return 0; }
  m->L = luaL_newstate();
  if (!m->L) { snprintf(err, errsz, "%s: out of memory", m->name); return 0; }
  char chunk[1100];
  snprintf(chunk, sizeof chunk, "@%s", m->name);
  /* no library is opened: the module is data, it can call nothing (a
   * runtime error, such as a call, is reported as one) */
  if (luaL_loadbufferx(m->L, m->code, m->len, chunk, "t") != LUA_OK || lua_pcall(m->L, 0, 1, 0) != LUA_OK) {
    const char *e = lua_tostring(m->L, -1);
    snprintf(err, errsz, "%s", e ? e : "an error that is not a string");
    return 0;
  }
  if (!lua_istable(m->L, -1)) {
    snprintf(err, errsz, "%s: returns %s, not a table", m->name, luaL_typename(m->L, -1));
    return 0;
  }
  return 1;
}

void vgi_lua_data_close(vgi_lua_data *m) {
  if (m->L) lua_close(m->L);
  free(m->disk);
  memset(m, 0, sizeof *m);
}

/* Does a field `key =` start at p (before `end`)? */
static int sets_at(const char *p, const char *end, const char *key) {
  size_t kl = strlen(key);
  if ((size_t)(end - p) < kl || strncmp(p, key, kl)) return 0;
  p += kl;
  while (p < end && (*p == ' ' || *p == '\t')) p++;
  return p < end && *p == '=' && (p + 1 >= end || p[1] != '=');
}

/* Does the line [p, end) set `key` ("  key = 1", "a = 1, key = 2")? */
static int line_sets(const char *p, const char *end, const char *key) {
  int field_start = 1;   /* the line's start, or after { or , */
  for (; p < end; p++) {
    if (*p == ' ' || *p == '\t') continue;
    if (field_start && sets_at(p, end, key)) return 1;
    if (*p == '-' && p + 1 < end && p[1] == '-') return 0;   /* a comment */
    field_start = *p == ',' || *p == '{';
  }
  return 0;
}

int vgi_lua_data_line(const vgi_lua_data *m, const char *block, const char *key) {
  int line = 1, in_block = !block;
  for (const char *p = m->code, *e = m->code + m->len; p < e; line++) {
    const char *nl = memchr(p, '\n', (size_t)(e - p));
    const char *end = nl ? nl : e;
    if (!in_block && line_sets(p, end, block)) in_block = 1;
    if (in_block && line_sets(p, end, key)) return line;
    if (!nl) break;
    p = nl + 1;
  }
  return 0;
}

void vgi_lua_data_where(const vgi_lua_data *m, int line, char *out, size_t outsz) {
  if (line > 0) snprintf(out, outsz, "%.1000s:%d", m->name, line);
  else snprintf(out, outsz, "%s", m->name);
}

static pthread_once_t phrases_once = PTHREAD_ONCE_INIT;

/* The phrases of the table on top of L -> "" or why they cannot be used. */
static void phrases_check(const vgi_lua_data *m, char *err, size_t errsz) {
  lua_State *L = m->L;
  char at[1024];
  lua_getfield(L, -1, "phrases");
  if (!lua_istable(L, -1)) {
    vgi_lua_data_where(m, vgi_lua_data_line(m, NULL, "M.phrases"), at, sizeof at);
    if (lua_isnil(L, -1)) snprintf(err, errsz, "%s: phrases is missing (a table of languages)", m->name);
    else snprintf(err, errsz, "%s: phrases is a %s, not a table of languages", at, luaL_typename(L, -1));
    lua_pop(L, 1);
    return;
  }
  lua_getfield(L, -1, "en");
  if (!lua_istable(L, -1)) snprintf(err, errsz, "%s: phrases.en is missing (English is every phrase's fallback)", m->name);
  lua_pop(L, 1);
  if (*err) { lua_pop(L, 1); return; }
  lua_pushnil(L);
  while (lua_next(L, -2)) {   /* phrases, language, its table */
    const char *lang = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
    if (!lua_istable(L, -1)) {
      vgi_lua_data_where(m, vgi_lua_data_line(m, NULL, lang), at, sizeof at);
      snprintf(err, errsz, "%s: phrases.%s is a %s, not a table of phrases", at, lang, luaL_typename(L, -1));
      lua_pop(L, 2);
      break;
    }
    lua_pushnil(L);
    while (lua_next(L, -2)) {   /* ..., key, phrase */
      if (lua_type(L, -1) != LUA_TSTRING) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
        vgi_lua_data_where(m, vgi_lua_data_line(m, lang, k), at, sizeof at);
        snprintf(err, errsz, "%s: phrases.%s.%s is a %s, not a string", at, lang, k, luaL_typename(L, -1));
        lua_pop(L, 2);
        break;
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (*err) { lua_pop(L, 1); break; }
  }
  lua_pop(L, 1);
}

#define NEUTRAL "*"   /* M.neutral's place among the languages of `phrases` */

/* Copies the strings of the Lua table on top of L into block. */
static void copy_block(lua_State *L, cJSON *block) {
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TSTRING)
      cJSON_AddStringToObject(block, lua_tostring(L, -2), lua_tostring(L, -1));
    lua_pop(L, 1);
  }
}

/* The table on top of L's stack, a block per language ("en", "de"), into
 * an object of the same shape (nothing when it is not a table). */
static void copy_languages(lua_State *L, cJSON *into) {
  if (!into || !lua_istable(L, -1)) return;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) == LUA_TSTRING && lua_istable(L, -1))
      copy_block(L, cJSON_AddObjectToObject(into, lua_tostring(L, -2)));
    lua_pop(L, 1);
  }
}

/* The table is data written in Lua: it is evaluated once in a private
 * interpreter with no libraries opened (it can call nothing), then copied
 * into cJSON. No engine lua_State is involved, so any thread may be first.
 * VGRUN_LUA_DIR (a development build reading lua/ from disk) is honoured;
 * a copy there that cannot be used (a syntax or runtime error, a missing or
 * mistyped table) is reported by vgi_modules_error, and the built-in copy
 * is used meanwhile. */
static void phrases_load(void) {
  phrases = cJSON_CreateObject();
  vgi_lua_data m;
  int ok = vgi_lua_data_open(&m, "vg.i18n", "vg/i18n.lua", 0, phrases_err, sizeof phrases_err);
  if (ok) phrases_check(&m, phrases_err, sizeof phrases_err);
  if (*phrases_err) {
    char ignored[256];
    vgi_lua_data_close(&m);
    if (!vgi_lua_data_open(&m, "vg.i18n", "vg/i18n.lua", 1, ignored, sizeof ignored)) {
      vgi_lua_data_close(&m);
      return;
    }
  }
  lua_State *L = m.L;
  lua_getfield(L, -1, "phrases");
  copy_languages(L, phrases);
  lua_pop(L, 1);
  /* the neutral phrases, kept under a name no language tag has */
  lua_getfield(L, -1, "neutral");
  if (lua_istable(L, -1)) copy_block(L, cJSON_AddObjectToObject(phrases, NEUTRAL));
  lua_pop(L, 1);
  /* the nouns that name a table's rows, a block a language ("en", "de") */
  lua_getfield(L, -1, "row_nouns");
  if (lua_istable(L, -1)) copy_languages(L, row_nouns = cJSON_CreateObject());
  lua_pop(L, 1);
  vgi_lua_data_close(&m);
}

const char *vgi_modules_error(void) {
  pthread_once(&phrases_once, phrases_load);
  if (*phrases_err) return phrases_err;
  return vgi_timing_error();
}

/* "pt-BR" -> "pt" in base (4 bytes); "" when lang is not a language tag. */
static void base_of(const char *lang, char base[4]) {
  size_t n = 0;
  base[0] = 0;
  if (!lang) return;
  while (n < 3 && isalpha((unsigned char)lang[n])) { base[n] = (char)tolower((unsigned char)lang[n]); n++; }
  base[n] = 0;
  if (n < 2 || (lang[n] && lang[n] != '-' && lang[n] != '_')) base[0] = 0;
}

/* The phrases of lang's base language, else English; Chinese written in
 * traditional characters ("zh-TW", "zh-HK", "zh-Hant") has its own. */
static const cJSON *table_for(const char *lang) {
  pthread_once(&phrases_once, phrases_load);
  char base[4];
  base_of(lang, base);
  if (!strcmp(base, "zh") && (lang[2] == '-' || lang[2] == '_')) {
    static const char *const hant[] = { "hant", "tw", "hk", "mo", NULL };
    for (int i = 0; hant[i]; i++)
      if (!strncasecmp(lang + 3, hant[i], strlen(hant[i])) && !isalpha((unsigned char)lang[3 + strlen(hant[i])])) {
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(phrases, "zh-Hant");
        if (t) return t;
      }
  }
  const cJSON *t = *base ? cJSON_GetObjectItemCaseSensitive(phrases, base) : NULL;
  return t ? t : cJSON_GetObjectItemCaseSensitive(phrases, "en");
}

const char *vgi_phrase(const char *lang, const char *key) {
  const cJSON *t = table_for(lang);
  /* (a language the table lacks has no phrase of its own: table_for gave English) */
  const char *s = vgi_phrase_english(lang) || vgi_lang_known(lang) ? vgi_str(t, key) : NULL;
  /* a language's parent (Cantonese: traditional Chinese, then Chinese), then English */
  for (int depth = 0; !s && depth < 3 && vgi_str(t, "parent"); depth++) {
    t = table_for(vgi_str(t, "parent"));
    s = vgi_str(t, key);
  }
  /* a language said in its own voice never borrows English words: its
   * missing phrase is the neutral one (the title alone, or nothing) */
  if (!s && strcmp(key, "voice") && !vgi_phrase_english(lang))
    s = vgi_str(cJSON_GetObjectItemCaseSensitive(phrases, NEUTRAL), key);
  if (!s) s = vgi_str(table_for("en"), key);
  return s ? s : key;
}

const char *vgi_row_noun(const char *lang, const char *word, size_t n, int *plural) {
  pthread_once(&phrases_once, phrases_load);
  char base[4], low[96];
  base_of(lang, base);
  if (!*base) strcpy(base, "en");
  const cJSON *t = row_nouns ? cJSON_GetObjectItemCaseSensitive(row_nouns, base) : NULL;
  *plural = 0;
  if (!t || !vgi_lower_utf8(word, n, low, sizeof low)) return NULL;
  const char *s = vgi_str(t, low);
  if (s) return s;
  for (const cJSON *e = t->child; e; e = e->next) {
    char pl[96];
    if (cJSON_IsString(e) && vgi_lower_utf8(e->valuestring, strlen(e->valuestring), pl, sizeof pl) && !strcmp(pl, low)) {
      *plural = 1;
      return e->valuestring;
    }
  }
  return NULL;
}

int vgi_phrase_english(const char *lang) {
  char base[4];
  base_of(lang, base);
  /* a language with neither phrases nor a voice (Khmer, Tagalog) is read by
   * the English voice, but vgrun adds no English words to it: its phrases
   * are the neutral ones, as in vg.i18n.t */
  return !*base || !strcmp(base, "en");
}

int vgi_lang_known(const char *lang) {
  pthread_once(&phrases_once, phrases_load);
  char base[4];
  base_of(lang, base);
  /* asked at every sentence the narration weighs, mostly of one language:
   * the last answer kept (the table never changes once read) */
  static _Thread_local char last[4];
  static _Thread_local int last_known = -1;
  if (last_known >= 0 && !strcmp(base, last)) return last_known;
  memcpy(last, base, sizeof last);
  last_known = *base && cJSON_GetObjectItemCaseSensitive(phrases, base) != NULL;
  return last_known;
}

/* Appends the phrase with {1}..{9} replaced by args[0..]. */
void vgi_phrase_put(vgi_buf *b, const char *lang, const char *key, const char *const *args, int nargs) {
  const char *p = vgi_phrase(lang, key);
  while (*p) {
    if (p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}') {
      int i = p[1] - '1';
      if (i < nargs && args[i]) vgi_buf_puts(b, args[i]);
      p += 3;
    } else {
      vgi_buf_add(b, p, 1);
      p++;
    }
  }
}

/* ---- detection ----------------------------------------------------------------- */

static unsigned next_cp(const unsigned char **pp) {
  const unsigned char *p = *pp;
  unsigned cp = *p;
  int len = 1;
  if (cp >= 0xF0 && p[1] && p[2] && p[3]) {
    cp = ((p[0] & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) | (p[3] & 63u);
    len = 4;
  } else if (cp >= 0xE0 && p[1] && p[2]) {
    cp = ((p[0] & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
    len = 3;
  } else if (cp >= 0xC0 && p[1]) {
    cp = ((p[0] & 31u) << 6) | (p[1] & 63u);
    len = 2;
  }
  *pp = p + len;
  return cp;
}

/* ---- word lists ----------------------------------------------------------- */

/* A verb in a clause: one of these after a cut and none before it means the
 * cut came before the verb (vgi_headline, the spoken headline); one in a
 * list item makes it a sentence, not a name. */
const char *const vgi_aux_verbs[] = { "is", "are", "was", "were", "be", "been", "may", "might", "can",
  "could", "will", "would", "shall", "should", "must", "has", "have", "had", "does", "do", "did",
  "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "kann", "k\xC3\xB6nnen", "muss",
  "m\xC3\xBCssen", "soll", "sollte", "hat", "haben", "kannst", "musst", "sollst", "wirst", "hast", "bist", "darf",
  "darfst", "est", "sont", "\xC3\xA9tait", "sera", "seront", "peut", "peuvent", "doit", "doivent", "ont",
  "es", "son", "era", "ser\xC3\xA1", "puede", "pueden", "debe", "deben", "ha", "han", "est\xC3\xA1",
  "est\xC3\xA1n", "\xC3\xA8", "sono", "sar\xC3\xA0", "pu\xC3\xB2", "possono", "deve", "devono", "hanno",
  "\xC3\xA9", "s\xC3\xA3o", "pode", "podem", "devem", "tem", "t\xC3\xAAm", "est\xC3\xA3o", "zijn", "wordt",
  "worden", "moet", "moeten", "heeft", "hebben", "zal",
  "\xD1\x8F\xD0\xB2\xD0\xBB\xD1\x8F\xD0\xB5\xD1\x82\xD1\x81\xD1\x8F",   /* является */
  "\xD1\x8F\xD0\xB2\xD0\xBB\xD1\x8F\xD1\x8E\xD1\x82\xD1\x81\xD1\x8F",   /* являются */
  "\xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5\xD1\x82",                                 /* будет */
  "\xD0\xBC\xD0\xBE\xD0\xB6\xD0\xB5\xD1\x82",                                 /* может */
  "\xD0\xBC\xD0\xBE\xD0\xB3\xD1\x83\xD1\x82",                                 /* могут */
  "\xD0\xB4\xD0\xBE\xD0\xBB\xD0\xB6\xD0\xB5\xD0\xBD",                         /* должен */
  "\xD0\xB4\xD0\xBE\xD0\xBB\xD0\xB6\xD0\xBD\xD1\x8B",                         /* должны */
  NULL };

/* Frequent short words: a few per language tell Latin-script languages
 * apart (a word may count for several; the most hits wins). */
static const struct { const char *lang; const char *words; } stop[] = {
  { "en", " a the and of to is in that for with this are you it be on as can or not from by an "
          "your if will have which when use he him his she her we our they their was were has "
          "at all see how more also into about other should must any but than then there "
          /* short English words that are stop words elsewhere too ("do" is Portuguese) or
           * frequent in instructions: "Step 1: do thing number 1" stays English */
          "do does get make run number one each step first new what so up out some may "},
  { "de", " der die und das ist nicht mit den ein eine zu von für auf sie es auch sich wird "
          "werden dem des im oder wenn ich sind kann "},
  { "fr", " le la les et des est un une du pour dans que qui pas sur vous avec au sont ce il "
          "par ou cette être peut "},
  { "es", " el la los las y de que en un una es por para con no se del al lo como más su "
          "puede este esta "},
  { "it", " il la di che e è per un una non sono con del della gli le si da nel alla più "
          "questo può anche "},
  { "pt", " o a os as de que e do da em um uma para com não é no na por se dos mais você "
          "pode também "},
  { "nl", " de het een en van is dat niet te op in voor met zijn er ook je die wordt aan als "
          "om kan bij "},
  /* languages outside the phrase table that espeak-ng speaks: their voice,
   * English templates where the table has no block (docs/inputs.md) */
  { "pl", " i w z na się nie do to że jest jak po co ale od za są dla lub przez może oraz jeśli "
          "aby tym być który które która ze pliku "},
  { "cs", " a v se na je že s z do to jako pro ale které který jsou nebo jak být jeho také když "
          "může podle při tak již souboru "},
  { "sk", " a v sa na je že s z do to ako pre ale ktoré ktorý sú alebo byť jeho tiež keď môže "
          "podľa pri tak už súboru "},
  { "sv", " och att det som en på är av för med till den inte har om ett men kan eller från vid så "
          "du detta eller ska "},
  { "da", " og at det som en på er af for med til den ikke har om et men kan eller fra ved så "
          "du denne skal hvis af hvad nogle efter meget blive kun "},
  { "nb", " og at det som en på er av for med til den ikke har om et men kan eller fra ved så "
          "du denne skal hvis av hva noen etter mye bli bare "},
  /* with the words of a tldr page ("Näytä …", "tiedosto", "komennolle"):
   * a page of five lines has few function words */
  { "fi", " ja on ei se että mutta tai kun jos niin kuin myös ovat voi tämä sen joka ole olla "
          "tai voit tämän nämä kanssa sekä vain kaikki jotka mikä kuten ilman eli näytä "
          "tiedosto tiedoston tiedostot tiedostoja komento komennon komennolle "},
  { "tr", " ve bir bu için ile olarak çok daha gibi ama veya ne her kadar sonra olan değil ya "
          "da ki dosya "},
  { "id", " dan yang di ke dari untuk dengan ini itu tidak ada akan dalam atau pada juga dapat "
          "bisa oleh sebagai saja karena tersebut berkas sudah "},
  /* Malay: Indonesian's words, and its own (boleh "can", ialah, sahaja,
   * kerana, perisian "software", fail "file"); a tie is Indonesian */
  { "ms", " dan yang di ke dari untuk dengan ini itu tidak ada akan dalam atau pada juga dapat "
          "oleh sebagai boleh ialah sahaja sebarang iaitu kerana perisian fail supaya "},
  { "ro", " și în de la cu pe un o să nu este care mai din pentru sau ca sunt se ce fi al această "
          "acest poate "},
  { "hr", " je i u na se da za od su ili kao koji koja što ako može ovaj ova biti "},
  /* Slovenian shares je, na, se, da, za with Croatian: its own "in", "ki",
   * "pa", "tudi", "lahko", "če" tell it (a Slovenian README was Croatian) */
  { "sl", " in ki pa tudi lahko če kot ali so bo ste ukaz ukaze datoteke datoteko vam "
          "za na se da je "},
  { "hu", " a az és hogy nem is egy van meg ez de ha csak már vagy mint el kell lehet fájl "},
  /* Basque: its own short words (eta "and", da "is", bat "a", ez "not");
   * a Basque README was Portuguese by "da" and "e" */
  { "eu", " eta da bat ez ere edo baina dira du dute zure bere hau hori honek beste izan behar baino "
          "bezala ditu dago daude gabe oso egin dugu duzu zer nola "},
  { "ca", " el la els les i de que en un una és per amb no del al es més com això pot també "},  /* Afrikaans: Dutch's shared words and its own (nie, 'n, wat, vir, word,
   * hierdie, sal); a tie is Dutch (an Afrikaans README was Dutch) */
  { "af", " die en van is in nie n wat vir op met te word om dat hierdie ook kan sal hulle jy u ons "
          "daar dit as gebruik deur moet asseblief lêer lêers "},
  /* Swahili, and languages espeak-ng has no voice for, told by their own
   * words rather than by the words they share with one that has (Tagalog
   * "sa", "na" were Slovak, Hausa "da", "in" Slovenian, Zulu and Somali
   * English): their tag is right in timing.json and their voice says no
   * other language's phrases */
  { "sw", " na ya wa kwa ni za la katika hii kama au lakini pia kuwa hiyo hizi sana kutoka ambayo "
          "ambao baada kabla zaidi yako yetu wako ili hivyo kila bila "},
  { "tl", " ang ng mga sa na ay at ito para kung hindi may mo ka siya sila nito iyong iyon lamang "
          "din rin upang ngunit pero ako kami tayo nila niya dito doon "},
  { "yo", " àti ní tí ti ó sí fún náà wà kí bí láti yìí kò ni si fun lati wa ki bi sì pé tàbí "
          "lè inú gbogbo wọn nǹkan "},
  { "ha", " da a na ba ya ta su ko don shi ita wannan kuma amma ne ce idan zai za ake yana tana "
          "suna kan ga daga cikin ko wani wata "},
  { "so", " iyo ee waa oo ka ku u la ay uu aan wuxuu waxaa ama haddii kale sida loo soo kaga laga "
          "kartaa kara waxaad "},
  { "zu", " ukuthi futhi noma kodwa uma lapho ngoba kanye njengoba lokhu lo kuphela yakho yethu "
          "ukuze kusuka nje kakhulu wonke konke "},
  /* Languages with phrases and a voice that no list named (an Estonian,
   * Latvian, Lithuanian, Albanian or Uzbek README was English, an
   * Azerbaijani one Turkish): their own frequent words, few they share.
   * Estonian says "see", "et", "kui" where Finnish says "se", "että", "kun" */
  { "et", " ja on ei see et kui või ka mis oma kõik selle seda ning aga siis nii pole kas saab "
          "tuleb veel ainult kuid sul teie mida vaja kus kuidas faili failid "},
  /* Latvian and Lithuanian share "ir", "bet", "šis", "jums": "un", "kā",
   * "vai", "arī" are Latvian, "yra", "kad", "kaip", "arba" Lithuanian */
  { "lv", " un ir ar uz no par lai kā vai tas tā arī bet nav šo šis šī kas pie var tiek būt jums "
          "jūs savu savā tikai vismaz failu faila "},
  { "lt", " ir yra kad su iš į tai kaip bet taip pat jei kuris kuri arba buvo gali jūsų jums savo "
          "nėra būti tik bent šis šio failą failo "},
  { "sq", " dhe të në për një me është që nga nuk ose se ky kjo janë do mund duhet por edhe më këtë "
          "tuaj ju si "},
  /* Azerbaijani: "və", "üçün", "ilə", "əgər" where Turkish says "ve",
   * "için", "ile", "eğer" (the words both write are left out) */
  { "az", " və üçün ilə kimi də deyil amma əgər edir necə sizə siz ən azı isə lazımdır onu "
          "olaraq faylı fayl "},
  /* Uzbek in Latin letters (its o' and g' split no word listed here) */
  { "uz", " va bu uchun bilan ham yoki emas qanday kerak mumkin agar lekin esa hamda barcha "
          "faqat orqali shu yana sizga kabi fayl faylni "},
  /* Kazakh in Latin letters (a README in both scripts was Swedish by "men", "om") */
  { "kk", " jäne üşin bul osı osy sizge siz twralı turaly kerek bolıp bolyp biraq nemese da de "
          "men "},
};

/* Scripts of one language each (as espeak-ng names it); Devanagari is
 * Hindi's unless Nepali's or Marathi's words tell otherwise (deva_lang). */
static const struct { unsigned lo, hi; const char *lang; } indic_langs[] = {
  { 0x0900, 0x097F, "hi" }, { 0x0980, 0x09FF, "bn" }, { 0x0A00, 0x0A7F, "pa" }, { 0x0A80, 0x0AFF, "gu" },
  { 0x0B00, 0x0B7F, "or" }, { 0x0B80, 0x0BFF, "ta" }, { 0x0C00, 0x0C7F, "te" }, { 0x0C80, 0x0CFF, "kn" },
  { 0x0D00, 0x0D7F, "ml" }, { 0x0D80, 0x0DFF, "si" }, { 0x1000, 0x109F, "my" }, { 0x10A0, 0x10FF, "ka" },
  { 0x0530, 0x058F, "hy" }, { 0x1200, 0x137F, "am" },
  /* (scripts no voice speaks: the language is named, its text not said) */
  { 0x1780, 0x17FF, "km" }, { 0x0E80, 0x0EFF, "lo" }, { 0x0F00, 0x0FFF, "bo" },
};
enum { NINDIC = sizeof indic_langs / sizeof *indic_langs };

static int indic_script(unsigned cp) {
  if (cp < 0x0530 || cp > 0x17FF) return -1;
  for (int i = 0; i < NINDIC; i++)
    if (cp >= indic_langs[i].lo && cp <= indic_langs[i].hi) return i;
  return -1;
}

/* Letters only some Cyrillic languages write: Ukrainian і ї є ґ; Russian
 * ы э ё; the hard sign ъ (Bulgarian's frequent vowel, rare in Russian);
 * Serbian ђ ј љ њ ћ џ; Macedonian ѓ ќ ѕ; Belarusian ў. */
static void cyrillic_letter(unsigned cp, long *uk, long *ru, long *hard, long *sr, long *mk, long *be) {
  if (cp < 0x0400 || cp > 0x04FF) return;
  unsigned lc = cp < 0x0410 ? cp + 0x50 : cp >= 0x0410 && cp < 0x0430 ? cp + 0x20 : cp;
  if (cp == 0x0490 || cp == 0x0491) { (*uk)++; return; }
  switch (lc) {
  case 0x0456: case 0x0457: case 0x0454: (*uk)++; break;   /* і ї є (і is Belarusian too) */
  case 0x044B: case 0x044D: case 0x0451: (*ru)++; break;   /* ы э ё */
  case 0x044A: (*hard)++; break;                           /* ъ */
  case 0x0452: case 0x0458: case 0x0459: case 0x045A: case 0x045B: case 0x045F: (*sr)++; break;
  case 0x0453: case 0x045C: case 0x0455: (*mk)++; break;
  case 0x045E: (*be)++; break;                             /* ў */
  }
}

/* Letters of the Turkic languages written in Cyrillic (Kazakh, Kyrgyz,
 * Tatar, Bashkir, Uzbek), and of Tajik and Mongolian, which write Cyrillic
 * too: a Kazakh README was Russian, its і Ukrainian's; a Mongolian or Tajik
 * one was Russian, welcomed in Russian. */
enum { T_AE, T_Q, T_UU, T_NG, T_OE, T_UE, T_ZH, T_HX, T_GH, T_BA, T_TG, T_SAH, NTURKIC };

static void turkic_letter(unsigned cp, long t[NTURKIC]) {
  if (cp < 0x0490 || cp > 0x04FF) return;
  switch (cp | 1) {   /* (capital and small letter are a pair here, the small one odd) */
  case 0x04D9: t[T_AE]++; break;                             /* ә */
  case 0x049B: t[T_Q]++; break;                              /* қ */
  case 0x04B1: t[T_UU]++; break;                             /* ұ: Kazakh's own */
  case 0x04A3: t[T_NG]++; break;                             /* ң */
  case 0x04E9: t[T_OE]++; break;                             /* ө */
  case 0x04AF: t[T_UE]++; break;                             /* ү */
  case 0x0497: t[T_ZH]++; break;                             /* җ: Tatar's */
  case 0x04B3: t[T_HX]++; break;                             /* ҳ: Uzbek's, Tajik's */
  case 0x0493: t[T_GH]++; break;                             /* ғ */
  case 0x04A1: case 0x0499: case 0x04AB: t[T_BA]++; break;   /* ҡ ҙ ҫ: Bashkir's */
  case 0x04E3: case 0x04EF: case 0x04B7: t[T_TG]++; break;   /* ӣ ӯ ҷ: Tajik's */
  case 0x04A5: case 0x0495: t[T_SAH]++; break;               /* ҥ ҕ: Yakut's, not Mongolian's */
  }
}

/* The Turkic language of a Cyrillic text, Tajik or Mongolian, or NULL: a
 * few of its letters in every two hundred, more than a quoted name would
 * bring. Tajik writes ӣ ӯ ҷ (its ҳ ғ қ are Uzbek's too); Kazakh ұ, and ә
 * with қ; Tatar җ, or ә without қ; Kyrgyz ө ү with ң but no ә; Mongolian
 * ө ү with none of ң ә қ ғ ҳ; Uzbek ў (Belarusian's too) with қ ғ ҳ. */
static const char *turkic_lang(long n, const long t[NTURKIC], long u_short) {
#define STRONG(c) ((c) >= 3 && (c) * 200 >= n)
  if (STRONG(t[T_BA])) return "ba";
  if (STRONG(t[T_TG])) return "tg";
  if (STRONG(u_short) && STRONG(t[T_Q] + t[T_GH] + t[T_HX])) return "uz";
  if (STRONG(t[T_UU]) || (STRONG(t[T_AE]) && STRONG(t[T_Q]))) return "kk";
  if (STRONG(t[T_ZH]) || (STRONG(t[T_AE]) && !STRONG(t[T_Q]))) return "tt";
  if (t[T_NG] && STRONG(t[T_OE] + t[T_UE]) && !t[T_AE]) return "ky";
  if (STRONG(t[T_OE] + t[T_UE]) && !t[T_NG] && !t[T_AE] && !t[T_Q] && !t[T_GH] && !t[T_HX] &&
      !t[T_SAH])
    return "mn";
#undef STRONG
  return NULL;
}

/* Short words of Bulgarian that Russian does not write as words ("е" is
 * "is", "са" "are", "ще" the future, "виж" "see"), and Russian ones that
 * Bulgarian does not: a page of a few lines may have no ъ. */
static const char bg_words[] = " е са ще тази този това тези които който която което се да виж във със "
                               "няма може ако повече ";
/* and its endings: the verbal noun of a tldr item ("Копиране", "Показване")
 * and the article after -ия ("версията"); Russian says "Копирование",
 * "версия" */
static const char *const bg_endings[] = { "ане", "яне", "ията", NULL };
static const char ru_words[] = " что это эта этот эти для как если из к ли бы можно является или также "
                               "все его их ";

static void cyrillic_word(const char *w, size_t n, long *bgw, long *ruw) {
  char key[48];
  if (n + 3 > sizeof key) return;
  snprintf(key, sizeof key, " %.*s ", (int)n, w);
  if (strstr(bg_words, key)) (*bgw)++;
  if (strstr(ru_words, key)) (*ruw)++;
  for (int i = 0; bg_endings[i]; i++) {
    size_t e = strlen(bg_endings[i]);
    if (n >= e + 4 && !memcmp(w + n - e, bg_endings[i], e)) (*bgw)++;
  }
}

static const char *cyrillic_lang(long n, long uk, long ru, long hard, long sr, long mk, long be,
                                 long bgw, long ruw) {
  /* a few of a language's own letters in every hundred, more than a quoted
   * word of another would bring */
  if (mk >= 3 && mk * 200 >= n && mk * 2 >= sr) return "mk";
  if (sr >= 3 && sr * 100 >= n) return "sr";
  if (be >= 3 && be * 200 >= n) return "be";
  if (uk >= 3 && uk * 100 >= n && uk > ru * 2) return "uk";
  if (hard >= 3 && hard * 100 >= n && ru * 4 < hard) return "bg";
  /* none of Russian's own letters ы э ё, and Bulgarian's words */
  if (ru == 0 && bgw >= 2 && bgw > ruw) return "bg";
  return "ru";
}

/* Devanagari is Hindi's, unless Nepali's or Marathi's own short words
 * outnumber Hindi's (a Nepali guide said in the Hindi voice, with Hindi
 * phrases): Hindi है के में और; Nepali छ, र, पनि, यो, गर्न, मा; Marathi आहे,
 * आणि, च्या, मध्ये. A word both write (को, का) counts for neither. */
static const char *const deva_words[][2] = {
  { "hi", " है हैं में और से की लिए यह कि भी नहीं करें करने आप होता होती किया गया "},
  { "ne", " छ छन् र पनि यो गर्न लागि तपाईं तपाईंले तपाइँ तपाइँले भएको गर्नुहोस् हुन्छ गर्ने मा थियो छैन हुनुहुन्छ सक्छ "},
  { "mr", " आहे आहेत आणि च्या ची चा हे करा करण्यासाठी मध्ये नाही तुम्ही किंवा असेल होते "},
};
enum { NDEVA = sizeof deva_words / sizeof *deva_words };

static void deva_word(const char *w, size_t n, long hits[NDEVA]) {
  char key[96];
  if (n + 3 > sizeof key) return;
  snprintf(key, sizeof key, " %.*s ", (int)n, w);
  for (int i = 0; i < NDEVA; i++)
    if (strstr(deva_words[i][1], key)) hits[i]++;
}

static const char *deva_lang(const long hits[NDEVA]) {
  int top = 0;
  for (int i = 1; i < NDEVA; i++)
    if (hits[i] > hits[top]) top = i;
  return hits[top] >= 3 ? deva_words[top][0] : "hi";
}

/* Persian writes پ چ ژ گ and its own ک ی (Arabic: ك ي); Urdu adds ٹ ڈ ڑ ں ے. */
static void arabic_letter(unsigned cp, long *fa, long *ar, long *ur) {
  switch (cp) {
  case 0x067E: case 0x0686: case 0x0698: case 0x06AF: case 0x06A9: case 0x06CC: (*fa)++; break;
  case 0x0643: case 0x064A: case 0x0629: (*ar)++; break;   /* ك ي ة */
  case 0x0679: case 0x0688: case 0x0691: case 0x06BA: case 0x06D2: (*ur)++; break;
  }
}

static const char *arabic_lang(long n, long fa, long ar, long ur) {
  if (ur >= 3 && ur * 100 >= n) return "ur";
  if (fa >= 3 && fa * 50 >= n && fa > ar) return "fa";
  return "ar";
}

/* Characters of written Cantonese that Standard Chinese does not write:
 * 嘅 喺 咗 唔 冇 佢 哋 嘢 啲 噉 嗰 嚟 睇 攞 乜 */
static int cantonese_char(unsigned cp) {
  static const unsigned yue_chars[] = { 0x5605, 0x55BA, 0x54D7, 0x5514, 0x5187, 0x4F62, 0x54CB, 0x5622,
                                        0x5572, 0x5649, 0x55F0, 0x569F, 0x7747, 0x651E, 0x4E5C };
  for (size_t i = 0; i < sizeof yue_chars / sizeof *yue_chars; i++)
    if (cp == yue_chars[i]) return 1;
  return 0;
}

/* Frequent characters in their traditional and simplified forms (這/这,
 * 個/个, 們/们, 檔/档, 開/开 …): Chinese written in traditional ones (a
 * zh-TW README) is zh-Hant, whose phrases say 歡迎觀看, not 欢迎观看.
 * -> 1 traditional, -1 simplified, 0 neither. */
static int han_form(unsigned cp) {
  static const unsigned short trad[] = {
    0x9019, 0x500b, 0x5011, 0x65bc, 0x6a94, 0x958b, 0x5c08, 0x904e, 0x6a23, 0x8aaa, 0x70ba, 0x6703, 0x6642,
    0x4f86, 0x5c0d, 0x5b78, 0x9084, 0x767c, 0x9ad4, 0x8207, 0x88e1, 0x61c9, 0x5f8c, 0x5f9e, 0x8b93, 0x5c07,
    0x7d93, 0x8acb, 0x8cc7, 0x8a0a, 0x78bc, 0x83ef, 0x9801, 0x6236, 0x8a2d, 0x7db2, 0x7d61, 0x6578, 0x64da,
    0x5eab, 0x6aa2, 0x7dda, 0x7d71, 0x5be6, 0x73fe, 0x52d5, 0x8655, 0x64c7, 0x689d, 0x6b77, 0x7e2e, 0x5beb,
    0x932f, 0x8aa4, 0x57f7, 0x5340, 0x614b, 0x9ede, 0x9078, 0x55ae, 0x8b8a, 0x52d9, 0x8a9e, 0x97d3, 0x986f,
    0x5716, 0x66f8, 0x9928, 0x74b0, 0x8f09, 0x95dc, 0x9589, 0x806f, 0x6a5f, 0x8853, 0x7522, 0x969b, 0x8a08,
    0x8a8d, 0x8b49 };
  static const unsigned short simp[] = {
    0x8fd9, 0x4e2a, 0x4eec, 0x4e8e, 0x6863, 0x5f00, 0x4e13, 0x8fc7, 0x6837, 0x8bf4, 0x4e3a, 0x4f1a, 0x65f6,
    0x6765, 0x5bf9, 0x5b66, 0x8fd8, 0x53d1, 0x4f53, 0x4e0e, 0x91cc, 0x5e94, 0x540e, 0x4ece, 0x8ba9, 0x5c06,
    0x7ecf, 0x8bf7, 0x8d44, 0x8baf, 0x7801, 0x534e, 0x9875, 0x6237, 0x8bbe, 0x7f51, 0x7edc, 0x6570, 0x636e,
    0x5e93, 0x68c0, 0x7ebf, 0x7edf, 0x5b9e, 0x73b0, 0x52a8, 0x5904, 0x62e9, 0x6761, 0x5386, 0x7f29, 0x5199,
    0x9519, 0x8bef, 0x6267, 0x533a, 0x6001, 0x70b9, 0x9009, 0x5355, 0x53d8, 0x52a1, 0x8bed, 0x97e9, 0x663e,
    0x56fe, 0x4e66, 0x9986, 0x73af, 0x8f7d, 0x5173, 0x95ed, 0x8054, 0x673a, 0x672f, 0x4ea7, 0x9645, 0x8ba1,
    0x8ba4, 0x8bc1 };
  for (size_t i = 0; i < sizeof trad / sizeof *trad; i++) {
    if (cp == trad[i]) return 1;
    if (cp == simp[i]) return -1;
  }
  return 0;
}

int vgi_han_traditional(const char *s, size_t n) {
  long t = 0, z = 0;
  for (size_t i = 0, k; i < n; i += k) {
    unsigned cp = vg_utf8_decode(s, n, i, &k);
    int f = han_form(cp);
    t += f > 0, z += f < 0;
  }
  return t > z;
}

enum { HANGUL, KANA, HAN, ARABIC, CYRILLIC, GREEK, HEBREW, THAI, INDIC, LATIN, NSCRIPT };
enum { NSTOP = sizeof stop / sizeof *stop };

/* A script's letters weighed against Latin letters: a CJK character or
 * syllable (and an Arabic, Hebrew or Thai letter, written without most
 * vowels or spaces) as ~3 letters */
static long script_weight(int s, long n) { return s == CYRILLIC || s == GREEK || s == INDIC ? n : n * 3; }

/* One line's vote, and the line's counts set back to zero: for the script
 * that outweighs its Latin letters (six letters at least), else for the
 * Latin-script language whose short words it has most of (two at least),
 * English on a tie. */
static void line_vote(long seg_count[NSCRIPT], long seg_hits[NSTOP], long script_votes[NSCRIPT], long seg_votes[NSTOP]) {
  int best = LATIN;
  long best_n = seg_count[LATIN];
  for (int s = 0; s < LATIN; s++)
    if (seg_count[s] >= 6 && script_weight(s, seg_count[s]) > best_n) best = s, best_n = script_weight(s, seg_count[s]);
  if (best != LATIN) script_votes[best]++;
  else {
    size_t top = 0;
    for (size_t i = 1; i < NSTOP; i++)
      if (seg_hits[i] > seg_hits[top]) top = i;
    if (seg_hits[top] >= 2) seg_votes[top]++, script_votes[LATIN] += top == 0;
  }
  memset(seg_count, 0, sizeof(long) * NSCRIPT);
  memset(seg_hits, 0, sizeof(long) * NSTOP);
}

const char *vgi_detect_language(const char *text) {
  static const char *const script_lang[] = { "ko", "ja", "zh", "ar", "ru", "el", "he", "th", "hi", NULL };
  long count[NSCRIPT] = {0};
  long indic[NINDIC] = {0};   /* letters of each script of India, Sri Lanka, the Caucasus, Ethiopia */
  /* letters that tell the languages written in one script apart */
  long cy_uk = 0, cy_ru = 0, cy_hard = 0, cy_sr = 0, cy_mk = 0, cy_be = 0;
  long ar_fa = 0, ar_ar = 0, ar_ur = 0;
  long turkic[NTURKIC] = {0};
  long yue = 0;    /* characters only written Cantonese uses (嘅 喺 咗 …) */
  long hant = 0, hans = 0;   /* frequent characters in traditional, simplified form */
  long viet = 0;   /* letters only Vietnamese writes: ư ơ đ and the tone-marked vowels (U+1EA0–U+1EF9) */
  long yoruba = 0; /* ṣ and the tone-marked syllabic n (ń ǹ) Yoruba writes and Vietnamese never does:
                    * its ẹ ọ are Vietnamese letters too */
  long hits[sizeof stop / sizeof *stop] = {0};
  /* which of a language's words were seen (by offset in its list): one
   * word said thrice ("do" in "Step 1: do …") is weaker evidence than
   * three different ones */
  static _Thread_local unsigned char seen[sizeof stop / sizeof *stop][512];
  int distinct[sizeof stop / sizeof *stop] = {0};
  memset(seen, 0, sizeof seen);
  const unsigned char *p = (const unsigned char *)(text ? text : "");
  char word[32], cword[40];   /* the Latin word, the Cyrillic word being read */
  size_t wl = 0, cwl = 0;
  long bg_w = 0, ru_w = 0;
  char dword[96];   /* the Devanagari word being read */
  size_t dwl = 0;
  long deva[NDEVA] = {0};
  size_t budget = 200000;   /* enough to decide; a long document is not read twice */
  /* each line (a heading, a paragraph, an item) votes for its own
   * language: a translation that left whole paragraphs in English is
   * still the translation's language (seg_votes) */
  long seg_count[NSCRIPT] = {0}, seg_hits[sizeof stop / sizeof *stop] = {0};
  long script_votes[NSCRIPT] = {0}, seg_votes[sizeof stop / sizeof *stop] = {0};
  const unsigned char *no_target = p;   /* a "](" before it has no link target */
  while (*p && budget--) {
    if (*p == '\n') line_vote(seg_count, seg_hits, script_votes, seg_votes);
    /* a link is no word of the document's language: its Latin letters
     * would outweigh a short text in another script */
    if ((p == (const unsigned char *)text || isspace(p[-1]) || p[-1] == '<' || p[-1] == '(') &&
        (!strncmp((const char *)p, "http://", 7) || !strncmp((const char *)p, "https://", 8) ||
         !strncmp((const char *)p, "www.", 4))) {
      while (*p && !isspace(*p) && *p != '>' && *p != ')') p++;
      wl = 0;
      continue;
    }
    /* a Markdown link's target ("](#-%E0%A4%AA…)", "](./README.chinese.md)")
     * and an HTML tag ("<img src=…>") are no words of the document: a
     * Hindi table of contents of percent-encoded anchors was Portuguese,
     * a Hebrew README English */
    if (*p == ']' && p[1] == '(' && p >= no_target) {
      const unsigned char *close = p + 2;
      while (*close && *close != ')' && !isspace(*close)) close++;
      if (*close == ')') { p = close + 1; wl = cwl = 0; continue; }
      /* every "](" before where this one's scan stopped stops there too:
       * "[a]([a]([a](..." on one line was scanned to its end from each */
      no_target = close;
    }
    if (*p == '<' && (isalpha(p[1]) || p[1] == '/' || p[1] == '!')) {
      const unsigned char *close = p + 1;
      while (*close && *close != '>' && *close != '<' && close - p < 2000) close++;
      if (*close == '>') { p = close + 1; wl = cwl = 0; continue; }
    }
    /* code (`make install`) is not the document's language: a short page
     * in another language would be outweighed by its English words */
    if (*p == '`') {
      const unsigned char *close = p + 1;
      while (*close && *close != '`' && *close != '\n') close++;
      p = *close == '`' ? close + 1 : p + 1;
      wl = cwl = 0;
      continue;
    }
    unsigned cp = next_cp(&p);
    int letter = 0;
    if (cp >= 0x0400 && cp <= 0x04FF) {
      unsigned lc = cp < 0x0410 ? cp + 0x50 : cp < 0x0430 ? cp + 0x20 : cp;
      if (cwl + 2 < sizeof cword) { cword[cwl++] = (char)(0xC0 | (lc >> 6)); cword[cwl++] = (char)(0x80 | (lc & 63)); }
    } else if (cwl) {
      cyrillic_word(cword, cwl, &bg_w, &ru_w);
      cwl = 0;
    }
    if (cp >= 0x0900 && cp <= 0x097F && cp != 0x0964 && cp != 0x0965) {   /* (not the danda, । ॥) */
      if (dwl + 3 < sizeof dword) {
        dword[dwl++] = (char)(0xE0 | (cp >> 12));
        dword[dwl++] = (char)(0x80 | ((cp >> 6) & 63));
        dword[dwl++] = (char)(0x80 | (cp & 63));
      }
    } else if (dwl) {
      deva_word(dword, dwl, deva);
      dwl = 0;
    }
    long before[NSCRIPT];
    memcpy(before, count, sizeof before);
    if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F))
      count[HANGUL]++;
    else if (cp >= 0x3040 && cp <= 0x30FF) count[KANA]++;
    else if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) count[HAN]++, yue += cantonese_char(cp), hant += han_form(cp) > 0, hans += han_form(cp) < 0;
    else if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
             (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
      count[ARABIC]++;
    else if (cp >= 0x0400 && cp <= 0x04FF) count[CYRILLIC]++, letter = 1;
    else if (indic_script(cp) >= 0) indic[indic_script(cp)]++, count[INDIC]++;
    else if (cp >= 0x0370 && cp <= 0x03FF) count[GREEK]++;
    else if (cp >= 0x0590 && cp <= 0x05FF) count[HEBREW]++;
    else if (cp >= 0x0E00 && cp <= 0x0E7F) count[THAI]++;
    else if (cp >= 0x1EA0 && cp <= 0x1EF9) viet++, count[LATIN]++;
    else if ((cp < 128 && isalpha((int)cp)) || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
             cp == 0x0259)   /* (ə, Azerbaijani's frequent vowel, is in the IPA block) */
      count[LATIN]++, letter = 1;
    for (int sc = 0; sc < NSCRIPT; sc++) seg_count[sc] += count[sc] - before[sc];
    cyrillic_letter(cp, &cy_uk, &cy_ru, &cy_hard, &cy_sr, &cy_mk, &cy_be);
    turkic_letter(cp, turkic);
    arabic_letter(cp, &ar_fa, &ar_ar, &ar_ur);
    if (cp == 0x01B0 || cp == 0x01AF || cp == 0x01A1 || cp == 0x01A0 || cp == 0x0111 || cp == 0x0110) viet++;
    if (cp == 0x1E62 || cp == 0x1E63 || cp == 0x0144 || cp == 0x0143 || cp == 0x01F8 || cp == 0x01F9) yoruba++;
    if (letter && (cp < 0x250 || cp == 0x0259)) {
      /* a Latin word, lower case, as UTF-8 */
      unsigned lc = cp < 128 ? (unsigned)tolower((int)cp) : (cp >= 0xC0 && cp <= 0xDE ? cp + 32 : cp);
      if (cp == 0x018F) lc = 0x0259;   /* Ə */
      if (lc < 0x80 && wl + 1 < sizeof word) word[wl++] = (char)lc;
      else if (wl + 2 < sizeof word) { word[wl++] = (char)(0xC0 | (lc >> 6)); word[wl++] = (char)(0x80 | (lc & 63)); }
      continue;
    }
    if (wl && wl < 12) {
      char key[40];
      snprintf(key, sizeof key, " %.*s ", (int)wl, word);
      for (size_t i = 0; i < sizeof stop / sizeof *stop; i++) {
        const char *at = strstr(stop[i].words, key);
        if (!at) continue;
        hits[i]++;
        seg_hits[i]++;
        size_t off = (size_t)(at - stop[i].words);
        if (off < sizeof seen[i] && !seen[i][off]) { seen[i][off] = 1; distinct[i]++; }
      }
    }
    wl = 0;
  }
  if (cwl) cyrillic_word(cword, cwl, &bg_w, &ru_w);
  if (dwl) deva_word(dword, dwl, deva);
  line_vote(seg_count, seg_hits, script_votes, seg_votes);
  /* a CJK character or syllable carries about a word: weigh it against
   * Latin letters (commands and names in the prose) as ~3 letters */
  int best = LATIN;
  long best_n = count[LATIN];
  for (int s = 0; s < LATIN; s++) {
    long w = script_weight(s, count[s]);
    if (w > best_n) { best_n = w; best = s; }
  }
  /* a translation into another script with much left in English (the
   * names of links to English pages, commands, untranslated paragraphs):
   * its script weighs half the Latin letters or more, and a third of the
   * lines that are in either are in it */
  if (best == LATIN) {
    int top = 0;
    for (int s = 1; s < LATIN; s++)
      if (script_votes[s] > script_votes[top]) top = s;
    if (script_votes[top] >= 3 && script_votes[top] * 3 >= script_votes[LATIN] &&
        script_weight(top, count[top]) * 2 >= count[LATIN])
      best = top;
  }
  if (best == HAN && count[KANA] * 5 > count[HAN]) best = KANA;   /* Japanese mixes kana and kanji */
  if (best == KANA) return "ja";
  if (best == CYRILLIC && turkic_lang(count[CYRILLIC], turkic, cy_be))
    return turkic_lang(count[CYRILLIC], turkic, cy_be);
  if (best == CYRILLIC)
    return cyrillic_lang(count[CYRILLIC], cy_uk, cy_ru, cy_hard, cy_sr, cy_mk, cy_be, bg_w, ru_w);
  if (best == ARABIC) return arabic_lang(count[ARABIC], ar_fa, ar_ar, ar_ur);
  if (best == INDIC) {
    int top = 0;
    for (int i = 1; i < NINDIC; i++)
      if (indic[i] > indic[top]) top = i;
    if (!strcmp(indic_langs[top].lang, "hi")) return deva_lang(deva);
    return indic_langs[top].lang;
  }
  /* written Cantonese: its own particles and pronouns, one character in
   * fifty or more (a quoted word in a Mandarin text is not enough) */
  if (best == HAN && yue >= 3 && yue * 50 >= count[HAN]) return "yue";
  /* traditional characters, three or more and twice the simplified ones */
  if (best == HAN && hant >= 3 && hant > 2 * hans) return "zh-Hant";
  if (best != LATIN) return script_lang[best];
  /* Vietnamese: a few of its letters in every sentence (one in twenty
   * letters); a French "Đ" in a name is not enough */
  if (viet >= 10 && viet * 20 >= count[LATIN] && yoruba < 3) return "vi";
  size_t top = 0, other = 1;
  for (size_t i = 1; i < sizeof stop / sizeof *stop; i++) {
    if (hits[i] > hits[top]) top = i;
    if (hits[i] > hits[other]) other = i;
  }
  /* a translation with paragraphs left in English (a FAQ half
   * translated): its own words on as many lines as English words or more, eight
   * different ones or more, and a third of English's hits at least */
  if (!top && distinct[other] >= 8 && hits[other] * 3 >= hits[0] && seg_votes[other] >= seg_votes[0])
    return stop[other].lang;
  /* too little evidence (a title, a few words): English, as before */
  if (hits[top] < 3 || hits[top] <= hits[0] || distinct[top] < 2) return "en";
  return stop[top].lang;
}

/* ---- the model ---------------------------------------------------------------- */

/* "ko", "pt-BR", "zh-Hans": a plausible BCP 47 tag */
int vgi_lang_tag_ok(const char *s) {
  if (!s) return 0;
  size_t n = 0;
  while (isalpha((unsigned char)s[n])) n++;
  if (n < 2 || n > 3) return 0;
  while (s[n] == '-' || s[n] == '_') {
    size_t k = ++n;
    while (isalnum((unsigned char)s[n])) n++;
    if (n - k < 1 || n - k > 8) return 0;
  }
  return s[n] == 0;
}

int vgi_spoken_lang(const char *s) {
  return vgi_lang_tag_ok(s) && (vgi_lang_known(s) || vgi_voice_known(s));
}

static void gather(const cJSON *x, vgi_buf *b, int depth) {
  if (depth > 8 || b->n > 200000) return;
  if (cJSON_IsString(x)) { vgi_buf_puts(b, x->valuestring); vgi_buf_puts(b, "\n"); return; }
  for (const cJSON *c = x ? x->child : NULL; c; c = c->next) {
    /* code is not the document's language */
    if (c->string && (!strcmp(c->string, "commands") || !strcmp(c->string, "code") ||
                      !strcmp(c->string, "before_code") || !strcmp(c->string, "after_code") ||
                      !strcmp(c->string, "output") || !strcmp(c->string, "image") ||
                      !strcmp(c->string, "voice") || !strcmp(c->string, "source") ||
                      !strcmp(c->string, "id") || !strcmp(c->string, "scene_type") ||
                      !strcmp(c->string, "language") || !strcmp(c->string, "theme") ||
                      !strcmp(c->string, "accent_color")))
      continue;
    gather(c, b, depth + 1);
  }
}

/* The voice of a language nobody chose a voice for: the table's, else, for
 * a language outside the table that espeak-ng speaks, its own. */
static const char *voice_of(const char *lang) {
  if (!vgi_lang_known(lang) && vgi_voice_known(lang)) return lang;
  return vgi_phrase(lang, "voice");
}

/* A video's language: its own `language` (front matter, YAML), else detected
 * from its words. A voice nobody chose (marked by the adapter with
 * VGI_VOICE_AUTO_KEY) becomes the voice of that language; scenes that
 * inherited the video's voice follow it. */
void vgi_language_pass(cJSON *model, const char *force) {
  cJSON *videos = cJSON_GetObjectItemCaseSensitive(model, "videos");
  for (cJSON *v = videos ? videos->child : NULL; v; v = v->next) {
    if (!cJSON_IsObject(v)) continue;
    const char *given = force && *force ? force : vgi_str(v, "language");
    char lang[64];
    if (given && vgi_lang_tag_ok(given) && strlen(given) < sizeof lang) {
      snprintf(lang, sizeof lang, "%s", given);
    } else {
      vgi_buf b = {0};
      gather(cJSON_GetObjectItemCaseSensitive(v, "title"), &b, 0);
      /* a scene that says its own language does not decide the video's */
      cJSON *all = cJSON_GetObjectItemCaseSensitive(v, "scenes");
      for (cJSON *s = all ? all->child : NULL; s; s = s->next)
        if (!vgi_spoken_lang(vgi_str(s, "language"))) gather(s, &b, 1);
      snprintf(lang, sizeof lang, "%s", vgi_detect_language(b.s ? b.s : ""));
      vgi_buf_free(&b);
    }
    if (cJSON_GetObjectItemCaseSensitive(v, "language"))
      cJSON_ReplaceItemInObjectCaseSensitive(v, "language", cJSON_CreateString(lang));
    else
      cJSON_AddStringToObject(v, "language", lang);
    /* scenes carry it too: a layout draws one scene, without its video; a
     * scene that names its own ("language: de" in a YAML deck) keeps it,
     * unless the caller forced one language on everything */
    int forced = force && *force;
    cJSON *sc = cJSON_GetObjectItemCaseSensitive(v, "scenes");
    for (cJSON *s = sc ? sc->child : NULL; s; s = s->next) {
      if (!cJSON_IsObject(s) || (!forced && vgi_spoken_lang(vgi_str(s, "language")))) continue;
      if (cJSON_GetObjectItemCaseSensitive(s, "language"))
        cJSON_ReplaceItemInObjectCaseSensitive(s, "language", cJSON_CreateString(lang));
      else
        cJSON_AddStringToObject(s, "language", lang);
    }
    cJSON *flag = cJSON_GetObjectItemCaseSensitive(v, VGI_VOICE_AUTO_KEY);
    if (!flag) continue;
    const char *old = vgi_str(v, "voice");
    char *was = vgi_strdup(old ? old : "male");
    const char *want = voice_of(lang);
    if (strcmp(want, was))
      cJSON_ReplaceItemInObjectCaseSensitive(v, "voice", cJSON_CreateString(want));
    /* a scene that inherited the voice nobody chose takes its language's */
    for (cJSON *s = sc ? sc->child : NULL; s; s = s->next) {
      const char *sv = vgi_str(s, "voice"), *sl = vgi_str(s, "language");
      const char *sw = sl && strcmp(sl, lang) ? voice_of(sl) : want;
      if (sv && !strcmp(sv, was) && strcmp(sw, was))
        cJSON_ReplaceItemInObjectCaseSensitive(s, "voice", cJSON_CreateString(sw));
    }
    free(was);
    cJSON_DeleteItemFromObjectCaseSensitive(v, VGI_VOICE_AUTO_KEY);
  }
}
