/* picture.c: reading a PNG file into a Cairo surface, bounded in time and
 * memory whatever the file says.
 *
 * Pictures are read by us, never by a library that opens the path itself:
 * O_NONBLOCK so a FIFO cannot block open(), then only a regular file of a
 * sane size, and only dimensions Cairo can allocate. A picture larger than
 * it will ever be drawn is scaled down while it is decoded, a row at a time
 * (a box filter in premultiplied alpha): a 60 KB file that says 8000x8000
 * costs the scaled picture and one row, never its 256 MB of pixels.
 *
 * Decoded pictures are kept once for the whole process (a scene's picture
 * is drawn by several threads: its body, the crossfades on each side, the
 * thumbnail), within a budget of bytes. */
#include "render_private.h"
#include "vg.h"
#include "vg_utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <png.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The ceiling of limits.max_picture_* (engine/core/limits.c): the input
 * stage holds a document's pictures to its task's limits, which may be lower. */
#define PIC_MAX_BYTES (64L << 20)
#define PIC_MAX_SIDE 16384
#define PIC_MAX_PIXELS (64L << 20)
/* Text chunks, ICC profiles and the like are never needed to draw a
 * picture; libpng refuses any ancillary chunk larger than this. */
#define PIC_MAX_CHUNK (8L << 20)

typedef struct {
  const unsigned char *p;
  size_t n, off;
  jmp_buf jmp;
} png_src;

static void on_read(png_structp png, png_bytep data, size_t len) {
  png_src *m = png_get_io_ptr(png);
  if (len > m->n - m->off) png_error(png, "truncated");
  memcpy(data, m->p + m->off, len);
  m->off += len;
}

static void on_error(png_structp png, png_const_charp msg) {
  (void)msg;
  png_src *m = png_get_error_ptr(png);
  longjmp(m->jmp, 1);
}

static void on_warning(png_structp png, png_const_charp msg) { (void)png; (void)msg; }

/* Cairo's own premultiplication (cairo-png.c), so a picture drawn at its
 * size is the same pixels as Cairo's loader made. */
static inline uint32_t premultiply(const unsigned char *px) {
  unsigned a = px[3];
  if (a == 0) return 0;
  if (a == 0xff) return 0xffu << 24 | (uint32_t)px[0] << 16 | (uint32_t)px[1] << 8 | px[2];
  unsigned c[3];
  for (int i = 0; i < 3; i++) {
    unsigned t = a * px[i] + 0x80;
    c[i] = (t + (t >> 8)) >> 8;
  }
  return (uint32_t)a << 24 | c[0] << 16 | c[1] << 8 | c[2];
}

/* Rows of a w-wide RGBA picture go into an nw x nh surface: each source
 * pixel adds to the one target pixel it falls in, and a target row is
 * written when the source has moved past it. */
typedef struct {
  int w, h, nw, nh;
  int *col;             /* source column -> target column */
  uint32_t *sum;        /* nw x 4 channel sums of the target row in progress */
  uint32_t *count;      /* nw source pixels in each */
  int row;              /* the target row in progress, -1 before the first */
  unsigned char *data;  /* the surface's pixels */
  int stride;
} shrink;

/* One division a pixel, not four: the channel sums times 2^16/n. */
static inline uint32_t average(const uint32_t *c, uint32_t n) {
  uint32_t r = (65536u + n / 2) / n;
  return (c[3] * r + 32768u) >> 16 << 24 | (c[0] * r + 32768u) >> 16 << 16 |
         (c[1] * r + 32768u) >> 16 << 8 | (c[2] * r + 32768u) >> 16;
}

static void shrink_flush(shrink *s) {
  if (s->row < 0) return;
  uint32_t *out = (uint32_t *)(s->data + (size_t)s->row * s->stride);
  for (int x = 0; x < s->nw; x++) {
    uint32_t n = s->count[x], *c = s->sum + 4 * (size_t)x;
    if (!n) { out[x] = 0; continue; }
    out[x] = average(c, n);
  }
  memset(s->sum, 0, sizeof *s->sum * 4 * (size_t)s->nw);
  memset(s->count, 0, sizeof *s->count * (size_t)s->nw);
}

