/* details.c: a list whose every item is a collapsed "<details>" block is
 * the document's own blocks, before the Markdown adapter walks the tree.
 *
 * llama.cpp's README writes each example as "- <details>", its summary,
 * then a paragraph and a fenced command inside the item. Read as a list,
 * each command was flattened into a bullet of its text ("# use the
 * \"chatml\" template llama-cli -m model.gguf -cnv ..."), never a code
 * slide. The items' blocks take the list's place, in order, as a
 * "<details>" block outside a list already is: its summary, its prose,
 * its code. */
#include "input_private.h"

#include <cmark-gfm.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Whether a block is HTML that opens a details element ("<details>",
 * "<details open>"). */
static int opens_details(cmark_node *n) {
  if (!n || cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK) return 0;
  const char *s = cmark_node_get_literal(n);
  if (!s) return 0;
  while (isspace((unsigned char)*s)) s++;
  return !strncasecmp(s, "<details", 8) && (s[8] == '>' || isspace((unsigned char)s[8]));
}

static int details_list(cmark_node *list) {
  int items = 0;
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
    if (!opens_details(cmark_node_first_child(it))) return 0;
    items++;
  }
  return items > 0;
}

static void unwrap_in(cmark_node *parent) {
  for (cmark_node *c = cmark_node_first_child(parent), *nx; c; c = nx) {
    nx = cmark_node_next(c);
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_LIST && details_list(c)) {
      for (cmark_node *it = cmark_node_first_child(c); it; it = cmark_node_next(it))
        for (cmark_node *k = cmark_node_first_child(it), *kn; k; k = kn) {
          kn = cmark_node_next(k);
          cmark_node_insert_before(c, k);   /* unlinks k from the item */
        }
      cmark_node_free(c);
    } else if (t == CMARK_NODE_BLOCK_QUOTE) {
      unwrap_in(c);
    }
  }
}

void vgi_details_lists(cmark_node *doc) { unwrap_in(doc); }
