/* mdx.c: an MDX page (Docusaurus, and any Markdown that imports React
 * components) read as what the site shows. MDX is Markdown with JSX in it:
 *   - "import Tabs from '@theme/Tabs';" and "export const x = …" lines are
 *     the page's code, neither shown nor said;
 *   - a comment in braces, slash and star ("## Build {SLASH-STAR #build
 *     STAR-SLASH}"), even after a heading, is nothing;
 *   - a fence "```mdx-code-block" holds MDX the site renders, not code: its
 *     fence lines go, its content is read as the page's;
 *   - a component's tags (<Tabs groupId="os">, </Tabs>, <UpgradeGuide />)
 *     are neither shown nor said, what a pair holds stays; a tab
 *     (<TabItem value="mac" label="macOS">) is headed by its label in bold
 *     ("**macOS:**"), as the site's tab shows it. MDX has no indented code,
 *     so what a component holds is read at the indent of its first line.
 * Code (fences, backtick spans) is never touched. Each line stays a line,
 * so diagnostics keep their line numbers. Every scan is bounded: an open
 * tag or an export is looked for over a few lines only. */
#include "input_private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MDX_DEPTH 16        /* components open at once */
#define MDX_SPAN 40         /* lines an export may run over */
#define MDX_TAG_SPAN 400    /* lines a tag's attributes may run over (a prop's array of objects) */
#define MDX_TAG_MAX 1000    /* bytes a tag may take on its line */

/* "import X from '…'", "import {a, b} from \"…\"", "import '…'" at s */
static int import_line(const char *s, const char *e) {
  if (e - s < 9 || strncmp(s, "import ", 7)) return 0;
  const char *q = s + 7;
  while (q < e && *q == ' ') q++;
  if (q < e && (*q == '\'' || *q == '"')) return 1;
  for (const char *p = q; p + 6 < e; p++)
    if (!strncmp(p, " from ", 6)) {
      const char *r = p + 6;
      while (r < e && *r == ' ') r++;
      return r < e && (*r == '\'' || *r == '"');
    }
  return 0;
}

static int export_line(const char *s, const char *e) {
  static const char *const kw[] = { "export const ", "export let ", "export var ", "export function ",
    "export default ", "export {", "export async function ", NULL };
  for (int k = 0; kw[k]; k++) {
    size_t l = strlen(kw[k]);
    if ((size_t)(e - s) >= l && !strncmp(s, kw[k], l)) return 1;
  }
  return 0;
}

/* brackets still open after [s, e): ({[ minus )}], quotes skipped */
static int open_brackets(const char *s, const char *e, int depth) {
  char quote = 0;
  for (const char *p = s; p < e; p++) {
    if (quote) { if (*p == '\\') p++; else if (*p == quote) quote = 0; continue; }
    if (*p == '\'' || *p == '"' || *p == '`') quote = *p;
    else if (*p == '(' || *p == '{' || *p == '[') depth++;
    else if (*p == ')' || *p == '}' || *p == ']') depth--;
  }
  return depth;
}

/* A component's tag at p: "<Name", "</Name", with its attributes up to the
 * '>' that ends it (outside quotes and braces) on this line. Returns the
 * tag's length (0: none, or it runs past the line); *closing, *self_closing
 * and the name are set. */
typedef struct jsx_tag {
  int closing, self_closing;
  const char *name;
  size_t name_n;
  const char *attrs, *attrs_end;
} jsx_tag;

