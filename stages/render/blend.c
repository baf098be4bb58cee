/* blend.c: the crossfade of two rendered frames (vg_render_blend). Integer
 * only, compiled with -O3 so it vectorises: the same bytes on every CPU. */
#include "render.h"

#include <math.h>

/* 8-bit alpha in 16-bit lanes: u*(256-a) + b*a + 128 < 65536, so the loop
 * vectorises without widening to 32 bits */
__attribute__((target_clones("avx2", "default")))
void vg_render_blend(const vg_render_buffer *under, const vg_render_buffer *top, double alpha,
                     vg_render_buffer *out) {
  const uint16_t wt = (uint16_t)lround(fmin(1, fmax(0, alpha)) * 256), wu = (uint16_t)(256 - wt);
  /* locals: byte stores may alias the structs, which would stop vectorising */
  const int h = out->height, n = 4 * out->width;
  for (int y = 0; y < h; y++) {
    const uint8_t *u = under->data + (size_t)y * (size_t)under->stride;
    const uint8_t *t = top->data + (size_t)y * (size_t)top->stride;
    uint8_t *o = out->data + (size_t)y * (size_t)out->stride;
    for (int x = 0; x < n; x++) {
      uint16_t v = (uint16_t)((uint16_t)(u[x] * wu) + (uint16_t)(t[x] * wt) + 128);
      o[x] = (uint8_t)(v >> 8);
    }
  }
}
