/* site_markup.c: the markup of static-site generators in a Markdown page,
 * read as what the site shows. Documentation sites keep their pages as
 * Markdown with their generator's own syntax: Jekyll's and Liquid's tags
 * ("{% include note.html %}", "{{ site.version }}"), Hugo's shortcodes
 * ("{{< highlight bash >}}", "{{% notice tip %}}"), kramdown's attribute
 * lines ("{: .note}"), the admonitions of MkDocs ("!!! warning \"Title\""
 * over an indented body) and of Docusaurus, VitePress and Pandoc/Quarto
 * (":::tip Title" … ":::", "::: {.callout-note}"), the content tabs of
 * MkDocs Material ("=== \"macOS\"" over an indented body). CommonMark reads
 * all of it as text, and the narration said "{{< highlight bash >}}".
 *   - a highlight tag or shortcode is the code fence it stands for;
 *   - an admonition is a MyST colon fence (":::{warning} Title"), which
 *     myst.c turns into a callout; an unknown one ("::: details") keeps its
 *     body as Markdown;
 *   - a content tab is its body, read 4 columns to the left (its code is
 *     code), headed by its title in bold ("**macOS:**");
 *   - a tab of Hugo, Docsy or GitBook ({{< tab name="x" >}}, {% tab
 *     title="x" %}) is headed as an MkDocs tab; a Hugo tab with codelang= is
 *     code; GitBook's {% hint style="info" %} is an admonition;
 *   - Obsidian's wiki links ("[[Note|shown]]") show their words, its embeds
 *     ("![[x.png]]") nothing, its callouts ("> [!info] Title") are GitHub
 *     alerts of their kind, their title the label;
 *   - a comment ({% comment %} … {% endcomment %}, {::comment}) is blanked;
 *   - every other tag or shortcode (include, if, for, tabs, figure, ref)
 *     is neither shown nor said; what a paired one holds stays;
 *   - a variable the site fills in ("{{ site.version }}", "{{ .Site.Title }}",
 *     "{{ x | upcase }}") is left out of a page that is a template (front
 *     matter, or a tag of its generator outside code); a bare "{{ name }}",
 *     and any variable in a README, is what the reader should see.
 * Code (fences, backtick spans) is never touched. Each line stays a line
 * (what is left out becomes spaces or an empty line), so line numbers stay
 * right; only an MkDocs admonition whose body runs into the next paragraph
 * with no blank line gets a line for its closing fence. */
#include "input_private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* the MyST name of an admonition type of MkDocs, Docusaurus, Hugo themes or
 * Quarto ("callout-tip"), NULL when it is none of them */
static const char *alert_name(const char *s, size_t n) {
  static const char *const map[][2] = {
    { "note", "note" }, { "info", "note" }, { "abstract", "note" }, { "summary", "note" }, { "tldr", "note" },
    { "todo", "note" }, { "example", "note" }, { "quote", "note" }, { "cite", "note" }, { "question", "note" },
    { "help", "note" }, { "faq", "note" }, { "success", "note" }, { "check", "note" }, { "done", "note" },
    { "seealso", "seealso" }, { "primary", "note" }, { "secondary", "note" }, { "notice", "note" },
    { "tip", "tip" }, { "hint", "hint" },
    { "important", "important" }, { "attention", "attention" },
    { "warning", "warning" }, { "warn", "warning" }, { "deprecated", "deprecated" },
    { "caution", "caution" }, { "danger", "danger" }, { "error", "error" }, { "failure", "caution" },
    { "fail", "caution" }, { "missing", "caution" }, { "bug", "caution" }, { "alert", "warning" } };
  if (n > 8 && !strncasecmp(s, "callout-", 8)) s += 8, n -= 8;
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (strlen(map[i][0]) == n && !strncasecmp(s, map[i][0], n)) return map[i][1];
  return NULL;
}

/* a word of letters, digits, '-' and '_' at s -> its length */
static size_t word_at(const char *s, const char *e) {
  size_t k = 0;
  if (s >= e || !isalpha((unsigned char)*s)) return 0;
  while (s + k < e && (isalnum((unsigned char)s[k]) || s[k] == '-' || s[k] == '_')) k++;
  return k;
}

static const char *skip_sp(const char *s, const char *e) {
  while (s < e && (*s == ' ' || *s == '\t')) s++;
  return s;
}

/* ---- tags and shortcodes --------------------------------------------------- */

#define TAG_MAX 400

typedef enum { T_NONE, T_LIQUID, T_SHORTCODE, T_VAR } tkind;

typedef struct tag {
  tkind kind;
  size_t len;            /* of the whole tag */
  int closing;           /* {{< /name >}}, {% endname %} */
  const char *name;      /* its name (without "end" or "/") */
  size_t name_n;
  const char *args, *args_end;
} tag;

/* The tag at p (on one line ending at e): "{% … %}", "{{< … >}}",
 * "{{% … %}}" or "{{ … }}" (a variable: letters first, no quote marks at
 * its start, as Liquid, Jinja and Go templates write them). */
static tag tag_at(const char *p, const char *e) {
  tag t = { T_NONE, 0, 0, NULL, 0, NULL, NULL };
  /* a tag is short and on one line: a bound keeps a line of "{%{%{%" linear */
  if (e - p > TAG_MAX) e = p + TAG_MAX;
  const char *nl = memchr(p, '\n', (size_t)(e - p));
  if (nl) e = nl;
  if (e - p < 5 || p[0] != '{') return t;
  const char *close = NULL, *q;
  size_t cl = 0;
  if (p[1] == '%') {
    t.kind = T_LIQUID, q = p + 2, close = "%}", cl = 2;
  } else if (p[1] == '{' && (p[2] == '<' || p[2] == '%')) {
    t.kind = T_SHORTCODE, q = p + 3, close = p[2] == '<' ? ">}}" : "%}}", cl = 3;
  } else if (p[1] == '{') {
    t.kind = T_VAR, q = p + 2, close = "}}", cl = 2;
  } else {
    return t;
  }
  if (q < e && *q == '-') q++;                 /* whitespace control: {%- … -%} */
  q = skip_sp(q, e);
  if (t.kind == T_SHORTCODE && q < e && *q == '/') t.closing = 1, q = skip_sp(q + 1, e);
  size_t wn = word_at(q, e);
  if (t.kind == T_VAR) {
    /* {{ page.title }}, {{ site.data.x | escape }}, {{ .Site.Title }} */
    if (q < e && *q == '.') wn = 1 + word_at(q + 1, e);
    if (!wn) { t.kind = T_NONE; return t; }
  } else if (!wn) {
    t.kind = T_NONE;
    return t;
  }
  t.name = q, t.name_n = wn;
  if (t.kind == T_LIQUID && wn > 3 && !strncmp(q, "end", 3)) t.closing = 1, t.name += 3, t.name_n -= 3;
  /* the end, outside quoted strings, on this line */
  const char *r = q + wn;
  t.args = r;
  char quote = 0;
  for (; r + cl <= e; r++) {
    if (quote) { if (*r == quote) quote = 0; continue; }
    if (*r == '"' || *r == '\'') { quote = *r; continue; }
    if (!memcmp(r, close, cl)) break;
    if (t.kind == T_VAR && (*r == '{' || *r == '}')) break;
  }
  if (r + cl > e || memcmp(r, close, cl)) { t.kind = T_NONE; return t; }
  t.args_end = r;
  if (t.args_end > t.args && t.args_end[-1] == '-') t.args_end--;
  t.len = (size_t)(r + cl - p);
  return t;
}

static int named(const tag *t, const char *name) {
  return strlen(name) == t->name_n && !strncasecmp(t->name, name, t->name_n);
}

/* the value of key="…" (or key=word) among a tag's arguments */
static int arg_value(const tag *t, const char *key, const char **v, size_t *vn) {
  size_t kl = strlen(key);
  for (const char *p = t->args; p + kl < t->args_end; p++) {
    if ((p > t->args && isalnum((unsigned char)p[-1])) || strncasecmp(p, key, kl) || p[kl] != '=') continue;
    const char *s = p + kl + 1;
    if (s < t->args_end && (*s == '"' || *s == '\'')) {
      const char *end = memchr(s + 1, *s, (size_t)(t->args_end - s - 1));
      if (!end) return 0;
      *v = s + 1, *vn = (size_t)(end - s - 1);
    } else {
      const char *end = s;
      while (end < t->args_end && !isspace((unsigned char)*end)) end++;
      *v = s, *vn = (size_t)(end - s);
    }
    return 1;
  }
  return 0;
}

