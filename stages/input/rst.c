/* rst.c: reStructuredText (Python READMEs, Sphinx documentation), read as
 * the Markdown it stands for and handed to the Markdown adapter, so one set
 * of rules makes the scenes of both.
 *
 * The translation keeps lines: each line of the .rst file becomes one line
 * of Markdown where it can (a title's underline a blank line, a directive's
 * options blank lines), and a map of every Markdown line to its .rst line
 * puts the model's source lines and every diagnostic back on the file.
 *   - section titles (underline, over- and underline) are headings, levels
 *     by the order adornment styles first appear; a lone top section is the
 *     document title, a lone section right under it its subtitle, and a
 *     field list after them (":Author: …") bibliographic data, never said;
 *   - lists (bullet, enumerated, definition, field, option) are Markdown
 *     lists ("**term**: definition" items), nested by indentation; an
 *     indented block is a quote;
 *   - literal blocks ("::"), code directives and doctest blocks are fenced
 *     code; grid, simple, list and CSV tables are pipe tables;
 *   - admonitions are GitHub alerts ("> [!NOTE]"), which the adapter reads
 *     as callouts; containers (only, tab, topic, …) their body; navigation,
 *     includes, autodoc, raw, comments, targets and footnotes nothing;
 *   - inline markup is Markdown's; references are links to their targets,
 *     |substitutions| their text (an image, such as a badge, nothing, or its alt text
 *     or name after "the": "run the |binder-demo|");
 *     roles what Sphinx shows (":pep:`8`" "PEP 8", ":func:`~a.b`" "b()");
 *     footnote references nothing.
 * Work is linear in the document: views into one array of lines, nesting
 * bounded by max_markdown_depth, inline markup looked for within a bounded
 * distance, substitutions expanded to a bounded size. */
#include "input_private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define INLINE_REACH 4096   /* how far an inline end-string is looked for */
#define SUBST_DEPTH 4       /* substitutions inside substitutions */
#define MAX_COLS 1024       /* table columns read (the Markdown adapter shows 64 and warns past them) */

typedef vgi_line rline;   /* the line, tabs expanded (util.c) */

typedef struct named { char *name, *url; int image; } named;

typedef struct rst {
  rline *L;
  int n;
  char *text;              /* the lines' storage */
  const char *file;
  vgi_diags *d;
  long max_depth;
  int failed;
  /* output */
  int scan;                /* 1: the first pass (sections found, nothing written) */
  vgi_buf out;
  int *map, nmap, capmap;  /* Markdown line -> .rst line */
  int next_src;            /* the next .rst line not yet written */
  vgi_buf pre;             /* the containers' prefix of a line ("> ", "  ") */
  char *pending;           /* a list item's marker line, until its first line */
  const char *lead;        /* text before the next line's own ("[!NOTE] ") */
  size_t budget;           /* bytes substitutions may still add */
  /* targets and substitutions (sorted by name) */
  named *tg; int ntg;
  named *sub; int nsub;
  char **anon; int nanon, anon_i;
  /* sections */
  struct { char c; int over; } style[32];
  int nstyle;
  int title_line, subtitle_line, docinfo_line, shift;
  /* the first pass: the first elements of the document (comments, targets
   * and substitution definitions are none), and how often each style is used */
  int ek[3], el[3], es[3], nelem;
  int style_used[32];
  /* a summary's run of option directives: the first OPTS_SUMMED shown,
   * the rest one "N more options" item (opts_flush) */
  int full;                /* every sentence wanted (--detail full) */
  int in_opt;              /* an option's item is being written */
  int opt_shown, opt_folded, opt_src;
  char opt_pre[64];
  const char *lang;   /* the document's language (the option's, else detected): its phrases */
} rst;

enum { E_BODY = 1, E_TITLE = 2, E_FIELDS = 3 };

typedef struct view {
  int a, b;          /* lines [a, b) */
  int base;          /* their indentation, removed */
  const char *ov;    /* line a's text instead (after a list marker), or NULL */
  int ovlen;
  int top;           /* the document itself: sections may start here */
} view;

/* ---- lines --------------------------------------------------------------------------- */

/* line i of view v: its indentation in the view (-1: blank) and text */
static int ln(const rst *r, const view *v, int i, const char **s, int *len) {
  if (i == v->a && v->ov) {
    int k = 0;
    while (k < v->ovlen && v->ov[k] == ' ') k++;
    *s = v->ov + k;
    *len = v->ovlen - k;
    return *len ? 0 : -1;
  }
  const rline *l = &r->L[i];
  if (l->ind >= l->len) { *s = l->s + l->len; *len = 0; return -1; }
  int in = l->ind - v->base;
  if (in < 0) in = 0;
  *s = l->s + l->ind;
  *len = l->len - l->ind;
  return in;
}

static void note_elem(rst *r, int kind, int line, int style) {
  if (r->nelem < 3) { r->ek[r->nelem] = kind; r->el[r->nelem] = line; r->es[r->nelem] = style; }
  r->nelem++;
}

static int blank(const rst *r, const view *v, int i) {
  const char *s;
  int n;
  return ln(r, v, i, &s, &n) < 0;
}

static int indent_of(const rst *r, const view *v, int i) {
  const char *s;
  int n;
  return ln(r, v, i, &s, &n);
}

/* the end of a block that starts at line i: the first non-blank line from
 * i + 1 indented no more than `ind` (trailing blank lines left out) */
static int block_end(const rst *r, const view *v, int i, int ind) {
  int j = i + 1, last = i + 1;
  for (; j < v->b; j++) {
    int in = indent_of(r, v, j);
    if (in < 0) continue;
    if (in <= ind) break;
    last = j + 1;
  }
  return last;
}

/* the least indentation of the non-blank lines [a, b) (absolute columns) */
static int min_ind(const rst *r, int a, int b) {
  int m = -1;
  for (int i = a; i < b; i++)
    if (r->L[i].ind < r->L[i].len && (m < 0 || r->L[i].ind < m)) m = r->L[i].ind;
  return m < 0 ? 0 : m;
}

/* ---- output -------------------------------------------------------------------------- */

static void out_line(rst *r, int src, const char *s, size_t n) {
  vgi_mapped_line(&r->out, &r->map, &r->nmap, &r->capmap, src, s, n);
}

/* the containers' prefix of an empty line ("> " -> ">") */
static size_t pre_blank(const rst *r) {
  size_t n = r->pre.n;
  while (n && r->pre.s[n - 1] == ' ') n--;
  return n;
}

/* lines not written before `src` are empty lines of the containers */
static void fill(rst *r, int src) {
  while (r->next_src < src) {
    out_line(r, r->next_src, r->pre.s ? r->pre.s : "", pre_blank(r));
    r->next_src++;
  }
}

/* one line of Markdown for .rst line `src` (0-based index into L) */
static void opts_flush(rst *r);

static void emit(rst *r, int src_i, const char *s, size_t n) {
  if (r->scan) return;
  if (!r->in_opt && (r->opt_shown || r->opt_folded)) opts_flush(r);
  int src = r->L[src_i].no;
  fill(r, src);
  vgi_buf b = {0};
  if (r->pending) {
    vgi_buf_puts(&b, r->pending);
    free(r->pending);
    r->pending = NULL;
  } else if (r->pre.n) {
    vgi_buf_add(&b, r->pre.s, r->pre.n);
  }
  if (r->lead) { vgi_buf_puts(&b, r->lead); r->lead = NULL; }
  vgi_buf_add(&b, s, n);
  out_line(r, src, b.s, b.n);
  vgi_buf_free(&b);
  if (r->next_src <= src) r->next_src = src + 1;
}

static void emits(rst *r, int src_i, const char *s) { emit(r, src_i, s, strlen(s)); }

/* lines [.., src_i] written as nothing (consumed without a line) */
static void skip_to(rst *r, int src_i) {
  if (r->scan) return;
  int src = r->L[src_i].no;
  if (r->next_src <= src) r->next_src = src + 1;
}

/* ---- names: targets and substitutions ------------------------------------------------ */

/* reference names compare without case and with runs of spaces as one */
static char *norm_name(const char *s, size_t n) {
  vgi_buf b = {0};
  int sp = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\\' && i + 1 < n) { c = (unsigned char)s[++i]; }
    if (isspace(c)) { sp = b.n > 0; continue; }
    if (sp) vgi_buf_add(&b, " ", 1);
    sp = 0;
    char lc = (char)tolower(c);
    vgi_buf_add(&b, &lc, 1);
  }
  return vgi_buf_take(&b);
}

static int cmp_named(const void *a, const void *b) {
  int c = strcmp(((const named *)a)->name, ((const named *)b)->name);
  return c ? c : (((const named *)a) < ((const named *)b) ? -1 : 1);
}

static const named *find_named(const named *v, int n, const char *name) {
  int lo = 0, hi = n - 1, hit = -1;
  while (lo <= hi) {   /* the first with the name: a name defined twice keeps the first */
    int mid = (lo + hi) / 2;
    int c = strcmp(v[mid].name, name);
    if (c >= 0) { if (!c) hit = mid; hi = mid - 1; } else lo = mid + 1;
  }
  return hit >= 0 ? &v[hit] : NULL;
}

static void add_named(named **v, int *n, char *name, char *url, int image) {
  if ((*n & (*n - 1)) == 0) {
    named *nv = realloc(*v, sizeof **v * (size_t)(*n ? *n * 2 : 8));
    if (!nv) abort();
    *v = nv;
  }
  (*v)[(*n)++] = (named){ name, url, image };
}

/* the URL of a reference name: a target's, through indirect targets
 * (".. _a: b_"), NULL for a section or an unknown name */
static const char *target_url(const rst *r, const char *name) {
  char *cur = vgi_strdup(name);
  const char *url = NULL;
  for (int hop = 0; hop < 8; hop++) {
    const named *t = find_named(r->tg, r->ntg, cur);
    if (!t || !t->url || !*t->url) break;
    size_t l = strlen(t->url);
    if (l > 1 && t->url[l - 1] == '_' && !strchr(t->url, '/')) {   /* indirect */
      const char *u = t->url;
      size_t ul = l - 1;
      if (u[0] == '`' && ul > 1 && u[ul - 1] == '`') { u++; ul -= 2; }
      free(cur);
      cur = norm_name(u, ul);
      continue;
    }
    url = t->url;
    break;
  }
  free(cur);
  return url;
}

/* a code point (U+00A9, 0xA9, &#169;, 169) as UTF-8, for "unicode::" */
static void put_codepoint(vgi_buf *b, const char *w, size_t n) {
  char tmp[32];
  if (n >= sizeof tmp) { vgi_buf_add(b, w, n); return; }
  memcpy(tmp, w, n);
  tmp[n] = 0;
  const char *p = tmp;
  int base = 10;
  if (!strncasecmp(p, "u+", 2) || !strncasecmp(p, "0x", 2) || !strncasecmp(p, "\\u", 2) || !strncasecmp(p, "\\x", 2)) { p += 2; base = 16; }
  else if (!strncasecmp(p, "&#x", 3)) { p += 3; base = 16; }
  else if (!strncmp(p, "&#", 2)) p += 2;
  else if (*p == 'x' || *p == 'X' || *p == 'U' || *p == 'u') { p++; base = 16; }
  char *e;
  long cp = strtol(p, &e, base);
  if (e == p || (*e && *e != ';') || cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) {
    vgi_buf_add(b, w, n);
    return;
  }
  char u[4];
  vgi_buf_add(b, u, vgi_put_utf8(u, (unsigned)cp));
}

/* An image's ":alt:" text among the options on lines [a, b), "" without one. */
static char *image_alt(const rst *r, int a, int b) {
  for (int k = a; k < b; k++) {
    const char *q = r->L[k].s + r->L[k].ind;
    int ql = r->L[k].len - r->L[k].ind;
    if (ql > 5 && !strncmp(q, ":alt:", 5)) {
      char *t = malloc((size_t)ql - 4);
      if (!t) abort();
      memcpy(t, q + 5, (size_t)ql - 5);
      t[ql - 5] = 0;
      vgi_squash(t);
      return t;
    }
  }
  return vgi_strdup("");
}

/* An image substitution in a sentence, after a word that waits for its noun
 * ("run the |binder-demo|", "see our |docs-badge|"), stands for a thing the
 * sentence names: said by its alt text, else by its name ("binder demo").
 * Anywhere else (a row of badges, "Releases: |GitHub-Status|,") it is
 * nothing, and a colon left before a comma or a stop goes with it. */
static int ws(char c);
static int before_noun(const vgi_buf *o) {
  static const char *const dets[] = { "the", "a", "an", "our", "this", "that", "its", "their", "your", "my", NULL };
  size_t e = o->n;
  while (e && o->s[e - 1] == ' ') e--;
  size_t w = e;
  while (w && isalpha((unsigned char)o->s[w - 1])) w--;
  if (w == e || e == o->n || (w && !ws(o->s[w - 1]) && o->s[w - 1] != '(')) return 0;
  for (int k = 0; dets[k]; k++)
    if (strlen(dets[k]) == e - w && !strncasecmp(o->s + w, dets[k], e - w)) return 1;
  return 0;
}

