/* asciidoc.c: AsciiDoc (README.adoc, Asciidoctor documentation), read as the
 * Markdown it stands for and handed to the Markdown adapter, as rst.c does
 * for reStructuredText: one set of rules makes the scenes of every format.
 *
 * Each line of the .adoc file becomes at most one line of Markdown, and a map
 * of every Markdown line to its .adoc line puts the model's source lines and
 * every diagnostic back on the file.
 *   - the preprocessor first: attribute entries (":name: value"; "{name}"
 *     has the value in force where it is used, the title the header's),
 *     ifdef/ifndef/ifeval (its test evaluated)/endif, comments, include::
 *     (the file's lines in place, asciidoc_include.c says which files; each
 *     included line keeps its file and line through a line number past the
 *     document's, see `virt`), leveloffset;
 *   - "= Title" is the document's title (its author and revision lines are
 *     not said), "== Section" to "======" (and Markdown's "#") headings;
 *   - lists ("*", "-", ".", "1."; nested by their marker's length), labelled
 *     lists ("term:: text") as "**term**: text" items, "+" continuations;
 *     git's manual pages as a man page shows them: an option's forms one
 *     term, a summary's options its first eight ("N more options"), a
 *     synopsis code;
 *   - listing, literal and fenced blocks are fenced code (the language from
 *     [source,LANG]), callout marks ("<1>") dropped; tables (|=== and CSV)
 *     pipe tables, a two-column table without a header a labelled list;
 *   - admonitions (NOTE: and [NOTE] blocks) GitHub alerts, which the adapter
 *     reads as callouts; quote blocks quotes; example, sidebar and open
 *     blocks their content; passthrough blocks their HTML;
 *   - inline: bold, italic and monospace in Markdown's marks, URL and link:
 *     macros links, image: macros images (a linked image in a title is a
 *     badge), cross references their text or the section they name,
 *     footnotes, anchors, icons and index terms nothing, kbd:/btn:/menu: their
 *     words, any other macro its text, (C) (R) (TM) -- ... their characters.
 * Work is linear in the document; attribute values are expanded to a
 * bounded size, so references to references cannot grow without end. */
#define _GNU_SOURCE 1   /* memmem */
#include "input_private.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_ATTRS 512      /* attribute entries kept (later ones are read as text) */
#define MAX_SECTIONS 2048  /* section titles kept for cross references */
#define MAX_COLS 256       /* table columns read (the adapter shows 64) */
#define MAX_LEVEL 16       /* list and block nesting */
/* VALUE_MARK: around a value put into a line of text, so the inline reader
 * sees a value as Asciidoctor does (it reads quotes before attributes: in
 * "`code`{note}" the quote closes before the value); out_line drops it */
#define VALUE_MARK '\x1f'


typedef struct attr { char *name, *value; } attr;

/* what the preprocessor made of a line */
enum { K_TEXT = 0, K_GONE = 'x', K_VERB = 'v' /* inside a listing, literal or passthrough block */ };

static char *dupn(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (!d) abort();
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

typedef struct adoc {
  vgi_line *L;
  int n;
  int *w0;                 /* each line's width as written, before its attributes */
  char *text;
  const char *file;
  vgi_diags *d;
  vgi_buf out;
  int *map, nmap, capmap;
  attr attrs[MAX_ATTRS];
  int nattrs;
  size_t budget;           /* bytes attribute references may still add */
  int at;                  /* the line the preprocessor is on (for the budget's warning) */
  int spent;               /* a reference was left as written: the budget is spent (said once) */
  struct { char *id, *title; } sec[MAX_SECTIONS];
  int nsec;
  /* include:: -- the files read, and where each line past the document's
   * own came from: line number virt_base + k is line virt[k].no of file
   * inc.f[virt[k].file] */
  vgi_adoc_includes inc;
  struct { int file, no; } *virt;
  int nvirt, capvirt, virt_base;
  int leveloffset;         /* added to a section title's level (:leveloffset:) */
  const vg_limits *lim;
  char **owned;            /* lines rewritten with their attribute values */
  int nowned, capowned;
  /* the block attributes and title waiting for the next block */
  char style[32], lang[32], cite[256];
  int header_opt, noheader_opt, ncols;
  char sep;                /* a table's separator: '|' or ',' (CSV) */
  int full;                /* every sentence wanted (--detail full), not a summary */
  char section[64];        /* the title of the section being read, as written */
  char purpose[256];       /* what the command is for (a manual page's NAME line) */
  char man_name[128];      /* a manual page's name ("git-am" of "git-am(1)" with a NAME section), else "" */
  int man_skip;            /* the section being read is left out (NAME; SYNOPSIS, back matter in a summary) */
  int compat;              /* older AsciiDoc's marks ('emphasis'): a two-line title or :compat-mode: */
} adoc;

/* ---- output ------------------------------------------------------------------ */

static void out_line(adoc *a, int src, const char *s, size_t n) {
  if (!memchr(s, VALUE_MARK, n)) { vgi_mapped_line(&a->out, &a->map, &a->nmap, &a->capmap, src, s, n); return; }
  vgi_buf b = {0};
  for (size_t i = 0; i < n; i++) if (s[i] != VALUE_MARK) vgi_buf_add(&b, s + i, 1);
  vgi_mapped_line(&a->out, &a->map, &a->nmap, &a->capmap, src, b.s ? b.s : "", b.n);
  vgi_buf_free(&b);
}

static void out_str(adoc *a, int src, const char *s) { out_line(a, src, s, strlen(s)); }

/* A Markdown table row of `cols` cells that are all `cell` (" --- |" for
 * the rule under a header, "  |" for an empty header), after `pre`. */
static void table_row_of(adoc *a, int src, const char *pre, int cols, const char *cell) {
  vgi_buf b = {0};
  vgi_buf_puts(&b, pre);
  vgi_buf_add(&b, "|", 1);
  for (int c = 0; c < cols; c++) vgi_buf_puts(&b, cell);
  out_line(a, src, b.s, b.n);
  vgi_buf_free(&b);
}

/* ---- attributes ---------------------------------------------------------------- */

static const char *builtin(const char *name, size_t n) {
  static const char *const kv[] = {
    "nbsp", "\xc2\xa0", "empty", "", "sp", " ", "startsb", "[", "endsb", "]", "vbar", "|",
    "amp", "&", "lt", "<", "gt", ">", "plus", "+", "apos", "'", "quot", "\"", "zwsp", "",
    "deg", "\xc2\xb0", "caret", "^", "tilde", "~", "backslash", "\\", "backtick", "`",
    "two-colons", "::", "two-semicolons", ";;", "cpp", "C++", "pp", "++", "brvbar", "\xc2\xa6",
    "asterisk", "*", "blank", "", "wj", "\xe2\x81\xa0", "lsquo", "\xe2\x80\x98", "rsquo", "\xe2\x80\x99", "ldquo", "\xe2\x80\x9c", "rdquo", "\xe2\x80\x9d",
    NULL };
  for (int i = 0; kv[i]; i += 2)
    if (strlen(kv[i]) == n && !strncmp(kv[i], name, n)) return kv[i + 1];
  return NULL;
}

static attr *find_attr(adoc *a, const char *name, size_t n) {
  for (int i = 0; i < a->nattrs; i++)
    if (strlen(a->attrs[i].name) == n && !strncasecmp(a->attrs[i].name, name, n)) return &a->attrs[i];
  return NULL;
}

static int attr_name_char(int c) { return isalnum(c) || c == '_' || c == '-'; }

/* s with every {name} it defines replaced (once: a value was expanded when
 * it was set), a missing one left as it is, as Asciidoctor leaves it (or
 * dropped, as ifeval's test drops it) */
static int origin(const adoc *a, int no, const char **file, int *line);

static void expand(adoc *a, vgi_buf *o, const char *s, size_t n, int drop_missing, int keep_escape) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\\' && i + 1 < n && s[i + 1] == '{') { vgi_buf_add(o, keep_escape ? "\\{" : "{", keep_escape ? 2 : 1); i++; continue; }
    if (s[i] == '{') {
      size_t j = i + 1;
      while (j < n && j - i < 64 && attr_name_char((unsigned char)s[j])) j++;
      if (j < n && s[j] == '}' && j > i + 1) {
        const char *v = NULL;
        attr *at = find_attr(a, s + i + 1, j - i - 1);
        if (at) v = at->value;
        else v = builtin(s + i + 1, j - i - 1);
        if (v && strlen(v) <= a->budget) {
          a->budget -= strlen(v);
          if (keep_escape && *v) vgi_buf_add(o, "\x1f", 1);
          vgi_buf_puts(o, v);
          if (keep_escape && *v) vgi_buf_add(o, "\x1f", 1);
          i = j;
          continue;
        }
        if (!v && drop_missing) { i = j; continue; }
        if (v && !a->spent) {   /* left as written: say so once, at the line that asked */
          const char *file;
          int no;
          a->spent = 1;
          origin(a, a->at < a->n ? a->L[a->at].no : 0, &file, &no);
          vgi_diag_add(a->d, VGI_WARNING, file, no, 1, NULL,
                       "attribute {%.*s} is not put in: attribute values put in would add more "
                       "than 1 MiB and twice the document's size (references within references); it is left "
                       "as written, as is any other past that budget", (int)(j - i - 1), s + i + 1);
        }
      }
    }
    vgi_buf_add(o, s + i, 1);
  }
}

/* ":name: value", ":name!:" or ":!name:" at line k: the lines it takes (a
 * value ending in " \\" or " +" goes on on the next lines), 0 when the line
 * is no entry */
static int attribute_entry(adoc *a, int k) {
  const vgi_line *l = &a->L[k];
  const char *s = l->s;
  int n = l->len;
  if (n < 3 || s[0] != ':') return 0;
  int i = 1, unset = 0;
  if (s[i] == '!') { unset = 1; i++; }
  int b = i;
  while (i < n && (attr_name_char((unsigned char)s[i]))) i++;
  int e = i;
  if (i < n && s[i] == '!') { unset = 1; i++; }
  if (e == b || i >= n || s[i] != ':' || (i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\t')) return 0;
  i++;
  while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
  attr *at = find_attr(a, s + b, (size_t)(e - b));
  if (unset) {
    if (at) { free(at->value); free(at->name); *at = a->attrs[--a->nattrs]; }
    return 1;
  }
  vgi_buf raw = {0}, v = {0};
  size_t vn = (size_t)(n - i);
  while (vn > 0 && s[i + vn - 1] == ' ') vn--;
  int taken = 1;
  char con = 0;
  if (vn >= 2 && s[i + vn - 2] == ' ' && (s[i + vn - 1] == '\\' || s[i + vn - 1] == '+')) { con = s[i + vn - 1]; vn -= 2; }
  vgi_buf_add(&raw, s + i, vn);
  while (con && k + taken < a->n) {
    vgi_line *c = &a->L[k + taken];
    if (c->ind == c->len || c->kind == K_GONE) break;
    size_t cn = (size_t)(c->len - c->ind);
    const char *cs = c->s + c->ind;
    int open = cn >= 2 && cs[cn - 1] == con && cs[cn - 2] == ' ';
    if (open) cn -= 2;
    while (cn > 0 && cs[cn - 1] == ' ') cn--;
    vgi_buf_add(&raw, " ", 1);
    vgi_buf_add(&raw, cs, cn);
    c->kind = K_GONE;
    taken++;
    if (!open) break;
  }
  expand(a, &v, raw.s ? raw.s : "", raw.n, 0, 0);
  vgi_buf_free(&raw);
  char *value = vgi_buf_take(&v);
  if (at) { free(at->value); at->value = value; return taken; }
  if (a->nattrs == MAX_ATTRS) { free(value); return taken; }
  at = &a->attrs[a->nattrs++];
  at->name = dupn(s + b, (size_t)(e - b));
  at->value = value;
  return taken;
}

/* ifdef::a,b[] (any), ifdef::a+b[] (all); ifndef the opposite */
static int defined_expr(adoc *a, const char *s, size_t n) {
  int all = memchr(s, '+', n) != NULL;
  int any = 0, every = 1;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != ',' && s[j] != '+') j++;
    attr *at = find_attr(a, s + i, j - i);
    int def = at && at->name[0];
    any |= def;
    every &= def;
    i = j + 1;
  }
  return all ? every : any;
}

/* ---- the preprocessor: marks lines that are not content ------------------------ */


/* the line with the values its attribute references have here: an entry
 * further on changes only the text after it, as in Asciidoctor */
static void expand_line(adoc *a, vgi_line *l, int verbatim) {
  if (!memchr(l->s, '{', (size_t)l->len)) return;
  vgi_buf b = {0};
  expand(a, &b, l->s, (size_t)l->len, 0, !verbatim);   /* "\{" stays for the inline reader */
  if (b.n == (size_t)l->len && !memcmp(b.s, l->s, b.n)) { vgi_buf_free(&b); return; }
  if (a->nowned == a->capowned) {
    a->capowned = a->capowned ? a->capowned * 2 : 64;
    char **o = realloc(a->owned, sizeof *o * (size_t)a->capowned);
    if (!o) abort();
    a->owned = o;
  }
  char *t = vgi_buf_take(&b);
  a->owned[a->nowned++] = t;
  l->s = t;
  l->len = (int)strlen(t);   /* a value never holds a NUL: it came from a line */
  l->ind = 0;
  while (l->ind < l->len && (t[l->ind] == ' ' || t[l->ind] == '\t')) l->ind++;
}

/* one operand of an ifeval test: a quoted string, a number, true or false;
 * 0 when it is none of them */
typedef struct evalue { int type; double num; const char *s; size_t n; } evalue;  /* type 's' 'n' 'b' */

static int eval_operand(const char *s, size_t n, evalue *v) {
  while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0]) {
    *v = (evalue){ 's', 0, s + 1, n - 2 };
    return 1;
  }
  if (n == 4 && !strncmp(s, "true", 4)) { *v = (evalue){ 'b', 1, NULL, 0 }; return 1; }
  if (n == 5 && !strncmp(s, "false", 5)) { *v = (evalue){ 'b', 0, NULL, 0 }; return 1; }
  if (!n || n > 64) return 0;
  char num[65];
  memcpy(num, s, n);
  num[n] = 0;
  char *end;
  double d = strtod(num, &end);
  if (*end || !(isdigit((unsigned char)num[0]) || ((num[0] == '-' || num[0] == '+' || num[0] == '.') && n > 1))) return 0;
  *v = (evalue){ 'n', d, NULL, 0 };
  return 1;
}

/* ifeval::[LEFT OP RIGHT]: 1 true, 0 false, -1 a test it cannot evaluate */
static int eval_test(adoc *a, const char *s, size_t n) {
  vgi_buf x = {0};
  expand(a, &x, s, n, 1, 0);   /* Asciidoctor drops a missing attribute here */
  const char *t = x.s ? x.s : "";
  size_t tn = x.n, op = 0, opn = 0;
  char q = 0;
  for (size_t i = 0; i < tn && !opn; i++) {
    if (q) { if (t[i] == q) q = 0; continue; }
    if (t[i] == '"' || t[i] == '\'') { q = t[i]; continue; }
    if (i + 1 < tn && strchr("=!<>", t[i]) && t[i + 1] == '=') { op = i; opn = 2; }
    else if (t[i] == '<' || t[i] == '>') { op = i; opn = 1; }
  }
  evalue l, r;
  int res = -1;
  if (opn && eval_operand(t, op, &l) && eval_operand(t + op + opn, tn - op - opn, &r)) {
    char o0 = t[op];
    int eq = o0 == '=' || o0 == '!';
    int cmp = 0, known = 1;
    if (l.type != r.type) {
      cmp = 1;                       /* never equal, never ordered */
      known = eq;
    } else if (l.type == 's') {
      size_t m = l.n < r.n ? l.n : r.n;
      cmp = memcmp(l.s, r.s, m);
      if (!cmp) cmp = l.n < r.n ? -1 : l.n > r.n;
    } else {
      cmp = l.num < r.num ? -1 : l.num > r.num;
      if (l.type == 'b' && !eq) known = 0;
    }
    if (known) {
      if (o0 == '=') res = cmp == 0;
      else if (o0 == '!') res = cmp != 0;
      else if (o0 == '<') res = opn == 2 ? cmp <= 0 : cmp < 0;
      else res = opn == 2 ? cmp >= 0 : cmp > 0;
    }
  }
  vgi_buf_free(&x);
  return res;
}