static size_t component_at(const char *p, const char *e, jsx_tag *t, int *runs_on) {
  memset(t, 0, sizeof *t);
  *runs_on = 0;
  /* a tag is short: the bound keeps a line of "<A <A <A" linear */
  if (e - p > MDX_TAG_MAX) e = p + MDX_TAG_MAX;
  const char *q = p + 1;
  if (p >= e || *p != '<') return 0;
  if (q < e && *q == '/') t->closing = 1, q++;
  if (q >= e || !isupper((unsigned char)*q)) return 0;
  t->name = q;
  while (q < e && (isalnum((unsigned char)*q) || *q == '.' || *q == '_')) q++;
  t->name_n = (size_t)(q - t->name);
  if (q < e && !(*q == ' ' || *q == '>' || *q == '/' || *q == '\t' || *q == '\r')) return 0;
  t->attrs = q;
  char quote = 0;
  int brace = 0;
  for (; q < e; q++) {
    if (quote) { if (*q == quote) quote = 0; continue; }
    if (*q == '"' || *q == '\'') quote = *q;
    else if (*q == '{') brace++;
    else if (*q == '}') brace--;
    else if (*q == '>' && brace <= 0) {
      t->attrs_end = q;
      if (q > t->attrs && q[-1] == '/') t->self_closing = 1, t->attrs_end--;
      return (size_t)(q + 1 - p);
    }
  }
  *runs_on = 1;   /* "<Tabs" with its attributes on the lines after */
  return 0;
}

/* A tag that runs over lines ("<ThemeGrid" over a prop's array of
 * objects): its quotes, braces and comments carried from line to line, so
 * a "=>" or a "</b>" inside a prop does not end it. */
typedef struct tag_scan { int depth, comment; char quote; } tag_scan;

/* The '>' that ends the tag on [s, e), or NULL: the tag goes on. */
static const char *tag_end(const char *s, const char *e, tag_scan *t) {
  for (const char *q = s; q < e; q++) {
    if (t->comment) { if (*q == '*' && q + 1 < e && q[1] == '/') t->comment = 0, q++; continue; }
    if (t->quote) { if (*q == '\\') q++; else if (*q == t->quote) t->quote = 0; continue; }
    if (t->depth > 0 && *q == '/' && q + 1 < e && q[1] == '*') { t->comment = 1; q++; continue; }
    if (t->depth > 0 && *q == '/' && q + 1 < e && q[1] == '/') return NULL;   /* a line comment: the line is done */
    if (*q == '"' || *q == '\'' || (*q == '`' && t->depth > 0)) t->quote = *q;
    else if (*q == '{') t->depth++;
    else if (*q == '}') t->depth--;
    else if (*q == '>' && t->depth <= 0) return q;
  }
  return NULL;
}

/* the value of key="…" among a tag's attributes */
static int attr(const jsx_tag *t, const char *key, const char **v, size_t *vn) {
  size_t kl = strlen(key);
  for (const char *p = t->attrs; p && p + kl + 2 < t->attrs_end; p++) {
    if (p[-1] != ' ' && p[-1] != '\t') continue;
    if (strncmp(p, key, kl) || p[kl] != '=' || (p[kl + 1] != '"' && p[kl + 1] != '\'')) continue;
    const char *s = p + kl + 2, *z = memchr(s, p[kl + 1], (size_t)(t->attrs_end - s));
    if (!z) return 0;
    *v = s, *vn = (size_t)(z - s);
    return 1;
  }
  return 0;
}

/* Is this text MDX? A file named .mdx, or an import line outside code. */
static int mdx_text(const char *text, size_t len) {
  int fence = 0;
  char fc = 0, c;
  for (size_t i = 0; i < len;) {
    const char *l = text + i, *nl = memchr(l, '\n', len - i), *e = nl ? nl : text + len;
    int k = vgi_fence_run(l, e, &c);
    if (k && (!fence || c == fc)) fence = !fence, fc = c;
    else if (!fence && import_line(l, e)) return 1;
    i = (size_t)(e - text) + 1;
  }
  return 0;
}

/* The literal strings a page names (front matter's "title: Install",
 * "export const version = '2.1';", an exported object's "title: 'Hello',"):
 * what an expression that names one ("{frontMatter.title}", "{version}")
 * shows. */
#define MDX_VALUES 32
#define MDX_EXPR_MAX 200    /* bytes an expression in braces may take on its line */
typedef struct mdx_value { const char *k, *v; size_t kn, vn; } mdx_value;