/* the k-th positional argument (a word or a quoted string) */
static int arg_pos(const tag *t, int k, const char **v, size_t *vn) {
  const char *p = t->args;
  for (int i = 0;; i++) {
    p = skip_sp(p, t->args_end);
    if (p >= t->args_end) return 0;
    const char *s = p, *end;
    if (*p == '"' || *p == '\'') {
      end = memchr(p + 1, *p, (size_t)(t->args_end - p - 1));
      if (!end) return 0;
      s = p + 1;
      p = end + 1;
    } else {
      end = p;
      while (end < t->args_end && !isspace((unsigned char)*end)) end++;
      p = end;
    }
    if (memchr(s, '=', (size_t)(end - s)) && *s != '"') { i--; continue; }   /* key=value: not positional */
    if (i == k) { *v = s, *vn = (size_t)(end - s); return 1; }
  }
}

/* words of a title or language, safe on a fence line: no backtick, no brace */
static void add_clean(vgi_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    vgi_buf_add(b, c == '`' || c == '{' || c == '}' || c == '\n' || c == '\r' ? " " : &s[i], 1);
  }
}

/* ---- the pass --------------------------------------------------------------- */

typedef struct pass {
  vgi_buf out;
  int changed, template_page;
  int fence;              /* inside a code fence this long (0: not) */
  char fence_c;
  int comment;            /* inside {% comment %} or {::comment} */
  int code_tag;           /* inside a highlight tag or shortcode: code (2: a tab's, closed by its end) */
  int fence_next;         /* the next line with text opens a code fence */
  const char *alert_close[16];   /* the shortcodes open as admonitions */
  int nalert;
  int dl_item;            /* a definition list's item is open (a second ": text" adds to it) */
} pass;

/* kramdown's "* TOC" over "{:toc}": the list item is where the site puts
 * its table of contents, not a bullet "TOC" */