static int delimiter_run(const vgi_line *l, char c, int min) {
  if (l->len < min) return 0;
  for (int i = 0; i < l->len; i++) if (l->s[i] != c) return 0;
  return 1;
}

/* characters, not bytes, of a line (UTF-8) */
static int width(const vgi_line *l) {
  int w = 0;
  for (int i = 0; i < l->len; i++) w += ((unsigned char)l->s[i] & 0xC0) != 0x80;
  return w;
}

/* a two-line section title: `title` underlined by `u` ("Title" over "=====",
 * "-----", "~~~~~", "^^^^^" or "+++++" of about its length), as older
 * AsciiDoc writes them; its level (1 = the document's title), else 0 */
static int underline_level(const adoc *a, const vgi_line *title, const vgi_line *u) {
  static const char marks[] = "=-~^+";
  if (u->ind != 0 || u->len < 2 || title->ind != 0 || title->len == title->ind) return 0;
  const char *m = strchr(marks, u->s[0]);
  if (!m || !delimiter_run(u, u->s[0], 2)) return 0;
  if (strchr(".[/*-=+_|<:", title->s[0]) || delimiter_run(title, title->s[0], 2)) return 0;
  int d = a->w0[title - a->L] - u->len;
  if (d < -2 || d > 2) return 0;
  return (int)(m - marks) + 1;
}

static int verbatim_delimiter(const vgi_line *l) {
  return delimiter_run(l, '-', 4) || delimiter_run(l, '.', 4) || delimiter_run(l, '+', 4) ||
         delimiter_run(l, '/', 4) || (l->len >= 3 && !strncmp(l->s, "```", 3));
}

/* the file and line a line number stands for (a line of an included file
 * has a number past the document's), and the file's index in a->inc */
static int origin(const adoc *a, int no, const char **file, int *line) {
  if (no >= a->virt_base && no - a->virt_base < a->nvirt) {
    int k = no - a->virt_base;
    *file = a->inc.f[a->virt[k].file].path;
    *line = a->virt[k].no;
    return a->virt[k].file;
  }
  *file = a->file;
  *line = no;
  return 0;
}

static char *own(adoc *a, char *t) {
  if (a->nowned == a->capowned) {
    a->capowned = a->capowned ? a->capowned * 2 : 64;
    char **o = realloc(a->owned, sizeof *o * (size_t)a->capowned);
    if (!o) abort();
    a->owned = o;
  }
  return a->owned[a->nowned++] = t;
}

/* a line that sets the level offset where it is read: put around the
 * lines of an include with leveloffset=, so it holds for them alone */
enum { K_OFFSET = 'L' };
static vgi_line offset_line(adoc *a, int value, int no) {
  vgi_buf b = {0};
  vgi_buf_printf(&b, ":leveloffset: %d", value);
  vgi_line l = { 0 };
  l.len = (int)b.n;
  l.s = own(a, vgi_buf_take(&b));
  l.no = no;
  l.kind = K_OFFSET;
  return l;
}

/* the included lines put after line `at` (numbered past the document's) */
static void splice_lines(adoc *a, int at, const vgi_line *add, int m, int file, int offset, int relative) {
  int marks = offset != INT_MIN ? 2 : 0, total = m + marks;
  vgi_line *L = realloc(a->L, sizeof *L * ((size_t)a->n + (size_t)total + 2));
  int *w0 = realloc(a->w0, sizeof *w0 * ((size_t)a->n + (size_t)total + 1));
  if (!L || !w0) abort();
  a->L = L;
  a->w0 = w0;
  memmove(L + at + 1 + total, L + at + 1, sizeof *L * (size_t)(a->n - at - 1));
  memmove(w0 + at + 1 + total, w0 + at + 1, sizeof *w0 * (size_t)(a->n - at - 1));
  memset(L + a->n + total, 0, sizeof *L * 2);
  if (a->nvirt + m > a->capvirt) {
    while (a->nvirt + m > a->capvirt) a->capvirt = a->capvirt ? a->capvirt * 2 : 256;
    void *v = realloc(a->virt, sizeof *a->virt * (size_t)a->capvirt);
    if (!v) abort();
    a->virt = v;
  }
  int k = at + 1;
  if (marks) L[k++] = offset_line(a, relative ? a->leveloffset + offset : offset, L[at].no);
  for (int j = 0; j < m; j++, k++) {
    L[k] = add[j];
    a->virt[a->nvirt].file = file;
    a->virt[a->nvirt].no = add[j].no;
    L[k].no = a->virt_base + a->nvirt++;
    a->budget += 2 * (size_t)add[j].len;
  }
  if (marks) L[k++] = offset_line(a, a->leveloffset, L[at].no);
  for (int j = at + 1; j < at + 1 + total; j++) w0[j] = width(&L[j]);
  a->n += total;
}

/* include::TARGET[ATTRS] at line i: the file's lines after it, when it is
 * one the document may include */
static void include_here(adoc *a, int i) {
  const vgi_line *l = &a->L[i];
  vgi_buf t = {0};
  expand(a, &t, l->s + 9, (size_t)(l->len - 9), 0, 0);
  size_t tn = t.n;
  while (tn > 0 && t.s[tn - 1] == ' ') tn--;
  const char *br = tn ? memchr(t.s, '[', tn) : NULL;
  const char *file;
  int no, from = origin(a, l->no, &file, &no);
  if (!br || t.s[tn - 1] != ']') {
    vgi_diag_add(a->d, VGI_WARNING, file, no, 1, NULL, "include:: without its [attributes]: not followed");
    vgi_buf_free(&t);
    return;
  }
  vgi_line *add = NULL;
  int m = 0, f = 0, offset, relative;
  if (vgi_adoc_include(&a->inc, from, no, t.s, (size_t)(br - t.s), br + 1, (size_t)(t.s + tn - 1 - (br + 1)),
                       a->lim, a->d, &add, &m, &f, &offset, &relative))
    splice_lines(a, i, add, m, f, offset, relative);
  free(add);
  vgi_buf_free(&t);
}

/* ":leveloffset: +1" (from here on), "-1", "2" (set), ":leveloffset!:" */
static void leveloffset_entry(adoc *a, const char *s, int n) {
  if (n >= 14 && !strncmp(s, ":!leveloffset:", 14)) { a->leveloffset = 0; return; }
  if (n < 13 || strncmp(s, ":leveloffset", 12)) return;
  if (s[12] == '!') { a->leveloffset = 0; return; }
  if (s[12] != ':') return;
  const char *v = s + 13;
  while (v < s + n && *v == ' ') v++;
  char num[16];
  size_t vn = (size_t)(s + n - v) < sizeof num - 1 ? (size_t)(s + n - v) : sizeof num - 1;
  memcpy(num, v, vn);
  num[vn] = 0;
  char *e;
  long x = strtol(num, &e, 10);
  if (e == num || x < -9 || x > 9) { if (!vn) a->leveloffset = 0; return; }
  a->leveloffset = num[0] == '+' || num[0] == '-' ? a->leveloffset + (int)x : (int)x;
}

/* a section title ("== Title") moved by the level offset in force */
static void offset_title(adoc *a, vgi_line *l) {
  int eq = 0;
  while (eq < l->len && l->s[eq] == '=') eq++;
  if (!a->leveloffset || eq == 0 || eq > 6 || eq >= l->len || l->s[eq] != ' ') return;
  int to = eq + a->leveloffset;
  to = to < 1 ? 1 : to > 6 ? 6 : to;
  if (to == eq) return;
  vgi_buf b = {0};
  for (int k = 0; k < to; k++) vgi_buf_add(&b, "=", 1);
  vgi_buf_add(&b, l->s + eq, (size_t)(l->len - eq));
  l->len = (int)b.n;
  l->s = own(a, vgi_buf_take(&b));
}
static int blank(const vgi_line *l) { return l->ind == l->len; }
static int gone(const vgi_line *l) { return l->kind == K_GONE; }

static void preprocess(adoc *a) {
  int skip_depth = 0, depth = 0;   /* nested conditionals; those inside a false one */
  int verbatim = -1;               /* the delimiter that opened a verbatim block */
  int verbatim_subs = 0;           /* its lines take attributes ([subs="attributes+"]) */
  int header = -1;                 /* the document's title, expanded when its header ends */
  int seen_text = 0;
  /* the last line before this one that is blank or kept: what stands just
   * above a delimiter (its block attributes) once the lines gone are passed
   * over, known without walking back over them (a million "////" lines
   * walked back over every line before each one) */
  int above = -1;
  for (int i = 0; i < a->n; i++) {
    if (i > 0 && (blank(&a->L[i - 1]) || !gone(&a->L[i - 1]))) above = i - 1;
    a->at = i;
    vgi_line *l = &a->L[i];
    const char *s = l->s;
    int n = l->len, escaped = 0;
    if (l->kind == K_OFFSET) {
      a->leveloffset = 0;
      leveloffset_entry(a, s, n);
      l->kind = K_GONE;
      continue;
    }
    if (header >= 0 && l->ind == l->len) {
      expand_line(a, &a->L[header], 0);   /* the header's attribute entries are in force in its title */
      header = -1;
    }
    if (n > 8 && s[0] == '\\' && (!strncmp(s + 1, "include::", 9) || !strncmp(s + 1, "ifdef::", 7) ||
                                  !strncmp(s + 1, "ifndef::", 8) || !strncmp(s + 1, "ifeval::", 8) ||
                                  !strncmp(s + 1, "endif::", 7))) {
      l->s++;                            /* an escaped directive is its text */
      l->len--;
      s = l->s;
      n = l->len;
      escaped = 1;
    } else if (n > 7 && (!strncmp(s, "ifdef::", 7) || !strncmp(s, "ifndef::", 8) || !strncmp(s, "ifeval::", 8))) {
      l->kind = K_GONE;
      const char *br = memchr(s, '[', (size_t)n);
      if (!br || s[n - 1] != ']') continue;
      int neg = s[2] == 'n', eval = s[2] == 'e';
      const char *names = s + (neg || eval ? 8 : 7);
      int truth;
      if (eval) {
        truth = skip_depth ? 0 : eval_test(a, br + 1, (size_t)(s + n - 1 - br - 1));
        if (truth < 0) {
          truth = 1;
          const char *file;
          int no;
          origin(a, l->no, &file, &no);
          vgi_diag_add(a->d, VGI_WARNING, file, no, 1, NULL,
                       "ifeval:: test cannot be evaluated (compare numbers or quoted strings with == != < <= > >=); "
                       "its lines are read");
        }
      } else {
        truth = defined_expr(a, names, (size_t)(br - names));
      }
      if (neg) truth = !truth;
      if (!eval && br + 1 < s + n - 1) { /* one line: ifdef::a[text] (ifeval's bracket is its test) */
        if (!skip_depth && truth) {
          l->kind = K_TEXT;
          l->s = br + 1;
          l->len = (int)(s + n - 1 - br - 1);
          i--;                           /* read the text as a line of its own */
        }
        continue;
      }
      depth++;
      if (skip_depth || !truth) skip_depth++;
      continue;
    }
    if (n >= 7 && !strncmp(s, "endif::", 7) && !escaped) {
      l->kind = K_GONE;
      if (depth > 0) { depth--; if (skip_depth) skip_depth--; }
      continue;
    }
    if (skip_depth) { l->kind = K_GONE; continue; }
    if (n > 9 && !strncmp(s, "include::", 9) && !escaped) {
      l->kind = K_GONE;
      include_here(a, i);                /* its lines, if any, are the next ones */
      continue;
    }
    if (verbatim >= 0) {
      const vgi_line *v = &a->L[verbatim];
      if (l->len >= 3 && !strncmp(v->s, "```", 3) ? !strncmp(s, "```", 3) && l->len >= 3 :
          (l->len == v->len && !memcmp(s, v->s, (size_t)n)))
        verbatim = -1;
      if (skip_depth) l->kind = K_GONE;
      else if (verbatim < 0 && delimiter_run(l, '/', 4)) l->kind = K_GONE;
      else if (verbatim >= 0) {
        l->kind = K_VERB;
        if (verbatim_subs) expand_line(a, l, 1);
      }
      continue;
    }
    if (n >= 2 && s[0] == '/' && s[1] == '/' && !(n >= 4 && delimiter_run(l, '/', 4))) {
      l->kind = K_GONE;                  /* a comment line */
      continue;
    }
    int taken = attribute_entry(a, i);
    if (taken) { leveloffset_entry(a, s, n); l->kind = K_GONE; i += taken - 1; continue; }
    if (!seen_text && l->ind < l->len) {
      seen_text = 1;
      if (n >= 2 && s[0] == '=' && s[1] == ' ') { header = i; continue; }
    }
    expand_line(a, l, 0);
    offset_title(a, l);
    s = l->s;
    n = l->len;
    if (verbatim_delimiter(l) && !(i > 0 && a->L[i - 1].kind != K_GONE && underline_level(a, &a->L[i - 1], l))) {
      verbatim = i;
      verbatim_subs = 0;
      const vgi_line *p = above >= 0 ? &a->L[above] : NULL;
      if (p && !blank(p) && p->s[0] == '[')
        verbatim_subs = memmem(p->s, (size_t)p->len, "attributes", 10) && memmem(p->s, (size_t)p->len, "subs", 4);
      if (delimiter_run(l, '/', 4)) l->kind = K_GONE;
    }
  }
  if (header >= 0) expand_line(a, &a->L[header], 0);
  /* a comment block's lines are gone too */
  int in_comment = 0;
  const vgi_line *open = NULL;
  for (int i = 0; i < a->n; i++) {
    vgi_line *l = &a->L[i];
    if (!in_comment && delimiter_run(l, '/', 4) && l->kind == K_GONE) { in_comment = 1; open = l; continue; }
    if (in_comment) {
      if (l->len == open->len && delimiter_run(l, '/', 4)) in_comment = 0;
      l->kind = K_GONE;
    }
  }
}

/* ---- inline text ------------------------------------------------------------- */

static int word_char(int c) { return isalnum(c) || c == '_' || c >= 0x80; }

static void put_md(vgi_buf *o, const char *s, size_t n);
static void html_text(vgi_buf *o, const char *s, size_t n);
static void inline_text(adoc *a, vgi_buf *o, const char *s, size_t n, int depth);

/* the text of an attribute list "[text, key=value]" or "[\"text, with comma\"]" */
static void attr_text(const char *s, size_t n, const char **t, size_t *tn) {
  size_t i = 0;
  while (i < n && s[i] == ' ') i++;
  if (i < n && s[i] == '"') {
    size_t j = i + 1;
    while (j < n && s[j] != '"') j++;
    *t = s + i + 1;
    *tn = j - i - 1;
    return;
  }
  size_t j = i;
  while (j < n && s[j] != ',') j++;
  /* a comma that starts key=value attributes ends the text; any other is text */
  if (j < n) {
    size_t k = j + 1;
    while (k < n && s[k] == ' ') k++;
    size_t m = k;
    while (m < n && (isalnum((unsigned char)s[m]) || s[m] == '_' || s[m] == '-')) m++;
    if (!(m < n && s[m] == '=') && strncmp(s + k, "window", 6) != 0) j = n;
  }
  while (j > i && s[j - 1] == ' ') j--;
  if (j > i && s[j - 1] == '^') j--;    /* "^": open in a new window */
  *t = s + i;
  *tn = j - i;
}

static size_t bracket_end(const char *s, size_t n, size_t i);

/* An inline macro no rule above knows at s[i]: "name:target[text]", a name
 * of letters, digits and dashes, a target without spaces (no "//": a URL
 * is no macro, no "<n>": "blob:limit=<n>[kmg]" is a placeholder) and a
 * closed bracket whose text is more than a number ("a:b[0]" is an index). -> the length of "name:", 0 when it is none */
