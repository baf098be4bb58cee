/* render.c: draws a display list with Cairo. Coordinates are design units
 * (the list's width x height, 1920x1080 by default); one uniform scale maps
 * them to the output, letterboxed if the aspect differs. Every text, code and
 * image item is clipped to its own box, so nothing draws outside it. */
#include "render.h"
#include "vg.h"
#include "render_private.h"
#include "vg_utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct rd_ctx {
  cairo_t *cr;
  cJSON *warnings;
  int depth;
  int side;  /* the frame's longer side: no picture is kept larger */
} rd_ctx;



static int hexv(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int rd_color_parse(const cJSON *j, rd_color *c, rd_color def) {
  *c = def;
  if (cJSON_IsString(j) && j->valuestring[0] == '#') {
    const char *s = j->valuestring + 1;
    size_t n = strlen(s);
    int v[8];
    for (size_t i = 0; i < n && i < 8; i++)
      if ((v[i] = hexv(s[i])) < 0) return 0;
    if (n == 3) {
      *c = (rd_color){v[0] / 15.0, v[1] / 15.0, v[2] / 15.0, 1};
      return 1;
    }
    if (n == 6 || n == 8) {
      c->r = (v[0] * 16 + v[1]) / 255.0;
      c->g = (v[2] * 16 + v[3]) / 255.0;
      c->b = (v[4] * 16 + v[5]) / 255.0;
      c->a = n == 8 ? (v[6] * 16 + v[7]) / 255.0 : 1;
      return 1;
    }
    return 0;
  }
  if (cJSON_IsArray(j)) {
    int n = cJSON_GetArraySize(j);
    if (n < 3) return 0;
    double v[4] = {0, 0, 0, 1};
    for (int i = 0; i < n && i < 4; i++) {
      const cJSON *e = cJSON_GetArrayItem(j, i);
      if (!cJSON_IsNumber(e)) return 0;
      v[i] = e->valuedouble;
    }
    *c = (rd_color){v[0] / 255.0, v[1] / 255.0, v[2] / 255.0, v[3]};
    return 1;
  }
  return 0;
}

static void source(cairo_t *cr, rd_color c, double alpha) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * alpha);
}