static void put_image_sub(vgi_buf *o, const named *sb, const char *s, size_t n, size_t a) {
  if (before_noun(o)) {
    if (sb->url && *sb->url) {
      vgi_buf_puts(o, sb->url);
    } else {
      for (const char *p = sb->name; *p; p++) vgi_buf_add(o, *p == '-' || *p == '_' ? " " : p, 1);
    }
    return;
  }
  while (o->n && o->s[o->n - 1] == ' ' && (a >= n || ws(s[a]))) o->n--;
  size_t e = o->n;
  while (e && ws(o->s[e - 1])) e--;
  if (e && o->s[e - 1] == ':' && a < n && strchr(",.;", s[a])) o->n = e - 1;
}

/* The targets (".. _name: url", "__ url") and substitution definitions
 * (".. |name| replace:: text") of the whole document, before any text is
 * read: a reference may come before its target. */
static void collect(rst *r) {
  for (int i = 0; i < r->n; i++) {
    const rline *l = &r->L[i];
    const char *s = l->s + l->ind;
    int n = l->len - l->ind;
    int anon_short = n >= 3 && !strncmp(s, "__ ", 3);
    if (!anon_short && (n < 4 || strncmp(s, ".. ", 3))) continue;
    /* the text of the definition: this line and the lines indented under it */
    int j = i + 1;
    while (j < r->n && (r->L[j].ind >= r->L[j].len ? 0 : r->L[j].ind > l->ind)) j++;
    if (anon_short || !strncmp(s + 3, "__:", 3)) {
      const char *u = anon_short ? s + 3 : s + 6;
      vgi_buf b = {0};
      vgi_buf_add(&b, u, (size_t)(s + n - u));
      for (int k = i + 1; k < j; k++) vgi_buf_add(&b, r->L[k].s + r->L[k].ind, (size_t)(r->L[k].len - r->L[k].ind));
      char *url = vgi_buf_take(&b);
      vgi_squash(url);
      if ((r->nanon & (r->nanon - 1)) == 0) {
        char **na = realloc(r->anon, sizeof *na * (size_t)(r->nanon ? r->nanon * 2 : 8));
        if (!na) abort();
        r->anon = na;
      }
      r->anon[r->nanon++] = url;
      continue;
    }
    if (s[3] == '_') {
      /* ".. _name: url", ".. _`a name: with colon`: url" */
      const char *p = s + 4, *end = s + n, *nm = p, *nme;
      if (p < end && *p == '`') {
        nm = ++p;
        while (p < end && *p != '`') p++;
        nme = p;
        if (p < end) p++;
        if (p >= end || *p != ':') continue;
      } else {
        while (p < end && !(*p == ':' && (p + 1 == end || p[1] == ' ')) ) { if (*p == '\\') p++; p++; }
        if (p >= end) continue;
        nme = p;
      }
      p++;
      vgi_buf b = {0};
      vgi_buf_add(&b, p, (size_t)(end - p > 0 ? end - p : 0));
      for (int k = i + 1; k < j; k++) vgi_buf_add(&b, r->L[k].s + r->L[k].ind, (size_t)(r->L[k].len - r->L[k].ind));
      char *url = vgi_buf_take(&b);
      /* a URL split over lines is one (spaces inside it are dropped) */
      size_t w = 0;
      for (size_t k = 0; url[k]; k++) if (!isspace((unsigned char)url[k])) url[w++] = url[k];
      url[w] = 0;
      add_named(&r->tg, &r->ntg, norm_name(nm, (size_t)(nme - nm)), url, 0);
      continue;
    }
    if (s[3] == '|') {
      const char *p = s + 4, *end = s + n;
      while (p < end && *p != '|') p++;
      if (p >= end || p == s + 4) continue;
      const char *nm = s + 4, *nme = p;
      p++;
      while (p < end && *p == ' ') p++;
      const char *dn = p;
      while (p < end && *p != ':' && *p != ' ') p++;
      if (end - p < 2 || p[0] != ':' || p[1] != ':') continue;
      size_t dl = (size_t)(p - dn);
      p += 2;
      while (p < end && *p == ' ') p++;
      char *name = vgi_strdup("");
      free(name);
      name = malloc((size_t)(nme - nm) + 1);
      memcpy(name, nm, (size_t)(nme - nm));
      name[nme - nm] = 0;
      if ((dl == 5 && !strncmp(dn, "image", 5)) || (dl == 6 && !strncmp(dn, "figure", 6))) {
        add_named(&r->sub, &r->nsub, name, image_alt(r, i + 1, j), 1);
        continue;
      }
      vgi_buf b = {0};
      if (dl == 7 && !strncmp(dn, "replace", 7)) {
        vgi_buf_add(&b, p, (size_t)(end - p));
        for (int k = i + 1; k < j; k++) {
          const char *q = r->L[k].s + r->L[k].ind;
          if (*q == ':' && k == i + 1) continue;   /* an option */
          vgi_buf_add(&b, "\n", 1);
          vgi_buf_add(&b, q, (size_t)(r->L[k].len - r->L[k].ind));
        }
      } else if (dl == 7 && !strncmp(dn, "unicode", 7)) {
        /* code points and text; ".." starts a comment */
        while (p < end) {
          while (p < end && *p == ' ') p++;
          const char *w = p;
          while (p < end && *p != ' ') p++;
          if (p - w == 2 && !strncmp(w, "..", 2)) break;
          if (p > w) put_codepoint(&b, w, (size_t)(p - w));
        }
      }
      char *txt = vgi_buf_take(&b);
      add_named(&r->sub, &r->nsub, name, txt, 0);
    }
  }
  if (r->ntg) qsort(r->tg, (size_t)r->ntg, sizeof *r->tg, cmp_named);
  if (r->nsub) qsort(r->sub, (size_t)r->nsub, sizeof *r->sub, cmp_named);
}

/* ---- inline markup ------------------------------------------------------------------- */

static void inl(rst *r, vgi_buf *o, const char *s, size_t n, int depth);

static int ws(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/* docutils' rules: markup starts after a space or an opening mark, and ends
 * before a space, a closing mark or punctuation */
static int start_ok(const char *s, size_t i) {
  if (!i) return 1;
  char p = s[i - 1];
  return ws(p) || strchr("'\"([{<-/:", p);
}
static int end_ok(const char *s, size_t n, size_t j) {
  if (j >= n) return 1;
  unsigned char c = (unsigned char)s[j];
  return ws((char)c) || c >= 0x80 || strchr("'\")]}>-/:.,;!?\\", c);
}

/* Where an end-string was looked for in one text: whether a place ends
 * markup does not depend on where the markup started, so a later search
 * goes on from where the last one stopped (a paragraph of 100,000 "*"
 * that never close is read once, not once per "*"). */
typedef struct endscan { size_t from, to, hit; } endscan;   /* searched [from, to): first end hit (0: none) */
enum { END_LIT, END_STRONG, END_EM, END_TICK, END_N };

/* the end-string `e` of markup whose text starts at `from`: its offset, or 0 */
static size_t find_end(const char *s, size_t n, size_t from, const char *e, endscan *c) {
  size_t el = strlen(e);
  if (from >= n || ws(s[from])) return 0;
  size_t lim = from + INLINE_REACH < n ? from + INLINE_REACH : n;
  size_t k = from + 1;
  if (c && c->to && from + 1 >= c->from && from + 1 <= c->to) {
    if (c->hit && c->hit >= from + 1) return c->hit + el <= lim ? c->hit : 0;
    if (c->to > k) k = c->to;   /* nothing ends before where the last search stopped */
  } else if (c) {
    c->from = from + 1;
  }
  size_t hit = 0;
  for (; k + el <= lim; k++) {
    if (s[k] == '\\') { k++; continue; }
    if (memcmp(s + k, e, el) || ws(s[k - 1])) continue;
    if (el == 1 && e[0] == '*' && k + 1 < n && s[k + 1] == '*') continue;
    if (end_ok(s, n, k + el)) { hit = k; break; }
  }
  if (c) {
    c->to = hit ? hit : (k > lim ? lim : k);
    c->hit = hit;
    if (c->to < c->from) c->to = c->from;
  }
  return hit;
}

/* Markdown's marks in plain text are escaped; newlines stay */
static void esc_char(vgi_buf *o, char c) {
  if (strchr("\\`*_[]<>#|~!&", c)) vgi_buf_add(o, "\\", 1);
  vgi_buf_add(o, &c, 1);
}

static void put_esc(vgi_buf *o, const char *s, size_t n, int flat) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\\' && i + 1 < n) { i++; if (s[i] == ' ') continue; }
    if (s[i] == '\n' || s[i] == '\r') { vgi_buf_add(o, flat ? " " : "\n", 1); continue; }
    esc_char(o, s[i]);
  }
}

static size_t count_nl(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += s[i] == '\n';
  return k;
}

/* newlines a construct spanned go before it, so lines keep their count */
static void put_nls(vgi_buf *o, const char *s, size_t n) {
  size_t k = count_nl(s, n);
  if (!k) return;
  while (o->n && o->s[o->n - 1] == ' ') o->n--;
  for (size_t i = 0; i < k; i++) vgi_buf_add(o, "\n", 1);
}

static void put_code(vgi_buf *o, const char *s, size_t n) {
  size_t run = 0, best = 0;
  for (size_t i = 0; i < n; i++) { run = s[i] == '`' ? run + 1 : 0; if (run > best) best = run; }
  if (best > 16) best = 16;
  for (size_t i = 0; i <= best; i++) vgi_buf_add(o, "`", 1);
  int pad = n && (s[0] == '`' || s[n - 1] == '`');
  if (pad) vgi_buf_add(o, " ", 1);
  for (size_t i = 0; i < n; i++) vgi_buf_add(o, s[i] == '\n' ? " " : s + i, 1);
  if (pad) vgi_buf_add(o, " ", 1);
  for (size_t i = 0; i <= best; i++) vgi_buf_add(o, "`", 1);
}

static void put_link(vgi_buf *o, const char *text, size_t tn, const char *url, size_t un) {
  vgi_buf_add(o, "[", 1);
  put_esc(o, text, tn, 1);
  vgi_buf_add(o, "](<", 3);
  for (size_t i = 0; i < un; i++) {
    if (ws(url[i])) continue;
    if (url[i] == '<' || url[i] == '>' || url[i] == '\\') vgi_buf_add(o, "\\", 1);
    vgi_buf_add(o, url + i, 1);
  }
  vgi_buf_add(o, ">)", 2);
}

/* a reference to `name` shown as `text`: a link to its target's URL, or into
 * the document (a section's name) */
static void put_ref(rst *r, vgi_buf *o, const char *text, size_t tn, const char *name, size_t nn, int anon) {
  const char *url = NULL;
  if (anon) {
    if (r->anon_i < r->nanon) url = r->anon[r->anon_i];
    r->anon_i++;
  } else {
    char *k = norm_name(name, nn);
    url = target_url(r, k);
    free(k);
  }
  if (url && *url) { put_link(o, text, tn, url, strlen(url)); return; }
  vgi_buf slug = {0};
  vgi_buf_add(&slug, "#", 1);
  for (size_t i = 0; i < nn; i++) {
    unsigned char c = (unsigned char)name[i];
    if (isalnum(c) || c >= 0x80) { char lc = (char)tolower(c); vgi_buf_add(&slug, &lc, 1); }
    else if (slug.n > 1 && slug.s[slug.n - 1] != '-') vgi_buf_add(&slug, "-", 1);
  }
  put_link(o, text, tn, slug.s, slug.n);
  vgi_buf_free(&slug);
}

static int in_words(const char *w, const char *const *list) {
  for (; *list; list++) if (!strcmp(w, *list)) return 1;
  return 0;
}

/* What Sphinx shows of a role: ":pep:`8`" PEP 8, ":func:`~a.b`" b() as code,
 * ":ref:`the guide <install>`" the guide, ":abbr:`LIFO (last in, first out)`"
 * LIFO. */