static size_t unknown_macro(const char *s, size_t n, size_t i) {
  size_t j = i;
  while (j < n && j - i < 32 && (isalnum((unsigned char)s[j]) || s[j] == '-' || s[j] == '_')) j++;
  if (j - i < 2 || j + 1 >= n || s[j] != ':' || s[j + 1] == ':' || s[j + 1] == '/' || s[j + 1] == '[') return 0;
  size_t k = j + 1;
  while (k < n && k - j < 256 && !strchr("[] \t<>", s[k])) k++;
  if (k >= n || s[k] != '[') return 0;
  size_t e = bracket_end(s, n, k);
  if (!e) return 0;
  size_t d = k + 1;
  while (d < e && isdigit((unsigned char)s[d])) d++;
  if (d == e && e > k + 1) return 0;
  return j + 1 - i;
}

/* the end of a macro's "[...]" starting at s[i] == '[' (nesting counted), or 0 */
static size_t bracket_end(const char *s, size_t n, size_t i) {
  int depth = 0;
  for (size_t j = i; j < n && j - i < 4096; j++) {
    if (s[j] == '\\' && j + 1 < n) { j++; continue; }
    if (s[j] == '[') depth++;
    else if (s[j] == ']' && --depth == 0) return j;
  }
  return 0;
}

static const char *section_title(adoc *a, const char *id, size_t n) {
  /* explicit ids and Asciidoctor's generated ones ("_getting_started",
   * "getting-started") both match the title's letters and digits */
  char want[256];
  size_t w = 0;
  for (size_t i = 0; i < n && w + 1 < sizeof want; i++)
    if (isalnum((unsigned char)id[i]) || (unsigned char)id[i] >= 0x80) want[w++] = (char)tolower((unsigned char)id[i]);
  want[w] = 0;
  if (!w) return NULL;
  for (int k = 0; k < a->nsec; k++) {
    if (a->sec[k].id && strlen(a->sec[k].id) == n && !strncmp(a->sec[k].id, id, n)) return a->sec[k].title;
    char have[256];
    size_t h = 0;
    for (const char *t = a->sec[k].title; *t && h + 1 < sizeof have; t++)
      if (isalnum((unsigned char)*t) || (unsigned char)*t >= 0x80) have[h++] = (char)tolower((unsigned char)*t);
    have[h] = 0;
    if (!strcmp(have, want)) return a->sec[k].title;
  }
  return NULL;
}

/* the id of a cross reference as words ("getting-started" -> "getting started") */
static void put_id_words(vgi_buf *o, const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == '_' || s[i] == '-')) i++;
  for (; i < n; i++) vgi_buf_add(o, s[i] == '_' || s[i] == '-' ? " " : s + i, 1);
}

/* a constrained mark (*bold*, _italic_, `mono`, #mark#) opens at s[i]: after
 * a start, a space or punctuation, before a word */
static int opens(const char *s, size_t n, size_t i) {
  if (i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == s[i]) return 0;
  if (i > 0 && (word_char((unsigned char)s[i - 1]) || s[i - 1] == s[i])) return 0;
  return 1;
}

static size_t closes(const char *s, size_t n, size_t i, char c) {
  for (size_t j = i + 2; j < n && j - i < 2048; j++)
    if (s[j] == c && s[j - 1] != ' ' && (j + 1 >= n || !word_char((unsigned char)s[j + 1])) &&
        (j + 1 >= n || s[j + 1] != c))
      return j;
  return 0;
}

static size_t find2(const char *s, size_t n, size_t from, char c) {
  for (size_t j = from; j + 1 < n && j - from < 2048; j++)
    if (s[j] == c && s[j + 1] == c) return j;
  return 0;
}

static int scheme_at(const char *s, size_t n, size_t i, size_t *len) {
  static const char *const sch[] = { "https://", "http://", "ftp://", "irc://", "mailto:", "link:", NULL };
  int after_word = i > 0 && (word_char((unsigned char)s[i - 1]) || s[i - 1] == '/');
  for (int k = 0; sch[k]; k++) {
    size_t m = strlen(sch[k]);
    if (after_word && k < 4) continue;   /* link: and mailto: macros may follow anything */
    if (i + m < n && !strncmp(s + i, sch[k], m)) { *len = m; return 1; }
  }
  return 0;
}

/* a macro name before ":" or "::" at s[i]: kbd, btn, menu, footnote ... */
static size_t macro_name(const char *s, size_t n, size_t i, const char *name) {
  size_t m = strlen(name);
  if (i + m >= n || strncmp(s + i, name, m) != 0) return 0;
  if (i > 0 && word_char((unsigned char)s[i - 1]) && strncmp(name, "footnote", 8)) return 0;   /* "word.footnote:[" */
  return m;
}

/* the "]" of a role's name before a mark ("[red]#text#") at s[i], or 0 */
static size_t role_end(const char *s, size_t n, size_t i) {
  if (i + 1 >= n || !isalpha((unsigned char)s[i + 1])) return 0;
  size_t e = bracket_end(s, n, i);
  if (!e || e - i > 64 || e + 1 >= n || s[e + 1] != '#') return 0;
  for (size_t k = i + 1; k < e; k++)
    if (!isalnum((unsigned char)s[k]) && s[k] != '-' && s[k] != '_' && s[k] != '.' && s[k] != ' ') return 0;
  return e;
}

/* s[0, n) between curly quotes, its own marks read (older AsciiDoc's
 * ``double'' and `single' quotes) */
static void curly(adoc *a, vgi_buf *o, const char *s, size_t n, const char *open, const char *close, int depth) {
  vgi_buf_puts(o, open);
  inline_text(a, o, s, n, depth + 1);
  vgi_buf_puts(o, close);
}

/* 1 when an xref's target names another document ("README.de.adoc#",
 * "de/index.adoc", "guide.html#install"), not a place in this one. */
static int other_document(const char *t, size_t n) {
  const char *hash = memchr(t, '#', n);
  size_t dn = hash ? (size_t)(hash - t) : n;
  static const char *const exts[] = { ".adoc", ".asciidoc", ".asc", ".ad", ".html", ".htm", NULL };
  for (int i = 0; exts[i]; i++) {
    size_t xl = strlen(exts[i]);
    if (dn > xl && !strncasecmp(t + dn - xl, exts[i], xl)) return 1;
  }
  return hash && dn > 0;   /* "README.de#": a document named before the # */
}

