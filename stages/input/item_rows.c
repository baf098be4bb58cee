/* item_rows.c: a line of short items set apart by middle dots, bullets or
 * pipes is a list, before the Markdown adapter walks the tree.
 *
 * READMEs write a row of terms on one line: "Features: Live reload ·
 * Dark mode · Plugin system", "Linux | macOS | Windows | FreeBSD", a
 * "Fast • Small • Safe" strip. Read as a paragraph it was one long bullet,
 * its separators on screen and in the voice. As a list each term is an
 * item, shown as one and said as one ("Features: live reload, dark mode
 * and plugin system"). A label before a colon stays the list's lead-in.
 * The paragraph under the document's title stays its tagline. */
#include "input_private.h"

#include <cmark-gfm.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define ROW_MIN_ITEMS 3
#define ROW_MAX_ITEMS 24
#define ITEM_MAX_WORDS 6
#define ITEM_MAX_BYTES 60
#define LABEL_MAX_WORDS 4

/* The separator at p (kind 1..4, its bytes in *len), 0 if none. */
static int sep_at(const char *p, size_t *len) {
  if (p[0] == '|') { *len = 1; return 1; }
  if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xB7) { *len = 2; return 2; }      /* · */
  if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0xA2) {
    *len = 3;
    return 3;   /* • */
  }
  if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x88 && (unsigned char)p[2] == 0x99) {
    *len = 3;
    return 4;   /* ∙ */
  }
  return 0;
}

typedef struct {
  int kind;           /* the one separator the row uses */
  int items;          /* how many items so far */
  int bad;            /* not a row */
  size_t bytes;       /* the current item's bytes of text */
  int words;          /* ... its words */
  int in_word;
  int label_words;    /* words before the first item's ": ", or -1 */
  int first_colon;    /* a ": " met in the first item */
  int own;            /* the current item has words outside a link */
  int own_items;      /* items with words outside a link */
} scan;

static void item_end(scan *s) {
  if (!s->words || s->words > ITEM_MAX_WORDS || s->bytes > ITEM_MAX_BYTES) s->bad = 1;
  s->own_items += s->own;
  s->own = 0;
  s->items++;
  s->bytes = 0;
  s->words = 0;
  s->in_word = 0;
}

/* Text of an item piece: counted, checked for sentences. */
static void count_text(scan *s, const char *t, size_t n, int top) {
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)t[i];
    if (top) {
      size_t sl = 0;
      int k = sep_at(t + i, &sl);
      if (k && (i == 0 || t[i - 1] == ' ') && (i + sl >= n || t[i + sl] == ' ')) {
        if (s->kind && s->kind != k) { s->bad = 1; return; }
        s->kind = k;
        item_end(s);
        i += sl - 1;
        continue;
      }
      /* "Features: A · B": the label, in the first item only */
      if (ch == ':' && s->items == 0 && !s->first_colon && i + 1 < n && t[i + 1] == ' ') {
        s->first_colon = 1;
        s->label_words = s->words;
        s->words = 0;
        s->bytes = 0;
        s->in_word = 0;
        continue;
      }
    }
    /* a sentence inside an item: prose, not a row of terms */
    if ((ch == '.' || ch == '!' || ch == '?' || ch == ';') && i + 1 < n && t[i + 1] == ' ') s->bad = 1;
    if (ch == ' ' || ch == '\t') {
      s->in_word = 0;
    } else {
      if (!s->in_word) s->words++;
      s->in_word = 1;
      if (top) s->own = 1;
      s->bytes++;
    }
  }
}

static void count_node(scan *s, cmark_node *n, int depth) {
  if (depth > 8) { s->bad = 1; return; }
  const char *lit = cmark_node_get_literal(n);
  if (cmark_node_get_type(n) == CMARK_NODE_TEXT || cmark_node_get_type(n) == CMARK_NODE_CODE) {
    count_text(s, lit ? lit : "", lit ? strlen(lit) : 0, 0);
    return;
  }
  for (cmark_node *c = cmark_node_first_child(n); c && !s->bad; c = cmark_node_next(c)) count_node(s, c, depth + 1);
}

