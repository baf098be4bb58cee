/* json.c: JSON documents through cJSON. cJSON keeps no positions, so a small
 * scanner walks the text once more and records where each value starts, in
 * the same pre-order cJSON builds its tree; the two are then zipped. */
#include "input_private.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct { size_t *v; size_t n, cap; } offs;

static void push(offs *o, size_t at) {
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 256;
    o->v = realloc(o->v, o->cap * sizeof *o->v);
    if (!o->v) abort();
  }
  o->v[o->n++] = at;
}

static size_t skip_ws(const char *t, size_t i, size_t n) {
  while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) i++;
  return i;
}

static size_t skip_string(const char *t, size_t i, size_t n) {
  for (i++; i < n && t[i] != '"'; i++)
    if (t[i] == '\\') i++;
  return i + 1;
}

/* Records the start of every value; only called on text cJSON accepted. */
static size_t scan_value(const char *t, size_t i, size_t n, offs *o, int depth) {
  i = skip_ws(t, i, n);
  if (i >= n || depth > 1000) return n;
  push(o, i);
  if (t[i] == '"') return skip_string(t, i, n);
  if (t[i] == '{' || t[i] == '[') {
    char close = t[i] == '{' ? '}' : ']';
    int obj = t[i] == '{';
    i = skip_ws(t, i + 1, n);
    if (i < n && t[i] == close) return i + 1;
    for (;;) {
      if (obj) {
        i = skip_ws(t, i, n);
        i = skip_string(t, i, n);
        i = skip_ws(t, i, n);
        i++; /* ':' */
      }
      i = scan_value(t, i, n, o, depth + 1);
      i = skip_ws(t, i, n);
      if (i >= n) return n;
      if (t[i] == ',') { i++; continue; }
      return i + 1;
    }
  }
  while (i < n && !strchr(",]} \t\r\n", t[i])) i++;
  return i;
}

typedef struct { size_t off; int line, col; } cursor;

/* Offsets rise monotonically in pre-order, so line/col advance incrementally. */
static void zip(cJSON *node, const char *text, size_t n, const offs *o, size_t *k, cursor *cur,
                const char *file, vgi_posmap *pm) {
  if (*k < o->n) {
    for (; cur->off < o->v[*k]; cur->off++) {
      if (text[cur->off] == '\n') { cur->line++; cur->col = 1; }
      else if (((unsigned char)text[cur->off] & 0xC0) != 0x80) cur->col++;
    }
    vgi_pos_set(pm, node, file, cur->line, cur->col);
    if (cJSON_IsNumber(node)) {
      /* a number is shown as the document wrote it (1e308, 2.50) */
      size_t at = o->v[*k], end = at;
      while (end < n && !strchr(",]} \t\r\n", text[end])) end++;
      vgi_number_keep_text(node, text + at, end - at);
    }
  }
  (*k)++;
  for (cJSON *c = node->child; c; c = c->next) zip(c, text, n, o, k, cur, file, pm);
}

/* The first "\u0000" escape inside a string (cJSON would cut the string
 * there), as an offset, or (size_t)-1. Only called on text cJSON accepted. */
static size_t nul_escape(const char *t, size_t n) {
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    if (!in) {
      if (t[i] == '"') in = 1;
      continue;
    }
    if (t[i] == '"') { in = 0; continue; }
    if (t[i] != '\\' || i + 1 >= n) continue;
    if (t[i + 1] == 'u' && i + 5 < n && !strncmp(t + i + 2, "0000", 4)) return i;
    i++;   /* the escaped character */
  }
  return (size_t)-1;
}

