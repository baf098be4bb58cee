/* html_blocks.c: the HTML a README opens with, read as the Markdown it
 * stands for before the Markdown adapter walks the tree.
 *
 * Many READMEs centre their top with HTML: <h1 align="center">Name</h1> (or
 * a logo in it: <h1><img alt="Name" …></h1>), a tagline in <p>, a row of
 * badges or links in <p>. CommonMark sees HTML blocks, whose words the
 * adapter would read as loose prose: the title would be lost, and the
 * first section's heading would name the video. Here a top-level HTML
 * block's headings become Markdown headings and its paragraphs Markdown
 * paragraphs, with their links kept as links (so a row of links is still
 * navigation, never said) and their pictures left out (badges, logos; a
 * heading of only a logo takes the logo's alt text). Anything else in the
 * block stays HTML. The block is parsed again in its place at its own line
 * (vgi_md_parse_at), so its headings keep the document's line numbers. */
#include "input_private.h"

#include <cmark-gfm.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define TAG_MAX 4096   /* the longest tag (or code span) looked for, in bytes */

/* the first case-insensitive occurrence of needle in [h, end), or NULL */
static const char *find_ci(const char *h, const char *end, const char *needle) {
  size_t n = strlen(needle);
  for (; h + n <= end; h++)
    if (!strncasecmp(h, needle, n)) return h;
  return NULL;
}

/* the tag at p ('<'): its name (lower case, at most 15 bytes), whether it
 * closes, and where it ends (after '>'); 0 when p starts no tag */
static int tag_at(const char *p, const char *end, char name[16], int *closing, const char **after) {
  const char *q = p + 1;
  *closing = q < end && *q == '/';
  if (*closing) q++;
  size_t k = 0;
  while (q < end && isalnum((unsigned char)*q) && k < 15) name[k++] = (char)tolower((unsigned char)*q++);
  name[k] = 0;
  if (!k || (q < end && !strchr(" \t\r\n/>", *q))) return 0;
  /* a tag longer than TAG_MAX is none: every '<' then costs at most that */
  size_t room = (size_t)(end - q) < TAG_MAX ? (size_t)(end - q) : TAG_MAX;
  const char *gt = memchr(q, '>', room);
  if (!gt) return 0;
  *after = gt + 1;
  return 1;
}

/* the value of attribute `attr` in the tag [p, e), copied (NULL if absent) */
static char *attr_of(const char *p, const char *e, const char *attr) {
  size_t al = strlen(attr);
  for (const char *q = p; q + al < e; q++) {
    if (strncasecmp(q, attr, al) || !isspace((unsigned char)q[-1])) continue;
    const char *v = q + al;
    while (v < e && isspace((unsigned char)*v)) v++;
    if (v >= e || *v != '=') continue;
    v++;
    while (v < e && isspace((unsigned char)*v)) v++;
    char quote = v < e && (*v == '"' || *v == '\'') ? *v++ : 0;
    const char *ve = v;
    while (ve < e && (quote ? *ve != quote : !isspace((unsigned char)*ve) && *ve != '>')) ve++;
    char *r = malloc((size_t)(ve - v) + 1);
    memcpy(r, v, (size_t)(ve - v));
    r[ve - v] = 0;
    return r;
  }
  return NULL;
}

static int has_word(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (isalnum(*p) || *p >= 0x80) return 1;
  return 0;
}

/* Text as Markdown: what Markdown would read as markup is escaped; line
 * breaks are spaces. Entities pass through: cmark decodes them. */
static void put_text(vgi_buf *b, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    /* (not the '#' of a character reference: "&#64;" is cmark's to decode) */
    if (strchr("\\`*_[]<>#|~!", c) && !(c == '#' && i && p[i - 1] == '&')) vgi_buf_add(b, "\\", 1);
    vgi_buf_add(b, &c, 1);
  }
}

/* Whether a link's text is only a mark that links to its own heading
 * (Sphinx's "¶", "§", "#"): not a word of the heading */
static int anchor_mark(const char *t) {
  t += strspn(t, " ");
  /* (written as a reference too: texinfo's " &para;") */
  char ent[5];
  size_t en;
  if (*t == '&' && vgi_html_entity(t, t + strlen(t), ent, &en) && !t[en + strspn(t + en, " ")]) t = ent;
  const char *marks[] = { "\xc2\xb6", "\xc2\xa7", "#", "\xf0\x9f\x94\x97", NULL };
  for (int i = 0; marks[i]; i++) {
    size_t n = strlen(marks[i]);
    if (!strncmp(t, marks[i], n) && !t[n + strspn(t + n, " ")]) return 1;
  }
  return 0;
}

/* Does b end on a word, a space after it ("a ", "a")? */
static int word_before(const vgi_buf *b) {
  size_t n = b->n;
  while (n && b->s[n - 1] == ' ') n--;
  return n && (isalnum((unsigned char)b->s[n - 1]) || (unsigned char)b->s[n - 1] >= 0x80);
}

/* Does a word follow at p (spaces and tags before it; a block's end or
 * another line's start ends the search)? */
static int word_after(const char *p, const char *end) {
  while (p < end) {
    if (*p == ' ' || *p == '\t') { p++; continue; }
    if (*p == '<' && p + 1 < end && p[1] != '/') {
      char name[16];
      int closing;
      const char *after;
      if (tag_at(p, end, name, &closing, &after) && !strcmp(name, "img")) return 0;
    }
    if (*p == '<') return 0;
    return isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80;
  }
  return 0;
}

/* The name of the site an address leads to ("https://www.zerossl.com/x" →
 * "zerossl"), or NULL. Caller frees. */
static char *site_name(const char *href) {
  const char *h = href ? strstr(href, "://") : NULL;
  if (!h) return NULL;
  h += 3;
  if (!strncasecmp(h, "www.", 4)) h += 4;
  size_t n = strcspn(h, "./:?#");
  if (!n || h[n] != '.') return NULL;
  char *r = malloc(n + 1);
  memcpy(r, h, n);
  r[n] = 0;
  return r;
}

/* A picture standing for a word between words ("a <img alt="ZeroSSL">
 * project", "a <a href=…><img></a> project"): the word it stands for,
 * its alt text, else the name of the site its link leads to; NULL when
 * it is no word of the sentence. Caller frees. */
static char *picture_word(const vgi_buf *b, const char *img, const char *img_end, const char *href,
                          const char *next, const char *end) {
  if (!word_before(b) || !word_after(next, end)) return NULL;
  char *a = img ? attr_of(img, img_end, "alt") : NULL;
  if (a && has_word(a) && vgi_word_count(a) <= 4) return a;
  free(a);
  return site_name(href);
}

/* The inline HTML in [p, end) as Markdown: links kept ([text](href)), code
 * kept, pictures out (the first one's alt text into *alt), every other tag
 * a space, comments nothing. */
