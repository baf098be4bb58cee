/* asciidoc_include.c: AsciiDoc's include:: directive, followed as
 * Asciidoctor follows it in its safe mode, and no further. A document names
 * the files it includes, so this is where document text becomes a path:
 *   - only a relative path (no absolute path, no URL, no drive letter) to a
 *     regular file inside the top document's folder tree, checked on the
 *     path as written (never looked at when ".." leads out, so its warning
 *     is the same whether the file exists or not), then on the resolved
 *     path (realpath: a symbolic link that leads out is refused) and opened without following links, non-blocking (a FIFO or
 *     a device is refused, never waited on);
 *   - at most MAX_DEPTH includes deep, MAX_INCLUDES of them, and no more
 *     text in all than one document may have (limits.max_file_bytes);
 *   - lines=, tag=/tags= (with ! and the * and ** wildcards) select lines;
 *     leveloffset= is asciidoc.c's to apply (vgi_adoc_include_offset).
 * A refused or missing file is a warning on the include's own line (in the
 * file that has it) and the document goes on without it. The lines handed
 * back keep their own line numbers, so asciidoc.c puts every scene and
 * problem on the included file's line. */
#define _GNU_SOURCE 1   /* memmem */
#include "input_private.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 8        /* includes inside includes */
#define MAX_INCLUDES 512   /* files included in all (each once or more) */
#define MAX_RANGES 64      /* lines= ranges read */
#define MAX_TAGS 64        /* tags= names read, tags open at once */

