/* icu_graphemes: for each line of UTF-8 on stdin, prints the byte offsets
 * where ICU's character break iterator (extended grapheme clusters) ends a
 * cluster. tests/render/graphemes_icu.sh compares vg.text with it. */
#include <stdio.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

int main(void) {
  static char line[16384], tmp[16384];
  static UChar u[16384];
  while (fgets(line, sizeof line, stdin)) {
    size_t n = strlen(line);
    if (n && line[n - 1] == '\n') line[--n] = 0;
    int32_t ul = 0;
    UErrorCode e = U_ZERO_ERROR;
    u_strFromUTF8(u, 16384, &ul, line, (int32_t)n, &e);
    UBreakIterator *bi = ubrk_open(UBRK_CHARACTER, "en", u, ul, &e);
    if (U_FAILURE(e)) { printf("error: %s\n", u_errorName(e)); continue; }
    ubrk_first(bi);
    for (int32_t p; (p = ubrk_next(bi)) != UBRK_DONE;) {
      int32_t bl = 0;
      UErrorCode e2 = U_ZERO_ERROR;
      u_strToUTF8(tmp, sizeof tmp, &bl, u, p, &e2);  /* UTF-16 offset -> bytes */
      printf("%d ", bl);
    }
    printf("\n");
    ubrk_close(bi);
  }
  return 0;
}