static void inline_text(adoc *a, vgi_buf *o, const char *s, size_t n, int depth) {
  if (depth > 4) { put_md(o, s, n); return; }
  size_t i = 0, plain = 0;
#define FLUSH() do { if (i > plain) put_md(o, s + plain, i - plain); } while (0)
  while (i < n) {
    char c = s[i];
    size_t m, e;
    /* a backslash keeps the next mark as text */
    if (c == '\\' && i + 1 < n && strchr("*_`#+<[{\\^~", s[i + 1])) {
      FLUSH();
      vgi_buf_add(o, "\\", 1);
      vgi_buf_add(o, s + i + 1, 1);
      i += 2; plain = i;
      continue;
    }
    /* [[id]], [[id,text]] anchors and [#id] / [.role] before a mark */
    if (c == '[' && i + 1 < n && s[i + 1] == '[' && (e = find2(s, n, i + 2, ']'))) {
      FLUSH();
      int biblio = i + 2 < n && s[i + 2] == '[';   /* [[[ref]]]: a bibliography entry's anchor */
      i = e + 2;
      if (biblio && i < n && s[i] == ']') i++;
      plain = i;
      continue;
    }
    if (c == '[' && i + 1 < n && (s[i + 1] == '.' || s[i + 1] == '#') && (e = bracket_end(s, n, i)) &&
        e + 1 < n && (s[e + 1] == '#' || s[e + 1] == '*' || s[e + 1] == '_' || s[e + 1] == '`')) {
      FLUSH();
      i = e + 1; plain = i;
      continue;
    }
    /* [red]#text#, [line-through]##t##: a role's name before a mark */
    if (c == '[' && (e = role_end(s, n, i))) {
      FLUSH();
      i = e + 1; plain = i;
      continue;
    }
    /* a Javadoc tag, as Vert.x's documentation templates write them:
     * "{@link io.vertx.core.Vertx#close}" is the code "Vertx#close" */
    if (c == '{' && i + 2 < n && s[i + 1] == '@' && isalpha((unsigned char)s[i + 2])) {
      size_t j = i + 2;
      while (j < n && j - i < 512 && s[j] != '}') j++;
      if (j < n) {
        FLUSH();
        size_t k = i + 2;
        while (k < j && isalpha((unsigned char)s[k])) k++;   /* the tag's name */
        while (k < j && s[k] == ' ') k++;
        size_t te = k;
        while (te < j && s[te] != ' ') te++;
        const char *label = te < j ? s + te + 1 : NULL;
        if (label && te + 1 < j) put_md(o, label, j - te - 1);
        else if (te > k) {
          /* the simple name: after the package, keeping #member */
          const char *hash = memchr(s + k, '#', te - k);
          size_t b = hash ? (size_t)(hash - s) : te;
          while (b > k && s[b - 1] != '.') b--;
          vgi_buf_add(o, "`", 1);
          vgi_buf_add(o, s + b, te - b);
          vgi_buf_add(o, "`", 1);
        }
        i = j + 1; plain = i;
        continue;
      }
    }
    /* a reference to an attribute the document never sets (its build passes
     * it in): as a macro's target ("{api}/Foo.html[Foo]") the macro's text,
     * else its name in words, never the braces ("${HOME}" stays a variable) */
    if (c == '{' && (i == 0 || !strchr("$@#%\\", s[i - 1]))) {
      size_t j = i + 1;
      while (j < n && j - i < 64 && attr_name_char((unsigned char)s[j])) j++;
      if (j < n && s[j] == '}' && j > i + 1 && isalpha((unsigned char)s[i + 1])) {
        FLUSH();
        size_t k = j + 1;
        while (k < n && k - j < 512 && s[k] != ' ' && s[k] != '\t' && s[k] != '[') k++;
        if (k < n && s[k] == '[' && (e = bracket_end(s, n, k))) {
          const char *t; size_t tn;
          attr_text(s + k + 1, e - k - 1, &t, &tn);
          if (tn) inline_text(a, o, t, tn, depth + 1);
          else put_id_words(o, s + i + 1, j - i - 1);
          i = e + 1;
        } else {
          put_id_words(o, s + i + 1, j - i - 1);
          i = j + 1;
        }
        plain = i;
        continue;
      }
    }
    /* <<id>>, <<id,text>> */
    if (c == '<' && i + 1 < n && s[i + 1] == '<' && (e = find2(s, n, i + 2, '>')) && e > i + 2) {
      FLUSH();
      const char *in = s + i + 2;
      size_t inn = e - i - 2;
      const char *comma = memchr(in, ',', inn);
      if (comma && other_document(in, (size_t)(comma - in))) {
        /* "<<README.de.adoc#,Deutsch>>": a link to another document */
        vgi_buf_add(o, "[", 1);
        inline_text(a, o, comma + 1, (size_t)(in + inn - comma - 1), depth + 1);
        vgi_buf_add(o, "](", 2);
        vgi_buf_add(o, in, (size_t)(comma - in));
        vgi_buf_add(o, ")", 1);
      } else if (comma) inline_text(a, o, comma + 1, (size_t)(in + inn - comma - 1), depth + 1);
      else {
        const char *hash = memchr(in, '#', inn);
        if (hash) { inn -= (size_t)(hash + 1 - in); in = hash + 1; }
        const char *t = section_title(a, in, inn);
        if (t) put_md(o, t, strlen(t)); else put_id_words(o, in, inn);
      }
      i = e + 2; plain = i;
      continue;
    }
    /* URL and link macros */
    if ((c == 'h' || c == 'f' || c == 'i' || c == 'm' || c == 'l') && scheme_at(s, n, i, &m)) {
      size_t j = i + m;
      while (j < n && s[j] != '[' && s[j] != ' ' && s[j] != '\t' && s[j] != '<' && s[j] != '>') j++;
      int is_link = !strncmp(s + i, "link:", 5), is_mail = !strncmp(s + i, "mailto:", 7);
      if (j < n && s[j] == '[' && (e = bracket_end(s, n, j))) {
        FLUSH();
        const char *t; size_t tn;
        attr_text(s + j + 1, e - j - 1, &t, &tn);
        const char *url = s + i + (is_link ? 5 : 0);
        size_t un = j - i - (is_link ? 5 : 0);
        if (is_mail && !tn) { url += 7; un -= 7; t = url; tn = un; }
        if (tn) {
          vgi_buf_add(o, "[", 1);
          inline_text(a, o, t, tn, depth + 1);
          vgi_buf_add(o, "](", 2);
          vgi_buf_add(o, url, un);
          vgi_buf_add(o, ")", 1);
        } else {
          vgi_buf_add(o, "<", 1);
          vgi_buf_add(o, url, un);
          vgi_buf_add(o, ">", 1);
        }
        i = e + 1; plain = i;
        continue;
      }
      if (!is_link && !is_mail) {       /* a bare URL: as it is (an autolink) */
        FLUSH();
        while (j > i + m && strchr(".,;:!?)", s[j - 1])) j--;
        vgi_buf_add(o, s + i, j - i);
        i = j; plain = i;
        continue;
      }
    }
    /* image:target[alt, link=url] */
    if (c == 'i' && (m = macro_name(s, n, i, "image:")) && i + m < n && s[i + m] != ':') {
      size_t j = i + m;
      while (j < n && s[j] != '[' && s[j] != ' ') j++;
      if (j < n && s[j] == '[' && (e = bracket_end(s, n, j))) {
        FLUSH();
        const char *t; size_t tn;
        attr_text(s + j + 1, e - j - 1, &t, &tn);
        const char *lk = NULL;
        size_t ln = 0;
        for (size_t k = j + 1; k + 5 < e; k++)
          if (!strncmp(s + k, "link=", 5)) {
            lk = s + k + 5;
            if (*lk == '"') { lk++; const char *q = memchr(lk, '"', (size_t)(s + e - lk)); ln = q ? (size_t)(q - lk) : 0; }
            else { const char *q = lk; while (q < s + e && *q != ',') q++; ln = (size_t)(q - lk); }
            break;
          }
        if (lk) vgi_buf_add(o, "[", 1);
        vgi_buf_add(o, "![", 2);
        put_md(o, t, tn);
        vgi_buf_add(o, "](", 2);
        vgi_buf_add(o, s + i + m, j - i - m);
        vgi_buf_add(o, ")", 1);
        if (lk) { vgi_buf_add(o, "](", 2); vgi_buf_add(o, lk, ln); vgi_buf_add(o, ")", 1); }
        i = e + 1; plain = i;
        continue;
      }
    }
    /* macros whose text is shown as words, or not at all */
    if (isalpha((unsigned char)c) && (i == 0 || !word_char((unsigned char)s[i - 1]) || c == 'f')) {
      static const char *const shown[] = { "kbd:", "btn:", "pass:", "anchor:", "footnote:", "indexterm:",
                                            "indexterm2:", "stem:", "latexmath:", "asciimath:", "xref:", "menu:",
                                            "footnoteref:", "linkgit:", "icon:", NULL };
      int k;
      for (k = 0; shown[k]; k++) if ((m = macro_name(s, n, i, shown[k]))) break;
      if (shown[k]) {
        size_t j = i + m;
        while (j < n && s[j] != '[' && s[j] != ' ') j++;
        if (j < n && s[j] == '[' && (e = bracket_end(s, n, j))) {
          FLUSH();
          const char *t = s + j + 1, *target = s + i + m;
          size_t tn = e - j - 1, targetn = j - i - m;
          const char *name = shown[k];
          if (!strcmp(name, "linkgit:")) {
            /* git's manual pages: "git-fetch(1)" */
            put_md(o, target, targetn);
            if (tn) { vgi_buf_add(o, "(", 1); put_md(o, t, tn); vgi_buf_add(o, ")", 1); }
          } else if (!strcmp(name, "footnote:") || !strcmp(name, "footnoteref:") || !strcmp(name, "indexterm:") ||
                     !strcmp(name, "anchor:") || !strcmp(name, "icon:")) {
            /* (an icon, "icon:star[role=red]", is a glyph of the page's
             * font: nothing a slide can show or a voice say) */
            /* a footnote's mark is never said; an anchor's text is shown */
            if (!strcmp(name, "anchor:") && tn) inline_text(a, o, t, tn, depth + 1);
          } else if (!strcmp(name, "xref:")) {
            if (tn && other_document(target, targetn)) {
              /* "xref:README.de.adoc[Deutsch]": a link to another document */
              vgi_buf_add(o, "[", 1);
              inline_text(a, o, t, tn, depth + 1);
              vgi_buf_add(o, "](", 2);
              vgi_buf_add(o, target, targetn);
              vgi_buf_add(o, ")", 1);
            } else if (tn) inline_text(a, o, t, tn, depth + 1);
            else {
              const char *hash = memchr(target, '#', targetn);
              const char *id = hash ? hash + 1 : target;
              size_t idn = hash ? (size_t)(target + targetn - hash - 1) : targetn;
              const char *tt = section_title(a, id, idn);
              if (tt) put_md(o, tt, strlen(tt)); else put_id_words(o, id, idn);
            }
          } else if (!strcmp(name, "menu:")) {
            put_md(o, target, targetn);
            if (tn) { vgi_buf_puts(o, " > "); put_md(o, t, tn); }
          } else if (!strcmp(name, "stem:") || !strcmp(name, "latexmath:") || !strcmp(name, "asciimath:")) {
            vgi_buf_add(o, "`", 1); vgi_buf_add(o, t, tn); vgi_buf_add(o, "`", 1);
          } else if (!strcmp(name, "indexterm2:")) {
            inline_text(a, o, t, tn, depth + 1);
          } else if (!strcmp(name, "pass:")) {
            /* pass:[HTML] its text; pass:c[<b>] (special characters
             * escaped) the characters as written; pass:q[...] quotes read */
            int chars = 0, quotes = 0;
            for (size_t q = 0; q < targetn;) {
              size_t w = q;
              while (w < targetn && target[w] != ',') w++;
              if ((w - q == 1 && target[q] == 'c') || (w - q >= 12 && !strncmp(target + q, "specialchar", 11))) chars = 1;
              if ((w - q == 1 && target[q] == 'q') || (w - q == 6 && !strncmp(target + q, "quotes", 6))) quotes = 1;
              q = w + 1;
            }
            vgi_buf h = {0};
            if (chars) vgi_buf_add(&h, t, tn);
            else html_text(&h, t, tn);
            if (quotes) inline_text(a, o, h.s ? h.s : "", h.n, depth + 1);
            else put_md(o, h.s ? h.s : "", h.n);
            vgi_buf_free(&h);
          } else {
            inline_text(a, o, t, tn, depth + 1);
          }
          i = e + 1; plain = i;
          continue;
        }
      }
    }
    /* any other inline macro ("name:target[text]", one a build's own
     * extension defines): its text, or its target when it has none, never
     * the macro as written */
    if (isalpha((unsigned char)c) && (i == 0 || !word_char((unsigned char)s[i - 1]))) {
      size_t nm = unknown_macro(s, n, i);
      if (nm) {
        size_t j = i + nm, br = j;
        while (s[br] != '[') br++;
        e = bracket_end(s, n, br);
        FLUSH();
        const char *t;
        size_t tn;
        attr_text(s + br + 1, e - br - 1, &t, &tn);
        size_t key = 0;   /* "[role=x]": attributes, no text */
        while (key < tn && (isalnum((unsigned char)t[key]) || t[key] == '-' || t[key] == '_')) key++;
        if (key && key < tn && t[key] == '=') tn = 0;
        if (tn) inline_text(a, o, t, tn, depth + 1);
        else put_md(o, s + j, br - j);
        i = e + 1; plain = i;
        continue;
      }
    }
    /* (((index terms))) nothing, ((term)) the term */
    if (c == '(' && i + 2 < n && s[i + 1] == '(') {
      size_t j = i + 2;
      int three = s[i + 2] == '(';
      while (j + 1 < n && !(s[j] == ')' && s[j + 1] == ')') && j - i < 512) j++;
      if (j + 1 < n && s[j] == ')' && s[j + 1] == ')') {
        FLUSH();
        if (three) { i = j + 2 < n && s[j + 2] == ')' ? j + 3 : j + 2; }
        else { inline_text(a, o, s + i + 2, j - i - 2, depth + 1); i = j + 2; }
        plain = i;
        continue;
      }
    }
    /* $$text$$: older AsciiDoc's passthrough, the text as written */
    if (c == '$' && i + 1 < n && s[i + 1] == '$') {
      size_t j = i + 2;
      while (j + 1 < n && !(s[j] == '$' && s[j + 1] == '$') && j - i < 2048) j++;
      if (j + 1 < n && j > i + 2) {
        FLUSH();
        put_md(o, s + i + 2, j - i - 2);
        i = j + 2; plain = i;
        continue;
      }
    }
    /* ``text'': older AsciiDoc's double quotes (git's pages), when the
     * closing '' comes before any `` */
    if (c == '`' && i + 1 < n && s[i + 1] == '`') {
      size_t j = i + 2;
      while (j + 1 < n && !(s[j] == '\'' && s[j + 1] == '\'') && !(s[j] == '`' && s[j + 1] == '`') && j - i < 1024) j++;
      while (j + 2 < n && s[j] == '\'' && s[j + 2] == '\'') j++;   /* ``a `b''' : the single quote closes first */
      if (j + 1 < n && s[j] == '\'' && j > i + 2) {
        FLUSH();
        curly(a, o, s + i + 2, j - i - 2, "\xe2\x80\x9c", "\xe2\x80\x9d", depth);
        i = j + 2; plain = i;
        continue;
      }
    }
    /* `text': older AsciiDoc's single quotes, when a ' that ends a word
     * comes before any closing ` and no ` follows (`git log 'a'..b` and
     * `A'` are code) */
    if (c == '`' && i + 1 < n && s[i + 1] != '`' && s[i + 1] != ' ' && (i == 0 || !word_char((unsigned char)s[i - 1]))) {
      size_t j = i + 1;
      while (j < n && s[j] != '`' && !(s[j] == '\'' && (j + 1 == n || !word_char((unsigned char)s[j + 1]))) && j - i < 512) j++;
      if (j < n && s[j] == '\'' && j > i + 1 && !memchr(s + j, '`', n - j < 4096 ? n - j : 4096)) {
        FLUSH();
        curly(a, o, s + i + 1, j - i - 1, "\xe2\x80\x98", "\xe2\x80\x99", depth);
        i = j + 1; plain = i;
        continue;
      }
    }
    /* 'text': older AsciiDoc's emphasis (git's "'git diff' [<options>]"),
     * constrained: after no letter, before none, no space inside its ends */
    if (c == '\'' && a->compat && i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\'' &&
        (i == 0 || !word_char((unsigned char)s[i - 1]))) {
      size_t j = i + 1;
      while (j < n && j - i < 512 && !(s[j] == '\'' && s[j - 1] != ' ' && (j + 1 == n || !word_char((unsigned char)s[j + 1]))))
        j++;
      if (j < n && j - i < 512 && j > i + 1) {
        FLUSH();
        curly(a, o, s + i + 1, j - i - 1, "*", "*", depth);
        i = j + 1; plain = i;
        continue;
      }
    }
    /* passthroughs: +++text+++, ++text++, +text+ */
    if (c == '+' && i + 1 < n) {
      size_t k = 1;
      while (i + k < n && s[i + k] == '+' && k < 3) k++;
      if (k == 3 || k == 2 || opens(s, n, i)) {
        size_t j = i + k;
        while (j + k <= n && strncmp(s + j, k == 3 ? "+++" : k == 2 ? "++" : "+", k) != 0 && j - i < 2048) j++;
        if (j + k <= n && j > i + k) {
          FLUSH();
          if (k == 3) {
            /* +++HTML+++ passes its markup through: its text */
            vgi_buf h = {0};
            html_text(&h, s + i + k, j - i - k);
            put_md(o, h.s ? h.s : "", h.n);
            vgi_buf_free(&h);
          } else {
            put_md(o, s + i + k, j - i - k);
          }
          i = j + k; plain = i;
          continue;
        }
      }
    }
    /* **bold**, __italic__, ``mono``, ##mark## (unconstrained) */
    if ((c == '*' || c == '_' || c == '`' || c == '#') && i + 1 < n && s[i + 1] == c &&
        (e = find2(s, n, i + 2, c)) && e > i + 2) {
      FLUSH();
      const char *mk = c == '*' ? "**" : c == '_' ? "*" : c == '`' ? "`" : "";
      vgi_buf_puts(o, mk);
      if (c == '`') vgi_buf_add(o, s + i + 2, e - i - 2);
      else inline_text(a, o, s + i + 2, e - i - 2, depth + 1);
      vgi_buf_puts(o, mk);
      i = e + 2; plain = i;
      continue;
    }
    /* *bold*, _italic_, `mono`, #mark#, ^super^, ~sub~ (constrained) */
    if ((c == '*' || c == '_' || c == '`' || c == '#' || c == '^' || c == '~') && opens(s, n, i) &&
        (e = closes(s, n, i, c))) {
      FLUSH();
      if (c == '`') {
        const char *t = s + i + 1;
        size_t tn = e - i - 1;
        if (tn >= 2 && t[0] == '+' && t[tn - 1] == '+') { t++; tn -= 2; }   /* `+literal+` */
        vgi_buf_add(o, "`", 1); vgi_buf_add(o, t, tn); vgi_buf_add(o, "`", 1);
      } else {
        const char *mk = c == '*' ? "**" : c == '_' ? "*" : "";
        vgi_buf_puts(o, mk);
        inline_text(a, o, s + i + 1, e - i - 1, depth + 1);
        vgi_buf_puts(o, mk);
      }
      i = e + 1; plain = i;
      continue;
    }
    /* replacements */
    if (c == '(' && i + 2 < n) {
      const char *r = NULL;
      size_t rn = 0;
      if (!strncmp(s + i, "(C)", 3)) { r = "\xc2\xa9"; rn = 3; }
      else if (!strncmp(s + i, "(R)", 3)) { r = "\xc2\xae"; rn = 3; }
      else if (i + 3 < n && !strncmp(s + i, "(TM)", 4)) { r = "\xe2\x84\xa2"; rn = 4; }
      if (r) { FLUSH(); vgi_buf_puts(o, r); i += rn; plain = i; continue; }
    }
    /* "--" is a dash between words ("this--that") or spaces, as Asciidoctor
     * replaces it; an option ("git reset --hard") stays */
    if (c == '-' && i + 1 < n && s[i + 1] == '-' && (i + 2 >= n || s[i + 2] != '-') &&
        (i == 0 || s[i - 1] != '-') &&
        ((i > 0 && word_char((unsigned char)s[i - 1]) && i + 2 < n && word_char((unsigned char)s[i + 2])) ||
         ((i == 0 || s[i - 1] == ' ') && (i + 2 >= n || s[i + 2] == ' ')))) {
      FLUSH();
      vgi_buf_puts(o, "\xe2\x80\x94");
      i += 2; plain = i;
      continue;
    }
    i++;
  }
  FLUSH();
#undef FLUSH
}

/* text that Markdown must show as it is: an HTML-looking "<name>" is text
 * in AsciiDoc (escaped, so cmark does not drop it as a tag) */
/* passed-through HTML (pass:[<kbd>Ctrl</kbd>], +++<b>x</b>+++) as the
 * reader sees it: its tags are markup, its character references the
 * characters they stand for */
static void html_text(vgi_buf *o, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '<' && i + 1 < n && (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
      const char *gt = memchr(s + i, '>', n - i < 512 ? n - i : 512);
      if (gt) { i = (size_t)(gt - s); continue; }
    }
    char ch[5];
    size_t used = 0;
    if (s[i] == '&' && vgi_html_entity(s + i, s + n, ch, &used)) {
      vgi_buf_puts(o, ch);
      i += used - 1;
      continue;
    }
    vgi_buf_add(o, s + i, 1);
  }
}

static void put_md(vgi_buf *o, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '<' && i + 1 < n && (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/')) vgi_buf_add(o, "\\<", 2);
    else vgi_buf_add(o, s + i, 1);
  }
}

/* a line of text: attributes expanded, then the inline markup; a hard line
 * break's " +" dropped */
static void text_line(adoc *a, vgi_buf *o, const char *s, size_t n) {
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  if (n >= 2 && s[n - 1] == '+' && s[n - 2] == ' ') n -= 2;
  inline_text(a, o, s, n, 0);   /* its attributes were expanded by the preprocessor */
}

/* A line of a paragraph whose text, once its markup is gone, opens like a
 * Markdown block ("+>+) will" became "> ) will", a quote): the mark is
 * escaped, so it stays text. A "> " the line was written with is Markdown's
 * quote, which Asciidoctor reads too. */
static void escape_block_start(vgi_buf *b, size_t at, const char *src, size_t n) {
  if (!b->s || b->n <= at) return;
  const char *t = b->s + at;
  size_t tn = b->n - at, k = 0;
  int mark = 0;
  if (!tn) return;
  if (t[0] == '>') mark = !(n >= 2 && src[0] == '>' && src[1] == ' ');
  else if (t[0] == '#' || (tn >= 3 && !strncmp(t, "```", 3)) || (tn >= 3 && !strncmp(t, "~~~", 3))) mark = 1;
  else if ((t[0] == '-' || t[0] == '+' || t[0] == '*') && (tn == 1 || t[1] == ' ')) mark = 1;
  else if (t[0] == '=' || t[0] == '-' || t[0] == '_') {
    while (k < tn && (t[k] == t[0] || t[k] == ' ')) k++;
    mark = k == tn;                  /* a setext underline or a thematic break */
  } else if (isdigit((unsigned char)t[0])) {
    while (k < tn && k < 9 && isdigit((unsigned char)t[k])) k++;
    if (k < tn && (t[k] == '.' || t[k] == ')') && (k + 1 == tn || t[k + 1] == ' ')) {
      vgi_buf rest = {0};
      vgi_buf_add(&rest, t + k, tn - k);
      b->n = at + k;
      vgi_buf_add(b, "\\", 1);
      vgi_buf_add(b, rest.s, rest.n);
      vgi_buf_free(&rest);
    }
    return;
  }
  if (!mark) return;
  vgi_buf rest = {0};
  vgi_buf_add(&rest, t, tn);
  b->n = at;
  vgi_buf_add(b, "\\", 1);
  vgi_buf_add(b, rest.s, rest.n);
  vgi_buf_free(&rest);
}

/* a line of a paragraph added to the ones before it, a space between, its
 * hard line break (" +") dropped */
static void join_line(vgi_buf *o, const char *s, size_t n) {
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  if (n >= 2 && s[n - 1] == '+' && s[n - 2] == ' ') n -= 2;
  while (n > 0 && s[n - 1] == ' ') n--;
  if (!n) return;
  if (o->n) vgi_buf_add(o, " ", 1);
  vgi_buf_add(o, s, n);
}

static void emit_text(adoc *a, int src, const char *prefix, const char *s, size_t n) {
  vgi_buf b = {0};
  vgi_buf_puts(&b, prefix);
  size_t at = b.n;
  text_line(a, &b, s, n);
  escape_block_start(&b, at, s, n);
  out_line(a, src, b.s ? b.s : "", b.n);
  vgi_buf_free(&b);
}

/* ---- blocks ------------------------------------------------------------------ */


/* "== Title" or "## Title": its level (1 = "="), the title at *t */
static int section_line(const vgi_line *l, const char **t, int *tn) {
  const char *s = l->s;
  int n = l->len, k = 0;
  if (n < 2) return 0;
  char c = s[0];
  if (c != '=' && c != '#') return 0;
  while (k < n && s[k] == c) k++;
  if (k > 6 || k >= n || s[k] != ' ') return 0;
  int b = k + 1;
  while (b < n && s[b] == ' ') b++;
  int e = n;
  /* "== Title ==" (symmetric) */
  while (e > b && (s[e - 1] == c || s[e - 1] == ' ')) {
    int m = e;
    while (m > b && s[m - 1] == c) m--;
    if (m < e && m > b && s[m - 1] == ' ') e = m - 1;
    else break;
  }
  if (e <= b) return 0;
  *t = s + b;
  *tn = e - b;
  return k;
}