static void rounded(cairo_t *cr, double x, double y, double w, double h, double r) {
  if (r > w / 2) r = w / 2;
  if (r > h / 2) r = h / 2;
  if (r <= 0) {
    cairo_rectangle(cr, x, y, w, h);
    return;
  }
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
  cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

/* ---- soft shadows ------------------------------------------------------------
 * A Gaussian-blurred rounded rectangle, drawn analytically: linear gradients
 * along the edges, radial ones at the corners, solid in the middle. No blur
 * pass, no temporary surface. When the card above is opaque, the part of
 * the shadow it covers is clipped away. */

#define SHADOW_STOPS 8

static double shadow_alpha(double d, double sigma) {
  return 0.5 * erfc(d / (sigma * M_SQRT2));
}

static void shadow_stops(cairo_pattern_t *p, double r0, double r1, double edge, double sigma,
                         rd_color c, double a) {
  for (int k = 0; k <= SHADOW_STOPS; k++) {
    double t = (double)k / SHADOW_STOPS;
    double d = r0 + t * (r1 - r0) - edge;
    cairo_pattern_add_color_stop_rgba(p, t, c.r, c.g, c.b, a * shadow_alpha(d, sigma));
  }
}

static void draw_shadow(cairo_t *cr, double x, double y, double w, double h, double r,
                        const cJSON *sh, double alpha, int skip_inside, double cx, double cy,
                        double cw, double chh, double cr_) {
  double blur = vg_json_num(sh, "blur", 24), dx = vg_json_num(sh, "dx", 0), dy = vg_json_num(sh, "dy", 8);
  double spread = vg_json_num(sh, "spread", 0);
  rd_color c;
  rd_color_parse(cJSON_GetObjectItemCaseSensitive(sh, "color"), &c, (rd_color){0.06, 0.09, 0.16, 1});
  double a = vg_json_num(sh, "alpha", 0.12) * c.a * alpha;
  if (a <= 0.001) return;
  x += dx - spread;
  y += dy - spread;
  w += 2 * spread;
  h += 2 * spread;
  double e = blur > 0.5 ? blur : 0.5, sigma = e / 2;
  double R = r > e ? r : e;
  if (R > w / 2) R = w / 2;
  if (R > h / 2) R = h / 2;
  cairo_save(cr);
  if (skip_inside) {
    double in = cr_ * 0.3 + 1;
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_rectangle(cr, x - e - 1, y - e - 1, w + 2 * e + 2, h + 2 * e + 2);
    if (cw > 2 * in && chh > 2 * in) cairo_rectangle(cr, cx + in, cy + in, cw - 2 * in, chh - 2 * in);
    cairo_clip(cr);
  }
  double xs[4] = {x - e, x + R, x + w - R, x + w + e};
  double ys[4] = {y - e, y + R, y + h - R, y + h + e};
  /* corners */
  double ccx[4] = {x + R, x + w - R, x + w - R, x + R};
  double ccy[4] = {y + R, y + R, y + h - R, y + h - R};
  int ci[4][2] = {{0, 0}, {2, 0}, {2, 2}, {0, 2}};
  double r0 = R - e > 0 ? R - e : 0, r1 = R + e;
  for (int k = 0; k < 4; k++) {
    cairo_pattern_t *p = cairo_pattern_create_radial(ccx[k], ccy[k], r0, ccx[k], ccy[k], r1);
    shadow_stops(p, r0, r1, R, sigma, c, a);
    cairo_set_source(cr, p);
    int ix = ci[k][0], iy = ci[k][1];
    cairo_rectangle(cr, xs[ix], ys[iy], xs[ix + 1] - xs[ix], ys[iy + 1] - ys[iy]);
    cairo_fill(cr);
    cairo_pattern_destroy(p);
  }
  /* edges: top, bottom, left, right; gradients run outward from inside */
  struct { double x0, y0, x1, y1, rx, ry, rw, rh; } ed[4] = {
    {0, y + e, 0, y - e, xs[1], ys[0], xs[2] - xs[1], ys[1] - ys[0]},
    {0, y + h - e, 0, y + h + e, xs[1], ys[2], xs[2] - xs[1], ys[3] - ys[2]},
    {x + e, 0, x - e, 0, xs[0], ys[1], xs[1] - xs[0], ys[2] - ys[1]},
    {x + w - e, 0, x + w + e, 0, xs[2], ys[1], xs[3] - xs[2], ys[2] - ys[1]},
  };
  for (int k = 0; k < 4; k++) {
    if (ed[k].rw <= 0 || ed[k].rh <= 0) continue;
    cairo_pattern_t *p = cairo_pattern_create_linear(ed[k].x0, ed[k].y0, ed[k].x1, ed[k].y1);
    shadow_stops(p, -e, e, 0, sigma, c, a);
    cairo_set_source(cr, p);
    cairo_rectangle(cr, ed[k].rx, ed[k].ry, ed[k].rw, ed[k].rh);
    cairo_fill(cr);
    cairo_pattern_destroy(p);
  }
  if (xs[2] > xs[1] && ys[2] > ys[1]) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, a * shadow_alpha(-e, sigma));
    cairo_rectangle(cr, xs[1], ys[1], xs[2] - xs[1], ys[2] - ys[1]);
    cairo_fill(cr);
  }
  cairo_restore(cr);
}

/* ---- items ------------------------------------------------------------------- */

static void draw_items(rd_ctx *c, const cJSON *items, double alpha);

static void set_fill(cairo_t *cr, const cJSON *it, double x, double y, double w, double h,
                     double alpha, rd_color *fill_out, int *has_fill) {
  const cJSON *g = cJSON_GetObjectItemCaseSensitive(it, "gradient");
  *has_fill = 0;
  if (cJSON_IsObject(g)) {
    rd_color a, b;
    rd_color_parse(cJSON_GetObjectItemCaseSensitive(g, "from"), &a, (rd_color){0, 0, 0, 1});
    rd_color_parse(cJSON_GetObjectItemCaseSensitive(g, "to"), &b, a);
    const char *dir = vg_json_str(g, "direction", "vertical");
    cairo_pattern_t *p = !strcmp(dir, "horizontal") ? cairo_pattern_create_linear(x, y, x + w, y)
                         : !strcmp(dir, "diagonal") ? cairo_pattern_create_linear(x, y, x + w, y + h)
                                                    : cairo_pattern_create_linear(x, y, x, y + h);
    cairo_pattern_add_color_stop_rgba(p, 0, a.r, a.g, a.b, a.a * alpha);
    cairo_pattern_add_color_stop_rgba(p, 1, b.r, b.g, b.b, b.a * alpha);
    cairo_set_source(cr, p);
    cairo_pattern_destroy(p);
    *has_fill = 1;
    fill_out->a = a.a < b.a ? a.a : b.a;
    return;
  }
  if (rd_color_parse(cJSON_GetObjectItemCaseSensitive(it, "fill"), fill_out, (rd_color){0, 0, 0, 0})) {
    source(cr, *fill_out, alpha);
    *has_fill = 1;
  }
}