static char *dupz(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (!d) abort();
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

/* the folder of path ("." when it has none) */
static char *folder_of(const char *path) {
  const char *sl = strrchr(path, '/');
  if (!sl) return dupz(".", 1);
  if (sl == path) return dupz("/", 1);
  return dupz(path, (size_t)(sl - path));
}

void vgi_adoc_includes_init(vgi_adoc_includes *in, const char *file) {
  memset(in, 0, sizeof *in);
  in->cap = 8;
  in->f = calloc((size_t)in->cap, sizeof *in->f);
  if (!in->f) abort();
  in->f[0].path = dupz(file ? file : "", file ? strlen(file) : 0);
  in->nfiles = 1;
  if (file && *file) {
    char *dir = folder_of(file);
    in->root = realpath(dir, NULL);   /* NULL (no such folder): nothing is included */
    in->written = dir;
  }
}

void vgi_adoc_includes_free(vgi_adoc_includes *in) {
  for (int i = 0; i < in->nfiles; i++) free(in->f[i].path);
  for (int i = 0; i < in->nstores; i++) free(in->stores[i]);
  free(in->f);
  free(in->stores);
  free(in->root);
  free(in->written);
  memset(in, 0, sizeof *in);
}

/* ---- the attribute list: leveloffset=, lines=, tag=, tags=, opts= ------------ */

typedef struct inc_attrs {
  char lines[256], tags[512], offset[16];
  int optional;
} inc_attrs;

/* key=value pairs separated by commas; a value may be quoted (and then hold
 * commas: lines="1..3,7") */
static void parse_attrs(const char *s, size_t n, inc_attrs *at) {
  memset(at, 0, sizeof *at);
  size_t i = 0;
  while (i < n) {
    while (i < n && (s[i] == ' ' || s[i] == ',')) i++;
    size_t k = i;
    while (i < n && s[i] != '=' && s[i] != ',') i++;
    size_t kn = i - k;
    while (kn > 0 && s[k + kn - 1] == ' ') kn--;
    const char *v = "";
    size_t vn = 0;
    if (i < n && s[i] == '=') {
      i++;
      while (i < n && s[i] == ' ') i++;
      if (i < n && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        v = s + i;
        while (i < n && s[i] != q) i++;
        vn = (size_t)(s + i - v);
        if (i < n) i++;
      } else {
        v = s + i;
        while (i < n && s[i] != ',') i++;
        vn = (size_t)(s + i - v);
        while (vn > 0 && v[vn - 1] == ' ') vn--;
      }
    }
    char *dst = NULL;
    size_t cap = 0;
    if (kn == 5 && !strncmp(s + k, "lines", 5)) dst = at->lines, cap = sizeof at->lines;
    else if ((kn == 4 && !strncmp(s + k, "tags", 4)) || (kn == 3 && !strncmp(s + k, "tag", 3)))
      dst = at->tags, cap = sizeof at->tags;
    else if (kn == 11 && !strncmp(s + k, "leveloffset", 11)) dst = at->offset, cap = sizeof at->offset;
    else if ((kn == 4 && !strncmp(s + k, "opts", 4)) || (kn == 7 && !strncmp(s + k, "options", 7)))
      at->optional = vn >= 8 && memmem(v, vn, "optional", 8) != NULL;
    if (dst) {
      size_t m = vn < cap - 1 ? vn : cap - 1;
      memcpy(dst, v, m);
      dst[m] = 0;
    }
    if (i < n && s[i] != ',') i++;   /* a stray character: past it */
  }
}

/* ---- lines= ------------------------------------------------------------------ */

typedef struct range { long from, to; } range;   /* to -1: to the end */

static int parse_ranges(const char *s, range *r) {
  int nr = 0;
  while (*s && nr < MAX_RANGES) {
    while (*s == ' ' || *s == ',' || *s == ';') s++;
    if (!*s) break;
    char *e;
    long a = strtol(s, &e, 10);
    if (e == s) { s++; continue; }
    long b = a;
    s = e;
    if (s[0] == '.' && s[1] == '.') {
      s += 2;
      b = strtol(s, &e, 10);
      if (e == s) b = -1;   /* "5.." runs to the end */
      s = e;
    }
    if (a < 1) a = 1;
    r[nr].from = a;
    r[nr].to = b < 0 ? -1 : b;
    nr++;
  }
  return nr;
}

/* ---- tag= and tags= ---------------------------------------------------------- */

typedef struct tagsel {
  char name[MAX_TAGS][64];
  int want[MAX_TAGS], seen[MAX_TAGS], n;
  int base;       /* lines outside every tag */
  int wildcard;   /* a tag the list does not name: -1 as its parent */
} tagsel;

/* Asciidoctor's rules: "**" all lines, "*" every tagged region, "!name"
 * leaves a region out; a list of only negations keeps the rest */
static void parse_tags(const char *s, tagsel *t) {
  memset(t, 0, sizeof *t);
  int star = -1, dstar = -1, any_pos = 0, first_is_star = 0;
  while (*s) {
    while (*s == ' ' || *s == ',' || *s == ';') s++;
    if (!*s) break;
    int neg = *s == '!';
    if (neg) s++;
    size_t n = strcspn(s, " ,;");
    if (n == 2 && !strncmp(s, "**", 2)) dstar = !neg;
    else if (n == 1 && *s == '*') { star = !neg; first_is_star = t->n == 0 && dstar < 0; }
    else if (n > 0 && n < sizeof t->name[0] && t->n < MAX_TAGS) {
      memcpy(t->name[t->n], s, n);
      t->name[t->n][n] = 0;
      t->want[t->n++] = !neg;
      any_pos |= !neg;
    }
    s += n;
  }
  t->wildcard = -1;
  if (dstar >= 0) {
    t->base = dstar;
    if (star >= 0) t->wildcard = star;
    else if (!dstar && t->n && !t->want[0]) t->wildcard = 1;
  } else if (star >= 0) {
    t->base = first_is_star ? !star : 0;
    t->wildcard = star;
  } else {
    t->base = !any_pos;
  }
}

/* a tag directive in the line ("// tag::name[]", "end::name[]"): 1 opens,
 * 2 ends, 0 none; its name in name[] */
static int tag_directive(const vgi_line *l, char *name, size_t cap) {
  const char *s = l->s;
  size_t n = (size_t)l->len;
  for (size_t i = 0; i + 5 < n; i++) {
    int end = !strncmp(s + i, "end::", 5);
    if (!end && (i + 5 >= n || strncmp(s + i, "tag::", 5))) continue;
    if (i > 0 && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '_')) continue;
    size_t b = i + 5, e = b;
    while (e < n && e - b < cap - 1 && s[e] != '[' && s[e] != ' ') e++;
    if (e == b || e + 1 >= n || s[e] != '[' || s[e + 1] != ']') continue;
    if (e + 2 < n && s[e + 2] != ' ' && s[e + 2] != '\r') continue;
    memcpy(name, s + b, e - b);
    name[e - b] = 0;
    return end ? 2 : 1;
  }
  return 0;
}

