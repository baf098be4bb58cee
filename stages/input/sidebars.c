/* sidebars.c: a block quote that holds a heading is a sidebar, not a
 * quotation, before the Markdown adapter walks the tree.
 *
 * Books and guides set a digression apart with "> ### The Stack and the
 * Heap" and several paragraphs under it (the Rust book, mdBook and Sphinx
 * sources). Read as a quote, each paragraph became a quote slide of its
 * whole text, read word for word: fifteen walls of text in one chapter.
 * Its blocks are the document's own, so they take the quote's place and
 * its heading heads them as any section's would. A GitHub alert ("> [!NOTE]")
 * stays the callout it is. */
#include "input_private.h"

#include <cmark-gfm.h>
#include <string.h>

static int has_heading(cmark_node *q) {
  for (cmark_node *c = cmark_node_first_child(q); c; c = cmark_node_next(c))
    if (cmark_node_get_type(c) == CMARK_NODE_HEADING) return 1;
  return 0;
}

static int is_alert(cmark_node *q) {
  cmark_node *p = cmark_node_first_child(q);
  if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) return 0;
  cmark_node *t = cmark_node_first_child(p);
  const char *lit = t && cmark_node_get_type(t) == CMARK_NODE_TEXT ? cmark_node_get_literal(t) : NULL;
  return lit && lit[0] == '[' && lit[1] == '!';
}

void vgi_unwrap_sidebars(cmark_node *doc) {
  for (cmark_node *c = cmark_node_first_child(doc), *nx; c; c = nx) {
    nx = cmark_node_next(c);
    if (cmark_node_get_type(c) != CMARK_NODE_BLOCK_QUOTE || !has_heading(c) || is_alert(c)) continue;
    for (cmark_node *k = cmark_node_first_child(c), *kn; k; k = kn) {
      kn = cmark_node_next(k);
      cmark_node_insert_before(c, k);   /* unlinks k from the quote */
    }
    cmark_node_free(c);
  }
}
