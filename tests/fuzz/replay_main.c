/* replay_main.c: without libFuzzer, a harness is a regression test: every
 * file (or every file in every directory) named on the command line is fed
 * to LLVMFuzzerTestOneInput once. Crashes found by `make fuzz` are kept in
 * tests/fuzz/corpus/<target>/ and replayed here by ctest. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "cannot open %s\n", path); return -1; }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
  size_t got = buf ? fread(buf, 1, (size_t)(n > 0 ? n : 0), f) : 0;
  fclose(f);
  if (!buf) return -1;
  LLVMFuzzerTestOneInput(buf, got);
  free(buf);
  return 0;
}

int main(int argc, char **argv) {
  int n = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) { fprintf(stderr, "cannot open %s\n", argv[i]); return 1; }
    if (!S_ISDIR(st.st_mode)) { if (run_file(argv[i]) != 0) return 1; n++; continue; }
    DIR *d = opendir(argv[i]);
    struct dirent *de;
    while (d && (de = readdir(d))) {
      if (de->d_name[0] == '.') continue;
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", argv[i], de->d_name);
      if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) { if (run_file(path) != 0) return 1; n++; }
    }
    if (d) closedir(d);
  }
  printf("replayed %d inputs\n", n);
  return 0;
}
