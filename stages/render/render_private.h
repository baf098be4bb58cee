/* render_private.h: shared between the parts of the scene renderer
 * (render.c draws, text.c fits text with Pango, syntax.c colours code).
 * Not installed; only stages/render/ includes it. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>
#include <cjson/cJSON.h>

typedef struct rd_color { double r, g, b, a; } rd_color;

/* Colours in a display list: "#rgb", "#rrggbb", "#rrggbbaa", or
 * [r, g, b] / [r, g, b, a] with r,g,b in 0..255 and a in 0..1.
 * Returns 1 if j held a colour, else leaves *c as def and returns 0. */
int rd_color_parse(const cJSON *j, rd_color *c, rd_color def);

/* Colours for syntax highlighting. */
typedef struct rd_palette {
  rd_color text, keyword, string, comment, number, func, type, prompt, output, ok, error;
} rd_palette;
void rd_palette_default(rd_palette *p);
void rd_palette_parse(const cJSON *j, rd_palette *p);

/* Adds foreground attributes for `text` (UTF-8, len bytes) to attrs.
 * language: "python", "javascript", "c", "lua", "shell"/"bash"/"console",
 * "yaml", or NULL/unknown (only command-line prefixes are styled). */
void rd_syntax_highlight(const char *text, size_t len, const char *language,
                         const rd_palette *pal, PangoAttrList *attrs);

enum { RD_ALIGN_LEFT, RD_ALIGN_CENTER, RD_ALIGN_RIGHT };
enum { RD_VALIGN_TOP, RD_VALIGN_MIDDLE, RD_VALIGN_BOTTOM };
enum { RD_WRAP_WORD, RD_WRAP_CHAR, RD_WRAP_NONE };

/* Everything that determines how a text or code box is laid out. */
typedef struct rd_text_spec {
  const char *text;
  int markup;            /* text is Pango markup */
  int code;              /* monospace code box with syntax colouring */
  const char *language;  /* code: the syntax to colour */
  const char *lang;      /* text: BCP 47 tag of its human language ("ko"), or NULL */
  const char *font;      /* family list, e.g. "Noto Sans, DejaVu Sans" */
  int weight;            /* PangoWeight */
  int italic;
  double size, min_size; /* design units (px at 1080p) */
  double w, h;           /* box */
  int align, valign, wrap;
  int keep_lines;        /* code: lines never wrap (a drawing), only shrink */
  double hang_em;        /* text: hanging indent in ems (a bullet's continuation lines) */
  double tab_em;         /* text: one tab stop this many ems in (0: Pango's default stops) */
  double line_height;    /* factor of the font height; 0 = font default */
  double pitch_em;       /* text of a tall script: baseline to baseline in ems at
                            line_height 1 (script_pitch in text.c); 0 = the fonts' own */
  int max_lines;         /* 0 = no limit */
  double letter_spacing; /* design units */
  rd_palette pal;        /* code only */
} rd_text_spec;

/* The layout's data under this name: code's text without the invisible
 * marks wrapping added (text.c, code_space_breaks), when it has them */
#define RD_CODE_TEXT "vg-code-text"

typedef struct rd_fitted {
  PangoLayout *layout;   /* owned by the thread cache */
  double final_size;
  double width, height;  /* logical extents of the fitted layout */
  int lines;
  int shrunk, cut;
  int hang;              /* code wrapped between tokens: continuation lines hang under a mark */
  int broken;            /* code wrapped: continuation lines that start inside a run between spaces */
  double dx;             /* the layout's offset in its box (set narrower than the box) */
} rd_fitted;

/* Spans a text box marks where a line may or may not break (a Hangul
 * word, a token's pieces: lang_attrs, token_breaks). Pango 1.50 copies
 * every such attribute of an item into each line it splits from it and
 * walks the text from its start for each one (pango_item_split,
 * pango_attr_break), so a layout costs its lines times its spans: a bullet
 * of 2,000 "a.b" tokens took 0.2 s and 19 MB a layout, 8 s and 700 MB to
 * plan its scene. Past this many, the rest of the text breaks as Pango
 * breaks it (a box holding that many tokens is set small or cut anyway). */
#define RD_MAX_BREAK_SPANS 256

/* Lays out and fits a text box (design units; font sizes are absolute, the
 * Cairo CTM scales to output pixels, hinting is off so layout does not
 * depend on resolution). The result lives in this thread's cache and stays
 * valid until the next rd_text_fit call on the same thread. */
const rd_fitted *rd_text_fit(const rd_text_spec *s);
/* 1 (the default): the fit's size search lays text out at the size already
 * loaded, scaled (text.c, rd_probe); 0: at each size it tries (tests) */
extern int rd_text_probe_scaled;
/* Reads a text spec from a display-list item. Strings point into item. */
void rd_text_spec_from_json(const cJSON *item, int code, rd_text_spec *s);

/* A PNG's surface for path (a new reference: the caller destroys it), kept
 * for the whole process (picture.c) and no larger than side pixels on its
 * longer side (0: its own size): side is the frame's longer side, or NULL and why in err (not a regular
 * file, not a PNG, too large, damaged...). Never blocks on a FIFO. */
cairo_surface_t *rd_image_get(const char *path, int side, char *err, size_t errlen);
/* A PNG's dimensions from its header, checked as rd_image_get checks. */
int rd_png_size(const char *path, int *width, int *height, char *err, size_t errlen);
/* Reads a PNG the same careful way, uncached (picture.c); a picture larger
 * than keep_side on a side is scaled down to it (0: kept at its size). *st
 * receives the file's stat. The caller destroys the surface. */
struct stat;
cairo_surface_t *rd_png_load(const char *path, int keep_side, struct stat *st, char *err,
                             size_t errlen);

void rd_text_thread_cleanup(void);

/* boxdraw.c: box-drawing characters in code drawn as joined strokes. */
int rd_boxdraw_is(gunichar ch);
/* Makes those characters' glyphs transparent (they still take their cells). */
void rd_boxdraw_hide(const char *text, PangoAttrList *attrs);
/* Fills their strokes for a layout drawn at (x, y) with a font of `size`,
 * in the current source. */
void rd_boxdraw_draw(cairo_t *cr, PangoLayout *l, double x, double y, double size);