static void draw_rect(rd_ctx *c, const cJSON *it, double alpha, int circle) {
  cairo_t *cr = c->cr;
  double x, y, w, h, r;
  if (circle) {
    double rad = vg_json_num(it, "r", 10);
    x = vg_json_num(it, "cx", 0) - rad;
    y = vg_json_num(it, "cy", 0) - rad;
    w = h = 2 * rad;
    r = rad;
  } else {
    x = vg_json_num(it, "x", 0), y = vg_json_num(it, "y", 0), w = vg_json_num(it, "w", 0), h = vg_json_num(it, "h", 0);
    r = vg_json_num(it, "radius", 0);
  }
  if (w <= 0 || h <= 0) return;
  rd_color fill = {0, 0, 0, 0};
  int has_fill;
  const cJSON *sh = cJSON_GetObjectItemCaseSensitive(it, "shadow");
  if (cJSON_IsObject(sh)) {
    /* peek at the fill to know if the card hides the shadow's middle */
    rd_color f;
    int opaque = rd_color_parse(cJSON_GetObjectItemCaseSensitive(it, "fill"), &f, (rd_color){0, 0, 0, 0}) &&
                 f.a >= 0.999 && alpha >= 0.999;
    draw_shadow(cr, x, y, w, h, r, sh, alpha, opaque, x, y, w, h, r);
  }
  set_fill(cr, it, x, y, w, h, alpha, &fill, &has_fill);
  if (has_fill) {
    rounded(cr, x, y, w, h, r);
    cairo_fill(cr);
  }
  rd_color stroke;
  if (rd_color_parse(cJSON_GetObjectItemCaseSensitive(it, "stroke"), &stroke, (rd_color){0, 0, 0, 0})) {
    double sw = vg_json_num(it, "stroke_width", 2);
    source(cr, stroke, alpha);
    cairo_set_line_width(cr, sw);
    rounded(cr, x + sw / 2, y + sw / 2, w - sw, h - sw, r - sw / 2);
    cairo_stroke(cr);
  }
}

static void draw_line(rd_ctx *c, const cJSON *it, double alpha) {
  cairo_t *cr = c->cr;
  rd_color col;
  rd_color_parse(cJSON_GetObjectItemCaseSensitive(it, "color"), &col, (rd_color){0, 0, 0, 1});
  source(cr, col, alpha);
  cairo_set_line_width(cr, vg_json_num(it, "width", 2));
  const char *cap = vg_json_str(it, "cap", "round");
  cairo_set_line_cap(cr, !strcmp(cap, "butt") ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  const cJSON *dash = cJSON_GetObjectItemCaseSensitive(it, "dash");
  if (cJSON_IsArray(dash) && cJSON_GetArraySize(dash) > 0) {
    double d[8];
    int n = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, dash) if (n < 8 && cJSON_IsNumber(e)) d[n++] = e->valuedouble;
    cairo_set_dash(cr, d, n, 0);
  }
  cairo_move_to(cr, vg_json_num(it, "x1", 0), vg_json_num(it, "y1", 0));
  cairo_line_to(cr, vg_json_num(it, "x2", 0), vg_json_num(it, "y2", 0));
  cairo_stroke(cr);
  cairo_set_dash(cr, NULL, 0, 0);
}

static void warn(rd_ctx *c, const cJSON *it, const rd_text_spec *s, const rd_fitted *f) {
  if (!c->warnings || (!f->shrunk && !f->cut)) return;
  const char *id = vg_json_str(it, "id", NULL);
  if (!id) return;   /* decorations without an id are the layout's business */
  if (f->shrunk && !f->cut && !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "warn_shrink")) &&
      f->final_size >= s->size * vg_json_num(it, "warn_below", 0.75))
    return;   /* mild shrinking is part of the design, not worth a warning */
  cJSON *w = cJSON_CreateObject();
  cJSON_AddStringToObject(w, "id", id);
  cJSON_AddStringToObject(w, "status", f->cut ? "cut" : "shrunk");
  cJSON_AddNumberToObject(w, "size", s->size);
  cJSON_AddNumberToObject(w, "final_size", round(f->final_size * 10) / 10);
  cJSON_AddItemToArray(c->warnings, w);
}

/* Code wrapped between tokens: each continuation line gets a mark in its
 * hanging indent, so a reader sees it is one line of code. (Code is laid
 * out left to right, an Arabic comment in it too: the indent, and so the
 * mark, is always at the left.) */
