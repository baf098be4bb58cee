/* Words of the scripts written without spaces between them: Thai, Lao,
 * Khmer and Burmese put a space between phrases or sentences, not words, so
 * a count by spaces makes a long item a few "words" and it is never given a
 * headline. Their words are found by ICU's word break iterator, which
 * carries a dictionary for each of the four; its boundaries never fall
 * inside a grapheme cluster. Called by vgi_word_count (util.c) and
 * vgi_headline (markdown.c). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "input_private.h"

/* (ICU is asked about a run of at most this many bytes at once: a longer
 * one is cut at a cluster boundary and asked about in pieces) */
enum { RUN_MAX = 4096 };

/* The length of a letter of those scripts at p (Thai U+0E00..U+0E7F, Lao
 * U+0E80..U+0EFF, Burmese U+1000..U+109F, Khmer U+1780..U+17FF), or 0. */
size_t vgi_unspaced_at(const char *p) {
  const unsigned char *u = (const unsigned char *)p;
  if (u[0] == 0xE0 && u[1] >= 0xB8 && u[1] <= 0xBB && u[2]) return 3;
  if (u[0] == 0xE1 && ((u[1] >= 0x80 && u[1] <= 0x82) || u[1] == 0x9E || u[1] == 0x9F) && u[2]) return 3;
  return 0;
}

int vgi_unspaced_text(const char *s, size_t n) {
  for (size_t i = 0; i + 2 < n; i++)
    if ((unsigned char)s[i] >= 0xE0 && vgi_unspaced_at(s + i)) return 1;
  return 0;
}

/* Puts the word ends (byte offsets in s, after base) that ICU finds in
 * s[0..n), a run without spaces, in ends (NULL: only counts them); a piece
 * of punctuation or a sign stays with the word before it. -> how many were
 * found (at most max), -1 when ICU cannot be used. */
static int run_words(const char *s, size_t n, size_t base, size_t *ends, int max) {
  UErrorCode e = U_ZERO_ERROR;
  int32_t ul = 0;
  u_strFromUTF8(NULL, 0, &ul, s, (int32_t)n, &e);
  if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e)) return -1;
  UChar *u = malloc(((size_t)ul + 1) * sizeof *u);
  if (!u) return -1;
  e = U_ZERO_ERROR;
  u_strFromUTF8(u, ul + 1, &ul, s, (int32_t)n, &e);
  UBreakIterator *b = U_FAILURE(e) ? NULL : ubrk_open(UBRK_WORD, "", u, ul, &e);
  if (!b || U_FAILURE(e)) {
    if (b) ubrk_close(b);
    free(u);
    return -1;
  }
  int k = 0;
  size_t byte = 0;   /* the byte offset of UTF-16 unit `at` */
  int32_t at = 0;
  for (int32_t q = ubrk_next(b); q != UBRK_DONE && k < max; q = ubrk_next(b)) {
    int letters = ubrk_getRuleStatus(b) != UBRK_WORD_NONE;
    /* (UTF-16 units to UTF-8 bytes: a surrogate pair is one 4-byte letter) */
    for (; at < q; at++) {
      UChar c = u[at];
      byte += c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xD800 && c <= 0xDBFF) ? (at++, 4) : 3;
    }
    if (!ends) k += letters || k == 0;   /* (only counted) */
    else if (letters || k == 0) ends[k++] = base + byte;
    else ends[k - 1] = base + byte;   /* a sign goes with its word */
  }
  ubrk_close(b);
  free(u);
  return k;
}

int vgi_unspaced_split(const char *t, size_t ws[], size_t we[], int max) {
  int n = 0;
  for (size_t i = 0; t[i] && n < max;) {
    while (t[i] == ' ') i++;
    if (!t[i]) break;
    size_t s = i;
    while (t[i] && t[i] != ' ') i++;
    if (!vgi_unspaced_text(t + s, i - s)) {
      ws[n] = s, we[n++] = i;
      continue;
    }
    /* a token of those scripts, in runs of at most RUN_MAX bytes, each
     * ended before a letter (a byte that starts a character) */
    for (size_t a = s; a < i && n < max;) {
      size_t z = i - a > RUN_MAX ? a + RUN_MAX : i;
      while (z > a + 1 && z < i && ((unsigned char)t[z] & 0xC0) == 0x80) z--;
      size_t ends[256];
      int room = max - n < 256 ? max - n : 256;
      int k = run_words(t + a, z - a, a, ends, room);
      if (k <= 0) { ws[n] = a, we[n++] = z; a = z; continue; }
      for (int j = 0; j < k; j++) {
        ws[n] = j ? ends[j - 1] : a;
        we[n++] = ends[j];
      }
      a = ends[k - 1] > a ? ends[k - 1] : z;
    }
  }
  return n;
}