/* "[source,python]", "[NOTE]", "[quote, Author, Work]", "[cols=...]" */
static void block_attributes(adoc *a, const char *s, size_t n) {
  char buf[512];
  size_t bn = n < sizeof buf - 1 ? n : sizeof buf - 1;
  memcpy(buf, s, bn);
  buf[bn] = 0;
  /* commas inside quotes are the value's */
  int inq = 0;
  for (char *q = buf; *q; q++) {
    if (*q == '"') inq = !inq;
    else if (*q == ',' && !inq) *q = '\x1f';
  }
  int pos = 0;
  for (char *save = NULL, *p = strtok_r(buf, "\x1f", &save); p; p = strtok_r(NULL, "\x1f", &save), pos++) {
    while (*p == ' ') p++;
    char *end = p + strlen(p);
    while (end > p && end[-1] == ' ') *--end = 0;
    char *eq = strchr(p, '=');
    if (eq) {
      *eq = 0;
      char *v = eq + 1;
      if (*v == '"') { v++; char *q = strchr(v, '"'); if (q) *q = 0; }
      if (!strcmp(p, "options") || !strcmp(p, "opts")) {
        if (strstr(v, "header")) a->header_opt = strstr(v, "noheader") ? 0 : 1;
        if (strstr(v, "noheader")) a->noheader_opt = 1;
      } else if (!strcmp(p, "cols")) {
        /* "3", "1,2,1", "3*", "2*,1" */
        int cols = 0;
        if (strchr(v, ',') || strchr(v, ';')) {
          for (char *q = v; *q; q++) if (*q == ',' || *q == ';') cols++;
          cols++;
          for (char *q = v; *q; q++) if (*q == '*') { cols += atoi(v) - 1; break; }
        } else {
          cols = atoi(v);
          if (!cols) cols = 1;
        }
        a->ncols = cols > 0 && cols <= MAX_COLS ? cols : 0;
      } else if (!strcmp(p, "separator") && *v) {
        a->sep = *v;
      }
      continue;
    }
    if (pos == 0) {
      /* the style, with #id, .role and %option shorthands */
      char *q = p;
      while (*q && *q != '#' && *q != '.' && *q != '%') q++;
      char opt[64] = "";
      char *pc = strchr(p, '%');
      if (pc) snprintf(opt, sizeof opt, "%s", pc + 1);
      *q = 0;
      snprintf(a->style, sizeof a->style, "%s", p);
      if (strstr(opt, "noheader")) a->noheader_opt = 1;   /* "%noheader" holds "header" too */
      else if (strstr(opt, "header")) a->header_opt = 1;
    } else if (pos == 1) {
      if (!strcmp(a->style, "source") || !a->style[0]) snprintf(a->lang, sizeof a->lang, "%s", p);
      else if (!strcmp(a->style, "quote") || !strcmp(a->style, "verse")) snprintf(a->cite, sizeof a->cite, "%s", p);
    }
  }
  if (!a->style[0] && a->lang[0]) snprintf(a->style, sizeof a->style, "source");
}

/* asciidoctor-diagram's block styles ("[plantuml]"): a diagram drawn at
 * build time, whose source is all a reader has */
static int diagram_style(const char *st) {
  static const char *const kinds[] = { "plantuml", "ditaa", "graphviz", "dot", "mermaid", "a2s", "blockdiag",
                                       "seqdiag", "actdiag", "nwdiag", "svgbob", "d2", "wavedrom", "bpmn",
                                       "erd", "nomnoml", "pikchr", "structurizr", "bytefield", "vega", "tikz", NULL };
  for (int i = 0; kinds[i]; i++) if (!strcmp(st, kinds[i])) return 1;
  return 0;
}

static void clear_pending(adoc *a) {
  a->style[0] = a->lang[0] = a->cite[0] = 0;
  a->header_opt = a->noheader_opt = a->ncols = 0;
  a->sep = 0;
}

static int admonition(const char *s, size_t n) {
  static const char *const kinds[] = { "NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION", NULL };
  for (int i = 0; kinds[i]; i++) if (strlen(kinds[i]) == n && !strncmp(kinds[i], s, n)) return i + 1;
  return 0;
}

static const char *label_of(int k) {
  static const char *const labels[] = { "", "**Note:**", "**Tip:**", "**Important:**", "**Warning:**", "**Caution:**" };
  return labels[k];
}

static const char *alert_of(int k) {
  static const char *const alerts[] = { "", "[!NOTE]", "[!TIP]", "[!IMPORTANT]", "[!WARNING]", "[!CAUTION]" };
  return alerts[k];
}

/* the closing line of a delimited block opened at `open`, from i, or -1 */
static int closing(adoc *a, int open, int i, int end) {
  const vgi_line *o = &a->L[open];
  int fence = o->len >= 3 && !strncmp(o->s, "```", 3);
  for (; i < end; i++) {
    const vgi_line *l = &a->L[i];
    if (gone(l)) continue;
    if (fence ? l->len >= 3 && !strncmp(l->s, "```", 3) && l->ind == 0
              : l->len == o->len && !memcmp(l->s, o->s, (size_t)o->len))
      return i;
  }
  return -1;
}

/* the delimiter kinds: the character that repeats */
static char delimiter(const vgi_line *l) {
  if (l->len >= 3 && !strncmp(l->s, "```", 3)) return '`';
  if (l->len == 2 && !strncmp(l->s, "--", 2)) return 'o';
  if (l->len >= 4 && (delimiter_run(l, '-', 4))) return '-';
  if (delimiter_run(l, '.', 4)) return '.';
  if (delimiter_run(l, '+', 4)) return '+';
  if (delimiter_run(l, '_', 4)) return '_';
  if (delimiter_run(l, '=', 4)) return '=';
  if (delimiter_run(l, '*', 4)) return '*';
  return 0;
}

static int list_marker(const vgi_line *l, int *kind, int *level, int *text_at);
static void blocks(adoc *a, int from, int to, const char *pre, int depth);
static int two_line_title(const char *t, size_t n);

/* a verbatim block [open+1, close) as fenced code */
static void code_block(adoc *a, int open, int close, const char *pre, const char *lang, int strip_callouts) {
  vgi_buf b = {0};
  /* a language is a word ("java", "c++", "c#", "shell-session"); a template's
   * variable ("$lang") is none */
  for (const char *q = lang; *q; q++)
    if (!isalnum((unsigned char)*q) && !strchr("+#._-", *q)) { lang = ""; break; }
  vgi_buf_printf(&b, "%s```%s", pre, lang);
  out_line(a, a->L[open].no, b.s, b.n);
  vgi_buf_free(&b);
  for (int i = open + 1; i < close; i++) {
    const vgi_line *l = &a->L[i];
    if (gone(l)) continue;
    size_t n = (size_t)l->len;
    /* "{@link examples.Web#example2}" alone: a documentation template's
     * reference to code kept elsewhere, as an include is */
    if (n > 8 && !strncmp(l->s + l->ind, "{@link ", 7) && l->s[n - 1] == '}' && !memchr(l->s + l->ind + 1, '{', n - l->ind - 1))
      continue;
    if (strip_callouts) {
      /* "<1>" callout marks at the end, with the comment mark before them */
      for (;;) {
        size_t e = n;
        while (e > 0 && l->s[e - 1] == ' ') e--;
        if (e < 3 || l->s[e - 1] != '>') break;
        size_t k = e - 1;
        while (k > 0 && (isdigit((unsigned char)l->s[k - 1]) || l->s[k - 1] == '.')) k--;
        if (k == 0 || l->s[k - 1] != '<' || k == e - 1) break;
        n = k - 1;
        while (n > 0 && l->s[n - 1] == ' ') n--;
        if (n >= 2 && (!strncmp(l->s + n - 2, "//", 2) || !strncmp(l->s + n - 2, "--", 2))) n -= 2;
        else if (n >= 1 && (l->s[n - 1] == '#' || l->s[n - 1] == ';')) n -= 1;
        while (n > 0 && l->s[n - 1] == ' ') n--;
      }
    }
    vgi_buf c = {0};
    vgi_buf_puts(&c, pre);
    vgi_buf_add(&c, l->s, n);
    out_line(a, l->no, c.s, c.n);
    vgi_buf_free(&c);
  }
  b = (vgi_buf){0};
  vgi_buf_printf(&b, "%s```", pre);
  out_line(a, a->L[close < a->n ? close : a->n - 1].no, b.s, b.n);
  vgi_buf_free(&b);
}

/* lines [a0, a1) as fenced code, their common indentation removed */
static void fenced(adoc *a, int a0, int a1, const char *pre) {
  int base = INT_MAX;
  for (int k = a0; k < a1; k++)
    if (!gone(&a->L[k]) && !blank(&a->L[k]) && a->L[k].ind < base) base = a->L[k].ind;
  if (base == INT_MAX) base = 0;
  vgi_buf b = {0};
  vgi_buf_printf(&b, "%s```", pre);
  out_line(a, a->L[a0].no, b.s, b.n);
  for (int k = a0; k < a1; k++) {
    const vgi_line *c = &a->L[k];
    if (gone(c)) continue;
    b.n = 0;
    vgi_buf_puts(&b, pre);
    int cut = c->ind < base ? c->ind : base;
    vgi_buf_add(&b, c->s + cut, (size_t)(c->len - cut));
    out_line(a, c->no, b.s, b.n);
  }
  b.n = 0;
  vgi_buf_printf(&b, "%s```", pre);
  out_line(a, a->L[a1 - 1].no, b.s, b.n);
  vgi_buf_free(&b);
}

/* cells of a table's lines [open+1, close): "|a |b" or CSV */
static void table_block(adoc *a, int open, int close, const char *pre) {
  char sep = a->sep ? a->sep : a->L[open].s[0] == ',' ? ',' : a->L[open].s[0] == ':' ? ':' :
                                a->L[open].s[0] == '!' ? '!' : '|';
  int csv = sep == ',' || sep == ':';
  vgi_buf *cells = NULL;
  int ncells = 0, cap = 0, first_row_cells = 0, first_row_end = -1, header = a->header_opt;
  int first_line = -1;
  for (int i = open + 1; i < close; i++) {
    const vgi_line *l = &a->L[i];
    if (gone(l)) continue;
    if (blank(l)) {
      /* a blank line right after the first line of cells: that line is the header */
      if (first_line >= 0 && first_row_end < 0 && !a->noheader_opt) { header = 1; first_row_end = ncells; }
      continue;
    }
    const char *s = l->s + l->ind;
    size_t n = (size_t)(l->len - l->ind);
    if (first_line < 0) first_line = i;
    size_t spec = 0;   /* "a|", "2+|", ".3+^.^s|": a cell spec before the separator */
    while (spec < n && spec < 12 && (isdigit((unsigned char)s[spec]) || strchr("+*.<^>aehlmdsv", s[spec]))) spec++;
    int spec_opens = !csv && spec > 0 && spec < n && s[spec] == sep;
    if (csv || s[0] == sep || spec_opens || (s[0] != sep && memchr(s, sep, n) && ncells == 0)) {
      /* a new cell at every unescaped separator (a cell spec such as "2+" or
       * "a" before it is dropped) */
      size_t k = 0;
      if (!csv) {
        while (k < n && s[k] != sep) k++;   /* what comes before the first separator: a spec */
        if (k < n) k++;
      }
      while (k <= n) {
        size_t j = k;
        int quoted = csv && j < n && s[j] == '"';
        if (quoted) j++;
        while (j < n && !(s[j] == sep && (j == 0 || s[j - 1] != '\\') && (!quoted || s[j - 1] == '"'))) j++;
        size_t cn = j - k;
        /* the spec of the next cell sits at the end of this one ("a 2+|b") */
        size_t ce = cn;
        if (!csv && j < n) {
          size_t q = k + cn;
          while (q > k && s[q - 1] != ' ' && s[q - 1] != '\t') q--;
          const char *spec = s + q;
          size_t sn = k + cn - q, z = 0;
          while (z < sn && (isdigit((unsigned char)spec[z]) || strchr("+*.<^>aehlmdsv", spec[z]))) z++;
          if (sn > 0 && z == sn && (q == k || s[q - 1] == ' ')) ce = q - k;
        }
        if (ncells == cap) {
          cap = cap ? cap * 2 : 16;
          vgi_buf *nc = realloc(cells, sizeof *nc * (size_t)cap);
          if (!nc) abort();
          cells = nc;
        }
        cells[ncells] = (vgi_buf){0};
        const char *cs = s + k;
        size_t cl = ce;
        while (cl > 0 && (cs[cl - 1] == ' ' || cs[cl - 1] == '\t')) cl--;
        while (cl > 0 && (*cs == ' ' || *cs == '\t')) { cs++; cl--; }
        if (quoted && cl >= 2 && cs[0] == '"' && cs[cl - 1] == '"') { cs++; cl -= 2; }
        if (!csv && cl > 2 && (cs[0] == '*' || cs[0] == '-') && cs[1] == ' ') { cs += 2; cl -= 2; }   /* a list in the cell */
        text_line(a, &cells[ncells], cs, cl);
        ncells++;
        if (ncells > 100000) break;
        k = j + 1;
        if (j >= n) break;
      }
      if (first_row_cells == 0) first_row_cells = ncells;
    } else if (ncells > 0) {
      /* a cell's text goes on; a list item in it ("a|" cells) after a semicolon */
      int item = n > 2 && (s[0] == '*' || s[0] == '-' || s[0] == '.') && s[1] == ' ';
      vgi_buf_add(&cells[ncells - 1], item ? "; " : " ", item ? 2 : 1);
      text_line(a, &cells[ncells - 1], s + (item ? 2 : 0), n - (item ? 2 : 0));
    }
  }
  int cols = a->ncols ? a->ncols : first_row_cells;
  if (cols < 1) cols = 1;
  if (cols > MAX_COLS) cols = MAX_COLS;
  if (first_row_end >= 0 && first_row_end != cols) header = a->header_opt;
  int src = a->L[open].no;
  if (ncells > 0) {
    if (cols == 2 && !header) {
      /* two columns and no header: a labelled list, as AsciiDoc writes one */
      for (int r = 0; r + 1 < ncells; r += 2) {
        vgi_buf b = {0};
        vgi_buf_printf(&b, "%s- **%s**: %s", pre, cells[r].s ? cells[r].s : "", cells[r + 1].s ? cells[r + 1].s : "");
        out_line(a, src, b.s, b.n);
        vgi_buf_free(&b);
      }
    } else {
      int rows = (ncells + cols - 1) / cols;
      if (!header) {
        /* Markdown's table has a header row: an empty one, so the first row
         * is a row like the others */
        table_row_of(a, src, pre, cols, "  |");
        table_row_of(a, src, pre, cols, " --- |");
      }
      for (int r = 0; r < rows; r++) {
        vgi_buf b = {0};
        vgi_buf_puts(&b, pre);
        vgi_buf_add(&b, "|", 1);
        for (int c = 0; c < cols; c++) {
          int k = r * cols + c;
          vgi_buf_add(&b, " ", 1);
          if (k < ncells && cells[k].s)
            for (size_t q = 0; q < cells[k].n; q++) {
              if (cells[k].s[q] == '|' && (q == 0 || cells[k].s[q - 1] != '\\')) vgi_buf_add(&b, "\\", 1);
              vgi_buf_add(&b, cells[k].s + q, 1);
            }
          vgi_buf_add(&b, " |", 2);
        }
        out_line(a, src, b.s, b.n);
        vgi_buf_free(&b);
        if (r == 0 && header) table_row_of(a, src, pre, cols, " --- |");
      }
    }
  }
  for (int k = 0; k < ncells; k++) vgi_buf_free(&cells[k]);
  free(cells);
}

/* a list marker: kind 1 unordered ("*", "-"), 2 ordered (".", "1."), 3 a
 * labelled item ("term::"), 4 a callout ("<1>"); level by the marker */
