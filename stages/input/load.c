/* load.c: vgi_load picks the adapter for a path (by extension, a set
 * directory, or for a document the name leaves open, its content), then
 * writes narration and validates. Set directories: a
 * set_config.yaml with defaults, naming and per-video overrides. */
#include "input_private.h"
#include "vg.h"   /* vg_not_regular_reason */
#include "vg_utf8.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* the extension that tells the type: "ls.1.gz" -> "1", "NEWS.gz" -> "" (a
 * compressed file is read as the file it holds, vgi_read_text) */
static const char *ext_of(const char *path) {
  static _Thread_local char e[32];
  const char *slash = strrchr(path, '/');
  const char *name = slash ? slash + 1 : path;
  size_t n = strlen(name);
  if (n > 3 && !strcasecmp(name + n - 3, ".gz")) n -= 3;
  const char *dot = NULL;
  for (size_t i = 0; i < n; i++)
    if (name[i] == '.') dot = name + i;
  if (!dot || (size_t)(name + n - dot - 1) >= sizeof e) return "";
  snprintf(e, sizeof e, "%.*s", (int)(name + n - dot - 1), dot + 1);
  return e;
}

/* a manual's section as an extension: "1", "8", "3pm", "1ssl", "n" (Tcl) */
static int man_section_ext(const char *e) {
  if (!strcmp(e, "n") || !strcmp(e, "l")) return 1;
  if (*e < '1' || *e > '9') return 0;
  for (e++; *e; e++)
    if (!isalnum((unsigned char)*e)) return 0;
  return 1;
}

/* office, print and e-book formats, archives, pictures and media: files a
 * user may hand over as "the document", none of them text */
static int binary_format(const char *e) {
  static const char *const names[] = { "pdf", "ps", "doc", "docx", "odt", "rtf", "epub", "mobi", "pages",
                                       "ppt", "pptx", "odp", "key", "xls", "xlsx", "ods", "zip", "tar", "tgz",
                                       "7z", "rar", "png", "jpg", "jpeg", "gif", "webp", "svg", "mp4", "mkv",
                                       "mov", "webm", "mp3", "wav", "ogg", "flac", NULL };
  for (int i = 0; names[i]; i++)
    if (!strcasecmp(e, names[i])) return 1;
  return 0;
}

/* A name that says "documentation" by custom, whatever follows its first
 * dot: README, README.Debian, NEWS.gz, INSTALL ... (the files a package's
 * doc folder holds); read as `document:` reads them. */
static int doc_by_name(const char *base) {
  static const char *const stems[] = { "readme", "news", "install", "changes", "changelog", "history",
                                       "authors", "todo", "hacking", "bugs", "thanks", "faq", "notes",
                                       "contributing", "usage", "manual", "copying", "license", "licence",
                                       "upgrading", "migrating", "releasenotes", "release-notes", NULL };
  size_t n = strcspn(base, ".");
  for (int i = 0; stems[i]; i++)
    if (strlen(stems[i]) == n && !strncasecmp(base, stems[i], n)) return 1;
  return 0;
}

