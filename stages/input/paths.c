/* paths.c: the places where document text becomes a path. A set's file:
 * entries stay inside the set's folder; an image must be a regular PNG file
 * inside its document's folder (or the set's, or a folder the caller allowed).
 * Every check is made on the resolved path (realpath), and a file that is not
 * regular is refused before it is opened; the one opened (an image's first
 * bytes) is opened non-blocking and checked again with fstat. */
#include "input_private.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Pictures are held to limits.max_picture_side/_pixels here, as the
 * renderer holds them (cairo draws at most 32767 pixels a side); a bound on
 * the area keeps a tiny "decompression bomb" PNG from taking gigabytes. */

const char *vgi_file_kind(mode_t m) {
  if (S_ISREG(m)) return "a regular file";
  if (S_ISDIR(m)) return "a directory";
  if (S_ISFIFO(m)) return "a FIFO";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  if (S_ISSOCK(m)) return "a socket";
  return "not a regular file";
}

int vgi_path_within(const char *real, const char *root) {
  if (!real || !root || !*root) return 0;
  size_t n = strlen(root);
  while (n > 1 && root[n - 1] == '/') n--;
  if (n == 1 && root[0] == '/') return real[0] == '/';
  return !strncmp(real, root, n) && (real[n] == '/' || real[n] == 0);
}

/* A relative path without "..": each component is a name. */
static int tame_relative(const char *p) {
  if (!*p || p[0] == '/') return 0;
  for (const char *c = p; *c;) {
    const char *e = strchr(c, '/');
    size_t l = e ? (size_t)(e - c) : strlen(c);
    if (l == 2 && c[0] == '.' && c[1] == '.') return 0;
    c += l;
    while (*c == '/') c++;
  }
  return 1;
}

int vgi_set_entry(const char *dir, const char *entry, char *out, size_t n, const char *cfg,
                  int line, int col, const char *field, vgi_diags *d) {
  if (!tame_relative(entry)) {
    vgi_diag_add(d, VGI_ERROR, cfg, line, col, field,
                 "'%s' is not a path inside the set's folder (no absolute paths, no ..)", entry);
    return -1;
  }
  if ((size_t)snprintf(out, n, "%s/%s", dir, entry) >= n) {
    vgi_diag_add(d, VGI_ERROR, cfg, line, col, field, "path too long: '%s'", entry);
    return -1;
  }
  struct stat st;
  if (lstat(out, &st) != 0) return 0;   /* missing: the caller names it */
  char real[PATH_MAX], root[PATH_MAX];
  if (!realpath(dir, root)) {
    vgi_diag_add(d, VGI_ERROR, cfg, line, col, field, "cannot resolve the set's folder %s: %s",
                 dir, strerror(errno));
    return -1;
  }
  if (!realpath(out, real)) {
    /* a dangling link: missing, as far as the set is concerned */
    return 0;
  }
  if (!vgi_path_within(real, root) || !strcmp(real, root)) {
    vgi_diag_add(d, VGI_ERROR, cfg, line, col, field,
                 "'%s' resolves to %s, outside the set's folder (refused)", entry, real);
    return -1;
  }
  return 0;
}

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Names a picture format the renderer cannot draw, or NULL. */
static const char *other_image(const unsigned char *h, size_t n) {
  if (n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF) return "a JPEG";
  if (n >= 6 && (!memcmp(h, "GIF87a", 6) || !memcmp(h, "GIF89a", 6))) return "a GIF";
  if (n >= 12 && !memcmp(h, "RIFF", 4) && !memcmp(h + 8, "WEBP", 4)) return "a WebP";
  if (n >= 4 && (!memcmp(h, "II*\0", 4) || !memcmp(h, "MM\0*", 4))) return "a TIFF";
  if (n >= 12 && !memcmp(h + 4, "ftyp", 4) &&
      (!memcmp(h + 8, "avif", 4) || !memcmp(h + 8, "heic", 4) || !memcmp(h + 8, "mif1", 4)))
    return "an AVIF/HEIF";
  return NULL;
}