static void put_role(rst *r, vgi_buf *o, const char *role, size_t rl, const char *t, size_t tn, int depth) {
  char name[64];
  const char *colon = NULL;
  for (size_t i = 0; i < rl; i++) if (role[i] == ':') colon = role + i;
  const char *b = colon ? colon + 1 : role;
  size_t bl = (size_t)(role + rl - b);
  if (bl >= sizeof name) bl = sizeof name - 1;
  for (size_t i = 0; i < bl; i++) name[i] = (char)tolower((unsigned char)b[i]);
  name[bl] = 0;
  static const char *const code[] = { "code", "literal", "func", "meth", "class", "mod", "attr", "obj", "data",
    "exc", "const", "var", "type", "member", "macro", "struct", "union", "enum", "enumerator", "command", "program",
    "option", "envvar", "file", "samp", "kbd", "makevar", "regexp", "mimetype", "function", "method",
    "attribute", "property", "expr", "texpr", "concept", "module", "confval", "directive", "role", NULL };
  static const char *const none[] = { "raw", "raw-html", "raw-latex", "index", NULL };
  if (in_words(name, none)) return;
  /* "text <target>": the text; "~a.b.c": c; "!x": x */
  const char *x = t;
  size_t xl = tn;
  int titled = 0;
  if (xl && t[xl - 1] == '>') {
    const char *lt = NULL;
    for (size_t i = 0; i + 1 < xl; i++) if (t[i] == '<') lt = t + i;
    if (lt && lt > t) {
      size_t k = (size_t)(lt - t);
      while (k && ws(t[k - 1])) k--;
      if (k) { xl = k; titled = 1; }
    }
  }
  if (titled && !strcmp(name, "doc")) {
    /* ":doc:`Deutsch <de/index>`": a link to another page, kept as one
     * (a row of them to translations is a language switcher) */
    const char *lt = t + xl;
    while (*lt != '<') lt++;
    vgi_buf_add(o, "[", 1);
    put_esc(o, x, xl, 1);
    vgi_buf_add(o, "](", 2);
    vgi_buf_add(o, lt + 1, (size_t)(t + tn - 1 - (lt + 1)));
    vgi_buf_add(o, ")", 1);
    return;
  }
  if (!titled && xl && *x == '!') { x++; xl--; }
  if (!titled && xl && *x == '~') {
    const char *dot = NULL;
    for (size_t i = 0; i < xl; i++) if (x[i] == '.') dot = x + i;
    if (dot && dot + 1 < x + xl) { xl -= (size_t)(dot + 1 - x); x = dot + 1; }
    else { x++; xl--; }
  }
  if (!strcmp(name, "pep") || !strcmp(name, "rfc")) {
    size_t k = 0;
    while (k < xl && x[k] != '#') k++;
    if (!titled) vgi_buf_puts(o, name[0] == 'p' ? "PEP " : "RFC ");
    put_esc(o, x, titled ? xl : k, 1);
    return;
  }
  if (in_words(name, code)) {
    vgi_buf c = {0};
    vgi_buf_add(&c, x, xl);
    if (!titled && (!strcmp(name, "func") || !strcmp(name, "meth") || !strcmp(name, "function") ||
                    !strcmp(name, "method")) && xl && x[xl - 1] != ')')
      vgi_buf_puts(&c, "()");
    put_code(o, c.s, c.n);
    vgi_buf_free(&c);
    return;
  }
  if (!strcmp(name, "emphasis") || !strcmp(name, "title-reference") || !strcmp(name, "title") ||
      !strcmp(name, "t") || !strcmp(name, "dfn") || !strcmp(name, "cite")) {
    vgi_buf_add(o, "*", 1); put_esc(o, x, xl, 1); vgi_buf_add(o, "*", 1);
    return;
  }
  if (!strcmp(name, "strong")) {
    vgi_buf_add(o, "**", 2); put_esc(o, x, xl, 1); vgi_buf_add(o, "**", 2);
    return;
  }
  if (!strcmp(name, "abbr")) {
    size_t k = 0;
    while (k + 1 < xl && !(x[k] == ' ' && x[k + 1] == '(')) k++;
    put_esc(o, x, k + 1 < xl ? k : xl, 1);
    return;
  }
  if (!strcmp(name, "menuselection") || !strcmp(name, "guilabel")) {
    for (size_t i = 0; i < xl; i++) {
      if (x[i] == '&' && i + 1 < xl && x[i + 1] != '&') continue;
      if (i + 2 < xl && !strncmp(x + i, "-->", 3)) { vgi_buf_puts(o, "\\>"); i += 2; continue; }
      esc_char(o, x[i] == '\n' ? ' ' : x[i]);
    }
    return;
  }
  if (!titled && (!strcmp(name, "ref") || !strcmp(name, "doc") || !strcmp(name, "numref") || !strcmp(name, "any"))) {
    /* a label alone: Sphinx shows its section's title; the label's words
     * are the nearest ("install-guide": "install guide") */
    const char *slash = NULL;
    for (size_t i = 0; i < xl; i++) if (x[i] == '/' || x[i] == ':') slash = x + i;
    if (slash && !strcmp(name, "doc")) { xl -= (size_t)(slash + 1 - x); x = slash + 1; }
    for (size_t i = 0; i < xl; i++) esc_char(o, x[i] == '-' || x[i] == '_' || x[i] == '\n' ? ' ' : x[i]);
    return;
  }
  (void)r;
  (void)depth;
  put_esc(o, x, xl, 1);
}

/* A backquote at k that closes interpreted text or a role: where the
 * markup ends (after a "_", "__" or ":role:" suffix), else 0. */
static size_t tick_close(const char *s, size_t n, size_t k) {
  if (s[k] != '`' || !k || ws(s[k - 1]) || s[k - 1] == '`' || (k + 1 < n && s[k + 1] == '`')) return 0;
  size_t a = k + 1;
  if (a < n && s[a] == '_') { a++; if (a < n && s[a] == '_') a++; }
  else if (a < n && s[a] == ':') {
    size_t q = a + 1;
    while (q < n && q - a < 64 && (isalnum((unsigned char)s[q]) || strchr("-_.+", s[q]))) q++;
    if (q < n && s[q] == ':' && q > a + 1) a = q + 1;
  }
  return end_ok(s, n, a) ? a : 0;
}

/* the closing backquote after `from` (within reach), found once per text
 * as find_end does; 0 when none */
static size_t find_tick(const char *s, size_t n, size_t from, endscan *c) {
  size_t lim = from + INLINE_REACH < n ? from + INLINE_REACH : n;
  size_t k = from + 1;
  if (c->to && from + 1 >= c->from && from + 1 <= c->to) {
    if (c->hit && c->hit >= from + 1) return c->hit < lim ? c->hit : 0;
    if (c->to > k) k = c->to;
  } else {
    c->from = from + 1;
  }
  size_t hit = 0;
  for (; k < lim; k++) {
    if (s[k] == '\\') { k++; continue; }
    if (tick_close(s, n, k)) { hit = k; break; }
  }
  c->to = hit ? hit : (k > lim ? lim : k);
  c->hit = hit;
  if (c->to < c->from) c->to = c->from;
  return hit;
}

/* a standalone URL: copied as it is, the autolink extension reads it */
static size_t url_at(const char *s, size_t n, size_t i) {
  static const char *const schemes[] = { "http://", "https://", "ftp://", "mailto:", "www.", NULL };
  for (int k = 0; schemes[k]; k++) {
    size_t l = strlen(schemes[k]);
    if (i + l < n && !strncasecmp(s + i, schemes[k], l)) {
      size_t j = i + l;
      while (j < n && !ws(s[j]) && s[j] != '<' && s[j] != '>' && s[j] != '`' && s[j] != '"') j++;
      return j - i;
    }
  }
  return 0;
}

/* a reference name ("Jansson", "a.b-c") at i: its length */
static size_t refname_at(const char *s, size_t n, size_t i) {
  size_t j = i;
  while (j < n) {
    if (isalnum((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80) { j++; continue; }
    if (strchr("-_.:+", s[j]) && j > i && j + 1 < n && (isalnum((unsigned char)s[j + 1]) || (unsigned char)s[j + 1] >= 0x80)) { j++; continue; }
    break;
  }
  return j - i;
}

static void inl(rst *r, vgi_buf *o, const char *s, size_t n, int depth) {
  size_t i = 0;
  endscan ec[END_N];
  memset(ec, 0, sizeof ec);
  while (i < n) {
    char c = s[i];
    if (c == '\\') {
      if (i + 1 >= n) { i++; continue; }
      char d = s[i + 1];
      if (d == ' ') { i += 2; continue; }           /* "\ " joins: nothing */
      if (d == '\n') { vgi_buf_add(o, "\n", 1); i += 2; continue; }
      esc_char(o, d);
      i += 2;
      continue;
    }
    if (start_ok(s, i)) {
      size_t e;
      if (c == '`' && i + 1 < n && s[i + 1] == '`' && (e = find_end(s, n, i + 2, "``", &ec[END_LIT]))) {
        put_nls(o, s + i, e - i);
        put_code(o, s + i + 2, e - i - 2);
        i = e + 2;
        continue;
      }
      if (c == '*' && i + 1 < n && s[i + 1] == '*' && (e = find_end(s, n, i + 2, "**", &ec[END_STRONG]))) {
        put_nls(o, s + i, e - i);
        vgi_buf_add(o, "**", 2);
        put_esc(o, s + i + 2, e - i - 2, 1);
        vgi_buf_add(o, "**", 2);
        i = e + 2;
        continue;
      }
      if (c == '*' && (i + 1 >= n || s[i + 1] != '*') && (e = find_end(s, n, i + 1, "*", &ec[END_EM]))) {
        put_nls(o, s + i, e - i);
        vgi_buf_add(o, "*", 1);
        put_esc(o, s + i + 1, e - i - 1, 1);
        vgi_buf_add(o, "*", 1);
        i = e + 1;
        continue;
      }
      /* :role:`text` */
      if (c == ':') {
        size_t j = i + 1;
        while (j < n && j - i < 64 && (isalnum((unsigned char)s[j]) || strchr("-_.+:", s[j])) &&
               !(s[j] == ':' && j + 1 < n && s[j + 1] == '`'))
          j++;
        if (j > i + 1 && j + 2 < n && s[j] == ':' && s[j + 1] == '`' && !ws(s[j + 2])) {
          size_t k = find_tick(s, n, j + 1, &ec[END_TICK]);
          if (k > j + 2) {
            put_nls(o, s + i, k - i);
            put_role(r, o, s + i + 1, j - i - 1, s + j + 2, k - j - 2, depth);
            i = k + 1;
            while (i < n && s[i] == '_') i++;
            continue;
          }
        }
      }
      /* `interpreted`, `reference`_, `anonymous`__, `text <url>`_, `x`:role: */
      if (c == '`' && (i + 1 >= n || s[i + 1] != '`')) {
        size_t k = i + 1 < n && !ws(s[i + 1]) ? find_tick(s, n, i, &ec[END_TICK]) : 0;
        size_t after = 0;
        int kind = 0;   /* 0 plain, 1 reference, 2 anonymous, 3 role suffix */
        const char *role = NULL;
        size_t rl = 0;
        if (k > i + 1) {
          size_t a = k + 1;
          kind = 0;
          if (a < n && s[a] == '_') { kind = 1; a++; if (a < n && s[a] == '_') { kind = 2; a++; } }
          else if (a < n && s[a] == ':') {
            size_t q = a + 1;
            while (q < n && q - a < 64 && (isalnum((unsigned char)s[q]) || strchr("-_.+", s[q]))) q++;
            if (q < n && s[q] == ':' && q > a + 1) { kind = 3; role = s + a + 1; rl = q - a - 1; a = q + 1; }
          }
          if (end_ok(s, n, a)) after = a;
        }
        if (after && !ws(s[i + 1])) {
          const char *t = s + i + 1;
          size_t tn = k - i - 1;
          put_nls(o, s + i, after - i);
          if (kind == 3) {
            put_role(r, o, role, rl, t, tn, depth);
          } else if (kind == 0) {
            vgi_buf_add(o, "*", 1);
            put_esc(o, t, tn, 1);
            vgi_buf_add(o, "*", 1);
          } else {
            /* "text <url>" / "text <name_>" */
            const char *lt = NULL;
            if (tn && t[tn - 1] == '>')
              for (size_t q = 0; q + 1 < tn; q++) if (t[q] == '<' && (q == 0 || ws(t[q - 1]))) lt = t + q;
            if (lt) {
              const char *u = lt + 1;
              size_t ul = (size_t)(t + tn - 1 - u);
              size_t txl = (size_t)(lt - t);
              while (txl && ws(t[txl - 1])) txl--;
              if (ul > 1 && u[ul - 1] == '_' && !memchr(u, '/', ul)) {   /* an alias: <name_> */
                put_ref(r, o, txl ? t : u, txl ? txl : ul - 1, u, ul - 1, 0);
              } else {
                put_link(o, txl ? t : u, txl ? txl : ul, u, ul);
              }
            } else {
              put_ref(r, o, t, tn, t, tn, kind == 2);
            }
          }
          i = after;
          continue;
        }
      }
      /* |substitution|, |substitution|_ */
      if (c == '|' && i + 1 < n && !ws(s[i + 1])) {
        size_t k = i + 1;
        size_t lim = k + 256 < n ? k + 256 : n;
        while (k < lim && s[k] != '|' && s[k] != '\n') k++;
        size_t a = k + 1;
        while (a < n && a < k + 3 && s[a] == '_') a++;
        if (k < lim && s[k] == '|' && !ws(s[k - 1]) && end_ok(s, n, a)) {
          char *name = malloc(k - i);
          memcpy(name, s + i + 1, k - i - 1);
          name[k - i - 1] = 0;
          const named *sb = find_named(r->sub, r->nsub, name);
          if (!sb)
            for (int q = 0; q < r->nsub && !sb; q++) if (!strcasecmp(r->sub[q].name, name)) sb = &r->sub[q];
          if (sb && sb->image) {
            put_image_sub(o, sb, s, n, a);
          } else if (sb && depth < SUBST_DEPTH && strlen(sb->url) <= r->budget) {
            r->budget -= strlen(sb->url);
            vgi_buf t = {0};
            inl(r, &t, sb->url, strlen(sb->url), depth + 1);
            for (size_t q = 0; q < t.n; q++) if (t.s[q] == '\n') t.s[q] = ' ';
            if (t.n) vgi_buf_add(o, t.s, t.n);
            vgi_buf_free(&t);
          } else {
            put_esc(o, name, strlen(name), 1);
          }
          free(name);
          i = a;
          continue;
        }
      }
      /* footnote and citation references: [1]_ [#]_ [#note]_ [*]_ [CIT2002]_ */
      if (c == '[') {
        size_t k = i + 1;
        while (k < n && k - i < 64 && (isalnum((unsigned char)s[k]) || strchr("#*-_.", s[k]))) k++;
        if (k > i + 1 && k + 1 < n && s[k] == ']' && s[k + 1] == '_' && end_ok(s, n, k + 2)) {
          while (o->n && o->s[o->n - 1] == ' ') o->n--;
          i = k + 2;
          continue;
        }
      }
      /* _`inline target`: its text */
      if (c == '_' && i + 1 < n && s[i + 1] == '`' && (e = find_end(s, n, i + 2, "`", NULL))) {
        put_nls(o, s + i, e - i);
        put_esc(o, s + i + 2, e - i - 2, 1);
        i = e + 1;
        continue;
      }
      if (isalnum((unsigned char)c) || (unsigned char)c >= 0x80) {
        size_t u = url_at(s, n, i);
        if (u) {
          size_t a = i + u;
          /* "https://x.org/_" is a reference by its URL: the URL */
          vgi_buf_add(o, s + i, u);
          i = a;
          continue;
        }
        size_t w = refname_at(s, n, i);
        if (w && i + w < n && s[i + w] == '_') {
          size_t a = i + w + 1;
          int anon = a < n && s[a] == '_';
          if (anon) a++;
          if (end_ok(s, n, a)) {
            put_ref(r, o, s + i, w, s + i, w, anon);
            i = a;
            continue;
          }
        }
        put_esc(o, s + i, w ? w : 1, 0);
        i += w ? w : 1;
        continue;
      }
    }
    if (c == '\r') { i++; continue; }
    esc_char(o, c);
    i++;
  }
}

/* ---- blocks --------------------------------------------------------------------------- */

static void blocks(rst *r, view v, int depth);

static int adorn_char(char c) {
  return c > ' ' && c < 127 && !isalnum((unsigned char)c);
}

/* a line of one punctuation mark repeated (at least `min` of it) */
static int adornment(const char *s, int n, int min) {
  while (n && s[n - 1] == ' ') n--;
  if (n < min || !adorn_char(s[0])) return 0;
  for (int i = 1; i < n; i++) if (s[i] != s[0]) return 0;
  return n;
}

static int text_width(const char *s, int n) {
  int w = 0;
  for (int i = 0; i < n; i++) if (((unsigned char)s[i] & 0xC0) != 0x80) w++;
  return w;
}

static int style_of(rst *r, char c, int over) {
  for (int k = 0; k < r->nstyle; k++) if (r->style[k].c == c && r->style[k].over == over) return k;
  if (r->nstyle == (int)(sizeof r->style / sizeof *r->style)) return r->nstyle - 1;
  r->style[r->nstyle].c = c;
  r->style[r->nstyle].over = over;
  return r->nstyle++;
}

/* A section title at line i of the document: the line of its text, the
 * lines it spans and its style; 0 when none. An underline shorter than the
 * text counts from four marks (docutils warns, and takes it). */
static int title_at(const rst *r, const view *v, int i, int *text_i, int *span, char *c, int *over) {
  const char *s, *t, *u;
  int n, tn, un;
  if (!v->top || ln(r, v, i, &s, &n) != 0) return 0;
  int a = adornment(s, n, 1);
  if (a && i + 2 < v->b && ln(r, v, i + 1, &t, &tn) >= 0 && ln(r, v, i + 2, &u, &un) == 0 &&
      adornment(u, un, 1) && u[0] == s[0] && !adornment(t, tn, 1)) {
    *text_i = i + 1; *span = 3; *c = s[0]; *over = 1;
    return 1;
  }
  if (a || (n >= 3 && !strncmp(s, ".. ", 3)) || i + 1 >= v->b || ln(r, v, i + 1, &u, &un) != 0) return 0;
  int ua = adornment(u, un, 1);
  if (ua && (ua >= text_width(s, n) || ua >= 4)) {
    *text_i = i; *span = 2; *c = u[0]; *over = 0;
    return 1;
  }
  return 0;
}

static int roman(const char *s, int n) {
  static const char sym[] = "ivxlcdm";
  static const int val[] = { 1, 5, 10, 50, 100, 500, 1000 };
  int total = 0, prev = 0;
  for (int k = n - 1; k >= 0; k--) {
    const char *p = strchr(sym, tolower((unsigned char)s[k]));
    if (!p || !*p) return 0;
    int x = val[p - sym];
    total += x < prev ? -x : x;
    if (x > prev) prev = x;
  }
  return total;
}

/* an enumerator ("1.", "(a)", "iv)", "#."): the width of the marker and its
 * space, and its number in *num (0: "#", numbered automatically); 0 when
 * the line has none */
static int enumerator(const char *s, int n, int *num) {
  int k = 0, paren = s[0] == '(';
  k += paren;
  int st = k;
  while (k < n && k - st < 9 && (isdigit((unsigned char)s[k]) || isalpha((unsigned char)s[k]) || s[k] == '#')) k++;
  int w = k - st;
  if (!w || k >= n) return 0;
  if (paren ? s[k] != ')' : (s[k] != '.' && s[k] != ')')) return 0;
  if (k + 1 < n && s[k + 1] != ' ') return 0;
  const char *x = s + st;
  int digits = 1;
  for (int q = 0; q < w; q++) digits &= isdigit((unsigned char)x[q]) != 0;
  if (digits) *num = atoi(x);
  else if (w == 1 && x[0] == '#') *num = 0;
  else if (w == 1 && isalpha((unsigned char)x[0]) && x[0] != 'i' && x[0] != 'I') *num = tolower((unsigned char)x[0]) - 'a' + 1;
  else if ((*num = roman(x, w)) == 0) return 0;
  return k + 1 < n ? k + 2 : k + 1;
}

static int bullet(const char *s, int n) {
  if (n >= 1 && strchr("-*+", s[0]) && (n == 1 || s[1] == ' ')) return n == 1 ? 1 : 2;
  /* • ‣ ⁃ */
  if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xA2 && (n == 3 || s[3] == ' ')) return n == 3 ? 3 : 4;
  if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xA3 && (n == 3 || s[3] == ' ')) return n == 3 ? 3 : 4;
  if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x81 && (unsigned char)s[2] == 0x83 && (n == 3 || s[3] == ' ')) return n == 3 ? 3 : 4;
  return 0;
}

