/* yaml.c: YAML text -> cJSON with positions, through libyaml's event parser.
 * Safe by construction: only the core schema's tags are accepted (no tag can
 * construct an object), depth and alias expansion are bounded. */
#include "input_private.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define YAML_MAX_ANCHORS 1024

typedef struct anchor { char *name; cJSON *node; } anchor;

typedef struct yctx {
  yaml_parser_t p;
  const char *file;
  vgi_posmap *pm;
  vgi_diags *d;
  const vg_limits *lim;   /* max_depth, max_nodes (alias copies included), max_keys */
  anchor *anchors;
  size_t nanchors;
  long nodes;
  long long copied;   /* bytes of text the aliases copied so far */
  int failed;
  cJSON *graveyard;   /* replaced nodes an anchor may still point to */
} yctx;

static void yerr(yctx *y, const yaml_mark_t *m, const char *fmt, const char *arg) {
  if (y->failed) return;
  y->failed = 1;
  vgi_diag_add(y->d, VGI_ERROR, y->file, m ? (int)m->line + 1 : 0, m ? (int)m->column + 1 : 0,
               NULL, fmt, arg ? arg : "");
}

static int next_event(yctx *y, yaml_event_t *ev) {
  if (!yaml_parser_parse(&y->p, ev)) {
    if (!y->failed) {
      y->failed = 1;
      const yaml_mark_t *m = y->p.problem_mark.line || y->p.problem_mark.column
                                 ? &y->p.problem_mark : &y->p.context_mark;
      char where[64] = "";
      if (y->p.context && y->p.context_mark.line != m->line)
        snprintf(where, sizeof where, " (started at line %d)", (int)y->p.context_mark.line + 1);
      vgi_diag_add(y->d, VGI_ERROR, y->file, (int)m->line + 1, (int)m->column + 1, NULL,
                   "YAML syntax error: %s%s%s%s", y->p.problem ? y->p.problem : "unknown",
                   y->p.context ? " " : "", y->p.context ? y->p.context : "", where);
    }
    return 0;
  }
  return 1;
}

static int count_nodes(const cJSON *n) {
  int c = 1;
  for (const cJSON *k = n ? n->child : NULL; k; k = k->next) c += count_nodes(k);
  return c;
}

/* Bytes of text a subtree holds: its keys and its strings. */
static long long count_text(const cJSON *n) {
  long long c = 0;
  if (n && n->string) c += (long long)strlen(n->string);
  if (n && cJSON_IsString(n) && n->valuestring) c += (long long)strlen(n->valuestring);
  for (const cJSON *k = n ? n->child : NULL; k; k = k->next) c += count_text(k);
  return c;
}

/* Which tags are allowed: none, "!" (non-specific), and core schema tags. */
static int tag_ok(const char *tag, const char **forced) {
  *forced = NULL;
  if (!tag || !strcmp(tag, "!")) return 1;
  static const char *ok[] = { "str", "int", "float", "bool", "null", "map", "seq", "binary",
                              "timestamp", NULL };
  const char *pre = "tag:yaml.org,2002:";
  if (strncmp(tag, pre, strlen(pre))) return 0;
  for (int i = 0; ok[i]; i++)
    if (!strcmp(tag + strlen(pre), ok[i])) { *forced = ok[i]; return 1; }
  return 0;
}

