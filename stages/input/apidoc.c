/* apidoc.c: API references in Markdown (Node.js docs, JSDoc, Google-style
 * docstrings rendered to Markdown). Recognises a parameter list ("`name`
 * {type} text", "`name` (type): text", "Returns: {type}", "@param",
 * a list under "Parameters:"), says it in words ("It takes a path and an
 * optional suffix, and returns a string.") and shows it without braces; and
 * reads stability banners ("Stability: 1 - Experimental"). The Markdown
 * adapter (markdown.c) calls these; the scene is made there. */
#include "input_private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>

/* ---- inline text ------------------------------------------------------------ */

/* The text of inline nodes: code spans and links by their text, breaks as spaces. */
static void flat(cmark_node *n, vgi_buf *b) {
  for (; n; n = cmark_node_next(n)) {
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE: {
      const char *l = cmark_node_get_literal(n);
      if (l) vgi_buf_puts(b, l);
      break;
    }
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: vgi_buf_puts(b, " "); break;
    case CMARK_NODE_HTML_INLINE: break;
    default: flat(cmark_node_first_child(n), b); break;
    }
  }
}

static char *trim_dup(const char *s, size_t n) {
  while (n && isspace((unsigned char)*s)) { s++; n--; }
  while (n && isspace((unsigned char)s[n - 1])) n--;
  char *r = malloc(n + 1);
  memcpy(r, s, n);
  r[n] = 0;
  return vgi_squash(r);
}

/* ---- types as words ------------------------------------------------------------- */

/* "{string|symbol}" -> "string or symbol", "Function[]" -> "array of Function",
 * "Object" -> "object"; a class name keeps its case. Caller frees. */
char *vgi_apidoc_type_words(const char *type) {
  static const char *const lower[] = { "string", "object", "function", "boolean", "number", "integer",
                                       "symbol", "array", "bigint", "null", "undefined", "any", "int",
                                       "float", "double", "bool", "str", "list", "dict", "tuple", NULL };
  vgi_buf b = {0};
  const char *p = type;
  while (*p == '{' || *p == ' ') p++;
  int first = 1;
  while (*p && *p != '}') {
    const char *e = p;
    while (*e && *e != '|' && *e != '}') e++;
    char *t = trim_dup(p, (size_t)(e - p));
    /* markdown escapes: "Function\[]" */
    char *w = t;
    for (char *r = t; *r; r++) if (*r != '\\') *w++ = *r;
    *w = 0;
    size_t tl = strlen(t);
    int arr = tl > 2 && !strcmp(t + tl - 2, "[]");
    if (arr) t[tl - 2] = 0;
    for (int i = 0; lower[i]; i++)
      if (!strcasecmp(t, lower[i])) for (char *c = t; *c; c++) *c = (char)tolower((unsigned char)*c);
    if (*t) {
      if (!first) vgi_buf_puts(&b, " or ");
      if (arr) vgi_buf_puts(&b, "array of ");
      vgi_buf_puts(&b, t);
      if (arr && isalpha((unsigned char)t[strlen(t) - 1]) && t[strlen(t) - 1] != 's') vgi_buf_puts(&b, "s");
      first = 0;
    }
    free(t);
    p = *e == '|' ? e + 1 : e;
  }
  return vgi_buf_take(&b);
}

/* ---- parameter lists ---------------------------------------------------------------- */

struct vgi_api {
  struct vgi_api_param {
    char *name;      /* NULL: a property's own type, or what is returned */
    char *type;      /* as words, or NULL */
    char *desc;      /* or NULL */
    int returns, optional, rest, level, plain;   /* plain: an item that is not a parameter (shown only) */
  } *p;
  int n;
};

static void add_param(vgi_api *a, char *name, char *type, char *desc, int returns, int optional, int level) {
  a->p = realloc(a->p, (size_t)(a->n + 1) * sizeof *a->p);
  struct vgi_api_param *q = &a->p[a->n++];
  memset(q, 0, sizeof *q);
  q->name = name;
  q->type = type;
  q->desc = desc && *desc ? desc : NULL;
  if (desc && !*desc) free(desc);
  q->returns = returns;
  q->level = level;
  q->optional = optional;
  if (name && !strncmp(name, "...", 3)) q->rest = 1;
  if (q->desc && (!strncasecmp(q->desc, "optional", 8) || strstr(q->desc, "(optional)"))) q->optional = 1;
}

