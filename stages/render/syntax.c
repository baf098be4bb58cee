/* syntax.c: a small, forgiving syntax colourer for code boxes. One pass per
 * line-ish token stream; good enough for slides (shell, Python, JavaScript,
 * C, Lua, YAML), never an error on odd input. Command lines get their
 * prefixes styled: "$ " prompt, "→" output, "✓" success, "#" comment. */
#include "render_private.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct lang {
  const char *names;          /* space-separated aliases, padded with spaces */
  const char *line_comment;   /* NULL if none */
  const char *block_open, *block_close;
  const char *keywords;       /* " kw kw ... " */
  const char *constants;
  const char *types;
  int shell;                  /* first word of a command is a function */
  int preproc;                /* '#' at line start is a directive (C) */
  int yaml;
} lang;

static const lang LANGS[] = {
  {" python py python3 ", "#", NULL, NULL,
   " def class return if elif else for while in not and or is import from as with try except"
   " finally raise pass break continue lambda yield async await global nonlocal del assert ",
   " True False None self ", " int str float list dict set tuple bool bytes ", 0, 0, 0},
  {" javascript js typescript ts node jsx ", "//", "/*", "*/",
   " function return if else for while do const let var new class extends import from export"
   " default async await try catch finally throw switch case break continue of in typeof"
   " instanceof this yield ",
   " true false null undefined NaN ", " Promise Array Object String Number Map Set ", 0, 0, 0},
  {" c h cpp c++ cc ", "//", "/*", "*/",
   " if else for while do return switch case break continue goto struct union enum typedef"
   " static const extern sizeof volatile inline register default ",
   " NULL true false ",
   " int char void long short unsigned signed float double size_t bool uint8_t uint32_t"
   " uint64_t int64_t int32_t FILE ", 0, 1, 0},
  {" lua ", "--", "--[[", "]]",
   " local function return if then else elseif end for while do repeat until in and or not"
   " break goto ",
   " nil true false self ", " ", 0, 0, 0},
  {" shell sh bash zsh console terminal shell-session ", "#", NULL, NULL,
   " if then else elif fi for while do done case esac in function export sudo ",
   " ", " ", 1, 0, 0},
  {" yaml yml ", "#", NULL, NULL, " ", " true false null yes no ", " ", 0, 0, 1},
};

static const lang *find_lang(const char *name) {
  if (!name || !*name) return NULL;
  /* One name, matched whole: a long or spaced "language" from a document is
   * no language (plain colouring), never a partial match. */
  size_t n = strlen(name);
  if (n > 32 || strpbrk(name, " \t\r\n")) return NULL;
  char key[40];
  snprintf(key, sizeof key, " %s ", name);
  for (char *p = key; *p; p++) *p = (char)tolower((unsigned char)*p);
  for (size_t i = 0; i < sizeof LANGS / sizeof LANGS[0]; i++)
    if (strstr(LANGS[i].names, key)) return &LANGS[i];
  return NULL;
}

static int in_list(const char *list, const char *w, size_t n) {
  if (!list || n == 0 || n > 40) return 0;
  char key[44];
  key[0] = ' ';
  memcpy(key + 1, w, n);
  key[n + 1] = ' ';
  key[n + 2] = 0;
  return strstr(list, key) != NULL;
}

static void color(PangoAttrList *attrs, const rd_color *c, size_t start, size_t end) {
  if (end <= start) return;
  PangoAttribute *a = pango_attr_foreground_new((guint16)(c->r * 65535), (guint16)(c->g * 65535),
                                                (guint16)(c->b * 65535));
  a->start_index = (guint)start;
  a->end_index = (guint)end;
  pango_attr_list_insert(attrs, a);
  if (c->a < 0.999) {
    PangoAttribute *al = pango_attr_foreground_alpha_new((guint16)(c->a * 65535));
    al->start_index = (guint)start;
    al->end_index = (guint)end;
    pango_attr_list_insert(attrs, al);
  }
}

static int ident_start(unsigned char c) { return isalpha(c) || c == '_'; }
static int ident_char(unsigned char c) { return isalnum(c) || c == '_'; }

