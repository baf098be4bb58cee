/* footnotes.c: a footnote's definition ("[^1]: text", or "[^1]:" over its
 * text indented under it) is not part of the talk, wherever it stands: at
 * the margin, in a list item or inside an admonition's body (MkDocs
 * Material puts it there, two columns in). Its reference ("[^1]") is
 * dropped where the text is read (markdown.c); the definition, with the
 * lines that go on from it and the paragraphs indented under it, becomes
 * blank here, in place, so line numbers stay right. Before, a definition
 * inside a callout was read as "…, as captions are optional.: You might
 * also …", the colon left of its mark. Code fences keep theirs. */
#define _GNU_SOURCE 1   /* memmem */
#include "input_private.h"

#include <string.h>

/* the column of the definition opening line [s, e), -1 when it opens none */
static long footnote_def(const char *l, const char *e) {
  const char *s = l;
  while (s < e && *s == ' ') s++;
  if (e - s < 5 || s[0] != '[' || s[1] != '^') return -1;
  const char *q = s + 2;
  while (q < e && *q != ']' && *q != ' ' && *q != '[' && q - s < 42) q++;
  if (q == s + 2 || q + 1 >= e || q[0] != ']' || q[1] != ':') return -1;
  return (long)(s - l);
}

void vgi_footnote_defs_out(char *text, size_t len) {
  if (!memmem(text, len, "[^", 2)) return;   /* most documents have none */
  int fence = 0;
  char fc = 0;
  long col = -1;     /* in a definition opened at this column */
  int gap = 0;       /* after a blank line in it: only deeper lines go on */
  long body = -1;    /* the column of its text (under "[^1]:" alone: the next line's) */
  for (size_t i = 0; i < len;) {
    char *l = text + i, *nl = memchr(l, '\n', len - i), *e = nl ? nl : text + len;
    const char *s = l;
    while (s < e && *s == ' ') s++;
    int blank = s == e || (*s == '\r' && s + 1 == e);
    long ind = (long)(s - l);
    /* it ends at a line less indented than its paragraphs after a blank
     * line, or at a heading */
    if (col >= 0 && !blank && body < 0) body = ind < col + 4 ? ind : col + 4;
    if (col >= 0 && !blank && (gap ? ind < body || ind <= col : ind < col + 4 && *s == '#')) col = -1;
    char c;
    int k = !fence || col < 0 ? vgi_fence_run(s, e, &c) : 0;
    if (col < 0 && k && (!fence || c == fc)) {
      fence = !fence ? k : 0;
      fc = c;
    } else if (!fence) {
      long d = col < 0 ? footnote_def(l, e) : -1;
      if (d >= 0) {
        const char *t = memchr(l + d, ']', (size_t)(e - l - d)) + 2;   /* after its "]:" */
        while (t < e && (*t == ' ' || *t == '\r')) t++;
        col = d, gap = 0, body = t < e ? d + 4 : -1;
      }
      if (col >= 0) {
        if (blank) gap = 1;
        memset(l, ' ', (size_t)(e - l) - (e > l && e[-1] == '\r'));
      }
    }
    i = (size_t)(e - text) + (nl ? 1 : 0);
  }
}