static void inline_md(vgi_buf *b, const char *p, const char *end, char **alt, int in_link) {
  while (p < end) {
    if (!strncmp(p, "<!--", 4)) {
      const char *e = find_ci(p + 4, end, "-->");
      p = e ? e + 3 : end;
      continue;
    }
    char name[16];
    int closing;
    const char *after;
    if (*p != '<' || !tag_at(p, end, name, &closing, &after)) {
      const char *q = p + 1;
      while (q < end && *q != '<') q++;
      put_text(b, p, (size_t)(q - p));
      p = q;
      continue;
    }
    if (!strcmp(name, "img")) {
      if (alt && !*alt) {
        char *a = attr_of(p, after, "alt");
        if (a && has_word(a)) *alt = a;
        else free(a);
      }
      char *w = in_link ? NULL : picture_word(b, p, after, NULL, after, end);
      if (w) {
        if (b->n && b->s[b->n - 1] != ' ') vgi_buf_puts(b, " ");
        put_text(b, w, strlen(w));
        free(w);
      }
    } else if (!strcmp(name, "a") && !closing && !in_link) {
      const char *close = find_ci(after, end, "</a");
      const char *inner_end = close ? close : end;
      vgi_buf t = {0};
      inline_md(&t, after, inner_end, alt, 1);
      char *href = attr_of(p, after, "href");
      if (t.s && has_word(t.s) && !anchor_mark(t.s)) {
        /* a link's target between <…> unless it could end that early */
        if (href && *href && !strpbrk(href, "<>\n\r\\ ")) {
          vgi_buf_puts(b, "[");
          vgi_buf_puts(b, t.s);
          vgi_buf_puts(b, "](<");
          vgi_buf_puts(b, href);
          vgi_buf_puts(b, ">)");
        } else {
          vgi_buf_puts(b, t.s);
        }
      }
      int worded = t.s && has_word(t.s);
      vgi_buf_free(&t);
      p = inner_end;
      if (close) {
        const char *gt = memchr(close, '>', (size_t)(end - close));
        p = gt ? gt + 1 : end;
      }
      /* a linked picture between words: the word it stands for */
      const char *img = !worded ? find_ci(after, inner_end, "<img") : NULL;
      const char *img_end = img ? memchr(img, '>', (size_t)(inner_end - img)) : NULL;
      char *w = img_end ? picture_word(b, img, img_end + 1, href, p, end) : NULL;
      if (w) {
        if (b->n && b->s[b->n - 1] != ' ') vgi_buf_puts(b, " ");
        put_text(b, w, strlen(w));
        free(w);
      }
      free(href);
      continue;
    } else if (!strcmp(name, "code") || !strcmp(name, "kbd") || !strcmp(name, "tt")) {
      const char *close = closing ? NULL : find_ci(after, end - after > TAG_MAX ? after + TAG_MAX : end, "</");
      if (close && !memchr(after, '`', (size_t)(close - after)) && !memchr(after, '<', (size_t)(close - after))) {
        /* a code span is read as it stands: its references ("&#60;dir&#62;") decoded here */
        vgi_buf c = {0};
        char ent[5];
        size_t n;
        for (const char *q = after; q < close;) {
          if (*q == '&' && vgi_html_entity(q, close, ent, &n)) { vgi_buf_puts(&c, ent); q += n; continue; }
          vgi_buf_add(&c, (*q == '\n' || *q == '\r') ? " " : q, 1);
          q++;
        }
        int ticks = c.s && strchr(c.s, '`');
        vgi_buf_puts(b, ticks ? "`` " : "`");
        if (c.s) vgi_buf_puts(b, c.s);
        vgi_buf_puts(b, ticks ? " ``" : "`");
        vgi_buf_free(&c);
        const char *gt = memchr(close, '>', (size_t)(end - close));
        p = gt ? gt + 1 : end;
        continue;
      }
    } else if (strcmp(name, "b") && strcmp(name, "strong") && strcmp(name, "i") && strcmp(name, "em") &&
               strcmp(name, "span") && strcmp(name, "sup") && strcmp(name, "sub") && strcmp(name, "small")) {
      vgi_buf_puts(b, " ");   /* <br>, <div>, …: a word break */
    }
    p = after;
  }
}

/* Elements whose structure Markdown has: read as a list, code, a quote or a
 * table (element_at's *level below 0) */
enum { EL_UL = -1, EL_OL = -2, EL_PRE = -3, EL_QUOTE = -4, EL_TABLE = -5, EL_DL = -6 };
static const char *const STRUCTURED[] = { "ul", "ol", "pre", "blockquote", "table", "dl", NULL };

/* the first tag in [p, end) that opens a block (a paragraph, heading,
 * list, code, table, quote, division, rule), or NULL */
static const char *block_start(const char *p, const char *end) {
  static const char *const blocks[] = { "p", "pre", "ul", "ol", "dl", "table", "blockquote", "div", "hr",
                                        "h1", "h2", "h3", "h4", "h5", "h6", "section", NULL };
  while ((p = memchr(p, '<', (size_t)(end - p)))) {
    char n[16];
    int closing;
    const char *after;
    if (tag_at(p, end, n, &closing, &after) && !closing)
      for (int i = 0; blocks[i]; i++)
        if (!strcmp(n, blocks[i])) return p;
    p++;
  }
  return NULL;
}

/* the closing tag of the element `name` whose content starts at p, past
 * the elements of the same name nested in it: where its '<' is, or NULL */
static const char *matching_close(const char *p, const char *end, const char *name) {
  int depth = 1;
  while ((p = memchr(p, '<', (size_t)(end - p)))) {
    char n[16];
    int closing;
    const char *after;
    if (!tag_at(p, end, n, &closing, &after)) { p++; continue; }
    if (!strcmp(n, name) && (closing ? --depth == 0 : (depth++, 0))) return p;
    p = after;
  }
  return NULL;
}

/* the element opened at p (<hN>, <p>, or one of STRUCTURED): its kind, its
 * content, and where it ends (after its closing tag, else at the block's
 * end) */
static int element_at(const char *p, const char *end, int *level, const char **in0, const char **in1,
                      const char **next) {
  char name[16];
  int closing;
  const char *after;
  if (*p != '<' || !tag_at(p, end, name, &closing, &after) || closing) return 0;
  *level = 0;
  const char *c;
  int k = 0;
  while (STRUCTURED[k] && strcmp(name, STRUCTURED[k])) k++;
  if (STRUCTURED[k]) {
    *level = -1 - k;
    c = matching_close(after, end, name);
  } else {
    if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]) {
      *level = name[1] - '0';
      /* a title's subtitle (DocBook's <h2 class="subtitle">) heads no
       * section: it is the line under the title */
      char *cl = attr_of(p, after, "class");
      if (cl && !strcasecmp(cl, "subtitle")) *level = 0;
      free(cl);
    } else if (strcmp(name, "p")) return 0;
    char close[8] = "</";
    strcat(close, name);
    /* A paragraph's closing tag is optional: without one before the next
     * paragraph, the next block element ends it, as in a browser (old
     * pages write "<p>" before each paragraph and never "</p>": the first
     * one took the code after it). With one, it wins: a README's <p>
     * around a <div> of logos is one paragraph. */
    const char *b = *level ? NULL : block_start(after, end), *stop = end;
    if (b) {
      const char *np = b, *na;
      char nn[16];
      int ncl;
      while (np && !(tag_at(np, end, nn, &ncl, &na) && !ncl && !strcmp(nn, "p"))) np = block_start(np + 1, end);
      stop = np ? np : end;
    }
    /* its own closing tag: "</p" also opens "</picture>" */
    c = find_ci(after, stop, close);
    while (c && c + strlen(close) < stop && !strchr(" \t\r\n>", c[strlen(close)]))
      c = find_ci(c + 1, stop, close);
    if (!c && b) {
      *in0 = after;
      *in1 = *next = b;   /* (the next element starts there) */
      return 1;
    }
  }
  *in0 = after;
  *in1 = c ? c : end;
  const char *gt = c ? memchr(c, '>', (size_t)(end - c)) : NULL;
  *next = gt ? gt + 1 : end;
  return 1;
}

/* ---- lists, code, quotes and tables ------------------------------------------ */

#define LIST_DEPTH 6   /* deeper lists are read as their parent's words */

/* Ends b with a blank line (nothing when b is empty): what follows is a
 * block of its own, never a lazy line of the one above. */
