/* util.c: diagnostics, the position map, strings and safe file reading for
 * the input adapters. */
#include "input_private.h"
#include "vg.h"   /* vg_open_regular */
#include "vg_utf8.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- lines ---------------------------------------------------------------- */

int vgi_split_lines(const char *text, size_t len, int cr_space, char **store, vgi_line **lines, int *n) {
  size_t tabs = 0, nl = 0;
  for (size_t i = 0; i < len; i++) { tabs += text[i] == '\t'; nl += text[i] == '\n'; }
  /* past a budget, a tab is one space: a file of tabs stays its size */
  int wide = tabs <= len / 4 + 4096;
  size_t cap = len + (wide ? tabs * 7 : 0) + 1;
  *n = 0;
  *store = malloc(cap);
  *lines = calloc(nl + 2, sizeof **lines);
  if (!*store || !*lines) return 0;
  char *o0 = *store;
  vgi_line *L = *lines;
  size_t o = 0;
  int no = 1, count = 0;
  for (size_t i = 0; i <= len;) {
    const char *e = memchr(text + i, '\n', len - i);
    size_t end = e ? (size_t)(e - text) : len;
    if (!e && i == len && no > 1) break;
    size_t st = o;
    int col = 0;
    for (size_t k = i; k < end; k++) {
      char c = text[k];
      if (c == '\t') {
        int w = wide ? 8 - col % 8 : 1;
        for (int q = 0; q < w; q++) o0[o++] = ' ';
        col += w;
      } else if (c == '\r' && k + 1 == end) {
        /* CRLF */
      } else {
        o0[o++] = c == '\v' || c == '\f' || (c == '\r' && cr_space) ? ' ' : c;
        col++;
      }
    }
    vgi_line *l = &L[count++];
    l->s = o0 + st;
    l->len = (int)(o - st > 0x3fffffff ? 0x3fffffff : o - st);
    l->no = no++;
    int k = 0;
    while (k < l->len && l->s[k] == ' ') k++;
    l->ind = k;
    if (!e) break;
    i = end + 1;
  }
  *n = count;
  return 1;
}

/* ---- strings -------------------------------------------------------------- */

void vgi_buf_add(vgi_buf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p) abort();
    b->s = p;
    b->cap = cap;
  }
  if (n) memcpy(b->s + b->n, s, n);   /* nothing to add may come as (NULL, 0) */
  b->n += n;
  b->s[b->n] = 0;
}

void vgi_buf_puts(vgi_buf *b, const char *s) { if (s) vgi_buf_add(b, s, strlen(s)); }

void vgi_buf_printf(vgi_buf *b, const char *fmt, ...) {
  va_list ap, aq;
  va_start(ap, fmt);
  va_copy(aq, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n > 0) {
    char *tmp = malloc((size_t)n + 1);
    if (!tmp) abort();
    vsnprintf(tmp, (size_t)n + 1, fmt, aq);
    vgi_buf_add(b, tmp, (size_t)n);
    free(tmp);
  }
  va_end(aq);
}

char *vgi_buf_take(vgi_buf *b) {
  char *s = b->s ? b->s : vgi_strdup("");
  b->s = NULL;
  b->n = b->cap = 0;
  return s;
}

void vgi_buf_free(vgi_buf *b) {
  free(b->s);
  b->s = NULL;
  b->n = b->cap = 0;
}

char *vgi_squash(char *s) {
  char *w = s;
  int space = 1;
  for (char *r = s; *r; r++) {
    if (isspace((unsigned char)*r)) {
      if (!space) *w++ = ' ';
      space = 1;
    } else {
      *w++ = *r;
      space = 0;
    }
  }
  /* (and a wide space at the end, an "&emsp;" between a heading and its
   * badges: "Serde\u2003" was said "Welcome to Serde  .") */
  for (;;) {
    while (w > s && w[-1] == ' ') w--;
    if (w - s >= 3 && (unsigned char)w[-3] == 0xE2 && (unsigned char)w[-2] == 0x80 &&
        (unsigned char)w[-1] >= 0x82 && (unsigned char)w[-1] <= 0x8A)
      w -= 3;
    else
      break;
  }
  *w = 0;
  return s;
}

