/* input_private.h: shared by the adapters of stages/input only. Position map
 * (which line a cJSON node came from), a growable string, and the adapters'
 * entry points. */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <cjson/cJSON.h>
#include "input.h"
#include "vg.h"

/* ---- positions: cJSON node -> file:line:col ------------------------------ */
typedef struct vgi_pos {
  const cJSON *node;
  const char *file;   /* interned in the map */
  int line, col;
} vgi_pos;

typedef struct vgi_posmap {
  vgi_pos *slots;     /* open addressing by pointer */
  size_t cap, n;
  char **files;
  size_t nfiles;
} vgi_posmap;

void vgi_pos_init(vgi_posmap *pm);
void vgi_pos_free(vgi_posmap *pm);
const char *vgi_pos_file(vgi_posmap *pm, const char *file); /* interns */
void vgi_pos_set(vgi_posmap *pm, const cJSON *node, const char *file, int line, int col);
const vgi_pos *vgi_pos_get(const vgi_posmap *pm, const cJSON *node);
/* Drops the positions of a subtree (before it is freed: a later node at the
 * same address must not inherit them); _delete also frees it. */
void vgi_pos_forget(vgi_posmap *pm, const cJSON *node);
void vgi_pos_delete(vgi_posmap *pm, cJSON *node);

