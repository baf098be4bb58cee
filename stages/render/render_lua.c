/* render_lua.c: require("vg.render_core"), the raw Lua binding of the renderer.
 * The friendly API (scene layouts, themes, timing) is lua/vg/render.lua.
 *
 *   render(dl, w, h)             -> Buffer, warnings
 *   render_png(dl, w, h, path)   -> true, warnings | nil, message
 *   render_png_async(...)        same, rendered on the libuv pool (yields)
 *   check(dl)                    -> warnings (fits text without drawing)
 *   measure(text_item)           -> {final_size, width, height, lines, shrunk, cut, broken, text}
 *   token_pieces(text)           -> list: text cut where a long token may break
 *   load_png(path)               -> Buffer | nil, message
 *   image_size(path)             -> w, h | nil, message
 *   fonts_id()                   -> hex digest of the fonts pictures are drawn with
 *   bench(dl, w, h, n), bench_pictures(lists, w, h, n[, under, alphas]): ms per picture
 *   Buffer: width, height, pixel(x, y), mean_luminance(), count_near(r,g,b,tol),
 *           diff(other, tol), write_png(path), bytes(), close()
 *
 * Misuse raises; runtime failures return nil, message. */
#include "render.h"
#include "vg_lua.h"
#include "vg_utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BUFFER_MT "vg.RenderBuffer"

typedef struct lbuffer {
  vg_render_buffer b;
} lbuffer;

/* A display list as JSON, through the engine's one conversion. */
static cJSON *check_dl(lua_State *L, int idx) {
  luaL_checktype(L, idx, LUA_TTABLE);
  char err[256];
  cJSON *j = vgl_to_json_ex(L, idx, VGL_JSON_SKIP | VGL_JSON_NONFINITE, err, sizeof err);
  if (!j) luaL_argerror(L, idx, err);
  return j;
}

static void push_warnings(lua_State *L, const cJSON *w) {
  if (w) vgl_push_json(L, w);
  else lua_newtable(L);
}

static lbuffer *new_buffer(lua_State *L) {
  lbuffer *b = lua_newuserdatauv(L, sizeof *b, 0);
  memset(b, 0, sizeof *b);
  luaL_setmetatable(L, BUFFER_MT);
  return b;
}

static int check_size(lua_State *L, int idx) {
  lua_Integer v = luaL_checkinteger(L, idx);
  luaL_argcheck(L, v > 0 && v <= 16384, idx, "size out of range");
  return (int)v;
}

/* Arguments are checked before the display list is converted: a raising
 * check must not leak the converted copy. */
static int l_render(lua_State *L) {
  int w = check_size(L, 2), h = check_size(L, 3);
  cJSON *dl = check_dl(L, 1);
  lbuffer *b = new_buffer(L);
  cJSON *warn = NULL;
  char err[256];
  int rc = vg_render_cjson(dl, w, h, &b->b, &warn, err, sizeof err);
  cJSON_Delete(dl);
  if (rc != 0) {
    return vgl_fail(L, err, NULL);
  }
  push_warnings(L, warn);
  cJSON_Delete(warn);
  return 2;
}

/* render_core.redraw(buffer, new_dl, old_dl) -> x, y, w, h: the buffer
 * holds old_dl's picture; only the pixels that differ are drawn again. */
static lbuffer *check_buf(lua_State *L, int idx);
static int l_redraw(lua_State *L) {
  lbuffer *b = check_buf(L, 1);
  if (!b->b.data) return luaL_error(L, "redraw: the buffer is closed");
  luaL_checktype(L, 3, LUA_TTABLE);
  cJSON *dl = check_dl(L, 2);
  char cerr[256];
  cJSON *old = vgl_to_json_ex(L, 3, VGL_JSON_SKIP | VGL_JSON_NONFINITE, cerr, sizeof cerr);
  if (!old) {
    cJSON_Delete(dl);
    return luaL_argerror(L, 3, cerr);
  }
  vg_render_rect r;
  char err[256] = "";
  int rc = vg_render_changed(old, dl, b->b.width, b->b.height, &r);
  if (rc == 0 && r.w > 0) rc = vg_render_region(dl, &r, &b->b, err, sizeof err);
  else if (rc != 0) rc = vg_render_cjson(dl, b->b.width, b->b.height, &b->b, NULL, err, sizeof err);
  cJSON_Delete(dl);
  cJSON_Delete(old);
  if (rc != 0) {
    return vgl_fail(L, err, NULL);
  }
  lua_pushinteger(L, r.x);
  lua_pushinteger(L, r.y);
  lua_pushinteger(L, r.w);
  lua_pushinteger(L, r.h);
  return 4;
}