/* An SVG drawing: its name says so (".svg", ".svgz") and its bytes are XML
 * or gzip, or it opens with "<svg". A logo in a README is often one: it is
 * skipped with a warning, as a JPEG is, not an error. */
static int svg_image(const char *url, const unsigned char *h, size_t n) {
  size_t l = strlen(url), i = 0;
  int named = (l > 4 && !strcasecmp(url + l - 4, ".svg")) || (l > 5 && !strcasecmp(url + l - 5, ".svgz"));
  if (n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF) i = 3;   /* a BOM */
  while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) i++;
  if (n - i >= 4 && !memcmp(h + i, "<svg", 4)) return 1;
  return named && ((n - i >= 1 && h[i] == '<') || (n >= 2 && h[0] == 0x1F && h[1] == 0x8B));
}

/* 1 when the resolved `real` is inside `root` (resolved here too). */
static int within_root(const char *real, const char *root) {
  char r[PATH_MAX];
  return root && *root && realpath(root, r) && vgi_path_within(real, r);
}

/* p made absolute (from the working folder) with "." and ".." taken out,
 * without asking the file system; 0 when it does not fit. */
static int lexical(const char *p, char *out, size_t n) {
  char cwd[PATH_MAX];
  char buf[PATH_MAX * 3];
  if (p[0] != '/') {
    if (!getcwd(cwd, sizeof cwd)) return 0;
    if ((size_t)snprintf(buf, sizeof buf, "%s/%s", cwd, p) >= sizeof buf) return 0;
  } else if ((size_t)snprintf(buf, sizeof buf, "%s", p) >= sizeof buf) {
    return 0;
  }
  size_t o = 0;
  out[0] = 0;
  for (char *c = buf; *c;) {
    while (*c == '/') c++;
    if (!*c) break;
    char *e = strchr(c, '/');
    size_t l = e ? (size_t)(e - c) : strlen(c);
    if (l == 1 && c[0] == '.') {
      /* this folder */
    } else if (l == 2 && c[0] == '.' && c[1] == '.') {
      while (o > 0 && out[o - 1] != '/') o--;   /* back over the last name */
      if (o > 0) o--;
      out[o] = 0;
    } else {
      if (o + 1 + l + 1 > n) return 0;
      out[o++] = '/';
      memcpy(out + o, c, l);
      o += l;
      out[o] = 0;
    }
    c += l;
  }
  if (!o) { if (n < 2) return 0; out[0] = '/'; out[1] = 0; }
  return 1;
}

/* 1 when the path p names, read as written, is inside root as written or
 * resolved: decided before the file system is asked about p, so whether a
 * file outside the allowed folders exists is never told (a served
 * document must not probe the server's files). */
static int lexically_within(const char *p, const char *root) {
  char lp[PATH_MAX], lr[PATH_MAX], rr[PATH_MAX];
  if (!root || !*root || !lexical(p, lp, sizeof lp)) return 0;
  if (lexical(root, lr, sizeof lr) && vgi_path_within(lp, lr)) return 1;
  return realpath(root, rr) && vgi_path_within(lp, rr);
}

int vgi_lexically_within(const char *p, const char *root) { return lexically_within(p, root); }

/* Whether p is inside the document's folder, the set's or an allowed one,
 * by the test `within` (as written, or resolved). */
static int allowed(const char *p, const char *base, const vgi_options *o, int (*within)(const char *, const char *)) {
  int inside = within(p, base) || (o && within(p, o->set_root));
  for (size_t k = 0; !inside && o && o->allow_paths && o->allow_paths[k]; k++) inside = within(p, o->allow_paths[k]);
  return inside;
}

static int outside(const char *url, const char *file, int line, int col, const char *field, vgi_diags *d) {
  vgi_diag_add(d, VGI_ERROR, file, line, col, field,
               "image %s is outside the document's folder (refused; allow its folder with "
               "--allow-path DIR, or allow_paths from Lua)", url);
  return VGI_IMG_REFUSED;
}

/* The same on a page of a documentation site, whose pictures live in the
 * site's shared folders ("../assets/x.png", "/img/x.png"): never read
 * either, but a page is not left incomplete for a picture; a warning. */