static int tag_index(const tagsel *t, const char *name) {
  for (int i = 0; i < t->n; i++) if (!strcmp(t->name[i], name)) return i;
  return -1;
}

/* ---- reading the file -------------------------------------------------------- */

char *vgi_include_read(const char *const *roots, const char *path, size_t room, size_t *len, const char **why,
                       int *missing) {
  *missing = 0;
  char *real = realpath(path, NULL);
  if (!real) {
    *missing = errno == ENOENT || errno == ENOTDIR;
    *why = *missing ? "no such file" : strerror(errno);
    return NULL;
  }
  const char *root = NULL;
  for (size_t k = 0; roots && roots[k] && !root; k++)
    if (vgi_path_within(real, roots[k])) root = roots[k];
  if (!root) {
    free(real);
    *why = roots && roots[0] && roots[1] ? "it is outside the document's folder and project"
                                         : "it is outside the document's folder";
    return NULL;
  }
  /* a hidden file or folder (".ssh/id_rsa", ".git/config" beside a document
   * in a home folder) is someone's settings or secrets, never a chapter */
  size_t rl = strlen(root);
  if (strstr(real + (strncmp(real, root, rl) ? 0 : rl), "/.")) {
    free(real);
    *why = "a hidden file or folder is never read";
    return NULL;
  }
  /* the resolved name has no link left: one put there since is refused */
  int fd = vg_open_regular(real, VG_OPEN_NOFOLLOW, why);
  free(real);
  if (fd < 0) return NULL;
  struct stat st;
  if (fstat(fd, &st) != 0 || (size_t)st.st_size > room) {
    close(fd);
    *why = "it would take the document past its size limit";
    return NULL;
  }
  size_t cap = (size_t)st.st_size + 1, n = 0;
  char *buf = malloc(cap + 1);
  if (!buf) abort();
  for (;;) {
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    n += (size_t)r;
    if (n == cap) break;   /* it grew since: what fits */
  }
  close(fd);
  if (n > room) n = room;
  buf[n] = 0;
  *len = n;
  return buf;
}

/* ---- the directive ------------------------------------------------------------- */

static int refused(vgi_diags *d, const char *file, int no, int n, const char *target, const char *why) {
  vgi_diag_add(d, VGI_WARNING, file, no, 1, NULL, "include::%.*s[] is not followed: %s", n, target, why);
  return 0;
}

