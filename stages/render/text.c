/* text.c: per-thread Pango state, text fitting and the layout cache.
 * Fitting order, from least to most intrusive: wrap at the box width; shrink
 * the font (binary search down to min_size); finally ellipsize at the box
 * height. Fitted layouts are cached per thread, so a scene rendered for many
 * frames is shaped once. */
#include "render_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fontconfig/fontconfig.h>

#define RD_CACHE_SLOTS 512
#define RD_IMAGE_SLOTS 16

typedef struct rd_cache_entry {
  uint64_t hash;
  char *key;
  size_t klen;
  rd_fitted fit;
} rd_cache_entry;

typedef struct rd_image_entry {
  char *path;
  time_t mtime;
  cairo_surface_t *surface;
} rd_image_entry;

typedef struct rd_thread {
  PangoFontMap *fontmap;
  PangoContext *context;
  rd_cache_entry cache[RD_CACHE_SLOTS];
  rd_image_entry images[RD_IMAGE_SLOTS];
  unsigned image_next;
} rd_thread;

static pthread_key_t g_key;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
/* Font map creation reads the fontconfig configuration; do it one thread at
 * a time. Rendering itself takes no lock. */
static pthread_mutex_t g_init_lock = PTHREAD_MUTEX_INITIALIZER;

static void thread_free(void *p) {
  rd_thread *t = p;
  if (!t) return;
  for (int i = 0; i < RD_CACHE_SLOTS; i++) {
    if (t->cache[i].fit.layout) g_object_unref(t->cache[i].fit.layout);
    free(t->cache[i].key);
  }
  for (int i = 0; i < RD_IMAGE_SLOTS; i++) {
    if (t->images[i].surface) cairo_surface_destroy(t->images[i].surface);
    free(t->images[i].path);
  }
  if (t->context) g_object_unref(t->context);
  if (t->fontmap) g_object_unref(t->fontmap);
  free(t);
}

static void make_key(void) { pthread_key_create(&g_key, thread_free); }

static rd_thread *thread_state(void) {
  pthread_once(&g_once, make_key);
  rd_thread *t = pthread_getspecific(g_key);
  if (t) return t;
  t = calloc(1, sizeof *t);
  pthread_mutex_lock(&g_init_lock);
  FcInit();
  t->fontmap = pango_cairo_font_map_new();
  pthread_mutex_unlock(&g_init_lock);
  t->context = pango_font_map_create_context(t->fontmap);
  cairo_font_options_t *fo = cairo_font_options_create();
  /* No hinting: glyph positions scale linearly, so a layout fitted once is
   * valid at every resolution and animations do not jitter. */
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(t->context, fo);
  cairo_font_options_destroy(fo);
  pango_context_set_round_glyph_positions(t->context, FALSE);
  pango_context_set_language(t->context, pango_language_from_string("en"));
  pthread_setspecific(g_key, t);
  return t;
}

void rd_text_thread_cleanup(void) {
  pthread_once(&g_once, make_key);
  rd_thread *t = pthread_getspecific(g_key);
  if (!t) return;
  pthread_setspecific(g_key, NULL);
  thread_free(t);
}

/* ---- spec from JSON ------------------------------------------------------- */

static const char *jstr(const cJSON *o, const char *k, const char *def) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(v) ? v->valuestring : def;
}
static double jnum(const cJSON *o, const char *k, double def) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsNumber(v) ? v->valuedouble : def;
}