static int l_render_png(lua_State *L) {
  int w = check_size(L, 2), h = check_size(L, 3);
  const char *path = luaL_checkstring(L, 4);
  cJSON *dl = check_dl(L, 1);
  vg_render_buffer b = {0};
  cJSON *warn = NULL;
  char err[512];
  int rc = vg_render_cjson(dl, w, h, &b, &warn, err, sizeof err);
  cJSON_Delete(dl);
  if (rc == 0) rc = vg_render_write_png(&b, path, err, sizeof err);
  vg_render_buffer_free(&b);
  if (rc != 0) {
    cJSON_Delete(warn);
    return vgl_fail(L, err, NULL);
  }
  lua_pushboolean(L, 1);
  push_warnings(L, warn);
  cJSON_Delete(warn);
  return 2;
}

static int l_check(lua_State *L) {
  cJSON *dl = check_dl(L, 1);
  cJSON *warn = NULL;
  char err[256];
  int rc = vg_render_check(dl, &warn, err, sizeof err);
  cJSON_Delete(dl);
  if (rc != 0) {
    return vgl_fail(L, err, NULL);
  }
  push_warnings(L, warn);
  cJSON_Delete(warn);
  return 1;
}

/* ---- on the thread pool ---------------------------------------------------- */

typedef struct async_req {
  cJSON *dl;
  int w, h;
  char *path;
  cJSON *warn;
  int rc;
  char err[512];
} async_req;

static void async_work(void *d) {
  async_req *r = d;
  vg_render_buffer b = {0};
  r->rc = vg_render_cjson(r->dl, r->w, r->h, &b, &r->warn, r->err, sizeof r->err);
  if (r->rc == 0) r->rc = vg_render_write_png(&b, r->path, r->err, sizeof r->err);
  vg_render_buffer_free(&b);
}

static int async_push(lua_State *L, void *d) {
  async_req *r = d;
  if (r->rc != 0) {
    return vgl_fail(L, r->err, NULL);
  }
  lua_pushboolean(L, 1);
  push_warnings(L, r->warn);
  return 2;
}

static void async_free(void *d) {
  async_req *r = d;
  cJSON_Delete(r->dl);
  cJSON_Delete(r->warn);
  free(r->path);
  free(r);
}

static int l_render_png_async(lua_State *L) {
  int w = check_size(L, 2), h = check_size(L, 3);
  const char *path = luaL_checkstring(L, 4);
  cJSON *dl = check_dl(L, 1);
  async_req *r = calloc(1, sizeof *r);
  if (!r) {
    cJSON_Delete(dl);
    return luaL_error(L, "out of memory");
  }
  r->dl = dl;
  r->w = w;
  r->h = h;
  r->path = strdup(path);
  return vgl_work(L, async_work, async_push, async_free, r);
}

static int l_measure(lua_State *L) {
  cJSON *it = check_dl(L, 1);
  vg_render_measure m;
  char err[256];
  int rc = vg_render_measure_item(it, 1.0, &m, err, sizeof err);
  cJSON_Delete(it);
  if (rc != 0) return luaL_error(L, "%s", err);
  lua_createtable(L, 0, 8);
  lua_pushnumber(L, m.final_size); lua_setfield(L, -2, "final_size");
  lua_pushnumber(L, m.width); lua_setfield(L, -2, "width");
  lua_pushnumber(L, m.height); lua_setfield(L, -2, "height");
  lua_pushinteger(L, m.lines); lua_setfield(L, -2, "lines");
  lua_pushboolean(L, m.shrunk); lua_setfield(L, -2, "shrunk");
  lua_pushboolean(L, m.cut); lua_setfield(L, -2, "cut");
  lua_pushinteger(L, m.broken); lua_setfield(L, -2, "broken");
  lua_pushstring(L, m.text ? m.text : ""); lua_setfield(L, -2, "text");
  return 1;
}

/* token_pieces(text) -> the pieces text is cut into where the renderer
 * lets a long token break (vg_render_token_breaks); {text} when it has
 * no such place. */