static const char *detect(const char *path, vgi_diags *d) {
  struct stat st;
  if (stat(path, &st) != 0) return NULL;   /* the reader names the error */
  if (S_ISDIR(st.st_mode)) return "set";
  if (!S_ISREG(st.st_mode)) {
    /* a FIFO or a device is never opened: reading it could block forever */
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot open: %s",
                 vg_not_regular_reason(st.st_mode));
    return "";
  }
  const char *slash = strrchr(path, '/');
  if (!strcmp(slash ? slash + 1 : path, "set_config.yaml")) return "set";
  const char *e = ext_of(path);
  if (!strcasecmp(e, "yaml") || !strcasecmp(e, "yml")) return "yaml";
  if (!strcasecmp(e, "json")) return "json";
  if (!strcasecmp(e, "md") || !strcasecmp(e, "markdown") || !strcasecmp(e, "mdown") || !strcasecmp(e, "mdx"))
    return "markdown";   /* .mdx: Markdown with JSX (mdx.c) */
  if (!strcasecmp(e, "rst") || !strcasecmp(e, "rest")) return "rst";
  if (!strcasecmp(e, "adoc") || !strcasecmp(e, "asciidoc")) return "asciidoc";
  /* an HTML page or fragment: Markdown's reader reads its tags as it reads
   * a README's (html_blocks.c), and a whole page is found as document: finds it */
  if (!strcasecmp(e, "html") || !strcasecmp(e, "htm") || !strcasecmp(e, "xhtml")) return "markdown";
  if (!strcasecmp(e, "txt") || !strcasecmp(e, "text")) return "document";
  if (!strcasecmp(e, "srt")) return "srt";
  if (!strcasecmp(e, "vtt")) return "vtt";
  if (man_section_ext(e)) return "man";
  if (!binary_format(e) && doc_by_name(slash ? slash + 1 : path)) return "document";
  /* any other name without an extension says nothing: a prefix can */
  if (!*e)
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL,
                 "no extension to tell the input type: name it with a prefix (document:%s for "
                 "Markdown or plain text; text: rst: adoc: yaml: json: transcript: set:)", path);
  else if (binary_format(e))
    /* document: would read its bytes as text: the prefix is no way out */
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL,
                 "'.%s' is a format vgrun does not read: convert it to Markdown or plain text first "
                 "(pandoc, pdftotext), or load a plug-in that reads it: --plugin FILE.lua", e);
  else
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL,
                 "unknown input type '.%s' (use .yaml, .yml, .json, .md, .mdx, .rst, .adoc, .txt, .html, .srt, .vtt, a man "
                 "page (.1 to .9, also compressed: .1.gz) or a "
                 "set directory, a prefix such as document:%s, or load a plug-in that reads it: "
                 "--plugin FILE.lua)", e, path);
  return "";
}

/* A copy of vg/i18n.lua or vg/timing.lua that cannot be used (VGRUN_LUA_DIR)
 * stops every load with where and why. */
static int modules_ok(vgi_diags *d) {
  const char *e = vgi_modules_error();
  if (e) vgi_diag_add(d, VGI_ERROR, NULL, 0, 0, NULL, "%s", e);
  return !e;
}

cJSON *vgi_from_doc(cJSON *doc, const char *name, const vgi_options *opts, vgi_diags *d) {
  if (!modules_ok(d)) { cJSON_Delete(doc); return NULL; }
  vgi_posmap pm;
  vgi_pos_init(&pm);
  vgi_pictures pics = {0};
  vgi_options o = opts ? *opts : (vgi_options){0};
  if (!o.pictures) o.pictures = &pics;
  cJSON *model = vgi_normalize(doc, name, &pm, d);
  if (model) vgi_clean_controls(model, name, &pm, d);
  vgi_check_images(model, name, NULL, &pm, &o, d);
  vgi_narrate(model, opts, d);
  vgi_validate_pm(model, name, &pm, opts, d);
  vgi_pos_free(&pm);
  vgi_pictures_free(&pics);
  return model;
}

/* The type of a document its name does not settle (`document:PATH`, a .txt
 * or .text file): YAML, JSON, SRT or WebVTT by their extensions; AsciiDoc or reStructuredText by their extensions, AsciiDoc
 * by its title line (vgi_is_asciidoc), reStructuredText by its explicit
 * markup (vgi_is_rst: ".. _x: url", ".. note::"); Markdown when the name
 * ends in .md, .markdown, .mdown or .mdx,
 * or when the text has markup plain text does not have (vgi_text_is_markdown:
 * fenced code, links, link definitions, table rules, or two of ATX headings,
 * code spans and strong emphasis) or a whole HTML page; else plain text. */