/* A braced or bracketed type at *p ("{string}", "(str, optional)"): its words; *p past it. */
static char *take_type(const char **p, char open, char close, int *optional) {
  const char *s = *p;
  if (*s != open) return NULL;
  int depth = 0;
  const char *e = s;
  for (; *e; e++) {
    if (*e == open) depth++;
    else if (*e == close && --depth == 0) break;
  }
  if (*e != close) return NULL;
  char *in = trim_dup(s + 1, (size_t)(e - s - 1));
  if (!*in || strlen(in) > 60) { free(in); return NULL; }
  char *opt = strstr(in, "optional");
  if (opt) {
    *optional = 1;
    *opt = 0;
    size_t l = strlen(in);
    while (l && (in[l - 1] == ',' || in[l - 1] == ' ')) in[--l] = 0;
  }
  vgi_buf b = {0};
  vgi_buf_puts(&b, "{");
  vgi_buf_puts(&b, in);
  vgi_buf_puts(&b, "}");
  free(in);
  char *w = vgi_apidoc_type_words(b.s);
  vgi_buf_free(&b);
  *p = e + 1;
  if (!*w) { free(w); return NULL; }
  return w;
}

/* What follows a name or type: ": text", " - text", " — text", " text". */
char *vgi_apidoc_debrace(const char *text);
static char *rest_desc(const char *s) {
  while (*s == ' ') s++;
  if (*s == ':' || (*s == '-' && s[1] == ' ')) s++;
  else if (!strncmp(s, "\xE2\x80\x94", 3) || !strncmp(s, "\xE2\x80\x93", 3)) s += 3;
  char *d = vgi_apidoc_debrace(s);
  char *r = trim_dup(d, strlen(d));
  free(d);
  return r;
}

static int ident(const char *s, size_t n) {
  if (!n || n > 40) return 0;
  for (size_t i = 0; i < n; i++)
    if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '.' || s[i] == '$' || s[i] == '[' ||
          s[i] == ']' || s[i] == '=' || s[i] == '-'))
      return 0;
  return 1;
}

static int starts_word(const char *s, const char *w) {
  size_t l = strlen(w);
  return !strncasecmp(s, w, l) && !isalnum((unsigned char)s[l]);
}

/* A MyST role opening an item ("{term}`wheel <Wheel>`"): a text node that
 * is one "{name}" (or "{domain:name}") right before a code span. It is
 * markup around a word, no "{type}". */
static int myst_role(cmark_node *f) {
  const char *l = f && cmark_node_get_type(f) == CMARK_NODE_TEXT ? cmark_node_get_literal(f) : NULL;
  cmark_node *nx = f ? cmark_node_next(f) : NULL;
  if (!l || l[0] != '{' || !nx || cmark_node_get_type(nx) != CMARK_NODE_CODE) return 0;
  size_t k = 1;
  while (isalnum((unsigned char)l[k]) || l[k] == ':' || l[k] == '-' || l[k] == '_') k++;
  return k > 1 && l[k] == '}' && !l[k + 1];
}

/* One item: 1 when it reads as a parameter, a return value or a type.
 * ctx: the list stands under "Parameters:" (1) or "Returns:" (2). */
static int parse_text(vgi_api *a, char *code, const char *text, int level, int ctx);
static int parse_item(vgi_api *a, cmark_node *item, int level, int ctx) {
  cmark_node *para = cmark_node_first_child(item);
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return 0;
  cmark_node *f = cmark_node_first_child(para);
  if (myst_role(f)) return 0;
  char *code = NULL;
  vgi_buf b = {0};
  if (f && cmark_node_get_type(f) == CMARK_NODE_CODE) {
    code = trim_dup(cmark_node_get_literal(f), strlen(cmark_node_get_literal(f)));
    flat(cmark_node_next(f), &b);
  } else if (f && cmark_node_get_type(f) == CMARK_NODE_STRONG && cmark_node_first_child(f) &&
             cmark_node_get_type(cmark_node_first_child(f)) == CMARK_NODE_CODE) {
    /* "**`name`** (type): text" */
    cmark_node *c = cmark_node_first_child(f);
    code = trim_dup(cmark_node_get_literal(c), strlen(cmark_node_get_literal(c)));
    flat(cmark_node_next(f), &b);
  } else {
    flat(f, &b);
  }
  char *text = vgi_squash(vgi_buf_take(&b));
  int ok = parse_text(a, code, text, level, ctx);
  free(text);
  return ok;
}