static void toc_marker_out(pass *ps) {
  size_t end = ps->out.n;
  if (end && ps->out.s[end - 1] == '\n') end--;
  size_t start = end;
  while (start && ps->out.s[start - 1] != '\n') start--;
  const char *l = ps->out.s + start, *e = ps->out.s + end;
  l = skip_sp(l, e);
  if (l < e && (*l == '*' || *l == '-' || *l == '+')) {
    l++;
  } else {
    while (l < e && isdigit((unsigned char)*l)) l++;
    if (l < e && (*l == '.' || *l == ')')) l++;
  }
  l = skip_sp(l, e);
  while (e > l && (e[-1] == ' ' || e[-1] == '\r')) e--;
  if (!((e - l == 3 && !strncmp(l, "TOC", 3)) || (e - l == 17 && !strncasecmp(l, "table of contents", 17)))) return;
  memset(ps->out.s + start, ' ', end - start);
  /* a heading over it that names it ("## Table of contents", its own
   * attribute line blanked) heads nothing now */
  size_t hz = start;
  while (hz > 0) {
    size_t ha = hz - 1;
    while (ha > 0 && ps->out.s[ha - 1] != '\n') ha--;
    const char *h = skip_sp(ps->out.s + ha, ps->out.s + hz - 1), *he = ps->out.s + hz - 1;
    while (he > h && (he[-1] == ' ' || he[-1] == '\r')) he--;
    if (h == he) { hz = ha; continue; }   /* an empty line */
    if (*h != '#') return;
    const char *t = h;
    while (t < he && *t == '#') t++;
    t = skip_sp(t, he);
    static const char *const names[] = { "table of contents", "contents", "on this page", "toc" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
      if ((size_t)(he - t) == strlen(names[i]) && !strncasecmp(t, names[i], (size_t)(he - t)))
        memset(ps->out.s + ha, ' ', (size_t)(he - ps->out.s - ha));
    return;
  }
}

/* A line that is one whole tag (with spaces around) -> what it becomes,
 * written to out; 0 when the line is not one tag. */
static int whole_line_tag(pass *ps, const char *ind, size_t ind_n, const char *s, const char *e) {
  const char *a = skip_sp(s, e), *z = e;
  while (z > a && (z[-1] == ' ' || z[-1] == '\t' || z[-1] == '\r')) z--;
  if (a >= z || *a != '{') return 0;
  tag t = tag_at(a, z);
  if (t.kind == T_NONE || t.kind == T_VAR || a + t.len != z) {
    /* kramdown: an attribute list ("{: .note}", "{:toc}") or an extension
     * ("{::options …/}", "{::comment}" … "{:/comment}") alone on a line */
    if (z - a >= 3 && a[1] == ':' && z[-1] == '}') {
      if (!strncmp(a, "{::comment}", 11)) ps->comment = 1;
      else if (!strncmp(a, "{:/comment}", 11) || !strncmp(a, "{:/}", 4)) ps->comment = 0;
      else if (!strncmp(a, "{:toc}", 6) || !strncmp(a, "{: toc}", 7)) toc_marker_out(ps);
      return 1;
    }
    return 0;
  }
  ps->template_page = 1;
  if (ps->code_tag && !t.closing) return 0;   /* a tag inside highlighted code is the code's */
  if (ps->code_tag == 2) {
    if (!named(&t, "tab")) return 0;
    vgi_buf_add(&ps->out, ind, ind_n);
    vgi_buf_puts(&ps->out, "```");
    ps->code_tag = 0;
    return 1;
  }
  if (named(&t, "highlight") || (t.kind == T_SHORTCODE && (named(&t, "code") || named(&t, "code-block")))) {
    vgi_buf_add(&ps->out, ind, ind_n);
    if (t.closing) {
      vgi_buf_puts(&ps->out, "```");
      ps->code_tag = 0;
    } else {
      const char *lang = NULL;
      size_t ln = 0;
      if (!arg_value(&t, "lang", &lang, &ln)) arg_pos(&t, 0, &lang, &ln);
      vgi_buf_puts(&ps->out, "```");
      if (lang) add_clean(&ps->out, lang, ln);
      ps->code_tag = 1;
    }
    return 1;
  }
  if (ps->code_tag) return 0;
  if (t.kind == T_LIQUID && named(&t, "comment")) { ps->comment = !t.closing; return 1; }
  if (named(&t, "tab") && !t.closing && !(t.args_end > t.args && t.args_end[-1] == '/')) {
    /* a content tab (Hugo's and Docsy's {{< tab name="macOS" >}}, {{< tab
     * header="Linux" lang="bash" >}}, GitBook's {% tab title="npm" %}):
     * headed by its title as the site's tab shows it ("**macOS:**", as an
     * MkDocs tab is); one whose body is code by its language (codelang=,
     * lang=) is that code's fence, unless the body holds its own fence */
    const char *v = NULL, *lang = NULL;
    size_t vn = 0, ln = 0;
    if (t.kind == T_SHORTCODE && (arg_value(&t, "codelang", &lang, &ln) || arg_value(&t, "lang", &lang, &ln)) && ln &&
        !ps->fence_next) {
      vgi_buf_add(&ps->out, ind, ind_n);
      vgi_buf_puts(&ps->out, "```");
      add_clean(&ps->out, lang, ln);
      ps->code_tag = 2;
      return 1;
    }
    if (arg_value(&t, "title", &v, &vn) || arg_value(&t, "name", &v, &vn) || arg_value(&t, "header", &v, &vn) ||
        arg_pos(&t, 0, &v, &vn)) {
      while (vn && (v[vn - 1] == ' ' || v[vn - 1] == ':')) vn--;
      if (vn && vn <= 80) {
        vgi_buf_add(&ps->out, ind, ind_n);
        vgi_buf_puts(&ps->out, "**");
        add_clean(&ps->out, v, vn);
        vgi_buf_puts(&ps->out, ":**");
      }
    }
    return 1;
  }
  if (named(&t, "hint") && t.kind == T_LIQUID) t.kind = T_SHORTCODE;   /* GitBook's {% hint style="info" %} */
  if (t.kind == T_SHORTCODE) {
    /* an admonition: {{% notice tip %}}, {{< hint warning >}}, {{% alert
     * title="Note" color="warning" %}}, {{< admonition type="tip" >}} */
    int alertish = named(&t, "notice") || named(&t, "hint") || named(&t, "alert") || named(&t, "admonition") ||
                   named(&t, "callout") || named(&t, "box") || alert_name(t.name, t.name_n);
    if (alertish && t.closing) {
      for (int i = ps->nalert - 1; i >= 0; i--)
        if (strlen(ps->alert_close[i]) == t.name_n && !strncasecmp(ps->alert_close[i], t.name, t.name_n)) {
          ps->nalert = i;
          vgi_buf_add(&ps->out, ind, ind_n);
          vgi_buf_puts(&ps->out, ":::");
          return 1;
        }
      return 1;
    }
    if (alertish && ps->nalert < (int)(sizeof ps->alert_close / sizeof *ps->alert_close)) {
      const char *ty = NULL, *v, *title = NULL;
      size_t vn, tn = 0;
      if ((arg_value(&t, "type", &v, &vn) || arg_value(&t, "style", &v, &vn) || arg_value(&t, "color", &v, &vn) ||
           arg_pos(&t, 0, &v, &vn)) &&
          alert_name(v, vn))
        ty = alert_name(v, vn);
      if (!ty) ty = alert_name(t.name, t.name_n);
      if (!ty) ty = "note";
      if (!arg_value(&t, "title", &title, &tn) && arg_pos(&t, 0, &v, &vn) && !alert_name(v, vn)) title = v, tn = vn;
      else if (!title && arg_pos(&t, 1, &v, &vn)) title = v, tn = vn;
      static const char *const names[] = { "notice", "hint", "alert", "admonition", "callout", "box", "note",
        "tip", "info", "warning", "caution", "danger", "important", "error", "success", "question", "example" };
      const char *nm = NULL;
      for (size_t i = 0; i < sizeof names / sizeof *names && !nm; i++) if (named(&t, names[i])) nm = names[i];
      ps->alert_close[ps->nalert++] = nm ? nm : "note";
      vgi_buf_add(&ps->out, ind, ind_n);
      vgi_buf_printf(&ps->out, ":::{%s}", ty);
      if (title && tn) { vgi_buf_puts(&ps->out, " "); add_clean(&ps->out, title, tn); }
      return 1;
    }
  }
  return 1;   /* any other tag: nothing on the line; a paired one's content stays */
}

/* A variable a site fills in: a path into its data ("site.version",
 * ".Site.Title", "page.title") or a value through a filter ("x | upcase").
 * A bare "{{name}}" is a placeholder the page shows (MDN writes one so). */
static int site_variable(const tag *t) {
  if (*t->name == '.' || *t->name == '$') return 1;
  for (const char *p = t->name; p < t->args_end; p++) if (*p == '.' || *p == '|') return 1;
  return 0;
}

/* Python-Markdown's attribute list ("{ #id .class key=\"v\" flag }", the
 * colon kramdown writes left out) at p -> its length, 0 when p holds none;
 * *marked: it has an id, a class or a quoted value, which no prose in
 * braces has ("{ return true }" is code, "{x}" a placeholder). */
static size_t attr_list(const char *p, const char *e, int *marked) {
  *marked = 0;
  if (e - p > TAG_MAX) e = p + TAG_MAX;
  if (p >= e || *p != '{') return 0;
  const char *q = p + 1;
  int tokens = 0;
  for (;;) {
    q = skip_sp(q, e);
    if (q >= e) return 0;
    if (*q == '}') break;
    if (*q == '#' || *q == '.') { *marked = 1; q++; }
    size_t wn = word_at(q, e);
    if (!wn) return 0;
    q += wn;
    if (q < e && *q == '=') {
      q++;
      if (q < e && (*q == '"' || *q == '\'')) {
        const char *z = memchr(q + 1, *q, (size_t)(e - q - 1));
        if (!z) return 0;
        q = z + 1;
        *marked = 1;
      } else {
        const char *v = q;
        while (q < e && *q != ' ' && *q != '}' && *q != '{' && *q != '"' && *q != '\'') q++;
        if (q == v) return 0;
      }
    }
    if (q < e && *q != ' ' && *q != '\t' && *q != '}') return 0;
    tokens++;
  }
  return tokens ? (size_t)(q + 1 - p) : 0;
}

/* the text of a heading or list item on this line (after "### ", "- ",
 * "1. "), NULL when the line is neither */
static char *line_lead(char *l, char *e) {
  char *s = l;
  while (s < e && *s == ' ') s++;
  char *q = s;
  if (q < e && *q == '#') {
    while (q < e && *q == '#' && q - s < 6) q++;
  } else if (q < e && (*q == '-' || *q == '*' || *q == '+')) {
    q++;
  } else {
    while (q < e && isdigit((unsigned char)*q) && q - s < 9) q++;
    if (q == s || q >= e || (*q != '.' && *q != ')')) return NULL;
    q++;
  }
  if (q >= e || (*q != ' ' && *q != '\t')) return NULL;
  return (char *)skip_sp(q, e);
}

/* A mark that shows a picture or a badge in front of a heading's or an
 * item's text, an icon's shortcode (":fontawesome-brands-github:") or an
 * MkDocs Material marker ("<!-- md:flag required -->"), and the dash that
 * sets the text off from it ("- :octicons-mail-16: – Email", "### <!--
 * md:default --> – Default value"): neither shown nor said, the dash was
 * left at the text's start ("– Email"). The dash goes, in place. */
static void lead_mark_dash(pass *ps, char *l, size_t n) {
  char *e = l + n, *q = line_lead(l, e);
  if (!q) return;
  int marks = 0;
  for (;;) {
    if (e - q > 4 && !strncmp(q, "<!--", 4)) {
      const char *z = NULL;
      for (char *k = q + 4; k + 3 <= e && !z; k++) if (!strncmp(k, "-->", 3)) z = k;
      if (!z) return;
      q = (char *)skip_sp(z + 3, e), marks++;
    } else if (q < e && *q == ':') {
      char *k = q + 1;
      while (k < e && (islower((unsigned char)*k) || isdigit((unsigned char)*k) || *k == '-' || *k == '_') && k - q < 60) k++;
      if (k >= e || *k != ':' || k == q + 1) break;
      q = k + 1;
      int mk;
      size_t al = attr_list(q, e, &mk);
      q = (char *)skip_sp(q + al, e), marks++;
    } else {
      break;
    }
  }
  if (!marks) return;
  size_t dl = e - q >= 4 && (!strncmp(q, "\xE2\x80\x93", 3) || !strncmp(q, "\xE2\x80\x94", 3)) ? 3
            : e - q >= 2 && *q == '-' && q[1] == ' ' ? 1 : 0;
  if (!dl || q + dl >= e || q[dl] != ' ') return;
  memset(q, ' ', dl);
  ps->changed = 1;
}

/* Does the part of a wiki link at s look like a page's path or address
 * ("docs/setup", "Setup.md", "https://…"), not the words that show it? */
static int wiki_target(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] == '/' || s[i] == '#' || (s[i] == '.' && i + 3 <= n && !strncasecmp(s + i, ".md", 3))) return 1;
  return 0;
}

/* A wiki link at l+i ("[[Note]]", "[[Note|shown]]", "[[Note#Heading]]",
 * "[[#Heading]]", as Obsidian, Foam, Dendron and GitHub's wikis write them)
 * becomes the words the site shows, an embed ("![[diagram.png]]", "![[Note]]":
 * a picture or another note drawn in) nothing; *np the line's new length;
 * 1 + the length of the words left, 0 when l+i holds no wiki link. Not a wiki link: "[[ -f x ]]" (a shell
 * test), "a[[0]]" (an index), "[[_TOC_]]" (a table of contents'
 * marker, markdown.c's). */