typedef struct mdx {
  vgi_buf out;
  mdx_value values[MDX_VALUES];
  int nvalues;
  int changed;
  int comment;                 /* inside a comment in braces */
  int depth;                   /* components open */
  int dedent[MDX_DEPTH];       /* the indent of each one's content; -1: not seen yet */
} mdx;

/* "key: value" or "key = 'value'" at [s, e) (a line of front matter or of
 * an export), the value a literal (quoted, or front matter's bare text):
 * kept in x->values. */
static void value_line(mdx *x, const char *s, const char *e, int bare) {
  while (s < e && (*s == ' ' || *s == '\t')) s++;
  if (e - s > 12 && !strncmp(s, "export const ", 13)) s += 13;
  else if (e - s > 10 && !strncmp(s, "export let ", 11)) s += 11;
  const char *k = s;
  while (s < e && (isalnum((unsigned char)*s) || *s == '_' || *s == '$')) s++;
  size_t kn = (size_t)(s - k);
  while (s < e && *s == ' ') s++;
  if (!kn || s >= e || (*s != ':' && *s != '=') || x->nvalues >= MDX_VALUES) return;
  s++;
  while (s < e && *s == ' ') s++;
  if (!bare && s < e && *s == '{') {
    /* an object on its line ("export const meta = {title: 'T', n: 'x'}"):
     * each of its "key: 'literal'" */
    for (const char *q = s + 1; q < e && x->nvalues < MDX_VALUES;) {
      const char *c = memchr(q, ',', (size_t)(e - q));
      const char *z = c ? c : e;
      const char *k2 = q;
      while (k2 < z && *k2 == ' ') k2++;
      if (k2 < z && *k2 != '{') value_line(x, k2, z[-1] == '}' ? z - 1 : z, 0);
      q = z + 1;
    }
    return;
  }
  while (e > s && strchr(" \r,;", e[-1])) e--;
  if (e - s >= 2 && strchr("'\"", *s) && e[-1] == *s) s++, e--;
  else if (!bare || s == e || strchr("{[|>&*!", *s)) return;
  if (memchr(s, '{', (size_t)(e - s)) || memchr(s, '<', (size_t)(e - s))) return;
  x->values[x->nvalues++] = (mdx_value){ k, s, kn, (size_t)(e - s) };
}

/* The page's literal values: its front matter's top-level keys, and the
 * lines of its exports (bounded: MDX_SPAN lines an export). */
static void page_values(mdx *x, const char *text, size_t len) {
  int fm = len >= 4 && !strncmp(text, "---", 3) && (text[3] == '\n' || text[3] == '\r');
  int in_export = 0, fence = 0;
  char fc = 0, c;
  for (size_t i = 0; i < len && x->nvalues < MDX_VALUES;) {
    const char *l = text + i, *nl = memchr(l, '\n', len - i), *e = nl ? nl : text + len;
    int k = fm ? 0 : vgi_fence_run(l, e, &c);
    if (k && (!fence || c == fc)) fence = !fence, fc = c;   /* code's exports are not the page's */
    if (k || fence) {
    } else if (fm && i > 0 && e - l >= 3 && !strncmp(l, "---", 3)) fm = 0;
    else if (fm && i > 0 && *l != ' ') value_line(x, l, e, 1);
    else if (!fm && export_line(l, e)) {
      value_line(x, l, e, 0);
      in_export = open_brackets(l, e, 0) > 0 ? MDX_SPAN : 0;
    } else if (in_export) {
      value_line(x, l, e, 0);
      if (open_brackets(l, e, 1) <= 0) in_export = 0;
      else in_export--;
    }
    i = (size_t)(e - text) + 1;
  }
}

/* An expression in braces at p ("{meta.title}", "{' '}", "{count + 1}"):
 * its length up to the closing brace on this line (0: none). What the page
 * shows of it goes to x->out: a string literal's text, or the value a path
 * of names ends with when the page gives it as a literal; else nothing, as
 * no expression is ever said ("{meta.title}" was read out). */