/* An item's text (code: its leading code span, owned, or NULL). */
static int parse_text(vgi_api *a, char *code, const char *text, int level, int ctx) {
  const char *s = text;
  int ok = 0, optional = 0;
  char *type = NULL;
  if (code && *code && strlen(code) <= 40) {
    /* "`close` - {string[]}", "`x`: {number}" */
    const char *t = s;
    while (*t == ' ' || *t == ':' || *t == '-') t++;
    if (*t == '{' && t - s <= 3) s = t;
    if (*s == '{' && (type = take_type(&s, '{', '}', &optional))) ok = 1;
    else if (*s == '(' && (type = take_type(&s, '(', ')', &optional))) {
      /* "`name` (str): text"; outside "Parameters:" a bracket with no text
       * after it is an aside ("`libcap` (v2.21 or later)"), not a type */
      const char *d = s;
      while (*d == ' ') d++;
      if (ctx || *d == ':' || (*d == '-' && d[1] == ' ') || !strncmp(d, "\xE2\x80\x94", 3) ||
          !strncmp(d, "\xE2\x80\x93", 3))
        ok = 1;
      else {
        free(type);
        type = NULL;
      }
    }
    else if (ctx == 1 && (!*s || *s == ':' || *s == '-' || !strncmp(s, "\xE2\x80\x94", 3))) ok = 1;
    /* "`err` Error": among typed ones only; a name, not a path
     * ("`v8/tools/codemap`": a list of modules, no parameters) */
    else if (ctx == 0 && (isalpha((unsigned char)code[0]) || code[0] == '_' || !strncmp(code, "...", 3)) &&
             (ident(code, strlen(code)) || !strncmp(code, "...", 3)))
      ok = 2;
    if (ok) {
      /* "name=None" */
      char *eq = strchr(code, '=');
      if (eq && eq != code) { *eq = 0; optional = 1; }
      add_param(a, code, type, rest_desc(s), 0, optional, level);
      code = NULL;
    }
  } else if (!code) {
    if (starts_word(s, "Returns") || starts_word(s, "Return") || starts_word(s, "@returns") ||
        starts_word(s, "@return")) {
      s += strcspn(s, " :{");
      while (*s == ':' || *s == ' ') s++;
      if (*s == '{') type = take_type(&s, '{', '}', &optional);
      else if (*s == '(') type = take_type(&s, '(', ')', &optional);
      add_param(a, NULL, type, rest_desc(s), 1, 0, level);
      ok = 1;
    } else if (starts_word(s, "Raises") || starts_word(s, "Raise") || starts_word(s, "Throws") ||
               starts_word(s, "@throws") || starts_word(s, "@raises")) {
      /* "Raises OSError: when …": shown as written, said by the description */
      add_param(a, NULL, NULL, trim_dup(s, strlen(s)), 0, 0, level);
      a->p[a->n - 1].plain = 1;
      ok = 2;
    } else if (starts_word(s, "@param") || starts_word(s, "@arg") || starts_word(s, "@argument")) {
      s += strcspn(s, " ");
      while (*s == ' ') s++;
      if (*s == '{') { type = take_type(&s, '{', '}', &optional); while (*s == ' ') s++; }
      size_t nl = strcspn(s, " ");
      if (nl && *s == '[') { optional = 1; s++; nl = strcspn(s, "] "); }
      if (ident(s, nl)) {
        char *name = trim_dup(s, nl);
        s += nl;
        if (*s == ']') s++;
        char *eq = strchr(name, '=');
        if (eq && eq != name) *eq = 0;
        add_param(a, name, type, rest_desc(s), 0, optional, level);
        type = NULL;
        ok = 1;
      }
      free(type);
    } else if (starts_word(s, "Type") || starts_word(s, "Value") || starts_word(s, "Extends")) {
      /* "Type: {boolean} text": a property's type */
      const char *s0 = s;
      s += strcspn(s, " :{");
      while (*s == ':' || *s == ' ') s++;
      if (*s == '{' && (type = take_type(&s, '{', '}', &optional))) {
        add_param(a, NULL, type, rest_desc(s), 0, 0, level);
        ok = 1;
      } else if (strchr(s, '{')) {
        /* "Type: The underlying {AsyncResource}." */
        const char *o = strchr(s, '{');
        if ((type = take_type(&o, '{', '}', &optional))) {
          add_param(a, NULL, type, vgi_apidoc_debrace(s), 0, 0, level);
          ok = 1;
        } else {
          s = s0;
        }
      } else {
        s = s0;
      }
    } else if (*s == '{') {
      /* "{string}": a property's type */
      const char *s0 = s;
      if ((type = take_type(&s, '{', '}', &optional))) {
        add_param(a, NULL, type, rest_desc(s), 0, 0, level);
        ok = 1;
      } else {
        s = s0;
      }
    } else if (ctx == 2) {
      /* "(bytes) The body." */
      if (*s == '(') type = take_type(&s, '(', ')', &optional);
      add_param(a, NULL, type, rest_desc(s), 1, 0, level);
      ok = 1;
    } else if (ctx == 1) {
      /* "name (type): text", "name: text" under "Parameters:" */
      size_t nl = strcspn(s, " :(");
      if (ident(s, nl)) {
        char *name = trim_dup(s, nl);
        s += nl;
        while (*s == ' ') s++;
        if (*s == '(') type = take_type(&s, '(', ')', &optional);
        add_param(a, name, type, rest_desc(s), 0, optional, level);
        ok = 1;
      }
    }
  }
  free(code);
  return ok;
}