static size_t wiki_link(char *l, size_t *np, size_t i) {
  size_t n = *np;
  int embed = l[i] == '!';
  size_t a = i + (embed ? 3 : 2), z = a;
  if (i > 0 && (isalnum((unsigned char)l[i - 1]) || l[i - 1] == ']' || l[i - 1] == ')' || l[i - 1] == '\\')) return 0;
  while (z < n && z - a < 200 && l[z] != ']' && l[z] != '[' && l[z] != '`') z++;
  if (z == a || z + 1 >= n || l[z] != ']' || l[z + 1] != ']') return 0;
  if (l[a] == ' ' || l[a] == '\t' || l[z - 1] == ' ' || (z - a == 5 && !strncmp(l + a, "_TOC_", 5))) return 0;
  const char *show = l + a;
  size_t sn = z - a;
  const char *bar = memchr(show, '|', sn);
  if (bar) {
    /* "[[Target|shown]]" (Obsidian, MediaWiki); GitHub's wikis write
     * "[[shown|Target]]": the part that looks like a path is the target */
    size_t left = (size_t)(bar - show);
    if (wiki_target(bar + 1, sn - left - 1) && !wiki_target(show, left)) sn = left;
    else show = bar + 1, sn -= left + 1;
  } else {
    const char *hash = memchr(show, '#', sn);
    if (hash == show) {
      show++, sn--;                       /* "[[#Heading]]": the heading */
      if (sn && *show == '^') sn = 0;     /* "[[#^block-id]]": a block's id names nothing */
    } else if (hash) {
      sn = (size_t)(hash - show);         /* "[[Note#Heading]]": the note */
    }
    const char *slash = NULL;
    for (size_t k = 0; k < sn; k++) if (show[k] == '/') slash = show + k;
    if (slash) sn -= (size_t)(slash + 1 - show), show = slash + 1;
    if (sn > 3 && !strncasecmp(show + sn - 3, ".md", 3)) sn -= 3;
  }
  if (embed) sn = 0;
  size_t end = z + 2;
  memmove(l + i, show, sn);
  memmove(l + i + sn, l + end, n - end);
  *np = n - (end - i - sn);
  return sn + 1;
}

/* An Obsidian callout's first line ("> [!info] Title", "> [!faq]- Folded?",
 * "> > [!todo]" inside another), any kind, a title after it: the kinds
 * GitHub has none of are their callouts ("[!info]" a note, "[!danger]" a
 * caution, an unknown one a note, as Obsidian shows it), a title over a
 * body its label ("**Title:**", which markdown.c's callout says once), a
 * callout inside another its title only (the outer one's text holds it).
 * l has room for 16 more bytes; the line's new length. */
static const char *gh_mark(const char *myst);

static size_t quote_callout(pass *ps, char *l, size_t n, int body_follows) {
  size_t q = 0, depth = 0;
  while (q < n && q < 3 && l[q] == ' ') q++;
  while (q < n && l[q] == '>') { depth++, q++; while (q < n && l[q] == ' ') q++; }
  if (!depth || q + 4 > n || l[q] != '[' || l[q + 1] != '!') return n;
  size_t wn = word_at(l + q + 2, l + n), k = q + 2 + wn;
  if (!wn || wn > 24 || k >= n || l[k] != ']') return n;
  const char *myst = alert_name(l + q + 2, wn);
  const char *mark = gh_mark(myst ? myst : "note");
  size_t r = k + 1;
  if (r < n && (l[r] == '+' || l[r] == '-')) r++;
  if (r < n && l[r] != ' ' && l[r] != '\t' && l[r] != '\r') return n;
  const char *t = skip_sp(l + r, l + n), *tz = l + n;
  while (tz > t && (tz[-1] == ' ' || tz[-1] == '\r')) tz--;
  int own = strlen(mark) == wn && !strncasecmp(mark, l + q + 2, wn);   /* GitHub's own kind */
  if (depth == 1 && own && r == k + 1 && (t == tz || !body_follows)) return n;   /* "> [!NOTE] text": GitHub's */
  char buf[512];
  size_t tn = (size_t)(tz - t);
  if (tn > 200) return n;
  while (tn && (t[tn - 1] == '.' || t[tn - 1] == ':')) tn--;
  int label = tn && body_follows, ask = tn && (t[tn - 1] == '?' || t[tn - 1] == '!');
  int w = snprintf(buf, sizeof buf, "%s%.*s%s%s", depth == 1 ? "[!" : "", depth == 1 ? (int)strlen(mark) : 0, mark,
                   depth == 1 ? "] " : "", label ? "**" : "");
  for (size_t i = 0; i < tn; i++) buf[w++] = t[i] == '`' || t[i] == '*' ? ' ' : t[i];
  w += snprintf(buf + w, sizeof buf - (size_t)w, "%s", label ? (ask ? "**" : ":**") : "");
  if ((size_t)w > (size_t)(l + n - (l + q)) + 16) return n;
  memcpy(l + q, buf, (size_t)w);
  ps->changed = 1;
  return q + (size_t)w;
}

/* the tags inside a line of text become spaces (variables only on a page
 * that is a template), attribute lists go (with the spaces before one that
 * ends the line: two left would break it); backtick spans are code. The
 * line's new length. */
/* Whether shortcode t opens a pair closed later on its line
 * ("{{< kbd >}}Ctrl{{< /kbd >}}"): what it holds stays. */
static int pair_opens(const tag *t, const char *p, const char *e) {
  if (t->kind != T_SHORTCODE) return 0;
  for (; p + 4 + t->name_n <= e; p++) {
    if (p[0] != '{' || p[1] != '{' || (p[2] != '<' && p[2] != '%')) continue;
    const char *q = skip_sp(p + 3, e);
    if (q < e && *q == '/') {
      q = skip_sp(q + 1, e);
      if ((size_t)(e - q) >= t->name_n && !strncasecmp(q, t->name, t->name_n)) return 1;
    }
  }
  return 0;
}

static size_t inline_tags(pass *ps, char *l, size_t n) {
  size_t tick = 0;   /* the run of backticks that opened the span we are in */
  lead_mark_dash(ps, l, n);
  int heading = line_lead(l, l + n) && *skip_sp(l, l + n) == '#';
  for (size_t i = 0; i < n; i++) {
    if (l[i] == '`') {
      size_t k = 1;
      while (i + k < n && l[i + k] == '`') k++;
      if (!tick) tick = k; else if (k == tick) tick = 0;
      i += k - 1;
      continue;
    }
    if (!tick && l[i] == '[' && i + 1 < n && l[i + 1] == '[') {
      size_t from = i && l[i - 1] == '!' ? i - 1 : i, k = wiki_link(l, &n, from);
      if (k) { ps->changed = 1; i = from + k - 2; }   /* (past the words: from-1 wraps to 0 at i++) */
      continue;
    }
    if (tick || l[i] != '{' || i + 1 >= n) continue;
    if (l[i + 1] == ':' && ps->template_page && i + 2 < n && (l[i + 2] == ' ' || l[i + 2] == '.' || l[i + 2] == '#')) {
      /* kramdown's span attributes: "[Link](url){: .btn }" */
      size_t k = i + 2;
      while (k < n && k - i < TAG_MAX && l[k] != '}' && l[k] != '{') k++;
      if (k < n && l[k] == '}') { memset(l + i, ' ', k + 1 - i); ps->changed = 1; i = k; }
      continue;
    }
    if (l[i + 1] != '%' && l[i + 1] != '{') {
      /* Python-Markdown's attributes: on what they follow
       * ("![x](a.png){ width=300 }", ":icon:{ .lg }", "__Update__{ title=… }"),
       * or at the end of a heading or a paragraph's line
       * ("## 9.7.6 { id=\"9.7.6\" }", "### Files { data-search-exclude }") */
      int mk;
      size_t al = attr_list(l + i, l + n, &mk);
      if (!al) continue;
      const char *rest = skip_sp(l + i + al, l + n);
      int at_end = rest >= l + n || (*rest == '\r' && rest + 1 == l + n);
      /* (attached, it opens with a space, an id or a class: MyST's
       * ":::{warning}" and "{ref}" are directives and roles) */
      int attached = i > 0 && strchr(")]:*_`", l[i - 1]) && strchr(" #.", l[i + 1]);
      if (!(attached || (at_end && i > 0 && l[i - 1] == ' ' && (mk || heading)))) continue;
      size_t from = i;
      if (at_end) while (from > 0 && l[from - 1] == ' ') from--;
      memmove(l + from, l + i + al, n - i - al);
      n -= i + al - from;
      ps->changed = 1;
      i = from - 1;   /* (from 0 wraps to 0 again at the loop's i++) */
      continue;
    }
    tag t = tag_at(l + i, l + n);
    if (t.kind == T_NONE || (t.kind == T_VAR && !(ps->template_page && site_variable(&t)))) continue;
    const char *v;
    size_t vn;
    char key[TAG_MAX];
    int hk = heading && t.kind == T_SHORTCODE && named(&t, "heading") && arg_pos(&t, 0, &v, &vn) && vn < t.len;
    if (hk) memcpy(key, v, vn), v = key;   /* (v lies inside what is blanked) */
    /* a shortcode that shows a word ("{{< glossary_tooltip text=\"cluster\"
     * term_id=\"cluster\" >}}") is that word */
    const char *tv = NULL;
    size_t tn = 0;
    int shown = !hk && t.kind == T_SHORTCODE && !t.closing && arg_value(&t, "text", &tv, &tn) && tn && tn < t.len;
    if (shown) memcpy(key, tv, tn), tv = key;
    /* a value the site fills in within a sentence ("a v{{< skew
     * currentVersion >}} client", "The current release is {{< param
     * \"version\" >}}."): its sentence cannot be said without it; an
     * invisible separator (U+2063) marks the hole, and markdown.c leaves
     * that sentence out (never "a v client can communicate with v, v") */
    const char *before = skip_sp(l, l + i), *after = skip_sp(l + i + t.len, l + n);
    int hole = !hk && !shown && !t.closing && (t.kind == T_VAR || t.kind == T_SHORTCODE) && before < l + i &&
               after < l + n && *after != '\r' && t.len >= 3 && !pair_opens(&t, l + i + t.len, l + n) &&
               /* (glued to a word, "v{{…}}", or the sentence's complement,
                * "is {{…}}.": "Get release {{ site.version }} from the
                * downloads page" is said without it) */
               ((i > 0 && isalnum((unsigned char)l[i - 1])) || (i + t.len < n && isalnum((unsigned char)l[i + t.len])) ||
                strchr(".,;:!?)", *after)) &&
               !(i >= 2 && l[i - 1] == '(' && l[i - 2] == ']') && !(i >= 1 && (l[i - 1] == '"' || l[i - 1] == '\''));
    memset(l + i, ' ', t.len);
    if (shown) memcpy(l + i, tv, tn);
    else if (hole) memcpy(l + i, "\xE2\x81\xA3", 3);
    if (hk) {
      /* Kubernetes' and Docsy's "## {{% heading \"prerequisites\" %}}": the
       * heading the site's language file gives it ("Before you begin"),
       * else its key made readable ("whats_next" -> "Whats next") */
      static const char *const keys[][2] = { { "prerequisites", "Before you begin" }, { "whatsnext", "What's next" },
        { "cleanup", "Clean up" }, { "seealso", "See also" }, { "options_inherited", "Inherited options" },
        { "objectives", "Objectives" }, { "synopsis", "Synopsis" }, { "options", "Options" } };
      char *w = l + i;
      size_t k = 0;
      for (; k < sizeof keys / sizeof *keys; k++)
        if (strlen(keys[k][0]) == vn && !strncasecmp(v, keys[k][0], vn) && strlen(keys[k][1]) < t.len) {
          memcpy(w, keys[k][1], strlen(keys[k][1]));
          break;
        }
      if (k == sizeof keys / sizeof *keys) {
        for (size_t j = 0; j < vn; j++) w[j] = v[j] == '_' || v[j] == '-' ? ' ' : v[j];
        w[0] = (char)toupper((unsigned char)w[0]);
      }
    }
    ps->changed = 1;
    i += t.len - 1;
  }
  return n;
}