static void draw_continuations(cairo_t *cr, const rd_fitted *f, double x, double y, rd_color col,
                               double alpha) {
  PangoLayout *mark = pango_layout_new(pango_layout_get_context(f->layout));
  pango_layout_set_font_description(mark, pango_layout_get_font_description(f->layout));
  pango_layout_set_text(mark, "\xE2\x86\xAA", -1);   /* ↪ */
  int mark_base = pango_layout_get_baseline(mark);
  PangoLayoutIter *it = pango_layout_get_iter(f->layout);
  source(cr, col, alpha);
  do {
    PangoLayoutLine *ln = pango_layout_iter_get_line_readonly(it);
    if (!ln->is_paragraph_start) {
      int base = pango_layout_iter_get_baseline(it);
      cairo_move_to(cr, x, y + (double)(base - mark_base) / PANGO_SCALE);
      pango_cairo_show_layout(cr, mark);
    }
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  g_object_unref(mark);
}

static void draw_text(rd_ctx *c, const cJSON *it, double alpha, int code) {
  cairo_t *cr = c->cr;
  rd_text_spec s;
  rd_text_spec_from_json(it, code, &s);
  if (s.w <= 0 || s.h <= 0 || !s.text[0]) return;
  const rd_fitted *f = rd_text_fit(&s);
  warn(c, it, &s, f);
  double x = vg_json_num(it, "x", 0), y = vg_json_num(it, "y", 0);
  double oy = s.valign == RD_VALIGN_MIDDLE ? (s.h - f->height) / 2
            : s.valign == RD_VALIGN_BOTTOM ? s.h - f->height
                                           : 0;
  if (oy < 0) oy = 0;
  rd_color col;
  rd_color_parse(cJSON_GetObjectItemCaseSensitive(it, "color"), &col,
                 code ? s.pal.text : (rd_color){0.06, 0.09, 0.16, 1});
  cairo_save(cr);
  cairo_rectangle(cr, x, y, s.w, s.h);
  cairo_clip(cr);
  /* Coloured spans carry their own alpha in Pango, so fade through a group
   * (clipped to the box, hence small). */
  int group = alpha < 0.999 && (code || s.markup);
  if (group) cairo_push_group(cr);
  cairo_move_to(cr, x + f->dx, y + oy);
  source(cr, col, group ? 1 : alpha);
  pango_cairo_show_layout(cr, f->layout);
  if (code) {
    source(cr, col, group ? 1 : alpha);
    rd_boxdraw_draw(cr, f->layout, x, y + oy, f->final_size);
  }
  if (f->hang) draw_continuations(cr, f, x, y + oy, s.pal.comment, group ? 1 : alpha);
  if (group) {
    cairo_pop_group_to_source(cr);
    cairo_paint_with_alpha(cr, alpha);
  }
  cairo_restore(cr);
}

static void draw_placeholder(cairo_t *cr, double x, double y, double w, double h, double r,
                             double alpha) {
  cairo_save(cr);
  rounded(cr, x, y, w, h, r);
  cairo_clip_preserve(cr);
  cairo_set_source_rgba(cr, 0.5, 0.5, 0.5, 0.15 * alpha);
  cairo_fill_preserve(cr);
  double lw = fmax(1, fmin(w, h) / 100);
  cairo_set_line_width(cr, 2 * lw);
  cairo_set_source_rgba(cr, 0.5, 0.5, 0.5, 0.6 * alpha);
  cairo_stroke(cr);
  cairo_set_line_width(cr, lw);
  cairo_move_to(cr, x, y);
  cairo_line_to(cr, x + w, y + h);
  cairo_move_to(cr, x + w, y);
  cairo_line_to(cr, x, y + h);
  cairo_stroke(cr);
  cairo_restore(cr);
}

/* The warning of a picture that cannot be used (drawn as a placeholder). */
static void unreadable(rd_ctx *c, const cJSON *it, const char *path, const char *why) {
  if (!c->warnings) return;
  cJSON *wj = cJSON_CreateObject();
  cJSON_AddStringToObject(wj, "id", vg_json_str(it, "id", "image"));
  cJSON_AddStringToObject(wj, "status", "unreadable");
  cJSON_AddStringToObject(wj, "path", path);
  cJSON_AddStringToObject(wj, "reason", why);
  cJSON_AddItemToArray(c->warnings, wj);
}

static void draw_image(rd_ctx *c, const cJSON *it, double alpha) {
  cairo_t *cr = c->cr;
  const char *path = vg_json_str(it, "path", NULL);
  double x = vg_json_num(it, "x", 0), y = vg_json_num(it, "y", 0), w = vg_json_num(it, "w", 0), h = vg_json_num(it, "h", 0);
  if (!path || w <= 0 || h <= 0) return;
  char why[256];
  cairo_surface_t *img = rd_image_get(path, c->side, why, sizeof why);
  if (!img) {
    /* A picture that cannot be used is a warning and a placeholder (a
     * crossed box), never a failed render: the rest of the scene is fine. */
    unreadable(c, it, path, why);
    draw_placeholder(cr, x, y, w, h, vg_json_num(it, "radius", 0), alpha);
    return;
  }
  double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
  if (iw <= 0 || ih <= 0) {
    cairo_surface_destroy(img);
    return;
  }
  int cover = !strcmp(vg_json_str(it, "fit", "contain"), "cover");
  double sx = w / iw, sy = h / ih, sc = cover ? fmax(sx, sy) : fmin(sx, sy);
  double dw = iw * sc, dh = ih * sc;
  cairo_save(cr);
  rounded(cr, x, y, w, h, vg_json_num(it, "radius", 0));
  cairo_clip(cr);
  cairo_translate(cr, x + (w - dw) / 2, y + (h - dh) / 2);
  cairo_scale(cr, sc, sc);
  cairo_set_source_surface(cr, img, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint_with_alpha(cr, alpha);
  cairo_restore(cr);
  cairo_surface_destroy(img);
}

static void draw_group(rd_ctx *c, const cJSON *it, double alpha) {
  cairo_t *cr = c->cr;
  double op = vg_json_num(it, "opacity", 1);
  if (op <= 0.001) return;
  if (c->depth > 32) return;
  cairo_save(cr);
  const cJSON *clip = cJSON_GetObjectItemCaseSensitive(it, "clip");
  if (cJSON_IsObject(clip)) {
    cairo_rectangle(cr, vg_json_num(clip, "x", 0), vg_json_num(clip, "y", 0), vg_json_num(clip, "w", 0), vg_json_num(clip, "h", 0));
    cairo_clip(cr);
  }
  cairo_translate(cr, vg_json_num(it, "dx", 0), vg_json_num(it, "dy", 0));
  double sc = vg_json_num(it, "scale", 1);
  if (sc != 1) {
    double ox = vg_json_num(it, "ox", 0), oy = vg_json_num(it, "oy", 0);
    cairo_translate(cr, ox, oy);
    cairo_scale(cr, sc, sc);
    cairo_translate(cr, -ox, -oy);
  }
  /* isolate: true compositing of the whole group (crossfades); otherwise
   * opacity multiplies into each item, which is cheaper. */
  int isolate = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "isolate")) && op < 0.999;
  c->depth++;
  if (isolate) {
    cairo_push_group(cr);
    draw_items(c, cJSON_GetObjectItemCaseSensitive(it, "items"), alpha);
    cairo_pop_group_to_source(cr);
    cairo_paint_with_alpha(cr, op);
  } else {
    draw_items(c, cJSON_GetObjectItemCaseSensitive(it, "items"), alpha * op);
  }
  c->depth--;
  cairo_restore(cr);
}