static void shrink_row(shrink *s, const unsigned char *rgba, int y) {
  int ty = (int)((int64_t)y * s->nh / s->h);
  if (ty != s->row) {
    shrink_flush(s);
    /* rows of the target no source row fell in (an interlaced picture's
     * even rows are not read) repeat the row above */
    for (int r = s->row + 1; r < ty; r++) {
      if (r > 0) memcpy(s->data + (size_t)r * s->stride, s->data + (size_t)(r - 1) * s->stride,
                        (size_t)s->nw * 4);
    }
    s->row = ty;
  }
  for (int x = 0; x < s->w; x++) {
    uint32_t p = premultiply(rgba + 4 * (size_t)x);
    uint32_t *c = s->sum + 4 * (size_t)s->col[x];
    c[0] += p >> 16 & 0xff;
    c[1] += p >> 8 & 0xff;
    c[2] += p & 0xff;
    c[3] += p >> 24;
    s->count[s->col[x]]++;
  }
}

static void shrink_end(shrink *s) {
  shrink_flush(s);
  for (int r = s->row + 1; r < s->nh; r++)
    if (r > 0) memcpy(s->data + (size_t)r * s->stride, s->data + (size_t)(r - 1) * s->stride,
                      (size_t)s->nw * 4);
}

/* Decodes a PNG held in memory. keep_side > 0 scales a larger picture down
 * to that many pixels on its longer side. */
static cairo_surface_t *decode(const unsigned char *buf, size_t n, int keep_side, char *err,
                               size_t errlen) {
  png_src m;
  memset(&m, 0, sizeof m);
  m.p = buf;
  m.n = n;
  cairo_surface_t *volatile surface = NULL;
  unsigned char *volatile row = NULL;
  int *volatile col = NULL;
  uint32_t *volatile sum = NULL, *volatile count = NULL;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &m, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  if (!png || !info) {
    png_destroy_read_struct(png ? &png : NULL, NULL, NULL);
    vg_errf(err, errlen, "out of memory");
    return NULL;
  }
  if (setjmp(m.jmp)) {
    if (surface) cairo_surface_destroy(surface);
    free(row);
    free(col);
    free(sum);
    free(count);
    png_destroy_read_struct(&png, &info, NULL);
    vg_errf(err, errlen, "its PNG data is damaged and cannot be decoded");
    return NULL;
  }
  png_set_read_fn(png, &m, on_read);
  png_set_user_limits(png, PIC_MAX_SIDE, PIC_MAX_SIDE);
  png_set_chunk_malloc_max(png, PIC_MAX_CHUNK);
  png_read_info(png, info);
  png_uint_32 w, h;
  int depth, ctype, interlace;
  png_get_IHDR(png, info, &w, &h, &depth, &ctype, &interlace, NULL, NULL);
  /* every picture becomes 8-bit RGBA, as Cairo's loader makes it */
  if (ctype == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (ctype == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  if (depth == 16) png_set_strip_16(png);
  if (ctype == PNG_COLOR_TYPE_GRAY || ctype == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
  png_set_filler(png, 0xff, PNG_FILLER_AFTER);
  int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  if (png_get_rowbytes(png, info) != (size_t)w * 4) png_error(png, "unexpected row size");

  int nw = (int)w, nh = (int)h;
  if (keep_side > 0 && (nw > keep_side || nh > keep_side)) {
    double sc = (double)keep_side / (w > h ? w : h);
    nw = (int)(w * sc + 0.5);
    nh = (int)(h * sc + 0.5);
    if (nw < 1) nw = 1;
    if (nh < 1) nh = 1;
  }
  surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, nw, nh);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) png_error(png, "no memory");
  unsigned char *data = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);

  if (nw == (int)w && nh == (int)h) {
    /* at its size: rows are read into the surface as RGBA (an interlaced
     * picture's passes fill the same rows), then premultiplied in place */
    for (int p = 0; p < passes; p++)
      for (png_uint_32 y = 0; y < h; y++) png_read_row(png, data + (size_t)y * stride, NULL);
    for (png_uint_32 y = 0; y < h; y++) {
      uint32_t *out = (uint32_t *)(data + (size_t)y * stride);
      for (png_uint_32 x = 0; x < w; x++) out[x] = premultiply((unsigned char *)(out + x));
    }
  } else {
    col = malloc(sizeof *col * w);
    sum = calloc((size_t)nw * 4, sizeof *sum);
    count = calloc((size_t)nw, sizeof *count);
    row = malloc((size_t)w * 4);
    if (!row || !col || !sum || !count) png_error(png, "no memory");
    for (png_uint_32 x = 0; x < w; x++) col[x] = (int)((int64_t)x * nw / w);
    shrink s = {(int)w, (int)h, nw, nh, col, sum, count, -1, data, stride};
    /* Interlaced: the last of Adam7's passes holds every odd row whole, so
     * those rows alone are scaled; the earlier passes are read and dropped
     * (a picture scaled down by at least 4096/16384 loses little). */
    for (int p = 0; p < passes; p++)
      for (png_uint_32 y = 0; y < h; y++) {
        png_read_row(png, row, NULL);
        if (passes == 1 || (p == passes - 1 && (y & 1))) shrink_row(&s, row, (int)y);
      }
    shrink_end(&s);
  }
  cairo_surface_mark_dirty(surface);
  free(row);
  free(col);
  free(sum);
  free(count);
  png_destroy_read_struct(&png, &info, NULL);
  return surface;
}