/* ":name: body": the end of the name's second colon; 0 when none */
static int field_marker(const char *s, int n) {
  if (n < 3 || s[0] != ':' || s[1] == ' ' || s[1] == ':') return 0;
  for (int k = 1; k < n && k < 200; k++) {
    if (s[k] == '\\') { k++; continue; }
    /* a name written as an inline literal (":``--fast``:") */
    if (s[k] == '`' && k == 1 && k + 1 < n && s[k + 1] == '`') {
      int c = k + 2;
      while (c + 1 < n && !(s[c] == '`' && s[c + 1] == '`')) c++;
      if (c + 1 >= n) return 0;
      k = c + 1;
      continue;
    }
    if (s[k] == '`') return 0;
    if (s[k] == ':' && (k + 1 == n || s[k + 1] == ' ')) return s[k - 1] == ' ' ? 0 : k + 1;
  }
  return 0;
}

/* "-a, --all  Show all." / "--file=FILE": where the options end (0: none),
 * *desc where the description starts on the line (or n) */
static int option_marker(const char *s, int n, int *desc) {
  if (n < 2 || !((s[0] == '-' && (isalnum((unsigned char)s[1]) || (s[1] == '-' && n > 2 && isalnum((unsigned char)s[2])))) ||
                 (s[0] == '/' && isalnum((unsigned char)s[1]) && (n == 2 || s[2] == ' ' || s[2] == ','))))
    return 0;
  int k = 0;
  while (k < n && !(s[k] == ' ' && k + 1 < n && s[k + 1] == ' ')) k++;
  int end = k;
  while (k < n && s[k] == ' ') k++;
  if (k < n && end == n) return 0;
  if (end < n && k >= n) return 0;
  /* the options part: words that are options or their arguments */
  for (int q = 0; q < end; q++) if (s[q] == '.' && q + 1 < end && s[q + 1] == ' ') return 0;
  *desc = k;
  return end;
}

static int is_table_border(const char *s, int n) {
  if (n < 3 || s[0] != '+' || s[n - 1] != '+') return 0;
  int dash = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] == '-' || s[i] == '=') dash = 1;
    else if (s[i] != '+') return 0;
  }
  return dash;
}

static int is_simple_border(const char *s, int n, int *cols) {
  while (n && s[n - 1] == ' ') n--;
  if (n < 1 || s[0] != '=') return 0;
  int c = 0;
  for (int i = 0; i < n;) {
    if (s[i] != '=') return 0;
    while (i < n && s[i] == '=') i++;
    c++;
    while (i < n && s[i] == ' ') i++;
  }
  *cols = c;
  return c >= 2;
}

/* ---- writing blocks ---------------------------------------------------------------- */

/* a paragraph of lines [a, b) of v, trailing "::" as the colon Sphinx shows */
static void paragraph(rst *r, const view *v, int a, int b, const char *lead_text) {
  if (r->scan) return;
  vgi_buf t = {0};
  for (int i = a; i < b; i++) {
    const char *s;
    int n;
    ln(r, v, i, &s, &n);
    if (i > a) vgi_buf_add(&t, "\n", 1);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r')) n--;
    if (i == b - 1 && n >= 2 && !strncmp(s + n - 2, "::", 2) && (n < 3 || s[n - 3] != '\\')) {
      n -= 2;
      if (n && s[n - 1] == ' ') { while (n && s[n - 1] == ' ') n--; }
      else if (n) { vgi_buf_add(&t, s, (size_t)n); vgi_buf_add(&t, ":", 1); continue; }
    }
    vgi_buf_add(&t, s, (size_t)n);
  }
  vgi_buf o = {0};
  if (lead_text) vgi_buf_puts(&o, lead_text);
  inl(r, &o, t.s ? t.s : "", t.n, 0);
  vgi_buf_free(&t);
  const char *p = o.s ? o.s : "";
  int any = 0;
  for (const char *q = p; *q; q++) if (!ws(*q)) { any = 1; break; }
  for (int i = a; i < b; i++) {
    const char *e = strchr(p, '\n');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    while (l && *p == ' ') { p++; l--; }
    if (any && l) {
      /* what Markdown would read as a block at a line's start: "1. ", "- ", "=" */
      vgi_buf x = {0};
      size_t k = 0;
      while (k < l && k < 10 && isdigit((unsigned char)p[k])) k++;
      if (k && k < l && (p[k] == '.' || p[k] == ')')) { vgi_buf_add(&x, p, k); vgi_buf_add(&x, "\\", 1); vgi_buf_add(&x, p + k, l - k); }
      else if (strchr("-+=", p[0])) { vgi_buf_add(&x, "\\", 1); vgi_buf_add(&x, p, l); }
      else vgi_buf_add(&x, p, l);
      emit(r, i, x.s, x.n);
      vgi_buf_free(&x);
    } else if (any && i > a) {
      skip_to(r, i);   /* a line of markup only ("|badge|"): the paragraph goes on */
    }
    p = e ? e + 1 : p + l;
  }
  vgi_buf_free(&o);
}

/* lines [a, b) of v as fenced code in `lang`, without their common indentation */
static void code(rst *r, const view *v, int a, int b, const char *lang, int fence_i) {
  if (r->scan) return;
  while (a < b && blank(r, v, a)) a++;
  while (b > a && blank(r, v, b - 1)) b--;
  if (a >= b) return;
  int m = -1;
  for (int i = a; i < b; i++) {
    if (blank(r, v, i) || (i == v->a && v->ov)) continue;
    if (m < 0 || r->L[i].ind < m) m = r->L[i].ind;
  }
  size_t run = 0;
  for (int i = a; i < b; i++) {
    const rline *l = &r->L[i];
    size_t k = 0;
    const char *s = l->s + l->ind;
    while (k < (size_t)(l->len - l->ind) && s[k] == '`') k++;
    if (k > run) run = k;
  }
  char fence[40];
  size_t fl = run >= 3 ? run + 1 : 3;
  if (fl > 30) fl = 30;
  memset(fence, '`', fl);
  fence[fl] = 0;
  char open[200];
  snprintf(open, sizeof open, "%s%s", fence, lang ? lang : "");
  emits(r, fence_i >= 0 ? fence_i : a, open);
  if (fence_i >= 0) skip_to(r, a - 1);
  for (int i = a; i < b; i++) {
    const char *s;
    int n;
    if (i == v->a && v->ov) { ln(r, v, i, &s, &n); }
    else {
      const rline *l = &r->L[i];
      int off = l->len > m ? m : l->len;
      s = l->s + off;
      n = l->len - off;
    }
    while (n && s[n - 1] == '\r') n--;
    if (!n) { fill(r, r->L[i].no); out_line(r, r->L[i].no, r->pre.s ? r->pre.s : "", pre_blank(r)); r->next_src = r->L[i].no + 1; continue; }
    emit(r, i, s, (size_t)n);
  }
  emits(r, b - 1, fence);
}

/* a container's mark on every line inside it ("> "); a list item's
 * marker line, not written yet, takes it too */