int vgi_word_count(const char *s) {
  int n = 0, in = 0;
  /* Thai, Lao, Khmer, Burmese: by their words, not their spaces */
  for (const char *p = s; p && *p; p++)
    if ((unsigned char)*p >= 0xE0 && vgi_unspaced_at(p)) return vgi_unspaced_word_count(s);
  for (; s && *s; s++) {
    if (isspace((unsigned char)*s)) in = 0;
    else if (!in) { in = 1; n++; }
  }
  return n;
}

void vgi_word_cursor_init(vgi_word_cursor *c, const char *t) {
  c->t = c->at = t;
  c->starts = 0;
  c->total = -1;
  c->unspaced = 0;
  for (const char *p = t; *p; p++)
    if ((unsigned char)*p >= 0xE0 && vgi_unspaced_at(p)) { c->unspaced = 1; break; }
}

int vgi_words_before(vgi_word_cursor *c, const char *o) {
  if (c->unspaced || o < c->at) {
    if (c->total < 0) c->total = vgi_word_count(c->t);
    return c->total - vgi_word_count(o);
  }
  /* word starts in [t, o): a character that is not a space after a space
   * or at t; the word o is inside (o[-1] and o[0] not spaces) is counted
   * again by vgi_word_count(o), so once less here */
  for (; c->at < o; c->at++)
    if (!isspace((unsigned char)*c->at) && (c->at == c->t || isspace((unsigned char)c->at[-1]))) c->starts++;
  int inside = o > c->t && *o && !isspace((unsigned char)*o) && !isspace((unsigned char)o[-1]);
  return c->starts - inside;
}

int vgi_mark_as_sign(const char *text, const char *e, const char *lang) {
  if (*e != '?' && *e != '!') return 0;
  static const char *const quotes[][2] = { { "\"", "\"" }, { "'", "'" }, { "`", "`" },
    { "\xC2\xAB", "\xC2\xBB" }, { "\xE2\x80\x9C", "\xE2\x80\x9D" }, { "\xE2\x80\x98", "\xE2\x80\x99" },
    { "\xE2\x80\x9E", "\xE2\x80\x9C" } };
  for (size_t k = 0; k < sizeof quotes / sizeof *quotes; k++) {
    size_t ol = strlen(quotes[k][0]), cl = strlen(quotes[k][1]);
    if ((size_t)(e - text) >= ol && !memcmp(e - ol, quotes[k][0], ol) && !strncmp(e + 1, quotes[k][1], cl))
      return 1;
  }
  int alone = (e == text || e[-1] == ' ') && e[1] == ' ';
  return alone && !(lang && !strncmp(lang, "fr", 2));
}

double vgi_speech_seconds(const char *text) {
  return vgi_word_count(text) * 60.0 / VGI_WPM;
}

const char *vgi_utf8_invalid(const char *s, size_t n) {
  long at = vg_utf8_invalid_at(s, n);   /* engine/core: one validator */
  return at < 0 ? NULL : s + at;
}

void vgi_line_col(const char *text, size_t off, int *line, int *col) {
  int l = 1, c = 1;
  for (size_t i = 0; i < off && text[i]; i++) {
    if (text[i] == '\n') { l++; c = 1; }
    else if (((unsigned char)text[i] & 0xC0) != 0x80) c++;
  }
  *line = l;
  *col = c;
}

char *vgi_fmt_num(char *buf, size_t n, double v) {
  if (v == 0) v = 0;   /* no "-0" */
  /* the shortest form that reads back as the same double: 300.0000001 must
   * not print as 300 next to a limit of 300 */
  if (isfinite(v) && fabs(v) < 1e15 && (v == 0 || fabs(v) >= 1e-6))
    for (int dec = 0; dec <= 17; dec++) {   /* plain decimals where they fit */
      snprintf(buf, n, "%.*f", dec, v);
      if (strtod(buf, NULL) == v) return buf;
    }
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(buf, n, "%.*g", prec, v);
    if (strtod(buf, NULL) == v) return buf;
  }
  return buf;
}

