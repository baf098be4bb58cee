/* boxdraw.c: box-drawing characters (U+2500..U+257F) in code, drawn as
 * strokes instead of glyphs.
 *
 * As glyphs, a drawing's lines look dashed: each glyph's antialiased edge
 * falls inside a pixel that the next glyph covers again (the seams show as
 * dots along a line), and a vertical bar spans the font's height, not the
 * line pitch of code (1.35), so bars leave gaps between lines. Here the
 * glyphs are laid out as usual (so columns stay where they were) but made
 * transparent, and every arm of every cell becomes a rectangle of one path,
 * filled once: horizontal arms reach the cell's edges, vertical arms the
 * line's share of the layout's height, so neighbours join without seams. */
#include "render_private.h"

#include <glib.h>
#include <math.h>

#define BOX_FIRST 0x2500
#define BOX_LAST 0x257F

/* Arms of each character, "udlr" (up, down, left, right), each 0 none,
 * 1 light, 2 heavy, 3 double. NULL: left as a glyph (dashed lines and
 * diagonals, whose look is their point). */
static const char *const ARMS[BOX_LAST - BOX_FIRST + 1] = {
  /* 2500 */ "0011", "0022", "1100", "2200", NULL, NULL, NULL, NULL,
  /* 2508 */ NULL, NULL, NULL, NULL, "0101", "0102", "0201", "0202",
  /* 2510 */ "0110", "0120", "0210", "0220", "1001", "1002", "2001", "2002",
  /* 2518 */ "1010", "1020", "2010", "2020", "1101", "1102", "2101", "1201",
  /* 2520 */ "2201", "2102", "1202", "2202", "1110", "1120", "2110", "1210",
  /* 2528 */ "2210", "2120", "1220", "2220", "0111", "0121", "0112", "0122",
  /* 2530 */ "0211", "0221", "0212", "0222", "1011", "1021", "1012", "1022",
  /* 2538 */ "2011", "2021", "2012", "2022", "1111", "1121", "1112", "1122",
  /* 2540 */ "2111", "1211", "2211", "2121", "2112", "1221", "1212", "2122",
  /* 2548 */ "1222", "2221", "2212", "2222", NULL, NULL, NULL, NULL,
  /* 2550 */ "0033", "3300", "0103", "0301", "0303", "0130", "0310", "0330",
  /* 2558 */ "1003", "3001", "3003", "1030", "3010", "3030", "1103", "3301",
  /* 2560 */ "3303", "1130", "3310", "3330", "0133", "0311", "0333", "1033",
  /* 2568 */ "3011", "3033", "1133", "3311", "3333", "0101", "0110", "1010",
  /* 2570 */ "1001", NULL, NULL, NULL, "0010", "1000", "0001", "0100",
  /* 2578 */ "0020", "2000", "0002", "0200", "0012", "1200", "0021", "2100",
};

int rd_boxdraw_is(gunichar ch) {
  return ch >= BOX_FIRST && ch <= BOX_LAST && ARMS[ch - BOX_FIRST];
}

void rd_boxdraw_hide(const char *text, PangoAttrList *attrs) {
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    if (!rd_boxdraw_is(g_utf8_get_char(p))) continue;
    const char *e = g_utf8_next_char(p);
    /* alpha 0 would mean "unset" to Pango: 1 of 65535 is invisible */
    PangoAttribute *a = pango_attr_foreground_alpha_new(1);
    a->start_index = (guint)(p - text);
    a->end_index = (guint)(e - text);
    pango_attr_list_insert(attrs, a);
  }
}

/* A rectangle along one axis: from `from` to `to` (a y for a vertical
 * stroke, an x for a horizontal one), centred on `at` across, `sw` wide. */
static void stroke(cairo_t *cr, int vertical, double at, double from, double to, double sw) {
  double lo = fmin(from, to), len = fabs(to - from);
  if (vertical) cairo_rectangle(cr, at - sw / 2, lo, sw, len);
  else cairo_rectangle(cr, lo, at - sw / 2, len, sw);
}