static size_t push_pre(rst *r, const char *add) {
  size_t keep = r->pre.n;
  if (r->scan || !add) return keep;
  vgi_buf_puts(&r->pre, add);
  if (r->pending) {
    vgi_buf p = {0};
    vgi_buf_puts(&p, r->pending);
    vgi_buf_puts(&p, add);
    free(r->pending);
    r->pending = vgi_buf_take(&p);
  }
  return keep;
}

static void pop_pre(rst *r, size_t keep) {
  r->pre.n = keep;
  if (r->pre.s) r->pre.s[keep] = 0;
}

/* one container's lines [a, b) at `base`, line a from ov; `first` the
 * marker of a list item (its first line) or NULL; `add` what the containers
 * inside put before each line ("> ", "  ") */
static void nest(rst *r, int a, int b, int base, const char *ov, int ovlen, const char *first, const char *add,
                 int depth, int src_first) {
  if (a >= b) return;
  if (depth + 1 > r->max_depth) {
    if (!r->failed)
      vgi_diag_add(r->d, VGI_ERROR, r->file, r->L[a].no, 1, NULL, "blocks nested more than %ld levels deep",
                   r->max_depth);
    r->failed = 1;
    return;
  }
  if (!r->scan) fill(r, r->L[a].no);   /* the lines before it are the container's parent's */
  size_t keep = r->pre.n;
  if (first && !r->scan) {
    vgi_buf p = {0};
    if (r->pending) { vgi_buf_puts(&p, r->pending); free(r->pending); }
    else if (r->pre.n) vgi_buf_add(&p, r->pre.s, r->pre.n);
    vgi_buf_puts(&p, first);
    r->pending = vgi_buf_take(&p);
  }
  if (add && !r->scan) {
    if (first) vgi_buf_puts(&r->pre, add);
    else push_pre(r, add);
  }
  view sub = { a, b, base, ov, ovlen, 0 };
  blocks(r, sub, depth + 1);
  if (first && r->pending && !r->scan) {
    /* an empty item still is one */
    const char *keep_lead = r->lead;
    r->lead = NULL;
    int src = r->L[src_first].no;
    vgi_buf x = {0};
    vgi_buf_puts(&x, r->pending);
    free(r->pending);
    r->pending = NULL;
    fill(r, src);
    out_line(r, src, x.s, x.n);
    if (r->next_src <= src) r->next_src = src + 1;
    vgi_buf_free(&x);
    r->lead = keep_lead;
  }
  pop_pre(r, keep);
}

/* A list item: its marker ("- ", "3. ", "- **term**: ") and its body, which
 * starts at column `col_text` of line i (absolute) after the marker, and
 * goes on to the lines indented under it until `end`. */
static void item(rst *r, const view *v, int i, int end, int col_text, const char *s_text, int n_text,
                 const char *marker, int depth) {
  while (n_text > 0 && *s_text == ' ') { s_text++; n_text--; col_text++; }
  int base = min_ind(r, i + 1, end);
  if (n_text > 0 && (base == 0 || col_text < base)) base = col_text;
  if (n_text <= 0 && i + 1 >= end) base = col_text;
  /* Markdown indents an item's lines by its list marker's width ("- ",
   * "12. "); definition, field and option lists are marked "+ " */
  const char *sp = strchr(marker, ' ');
  size_t ml = sp ? (size_t)(sp - marker) + 1 : strlen(marker);
  char add[16];
  if (ml > sizeof add - 1) ml = sizeof add - 1;
  memset(add, ' ', ml);
  add[ml] = 0;
  (void)v;
  if (n_text > 0) {
    nest(r, i, end, base, s_text, n_text, marker, add, depth, i);
  } else if (strlen(marker) > ml) {
    /* a term alone on its line ("- **term**:"), its body under it */
    size_t l = strlen(marker);
    while (l && marker[l - 1] == ' ') l--;
    if (!r->scan) emit(r, i, marker, l);
    size_t keep = push_pre(r, add);
    nest(r, i + 1, end, base, NULL, 0, NULL, NULL, depth, i);
    pop_pre(r, keep);
  } else {
    nest(r, i + 1, end, base, NULL, 0, marker, add, depth, i);
  }
}

/* A table as Markdown's pipe table: rows of cells (reST text), the first
 * row its header; each row written at its line. */
typedef struct trow { vgi_buf *cells; int ncell; int line; } trow;

static void table_out(rst *r, trow *rows, int nrows) {
  if (r->scan || !nrows) return;
  int cols = 0;
  for (int i = 0; i < nrows; i++) if (rows[i].ncell > cols) cols = rows[i].ncell;
  if (cols > MAX_COLS) cols = MAX_COLS;
  if (!cols) return;
  for (int i = 0; i < nrows; i++) {
    vgi_buf o = {0};
    vgi_buf_add(&o, "|", 1);
    for (int c = 0; c < cols; c++) {
      vgi_buf_add(&o, " ", 1);
      if (c < rows[i].ncell && rows[i].cells[c].n) {
        vgi_buf t = {0};
        inl(r, &t, rows[i].cells[c].s, rows[i].cells[c].n, 0);
        for (size_t q = 0; q < t.n; q++) if (t.s[q] == '\n') t.s[q] = ' ';
        vgi_buf_add(&o, t.s, t.n);
        vgi_buf_free(&t);
      }
      vgi_buf_add(&o, " |", 2);
    }
    /* the borders and blank lines between rows are no lines of the table */
    if (i > 0 && rows[i].line > rows[i - 1].line) skip_to(r, rows[i].line - 1);
    emit(r, rows[i].line, o.s, o.n);
    vgi_buf_free(&o);
    if (i == 0) {
      vgi_buf dl = {0};
      vgi_buf_add(&dl, "|", 1);
      for (int c = 0; c < cols; c++) vgi_buf_add(&dl, " --- |", 6);
      emit(r, rows[i].line, dl.s, dl.n);
      vgi_buf_free(&dl);
    }
  }
}

static void rows_free(trow *rows, int nrows) {
  for (int i = 0; i < nrows; i++) {
    for (int c = 0; c < rows[i].ncell; c++) vgi_buf_free(&rows[i].cells[c]);
    free(rows[i].cells);
  }
  free(rows);
}

static trow *row_add(trow **rows, int *n, int line) {
  if ((*n & (*n - 1)) == 0) {
    trow *nr = realloc(*rows, sizeof **rows * (size_t)(*n ? *n * 2 : 8));
    if (!nr) abort();
    *rows = nr;
  }
  (*rows)[*n] = (trow){ NULL, 0, line };
  return &(*rows)[(*n)++];
}

static vgi_buf *cell_at(trow *row, int c) {
  if (c >= MAX_COLS) c = MAX_COLS - 1;
  if (c >= row->ncell) {
    vgi_buf *nc = realloc(row->cells, sizeof *nc * (size_t)(c + 1));
    if (!nc) abort();
    for (int k = row->ncell; k <= c; k++) nc[k] = (vgi_buf){0};
    row->cells = nc;
    row->ncell = c + 1;
  }
  return &row->cells[c];
}

static void cell_text(vgi_buf *cell, const char *s, int n) {
  while (n && s[0] == ' ') { s++; n--; }
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\r')) n--;
  if (!n) return;
  if (cell->n) vgi_buf_add(cell, "\n", 1);
  vgi_buf_add(cell, s, (size_t)n);
}

/* a grid table from line i: its end */
static int grid_table(rst *r, const view *v, int i) {
  const char *s;
  int n;
  ln(r, v, i, &s, &n);
  while (n && s[n - 1] == ' ') n--;
  int colpos[MAX_COLS + 1], ncol = 0;
  for (int k = 0; k < n && ncol <= MAX_COLS; k++) if (s[k] == '+') colpos[ncol++] = k;
  int j = i + 1;
  trow *rows = NULL;
  int nrows = 0;
  trow *cur = NULL;
  int header_sep = 0;
  for (; j < v->b; j++) {
    const char *t;
    int tn;
    if (ln(r, v, j, &t, &tn) != 0) break;
    while (tn && t[tn - 1] == ' ') tn--;
    if (t[0] != '+' && t[0] != '|') break;
    if (is_table_border(t, tn)) {
      if (memchr(t, '=', (size_t)tn) && nrows) header_sep = nrows;
      cur = NULL;
      continue;
    }
    if (!cur) cur = row_add(&rows, &nrows, j);
    /* the cells between the column marks; a mark missing is a cell spanning */
    int c = 0;
    for (int k = 0; k + 1 < ncol; k++) {
      int from = colpos[k] + 1, to = colpos[k + 1];
      if (from > tn) break;
      if (to > tn) to = tn;
      while (k + 2 < ncol && colpos[k + 1] < tn && t[colpos[k + 1]] != '|' && t[colpos[k + 1]] != '+') {
        k++;
        to = colpos[k + 1] < tn ? colpos[k + 1] : tn;
      }
      /* a partial border ("| a  +----+"): the row goes on */
      int dashes = to > from;
      for (int q = from; q < to; q++) if (t[q] != '-' && t[q] != '=' && t[q] != '+') { dashes = 0; break; }
      if (!dashes) cell_text(cell_at(cur, c), t + from, to - from);
      c++;
    }
  }
  (void)header_sep;
  table_out(r, rows, nrows);
  rows_free(rows, nrows);
  return j;
}

/* "-----  -----": the underline of a column span in a simple table */
static int dash_runs(const char *s, int n) {
  while (n && s[n - 1] == ' ') n--;
  if (!n || s[0] != '-') return 0;
  for (int i = 0; i < n; i++) if (s[i] != '-' && s[i] != ' ') return 0;
  return 1;
}

static int simple_border_line(const char *s, int n) {
  int cc;
  return is_simple_border(s, n, &cc) || (n && s[0] == '=' && adornment(s, n, 1));
}

/* a simple table from line i (its top border): its end, or i when its
 * closing border (one followed by a blank line or the end) is not found */
static int simple_table(rst *r, const view *v, int i) {
  const char *s;
  int n;
  ln(r, v, i, &s, &n);
  while (n && s[n - 1] == ' ') n--;
  int end = -1;
  for (int j = i + 1; j < v->b && j < i + 20000; j++) {
    const char *t;
    int tn;
    if (ln(r, v, j, &t, &tn) < 0) continue;
    if (simple_border_line(t, tn) && (j + 1 >= v->b || blank(r, v, j + 1))) { end = j + 1; break; }
  }
  if (end < 0) return i;
  int from[MAX_COLS], ncol = 0;
  for (int k = 0; k < n && ncol < MAX_COLS;) {
    from[ncol++] = k;
    while (k < n && s[k] == '=') k++;
    while (k < n && s[k] == ' ') k++;
  }
  trow *rows = NULL;
  int nrows = 0;
  trow *cur = NULL;
  for (int j = i + 1; j < end; j++) {
    const char *t;
    int tn;
    int in = ln(r, v, j, &t, &tn);
    if (in < 0) { cur = NULL; continue; }
    if (simple_border_line(t, tn) || dash_runs(t, tn)) { cur = NULL; continue; }
    /* the line as written (its indentation is the table's columns) */
    const rline *l = &r->L[j];
    int off = v->base;
    if (off > l->ind) off = l->ind;
    t = l->s + off;
    tn = l->len - off;
    while (tn && (t[tn - 1] == ' ' || t[tn - 1] == '\r')) tn--;
    /* a row starts where its first column has text; else the row goes on */
    int first_blank = 1;
    for (int q = 0; q < (ncol > 1 ? from[1] : tn) && q < tn; q++) if (t[q] != ' ') { first_blank = 0; break; }
    if (!cur || !first_blank) cur = row_add(&rows, &nrows, j);
    for (int c = 0; c < ncol; c++) {
      int a = from[c], b = c + 1 < ncol ? from[c + 1] : tn;
      if (a >= tn) break;
      if (b > tn) b = tn;
      cell_text(cell_at(cur, c), t + a, b - a);
    }
  }
  table_out(r, rows, nrows);
  rows_free(rows, nrows);
  return end;
}

/* ---- directives ---------------------------------------------------------------------- */

typedef struct directive {
  char name[64];
  const char *arg;      /* the rest of its line */
  int argn;
  int i, end;           /* its line, the end of its block */
  int body;             /* the first line after its options */
  int base;             /* the body's indentation (absolute) */
} directive;

/* the value of option `opt` (":alt: text"), or NULL */
static char *option(const rst *r, const directive *dv, const char *opt) {
  size_t ol = strlen(opt);
  for (int k = dv->i + 1; k < dv->body && k < dv->end; k++) {
    const rline *l = &r->L[k];
    const char *s = l->s + l->ind;
    size_t n = (size_t)(l->len - l->ind);
    if (n > ol + 2 && s[0] == ':' && !strncmp(s + 1, opt, ol) && s[ol + 1] == ':') {
      const char *p = s + ol + 2;
      while (*p == ' ' && p < s + n) p++;
      char *v = malloc((size_t)(s + n - p) + 1);
      memcpy(v, p, (size_t)(s + n - p));
      v[s + n - p] = 0;
      return v;
    }
  }
  return NULL;
}

static void body_blocks(rst *r, const directive *dv, int depth) {
  if (dv->body < dv->end) nest(r, dv->body, dv->end, dv->base, NULL, 0, NULL, NULL, depth, dv->body);
}