/* Opens a picture the careful way; its first bytes must be a PNG's
 * signature and header of a size Cairo can allocate. Returns the open file
 * and its dimensions, or -1 and why. */
static int open_png(const char *path, struct stat *st, unsigned long *w, unsigned long *h,
                    char *err, size_t errlen) {
  struct stat pre;
  if (stat(path, &pre) != 0) return vg_errf(err, errlen, "%s", strerror(errno));
  /* a device or FIFO is never opened (opening some devices does something) */
  if (!S_ISREG(pre.st_mode)) return vg_errf(err, errlen, "not a regular file");
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return vg_errf(err, errlen, "%s", strerror(errno));
  unsigned char head[24];
  size_t got = 0;
  if (fstat(fd, st) != 0) {
    vg_errf(err, errlen, "%s", strerror(errno));
    goto fail;
  }
  if (!S_ISREG(st->st_mode)) {
    vg_errf(err, errlen, "not a regular file");
    goto fail;
  }
  if (st->st_size > PIC_MAX_BYTES) {
    vg_errf(err, errlen, "larger than %ld MB", PIC_MAX_BYTES >> 20);
    goto fail;
  }
  while (got < sizeof head) {
    ssize_t r = pread(fd, head + got, sizeof head - got, (off_t)got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += (size_t)r;
  }
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  if (got < sizeof head || memcmp(head, sig, 8) != 0 || memcmp(head + 12, "IHDR", 4) != 0) {
    vg_errf(err, errlen, "not a PNG image");
    goto fail;
  }
  *w = (unsigned long)head[16] << 24 | head[17] << 16 | head[18] << 8 | head[19];
  *h = (unsigned long)head[20] << 24 | head[21] << 16 | head[22] << 8 | head[23];
  if (*w == 0 || *h == 0 || *w > PIC_MAX_SIDE || *h > PIC_MAX_SIDE ||
      *w * *h > (unsigned long)PIC_MAX_PIXELS) {
    vg_errf(err, errlen, "picture of %lux%lu pixels is too large (at most %dx%d)", *w, *h,
            PIC_MAX_SIDE, PIC_MAX_SIDE);
    goto fail;
  }
  return fd;
fail:
  close(fd);
  return -1;
}

int rd_png_size(const char *path, int *width, int *height, char *err, size_t errlen) {
  struct stat st;
  unsigned long w, h;
  int fd = open_png(path, &st, &w, &h, err, errlen);
  if (fd < 0) return -1;
  close(fd);
  *width = (int)w;
  *height = (int)h;
  return 0;
}

cairo_surface_t *rd_png_load(const char *path, int keep_side, struct stat *st, char *err,
                             size_t errlen) {
  unsigned long w, h;
  int fd = open_png(path, st, &w, &h, err, errlen);
  if (fd < 0) return NULL;
  size_t n = (size_t)st->st_size, got = 0;
  unsigned char *buf = malloc(n ? n : 1);
  cairo_surface_t *s = NULL;
  if (!buf) {
    vg_errf(err, errlen, "out of memory");
    goto done;
  }
  while (got < n) {
    ssize_t r = read(fd, buf + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += (size_t)r;
  }
  s = decode(buf, got, keep_side, err, errlen);
done:
  free(buf);
  close(fd);
  return s;
}

/* ---- the process's pictures -------------------------------------------- */

/* A picture is never drawn larger than the frame it is drawn in, so a
 * bigger one is kept scaled down to the frame's longer side (and decoded
 * again, larger, only if a larger frame asks for it). The kept pictures
 * take at most KEEP_BYTES (the oldest unused ones make room), and a failure
 * is kept as well, so a damaged picture is decoded once. */
#define KEEP_BYTES (192L << 20)
#define KEEP_SLOTS 32

typedef struct {
  char *path;
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime;
  int side;                 /* the frame side it was decoded for (0: any) */
  cairo_surface_t *surface; /* NULL: failed, why in err */
  char err[200];
  int loading;              /* a thread is decoding it; others wait */
  unsigned long used;       /* the clock when last asked for */
} kept_picture;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_loaded = PTHREAD_COND_INITIALIZER;
static kept_picture g_kept[KEEP_SLOTS];
static unsigned long g_clock;

static size_t kept_bytes(const kept_picture *k) {
  return k->surface ? (size_t)cairo_image_surface_get_stride(k->surface) *
                          (size_t)cairo_image_surface_get_height(k->surface)
                    : 0;
}

static int same_file(const kept_picture *k, const char *path, const struct stat *st) {
  return k->path && !strcmp(k->path, path) && k->dev == st->st_dev && k->ino == st->st_ino &&
         k->size == st->st_size && k->mtime.tv_sec == st->st_mtim.tv_sec &&
         k->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

static void forget(kept_picture *k) {
  if (k->surface) cairo_surface_destroy(k->surface);
  free(k->path);
  memset(k, 0, sizeof *k);
}

/* Under g_lock: the oldest pictures not being decoded make room for `need`
 * more bytes. */
static void shed(size_t need) {
  size_t total = need;
  for (int i = 0; i < KEEP_SLOTS; i++) total += kept_bytes(&g_kept[i]);
  while (total > (size_t)KEEP_BYTES) {
    kept_picture *oldest = NULL;
    for (int i = 0; i < KEEP_SLOTS; i++) {
      kept_picture *k = &g_kept[i];
      if (k->path && !k->loading && (!oldest || k->used < oldest->used)) oldest = k;
    }
    if (!oldest) break;
    total -= kept_bytes(oldest);
    forget(oldest);
  }
}

/* Under g_lock: an empty slot, or the oldest one not being decoded. */
static kept_picture *free_slot(void) {
  kept_picture *oldest = NULL;
  for (int i = 0; i < KEEP_SLOTS; i++) {
    kept_picture *k = &g_kept[i];
    if (!k->path) return k;
    if (!k->loading && (!oldest || k->used < oldest->used)) oldest = k;
  }
  if (oldest) forget(oldest);
  return oldest;
}

/* Whether a kept picture serves a frame of `side` pixels. */
static int serves(const kept_picture *k, int side) {
  if (!k->surface || k->side <= 0 || k->side >= side) return 1;
  /* a picture scaled down fills k->side exactly; a smaller one is whole */
  int w = cairo_image_surface_get_width(k->surface), h = cairo_image_surface_get_height(k->surface);
  return (w > h ? w : h) < k->side;
}

cairo_surface_t *rd_image_get(const char *path, int side, char *err, size_t errlen) {
  struct stat st;
  if (err && errlen) err[0] = '\0';
  /* stat never blocks (a FIFO is refused after a non-blocking open) */
  if (stat(path, &st) != 0) { vg_errf(err, errlen, "%s", strerror(errno)); return NULL; }
  pthread_mutex_lock(&g_lock);
  kept_picture *k;
  for (;;) {
    k = NULL;
    for (int i = 0; i < KEEP_SLOTS; i++)
      if (same_file(&g_kept[i], path, &st)) k = &g_kept[i];
    if (!k || !k->loading) break;
    pthread_cond_wait(&g_loaded, &g_lock);
  }
  if (k && !serves(k, side)) {
    forget(k);
    k = NULL;
  }
  if (k) {
    k->used = ++g_clock;
    cairo_surface_t *s = k->surface ? cairo_surface_reference(k->surface) : NULL;
    if (!s) vg_errf(err, errlen, "%s", k->err);
    pthread_mutex_unlock(&g_lock);
    return s;
  }
  /* decoded outside the lock; a slot says so meanwhile (all slots being
   * decoded at once: this one is decoded and not kept) */
  k = free_slot();
  if (k) {
    k->path = strdup(path);
    k->dev = st.st_dev;
    k->ino = st.st_ino;
    k->size = st.st_size;
    k->mtime = st.st_mtim;
    k->loading = 1;
    k->used = ++g_clock;
  }
  pthread_mutex_unlock(&g_lock);
  char why[200];
  struct stat got;
  cairo_surface_t *s = rd_png_load(path, side, &got, why, sizeof why);
  if (!s) vg_errf(err, errlen, "%s", why);
  pthread_mutex_lock(&g_lock);
  if (k) {
    k->loading = 0;
    if (!k->path || got.st_ino != k->ino || got.st_mtim.tv_sec != k->mtime.tv_sec ||
        got.st_mtim.tv_nsec != k->mtime.tv_nsec || got.st_size != k->size) {
      /* replaced between the stat and the read: not kept */
      forget(k);
    } else {
      k->surface = s ? cairo_surface_reference(s) : NULL;
      k->side = side;
      if (!s) snprintf(k->err, sizeof k->err, "%s", why);
      k->loading = 1;  /* not its own victim */
      shed(0);
      k->loading = 0;
    }
  }
  pthread_cond_broadcast(&g_loaded);
  pthread_mutex_unlock(&g_lock);
  return s;
}