/* One arm from the cell's centre c (along the arm's axis; `at` across it)
 * to the edge `to`. kind: 1 light, 2 heavy, 3 double. p_lo, p_hi: the
 * perpendicular arms on its two sides (up/down for a horizontal arm,
 * left/right for a vertical one); opposite: the arm on the same axis. */
static void arm(cairo_t *cr, int vertical, int kind, double c, double at, double to, double w,
                double g, int p_lo, int p_hi, int opposite) {
  double dir = to < c ? -1 : 1;   /* towards the edge */
  int p_dbl = p_lo == 3 || p_hi == 3, p_any = p_lo || p_hi;
  if (kind == 3) {
    /* each line of a double arm: to the inner corner where a double arm
     * crosses on its side, to the outer one where one crosses elsewhere,
     * to a single crossing stroke's edge, or past the centre (joining
     * the opposite arm) */
    for (int side = -1; side <= 1; side += 2) {
      int across = side < 0 ? p_lo : p_hi;
      double start = across == 3 ? g - w / 2 : p_dbl ? -g - w / 2 : p_any ? -w / 2 : -g - w / 2;
      stroke(cr, vertical, at + side * g, c + dir * start, to, w);
    }
    return;
  }
  /* a single or heavy arm: across a continuous double line only with an
   * arm opposite (else it stops at the near line); to the far line of a
   * double corner; over a plain crossing stroke */
  double past;
  if (p_dbl && p_lo == 3 && p_hi == 3 && !opposite) past = -(g - w / 2);
  else if (p_dbl) past = g + w / 2;
  else past = p_lo == 2 || p_hi == 2 ? w * 1.1 : p_any ? w / 2 : 0;
  stroke(cr, vertical, at, c - dir * past, to, kind == 2 ? w * 2.2 : w);
}

void rd_boxdraw_draw(cairo_t *cr, PangoLayout *l, double x, double y, double size) {
  const char *text = pango_layout_get_text(l);
  int any = 0;
  for (const char *p = text; *p && !any; p = g_utf8_next_char(p))
    any = rd_boxdraw_is(g_utf8_get_char(p));
  if (!any) return;
  double w = fmax(size * 0.08, 1.0), g = fmax(size * 0.11, w);
  double factor = pango_layout_get_line_spacing(l);
  PangoLayoutIter *it = pango_layout_get_iter(l);
  cairo_new_path(cr);
  do {
    int idx = pango_layout_iter_get_index(it);
    gunichar ch = g_utf8_get_char(text + idx);
    if (!rd_boxdraw_is(ch)) continue;
    const char *a = ARMS[ch - BOX_FIRST];
    PangoRectangle r;
    PangoRectangle line;
    pango_layout_iter_get_char_extents(it, &r);
    pango_layout_iter_get_line_extents(it, NULL, &line);
    /* a line's share of the layout's height: its logical extents and half
     * the gap that a line spacing factor adds on each side (Pango's
     * line_yrange counts only set_spacing's gaps) */
    double half_gap = fmax(factor - 1, 0) * line.height / 2.0 / PANGO_SCALE;
    double left = x + (double)r.x / PANGO_SCALE, right = left + (double)r.width / PANGO_SCALE;
    double top = y + (double)line.y / PANGO_SCALE - half_gap;
    double bottom = y + (double)(line.y + line.height) / PANGO_SCALE + half_gap;
    double cx = (left + right) / 2, cy = y + (r.y + r.height / 2.0) / PANGO_SCALE;
    int u = a[0] - '0', d = a[1] - '0', lf = a[2] - '0', rt = a[3] - '0';
    if (u) arm(cr, 1, u, cy, cx, top, w, g, lf, rt, d);
    if (d) arm(cr, 1, d, cy, cx, bottom, w, g, lf, rt, u);
    if (lf) arm(cr, 0, lf, cx, cy, left, w, g, u, d, rt);
    if (rt) arm(cr, 0, rt, cx, cy, right, w, g, u, d, lf);
  } while (pango_layout_iter_next_char(it));
  pango_layout_iter_free(it);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr);
}