static const char *document_type(const char *path, const char *text, size_t len) {
  const char *e = ext_of(path);
  /* an extension that names a data or subtitle format is that format, as
   * without the prefix: a .yaml with a syntax error is refused, not narrated
   * as prose (text: reads any file as plain text) */
  if (!strcasecmp(e, "yaml") || !strcasecmp(e, "yml")) return "yaml";
  if (!strcasecmp(e, "json")) return "json";
  if (!strcasecmp(e, "srt")) return "srt";
  if (!strcasecmp(e, "vtt")) return "vtt";
  if (!strcasecmp(e, "md") || !strcasecmp(e, "markdown") || !strcasecmp(e, "mdown") || !strcasecmp(e, "mdx"))
    return "markdown";   /* .mdx: Markdown with JSX (mdx.c) */
  if (!strcasecmp(e, "adoc") || !strcasecmp(e, "asciidoc") || vgi_is_asciidoc(text, len)) return "asciidoc";
  if (!strcasecmp(e, "rst") || !strcasecmp(e, "rest")) return "rst";
  if (vgi_is_roff_page(text, len)) return "man";
  if (vgi_is_rst(text, len)) return "rst";
  /* a whole HTML page (a package's README.html): the Markdown reader reads
   * its tags (html_blocks.c) and drops its indent (html_page_dedent) */
  if (vgi_is_html_page(text, len)) return "markdown";
  return vgi_text_is_markdown(text, len) ? "markdown" : "text";
}

static cJSON *parse_file(const char *path, const char *fmt, const vgi_options *opts,
                         vgi_posmap *pm, vgi_diags *d) {
  size_t len;
  const vg_limits *lim = vgi_limits(opts);
  char *text = vgi_read_text(path, &len, lim, d);   /* same checks for every input */
  if (!text) return NULL;
  len = vgi_clean_text(text, path, d);
  cJSON *model = NULL;
  size_t laid_from = SIZE_MAX;   /* the first problem found in mandoc's text */
  if (!strcmp(fmt, "document")) fmt = document_type(path, text, len);
  if (!strcmp(fmt, "man")) {
    /* roff source laid out as text by mandoc (man.c), then read as a man
     * page printed as text */
    if (!vgi_is_roff_page(text, len)) {
      vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL,
                   "not a man page in roff source (it starts with neither .TH nor .Dd): name it "
                   "with a prefix (document:%s) to read it as plain text or Markdown", path);
      free(text);
      return NULL;
    }
    char *laid = vgi_man_render(text, len, path, lim, d, &len);
    free(text);
    if (!laid) return NULL;
    text = laid;
    laid_from = d->n;
    len = vgi_clean_text(text, path, d);
    fmt = "text";
  }
  if (laid_from == SIZE_MAX && (!strcmp(fmt, "markdown") || !strcmp(fmt, "rst") || !strcmp(fmt, "asciidoc") ||
                                !strcmp(fmt, "text")))
    vgi_warn_redirect_stub(text, len, path, d);
  if (!strcmp(fmt, "srt") || !strcmp(fmt, "vtt")) {
    model = vgi_subtitle_load(text, len, path, fmt, lim->max_scenes, d);
  } else if (!strcmp(fmt, "markdown")) {
    model = vgi_markdown_load(text, len, path, opts, pm, d);
  } else if (!strcmp(fmt, "rst")) {
    model = vgi_rst_load(text, len, path, opts, pm, d);
  } else if (!strcmp(fmt, "asciidoc")) {
    model = vgi_asciidoc_load(text, len, path, opts, pm, d);
  } else if (!strcmp(fmt, "text")) {
    model = vgi_text_load(text, len, path, opts, pm, d);
  } else {
    cJSON *doc = !strcmp(fmt, "json") ? vgi_json_parse(text, len, path, pm, lim, d)
                                      : vgi_yaml_parse(text, len, path, pm, lim, d);
    if (doc) model = vgi_normalize(doc, path, pm, d);
  }
  free(text);
  if (laid_from != SIZE_MAX) {
    /* a line of mandoc's output is no line of the page: its problems, now
     * and when the model is checked, are said without one */
    for (size_t k = laid_from; k < d->n; k++) d->v[k].line = d->v[k].col = 0;
    const char *f = pm ? vgi_pos_file(pm, path) : NULL;
    for (size_t k = 0; f && k < pm->cap; k++)
      if (pm->slots[k].node && pm->slots[k].file == f) pm->slots[k].line = pm->slots[k].col = 0;
  }
  return model;
}