/* Text with its "{Type}" references in words ("with {AsyncResource}" ->
 * "with AsyncResource"); other braces are left. Caller frees. */
char *vgi_apidoc_debrace(const char *text) {
  vgi_buf b = {0};
  const char *p = text;
  while (*p) {
    const char *o = strchr(p, '{');
    if (!o) { vgi_buf_puts(&b, p); break; }
    vgi_buf_add(&b, p, (size_t)(o - p));
    const char *q = o;
    int opt = 0;
    /* a type is an identifier or a union of them: "{string|symbol}", "{Object\[]}" */
    size_t n = strcspn(o + 1, "}");
    int typ = o[1] && o[1 + n] == '}' && n <= 60 && (isalpha((unsigned char)o[1]));
    for (size_t i = 1; typ && i <= n; i++)
      typ = isalnum((unsigned char)o[i]) || strchr("|.[]\\_<>$ ", o[i]);
    char *w = typ ? take_type(&q, '{', '}', &opt) : NULL;
    if (w) {
      vgi_buf_puts(&b, w);
      free(w);
      p = q;
    } else {
      vgi_buf_puts(&b, "{");
      p = o + 1;
    }
  }
  return vgi_buf_take(&b);
}

/* A paragraph that is one "Type: {boolean}" / "Value: {boolean}" line: a
 * property's type, as in a list. NULL otherwise. */
vgi_api *vgi_apidoc_line(const char *text) {
  if (!text || strlen(text) > 200) return NULL;
  if (!(starts_word(text, "Type") || starts_word(text, "Value"))) return NULL;
  const char *c = text + strcspn(text, " :{");
  if (*c != ':') return NULL;
  vgi_api *a = calloc(1, sizeof *a);
  if (!parse_text(a, NULL, text, 0, 0) || !vgi_apidoc_property(a)) { vgi_apidoc_free(a); return NULL; }
  return a;
}

static void list_params(vgi_api *a, cmark_node *list, int level, int ctx, int *bad, int *typed) {
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
    int k = parse_item(a, it, level, ctx);
    if (k == 1 && !level) (*typed)++;
    if (!k) {
      if (!level) { (*bad)++; continue; }
      /* a child that is not a parameter (a note on an option) is shown as it is */
      vgi_buf b = {0};
      flat(cmark_node_first_child(cmark_node_first_child(it)), &b);
      char *t = vgi_squash(vgi_buf_take(&b));
      /* its types without braces all the same */
      char *db = vgi_apidoc_debrace(t);
      free(t);
      t = db;
      add_param(a, NULL, NULL, t, 0, 0, level);
      a->p[a->n - 1].plain = 1;
    }
    for (cmark_node *c = cmark_node_first_child(it); c; c = cmark_node_next(c))
      if (cmark_node_get_type(c) == CMARK_NODE_LIST && level < 3) list_params(a, c, level + 1, ctx, bad, typed);
  }
}

/* The context a paragraph before a list gives it: "Parameters:" 1, "Returns:" 2. */
int vgi_apidoc_context(const char *intro) {
  if (!intro) return 0;
  while (*intro == '#' || *intro == ' ' || *intro == '*') intro++;
  static const char *const params[] = { "Parameters", "Params", "Arguments", "Args", "Options", NULL };
  static const char *const rets[] = { "Returns", "Return value", "Return", NULL };
  size_t l = strlen(intro);
  while (l && (intro[l - 1] == ':' || intro[l - 1] == ' ' || intro[l - 1] == '*')) l--;
  for (int i = 0; params[i]; i++) if (l == strlen(params[i]) && !strncasecmp(intro, params[i], l)) return 1;
  for (int i = 0; rets[i]; i++) if (l == strlen(rets[i]) && !strncasecmp(intro, rets[i], l)) return 2;
  return 0;
}

vgi_api *vgi_apidoc_list(struct cmark_node *list, int ctx) {
  vgi_api *a = calloc(1, sizeof *a);
  int bad = 0, typed = 0;
  list_params(a, list, 0, ctx, &bad, &typed);
  int top = 0;
  for (int i = 0; i < a->n; i++) top += a->p[i].level == 0;
  /* every item a parameter; "`name` text" ones only beside one with a type */
  if (bad || !top || (!ctx && !typed)) { vgi_apidoc_free(a); return NULL; }
  return a;
}

