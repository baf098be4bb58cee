/* myst.c: MyST, the Markdown of Sphinx documentation (pip, setuptools, many
 * Python projects), read as the blocks it stands for before the Markdown
 * adapter walks the tree.
 *
 * A directive is a fenced block whose info string is "{name} argument"
 * ("```{note}", "```{code-block} python", "````{tab} Unix"), or the same
 * between colon fences (":::{note}" … ":::"). CommonMark sees a code block,
 * or paragraphs of colons; the viewer should see what Sphinx shows:
 *   - code directives (code-block, code, sourcecode, code-cell, and any
 *     directive whose lines are commands, such as pip's "{pip-cli}"): code
 *     in that language;
 *   - admonitions (note, tip, warning, …): a callout, as a GitHub alert is;
 *   - containers (tab, tab-item, dropdown, card, versionadded, …): their
 *     body, parsed as the Markdown it is, in the directive's place;
 *   - navigation and includes (toctree, contents, include, literalinclude,
 *     eval-rst, raw, autodoc): nothing.
 * A target line ("(installing)=", before a heading) is markup, never text.
 * Roles ("{ref}`text <target>`") are read by the inline text
 * (markdown.c). */
#include "input_private.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MYST_DEPTH 8   /* directives inside directives, read that deep */

/* ---- colon fences: ":::{name}" … ":::" become backtick fences ---------------- */

/* the length of a run of c at p (at most n bytes) */
static size_t run_of(const char *p, size_t n, char c) {
  size_t k = 0;
  while (k < n && p[k] == c) k++;
  return k;
}

char *vgi_myst_colon_fences(const char *text, size_t len, size_t *out_len) {
  /* a quick look first: most documents have none */
  int any = 0;
  for (const char *p = text; p && (p = memchr(p, ':', (size_t)(text + len - p))); p++)
    if ((p == text || p[-1] == '\n') && p + 3 < text + len && p[1] == ':' && p[2] == ':') { any = 1; break; }
  if (!any) return NULL;
  vgi_buf b = {0};
  size_t fence = 0;      /* inside a backtick or tilde fence this long (0: not) */
  char fence_c = 0;
  size_t open[MYST_DEPTH * 4];   /* colon fences open, their lengths */
  int nopen = 0, changed = 0;
  for (size_t i = 0; i < len;) {
    const char *l = text + i;
    const char *e = memchr(l, '\n', len - i);
    size_t ll = e ? (size_t)(e - l) : len - i, ind = 0;
    while (ind < ll && ind < 3 && l[ind] == ' ') ind++;
    const char *s = l + ind;
    size_t sl = ll - ind;
    size_t bt = run_of(s, sl, '`'), tl = run_of(s, sl, '~'), cl = run_of(s, sl, ':');
    if (fence) {
      size_t k = fence_c == '`' ? bt : tl;
      size_t rest = k;
      while (rest < sl && (s[rest] == ' ' || s[rest] == '\t' || s[rest] == '\r')) rest++;
      if (k >= fence && rest == sl) fence = 0;
      vgi_buf_add(&b, l, ll);
    } else if (bt >= 3 || tl >= 3) {
      fence = bt >= 3 ? bt : tl;
      fence_c = bt >= 3 ? '`' : '~';
      vgi_buf_add(&b, l, ll);
    } else if (cl >= 3 && cl < sl && s[cl] == '{' && nopen < (int)(sizeof open / sizeof *open)) {
      /* an opening colon fence: as many backticks, and three more, so a
       * backtick fence inside it stays inside */
      open[nopen++] = cl;
      vgi_buf_add(&b, l, ind);
      for (size_t k = 0; k < cl + 3; k++) vgi_buf_add(&b, "`", 1);
      vgi_buf_add(&b, s + cl, sl - cl);
      changed = 1;
    } else if (cl >= 3 && nopen && cl >= open[nopen - 1]) {
      size_t rest = cl;
      while (rest < sl && (s[rest] == ' ' || s[rest] == '\t' || s[rest] == '\r')) rest++;
      if (rest == sl) {
        size_t n = open[--nopen];
        vgi_buf_add(&b, l, ind);
        for (size_t k = 0; k < n + 3; k++) vgi_buf_add(&b, "`", 1);
      } else {
        vgi_buf_add(&b, l, ll);
      }
    } else {
      vgi_buf_add(&b, l, ll);
    }
    if (e) vgi_buf_add(&b, "\n", 1);
    i += ll + (e ? 1 : 0);
  }
  if (!changed) { vgi_buf_free(&b); return NULL; }
  *out_len = b.n;
  return vgi_buf_take(&b);
}