/* ---- diagnostics ---------------------------------------------------------- */
void vgi_diag_add(vgi_diags *d, vgi_severity sev, const char *file, int line, int col,
                  const char *field, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void vgi_diag_vadd(vgi_diags *d, vgi_severity sev, const char *file, int line, int col,
                   const char *field, const char *fmt, va_list ap);

/* ---- strings ---------------------------------------------------------------- */
typedef struct vgi_buf { char *s; size_t n, cap; } vgi_buf;
void vgi_buf_add(vgi_buf *b, const char *s, size_t n);
void vgi_buf_puts(vgi_buf *b, const char *s);
void vgi_buf_printf(vgi_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *vgi_buf_take(vgi_buf *b);   /* never NULL; resets b */
/* a Lua module's text, from VGRUN_LUA_DIR or built in (lang.c) */
const char *vgi_lua_module(const char *module, const char *file, size_t *len, char **disk);
/* One of the Lua modules that are data (vg.i18n, vg.timing), evaluated in a
 * private interpreter with no library opened (lang.c). */
typedef struct vgi_lua_data {
  struct lua_State *L;   /* the module's value on top (a table, when opened) */
  const char *code;      /* its text, for line numbers */
  size_t len;
  char *disk;            /* the text read from VGRUN_LUA_DIR (owned) */
  char name[1024];       /* where it was read, for messages */
} vgi_lua_data;
/* -> 1, or 0 with err = "<file>:<line>: why" (a syntax or runtime error, no
 * table); builtin: the copy built in, whatever VGRUN_LUA_DIR says. Close
 * it either way. */
int vgi_lua_data_open(vgi_lua_data *m, const char *module, const char *file, int builtin, char *err, size_t errsz);
void vgi_lua_data_close(vgi_lua_data *m);
/* The line that sets `key =` (after the one that sets `block =`, when
 * given), 0 when none does: where a value of the wrong type was written. */
int vgi_lua_data_line(const vgi_lua_data *m, const char *block, const char *key);
/* "<file>:<line>" (line 0: "<file>") into out */
void vgi_lua_data_where(const vgi_lua_data *m, int line, char *out, size_t outsz);
/* Why VGRUN_LUA_DIR's vg/i18n.lua or vg/timing.lua cannot be used
 * ("<file>:<line>: ..."), or NULL; loads them (any thread). Meanwhile
 * the copies built in are used, so nothing fails on the way to this. */
const char *vgi_modules_error(void);
const char *vgi_timing_error(void);
void vgi_buf_free(vgi_buf *b);

#define vgi_strdup vg_strdup   /* engine/core: one strdup for every part */
/* Collapses runs of whitespace to one space and trims; in place. */
char *vgi_squash(char *s);
int vgi_word_count(const char *s);
/* vgi_word_count(t) - vgi_word_count(o) for points o of t met in order,
 * counted as the cursor moves on (a loop over a sentence's commas asking
 * it at each was quadratic in the sentence). Exact: a text with words of
 * an unspaced script (counted by their words, not their spaces) is counted
 * the old way. */
typedef struct { const char *t, *at; int starts, total, unspaced; } vgi_word_cursor;
void vgi_word_cursor_init(vgi_word_cursor *c, const char *t);
int vgi_words_before(vgi_word_cursor *c, const char *o);
/* Whether the '?' or '!' at e (inside text) is a sign written as itself,
 * not a sentence's end: quoted ("?", '?', `?`, «?», “?”), or alone between
 * spaces ("mark it with ? when unsure") in a language that writes its marks
 * against the word (not French: "Quoi ? Rien."). lang NULL: English. */
int vgi_mark_as_sign(const char *text, const char *e, const char *lang);
/* Verbs whose object is the code a slide shows (code_verbs.c): whether w
 * (n bytes, punctuation after it ignored) is one of the imperatives ("run",
 * "use", "type", "execute", "enter"), and whether the first l bytes of t
 * end on one of them or on their gerunds ("To build jq, run", "by typing"). */
int vgi_code_imperative(const char *w, size_t n);
int vgi_ends_on_code_verb(const char *t, size_t l);
/* t with the Markdown links written in it ("[text](url)", "[text][ref]",
 * "[[Page]]") as their text and its pictures ("![x](a.png)") out
 * (link_text.c); frees t, returns the new text. */
char *vgi_link_text(char *t);
/* t without the bug numbers a presenter never reads (bug_numbers.c): a
 * bracket that only cites them goes ("(Closes: #1028103)"), one the
 * sentence needs is said "a bug report"; frees t, returns the new text. */
char *vgi_bug_numbers_out(char *t);
/* The same numbers out of what a document's scenes show (headers, titles,
 * list items), a label that opens a text with one ("#1234: …") too. */
void vgi_bug_numbers_shown(cJSON *scenes);
/* English "a"/"an" made to agree with the word now after it where words
 * between them went (articles.c): "a (old) apple" said "a apple" becomes
 * "an apple"; a pair as `in` (the text before the removal) has it stays.
 * Frees out, returns the new text. */
char *vgi_articles_agree(char *out, const char *in);
/* 1 when the word w[0, n) is said with a vowel first ("apple", "hour",
 * "SQL"), 0 with a consonant ("user", "one"), -1 when it cannot tell. */
int vgi_vowel_sound(const char *w, size_t n);
/* s as a part of a file name (file_names.c): Latin letters folded to ASCII,
 * Cyrillic and Greek transliterated, other scripts' letters kept (dropped
 * with VGI_NAME_ASCII), anything else parting words. VGI_NAME_SLUG: lower
 * case, words joined by sep; else the case and the name's own '.', '_', '-'
 * kept (other gaps are sep) and a Windows device name ("con") given a sep
 * after it. At most max bytes, whole characters; never starts with '.', may
 * be "". Caller frees; NULL only when memory runs out. */
enum { VGI_NAME_SLUG = 1, VGI_NAME_ASCII = 2 };
char *vgi_name_part(const char *s, int flags, char sep, size_t max);
/* The bytes of s[0..n) that are web addresses ("https://…", "www.…", up to
 * a space, '>' or ')'): a title is never a line that is mostly one. */
int vgi_url_bytes(const char *s, int n);

/* Case folding of the Latin, Greek and Cyrillic alphabets (a translated
 * page's "MOŽNOSTI", "ΠΕΡΙΓΡΑΦΗ", a Russian table's "Ключ"):
 * vgi_lower_cp: the lower case of capital c, c itself otherwise (Turkish
 * and Azeri, turkic: dotless ı for I); vgi_put_cp: writes c (below
 * U+0800) as UTF-8 at w, its byte count; vgi_lower_utf8: the lower case of
 * [s, s + n) into out (at most outsz - 1 bytes), 0 when it does not fit */
unsigned vgi_lower_cp(unsigned c, int turkic);
int vgi_put_cp(char *w, unsigned c);
int vgi_lower_utf8(const char *s, size_t n, char *out, size_t outsz);
/* A first letter in upper case (upper_first.c), in the same alphabets:
 * vgi_upper_cp: the capital of small c, c itself otherwise (turkic: i is
 * İ; ı is I always); vgi_turkic: 1 for lang tr or az, or, lang NULL or
 * empty, when s has a letter only Turkish and Azeri write (ı İ ğ ə);
 * vgi_opens_lower: s opens with a small letter not followed by a capital
 * ("için", "über", "что"; not "iOS", "eBay"); vgi_upper_first: s (from
 * malloc) with its first letter a capital, reallocated when it grows
 * ("i" is two bytes as "İ"); vgi_upper_first_in: the same in a buffer of
 * cap bytes, 1 when it changed (0 and s unchanged when İ does not fit). */
unsigned vgi_upper_cp(unsigned c, int turkic);
int vgi_turkic(const char *lang, const char *s);
int vgi_opens_lower(const char *s);
/* vgi_opens_capital: s opens with a capital of those alphabets ("In",
 * "Über", "У"); vgi_ends_cased: [s, s + n) ends on a letter of those
 * alphabets or a digit ("file", "файл", "2") */
int vgi_opens_capital(const char *s);
int vgi_ends_cased(const char *s, size_t n);
char *vgi_upper_first(char *s, const char *lang);
int vgi_upper_first_in(char *s, size_t cap, const char *lang);
/* The code fence opening [s, e) (three or more ` or ~): its length, its
 * character in *c; 0 when none. */
int vgi_fence_run(const char *s, const char *e, char *c);
/* Returns NULL if s is valid UTF-8, else the first bad byte. */
const char *vgi_utf8_invalid(const char *s, size_t n);
/* encodings.c: UTF-16 after its byte order mark (buf[0..1]) as UTF-8
 * (NULL and *why when it is not valid UTF-16); Windows-1252 as UTF-8 (NULL
 * when a byte has no character there); whether s holds a valid UTF-8
 * sequence of two bytes or more (then its bad bytes are damage, not
 * another encoding). Callers free. */
/* c (a code point up to U+10FFFF) as UTF-8 at o: its bytes (1-4, no NUL) */
size_t vgi_put_utf8(char *o, unsigned c);
char *vgi_utf16_to_utf8(const char *buf, size_t n, size_t *out_len, const char **why);
char *vgi_cp1252_to_utf8(const char *buf, size_t n, size_t *out_len);
int vgi_utf8_multibyte(const char *s, size_t n);
/* v in as few digits as read back the same ("300.0000001", "15"); returns buf */
char *vgi_fmt_num(char *buf, size_t n, double v);
/* Keeps the text a number was written as in the document (num->valuestring,
 * which cJSON frees and copies with the node); vgi_to_text shows it so
 * ("1e308", "2.50", not "1e+308", "2.5"). */
void vgi_number_keep_text(cJSON *num, const char *text, size_t len);

/* cancel.c: fn(arg) says whether the load on this thread was cancelled
 * (NULL: it cannot be); vgi_cancelled() asks it, from any reader's loop. */
void vgi_cancel_watch(int (*fn)(const void *arg), const void *arg);
int vgi_cancelled(void);
/* Why a value given for a number is not a usable one ("not a finite number",
 * "'0x10' is not a decimal number (write 16)"), in buf; NULL when it is a
 * finite number or plain text (the caller then says what it expected). */
const char *vgi_number_problem(const cJSON *x, char *buf, size_t n);
/* line/col (1-based) of offset in text */
void vgi_line_col(const char *text, size_t off, int *line, int *col);

/* ---- lines ------------------------------------------------------------------ */
/* One line of a text the rst and plain-text readers split: tabs expanded to
 * the next multiple of eight, no end of line. */
typedef struct vgi_line {
  const char *s;   /* the line (in the store), without its end of line */
  int len, ind;    /* length, leading spaces (ind == len: blank) */
  int no;          /* 1-based line of the file */
  char kind;       /* free for the reader: 0 when split */
} vgi_line;
/* Splits text into lines: LF or CRLF ends a line, tabs go to the next
 * multiple of eight (past a budget of tabs each is one space, so a file of
 * tabs keeps its size), \v and \f are spaces, and so is a lone \r when
 * cr_space. *store holds the lines' text, *lines the table (free both,
 * also on failure); returns 0 when out of memory. Linear in len. */
int vgi_split_lines(const char *text, size_t len, int cr_space, char **store, vgi_line **lines, int *n);

/* ---- files ------------------------------------------------------------------ */
/* Reads a text file: rejects missing, unreadable, empty, binary (NUL) files
 * and invalid UTF-8 with a diagnostic naming the path; strips a UTF-8 BOM. */
char *vgi_read_text(const char *path, size_t *len, const vg_limits *lim, vgi_diags *d);
/* gzip (gunzip.c): whether s starts as a gzip file does, and its text:
 * malloc'd, NUL-terminated, *out_len bytes, or NULL with *why ("more than
 * N bytes once uncompressed", "damaged") when it is more than max bytes or
 * cannot be read. Concatenated members are read as one text. */
int vgi_gzipped(const char *s, size_t n);
char *vgi_gunzip(const char *s, size_t n, size_t max, size_t *out_len, const char **why);
/* Manual pages in roff source (man.c): whether the text is one (its first
 * request .TH, .Dd, .Dt, .Os or .so, after comments), and the page laid out
 * as text by mandoc in a confined child (malloc'd, *out_len bytes), or NULL
 * with the reason in d (a page that is only ".so other", no mandoc, a page
 * that loops or grows past max_file_bytes). */
int vgi_is_roff_page(const char *text, size_t len);
char *vgi_man_render(const char *text, size_t len, const char *path, const vg_limits *lim,
                     vgi_diags *d, size_t *out_len);
/* A man page's tbl tables (man_tables.c): before mandoc, each boxed and its
 * first cell marked (a malloc'd copy of the page; the lines added are
 * listed in *ins, which vgi_man_lines_source maps mandoc's line numbers
 * back through); after it, each marked grid a pipe table (*text replaced,
 * its new length returned). */
typedef struct vgi_man_lines { int *at; int n, cap; } vgi_man_lines;
char *vgi_man_tables_mark(const char *s, size_t len, size_t *out_len, vgi_man_lines *ins);
int vgi_man_lines_source(const vgi_man_lines *ins, int line);
size_t vgi_man_tables_read(char **text, size_t n);
/* The limits of a load: opts->limits, else the defaults (never NULL). Keys
 * in one mapping (max_keys) are bounded because a scene has a few dozen
 * fields; a hostile document with 100,000 would make every lookup by name
 * (cJSON's are linear) cost seconds. */
const vg_limits *vgi_limits(const vgi_options *opts);

/* ---- paths a document names (paths.c) ------------------------------------- */
#include <sys/types.h>
/* "a FIFO", "a directory", ... for messages */
const char *vgi_file_kind(mode_t m);
/* 1 when the resolved path `real` is `root` or below it (both absolute). */
int vgi_path_within(const char *real, const char *root);
/* A set's file: entry -> dir/entry in out. Refuses (error at cfg:line:col,
 * returns -1) absolute paths, "..", and links that resolve outside `dir`;
 * a missing file returns 0 (the caller names it). */
int vgi_set_entry(const char *dir, const char *entry, char *out, size_t n, const char *cfg,
                  int line, int col, const char *field, vgi_diags *d);
enum { VGI_IMG_OK = 0, VGI_IMG_SKIP = 1, VGI_IMG_REFUSED = 2, VGI_IMG_DAMAGED = 3 };
/* 1 when a picture's address is not a file of the document's own (a web
 * address, a data: URI): never fetched. */
int vgi_remote_image(const char *url);
/* An image a document names: `url` relative to `base` (NULL: a Lua table,
 * no folder rule). OK: *out = the resolved path (malloc'd). SKIP: missing,
 * remote or a format the renderer cannot draw (warning). REFUSED: outside
 * the allowed folders, not a regular file, not a PNG, too large (error).
 * DAMAGED: a PNG whose data is broken (warning); *out is set, the renderer
 * draws a placeholder for it. */
int vgi_image_resolve(const char *url, const char *base, const vgi_options *o, char **out,
                      const char *file, int line, int col, const char *field, vgi_diags *d);
/* The same for a page of a documentation site (front matter, a site
 * generator's markup): a site-rooted "/img/x.png" is looked for under the
 * site's root (site_root: the nearest allowed folder holding mkdocs.yml,
 * _config.yml, hugo.toml, static/, assets/, docs/, …), and a picture
 * outside the allowed folders is left out with a warning, not refused with
 * an error. Nothing outside the allowed folders is read either way; a link
 * that leads out when resolved stays refused. */
int vgi_site_image_resolve(const char *url, const char *base, const vgi_options *o, int site_page, char **out,
                           const char *file, int line, int col, const char *field, vgi_diags *d);
/* The pictures one load has checked, each file once (an adapter resolves
 * its pictures and the finished model is checked again), and their pixels
 * together, held to limits.max_total_picture_pixels: 100 pictures that each
 * say 8000x8000 in a few KB would cost a second or two apiece to check and
 * to draw. */
typedef struct vgi_pictures {
  struct vgi_picture { char *path; int damaged; } *v;
  size_t n, cap;
  long long pixels;
} vgi_pictures;
void vgi_pictures_free(vgi_pictures *p);
/* 1 when the PNG file at path (at most max_bytes) is cut off or damaged:
 * a chunk past its end, a CRC that does not match, no IEND (png_check.c). */
int vgi_png_damaged(const char *path, long max_bytes);
/* Control characters (an escape sequence whole) and bidirectional
 * overrides out of every string of a model, in place; a warning per kind at
 * its first place (controls.c). */
void vgi_clean_controls(cJSON *model, const char *file, const vgi_posmap *pm, vgi_diags *d);
/* The same in a document's raw text (carriage returns kept), in place; its
 * new length. */
size_t vgi_clean_text(char *text, const char *file, vgi_diags *d);
/* A warning when the document is a stub left where a page moved (a meta
 * refresh, "This page has moved"): nothing to present (redirect_stub.c). */
void vgi_warn_redirect_stub(const char *text, size_t len, const char *file, vgi_diags *d);
/* Every image of a model (scene.image, visual_content.image) through
 * vgi_image_resolve; each is replaced by its resolved path or removed. */
void vgi_check_images(cJSON *model, const char *top, const char *doc_dir, const vgi_posmap *pm,
                      const vgi_options *o, vgi_diags *d);

/* ---- adapters: each returns a raw document or a model ---------------------- */
/* YAML text -> cJSON (first document), positions recorded. NULL on error. */
cJSON *vgi_yaml_parse(const char *text, size_t len, const char *file, vgi_posmap *pm,
                      const vg_limits *lim, vgi_diags *d);
cJSON *vgi_json_parse(const char *text, size_t len, const char *file, vgi_posmap *pm,
                      const vg_limits *lim, vgi_diags *d);
/* Markdown/transcripts build canonical models directly. */
cJSON *vgi_markdown_load(const char *text, size_t len, const char *file,
                         const vgi_options *opts, vgi_posmap *pm, vgi_diags *d);
/* reStructuredText (rst.c): translated to Markdown with the line of the .rst
 * file each Markdown line came from (*map, *nmap lines; the caller frees
 * both), or NULL with the reason in d (nesting past max_markdown_depth). */
char *vgi_rst_markdown(const char *text, size_t len, const char *file, const vgi_options *opts,
                       vgi_diags *d, int **map, int *nmap, size_t *out_len);
/* ... read by the Markdown adapter, the model's lines and the diagnostics
 * put back on the .rst file. */
cJSON *vgi_rst_load(const char *text, size_t len, const char *file, const vgi_options *opts,
                    vgi_posmap *pm, vgi_diags *d);
/* Markdown another reader translated a document into, read by the Markdown
 * adapter; map[k] is the document's line of Markdown line k + 1 (nmap lines):
 * the model's lines and the diagnostics are put back on it (translated.c).
 * Takes md and map (both freed); md NULL (the translation failed): NULL. */
cJSON *vgi_markdown_load_mapped(char *md, size_t mlen, const char *file, const vgi_options *opts,
                                vgi_posmap *pm, vgi_diags *d, int *map, int nmap);
/* ... for a translation whose lines came from several files: mapfile[k]
 * (NULL: none) is the file of Markdown line k + 1, 0 the document, else
 * files[mapfile[k]]; takes mapfile too. */
cJSON *vgi_markdown_load_mapped_files(char *md, size_t mlen, const char *file, const vgi_options *opts,
                                      vgi_posmap *pm, vgi_diags *d, int *map, int *mapfile,
                                      const char *const *files, int nmap);
/* appends line s[0..n) and its newline to out, and src (the document's line)
 * to the map (*map grown as needed, *nmap lines, *cap allocated) */
void vgi_mapped_line(vgi_buf *out, int **map, int *nmap, int *cap, int src, const char *s, size_t n);
/* AsciiDoc (asciidoc.c): translated to Markdown the same way (map, nmap:
 * owned by the caller), then read with vgi_markdown_load_mapped_files: the
 * lines of the files it includes are lines of those files (*mapfile, NULL
 * when it includes none, indexes *files, *nfiles names: the caller's). */
char *vgi_asciidoc_markdown(const char *text, size_t len, const char *file, const vgi_options *opts,
                            vgi_diags *d, int **map, int *nmap, size_t *out_len,
                            int **mapfile, char ***files, int *nfiles);
cJSON *vgi_asciidoc_load(const char *text, size_t len, const char *file, const vgi_options *opts,
                         vgi_posmap *pm, vgi_diags *d);
/* AsciiDoc's include:: (asciidoc_include.c): the files a document includes,
 * f[0] the document itself; only regular files inside its folder tree. */
typedef struct vgi_adoc_includes {
  char *root;               /* the document's folder, resolved; NULL: nothing is included */
  char *written;            /* the same as written: a path is checked against it first */
  struct { char *path; int depth; } *f;
  int nfiles, cap;
  char **stores;            /* the included lines' text */
  int nstores, capstores;
  size_t bytes;             /* text included so far */
  int count;
} vgi_adoc_includes;
void vgi_adoc_includes_init(vgi_adoc_includes *in, const char *file);
void vgi_adoc_includes_free(vgi_adoc_includes *in);
/* include::TARGET[ATTRS] at line no of file f[from]: 1 with the lines it
 * selects (*lines, *nlines: free *lines; their text lives in `in`, their
 * `no` the included file's own lines), the file's index (*file) and its
 * leveloffset= (*offset, INT_MIN none; *relative for +N/-N); 0 with a
 * warning at that line when it is refused or missing. */
int vgi_adoc_include(vgi_adoc_includes *in, int from, int no, const char *target, size_t tn,
                     const char *attrs, size_t an, const vg_limits *lim, vgi_diags *d,
                     vgi_line **lines, int *nlines, int *file, int *offset, int *relative);
/* lone carriage returns (old Mac line ends) made line feeds, in place */
void vgi_lone_cr_ends(char *text, size_t len);
/* The text of the regular file at path when it resolves (realpath: ".." or a
 * link that leads out counts where it points) inside one of roots (resolved
 * folders, NULL-terminated): no hidden file or folder below the root, opened
 * without following links and never waited on (a FIFO or a device is
 * refused), at most `room` bytes. NULL with the reason in *why (*missing: no
 * such file). asciidoc_include.c; mdbook_include.c reads with it too. */
/* 1 when path, read as written ("." and ".." taken out, no file system
 * asked), is inside root as written or resolved (paths.c): checked before a
 * file outside is looked at, so whether it exists is never told. */
int vgi_lexically_within(const char *path, const char *root);
char *vgi_include_read(const char *const *roots, const char *path, size_t room, size_t *len, const char **why,
                       int *missing);
/* mdBook's directives in code blocks ({{#include f.rs:anchor}},
 * {{#rustdoc_include …}}, {{#playground …}}) replaced by the lines they name,
 * read with vgi_include_read from the document's folder, the set's or an
 * allowed one (the document's project); the file name a label gives a code
 * block (<span class="filename">, <Listing file-name=…>) as its user data;
 * caption paragraphs by code or a table left out. Refusals are warnings on
 * the directive's line. Returns what holds the names (vgi_mdbook_free). */
struct cmark_node;
void *vgi_mdbook_includes(struct cmark_node *doc, const char *file, const vgi_options *o, vgi_diags *d);
void vgi_mdbook_free(void *names);
/* 1 when a document with no telling name is AsciiDoc: its first line of text
 * is a "= Title" (Markdown has none) and a section title, an attribute entry,
 * a block attribute line or a delimited listing or table follows. */
int vgi_is_asciidoc(const char *text, size_t len);
int vgi_is_rst(const char *text, size_t len);   /* explicit markup and another reST mark (rst.c) */
/* Transcripts (subtitle.c): cues grouped into scenes, at most max_scenes
 * in all (a long talk's scenes span more cues). */
cJSON *vgi_subtitle_load(const char *text, size_t len, const char *path, const char *format,
                         long max_scenes, vgi_diags *d);
/* Plain text (text.c): translated to Markdown the same way, with the line of
 * the text file behind each Markdown line (map, nmap: owned by the caller). */
/* Set while a manual page's text is read as Markdown: its title, "frob —
 * frobnicate files", is the NAME line whole, never a name and a subtitle. */
extern _Thread_local int vgi_title_whole_;
char *vgi_text_markdown(const char *text, size_t len, const char *file, const vgi_options *opts,
                        vgi_diags *d, int **map, int *nmap, size_t *out_len);
cJSON *vgi_text_load(const char *text, size_t len, const char *file, const vgi_options *opts,
                     vgi_posmap *pm, vgi_diags *d);
/* 1 when the text has Markdown markup plain text does not (docs/inputs.md,
 * "Plain text"): fences, links, link definitions, table rules, headings,
 * code spans, strong emphasis. */
int vgi_text_is_markdown(const char *text, size_t len);
/* An indented Markdown code block that is notes, not code (release notes
 * under "History"): its paragraphs, a line each, malloc'd; NULL for code.
 * latest: of a list of releases, the first only (a summary). */
char *vgi_text_notes(const char *lit, int latest);

/* Raw document (both YAML flavours) -> canonical model. Consumes doc. */
cJSON *vgi_normalize(cJSON *doc, const char *file, vgi_posmap *pm, vgi_diags *d);
/* Normalises one video object (already a mapping) in place into canonical
 * form; `index` for paths. Returns the new video (doc consumed). */
cJSON *vgi_normalize_video(cJSON *v, int index, const char *file, vgi_posmap *pm,
                           vgi_diags *d);
int vgi_validate_pm(const cJSON *model, const char *file, const vgi_posmap *pm,
                    const vgi_options *opts,
                    vgi_diags *d);

/* set directory (dir contains set_config.yaml) */
cJSON *vgi_set_load(const char *dir, const vgi_options *opts, vgi_posmap *pm, vgi_diags *d);

/* helpers on cJSON */
const char *vgi_str(const cJSON *obj, const char *key);      /* string or NULL */
/* An array's last item (NULL when empty) in constant time: cJSON keeps it
 * as the first item's prev, where cJSON_GetArrayItem walks the array. */
static inline cJSON *vgi_last(const cJSON *a) { return a && a->child ? a->child->prev : NULL; }
char *vgi_to_text(const cJSON *v);                            /* scalar -> malloc'd text */

/* Internal flag on scenes whose narration was generated (trim-able). */
#define VGI_AUTO_KEY "_narration_auto"
/* Internal flag on a video whose voice the adapter defaulted: the language
 * pass may give it the voice of the document's language. */
#define VGI_VOICE_AUTO_KEY "_voice_auto"

/* ---- length (narrate.c): the seconds of lua/vg/timing.lua ------------------ */
struct lua_State;
/* Pushes the timing table the length model read (vg.input_core.timing()). */
void vgi_timing_push(struct lua_State *L);

/* ---- language (lang.c): phrases from lua/vg/i18n.lua ----------------------- */
/* The phrase `key` in `lang` ("de", "pt-BR"; when missing, the neutral or
 * English one: vgi_phrase_english); never NULL.
 * The returned text lives for the whole process. Any thread. */
const char *vgi_phrase(const char *lang, const char *key);
/* Appends the phrase with {1}..{9} replaced by args. */
void vgi_phrase_put(vgi_buf *b, const char *lang, const char *key, const char *const *args, int nargs);
/* The plural that counts a table's rows named by `word` (n bytes, any
 * case: "KEY", "Option", "Schlüssel") in lang, from M.row_nouns of
 * lua/vg/i18n.lua; *plural 1 when word is that plural itself ("Codes").
 * NULL when the word is not one of lang's nouns: the rows are "rows". */
const char *vgi_row_noun(const char *lang, const char *word, size_t n, int *plural);
/* 1 when the phrase table has lang's base language. */
int vgi_lang_known(const char *lang);
/* Does lang take English phrases where its own lack one (English, no
 * language tag, or a language said by the English voice)? Else it takes
 * lua/vg/i18n.lua's neutral ones. */
int vgi_phrase_english(const char *lang);
/* 1 when s[0..n) writes more of the frequent Chinese characters in their
 * traditional form (這 個 們 …) than in their simplified one (这 个 们 …). */
int vgi_han_traditional(const char *s, size_t n);
/* cjk_marks.c: the path or link of kind (1 folder, 2 file, 3 address) that
 * narration took out at (*tp)[at], in a sentence of lang ('j', 'z', 'k'):
 * the sentence goes, or a stand-in says where to look; 1 when handled */
int vgi_cjk_mark_out(char **tp, size_t at, int kind, char lang);
/* script_marks.c: HTML's <sup>/<sub> text in[0..n) written on the character
 * base, as shown ("²", "ᵢ", "^N", an ordinal's "st"), or NULL: keep the text
 * as it was. Caller frees. */
char *vgi_script_form(const char *in, size_t n, int sup, char base);
/* ... raised and lowered characters in narration said in lang ("n squared",
 * "x i", a footnote's number out). Takes t, returns the text. */
char *vgi_scripts_said(char *t, const char *lang);
/* man.c: the language of a page of a translated manual, from its folder
 * (".../man/de/man5/x.5.gz" -> "de"); 1 when found */
int vgi_man_path_language(const char *path, char *out, size_t n);
/* ... else by its section headings, when text is a page laid out as text */
int vgi_man_heading_language(const char *text, size_t len, char *out, size_t n);
/* english_passages.c: a scene of a video in another language whose
 * generated narration is English gets an English voice; in a summary,
 * English sentences among the language's own are left out */
void vgi_english_passages(cJSON *scene, const cJSON *video, int summary);
/* is voice one that speaks English ("male", "en-us+f3"), as a scene of
 * English passages gets? */
int vgi_english_voice(const char *voice);
/* the length of a Korean particle glued to the end of an ASCII word w[0, n), or 0 */
size_t vgi_ko_particle_tail(const char *w, size_t n);
/* the bytes of a particle that s[0, n) starts with, left from a display or
 * a word cut before it (Korean "를 다음처럼 …", Japanese "の後に …"): a
 * sentence never starts so, and it goes; else 0 */
size_t vgi_leading_particle(const char *s, size_t n);
/* 1 for a plausible BCP 47 tag ("ko", "pt-BR", "zh-Hans"). */
int vgi_lang_tag_ok(const char *s);
/* 1 for a tag of a language vgrun speaks or has phrases for ("de", "yue",
 * "pt-BR"); 0 for a code's language ("bash", "sh", "js") */
int vgi_spoken_lang(const char *s);
/* 1 when the line s[0, n) is only links to the document's translations (a
 * short label before them, separators, flags): its words are no evidence
 * of the document's language (language_rows.c) */
int vgi_language_row(const char *s, size_t n);
/* "en", "de", "ko", … from the text's script and stop words (static text). */
const char *vgi_detect_language(const char *text);
/* tldr's mnemonic letters as the word ("[c]reate" -> "Create"), a
 * translation's English mnemonic in brackets left out; in place. */
void vgi_mnemonic_out(char *t, const char *lang);
/* Sets video.language (given or detected) on every video and the language's
 * voice on videos marked VGI_VOICE_AUTO_KEY. */
/* Words as espeak-ng says them: a number by its digits ("2.887" is five), a CJK character one. */
int vgi_spoken_words(const char *text);
void vgi_language_pass(cJSON *model, const char *force);   /* force: --language or NULL */

/* A table scene's narration: its columns named, each row said briefly, rows
 * past a budget of words counted (table.c). Caller frees. */
#define VGI_TABLE_WORDS 50   /* words for the rows, after the columns */
char *vgi_table_narration(const cJSON *vc, const char *lang);
/* most cells past the first column are numbers: a table's columns are named for them */
int vgi_table_numbers(const cJSON *rows);
/* What a later page of a table shows, said by its rows' names ("cursorline,
 * cursorcolumn, and gutters."): the first column's cells, or the first
 * column of words when that one holds numbers; NULL when most rows have
 * no short name to say. */
char *vgi_table_row_names(const cJSON *vc, const char *lang);
/* columns: 1 names the columns first; 0 after prose that introduced the
 * table with a colon ("The options are:"), which the rows complete;
 * VGI_TABLE_MORE_COLUMNS names those after the first as more of the table
 * ("The table also shows …": a later group of a wide table's columns).
 * words_for_rows < 0: the columns alone. */
#define VGI_TABLE_MORE_COLUMNS 2
/* more: rows not on this slide, counted ("And 3 more rows."); the rows it
 * shows and does not read are named when they have short names, never
 * counted; more < 0: nothing of the rows left unsaid (later slides show them);
 * total > 1: the columns named with the table's size ("… for 27 rows.") */
char *vgi_table_narration_n(const cJSON *vc, const char *lang, int words_for_rows, int max_rows, int more,
                            int columns, int total);
/* A support matrix (every cell past the first column a mark: ✓, ✗, yes,
 * no, -) said by its columns: "Linux and macOS support all of them.
 * Windows lacks X and Y."; NULL for any other table (English only) */
char *vgi_table_matrix(const cJSON *cols, const cJSON *rows, const char *header, const char *lang);
/* "And 11 more integrations.": n rows not shown; NULL when n <= 0 */
char *vgi_table_more(const cJSON *vc, const char *lang, int n);
/* 1 when nothing of t is said once URLs, paths and markup are out (narrate.c) */
int vgi_nothing_said(const char *t);
/* What a summary says of a long description or table cell: its first
 * clause, short ("" when none is); caller frees (narrate.c) */
char *vgi_said_clause(const char *t, const char *lang);
/* 1 when prose ends with a colon that its next words complete (narrate.c) */
int vgi_colon_intro(const char *t);

/* Internal flag on scenes whose max_duration the adapter chose (fit to narration). */
#define VGI_MAXAUTO_KEY "_max_auto"

/* ---- the scene schema (schema.c), shared by normalize, narrate, validate --- */
typedef enum {
  VGI_F_STR,      /* string (numbers are turned into text) */
  VGI_F_CODE,     /* string, or list of strings (lines) */
  VGI_F_LINES,    /* list of strings (a string is split into lines) */
  VGI_F_STRLIST,  /* list of strings */
  VGI_F_ITEMS,    /* list of strings or {title, description, level} */
  VGI_F_NUM,
  VGI_F_INT,
  VGI_F_BOOL,
  VGI_F_OBJ,
  VGI_F_DIFFICULTY,  /* easy, medium, hard */
  VGI_F_ROWS,     /* list of rows, each a list of cells (strings) */
} vgi_kind;

typedef struct vgi_field { const char *name; vgi_kind kind; int required; } vgi_field;
typedef struct vgi_scene_type { const char *name; const vgi_field *fields; } vgi_scene_type;

extern const vgi_scene_type vgi_scene_types[];
const vgi_scene_type *vgi_scene_type_find(const char *name);
const vgi_field *vgi_field_find(const vgi_scene_type *t, const char *name);
/* Fields a scene may carry next to visual_content (flat form: at top level). */
int vgi_is_scene_key(const char *name);
/* Narration helpers tolerated at scene level and inside visual_content. */
int vgi_is_helper_key(const char *name);
extern const char *const vgi_accent_colors[];

/* text helpers shared by the Markdown and transcript adapters (markdown.c) */
char **vgi_sentences(const char *text, int *count);  /* caller frees each and the array */
/* The same with the abbreviations of a language ("z. B.", "p. ex."); NULL: English. */
char **vgi_sentences_lang(const char *text, const char *lang, int *count);
/* The length a headline of hl bytes cut from sentence keeps so that no
 * subordinate clause is left hanging ("…, um sicherzustellen" before ",
 * dass …"; German or Dutch cut before a clause's verb): hl, or less. */
size_t vgi_hanging_clause(const char *sentence, size_t hl);
int vgi_lead_clause(const char *s);                   /* s opens with a subordinate clause ("If …") */
char *vgi_bullet(const char *sentence);                /* its headline (vgi_headline) */
/* A headline of up to about twelve words for a sentence: the sentence, its
 * first clause, or its words up to where a clause starts; no final period,
 * never an ellipsis. Caller frees. */
char *vgi_headline(const char *sentence);
/* What a slide shows of a sentence: its headline when that is a whole
 * statement, else a whole clause or the sentence (narrate.c). Caller frees. */
char *vgi_shown_headline(const char *sentence);
/* s, or a whole clause of it of at most max words that says the same
 * without its adjuncts (no negation, restriction or verb dropped, no cut
 * inside brackets, quotes or code); caller frees. */
char *vgi_short_clause(const char *s, int max);
/* 1 when s cut at byte cut keeps its meaning: outside brackets, quotes and
 * code, and the rest carries no negation or restriction. */
int vgi_cut_keeps_meaning(const char *s, size_t cut);
/* The words of t (split at spaces): byte ranges [ws[i], we[i]), at most max. */
int vgi_split_words(const char *t, size_t ws[], size_t we[], int max);
int vgi_cut_in_phrase(const char *t, size_t cut);    /* t cut there stops inside a phrase ("offers | …") */
int vgi_open_correlative(const char *t, size_t cut);   /* t cut there leaves a pair open ("як …, | так і …") */
int vgi_dangling_end(const char *t, size_t cut);     /* t cut there ends on a word that waits ("dans le", "kunt u") */
int vgi_verb_after(const char *t, size_t end);      /* t[0, end) holds the verb of a subject before it */
/* 1 when s[0..cut) ends a Chinese, Japanese or Korean clause naturally. */
int vgi_cjk_natural(const char *s, size_t cut);
/* word_lists.c: vgi_word_in: 1 when w[0..n) is a word of the NULL-ended
 * list, ASCII case folded (strlen == n && !strncasecmp); vgi_opens_ci: the
 * length of prefix when s opens with it, ASCII case folded, else 0. */
int vgi_word_in(const char *const *list, const char *w, size_t n);
size_t vgi_opens_ci(const char *s, const char *prefix);
int vgi_list_has(const char *const *list, const char *t);   /* t is a word of the list, exactly (strcmp) */
/* wide_stops.c: the full-width sentence ends 。！？．｡‼⁇⁈⁉. vgi_wide_stop: the
 * length of one at p (3) or 0; vgi_wide_stop_before: of one ending t[0..n).
 * vgi_wide_sentence_end: where a sentence ends at e in text (its run of
 * marks and closing quotes), or 0 (a decimal "１．５", a stop inside a quote
 * the sentence goes on after); an ASCII !? glued between CJK ends one too. */
size_t vgi_wide_stop(const char *p);
size_t vgi_wide_stop_before(const char *t, size_t n);
size_t vgi_wide_period_before(const char *t, size_t n);   /* 。．｡ alone */
size_t vgi_wide_sentence_end(const char *text, const char *e);
/* unspaced_words.c: the words of Thai, Lao, Khmer and Burmese, which write
 * no space between them (ICU's dictionaries). vgi_unspaced_at: the length
 * of such a letter at p, or 0; vgi_unspaced_text: 1 when s[0..n) has one;
 * vgi_unspaced_split: as vgi_split_words, those scripts' tokens cut into
 * their words (a sign stays with its word); vgi_unspaced_word_count: as
 * vgi_word_count, counting those words. */
size_t vgi_unspaced_at(const char *p);
int vgi_unspaced_text(const char *s, size_t n);
int vgi_unspaced_split(const char *t, size_t ws[], size_t we[], int max);

/* A right-to-left line typed in visual order for a left-to-right page (it
 * opens a bracket and leaves brackets open, "(بالنسخة (١.٢٥) و (٢.٠ MS-DOS
 * …") put in logical order, as its author meant it read (visual_rtl.c).
 * Takes t (malloc'd); returns it, or a new string with t freed. */
char *vgi_visual_rtl_logical(char *t);
int vgi_unspaced_word_count(const char *s);
/* 1 when the space at sp, in a sentence that began at from, ends a Thai or
 * Lao sentence: those scripts have no full stop and part sentences with a
 * space; not one between a letter and a digit or a Latin word, nor one
 * beside a conjunction or a preposition, nor one before a phrase of fewer
 * than three words (a list's items). */
int vgi_unspaced_sentence_space(const char *text, const char *from, const char *sp);
/* Where a headline of t, split into n words by vgi_unspaced_split, ends
 * (a byte offset): at most `most` words, at a phrase's end (a space) or
 * before a word that opens one, never on a conjunction, a preposition or a
 * Burmese particle's word; t whole when it has `whole` words or fewer and no
 * phrase's end. */
size_t vgi_unspaced_cut(const char *t, const size_t ws[], const size_t we[], int n, int most, int whole);
size_t vgi_first_sentence(const char *s);
int vgi_back_reference(const char *t);      /* a sentence opening on This, It, They … (English) */
int vgi_run_on_lead(const char *t, size_t n);   /* a few words a block completes ("becomes") */
/* 1 when s, a short line, labels a table of contents ("Contents",
 * "Inhaltsverzeichnis"): markdown.c's agenda and text.c's contents. */
int vgi_toc_label(const char *s);
/* 1 when the full stop at stop ends "etc." or its kind and a lower-case
 * word follows ("Lua, C, etc. related tools"): the sentence goes on. The
 * rule of vgi_first_sentence, and of the narration's capitals (narrate.c). */
int vgi_etc_goes_on(const char *text, const char *stop);
/* 1 when the word of text that ends at stop (its period) is an abbreviation
 * of English or lang that ends no sentence ("cf.", "resp.", "wrt."); a
 * single letter is not taken for one here. */
int vgi_abbrev_stop(const char *text, const char *stop, const char *lang);
/* The number of items a narration's sentence before its first colon counts
 * ("There are three support tiers:"), 0 when none (narrate.c). */
int vgi_counted_intro(const char *narration, const char **colon);   /* where its first sentence ends, as vgi_headline takes it */
double vgi_max_for(const char *narration);             /* a max_duration that fits it */
double vgi_max_for_lang(const char *narration, const char *lang);   /* ... spoken in lang */

/* ---- summaries (narrate.c): what the Markdown adapter leaves for the fit ---- */
/* On a scene: its narration as ranked units [{"t": text, "r": rank, "b":
 * bullet index}], in order. Rank 0 is said whenever the scene is shown; 1 is
 * a key point (a paragraph's first sentence, a list's leads, what introduces
 * code), 2.. the paragraph's further sentences. "b" links a bullet of
 * visual_content.items to the sentence it heads: a sentence left out takes
 * its bullet along. "k": true marks the key points of the prose (a
 * paragraph's first sentence, a colon that introduces code), which a
 * summary always says. */
#define VGI_UNITS_KEY "_units"
#define VGI_RANK_KEY_MAX 9
/* The longest video vgrun makes (a recording it takes is as long): a
 * transcript's cues end before it */
#define VGI_MAX_VIDEO_SECONDS (3 * 3600)
/* On a scene: how much it matters when whole scenes must go (--duration):
 * 1 a section's later scene, 2 the first scene of a subsection, 3 of a
 * section. Scenes without it are never dropped. */
#define VGI_SRANK_KEY "_srank"
/* A later part of a code block split at blank lines (a summary keeps it with the first). */
#define VGI_CONT_KEY "_cont"
/* On visual_content: every item of the list is one link, its text what is
 * shown ("[Code coverage report](…)"): a summary names them (narrate.c). */
#define VGI_LINKS_KEY "_links"
/* On visual_content: its description is the section the scene is part of
 * (context on the slide), not something to say ("Background. Values."). */
#define VGI_CTX_KEY "_description_context"
/* On visual_content: its topic names the commands it runs ("Install: run
 * make install and make deb"): no "Run these commands" after it (narrate.c). */
#define VGI_RUNS_KEY "_runs_said"
/* On a video: it may be split into parts ("Part 1 of 2") when long. */
#define VGI_PARTS_KEY "_parts"
/* The narration a scene's template writes (malloc'd), or NULL (narrate.c). */
char *vgi_template(const cJSON *scene, const char *lang);

/* ---- API references (apidoc.c): parameter lists and stability banners ---- */
struct cmark_node;
typedef struct vgi_api vgi_api;
/* Internal flag on a scene made of an API entry: its narration says its
 * parameters already (narrate.c adds no "Key points include" of its items). */
#define VGI_API_KEY "_api"
/* "Parameters:" before a list: 1; "Returns:": 2; else 0. */
int vgi_apidoc_context(const char *intro);
/* A list whose every item is a parameter, return value or type; else NULL.
 * ctx from vgi_apidoc_context. Free with vgi_apidoc_free. */
vgi_api *vgi_apidoc_list(struct cmark_node *list, int ctx);
void vgi_apidoc_merge(vgi_api *into, vgi_api *from);   /* takes from */
void vgi_apidoc_free(vgi_api *a);
/* Marks the parameters the heading's signature brackets as optional. */
void vgi_apidoc_signature(vgi_api *a, const char *heading);
int vgi_apidoc_property(const vgi_api *a);
/* Only a type, or only a return value: an entry that may share a slide. */
int vgi_apidoc_tiny(const vgi_api *a);
/* The slide's items ({title, description, level}), types as words. */
cJSON *vgi_apidoc_items(const vgi_api *a, const char *lang);
/* "It takes a path and an optional suffix, and returns a string." or NULL;
 * no_return: the description says what it returns already; subject (or
 * NULL): the entry's name, said instead of "It" when it takes nothing
 * ("os.EOL is a string"). */
char *vgi_apidoc_said(const vgi_api *a, const char *lang, int no_return, const char *subject);
/* whether the entry takes a parameter of its own (not only a return or a type) */
int vgi_apidoc_takes(const vgi_api *a);
char *vgi_apidoc_type_words(const char *type);
/* "Stability: 1 - Experimental" -> 1, kind "Experimental", note "". */
int vgi_apidoc_banner(const char *text, char **kind, char **note);
char *vgi_apidoc_quote_text(struct cmark_node *quote);

/* doc_macros.c: MDN's macros in Markdown prose ("{{jsxref("Array")}}" is
 * "Array"; "{{jsSidebar(…)}}" goes), in place, the text's length kept. */
void vgi_doc_macros_out(char *text, size_t len);
/* footnotes.c: footnote definitions ("[^1]: text" and what goes on under
 * it), wherever they stand outside code, become blank, in place */
void vgi_footnote_defs_out(char *text, size_t len);

/* site_markup.c: a static-site generator's markup in a Markdown page
 * (Liquid and Jekyll tags, Hugo shortcodes, kramdown attribute lines, the
 * admonitions of MkDocs, Docusaurus, VitePress and Quarto) as the code
 * fences, MyST colon fences and text they stand for; variables ("{{ x }}")
 * left out of a page that is a template (front_matter, or a tag seen). The
 * new text (caller frees; its line numbers are the document's), or NULL
 * when it has none of that markup. */
char *vgi_site_markup(const char *text, size_t len, int front_matter, size_t *out_len);
/* An MDX page (a file named .mdx, or Markdown with "import … from '…'"
 * lines) as the site shows it: imports, exports and brace comments out,
 * components' tags out (their content kept), a tab headed by its label,
 * "```mdx-code-block" read as the page's text (mdx.c). Each line stays a
 * line. NULL when nothing changed, else the new text (*out_len set). */
char *vgi_mdx(const char *text, size_t len, int mdx_file, size_t *out_len);
/* Hugo's TOML front matter ("+++" … "+++") as the YAML front matter it
 * means, in place: "key = value" lines YAML reads alike become "key :
 * value"; tables, multi-line values and what YAML would misread are blanked */
void vgi_toml_front_matter(char *text, size_t len);
/* myst.c: MyST (Sphinx's Markdown). vgi_myst_colon_fences: the text with its
 * ":::{name}" fences as backtick fences (malloc'd, its length in *out_len),
 * or NULL when it has none. vgi_myst_blocks: directives rewritten as the
 * code, callouts and Markdown they stand for, targets ("(label)=") gone. */
char *vgi_myst_colon_fences(const char *text, size_t len, size_t *out_len);
void vgi_myst_blocks(struct cmark_node *doc);
/* Markdown parsed as if its first line were `line` of the document, so what
 * it holds keeps the document's line numbers (myst.c). *pad is the empty
 * lines a document may still spend on that: thousands of fragments deep in a
 * long document would otherwise parse gigabytes; past it, lines count from
 * the fragment. vgi_md_splice: the fragment's blocks in place of n, which
 * is freed, as is the fragment. */
struct cmark_node *vgi_md_parse_at(const char *md, int line, size_t *pad);
void vgi_md_splice(struct cmark_node *n, struct cmark_node *frag);
/* A text node of s[0..n) (myst.c, with the other tree helpers) */
struct cmark_node *vgi_md_text_node(const char *s, size_t n);
/* html_blocks.c: HTML blocks' headings and paragraphs as Markdown's (a
 * README's centred <h1>, its tagline in <p>) */
void vgi_html_blocks(struct cmark_node *doc);
/* The character a character reference at p stands for ("&lt;", "&#60;",
 * "&mdash;" ...), into out (UTF-8), and its length in *n; 0 when p starts
 * none (html_blocks.c) */
int vgi_html_entity(const char *p, const char *end, char out[5], size_t *n);
/* bold_headings.c: a paragraph of bold text alone ("**Fiber Optic
 * Technology:**") over content of its own as a heading one level below the
 * one it is under; skip (may be NULL) stays as it is */
void vgi_bold_headings(struct cmark_node *doc, struct cmark_node *skip);
/* details.c: a list whose every item is a "<details>" block ("- <details>",
 * its summary, a command) gives its items' blocks in its place. */
void vgi_details_lists(struct cmark_node *doc);
/* sidebars.c: a block quote holding a heading ("> ### The Stack and the
 * Heap") as the document's own blocks, in its place; alerts stay quotes */
void vgi_unwrap_sidebars(struct cmark_node *doc);
/* item_rows.c: a paragraph that is a row of short terms set apart by
 * middle dots, bullets or pipes ("Features: A · B · C") as a bullet list
 * (its label, if any, a paragraph before it) */
void vgi_item_rows(struct cmark_node *doc);
/* html_hidden.c: the content of script, style, template, noscript, iframe
 * and object elements out of the tree, inline and in HTML blocks */
void vgi_html_hidden(struct cmark_node *doc);

/* spaced_strong.c: bold written with spaces inside its stars ("** Branch &
 * Bound **") made the strong node it means, in paragraphs and headings. */
void vgi_spaced_strong(struct cmark_node *doc);
/* spaced_links.c: "[text](#an anchor with spaces)" and a web address with a
 * space made the link they mean, in paragraphs and headings. */
void vgi_spaced_links(struct cmark_node *doc);
/* A whole HTML page's comments, hidden elements and <head> (its <title>
 * kept as an <h1> when the body has none) blanked in place, line breaks
 * kept, before Markdown reads it: html_hidden.c */
void vgi_html_page_quiet(char *t, size_t len);
/* Whether a text is a whole HTML page: "<!DOCTYPE html" or "<html" first,
 * after blank space (html_hidden.c) */
int vgi_is_html_page(const char *text, size_t len);
/* A whole HTML page with every blank line inside a <pre>, a list, a table
 * or a quote made a comment line, so Markdown reads the element as one
 * block; NULL when nothing changes (not a page, no such line). Lines stay
 * where they were. Caller frees. */
char *vgi_html_page_join(const char *t, size_t len, size_t *out_len);
/* "{Type}" references in words ("with {AsyncResource}" -> "with AsyncResource"). Caller frees. */
char *vgi_apidoc_debrace(const char *text);
/* API entries as lists of labelled parts ("- **Type**", "- **Details**",
 * "- **Example**") to their parts at the top level */
void vgi_apidoc_entries(struct cmark_node *doc);
/* A paragraph "Type: {boolean}" / "Value: {boolean}": a property's type; else NULL. */
vgi_api *vgi_apidoc_line(const char *text);
