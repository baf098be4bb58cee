/* A path or link left out of a Chinese, Japanese or Korean sentence. These
 * languages put no preposition before the place but a particle or
 * postposition after it ("設定ファイルは <path> にあります", "从 <link> 获取",
 * "<path>에 있습니다"), so dropping the thing alone leaves "は にあります".
 * Here the sentence either goes (it only pointed to the link: 参照してください,
 * 请参阅, 참고하세요), loses the thing alone (a noun beside it already says
 * what it was: "<path> フォルダ"), or says where to look instead ("画面の
 * ファイルにあります"), as English says "the file shown". */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "input_private.h"

/* A sentence's end in s at p: a full-width or ASCII final mark. Its length, or 0. */
static size_t stop_at(const char *p) {
  if (vgi_wide_stop(p)) return 3;   /* 。！？．‼ */
  if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || !p[1])) return 1;
  if (*p == '\n') return 1;
  return 0;
}

static int has_any(const char *s, const char *e, const char *const *words) {
  for (int i = 0; words[i]; i++) {
    size_t l = strlen(words[i]);
    for (const char *q = s; q + l <= e; q++)
      if (!memcmp(q, words[i], l)) return 1;
  }
  return 0;
}

/* The length of the word of words that s starts with, or 0. */
static size_t starts(const char *s, const char *const *words) {
  for (int i = 0; words[i]; i++)
    if (!strncmp(s, words[i], strlen(words[i]))) return strlen(words[i]);
  return 0;
}

/* 1 when [s, e) ends with one of words. */
static int ends(const char *s, const char *e, const char *const *words) {
  for (int i = 0; words[i]; i++) {
    size_t l = strlen(words[i]);
    if ((size_t)(e - s) >= l && !memcmp(e - l, words[i], l)) return 1;
  }
  return 0;
}

/* Korean particles that a word takes after it, longest first. */
static const char *const ko_particles[] = {
  "\xEC\x97\x90\xEC\x84\x9C\xEB\x8A\x94",   /* 에서는 */
  "\xEC\x97\x90\xEC\x84\x9C", "\xEC\x97\x90\xEB\x8A\x94", "\xEC\x97\x90\xEA\xB2\x8C",   /* 에서 에는 에게 */
  "\xEC\x9C\xBC\xEB\xA1\x9C", "\xEA\xB9\x8C\xEC\xA7\x80", "\xEB\xB6\x80\xED\x84\xB0",   /* 으로 까지 부터 */
  "\xEC\x97\x90", "\xEB\xA1\x9C", "\xEB\xA5\xBC", "\xEC\x9D\x84", "\xEC\x9D\x80", "\xEB\x8A\x94",   /* 에 로 를 을 은 는 */
  "\xEC\x9D\xB4", "\xEA\xB0\x80", "\xEC\x9D\x98", "\xEC\x99\x80", "\xEA\xB3\xBC", "\xEB\x8F\x84",   /* 이 가 의 와 과 도 */
  NULL };

size_t vgi_ko_particle_tail(const char *w, size_t n) {
  /* the Hangul glued to a thing written in ASCII ("`/etc/x`에", "README.md를",
   * "/etc/group내에"): a particle or a postposition, never part of the thing */
  size_t l = 0;
  while (l + 3 <= n && (unsigned char)w[n - l - 3] >= 0xEA && (unsigned char)w[n - l - 3] <= 0xED &&
         ((unsigned char)w[n - l - 2] & 0xC0) == 0x80 && ((unsigned char)w[n - l - 1] & 0xC0) == 0x80)
    l += 3;
  return l && n > l && !((unsigned char)w[n - l - 1] & 0x80) ? l : 0;
}

/* The length of the word of words that s[0, n) starts with, or 0 (s need
 * not end at n). */
static size_t starts_n(const char *s, size_t n, const char *const *words) {
  for (int i = 0; words[i]; i++) {
    size_t l = strlen(words[i]);
    if (l <= n && !memcmp(s, words[i], l)) return l;
  }
  return 0;
}