static void blank_line(vgi_buf *b) {
  while (b->n && (b->s[b->n - 1] == ' ' || b->s[b->n - 1] == '\t')) b->s[--b->n] = 0;
  if (!b->n) return;
  if (b->s[b->n - 1] != '\n') vgi_buf_puts(b, "\n");
  if (b->n < 2 || b->s[b->n - 2] != '\n') vgi_buf_puts(b, "\n");
}

/* one line of Markdown: indent, marker and the inline HTML [p, e) as
 * Markdown; nothing when it has no word */
static void item_line(vgi_buf *b, int indent, const char *marker, const char *p, const char *e) {
  vgi_buf t = {0};
  inline_md(&t, p, e, NULL, 0);
  if (t.s && has_word(t.s)) {
    for (int i = 0; i < indent; i++) vgi_buf_puts(b, " ");
    vgi_buf_puts(b, marker);
    vgi_buf_puts(b, vgi_squash(t.s));
    vgi_buf_puts(b, "\n");
  }
  vgi_buf_free(&t);
}

/* The items of <ul>/<ol> [p, end) as Markdown list items, one a line, a
 * nested list under its item (indented by its marker's width). <li>'s
 * closing tag is optional, as in HTML. */
static void list_md(vgi_buf *b, const char *p, const char *end, int ordered, int indent, int depth) {
  const char *marker = ordered ? "1. " : "- ";
  const char *item = NULL;   /* the current item's words start here */
  vgi_buf raw = {0};         /* its HTML, nested lists left out */
  while (p < end) {
    char name[16];
    int closing;
    const char *after;
    if (*p != '<' || !tag_at(p, end, name, &closing, &after)) {
      const char *q = memchr(p + 1, '<', (size_t)(end - p - 1));
      if (!q) q = end;
      if (item) vgi_buf_add(&raw, p, (size_t)(q - p));
      p = q;
      continue;
    }
    int sub = (!strcmp(name, "ul") || !strcmp(name, "ol")) && !closing;
    if (!strcmp(name, "li") || (sub && depth < LIST_DEPTH)) {
      if (item && raw.n) item_line(b, indent, marker, raw.s, raw.s + raw.n);
      raw.n = 0;
      if (raw.s) raw.s[0] = 0;
      item = !strcmp(name, "li") && !closing ? after : NULL;
      if (sub) {
        const char *c = matching_close(after, end, name);
        list_md(b, after, c ? c : end, name[0] == 'o', indent + (int)strlen(marker), depth + 1);
        const char *gt = c ? memchr(c, '>', (size_t)(end - c)) : NULL;
        p = gt ? gt + 1 : end;
        continue;
      }
    } else if (item) {
      vgi_buf_add(&raw, p, (size_t)(after - p));
    }
    p = after;
  }
  if (item && raw.n) item_line(b, indent, marker, raw.s, raw.s + raw.n);
  vgi_buf_free(&raw);
}

/* A definition's term as Texinfo writes it (<dt><span class="category">
 * Function: </span><span><strong>ffi_status</strong> <em>ffi_prep_cif
 * (ffi_cif *cif, …)</em>): what it defines is its name, the last word
 * before its arguments ("ffi_prep_cif"); the category and the return type
 * are the manual's layout, and "Function: ffi_status ffi_prep_cif" was
 * said as the key point in place of its description. In place in t (its
 * text, squashed); 0 when the term is none of Texinfo's. */
static int definition_name(const char *dt, const char *dt_end, vgi_buf *t) {
  const char *cat = find_ci(dt, dt_end, "class=\"category");
  if (!cat || !t->s) return 0;
  char *s = t->s;
  /* after the category's colon ("Function: ", "Data type: ") */
  char *c = strstr(s, ": ");
  if (!c || c - s > 24) return 0;
  char *a = c + 2;
  char *paren = strchr(a, '(');
  char *e = paren ? paren : a + strlen(a);
  while (e > a && (e[-1] == ' ' || e[-1] == '*')) e--;
  char *w = e;
  while (w > a && w[-1] != ' ' && w[-1] != '*') w--;
  if (w == e) return 0;
  memmove(s, w, (size_t)(e - w));
  s[e - w] = 0;
  t->n = (size_t)(e - w);
  return 1;
}

/* <dl>: each term with its description, as a list item "**term**: text" */
static void dl_md(vgi_buf *b, const char *p, const char *end) {
  vgi_buf line = {0};
  while (p < end) {
    int level;
    const char *in0, *in1, *next;
    const char *dt = find_ci(p, end, "<dt");
    if (!dt) break;
    const char *gt = memchr(dt, '>', (size_t)(end - dt));
    if (!gt) break;
    /* each looked for before the next term only: a list of terms without
     * descriptions costs its length, not its square */
    const char *next_dt = find_ci(gt, end, "<dt");
    const char *stop = next_dt ? next_dt : end;
    const char *dt_end = find_ci(gt, stop, "</dt");
    const char *dd = find_ci(gt, stop, "<dd");
    if (!dt_end || (dd && dd < dt_end)) dt_end = dd ? dd : stop;
    vgi_buf t = {0};
    inline_md(&t, gt + 1, dt_end, NULL, 0);
    if (t.s) {
      vgi_squash(t.s);
      t.n = strlen(t.s);
      definition_name(dt, dt_end, &t);
    }
    if (t.s && has_word(t.s)) {
      line.n = 0;
      vgi_buf_puts(&line, "**");
      vgi_buf_puts(&line, vgi_squash(t.s));
      vgi_buf_puts(&line, "**");
      if (dd && (!next_dt || dd < next_dt)) {
        const char *dgt = memchr(dd, '>', (size_t)(end - dd));
        const char *dd_end = next_dt ? next_dt : end;
        vgi_buf u = {0};
        if (dgt && dgt < dd_end) inline_md(&u, dgt + 1, dd_end, NULL, 0);
        if (u.s && has_word(u.s)) {
          /* ("Authors:" has its colon) */
          vgi_buf_puts(&line, line.n > 3 && line.s[line.n - 3] == ':' ? " " : ": ");
          vgi_buf_puts(&line, vgi_squash(u.s));
        }
        vgi_buf_free(&u);
      }
      vgi_buf_puts(b, "- ");
      vgi_buf_puts(b, line.s);
      vgi_buf_puts(b, "\n");
    }
    vgi_buf_free(&t);
    (void)level; (void)in0; (void)in1; (void)next;
    p = next_dt ? next_dt : end;
  }
  vgi_buf_free(&line);
}

/* The character a character reference at p stands for (&amp; &lt; &#39;
 * &#x27; and the named ones pages use most), into out (UTF-8), its length
 * in *n; 0 when p starts none. */
int vgi_html_entity(const char *p, const char *end, char out[5], size_t *n) {
  static const struct { const char *e, *c; } names[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" }, { "&nbsp;", " " },
    { "&ndash;", "\u2013" }, { "&mdash;", "\u2014" }, { "&hellip;", "\u2026" }, { "&lsquo;", "\u2018" },
    { "&rsquo;", "\u2019" }, { "&ldquo;", "\u201c" }, { "&rdquo;", "\u201d" }, { "&laquo;", "\u00ab" },
    { "&raquo;", "\u00bb" }, { "&copy;", "\u00a9" }, { "&reg;", "\u00ae" }, { "&trade;", "\u2122" },
    { "&times;", "\u00d7" }, { "&middot;", "\u00b7" }, { "&bull;", "\u2022" }, { "&deg;", "\u00b0" },
    { "&euro;", "\u20ac" }, { "&pound;", "\u00a3" }, { "&sect;", "\u00a7" }, { "&para;", "\u00b6" },
    { "&rarr;", "\u2192" }, { "&larr;", "\u2190" }, { "&le;", "\u2264" }, { "&ge;", "\u2265" },
    { "&ne;", "\u2260" }, { "&minus;", "\u2212" }, { "&shy;", "" }, { "&zwnj;", "" }, { "&zwj;", "" },
    { "&thinsp;", " " }, { "&ensp;", " " }, { "&emsp;", " " } };
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    size_t l = strlen(names[i].e);
    if ((size_t)(end - p) >= l && !strncmp(p, names[i].e, l)) { strcpy(out, names[i].c); *n = l; return 1; }
  }
  if (end - p < 4 || p[1] != '#') return 0;
  int hex = p[2] == 'x' || p[2] == 'X';
  const char *q = p + 2 + hex;
  unsigned long v = 0;
  int digits = 0;
  for (; q < end && digits < 7 && (hex ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q)); q++, digits++)
    v = v * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)*q) ? *q - '0' : (tolower((unsigned char)*q) - 'a' + 10));
  if (!digits || q >= end || *q != ';' || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  out[vgi_put_utf8(out, (unsigned)v)] = 0;
  *n = (size_t)(q + 1 - p);
  return 1;
}

