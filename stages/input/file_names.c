/* file_names.c: a part of a file name made from a document's words (a
 * title, a heading, an input's name), for the videos, captions and
 * thumbnails vgrun writes (lua/vg/create/outputs.lua through
 * vg.input_core.name_part) and the ids of the videos the Markdown adapter
 * makes.
 *
 * Latin letters with marks are folded to ASCII ("Français" → "Francais",
 * "Über" → "Uber", "Señor" → "Senor", Æ → AE, ß → ss, Ø → O, Ł → L),
 * Cyrillic and Greek transliterated (a table of one or a few Latin letters
 * a letter: "Привет" → "Privet", "Αθήνα" → "Athina"), fullwidth letters
 * and digits made ASCII. Letters of scripts without such a table (Chinese,
 * Japanese, Korean, Arabic, Hebrew, Thai, Devanagari, …) stay as they are
 * written: Linux file names are bytes, UTF-8 shows them. Everything else
 * (punctuation, symbols, spaces, emoji, control and format characters,
 * bidirectional marks, bytes that are no UTF-8) parts words. So a name
 * never holds '/', '\\', a control character, a character Windows refuses
 * (<>:"|?*) or a shell's special one ($`'!&;…), never starts with '.' or
 * is "..", and is at most max bytes, cut between characters. An id
 * (VGI_NAME_ASCII: the model's ids are ASCII) keeps only what is spelled
 * in ASCII. */
#include "input_private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* U+00C0-U+024F and U+1E00-U+1EFF (Latin-1, Extended-A/B, Extended
 * Additional) as ASCII: the letter without its marks (Unicode's
 * decomposition), or the usual spelling of a letter that has none (Æ AE, ß
 * ss, Ø O, Đ D, Ł L, Þ TH, Œ OE). NULL: no ASCII spelling (the letter
 * stays) or not a letter (× ÷). */
static const char *const latin_fold[0x190] = {
  /* U+00C0 */ "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
  /* U+00D0 */ "D", "N", "O", "O", "O", "O", "O", NULL, "O", "U", "U", "U", "U", "Y", "TH", "ss",
  /* U+00E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
  /* U+00F0 */ "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
  /* U+0100 */ "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",
  /* U+0110 */ "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",
  /* U+0120 */ "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",
  /* U+0130 */ "I", "i", "IJ", "ij", "J", "j", "K", "k", "q", "L", "l", "L", "l", "L", "l", "L",
  /* U+0140 */ "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",
  /* U+0150 */ "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",
  /* U+0160 */ "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",
  /* U+0170 */ "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
  /* U+0180 */ "b", "B", NULL, NULL, NULL, NULL, "O", "C", "c", "D", "D", NULL, NULL, NULL, "E", "E",
  /* U+0190 */ "E", "F", "f", "G", "G", NULL, NULL, "I", "K", "k", "l", NULL, NULL, "N", "n", "O",
  /* U+01A0 */ "O", "o", NULL, NULL, "P", "p", "R", NULL, NULL, NULL, NULL, "t", "T", "t", "T", "U",
  /* U+01B0 */ "u", "U", "V", "Y", "y", "Z", "z", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  /* U+01C0 */ NULL, NULL, NULL, NULL, "DZ", "Dz", "dz", "LJ", "Lj", "lj", "NJ", "Nj", "nj", "A", "a", "I",
  /* U+01D0 */ "i", "O", "o", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u", "e", "A", "a",
  /* U+01E0 */ "A", "a", "AE", "ae", "G", "g", "G", "g", "K", "k", "O", "o", "O", "o", NULL, NULL,
  /* U+01F0 */ "j", "DZ", "Dz", "dz", "G", "g", NULL, NULL, "N", "n", "A", "a", "AE", "ae", "O", "o",
  /* U+0200 */ "A", "a", "A", "a", "E", "e", "E", "e", "I", "i", "I", "i", "O", "o", "O", "o",
  /* U+0210 */ "R", "r", "R", "r", "U", "u", "U", "u", "S", "s", "T", "t", NULL, NULL, "H", "h",
  /* U+0220 */ NULL, NULL, NULL, NULL, "Z", "z", "A", "a", "E", "e", "O", "o", "O", "o", "O", "o",
  /* U+0230 */ "O", "o", "Y", "y", "l", "n", "t", "j", "db", "qp", "A", "C", "c", "L", "T", "s",
  /* U+0240 */ "z", NULL, NULL, "B", "U", NULL, "E", "e", "J", "j", "Q", "q", "R", "r", "Y", "y",
};
static const char *const latin_more_fold[0x100] = {
  /* U+1E00 */ "A", "a", "B", "b", "B", "b", "B", "b", "C", "c", "D", "d", "D", "d", "D", "d",
  /* U+1E10 */ "D", "d", "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "F", "f",
  /* U+1E20 */ "G", "g", "H", "h", "H", "h", "H", "h", "H", "h", "H", "h", "I", "i", "I", "i",
  /* U+1E30 */ "K", "k", "K", "k", "K", "k", "L", "l", "L", "l", "L", "l", "L", "l", "M", "m",
  /* U+1E40 */ "M", "m", "M", "m", "N", "n", "N", "n", "N", "n", "N", "n", "O", "o", "O", "o",
  /* U+1E50 */ "O", "o", "O", "o", "P", "p", "P", "p", "R", "r", "R", "r", "R", "r", "R", "r",
  /* U+1E60 */ "S", "s", "S", "s", "S", "s", "S", "s", "S", "s", "T", "t", "T", "t", "T", "t",
  /* U+1E70 */ "T", "t", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u", "V", "v", "V", "v",
  /* U+1E80 */ "W", "w", "W", "w", "W", "w", "W", "w", "W", "w", "X", "x", "X", "x", "Y", "y",
  /* U+1E90 */ "Z", "z", "Z", "z", "Z", "z", "h", "t", "w", "y", "a", "s", "s", "s", "SS", "d",
  /* U+1EA0 */ "A", "a", "A", "a", "A", "a", "A", "a", "A", "a", "A", "a", "A", "a", "A", "a",
  /* U+1EB0 */ "A", "a", "A", "a", "A", "a", "A", "a", "E", "e", "E", "e", "E", "e", "E", "e",
  /* U+1EC0 */ "E", "e", "E", "e", "E", "e", "E", "e", "I", "i", "I", "i", "O", "o", "O", "o",
  /* U+1ED0 */ "O", "o", "O", "o", "O", "o", "O", "o", "O", "o", "O", "o", "O", "o", "O", "o",
  /* U+1EE0 */ "O", "o", "O", "o", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u",
  /* U+1EF0 */ "U", "u", "Y", "y", "Y", "y", "Y", "y", "Y", "y", NULL, NULL, NULL, NULL, NULL, NULL,
};