static void draw_item(rd_ctx *c, const cJSON *it, double alpha) {
  const char *type = vg_json_str(it, "type", "");
  double a = alpha * (strcmp(type, "group") ? vg_json_num(it, "opacity", 1) : 1);
  if (a <= 0.001) return;
  if (!strcmp(type, "rect")) draw_rect(c, it, a, 0);
  else if (!strcmp(type, "circle")) draw_rect(c, it, a, 1);
  else if (!strcmp(type, "line")) draw_line(c, it, a);
  else if (!strcmp(type, "text")) draw_text(c, it, a, 0);
  else if (!strcmp(type, "code")) draw_text(c, it, a, 1);
  else if (!strcmp(type, "image")) draw_image(c, it, a);
  else if (!strcmp(type, "group")) draw_group(c, it, a);
}

static void draw_items(rd_ctx *c, const cJSON *items, double alpha) {
  const cJSON *it;
  cJSON_ArrayForEach(it, items) draw_item(c, it, alpha);
}

/* Fits every text and code box without drawing, and loads every picture
 * (vg_render_check). */
static void check_items(rd_ctx *c, const cJSON *items) {
  const cJSON *it;
  if (c->depth > 32) return;
  cJSON_ArrayForEach(it, items) {
    const char *type = vg_json_str(it, "type", "");
    if (!strcmp(type, "group")) {
      c->depth++;
      check_items(c, cJSON_GetObjectItemCaseSensitive(it, "items"));
      c->depth--;
    } else if (!strcmp(type, "text") || !strcmp(type, "code")) {
      rd_text_spec s;
      rd_text_spec_from_json(it, type[0] == 'c', &s);
      if (s.w <= 0 || s.h <= 0 || !s.text[0]) continue;
      warn(c, it, &s, rd_text_fit(&s));
    } else if (!strcmp(type, "image")) {
      /* a picture that will be a placeholder is told before the video is
       * made (decoded once: the process keeps it for drawing) */
      const char *path = vg_json_str(it, "path", NULL);
      char why[256];
      cairo_surface_t *img = path ? rd_image_get(path, c->side, why, sizeof why) : NULL;
      if (path && !img) unreadable(c, it, path, why);
      if (img) cairo_surface_destroy(img);
    }
  }
}