static int l_token_pieces(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  size_t local[64], *at = local;
  size_t n = vg_render_token_breaks(s, len, at, 64);
  if (n > 64) {   /* (a userdata: freed by Lua even when a push below raises) */
    at = lua_newuserdatauv(L, n * sizeof *at, 0);
    vg_render_token_breaks(s, len, at, n);
  }
  lua_createtable(L, (int)n + 1, 0);
  size_t from = 0;
  for (size_t i = 0; i <= n; i++) {
    size_t to = i < n ? at[i] : len;
    lua_pushlstring(L, s + from, to - from);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
    from = to;
  }
  return 1;
}

/* bench(dl, w, h, n) -> ms per frame of the C path alone (JSON already
 * parsed, buffer reused), as a native stage would call it. */
static int l_bench(lua_State *L) {
  int w = check_size(L, 2), h = check_size(L, 3);
  lua_Integer n = luaL_optinteger(L, 4, 50);
  cJSON *dl = check_dl(L, 1);
  vg_render_buffer b = {0};
  char err[256];
  struct timespec t0, t1;
  int rc = vg_render_cjson(dl, w, h, &b, NULL, err, sizeof err);   /* warm-up */
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (lua_Integer i = 0; rc == 0 && i < n; i++) rc = vg_render_cjson(dl, w, h, &b, NULL, err, sizeof err);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  vg_render_buffer_free(&b);
  cJSON_Delete(dl);
  if (rc != 0) return luaL_error(L, "%s", err);
  double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  lua_pushnumber(L, ms / (double)(n > 0 ? n : 1));
  return 1;
}

/* bench_pictures(lists, w, h, n[, under, alphas]) -> ms per picture, changed
 * fraction: each picture of an animation drawn as the video stage draws it,
 * n times over (buffers reused).
 * Without `under`: picture 1 whole, then each next one only where it differs
 * from the one before (vg_render_changed + vg_render_region); the first is
 * not counted. With `under` (a crossfade): under drawn once (not counted),
 * then each picture drawn whole and blended over it at alphas[i].
 * changed: the mean share of the frame drawn per counted picture. */
