/* mdbook_include.c: mdBook's code-block directives, followed as mdBook
 * follows them and no further. A book keeps its code in files of its own
 * ("{{#rustdoc_include ../listings/ch03/x/src/main.rs:here}}"): the block is
 * that file's lines, or the slide shows a directive instead of the code.
 *   - {{#include f}}, {{#rustdoc_include f}}, {{#playground f}}: the file,
 *     relative to the document's folder; "f:N" line N, "f:N:M" lines N to
 *     M, "f:N:" from N, "f::M" to M, "f:name" the lines between
 *     "ANCHOR: name" and "ANCHOR_END: name"; every ANCHOR line is left out;
 *     rustdoc_include leaves out what rustdoc hides (a line whose first
 *     characters are "# ", or "#" alone), so only the shown lines go on the
 *     slide; the lines lose the indentation they share.
 *   - The file is read under the rule the document's pictures follow: it
 *     resolves (realpath) inside the document's folder, the set's, or a
 *     folder the caller allowed (the command line allows the document's
 *     project: lua/vg/repository.lua); a hidden file, a link leading out, a
 *     FIFO or a device is refused (vgi_include_read, asciidoc_include.c);
 *     at most MAX_INCLUDES files, no more text in all than one document
 *     may have (limits.max_file_bytes).
 *   - A refused or missing file is a warning on the directive's line; the
 *     block loses that directive and the document goes on.
 * The label mdBook books put over a block ("<span class="filename">Filename:
 * src/main.rs</span>", "<Listing file-name="src/main.rs" …>") names the
 * block's file: kept as the block's user data (the code card's title),
 * never a point of its own; a caption span next to a code block ("Listing
 * 3-1: …") is the listing's, left out with it. */
#include "input_private.h"
#include <cmark-gfm.h>
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INCLUDES 512   /* directives followed in one document */
#define MAX_TOLD 10        /* refusals told one by one, then counted */

typedef struct names { char **v; size_t n, cap; } names;

typedef struct ctx {
  const char *file;
  char *dir;            /* the document's folder, as written */
  char *roots[64];      /* resolved folders a file may be in, NULL-terminated */
  const char *written[64];   /* the same as written: a path is checked against them first */
  size_t bytes, room;
  int count, told, untold;
  vgi_diags *d;
} ctx;

static void add_root(ctx *x, const char *dir) {
  size_t k = 0;
  while (x->roots[k]) k++;
  if (!dir || !*dir || k + 1 >= sizeof x->roots / sizeof *x->roots) return;
  char *r = realpath(dir, NULL);
  if (r) x->written[k] = dir, x->roots[k] = r;
}

static void refuse(ctx *x, int line, const char *kind, size_t kn, const char *arg, size_t an, const char *why) {
  if (x->told >= MAX_TOLD) { x->untold++; return; }
  x->told++;
  vgi_diag_add(x->d, VGI_WARNING, x->file, line, 1, NULL, "{{#%.*s %.*s}} is not read (not shown): %s",
               (int)kn, kind, (int)(an > 200 ? 200 : an), arg, why);
}

/* an mdBook directive alone on its line ("{{#include f.rs:2:9}}"): its kind
 * and argument */
static int directive(const char *s, size_t n, const char **kind, size_t *kn, const char **arg, size_t *an) {
  while (n && (*s == ' ' || *s == '\t')) s++, n--;
  while (n && strchr(" \t\r", s[n - 1])) n--;
  if (n < 5 || strncmp(s, "{{#", 3) || strncmp(s + n - 2, "}}", 2)) return 0;
  const char *k = s + 3, *e = s + n - 2;
  size_t l = 0;
  while (k + l < e && (isalnum((unsigned char)k[l]) || k[l] == '_')) l++;
  if (!l) return 0;
  *kind = k;
  *kn = l;
  const char *a = k + l;
  while (a < e && (*a == ' ' || *a == '\t')) a++;
  *arg = a;
  *an = (size_t)(e - a);
  while (*an && (a[*an - 1] == ' ' || a[*an - 1] == '\t')) (*an)--;
  return 1;
}

