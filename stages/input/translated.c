/* translated.c: a document another reader translated into Markdown (rst.c,
 * text.c, asciidoc.c) read by the Markdown adapter, with the model's source
 * lines and the diagnostics put back on the document's own lines. */
#include "input_private.h"

#include <stdlib.h>
#include <string.h>

void vgi_mapped_line(vgi_buf *out, int **map, int *nmap, int *cap, int src, const char *s, size_t n) {
  vgi_buf_add(out, s, n);
  vgi_buf_add(out, "\n", 1);
  if (*nmap == *cap) {
    *cap = *cap ? *cap * 2 : 256;
    int *m = realloc(*map, sizeof *m * (size_t)*cap);
    if (!m) abort();
    *map = m;
  }
  (*map)[(*nmap)++] = src;
}

/* every "source" object's line (and its picture's) through the map */
static void remap(const int *map, int nmap, cJSON *node) {
  if (!node) return;
  for (cJSON *c = node->child; c; c = c->next) {
    if (c->string && !strcmp(c->string, "source") && cJSON_IsObject(c)) {
      for (int k = 0; k < 2; k++) {
        cJSON *l = cJSON_GetObjectItemCaseSensitive(c, k ? "image_line" : "line");
        if (cJSON_IsNumber(l) && l->valueint >= 1 && l->valueint <= nmap)
          cJSON_SetNumberValue(l, map[l->valueint - 1]);
      }
    } else if (cJSON_IsObject(c) || cJSON_IsArray(c)) {
      remap(map, nmap, c);
    }
  }
}

cJSON *vgi_markdown_load_mapped(char *md, size_t mlen, const char *file, const vgi_options *opts,
                                vgi_posmap *pm, vgi_diags *d, int *map, int nmap) {
  if (!md) {
    free(map);
    return NULL;
  }
  size_t first = d->n;
  cJSON *model = vgi_markdown_load(md, mlen, file, opts, pm, d);
  remap(map, nmap, model);
  for (size_t i = first; i < d->n; i++)
    if (d->v[i].line >= 1 && d->v[i].line <= nmap && d->v[i].file && !strcmp(d->v[i].file, file))
      d->v[i].line = map[d->v[i].line - 1];
  free(map);
  free(md);
  return model;
}