int vg_render_check(const cJSON *dl, cJSON **warnings, char *err, size_t errlen) {
  *warnings = NULL;
  if (!cJSON_IsObject(dl)) {
    vg_errf(err, errlen, "display list: expected an object");
    return -1;
  }
  /* the design size stands for the frame's (pictures decoded for it) */
  double dw = vg_json_num(dl, "width", 1920), dh = vg_json_num(dl, "height", 1080);
  double side = fmax(dw, dh);
  rd_ctx c = {.cr = NULL, .warnings = cJSON_CreateArray(),
              .side = side >= 1 && side <= 16384 ? (int)side : 1920};
  check_items(&c, cJSON_GetObjectItemCaseSensitive(dl, "items"));
  *warnings = c.warnings;
  return 0;
}

/* ---- entry points --------------------------------------------------------------- */

static int ensure_buffer(vg_render_buffer *out, int width, int height, char *err, size_t errlen) {
  if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
    vg_errf(err, errlen, "bad size %dx%d", width, height);
    return -1;
  }
  if (out->data) {
    if (out->width != width || out->height != height) {
      vg_errf(err, errlen, "buffer is %dx%d, asked for %dx%d", out->width, out->height, width, height);
      return -1;
    }
    return 0;
  }
  int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width);
  out->data = malloc((size_t)stride * (size_t)height);
  if (!out->data) {
    vg_errf(err, errlen, "out of memory");
    return -1;
  }
  out->width = width;
  out->height = height;
  out->stride = stride;
  return 0;
}

/* The base transform: design units -> output pixels, letterboxed. */
static void base_transform(cairo_t *cr, const cJSON *dl, int width, int height) {
  double dw = vg_json_num(dl, "width", 1920), dh = vg_json_num(dl, "height", 1080);
  if (dw <= 0) dw = 1920;
  if (dh <= 0) dh = 1080;
  double s = fmin(width / dw, height / dh);
  cairo_translate(cr, (width - dw * s) / 2, (height - dh * s) / 2);
  cairo_scale(cr, s, s);
  cairo_rectangle(cr, 0, 0, dw, dh);
  cairo_clip(cr);
}

/* over: draw onto the pixels already in out, without the background.
 * region (may be NULL): touch only these output pixels. */