void rd_text_spec_from_json(const cJSON *item, int code, rd_text_spec *s) {
  memset(s, 0, sizeof *s);
  s->code = code;
  s->text = jstr(item, "text", "");
  const char *markup = jstr(item, "markup", NULL);
  if (markup && !code) { s->text = markup; s->markup = 1; }
  s->language = jstr(item, "language", NULL);
  s->font = jstr(item, "font", code ? "DejaVu Sans Mono, Noto Sans Mono, monospace"
                                    : "Noto Sans, DejaVu Sans, sans-serif");
  const cJSON *wt = cJSON_GetObjectItemCaseSensitive(item, "weight");
  s->weight = PANGO_WEIGHT_NORMAL;
  if (cJSON_IsNumber(wt)) s->weight = wt->valueint;
  else if (cJSON_IsString(wt)) {
    if (!strcmp(wt->valuestring, "bold")) s->weight = PANGO_WEIGHT_BOLD;
    else if (!strcmp(wt->valuestring, "semibold")) s->weight = PANGO_WEIGHT_SEMIBOLD;
    else if (!strcmp(wt->valuestring, "light")) s->weight = PANGO_WEIGHT_LIGHT;
  }
  s->italic = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(item, "italic"));
  s->size = jnum(item, "size", code ? 28 : 36);
  if (s->size < 1) s->size = 1;
  s->min_size = jnum(item, "min_size", s->size * 0.5 < 14 ? s->size * 0.5 : 14);
  if (s->min_size > s->size) s->min_size = s->size;
  if (s->min_size < 1) s->min_size = 1;
  s->w = jnum(item, "w", 100);
  s->h = jnum(item, "h", 100);
  const char *al = jstr(item, "align", "left");
  s->align = !strcmp(al, "center") ? RD_ALIGN_CENTER : !strcmp(al, "right") ? RD_ALIGN_RIGHT
                                                                             : RD_ALIGN_LEFT;
  const char *va = jstr(item, "valign", "top");
  s->valign = !strcmp(va, "middle") || !strcmp(va, "center") ? RD_VALIGN_MIDDLE
            : !strcmp(va, "bottom")                           ? RD_VALIGN_BOTTOM
                                                              : RD_VALIGN_TOP;
  const char *wr = jstr(item, "wrap", code ? "none" : "word");
  s->wrap = !strcmp(wr, "none") ? RD_WRAP_NONE : !strcmp(wr, "char") ? RD_WRAP_CHAR : RD_WRAP_WORD;
  s->line_height = jnum(item, "line_height", 0);
  s->max_lines = (int)jnum(item, "max_lines", 0);
  s->letter_spacing = jnum(item, "letter_spacing", 0);
  if (code) {
    rd_palette_default(&s->pal);
    rd_palette_parse(cJSON_GetObjectItemCaseSensitive(item, "palette"), &s->pal);
  }
}

/* ---- fitting -------------------------------------------------------------- */

static uint64_t fnv(uint64_t h, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) { h ^= b[i]; h *= 1099511628211ull; }
  return h;
}

static char *spec_key(const rd_text_spec *s, size_t *len) {
  char head[512];
  int n = snprintf(head, sizeof head, "%d|%d|%s|%s|%d|%d|%.3f|%.3f|%.3f|%.3f|%d|%d|%.3f|%d|%.3f|",
                   s->markup, s->code, s->language ? s->language : "", s->font, s->weight,
                   s->italic, s->size, s->min_size, s->w, s->h, s->align, s->wrap,
                   s->line_height, s->max_lines, s->letter_spacing);
  size_t tl = strlen(s->text);
  size_t pl = s->code ? sizeof s->pal : 0;
  char *k = malloc((size_t)n + pl + tl + 1);
  memcpy(k, head, (size_t)n);
  if (pl) memcpy(k + n, &s->pal, pl);
  memcpy(k + n + pl, s->text, tl + 1);
  *len = (size_t)n + pl + tl;
  return k;
}

static void set_size(PangoLayout *l, PangoFontDescription *fd, double size) {
  pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
  pango_layout_set_font_description(l, fd);
}

/* Measures the layout; returns 1 if it fits the box. */
static int fits(PangoLayout *l, const rd_text_spec *s, double *w, double *h, int *lines) {
  PangoRectangle log;
  pango_layout_get_extents(l, NULL, &log);
  *w = (double)log.width / PANGO_SCALE;
  *h = (double)log.height / PANGO_SCALE;
  *lines = pango_layout_get_line_count(l);
  if (*h > s->h + 0.01) return 0;
  if (s->wrap == RD_WRAP_NONE && *w > s->w + 0.01) return 0;
  if (s->max_lines > 0 && *lines > s->max_lines) return 0;
  return 1;
}