/* ---- sets -------------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void apply(vgi_posmap *pm, cJSON *video, const char *key, const cJSON *val, int force) {
  if (!val) return;
  if (!force && cJSON_GetObjectItemCaseSensitive(video, key)) return;
  if (cJSON_GetObjectItemCaseSensitive(video, key))
    vgi_pos_delete(pm, cJSON_DetachItemFromObjectCaseSensitive(video, key));
  cJSON *dup = cJSON_Duplicate(val, 1);
  /* a bad value is reported where it was written: in set_config.yaml */
  const vgi_pos *p = vgi_pos_get(pm, val);
  if (p) vgi_pos_set(pm, dup, p->file, p->line, p->col);
  cJSON_AddItemToObject(video, key, dup);
}

/* Set defaults and overrides go into the raw document before it is
 * normalised, so scenes inherit them exactly as they inherit the video's own
 * fields. defaults < the video's own fields < per-video overrides. */
static void set_fields(vgi_posmap *pm, cJSON *raw, const cJSON *defaults, const cJSON *ov) {
  cJSON *video = cJSON_GetObjectItemCaseSensitive(raw, "video");
  if (!cJSON_IsObject(video)) video = raw;
  if (!cJSON_IsObject(video)) return;
  static const char *const keys[] = { "voice", "accent_color", "theme", "target_duration",
                                      "min_scene_duration", "max_scene_duration", NULL };
  for (int k = 0; keys[k]; k++) {
    apply(pm, video, keys[k], cJSON_GetObjectItemCaseSensitive(defaults, keys[k]), 0);
    apply(pm, video, keys[k], cJSON_GetObjectItemCaseSensitive(ov, keys[k]), 1);
  }
}

/* A key a set's config does not read, where a typo changes the videos made
 * (`overides:`, `priorty:`, `vidoes:` or a `videos:` beside `set:` instead of
 * in it, which made a video of every YAML file of the folder): a warning at
 * its line. The set's own descriptive keys (name, description, metadata, ...)
 * are not checked. */
static void unknown_keys(const cJSON *obj, const char *const *known, const char *where,
                         const char *cfgpath, vgi_posmap *pm, vgi_diags *d) {
  if (!cJSON_IsObject(obj)) return;
  for (const cJSON *c = obj->child; c; c = c->next) {
    int k = 0;
    while (known[k] && strcmp(known[k], c->string ? c->string : "")) k++;
    if (known[k]) continue;
    char list[256] = "";
    for (int j = 0; known[j]; j++) {
      size_t n = strlen(list);
      snprintf(list + n, sizeof list - n, "%s%s", j ? ", " : "", known[j]);
    }
    const vgi_pos *p = vgi_pos_get(pm, c);
    vgi_diag_add(d, VGI_WARNING, cfgpath, p ? p->line : 0, p ? p->col : 0, where,
                 "unknown field '%s' (ignored; %s takes %s)", c->string ? c->string : "", where, list);
  }
}

/* edit distance of two short names, at most 3 counted (longer names: 3) */
static int near_miss(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  if (n > 32 || m > 32 || (n > m ? n - m : m - n) > 2) return 3;
  int row[33];
  for (size_t j = 0; j <= m; j++) row[j] = (int)j;
  for (size_t i = 1; i <= n; i++) {
    int diag = row[0];
    row[0] = (int)i;
    for (size_t j = 1; j <= m; j++) {
      int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      diag = up;
      row[j] = best;
    }
  }
  return row[m] < 3 ? row[m] : 3;
}

struct by_priority {
  double priority;
  int place;
  const cJSON *e;
};

static int by_priority_cmp(const void *x, const void *y) {
  const struct by_priority *a = x, *b = y;
  /* a NaN priority (.nan in YAML) sorts as no priority: the order stays total */
  double pa = a->priority == a->priority ? a->priority : 1e9;
  double pb = b->priority == b->priority ? b->priority : 1e9;
  if (pa != pb) return pa < pb ? -1 : 1;
  return (a->place > b->place) - (a->place < b->place);
}

