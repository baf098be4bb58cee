/* link_text.c: Markdown link syntax that reached text as it was written,
 * read as its words. CommonMark leaves "[text](url)" alone inside an HTML
 * block (<div>, <p> over several lines), after an escaped bracket, or when
 * a space parts "[text] (url)"; a plain-text file may hold it too. A slide
 * shows and the voice says the link's text, never its address, and no
 * "[", "](" or "[)" is left where the address was taken out. */
#include "input_private.h"

#include <stdlib.h>
#include <string.h>

/* The longest link text and destination looked for, in bytes: every '['
 * then costs at most this much, however many brackets a text holds. */
#define LINK_MAX 1024

/* The end (after ')') of a link destination that starts at p (after '('):
 * "<a b>", or an address without spaces whose brackets balance, either
 * with a quoted title after it; NULL when p starts none. */
static const char *dest_end(const char *p) {
  const char *q = p, *lim = p + strnlen(p, LINK_MAX);
  while (q < lim && *q == ' ') q++;
  if (q < lim && *q == '<') {
    const char *gt = memchr(q, '>', (size_t)(lim - q));
    if (!gt || memchr(q, '\n', (size_t)(gt - q))) return NULL;
    q = gt + 1;
  } else {
    int depth = 0;
    const char *s = q;
    for (; q < lim && *q != ' ' && *q != '\n'; q++) {
      if (*q == '(') depth++;
      else if (*q == ')' && !depth--) break;
    }
    if (q == s && (q >= lim || *q != ')')) return NULL;
  }
  while (q < lim && *q == ' ') q++;
  if (q < lim && (*q == '"' || *q == '\'')) {   /* a title: [x](url "Title") */
    const char *c = memchr(q + 1, *q, (size_t)(lim - q - 1));
    if (!c) return NULL;
    q = c + 1;
    while (q < lim && *q == ' ') q++;
  }
  return q < lim && *q == ')' ? q + 1 : NULL;
}

/* Whether the destination [p, e) (without its brackets) is plainly an
 * address: a scheme, a path, an anchor, not words in brackets after a
 * bracketed word ("[optional] (default)", groff's "\[en] (etc.)"). */
static int addressy(const char *p, const char *e) {
  for (const char *q = p; q < e; q++)
    if (*q == ' ') return 0;
  size_t n = (size_t)(e - p);
  return (n > 1 && (*p == '/' || *p == '#')) || (n > 4 && !strncmp(p, "www.", 4)) ||
         (n > 2 && !strncmp(p, "./", 2)) || (n > 3 && !strncmp(p, "../", 3)) ||
         (n > 7 && !strncmp(p, "mailto:", 7)) || (memchr(p, '/', n) && memchr(p, '.', n));
}

/* The ']' that closes the '[' at p (nested brackets counted), or NULL. */
static const char *close_of(const char *p) {
  int depth = 0;
  for (const char *q = p; *q && *q != '\n' && q - p < LINK_MAX; q++) {
    if (*q == '\\' && q[1]) { q++; continue; }
    if (*q == '[') depth++;
    else if (*q == ']' && !--depth) return q;
  }
  return NULL;
}

static void links_into(vgi_buf *b, const char *p, const char *end, int depth);

/* The text of [p, e) (a link's text), its own links read too. */
static void text_into(vgi_buf *b, const char *p, const char *e, int depth) {
  if (depth < 8) links_into(b, p, e, depth + 1);
  else vgi_buf_add(b, p, (size_t)(e - p));
}

static void links_into(vgi_buf *b, const char *p, const char *end, int depth) {
  const char *next_close = p;   /* the first ']' at or after the '[' looked at */
  while (p < end) {
    const char *open = memchr(p, '[', (size_t)(end - p));
    if (open && next_close && next_close <= open) next_close = memchr(open, ']', (size_t)(end - open));
    if (!open || !next_close) { vgi_buf_add(b, p, (size_t)(end - p)); return; }
    if (open > p && open[-1] == '\\') {   /* "\[" is a bracket as written (groff's "\[en]") */
      vgi_buf_add(b, p, (size_t)(open + 1 - p));
      p = open + 1;
      continue;
    }
    int image = open > p && open[-1] == '!';
    const char *close = close_of(open);
    if (!close || close >= end) { vgi_buf_add(b, p, (size_t)(open + 1 - p)); p = open + 1; continue; }
    const char *after = NULL;
    const char *c1 = close + 1;
    if (c1[0] == '(' || (c1[0] == ' ' && c1[1] == '(')) {
      /* [text](url), [text] (url) when url is an address */
      const char *d = c1[0] == '(' ? c1 + 1 : c1 + 2;
      const char *de = dest_end(d);
      if (de && de <= end && (c1[0] == '(' || addressy(d, de - 1))) after = de;
    } else if (c1[0] == '[') {
      /* [text][ref], [text][] */
      const char *rc = memchr(c1, ']', strnlen(c1, LINK_MAX));
      if (rc && rc < end && !memchr(c1, '\n', (size_t)(rc - c1)) && !memchr(c1 + 1, '[', (size_t)(rc - c1 - 1)))
        after = rc + 1;
    } else if (open[1] == '[' && close > open + 1 && close[-1] == ']' && !image) {
      /* [[Wiki page]] */
      vgi_buf_add(b, p, (size_t)(open - p));
      text_into(b, open + 2, close - 1, depth);
      p = close + 1;
      continue;
    }
    if (!after) { vgi_buf_add(b, p, (size_t)(open + 1 - p)); p = open + 1; continue; }
    vgi_buf_add(b, p, (size_t)(open - p - image));
    if (!image) text_into(b, open + 1, close, depth);   /* a picture is not said */
    p = after;
  }
}

char *vgi_link_text(char *t) {
  if (!t || !strchr(t, '[')) return t;
  vgi_buf b = {0};
  links_into(&b, t, t + strlen(t), 0);
  free(t);
  return b.s ? vgi_buf_take(&b) : vgi_strdup("");
}