static int l_bench_pictures(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  int w = check_size(L, 2), h = check_size(L, 3);
  lua_Integer reps = luaL_optinteger(L, 4, 5);
  int fade = !lua_isnoneornil(L, 5);
  if (fade) luaL_checktype(L, 6, LUA_TTABLE);
  int n = (int)luaL_len(L, 1);
  luaL_argcheck(L, n >= 2 && n <= 1000, 1, "2..1000 display lists");
  cJSON **dl = calloc((size_t)n, sizeof *dl);
  double *alpha = calloc((size_t)n, sizeof *alpha);
  cJSON *under = NULL;
  char err[256] = "";
  int rc = dl && alpha ? 0 : -1;
  if (rc) vg_errf(err, sizeof err, "out of memory");
  for (int i = 0; rc == 0 && i < n; i++) {
    lua_rawgeti(L, 1, i + 1);
    if (lua_istable(L, -1)) dl[i] = vgl_to_json_ex(L, -1, VGL_JSON_SKIP | VGL_JSON_NONFINITE, err, sizeof err);
    else vg_errf(err, sizeof err, "lists[%d]: a display list expected", i + 1);
    lua_pop(L, 1);
    if (!dl[i]) rc = -1;
    if (fade) {
      lua_rawgeti(L, 6, i + 1);
      alpha[i] = lua_tonumber(L, -1);
      lua_pop(L, 1);
    }
  }
  if (rc == 0 && fade) {
    if (lua_istable(L, 5)) under = vgl_to_json_ex(L, 5, VGL_JSON_SKIP | VGL_JSON_NONFINITE, err, sizeof err);
    else vg_errf(err, sizeof err, "under: a display list expected");
    if (!under) rc = -1;
  }
  vg_render_buffer buf = {0}, bu = {0};
  double ms = 0, area = 0;
  long counted = 0;
  for (lua_Integer r = 0; rc == 0 && r < reps; r++) {
    struct timespec t0, t1;
    if (fade) {
      rc = vg_render_cjson(under, w, h, &bu, NULL, err, sizeof err);
      clock_gettime(CLOCK_MONOTONIC, &t0);
      for (int i = 0; rc == 0 && i < n; i++) {
        rc = vg_render_cjson(dl[i], w, h, &buf, NULL, err, sizeof err);
        if (rc == 0) vg_render_blend(&bu, &buf, alpha[i], &buf);
        area += 1;
        counted++;
      }
    } else {
      rc = vg_render_cjson(dl[0], w, h, &buf, NULL, err, sizeof err);
      clock_gettime(CLOCK_MONOTONIC, &t0);
      for (int i = 1; rc == 0 && i < n; i++) {
        vg_render_rect c;
        if (vg_render_changed(dl[i - 1], dl[i], w, h, &c) == 0 && (c.w < w || c.h < h)) {
          if (c.w > 0) rc = vg_render_region(dl[i], &c, &buf, err, sizeof err);
          area += (double)c.w * c.h / ((double)w * h);
        } else {
          rc = vg_render_cjson(dl[i], w, h, &buf, NULL, err, sizeof err);
          area += 1;
        }
        counted++;
      }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    ms += (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  }
  vg_render_buffer_free(&buf);
  vg_render_buffer_free(&bu);
  for (int i = 0; dl && i < n; i++) cJSON_Delete(dl[i]);
  free(dl);
  free(alpha);
  cJSON_Delete(under);
  if (rc != 0) return luaL_error(L, "%s", err);
  lua_pushnumber(L, counted ? ms / (double)counted : 0);
  lua_pushnumber(L, counted ? area / (double)counted : 0);
  return 2;
}

static int l_image_size(lua_State *L) {
  int w, h;
  char err[256];
  if (vg_render_image_size(luaL_checkstring(L, 1), &w, &h, err, sizeof err) != 0) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", lua_tostring(L, 1), err);
    return 2;
  }
  lua_pushinteger(L, w);
  lua_pushinteger(L, h);
  return 2;
}

static int l_load_png(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  lbuffer *b = new_buffer(L);
  char err[512];
  if (vg_render_read_png(path, &b->b, err, sizeof err) != 0) {
    return vgl_fail(L, err, NULL);
  }
  return 1;
}

/* ---- Buffer ------------------------------------------------------------------ */

static lbuffer *check_buf(lua_State *L, int idx) {
  lbuffer *b = luaL_checkudata(L, idx, BUFFER_MT);
  if (!b->b.data) luaL_error(L, "render buffer is closed");
  return b;
}

/* un-premultiplied r,g,b,a of one pixel */
static void get_px(const vg_render_buffer *b, int x, int y, double px[4]) {
  const uint32_t v = *(const uint32_t *)(b->data + (size_t)y * b->stride + (size_t)x * 4);
  double a = (v >> 24) & 255;
  double r = (v >> 16) & 255, g = (v >> 8) & 255, bl = v & 255;
  if (a > 0 && a < 255) { r = r * 255 / a; g = g * 255 / a; bl = bl * 255 / a; }
  px[0] = r; px[1] = g; px[2] = bl; px[3] = a;
}

static int b_width(lua_State *L) { lua_pushinteger(L, check_buf(L, 1)->b.width); return 1; }
static int b_height(lua_State *L) { lua_pushinteger(L, check_buf(L, 1)->b.height); return 1; }

static int b_pixel(lua_State *L) {
  lbuffer *b = check_buf(L, 1);
  lua_Integer x = luaL_checkinteger(L, 2), y = luaL_checkinteger(L, 3);
  luaL_argcheck(L, x >= 0 && x < b->b.width, 2, "x out of range");
  luaL_argcheck(L, y >= 0 && y < b->b.height, 3, "y out of range");
  double px[4];
  get_px(&b->b, (int)x, (int)y, px);
  for (int i = 0; i < 4; i++) lua_pushinteger(L, (lua_Integer)lround(px[i]));
  return 4;
}

static int b_mean_luminance(lua_State *L) {
  lbuffer *b = check_buf(L, 1);
  double sum = 0, px[4];
  for (int y = 0; y < b->b.height; y++)
    for (int x = 0; x < b->b.width; x++) {
      get_px(&b->b, x, y, px);
      sum += 0.2126 * px[0] + 0.7152 * px[1] + 0.0722 * px[2];
    }
  lua_pushnumber(L, sum / ((double)b->b.width * b->b.height));
  return 1;
}

static int b_count_near(lua_State *L) {
  lbuffer *b = check_buf(L, 1);
  double t[3] = {luaL_checknumber(L, 2), luaL_checknumber(L, 3), luaL_checknumber(L, 4)};
  double tol = luaL_optnumber(L, 5, 16), px[4];
  lua_Integer n = 0;
  for (int y = 0; y < b->b.height; y++)
    for (int x = 0; x < b->b.width; x++) {
      get_px(&b->b, x, y, px);
      if (fabs(px[0] - t[0]) <= tol && fabs(px[1] - t[1]) <= tol && fabs(px[2] - t[2]) <= tol) n++;
    }
  lua_pushinteger(L, n);
  return 1;
}

/* diff(other, tol) -> max channel difference, mean difference, fraction of
 * pixels whose difference exceeds tol */
static int b_diff(lua_State *L) {
  lbuffer *a = check_buf(L, 1), *b = check_buf(L, 2);
  double tol = luaL_optnumber(L, 3, 24);
  if (a->b.width != b->b.width || a->b.height != b->b.height) {
    lua_pushnil(L);
    lua_pushfstring(L, "size differs: %dx%d vs %dx%d", a->b.width, a->b.height, b->b.width, b->b.height);
    return 2;
  }
  double maxd = 0, sum = 0, pa[4], pb[4];
  long over = 0;
  for (int y = 0; y < a->b.height; y++)
    for (int x = 0; x < a->b.width; x++) {
      get_px(&a->b, x, y, pa);
      get_px(&b->b, x, y, pb);
      double d = 0;
      for (int i = 0; i < 4; i++) d = fmax(d, fabs(pa[i] - pb[i]));
      maxd = fmax(maxd, d);
      sum += d;
      if (d > tol) over++;
    }
  double n = (double)a->b.width * a->b.height;
  lua_pushnumber(L, maxd);
  lua_pushnumber(L, sum / n);
  lua_pushnumber(L, over / n);
  return 3;
}

static int b_write_png(lua_State *L) {
  lbuffer *b = check_buf(L, 1);
  char err[512];
  if (vg_render_write_png(&b->b, luaL_checkstring(L, 2), err, sizeof err) != 0) {
    return vgl_fail(L, err, NULL);
  }
  lua_pushboolean(L, 1);
  return 1;
}

static int b_bytes(lua_State *L) {
  lbuffer *b = check_buf(L, 1);
  luaL_Buffer lb;
  size_t row = (size_t)b->b.width * 4;
  char *p = luaL_buffinitsize(L, &lb, row * b->b.height);
  for (int y = 0; y < b->b.height; y++) memcpy(p + row * y, b->b.data + (size_t)y * b->b.stride, row);
  luaL_pushresultsize(&lb, row * b->b.height);
  return 1;
}

/* __gc and __close and close(): safe to call twice */
static int b_close(lua_State *L) {
  lbuffer *b = luaL_checkudata(L, 1, BUFFER_MT);
  vg_render_buffer_free(&b->b);
  return 0;
}

static int b_tostring(lua_State *L) {
  lbuffer *b = luaL_checkudata(L, 1, BUFFER_MT);
  if (b->b.data) lua_pushfstring(L, "vg.RenderBuffer (%dx%d)", b->b.width, b->b.height);
  else lua_pushliteral(L, "vg.RenderBuffer (closed)");
  return 1;
}

static int l_fonts_id(lua_State *L) {
  lua_pushstring(L, vg_render_fonts_id());
  return 1;
}

static const luaL_Reg buffer_methods[] = {
  {"width", b_width}, {"height", b_height}, {"pixel", b_pixel},
  {"mean_luminance", b_mean_luminance}, {"count_near", b_count_near}, {"diff", b_diff},
  {"write_png", b_write_png}, {"bytes", b_bytes}, {"close", b_close}, {NULL, NULL},
};

static const luaL_Reg funcs[] = {
  {"render", l_render}, {"redraw", l_redraw}, {"render_png", l_render_png}, {"check", l_check}, {"render_png_async", l_render_png_async},
  {"measure", l_measure}, {"token_pieces", l_token_pieces}, {"load_png", l_load_png}, {"bench", l_bench},
  {"bench_pictures", l_bench_pictures},
  {"image_size", l_image_size}, {"fonts_id", l_fonts_id}, {NULL, NULL},
};

int vgmod_render_core(lua_State *L) {
  vgl_class(L, BUFFER_MT, buffer_methods, b_close, b_tostring);
  luaL_newlib(L, funcs);
  return 1;
}