static size_t expression_at(mdx *x, const char *p, const char *e) {
  if (e - p > MDX_EXPR_MAX) e = p + MDX_EXPR_MAX;
  int depth = 0;
  char quote = 0;
  const char *z = NULL;
  for (const char *q = p; q < e && !z; q++) {
    if (quote) { if (*q == '\\') q++; else if (*q == quote) quote = 0; continue; }
    if (*q == '\'' || *q == '"' || *q == '`') quote = *q;
    else if (*q == '{') depth++;
    else if (*q == '}' && --depth == 0) z = q;
  }
  if (!z) return 0;
  const char *a = p + 1, *b = z;
  while (a < b && *a == ' ') a++;
  while (b > a && b[-1] == ' ') b--;
  if (b - a >= 2 && strchr("'\"`", *a) && b[-1] == *a && !memchr(a + 1, *a, (size_t)(b - a - 2))) {
    vgi_buf_add(&x->out, a + 1, (size_t)(b - a - 2));
  } else {
    const char *last = a;
    int path = b > a;
    for (const char *q = a; q < b && path; q++) {
      if (*q == '.' && q > a && q + 1 < b) last = q + 1;
      else path = isalnum((unsigned char)*q) || *q == '_' || *q == '$';
    }
    for (int i = 0; path && i < x->nvalues; i++)
      if (x->values[i].kn == (size_t)(b - last) && !strncmp(x->values[i].k, last, x->values[i].kn)) {
        vgi_buf_add(&x->out, x->values[i].v, x->values[i].vn);
        break;
      }
  }
  return (size_t)(z + 1 - p);
}

/* Text of a line with the comments and the components' tags out; a tab's
 * label in their place. Backtick spans are code. */
static void line_text(mdx *x, const char *s, const char *e) {
  size_t tick = 0;
  for (const char *p = s; p < e;) {
    if (x->comment) {
      const char *z = NULL;
      for (const char *q = p; q + 2 < e && !z; q++) if (q[0] == '*' && q[1] == '/' && q[2] == '}') z = q;
      if (!z) { x->changed = 1; return; }
      p = z + 3;
      x->comment = 0;
      x->changed = 1;
      continue;
    }
    if (*p == '`') {
      size_t k = 1;
      while (p + k < e && p[k] == '`') k++;
      if (!tick) tick = k; else if (k == tick) tick = 0;
      vgi_buf_add(&x->out, p, k);
      p += k;
      continue;
    }
    if (!tick && e - p >= 3 && p[0] == '{' && p[1] == '/' && p[2] == '*') {
      x->comment = 1;
      p += 3;
      continue;
    }
    size_t xl = !tick && *p == '{' ? expression_at(x, p, e) : 0;
    if (xl) {
      x->changed = 1;
      p += xl;
      continue;
    }
    jsx_tag t;
    int runs_on;
    size_t tl = !tick && *p == '<' ? component_at(p, e, &t, &runs_on) : 0;
    if (tl) {
      const char *v;
      size_t vn;
      if (!t.closing && !t.self_closing && (attr(&t, "label", &v, &vn) || attr(&t, "title", &v, &vn) ||
                                            attr(&t, "value", &v, &vn)) && vn && vn < 80) {
        vgi_buf_puts(&x->out, "**");
        for (size_t i = 0; i < vn; i++) vgi_buf_add(&x->out, strchr("*_`<>{}", v[i]) ? " " : v + i, 1);
        vgi_buf_puts(&x->out, ":** ");
      }
      x->changed = 1;
      p += tl;
      continue;
    }
    vgi_buf_add(&x->out, p, 1);
    p++;
  }
}