/* "0x10", "0o17", "0b101", "1_000", "007", "1:30": numbers YAML 1.1 (or a
 * programmer) would read, written in a form that is not plain decimal. */
static int non_decimal(const char *s, long long *val) {
  const char *p = s + (*s == '-' || *s == '+');
  int base = 0;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) base = 16;
  else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O')) base = 8;
  else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) base = 2;
  if (base) {
    p += 2;
    if (!*p) return 0;
    long long v = 0;
    for (; *p; p++) {
      int dgt = isdigit((unsigned char)*p) ? *p - '0'
              : isxdigit((unsigned char)*p) ? tolower((unsigned char)*p) - 'a' + 10 : -1;
      if (*p == '_') continue;
      if (dgt < 0 || dgt >= base) return 0;
      if (v < (1LL << 52)) v = v * base + dgt;
    }
    *val = *s == '-' ? -v : v;
    return 2;
  }
  int digits = 0, odd = 0;
  for (; *p; p++) {
    if (isdigit((unsigned char)*p)) digits++;
    else if (*p == '_' || *p == ':') odd = 1;
    else if (*p != '.') return 0;
  }
  const char *q = s + (*s == '-' || *s == '+');
  if (digits && (odd || (q[0] == '0' && isdigit((unsigned char)q[1])))) return 1;
  return 0;
}

const char *vgi_number_problem(const cJSON *x, char *buf, size_t n) {
  if (cJSON_IsNumber(x)) {
    if (isfinite(x->valuedouble)) return NULL;
    snprintf(buf, n, "not a finite number");
    return buf;
  }
  if (!cJSON_IsString(x)) return NULL;
  char t[48];
  snprintf(t, sizeof t, "%s", x->valuestring);
  vgi_squash(t);
  for (char *c = t; *c; c++) *c = (char)tolower((unsigned char)*c);
  static const char *const inf[] = { ".nan", ".inf", "+.inf", "-.inf", "nan", "inf", "+inf",
                                     "-inf", "infinity", "+infinity", "-infinity", NULL };
  for (int i = 0; inf[i]; i++)
    if (!strcmp(t, inf[i])) {
      snprintf(buf, n, "'%s' is not a finite number", x->valuestring);
      return buf;
    }
  long long v = 0;
  switch (non_decimal(t, &v)) {
  case 2: snprintf(buf, n, "'%s' is not a decimal number (write %lld)", x->valuestring, v); return buf;
  case 1: snprintf(buf, n, "'%s' is not a decimal number", x->valuestring); return buf;
  default: return NULL;
  }
}

