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

/* ---- a whole page, before Markdown reads it ------------------------------------ */

/* every byte of [p, e) a space but line breaks */
static void blank(char *p, const char *e) {
  for (; p < e; p++)
    if (*p != '\n') *p = ' ';
}

/* the first case-insensitive "<name" in [p, end) followed by '>' or a
 * space: an opening tag; NULL when there is none */
static char *opening_tag(char *p, const char *end, const char *name) {
  size_t n = strlen(name);
  for (; p + n + 2 <= end; p++) {
    if (p[0] != '<' || strncasecmp(p + 1, name, n)) continue;
    char after = p[n + 1];
    if (after == '>' || isspace((unsigned char)after)) return p;
  }
  return NULL;
}

/* where the tag at p ends (after its '>'), or end */
static char *tag_end(char *p, const char *end) {
  char *gt = memchr(p, '>', (size_t)(end - p));
  return gt ? gt + 1 : (char *)end;
}

/* tag_end for a pass that moves forward only: the '>' found is kept while
 * it is still ahead (*next; end when there is none), so a page of '<' that
 * no '>' follows ("1 < 2 < 3 ...") looks for it once, not once per '<' */
static char *tag_end_ahead(char *p, const char *end, char **next) {
  if (!*next || *next < p) {
    char *gt = memchr(p, '>', (size_t)(end - p));
    *next = gt ? gt : (char *)end;
  }
  return *next < end ? *next + 1 : (char *)end;
}

int vgi_is_html_page(const char *text, size_t len) {
  size_t a = 0;
  if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) a = 3;   /* a byte-order mark */
  while (a < len && strchr(" \t\r\n", text[a])) a++;
  /* XHTML opens with its XML declaration (DocBook's pages): "<?xml …?>" */
  if (len - a >= 5 && !strncmp(text + a, "<?xml", 5)) {
    size_t e = a + 5, stop = len - a < 512 ? len : a + 512;
    while (e + 1 < stop && !(text[e] == '?' && text[e + 1] == '>')) e++;
    if (e + 1 >= stop) return 0;
    a = e + 2;
    while (a < len && strchr(" \t\r\n", text[a])) a++;
  }
  return (len - a >= 14 && !strncasecmp(text + a, "<!doctype html", 14)) ||
         (len - a >= 5 && !strncasecmp(text + a, "<html", 5));
}

/* A class word at w (up to ve) that DocBook gives a title page's fine
 * print: its authors and their affiliations, its copyright, legal notice,
 * release line and revision history. The page's title and the sections'
 * own title pages stay. */
static int front_matter(const char *w, const char *ve) {
  static const char *const words[] = { "legalnotice", "authorgroup", "author", "othercredit", "editor",
                                       "copyright", "revhistory", "releaseinfo", "affiliation", NULL };
  for (int i = 0; words[i]; i++) {
    size_t n = strlen(words[i]);
    if ((size_t)(ve - w) >= n && !strncasecmp(w, words[i], n) && (w + n == ve || isspace((unsigned char)w[n])))
      return 1;
  }
  return 0;
}