static int is_kind(const char *k, size_t kn, const char *want) { return strlen(want) == kn && !strncmp(k, want, kn); }

/* the line marks an anchor ("// ANCHOR: here", "# ANCHOR_END: here"): 1
 * opens, 2 ends, 0 none; its name */
static int anchor_mark(const char *s, size_t n, const char **name, size_t *nl) {
  for (size_t i = 0; i + 7 <= n; i++) {
    if (strncmp(s + i, "ANCHOR", 6) || (i && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '_'))) continue;
    size_t j = i + 6;
    int end = 0;
    if (j + 4 <= n && !strncmp(s + j, "_END", 4)) j += 4, end = 1;
    if (j >= n || s[j] != ':') continue;
    j++;
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
    size_t b = j;
    while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '_' || s[j] == '-')) j++;
    *name = s + b;
    *nl = j - b;
    return end ? 2 : 1;
  }
  return 0;
}

/* a whole number ("12"), or -1 */
static long number(const char *s, size_t n) {
  if (!n || n > 9) return -1;
  long v = 0;
  for (size_t i = 0; i < n; i++) {
    if (!isdigit((unsigned char)s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/* One directive's lines appended to out. 0 when nothing was added. */
static int follow(ctx *x, int line, const char *kind, size_t kn, const char *arg, size_t an, vgi_buf *out) {
  int rustdoc = is_kind(kind, kn, "rustdoc_include");
  size_t tn = 0;
  while (tn < an && !isspace((unsigned char)arg[tn])) tn++;   /* then properties ("editable") */
  const char *colon = memchr(arg, ':', tn);
  size_t pn = colon ? (size_t)(colon - arg) : tn;
  if (!pn) return refuse(x, line, kind, kn, arg, an, "it names no file"), 0;
  if (colon && colon + 2 < arg + tn && colon[1] == '/' && colon[2] == '/')
    return refuse(x, line, kind, kn, arg, an, "a URL is never read (only files of the document's project)"), 0;
  if (arg[0] == '/' || arg[0] == '\\' || arg[0] == '~' || (pn == 1 && isalpha((unsigned char)arg[0])))
    return refuse(x, line, kind, kn, arg, an, "an absolute path is never read (only files of the document's project)"), 0;
  if (!x->roots[0]) return refuse(x, line, kind, kn, arg, an, "the document's folder is not known"), 0;
  if (x->count >= MAX_INCLUDES) return refuse(x, line, kind, kn, arg, an, "too many includes (512 at most)"), 0;
  vgi_buf p = {0};
  if (strcmp(x->dir, ".")) { vgi_buf_puts(&p, x->dir); vgi_buf_add(&p, "/", 1); }
  vgi_buf_add(&p, arg, pn);
  char *path = vgi_buf_take(&p);
  /* as written first: a file outside is never looked at ("no such file"
   * would tell a served document what exists outside) */
  int inside = 0;
  for (size_t k = 0; x->written[k] && !inside; k++) inside = vgi_lexically_within(path, x->written[k]);
  if (!inside) {
    refuse(x, line, kind, kn, arg, an, x->roots[1] ? "it is outside the document's folder and project"
                                                   : "it is outside the document's folder");
    free(path);
    return 0;
  }
  size_t len = 0;
  const char *why = NULL;
  int missing = 0;
  char *text = vgi_include_read((const char *const *)x->roots, path, x->room > x->bytes ? x->room - x->bytes : 0,
                                &len, &why, &missing);
  if (!text) {
    refuse(x, line, kind, kn, arg, an, why ? why : "it cannot be read");
    free(path);
    return 0;
  }
  x->count++;
  x->bytes += len;
  len = vgi_clean_text(text, path, x->d);
  free(path);
  vgi_lone_cr_ends(text, len);

  /* what the selector names: [from, to) of the file's lines (0-based), or an anchor */
  long from = 0, to = LONG_MAX;
  const char *anchor = NULL;
  size_t anl = 0;
  if (colon) {
    const char *sel = colon + 1, *se = arg + tn;
    const char *c2 = memchr(sel, ':', (size_t)(se - sel));
    size_t a1 = (size_t)((c2 ? c2 : se) - sel);
    long a = number(sel, a1);
    if (a >= 0) from = a > 0 ? a - 1 : 0;
    else if (a1) anchor = sel, anl = a1;
    if (!anchor) {
      long b = c2 ? number(c2 + 1, (size_t)(se - c2 - 1)) : -1;
      if (!c2) to = a >= 0 ? from + 1 : LONG_MAX;   /* "f:N": that line */
      else if (b >= 0) to = b;                      /* "f:N:M", "f::M" */
    }
  }
  size_t start = out->n;
  int in_anchor = anchor == NULL, found = anchor == NULL;
  long no = 0;
  for (char *q = text; q < text + len; no++) {
    char *e = memchr(q, '\n', (size_t)(text + len - q));
    size_t l = e ? (size_t)(e - q) : (size_t)(text + len - q);
    char *next = e ? e + 1 : text + len;
    if (l && q[l - 1] == '\r') l--;
    const char *nm;
    size_t nml;
    int mark = anchor_mark(q, l, &nm, &nml);
    if (mark) {
      if (anchor && nml == anl && !strncmp(nm, anchor, anl)) {
        if (mark == 1) in_anchor = found = 1;
        else in_anchor = 0;
      }
      q = next;
      continue;   /* an anchor's own line is never shown */
    }
    size_t lead = strspn(q, " \t");
    int hidden = rustdoc && lead < l && q[lead] == '#' && (lead + 1 == l || q[lead + 1] == ' ');
    if (in_anchor && no >= from && no < to && !hidden) {
      vgi_buf_add(out, q, l);
      vgi_buf_add(out, "\n", 1);
    }
    q = next;
  }
  free(text);
  if (!found) {
    refuse(x, line, kind, kn, arg, an, "its anchor is not in the file");
    out->n = start;
    if (out->s) out->s[start] = 0;
    return 0;
  }
  return out->n > start;
}

/* the lines of text without the indentation every non-blank one shares,
 * and without blank lines at either end */
static char *dedent(const char *t) {
  size_t common = (size_t)-1;
  char ch = 0;
  for (const char *q = t; *q;) {
    size_t l = strcspn(q, "\n"), w = 0;
    while (w < l && (q[w] == ' ' || q[w] == '\t')) w++;
    if (w < l) {
      if (common == (size_t)-1) ch = w ? q[0] : 0;
      size_t same = 0;
      while (same < w && q[same] == ch) same++;
      if (same < common) common = same;
    }
    q += l + (q[l] == '\n');
  }
  if (common == (size_t)-1) common = 0;
  vgi_buf b = {0};
  for (const char *q = t; *q;) {
    size_t l = strcspn(q, "\n");
    size_t w = strspn(q, " \t");
    if (w >= l) {
      if (b.n) vgi_buf_add(&b, "\n", 1);   /* (trailing ones trimmed below) */
    } else {
      vgi_buf_add(&b, q + common, l - common);
      vgi_buf_add(&b, "\n", 1);
    }
    q += l + (q[l] == '\n');
  }
  while (b.n >= 2 && b.s[b.n - 1] == '\n' && b.s[b.n - 2] == '\n') b.s[--b.n] = 0;
  if (!b.n) vgi_buf_add(&b, "", 0);
  return vgi_buf_take(&b);
}

static void code_includes(ctx *x, cmark_node *c) {
  const char *lit = cmark_node_get_literal(c);
  if (!lit || !strstr(lit, "{{#")) return;
  int flen = 0, foff = 0;
  char fch = 0;
  int line = cmark_node_get_start_line(c) + (cmark_node_get_fenced(c, &flen, &foff, &fch) ? 1 : 0);
  vgi_buf out = {0};
  int any = 0, added = 0;
  for (const char *q = lit; *q; line++) {
    size_t l = strcspn(q, "\n");
    const char *kind, *arg;
    size_t kn, an;
    if (directive(q, l, &kind, &kn, &arg, &an)) {
      any = 1;
      if (is_kind(kind, kn, "include") || is_kind(kind, kn, "rustdoc_include") || is_kind(kind, kn, "playground"))
        added |= follow(x, line, kind, kn, arg, an, &out);
      /* ({{#title}}, a preprocessor's own: nothing to show) */
    } else {
      vgi_buf_add(&out, q, l);
      vgi_buf_add(&out, "\n", 1);
    }
    q += l + (q[l] == '\n');
  }
  /* (a block of directives none of which was read stays as it is:
   * markdown.c leaves it out; code beside one that was not read is shown
   * without it) */
  int text = 0;
  for (size_t i = 0; i < out.n && !text; i++) text = !isspace((unsigned char)out.s[i]);
  if (any && (added || text)) {
    char *t = dedent(out.s ? out.s : "");
    cmark_node_set_literal(c, t);
    free(t);
  }
  vgi_buf_free(&out);
}

/* the text of a paragraph that is one <span class="NAME">…</span> and
 * nothing else, or NULL */
static char *span_only(cmark_node *p, const char *cls) {
  cmark_node *a = cmark_node_first_child(p), *z = cmark_node_last_child(p);
  if (!a || a == z || cmark_node_get_type(a) != CMARK_NODE_HTML_INLINE || cmark_node_get_type(z) != CMARK_NODE_HTML_INLINE)
    return NULL;
  const char *open = cmark_node_get_literal(a), *close = cmark_node_get_literal(z);
  char want[48];
  snprintf(want, sizeof want, "class=\"%s\"", cls);
  if (!open || strncasecmp(open, "<span", 5) || !strstr(open, want) || !close || strncasecmp(close, "</span", 6))
    return NULL;
  vgi_buf b = {0};
  for (cmark_node *k = cmark_node_next(a); k && k != z; k = cmark_node_next(k)) {
    cmark_node_type t = cmark_node_get_type(k);
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) vgi_buf_puts(&b, cmark_node_get_literal(k));
    else if (t == CMARK_NODE_SOFTBREAK) vgi_buf_puts(&b, " ");
    else if (t != CMARK_NODE_EMPH && t != CMARK_NODE_STRONG) { vgi_buf_free(&b); return NULL; }
    else {   /* "<span class="filename">Filename: <em>x</em></span>": its text */
      for (cmark_node *g = cmark_node_first_child(k); g; g = cmark_node_next(g))
        if (cmark_node_get_literal(g)) vgi_buf_puts(&b, cmark_node_get_literal(g));
    }
  }
  vgi_buf_add(&b, "", 0);
  return vgi_squash(vgi_buf_take(&b));
}

/* "Filename: src/main.rs" → "src/main.rs": the words before a colon that
 * say what follows ("Filename", "Dateiname", "Nom du fichier") */
static char *file_name(char *t) {
  char *c = strchr(t, ':');
  if (c && c - t < 40 && !memchr(t, '/', (size_t)(c - t)) && !memchr(t, '.', (size_t)(c - t))) {
    c++;
    while (*c == ' ') c++;
    memmove(t, c, strlen(c) + 1);
  }
  return t;
}

/* <Listing … file-name="src/main.rs" …>: its file name, or NULL */
static char *listing_file(cmark_node *h) {
  const char *s = cmark_node_get_literal(h);
  if (!s || strncmp(s, "<Listing", 8)) return NULL;
  size_t tag = strcspn(s, ">");
  const char *f = strstr(s, "file-name=\"");
  if (!f || (size_t)(f - s) > tag) return NULL;
  f += 11;
  size_t n = strcspn(f, "\"\n");
  if (!n || f[n] != '"' || n > 200) return NULL;
  char *r = malloc(n + 1);
  if (!r) abort();
  memcpy(r, f, n);
  r[n] = 0;
  return r;
}

static void keep_name(names *nm, cmark_node *code, char *name) {
  if (!name || !*name || cmark_node_get_user_data(code)) { free(name); return; }
  if (nm->n == nm->cap) {
    nm->cap = nm->cap ? nm->cap * 2 : 8;
    char **v = realloc(nm->v, nm->cap * sizeof *v);
    if (!v) abort();
    nm->v = v;
  }
  nm->v[nm->n++] = name;
  cmark_node_set_user_data(code, name);
}

/* the block after n, past HTML blocks ("<Listing …>", "</Listing>") */
static cmark_node *next_block(cmark_node *n, int dir) {
  for (n = dir > 0 ? cmark_node_next(n) : cmark_node_previous(n); n && cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
       n = dir > 0 ? cmark_node_next(n) : cmark_node_previous(n)) {}
  return n;
}

void *vgi_mdbook_includes(cmark_node *doc, const char *file, const vgi_options *o, vgi_diags *d) {
  names *nm = calloc(1, sizeof *nm);
  if (!nm) abort();
  ctx x;
  memset(&x, 0, sizeof x);
  x.file = file;
  x.d = d;
  x.room = (size_t)vgi_limits(o)->max_file_bytes;
  const char *sl = file ? strrchr(file, '/') : NULL;
  x.dir = !file || !*file ? vgi_strdup(".") : !sl ? vgi_strdup(".") : sl == file ? vgi_strdup("/") : NULL;
  if (!x.dir) {
    x.dir = malloc((size_t)(sl - file) + 1);
    if (!x.dir) abort();
    memcpy(x.dir, file, (size_t)(sl - file));
    x.dir[sl - file] = 0;
  }
  if (file && *file && strcmp(file, "-")) {
    add_root(&x, x.dir);
    if (o) add_root(&x, o->set_root);
    for (size_t k = 0; o && o->allow_paths && o->allow_paths[k]; k++) add_root(&x, o->allow_paths[k]);
  }
  /* the blocks first (a label is looked at beside its block), then the
   * label paragraphs, freed after the walk */
  cmark_node **drop = NULL;
  size_t ndrop = 0, capdrop = 0;
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_CODE_BLOCK) {
      code_includes(&x, n);
      cmark_node *prev = cmark_node_previous(n);
      if (prev && cmark_node_get_type(prev) == CMARK_NODE_HTML_BLOCK) keep_name(nm, n, listing_file(prev));
      continue;
    }
    if (t != CMARK_NODE_PARAGRAPH) continue;
    char *label = span_only(n, "filename");
    int caption = 0;
    if (!label) {
      char *cap = span_only(n, "caption");
      cmark_node *b = next_block(n, -1), *a = next_block(n, 1);
      caption = cap && ((b && cmark_node_get_type(b) == CMARK_NODE_CODE_BLOCK) ||
                        (a && cmark_node_get_type(a) == CMARK_NODE_CODE_BLOCK));
      free(cap);
      if (!caption) continue;
    } else {
      cmark_node *a = next_block(n, 1);
      if (a && cmark_node_get_type(a) == CMARK_NODE_CODE_BLOCK) keep_name(nm, a, file_name(label));
      else free(label);
    }
    if (ndrop == capdrop) {
      capdrop = capdrop ? capdrop * 2 : 16;
      cmark_node **v = realloc(drop, capdrop * sizeof *v);
      if (!v) abort();
      drop = v;
    }
    drop[ndrop++] = n;
  }
  cmark_iter_free(it);
  for (size_t i = 0; i < ndrop; i++) cmark_node_free(drop[i]);
  free(drop);
  if (x.untold)
    vgi_diag_add(d, VGI_WARNING, file, 0, 0, NULL, "%d more mdBook includes are not read (not shown)", x.untold);
  for (size_t k = 0; x.roots[k]; k++) free(x.roots[k]);
  free(x.dir);
  return nm;
}

void vgi_mdbook_free(void *p) {
  names *nm = p;
  if (!nm) return;
  for (size_t i = 0; i < nm->n; i++) free(nm->v[i]);
  free(nm->v);
  free(nm);
}