void vgi_apidoc_merge(vgi_api *into, vgi_api *from) {
  for (int i = 0; i < from->n; i++) {
    into->p = realloc(into->p, (size_t)(into->n + 1) * sizeof *into->p);
    into->p[into->n++] = from->p[i];
  }
  free(from->p);
  free(from);
}

void vgi_apidoc_free(vgi_api *a) {
  if (!a) return;
  for (int i = 0; i < a->n; i++) { free(a->p[i].name); free(a->p[i].type); free(a->p[i].desc); }
  free(a->p);
  free(a);
}

/* "path.basename(path[, suffix])": names inside brackets are optional. */
void vgi_apidoc_signature(vgi_api *a, const char *heading) {
  const char *o = heading ? strchr(heading, '(') : NULL;
  if (!o) return;
  int depth = 0;
  for (const char *p = o + 1; *p && *p != ')'; ) {
    if (*p == '[') { depth++; p++; continue; }
    if (*p == ']') { depth--; p++; continue; }
    size_t n = 0;
    while (p[n] && (isalnum((unsigned char)p[n]) || p[n] == '_' || p[n] == '.' || p[n] == '$')) n++;
    if (!n) { p++; continue; }
    /* "fast=False": a default makes it optional too */
    if (depth > 0 || p[n] == '=')
      for (int i = 0; i < a->n; i++)
        if (a->p[i].name && !a->p[i].level && strlen(a->p[i].name) == n && !strncmp(a->p[i].name, p, n))
          a->p[i].optional = 1;
    p += n;
  }
}

/* A property: nothing but its type ("* {string}"). */
int vgi_apidoc_property(const vgi_api *a) {
  int top = 0, prop = 0;
  for (int i = 0; i < a->n; i++)
    if (!a->p[i].level) { top++; prop += !a->p[i].name && !a->p[i].returns && a->p[i].type; }
  return top == 1 && prop == 1;
}

/* Tiny: a property's type, or a function that takes nothing and returns a value. */
int vgi_apidoc_tiny(const vgi_api *a) {
  int top = 0;
  for (int i = 0; i < a->n; i++) {
    if (a->p[i].level) continue;
    if (a->p[i].name || a->p[i].plain || !a->p[i].type) return 0;
    top++;
  }
  return top == 1;
}

/* Parameters, return values and types in the slide's words: no braces;
 * "Returns", "Type" and "optional" in the document's language. */
cJSON *vgi_apidoc_items(const vgi_api *a, const char *lang) {
  cJSON *items = cJSON_CreateArray();
  for (int i = 0; i < a->n; i++) {
    const struct vgi_api_param *q = &a->p[i];
    cJSON *it = cJSON_CreateObject();
    vgi_buf d = {0};
    if (q->type) vgi_buf_puts(&d, q->type);
    if (q->optional) {
      if (d.n) vgi_buf_puts(&d, ", ");
      vgi_buf_puts(&d, vgi_phrase(lang, "l_optional"));
    }
    if (q->desc) {
      if (d.n) vgi_buf_puts(&d, " \xE2\x80\x94 ");
      vgi_buf_puts(&d, q->desc);
    }
    const char *title = q->name ? q->name : q->returns ? vgi_phrase(lang, "l_returns") : NULL;
    if (!title && q->plain) title = q->desc;
    if (!title) title = vgi_phrase(lang, "l_type");
    cJSON_AddStringToObject(it, "title", title);
    if (d.n && !q->plain) cJSON_AddStringToObject(it, "description", d.s);
    cJSON_AddNumberToObject(it, "level", q->level);
    cJSON_AddItemToArray(items, it);
    vgi_buf_free(&d);
  }
  return items;
}

static int english(const char *lang) {
  return !lang || !*lang || (!strncasecmp(lang, "en", 2) && (!lang[2] || lang[2] == '-' || lang[2] == '_'));
}

static void article(vgi_buf *b, const char *w) {
  /* "a url", "a user", but "an undo" */
  int an = w[0] && strchr("aeiouAEIOU", w[0]) && !((w[0] == 'u' || w[0] == 'U') && w[1] != 'n') &&
           strncasecmp(w, "one", 3);
  vgi_buf_puts(b, an ? "an " : "a ");
}