/* <pre> [p, end) as a fenced code block: its text without tags, entities
 * decoded (code keeps them literally), the language from a class
 * "language-X" or "lang-X" on <pre> or its <code> */
static void pre_md(vgi_buf *b, const char *tag, const char *p, const char *end) {
  vgi_buf code = {0};
  char *lang = NULL;
  char *cls = attr_of(tag, p, "class");
  for (const char *q = p; q < end;) {
    char name[16], ent[5];
    int closing;
    const char *after;
    size_t n;
    if (!strncmp(q, "<!--", 4)) {   /* a comment is no code */
      const char *c = find_ci(q + 4, end, "-->");
      q = c ? c + 3 : end;
    } else if (*q == '<' && tag_at(q, end, name, &closing, &after)) {
      if (!cls && !strcmp(name, "code") && !closing) cls = attr_of(q, after, "class");
      q = after;
    } else if (*q == '&' && vgi_html_entity(q, end, ent, &n)) {
      vgi_buf_puts(&code, ent);
      q += n;
    } else {
      vgi_buf_add(&code, q, 1);
      q++;
    }
  }
  if (cls) {
    const char *l = strstr(cls, "language-");
    l = l ? l + 9 : strstr(cls, "lang-") ? strstr(cls, "lang-") + 5 : NULL;
    size_t ln = l ? strspn(l, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-_") : 0;
    if (ln) {
      lang = malloc(ln + 1);
      memcpy(lang, l, ln);
      lang[ln] = 0;
    }
  }
  /* a line break right after <pre> is not content (HTML drops it) */
  const char *s = code.s ? code.s : "";
  if (*s == '\r') s++;
  if (*s == '\n') s++;
  size_t len = strlen(s);
  while (len && strchr(" \t\r\n", s[len - 1])) len--;
  if (len) {
    /* a fence longer than any run of backticks in the code */
    int run = 0, longest = 0;
    for (size_t i = 0; i < len; i++) run = s[i] == '`' ? run + 1 : 0, longest = run > longest ? run : longest;
    int fence = longest >= 3 ? longest + 1 : 3;
    for (int i = 0; i < fence; i++) vgi_buf_puts(b, "`");
    if (lang) vgi_buf_puts(b, lang);
    vgi_buf_puts(b, "\n");
    vgi_buf_add(b, s, len);
    vgi_buf_puts(b, "\n");
    for (int i = 0; i < fence; i++) vgi_buf_puts(b, "`");
    vgi_buf_puts(b, "\n");
  }
  free(lang);
  free(cls);
  vgi_buf_free(&code);
}

/* the cells of the <tr> [p, end) into a Markdown row ("| a | b |"); how
 * many, and in *words how many have a word */
static int row_md(vgi_buf *b, const char *p, const char *end, int *words, vgi_buf *pair) {
  int cells = 0;
  *words = 0;
  while (p < end) {
    const char *c = memchr(p, '<', (size_t)(end - p));
    if (!c) break;
    char name[16];
    int closing;
    const char *after;
    if (!tag_at(c, end, name, &closing, &after)) { p = c + 1; continue; }
    p = after;
    if (closing || (strcmp(name, "td") && strcmp(name, "th"))) continue;
    /* the cell ends where the next one starts, or at </td> / </th> */
    const char *e = after;
    for (;;) {
      e = memchr(e, '<', (size_t)(end - e));
      if (!e) { e = end; break; }
      char n2[16];
      int cl2;
      const char *a2;
      if (tag_at(e, end, n2, &cl2, &a2) && (!strcmp(n2, "td") || !strcmp(n2, "th"))) break;
      e++;
    }
    vgi_buf t = {0};
    inline_md(&t, after, e, NULL, 0);
    vgi_buf_puts(b, cells ? " " : "| ");
    if (t.s) vgi_buf_puts(b, vgi_squash(t.s));
    *words += t.s && has_word(t.s);
    vgi_buf_puts(b, " |");
    /* the row as a term and its description ("- **browse**: what it does") */
    if (pair && cells < 2 && t.s && has_word(t.s)) {
      vgi_buf_puts(pair, cells ? ": " : "- **");
      vgi_buf_puts(pair, t.s);
      if (!cells) vgi_buf_puts(pair, "**");
    }
    vgi_buf_free(&t);
    cells++;
    p = e;
  }
  return cells;
}

/* Whether [p, end) holds a header cell (<th>, not <thead>). */
static int has_th(const char *p, const char *end) {
  for (const char *q = p; (q = find_ci(q, end, "<th")) != NULL; q += 3)
    if (q + 3 < end && (q[3] == '>' || isspace((unsigned char)q[3]))) return 1;
  return 0;
}

/* Whether [p, e) is a topic's number or letter alone ("A", "2.", "IV"). */
static int topic_number(const char *p, const char *e) {
  while (p < e && isspace((unsigned char)*p)) p++;
  while (e > p && isspace((unsigned char)e[-1])) e--;
  if (e - p > 4) return 0;
  for (const char *q = p; q < e; q++)
    if (!isalnum((unsigned char)*q) && *q != '.') return 0;
  return 1;
}

/* A table of contents as DocBook writes it (<dl class="toc">, a <dt> of
 * one link a topic, its subtopics in a <dl> under it): its top-level
 * topics as a list of links, which the Markdown reader makes an agenda. */
static void toc_md(vgi_buf *b, const char *p, const char *end) {
  int depth = 0;
  while (p < end) {
    const char *c = memchr(p, '<', (size_t)(end - p));
    if (!c) break;
    char name[16];
    int closing;
    const char *after;
    if (!tag_at(c, end, name, &closing, &after)) { p = c + 1; continue; }
    p = after;
    if (!strcmp(name, "dl")) { depth += closing ? -1 : 1; continue; }
    if (depth || closing || strcmp(name, "dt")) continue;
    /* (its end looked for before the next <dt>, <dd> or <dl> only: a
     * list of unclosed terms costs its length, not its square) */
    const char *next = find_ci(after, end, "<d");
    const char *e = find_ci(after, next ? next : end, "</dt");
    if (!e) e = next ? next : end;
    vgi_buf t = {0};
    /* (an appendix's letter before its link, "A <a …>The Code</a>": the
     * agenda numbers its topics itself) */
    const char *a = find_ci(after, e, "<a ");
    if (a && topic_number(after, a)) after = a;
    inline_md(&t, after, e, NULL, 0);
    if (t.s && has_word(t.s)) {
      vgi_buf_puts(b, "- ");
      vgi_buf_puts(b, vgi_squash(t.s));
      vgi_buf_puts(b, "\n");
    }
    vgi_buf_free(&t);
    p = e;
  }
}

static char *block_md(const char *lit);

#define LAYOUT_DEPTH 8   /* layout tables read inside each other; deeper ones are data */
static _Thread_local int layout_depth;

/* A table that lays out a page (libxslt's pages: navigation in one cell,
 * the page's body in another): a cell holds a heading or another table.
 * Read as rows, its body was one long table of menus and paragraphs. A
 * data table's cell may hold paragraphs and lists (docutils writes them). */
static int layout_table(const char *p, const char *end) {
  static const char *const blocks[] = { "table", "h1", "h2", "h3", "h4", "h5", "h6", NULL };
  /* ... or, in a table of one column (a box around a menu), a list, a form */
  static const char *const boxed[] = { "ul", "ol", "dl", "form", "pre", "blockquote", NULL };
  int cells = 0, wide = 0, box = 0;
  for (const char *q = p; (q = memchr(q, '<', (size_t)(end - q))) != NULL; q++) {
    char n[16];
    int closing;
    const char *after;
    if (!tag_at(q, end, n, &closing, &after) || closing) continue;
    for (int k = 0; blocks[k]; k++)
      if (!strcmp(n, blocks[k])) return 1;
    for (int k = 0; boxed[k]; k++) box |= !strcmp(n, boxed[k]);
    if (!strcmp(n, "tr")) cells = 0;
    else if (!strcmp(n, "td") || !strcmp(n, "th")) wide |= ++cells >= 2;
  }
  return box && !wide;
}

/* A layout table's content [p, end) read as the blocks it holds: its own
 * rows' and cells' tags (not those of a table inside it) as blank lines,
 * the rest read again (block_md), a table inside it a table or a layout
 * of its own. */
/* Whether [p, e), a layout table's cell, is a menu: five links or more,
 * and fewer words outside them than links (libxslt's column of "Main
 * Menu", "Related links" and their links beside the page's body); not
 * one with a heading */
static int menu_cell(const char *p, const char *e) {
  int links = 0, words = 0, in_link = 0, in_word = 0;
  for (const char *q = p; q < e;) {
    char n[16];
    int closing;
    const char *after;
    if (*q == '<' && tag_at(q, e, n, &closing, &after)) {
      /* (a cell with a heading is a page's body, an index of links too) */
      if (!closing && n[0] == 'h' && n[1] >= '1' && n[1] <= '6' && !n[2]) return 0;
      if (!strcmp(n, "a")) {
        if (!closing && !in_link) links++;
        in_link = !closing;
      }
      in_word = 0;
      q = after;
      continue;
    }
    int w = isalnum((unsigned char)*q) || (unsigned char)*q >= 0x80;
    if (w && !in_word && !in_link) words++;
    in_word = w;
    q++;
  }
  return links >= 5 && words < links;
}

static void layout_md(vgi_buf *b, const char *p, const char *end) {
  static const char *const parts[] = { "tr", "td", "th", "tbody", "thead", "tfoot", NULL };
  vgi_buf c = {0};
  int depth = 0;
  size_t cell = 0;   /* where the cell being copied starts in c */
  for (const char *q = p; q <= end;) {
    char n[16];
    int closing;
    const char *after;
    if (q < end && (*q != '<' || !tag_at(q, end, n, &closing, &after))) { vgi_buf_add(&c, q++, 1); continue; }
    int part = 0;
    for (int k = 0; q < end && parts[k] && !part; k++) part = !strcmp(n, parts[k]);
    if (q < end && !strcmp(n, "table")) depth += closing ? (depth > 0 ? -1 : 0) : 1;
    if (q == end || (part && !depth)) {
      /* a cell ends: a menu is navigation, not read */
      if (c.n > cell && menu_cell(c.s + cell, c.s + c.n)) c.n = cell, c.s[cell] = 0;
      if (q == end) break;
      vgi_buf_puts(&c, "\n\n");
      cell = c.n;
    } else {
      vgi_buf_add(&c, q, (size_t)(after - q));
    }
    q = after;
  }
  layout_depth++;
  char *md = c.s ? block_md(c.s) : NULL;
  layout_depth--;
  if (md) {
    blank_line(b);
    vgi_buf_puts(b, md);
    blank_line(b);
  } else if (c.s) {
    vgi_buf t = {0};
    inline_md(&t, c.s, c.s + c.n, NULL, 0);
    if (t.s && has_word(t.s)) {
      vgi_buf_puts(b, vgi_squash(t.s));
      vgi_buf_puts(b, "\n");
    }
    vgi_buf_free(&t);
  }
  free(md);
  vgi_buf_free(&c);
}

/* A table's <caption> in [p, end), before its first row, as the paragraph
 * "Table: …" before the GFM table (the Markdown reader shows it over the
 * table and says it) */
static void caption_md(vgi_buf *b, const char *p, const char *end) {
  const char *c = find_ci(p, end, "<caption");
  const char *tr = find_ci(p, end, "<tr");
  if (!c || (tr && tr < c)) return;
  const char *gt = memchr(c, '>', (size_t)(end - c));
  if (!gt) return;
  const char *ce = find_ci(gt, end, "</caption");
  if (!ce) return;
  vgi_buf t = {0};
  inline_md(&t, gt + 1, ce, NULL, 0);
  if (t.s && has_word(t.s)) {
    blank_line(b);
    vgi_buf_puts(b, "Table: ");
    vgi_buf_puts(b, vgi_squash(t.s));
    vgi_buf_puts(b, "\n\n");
  }
  vgi_buf_free(&t);
}

/* <table> [p, end) as a GFM table: its first row the header, rows padded to
 * the widest; a table of one row (a layout) as a paragraph of its cells */
static void table_md(vgi_buf *b, const char *p, const char *end) {
  const char *p0 = p;
  if (layout_depth < LAYOUT_DEPTH && layout_table(p, end)) {
    layout_md(b, p, end);
    return;
  }
  vgi_buf rows = {0};
  /* a table of terms and what they mean, two cells a row and no header
   * cell (AsciiDoc's labelled lists): the list it stands for, never a
   * table headed by its first term */
  vgi_buf pairs = {0};
  int as_pairs = !has_th(p, end);
  int width = 0, n = 0;
  const char *tr;
  while ((tr = find_ci(p, end, "<tr"))) {
    const char *gt = memchr(tr, '>', (size_t)(end - tr));
    if (!gt) break;
    const char *tr_end = find_ci(gt, end, "<tr");
    if (!tr_end) tr_end = end;
    vgi_buf r = {0}, pr = {0};
    int words, cells = row_md(&r, gt + 1, tr_end, &words, as_pairs ? &pr : NULL);
    if (cells && words && (cells != 2 || words != 2)) as_pairs = 0;
    else if (cells && words && pr.s) { vgi_buf_puts(&pairs, vgi_squash(pr.s)); vgi_buf_puts(&pairs, "\n"); }
    vgi_buf_free(&pr);
    /* a row of pictures (a layout table of logos) has nothing to read */
    if (cells && words) {
      if (cells > width) width = cells;
      vgi_buf_puts(&rows, r.s);
      vgi_buf_puts(&rows, "\n");
      if (!n++) {
        /* the rule after the first row, widened below when a later row is */
        vgi_buf_puts(&rows, "\x01\n");
      }
    }
    vgi_buf_free(&r);
    p = tr_end;
  }
  if (as_pairs && n >= 2) {
    vgi_buf_puts(b, pairs.s);
  } else if (n == 1) {
    /* "| a | b |": the cells' words, the bars out */
    for (const char *q = rows.s; *q && *q != '\n'; q++)
      if (*q != '|' || (q > rows.s && q[-1] == '\\')) vgi_buf_add(b, q, 1);
    vgi_buf_puts(b, "\n");
  } else if (n >= 2) {
    caption_md(b, p0, end);
    for (char *line = rows.s; line && *line;) {
      char *nl = strchr(line, '\n');
      *nl = 0;
      if (*line == '\x01') {
        vgi_buf_puts(b, "|");
        for (int i = 0; i < width; i++) vgi_buf_puts(b, " --- |");
      } else {
        vgi_buf_puts(b, line);
        int have = 0;
        for (char *q = line; *q; q++) have += *q == '|' && (q == line || q[-1] != '\\');
        for (int i = have - 1; i < width; i++) vgi_buf_puts(b, " |");
      }
      vgi_buf_puts(b, "\n");
      line = nl + 1;
    }
  }
  vgi_buf_free(&rows);
  vgi_buf_free(&pairs);
}

/* The structured element `kind` opened at tag, its content [in0, in1), as
 * Markdown blocks in b */
/* A term list whose terms are each one link into the page (<dt><a
 * href="#intro">Introduction</a></dt>), three or more, with nothing but
 * nested such lists under them: a table of contents, whatever its class
 * (DocBook's <div class="toc"> around a plain <dl>: libxslt's tutorial
 * was read as a list of terms, its label said). */
static int words_outside_tags(const char *p, const char *e);

static int links_within(const char *p, const char *end) {
  int depth = 0, terms = 0;
  const char *text = p;   /* where text outside the links may start */
  while (p < end) {
    const char *c = memchr(p, '<', (size_t)(end - p));
    if (!c) c = end;
    if (words_outside_tags(text, c) && !topic_number(text, c)) return 0;
    if (c >= end) break;
    char name[16];
    int closing;
    const char *after;
    if (!tag_at(c, end, name, &closing, &after)) return 0;
    p = text = after;
    if (!strcmp(name, "dl")) depth += closing ? -1 : 1;
    else if (!strcmp(name, "a") && !closing) {
      char *href = attr_of(c, after, "href");
      int inner = href && href[0] == '#';
      free(href);
      if (!inner) return 0;
      const char *close = find_ci(after, end, "</a");
      if (!close) return 0;
      terms += !depth;
      p = text = close;   /* the link's words are its topic */
    } else if (strcmp(name, "dt") && strcmp(name, "dd") && strcmp(name, "a") && strcmp(name, "span") &&
               strcmp(name, "b") && strcmp(name, "i") && strcmp(name, "em") && strcmp(name, "strong") &&
               strcmp(name, "code")) {
      return 0;
    }
  }
  return terms >= 3;
}

static void structured_md(vgi_buf *b, int kind, const char *tag, const char *in0, const char *in1) {
  switch (kind) {
  case EL_UL: case EL_OL: list_md(b, in0, in1, kind == EL_OL, 0, 1); break;
  case EL_DL: {
    char *cl = attr_of(tag, in0, "class");
    int toc = (cl && (!strcasecmp(cl, "toc") || !strncasecmp(cl, "toc ", 4))) || links_within(in0, in1);
    free(cl);
    if (toc) toc_md(b, in0, in1);
    else dl_md(b, in0, in1);
    break;
  }
  case EL_PRE: pre_md(b, tag, in0, in1); break;
  case EL_TABLE: table_md(b, in0, in1); break;
  case EL_QUOTE: {
    vgi_buf t = {0};
    inline_md(&t, in0, in1, NULL, 0);
    if (t.s && has_word(t.s)) {
      vgi_buf_puts(b, "> ");
      vgi_buf_puts(b, vgi_squash(t.s));
      vgi_buf_puts(b, "\n");
    }
    vgi_buf_free(&t);
    break;
  }
  }
}

static size_t newlines(const char *p, const char *e) {
  size_t n = 0;
  for (; p < e; p++) n += *p == '\n';
  return n;
}

/* Whether [p, e) holds a word outside its tags and comments. */
static int words_outside_tags(const char *p, const char *e) {
  int in_tag = 0;
  for (; p < e; p++) {
    if (*p == '<') in_tag = 1;
    else if (*p == '>') in_tag = 0;
    else if (!in_tag && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)) return 1;
  }
  return 0;
}