int vgi_unspaced_word_count(const char *s) {
  int total = 0;
  for (size_t i = 0; s[i];) {
    while (s[i] && isspace((unsigned char)s[i])) i++;
    if (!s[i]) break;
    size_t a = i;
    while (s[i] && !isspace((unsigned char)s[i])) i++;
    if (!vgi_unspaced_text(s + a, i - a)) { total++; continue; }
    /* a token of those scripts, in runs of at most RUN_MAX bytes */
    for (size_t z; a < i; a = z) {
      z = i - a > RUN_MAX ? a + RUN_MAX : i;
      while (z > a + 1 && z < i && ((unsigned char)s[z] & 0xC0) == 0x80) z--;
      int k = run_words(s + a, z - a, 0, NULL, RUN_MAX);
      total += k > 0 ? k : 1;
    }
  }
  return total;
}

/* Words that wait for what follows them: conjunctions, relative pronouns,
 * prepositions, auxiliaries and the prefixes that make a noun of a verb
 * (Thai การ, ความ). A headline never ends on one. */
static const char *const opening[] = {
  /* Thai */
  "และ", "หรือ", "แต่", "ที่", "ซึ่ง", "อัน", "เพื่อ", "โดย", "ของ", "ใน", "กับ", "จาก", "ถึง", "ว่า",
  "เมื่อ", "ถ้า", "หาก", "แก่", "เพราะ", "เนื่องจาก", "สำหรับ", "ตาม", "ระหว่าง", "ด้วย", "บน", "จน",
  "จึง", "ขณะ", "ขณะที่", "ต่อ", "จะ", "ไม่", "การ", "ความ", "ได้แก่", "คือ", "เป็น", "ให้", "แห่ง",
  "ทั้ง", "หรือไม่", "โดยที่", "เพื่อให้", "ก็",
  /* Lao */
  "ແລະ", "ຫຼື", "ຫລື", "ແຕ່", "ທີ່", "ຊຶ່ງ", "ເຊິ່ງ", "ເພື່ອ", "ໂດຍ", "ຂອງ", "ໃນ", "ກັບ", "ຈາກ", "ວ່າ",
  "ເມື່ອ", "ຖ້າ", "ຈະ", "ບໍ່", "ການ", "ຄວາມ", "ແມ່ນ", "ເປັນ", "ໃຫ້", "ສຳລັບ", "ຕາມ",
  /* Khmer */
  "និង", "ឬ", "ប៉ុន្តែ", "ដែល", "ដើម្បី", "ដោយ", "របស់", "នៅ", "ក្នុង", "ជាមួយ", "ពី", "ថា", "ពេល",
  "ប្រសិនបើ", "បើ", "នឹង", "មិន", "ការ", "សេចក្តី", "គឺ", "ជា", "សម្រាប់", "តាម", "ទៅ", "លើ",
  NULL };
/* Burmese puts its particles and postpositions after the word (တွင် "in",
 * ၏ "of", ကို, နှင့် "and, with"): a headline never stops before one. */
static const char *const closing[] = {
  "သည်", "တွင်", "၌", "၏", "ကို", "နှင့်", "နဲ့", "မှ", "သို့", "က", "များ", "တို့", "ရန်", "အတွက်",
  "ပါ", "သော", "သည့်", "မည်", "ခဲ့", "နေ", "ပြီ", "ဖြင့်", "လည်း", "ရှိ", "သာ", "ကြ",
  NULL };

static int listed(const char *const *list, const char *w, size_t n) {
  while (n && strchr(",.;:!?\"')", w[n - 1])) n--;
  for (int k = 0; list[k]; k++)
    if (strlen(list[k]) == n && !memcmp(list[k], w, n)) return 1;
  return 0;
}

/* May a headline of words ws/we[0..k) end there? Not on a word that opens
 * a phrase, not before a particle that closes one. */
static int may_end(const char *t, const size_t ws[], const size_t we[], int n, int k) {
  if (listed(opening, t + ws[k - 1], we[k - 1] - ws[k - 1])) return 0;
  if (k < n && listed(closing, t + ws[k], we[k] - ws[k])) return 0;
  /* nor inside a Latin name ("…ร่วมพัฒนา Open | Source"): a space
   * between two Latin words parts no phrase of these scripts */
  if (k < n && isalnum((unsigned char)t[we[k - 1] - 1]) && isalpha((unsigned char)t[ws[k]]) &&
      isalpha((unsigned char)t[ws[k - 1]]))
    return 0;
  return 1;
}

size_t vgi_unspaced_cut(const char *t, const size_t ws[], const size_t we[], int n, int most, int whole) {
  if (n <= most) return strlen(t);
  /* a phrase's end: the last space after four words or more (Thai, Lao
   * and Khmer put one between phrases; Burmese after its "။" and "၊") */
  for (int k = most; k >= 4; k--)
    if (k < n && we[k - 1] < ws[k] && may_end(t, ws, we, n, k)) return we[k - 1];
  /* the whole sentence when it is not much longer */
  if (n <= whole) return strlen(t);
  /* before an opening word, after five words or more */
  for (int k = most; k >= 5; k--)
    if (listed(opening, t + ws[k], we[k] - ws[k]) && may_end(t, ws, we, n, k)) return we[k - 1];
  /* the most words there is room for, back to where one may end */
  for (int k = most; k >= 4; k--)
    if (may_end(t, ws, we, n, k)) return we[k - 1];
  return we[most - 1];
}