static cJSON *plain_scalar(const char *s, size_t n) {
  if (n == 0 || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL"))
    return cJSON_CreateNull();
  if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE")) return cJSON_CreateTrue();
  if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE")) return cJSON_CreateFalse();
  /* numbers: decimal ints and floats (YAML 1.2 core), plus .inf/.nan left as text */
  const char *p = s;
  if (*p == '-' || *p == '+') p++;
  int digits = 0, dot = 0, exp = 0;
  for (; *p; p++) {
    if (isdigit((unsigned char)*p)) digits++;
    else if (*p == '.' && !dot && !exp) dot = 1;
    else if ((*p == 'e' || *p == 'E') && digits && !exp) {
      exp = 1;
      if (p[1] == '+' || p[1] == '-') p++;
    } else break;
  }
  if (!*p && digits && n < 40) {
    /* leading zeros ("007") stay text, like version strings */
    const char *q = s + (*s == '-' || *s == '+');
    if (!(q[0] == '0' && isdigit((unsigned char)q[1]))) {
      cJSON *num = cJSON_CreateNumber(strtod(s, NULL));
      vgi_number_keep_text(num, s, strlen(s));
      return num;
    }
  }
  return cJSON_CreateString(s);
}

static cJSON *parse_node(yctx *y, yaml_event_t *ev, int depth);

static void remember(yctx *y, const unsigned char *name, cJSON *node, const yaml_mark_t *m) {
  if (!name) return;
  if (y->nanchors >= YAML_MAX_ANCHORS) {
    yerr(y, m, "too many anchors%s", "");
    return;
  }
  for (size_t i = 0; i < y->nanchors; i++)
    if (!strcmp(y->anchors[i].name, (const char *)name)) {
      y->anchors[i].node = node;   /* redefinition: later aliases see the new one */
      return;
    }
  anchor *a = realloc(y->anchors, (y->nanchors + 1) * sizeof *a);
  if (!a) abort();
  y->anchors = a;
  a[y->nanchors].name = vgi_strdup((const char *)name);
  a[y->nanchors].node = node;
  y->nanchors++;
}

static void set_pos(yctx *y, cJSON *n, const yaml_mark_t *m) {
  vgi_pos_set(y->pm, n, y->file, (int)m->line + 1, (int)m->column + 1);
}

/* Gives a copied subtree the position of the alias that produced it. */
static void set_pos_tree(yctx *y, cJSON *n, const yaml_mark_t *m) {
  set_pos(y, n, m);
  for (cJSON *k = n->child; k; k = k->next) set_pos_tree(y, k, m);
}

static cJSON *parse_node(yctx *y, yaml_event_t *ev, int depth) {
  yaml_mark_t m = ev->start_mark;
  char lim[32];
  if (depth > y->lim->max_depth) {
    snprintf(lim, sizeof lim, "%ld", y->lim->max_depth);
    yerr(y, &m, "nesting deeper than %s levels", lim);
    return NULL;
  }
  if (++y->nodes > y->lim->max_nodes) {
    snprintf(lim, sizeof lim, "%ld", y->lim->max_nodes);
    yerr(y, &m, "document too large (more than %s nodes)", lim);
    return NULL;
  }
  const char *forced = NULL;
  switch (ev->type) {
  case YAML_ALIAS_EVENT: {
    for (size_t i = y->nanchors; i-- > 0;)
      if (!strcmp(y->anchors[i].name, (const char *)ev->data.alias.anchor)) {
        if (!y->anchors[i].node) {
          yerr(y, &m, "alias *%s refers to a node that contains it",
               (const char *)ev->data.alias.anchor);
          return NULL;
        }
        y->nodes += count_nodes(y->anchors[i].node);
        if (y->nodes > y->lim->max_nodes) {
          snprintf(lim, sizeof lim, "%ld", y->lim->max_nodes);
          yerr(y, &m, "alias expansion too large (limit %s nodes)", lim);
          return NULL;
        }
        /* a few nodes may hold a long text: the copies' text is bounded too
           (at most as much again as the file may hold), so a 10 MB anchor
           aliased a thousand times is an error, not 10 GB of memory */
        y->copied += count_text(y->anchors[i].node);
        if (y->copied > y->lim->max_file_bytes) {
          snprintf(lim, sizeof lim, "%ld", y->lim->max_file_bytes);
          yerr(y, &m, "alias expansion too large (the copies hold more than %s bytes of text)", lim);
          return NULL;
        }
        cJSON *c = cJSON_Duplicate(y->anchors[i].node, 1);
        set_pos_tree(y, c, &m);
        return c;
      }
    yerr(y, &m, "unknown alias *%s", (const char *)ev->data.alias.anchor);
    return NULL;
  }
  case YAML_SCALAR_EVENT: {
    if (!tag_ok((const char *)ev->data.scalar.tag, &forced)) {
      yerr(y, &m, "tag %s is not allowed (only plain YAML data)",
           (const char *)ev->data.scalar.tag);
      return NULL;
    }
    const char *s = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    if (strlen(s) != n) {
      yerr(y, &m, "NUL character in a scalar%s", "");
      return NULL;
    }
    cJSON *c;
    if (forced && !strcmp(forced, "str")) c = cJSON_CreateString(s);
    else if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE || forced) c = plain_scalar(s, n);
    else c = cJSON_CreateString(s);
    set_pos(y, c, &m);
    remember(y, ev->data.scalar.anchor, c, &m);
    return c;
  }
  case YAML_SEQUENCE_START_EVENT: {
    if (!tag_ok((const char *)ev->data.sequence_start.tag, &forced)) {
      yerr(y, &m, "tag %s is not allowed (only plain YAML data)",
           (const char *)ev->data.sequence_start.tag);
      return NULL;
    }
    cJSON *arr = cJSON_CreateArray();
    set_pos(y, arr, &m);
    unsigned char *aname = ev->data.sequence_start.anchor;
    if (aname) remember(y, aname, NULL, &m);   /* recursive alias guard */
    for (;;) {
      yaml_event_t e;
      if (!next_event(y, &e)) { vgi_pos_delete(y->pm, arr); return NULL; }
      if (e.type == YAML_SEQUENCE_END_EVENT) { yaml_event_delete(&e); break; }
      cJSON *item = parse_node(y, &e, depth + 1);
      yaml_event_delete(&e);
      if (!item) { vgi_pos_delete(y->pm, arr); return NULL; }
      cJSON_AddItemToArray(arr, item);
    }
    if (aname) remember(y, aname, arr, &m);
    return arr;
  }
  case YAML_MAPPING_START_EVENT: {
    if (!tag_ok((const char *)ev->data.mapping_start.tag, &forced)) {
      yerr(y, &m, "tag %s is not allowed (only plain YAML data)",
           (const char *)ev->data.mapping_start.tag);
      return NULL;
    }
    cJSON *obj = cJSON_CreateObject();
    set_pos(y, obj, &m);
    unsigned char *aname = ev->data.mapping_start.anchor;
    if (aname) remember(y, aname, NULL, &m);
    int keys = 0;
    for (;;) {
      yaml_event_t ke;
      if (!next_event(y, &ke)) { vgi_pos_delete(y->pm, obj); return NULL; }
      if (ke.type == YAML_MAPPING_END_EVENT) { yaml_event_delete(&ke); break; }
      yaml_mark_t km = ke.start_mark;
      if (++keys > y->lim->max_keys) {
        yaml_event_delete(&ke);
        yerr(y, &km, "a mapping with more than %s keys", "1024");
        vgi_pos_delete(y->pm, obj);
        return NULL;
      }
      cJSON *key = parse_node(y, &ke, depth + 1);
      yaml_event_delete(&ke);
      if (!key) { vgi_pos_delete(y->pm, obj); return NULL; }
      char *kname = vgi_to_text(key);
      /* kept until the end: an anchor on a key (`&a k: v`) still points at
       * it, and a later *a copies it */
      cJSON_AddItemToArray(y->graveyard, key);
      if (!kname) {
        yerr(y, &km, "mapping keys must be scalars%s", "");
        vgi_pos_delete(y->pm, obj);
        return NULL;
      }
      yaml_event_t ve;
      if (!next_event(y, &ve)) { free(kname); vgi_pos_delete(y->pm, obj); return NULL; }
      cJSON *val = parse_node(y, &ve, depth + 1);
      yaml_event_delete(&ve);
      if (!val) { free(kname); vgi_pos_delete(y->pm, obj); return NULL; }
      if (!strcmp(kname, "<<") && (cJSON_IsObject(val) || cJSON_IsArray(val))) {
        /* merge key: copy entries the mapping does not have yet */
        cJSON *srcs = cJSON_IsObject(val) ? NULL : val;
        for (cJSON *s = srcs ? srcs->child : val; s; s = srcs ? s->next : NULL) {
          if (cJSON_IsObject(s))
            for (cJSON *k = s->child; k; k = k->next)
              if (!cJSON_GetObjectItemCaseSensitive(obj, k->string)) {
                if (++keys > y->lim->max_keys) break;   /* refused below */
                cJSON *c = cJSON_Duplicate(k, 1);
                set_pos_tree(y, c, &km);
                cJSON_AddItemToObject(obj, k->string, c);
              }
          if (!srcs) break;
        }
        cJSON_AddItemToArray(y->graveyard, val);
        if (keys > y->lim->max_keys) {
          free(kname);
          yerr(y, &km, "a mapping with more than %s keys", "1024");
          vgi_pos_delete(y->pm, obj);
          return NULL;
        }
      } else if (cJSON_GetObjectItemCaseSensitive(obj, kname)) {
        vgi_diag_add(y->d, VGI_WARNING, y->file, (int)km.line + 1, (int)km.column + 1, kname,
                     "duplicate key (the last one wins)");
        cJSON_AddItemToArray(y->graveyard, cJSON_DetachItemFromObjectCaseSensitive(obj, kname));
        cJSON_AddItemToObject(obj, kname, val);
      } else {
        cJSON_AddItemToObject(obj, kname, val);
      }
      /* remember where the key itself is: keyed by the value node */
      free(kname);
    }
    if (aname) remember(y, aname, obj, &m);
    return obj;
  }
  default:
    yerr(y, &m, "unexpected YAML event%s", "");
    return NULL;
  }
}