/* How many words [p, e) holds outside its tags (in links too). */
static int tag_free_words(const char *p, const char *e) {
  int in_tag = 0, n = 0, in_word = 0;
  for (; p < e; p++) {
    if (*p == '<') in_tag = 1;
    else if (*p == '>') in_tag = 0;
    int w = !in_tag && *p != '>' && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80);
    n += w && !in_word;
    in_word = w;
  }
  return n;
}

/* Whether a block started on a new line after b would be read as part of
 * the block above: a paragraph goes on after a line of text (not after a
 * heading), and an HTML block takes every line up to a blank one. */
static int joins_above(const vgi_buf *b, int heading) {
  if (!b->n) return 0;
  size_t e = b->n - 1, s0;   /* b ends with a line break: the line above is [s0, e) */
  for (s0 = e; s0 && b->s[s0 - 1] != '\n'; s0--) {}
  while (s0 < e && (b->s[s0] == ' ' || b->s[s0] == '\t')) s0++;
  if (s0 == e) return 0;   /* a blank line */
  if (b->s[s0] == '<') return 1;
  return !heading && b->s[s0] != '#';
}

/* A sponsor's thanks (<p>Special thanks to: <a …><img alt="Depot logo">
 * <b>Fast remote container builds</b></a> …</p>): words only to open it,
 * then links around logos. An advertisement, not the document's content:
 * not read (a viewer heard "Fast remote container builds and GitHub
 * Actions runners" as the first point of a list of lists). */