cJSON *vgi_set_load(const char *dir, const vgi_options *opts, vgi_posmap *pm, vgi_diags *d) {
  char cfgpath[4096];
  snprintf(cfgpath, sizeof cfgpath, "%s/set_config.yaml", dir);
  size_t len;
  const vg_limits *lim = vgi_limits(opts);
  char *text = vgi_read_text(cfgpath, &len, lim, d);
  if (!text) return NULL;
  cJSON *cfgdoc = vgi_yaml_parse(text, len, cfgpath, pm, lim, d);
  free(text);
  if (!cfgdoc) return NULL;
  const cJSON *set = cJSON_GetObjectItemCaseSensitive(cfgdoc, "set");
  if (!cJSON_IsObject(set)) set = cfgdoc;
  const cJSON *defaults = cJSON_GetObjectItemCaseSensitive(set, "defaults");
  const cJSON *naming = cJSON_GetObjectItemCaseSensitive(set, "naming");
  const cJSON *vlist = cJSON_GetObjectItemCaseSensitive(set, "videos");
  static const char *const top_keys[] = { "set", NULL };
  static const char *const naming_keys[] = { "prefix", "use_numbers", "separator", NULL };
  static const char *const field_keys[] = { "voice", "accent_color", "theme", "target_duration",
                                            "min_scene_duration", "max_scene_duration", NULL };
  if (set != cfgdoc) {
    for (const cJSON *c = cfgdoc->child; c; c = c->next) {
      if (!c->string || !strcmp(c->string, top_keys[0])) continue;
      const vgi_pos *p = vgi_pos_get(pm, c);
      vgi_diag_add(d, VGI_WARNING, cfgpath, p ? p->line : 0, p ? p->col : 0, NULL,
                   "unknown field '%s' beside set: (ignored; a set's fields go under set:)", c->string);
    }
  }
  /* the set's own keys: besides the ones read, a set may describe itself
   * (name, description, metadata, ...); only a near miss of a key that is
   * read is told (`vidoes:` made a video of every YAML file of the folder) */
  static const char *const set_keys[] = { "defaults", "naming", "videos", NULL };
  for (const cJSON *c = set != cfgdoc ? set->child : NULL; c; c = c->next) {
    if (!c->string) continue;
    for (int k = 0; set_keys[k]; k++) {
      int dist = near_miss(c->string, set_keys[k]);
      if (dist == 0) break;
      if (dist <= 2 && strlen(c->string) >= 4) {
        const vgi_pos *p = vgi_pos_get(pm, c);
        vgi_diag_add(d, VGI_WARNING, cfgpath, p ? p->line : 0, p ? p->col : 0, "set",
                     "unknown field '%s' (ignored; did you mean %s?)", c->string, set_keys[k]);
        break;
      }
    }
  }
  unknown_keys(naming, naming_keys, "set.naming", cfgpath, pm, d);
  unknown_keys(defaults, field_keys, "set.defaults", cfgpath, pm, d);
  const char *prefix = vgi_str(naming, "prefix");
  const char *sep = vgi_str(naming, "separator");
  int numbers = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(naming, "use_numbers"));
  if (!sep) sep = "_";
  /* the prefix and separator go into every video's id, which names its
   * files: told here, at their line, not at each video's */
  static const char *const parts[] = { "prefix", "separator" };
  for (int k = 0; k < 2; k++) {
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(naming, parts[k]);
    if (!x) continue;
    const vgi_pos *p = vgi_pos_get(pm, x);
    const char *s = cJSON_IsString(x) ? x->valuestring : NULL;
    size_t n = s ? strlen(s) : 0, ok = s && n <= 64 && (n > 0 || k == 1);
    for (size_t i = 0; ok && i < n; i++)
      ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
           (s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '_' || s[i] == '-';
    if (!ok) {
      vgi_diag_add(d, VGI_ERROR, cfgpath, p ? p->line : 0, p ? p->col : 0,
                   k ? "set.naming.separator" : "set.naming.prefix",
                   "%s%s%s is not a valid part of a video id (use %s of A-Z a-z 0-9 . _ -)",
                   s ? "'" : "", s ? s : "not text", s ? "'" : "", k ? "0 to 64" : "1 to 64");
      if (k) sep = "_";
      else prefix = NULL;
    }
  }

  /* the list of files: given, or every YAML file in the directory */
  size_t nfiles = 0;
  char **files = NULL;
  const cJSON **entries = NULL;
  const cJSON **fnodes = NULL;   /* where each file: was written */
  if (cJSON_IsArray(vlist)) {
    int n = cJSON_GetArraySize(vlist);
    files = calloc((size_t)n + 1, sizeof *files);
    entries = calloc((size_t)n + 1, sizeof *entries);
    fnodes = calloc((size_t)n + 1, sizeof *fnodes);
    /* stable sort by priority (ties as listed): qsort on (priority, place),
     * n log n; an insertion sort of 20,000 entries listed in reverse took
     * 22 s */
    const cJSON **tmp = calloc((size_t)n + 1, sizeof *tmp);
    struct by_priority *order = calloc((size_t)n + 1, sizeof *order);
    if (!files || !entries || !fnodes || !tmp || !order) abort();
    int k = 0;
    for (const cJSON *e = vlist->child; e && k < n; e = e->next, k++) {
      const cJSON *pr = cJSON_GetObjectItemCaseSensitive(e, "priority");
      order[k].priority = cJSON_IsNumber(pr) ? pr->valuedouble : 1e9;
      order[k].place = k;
      order[k].e = e;
    }
    qsort(order, (size_t)k, sizeof *order, by_priority_cmp);
    for (int i = 0; i < k; i++) tmp[i] = order[i].e;
    free(order);
    for (int i = 0; i < k; i++) {
      const char *f = cJSON_IsString(tmp[i]) ? tmp[i]->valuestring : vgi_str(tmp[i], "file");
      if (!f) {
        const vgi_pos *p = vgi_pos_get(pm, tmp[i]);
        vgi_diag_add(d, VGI_ERROR, cfgpath, p ? p->line : 0, p ? p->col : 0, "set.videos",
                     "each video needs a file:");
        continue;
      }
      static const char *const entry_keys[] = { "file", "priority", "overrides", NULL };
      unknown_keys(tmp[i], entry_keys, "set.videos[]", cfgpath, pm, d);
      unknown_keys(cJSON_GetObjectItemCaseSensitive(tmp[i], "overrides"), field_keys,
                   "set.videos[].overrides", cfgpath, pm, d);
      entries[nfiles] = tmp[i];
      fnodes[nfiles] = cJSON_IsString(tmp[i]) ? tmp[i]
                                              : cJSON_GetObjectItemCaseSensitive(tmp[i], "file");
      files[nfiles++] = vgi_strdup(f);
    }
    free(tmp);
  } else {
    DIR *dd = opendir(dir);
    struct dirent *e;
    while (dd && (e = readdir(dd))) {
      const char *x = ext_of(e->d_name);
      if (strcmp(e->d_name, "set_config.yaml") && (!strcmp(x, "yaml") || !strcmp(x, "yml"))) {
        files = realloc(files, (nfiles + 2) * sizeof *files);
        files[nfiles++] = vgi_strdup(e->d_name);
      }
    }
    if (dd) closedir(dd);
    if (files) qsort(files, nfiles, sizeof *files, cmp_str);
    entries = calloc(nfiles + 1, sizeof *entries);
    fnodes = calloc(nfiles + 1, sizeof *fnodes);
  }
  if (!nfiles) vgi_diag_add(d, VGI_ERROR, cfgpath, 0, 0, "set.videos", "the set has no videos");

  cJSON *model = cJSON_CreateObject();
  cJSON *videos = cJSON_AddArrayToObject(model, "videos");
  for (size_t i = 0; i < nfiles; i++) {
    char path[8192];
    /* a set's files stay inside its folder: no absolute path, no "..", no
     * link out (checked on the resolved path) */
    const vgi_pos *fpos = vgi_pos_get(pm, fnodes[i]);
    char field[64];
    snprintf(field, sizeof field, "set.videos[%zu].file", i);
    if (vgi_set_entry(dir, files[i], path, sizeof path, cfgpath, fpos ? fpos->line : 0,
                      fpos ? fpos->col : 0, entries[i] ? field : NULL, d) != 0)
      continue;
    vgi_options sub = opts ? *opts : (vgi_options){0};
    sub.format = NULL;
    sub.set_root = dir;
    const char *fmt = detect(path, d);
    if (!fmt) {
      vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot open: listed in %s but missing", cfgpath);
      continue;
    }
    if (!*fmt) continue;
    if (!strcmp(fmt, "set")) {
      vgi_diag_add(d, VGI_ERROR, cfgpath, fpos ? fpos->line : 0, fpos ? fpos->col : 0,
                   entries[i] ? field : NULL, "%s is a directory, not a video file", files[i]);
      continue;
    }
    const cJSON *ov = entries[i] ? cJSON_GetObjectItemCaseSensitive(entries[i], "overrides") : NULL;
    cJSON *m = NULL;
    if (!strcmp(fmt, "yaml") || !strcmp(fmt, "json")) {
      size_t flen;
      char *ftext = vgi_read_text(path, &flen, lim, d);
      if (!ftext) continue;
      cJSON *raw = !strcmp(fmt, "json") ? vgi_json_parse(ftext, flen, path, pm, lim, d)
                                        : vgi_yaml_parse(ftext, flen, path, pm, lim, d);
      free(ftext);
      if (!raw) continue;
      set_fields(pm, raw, defaults, ov);
      m = vgi_normalize(raw, path, pm, d);
    } else {
      /* Markdown or transcripts: overrides apply to the finished videos */
      m = parse_file(path, fmt, &sub, pm, d);
      cJSON *mv = cJSON_GetObjectItemCaseSensitive(m, "videos");
      for (cJSON *v = mv ? mv->child : NULL; v && ov; v = v->next) {
        static const char *const keys[] = { "accent_color", "theme", "target_duration", NULL };
        for (int k = 0; keys[k]; k++)
          apply(pm, v, keys[k], cJSON_GetObjectItemCaseSensitive(ov, keys[k]), 1);
        const cJSON *voice = cJSON_GetObjectItemCaseSensitive(ov, "voice");
        if (!cJSON_IsString(voice)) continue;
        apply(pm, v, "voice", voice, 1);
        cJSON_DeleteItemFromObjectCaseSensitive(v, VGI_VOICE_AUTO_KEY);   /* chosen by the set */
        cJSON *sc = cJSON_GetObjectItemCaseSensitive(v, "scenes");
        for (cJSON *s = sc ? sc->child : NULL; s; s = s->next)
          if (cJSON_GetObjectItemCaseSensitive(s, "voice"))
            cJSON_ReplaceItemInObjectCaseSensitive(s, "voice", cJSON_CreateString(voice->valuestring));
      }
    }
    if (!m) continue;
    cJSON *mv = cJSON_GetObjectItemCaseSensitive(m, "videos");
    for (cJSON *v = mv ? mv->child : NULL; v;) {
      cJSON *next = v->next;
      cJSON_DetachItemViaPointer(mv, v);
      /* naming: prefix-01-id */
      const char *id = vgi_str(v, "id");
      if (prefix && id) {
        char buf[512];
        if (numbers) vg_snprintf_utf8(buf, sizeof buf, "%s%s%02zu%s%s", prefix, sep, i + 1, sep, id);
        else vg_snprintf_utf8(buf, sizeof buf, "%s%s%s", prefix, sep, id);
        vgi_pos_delete(pm, cJSON_DetachItemFromObjectCaseSensitive(v, "id"));
        cJSON_AddItemToObject(v, "id", cJSON_CreateString(buf));
      }
      cJSON_AddItemToArray(videos, v);
      v = next;
    }
    vgi_pos_delete(pm, m);
  }
  const char *sname = vgi_str(set, "name");
  const char *sid = vgi_str(set, "id");
  if (sname || sid) {
    cJSON *so = cJSON_CreateObject();
    if (sid) cJSON_AddStringToObject(so, "id", sid);
    if (sname) cJSON_AddStringToObject(so, "name", sname);
    cJSON_AddItemToObject(model, "set", so);
  }
  for (size_t i = 0; i < nfiles; i++) free(files[i]);
  free(files);
  free(entries);
  free(fnodes);
  vgi_pos_delete(pm, cfgdoc);
  return model;
}