void vgi_html_page_quiet(char *t, size_t len) {
  if (!vgi_is_html_page(t, len)) return;
  char *end = t + len;
  /* comments: an unclosed one runs to the end, as a browser reads it */
  for (char *p = t; (p = strstr(p, "<!--"));) {
    char *c = strstr(p + 4, "-->");
    char *stop = c ? c + 3 : end;
    blank(p, stop);
    p = stop;
  }
  /* scripts, styles and the rest of hidden_names */
  for (char *p = t; (p = memchr(p, '<', (size_t)(end - p)));) {
    int closing = 0;
    const char *name = hidden_tag(p, &closing);
    if (!name || closing) { p++; continue; }
    char *gt = tag_end(p, end), *stop = gt;
    if (!self_closing(p, gt)) {
      const char *c = closing_tag(gt, end, name);
      stop = c ? tag_end((char *)c, end) : end;
    }
    blank(p, stop);
    p = stop;
  }
  /* where the page's main content starts (<main>, role="main"): a header
   * before it is the site's, not the page's (Node.js's version and its
   * pickers over every API page) */
  const char *main_at = NULL;
  int long_headers = 0;
  /* (each tag looked at once, from its '<' to its '>': linear in the page
   * however its brackets are placed) */
  for (const char *p = t; !main_at && (p = memchr(p, '<', (size_t)(end - p)));) {
    if (end - p > 6 && !strncasecmp(p, "<main", 5) && strchr(" \t\r\n>", p[5])) { main_at = p; break; }
    const char *gt = memchr(p, '>', (size_t)(end - p));
    if (!gt) break;   /* no tag ends after this one */
    for (const char *c = p; c + 11 < gt; c++)
      if (!strncasecmp(c, "role=\"main\"", 11) || !strncasecmp(c, "role='main'", 11)) { main_at = p; break; }
    p = gt + 1;
  }
  /* navigation: <nav>, and any element whose class names it (texinfo's
   * "nav-panel" row of "Next: … Previous: … Up: …", a "navbar", a
   * "breadcrumb" trail, a "skip-to-content" link); and a title page's fine
   * print (front_matter) */
  char *next_gt = NULL;
  for (char *p = t; (p = memchr(p, '<', (size_t)(end - p)));) {
    char name[16];
    size_t k = 0;
    const char *q = p + 1;
    while (q < end && isalnum((unsigned char)*q) && k < 15) name[k++] = (char)tolower((unsigned char)*q++);
    name[k] = 0;
    if (!k || !(q < end && strchr(" \t\r\n>", *q))) { p++; continue; }
    char *gt = tag_end_ahead(p, end, &next_gt);
    int nav = !strcmp(name, "nav"), header = !strcmp(name, "header");
    /* role="navigation" (a Sphinx page's "related" bar and sidebar) */
    for (const char *c = q; c + 17 < gt && !nav; c++)
      nav = !strncasecmp(c, "role=\"navigation\"", 17) || !strncasecmp(c, "role='navigation'", 17);
    if (!nav) {
      /* class="…" of this tag, as words */
      for (const char *c = q; c + 6 < gt && !nav; c++) {
        if (strncasecmp(c, "class=", 6) || !isspace((unsigned char)c[-1])) continue;
        const char *v = c + 6, quote = (*v == '"' || *v == '\'') ? *v++ : 0;
        const char *ve = v;
        while (ve < gt && (quote ? *ve != quote : !isspace((unsigned char)*ve) && *ve != '>')) ve++;
        for (const char *w = v; w < ve && !nav; w++) {
          if (w != v && w[-1] != ' ' && w[-1] != '-') continue;
          nav = !strncasecmp(w, "nav", 3) || !strncasecmp(w, "breadcrumb", 10) || !strncasecmp(w, "skip-", 5) ||
                front_matter(w, ve);
          header |= !strncasecmp(w, "header", 6);
        }
      }
    }
    if (!nav && !header) { p = gt; continue; }
    /* to its own closing tag, past those of nested elements of its name; a
     * header is looked at within 16 KB (a page of unclosed ones would cost
     * the square of its length) */
    int depth = 1;
    char *r = gt, *stop = end;
    const char *limit = nav || end - gt <= 16384 ? end : gt + 16384;
    /* (a header before the main content is looked at up to it, however
     * long: Node.js's holds the page's whole table of contents; the first
     * few only, for the same reason) */
    if (!nav && main_at && main_at > gt && main_at > limit && long_headers < 4) limit = main_at, long_headers++;
    while ((r = memchr(r, '<', (size_t)(limit - r)))) {
      int closing = r + 1 < end && r[1] == '/';
      const char *nm = r + 1 + closing;
      size_t n = strlen(name);
      if ((size_t)(end - nm) > n && !strncasecmp(nm, name, n) && strchr(" \t\r\n>", nm[n]) &&
          (closing ? --depth == 0 : (depth++, 0))) {
        stop = tag_end(r, end);
        break;
      }
      r++;
    }
    /* a header is navigation when its links go to the next, previous or
     * parent page (texinfo's "Next: … Previous: … Up: …") */
    if (!nav && stop == end && limit != end) { p = gt; continue; }
    if (!nav) {
      char keep = *stop;
      *stop = 0;   /* (stop is within the text, or its terminating NUL) */
      nav = strstr(gt, "rel=\"next\"") || strstr(gt, "rel=\"prev\"") || strstr(gt, "rel=\"up\"");
      *stop = keep;
      /* or when the page's main content comes after it */
      nav |= main_at && stop <= main_at;
    }
    if (nav) blank(p, stop);
    p = nav ? stop : gt;
  }
  /* the head: its title is the page's heading when the body has none */
  char *h = opening_tag(t, end, "head");
  const char *hc = h ? closing_tag(h, end, "head") : NULL;
  if (!h || !hc) return;
  char *hstop = tag_end((char *)hc, end);
  char *ti = opening_tag(h, hc, "title");
  char *ti_in = ti ? tag_end(ti, hc) : NULL;
  const char *ti_close = ti ? closing_tag(ti_in, hc, "title") : NULL;
  vgi_buf head = {0};
  if (ti_close && !opening_tag(hstop, end, "h1")) {
    vgi_buf_puts(&head, "<h1>");
    /* "Corepack | Node.js v20.20.2 Documentation": the page, not its site */
    const char *te = ti_close;
    for (const char *q = ti_in; q + 3 <= ti_close; q++)
      if (!memcmp(q, " | ", 3) && q > ti_in) { te = q; break; }
    for (const char *q = ti_in; q < te; q++)
      if (*q != '\n') vgi_buf_add(&head, *q == '\r' || *q == '\t' ? " " : q, 1);
    vgi_buf_puts(&head, "</h1>");
  }
  blank(h, hstop);
  /* written where the title was, around its line breaks: "<h1></h1>" is
   * shorter than "<title></title>", so it fits */
  char *w = ti;
  for (size_t i = 0; i < head.n; i++) {
    while (*w == '\n') w++;
    *w++ = head.s[i];
  }
  vgi_buf_free(&head);
}