/* A parameter said: "a path", "an optional suffix", "any number of paths", "eventName". */
static void say_param(vgi_buf *b, const struct vgi_api_param *q) {
  const char *n = q->name;
  if (q->rest) {
    vgi_buf_puts(b, "any number of ");
    vgi_buf_puts(b, n + 3);
    return;
  }
  /* "a path", but "from" and "to" are no nouns to take an article */
  /* nor an abbreviation a presenter reads as a name: "It takes str", not "a str" */
  static const char *const bare[] = { "from", "to", "in", "out", "on", "of", "for", "by", "at", "if", "as",
                                      "is", "it", "this", "self", "args", "kwargs", "options", "opts", "str", "obj",
                                      "buf", "len", "ctx", "arr", "val", "num", "idx", "msg", "err", "src", "dst",
                                      "dest", "tmp", "ptr", "env", "cfg", "req", "res", "elem", "prev", "curr", NULL };
  int word = 1;
  for (const char *c = n; *c; c++) if (!islower((unsigned char)*c)) word = 0;
  for (int i = 0; bare[i] && word; i++) if (!strcmp(n, bare[i])) word = 0;
  if (strlen(n) < 3) word = 0;   /* "n", "fd": a symbol, not a noun */
  /* "flags", "paths": a plural takes no article */
  size_t l = strlen(n);
  int plural = word && l > 3 && n[l - 1] == 's' && !strchr("sui", n[l - 2]);
  if (q->optional) {
    vgi_buf_puts(b, !word ? "optionally " : plural ? "optional " : "an optional ");
  } else if (word && !plural) {
    article(b, n);
  }
  vgi_buf_puts(b, n);
}

static int nothing_type(const char *t) {
  return !t || !strcmp(t, "undefined") || !strcmp(t, "void") || !strcmp(t, "null") || !strcmp(t, "None");
}

#define SAID_PARAMS 3   /* parameters named aloud; the rest are counted */

/* A type in words in another language: "string or symbol", "array of
 * Buffers" joined and named with the language's phrases. Appends to b. */
static void type_in(vgi_buf *b, const char *type, const char *lang) {
  const char *p = type;
  for (int i = 0; *p; i++) {
    const char *e = strstr(p, " or ");
    size_t l = e ? (size_t)(e - p) : strlen(p);
    char *part = trim_dup(p, l);
    if (i) vgi_buf_puts(b, vgi_phrase(lang, e ? "sep" : i == 1 ? "or_pair" : "or_last"));
    if (!strncmp(part, "array of ", 9)) {
      const char *args[1] = { part + 9 };
      vgi_phrase_put(b, lang, "api_array", args, 1);
    } else {
      vgi_buf_puts(b, part);
    }
    free(part);
    p += l;
    if (e) p += 4;
  }
}

/* What the list says in a language other than English, from the phrase
 * table (lua/vg/i18n.lua): "Parameter: path und optional suffix.
 * Rückgabewert: string." */
static char *said_in_lang(const struct vgi_api_param *const *said, int ns, int total,
                          const struct vgi_api_param *ret, const struct vgi_api_param *prop, int no_return,
                          const char *lang) {
  vgi_buf b = {0};
  if (ns) {
    vgi_buf l = {0};
    int parts = ns + (total > ns);
    for (int i = 0; i < ns; i++) {
      if (i) vgi_buf_puts(&l, vgi_phrase(lang, i < parts - 1 ? "sep" : parts == 2 ? "pair" : "last"));
      const char *n = said[i]->name;
      const char *args[1] = { said[i]->rest ? n + 3 : n };
      if (said[i]->rest) vgi_phrase_put(&l, lang, "api_any", args, 1);
      else if (said[i]->optional) vgi_phrase_put(&l, lang, "api_optional", args, 1);
      else vgi_buf_puts(&l, n);
    }
    if (total > ns) {
      char num[16];
      snprintf(num, sizeof num, "%d", total - ns);
      const char *args[1] = { num };
      vgi_buf_puts(&l, vgi_phrase(lang, parts == 2 ? "pair" : "last"));
      vgi_phrase_put(&l, lang, "api_more", args, 1);
    }
    const char *args[1] = { l.s };
    vgi_phrase_put(&b, lang, "api_takes", args, 1);
    vgi_buf_free(&l);
  }
  const struct vgi_api_param *typed = ret && !nothing_type(ret->type) && ret->type && !no_return ? ret
                                      : !ns && !ret && prop && prop->type ? prop : NULL;
  if (typed) {
    vgi_buf t = {0};
    type_in(&t, typed->type, lang);
    const char *args[1] = { t.s };
    if (b.n) vgi_buf_puts(&b, " ");
    vgi_phrase_put(&b, lang, typed == ret ? "api_returns" : "api_type", args, 1);
    vgi_buf_free(&t);
  }
  if (!b.n) return NULL;
  return vgi_buf_take(&b);
}

/* What the list says, in words: "It takes a path and an optional suffix,
 * and returns a string."; in another language, from its phrases
 * ("Parameter: path und optional suffix. Rückgabewert: string."). NULL
 * when there is nothing to say. Caller frees. */
/* Whether the entry takes a parameter of its own (the said sentence then
 * opens "It takes …"), not only a return value or a type. */