static int sponsor_thanks(const char *p, const char *end) {
  static const char *const opens[] = { "special thanks to", "thanks to", "many thanks to", "sponsored by",
    "our sponsors", "sponsors", "supported by", "brought to you by", "backed by", "powered by", NULL };
  vgi_buf out = {0};   /* the words outside links */
  int logos = 0;
  while (p < end) {
    char name[16];
    int closing;
    const char *after;
    if (*p != '<' || !tag_at(p, end, name, &closing, &after)) {
      vgi_buf_add(&out, p, 1);
      p++;
      continue;
    }
    if (!strcmp(name, "a") && !closing) {
      const char *close = find_ci(after, end, "</a");
      const char *inner_end = close ? close : end;
      logos += find_ci(after, inner_end, "<img") != NULL;
      p = inner_end;
      continue;
    }
    vgi_buf_puts(&out, " ");
    p = after;
  }
  char *t = out.s ? vgi_squash(out.s) : NULL;
  int thanks = 0;
  for (int i = 0; t && opens[i] && !thanks; i++) {
    size_t l = strlen(opens[i]);
    thanks = !strncasecmp(t, opens[i], l) && !isalnum((unsigned char)t[l]);
  }
  thanks = thanks && logos > 0 && vgi_word_count(t) <= 8;
  vgi_buf_free(&out);
  return thanks;
}

/* The block's Markdown, or NULL when it has no heading or paragraph. Each
 * line stays where it was, so what follows keeps its line number: HTML
 * without words between the elements (<div align="center">, </div>) is
 * its line breaks only, an element is one line and then its own breaks,
 * and a line is added only where Markdown needs a blank line between two
 * blocks. */
/* A <br> tag at p (<br>, <br/>, <br />): where it ends, else NULL. */
static const char *br_at(const char *p, const char *end) {
  char name[16];
  int closing;
  const char *after;
  return *p == '<' && tag_at(p, end, name, &closing, &after) && !closing && !strcmp(name, "br") ? after : NULL;
}

/* Where [p, end) first has two <br> with only white space between them
 * (an empty line), else end. */