static int render_cjson(const cJSON *dl, int width, int height, vg_render_buffer *out, int over,
                        const vg_render_rect *region, cJSON **warnings, char *err, size_t errlen) {
  if (warnings) *warnings = NULL;
  if (!cJSON_IsObject(dl)) {
    vg_errf(err, errlen, "display list: expected an object");
    return -1;
  }
  if (over && !out->data) {
    vg_errf(err, errlen, "nothing to draw over: the buffer is empty");
    return -1;
  }
  if (ensure_buffer(out, width, height, err, errlen) != 0) return -1;
  cairo_surface_t *surf = cairo_image_surface_create_for_data(out->data, CAIRO_FORMAT_ARGB32, width,
                                                              height, out->stride);
  cairo_t *cr = cairo_create(surf);
  if (region) {
    cairo_rectangle(cr, region->x, region->y, region->w, region->h);
    cairo_clip(cr);
  }
  rd_color bg;
  rd_color_parse(cJSON_GetObjectItemCaseSensitive(dl, "background"), &bg, (rd_color){1, 1, 1, 1});
  if (!over) {
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_set_source_rgba(cr, bg.r, bg.g, bg.b, 1);
    cairo_paint(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
  }
  base_transform(cr, dl, width, height);
  rd_ctx c = {.cr = cr, .warnings = warnings ? cJSON_CreateArray() : NULL,
              .side = width > height ? width : height};
  draw_items(&c, cJSON_GetObjectItemCaseSensitive(dl, "items"), 1.0);
  cairo_status_t st = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_flush(surf);
  cairo_surface_destroy(surf);
  if (st != CAIRO_STATUS_SUCCESS) {
    cJSON_Delete(c.warnings);
    vg_errf(err, errlen, "cairo: %s", cairo_status_to_string(st));
    return -1;
  }
  if (warnings) *warnings = c.warnings;
  return 0;
}

int vg_render_cjson(const cJSON *dl, int width, int height, vg_render_buffer *out,
                    cJSON **warnings, char *err, size_t errlen) {
  return render_cjson(dl, width, height, out, 0, NULL, warnings, err, errlen);
}

int vg_render(const char *json, int width, int height, vg_render_buffer *out, cJSON **warnings,
              char *err, size_t errlen) {
  /* the parse end, not cJSON_GetErrorPtr(): that one is a process global */
  const char *end = NULL;
  cJSON *dl = cJSON_ParseWithOpts(json, &end, 0);
  if (!dl) {
    vg_errf(err, errlen, "display list: invalid JSON near byte %ld", end ? (long)(end - json) : 0L);
    return -1;
  }
  int rc = render_cjson(dl, width, height, out, 0, NULL, warnings, err, errlen);
  cJSON_Delete(dl);
  return rc;
}

int vg_render_over(const cJSON *dl, vg_render_buffer *out, char *err, size_t errlen) {
  return render_cjson(dl, out->width, out->height, out, 1, NULL, NULL, err, errlen);
}

int vg_render_region(const cJSON *dl, const vg_render_rect *region, vg_render_buffer *out,
                     char *err, size_t errlen) {
  if (!out->data) {
    vg_errf(err, errlen, "nothing to redraw: the buffer is empty");
    return -1;
  }
  return render_cjson(dl, out->width, out->height, out, 0, region, NULL, err, errlen);
}

/* ---- what changed between two display lists ------------------------------------
 * The pixels an item covers, as Cairo itself would draw it: the item is
 * replayed on a recording surface under the frame's transform, and its ink
 * extents read back. Shadows, strokes, text, groups and their offsets are
 * all accounted for without a bounding-box rule per item type. */

/* Grows u (x0, y0, x1, y1) by the ink of one item; -1 if it cannot be drawn. */
static int add_ink(const cJSON *dl, const cJSON *item, int width, int height, double u[4]) {
  cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create(rec);
  base_transform(cr, dl, width, height);
  rd_ctx c = {.cr = cr, .warnings = NULL, .side = width > height ? width : height};
  draw_item(&c, item, 1.0);
  int ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
  cairo_destroy(cr);
  double x = 0, y = 0, w = 0, h = 0;
  if (ok) cairo_recording_surface_ink_extents(rec, &x, &y, &w, &h);
  ok = ok && cairo_surface_status(rec) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(rec);
  if (ok && w > 0 && h > 0) {
    u[0] = fmin(u[0], x);
    u[1] = fmin(u[1], y);
    u[2] = fmax(u[2], x + w);
    u[3] = fmax(u[3], y + h);
  }
  return ok ? 0 : -1;
}

int vg_render_changed(const cJSON *a, const cJSON *b, int width, int height, vg_render_rect *r) {
  *r = (vg_render_rect){0, 0, width, height};
  if (!cJSON_IsObject(a) || !cJSON_IsObject(b)) return -1;
  static const char *same[] = {"width", "height", "background"};
  for (int i = 0; i < 3; i++) {
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(a, same[i]);
    const cJSON *y = cJSON_GetObjectItemCaseSensitive(b, same[i]);
    if ((x || y) && !(x && y && cJSON_Compare(x, y, 1))) return 0;   /* all of it */
  }
  const cJSON *ia = cJSON_GetObjectItemCaseSensitive(a, "items");
  const cJSON *ib = cJSON_GetObjectItemCaseSensitive(b, "items");
  double u[4] = {1e30, 1e30, -1e30, -1e30};
  const cJSON *x = ia ? ia->child : NULL, *y = ib ? ib->child : NULL;
  while (x || y) {
    if (!(x && y && cJSON_Compare(x, y, 1))) {
      if (x && add_ink(a, x, width, height, u) != 0) return 0;   /* all of it */
      if (y && add_ink(b, y, width, height, u) != 0) return 0;
    }
    if (x) x = x->next;
    if (y) y = y->next;
  }
  if (u[2] <= u[0] || u[3] <= u[1]) {
    *r = (vg_render_rect){0, 0, 0, 0};
    return 0;
  }
  /* whole pixels, two more on each side for antialiasing */
  int x0 = (int)floor(u[0]) - 2, y0 = (int)floor(u[1]) - 2;
  int x1 = (int)ceil(u[2]) + 2, y1 = (int)ceil(u[3]) + 2;
  if (x0 < 0) x0 = 0;
  if (y0 < 0) y0 = 0;
  if (x1 > width) x1 = width;
  if (y1 > height) y1 = height;
  if (x1 <= x0 || y1 <= y0) {
    *r = (vg_render_rect){0, 0, 0, 0};
    return 0;
  }
  *r = (vg_render_rect){x0, y0, x1 - x0, y1 - y0};
  return 0;
}


int vg_render_memo_frame(vg_render_memo *m, const char *json, int width, int height,
                         vg_render_buffer *out, cJSON **warnings, char *err, size_t errlen) {
  uint64_t h = 1469598103934665603ull;
  for (const unsigned char *p = (const unsigned char *)json; *p; p++) {
    h ^= *p;
    h *= 1099511628211ull;
  }
  if (warnings) *warnings = NULL;
  if (m->valid && m->hash == h && m->width == width && m->height == height && out->data) {
    m->skipped++;
    return 1;
  }
  m->valid = 0;
  if (vg_render(json, width, height, out, warnings, err, errlen) != 0) return -1;
  m->hash = h;
  m->width = width;
  m->height = height;
  m->valid = 1;
  m->drawn++;
  return 0;
}

void vg_render_buffer_free(vg_render_buffer *b) {
  if (!b) return;
  free(b->data);
  b->data = NULL;
  b->width = b->height = b->stride = 0;
}

static cairo_status_t png_write_fd(void *closure, const unsigned char *data, unsigned int len) {
  int fd = *(int *)closure;
  while (len > 0) {
    ssize_t w = write(fd, data, len);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return CAIRO_STATUS_WRITE_ERROR;
    data += w;
    len -= (unsigned int)w;
  }
  return CAIRO_STATUS_SUCCESS;
}

int vg_render_write_png(const vg_render_buffer *b, const char *path, char *err, size_t errlen) {
  /* Only a regular file is written: a FIFO or a device named as the output
   * is refused before it is opened (open() of a FIFO would block). */
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    vg_errf(err, errlen, "%s: not a regular file", path);
    return -1;
  }
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0666);
  if (fd < 0) {
    vg_errf(err, errlen, "%s: %s", path, strerror(errno));
    return -1;
  }
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    vg_errf(err, errlen, "%s: not a regular file", path);
    return -1;
  }
  cairo_surface_t *s = cairo_image_surface_create_for_data(b->data, CAIRO_FORMAT_ARGB32, b->width,
                                                           b->height, b->stride);
  cairo_status_t cs = cairo_surface_write_to_png_stream(s, png_write_fd, &fd);
  cairo_surface_destroy(s);
  int rc = close(fd);
  if (cs != CAIRO_STATUS_SUCCESS || rc != 0) {
    vg_errf(err, errlen, "%s: %s", path, cs != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(cs)
                                                                    : strerror(errno));
    return -1;
  }
  return 0;
}

