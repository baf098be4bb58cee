/* Large 2 MB-aligned blocks kept for reuse by the vgrun program.
 *
 * Each video segment opens an x264 encoder of its own, and libx264 0.164
 * allocates its frame buffers (every block of 1.75 MB or more: seven at
 * 1080p, 25 MB in all) with memalign(2 MB, size) and frees them when the
 * segment ends. glibc puts the next encoder's blocks elsewhere (the blocks
 * that outlived the segment sit among the freed ones, and a 2 MB-aligned
 * block no longer fits where it was), so every encoder after the first on
 * a thread faulted its 25 MB in again, page by page (docs/encode.md,
 * "x264's buffers faulted again by later segments"). Here the program
 * defines memalign and free (the executable's symbols come first for every
 * library, vgmedia.so's libx264 included): a block asked for with a 2 MB
 * alignment and freed is kept, up to KEPT_MAX bytes, and handed to the
 * next request of about its size, its pages still mapped. Everything else
 * goes to glibc at once; only 2 MB-aligned pointers are looked up on free.
 * What the encoder writes does not depend on where its buffers are.
 *
 * Not in libvg (an embedding program owns its process's malloc), not under
 * the sanitizers or without glibc (they bring their own allocator). */
#include <stddef.h>
#include <stdlib.h>   /* (defines __GLIBC__) */

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define VG_NO_KEPT_BLOCKS 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define VG_NO_KEPT_BLOCKS 1
#endif

#if defined(__GLIBC__) && !defined(VG_NO_KEPT_BLOCKS)
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>

extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *p);

#define KEPT_ALIGN ((size_t)2 << 20)
#define KEPT_MAX ((size_t)128 << 20)  /* about five encoders' blocks at 1080p */
#define NLIVE 1024                    /* blocks handed out and not yet freed */
#define NKEPT 64                      /* blocks kept */

static pthread_mutex_t kept_lock = PTHREAD_MUTEX_INITIALIZER;
static void *live[NLIVE];
static int nlive;
static struct { void *p; size_t n; } kept[NKEPT];
static int nkept;
static size_t kept_bytes;

/* a fork while another thread holds the lock: the child's copy is
 * released, as glibc does for its own arenas */
static void kept_prepare(void) { pthread_mutex_lock(&kept_lock); }
static void kept_parent(void) { pthread_mutex_unlock(&kept_lock); }
static void kept_child(void) { pthread_mutex_init(&kept_lock, NULL); }
__attribute__((constructor)) static void kept_init(void) {
  pthread_atfork(kept_prepare, kept_parent, kept_child);
}

void *memalign(size_t alignment, size_t size) {
  if (alignment != KEPT_ALIGN) return __libc_memalign(alignment, size);
  void *p = NULL;
  pthread_mutex_lock(&kept_lock);
  /* the smallest kept block that holds size and wastes under 2 MB */
  int best = -1;
  for (int i = 0; i < nkept; i++)
    if (kept[i].n >= size && kept[i].n - size < KEPT_ALIGN && (best < 0 || kept[i].n < kept[best].n)) best = i;
  if (best >= 0) {
    p = kept[best].p;
    kept_bytes -= kept[best].n;
    kept[best] = kept[--nkept];
  }
  pthread_mutex_unlock(&kept_lock);
  if (!p && !(p = __libc_memalign(alignment, size))) return NULL;
  pthread_mutex_lock(&kept_lock);
  if (nlive < NLIVE) live[nlive++] = p;   /* else freed to glibc as usual */
  pthread_mutex_unlock(&kept_lock);
  return p;
}

void free(void *p) {
  /* glibc's own chunks start 16 bytes into a page: only a block from
   * memalign can sit on a 2 MB boundary */
  if (p && ((uintptr_t)p & (KEPT_ALIGN - 1)) == 0) {
    int keep = 0;
    pthread_mutex_lock(&kept_lock);
    for (int i = 0; i < nlive; i++)
      if (live[i] == p) {
        live[i] = live[--nlive];
        size_t n = malloc_usable_size(p);   /* its real size, whatever was asked */
        if (nkept < NKEPT && kept_bytes + n <= KEPT_MAX) {
          kept[nkept].p = p;
          kept[nkept].n = n;
          nkept++;
          kept_bytes += n;
          keep = 1;
        }
        break;
      }
    pthread_mutex_unlock(&kept_lock);
    if (keep) return;
  }
  __libc_free(p);
}
#else
typedef int vg_kept_blocks_unused;   /* (ISO C: no empty translation unit) */
#endif