/* Hugo's escaped shortcode ("{{<" and a comment's opening slash-star, the
 * name, star-slash and ">}}"), which a page writes to show a shortcode, is
 * shown by the site as the shortcode itself ("{{< hint info >}}"), in code
 * too: the comment marks out, in place; the line's new length. */
static size_t hugo_unescape(char *l, size_t n) {
  size_t w = 0;
  for (size_t r = 0; r < n;) {
    if (r + 5 <= n && l[r] == '{' && l[r + 1] == '{' && (l[r + 2] == '<' || l[r + 2] == '%') && l[r + 3] == '/' &&
        l[r + 4] == '*') {
      /* its close on this line: star-slash, then ">}}" (or "%}}") */
      char k = l[r + 2], kc = k == '<' ? '>' : '%';
      size_t z = r + 5, zmax = r + TAG_MAX < n ? r + TAG_MAX : n;   /* short, as tags are: linear */
      while (z + 5 <= zmax && !(l[z] == '*' && l[z + 1] == '/' && l[z + 2] == kc && l[z + 3] == '}' && l[z + 4] == '}')) z++;
      if (z + 5 <= zmax) {
        l[w++] = '{', l[w++] = '{', l[w++] = k;
        memmove(l + w, l + r + 5, z - (r + 5));
        w += z - (r + 5);
        l[w++] = kc, l[w++] = '}', l[w++] = '}';
        r = z + 5;
        continue;
      }
    }
    l[w++] = l[r++];
  }
  return w;
}

/* A content tab of MkDocs Material ("=== \"macOS\"", "===+", "===!") over
 * an indented body -> its title; 0 if the line is none. */
static int mkdocs_tab(const char *s, const char *e, const char **title, size_t *tn) {
  if (e - s < 6 || strncmp(s, "===", 3)) return 0;
  const char *q = s + 3;
  if (q < e && (*q == '+' || *q == '!')) q++;
  if (q >= e || *q != ' ') return 0;
  q = skip_sp(q, e);
  if (q >= e || *q != '"') return 0;
  const char *end = memchr(q + 1, '"', (size_t)(e - q - 1));
  if (!end) return 0;
  *title = q + 1, *tn = (size_t)(end - q - 1);
  return 1;
}

/* An MkDocs admonition opening at line l ("!!! type [\"title\"]", "???",
 * "???+") -> its MyST name and title; 0 if the line is none. */
static int mkdocs_admonition(const char *s, const char *e, const char **name, const char **title, size_t *tn) {
  if (e - s < 5) return 0;
  const char *q;
  if (!strncmp(s, "!!!", 3)) q = s + 3;
  else if (!strncmp(s, "???", 3)) q = s + 3 + (s[3] == '+');
  else return 0;
  if (q >= e || *q != ' ') return 0;
  q = skip_sp(q, e);
  size_t wn = word_at(q, e);
  if (!wn) return 0;
  const char *nm = alert_name(q, wn);
  *name = nm ? nm : "note";
  q = skip_sp(q + wn, e);
  /* modifiers of MkDocs Material: "inline", "inline end" */
  *title = NULL, *tn = 0;
  while (q < e && word_at(q, e)) q = skip_sp(q + word_at(q, e), e);
  if (q < e && *q == '"') {
    const char *end = memchr(q + 1, '"', (size_t)(e - q - 1));
    if (end) *title = q + 1, *tn = (size_t)(end - q - 1);
  }
  return 1;
}

/* Is there a tag of a site generator ("{% … %}", "{{< … >}}") outside
 * code fences? Then the page is a template. (A README quoting Jinja in a
 * fence is not.) */
static int generator_tag(const char *text, size_t len) {
  int fence = 0;
  char fc = 0;
  for (size_t i = 0; i < len;) {
    const char *l = text + i, *nl = memchr(l, '\n', len - i), *e = nl ? nl : text + len;
    const char *s = skip_sp(l, e);
    char c;
    int k = s - l < 4 ? vgi_fence_run(s, e, &c) : 0;
    if (k && (!fence || c == fc)) { fence = !fence; fc = c; }
    else if (!fence)
      for (const char *p = s; p + 2 < e; p++)
        if (p[0] == '{' && (p[1] == '%' || (p[1] == '{' && (p[2] == '<' || p[2] == '%'))) &&
            tag_at(p, e).kind != T_NONE)
          return 1;
    i = (size_t)(e - text) + 1;
  }
  return 0;
}

/* the GitHub alert of an admonition's MyST name */
static const char *gh_mark(const char *myst) {
  static const char *const map[][2] = { { "tip", "TIP" }, { "hint", "TIP" }, { "important", "IMPORTANT" },
    { "attention", "IMPORTANT" }, { "warning", "WARNING" }, { "deprecated", "WARNING" }, { "caution", "CAUTION" },
    { "danger", "CAUTION" }, { "error", "CAUTION" } };
  for (size_t i = 0; i < sizeof map / sizeof *map; i++) if (!strcmp(myst, map[i][0])) return map[i][1];
  return "NOTE";
}

/* kramdown's attribute list naming a callout, alone on a line before the
 * block it marks ("{: .warning }" over "> …", as Just the Docs writes its
 * callouts; "{: .note-title }") -> the admonition's MyST name, or NULL */
static const char *ial_callout(const char *s, const char *e) {
  while (e > s && (e[-1] == ' ' || e[-1] == '\r')) e--;
  if (e - s < 5 || s[0] != '{' || s[1] != ':' || e[-1] != '}') return NULL;
  const char *q = skip_sp(s + 2, e);
  if (q >= e || *q != '.') return NULL;
  size_t wn = word_at(q + 1, e);
  if (!wn) return NULL;
  if (wn > 6 && !strncmp(q + 1 + wn - 6, "-title", 6)) wn -= 6;
  return alert_name(q + 1, wn);
}

