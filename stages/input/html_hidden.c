/* html_hidden.c: the HTML in a Markdown document that a reader never sees
 * as text: a <script>'s code, a <style>'s rules, a <template>, the fallback
 * of <noscript>, <iframe> and <object>. Their content is taken out of the
 * tree before anything reads it, inline ("and <script>alert(1)</script>
 * inline" said "alert(1)") and in HTML blocks (a <div> with a <script> in
 * it lost its prose too: the whole block was dropped). Called by the
 * Markdown adapter after parsing, before html_blocks.c reads the blocks. */
#include "input_private.h"

#include <cmark-gfm.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const hidden_names[] = { "script", "style", "template", "noscript", "iframe", "object" };

/* The hidden element a tag at p opens or closes: its name, or NULL. */
static const char *hidden_tag(const char *p, int *closing) {
  if (*p != '<') return NULL;
  const char *q = p + 1;
  *closing = *q == '/';
  if (*closing) q++;
  for (size_t i = 0; i < sizeof hidden_names / sizeof *hidden_names; i++) {
    size_t n = strlen(hidden_names[i]);
    if (strncasecmp(q, hidden_names[i], n)) continue;
    char after = q[n];
    if (after == '>' || after == '/' || isspace((unsigned char)after)) return hidden_names[i];
  }
  return NULL;
}

/* Whether the opening tag [p, e) closes itself ("<iframe src=… />"). */
static int self_closing(const char *p, const char *e) {
  while (e > p && (e[-1] == '>' || isspace((unsigned char)e[-1]))) e--;
  return e > p && e[-1] == '/';
}

/* The first case-insensitive "</name" in [p, end) followed by '>' or a
 * space: the element's closing tag; NULL when it has none. */
static const char *closing_tag(const char *p, const char *end, const char *name) {
  size_t n = strlen(name);
  for (; p + n + 2 <= end; p++) {
    if (p[0] != '<' || p[1] != '/' || strncasecmp(p + 2, name, n)) continue;
    char after = p + n + 2 < end ? p[n + 2] : '>';
    if (after == '>' || isspace((unsigned char)after)) return p;
  }
  return NULL;
}

/* An HTML block's text without its hidden elements (from the opening tag
 * to the end of the closing one; an element left open runs to the end of
 * the block, as a browser reads it), its line breaks kept so the lines
 * after stay where they were. NULL when it has none. */
static char *strip_block(const char *s) {
  const char *end = s + strlen(s);
  vgi_buf b = {0};
  int found = 0;
  const char *p = s;
  while (p < end) {
    const char *lt = memchr(p, '<', (size_t)(end - p));
    if (!lt) { vgi_buf_add(&b, p, (size_t)(end - p)); break; }
    int closing = 0;
    const char *name = hidden_tag(lt, &closing);
    if (!name || closing) {   /* any other tag, or a stray closing one: as written */
      vgi_buf_add(&b, p, (size_t)(lt + 1 - p));
      p = lt + 1;
      continue;
    }
    found = 1;
    vgi_buf_add(&b, p, (size_t)(lt - p));
    const char *gt = memchr(lt, '>', (size_t)(end - lt));
    const char *stop;
    if (gt && self_closing(lt, gt + 1)) {
      stop = gt + 1;
    } else {
      const char *c = gt ? closing_tag(gt + 1, end, name) : NULL;
      const char *cgt = c ? memchr(c, '>', (size_t)(end - c)) : NULL;
      stop = cgt ? cgt + 1 : end;
    }
    for (const char *q = lt; q < stop; q++)
      if (*q == '\n') vgi_buf_add(&b, "\n", 1);
    p = stop;
  }
  if (!found) { vgi_buf_free(&b); return NULL; }
  char *r = vgi_buf_take(&b);
  return r ? r : vgi_strdup("");
}

/* Inline: the nodes from an opening tag (c) to its closing tag among its
 * siblings, both tags included, or to the end of the parent when it is
 * left open. Returns the node after them. */
static cmark_node *drop_inline(cmark_node *c, const char *name) {
  cmark_node *next = cmark_node_next(c);
  const char *lit = cmark_node_get_literal(c);
  if (lit && self_closing(lit, lit + strlen(lit))) {
    cmark_node_free(c);
    return next;
  }
  cmark_node_free(c);
  while (next) {
    cmark_node *after = cmark_node_next(next);
    int closing = 0;
    const char *l = cmark_node_get_type(next) == CMARK_NODE_HTML_INLINE ? cmark_node_get_literal(next) : NULL;
    const char *nm = l ? hidden_tag(l, &closing) : NULL;
    int end = nm && closing && !strcmp(nm, name);
    cmark_node_free(next);
    next = after;
    if (end) break;
  }
  return next;
}

/* (the tree's depth is bounded: the adapter refuses deeper nesting first) */
static void hide_in(cmark_node *parent) {
  cmark_node *c = cmark_node_first_child(parent);
  while (c) {
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_HTML_INLINE) {
      const char *lit = cmark_node_get_literal(c);
      int closing = 0;
      const char *name = lit ? hidden_tag(lit, &closing) : NULL;
      if (name && !closing) { c = drop_inline(c, name); continue; }
    } else if (t == CMARK_NODE_HTML_BLOCK) {
      char *s = strip_block(cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "");
      if (s) cmark_node_set_literal(c, s);
      free(s);
    } else {
      hide_in(c);
    }
    c = cmark_node_next(c);
  }
}

void vgi_html_hidden(struct cmark_node *doc) { hide_in(doc); }