int vgi_apidoc_takes(const vgi_api *a) {
  for (int i = 0; i < a->n; i++)
    if (a->p[i].name && !a->p[i].returns && !a->p[i].level && !a->p[i].plain) return 1;
  return 0;
}

/* A return value's description that says what it is as a noun phrase
 * ("the number of bytes written", "a new list", "True if it matched"),
 * short enough to follow "returns"; not a sentence of its own ("Returns
 * the …", "This is …"). */
static int said_return(const char *d) {
  if (!d || !*d || vgi_word_count(d) > 10 || strpbrk(d, "{}`")) return 0;
  static const char *const opens[] = { "the", "a", "an", "true", "false", "none", "null", "nothing", "its", "one",
                                       "all", "each", "every", "zero", "an", NULL };
  size_t fl = strcspn(d, " ,");
  for (int i = 0; opens[i]; i++)
    if (strlen(opens[i]) == fl && !strncasecmp(d, opens[i], fl)) return 1;
  return 0;
}

char *vgi_apidoc_said(const vgi_api *a, const char *lang, int no_return, const char *subject) {
  int en = english(lang);
  if (!en && !vgi_lang_known(lang)) return NULL;   /* a language the table lacks: the slide shows it */
  const struct vgi_api_param *said[SAID_PARAMS];
  int ns = 0, total = 0;
  const struct vgi_api_param *ret = NULL, *prop = NULL;
  for (int pass = 0; pass < 2; pass++)   /* the required ones first */
    for (int i = 0; i < a->n; i++) {
      const struct vgi_api_param *q = &a->p[i];
      if (q->level || q->plain) continue;
      if (q->returns) { if (!pass && !ret) ret = q; continue; }
      if (!q->name) { if (!pass && !prop) prop = q; continue; }
      if (q->optional != pass) continue;
      total++;
      if (ns < SAID_PARAMS) said[ns++] = q;
    }
  if (!en) return said_in_lang(said, ns, total, ret, prop, no_return, lang);
  vgi_buf b = {0};
  /* "os.EOL is a string", "os.arch returns a string": named when nothing else says what it is about */
  char *subj = NULL;
  if (subject && *subject && !ns) {
    subj = vgi_strdup(subject);
    char *paren = strchr(subj, '(');
    if (paren && paren != subj) *paren = 0;
  }
  if (ns) {
    vgi_buf_puts(&b, "It takes ");
    for (int i = 0; i < ns; i++) {
      if (i) vgi_buf_puts(&b, i == ns - 1 && total == ns ? " and " : ", ");
      say_param(&b, said[i]);
    }
    if (total > ns) vgi_buf_printf(&b, " and %d more", total - ns);
  }
  if (ret && !nothing_type(ret->type) && ret->type && !no_return) {
    if (ns) vgi_buf_puts(&b, ", and returns ");
    else vgi_buf_printf(&b, "%s returns ", subj ? subj : "It");
    /* "{this}": the object it was called on, for a chain of calls */
    if (!strcmp(ret->type, "this")) vgi_buf_puts(&b, "itself");
    else {
      article(&b, ret->type);
      vgi_buf_puts(&b, ret->type);
    }
  } else if (ret && !ret->type && !no_return && said_return(ret->desc)) {
    /* ":returns: the number of bytes written": what it returns, said as written */
    if (ns) vgi_buf_puts(&b, ", and returns ");
    else vgi_buf_printf(&b, "%s returns ", subj ? subj : "It");
    size_t dl = strlen(ret->desc);
    while (dl && strchr(" .;:", ret->desc[dl - 1])) dl--;
    vgi_buf_add(&b, ret->desc, dl);
  } else if (!ns && prop && prop->type) {
    vgi_buf_printf(&b, "%s is ", subj ? subj : "It");
    article(&b, prop->type);
    vgi_buf_puts(&b, prop->type);
  }
  free(subj);
  if (!b.n) return NULL;
  vgi_buf_puts(&b, ".");
  return vgi_buf_take(&b);
}

/* ---- stability banners ----------------------------------------------------------------- */

/* "Stability: 1 - Experimental", "Stability: 0 - Deprecated: Use x instead.",
 * "Deprecated since 2.0 ...": *kind the word ("Experimental"), *note what
 * follows it (malloc'd, may be empty). 0 when text is not a banner. */