/* ---- directives ------------------------------------------------------------------- */

typedef enum { D_CODE, D_ALERT, D_BODY, D_NONE } dkind;

static int in_list(const char *name, const char *const *list) {
  for (; *list; list++) if (!strcmp(name, *list)) return 1;
  return 0;
}

/* what a directive is, by its name; an unknown one is code when its lines
 * are commands and a body of Markdown otherwise */
static dkind kind_of(const char *name, const char **alert) {
  static const char *const code[] = { "code-block", "code", "sourcecode", "code-cell", "prompt", NULL };
  static const char *const none[] = { "toctree", "contents", "include", "literalinclude", "eval-rst", "raw",
    "only", "index", "image", "automodule", "autoclass", "autofunction", "automethod", "autodata",
    "autoattribute", "autoexception", "autosummary", "currentmodule", "module", "highlight", "tabularcolumns",
    "math", "mermaid", "graphviz", "plot", "program-output", "command-output", NULL };
  static const char *const alerts[][2] = {
    { "note", "l_note" }, { "seealso", "l_note" }, { "admonition", "l_note" }, { "topic", "l_note" },
    { "tip", "l_tip" }, { "hint", "l_tip" },
    { "important", "l_important" }, { "attention", "l_important" },
    { "warning", "l_warning" }, { "deprecated", "l_warning" },
    { "caution", "l_caution" }, { "danger", "l_caution" }, { "error", "l_caution" } };
  for (size_t i = 0; i < sizeof alerts / sizeof *alerts; i++)
    if (!strcmp(name, alerts[i][0])) { *alert = alerts[i][1]; return D_ALERT; }
  if (in_list(name, code)) return D_CODE;
  if (in_list(name, none)) return D_NONE;
  return D_BODY;   /* tab, tab-item, dropdown, card, versionadded, figure's caption, … */
}

/* The body without the directive's options (":key: value" lines at its
 * top, or a "---" YAML block there). */
static const char *skip_options(const char *lit) {
  const char *p = lit;
  if (!strncmp(p, "---", 3) && (p[3] == '\n' || p[3] == '\r')) {
    const char *end = strstr(p + 3, "\n---");
    if (end) {
      p = end + 4;
      while (*p && *p != '\n') p++;
      return *p ? p + 1 : p;
    }
  }
  while (*p == ':') {
    const char *e = strchr(p, '\n');
    const char *c2 = memchr(p + 1, ':', e ? (size_t)(e - p - 1) : strlen(p + 1));
    if (!c2) break;
    p = e ? e + 1 : p + strlen(p);
  }
  return p;
}

/* lines that are commands at a prompt ("$ pip install …", ">>> x"), or a
 * session that opens with one ("$ pip uninstall x" and the lines of its
 * output: no Markdown starts with a "$ " prompt); a body with blocks of
 * its own (a fence) is Markdown, whatever its lines say */
static const char *prompt_language(const char *body) {
  int cmd = 0, py = 0, lines = 0, first = 0;   /* first: 1 a "$ " or "% " prompt, 2 ">>> " */
  for (const char *p = body; *p;) {
    const char *e = strchr(p, '\n');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    size_t k = 0;
    while (k < l && (p[k] == ' ' || p[k] == '\t')) k++;
    if (l - k >= 3 && (!strncmp(p + k, "```", 3) || !strncmp(p + k, "~~~", 3))) return NULL;
    if (k < l) {
      if (!lines++)
        first = l - k >= 2 && (p[k] == '$' || p[k] == '%') && p[k + 1] == ' ' ? 1
              : l - k >= 4 && !strncmp(p + k, ">>> ", 4) ? 2 : 0;
      if (l - k >= 2 && (p[k] == '$' || p[k] == '#' || p[k] == '%') && p[k + 1] == ' ') cmd++;
      else if (l - k >= 4 && !strncmp(p + k, ">>> ", 4)) py++;
      else if (l - k >= 2 && p[k] == '>' && p[k + 1] == ' ') cmd++;   /* Windows: "> py -m pip" */
    }
    p += l + (e ? 1 : 0);
  }
  if (!lines) return NULL;
  if ((cmd && cmd * 3 >= lines) || first == 1) return "console";
  if ((py && py * 3 >= lines) || first == 2) return "pycon";
  return NULL;
}