static int outside_site(const char *url, const char *file, int line, int col, const char *field, vgi_diags *d) {
  vgi_diag_add(d, VGI_WARNING, file, line, col, field,
               "image %s is outside the document's folder (left out; allow the site's folder with "
               "--allow-path DIR, or allow_paths from Lua)", url);
  return VGI_IMG_SKIP;
}

/* A site's root: the nearest folder from the document's own up, among the
 * allowed folders only, that holds what a site generator keeps at its top
 * (its configuration, or the folder its pictures are served from). Only
 * these fixed names are asked about, never a name the document wrote. */
static int site_root(const char *base, const vgi_options *o, char *root, size_t n) {
  static const char *const files[] = { "mkdocs.yml", "mkdocs.yaml", "_config.yml", "_config.yaml", "hugo.toml",
    "hugo.yaml", "hugo.json", "config.toml", "docusaurus.config.js", "docusaurus.config.ts", "conf.py",
    "book.toml", NULL };
  static const char *const dirs[] = { "static", "assets", "public", "docs", "_static", NULL };
  char dir[PATH_MAX], probe[PATH_MAX * 2];
  struct stat st;
  if (!lexical(base, dir, sizeof dir)) return 0;
  for (int up = 0; up < 64; up++) {
    if (!allowed(dir, base, o, lexically_within)) return 0;
    int found = 0;
    for (int k = 0; files[k] && !found; k++)
      found = (size_t)snprintf(probe, sizeof probe, "%s/%s", dir, files[k]) < sizeof probe &&
              stat(probe, &st) == 0 && S_ISREG(st.st_mode);
    for (int k = 0; dirs[k] && !found; k++)
      found = (size_t)snprintf(probe, sizeof probe, "%s/%s", dir, dirs[k]) < sizeof probe &&
              stat(probe, &st) == 0 && S_ISDIR(st.st_mode);
    if (found) return (size_t)snprintf(root, n, "%s", dir) < n;
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) return 0;   /* past the file system's root: none */
    *slash = 0;
  }
  return 0;
}

/* A site-rooted picture ("/images/x.png") under the site's root: as it is
 * served from the root itself (Jekyll), its static/ (Hugo, Docusaurus),
 * docs/ (MkDocs) or public/ (VitePress). 1 with path set; 0 when none
 * holds it. A candidate must stay inside the root as written ("/../x"). */
static int site_rooted(const char *url, const char *root, char *path, size_t n) {
  static const char *const under[] = { "", "/static", "/docs", "/public", "/docs/public", NULL };
  struct stat st;
  for (int k = 0; under[k]; k++) {
    char sub[PATH_MAX * 2];
    if ((size_t)snprintf(sub, sizeof sub, "%s%s", root, under[k]) >= sizeof sub) continue;
    if ((size_t)snprintf(path, n, "%s%s", sub, url) >= n) continue;
    if (!lexically_within(path, sub)) continue;
    if (stat(path, &st) == 0) return 1;
  }
  return 0;
}

int vgi_remote_image(const char *url) {
  return strstr(url, "://") || !strncmp(url, "data:", 5);
}

void vgi_pictures_free(vgi_pictures *p) {
  if (!p) return;
  for (size_t i = 0; i < p->n; i++) free(p->v[i].path);
  free(p->v);
  memset(p, 0, sizeof *p);
}

/* A picture of `pixels` at `real` in this load's tally: 1 when it was
 * counted before (*damaged as found then), 0 when counted now (*added is
 * its record, NULL without a tally or memory: the caller checks its data and
 * fills in (*added)->damaged), -1 when it would take the tally past the
 * budget (not counted). */
