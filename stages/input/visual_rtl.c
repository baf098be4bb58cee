/* A line of Arabic, Hebrew or Persian typed in visual order: written for a
 * page laid out left to right (GitHub's Arabic READMEs: "(بالنسخة (١.٢٥) و
 * (٢.٠ MS-DOS الكود المصدري لـ"), it reads as its author meant only on that
 * one line, so a title could not wrap and the voice said its words in the
 * wrong order. It is put back in logical order: laid out left to right as
 * its author saw it (ICU's bidi, brackets mirrored), then that picture read
 * right to left as a right-to-left paragraph reads it (bidi again, which
 * puts Latin words and numbers back in their own order). Called by the
 * Markdown reader on every heading and paragraph (markdown.c). */
#include <stdlib.h>
#include <string.h>

#include <unicode/ubidi.h>
#include <unicode/ustring.h>

#include "input_private.h"

/* 1 when the code point at u (UTF-8) is a letter of a right-to-left script:
 * Hebrew U+0590..U+05FF, Arabic U+0600..U+06FF, Syriac, Thaana,
 * U+0700..U+07BF, Arabic presentation forms U+FB1D..U+FDFF, U+FE70..U+FEFF.
 * (Arabic-Indic digits U+0660..U+0669 are not letters.) */
static int rtl_letter(const unsigned char *u) {
  if (u[0] >= 0xD6 && u[0] <= 0xDE) {
    if (u[0] == 0xD9 && u[1] >= 0xA0 && u[1] <= 0xA9) return 0;   /* ٠..٩ */
    if (u[0] == 0xDB && u[1] >= 0xB0 && u[1] <= 0xB9) return 0;   /* ۰..۹ */
    return u[0] != 0xD6 || u[1] >= 0x90;
  }
  if (u[0] == 0xEF && ((u[1] >= 0xAC && u[1] <= 0xB7) || (u[1] >= 0xB9 && u[1] <= 0xBB))) return 1;
  return 0;
}

/* t reordered by ICU with the paragraph level `level` (0 left to right, 1
 * right to left), brackets mirrored; NULL when ICU cannot. */
static UChar *reordered(const UChar *t, int32_t n, UBiDiLevel level, int32_t *out_n) {
  UErrorCode e = U_ZERO_ERROR;
  UBiDi *b = ubidi_openSized(n, 0, &e);
  if (U_FAILURE(e)) return NULL;
  UChar *r = malloc(((size_t)n + 1) * sizeof *r);
  if (r) {
    ubidi_setPara(b, t, n, level, NULL, &e);
    *out_n = U_SUCCESS(e) ? ubidi_writeReordered(b, r, n + 1, UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &e) : 0;
    if (U_FAILURE(e)) { free(r); r = NULL; }
  }
  ubidi_close(b);
  return r;
}

char *vgi_visual_rtl_logical(char *t) {
  /* typed in visual order: a bracket opened first, more opened than closed
   * (as the renderer tells it, stages/render/text.c), and a right-to-left
   * letter in it; a line of 4 KB or more is left as it is */
  if (!t || t[0] != '(') return t;
  size_t n = strlen(t);
  if (n >= 4096) return t;
  int opens = 0, closes = 0, rtl = 0;
  for (const unsigned char *q = (const unsigned char *)t; *q; q++) {
    opens += *q == '(', closes += *q == ')';
    if (*q >= 0xC0 && !rtl) rtl = rtl_letter(q);
  }
  if (opens <= closes || !rtl) return t;
  UErrorCode e = U_ZERO_ERROR;
  UChar u[4096];
  int32_t un = 0;
  u_strFromUTF8(u, 4096, &un, t, (int32_t)n, &e);
  if (U_FAILURE(e) || un >= 4096) return t;
  int32_t vn = 0, ln = 0;
  UChar *seen = reordered(u, un, UBIDI_LTR, &vn);   /* as its author saw it */
  UChar *logical = seen ? reordered(seen, vn, UBIDI_RTL, &ln) : NULL;   /* that, read right to left */
  free(seen);
  if (!logical) return t;
  int32_t bn = 0;
  char *r = malloc(n * 2 + 8);
  if (r) {
    e = U_ZERO_ERROR;
    u_strToUTF8(r, (int32_t)(n * 2 + 8), &bn, logical, ln, &e);
    if (U_FAILURE(e)) { free(r); r = NULL; }
    else r[bn] = 0;
  }
  free(logical);
  if (!r) return t;
  free(t);
  return r;
}
