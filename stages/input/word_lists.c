/* Word lists looked up fast. The narration's rules ask, at every word of
 * every sentence, whether it is one of a list ("the", "see ", "for more
 * information"): a strlen and a strncasecmp per entry cost the most of
 * reading a long document. These answer the same (ASCII case folded, as
 * strncasecmp does in the C locale) and leave an entry at its first byte
 * that differs, without measuring it first. */
#include <stddef.h>
#include <string.h>

#include "input_private.h"

static inline unsigned char fold(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c; }

int vgi_word_in(const char *const *list, const char *w, size_t n) {
  if (!n) {
    for (int i = 0; list[i]; i++)
      if (!*list[i]) return 1;
    return 0;
  }
  unsigned char f = fold((unsigned char)*w);
  for (int i = 0; list[i]; i++) {
    const unsigned char *e = (const unsigned char *)list[i];
    if (fold(*e) != f) continue;
    size_t k = 1;
    while (k < n && e[k] && fold(e[k]) == fold((unsigned char)w[k])) k++;
    if (k == n && !e[n]) return 1;
  }
  return 0;
}

size_t vgi_opens_ci(const char *s, const char *prefix) {
  size_t k = 0;
  while (prefix[k] && fold((unsigned char)prefix[k]) == fold((unsigned char)s[k])) k++;
  return prefix[k] ? 0 : k;
}

int vgi_list_has(const char *const *list, const char *t) {
  for (int i = 0; list[i]; i++)
    if (list[i][0] == t[0] && !strcmp(list[i], t)) return 1;
  return 0;
}
