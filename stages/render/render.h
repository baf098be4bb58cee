/* render.h: the scene renderer's C API. Turns a display list (JSON, see
 * docs/scenes.md) into pixels with Cairo + PangoCairo. Called by the Lua
 * binding (require "vg.render_core") and by native stages such as the
 * encoder pipeline, which render frames on worker threads.
 *
 * Threads: every function here may be called from any thread. Each thread
 * keeps its own font map, Pango context and layout cache; nothing is shared
 * except read-only data, so concurrent renders never lock each other. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <cjson/cJSON.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Pixels as Cairo keeps them: premultiplied ARGB32 in native byte order,
 * i.e. B,G,R,A bytes on little-endian machines (AV_PIX_FMT_BGRA). Frames
 * rendered by vg_render have an opaque background, so alpha is 255. */
typedef struct vg_render_buffer {
  unsigned char *data;   /* owned by the buffer; free with vg_render_buffer_free */
  int width, height;
  int stride;            /* bytes per row (>= 4 * width) */
} vg_render_buffer;

/* Renders a display list into `out`. If out->data is NULL a buffer of
 * width x height is allocated; otherwise out must already have that size
 * and is drawn over entirely (reuse one buffer across frames).
 * `warnings` (may be NULL) receives a cJSON array (caller frees) with one
 * object per text or code box that had to be shrunk or cut:
 *   {"id": "...", "status": "shrunk"|"cut", "size": 48, "final_size": 31.5}
 * Returns 0, or -1 with a message in err. */
int vg_render(const char *display_list_json, int width, int height,
              vg_render_buffer *out, cJSON **warnings, char *err, size_t errlen);
int vg_render_cjson(const cJSON *display_list, int width, int height,
                    vg_render_buffer *out, cJSON **warnings, char *err, size_t errlen);

/* Draws a display list's items over the pixels already in `out` (its size
 * is kept; no background is painted): e.g. captions over a blended frame.
 * 0, or -1 with err. */
int vg_render_over(const cJSON *display_list, vg_render_buffer *out, char *err, size_t errlen);

/* A rectangle of output pixels. */
typedef struct vg_render_rect { int x, y, w, h; } vg_render_rect;

/* Which output pixels differ between display lists a and b at width x
 * height: items are compared one by one (as JSON), and the ink of every
 * item that differs, in a and in b, is measured by replaying it on a Cairo
 * recording surface. *r is empty (w = 0) when nothing differs, the whole
 * frame when the size or background differ. 0, or -1 (then *r is the whole
 * frame) when a list is malformed. */
int vg_render_changed(const cJSON *a, const cJSON *b, int width, int height, vg_render_rect *r);

/* Draws display list dl into `out` (which holds a picture of the same list
 * size) inside `region` only; pixels outside are left as they are. Drawing
 * the region that vg_render_changed reported over the picture of a gives
 * the same bytes as drawing b whole (tests/render checks this on every
 * scene type's animation). 0, or -1 with err. */
int vg_render_region(const cJSON *dl, const vg_render_rect *region, vg_render_buffer *out,
                     char *err, size_t errlen);

/* out = under + (top - under) * alpha, channel by channel (alpha 0..1 in
 * steps of 1/256): a crossfade between two opaque frames of out's size.
 * out may be one of the inputs. */
void vg_render_blend(const vg_render_buffer *under, const vg_render_buffer *top, double alpha,
                     vg_render_buffer *out);

/* Fits every text and code box of a display list without drawing, and
 * reports as vg_render does (caller frees *warnings). Cheap: layouts are
 * cached, so checking a scene once per video costs one fit per box. */
int vg_render_check(const cJSON *display_list, cJSON **warnings, char *err, size_t errlen);

/* Skips frames that did not change: remembers the hash of the last display
 * list and size rendered into `out`. Returns 1 (out left untouched) when the
 * display list is byte-identical to the last one, 0 after rendering, -1 on
 * error. One memo per output buffer; not shared between threads. */
typedef struct vg_render_memo {
  uint64_t hash;
  int width, height, valid;
  unsigned long drawn, skipped;   /* counters for benchmarks and tests */
} vg_render_memo;
int vg_render_memo_frame(vg_render_memo *m, const char *display_list_json, int width,
                         int height, vg_render_buffer *out, cJSON **warnings,
                         char *err, size_t errlen);

void vg_render_buffer_free(vg_render_buffer *b);
/* Writes the buffer as PNG (un-premultiplied). 0, or -1 with err. */
int vg_render_write_png(const vg_render_buffer *b, const char *path, char *err, size_t errlen);
/* Reads a PNG into a new buffer (for golden-image tests), as carefully as
 * pictures in a display list (see vg_render_image_size). */
int vg_render_read_png(const char *path, vg_render_buffer *out, char *err, size_t errlen);

/* Measures a text item (the JSON object of a "text" or "code" item; x/y
 * ignored) as it would be fitted at `scale` output pixels per design unit.
 * Fills the fitted font size, the used height in design units, and whether
 * the text was cut. 0, or -1 with err. */
typedef struct vg_render_measure {
  double final_size;
  double width, height;   /* ink-free logical extents, design units */
  int lines;
  int shrunk, cut;
  int broken;       /* code: wrapped lines that start inside a run between spaces */
  const char *text;       /* the text as laid out (markup removed); valid until the
                           * next measure or render on this thread */
} vg_render_measure;
int vg_render_measure_item(const cJSON *item, double scale, vg_render_measure *m,
                           char *err, size_t errlen);

/* Where a line of text may break inside a long token (a path, a URL, an
 * identifier with ":" "/" "." "-" "_" between its letters or digits), as
 * the renderer breaks text that a line cannot hold: the byte offsets into
 * text[0, len), in order, of which the first max go into at (may be NULL
 * when max is 0). Returns how many there are. Layouts measure the pieces
 * between them (a table column's narrowest width). */
size_t vg_render_token_breaks(const char *text, size_t len, size_t *at, size_t max);

/* Size of a PNG as the renderer sees it (cached per thread). 0, or -1 with
 * the reason in err if it cannot be used: only a regular file is opened
 * (never a FIFO or device), at most 64 MB, a PNG of at most 16384 px a side. */
int vg_render_image_size(const char *path, int *width, int *height, char *err, size_t errlen);

/* A digest of the fonts fontconfig offers and of its configuration, hex
 * (made once per process: fonts_id.c). Part of a cached picture's key. */
const char *vg_render_fonts_id(void);

/* Frees this thread's font map and caches now (they are also freed when a
 * thread exits). For leak checkers. */
void vg_render_thread_cleanup(void);

#ifdef __cplusplus
}
#endif