/* A load its caller cancelled: what it made so far is thrown away (NULL),
 * with an error that says why there is no model. */
static cJSON *cancelled_load(cJSON *model, const char *path, vgi_diags *d) {
  cJSON_Delete(model);
  vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cancelled");
  return NULL;
}

cJSON *vgi_load(const char *path, const vgi_options *opts, vgi_diags *d) {
  if (!path || !*path) {
    vgi_diag_add(d, VGI_ERROR, NULL, 0, 0, NULL, "no input path given");
    return NULL;
  }
  if (!modules_ok(d)) return NULL;
  const char *fmt = opts && opts->format && *opts->format ? opts->format : detect(path, d);
  if (!fmt) {
    size_t len;
    free(vgi_read_text(path, &len, vgi_limits(opts), d));   /* reports the missing path */
    return NULL;
  }
  if (!*fmt) return NULL;
  /* document:DIR/set_config.yaml is the set, as the name alone is (detect) */
  const char *base = strrchr(path, '/');
  if (!strcmp(fmt, "document") && !strcmp(base ? base + 1 : path, "set_config.yaml")) fmt = "set";
  vgi_posmap pm;
  vgi_pos_init(&pm);
  cJSON *model;
  /* images are looked for in the document's folder (a set's: the set's) */
  char docdir[4096];
  const char *slash = strrchr(path, '/');
  if (!slash) snprintf(docdir, sizeof docdir, ".");
  else if (slash == path) snprintf(docdir, sizeof docdir, "/");
  else snprintf(docdir, sizeof docdir, "%.*s", (int)(slash - path), path);
  vgi_options o = opts ? *opts : (vgi_options){0};
  /* the pictures of the whole load (a set's files together) */
  vgi_pictures pics = {0};
  if (!o.pictures) o.pictures = &pics;
  if (!strcmp(fmt, "set")) {
    struct stat st;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    if (stat(path, &st) == 0 && !S_ISDIR(st.st_mode)) {
      char *slash = strrchr(dir, '/');
      if (slash) *slash = 0; else snprintf(dir, sizeof dir, ".");
    }
    size_t l = strlen(dir);
    while (l > 1 && dir[l - 1] == '/') dir[--l] = 0;
    char cfg[4200];
    snprintf(cfg, sizeof cfg, "%s/set_config.yaml", dir);
    if (stat(cfg, &st) != 0) {
      vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL,
                   "a directory is read as a set of videos and needs a set_config.yaml");
      model = NULL;
    } else {
      model = vgi_set_load(dir, &o, &pm, d);
      snprintf(docdir, sizeof docdir, "%s", dir);
      o.set_root = docdir;
    }
  } else if (!strcmp(fmt, "yaml") || !strcmp(fmt, "json") || !strcmp(fmt, "markdown") ||
             !strcmp(fmt, "rst") || !strcmp(fmt, "asciidoc") || !strcmp(fmt, "text") || !strcmp(fmt, "document") ||
             !strcmp(fmt, "srt") || !strcmp(fmt, "vtt") || !strcmp(fmt, "man")) {
    model = parse_file(path, fmt, &o, &pm, d);
  } else {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "unknown format '%s'", fmt);
    model = NULL;
  }
  if (model && vgi_cancelled()) model = cancelled_load(model, path, d);
  if (model) {
    vgi_clean_controls(model, path, &pm, d);
    vgi_check_images(model, path, docdir, &pm, &o, d);
    vgi_narrate(model, opts, d);
    if (vgi_cancelled()) model = cancelled_load(model, path, d);
  }
  if (model) vgi_validate_pm(model, path, &pm, opts, d);
  vgi_pos_free(&pm);
  vgi_pictures_free(&pics);
  return model;
}