/* Is the paragraph a row of ROW_MIN_ITEMS short items or more? */
static int is_row(cmark_node *para) {
  scan s = { 0 };
  s.label_words = -1;
  for (cmark_node *c = cmark_node_first_child(para); c && !s.bad; c = cmark_node_next(c)) {
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_TEXT) {
      const char *lit = cmark_node_get_literal(c);
      count_text(&s, lit ? lit : "", lit ? strlen(lit) : 0, 1);
    } else if (t == CMARK_NODE_SOFTBREAK) {
      s.in_word = 0;   /* a row wrapped in the source: a space */
    } else if (t == CMARK_NODE_CODE || t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG || t == CMARK_NODE_LINK) {
      count_node(&s, c, 0);
      if (t != CMARK_NODE_LINK) s.own = 1;
    } else {
      return 0;   /* pictures, HTML, hard breaks: not a line of terms */
    }
    if (s.items >= ROW_MAX_ITEMS) return 0;
  }
  if (s.bad || !s.kind) return 0;
  /* a full stop after the last item is the row's, not a sentence */
  item_end(&s);
  if (s.bad || s.items < ROW_MIN_ITEMS) return 0;
  /* links only ("[Installation](#installation) • [Usage](#usage)"): a row
   * of navigation, which the adapter leaves out */
  if (!s.own_items) return 0;
  if (s.first_colon && (s.label_words < 1 || s.label_words > LABEL_MAX_WORDS)) return 0;
  return 1;
}

/* A text node of [a, a + n) with its outer spaces trimmed, or NULL. */
static cmark_node *text_node(const char *a, size_t n) {
  while (n && (*a == ' ' || *a == '\t')) a++, n--;
  while (n && (a[n - 1] == ' ' || a[n - 1] == '\t')) n--;
  if (!n) return NULL;
  char *t = malloc(n + 1);
  if (!t) return NULL;
  memcpy(t, a, n);
  t[n] = 0;
  cmark_node *x = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(x, t);
  free(t);
  return x;
}

static cmark_node *new_item(cmark_node *list) {
  cmark_node *it = cmark_node_new(CMARK_NODE_ITEM);
  cmark_node *p = cmark_node_new(CMARK_NODE_PARAGRAPH);
  cmark_node_append_child(it, p);
  cmark_node_append_child(list, it);
  return p;
}

/* The row as a label paragraph ("Features:") and a bullet list, in its place. */
static void to_list(cmark_node *para) {
  cmark_node *list = cmark_node_new(CMARK_NODE_LIST);
  cmark_node_set_list_type(list, CMARK_BULLET_LIST);
  cmark_node_set_list_tight(list, 1);
  cmark_node *label = NULL;
  cmark_node *cur = new_item(list);
  int first = 1;
  for (cmark_node *c = cmark_node_first_child(para), *nx; c; c = nx) {
    nx = cmark_node_next(c);
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_SOFTBREAK) continue;
    if (t != CMARK_NODE_TEXT) {
      cmark_node_append_child(cur, c);   /* unlinks it from the paragraph */
      continue;
    }
    const char *lit = cmark_node_get_literal(c);
    size_t n = lit ? strlen(lit) : 0, from = 0;
    for (size_t i = 0; i < n; i++) {
      size_t sl = 0;
      if (first && !label && lit[i] == ':' && i + 1 < n && lit[i + 1] == ' ') {
        /* the label, with what went before it in the item ("**Features**:") */
        label = cmark_node_new(CMARK_NODE_PARAGRAPH);
        for (cmark_node *k = cmark_node_first_child(cur), *kn; k; k = kn) {
          kn = cmark_node_next(k);
          cmark_node_append_child(label, k);
        }
        cmark_node *lt = text_node(lit + from, i + 1 - from);
        if (lt) cmark_node_append_child(label, lt);
        from = i + 1;
        continue;
      }
      if (sep_at(lit + i, &sl) && (i == 0 || lit[i - 1] == ' ') && (i + sl >= n || lit[i + sl] == ' ')) {
        cmark_node *x = text_node(lit + from, i - from);
        if (x) cmark_node_append_child(cur, x);
        cur = new_item(list);
        first = 0;
        i += sl - 1;
        from = i + 1;
      }
    }
    size_t end = n;
    /* the row's full stop after its last item */
    if (!nx && end > from && lit[end - 1] == '.') end--;
    cmark_node *x = text_node(lit + from, end > from ? end - from : 0);
    if (x) cmark_node_append_child(cur, x);
  }
  /* (an item that ended as spaces only: none, is_row counted words) */
  for (cmark_node *it = cmark_node_first_child(list), *nx; it; it = nx) {
    nx = cmark_node_next(it);
    if (!cmark_node_first_child(cmark_node_first_child(it))) cmark_node_free(it);
  }
  if (label) cmark_node_insert_before(para, label);
  cmark_node_insert_before(para, list);
  cmark_node_free(para);
}

void vgi_item_rows(cmark_node *doc) {
  for (cmark_node *c = cmark_node_first_child(doc), *nx; c; c = nx) {
    nx = cmark_node_next(c);
    if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH) continue;
    /* the line under the title (or opening the document) is its tagline */
    cmark_node *pv = cmark_node_previous(c);
    if (!pv || (cmark_node_get_type(pv) == CMARK_NODE_HEADING && cmark_node_get_heading_level(pv) == 1)) continue;
    if (is_row(c)) to_list(c);
  }
}