static const char *blank_break(const char *p, const char *end) {
  for (; p < end; p++) {
    const char *q = br_at(p, end);
    if (!q) continue;
    while (q < end && isspace((unsigned char)*q)) q++;
    if (q < end && br_at(q, end)) return p;
  }
  return end;
}

/* After the empty line at p: past every <br> and the white space between. */
static const char *after_blank_break(const char *p, const char *end) {
  for (;;) {
    while (p < end && isspace((unsigned char)*p)) p++;
    const char *q = p < end ? br_at(p, end) : NULL;
    if (!q) return p;
    p = q;
  }
}

static char *block_md(const char *lit) {
  const char *end = lit + strlen(lit);
  vgi_buf b = {0};
  int found = 0;
  for (const char *p = lit; p < end;) {
    int level;
    const char *in0, *in1, *next;
    if (!element_at(p, end, &level, &in0, &in1, &next)) {
      const char *q = p + 1;
      while (q < end && !(*q == '<' && element_at(q, end, &level, &in0, &in1, &next))) q++;
      /* (a sponsor's thanks in a <div>, "Special thanks to:" and logos in
       * links, as lazygit's README opens, is no paragraph either) */
      if (words_outside_tags(p, q) && !sponsor_thanks(p, q)) {
        /* each line from its start: indented (a tab, four spaces) it would
         * be read as code */
        for (const char *r = p; r < q; r++) {
          if ((*r == ' ' || *r == '\t') && (r == p ? !b.n || b.s[b.n - 1] == '\n' : r[-1] == '\n')) {
            while (r < q && (*r == ' ' || *r == '\t')) r++;
            if (r == q) break;
          }
          vgi_buf_add(&b, r, 1);
        }
      }
      else for (size_t k = newlines(p, q); k; k--) vgi_buf_puts(&b, "\n");
      p = q;
      continue;
    }
    found = 1;
    if (level < 0) {
      /* a list, code, quote or table: blocks of their own, then as many
       * line breaks as it took (at least a blank line) */
      blank_line(&b);
      size_t from = b.n, lines = newlines(p, next);
      structured_md(&b, level, p, in0, in1);
      size_t made = newlines(b.s ? b.s + from : "", b.s ? b.s + b.n : "");
      blank_line(&b);
      for (size_t k = made + 1; k < lines; k++) vgi_buf_puts(&b, "\n");
      p = next;
      continue;
    }
    if (!level && sponsor_thanks(in0, in1)) in1 = in0;   /* its lines only */
    /* a paragraph's parts between empty lines (<br><br>: a browser shows a
     * blank line) are paragraphs of their own: DocBook's literallayout
     * writes a whole NEWS file as one <p> of lines (valgrind's
     * dist.news.html, 250,000 characters in one paragraph) */
    for (const char *a = in0; a < in1 || a == in0;) {
      const char *z = level ? in1 : blank_break(a, in1), *resume = in1;
      if (z < in1) resume = after_blank_break(z, in1);
      vgi_buf t = {0};
      char *alt = NULL;
      inline_md(&t, a, z, level ? &alt : NULL, 0);
      int words = t.s && has_word(t.s);
      if (words || alt) {
        /* from the line's start (indented four spaces, it would be code) */
        while (b.n && (b.s[b.n - 1] == ' ' || b.s[b.n - 1] == '\t')) b.s[--b.n] = 0;
        if (b.n && b.s[b.n - 1] != '\n') vgi_buf_puts(&b, "\n");
        if (joins_above(&b, level > 0)) vgi_buf_puts(&b, "\n");
        for (int i = 0; i < level; i++) vgi_buf_puts(&b, "#");
        if (level) vgi_buf_puts(&b, " ");
        if (words) vgi_buf_puts(&b, vgi_squash(t.s));
        else put_text(&b, alt, strlen(alt));
      }
      free(alt);
      vgi_buf_free(&t);
      if (z >= in1) break;
      blank_line(&b);
      a = resume;
    }
    for (size_t k = newlines(p, next); k; k--) vgi_buf_puts(&b, "\n");
    p = next;
  }
  if (!found) { vgi_buf_free(&b); return NULL; }
  return vgi_buf_take(&b);
}

/* The alt text of the logo a README opens with (<p align="center"><img
 * alt="Oh My Zsh" …></p>): the first tag with content in the block is a
 * picture whose alt text is a name of at most five words ("Deno logo" ->
 * "Deno"; "logo" or "banner" alone names nothing), else NULL. Caller
 * frees. */
static char *logo_name(const char *lit) {
  const char *end = lit + strlen(lit);
  for (const char *p = lit; p < end; p++) {
    if (*p != '<') {
      if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80) return NULL;   /* words before it */
      continue;
    }
    char name[16];
    int closing;
    const char *after;
    if (!tag_at(p, end, name, &closing, &after)) return NULL;
    if (strcmp(name, "img")) {
      /* a wrapper (a centred <p> or <div>, a link, <picture>) */
      if (strcmp(name, "p") && strcmp(name, "div") && strcmp(name, "a") && strcmp(name, "picture") &&
          strcmp(name, "source") && strcmp(name, "br") && strcmp(name, "center"))
        return NULL;
      /* a link to another page of the document (a translation's README,
       * "de/README.md") around a flag: a language row, not a logo */
      char *href = !closing && !strcmp(name, "a") ? attr_of(p, after, "href") : NULL;
      if (href) {
        size_t hl = strlen(href);
        int page = strstr(href, "README") || (hl > 3 && !strcasecmp(href + hl - 3, ".md"));
        free(href);
        if (page) return NULL;
      }
      p = after - 1;
      continue;
    }
    char *a = attr_of(p, after, "alt");
    if (!a) return NULL;
    vgi_squash(a);
    size_t n = strlen(a);
    static const char *const tails[] = { " logo", " Logo", " banner", " Banner", " icon", NULL };
    for (int k = 0; tails[k]; k++) {
      size_t tl = strlen(tails[k]);
      if (n > tl && !strcmp(a + n - tl, tails[k])) a[n -= tl] = 0;
    }
    static const char *const generic[] = { "logo", "banner", "header", "image", "icon", "screenshot", "demo",
      "title", "preview", NULL };
    /* (or a name and what it is, "bat - a cat clone with wings": the name
     * of at most three words before a dash or a colon, ten in all) */
    int name_words = vgi_word_count(a);
    static const char *const dashes[] = { " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": ", NULL };
    for (int k = 0; dashes[k] && name_words > 5 && name_words <= 10; k++) {
      const char *d = strstr(a, dashes[k]);
      if (!d) continue;
      char *lead = vgi_strdup(a);
      lead[d - a] = 0;
      if (has_word(lead) && vgi_word_count(lead) <= 3) name_words = 5;
      free(lead);
    }
    int named = has_word(a) && name_words <= 5 && !strpbrk(a, "<>[]\n");
    for (int k = 0; generic[k] && named; k++) named = strcasecmp(a, generic[k]) != 0;
    if (named) return a;
    free(a);
    return NULL;
  }
  return NULL;
}

/* Does an HTML <h1> in lit hold a word or a picture? An empty one
 * ("<h1></h1>", starship's rule under its language row) names nothing. */
static int html_h1_named(const char *lit) {
  const char *end = lit + strlen(lit);
  for (const char *h = find_ci(lit, end, "<h1"); h; h = find_ci(h + 3, end, "<h1")) {
    if (isalnum((unsigned char)h[3])) continue;   /* (<h10>, not a heading) */
    const char *in = strchr(h, '>');
    if (!in) return 1;
    const char *close = find_ci(in, end, "</h1");
    if (!close) return 1;
    if (find_ci(in, close, "<img")) return 1;
    int tag = 0;
    for (const char *q = in + 1; q < close; q++) {
      if (*q == '<') tag = 1;
      else if (*q == '>') tag = 0;
      else if (!tag && *q == '&') {   /* an entity, "&nbsp;" */
        const char *sc = memchr(q, ';', (size_t)(close - q));
        if (!sc || sc - q > 8) return 1;
        q = sc;
      }
      else if (!tag && !isspace((unsigned char)*q)) return 1;
    }
  }
  return 0;
}