cJSON *vgi_yaml_parse(const char *text, size_t len, const char *file, vgi_posmap *pm,
                      const vg_limits *lim, vgi_diags *d) {
  yctx y = { .file = file, .pm = pm, .d = d, .lim = lim ? lim : &vg_limits_default,
             .graveyard = cJSON_CreateArray() };
  if (!yaml_parser_initialize(&y.p)) {
    vgi_diag_add(d, VGI_ERROR, file, 0, 0, NULL, "out of memory");
    return NULL;
  }
  yaml_parser_set_input_string(&y.p, (const unsigned char *)text, len);
  yaml_parser_set_encoding(&y.p, YAML_UTF8_ENCODING);
  cJSON *root = NULL;
  int docs = 0;
  yaml_event_t ev;
  while (!y.failed && next_event(&y, &ev)) {
    yaml_event_type_t t = ev.type;
    if (t == YAML_DOCUMENT_START_EVENT) {
      docs++;
      if (docs > 1)
        vgi_diag_add(d, VGI_WARNING, file, (int)ev.start_mark.line + 1,
                     (int)ev.start_mark.column + 1, NULL,
                     "only the first YAML document is read");
    } else if (t == YAML_SCALAR_EVENT || t == YAML_SEQUENCE_START_EVENT ||
               t == YAML_MAPPING_START_EVENT || t == YAML_ALIAS_EVENT) {
      cJSON *n = parse_node(&y, &ev, 0);
      if (docs <= 1 && !root) root = n;
      else if (n) cJSON_AddItemToArray(y.graveyard, n);
    }
    yaml_event_delete(&ev);
    if (t == YAML_STREAM_END_EVENT) break;
  }
  for (size_t i = 0; i < y.nanchors; i++) free(y.anchors[i].name);
  free(y.anchors);
  vgi_pos_delete(y.pm, y.graveyard);
  yaml_parser_delete(&y.p);
  if (y.failed) {
    vgi_pos_delete(y.pm, root);
    return NULL;
  }
  if (!root || cJSON_IsNull(root)) {
    vgi_pos_delete(y.pm, root);
    vgi_diag_add(d, VGI_ERROR, file, 0, 0, NULL, "the YAML document is empty");
    return NULL;
  }
  return root;
}