size_t vgi_leading_particle(const char *s, size_t n) {
  /* Korean: a particle as a word of its own ("를 다음처럼 나타냅니다"); not
   * 이, 가, 도, also words ("이 스크립트" is "this script") */
  static const char *const ko_alone[] = { "\xEC\x9D\xB4", "\xEA\xB0\x80", "\xEB\x8F\x84", NULL };   /* 이 가 도 */
  size_t l = starts_n(s, n, ko_particles);
  for (int k = 0; l && ko_alone[k]; k++)
    if (l == strlen(ko_alone[k]) && !strncmp(s, ko_alone[k], l)) l = 0;
  if (l && (l == n || s[l] == ' ')) {
    while (l < n && s[l] == ' ') l++;
    return l;
  }
  /* Japanese: を, or の, は before a kanji ("の後に指定した数値が…"); none
   * starts a sentence */
  static const char *const ja[] = { "\xE3\x82\x92", "\xE3\x81\xAE", "\xE3\x81\xAF", NULL };   /* を の は */
  l = starts_n(s, n, ja);
  if (l && l + 3 <= n && (l == 3 && !strncmp(s, "\xE3\x82\x92", 3) ? 1 :
                          (unsigned char)s[l] >= 0xE4 && (unsigned char)s[l] <= 0xE9))
    return l;
  return 0;
}

/* The particle at p said after a noun ending in a vowel (vowel) or in ㄹ
 * (!vowel): "를" for "을", "는" for "은" … Its replacement, or NULL. */
static const char *ko_agree(const char *p, int vowel, size_t *len) {
  static const char *const pairs[][2] = {   /* after a consonant, after a vowel */
    { "\xEC\x9D\x84", "\xEB\xA5\xBC" }, { "\xEC\x9D\x80", "\xEB\x8A\x94" },   /* 을 를, 은 는 */
    { "\xEC\x9D\xB4 ", "\xEA\xB0\x80 " }, { "\xEA\xB3\xBC", "\xEC\x99\x80" },   /* 이 가, 과 와 */
    { "\xEC\x9C\xBC\xEB\xA1\x9C", "\xEB\xA1\x9C" } };                       /* 으로 로 (ㄹ takes 로) */
  for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
    for (int k = 0; k < 2; k++)
      if (!strncmp(p, pairs[i][k], strlen(pairs[i][k]))) {
        *len = strlen(pairs[i][k]);
        return i == 4 ? pairs[i][1] : pairs[i][vowel];
      }
  return NULL;
}

