/* spaced_strong.c: bold written with spaces inside its stars, as
 * machine-translated READMEs write it ("* ** Branch & Bound ** - …"). CommonMark
 * reads no emphasis there (a run followed by a space opens nothing), so the
 * stars were shown and the item had no bold term as its siblings do. Such a
 * pair of "**" (or "__") runs, in the text of one paragraph or heading, is
 * made the strong node it was meant to be. Called by the Markdown adapter
 * after parsing, before anything reads the tree; code spans and blocks are
 * other nodes and never touched. */
#include "input_private.h"

#include <cmark-gfm.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A letter of any script (a byte of a multi-byte character counts). */
static int letter(unsigned char c) { return isalnum(c) || c >= 0x80; }

/* The opener in lit from `from` on: a run of exactly two of `mark` with a
 * space or the start before it (or an opening bracket), one space after it
 * and a letter after that. Its offset, or -1. */
static long spaced_opener(const char *lit, size_t from, char mark) {
  for (size_t i = from; lit[i]; i++) {
    if (lit[i] != mark || lit[i + 1] != mark || lit[i + 2] != ' ' || !letter((unsigned char)lit[i + 3])) continue;
    if (i && lit[i - 1] == mark) continue;
    if (i && lit[i - 1] != ' ' && lit[i - 1] != '(') continue;
    return (long)i;
  }
  return -1;
}

/* The closer in lit from `from` on: a letter (or a stop or closing
 * bracket), one space, a run of exactly two of `mark`, then a space, a
 * stop or the end. Its offset (of the space), or -1; -1 too when another
 * run of the mark comes first (it is not this pair's). */
static long spaced_closer(const char *lit, size_t from, char mark) {
  for (size_t i = from; lit[i]; i++) {
    if (lit[i] == mark) {
      if (i < 2 || lit[i + 1] != mark || lit[i - 1] != ' ' || lit[i + 2] == mark) return -1;
      unsigned char b = (unsigned char)lit[i - 2], a = (unsigned char)lit[i + 2];
      if (!(letter(b) || strchr(".!?)", b))) return -1;
      if (a && a != ' ' && !strchr(".,;:!?)", a)) return -1;
      return (long)i - 1;
    }
  }
  return -1;
}

/* Makes the first spaced pair that opens in text node a strong node; 1
 * when it did (the tree after a is changed: the caller goes on from the
 * node after the new one). */
static int one_pair(cmark_node *a, char mark) {
  const char *lit = cmark_node_get_literal(a);
  if (!lit) return 0;
  long o = spaced_opener(lit, 0, mark);
  if (o < 0) return 0;
  /* its closer: in the same text, else in a later text of the same
   * parent, with inline nodes (code, links) between */
  cmark_node *c = a;
  long z = spaced_closer(lit, (size_t)o + 3, mark);
  if (z < 0) {
    if (strchr(lit + o + 3, mark)) return 0;
    for (c = cmark_node_next(a); c; c = cmark_node_next(c)) {
      cmark_node_type ty = cmark_node_get_type(c);
      if (ty == CMARK_NODE_SOFTBREAK || ty == CMARK_NODE_LINEBREAK) return 0;   /* one line */
      if (ty != CMARK_NODE_TEXT) continue;
      const char *l = cmark_node_get_literal(c);
      if (!l) return 0;
      z = spaced_closer(l, 0, mark);
      if (z >= 0) break;
      if (strchr(l, mark)) return 0;
    }
    if (!c) return 0;
  }
  cmark_node *strong = cmark_node_new(CMARK_NODE_STRONG);
  char *before = strndup(lit, (size_t)o), *inner = NULL;
  if (!before) abort();
  if (c == a) {
    cmark_node_append_child(strong, vgi_md_text_node(lit + o + 3, (size_t)z - (size_t)o - 3));
    char *after = strdup(lit + z + 3);
    if (!after) abort();
    cmark_node_insert_after(a, strong);
    if (*after) cmark_node_insert_after(strong, vgi_md_text_node(after, strlen(after)));
    free(after);
  } else {
    inner = strdup(lit + o + 3);
    if (!inner) abort();
    cmark_node_insert_after(a, strong);
    cmark_node_append_child(strong, vgi_md_text_node(inner, strlen(inner)));
    for (cmark_node *k = cmark_node_next(strong); k != c;) {
      cmark_node *nx = cmark_node_next(k);
      cmark_node_unlink(k);
      cmark_node_append_child(strong, k);
      k = nx;
    }
    const char *l = cmark_node_get_literal(c);
    if (z > 0) cmark_node_append_child(strong, vgi_md_text_node(l, (size_t)z));
    char *after = strdup(l + z + 3);
    if (!after) abort();
    if (*after) cmark_node_set_literal(c, after);
    else {
      cmark_node_unlink(c);
      cmark_node_free(c);
    }
    free(after);
  }
  if (*before) cmark_node_set_literal(a, before);
  else {
    cmark_node_unlink(a);
    cmark_node_free(a);
  }
  free(before);
  free(inner);
  return 1;
}

/* The inline children of a paragraph or heading n. */
static void spaced_in(cmark_node *n) {
  for (cmark_node *c = cmark_node_first_child(n); c;) {
    cmark_node *nx = cmark_node_next(c);
    if (cmark_node_get_type(c) == CMARK_NODE_TEXT) {
      cmark_node *prev = cmark_node_previous(c);
      if (one_pair(c, '*') || one_pair(c, '_')) {
        /* go on after the strong node just made (c may be gone) */
        cmark_node *s = prev ? cmark_node_next(prev) : cmark_node_first_child(n);
        while (s && cmark_node_get_type(s) != CMARK_NODE_STRONG) s = cmark_node_next(s);
        nx = s ? cmark_node_next(s) : NULL;
      }
    }
    c = nx;
  }
}

void vgi_spaced_strong(cmark_node *doc) {
  /* (the blocks first, then each one's inlines: the tree changes under
   * the inline walk, never under the block walk) */
  cmark_node *blocks[64];
  int nb = 0;
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *cur = cmark_iter_get_node(it);
    cmark_node_type ty = cmark_node_get_type(cur);
    if (ev != CMARK_EVENT_ENTER || (ty != CMARK_NODE_PARAGRAPH && ty != CMARK_NODE_HEADING)) continue;
    blocks[nb++] = cur;
    if (nb == 64) {
      /* (walked once the iterator is done with them: they are kept aside,
       * not changed, until then) */
      cmark_iter_reset(it, cur, CMARK_EVENT_EXIT);
      for (int i = 0; i < nb; i++) spaced_in(blocks[i]);
      nb = 0;
    }
  }
  cmark_iter_free(it);
  for (int i = 0; i < nb; i++) spaced_in(blocks[i]);
}