/* the body is prose: sentences, not data or code */
static int prose_body(const rst *r, const directive *dv) {
  int words = 0, lines = 0, codey = 0;
  for (int k = dv->body; k < dv->end && lines < 50; k++) {
    const rline *l = &r->L[k];
    if (l->ind >= l->len) continue;
    lines++;
    const char *s = l->s + l->ind;
    int n = l->len - l->ind;
    if (strchr("$>#{}<[(", s[0]) || (n && strchr(";{}", s[n - 1]))) codey++;
    int w = 0, alpha = 0;
    for (int q = 0; q < n; q++) {
      if (isalpha((unsigned char)s[q]) || (unsigned char)s[q] >= 0x80) alpha++;
      if (s[q] == ' ' && q > 0 && s[q - 1] != ' ') w++;
    }
    if (alpha * 2 > n) words += w + 1;
  }
  return lines && words >= 4 && codey * 2 < lines;
}

static const char *alert_of(const char *name) {
  static const char *const a[][2] = { { "note", "NOTE" }, { "seealso", "NOTE" }, { "admonition", "NOTE" },
    { "tip", "TIP" }, { "hint", "TIP" }, { "important", "IMPORTANT" }, { "attention", "IMPORTANT" },
    { "warning", "WARNING" }, { "caution", "CAUTION" }, { "danger", "CAUTION" }, { "error", "CAUTION" },
    { "deprecated", "WARNING" } };
  for (size_t k = 0; k < sizeof a / sizeof *a; k++) if (!strcmp(name, a[k][0])) return a[k][1];
  return NULL;
}

static int is_one_of(const char *name, const char *const *list) {
  for (; *list; list++) if (!strcmp(name, *list)) return 1;
  return 0;
}

/* "(csv)": the fields of one line, quotes and doubled quotes read */
static void csv_row(trow *row, const char *s, int n, char delim) {
  int c = 0, k = 0;
  while (k <= n) {
    vgi_buf *cell = cell_at(row, c);
    while (k < n && s[k] == ' ') k++;
    if (k < n && s[k] == '"') {
      k++;
      while (k < n) {
        if (s[k] == '"' && k + 1 < n && s[k + 1] == '"') { vgi_buf_add(cell, "\"", 1); k += 2; continue; }
        if (s[k] == '"') { k++; break; }
        vgi_buf_add(cell, s + k, 1);
        k++;
      }
      while (k < n && s[k] != delim) k++;
    } else {
      int st = k;
      while (k < n && s[k] != delim) k++;
      int e = k;
      while (e > st && s[e - 1] == ' ') e--;
      vgi_buf_add(cell, s + st, (size_t)(e - st));
    }
    c++;
    if (k >= n || c >= MAX_COLS) break;
    k++;   /* the delimiter */
  }
}

static void csv_table(rst *r, const directive *dv) {
  trow *rows = NULL;
  int nrows = 0;
  char *hdr = option(r, dv, "header");
  char *fl = option(r, dv, "file");
  char *url = option(r, dv, "url");
  char *dl = option(r, dv, "delim");
  char delim = dl && dl[0] && strcmp(dl, "tab") ? dl[0] : dl ? '\t' : ',';
  if (dl && !strcmp(dl, "space")) delim = ' ';
  if (hdr) csv_row(row_add(&rows, &nrows, dv->i), hdr, (int)strlen(hdr), delim);
  if (!fl && !url)
    for (int k = dv->body; k < dv->end; k++) {
      const rline *l = &r->L[k];
      if (l->ind >= l->len) continue;
      csv_row(row_add(&rows, &nrows, k), l->s + l->ind, l->len - l->ind, delim);
    }
  table_out(r, rows, nrows);
  rows_free(rows, nrows);
  free(hdr);
  free(fl);
  free(url);
  free(dl);
}

/* list-table: a bullet list of rows, each a bullet list of cells */
static void list_table(rst *r, const directive *dv) {
  trow *rows = NULL;
  int nrows = 0;
  trow *cur = NULL;
  int row_col = -1, cell_col = -1, c = -1;
  for (int k = dv->body; k < dv->end; k++) {
    const rline *l = &r->L[k];
    if (l->ind >= l->len) continue;
    const char *s = l->s + l->ind;
    int n = l->len - l->ind, col = l->ind;
    int bw = bullet(s, n);
    if (bw && (row_col < 0 || col == row_col)) {
      row_col = col;
      cur = row_add(&rows, &nrows, k);
      c = -1;
      s += bw; n -= bw; col += bw;
      while (n && *s == ' ') { s++; n--; col++; }
      bw = bullet(s, n);
      if (!n) continue;
    }
    if (!cur) continue;
    if (bw && (cell_col < 0 || col == cell_col)) {
      cell_col = col;
      c++;
      s += bw; n -= bw;
    }
    if (c < 0) c = 0;
    cell_text(cell_at(cur, c), s, n);
  }
  table_out(r, rows, nrows);
  rows_free(rows, nrows);
}

/* Image paths a document names: its own pictures, never a remote badge. */
static void image(rst *r, const directive *dv) {
  if (r->scan) return;
  const char *u = dv->arg;
  int un = dv->argn;
  while (un && u[un - 1] == ' ') un--;
  int remote = 0;
  for (int k = 0; k + 2 < un; k++) if (u[k] == ':' && u[k + 1] == '/' && u[k + 2] == '/') remote = 1;
  if (!un || remote || (un > 5 && !strncmp(u, "data:", 5)) || (un > 2 && !strncmp(u, "//", 2))) return;
  char *alt = option(r, dv, "alt");
  vgi_buf o = {0};
  vgi_buf_add(&o, "![", 2);
  if (alt) put_esc(&o, alt, strlen(alt), 1);
  vgi_buf_add(&o, "](<", 3);
  for (int k = 0; k < un; k++) {
    if (u[k] == '<' || u[k] == '>' || u[k] == '\\') vgi_buf_add(&o, "\\", 1);
    vgi_buf_add(&o, u + k, 1);
  }
  vgi_buf_add(&o, ">)", 2);
  emit(r, dv->i, o.s, o.n);
  vgi_buf_free(&o);
  free(alt);
}

/* the end of a run of options: "+ 52 more options" after the ones a
 * summary showed, as the man page and AsciiDoc readers end theirs */
enum { OPTS_SUMMED = 8 };
static void opts_flush(rst *r) {
  if (r->opt_folded) {
    char num[16];
    snprintf(num, sizeof num, "%d", r->opt_folded);
    const char *arg = num;
    vgi_buf b = {0};
    vgi_buf_puts(&b, r->opt_pre);
    vgi_buf_puts(&b, "+ ");
    /* in the document's language: "12 weitere Optionen" in a German page */
    const char *lg = r->lang ? r->lang : "en";
    if (r->opt_folded == 1) vgi_buf_puts(&b, vgi_phrase(lg, "more_options_one"));
    else vgi_phrase_put(&b, lg, "more_options", &arg, 1);
    out_line(r, r->L[r->opt_src].no, b.s, b.n);
    vgi_buf_free(&b);
  }
  r->opt_shown = r->opt_folded = 0;
}

static void directive_block(rst *r, const view *v, directive *dv, int depth) {
  const char *name = dv->name;
  static const char *const nothing[] = { "toctree", "include", "literalinclude", "contents", "index", "raw",
    "meta", "sectnum", "section-numbering", "header", "footer", "target-notes", "class", "role", "default-role",
    "title", "highlight", "code-include", "automodule", "autoclass", "autofunction", "automethod", "autodata",
    "autoattribute", "autoexception", "autosummary", "autoproperty", "autodecorator", "currentmodule", "module",
    "program", "tabularcolumns", "math", "graphviz", "digraph", "graph", "mermaid", "plot", "program-output",
    "command-output", "todo", "todolist", "productionlist", "sidebar-links", "only-html", "ifconfig-html",
    "py:module", "py:currentmodule", "c:namespace", "cpp:namespace", "default-domain", "moduleauthor",
    "sectionauthor", "codeauthor", "spelling", "spelling:word-list", "autoprogram", "click", "argparse",
    "jinja", "django-admin", "doctest-skip", "testsetup", "testcleanup", "testoutput", "tab-set-code",
    "image-sg", "thumbnail", "youtube", "vimeo", "raw-html", "unicode", "date", "replace", NULL };
  static const char *const bodies[] = { "only", "ifconfig", "container", "compound", "sidebar", "tab", "tabs",
    "group-tab", "code-tab", "tab-set", "tab-item", "dropdown", "card", "grid", "grid-item", "grid-item-card",
    "hlist", "glossary", "centered", "cssclass", "rst-class", "div", "details", "collapse", "testcode",
    "line-block", "highlights", "epigraph", "pull-quote", "doctest", NULL };
  static const char *const codes[] = { "code-block", "code", "sourcecode", "parsed-literal", "prompt",
    "ipython", "jupyter-execute", "console", NULL };
  static const char *const api[] = { "function", "class", "method", "attribute", "data", "exception",
    "decorator", "decoratormethod", "classmethod", "staticmethod", "property", "option", "envvar",
    "describe", "object", "confval", "cmdoption", "type", "macro", "member", "var", "struct", "enum", NULL };
  int colon = strchr(name, ':') != NULL;
  const char *alert = alert_of(name);
  if (is_one_of(name, nothing) && !colon) return;
  if (alert) {
    int has_body = dv->body < dv->end;
    int arg_text = dv->argn > 0;
    vgi_buf lead = {0};
    vgi_buf_printf(&lead, "[!%s] ", alert);
    const char *title = NULL;
    if (!strcmp(name, "admonition") && arg_text) title = "";
    if (!strcmp(name, "deprecated")) {
      vgi_buf_puts(&lead, "*Deprecated since version ");
      put_esc(&lead, dv->arg, (size_t)dv->argn, 1);
      vgi_buf_puts(&lead, ".*");
      arg_text = 0;
    } else if (title) {
      /* "Compatibility note: This package …", as the title reads above its text */
      vgi_buf_puts(&lead, "**");
      put_esc(&lead, dv->arg, (size_t)dv->argn, 1);
      if (!strchr(".:!?", dv->arg[dv->argn - 1])) vgi_buf_puts(&lead, ":");
      vgi_buf_puts(&lead, "**");
      arg_text = 0;
    }
    if (!has_body && !arg_text && !title && strcmp(name, "deprecated")) { vgi_buf_free(&lead); return; }
    fill(r, r->L[dv->i].no);
    size_t keep = push_pre(r, "> ");
    if (arg_text) {
      /* ".. note:: Text": the text opens the callout, on the directive's line */
      r->lead = lead.s;
      int base = dv->body < dv->end ? dv->base : r->L[dv->i].ind + 3;
      nest(r, dv->i, dv->end, base, dv->arg, dv->argn, NULL, NULL, depth, dv->i);
      r->lead = NULL;
    } else {
      while (lead.n && lead.s[lead.n - 1] == ' ') lead.s[--lead.n] = 0;
      emit(r, dv->i, lead.s, lead.n);
      body_blocks(r, dv, depth);
    }
    pop_pre(r, keep);
    vgi_buf_free(&lead);
    return;
  }
  if (is_one_of(name, codes) || !strcmp(name, "code-cell")) {
    char lang[64] = "";
    int k = 0;
    while (k < dv->argn && k < 63 && dv->arg[k] != ' ') { lang[k] = dv->arg[k]; k++; }
    lang[k] = 0;
    if (!strcmp(name, "prompt") || !strcmp(name, "console")) snprintf(lang, sizeof lang, "console");
    if (!strcmp(name, "ipython")) snprintf(lang, sizeof lang, "ipython");
    code(r, v, dv->body, dv->end, lang, dv->i);
    return;
  }
  if (!strcmp(name, "image")) { image(r, dv); return; }
  if (!strcmp(name, "figure")) {
    image(r, dv);
    body_blocks(r, dv, depth);
    return;
  }
  if (!strcmp(name, "list-table")) { list_table(r, dv); return; }
  if (!strcmp(name, "csv-table")) { csv_table(r, dv); return; }
  if (!strcmp(name, "table")) { body_blocks(r, dv, depth); return; }
  if (!strcmp(name, "rubric") || !strcmp(name, "topic") || !strcmp(name, "sidebar")) {
    if (dv->argn) {
      vgi_buf o = {0};
      vgi_buf_puts(&o, "**");
      inl(r, &o, dv->arg, (size_t)dv->argn, 0);
      vgi_buf_puts(&o, "**");
      emit(r, dv->i, o.s, o.n);
      vgi_buf_free(&o);
    }
    body_blocks(r, dv, depth);
    return;
  }
  if (!strcmp(name, "versionadded") || !strcmp(name, "versionchanged") || !strcmp(name, "versionremoved")) {
    /* a summary says what the thing is, not its history: the version
     * note and what it holds go ("New in version 2.3: …" was the welcome's
     * sentence); --detail full keeps them */
    if (!r->full) return;
    vgi_buf o = {0};
    int k = 0;
    while (k < dv->argn && dv->arg[k] != ' ') k++;
    vgi_buf_puts(&o, name[7] == 'a' ? "*New in version " : name[7] == 'c' ? "*Changed in version " : "*Removed in version ");
    put_esc(&o, dv->arg, (size_t)k, 1);
    vgi_buf_puts(&o, dv->body < dv->end || k < dv->argn ? ":*" : ".*");
    if (k < dv->argn) {
      vgi_buf_puts(&o, " ");
      inl(r, &o, dv->arg + k + 1, (size_t)(dv->argn - k - 1), 0);
    }
    emit(r, dv->i, o.s, o.n);
    vgi_buf_free(&o);
    body_blocks(r, dv, depth);
    return;
  }
  if (!strcmp(name, "epigraph") || !strcmp(name, "highlights") || !strcmp(name, "pull-quote")) {
    if (dv->body < dv->end) fill(r, r->L[dv->body].no);
    size_t keep = push_pre(r, "> ");
    body_blocks(r, dv, depth);
    pop_pre(r, keep);
    return;
  }
  if (is_one_of(name, bodies)) {
    if (!strcmp(name, "doctest")) { code(r, v, dv->body, dv->end, "python", dv->i); return; }
    if (!strcmp(name, "testcode")) { code(r, v, dv->body, dv->end, "python", dv->i); return; }
    body_blocks(r, dv, depth);
    return;
  }
  /* an object of an API ("py:function:: run(path)", "option:: --all"): its
   * signature names what its body says */
  const char *base_name = colon ? strrchr(name, ':') + 1 : name;
  if (dv->argn && (!strcmp(base_name, "option") || !strcmp(base_name, "cmdoption"))) {
    /* a command-line option ("option:: -C <cfg>, --build-config <cfg>") is
     * an item of the options list its neighbours make, as an option list
     * is: "+ **`-C <cfg>`, `--build-config <cfg>`**: " and its body (each
     * option a sub-heading of its own made ctest(1) 110 scenes) */
    if (!r->full && !r->scan && (r->opt_folded || r->opt_shown >= OPTS_SUMMED)) {
      r->opt_folded++;
      skip_to(r, dv->end - 1);
      return;
    }
    vgi_buf m = {0};
    vgi_buf_puts(&m, "+ **");
    for (int k = 0; k < dv->argn;) {
      int e = k;
      while (e < dv->argn && !(dv->arg[e] == ',' && e + 1 < dv->argn && dv->arg[e + 1] == ' ')) e++;
      int f = e;
      while (f > k && dv->arg[f - 1] == ' ') f--;
      if (k) vgi_buf_puts(&m, ", ");
      put_code(&m, dv->arg + k, (size_t)(f - k));
      k = e + 1;
      while (k < dv->argn && dv->arg[k] == ' ') k++;
    }
    vgi_buf_puts(&m, "**: ");
    char *mk = vgi_buf_take(&m);
    int at = dv->body > dv->i + 1 ? dv->body - 1 : dv->i;
    if (!r->full && !r->scan) {
      if (!r->opt_shown) snprintf(r->opt_pre, sizeof r->opt_pre, "%.*s", (int)r->pre.n, r->pre.s ? r->pre.s : "");
      r->opt_shown++;
      r->opt_src = dv->i;
      r->in_opt = 1;
    }
    if (r->full || r->scan) {
      item(r, v, at, dv->end, dv->base, "", 0, mk, depth);
    } else {
      /* a summary: what the option does, in its first sentence, on its
       * line, as the man page reader sums an option up */
      vgi_buf para = {0}, o = {0};
      /* its first paragraph at the body's margin: a directive there
       * (".. versionadded:: 3.24") and what it holds are no sentence */
      int k = dv->body;
      while (k < dv->end && (r->L[k].ind >= r->L[k].len || r->L[k].ind > dv->base ||
                             (r->L[k].len - r->L[k].ind >= 2 && !strncmp(r->L[k].s + r->L[k].ind, "..", 2))))
        k++;
      for (; k < dv->end && r->L[k].ind < r->L[k].len && r->L[k].ind == dv->base; k++) {
        if (para.n) vgi_buf_add(&para, " ", 1);
        vgi_buf_add(&para, r->L[k].s + r->L[k].ind, (size_t)(r->L[k].len - r->L[k].ind));
      }
      vgi_buf_puts(&o, mk);
      size_t head = o.n;
      /* a paragraph (a line ending "::" opens a literal block: no sentence) */
      if (para.n && !(para.n >= 2 && para.s[para.n - 1] == ':' && para.s[para.n - 2] == ':')) {
        inl(r, &o, para.s, para.n, 0);
        vgi_buf_add(&o, "", 1);
        o.n--;
        size_t one = vgi_first_sentence(o.s + head);
        if (one && head + one < o.n) o.n = head + one;
      }
      while (o.n && o.s[o.n - 1] == ' ') o.n--;
      emit(r, dv->i, o.s, o.n);
      skip_to(r, dv->end - 1);
      vgi_buf_free(&para);
      vgi_buf_free(&o);
    }
    r->in_opt = 0;
    free(mk);
    return;
  }
  if (dv->argn && (is_one_of(base_name, api) || (colon && !is_one_of(base_name, nothing)))) {
    vgi_buf o = {0};
    vgi_buf_puts(&o, "**");
    put_code(&o, dv->arg, (size_t)dv->argn);
    vgi_buf_puts(&o, "**");
    emit(r, dv->i, o.s, o.n);
    vgi_buf_free(&o);
    body_blocks(r, dv, depth);
    return;
  }
  if (colon) return;
  /* any other: its body when it is prose */
  if (prose_body(r, dv)) body_blocks(r, dv, depth);
}