static int list_marker(const vgi_line *l, int *kind, int *level, int *text_at) {
  const char *s = l->s + l->ind;
  int n = l->len - l->ind, k = 0;
  if (n < 2) return 0;
  if (s[0] == '*' || s[0] == '.') {
    while (k < n && s[k] == s[0]) k++;
    if (k < n && s[k] == ' ' && k <= 5 && !(s[0] == '.' && k >= 4)) {
      *kind = s[0] == '*' ? 1 : 2; *level = k; *text_at = l->ind + k + 1;
      return 1;
    }
    return 0;
  }
  if (s[0] == '-' && s[1] == ' ') { *kind = 1; *level = 1; *text_at = l->ind + 2; return 1; }
  if (isdigit((unsigned char)s[0])) {
    while (k < n && k < 9 && isdigit((unsigned char)s[k])) k++;
    if (k + 1 < n && s[k] == '.' && s[k + 1] == ' ') { *kind = 2; *level = 1; *text_at = l->ind + k + 2; return 1; }
    return 0;
  }
  if (s[0] == '<' && n > 3) {
    while (k + 1 < n && (isdigit((unsigned char)s[k + 1]) || s[k + 1] == '.')) k++;
    if (k > 0 && k + 2 < n && s[k + 1] == '>' && s[k + 2] == ' ') { *kind = 4; *level = 1; *text_at = l->ind + k + 3; return 1; }
    /* else perhaps a term: "<tree-ish>:: text" (git's manual pages) */
  }
  /* term:: text, term::: text, term;; text (not a URL, not a macro) */
  for (int i = 1; i + 1 < n; i++) {
    if ((s[i] == ':' && s[i + 1] == ':') || (s[i] == ';' && s[i + 1] == ';')) {
      int m = i + 2;
      while (m < n && s[m] == ':' && m - i < 4) m++;
      if (m < n && s[m] != ' ' && s[m] != '\t') return 0;
      if (!strncmp(s, "image", 5) || !strncmp(s, "toc", 3) || !strncmp(s, "video", 5) || !strncmp(s, "audio", 5))
        return 0;
      /* "::" is level 1, ":::" 2, "::::" 3 and ";;" 4, as Asciidoctor counts */
      *kind = 3; *level = s[i] == ';' ? 4 : m - i - 1; *text_at = l->ind + i;   /* the term ends at i */
      return 1;
    }
    if (s[i] == ' ' && i > 200) return 0;
  }
  return 0;
}

static void item_line(adoc *a, int src, const char *pre, int indent, const char *marker, const char *s,
                      size_t n) {
  vgi_buf b = {0};
  vgi_buf_puts(&b, pre);
  for (int k = 0; k < indent; k++) vgi_buf_add(&b, " ", 1);
  vgi_buf_puts(&b, marker);
  text_line(a, &b, s, n);
  out_line(a, src, b.s, b.n);
  vgi_buf_free(&b);
}

/* the Markdown indent of each open list level and whether it is ordered */
typedef struct lists { int depth; int level[MAX_LEVEL], kind[MAX_LEVEL], indent[MAX_LEVEL], width[MAX_LEVEL]; } lists;

/* the depth of a list item of (kind, level): a marker seen before is its
 * level again, a new one nests under the open item */
static int list_depth(lists *ls, int kind, int level) {
  for (int d = ls->depth - 1; d >= 0; d--)
    if (ls->kind[d] == kind && ls->level[d] == level) { ls->depth = d + 1; return d; }
  if (ls->depth == MAX_LEVEL) return ls->depth - 1;
  int d = ls->depth++;
  ls->kind[d] = kind;
  ls->level[d] = level;
  ls->indent[d] = d > 0 ? ls->indent[d - 1] + ls->width[d - 1] : 0;
  ls->width[d] = kind == 2 ? 3 : 2;
  return d;
}

/* a line that ends the paragraph or list item before it */
static int starts_block(const vgi_line *l) {
  int k, lv, at;
  const char *t;
  int tn;
  return blank(l) || delimiter(l) || (l->len == 4 && strchr("|,:!", l->s[0]) && !memcmp(l->s + 1, "===", 3)) ||
         (list_marker(l, &k, &lv, &at) && l->ind == 0) || section_line(l, &t, &tn) ||
         (l->len == 1 && l->s[0] == '+') || (l->len >= 2 && l->s[0] == '[' && l->s[l->len - 1] == ']');
}

/* ---- git's manual pages: options and synopses ------------------------------ */

/* A summary shows the first terms of a labelled list, each with its first
 * sentence, and says how many more there are, as the manual page reader
 * does (text.c): git-diff.txt's options were forty slides of names */
enum { TERMS_SUMMED = 8, TERM_WORDS_SUMMED = 100, TERM_FORMS_MAX = 64 };

typedef struct terms_fold { int items, words, folded, options, last_src; } terms_fold;

static int words_of(const char *s, size_t n) {
  int w = 0, in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n';
    w += !sp && !in;
    in = !sp;
  }
  return w;
}

/* the first line from i on that is not gone (to when none) */
static int next_kept(const adoc *a, int i, int to) {
  while (i < to && gone(&a->L[i])) i++;
  return i;
}

/* ... and neither blank */
static int next_text(const adoc *a, int i, int to) {
  while (i < to && (gone(&a->L[i]) || blank(&a->L[i]))) i++;
  return i;
}

static int lone_plus(const vgi_line *l) { return l->len == 1 && l->s[0] == '+'; }

/* a term of a labelled list at level, at the left margin */
static int is_term(const vgi_line *l, int level) {
  int k, lv, at;
  return l->ind == 0 && list_marker(l, &k, &lv, &at) && k == 3 && lv == level;
}

/* the text on a term's line after its marker (":: text") */
static const char *term_rest(const vgi_line *l, int at, size_t *n) {
  const char *t = l->s + at, *end = l->s + l->len;
  while (t < end && (*t == ':' || *t == ';')) t++;
  while (t < end && (*t == ' ' || *t == '\t')) t++;
  *n = (size_t)(end - t);
  return t;
}

/* git's pages give an option's forms on lines of their own ("-p::" over
 * "-u::" over "--patch::" over its text): one term "-p, -u, --patch", as
 * the man page shows it, never an item of each. Adds the forms after the
 * one at i to term; -> the line of the last one */
static int term_forms(adoc *a, int i, int to, int level, vgi_buf *term) {
  for (int forms = 1; forms < TERM_FORMS_MAX; forms++) {
    int k, lv, at;
    size_t rn;
    list_marker(&a->L[i], &k, &lv, &at);
    term_rest(&a->L[i], at, &rn);
    if (rn) break;
    int j = next_kept(a, i + 1, to);
    if (j >= to || !is_term(&a->L[j], level)) break;
    list_marker(&a->L[j], &k, &lv, &at);
    vgi_buf_puts(term, ", ");
    text_line(a, term, a->L[j].s, (size_t)at);
    i = j;
  }
  return i;
}

/* A term's text may come after blank lines, indented ("'git diff'
 * [<options>]::", an empty line, a tab-indented paragraph): the item's
 * text, as Asciidoctor reads it, never a literal block. Adds it to body;
 * -> its last line, i when there is none */
static int term_text_below(adoc *a, int i, int to, vgi_buf *body) {
  int m = next_text(a, i + 1, to), k, lv, at;
  if (m >= to || m == i + 1 || a->L[m].ind == 0) return i;
  const vgi_line *l = &a->L[m];
  if (list_marker(l, &k, &lv, &at) || delimiter(l)) return i;
  int e = m;
  join_line(body, l->s + l->ind, (size_t)(l->len - l->ind));
  while (e + 1 < to && !blank(&a->L[e + 1]) && !lone_plus(&a->L[e + 1])) {
    e++;
    if (!gone(&a->L[e])) join_line(body, a->L[e].s + a->L[e].ind, (size_t)(a->L[e].len - a->L[e].ind));
  }
  return e;
}

/* the last line of what belongs to the labelled item whose own text ends
 * at i: blocks joined with "+", lists nested in it (a list of another
 * marker nests, as Asciidoctor reads it) and paragraphs indented under it,
 * up to the next term of its level or the end of the list */
static int item_extent(adoc *a, int i, int to, int level) {
  int j = i;
  while (j + 1 < to) {
    int k = next_kept(a, j + 1, to);
    if (k >= to) break;
    const vgi_line *l = &a->L[k];
    int kind, lv, at;
    if (blank(l)) {
      int m = next_text(a, k, to);
      if (m >= to || is_term(&a->L[m], level)) break;
      const vgi_line *ml = &a->L[m];
      if (lone_plus(ml) || ml->ind > 0 || list_marker(ml, &kind, &lv, &at)) { j = m - 1; continue; }
      break;
    }
    if (is_term(l, level)) break;
    if (lone_plus(l)) {
      /* the joined block, after its attribute and title lines */
      int b = next_kept(a, k + 1, to);
      while (b < to && !blank(&a->L[b]) &&
             ((a->L[b].s[0] == '[' && a->L[b].s[a->L[b].len - 1] == ']') ||
              (a->L[b].len >= 2 && a->L[b].s[0] == '.' && a->L[b].s[1] != '.' && a->L[b].s[1] != ' ')))
        b = next_kept(a, b + 1, to);
      if (b < to && (delimiter(&a->L[b]) || (a->L[b].len == 4 && strchr("|,:!", a->L[b].s[0]) &&
                                            !memcmp(a->L[b].s + 1, "===", 3)))) {
        int c = closing(a, b, b + 1, to);
        j = c < 0 ? to - 1 : c;
      } else {
        j = k;   /* a paragraph: its lines are read next */
      }
      continue;
    }
    const char *t;
    int tn;
    if (delimiter(l) || section_line(l, &t, &tn)) break;
    j = k;   /* its text, a nested list (of another marker), an indented line */
  }
  return j;
}

/* "- 52 more options" after the terms a summary showed */
static void terms_fold_end(adoc *a, terms_fold *f, const char *pre) {
  if (f->folded) {
    attr *lang = find_attr(a, "lang", 4);
    const char *lg = lang && lang->value[0] ? lang->value : "en";
    char num[16];
    snprintf(num, sizeof num, "%d", f->folded);
    const char *arg = num;
    vgi_buf b = {0};
    vgi_buf_printf(&b, "%s- ", pre);
    if (f->folded == 1 && f->options) vgi_buf_puts(&b, vgi_phrase(lg, "more_options_one"));
    else vgi_phrase_put(&b, lg, f->options ? "more_options" : "api_more", &arg, 1);
    out_line(a, f->last_src, b.s, b.n);
    vgi_buf_free(&b);
  }
  *f = (terms_fold){0};
}

/* A synopsis ("[verse]" under SYNOPSIS in git's pages, "[synopsis]" in
 * newer ones) holds the forms of a command line: shown as code, never read
 * out mark by mark; what is said is what the command is for (its NAME
 * line), as the man page reader leaves the forms unsaid */
static int synopsis_style(const adoc *a) {
  return !strcmp(a->style, "synopsis") || (!strcmp(a->style, "verse") && !strcasecmp(a->section, "SYNOPSIS"));
}

/* a synopsis line without the quotes around its command ("'git diff'") */
static void synopsis_line(vgi_buf *b, const char *s, size_t n, vgi_buf *cmd) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
  vgi_buf_add(b, s, i);
  if (i < n && (s[i] == '\'' || s[i] == '`')) {
    const char *q = memchr(s + i + 1, s[i], n - i - 1);
    if (q) {
      if (cmd && !cmd->n) vgi_buf_add(cmd, s + i + 1, (size_t)(q - s - i - 1));
      vgi_buf_add(b, s + i + 1, (size_t)(q - s - i - 1));
      i = (size_t)(q - s) + 1;
    }
  }
  if (cmd && !cmd->n) {
    /* an unquoted command: its words before the first option or operand */
    size_t e = i;
    while (e < n && !strchr("[<-{(|", s[e])) e++;
    while (e > i && s[e - 1] == ' ') e--;
    vgi_buf_add(cmd, s + i, e - i);
  }
  vgi_buf_add(b, s + i, n - i);
}

static void synopsis_block(adoc *a, int from, int to, const char *pre) {
  vgi_buf code = {0}, cmd = {0}, b = {0};
  int first = 1;
  for (int k = from; k < to; k++) {
    if (gone(&a->L[k])) continue;
    if (!first) vgi_buf_add(&code, "\n", 1);
    synopsis_line(&code, a->L[k].s, (size_t)a->L[k].len, first ? &cmd : NULL);
    first = 0;
  }
  /* what it is for: "git mailsplit: Simple UNIX mbox splitter program." */
  if (cmd.n && a->purpose[0]) {
    vgi_buf_puts(&b, pre);
    vgi_buf_add(&b, cmd.s, cmd.n);
    vgi_buf_puts(&b, ": ");
    text_line(a, &b, a->purpose, strlen(a->purpose));
    if (!strchr(".!?", a->purpose[strlen(a->purpose) - 1])) vgi_buf_add(&b, ".", 1);
    out_line(a, a->L[from].no, b.s, b.n);
    b.n = 0;
    vgi_buf_printf(&b, "%s", pre);
    out_line(a, a->L[from].no, b.s, b.n);
    b.n = 0;
  }
  vgi_buf_printf(&b, "%s```sh", pre);
  out_line(a, a->L[from].no, b.s, b.n);
  size_t at = 0;
  for (int k = from; k < to; k++) {
    if (gone(&a->L[k])) continue;
    const char *nl = code.s ? memchr(code.s + at, '\n', code.n - at) : NULL;
    size_t e = nl ? (size_t)(nl - code.s) : code.n;
    b.n = 0;
    vgi_buf_puts(&b, pre);
    vgi_buf_add(&b, code.s ? code.s + at : "", e - at);
    out_line(a, a->L[k].no, b.s, b.n);
    at = nl ? e + 1 : code.n;
  }
  b.n = 0;
  vgi_buf_printf(&b, "%s```", pre);
  out_line(a, a->L[to - 1].no, b.s, b.n);
  vgi_buf_free(&b);
  vgi_buf_free(&code);
  vgi_buf_free(&cmd);
}

/* what the command is for, from NAME's "git-diff - Show changes …" */
static void note_purpose(adoc *a, const char *s, size_t n) {
  if (a->purpose[0] || strcasecmp(a->section, "NAME")) return;
  for (size_t i = 0; i + 2 < n && i < 200; i++)
    if (s[i] == ' ' && s[i + 1] == '-' && s[i + 2] == ' ') {
      size_t b = i + 3;
      while (b < n && s[b] == ' ') b++;
      snprintf(a->purpose, sizeof a->purpose, "%.*s", (int)(n - b), s + b);
      return;
    }
}

/* ---- manual pages ---------------------------------------------------------------- */

/* The section title at line i of [from, to): its level, the title at *t
 * (an underlined one takes the next line too), else 0 */
static int title_at(const adoc *a, int i, int to, const char **t, int *tn) {
  const vgi_line *l = &a->L[i];
  if (l->ind > 0) return 0;
  int level = section_line(l, t, tn);
  if (!level && i + 1 < to && !gone(&a->L[i + 1]) && (level = underline_level(a, l, &a->L[i + 1]))) {
    *t = l->s;
    *tn = l->len;
  }
  return level;
}

/* A manual page written in AsciiDoc (git's, asciidoctor's manpage doctype):
 * its title "name(volume)", its first section NAME with "name - purpose".
 * Read as the man page reader reads one: the title is "name — purpose",
 * NAME is not read again. Sets a->man_name and a->purpose; looks at the
 * header and the first paragraph of NAME only. */