/* cmark has no setter for line numbers, so a fragment is parsed after
 * line - 1 empty lines (see input_private.h). */
cmark_node *vgi_md_parse_at(const char *md, int line, size_t *pad) {
  vgi_buf b = {0};
  if (line > 1 && (size_t)line - 1 <= *pad) {
    *pad -= (size_t)line - 1;
    for (int i = 1; i < line; i++) vgi_buf_add(&b, "\n", 1);
  }
  vgi_buf_puts(&b, md);
  cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
  static const char *const exts[] = { "table", "strikethrough", "autolink", "tasklist" };
  for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
    cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
    if (e) cmark_parser_attach_syntax_extension(p, e);
  }
  cmark_parser_feed(p, b.s ? b.s : "", b.n);
  cmark_node *doc = cmark_parser_finish(p);
  cmark_parser_free(p);
  vgi_buf_free(&b);
  return doc;
}

cmark_node *vgi_md_text_node(const char *s, size_t n) {
  cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
  char *c = malloc(n + 1);
  if (!c) abort();
  memcpy(c, s, n);
  c[n] = 0;
  cmark_node_set_literal(t, c);
  free(c);
  return t;
}

void vgi_md_splice(cmark_node *n, cmark_node *frag) {
  cmark_node *c;
  while (frag && (c = cmark_node_first_child(frag))) {
    cmark_node_unlink(c);
    cmark_node_insert_before(n, c);
  }
  if (frag) cmark_node_free(frag);
  cmark_node_free(n);
}

