/* text.c: per-thread Pango state, text fitting and the layout cache.
 * Fitting order, from least to most intrusive: wrap at the box width; shrink
 * the font (binary search down to min_size); finally ellipsize at the box
 * height. Fitted layouts are cached per thread, so a scene rendered for many
 * frames is shaped once. */
#include "render_private.h"
#include "vg.h"

#include <stdarg.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fontconfig/fontconfig.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "vg_utf8.h"

#define RD_CACHE_SLOTS 512

typedef struct rd_cache_entry {
  uint64_t hash;
  char *key;
  size_t klen;
  rd_fitted fit;
} rd_cache_entry;

typedef struct rd_thread {
  PangoFontMap *fontmap;
  PangoContext *context;
  /* code's: every paragraph left to right (below, build_layout) */
  PangoContext *code_context;
  rd_cache_entry cache[RD_CACHE_SLOTS];
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
  if (t->context) g_object_unref(t->context);
  if (t->code_context) g_object_unref(t->code_context);
  if (t->fontmap) g_object_unref(t->fontmap);
  free(t);
}

static void make_key(void) { pthread_key_create(&g_key, thread_free); }

static PangoContext *new_context(PangoFontMap *fontmap) {
  PangoContext *ctx = pango_font_map_create_context(fontmap);
  cairo_font_options_t *fo = cairo_font_options_create();
  /* No hinting: glyph positions scale linearly, so a layout fitted once is
   * valid at every resolution and animations do not jitter. */
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(ctx, fo);
  cairo_font_options_destroy(fo);
  pango_context_set_round_glyph_positions(ctx, FALSE);
  pango_context_set_language(ctx, pango_language_from_string("en"));
  return ctx;
}

static rd_thread *thread_state(void) {
  pthread_once(&g_once, make_key);
  rd_thread *t = pthread_getspecific(g_key);
  if (t) return t;
  t = calloc(1, sizeof *t);
  pthread_mutex_lock(&g_init_lock);
  FcInit();
  t->fontmap = pango_cairo_font_map_new();
  pthread_mutex_unlock(&g_init_lock);
  t->context = new_context(t->fontmap);
  t->code_context = new_context(t->fontmap);
  pango_context_set_base_dir(t->code_context, PANGO_DIRECTION_LTR);
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


#define RD_MAX_FONT 2000.0   /* design units: twice the height of a 1080p frame */
#define RD_MAX_BOX 100000.0
/* Bytes of one text box laid out: far more than a slide shows legibly
 * (a 1080p frame holds some 13,000 characters at the smallest size), and
 * where Pango's line breaking of one unbroken token stays near linear
 * (8,000 characters: 0.5 s; 40,000: 15 s, so a document of long tokens
 * held its fitting for minutes). Beyond it the text is cut and reported. */
#define RD_MAX_TEXT 8192

static double clampd(double v, double lo, double hi) {
  if (!isfinite(v) || v < lo) return lo;   /* NaN and -inf go low, +inf high */
  return v > hi ? hi : v;
}

/* Baseline to baseline, in ems, for text of a script whose faces have tall
 * lines (0: the fonts' own). Noto Sans Arabic's line is 2.1 em high (room
 * for stacked marks that text seldom has; Latin's is 1.36): a paragraph
 * read as separate lines, each line of a list item or quote apart. 1.6 em
 * holds vowel marks above and below without touching; Nastaliq (Urdu) slopes
 * down each word and needs more (2.0, its face's own 2.6). Text of another
 * language that holds Arabic letters (a name in an English deck) is spaced
 * as Arabic too, so its lines stay even. */
static double script_pitch(const char *lang, const char *text) {
  static const char *const nastaliq[] = { "ur", NULL };
  static const char *const arabic[] = { "ar", "fa", "ps", "sd", "ug", "ckb", NULL };
  if (lang) {
    for (int i = 0; nastaliq[i]; i++)
      if (!strncmp(lang, nastaliq[i], 2) && (!lang[2] || lang[2] == '-' || lang[2] == '_')) return 2.0;
    for (int i = 0; arabic[i]; i++) {
      size_t n = strlen(arabic[i]);
      if (!strncmp(lang, arabic[i], n) && (!lang[n] || lang[n] == '-' || lang[n] == '_')) return 1.6;
    }
  }
  /* Arabic letters: U+0600..U+06FF (lead bytes D8..DB), U+0750..U+077F (DD 90..),
   * U+08A0..U+08FF (E0 A2 A0..E0 A3 BF), the presentation forms U+FB50..U+FDFF
   * (EF AD 90..EF B7 BF) and U+FE70..U+FEFF (EF B9 B0..EF BB BF) */
  for (const unsigned char *q = (const unsigned char *)text; q[0] && q[1]; q++) {
    unsigned a = q[0], b = q[1], c = q[2];   /* q[2] exists: q[1] is not the NUL */
    if ((a >= 0xD8 && a <= 0xDB) || (a == 0xDD && b >= 0x90)) return 1.6;
    if (a == 0xE0 && ((b == 0xA2 && c >= 0xA0) || b == 0xA3)) return 1.6;
    if (a == 0xEF && ((b == 0xAD && c >= 0x90) || (b > 0xAD && b < 0xB8) || (b == 0xB9 && c >= 0xB0) ||
                      b == 0xBA || b == 0xBB))
      return 1.6;
  }
  return 0;
}

void rd_text_spec_from_json(const cJSON *item, int code, rd_text_spec *s) {
  memset(s, 0, sizeof *s);
  s->code = code;
  s->text = vg_json_str(item, "text", "");
  const char *markup = vg_json_str(item, "markup", NULL);
  if (markup && !code) { s->text = markup; s->markup = 1; }
  s->language = vg_json_str(item, "language", NULL);
  s->lang = vg_json_str(item, "lang", NULL);
  if (s->lang && (!*s->lang || strlen(s->lang) > 35)) s->lang = NULL;
  s->font = vg_json_str(item, "font", code ? "DejaVu Sans Mono, Noto Sans Mono, monospace"
                                    : "Noto Sans, DejaVu Sans, sans-serif");
  const cJSON *wt = cJSON_GetObjectItemCaseSensitive(item, "weight");
  s->weight = PANGO_WEIGHT_NORMAL;
  if (cJSON_IsNumber(wt)) s->weight = (int)clampd(wt->valuedouble, 100, 1000);
  else if (cJSON_IsString(wt)) {
    if (!strcmp(wt->valuestring, "bold")) s->weight = PANGO_WEIGHT_BOLD;
    else if (!strcmp(wt->valuestring, "semibold")) s->weight = PANGO_WEIGHT_SEMIBOLD;
    else if (!strcmp(wt->valuestring, "light")) s->weight = PANGO_WEIGHT_LIGHT;
  }
  s->italic = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(item, "italic"));
  /* Numbers may come from a user's layout: keep them finite and within what
   * Pango and Cairo handle (a 1e9 px font or box would hang the shaper). */
  s->size = clampd(vg_json_num(item, "size", code ? 28 : 36), 1, RD_MAX_FONT);
  s->min_size = clampd(vg_json_num(item, "min_size", s->size * 0.5 < 14 ? s->size * 0.5 : 14), 1, s->size);
  s->w = clampd(vg_json_num(item, "w", 100), 0, RD_MAX_BOX);
  s->h = clampd(vg_json_num(item, "h", 100), 0, RD_MAX_BOX);
  const char *al = vg_json_str(item, "align", "left");
  s->align = !strcmp(al, "center") ? RD_ALIGN_CENTER : !strcmp(al, "right") ? RD_ALIGN_RIGHT
                                                                             : RD_ALIGN_LEFT;
  const char *va = vg_json_str(item, "valign", "top");
  s->valign = !strcmp(va, "middle") || !strcmp(va, "center") ? RD_VALIGN_MIDDLE
            : !strcmp(va, "bottom")                           ? RD_VALIGN_BOTTOM
                                                              : RD_VALIGN_TOP;
  const char *wr = vg_json_str(item, "wrap", code ? "none" : "word");
  s->wrap = !strcmp(wr, "none") ? RD_WRAP_NONE : !strcmp(wr, "char") ? RD_WRAP_CHAR : RD_WRAP_WORD;
  s->keep_lines = code && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(item, "keep_lines"));
  s->hang_em = code ? 0 : clampd(vg_json_num(item, "hang", 0), 0, 10);
  s->tab_em = code ? 0 : clampd(vg_json_num(item, "tab", 0), 0, 40);
  s->line_height = clampd(vg_json_num(item, "line_height", 0), 0, 10);
  s->max_lines = (int)clampd(vg_json_num(item, "max_lines", 0), 0, 10000);
  s->letter_spacing = clampd(vg_json_num(item, "letter_spacing", 0), -RD_MAX_FONT, RD_MAX_FONT);
  s->pitch_em = code ? 0 : script_pitch(s->lang, s->text);
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
  /* (a user's font list or language may be long: the head is as long as
   * it needs, never cut, so two specs that differ late never share a key) */
  char *head = g_strdup_printf("%d|%d|%s|%s|%s|%d|%d|%.3f|%.3f|%.3f|%.3f|%d|%d|%d|%.3f|%.3f|%.3f|%d|%.3f|",
                               s->markup, s->code, s->language ? s->language : "", s->lang ? s->lang : "",
                               s->font, s->weight, s->italic, s->size, s->min_size, s->w, s->h, s->align,
                               s->wrap, s->keep_lines, s->hang_em, s->tab_em, s->line_height, s->max_lines,
                               s->letter_spacing);
  size_t n = strlen(head);
  size_t tl = strlen(s->text);
  size_t pl = s->code ? sizeof s->pal : 0;
  char *k = malloc(n + pl + tl + 1);
  if (!k) abort();
  memcpy(k, head, n);
  g_free(head);
  if (pl) memcpy(k + n, &s->pal, pl);
  memcpy(k + n + pl, s->text, tl + 1);
  *len = n + pl + tl;
  return k;
}