static void man_detect(adoc *a, int from, int to) {
  const char *t;
  int tn, i = from, seen = 0;
  while (i < to && (gone(&a->L[i]) || blank(&a->L[i]))) i++;
  if (i >= to || title_at(a, i, to, &t, &tn) != 1) return;
  /* "git-am(1)", "asciidoctor(1)": a name, then its volume in brackets */
  int open = 0;
  while (open < tn && t[open] != '(' && t[open] != ' ') open++;
  if (open == 0 || open >= tn || t[open] != '(' || t[tn - 1] != ')' || tn - open < 3 ||
      open >= (int)sizeof a->man_name || !isdigit((unsigned char)t[open + 1]))
    return;
  for (int k = open + 1; k < tn - 1; k++)
    if (!isalnum((unsigned char)t[k])) return;
  int name_len = open;
  const char *name = t;
  /* the next section title, past the header's lines */
  for (i++; i < to && seen < 64; i++, seen++) {
    if (gone(&a->L[i]) || blank(&a->L[i])) continue;
    int level = title_at(a, i, to, &t, &tn);
    if (level == 1) continue;   /* the title's own underline */
    if (!level) {
      if (delimiter_run(&a->L[i], a->L[i].s[0], 2)) continue;
      if (a->L[i].s[0] == ':') continue;   /* an attribute entry */
      return;                              /* text before any section */
    }
    if (tn != 4 || strncasecmp(t, "NAME", 4)) return;
    if (section_line(&a->L[i], &t, &tn) == 0) i++;
    break;
  }
  /* NAME's line: "git-am - Apply a series of patches from a mailbox" */
  for (i++; i < to && (gone(&a->L[i]) || blank(&a->L[i])); i++) {}
  if (i >= to) return;
  const char *s = a->L[i].s + a->L[i].ind;
  size_t n = (size_t)(a->L[i].len - a->L[i].ind);
  const char *dash = NULL;
  for (size_t k = 0; k + 2 < n && k < 200 && !dash; k++)
    if (s[k] == ' ' && s[k + 1] == '-' && s[k + 2] == ' ') dash = s + k;
  if (!dash) return;
  size_t b = (size_t)(dash - s) + 3;
  while (b < n && s[b] == ' ') b++;
  /* the purpose may go on over the paragraph's next lines */
  vgi_buf p = {0};
  vgi_buf_add(&p, s + b, n - b);
  for (int j = i + 1; j < to && !blank(&a->L[j]) && p.n < 200; j++) {
    if (gone(&a->L[j])) continue;
    if (title_at(a, j, to, &t, &tn)) break;
    vgi_buf_add(&p, " ", 1);
    vgi_buf_add(&p, a->L[j].s + a->L[j].ind, (size_t)(a->L[j].len - a->L[j].ind));
  }
  if (!p.n) { vgi_buf_free(&p); return; }
  snprintf(a->purpose, sizeof a->purpose, "%.*s", (int)p.n, p.s);
  vgi_buf_free(&p);
  /* the name as NAME writes it: the title's may hold an attribute git
   * defines elsewhere ("git-credential-cache{litdd}daemon(1)") */
  size_t nn = (size_t)(dash - s);
  while (nn && s[nn - 1] == ' ') nn--;
  if (nn && nn < sizeof a->man_name) { name = s; name_len = (int)nn; }
  snprintf(a->man_name, sizeof a->man_name, "%.*s", name_len, name);
}

/* A manual page's section that a video leaves out: NAME (the title says it),
 * and in a summary SYNOPSIS (the forms of a command line: nothing to say,
 * no command to run) and the back matter, as the man page reader does; the
 * back matter includes the section named by the suite the page is part of
 * (git's "GIT": "Part of the git(1) suite"), a title that begins the
 * page's name (git-am, gitattributes, git). */
static int man_section_left_out(const adoc *a, const char *t, int tn) {
  static const char *const back[] = { "SEE ALSO", "AUTHOR", "AUTHORS", "REPORTING BUGS", "COPYRIGHT", "COPYING",
                                      "RESOURCES", "COLOPHON", "LICENSE", "ACKNOWLEDGEMENTS", "ACKNOWLEDGMENTS",
                                      "THANKS", "TRANSLATION", NULL };
  if (tn == 4 && !strncasecmp(t, "NAME", 4)) return 1;
  if (a->full) return 0;
  if (tn == 8 && !strncasecmp(t, "SYNOPSIS", 8)) return 1;
  for (int k = 0; back[k]; k++)
    if ((int)strlen(back[k]) == tn && !strncasecmp(t, back[k], (size_t)tn)) return 1;
  size_t m = strlen(a->man_name);
  return tn >= 2 && (size_t)tn <= m && !strncasecmp(t, a->man_name, (size_t)tn);
}

/* t[0..tn) in sentence case when it is written in capitals ("COMMIT
 * INFORMATION" is "Commit information"), as the man page reader writes a
 * section's name; abbreviations it keeps (GNU, API) and words with digits
 * stay as they are. Appended to o. */
static void man_title_case(vgi_buf *o, const char *t, int tn) {
  static const char *const keep[] = { "GNU", "POSIX", "API", "URL", "URI", "ID", "UUID", "I/O", "SSH", "X11",
                                      "HTTP", "HTTPS", "SHA-1", "SHA-256", NULL };
  int caps = 0;
  for (int k = 0; k < tn; k++) {
    if (islower((unsigned char)t[k]) || (unsigned char)t[k] >= 0x80) { vgi_buf_add(o, t, (size_t)tn); return; }
    caps += isupper((unsigned char)t[k]) != 0;
  }
  if (caps < 2) { vgi_buf_add(o, t, (size_t)tn); return; }
  for (int k = 0; k < tn;) {
    int b = k;
    while (k < tn && t[k] != ' ') k++;
    int kept = 0;
    for (int q = 0; keep[q] && !kept; q++) kept = (int)strlen(keep[q]) == k - b && !memcmp(t + b, keep[q], (size_t)(k - b));
    for (int q = b; q < k && !kept; q++) kept = isdigit((unsigned char)t[q]) || t[q] == '_';
    for (int q = b; q < k; q++) {
      char c = t[q];
      if (!kept && q > 0) c = (char)tolower((unsigned char)c);
      vgi_buf_add(o, &c, 1);
    }
    while (k < tn && t[k] == ' ') vgi_buf_add(o, t + k++, 1);
  }
}

static void blocks(adoc *a, int from, int to, const char *pre, int depth) {
  lists ls = {0};
  int after_plus = 0;          /* the next block belongs to the list item before "+" */
  terms_fold tf = {0};         /* a summary's run of terms: shown, left out */
  char title[512] = "";
  int title_src = 0;
  int doc_title_seen = depth > 0;
  int ahead = from;            /* the first line past a run of blank or gone lines, once found */
  for (int i = from; i < to; i++) {
    vgi_line *l = &a->L[i];
    if (gone(l)) continue;
    if (blank(l)) {
      out_str(a, l->no, *pre ? pre : "");
      if (!after_plus && ls.depth && i + 1 < to) {
        /* a list goes on after a blank line only with another item; each
         * blank line of a run has the same line after it, found once */
        int k, lv, at, j = ahead > i ? ahead : i + 1;
        while (j < to && (blank(&a->L[j]) || gone(&a->L[j]))) j++;
        ahead = j;
        /* ("+" after a blank line joins the next block to the item too) */
        if (j >= to || !(list_marker(&a->L[j], &k, &lv, &at) || lone_plus(&a->L[j]))) ls.depth = 0;
      }
      continue;
    }
    const char *s = l->s;
    int n = l->len;
    const char *t;
    int tn, level = section_line(l, &t, &tn);
    /* list continuation: "+" joins the next block to the item */
    if (n == 1 && s[0] == '+' && ls.depth) { after_plus = 1; out_str(a, l->no, pre); continue; }
    /* ... and outside a list it joins nothing: never text */
    if (n == 1 && s[0] == '+') { out_str(a, l->no, pre); continue; }
    char ipre[256];
    snprintf(ipre, sizeof ipre, "%s%*s", pre, after_plus && ls.depth ? ls.indent[ls.depth - 1] + ls.width[ls.depth - 1] : 0, "");
    int underlined = !level && i + 1 < to && !gone(&a->L[i + 1]) ? underline_level(a, l, &a->L[i + 1]) : 0;
    if (underlined) { level = underlined; t = s; tn = n; }
    /* a manual page's section left out: its lines up to the next section's title */
    if (a->man_skip && depth == 0 && !(level && !(l->ind > 0) && level <= a->man_skip)) {
      if (underlined) i++;
      continue;
    }
    if (level && !(l->ind > 0) && (depth > 0 || !strcmp(a->style, "discrete") || !strcmp(a->style, "float"))) {
      /* inside an example, sidebar, open or quote block a section title is a
       * discrete title, no section: a bold line of the block; so is one
       * marked [discrete] (or [float]) anywhere */
      ls.depth = 0;
      clear_pending(a);
      vgi_buf b = {0};
      /* bold in italics: a paragraph of bold alone would be read as a
       * sub-heading (bold_headings.c), and this title heads no part */
      vgi_buf_printf(&b, "%s_**", pre);
      text_line(a, &b, t, (size_t)tn);
      vgi_buf_puts(&b, "**_");
      out_line(a, l->no, b.s, b.n);
      vgi_buf_free(&b);
      if (underlined) { out_str(a, a->L[i + 1].no, pre); i++; }
      continue;
    }
    if (level && !(l->ind > 0)) {
      ls.depth = 0;
      clear_pending(a);
      snprintf(a->section, sizeof a->section, "%.*s", tn, t);
      int man = a->man_name[0] && depth == 0;
      a->man_skip = 0;
      if (man && !(level == 1 && !doc_title_seen) && man_section_left_out(a, t, tn)) {
        a->man_skip = level;
        if (underlined) i++;
        doc_title_seen = 1;
        continue;
      }
      vgi_buf b = {0}, cased = {0};
      vgi_buf_puts(&b, pre);
      for (int k = 0; k < level; k++) vgi_buf_add(&b, "#", 1);
      vgi_buf_add(&b, " ", 1);
      if (man && level == 1 && !doc_title_seen) {
        /* "git-am — Apply a series of patches from a mailbox", as the man
         * page reader titles a page */
        /* the name as it is written ("--" in it no dash), escaped for Markdown */
        for (const char *q = a->man_name; *q; q++) {
          if (strchr("\\`*_[]<>#&", *q)) vgi_buf_add(&b, "\\", 1);
          vgi_buf_add(&b, q, 1);
        }
        vgi_buf_puts(&b, " \xe2\x80\x94 ");
        text_line(a, &b, a->purpose, strlen(a->purpose));
      } else if (man) {
        man_title_case(&cased, t, tn);
        text_line(a, &b, cased.s, cased.n);
      } else {
        text_line(a, &b, t, (size_t)tn);
      }
      out_line(a, l->no, b.s, b.n);
      vgi_buf_free(&b);
      vgi_buf_free(&cased);
      if (underlined) { out_str(a, a->L[i + 1].no, pre); i++; }
      if (level == 1 && !doc_title_seen) {
        /* the header: author and revision lines up to the first blank line */
        doc_title_seen = 1;
        for (int k = 0; k < 2 && i + 1 < to && !blank(&a->L[i + 1]); k++) {
          if (gone(&a->L[i + 1])) { k--; i++; continue; }
          i++;
        }
      }
      doc_title_seen = 1;
      continue;
    }
    doc_title_seen = 1;
    /* block attributes and titles wait for their block */
    if (n >= 2 && s[0] == '[' && s[n - 1] == ']' && !(n >= 4 && s[1] == '[' && s[n - 2] == ']')) {
      block_attributes(a, s + 1, (size_t)(n - 2));
      out_str(a, l->no, pre);
      continue;
    }
    if (n >= 4 && s[0] == '[' && s[1] == '[' && s[n - 1] == ']' && s[n - 2] == ']') { out_str(a, l->no, pre); continue; }
    if (n >= 2 && s[0] == '.' && s[1] != '.' && s[1] != ' ' && l->ind == 0) {
      vgi_buf b = {0};
      text_line(a, &b, s + 1, (size_t)(n - 1));
      snprintf(title, sizeof title, "%.*s", (int)b.n, b.s ? b.s : "");
      title_src = l->no;
      vgi_buf_free(&b);
      out_str(a, l->no, pre);
      continue;
    }
    if (title[0]) {
      /* a block's title introduces it: a line of its own, in bold */
      vgi_buf b = {0};
      vgi_buf_printf(&b, "%s%s**%s**", ipre, "", title);
      out_line(a, title_src, b.s, b.n);
      vgi_buf_free(&b);
      b = (vgi_buf){0};
      title[0] = 0;
    }
    char dk = delimiter(l);
    if (l->len == 4 && strchr("|,:!", s[0]) && !memcmp(s + 1, "===", 3)) dk = 't';
    if (dk) {
      int close = closing(a, i, i + 1, to);
      if (close < 0) close = to;   /* an unclosed block runs to the end, as Asciidoctor reads it */
      if (dk == '-' || dk == '.' || dk == '`') {
        char lang[40] = "";
        if (dk == '`') snprintf(lang, sizeof lang, "%.*s", l->len - 3 > 30 ? 30 : l->len - 3, s + 3);
        else if (!strcmp(a->style, "source") || a->lang[0]) {
          attr *sl = find_attr(a, "source-language", 15);
          snprintf(lang, sizeof lang, "%s", a->lang[0] ? a->lang : sl ? sl->value : "");
        } else if (diagram_style(a->style)) {
          snprintf(lang, sizeof lang, "%s", a->style);   /* a diagram's source, named by its kind */
        }
        code_block(a, i, close, ipre, lang, dk != '`');
      } else if (dk == '+') {
        for (int k = i + 1; k < close; k++)
          if (!gone(&a->L[k])) {
            vgi_buf b = {0};
            vgi_buf_puts(&b, ipre);
            vgi_buf_add(&b, a->L[k].s, (size_t)a->L[k].len);
            out_line(a, a->L[k].no, b.s, b.n);
            vgi_buf_free(&b);
          }
      } else if (dk == 't') {
        table_block(a, i, close, ipre);
      } else if (depth >= MAX_LEVEL) {
        /* nested past the limit: the content as it is */
        for (int k = i + 1; k < close; k++) if (!gone(&a->L[k])) emit_text(a, a->L[k].no, ipre, a->L[k].s, (size_t)a->L[k].len);
      } else {
        int adm = admonition(a->style, strlen(a->style));
        int quote = dk == '_' || !strcmp(a->style, "quote") || !strcmp(a->style, "verse");
        char cite[256];
        snprintf(cite, sizeof cite, "%s", a->cite);
        char npre[300];
        /* an alert inside a quote is no alert: its label in bold opens it */
        int nested = adm && strchr(ipre, '>') != NULL;
        snprintf(npre, sizeof npre, "%s%s", ipre, (adm && !nested) || quote ? "> " : "");
        if (adm) {
          vgi_buf b = {0};
          vgi_buf_printf(&b, "%s%s", npre, nested ? label_of(adm) : alert_of(adm));
          out_line(a, l->no, b.s, b.n);
          vgi_buf_free(&b);
        } else {
          out_str(a, l->no, ipre);
        }
        clear_pending(a);
        blocks(a, i + 1, close, npre, depth + 1);
        if (quote && cite[0]) {
          vgi_buf b = {0};
          vgi_buf_printf(&b, "%s\xe2\x80\x94 ", npre);
          text_line(a, &b, cite, strlen(cite));
          out_line(a, a->L[close < a->n ? close : a->n - 1].no, b.s, b.n);
          vgi_buf_free(&b);
        }
      }
      if (close < to) out_str(a, a->L[close].no, pre);
      clear_pending(a);
      after_plus = 0;
      i = close;
      continue;
    }
    /* block macros */
    if (n > 7 && !strncmp(s, "image::", 7)) {
      const char *br = memchr(s, '[', (size_t)n);
      vgi_buf b = {0};
      vgi_buf_puts(&b, ipre);
      if (br && s[n - 1] == ']') {
        vgi_buf tmp = {0};
        vgi_buf_add(&tmp, "image:", 6);
        vgi_buf_add(&tmp, s + 7, (size_t)(n - 7));
        text_line(a, &b, tmp.s, tmp.n);
        vgi_buf_free(&tmp);
      }
      out_line(a, l->no, b.s ? b.s : "", b.n);
      vgi_buf_free(&b);
      clear_pending(a);
      after_plus = 0;
      continue;
    }
    if ((n > 5 && !strncmp(s, "toc::", 5)) || (n > 7 && (!strncmp(s, "video::", 7) || !strncmp(s, "audio::", 7))) ||
        (n == 3 && (!memcmp(s, "'''", 3) || !memcmp(s, "<<<", 3) || !memcmp(s, "---", 3) || !memcmp(s, "***", 3)))) {
      out_str(a, l->no, pre);
      continue;
    }
    /* list items */
    int kind, lv, at;
    if (list_marker(l, &kind, &lv, &at)) {
      after_plus = 0;
      int d = list_depth(&ls, kind, lv);
      char marker[8];
      snprintf(marker, sizeof marker, "%s", kind == 2 ? "1. " : "- ");
      /* the item's text, and its lines up to the next blank line or block,
       * as one line: markup and cross references may span lines */
      const char *txt = l->s + at;
      if (kind == 3) {
        while (txt < l->s + l->len && (*txt == ':' || *txt == ';')) txt++;
        while (txt < l->s + l->len && (*txt == ' ' || *txt == '\t')) txt++;
      }
      vgi_buf body = {0}, term = {0};
      int first = i, k2, lv2, at2;
      if (kind == 3) {
        text_line(a, &term, l->s + l->ind, (size_t)(at - l->ind));
        i = term_forms(a, i, to, lv, &term);
        if (i != first) {
          int k3, lv3;
          l = &a->L[i];
          list_marker(l, &k3, &lv3, &at);
          txt = term_rest(l, at, &(size_t){0});
        }
      }
      join_line(&body, txt, (size_t)(l->s + l->len - txt));
      /* an item's text ends at the next item, however indented */
      while (i + 1 < to && !blank(&a->L[i + 1]) &&
             (gone(&a->L[i + 1]) || (!starts_block(&a->L[i + 1]) && !list_marker(&a->L[i + 1], &k2, &lv2, &at2)))) {
        i++;
        if (!gone(&a->L[i])) join_line(&body, a->L[i].s + a->L[i].ind, (size_t)(a->L[i].len - a->L[i].ind));
      }
      if (kind == 3 && !body.n) i = term_text_below(a, i, to, &body);
      int summed = kind == 3 && !a->full && d == 0;
      if (summed) {
        /* a summary: what the term is, in its first sentence, and only the
         * first terms of the list */
        if (body.n) {
          vgi_buf_add(&body, "", 1);   /* a terminating 0 for the sentence scan */
          body.n--;
          size_t one = vgi_first_sentence(body.s);
          if (one && one < body.n) body.n = one;
          while (body.n && body.s[body.n - 1] == ' ') body.n--;
        }
        int iw = words_of(term.s ? term.s : "", term.n) + words_of(body.s ? body.s : "", body.n);
        i = item_extent(a, i, to, lv);
        if (tf.items >= TERMS_SUMMED || tf.folded || (tf.items >= 3 && tf.words + iw > TERM_WORDS_SUMMED)) {
          tf.folded++;
          body.n = term.n = 0;
        } else {
          tf.items++;
          tf.words += iw;
          tf.options |= term.n && term.s[0] == '-';
          tf.last_src = a->L[first].no;
        }
      }
      if (kind == 3 && term.n) {
        /* **term**: text */
        vgi_buf item = {0};
        vgi_buf_puts(&item, "**");
        vgi_buf_add(&item, term.s, term.n);
        vgi_buf_puts(&item, "**");
        if (body.n) { vgi_buf_puts(&item, ": "); text_line(a, &item, body.s, body.n); }
        vgi_buf b = {0};
        vgi_buf_puts(&b, pre);
        for (int k = 0; k < ls.indent[d]; k++) vgi_buf_add(&b, " ", 1);
        vgi_buf_puts(&b, marker);
        vgi_buf_add(&b, item.s ? item.s : "", item.n);
        out_line(a, a->L[first].no, b.s, b.n);
        vgi_buf_free(&b);
        vgi_buf_free(&item);
      } else if (kind != 3) {
        item_line(a, a->L[first].no, pre, ls.indent[d], marker, body.s ? body.s : "", body.n);
      }
      vgi_buf_free(&body);
      vgi_buf_free(&term);
      clear_pending(a);
      if (summed) {
        int m = next_text(a, i + 1, to);
        if (m >= to || !is_term(&a->L[m], lv)) terms_fold_end(a, &tf, pre);
      }
      continue;
    }
    if (!after_plus) ls.depth = 0;
    if (synopsis_style(a) && l->ind == 0) {
      int j = i;
      while (j + 1 < to && !blank(&a->L[j + 1])) j++;
      clear_pending(a);
      synopsis_block(a, i, j + 1, ipre);
      after_plus = 0;
      i = j;
      continue;
    }
    /* an admonition paragraph: "NOTE: text" */
    const char *colon = memchr(s, ':', (size_t)(n < 12 ? n : 12));
    int adm = colon && colon + 1 < s + n && colon[1] == ' ' ? admonition(s, (size_t)(colon - s)) : 0;
    if (!adm) adm = admonition(a->style, strlen(a->style));
    else s = colon + 2, n = (int)(l->s + l->len - s);
    if (l->ind > 0 && !after_plus && !adm) {
      /* an indented paragraph is a literal block */
      int j = i;
      while (j + 1 < to && !blank(&a->L[j + 1])) j++;
      fenced(a, i, j + 1, pre);
      clear_pending(a);
      i = j;
      continue;
    }
    /* a paragraph: its lines to the next blank line or block */
    char ppre[300];
    int nested = adm && strchr(ipre, '>') != NULL;
    snprintf(ppre, sizeof ppre, "%s%s", ipre, adm ? nested ? label_of(adm) : "> " : "");
    if (nested) strncat(ppre, " ", sizeof ppre - strlen(ppre) - 1);
    if (adm && !nested) {
      vgi_buf b = {0};
      vgi_buf_printf(&b, "%s%s", ppre, alert_of(adm));
      out_line(a, l->no, b.s, b.n);
      vgi_buf_free(&b);
    }
    if (!strcmp(a->style, "quote") || !strcmp(a->style, "verse")) {
      snprintf(ppre, sizeof ppre, "%s> ", ipre);
    }
    char cite[256];
    snprintf(cite, sizeof cite, "%s", a->cite);
    int literal = !strcmp(a->style, "literal") || !strcmp(a->style, "listing") || !strcmp(a->style, "source");
    clear_pending(a);
    if (literal) {
      int j = i;
      while (j + 1 < to && !blank(&a->L[j + 1])) j++;
      fenced(a, i, j + 1, ipre);
      i = j;
      continue;
    }
    /* its lines as one: markup and cross references may span lines */
    vgi_buf para = {0};
    join_line(&para, s + (s == l->s ? l->ind : 0), (size_t)(s == l->s ? n - l->ind : n));
    int first = i;
    while (i + 1 < to && !blank(&a->L[i + 1]) && (gone(&a->L[i + 1]) || !starts_block(&a->L[i + 1]))) {
      i++;
      if (!gone(&a->L[i])) join_line(&para, a->L[i].s + a->L[i].ind, (size_t)(a->L[i].len - a->L[i].ind));
    }
    note_purpose(a, para.s ? para.s : "", para.n);
    emit_text(a, a->L[first].no, ppre, para.s ? para.s : "", para.n);
    vgi_buf_free(&para);
    if (cite[0] && ppre[strlen(ppre) - 2] == '>') {
      vgi_buf b = {0};
      vgi_buf_printf(&b, "%s\xe2\x80\x94 ", ppre);
      text_line(a, &b, cite, strlen(cite));
      out_line(a, a->L[i].no, b.s, b.n);
      vgi_buf_free(&b);
    }
    after_plus = 0;
  }
}