/* one directive rewritten; its name and argument from the info string */
static void rewrite(cmark_node *n, size_t *pad) {
  const char *info = cmark_node_get_fence_info(n);
  const char *lit = cmark_node_get_literal(n);
  int line = cmark_node_get_start_line(n);
  char name[64];
  size_t k = 0;
  const char *p = info + 1;
  while (p[k] && p[k] != '}' && k < sizeof name - 1) { name[k] = (char)tolower((unsigned char)p[k]); k++; }
  name[k] = 0;
  const char *arg = p[k] == '}' ? p + k + 1 : "";
  while (*arg == ' ' || *arg == '\t') arg++;
  const char *body = skip_options(lit ? lit : "");
  /* the body's first line in the document: the fence, then the options */
  int body_line = line + 1;
  for (const char *q = lit ? lit : ""; q < body && *q; q++) if (*q == '\n') body_line++;
  const char *alert = NULL;
  dkind kd = kind_of(name, &alert);
  const char *plang = kd == D_BODY ? prompt_language(body) : NULL;
  if (plang) kd = D_CODE;
  switch (kd) {
  case D_NONE: cmark_node_free(n); return;
  case D_CODE: {
    /* "{code-block} python": the argument's first word is the language */
    char lang[64] = "";
    if (plang) {
      snprintf(lang, sizeof lang, "%s", plang);
    } else {
      size_t j = 0;
      while (arg[j] && !isspace((unsigned char)arg[j]) && j < sizeof lang - 1) { lang[j] = arg[j]; j++; }
      lang[j] = 0;
    }
    char *b = vgi_strdup(body);
    cmark_node_set_fence_info(n, lang);
    cmark_node_set_literal(n, b);
    free(b);
    return;
  }
  case D_ALERT: {
    /* a GitHub alert in its place ("> [!NOTE]"), which the adapter reads as a
     * callout; an admonition's title ("{admonition} Title") opens its text */
    static const char *const marks[][2] = { { "l_note", "NOTE" }, { "l_tip", "TIP" },
      { "l_important", "IMPORTANT" }, { "l_warning", "WARNING" }, { "l_caution", "CAUTION" } };
    const char *mark = "NOTE";
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) if (!strcmp(alert, marks[i][0])) mark = marks[i][1];
    /* inside a callout (an admonition in an admonition), a callout cannot
     * be shown: its title and text are part of the outer one's */
    int nested = 0;
    for (cmark_node *up = cmark_node_parent(n); up && !nested; up = cmark_node_parent(up))
      nested = cmark_node_get_type(up) == CMARK_NODE_BLOCK_QUOTE;
    const char *qm = nested ? "" : "> ";
    vgi_buf q = {0};
    if (!nested) vgi_buf_printf(&q, "> [!%s]\n", mark);
    int versioned = !strcmp(name, "deprecated");
    if (*arg && !versioned) {
      /* "**Title:**" opening the text: the callout's label (markdown.c's
       * quote_block), said once, as a titled admonition of reST is */
      size_t al = strlen(arg);
      while (al && (arg[al - 1] == ' ' || arg[al - 1] == '\r')) al--;
      /* ("Why a new format?:" is a label when short; a long question opens
       * the text as it is) */
      int mark = al && (arg[al - 1] == '?' || arg[al - 1] == '!');
      char *t = vgi_strdup(arg);
      t[al] = 0;
      int colon = !mark || vgi_word_count(t) <= 5;
      free(t);
      vgi_buf_printf(&q, "%s**%.*s%s**\n%s\n", qm, (int)al, arg, colon ? ":" : "", nested ? "" : ">");
    }
    for (const char *r = body; *r;) {
      const char *e = strchr(r, '\n');
      size_t l = e ? (size_t)(e - r) : strlen(r);
      vgi_buf_puts(&q, qm);
      vgi_buf_add(&q, r, l);
      vgi_buf_puts(&q, "\n");
      r += l + (e ? 1 : 0);
    }
    char *md = vgi_buf_take(&q);
    vgi_md_splice(n, vgi_md_parse_at(md ? md : "", body_line - 1, pad));
    free(md);
    return;
  }
  case D_BODY:
    vgi_md_splice(n, vgi_md_parse_at(body, body_line, pad));
    return;
  }
}

static int is_directive(cmark_node *n) {
  if (cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK) return 0;
  const char *info = cmark_node_get_fence_info(n);
  return info && info[0] == '{' && strchr(info, '}');
}

/* "(label)=": a target for cross-references */
static int target_line(cmark_node *n) {
  if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH) return 0;
  cmark_node *t = cmark_node_first_child(n);
  if (!t || cmark_node_next(t) || cmark_node_get_type(t) != CMARK_NODE_TEXT) return 0;
  const char *s = cmark_node_get_literal(t);
  size_t l = s ? strlen(s) : 0;
  if (l < 4 || s[0] != '(' || s[l - 2] != ')' || s[l - 1] != '=') return 0;
  for (size_t i = 1; i < l - 2; i++) if (isspace((unsigned char)s[i]) || s[i] == '(' || s[i] == ')') return 0;
  return 1;
}

void vgi_myst_blocks(struct cmark_node *doc) {
  size_t pad = 8u << 20;
  /* a pass rewrites the directives it meets; what a body holds is read by
   * the next pass (tabs inside a tab set), up to MYST_DEPTH levels */
  for (int pass = 0; pass < MYST_DEPTH; pass++) {
    int nd = 0, cap = 0;
    cmark_node **found = NULL;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node *cur = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER || !(is_directive(cur) || target_line(cur))) continue;
      if (nd == cap) {
        cap = cap ? cap * 2 : 16;
        cmark_node **nf = realloc(found, sizeof *found * (size_t)cap);
        if (!nf) break;
        found = nf;
      }
      found[nd++] = cur;
    }
    cmark_iter_free(it);
    for (int i = 0; i < nd; i++) {
      if (target_line(found[i])) cmark_node_free(found[i]);
      else rewrite(found[i], &pad);
    }
    free(found);
    if (!nd) return;
  }
}