static int count_picture(vgi_pictures *p, const char *real, long long pixels, const vg_limits *lim,
                         int *damaged, struct vgi_picture **added) {
  *added = NULL;
  if (!p) return 0;
  for (size_t i = 0; i < p->n; i++)
    if (!strcmp(p->v[i].path, real)) { *damaged = p->v[i].damaged; return 1; }
  if (p->pixels + pixels > lim->max_total_picture_pixels) return -1;
  if (p->n == p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 16;
    struct vgi_picture *v = realloc(p->v, cap * sizeof *v);
    if (!v) return 0;   /* out of memory: checked, not remembered */
    p->v = v;
    p->cap = cap;
  }
  char *copy = strdup(real);
  if (!copy) return 0;
  p->v[p->n] = (struct vgi_picture){ copy, 0 };
  *added = &p->v[p->n++];
  p->pixels += pixels;
  return 0;
}

#define REMOTE_TOLD 3   /* remote pictures named in warnings, per file */

int vgi_image_resolve(const char *url, const char *base, const vgi_options *o, char **out,
                      const char *file, int line, int col, const char *field, vgi_diags *d) {
  return vgi_site_image_resolve(url, base, o, 0, out, file, line, col, field, d);
}

int vgi_site_image_resolve(const char *url, const char *base, const vgi_options *o, int site_page, char **out,
                           const char *file, int line, int col, const char *field, vgi_diags *d) {
  *out = NULL;
  if (!url || !*url) return VGI_IMG_SKIP;
  if (vgi_remote_image(url)) {
    /* a weekly digest with fifty remote pictures said so fifty times: the
     * first REMOTE_TOLD of a file are named, then nothing more */
    int told = 0;
    for (size_t i = 0; d && i < d->n && told < REMOTE_TOLD; i++)
      told += d->v[i].severity == VGI_WARNING && !strncmp(d->v[i].message, "remote image ", 13) &&
              (d->v[i].file && file ? !strcmp(d->v[i].file, file) : d->v[i].file == file);
    if (told < REMOTE_TOLD)
      vgi_diag_add(d, VGI_WARNING, file, line, col, field, "remote image %s is not downloaded (skipped)%s", url,
                   told == REMOTE_TOLD - 1 ? "; later remote images are skipped without a warning" : "");
    return VGI_IMG_SKIP;
  }
  char path[PATH_MAX * 2];
  int len = url[0] == '/' || !base ? snprintf(path, sizeof path, "%s", url)
                                   : snprintf(path, sizeof path, "%s/%s", base, url);
  if (len < 0 || (size_t)len >= sizeof path) {
    /* cut, it could name another file */
    vgi_diag_add(d, VGI_ERROR, file, line, col, field, "image path too long (refused)");
    return VGI_IMG_REFUSED;
  }
  char real[PATH_MAX];
  struct stat st;
  /* a site page's "/images/x.png" is served from the site's root, not the
   * file system's: found under the root when the allowed folders hold it */
  if (site_page && base && url[0] == '/' && url[1] != '/' && !allowed(path, base, o, lexically_within)) {
    char root[PATH_MAX];
    if (!site_root(base, o, root, sizeof root)) return outside_site(url, file, line, col, field, d);
    if (!site_rooted(url, root, path, sizeof path)) {
      vgi_diag_add(d, VGI_WARNING, file, line, col, field, "image %s not found under the site's root %s (skipped)",
                   url, root);
      return VGI_IMG_SKIP;
    }
  }
  /* inside the document's folder, the set's, or one the caller allowed; a
   * document read from no file (a Lua table) is the script's own data.
   * First as written, then as resolved (a link may lead out) */
  if (base && !allowed(path, base, o, lexically_within))
    return (site_page ? outside_site : outside)(url, file, line, col, field, d);
  if (stat(path, &st) != 0 || !realpath(path, real)) {
    vgi_diag_add(d, VGI_WARNING, file, line, col, field, "image %s not found (skipped)", url);
    return VGI_IMG_SKIP;
  }
  if (base && !allowed(real, base, o, within_root)) return outside(url, file, line, col, field, d);
  if (stat(real, &st) != 0) {
    vgi_diag_add(d, VGI_WARNING, file, line, col, field, "image %s not found (skipped)", url);
    return VGI_IMG_SKIP;
  }
  if (!S_ISREG(st.st_mode)) {
    vgi_diag_add(d, VGI_ERROR, file, line, col, field, "image %s is %s, not an image file (refused)",
                 url, vgi_file_kind(st.st_mode));
    return VGI_IMG_REFUSED;
  }
  if (st.st_size > vgi_limits(o)->max_picture_bytes) {
    vgi_diag_add(d, VGI_ERROR, file, line, col, field,
                 "image %s is %lld bytes: larger than limits.max_picture_bytes (%ld)", url,
                 (long long)st.st_size, vgi_limits(o)->max_picture_bytes);
    return VGI_IMG_REFUSED;
  }
  /* non-blocking: if it was swapped for a FIFO since, open does not hang */
  int fd = open(real, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    vgi_diag_add(d, VGI_ERROR, file, line, col, field, "image %s cannot be read: %s", url,
                 strerror(errno));
    return VGI_IMG_REFUSED;
  }
  unsigned char h[32];
  ssize_t got = 0;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    while (got < (ssize_t)sizeof h) {
      ssize_t r = read(fd, h + got, sizeof h - (size_t)got);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      got += r;
    }
  } else {
    close(fd);
    vgi_diag_add(d, VGI_ERROR, file, line, col, field, "image %s is not a regular file (refused)",
                 url);
    return VGI_IMG_REFUSED;
  }
  close(fd);
  static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  if (got >= 24 && !memcmp(h, png, 8) && !memcmp(h + 12, "IHDR", 4)) {
    uint32_t w = be32(h + 16), hh = be32(h + 20);
    const vg_limits *lim = vgi_limits(o);
    if (!w || !hh) {   /* a PNG of no pixels is damaged, not "too large" */
      vgi_diag_add(d, VGI_ERROR, file, line, col, field,
                   "image %s is %ux%u pixels: a PNG with no pixels (damaged)", url, w, hh);
      return VGI_IMG_REFUSED;
    }
    if (w > (uint64_t)lim->max_picture_side || hh > (uint64_t)lim->max_picture_side ||
        (uint64_t)w * hh > (uint64_t)lim->max_picture_pixels) {
      vgi_diag_add(d, VGI_ERROR, file, line, col, field,
                   "image %s is %ux%u pixels: too large to draw (at most %ld a side, %ld "
                   "megapixels)", url, w, hh, lim->max_picture_side, lim->max_picture_pixels >> 20);
      return VGI_IMG_REFUSED;
    }
    int damaged = 0;
    struct vgi_picture *added;
    switch (count_picture(o ? o->pictures : NULL, real, (long long)w * hh, lim, &damaged, &added)) {
    case 1:
      break;
    case 0:
      damaged = vgi_png_damaged(real, lim->max_picture_bytes);
      if (added) added->damaged = damaged;
      break;
    default:
      vgi_diag_add(d, VGI_WARNING, file, line, col, field,
                   "picture budget spent: image %s (%ux%u) skipped: a document's pictures hold at most "
                   "%ld megapixels together (limits.max_total_picture_pixels)", url, w, hh,
                   lim->max_total_picture_pixels >> 20);
      return VGI_IMG_SKIP;
    }
    *out = vgi_strdup(real);
    if (damaged) {
      /* as the renderer says it when it draws the slide */
      vgi_diag_add(d, VGI_WARNING, file, line, col, field,
                   "image %s cannot be used (its PNG data is damaged and cannot be decoded); a placeholder is drawn",
                   url);
      return VGI_IMG_DAMAGED;
    }
    return VGI_IMG_OK;
  }
  const char *other = other_image(h, got > 0 ? (size_t)got : 0);
  if (!other && svg_image(url, h, got > 0 ? (size_t)got : 0)) other = "an SVG";
  if (other) {
    vgi_diag_add(d, VGI_WARNING, file, line, col, field,
                 "image %s is %s file: only PNG images can be shown (skipped)", url, other);
    return VGI_IMG_SKIP;
  }
  vgi_diag_add(d, VGI_ERROR, file, line, col, field, "image %s is not a PNG image (refused)", url);
  return VGI_IMG_REFUSED;
}