/* Thai and Lao have no full stop: a space ends a sentence, as it also
 * parts phrases and the items of a list. Words around which a space parts
 * no sentence: conjunctions, relatives and prepositions (and, or, which,
 * of, in, with, for, as, by), and Thai's repetition mark ๆ. */
static const char *const joining[] = {
  "และ", "หรือ", "แต่", "ที่", "ซึ่ง", "อัน", "เพื่อ", "โดย", "ของ", "ใน", "กับ", "จาก", "ถึง", "ว่า", "แก่",
  "เพราะ", "เนื่องจาก", "สำหรับ", "ตาม", "ระหว่าง", "ด้วย", "บน", "จน", "จึง", "ต่อ", "คือ", "เป็น", "แห่ง",
  "ได้แก่", "หรือไม่", "โดยที่", "เพื่อให้", "ก็", "เช่น", "ทั้ง", "ๆ",
  "ແລະ", "ຫຼື", "ຫລື", "ແຕ່", "ທີ່", "ຊຶ່ງ", "ເຊິ່ງ", "ເພື່ອ", "ໂດຍ", "ຂອງ", "ໃນ", "ກັບ", "ຈາກ", "ວ່າ",
  "ສຳລັບ", "ຕາມ", "ຄື", "ເປັນ", "ແມ່ນ", "ເຊັ່ນ", "ທັງ", "ໆ",
  NULL };

static const char *const topic[] = { "นั้น", "นี้", "ນັ້ນ", "ນີ້", NULL };

/* 1 when the 3-byte letter at p is Thai or Lao (U+0E00..U+0EFF). */
static int thai_lao_at(const char *p) {
  const unsigned char *u = (const unsigned char *)p;
  return u[0] == 0xE0 && u[1] >= 0xB8 && u[1] <= 0xBB && (u[2] & 0xC0) == 0x80;
}

enum { PHRASE_MAX = 240 };   /* (the bytes of a phrase asked about: 80 letters) */

int vgi_unspaced_sentence_space(const char *text, const char *from, const char *sp) {
  if (*sp != ' ' || sp - from < 30 || sp - text < 3 || !thai_lao_at(sp - 3) || !thai_lao_at(sp + 1)) return 0;
  /* the phrase after: three words or more, not opened by a joining word */
  const char *a = sp + 1, *z = a;
  while (*z && *z != ' ' && z - a < PHRASE_MAX) z++;
  while (z > a + 1 && *z && *z != ' ' && ((unsigned char)*z & 0xC0) == 0x80) z--;
  size_t ends[4];
  int k = run_words(a, (size_t)(z - a), 0, ends, 4);
  if (k < 3 || listed(joining, a, ends[0])) return 0;
  /* the phrase before: not ended by a joining word (its last 80 letters) */
  const char *b = sp;
  while (b > from && b[-1] != ' ' && sp - b < PHRASE_MAX) b--;
  while (b < sp && ((unsigned char)*b & 0xC0) == 0x80) b++;
  size_t bends[PHRASE_MAX / 3 + 8];   /* (more than its letters: each of its words) */
  int bk = run_words(b, (size_t)(sp - b), 0, bends, PHRASE_MAX / 3 + 8);
  if (bk <= 0) return 0;
  size_t last = bk > 1 ? bends[bk - 2] : 0;
  /* a sentence of one phrase so far: four words or more ("บางวิดีโอนั้น",
   * "some videos", is a topic, not a sentence), and not an opening clause
   * ("ถ้าคุณอ่านเล่มใดเล่มนึงจนจบ คุณควร…", "if you read one to the end, you
   * should …") */
  static const char *const clause[] = { "ถ้า", "หาก", "เมื่อ", "แม้", "ถึงแม้", "เพราะ", "ขณะที่", "ตอนที่", "ใน",
                                        "เพื่อ", "ຖ້າ", "ເມື່ອ", "ແມ່ນວ່າ", "ເພາະ", "ຫາກ", "ໃນ", "ເພື່ອ", NULL };
  size_t w0 = 0;   /* the sentence's first word */
  int fk = run_words(from, (size_t)(sp - from) < 60 ? (size_t)(sp - from) : 60, 0, &w0, 1);
  for (int c = 0; fk == 1 && clause[c] && sp - from < 3 * PHRASE_MAX / 2; c++)
    if (w0 == strlen(clause[c]) && !memcmp(from, clause[c], w0)) return 0;
  /* (a topic before its comment, "คลังการ์ดของผมนั้น", "my deck of cards") */
  if (b == from && (bk < 4 || listed(topic, b + last, (size_t)(sp - b) - last))) return 0;
  return !listed(joining, b + last, (size_t)(sp - b) - last) && !listed(joining, sp - 3, 3);
}