/* section titles (and their ids) for cross references */
static void collect_sections(adoc *a) {
  const char *pending_id = NULL;
  int pending_n = 0;
  for (int i = 0; i < a->n && a->nsec < MAX_SECTIONS; i++) {
    const vgi_line *l = &a->L[i];
    if (gone(l) || l->kind == K_VERB) continue;
    if (l->len > 4 && l->s[0] == '[' && l->s[1] == '[' && l->s[l->len - 1] == ']') {
      pending_id = l->s + 2;
      pending_n = l->len - 4;
      const char *c = memchr(pending_id, ',', (size_t)pending_n);
      if (c) pending_n = (int)(c - pending_id);
      continue;
    }
    if (l->len > 2 && l->s[0] == '[' && l->s[1] == '#' && l->s[l->len - 1] == ']') {
      pending_id = l->s + 2;
      pending_n = (int)strcspn(pending_id, ".%,]");
      continue;
    }
    const char *t;
    int tn;
    if (section_line(l, &t, &tn) || (i + 1 < a->n && !gone(&a->L[i + 1]) && underline_level(a, l, &a->L[i + 1]) &&
                                     (t = l->s, tn = l->len, 1))) {
      a->sec[a->nsec].title = dupn(t, (size_t)tn);
      a->sec[a->nsec].id = pending_id ? dupn(pending_id, (size_t)pending_n) : NULL;
      a->nsec++;
    }
    if (!blank(l)) pending_id = NULL;
  }
}

/* 1 when t opens with a title line over a line of '=' as long as it (±2) */
static int two_line_title(const char *t, size_t n) {
  const char *e = memchr(t, '\n', n);
  if (!e || e == t || *t == '=' || *t == '#' || *t == ' ') return 0;
  size_t tl = 0, u = 0;
  for (const char *q = t; q < e; q++) tl += ((unsigned char)*q & 0xC0) != 0x80 && *q != '\r';
  const char *l = e + 1;
  while (l + u < t + n && l[u] == '=') u++;
  if (l + u < t + n && l[u] != '\n' && l[u] != '\r') return 0;
  return u >= 3 && u + 2 >= tl && u <= tl + 2;
}

/* 1 when the first 64 KiB of t hold a construct of AsciiDoc's own; with
 * block_marks, one it shares with other markups too ("\n== ", "----") */
static int asciidoc_marks(const char *t, size_t len, int block_marks) {
  static const char *const own[] = { "\n[source", "\n[[", "[[[", "\nifdef::", "\nifndef::", "\ninclude::",
                                     "\nimage::", "\n|===", "\n[NOTE]", "\n[TIP]", "\n[WARNING]", "\nlink:",
                                     " link:", "\n[verse", "\n[quote", NULL };
  size_t span = len < 65536 ? len : 65536;
  for (int k = 0; own[k]; k++)
    if (memmem(t, span, own[k], strlen(own[k]))) return 1;
  /* a web address with its link text in brackets right after it */
  for (const char *p = t; (p = memmem(p, span - (size_t)(p - t), "://", 3));) {
    p += 3;
    while (p < t + span && !strchr(" \t\n[]()<>\"", *p)) p++;
    if (p < t + span && *p == '[' && p + 1 < t + span && p[1] != ']' && p[1] != '[') return 1;
  }
  if (!block_marks) return 0;
  static const char *const marks[] = { "\n== ", "\n[source", "\n----\n", "\n|===", "\nimage::", "\n:toc:",
                                       "\n:description:", "\nifdef::", "\n[NOTE]", NULL };
  for (int k = 0; marks[k]; k++)
    if (memmem(t, span, marks[k], strlen(marks[k]))) return 1;
  /* an attribute entry right under the title */
  const char *nl = memchr(t, '\n', len);
  return nl && (size_t)(nl - t) + 2 < len && nl[1] == ':' && isalnum((unsigned char)nl[2]);
}

int vgi_is_asciidoc(const char *text, size_t len) {
  size_t i = 0;
  /* the first line of text, past blank lines and // comments */
  while (i < len) {
    const char *e = memchr(text + i, '\n', len - i);
    size_t end = e ? (size_t)(e - text) : len;
    if (end > i && !(end - i >= 2 && text[i] == '/' && text[i + 1] == '/') && text[i] != '\r') break;
    i = end + 1;
  }
  if (i + 2 < len && text[i] == '=' && text[i + 1] == ' ') return asciidoc_marks(text + i, len - i, 1);
  /* the older two-line title ("Title" over "=====", git's documentation):
   * a Markdown heading looks the same, so the body must show what only
   * AsciiDoc writes (an anchor "[[id]]", a link "https://x[text]", …) */
  return i < len && two_line_title(text + i, len - i) && asciidoc_marks(text + i, len - i, 0);
}

char *vgi_asciidoc_markdown(const char *text, size_t len, const char *file, const vgi_options *opts,
                            vgi_diags *d, int **map, int *nmap, size_t *out_len,
                            int **mapfile, char ***files, int *nfiles) {
  adoc *a = calloc(1, sizeof *a);
  if (!a) { vgi_diag_add(d, VGI_ERROR, file, 0, 0, NULL, "out of memory"); return NULL; }
  a->file = file;
  a->d = d;
  a->lim = vgi_limits(opts);
  a->full = opts && opts->detail == VGI_DETAIL_FULL;
  a->budget = len * 2 + (1u << 20);
  /* old Mac line ends (a lone CR) end lines, as Asciidoctor reads them */
  char *lf = memchr(text, '\r', len) ? dupn(text, len) : NULL;
  if (lf) vgi_lone_cr_ends(lf, len);
  int ok = vgi_split_lines(lf ? lf : text, len, 0, &a->text, &a->L, &a->n);
  free(lf);
  if (!ok) {
    free(a->text);
    free(a->L);
    free(a);
    vgi_diag_add(d, VGI_ERROR, file, 0, 0, NULL, "out of memory");
    return NULL;
  }
  vgi_adoc_includes_init(&a->inc, file);
  a->virt_base = a->n + 1;
  a->w0 = malloc(sizeof *a->w0 * (size_t)(a->n ? a->n : 1));
  if (!a->w0) abort();
  for (int i = 0; i < a->n; i++) a->w0[i] = width(&a->L[i]);
  {
    size_t b = 0;   /* (the title's first line, after blank ones) */
    while (b < len && (text[b] == '\n' || text[b] == '\r')) b++;
    a->compat = two_line_title(text + b, len - b);
  }
  preprocess(a);
  if (find_attr(a, "compat-mode", 11)) a->compat = 1;
  collect_sections(a);
  man_detect(a, 0, a->n);
  blocks(a, 0, a->n, "", 0);
  char *md = vgi_buf_take(&a->out);
  *out_len = strlen(md);
  *map = a->map;
  *nmap = a->nmap;
  /* lines of included files: their own file and line */
  *mapfile = NULL;
  *files = NULL;
  *nfiles = 0;
  if (a->nvirt) {
    *mapfile = calloc((size_t)(a->nmap ? a->nmap : 1), sizeof **mapfile);
    if (!*mapfile) abort();
    for (int k = 0; k < a->nmap; k++) {
      const char *f;
      int no;
      (*mapfile)[k] = origin(a, a->map[k], &f, &no);
      a->map[k] = no;
    }
    *nfiles = a->inc.nfiles;
    *files = calloc((size_t)a->inc.nfiles, sizeof **files);
    if (!*files) abort();
    for (int k = 0; k < a->inc.nfiles; k++) (*files)[k] = vgi_strdup(a->inc.f[k].path);
  }
  vgi_adoc_includes_free(&a->inc);
  free(a->virt);
  for (int i = 0; i < a->nattrs; i++) { free(a->attrs[i].name); free(a->attrs[i].value); }
  for (int i = 0; i < a->nsec; i++) { free(a->sec[i].id); free(a->sec[i].title); }
  for (int i = 0; i < a->nowned; i++) free(a->owned[i]);
  free(a->owned);
  free(a->w0);
  free(a->text);
  free(a->L);
  free(a);
  return md;
}

cJSON *vgi_asciidoc_load(const char *text, size_t len, const char *file, const vgi_options *opts,
                         vgi_posmap *pm, vgi_diags *d) {
  int *map = NULL, nmap = 0, *mapfile = NULL, nfiles = 0;
  char **files = NULL;
  size_t mlen = 0;
  char *md = vgi_asciidoc_markdown(text, len, file, opts, d, &map, &nmap, &mlen, &mapfile, &files, &nfiles);
  cJSON *m = vgi_markdown_load_mapped_files(md, mlen, file, opts, pm, d, map, mapfile,
                                            (const char *const *)files, nmap);
  for (int k = 0; k < nfiles; k++) free(files[k]);
  free(files);
  return m;
}