int vg_render_read_png(const char *path, vg_render_buffer *out, char *err, size_t errlen) {
  struct stat st;
  char why[256];
  cairo_surface_t *s = rd_png_load(path, 0, &st, why, sizeof why);
  if (!s) {
    vg_errf(err, errlen, "%s: %s", path, why);
    return -1;
  }
  int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  memset(out, 0, sizeof *out);
  if (ensure_buffer(out, w, h, err, errlen) != 0) {
    cairo_surface_destroy(s);
    return -1;
  }
  cairo_surface_t *dst = cairo_image_surface_create_for_data(out->data, CAIRO_FORMAT_ARGB32, w, h,
                                                             out->stride);
  cairo_t *cr = cairo_create(dst);
  cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface(cr, s, 0, 0);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(dst);
  cairo_surface_destroy(dst);
  cairo_surface_destroy(s);
  return 0;
}

int vg_render_measure_item(const cJSON *item, double scale, vg_render_measure *m, char *err,
                           size_t errlen) {
  (void)scale;   /* layout does not depend on resolution (no hinting) */
  if (!cJSON_IsObject(item)) {
    vg_errf(err, errlen, "measure: expected a text item");
    return -1;
  }
  rd_text_spec s;
  rd_text_spec_from_json(item, !strcmp(vg_json_str(item, "type", "text"), "code"), &s);
  const rd_fitted *f = rd_text_fit(&s);
  m->final_size = f->final_size;
  m->width = f->width;
  m->height = f->height;
  m->lines = f->lines;
  m->shrunk = f->shrunk;
  m->cut = f->cut;
  m->broken = f->broken;
  const char *shown = g_object_get_data(G_OBJECT(f->layout), RD_CODE_TEXT);
  m->text = shown ? shown : pango_layout_get_text(f->layout);
  return 0;
}

int vg_render_image_size(const char *path, int *width, int *height, char *err, size_t errlen) {
  /* the header tells; decoding waits for a frame that draws it */
  return rd_png_size(path, width, height, err, errlen);
}

void vg_render_thread_cleanup(void) { rd_text_thread_cleanup(); }