int vgi_cjk_mark_out(char **tp, size_t at, int kind, char lang) {
  static const char *const pointers[] = {
    "\xE5\x8F\x82\xE7\x85\xA7", "\xE3\x81\x94\xE8\xA6\xA7", "\xE8\xA6\x8B\xE3\x81\xA6",   /* 参照 ご覧 見て */
    "\xE3\x82\xA2\xE3\x82\xAF\xE3\x82\xBB\xE3\x82\xB9",                                    /* アクセス */
    "\xE5\x8F\x82\xE9\x98\x85", "\xE5\x8F\x82\xE8\xA7\x81", "\xE5\x8F\x82\xE8\x80\x83",   /* 参阅 参见 参考 */
    "\xE8\xAE\xBF\xE9\x97\xAE", "\xE8\xAF\xB7\xE7\x9C\x8B", "\xE5\x8F\x83\xE9\x96\xB1",   /* 访问 请看 參閱 */
    "\xE5\x8F\x83\xE8\xA6\x8B", "\xE5\x8F\x83\xE8\x80\x83", "\xE9\x80\xA0\xE8\xA8\xAA",   /* 參見 參考 造訪 */
    "\xEC\xB0\xB8\xEA\xB3\xA0", "\xEC\xB0\xB8\xEC\xA1\xB0", "\xEB\xB0\xA9\xEB\xAC\xB8",   /* 참고 참조 방문 */
    "\xED\x99\x95\xEC\x9D\xB8\xED\x95\x98\xEC\x84\xB8\xEC\x9A\x94",                        /* 확인하세요 */
    NULL };
  static const char *const nouns[] = {
    "\xE3\x83\x95\xE3\x82\xA9\xE3\x83\xAB\xE3\x83\x80",                                    /* フォルダ */
    "\xE3\x83\x87\xE3\x82\xA3\xE3\x83\xAC\xE3\x82\xAF\xE3\x83\x88\xE3\x83\xAA",            /* ディレクトリ */
    "\xE3\x83\x95\xE3\x82\xA1\xE3\x82\xA4\xE3\x83\xAB", "\xE3\x83\x91\xE3\x82\xB9",        /* ファイル パス */
    "\xE7\x9B\xAE\xE5\xBD\x95", "\xE6\x96\x87\xE4\xBB\xB6", "\xE8\xB7\xAF\xE5\xBE\x84",   /* 目录 文件 路径 */
    "\xE7\x9B\xAE\xE9\x8C\x84", "\xE6\xAA\x94\xE6\xA1\x88", "\xE8\xB3\x87\xE6\x96\x99\xE5\xA4\xBE", /* 目錄 檔案 資料夾 */
    "\xED\x8F\xB4\xEB\x8D\x94", "\xEB\x94\x94\xEB\xA0\x89\xED\x84\xB0\xEB\xA6\xAC",        /* 폴더 디렉터리 */
    "\xEB\x94\x94\xEB\xA0\x89\xED\x86\xA0\xEB\xA6\xAC", "\xED\x8C\x8C\xEC\x9D\xBC",        /* 디렉토리 파일 */
    "\xEA\xB2\xBD\xEB\xA1\x9C", NULL };                                                   /* 경로 */
  static const char *const shown[4][3] = {
    /* folder, file, address */
    { "\xE7\x94\xBB\xE9\x9D\xA2\xE3\x81\xAE\xE3\x83\x95\xE3\x82\xA9\xE3\x83\xAB\xE3\x83\x80",   /* 画面のフォルダ */
      "\xE7\x94\xBB\xE9\x9D\xA2\xE3\x81\xAE\xE3\x83\x95\xE3\x82\xA1\xE3\x82\xA4\xE3\x83\xAB",   /* 画面のファイル */
      "\xE7\x94\xBB\xE9\x9D\xA2\xE3\x81\xAE\xE3\x82\xA2\xE3\x83\x89\xE3\x83\xAC\xE3\x82\xB9" }, /* 画面のアドレス */
    { "\xE5\xB1\x8F\xE5\xB9\x95\xE4\xB8\x8A\xE7\x9A\x84\xE6\x96\x87\xE4\xBB\xB6\xE5\xA4\xB9",   /* 屏幕上的文件夹 */
      "\xE5\xB1\x8F\xE5\xB9\x95\xE4\xB8\x8A\xE7\x9A\x84\xE6\x96\x87\xE4\xBB\xB6",               /* 屏幕上的文件 */
      "\xE5\xB1\x8F\xE5\xB9\x95\xE4\xB8\x8A\xE7\x9A\x84\xE5\x9C\xB0\xE5\x9D\x80" },             /* 屏幕上的地址 */
    { "\xED\x99\x94\xEB\xA9\xB4\xEC\x9D\x98 \xED\x8F\xB4\xEB\x8D\x94",                          /* 화면의 폴더 */
      "\xED\x99\x94\xEB\xA9\xB4\xEC\x9D\x98 \xED\x8C\x8C\xEC\x9D\xBC",                          /* 화면의 파일 */
      "\xED\x99\x94\xEB\xA9\xB4\xEC\x9D\x98 \xEC\xA3\xBC\xEC\x86\x8C" },                        /* 화면의 주소 */
    /* Chinese in traditional characters */
    { "\xE7\x95\xAB\xE9\x9D\xA2\xE4\xB8\x8A\xE7\x9A\x84\xE8\xB3\x87\xE6\x96\x99\xE5\xA4\xBE",   /* 畫面上的資料夾 */
      "\xE7\x95\xAB\xE9\x9D\xA2\xE4\xB8\x8A\xE7\x9A\x84\xE6\xAA\x94\xE6\xA1\x88",               /* 畫面上的檔案 */
      "\xE7\x95\xAB\xE9\x9D\xA2\xE4\xB8\x8A\xE7\x9A\x84\xE7\xB6\xB2\xE5\x9D\x80" } };           /* 畫面上的網址 */
  int li = lang == 'j' ? 0 : lang == 'z' ? 1 : lang == 'k' ? 2 : lang == 'h' ? 3 : -1;
  if (li < 0 || kind < 1 || kind > 3) return 0;
  char *t = *tp, *m = t + at;
  size_t tl = strlen(t);
  if (li == 1 && vgi_han_traditional(t, tl)) li = 3;   /* (a zh-TW text: 畫面上的檔案, not 屏幕上的文件) */
  /* the sentence around the mark: [s, e) with its final mark */
  char *s = m;
  while (s > t) {
    size_t sl = 0;
    for (size_t k = 1; k <= 3 && (size_t)(s - t) >= k && !sl; k++) sl = stop_at(s - k) == k ? k : 0;
    if (sl) break;
    s--;
  }
  char *e = m + 1;
  while (*e && !stop_at(e)) e++;
  if (*e) e += stop_at(e);
  /* the space-trimmed neighbours of the mark */
  char *b = m, *a = m + 1;
  while (b > s && b[-1] == ' ') b--;
  while (*a == ' ') a++;
  /* announced after a colon ("ドキュメント: <link>"): the general rules judge it */
  if (b > s && (b[-1] == ':' || (b - s >= 3 && !memcmp(b - 3, "\xEF\xBC\x9A", 3)))) return 0;
  if (has_any(s, e, pointers)) {   /* only pointed to the link: the sentence goes */
    while (*e == ' ') e++;
    memmove(s, e, strlen(e) + 1);
    return 1;
  }
  if (starts(a, nouns) || ends(s, b, nouns)) {   /* "<path> フォルダ", "目录 <path>": the noun says it */
    char *from = lang == 'k' && b > s && starts(a, nouns) ? m : b;
    memmove(from, a, strlen(a) + 1);
    return 1;
  }
  /* after a name in Latin letters ("by Juergen Weigert <mail>", "Tony
   * Nugent <mail> によって"): the name says whose it was, the address goes
   * alone (a stand-in glued to the name said "Weigert画面のアドレス") */
  if (kind == 3 && b > s && isalpha((unsigned char)b[-1])) {
    int sp = *a && !stop_at(a) && *a != ',' && *a != ')';
    memmove(b + sp, a, strlen(a) + 1);
    if (sp) *b = ' ';
    return 1;
  }
  /* a sentence with no Chinese, Japanese or Korean in it (a paragraph its
   * translators left in English, zh_CN newgrp.1's "listed in <path> if no
   * group name is given") takes no stand-in of theirs glued into it ("listed
   * in屏幕上的文件夹if"): it is said by an English voice, and points to
   * the screen in English, as an English sentence does ("listed in the
   * folder shown if …") */
  int own = 0;
  for (const char *q = s; q < e && !own; q++) own = (unsigned char)*q >= 0xE3 && (unsigned char)*q <= 0xED;
  if (!own) {
    static const char *const en[] = { "the folder shown", "the file shown", "the address shown" };
    vgi_buf o = {0};
    vgi_buf_add(&o, t, (size_t)(m - t));
    if (m > t && m[-1] != ' ' && m[-1] != '(' && m[-1] != '\'') vgi_buf_puts(&o, " ");
    vgi_buf_puts(&o, en[kind - 1]);
    if (m[1] && m[1] != ' ' && !strchr(".,;:!?)'\"", m[1])) vgi_buf_puts(&o, " ");
    vgi_buf_puts(&o, m + 1);
    free(t);
    *tp = vgi_buf_take(&o);
    return 1;
  }
  const char *in = shown[li][kind - 1];
  /* Korean: a space before it (words are spaced), the particle glued after
   * it and agreeing with its last sound (파일 ends in ㄹ, 폴더 and 주소 in a vowel) */
  int sp = lang == 'k' && b > s && b[-1] != '(';
  size_t al = 0;
  const char *agree = lang == 'k' && starts(a, ko_particles) ? ko_agree(a, kind != 2, &al) : NULL;
  vgi_buf o = {0};
  vgi_buf_add(&o, t, (size_t)(b - t));
  if (sp) vgi_buf_puts(&o, " ");
  vgi_buf_puts(&o, in);
  if (lang == 'k' && !starts(a, ko_particles) && *a && !stop_at(a)) vgi_buf_puts(&o, " ");
  if (agree) {
    vgi_buf_puts(&o, agree);
    a += al;
  }
  vgi_buf_add(&o, a, tl - (size_t)(a - t));
  free(t);
  *tp = vgi_buf_take(&o);
  return 1;
}