int vgi_adoc_include(vgi_adoc_includes *in, int from, int no, const char *target, size_t tn,
                     const char *attrs, size_t an, const vg_limits *lim, vgi_diags *d,
                     vgi_line **lines, int *nlines, int *file, int *offset, int *relative) {
  *lines = NULL;
  *nlines = 0;
  *file = 0;
  *offset = INT_MIN;
  *relative = 0;
  const char *where = in->f[from].path;
  int tshow = (int)(tn > 200 ? 200 : tn);
  while (tn > 0 && target[tn - 1] == ' ') tn--;
  if (tn == 0 || memchr(target, 0, tn)) return refused(d, where, no, tshow, target, "it names no file");
  size_t scheme = 0;
  while (scheme < tn && (isalnum((unsigned char)target[scheme]) || strchr("+.-", target[scheme]))) scheme++;
  if (scheme > 0 && scheme < tn && target[scheme] == ':')
    return refused(d, where, no, tshow, target, "a URL or a drive is never read (only files in the document's folder)");
  if (target[0] == '/' || target[0] == '\\' || target[0] == '~')
    return refused(d, where, no, tshow, target, "an absolute path is never read (only files in the document's folder)");
  if (!in->root) return refused(d, where, no, tshow, target, "the document's folder is not known");
  if (in->f[from].depth >= MAX_DEPTH) return refused(d, where, no, tshow, target, "includes nest too deep (8 at most)");
  if (in->count >= MAX_INCLUDES) return refused(d, where, no, tshow, target, "too many includes (512 at most)");

  inc_attrs at;
  parse_attrs(attrs, an, &at);
  char *dir = folder_of(where);
  vgi_buf p = {0};
  if (strcmp(dir, ".")) { vgi_buf_puts(&p, dir); vgi_buf_add(&p, "/", 1); }
  vgi_buf_add(&p, target, tn);
  free(dir);
  char *path = vgi_buf_take(&p);
  /* as written first: a file outside is never looked at (the realpath of
   * a missing file fails, so "no such file" against "outside" told a
   * document what exists outside its folder) */
  if (!in->written || !vgi_lexically_within(path, in->written)) {
    free(path);
    return refused(d, where, no, tshow, target, "it is outside the document's folder");
  }
  size_t max_total = (size_t)(lim ? lim : &vg_limits_default)->max_file_bytes;
  size_t room = in->bytes < max_total ? max_total - in->bytes : 0;
  size_t len = 0;
  const char *why = NULL;
  int missing = 0;
  const char *roots[] = { in->root, NULL };
  char *text = vgi_include_read(roots, path, room, &len, &why, &missing);
  if (!text) {
    if (!(missing && at.optional)) refused(d, where, no, tshow, target, why ? why : "it cannot be read");
    free(path);
    return 0;
  }
  in->bytes += len;
  in->count++;
  len = vgi_clean_text(text, path, d);
  vgi_lone_cr_ends(text, len);
  char *store = NULL;
  vgi_line *L = NULL;
  int n = 0;
  if (!vgi_split_lines(text, len, 0, &store, &L, &n)) abort();
  free(text);
  if (in->nstores == in->capstores) {
    in->capstores = in->capstores ? in->capstores * 2 : 8;
    char **s = realloc(in->stores, sizeof *s * (size_t)in->capstores);
    if (!s) abort();
    in->stores = s;
  }
  in->stores[in->nstores++] = store;
  if (in->nfiles == in->cap) {
    in->cap *= 2;
    void *f = realloc(in->f, sizeof *in->f * (size_t)in->cap);
    if (!f) abort();
    in->f = f;
  }
  int k = in->nfiles++;
  in->f[k].path = path;
  in->f[k].depth = in->f[from].depth + 1;

  /* the lines it selects, in place */
  int kept = 0;
  if (at.lines[0]) {
    range r[MAX_RANGES];
    int nr = parse_ranges(at.lines, r);
    for (int i = 0; i < n; i++)
      for (int j = 0; j < nr; j++)
        if (L[i].no >= r[j].from && (r[j].to < 0 || L[i].no <= r[j].to)) { L[kept++] = L[i]; break; }
  } else if (at.tags[0]) {
    tagsel t;
    parse_tags(at.tags, &t);
    int stack[MAX_TAGS], sp = 0, select = t.base;
    char open[MAX_TAGS][64];
    for (int i = 0; i < n; i++) {
      char name[64];
      int dir = tag_directive(&L[i], name, sizeof name);
      if (dir == 1) {
        int ti = tag_index(&t, name);
        if (ti >= 0) t.seen[ti] = 1;
        if (sp < MAX_TAGS) {
          stack[sp] = select;
          snprintf(open[sp], sizeof open[sp], "%s", name);
          sp++;
        }
        select = ti >= 0 ? t.want[ti] : t.wildcard >= 0 ? t.wildcard : select;
        continue;
      }
      if (dir == 2) {
        for (int q = sp - 1; q >= 0; q--)
          if (!strcmp(open[q], name)) { select = stack[q]; sp = q; break; }
        continue;
      }
      if (select) L[kept++] = L[i];
    }
    for (int i = 0; i < t.n; i++)
      if (t.want[i] && !t.seen[i])
        vgi_diag_add(d, VGI_WARNING, where, no, 1, NULL, "include::%.*s[]: tag '%s' is not in the file",
                     tshow, target, t.name[i]);
  } else {
    kept = n;
  }
  if (at.offset[0]) {
    char *e;
    long v = strtol(at.offset, &e, 10);
    if (e != at.offset && v > -10 && v < 10) {
      *offset = (int)v;
      *relative = at.offset[0] == '+' || at.offset[0] == '-';
    }
  }
  *lines = L;
  *nlines = kept;
  *file = k;
  return 1;
}

/* Old Mac text ends its lines with a lone carriage return: each is a line
 * end (CRLF stays one). In place, the length unchanged. */
void vgi_lone_cr_ends(char *text, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')) text[i] = '\n';
}
