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

/* every "source" object's line (and its picture's) through the map; a
 * line from another file (an AsciiDoc include) takes that file's name */
static void remap(const int *map, const int *mapfile, const char *const *files, int nmap, cJSON *node) {
  if (!node) return;
  for (cJSON *c = node->child; c; c = c->next) {
    if (c->string && !strcmp(c->string, "source") && cJSON_IsObject(c)) {
      cJSON *l = cJSON_GetObjectItemCaseSensitive(c, "line");
      if (mapfile && cJSON_IsNumber(l) && l->valueint >= 1 && l->valueint <= nmap && mapfile[l->valueint - 1] > 0) {
        cJSON *f = cJSON_CreateString(files[mapfile[l->valueint - 1]]);
        if (!f) abort();
        if (cJSON_GetObjectItemCaseSensitive(c, "file")) cJSON_ReplaceItemInObjectCaseSensitive(c, "file", f);
        else cJSON_AddItemToObject(c, "file", f);
      }
      for (int k = 0; k < 2; k++) {
        l = cJSON_GetObjectItemCaseSensitive(c, k ? "image_line" : "line");
        if (cJSON_IsNumber(l) && l->valueint >= 1 && l->valueint <= nmap)
          cJSON_SetNumberValue(l, map[l->valueint - 1]);
      }
    } else if (cJSON_IsObject(c) || cJSON_IsArray(c)) {
      remap(map, mapfile, files, nmap, c);
    }
  }
}

cJSON *vgi_markdown_load_mapped_files(char *md, size_t mlen, const char *file, const vgi_options *opts,
                                      vgi_posmap *pm, vgi_diags *d, int *map, int *mapfile,
                                      const char *const *files, int nmap) {
  if (!md) {
    free(map);
    free(mapfile);
    return NULL;
  }
  size_t first = d->n;
  cJSON *model = vgi_markdown_load(md, mlen, file, opts, pm, d);
  remap(map, mapfile, files, nmap, model);
  for (size_t i = first; i < d->n; i++)
    if (d->v[i].line >= 1 && d->v[i].line <= nmap && d->v[i].file && !strcmp(d->v[i].file, file)) {
      int k = d->v[i].line - 1;
      d->v[i].line = map[k];
      if (mapfile && mapfile[k] > 0) {
        free(d->v[i].file);
        d->v[i].file = vgi_strdup(files[mapfile[k]]);
      }
    }
  free(map);
  free(mapfile);
  free(md);
  return model;
}

cJSON *vgi_markdown_load_mapped(char *md, size_t mlen, const char *file, const vgi_options *opts,
                                vgi_posmap *pm, vgi_diags *d, int *map, int nmap) {
  return vgi_markdown_load_mapped_files(md, mlen, file, opts, pm, d, map, NULL, NULL, nmap);
}