static PangoLayout *build_layout(rd_thread *t, const rd_text_spec *s, PangoFontDescription *fd) {
  PangoLayout *l = pango_layout_new(t->context);
  pango_layout_set_auto_dir(l, TRUE);
  if (s->markup) {
    /* Bad markup (from user text that a layout forgot to escape) falls
     * back to showing the raw text rather than nothing. */
    GError *gerr = NULL;
    if (pango_parse_markup(s->text, -1, 0, NULL, NULL, NULL, &gerr)) {
      pango_layout_set_markup(l, s->text, -1);
    } else {
      g_error_free(gerr);
      pango_layout_set_text(l, s->text, -1);
    }
  } else {
    pango_layout_set_text(l, s->text, -1);
  }
  PangoAttrList *attrs = pango_layout_get_attributes(l);
  attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
  if (s->code) {
    const char *txt = pango_layout_get_text(l);
    rd_syntax_highlight(txt, strlen(txt), s->language, &s->pal, attrs);
  }
  if (s->letter_spacing != 0)
    pango_attr_list_insert(attrs, pango_attr_letter_spacing_new((int)(s->letter_spacing * PANGO_SCALE)));
  pango_layout_set_attributes(l, attrs);
  pango_attr_list_unref(attrs);
  pango_layout_set_alignment(l, s->align == RD_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                : s->align == RD_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                                             : PANGO_ALIGN_LEFT);
  if (s->line_height > 0) pango_layout_set_line_spacing(l, (float)s->line_height);
  if (s->wrap != RD_WRAP_NONE) {
    pango_layout_set_width(l, (int)(s->w * PANGO_SCALE));
    pango_layout_set_wrap(l, s->wrap == RD_WRAP_CHAR ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
  }
  set_size(l, fd, s->size);
  return l;
}

static void fit_layout(rd_thread *t, const rd_text_spec *s, rd_fitted *f) {
  PangoFontDescription *fd = pango_font_description_from_string(s->font);
  pango_font_description_set_weight(fd, (PangoWeight)s->weight);
  if (s->italic) pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
  PangoLayout *l = build_layout(t, s, fd);
  double w, h;
  int lines;
  f->final_size = s->size;
  if (!fits(l, s, &w, &h, &lines)) {
    set_size(l, fd, s->min_size);
    if (fits(l, s, &w, &h, &lines)) {
      /* Largest size that fits: the fit is monotonic enough in practice. */
      double lo = s->min_size, hi = s->size;
      for (int i = 0; i < 7 && hi - lo > 0.25; i++) {
        double mid = (lo + hi) / 2;
        set_size(l, fd, mid);
        if (fits(l, s, &w, &h, &lines)) lo = mid; else hi = mid;
      }
      set_size(l, fd, lo);
      fits(l, s, &w, &h, &lines);
      f->final_size = lo;
      f->shrunk = 1;
    } else {
      /* Last resort: wrap code too, then cut at the box height. */
      f->final_size = s->min_size;
      f->shrunk = s->min_size < s->size;
      if (s->wrap == RD_WRAP_NONE) {
        pango_layout_set_width(l, (int)(s->w * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_CHAR);
      }
      if (!fits(l, s, &w, &h, &lines)) {
        int maxl = s->max_lines;
        if (maxl > 0 && pango_layout_get_line_count(l) > maxl) {
          pango_layout_set_height(l, -maxl);
        } else {
          pango_layout_set_height(l, (int)(s->h * PANGO_SCALE));
        }
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        fits(l, s, &w, &h, &lines);
        /* Pango keeps at least one line; if even that is too tall, the
         * clip at the box edge is the final guard. */
        f->cut = 1;
      }
    }
  }
  f->layout = l;
  f->width = w;
  f->height = h;
  f->lines = lines;
  pango_font_description_free(fd);
}

const rd_fitted *rd_text_fit(const rd_text_spec *s) {
  rd_thread *t = thread_state();
  size_t klen;
  char *key = spec_key(s, &klen);
  uint64_t h = fnv(1469598103934665603ull, key, klen);
  rd_cache_entry *e = &t->cache[h % RD_CACHE_SLOTS];
  if (e->key && e->hash == h && e->klen == klen && memcmp(e->key, key, klen) == 0) {
    free(key);
    return &e->fit;
  }
  if (e->fit.layout) g_object_unref(e->fit.layout);
  free(e->key);
  memset(e, 0, sizeof *e);
  fit_layout(t, s, &e->fit);
  e->key = key;
  e->klen = klen;
  e->hash = h;
  return &e->fit;
}

/* ---- images ----------------------------------------------------------------- */

cairo_surface_t *rd_image_get(const char *path) {
  rd_thread *t = thread_state();
  struct stat st;
  if (stat(path, &st) != 0) return NULL;
  for (int i = 0; i < RD_IMAGE_SLOTS; i++) {
    rd_image_entry *e = &t->images[i];
    if (e->path && !strcmp(e->path, path) && e->mtime == st.st_mtime) return e->surface;
  }
  cairo_surface_t *s = cairo_image_surface_create_from_png(path);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    return NULL;
  }
  rd_image_entry *e = &t->images[t->image_next++ % RD_IMAGE_SLOTS];
  if (e->surface) cairo_surface_destroy(e->surface);
  free(e->path);
  e->path = strdup(path);
  e->mtime = st.st_mtime;
  e->surface = s;
  return s;
}
