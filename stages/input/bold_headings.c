/* bold_headings.c: a paragraph of bold text alone as the sub-heading it
 * stands for, before the Markdown adapter walks the tree.
 *
 * Many documents head a part of a section with a bold line instead of a
 * heading ("**Fiber Optic Technology:**", then prose and a list). Read as a
 * label it names only the next block, and the part's later scenes go on
 * under the section's heading, where a summary may leave them out unseen.
 * Such a paragraph becomes a heading one level below the heading it is
 * under (its colon dropped), parsed again at its own line
 * (vgi_md_parse_at) so it keeps the document's line numbers.
 *
 * Not one: bold followed by text in its paragraph ("**Note:** text"), a
 * sentence in bold ("**Do not run this as root.**"), more than
 * BOLD_HEADING_WORDS words, a bold line with no prose of its own after it
 * (a heading, another bold line, the document's end, or a list or code
 * block it is the caption of, next), every bold line of a section where
 * one is such a caption or has no prose after it, a callout's
 * or an API entry's label ("**Note:**", "**Returns:**"), a table of
 * contents' label, a web address alone ("**https://caddyserver.com/docs**"
 * under "Our website has complete documentation:" is the link the section
 * gives, not a part's name), and anything inside a list, a table or a quote (only
 * the document's own blocks are looked at). */
#include "input_private.h"

#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BOLD_HEADING_WORDS 10
#define QUESTION_WORDS 16    /* a question in bold may be longer */
#define QUESTION_BYTES 160   /* (the bound for scripts without spaces) */

/* The text of a paragraph that is one bold span, optionally followed by
 * ":" ("**Name:**", "**Name**:"), without the colon; else NULL. Caller
 * frees. */
static char *bold_only(cmark_node *para) {
  cmark_node *f = cmark_node_first_child(para);
  if (!f || cmark_node_get_type(f) != CMARK_NODE_STRONG) return NULL;
  cmark_node *nx = cmark_node_next(f);
  if (nx) {
    const char *lit = cmark_node_get_type(nx) == CMARK_NODE_TEXT ? cmark_node_get_literal(nx) : NULL;
    if (!lit || strcmp(lit, ":") || cmark_node_next(nx)) return NULL;
  }
  /* its children as Markdown (code spans, links and emphasis stay) */
  vgi_buf b = {0};
  for (cmark_node *k = cmark_node_first_child(f); k; k = cmark_node_next(k)) {
    char *r = cmark_render_commonmark(k, CMARK_OPT_DEFAULT, 0);
    vgi_buf_puts(&b, r);
    free(r);
  }
  char *t = vgi_buf_take(&b);
  if (!t) return NULL;
  for (char *p = t; *p; p++)
    if (*p == '\n' || *p == '\r') *p = ' ';
  size_t l = strlen(t);
  while (l && (t[l - 1] == ' ' || t[l - 1] == ':')) t[--l] = 0;
  if (l >= 3 && !strcmp(t + l - 3, "\xEF\xBC\x9A")) t[l -= 3] = 0;   /* a full-width colon */
  return t;
}

/* Whether a paragraph's bold span holds a web address and nothing else
 * ("**https://example.org/docs**", "**<https://…>**", "**[www.x.org](…)**"):
 * its words, link texts included, are all one address. */
static int address_only(cmark_node *para) {
  cmark_node *f = cmark_node_first_child(para);
  vgi_buf b = {0};
  cmark_iter *it = cmark_iter_new(f);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node *k = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(k);
    if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) && cmark_node_get_literal(k))
      vgi_buf_puts(&b, cmark_node_get_literal(k));
  }
  cmark_iter_free(it);
  char *t = b.s ? vgi_squash(vgi_buf_take(&b)) : NULL;
  size_t l = t ? strlen(t) : 0;
  while (l && (t[l - 1] == ':' || t[l - 1] == '.')) t[--l] = 0;
  int only = l && vgi_url_bytes(t, (int)l) == (int)l;
  free(t);
  return only;
}

/* A label that names a callout, an API entry's part or a table of
 * contents: it stays a label. */
static int label_word(const char *t) {
  static const char *const labels[] = { "note", "notes", "nb", "n.b", "warning", "warnings", "tip", "tips",
    "hint", "important", "caution", "attention", "danger", "info", "remark", "todo", "see also",
    "example", "examples", "output", "result", "usage", "syntax", "table of contents", "contents", "toc",
    "hinweis", "achtung", "remarque", "nota", NULL };
  if (vgi_apidoc_context(t)) return 1;
  for (int i = 0; labels[i]; i++)
    if (!strcasecmp(t, labels[i])) return 1;
  return 0;
}