/* Cyrillic U+0400-U+045F (Russian, Ukrainian, Belarusian, Serbian,
 * Macedonian; lower case: the capitals are these with their first letter
 * made upper case), a simple reading of the scientific and passport
 * transliterations: "" for the hard and soft signs. */
static const char *const cyrillic[0x60] = {
  /* U+0400 Ѐ Ё Ђ Ѓ Є Ѕ І Ї Ј Љ Њ Ћ Ќ Ѝ Ў Џ */
  "e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz",
  /* U+0410 А-П */
  "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
  /* U+0420 Р-Я */
  "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
  /* U+0430 а-п */
  "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
  /* U+0440 р-я */
  "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
  /* U+0450 ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ */
  "e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz",
};

/* Greek U+0386-U+03CE (with tonos and dialytika; lower case as above),
 * the reading of ELOT 743 without its digraph rules; NULL: no letter. */
static const char *const greek[0x49] = {
  /* U+0386 Ά · Έ Ή Ί ΀ Ό ΂ Ύ Ώ ΐ */
  "a", NULL, "e", "i", "i", NULL, "o", NULL, "y", "o", "i",
  /* U+0391 Α-Ο */
  "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o",
  /* U+03A0 Π Ρ ΢ Σ Τ Υ Φ Χ Ψ Ω Ϊ Ϋ ά έ ή ί */
  "p", "r", NULL, "s", "t", "y", "f", "ch", "ps", "o", "i", "y", "a", "e", "i", "i",
  /* U+03B0 ΰ α-ο */
  "y", "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o",
  /* U+03C0 π ρ ς σ τ υ φ χ ψ ω ϊ ϋ ό ύ ώ */
  "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o", "i", "y", "o", "y", "o",
};

/* The code point at s[*i] (advancing *i), or -1 for a byte that starts no
 * well-formed UTF-8 sequence (overlong, a surrogate, past U+10FFFF). */