/* hang_em: a hanging indent of that many ems (each paragraph's continuation
 * lines under its text, not under its bullet), kept as the text shrinks;
 * tab_em: a tab stop, likewise.
 * s->pitch_em: lines of a tall script set that far apart (an absolute line
 * height, which scales with the size: build_layout sets no line spacing). */
static void set_size(PangoLayout *l, PangoFontDescription *fd, double size, const rd_text_spec *s) {
  pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
  pango_layout_set_font_description(l, fd);
  if (s->hang_em > 0) pango_layout_set_indent(l, -(int)(s->hang_em * size * PANGO_SCALE));
  /* a tab stop with a hanging indent as far in: "name<TAB>value" lines whose
   * values wrap under the value, not under the name (a stacked table row) */
  if (s->tab_em > 0) {
    PangoTabArray *tabs = pango_tab_array_new_with_positions(1, FALSE, PANGO_TAB_LEFT,
                                                             (int)(s->tab_em * size * PANGO_SCALE));
    pango_layout_set_tabs(l, tabs);
    pango_tab_array_free(tabs);
  }
  if (s->pitch_em > 0) {
    double factor = s->line_height > 0 ? s->line_height : 1;
    /* a copy: the layout sees a change only in a list that differs */
    PangoAttrList *attrs = pango_layout_get_attributes(l);
    attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
    /* over the whole text (a new attribute's range) */
    pango_attr_list_change(attrs, pango_attr_line_height_new_absolute(
                                      (int)(s->pitch_em * factor * size * PANGO_SCALE)));
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
  }
}

/* Whether extents w x h in so many lines fit the box (tokens: as fit_once). */
static int fits_extents(const rd_text_spec *s, int tokens, double w, double h, int lines) {
  if (h > s->h + 0.01) return 0;
  if (s->wrap == RD_WRAP_NONE && w > s->w + 0.01) return 0;
  /* wrapped text is wider than its box where a token cannot break
   * (token_breaks): smaller type then, as for a line of code */
  if (tokens && s->wrap != RD_WRAP_NONE && w > s->w + 0.5) return 0;
  if (s->max_lines > 0 && lines > s->max_lines) return 0;
  return 1;
}

/* Measures the layout; returns 1 if it fits the box (tokens: as fit_once). */
static int fits(PangoLayout *l, const rd_text_spec *s, int tokens, double *w, double *h, int *lines) {
  PangoRectangle log;
  pango_layout_get_extents(l, NULL, &log);
  *w = (double)log.width / PANGO_SCALE;
  *h = (double)log.height / PANGO_SCALE;
  *lines = pango_layout_get_line_count(l);
  return fits_extents(s, tokens, *w, *h, *lines);
}

/* What a size probe of the fit's search measures. Pango loads a font set
 * for every new pixel size (fontconfig sorts every installed font for it,
 * on a thread of its own: about 0.8 ms), so the probes lay the text out at
 * the size already loaded (s->size) in a box scaled by the inverse: without
 * hinting and with unrounded glyph positions (new_context) every advance,
 * line height, indent and tab scales linearly, so the text breaks where it
 * would at the probed size and its extents scale back. Only the size chosen
 * is laid out at its own size. A layout with something that does not scale
 * with its font size (an absolute size, rise or letter spacing in its
 * markup or spec, a script's absolute line pitch) probes at each size. */
typedef struct rd_probe {
  PangoLayout *m;   /* a copy of the layout at s->size, or NULL: probe at each size */
} rd_probe;

static gboolean fixed_attr(PangoAttribute *a, gpointer data) {
  int *fixed = data;
  switch (a->klass->type) {
  case PANGO_ATTR_LANGUAGE: case PANGO_ATTR_FAMILY: case PANGO_ATTR_STYLE: case PANGO_ATTR_WEIGHT:
  case PANGO_ATTR_VARIANT: case PANGO_ATTR_STRETCH: case PANGO_ATTR_FOREGROUND: case PANGO_ATTR_BACKGROUND:
  case PANGO_ATTR_UNDERLINE: case PANGO_ATTR_STRIKETHROUGH: case PANGO_ATTR_SCALE: case PANGO_ATTR_FALLBACK:
  case PANGO_ATTR_UNDERLINE_COLOR: case PANGO_ATTR_STRIKETHROUGH_COLOR: case PANGO_ATTR_FOREGROUND_ALPHA:
  case PANGO_ATTR_BACKGROUND_ALPHA: case PANGO_ATTR_ALLOW_BREAKS: case PANGO_ATTR_SHOW:
  case PANGO_ATTR_INSERT_HYPHENS: case PANGO_ATTR_FONT_FEATURES:
    break;
  case PANGO_ATTR_FONT_DESC:
    if (pango_font_description_get_set_fields(((PangoAttrFontDesc *)a)->desc) & PANGO_FONT_MASK_SIZE) *fixed = 1;
    break;
  default:
    *fixed = 1;
  }
  return FALSE;
}

int rd_text_probe_scaled = 1;

static void probe_init(rd_probe *p, PangoLayout *l, const rd_text_spec *s) {
  p->m = NULL;
  if (!rd_text_probe_scaled || s->letter_spacing != 0 || s->pitch_em > 0 || !(s->size > 0)) return;
  int fixed = 0;
  PangoAttrList *attrs = pango_layout_get_attributes(l);
  if (attrs) {
    PangoAttrList *none = pango_attr_list_filter(attrs, fixed_attr, &fixed);
    if (none) pango_attr_list_unref(none);
  }
  if (!fixed) p->m = pango_layout_copy(l);   /* (l is at s->size: build_layout) */
}

static void probe_free(rd_probe *p) {
  if (p->m) g_object_unref(p->m);
  p->m = NULL;
}

/* a box scaled by 1/k whose width in Pango units an int holds (a huge box
 * probed at a tiny size is laid out at that size instead) */
static int probe_width_ok(const rd_text_spec *s, double k) { return s->w / k * PANGO_SCALE < 1e9; }

/* Whether the text fits at this size; the layout l is left at that size
 * only when probed at each size. */
static int probe_fits(rd_probe *p, PangoLayout *l, PangoFontDescription *fd, const rd_text_spec *s, int tokens,
                      double size) {
  double w, h;
  int lines;
  double k = size / s->size;
  if (!p->m || !probe_width_ok(s, k)) {
    set_size(l, fd, size, s);
    return fits(l, s, tokens, &w, &h, &lines);
  }
  if (s->wrap != RD_WRAP_NONE) pango_layout_set_width(p->m, (int)(s->w / k * PANGO_SCALE));
  PangoRectangle log;
  pango_layout_get_extents(p->m, NULL, &log);
  return fits_extents(s, tokens, (double)log.width / PANGO_SCALE * k, (double)log.height / PANGO_SCALE * k,
                      pango_layout_get_line_count(p->m));
}

/* Markup that does not parse is shown as the text it stands for: tags
 * dropped, the five XML entities decoded. Never as markup. */
static char *markup_to_text(const char *m) {
  static const struct { const char *ent, *ch; } ents[] = {
    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}};
  char *out = malloc(strlen(m) + 1), *o = out;
  if (!out) return NULL;
  for (const char *p = m; *p;) {
    if (*p == '<') {
      const char *e = strchr(p, '>');
      if (e) { p = e + 1; continue; }
    } else if (*p == '&') {
      size_t k = 0;
      for (; k < sizeof ents / sizeof ents[0]; k++)
        if (!strncmp(p, ents[k].ent, strlen(ents[k].ent))) break;
      if (k < sizeof ents / sizeof ents[0]) {
        *o++ = ents[k].ch[0];
        p += strlen(ents[k].ent);
        continue;
      }
    }
    *o++ = *p++;
  }
  *o = '\0';
  return out;
}

static gboolean too_big(PangoAttribute *a, gpointer data) {
  (void)data;
  switch (a->klass->type) {
  case PANGO_ATTR_SIZE:
  case PANGO_ATTR_ABSOLUTE_SIZE:
    return ((PangoAttrSize *)a)->size > RD_MAX_FONT * PANGO_SCALE;
  case PANGO_ATTR_SCALE:
    return ((PangoAttrFloat *)a)->value > 10 || !isfinite(((PangoAttrFloat *)a)->value);
  case PANGO_ATTR_FONT_DESC: {
    const PangoFontDescription *d = ((PangoAttrFontDesc *)a)->desc;
    return (pango_font_description_get_set_fields(d) & PANGO_FONT_MASK_SIZE) &&
           pango_font_description_get_size(d) > RD_MAX_FONT * PANGO_SCALE;
  }
  case PANGO_ATTR_RISE:
  case PANGO_ATTR_LETTER_SPACING:
    return abs(((PangoAttrInt *)a)->value) > RD_MAX_FONT * PANGO_SCALE;
  default:
    return FALSE;
  }
}

/* Markup comes from layouts (document text in it is escaped), but a user's
 * layout may still ask for a font a million pixels high: drop such spans. */