/* A tag that opens at s and closes on a later line ("{{< asciinema
 * cast=\"…\"" … "poster=\"…\" >}}") -> the lines after this one that it
 * spans (at most 8), 0 when it is none */
static int multiline_tag(const char *s, const char *e, const char *end) {
  const char *close;
  if (e - s >= 3 && s[0] == '{' && s[1] == '{' && (s[2] == '<' || s[2] == '%')) close = s[2] == '<' ? ">}}" : "%}}";
  else if (e - s >= 2 && s[0] == '{' && s[1] == '%') close = "%}";
  else return 0;
  size_t cl = strlen(close);
  for (const char *p = s; p + cl <= e; p++) if (!memcmp(p, close, cl)) return 0;   /* closes here */
  const char *q = e;
  for (int k = 1; k <= 8 && q < end; k++) {
    const char *a = q + 1, *z = memchr(a, '\n', (size_t)(end - a));
    if (!z) z = end;
    const char *t = z;
    while (t > a && (t[-1] == ' ' || t[-1] == '\r')) t--;
    if (t - a >= (long)cl && !memcmp(t - cl, close, cl)) return k;
    if (t == a) return 0;   /* a blank line: no tag runs over it */
    q = z;
  }
  return 0;
}

/* Does the first line with text from p on (past blank ones) open a code fence? */
static int fence_next(const char *p, const char *end) {
  while (p < end) {
    const char *z = memchr(p, '\n', (size_t)(end - p));
    if (!z) z = end;
    const char *a = skip_sp(p, z);
    char c;
    if (a < z && *a != '\r') return a - p < 4 && vgi_fence_run(a, z, &c) > 0;
    p = z + 1;
  }
  return 0;
}

/* Is the first line with text from p on (past blank ones) indented by at
 * least col: an admonition's body? ("!!! Wow !!!" over a paragraph is text) */
static int body_indented(const char *p, const char *end, size_t col) {
  for (int k = 0; k < 4 && p < end; k++) {
    const char *z = memchr(p, '\n', (size_t)(end - p));
    if (!z) z = end;
    size_t ind = 0;
    while (p + ind < z && p[ind] == ' ') ind++;
    if (p + ind < z && p[ind] != '\r') return ind >= col;
    p = z + 1;
  }
  return 0;
}

/* ---- definition lists and closing tags over fences ------------------------- */

/* the start of the last line written to b (b ends with its newline) */
static size_t last_line(const vgi_buf *b, size_t end) {
  size_t a = end && b->s[end - 1] == '\n' ? end - 1 : end;
  while (a && b->s[a - 1] != '\n') a--;
  return a;
}

static int blank_range(const char *a, const char *e) {
  a = skip_sp(a, e);
  return a >= e || (e - a == 1 && *a == '\r');
}

/* MkDocs Material's own option marker ("<!-- md:option alternate.name -->"),
 * which its site shows as the option's name -> the name, 0 when it is none */
static size_t md_option(const char *s, const char *e, const char **name) {
  if (e - s < 20 || strncmp(s, "<!--", 4)) return 0;
  const char *q = skip_sp(s + 4, e);
  if (e - q < 10 || strncmp(q, "md:option", 9) || (q[9] != ' ' && q[9] != '\t')) return 0;
  q = skip_sp(q + 9, e);
  const char *z = q;
  while (z < e && *z != ' ' && *z != '\t' && *z != '-' && *z != '`') z++;
  if (z == q || skip_sp(z, e) + 3 > e || strncmp(skip_sp(z, e), "-->", 3)) return 0;
  *name = q;
  return (size_t)(z - q);
}

/* A definition list's description (": text" under its term, MkDocs' def_list,
 * MyST's, Pandoc's): the term's line, the paragraph line above it (a blank
 * line between allowed), is emptied and the description's line becomes the
 * item "- **Term**: text", as other term lists read. Returns where the
 * description's text starts in the line (its line continues from there),
 * NULL when the line is no description. */
static const char *definition(pass *ps, const char *s, const char *e) {
  if (e - s < 3 || *s != ':' || (s[1] != ' ' && s[1] != '\t')) return NULL;
  const char *d = skip_sp(s + 1, e);
  if (blank_range(d, e) || d - s > 5) return NULL;
  if (ps->dl_item) {   /* the term's next description: a paragraph of its item */
    vgi_buf_puts(&ps->out, "  ");
    return d;
  }
  size_t end = ps->out.n, t = last_line(&ps->out, end);
  int gap = 0;
  if (t < end && blank_range(ps->out.s + t, ps->out.s + end - 1)) {
    if (!t) return NULL;
    end = t, t = last_line(&ps->out, end), gap = 1;
  }
  if (t >= end) return NULL;
  /* the term: a paragraph of its own of up to 4 lines, a term each
   * ("Term1" over "Term2"), said together ("Term1, Term2") */
  char term[4 * 204];
  size_t tn = 0, starts[4];
  int lines = 0, optn = 0;
  for (size_t ls = t, le = end;; le = ls, ls = last_line(&ps->out, ls)) {
    if (ls >= le || blank_range(ps->out.s + ls, ps->out.s + le - 1)) break;   /* the empty line above */
    if (lines == 4) return NULL;
    const char *a = ps->out.s + ls, *z = ps->out.s + le - 1;
    if (*a == ' ' || *a == '\t') return NULL;   /* in a list, a body, code */
    while (z > a && (z[-1] == ' ' || z[-1] == '\r')) z--;
    const char *opt = NULL;
    size_t on = md_option(a, z, &opt);
    /* a heading, quote, table, HTML, fence, tab, picture or list item is no term */
    const char *dg = a;
    while (dg < z && isdigit((unsigned char)*dg)) dg++;
    if (z - a > 200 || (!on && strchr("#>|<`~:=!", *a)) || (strchr("-*+", *a) && (a + 1 == z || a[1] == ' ')) ||
        (dg > a && dg < z && (*dg == '.' || *dg == ')')) || (on && lines))
      return NULL;
    /* (read upwards: each line goes before those below it) */
    size_t n = on ? on : (size_t)(z - a), add = n + (lines ? 2 : 0) + (on ? 2 : 0);
    memmove(term + add, term, tn);
    if (on) term[0] = '`', memcpy(term + 1, opt, n), term[n + 1] = '`';
    else memcpy(term, a, n);
    if (lines) memcpy(term + n + (on ? 2 : 0), ", ", 2);
    tn += add;
    optn = on > 0;
    starts[lines++] = ls;
    if (!ls) break;
  }
  if (!lines) return NULL;
  int bold = !optn && tn > 4 && !strncmp(term, "**", 2) && !strncmp(term + tn - 2, "**", 2) && lines == 1;
  ps->out.n = starts[lines - 1];
  for (int k = 1; k < lines; k++) vgi_buf_puts(&ps->out, "\n");
  vgi_buf_puts(&ps->out, gap ? "\n\n- " : "\n- ");
  vgi_buf_puts(&ps->out, bold ? "" : "**");
  vgi_buf_add(&ps->out, term, tn);
  vgi_buf_puts(&ps->out, bold ? ": " : "**: ");
  ps->dl_item = 1;
  return d;
}

/* A line that is only a closing tag ("</div>") ends the HTML above it for
 * the site's renderer (kramdown, Python-Markdown): a code fence on the next
 * line is code. CommonMark would run the HTML block on to a blank line and
 * swallow the fence, so the tag's line is emptied (its block ends the line
 * before; a raw-text block, <pre>, <script>, <style>, <textarea>, is left
 * alone, as its closing tag ends it there). */
static void close_tag_over_fence(pass *ps) {
  size_t end = ps->out.n, t = last_line(&ps->out, end);
  if (t >= end) return;
  const char *a = skip_sp(ps->out.s + t, ps->out.s + end - 1), *z = ps->out.s + end - 1;
  while (z > a && (z[-1] == ' ' || z[-1] == '\r')) z--;
  if (z - a < 4 || a[0] != '<' || a[1] != '/' || z[-1] != '>') return;
  const char *n = a + 2;
  while (n < z - 1 && isalnum((unsigned char)*n)) n++;
  if (n != z - 1 || n == a + 2) return;
  static const char *const raw[] = { "pre", "script", "style", "textarea" };
  for (size_t k = 0; k < sizeof raw / sizeof *raw; k++)
    if ((size_t)(n - a - 2) == strlen(raw[k]) && !strncasecmp(a + 2, raw[k], strlen(raw[k]))) return;
  memset(ps->out.s + t, ' ', (size_t)(z - ps->out.s) - t);
  ps->changed = 1;
}