int vgi_apidoc_banner(const char *text, char **kind, char **note) {
  *kind = *note = NULL;
  const char *s = text;
  while (*s == ' ' || *s == '*' || *s == '_') s++;
  if (starts_word(s, "Stability")) {
    s += 9;
    while (*s == ' ' || *s == '*' || *s == ':') s++;
    while (isdigit((unsigned char)*s) || *s == '.') s++;
    while (*s == ' ' || *s == '-' || !strncmp(s, "\xE2\x80\x93", 3)) s += *s == '\xE2' ? 3 : 1;
    size_t kl = 0;
    while (isalpha((unsigned char)s[kl])) kl++;
    if (!kl) return 0;
    *kind = trim_dup(s, kl);
    s += kl;
  } else if (starts_word(s, "Deprecated") || starts_word(s, "Experimental")) {
    size_t kl = strcspn(s, " :.*");
    *kind = trim_dup(s, kl);
    s += kl;
  } else {
    return 0;
  }
  while (*s == ':' || *s == ' ' || *s == '*' || *s == '.') s++;
  *note = trim_dup(s, strlen(s));
  return 1;
}

/* The text of a block quote (its paragraphs), for banner checks. Caller frees. */
char *vgi_apidoc_quote_text(struct cmark_node *quote) {
  vgi_buf b = {0};
  for (cmark_node *c = cmark_node_first_child(quote); c; c = cmark_node_next(c)) {
    if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH) { vgi_buf_free(&b); return vgi_strdup(""); }
    if (b.n) vgi_buf_puts(&b, " ");
    flat(cmark_node_first_child(c), &b);
  }
  return vgi_squash(vgi_buf_take(&b));
}

/* ---- labelled entries ("- **Type**", "- **Details**", "- **Example**") ------- */

/* The label an item opens with ("**Type**", "**See also**:"): 1 Type,
 * 2 Details, 3 Example, 4 See also; 0 none of them. */
static int entry_label(cmark_node *item) {
  cmark_node *p = cmark_node_first_child(item);
  if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) return 0;
  cmark_node *s = cmark_node_first_child(p);
  if (!s || cmark_node_get_type(s) != CMARK_NODE_STRONG) return 0;
  vgi_buf b = { 0 };
  flat(cmark_node_first_child(s), &b);
  char *t = b.s ? b.s : vgi_strdup("");
  size_t l = strlen(t);
  while (l && (t[l - 1] == ':' || t[l - 1] == ' ')) t[--l] = 0;
  static const char *const names[] = { "type", "details", "example", "examples", "see also", NULL };
  static const int kinds[] = { 1, 2, 3, 3, 4 };
  int k = 0;
  for (int i = 0; names[i] && !k; i++) if (!strcasecmp(t, names[i])) k = kinds[i];
  free(t);
  return k;
}

/* An API entry written as a list of labelled parts (Vue's and VitePress
 * sites' "- **Type**" over the signature's code, "- **Details**" over
 * prose, "- **Example**" over code, "- **See also** [link]") is not a list
 * to show: its parts go to the top level in the order Details, Type,
 * Example, so the details are said over the signature's code and the
 * example's own prose introduces its code. "See also" points elsewhere and
 * is dropped; so are the labels. Every item must carry one of these labels,
 * and Type or Details must be among them. */
static void unlist(cmark_node *list) {
  int has = 0, n = 0;
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it), n++) {
    int k = entry_label(it);
    if (!k) return;
    has |= k == 1 || k == 2;
  }
  if (!has || n < 2) return;
  static const int order[] = { 2, 1, 3 };
  for (int o = 0; o < 3; o++)
    for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
      if (entry_label(it) != order[o]) continue;
      cmark_node *p = cmark_node_first_child(it), *s = cmark_node_first_child(p);
      cmark_node_free(s);   /* the label */
      /* what is left of its line ("**Type** `string`", ": text") stays */
      for (cmark_node *t = cmark_node_first_child(p); t && cmark_node_get_type(t) == CMARK_NODE_TEXT;) {
        const char *lit = cmark_node_get_literal(t);
        while (lit && (*lit == ':' || *lit == ' ' || *lit == '-')) lit++;
        if (lit && *lit) {
          char *keep = vgi_strdup(lit);
          cmark_node_set_literal(t, keep);
          free(keep);
          break;
        }
        cmark_node *nx = cmark_node_next(t);
        cmark_node_free(t);
        t = nx;
      }
      if (!cmark_node_first_child(p)) cmark_node_free(p);
      for (cmark_node *c = cmark_node_first_child(it), *nx; c; c = nx) {
        nx = cmark_node_next(c);
        cmark_node_insert_before(list, c);
      }
    }
  cmark_node_free(list);
}

void vgi_apidoc_entries(struct cmark_node *doc) {
  for (cmark_node *c = cmark_node_first_child(doc), *nx; c; c = nx) {
    nx = cmark_node_next(c);
    if (cmark_node_get_type(c) == CMARK_NODE_LIST) unlist(c);
  }
}
