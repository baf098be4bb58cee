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
    if (strchr("\\`*_[]<>#|~!", c)) vgi_buf_add(b, "\\", 1);
    vgi_buf_add(b, &c, 1);
  }
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
    } else if (!strcmp(name, "a") && !closing && !in_link) {
      const char *close = find_ci(after, end, "</a");
      const char *inner_end = close ? close : end;
      vgi_buf t = {0};
      inline_md(&t, after, inner_end, alt, 1);
      char *href = attr_of(p, after, "href");
      if (t.s && has_word(t.s)) {
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
      free(href);
      vgi_buf_free(&t);
      p = inner_end;
      if (close) {
        const char *gt = memchr(close, '>', (size_t)(end - close));
        p = gt ? gt + 1 : end;
      }
      continue;
    } else if (!strcmp(name, "code") || !strcmp(name, "kbd") || !strcmp(name, "tt")) {
      const char *close = closing ? NULL : find_ci(after, end - after > TAG_MAX ? after + TAG_MAX : end, "</");
      if (close && !memchr(after, '`', (size_t)(close - after)) && !memchr(after, '<', (size_t)(close - after))) {
        vgi_buf_puts(b, "`");
        for (const char *q = after; q < close; q++) vgi_buf_add(b, (*q == '\n' || *q == '\r') ? " " : q, 1);
        vgi_buf_puts(b, "`");
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

/* the element opened at p (<hN> or <p>): its kind, its content, and where
 * it ends (after its closing tag, else at the block's end) */
static int element_at(const char *p, const char *end, int *level, const char **in0, const char **in1,
                      const char **next) {
  char name[16];
  int closing;
  const char *after;
  if (*p != '<' || !tag_at(p, end, name, &closing, &after) || closing) return 0;
  *level = 0;
  if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]) *level = name[1] - '0';
  else if (strcmp(name, "p")) return 0;
  char close[8] = "</";
  strcat(close, name);
  /* its own closing tag: "</p" also opens "</picture>" */
  const char *c = find_ci(after, end, close);
  while (c && c + strlen(close) < end && !strchr(" \t\r\n>", c[strlen(close)]))
    c = find_ci(c + 1, end, close);
  *in0 = after;
  *in1 = c ? c : end;
  const char *gt = c ? memchr(c, '>', (size_t)(end - c)) : NULL;
  *next = gt ? gt + 1 : end;
  return 1;
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
      if (words_outside_tags(p, q)) {
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
    vgi_buf t = {0};
    char *alt = NULL;
    if (!level && sponsor_thanks(in0, in1)) in1 = in0;   /* its lines only */
    inline_md(&t, in0, in1, level ? &alt : NULL, 0);
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
    for (size_t k = newlines(p, next); k; k--) vgi_buf_puts(&b, "\n");
    free(alt);
    vgi_buf_free(&t);
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
    int named = has_word(a) && vgi_word_count(a) <= 5 && !strpbrk(a, "<>[]\n");
    for (int k = 0; generic[k] && named; k++) named = strcasecmp(a, generic[k]) != 0;
    if (named) return a;
    free(a);
    return NULL;
  }
  return NULL;
}

/* Whether the document has a heading of level 1, in Markdown or in HTML. */
static int has_h1(cmark_node *doc) {
  for (cmark_node *c = cmark_node_first_child(doc); c; c = cmark_node_next(c)) {
    if (cmark_node_get_type(c) == CMARK_NODE_HEADING && cmark_node_get_heading_level(c) == 1) return 1;
    const char *lit = cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK ? cmark_node_get_literal(c) : NULL;
    if (lit && find_ci(lit, lit + strlen(lit), "<h1")) return 1;
  }
  return 0;
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
  for (cmark_node *c = first; c; c = next) {
    next = cmark_node_next(c);
    if (cmark_node_get_type(c) != CMARK_NODE_HTML_BLOCK) continue;
    const char *lit = cmark_node_get_literal(c);
    /* (scripts and styles are out already: html_hidden.c) */
    if (!lit) continue;
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
    if (!md) continue;
    vgi_md_splice(c, vgi_md_parse_at(md, cmark_node_get_start_line(c), &pad));
    free(md);
  }
  free(logo);
}
