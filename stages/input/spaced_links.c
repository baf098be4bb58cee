/* spaced_links.c: links whose address has a space in it, as translated
 * READMEs write them: an anchor made from a translated heading ("[दैनिक
 * योजना](#दैनिक योजना)", "[Why use it](# Why-use-it)") or a web address a
 * translator's tool broke ("(https://…/for-a -google-…)"). CommonMark reads
 * no link there, so the brackets and the address were shown and said. Such
 * a "[text](address)" in the text of one paragraph or heading, its address
 * an anchor (#) or a web address (http://, https://) on one line, is made
 * the link it was meant to be. Called by the Markdown adapter after parsing,
 * before anything reads the tree; code spans are other nodes, never touched. */
#include "input_private.h"

#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

/* The first "[text](address)" in s whose address has a space: *a at its
 * "[", *m at its "]", *z after its ")". 1 when there is one. */
static int spaced_link_at(const char *s, size_t *a, size_t *m, size_t *z) {
  for (const char *p = strchr(s, ']'); p; p = strchr(p + 1, ']')) {
    /* (a space between the brackets, "[text] (#anchor)", as a translator's
     * tool writes it, when the address is one) */
    int gap = p[1] == ' ' && p[2] == '(';
    if (p[1] != '(' && !gap) continue;
    const char *u = p + 2 + gap;
    if (*u != '#' && strncmp(u, "http://", 7) && strncmp(u, "https://", 8)) continue;
    size_t ul = strcspn(u, ")\n[]<>\"");
    if (u[ul] != ')' || (!memchr(u, ' ', ul) && !gap) || u[ul - 1] == ' ') continue;
    /* its text: back to the "[" that opens it, no bracket inside */
    const char *o = p;
    while (o > s && o[-1] != '[' && o[-1] != ']' && o[-1] != '\n') o--;
    if (o == s || o[-1] != '[' || o == p) continue;
    *a = (size_t)(o - 1 - s);
    *m = (size_t)(p - s);
    *z = (size_t)(u + ul + 1 - s);
    return 1;
  }
  return 0;
}

/* Replaces the run of text nodes from `first` (n of them, their text
 * `lit`) with text and the links in it. */
static void relink_run(cmark_node *first, int n, const char *lit) {
  cmark_node *at = first;   /* the new nodes go after this one */
  const char *s = lit;
  size_t a, m, z;
  cmark_node *anchor = cmark_node_new(CMARK_NODE_TEXT);   /* where the run was */
  cmark_node_insert_before(first, anchor);
  for (int i = 0; i < n; i++) {
    cmark_node *nx = cmark_node_next(at);
    cmark_node_unlink(at);
    cmark_node_free(at);
    at = nx;
  }
  cmark_node *last = anchor;
  while (spaced_link_at(s, &a, &m, &z)) {
    if (a) {
      cmark_node *t = vgi_md_text_node(s, a);
      cmark_node_insert_after(last, t);
      last = t;
    }
    cmark_node *link = cmark_node_new(CMARK_NODE_LINK);
    size_t u0 = m + 2 + (s[m + 1] == ' ');
    char *url = strndup(s + u0, z - u0 - 1);
    if (!url) abort();
    cmark_node_set_url(link, url);
    free(url);
    cmark_node_append_child(link, vgi_md_text_node(s + a + 1, m - a - 1));
    cmark_node_insert_after(last, link);
    last = link;
    s += z;
  }
  if (*s) cmark_node_insert_after(last, vgi_md_text_node(s, strlen(s)));
  cmark_node_unlink(anchor);
  cmark_node_free(anchor);
}

/* A web address the autolink extension made a link of: its text is its
 * address ("https://x.org/a" of "(https://x.org/a -b)"). */
static int autolink(cmark_node *n) {
  cmark_node *t = cmark_node_first_child(n);
  if (cmark_node_get_type(n) != CMARK_NODE_LINK || !t || cmark_node_next(t) ||
      cmark_node_get_type(t) != CMARK_NODE_TEXT)
    return 0;
  const char *u = cmark_node_get_url(n), *l = cmark_node_get_literal(t);
  return u && l && !strcmp(u, l);
}

/* The inline children of a paragraph or heading n. */
static void links_in(cmark_node *n) {
  for (cmark_node *c = cmark_node_first_child(n); c;) {
    if (cmark_node_get_type(c) != CMARK_NODE_TEXT) { c = cmark_node_next(c); continue; }
    /* a run of text nodes and bare web addresses, as one text */
    vgi_buf b = {0};
    int k = 0;
    cmark_node *e = c;
    for (; e && (cmark_node_get_type(e) == CMARK_NODE_TEXT || autolink(e)); e = cmark_node_next(e), k++) {
      const char *l = cmark_node_get_type(e) == CMARK_NODE_TEXT ? cmark_node_get_literal(e)
                                                                : cmark_node_get_literal(cmark_node_first_child(e));
      vgi_buf_puts(&b, l ? l : "");
    }
    size_t a, m, z;
    if (b.s && spaced_link_at(b.s, &a, &m, &z)) relink_run(c, k, b.s);
    vgi_buf_free(&b);
    c = e;
  }
}

void vgi_spaced_links(cmark_node *doc) {
  cmark_node **blocks = NULL;
  size_t nb = 0, cap = 0;
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *cur = cmark_iter_get_node(it);
    cmark_node_type ty = cmark_node_get_type(cur);
    if (ev != CMARK_EVENT_ENTER || (ty != CMARK_NODE_PARAGRAPH && ty != CMARK_NODE_HEADING)) continue;
    if (nb == cap) {
      cap = cap ? cap * 2 : 64;
      blocks = realloc(blocks, cap * sizeof *blocks);
      if (!blocks) abort();
    }
    blocks[nb++] = cur;
  }
  cmark_iter_free(it);
  for (size_t i = 0; i < nb; i++) links_in(blocks[i]);
  free(blocks);
}
