/* Preloaded into vgrun by kept_blocks.sh: asks for a 2 MB-aligned block the
 * size of one of x264's frame buffers, writes it, frees it and asks again,
 * then says whether the second block is the first one with its pages still
 * mapped (the vgrun program keeps such blocks: cli/kept_blocks.c) or fresh
 * memory (glibc's memalign). The executable's memalign and free come before
 * this library's lookups, so the probe sees what libx264 sees. */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

__attribute__((constructor)) static void probe(void) {
  const size_t align = (size_t)2 << 20, n = (size_t)5 << 20;
  long page = sysconf(_SC_PAGESIZE);
  unsigned char *p = memalign(align, n);
  if (!p) { fprintf(stderr, "kept_blocks: no memory\n"); return; }
  memset(p, 1, n);
  __asm__ volatile("" : : "r"(p) : "memory");   /* the writes happen before free */
  free(p);
  /* a small aligned block and a foreign 2 MB-aligned one pass through */
  void *small = memalign(64, 100), *foreign = NULL;
  int small_ok = small && ((uintptr_t)small & 63) == 0;
  free(small);
  if (posix_memalign(&foreign, align, 4096) == 0) free(foreign);
  unsigned char *q = memalign(align, n);
  if (!q) { fprintf(stderr, "kept_blocks: no memory\n"); return; }
  size_t pages = (n + (size_t)page - 1) / (size_t)page, resident = 0;
  unsigned char *vec = malloc(pages);
  /* mincore wants a page-aligned start: q is 2 MB-aligned */
  if (vec && mincore(q, n, vec) == 0)
    for (size_t i = 0; i < pages; i++) resident += vec[i] & 1;
  fprintf(stderr, "kept_blocks: %s %s%s\n", q == p ? "same" : "other",
          resident == pages ? "resident" : "fresh", small_ok ? "" : " (small block misaligned)");
  free(vec);
  free(q);
}