/* MkDocs admonitions nest (an indented "!!!" in a body): the fence of an
 * outer one is longer than any inside it, and than a body's own code fences */
#define MK_DEPTH 4
static void mk_fence(vgi_buf *b, int depth) {
  for (int k = 0; k < 6 + 2 * (MK_DEPTH - 1 - depth); k++) vgi_buf_add(b, "`", 1);
}

char *vgi_site_markup(const char *text, size_t len, int front_matter, size_t *out_len) {
  /* a quick look first: most documents have none of these */
  int any = 0;
  for (size_t i = 0; i + 2 < len && !any; i++)
    any = (text[i] == '{' && (text[i + 1] == '%' || text[i + 1] == '{' || text[i + 1] == ':')) ||
          ((i == 0 || text[i - 1] == '\n' || text[i - 1] == ' ') &&
           ((text[i] == '!' && text[i + 1] == '!' && text[i + 2] == '!') ||
            (text[i] == '?' && text[i + 1] == '?' && text[i + 2] == '?') ||
            (text[i] == ':' && text[i + 1] == ':' && text[i + 2] == ':') ||
            (text[i] == '=' && text[i + 1] == '=' && text[i + 2] == '='))) ||
          /* Python-Markdown's attributes ("{ #id }", "){ width=300 }"); an
           * icon or a marker before an item's or a heading's text */
          /* a wiki link; a callout of Obsidian's ("> [!info] Title") */
          (text[i] == '[' && (text[i + 1] == '[' || text[i + 1] == '!')) ||
          (text[i] == '{' && (text[i + 1] == ' ' || text[i + 1] == '#' || text[i + 1] == '.') && i &&
           strchr(" )]:*_`", text[i - 1])) ||
          (i >= 2 && text[i - 1] == ' ' && strchr("-*+#", text[i - 2]) &&
           ((text[i] == ':' && islower((unsigned char)text[i + 1])) || (text[i] == '<' && text[i + 1] == '!'))) ||
          /* a definition list's ": text"; a closing tag over a fence */
          ((i == 0 || text[i - 1] == '\n') && text[i] == ':' && (text[i + 1] == ' ' || text[i + 1] == '\t')) ||
          (text[i] == '>' && (text[i + 1] == '\n' || (text[i + 1] == '\r' && i + 3 < len && text[i + 2] == '\n')) &&
           (text[i + 1 + (text[i + 1] == '\r') + 1] == '`' || text[i + 1 + (text[i + 1] == '\r') + 1] == '~'));
  if (!any) return NULL;
  pass ps;
  memset(&ps, 0, sizeof ps);
  ps.template_page = front_matter;
  if (!ps.template_page) ps.template_page = generator_tag(text, len);
  /* Liquid runs before Markdown: "{% raw %}" and "{% endraw %}" go wherever
   * they are, even in a code fence's line ("```python{% raw %}",
   * "{% endraw %}```"); what they hold is read as the page's text */
  char *unraw = NULL;
  if (ps.template_page) {
    vgi_buf u = {0};
    size_t from = 0;
    for (size_t i = 0; i + 2 < len; i++) {
      if (text[i] != '{' || text[i + 1] != '%') continue;
      tag t = tag_at(text + i, text + len);
      if (t.kind != T_LIQUID || !named(&t, "raw")) continue;
      vgi_buf_add(&u, text + from, i - from);
      from = i + t.len;
      i = from - 1;
    }
    if (from) {
      vgi_buf_add(&u, text + from, len - from);
      len = u.n;
      text = unraw = vgi_buf_take(&u);
      if (!text) return NULL;
      ps.changed = 1;
    } else {
      vgi_buf_free(&u);
    }
  }
  /* the MkDocs admonitions open around this line: their markers' columns,
   * and where their fences go in the new text */
  int mk[MK_DEPTH], mk_out[MK_DEPTH], mk_tab[MK_DEPTH], nmk = 0;   /* mk_tab: a content tab, no fence */
  int skip = 0, prev_blank = 1;   /* lines of a tag still to blank; was the line before empty */
  char *line = NULL;
  size_t cap = 0;
  for (size_t i = 0; i < len;) {
    const char *l = text + i;
    const char *nl = memchr(l, '\n', len - i);
    size_t ll = nl ? (size_t)(nl - l) : len - i;
    const char *e = l + ll;
    size_t ind = 0;
    while (ind < ll && l[ind] == ' ') ind++;
    const char *s = l + ind;
    int blank = s == e || (e - s == 1 && *s == '\r');
    int done = 0;
    /* the end of an MkDocs admonition's body: a line of text indented no
     * more than its marker; the closing fence takes the blank line before */
    while (nmk && !blank && (int)ind <= mk[nmk - 1] && !ps.fence) {
      nmk--;
      if (mk_tab[nmk]) continue;   /* a tab's body ends with nothing to close */
      size_t o = ps.out.n;
      if (o >= 2 && ps.out.s[o - 1] == '\n' && ps.out.s[o - 2] == '\n') ps.out.n--;
      for (int k = 0; k < mk_out[nmk]; k++) vgi_buf_add(&ps.out, " ", 1);
      mk_fence(&ps.out, nmk);
      vgi_buf_add(&ps.out, "\n", 1);
    }
    /* in an MkDocs body, the text is read 4 columns to the left */
    size_t cut = nmk && !blank ? (size_t)mk[nmk - 1] + 4 : 0;
    if (cut > ind) cut = ind;
    char fc = 0;
    int fk = 0;
    if (!ps.comment && (ind - cut) < 4 && (fk = vgi_fence_run(s, e, &fc)) && !ps.code_tag) {
      if (!ps.fence) { ps.fence = fk; ps.fence_c = fc; close_tag_over_fence(&ps); }
      else if (fc == ps.fence_c && fk >= ps.fence && skip_sp(s + fk, e) >= e - (e > s && e[-1] == '\r')) ps.fence = 0;
    } else if (ps.fence) {
      /* code */
    } else if (ps.comment) {
      const char *a = skip_sp(s, e);
      tag t = a < e && *a == '{' ? tag_at(a, e) : (tag){ T_NONE, 0, 0, NULL, 0, NULL, NULL };
      if ((t.kind == T_LIQUID && named(&t, "comment") && t.closing) || (a < e && !strncmp(a, "{:/comment}", 11)))
        ps.comment = 0;
      done = 1;
      ps.changed = 1;
    } else if (ps.code_tag) {
      const char *a = skip_sp(s, e);
      if (a < e && *a == '{' && whole_line_tag(&ps, l + cut, ind - cut, s, e)) { done = 1; ps.changed = 1; }
    } else if (skip) {
      skip--;
      done = 1;
    } else if (!blank) {
      const char *name, *title, *callout;
      size_t tn;
      const char *nx = nl ? nl + 1 : text + len, *nxe = nx < text + len ? memchr(nx, '\n', (size_t)(text + len - nx)) : NULL;
      if (!nxe) nxe = text + len;
      int next_text = skip_sp(nx, nxe) < nxe && *skip_sp(nx, nxe) != '\r';
      const char *dd;
      if (ind == cut && *s != ':') ps.dl_item = 0;   /* a line at the margin ends an item */
      if (ind - cut < 4 && *s == ':' && (dd = definition(&ps, s, e))) {
        cut = (size_t)(dd - l);   /* the description's text follows on its line */
        ps.changed = 1;
      } else if (nmk < MK_DEPTH && body_indented(nx, text + len, ind + 4) && mkdocs_admonition(s, e, &name, &title, &tn)) {
        mk_out[nmk] = (int)(ind - cut);
        vgi_buf_add(&ps.out, l + cut, ind - cut);
        mk_fence(&ps.out, nmk);
        vgi_buf_printf(&ps.out, "{%s}", name);
        if (title && tn) { vgi_buf_puts(&ps.out, " "); add_clean(&ps.out, title, tn); }
        mk_tab[nmk] = 0;
        mk[nmk++] = (int)ind;
        done = 1;
        ps.changed = 1;
      } else if (nmk < MK_DEPTH && body_indented(nx, text + len, ind + 4) && mkdocs_tab(s, e, &title, &tn)) {
        /* its body read as Markdown (its code as code, never as tags),
         * headed by the tab's title as the site's tab shows it */
        mk_out[nmk] = (int)(ind - cut);
        vgi_buf_add(&ps.out, l + cut, ind - cut);
        if (tn) { vgi_buf_puts(&ps.out, "**"); add_clean(&ps.out, title, tn); vgi_buf_puts(&ps.out, ":**"); }
        mk_tab[nmk] = 1;
        mk[nmk++] = (int)ind;
        done = 1;
        ps.changed = 1;
      } else if (ll - ind >= 4 && !strncmp(s, ":::", 3)) {
        /* Docusaurus ":::tip Title", ":::tip[Title]"; VitePress "::: warning";
         * Pandoc and Quarto "::: {.callout-note}", "::: warning" */
        const char *q = s;
        while (q < e && *q == ':') q++;
        size_t colons = (size_t)(q - s);
        q = skip_sp(q, e);
        const char *w = q;
        size_t wn = 0;
        if (q < e && *q == '{' && q + 1 < e && q[1] != '.' && q[1] != '#') wn = 0;   /* MyST's own: myst.c */
        else if (q < e && *q == '{') {
          const char *dot = memchr(q, '.', (size_t)(e - q));
          if (dot) w = dot + 1, wn = word_at(w, e);
        } else {
          wn = word_at(q, e);
        }
        if (wn) {
          const char *nm = alert_name(w, wn);
          for (size_t k = 0; k < colons; k++) vgi_buf_add(&ps.out, ":", 1);
          vgi_buf_puts(&ps.out, "{");
          if (nm) vgi_buf_puts(&ps.out, nm); else add_clean(&ps.out, w, wn);
          vgi_buf_puts(&ps.out, "}");
          const char *r = w + wn;
          if (*q == '{') { const char *cb = memchr(r, '}', (size_t)(e - r)); r = cb ? cb + 1 : e; }
          r = skip_sp(r, e);
          const char *rz = e;
          while (rz > r && (rz[-1] == ' ' || rz[-1] == '\r')) rz--;
          if (r < rz && *r == '[' && rz[-1] == ']') r++, rz--;   /* ":::tip[Title]" */
          if (r < rz && *r == '{') r = rz;                          /* ":::tip{title=…}" */
          if (r < rz) { vgi_buf_puts(&ps.out, " "); add_clean(&ps.out, r, (size_t)(rz - r)); }
          done = 1;
          ps.changed = 1;
        }
      } else if (*s == '{' && prev_blank && next_text && (callout = ial_callout(s, e))) {
        /* the block under it, as a GitHub alert: "> [!WARNING]" over "> …"
         * (or over a paragraph, which continues the quote) */
        vgi_buf_add(&ps.out, l + cut, ind - cut);
        vgi_buf_printf(&ps.out, "> [!%s]", gh_mark(callout));
        done = 1;
        ps.changed = 1;
      } else if (*s == '{' && (skip = multiline_tag(s, e, text + len))) {
        ps.template_page = 1;
        done = 1;
        ps.changed = 1;
      } else if (*s == '{' && (ps.fence_next = fence_next(nx, text + len), whole_line_tag(&ps, l + cut, ind - cut, s, e))) {
        done = 1;
        ps.changed = 1;
      }
    }
    if (!done) {
      if (cap < ll + 17) {
        char *nb = realloc(line, ll + 17);
        if (!nb) { free(line); free(unraw); vgi_buf_free(&ps.out); return NULL; }
        line = nb, cap = ll + 17;
      }
      memcpy(line, l + cut, ll - cut);
      if (cut) ps.changed = 1;
      size_t ln = ll - cut;
      if (!ps.fence && !ps.comment && !ps.code_tag && !blank && *s == '>') {
        /* (its body: the next line goes on with the quote's text) */
        const char *nx = nl ? nl + 1 : text + len, *nxe = nx < text + len ? memchr(nx, '\n', (size_t)(text + len - nx)) : NULL;
        if (!nxe) nxe = text + len;
        const char *b = skip_sp(nx, nxe);
        while (b < nxe && (*b == '>' || *b == ' ')) b++;
        ln = quote_callout(&ps, line, ln, nx < text + len && *skip_sp(nx, nxe) == '>' && b < nxe && *b != '\r');
      }
      if (!ps.fence && !ps.comment && !ps.code_tag && !blank) ln = inline_tags(&ps, line, ln);
      size_t kept = hugo_unescape(line, ln);
      if (kept != ln) ps.changed = 1;
      vgi_buf_add(&ps.out, line, kept);
    }
    if (nl) vgi_buf_add(&ps.out, "\n", 1);
    prev_blank = blank;
    i += ll + (nl ? 1 : 0);
  }
  while (nmk) {
    if (ps.out.n && ps.out.s[ps.out.n - 1] != '\n') vgi_buf_add(&ps.out, "\n", 1);
    nmk--;
    if (mk_tab[nmk]) continue;
    for (int k = 0; k < mk_out[nmk]; k++) vgi_buf_add(&ps.out, " ", 1);
    mk_fence(&ps.out, nmk);
    vgi_buf_add(&ps.out, "\n", 1);
  }
  while (ps.nalert > 0) { vgi_buf_puts(&ps.out, "\n:::\n"); ps.nalert--; }
  free(line);
  free(unraw);
  if (!ps.changed) { vgi_buf_free(&ps.out); return NULL; }
  *out_len = ps.out.n;
  return vgi_buf_take(&ps.out);
}