static long next_cp(const unsigned char *s, size_t n, size_t *i) {
  unsigned char c = s[*i];
  size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (!k || *i + k > n) { (*i)++; return -1; }
  unsigned long cp = k == 1 ? c : k == 2 ? c & 0x1Fu : k == 3 ? c & 0x0Fu : c & 0x07u;
  for (size_t q = 1; q < k; q++) {
    if ((s[*i + q] & 0xC0) != 0x80) { (*i)++; return -1; }
    cp = cp << 6 | (s[*i + q] & 0x3Fu);
  }
  static const unsigned long least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
  if (cp < least[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { (*i)++; return -1; }
  *i += k;
  return (long)cp;
}

/* Whether cp, not a letter of the tables above, is kept as written: a
 * letter, digit or mark of another script. Punctuation, symbols, spaces,
 * format and private-use characters and emoji part words instead. */
static int kept(unsigned long cp) {
  if (cp < 0xC0) return 0;   /* ASCII is judged apart; U+0080-U+00BF: controls, signs, spaces */
  if (cp >= 0x0300 && cp <= 0x036F) return 0;   /* combining marks of Latin, Greek, Cyrillic (NFD names) */
  if (cp == 0x037E || cp == 0x0387 || cp == 0x055D || cp == 0x0589 || cp == 0x05BE || cp == 0x05C0 ||
      cp == 0x05C3 || cp == 0x05F3 || cp == 0x05F4 || cp == 0x060C || cp == 0x061B || cp == 0x061F ||
      (cp >= 0x066A && cp <= 0x066D) || cp == 0x06D4 || cp == 0x0964 || cp == 0x0965 || cp == 0x0E2F ||
      cp == 0x0E46 || cp == 0x0E4F || cp == 0x0E5A || cp == 0x0E5B || cp == 0x10FB || cp == 0x1361 ||
      cp == 0x1362 || cp == 0x17D4 || cp == 0x17D5)
    return 0;   /* the full stops, commas and question marks of Greek, Armenian, Hebrew, Arabic, Indic, Thai, Khmer, … */
  if (cp >= 0x1680 && cp <= 0x1680) return 0;
  if (cp >= 0x2000 && cp <= 0x2BFF) return 0;   /* spaces, punctuation, symbols, arrows, shapes */
  if (cp >= 0x2E00 && cp <= 0x2E7F) return 0;   /* supplemental punctuation */
  if (cp >= 0x3000 && cp <= 0x3004) return 0;   /* 、。〃 and the ideographic space */
  if (cp >= 0x3008 && cp <= 0x3020) return 0;   /* CJK brackets 「」『』【】 */
  if (cp == 0x3030 || cp == 0x303D || cp == 0x30FB) return 0;
  if (cp >= 0xD800 && cp <= 0xF8FF) return 0;   /* surrogates, private use */
  if (cp >= 0xFE00 && cp <= 0xFE0F) return 0;   /* variation selectors */
  if (cp >= 0xFE10 && cp <= 0xFE6F) return 0;   /* vertical and small forms of punctuation */
  if (cp >= 0xFEFF && cp <= 0xFF0F) return 0;   /* byte order mark, fullwidth ！＂＃… */
  if ((cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
    return 0;
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return 0;   /* specials */
  if (cp >= 0x1F000 && cp <= 0x1FBFF) return 0;   /* emoji, pictographs, playing cards */
  if (cp >= 0xE0000) return 0;   /* tags, private use planes */
  return 1;
}

/* The ASCII spelling of cp from the tables (a capital's first letter made
 * upper case), or NULL when it has none. */
static const char *spelled(unsigned long cp, int *upper) {
  *upper = 0;
  if (cp >= 0xC0 && cp <= 0x24F) return latin_fold[cp - 0xC0];
  if (cp >= 0x1E00 && cp <= 0x1EFF) return latin_more_fold[cp - 0x1E00];
  if (cp >= 0x400 && cp <= 0x45F) {
    *upper = cp < 0x430;
    return cyrillic[cp - 0x400];
  }
  if (cp == 0x490 || cp == 0x491) { *upper = cp == 0x490; return "g"; }   /* Ґ ґ */
  /* the letters Kazakh, Kyrgyz, Tatar, Bashkir, Uzbek and Tajik add, a pair
   * each (capital even): "нұсқаулығы" was "n_s_auly_y" */
  if (cp >= 0x492 && cp <= 0x4EF) {
    static const struct { unsigned short cp; const char *s; } turkic[] = {
      { 0x492, "gh" }, { 0x496, "zh" }, { 0x498, "dh" }, { 0x49A, "q" }, { 0x4A0, "q" }, { 0x4A2, "ng" },
      { 0x4AA, "th" }, { 0x4AE, "u" }, { 0x4B0, "u" }, { 0x4B2, "h" }, { 0x4B6, "j" }, { 0x4BA, "h" },
      { 0x4D8, "a" }, { 0x4E2, "i" }, { 0x4E8, "o" }, { 0x4EE, "u" },
    };
    for (size_t k = 0; k < sizeof turkic / sizeof *turkic; k++)
      if ((cp & ~1ul) == turkic[k].cp) { *upper = !(cp & 1); return turkic[k].s; }
    return NULL;
  }
  if (cp == 0x259) return "e";   /* ə (Ə is in latin_fold) */
  if (cp >= 0x386 && cp <= 0x3CE) {
    *upper = cp < 0x3AC && cp != 0x390;   /* ΐ is small */
    return greek[cp - 0x386];
  }
  return NULL;
}

char *vgi_name_part(const char *s, int flags, char sep, size_t max) {
  int slug = flags & VGI_NAME_SLUG;
  const unsigned char *u = (const unsigned char *)(s ? s : "");
  size_t n = strlen((const char *)u);
  char *out = malloc(max + 1);
  if (!out) return NULL;
  size_t o = 0;
  int gap = 0;   /* a word ended: a separator goes before the next one */
  for (size_t i = 0; i < n;) {
    long cp = next_cp(u, n, &i);
    char one[8];
    const char *put = NULL;
    int upper = 0;
    if (cp < 0) {
      gap = 1;
      continue;
    }
    if (cp < 0x80) {
      int c = (int)cp;
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        one[0] = (char)(slug && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        one[1] = 0;
        put = one;
      } else if (!slug && (c == '.' || c == '_' || c == '-')) {
        /* a name keeps its own dots, underscores and hyphens, never first */
        if (o && !gap && o < max) out[o++] = (char)c;
        continue;
      } else {
        gap = 1;
        continue;
      }
    } else if (cp >= 0xFF10 && cp <= 0xFF5A && kept((unsigned long)cp)) {
      /* fullwidth digits and letters: ０-９ Ａ-Ｚ ａ-ｚ */
      int c = (int)(cp - 0xFF10 + '0');
      one[0] = (char)(slug && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      one[1] = 0;
      put = one;
    } else if ((put = spelled((unsigned long)cp, &upper))) {
      if (!*put) continue;   /* a hard or soft sign: no letter, no gap */
      if (upper || slug) {
        /* "Ж" → "Zh" in a name, "zh" in a slug; "Æ" → "AE" or "ae" */
        size_t l = strlen(put);
        if (l >= sizeof one) l = sizeof one - 1;
        for (size_t k = 0; k < l; k++) {
          char c = put[k];
          if (slug && c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
          if (!slug && upper && k == 0 && c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
          one[k] = c;
        }
        one[l] = 0;
        put = one;
      }
    } else if (!(flags & VGI_NAME_ASCII) && kept((unsigned long)cp)) {
      size_t k = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      memcpy(one, u + i - k, k);   /* as written */
      one[k] = 0;
      put = one;
    } else {
      gap = 1;
      continue;
    }
    size_t l = strlen(put);
    size_t need = l + (gap && o ? 1 : 0);
    if (o + need > max) break;   /* whole characters only */
    if (gap && o) out[o++] = sep;
    memcpy(out + o, put, l);
    o += l;
    gap = 0;
  }
  /* no separator, dot or hyphen left at the end ("Notes." → "Notes") */
  while (o && (out[o - 1] == sep || out[o - 1] == '.' || out[o - 1] == '-' || out[o - 1] == '_')) o--;
  out[o] = 0;
  /* a name Windows keeps for a device, alone or before a dot ("con",
   * "NUL.tar", "com1"), gets a separator: "con_" */
  static const char *const devices[] = { "con", "prn", "aux", "nul", NULL };
  size_t stem = strcspn(out, ".");
  int device = 0;
  if (slug) return out;   /* a slug is a part after a number ("01-con") */
  for (int k = 0; devices[k] && !device; k++) device = stem == 3 && !strncasecmp(out, devices[k], 3);
  if (stem == 4 && (!strncasecmp(out, "com", 3) || !strncasecmp(out, "lpt", 3)) && out[3] >= '0' && out[3] <= '9')
    device = 1;
  if (device && o < max) {
    memmove(out + stem + 1, out + stem, o - stem + 1);
    out[stem] = sep;
  }
  return out;
}