/* ---- images of a finished model --------------------------------------------- */

static void image_at(cJSON *holder, const char *path, const char *doc_dir, const char *top,
                     const vgi_posmap *pm, cJSON *scene, const vgi_options *o,
                     vgi_diags *d) {
  cJSON *img = cJSON_GetObjectItemCaseSensitive(holder, "image");
  if (!img) return;
  if (!cJSON_IsString(img)) return;   /* the validator names the type */
  const vgi_pos *p = vgi_pos_get(pm, img);
  const char *file = p && p->file ? p->file : top;
  int line = p ? p->line : 0, col = p ? p->col : 0;
  if (!p) {
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(scene, "source");
    const cJSON *l = cJSON_GetObjectItemCaseSensitive(src, "line");
    if (cJSON_IsNumber(l)) line = l->valueint, col = line > 0 ? 1 : 0;
  }
  /* the folder of the file the image was written in; never the scene's
   * `source`, which a document may set to anything */
  char dir[PATH_MAX];
  const char *base = NULL;
  if (p && p->file) {
    const char *slash = strrchr(p->file, '/');
    if (slash) snprintf(dir, sizeof dir, "%.*s", (int)(slash - p->file), p->file);
    else snprintf(dir, sizeof dir, ".");
    if (slash == p->file) snprintf(dir, sizeof dir, "/");
    base = dir;
  } else {
    base = doc_dir;
  }
  char *real = NULL;
  /* an adapter that resolved it (Markdown) told of its damaged data once:
   * every check runs again, that warning is not said twice */
  int told = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(scene, "source"), "image_damaged"));
  vgi_diags here = {0};
  int rc = vgi_image_resolve(img->valuestring, base, o, &real, file, line, col, path, &here);
  for (size_t k = 0; k < here.n; k++)
    if (!(told && rc == VGI_IMG_DAMAGED && here.v[k].severity == VGI_WARNING))
      vgi_diag_add(d, here.v[k].severity, here.v[k].file, here.v[k].line, here.v[k].col, here.v[k].field, "%s",
                   here.v[k].message);
  vgi_diags_free(&here);
  if (rc == VGI_IMG_OK || rc == VGI_IMG_DAMAGED) {
    cJSON_SetValuestring(img, real);
    /* a warning about the picture when it is drawn names this line */
    cJSON *src = cJSON_GetObjectItemCaseSensitive(scene, "source");
    const char *sf = vgi_str(src, "file");
    if (p && line > 0 && cJSON_IsObject(src) && sf && !strcmp(sf, file)) {
      cJSON_DeleteItemFromObjectCaseSensitive(src, "image_line");
      cJSON_AddNumberToObject(src, "image_line", line);
    }
    /* said here already: the renderer's placeholder is not told again */
    if (rc == VGI_IMG_DAMAGED && cJSON_IsObject(src) && !cJSON_GetObjectItemCaseSensitive(src, "image_damaged"))
      cJSON_AddTrueToObject(src, "image_damaged");
  } else {
    /* a refused or missing image never reaches the renderer */
    cJSON_DeleteItemFromObjectCaseSensitive(holder, "image");
  }
  free(real);
}

void vgi_check_images(cJSON *model, const char *top, const char *doc_dir, const vgi_posmap *pm,
                      const vgi_options *o, vgi_diags *d) {
  const cJSON *videos = cJSON_GetObjectItemCaseSensitive(model, "videos");
  int vi = 0;
  for (const cJSON *v = videos ? videos->child : NULL; v; v = v->next, vi++) {
    const cJSON *scenes = cJSON_GetObjectItemCaseSensitive(v, "scenes");
    int si = 0;
    for (cJSON *s = cJSON_IsArray(scenes) ? scenes->child : NULL; s; s = s->next, si++) {
      if (!cJSON_IsObject(s)) continue;
      char fp[160];
      snprintf(fp, sizeof fp, "videos[%d].scenes[%d].image", vi, si);
      image_at(s, fp, doc_dir, top, pm, s, o, d);
      cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
      if (!cJSON_IsObject(vc)) continue;
      snprintf(fp, sizeof fp, "videos[%d].scenes[%d].visual_content.image", vi, si);
      image_at(vc, fp, doc_dir, top, pm, s, o, d);
    }
  }
}