/* ---- Hugo's TOML front matter ------------------------------------------------ */

/* a line "key = value" of TOML whose value YAML reads the same (a string on
 * one line, a number, a boolean, a date, an array on one line) -> where its
 * '=' is, 0 when it is none */
static size_t toml_pair(const char *l, size_t n) {
  size_t i = 0;
  while (i < n && l[i] == ' ') i++;
  if (i == n || l[i] == '#' || l[i] == '[') return 0;
  if (l[i] == '"' || l[i] == '\'') {
    const char *q = memchr(l + i + 1, l[i], n - i - 1);
    if (!q) return 0;
    i = (size_t)(q - l) + 1;
  } else {
    while (i < n && (isalnum((unsigned char)l[i]) || l[i] == '_' || l[i] == '-')) i++;
  }
  while (i < n && l[i] == ' ') i++;
  if (i >= n || l[i] != '=') return 0;
  size_t eq = i++;
  while (i < n && l[i] == ' ') i++;
  if (i >= n) return 0;
  /* a multi-line string or array, an inline table: not YAML's */
  if ((n - i >= 3 && (!strncmp(l + i, "\"\"\"", 3) || !strncmp(l + i, "\'\'\'", 3))) || l[i] == '{') return 0;
  if (l[i] == '[') {
    size_t z = n;
    while (z > i && (l[z - 1] == ' ' || l[z - 1] == '\r')) z--;
    if (l[z - 1] != ']') return 0;
  }
  return eq;
}

void vgi_toml_front_matter(char *text, size_t len) {
  if (len < 8 || strncmp(text, "+++", 3) || (text[3] != '\n' && text[3] != '\r')) return;
  size_t i = text[3] == '\r' ? 5 : 4, close = 0;
  for (size_t k = i; k < len;) {
    const char *nl = memchr(text + k, '\n', len - k);
    size_t e = nl ? (size_t)(nl - text) : len, l = e - k;
    if (l && text[k + l - 1] == '\r') l--;
    if (l == 3 && !strncmp(text + k, "+++", 3)) { close = k; break; }
    k = e + 1;
  }
  if (!close) return;   /* no closing line: not front matter */
  memcpy(text, "---", 3);
  memcpy(text + close, "---", 3);
  int table = 0;   /* after a "[table]" header: its keys are not the page's */
  for (size_t k = i; k < close;) {
    const char *nl = memchr(text + k, '\n', close - k);
    size_t e = nl ? (size_t)(nl - text) : close, l = e - k;
    size_t a = k;
    while (a < e && text[a] == ' ') a++;
    if (a < e && text[a] == '[') table = 1;
    size_t eq = table ? 0 : toml_pair(text + k, l);
    if (eq) text[k + eq] = ':';
    else if (a < e && text[a] != '#') memset(text + k, ' ', l - (l && text[k + l - 1] == '\r'));
    k = e + 1;
  }
}