/* the field list items of lines [i, end): Sphinx's info fields read as
 * what they say ("`path` (str): …"); :type: and :rtype: fields go */
static void field_item(rst *r, const view *v, int i, int end, const char *s, int fm, int n, int depth) {
  const char *name = s + 1;
  int nl = fm - 2;
  const char *body = s + fm;
  int bn = n - fm;
  while (bn && *body == ' ') { body++; bn--; }
  vgi_buf m = {0};
  const char *sp = memchr(name, ' ', (size_t)nl);
  size_t w0 = sp ? (size_t)(sp - name) : (size_t)nl;
  static const char *const param[] = { "param", "parameter", "arg", "argument", "key", "keyword", "kwarg", "kwparam", NULL };
  static const char *const drop[] = { "type", "rtype", "vartype", "meta", "nocookie", NULL };
  char w[32];
  snprintf(w, sizeof w, "%.*s", (int)(w0 < 31 ? w0 : 31), name);
  for (char *q = w; *q; q++) *q = (char)tolower((unsigned char)*q);
  if (is_one_of(w, drop)) return;
  if (is_one_of(w, param) && sp) {
    /* ":param str path:": name last, its type before it */
    const char *last = name + nl;
    const char *ls = last;
    while (ls > sp + 1 && ls[-1] != ' ') ls--;
    vgi_buf_puts(&m, "+ `");
    vgi_buf_add(&m, ls, (size_t)(last - ls));
    vgi_buf_puts(&m, "`");
    if (ls - 1 > sp + 1) {
      vgi_buf_puts(&m, " (");
      put_esc(&m, sp + 1, (size_t)(ls - 1 - (sp + 1)), 1);
      vgi_buf_puts(&m, ")");
    }
    vgi_buf_puts(&m, ": ");
  } else if (nl > 4 && !strncmp(name, "``", 2) && !strncmp(name + nl - 2, "``", 2)) {
    /* ":``--fast``:": the name is code, shown as code */
    vgi_buf_puts(&m, "+ `");
    vgi_buf_add(&m, name + 2, (size_t)nl - 4);
    vgi_buf_puts(&m, "`: ");
  } else {
    vgi_buf_puts(&m, "+ **");
    if (!strcmp(w, "returns") || !strcmp(w, "return")) vgi_buf_puts(&m, "Returns");
    else if ((!strcmp(w, "raises") || !strcmp(w, "raise") || !strcmp(w, "except") || !strcmp(w, "exception")) && sp) {
      vgi_buf_puts(&m, "Raises ");
      put_esc(&m, sp + 1, (size_t)(name + nl - sp - 1), 1);
    } else put_esc(&m, name, (size_t)nl, 1);
    vgi_buf_puts(&m, "**: ");
  }
  /* the marker is a literal prefix of the item's first line, its own
   * (already Markdown) text, so it is written as the item's marker */
  char *mk = vgi_buf_take(&m);
  int col_text = r->L[i].ind + (int)(body - s);
  if (i == v->a && v->ov) col_text = v->base + (int)(body - s);
  /* the marker line: "- " then the term; the body under it */
  item(r, v, i, end, col_text, body, bn, mk, depth);
  free(mk);
}