/* Whether the document has a heading of level 1, in Markdown or in HTML. */
static int has_h1(cmark_node *doc) {
  for (cmark_node *c = cmark_node_first_child(doc); c; c = cmark_node_next(c)) {
    if (cmark_node_get_type(c) == CMARK_NODE_HEADING && cmark_node_get_heading_level(c) == 1) return 1;
    const char *lit = cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK ? cmark_node_get_literal(c) : NULL;
    if (lit && html_h1_named(lit)) return 1;
  }
  return 0;
}

/* The words of a paragraph's text nodes (not its tags), squashed; malloc'd */
static char *para_words(cmark_node *n) {
  vgi_buf b = {0};
  cmark_iter *it = cmark_iter_new(n);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && b.n < 200;) {
    cmark_node *t = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(t) == CMARK_NODE_TEXT && cmark_node_get_literal(t)) {
      vgi_buf_puts(&b, cmark_node_get_literal(t));
      vgi_buf_puts(&b, " ");
    }
  }
  cmark_iter_free(it);
  return vgi_squash(b.s ? b.s : vgi_strdup(""));
}

/* A paragraph that only announces sponsors ("<sup>Special thanks
 * to:</sup>", "Sponsored by:"): a few words, ending in a colon */
static int sponsor_label(cmark_node *n) {
  static const char *const opens[] = { "special thanks to", "thanks to", "many thanks to", "sponsored by",
    "our sponsors", "sponsors", "supported by", "brought to you by", "backed by", NULL };
  if (!n || cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH) return 0;
  char *t = para_words(n);
  size_t l = strlen(t);
  int label = l && t[l - 1] == ':' && vgi_word_count(t) <= 6;
  int thanks = 0;
  for (int i = 0; label && opens[i] && !thanks; i++) {
    size_t k = strlen(opens[i]);
    thanks = !strncasecmp(t, opens[i], k) && !isalnum((unsigned char)t[k]);
  }
  free(t);
  return thanks;
}

/* Logos in links ([p, end): <a …><img …></a>), and whether one's alt text
 * says it is a sponsor's ("Sponsored by Warp") */
static int linked_logos(const char *p, const char *end, int *sponsored) {
  int logos = 0;
  *sponsored = 0;
  for (const char *a = p; (a = find_ci(a, end, "<a")) != NULL; a += 2) {
    if (a + 2 < end && !isspace((unsigned char)a[2]) && a[2] != '>') continue;
    const char *close = find_ci(a, end, "</a");
    const char *img = find_ci(a, close ? close : end, "<img");
    if (!img) continue;
    logos++;
    const char *ie = memchr(img, '>', (size_t)(end - img));
    char *alt = attr_of(img, ie ? ie : end, "alt");
    if (alt && !strncasecmp(vgi_squash(alt), "sponsored by", 12)) *sponsored = 1;
    free(alt);
  }
  return logos;
}

/* A block of pictures only (<p align="center"><picture>…<img …></p>):
 * pictures in HTML are never shown (above) */
static int picture_only(const char *lit) {
  const char *end = lit + strlen(lit);
  return (find_ci(lit, end, "<img") || find_ci(lit, end, "<picture")) && !words_outside_tags(lit, end);
}

/* A paragraph wholly in italics (<p><i>Installing Trio's dependencies
 * with a warm cache.</i></p>): a picture's caption when it follows one */
static int italic_para(const char *lit) {
  const char *end = lit + strlen(lit);
  int in_i = 0, words_in = 0;
  for (const char *p = lit; p < end;) {
    char name[16];
    int closing;
    const char *after;
    if (*p == '<' && tag_at(p, end, name, &closing, &after)) {
      if (!strcmp(name, "i") || !strcmp(name, "em")) in_i = !closing;
      else if (strcmp(name, "p") && strcmp(name, "a") && strcmp(name, "br") && strcmp(name, "sub") &&
               strcmp(name, "sup"))
        return 0;
      p = after;
      continue;
    }
    if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80) {
      if (!in_i) return 0;
      words_in = 1;
    }
    p++;
  }
  return words_in;
}

void vgi_html_blocks(struct cmark_node *doc) {
  size_t pad = 8u << 20;
  cmark_node *next;
  /* a document with no title heading, opening with its logo: the logo's
   * name is its title (else a sponsor's banner or the first sentence
   * was) */
  cmark_node *first = cmark_node_first_child(doc);
  char *logo = first && cmark_node_get_type(first) == CMARK_NODE_HTML_BLOCK && cmark_node_get_literal(first) &&
               !has_h1(doc) ? logo_name(cmark_node_get_literal(first)) : NULL;
  int after_picture = 0;   /* the block before was pictures only */
  for (cmark_node *c = first; c; c = next) {
    next = cmark_node_next(c);
    int pictured = after_picture;
    after_picture = 0;
    if (cmark_node_get_type(c) != CMARK_NODE_HTML_BLOCK) continue;
    const char *lit = cmark_node_get_literal(c);
    /* (scripts and styles are out already: html_hidden.c) */
    if (!lit) continue;
    after_picture = picture_only(lit);
    /* the caption of a picture not shown says nothing to the viewer (uv's
     * "Installing Trio's dependencies with a warm cache." under its chart
     * was a slide) */
    if (pictured && italic_para(lit)) {
      if (c == first) first = next;
      cmark_node_free(c);
      continue;
    }
    /* sponsors' logos in links, under "Special thanks to:" or with alt
     * text "Sponsored by …" (zoxide's README opens with a table of two):
     * an advertisement, with its slogans and "now hiring in SF", not the
     * document's content, which it pushed out of the summary */
    int sponsored, logos = linked_logos(lit, lit + strlen(lit), &sponsored);
    cmark_node *label = cmark_node_previous(c);
    if (logos && (sponsored || sponsor_label(label))) {
      if (sponsor_label(label)) {
        if (label == first) first = c;
        cmark_node_free(label);
      }
      if (c == first) first = next;
      cmark_node_free(c);
      continue;
    }
    char *md = block_md(lit);
    if (c == first && logo) {
      /* the heading takes the logo's line, which holds no words */
      vgi_buf h = {0};
      vgi_buf_puts(&h, "# ");
      put_text(&h, logo, strlen(logo));
      vgi_buf_puts(&h, "\n");
      const char *rest = md && md[0] == '\n' ? md + 1 : md ? md : "";
      if (md && md[0] != '\n') vgi_buf_puts(&h, "\n");   /* (a line more: the first line had words) */
      vgi_buf_puts(&h, rest);
      free(md);
      md = vgi_buf_take(&h);
    }
    /* a block of a sponsor's thanks and nothing else ("Special thanks
     * to:" and logos in links, in a <div>, with their slogans): not read
     * at all (one of a few words, "Supported by:" over a logo, is the
     * Markdown reader's to tell: the heading under it is the sponsor's) */
    if (!md && sponsor_thanks(lit, lit + strlen(lit)) && tag_free_words(lit, lit + strlen(lit)) > 6) {
      cmark_node_free(c);
      continue;
    }
    if (!md) continue;
    vgi_md_splice(c, vgi_md_parse_at(md, cmark_node_get_start_line(c), &pad));
    free(md);
  }
  free(logo);
}