const char *vgi_str(const cJSON *obj, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

void vgi_number_keep_text(cJSON *num, const char *text, size_t len) {
  if (!cJSON_IsNumber(num) || num->valuestring || len == 0 || len > 40) return;
  num->valuestring = malloc(len + 1);   /* cJSON_Delete frees it */
  if (!num->valuestring) abort();
  memcpy(num->valuestring, text, len);
  num->valuestring[len] = 0;
}

/* The text a number was written as, while it still is that number (a value
 * set since, cJSON_SetNumberValue, is shown as the number it is). */
static const char *written_as(const cJSON *v) {
  /* (never "-0": a zero is shown as 0) */
  if (!v->valuestring || !isfinite(v->valuedouble) || v->valuedouble == 0) return NULL;
  char *end;
  double d = strtod(v->valuestring, &end);
  return *end == 0 && d == v->valuedouble ? v->valuestring : NULL;
}

char *vgi_to_text(const cJSON *v) {
  char tmp[64];
  if (cJSON_IsString(v)) return vgi_strdup(v->valuestring);
  if (cJSON_IsNumber(v) && written_as(v)) return vgi_strdup(written_as(v));
  if (cJSON_IsNumber(v)) {
    /* every digit the number has ("1.000001" stays so, not "1") */
    return vgi_strdup(vgi_fmt_num(tmp, sizeof tmp, v->valuedouble));
  }
  if (cJSON_IsBool(v)) return vgi_strdup(cJSON_IsTrue(v) ? "true" : "false");
  return NULL;
}

/* ---- diagnostics ---------------------------------------------------------- */

/* A document may hold a problem on each of its million lines (an SRT of
 * 600,000 cues past 3 hours): each was kept and printed, 1.2 GB and 48 s
 * for one file. The first VGI_MAX_ERRORS errors and VGI_MAX_WARNINGS
 * warnings are kept, then one line says the rest are counted only
 * (d->errors and d->warnings count all). Warnings may be many in an
 * ordinary document (a README naming 3000 pictures that are gone), and
 * `vgrun check` lists them all up to the limit. */
#define VGI_MAX_ERRORS 1000
#define VGI_MAX_WARNINGS 10000

void vgi_diag_vadd(vgi_diags *d, vgi_severity sev, const char *file, int line, int col,
                   const char *field, const char *fmt, va_list ap) {
  if (!d) return;
  int seen = sev == VGI_ERROR ? d->errors : d->warnings;
  int most = sev == VGI_ERROR ? VGI_MAX_ERRORS : VGI_MAX_WARNINGS;
  size_t *marker_at = &d->marker[sev == VGI_ERROR ? 0 : 1];
  if (seen > most) {
    if (sev == VGI_ERROR) d->errors++;
    else d->warnings++;
    /* the entry that stands for the rest counts them, so a summary made
     * from the list says the true number, not the cap plus one */
    if (*marker_at) d->v[*marker_at - 1].count++;
    return;
  }
  /* the one past the last kept is kept as where the listing stops */
  int marker = seen == most;
  if (d->n == d->cap) {
    size_t cap = d->cap ? d->cap * 2 : 16;
    vgi_diag *v = realloc(d->v, cap * sizeof *v);
    if (!v) abort();
    d->v = v;
    d->cap = cap;
  }
  char msg[1024];
  if (marker) {
    snprintf(msg, sizeof msg, "more than %d %s: the rest are not listed", most,
             sev == VGI_ERROR ? "errors" : "warnings");
    line = col = 0;
    field = NULL;
  } else {
    vg_vsnprintf_utf8(msg, sizeof msg, fmt, ap);
  }
  vgi_diag *g = &d->v[d->n++];
  g->severity = sev;
  g->file = vgi_strdup(file);
  g->line = line;
  g->col = col;
  g->field = vgi_strdup(field ? field : "");
  g->message = vgi_strdup(msg);
  g->count = 1;
  if (marker) *marker_at = d->n;
  if (sev == VGI_ERROR) d->errors++;
  else d->warnings++;
}

void vgi_diag_add(vgi_diags *d, vgi_severity sev, const char *file, int line, int col,
                  const char *field, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vgi_diag_vadd(d, sev, file, line, col, field, fmt, ap);
  va_end(ap);
}

char *vgi_diag_format(const vgi_diag *g) {
  vgi_buf b = {0};
  if (g->file && *g->file) {
    /* the text is printed as is: the name shown escaped (g->file stays exact) */
    char *shown = vg_shown_name(g->file);
    vgi_buf_puts(&b, shown ? shown : "?");
    free(shown);
    if (g->line > 0) vgi_buf_printf(&b, ":%d:%d", g->line, g->col > 0 ? g->col : 1);
    vgi_buf_puts(&b, ": ");
  }
  if (g->field && *g->field) vgi_buf_printf(&b, "%s: ", g->field);
  if (g->severity == VGI_WARNING) vgi_buf_puts(&b, "warning: ");
  vgi_buf_puts(&b, g->message);
  return vgi_buf_take(&b);
}

void vgi_diags_free(vgi_diags *d) {
  if (!d) return;
  for (size_t i = 0; i < d->n; i++) {
    free(d->v[i].file);
    free(d->v[i].field);
    free(d->v[i].message);
  }
  free(d->v);
  memset(d, 0, sizeof *d);
}

/* ---- position map ------------------------------------------------------------ */

void vgi_pos_init(vgi_posmap *pm) { memset(pm, 0, sizeof *pm); }

void vgi_pos_free(vgi_posmap *pm) {
  free(pm->slots);
  for (size_t i = 0; i < pm->nfiles; i++) free(pm->files[i]);
  free(pm->files);
  memset(pm, 0, sizeof *pm);
}

const char *vgi_pos_file(vgi_posmap *pm, const char *file) {
  if (!file) return NULL;
  for (size_t i = 0; i < pm->nfiles; i++)
    if (!strcmp(pm->files[i], file)) return pm->files[i];
  char **f = realloc(pm->files, (pm->nfiles + 1) * sizeof *f);
  if (!f) abort();
  pm->files = f;
  pm->files[pm->nfiles] = vgi_strdup(file);
  return pm->files[pm->nfiles++];
}

static size_t pos_hash(const cJSON *node, size_t cap) {
  uintptr_t x = (uintptr_t)node;
  x ^= x >> 17;
  x *= (uintptr_t)0x9E3779B97F4A7C15ull;
  return (size_t)(x >> 7) & (cap - 1);
}

/* A deleted slot: lookups probe past it; rehashing drops it. */
#define TOMB ((const cJSON *)(uintptr_t)1)

static void pos_put(vgi_pos *slots, size_t cap, const vgi_pos *p) {
  size_t i = pos_hash(p->node, cap);
  while (slots[i].node && slots[i].node != p->node) i = (i + 1) & (cap - 1);
  slots[i] = *p;
}

void vgi_pos_forget(vgi_posmap *pm, const cJSON *node) {
  if (!pm || !node) return;
  for (const cJSON *c = node->child; c; c = c->next) vgi_pos_forget(pm, c);
  if (!pm->cap) return;
  size_t i = pos_hash(node, pm->cap);
  while (pm->slots[i].node) {
    if (pm->slots[i].node == node) {
      pm->slots[i].node = TOMB;
      return;
    }
    i = (i + 1) & (pm->cap - 1);
  }
}

void vgi_pos_delete(vgi_posmap *pm, cJSON *node) {
  vgi_pos_forget(pm, node);
  cJSON_Delete(node);
}

void vgi_pos_set(vgi_posmap *pm, const cJSON *node, const char *file, int line, int col) {
  if (!pm || !node) return;
  if ((pm->n + 1) * 2 > pm->cap) {
    size_t cap = pm->cap ? pm->cap * 2 : 256;
    vgi_pos *s = calloc(cap, sizeof *s);
    if (!s) abort();
    size_t live = 0;
    for (size_t i = 0; i < pm->cap; i++)
      if (pm->slots[i].node && pm->slots[i].node != TOMB) {
        pos_put(s, cap, &pm->slots[i]);
        live++;
      }
    pm->n = live;
    free(pm->slots);
    pm->slots = s;
    pm->cap = cap;
  }
  vgi_pos p = { node, vgi_pos_file(pm, file), line, col };
  if (!vgi_pos_get(pm, node)) pm->n++;
  pos_put(pm->slots, pm->cap, &p);
}

const vgi_pos *vgi_pos_get(const vgi_posmap *pm, const cJSON *node) {
  if (!pm || !pm->cap || !node) return NULL;
  size_t i = pos_hash(node, pm->cap);
  while (pm->slots[i].node) {
    if (pm->slots[i].node == node) return &pm->slots[i];
    i = (i + 1) & (pm->cap - 1);
  }
  return NULL;
}

/* ---- files ---------------------------------------------------------------- */

const vg_limits *vgi_limits(const vgi_options *opts) {
  return opts && opts->limits ? opts->limits : &vg_limits_default;
}

/* A YAML or JSON file: data, whose formats say UTF-8 (a document of prose
 * may be in an older encoding) */
static int data_file(const char *path) {
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  size_t n = strlen(base);
  if (n > 3 && !strcasecmp(base + n - 3, ".gz")) n -= 3;   /* deck.yaml.gz */
  static const char *const exts[] = { ".yaml", ".yml", ".json", NULL };
  for (int k = 0; exts[k]; k++) {
    size_t e = strlen(exts[k]);
    if (n > e && !strncasecmp(base + n - e, exts[k], e)) return 1;
  }
  return 0;
}

char *vgi_read_text(const char *path, size_t *len, const vg_limits *lim, vgi_diags *d) {
  const size_t max_file = (size_t)(lim ? lim : &vg_limits_default)->max_file_bytes;
  struct stat st;
  if (stat(path, &st) != 0) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
    return NULL;
  }
  if (S_ISDIR(st.st_mode)) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL,
                 "is a directory without set_config.yaml");
    return NULL;
  }
  /* a FIFO or a device would block open() or read() forever: refused
   * before it is opened */
  if (!S_ISREG(st.st_mode)) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot open: %s",
                 vg_not_regular_reason(st.st_mode));
    return NULL;
  }
  if (st.st_size > (off_t)max_file) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "file too large (%lld bytes, limit %zu)",
                 (long long)st.st_size, max_file);
    return NULL;
  }
  /* checked again as it is opened: the name may have been swapped since */
  const char *why = NULL;
  int fd = vg_open_regular(path, 0, &why);
  if (fd < 0) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot open: %s", why ? why : strerror(errno));
    return NULL;
  }
  if (fstat(fd, &st) != 0) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(errno));
    close(fd);
    return NULL;
  }
  size_t cap = (size_t)st.st_size + 1, n = 0;
  char *buf = malloc(cap + 1);
  if (!buf) abort();
  int err = 0;
  for (;;) {
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) { err = errno; break; }
    if (r == 0) break;
    n += (size_t)r;
    if (n == cap) {
      /* the file grew while read: up to the limit, then it is too large */
      if (cap > max_file) break;
      cap *= 2;
      char *p = realloc(buf, cap + 1);
      if (!p) abort();
      buf = p;
    }
  }
  close(fd);
  if (err) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(err));
    free(buf);
    return NULL;
  }
  if (n > max_file) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "file too large (more than %zu bytes)",
                 max_file);
    free(buf);
    return NULL;
  }
  buf[n] = 0;
  if (vgi_gzipped(buf, n)) {
    /* NEWS.gz, ls.1.gz: read as the text they hold, held to the same limit */
    const char *gz_why = NULL;
    char *plain = vgi_gunzip(buf, n, max_file, &n, &gz_why);
    free(buf);
    if (!plain) {
      vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot uncompress: %s", gz_why);
      return NULL;
    }
    buf = plain;
  }
  /* UTF-16 with its byte order mark (Windows' "Unicode" text): the UTF-8
   * it stands for */
  if (n >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
                 ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
    const char *u16_why = NULL;
    size_t m = 0;
    char *u = vgi_utf16_to_utf8(buf, n, &m, &u16_why);
    free(buf);
    if (!u) {
      vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "invalid UTF-16 (%s)", u16_why);
      return NULL;
    }
    if (m > max_file) {
      vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "file too large (more than %zu bytes as UTF-8)", max_file);
      free(u);
      return NULL;
    }
    buf = u;
    n = m;
  }
  size_t skip = 0;
  if (n >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
      (unsigned char)buf[2] == 0xBF)
    skip = 3;
  int blank = 1;
  for (size_t i = skip; i < n && blank; i++)
    if (!isspace((unsigned char)buf[i])) blank = 0;
  if (blank) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "file is empty");
    free(buf);
    return NULL;
  }
  const char *nul = memchr(buf, 0, n);
  if (nul) {
    int line, col;
    vgi_line_col(buf, (size_t)(nul - buf), &line, &col);
    vgi_diag_add(d, VGI_ERROR, path, line, col, NULL,
                 "binary data (NUL byte): not a text document");
    free(buf);
    return NULL;
  }
  const char *bad = vgi_utf8_invalid(buf, n);
  if (bad) {
    int line, col;
    vgi_line_col(buf, (size_t)(bad - buf), &line, &col);
    /* no UTF-8 in it at all: Windows-1252 (Latin-1's superset), as old
     * READMEs and subtitles made on Windows are written; UTF-8 with bad
     * bytes in it is a damaged file */
    size_t m = 0;
    char *u = vgi_utf8_multibyte(buf, n) || skip || data_file(path) ? NULL : vgi_cp1252_to_utf8(buf, n, &m);
    if (!u || m > max_file) {
      vgi_diag_add(d, VGI_ERROR, path, line, col, NULL,
                   "invalid UTF-8 (byte 0x%02X at offset %zu)", (unsigned char)*bad,
                   (size_t)(bad - buf));
      free(u);
      free(buf);
      return NULL;
    }
    vgi_diag_add(d, VGI_WARNING, path, line, col, NULL,
                 "not UTF-8 (byte 0x%02X at offset %zu): read as Windows-1252 (Latin-1)", (unsigned char)*bad,
                 (size_t)(bad - buf));
    free(buf);
    buf = u;
    n = m;
  }
  if (skip) memmove(buf, buf + skip, n - skip + 1);
  *len = n - skip;
  return buf;
}