static size_t line_end(const char *t, size_t len, size_t i) {
  while (i < len && t[i] != '\n') i++;
  return i;
}

static int starts(const char *t, size_t len, size_t i, const char *s) {
  size_t n = strlen(s);
  return i + n <= len && memcmp(t + i, s, n) == 0;
}

/* Colours one line (or the rest of the text for block constructs). Returns
 * the index where it stopped (after a newline). */
void rd_syntax_highlight(const char *t, size_t len, const char *language, const rd_palette *pal,
                         PangoAttrList *attrs) {
  const lang *L = find_lang(language);
  int console = L && L->shell;
  size_t i = 0;
  while (i < len) {
    size_t le = line_end(t, len, i);
    size_t ls = i;
    /* leading indentation */
    size_t j = ls;
    while (j < le && (t[j] == ' ' || t[j] == '\t')) j++;
    /* Command-line prefixes (any language: the command scene uses them). */
    if (starts(t, le, j, "\xe2\x86\x92")) {               /* → output */
      color(attrs, &pal->output, j, le);
      i = le + 1;
      continue;
    }
    if (starts(t, le, j, "\xe2\x9c\x93") || starts(t, le, j, "\xe2\x9c\x94")) { /* ✓ ✔ */
      color(attrs, &pal->ok, j, le);
      i = le + 1;
      continue;
    }
    if (starts(t, le, j, "\xe2\x9c\x97") || starts(t, le, j, "\xe2\x9c\x98")) { /* ✗ ✘ */
      color(attrs, &pal->error, j, le);
      i = le + 1;
      continue;
    }
    int cmd_start = 0;
    if ((!L || console) && (starts(t, le, j, "$ ") || (j + 1 == le && t[j] == '$'))) {
      color(attrs, &pal->prompt, j, j + 1);
      j += 1;
      cmd_start = 1;
      L = L ? L : find_lang("shell");
    } else if (!L && j < le && t[j] == '#') {
      color(attrs, &pal->comment, j, le);
      i = le + 1;
      continue;
    } else if (console) {
      cmd_start = 1;
    }
    if (!L) { i = le + 1; continue; }
    if (L->preproc && j < le && t[j] == '#') {
      color(attrs, &pal->keyword, j, le);
      i = le + 1;
      continue;
    }
    int yaml_key_done = 0;
    while (j < le) {
      unsigned char c = (unsigned char)t[j];
      if (L->block_open && starts(t, len, j, L->block_open)) {
        const char *close = strstr(t + j + strlen(L->block_open), L->block_close);
        size_t e = close ? (size_t)(close - t) + strlen(L->block_close) : len;
        if (e > len) e = len;
        color(attrs, &pal->comment, j, e);
        j = e;
        if (j > le) { le = line_end(t, len, j); }
        continue;
      }
      if (L->line_comment && starts(t, le, j, L->line_comment) &&
          (!L->shell || j == ls || t[j - 1] == ' ' || t[j - 1] == '\t')) {
        color(attrs, &pal->comment, j, le);
        break;
      }
      if (c == '"' || c == '\'' || c == '`') {
        /* Python triple quotes and JS template strings may span lines. */
        int triple = starts(t, len, j, "\"\"\"") || starts(t, len, j, "'''");
        size_t e = j + (triple ? 3 : 1);
        int multiline = triple || c == '`';
        while (e < len) {
          if (t[e] == '\\' && e + 1 < len) { e += 2; continue; }
          if (!multiline && t[e] == '\n') break;
          if (triple ? starts(t, len, e, triple == 1 && c == '"' ? "\"\"\"" : "'''")
                     : (unsigned char)t[e] == c) {
            e += triple ? 3 : 1;
            break;
          }
          e++;
        }
        if (e > len) e = len;
        color(attrs, &pal->string, j, e);
        j = e;
        if (j > le) le = line_end(t, len, j);
        cmd_start = 0;
        continue;
      }
      if (L->shell && c == '$' && j + 1 < le && (ident_start((unsigned char)t[j + 1]) || t[j + 1] == '{')) {
        size_t e = j + 1;
        if (t[e] == '{') { while (e < le && t[e] != '}') e++; if (e < le) e++; }
        else while (e < le && ident_char((unsigned char)t[e])) e++;
        color(attrs, &pal->number, j, e);
        j = e;
        continue;
      }
      if (L->shell && c == '-' && (j == ls || t[j - 1] == ' ')) {
        size_t e = j;
        while (e < le && t[e] != ' ' && t[e] != '=') e++;
        color(attrs, &pal->keyword, j, e);
        j = e;
        continue;
      }
      if (L->shell && (c == '|' || c == ';' || (c == '&' && j + 1 < le && t[j + 1] == '&'))) {
        j += c == '&' ? 2 : 1;
        cmd_start = 1;
        continue;
      }
      if (isdigit(c) && (j == ls || !ident_char((unsigned char)t[j - 1]))) {
        size_t e = j;
        while (e < le && (isalnum((unsigned char)t[e]) || t[e] == '.' || t[e] == '_')) e++;
        color(attrs, &pal->number, j, e);
        j = e;
        continue;
      }
      if (c == '@' && j + 1 < le && ident_start((unsigned char)t[j + 1])) {
        size_t e = j + 1;
        while (e < le && (ident_char((unsigned char)t[e]) || t[e] == '.')) e++;
        color(attrs, &pal->func, j, e);
        j = e;
        continue;
      }
      if (ident_start(c) || (L->shell && cmd_start && (c == '.' || c == '/'))) {
        size_t e = j;
        while (e < le && (ident_char((unsigned char)t[e]) ||
                          (L->shell && (t[e] == '-' || t[e] == '.' || t[e] == '/')))) e++;
        size_t n = e - j;
        if (L->yaml && !yaml_key_done) {
          size_t k = e;
          while (k < le && (ident_char((unsigned char)t[k]) || t[k] == ' ' || t[k] == '-')) k++;
          if (k < le && t[k] == ':') {
            color(attrs, &pal->keyword, j, k);
            j = k + 1;
            yaml_key_done = 1;
            continue;
          }
        }
        if (in_list(L->keywords, t + j, n)) color(attrs, &pal->keyword, j, e);
        else if (in_list(L->constants, t + j, n)) color(attrs, &pal->number, j, e);
        else if (in_list(L->types, t + j, n)) color(attrs, &pal->type, j, e);
        else if (L->shell && cmd_start) color(attrs, &pal->func, j, e);
        else {
          size_t k = e;
          while (k < le && t[k] == ' ') k++;
          if (k < le && t[k] == '(') color(attrs, &pal->func, j, e);
        }
        if (!in_list(L->keywords, t + j, n)) cmd_start = 0;
        j = e;
        continue;
      }
      if (c != ' ' && c != '\t') cmd_start = L->shell && (c == '(' || c == '`') ? 1 : 0;
      j++;
    }
    i = le + 1;
  }
}

