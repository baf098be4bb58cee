/* fuzz_render.c: text as a document can make it, drawn. The first byte picks
 * the item (code in a shell or another language, a heading, body text) and
 * its size; the rest is its text (made valid UTF-8, as every reader makes
 * it): fitting, wrapping at tokens, box drawing (boxdraw.c), colour spans
 * and the fallback fonts must never read or write outside their buffers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > 8192) return 0;
  static const char *types[] = { "code", "code", "heading", "text" };
  static const char *langs[] = { "shell", "c", "text", "python" };
  unsigned pick = data[0];
  gchar *text = g_utf8_make_valid((const gchar *)data + 1, (gssize)(size - 1));
  cJSON *dl = cJSON_CreateObject();
  cJSON_AddStringToObject(dl, "background", "#1e293b");
  cJSON *items = cJSON_AddArrayToObject(dl, "items");
  cJSON *it = cJSON_CreateObject();
  cJSON_AddStringToObject(it, "type", types[pick & 3]);
  cJSON_AddNumberToObject(it, "x", 8);
  cJSON_AddNumberToObject(it, "y", 8);
  cJSON_AddNumberToObject(it, "w", 200 + (pick >> 6) * 40);
  cJSON_AddNumberToObject(it, "h", 100 + ((pick >> 4) & 3) * 20);
  cJSON_AddNumberToObject(it, "size", 6 + ((pick >> 2) & 3) * 10);
  cJSON_AddStringToObject(it, "language", langs[(pick >> 4) & 3]);
  cJSON_AddStringToObject(it, "text", text);
  cJSON_AddItemToArray(items, it);
  vg_render_buffer b = {0};
  cJSON *warn = NULL;
  char err[256];
  if (vg_render_cjson(dl, 320, 180, &b, &warn, err, sizeof err) == 0) vg_render_buffer_free(&b);
  cJSON_Delete(warn);
  cJSON_Delete(dl);
  g_free(text);
  return 0;
}