char *vgi_mdx(const char *text, size_t len, int mdx_file, size_t *out_len) {
  if (!mdx_file && !mdx_text(text, len)) return NULL;
  mdx x;
  memset(&x, 0, sizeof x);
  page_values(&x, text, len);
  int fence = 0, mdx_block = 0, skip_export = 0, open_tag = 0, export_depth = 0;
  tag_scan scan = { 0, 0, 0 };
  char fc = 0, mc = 0;
  for (size_t i = 0; i < len;) {
    const char *l = text + i, *nl = memchr(l, '\n', len - i), *e = nl ? nl : text + len;
    const char *s = l;
    while (s < e && *s == ' ') s++;
    int blank = s == e || (e - s == 1 && *s == '\r');
    /* inside a component, lines are read at the indent of its content (a
     * fence's lines too: its code keeps its own indent past that) */
    const char *from = l;
    if (x.depth && !blank) {
      int *dd = &x.dedent[x.depth - 1];
      if (*dd < 0) *dd = (int)(s - l);
      from = s - l > *dd ? l + *dd : s;
      if (from != l) x.changed = 1;
    }
    char c;
    /* (MDX has no indented code: a fence in a list item, four spaces in, is a fence) */
    int k = vgi_fence_run(s, e, &c);
    if (fence) {
      if (k && c == fc && k >= fence) fence = 0;
      vgi_buf_add(&x.out, from, (size_t)(e - from));
    } else if (skip_export) {
      export_depth = open_brackets(l, e, export_depth);
      if (export_depth <= 0 || --skip_export == 0) skip_export = 0;
      x.changed = 1;
    } else if (open_tag) {
      /* the rest of a tag opened on a line before ("<Tabs" … "values={[…]}>") */
      const char *gt = tag_end(l, e, &scan);
      if (gt || --open_tag == 0) {
        open_tag = 0;
        if (gt && gt > l && gt[-1] != '/' && x.depth < MDX_DEPTH) x.dedent[x.depth++] = -1;
      }
      x.changed = 1;
    } else if (k) {
      if (mdx_block && c == mc && k >= mdx_block && s + k >= e - (e > s && e[-1] == '\r')) {
        mdx_block = 0;
        x.changed = 1;
      } else if (!mdx_block && e - (s + k) >= 14 && !strncmp(s + k, "mdx-code-block", 14)) {
        mdx_block = k, mc = c;
        x.changed = 1;
      } else {
        fence = k, fc = c;
        vgi_buf_add(&x.out, from, (size_t)(e - from));
      }
    } else if (!x.comment && s == l && import_line(s, e)) {
      x.changed = 1;
    } else if (!x.comment && s == l && export_line(s, e)) {
      export_depth = open_brackets(s, e, 0);
      if (export_depth > 0) skip_export = MDX_SPAN;
      x.changed = 1;
    } else {
      jsx_tag t;
      int runs_on = 0;
      size_t tl = !x.comment && *s == '<' ? component_at(s, e, &t, &runs_on) : 0;
      const char *z = e;
      while (z > s && (z[-1] == ' ' || z[-1] == '\r')) z--;
      if (runs_on && s == from) {
        open_tag = MDX_TAG_SPAN;   /* "<Tabs" alone: its attributes follow */
        scan = (tag_scan){ 0, 0, 0 };
        tag_end(s + 1, e, &scan);   /* (what the line opened: "values={[") */
        x.changed = 1;
      } else if (tl && s + tl == z && !t.self_closing) {
        /* a tag alone on its line opens or closes a component */
        if (t.closing) { if (x.depth) x.depth--; }
        else if (x.depth < MDX_DEPTH) x.dedent[x.depth++] = -1;
        line_text(&x, from, e);
      } else {
        /* a heading's id ("## Syncing tabs {#syncing-tabs}") is its anchor */
        const char *te = e;
        if (*s == '#' && z > s && z[-1] == '}') {
          const char *b = z - 1;   /* back over the id to its '#' */
          while (b > s && (isalnum((unsigned char)b[-1]) || b[-1] == '-' || b[-1] == '_')) b--;
          if (b - s >= 3 && b < z - 1 && b[-1] == '#' && b[-2] == '{') { te = b - 2; x.changed = 1; }
        }
        line_text(&x, from, te);
      }
    }
    if (nl) vgi_buf_add(&x.out, "\n", 1);
    i = (size_t)(e - text) + 1;
  }
  if (!x.changed) { vgi_buf_free(&x.out); return NULL; }
  *out_len = x.out.n;
  return vgi_buf_take(&x.out);
}