/* the width an item's marker takes in Markdown's list: two columns */
static void blocks(rst *r, view v, int depth) {
  int para_dcolon = 0;   /* the paragraph before ended with "::" */
  int para_ind = 0;
  for (int i = v.a; i < v.b && !r->failed;) {
    const char *s;
    int n;
    int in = ln(r, &v, i, &s, &n);
    if (in < 0) { i++; continue; }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r')) n--;
    /* a literal block after "::" */
    if (para_dcolon) {
      para_dcolon = 0;
      if (in > para_ind) {
        int end = block_end(r, &v, i - 1, para_ind);
        if (end < i + 1) end = i + 1;
        code(r, &v, i, end, "", -1);
        i = end;
        continue;
      }
      if (adorn_char(s[0])) {   /* quoted: each line starting with the same mark */
        int j = i;
        while (j < v.b) {
          const char *t;
          int tn;
          if (ln(r, &v, j, &t, &tn) != 0 || t[0] != s[0]) break;
          j++;
        }
        code(r, &v, i, j, "", -1);
        i = j;
        continue;
      }
    }
    if (in > 0) {
      /* an indented block: a quote */
      int end = block_end(r, &v, i, 0);
      int base = v.base + in;
      for (int k = i; k < end; k++) {
        int kin = indent_of(r, &v, k);
        if (kin >= 0 && v.base + kin < base) base = v.base + kin;
      }
      if (r->scan) { i = end; continue; }
      nest(r, i, end, base, NULL, 0, NULL, "> ", depth, i);
      i = end;
      continue;
    }
    /* sections and transitions */
    int ti, span, over;
    char ch;
    if (title_at(r, &v, i, &ti, &span, &ch, &over)) {
      int st = style_of(r, ch, over);
      if (r->scan) {
        note_elem(r, E_TITLE, i, st);
        r->style_used[st]++;
      } else {
        const char *t;
        int tn;
        ln(r, &v, ti, &t, &tn);
        while (tn && t[tn - 1] == ' ') tn--;
        if (i == r->subtitle_line) {
          paragraph(r, &v, ti, ti + 1, NULL);
        } else {
          int level = i == r->title_line ? 1 : st + 1 - r->shift;
          if (level < 1) level = 1;
          if (level > 6) level = 6;
          vgi_buf o = {0};
          for (int k = 0; k < level; k++) vgi_buf_add(&o, "#", 1);
          vgi_buf_add(&o, " ", 1);
          inl(r, &o, t, (size_t)tn, 0);
          for (size_t q = 0; q < o.n; q++) if (o.s[q] == '\n') o.s[q] = ' ';
          emit(r, ti, o.s, o.n);
          vgi_buf_free(&o);
        }
      }
      i += span;
      continue;
    }
    if (adornment(s, n, 4) && (i + 1 >= v.b || blank(r, &v, i + 1))) { i++; continue; }   /* a transition */
    /* explicit markup: directives, comments, targets, footnotes */
    if (n >= 2 && s[0] == '.' && s[1] == '.' && (n == 2 || s[2] == ' ')) {
      int end = block_end(r, &v, i, 0);
      const char *p = s + 2;
      while (p < s + n && *p == ' ') p++;
      int pn = (int)(s + n - p);
      /* "name::" */
      int k = 0;
      while (k < pn && (isalnum((unsigned char)p[k]) || strchr("-_.:+", p[k])) && !(p[k] == ':' && k + 1 < pn && p[k + 1] == ':')) k++;
      int sp = k > 0 && k + 2 < pn && p[k] == ' ' && p[k + 1] == ':' && p[k + 2] == ':';   /* ".. warning ::" */
      if (k > 0 && k + 1 < pn && ((p[k] == ':' && p[k + 1] == ':') || sp) && p[0] != '_' && p[0] != '|' && p[0] != '[') {
        directive dv = {0};
        snprintf(dv.name, sizeof dv.name, "%.*s", k < 63 ? k : 63, p);
        for (char *q = dv.name; *q; q++) *q = (char)tolower((unsigned char)*q);
        dv.arg = p + k + 2 + sp;
        dv.argn = pn - k - 2 - sp;
        while (dv.argn && *dv.arg == ' ') { dv.arg++; dv.argn--; }
        dv.i = i;
        dv.end = end;
        /* options: ":name: value" lines right under the directive (and lines
         * indented under an option) */
        int b = i + 1;
        int opt_ind = -1;
        while (b < end) {
          const rline *l = &r->L[b];
          if (l->ind >= l->len) break;
          const char *q = l->s + l->ind;
          if (field_marker(q, l->len - l->ind) || (q[0] == ':' && l->len - l->ind > 2 && memchr(q + 1, ':', (size_t)(l->len - l->ind - 1)))) { opt_ind = l->ind; b++; continue; }
          if (opt_ind >= 0 && l->ind > opt_ind) { b++; continue; }
          break;
        }
        dv.body = b;
        while (dv.body < end && r->L[dv.body].ind >= r->L[dv.body].len) dv.body++;
        dv.base = min_ind(r, dv.body, end);
        if (dv.base <= v.base) dv.base = v.base + 1;
        if (r->scan) {
          if (v.top && !is_one_of(dv.name, (const char *const[]){ "highlight", "meta", "title",
                                                                  "default-role", "role", NULL }))
            note_elem(r, E_BODY, i, 0);
        } else {
          directive_block(r, &v, &dv, depth);
        }
        i = end;
        continue;
      }
      /* targets, substitution definitions, footnotes, comments: nothing */
      i = end;
      continue;
    }
    if (n >= 3 && !strncmp(s, "__ ", 3)) { i = block_end(r, &v, i, 0); continue; }
    /* anything else at the top is part of the body (for the title's rule) */
    if (r->scan && v.top) note_elem(r, field_marker(s, n) ? E_FIELDS : E_BODY, i, 0);
    /* bibliographic fields under the title: never said */
    if (v.top && i == r->docinfo_line && field_marker(s, n)) {
      int j = i;
      while (j < v.b) {
        const char *t;
        int tn;
        int tin = ln(r, &v, j, &t, &tn);
        if (tin < 0) { j++; continue; }
        if (tin == 0 && !field_marker(t, tn)) break;
        j++;
      }
      i = j;
      continue;
    }
    if (r->scan) {
      /* the first pass only needs where top-level blocks start: skip this one */
      int j = i + 1;
      while (j < v.b && !blank(r, &v, j) && indent_of(r, &v, j) == 0) {
        int a, b2, c2; char d2;
        if (title_at(r, &v, j, &a, &b2, &d2, &c2)) break;
        j++;
      }
      const char *t; int tn;
      ln(r, &v, j - 1, &t, &tn);
      while (tn && t[tn - 1] == ' ') tn--;
      if (tn >= 2 && !strncmp(t + tn - 2, "::", 2)) { para_dcolon = 1; para_ind = 0; }
      i = j;
      continue;
    }
    int bw, num = 0, fm, desc;
    /* bullet list items */
    if ((bw = bullet(s, n))) {
      int end = block_end(r, &v, i, 0);
      char mk[4] = "- ";
      int col = (i == v.a && v.ov ? v.base : r->L[i].ind) + bw;
      item(r, &v, i, end, col, s + bw, n - bw, mk, depth);
      i = end;
      continue;
    }
    /* enumerated list items */
    int ew = enumerator(s, n, &num);
    if (ew) {
      int ok = 1;
      if (i + 1 < v.b && !blank(r, &v, i + 1) && indent_of(r, &v, i + 1) == 0) {
        const char *t;
        int tn, nn;
        ln(r, &v, i + 1, &t, &tn);
        ok = enumerator(t, tn, &nn) > 0;
      }
      if (ok) {
        int end = block_end(r, &v, i, 0);
        char mk[16];
        snprintf(mk, sizeof mk, "%d. ", num > 0 ? num : 1);
        int col = (i == v.a && v.ov ? v.base : r->L[i].ind) + ew;
        item(r, &v, i, end, col, s + ew, n - ew, mk, depth);
        i = end;
        continue;
      }
    }
    /* field lists */
    if ((fm = field_marker(s, n))) {
      int end = block_end(r, &v, i, 0);
      field_item(r, &v, i, end, s, fm, n, depth);
      i = end;
      continue;
    }
    /* option lists */
    int om = option_marker(s, n, &desc);
    if (om && (desc < n || (i + 1 < v.b && indent_of(r, &v, i + 1) > 0))) {
      int end = block_end(r, &v, i, 0);
      vgi_buf m = {0};
      vgi_buf_puts(&m, "+ **");
      put_code(&m, s, (size_t)om);
      vgi_buf_puts(&m, "**: ");
      char *mk = vgi_buf_take(&m);
      int col = (i == v.a && v.ov ? v.base : r->L[i].ind) + desc;
      item(r, &v, i, end, col, s + desc, n - desc, mk, depth);
      free(mk);
      i = end;
      continue;
    }
    /* tables */
    int cols;
    if (is_table_border(s, n)) { i = grid_table(r, &v, i); continue; }
    if (is_simple_border(s, n, &cols)) {
      int e = simple_table(r, &v, i);
      if (e > i) { i = e; continue; }
    }
    /* doctest blocks */
    if (n >= 3 && !strncmp(s, ">>>", 3) && (n == 3 || s[3] == ' ')) {
      int j = i + 1;
      while (j < v.b && !blank(r, &v, j)) j++;
      code(r, &v, i, j, "python", -1);
      i = j;
      continue;
    }
    /* line blocks: each line its own */
    if (s[0] == '|' && (n == 1 || s[1] == ' ')) {
      int j = i;
      while (j < v.b && !blank(r, &v, j)) {
        const char *t;
        int tn;
        int tin = ln(r, &v, j, &t, &tn);
        if (tin == 0 && t[0] == '|' && (tn == 1 || t[1] == ' ')) {
          view one = v;
          one.a = j;
          one.ov = t + (tn > 1 ? 2 : 1);
          one.ovlen = tn > 1 ? tn - 2 : 0;
          if (one.ovlen) paragraph(r, &one, j, j + 1, NULL);
        } else if (tin > 0) {
          paragraph(r, &v, j, j + 1, NULL);
        }
        j++;
      }
      i = j;
      continue;
    }
    /* a paragraph, or a definition list item (a term, its definition
     * indented under it) */
    int j = i + 1;
    while (j < v.b && !blank(r, &v, j) && indent_of(r, &v, j) == 0) {
      int a, b2, c2; char d2;
      if (v.top && title_at(r, &v, j, &a, &b2, &d2, &c2)) break;
      j++;
    }
    if (j == i + 1 && j < v.b && indent_of(r, &v, j) > 0 && !(n >= 2 && !strncmp(s + n - 2, "::", 2))) {
      int end = block_end(r, &v, i, 0);
      /* "+ ": a list of its own, never joined to a bullet list before it */
      vgi_buf m = {0};
      /* (the first line of a bullet's item, "* iterable : iterable" with
       * its definition under it, is that item's term, not a list in it) */
      vgi_buf_puts(&m, r->pending ? "**" : "+ **");
      const char *cls = NULL;
      for (int q = 0; q + 2 < n; q++) if (s[q] == ' ' && s[q + 1] == ':' && s[q + 2] == ' ') { cls = s + q; break; }
      /* (the term without the spaces before its classifier: "iterable  :
       * iterable, optional" is "**iterable**", never "**iterable **") */
      size_t tl = (size_t)(cls ? cls - s : n);
      while (tl && s[tl - 1] == ' ') tl--;
      vgi_buf t = {0};
      inl(r, &t, s, tl, 0);
      vgi_buf_add(&m, t.s ? t.s : "", t.n);
      vgi_buf_free(&t);
      vgi_buf_puts(&m, "**:");
      char *term = vgi_buf_take(&m);
      emits(r, i, term);
      free(term);
      int base = min_ind(r, i + 1, end);
      nest(r, i + 1, end, base, NULL, 0, NULL, "  ", depth, i + 1);
      i = end;
      continue;
    }
    paragraph(r, &v, i, j, NULL);
    {
      const char *t;
      int tn;
      ln(r, &v, j - 1, &t, &tn);
      while (tn && (t[tn - 1] == ' ' || t[tn - 1] == '\r')) tn--;
      if (tn >= 2 && !strncmp(t + tn - 2, "::", 2)) { para_dcolon = 1; para_ind = 0; }
    }
    i = j;
  }
}

/* ---- the document ---------------------------------------------------------------------- */

char *vgi_rst_markdown(const char *text, size_t len, const char *file, const vgi_options *opts,
                       vgi_diags *d, int **map, int *nmap, size_t *out_len) {
  rst r = { .file = file, .d = d, .max_depth = vgi_limits(opts)->max_markdown_depth, .next_src = 1 };
  r.budget = len * 2 + (1u << 20);
  r.full = opts && opts->detail == VGI_DETAIL_FULL;
  if (opts && opts->language && vgi_lang_tag_ok(opts->language)) r.lang = opts->language;
  else {
    /* (a bounded sample: detection reads its text's words) */
    size_t sn = len < 65536 ? len : 65536;
    while (sn < len && sn && ((unsigned char)text[sn] & 0xC0) == 0x80) sn--;   /* a whole character last */
    char *sample = malloc(sn + 1);
    if (sample) {
      memcpy(sample, text, sn);
      sample[sn] = 0;
      r.lang = vgi_detect_language(sample);
      free(sample);
    }
  }
  r.title_line = r.subtitle_line = r.docinfo_line = -1;
  if (!vgi_split_lines(text, len, 0, &r.text, &r.L, &r.n)) {
    free(r.text);
    free(r.L);
    vgi_diag_add(d, VGI_ERROR, file, 0, 0, NULL, "out of memory");
    return NULL;
  }
  collect(&r);
  view top = { 0, r.n, 0, NULL, 0, 1 };
  /* the first pass: the sections' styles, and what comes first */
  r.scan = 1;
  blocks(&r, top, 0);
  r.scan = 0;
  if (!r.failed) {
    /* a lone section at the top is the document's title, a lone section
     * right under it its subtitle (docutils' DocTitle) */
    int k = 0;
    int ne = r.nelem < 3 ? r.nelem : 3;
    if (ne > 0 && r.ek[0] == E_TITLE && r.es[0] == 0 && r.style_used[0] == 1) {
      r.title_line = r.el[k++];
      if (ne > 1 && r.ek[1] == E_TITLE && r.es[1] == 1 && r.style_used[1] == 1) {
        r.subtitle_line = r.el[k++];
        r.shift = 1;
      }
    }
    /* the field list that opens the document (after its titles) */
    if (k < ne && r.ek[k] == E_FIELDS) r.docinfo_line = r.el[k];
    r.nstyle = 0;
    r.anon_i = 0;
    blocks(&r, top, 0);
    if (r.opt_shown || r.opt_folded) opts_flush(&r);
    fill(&r, r.n + 1);
  }
  for (int i = 0; i < r.ntg; i++) { free(r.tg[i].name); free(r.tg[i].url); }
  for (int i = 0; i < r.nsub; i++) { free(r.sub[i].name); free(r.sub[i].url); }
  for (int i = 0; i < r.nanon; i++) free(r.anon[i]);
  free(r.tg);
  free(r.sub);
  free(r.anon);
  free(r.pending);
  vgi_buf_free(&r.pre);
  free(r.text);
  free(r.L);
  if (r.failed) {
    vgi_buf_free(&r.out);
    free(r.map);
    return NULL;
  }
  *map = r.map;
  *nmap = r.nmap;
  *out_len = r.out.n;
  return vgi_buf_take(&r.out);
}

cJSON *vgi_rst_load(const char *text, size_t len, const char *file, const vgi_options *opts,
                    vgi_posmap *pm, vgi_diags *d) {
  int *map = NULL, nmap = 0;
  size_t mlen = 0;
  char *md = vgi_rst_markdown(text, len, file, opts, d, &map, &nmap, &mlen);
  return vgi_markdown_load_mapped(md, mlen, file, opts, pm, d, map, nmap);
}

/* Whether a document its name does not type (README, NEWS, a .txt) is
 * reStructuredText: an explicit markup line (".. _dbus-python: http://…",
 * ".. code-block:: sh", ".. note::") and one more mark only reST writes
 * (``literal``, `text`_, a line of "::" before an indented block, another
 * explicit markup line). python3-dbus's README, read as plain text, said
 * its title's rule of "=" and "dot dot". Looked for in the first 64 KiB. */
int vgi_is_rst(const char *text, size_t len) {
  if (len > 65536) len = 65536;
  int explicit = 0, other = 0;
  for (size_t i = 0; i < len;) {
    const char *e = memchr(text + i, '\n', len - i);
    size_t end = e ? (size_t)(e - text) : len, l = end - i;
    const char *ln = text + i;
    if (l >= 4 && ln[0] == '.' && ln[1] == '.' && ln[2] == ' ') {
      const char *q = ln + 3;
      size_t r = l - 3;
      /* ".. _target: url", ".. |sub| image::", ".. name::" */
      int target = r >= 2 && q[0] == '_' && memchr(q, ':', r);
      int directive = 0;
      for (size_t k = 0; k + 1 < r && !directive; k++) {
        if (!(isalnum((unsigned char)q[k]) || q[k] == '-' || q[k] == '|' || q[k] == ' ' || q[k] == ':')) break;
        directive = q[k] == ':' && q[k + 1] == ':' && k > 0;
      }
      if (target || directive) explicit++;
    }
    if (l >= 2 && ln[l - 1] == ':' && ln[l - 2] == ':' && (l == 2 || ln[l - 3] == ' ' || isalnum((unsigned char)ln[l - 3])))
      other++;
    for (size_t k = 0; k + 4 < l; k++) {
      if (ln[k] == '`' && ln[k + 1] == '`' && ln[k + 2] != '`' && ln[k + 2] != ' ') {
        const char *c = memchr(ln + k + 2, '`', l - k - 2);
        if (c && c + 1 < ln + l && c[1] == '`') { other++; break; }
      }
      if (ln[k] == '`' && ln[k + 1] == '_' && k > 0 && ln[k - 1] != '`') { other++; break; }
    }
    i = end + 1;
  }
  return explicit >= 1 && explicit + other >= 2;
}
