/* fuzz_adapter.c: one input adapter, chosen at build time (VG_FUZZ_FORMAT,
 * VG_FUZZ_EXT): the bytes are written to a file and loaded with the full
 * path (parse, normalise, narrate, validate), with and without options. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char path[128];
  if (!path[0]) snprintf(path, sizeof path, "/tmp/vg-fuzz-%d%s", (int)getpid(), VG_FUZZ_EXT);
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  for (int variant = 0; variant < 2; variant++) {
    vgi_options o = { .format = VG_FUZZ_FORMAT, .split = variant ? "h2" : NULL, .duration = variant ? 20 : 0 };
    vgi_diags d = {0};
    cJSON *m = vgi_load(path, &o, &d);
    for (size_t i = 0; i < d.n; i++) free(vgi_diag_format(&d.v[i]));
    cJSON_Delete(m);
    vgi_diags_free(&d);
  }
  unlink(path);
  return 0;
}