/* ---- palettes --------------------------------------------------------------- */

static rd_color rgb(int r, int g, int b) { return (rd_color){r / 255.0, g / 255.0, b / 255.0, 1}; }

void rd_palette_default(rd_palette *p) {
  /* One Dark-like colours on a dark code card. */
  p->text = rgb(226, 232, 240);
  p->keyword = rgb(198, 120, 221);
  p->string = rgb(152, 195, 121);
  p->comment = rgb(127, 132, 142);
  p->number = rgb(209, 154, 102);
  p->func = rgb(97, 175, 239);
  p->type = rgb(229, 192, 123);
  p->prompt = rgb(34, 211, 238);
  p->output = rgb(148, 163, 184);
  p->ok = rgb(52, 211, 153);
  p->error = rgb(248, 113, 113);
}

void rd_palette_parse(const cJSON *j, rd_palette *p) {
  if (!cJSON_IsObject(j)) return;
  struct { const char *k; rd_color *c; } f[] = {
    {"text", &p->text}, {"keyword", &p->keyword}, {"string", &p->string},
    {"comment", &p->comment}, {"number", &p->number}, {"func", &p->func},
    {"type", &p->type}, {"prompt", &p->prompt}, {"output", &p->output},
    {"ok", &p->ok}, {"error", &p->error},
  };
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
    rd_color_parse(cJSON_GetObjectItemCaseSensitive(j, f[i].k), f[i].c, *f[i].c);
}