static int sentence_end(const char *t) {
  size_t l = strlen(t);
  if (!l) return 1;
  char c = t[l - 1];
  if (c == '.' || c == '!' || c == '?') return 1;
  return vgi_wide_stop_before(t, l) || (l >= 3 && !strcmp(t + l - 3, "\xE2\x80\xA6"));   /* 。！？．… */
}

/* A bold line heads what follows when prose comes next: a paragraph of
 * words, not another bold line nor a command alone. A bold line over a
 * list or a code block only is that block's caption ("**Types of NAT:**",
 * a list): it stays the label the block is shown under. */
static int prose_next(cmark_node *next) {
  if (!next || cmark_node_get_type(next) != CMARK_NODE_PARAGRAPH) return 0;
  cmark_node *f = cmark_node_first_child(next);
  if (!f || (cmark_node_get_type(f) == CMARK_NODE_CODE && !cmark_node_next(f))) return 0;
  /* (": text" under it: a term of a definition list, MyST's) */
  const char *lit = cmark_node_get_type(f) == CMARK_NODE_TEXT ? cmark_node_get_literal(f) : NULL;
  if (lit && lit[0] == ':') return 0;
  char *b = bold_only(next);
  free(b);
  return !b;
}

/* A bold line that may head a part: short, no sentence, no callout's
 * label. Its text (without the colon) when it is one, else NULL. */
static char *candidate(cmark_node *c) {
  if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH) return NULL;
  char *text = bold_only(c);
  if (!text) return NULL;
  if (address_only(c)) {
    free(text);
    return NULL;
  }
  /* an interview's or a FAQ's question ("**Q: When did you start?**",
   * "**问：你什么时候开始研究字节码？**") heads its answer, its label out */
  size_t l = strlen(text);
  int question = l && (text[l - 1] == '?' || (l >= 3 && !strcmp(text + l - 3, "\xEF\xBC\x9F")));
  if (question) {
    static const char *const labels[] = { "Q:", "Q.", "Q\xEF\xBC\x9A", "Question:", "Frage:", "\xE9\x97\xAE\xEF\xBC\x9A",
      "\xE5\x95\x8F\xEF\xBC\x9A", "\xEC\xA7\x88\xEB\xAC\xB8:", NULL };   /* 问： 問： 질문: */
    for (int i = 0; labels[i]; i++) {
      size_t ll = strlen(labels[i]);
      if (strncasecmp(text, labels[i], ll)) continue;
      size_t k = ll;
      while (text[k] == ' ') k++;
      memmove(text, text + k, strlen(text + k) + 1);
      break;
    }
  }
  if (!*text || vgi_word_count(text) > (question ? QUESTION_WORDS : BOLD_HEADING_WORDS) ||
      strlen(text) > QUESTION_BYTES || (sentence_end(text) && !question) || label_word(text)) {
    free(text);
    text = NULL;
  }
  return text;
}

/* Whether every bold line of the section that starts after `from` heads
 * prose: a section whose bold lines are captions too ("**Strict assertion
 * mode**" over prose, "**Legacy assertion mode**" over a quote) uses them
 * as labels, and keeps them all so. */
static int all_head_prose(cmark_node *from, cmark_node *skip) {
  int any = 0;
  for (cmark_node *c = from; c && cmark_node_get_type(c) != CMARK_NODE_HEADING; c = cmark_node_next(c)) {
    if (c == skip) continue;
    char *text = candidate(c);
    if (!text) continue;
    free(text);
    if (!prose_next(cmark_node_next(c))) return 0;
    any = 1;
  }
  return any;
}

void vgi_bold_headings(cmark_node *doc, cmark_node *skip) {
  size_t pad = 8u << 20;
  int level = 1;   /* the heading the blocks are under (the title's, before any) */
  int heads = all_head_prose(cmark_node_first_child(doc), skip);
  cmark_node *next;
  for (cmark_node *c = cmark_node_first_child(doc); c; c = next) {
    next = cmark_node_next(c);
    if (cmark_node_get_type(c) == CMARK_NODE_HEADING) {
      level = cmark_node_get_heading_level(c);
      heads = all_head_prose(next, skip);
      continue;
    }
    if (!heads || c == skip) continue;
    char *text = candidate(c);
    if (!text) continue;
    int sub = level < 6 ? level + 1 : 6;
    vgi_buf md = {0};
    for (int i = 0; i < sub; i++) vgi_buf_puts(&md, "#");
    vgi_buf_printf(&md, " %s\n", text);
    cmark_node *frag = vgi_md_parse_at(md.s, cmark_node_get_start_line(c), &pad);
    cmark_node *h = frag ? cmark_node_first_child(frag) : NULL;
    /* (a line that reads as more than a heading stays as it was) */
    if (h && cmark_node_get_type(h) == CMARK_NODE_HEADING && !cmark_node_next(h)) vgi_md_splice(c, frag);
    else cmark_node_free(frag);
    vgi_buf_free(&md);
    free(text);
  }
}