static void tame_markup(PangoLayout *l) {
  PangoAttrList *attrs = pango_layout_get_attributes(l);
  if (!attrs) return;
  PangoAttrList *gone = pango_attr_list_filter(attrs, too_big, NULL);
  if (gone) {
    pango_attr_list_unref(gone);
    pango_layout_set_attributes(l, attrs);  /* tell the layout they changed */
  }
}

/* Sets the layout's text; invalid UTF-8 (possible from the Lua API, never
 * from a document: the input adapters refuse it) becomes U+FFFD. Text that
 * is not markup is never parsed as markup, so "<b>", "&amp;" or
 * "<span font=...>" in a title are drawn as written. */
/* Arabic, Persian, Urdu, Hebrew, … are written right to left */
static int rtl_lang(const char *lang) {
  static const char *const rtl[] = { "ar", "fa", "he", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", NULL };
  if (!lang) return 0;
  for (int i = 0; rtl[i]; i++) {
    size_t n = strlen(rtl[i]);
    if (!strncmp(lang, rtl[i], n) && (!lang[n] || lang[n] == '-' || lang[n] == '_')) return 1;
  }
  return 0;
}

/* Whether the first line of a text (up to its first newline) holds a
 * letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko,
 * and their presentation forms). */
static int rtl_letters(const char *text) {
  for (const char *q = text; *q && *q != '\n';) {
    gunichar c = g_utf8_get_char_validated(q, -1);
    if (c == (gunichar)-1 || c == (gunichar)-2) return 0;
    if ((c >= 0x0590 && c < 0x0900) || (c >= 0xFB1D && c < 0xFE00) || (c >= 0xFE70 && c < 0xFF00)) return 1;
    q = g_utf8_next_char(q);
  }
  return 0;
}

/* Whether any line of a text has a right-to-left letter (Hebrew, Arabic). */
static int any_rtl_letters(const char *text) {
  for (const char *q = text; *q;) {
    if (*q == '\n') { q++; continue; }
    if (rtl_letters(q)) return 1;
    while (*q && *q != '\n') q++;
  }
  return 0;
}

/* The characters at a Latin token's end or start that the bidi algorithm
 * would move away from it in a right-to-left paragraph (they are neutral or
 * weak: "http://example.com/dir/" shown as "/http://example.com/dir",
 * "C++" as "++C", "/usr" as "usr/") */
static int bidi_stray(unsigned char c) { return c && strchr("/-+#~\\*=_.@%$&|", c) != NULL; }
static int ascii_letter(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* A copy of a text with right-to-left letters in which each Latin token (a
 * path, a URL, an option, "C++") that starts or ends with such a character,
 * once its brackets, quotes and a sentence's punctuation are set aside, is
 * held together by a LEFT-TO-RIGHT MARK (invisible) on that side; NULL when
 * nothing is marked. Markup tags are copied as they are (an entity is never
 * split: ';' and '&' never end a token's core). */
static char *ltr_tokens_marked(const char *text, int markup) {
  size_t n = strlen(text);
  char *out = NULL;
  size_t o = 0;
  int changed = 0;
  for (size_t i = 0; i <= n;) {
    if (!out && !(out = malloc(4 * n + 8))) return NULL;
    unsigned char c = (unsigned char)text[i];
    if (!c) { out[o] = 0; break; }
    if (markup && c == '<') {   /* a tag: copied through its '>' */
      while (text[i] && text[i] != '>') out[o++] = text[i++];
      if (text[i]) out[o++] = text[i++];
      continue;
    }
    if (c <= ' ' || c >= 0x7F) { out[o++] = text[i++]; continue; }
    size_t b = i, e = i;   /* a token: a run of printable ASCII */
    int letters = 0;
    while (text[e] && (unsigned char)text[e] > ' ' && (unsigned char)text[e] < 0x7F && !(markup && text[e] == '<'))
      letters |= ascii_letter((unsigned char)text[e]), e++;
    size_t cb = b, ce = e;   /* its core: without openers, closers, punctuation */
    while (cb < ce && strchr("([{\"'", text[cb])) cb++;
    while (ce > cb && strchr(".,;:!?)]}\"'", text[ce - 1])) ce--;
    int before = letters && ce > cb && bidi_stray((unsigned char)text[cb]) && text[cb] != '&';
    int after = letters && ce > cb && bidi_stray((unsigned char)text[ce - 1]) && text[ce - 1] != '&';
    memcpy(out + o, text + b, cb - b), o += cb - b;
    if (before) memcpy(out + o, "\xE2\x80\x8E", 3), o += 3;
    memcpy(out + o, text + cb, ce - cb), o += ce - cb;
    if (after) memcpy(out + o, "\xE2\x80\x8E", 3), o += 3;
    memcpy(out + o, text + ce, e - ce), o += e - ce;
    changed |= before || after;
    i = e;
  }
  if (!changed) { free(out); return NULL; }
  return out;
}

/* Whether a text is longer than a box lays out (RD_MAX_TEXT). */
static int text_too_long(const rd_text_spec *s) { return strnlen(s->text, RD_MAX_TEXT + 1) > RD_MAX_TEXT; }

/* The length of a control character at t to drop (vg_control_char_at's
 * list less tab, newline, carriage return and the bidi controls, which
 * Pango lays out), or 0. */
static size_t dropped_at(const char *t) {
  int bidi = 0;
  size_t k = vg_control_char_at(t, &bidi);
  return bidi || *t == '\t' || *t == '\n' || *t == '\r' ? 0 : k;
}

/* Control characters are no text (the readers take them out of documents,
 * vgi_clean_text); in a display list from Lua they are dropped here, since
 * some make Pango 1.50 abort the process (a line tab or NEXT LINE between
 * replacement characters and Hangul fails an assertion in process_line).
 * Tab, newline and carriage return stay. A copy without them, or NULL when
 * the text has none. */
static char *without_controls(const char *text) {
  size_t i = 0;
  while (text[i] && !dropped_at(text + i)) i++;
  if (!text[i]) return NULL;
  char *out = malloc(strlen(text) + 1);
  if (!out) return NULL;
  memcpy(out, text, i);   /* the text before the first one, as it is */
  size_t o = i;
  while (text[i]) {
    size_t k = dropped_at(text + i);
    if (k) i += k;
    else out[o++] = text[i++];
  }
  out[o] = 0;
  return out;
}

/* Khmer, Lao and Burmese are written without spaces between words, and
 * Pango finds words only in Thai (libthai): a run of them gave it no break
 * until the box forced one (PANGO_WRAP_WORD_CHAR), inside a word. ICU's word
 * break iterator carries dictionaries for the three; a ZERO WIDTH SPACE
 * (U+200B, invisible, a break opportunity to UAX #14) is put before each
 * word it finds, in the laid out text only (every index the renderer uses
 * is taken from that text). Thai keeps libthai's breaks. */

/* The length of a letter of those scripts at p (Lao U+0E80..U+0EFF, Burmese
 * U+1000..U+109F, Khmer U+1780..U+17FF), or 0. */
static size_t spaceless_at(const char *p) {
  const unsigned char *u = (const unsigned char *)p;
  if (u[0] == 0xE0 && (u[1] == 0xBA || u[1] == 0xBB) && u[2] >= 0x80 && u[2] <= 0xBF) return 3;
  if (u[0] == 0xE1 && ((u[1] >= 0x80 && u[1] <= 0x82) || u[1] == 0x9E || u[1] == 0x9F) && u[2] >= 0x80 &&
      u[2] <= 0xBF)
    return 3;
  return 0;
}

/* ICU is asked about a run of at most this many bytes at once (a longer
 * one is asked about in pieces: a word may break at a piece's end) */
enum { WORD_RUN_MAX = 3072 };

/* Copies the run s[0..n) to out with a ZERO WIDTH SPACE before each of its
 * words but the first (not before a sign or a mark of punctuation, "។",
 * which stays with the word before it). -> the bytes written; the run as
 * it is when ICU cannot be used. */
static size_t spaced_run(const char *s, size_t n, char *out) {
  UChar u[WORD_RUN_MAX];
  int32_t ul = 0;
  UErrorCode e = U_ZERO_ERROR;
  u_strFromUTF8(u, WORD_RUN_MAX, &ul, s, (int32_t)n, &e);
  UBreakIterator *b = U_FAILURE(e) ? NULL : ubrk_open(UBRK_WORD, "", u, ul, &e);
  if (!b || U_FAILURE(e)) {
    if (b) ubrk_close(b);
    memcpy(out, s, n);
    return n;
  }
  size_t o = 0, byte = 0;   /* byte: the UTF-8 offset of UTF-16 unit at (all 3-byte letters) */
  int32_t at = 0;
  for (int32_t q = ubrk_next(b); q != UBRK_DONE; q = ubrk_next(b)) {
    if (at > 0 && ubrk_getRuleStatus(b) != UBRK_WORD_NONE) memcpy(out + o, "\xE2\x80\x8B", 3), o += 3;
    size_t len = (size_t)(q - at) * 3;
    memcpy(out + o, s + byte, len), o += len, byte += len;
    at = q;
  }
  ubrk_close(b);
  return o;
}

/* A copy of text with those word breaks, or NULL when it has no run of two
 * words or more. In markup, the inside of a tag is left alone. */
static char *words_spaced(const char *text, int markup) {
  size_t i = 0;
  while (text[i] && !spaceless_at(text + i)) i++;
  if (!text[i]) return NULL;
  size_t n = strlen(text);
  /* (at most one break per letter: 3 bytes each) */
  char *out = malloc(2 * n + 1);
  if (!out) return NULL;
  memcpy(out, text, i);
  size_t o = i;
  int tag = 0;
  for (size_t k = 0; k < i; k++) tag = markup && (text[k] == '<' || (tag && text[k] != '>'));
  while (text[i]) {
    size_t r = i;
    if (!tag)
      while (r - i + 3 <= WORD_RUN_MAX && spaceless_at(text + r)) r += 3;
    if (r > i) {
      o += spaced_run(text + i, r - i, out + o);
      i = r;
      continue;
    }
    if (markup) tag = text[i] == '<' || (tag && text[i] != '>');
    out[o++] = text[i++];
  }
  out[o] = 0;
  if (o == n) { free(out); return NULL; }
  return out;
}

static void set_layout_text(PangoLayout *l, const rd_text_spec *s) {
  const char *text = s->text;
  char *valid = NULL, *plain = NULL, *marked = NULL, *head = NULL;
  if (text_too_long(s)) {
    /* the first RD_MAX_TEXT bytes, ended at a character's start (markup cut
     * inside a tag is shown as its text, below) */
    size_t n = RD_MAX_TEXT;
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
    if ((head = malloc(n + 4))) {
      memcpy(head, text, n);
      memcpy(head + n, "\xE2\x80\xA6", 4);   /* "…" and the NUL */
      text = head;
    }
  }
  if (!g_utf8_validate(text, -1, NULL)) text = valid = g_utf8_make_valid(text, -1);
  char *shown = without_controls(text);
  if (shown) text = shown;
  char *spaced = s->code ? NULL : words_spaced(text, s->markup);
  if (spaced) text = spaced;
  int visual = 0;
  if (!s->code && rtl_lang(s->lang) && *text) {
    /* a paragraph's direction is that of its first strong letter: an Arabic
     * sentence that opens with "MS-DOS" would be laid out left to right.
     * A RIGHT-TO-LEFT MARK (invisible) first makes it the language's. */
    size_t n = strlen(text);
    /* ... unless the text opens a bracket first and leaves brackets open:
     * it was typed in visual order for a left-to-right page (GitHub's
     * Arabic READMEs, "(بالنسخة (١.٢٥) و (٢.٠ MS-DOS …"), and reads as its
     * author saw it only laid out left to right (a LEFT-TO-RIGHT MARK) */
    int opens = 0, closes = 0;
    for (const char *q = text; *q; q++) opens += *q == '(', closes += *q == ')';
    visual = text[0] == '(' && opens > closes;
    /* ... and a line with no right-to-left letter at all ("-a, --all",
     * an option's name over its Arabic description) keeps its own order
     * after the RLM: a LEFT-TO-RIGHT MARK next, or its leading "-" is
     * moved to its end ("a, --all-").
     * Every line is a paragraph of its own to Pango, which gives each the
     * direction of its first strong letter: each gets its marks (a caption's
     * second line "JS مباشر، …" was laid out left to right, "JS" at its left
     * end, under a first line set right to left) */
    size_t lines = 1;
    for (const char *q = text; *q; q++) lines += *q == '\n';
    marked = malloc(n + 6 * lines + 1);
    if (marked) {
      size_t at = 0;
      for (const char *q = text;;) {
        memcpy(marked + at, visual ? "\xE2\x80\x8E" : "\xE2\x80\x8F", 3), at += 3;
        if (!visual && !rtl_letters(q)) memcpy(marked + at, "\xE2\x80\x8E", 3), at += 3;
        const char *e = strchr(q, '\n');
        size_t len = e ? (size_t)(e - q) + 1 : strlen(q);
        memcpy(marked + at, q, len), at += len;
        if (!e) break;
        q = e + 1;
      }
      marked[at] = '\0';
      text = marked;
    }
  }
  /* in a text with right-to-left letters, a path or URL keeps its slashes
   * (not for a text typed in visual order, laid out left to right above) */
  char *tokens = NULL;
  if (!s->code && !visual && any_rtl_letters(text) &&
      (tokens = ltr_tokens_marked(text, s->markup)))
    text = tokens;
  if (s->markup) {
    GError *gerr = NULL;
    if (pango_parse_markup(text, -1, 0, NULL, NULL, NULL, &gerr)) {
      pango_layout_set_markup(l, text, -1);
      tame_markup(l);
    } else {
      /* A layout forgot to escape (or cut inside a tag): show the text. */
      g_error_free(gerr);
      plain = markup_to_text(text);
      pango_layout_set_text(l, plain ? plain : "", -1);
    }
  } else {
    pango_layout_set_text(l, text, -1);
  }
  g_free(valid);
  free(shown);
  free(spaced);
  free(plain);
  free(marked);
  free(tokens);
  free(head);
}

/* The text's language: Pango picks fonts (Han glyphs differ between zh, ja
 * and ko) and shapes by it. Korean puts spaces between words, and a line may
 * break only there: UAX #14 allows a break between any two Hangul
 * syllables, so every run of Hangul (with what is attached to it) is marked
 * unbreakable; a word wider than the box makes the fitting shrink the font
 * instead of splitting the word. */
static void lang_attrs(const char *txt, const char *lang, PangoAttrList *attrs, int *spans) {
  if (lang) {
    PangoAttribute *a = pango_attr_language_new(pango_language_from_string(lang));
    pango_attr_list_insert_before(attrs, a);   /* the whole text; later spans win */
  }
  size_t start = 0, i = 0, n = strlen(txt);
  int hangul = 0;
  while (i <= n) {
    unsigned char c = (unsigned char)txt[i];
    int space = i == n || c == ' ' || c == '\n' || c == '\t';
    if (space) {
      if (hangul && i > start && *spans > 0) {
        (*spans)--;
        PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
        a->start_index = (guint)start;
        a->end_index = (guint)i;
        pango_attr_list_insert(attrs, a);
      }
      hangul = 0;
      start = i + 1;
      i++;
      continue;
    }
    /* U+AC00..U+D7AF (Hangul syllables) and U+1100..U+11FF, U+3130..U+318F (jamo) */
    if (c == 0xEA && i + 1 < n && (unsigned char)txt[i + 1] >= 0xB0) hangul = 1;
    else if (c >= 0xEB && c <= 0xEC) hangul = 1;
    else if (c == 0xED && i + 1 < n && (unsigned char)txt[i + 1] <= 0x9E) hangul = 1;
    else if (c == 0xE1 && i + 1 < n && ((unsigned char)txt[i + 1] == 0x84 || (unsigned char)txt[i + 1] == 0x85 ||
                                          (unsigned char)txt[i + 1] == 0x86 || (unsigned char)txt[i + 1] == 0x87))
      hangul = 1;
    else if (c == 0xE3 && i + 1 < n && ((unsigned char)txt[i + 1] == 0x84 || (unsigned char)txt[i + 1] == 0x85 ||
                                          (unsigned char)txt[i + 1] == 0x86) )
      hangul = hangul || ((unsigned char)txt[i + 1] == 0x84 && (unsigned char)txt[i + 2] >= 0xB0) ||
               (unsigned char)txt[i + 1] == 0x85 ||
               ((unsigned char)txt[i + 1] == 0x86 && (unsigned char)txt[i + 2] <= 0x8F);
    i++;
  }
}

/* ---- where a long token may break ----------------------------------------- */

static int tok_char(unsigned char c) { return c > 0x20 && c < 0x7f; }
/* the bytes of a token's character at txt[i] (of n): printable ASCII, or a
 * WORD JOINER (U+2060: a table cell's "UTF-8" keeps its hyphen so), else 0 */
static size_t tok_step(const char *txt, size_t i, size_t n) {
  if (tok_char((unsigned char)txt[i])) return 1;
  if (i + 2 < n && (unsigned char)txt[i] == 0xE2 && (unsigned char)txt[i + 1] == 0x81 &&
      (unsigned char)txt[i + 2] == 0xA0) return 3;
  return 0;
}
static int tok_sep(unsigned char c) { return c == ':' || c == '/' || c == '.' || c == '-' || c == '_'; }
static int tok_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* A URL in txt[s, e): the end of its "scheme://host" (the index of the "/"
 * that starts its path, or where the URL ends), or s when there is none.
 * *from: where its scheme starts; *to: where it ends (a quote, a bracket
 * or the token's end). */
static size_t url_host_end(const char *txt, size_t s, size_t e, size_t *from, size_t *to) {
  for (size_t k = s + 1; k + 2 < e; k++) {
    if (txt[k] != ':' || txt[k + 1] != '/' || txt[k + 2] != '/') continue;
    size_t a = k;   /* the scheme: letters (and + - .) right before "://" */
    while (a > s && (tok_alnum((unsigned char)txt[a - 1]) || txt[a - 1] == '+' || txt[a - 1] == '-' ||
                     txt[a - 1] == '.')) a--;
    if (a == k || !((txt[a] | 32) >= 'a' && (txt[a] | 32) <= 'z')) continue;
    size_t z = k + 3;
    while (z < e && !strchr("\"'`<>()[]{}", txt[z])) z++;
    size_t h = k + 3;
    while (h < z && txt[h] != '/') h++;
    if (from) *from = a;
    if (to) *to = z;
    return h;
  }
  return s;
}

static void no_breaks(PangoAttrList *attrs, size_t from, size_t to) {
  if (to - from < 2) return;   /* (no position strictly inside) */
  PangoAttribute *nb = pango_attr_allow_breaks_new(FALSE);
  nb->start_index = (guint)from;
  nb->end_index = (guint)to;
  pango_attr_list_insert(attrs, nb);
}

/* A symbol after a token's first character that UAX #14 lets a line break
 * around ("C++11" broke as "C+" / "+11", "g++" as "g+" / "+"): such a
 * token, with no separator to break after, is one piece. */
static int sym_inside(const char *txt, size_t s, size_t e) {
  for (size_t p = s + 1; p < e; p++)
    if (strchr("+#%$&*=~^|<>@", txt[p])) return 1;
  return 0;
}

/* +1 for an opening bracket, -1 for a closing one */
static int bracket_step(char c) { return c == '[' || c == '{' || c == '(' ? 1 : c == ']' || c == '}' || c == ')' ? -1 : 0; }

/* Long tokens (an IPv6 address, a path, a URL, an identifier: a run of
 * ASCII with ":" "/" "." "-" "_" between its letters or digits) break,
 * when a line cannot hold them, only right after such a separator, with no
 * hyphen added: never after a leading "/" or "--", never inside a URL's
 * "scheme://host", and in its path only after a "/". A piece that still
 * does not fit makes the text smaller (fits() checks the width). Tokens
 * that only start with separators ("--fast", "/usr") do not break; tokens
 * without such a separator, and all other text, break as Pango breaks them.
 * For the token txt[s, e) (a run of tok_char) calls cut(s, p, ud) at each
 * place p strictly inside it where it may break, in order; returns 0 (no
 * call) for a token left to Pango. */
static int token_cuts(const char *txt, size_t s, size_t e, void (*cut)(size_t, size_t, void *), void *ud) {
  size_t host = url_host_end(txt, s, e, NULL, NULL);
  int url = host > s;
  size_t lead = s;   /* past leading separators ("--fast", "/usr", "::1") */
  while (lead < e && tok_sep((unsigned char)txt[lead])) lead++;
  int inner = 0;
  for (size_t p = lead + 1; p < e; p++)
    if (tok_sep((unsigned char)txt[p - 1]) && tok_alnum((unsigned char)txt[p])) inner = 1;
  /* "--fast", "/usr": one piece, never "--" at a line's end */
  if (!url && !inner) return (lead > s && lead < e) || sym_inside(txt, lead, e);
  /* an option ("--hole-detection=METHOD", "-g"): a line ending in "--hole-"
   * reads as a hyphenated word, and an option is typed whole: it breaks only
   * after its "=" (else it is one piece, set smaller where it must be) */
  if (!url && lead > s && txt[s] == '-') {
    for (size_t p = lead + 1; p < e; p++)
      if (txt[p - 1] == '=' && tok_alnum((unsigned char)txt[p])) cut(s, p, ud);
    return 1;
  }
  /* a path ("/path/to/nodejs-keyring.kbx", "src/vg_render.c") breaks only
   * after its "/", as a URL's path: a line ending in "nodejs-" reads as a
   * hyphenated word, which the file name is not */
  int path = 0;
  for (size_t p = lead + 1; p + 1 < e && !url; p++)
    if (txt[p] == '/' && tok_alnum((unsigned char)txt[p + 1]) && tok_alnum((unsigned char)txt[p - 1])) path = 1;
  /* never inside brackets ("[A-Z]\w+", "{a-b}", "f(x-1)"): a regex's
   * class or a glob cut at its "-" read as a range split in two */
  int depth = 0;
  for (size_t p = s; p < lead + 1 && p < e; p++) depth += bracket_step(txt[p]);
  for (size_t p = lead + 1; p < e; p++) {
    int ok;
    int inside = depth > 0;
    depth += bracket_step(txt[p]);
    if (depth < 0) depth = 0;
    if (inside && !url) ok = 0;
    else if (url) ok = p > host && txt[p - 1] == '/' && txt[p] != '/';
    else if (path) ok = txt[p - 1] == '/' && tok_alnum((unsigned char)txt[p]);
    else ok = tok_sep((unsigned char)txt[p - 1]) && tok_alnum((unsigned char)txt[p]);
    /* (never a piece of one or two characters at either end: "UTF-" / "8"
     * read as a word hyphenated, "x." / "y" as a sentence's end) */
    if (ok && !url && (p - s < 3 || e - p < 3)) ok = 0;
    if (ok) cut(s, p, ud);
  }
  return 1;
}

/* token_cuts for every token of txt[0, n) (the runs of tok_char); then
 * token(s, e, ud) for each token the rule breaks. */
static void each_token_cut(const char *txt, size_t n, void (*cut)(size_t, size_t, void *), void *ud,
                           void (*token)(size_t, size_t, void *)) {
  size_t i = 0;
  while (i < n) {
    if (!tok_char((unsigned char)txt[i])) { i++; continue; }
    size_t s = i, k;
    while (i < n && (k = tok_step(txt, i, n)) > 0) i += k;
    if (token_cuts(txt, s, i, cut, ud) && token) token(s, i, ud);
  }
}

/* token_breaks' state: the attribute list, the token being cut and where
 * its current piece starts */
typedef struct { PangoAttrList *attrs; size_t tok, from; int *spans; } tok_attrs;

/* no break strictly inside a piece: [from, p) for consecutive cuts p */
static void attr_cut(size_t s, size_t p, void *ud) {
  tok_attrs *t = ud;
  if (t->tok != s) t->tok = t->from = s;
  if (*t->spans <= 0) return;
  (*t->spans)--;
  no_breaks(t->attrs, t->from, p);
  t->from = p;
}

/* after a token's cuts: its last piece, and no hyphen anywhere in it */
static void attr_token(size_t s, size_t e, void *ud) {
  tok_attrs *t = ud;
  if (t->tok != s) t->tok = t->from = s;
  t->tok = SIZE_MAX;
  if (*t->spans <= 1) { *t->spans = 0; return; }
  *t->spans -= 2;
  no_breaks(t->attrs, t->from, e);
  PangoAttribute *nh = pango_attr_insert_hyphens_new(FALSE);
  nh->start_index = (guint)s;
  nh->end_index = (guint)e;
  pango_attr_list_insert(t->attrs, nh);
}

static void token_breaks(const char *txt, PangoAttrList *attrs, int *spans) {
  tok_attrs t = {attrs, SIZE_MAX, 0, spans};
  each_token_cut(txt, strlen(txt), attr_cut, &t, attr_token);
}

typedef struct { size_t *at, max, n; } cut_list;

static void list_cut(size_t s, size_t p, void *ud) {
  cut_list *c = ud;
  (void)s;
  if (c->n < c->max) c->at[c->n] = p;
  c->n++;
}

size_t vg_render_token_breaks(const char *text, size_t len, size_t *at, size_t max) {
  cut_list c = {at, max, 0};
  each_token_cut(text, len, list_cut, &c, NULL);
  return c.n;
}

/* Code: a URL never breaks inside its "scheme://host" (nor right after
 * "https://"); strict: its path only right after a "/" (else where code
 * may break, after punctuation). */
static void url_code_breaks(const char *txt, PangoAttrList *attrs, int strict) {
  size_t i = 0, n = strlen(txt);
  while (i < n) {
    if (!tok_char((unsigned char)txt[i])) { i++; continue; }
    size_t s = i;
    while (i < n && tok_char((unsigned char)txt[i])) i++;
    size_t a, z, host = url_host_end(txt, s, i, &a, &z);
    if (host == s) continue;
    if (host >= z) { no_breaks(attrs, a, z); continue; }   /* no path: one piece */
    no_breaks(attrs, a, host + 1);   /* a break after the path's first "/" stays */
    if (!strict) continue;
    size_t from = host + 1;
    for (size_t p = host + 2; p <= z; p++) {
      if (p < z && txt[p - 1] != '/') continue;
      no_breaks(attrs, from, p);
      from = p;
    }
  }
}

/* 1 when the first strong letter of p[0, n) is right to left (a
 * RIGHT-TO-LEFT MARK counts) */
static int first_strong_rtl(const char *p, size_t n) {
  for (const char *q = p; q < p + n && *q; q = g_utf8_next_char(q)) {
    gunichar c = g_utf8_get_char_validated(q, (gssize)(p + n - q));
    if (c == (gunichar)-1 || c == (gunichar)-2) return 0;
    if (c == 0x200F || (c >= 0x0590 && c < 0x0900) || (c >= 0xFB1D && c < 0xFE00) || (c >= 0xFE70 && c < 0xFF00))
      return 1;
    if (c == 0x200E || g_unichar_isalpha(c)) return 0;
  }
  return 0;
}

/* Arabic, Persian and Hebrew are not hyphenated: a word too long for its
 * line breaks with no hyphen in a paragraph set right to left. Pango put
 * one at the logical end of a Latin word's piece ("sourcemapconfigurationg-"
 * over "enerator…" in an Arabic bullet), which is the right-hand end, where
 * a right-to-left line starts. Each paragraph (line of text) whose first
 * strong letter is right to left (a RIGHT-TO-LEFT MARK, which
 * set_layout_text puts first, counts) gets no hyphens. */
static void rtl_no_hyphens(const char *txt, PangoAttrList *attrs) {
  for (const char *p = txt; *p;) {
    size_t n = strcspn(p, "\n");
    if (first_strong_rtl(p, n)) {
      PangoAttribute *nh = pango_attr_insert_hyphens_new(FALSE);
      nh->start_index = (guint)(p - txt);
      nh->end_index = (guint)(p - txt + n);
      pango_attr_list_insert(attrs, nh);
    }
    p += n;
    if (*p) p++;
  }
}

static PangoLayout *build_layout(rd_thread *t, const rd_text_spec *s, PangoFontDescription *fd, int tokens) {
  /* Code is laid out left to right, as an editor or a terminal shows it:
   * a line whose first letter is Arabic or Hebrew (a comment, "# تثبيت Go")
   * keeps its "#" at the left, its comment read right to left within it,
   * and its continuation lines hang at the left under the mark. By its
   * first letter such a line had been set right to left, flush right,
   * among the block's left-aligned lines. Prose takes each paragraph's
   * direction from its first strong letter. */
  PangoLayout *l = pango_layout_new(s->code ? t->code_context : t->context);
  pango_layout_set_auto_dir(l, !s->code);
  set_layout_text(l, s);
  PangoAttrList *attrs = pango_layout_get_attributes(l);
  attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
  if (s->code) {
    const char *txt = pango_layout_get_text(l);
    rd_syntax_highlight(txt, strlen(txt), s->language, &s->pal, attrs);
    rd_boxdraw_hide(txt, attrs);
  } else {
    int spans = RD_MAX_BREAK_SPANS;
    lang_attrs(pango_layout_get_text(l), s->lang, attrs, &spans);
    if (tokens) token_breaks(pango_layout_get_text(l), attrs, &spans);
    rtl_no_hyphens(pango_layout_get_text(l), attrs);
  }
  if (s->letter_spacing != 0)
    pango_attr_list_insert(attrs, pango_attr_letter_spacing_new((int)(s->letter_spacing * PANGO_SCALE)));
  pango_layout_set_attributes(l, attrs);
  pango_attr_list_unref(attrs);
  pango_layout_set_alignment(l, s->align == RD_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                : s->align == RD_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                                             : PANGO_ALIGN_LEFT);
  /* (a Pango line spacing would multiply the tall face's own line height
   * and undo an absolute one: set_size spaces a tall script's lines) */
  if (s->line_height > 0 && s->pitch_em <= 0) pango_layout_set_line_spacing(l, (float)s->line_height);
  if (s->wrap != RD_WRAP_NONE) {
    pango_layout_set_width(l, (int)(s->w * PANGO_SCALE));
    pango_layout_set_wrap(l, s->wrap == RD_WRAP_CHAR ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
  }
  set_size(l, fd, s->size, s);
  return l;
}

/* Code wrapped at token boundaries: a hanging indent (continuation lines
 * start under a mark), no hyphens, and a line may break only where UAX #14
 * allows between words (spaces, after punctuation), never inside a token.
 * Finds the largest size from s->size down to min_size at which it fits;
 * returns 1 if some size fits (the layout is left there), else 0 with the
 * layout wrapped at min_size. */
/* a character of a word in code: a letter, a digit, "_", any non-ASCII */
static int code_word(unsigned char c) {
  return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* inside: a break inside a token is taken (a token longer than the line);
 * k: the layout is laid out k times smaller than it is measured (rd_probe) */
static int wrapped_fits_k(PangoLayout *l, const rd_text_spec *s, double *w, double *h, int *lines, int inside,
                          double k) {
  PangoRectangle log;
  pango_layout_get_extents(l, NULL, &log);
  *w = (double)log.width / PANGO_SCALE * k;
  *h = (double)log.height / PANGO_SCALE * k;
  *lines = pango_layout_get_line_count(l);
  if (*h > s->h + 0.01 || *w > s->w + 0.01) return 0;
  if (inside) return 1;
  /* a token longer than the line: Pango breaks it anyway, we refuse */
  PangoLayoutIter *it = pango_layout_get_iter(l);
  const char *txt = pango_layout_get_text(l);
  int ok = 1;
  do {
    PangoLayoutLine *ln = pango_layout_iter_get_line_readonly(it);
    if (!ln->is_paragraph_start && ln->start_index > 0) {
      unsigned char a = (unsigned char)txt[ln->start_index - 1];
      unsigned char b = (unsigned char)txt[ln->start_index];
      int word_a = a >= 0x80 || a == '_' || (a >= '0' && a <= '9') || ((a | 32) >= 'a' && (a | 32) <= 'z');
      int word_b = b >= 0x80 || b == '_' || (b >= '0' && b <= '9') || ((b | 32) >= 'a' && (b | 32) <= 'z');
      if (word_a && word_b) { ok = 0; break; }
      /* nor after a hyphen inside a name ("libxml2-" / "xxx-build" read as
       * a name that ends in "-"): the line breaks at the space before it */
      if (a == '-' && word_b && ln->start_index >= 2 && code_word((unsigned char)txt[ln->start_index - 2])) {
        ok = 0;
        break;
      }
    }
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return ok;
}

static int wrapped_fits(PangoLayout *l, const rd_text_spec *s, double *w, double *h, int *lines, int inside) {
  return wrapped_fits_k(l, s, w, h, lines, inside, 1);
}

/* inside: a word longer than the line breaks inside (Pango's WORD_CHAR) */
static void code_wrap_at(PangoLayout *l, PangoFontDescription *fd, const rd_text_spec *s, double size, int inside) {
  set_size(l, fd, size, s);   /* code: no hanging indent nor script pitch here */
  double indent = size * 1.3;   /* the mark and a space, in a monospaced face */
  pango_layout_set_width(l, (int)(s->w * PANGO_SCALE));
  pango_layout_set_wrap(l, inside ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  pango_layout_set_indent(l, -(int)(indent * PANGO_SCALE));
}

/* A monospaced face's advance in ems (DejaVu Sans Mono: 0.602), and the
 * size below which code is not read at a glance */
#define RD_MONO_ADVANCE 0.6
#define RD_CODE_SMALL 20.0

/* The longest run of characters without a space or a line break. */
static size_t longest_token(const char *txt) {
  size_t best = 0, run = 0;
  for (const unsigned char *q = (const unsigned char *)txt; *q; q++) {
    if (*q == ' ' || *q == '\t' || *q == '\n') run = 0;
    else if ((*q & 0xC0) != 0x80 && ++run > best) best = run;   /* a character's first byte */
  }
  return best;
}

/* Whether the code fits wrapped at this size (as code_wrap_at, then
 * wrapped_fits): through the probe's copy at s->size when it has one. */
static int wrapped_probe(rd_probe *p, PangoLayout *l, PangoFontDescription *fd, const rd_text_spec *s, double *w,
                         double *h, int *lines, int inside, double size) {
  double k = size / s->size;
  if (!p->m || !probe_width_ok(s, k)) {
    code_wrap_at(l, fd, s, size, inside);
    return wrapped_fits(l, s, w, h, lines, inside);
  }
  pango_layout_set_width(p->m, (int)(s->w / k * PANGO_SCALE));
  return wrapped_fits_k(p->m, s, w, h, lines, inside, k);
}

/* The largest size from s->size down to min_size at which the code fits
 * wrapped (inside: as code_wrap_at); 1 if one does (the layout left there). */
static int wrap_search(PangoLayout *l, PangoFontDescription *fd, const rd_text_spec *s, rd_fitted *f,
                       double *w, double *h, int *lines, int inside) {
  code_wrap_at(l, fd, s, s->size, inside);
  if (wrapped_fits(l, s, w, h, lines, inside)) {
    f->final_size = s->size;
    f->shrunk = 0;
    return 1;
  }
  /* the sizes tried, as fit_once's: laid out at s->size in a box scaled
   * by the inverse (rd_probe), where nothing in the layout keeps its size */
  rd_probe probe;
  probe_init(&probe, l, s);
  if (!wrapped_probe(&probe, l, fd, s, w, h, lines, inside, s->min_size)) {
    probe_free(&probe);
    code_wrap_at(l, fd, s, s->min_size, inside);
    wrapped_fits(l, s, w, h, lines, inside);
    return 0;
  }
  double lo = s->min_size, hi = s->size;
  for (int i = 0; i < 7 && hi - lo > 0.25; i++) {
    double mid = (lo + hi) / 2;
    if (wrapped_probe(&probe, l, fd, s, w, h, lines, inside, mid)) lo = mid; else hi = mid;
  }
  probe_free(&probe);
  code_wrap_at(l, fd, s, lo, inside);
  wrapped_fits(l, s, w, h, lines, inside);
  f->final_size = lo;
  f->shrunk = lo < s->size;
  return 1;
}

/* The share of the size asked for that code is set down to, at most, to
 * keep its tokens whole before a token breaks at its separators. */
#define RD_WHOLE_SHRINK 0.85

/* A ZERO WIDTH SPACE (U+200B, invisible; a NUL-terminated txt) at txt+i */
static int is_zwsp(const char *txt, size_t i) {
  return (unsigned char)txt[i] == 0xE2 && (unsigned char)txt[i + 1] == 0x80 && (unsigned char)txt[i + 2] == 0x8B;
}

/* Each run of code between spaces that fits a continuation line at the
 * smallest size tried (a monospaced advance, under the hanging mark) kept in one piece: the
 * line breaks at the space before it ("settings/" / "default.toml" read as
 * two names). A longer run keeps the breaks UAX #14 and the passes below
 * allow. Returns how many runs were kept whole. */
static int whole_runs(const char *txt, PangoAttrList *attrs, const rd_text_spec *s) {
  double room = s->w - s->min_size * 1.3;
  int kept = 0;
  size_t i = 0, n = strlen(txt);
  while (i < n) {
    if (txt[i] == ' ' || txt[i] == '\t' || txt[i] == '\n') { i++; continue; }
    if (i + 2 < n && is_zwsp(txt, i)) { i += 3; continue; }
    size_t a = i, chars = 0;
    for (; i < n && txt[i] != ' ' && txt[i] != '\t' && txt[i] != '\n' && !(i + 2 < n && is_zwsp(txt, i)); i++)
      if (((unsigned char)txt[i] & 0xC0) != 0x80) chars++;
    if (chars > 1 && (double)chars * RD_MONO_ADVANCE * s->min_size <= room) {
      /* (Pango takes the range's end as a position inside it: up to the
       * run's last character. UAX #14 never breaks before a "/" or a ".",
       * even after a space: a run that opens so, as "/etc/x", cannot start
       * a line, and this pass fails where it would have to) */
      PangoAttribute *nb = pango_attr_allow_breaks_new(FALSE);
      nb->start_index = (guint)a;
      nb->end_index = (guint)(i - 1);
      pango_attr_list_insert(attrs, nb);
      kept++;
    }
  }
  return kept;
}

/* How many of the layout's wrapped lines start inside a run of code
 * between spaces (a path or a URL broken after a "/"). */
static int runs_broken(PangoLayout *l) {
  const char *txt = pango_layout_get_text(l);
  size_t len = strlen(txt);
  int n = 0;
  PangoLayoutIter *it = pango_layout_get_iter(l);
  do {
    PangoLayoutLine *ln = pango_layout_iter_get_line_readonly(it);
    if (!ln->is_paragraph_start && ln->start_index > 0 && (size_t)ln->start_index <= len) {
      char a = txt[ln->start_index - 1];
      if (a != ' ' && a != '\t' && a != '\n') n++;
    }
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return n;
}

static int code_wrap_fit_runs(PangoLayout *l, PangoFontDescription *fd, const rd_text_spec *s, rd_fitted *f,
                              double *w, double *h, int *lines);

static int code_wrap_fit(PangoLayout *l, PangoFontDescription *fd, const rd_text_spec *s, rd_fitted *f,
                         double *w, double *h, int *lines) {
  int ok = code_wrap_fit_runs(l, fd, s, f, w, h, lines);
  f->broken = runs_broken(l);
  return ok;
}

/* Code may wrap at every space between tokens. UAX #14 forbids a break at
 * some (after an opening bracket, before a closing one, around a quote:
 * "{{ user.url }}", "[ "$x" -eq 4 ]", "( a, b )"), which held a line such as
 * Jinja's `<li><a href="{{ user.url }}">{{ user.username }}</a></li>` in
 * one piece, so the whole block shrank to a size nobody reads in a tall
 * frame. A ZERO WIDTH SPACE before each space that follows a token (never
 * in a line's indent) allows the break there (UAX #14's "ZW SP* ÷" comes
 * before those rules); the layout's attributes (the syntax colours) move
 * with the text. Nothing changes on screen: U+200B has no width, and the
 * layout keeps the text as it was (RD_CODE_TEXT). */
static void code_space_breaks(PangoLayout *l) {
  const char *txt = pango_layout_get_text(l);
  size_t n = strlen(txt), add = 0;
  for (size_t i = 1; i < n; i++)
    if (txt[i] == ' ' && txt[i - 1] != ' ' && txt[i - 1] != '\t' && txt[i - 1] != '\n' && !(i >= 3 && is_zwsp(txt, i - 3)))
      add++;
  if (!add) return;
  char *out = g_malloc(n + 3 * add + 1);
  PangoAttrList *attrs = pango_layout_get_attributes(l);
  attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
  size_t o = 0, shift = 0;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && txt[i] == ' ' && txt[i - 1] != ' ' && txt[i - 1] != '\t' && txt[i - 1] != '\n' &&
        !(i >= 3 && is_zwsp(txt, i - 3))) {
      /* (each attribute past the insertion moves on by its three bytes) */
      pango_attr_list_update(attrs, (int)(i + shift), 0, 3);
      memcpy(out + o, "\xE2\x80\x8B", 3);
      o += 3;
      shift += 3;
    }
    out[o++] = txt[i];
  }
  out[o] = 0;
  /* (the text without the marks, for vg_render_measure_item: freed with
   * the layout) */
  if (!g_object_get_data(G_OBJECT(l), RD_CODE_TEXT))
    g_object_set_data_full(G_OBJECT(l), RD_CODE_TEXT, g_strdup(txt), g_free);
  pango_layout_set_text(l, out, (int)o);
  pango_layout_set_attributes(l, attrs);
  pango_attr_list_unref(attrs);
  g_free(out);
}

static int code_wrap_fit_runs(PangoLayout *l, PangoFontDescription *fd, const rd_text_spec *s, rd_fitted *f,
                              double *w, double *h, int *lines) {
  code_space_breaks(l);
  PangoAttrList *base = pango_layout_get_attributes(l);
  base = base ? pango_attr_list_copy(base) : pango_attr_list_new();
  const char *txt = pango_layout_get_text(l);
  f->hang = 1;
  /* first every token whole where the code fits so a little smaller (down
   * to RD_WHOLE_SHRINK of the size: a path broken after a "/" in a tall
   * frame, "~/.config/myapp/settings/" / "default.toml", read as two
   * arguments); then a URL's path breaks only after a "/" where that fits
   * at some size; else where code may break */
  for (int pass = 2; pass >= 0; pass--) {
    int strict = pass >= 1;
    PangoAttrList *attrs = pango_attr_list_copy(base);
    rd_text_spec ws = *s;
    if (pass == 2) {
      if (s->size * RD_WHOLE_SHRINK > ws.min_size) ws.min_size = s->size * RD_WHOLE_SHRINK;
      if (!whole_runs(txt, attrs, &ws)) { pango_attr_list_unref(attrs); continue; }
    }
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    /* no break after an option's leading dashes ("-" / "DCBOR_…" reads as
     * two tokens, and UAX #14 allows it): the line breaks at the space before.
     * An option opens a word, or follows a bracket, a quote or an "=" (a
     * usage line's "[--psm N]", "(-v)", "args=\"-q\"": "[--" / "psm N]") */
    for (const char *q = txt; *q; q++) {
      if (*q == '-' && (q == txt || strchr(" \t\n[({\"'`=", q[-1]))) {
        const char *e = q;
        while (*e == '-') e++;
        if (*e && *e != ' ' && *e != '\n') {
          PangoAttribute *nb = pango_attr_allow_breaks_new(FALSE);
          nb->start_index = (guint)(q - txt);
          nb->end_index = (guint)(e - txt + 1);
          pango_attr_list_insert(attrs, nb);
        }
        q = e - 1;
      }
    }
    /* nor after a hyphen inside a name ("libxml2-" / "xxx-build" reads as a
     * name that ends in "-"): the line breaks at the space before it */
    for (const char *q = txt; *q; q++) {
      if (*q == '-' && q > txt && code_word((unsigned char)q[-1]) && code_word((unsigned char)q[1])) {
        PangoAttribute *nb = pango_attr_allow_breaks_new(FALSE);
        nb->start_index = (guint)(q - txt);
        nb->end_index = (guint)(q - txt + 2);
        pango_attr_list_insert(attrs, nb);
      }
    }
    url_code_breaks(txt, attrs, strict);
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
    if (wrap_search(l, fd, &ws, f, w, h, lines, 0)) {
      pango_attr_list_unref(base);
      return 1;
    }
  }
  pango_attr_list_unref(base);
  /* a token longer than the line even at a small size (a JWT, a hash, a
   * line of base64 a program printed) breaks inside where it must, under
   * the mark, rather than hold the block below a readable size or leave it
   * to be cut (a 112-character token split a 6-line block into four slides,
   * one of them the token alone at 10); a token that fits a line at that
   * size stays whole (the block shrinks, or a layout tries another size) */
  if (longest_token(txt) * RD_MONO_ADVANCE * RD_CODE_SMALL <= s->w) return 0;
  return wrap_search(l, fd, s, f, w, h, lines, 1);
}

/* How many letters a line of the layout holds (not spaces or punctuation),
 * and whether one is Han or kana: a script that breaks between any two
 * characters, so its paragraph can end on a line of one ("改。"). */
static int line_letters(PangoLayout *l, int index, int *cjk) {
  PangoLayoutLine *ln = pango_layout_get_line_readonly(l, index);
  const char *text = pango_layout_get_text(l);
  size_t len = strlen(text);
  int n = 0;
  *cjk = 0;
  if (!ln || ln->start_index < 0 || (size_t)ln->start_index > len) return 0;
  const char *p = text + ln->start_index;
  const char *end = p + ((size_t)ln->length <= len - (size_t)ln->start_index ? (size_t)ln->length
                                                                            : len - (size_t)ln->start_index);
  while (p < end) {
    gunichar ch = g_utf8_get_char_validated(p, end - p);
    if (ch == (gunichar)-1 || ch == (gunichar)-2) break;
    if (!g_unichar_isspace(ch) && !g_unichar_ispunct(ch)) {
      n++;
      GUnicodeScript sc = g_unichar_get_script(ch);
      if (sc == G_UNICODE_SCRIPT_HAN || sc == G_UNICODE_SCRIPT_HIRAGANA || sc == G_UNICODE_SCRIPT_KATAKANA)
        *cjk = 1;
    }
    p = g_utf8_next_char(p);
  }
  return n;
}

/* How many words a line of the layout holds (runs of letters between
 * spaces), and whether it starts a paragraph (a line that is a paragraph
 * of its own is no runt). */
static int line_words(PangoLayout *l, int index, int *para_start) {
  PangoLayoutLine *ln = pango_layout_get_line_readonly(l, index);
  const char *text = pango_layout_get_text(l);
  size_t len = strlen(text);
  int n = 0, in = 0;
  *para_start = 1;
  if (!ln || ln->start_index < 0 || (size_t)ln->start_index > len) return 0;
  *para_start = ln->is_paragraph_start;
  const char *p = text + ln->start_index;
  const char *end = p + ((size_t)ln->length <= len - (size_t)ln->start_index ? (size_t)ln->length
                                                                            : len - (size_t)ln->start_index);
  while (p < end) {
    gunichar ch = g_utf8_get_char_validated(p, end - p);
    if (ch == (gunichar)-1 || ch == (gunichar)-2) break;
    int sp = g_unichar_isspace(ch);
    if (!sp && !in) n++;
    in = !sp;
    p = g_utf8_next_char(p);
  }
  return n;
}

/* Whether a paragraph of the layout ends on a runt: Han or kana down to
 * one or two characters ("改。"), or in a script of words, one word alone
 * on the last line of a wrapped paragraph ("term.cursor.goto([opt_file],
 * x," over "y)"; a list item's bold lead is a paragraph over its text).
 * *cjk: whether the last runt found is Han or kana. */
static int has_runt(PangoLayout *l, int lines, int *cjk) {
  int found = 0;
  *cjk = 0;
  for (int i = 1; i < lines; i++) {
    PangoLayoutLine *next = i + 1 < lines ? pango_layout_get_line_readonly(l, i + 1) : NULL;
    if (next && !next->is_paragraph_start) continue;   /* not a paragraph's last line */
    int c = 0, para_start = 1;
    int letters = line_letters(l, i, &c), words = line_words(l, i, &para_start);
    if (!para_start && (c ? letters <= 2 : words == 1)) {
      found = 1;
      *cjk = c;
    }
  }
  return found;
}

/* How many of the layout's wrapped lines break inside a word (after a
 * hyphen, a dot or a slash of a name, or between Han characters): not
 * after a space. */
static int inner_breaks(PangoLayout *l, int lines) {
  const char *text = pango_layout_get_text(l);
  size_t len = strlen(text);
  int n = 0;
  for (int i = 1; i < lines; i++) {
    PangoLayoutLine *ln = pango_layout_get_line_readonly(l, i);
    if (!ln || ln->is_paragraph_start || ln->start_index <= 0 || (size_t)ln->start_index > len) continue;
    const char *prev = g_utf8_find_prev_char(text, text + ln->start_index);
    if (prev && !g_unichar_isspace(g_utf8_get_char(prev))) n++;
  }
  return n;
}

/* 1 when the layout's text sits at the right of its width: aligned right,
 * or aligned left in a paragraph set right to left (Pango swaps left and
 * right for a paragraph whose direction, taken from its first strong
 * letter, is not the context's; the first line's tells). */
static int flush_right(PangoLayout *l, const rd_text_spec *s) {
  PangoLayoutLine *ln = pango_layout_get_line_readonly(l, 0);
  int rtl = ln && ln->resolved_dir == PANGO_DIRECTION_RTL;
  return s->align == RD_ALIGN_RIGHT ? !rtl : s->align == RD_ALIGN_LEFT && rtl;
}

/* A wrapped text with a paragraph that ends on a runt (above) is set narrower,
 * step by step, as little as brings a character or a word down to it, on
 * as many lines and never below 70 % of its box (60 % for Han or kana): a
 * lone last word or character reads as a slip. The box stays where it is
 * (f->dx keeps centred and right-aligned text in place, and a right-to-left
 * paragraph at the right: Arabic set narrower had been moved to the left). */
static void balance_last_line(PangoLayout *l, const rd_text_spec *s, int tokens, rd_fitted *f,
                              double *w, double *h, int *lines) {
  if (s->code || s->wrap == RD_WRAP_NONE || *lines < 2) return;
  int cjk = 0;
  if (!has_runt(l, *lines, &cjk)) return;
  int want = *lines, inner = inner_breaks(l, *lines);
  double size = f->final_size;
  /* Han or kana: a character a step, four at most; words: half an em (or
   * a twelfth of the 30 % a wide box may give up) */
  double least = cjk ? 0.6 : 0.7;
  double step = cjk ? size : fmax(size * 0.5, s->w * (1 - least) / 12);
  int steps = cjk ? 4 : 12;
  for (int k = 1; k <= steps; k++) {
    double nw = s->w - k * step;
    if (nw < s->w * least) break;
    pango_layout_set_width(l, (int)(nw * PANGO_SCALE));
    double w2, h2;
    int n2;
    if (!fits(l, s, tokens, &w2, &h2, &n2) || n2 != want) break;
    /* (no word broken that was whole: "term.cursor." over "goup(...)"
     * reads worse than a last word alone) */
    int c2;
    if (!cjk && inner_breaks(l, n2) > inner) break;
    if (!has_runt(l, n2, &c2)) {
      *w = w2, *h = h2, *lines = n2;
      f->dx = s->align == RD_ALIGN_CENTER ? (s->w - nw) / 2 : flush_right(l, s) ? s->w - nw : 0;
      return;
    }
  }
  pango_layout_set_width(l, (int)(s->w * PANGO_SCALE));
  fits(l, s, tokens, w, h, lines);
}

static void fit_once(rd_thread *t, const rd_text_spec *s, rd_fitted *f, int tokens) {
  /* Only the family list is taken from the font string: size, weight,
   * style and variations come from the spec, so "Sans 99999" or
   * "Sans @wght=..." cannot blow up a layout. */
  PangoFontDescription *given = pango_font_description_from_string(s->font);
  PangoFontDescription *fd = pango_font_description_new();
  const char *fam = pango_font_description_get_family(given);
  pango_font_description_set_family(fd, fam && *fam ? fam : "sans-serif");
  pango_font_description_free(given);
  pango_font_description_set_weight(fd, (PangoWeight)s->weight);
  if (s->italic) pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
  PangoLayout *l = build_layout(t, s, fd, tokens);
  double w, h;
  int lines;
  f->final_size = s->size;
  /* code shrinks on its lines only down to a readable size; below it,
   * wrapping between tokens keeps it larger (not a drawing: wrapped, its
   * lines would no longer line up) */
  double floor_size = s->min_size;
  if (s->code && s->wrap == RD_WRAP_NONE && !s->keep_lines && floor_size < s->size * 0.6)
    floor_size = s->size * 0.6;
  if (!fits(l, s, tokens, &w, &h, &lines)) {
    rd_probe probe;
    probe_init(&probe, l, s);
    int floor_fits = probe_fits(&probe, l, fd, s, tokens, floor_size);
    if (floor_fits) {
      /* Largest size that fits: the fit is monotonic enough in practice. */
      double lo = floor_size, hi = s->size;
      for (int i = 0; i < 7 && hi - lo > 0.25; i++) {
        double mid = (lo + hi) / 2;
        if (probe_fits(&probe, l, fd, s, tokens, mid)) lo = mid; else hi = mid;
      }
      probe_free(&probe);
      set_size(l, fd, lo, s);
      fits(l, s, tokens, &w, &h, &lines);
      f->final_size = lo;
      f->shrunk = 1;
    } else {
      probe_free(&probe);
      set_size(l, fd, floor_size, s);   /* (a probe may have left it elsewhere) */
      /* Code that does not fit on its lines is wrapped between tokens
       * (never inside one, never hyphenated: that would change the code),
       * continuation lines hang under a mark (drawn by render.c); only
       * then cut at the box height. */
      f->final_size = s->min_size;
      f->shrunk = s->min_size < s->size;
      int wrapped_ok = 0;
      if (s->wrap == RD_WRAP_NONE && s->code && !s->keep_lines) {
        wrapped_ok = code_wrap_fit(l, fd, s, f, &w, &h, &lines);
      } else if (s->wrap == RD_WRAP_NONE && !s->code) {
        pango_layout_set_width(l, (int)(s->w * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_CHAR);
      }
      if (!wrapped_ok && !fits(l, s, tokens, &w, &h, &lines)) {
        int maxl = s->max_lines;
        if (maxl > 0 && pango_layout_get_line_count(l) > maxl) {
          pango_layout_set_height(l, -maxl);
        } else {
          pango_layout_set_height(l, (int)(s->h * PANGO_SCALE));
        }
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        fits(l, s, tokens, &w, &h, &lines);
        /* Pango keeps at least one line; if even that is too tall, the
         * clip at the box edge is the final guard. */
        f->cut = 1;
      }
    }
  }
  if (!f->cut) balance_last_line(l, s, tokens, f, &w, &h, &lines);
  if (text_too_long(s)) f->cut = 1;
  f->layout = l;
  f->width = w;
  f->height = h;
  f->lines = lines;
  pango_font_description_free(fd);
}

/* Text whose long token does not fit at the smallest size even split at
 * its separators is fitted again as Pango breaks it (inside the token):
 * split anywhere rather than cut. */
static void fit_layout(rd_thread *t, const rd_text_spec *s, rd_fitted *f) {
  fit_once(t, s, f, !s->code);
  if (f->cut && !s->code) {
    rd_fitted again = {0};
    fit_once(t, s, &again, 0);
    if (!again.cut) {
      g_object_unref(f->layout);
      *f = again;
    } else {
      g_object_unref(again.layout);
    }
  }
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

