/* fuzz_input.c: a libFuzzer harness for every input adapter (make fuzz), and
 * a replay driver for CTest: the first byte picks the adapter, the rest is
 * the document, written to a temporary file and loaded with every option. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const ext[] = { ".yaml", ".json", ".md", ".srt", ".vtt", ".rst", ".txt" };
  if (size < 1) return 0;
  char path[64];
  snprintf(path, sizeof path, "/tmp/vgi_fuzz_%d%s", (int)getpid(), ext[data[0] % 7]);
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data + 1, 1, size - 1, f);
  fclose(f);
  vgi_options o = { .split = (data[0] & 8) ? "h2" : NULL, .duration = (data[0] & 16) ? 30 : 0 };
  vgi_diags d = {0};
  cJSON *m = vgi_load(path, &o, &d);
  for (size_t i = 0; i < d.n; i++) free(vgi_diag_format(&d.v[i]));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(path);
  return 0;
}

#ifndef VG_LIBFUZZER
/* Replay: each file argument is loaded as every adapter. */
int main(int argc, char **argv) {
  int n = 0;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) { fprintf(stderr, "cannot open %s\n", argv[i]); return 1; }
    static uint8_t buf[1 << 20];
    size_t len = fread(buf + 1, 1, sizeof buf - 1, f);
    fclose(f);
    for (int k = 0; k < 32; k++) {
      buf[0] = (uint8_t)k;
      LLVMFuzzerTestOneInput(buf, len + 1);
      n++;
    }
  }
  printf("replayed %d inputs\n", n);
  return 0;
}
#endif