static uint64_t key_hash(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

/* Duplicate keys: the last one wins, as in YAML and in every Lua table made
 * from the model, so what is checked is what is rendered; each is named with
 * its line. Earlier values are removed from the tree (and the position map). */
static void dedupe(cJSON *node, const char *file, vgi_posmap *pm, long max_keys, vgi_diags *d) {
  if (!node) return;
  if (cJSON_IsObject(node)) {
    size_t n = 0;
    for (cJSON *c = node->child; c; c = c->next) n++;
    if (n > (size_t)max_keys) return;   /* refused by too_wide */
    size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    cJSON **slots = n > 1 ? calloc(cap, sizeof *slots) : NULL;
    if (n > 1 && !slots) abort();
    for (cJSON *c = node->child; c && slots;) {
      cJSON *next = c->next;
      size_t i = (size_t)key_hash(c->string) & (cap - 1);
      while (slots[i] && strcmp(slots[i]->string, c->string)) i = (i + 1) & (cap - 1);
      if (slots[i]) {
        const vgi_pos *p = vgi_pos_get(pm, c);
        vgi_diag_add(d, VGI_WARNING, file, p ? p->line : 0, p ? p->col : 0, c->string,
                     "duplicate key (the last one wins)");
        vgi_pos_delete(pm, cJSON_DetachItemViaPointer(node, slots[i]));
      }
      slots[i] = c;
      c = next;
    }
    free(slots);
  }
  for (cJSON *c = node->child; c; c = c->next) dedupe(c, file, pm, max_keys, d);
}

/* The first object with more than max_keys keys, or NULL. */
static const cJSON *too_wide(const cJSON *node, int depth, long max_keys) {
  if (!node || depth > 1100) return NULL;
  if (cJSON_IsObject(node)) {
    size_t n = 0;
    for (const cJSON *c = node->child; c; c = c->next)
      if (++n > (size_t)max_keys) return node;
  }
  for (const cJSON *c = node->child; c; c = c->next) {
    const cJSON *w = too_wide(c, depth + 1, max_keys);
    if (w) return w;
  }
  return NULL;
}

/* Where brackets first nest deeper than `max`, or (size_t)-1. Told apart from
 * a syntax error so that a document too deep hears why (cJSON alone stops at
 * its own limit of 1000 with no reason), and bounded like YAML's. */
static size_t too_deep(const char *t, size_t n, long max) {
  long depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (t[i] == '"') { i = skip_string(t, i, n) - 1; continue; }
    if (t[i] == '[' || t[i] == '{') {
      if (++depth > max) return i;
    } else if (t[i] == ']' || t[i] == '}') {
      depth--;
    }
  }
  return (size_t)-1;
}

cJSON *vgi_json_parse(const char *text, size_t len, const char *file, vgi_posmap *pm,
                      const vg_limits *lim, vgi_diags *d) {
  if (!lim) lim = &vg_limits_default;
  const char *end = NULL;
  size_t deep = too_deep(text, len, lim->max_depth);
  cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
  size_t stop = end && end >= text && end <= text + len ? (size_t)(end - text) : len;
  if (deep != (size_t)-1 && (root || stop >= deep)) {
    int line, col;
    vgi_line_col(text, deep, &line, &col);
    vgi_diag_add(d, VGI_ERROR, file, line, col, NULL, "nesting deeper than %ld levels",
                 lim->max_depth);
    cJSON_Delete(root);
    return NULL;
  }
  if (!root) {
    /* the parse end is the error position (cJSON_GetErrorPtr is a global,
     * not safe on the thread pool) */
    const char *at = end;
    size_t off = (at && at >= text && at <= text + len) ? (size_t)(at - text) : 0;
    int line, col;
    vgi_line_col(text, off, &line, &col);
    vgi_diag_add(d, VGI_ERROR, file, line, col, NULL, "JSON syntax error");
    return NULL;
  }
  if (end) {
    size_t i = skip_ws(text, (size_t)(end - text), len);
    if (i < len && text[i]) {
      int line, col;
      vgi_line_col(text, i, &line, &col);
      vgi_diag_add(d, VGI_ERROR, file, line, col, NULL, "JSON syntax error: text after the value");
      cJSON_Delete(root);
      return NULL;
    }
  }
  size_t nul = nul_escape(text, len);
  if (nul != (size_t)-1) {
    int line, col;
    vgi_line_col(text, nul, &line, &col);
    vgi_diag_add(d, VGI_ERROR, file, line, col, NULL,
                 "\\u0000 (a NUL character) in a string is not allowed");
    cJSON_Delete(root);
    return NULL;
  }
  if (pm) {
    offs o = {0};
    scan_value(text, 0, len, &o, 0);
    size_t k = 0;
    cursor cur = { 0, 1, 1 };
    zip(root, text, len, &o, &k, &cur, file, pm);
    free(o.v);
  }
  const cJSON *wide = too_wide(root, 0, lim->max_keys);
  if (wide) {
    const vgi_pos *p = vgi_pos_get(pm, wide);
    vgi_diag_add(d, VGI_ERROR, file, p ? p->line : 0, p ? p->col : 0, NULL,
                 "an object with more than %ld keys", lim->max_keys);
    vgi_pos_delete(pm, root);
    return NULL;
  }
  dedupe(root, file, pm, lim->max_keys, d);
  return root;
}