/* Elements html_blocks.c reads whole; a blank line inside one would end
 * Markdown's HTML block there (the rest read as prose or code) */
static const char *const spanning[] = { "pre", "ul", "ol", "dl", "table", "blockquote" };

char *vgi_html_page_join(const char *t, size_t len, size_t *out_len) {
  if (!vgi_is_html_page(t, len)) return NULL;
  vgi_buf b = {0};
  int open[sizeof spanning / sizeof *spanning] = {0}, any = 0, marked = 0;
  const char *end = t + len, *line = t;
  for (const char *p = t; p < end; p++) {
    if (*p == '<') {
      int closing = p + 1 < end && p[1] == '/';
      const char *q = p + 1 + closing;
      for (size_t i = 0; i < sizeof spanning / sizeof *spanning; i++) {
        size_t n = strlen(spanning[i]);
        if ((size_t)(end - q) <= n || strncasecmp(q, spanning[i], n) || !strchr(" \t\r\n>", q[n])) continue;
        if (closing) open[i] -= open[i] > 0;
        else open[i]++;
      }
      any = 0;
      for (size_t i = 0; i < sizeof spanning / sizeof *spanning; i++) any |= open[i] > 0;
    } else if (*p == '\n') {
      /* the line that starts after this break: blank inside an open element
       * is a comment line instead, which every reader skips */
      vgi_buf_add(&b, line, (size_t)(p + 1 - line));
      line = p + 1;
      const char *r = line;
      while (r < end && (*r == ' ' || *r == '\t' || *r == '\r')) r++;
      if (any && r < end && *r == '\n') { vgi_buf_puts(&b, "<!---->"); marked = 1; }
    }
  }
  vgi_buf_add(&b, line, (size_t)(end - line));
  if (!marked) { vgi_buf_free(&b); return NULL; }
  *out_len = b.n;
  return vgi_buf_take(&b);
}