int vgi_split_words(const char *t, size_t ws[], size_t we[], int max) {
  int n = 0;
  for (size_t i = 0; t[i] && n < max;) {
    while (t[i] == ' ') i++;
    if (!t[i]) break;
    ws[n] = i;
    while (t[i] && t[i] != ' ') i++;
    we[n++] = i;
  }
  return n;
}

/* one test of a line that is mostly an address (input_private.h) */
int vgi_url_bytes(const char *s, int n) {
  int sum = 0;
  for (int i = 0; i < n;) {
    if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '<' || s[i - 1] == '(') &&
        ((n - i > 7 && (!strncmp(s + i, "http://", 7) || !strncmp(s + i, "https://", 8))) ||
         (n - i > 4 && !strncmp(s + i, "www.", 4)))) {
      int a = i;
      while (i < n && s[i] != ' ' && s[i] != '>' && s[i] != ')') i++;
      sum += i - a;
    } else {
      i++;
    }
  }
  return sum;
}

/* case folding of three alphabets (input_private.h) */
unsigned vgi_lower_cp(unsigned c, int turkic) {
  if (turkic && c == 'I') return 0x131;
  if (c == 0x130) return 'i';
  if (c < 0x80) return (unsigned)tolower((int)c);
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
      (c >= 0x410 && c <= 0x42F))
    return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  /* Greek capitals with tonos keep it in lower case (Ά ά, Έ έ, Ή ή, Ί ί,
   * Ό ό, Ύ ύ, Ώ ώ): "ΠΌΤΕ" is "πότε", never "πΌτε" */
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 0x25;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 0x3F;
  if (c == 0x178) return 0xFF;
  /* Latin Extended-A pairs capital-small: even-odd, but odd-even in
   * 0x139-0x148 and 0x179-0x17E (and no pair at 0x138, 0x149, 0x17F) */
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) || (c >= 0x218 && c <= 0x21B))
    return c % 2 ? c : c + 1;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 ? c + 1 : c;
  return c;
}

int vgi_put_cp(char *w, unsigned c) {
  if (c < 0x80) { w[0] = (char)c; return 1; }
  w[0] = (char)(0xC0 | (c >> 6));
  w[1] = (char)(0x80 | (c & 63));
  return 2;
}

int vgi_lower_utf8(const char *s, size_t n, char *out, size_t outsz) {
  size_t o = 0;
  for (size_t i = 0, cl; i < n; i += cl) {
    unsigned c = vg_utf8_decode(s, n, i, &cl), lc = vgi_lower_cp(c, 0);
    if (o + 4 >= outsz) return 0;
    if (lc == c) memcpy(out + o, s + i, cl), o += cl;
    else o += (size_t)vgi_put_cp(out + o, lc);
  }
  out[o] = 0;
  return 1;
}

int vgi_fence_run(const char *s, const char *e, char *c) {
  if (e - s < 3 || (*s != '`' && *s != '~')) return 0;
  int k = 0;
  while (s + k < e && s[k] == *s) k++;
  if (k < 3) return 0;
  *c = *s;
  return k;
}
