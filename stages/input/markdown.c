/* markdown.c: Markdown documents (cmark-gfm with the table, strikethrough,
 * autolink and tasklist extensions) into the scene model. Optional YAML front
 * matter; the first H1 is the title scene; each heading starts a section whose
 * blocks become scenes (code -> command, list -> list, table -> table,
 * blockquote -> quote) and whose prose becomes their narration; prose alone
 * becomes a list of its key sentences. A closing outro ends each video. */
#include "input_private.h"
#include "lang.h"
#include "vg_utf8.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#define PROSE_WORDS 110       /* narration per scene before a section is split */
#define LIST_ITEMS 10         /* list items per scene */
#define CODE_LINES 16         /* code lines per scene */
#define SUMMARY_CODE_LINES 10 /* code lines a summary shows of a block (its first part) */
#define SUMMARY_TABLE_WORDS 30 /* words a summary says of a table's rows */
#define SUMMARY_TABLE_ROWS 3  /* ... in at most this many rows */
#define SUMMARY_ROW_SECONDS 0.8 /* reading time of a table row nobody says */
#define QUOTE_WORDS 45        /* words of a quote per slide */
#define TABLE_ROWS 8          /* table rows per scene (a longer table pages) */
#define TABLE_COLS 16         /* table columns on one slide; a wider table is shown in groups */
#define TABLE_GROUP_COLS 12   /* columns of such a group, its key (the first column) among them */
#define TABLE_COLS_MAX 64     /* table columns shown at all (a warning says so past it) */
#define SUMMARY_TABLE_SHOWN 16 /* table rows a summary shows (two slides) */
#define FULL_TABLE_SHOWN 256  /* ... --detail full (32 slides), shared among column groups: ps(1)'s
                                 * 143 format specifiers all on screen (96 left 47 out) */

/* a paragraph of prose; cont: a later piece of a long paragraph (its first
 * sentence is not the paragraph's); step: a step of a list over its
 * commands (code_steps), whose first sentence a summary keeps wherever it
 * stands before the block */
/* asks: the paragraph is a labelled question ("Q. …") and its answer
 * ("A. …") made one, its first asks sentences the questions': a summary
 * says the last question's (from sentence asked on) with the answer's
 * first */
typedef struct para { char *text; int line; int cont; int step; int asks; int question; int asked; } para;

typedef struct md {
  const char *file;
  const char *src;        /* the document's text (NUL-terminated), for lines as written */
  int src_ln;             /* src_line's last line and its start: lines are asked for in order */
  const char *src_at;
  char dir[4096];
  const vgi_options *opts;
  vgi_diags *d;
  cJSON *fm;              /* front matter (may be NULL) */
  int site_page;          /* a page of a documentation site: its pictures may be the site's */
  cJSON *videos;
  cJSON *video, *scenes;  /* current */
  char *doc_title;
  char *h2;               /* current H2 text (description of deeper sections) */
  char *h1;               /* current H1 past the title (the section H2s are part of) */
  char *heads[7];         /* the current heading of each level (1-6), NULL past a shallower one */
  char *header;           /* current section heading */
  int header_line;
  int level;              /* its level (1 = the document's title) */
  cJSON *pend_units;      /* units of the narration take_narration gave out */
  char *pend_text;        /* ... and that narration */
  int section_scenes;     /* scenes made in this section */
  int section_codes;      /* code blocks met in this section */
  int code_pick;          /* line of the code block a summary shows in this section (section_pick), 0: its first */
  int code_dropped;       /* a summary dropped a code block of this section */
  int after_drop;         /* ... just now: the next paragraph went on from it */
  para *prose;            /* pending prose of the section */
  size_t nprose;
  char *label;            /* a bold-only paragraph: names the next block */
  int label_once;         /* ... or a tldr item: names the next command only */
  char *image;            /* image waiting for a scene */
  int image_line;         /* the line of its reference ("![x](a.png)") */
  int image_damaged;      /* its PNG data is broken: warned at its line, a placeholder drawn */
  char lang[64];          /* the document's language (front matter or detected) */
  int split_h2;
  int boiler;             /* level of the license/contributing section we are in (summary), else 0 */
  int boiler_mute;        /* that section is a call for sponsors: nothing of it is said */
  int sponsor_next;       /* "Supported by:" in HTML just before: the next heading is a sponsor's */
  int changes;            /* level of the changelog section we are in (summary), else 0 */
  int changes_sub;        /* ... the level of its first subsection (the latest release), else 0 */
  int changes_skip;       /* ... past that subsection: its older releases are not said */
  int changes_down;       /* ... a release inside the first one was seen ("## 3.0" over "### 3.0.19") */
  int changes_whole;      /* ... the document's title names it: every later heading is one of its releases */
  cJSON *short_scene;     /* the slide short sections share (summary), while it is the last scene */
  int short_level;        /* ... the level of its sections */
  char *short_h2;         /* ... and the section they are part of */
  cJSON *cmd_scene;       /* the command slide sibling sections of one short block share (summary) */
  int cmd_level;          /* ... the level of its sections */
  int cmd_sections;       /* ... how many share it */
  int cmd_within;         /* ... later blocks of its one section joined it instead */
  int cmd_sib;            /* ... its section's siblings may join it (a subsection's) */
  int cmd_named;          /* ... it is said by its sections' names (run_name_all) */
  char *cmd_parent;       /* ... and the section they are part of */
  char *cmd_label;        /* ... its first block's label ("Using npm:"): that block's comment when others join */
  char *code_label;       /* the label over the block being made, until its scene is made */
  cJSON *pair_scene;      /* a code slide labelled as the first side of a pair ("Before:"), while it is the last scene */
  int pair_kind;          /* ... which pair (pair_side) */
  char *pair_label;       /* ... its label as written, without the colon */
  /* API references (apidoc.c) */
  vgi_api *api;           /* a parameter list waiting for its description */
  int api_line;
  char *api_note;         /* a stability banner for the next scene ("Experimental") */
  cJSON *api_shared;      /* the slide tiny API entries share, while it is the last scene */
  cJSON *api_shared_item; /* ... its first entry as a shared slide shows it */
  char *api_shared_parent;
  int api_shared_level;
  int api_example;        /* the next block is the example of the entry just made */
  int api_section;        /* this section has an entry already */
  int api_doc;            /* the document is an API reference (a parameter list or banner seen) */
  size_t api_nprose;      /* paragraphs pending when the entry's list came */
  struct { int line, cells; } wide_rows[64];   /* lines cut_wide_rows cut, and their cells */
  int nwide;
  int maths, math_line;         /* formulas left out, the first one's line */
} md;

/* API references: hooks into the block handlers (defined before "sections and videos") */
static void api_flush(md *m, int block);
static int api_list(md *m, cmark_node *n);
static int api_banner(md *m, cmark_node *n);
static void api_note_on(md *m, const char *type, cJSON *vc);
static void api_scene_made(md *m, const char *type, cJSON *s);
static char *api_prose(md *m, char *text, int line);

/* ---- text helpers ---------------------------------------------------------- */

static void inline_text(cmark_node *n, vgi_buf *b, md *m, int line) ;

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* "docs/shot.png" -> "shot.png": a picture named in a message */
static const char *path_tail(const char *p) {
  const char *t = strrchr(p, '/');
  return t ? t + 1 : p;
}

/* A remote picture that is a badge: one that links elsewhere ("[![CI](…svg)](…)")
 * or is served by a badge service. Never shown (a slide shows a document's
 * own pictures), so not worth a warning either: a README's row of five badges
 * gave five. */
static int remote_badge(cmark_node *img, const char *url) {
  static const char *const marks[] = { "badge", "shields.io", "badgen", "travis-ci.", "coveralls.io",
                                       "codecov.io", "circleci.com", "appveyor.com", "/status.svg", NULL };
  for (cmark_node *p = cmark_node_parent(img); p; p = cmark_node_parent(p))
    if (cmark_node_get_type(p) == CMARK_NODE_LINK) return 1;
  for (const char *u = url; *u; u++)
    for (int i = 0; marks[i]; i++)
      if (!strncasecmp(u, marks[i], strlen(marks[i]))) return 1;
  return 0;
}

static void add_image(md *m, cmark_node *img, int line) {
  const char *url = cmark_node_get_url(img);
  if (!url || !*url) return;
  if (vgi_remote_image(url) && remote_badge(img, url)) return;
  /* a link's query or fragment is not part of the file's name */
  char *path = vgi_strdup(url);
  if (!vgi_remote_image(path)) {
    char *q = strpbrk(path, "?#");
    if (q) *q = 0;
    /* cmark percent-encodes a destination (<my picture.png> gives
     * my%20picture.png): the file's name is the decoded one, unless decoding
     * gives a control character or invalid UTF-8 (then it stays as written).
     * The folder rule applies to the result. */
    char *dec = vgi_strdup(path), *w = dec;
    int ok = 1;
    for (const char *r = path; *r; r++) {
      int hi, lo;
      if (r[0] == '%' && (hi = hexval(r[1])) >= 0 && (lo = hexval(r[2])) >= 0) {
        int c = hi * 16 + lo;
        if (c < 0x20 || c == 0x7F) ok = 0;
        *w++ = (char)c;
        r += 2;
      } else {
        *w++ = *r;
      }
    }
    *w = 0;
    if (ok && !vgi_utf8_invalid(dec, strlen(dec))) {
      free(path);
      path = dec;
    } else {
      free(dec);
    }
  }
  char *real = NULL;
  int rc = vgi_site_image_resolve(path, m->dir, m->opts, m->site_page, &real, m->file, line,
                                  cmark_node_get_start_column(img), NULL, m->d);
  free(path);
  if (real) {
    /* a slide shows one picture: the one named later, and it says so */
    if (m->image)
      vgi_diag_add(m->d, VGI_WARNING, m->file, line, cmark_node_get_start_column(img), NULL,
                   "a slide shows one picture: %s is shown, not the one before it", path_tail(real));
    free(m->image);
    m->image = real;
    m->image_line = line;
    m->image_damaged = rc == VGI_IMG_DAMAGED;
  }
}

/* Text as shown and said, without the marks that are neither: footnote
 * references ("[^1]") and emoji shortcodes (":rocket:", not the POSIX
 * class "[:alpha:]"). */
/* 1 when one of chars is in [p, e). */
static int strpbrk_n(const char *p, const char *e, const char *chars) {
  for (; p < e; p++)
    if (strchr(chars, *p)) return 1;
  return 0;
}

/* Inline TeX as its symbols: "a \\cdot n" -> "a · n", "\\alpha_i" -> "α i";
 * other commands and the braces, ^ and _ out. */
static void put_math(vgi_buf *b, const char *p, const char *e) {
  static const char *const cmds[][2] = { { "cdot", "\xC2\xB7" }, { "times", "\xC3\x97" }, { "le", "\xE2\x89\xA4" },
    { "leq", "\xE2\x89\xA4" }, { "ge", "\xE2\x89\xA5" }, { "geq", "\xE2\x89\xA5" }, { "ne", "\xE2\x89\xA0" },
    { "neq", "\xE2\x89\xA0" }, { "approx", "\xE2\x89\x88" }, { "pm", "\xC2\xB1" }, { "infty", "\xE2\x88\x9E" },
    { "to", "\xE2\x86\x92" }, { "rightarrow", "\xE2\x86\x92" }, { "in", "\xE2\x88\x88" }, { "sum", "\xCE\xA3" },
    { "alpha", "\xCE\xB1" }, { "beta", "\xCE\xB2" }, { "gamma", "\xCE\xB3" }, { "delta", "\xCE\xB4" },
    { "epsilon", "\xCE\xB5" }, { "theta", "\xCE\xB8" }, { "lambda", "\xCE\xBB" }, { "mu", "\xCE\xBC" },
    { "pi", "\xCF\x80" }, { "sigma", "\xCF\x83" }, { "tau", "\xCF\x84" }, { "phi", "\xCF\x86" }, { "omega", "\xCF\x89" },
    { "log", "log" }, { "exp", "exp" }, { "sqrt", "\xE2\x88\x9A" } };
  while (p < e) {
    if (*p == '\\') {
      const char *q = p + 1;
      while (q < e && isalpha((unsigned char)*q)) q++;
      for (size_t k = 0; k < sizeof cmds / sizeof *cmds; k++)
        if (strlen(cmds[k][0]) == (size_t)(q - p - 1) && !strncmp(p + 1, cmds[k][0], (size_t)(q - p - 1))) {
          vgi_buf_puts(b, cmds[k][1]);
          break;
        }
      if (q > p + 1) { p = q; continue; }
      /* an escaped character ("\\$", "\\{", a space or a no-break space
       * after the backslash) is itself, whole: skipping one byte left half
       * of a UTF-8 character in the narration; TeX's small spaces ("\\,",
       * "\\;", "\\:", "\\!") are a space */
      if (q >= e) { p = q; continue; }
      size_t cl = 1;
      vg_utf8_decode(q, (size_t)(e - q), 0, &cl);
      if (cl > (size_t)(e - q)) cl = (size_t)(e - q);
      if (strchr(",;:!", *q)) vgi_buf_puts(b, " ");
      else vgi_buf_add(b, q, cl);
      p = q + cl;
      continue;
    }
    if (*p == '{' || *p == '}') { p++; continue; }
    if (*p == '^' || *p == '_') { vgi_buf_puts(b, " "); p++; continue; }
    vgi_buf_add(b, p, 1);
    p++;
  }
}

static void put_text(vgi_buf *b, const char *t) {
  for (const char *p = t; *p;) {
    /* inline math ("$T = a \\cdot n$", "$x_i$", "$n$"), as GitHub finds
     * it: the closing $ follows no space and comes before no digit ("$5 and
     * $10" is money); TeX by its marks (\\ = ^ _ {) or three characters at
     * most, not a word ("$HOME/$USER" and RCS's "$Id$" are no formulas) */
    if (*p == '$' && p[1] && p[1] != ' ' && p[1] != '$' && (p == t || !isalnum((unsigned char)p[-1]))) {
      const char *e = p + 1;
      while (*e && *e != '$' && e - p < 200) e++;
      if (*e == '$' && e[-1] != ' ' && !isdigit((unsigned char)e[1]) &&
          (strpbrk_n(p + 1, e, "\\=^_{") ||
           (e - p - 1 <= 3 && !(e - p - 1 >= 2 && isupper((unsigned char)p[1]) && islower((unsigned char)p[2]))))) {
        put_math(b, p + 1, e);
        p = e + 1;
        continue;
      }
    }
    if (p[0] == '[' && p[1] == '^') {
      const char *e = p + 2;
      while (*e && *e != ']' && *e != ' ' && e - p < 40) e++;
      if (*e == ']' && e > p + 2) { p = e + 1; continue; }
    }
    if (*p == ':' && (p == t || !isalnum((unsigned char)p[-1]))) {
      const char *e = p + 1;
      int alpha = 0;
      while ((islower((unsigned char)*e) || isdigit((unsigned char)*e) || *e == '_' || *e == '+' || *e == '-') &&
             e - p < 40) {
        alpha |= islower((unsigned char)*e) != 0;
        e++;
      }
      /* not a POSIX class: "[:alpha:]" (cmark hands the '[' over apart) */
      if (*e == ':' && e > p + 1 && alpha && !isalnum((unsigned char)e[1]) && e[1] != ':' && e[1] != ']') {
        p = e + 1;
        continue;
      }
    }
    vgi_buf_add(b, p, 1);
    p++;
  }
}

/* What a MyST role shows: "text <target>" shows its text, "~mod.func" its
 * last name, "!name" the name; anything else as written. */
static void role_text(vgi_buf *b, const char *lit) {
  if (!lit) return;
  size_t l = strlen(lit);
  const char *lt = l && lit[l - 1] == '>' ? strrchr(lit, '<') : NULL;
  if (lt && lt > lit) {
    size_t tl = (size_t)(lt - lit);
    while (tl && lit[tl - 1] == ' ') tl--;
    if (tl) { vgi_buf_add(b, lit, tl); return; }
  }
  if (*lit == '!') lit++;
  if (*lit == '~') {
    const char *dot = strrchr(lit, '.');
    lit = dot && dot[1] ? dot + 1 : lit + 1;
  }
  vgi_buf_puts(b, lit);
}

/* A paragraph of names written one per line, without punctuation ("DejaVu
 * Sans Mono\nDejaVu Sans Mono Bold\n…"): three lines or more, each of
 * six words or fewer that opens with a capital or a digit and ends on no
 * mark. Read as a list (its line breaks as commas), it is cut as a list is,
 * not said as one run of eighty words. */
static int name_lines(cmark_node *para) {
  int lines = 1, words = 0, ok = 1, start = 1;
  char last = 0;
  for (cmark_node *c = cmark_node_first_child(para); c && ok; c = cmark_node_next(c)) {
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_SOFTBREAK) {
      ok = words > 0 && !strchr(".,;:!?", last);
      lines++, words = 0, start = 1;
      continue;
    }
    if (t != CMARK_NODE_TEXT) return 0;
    const char *lit = cmark_node_get_literal(c);
    if (!lit) return 0;
    if (start) {
      const char *p = lit + strspn(lit, " ");
      ok = isupper((unsigned char)*p) || isdigit((unsigned char)*p);
      start = 0;
    }
    words += vgi_word_count(lit);
    size_t l = strlen(lit);
    while (l && lit[l - 1] == ' ') l--;
    if (l) last = lit[l - 1];
    ok &= words <= 6;
  }
  return ok && lines >= 3 && words > 0 && !strchr(".,;:!?", last);
}

static void inline_text(cmark_node *n, vgi_buf *b, md *m, int line);

/* A link whose text only points at it ("[here](…)", "[hier](…)"): the
 * video cannot follow it. After a word that says where something is ("can
 * be found here", "finden Sie hier", "est disponible ici") it reads as
 * "online" in the language of its pointing word; 1 when it was put so. The
 * languages of vg.i18n written with spaces; "hier" is German and Dutch. */
static int pointer_link(cmark_node *link, vgi_buf *b) {
  static const struct { const char *word, *online; } pointers[] = {
    { "here", "online" }, { "this", "online" }, { "this link", "online" }, { "link", "online" },
    { "this page", "online" }, { "click here", "online" }, { "hier", "online" }, { "ici", "en ligne" },
    { "aqu\xC3\xAD", "en l\xC3\xADnea" }, { "qui", "online" }, { "aqui", "online" },
    { "\xD0\xB7\xD0\xB4\xD0\xB5\xD1\x81\xD1\x8C", "\xD0\xBE\xD0\xBD\xD0\xBB\xD0\xB0\xD0\xB9\xD0\xBD" },   /* здесь: онлайн */
    { "t\xE1\xBA\xA1i \xC4\x91\xC3\xA2y", "tr\xE1\xBB\xB1\x63 tuy\xE1\xBA\xBFn" },   /* tại đây: trực tuyến */
    { "\xD9\x87\xD9\x86\xD8\xA7", "\xD8\xB9\xD8\xA8\xD8\xB1 \xD8\xA7\xD9\x84\xD8\xA5\xD9\x86\xD8\xAA\xD8\xB1\xD9\x86\xD8\xAA" },   /* هنا: عبر الإنترنت */
    { NULL, NULL } };
  static const char *const placing[] = { "found", "available", "located", "hosted", "documented", "described",
    "listed", "published", "explained", "detailed", "given", "provided", "kept", "maintained",
    /* de ("finden Sie hier"), fr, es, it, pt, nl, ru, vi, ar */
    "finden", "verf\xC3\xBC" "gbar", "beschrieben", "erkl\xC3\xA4rt", "trouverez", "trouver", "disponible",
    "disponibles", "d\xC3\xA9" "crit", "d\xC3\xA9" "crite", "encontrar\xC3\xA1", "encontrar", "encuentra", "trovare",
    "trova", "trovi", "disponibile", "disponibili", "descritto", "dispon\xC3\xADvel", "dispon\xC3\xADveis",
    "encontra", "descrito", "vinden", "beschikbaar", "beschreven",
    "\xD0\xBD\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB8",   /* найти */
    "\xD0\xB4\xD0\xBE\xD1\x81\xD1\x82\xD1\x83\xD0\xBF\xD0\xBD\xD0\xB0",   /* доступна */
    "\xD0\xB4\xD0\xBE\xD1\x81\xD1\x82\xD1\x83\xD0\xBF\xD0\xB5\xD0\xBD",   /* доступен */
    "\xD0\xB4\xD0\xBE\xD1\x81\xD1\x82\xD1\x83\xD0\xBF\xD0\xBD\xD0\xBE",   /* доступно */
    "th\xE1\xBA\xA5y", "s\xE1\xBA\xB5n",   /* (tìm) thấy, (có) sẵn */
    "\xD9\x85\xD8\xAA\xD8\xA7\xD8\xAD", "\xD9\x85\xD8\xAA\xD9\x88\xD9\x81\xD8\xB1",   /* متاح, متوفر */
    NULL };
  vgi_buf in = {0};
  inline_text(link, &in, NULL, 0);
  char *s = in.s ? vgi_squash(vgi_buf_take(&in)) : vgi_strdup("");
  const char *online = NULL;
  for (int k = 0; pointers[k].word && !online; k++)
    if (!strcasecmp(s, pointers[k].word)) online = pointers[k].online;
  free(s);
  if (!online || !b->n) return 0;
  size_t e = b->n;
  while (e && b->s[e - 1] == ' ') e--;
  size_t w = e;
  while (w && b->s[w - 1] != ' ') w--;
  int place = 0;
  for (int k = 0; placing[k] && !place; k++)
    place = e - w == strlen(placing[k]) && !strncasecmp(b->s + w, placing[k], e - w);
  /* "finden Sie hier": the verb of place before its polite subject */
  if (!place && e - w == 3 && !strncasecmp(b->s + w, "sie", 3)) {
    size_t pe = w;
    while (pe && b->s[pe - 1] == ' ') pe--;
    size_t pw = pe;
    while (pw && b->s[pw - 1] != ' ') pw--;
    place = (pe - pw == 6 && !strncasecmp(b->s + pw, "finden", 6)) || (pe - pw == 8 && !strncasecmp(b->s + pw, "gefunden", 8));
  }
  if (!place) return 0;
  vgi_buf_puts(b, online);
  return 1;
}

/* A plural or possessive written against a code span ("`int`s",
 * "`Foo`'s", "`Node`es"): the span's word, not a word of its own. */
static int span_suffix(const char *t) {
  size_t n = 0;
  if (t[0] == 's') n = 1;
  else if (t[0] == 'e' && t[1] == 's') n = 2;
  return n && !isalnum((unsigned char)t[n]) && (unsigned char)t[n] < 0x80;
}

/* Emphasis marks cmark left as text because the writer did not balance
 * them: "**مرحبا بكم في *!`x`**" (one "*" too many, left before the
 * emphasis it failed to join), "**ถ้า … Microsoft ** ขอให้" (the closing
 * pair after a space closes nothing). Such a run is markup, never words:
 * a run of one to three next to the emphasis it was meant for, or a pair
 * or three that opens a word or closes one (a letter on one side, a space
 * on the other), and the pair that closes such an opened one wherever it
 * stands. A star between spaces ("struct * p", "2 ** 8") or inside a word
 * or glob ("a*b", stars before or after a slash) stays. NULL when nothing went;
 * *open carries an opened run across a paragraph's text nodes. */
static _Thread_local int stars_open_;   /* a stray pair opened a word in this block */

static int star_word_side(unsigned char c, int opening) {
  return isalnum(c) || c >= 0x80 || (opening ? strchr("\"'(!", c) != NULL : strchr(".,;:!?)\"'", c) != NULL);
}

/* The character of a sibling next to a text: its last (or first) one, a
 * code span's a letter, nothing (a space) for a break or no sibling. */
static unsigned char edge_char(cmark_node *s, int last) {
  if (!s) return 0;
  cmark_node_type t = cmark_node_get_type(s);
  if (t == CMARK_NODE_CODE || t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG || t == CMARK_NODE_LINK) return 'a';
  const char *l = t == CMARK_NODE_TEXT ? cmark_node_get_literal(s) : NULL;
  if (!l || !*l) return 0;
  return (unsigned char)(last ? l[strlen(l) - 1] : l[0]);
}

/* Does the next run of stars after lit[from] (in lit, else in a text
 * sibling after c) have `run` stars and close a word ("…रेपो:***")? Each
 * call reads up to the next run only, so a paragraph is read once. */
static int closer_follows(cmark_node *c, const char *lit, size_t from, size_t run) {
  for (cmark_node *s = c; s; s = cmark_node_next(s)) {
    const char *l = s == c ? lit : cmark_node_get_type(s) == CMARK_NODE_TEXT ? cmark_node_get_literal(s) : NULL;
    if (!l) continue;
    const char *p = strchr(l + (s == c ? from : 0), '*');
    if (!p) continue;
    size_t r = strspn(p, "*");
    unsigned char before = p > l ? (unsigned char)p[-1] : edge_char(cmark_node_previous(s), 1),
                  after = p[r] ? (unsigned char)p[r] : edge_char(cmark_node_next(s), 0);
    return r == run && before && !isspace(before) && before != '*' &&
           (!after || isspace(after) || strchr(".,;:!?)\"'", after) || after >= 0x80);
  }
  return 0;
}

static char *stray_stars(cmark_node *c, const char *lit, int *open) {
  if (!lit || !strchr(lit, '*')) return NULL;
  cmark_node *pv = cmark_node_previous(c), *nx = cmark_node_next(c);
  int emph_before = pv && (cmark_node_get_type(pv) == CMARK_NODE_EMPH || cmark_node_get_type(pv) == CMARK_NODE_STRONG);
  int emph_after = nx && (cmark_node_get_type(nx) == CMARK_NODE_EMPH || cmark_node_get_type(nx) == CMARK_NODE_STRONG);
  size_t n = strlen(lit), w = 0;
  char *o = malloc(n + 1);
  int changed = 0;
  for (size_t i = 0; i < n;) {
    if (lit[i] != '*') { o[w++] = lit[i++]; continue; }
    size_t j = i;
    while (j < n && lit[j] == '*') j++;
    size_t run = j - i;
    /* cmark keeps a delimiter run it could not match as a text node of its
     * own: the characters around it are its neighbours' */
    unsigned char before = i ? (unsigned char)lit[i - 1] : edge_char(pv, 1),
                  after = j < n ? (unsigned char)lit[j] : edge_char(nx, 0);
    int sb = !before || isspace(before), sa = !after || isspace(after);
    int drop = 0;
    if (run <= 3 && ((i == 0 && emph_before && (j == n || !sa)) || (j == n && emph_after && (i == 0 || !sb)))) drop = 1;
    else if (run >= 2 && run <= 3) {
      if (sb && !sa && star_word_side(after, 1)) drop = 1, *open = 1;
      else if (!sb && sa && star_word_side(before, 0)) drop = 1, *open = 0;
      else if (*open) drop = 1, *open = 0;   /* "**alt-#**을": the one it opened closes */
      /* "*** फोर्क द गिटहब रेपो:***": an opening run the writer spaced
       * from its words, when a run as long closes them after */
      else if (sb && sa && closer_follows(c, lit, j, run)) drop = 1, *open = 1;
    }
    if (!drop) {
      memcpy(o + w, lit + i, run);
      w += run;
    } else {
      changed = 1;
      if (sb && sa && w && o[w - 1] == ' ' && after == ' ') j++;   /* "a ** b" -> "a b" */
    }
    i = j;
  }
  o[w] = 0;
  if (!changed) { free(o); return NULL; }
  return o;
}

/* The text node that closes a run of links in square brackets opened
 * right before link c ("[" ending what b holds, then links apart by commas,
 * bars or dots, then a text that starts with "]"), or NULL. */
static cmark_node *bracketed_links(cmark_node *c, const vgi_buf *b) {
  size_t n = b->n;
  while (n && b->s[n - 1] == ' ') n--;
  if (!n || b->s[n - 1] != '[') return NULL;
  for (cmark_node *k = cmark_node_next(c); k; k = cmark_node_next(k)) {
    if (cmark_node_get_type(k) == CMARK_NODE_LINK) continue;
    if (cmark_node_get_type(k) != CMARK_NODE_TEXT) return NULL;
    const char *lit = cmark_node_get_literal(k);
    if (!lit) return NULL;
    if (lit[0] == ']') return k;
    if (lit[strspn(lit, " ,|/\xC2\xB7")]) return NULL;   /* (", ", " | ", " · " between them) */
  }
  return NULL;
}

/* "n<sup>2</sup>", "x<sub>i</sub>" from the opening tag c (literal lit):
 * its text put in its raised or lowered form (script_marks.c); 1 when put,
 * the text and the closing tag then the caller's to skip. */
static int script_tag(cmark_node *c, const char *lit, vgi_buf *b) {
  int sup = !strncasecmp(lit, "<sup", 4);
  if (!(sup || !strncasecmp(lit, "<sub", 4)) || !strchr(" >", lit[4])) return 0;
  cmark_node *t = cmark_node_next(c), *close = t ? cmark_node_next(t) : NULL;
  const char *in = t && cmark_node_get_type(t) == CMARK_NODE_TEXT ? cmark_node_get_literal(t) : NULL;
  const char *cl = close && cmark_node_get_type(close) == CMARK_NODE_HTML_INLINE ? cmark_node_get_literal(close) : NULL;
  if (!in || !cl || strncasecmp(cl, sup ? "</sup>" : "</sub>", 6)) return 0;
  char *f = vgi_script_form(in, strlen(in), sup, b->n ? b->s[b->n - 1] : 0);
  if (!f) return 0;
  vgi_buf_puts(b, f);
  free(f);
  return 1;
}

static void inline_text(cmark_node *n, vgi_buf *b, md *m, int line) {
  int names = cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH && name_lines(n);
  if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) stars_open_ = 0;
  for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
    case CMARK_NODE_TEXT: {
      const char *lit = cmark_node_get_literal(c);
      cmark_node *nx = cmark_node_next(c);
      size_t ll = lit ? strlen(lit) : 0;
      /* a MyST role before a code span ("{pypi}`keyring`"): the role is markup */
      if (ll >= 3 && lit[ll - 1] == '}' && nx && cmark_node_get_type(nx) == CMARK_NODE_CODE) {
        size_t o = ll - 1;
        while (o > 0 && (isalnum((unsigned char)lit[o - 1]) || lit[o - 1] == '-' || lit[o - 1] == ':' || lit[o - 1] == '_')) o--;
        if (o > 0 && lit[o - 1] == '{' && o < ll - 1) {
          char *cut = vgi_strdup(lit);
          cut[o - 1] = 0;
          put_text(b, cut);
          free(cut);
          role_text(b, cmark_node_get_literal(nx));
          c = nx;   /* the code span is the role's */
          break;
        }
      }
      char *unstarred = stray_stars(c, lit, &stars_open_);
      put_text(b, unstarred ? unstarred : lit);
      free(unstarred);
      break;
    }
    case CMARK_NODE_CODE: {
      /* a code span written against a word ("`00.11.z`is", "see`make`")
       * keeps a word apart from it: joined, "00.11.zis" is one word that
       * neither the slide nor the voice meant; a plural or possessive
       * ("`int`s", "`Foo`'s") stays on its span */
      const char *lit = cmark_node_get_literal(c);
      cmark_node *nx = cmark_node_next(c);
      const char *after = nx && cmark_node_get_type(nx) == CMARK_NODE_TEXT ? cmark_node_get_literal(nx) : NULL;
      /* "the `: u32` annotation": a mark that opens the span and a space
       * after it are the code's, no sentence's; kept, the text's tidying
       * joined it to the word before ("the: u32") */
      if (lit && strchr(":;,", lit[0]) && lit[0] && lit[1] == ' ' && lit[1 + strspn(lit + 1, " ")]) lit += 1 + strspn(lit + 1, " ");
      if (lit && *lit && b->n && isalnum((unsigned char)b->s[b->n - 1])) vgi_buf_puts(b, " ");
      /* spans listed without spaces ("`sed`,`awk`,`grep`") are words of a
       * list: a space after each comma, as written prose has it */
      cmark_node *pv = cmark_node_previous(c);
      if (lit && *lit && b->n && b->s[b->n - 1] == ',' && pv && cmark_node_get_type(pv) == CMARK_NODE_TEXT &&
          cmark_node_previous(pv) && cmark_node_get_type(cmark_node_previous(pv)) == CMARK_NODE_CODE)
        vgi_buf_puts(b, " ");
      vgi_buf_puts(b, lit);
      if (lit && *lit && after && isalnum((unsigned char)after[0]) && !span_suffix(after)) vgi_buf_puts(b, " ");
      break;
    }
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      vgi_buf_puts(b, names ? ", " : " ");
      break;
    case CMARK_NODE_IMAGE:
      if (m) add_image(m, c, cmark_node_get_start_line(c) ? cmark_node_get_start_line(c) : line);
      break;
    case CMARK_NODE_HTML_INLINE: {
      /* a line break in HTML ("<br>", "<br/>") breaks words as a newline
       * does; other tags are markup, nothing */
      const char *lit = cmark_node_get_literal(c);
      /* (in a table cell, where a line of text cannot break, the lines are
       * kept apart by a semicolon: "Unix: sh -c<br>Windows: cmd /C" read
       * as one run "Unix: sh -c Windows: cmd /C") */
      int cell = !strcmp(cmark_node_get_type_string(n), "table_cell") && cmark_node_next(c);
      if (lit && script_tag(c, lit, b)) {
        c = cmark_node_next(cmark_node_next(c));
        break;
      }
      if (lit && !strncasecmp(lit, "<br", 3) && !isalnum((unsigned char)lit[3]))
        vgi_buf_puts(b, names ? ", " : cell && b->n && !strchr(",;:.", b->s[b->n - 1]) ? "; " : " ");
      break;
    }
    case CMARK_NODE_LINK: {
      if (pointer_link(c, b)) break;
      /* "Website - [[website repo](…)]", "[[docs](…), [source](…)]": links
       * in square brackets are an aside of places to follow, neither shown
       * nor said, brackets and all */
      cmark_node *close = bracketed_links(c, b);
      if (close) {
        while (b->n && strchr(" [", b->s[b->n - 1])) b->s[--b->n] = 0;
        if (b->n >= 2 && b->s[b->n - 1] == '-' && b->s[b->n - 2] == ' ') b->n -= 2, b->s[b->n] = 0;
        else if (b->n >= 4 && (!strcmp(b->s + b->n - 4, " \xE2\x80\x93") || !strcmp(b->s + b->n - 4, " \xE2\x80\x94")))
          b->n -= 4, b->s[b->n] = 0;
        const char *rest = cmark_node_get_literal(close) + 1;
        put_text(b, rest);
        c = close;
        break;
      }
      inline_text(c, b, m, line);
      break;
    }
    default:
      /* blocks inside a block (a list in a callout, an item's paragraphs)
       * are apart: "best.Learn" was two items read as one word; a block
       * with no stop of its own ends its sentence before the next */
      if ((cmark_node_get_type(c) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK && b->n &&
          !isspace((unsigned char)b->s[b->n - 1])) {
        unsigned char last = (unsigned char)b->s[b->n - 1];
        if (isalnum(last) || last == ')') vgi_buf_puts(b, ".");
        vgi_buf_puts(b, " ");
      }
      inline_text(c, b, m, line);
    }
  }
  if (names) vgi_buf_puts(b, ".");
}

/* A paragraph that only links elsewhere: a language switcher ("Čeština ∙
 * Deutsch ∙ …"), a row of badges, a table of links. Nothing to say or show. */
static void nav_count(cmark_node *para, int *links, int *other, int depth);
static _Thread_local int label_;   /* nav_count met a label ("Read this in other languages:") */
static _Thread_local int to_translations_;   /* ... a link to a list of the document's translations */
static _Thread_local int loose_;   /* ... words of a word or two between its links ("[English]", the page's own) */

/* Does a link lead to a list of translations ("README.md#translations",
 * "#languages", "docs/translations.md")? */
static int translations_url(const char *u) {
  static const char *const marks[] = { "translation", "languages", NULL };
  for (const char *p = u; p && *p; p++)
    for (int i = 0; marks[i]; i++)
      if (!strncasecmp(p, marks[i], strlen(marks[i]))) return 1;
  return 0;
}

static int navigation(cmark_node *para) {
  int links = 0, other = 0;
  label_ = to_translations_ = loose_ = 0;
  nav_count(para, &links, &other, 0);
  /* under a label, a row of three links or more; or one link alone that
   * leads to the translations ("*[Read this in other languages](README.md#translations)*",
   * "*[อ่านไฟล์นี้ในภาษาอื่น](README.md#translations)*"); a row of four
   * or more may name one entry without a link, the page the reader is on
   * ("[English] [中文] [日本語] [한국어]") */
  if (loose_ > 1 || (loose_ && links < 4)) return 0;
  return !other && (links >= (label_ ? 3 : 2) || (links == 1 && to_translations_));
}

static void nav_count(cmark_node *para, int *nlinks, int *nother, int depth) {
  int links = 0, other = 0;
  for (cmark_node *c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
    cmark_node_type t = cmark_node_get_type(c);
    /* a picture of the document's own (not a badge's address) is content:
     * two screenshots side by side are no row of badges */
    const char *u = t == CMARK_NODE_IMAGE ? cmark_node_get_url(c) : NULL;
    if (u && *u && !vgi_remote_image(u) && strncmp(u, "//", 2)) { other++; continue; }
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
      to_translations_ |= t == CMARK_NODE_LINK && translations_url(cmark_node_get_url(c));
      links++;
      continue;
    }
    if ((t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG) && depth < 4) {
      /* a label in italics or bold ("_Read this in other languages:_"),
       * the links after it one a line */
      cmark_node *only = cmark_node_first_child(c);
      const char *lit = only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_TEXT
                          ? cmark_node_get_literal(only) : NULL;
      size_t ll = lit ? strlen(lit) : 0;
      while (ll && lit[ll - 1] == ' ') ll--;
      if (!depth && !links && !*nlinks && cmark_node_next(c) && ll && lit[ll - 1] == ':' &&
          vgi_word_count(lit) <= 8) {
        label_ = 1;
        continue;
      }
      nav_count(c, &links, &other, depth + 1);   /* "*[A](a) ∙ [B](b)*" */
      continue;
    }
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK || t == CMARK_NODE_HTML_INLINE) continue;
    if (t != CMARK_NODE_TEXT) { other++; continue; }
    /* a short label before the first link ("Read this in other languages:
     * [English](…), [한국어](…), …") */
    if (!links && !*nlinks && cmark_node_next(c)) {
      const char *lit = cmark_node_get_literal(c);
      size_t ll = lit ? strlen(lit) : 0;
      while (ll && lit[ll - 1] == ' ') ll--;
      if (ll && lit[ll - 1] == ':' && vgi_word_count(lit) <= 8) { label_ = 1; continue; }
    }
    /* a short label between badges ("…), Unix: [![Build]…], Windows:
     * [![Build]…]" in jq's README): the row's, before the next one */
    if (links && cmark_node_next(c) &&
        (cmark_node_get_type(cmark_node_next(c)) == CMARK_NODE_LINK ||
         cmark_node_get_type(cmark_node_next(c)) == CMARK_NODE_IMAGE)) {
      const char *lit = cmark_node_get_literal(c);
      const char *a = lit ? lit + strspn(lit, " \t,|-") : NULL;
      size_t al = a ? strlen(a) : 0;
      while (al && a[al - 1] == ' ') al--;
      if (al > 1 && a[al - 1] == ':' && vgi_word_count(a) <= 3) continue;
    }
    /* separators only: spaces (no-break ones too, U+00A0: "&nbsp;&nbsp;" between
     * the links of an HTML row), | / , - and the dots and bullets of U+00B7,
     * U+2022, U+2219, U+30FB */
    for (const unsigned char *p = (const unsigned char *)cmark_node_get_literal(c); p && *p; p++) {
      if (strchr(" \t|/,-:()[].", *p)) continue;
      if (p[0] == 0xC2 && (p[1] == 0xB7 || p[1] == 0xA0)) { p++; continue; }
      if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA2 || p[2] == 0x94 || p[2] == 0x93)) { p += 2; continue; }
      if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x99) { p += 2; continue; }
      if (p[0] == 0xE3 && p[1] == 0x83 && p[2] == 0xBB) { p += 2; continue; }
      if (p[0] == 0xF0 && p[1] && p[2] && p[3]) { p += 3; continue; }   /* a pictograph: 🌍 */
      const char *lit = cmark_node_get_literal(c);
      if (depth == 0 && links && strlen(lit) <= 40 && vgi_word_count(lit) <= 2) loose_++;
      else other++;
      break;
    }
  }
  *nlinks += links;
  *nother += other;
}

/* A block that says nothing: a row of badges or links, a paragraph of
 * pictures and tags only, an HTML block without words */
/* Whether a block holds a link, a picture or an address */
static int linked(cmark_node *n) {
  int found = 0;
  cmark_iter *it = cmark_iter_new(n);
  for (cmark_event_type ev; !found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node *t = cmark_iter_get_node(it);
    cmark_node_type ty = cmark_node_get_type(t);
    const char *lit = ty == CMARK_NODE_TEXT ? cmark_node_get_literal(t) : NULL;
    found = ty == CMARK_NODE_LINK || ty == CMARK_NODE_IMAGE || ty == CMARK_NODE_HTML_INLINE || (lit && strstr(lit, "://"));
  }
  cmark_iter_free(it);
  return found;
}

static char *html_text(const char *h);
static char *plain(cmark_node *n, md *m);
static int silent_block(cmark_node *n) {
  cmark_node_type t = cmark_node_get_type(n);
  if (t == CMARK_NODE_HTML_BLOCK) {
    char *h = html_text(cmark_node_get_literal(n));
    int words = h && vgi_word_count(h) > 0;
    free(h);
    return !words;
  }
  if (t != CMARK_NODE_PARAGRAPH) return 0;
  if (navigation(n)) return 1;
  char *p = plain(n, NULL);
  int words = vgi_word_count(p) > 0;
  free(p);
  return !words;
}


static char *html_text(const char *h);

/* html_text of [a, e). Caller frees. */
static char *html_text_range(const char *a, const char *e) {
  char *c = malloc((size_t)(e - a) + 1);
  memcpy(c, a, (size_t)(e - a));
  c[e - a] = 0;
  char *t = html_text(c);
  free(c);
  return t;
}

/* The words of an HTML block: tags and comments out, the common entities
 * decoded (scripts and styles are already out: html_hidden.c). */
static char *html_text(const char *h) {
  if (!h) return NULL;
  vgi_buf b = {0};
  const char *end = h + strlen(h);
  for (const char *p = h; *p;) {
    if (!strncmp(p, "<!--", 4)) {
      const char *e = strstr(p + 4, "-->");
      p = e ? e + 3 : p + strlen(p);
      continue;
    }
    if (*p == '<') {
      const char *e = strchr(p, '>');
      /* fine print in <sub> or <sup> of three words or more (a README's
       * "Check out my macOS app", a sponsor's blurb) is not said; a
       * subscript or a footnote's number is left to what follows */
      if (e && (!strncasecmp(p, "<sub", 4) || !strncasecmp(p, "<sup", 4)) && strchr(" >", p[4])) {
        const char *tag = !strncasecmp(p, "<sub", 4) ? "</sub>" : "</sup>", *close = e;
        /* (looked for within 2,000 bytes: every '<sub' then costs at most that) */
        for (int k = 0; *close && k < 2000 && strncasecmp(close, tag, 6); k++) close++;
        if (strncasecmp(close, tag, 6)) close = NULL;
        if (close) {
          char *inner = html_text_range(e + 1, close);
          int words = vgi_word_count(inner);
          free(inner);
          if (words >= 3) { vgi_buf_puts(&b, " "); p = close + 6; continue; }
        }
      }
      if (e) { vgi_buf_puts(&b, " "); p = e + 1; continue; }
    }
    char ent[5];
    size_t n;
    if (*p == '&' && vgi_html_entity(p, end, ent, &n)) { vgi_buf_puts(&b, ent); p += n; continue; }
    vgi_buf_add(&b, p, 1);
    p++;
  }
  char *t = vgi_buf_take(&b);
  for (char *q = t; *q; q++) if (*q == '\n' || *q == '\t' || *q == '\r') *q = ' ';
  /* Markdown in an HTML block is not parsed: its links are still links */
  return vgi_squash(vgi_link_text(t));
}

/* The words of an HTML block, every tag and comment out and nothing else
 * (fine print in <sup> kept). Caller frees. */
static char *tag_words(const char *h) {
  vgi_buf b = {0};
  for (const char *p = h ? h : ""; *p;) {
    int comment = !strncmp(p, "<!--", 4);
    const char *e = comment ? strstr(p + 4, "-->") : *p == '<' ? strchr(p, '>') : NULL;
    if (e) {
      vgi_buf_puts(&b, " ");
      p = e + (comment ? 3 : 1);
      continue;
    }
    vgi_buf_add(&b, p, 1);
    p++;
  }
  char *t = vgi_buf_take(&b);
  for (char *q = t; *q; q++) if (*q == '\n' || *q == '\t' || *q == '\r') *q = ' ';
  return vgi_squash(t);
}

/* Plain text of a node's inline content (images noted when m != NULL). */
static char *plain(cmark_node *n, md *m) {
  vgi_buf b = {0};
  inline_text(n, &b, m, cmark_node_get_start_line(n));
  return vgi_visual_rtl_logical(vgi_squash(vgi_buf_take(&b)));
}

/* A heading's text; a heading that is only a picture (a project's logo
 * over a setext underline: "![libsodium](logo.png)") is named by the
 * picture's alt text, "logo" and the like left out ("Sodium logo" →
 * "Sodium"), rather than the title falling to the first sentence. */
/* A heading's id written after its words: "{#syncing-tabs}" (Pandoc,
 * kramdown, Hugo, MyST), "{#id .class}", and MDX's comment "{/ *title-id* /}"
 * (written without the spaces; read as "{/title-id/}", its stars taken
 * for emphasis) is its anchor,
 * never shown: out, in place. */
static void heading_id_out(char *t) {
  size_t l = strlen(t);
  while (l && t[l - 1] == ' ') l--;
  if (l < 4 || t[l - 1] != '}') return;
  char *o = t + l - 1;
  while (o > t && o[-1] != '{' && o[-1] != '}') o--;
  if (o == t || o[-1] != '{' || !(*o == '#' || *o == '/') || o + 1 >= t + l - 1) return;
  /* (an id is one word: "{#a .b}" may add classes, never prose) */
  if (*o == '/' && memchr(o, ' ', (size_t)(t + l - 1 - o))) return;
  o--;
  while (o > t && o[-1] == ' ') o--;
  if (o > t) *o = 0;
}

static char *heading_plain(cmark_node *n, md *m) {
  char *t = plain(n, m);
  heading_id_out(t);
  int letters = 0;
  for (const char *p = t; *p && !letters; p++) letters = isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80;
  if (letters) return t;
  cmark_iter *it = cmark_iter_new(n);
  cmark_event_type ev;
  char *alt = NULL;
  while (!alt && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *c = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(c) != CMARK_NODE_IMAGE) continue;
    vgi_buf b = {0};
    inline_text(c, &b, NULL, cmark_node_get_start_line(c));
    alt = vgi_squash(vgi_buf_take(&b));
    static const char *const generic[] = { " logo", " banner", " icon", " header", NULL };
    size_t al = strlen(alt);
    for (int k = 0; generic[k]; k++) {
      size_t gl = strlen(generic[k]);
      if (al > gl && !strcasecmp(alt + al - gl, generic[k])) alt[al -= gl] = 0;
    }
    static const char *const bare[] = { "logo", "banner", "icon", "header", "image", "screenshot", "", NULL };
    for (int k = 0; bare[k] && alt; k++)
      if (!strcasecmp(alt, bare[k])) { free(alt); alt = NULL; }
  }
  cmark_iter_free(it);
  if (!alt) return t;
  free(t);
  return alt;
}

/* A video's id from its title ("Getting Started" → "getting_started",
 * "Français" → "francais", "Введение" → "vvedenie"): file_names.c's slug in
 * ASCII, as ids are; a title with no letter spelled in ASCII ("日本語") gives
 * "" (the caller's "video"). */
static char *slug(const char *s) {
  char *r = vgi_name_part(s, VGI_NAME_SLUG | VGI_NAME_ASCII, '_', 48);
  return r ? r : vgi_strdup("");
}

/* Abbreviations that never end a sentence, per language (lower case, the
 * final period left out). Ones that often do ("etc.", "usw.") are not
 * listed: a period ends a sentence only before a capital or a caseless
 * letter, so "etc. and more" stays whole while "… etc. Then" is split. */
static const struct { const char *lang; const char *const *words; } abbrevs[] = {
  { "en", (const char *const[]){ "e.g", "i.e", "eg", "ie", "vs", "cf", "mr", "mrs", "ms", "dr", "prof", "st",
      "no", "fig", "approx", "incl", "esp", "viz", "al", "resp", "wrt", "w.r.t", "ca", "jr", "sr", "pp", "vol",
      "ch", "sec", "eq", "ref", "ed", "p", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec", NULL } },
  { "de", (const char *const[]){ "z.b", "bspw", "bzw", "d.h", "u.a", "vgl", "engl", "ca", "nr", "evtl",
      "ggf", "inkl", "sog", "dt", "u.ä", "z.t", "o.ä", "ggü", "allg", "abs", "bsp", "dr", "prof",
      "hr", "fr", "s", "lat", "franz", "ital", "jh", "mio", "mrd", "bzgl", "zzgl", "insb", NULL } },
  { "fr", (const char *const[]){ "p.ex", "ex", "cf", "env", "mme", "mlle", "m", "dr", "c.-à-d",
      "c.à.d", "p", "vol", "éd", "av", "apr", "j.-c", "chap", "fig", "n", "angl", NULL } },
  { "es", (const char *const[]){ "p.ej", "ej", "sr", "sra", "srta", "dr", "dra", "ud", "uds", "pág",
      "p", "vol", "aprox", "cf", "vs", "núm", "ing", "lic", "cap", "fig", NULL } },
  { "it", (const char *const[]){ "es", "ad", "sig", "sigg", "dott", "prof", "pag", "p", "cfr", "vs",
      "ca", "n", "ing", "avv", "cap", "fig", "ingl", NULL } },
  { "pt", (const char *const[]){ "ex", "p.ex", "sr", "sra", "dr", "dra", "pág", "p", "vol", "aprox",
      "cf", "vs", "n", "nº", "cap", "fig", "ing", NULL } },
  { "nl", (const char *const[]){ "bijv", "bv", "o.a", "m.a.w", "d.w.z", "dhr", "mevr", "dr", "prof",
      "ca", "nr", "vs", "evt", "incl", "zgn", "resp", "blz", "fig", "eng", NULL } },
  { "ru", (const char *const[]){ "т.е", "т.п", "т.к", "др", "см", "напр", "г", "гг", "стр", "рис",
      "им", "ул", "д", "англ", "ср", "проф", "т.н", NULL } },
  /* languages outside the phrase table's first twelve, detected as well */
  { "uk", (const char *const[]){ "напр", "див", "т.д", "т.п", "т.зв", "т.ч", "ін", "англ", "рис", "стор",
      "тис", "млн", "проф", "ім", "вул", "р", "рр", "с", NULL } },
  { "bg", (const char *const[]){ "напр", "т.е", "т.н", "вж", "англ", "стр", "проф", "г", "др", NULL } },
  { "pl", (const char *const[]){ "np", "m.in", "itd", "itp", "tzn", "tj", "tzw", "ok", "zob", "por", "ang",
      "ang", "str", "nr", "godz", "dr", "prof", "wg", "r", "ul", NULL } },
  { "cs", (const char *const[]){ "např", "tzv", "atd", "apod", "resp", "tj", "mj", "popř", "angl", "str",
      "č", "obr", "tzn", "př", "příp", "cca", "prof", "ing", "mgr", NULL } },
  { "sk", (const char *const[]){ "napr", "tzv", "atď", "resp", "tj", "napr", "angl", "str", "č", "obr",
      "príp", "cca", "prof", "ing", "mgr", NULL } },
  { "sv", (const char *const[]){ "t.ex", "bl.a", "m.m", "osv", "dvs", "s.k", "ca", "jfr", "etc", "nr", "s",
      "f.d", "resp", "eng", NULL } },
  { "da", (const char *const[]){ "f.eks", "bl.a", "osv", "dvs", "mv", "ca", "jf", "nr", "s", "evt", "inkl",
      "eng", NULL } },
  { "nb", (const char *const[]){ "f.eks", "bl.a", "osv", "dvs", "mv", "ca", "jf", "nr", "s", "evt", "inkl",
      "eng", NULL } },
  { "fi", (const char *const[]){ "esim", "ns", "jne", "mm", "ym", "yms", "ts", "vrt", "engl", "s", "nro",
      "n", NULL } },
  { "tr", (const char *const[]){ "vb", "vs", "örn", "bkz", "ing", "sf", "no", "dr", "prof", NULL } },
  { "id", (const char *const[]){ "dll", "dsb", "dst", "mis", "yg", "tsb", "hlm", "no", "dr", "prof", NULL } },
  { "ro", (const char *const[]){ "ex", "etc", "nr", "pag", "dr", "prof", "engl", "vol", "cca", NULL } },
  { "hu", (const char *const[]){ "pl", "stb", "ill", "ún", "kb", "vö", "ld", "sz", "dr", "prof", "ang", NULL } },
  { "hr", (const char *const[]){ "npr", "itd", "tj", "sl", "tzv", "engl", "str", "br", "dr", "prof", NULL } },
  { "ca", (const char *const[]){ "p.ex", "ex", "etc", "pàg", "núm", "sr", "sra", "dr", "vol", "cf", NULL } },
};

/* The word that ends at e (exclusive), without brackets and quotes before it. */
static int is_abbrev(const char *start, const char *e, const char *lang) {
  const char *w = e;
  while (w > start && w[-1] != ' ' && w[-1] != '(' && w[-1] != '"' && w[-1] != '[' &&
         !(w - start >= 2 && (unsigned char)w[-2] == 0xC2 && (unsigned char)w[-1] == 0xAB))   /* « */
    w--;
  size_t n = (size_t)(e - w);
  if (n == 0 || n > 15) return 0;
  char t[32];
  for (size_t i = 0; i < n; i++) t[i] = (char)tolower((unsigned char)w[i]);
  t[n] = 0;
  /* one letter ("B." of "z. B.", an initial) */
  size_t first = 1;
  unsigned char c0 = (unsigned char)t[0];
  if (c0 >= 0xC0) first = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : 2;
  if (n == first && (isalpha(c0) || c0 >= 0xC0)) return 1;
  for (size_t l = 0; l < sizeof abbrevs / sizeof *abbrevs; l++) {
    int mine = lang ? !strncmp(lang, abbrevs[l].lang, 2) : !strcmp(abbrevs[l].lang, "en");
    if (!mine && strcmp(abbrevs[l].lang, "en")) continue;   /* English ones everywhere: "e.g." in a German text */
    if (!mine && lang && strncmp(lang, "en", 2) && strcmp(t, "e.g") && strcmp(t, "i.e") && strcmp(t, "vs") &&
        strcmp(t, "cf"))
      continue;
    for (const char *const *a = abbrevs[l].words; *a; a++)
      if (!strcmp(*a, t)) return 1;
  }
  return 0;
}

/* Abbreviations that stand before a number, per language (lower case, the
 * final period left out): "pág. 12", "S. 12", "Nr. 5", "art. 3", "pp. 20-25",
 * "Abb. 3", "стр. 5". Before a number (or a Roman one: "cap. IV") their
 * period ends no sentence, even when the word could end one elsewhere
 * ("el art. 3" but "el arte."): a sentence seldom opens with a bare number
 * after such a word. */
static const struct { const char *lang; const char *const *words; } number_abbrevs[] = {
  { "en", (const char *const[]){ "p", "pp", "no", "nos", "vol", "vols", "fig", "figs", "ch", "chap", "sec", "art",
      "eq", "tab", "para", "pt", "ex", "col", "l", "ll", "n", "nr", NULL } },
  { "de", (const char *const[]){ "s", "nr", "abb", "tab", "kap", "bd", "art", "abs", "ziff", "anm", "aufl", "jg",
      "tl", "hft", "bsp", "vers", "sp", "z", "fn", "rn", "lfd", NULL } },
  { "fr", (const char *const[]){ "p", "pp", "n", "no", "nº", "n°", "chap", "art", "vol", "fig", "tab", "éd", "t",
      "al", "sect", "ch", "ex", NULL } },
  { "es", (const char *const[]){ "pág", "págs", "p", "pp", "núm", "nº", "n", "no", "art", "arts", "cap", "caps",
      "vol", "fig", "tab", "sec", "ej", "apdo", "párr", "inc", NULL } },
  { "it", (const char *const[]){ "pag", "pagg", "p", "pp", "n", "nº", "num", "art", "artt", "cap", "capp", "vol",
      "fig", "tab", "par", "sez", "co", "es", NULL } },
  { "pt", (const char *const[]){ "pág", "págs", "p", "pp", "n", "nº", "núm", "art", "arts", "cap", "caps", "vol",
      "fig", "tab", "sec", "inc", "ex", NULL } },
  { "nl", (const char *const[]){ "blz", "p", "pp", "nr", "art", "hfst", "fig", "afb", "tab", "vol", "lid", "bijl", NULL } },
  { "ca", (const char *const[]){ "pàg", "p", "pp", "núm", "art", "cap", "vol", "fig", "n", NULL } },
  { "ru", (const char *const[]){ "с", "стр", "рис", "табл", "гл", "т", "п", "пп", "ст", "ч", "разд", "вып", "№",
      NULL } },
  { "uk", (const char *const[]){ "с", "стор", "рис", "табл", "гл", "т", "п", "пп", "ст", "ч", "розд", "вип", NULL } },
  { "bg", (const char *const[]){ "с", "стр", "фиг", "табл", "гл", "т", "ал", "чл", NULL } },
  { "pl", (const char *const[]){ "s", "str", "nr", "rys", "tab", "tabl", "rozdz", "art", "ust", "pkt", "t", "poz",
      "z", "cz", "par", NULL } },
  { "cs", (const char *const[]){ "s", "str", "č", "obr", "tab", "kap", "odst", "čl", "díl", "sv", NULL } },
  { "sk", (const char *const[]){ "s", "str", "č", "obr", "tab", "kap", "ods", "čl", "diel", NULL } },
  { "sv", (const char *const[]){ "s", "nr", "kap", "fig", "tab", "bil", "avd", NULL } },
  { "da", (const char *const[]){ "s", "nr", "kap", "fig", "tab", "stk", NULL } },
  { "nb", (const char *const[]){ "s", "nr", "kap", "fig", "tab", "avs", NULL } },
  { "fi", (const char *const[]){ "s", "nro", "kuva", "taul", "luku", "kohta", NULL } },
  { "ro", (const char *const[]){ "p", "pag", "nr", "art", "cap", "vol", "fig", "alin", NULL } },
  { "hu", (const char *const[]){ "o", "sz", "ábra", "fej", "köt", "bek", NULL } },
  { "hr", (const char *const[]){ "str", "br", "sl", "čl", "pogl", "tab", NULL } },
  { "tr", (const char *const[]){ "s", "sf", "no", "md", "şek", "tab", "bl", NULL } },
};

/* A number at p: digits ("12", "20-25", "5a") or a Roman one of two to
 * eight letters ("IV", "XII") before a space, a stop or the end; a lone
 * "I" or "V" only before a stop ("Bd. I."), not before a word ("… no. I
 * think"). */
static int number_at(const char *p) {
  if (isdigit((unsigned char)*p)) return 1;
  size_t n = 0;
  while (n < 9 && p[n] && strchr("IVXLC", p[n])) n++;
  if (n == 1) return !p[1] || strchr(",;:.)", p[1]);
  return n >= 2 && n <= 8 && (!p[n] || strchr(" ,;:.)", p[n]));
}

/* 1 when the period at e ends an abbreviation of lang (NULL: English; "*":
 * any language) that stands before the number after it ("pág. 12"). */
static int number_abbrev(const char *start, const char *e, const char *lang) {
  if (*e != '.') return 0;
  const char *a = e + 1;
  if (*a == ' ') a++;
  else if (!strncmp(a, "\xC2\xA0", 2) || !strncmp(a, "\xE2\x80\xAF", 3)) a += (unsigned char)a[0] == 0xC2 ? 2 : 3;
  else return 0;
  if (!number_at(a)) return 0;
  const char *w = e;
  while (w > start && w[-1] != ' ' && w[-1] != '(' && w[-1] != '"' && w[-1] != '[' && w[-1] != '\'' &&
         !(w - start >= 2 && (unsigned char)w[-2] == 0xC2 && (unsigned char)w[-1] == 0xAB) &&   /* « */
         !(w - start >= 3 && !strncmp(w - 3, "\xE2\x80\x99", 3)))   /* l’art. */
    w--;
  size_t n = (size_t)(e - w);
  if (n == 0 || n > 15) return 0;
  char t[32];
  for (size_t i = 0; i < n; i++) t[i] = (char)tolower((unsigned char)w[i]);
  t[n] = 0;
  /* Cyrillic capitals of two bytes to lower case ("Рис", "С", "Табл") */
  for (size_t i = 0; i + 1 < n; i++) {
    unsigned char c = (unsigned char)t[i], d = (unsigned char)t[i + 1];
    if (c == 0xD0 && d >= 0x90 && d <= 0x9F) t[i + 1] = (char)(d + 0x20);
    else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) t[i] = (char)0xD1, t[i + 1] = (char)(d - 0x20);
    else if (c == 0xD0 && d == 0x86) t[i] = (char)0xD1, t[i + 1] = (char)0x96;   /* І */
  }
  int any = lang && !strcmp(lang, "*");
  for (size_t l = 0; l < sizeof number_abbrevs / sizeof *number_abbrevs; l++) {
    if (!any && (lang ? strncmp(lang, number_abbrevs[l].lang, 2) : strcmp(number_abbrevs[l].lang, "en"))) continue;
    for (const char *const *x = number_abbrevs[l].words; *x; x++)
      if (!strcmp(*x, t)) return 1;
  }
  return 0;
}

/* 1 when the word that ends at e is an abbreviation of English, German,
 * French or Spanish, or one of another language's that is no word of any
 * other: one with a letter outside ASCII ("напр.", "т. е.", "pág.",
 * "např.") or a stop inside ("m.in.", "t.ex.", "p.ex."). For text whose
 * language is not known ("ok." of Polish or "es." of Italian end sentences
 * elsewhere). */
static int known_abbrev(const char *start, const char *e) {
  if (number_abbrev(start, e, "*")) return 1;
  if (is_abbrev(start, e, NULL) || is_abbrev(start, e, "de") || is_abbrev(start, e, "fr") || is_abbrev(start, e, "es"))
    return 1;
  const char *w = e;
  while (w > start && w[-1] != ' ' && w[-1] != '(' && w[-1] != '"' && w[-1] != '[') w--;
  int marked = 0;
  for (const char *q = w; q < e; q++) marked |= (unsigned char)*q >= 0x80 || (*q == '.' && q > w);
  if (!marked) return 0;
  for (size_t l = 0; l < sizeof abbrevs / sizeof *abbrevs; l++)
    if (is_abbrev(start, e, abbrevs[l].lang)) return 1;
  return 0;
}

int vgi_abbrev_stop(const char *text, const char *stop, const char *lang) {
  if (stop <= text) return 0;
  if (number_abbrev(text, stop, lang)) return 1;   /* "p. 7", "S. 12" */
  /* one letter: an initial or a name, not this list */
  if (isalpha((unsigned char)stop[-1]) && (stop - 1 == text || (!isalnum((unsigned char)stop[-2]) && stop[-2] != '.')))
    return 0;
  return is_abbrev(text, stop, lang);
}

/* 1 when the word at p starts with a lower-case letter (Latin, Greek,
 * Cyrillic): it continues the sentence. */
static int lower_start(const char *p) {
  while (*p == ' ' || *p == '"' || *p == '(' || *p == '\'') p++;
  unsigned char c = (unsigned char)*p;
  if (c < 0x80) return islower(c) != 0;
  unsigned cp = 0;
  if (c >= 0xC0 && c < 0xE0 && p[1]) cp = ((c & 31u) << 6) | ((unsigned char)p[1] & 63u);
  return (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x3B1 && cp <= 0x3C9) ||
         (cp >= 0x430 && cp <= 0x45F) ||
         (cp >= 0x100 && cp <= 0x17F && (cp & 1));   /* Latin Extended-A: odd = lower */
}

/* End of the sentence that starts at p (exclusive): a . ! ? followed by a
 * space (or closing quotes/brackets then a space) or the end, unless it ends
 * an abbreviation, or a lower-case word follows; a decimal, a version (1.2.3),
 * a file name (a.md) never has a space after its period. 。！？ always end. */
/* "am 7. Dezember", "im 19. Jahrhundert": in German a day or an ordinal is
 * a number and a full stop; before a month or one of a few nouns it ends
 * no sentence. e is the full stop, next the word after it. */
static int ordinal(const char *text, const char *e, const char *next, const char *lang) {
  if (!lang || strncmp(lang, "de", 2)) return 0;
  const char *w = e;
  while (w > text && isdigit((unsigned char)w[-1])) w--;
  if (e - w < 1 || e - w > 2 || (w > text && w[-1] != ' ' && w[-1] != '(')) return 0;
  static const char *const nouns[] = { "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli",
    "August", "September", "Oktober", "November", "Dezember", "Jan.", "Feb.", "Mär.", "Apr.", "Jun.", "Jul.",
    "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez.", "Jahrhundert", "Jahrhunderts", "Jahrhunderten",
    "Auflage", "Klasse", "Platz", "Lebensjahr", "Geburtstag", NULL };
  for (int i = 0; nouns[i]; i++) {
    size_t l = strlen(nouns[i]);
    if (!strncmp(next, nouns[i], l) && !isalpha((unsigned char)next[l]) && (unsigned char)next[l] < 0x80) return 1;
  }
  return 0;
}

/* The full stops of scripts that write a space after them: Devanagari's
 * danda । and ॥ (Hindi, Nepali, Marathi), Urdu's ۔, the Arabic question
 * mark ؟, Armenian ։, Ethiopic ።, Burmese ။, Khmer ។ ៕. -> the mark's length at e, 0. */
static size_t script_stop_at(const char *e) {
  static const char *const marks[] = { "\xE0\xA5\xA4", "\xE0\xA5\xA5", "\xDB\x94", "\xD8\x9F", "\xD6\x89",
                                       "\xE1\x8D\xA2", "\xE1\x81\x8B", "\xE1\x9F\x94", "\xE1\x9F\x95", NULL };
  if ((unsigned char)*e < 0xD6) return 0;   /* (each opens with D6 or above: ASCII leaves at once) */
  for (int i = 0; marks[i]; i++) {
    size_t l = strlen(marks[i]);
    if (!strncmp(e, marks[i], l)) return l;
  }
  return 0;
}

/* A folder in a command line before its option ("find . -iregex x",
 * "cmake .. -G Ninja"): the dots are a word, no full stop. after: just past
 * them. */
static int option_follows(const char *after) {
  return after[0] == ' ' && after[1] == '-' && isalpha((unsigned char)after[2 + (after[2] == '-')]);
}

/* The code point of the UTF-8 letter of two bytes at p, 0 for others. */
static unsigned cp2(const char *p) {
  unsigned char c = (unsigned char)p[0];
  if (c < 0xC0 || c >= 0xE0 || ((unsigned char)p[1] & 0xC0) != 0x80) return 0;
  return ((c & 31u) << 6) | ((unsigned char)p[1] & 63u);
}

/* Greek writes its question mark as ";" (or U+037E, the same sign): after
 * a Greek word, or in a Greek text, a ";" before a Greek capital (or a
 * capital after a Greek word) ends a question. A ";" in a command or a
 * URL ("apt install git; git --version", "a;b") has no capital or no
 * space after it and stays inside the sentence. e is at the sign. -> the
 * sign's length, 0. */
static size_t greek_question_at(const char *text, const char *e, const char *lang) {
  size_t l = *e == ';' ? 1 : (cp2(e) == 0x37E ? 2 : 0);
  if (!l) return 0;
  const char *q = e;
  while (q > text && ((q[-1] == '"' || q[-1] == ')' || q[-1] == '\'') || (q - text >= 2 && !strncmp(q - 2, "\xC2\xBB", 2))))
    q -= q[-1] == '"' || q[-1] == ')' || q[-1] == '\'' ? 1 : 2;
  int greek_word = q - text >= 2 && cp2(q - 2) >= 0x386 && cp2(q - 2) <= 0x3FF;
  if (!greek_word && (!lang || strncmp(lang, "el", 2) || (lang[2] && lang[2] != '-' && lang[2] != '_'))) return 0;
  const char *a = e + l;
  if (!*a) return l;
  if (*a != ' ') return 0;
  while (*a == ' ' || *a == '"' || *a == '(' || !strncmp(a, "\xC2\xAB", 2)) a += (unsigned char)*a >= 0x80 ? 2 : 1;
  unsigned c = cp2(a);
  if ((c >= 0x386 && c <= 0x3AB && c != 0x387) || (greek_word && isupper((unsigned char)*a))) return l;
  return 0;
}

/* 1 when a sentence ends with a question mark: ? ？ ؟, or Greek's ";". */
static int asks_question(const char *s, const char *lang) {
  size_t n = strlen(s);
  if (!n) return 0;
  if (s[n - 1] == '?' || (n >= 3 && !strcmp(s + n - 3, "\xEF\xBC\x9F")) || (n >= 2 && !strcmp(s + n - 2, "\xD8\x9F")))
    return 1;
  return (s[n - 1] == ';' && greek_question_at(s, s + n - 1, lang)) || (n >= 2 && greek_question_at(s, s + n - 2, lang) == 2);
}

/* The length of a bare reply that opens s ("Yes.", "No!", "Yes,", "Ja.",
 * "Oui,", "Нет.", "はい。"): a word of yes or no and its stop, then a space or
 * the end; 0 when s opens otherwise. Said alone, "Yes." answers nothing:
 * it goes with its question and the sentence after it. */
static size_t reply_opens(const char *s) {
  static const char *const replies[] = { "yes", "no", "yep", "nope", "sure", "correct", "indeed", "ja", "nein",
    "doch", "oui", "non", "si", "s\xC3\xAD", "sim", "n\xC3\xA3o", "nee", "tak", "nie", "ano", "ne",
    "\xD0\xB4\xD0\xB0", "\xD0\xBD\xD0\xB5\xD1\x82", "\xD1\x82\xD0\xB0\xD0\xBA", "\xD0\xBD\xD1\x96",   /* да нет так ні */
    "\xE3\x81\xAF\xE3\x81\x84", "\xE3\x81\x84\xE3\x81\x84\xE3\x81\x88",   /* はい いいえ */
    "\xEB\x84\xA4", "\xEC\x95\x84\xEB\x8B\x88\xEC\x9A\x94",                       /* 네 아니요 */
    "\xE6\x98\xAF", "\xE6\x98\xAF\xE7\x9A\x84", "\xE4\xB8\x8D", NULL };          /* 是 是的 不 */
  static const char *const stops[] = { ".", "!", ",", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x8C",
                                       "\xE3\x80\x81", NULL };   /* 。！，、 */
  for (int i = 0; replies[i]; i++) {
    size_t l = strlen(replies[i]);
    if (strncasecmp(s, replies[i], l)) continue;
    for (int k = 0; stops[k]; k++) {
      size_t sl = strlen(stops[k]);
      if (strncmp(s + l, stops[k], sl)) continue;
      const char *e = s + l + sl;
      while (*e == '!' || *e == '.') e++;
      if (!*e || *e == ' ' || (unsigned char)s[l] >= 0x80) return (size_t)(e - s);
    }
  }
  return 0;
}

static const char *sentence_end(const char *text, const char *p, const char *lang) {
  for (const char *e = p; *e; e++) {
    size_t wl = vgi_wide_sentence_end(text, e);   /* 。！？．‼ and their runs */
    if (wl) return e + wl;
    size_t sl = script_stop_at(e);
    if (sl && (!e[sl] || e[sl] == ' ')) return e + sl;
    size_t gl = greek_question_at(text, e, lang);
    if (gl) return e + gl;
    if (*e == ' ' && e > p && vgi_unspaced_sentence_space(text, p, e)) return e;
    if (!strchr(".!?", *e)) continue;
    if (vgi_mark_as_sign(text, e, lang)) continue;   /* "mark it with ? when unsure", "\"?\"" */
    const char *after = e + 1;
    while (*after == '.' ) after++;   /* "..." */
    while (*after == '"' || *after == ')' || *after == '\'' || !strncmp(after, "\xE2\x80\x9D", 3) ||
           !strncmp(after, "\xC2\xBB", 2))
      after += (unsigned char)*after >= 0xC0 ? ((unsigned char)*after >= 0xE0 ? 3 : 2) : 1;
    if (*after && *after != ' ') continue;
    if (!*after) return after;
    if (*e == '.' && after == e + 1 && (is_abbrev(text, e, lang) || number_abbrev(text, e, lang))) continue;
    /* a lone dot, the sentence's object ("The simplest filter is . ."): a
     * word, the stop after it ends the sentence */
    if (*e == '.' && after == e + 1 && e > text && e[-1] == ' ' && after[1] == '.' && (!after[2] || after[2] == ' '))
      continue;
    /* a lone dot before a redirection or a pipe ("yq -y . < in.json",
     * "jq . | less"): a command's argument, not a full stop */
    if (*e == '.' && after == e + 1 && e > text && e[-1] == ' ' && after[1] && strchr("<>|&", after[1])) continue;
    if (*e == '.' && after == e + 1 && ordinal(text, e, after + 1, lang)) continue;
    if (*e == '.' && after - e <= 2 && e > text && e[-1] == ' ' && option_follows(after)) {
      e = after - 1;
      continue;
    }
    if (lower_start(after)) continue;
    return after;
  }
  return p + strlen(p);
}

/* Sentences of a text in a language (NULL: English rules), for bullets.
 * Caller frees the array and strings. */
char **vgi_sentences_lang(const char *text, const char *lang, int *count) {
  char **v = NULL;
  int n = 0;
  const char *p = text;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *e = sentence_end(text, p, lang);
    if (e > p) {
      v = realloc(v, (size_t)(n + 1) * sizeof *v);
      v[n] = malloc((size_t)(e - p) + 1);
      memcpy(v[n], p, (size_t)(e - p));
      v[n][e - p] = 0;
      vgi_squash(v[n]);
      if (*v[n]) n++; else free(v[n]);
    }
    p = e;
  }
  *count = n;
  return v;
}

char **vgi_sentences(const char *text, int *count) { return vgi_sentences_lang(text, NULL, count); }

/* Words a headline may end before: the start of a relative clause, a
 * conjunction, a preposition (the languages of lua/vg/i18n.lua that put
 * spaces between words; lower case). A headline cut there reads as a
 * phrase ("The Internet is a network of networks"), not a broken sentence. */
static const char *const joiners[] = {
  "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "since", "although",
  "though", "unless", "if", "so", "but", "and", "or", "as", "by", "for", "from", "in", "into", "on",
  "onto", "over", "through", "to", "under", "using", "via", "with", "without", "within", "after",
  "before", "during", "between", "about", "of", "at", "than", "like", "such",
  "der", "die", "das", "dem", "den", "des", "und", "oder", "aber", "weil", "dass", "da", "wenn",
  "wie", "mit", "für", "von", "bei", "durch", "über", "unter", "ohne", "nach", "vor", "um", "auf",
  "zu", "im", "an", "als", "zum", "zur", "vom", "beim",
  "qui", "que", "dont", "où", "et", "ou", "mais", "car", "parce", "quand", "avec", "pour", "par",
  "dans", "sur", "sous", "sans", "en", "de", "du", "des", "à", "au", "aux", "comme",
  "quien", "donde", "cuando", "porque", "y", "o", "pero", "con", "para", "por", "del", "sin",
  "sobre", "como", "e", "mas", "com", "em", "do", "da", "dos", "das", "no", "na", "che", "chi",
  "dove", "perché", "ma", "per", "di", "della", "nel", "nella", "su", "senza",
  "dat", "wat", "waar", "wanneer", "omdat", "en", "of", "maar", "met", "voor", "van", "door", "op",
  "bij", "zonder",
  "который", "которая", "которые", "которое", "что", "где", "когда", "потому", "и", "или", "но",
  "с", "для", "от", "в", "на", "по", "при", "без", "как", "из", "чтобы",
  /* more prepositions and conjunctions: a headline that ends on one of
   * these stops mid-phrase ("durchgängig anhand", "объяснение того") */
  "however", "whether", "until", "across", "against", "along", "among", "around", "behind", "below",
  "beyond", "despite", "except", "inside", "outside", "per", "toward", "towards", "upon", "whereas",
  "including", "versus", "nor", "yet",
  "anhand", "mittels", "gemäß", "trotz", "während", "wegen", "statt", "anstatt", "innerhalb",
  "außerhalb", "bis", "seit", "gegen", "aus", "hinter", "neben", "zwischen", "per", "sowie", "sowohl",
  "sofern", "falls", "ob", "damit", "indem", "obwohl", "allerdings", "jedoch", "sondern", "bzw",
  "lorsque", "puisque", "si", "afin", "entre", "vers", "chez", "selon", "malgré", "pendant", "depuis",
  "jusqu", "cependant", "toutefois", "quoique", "aussi",
  "aunque", "mientras", "desde", "hasta", "hacia", "según", "durante", "mediante", "sino", "al",
  "se", "quando", "mentre", "tra", "fra", "da", "dal", "dalla", "dei", "delle", "con", "tramite",
  "però", "enquanto", "até", "pelo", "pela", "ao", "aos", "mesmo",
  "om", "tot", "tussen", "naar", "uit", "tijdens", "hoewel", "terwijl", "zodat",
  "если", "хотя", "к", "о", "об", "у", "за", "под", "над", "перед", "через", "между", "про", "до",
  "после", "со", "во", "ко", "а", "либо", "также", "которых", "которым", "которой", "котором",
  "которого", "ли", "чем", "однако",
  /* Greek and Ukrainian ("… με χρήση των", "… пояснення того," were
   * headlines) */
  "και", "ή", "αλλά", "με", "σε", "για", "από", "ως", "που", "όταν", "αν", "στο", "στη", "στην", "στον",
  "στα", "στις", "στους", "προς", "χωρίς", "κατά", "μετά", "πριν", "ότι", "ενώ", "επειδή",
  "і", "й", "та", "або", "але", "що", "який", "яка", "які", "яке", "де", "коли", "з", "із", "зі", "від",
  "у", "при", "між", "щоб",
  /* Indonesian and Malay ("… yang dapat diubah dengan", "… yang") */
  "yang", "dan", "atau", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "oleh", "karena",
  "jika", "bahwa", "sebagai", "tetapi", "agar", "supaya", "seperti", "tentang", "antara", "melalui",
  "tanpa", "hingga", "sampai", "ketika", "serta", "bagi", "kepada", "daripada", "maupun", "dapat",
  /* Polish, Czech and Slovak ("… w", "… z", "… na") */
  "w", "z", "ze", "od", "przez", "dla", "bez", "przy", "pod", "nad", "oraz", "lub", "albo",
  "ale", "że", "aby", "żeby", "który", "która", "które", "którego", "której", "których", "którym",
  "gdy", "kiedy", "jeśli", "jeżeli", "ponieważ", "czy", "jak", "ani", "między", "przed", "według",
  "podczas", "dzięki", "wśród", "v", "ve", "k", "ke", "při", "který", "která", "které",
  "nebo", "když", "protože", "pre", "ktorý", "ktorá", "ktoré", "alebo", "keď",
  /* Turkish and Vietnamese */
  "ve", "veya", "ile", "için", "gibi", "ama", "fakat", "ki", "và", "của", "cho", "với", "trong", "để",
  "từ", "hoặc", "nhưng", "khi",
  /* more of Polish, Czech and Slovak ("… gdzie", "… niż"; lower-case "i",
   * their "and", is one too: is_joiner) */
  "bo", "lecz", "gdzie", "co", "czego", "czym", "którą", "którymi", "któremu", "poprzez", "zamiast", "niż",
  "aż", "dopóki", "zanim", "chociaż", "choć", "jako", "więc", "dlatego", "jednak", "ku", "spośród", "około",
  "wobec", "względem", "mimo", "oprócz", "pomiędzy", "jenž", "jež", "což", "kde", "kdy", "pokud", "jestliže",
  "mezi", "před", "podle", "během", "díky", "pro", "přes", "než", "zda", "či", "však", "proto", "že",
  "pretože", "kedy", "ak", "ako", "medzi", "pred", "podľa", "počas", "vďaka", "cez", "ktorého", "ktorej",
  "ktorých", "ktorým", "ktorú", "ktorí", "ktoří",
  /* Serbian in both its alphabets, Croatian, Bosnian and Slovenian ("Ако
   * увидите да странице упутства" stopped before "и"; not "као", "kao",
   * "kot", "as", which a participle before them waits for: "познатих |
   * као кат странице") */
  "или", "али", "да", "који", "која", "које", "којег", "којем", "којој", "којим", "којих", "којима", "што",
  "где", "када", "кад", "ако", "јер", "док", "пошто", "како", "са", "за", "од", "кроз", "између", "према",
  "због", "након", "пре", "после", "нити", "него", "већ", "уз", "ка", "код", "ради", "уколико", "иако",
  "ili", "ali", "koji", "koja", "koje", "kojeg", "kojem", "kojim", "kojih", "kojima", "što", "gde", "gdje",
  "kada", "kad", "ako", "jer", "dok", "pošto", "kako", "sa", "za", "iz", "kroz", "između", "prema", "zbog",
  "nakon", "prije", "posle", "poslije", "niti", "nego", "već", "uz", "ka", "kod", "radi", "ukoliko",
  "iako", "ki", "ko", "če", "pa", "brez", "med", "pri", "po", "skozi", "zaradi", "kjer", "kadar",
  "ker", "saj", "toda", "ampak", "vendar", "čeprav",
  /* more of Ukrainian and Russian, Bulgarian and Macedonian */
  "якщо", "бо", "оскільки", "ніж", "якого", "якої", "яких", "якими", "якому", "якій", "чим", "ані", "проте",
  "адже", "хоча", "поки", "наче", "которую", "которыми", "поскольку", "пока", "будто", "ибо", "ради",
  "вместо", "кроме", "около", "вокруг", "среди", "че", "който", "която", "което", "които", "когато",
  "защото", "със", "във", "чрез", "към", "след", "преди", "като", "докато", "макар", "обаче", "освен",
  "дека", "кој", "кое", "кои", "кога", "бидејќи", "со", "меѓу", "преку", "кон", "додека",
  /* Romanian, Hungarian (not their "care", "ca", "mint": English words) */
  "și", "sau", "dar", "că", "unde", "când", "dacă", "pentru", "cu", "din", "în", "pe", "prin",
  "fără", "între", "spre", "după", "deoarece", "iar", "însă", "deci", "căci", "decât",
  "és", "vagy", "hogy", "ami", "amely", "amelyek", "aki", "ahol", "amikor", "mert", "illetve",
  "valamint", "azonban", "pedig", "tehát", "amit", "amelyet", "amelynek", "amelyben",
  /* Swedish, Danish and Norwegian, Finnish, Catalan */
  "och", "eller", "att", "som", "där", "när", "för", "med", "till", "från", "på", "av", "utan", "genom",
  "mellan", "efter", "innan", "eftersom", "medan", "vilket", "vilken", "vilka", "og", "hvor", "når", "hvis",
  "fordi", "fra", "af", "uden", "uten", "gennem", "gjennom", "mellem", "mellom", "etter", "før", "mens",
  "hvilket", "hvilken", "hvilke", "ja", "tai", "mutta", "että", "joka", "jotka", "jossa", "joita", "jonka",
  "kun", "jos", "koska", "vaikka", "kuin", "sekä", "kuten", "però", "quan", "perquè", "amb", "dels", "als",
  "pel", "pels",
  /* Arabic's prepositions, conjunctions and relatives that stand as words
   * ("لا تستخدم كلمات مثل" is "don't use words such as") */
  "مثل", "في", "من", "إلى", "الى", "على", "عن", "مع", "أو", "او", "و", "أن", "ان", "إن", "التي", "الذي",
  "الذين", "اللتي", "لكن", "ولكن", "إذا", "اذا", "عندما", "حتى", "بين", "كما", "لأن", "لان", "ثم", "أي",
  "بدون", "دون", "حول", "عبر", "خلال", "قبل", "بعد", "ضد", "نحو", "لدى", "عند", "منذ", "بل", "حيث", "كي",
  "لكي", "بينما", "وفي", "ومن", "أما", "إما",
  NULL };
/* ... and words a headline never ends with (articles, besides the above) */
static const char *const articles[] = { "the", "a", "an", "this", "these", "its", "their", "your",
  "ein", "eine", "einen", "einem", "einer", "le", "la", "les", "l'", "un", "une", "el", "los",
  "las", "una", "il", "lo", "gli", "os", "as", "um", "uma", "het", "een", "is", "are", "ist", "sind",
  "est", "es", "è", "é", "это", "tel", "telle", "tels", "such", "so", "solch", "solche",
  /* demonstratives that point at the rest of the sentence ("… als auch
   * solche, die …", "… и те, которые …") */
  "those", "solchen", "solcher", "diejenigen", "derjenige", "diejenige", "jene", "jenen", "dessen",
  "deren", "ceux", "celles", "celui", "celle", "ce", "aquellos", "aquellas", "aquel", "quelli",
  "quelle", "quello", "ciò", "aqueles", "aquelas", "aquele", "degene", "diegene", "datgene",
  "те", "тех", "тем", "теми", "того", "тот", "та", "то", "ту", "такие", "такой", "такая", "такое",
  "таких", "этого", "этих", "тому", "том",
  /* ... Ukrainian's ("… так і ті, для використання яких …") */
  "ті", "тих", "тим", "тими", "той", "тієї", "тій", "тою", "такі", "такий", "таке", "така",
  /* copulas and auxiliaries of Indonesian, Polish, Czech, Turkish, Vietnamese */
  "adalah", "ialah", "merupakan", "akan", "sudah", "telah", "jest", "są", "był", "była", "było",
  "będzie", "je", "jsou", "bir", "là", "được", "sẽ",
  /* ... of Serbian, Croatian, Romanian, Hungarian, Swedish, Danish, Norwegian */
  "је", "су", "бити", "biti", "sunt", "este", "az", "egy", "ett", "är", "er", "ist",
  /* (Romanian's "which", said before its clause's comma: "variabile de mediu care, | dacă …";
   * Serbian's and Slovenian's "as", which no headline ends on either: "под директоријумом као |
   * што је") */
  "care", "као", "kao", "kot",
  /* Greek articles */
  "ο", "η", "το", "οι", "τα", "του", "της", "των", "τον", "την", "τη", "τους", "τις", "ένα", "μια", "μία", "ένας",
  /* English adverbs that wait for what they qualify ("is often | the …") */
  "often", "also", "very", "more", "most", "not", "only", "just", "usually", "always",
  /* English quantifiers that wait for their noun ("the order of various |
   * timing runs": "timing" looks like a gerund) */
  "various", "several", "multiple", "numerous", "different", "certain", "many", "some", "any", "each", "every",
  "both", "other", "few", NULL };

/* English pronouns that are only ever a subject: the verb follows them. */
static const char *const subject_pronouns[] = { "i", "we", "they", "he", "she", NULL };

static int in_list(const char *const *list, const char *w, size_t n) {
  char t[64];
  /* the word without the quotes, brackets and punctuation around it */
  while (n && strchr("\"'(", *w)) w++, n--;
  while (n && strchr(",.;:!?\"')", w[n - 1])) n--;
  if (n == 0 || n >= sizeof t) return 0;
  /* an acronym is no function word ("MIT", "OR" in a licence) */
  if (n >= 2 && isupper((unsigned char)w[0]) && isupper((unsigned char)w[1])) return 0;
  for (size_t i = 0; i < n; i++) t[i] = (char)tolower((unsigned char)w[i]);
  t[n] = 0;
  /* Cyrillic capitals (U+0400..U+042F) to lower case: "Который", "Јер";
   * Latin-1's and Latin Extended-A's: "Żeby", "Či", "Är" */
  for (size_t i = 0; i + 1 < n; i++) {
    unsigned char a = (unsigned char)t[i], b = (unsigned char)t[i + 1];
    if (a == 0xD0 && b >= 0x90 && b <= 0x9F) t[i + 1] = (char)(b + 0x20);
    else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) { t[i] = (char)0xD1; t[i + 1] = (char)(b - 0x20); }
    else if (a == 0xD0 && b >= 0x80 && b <= 0x8F) { t[i] = (char)0xD1; t[i + 1] = (char)(b + 0x10); }
    else if (a == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97) t[i + 1] = (char)(b + 0x20);
    else if (a == 0xC4 || a == 0xC5) {
      /* (upper case is even in U+0100..U+0137 and U+014A..U+0177, odd in
       * U+0139..U+0148 and U+0179..U+017E: "Ł", "Ż") */
      unsigned cp = ((a & 0x1Fu) << 6) | (b & 0x3Fu);
      int odd = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
      int even = (cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
      if ((odd && (cp & 1)) || (even && !(cp & 1))) {
        cp++;
        t[i] = (char)(0xC0 | (cp >> 6));
        t[i + 1] = (char)(0x80 | (cp & 0x3F));
      }
    }
    if (a >= 0xC0) i++;
  }
  return vgi_list_has(list, t);
}

/* A joining word (joiners), or a lower-case "i", the "and" of Polish,
 * Czech, Slovak, Serbian, Croatian and Catalan (English writes its "I"
 * upper-case). */
static int is_joiner(const char *w, size_t n) {
  size_t a = 0, b = n;
  while (a < b && strchr("\"'(", w[a])) a++;
  while (b > a && strchr(",.;:!?\"')", w[b - 1])) b--;
  if (b - a == 1 && w[a] == 'i') return 1;
  return in_list(joiners, w, n);
}

/* An English participle that starts a phrase ("spanning the globe"). */
static int ing_word(const char *w, size_t n) {
  return n >= 6 && !strncmp(w + n - 3, "ing", 3) && islower((unsigned char)w[0]);
}

/* Characters (code points) of s. */
static size_t u8len(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

/* Does s[0..n) end with one of the UTF-8 suffixes? */
static int ends_with_any(const char *s, size_t n, const char *const *suf) {
  for (int k = 0; suf[k]; k++) {
    size_t m = strlen(suf[k]);
    if (m <= n && !memcmp(s + n - m, suf[k], m)) return 1;
  }
  return 0;
}

/* German puts the verb last in a subordinate clause and the participle or
 * infinitive last after an auxiliary, so a headline cut inside either
 * leaves the verb out ("um einen hilfreichen Einblick", "ist ihr Inhalt
 * durchgängig"). German is told by its function words. */
static const char *const de_words[] = { "der", "das", "und", "ist", "nicht", "mit", "sich", "auf",
  "ein", "eine", "einen", "dem", "den", "des", "für", "von", "wird", "werden", "kann", "kannst",
  "du", "sind", "auch", "zu", "wie", "oder", "ihr", "sie", NULL };
static const char *const de_sub[] = { "um", "dass", "weil", "wenn", "ob", "damit", "indem", "sofern",
  "falls", "obwohl", "während", "die", "der", "das", "den", "dem", "deren", "dessen", "wo", "was",
  "wie", "welche", "welcher", "welches", "bevor", "nachdem", "sodass", "als", "bis", NULL };
static const char *const de_aux[] = { "ist", "sind", "wird", "werden", "wurde", "wurden", "hat",
  "haben", "hatte", "kann", "kannst", "können", "konnte", "muss", "musst", "müssen", "soll",
  "sollte", "sollten", "solltest", "will", "willst", "wollen", "möchte", "möchtest", "darf",
  "dürfen", "lässt", "lassen", NULL };
/* Korean ends a clause with its verb: a word that ends in a connective
 * ending or a case particle ("사랑한다면", "설정한 다음") leaves it out. */
static const char *const ko_open[] = { "면", "고", "서", "며", "지만", "는데", "니까", "도록", "거나",
  "든지", "려고", "와", "과", "를", "을", "의", "에", "로", "에서", "에게", "처럼", "보다", "는", "은",
  "도", "다음", "후", "뒤", "때", "전", "위해", "및", "것", "둘",
  /* "…기억해 두고 있다가, …": and then; because; only if */
  "다가", "므로", "어야", "아야", NULL };

/* Words that open a subordinate clause at the start of a sentence ("If
 * …", "Um … zu", "Для того, чтобы …"): a headline keeps a main clause too. */
static const char *const lead_sub[] = { "if", "when", "while", "because", "since", "although",
  "though", "unless", "to", "once", "whether", "as", "before", "after",
  "um", "wenn", "weil", "damit", "obwohl", "falls", "da", "dass", "ob", "während", "nachdem",
  "bevor", "sofern", "indem", "als", "si", "pour", "quand", "lorsque", "afin", "puisque", "comme",
  "para", "cuando", "aunque", "porque", "como", "mientras", "per", "quando", "poiché",
  "mentre", "embora", "enquanto", "om", "wanneer", "omdat", "hoewel", "если", "для", "чтобы",
  "когда", "хотя", "потому", "пока", "после", "перед",
  /* Slavic, Romanian, Hungarian, Finnish, Turkish, Catalan ("Ако увидите да
   * …, обратите се …": the main clause is the headline) */
  "ако", "када", "кад", "иако", "пошто", "док", "уколико", "ako", "kada", "kad", "iako", "pošto", "dok",
  "ukoliko", "če", "čeprav", "ker", "jeśli", "jeżeli", "gdy", "kiedy", "chociaż", "choć", "ponieważ", "aby",
  "żeby", "dopóki", "zanim", "skoro", "pokud", "když", "jestliže", "protože", "ačkoli", "zatímco", "ak",
  "keď", "pretože", "hoci", "якщо", "коли", "хоча", "оскільки", "щоб", "поки", "когато", "макар",
  "защото", "докато", "dacă", "când", "deși", "deoarece", "ha", "amikor", "mivel", "bár", "jos", "kun",
  "koska", "vaikka", "jotta", "eğer", "quan", "perquè",
  /* Swedish, Danish and Norwegian, whose main clause then starts with its
   * verb as German's does (not_v2_lead) */
  "om", "när", "eftersom", "medan", "innan", "hvis", "når", "fordi", "selvom", "mens", "før",
  /* Hindi, Arabic, Hebrew, Persian, Greek, Vietnamese, Indonesian ("यदि …,
   * …": if; when; because; although) */
  "यदि", "अगर", "जब", "क्योंकि", "हालांकि", "हालाँकि", "जबकि", "ताकि", "إذا", "اذا", "لو", "عندما", "لأن",
  "بينما", "رغم", "لكي", "אם", "כאשר", "מכיוון", "כיוון", "למרות", "כדי", "اگر", "وقتی", "هنگامی", "چون",
  "زیرا", "اگرچه", "هرچند", "αν", "εάν", "όταν", "επειδή", "ενώ", "αφού", "nếu", "khi", "vì", "mặc", "tuy",
  "jika", "kalau", "apabila", "ketika", "karena", "meskipun", "walaupun", "agar", "supaya", NULL };
/* The word that opens a main clause after an opening one ("If …, then
 * …", "Если …, то …", "Si …, alors …"). */
static const char *const correlatives[] = { "then", "\xD1\x82\xD0\xBE", "\xD1\x82\xD0\xBE\xD0\xB3\xD0\xB4\xD0\xB0",
  "\xD1\x82\xD0\xBE\xD0\xB4\xD1\x96", "alors", "entonces", "allora", "ent\xC3\xA3o", NULL };   /* то тогда тоді */
/* Russian adjective endings: "найти простое и подробное объяснение" is
 * not cut between the adjective and its noun. */
static const char *const ru_adj[] = { "ое", "ый", "ий", "ая", "яя", "ые", "ую", "ого", "ому", "ым",
  "ыми", "ими", NULL };

/* 1 when the first word of s opens a subordinate clause ("If …", "Um …"). */
int vgi_lead_clause(const char *s) {
  while (*s == ' ') s++;
  size_t n = 0;
  while (s[n] && s[n] != ' ') n++;
  return in_list(lead_sub, s, n);
}

/* 1 when the words of t[0, end) (to the clause's end at a clause mark)
 * hold the verb of a subject before t: an auxiliary that no relative
 * pronoun or conjunction of its own opened ("such as integers that have a
 * known size | are stored"; not "such as those that are built"). */
int vgi_verb_after(const char *t, size_t end) {
  static const char *const openers[] = { "that", "which", "who", "whom", "whose", "where", "when", "if",
    "because", "since", "while", "whereas", "although", "though", "unless", "until", "once", "and", "or",
    "but", "so", "than", NULL };
  static const char *const subjects[] = { "it", "they", "we", "you", "he", "she", "i", "there", "this", NULL };
  static const char *const between[] = { "not", "also", "still", "only", "then", "already", "always", "never",
    "often", "usually", "now", "to", NULL };
  int pending = 0, subject = 0, group = 0;
  for (size_t q = 0; q < end && t[q];) {
    while (q < end && t[q] == ' ') q++;
    size_t wl = strcspn(t + q, " ");
    if (q + wl > end) wl = end - q;
    size_t bl = wl;
    while (bl && strchr(",;:.!?)", t[q + bl - 1])) bl--;
    if (bl == 1 && strchr("*-+", t[q])) break;   /* a list's mark inside the text ("… * M is …") */
    int aux = in_list(vgi_aux_verbs, t + q, bl);
    /* (a pronoun's own verb: "… because it is"; one verb of several
     * words: "which can also be downloaded", "is to be") */
    if (aux && !subject && !group) {
      if (!pending) return 1;
      pending--;
    } else if (!aux && in_list(openers, t + q, bl)) {
      pending++;
    }
    group = aux || (group && (in_list(between, t + q, bl) || (bl > 2 && !strncmp(t + q + bl - 2, "ly", 2))));
    subject = in_list(subjects, t + q, bl);
    if (bl < wl || !wl) break;   /* the clause ends with this word */
    q += wl;
  }
  return 0;
}

/* Is t[i] inside a run of Latin words of a Chinese or Japanese text: an
 * ASCII letter, digit or mark before it (over spaces) and one at or after
 * it, a letter or digit on one side ("Bash on | Ubuntu", "python | -m",
 * "ctrl-x | ctrl-e")? A cut there leaves half a name or a command. */
static int inside_latin_run(const char *t, size_t i) {
  size_t a = i, b = i;
  while (a && t[a - 1] == ' ') a--;
  while (t[b] == ' ') b++;
  if (!a || !t[b]) return 0;
  unsigned char p = (unsigned char)t[a - 1], q = (unsigned char)t[b];
  return p < 0x80 && q < 0x80 && isgraph(p) && isgraph(q) && (isalnum(p) || isalnum(q));
}

/* cjk: the text is mostly Chinese or Japanese with Latin names set off by
 * spaces, so a space between two Latin words is inside a name */
typedef struct { const char *t; const size_t *ws, *we; int n, german, cjk; } hl_words;

/* German enough for its word order: two of the words are German ones */
static int german_words(const char *t, const size_t *ws, const size_t *we, int n) {
  int de = 0;
  for (int i = 0; i < n; i++) de += in_list(de_words, t + ws[i], we[i] - ws[i]);
  return de >= 2;
}

/* Prepositions that open an adjunct of place, time, purpose or
 * means ("forward packets | toward their destinations"); not "of", "de",
 * "di", "van", which bind to their noun, nor "to", whose infinitive a verb
 * may need ("will endeavor | to keep"). */
static const char *const adjunct_prep[] = { "on", "in", "at", "with", "by", "from", "using", "via", "during",
  "through", "across", "over", "under", "within", "into", "after", "before", "since", "until", "for",
  "between", "among", "around", "along", "towards", "toward", "against", "behind", "beyond", "throughout",
  "per", "sur", "dans", "avec", "par", "pendant", "pour", "après", "avant", "depuis", "vers", "entre",
  "mit", "bei", "durch", "während", "für", "nach", "vor", "seit", "über", "um", "zwischen", "gegen",
  "con", "en", "durante", "para", "por", "desde", "hasta", "hacia", "mediante", "sobre", "tramite", "dopo",
  "prima", "verso", "com", "através", "após", "antes", "met", "voor", "door", "tijdens", "na", "naar",
  "через", "для", "при", "после", "перед", "во", "с", NULL };

/* An English past participle: "-ed" in lower case, not a word that only
 * ends so ("speed", "need", "embed", "hundred"); of "-eed" words, only
 * those of a verb in "-ee" ("agreed", "guaranteed"). */
static int past_participle(const char *w, size_t n) {
  if (n < 4 || !islower((unsigned char)w[0]) || strncmp(w + n - 2, "ed", 2)) return 0;
  if (n >= 3 && w[n - 3] == 'e')
    return ends_with_any(w, n, (const char *const[]){ "agreed", "freed", "guaranteed", "decreed", "refereed", NULL });
  return !in_list((const char *const[]){ "embed", "hundred", "indeed", "naked", "wicked", "sacred", "kindred",
                                         "rugged", "ragged", "shred", "shed", "bred", "sled", "infrared", NULL }, w, n);
}

/* English verbs a headline must not end on without their object, in the
 * forms that are verbs whatever comes before them ("provides | …",
 * "to read | from …"): their base form only after "to" or a modal. */
static const char *const transitive[] = { "provide", "offer", "allow", "support", "include", "contain",
  "require", "use", "make", "give", "take", "read", "write", "create", "build", "install", "enable", "let",
  "get", "set", "add", "describe", "explain", "show", "generate", "produce", "implement", "define", "handle",
  "manage", "store", "load", "send", "receive", "decode", "encode", "parse", "compile", "call", "return",
  "accept", "replace", "expose", "export", "import", "convert", "display", "open", "find", "keep", "put",
  "bring", "mean", "share", "access", "capture", "extract", "render", "print", NULL };

static int transitive_verb(const hl_words *h, int i) {
  const char *w = h->t + h->ws[i];
  size_t n = h->we[i] - h->ws[i];
  if (!n || !islower((unsigned char)w[0]) || n >= 40) return 0;
  char base[40];
  memcpy(base, w, n);
  base[n] = 0;
  int third = 0;
  if (n > 3 && !strcmp(base + n - 3, "ies")) { strcpy(base + n - 3, "y"); third = 1; }
  else if (n > 3 && (!strcmp(base + n - 4, "sses") || !strcmp(base + n - 4, "ches") || !strcmp(base + n - 4, "shes") ||
                     !strcmp(base + n - 3, "xes")))
    base[n - 2] = 0, third = 1;
  else if (n > 2 && base[n - 1] == 's' && base[n - 2] != 's') base[n - 1] = 0, third = 1;
  if (!in_list(transitive, base, strlen(base))) return 0;
  if (i == 0) return 0;
  const char *p = h->t + h->ws[i - 1];
  size_t pl = h->we[i - 1] - h->ws[i - 1];
  if (strchr(",;:", p[pl - 1])) return 0;
  /* "the offers", "its uses": a noun after an article */
  if (third) return !in_list(articles, p, pl) && !in_list((const char *const[]){ "of", "many", "some", "all", "few", "two",
                                                                                 "several", "other", "such", "more", NULL }, p, pl);
  return in_list((const char *const[]){ "to", "can", "could", "will", "would", "shall", "should", "must", "may",
                                        "might", "cannot", "please", NULL }, p, pl);
}

static const char *const preps_of_adjective[] = { "with", "to", "of", "for", "from", "on", "in", NULL };

static int aux_or_modal(const char *w, size_t n) { return in_list(vgi_aux_verbs, w, n); }

/* Is the cut after the first k words (k < n) inside a phrase: after an
 * infinitive or a verb still waiting for its object ("provides functions
 * to read | from …"), after the verb of a relative clause, after an
 * adjective or a participle its phrase completes, even after a comma ("a
 * newsgroup, "comp.lang.tcl", intended | for …"), before an "and" or "or"
 * that joins a short member of a coordination ("faster compression | and
 * decompression speed"), or inside an aside between commas whose verb
 * comes after it ("The levels, specified | with X, offer …")? English
 * only: other languages keep their own rules. */
/* 1 when the lower-case word w (n bytes, no stop after it) ends as English
 * adjectives do ("external", "dynamic", "relative", "various", "portable"). */
static int adjective_ending(const char *w, size_t n) {
  static const char *const ends[] = { "al", "ic", "ive", "ous", "able", "ible", "ful", "less", "ary", "ular", "ent",
                                      "ant", NULL };
  if (n < 4 || !islower((unsigned char)*w)) return 0;
  for (size_t q = 0; q < n; q++)
    if (!islower((unsigned char)w[q])) return 0;
  for (int i = 0; ends[i]; i++) {
    size_t el = strlen(ends[i]);
    if (n > el + 1 && !memcmp(w + n - el, ends[i], el)) return 1;
  }
  return 0;
}

/* 1 when w (n bytes) is a word of letters, with no stop after it. */
static int letter_word(const char *w, size_t n) {
  if (!n) return 0;
  for (size_t q = 0; q < n; q++)
    if (!isalpha((unsigned char)w[q]) && (unsigned char)w[q] < 0x80 && w[q] != '-') return 0;
  return 1;
}

/* 1 when a cut before word k of h falls between modifiers coordinated
 * before their one noun ("the default external | and internal character
 * encodings", "pre- | and post-processing"): the word before "and" (or
 * "or") and the word after it are both adjectives by their ending, and a
 * word follows the second (the noun they share). */
static int coordinated_modifiers(const hl_words *h, int k) {
  if (k < 1 || k + 2 >= h->n) return 0;
  const char *t = h->t, *w = t + h->ws[k - 1], *nx = t + h->ws[k];
  size_t wl = h->we[k - 1] - h->ws[k - 1], nl = h->we[k] - h->ws[k];
  if (!in_list((const char *const[]){ "and", "or", NULL }, nx, nl)) return 0;
  if (wl >= 2 && w[wl - 1] == '-' && isalpha((unsigned char)w[wl - 2])) return 1;
  return adjective_ending(w, wl) && adjective_ending(t + h->ws[k + 1], h->we[k + 1] - h->ws[k + 1]) &&
         letter_word(t + h->ws[k + 2], h->we[k + 2] - h->ws[k + 2]);
}

static int inside_phrase(const hl_words *h, int k) {
  const char *t = h->t;
  if (k < 2 || k >= h->n) return 0;
  const char *w = t + h->ws[k - 1];
  size_t wl = h->we[k - 1] - h->ws[k - 1], bl = wl;
  while (bl && strchr(",.;:!?\"')", w[bl - 1])) bl--;
  if (bl < wl && strchr(".;:!?", w[bl])) return 0;
  const char *nx = t + h->ws[k];
  size_t nl = h->we[k] - h->ws[k];
  int comma = bl < wl && w[bl] == ',';
  /* a verb without its object */
  if (!comma && transitive_verb(h, k - 1)) return 1;
  /* the verb of a relative clause before its object ("features were added
   * that necessitated | extending …") */
  if (!comma && k >= 2 && in_list((const char *const[]){ "that", "which", "who", NULL }, t + h->ws[k - 2],
                                  h->we[k - 2] - h->ws[k - 2]) &&
      (past_participle(w, bl) || (bl > 3 && w[bl - 1] == 's' && islower((unsigned char)*w))) &&
      !is_joiner(nx, nl))
    return 1;
  /* an adjective whose phrase completes it ("to be consistent | with
   * …", "is compatible | with …") */
  if (!comma && in_list(preps_of_adjective, nx, nl) &&
      in_list((const char *const[]){ "consistent", "compatible", "incompatible", "similar", "identical", "equivalent",
                                     "equal", "responsible", "subject", "specific", "prone", "capable", "aware",
                                     "independent", "dependent", "different", "due", "able", "unable", "familiar",
                                     "according", "related", "relative", "close", "comparable", "analogous",
                                     "interoperable", "contrary", "sensitive", "immune", "accessible", "applicable",
                                     "suitable", "liable", "free", NULL }, w, bl))
    return 1;
  /* a participle after a noun, or after a comma, that the phrase after it
   * completes ("the name used | by …", "identifiers starting | with …"
   * after a plural, "a newsgroup, "…", intended | for …"); a passive verb
   * may end ("is used | by") */
  if (!comma && (past_participle(w, bl) || (ing_word(w, bl) && t[h->we[k - 2] - 1] == 's')) && is_joiner(nx, nl) &&
      !in_list((const char *const[]){ "and", "or", "but", "which", "that", "so", "as", "if", "when", "while", NULL },
               nx, nl) &&
      !aux_or_modal(t + h->ws[k - 2], h->we[k - 2] - h->ws[k - 2]) &&
      !(k >= 3 && aux_or_modal(t + h->ws[k - 3], h->we[k - 3] - h->ws[k - 3]) &&   /* "is currently working | on" */
        h->we[k - 2] - h->ws[k - 2] > 2 && !strncmp(t + h->we[k - 2] - 2, "ly", 2)) &&
      !in_list((const char *const[]){ "also", "still", "now", "not", "already", "often", NULL }, t + h->ws[k - 2],
               h->we[k - 2] - h->ws[k - 2]) &&
      !in_list((const char *const[]){ "and", "or", "not", "been", "being", "get", "gets", "got", "become", "becomes",
                                     NULL }, t + h->ws[k - 2], h->we[k - 2] - h->ws[k - 2]))
    return 1;
  if (coordinated_modifiers(h, k)) return 1;
  /* a short member of a coordination after the cut: "and" or "or", then
   * up to three words with no verb before the next break */
  if (!comma && in_list((const char *const[]){ "and", "or", NULL }, nx, nl) && islower((unsigned char)*nx) &&
      k + 1 < h->n && !in_list(adjunct_prep, t + h->ws[k + 1], h->we[k + 1] - h->ws[k + 1])) {
    int m = k + 1, verb = 0, closed = 0;   /* closed: the member ends at a preposition or the clause's end */
    for (; m < h->n && m - k <= 4; m++) {
      const char *v = t + h->ws[m];
      size_t vl = h->we[m] - h->ws[m], vb = vl;
      while (vb && strchr(",.;:!?\"')", v[vb - 1])) vb--;
      /* ("of" goes on with the member's noun: "and any of A, B or C") */
      if (m > k + 1 && (is_joiner(v, vb) || in_list(articles, v, vb)) &&
          !in_list((const char *const[]){ "of", NULL }, v, vb)) {
        closed = in_list(adjunct_prep, v, vb) || in_list((const char *const[]){ "to", NULL }, v, vb);
        break;
      }
      if (aux_or_modal(v, vb) || past_participle(v, vb) ||
          in_list((const char *const[]){ "it", "they", "we", "you", "he", "she", "there", "then", "also", "not",
                                         "so", "thus", "can", "cannot", NULL }, v, vb))
        verb = 1;
      /* a verb in "-s" before its object ("and weighs 3 kg", "and offers a …") */
      if (m == k + 1 && vb > 2 && v[vb - 1] == 's' && m + 1 < h->n &&
          (in_list(articles, t + h->ws[m + 1], h->we[m + 1] - h->ws[m + 1]) || isdigit((unsigned char)t[h->ws[m + 1]])))
        verb = 1;
      if (vb < vl) { closed = strchr(".;:!?", v[vb]) != NULL; m++; break; }
    }
    if (m == h->n) closed = 1;
    if (!verb && closed && m - k - 1 <= 3 && m - k - 1 >= 1) return 1;
  }
  /* inside an aside that a comma opens and closes before the verb, or at
   * its opening comma */
  int open = -1;
  if (comma) open = k;
  for (int i = k - 1; i >= 1 && open < 0; i--) {
    if (strchr(",;:", t[h->we[i - 1] - 1])) { open = i; break; }
  }
  /* (the words before it hold no verb: "The levels, specified …") */
  for (int i = 0; i < open && open > 0; i++)
    if (aux_or_modal(t + h->ws[i], h->we[i] - h->ws[i])) open = -1;
  if (open > 0 && k - open <= 4 && open < h->n) {
    const char *f = t + h->ws[open];
    size_t fl = h->we[open] - h->ws[open];
    size_t fb = fl;
    while (fb && strchr(",.;:!?\"')", f[fb - 1])) fb--;
    if (past_participle(f, fb) || ing_word(f, fb) ||
        in_list((const char *const[]){ "with", "by", "for", "from", "in", "on", "at", "via", "using", NULL }, f, fb)) {
      for (int q = open; q < h->n && q - open < 5; q++) {
        if (q < k || !strchr(",", t[h->we[q] - 1])) continue;
        /* (not a series that goes on: "…, reflecting A, B, and C") */
        int series = 0;
        for (int r = q + 1; r < h->n && r <= q + 2 && !series; r++)
          series = strchr(",;", t[h->we[r] - 1]) || in_list((const char *const[]){ "and", "or", NULL }, t + h->ws[r],
                                                                h->we[r] - h->ws[r]);
        if (q + 1 < h->n && islower((unsigned char)t[h->ws[q + 1]]) && !series &&
            !is_joiner(t + h->ws[q + 1], h->we[q + 1] - h->ws[q + 1]) &&
            !in_list(lead_sub, t + h->ws[q + 1], h->we[q + 1] - h->ws[q + 1]) &&
            !in_list(articles, t + h->ws[q + 1], h->we[q + 1] - h->ws[q + 1]))
          return 1;
        break;
      }
    }
  }
  return 0;
}

/* 1 when t cut at byte `cut` (at a word's end) stops inside a phrase, as
 * inside_phrase tells. */
int vgi_cut_in_phrase(const char *t, size_t cut) {
  size_t ws[96], we[96];
  int n = vgi_split_words(t, ws, we, 96), k = 0;
  while (k < n && ws[k] < cut) k++;   /* the words that start before the cut */
  hl_words hw = { t, ws, we, n, german_words(t, ws, we, n), 0 };
  return !hw.german && inside_phrase(&hw, k);
}

/* 1 when a cut after word k - 1 is inside or at the end of an opening
 * phrase that the first comma closes before its main clause's subject
 * ("Early in the Oh My Zsh world, | we may …", "Whenever using this with
 * server.close, | calling this … is recommended"): a preposition, an
 * adverb or a gerund first (an opening "If …," is vgi_headline's lead
 * clause), no verb of its own before the comma ("At this time jq has …, |
 * mostly …" has one), and after it a subject pronoun or a subject whose
 * verb the clause holds. Alone, such a phrase says nothing. Not in German,
 * whose main clause opens with its verb. */
static int opening_alone(const hl_words *h, int k) {
  static const char *const adverbs[] = { "early", "earlier", "late", "later", "now", "today", "here", "then",
    "sometimes", "often", "once", "whenever", "wherever", "again", "instead", "otherwise", "meanwhile",
    "unlike", "like", "given", "according", "due", "thanks", "besides", "despite", "regardless", "upon",
    "without", "throughout", NULL };
  static const char *const subjects[] = { "i", "we", "you", "they", "he", "she", "it", "there", "this", "one",
    NULL };
  const char *t = h->t;
  if (h->german || k < 2 || k >= h->n) return 0;
  /* a cut inside the phrase is one too ("Whenever using this in
   * conjunction | with server.close, …") */
  int j = 0;
  while (j < h->n - 1 && t[h->we[j] - 1] != ',') j++;
  if (j < k - 1 || j >= h->n - 1) return 0;
  k = j + 1;
  const char *f = t + h->ws[0];
  size_t fl = h->we[0] - h->ws[0];
  int opener = in_list(adjunct_prep, f, fl) || in_list(adverbs, f, fl) ||
               ing_word(f, fl) || (fl > 4 && !strncasecmp(f + fl - 2, "ly", 2));
  if (!opener || vgi_verb_after(t, h->we[k - 1])) return 0;
  const char *nx = t + h->ws[k];
  size_t nl = h->we[k] - h->ws[k];
  return (in_list(subjects, nx, nl) && !strchr(",;:", nx[nl - 1])) || vgi_verb_after(nx, strlen(nx));
}

/* Is the cut after the first k words a natural break: not after an
 * article, a preposition or a conjunction, not inside a German
 * subordinate clause or verb bracket, not after a Korean connective? */
static int modal_verb_interrupted(const char *t, size_t cut);
/* Does the Cyrillic word w[0..n) end as a verb of Ukrainian or Russian
 * does in the present ("показують", "использует", "показывается")? The
 * endings only nouns rarely have ("память" does: it costs a cut, never a
 * wrong one); not the past's -ли, -ла ("файли", "числа" are nouns). */
static int slavic_verb_end(const char *w, size_t n) {
  static const char *const ends[] = { "ють", "ять", "ить", "уть", "ают", "уют", "яют", "ует", "ает", "яет", "ає",
                                      "ує", "яє", "ся", "сь", NULL };
  if (n < 6 || (unsigned char)w[0] < 0xD0 || (unsigned char)w[0] > 0xD3) return 0;   /* (Cyrillic, 3 letters or more) */
  for (int k = 0; ends[k]; k++) {
    size_t l = strlen(ends[k]);
    if (n > l && !memcmp(w + n - l, ends[k], l)) return 1;
  }
  return 0;
}

/* Auxiliaries and modals of German and Dutch, which end a subordinate
 * clause after its verb ("…, die gesehen werden können", "… gebruikt
 * wordt"): there they end a headline too. */
static const char *const verb_last_aux[] = { "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden",
  "kann", "können", "muss", "müssen", "soll", "sollte", "hat", "haben", "darf", "zijn", "is", "wordt", "worden",
  "moet", "moeten", "heeft", "hebben", "zal", "kan", "kunnen", NULL };
/* Modals that put their subject after them when a clause opens the
 * sentence ("Indien …, kunt u | de optie … gebruiken"): the pronoun after
 * one waits for the verb */
static const char *const inverted_modals[] = { "kunt", "kan", "kunnen", "moet", "moeten", "wilt", "wil", "mag",
  "zal", "zult", "kann", "kannst", "können", "muss", "musst", "müssen", "soll", "sollst", "sollten", "darf",
  "willst", "wird", "wirst", "werden", "pouvez", "devez", "voulez", NULL };
static const char *const inverted_subjects[] = { "u", "je", "jij", "we", "wij", "ze", "zij", "hij", "men",
  "du", "wir", "ihr", "man", "vous", "nous", NULL };
/* Negations said before their verb: alone at the end, the verb is gone
 * ("fișierele rezultate nu | vor fi sincronizate") */
static const char *const negations[] = { "nu", "ne", "non", "not", "\xD0\xBD\xD0\xB5", "\xD0\xBD\xD1\x96",   /* не, ні */
  "لا", "لم", "لن", "ليس", NULL };   /* Arabic's */

/* Does the headline of words [0, k) end on a word that waits for what came
 * after it: an article, a preposition, a conjunction, a negation, an
 * auxiliary or modal without its verb ("but it has been | around",
 * "Optionen können | in … gesehen werden"), or the subject a modal put
 * after itself ("kunt u")? A German or Dutch auxiliary after a
 * lower-case word closes its clause ("… gesehen werden") and ends one. */
static int dangling_end(const hl_words *h, int k) {
  const char *t = h->t;
  const char *w = t + h->ws[k - 1];
  size_t wl = h->we[k - 1] - h->ws[k - 1];
  /* (a word that closes brackets or quotes ends the aside it closes: "(see
   * EXPANSION below)") */
  if (wl && strchr(")]\"'", w[wl - 1])) return 0;
  if (is_joiner(w, wl) || in_list(articles, w, wl) || in_list(negations, w, wl)) return 1;
  const char *p = k >= 2 ? t + h->ws[k - 2] : NULL;
  size_t pl = k >= 2 ? h->we[k - 2] - h->ws[k - 2] : 0;
  /* (a clause mark after the word before parts them: "…, u") */
  int joined = p && !strchr(",;:", p[pl - 1]);
  if (joined && in_list(inverted_subjects, w, wl) && in_list(inverted_modals, p, pl)) return 1;
  /* a subject a conjunction opens a clause with ("… but it | has been") */
  if (joined && in_list((const char *const[]){ "and", "but", "or", "so", "yet", "because", "if", "when", "while",
                                               "since", "although", "though", "unless", "once", "whether", NULL }, p, pl) &&
      in_list((const char *const[]){ "it", "you", "there", "i", "we", "they", "he", "she", NULL }, w, wl))
    return 1;
  if (!in_list(vgi_aux_verbs, w, wl) && !in_list(de_aux, w, wl)) return 0;
  if (in_list(verb_last_aux, w, wl) || in_list(de_aux, w, wl)) {
    /* the verb before it, in lower case (an English "it is" is in
     * articles, above); a noun or a capital before it leaves it waiting */
    int verb_before = joined && islower((unsigned char)p[0]) && !is_joiner(p, pl) && !in_list(articles, p, pl);
    return !verb_before;
  }
  return 1;
}

/* 1 when t cut at byte `cut` (at a word's end) ends on a word that waits
 * for what follows, as dangling_end tells. */
int vgi_dangling_end(const char *t, size_t cut) {
  size_t ws[96], we[96];
  int n = vgi_split_words(t, ws, we, 96), k = 0;
  while (k < n && ws[k] < cut) k++;   /* the words that start before the cut */
  if (!k) return 0;
  hl_words hw = { t, ws, we, n, 0, 0 };
  return dangling_end(&hw, k);
}

/* (natural_cut_at with `waits` 0 lets a cut end on a negation, an
 * auxiliary or an inverted subject, which the caller then trims off) */
static int open_correlative(const char *t, size_t cut);
/* Whether the verb w (any form: "bump", "bumps", "bumped", "bumping")
 * takes the particle p as part of its meaning ("bump into", "depend on",
 * "consist of", "refer to", "deal with", "look for"). */
static int phrasal_particle(const char *w, size_t wl, const char *p, size_t pl) {
  static const struct { const char *verb, *particle; } pairs[] = {
    { "bump", "into" }, { "run", "into" }, { "ran", "into" }, { "look", "into" }, { "depend", "on" },
    { "rely", "on" }, { "relies", "on" }, { "relied", "on" }, { "insist", "on" }, { "focus", "on" },
    { "consist", "of" }, { "refer", "to" }, { "belong", "to" }, { "conform", "to" }, { "adhere", "to" },
    { "listen", "to" }, { "deal", "with" }, { "dealt", "with" }, { "comply", "with" }, { "complies", "with" },
    { "cope", "with" }, { "look", "for" }, { "wait", "for" }, { "search", "for" }, { "account", "for" },
    { "result", "in" }, { "opt", "in" }, { "opt", "out" }, { "point", "to" }, { "lead", "to" }, { "led", "to" },
    { "apply", "to" }, { "applies", "to" }, { "switch", "to" }, { "migrate", "to" }, { "subscribe", "to" },
    { "stick", "to" }, { "stuck", "to" }, { "fall", "back" }, { "fell", "back" }, { "come", "with" },
    { "comes", "with" }, { "came", "with" }, { "ship", "with" }, { "ships", "with" }, { "get", "rid" },
    { "work", "with" }, { "interact", "with" }, { "integrate", "with" }, { "communicate", "with" } };
  char v[32], q[16];
  if (wl && strchr(",.;:!?\"')", w[wl - 1])) return 0;   /* (a mark after the verb ends its phrase) */
  if (wl >= sizeof v || pl >= sizeof q || !pl) return 0;
  while (pl && strchr(",.;:!?\"')", p[pl - 1])) pl--;
  for (size_t i = 0; i < wl; i++) v[i] = (char)tolower((unsigned char)w[i]);
  v[wl] = 0;
  for (size_t i = 0; i < pl; i++) q[i] = (char)tolower((unsigned char)p[i]);
  q[pl] = 0;
  for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
    if (strcmp(q, pairs[i].particle)) continue;
    size_t n = strlen(pairs[i].verb);
    if (strncmp(v, pairs[i].verb, n)) continue;
    const char *rest = v + n;
    /* the verb, or its forms: -s, -es, -ed, -d, -ing, a doubled last letter */
    if (!*rest || !strcmp(rest, "s") || !strcmp(rest, "es") || !strcmp(rest, "ed") || !strcmp(rest, "d") ||
        !strcmp(rest, "ing") || (rest[0] == v[n - 1] && (!strcmp(rest + 1, "ed") || !strcmp(rest + 1, "ing"))))
      return 1;
  }
  return 0;
}

static int natural_cut_at(const hl_words *h, int k, int waits) {
  const char *t = h->t;
  const char *w = t + h->ws[k - 1];
  size_t wl = h->we[k - 1] - h->ws[k - 1];
  if (is_joiner(w, wl) || in_list(articles, w, wl) || (waits && dangling_end(h, k))) return 0;
  if (h->cjk && k < h->n && inside_latin_run(t, h->ws[k])) return 0;
  /* not after a clause of one word that a semicolon or a colon opened
   * ("… ввода; необходимо, | поскольку …") */
  if (k >= 2 && strchr(",;:", w[wl - 1]) && strchr(";:", t[h->we[k - 2] - 1])) return 0;
  /* nor between a Serbian, Croatian or Slovenian modal and its "да", "da"
   * ("образац који треба | да одговара …") */
  if (k < h->n && in_list((const char *const[]){ "да", "da", NULL }, t + h->ws[k], h->we[k] - h->ws[k]) &&
      in_list((const char *const[]){ "треба", "мора", "може", "могу", "можете", "желите", "хоће", "treba", "mora",
                                     "može", "mogu", "možete", "želite", "hoće", NULL }, w, wl))
    return 0;
  if (opening_alone(h, k)) return 0;
  if (coordinated_modifiers(h, k)) return 0;
  size_t bl = wl;
  while (bl && strchr(",.;:!?\"')", w[bl - 1])) bl--;
  /* not inside a phrase whose end the cut leaves out: */
  if (k < h->n && bl == wl) {
    const char *nx = t + h->ws[k];
    size_t nl = h->we[k] - h->ws[k];
    /* an adjective before the "to" or "of" it needs ("able | to create",
     * "akin | to sed", "capable | of") */
    static const char *const needs_comp[] = { "able", "unable", "capable", "incapable", "akin", "due", "likely",
      "unlikely", "aware", "unaware", "according", "prior", "prone", "willing", "eager", "meant", "supposed", NULL };
    if (((nl == 2 && (!strncmp(nx, "to", 2) || !strncmp(nx, "of", 2))) || (nl == 4 && !strncmp(nx, "from", 4))) &&
        in_list(needs_comp, w, wl))
      return 0;
    /* a verb before the particle it means nothing without ("you may bump |
     * into an error", "it depends | on the platform", "consists | of") */
    if (phrasal_particle(w, wl, nx, nl)) return 0;
    /* a gerund after its preposition whose complement follows ("by
     * reading | from stdin") */
    if (k >= 2 && ing_word(w, wl) &&
        in_list((const char *const[]){ "by", "for", "from", "with", "without", "via", "through", "after", "before",
                                       "of", "on", "in", "about", "while", "when", NULL },
                t + h->ws[k - 2], h->we[k - 2] - h->ws[k - 2]) &&
        !strchr(",;:", t[h->we[k - 2] - 1]) && (is_joiner(nx, nl) || in_list(articles, nx, nl)))
      return 0;
    /* an adjective after a comma before its noun ("very old, unsupported |
     * operating systems"): one lower-case word after a comma, a lower-case
     * word after it that joins nothing */
    if (k >= 2 && t[h->we[k - 2] - 1] == ',' && islower((unsigned char)w[0]) && islower((unsigned char)nx[0]) &&
        !is_joiner(w, wl) && !is_joiner(nx, nl) && !in_list(articles, nx, nl) && !in_list(lead_sub, w, wl) &&
        !in_list(lead_sub, nx, nl) && !in_list(vgi_aux_verbs, w, wl) && !in_list(vgi_aux_verbs, nx, nl))
      return 0;
  }
  /* nor inside a list of names joined by commas before its last member
   * ("akin to sed,awk,grep, | and friends") */
  if (k < h->n && in_list((const char *const[]){ "and", "or", NULL }, t + h->ws[k], h->we[k] - h->ws[k])) {
    for (size_t q = 1; q + 1 < bl; q++)
      if (w[q] == ',' && isalnum((unsigned char)w[q - 1]) && isalnum((unsigned char)w[q + 1])) return 0;
  }
  /* not on a verb whose object is the clause a comma opens, as Slavic
   * languages write it ("Наведені нижче посилання показують, | які
   * програми … використовують …": "the references below show"); a noun
   * before the comma ("містить рядки, | які …") ends a statement */
  if (k < h->n && bl + 1 == wl && w[bl] == ',' && slavic_verb_end(w, bl) &&
      in_list((const char *const[]){ "що", "які", "який", "яка", "яке", "як", "чи", "де", "коли", "что", "какие",
                                     "какой", "какая", "какое", "как", "где", "когда", "чтобы", "щоб", NULL },
              t + h->ws[k], h->we[k] - h->ws[k] - (t[h->we[k] - 1] == ',' ? 1 : 0)))
    return 0;
  /* not after a subject whose verb comes next ("than those we | covered
   * in …"); one after a comma opens a clause, and the cut goes back to
   * that comma ("this section, I | like …") */
  if (bl == wl && k < h->n && in_list(subject_pronouns, w, wl) && !(k >= 2 && t[h->we[k - 2] - 1] == ','))
    return 0;
  /* not between "the cost" and "of": a short noun phrase needs it ("at the
   * cost | of speed", "in a family | of samples") */
  if (k >= 2 && k < h->n && h->we[k] - h->ws[k] == 2 && !strncmp(t + h->ws[k], "of", 2) &&
      in_list((const char *const[]){ "the", "a", "an", NULL }, t + h->ws[k - 2], h->we[k - 2] - h->ws[k - 2]))
    return 0;
  /* nor after a modal ("and may | use"), nor on its verb that an aside
   * interrupts ("and may use, | depending on …, even hundreds …") */
  if (in_list((const char *const[]){ "may", "might", "can", "could", "must", "should", "will", "would", "shall",
                                     NULL }, w, wl) ||
      modal_verb_interrupted(t, h->we[k - 1]))
    return 0;
  /* nor between a quantity and its "of" ("may use lots | of RAM",
   * "hundreds | of megabytes"): the amount says nothing without it */
  if (k < h->n && h->we[k] - h->ws[k] == 2 && !strncmp(t + h->ws[k], "of", 2) && bl == wl &&
      in_list((const char *const[]){ "lot", "lots", "hundreds", "thousands", "millions", "dozens", "tens",
                                     "plenty", "most", "some", "all", "many", "much", "none", "each", "any", "both",
                                     "part", "parts", "number", "amount", "couple", "bunch", "range", "variety",
                                     "set", "list", "series", "kind", "kinds", "type", "types", "one", NULL },
              w, wl))
    return 0;
  /* nor on a participle alone after a comma (", depending | on the
   * settings", ", including | …"): a fragment, its phrase still to come */
  if (k >= 2 && bl == wl && ing_word(w, wl) && t[h->we[k - 2] - 1] == ',') return 0;
  /* not on a gerund after a preposition whose object a colon announces
   * ("via buck by executing: buck build …") */
  if (k >= 2 && bl < wl && w[bl] == ':' && ing_word(w, bl) &&
      is_joiner(t + h->ws[k - 2], h->we[k - 2] - h->ws[k - 2]))
    return 0;
  /* the middle of a joiner of three words ("aussi bien que", "as well as") */
  if (k >= 2 && k < h->n && bl == wl && t[h->ws[k]] != '(' &&
      in_list((const char *const[]){ "aussi", "as", "so", "ainsi", "tant", "tanto", "così", "assim", "sowohl",
                                     "ebenso", "genauso", "так", NULL }, t + h->ws[k - 2], h->we[k - 2] - h->ws[k - 2]) &&
      is_joiner(t + h->ws[k], h->we[k] - h->ws[k]))
    return 0;
  if (ends_with_any(w, bl, ko_open)) return 0;
  /* not inside a coordination: the second member of a comparison, one word
   * after "than" before a preposition that completes it ("on GitHub Pages
   * rather than directly | in the repository"), nor the last member of a
   * series before its "and" ("for installation, upgrade | and removal") */
  static const char *const coords[] = { "than", NULL };
  static const char *const preps[] = { "in", "on", "at", "to", "for", "from", "with", "into", "about", "by", "under",
    "over", "via", "within", "through", "across", "im", "auf", "mit", "bei", "dans", "sur", "avec", "pour", "en",
    "con", "para", "por", "nel", "su", "per", "em", "com", "met", "voor", NULL };
  if (k >= 2 && k < h->n && bl == wl && in_list(preps, t + h->ws[k], h->we[k] - h->ws[k]) &&
      in_list(coords, t + h->ws[k - 2], h->we[k - 2] - h->ws[k - 2]) &&
      !strchr(",;:", t[h->we[k - 2] - 1]))
    return 0;
  /* nor outside a comparison whose "than" is still to come ("browsing the
   * documentation | on GitHub Pages rather than directly …"), nor between
   * "rather" and its "than" */
  if (k < h->n && bl == wl) {
    int kept_than = 0, rest_than = 0;
    for (int i = 0; i < k; i++) kept_than |= h->we[i] - h->ws[i] == 4 && !strncasecmp(t + h->ws[i], "than", 4);
    for (int i = k; i < h->n && !kept_than && !rest_than; i++) {
      rest_than = h->we[i] - h->ws[i] >= 4 && !strncasecmp(t + h->ws[i], "than", 4) &&
                  (h->we[i] - h->ws[i] == 4 || strchr(",;:.", t[h->ws[i] + 4]));
      if (strchr(",;:.!?", t[h->we[i] - 1])) break;
    }
    if (rest_than) return 0;
  }
  /* (a series member of two words at most ends at the cut, before "and"
   * or "or" or at its comma: "tools for building, testing | , packaging
   * and publishing") */
  int member = k >= 2 && k < h->n && bl == wl &&
               in_list((const char *const[]){ "and", "or", "und", "oder", "et", "ou", "y", "o", "e", "en", NULL },
                       t + h->ws[k], h->we[k] - h->ws[k]) ? 2
             : k >= 2 && k < h->n && bl < wl && w[bl] == ',' ? 2 : 0;
  if (member) {
    int j = k - 1;
    /* (a dash opens a series too: "imperfect - electromagnetic
     * interference, faulty hardware, and …") */
#define HL_DASH(i) (h->we[i] - h->ws[i] == 1 ? t[h->ws[i]] == '-' \
                    : h->we[i] - h->ws[i] == 3 && (!strncmp(t + h->ws[i], "\xE2\x80\x94", 3) || !strncmp(t + h->ws[i], "\xE2\x80\x93", 3)))
    while (j > 0 && k - j <= member && !strchr(",;:", t[h->we[j - 1] - 1]) && !HL_DASH(j - 1)) j--;
    /* words j..k-1 follow a comma: a member of a series, not a clause
     * ("…, which …", "…, it is …") */
    int series = j > 0 && k - j <= member && (t[h->we[j - 1] - 1] == ',' || HL_DASH(j - 1)) &&
                 !is_joiner(t + h->ws[j], h->we[j] - h->ws[j]) &&
                 !in_list(lead_sub, t + h->ws[j], h->we[j] - h->ws[j]);
    for (int q = j; series && q < k; q++) series = !in_list(vgi_aux_verbs, t + h->ws[q], h->we[q] - h->ws[q]);
    /* (an apposition closes before a relative: "the same person, Steve
     * Matteson, | who …") */
    if (member == 2 && is_joiner(t + h->ws[k], h->we[k] - h->ws[k]) &&
        !in_list((const char *const[]){ "and", "or", NULL }, t + h->ws[k], h->we[k] - h->ws[k]))
      series = 0;
    if (series) return 0;
#undef HL_DASH
  }
  /* nor at the comma after a series' first member: a short member follows
   * and another comma or "and" after it ("the low-level MD2, | MD4, MD5") */
  if (k < h->n && bl < wl && w[bl] == ',') {
    int q = k, aux = 0;
    /* (a member of two words at most, no verb or participle in it:
     * "levels, specified with --fast=#, offer" is an aside) */
    while (q < h->n && q - k < 2 && !strchr(",;:.", t[h->we[q] - 1])) aux |= in_list(vgi_aux_verbs, t + h->ws[q], h->we[q] - h->ws[q]), q++;
    for (int v = k; v <= q && v < h->n && !aux; v++) {
      size_t vl = h->we[v] - h->ws[v];
      while (vl && strchr(",;:.", t[h->ws[v] + vl - 1])) vl--;
      aux = islower((unsigned char)t[h->ws[v]]) && vl > 4 && (!strncmp(t + h->ws[v] + vl - 2, "ed", 2) || ing_word(t + h->ws[v], vl));
    }
    if (q < h->n && !aux && !is_joiner(t + h->ws[k], h->we[k] - h->ws[k]) &&
        !in_list(lead_sub, t + h->ws[k], h->we[k] - h->ws[k]) && !in_list(vgi_aux_verbs, t + h->ws[q], h->we[q] - h->ws[q]) &&
        ((t[h->we[q] - 1] == ',' && !(q + 1 < h->n && is_joiner(t + h->ws[q + 1], h->we[q + 1] - h->ws[q + 1]) &&
                                      !in_list((const char *const[]){ "and", "or", NULL }, t + h->ws[q + 1],
                                               h->we[q + 1] - h->ws[q + 1]))) ||
         (q + 1 < h->n && in_list((const char *const[]){ "and", "or", NULL }, t + h->ws[q + 1], h->we[q + 1] - h->ws[q + 1]))))
      return 0;
  }
  /* nor after a participle that the phrase after it completes ("a
   * newsgroup intended | for …"; "are installed | in" may end) */
  if (k >= 2 && k < h->n && bl == wl && past_participle(w, bl) &&
      in_list(preps, t + h->ws[k], h->we[k] - h->ws[k]) &&
      !in_list(vgi_aux_verbs, t + h->ws[k - 2], h->we[k - 2] - h->ws[k - 2]) &&
      !in_list((const char *const[]){ "and", "or", NULL }, t + h->ws[k - 2], h->we[k - 2] - h->ws[k - 2]) &&
      !strchr(",;:", t[h->we[k - 2] - 1]))
    return 0;
  /* nor after an infinitive that a phrase completes ("functions to read |
   * from Linux V4L") */
  if (k >= 2 && k < h->n && bl == wl && h->we[k - 2] - h->ws[k - 2] == 2 && !strncmp(t + h->ws[k - 2], "to", 2) &&
      in_list(preps, t + h->ws[k], h->we[k] - h->ws[k]))
    return 0;
  /* inside a bracket: what follows would cut the headline back to it */
  int depth = 0;
  for (size_t q = 0; q < h->we[k - 1]; q++) {
    if (t[q] == '(' || !strncmp(t + q, "\xEF\xBC\x88", 3)) depth++;
    else if ((t[q] == ')' || !strncmp(t + q, "\xEF\xBC\x89", 3)) && depth) depth--;
  }
  if (depth) return 0;
  int clause_end = bl < wl && strchr(",;:", w[bl]);
  /* Korean: its verb comes last, so only a final ending ends a clause */
  if (bl >= 3 && (unsigned char)w[bl - 3] >= 0xEA && (unsigned char)w[bl - 3] <= 0xED && !clause_end &&
      !ends_with_any(w, bl, (const char *const[]){ "다", "요", NULL }))
    return 0;
  if (!clause_end && ends_with_any(w, bl, ru_adj) && !ends_with_any(w, bl, (const char *const[]){ "ние", "тие", NULL }))
    return 0;
  /* a main clause of three words or more, or a whole one, is kept: each
   * clause starts at the sentence or after , ; : and is subordinate when
   * its first word opens one */
  int main_words = 0, start = 0;
  for (int i = 0; i < k; i++) {
    int ends = strchr(",;:", t[h->we[i] - 1]) != NULL;
    if (!ends && i < k - 1) continue;
    const char *f = t + h->ws[start];
    size_t fl = h->we[start] - h->ws[start];
    int sub = in_list(lead_sub, f, fl) || (start > 0 && (is_joiner(f, fl) || in_list(de_sub, f, fl)));
    int len = i - start + 1;
    if (!sub && ((ends && len >= 2) || len >= 3)) main_words += len;
    start = i + 1;
  }
  if (!main_words) return 0;
  if (!h->german) return 1;
  /* inside a subordinate clause ", um … zu erhalten": its verb is cut off */
  int from = 0;
  for (int i = 1; i < k; i++) {
    char c = t[h->we[i - 1] - 1];
    if (c == ',' || c == ';' || c == ':') {
      if (!clause_end && in_list(de_sub, t + h->ws[i], h->we[i] - h->ws[i])) return 0;
      if (i < k) from = i;
    }
  }
  /* an auxiliary in the clause: the cut must come after its participle or
   * infinitive (lower case, "-en"/"-t"), or after a noun for "ist"/"sind",
   * also at a comma ("kannst du sie, nachdem …" waits for its verb) */
  for (int i = from; i < k - 1; i++) {
    const char *a = t + h->ws[i];
    size_t al = h->we[i] - h->ws[i];
    if (!in_list(de_aux, a, al)) continue;
    /* "ist" after a subordinate clause ("…, ist ihr Inhalt …") opens the
     * verb bracket like any auxiliary */
    int copula = in_list((const char *const[]){ "ist", "sind", "hat", "haben", NULL }, a, al) && !(i == from && from > 0);
    /* (a capital umlaut is 0xC3 0x80-0x9E: "Öffnen" is a noun, "öffnen" a verb) */
    int lower = !isupper((unsigned char)w[0]) &&
                !((unsigned char)w[0] == 0xC3 && (unsigned char)w[1] >= 0x80 && (unsigned char)w[1] <= 0x9E);
    if (!lower) return copula;
    return ends_with_any(w, bl, (const char *const[]){ "en", "ern", "eln", "t", NULL });
  }
  return 1;
}

static int natural_cut(const hl_words *h, int k) { return natural_cut_at(h, k, 1); }

#define HEADLINE_WHOLE 16   /* kept whole when no natural break comes sooner */
/* Whether a cut before word k falls between a passive verb and the
 * infinitive that completes it ("is considered | to be an implementation
 * detail", "are expected | to work"): alone, the words before say the
 * opposite of the sentence or nothing. A "to" before a noun phrase ("has
 * been added | to the library") ends no such verb. */
static int passive_infinitive(const hl_words *h, int k) {
  static const char *const copulas[] = { "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't",
                                         "not", NULL };
  static const char *const takes_to[] = { "considered", "expected", "supposed", "meant", "intended", "known",
    "believed", "thought", "assumed", "deemed", "guaranteed", "presumed", "said", "reported", "claimed",
    "understood", "required", "allowed", "permitted", "obliged", "forced", NULL };
  if (k < 2 || k + 1 >= h->n) return 0;
  const char *t = h->t;
  const char *w = t + h->ws[k - 1], *nx = t + h->ws[k], *after = t + h->ws[k + 1];
  size_t wl = h->we[k - 1] - h->ws[k - 1], nl = h->we[k] - h->ws[k], al = h->we[k + 1] - h->ws[k + 1];
  if (nl != 2 || strncmp(nx, "to", 2) || !in_list(takes_to, w, wl)) return 0;
  /* the verb is passive: a copula (or an adverb after one) before it */
  int cop = in_list(copulas, t + h->ws[k - 2], h->we[k - 2] - h->ws[k - 2]);
  if (!cop && k >= 3) {
    size_t ml = h->we[k - 2] - h->ws[k - 2];
    cop = ml > 3 && !strncmp(t + h->ws[k - 2] + ml - 2, "ly", 2) &&
          in_list(copulas, t + h->ws[k - 3], h->we[k - 3] - h->ws[k - 3]);
  }
  if (!cop) return 0;
  /* and "to" opens an infinitive: a lower-case word that no article or
   * possessive is */
  while (al && strchr(",.;:!?\"')", after[al - 1])) al--;
  return al && islower((unsigned char)after[0]) && !in_list(articles, after, al) &&
         !in_list((const char *const[]){ "our", "my", "his", "her", "its", "their", "your", "all", "each", "every",
                                         "any", "some", "both", "that", "those", "this", "these", NULL }, after, al);
}

/* Whether a cut before word k leaves a quantified noun without the
 * relative clause that limits it ("implemented by all widgets | that have
 * horizontal and vertical variants", "every file | that changed"): alone,
 * "all widgets" says what the sentence does not. */
static int quantified_relative(const hl_words *h, int k) {
  if (k < 2 || k >= h->n) return 0;
  const char *t = h->t;
  if (!in_list((const char *const[]){ "that", "who", "whose", "which", NULL }, t + h->ws[k], h->we[k] - h->ws[k]))
    return 0;
  static const char *const pronouns[] = { "everything", "anything", "everyone", "anyone", "nothing", "those",
                                          NULL };
  static const char *const quantifiers[] = { "all", "every", "each", "any", "only", "those", NULL };
  if (strchr(",;:.!?)", t[h->we[k - 1] - 1])) return 0;
  if (in_list(pronouns, t + h->ws[k - 1], h->we[k - 1] - h->ws[k - 1])) return 1;
  /* the quantifier one or two words before the noun, no mark between */
  for (int i = k - 2; i >= 0 && i >= k - 3; i--) {
    if (strchr(",;:.!?)", t[h->we[i] - 1])) return 0;
    if (in_list(quantifiers, t + h->ws[i], h->we[i] - h->ws[i])) return 1;
  }
  return 0;
}

/* A cut before word k whose words would say the opposite of the sentence
 * (passive_infinitive, quantified_relative). */
static int held_cut(const hl_words *h, int k) { return passive_infinitive(h, k) || quantified_relative(h, k); }

/* The cut at byte `cut` moved on past a held one (held_cut): to the first
 * sentence's end when it has sentence_words <= HEADLINE_WHOLE words, else
 * to the first natural cut after it within HEADLINE_WHOLE words, before a
 * joining word or at a clause mark; else left where it is. Never moved
 * back: a shorter cut elsewhere ("Reports will include information | on
 * any Workers that …") says less than the held one did. */
static size_t held_cut_on(const hl_words *h, size_t cut, size_t sentence, int sentence_words) {
  int k = 0;
  while (k < h->n && h->we[k] < cut) k++;
  if (k >= h->n || h->we[k] != cut || !held_cut(h, k + 1)) return cut;
  if (sentence_words <= HEADLINE_WHOLE && sentence > cut) return sentence;
  const char *t = h->t;
  /* (a word that opens a clause or a phrase of its own: "of", "to" after
   * it would leave a noun without its complement, "were prefixes | of …") */
  static const char *const openers[] = { "and", "or", "but", "so", "yet", "while", "whereas", "when", "where",
    "which", "because", "since", "although", "though", "unless", "if", "as", "with", "without", "including",
    "between", NULL };
  for (int i = k + 2; i < h->n && i <= HEADLINE_WHOLE; i++) {
    const char *w = t + h->ws[i];
    size_t wl = h->we[i] - h->ws[i];
    if ((in_list(openers, w, wl) || strchr(",;:", t[h->we[i - 1] - 1])) && natural_cut(h, i) && !held_cut(h, i))
      return h->we[i - 1];
  }
  return cut;
}

#define HEADLINE_WORDS 12
#define HEADLINE_CHARS 28   /* Chinese and Japanese: characters, no spaces */

/* Japanese: a clause that ends here before 、 still waits for its verb
 * ("想定しているが", "収めるために", "除き", "Bashでは"). */
static const char *const ja_open[] = { "が", "て", "で", "に", "は", "を", "と", "も", "の", "へ",
  "や", "ば", "ら", "し", "り", "き", "ず", "ため", "から", "ので", "けど", "ながら", "つつ", "より",
  NULL };
/* Chinese: a clause that opens with one of these ("为了…", "不仅…",
 * "除去…") or closes with one ("…后", "…的话") is a condition or a
 * purpose waiting for its main clause. */
static const char *const zh_open_start[] = { "为了", "除去", "除了", "如果", "虽然", "因为", "不仅",
  "当", "在", "对于", "由于", "尽管", "只要", "既然", "即使", "随着", "要是", "假如", "无论", "通过",
  /* the same in traditional characters (a zh-TW README) */
  "為了", "雖然", "因為", "不僅", "當", "對於", "由於", "儘管", "隨著", "無論", "通過",
  NULL };
/* (and a clause that is a connective with its particle, "但是呢，", "所以呢，":
 * what it says comes after the comma) */
static const char *const zh_open_end[] = { "后", "时", "的话", "时候", "前", "中", "之后", "以后",
  "而且", "并且", "但是", "和", "或", "与", "及", "後", "時", "時候", "之後", "以後", "並且", "與",
  "不過", "不过", "可是", "所以", "因此", "然後", "然后", "那麼", "那么", "呢", NULL };

static const char *const ja_close[] = { "る", "た", "だ", "い", "す", "う", "ん", "よ", "ね", "か",
  NULL };
/* ... or holds one of these anywhere ("这篇文章不仅能…"): its second half is to come */
static const char *const zh_open_any[] = { "不仅", "不但", "虽然", "尽管", "只有", "无论", "不僅", "雖然",
  "儘管", "無論", NULL };

static int has_kana(const char *s, size_t n) {
  for (size_t i = 0; i + 2 < n; i++)
    if ((unsigned char)s[i] == 0xE3 && ((unsigned char)s[i + 1] == 0x81 || (unsigned char)s[i + 1] == 0x82))
      return 1;
  return 0;
}

/* Is t[0..cut) a natural end for a Chinese or Japanese headline? */
static int cjk_natural(const char *t, size_t cut, int ja) {
  size_t n = cut;
  while (n && t[n - 1] == ' ') n--;
  if (!n) return 0;
  /* Japanese: a clause before a clause mark ends on its predicate; a noun
   * there is an item of a list ("コマンドやオプション、パイプ") */
  if (ja) return !ends_with_any(t, n, ja_open) && ends_with_any(t, n, ja_close);
  /* the clause since the previous clause mark */
  size_t s = 0;
  for (size_t i = 0; i + 2 < n; i++)
    if (!strncmp(t + i, "\xEF\xBC\x8C", 3) || !strncmp(t + i, "\xE3\x80\x81", 3) ||
        !strncmp(t + i, "\xEF\xBC\x9A", 3) || !strncmp(t + i, "\xEF\xBC\x9B", 3))
      s = i + 3;
  while (s < n && t[s] == ' ') s++;
  for (int k = 0; zh_open_start[k]; k++)
    if (!strncmp(t + s, zh_open_start[k], strlen(zh_open_start[k]))) return 0;
  for (int k = 0; zh_open_any[k]; k++) {
    const char *f = strstr(t + s, zh_open_any[k]);
    if (f && f < t + n) return 0;
  }
  /* a command after a word of place or time is still inside its phrase:
   * "它们的参数中 -i" ends as "参数中" does ("dnf 或 pacman" is whole) */
  size_t m = n;
  while (m > s && (unsigned char)t[m - 1] < 0x80) m--;
  if (m > s && m < n && ends_with_any(t, m, (const char *const[]){ "后", "时", "前", "中", "之后", "以后", "时候", NULL }))
    return 0;
  return !ends_with_any(t, n, zh_open_end);
}

/* 1 when t[0..cut) ends a Chinese or Japanese clause naturally (on a
 * predicate, not on a particle, a purpose or a condition waiting for its
 * main clause), or, in Korean, on a final ending ("…합니다", "…세요") or
 * before a colon. */
int vgi_cjk_natural(const char *t, size_t cut) {
  size_t n = cut;
  while (n && strchr(" .,;:!?", t[n - 1])) n--;
  if (vgi_wide_stop_before(t, n)) return 1;   /* 。！？．… */
  if (!n) return 0;
  int hangul = 0;
  for (size_t i = 0; i < n && !hangul; i++) hangul = (unsigned char)t[i] >= 0xEA && (unsigned char)t[i] <= 0xED;
  if (hangul) {
    if (t[cut] == ':' || (cut && t[cut - 1] == ':')) return 1;
    return ends_with_any(t, n, (const char *const[]){ "다", "요", "죠", "까", NULL });
  }
  return cjk_natural(t, n, has_kana(t, strlen(t)));
}

/* The headline ends before a bracket it opens and does not close. */
static void close_brackets(char *t) {
  char *open = NULL;
  int depth = 0;
  for (char *q = t; *q; q++) {
    int o = *q == '(' || !strncmp(q, "\xEF\xBC\x88", 3), c = *q == ')' || !strncmp(q, "\xEF\xBC\x89", 3);
    if (o) { if (!depth) open = q; depth++; }
    else if (c && depth) depth--;
  }
  if (depth && open && open > t) {
    *open = 0;
    vgi_squash(t);
  }
}

/* ... and without an aside in brackets at its end ("知ろう(知りたがりのため、…)") */
static void drop_aside(char *t) {
  size_t l = strlen(t);
  int close3 = l >= 3 && !strcmp(t + l - 3, "\xEF\xBC\x89");
  if (!close3 && !(l && t[l - 1] == ')')) return;
  int depth = 0;
  for (size_t i = l; i-- > 0;) {
    if (t[i] == ')' || !strncmp(t + i, "\xEF\xBC\x89", 3)) depth++;
    else if (t[i] == '(' || !strncmp(t + i, "\xEF\xBC\x88", 3)) {
      if (--depth) continue;
      if (u8len(t, i) >= 8) { t[i] = 0; vgi_squash(t); }
      return;
    }
  }
}

/* The sentence t without its short asides in ASCII brackets (at most five
 * words each, not nested, none at its start), NULL when it has none or is
 * more than one sentence. Caller frees. */
static char *asides_out(const char *t) {
  if (!strchr(t, '(')) return NULL;
  vgi_buf b = {0};
  int found = 0;
  for (const char *p = t; *p; p++) {
    if (*p == '.' && p[1] == ' ' && p > t && islower((unsigned char)p[-1])) { vgi_buf_free(&b); return NULL; }
    if (*p != '(' || p == t || p[-1] != ' ') { vgi_buf_add(&b, p, 1); continue; }
    const char *c = strchr(p + 1, ')');
    const char *o = strchr(p + 1, '(');
    if (!c || (o && o < c) || !c[1] || (c[1] != ' ' && !strchr(",;:", c[1]))) { vgi_buf_free(&b); return NULL; }
    char in[256];
    snprintf(in, sizeof in, "%.*s", (int)(c - p - 1 < 255 ? c - p - 1 : 255), p + 1);
    int w = c - p - 1 < 255 ? vgi_word_count(in) : 99;
    if (w < 1 || w > 5) { vgi_buf_free(&b); return NULL; }
    while (b.n && b.s[b.n - 1] == ' ') b.s[--b.n] = 0;
    found = 1;
    p = c;
  }
  if (!found) { vgi_buf_free(&b); return NULL; }
  return vgi_squash(vgi_buf_take(&b));
}

/* A headline for a sentence: the sentence when it is short (up to about
 * twelve words), else its first clause, else its words up to where a clause
 * or a prepositional phrase starts, always at a natural break (never right
 * after an article, a preposition or a conjunction, never inside a German
 * verb bracket, never on a Japanese particle or a Chinese purpose clause);
 * a sentence with no such break is kept whole up to sixteen words. Never
 * cut with an ellipsis, and the narration still says the whole sentence.
 * Chinese and Japanese are cut at a sentence end or a clause mark, else
 * kept whole (the renderer fits them). Caller frees. */
/* Words that open a clause which a verb before it takes as its object
 * ("sicherstellen, dass …", "s'assurer que …", "asegurarse de que …"):
 * what stands before them is not said whole without them. */
static const char *const complementizers[] = { "dass", "da\xC3\x9F", "que", "qu'", "qu\xE2\x80\x99", "che", "dat",
  "att", "\xC5\xBC""e", "\xC5\xBE""e", "\xD1\x87\xD1\x82\xD0\xBE", "\xD1\x89\xD0\xBE", NULL };   /* że že что що */
/* Words that open a subordinate clause in German and Dutch, which put the
 * clause's verb last: cut before the verb, the clause says nothing. (Not
 * those that are prepositions as well: "bis 5", "seit 2019", "während der".) */
static const char *const verb_last_subs[] = { "dass", "da\xC3\x9F", "weil", "wenn", "ob", "damit", "indem", "sofern",
  "falls", "obwohl", "bevor", "nachdem", "sodass", "seitdem", "sobald", "solange",
  "dat", "omdat", "nadat", "voordat", "wanneer", "terwijl", "zodat", "hoewel", "tenzij", "indien", "zodra",
  "doordat", "totdat", "zodat", NULL };
static const char *const nl_words[] = { "het", "een", "niet", "wordt", "worden", "zijn", "kunt", "moet", "naar",
  "deze", "ook", "wij", "uw", "bent", "hebt", "heeft", NULL };
/* Words that open an infinitive or a clause of purpose after a comma
 * ("…, um sicherzustellen, dass …", "…, pour vous assurer que …"). */
static const char *const clause_openers[] = { "um", "om", "pour", "afin", "para", "per", "damit", NULL };

/* German separable prefixes: at a clause's end, before its mark, they are
 * the rest of the verb that opened the clause ("Legen Sie … eine Datenbank
 * an", "Melden Sie sich … bei der Verwaltung an"). */
static const char *const de_prefixes[] = { "an", "auf", "aus", "ab", "ein", "mit", "zu", "vor", "nach",
  "zur\xC3\xBC""ck", "weg", "fest", "los", "her", "hin", "heraus", "herein", "hinaus", "hinein", "herunter",
  "hinzu", "hoch", "bei", "dar", "um", "fort", "weiter", "zusammen", "vorbei", "voran", "bereit", "frei",
  "statt", "teil", "wieder", "durch", "herum", "zurecht", "vorweg", "entgegen", "nieder", NULL };

/* Does a clause end after word i of h (0-based)? Its last word carries
 * . ; : ! ? or a comma before a subordinate clause or a conjunction (not
 * the comma between two adjectives, "eine neue, leere Datenbank"), or it
 * is the text's last word. */
static int de_clause_end(const hl_words *h, int i) {
  const char *t = h->t;
  size_t e = h->we[i];
  while (e > h->ws[i] && strchr("\")'", t[e - 1])) e--;
  char last = e > h->ws[i] ? t[e - 1] : 0;
  if (i == h->n - 1 || (last && strchr(".;:!?", last))) return 1;
  if (last != ',') return 0;
  const char *nx = t + h->ws[i + 1];
  size_t nl = h->we[i + 1] - h->ws[i + 1];
  return in_list(de_sub, nx, nl) ||
         in_list((const char *const[]){ "und", "oder", "aber", "sondern", "denn", "doch", "jedoch", NULL }, nx, nl);
}

/* A German headline cut inside a clause whose verb's prefix stands at its
 * end ("Legen Sie vor dem ersten Start" | "… Datenbank an, bevor …") keeps
 * that prefix: the cut moves to the clause's end when that is 20 words at
 * most, else back to the clause mark before the clause (three words at
 * least), else to the clause's end up to 28 words. -> the cut. */
static int prefix_left_behind(const hl_words *h, size_t cut, int *kp, int *endp) {
  if (!h->german) return 0;
  int k = 0;   /* words before the cut */
  while (k < h->n && h->we[k] <= cut) k++;
  if (k < 1 || k >= h->n || de_clause_end(h, k - 1)) return 0;
  int end = k;   /* the clause's last word */
  while (end < h->n - 1 && !de_clause_end(h, end)) end++;
  if (!in_list(de_prefixes, h->t + h->ws[end], h->we[end] - h->ws[end])) return 0;
  *kp = k;
  *endp = end;
  return 1;
}

/* 1 when t cut at byte `cut` leaves a German separable prefix behind. */
static int cut_leaves_prefix(const char *t, size_t cut) {
  size_t ws[96], we[96];
  int n = vgi_split_words(t, ws, we, 96), k, end;
  hl_words hw = { t, ws, we, n, german_words(t, ws, we, n), 0 };
  return prefix_left_behind(&hw, cut, &k, &end);
}

static size_t separable_prefix_cut(const hl_words *h, size_t cut) {
  const char *t = h->t;
  int k, end;
  if (!prefix_left_behind(h, cut, &k, &end)) return cut;
  /* (the prefix's own word, its clause mark left out) */
  size_t after = h->we[end];
  while (after > h->ws[end] && strchr(",.;:!?", t[after - 1])) after--;
  if (end + 1 <= 20) return after;
  int j = k - 1;   /* the clause's first word */
  while (j > 0 && !de_clause_end(h, j - 1)) j--;
  if (j >= 3) {
    size_t back = h->we[j - 1];
    while (back > h->ws[j - 1] && strchr(",;:", t[back - 1])) back--;
    return back;
  }
  return end + 1 <= 28 ? after : cut;
}

/* A headline cut (at byte cut of h->t) that leaves a subordinate clause
 * hanging moves back to the clause mark before that clause: a cut right
 * before a complementizer ("…, um sicherzustellen" | ", dass alle Pfade
 * …") drops the clause whose object it opens (the infinitive "um
 * sicherzustellen", or back to the comma before), and in German or Dutch a
 * cut inside a subordinate clause before its verb ("Start de dienst
 * opnieuw nadat u de instellingen" | "hebt gewijzigd") drops that clause.
 * At least three words stay; else the cut stays. -> the cut. */
static size_t hanging_clause_back(const hl_words *h, size_t cut) {
  const char *t = h->t;
  int k = 0;   /* words before the cut */
  while (k < h->n && h->ws[k] < cut) k++;
  if (k >= h->n || k < 4) return cut;
  int back = -1;   /* the first word of the hanging clause */
  /* (after a comma, "que", "che", "dat", "att" open a relative clause as
   * often: "le fichier, que …"; "dass", "że", "что" only a complement) */
  static const char *const comma_complementizers[] = { "dass", "da\xC3\x9F", "\xC5\xBC""e", "\xC5\xBE""e",
    "\xD1\x87\xD1\x82\xD0\xBE", "\xD1\x89\xD0\xBE", NULL };
  const char *nx = t + h->ws[k];
  size_t nxl = h->we[k] - h->ws[k];
  if (in_list(t[h->we[k - 1] - 1] == ',' ? comma_complementizers : complementizers, nx, nxl)) {
    /* the clause before the cut: from the last clause mark before it */
    int j = k - 1;
    while (j > 0 && !strchr(",;:", t[h->we[j - 1] - 1])) j--;
    if (j > 0) back = j;
    /* an opener of a clause of purpose further back within that clause
     * ("…, pour vous assurer que") */
    for (int i = k - 1; i > (j > 0 ? j : 0); i--)
      if (in_list(clause_openers, t + h->ws[i], h->we[i] - h->ws[i])) { back = i; break; }
  } else {
    int nl = 0;
    for (int i = 0; i < h->n; i++) nl += in_list(nl_words, t + h->ws[i], h->we[i] - h->ws[i]);
    if (!h->german && nl < 2) return cut;
    char last = t[h->we[k - 1] - 1];
    if (strchr(",;:", last)) return cut;   /* the clause ends at the cut */
    for (int i = k - 1; i >= 1; i--) {
      if (strchr(",;:", t[h->we[i - 1] - 1]) && !in_list(verb_last_subs, t + h->ws[i], h->we[i] - h->ws[i])) break;
      if (in_list(verb_last_subs, t + h->ws[i], h->we[i] - h->ws[i])) { back = i; break; }
    }
  }
  if (back < 3) return cut;
  size_t c = h->we[back - 1];
  while (c > 0 && strchr(",;: ", t[c - 1])) c--;
  return c;
}

size_t vgi_hanging_clause(const char *sentence, size_t hl) {
  size_t l = strlen(sentence);
  if (hl >= l) return hl;
  size_t ws[64], we[64];
  int n = vgi_split_words(sentence, ws, we, 64);
  hl_words hw = { sentence, ws, we, n, german_words(sentence, ws, we, n), 0 };
  return hanging_clause_back(&hw, hl);
}

char *vgi_headline(const char *s) {
  char *t = vgi_squash(vgi_strdup(s));
  size_t l = strlen(t);
  while (l && strchr(".:;,", t[l - 1])) t[--l] = 0;
  while (vgi_wide_period_before(t, l)) t[l -= 3] = 0;   /* 。． */
  int words = vgi_word_count(t);
  size_t chars = u8len(t, l);
  /* Chinese and Japanese: written without spaces, even when a Latin word
   * or two ("Bash", "apt-get") gives the text some */
  size_t han = 0;
  for (size_t i = 0; i + 2 < l; i++)
    if ((unsigned char)t[i] == 0xE3 || ((unsigned char)t[i] >= 0xE4 && (unsigned char)t[i] <= 0xE9) ||
        (unsigned char)t[i] == 0xEF)
      han++, i += 2;
  /* (Thai, Lao, Khmer, Burmese: cut by their words below, never at a
   * character count, which cut "ឱ្យ" inside its cluster) */
  int unspaced = vgi_unspaced_text(t, l);
  if ((words <= 2 || han * 2 > chars) && chars > HEADLINE_CHARS + 4 && !unspaced) {
    int ja = has_kana(t, l);
    /* a sentence end 。！？ within the limit, else the last clause mark
     * 、，：；（ that ends a clause naturally, else the whole sentence when it
     * is not much longer, else the last clause mark, else the limit itself
     * outside a Latin word */
    /* ci: the length read so far, a Latin letter or digit counting half a
     * character ("Tab", "ctrl-r" are read as one word) and a space none */
    double ci = 0, total = 0;   /* total: the length of the first sentence */
    size_t clause = 0, natural = 0, end = 0, at_limit = 0, first_end = 0;
    for (size_t i = 0; i < l; i++) {
      unsigned char c = (unsigned char)t[i];
      if (vgi_wide_sentence_end(t, t + i)) { first_end = i; break; }
      if (c >= 0x80) total += (c & 0xC0) != 0x80;
      else if (isalnum(c)) total += 0.5;
      else if (c != ' ') total += 1;
    }
    for (size_t i = 0; i < l; i++) {
      unsigned char c = (unsigned char)t[i];
      if (c >= 0x80) ci += (c & 0xC0) != 0x80;
      else if (isalnum(c)) ci += 0.5;
      else if (c != ' ') ci += 1;
      if (ci > HEADLINE_CHARS) break;
      if (((unsigned char)t[i] & 0xC0) != 0x80 && (i == 0 || !isalnum((unsigned char)t[i - 1]) || !isalnum((unsigned char)t[i])) &&
          !inside_latin_run(t, i))
        at_limit = i;
      if (ci < 4) continue;
      if (vgi_wide_sentence_end(t, t + i)) { end = i; break; }
      /* (a Chinese list comma, "、", parts items: "集合交、并、差运算" cut at
       * it left "集合交") */
      if (!strncmp(t + i, "\xEF\xBC\x8C", 3) || (ja && !strncmp(t + i, "\xE3\x80\x81", 3)) ||
          !strncmp(t + i, "\xEF\xBC\x9A", 3) || !strncmp(t + i, "\xEF\xBC\x9B", 3) ||
          !strncmp(t + i, "\xEF\xBC\x88", 3) ||
          (t[i] == ',' && t[i + 1] == ' ') || (t[i] == '(' && i && t[i - 1] == ' ')) {
        clause = i;
        if (cjk_natural(t, i, ja)) natural = i;
      }
    }
    size_t cut = end ? end : natural ? natural : total <= HEADLINE_CHARS * 3 ? first_end : clause ? clause : at_limit;
    if (cut) t[cut] = 0;
    close_brackets(t);
    drop_aside(t);
    vgi_squash(t);
    return t;
  }
  if (words <= HEADLINE_WORDS) return t;
  /* "mpv is a free (as in freedom) media player for the command line":
   * a sentence that fits once its short asides in brackets are out is the
   * headline whole without them (the narration says them; its first
   * clause was "mpv is a free") */
  {
    char *u = asides_out(t);
    if (u && vgi_word_count(u) >= 3 && vgi_word_count(u) <= HEADLINE_WORDS) {
      free(t);
      return u;
    }
    free(u);
  }
  /* word starts and ends; a bracket glued to a word of a non-Latin script
   * ("검색합니다(누른") starts a word, so it is a clause break like one after
   * a space */
  size_t ws[64], we[64];
  int n = 0;
  if (unspaced) {
    /* Thai, Lao, Khmer, Burmese: cut between the words their dictionaries
     * find, at a phrase's end */
    n = vgi_unspaced_split(t, ws, we, 64);
    t[vgi_unspaced_cut(t, ws, we, n, HEADLINE_WORDS, HEADLINE_WHOLE)] = 0;
    close_brackets(t);
    vgi_squash(t);
    return t;
  }
  for (size_t i = 0; i < l && n < 64;) {
    while (i < l && t[i] == ' ') i++;
    if (i >= l) break;
    ws[n] = i++;
    while (i < l && t[i] != ' ' && !(t[i] == '(' && ((unsigned char)t[i - 1] & 0x80))) i++;
    we[n++] = i;
  }
  hl_words hw = { t, ws, we, n, german_words(t, ws, we, n), han * 4 > chars };
  size_t cut = 0;
  /* a first sentence of 3 to 12 words is the headline ("… Fortgeschrittene.
   * Die Ziele sind Breite" is two sentences cut in the second) */
  int bdepth = 0, sentence_words = n;
  size_t sentence = l;   /* where the first sentence ends */
  for (int i = 1; i < n && i <= HEADLINE_WHOLE && sentence == l; i++) {
    for (size_t q = ws[i - 1]; q < we[i - 1]; q++) bdepth += t[q] == '(' ? 1 : t[q] == ')' && bdepth ? -1 : 0;
    const char *e = t + we[i - 1] - 1;
    /* not inside brackets, not an abbreviation of any language ("engl.") */
    if (i >= 2 && !bdepth && strchr(".!?", *e) && !(*e != '.' && vgi_mark_as_sign(t, e, NULL) && lower_start(t + ws[i])) &&
        !(e - t >= 3 && !strncmp(e - 2, "...", 3) && lower_start(t + ws[i])) &&
        !(*e == '.' && (known_abbrev(t, e) || ordinal(t, e, t + ws[i], "de"))))
      sentence = we[i - 1], sentence_words = i;
  }
  if (sentence_words <= HEADLINE_WORDS) cut = sentence;
  /* the longest first clause of 4 to 12 words (2 in German, whose clauses
   * are short: "Verwende Explainshell, um …"): a word ending in , ; : or
   * followed by a dash or a bracket */
  size_t scut = cut;
  for (int i = hw.german ? 2 : 4; i < n && i <= HEADLINE_WORDS && !scut; i++) {
    char last = t[we[i - 1] - 1];
    const char *nx = t + ws[i];
    /* a comma ends a clause when a clause starts after it ("…, where"),
     * not between two adjectives ("a vast, complex system") */
    int comma_clause = last == ',' && (is_joiner(nx, we[i] - ws[i]) || ing_word(nx, we[i] - ws[i]) ||
                                       (hw.german && in_list(de_sub, nx, we[i] - ws[i])));
    if ((comma_clause || (last && strchr(";:", last)) || *nx == '(' || !strncmp(nx, "\xE2\x80\x93", 3) || !strncmp(nx, "\xE2\x80\x94", 3) ||
         (nx[0] == '-' && nx[1] == ' ')) && natural_cut(&hw, i))
      cut = we[i - 1];
  }
  if (!cut && !hw.german) {
    /* an opening phrase that says nothing alone ("Within [ and ], | an
     * equivalence class can be specified …"): its main clause up to the
     * next clause mark (not a comma of a list: "separate, unrelated"), when that comes within sixteen words, rather than
     * a cut in its middle */
    int j = 0;
    while (j < n - 1 && t[we[j] - 1] != ',') j++;
    if (j < n - 1 && opening_alone(&hw, j + 1))
      for (int i = j + 2; i < n && i <= HEADLINE_WHOLE && !cut; i++)
        if ((strchr(";:", t[we[i - 1] - 1]) || (t[we[i - 1] - 1] == ',' &&
             (is_joiner(t + ws[i], we[i] - ws[i]) || ing_word(t + ws[i], we[i] - ws[i])))) && natural_cut(&hw, i))
          cut = we[i - 1];
  }
  /* "In order to have a more open and welcoming community, Jekyll adheres
   * to …": an opening clause of purpose, whose main clause is the headline
   * (below), never its own first words */
  int purpose = n > 4 && (vgi_opens_ci(t, "in order to ") || vgi_opens_ci(t, "in order for ") ||
                          vgi_opens_ci(t, "so as to ")) && !hw.german;
  if (!cut && !purpose) {
    /* before a joining word, as late as 12 words allow, after at least 5 */
    for (int i = 5; i < n && i <= HEADLINE_WORDS; i++) {
      const char *w = t + ws[i];
      size_t wl = we[i] - ws[i];
      if ((is_joiner(w, wl) || ing_word(w, wl)) && natural_cut(&hw, i))
        cut = we[i - 1];
    }
  }
  if (!cut && !purpose) {
    /* a clause that ends in a comma after 4 words or more ("Um lange Befehle
     * zu bearbeiten,") rather than twelve words that stop mid-clause */
    for (int i = 4; i < n && i <= HEADLINE_WORDS; i++)
      if (t[we[i - 1] - 1] == ',' && natural_cut(&hw, i)) cut = we[i - 1];
  }
  /* no natural break: the first sentence whole when it is not much longer */
  if (!cut && sentence_words <= HEADLINE_WHOLE) cut = sentence;
  /* (not in German or Dutch, whose main clause starts with its verb after
   * an opening clause: alone, "Kannst du sie … öffnen" is a question) */
  if (!cut && n > 2 && (purpose || in_list(lead_sub, t + ws[0], we[0] - ws[0]) ||
                        in_list((const char *const[]){ "whenever", "wherever", NULL }, t + ws[0], we[0] - ws[0])) &&
      !hw.german &&
      !in_list((const char *const[]){ "um", "wenn", "weil", "damit", "obwohl", "falls", "da", "dass", "ob", "während",
                                      "nachdem", "bevor", "sofern", "indem", "als", "om", "wanneer", "omdat", "hoewel",
                                      "när", "eftersom", "medan", "innan", "hvis", "når", "fordi", "selvom", "mens",
                                      "før", NULL },
               t + ws[0], we[0] - ws[0])) {
    /* a long sentence that opens with a subordinate clause ("If you want
     * to build … on a machine that …, you need …"): its twelve first words
     * are that clause, which says nothing alone. The headline is the main
     * clause's, after the comma that closes the opening one (not a comma of
     * a list inside it: "A, B, or C"). */
    int depth = 0;   /* (a comma inside brackets closes no clause: "(e.g. A, B, etc.)") */
    for (int i = 3; i < n - 2 && i <= 40; i++) {
      for (size_t q = i == 3 ? 0 : ws[i - 1]; q < we[i - 1]; q++)
        depth += t[q] == '(' ? 1 : t[q] == ')' && depth ? -1 : 0;
      if (depth || t[we[i - 1] - 1] != ',') continue;
      /* "If …, then …", "Если …, то …": the word that answers the opening
       * clause starts the main clause, and goes ("то есть" is "that is") */
      int answer = i < n - 3 && in_list(correlatives, t + ws[i], we[i] - ws[i]) &&
                   !in_list((const char *const[]){ "есть", NULL }, t + ws[i + 1], we[i + 1] - ws[i + 1]);
      if (answer) i++;
      else {
        /* (nor a clause of means that "either" opens: "If you'd like to
         * change it, either by running … before installing, or by …") */
        if (is_joiner(t + ws[i], we[i] - ws[i]) ||
            in_list((const char *const[]){ "either", "neither", "entweder", "soit", NULL }, t + ws[i], we[i] - ws[i]))
          continue;
        int next_comma = 0;
        for (int j = i; j < n && j < i + 3; j++) next_comma |= t[we[j] - 1] == ',';
        if (next_comma) continue;
      }
      /* a main clause not much longer than a headline is kept whole: cut,
       * it would stop inside its own list ("the compiler, the headers") */
      char *h = vgi_word_count(t + ws[i]) <= HEADLINE_WHOLE + 2 ? vgi_strdup(t + ws[i]) : vgi_headline(t + ws[i]);
      size_t hl = strlen(h);
      while (hl && strchr(".:;,", h[hl - 1])) h[--hl] = 0;
      if (vgi_word_count(h) >= 3) {
        /* (a name keeps its case: "fs.watch() will not …", never "Fs.watch()") */
        size_t fw = strcspn(h, " ");
        /* (and "nvm will download …": a word of no vowel is a name) */
        int name = (fw > 1 && strcspn(h, "._/()") < fw - 1) ||
                   (fw > 1 && strcspn(h, "aeiouyAEIOUY") >= fw && strspn(h, "abcdefghijklmnopqrstuvwxyz0123456789") >= fw);
        if (!name && vgi_opens_lower(h)) h = vgi_upper_first(h, NULL);
        free(t);
        return h;
      }
      free(h);
      break;
    }
  }
  if (!cut) {
    /* a clause that ends naturally a little later (Korean puts its verb
     * last: "… 포함하고 있습니다 -- …") */
    for (int i = HEADLINE_WORDS + 1; i < n && i <= HEADLINE_WHOLE; i++) {
      const char *nx = t + ws[i];
      char last = t[we[i - 1] - 1];
      if ((strchr(",;:", last) || *nx == '(' || !strncmp(nx, "\xE2\x80\x93", 3) || !strncmp(nx, "\xE2\x80\x94", 3) ||
           (nx[0] == '-' && (nx[1] == ' ' || nx[1] == '-'))) && natural_cut(&hw, i))
        { cut = we[i - 1]; break; }
    }
  }
  if (!cut) {
    /* twelve words, back to a natural break if there is one */
    int k = HEADLINE_WORDS;
    while (k > 4 && !natural_cut(&hw, k)) k--;
    if (natural_cut(&hw, k)) cut = we[k - 1];
  }
  if (!cut) {
    /* else the end of the first clause, even a subordinate one ("Afin que
     * le guide tienne sur une seule page"), rather than a main clause cut
     * in its middle */
    for (int i = 4; i < n && i <= HEADLINE_WORDS && !cut; i++)
      if (t[we[i - 1] - 1] == ',' && !open_correlative(t, we[i - 1])) cut = we[i - 1];
  }
  if (!cut) {
    /* twelve words without the joining words, articles and subjects at
     * their end */
    int k = HEADLINE_WORDS;
    while (k > 4 && (dangling_end(&hw, k) || in_list(subject_pronouns, t + ws[k - 1], we[k - 1] - ws[k - 1]) ||
                     (hw.cjk && k < n && inside_latin_run(t, ws[k]))))
      k--;
    cut = we[k - 1];
  }
  /* "…, bien que" / "…, so that": a joiner of two words is cut at the
   * comma before them */
  for (int i = 2; i < n && cut != sentence; i++)
    if (we[i - 1] == cut && t[we[i - 2] - 1] == ',' && i - 1 >= 4) { cut = we[i - 2] - 1; break; }
  if (cut != sentence) cut = hanging_clause_back(&hw, cut);
  if (cut != sentence) cut = held_cut_on(&hw, cut, sentence, sentence_words);
  if (cut != sentence) cut = separable_prefix_cut(&hw, cut);
  t[cut] = 0;
  /* a bracket opened and not closed: the headline ends before it */
  char *open = NULL;
  int depth = 0;
  for (char *q = t; *q; q++) {
    if (*q == '(' || !strncmp(q, "\xEF\xBC\x88", 3)) { if (!depth) open = q; depth++; }   /* ( or （ */
    else if ((*q == ')' || !strncmp(q, "\xEF\xBC\x89", 3)) && depth) depth--;
  }
  if (depth && open && vgi_word_count(t) - vgi_word_count(open) >= 3) *open = 0;
  l = strlen(t);
  for (;;) {
    while (l && strchr(".,;:-( ", t[l - 1])) t[--l] = 0;
    if (!vgi_wide_period_before(t, l)) break;   /* 。． */
    t[l -= 3] = 0;
  }
  return t;
}

/* Where the first sentence of s ends (its length when it is one): at a
 * word ending in . ! ? outside brackets that is no abbreviation of the
 * languages a headline knows, even before a lower-case word ("… aufgelistet.
 * du bist …"), as vgi_headline takes it. */
/* The word that ends at e is "etc" or one of its kind in other languages. */
static int etc_like(const char *start, const char *e) {
  static const char *const words[] = { "etc", "usw", "u.s.w", "ecc", "enz", "e.a", "etcetera", "т.д",
                                       "т.п", NULL };
  const char *w = e;
  while (w > start && w[-1] != ' ' && w[-1] != '(') w--;
  for (int k = 0; words[k]; k++)
    if ((size_t)(e - w) == strlen(words[k]) && !strncasecmp(w, words[k], (size_t)(e - w))) return 1;
  return 0;
}

int vgi_etc_goes_on(const char *text, const char *stop) {
  return *stop == '.' && lower_start(stop + 1) && etc_like(text, stop);
}

/* 1 when the word that ends at e (exclusive) is a bare web address
 * ("https://example.org/issues", "www.example.org"). */
static int bare_address_before(const char *s, size_t e) {
  size_t w = e;
  while (w && s[w - 1] != ' ') w--;
  while (w < e && strchr("<(\"'", s[w])) w++;
  if (e - w >= 4 && !strncmp(s + w, "www.", 4)) return 1;
  for (size_t k = w; k + 3 <= e && isalpha((unsigned char)s[k]); k++)
    if (!strncmp(s + k + 1, "://", 3)) return k + 4 < e;
  return 0;
}

size_t vgi_first_sentence(const char *s) {
  int depth = 0, words = 0;
  /* no strlen: callers walk a long text sentence by sentence, and its
   * length measured at each sentence made that walk quadratic */
  size_t i = 0;
  for (; s[i]; i++) {
    char c = s[i];
    if (c == '(' || !strncmp(s + i, "\xEF\xBC\x88", 3)) depth++;
    else if ((c == ')' || !strncmp(s + i, "\xEF\xBC\x89", 3)) && depth) depth--;
    /* a full-width stop 。！？． ends a sentence with no space after it
     * ("新規グループの ID 番号。この値は、…"), its closing marks with it */
    if (i && !depth && ((unsigned char)c & 0xC0) != 0x80) {
      size_t wl = vgi_wide_sentence_end(s, s + i);
      if (wl && s[i + wl]) return i + wl;
    }
    if (c != ' ' && (!s[i + 1] || s[i + 1] == ' ')) {
      words++;
      /* a script's own full stop (। ۔ ؟ …) at the word's end */
      for (size_t k = 2; k <= 3 && k <= i + 1; k++)
        if (words >= 2 && !depth && s[i + 1] && script_stop_at(s + i + 1 - k) == k) return i + 1;
      /* Greek's question mark ";" after a Greek word */
      if (words >= 2 && !depth && s[i + 1] && i && greek_question_at(s, s + i + (c == ';' ? 0 : -1), NULL) == 1 + (c != ';'))
        return i + 1;
      /* "." or ".." alone before a lower-case word is a folder ("run cmake .
       * in the root", "cd .. to go up") */
      size_t dots = 0;
      while (dots < i + 1 && s[i - dots] == '.') dots++;
      /* a sign alone ("with ? when unsure") before a lower-case word: one
       * before a capital ends a French sentence ("Quoi ? Rien.") */
      int sign = c != '.' && vgi_mark_as_sign(s, s + i, NULL) && lower_start(s + i + 1);
      /* "etc." and its kind end a sentence often, but not before a
       * lower-case word ("Patches etc. are welcome"); another period before
       * one may (": … pushes. issue_comment has …") */
      /* an ellipsis glued to a word before a lower-case one goes on ("a
       * `cJSON_Create...` function that …") */
      int trails = c == '.' && dots >= 3 && dots < i + 1 && s[i - dots] != ' ' && lower_start(s + i + 1);
      /* a bare address that a capital follows ended its sentence, its full
       * stop left out so as not to join the address ("…located at
       * https://example.org/issues You will need …"), as the voice takes it */
      if (words >= 2 && !depth && s[i + 1] == ' ' && bare_address_before(s, i + 1) && isupper((unsigned char)s[i + 2]) &&
          islower((unsigned char)s[i + 3]))
        return i + 1;
      if (words >= 2 && !depth && s[i + 1] && strchr(".!?", c) && !sign && !trails && !vgi_etc_goes_on(s, s + i) &&
          !(dots <= 2 && dots < i + 1 && s[i - dots] == ' ' && (lower_start(s + i + 1) || option_follows(s + i + 1))) &&
          !(c == '.' && (known_abbrev(s, s + i) || (s[i + 1] == ' ' && ordinal(s, s + i, s + i + 2, "de")))))
        return i + 1;
    }
  }
  return i;
}

/* 1 when t[0..n) is a lead-in that the block after it completes: a few
 * words with no sentence end ("becomes", "показывается как" between two
 * samples of pstree(1)'s output), which mean nothing without the block. */
int vgi_run_on_lead(const char *t, size_t n) {
  while (n && (t[n - 1] == ' ' || t[n - 1] == '\n')) n--;
  if (!n || n > 120 || strchr(".!?;:)\"'", t[n - 1]) || vgi_wide_stop_before(t, n)) return 0;
  char *c = strndup(t, n);
  if (!c) return 0;
  int lead = vgi_word_count(c) <= 4 && vgi_first_sentence(c) == n && !strchr(c, '\n');
  free(c);
  return lead;
}

/* ---- a shorter whole clause ------------------------------------------------- */

/* Words that start a new clause or predicate: coordinating conjunctions
 * ("… in its own pocket | and weighs …") ... */
static const char *const coord[] = { "and", "or", "but", "und", "oder", "aber", "sowie", "sondern", "et", "ou",
  "mais", "y", "o", "pero", "e", "ma", "mas", "maar", "и", "или", "но", "а", "затем", NULL };
/* ... relative pronouns ("a hierarchy | that forms …") ... */
static const char *const relative[] = { "that", "which", "who", "whom", "whose", "where", "qui", "dont", "où",
  "quien", "quienes", "donde", "cuyo", "cuya", "che", "cui", "onde", "cujo", "waar", "welke", "который",
  "которая", "которое", "которые", "где", NULL };
/* ... and prepositions that open an adjunct (adjunct_prep, above) */
/* A restriction or negation the rest must not carry away: "use it, but
 * not in production" said as "use it" says the opposite. */
static const char *const restriction[] = { "not", "no", "never", "nor", "unless", "except", "only",
  "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "außer", "nur", "pas",
  "jamais", "sauf", "ni", "seulement", "uniquement", "nunca", "salvo", "solo", "sólo",
  "solamente", "non", "mai", "tranne", "soltanto", "não", "exceto", "apenas", "somente",
  "niet", "geen", "nooit", "alleen", "behalve", "не", "нет", "ни", "кроме", "только", NULL };
/* Paired prepositions: "range from A | to B" is not cut between them; each
 * opening word closes with its own ("from … to", "between … and"), so
 * "from A and B" has no second half. */
static const struct { const char *open, *close[4]; } pairs[] = {
  { "from", { "to", NULL } }, { "between", { "and", NULL } }, { "von", { "bis", "zu", NULL } },
  { "zwischen", { "und", NULL } }, { "entre", { "et", "y", "e", NULL } }, { "desde", { "hasta", "a", NULL } },
  { "из", { "в", NULL } }, { "от", { "до", NULL } } };

static int is_dash(const char *w, size_t n) {
  return (n == 1 && *w == '-') || (n == 2 && !strncmp(w, "--", 2)) || (n == 3 && (!strncmp(w, "\xE2\x80\x94", 3) ||
                                                                                    !strncmp(w, "\xE2\x80\x93", 3)));
}

/* Any word of t's words [from, to) in list. */
static int any_in(const hl_words *h, int from, int to, const char *const *list) {
  for (int i = from; i < to && i < h->n; i++)
    if (in_list(list, h->t + h->ws[i], h->we[i] - h->ws[i])) return 1;
  return 0;
}

/* Where the clause that starts at word `from` ends: the index after its
 * last word (a word that ends in , ; : . or comes before a dash). */
static int clause_end(const hl_words *h, int from) {
  for (int i = from; i < h->n; i++) {
    if (is_dash(h->t + h->ws[i], h->we[i] - h->ws[i])) return i;
    if (strchr(",;:.", h->t[h->we[i] - 1])) return i + 1;
  }
  return h->n;
}

/* How strong a break comes before word i: 1 a clause mark (; : a dash, a
 * comma before a new clause), 2 a conjunction or a relative pronoun, 3 a
 * participle, 4 a preposition; 0 none. A sentence's end counts as a
 * clause mark. */
static int break_tier(const hl_words *h, int i) {
  const char *w = h->t + h->ws[i];
  size_t wl = h->we[i] - h->ws[i];
  char prev = h->t[h->we[i - 1] - 1];
  if (prev == ';' || prev == ':' || is_dash(w, wl)) return 1;
  /* a sentence's end before the next ("… and uni576F-TW. See Issue 38") */
  if (strchr(".!?", prev) && isupper((unsigned char)*w) && h->we[i - 1] - h->ws[i - 1] > 3) return 1;
  int cl = in_list(coord, w, wl) || in_list(relative, w, wl) || in_list(lead_sub, w, wl);
  if (prev == ',') return cl || ing_word(w, wl) || (h->german && in_list(de_sub, w, wl)) ? 1 : 0;
  if (cl && !in_list(lead_sub, w, wl)) return 2;
  if (ing_word(w, wl)) return 3;
  if (in_list(adjunct_prep, w, wl)) return 4;
  return 0;
}

/* Words that open a condition, a time or a concession, whose clause needs
 * the main clause after it (not "to", "as", "since", "before": they are
 * prepositions as often). */
static const char *const cond_sub[] = { "if", "when", "whenever", "unless", "once", "whether", "although",
  "though", "because", "while", "until", "wenn", "falls", "ob", "obwohl", "weil", "sofern", "si", "quand",
  "lorsque", "puisque", "cuando", "aunque", "porque", "mientras", "quando", "poiché", "mentre", "embora",
  "enquanto", "wanneer", "omdat", "hoewel", "\xD0\xB5\xD1\x81\xD0\xBB\xD0\xB8",   /* если */
  "\xD0\xBA\xD0\xBE\xD0\xB3\xD0\xB4\xD0\xB0", "\xD1\x85\xD0\xBE\xD1\x82\xD1\x8F", NULL };   /* когда, хотя */

/* 1 when t[0, cut) ends inside such a clause, or just after it: the last
 * of those words has no comma after it that a main clause of two words or
 * more follows ("Also if you are an end-user of the programs and not the
 * packager", "Of course, if a bug is due to a change" are no statements). */
static int open_condition(const char *t, size_t cut) {
  int k = -1, main_words = 0, n = 0;
  for (size_t q = 0; q < cut && t[q];) {
    while (q < cut && t[q] == ' ') q++;
    size_t e = q;
    while (e < cut && t[e] && t[e] != ' ') e++;
    if (e == q) break;
    size_t bl = e - q;
    while (bl && strchr(",.;:!?\"')", t[q + bl - 1])) bl--;
    if (bl && in_list(cond_sub, t + q, bl)) { k = n; main_words = -1; }
    else if (k >= 0 && main_words >= 0) main_words++;
    /* the clause ends at its comma (or ; :); what follows is the main clause */
    if (k >= 0 && main_words < 0 && bl < e - q && strchr(",;:", t[q + bl])) main_words = 0;
    n++;
    q = e;
  }
  return k >= 0 && main_words < 2;
}

/* "… and may use | , depending on the settings, even hundreds of
 * megabytes": a verb after a modal, its object after the aside that
 * interrupts it (the aside closes on a comma and the clause goes on, not a
 * new clause). 1 when t[0, cut) ends so. */
static int modal_verb_interrupted(const char *t, size_t cut) {
  static const char *const modal[] = { "may", "might", "can", "could", "must", "should", "will", "would",
                                       "shall", "to", NULL };
  static const char *const clause[] = { "and", "or", "but", "which", "who", "so", "while", "whereas",
                                        "although", "though", "because", NULL };
  /* (the cut is after the comma, a word's end, or at it) */
  if (cut && t[cut - 1] == ',') cut--;
  if (t[cut] != ',') return 0;
  size_t lw = cut;
  while (lw && t[lw - 1] != ' ') lw--;
  size_t pe = lw;
  while (pe && t[pe - 1] == ' ') pe--;
  size_t pw = pe;
  while (pw && t[pw - 1] != ' ') pw--;
  if (pe == pw || lw == cut || !in_list(modal, t + pw, pe - pw)) return 0;
  const char *c2 = strchr(t + cut + 1, ',');
  const char *end = strpbrk(t + cut + 1, ".;:!?");
  if (!c2 || (end && end < c2)) return 0;
  const char *q = c2 + 1;
  while (*q == ' ') q++;
  size_t ql = strcspn(q, " ,.;:");
  return ql && islower((unsigned char)*q) && !in_list(clause, q, ql);
}

/* Correlative pairs: a statement that opens the first half says its second
 * half after a comma ("включає як стандартні команди, | так і ті, …",
 * "sowohl A | als auch B"); cut between them, the headline leaves the
 * pair open. The halves as lower-case words, a space between words. */
static const struct { const char *open, *close[4]; } correlative_pairs[] = {
  { "як", { "так і", "так й", NULL } },
  { "как", { "так и", NULL } },
  { "не лише", { "а й", "але й", "але і", NULL } },
  { "не тільки", { "а й", "але й", "але і", NULL } },
  { "не только", { "но и", "а и", NULL } },
  { "zarówno", { "jak i", "jak również", "jak też", NULL } },
  { "nie tylko", { "ale", "lecz", NULL } }, { "nejen", { "ale", "nýbrž", NULL } },
  { "sowohl", { "als auch", NULL } }, { "nicht nur", { "sondern", NULL } }, { "weder", { "noch", NULL } },
  { "entweder", { "oder", NULL } }, { "zowel", { "als", NULL } }, { "niet alleen", { "maar", NULL } },
  { "not only", { "but", NULL } }, { "either", { "or", NULL } }, { "neither", { "nor", NULL } },
  { "non seulement", { "mais", NULL } }, { "aussi bien", { "que", NULL } }, { "tanto", { "como", "quanto", NULL } },
  { "no solo", { "sino", NULL } }, { "no sólo", { "sino", NULL } }, { "non solo", { "ma", NULL } },
  { "não só", { "mas", NULL } }, { "não apenas", { "mas", NULL } } };

/* The end of the phrase p (words separated by one space, matched as
 * in_list matches a word, within one clause) when the words of t from w on
 * are p, else NULL */
static const char *phrase_at(const char *w, const char *p) {
  while (*p) {
    while (*w == ' ') w++;
    size_t wl = strcspn(w, " "), pl = strcspn(p, " ");
    char one[64];
    if (!wl || pl >= sizeof one) return NULL;
    memcpy(one, p, pl);
    one[pl] = 0;
    if (!in_list((const char *const[]){ one, NULL }, w, wl)) return NULL;
    if (p[pl] && strchr(",;:.!?", w[wl - 1])) return NULL;   /* (only its last word ends the clause) */
    w += wl;
    p += pl;
    while (*p == ' ') p++;
  }
  return w;
}

/* 1 when t cut at byte `cut` leaves a correlative pair open: its first
 * half before the cut, in the sentence the cut is in, and the first second
 * half after it ending after the cut (said after it, or cut in two: "як
 * …, так | і …"). */
static int open_correlative(const char *t, size_t cut) {
  size_t s = 0;   /* the sentence's start */
  for (size_t q = 0; q + 1 < cut && t[q]; q++)
    if (strchr(".!?;", t[q]) && t[q + 1] == ' ') s = q + 2;
  for (size_t k = 0; k < sizeof correlative_pairs / sizeof *correlative_pairs; k++) {
    for (size_t q = s; q < cut && t[q];) {
      while (t[q] == ' ') q++;
      if (q >= cut || !t[q]) break;
      if (phrase_at(t + q, correlative_pairs[k].open)) {
        /* its second half: the first after it in the sentence */
        for (const char *w = t + q + strcspn(t + q, " "); *w;) {
          while (*w == ' ') w++;
          if (!*w) break;
          const char *e = NULL;
          for (int c = 0; !e && correlative_pairs[k].close[c]; c++) e = phrase_at(w, correlative_pairs[k].close[c]);
          if (e) {
            if ((size_t)(e - t) > cut) return 1;
            break;   /* the pair closes before the cut */
          }
          size_t wl = strcspn(w, " ");
          if (wl && strchr(".!?;", w[wl - 1])) break;   /* the sentence ends */
          w += wl;
        }
      }
      q += strcspn(t + q, " ");
    }
  }
  return 0;
}

int vgi_open_correlative(const char *t, size_t cut) { return open_correlative(t, cut); }

/* 1 when t cut at byte `cut` keeps its meaning: the cut is outside
 * brackets, quotes and code, and what goes carries no negation or
 * restriction ("not", "never", "only", "unless", "n't"). */
int vgi_cut_keeps_meaning(const char *t, size_t cut) {
  int depth = 0, dq = 0, curly = 0, tick = 0;
  for (size_t q = 0; q < cut && t[q]; q++) {
    if (t[q] == '(' || t[q] == '[' || !strncmp(t + q, "\xEF\xBC\x88", 3)) depth++;
    else if ((t[q] == ')' || t[q] == ']' || !strncmp(t + q, "\xEF\xBC\x89", 3)) && depth) depth--;
    else if (t[q] == '"') dq ^= 1;
    else if (t[q] == '`') tick ^= 1;
    /* “ ” « » „ 「 」 */
    else if (!strncmp(t + q, "\xE2\x80\x9C", 3) || !strncmp(t + q, "\xC2\xAB", 2) || !strncmp(t + q, "\xE2\x80\x9E", 3) ||
             !strncmp(t + q, "\xE3\x80\x8C", 3))
      curly++;
    else if ((!strncmp(t + q, "\xE2\x80\x9D", 3) || !strncmp(t + q, "\xC2\xBB", 2) || !strncmp(t + q, "\xE3\x80\x8D", 3)) &&
             curly)
      curly--;
  }
  if (depth || dq || curly || tick) return 0;
  if (open_condition(t, cut)) return 0;
  if (modal_verb_interrupted(t, cut)) return 0;
  if (open_correlative(t, cut)) return 0;
  if (cut_leaves_prefix(t, cut)) return 0;   /* "Legen Sie … | … an" */
  /* a participle alone after a comma (", depending | on the settings"): a
   * fragment whose phrase is cut off */
  {
    size_t e = cut;
    while (e && t[e - 1] == ' ') e--;
    size_t b = e;
    while (b && t[b - 1] != ' ') b--;
    size_t p = b;
    while (p && t[p - 1] == ' ') p--;
    if (e > b && p && t[p - 1] == ',' && ing_word(t + b, e - b) && t[e] == ' ') return 0;
  }
  /* an example after a dash or a comma ("- for instance, upgrading …
   * doesn't require …") goes whole: the statement stays as it was */
  const char *r = t + cut;
  while (*r == ' ' || *r == ',' || *r == '-') r++;
  if (!strncmp(r, "\xE2\x80\x94", 3) || !strncmp(r, "\xE2\x80\x93", 3)) r += 3;
  while (*r == ' ') r++;
  static const char *const example[] = { "for instance", "for example", "e.g.", "z. B.", "zum Beispiel",
    "par exemple", "por ejemplo", "ad esempio", "per esempio", "por exemplo", "bijvoorbeeld",
    "\xD0\xBD\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80", NULL };   /* например */
  for (int k = 0; example[k]; k++)
    if (!strncasecmp(r, example[k], strlen(example[k]))) return 1;
  const char *prev = NULL;
  size_t prev_l = 0;
  int quoted = 0, after_comma = 0;
  for (const char *w = t + cut; *w;) {
    while (*w == ' ') w++;
    size_t wl = strcspn(w, " ");
    if (!wl) break;
    /* a clause of its own after a comma: a reason or a time ("…, como no
     * hay …"), or one after "but" with its own verb ("…, but write access
     * could not be obtained"), goes whole and leaves the rest as it was */
    if (after_comma && !quoted && !in_list(restriction, w, wl)) {
      if (in_list(lead_sub, w, wl)) return 1;
      if (in_list((const char *const[]){ "but", "aber", "mais", "pero", "ma", "mas", "maar", "но", NULL }, w, wl)) {
        int verb = 0;
        for (const char *v = w + wl; *v && !verb;) {
          while (*v == ' ') v++;
          size_t vl = strcspn(v, " ");
          verb = in_list(vgi_aux_verbs, v, vl) || in_list(de_aux, v, vl);
          if (vl && strchr(",;:.", v[vl - 1])) break;
          v += vl;
        }
        if (verb) return 1;
      }
    }
    /* words in quotes are names ("the sections « Uniquement macOS »") */
    for (size_t q = 0; q < wl; q++)
      if (w[q] == '"' || !strncmp(w + q, "\xC2\xAB", 2) || !strncmp(w + q, "\xC2\xBB", 2) ||
          !strncmp(w + q, "\xE2\x80\x9C", 3) || !strncmp(w + q, "\xE2\x80\x9D", 3) || !strncmp(w + q, "\xE2\x80\x9E", 3))
        quoted ^= 1;
    int in_quote = quoted || w[0] == '"' || !strncmp(w, "\xC2\xAB", 2) || !strncmp(w, "\xE2\x80\x9C", 3);
    /* "or not" ("sutis ou não", "whether or not") leaves the rest as it was */
    int or_not = prev_l && in_list((const char *const[]){ "or", "ou", "oder", "o", "of", "или", NULL }, prev, prev_l);
    size_t bl = wl;
    while (bl && strchr(",.;:!?\"')", w[bl - 1])) bl--;
    if (!in_quote && !or_not) {
      if (in_list(restriction, w, wl)) return 0;
      if (bl >= 3 && !strncmp(w + bl - 3, "n't", 3)) return 0;
      if (bl >= 5 && !strncmp(w + bl - 5, "n\xE2\x80\x99t", 5)) return 0;
    }
    prev = w, prev_l = wl;
    /* a new sentence or a clause after ; or : is a statement of its own */
    if (!quoted && bl < wl && strchr(".;:!?", w[bl])) return 1;
    after_comma = !quoted && bl < wl && w[bl] == ',';
    w += wl;
  }
  return 1;
}

/* Is cutting s before word i safe: the meaning kept (above), no verb the
 * kept words need in the rest, no second half of a paired preposition? */
static int safe_cut(const hl_words *h, int i) {
  const char *t = h->t;
  if (!vgi_cut_keeps_meaning(t, h->we[i - 1])) return 0;
  /* the rest of the clause the cut is in holds its verb */
  int end = clause_end(h, i);
  if (any_in(h, i, end, vgi_aux_verbs) && !any_in(h, 0, i, vgi_aux_verbs)) return 0;
  /* … or the verb of a subject the kept words end in ("types such as
   * integers that have a known size | at compile time are stored") */
  if (!h->german && !strchr(",;:", t[h->we[i - 1] - 1]) && vgi_verb_after(t + h->ws[i], strlen(t + h->ws[i])))
    return 0;
  /* "from A | to B": the second half is in the rest of the clause */
  for (int k = 0; k < i; k++)
    for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++) {
      if (!in_list((const char *const[]){ pairs[p].open, NULL }, t + h->ws[k], h->we[k] - h->ws[k])) continue;
      int closed = 0;
      for (int j = k + 1; j < i && !closed; j++) closed = in_list(pairs[p].close, t + h->ws[j], h->we[j] - h->ws[j]);
      if (!closed && any_in(h, i, end, pairs[p].close)) return 0;
    }
  return 1;
}

/* s, or a shorter whole clause of it of at most `max` words: s up to the
 * last clause mark (; : a dash, a comma before a new clause), else up to
 * the last conjunction, relative pronoun, participle or preposition, after
 * which the words before still make a statement. The adjunct, the
 * second predicate or the relative clause that goes is detail the
 * narration says. Never a cut inside brackets, quotes or code, nor one that
 * drops a negation or a restriction ("not", "only", "unless"), nor one
 * before the verb. An opening subordinate clause that leaves no such cut
 * goes instead ("While A does B, C needs D" → "C needs D"). s itself when
 * nothing is safe. Caller frees. */
char *vgi_short_clause(const char *s, int max) {
  char *t = vgi_squash(vgi_strdup(s));
  size_t l = strlen(t);
  while (l && strchr(".:;,", t[l - 1])) t[--l] = 0;
  if (vgi_word_count(t) <= max) return t;
  size_t ws[96], we[96];
  int n = vgi_split_words(t, ws, we, 96);
  hl_words hw = { t, ws, we, n, german_words(t, ws, we, n), 0 };
  /* an opening clause of background ("While …, …"): the main clause
   * after its comma, when that is short enough whole (a condition, "If …,
   * run X", stays, as it limits what the main clause says) */
  static const char *const background[] = { "while", "whereas", "although", "though", "as", "since", "because",
    "comme", "puisque", "aunque", "porque", "mientras", "poiché", "mentre", "embora", "enquanto", "hoewel",
    "omdat", "terwijl", "хотя", "поскольку", NULL };
  int main_at = 0;
  if (n > 4 && in_list(background, t + ws[0], we[0] - ws[0]) && !hw.german) {
    for (int i = 2; i < n - 3 && !main_at; i++) {
      if (t[we[i - 1] - 1] != ',') continue;
      if (in_list(coord, t + ws[i], we[i] - ws[i]) || any_in(&hw, 0, i, restriction)) break;
      main_at = i;
    }
  }
  if (main_at && n - main_at <= max) {
    char *m = vgi_strdup(t + ws[main_at]);
    if (vgi_opens_lower(m)) m = vgi_upper_first(m, NULL);
    free(t);
    return m;
  }
  int best = 0, best_tier = 5;
  char ok[97] = { 0 };   /* ok[i]: a safe cut before word i */
  for (int i = 4; i < n && i <= max; i++) {
    /* not after a symbol ("per > und <", "mittels *") */
    int word = 0;
    for (size_t q = ws[i - 1]; q < we[i - 1] && !word; q++) word = isalnum((unsigned char)t[q]) || (unsigned char)t[q] >= 0x80;
    if (!word) continue;
    int tier = break_tier(&hw, i);
    if (tier > 1) tier = 2;   /* "faster compression | and decompression speed | at the cost": the latest */
    if (!tier || tier > best_tier) continue;
    /* a relative clause alone after a short noun phrase leaves no verb */
    if (tier == 2 && in_list(relative, t + ws[i], we[i] - ws[i]) && i < 6) continue;
    if (!natural_cut_at(&hw, i, 0) || !safe_cut(&hw, i)) continue;
    /* nor inside a phrase: after a verb without its object, before the
     * short last member of a coordination */
    if (!hw.german && inside_phrase(&hw, i)) continue;
    ok[i] = 1;
    best = i, best_tier = tier;
  }
  /* a conjunction just before a cut at a word that came before it too
   * ("utilisez ctrl-w pour effacer le mot et ctrl-u | pour effacer …"): the
   * second half of a parallel goes on after the cut, so the cut is before
   * the conjunction when that is safe */
  for (int k = best - 1; best_tier == 2 && best < n && k >= best - 3 && k >= 4; k--)
    if (in_list(coord, t + ws[k], we[k] - ws[k])) {
      int parallel = 0;
      for (int j = 0; j < k && !parallel; j++)
        parallel = we[j] - ws[j] == we[best] - ws[best] && !strncasecmp(t + ws[j], t + ws[best], we[j] - ws[j]);
      if (ok[k] && parallel) best = k;
      break;
    }
  /* the words that wait for what the cut leaves out go ("fișierele
   * rezultate nu | vor fi …"), down to four, and so does a correlative's
   * open first half ("… так і ті" lost "ті", then "так і": "включає в
   * себе | як стандартні команди" says one half of two) */
  while (best > 4 && (dangling_end(&hw, best) || open_correlative(t, we[best - 1]))) best--;
  if (best) {
    t[we[best - 1]] = 0;
    l = strlen(t);
    while (l && strchr(".,;:- ", t[l - 1])) t[--l] = 0;
    return t;
  }
  /* else the main clause shortened */
  if (main_at) {
    char *m = vgi_short_clause(t + ws[main_at], max);
    if (vgi_word_count(m) <= max && vgi_word_count(m) >= 4) {
      if (vgi_opens_lower(m)) m = vgi_upper_first(m, NULL);
      free(t);
      return m;
    }
    free(m);
  }
  return t;
}

/* A bullet from a sentence: its headline. */
char *vgi_bullet(const char *s) { return vgi_headline(s); }

/* ---- building scenes ----------------------------------------------------------- */

static const char *fm_str(md *m, const char *k) { return vgi_str(m->fm, k); }

/* The most a block may hold: what a scene may say (limits.max_narration),
 * never less than by default (a smaller limit is checked on the narration
 * itself, by validation). */
static size_t block_max(const md *m) {
  long l = vgi_limits(m->opts)->max_narration, def = vg_limits_default.max_narration;
  return (size_t)(l > def ? l : def);
}

/* A line of more than ROW_PIPES_MAX cell separators ('|') is cut after
 * the last one kept (the rest blanked, so lines keep their numbers):
 * cmark-gfm appends a table row's cells to a list it walks from the start
 * each time, and 60,000 columns took 11 s to parse. The table still shows
 * its first TABLE_COLS_MAX columns; its real width is noted for the
 * warning (a table's header line among the first 64 such lines). */
#define ROW_PIPES_MAX 256
static void cut_wide_rows(char *text, size_t len, md *m) {
  int line = 1;
  for (size_t i = 0; i < len; line++) {
    size_t e = i, cut = 0;
    int pipes = 0;
    for (; e < len && text[e] != '\n'; e++) {
      if (text[e] == '\\' && e + 1 < len && text[e + 1] != '\n') { e++; continue; }
      if (text[e] == '|' && ++pipes == ROW_PIPES_MAX) cut = e + 1;
    }
    if (cut && pipes > ROW_PIPES_MAX) {
      /* GFM's cells: one more than the separators, less a leading and a
       * trailing one */
      size_t a = i, z = e;
      while (a < z && (text[a] == ' ' || text[a] == '\t')) a++;
      while (z > a && (text[z - 1] == ' ' || text[z - 1] == '\t' || text[z - 1] == '\r')) z--;
      int cells = pipes + 1 - (a < z && text[a] == '|') - (z > a && text[z - 1] == '|');
      if (m->nwide < (int)(sizeof m->wide_rows / sizeof *m->wide_rows))
        m->wide_rows[m->nwide].line = line, m->wide_rows[m->nwide++].cells = cells;
      memset(text + cut, ' ', e - cut);
    }
    i = e + 1;
  }
}

/* Lines without a blank one between them that add up to more than 20
 * times what a scene may say (1 MB by default) are refused at their first
 * line and blanked before parsing: the inline parser makes a node of every
 * few bytes of a paragraph (a 30 MB line took 1.2 GB), and nothing of such
 * a run could be said or shown. Line numbers stay. */
static void blank_huge_runs(char *text, size_t len, md *m) {
  size_t max = block_max(m) * 20;
  size_t run = 0, bytes = 0;
  int line = 1, run_line = 1;
  for (size_t i = 0; i <= len; i++) {
    size_t e = i;
    while (e < len && text[e] != '\n') e++;
    int blank = 1;
    for (size_t k = i; k < e && blank; k++) blank = text[k] == ' ' || text[k] == '\t' || text[k] == '\r';
    if (blank || e >= len) {
      size_t end = blank ? i : e;
      if (bytes + (blank ? 0 : e - i) > max) {
        vgi_diag_add(m->d, VGI_ERROR, m->file, run_line, 1, NULL,
                     "%zu bytes without a blank line: more than a document's block may hold (%zu)",
                     bytes + (blank ? 0 : e - i), max);
        for (size_t k = run; k < end; k++)
          if (text[k] != '\n') text[k] = ' ';
      }
      bytes = 0;
      run = e + 1;
      run_line = line + 1;
    } else {
      bytes += e - i;
    }
    i = e;
    line++;
  }
}

/* Characters of a node's text (its literals, inline ones included). */
static size_t text_size(cmark_node *n) {
  size_t sz = 0;
  const char *lit = cmark_node_get_literal(n);
  if (lit) sz += strlen(lit);
  for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) sz += text_size(c);
  return sz;
}

/* A paragraph, heading or code block longer than a scene may say is refused
 * at its line and taken out before any work on its text: megabytes of one
 * line or one list item otherwise went through sentences, headlines and
 * layout (a 30 MB line took 48 s and 1.2 GB) and into `vgrun scenes`. */
/* A letter's sign-off at the end of a README: "Enjoy!", "Happy hacking,",
 * "Sam Lantinga (slouken@libsdl.org)", "-- The GTK team". A presenter does
 * not read it out, nor show it as a key point ("Enjoy!" and "Sam Lantinga"
 * were bullets of SDL's summary). */
static int sign_off(const char *t) {
  static const char *const greetings[] = { "enjoy", "have fun", "happy hacking", "happy coding", "cheers",
    "thanks", "thank you", "regards", "best regards", "kind regards", "best wishes", "good luck", "share and enjoy", NULL };
  int words = vgi_word_count(t);
  if (words == 0 || words > 6) return 0;
  size_t n = strlen(t);
  for (int i = 0; greetings[i]; i++) {
    size_t g = strlen(greetings[i]);
    if (words <= 3 && n >= g && !strncasecmp(t, greetings[i], g) && (t[g] == 0 || strchr("!,. ", t[g])))
      return 1;
  }
  if (!strncmp(t, "-- ", 3) || !strncmp(t, "\xE2\x80\x94 ", 4) || !strncmp(t, "\xE2\x80\x93 ", 4))
    return words <= 5;
  /* a name and its mail address: "Sam Lantinga (slouken@libsdl.org)" */
  const char *at = strchr(t, '@');
  const char *open = strpbrk(t, "(<");
  /* (or the address bare after the name, as an autolink's text reads:
   * "Santiago Vila <sanvila@debian.org>" is "Santiago Vila sanvila@debian.org") */
  const char *sp = at ? strrchr(t, ' ') : NULL;
  if (!open && sp && sp < at && !strchr(at, ' ') && strchr(at, '.') && words >= 3 && words <= 5) {
    for (const char *q = t; q < sp; q++)
      if (!(isalpha((unsigned char)*q) || *q == '.' || *q == '-' || ((unsigned char)*q & 0x80) ||
            (*q == ' ' && (isupper((unsigned char)q[1]) || ((unsigned char)q[1] & 0x80) || q + 1 == sp))))
        return 0;
    return isupper((unsigned char)t[0]) || ((unsigned char)t[0] & 0x80);
  }
  if (!at || !open || open > at || open == t) return 0;
  for (const char *q = t; q < open; q++)
    if (!(isalpha((unsigned char)*q) || *q == ' ' || *q == '.' || *q == '-' || ((unsigned char)*q & 0x80))) return 0;
  return isupper((unsigned char)t[0]) || ((unsigned char)t[0] & 0x80);
}

static void drop_sign_off(cmark_node *doc) {
  for (int k = 0; k < 3; k++) {
    cmark_node *last = cmark_node_last_child(doc);
    if (!last || cmark_node_get_type(last) != CMARK_NODE_PARAGRAPH) return;
    char *t = vgi_squash(plain(last, NULL));
    int drop = sign_off(t);
    free(t);
    if (!drop) return;
    /* never the document's only words */
    cmark_node *prev = cmark_node_previous(last);
    if (!prev) return;
    cmark_node_free(last);
  }
}

/* html: how many times the limit an HTML block may be before html_blocks.c
 * has read it into the blocks it stands for (a generated page's body is
 * one HTML block of hundreds of lines); after, 1 */
static void drop_huge_blocks(cmark_node *doc, md *m, size_t html) {
  size_t max = block_max(m);
  cmark_node *c = cmark_node_first_child(doc);
  while (c) {
    cmark_node_type t = cmark_node_get_type(c);
    cmark_node *next = cmark_node_next(c);
    if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_CODE_BLOCK ||
        t == CMARK_NODE_HTML_BLOCK) {
      size_t sz = text_size(c);
      const char *lit = t == CMARK_NODE_CODE_BLOCK ? cmark_node_get_literal(c) : NULL;
      if (lit && sz > max) {
        /* code is shown, not said, and shown a slide of lines at a time: a
         * long listing (coreutils' THANKS, 1,300 names in columns) keeps
         * the lines that fit the limit, and says so */
        size_t keep = max;
        while (keep > 0 && lit[keep - 1] != '\n') keep--;
        int lines = 0, all = 0;
        for (size_t k = 0; lit[k]; k++) { all += lit[k] == '\n'; lines += k < keep && lit[k] == '\n'; }
        if (lines > 0) {
          char *cut = malloc(keep + 1);
          if (!cut) abort();
          memcpy(cut, lit, keep);
          cut[keep] = 0;
          cmark_node_set_literal(c, cut);
          free(cut);
          vgi_diag_add(m->d, VGI_WARNING, m->file, cmark_node_get_start_line(c), 1, NULL,
                       "a code block of %zu characters (%d lines): its first %d lines are kept", sz, all, lines);
          c = next;
          continue;
        }
      }
      if (sz > (t == CMARK_NODE_HTML_BLOCK ? max * html : max)) {
        vgi_diag_add(m->d, VGI_ERROR, m->file, cmark_node_get_start_line(c), 1, NULL,
                     "a %s of %zu characters: longer than a scene may say (%zu)",
                     t == CMARK_NODE_HEADING ? "heading" : t == CMARK_NODE_CODE_BLOCK ? "code block" : "paragraph",
                     sz, max);
        cmark_node_free(c);   /* unlinks it */
      }
    } else if (cmark_node_first_child(c)) {
      drop_huge_blocks(c, m, html);   /* lists, items, quotes: depth is bounded above */
    }
    c = next;
  }
}

/* Whether a code block holds nothing but one to three web addresses, one a
 * line. */
static int urls_only(const char *lit) {
  int urls = 0;
  for (const char *q = lit ? lit : ""; *q;) {
    q += strspn(q, " \t");
    size_t l = strcspn(q, "\n");
    size_t e = l;
    while (e && (q[e - 1] == ' ' || q[e - 1] == '\t' || q[e - 1] == '\r')) e--;
    if (e) {
      int scheme = !strncmp(q, "https://", 8) || !strncmp(q, "http://", 7) || !strncmp(q, "ftp://", 6);
      if (!scheme || memchr(q, ' ', e) || memchr(q, '\t', e) || ++urls > 3) return 0;
    }
    q += l + (q[l] == '\n');
  }
  return urls > 0;
}

/* The project a paragraph names when it is one link to a repository
 * ("https://github.com/google/double-conversion", first line of a README):
 * the repository's name, else NULL. Caller frees. */
static char *repository_name(cmark_node *para) {
  cmark_node *l = NULL;
  for (cmark_node *n = cmark_node_first_child(para); n; n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    const char *lit = t == CMARK_NODE_TEXT ? cmark_node_get_literal(n) : NULL;
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK || (lit && !lit[strspn(lit, " \t")])) continue;
    if (l || t != CMARK_NODE_LINK) return NULL;   /* one link and nothing else */
    l = n;
  }
  if (!l) return NULL;
  const char *url = cmark_node_get_url(l);
  static const char *const forges[] = { "github.com/", "gitlab.com/", "codeberg.org/", "bitbucket.org/",
                                        "git.sr.ht/", "salsa.debian.org/", "sourceforge.net/projects/" };
  const char *p = url && !strncmp(url, "https://", 8) ? url + 8 : url && !strncmp(url, "http://", 7) ? url + 7 : NULL;
  if (p && !strncmp(p, "www.", 4)) p += 4;
  size_t k = 0;
  for (; p && k < sizeof forges / sizeof *forges; k++)
    if (!strncmp(p, forges[k], strlen(forges[k]))) break;
  if (!p || k == sizeof forges / sizeof *forges) return NULL;
  p += strlen(forges[k]);
  /* owner/name (one name only for SourceForge's projects/NAME) */
  const char *slash = k == 6 ? p : strchr(p, '/');
  if (!slash) return NULL;
  const char *name = k == 6 ? p : slash + 1;
  size_t n = strcspn(name, "/?#");
  if (n > 4 && !strncmp(name + n - 4, ".git", 4)) n -= 4;
  if (!n || n > 60 || (name[n] == '/' && name[n + 1] && name[n + 1] != '?' && name[n + 1] != '#')) return NULL;
  char *r = malloc(n + 1);
  if (!r) return NULL;
  memcpy(r, name, n);
  r[n] = 0;
  for (char *q = r; *q; q++)
    if (!isalnum((unsigned char)*q) && !strchr("-_.+", *q)) { free(r); return NULL; }
  return r;
}

/* Words of what a reader meets before `stop` at the top level of the
 * document: its paragraphs, lists and quotes, not navigation, badges, HTML
 * or headings; counted until `enough` (an H1 late in a long document costs
 * no reading of all before it). */
static int words_before(cmark_node *doc, cmark_node *stop, int enough, int *blocks) {
  int words = 0;
  *blocks = 0;
  for (cmark_node *c = cmark_node_first_child(doc); c && c != stop && words < enough; c = cmark_node_next(c)) {
    cmark_node_type ty = cmark_node_get_type(c);
    if (ty == CMARK_NODE_PARAGRAPH && navigation(c)) continue;
    if (ty != CMARK_NODE_PARAGRAPH && ty != CMARK_NODE_LIST && ty != CMARK_NODE_BLOCK_QUOTE) continue;
    char *t = plain(c, NULL);
    int n = vgi_word_count(t);
    free(t);
    words += n;
    *blocks += n >= 4;
  }
  return words;
}

/* Whether a code block's fence names a language ("```js"): then it is
 * code, whatever it looks like. */
static int info_lang(const char *info) {
  return info && isalpha((unsigned char)info[0]);
}

/* Whether a block is a picture drawn in characters: three lines or more,
 * nearly all of its marks punctuation (slashes, underscores, bars), no word
 * of three letters. A command, a table or a tree of files has words. */
static int ascii_art(const char *lit) {
  if (!lit) return 0;
  int lines = 0, marks = 0, alnum = 0, run = 0, word = 0;
  for (const char *q = lit; *q; q++) {
    if (*q == '\n') lines++;
    if ((unsigned char)*q >= 0x80) return 0;   /* box drawing, another script: leave it */
    if (isalpha((unsigned char)*q)) word |= ++run >= 3;
    else run = 0;
    if (isalnum((unsigned char)*q)) alnum++;
    else if (ispunct((unsigned char)*q)) marks++;
  }
  return lines >= 3 && !word && marks >= 20 && marks >= 20 * alnum;   /* (a graph of commits "A---B" is shown) */
}

/* The title of a document without an H1 or a title: in front matter: its
 * first heading of any level when no prose comes before it, else the
 * repository its first paragraph links to alone, else the lead of its
 * first sentence (its bold term, else its headline), else its file name
 * made readable ("my_tool-notes.md" -> "My tool notes", "README" ->
 * "Readme"). Caller frees. */
/* A heading that names a part of any document, not this one: "Introduction",
 * "Overview". As a video's title it gave "Welcome to Introduction." */
static int generic_title(const char *t) {
  static const char *const words[] = {
    "introduction", "overview", "about", "summary", "description", "contents", "table of contents",
    "readme", "read me", "preface", "abstract", "synopsis", "general", "general information",
    "getting started", "background", "intro", "welcome", "project description",
    "einleitung", "einführung", "überblick", "übersicht", "introducción", "descripción",
    "présentation", "aperçu", "introduzione", "panoramica", "introdução", "visão geral",
    "inleiding", "overzicht", "введение", "обзор", "описание", "Введение", "Обзор", "Описание", NULL };
  char buf[64];
  size_t n = strlen(t);
  while (n && (t[n - 1] == ':' || t[n - 1] == '.' || t[n - 1] == ' ')) n--;
  if (n == 0 || n >= sizeof buf) return 0;
  for (size_t i = 0; i < n; i++) buf[i] = (char)tolower((unsigned char)t[i]);
  buf[n] = 0;
  /* (lower case byte by byte: a word that starts with a capital outside
   * ASCII is listed as well as written) */
  for (int i = 0; words[i]; i++)
    if (!strcmp(buf, words[i])) return 1;
  return 0;
}

/* A title that names, then says: "pipx — Install and Run Python
 * Applications in Isolated Environments", "Express - Fast, minimalist web
 * framework", "Rustlings: small exercises to get you reading Rust". The
 * name (one to three words) stays in t; the rest, its subtitle, is
 * returned (caller frees), or NULL. Not a numbered part ("Part 2: …",
 * "Lesson 3 - …") nor a kind ("Tutorial: …"): the rest is the title there. */
_Thread_local int vgi_title_whole_;
static char *title_tagline(char *t) {
  static const char *const seps[] = { " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", ": ", NULL };
  static const char *const kinds[] = { "tutorial", "guide", "part", "chapter", "step", "lesson", "appendix",
    "example", "examples", "note", "notes", "exercise", "lab", "module", "unit", "day", "week", "case study",
    "faq", "howto", "how-to", "recipe", "cheatsheet", "cheat sheet", "release notes", "changelog", "news",
    "update", "announcement", "rfc", "proposal", "draft", NULL };
  char *at = NULL;
  size_t sl = 0;
  for (int k = 0; seps[k]; k++) {
    char *f = strstr(t, seps[k]);
    if (f && (!at || f < at)) { at = f; sl = strlen(seps[k]); }
  }
  if (!at || at == t) return NULL;
  const char *rest = at + sl;
  char name[64];
  size_t n = (size_t)(at - t);
  if (n >= sizeof name) return NULL;
  memcpy(name, t, n);
  name[n] = 0;
  int w = vgi_word_count(name), rw = vgi_word_count(rest);
  if (w < 1 || w > 3 || rw < 2 || isdigit((unsigned char)name[n - 1]) || generic_title(name))
    return NULL;
  /* (not inside brackets: "Types (libffi: the portable … library)") */
  if (strchr(name, '(') || strchr(name, '[')) return NULL;
  /* a colon also heads a topic by its category ("Modules: ECMAScript
   * modules", "Guides: Routing"): a tagline after one says more than a
   * name, and not the category's word again */
  int again = 0;
  for (const char *q = rest; *q && !again; q++) again = !strncasecmp(q, name, n);
  if (sl == 2 && (rw < 4 || again)) return NULL;
  /* (a kind's name, or a single letter or Roman numeral: "Appendix A") */
  char low[64];
  for (size_t i = 0; i <= n; i++) low[i] = (char)tolower((unsigned char)name[i]);
  for (int k = 0; kinds[k]; k++) {
    size_t kl = strlen(kinds[k]);
    if (!strncmp(low, kinds[k], kl) && (!low[kl] || low[kl] == ' ')) return NULL;
  }
  const char *lastw = strrchr(name, ' ');
  lastw = lastw ? lastw + 1 : name;
  if (strlen(lastw) == 1 || strspn(lastw, "IVXLC") == strlen(lastw)) return NULL;
  char *sub = vgi_strdup(rest);
  *at = 0;
  /* "fzf - a command-line fuzzy finder": the subtitle starts as a line
   * does ("A command-line fuzzy finder"); a name keeps its case ("npm-based") */
  size_t fw = strcspn(sub, " ");
  if (islower((unsigned char)sub[0]) && strspn(sub, "abcdefghijklmnopqrstuvwxyz,") >= fw)
    sub[0] = (char)toupper((unsigned char)sub[0]);
  return sub;
}

/* What the document is about, by its own first sentence: "httplib2 is a
 * comprehensive HTTP client library" -> "httplib2". A short subject (up to
 * four words) before " is a", " is an", " are a"...; not "This", "It", "The
 * following". NULL when the first paragraph says nothing of the kind. */
static int pictures_only(cmark_node *p);
static char *subject_title(cmark_node *doc) {
  for (cmark_node *c = cmark_node_first_child(doc); c; c = cmark_node_next(c)) {
    /* (a row of badges and a logo says nothing: the paragraph after it is
     * the first, docker/compose under "# Table of Contents") */
    if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH || navigation(c) || pictures_only(c)) continue;
    char *t = vgi_squash(plain(c, NULL));
    char *out = NULL;
    static const char *const verbs[] = { " is a ", " is an ", " is the ", " are a ", " provides ", NULL };
    const char *at = NULL;
    for (int i = 0; verbs[i]; i++) {
      const char *v = strstr(t, verbs[i]);
      if (v && (!at || v < at)) at = v;
    }
    if (at && at > t && at - t <= 60) {
      size_t len = (size_t)(at - t);
      char *subj = malloc(len + 1);
      if (!subj) { free(t); return NULL; }
      memcpy(subj, t, len);
      subj[len] = 0;
      static const char *const not_names[] = { "this", "it", "that", "there", "here", "the following", "which", "what", NULL };
      /* (a dot inside a name is the name's: "Underscore.js", "Node.js") */
      int ok = vgi_word_count(subj) <= 4 && !strpbrk(subj, ",;:!?()[]\"");
      for (const char *d = strchr(subj, '.'); ok && d; d = strchr(d + 1, '.'))
        ok = d > subj && isalnum((unsigned char)d[-1]) && isalnum((unsigned char)d[1]);
      for (int i = 0; ok && not_names[i]; i++) ok = strcasecmp(subj, not_names[i]) != 0;
      /* "Currently the project provides ...": a name has no article inside,
       * and does not start with an adverb */
      if (ok) {
        size_t w1 = strcspn(subj, " ");
        ok = !strstr(subj, " the ") && !strstr(subj, " a ") && !strstr(subj, " an ") &&
             !(w1 > 3 && !strncmp(subj + w1 - 2, "ly", 2) && islower((unsigned char)subj[0]));
      }
      /* "The library is a ...": a common noun with an article names nothing */
      if (ok && (!strncasecmp(subj, "the ", 4) || !strncasecmp(subj, "a ", 2) || !strncasecmp(subj, "an ", 3) ||
                 !strncasecmp(subj, "this ", 5) || !strncasecmp(subj, "our ", 4)))
        ok = 0;
      if (ok) out = subj;
      else free(subj);
    }
    free(t);
    return out;   /* the first paragraph only */
  }
  return NULL;
}

/* What a README's first sentence says the document is: "These are the GNU
 * core utilities." -> "GNU core utilities"; "This is GNU grep, the
 * \"fastest grep in the west\"" -> "GNU grep"; "This file is part of the GNU
 * MP Library." -> "GNU MP Library"; "This is the new version (1.47.0) of
 * the second extended file system management programs." -> "second
 * extended file system management programs"; "Thanks for downloading
 * Linux-PAM." -> "Linux-PAM". NULL for anything else, and for what is a
 * description rather than a name ("This is a module for ..."). */
static char *named_in_sentence(const char *sv) {
  static const char *const leads[] = { "this is ", "these are ", "this package contains ", "this package provides ",
    "this package is ", "this directory contains ", "this repository contains ", "this file is part of ",
    "this is the file readme for ", "this is the readme for ", "thanks for downloading ", "thank you for downloading ",
    "thanks for using ", "thank you for using ", "thank you for choosing ", "welcome to ", NULL };
  const char *p = NULL;
  for (int i = 0; leads[i] && !p; i++)
    if (!strncasecmp(sv, leads[i], strlen(leads[i]))) p = sv + strlen(leads[i]);
  if (!p) return NULL;
  /* "the new version (1.47.0) of", "version 2.1 of", "the file README for" */
  static const char *const ofs[] = { "the file readme for ", "the readme for ", "the new version ", "a new version ",
                                     "the version ", "version ", "release ", "the release ", NULL };
  for (int i = 0; ofs[i]; i++)
    if (!strncasecmp(p, ofs[i], strlen(ofs[i]))) {
      const char *q = p + strlen(ofs[i]);
      if (i < 2) { p = q; break; }
      const char *of = strstr(q, " of ");
      if (!of || of - q > 24) return NULL;
      p = of + 4;
      break;
    }
  if (!strncasecmp(p, "the ", 4)) p += 4;
  if (!strncasecmp(p, "a ", 2) || !strncasecmp(p, "an ", 3) || !strncasecmp(p, "our ", 4)) return NULL;
  size_t n = strcspn(p, ",;:.!?()\"");
  for (;;) {
    /* (a dot inside a name is the name's: "Node.js", "GNU bc 1.07") */
    if (p[n] == '.' && n > 0 && isalnum((unsigned char)p[n - 1]) && isalnum((unsigned char)p[n + 1])) {
      n += 1 + strcspn(p + n + 1, ",;:.!?()\"");
      continue;
    }
    /* "the GNU find, xargs, and locate programs": a list of names is one
     * name; "GNU grep, the \"fastest grep ...\"" is a name and what it is */
    if (p[n] == ',' && p[n + 1] == ' ' && strncasecmp(p + n + 2, "the ", 4) && strncasecmp(p + n + 2, "a ", 2) &&
        strncasecmp(p + n + 2, "an ", 3) && strncasecmp(p + n + 2, "which ", 6) && strncasecmp(p + n + 2, "version", 7)) {
      size_t m = n + 1 + strcspn(p + n + 1, ",;:.!?()\"");
      char tmp[160];
      if (m < sizeof tmp) {
        memcpy(tmp, p, m);
        tmp[m] = 0;
        if (vgi_word_count(tmp) <= 6 && (strstr(tmp, " and ") || strstr(tmp, " or ") || p[m] == ',')) {
          n = m;
          continue;
        }
      }
    }
    break;
  }
  static const char *const stops[] = { " - ", " -- ", " \xE2\x80\x94 ", " that ", " which ", " who ", " where ",
                                       " and is ", " is ", NULL };
  for (int i = 0; stops[i]; i++) {
    const char *q = strstr(p, stops[i]);
    if (q && (size_t)(q - p) < n) n = (size_t)(q - p);
  }
  while (n && p[n - 1] == ' ') n--;
  char *t = malloc(n + 1);
  if (!t) return NULL;
  memcpy(t, p, n);
  t[n] = 0;
  int w = vgi_word_count(t);
  if (w < 1 || w > 6 || !isalnum((unsigned char)t[0])) { free(t); return NULL; }
  return t;
}

/* A README's project, by its folder: /usr/share/doc/dbus/README.gz ->
 * "dbus", ~/src/widget/README -> "widget". NULL for another name, or a
 * folder that names no project (doc, docs, src, tmp). Caller frees. */
static char *doc_folder(const char *file);
static char *readme_folder(const char *file) {
  const char *slash = file ? strrchr(file, '/') : NULL, *base = slash ? slash + 1 : file;
  if (!base || strncasecmp(base, "readme", 6)) return NULL;
  return doc_folder(file);
}

/* The title of a project's TODO, AUTHORS, THANKS, INSTALL ... whose text
 * opens with prose, not a title: its folder and its name
 * (/usr/share/doc/coreutils/TODO.gz -> "coreutils TODO"; it had been
 * "If you're interested in helping, here are some tasks"). NULL for any
 * other name (a README's first sentence may name it; a NEWS file is
 * titled by its release). Caller frees. */
static char *customary_title(const char *file) {
  static const char *const stems[] = { "todo", "authors", "thanks", "install", "hacking", "bugs", "faq", "notes",
                                       "contributing", "usage", "upgrading", "migrating", NULL };
  const char *slash = file ? strrchr(file, '/') : NULL, *base = slash ? slash + 1 : file;
  if (!base) return NULL;
  size_t n = strcspn(base, ".");
  int known = 0;
  for (int i = 0; stems[i] && !known; i++) known = strlen(stems[i]) == n && !strncasecmp(base, stems[i], n);
  char *dir = known ? doc_folder(file) : NULL;
  if (!dir) return NULL;
  char *t = malloc(strlen(dir) + n + 2);
  if (!t) abort();
  sprintf(t, "%s %.*s", dir, (int)n, base);
  free(dir);
  return t;
}

/* the folder a document is in, when it names a project (see above) */
static char *doc_folder(const char *file) {
  /* the folder as named (a Debian doc folder is often a link to another
   * package's); resolved only when the name says nothing ("README", "./README") */
  char *dir = vgi_strdup(file);
  char *end = strrchr(dir, '/');
  if (end) *end = 0;
  else { free(dir); dir = vgi_strdup("."); }
  const char *name = strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir;
  if (!*name || !strcmp(name, ".") || !strcmp(name, "..")) {
    char *full = realpath(*dir ? dir : "/", NULL);
    free(dir);
    if (!full) return NULL;
    dir = full;
    name = strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir;
  }
  static const char *const none[] = { "doc", "docs", "src", "tmp", "data", "share", "home", "root", NULL };
  int ok = *name && *name != '.' && strncasecmp(name, "tmp", 3) && strlen(name) <= 60;
  for (int i = 0; ok && none[i]; i++) ok = strcasecmp(name, none[i]) != 0;
  char *out = ok ? vgi_strdup(name) : NULL;
  free(dir);
  return out;
}

/* Whether the n bytes of text at i stand as a word of their own: not
 * inside a word, a path or a host name ("redis.io"). */
static int own_word_at(const char *text, size_t len, size_t i, size_t n) {
  return !((i && (isalnum((unsigned char)text[i - 1]) || text[i - 1] == '/' || text[i - 1] == '.')) ||
           (i + n < len && (isalnum((unsigned char)text[i + n]) || text[i + n] == '/' ||
                            (text[i + n] == '.' && i + n + 1 < len && isalnum((unsigned char)text[i + n + 1])))));
}

/* How often the text names name as a word of its own, in any case. */
static int times_named(const char *name, const char *text, size_t len) {
  size_t n = name ? strlen(name) : 0;
  int count = 0;
  for (size_t i = 0; n && i + n <= len; i++)
    count += !strncasecmp(text + i, name, n) && own_word_at(text, len, i, n);
  return count;
}

/* A title taken from a folder's name in small letters ("redis") is
 * written as the text writes that name most often ("Redis"), when the
 * text writes it otherwise more often than as the folder does. In place. */
static void folder_case(char *title, const char *text, size_t len) {
  size_t n = title ? strlen(title) : 0;
  if (n < 2 || n > 60) return;
  for (size_t i = 0; i < n; i++)
    if (!islower((unsigned char)title[i]) && !isdigit((unsigned char)title[i]) && !strchr("-_.", title[i])) return;
  char best[61] = "";
  int best_count = 0, same = 0;
  char forms[4][61];
  int counts[4] = { 0 }, nf = 0;
  for (size_t i = 0; i + n <= len; i++) {
    if (strncasecmp(text + i, title, n)) continue;
    if (!own_word_at(text, len, i, n)) continue;
    if (!strncmp(text + i, title, n)) { same++; continue; }
    int f = 0;
    while (f < nf && strncmp(forms[f], text + i, n)) f++;
    if (f == nf) {
      if (nf == 4) continue;
      memcpy(forms[nf], text + i, n);
      forms[nf][n] = 0;
      nf++;
    }
    counts[f]++;
  }
  for (int f = 0; f < nf; f++)
    if (counts[f] > best_count) best_count = counts[f], memcpy(best, forms[f], n + 1);
  if (best_count > same) memcpy(title, best, n);
}

/* "Hello!", "Hi there!", "Welcome!": a greeting, which names nothing */
static int greeting(const char *sv) {
  size_t n = strlen(sv);
  return n > 1 && sv[n - 1] == '!' && vgi_word_count(sv) <= 2;
}

/* The title of a document without an H1; *from: the paragraph it is
 * (its first sentence said whole), when it is one. */
static char *file_title(const char *base);

/* The title of a site's page with front matter but no title in it nor an
 * H1: its file's name, as MkDocs, Docusaurus, Obsidian and Jekyll's posts
 * show it ("Link notes.md" -> "Link notes", "2024-05-01-new-theme.md" ->
 * "New theme"), not its first sentence; NULL for an index or a README,
 * which its folder or its text names. Caller frees. */
static char *page_file_title(const char *file) {
  const char *slash = file ? strrchr(file, '/') : NULL, *base = slash ? slash + 1 : file ? file : "";
  size_t n = strcspn(base, ".");
  static const char *const generic[] = { "index", "_index", "readme", "README", "Readme", "-" };
  for (size_t i = 0; i < sizeof generic / sizeof *generic; i++)
    if (strlen(generic[i]) == n && !strncmp(base, generic[i], n)) return NULL;
  /* a Jekyll post's date */
  if (strlen(base) > 11 && isdigit((unsigned char)base[0]) && base[4] == '-' && base[7] == '-' && base[10] == '-')
    base += 11;
  int letters = 0;
  for (const char *q = base; *q && *q != '.'; q++) letters += isalpha((unsigned char)*q) || ((unsigned char)*q & 0x80);
  return letters >= 3 ? file_title(base) : NULL;
}

/* The letters of t, as bytes: ASCII letters and every byte of a character
 * past U+007F that is no space ("&nbsp; &nbsp;" left of a language row
 * whose links went is no title: U+00A0, U+1680, U+2000..U+200F,
 * U+2028..U+202F, U+205F..U+206F, U+3000, U+FEFF are spaces, joiners and
 * marks, not letters). */
static int letter_count(const char *t) {
  int n = 0;
  for (const unsigned char *q = (const unsigned char *)t; *q;) {
    if (*q < 0x80) { n += isalpha(*q) != 0; q++; continue; }
    const unsigned char *c0 = q;
    int k = *q >= 0xF0 ? 3 : *q >= 0xE0 ? 2 : *q >= 0xC0 ? 1 : 0;
    unsigned cp = *q & (0x3F >> k);
    q++;
    for (; k > 0 && (*q & 0xC0) == 0x80; k--, q++) cp = cp << 6 | (*q & 0x3F);
    int space = cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
                (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF;
    if (!space) n += (int)(q - c0);
  }
  return n;
}

/* The repository that the links and pictures over a README's first
 * heading name (delta's badges: "github.com/dandavison/delta/actions",
 * ".../delta/workflows/…/badge.svg"): its name when one owner/name on a
 * forge is named twice or more in text[0..n), else NULL. Caller frees. */
static char *header_repository(const char *text, size_t n) {
  static const char *const forges[] = { "github.com/", "gitlab.com/", "codeberg.org/", NULL };
  const char *best = NULL;
  size_t best_n = 0;
  int best_count = 0;
  for (size_t i = 0; i < n; i++) {
    for (int k = 0; forges[k]; k++) {
      size_t fl = strlen(forges[k]);
      if (i + fl > n || strncmp(text + i, forges[k], fl) || (i && (isalnum((unsigned char)text[i - 1]) || text[i - 1] == '-')))
        continue;
      const char *o = text + i + fl, *e = text + n;
      size_t ol = 0;
      while (o + ol < e && (isalnum((unsigned char)o[ol]) || strchr("-_.", o[ol]))) ol++;
      if (!ol || o + ol >= e || o[ol] != '/' || (ol == 16 && !strncmp(o, "user-attachments", 16))) continue;
      const char *r = o + ol + 1;
      size_t rl = 0;
      while (r + rl < e && (isalnum((unsigned char)r[rl]) || strchr("-_.", r[rl]))) rl++;
      if (rl > 4 && !strncmp(r + rl - 4, ".git", 4)) rl -= 4;
      if (!rl || rl > 60) continue;
      size_t pair = (size_t)(r + rl - o);
      int count = 0;
      for (size_t j = 0; j + pair <= n; j++) count += !strncmp(text + j, o, pair) && (j + pair == n || !isalnum((unsigned char)text[j + pair]));
      if (count > best_count) best = r, best_n = rl, best_count = count;
    }
  }
  if (best_count < 2) return NULL;
  char *t = malloc(best_n + 1);
  if (!t) abort();
  memcpy(t, best, best_n);
  t[best_n] = 0;
  return t;
}

/* The offset in text of the start of line `line` (1-based). */
static size_t line_offset(const char *text, size_t len, int line) {
  size_t o = 0;
  for (int l = 1; l < line && o < len; o++)
    if (text[o] == '\n') l++;
  return o;
}

static char *untitled(cmark_node *doc, const char *file, const char *text, size_t len, cmark_node **from,
                      char **tagline) {
  const char *slash = file ? strrchr(file, '/') : NULL, *base = slash ? slash + 1 : file ? file : "";
  *from = NULL;
  for (cmark_node *c = cmark_node_first_child(doc); c; c = cmark_node_next(c)) {
    cmark_node_type ty = cmark_node_get_type(c);
    char *repo = ty == CMARK_NODE_PARAGRAPH ? repository_name(c) : NULL;
    if (repo) return repo;
    if (ty == CMARK_NODE_HEADING) {
      /* the first of many sections of its level ("* src/base64" in
       * gnupg's TODO) names a section, not the document: a TODO, a FAQ
       * ... is titled by its folder and name */
      int level = cmark_node_get_heading_level(c), again = 0;
      /* a section's heading ("## Get Started") under a header of badges
       * and a logo names no project: the repository they link to does */
      char *repo_named = level >= 2
                           ? header_repository(text, line_offset(text, len, cmark_node_get_start_line(c)))
                           : NULL;
      if (repo_named) return repo_named;
      for (cmark_node *n = cmark_node_next(c); n && !again; n = cmark_node_next(n))
        again = cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == level;
      char *own = again ? customary_title(file) : NULL;
      if (own) return own;
      char *t = vgi_squash(plain(c, NULL));
      if (letter_count(t) && !greeting(t)) return t;
      free(t);
      continue;
    }
    if (ty != CMARK_NODE_PARAGRAPH || navigation(c)) continue;
    char *own = customary_title(file);
    if (own) return own;
    char *t = vgi_squash(plain(c, NULL));
    /* a sentence with words in it, not a row of badges or symbols */
    if (letter_count(t) < 3) { free(t); continue; }
    cmark_node *f = cmark_node_first_child(c);
    if (f && (cmark_node_get_type(f) == CMARK_NODE_STRONG || cmark_node_get_type(f) == CMARK_NODE_EMPH)) {
      char *lead = vgi_squash(plain(f, NULL));
      if (*lead && vgi_word_count(lead) <= 8) { free(t); return lead; }
      free(lead);
    }
    int n = 0;
    char **sv = vgi_sentences(t, &n);
    /* "Hello!" before "Thanks for downloading Linux-PAM.": the next one */
    if (n == 1 && greeting(sv[0])) {
      free(sv[0]);
      free(sv);
      free(t);
      continue;
    }
    char *named = n ? named_in_sentence(sv[0]) : NULL;
    /* "the second extended file system management programs": a thing
     * described in lower case, not named; a README's folder names it
     * (e2fsprogs) */
    if (named && islower((unsigned char)named[0]) && vgi_word_count(named) >= 2) {
      char *folder = readme_folder(file);
      if (folder) { free(named); named = folder; }
    }
    /* "Cscope is a text screen based source browsing tool.": its name */
    if (!named && n) named = subject_title(doc);
    size_t s0 = n ? strlen(sv[0]) : 0;
    /* "Sections in this file describe:" names nothing: what it
     * introduces follows */
    int intro = s0 && sv[0][s0 - 1] == ':';
    /* "This README is just a fast quick start document." speaks of the
     * file, not of what it documents: the folder names that, else what
     * follows */
    static const char *const selves[] = { "this readme ", "this document ", "this file ", "this page ",
                                          "this guide ", "this repository ", "this repo ", NULL };
    for (int k = 0; selves[k] && n && !named && !intro; k++) intro = vgi_opens_ci(sv[0], selves[k]) > 0;
    char *folder = !named && intro ? readme_folder(file) : NULL;
    if (named || intro) {
      for (int i = 0; i < n; i++) free(sv[i]);
      free(sv);
      free(t);
      if (named) return named;
      if (folder) return folder;
      continue;
    }
    /* "A simple terminal UI for git commands" over lazygit's README, which
     * names lazygit twenty times: a line that describes without naming is
     * the project's tagline, said under its name (the folder's), not its
     * name */
    if (n == 1 && tagline && vgi_word_count(sv[0]) <= 12 && !strchr(sv[0], ':') &&
        (!strncmp(sv[0], "A ", 2) || !strncmp(sv[0], "An ", 3) || !strncmp(sv[0], "The ", 4)) &&
        !strstr(sv[0], " is ") && !strstr(sv[0], " are ")) {
      char *folder_ = readme_folder(file);
      if (folder_ && times_named(folder_, text, len) >= 3) {
        *tagline = sv[0];
        *from = c;
        free(sv);
        free(t);
        return folder_;
      }
      free(folder_);
    }
    char *h = n ? vgi_headline(sv[0]) : NULL;
    /* "Underscore.js is a utility-belt library for … that provides
     * support": a headline cut short is titled by the name the sentence
     * says it is about, or a README by its folder ("Currently the
     * project"); a short sentence whole stays the title */
    if (h && vgi_word_count(h) + 1 < vgi_word_count(sv[0])) {
      char *subj = readme_folder(file);   /* (the name the sentence gives was tried above) */
      if (subj) {
        for (int i = 0; i < n; i++) free(sv[i]);
        free(sv);
        free(t);
        free(h);
        return subj;
      }
    }
    /* "See https://www.openssh.com/releasenotes.html#9.2p1 for the
     * release notes", "Please read https://… for bug reporting
     * instructions": a headline with an address in it points elsewhere,
     * it names nothing (and the address is not said) */
    int pointer = h && vgi_url_bytes(h, (int)strlen(h)) > 0;
    if (n == 1 && h && !strncmp(h, sv[0], strlen(h)) && strspn(sv[0] + strlen(h), ".!") == strlen(sv[0] + strlen(h)))
      *from = c;
    for (int i = 0; i < n; i++) free(sv[i]);
    free(sv);
    free(t);
    if (h && *h && !pointer) return h;
    free(h);
  }
  char *folder = readme_folder(file);
  if (folder) return folder;
  return file_title(base);
}

/* A file's name made readable: "my_tool-notes.md" -> "My tool notes",
 * "README" -> "Readme". Caller frees. */
static char *file_title(const char *base) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", base);
  char *dot = strrchr(buf, '.');
  if (dot && dot != buf) *dot = 0;
  int upper = 1;
  for (char *q = buf; *q; q++) {
    if (*q == '_' || *q == '-') *q = ' ';
    if (islower((unsigned char)*q)) upper = 0;
  }
  /* "README", "NEWS": a word shouted in the file name is said in lower case */
  if (upper)
    for (char *q = buf + 1; *q; q++) *q = (char)tolower((unsigned char)*q);
  vgi_squash(buf);
  if (!*buf) snprintf(buf, sizeof buf, "Untitled");
  vgi_upper_first_in(buf, sizeof buf, NULL);
  return vgi_strdup(buf);
}

double vgi_max_for(const char *narration) { return vgi_max_for_lang(narration, NULL); }

double vgi_max_for_lang(const char *narration, const char *lang) {
  double s = vgi_speech_seconds_lang(narration ? narration : "", lang);
  double mx = ceil(s * 1.15 + 2.0);
  if (mx < 15) mx = 15;
  if (mx > 300) mx = 300;
  return mx;
}

/* Appends text as one unit of rank r (no bullet). */
static void unit_add(cJSON *units, const char *text, int r) {
  char *t = vgi_squash(vgi_strdup(text));
  if (*t) {
    cJSON *u = cJSON_CreateObject();
    cJSON_AddStringToObject(u, "t", t);
    cJSON_AddNumberToObject(u, "r", r);
    cJSON_AddItemToArray(units, u);
  }
  free(t);
}

/* The units of a narration someone else composed around the prose that
 * take_narration gave out (a quote before it, an alert's text after it):
 * the prose keeps its ranks, the rest is said whenever the scene is. */
static cJSON *units_around(md *m, const char *narration) {
  const char *at = m->pend_text && *m->pend_text ? strstr(narration, m->pend_text) : NULL;
  if (!at || !m->pend_units) return NULL;
  cJSON *units = cJSON_CreateArray();
  char *pre = vgi_strdup(narration);
  pre[at - narration] = 0;
  unit_add(units, pre, 0);
  free(pre);
  while (m->pend_units->child)
    cJSON_AddItemToArray(units, cJSON_DetachItemViaPointer(m->pend_units, m->pend_units->child));
  unit_add(units, at + strlen(m->pend_text), 0);
  return units;
}

static void pend_clear(md *m) {
  cJSON_Delete(m->pend_units);
  m->pend_units = NULL;
  free(m->pend_text);
  m->pend_text = NULL;
}

/* The video's last scene so far: cJSON keeps an array's tail as its first
 * item's prev, where cJSON_GetArrayItem would walk every scene. */
static cJSON *last_scene(const md *m) {
  return vgi_last(m->scenes);
}

/* A value a site fills in, left out within a sentence (site_markup.c
 * writes U+2063 where it was). */
#define VALUE_HOLE "\xE2\x81\xA3"

#define SIB_KEY "_sib"     /* a scene's section: {"l": level, "p": parent, "f": its first scene} */

static cJSON *new_scene_u(md *m, const char *type, int line, cJSON *vc, const char *narration, cJSON *units) {
  cJSON *s = cJSON_CreateObject();
  char id[32];
  const cJSON *tail = last_scene(m);   /* ids are numbered again at the end (renumber) */
  snprintf(id, sizeof id, "scene_%02d", tail ? atoi(vgi_str(tail, "id") ? vgi_str(tail, "id") + 6 : "0") + 1 : 1);
  cJSON_AddStringToObject(s, "id", id);
  cJSON_AddStringToObject(s, "scene_type", type);
  int image_line = 0, image_damaged = 0;
  if (m->image) {
    cJSON_AddStringToObject(vc, "image", m->image);
    free(m->image);
    m->image = NULL;
    image_line = m->image_line;
    image_damaged = m->image_damaged;
  }
  api_note_on(m, type, vc);   /* API references: a stability banner is its subtitle */
  cJSON_AddItemToObject(s, "visual_content", vc);
  if (narration && *narration) {
    cJSON_AddStringToObject(s, "narration", narration);
    cJSON_AddTrueToObject(s, VGI_AUTO_KEY);   /* drawn from prose: may be trimmed */
    if (!units) units = units_around(m, narration);
    if (units) cJSON_AddItemToObject(s, VGI_UNITS_KEY, units);
    units = NULL;
  }
  cJSON_Delete(units);
  pend_clear(m);
  cJSON_AddStringToObject(s, "voice", vgi_str(m->video, "voice"));
  cJSON_AddNumberToObject(s, "min_duration", 3.0);
  cJSON_AddNumberToObject(s, "max_duration", vgi_max_for_lang(narration, m->lang));
  cJSON *src = cJSON_AddObjectToObject(s, "source");
  cJSON_AddTrueToObject(s, VGI_MAXAUTO_KEY);
  cJSON_AddStringToObject(src, "file", m->file);
  cJSON_AddNumberToObject(src, "line", line);
  /* a warning about the picture (damaged, found when it is drawn) names
   * the line of its reference, not the scene's */
  if (image_line) cJSON_AddNumberToObject(src, "image_line", image_line);
  /* told at load already (vgi_check_images and the renderer do not again) */
  if (image_damaged) cJSON_AddTrueToObject(src, "image_damaged");
  /* when whole scenes must go (--duration): a section's later scenes first,
   * then subsections, then sections; the title and the outro stay */
  if (strcmp(type, "title") && strcmp(type, "outro"))
    cJSON_AddNumberToObject(s, VGI_SRANK_KEY, m->section_scenes ? 1 : m->level <= 2 ? 3 : 2);
  {
    /* its section, for merge_short_siblings */
    const char *parent = m->level == 2 ? (m->h1 ? m->h1 : m->doc_title) : (m->h2 ? m->h2 : m->doc_title);
    if (m->level >= 2 && m->header && parent && strcmp(type, "title") && strcmp(type, "outro")) {
      cJSON *k = cJSON_AddObjectToObject(s, SIB_KEY);
      cJSON_AddNumberToObject(k, "l", m->level);
      cJSON_AddStringToObject(k, "p", parent);
      cJSON_AddBoolToObject(k, "f", !m->section_scenes);
    }
  }
  api_scene_made(m, type, s);   /* API references: an entry's example stays with it */
  cJSON_AddItemToArray(m->scenes, s);
  /* a quote opening a section (a tldr page's "> Archive tool.") is an
   * aside: the scene after it is still the section's first, which stays */
  if (strcmp(type, "quote") || m->section_scenes) m->section_scenes++;
  return s;
}

static cJSON *new_scene(md *m, const char *type, int line, cJSON *vc, const char *narration) {
  return new_scene_u(m, type, line, vc, narration, NULL);
}

static char *prose_join(para *p, size_t n) {
  vgi_buf b = {0};
  for (size_t i = 0; i < n; i++) {
    if (b.n) vgi_buf_puts(&b, " ");
    vgi_buf_puts(&b, p[i].text);
  }
  return vgi_buf_take(&b);
}

static void prose_drop(md *m, size_t n) {
  if (!n) return;
  for (size_t i = 0; i < n; i++) free(m->prose[i].text);
  memmove(m->prose, m->prose + n, (m->nprose - n) * sizeof *m->prose);
  m->nprose -= n;
}

/* The units of paragraphs: a paragraph's first sentence is a key point
 * (rank 1), its k-th sentence rank k. intro: the prose introduces a block
 * (code, a list): the first sentence of its last paragraph is what a
 * summary keeps, and its last sentence, when it ends with a colon ("Run:"),
 * is a key point too. */
/* A sentence about the text rather than its subject: "The following is
 * information for reporting bugs.", "This section describes how to build
 * it.", "Here are some notes." Its paragraph's point is the next sentence. */
static int meta_sentence(const char *s) {
  static const char *const opens[] = { "the following is ", "the following are ", "this section ",
    "in this section", "here is ", "here are ", "below is ", "below are ", "below you will find", NULL };
  size_t l = strlen(s);
  if (!l || s[l - 1] != '.' || vgi_word_count(s) > 14) return 0;   /* "…:" introduces what follows */
  for (int i = 0; opens[i]; i++)
    if (!strncasecmp(s, opens[i], strlen(opens[i]))) return 1;
  return 0;
}

/* A sentence that is a notice of copyright: "Copyright (C) 2012 …",
 * "Copyright 2020 …", "(c) 2019 …", "© 2021 …", and the "All rights
 * reserved." after it. */
static int copyright_notice(const char *s) {
  return !strncasecmp(s, "copyright ", 10) || !strncasecmp(s, "(c) ", 4) || !strncmp(s, "\xC2\xA9", 2) ||
         !strncasecmp(s, "all rights reserved", 19);
}

/* A figure's caption ("Figure 4-1: The representation …", "Fig. 2.",
 * "Abbildung 3:", "Listing 1-2:"): detail of a picture, never a key point
 * (a summary showed "Figure 4-1: …" as a bullet beside a figure it left
 * out). */
static int caption_sentence(const char *s) {
  static const char *const words[] = { "figure ", "fig. ", "listing ", "abbildung ", "abb. ", "figura ", "рис. ",
    "рисунок ", NULL };
  for (int i = 0; words[i]; i++) {
    size_t l = strlen(words[i]);
    if (strncasecmp(s, words[i], l)) continue;
    const char *q = s + l;
    if (!isdigit((unsigned char)*q)) return 0;
    while (isdigit((unsigned char)*q) || *q == '-' || *q == '.') q++;
    return *q == ':' || (q > s + l && q[-1] == '.' && *q == ' ');
  }
  return 0;
}

static cJSON *para_units(md *m, const para *p, size_t n, int intro) {
  cJSON *units = cJSON_CreateArray();
  /* a last paragraph that is a bare stem ("Its core features are:") only
   * opens the block: the paragraph before it introduces it too (k6's "k6
   * is a modern load-testing tool" was left out of its summary, the stem
   * kept) */
  int stem_last = 0;
  if (intro && n >= 2 && !p[n - 1].cont && !p[n - 1].step) {
    size_t l = strlen(p[n - 1].text);
    while (l && p[n - 1].text[l - 1] == ' ') l--;
    stem_last = l && (p[n - 1].text[l - 1] == ':' || (l >= 3 && !strncmp(p[n - 1].text + l - 3, "\xEF\xBC\x9A", 3))) &&
                vgi_word_count(p[n - 1].text) <= 6 && !memchr(p[n - 1].text, '.', l);
  }
  for (size_t i = 0; i < n; i++) {
    int ns = 0;
    char **ss = vgi_sentences_lang(p[i].text, m->lang, &ns);
    /* a bare reply ("Yes!", "No.") and the sentence after it are one: the
     * reply alone says nothing ("Yes! Edit the script file directly." was
     * said "Yes!") */
    for (int k = 0; k + 1 < ns; k++) {
      size_t rl = reply_opens(ss[k]);
      if (!rl || ss[k][rl + strspn(ss[k] + rl, " ")]) continue;
      vgi_buf j = {0};
      vgi_buf_puts(&j, ss[k]);
      vgi_buf_puts(&j, " ");
      vgi_buf_puts(&j, ss[k + 1]);
      free(ss[k]);
      free(ss[k + 1]);
      ss[k] = vgi_buf_take(&j);
      memmove(ss + k + 1, ss + k + 2, (size_t)(ns - k - 2) * sizeof *ss);
      ns--;
    }
    /* a paragraph that opens about itself has its point second */
    /* (unless the next one only points elsewhere: "For more, see …") */
    static const char *const points[] = { "for more", "see ", "please see", "refer ", "please refer",
      "visit ", "check out", NULL };
    int meta = !p[i].cont && !p[i].step && ns >= 2 && meta_sentence(ss[0]) && !meta_sentence(ss[1]) &&
               vgi_word_count(ss[1]) >= 5;
    for (int q = 0; meta && points[q]; q++) meta = strncasecmp(ss[1], points[q], strlen(points[q])) != 0;
    /* so is one that opens with a lead-in of two or three words ("We'll
     * admit it.", "Sounds boring.", "Good news!") before a sentence of
     * substance (not in an API reference: "Returns a Promise.") */
    if (!meta && !p[i].cont && !p[i].step && !m->api_doc && ns >= 2 && vgi_word_count(ss[0]) >= 2 && vgi_word_count(ss[0]) <= 3 &&
        vgi_word_count(ss[1]) >= 6) {
      size_t l0 = strlen(ss[0]);
      meta = l0 && (ss[0][l0 - 1] == '.' || ss[0][l0 - 1] == '!');
    }
    /* a paragraph that opens with a question: its answer is the same point
     * ("Looking for help? Check out the instructions …"), after every
     * question it opens with ("Notice a typo? Want to add a feature? Check
     * out CONTRIBUTING.md.") */
    int asks = 0;
    while (!p[i].cont && asks < 3 && asks < ns - 1 && asks_question(ss[asks], m->lang)) asks++;
    int asked = 0;
    if (p[i].asks && p[i].asks < ns && !p[i].cont) asks = p[i].asks, asked = p[i].asked;
    int caption = ns && caption_sentence(ss[0]);
    vgi_buf qa = {0};
    /* a notice of copyright before the license ("Copyright (C) 2012-present
     * Dan Allen, … Use of this software is granted under the terms of the
     * MIT License."): the license is the point */
    int notice = !p[i].cont && ns >= 2 && copyright_notice(ss[0]) && !copyright_notice(ss[1]);
    for (int k = 0; k < ns; k++) {
      int r = p[i].cont ? k + 2 : k + 1;
      if (meta && k < 2) r = k == 0 ? 2 : 1;
      if (caption && r < 3) r = 3;
      if (notice && k < 2) r = k == 0 ? 3 : 1;
      if (asks && k <= asks) r = k < asked ? 2 : 1;
      if (intro && i == n - 1 && k == ns - 1 && k > 0) {
        size_t l = strlen(ss[k]);
        if (l && (ss[k][l - 1] == ':' || (l >= 3 && !strcmp(ss[k] + l - 3, "\xEF\xBC\x9A")))) r = 1;
      }
      /* a question and its answer's first sentence are one unit: said
       * together or not at all */
      if (p[i].asks && asks == p[i].asks && k >= asked && k <= asks) {
        if (qa.n) vgi_buf_puts(&qa, " ");
        vgi_buf_puts(&qa, ss[k]);
        if (k < asks) { free(ss[k]); continue; }
        unit_add(units, qa.s, 1);
        vgi_buf_free(&qa);
      } else {
        unit_add(units, ss[k], r > VGI_RANK_KEY_MAX ? VGI_RANK_KEY_MAX : r);
      }
      cJSON *last = vgi_last(units);
      /* a summary keeps it; of the prose before a block, what introduces
       * the block: its last paragraph */
      if (r == 1 && last && (!intro || i == n - 1 || p[i].step || (stem_last && i == n - 2)))
        cJSON_AddTrueToObject(last, "k");
      free(ss[k]);
    }
    free(ss);
  }
  return units;
}

/* A scene made of prose alone: its narration is the paragraphs' sentences,
 * ranked; its bullets are the headlines of the key points (up to 4), each
 * linked to the sentence it heads. */
#define SHORT_PER_SLIDE 6   /* short sections a shared slide shows */

/* In a summary, a section of one sentence (nothing else in it so far)
 * joins the slide of the short sections just before it, of the same
 * level and section: the headings are its bullets, each with its sentence
 * under it, instead of a scene each (an API reference of one-line entries
 * is one slide, not eight; a README's "## License\nMIT." beside "## Install"
 * no scene of its own). The sentences are said as they were. Returns 1
 * when it joined (units taken). */
/* A unit's text ends as a sentence: said one after the other, "Get the
 * documentation at readthedocs" and "All reports are welcome" need a stop
 * between them. */
static void unit_stop(cJSON *u) {
  const char *t = vgi_str(u, "t");
  size_t l = t ? strlen(t) : 0;
  if (!l || !(isalnum((unsigned char)t[l - 1]) || t[l - 1] == ')')) return;
  char *s = malloc(l + 2);
  memcpy(s, t, l);
  s[l] = '.';
  s[l + 1] = 0;
  cJSON_ReplaceItemInObjectCaseSensitive(u, "t", cJSON_CreateString(s));
  free(s);
}

/* Whether a section's sentences make one point: its first is its only key
 * point and a few short sentences follow at most ("A Meson project is
 * provided within build/meson. Follow the build instructions there."). */
static int one_point(const cJSON *units) {
  int n = 0, words = 0;
  for (const cJSON *u = units->child; u; u = u->next, n++) {
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(u, "r");
    if (n == 0 ? !(r && r->valueint == 1) : (!r || r->valueint == 1 || cJSON_HasObjectItem(u, "k"))) return 0;
    words += vgi_word_count(vgi_str(u, "t"));
  }
  return n == 1 || (n <= 4 && words <= 60);
}

/* The units of a slide show one bullet, the first unit's: the others are
 * said, not shown. */
static void first_bullet_only(cJSON *units) {
  for (cJSON *u = units->child; u; u = u->next)
    if (u != units->child) cJSON_DeleteItemFromObjectCaseSensitive(u, "b");
}

static int join_short(md *m, cJSON *units, const char *text) {
  /* the section they are part of: of an H2, the last H1 past the title, else
   * the document; deeper, the last H2 (or H1), else the document */
  const char *parent = m->level == 2 ? (m->h1 ? m->h1 : m->doc_title) : (m->h2 ? m->h2 : m->doc_title);
  if ((m->opts && m->opts->detail == VGI_DETAIL_FULL) || m->section_scenes || m->level < 2 || m->label ||
      m->image || !parent || !m->header || !one_point(units) || m->split_h2)
    return 0;
  cJSON *last = last_scene(m);
  cJSON *u = units->child;
  int ok = last && last == m->short_scene && m->short_level == m->level && m->short_h2 &&
           !strcmp(m->short_h2, parent);
  cJSON *vc = ok ? cJSON_GetObjectItemCaseSensitive(last, "visual_content") : NULL;
  cJSON *items = cJSON_GetObjectItemCaseSensitive(vc, "items");
  cJSON *lu = cJSON_GetObjectItemCaseSensitive(last, VGI_UNITS_KEY);
  cJSON *ln = cJSON_GetObjectItemCaseSensitive(last, "narration");
  if (!ok || !cJSON_IsArray(items) || cJSON_GetArraySize(items) >= SHORT_PER_SLIDE || !cJSON_IsArray(lu) ||
      !cJSON_IsString(ln)) {
    /* this one may start a shared slide: prose_scene makes it, and
     * the next short section converts it */
    free(m->short_h2);
    m->short_h2 = vgi_strdup(parent);
    m->short_level = m->level;
    m->short_scene = NULL;
    return 0;
  }
  if (cJSON_IsString(items->child)) {
    /* the first of them: its heading becomes a bullet, the section's the slide's */
    while (cJSON_GetArraySize(items) > 1) cJSON_DeleteItemFromArray(items, 1);
    first_bullet_only(lu);
    const char *h0 = vgi_str(vc, "header");
    cJSON *it = cJSON_CreateObject();
    cJSON_AddStringToObject(it, "title", h0 ? h0 : "");
    cJSON_AddStringToObject(it, "description", items->child->valuestring);
    cJSON_ReplaceItemInArray(items, 0, it);
    cJSON_ReplaceItemInObjectCaseSensitive(vc, "header", cJSON_CreateString(parent));
    cJSON_DeleteItemFromObjectCaseSensitive(vc, "description");
  }
  cJSON *it = cJSON_CreateObject();
  cJSON_AddStringToObject(it, "title", m->header);
  char *h = vgi_shown_headline(vgi_str(u, "t"));
  cJSON_AddStringToObject(it, "description", h);
  free(h);
  cJSON_ReplaceItemInObjectCaseSensitive(u, "b", cJSON_CreateNumber(cJSON_GetArraySize(items)));
  first_bullet_only(units);
  unit_stop(vgi_last(lu));
  cJSON_AddItemToArray(items, it);
  while (units->child) {
    cJSON *x = cJSON_DetachItemViaPointer(units, units->child);
    unit_stop(x);
    cJSON_AddItemToArray(lu, x);
  }
  vgi_buf b = {0};
  vgi_buf_puts(&b, ln->valuestring);
  vgi_buf_puts(&b, " ");
  vgi_buf_puts(&b, text);
  cJSON_SetValuestring(ln, b.s);
  cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(last, "max_duration"), vgi_max_for_lang(b.s, m->lang));
  vgi_buf_free(&b);
  cJSON_Delete(units);
  m->section_scenes++;   /* the section has its place: a later block is its own scene */
  return 1;
}

static void prose_scene(md *m, const para *p, size_t n, int line) {
  cJSON *units = para_units(m, p, n, 0);
  char *text = prose_join((para *)p, n);
  cJSON *vc = cJSON_CreateObject();
  cJSON_AddStringToObject(vc, "header", m->header ? m->header : (m->doc_title ? m->doc_title : ""));
  if (m->label) {
    cJSON_AddStringToObject(vc, "description", m->label);
  } else if (m->h2 && m->header && strcmp(m->h2, m->header)) {
    cJSON_AddStringToObject(vc, "description", m->h2);
  }
  cJSON *items = cJSON_AddArrayToObject(vc, "items");
  /* the most important sentences first (rank, then order), shown in order */
  int nb = 0;
  for (int r = 1; r <= VGI_RANK_KEY_MAX && nb < 4; r++) {
    int k = 0;
    for (cJSON *u = units->child; u && nb < 4; u = u->next, k++)
      if (cJSON_GetObjectItemCaseSensitive(u, "r")->valueint == r) {
        cJSON_AddNumberToObject(u, "b", -1);   /* chosen; numbered below */
        nb++;
      }
  }
  int bi = 0;
  for (cJSON *u = units->child; u; u = u->next) {
    cJSON *b = cJSON_GetObjectItemCaseSensitive(u, "b");
    if (!b) continue;
    cJSON_SetNumberValue(b, bi++);
    char *h = vgi_shown_headline(vgi_str(u, "t"));
    cJSON_AddItemToArray(items, cJSON_CreateString(h));
    free(h);
  }
  int first_short = !m->section_scenes && one_point(units);
  if (join_short(m, units, text)) {
    cJSON_Delete(vc);
    free(text);
    return;
  }
  cJSON *sc = new_scene_u(m, "list", line, vc, text, units);
  /* a short section may be followed by others that join it */
  if (first_short && m->short_h2 && m->short_level == m->level && !m->short_scene) m->short_scene = sc;
  free(text);
}

/* How much of a scene a paragraph fills: its words when every sentence is
 * said; by default (a summary) its first sentence and a third of the rest,
 * so a scene gathers the key points of a few paragraphs. */
static int para_weight(md *m, const char *text) {
  int all = vgi_word_count(text);
  if (m->opts && m->opts->detail == VGI_DETAIL_FULL) return all;
  int ns = 0, first = all;
  char **ss = vgi_sentences_lang(text, m->lang, &ns);
  if (ns > 0) first = vgi_word_count(ss[0]);
  for (int k = 0; k < ns; k++) free(ss[k]);
  free(ss);
  return first + (all - first) / 3;
}

/* Emits pending prose as prose scenes, split at ~PROSE_WORDS by paragraph
 * (and by sentence inside a long paragraph). keep_words: leave up to that
 * many words of the last paragraphs pending (narration for a visual). */
static void flush_prose(md *m, int keep_words) {
  /* how many leading paragraphs to emit */
  size_t keep_from = m->nprose;
  int w = 0;
  while (keep_from > 0 && keep_words > 0) {
    int pw = para_weight(m, m->prose[keep_from - 1].text);
    if (w + pw > keep_words) break;
    w += pw;
    keep_from--;
  }
  if (keep_words > 0 && keep_from == m->nprose && m->nprose > 0 &&
      para_weight(m, m->prose[m->nprose - 1].text) > keep_words)
    keep_from = m->nprose;   /* the last paragraph alone is too long: emit it all */
  size_t i = 0;
  while (i < keep_from) {
    size_t first = i;
    int cw = 0, line = m->prose[i].line;
    while (i < keep_from) {
      int pw = para_weight(m, m->prose[i].text);
      if (cw && cw + pw > PROSE_WORDS) break;
      if (pw > PROSE_WORDS * 3 / 2 && !cw) {
        /* a long paragraph: split by sentences into pieces of ~PROSE_WORDS */
        int ns;
        char **ss = vgi_sentences_lang(m->prose[i].text, m->lang, &ns);
        vgi_buf part = {0};
        int partw = 0, piece = 0;
        for (int k = 0; k < ns; k++) {
          int sw = vgi_word_count(ss[k]);
          /* (a question and its answer's first sentence stay in one piece) */
          if (partw && partw + sw > PROSE_WORDS && (piece > 0 || k > m->prose[i].asks)) {
            para pp = { part.s, m->prose[i].line, piece > 0 || m->prose[i].cont, m->prose[i].step,
                         piece == 0 ? m->prose[i].asks : 0, 0, m->prose[i].asked };
            piece++;
            prose_scene(m, &pp, 1, m->prose[i].line);
            vgi_buf_free(&part);
            partw = 0;
          }
          if (part.n) vgi_buf_puts(&part, " ");
          vgi_buf_puts(&part, ss[k]);
          partw += sw;
          free(ss[k]);
        }
        free(ss);
        if (part.n) {
          para pp = { part.s, m->prose[i].line, piece > 0 || m->prose[i].cont, m->prose[i].step,
                       piece == 0 ? m->prose[i].asks : 0, 0, m->prose[i].asked };
          prose_scene(m, &pp, 1, m->prose[i].line);
        }
        vgi_buf_free(&part);
        i++;
        first = i;
        break;
      }
      cw += pw;
      i++;
    }
    if (i > first) prose_scene(m, m->prose + first, i - first, line);
  }
  prose_drop(m, keep_from);
}

/* Narration for a visual block: the prose just before it in its section,
 * up to keep_words (earlier prose is a scene of its own). Its ranked units
 * wait in m for the scene that says it (new_scene). */
static char *take_narration_w(md *m, int keep_words) {
  flush_prose(m, keep_words);
  char *t = prose_join(m->prose, m->nprose);
  pend_clear(m);
  if (m->nprose) {
    m->pend_units = para_units(m, m->prose, m->nprose, 1);
    m->pend_text = vgi_strdup(t);
  }
  prose_drop(m, m->nprose);
  return t;
}

static char *take_narration(md *m) { return take_narration_w(m, PROSE_WORDS); }

static cJSON *visual(md *m) {
  cJSON *vc = cJSON_CreateObject();
  cJSON_AddStringToObject(vc, "header", m->header ? m->header : (m->doc_title ? m->doc_title : ""));
  if (m->label) {
    cJSON_AddStringToObject(vc, "description", m->label);
  } else if (m->h2 && m->header && strcmp(m->h2, m->header)) {
    cJSON_AddStringToObject(vc, "description", m->h2);
    cJSON_AddTrueToObject(vc, VGI_CTX_KEY);
  }
  return vc;
}

/* What a code block holds (code_kind): a summary prefers commands and
 * source to the output a program printed (section_pick). */
enum { CODE_COMMANDS, CODE_SOURCE, CODE_OUTPUT, CODE_DATA, CODE_TEXT };
static int code_kind(const char *lang, const char *lit);
static int shell_tag(const char *lang);
static int session_tag(const char *lang);
static int tag_in(const char *lang, const char *const *tags);
static const char *lone_code(cmark_node *para);

/* A drawing made of characters: two or more lines with a box's corner or
 * edge ("+--", "--+" or U+2500..U+257F) and one with a side ("|" or "│").
 * The same test as lua/vg/scenes/command.lua's, which never wraps one. */
static int box_drawing(const char *const *lines, int n) {
  int edges = 0, sides = 0;
  for (int i = 0; i < n; i++) {
    const char *l = lines[i];
    int edge = strstr(l, "+--") || strstr(l, "--+");
    for (const char *q = l; !edge && (q = strchr(q, '\xe2')); q++)
      if ((q[1] == '\x94' || q[1] == '\x95') && (unsigned char)q[2] >= 0x80 && (unsigned char)q[2] <= 0xbf) edge = 1;
    edges += edge;
    sides += strchr(l, '|') || strstr(l, "\xe2\x94\x82");
  }
  return edges >= 2 && sides >= 1;
}

/* A fence's language: its info string's first word, "" when none or too
 * long (no language rather than a cut one). */
static void fence_lang(const char *info, char lang[64]) {
  lang[0] = 0;
  if (!info) return;
  size_t k = 0;
  while (info[k] && !isspace((unsigned char)info[k]) && k < 63) { lang[k] = info[k]; k++; }
  lang[k] = 0;
  if (info[k] && !isspace((unsigned char)info[k])) lang[0] = 0;
}

/* The language a bare block's source names on a line of its own: a C
 * preprocessor line or main(), a Go package, a Java class, a Python def or
 * import, a Rust fn; NULL when no line does. (Commands, which a bare block
 * holds most often, start with none of these.) */
static const char *source_language(const char *lit) {
  static const struct { const char *start, *lang; } marks[] = {
    { "#include <", "c" }, { "#include \"", "c" }, { "#define ", "c" }, { "int main(", "c" },
    { "package main", "go" }, { "func main()", "go" }, { "public class ", "java" },
    { "public static void main(", "java" }, { "def __init__(", "python" }, { "from __future__ ", "python" },
    { "if __name__ == ", "python" }, { "fn main()", "rust" }, { "use std::", "rust" } };
  /* a script's "#!" line names its interpreter */
  static const struct { const char *name, *lang; } shebang[] = {
    { "sh", "shell" }, { "bash", "shell" }, { "zsh", "shell" }, { "dash", "shell" }, { "ksh", "shell" },
    { "python", "python" }, { "python3", "python" }, { "lua", "lua" }, { "lua5.4", "lua" },
    { "node", "javascript" }, { "nodejs", "javascript" } };
  if (!strncmp(lit, "#!", 2)) {
    const char *e = lit + strcspn(lit, " \n");
    const char *b = e;
    while (b > lit && b[-1] != '/') b--;
    if (!strncmp(b, "env", 3) && e - b == 3 && *e == ' ') {   /* "#!/usr/bin/env python3" */
      b = e + 1;
      e = b + strcspn(b, " \n");
    }
    for (size_t i = 0; i < sizeof shebang / sizeof *shebang; i++)
      if ((size_t)(e - b) == strlen(shebang[i].name) && !strncmp(b, shebang[i].name, (size_t)(e - b)))
        return shebang[i].lang;
  }
  /* a patch: "diff --git a/x b/x", or "--- a/x" over "+++ b/x" */
  const char *t0 = lit + strspn(lit, " \t\n");
  if (!strncmp(t0, "diff --", 7) || (!strncmp(t0, "--- ", 4) && strstr(t0, "\n+++ "))) return "diff";
  for (const char *p = lit; *p;) {
    const char *t = p + strspn(p, " \t");
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
      if (!strncmp(t, marks[i].start, strlen(marks[i].start))) return marks[i].lang;
    const char *nl = strchr(p, '\n');
    if (!nl) break;
    p = nl + 1;
  }
  return NULL;
}

/* The language of a bare block of statements (code_kind), for its colours
 * and its label: JavaScript by what only it writes (=>, console., let),
 * C by its types and calls, else "code" (named by no guess). */
static const char *statement_language(const char *lit) {
  static const char *const js[] = { "=>", "console.", "require(", "function ", "function(", "let ", "var ", NULL };
  static const char *const c[] = { "printf(", "#include", "->", "NULL", "sizeof", "int ", "char ", "void ",
    "struct ", "unsigned ", "size_t ", NULL };
  for (int i = 0; js[i]; i++) if (strstr(lit, js[i])) return "javascript";
  for (int i = 0; c[i]; i++) if (strstr(lit, c[i])) return "c";
  /* (Python by its constants, "def" and "self.": "{'python': (…, None)}") */
  static const char *const py[] = { "None", "True", "False", "def ", "self.", "print(", "elif ", NULL };
  for (int i = 0; py[i]; i++) if (strstr(lit, py[i])) return "python";
  return "code";
}

/* ---- runs of install-like sections ----------------------------------------------------- */

/* In a summary, sibling sections that each hold one short block of
 * commands and at most a sentence or two before it ("### On Arch Linux /
 * You can install bat from the official sources: / pacman -S bat") share
 * one command slide: each section's heading is a comment above its
 * commands, the slide is named by the section they are part of, and their
 * sentences are said in turn (one that says what an earlier one said is
 * not said again). A README's twenty ways to install is three slides, not
 * twenty. --detail full keeps a slide each. */
#define CMD_RUN_LINES 12      /* lines a shared command slide shows, comments included */
#define CMD_RUN_SECTIONS 6    /* sections that share one */
#define CMD_RUN_BLOCK 3       /* lines of a block that may join one */
#define CMD_RUN_WORDS 30      /* words said before a block that may join one */

/* The section a run's sections are part of: the nearest heading above
 * theirs, else as join_short names it. */
static const char *run_parent(const md *m) {
  for (int k = m->level - 1; k >= 3 && k <= 6; k--)
    if (m->heads[k]) return m->heads[k];
  return m->level == 2 ? (m->h1 ? m->h1 : m->doc_title) : (m->h2 ? m->h2 : m->doc_title);
}

/* The C shell's prompt before a command ("% xxd -s 0x30 file" in xxd.1,
 * "% make" in BSD manuals): a command as "$ make" is. A program's name
 * follows it, in lower case ("% Comment" is TeX's or MATLAB's comment). */
static int csh_prompt(const char *t) {
  return t[0] == '%' && t[1] == ' ' && (islower((unsigned char)t[2]) || t[2] == '.' || t[2] == '/');
}

/* Whether a block's lines may be shown on a shared command slide:
 * commands in a shell whose comments start with "#" (a session's "#" is a
 * root prompt), a few short lines, none blank or a prompt. */
static int run_lines(const char *lang, const char *lit, char **lines, int n) {
  static const char *const hash[] = { "sh", "bash", "shell", "zsh", "fish", "powershell", "ps1", NULL };
  if (n < 1 || n > CMD_RUN_BLOCK || (*lang ? !tag_in(lang, hash) : code_kind("", lit) != CODE_COMMANDS)) return 0;
  for (int i = 0; i < n; i++) {
    const char *t = lines[i] + strspn(lines[i], " \t");
    if (!*t || strlen(lines[i]) > 72 || !strncmp(t, "$ ", 2) || !strncmp(t, "# ", 2) || !strncmp(t, "> ", 2) ||
        !strncmp(t, "PS ", 3) || csh_prompt(t))
      return 0;   /* a prompt or blank: a session, shown as it is */
  }
  return 1;
}

/* Whether two blocks' languages are one shell's: "sh", "bash", "shell",
 * "zsh" and a bare block of commands (named "shell") are. */
static int run_same_shell(const char *a, const char *b) {
  static const char *const posix[] = { "sh", "bash", "shell", "zsh", NULL };
  if (!a || !b) return 0;
  return !strcasecmp(a, b) || (tag_in(a, posix) && tag_in(b, posix));
}

/* Whether two blocks may share a slide: both in shells whose comments
 * start with "#" (the slide's comments name each block). An install
 * section's "Shell (Mac, Linux)" and "PowerShell (Windows)" are one
 * slide; the slide keeps the first block's language. */
static int run_shells_mix(const char *a, const char *b) {
  static const char *const hash[] = { "sh", "bash", "shell", "zsh", "fish", "powershell", "ps1", "pwsh", NULL };
  return run_same_shell(a, b) || (a && b && tag_in(a, hash) && tag_in(b, hash));
}

/* Whether a block may share a command slide with its sibling sections':
 * run_lines, said in a sentence or two, the first scene of its section
 * with nothing else of it pending. */
static int run_block(const md *m, const char *lang, const char *lit, char **lines, int n, const char *narr) {
  if ((m->opts && m->opts->detail == VGI_DETAIL_FULL) || m->api_doc || m->level < 2 || m->label || m->image ||
      !m->header || !run_parent(m) || m->split_h2 || m->section_scenes || m->nprose)
    return 0;
  /* (a block under a label, "Shell (Mac, Linux):", is one of several ways:
   * the prose above introduces them all and may be longer) */
  int words = m->code_label ? 2 * CMD_RUN_WORDS : CMD_RUN_WORDS;
  return run_lines(lang, lit, lines, n) && (!narr || vgi_word_count(narr) <= words);
}

/* Lower-case words of t, for run_said. */
static int run_words(const char *t, char w[][24], int max) {
  int n = 0;
  while (*t && n < max) {
    while (*t && !isalnum((unsigned char)*t) && !((unsigned char)*t & 0x80)) t++;
    int l = 0;
    while (*t && (isalnum((unsigned char)*t) || ((unsigned char)*t & 0x80))) {
      if (l < 23) w[n][l++] = (char)tolower((unsigned char)*t);
      t++;
    }
    if (l) w[n++][l] = 0;
  }
  return n;
}

/* Whether sentence t says what one of units says already: most of its
 * words are that one's ("You can install the bat package from the official
 * sources:" twice, for two systems). */
static int run_said(const cJSON *units, const char *t) {
  char a[40][24], b[40][24];
  int na = run_words(t, a, 40);
  if (!na) return 1;
  for (const cJSON *u = units ? units->child : NULL; u; u = u->next) {
    int nb = run_words(vgi_str(u, "t") ? vgi_str(u, "t") : "", b, 40), same = 0;
    for (int i = 0; i < na; i++)
      for (int j = 0; j < nb; j++)
        if (!strcmp(a[i], b[j])) { same++; break; }
    if (nb && same * 10 >= na * 7) return 1;
  }
  return 0;
}

/* A sentence said on a shared slide ends with a stop, not the colon that
 * pointed at its block; one whose clause is an imperative verb alone ("To
 * upgrade the gem, use:") names what the slide shows as its object ("…,
 * use these commands."), never "…, use." */
static void run_unit_stop(cJSON *u) {
  const char *t = vgi_str(u, "t");
  size_t l = t ? strlen(t) : 0;
  while (l && t[l - 1] == ' ') l--;
  if (l && t[l - 1] == ':') {
    size_t w = l - 1;
    while (w && t[w - 1] != ' ') w--;
    int verb = w >= 2 && t[w - 2] == ',' && vgi_code_imperative(t + w, l - 1 - w);
    vgi_buf b = {0};
    vgi_buf_add(&b, t, l - 1);
    vgi_buf_puts(&b, verb ? " these commands." : ".");
    cJSON_ReplaceItemInObjectCaseSensitive(u, "t", cJSON_CreateString(b.s));
    vgi_buf_free(&b);
  }
  unit_stop(u);
}

static void run_comment(cJSON *cmds, int at, const char *heading) {
  vgi_buf b = {0};
  vgi_buf_puts(&b, "# ");
  vgi_buf_puts(&b, heading);
  if (at < 0) cJSON_AddItemToArray(cmds, cJSON_CreateString(b.s));
  else cJSON_InsertItemInArray(cmds, at, cJSON_CreateString(b.s));
  vgi_buf_free(&b);
}

/* Adds units (taken) to what the shared slide last says, each sentence
 * that repeats an earlier one left out, and writes its narration again. */
static void run_say(md *m, cJSON *last, cJSON *units) {
  cJSON *lu = cJSON_GetObjectItemCaseSensitive(last, VGI_UNITS_KEY);
  const char *ln = vgi_str(last, "narration");
  if (!cJSON_IsArray(lu)) {
    lu = cJSON_CreateArray();
    if (ln && *ln) unit_add(lu, ln, 1);
    cJSON_AddItemToObject(last, VGI_UNITS_KEY, lu);
  }
  while (units && units->child) {
    cJSON *u = cJSON_DetachItemViaPointer(units, units->child);
    const char *t = vgi_str(u, "t");
    if (!t || !*t || run_said(lu, t)) { cJSON_Delete(u); continue; }
    cJSON_AddItemToArray(lu, u);
  }
  cJSON_Delete(units);
  vgi_buf b = {0};
  for (cJSON *u = lu->child; u; u = u->next) {
    run_unit_stop(u);
    const char *t = vgi_str(u, "t");
    if (!t || !*t) continue;
    if (b.n) vgi_buf_puts(&b, " ");
    vgi_buf_puts(&b, t);
  }
  if (b.n) {
    if (ln) cJSON_ReplaceItemInObjectCaseSensitive(last, "narration", cJSON_CreateString(b.s));
    else {
      cJSON_AddStringToObject(last, "narration", b.s);
      cJSON_AddTrueToObject(last, VGI_AUTO_KEY);
    }
    cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(last, "max_duration"), vgi_max_for_lang(b.s, m->lang));
  }
  vgi_buf_free(&b);
}

/* A comment for a shared slide made of a sentence ("Display multiple
 * files at once:"): without its closing stop or colon; NULL when it is
 * longer than a headline. */
static char *run_note(const char *t) {
  if (!t || vgi_word_count(t) > 12) return NULL;
  char *c = vgi_squash(vgi_strdup(t));
  size_t l = strlen(c);
  while (l && strchr(".: ", c[l - 1])) c[--l] = 0;
  if (!l) { free(c); return NULL; }
  return c;
}

/* The label of a shared slide's first block (now a comment over it) taken
 * out of what the slide says, when it closes it and something else is
 * said: "Install it with one of these. Shell (Mac, Linux):". */
static void run_unsay(md *m, cJSON *last, const char *label) {
  size_t ll = strlen(label);
  while (ll && label[ll - 1] == ' ') ll--;
  cJSON *lu = cJSON_GetObjectItemCaseSensitive(last, VGI_UNITS_KEY);
  const char *ln = vgi_str(last, "narration");
  cJSON *lastu = cJSON_IsArray(lu) && lu->child ? lu->child : NULL;
  while (lastu && lastu->next) lastu = lastu->next;
  const char *t = lastu ? vgi_str(lastu, "t") : ln;
  size_t tl = t ? strlen(t) : 0;
  while (tl && t[tl - 1] == ' ') tl--;
  if (!ll || tl < ll || strncmp(t + tl - ll, label, ll)) return;
  size_t keep = tl - ll;
  while (keep && t[keep - 1] == ' ') keep--;
  if (lastu && !keep && lastu != lu->child) {
    cJSON_Delete(cJSON_DetachItemViaPointer(lu, lastu));
  } else {
    if (!keep) return;   /* the label is all it says: it stays said */
    char *c = vgi_strdup(t);
    c[keep] = 0;
    if (lastu) cJSON_ReplaceItemInObjectCaseSensitive(lastu, "t", cJSON_CreateString(c));
    else cJSON_ReplaceItemInObjectCaseSensitive(last, "narration", cJSON_CreateString(c));
    free(c);
  }
  run_say(m, last, NULL);
}

/* In a summary a section's later blocks are left out (code_block), but a
 * short one after the section's first, on a slide of its own, with at
 * most a short sentence before it ("Display multiple files at once" over
 * "bat src/"), joins that slide: the sentence is a comment above its
 * commands, and said. A usage section's few one-line examples are one
 * slide. Returns 1 when it joined. */
static int run_within(md *m, const char *lang, const char *lit, char **lines, int n) {
  cJSON *last = last_scene(m);
  cJSON *vc = last && last == m->cmd_scene ? cJSON_GetObjectItemCaseSensitive(last, "visual_content") : NULL;
  cJSON *cmds = cJSON_GetObjectItemCaseSensitive(vc, "commands");
  const char *was = vgi_str(vc, "language");
  const char *intro = m->nprose == 1 ? m->prose[0].text : NULL;
  char *note = intro ? run_note(intro) : NULL;
  if (!cJSON_IsArray(cmds) || (m->cmd_sections != 1 && !m->cmd_within) || m->cmd_level != m->level ||
      m->nprose > 1 || (intro && !note) || m->section_scenes != 1 || !run_lines(lang, lit, lines, n) ||
      !run_shells_mix(was, *lang ? lang : "shell") ||
      cJSON_GetArraySize(cmds) + (!m->cmd_within) + (note != NULL) + n > CMD_RUN_LINES) {
    free(note);
    return 0;
  }
  if (!m->cmd_within) {
    /* the first block: its label ("Using npm:" over "npm install x"), no
     * longer said; else what its narration says first, when that is short */
    const cJSON *lu = cJSON_GetObjectItemCaseSensitive(last, VGI_UNITS_KEY);
    const char *first = lu && lu->child ? vgi_str(lu->child, "t") : vgi_str(last, "narration");
    int ns = 0;
    char **ss = first && !m->cmd_label ? vgi_sentences_lang(first, m->lang, &ns) : NULL;
    for (int k = 0; k < ns; k++) free(ss[k]);
    free(ss);
    char *c0 = m->cmd_label ? run_note(m->cmd_label) : first && ns <= 1 ? run_note(first) : NULL;
    if (m->cmd_label) run_unsay(m, last, m->cmd_label);
    if (c0) run_comment(cmds, 0, c0);
    free(c0);
    m->cmd_within = 1;
  }
  if (note) run_comment(cmds, -1, note);
  for (int i = 0; i < n; i++) cJSON_AddItemToArray(cmds, cJSON_CreateString(lines[i]));
  if (intro) {
    cJSON *units = cJSON_CreateArray();
    unit_add(units, intro, 2);
    run_say(m, last, units);
    prose_drop(m, 1);
  }
  free(note);
  return 1;
}

/* A shared slide whose sections say nothing is said by what it shows:
 * "Getting started: Homebrew, Ubuntu and Fedora." (its sections' headings,
 * the comments run_join wrote: a block that may join has no "# " line). */
static int run_name_all(md *m, cJSON *last, const cJSON *cmds) {
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(last, "visual_content");
  const char *h = vgi_str(vc, "header");
  int n = 0, k = 0;
  for (const cJSON *c = cmds->child; c; c = c->next) n += cJSON_IsString(c) && !strncmp(c->valuestring, "# ", 2);
  if (!h || n < 2) return 0;
  vgi_buf b = {0};
  vgi_buf_puts(&b, h);
  vgi_buf_puts(&b, ": ");
  for (const cJSON *c = cmds->child; c; c = c->next) {
    if (!cJSON_IsString(c) || strncmp(c->valuestring, "# ", 2)) continue;
    if (k) vgi_buf_puts(&b, vgi_phrase(m->lang, k == n - 1 ? (n == 2 ? "pair" : "last") : "sep"));
    vgi_buf_puts(&b, c->valuestring + 2);
    k++;
  }
  vgi_buf_puts(&b, vgi_phrase(m->lang, "stop"));
  cJSON_AddStringToObject(last, "narration", b.s);
  cJSON_AddTrueToObject(last, VGI_AUTO_KEY);
  /* one key point, said whole (not cut at its colon) */
  cJSON *units = cJSON_CreateArray();
  unit_add(units, b.s, 1);
  if (units->child) cJSON_AddTrueToObject(units->child, "k");
  cJSON_DeleteItemFromObjectCaseSensitive(last, VGI_UNITS_KEY);
  cJSON_AddItemToObject(last, VGI_UNITS_KEY, units);
  cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(last, "max_duration"), vgi_max_for_lang(b.s, m->lang));
  vgi_buf_free(&b);
  return 1;
}

/* Whether a shared slide names a section so already (its header, the
 * section's first heading, or a comment): sections a reader made of one
 * heading's parts ("Examples" for each example of a manual page) are not
 * told apart by it. */
static int run_named(const cJSON *vc, const cJSON *cmds, const char *heading) {
  const char *h = vgi_str(vc, "header");
  if (!heading || (h && !strcmp(h, heading))) return 1;
  for (const cJSON *c = cmds->child; c; c = c->next)
    if (cJSON_IsString(c) && !strncmp(c->valuestring, "# ", 2) && !strcmp(c->valuestring + 2, heading)) return 1;
  return 0;
}

/* Joins the block to the command slide of the sections just before it
 * when it may (run_block) and they are its siblings; returns 1 when it
 * joined (the caller makes no scene), else notes whether a scene it makes
 * may start a run (run_started). */
static int run_join(md *m, const char *lang, const char *lit, char **lines, int n, const char *narr) {
  int ok = run_block(m, lang, lit, lines, n, narr);
  int sib = ok && m->level >= 3;   /* H2s are a document's topics: only subsections share */
  cJSON *last = last_scene(m);
  cJSON *vc = ok && last == m->cmd_scene ? cJSON_GetObjectItemCaseSensitive(last, "visual_content") : NULL;
  cJSON *cmds = cJSON_GetObjectItemCaseSensitive(vc, "commands");
  const char *was = vgi_str(vc, "language");
  if (!cJSON_IsArray(cmds) || !sib || !m->cmd_sib || m->cmd_within || m->cmd_level != m->level || !m->cmd_parent ||
      run_named(vc, cmds, m->header) ||
      strcmp(m->cmd_parent, run_parent(m)) ||
      m->cmd_sections >= CMD_RUN_SECTIONS || !run_shells_mix(was, *lang ? lang : "shell") ||
      cJSON_GetArraySize(cmds) + (m->cmd_sections == 1) + 1 + n > CMD_RUN_LINES) {
    m->cmd_scene = NULL;
    free(m->cmd_parent);
    m->cmd_parent = ok ? vgi_strdup(run_parent(m)) : NULL;
    m->cmd_level = m->level;
    m->cmd_sections = 0;
    m->cmd_within = 0;
    m->cmd_named = 0;
    m->cmd_sib = sib;
    return 0;
  }
  if (m->cmd_sections == 1) {
    /* the first of them: its heading becomes a comment, the section's the slide's */
    run_comment(cmds, 0, vgi_str(vc, "header"));
    cJSON_ReplaceItemInObjectCaseSensitive(vc, "header", cJSON_CreateString(m->cmd_parent));
    cJSON_DeleteItemFromObjectCaseSensitive(vc, "description");
    cJSON_DeleteItemFromObjectCaseSensitive(vc, VGI_CTX_KEY);
  }
  run_comment(cmds, -1, m->header);
  for (int i = 0; i < n; i++) cJSON_AddItemToArray(cmds, cJSON_CreateString(lines[i]));
  m->cmd_sections++;
  if (m->cmd_named && !(narr && *narr)) {
    /* said by what it shows: named again with this one */
    pend_clear(m);
    cJSON_DeleteItemFromObjectCaseSensitive(last, "narration");
    cJSON_DeleteItemFromObjectCaseSensitive(last, VGI_AUTO_KEY);
    run_name_all(m, last, cmds);
  } else {
    cJSON *units = narr && *narr ? units_around(m, narr) : NULL;
    if (!units && narr && *narr) {
      units = cJSON_CreateArray();
      unit_add(units, narr, 1);
    }
    pend_clear(m);
    run_say(m, last, units);
    if (!vgi_str(last, "narration")) m->cmd_named = run_name_all(m, last, cmds);
  }
  m->section_scenes++;   /* the section has its place: what follows in it is a scene of its own */
  return 1;
}

/* After a command scene is made: it may start a run when its block may
 * join one. */
static void run_started(md *m, cJSON *sc) {
  free(m->cmd_label);
  m->cmd_label = NULL;
  if (m->cmd_parent && sc) {
    m->cmd_scene = sc;
    m->cmd_sections = 1;
    m->cmd_label = m->code_label;
    m->code_label = NULL;
  }
}

/* A short label over a code block: a paragraph of at most five words that
 * ends with a colon, not a sentence ("Using npm:", "Shell (Mac, Linux):",
 * "Example:"). */
static int code_label(const char *t) {
  size_t tl = t ? strlen(t) : 0;
  while (tl && t[tl - 1] == ' ') tl--;
  if (!tl || t[tl - 1] != ':' || tl > 60 || vgi_word_count(t) > 5) return 0;
  for (size_t i = 0; i + 1 < tl; i++)
    if (strchr(".!?", t[i]) && t[i + 1] == ' ') return 0;
  return 1;
}

/* Whether a label names nothing but that a block follows: every word is
 * one of these ("Example:", "Basic usage:", "For example:", "Output:"). */
static int generic_label(const char *t) {
  static const char *const words[] = { "example", "examples", "usage", "output", "result", "results", "sample",
    "samples", "syntax", "code", "snippet", "demo", "for", "e.g", "eg", "basic", "simple", "quick", "start",
    "then", "run", "or", "and", "also", "install", "installation", "like", "this", "as", "follows", "so",
    "beispiel", "beispiele", "verwendung", "ausgabe", "exemple", "exemples", "utilisation", "sortie", "ejemplo",
    "ejemplos", "uso", "salida", "esempio", "esempi", "exemplo", "exemplos", "voorbeeld", "gebruik", NULL };
  char w[24];
  int n = 0;
  for (const char *p = t; *p;) {
    while (*p && !isalnum((unsigned char)*p) && !((unsigned char)*p & 0x80)) p++;
    if (!*p) break;
    int l = 0;
    while (*p && (isalnum((unsigned char)*p) || *p == '.' || ((unsigned char)*p & 0x80))) {
      if (l < 23) w[l++] = (char)tolower((unsigned char)*p);
      p++;
    }
    while (l && w[l - 1] == '.') l--;
    w[l] = 0;
    if (!l) continue;
    int known = 0;
    for (int i = 0; words[i] && !known; i++) known = !strcmp(w, words[i]);
    if (!known) return 0;
    n++;
  }
  return n > 0;
}

/* Labels that name the sides of a pair of code blocks ("Before:" over one
 * block, "After:" over the next): {first side, second side}, a word (or
 * two) at the label's start, in the languages of the templates. */
static const char *const PAIR_WORDS[][2] = {
  { "before", "after" }, { "old", "new" }, { "bad", "good" }, { "wrong", "right" },
  { "incorrect", "correct" }, { "don't", "do" }, { "avoid", "prefer" }, { "instead of", "use" },
  { "vorher", "nachher" }, { "alt", "neu" }, { "falsch", "richtig" }, { "avant", "apr\xC3\xA8s" },
  { "antes", "despu\xC3\xA9s" }, { "antes", "depois" }, { "prima", "dopo" }, { "voor", "na" },
  { "incorrecto", "correcto" }, { "errato", "corretto" } };
#define PAIR_LINES 12   /* lines a side of a paired slide may have */

/* Which side of a pair a block's label names: 1 the first ("Before:"), 2
 * the second ("After:"), 0 neither; *kind the pair. */
static int pair_side(const char *label, int *kind) {
  if (!label) return 0;
  while (*label == ' ' || *label == '*' || *label == '_') label++;
  for (int k = 0; k < (int)(sizeof PAIR_WORDS / sizeof *PAIR_WORDS); k++)
    for (int side = 0; side < 2; side++) {
      const char *w = PAIR_WORDS[k][side];
      size_t wl = strlen(w);
      if (strncasecmp(label, w, wl) || isalnum((unsigned char)label[wl]) || (unsigned char)label[wl] >= 0x80) continue;
      *kind = k;
      return side + 1;
    }
  return 0;
}

/* The label as a slide shows it: markup, spaces and the colon off the ends. */
static char *pair_text(const char *label) {
  while (*label == ' ' || *label == '*' || *label == '_') label++;
  char *t = vgi_strdup(label);
  size_t l = strlen(t);
  while (l && strchr(" :*_", t[l - 1])) t[--l] = 0;
  return t;
}

/* The block labelled as the second side of the pair whose first side is
 * the last slide ("Before:" then "After:", with nothing else between) joins
 * it: the slide becomes a code_comparison of the two (a summary showed the
 * first block alone, the second left out as the section's later detail).
 * Returns 1 when it joined. */
static int pair_join(md *m, char **lines, int nl) {
  cJSON *last = last_scene(m);
  if (!m->pair_scene || last != m->pair_scene || nl > PAIR_LINES) return 0;
  const char *label = NULL;
  int prose_label = 0;
  if (m->label && !m->nprose) label = m->label;
  else if (!m->label && m->nprose == 1 && !m->prose[0].step && code_label(m->prose[0].text)) {
    label = m->prose[0].text;
    prose_label = 1;
  }
  int kind = -1;
  if (!label || pair_side(label, &kind) != 2 || kind != m->pair_kind) return 0;
  cJSON *vc = cJSON_GetObjectItemCaseSensitive(last, "visual_content");
  cJSON *cmds = cJSON_DetachItemFromObjectCaseSensitive(vc, "commands");
  if (!cJSON_IsArray(cmds)) { cJSON_Delete(cmds); return 0; }
  cJSON_AddItemToObject(vc, "before_code", cmds);
  cJSON *after = cJSON_AddArrayToObject(vc, "after_code");
  for (int i = 0; i < nl; i++) cJSON_AddItemToArray(after, cJSON_CreateString(lines[i]));
  cJSON_AddStringToObject(vc, "before_label", m->pair_label);
  char *al = pair_text(label);
  cJSON_AddStringToObject(vc, "after_label", al);
  /* (the first side's label was the slide's description: the pills name it now) */
  const char *d = vgi_str(vc, "description");
  if (d && !strcmp(d, m->pair_label)) cJSON_DeleteItemFromObjectCaseSensitive(vc, "description");
  cJSON_ReplaceItemInObjectCaseSensitive(last, "scene_type", cJSON_CreateString("code_comparison"));
  /* a narration that was the first label alone ("Before.") said half of
   * the pair: the comparison is said from its header and labels instead */
  const char *said = vgi_str(last, "narration");
  if (said) {
    size_t pl = strlen(m->pair_label);
    if (!strncmp(said, m->pair_label, pl) && (!said[pl] || !strcmp(said + pl, ".") || !strcmp(said + pl, ":"))) {
      cJSON_DeleteItemFromObjectCaseSensitive(last, "narration");
      cJSON_DeleteItemFromObjectCaseSensitive(last, VGI_UNITS_KEY);
      cJSON_DeleteItemFromObjectCaseSensitive(last, VGI_AUTO_KEY);
    }
  }
  free(al);
  if (prose_label) {
    free(m->prose[0].text);
    m->nprose = 0;
  } else {
    free(m->label);
    m->label = NULL;
  }
  m->pair_scene = NULL;
  return 1;
}

static int prompt_line(const char *t, int session);

/* ---- what a block of commands runs ---------------------------------------- */

/* A command's name as said: its program by basename ("build/vgrun" is
 * vgrun) and a plain subcommand ("make install", "git clone"); never an
 * option, a path, a URL or a value. `sudo` and variables set before it
 * ("CC=clang make") are left out. The name goes into out; 0 when the line
 * names no program (a `cd`, an `export`, a word that is no name). */
static int command_name(const char *t, size_t n, char *out, size_t cap) {
  const char *e = t + n;
  const char *w[4];
  size_t wl[4];
  int nw = 0;
  for (const char *p = t; p < e && nw < 4;) {
    while (p < e && (*p == ' ' || *p == '\t')) p++;
    if (p >= e) break;
    const char *s = p;
    while (p < e && *p != ' ' && *p != '\t') p++;
    size_t l = (size_t)(p - s);
    if (nw == 0 && (memchr(s, '=', l) || (l == 4 && !strncmp(s, "sudo", 4)) || (l == 3 && !strncmp(s, "env", 3)) ||
                    (l == 4 && !strncmp(s, "time", 4))))
      continue;   /* FOO=bar, sudo, env: not what runs */
    w[nw] = s, wl[nw] = l, nw++;
  }
  if (!nw) return 0;
  const char *prog = w[0];
  size_t pl = wl[0];
  for (size_t i = pl; i > 0; i--)
    if (prog[i - 1] == '/') { pl -= i; prog += i; break; }
  if (!pl || pl > 24) return 0;
  for (size_t i = 0; i < pl; i++) {
    unsigned char c = (unsigned char)prog[i];
    if (!(isalnum(c) || c == '-' || c == '_' || c == '.' || c == '+')) return 0;
  }
  if (!isalpha((unsigned char)prog[0])) return 0;
  /* where it runs, what it sets: not a command a presenter names */
  static const char *const quiet[] = { "cd", "export", "set", "unset", "source", "echo", "pushd", "popd", NULL };
  for (int i = 0; quiet[i]; i++)
    if (strlen(quiet[i]) == pl && !strncmp(prog, quiet[i], pl)) return 0;
  size_t sl = 0;
  if (nw > 1 && wl[1] >= 2 && wl[1] <= 16 && islower((unsigned char)w[1][0])) {
    sl = wl[1];
    for (size_t i = 0; i < sl && sl; i++)
      if (!(islower((unsigned char)w[1][i]) || (i && w[1][i] == '-'))) sl = 0;
  }
  /* what it acts on, when that ends the command and is a plain name
   * ("pip3 install yq", "apt install git", "npm run build": the package is
   * the point; not an option, a path, a file or a URL) */
  size_t al = 0;
  if (sl && nw == 3 && wl[2] >= 2 && wl[2] <= 32 && isalpha((unsigned char)w[2][0])) {
    al = wl[2];
    for (size_t i = 0; i < al && al; i++) {
      unsigned char c = (unsigned char)w[2][i];
      if (!(islower(c) || isdigit(c) || c == '-' || c == '_')) al = 0;
    }
  }
  if (pl + sl + al + 3 > cap) return 0;
  memcpy(out, prog, pl);
  out[pl] = 0;
  if (sl) {
    out[pl] = ' ';
    memcpy(out + pl + 1, w[1], sl);
    out[pl + 1 + sl] = 0;
  }
  if (al) {
    out[pl + 1 + sl] = ' ';
    memcpy(out + pl + 2 + sl, w[2], al);
    out[pl + 2 + sl + al] = 0;
  }
  return 1;
}

/* A comment that reads as what its command does: a verb of the third
 * person ("builds vgrun and runs …", "prints a login URL"), cut before a
 * bracket or a path and before the words left hanging by the cut. NULL
 * when it reads otherwise ("add DESTDIR=… to stage it", a file name). */
static char *comment_does(const char *c) {
  while (*c == ' ' || *c == '#') c++;
  size_t fl = 0;
  while (islower((unsigned char)c[fl])) fl++;
  if (fl < 4 || (c[fl] != ' ' && c[fl] != 0) || c[fl - 1] != 's') return NULL;
  if (c[fl - 2] == 's' || c[fl - 2] == 'u' || c[fl - 2] == 'i') return NULL;   /* "progress", "status", "this" */
  vgi_buf b = {0};
  int words = 0;
  for (const char *p = c; *p;) {
    while (*p == ' ') p++;
    const char *s = p;
    while (*p && *p != ' ') p++;
    size_t l = (size_t)(p - s);
    if (!l) break;
    /* a bracket, a path, a value, code: shown, not said */
    int stop = *s == '(' || *s == '`' || *s == '<' || *s == '[';
    for (size_t i = 0; i < l && !stop; i++) stop = s[i] == '/' || s[i] == '=' || s[i] == '`' || s[i] == '<' || s[i] == '_';
    if (stop || words >= 14) break;
    if (words) vgi_buf_puts(&b, " ");
    vgi_buf_add(&b, s, l);
    words++;
    if (strchr(",;:.", s[l - 1])) break;
  }
  char *t = vgi_buf_take(&b);
  if (!t) return NULL;
  /* the words the cut left hanging ("… on an example from") */
  static const char *const hang[] = { "a", "an", "the", "from", "in", "into", "on", "of", "to", "with", "for", "at", "by",
                                      "through", "and", "or", "via", "under", "as", NULL };
  for (int again = 1; again;) {
    again = 0;
    size_t tl = strlen(t);
    while (tl && strchr(",;:. ", t[tl - 1])) t[--tl] = 0;
    char *sp = strrchr(t, ' ');
    if (!sp) break;
    for (int i = 0; hang[i]; i++)
      if (!strcmp(sp + 1, hang[i])) { *sp = 0; again = 1; break; }
  }
  if (vgi_word_count(t) < 2) { free(t); return NULL; }
  return t;
}

/* What a presenter says of shell commands that no prose introduces and no
 * comment leads: each command with its trailing comment when every one has
 * a comment that says what it does ("make demo builds vgrun and runs the
 * main job; make test builds and runs every test."), else the section and
 * the commands it runs, up to three ("Install: run make install, make deb,
 * and apt install."). NULL when there is nothing to name. */
static char *commands_said(md *m, char **lines, int nl, int session) {
  enum { MAXC = 3 };
  char names[MAXC][64];
  char *does[MAXC] = { 0 };
  int nc = 0, all_does = 1, prompted = 0;
  for (int i = 0; i < nl; i++) {
    const char *t = lines[i] + strspn(lines[i], " \t");
    prompted |= prompt_line(t, session);
  }
  int english = !m->lang[0] || !strncmp(m->lang, "en", 2);
  int cont = 0;
  for (int i = 0; i < nl; i++) {
    const char *t = lines[i] + strspn(lines[i], " \t");
    size_t tl = strlen(t);
    int was_cont = cont;
    cont = tl && t[tl - 1] == '\\';
    if (was_cont || !*t) continue;
    if (prompted) {
      /* a session: what was typed, not what it printed */
      if (!prompt_line(t, session)) continue;
      if (!strncmp(t, "PS ", 3)) t = strstr(t, "> ") + 2;
      else {
        size_t w = strcspn(t, " \t");
        t += w;
      }
      t += strspn(t, " \t");
    }
    if (*t == '#') continue;   /* a comment of its own */
    /* a word with a capital or a colon first ("Emitted 'error' event",
     * "Error:"): what a program printed, not commands; nothing is named */
    size_t fw = strcspn(t, " \t");
    if ((isupper((unsigned char)*t) && !memchr(t, '=', fw)) || (fw && t[fw - 1] == ':')) { nc = 0; break; }
    /* the comment after the command: " # …" outside quotes */
    const char *com = NULL;
    char q = 0;
    for (const char *p = t; *p && !com; p++) {
      if (q) { if (*p == q) q = 0; }
      else if (*p == '\'' || *p == '"') q = *p;
      else if (*p == '#' && p > t && (p[-1] == ' ' || p[-1] == '\t')) com = p;
    }
    size_t cl = com ? (size_t)(com - t) : strlen(t);
    /* "./configure && make": each part; "a | b": the first */
    for (const char *p = t; p < t + cl;) {
      const char *e = p;
      while (e < t + cl && !(e[0] == '&' && e[1] == '&') && *e != ';' && *e != '|') e++;
      char name[64];
      if (command_name(p, (size_t)(e - p), name, sizeof name)) {
        int seen = 0;
        for (int k = 0; k < nc && !seen; k++) seen = !strcmp(names[k], name);
        if (!seen) {
          if (nc == MAXC) { nc++; goto done; }   /* more than three: said as three */
          snprintf(names[nc], sizeof names[nc], "%s", name);
          does[nc] = com && english && !(e < t + cl) ? comment_does(com + 1) : NULL;
          all_does &= does[nc] != NULL;
          nc++;
        }
      }
      if (e < t + cl && *e == '|') break;
      p = e + (e < t + cl && *e == '&' ? 2 : 1);
    }
  }
done:;
  int said = nc > MAXC ? MAXC : nc;
  char *out = NULL;
  if (said && all_does) {
    vgi_buf b = {0};
    for (int k = 0; k < said; k++) {
      if (k) vgi_buf_puts(&b, "; ");
      vgi_buf_printf(&b, "%s %s", names[k], does[k]);
    }
    vgi_buf_puts(&b, ".");
    /* (a program's name keeps its case: "make demo …" as typed) */
    out = vgi_buf_take(&b);
  } else if (said) {
    vgi_buf l = {0};
    for (int k = 0; k < said; k++) {
      if (k) vgi_buf_puts(&l, vgi_phrase(m->lang, k < said - 1 ? "sep" : said == 2 ? "pair" : "last"));
      vgi_buf_puts(&l, names[k]);
    }
    char *list = vgi_buf_take(&l);
    /* the section's name without its number ("2. Build" is Build) */
    const char *h = m->header;
    if (h) {
      const char *q = h;
      while (isdigit((unsigned char)*q) || (*q == '.' && isdigit((unsigned char)q[1]))) q++;
      if (q > h && (*q == '.' || *q == ')')) q++;
      if (q > h && *q == ' ' && q[1]) h = q + 1;
    }
    char head[256];
    snprintf(head, sizeof head, "%s", h ? h : "");
    size_t hl = strlen(head);
    while (hl && (head[hl - 1] == ':' || head[hl - 1] == ' ')) head[--hl] = 0;
    int own = hl && !strchr(".!?", head[hl - 1]);
    const char *key = own ? "code_runs_named" : "code_runs";
    const char *ph = vgi_phrase(m->lang, key);
    /* (a language without the phrase says the section as before) */
    if (*ph && strcmp(ph, key) && (english || strcmp(ph, vgi_phrase("en", key)))) {
      const char *a2[2] = { head, list };
      const char *a1[1] = { list };
      vgi_buf nb = {0};
      if (own) vgi_phrase_put(&nb, m->lang, key, a2, 2);
      else vgi_phrase_put(&nb, m->lang, key, a1, 1);
      out = vgi_buf_take(&nb);
    }
    free(list);
  }
  for (int k = 0; k < MAXC && k < nc; k++) free(does[k]);
  return out;
}

static void code_block(md *m, cmark_node *n, int line) {
  api_flush(m, 1);   /* API references: the entry before its example */
  char lang[64];
  fence_lang(cmark_node_get_fence_info(n), lang);
  const char *lit = cmark_node_get_literal(n);
  if (!lit) lit = "";
  /* a bare block of source is read as if its fence named the language: a C
   * sample was "shell", its #include lines coloured as comments */
  if (!lang[0] && source_language(lit)) snprintf(lang, sizeof lang, "%s", source_language(lit));
  /* lines */
  int nl = 0;
  for (const char *p = lit; *p; p++) if (*p == '\n') nl++;
  size_t len = strlen(lit);
  if (len && lit[len - 1] != '\n') nl++;
  if (nl == 0) return;
  char **lines = malloc(sizeof(char *) * (size_t)nl);
  int k = 0;
  for (const char *p = lit; *p && k < nl; k++) {
    const char *e = strchr(p, '\n');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    lines[k] = malloc(l + 1);
    memcpy(lines[k], p, l);
    lines[k][l] = 0;
    p += l + (e ? 1 : 0);
  }
  nl = k;
  if (pair_join(m, lines, nl)) {
    for (int i = 0; i < nl; i++) free(lines[i]);
    free(lines);
    return;
  }
  /* the label over this block, when it names the first side of a pair */
  int pair_kind = -1, pair_first = 0;
  char *pair_label = NULL;
  {
    const char *lb = m->label ? m->label
                   : m->nprose && !m->prose[m->nprose - 1].step && code_label(m->prose[m->nprose - 1].text)
                       ? m->prose[m->nprose - 1].text : NULL;
    pair_first = nl <= PAIR_LINES && pair_side(lb, &pair_kind) == 1;
    if (pair_first) pair_label = pair_text(lb);
  }
  m->pair_scene = NULL;
  /* A summary shows one code block a section: the one section_pick chose
   * (its first command or source block, past program output), else its
   * first; the others are detail (--detail full): a build guide is not read
   * command by command. The paragraph that introduces a dropped block ("If
   * you see this error:", "Then run:") goes with it; prose before that stays
   * for the section's next scene. */
  int summary = !(m->opts && m->opts->detail == VGI_DETAIL_FULL);
  if (summary && (m->code_pick ? line != m->code_pick : m->section_codes++ > 0)) {
    free(pair_label);
    if (run_within(m, lang, lit, lines, nl)) {
      for (int i = 0; i < nl; i++) free(lines[i]);
      free(lines);
      return;
    }
    if (m->nprose) {
      const char *t = m->prose[m->nprose - 1].text;
      size_t tl = t ? strlen(t) : 0;
      while (tl && isspace((unsigned char)t[tl - 1])) tl--;
      if ((tl && t[tl - 1] == ':') || vgi_run_on_lead(t, tl)) { free(m->prose[m->nprose - 1].text); m->nprose--; }
    }
    m->code_dropped = m->after_drop = 1;
    for (int i = 0; i < nl; i++) free(lines[i]);
    free(lines);
    return;
  }
  /* After a dropped block (the output "If you see this error:" showed), the
   * prose that answered it is a scene of its own when there is much of it;
   * the block is said with what introduces it, its last paragraphs. */
  /* a label alone over the block ("Example:", "For example:", "Usage:") is
   * what the slide shows, not words to say: the prose before it, or the
   * block's own kind ("An example in Lua."), introduces it */
  free(m->code_label);
  m->code_label = NULL;
  if (m->nprose && !m->prose[m->nprose - 1].step && code_label((m->prose[m->nprose - 1].text))) {
    const char *t = m->prose[m->nprose - 1].text;
    /* (kept: the block's comment if later blocks join its slide, run_within) */
    m->code_label = vgi_strdup(t);
    /* a label that names nothing ("Example:", "Usage:") is not said; one
     * that names a way ("Using npm:", "PowerShell (Windows):") is, when
     * nothing else introduces the block */
    if (vgi_word_count(t) <= 2 && (m->nprose > 1 || generic_label(t))) {
      free(m->prose[m->nprose - 1].text);
      m->nprose--;
    }
  }
  int keep = PROSE_WORDS;
  if (summary && m->code_dropped && m->nprose) {
    int all = 0, last = para_weight(m, m->prose[m->nprose - 1].text);
    for (size_t i = 0; i < m->nprose; i++) all += para_weight(m, m->prose[i].text);
    keep = last > PROSE_WORDS / 3 ? last : PROSE_WORDS / 3;
    if (all - keep < PROSE_WORDS / 3) keep = PROSE_WORDS;
  }
  char *narr = take_narration_w(m, keep);
  if (narr && m->code_label && code_label(narr) && (vgi_word_count(narr) <= 2 || strchr(narr, '('))) {
    /* said alone, a label that names a way is a sentence: "PowerShell
     * (Windows).", "Using yarn." ("Given an import map:" still points) */
    size_t nl2 = strlen(narr);
    while (nl2 && narr[nl2 - 1] == ' ') narr[--nl2] = 0;
    if (nl2 && narr[nl2 - 1] == ':') narr[nl2 - 1] = '.';
  }
  char *runs = NULL;   /* what commands no prose introduces run: said in the heading's place */
  if (!narr || !*narr) {
    /* no prose introduces it: its first comment says what it is, else the
     * language ("An example in Lua."); only shell keeps "Run these commands" */
    free(narr);
    narr = NULL;
    /* (plain text has no comments: "#systemd on irc.libera.chat" is a channel) */
    int plain_text = !strcasecmp(lang, "text") || !strcasecmp(lang, "txt") || !strcasecmp(lang, "plaintext");
    for (int i = 0; i < nl && !narr && !plain_text; i++) {
      const char *t = lines[i];
      while (*t == ' ' || *t == '\t') t++;
      if (!*t) continue;
      const char *c = NULL;
      if (t[0] == '#' && t[1] != '!' && t[1] != 'i' && t[1] != 'd') c = t + 1;   /* not #!, #include, #define */
      else if (!strncmp(t, "//", 2) || !strncmp(t, "--", 2)) c = t + 2;
      else if (!strncmp(t, "/*", 2)) c = t + 2;
      if (!c) break;   /* code before any comment */
      while (*c == ' ' || *c == '#' || *c == '-' || *c == '/' || *c == '*') c++;
      char *x = vgi_squash(vgi_strdup(c));
      size_t xl = strlen(x);
      while (xl && (x[xl - 1] == '/' || x[xl - 1] == '*' || x[xl - 1] == ' ')) x[--xl] = 0;
      if (vgi_word_count(x) >= 2) {
        if (xl && !strchr(".!?:", x[xl - 1])) { vgi_buf nb = {0}; vgi_buf_puts(&nb, x); vgi_buf_puts(&nb, "."); free(x); x = vgi_buf_take(&nb); }
        if (x[0] >= 'a' && x[0] <= 'z') x[0] = (char)(x[0] - 'a' + 'A');
        narr = x;
      } else {
        free(x);
      }
    }
    int kind = code_kind(lang, lit);
    /* shell commands: what they run, never the section's name alone
     * ("Install." said over three commands) */
    if (!narr && !plain_text && (shell_tag(lang) || session_tag(lang) || (!*lang && kind == CODE_COMMANDS)))
      runs = commands_said(m, lines, nl, session_tag(lang));
    const char *h = m->header ? m->header : m->doc_title;
    if (!narr && kind == CODE_OUTPUT && h && *h) {
      /* what a program printed: neither commands to run nor an example;
       * the section's name says what it is about */
      vgi_buf nb = {0};
      vgi_buf_puts(&nb, h);
      if (!strchr(".!?:", h[strlen(h) - 1])) vgi_buf_puts(&nb, vgi_phrase(m->lang, "stop"));
      narr = vgi_buf_take(&nb);
    }
    if (!narr && *lang && kind != CODE_OUTPUT && !shell_tag(lang) && !session_tag(lang)) {
      /* the language as it is called ("js" is JavaScript), else its tag
       * with a capital */
      static const char *const names[][2] = { { "js", "JavaScript" }, { "javascript", "JavaScript" },
        { "mjs", "JavaScript" }, { "cjs", "JavaScript" }, { "jsx", "JavaScript" }, { "ts", "TypeScript" },
        { "typescript", "TypeScript" }, { "tsx", "TypeScript" }, { "py", "Python" }, { "python3", "Python" },
        { "rb", "Ruby" }, { "cpp", "C++" }, { "c++", "C++" }, { "cxx", "C++" }, { "cs", "C#" },
        { "csharp", "C#" }, { "rs", "Rust" }, { "kt", "Kotlin" }, { "php", "PHP" }, { "json", "JSON" },
        { "jsonc", "JSON" }, { "yaml", "YAML" }, { "yml", "YAML" }, { "toml", "TOML" }, { "xml", "XML" },
        { "html", "HTML" }, { "css", "CSS" }, { "sql", "SQL" }, { "md", "Markdown" }, { "ini", "INI" },
        { "golang", "Go" }, { "objc", "Objective-C" }, { "ps", "PostScript" }, { "hs", "Haskell" },
        { "ex", "Elixir" }, { "erl", "Erlang" }, { "ml", "OCaml" }, { "pl", "Perl" }, { "r", "R" },
        /* a Python session (">>> "), as Pygments calls it */
        { "pycon", "Python" }, { "pycon3", "Python" }, { "python-console", "Python" }, { "ipython", "Python" },
        { "ipython3", "Python" }, { "py3", "Python" }, { "rbcon", "Ruby" }, { "irb", "Ruby" } };
      char name[64];
      snprintf(name, sizeof name, "%s", lang);
      if (name[0] >= 'a' && name[0] <= 'z') name[0] = (char)(name[0] - 'a' + 'A');
      for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcasecmp(lang, names[i][0])) snprintf(name, sizeof name, "%s", names[i][1]);
      const char *a1[1] = { name };
      vgi_buf nb = {0};
      vgi_phrase_put(&nb, m->lang, "code_example", a1, 1);
      narr = vgi_buf_take(&nb);
    }
  }
  if (summary && run_join(m, lang, lit, lines, nl, narr)) {
    free(pair_label);
    free(runs);
    for (int i = 0; i < nl; i++) free(lines[i]);
    free(lines);
    free(narr);
    return;
  }
  /* long code is split at blank lines: a part ends at the last blank line
   * in its second half, else after CODE_LINES lines. A summary shows a long
   * block's first part only, of at most SUMMARY_CODE_LINES lines: code is
   * read at 1.5 s a line, and a 40-line sample is a minute of the video
   * (--detail full shows it all) */
  int cap = summary ? SUMMARY_CODE_LINES : CODE_LINES;
  int drawing = box_drawing((const char *const *)lines, nl);
  int at = 0, part = 0;
  while (at < nl && !(summary && part > 0)) {
    while (at < nl && !lines[at][strspn(lines[at], " \t")]) at++;   /* no part opens blank */
    if (at >= nl) break;
    int end = nl - at > cap ? at + cap : nl;
    if (end < nl && drawing) {
      /* a drawing is cut only at a blank line (its last one within the cap,
       * else its next one), never through a box */
      int cut = 0;
      for (int i = end - 1; i > at && !cut; i--)
        if (!lines[i][strspn(lines[i], " \t")]) cut = i;
      for (int i = end; i < nl && !cut; i++)
        if (!lines[i][strspn(lines[i], " \t")]) cut = i;
      end = cut ? cut : nl;
    } else if (end < nl) {
      for (int i = end - 1; i > at + cap / 2; i--)
        if (!lines[i][strspn(lines[i], " \t")]) { end = i; break; }
    }
    int stop = end;
    while (stop > at && !lines[stop - 1][strspn(lines[stop - 1], " \t")]) stop--;
    cJSON *vc = visual(m);
    if (part > 0 && !cJSON_GetObjectItemCaseSensitive(vc, "description"))
      cJSON_AddStringToObject(vc, "description", vgi_phrase(m->lang, "l_continued"));
    cJSON *cmds = cJSON_AddArrayToObject(vc, "commands");
    for (int i = at; i < stop; i++) cJSON_AddItemToArray(cmds, cJSON_CreateString(lines[i]));
    /* the file a label names ("Filename: src/main.rs"): the card's title */
    if (cmark_node_get_user_data(n)) cJSON_AddStringToObject(vc, "file", cmark_node_get_user_data(n));
    if (*lang) {
      cJSON_AddStringToObject(vc, "language", lang);
    } else {
      /* a bare block is named by what it holds, so a program's output or a
       * diagram is never coloured as code by a guess (scenes/common.lua) */
      int kind = code_kind("", lit);
      cJSON_AddStringToObject(vc, "language", kind == CODE_COMMANDS ? "shell"
                                              : kind == CODE_SOURCE ? statement_language(lit)
                                              : kind == CODE_OUTPUT ? "output" : "text");
    }
    /* (the topic: narrate.c says it where it said the heading, then what
     * the commands do, "These commands install it") */
    if (part == 0 && runs && !narr) {
      cJSON_AddStringToObject(vc, "topic", runs);
      cJSON_AddTrueToObject(vc, VGI_RUNS_KEY);
    }
    cJSON *sc = new_scene(m, "command", line, vc, part == 0 ? narr : NULL);
    if (sc && part > 0) cJSON_AddTrueToObject(sc, VGI_CONT_KEY);   /* goes with its first part */
    if (part == 0 && summary) run_started(m, sc);
    if (sc && part == 0 && summary && m->code_dropped) {
      /* chosen over the section's other blocks: never its droppable later
       * detail, even after a scene of the prose before it */
      const cJSON *sr = cJSON_GetObjectItemCaseSensitive(sc, VGI_SRANK_KEY);
      if (cJSON_IsNumber(sr) && sr->valueint < 2) cJSON_ReplaceItemInObjectCaseSensitive(sc, VGI_SRANK_KEY, cJSON_CreateNumber(2));
    }
    if (part == 0 && pair_first && sc && end >= nl) {
      m->pair_scene = sc;
      m->pair_kind = pair_kind;
      free(m->pair_label);
      m->pair_label = pair_label;
      pair_label = NULL;
    }
    part++;
    at = end;
  }
  free(pair_label);
  for (int i = 0; i < nl; i++) free(lines[i]);
  free(lines);
  free(narr);
  free(runs);
}

/* A template's placeholder, the whole text in square brackets ("[Short
 * description of non-trivial change.]" under a changelog's next release):
 * nothing to show or say. */
static int placeholder(const char *t) {
  size_t l = t ? strlen(t) : 0;
  return l > 2 && t[0] == '[' && t[l - 1] == ']' && !memchr(t + 1, '[', l - 2) && !memchr(t + 1, ']', l - 2) &&
         vgi_word_count(t) >= 2;
}

/* Lines of a code block that hold something. */
static int code_lines(const char *lit) {
  int n = 0;
  for (const char *q = lit ? lit : ""; *q;) {
    size_t l = strcspn(q, "\n");
    n += strspn(q, " \t\r") < l;
    q += l + (q[l] == '\n');
  }
  return n;
}

/* A block of lines that is code (commands or source), not text an indent
 * set apart (a plain-text README's list of supported processors). */
static int code_of_lines(cmark_node *c) {
  char lang[64] = "";
  fence_lang(cmark_node_get_fence_info(c), lang);
  int kind = code_kind(lang, cmark_node_get_literal(c));
  return code_lines(cmark_node_get_literal(c)) >= 2 && (kind == CODE_COMMANDS || kind == CODE_SOURCE);
}

/* A block of lines an item ends with before its nested lists, which
 * list_items leaves out of the item's words ("do it like this:" and the
 * block); not one of an item where prose follows code ("write this: …
 * instead of this: …", where the code is the words). */
static int item_code(cmark_node *c) {
  if (cmark_node_get_type(c) != CMARK_NODE_CODE_BLOCK) return 0;
  int code = 0;
  for (cmark_node *k = cmark_node_first_child(cmark_node_parent(c)); k && cmark_node_get_type(k) != CMARK_NODE_LIST;
       k = cmark_node_next(k)) {
    if (cmark_node_get_type(k) == CMARK_NODE_CODE_BLOCK) code = 1;
    else if (code) return 0;
  }
  return code_of_lines(c);
}

/* An item's bold lead ("- **Breaking:** Retired …"), copied, else NULL. */
static char *item_lead(cmark_node *it) {
  cmark_node *p = cmark_node_first_child(it);
  cmark_node *f = p && cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH ? cmark_node_first_child(p) : NULL;
  if (!f || cmark_node_get_type(f) != CMARK_NODE_STRONG || !cmark_node_next(f)) return NULL;
  char *l = plain(f, NULL);
  size_t n = strlen(l);
  while (n && (l[n - 1] == ':' || l[n - 1] == ' ')) l[--n] = 0;
  return l;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The bold leads two items of a list or more share, sorted (a tag such as
 * "**Breaking:**" or "**Fixed:**" on several changes, no term of its own:
 * shown as terms, every bullet read "Breaking"); *n gets their count. */
static char **shared_leads(cmark_node *list, size_t *n) {
  *n = 0;
  /* (a numbered list's names that come again are steps, not tags: a TLS
   * handshake's "Change Cipher Spec" and "Finished" on both sides) */
  if (cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) return NULL;
  size_t k = 0, cap = 0;
  char **v = NULL;
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
    char *l = item_lead(it);
    if (!l) continue;
    if (k == cap) v = realloc(v, sizeof *v * (cap = cap ? cap * 2 : 8));
    v[k++] = l;
  }
  if (k) qsort(v, k, sizeof *v, cmp_str);
  /* the first of each run of two or more is kept, once */
  char *keep = k ? calloc(k, 1) : NULL;
  for (size_t i = 0; i + 1 < k; i++)
    keep[i] = !strcmp(v[i], v[i + 1]) && (i == 0 || strcmp(v[i], v[i - 1]));
  size_t w = 0;
  for (size_t i = 0; i < k; i++) {
    if (keep[i]) v[w++] = v[i];
    else free(v[i]);
  }
  free(keep);
  *n = w;
  return v;
}

/* Whether node t, after an item's leading code span, starts with a mark
 * that makes the code a term: ":", " - ", " \u2014 ", " \u2013 ", or a
 * column of two spaces or a tab, with words after it ("`cd ~/` from
 * anywhere" goes on from the code, "`a` / `b`" lists forms). */
static int code_sep(cmark_node *t) {
  if (!t || cmark_node_get_type(t) != CMARK_NODE_TEXT) return 0;
  const char *s = cmark_node_get_literal(t);
  if (!s) return 0;
  const char *r;
  if (*s == ':') r = s + 1;
  else if (!strncmp(s, " - ", 3) || !strncmp(s, " -- ", 4)) r = s + 3;
  else if (!strncmp(s, " \xE2\x80\x94", 4) || !strncmp(s, " \xE2\x80\x93", 4)) r = s + 4;
  else if (!strncmp(s, "\xE2\x80\x94", 3)) r = s + 3;
  else if (!strncmp(s, "  ", 2) || *s == '\t') r = s + 1;
  else return 0;
  while (*r == ' ' || *r == '\t' || *r == '-') r++;
  return isalpha((unsigned char)*r);
}

/* Whether every item of a list opens with a term: a code span and its
 * mark (code_sep) or a bold lead. A list that mixes them with sentences
 * ("`cd ~/` from anywhere then …") keeps its items whole: a slide never
 * mixes terms and sentences, whose terms alone would be said. */
static int code_terms(cmark_node *list) {
  int any = 0;
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
    cmark_node *p = cmark_node_first_child(it);
    cmark_node *f = p && cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH ? cmark_node_first_child(p) : NULL;
    if (!f) return 0;
    int code = cmark_node_get_type(f) == CMARK_NODE_CODE && code_sep(cmark_node_next(f));
    if (!code && !(cmark_node_get_type(f) == CMARK_NODE_STRONG && cmark_node_next(f))) return 0;
    any |= code;
  }
  return any;
}

/* An item's bold lead with the bold spellings after it that a comma or a
 * slash joins ("**-1**, **--oneline**: display one entry per line"): one
 * term, "-1, --oneline", not "-1" over ", --oneline: display …" (eza's
 * options). -> the lead (malloc'd); *last: its last bold node. */
static char *bold_alternatives(cmark_node *f, cmark_node **last) {
  char *lead = plain(f, NULL);
  *last = f;
  for (cmark_node *sep = cmark_node_next(f); sep; sep = cmark_node_next(sep)) {
    cmark_node *alt = cmark_node_next(sep);
    const char *lit = cmark_node_get_type(sep) == CMARK_NODE_TEXT ? cmark_node_get_literal(sep) : NULL;
    if (!lit || !alt || cmark_node_get_type(alt) != CMARK_NODE_STRONG || !cmark_node_next(alt)) break;
    if (strcmp(lit, ", ") && strcmp(lit, " / ") && strcmp(lit, "/")) break;
    char *more = plain(alt, NULL);
    size_t n = strlen(lead) + strlen(lit) + strlen(more) + 1;
    char *joined = malloc(n);
    if (!joined) { free(more); break; }
    snprintf(joined, n, "%s%s%s", lead, lit, more);
    free(lead);
    free(more);
    lead = joined;
    *last = sep = alt;
  }
  return lead;
}

static int after_sub(md *m, cmark_node *sub, int level, cJSON *out, int *nested);
static int list_items(md *m, cmark_node *list, int level, cJSON *out, int *nested) {
  int count = 0;
  size_t nshared = 0;
  char **shared = shared_leads(list, &nshared);
  int cterms = code_terms(list);
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
    vgi_buf b = {0};
    int checked = -1;
    if (!strcmp(cmark_node_get_type_string(it), "tasklist"))
      checked = cmark_gfm_extensions_get_tasklist_item_checked(it) ? 1 : 0;
    cmark_node *sub = NULL;
    char *lead = NULL;   /* **Bold**: rest -> title/description */
    int code_lead = 0;   /* the lead is an option on its own line */
    int lead_line = 0;   /* the bold lead ends its line ("- **libssl**" / "  an implementation …") */
    int code_out = 0;    /* a block of code under the item, left out of its words */
    /* the item is what comes before its first nested list: what follows
     * (more lists, text that goes on: "Information about your system. For
     * instance:" / its list / "And anything else you think is relevant.")
     * is its nested items, in their order (after_sub) */
    for (cmark_node *c = cmark_node_first_child(it); c && !sub; c = cmark_node_next(c)) {
      cmark_node_type t = cmark_node_get_type(c);
      if (t == CMARK_NODE_LIST) { sub = c; continue; }
      if (t == CMARK_NODE_PARAGRAPH) {
        cmark_node *f = cmark_node_first_child(c);
        if (!b.n && f && cmark_node_get_type(f) == CMARK_NODE_STRONG && cmark_node_next(f)) {
          cmark_node *last = f;
          lead = bold_alternatives(f, &last);
          cmark_node *after = cmark_node_next(last);
          cmark_node_type nt = after ? cmark_node_get_type(after) : CMARK_NODE_NONE;
          lead_line = nt == CMARK_NODE_SOFTBREAK || nt == CMARK_NODE_LINEBREAK;
        }
        /* "* `--enable-mandirs=OS`" and its explanation in the next
         * paragraph: the option is the item's term */
        if (!b.n && f && !cmark_node_next(f) && cmark_node_get_type(f) == CMARK_NODE_CODE && cmark_node_next(c) &&
            cmark_node_get_type(cmark_node_next(c)) == CMARK_NODE_PARAGRAPH) {
          lead = plain(c, m);
          code_lead = 1;
        }
        /* "- `tool build --release`: builds the optimised binary" or
         * "- `nvm install --lts`  Install the latest LTS": the command is
         * the item's term, what follows the mark its description (said,
         * as a bold term's is), never the whole item as one title */
        if (cterms && !b.n && !lead && f && cmark_node_get_type(f) == CMARK_NODE_CODE && code_sep(cmark_node_next(f))) {
          lead = vgi_squash(vgi_strdup(cmark_node_get_literal(f)));
          code_lead = 1;
        }
        char *txt = plain(c, m);
        /* an item's paragraph that ends without a mark ("- Vendors can
         * provide custom versions" / "  If a vendor wishes …") ends a
         * sentence still: one run-on sentence is not said */
        if (b.n && *txt && (isalnum((unsigned char)b.s[b.n - 1]) || b.s[b.n - 1] == ')')) vgi_buf_puts(&b, ".");
        if (b.n && *txt) vgi_buf_puts(&b, " ");
        vgi_buf_puts(&b, txt);
        free(txt);
      } else if (t == CMARK_NODE_CODE_BLOCK) {
        /* a block of lines is never an item's words (list_code shows it
         * with --detail full); a one-line command reads as part of it
         * ("Unpack the archive: tar xf …") */
        if (item_code(c)) { code_out = 1; continue; }
        if (b.n) vgi_buf_puts(&b, " ");
        char *lit = vgi_squash(vgi_strdup(cmark_node_get_literal(c)));
        vgi_buf_puts(&b, lit);
        free(lit);
      }
    }
    char *text = vgi_squash(vgi_buf_take(&b));
    if (code_out) {   /* "do it like this:" introduced the block left out */
      size_t tl = strlen(text);
      while (tl && (text[tl - 1] == ':' || text[tl - 1] == ' ')) text[--tl] = 0;
    }
    if (placeholder(text) && !sub) { free(text); free(lead); continue; }
    cJSON *item = cJSON_CreateObject();
    size_t ll = lead ? strlen(lead) : 0;
    /* a bold word that the sentence goes on from ("**Run** `./configure`
     * with the options") is emphasis, not a term: a one-word lead is a term
     * when a mark separates it ("**Tier 1**:", "**Note.**", "**X** — …") */
    if (lead && ll && !code_lead && !strncmp(text, lead, ll) && vgi_word_count(lead) == 1 && !strchr(":.", lead[ll - 1])) {
      const char *r = text + ll;
      while (*r == ' ') r++;
      int mark = lead_line || *r == ':' || (*r && strchr(".,-", *r) && (r[1] == ' ' || !r[1])) || !strncmp(r, "\xE2\x80\x94", 3) ||
                 !strncmp(r, "// ", 3) || !strncmp(r, "| ", 2) ||   /* "**Fast** // Optimized to …" */
                 !strncmp(r, "\xE2\x80\x93", 3) || !strncmp(r, "\xEF\xBC\x9A", 3);
      if (!mark) ll = 0;
    }
    /* leads that repeat are tags ("**Breaking:**", a changelog's
     * "**compiler-core:**"): every item of the list is its whole text, so
     * one slide never mixes terms and sentences */
    if (lead && ll && nshared) ll = 0;
    if (lead && ll && !strncmp(text, lead, ll)) {
      const char *rest = text + ll;
      while (*rest == ':' || *rest == ' ' || *rest == '-' || !strncmp(rest, "\xE2\x80\x94", 3) || !strncmp(rest, "// ", 3) ||
             !strncmp(rest, "| ", 2) || (code_lead && !strncmp(rest, "\xE2\x80\x93", 3))) {
        if (!strncmp(rest, "\xE2\x80\x94", 3) || !strncmp(rest, "\xE2\x80\x93", 3)) rest += 3;
        else if (*rest == '/') rest += 2;
        else rest++;
      }
      char *lt = vgi_strdup(lead);
      size_t l2 = strlen(lt);
      while (l2 && (lt[l2 - 1] == ':' || lt[l2 - 1] == ' ')) lt[--l2] = 0;
      cJSON_AddStringToObject(item, "title", lt);
      char *rd = vgi_strdup(rest);
      size_t rl = strlen(rd);
      while (rl && (rd[rl - 1] == ':' || rd[rl - 1] == ' ')) rd[--rl] = 0;
      if (*rd) cJSON_AddStringToObject(item, "description", rd);
      free(rd);
      free(lt);
    } else {
      cJSON_AddStringToObject(item, "title", text);
    }
    cJSON_AddNumberToObject(item, "level", level);
    if (checked >= 0) cJSON_AddBoolToObject(item, "checked", checked);
    free(lead);
    free(text);
    cJSON_AddItemToArray(out, item);
    count++;
    if (sub) {
      *nested = 1;
      if (level < 8) count += after_sub(m, sub, level + 1, out, nested);
    }
  }
  for (size_t i = 0; i < nshared; i++) free(shared[i]);
  free(shared);
  return count;
}

/* An item's blocks from its first nested list on, as its nested items:
 * each list's items, each paragraph or code block after them an item of
 * its own at the same level (a summary that leaves the nested items out
 * leaves these too). */
static int after_sub(md *m, cmark_node *sub, int level, cJSON *out, int *nested) {
  int count = 0;
  for (cmark_node *c = sub; c; c = cmark_node_next(c)) {
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_LIST) {
      count += list_items(m, c, level, out, nested);
      continue;
    }
    char *txt = t == CMARK_NODE_PARAGRAPH ? plain(c, m)
              : t == CMARK_NODE_CODE_BLOCK && cmark_node_get_literal(c) ? vgi_strdup(cmark_node_get_literal(c)) : NULL;
    if (txt && *vgi_squash(txt) && !placeholder(txt)) {
      cJSON *a = cJSON_CreateObject();
      cJSON_AddStringToObject(a, "title", txt);
      cJSON_AddNumberToObject(a, "level", level);
      cJSON_AddItemToArray(out, a);
      count++;
    }
    free(txt);
  }
  return count;
}

/* Items: plain strings when the list is flat and simple, else objects. */
static cJSON *simplify_items(cJSON *items, int nested) {
  int simple = !nested;
  for (cJSON *it = items->child; it && simple; it = it->next)
    if (cJSON_GetObjectItemCaseSensitive(it, "description") ||
        cJSON_GetObjectItemCaseSensitive(it, "checked"))
      simple = 0;
  if (!simple) return items;
  cJSON *out = cJSON_CreateArray();
  for (cJSON *it = items->child; it; it = it->next)
    cJSON_AddItemToArray(out, cJSON_CreateString(vgi_str(it, "title")));
  cJSON_Delete(items);
  return out;
}

/* Words an item will take to read out (title and description). */
static int item_words(const cJSON *it) {
  int n = 0;
  const char *fields[] = { "title", "description" };
  for (int f = 0; f < 2; f++) {
    const cJSON *v = cJSON_IsString(it) ? (f == 0 ? it : NULL) : cJSON_GetObjectItemCaseSensitive(it, fields[f]);
    if (!cJSON_IsString(v)) continue;
    int in = 0;
    for (const char *p = v->valuestring; *p; p++) {
      int sp = (*p == ' ' || *p == '\n' || *p == '\t');
      if (!sp && !in) n++;
      in = !sp;
    }
  }
  return n;
}

/* How many items from `it` on make the next slide of a list: up to
 * LIST_ITEMS, and up to about PROSE_WORDS of reading (a list of long items
 * is several scenes, not one long slide), keeping a top-level item with its
 * children. */
static int list_slide_items(const cJSON *it, int counted) {
  int n = 0, words = 0;
  for (; it; it = it->next) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    int top = !cJSON_IsNumber(lvl) || lvl->valueint == 0;
    int group = 1;
    if (top) for (const cJSON *x = it->next; x; x = x->next) {
      const cJSON *l2 = cJSON_GetObjectItemCaseSensitive(x, "level");
      if (!cJSON_IsNumber(l2) || l2->valueint == 0) break;
      group++;
    }
    int group_words = 0;
    int g = 0;
    for (const cJSON *x = it; x && g < group; x = x->next, g++) group_words += item_words(x);
    if (n && top && n + group > LIST_ITEMS) break;
    if (n && top && words + group_words > PROSE_WORDS && !counted) break;
    if (n >= LIST_ITEMS * 2) break;   /* a huge nested group: cut across it */
    words += item_words(it);
    n++;
  }
  /* one last item alone on a slide of its own ("13 more options" after
   * eight options): it goes with one from before it */
  if (it && !it->next && n >= 3) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    if (!cJSON_IsNumber(lvl) || lvl->valueint == 0) n--;
  }
  return n;
}

/* The slides of a list as even as they can be: as many slides as
 * list_slide_items makes one after another, the items shared out so that
 * the fullest slide is as light as it can be (its words against
 * PROSE_WORDS, its items against LIST_ITEMS), a top-level item kept with
 * its children. git-help.1's eleven options were slides of 6, 3, 1 and 1;
 * they are 4, 3, 3 and 1 (the last one's words fill a slide). The items on each slide in sizes[]; 0 when the
 * list is one slide or too long to weigh (then each slide is filled). */
enum { LIST_EVEN_MAX = 256 };   /* top-level groups weighed */
static int list_even_parts(const cJSON *first, int counted, int *sizes) {
  int gi[LIST_EVEN_MAX], gw[LIST_EVEN_MAX], ng = 0, parts = 0;   /* per group: items, words */
  for (const cJSON *it = first; it;) {
    int n = list_slide_items(it, counted);
    parts++;
    for (int k = 0; k < n && it; k++) it = it->next;
  }
  if (parts < 2 || parts > LIST_ITEMS * 2) return 0;
  for (const cJSON *it = first; it;) {
    if (ng == LIST_EVEN_MAX) return 0;
    gi[ng] = 0, gw[ng] = 0;
    do {
      gi[ng]++;
      gw[ng] += item_words(it);
      it = it->next;
    } while (it && cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(it, "level")) &&
             cJSON_GetObjectItemCaseSensitive(it, "level")->valueint > 0);
    if (gi[ng] > LIST_ITEMS * 2) return 0;   /* a huge group: cut across it (list_slide_items) */
    ng++;
  }
  if (parts > ng) return 0;
  /* best[p][g]: the least weight of the heaviest of p slides holding groups
   * [0, g); a slide weighs its items, then its words (each slide within
   * list_slide_items' bounds) */
  long (*best)[LIST_EVEN_MAX + 1] = malloc(sizeof(long[LIST_ITEMS * 2 + 1][LIST_EVEN_MAX + 1]));
  int (*from)[LIST_EVEN_MAX + 1] = malloc(sizeof(int[LIST_ITEMS * 2 + 1][LIST_EVEN_MAX + 1]));
  if (!best || !from) abort();
  const long INF = LONG_MAX / 4;
  for (int p = 0; p <= parts; p++)
    for (int g = 0; g <= ng; g++) best[p][g] = INF;
  best[0][0] = 0;
  for (int p = 1; p <= parts; p++)
    for (int g = p; g <= ng; g++) {
      int items = 0, words = 0;
      for (int a = g - 1; a >= p - 1; a--) {
        items += gi[a], words += gw[a];
        int one = a == g - 1;   /* a group alone always makes a slide */
        if (!one && (items > LIST_ITEMS || (words > PROSE_WORDS && !counted))) break;
        if (best[p - 1][a] >= INF) continue;
        long w = (long)items * 100000 + words;
        long worst = w > best[p - 1][a] ? w : best[p - 1][a];
        if (worst < best[p][g]) best[p][g] = worst, from[p][g] = a;
      }
    }
  if (best[parts][ng] >= INF) parts = 0;
  for (int p = parts, g = ng; p > 0; p--) {
    int a = from[p][g], n = 0;
    for (int k = a; k < g; k++) n += gi[k];
    sizes[p - 1] = n;
    g = a;
  }
  free(best);
  free(from);
  return parts;
}

/* An item that opens its nested items with a colon ("Find the right
 * configure parameters for:") and is shown without them (a summary): its
 * colon and the words that only lead into them go, else the slide showed
 * a colon over nothing and the voice said "… parameters for." (systemd's
 * DISTRO_PORTING.md). English words only; an item that would keep fewer
 * than three words keeps its text. */
static void colon_unopened(cJSON *item, const char *lang) {
  cJSON *t = cJSON_GetObjectItemCaseSensitive(item, "title");
  if (!cJSON_IsString(t) || (lang && strncmp(lang, "en", 2))) return;
  char *s = vgi_strdup(t->valuestring);
  size_t l = strlen(s);
  while (l && s[l - 1] == ' ') l--;
  if (!l || s[l - 1] != ':') { free(s); return; }
  s[--l] = 0;
  /* a sentence that only opens the list ("For instance:", "These
   * include:") goes whole after a sentence of the item's own */
  char *stop = NULL;
  for (char *q = s; (q = strstr(q, ". ")) != NULL; q++) stop = q;
  if (stop && vgi_word_count(stop + 2) <= 3 && vgi_word_count(s) - vgi_word_count(stop + 2) >= 3) {
    stop[0] = 0;   /* (a headline, without its stop) */
    cJSON_SetValuestring(t, s);
    free(s);
    return;
  }
  static const char *const leads[] = { "for", "to", "with", "by", "like", "as", "in", "on", "from", "into",
                                       "the following", "following", "these", "below", "such as", "include",
                                       "includes", "including", "are", "is", "were", "was", "namely", NULL };
  /* (never "of": "One of:", "Each of:" say nothing without it) */
  for (int again = 1; again;) {
    again = 0;
    while (l && s[l - 1] == ' ') s[--l] = 0;
    for (int i = 0; leads[i]; i++) {
      size_t n = strlen(leads[i]);
      if (l > n && s[l - n - 1] == ' ' && !strcasecmp(s + l - n, leads[i])) {
        s[l -= n + 1] = 0;
        again = 1;
        break;
      }
    }
  }
  /* what is left must end on a word that holds up alone: not "of", a
   * quantifier or an article ("kind <number> One of:" over its values
   * keeps its colon) */
  const char *lw = strrchr(s, ' ');
  lw = lw ? lw + 1 : s;
  static const char *const wanting[] = { "one", "each", "any", "all", "some", "none", "either", "both", "of",
                                         "list", "set", "number", "kind", "type", "types", "the", "a", "an", "should",
                                         "must", "will", "can", "may", "shall", "would", "could", NULL };
  int want = 0;
  for (int i = 0; wanting[i] && !want; i++) want = !strcasecmp(lw, wanting[i]);
  if (vgi_word_count(s) >= 3 && !want) cJSON_SetValuestring(t, s);
  free(s);
}

/* ---- long lists of names ------------------------------------------------------------ */

/* A long flat list of names (storage providers, supported platforms,
 * sponsors, languages, integrations) is one slide in a summary: a few of
 * its names shown, the last line saying how many more ("and 62 more"), and
 * said briefly ("Storage providers: 70 in all, among them 1Fichier, Akamai
 * Netstorage, Amazon S3 and Backblaze B2."), never a slide after slide of
 * names read one by one. --detail full shows every item. */
#define NAMES_LIST_MIN 16     /* items a list of names has at least to be shown so */
#define NAMES_WORDS 6         /* an item of more words is a point, not a name ... */
#define NAMES_WORDS_MAX 10    /* ... a few of which a list of names may hold, none longer */
#define NAMES_SHOWN 8         /* names a summary's slide shows */
#define NAMES_SAID 4          /* names it says */

/* Whether a flat list's item is a name: its title short, no description,
 * no sentence in it. -1 when it is no name at all (a sentence, a point
 * with a description), 0 a long name, 1 a name. */
static int item_name(const cJSON *it) {
  const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
  if ((cJSON_IsNumber(lvl) && lvl->valueint > 0) || cJSON_GetObjectItemCaseSensitive(it, "description") ||
      cJSON_GetObjectItemCaseSensitive(it, "checked"))
    return -1;
  const char *t = vgi_str(it, "title");
  if (!t || !*t) return -1;
  size_t l = strlen(t);
  int w = vgi_word_count(t);
  /* (a sentence ends with its stop, or holds one: "Fast. Secure.") */
  if (w > NAMES_WORDS_MAX || strstr(t, ". ") || strstr(t, ": ") || strchr(t, ';') ||
      (l && strchr(".!?:", t[l - 1]) && w > 2))
    return -1;
  return w <= NAMES_WORDS;
}

/* 1 when the list is a long flat list of names: NAMES_LIST_MIN items at
 * least, none nested, each a name, nine in ten short ones. */
static int names_list(const cJSON *all) {
  int n = 0, short_names = 0;
  for (const cJSON *x = all->child; x; x = x->next, n++) {
    int k = item_name(x);
    if (k < 0) return 0;
    short_names += k;
  }
  return n >= NAMES_LIST_MIN && short_names * 10 >= n * 9;
}

/* A name shown as an example: a few words, no brackets or slashes
 * ("Amazon S3", not "Alibaba Cloud (Aliyun) Object Storage System (OSS)"). */
static int plain_name(const char *t) {
  return vgi_word_count(t) <= 3 && !strpbrk(t, "()[]/");
}

/* The scene of a long list of names (names_list): the first NAMES_SHOWN
 * plain names in the document's order (others when there are too few), a
 * last line for the rest, and the sentence that counts them. */
/* A name said inside a sentence ("among them the PCRE APIs, …"): an
 * article that opens it, capital only as a heading's first word, in lower
 * case, as a sentence has it (English, German, French, Spanish). */
static void name_in_sentence(vgi_buf *b, const char *t, const char *lang) {
  const struct { const char *lang; const char *const *words; } articles[] = {
    { "en", (const char *const[]){ "The", "A", "An", NULL } },
    { "de", (const char *const[]){ "Der", "Die", "Das", "Ein", "Eine", NULL } },
    { "fr", (const char *const[]){ "Le", "La", "Les", "Un", "Une", NULL } },
    { "es", (const char *const[]){ "El", "La", "Los", "Las", "Un", "Una", NULL } },
  };
  size_t at = b->n;
  vgi_buf_puts(b, t);
  for (size_t i = 0; lang && i < sizeof articles / sizeof *articles; i++) {
    if (strncmp(lang, articles[i].lang, 2) || isalpha((unsigned char)lang[2])) continue;
    for (int k = 0; articles[i].words[k]; k++) {
      size_t l = strlen(articles[i].words[k]);
      /* (a word follows: "A" alone is a name) */
      if (!strncmp(t, articles[i].words[k], l) && t[l] == ' ' && isalnum((unsigned char)t[l + 1]))
        b->s[at] = (char)tolower((unsigned char)b->s[at]);
    }
  }
}

static void names_scene(md *m, cJSON *all, int line, const char *desc, char *narr) {
  int n = cJSON_GetArraySize(all), shown = 0, plains = 0;
  for (cJSON *x = all->child; x; x = x->next) plains += plain_name(vgi_str(x, "title"));
  cJSON *items = cJSON_CreateArray();
  const char *said[NAMES_SAID];
  int ns = 0;
  for (cJSON *x = all->child; x && shown < NAMES_SHOWN; x = x->next) {
    const char *t = vgi_str(x, "title");
    if (plains >= NAMES_SHOWN && !plain_name(t)) continue;
    cJSON_AddItemToArray(items, cJSON_CreateString(t));
    if (ns < NAMES_SAID) said[ns++] = t;
    shown++;
  }
  char num[16], rest[16];
  snprintf(num, sizeof num, "%d", n);
  snprintf(rest, sizeof rest, "%d", n - shown);
  const char *more[1] = { rest };
  vgi_buf mb = {0};
  vgi_phrase_put(&mb, m->lang, "l_names_more", more, 1);
  cJSON_AddItemToArray(items, cJSON_CreateString(mb.s ? mb.s : rest));
  vgi_buf_free(&mb);
  cJSON *vc = visual(m);
  if (desc && !cJSON_GetObjectItemCaseSensitive(vc, "description")) cJSON_AddStringToObject(vc, "description", desc);
  vgi_buf j = {0};
  for (int i = 0; i < ns; i++) {
    if (i) vgi_buf_puts(&j, vgi_phrase(m->lang, i < ns - 1 ? "sep" : ns == 2 ? "pair" : "last"));
    name_in_sentence(&j, said[i], m->lang);
  }
  const char *h = vgi_str(vc, "header");
  vgi_buf cb = {0};   /* the sentence that counts them */
  if (h && *h) {
    size_t hl = strlen(h);
    while (hl && strchr(":. ", h[hl - 1])) hl--;
    char *hh = vgi_strdup(h);
    hh[hl] = 0;
    const char *args[3] = { hh, num, j.s ? j.s : "" };
    vgi_phrase_put(&cb, m->lang, "names_many", args, 3);
    free(hh);
  } else {
    const char *args[2] = { num, j.s ? j.s : "" };
    vgi_phrase_put(&cb, m->lang, "names_many_bare", args, 2);
  }
  /* the prose before the list keeps its ranks (a summary says its key
   * points); the sentence that counts the names is said whenever the slide
   * is, in place of the sentence that only opened the list ("The contents
   * of this README file are:"). */
  vgi_buf nb = {0};
  if (narr && *narr) { vgi_buf_puts(&nb, narr); vgi_buf_puts(&nb, " "); }
  vgi_buf_puts(&nb, cb.s ? cb.s : "");
  cJSON *units = units_around(m, nb.s);
  int count_last = units != NULL;   /* (units_around put the count last) */
  if (!units && narr && *narr) {
    units = cJSON_CreateArray();
    unit_add(units, narr, 1);
  }
  if (units) {
    cJSON *tail = vgi_last(units);
    cJSON *prose_end = !count_last ? tail : tail && units->child != tail ? tail->prev : NULL;
    const char *lt = prose_end ? vgi_str(prose_end, "t") : NULL;
    size_t ll = lt ? strlen(lt) : 0;
    while (ll && lt[ll - 1] == ' ') ll--;
    if (ll && lt[ll - 1] == ':') cJSON_Delete(cJSON_DetachItemViaPointer(units, prose_end));
    if (!count_last) unit_add(units, cb.s ? cb.s : "", 0);
  }
  /* the narration as the units say it */
  vgi_buf whole = {0};
  for (const cJSON *u = units ? units->child : NULL; u; u = u->next) {
    if (whole.n) vgi_buf_puts(&whole, " ");
    vgi_buf_puts(&whole, vgi_str(u, "t") ? vgi_str(u, "t") : "");
  }
  cJSON_AddItemToObject(vc, "items", items);
  new_scene_u(m, "list", line, vc, units ? whole.s : cb.s, units);
  vgi_buf_free(&whole);
  vgi_buf_free(&cb);
  vgi_buf_free(&nb);
  vgi_buf_free(&j);
  free(narr);
}

static void emit_list(md *m, cJSON *all, int nested, int line, const char *desc) {
  char *narr = take_narration(m);
  int first = 1, shown = 0;   /* top-level items on the scenes before */
  /* a list its introduction counts ("There are three support tiers:")
   * stays on one slide: a part of it could be left out of a summary */
  int tops_all = 0;
  for (cJSON *x = all->child; x; x = x->next) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(x, "level");
    tops_all += !cJSON_IsNumber(lvl) || lvl->valueint == 0;
  }
  int counted = tops_all <= LIST_ITEMS && cJSON_GetArraySize(all) <= LIST_ITEMS * 2 &&
                vgi_counted_intro(narr, NULL) == tops_all;
  int summary = !(m->opts && m->opts->detail == VGI_DETAIL_FULL);
  if (summary && nested && tops_all <= LIST_ITEMS && list_slide_items(all->child, counted) < cJSON_GetArraySize(all)) {
    /* a summary shows a nested list that takes more than a slide by its
     * top-level items when they fit one: the details under them go first
     * (--detail full shows them), never the later items' slide ("Main
     * Volumes" showed volumes 1 and 2 of 4, their second slide left out) */
    for (cJSON *x = all->child, *nx; x; x = nx) {
      nx = x->next;
      const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(x, "level");
      if (cJSON_IsNumber(lvl) && lvl->valueint > 0) cJSON_Delete(cJSON_DetachItemViaPointer(all, x));
      else if (nx && cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(nx, "level")) &&
               cJSON_GetObjectItemCaseSensitive(nx, "level")->valueint > 0)
        colon_unopened(x, m->lang);
    }
    nested = 0;
  }
  /* an item whose colon opens what the list does not hold (a table or a
   * picture under it, dropped) is shown and said without it, as is one
   * whose nested items a summary left out (above) */
  for (cJSON *x = all->child; x; x = x->next) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(x, "level"), *nl = x->next ?
      cJSON_GetObjectItemCaseSensitive(x->next, "level") : NULL;
    int l = cJSON_IsNumber(lvl) ? lvl->valueint : 0, n = cJSON_IsNumber(nl) ? nl->valueint : 0;
    if (!(x->next && n > l) && !cJSON_GetObjectItemCaseSensitive(x, "description")) colon_unopened(x, m->lang);
  }
  if (summary && !nested && !counted && names_list(all)) {
    names_scene(m, all, line, desc, narr);   /* (frees narr) */
    cJSON_Delete(all);
    return;
  }
  int sizes[LIST_ITEMS * 2], parts = list_even_parts(all->child, counted, sizes), part = 0;
  while (all->child) {
    cJSON *chunk = cJSON_CreateArray();
    for (int n = part < parts ? sizes[part++] : list_slide_items(all->child, counted); n > 0 && all->child; n--)
      cJSON_AddItemToArray(chunk, cJSON_DetachItemViaPointer(all, all->child));
    int tops = 0;
    for (cJSON *x = chunk->child; x; x = x->next) {
      const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(x, "level");
      if (!cJSON_IsNumber(lvl) || lvl->valueint == 0) tops++;
    }
    cJSON *vc = visual(m);
    /* a later part says it continues, and numbers on from the part before */
    const char *d = first ? desc : vgi_phrase(m->lang, "l_continued");
    if (d && !cJSON_GetObjectItemCaseSensitive(vc, "description"))
      cJSON_AddStringToObject(vc, "description", d);
    if (!first) cJSON_AddNumberToObject(vc, "start", shown + 1);
    cJSON_AddItemToObject(vc, "items", simplify_items(chunk, nested));
    cJSON *sc = new_scene(m, "list", line, vc, first ? narr : NULL);
    /* a later slide of the list is its items too: it goes with its first
     * (a summary leaves out a section's later lists, not a list's end) */
    if (sc && !first) cJSON_AddTrueToObject(sc, VGI_CONT_KEY);
    first = 0;
    shown += tops;
  }
  free(narr);
  cJSON_Delete(all);
}

/* A table of contents: every item (children too) is one link into the
 * document ("[Usage](#usage)"). */
static int toc_list(cmark_node *list) {
  int n = 0;
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
    for (cmark_node *c = cmark_node_first_child(it); c; c = cmark_node_next(c)) {
      cmark_node_type t = cmark_node_get_type(c);
      if (t == CMARK_NODE_LIST) { if (!toc_list(c)) return 0; continue; }
      if (t != CMARK_NODE_PARAGRAPH) return 0;
      cmark_node *l = cmark_node_first_child(c);
      const char *url = l && cmark_node_get_type(l) == CMARK_NODE_LINK ? cmark_node_get_url(l) : NULL;
      if (!url || url[0] != '#' || cmark_node_next(l)) return 0;
    }
    n++;
  }
  return n;
}

/* A list whose every item is one paragraph of one link and nothing else
 * ("* [Container registry for CI images][registry]"), two items at least. */
static int link_list(cmark_node *list) {
  int n = 0;
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it), n++) {
    cmark_node *p = cmark_node_first_child(it);
    if (!p || cmark_node_next(p) || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) return 0;
    int one = 0;
    for (cmark_node *c = cmark_node_first_child(p); c; c = cmark_node_next(c)) {
      cmark_node_type t = cmark_node_get_type(c);
      if (t == CMARK_NODE_LINK) { if (one++) return 0; continue; }
      if (t == CMARK_NODE_TEXT) {
        const char *l = cmark_node_get_literal(c);
        if (l && l[strspn(l, " \t")]) return 0;
        continue;
      }
      if (t != CMARK_NODE_SOFTBREAK) return 0;
    }
    if (!one) return 0;
  }
  return n >= 2;
}

/* Whether a text shows anything: a letter, a digit or a sign other than
 * a space of any width. A paragraph of the "&nbsp;" left between a row of
 * flag pictures (starship's language links) is blank, no subtitle. */
static int shows_text(const char *t) {
  for (const unsigned char *q = (const unsigned char *)t; q && *q;) {
    if (*q < 0x80) {
      if (!isspace(*q)) return 1;
      q++;
      continue;
    }
    /* U+00A0, U+2000-U+200B, U+202F, U+205F, U+3000, U+FEFF */
    if (q[0] == 0xC2 && q[1] == 0xA0) { q += 2; continue; }
    if (q[0] == 0xE2 && q[1] == 0x80 && q[2] && (q[2] <= 0x8B || q[2] == 0xAF)) { q += 3; continue; }
    if (q[0] == 0xE2 && q[1] == 0x81 && q[2] == 0x9F) { q += 3; continue; }
    if (q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x80) { q += 3; continue; }
    if (q[0] == 0xEF && q[1] == 0xBB && q[2] == 0xBF) { q += 3; continue; }
    return 1;
  }
  return 0;
}

#define AGENDA_ITEMS 16   /* topics shown on an agenda slide */
#define AGENDA_SAID 5     /* topics named in its narration */

/* A table of contents is an agenda: one slide of its top-level topics, said
 * as "N topics: A, B and C" with at most AGENDA_SAID named, never read
 * item by item. */
/* The label over a table of contents ("**Table of Contents** *generated
 * with DocToc*", "Inhaltsverzeichnis", "目次"): the agenda says what it is,
 * the label is not said. 1 when s (a short sentence) is one. */
static int toc_label(const char *s) {
  static const char *const labels[] = { "table of contents", "doctoc", "contents", "inhaltsverzeichnis", "inhalt",
    "sommaire", "table des mati\xC3\xA8res", "\xC3\xADndice", "contenido", "indice", "sommario", "inhoud",
    "\xD1\x81\xD0\xBE\xD0\xB4\xD0\xB5\xD1\x80\xD0\xB6\xD0\xB0\xD0\xBD\xD0\xB8\xD0\xB5",
    "\xD0\xBE\xD0\xB3\xD0\xBB\xD0\xB0\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB5",
    "\xE7\x9B\xAE\xE5\xBD\x95", "\xE7\x9B\xAE\xE6\xAC\xA1", "\xEB\xAA\xA9\xEC\xB0\xA8",
    "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAD\xD8\xAA\xD9\x88\xD9\x8A\xD8\xA7\xD8\xAA", NULL };
  /* (a label is a few words: a long sentence of unspaced script is none) */
  if (strlen(s) > 120 || vgi_word_count(s) > 8) return 0;
  for (int i = 0; labels[i]; i++) {
    size_t l = strlen(labels[i]);
    for (const char *q = s; *q; q++)
      if (!strncasecmp(q, labels[i], l)) return 1;
  }
  return 0;
}

int vgi_toc_label(const char *s) { return toc_label(s); }

static int boilerplate(const char *h);
static int sponsors(const char *h);
static int promotion(const char *h);

static void agenda_block(md *m, cmark_node *n, cJSON *all) {
  char *narr = take_narration(m);
  if (narr) {
    /* the table's own label, the last thing said before it, goes */
    int ns = 0;
    char **ss = vgi_sentences_lang(narr, m->lang, &ns);
    if (ns && toc_label(ss[ns - 1])) {
      vgi_buf kept = {0};
      for (int i = 0; i < ns - 1; i++) { if (kept.n) vgi_buf_puts(&kept, " "); vgi_buf_puts(&kept, ss[i]); }
      free(narr);
      narr = kept.s ? vgi_buf_take(&kept) : NULL;
    }
    for (int i = 0; i < ns; i++) free(ss[i]);
    free(ss);
  }
  cJSON *vc = visual(m);
  cJSON *items = cJSON_AddArrayToObject(vc, "items");
  const char *said[AGENDA_SAID];
  int total = 0, ns = 0;
  for (cJSON *it = all->child; it; it = it->next) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    const char *t = vgi_str(it, "title");
    if ((cJSON_IsNumber(lvl) && lvl->valueint > 0) || !t || !*t) continue;
    /* (the table of contents' entry for itself, "Table of contents", is
     * no topic of the video) */
    if (toc_label(t) && vgi_word_count(t) <= 3) continue;
    /* (a summary leaves the license, the sponsors and the shop out: so
     * does its agenda) */
    if (!(m->opts && (m->opts->detail == VGI_DETAIL_FULL || m->opts->duration > 0)) &&
        (boilerplate(t) || sponsors(t) || promotion(t)))
      continue;
    /* a topic's own number goes: the agenda numbers its cards, and "1.
     * Purposes and Goals" said whole ended the sentence at "1." */
    const char *q = t;
    while (isdigit((unsigned char)*q) || (*q == '.' && isdigit((unsigned char)q[1]))) q++;
    if (q > t && (*q == '.' || *q == ')')) q++;
    if (q > t && *q == ' ' && q[1]) t = q + 1;
    if (total < AGENDA_ITEMS) cJSON_AddItemToArray(items, cJSON_CreateString(t));
    if (ns < AGENDA_SAID) said[ns++] = t;
    total++;
  }
  vgi_buf j = {0};
  for (int i = 0; i < ns; i++) {
    if (i) vgi_buf_puts(&j, vgi_phrase(m->lang, i < ns - 1 ? "sep" : ns == 2 ? "pair" : "last"));
    vgi_buf_puts(&j, said[i]);
  }
  char num[16];
  snprintf(num, sizeof num, "%d", total);
  const char *args[2] = { num, j.s ? j.s : "" };
  vgi_buf nb = {0};
  if (narr && *narr) { vgi_buf_puts(&nb, narr); vgi_buf_puts(&nb, " "); }
  vgi_phrase_put(&nb, m->lang, total > ns ? "agenda_more" : "agenda", args, 2);
  new_scene(m, "list", cmark_node_get_start_line(n), vc, nb.s);
  vgi_buf_free(&nb);
  vgi_buf_free(&j);
  free(narr);
}

/* The code span an item opens with, when it is a short tag ("`B`
 * [Linked List](…)", "`A` [Trie](…)"): at most three characters, then a
 * space. NULL otherwise. */
static cmark_node *item_tag(cmark_node *item) {
  cmark_node *p = cmark_node_first_child(item);
  if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) return NULL;
  cmark_node *c = cmark_node_first_child(p), *nx = c ? cmark_node_next(c) : NULL;
  if (!c || !nx || cmark_node_get_type(c) != CMARK_NODE_CODE) return NULL;
  const char *lit = cmark_node_get_literal(c);
  size_t l = lit ? strlen(lit) : 0;
  if (!l || l > 3 || strchr(lit, ' ')) return NULL;
  const char *after = cmark_node_get_type(nx) == CMARK_NODE_TEXT ? cmark_node_get_literal(nx) : NULL;
  return after && after[0] == ' ' && (after[1] || cmark_node_next(nx)) ? c : NULL;   /* (a word follows, or a link) */
}

/* A list whose items are marked by tags of a legend ("`B` - Beginner, `A`
 * - Advanced", javascript-algorithms' README): three items in four open with one of
 * at most four short code spans, the same ones again and again. The tags
 * go (each list judged on its own, nested ones first): shown they were
 * noise ("B Linked List"), said a letter ("Math: b Bit Manipulation"). */
static void tags_out(cmark_node *list) {
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it))
    for (cmark_node *k = cmark_node_first_child(it); k; k = cmark_node_next(k))
      if (cmark_node_get_type(k) == CMARK_NODE_LIST) tags_out(k);
  const char *kinds[4];
  int nk = 0, tagged = 0, items = 0;
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
    items++;
    cmark_node *t = item_tag(it);
    if (!t) continue;
    const char *lit = cmark_node_get_literal(t);
    int k = 0;
    while (k < nk && strcmp(kinds[k], lit)) k++;
    if (k == nk) {
      if (nk == 4) return;
      kinds[nk++] = lit;
    }
    tagged++;
  }
  if (items < 3 || tagged * 4 < items * 3 || tagged <= nk) return;
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
    cmark_node *t = item_tag(it);
    if (t) {
      cmark_node *nx = cmark_node_next(t);
      const char *after = cmark_node_get_literal(nx);
      char *rest = vgi_strdup(after + strspn(after, " "));
      if (*rest) cmark_node_set_literal(nx, rest);
      else {
        cmark_node_unlink(nx);
        cmark_node_free(nx);
      }
      free(rest);
      cmark_node_unlink(t);
      cmark_node_free(t);
    }
  }
}

static void list_block(md *m, cmark_node *n) {
  if (api_list(m, n)) return;   /* API references: a parameter list */
  api_flush(m, 2);
  tags_out(n);
  cJSON *all = cJSON_CreateArray();
  int nested = 0;
  list_items(m, n, 0, all, &nested);
  if (!cJSON_GetArraySize(all)) { cJSON_Delete(all); return; }
  int toc = toc_list(n);
  if (toc > 0 && toc < 3 && cJSON_GetArraySize(all) >= toc + 3) {
    /* a table of contents under one or two parts ("- GitHub" with its
     * twenty topics below): the topics are the agenda's */
    cJSON *topics = cJSON_CreateArray();
    for (cJSON *it = all->child; it; it = it->next) {
      const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
      if (!cJSON_IsNumber(lvl) || lvl->valueint == 0) continue;
      cJSON *c = cJSON_Duplicate(it, 1);
      cJSON_ReplaceItemInObjectCaseSensitive(c, "level", cJSON_CreateNumber(lvl->valueint - 1));
      cJSON_AddItemToArray(topics, c);
    }
    cJSON_Delete(all);
    all = topics;
    toc = 3;
  }
  if (toc >= 3) {
    agenda_block(m, n, all);
    cJSON_Delete(all);
    return;
  }
  int links = link_list(n);
  const cJSON *before = last_scene(m);
  emit_list(m, all, nested, cmark_node_get_start_line(n), NULL);
  /* a list of links: its scenes say so (a summary names the items) */
  for (cJSON *s = links ? last_scene(m) : NULL; s && s != before; s = s->prev == s ? NULL : s->prev) {
    cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
    if (vc && !cJSON_GetObjectItemCaseSensitive(vc, VGI_LINKS_KEY)) cJSON_AddTrueToObject(vc, VGI_LINKS_KEY);
    if (s == m->scenes->child) break;
  }
}

/* A table is a table scene: its header row and body rows, every column;
 * long tables page through their rows (TABLE_ROWS a scene). A table wider
 * than TABLE_COLS is shown in groups of columns, each with the first
 * column again as its key; past TABLE_COLS_MAX columns the rest is left
 * out, with a warning at the table's line. Rows are shown up to a bound
 * (table_rows_shown), the slide saying how many there are. The narration
 * is the prose before it, then the columns named and each row said briefly
 * (vgi_table_narration). */

/* The cells of a row as text, at most TABLE_COLS_MAX; *all gets how many
 * the row has. */
static cJSON *table_cells(cmark_node *row, int *all) {
  cJSON *cells = cJSON_CreateArray();
  int nc = 0;
  for (cmark_node *c = cmark_node_first_child(row); c; c = cmark_node_next(c), nc++) {
    if (nc >= TABLE_COLS_MAX) continue;
    char *t = vgi_squash(plain(c, NULL));
    cJSON_AddItemToArray(cells, cJSON_CreateString(t));
    free(t);
  }
  *all = nc;
  return cells;
}

/* A cell with nothing of its own to read: empty (its pictures, a badge,
 * are not text) or a placeholder ("N/A", "-", "—"). */
static int blank_cell(const char *t) {
  static const char *const none[] = { "", "-", "--", "n/a", "na", "none", "\xE2\x80\x94", "\xE2\x80\x93", "?", NULL };
  for (int k = 0; none[k]; k++)
    if (!strcasecmp(t, none[k])) return 1;
  return 0;
}

static int has_picture(cmark_node *n) {
  cmark_iter *it = cmark_iter_new(n);
  cmark_event_type ev;
  int found = 0;
  while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
    found = ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_IMAGE;
  cmark_iter_free(it);
  return found;
}

/* A table of build badges ("Branch | CI | Status | Coverage" over rows of
 * status pictures and "N/A"): pictures in its body, and at least half of
 * its body's cells with nothing to read. What it shows is a service's
 * live state, not the document's: no table scene, nothing said. */
static int badge_table(cmark_node *n) {
  int cells = 0, blank = 0, pictures = 0;
  for (cmark_node *row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
    if (strcmp(cmark_node_get_type_string(row), "table_row")) continue;
    for (cmark_node *c = cmark_node_first_child(row); c; c = cmark_node_next(c)) {
      char *t = vgi_squash(plain(c, NULL));
      cells++;
      blank += blank_cell(t);
      pictures += has_picture(c);
      free(t);
    }
  }
  return pictures > 0 && cells > 0 && 2 * blank >= cells;
}

/* How many rows of a table are shown: a summary two pages, --detail full
 * 32, shared among its column groups (at least a page each): a table
 * of thousands of rows was hundreds of slides that said its heading only
 * (20,000 rows: 2,500 slides, 17 s to plan). */
static int table_rows_shown(int summary, int groups) {
  int budget = summary ? SUMMARY_TABLE_SHOWN : FULL_TABLE_SHOWN;
  int per = budget / (groups > 0 ? groups : 1);
  per -= per % TABLE_ROWS;
  return per < TABLE_ROWS ? TABLE_ROWS : per;
}

/* "a · b": the parts of a slide's description that are there */
static void describe(cJSON *vc, const char *part) {
  if (!part || !*part) return;
  const char *d = vgi_str(vc, "description");
  if (!d || !*d) {
    cJSON_DeleteItemFromObjectCaseSensitive(vc, "description");
    cJSON_AddStringToObject(vc, "description", part);
    return;
  }
  vgi_buf b = {0};
  vgi_buf_puts(&b, d);
  vgi_buf_puts(&b, " \xC2\xB7 ");
  vgi_buf_puts(&b, part);
  cJSON_DeleteItemFromObjectCaseSensitive(vc, "description");
  cJSON_AddStringToObject(vc, "description", b.s);
  vgi_buf_free(&b);
}

/* A group of columns of `row`: its first cell (the key), then the cells
 * in [from, to) (from >= 1). */
static cJSON *cells_of_group(const cJSON *row, int from, int to) {
  cJSON *out = cJSON_CreateArray();
  int i = 0;
  for (const cJSON *c = row->child; c; c = c->next, i++)
    if (!i || (i >= from && i < to)) cJSON_AddItemToArray(out, cJSON_Duplicate(c, 1));
  return out;
}

/* A table of an entry's history (Node's "Version | Changes" under
 * "History"): its header a version column and the changes', each row's
 * first cell versions ("v11.14.0, v10.17.0"). Version metadata: a summary
 * leaves it out, --detail full reads it. */
static int history_table(const cJSON *cols, const cJSON *rows) {
  static const char *const first[] = { "version", "versions", "release", NULL };
  static const char *const second[] = { "changes", "change", "changelog", "history", "notes", "what changed", NULL };
  const cJSON *c0 = cJSON_GetArrayItem(cols, 0), *c1 = c0 ? c0->next : NULL;
  if (cJSON_GetArraySize(cols) != 2 || !cJSON_IsString(c0) || !cJSON_IsString(c1) || !rows->child) return 0;
  if (!in_list(first, c0->valuestring, strlen(c0->valuestring)) ||
      !in_list(second, c1->valuestring, strlen(c1->valuestring)))
    return 0;
  for (const cJSON *r = rows->child; r; r = r->next) {
    const cJSON *v = cJSON_GetArrayItem(r, 0);
    const char *t = cJSON_IsString(v) ? v->valuestring : "";
    if (*t == 'v' || *t == 'V') t++;
    if (!isdigit((unsigned char)*t)) return 0;
  }
  return 1;
}

static int rows_said_by_keys(const char *said, const cJSON *rows);
static int intro_names_rows(const char *narr, const cJSON *rows);

/* A table's caption: a paragraph that names the table it stands before
 * ("Table 1: Supported platforms.", "Table: Default limits", "Tabelle 2.
 * Grenzen"; an HTML <caption> comes as "Table: …"); what it says after its
 * label, NULL when the paragraph is no caption; *numbered when the label
 * has a number. */
static const char *table_caption(const char *s, int *numbered) {
  static const char *const words[] = { "table", "tabelle", "tableau", "tabla", "tabella", "tabel", "tabela",
    "таблица", NULL };
  for (int i = 0; words[i]; i++) {
    size_t l = strlen(words[i]);
    if (strncasecmp(s, words[i], l)) continue;
    const char *q = s + l;
    *numbered = *q == ' ' && isdigit((unsigned char)q[1]);
    if (*numbered) {
      q++;
      while (isdigit((unsigned char)*q) || ((*q == '-' || *q == '.') && isdigit((unsigned char)q[1]))) q++;
    }
    if (*q != ':' && !(*q == '.' && q > s + l)) return NULL;
    q++;
    if (*q != ' ') return NULL;
    while (*q == ' ') q++;
    return vgi_word_count(q) > 0 ? q : NULL;
  }
  return NULL;
}

/* The caption of the table that follows (table_caption), taken from the
 * prose: shown over the table, said without its label ("Supported
 * platforms."). Caller frees; NULL when the last paragraph is none. */
static char *take_table_caption(md *m) {
  if (!m->nprose) return NULL;
  para *p = &m->prose[m->nprose - 1];
  int numbered = 0;
  const char *said = p->cont ? NULL : table_caption(p->text, &numbered);
  if (!said) return NULL;
  /* (shown whole where it numbers the table, "Table 1: …"; else its words) */
  char *shown = vgi_strdup(numbered ? p->text : said);
  size_t l = strlen(said);
  /* (said as a sentence: "Default limits of the server" closed with a stop) */
  int open = l && !strchr(".!?:", said[l - 1]);
  char *t = malloc(l + (open ? strlen(vgi_phrase(m->lang, "stop")) : 0) + 1);
  if (!t) abort();
  memcpy(t, said, l + 1);
  if (open) strcat(t, vgi_phrase(m->lang, "stop"));
  free(p->text);
  p->text = t;
  return shown;
}

/* A table of one row under a header of names (Prettier's "Default | CLI
 * Override | API Override" over one option's values) is a record: each name
 * beside its value, a row of two cells each ("Default" | "true"), with no
 * header row, so it is shown as a card of names and values and said
 * "Default: true. CLI Override: the no-semi option." rather than as a table
 * of one row. A column of no value is left out. 0 (and nothing changed)
 * for any other table: more rows, a column without a name, fewer than two
 * names with a value, a value of several lines or more than
 * RECORD_VALUE_WORDS words. */
#define RECORD_VALUE_WORDS 12   /* the most words a record's value says */
static int record_table(cJSON **cols, cJSON **rows) {
  const cJSON *row = *rows ? (*rows)->child : NULL;
  if (!row || row->next || cJSON_GetArraySize(*cols) < 2) return 0;
  int filled = 0;
  const cJSON *v = row->child;
  for (const cJSON *c = (*cols)->child; c; c = c->next, v = v ? v->next : NULL) {
    if (!cJSON_IsString(c) || !*c->valuestring) return 0;
    if (!v || !cJSON_IsString(v) || !*v->valuestring) continue;
    /* (a cell of several lines or many words is no value: Node.js'
     * changelog index, "LTS 'Argon' | Stable" over a column of versions
     * each, was said as "LTS 'Argon': 4.9.1 4.9.0 4.8.7 …") */
    if (strchr(v->valuestring, '\n') || vgi_spoken_words(v->valuestring) > RECORD_VALUE_WORDS) return 0;
    filled++;
  }
  if (filled < 2) return 0;
  cJSON *pairs = cJSON_CreateArray();
  v = row->child;
  for (const cJSON *c = (*cols)->child; c; c = c->next, v = v ? v->next : NULL) {
    if (!v || !cJSON_IsString(v) || !*v->valuestring) continue;
    cJSON *pair = cJSON_CreateArray();
    cJSON_AddItemToArray(pair, cJSON_CreateString(c->valuestring));
    cJSON_AddItemToArray(pair, cJSON_CreateString(v->valuestring));
    cJSON_AddItemToArray(pairs, pair);
  }
  cJSON *names = cJSON_CreateArray();
  cJSON_AddItemToArray(names, cJSON_CreateString(""));
  cJSON_AddItemToArray(names, cJSON_CreateString(""));
  cJSON_Delete(*cols);
  cJSON_Delete(*rows);
  *cols = names, *rows = pairs;
  return 1;
}

static void table_block(md *m, cmark_node *n) {
  if (badge_table(n)) return;
  api_flush(m, 1);   /* API references */
  int summary = !(m->opts && m->opts->detail == VGI_DETAIL_FULL);
  cJSON *cols = NULL, *rows = cJSON_CreateArray();
  int ncols = 0, all_cols = 0, nrows = 0, kept = 0, groups = 1, cap = 0;
  for (cmark_node *row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
    if (strcmp(cmark_node_get_type_string(row), "table_row") &&
        strcmp(cmark_node_get_type_string(row), "table_header"))
      continue;
    int is_head = cmark_gfm_extensions_get_table_row_is_header(row);
    int all = 0;
    cJSON *cells = table_cells(row, &all);
    int nc = cJSON_GetArraySize(cells);
    if (is_head && !cols) {
      cols = cells, ncols = nc, all_cols = all;
      for (int k = 0; k < m->nwide; k++)
        if (m->wide_rows[k].line == cmark_node_get_start_line(row)) all_cols = m->wide_rows[k].cells;
      if (ncols > TABLE_COLS) groups = (ncols - 1 + TABLE_GROUP_COLS - 2) / (TABLE_GROUP_COLS - 1);
      cap = table_rows_shown(summary, groups);
      continue;
    }
    /* every row has the header's cells, no more, no fewer */
    while (ncols && nc < ncols) { cJSON_AddItemToArray(cells, cJSON_CreateString("")); nc++; }
    while (ncols && nc > ncols) { cJSON_DeleteItemFromArray(cells, --nc); }
    /* a row with nothing to read (pictures only) is no row: a table of
     * them is no table scene */
    int text = 0;
    for (const cJSON *c = cells->child; c; c = c->next) text |= cJSON_IsString(c) && *c->valuestring;
    if (!text) { cJSON_Delete(cells); continue; }
    nrows++;
    /* rows past those shown are counted only */
    if (cap && kept >= cap) { cJSON_Delete(cells); continue; }
    cJSON_AddItemToArray(rows, cells);
    kept++;
  }
  if (!cols || !ncols || !nrows || (summary && history_table(cols, rows))) {
    cJSON_Delete(cols);
    cJSON_Delete(rows);
    return;
  }
  int line = cmark_node_get_start_line(n);
  if (all_cols > ncols)
    vgi_diag_add(m->d, VGI_WARNING, m->file, line, 1, NULL, "a table of %d columns: the first %d are shown",
                 all_cols, ncols);
  if (nrows == 1 && groups == 1 && all_cols <= ncols && record_table(&cols, &rows)) {
    ncols = 2;
    nrows = kept = cJSON_GetArraySize(rows);
  }
  if (kept < nrows && (!summary || nrows > table_rows_shown(0, groups)))
    vgi_diag_add(m->d, VGI_WARNING, m->file, line, 1, NULL,
                 summary ? "a table of %d rows: %d are shown (%d with --detail full)"
                         : "a table of %d rows: the first %d are shown",
                 nrows, kept, table_rows_shown(0, groups));
  char *caption = take_table_caption(m);
  char *narr = take_narration(m);
  int pages = (kept + TABLE_ROWS - 1) / TABLE_ROWS;
  /* rows spread evenly over the pages: 9 rows are 5 + 4, not 8 + 1 */
  int per = (kept + pages - 1) / pages;
  /* columns spread evenly over the groups: 24 are the key and 8, 8 and 7 */
  int gper = groups > 1 ? (ncols - 1 + groups - 1) / groups : ncols;
  /* A summary names the columns and says a few rows on the first page, and
   * counts the rest ("And 12 more rows."); later pages are shown, with the
   * heading said and time to read their rows. --detail full says rows on
   * every page, the columns named on the first only (said again on every
   * page they were heard five times in a table of forty rows). A later
   * group of columns names its own. */
  /* prose that ends with a colon ("The options are:") is completed by the
   * rows; naming the columns there would break the sentence */
  int intro = vgi_colon_intro(narr);
  /* ... unless the rows are numbers, which say nothing without the names of
   * their columns ("The diameters in millimetres: 12: 6, 9.6."): the prose
   * ends with a stop, and the columns are named */
  if (intro && vgi_table_numbers(rows)) {
    intro = 0;
    size_t nl = strlen(narr);
    while (nl && narr[nl - 1] == ' ') narr[--nl] = 0;
    if (nl >= 3 && !memcmp(narr + nl - 3, "\xEF\xBC\x9A", 3)) narr[nl -= 3] = 0;
    else if (nl && narr[nl - 1] == ':') narr[--nl] = 0;
    char *closed = malloc(nl + strlen(vgi_phrase(m->lang, "stop")) + 1);
    if (!closed) abort();
    memcpy(closed, narr, nl);
    strcpy(closed + nl, vgi_phrase(m->lang, "stop"));
    free(narr);
    narr = closed;
  }
  char rows_note[160] = "";
  if (kept < nrows) {
    char a0[16], a1[16];
    snprintf(a0, sizeof a0, "%d", kept);
    snprintf(a1, sizeof a1, "%d", nrows);
    const char *a[2] = { a0, a1 };
    vgi_buf nb = {0};
    vgi_phrase_put(&nb, m->lang, "l_table_rows", a, 2);
    snprintf(rows_note, sizeof rows_note, "%s", nb.s ? nb.s : "");
    vgi_buf_free(&nb);
  }
  for (int g = 0; g < groups; g++) {
    int from = groups > 1 ? 1 + g * gper : 0, to = groups > 1 ? 1 + (g + 1) * gper : ncols;
    if (to > ncols) to = ncols;
    char cols_note[160] = "";
    if (groups > 1) {
      char a0[16], a1[16], a2[16];
      snprintf(a0, sizeof a0, "%d", g ? from + 1 : 1);
      snprintf(a1, sizeof a1, "%d", to);
      snprintf(a2, sizeof a2, "%d", ncols);
      const char *a[3] = { a0, a1, a2 };
      vgi_buf nb = {0};
      vgi_phrase_put(&nb, m->lang, "l_table_columns", a, 3);
      snprintf(cols_note, sizeof cols_note, "%s", nb.s ? nb.s : "");
      vgi_buf_free(&nb);
    }
    const cJSON *r = rows->child;
    for (int page = 0; page < pages; page++) {
      cJSON *vc = visual(m);
      if (caption) {
        /* (the caption names this table, on each of its slides) */
        cJSON_DeleteItemFromObjectCaseSensitive(vc, "description");
        cJSON_DeleteItemFromObjectCaseSensitive(vc, VGI_CTX_KEY);
        cJSON_AddStringToObject(vc, "description", caption);
      }
      if (page > 0 && !cJSON_GetObjectItemCaseSensitive(vc, "description"))
        cJSON_AddStringToObject(vc, "description", vgi_phrase(m->lang, "l_continued"));
      describe(vc, cols_note);
      if (page == 0) describe(vc, rows_note);
      cJSON_AddItemToObject(vc, "columns", groups > 1 ? cells_of_group(cols, from, to) : cJSON_Duplicate(cols, 1));
      cJSON *pr = cJSON_AddArrayToObject(vc, "rows");
      for (int k = 0; k < per && r; k++, r = r->next)
        cJSON_AddItemToArray(pr, groups > 1 ? cells_of_group(r, from, to) : cJSON_Duplicate(r, 1));
      int here = cJSON_GetArraySize(pr);
      int first = g == 0 && page == 0;
      char *said = NULL;
      if (!summary)   /* (the rows not shown counted after the first group's last page) */
        said = vgi_table_narration_n(vc, m->lang, VGI_TABLE_WORDS, 0, !g && page == pages - 1 ? nrows - kept : 0,
                                     g > 0 && page == 0 ? VGI_TABLE_MORE_COLUMNS : first && !intro, 0);
      else if (first && groups == 1 && (said = vgi_table_matrix(cols, rows, vgi_str(vc, "header"), m->lang))) {
        /* a support matrix is said by what all its rows show, over its
         * first slide whole (vg.create.fit) */
        cJSON_AddTrueToObject(vc, "said_whole");
      } else if (first)
        /* a table that pages opens with its size and counts nothing here:
         * its later pages show the rest (zoxide's integrations said "And
         * 19 more rows." before a page that named them); the rows never
         * shown are counted on its last page */
        said = vgi_table_narration_n(vc, m->lang, SUMMARY_TABLE_WORDS, SUMMARY_TABLE_ROWS,
                                     pages > 1 ? -1 : nrows - here, !intro, pages > 1 ? nrows : 0);
      else if (page == 0)
        said = vgi_table_narration_n(vc, m->lang, -1, 0, 0, VGI_TABLE_MORE_COLUMNS, 0);
      /* "On Windows, fzf is available via Chocolatey, Scoop, Winget, and
       * MSYS2:" over those four rows: the prose named them all, the rows are
       * not named again */
      if (first && summary && said && intro_names_rows(narr, rows) && rows_said_by_keys(said, rows)) {
        free(said);
        said = NULL;
      }
      /* (rows all shown and none said leave nothing: the prose's colon
       * then ends it, below) */
      if (said && !*said) free(said), said = NULL;
      vgi_buf nb = {0};
      if (first && narr && *narr) vgi_buf_puts(&nb, narr);
      if (first && !said && nb.n && nb.s[nb.n - 1] == ':') nb.s[nb.n - 1] = '.';   /* (nothing follows it now) */
      if (said && *said) {
        if (nb.n) vgi_buf_puts(&nb, " ");
        vgi_buf_puts(&nb, said);
      }
      /* a later page of a summary: the names of the rows it shows
       * ("cursorline, cursorcolumn, and gutters."), else its heading (else
       * its columns); the heading said alone told nothing of the rows */
      char *page_names = !nb.n && summary && g == 0 ? vgi_table_row_names(vc, m->lang) : NULL;
      if (page_names) vgi_buf_puts(&nb, page_names);
      free(page_names);
      if (!nb.n) {
        const char *h = vgi_str(vc, "header");
        if (h && *h) {
          vgi_buf_puts(&nb, h);
          if (!strchr(".!?:", h[strlen(h) - 1])) vgi_buf_puts(&nb, vgi_phrase(m->lang, "stop"));
        } else {
          char *cn = vgi_table_narration_n(vc, m->lang, -1, 0, 0, 1, 0);
          vgi_buf_puts(&nb, cn ? cn : "");
          free(cn);
        }
      }
      /* the rows no page shows, counted after the last */
      if (summary && g == 0 && pages > 1 && page == pages - 1) {
        char *more = vgi_table_more(vc, m->lang, nrows - kept);
        if (more) {
          if (nb.n) vgi_buf_puts(&nb, " ");
          vgi_buf_puts(&nb, more);
          free(more);
        }
      }
      free(said);
      cJSON *sc = new_scene(m, "table", line, vc, nb.s);
      /* rows not said are read: about a second each */
      if (sc && summary && here * SUMMARY_ROW_SECONDS > 3.0)
        cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(sc, "min_duration"), here * SUMMARY_ROW_SECONDS);
      vgi_buf_free(&nb);
    }
  }
  free(narr);
  free(caption);
  cJSON_Delete(cols);
  cJSON_Delete(rows);
}

/* A row's key as prose would name it: its first cell without emphasis
 * marks or a bracket after the name ("MSYS2 (pacman)" -> "MSYS2"); its
 * length in *kl. NULL when the first cell is no text. */
static const char *row_key(const cJSON *r, size_t *kl) {
  const cJSON *c = cJSON_IsArray(r) ? r->child : NULL;
  if (!cJSON_IsString(c)) return NULL;
  const char *k = c->valuestring;
  while (*k == ' ' || *k == '*') k++;
  size_t l = strcspn(k, "(*");
  while (l && k[l - 1] == ' ') l--;
  *kl = l;
  return k;
}

/* Whether the prose before a table names the first cell of each of its
 * rows (two to eight), each as a word of it ("MSYS2 (pacman)" by its name
 * before the bracket). */
static int intro_names_rows(const char *narr, const cJSON *rows) {
  int n = 0;
  if (!narr || !*narr) return 0;
  for (const cJSON *r = rows ? rows->child : NULL; r; r = r->next) {
    size_t kl;
    const char *k = row_key(r, &kl);
    if (!k || ++n > 8 || kl < 2) return 0;
    int found = 0;
    for (const char *q = narr; !found && *q; q++)
      found = !strncasecmp(q, k, kl) && (q == narr || !isalnum((unsigned char)q[-1])) && !isalnum((unsigned char)q[kl]);
    if (!found) return 0;
  }
  return n >= 2;
}

/* Whether what the rows' narration says is their first cells and little
 * more (at most three other words: "and", a bracket's word): the other
 * columns were commands, shown and not said. A table whose rows say what
 * each key means (".ed: Ed script - a list of ed commands") says more than
 * the prose that named the keys. */
static int rows_said_by_keys(const char *said, const cJSON *rows) {
  char *t = vgi_strdup(said);
  for (const cJSON *r = rows ? rows->child : NULL; r; r = r->next) {
    size_t kl;
    const char *k = row_key(r, &kl);
    for (char *q = k && kl ? t : NULL; q && *q;) {
      if (!strncasecmp(q, k, kl)) { memset(q, ' ', kl); q += kl; }
      else q++;
    }
  }
  int words = 0;
  for (const char *q = t; *q;) {   /* (words with a letter or digit: the keys' commas are left) */
    while (*q == ' ') q++;
    int alnum = 0;
    for (; *q && *q != ' '; q++) alnum |= isalnum((unsigned char)*q) || ((unsigned char)*q & 0x80);
    words += alnum;
  }
  free(t);
  return words <= 3;
}

static void alert_block(md *m, cmark_node *n, const char *key, const char *label, const char *text);

/* ---- quoted commands ------------------------------------------------------ */

static void prose_add(md *m, char *text, int line, int min_words);

/* Line `ln` (1-based) of the document as written: its start, its length. */
static const char *src_line(md *m, int ln, size_t *len) {
  const char *p = m->src;
  int i = 1;
  if (m->src_at && m->src_ln <= ln) p = m->src_at, i = m->src_ln;   /* on from the last one asked */
  for (; p && i < ln; i++) {
    p = strchr(p, '\n');
    if (p) p++;
  }
  if (!p) { *len = 0; return ""; }
  m->src_ln = ln;
  m->src_at = p;
  const char *e = strchr(p, '\n');
  *len = e ? (size_t)(e - p) : strlen(p);
  if (*len && p[*len - 1] == '\r') (*len)--;
  return p;
}

static int first_word_is(const char *t, const char *const *words) {
  size_t n = strcspn(t, " \t");
  for (int i = 0; words[i]; i++)
    if (strlen(words[i]) == n && !strncmp(t, words[i], n)) return 1;
  return 0;
}

/* A line of a shell command or of code, by its shape: a prompt, a program
 * a README would tell one to run, options, pipes, a continuation, or C-like
 * punctuation. 0 for a line of prose (several words ending a sentence). */
static int code_like(const char *t, int continued) {
  static const char *const programs[] = { "git", "sudo", "make", "cmake", "cd", "ls", "cp", "mv", "rm", "mkdir",
    "strace", "ltrace", "gdb", "bzip2", "gzip", "xz", "tar", "curl", "wget", "apt", "apt-get", "dpkg", "pip",
    "pip3", "npm", "npx", "yarn", "cargo", "rustc", "gcc", "g++", "cc", "clang", "python", "python3", "lua",
    "node", "docker", "podman", "ssh", "scp", "rsync", "chmod", "chown", "echo", "cat", "grep", "sed", "awk",
    "export", "ps", "kill", "systemctl", "journalctl", "sh", "bash", "brew", "go", "java", "javac", "mvn",
    "gradle", "perl", "ruby", "gem", "kubectl", "ffmpeg", "sysctl", "mount", "su", "env", "source", "ln",
    "touch", "find", "xargs", "diff", "patch", "tee", "head", "tail", "vgrun", "cpupower", "modprobe", "ip",
    "if", "for", "while", "return", "int", "void", "char", "static", "const", "struct", "#include", "#define",
    "import", "def", "function", "local", "let", "var", "luarocks", "busted", "pytest", "tox", "meson", "ninja",
    "bazel", "buck", "vcpkg", "conan", "pnpm", "bun", "deno", "dotnet", "composer", "pipx", "poetry", "conda",
    "snap", "flatpak", "dnf", "yum", "zypper", "pacman", "apk", "nix", "rpm", "autoreconf", "pwsh", "choco",
    "winget", "scoop", "ctest", "cpack", "ldconfig", "pkg-config", "valgrind", "perf", "npm.cmd", NULL };
  /* "tool install x", "busted spec": a program and a subcommand */
  static const char *const subcommands[] = { "install", "build", "run", "test", "add", "init", "clone", "start",
    "update", "upgrade", "remove", "uninstall", "config", "spec", "exec", "serve", "setup", NULL };
  size_t l = strlen(t);
  while (l && (t[l - 1] == ' ' || t[l - 1] == '\t')) l--;
  if (!l) return 1;
  int words = vgi_word_count(t);
  char last = t[l - 1];
  if (continued) return 1;                                         /* after a "\\" */
  if (!strncmp(t, "$ ", 2) || !strncmp(t, "# ", 2) || csh_prompt(t) || !strncmp(t, "./", 2) || t[0] == '/' ||
      !strncmp(t, "~/", 2)) return 1;
  if (strstr(t, "/*") || strstr(t, "*/") || strstr(t, "//") == t) return 1;
  if (last == ';' || last == '{' || last == '}' || last == '\\') return 1;
  if (last == '.' || last == '!' || last == '?' || last == ':') return 0;  /* a sentence */
  if (first_word_is(t, programs) && words <= 12) return 1;
  if (words >= 2 && words <= 8 && islower((unsigned char)t[0])) {
    const char *w2 = t + strcspn(t, " \t");
    w2 += strspn(w2, " \t");
    int lower = 1;
    for (const char *q = t; q < w2; q++) lower &= !isupper((unsigned char)*q);
    if (lower && first_word_is(w2, subcommands)) return 1;
  }
  if (strstr(t, " --") || strstr(t, " | ") || strstr(t, " && ") || strstr(t, "==") || strstr(t, "()")) return 1;
  return 0;
}

static int tag_in(const char *lang, const char *const *tags) {
  for (int i = 0; tags[i]; i++) if (!strcasecmp(lang, tags[i])) return 1;
  return 0;
}

/* Fences whose language says they hold commands; a terminal session
 * ("console": prompts and what they printed); and fences that say nothing
 * of their content ("text"). */
static int shell_tag(const char *lang) {
  static const char *const t[] = { "sh", "bash", "shell", "zsh", "fish", "powershell", "ps1", "bat", "cmd", NULL };
  return tag_in(lang, t);
}
static int session_tag(const char *lang) {
  static const char *const t[] = { "console", "shell-session", "terminal", "shellsession", NULL };
  return tag_in(lang, t);
}
static int data_tag(const char *lang) {
  static const char *const t[] = { "json", "jsonc", "json5", "jsonl", "ndjson", "yaml", "yml", "xml", "csv", "tsv", NULL };
  return tag_in(lang, t);
}
static int plain_tag(const char *lang) {
  static const char *const t[] = { "text", "txt", "plain", "plaintext", "output", "log", "none", "nohighlight", NULL };
  return tag_in(lang, t);
}

/* A line typed at a shell prompt: "$ make", "user@host:~/src$ make",
 * "PS C:\> dir", "C:\> dir"; in a terminal session also root's "# make". */
static int prompt_line(const char *t, int session) {
  if (!strncmp(t, "$ ", 2) || csh_prompt(t) || (session && !strncmp(t, "# ", 2))) return 1;
  if (!strncmp(t, "PS ", 3)) return strstr(t, "> ") != NULL;
  size_t n = strcspn(t, " \t");
  if (!t[n] || n < 2) return 0;
  if (t[n - 1] == '$' || t[n - 1] == '#') return memchr(t, '@', n) || memchr(t, ':', n);
  return t[n - 1] == '>' && n >= 3 && isalpha((unsigned char)t[0]) && t[1] == ':' && t[2] == '\\';
}

/* A line a program printed: a marked message ("***WARNING*** …",
 * "error: …", "[INFO] …", "→ …"), a timestamp, a rule of a table
 * ("-----"), or a row of numbers ("BM_Set/8  28928 ns  29349 ns  23853").
 * Code is not output (code_like). */
static int output_line(const char *t) {
  static const char *const marks[] = { "***", "WARNING", "Warning:", "warning:", "ERROR", "Error:", "error:", "INFO",
    "DEBUG", "FATAL", "fatal:", "Traceback", "npm ERR!", "E: ", "W: ", "\xE2\x86\x92", "==>", NULL };
  for (int i = 0; marks[i]; i++) if (!strncmp(t, marks[i], strlen(marks[i]))) return 1;
  if (t[0] == '[' && (isdigit((unsigned char)t[1]) || isupper((unsigned char)t[1]))) {
    const char *e = strchr(t, ']');   /* "[2024-01-02 10:00:01]", "[INFO]", "[ OK ]" */
    if (e && e - t <= 32 && e[1] == ' ') return 1;
  }
  /* a timestamp: 2024-01-02 or 10:00:01 */
  for (const char *p = t; *p; p++) {
    if (!isdigit((unsigned char)p[0])) continue;
    if (isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) && p[4] == '-' &&
        isdigit((unsigned char)p[5]) && isdigit((unsigned char)p[6]) && p[7] == '-' && isdigit((unsigned char)p[8]))
      return 1;
    if (isdigit((unsigned char)p[1]) && p[2] == ':' && isdigit((unsigned char)p[3]) && isdigit((unsigned char)p[4]) &&
        p[5] == ':' && isdigit((unsigned char)p[6]) && isdigit((unsigned char)p[7]))
      return 1;
    while (isdigit((unsigned char)p[1])) p++;
  }
  size_t l = strlen(t);
  if (l >= 5 && strspn(t, "-=_*+| ") == l && strspn(t, " ") < l) return 1;
  /* a row of figures: two numbers or more, a third of its fields or more
   * (split at spaces and commas: "BM_Set/8,65465,17890.7,ns") */
  int words = 0, nums = 0;
  for (const char *p = t; *p;) {
    p += strspn(p, " \t,");
    if (!*p) break;
    size_t w = strcspn(p, " \t,");
    const char *q = p;
    while (q < p + w && strchr("([+-~", *q)) q++;
    words++;
    nums += q < p + w && isdigit((unsigned char)*q);
    p += w;
  }
  return nums >= 2 && nums * 3 >= words;
}

/* A command line by its options: "taskset -c 0 ./bench" (a short line
 * with a "-x" word that does not end as a sentence). */
static int option_line(const char *t) {
  size_t l = strlen(t);
  if (!l || strchr(".!?:", t[l - 1]) || vgi_word_count(t) > 10) return 0;
  for (const char *p = strstr(t, " -"); p; p = strstr(p + 1, " -"))
    if (isalpha((unsigned char)p[2]) || (p[2] == '-' && isalpha((unsigned char)p[3]))) return 1;
  return 0;
}

/* What a code block holds, by its fence's language and else by its lines:
 * commands for a shell's language; data for a data format's; source for
 * any other language. A bare block, a terminal session or "text" is read:
 * a prompt makes it commands (a session that mixes prompts and what they
 * printed is shown as it is); output when a third of its lines or more
 * look printed and fewer than half look like code (a session with no
 * prompt is output too); else commands (bare) or source ("text") when half
 * its lines or more look like code; else text (a tree, a message, a
 * diagram: nothing says what it is). */
static int spaced_assignment(const char *t);

/* A line that is a statement of a program rather than a command: it ends
 * as C, Java or JavaScript statements and blocks do (";", "{", "}"), where
 * a shell line ends in a word ("; then", "; do"; ";;" closes a case). */
static int statement_line(const char *t) {
  static const char *const types[] = { "int", "void", "char", "long", "unsigned", "double", "float", "bool",
    "size_t", "static", "struct", "typedef", "enum", "return", NULL };
  size_t l = strlen(t);
  if (!l) return 0;
  if (t[0] == '}' || t[l - 1] == '{') return 1;
  if (first_word_is(t, types)) return 1;   /* "int cmd_psuh(int argc, …)" */
  if (spaced_assignment(t)) return 1;
  return t[l - 1] == ';' && !(l >= 2 && t[l - 2] == ';');
}

/* An assignment with spaces around its "=" ("intersphinx_mapping = {…}",
 * "x += 1", "opts.width = 80"): a program's statement, never a shell's,
 * where "name = value" would run a command called name. */
static int spaced_assignment(const char *t) {
  const char *q = t;
  if (!isalpha((unsigned char)*q) && *q != '_') return 0;
  while (isalnum((unsigned char)*q) || *q == '_' || *q == '.' || *q == '[' || *q == ']' || *q == '\'' || *q == '"') q++;
  if (*q != ' ') return 0;
  q++;
  if (*q && strchr("+-*/|&", *q) && q[1] == '=') q++;
  return q[0] == '=' && q[1] == ' ';
}

/* A line only a shell writes: a command's output substituted ("$(…)"),
 * a variable expanded ("$1", "$HOME"; not JavaScript's "${…}"). */
static int shell_line(const char *t) {
  for (const char *d = strchr(t, '$'); d; d = strchr(d + 1, '$'))
    if (d[1] == '(' || isalnum((unsigned char)d[1]) || d[1] == '_') return 1;
  return 0;
}

static int code_kind(const char *lang, const char *lit) {
  if (shell_tag(lang)) return CODE_COMMANDS;
  if (data_tag(lang)) return CODE_DATA;
  int session = session_tag(lang);
  if (*lang && !session && !plain_tag(lang)) return CODE_SOURCE;
  int lines = 0, prompts = 0, outputs = 0, code = 0, continued = 0, statements = 0, shell = 0;
  char buf[512];
  for (const char *p = lit ? lit : ""; *p;) {
    size_t l = strcspn(p, "\n");
    size_t c = l < sizeof buf - 1 ? l : sizeof buf - 1;
    memcpy(buf, p, c);
    buf[c] = 0;
    p += l + (p[l] == '\n');
    while (c && isspace((unsigned char)buf[c - 1])) buf[--c] = 0;
    const char *t = buf + strspn(buf, " \t");
    if (!*t) continue;
    lines++;
    if (prompt_line(t, session)) prompts++;
    else if (code_like(t, continued) || option_line(t)) code++, statements += statement_line(t), shell += shell_line(t);
    else if (output_line(t)) outputs++;
    continued = c && buf[c - 1] == '\\';
  }
  if (prompts) return CODE_COMMANDS;
  /* a session without prompts whose every line is a command ("```console"
   * over "autoreconf -i", "make check"): commands, not what they printed */
  if (session && lines && code == lines && !statements) return CODE_COMMANDS;
  if (session || (lines && outputs * 3 >= lines && code * 2 < lines)) return CODE_OUTPUT;
  /* a bare block whose code is mostly statements is a program's source (a
   * C sample was named "shell" and introduced as commands to run) */
  if (lines && code * 2 >= lines) return *lang || (statements * 2 >= code && !shell) ? CODE_SOURCE : CODE_COMMANDS;
  return CODE_TEXT;
}

/* A quote whose lines are all commands or code ("> git clone …", "> strace
 * -o out ps --blah": READMEs that quote commands as mail does) is a code
 * block: shown as a terminal, introduced by the prose before it, not read
 * aloud as a quotation. Lines after it that carry no ">" (lazy continuation:
 * "A startup call to … may also be necessary.") are prose again. 1 when
 * taken. */
static int quoted_lines(md *m, cmark_node *n, vgi_buf *code, vgi_buf *rest) {
  int a = cmark_node_get_start_line(n), z = cmark_node_get_end_line(n);
  if (!m->src || a <= 0 || z < a || z - a > 40) return 0;
  for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
    if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH) return 0;
  int lines = 0, continued = 0, lazy = 0, ok = 1;
  for (int ln = a; ln <= z && ok; ln++) {
    size_t len;
    const char *p = src_line(m, ln, &len);
    size_t i = 0;
    while (i < len && i < 3 && p[i] == ' ') i++;
    if (i < len && p[i] == '>' && !lazy) {
      i++;
      if (i < len && (p[i] == ' ' || p[i] == '\t')) i++;
      char *t = malloc(len - i + 1);
      memcpy(t, p + i, len - i);
      t[len - i] = 0;
      const char *tt = t + strspn(t, " \t");
      if (*tt && !code_like(tt, continued)) ok = 0;
      size_t tl = strlen(t);
      while (tl && (t[tl - 1] == ' ' || t[tl - 1] == '\t')) tl--;
      continued = tl && t[tl - 1] == '\\';
      if (*tt || code->n) { vgi_buf_add(code, t, strlen(t)); vgi_buf_puts(code, "\n"); lines += *tt != 0; }
      free(t);
    } else if (lines) {
      lazy = 1;
      if (rest->n) vgi_buf_puts(rest, " ");
      for (size_t k = i; k < len; k++) if (p[k] != '`') vgi_buf_add(rest, p + k, 1);
    } else {
      ok = 0;
    }
  }
  if (!ok || !lines) { vgi_buf_free(code); vgi_buf_free(rest); return 0; }
  return 1;
}

static int quoted_code(md *m, cmark_node *n) {
  vgi_buf code = {0}, rest = {0};
  if (!quoted_lines(m, n, &code, &rest)) return 0;
  cmark_node *blk = cmark_node_new(CMARK_NODE_CODE_BLOCK);
  cmark_node_set_literal(blk, code.s);
  cmark_node_set_fence_info(blk, "");
  code_block(m, blk, cmark_node_get_start_line(n));
  cmark_node_free(blk);
  vgi_buf_free(&code);
  char *r = vgi_buf_take(&rest);
  if (r && *vgi_squash(r)) prose_add(m, r, cmark_node_get_end_line(n), 1);
  else free(r);
  return 1;
}

/* The code block a summary shows in the section that starts at `from`
 * (up to the next heading but the document's title `h1`; `skip` is the
 * paragraph taken as the subtitle): its line, or 0 for the section's first
 * block. Output a program printed gives way to the first commands or
 * source after it: "If you see this error: ```…```" then "run this: ```…```"
 * shows the fix. Data (a configuration as often as an example of output)
 * and a block that is neither code nor output (text) are not passed over,
 * nor is anything in an API reference, where a section documents one entry
 * and its first block shows it, the value it prints included. The same
 * blocks as the walk in vgi_markdown_load hands to code_block, read the
 * same way. */
static int section_pick(md *m, cmark_node *from, cmark_node *h1, cmark_node *skip) {
  if ((m->opts && m->opts->detail == VGI_DETAIL_FULL) || m->api_doc) return 0;
  int count = 0, pick = 0;
  for (cmark_node *c = from; c; c = cmark_node_next(c)) {
    if (c == h1 || c == skip) continue;
    int done = 0;
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_HEADING) break;
    char lang[64] = "";
    const char *lit = NULL;
    vgi_buf quoted = {0}, rest = {0};
    if (t == CMARK_NODE_CODE_BLOCK) {
      const char *info = cmark_node_get_fence_info(c);
      if (info && info[0] == '{') continue;   /* a MyST directive: prose */
      fence_lang(info, lang);
      lit = cmark_node_get_literal(c);
    } else if (t == CMARK_NODE_PARAGRAPH) {
      lit = lone_code(c);
    } else if (t == CMARK_NODE_BLOCK_QUOTE) {
      char *qt = vgi_apidoc_quote_text(c), *kind = NULL, *note = NULL;
      int banner = vgi_apidoc_banner(qt, &kind, &note);
      free(qt);
      free(kind);
      free(note);
      if (!banner && quoted_lines(m, c, &quoted, &rest)) lit = quoted.s;
    }
    if (lit && lit[strspn(lit, "\n")]) {
      int kind = code_kind(lang, lit);
      count++;
      if (kind == CODE_COMMANDS || kind == CODE_SOURCE) pick = cmark_node_get_start_line(c);
      done = kind != CODE_OUTPUT;   /* data, text: nothing says they are less */
    }
    vgi_buf_free(&quoted);
    vgi_buf_free(&rest);
    if (done) break;
  }
  return count > 1 ? pick : 0;
}

/* 1 when every line of a code block is blank or an mdBook directive
 * ("{{#include f.rs}}", "{{#rustdoc_include f.rs:anchor}}",
 * "{{#playground f.rs}}") and one is. */
static int mdbook_include(const char *lit) {
  int seen = 0;
  for (const char *q = lit ? lit : ""; *q;) {
    while (*q == ' ' || *q == '\t') q++;
    size_t l = strcspn(q, "\n");
    size_t e = l;
    while (e && strchr(" \t\r", q[e - 1])) e--;
    if (e) {
      if (e < 5 || strncmp(q, "{{#", 3) || strncmp(q + e - 2, "}}", 2)) return 0;
      seen = 1;
    }
    q += l + (q[l] == '\n');
  }
  return seen;
}

/* The callout kind a label names ("Note", "Warnung", "注意"), or NULL. */
static const char *callout_kind(const char *w, size_t n) {
  static const char *const words[][2] = {
    { "note", "l_note" }, { "notes", "l_note" }, { "nb", "l_note" }, { "n.b.", "l_note" }, { "info", "l_note" },
    { "remark", "l_note" }, { "hinweis", "l_note" }, { "anmerkung", "l_note" }, { "remarque", "l_note" },
    { "nota", "l_note" }, { "opmerking", "l_note" }, { "observação", "l_note" }, { "примечание", "l_note" },
    { "замечание", "l_note" }, { "参考", "l_note" }, { "备注", "l_note" }, { "注", "l_note" }, { "참고", "l_note" },
    { "tip", "l_tip" }, { "hint", "l_tip" }, { "tipp", "l_tip" }, { "astuce", "l_tip" }, { "consejo", "l_tip" },
    { "suggerimento", "l_tip" }, { "dica", "l_tip" }, { "提示", "l_tip" }, { "ヒント", "l_tip" }, { "팁", "l_tip" },
    { "important", "l_important" }, { "wichtig", "l_important" }, { "importante", "l_important" },
    { "belangrijk", "l_important" }, { "важно", "l_important" }, { "重要", "l_important" }, { "중요", "l_important" },
    { "warning", "l_warning" }, { "warnung", "l_warning" }, { "achtung", "l_warning" }, { "avertissement", "l_warning" },
    { "attention", "l_warning" }, { "advertencia", "l_warning" }, { "aviso", "l_warning" }, { "avviso", "l_warning" },
    { "attenzione", "l_warning" }, { "waarschuwing", "l_warning" }, { "внимание", "l_warning" },
    { "предупреждение", "l_warning" }, { "警告", "l_warning" }, { "注意", "l_warning" }, { "주의", "l_warning" },
    { "경고", "l_warning" }, { "caution", "l_caution" }, { "danger", "l_caution" }, { "vorsicht", "l_caution" },
    { "precaución", "l_caution" }, { "cuidado", "l_caution" } };
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (strlen(words[k][0]) == n && !strncasecmp(w, words[k][0], n)) return words[k][1];
  return NULL;
}

/* 1 when the nodes under n hold inline code. */
static int has_code_span(cmark_node *n) {
  for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
    if (cmark_node_get_type(c) == CMARK_NODE_CODE || has_code_span(c)) return 1;
  return 0;
}

/* The code blocks a callout holds ("> [!NOTE]" over a "> ```" fence, an
 * MkDocs or Docusaurus admonition with a fence in its body): the callout's
 * slide is its text, so each block is a code slide of its own right after
 * it, made as any other block is. A MyST directive, maths or a diagram in
 * there is no code to show. */
static void callout_code(md *m, cmark_node *n) {
  cmark_iter *it = cmark_iter_new(n);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *c = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(c) != CMARK_NODE_CODE_BLOCK) continue;
    const char *info = cmark_node_get_fence_info(c);
    if (info && (info[0] == '{' || !strncmp(info, "math", 4) || !strncmp(info, "mermaid", 7))) continue;
    const char *lit = cmark_node_get_literal(c);
    if (!lit || !lit[strspn(lit, " \t\r\n")]) continue;
    code_block(m, c, cmark_node_get_start_line(c));
  }
  cmark_iter_free(it);
}

/* A block quote said as a callout: labelled ("**Note:**", "Warning:",
 * "**Spamming issues or PRs:**" over its text, or "**Note**" alone on its
 * first line), or unlabelled but telling the reader what to do ("you
 * must", "make sure") or quoting code, with no attribution (a quotation
 * names its author, or is in quotation marks) and not the description
 * under a page's title. 1 when it made one. */
static int callout_quote(md *m, cmark_node *n) {
  cmark_node *first = cmark_node_first_child(n);
  if (!first || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH) return 0;
  char *t = vgi_squash(plain(first, m));
  const char *key = NULL;
  char *label = NULL;
  size_t skip = 0;
  cmark_node *b = cmark_node_first_child(first);
  if (b && cmark_node_get_type(b) == CMARK_NODE_STRONG) {
    char *bt = vgi_squash(plain(b, NULL));
    size_t bl = strlen(bt);
    cmark_node *after = cmark_node_next(b);
    const char *al = after && cmark_node_get_type(after) == CMARK_NODE_TEXT ? cmark_node_get_literal(after) : NULL;
    int colon = (bl && bt[bl - 1] == ':') || (al && (al[0] == ':' || !strncmp(al, "\xEF\xBC\x9A", 3)));
    while (bl && (bt[bl - 1] == ':' || bt[bl - 1] == ' ')) bt[--bl] = 0;
    if (bl && !strncmp(t, bt, bl) && (colon || !after) && vgi_word_count(bt) <= 5) {
      key = callout_kind(bt, bl);
      if (!key && colon) { key = "l_note"; label = vgi_strdup(bt); }
      if (key) skip = bl;
    }
    /* "> **NOTE** Viper uses …", "> **NOTE (since 1.6)** You can …" (viper's
     * README): a kind in capitals needs no colon; never said as a word */
    size_t w0 = strcspn(bt, " ");
    int caps = w0 >= 2;
    for (size_t q = 0; q < w0 && caps; q++) caps = isupper((unsigned char)bt[q]);
    if (!key && bl && caps && !strncmp(t, bt, bl) && vgi_word_count(bt) <= 4 && callout_kind(bt, w0)) {
      key = callout_kind(bt, w0);
      skip = bl;
    }
    free(bt);
  }
  if (!key) {
    size_t wl = strcspn(t, " :\xEF");
    if (!strncmp(t + wl, "\xEF\xBC\x9A", 3) || t[wl] == ':' || (t[wl] == ' ' && t[wl + 1] == ':')) {
      key = callout_kind(t, wl);
      if (key) skip = wl;
    }
  }
  if (!key) {
    /* unlabelled: a reminder, not a quotation */
    static const char *const tells[] = { "you must", "you should", "you need", "you will need", "make sure",
      "ensure ", "be sure", "remember to", "do not ", "don't ", "don\xE2\x80\x99t ", "never ", "requires ",
      "required", NULL };
    int tell = 0;
    vgi_buf all = {0};
    for (cmark_node *c = first; c; c = cmark_node_next(c)) {
      char *x = plain(c, NULL);
      vgi_buf_puts(&all, x);
      vgi_buf_puts(&all, " ");
      free(x);
    }
    for (char *q = all.s; q && *q; q++) *q = (char)tolower((unsigned char)*q);
    for (int k = 0; tells[k] && !tell; k++) tell = strstr(all.s ? all.s : "", tells[k]) != NULL;
    vgi_buf_free(&all);
    int quoted = !strncmp(t, "\"", 1) || !strncmp(t, "\xE2\x80\x9C", 3) || !strncmp(t, "\xC2\xAB", 2) ||
                 !strncmp(t, "\xE2\x80\x9E", 3);
    int attributed = 0;
    for (cmark_node *c = first; c; c = cmark_node_next(c)) {
      char *x = vgi_squash(plain(c, NULL));
      attributed |= !strncmp(x, "\xE2\x80\x94", 3) || !strncmp(x, "\xE2\x80\x93", 3) || !strncmp(x, "--", 2) ||
                    strstr(x, " \xE2\x80\x94 ") != NULL;
      free(x);
    }
    cmark_node *nx = cmark_node_next(n);
    if (nx && cmark_node_get_type(nx) == CMARK_NODE_PARAGRAPH) {
      char *x = vgi_squash(plain(nx, NULL));
      attributed |= !strncmp(x, "\xE2\x80\x94", 3) || !strncmp(x, "\xE2\x80\x93", 3) || !strncmp(x, "--", 2);
      free(x);
    }
    /* the quote under a page's title is its description (tldr pages) */
    cmark_node *pv = cmark_node_previous(n);
    int lead = !pv || (cmark_node_get_type(pv) == CMARK_NODE_HEADING && !cmark_node_previous(pv));
    if (quoted || attributed || lead || !(tell || has_code_span(n))) { free(t); return 0; }
    key = "l_note";
  }
  vgi_buf all = {0};
  const char *rest = t + skip;
  while (*rest == ':' || *rest == ' ') rest++;
  if (!strncmp(rest, "\xEF\xBC\x9A", 3)) rest += 3;
  while (*rest == ' ') rest++;
  vgi_buf_puts(&all, rest);
  for (cmark_node *c = cmark_node_next(first); c; c = cmark_node_next(c)) {
    char *x = plain(c, m);
    if (*x) { if (all.n) vgi_buf_puts(&all, " "); vgi_buf_puts(&all, x); }
    free(x);
  }
  char *body = vgi_squash(vgi_buf_take(&all));
  alert_block(m, n, key, label, body ? body : "");
  callout_code(m, n);
  free(body);
  free(label);
  free(t);
  return 1;
}

/* A Mermaid diagram (```mermaid) cannot be drawn here: a flowchart is
 * shown as the list of its steps, by their labels in the order they first
 * appear ("A[Document] --> B[Plan]": Document, Plan), a sequence diagram as
 * its participants; said after the prose that introduces it ("The stages
 * run in this order: Document, Plan, Speech, and Video."). Any other kind
 * (a class diagram, a chart) is left out with a warning. 1 when handled. */
#define MERMAID_STEPS 8
#define MERMAID_NODES 64

/* Adds a node (by its id; its label, or the id when it has none) unless
 * it was seen; steps past MERMAID_STEPS are counted. */
static void mermaid_node(char **ids, char **labels, int *n, int *more, const char *id, const char *label) {
  for (int j = 0; j < *n; j++)
    if (!strcmp(ids[j], id)) return;
  if (*n >= MERMAID_NODES) return;
  ids[*n] = vgi_strdup(id);
  labels[*n] = vgi_strdup(*label ? label : id);
  if (++*n > MERMAID_STEPS) ++*more;
}

static int mermaid_block(md *m, cmark_node *c, int line) {
  const char *lit = cmark_node_get_literal(c);
  char *ids[MERMAID_NODES], *labels[MERMAID_NODES];
  int n = 0, more = 0, kind = 0;   /* 1 a flowchart, 2 a sequence diagram */
  for (const char *q = lit ? lit : ""; *q;) {
    const char *e = strchr(q, '\n');
    size_t l = e ? (size_t)(e - q) : strlen(q);
    const char *nextq = q + l + (e ? 1 : 0);
    while (l && (*q == ' ' || *q == '\t')) q++, l--;
    while (l && (q[l - 1] == ' ' || q[l - 1] == '\r' || q[l - 1] == ';')) l--;
    char id[64], label[128];
    if (!l || !strncmp(q, "%%", 2)) {
    } else if (!kind) {
      if (!strncmp(q, "graph", 5) || !strncmp(q, "flowchart", 9)) kind = 1;
      else if (!strncmp(q, "sequenceDiagram", 15)) kind = 2;
      else if (strncmp(q, "---", 3)) break;
    } else if (kind == 2) {
      /* "participant A as Alice", "actor Bob", "Alice->>Bob: Hello" */
      if (!strncmp(q, "participant ", 12) || !strncmp(q, "actor ", 6)) {
        const char *nm = q + (q[0] == 'p' ? 12 : 6);
        size_t il = strcspn(nm, " ");
        if (il > (size_t)(q + l - nm)) il = (size_t)(q + l - nm);
        const char *as = il + 4 <= (size_t)(q + l - nm) && !strncmp(nm + il, " as ", 4) ? nm + il + 4 : NULL;
        snprintf(id, sizeof id, "%.*s", (int)il, nm);
        snprintf(label, sizeof label, "%.*s", as ? (int)(q + l - as) : 0, as ? as : "");
        mermaid_node(ids, labels, &n, &more, id, label);
      } else {
        size_t k = 0;
        while (k < l && (isalnum((unsigned char)q[k]) || q[k] == '_')) k++;
        size_t ar = k;
        while (ar < l && strchr("-+>x)o ", q[ar])) ar++;
        if (k && ar > k && ar < l && memchr(q + k, '>', ar - k)) {
          size_t k2 = ar;
          while (k2 < l && (isalnum((unsigned char)q[k2]) || q[k2] == '_')) k2++;
          snprintf(id, sizeof id, "%.*s", (int)k, q);
          mermaid_node(ids, labels, &n, &more, id, "");
          snprintf(id, sizeof id, "%.*s", (int)(k2 - ar), q + ar);
          if (k2 > ar) mermaid_node(ids, labels, &n, &more, id, "");
        }
      }
    } else if (strncmp(q, "style ", 6) && strncmp(q, "classDef ", 9) && strncmp(q, "class ", 6) &&
               strncmp(q, "click ", 6) && strncmp(q, "linkStyle ", 10) && strncmp(q, "subgraph", 8) &&
               !(l == 3 && !strncmp(q, "end", 3)) && strncmp(q, "direction ", 10)) {
      /* a line of nodes and arrows: "A[Document] --> B[Plan]", "B -->|yes| C{Ok?}" */
      for (size_t i = 0; i < l;) {
        if (q[i] == '|') {   /* an arrow's text */
          const char *z = memchr(q + i + 1, '|', l - i - 1);
          i = z ? (size_t)(z - q) + 1 : l;
          continue;
        }
        /* "A -- text --> B", "A == text ==> B", "A -. text .-> B": the text is the arrow's */
        if (i + 2 < l && ((q[i] == '-' && q[i + 1] == '-') || (q[i] == '=' && q[i + 1] == '=') ||
                          (q[i] == '-' && q[i + 1] == '.')) && q[i + 2] == ' ') {
          size_t z = i + 3;
          while (z + 1 < l && !((q[z] == '-' || q[z] == '=' || q[z] == '.') && (q[z + 1] == '-' || q[z + 1] == '>' ||
                                                                                 q[z + 1] == '=')))
            z++;
          while (z < l && strchr("-=.>ox", q[z]) && !(isalnum((unsigned char)q[z]) && q[z - 1] == ' ')) z++;
          i = z;
          continue;
        }
        if (!(isalnum((unsigned char)q[i]) || q[i] == '_')) { i++; continue; }
        size_t k = i;
        while (k < l && (isalnum((unsigned char)q[k]) || q[k] == '_' || q[k] == '-') &&
               !(q[k] == '-' && k + 1 < l && (q[k + 1] == '-' || q[k + 1] == '.' || q[k + 1] == '>')))
          k++;
        snprintf(id, sizeof id, "%.*s", (int)(k - i < 63 ? k - i : 63), q + i);
        label[0] = 0;
        if (k < l && strchr("[({>", q[k])) {
          size_t a = k;
          while (a < l && strchr("[({>/\\", q[a])) a++;
          size_t z = a;
          while (z < l && !strchr("])}", q[z])) z++;
          size_t lb = z - a;
          const char *ls = q + a;
          if (lb >= 2 && ls[0] == '"' && ls[lb - 1] == '"') ls++, lb -= 2;
          while (lb && strchr("/\\", ls[lb - 1])) lb--;
          snprintf(label, sizeof label, "%.*s", (int)(lb < 127 ? lb : 127), ls);
          while (z < l && strchr("])}/\\", q[z])) z++;
          k = z;
        }
        mermaid_node(ids, labels, &n, &more, id, label);
        i = k;
      }
    }
    q = nextq;
    if (!e) break;
  }
  if (!kind || n < 2) {
    for (int j = 0; j < n; j++) free(ids[j]), free(labels[j]);
    vgi_diag_add(m->d, VGI_WARNING, m->file, line, 1, NULL,
                 kind ? "a Mermaid diagram with fewer than two steps (left out)"
                      : "a Mermaid diagram of a kind not drawn here (left out)");
    return 1;
  }
  char *narr = take_narration(m);
  cJSON *vc = cJSON_CreateObject();
  if (m->header) cJSON_AddStringToObject(vc, "header", m->header);
  cJSON *items = cJSON_AddArrayToObject(vc, "items");
  vgi_buf nb = {0};
  if (narr && *narr) { vgi_buf_puts(&nb, narr); vgi_buf_puts(&nb, " "); }
  int shown = n < MERMAID_STEPS ? n : MERMAID_STEPS;
  for (int j = 0; j < shown; j++) {
    cJSON_AddItemToArray(items, cJSON_CreateString(labels[j]));
    if (j) vgi_buf_puts(&nb, vgi_phrase(m->lang, j < shown - 1 ? "sep" : shown == 2 ? "pair" : "last"));
    vgi_buf_puts(&nb, labels[j]);
  }
  vgi_buf_puts(&nb, vgi_phrase(m->lang, "stop"));
  if (more)
    vgi_diag_add(m->d, VGI_WARNING, m->file, line, 1, NULL,
                 "a Mermaid diagram of %d steps: the first %d are shown", n, MERMAID_STEPS);
  for (int j = 0; j < n; j++) free(ids[j]), free(labels[j]);
  new_scene(m, "list", line, vc, nb.s);
  vgi_buf_free(&nb);
  free(narr);
  return 1;
}

/* Math is TeX: "$T = a \\cdot n$" in a sentence is said by its symbols
 * ("T = a · n"), a formula of its own (a "$$" paragraph, a ```math block)
 * is left out, with one warning for the document. */
static void math_left_out(md *m, int line) {
  if (!m->maths++) m->math_line = line;
}

static int display_math(md *m, cmark_node *n) {
  size_t l0, l1;
  const char *a = src_line(m, cmark_node_get_start_line(n), &l0);
  while (l0 && (*a == ' ' || *a == '\t')) a++, l0--;
  if (l0 < 2 || strncmp(a, "$$", 2)) return 0;
  const char *z = src_line(m, cmark_node_get_end_line(n), &l1);
  while (l1 && (z[l1 - 1] == ' ' || z[l1 - 1] == '\t')) l1--;
  if (l1 < 2 || strncmp(z + l1 - 2, "$$", 2) || (cmark_node_get_start_line(n) == cmark_node_get_end_line(n) && l0 < 4))
    return 0;
  math_left_out(m, cmark_node_get_start_line(n));
  return 1;
}

static void quote_block(md *m, cmark_node *n) {
  if (api_banner(m, n)) return;   /* API references: "Stability: 1 - Experimental" */
  api_flush(m, 1);
  if (quoted_code(m, n)) return;
  /* a GitHub alert ("> [!TIP]" on its first line) is a callout: its kind is
   * the heading, never read as text */
  cmark_node *first = cmark_node_first_child(n);
  if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
    char *t = plain(first, NULL);
    static const char *const kinds[][2] = { { "[!NOTE]", "l_note" }, { "[!TIP]", "l_tip" },
      { "[!IMPORTANT]", "l_important" }, { "[!WARNING]", "l_warning" }, { "[!CAUTION]", "l_caution" } };
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
      size_t kl = strlen(kinds[k][0]);
      if (strncasecmp(t, kinds[k][0], kl)) continue;
      /* "[!NOTE] **Compatibility note:** …" (reStructuredText's titled
       * admonition reads so): the bold label names the callout, said once
       * ("Compatibility note: …", not "Note: Compatibility note: …") */
      char *label = NULL;
      const char *rest = t + kl;
      while (*rest == ' ') rest++;
      for (cmark_node *b = cmark_node_first_child(first); b; b = cmark_node_next(b)) {
        cmark_node_type bt_ = cmark_node_get_type(b);
        if (bt_ == CMARK_NODE_TEXT || bt_ == CMARK_NODE_SOFTBREAK || bt_ == CMARK_NODE_LINEBREAK) continue;
        if (bt_ != CMARK_NODE_STRONG) break;
        char *bt = vgi_squash(plain(b, NULL));
        size_t bl = strlen(bt);
        cmark_node *after = cmark_node_next(b);
        const char *al = after && cmark_node_get_type(after) == CMARK_NODE_TEXT ? cmark_node_get_literal(after) : NULL;
        int colon = (bl && bt[bl - 1] == ':') || (al && al[0] == ':');
        while (bl && (bt[bl - 1] == ':' || bt[bl - 1] == ' ')) bt[--bl] = 0;
        if (colon && bl && !strncmp(rest, bt, bl) && vgi_word_count(bt) <= 5) {
          rest += bl;
          while (*rest == ':' || *rest == ' ') rest++;
          if (!callout_kind(bt, bl)) label = vgi_strdup(bt);   /* "**Note:**" under [!NOTE]: the kind already */
        } else {
          rest = t + kl;
        }
        free(bt);
        break;
      }
      vgi_buf all = {0};
      vgi_buf_puts(&all, rest);
      for (cmark_node *c = cmark_node_next(first); c; c = cmark_node_next(c)) {
        char *x = plain(c, m);
        if (*x) { vgi_buf_puts(&all, " "); vgi_buf_puts(&all, x); }
        free(x);
      }
      char *body = vgi_squash(vgi_buf_take(&all));
      alert_block(m, n, kinds[k][1], label, body);
      callout_code(m, n);
      free(body);
      free(label);
      free(t);
      return;
    }
    free(t);
  }
  /* a quote a guide sets apart to warn or remind ("> **Note:** …",
   * "> Warning: …", "> **AI-assisted contributions:** …", or an unlabelled
   * "> Deno uses submodules, so you must …") is a callout, not a quotation */
  if (callout_quote(m, n)) return;
  vgi_buf q = {0};
  char *attribution = NULL;
  for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
    char *t;
    if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) t = plain(c, m);
    else {
      vgi_buf b = {0};
      for (cmark_node *k = cmark_node_first_child(c); k; k = cmark_node_next(k)) {
        char *x = plain(k, m);
        if (b.n) vgi_buf_puts(&b, " ");
        vgi_buf_puts(&b, x);
        free(x);
      }
      t = vgi_squash(vgi_buf_take(&b));
    }
    const char *dash = NULL;
    if (!strncmp(t, "\xE2\x80\x94", 3) || !strncmp(t, "\xE2\x80\x93", 3)) dash = t + 3;
    else if (!strncmp(t, "--", 2)) dash = t + 2;
    else if (!strncmp(t, "- ", 2)) dash = t + 1;
    if (dash && q.n) {
      while (*dash == ' ' || *dash == '-') dash++;
      free(attribution);
      attribution = vgi_strdup(dash);
    } else {
      /* "text" — Name on the same line */
      char *em = strstr(t, " \xE2\x80\x94 ");
      if (em && !strstr(em + 5, " \xE2\x80\x94 ") && strlen(em + 5) < 60 && em != t) {
        *em = 0;
        free(attribution);
        attribution = vgi_strdup(em + 5);
      }
      if (q.n && *t) vgi_buf_puts(&q, " ");
      vgi_buf_puts(&q, t);
    }
    free(t);
  }
  if (!q.n) { free(attribution); vgi_buf_free(&q); return; }
  /* "&mdash; Chris Hadfield, *Guide …*" as the paragraph after the quote:
   * its attribution, not a slide of its own */
  cmark_node *nx = cmark_node_next(n);
  if (!attribution && nx && cmark_node_get_type(nx) == CMARK_NODE_PARAGRAPH) {
    char *t = plain(nx, m);
    const char *dash = !strncmp(t, "\xE2\x80\x94", 3) || !strncmp(t, "\xE2\x80\x93", 3) ? t + 3
                       : !strncmp(t, "--", 2) ? t + 2 : NULL;
    while (dash && (*dash == ' ' || *dash == '-')) dash++;
    if (dash && *dash && vgi_word_count(dash) <= 16) {
      attribution = vgi_strdup(dash);
      size_t al = strlen(attribution);
      while (al && strchr(". ", attribution[al - 1])) attribution[--al] = 0;
      cmark_node_unlink(nx);
      cmark_node_free(nx);
    }
    free(t);
  }
  char *narr = take_narration(m);
  /* strip surrounding quotes */
  char *text = q.s;
  size_t l = strlen(text);
  if (l >= 2 && text[0] == '"' && text[l - 1] == '"') { text[l - 1] = 0; text++; }
  /* a long quote is several quote slides, split between sentences (about
   * QUOTE_WORDS each), never a wall of text */
  int ns = 0;
  char **ss = vgi_sentences_lang(text, m->lang, &ns);
  /* an omission mark alone ("[...]", "…") is no sentence: it would be a
   * quote slide of its own, said "." */
  int kept = 0;
  for (int i = 0; i < ns; i++) {
    const char *x = ss[i];
    while (*x && (strchr(" .[]()", *x) || !strncmp(x, "\xE2\x80\xA6", 3) || vgi_wide_stop(x)))
      x += (unsigned char)*x >= 0x80 ? 3 : 1;
    if (*x) ss[kept++] = ss[i];
    else free(ss[i]);
  }
  ns = kept;
  int total = vgi_word_count(text), parts = (total + QUOTE_WORDS - 1) / QUOTE_WORDS;
  if (parts < 1 || ns < 2) parts = 1;
  int per = (total + parts - 1) / parts;
  int si = 0;
  for (int part = 0; si < ns || part == 0; part++) {
    vgi_buf chunk = {0};
    int w = 0;
    while (si < ns && (!w || w + vgi_word_count(ss[si]) <= per + per / 2)) {
      if (chunk.n) vgi_buf_puts(&chunk, " ");
      vgi_buf_puts(&chunk, ss[si]);
      w += vgi_word_count(ss[si]);
      si++;
    }
    const char *shown = ns ? (chunk.s ? chunk.s : "") : text;
    cJSON *vc = cJSON_CreateObject();
    cJSON_AddStringToObject(vc, "quote_text", shown);
    cJSON_AddStringToObject(vc, "attribution", attribution ? attribution : "");
    /* the quote is what is read; prose before it is its context */
    vgi_buf nb = {0};
    if (part == 0 && attribution && *attribution) {
      /* "Chris Hadfield, Guide d'un astronaute …": the name is said, the
       * rest is shown */
      char who[512];
      const char *comma = strstr(attribution, ", ");
      const char *from = attribution;
      /* "“Just for Fun: …”, Linus Torvalds": a title in quotes first, the
       * name after it */
      static const char *const opens[] = { "\xE2\x80\x9C", "\xE2\x80\x9E", "\xC2\xAB", "\"", "\xE2\x80\x98",
                                           "\xE3\x80\x8C", NULL };
      for (int k = 0; comma && comma[2] && opens[k]; k++)
        if (!strncmp(attribution, opens[k], strlen(opens[k]))) { from = comma + 2; comma = strstr(from, ", "); break; }
      size_t wl = comma ? (size_t)(comma - from) : strlen(from);
      snprintf(who, sizeof who, "%.*s", (int)(wl < sizeof who ? wl : sizeof who - 1), from);
      if (vgi_word_count(who) > 4) snprintf(who, sizeof who, "%s", from);
      /* a name cut by the buffer ends on a whole character */
      size_t cut = strlen(who);
      if (cut == sizeof who - 1)
        while (cut && ((unsigned char)who[cut] & 0xC0) == 0x80) who[--cut] = 0;
      if (cut && ((unsigned char)who[cut - 1] & 0xC0) == 0xC0) who[--cut] = 0;
      const char *a1[1] = { who };
      vgi_phrase_put(&nb, m->lang, "as_put_it", a1, 1);
      vgi_buf_puts(&nb, " ");
    }
    vgi_buf_puts(&nb, shown);
    /* "… remotes. (Удалить ветки.)": a stop inside closing brackets or
     * quotes ends it too (one after them was said ".." once the bracket
     * went) */
    size_t qe = nb.n;
    while (qe && strchr(")\"'", nb.s[qe - 1])) qe--;
    if (qe >= 2 && (!memcmp(nb.s + qe - 2, "\xC2\xBB", 2))) qe -= 2;
    else if (qe >= 3 && (!memcmp(nb.s + qe - 3, "\xE2\x80\x9D", 3) || !memcmp(nb.s + qe - 3, "\xE3\x80\x8D", 3) ||
                         !memcmp(nb.s + qe - 3, "\xEF\xBC\x89", 3)))
      qe -= 3;
    int stopped = qe && strchr(".!?", nb.s[qe - 1]);
    stopped |= qe >= 3 && (vgi_wide_stop_before(nb.s, qe) || !memcmp(nb.s + qe - 3, "\xE0\xA5\xA4", 3));
    stopped |= qe >= 2 && (!memcmp(nb.s + qe - 2, "\xD8\x9F", 2) || !memcmp(nb.s + qe - 2, "\xDB\x94", 2));
    if (nb.n && !stopped) vgi_buf_puts(&nb, ".");
    if (si >= ns && narr && *narr) { vgi_buf_puts(&nb, " "); vgi_buf_puts(&nb, narr); }
    new_scene(m, "quote", cmark_node_get_start_line(n), vc, nb.s);
    vgi_buf_free(&nb);
    vgi_buf_free(&chunk);
    if (!ns) break;
  }
  for (int i = 0; i < ns; i++) free(ss[i]);
  free(ss);
  vgi_buf_free(&q);
  free(narr);
  free(attribution);
}

/* A callout: a list scene headed by the alert's kind in the document's
 * language ("Warning"), its sentences as bullets; the narration says the
 * kind, then the text. */
/* A callout: a list under its kind's word ("Note", "Warning") or the
 * label the document gave it (NULL: the kind's word). */
static int ends_colon(const char *t);
static void alert_block(md *m, cmark_node *n, const char *key, const char *label, const char *text) {
  /* a callout is an aside: the prose before it is a scene of its own
   * unless it introduces the callout ("Before you start:"); said as the
   * callout's lead-in, docker/compose's opening paragraph lost its
   * slide and, in a summary, its voice */
  char *narr = take_narration_w(m, m->nprose && ends_colon(m->prose[m->nprose - 1].text) ? PROSE_WORDS : 0);
  if (!*text) { free(narr); return; }
  const char *head = label && *label ? label : vgi_phrase(m->lang, key);
  cJSON *vc = cJSON_CreateObject();
  if (*head) cJSON_AddStringToObject(vc, "header", head);
  cJSON_AddStringToObject(vc, "callout", key + 2);   /* "l_warning" -> "warning" */
  if (m->header) cJSON_AddStringToObject(vc, "description", m->header);
  cJSON *items = cJSON_AddArrayToObject(vc, "items");
  int ns = 0;
  char **ss = vgi_sentences_lang(text, m->lang, &ns);
  for (int i = 0; i < ns; i++) {
    if (i < 4) {
      char *b = vgi_bullet(ss[i]);
      cJSON_AddItemToArray(items, cJSON_CreateString(b));
      free(b);
    }
    free(ss[i]);
  }
  free(ss);
  vgi_buf nb = {0};
  if (narr && *narr) { vgi_buf_puts(&nb, narr); vgi_buf_puts(&nb, " "); }
  /* a kind named by a sign only (i18n.lua's neutral "!") is shown, not said */
  int word = 0;
  for (const unsigned char *h = (const unsigned char *)head; *h && !word; h++) word = isalnum(*h) || *h >= 0x80;
  if (word) vgi_buf_printf(&nb, "%s: ", head);
  vgi_buf_puts(&nb, text);
  new_scene(m, "list", cmark_node_get_start_line(n), vc, nb.s);
  vgi_buf_free(&nb);
  free(narr);
}

/* ---- API references (apidoc.c) --------------------------------------------------- */
/* An API entry is one slide: its heading (the signature), its parameters
 * without braces; said as the description's sentences, then the parameters
 * in words, ranked below the description (a summary says what a function
 * does before what it takes). Node.js writes the parameter list before the
 * description, so the list waits until the next block or the section's end. */
#define API_SHARED 6   /* tiny API entries (a property and its type) one slide shows */

static int ends_colon(const char *t) {
  size_t l = t ? strlen(t) : 0;
  while (l && t[l - 1] == ' ') l--;
  return l && (t[l - 1] == ':' || (l >= 3 && !strncmp(t + l - 3, "\xEF\xBC\x9A", 3)));
}

static int api_list(md *m, cmark_node *n) {
  /* "Parameters:" (a bold line or a paragraph) before the list */
  int ctx = m->label ? vgi_apidoc_context(m->label) : 0, para = 0;
  if (!ctx && !m->label && m->nprose) para = ctx = vgi_apidoc_context(m->prose[m->nprose - 1].text);
  vgi_api *a = vgi_apidoc_list(n, ctx);
  if (!a) return 0;
  if (para) { free(m->prose[m->nprose - 1].text); m->nprose--; }
  else if (ctx) { free(m->label); m->label = NULL; }
  if ((m->api && m->nprose > m->api_nprose) || (!m->api && m->api_section)) {
    /* a later list of the same entry ("The returned object has:"): a list of
     * its own, types without braces, said as a list is */
    api_flush(m, 2);
    int nested = 0;
    cJSON *items = vgi_apidoc_items(a, m->lang);
    for (cJSON *it = items->child; it; it = it->next) nested |= cJSON_GetObjectItemCaseSensitive(it, "level")->valueint > 0;
    vgi_apidoc_free(a);
    emit_list(m, items, nested, cmark_node_get_start_line(n), NULL);
    return 1;
  }
  m->api_doc = 1;
  vgi_apidoc_signature(a, m->header);
  if (m->api) vgi_apidoc_merge(m->api, a);   /* "Parameters:" then "Returns:" */
  else { m->api = a; m->api_line = cmark_node_get_start_line(n); m->api_nprose = m->nprose; }
  return 1;
}

/* A paragraph of an API reference: "{AsyncResource}" said and shown as
 * "AsyncResource"; a "Value: {boolean}" line is the entry's type, as in a
 * list (NULL: taken). Owns text. */
static char *api_prose(md *m, char *text, int line) {
  if (!text) return text;
  vgi_api *a = !m->api && !m->nprose && !m->section_scenes && !m->api_section ? vgi_apidoc_line(text) : NULL;
  if (a) {
    m->api_doc = 1;
    m->api = a;
    m->api_line = line;
    m->api_nprose = 0;
    free(text);
    return NULL;
  }
  if (!m->api_doc) return text;
  char *d = vgi_apidoc_debrace(text);
  free(text);
  return d;
}

static int api_banner_text(md *m, const char *t);
static int api_banner(md *m, cmark_node *n) {
  char *t = vgi_apidoc_quote_text(n);
  int ok = api_banner_text(m, t);
  free(t);
  return ok;
}

/* The banner's text t: 1 when it is one, its kind kept for the next slide */
static int api_banner_text(md *m, const char *t) {
  char *kind = NULL, *note = NULL;
  if (!vgi_apidoc_banner(t, &kind, &note)) return 0;
  m->api_doc = 1;
  /* "Stable" is every entry's default: nothing to show or say */
  if (strcasecmp(kind, "Stable")) {
    free(m->api_note);
    vgi_buf b = {0};
    vgi_buf_puts(&b, kind);
    if (*note) { vgi_buf_puts(&b, ": "); vgi_buf_puts(&b, note); }
    m->api_note = vgi_buf_take(&b);
  }
  free(kind);
  free(note);
  return 1;
}

/* A banner no API entry took is the next slide's subtitle (shown, not said). */
static void api_note_on(md *m, const char *type, cJSON *vc) {
  if (!m->api_note || !strcmp(type, "title") || !strcmp(type, "outro")) return;
  char *h = vgi_headline(m->api_note);
  cJSON_DeleteItemFromObjectCaseSensitive(vc, "description");
  cJSON_DeleteItemFromObjectCaseSensitive(vc, VGI_CTX_KEY);
  cJSON_AddStringToObject(vc, "description", h);
  free(h);
  free(m->api_note);
  m->api_note = NULL;
}

#define API_EXAMPLE_LINES 6   /* an example a summary shows with its entry */

/* An entry's first example, when short, is shown with it in a summary (a
 * subsection's first scene rank), not left out as a section's later detail;
 * a longer one goes first when the summary is too long. */
static void api_scene_made(md *m, const char *type, cJSON *s) {
  const cJSON *cmds = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "commands");
  if (m->api_example && !strcmp(type, "command") && cJSON_GetObjectItemCaseSensitive(s, VGI_SRANK_KEY) &&
      cJSON_GetArraySize(cmds) <= API_EXAMPLE_LINES)
    cJSON_ReplaceItemInObjectCaseSensitive(s, VGI_SRANK_KEY, cJSON_CreateNumber(2));
  m->api_example = 0;
}

/* Joins a tiny entry to the slide the ones before it share; 1 when it did. */
static int api_join(md *m, cJSON *item, cJSON *units, const char *parent) {
  cJSON *last = last_scene(m);
  cJSON *vc = last ? cJSON_GetObjectItemCaseSensitive(last, "visual_content") : NULL;
  cJSON *items = cJSON_GetObjectItemCaseSensitive(vc, "items");
  cJSON *lu = last ? cJSON_GetObjectItemCaseSensitive(last, VGI_UNITS_KEY) : NULL;
  cJSON *ln = last ? cJSON_GetObjectItemCaseSensitive(last, "narration") : NULL;
  if (!last || last != m->api_shared || m->api_shared_level != m->level || !m->api_shared_parent ||
      strcmp(m->api_shared_parent, parent) || !cJSON_IsArray(items) || !cJSON_IsArray(lu) || !cJSON_IsString(ln) ||
      cJSON_GetArraySize(items) >= API_SHARED)
    return 0;
  if (m->api_shared_item) {
    /* the first of them: its entry becomes a bullet, the section's name the slide's */
    cJSON_ReplaceItemInObjectCaseSensitive(vc, "items", cJSON_CreateArray());
    items = cJSON_GetObjectItemCaseSensitive(vc, "items");
    cJSON_AddItemToArray(items, m->api_shared_item);
    m->api_shared_item = NULL;
    cJSON_ReplaceItemInObjectCaseSensitive(vc, "header", cJSON_CreateString(parent));
    cJSON_DeleteItemFromObjectCaseSensitive(vc, "description");
    cJSON_DeleteItemFromObjectCaseSensitive(vc, VGI_CTX_KEY);
  }
  cJSON_AddItemToArray(items, item);
  unit_stop(vgi_last(lu));
  vgi_buf b = {0};
  vgi_buf_puts(&b, ln->valuestring);
  while (units->child) {
    cJSON *u = cJSON_DetachItemViaPointer(units, units->child);
    unit_stop(u);
    vgi_buf_puts(&b, " ");
    vgi_buf_puts(&b, vgi_str(u, "t"));
    cJSON_AddItemToArray(lu, u);
  }
  cJSON_SetValuestring(ln, b.s);
  cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(last, "max_duration"), vgi_max_for_lang(b.s, m->lang));
  vgi_buf_free(&b);
  cJSON_Delete(units);
  m->section_scenes++;
  return 1;
}

/* block: a block follows in the section (its introduction stays for it). */
static void api_flush(md *m, int block) {
  m->api_example = 0;
  if (!m->api) return;
  vgi_api *a = m->api;
  m->api = NULL;
  flush_prose(m, PROSE_WORDS);   /* earlier prose is its own scene */
  size_t np = m->nprose;
  char *intro = NULL;
  if (block && np && ends_colon(m->prose[np - 1].text)) {
    np--;   /* "For example:" introduces the block */
    /* "Provides the platform-specific path delimiter:" before a list is
     * what the entry is, when nothing else says it */
    if (!np && block == 2 && vgi_word_count(m->prose[0].text) >= 5) {
      intro = vgi_strdup(m->prose[0].text);
      size_t l = strlen(intro);
      while (l && (intro[l - 1] == ' ' || intro[l - 1] == ':')) intro[--l] = 0;
      intro = realloc(intro, l + 2);
      strcpy(intro + l, ".");
    }
  }
  para ip = { intro, 0, 0, 0, 0, 0, 0 };
  cJSON *desc = intro ? para_units(m, &ip, 1, 0) : para_units(m, m->prose, np, 0);
  if (intro) np = 1;
  free(intro);
  /* what the entry does is its description's first sentence; later
   * paragraphs are detail, said after its parameters when there is time */
  int first = 1;
  for (cJSON *u = desc->child; u; u = u->next, first = 0) {
    int r = cJSON_GetObjectItemCaseSensitive(u, "r")->valueint;
    if (first) continue;
    cJSON_ReplaceItemInObjectCaseSensitive(u, "r", cJSON_CreateNumber(r + 2 > VGI_RANK_KEY_MAX ? VGI_RANK_KEY_MAX : r + 2));
    cJSON_DeleteItemFromObjectCaseSensitive(u, "k");
  }
  int ndesc = cJSON_GetArraySize(desc);
  cJSON *units = cJSON_CreateArray();
  if (desc->child) cJSON_AddItemToArray(units, cJSON_DetachItemViaPointer(desc, desc->child));
  if (m->api_note) {
    /* said once, after what the entry does */
    char *kind = vgi_strdup(m->api_note), *colon = strchr(kind, ':');
    if (colon) *colon = 0;
    vgi_buf nb = {0};
    vgi_buf_printf(&nb, "%s.", kind);
    if (colon && colon[1]) vgi_buf_printf(&nb, " %s", colon + 1);
    unit_add(units, nb.s, 1);
    cJSON_AddTrueToObject(vgi_last(units), "k");
    vgi_buf_free(&nb);
    free(kind);
  }
  /* "Returns the host name …" says what it returns: not again */
  const char *d0 = ndesc ? vgi_str(units->child, "t") : NULL;
  int says_return = d0 && (!strncasecmp(d0, "return", 6) || strstr(d0, " return"));
  /* ... in the languages the phrase table says "Rückgabewert" in */
  static const char *const returns_in[] = { " zur\xC3\xBC" "ck", "liefert", "renvoie", "retourne", "devuelve",
    "retorna", "restituisce", "ritorna", "devolve", " terug", "retourneert", "\xD0\xB2\xD0\xBE\xD0\xB7\xD0\xB2\xD1\x80\xD0\xB0\xD1\x89\xD0\xB0\xD0\xB5\xD1\x82",
    "\xE8\xBF\x94\xE5\x9B\x9E", "\xE8\xBF\x94\xE3\x81\x99", "\xE8\xBF\x94\xE3\x81\x97", "\xEB\xB0\x98\xED\x99\x98",
    "\xD8\xAA\xD8\xB9\xD9\x8A\xD8\xAF", "\xD9\x8A\xD8\xB9\xD9\x8A\xD8\xAF", NULL };
  for (int i = 0; d0 && !says_return && returns_in[i]; i++) {
    size_t rl = strlen(returns_in[i]);
    for (const char *q = d0; *q && !says_return; q++) says_return = !strncasecmp(q, returns_in[i], rl);
  }
  char *said = vgi_apidoc_said(a, m->lang, says_return, ndesc ? NULL : m->header);
  if (said) {
    /* a key point of the entry: a summary says it after the description's
     * first sentence (which stays when --duration leaves only one), before
     * its further detail */
    unit_add(units, said, 1);
    cJSON_AddTrueToObject(vgi_last(units), "k");
    /* what the slide's bullets (its parameters) are: said as long as they
     * are shown ("It is a string." alone is detail a long summary may drop) */
    /* (of a call: "buf.readInt16BE([offset])", not a list of constants
     * under "Data Structure" read as parameters) */
    if (vgi_apidoc_takes(a) && m->header && strchr(m->header, '(')) cJSON_AddTrueToObject(vgi_last(units), "pa");
  }
  while (desc->child) cJSON_AddItemToArray(units, cJSON_DetachItemViaPointer(desc, desc->child));
  cJSON_Delete(desc);
  if (!units->child && m->header) unit_add(units, m->header, 0);   /* the slide's name, at least */
  vgi_buf nb = {0};
  for (cJSON *u = units->child; u; u = u->next) {
    if (nb.n) vgi_buf_puts(&nb, " ");
    vgi_buf_puts(&nb, vgi_str(u, "t"));
  }
  char *narr = vgi_buf_take(&nb);
  int tiny = !block && !m->section_scenes && !m->label && !m->image && !m->api_note &&
             !m->split_h2 && !(m->opts && m->opts->detail == VGI_DETAIL_FULL) && m->header && m->level >= 2;
  tiny = tiny && vgi_apidoc_tiny(a);
  const char *parent = m->level == 2 ? (m->h1 ? m->h1 : m->doc_title) : (m->h2 ? m->h2 : m->doc_title);
  cJSON *item = NULL;
  if (tiny && parent) {
    /* the entry as a shared slide shows it: its name, its type and what it is */
    cJSON *items = vgi_apidoc_items(a, m->lang);
    const char *ty = vgi_str(items->child, "description");
    char *h = ndesc ? vgi_headline(vgi_str(units->child, "t")) : NULL;
    vgi_buf d = {0};
    if (ty) vgi_buf_puts(&d, ty);
    if (h && *h) { if (d.n) vgi_buf_puts(&d, " \xE2\x80\x94 "); vgi_buf_puts(&d, h); }
    item = cJSON_CreateObject();
    cJSON_AddStringToObject(item, "title", m->header);
    if (d.n) cJSON_AddStringToObject(item, "description", d.s);
    vgi_buf_free(&d);
    free(h);
    cJSON_Delete(items);
    if (api_join(m, item, units, parent)) {
      prose_drop(m, np);
      vgi_apidoc_free(a);
      free(said);
      free(narr);
      m->api_example = block == 1;
      m->api_section = 1;
      return;
    }
  }
  cJSON *vc = visual(m);
  if (ndesc && !m->label) {
    /* what it does, in a headline under its signature (a banner takes its place) */
    char *h = vgi_headline(vgi_str(units->child, "t"));
    cJSON_DeleteItemFromObjectCaseSensitive(vc, "description");
    cJSON_DeleteItemFromObjectCaseSensitive(vc, VGI_CTX_KEY);
    if (*h) cJSON_AddStringToObject(vc, "description", h);
    free(h);
  }
  cJSON_AddItemToObject(vc, "items", vgi_apidoc_items(a, m->lang));
  cJSON *sc = new_scene_u(m, "list", m->api_line, vc, narr, units);
  cJSON_AddTrueToObject(sc, VGI_API_KEY);
  /* an entry is never a section's droppable later detail */
  const cJSON *sr = cJSON_GetObjectItemCaseSensitive(sc, VGI_SRANK_KEY);
  if (cJSON_IsNumber(sr) && sr->valueint < 2) cJSON_ReplaceItemInObjectCaseSensitive(sc, VGI_SRANK_KEY, cJSON_CreateNumber(2));
  m->api_section = 1;
  /* a tiny entry may be followed by others that share its slide */
  cJSON_Delete(m->api_shared_item);
  m->api_shared_item = item;
  m->api_shared = item ? sc : NULL;
  if (item) {
    free(m->api_shared_parent);
    m->api_shared_parent = vgi_strdup(parent);
    m->api_shared_level = m->level;
  }
  prose_drop(m, np);
  vgi_apidoc_free(a);
  free(said);
  free(narr);
  m->api_example = block == 1;
}

/* ---- sections and videos ------------------------------------------------------- */

static void end_section(md *m) {
  if (!m->scenes) return;
  api_flush(m, 0);   /* API references: an entry with no block after it */
  m->api_section = 0;
  if (m->nprose) {
    int words = 0;
    for (size_t i = 0; i < m->nprose; i++) words += vgi_word_count(m->prose[i].text);
    cJSON *last = last_scene(m);
    if (m->section_scenes && words <= 40 && last) {
      /* a short closing remark joins the section's last scene */
      char *t = prose_join(m->prose, m->nprose);
      cJSON *n = cJSON_GetObjectItemCaseSensitive(last, "narration");
      vgi_buf b = {0};
      char *tpl = cJSON_IsString(n) ? NULL : vgi_template(last, m->lang);   /* what it would have said */
      if (cJSON_IsString(n)) { vgi_buf_puts(&b, n->valuestring); vgi_buf_puts(&b, " "); }
      else if (tpl) { vgi_buf_puts(&b, tpl); vgi_buf_puts(&b, " "); }
      int tpl_used = tpl != NULL;
      free(tpl);
      vgi_buf_puts(&b, t);
      cJSON *units = cJSON_GetObjectItemCaseSensitive(last, VGI_UNITS_KEY);
      if (!units) {
        /* what the scene said before is said whenever it is shown */
        units = cJSON_AddArrayToObject(last, VGI_UNITS_KEY);
        unit_add(units, b.s ? b.s : "", 0);
        cJSON *u0 = cJSON_GetArrayItem(units, 0);
        if (u0) {
          /* the template: a summary says it again in its own words (narrate.c) */
          if (tpl_used) cJSON_AddTrueToObject(u0, "tpl");
          size_t l0 = strlen(b.s) - strlen(t);
          char *head = vgi_strdup(b.s);
          head[l0] = 0;
          cJSON_ReplaceItemInObjectCaseSensitive(u0, "t", cJSON_CreateString(vgi_squash(head)));
          free(head);
          if (!*vgi_str(u0, "t")) cJSON_DeleteItemFromArray(units, 0);
        }
      }
      if (units) {
        /* a closing remark is detail: said when there is time */
        for (size_t i = 0; i < m->nprose; i++) m->prose[i].cont = 1;
        cJSON *more = para_units(m, m->prose, m->nprose, 0);
        while (more->child) {
          cJSON *u = cJSON_DetachItemViaPointer(more, more->child);
          cJSON_AddTrueToObject(u, "after");   /* after the list: no intro of it (narrate.c) */
          cJSON_AddItemToArray(units, u);
        }
        cJSON_Delete(more);
      }
      if (n) cJSON_SetValuestring(n, b.s);
      else {
        cJSON_AddStringToObject(last, "narration", b.s);
        cJSON_AddTrueToObject(last, VGI_AUTO_KEY);
      }
      cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(last, "max_duration"), vgi_max_for_lang(b.s, m->lang));
      vgi_buf_free(&b);
      free(t);
      prose_drop(m, m->nprose);
    } else {
      flush_prose(m, 0);
    }
  }
  if (m->image) {
    /* an image with nothing else in its section: show it on a title-less list */
    cJSON *vc = visual(m);
    cJSON_AddItemToObject(vc, "items", cJSON_CreateArray());
    new_scene(m, "list", m->header_line, vc, NULL);
  }
  free(m->label);
  m->label = NULL;
  m->label_once = 0;
  m->section_scenes = 0;
}

static void start_video(md *m, const char *title, const char *subtitle, int line) {
  m->video = cJSON_CreateObject();
  const char *id = fm_str(m, "id");
  char *sl = NULL;
  if (!id || m->split_h2) {
    sl = slug(title && *title ? title : "video");
    if (!*sl) { free(sl); sl = vgi_strdup("video"); }
    if (m->split_h2 && cJSON_GetArraySize(m->videos)) {
      char buf[96];
      snprintf(buf, sizeof buf, "%02d_%s", cJSON_GetArraySize(m->videos), sl);
      free(sl);
      sl = vgi_strdup(buf);
    }
  }
  cJSON_AddStringToObject(m->video, "id", sl ? sl : id);
  free(sl);
  cJSON_AddStringToObject(m->video, "title", title);
  const char *desc = fm_str(m, "description");
  if (desc) cJSON_AddStringToObject(m->video, "description", desc);
  static const char *const keys[] = { "voice", "accent_color", "theme" };
  static const char *const defs[] = { "male", "blue", "light" };
  for (int k = 0; k < 3; k++) {
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(m->fm, keys[k]);
    cJSON_AddItemToObject(m->video, keys[k], x ? cJSON_Duplicate(x, 1) : cJSON_CreateString(defs[k]));
    if (k == 0 && !x) cJSON_AddTrueToObject(m->video, VGI_VOICE_AUTO_KEY);
  }
  cJSON_AddStringToObject(m->video, "language", m->lang);
  cJSON_AddTrueToObject(m->video, VGI_PARTS_KEY);   /* a long one becomes parts (narrate.c) */
  const cJSON *td = cJSON_GetObjectItemCaseSensitive(m->fm, "target_duration");
  if (td) cJSON_AddItemToObject(m->video, "target_duration", cJSON_Duplicate(td, 1));
  cJSON *src = cJSON_AddObjectToObject(m->video, "source");
  cJSON_AddStringToObject(src, "file", m->file);
  cJSON_AddNumberToObject(src, "line", line);
  m->scenes = cJSON_AddArrayToObject(m->video, "scenes");
  cJSON_AddItemToArray(m->videos, m->video);
  /* title scene */
  cJSON *vc = cJSON_CreateObject();
  cJSON_AddStringToObject(vc, "title", title);
  if (subtitle && shows_text(subtitle)) cJSON_AddStringToObject(vc, "subtitle", subtitle);
  new_scene(m, "title", line, vc, NULL);
  m->section_scenes = 0;
}

/* ---- short sibling sections: one slide -------------------------------------------------- */

/* In a summary, three or more sibling sections in a row (same level, same
 * parent section) that each are one short list and nothing else ("### Operating
 * Systems" with Linux, macOS and Windows, then "### Compilers", then
 * "### Build Systems" under googletest's "Supported Platforms") are one
 * slide: the parent's name over a bullet each, its heading as the term and
 * its items joined as the text; each said as it would have been. A
 * near-empty scene each was a slide of three words on screen for five
 * seconds. (Sections of one sentence share a slide already: join_short.) */
#define SIB_MIN 3          /* sections in a row that make a shared slide */
#define SIB_MAX 6          /* ... at most, a slide's bullets */
#define SIB_ITEMS 4        /* items of a section's list to count as short */
#define SIB_WORDS 12       /* ... and their words */

/* A section's point as its bullet's text: its items joined ("Linux,
 * macOS, Windows"); NULL when the scene is no short list of its own
 * (nothing said before it, no more than SIB_ITEMS items of SIB_WORDS
 * words, none a sentence). Caller frees. */
static char *sib_point(const cJSON *s) {
  if (strcmp(vgi_str(s, "scene_type") ? vgi_str(s, "scene_type") : "", "list") ||
      cJSON_GetObjectItemCaseSensitive(s, VGI_CONT_KEY))
    return NULL;
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
  const cJSON *items = cJSON_GetObjectItemCaseSensitive(vc, "items");
  if (!cJSON_IsArray(items) || !items->child || cJSON_GetArraySize(items) > SIB_ITEMS ||
      cJSON_GetObjectItemCaseSensitive(vc, "image") || cJSON_GetObjectItemCaseSensitive(vc, VGI_LINKS_KEY) ||
      cJSON_GetObjectItemCaseSensitive(s, "narration"))
    return NULL;
  vgi_buf b = {0};
  int words = 0;
  for (const cJSON *it = items->child; it; it = it->next) {
    const char *t = cJSON_IsString(it) ? it->valuestring : "";
    size_t tl = strlen(t);
    if (!tl || strchr(".!?:", t[tl - 1])) { vgi_buf_free(&b); return NULL; }
    words += vgi_word_count(it->valuestring);
    if (b.n) vgi_buf_puts(&b, ", ");
    vgi_buf_puts(&b, it->valuestring);
  }
  if (words > SIB_WORDS || !b.n) { vgi_buf_free(&b); return NULL; }
  return vgi_buf_take(&b);
}

/* 1 when scene s opens a section of level l under parent p */
static int sib_of(const cJSON *s, int l, const char *p) {
  const cJSON *k = cJSON_GetObjectItemCaseSensitive(s, SIB_KEY);
  const cJSON *kl = cJSON_GetObjectItemCaseSensitive(k, "l");
  return k && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(k, "f")) && cJSON_IsNumber(kl) && kl->valueint == l &&
         vgi_str(k, "p") && !strcmp(vgi_str(k, "p"), p);
}

/* 1 when the scene after s is another section's (s is its section's only one) */
static int sib_alone(const cJSON *s) {
  const cJSON *nx = s->next;
  const cJSON *k = nx ? cJSON_GetObjectItemCaseSensitive(nx, SIB_KEY) : NULL;
  return !nx || !k || cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(k, "f"));
}

static void merge_short_siblings(md *m) {
  if (!m->scenes || (m->opts && m->opts->detail == VGI_DETAIL_FULL)) return;
  for (cJSON *s = m->scenes->child; s; s = s->next) {
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(s, SIB_KEY);
    const cJSON *kl = cJSON_GetObjectItemCaseSensitive(k, "l");
    const char *p = vgi_str(k, "p");
    if (!k || !cJSON_IsNumber(kl) || !p) continue;
    int n = 0;
    for (cJSON *q = s; q && n < SIB_MAX && sib_of(q, kl->valueint, p) && sib_alone(q); q = q->next) {
      char *pt = sib_point(q);
      if (!pt) break;
      free(pt);
      n++;
    }
    if (n < SIB_MIN) continue;
    cJSON *items = cJSON_CreateArray();
    vgi_buf said = {0};
    cJSON *q = s;
    for (int i = 0; i < n; i++, q = q->next) {
      char *pt = sib_point(q);
      const char *h = vgi_str(cJSON_GetObjectItemCaseSensitive(q, "visual_content"), "header");
      cJSON *it = cJSON_CreateObject();
      cJSON_AddStringToObject(it, "title", h ? h : "");
      cJSON_AddStringToObject(it, "description", pt);
      cJSON_AddItemToArray(items, it);
      /* said as it would have been ("Compilers: gcc 5.0+, clang 5.0+,
       * and MSVC 2015+.") */
      char *tpl = vgi_template(q, m->lang);
      if (tpl && *tpl) {
        if (said.n) vgi_buf_puts(&said, " ");
        vgi_buf_puts(&said, tpl);
      }
      free(tpl);
      free(pt);
    }
    cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
    cJSON_ReplaceItemInObjectCaseSensitive(vc, "header", cJSON_CreateString(p));
    cJSON_DeleteItemFromObjectCaseSensitive(vc, "description");
    cJSON_ReplaceItemInObjectCaseSensitive(vc, "items", items);
    if (said.n) {
      cJSON_AddStringToObject(s, "narration", said.s);
      cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(s, "max_duration"), vgi_max_for_lang(said.s, m->lang));
    }
    for (int i = 1; i < n; i++) cJSON_Delete(cJSON_DetachItemViaPointer(m->scenes, s->next));
    vgi_buf_free(&said);
  }
  for (cJSON *s = m->scenes->child; s; s = s->next) cJSON_DeleteItemFromObjectCaseSensitive(s, SIB_KEY);
}

static void end_video(md *m) {
  if (!m->video) return;
  end_section(m);
  merge_short_siblings(m);
  cJSON *vc = cJSON_CreateObject();
  const char *main_text = fm_str(m, "outro");
  if (!main_text) main_text = vgi_phrase(m->lang, "thanks");
  const char *sub = fm_str(m, "outro_sub");
  if (!sub) sub = vgi_str(m->video, "title");
  /* a language with no thanks of its own (i18n.lua's neutral "") shows the
   * title alone, not an empty line above it */
  if (!*main_text && sub) main_text = sub, sub = NULL;
  cJSON_AddStringToObject(vc, "main_text", main_text);
  if (sub) cJSON_AddStringToObject(vc, "sub_text", sub);
  new_scene(m, "outro", 0, vc, NULL);
  /* the outro's source: the last line of the document is not known; use the video's */
  cJSON *last = last_scene(m);
  cJSON *prev = cJSON_GetArrayItem(m->scenes, cJSON_GetArraySize(m->scenes) - 2);
  const cJSON *pl = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(prev, "source"), "line");
  if (cJSON_IsNumber(pl))
    cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(last, "source"), "line"),
                         pl->valuedouble);
  m->video = NULL;
  m->scenes = NULL;
}

/* The holes a sentence of prose did not take away (a heading's, a list
 * item's, a table cell's "v<hole>") are left out of every string. */
static void holes_out(cJSON *j) {
  for (cJSON *c = j ? j->child : NULL; c; c = c->next) {
    if (cJSON_IsString(c) && c->valuestring && strstr(c->valuestring, VALUE_HOLE)) {
      char *t = vgi_strdup(c->valuestring), *w = t;
      for (const char *r = t; *r;) {
        if (!strncmp(r, VALUE_HOLE, 3)) { r += 3; continue; }
        *w++ = *r++;
      }
      *w = 0;
      t = vgi_squash(t);
      cJSON_SetValuestring(c, t);
      free(t);
    } else if (cJSON_IsObject(c) || cJSON_IsArray(c)) {
      holes_out(c);
    }
  }
}

static void renumber(cJSON *videos) {
  for (cJSON *v = videos->child; v; v = v->next) {
    int i = 1;
    cJSON *scenes = cJSON_GetObjectItemCaseSensitive(v, "scenes");
    for (cJSON *s = scenes ? scenes->child : NULL; s; s = s->next, i++) {
      char id[32];
      snprintf(id, sizeof id, "scene_%02d", i);
      cJSON_ReplaceItemInObjectCaseSensitive(s, "id", cJSON_CreateString(id));
    }
  }
}

/* ---- front matter ------------------------------------------------------------------ */

static const char *fm_kind(const cJSON *x) {
  if (cJSON_IsNull(x)) return "nothing (null)";
  if (cJSON_IsString(x)) return "text";
  if (cJSON_IsNumber(x)) return "a number";
  if (cJSON_IsBool(x)) return "true/false";
  if (cJSON_IsArray(x)) return "a list";
  return "a mapping";
}

/* Front matter fields vgrun reads, given a value of the wrong type
 * (`subtitle: [a, b]`, `title: {a: 1}`, `duration: "2 min"`): an error at
 * the field's own line, and the field is dropped, so nothing later reads
 * it or reports it again at the document's first heading. `lang:` has its
 * own message (document_language: detected instead). */
static void front_matter_types(cJSON *fm, vgi_posmap *pm, const char *file, vgi_diags *d) {
  static const char *const text_keys[] = { "title", "subtitle", "description", "voice", "accent_color",
    "theme", "id", "split", "outro", "outro_sub", NULL };
  static const char *const number_keys[] = { "duration", "target_duration", NULL };
  cJSON *c = fm->child;
  while (c) {
    cJSON *next = c->next;
    int text = 0, number = 0;
    for (int k = 0; text_keys[k]; k++) if (!strcmp(text_keys[k], c->string)) text = 1;
    for (int k = 0; number_keys[k]; k++) if (!strcmp(number_keys[k], c->string)) number = 1;
    const vgi_pos *at = vgi_pos_get(pm, c);
    int line = at ? at->line : 0, col = at ? at->col : 0;
    if (text && !cJSON_IsString(c)) {
      vgi_diag_add(d, VGI_ERROR, file, line, col, c->string, "front matter field '%s': expected text, got %s%s",
                   c->string, fm_kind(c),
                   cJSON_IsNumber(c) || cJSON_IsBool(c) ? " (quote it to say it as text)" : "");
      vgi_pos_delete(pm, cJSON_DetachItemViaPointer(fm, c));
    } else if (number && !cJSON_IsNumber(c)) {
      vgi_diag_add(d, VGI_ERROR, file, line, col, c->string,
                   "front matter field '%s': expected a number of seconds, got %s", c->string, fm_kind(c));
      vgi_pos_delete(pm, cJSON_DetachItemViaPointer(fm, c));
    }
    c = next;
  }
}

/* Blanks the front matter in `text` (keeping newlines, so cmark's line
 * numbers match the file) and returns it parsed. */
static cJSON *front_matter(char *text, size_t len, const char *file, const vg_limits *lim,
                           vgi_diags *d) {
  if (strncmp(text, "---", 3) || (text[3] != '\n' && text[3] != '\r')) return NULL;
  size_t i = 4;
  if (text[3] == '\r') i++;
  size_t end = 0, close_end = 0;
  while (i < len) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - text) : len;
    size_t l = e - i;
    if (l && text[i + l - 1] == '\r') l--;
    if ((l == 3 && (!strncmp(text + i, "---", 3) || !strncmp(text + i, "...", 3)))) {
      end = i;
      close_end = e;
      break;
    }
    i = e + 1;
  }
  if (!end) return NULL;   /* no closing line: a thematic break, not front matter */
  size_t first_diag = d->n;
  vgi_posmap pm;
  vgi_pos_init(&pm);
  cJSON *fm = vgi_yaml_parse(text, end, file, &pm, lim, d);
  /* A problem found at the end of the YAML (an unclosed "[" or quote) is
   * where the closing line starts: it is the front matter's, so it is
   * shown at the end of its last line, not on a line after it. */
  int close_line = 1;
  for (size_t k = 0; k < end; k++) close_line += text[k] == '\n';
  size_t last = end - 1;   /* the last line's '\n' */
  while (last > 0 && text[last - 1] != '\n') last--;
  int last_len = (int)(end - 1 - last);
  if (last_len > 0 && text[end - 2] == '\r') last_len--;
  for (size_t k = first_diag; k < d->n; k++)
    if (d->v[k].line >= close_line) { d->v[k].line = close_line - 1; d->v[k].col = last_len + 1; }
  for (size_t k = 0; k < close_end && k < len; k++)
    if (text[k] != '\n') text[k] = ' ';
  if (fm && !cJSON_IsObject(fm)) {
    vgi_diag_add(d, VGI_ERROR, file, 2, 1, "front_matter", "front matter must be a mapping");
    cJSON_Delete(fm);
    vgi_pos_free(&pm);
    return NULL;
  }
  /* accepted keys */
  static const char *const keys[] = { "title", "subtitle", "description", "voice", "accent_color",
    "theme", "id", "split", "duration", "target_duration", "outro", "outro_sub", "author", "date",
    "tags", "layout", "lang", "language",
    /* what static-site generators (Jekyll, Hugo, Docusaurus, MkDocs) keep
     * there: a published doc carries them, and they say nothing to vgrun */
    "category", "categories", "permalink", "weight", "draft", "slug", "aliases", "keywords", "nav_order",
    "parent", "grand_parent", "has_children", "sidebar_position", "sidebar_label", "last_modified_at",
    "authors", "summary", "toc", "redirect_from", "SPDX-License-Identifier", NULL };
  for (cJSON *c = fm ? fm->child : NULL; c; c = c->next) {
    int ok = 0;
    for (int k = 0; keys[k]; k++) if (!strcmp(keys[k], c->string)) ok = 1;
    const vgi_pos *at = vgi_pos_get(&pm, c);
    if (!ok) vgi_diag_add(d, VGI_WARNING, file, at ? at->line : 0, at ? at->col : 0, c->string,
                          "unknown front matter field (ignored)");
  }
  if (fm) front_matter_types(fm, &pm, file, d);
  vgi_pos_free(&pm);
  return fm;
}

/* The language: front matter `lang:` (or `language:`), else detected from the
 * text outside fenced code (code is not the document's language). */
static void document_language(md *m, const char *text, size_t len) {
  if (m->opts && m->opts->language && vgi_lang_tag_ok(m->opts->language) &&
      strlen(m->opts->language) < sizeof m->lang) {   /* --language wins */
    snprintf(m->lang, sizeof m->lang, "%s", m->opts->language);
    return;
  }
  const char *key = cJSON_GetObjectItemCaseSensitive(m->fm, "lang") ? "lang" : "language";
  const cJSON *raw = cJSON_GetObjectItemCaseSensitive(m->fm, key);
  const char *given = fm_str(m, key);
  if (given && vgi_lang_tag_ok(given) && strlen(given) < sizeof m->lang) {
    snprintf(m->lang, sizeof m->lang, "%s", given);
    return;
  }
  if (given) {
    /* a tag is short: the value is named by its first 40 bytes, cut where
     * a character starts */
    int n = (int)strlen(given);
    if (n > 40) for (n = 40; n > 0 && ((unsigned char)given[n] & 0xC0) == 0x80; n--) {}
    vgi_diag_add(m->d, VGI_WARNING, m->file, 0, 0, key,
                 "'%.*s%s' is not a language tag such as en, de or pt-BR (detected instead)", n, given,
                 given[n] ? "…" : "");
  }
  else if (raw && !cJSON_IsNull(raw))
    vgi_diag_add(m->d, VGI_WARNING, m->file, 0, 0, key,
                 "%s: a language tag such as en, de or pt-BR expected, not a %s (detected instead)", key,
                 cJSON_IsArray(raw) ? "list" : cJSON_IsObject(raw) ? "mapping" : "number or boolean");
  vgi_buf b = {0};
  int fence = 0;
  for (size_t i = 0; i < len && b.n < 200000;) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - text) : len;
    const char *l = text + i;
    while (l < text + e && *l == ' ') l++;
    if (!strncmp(l, "```", 3) || !strncmp(l, "~~~", 3)) fence = !fence;
    /* (a row of links to translations names other languages) */
    else if (!fence && l[0] != '<' && l[0] != '|' && !vgi_language_row(l, (size_t)(text + e - l))) {
      vgi_buf_add(&b, text + i, e - i);
      vgi_buf_puts(&b, "\n");
    }
    i = e + 1;
  }
  snprintf(m->lang, sizeof m->lang, "%s", vgi_detect_language(b.s ? b.s : ""));
  vgi_buf_free(&b);
}

/* deeper block nesting than any document needs is refused */
static pthread_once_t ext_once = PTHREAD_ONCE_INIT;
static void ext_init(void) { cmark_gfm_core_extensions_ensure_registered(); }

/* A heading of boilerplate: license, copyright, how to contribute, credits,
 * a synopsis.
 * A summary says such a section in its first sentence (no lists, code or
 * tables of it): a README's MIT text or list of contributors is not what a
 * viewer came for. */
static int boilerplate(const char *h) {
  static const char *const words[] = { "license", "licence", "licensing", "copyright", "contributing",
    "contribution", "contributions", "contributors", "contribute", "how to contribute", "authors", "credits",
    "acknowledgments", "acknowledgements", "acknowledgment", "acknowledgement", "thanks", "legal",
    "code of conduct",
    "lizenz", "licencia", "licenza", "licença", "licentie", "mitwirken", "beitragen", "contribuer", "contribuir",
    "contribuire", "bijdragen", "\xD0\x9B\xD0\xB8\xD1\x86\xD0\xB5\xD0\xBD\xD0\xB7\xD0\xB8\xD1\x8F",
    "الرخصة", "رخصة", "الترخيص", "ساهم", "المساهمة", "ライセンス", "许可证", "贡献", "라이선스", "기여", NULL };
  while (*h && !isalnum((unsigned char)*h) && (unsigned char)*h < 0x80) h++;   /* "## 📝 License" */
  size_t n = strlen(h);
  while (n && (h[n - 1] == ' ' || h[n - 1] == ':' || h[n - 1] == '.')) n--;
  /* a manual page's SYNOPSIS (asciidoc's and DocBook's HTML pages): its
   * forms of the command, which the man reader's summary leaves out too */
  if (n == 8 && !strncasecmp(h, "synopsis", 8)) return 1;
  for (int i = 0; words[i]; i++) {
    size_t l = strlen(words[i]);
    /* "License", "License and copyright", "Copyright (c) 2020" */
    if (n >= l && !strncasecmp(h, words[i], l) && (n == l || h[l] == ' ' || h[l] == '(' || h[l] == '&'))
      return 1;
  }
  /* who runs the project: "Maintainers", "Core team", "Current project
   * team members" (express: eight slides of names in a summary) */
  static const char *const roster[] = { "team", "the team", "our team", "core team", "maintainers", "maintainer",
    "the maintainers", "collaborators", "committers", "team members", "members", "governance", NULL };
  for (int i = 0; roster[i]; i++)
    if (strlen(roster[i]) == n && !strncasecmp(h, roster[i], n)) return 1;
  /* a short heading that names them later: "I want to contribute", "How to contribute" */
  if (n < 40) {
    static const char *const later[] = { " contribute", " contributing", " license", " licence", " team members",
      " maintainers", " core team", " project team", NULL };
    for (int i = 0; later[i]; i++) {
      size_t l = strlen(later[i]);
      if (n >= l && !strncasecmp(h + n - l, later[i], l)) return 1;
    }
  }
  return 0;
}

/* A heading of a call for money: "Sponsors", "Backers", "Gold Sponsors",
 * "Donate";
 * "Support the project" and "Donations" are
 * not (a reader's question may be in them). A summary says nothing of such a
 * section: its logos and "Become a sponsor" are no part of what the
 * project does. */
static int sponsors(const char *h) {
  static const char *const words[] = { "sponsors", "sponsor", "sponsorship", "sponsoring", "backers", "patrons",
    "supporters", "donors", "financial contributors", "sponsoren", "unterstützer", "patrocinadores",
    "patrocinio", "donate", NULL };
  while (*h && !isalnum((unsigned char)*h) && (unsigned char)*h < 0x80) h++;   /* "## 💖 Sponsors" */
  size_t n = strlen(h);
  while (n && (h[n - 1] == ' ' || h[n - 1] == ':' || h[n - 1] == '.' || h[n - 1] == '!')) n--;
  for (int i = 0; words[i]; i++) {
    size_t l = strlen(words[i]);
    if (n >= l && !strncasecmp(h, words[i], l) && (n == l || h[l] == ' ' || h[l] == '&')) return 1;
  }
  /* a short heading that ends with them: "Gold Sponsors", "Our backers" */
  if (n < 40) {
    static const char *const later[] = { " sponsors", " backers", " supporters", " donors", " patrons", NULL };
    for (int i = 0; later[i]; i++) {
      size_t l = strlen(later[i]);
      if (n >= l && !strncasecmp(h + n - l, later[i], l)) return 1;
    }
  }
  return 0;
}

/* A heading of a call for attention that says nothing of the project:
 * its shop ("Merchandise", "Swag") or its social media ("Follow us",
 * "Social media"), or of its fine print ("Trademarks": "AsciiDoc® is a
 * trademark of …"). Like a call for money, a summary says nothing of it. */
static int promotion(const char *h) {
  static const char *const words[] = { "merchandise", "merch", "swag", "goods", "follow us", "social media", "stay in touch",
    "stay connected", "connect with us", "find us on", "shameless plug", "trademarks", "trademark", NULL };
  while (*h && !isalnum((unsigned char)*h) && (unsigned char)*h < 0x80) h++;   /* "## 👕 Merch" */
  size_t n = strlen(h);
  while (n && (h[n - 1] == ' ' || h[n - 1] == ':' || h[n - 1] == '.' || h[n - 1] == '!')) n--;
  for (int i = 0; words[i]; i++) {
    size_t l = strlen(words[i]);
    if (n >= l && !strncasecmp(h, words[i], l) && (n == l || h[l] == ' ' || h[l] == '&')) return 1;
  }
  return 0;
}

/* A heading of a changelog: "Changelog", "Release notes", "What's new",
 * "NEWS", "Version history", "Änderungen"... A summary says such a section's
 * own words and its first subsection (the latest release, which changelogs
 * put first) and none of the older ones: a README's twelve releases are
 * twelve slides nobody came for. "History" alone is left out: it is often
 * the project's story. */
static int changelog(const char *h) {
  static const char *const words[] = { "changelog", "change log", "changes", "changelogs", "release notes",
    "release history", "version history", "revision history", "recent changes", "history of changes",
    "what's new", "what\xE2\x80\x99s new", "whats new", "news",
    "änderungen", "änderungsprotokoll", "versionshistorie", "versionsgeschichte", "neuigkeiten",
    "was ist neu", "historique des versions", "journal des modifications", "notes de version",
    "nouveautés", "registro de cambios", "historial de versiones", "historial de cambios", "novedades",
    "notas de la versión", "registro delle modifiche", "novità", "note di rilascio",
    "registro de alterações", "histórico de versões", "novidades", "notas de versão", "wijzigingen",
    "versiegeschiedenis", "wijzigingslogboek",
    "\xD0\xB8\xD1\x81\xD1\x82\xD0\xBE\xD1\x80\xD0\xB8\xD1\x8F \xD0\xB8\xD0\xB7\xD0\xBC\xD0\xB5\xD0\xBD\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB9",   /* история изменений */
    "\xD1\x81\xD0\xBF\xD0\xB8\xD1\x81\xD0\xBE\xD0\xBA \xD0\xB8\xD0\xB7\xD0\xBC\xD0\xB5\xD0\xBD\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB9",   /* список изменений */
    "更新履歴", "変更履歴", "更新日志", "变更日志", "更新记录", "변경 사항", "변경 이력", "변경사항",
    "سجل التغييرات", NULL };
  while (*h && !isalnum((unsigned char)*h) && (unsigned char)*h < 0x80) h++;   /* "## 📝 Changelog" */
  size_t n = strlen(h);
  while (n && (h[n - 1] == ' ' || h[n - 1] == ':' || h[n - 1] == '.')) n--;
  for (int i = 0; words[i]; i++) {
    size_t l = strlen(words[i]);
    /* "Changelog", "Changelog (since 2.0)", "Release notes and upgrades" is not one */
    if (n >= l && !strncasecmp(h, words[i], l) && (n == l || (h[l] == ' ' && h[l + 1] == '(')))
      return 1;
  }
  /* a project's name first: "GNU gzip NEWS", "GNU tar NEWS - User visible
   * changes", "libfoo Changelog", "Tool Release Notes" */
  for (const char *w = h; (w = strstr(w, "NEWS")) != NULL; w += 4)
    if ((w == h || w[-1] == ' ') && (w - h) <= 40 && !isalnum((unsigned char)w[4])) return 1;
  static const char *const ends[] = { " changelog", " change log", " release notes", " release history", NULL };
  for (int i = 0; ends[i]; i++) {
    size_t l = strlen(ends[i]);
    if (n > l && n - l <= 40 && !strncasecmp(h + n - l, ends[i], l)) return 1;
  }
  return 0;
}

/* A heading that names a release: "3.0-2", "v2.1", "iso-codes 3.79",
 * "2024-05-01", "Unreleased", "Version 4". "ISO 639-2" names none. */
static int release_heading(const char *h) {
  if (*h == '[') h++;   /* "[Unreleased]" with no link definition for it */
  if (!strncasecmp(h, "unreleased", 10) || !strncasecmp(h, "version", 7) || !strncasecmp(h, "release", 7))
    return 1;
  for (const char *p = h; *p; p++) {
    int start = p == h || !isalnum((unsigned char)p[-1]);
    if (isdigit((unsigned char)*p) && p[1] == '.' && isdigit((unsigned char)p[2])) return 1;
    if (start && (*p == 'v' || *p == 'V') && isdigit((unsigned char)p[1])) return 1;
    if (start && (!strncmp(p, "19", 2) || !strncmp(p, "20", 2)) && isdigit((unsigned char)p[2]) &&
        isdigit((unsigned char)p[3]) && !isalnum((unsigned char)p[4]))
      return 1;
  }
  return 0;
}

/* Has the section under heading h (of level) nothing but headings, an
 * HTML comment or a rule, up to the next heading of its level or above?
 * Stops at its first block of content. */
static int empty_section(cmark_node *h, int level) {
  for (cmark_node *n = cmark_node_next(h); n; n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_HEADING) {
      if (cmark_node_get_heading_level(n) <= level) return 1;
      continue;
    }
    if (t == CMARK_NODE_THEMATIC_BREAK) continue;
    if (t == CMARK_NODE_HTML_BLOCK) {
      const char *lit = cmark_node_get_literal(n);
      if (lit && !strncmp(lit + strspn(lit, " \t"), "<!--", 4)) continue;
    }
    return 0;
  }
  return 1;
}

/* A changelog's file name: NEWS, CHANGELOG.md, CHANGES, HISTORY.md,
 * RELEASE-NOTES, "NEWS-Serif.md", "CHANGELOG-PRE-4.0.md" */
static int changelog_file(const char *base) {
  static const char *const names[] = { "news", "changelog", "changes", "history", "release-notes",
    "release_notes", "releasenotes", NULL };
  for (int i = 0; names[i]; i++) {
    size_t l = strlen(names[i]);
    if (!strncasecmp(base, names[i], l) && (!base[l] || strchr(".-_", base[l]))) return 1;
  }
  return 0;
}

/* A line of metadata under a title ("Generated: 2024-05-01", "Last
 * updated: …", "Version 1.2 — Author: …", "Stand: …", "Auteur : …"): a
 * presenter says none of it, and it is no bullet. A key and a colon, in a
 * short paragraph; or "Version N" alone or with another key. */
static const char *const meta_keys[] = { "generated", "generated on", "last updated", "updated",
  "last modified", "last changed", "last revised", "revised", "revision", "date", "created", "author",
  "authors", "maintainer", "maintainers", "release date", "version", "status", "type",
  "stand", "zuletzt aktualisiert", "aktualisiert", "letzte änderung", "erstellt", "autor", "autoren",
  "datum", "mis à jour", "dernière mise à jour", "mise à jour", "auteur", "auteurs", "généré", "créé",
  "última actualización", "actualizado", "autores", "fecha", "versión", "generado", "última atualização",
  "atualizado", "data", "versão", "gerado", "ultimo aggiornamento", "aggiornato", "autore", "versione",
  "generato", "laatst bijgewerkt", "bijgewerkt", "versie", "gegenereerd",
  "\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xBE",   /* обновлено */
  "\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80",   /* автор */
  "\xD0\xB4\xD0\xB0\xD1\x82\xD0\xB0",   /* дата */
  "最終更新", "更新日", "作成日", "著者", "最后更新", "更新日期", "作者", NULL };

/* Where a key of meta_keys and its colon end at p, else NULL ("version"
 * with a number: "Version 1.2", "version v2"). */
static const char *meta_key(const char *p, int *number) {
  *number = 0;
  for (int i = 0; meta_keys[i]; i++) {
    size_t l = strlen(meta_keys[i]);
    if (strncasecmp(p, meta_keys[i], l)) continue;
    const char *q = p + l;
    if (isalnum((unsigned char)*q)) continue;
    while (*q == ' ') q++;
    if (*q == ':') return q + 1;
    if (!strncmp(q, "\xEF\xBC\x9A", 3)) return q + 3;   /* ： */
    if (!strncasecmp(meta_keys[i], "vers", 4) && (isdigit((unsigned char)*q) || ((*q == 'v' || *q == 'V') && isdigit((unsigned char)q[1])))) {
      *number = 1;
      return q;
    }
  }
  return NULL;
}

/* A paragraph that is a date alone ("April 28, 2021", "2024-05-01",
 * "3. Mai 2024", "Tue, 27 Feb 2018"): a release note's stamp. */
static int date_alone(const char *t) {
  static const char *const months[] = { "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "januar", "februar", "m\xC3\xA4rz", "mai", "juni", "juli", "oktober", "dezember",
    "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
    /* and its weekday ("Tue, 27 Feb 2018") */
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles",
    "jueves", "viernes", "sábado", "domingo", NULL };
  int words = 0, year = 0;
  for (const char *p = t; *p;) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ' ') e++;
    size_t n = (size_t)(e - p);
    while (n && strchr(",.", p[n - 1])) n--;
    words++;
    int digits = n > 0;
    for (size_t i = 0; i < n; i++) digits &= isdigit((unsigned char)p[i]) || p[i] == '-' || p[i] == '/';
    if (digits && n >= 4 && (!strncmp(p, "19", 2) || !strncmp(p, "20", 2))) year = 1;
    if (!digits && !in_list(months, p, n)) return 0;
    p = e;
  }
  return year && words <= 4;
}

/* A byline: a year and names ("2004, Oliver Elphick, Martin Pitt",
 * "Copyright (c) 2019 Jane Doe and John Roe"), a comma or a joining word
 * between them: whose document it is, not what it says. */
static int byline(const char *t) {
  static const char *const joins[] = { "and", "by", "&", "c", "\xC2\xA9", "copyright", "und", "et", "y", "e", NULL };
  int words = 0, years = 0, names = 0, joined = 0;
  for (const char *p = t; *p;) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ' ') e++;
    size_t n = (size_t)(e - p);
    joined |= p[n - 1] == ',';
    while (n && (p[n - 1] == ',' || p[n - 1] == ';')) n--;
    words++;
    int year = n >= 4 && (!strncmp(p, "19", 2) || !strncmp(p, "20", 2));
    for (size_t i = 0; i < n && year; i++) year = isdigit((unsigned char)p[i]) || (i >= 4 && strchr("-/", p[i]));
    if (year) years++;
    else if (in_list(joins, p, n)) joined = 1;
    else if (n && (isupper((unsigned char)p[0]) || (unsigned char)p[0] >= 0xC0) && !memchr(p, ':', n) &&
             (!memchr(p, '.', n) || n <= 2))
      names++;
    else
      return 0;
    p = e;
  }
  return years && names >= 2 && joined && words <= 12;
}

/* A paragraph that only says in which versions an entry came or went
 * ("Added in: v10.0.0", "Added in: v13.11.0, v12.17.0", "Deprecated since:
 * v14.0.0", "Since 2.4"): an API reference's stamp over each entry (Node's
 * pages made HTML), which no presenter reads out. */
static const char *stamp_end(const char *t);
static int version_stamp(const char *t) {
  const char *e = stamp_end(t);
  return e && !*e;
}

/* Where the versions of a stamp end (the text after them, "" when none),
 * NULL when t opens with no stamp. */
static const char *stamp_end(const char *t) {
  static const char *const keys[] = { "added in", "introduced in", "deprecated since", "deprecated in", "removed in",
    "available since", "since", "changed in", NULL };
  const char *r = NULL;
  for (int i = 0; keys[i] && !r; i++) {
    size_t l = strlen(keys[i]);
    if (!strncasecmp(t, keys[i], l) && (t[l] == ':' || t[l] == ' ')) r = t + l;
  }
  if (!r) return NULL;
  while (*r == ':' || *r == ' ') r++;
  int versions = 0;
  while (*r) {
    const char *w = r;
    if (*w == 'v' || *w == 'V') w++;
    if (!isdigit((unsigned char)*w)) break;
    while (isalnum((unsigned char)*w) || *w == '.' || *w == '-') w++;
    versions++;
    r = w;
    while (*r == ',' || *r == ' ' || *r == '.') r++;
    if (!strncmp(r, "and ", 4)) r += 4;
  }
  return versions ? r : NULL;
}

static int metadata_line(const char *t) {
  while (*t == ' ') t++;
  if (date_alone(t) || byline(t)) return 1;
  if (version_stamp(t)) return 1;
  /* a version control keyword alone ("$Id$", "$Revision: 1.4 $"): the
   * file's bookkeeping, nothing to say or show */
  if (t[0] == '$' && isupper((unsigned char)t[1])) {
    const char *q = t + 1;
    while (isalpha((unsigned char)*q)) q++;
    if (*q == ':') q = strchr(q, '$');
    if (q && *q == '$' && !q[1 + strspn(q + 1, " ")]) return 1;
  }
  int number;
  const char *rest = meta_key(t, &number);
  if (!rest) return 0;
  int words = vgi_word_count(t);
  /* "Type: End-of-Life" over a deprecation is its status; "Type: {Crypto} An
   * implementation of …" an API's type and what it is */
  if (!strncasecmp(t, "type", 4)) return !strchr(rest, '{') && words <= 8;
  if (!number) return words <= 16;
  if (words <= 4) return 1;
  /* "Version 1.2 — Author: Jane Doe": another key further on */
  for (const char *q = rest; *q; q++) {
    int n2;
    if ((q[-1] == ' ' || q[-1] == '|') && meta_key(q, &n2) && !n2) return words <= 16;
  }
  return 0;
}

/* The code of a paragraph that is one code span and nothing else
 * ("`tar cf x.tar a b`"), else NULL. */
static const char *lone_code(cmark_node *para) {
  if (cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return NULL;
  const char *code = NULL;
  for (cmark_node *k = cmark_node_first_child(para); k; k = cmark_node_next(k)) {
    cmark_node_type kt = cmark_node_get_type(k);
    const char *kl = kt == CMARK_NODE_TEXT ? cmark_node_get_literal(k) : NULL;
    if (kt == CMARK_NODE_CODE && !code) code = cmark_node_get_literal(k);
    else if (kt == CMARK_NODE_SOFTBREAK || (kl && !kl[strspn(kl, " \t")])) continue;
    else return NULL;
  }
  return code && *code ? code : NULL;
}

static void prose_add(md *m, char *text, int line, int min_words);

/* The blocks list_items left out of the items' words, shown after the
 * list, in order, with --detail full. */
static void list_code(md *m, cmark_node *list, int depth) {
  for (cmark_node *it = cmark_node_first_child(list); it && depth < 8; it = cmark_node_next(it)) {
    int sub = 0;
    for (cmark_node *c = cmark_node_first_child(it); c; c = cmark_node_next(c)) {
      if (cmark_node_get_type(c) == CMARK_NODE_LIST) { sub = 1; list_code(m, c, depth + 1); }
      else if (!sub && item_code(c)) code_block(m, c, cmark_node_get_start_line(c));
    }
  }
}

#define STEPS_SAID_WORDS 24   /* steps a summary says as one sentence, with its "then"s (narrate's LONG_WORDS) */

/* A step's lead: the first sentence of its line, without the mark that
 * ends it ("Clone the repository. You need git 2.30:" → "Clone the
 * repository"). */
static char *step_lead(md *m, const char *t) {
  int ns = 0;
  char **ss = vgi_sentences_lang(t, m->lang, &ns);
  char *lead = vgi_strdup(ns ? ss[0] : t);
  for (int i = 0; i < ns; i++) free(ss[i]);
  free(ss);
  size_t l = strlen(lead);
  while (l && strchr(":. ", lead[l - 1])) lead[--l] = 0;
  return lead;
}

/* A list of steps, each a line of prose over its command ("1. Create the
 * dictionary" then `zstd --train …` indented under it): one code scene of
 * the commands, in order, that the steps' lines introduce and say, as a
 * paragraph before a code block is; the commands are never read out as
 * part of an item. In a numbered list a step may have no command ("2. Edit
 * config.yaml"), when half the steps have one and a command takes more
 * than a line. Blocks of different
 * languages are a scene each, under their step's line. 1 when the list was
 * taken so. */
static int code_steps(md *m, cmark_node *list) {
  int items = 0, mixed = 0, with_code = 0, long_code = 0;
  int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
  const char *info0 = NULL;
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it), items++) {
    cmark_node *p = cmark_node_first_child(it);
    if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH || lone_code(p)) return 0;
    if (!cmark_node_next(p) && !ordered) return 0;
    with_code += cmark_node_next(p) != NULL;
    for (cmark_node *k = cmark_node_next(p); k; k = cmark_node_next(k)) {
      if (cmark_node_get_type(k) != CMARK_NODE_CODE_BLOCK && !lone_code(k)) return 0;
      const char *info = lone_code(k) ? "" : cmark_node_get_fence_info(k);
      if (!info) info = "";
      if (!info0) info0 = info;
      else if (strcmp(info0, info)) mixed = 1;
      long_code |= !lone_code(k) && code_of_lines(k);
    }
  }
  /* (a numbered list whose commands are one line each reads well as a
   * list: "Unpack the archive: tar xf …") */
  if (!items || !with_code || (with_code < items && (!long_code || 2 * with_code < items))) return 0;
  int summary = !(m->opts && m->opts->detail == VGI_DETAIL_FULL);
  vgi_buf code = {0}, said = {0};
  int line0 = cmark_node_get_start_line(list), nth = 0;
  /* short steps are said as one sentence ("First create the dictionary,
   * then compress with it, and finally decompress."), which a summary keeps
   * whole; long ones or many, a sentence each. A summary says a step by
   * its lead, its first sentence: the rest is detail. */
  int one = !mixed && items >= 2 && items <= 6, words = 0;
  for (cmark_node *it = cmark_node_first_child(list); it && one; it = cmark_node_next(it)) {
    char *t = plain(cmark_node_first_child(it), NULL);
    if (summary) {
      char *l = step_lead(m, t);
      free(t);
      t = l;
    }
    words += vgi_word_count(t);
    one = vgi_word_count(t) <= 10 && !strpbrk(t, ".;!?");
    free(t);
  }
  /* (a summary says a sentence of more words by its headline: a sentence
   * a step, then) */
  if (summary && words + 2 * items > STEPS_SAID_WORDS) one = 0;
  for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it), nth++) {
    cmark_node *p = cmark_node_first_child(it);
    char *t = vgi_squash(plain(p, m));
    if (one && summary) {
      char *l = step_lead(m, t);
      free(t);
      t = l;
    }
    size_t tl = strlen(t);
    while (tl && (t[tl - 1] == ':' || t[tl - 1] == ' ')) t[--tl] = 0;
    if (one) {
      /* (a capital that only opened the line: "Create" → "create", not "SSH") */
      if (isupper((unsigned char)t[0]) && islower((unsigned char)t[1])) t[0] = (char)tolower((unsigned char)t[0]);
      vgi_buf_puts(&said, nth == 0 ? "First " : nth == items - 1 ? (items > 2 ? ", and finally " : ", then ") : ", then ");
      vgi_buf_puts(&said, t);
      if (nth == items - 1) vgi_buf_puts(&said, ".");
      free(t);
    } else {
      if (tl && isalnum((unsigned char)t[tl - 1])) {   /* a step's line is said as a sentence */
        char *d = realloc(t, tl + 2);
        if (!d) abort();
        t = d;
        strcpy(t + tl, ".");
      }
      size_t before = m->nprose;
      prose_add(m, t, cmark_node_get_start_line(p), 1);
      if (m->nprose > before) m->prose[m->nprose - 1].step = ordered;   /* (a bullet need not be a step: "the V8 API available via") */
    }
    for (cmark_node *k = cmark_node_next(p); k; k = cmark_node_next(k)) {
      const char *lit = lone_code(k);
      if (!lit) lit = cmark_node_get_literal(k);
      if (!lit) continue;
      vgi_buf_puts(&code, lit);
      if (!*lit || lit[strlen(lit) - 1] != '\n') vgi_buf_puts(&code, "\n");
      if (!mixed) continue;
      cmark_node *blk = cmark_node_new(CMARK_NODE_CODE_BLOCK);
      cmark_node_set_literal(blk, code.s);
      cmark_node_set_fence_info(blk, lone_code(k) ? "" : cmark_node_get_fence_info(k));
      code_block(m, blk, cmark_node_get_start_line(k));
      cmark_node_free(blk);
      vgi_buf_free(&code);
    }
  }
  if (said.n) prose_add(m, vgi_buf_take(&said), line0, 1);
  vgi_buf_free(&said);
  if (code.n) {
    cmark_node *blk = cmark_node_new(CMARK_NODE_CODE_BLOCK);
    cmark_node_set_literal(blk, code.s);
    cmark_node_set_fence_info(blk, info0 ? info0 : "");
    code_block(m, blk, line0);
    cmark_node_free(blk);
  }
  vgi_buf_free(&code);
  return 1;
}

/* t (owned) without its sentences that hold a hole ("a v<hole> client can
 * communicate with v<hole>, …": said, "a v client can communicate with v,
 * v"); NULL when none is left. */
static char *hole_sentences_out(md *m, char *t) {
  int ns = 0;
  char **ss = vgi_sentences_lang(t, m->lang, &ns);
  /* (the sentence after one that goes, pointing back at it, goes too:
   * "The current release is <hole>. It is signed by …") */
  int english = !m->lang[0] || !strncmp(m->lang, "en", 2);
  vgi_buf b = {0};
  int gone = 0;
  for (int i = 0; i < ns; i++) {
    int drop = strstr(ss[i], VALUE_HOLE) || (english && gone && vgi_back_reference(ss[i]));
    if (!drop) {
      if (b.n) vgi_buf_puts(&b, " ");
      vgi_buf_puts(&b, ss[i]);
    }
    gone = drop;
    free(ss[i]);
  }
  free(ss);
  free(t);
  if (!b.n) { vgi_buf_free(&b); return NULL; }
  return vgi_buf_take(&b);
}

/* Whether t is one bracketed aside: "(" first, its ")" last (a stop may
 * follow it or stand inside), no bracket closing before the end. */
static int whole_aside(const char *t) {
  size_t n = strlen(t);
  while (n && (t[n - 1] == ' ' || t[n - 1] == '.')) n--;
  if (n < 3 || t[0] != '(' || t[n - 1] != ')') return 0;
  int depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (t[i] == '(') depth++;
    else if (t[i] == ')' && --depth == 0 && i + 1 < n) return 0;
  }
  return depth == 0;
}

/* Whether a paragraph holds pictures only (badges, linked or not), no
 * words of its own. */
static int pictures_only(cmark_node *p) {
  if (cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) return 0;
  int pics = 0;
  for (cmark_node *k = cmark_node_first_child(p); k; k = cmark_node_next(k)) {
    cmark_node_type t = cmark_node_get_type(k);
    cmark_node *in = t == CMARK_NODE_LINK ? cmark_node_first_child(k) : NULL;
    if (t == CMARK_NODE_IMAGE || (in && cmark_node_get_type(in) == CMARK_NODE_IMAGE && !cmark_node_next(in))) pics++;
    else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) continue;
    else if (t == CMARK_NODE_TEXT && !cmark_node_get_literal(k)[strspn(cmark_node_get_literal(k), " \t")]) continue;
    else return 0;
  }
  return pics > 0;
}

/* Whether a paragraph's text opens by pointing back at what is above it
 * ("The above …", "Most of the above packages …", "All of the above"). */
static int back_at_picture(const char *t) {
  static const char *const opens[] = { "the above ", "most of the above ", "all of the above ", "some of the above ",
                                       "many of the above ", "none of the above ", "all the above ", NULL };
  for (int i = 0; opens[i]; i++)
    if (!strncasecmp(t, opens[i], strlen(opens[i]))) return 1;
  return 0;
}

/* Takes a paragraph of prose (owned) when it has at least min_words
 * words, and frees it otherwise. */
/* A sentence that stops where a list goes on with it: it ends with a colon
 * or on a word that waits for its object ("licensed under either of",
 * "Features include", "The options are"). */
static int list_stem(const char *t) {
  size_t l = strlen(t);
  while (l && t[l - 1] == ' ') l--;
  if (l && t[l - 1] == ':') return 1;
  size_t a = l;
  while (a && t[a - 1] != ' ') a--;
  if (!a) return 0;
  static const char *const waits[] = { "of", "include", "includes", "including", "following", "are", "between",
                                       "either", NULL };
  return in_list(waits, t + a, l - a);
}

#define STEM_ITEMS 5       /* a list said whole after its stem */
#define STEM_ITEM_WORDS 8  /* each item's lead */

/* The stem s completed by the leads of the list after it (each item's text
 * before a bracket, a colon or a dash): "uv is licensed under either Apache
 * License, Version 2.0, or MIT license." s as it was when it is no stem or
 * the list is long or its leads are. Takes s; caller frees the result. */
static char *stem_with_list(md *m, char *s, cmark_node *next) {
  if (!s || !next || cmark_node_get_type(next) != CMARK_NODE_LIST || !list_stem(s)) return s;
  char *leads[STEM_ITEMS];
  int n = 0, ok = 1;
  for (cmark_node *it = cmark_node_first_child(next); it && ok; it = cmark_node_next(it)) {
    cmark_node *p = cmark_node_first_child(it);
    if (n >= STEM_ITEMS || !p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) { ok = 0; break; }
    char *t = vgi_squash(plain(p, m));
    size_t e = strcspn(t, "(:[");
    const char *d = strstr(t, " - "), *d2 = strstr(t, " \xE2\x80\x94 ");
    if (d && (size_t)(d - t) < e) e = (size_t)(d - t);
    if (d2 && (size_t)(d2 - t) < e) e = (size_t)(d2 - t);
    /* (and the list's own joining word: "Robert Sanders <…> and") */
    for (int again = 1; again;) {
      while (e && strchr(" ,.;", t[e - 1])) e--;
      again = (e > 4 && !strncmp(t + e - 4, " and", 4)) || (e > 3 && !strncmp(t + e - 3, " or", 3));
      if (again) e -= t[e - 2] == 'n' ? 4 : 3;
    }
    t[e] = 0;
    if (!e || vgi_word_count(t) > STEM_ITEM_WORDS) ok = 0;
    leads[n++] = t;
  }
  if (ok && n >= 2) {
    size_t l = strlen(s);
    while (l && strchr(" :", s[l - 1])) l--;
    /* "either of A or B" is said "either A or B" */
    int either = l >= 9 && !strncasecmp(s + l - 9, "either of", 9) && (l == 9 || s[l - 10] == ' ');
    if (either) l -= 3;
    vgi_buf b = {0};
    vgi_buf_add(&b, s, l);
    if (s[l] == ':') vgi_buf_puts(&b, ":");   /* "… these terms: a, b, and c." */
    for (int i = 0; i < n; i++) {
      const char *last = either ? (n > 2 ? ", or " : " or ") : (n > 2 ? ", and " : " and ");
      vgi_buf_puts(&b, i == 0 ? " " : i == n - 1 ? last : ", ");
      vgi_buf_puts(&b, leads[i]);
    }
    vgi_buf_puts(&b, ".");
    free(s);
    s = b.s;
  }
  for (int i = 0; i < n; i++) free(leads[i]);
  return s;
}

/* An answer ("A. That would be nice, …") after the labelled questions it
 * answers ("Q. …" paragraphs, one or more, just before it): they become
 * one paragraph, the questions' sentences first, so that a summary says
 * each question with its answer, never a question alone. Takes text when
 * it returns 1. */
static int asked_and_answered(md *m, char *text) {
  size_t q = m->nprose;
  while (q > 0 && m->prose[q - 1].question && !m->prose[q - 1].cont) q--;
  if (q == m->nprose) return 0;
  vgi_buf b = {0};
  int asks = 0, asked = 0;
  for (size_t i = q; i < m->nprose; i++) {
    int ns = 0;
    char **ss = vgi_sentences_lang(m->prose[i].text, m->lang, &ns);
    for (int k = 0; k < ns; k++) free(ss[k]);
    free(ss);
    asked = asks;
    asks += ns;
    vgi_buf_puts(&b, m->prose[i].text);
    vgi_buf_puts(&b, " ");
    if (i > q) free(m->prose[i].text);
  }
  vgi_buf_puts(&b, text);
  free(text);
  free(m->prose[q].text);
  m->prose[q].text = vgi_buf_take(&b);
  m->prose[q].question = 0;
  m->prose[q].asks = asks;
  m->prose[q].asked = asked;
  m->nprose = q + 1;
  return 1;
}

/* Whether t opens with a word that goes on from a sentence before it: a
 * joining word, a modal or a verb with no subject ("does the same job",
 * "can be used to …", "tells about …"), never a name in lower case
 * ("systemd will make …", "bash-static additionally …"). */
static int tail_word(const char *t) {
  static const char *const words[] = { "and", "or", "but", "then", "so", "if", "when", "whenever", "to", "in", "for",
    "with", "on", "as", "at", "from", "that", "is", "are", "was", "were", "can", "could", "should", "will", "would",
    "may", "might", "must", "does", "do", "did", "tells", "sets", "gives", "makes", "returns", "shows", "prints",
    "produces", "creates", "runs", "works", "lets", "allows", "causes", "means", "outputs", "generates", "yields",
    "displays", "prevents", "ensures", "followed", "after", "before", "instead", "otherwise", NULL };
  return in_list(words, t, strcspn(t, " ,"));
}

/* Whether n is a paragraph whose text opens with a capital letter (an
 * author who starts sentences with capitals). */
static int capital_paragraph(cmark_node *n) {
  if (!n || cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH) return 0;
  cmark_node *f = cmark_node_first_child(n);
  const char *t = f && cmark_node_get_type(f) == CMARK_NODE_TEXT ? cmark_node_get_literal(f) : NULL;
  return t && isupper((unsigned char)t[0]);
}

static void prose_add(md *m, char *text, int line, int min_words) {
  if (text && strlen(text) > block_max(m)) {
    /* a paragraph no scene may say: refused here, before sentences and
     * headlines are made of megabytes (a 30 MB line took 48 s and 1.2 GB) */
    vgi_diag_add(m->d, VGI_ERROR, m->file, line, 1, NULL,
                 "a paragraph of %zu characters: longer than a scene may say (%zu)", strlen(text), block_max(m));
    free(text);
    return;
  }
  if (!text || vgi_word_count(text) < min_words || placeholder(text)) { free(text); return; }
  /* a paragraph its author put in brackets whole ("(Note that this
   * requires at least a working C compiler …)") is an aside: a summary
   * neither shows nor says it */
  if (!(m->opts && m->opts->detail == VGI_DETAIL_FULL) && whole_aside(text)) { free(text); return; }
  if (strstr(text, VALUE_HOLE) && !(text = hole_sentences_out(m, text))) return;
  /* an answer's label ("A: …", "答：…" under a question heading) is
   * neither shown nor said */
  static const char *const answer[] = { "A: ", "A. ", "Answer: ", "Antwort: ", "R: ", "R\xC3\xA9ponse : ",
    "Respuesta: ", "Resposta: ", "Risposta: ", "\xE7\xAD\x94\xEF\xBC\x9A", "\xE5\x9B\x9E\xE7\xAD\x94\xEF\xBC\x9A",
    "\xEB\x8B\xB5: ", NULL };   /* 答： 回答： 답: */
  int answered = 0;
  for (int i = 0; answer[i]; i++) {
    size_t al = strlen(answer[i]);
    if (strncmp(text, answer[i], al) || !text[al]) continue;
    memmove(text, text + al, strlen(text + al) + 1);
    answered = 1;
    break;
  }
  /* a question's label ("Q. …", "Q: …", "Question: …", as a FAQ in plain
   * text writes one) is neither shown nor said either; the answer that
   * follows joins it (asked_and_answered) */
  static const char *const question[] = { "Q: ", "Q. ", "Q) ", "Question: ", "Frage: ", "F: ", NULL };
  int asked = 0;
  for (int i = 0; question[i]; i++) {
    size_t ql = strlen(question[i]);
    if (strncmp(text, question[i], ql) || !text[ql]) continue;
    memmove(text, text + ql, strlen(text + ql) + 1);
    asked = 1;
    break;
  }
  /* an answer that opens with a bare reply ("Yes. …", "No, …") after a
   * question answers it as a labelled one does; a paragraph that only
   * asks is a question as a labelled one is */
  if (!answered && reply_opens(text) && m->nprose && m->prose[m->nprose - 1].question) answered = 1;
  if (answered && asked_and_answered(m, text)) return;
  if (!asked) {
    int ns = 0, all = 1;
    char **ss = vgi_sentences_lang(text, m->lang, &ns);
    for (int k = 0; k < ns; k++) {
      all &= asks_question(ss[k], m->lang);
      free(ss[k]);
    }
    free(ss);
    asked = ns > 0 && ns <= 3 && all;
  }
  m->prose = realloc(m->prose, (m->nprose + 1) * sizeof *m->prose);
  m->prose[m->nprose] = (para){ .text = text, .line = line, .cont = 0, .question = asked };
  m->nprose++;
}

/* The pending prose's last sentence, when it ends with a colon over
 * something not shown: a lead-in of a few words ("Demo: Benchmarking fd
 * and find:") goes; a longer one says something of its own ("bat
 * supports syntax highlighting for a large number of … languages:") and
 * ends as a sentence. */
static void drop_colon_sentence(md *m);
static void end_colon_sentence(md *m, int short_words) {
  para *p = &m->prose[m->nprose - 1];
  size_t l = strlen(p->text);
  while (l && p->text[l - 1] == ' ') l--;
  int ascii = l && p->text[l - 1] == ':';
  int wide = !ascii && l >= 3 && !strncmp(p->text + l - 3, "\xEF\xBC\x9A", 3);
  if (!ascii && !wide) return;
  int ns = 0;
  char **ss = vgi_sentences_lang(p->text, m->lang, &ns);
  int words = ns ? vgi_word_count(ss[ns - 1]) : 0;
  /* (one that points at the picture, "… should look something like
   * this:", "… as shown below:", says nothing without it) */
  static const char *const points[] = { " this:", " these:", " below:", " here:", " follows:", " following:", NULL };
  size_t sl = ns ? strlen(ss[ns - 1]) : 0;
  for (int k = 0; points[k] && ns; k++) {
    size_t pl = strlen(points[k]);
    if (sl >= pl && !strcasecmp(ss[ns - 1] + sl - pl, points[k])) words = 0;
  }
  for (int i = 0; i < ns; i++) free(ss[i]);
  free(ss);
  if (words <= short_words) {
    drop_colon_sentence(m);
  } else if (ascii) {
    p->text[l - 1] = '.';
  } else {
    memcpy(p->text + l - 3, "\xE3\x80\x82", 3);   /* "。" */
  }
}

/* Whether a paragraph holds a picture */
static int has_image(cmark_node *n) {
  int found = 0;
  cmark_iter *it = cmark_iter_new(n);
  for (cmark_event_type ev; !found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;)
    found = cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_IMAGE;
  cmark_iter_free(it);
  return found;
}

/* Takes the last sentence of the pending prose away when it ends with a
 * colon (what follows it is not part of the talk); a paragraph left empty
 * goes. */
static void drop_colon_sentence(md *m) {
  para *p = &m->prose[m->nprose - 1];
  size_t l = strlen(p->text);
  while (l && p->text[l - 1] == ' ') l--;
  if (!l || (p->text[l - 1] != ':' && (l < 3 || strncmp(p->text + l - 3, "\xEF\xBC\x9A", 3)))) return;
  int ns = 0;
  char **ss = vgi_sentences_lang(p->text, m->lang, &ns);
  vgi_buf b = {0};
  for (int i = 0; i < ns; i++) {
    if (i < ns - 1) {
      if (b.n) vgi_buf_puts(&b, " ");
      vgi_buf_puts(&b, ss[i]);
    }
    free(ss[i]);
  }
  free(ss);
  free(p->text);
  if (b.n) {
    p->text = vgi_buf_take(&b);
  } else {
    vgi_buf_free(&b);
    m->nprose--;
  }
}

/* A paragraph cut off where its link was set apart ("Please report bugs via
 * the GitLab at" over a line of its own with the address): the address goes
 * back to the end of its sentence, so the narration treats it as it treats
 * a link inside a sentence (the dangling "at" is resolved there). 1 when it
 * went back. */
static int link_rejoined(md *m, const char *url, size_t ul) {
  if (!m->nprose || m->label || !url || !ul) return 0;
  para *p = &m->prose[m->nprose - 1];
  size_t l = strlen(p->text);
  while (l && p->text[l - 1] == ' ') l--;
  if (!l || !isalpha((unsigned char)p->text[l - 1])) return 0;
  vgi_buf b = {0};
  vgi_buf_add(&b, p->text, l);
  vgi_buf_puts(&b, " ");
  vgi_buf_add(&b, url, ul);
  free(p->text);
  p->text = vgi_buf_take(&b);
  return 1;
}

/* A whole HTML page (a package's README.html, "<!DOCTYPE html …" or
 * "<html"): its tags are indented for the eye, and an indented line after a
 * blank one would be Markdown's code ("Readme", one slide of eight lines of
 * HTML). Its lines lose their indent, except inside <pre>; the lines stay
 * where they are. In place; returns the new length. */
static size_t html_page_dedent(char *t, size_t len) {
  if (!vgi_is_html_page(t, len)) return len;
  size_t w = 0;
  int pre = 0;
  for (size_t r = 0; r < len;) {
    if (!pre)
      while (r < len && (t[r] == ' ' || t[r] == '\t')) r++;
    size_t e = r;
    while (e < len && t[e] != '\n') e++;
    for (size_t q = r; q + 4 <= e; q++) {
      if (!strncasecmp(t + q, "<pre", 4)) pre = 1;
      if (q + 5 <= e && !strncasecmp(t + q, "</pre", 5)) pre = 0;
    }
    if (e < len) e++;   /* the newline */
    memmove(t + w, t + r, e - r);
    w += e - r;
    r = e;
  }
  t[w] = 0;
  return w;
}

cJSON *vgi_markdown_load(const char *text_in, size_t len, const char *file,
                         const vgi_options *opts, vgi_posmap *pm, vgi_diags *d) {
  (void)pm;
  md m = { .file = file, .opts = opts, .d = d, .level = 1 };
  const char *slash = strrchr(file, '/');
  if (slash) snprintf(m.dir, sizeof m.dir, "%.*s", (int)(slash - file), file);
  else snprintf(m.dir, sizeof m.dir, ".");
  char *text = malloc(len + 1);
  memcpy(text, text_in, len);
  text[len] = 0;
  vgi_html_page_quiet(text, len);   /* (first: what it blanks leaves no indent) */
  len = html_page_dedent(text, len);
  size_t jlen;
  char *joined = vgi_html_page_join(text, len, &jlen);
  if (joined) { free(text); text = joined; len = jlen; }
  m.src = text;
  blank_huge_runs(text, len, &m);
  cut_wide_rows(text, len, &m);
  vgi_toml_front_matter(text, len);   /* Hugo's "+++": site_markup.c */
  m.fm = front_matter(text, len, file, vgi_limits(opts), d);
  vgi_doc_macros_out(text, len);
  vgi_footnote_defs_out(text, len);
  /* MDX's imports and components: mdx.c */
  size_t fl = file ? strlen(file) : 0, xlen;
  int mdx_file = fl > 4 && !strcasecmp(file + fl - 4, ".mdx");
  char *mdx = vgi_mdx(text, len, mdx_file, &xlen);
  if (mdx) { free(text); text = mdx; len = xlen; m.src = text; }
  /* a site generator's tags, shortcodes and admonitions: site_markup.c */
  size_t slen;
  char *site = vgi_site_markup(text, len, m.fm != NULL, &slen);
  if (site) { free(text); text = site; len = slen; m.src = text; }
  m.site_page = m.fm || site || mdx || mdx_file;
  document_language(&m, text, len);
  const char *split = opts && opts->split ? opts->split : vgi_str(m.fm, "split");
  if (split && *split) {
    if (!strcmp(split, "h2")) m.split_h2 = 1;
    else vgi_diag_add(d, VGI_ERROR, file, 0, 0, "split", "unknown split '%s' (only h2)", split);
  }

  pthread_once(&ext_once, ext_init);
  cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
  static const char *const exts[] = { "table", "strikethrough", "autolink", "tasklist" };
  for (size_t i = 0; i < 4; i++) {
    cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
    if (e) cmark_parser_attach_syntax_extension(p, e);
  }
  /* MyST's colon fences (":::{note}") as the backtick fences they mean */
  size_t mlen = 0;
  char *myst = vgi_myst_colon_fences(text, len, &mlen);
  cmark_parser_feed(p, myst ? myst : text, myst ? mlen : len);
  free(myst);
  cmark_node *doc = cmark_parser_finish(p);
  /* blocks nested absurdly deep (20,000 ">") are refused, like deep YAML */
  {
    int depth = 0, deepest_line = 0, deepest_inline = 0;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node *cur = cmark_iter_get_node(it);
      if (cmark_node_first_child(cur) == NULL && ev == CMARK_EVENT_ENTER) continue; /* leaves */
      if (ev == CMARK_EVENT_ENTER) {
        if (++depth > vgi_limits(opts)->max_markdown_depth && !deepest_line) {
          deepest_line = cmark_node_get_start_line(cur);
          deepest_inline = (cmark_node_get_type(cur) & CMARK_NODE_TYPE_MASK) == (CMARK_NODE_TYPE_INLINE & CMARK_NODE_TYPE_MASK);
        }
      } else if (ev == CMARK_EVENT_EXIT) {
        depth--;
      }
    }
    cmark_iter_free(it);
    if (deepest_line) {
      vgi_diag_add(d, VGI_ERROR, file, deepest_line, 1, NULL, "%s nested more than %ld levels deep",
                   deepest_inline ? "emphasis or links" : "blocks", vgi_limits(opts)->max_markdown_depth);
      cmark_node_free(doc);
      cmark_parser_free(p);
      cJSON_Delete(m.fm);
      free(text);
      return NULL;
    }
  }
  drop_huge_blocks(doc, &m, 8);
  vgi_spaced_strong(doc);   /* "** Branch & Bound **": spaced_strong.c */
  vgi_spaced_links(doc);   /* "[दैनिक योजना](#दैनिक योजना)": spaced_links.c */
  drop_sign_off(doc);
  vgi_myst_blocks(doc);   /* MyST directives and targets: myst.c */
  vgi_html_hidden(doc);   /* what HTML never shows as text (<script>, <style>): html_hidden.c */
  vgi_unwrap_sidebars(doc);   /* "> ### Aside" and its paragraphs: sidebars.c */
  vgi_details_lists(doc);   /* "- <details>", a summary and a command: details.c */
  vgi_item_rows(doc);   /* "Features: A · B · C" as a list: item_rows.c */
  vgi_apidoc_entries(doc);   /* "- **Type**", "- **Details**", "- **Example**": apidoc.c */
  vgi_html_blocks(doc);   /* a README's HTML headings and paragraphs: html_blocks.c */
  void *mdbook = vgi_mdbook_includes(doc, file, opts, d);   /* {{#include f.rs:anchor}}: mdbook_include.c */
  drop_huge_blocks(doc, &m, 1);   /* (what its HTML became) */
  m.videos = cJSON_CreateArray();

  /* pass 1: the title */
  const char *fm_title = fm_str(&m, "title");
  cmark_node *h1 = NULL;
  for (cmark_node *c = cmark_node_first_child(doc); c; c = cmark_node_next(c))
    if (cmark_node_get_type(c) == CMARK_NODE_HEADING && cmark_node_get_heading_level(c) == 1) {
      h1 = c;
      break;
    }
  /* an H1 after a whole introduction (not a line of release news) heads a
   * section, not the document (double-conversion's README: its URL, three
   * paragraphs, "Building") */
  int intro_blocks = 0, intro_words = h1 ? words_before(doc, h1, 40, &intro_blocks) : 0;
  if (intro_words >= 40 || (intro_blocks >= 2 && intro_words >= 25)) h1 = NULL;
  char *h1text = h1 ? heading_plain(h1, NULL) : NULL;
  /* "Hello!" over "Thanks for downloading Linux-PAM.": a greeting names nothing */
  if (h1text && greeting(h1text)) {
    free(h1text);
    h1text = NULL;
    cmark_node_free(h1);   /* (and it heads no part: the title scene greets) */
    h1 = NULL;
  }
  cmark_node *title_para = NULL;   /* an untitled document's first sentence, its title */
  char *tagline = NULL;   /* or its tagline, under the folder's name */
  if (fm_title) m.doc_title = vgi_strdup(fm_title);
  else if (h1text && *h1text) m.doc_title = vgi_strdup(h1text);
  else if (!m.fm || !(m.doc_title = page_file_title(file))) {
    m.doc_title = untitled(doc, file, text, len, &title_para, &tagline);
    folder_case(m.doc_title, text, len);
  }
  /* "DejaVu fonts 2.37 (c)2004-2016 DejaVu fonts team": the title is the
   * name; the copyright after it is no part of it, shown or said */
  if (!fm_title && m.doc_title) {
    static const char *const marks[] = { " (c)", " (C)", " \xC2\xA9", " Copyright ", " copyright ", NULL };
    for (int k = 0; marks[k]; k++) {
      char *cp = strstr(m.doc_title, marks[k]);
      if (!cp && k == 3) {
        /* "libiec61883 README Copyright": the word last */
        size_t tl = strlen(m.doc_title);
        if (tl > 10 && !strcmp(m.doc_title + tl - 10, " Copyright")) cp = m.doc_title + tl - 10;
      }
      if (cp && cp > m.doc_title && (k >= 3 || isdigit((unsigned char)cp[strlen(marks[k])]) ||
                                     cp[strlen(marks[k])] == ' ')) {
        *cp = 0;
        vgi_squash(m.doc_title);
      }
    }
  }
  if (!fm_title && generic_title(m.doc_title)) {
    /* "Introduction" heads a part of any document: the title is what the
     * document's first sentence says it is about ("httplib2 is a ..."), or
     * the heading stays */
    char *subj = subject_title(doc);
    if (!subj) subj = readme_folder(file);
    if (subj) { free(m.doc_title); m.doc_title = subj; title_para = NULL; }
  }
  const char *subtitle = fm_str(&m, "subtitle");
  if (!subtitle) subtitle = fm_str(&m, "description");
  if (!subtitle) subtitle = tagline;
  char *sub_para = NULL;
  /* a short paragraph right after the H1 is its subtitle, unless it
   * introduces what follows ("pip is installed if you are:") */
  cmark_node *nx = h1 ? cmark_node_next(h1) : NULL;
  /* (past a row of badges or links, and pictures: uv's and zoxide's
   * tagline under their badges was a slide of one point after the title) */
  for (int k = 0; k < 3 && nx && cmark_node_next(nx) && silent_block(nx); k++) nx = cmark_node_next(nx);
  /* (there, only words: "Search the list at [https://…](…)" is no tagline) */
  if (h1 && nx != cmark_node_next(h1) && linked(nx)) nx = NULL;
  if (!subtitle && h1) {
    if (nx && cmark_node_get_type(nx) == CMARK_NODE_PARAGRAPH) {
      char *t = plain(nx, NULL);
      /* (nor a table of contents' label, "Table of Contents": the agenda
       * after it says what it is) */
      /* (nor the title again: keep-a-changelog's tagline titles it) */
      if (shows_text(t) && strlen(t) <= 120 && !strchr(t, '\n') && !navigation(nx) && !metadata_line(t) && !ends_colon(t) &&
          !(m.doc_title && !strcmp(t, m.doc_title)) &&
          !toc_label(t)) {
        sub_para = t;
        subtitle = t;
      } else {
        free(t);
      }
    }
  }
  /* "pipx — Install and Run Python Applications in Isolated Environments":
   * a heading that names the project, then says what it is, is a title
   * and its subtitle (when nothing else is the subtitle) */
  char *title_sub = NULL;
  if (!subtitle && !fm_title && !vgi_title_whole_ && h1text && m.doc_title && !strcmp(m.doc_title, h1text))
    subtitle = title_sub = title_tagline(m.doc_title);
  /* a bold line alone over prose and a list heads a part of its section
   * (bold_headings.c); the subtitle is not one */
  vgi_bold_headings(doc, sub_para && h1 ? nx : NULL);

  if (!m.split_h2) start_video(&m, m.doc_title, subtitle, h1 ? cmark_node_get_start_line(h1) : 1);
  /* a document titled "Changelog", or a NEWS file, is one: a summary says
   * its latest release (the title's own, when it names one) */
  if (!(opts && (opts->detail == VGI_DETAIL_FULL || opts->duration > 0)) &&
      ((h1text && changelog(h1text)) || changelog_file(slash ? slash + 1 : file))) {
    m.changes = m.changes_whole = 1;
    if (h1text && release_heading(h1text)) m.changes_sub = cmark_node_get_heading_level(h1);
  }
  int skipped_sub = 0;
  cmark_node *sub_node = sub_para && h1 ? nx : NULL;
  m.code_pick = section_pick(&m, cmark_node_first_child(doc), h1, sub_node);
  for (cmark_node *c = cmark_node_first_child(doc); c; c = cmark_node_next(c)) {
    int line = cmark_node_get_start_line(c);
    cmark_node_type t = cmark_node_get_type(c);
    /* (said on the title slide; a slide of its own said it again, cobra) */
    if (c == h1 || c == title_para) continue;
    int after_drop = m.after_drop;
    m.after_drop = 0;
    if (t == CMARK_NODE_HEADING) {
      int level = cmark_node_get_heading_level(c);
      char *ht = heading_plain(c, NULL);
      size_t hl = strlen(ht);
      while (hl && (ht[hl - 1] == ':' || ht[hl - 1] == ' ')) ht[--hl] = 0;
      if (m.split_h2 && level <= 2) {
        end_video(&m);
        free(m.h2);
        m.h2 = NULL;
        free(m.header);
        m.header = vgi_strdup(ht);
        m.header_line = line;
        m.level = 2;
        m.section_codes = m.code_dropped = 0;
      m.pair_scene = NULL;
        m.code_pick = section_pick(&m, cmark_node_next(c), h1, sub_node);
        start_video(&m, ht, m.doc_title, line);
        free(ht);
        continue;
      }
      if (!m.video) start_video(&m, m.doc_title, subtitle, line);
      /* a changelog in a summary: its first release, not the older ones */
      if (m.changes && level <= m.changes && !m.changes_whole)
        m.changes = m.changes_sub = m.changes_skip = m.changes_down = 0;
      if (m.changes && !m.changes_skip) {
        /* its subsections must be releases, else they are the document's own */
        if ((!m.changes_sub || level <= m.changes_sub) && !release_heading(ht)) {
          /* (in a changelog file, a heading of no release is passed by) */
          if (!m.changes_whole) m.changes = m.changes_sub = 0;
        } else if (!m.changes_sub) {
          /* an empty release ("## [Unreleased]" over nothing, as Keep a
           * Changelog keeps it) is not the latest: the next one is */
          if (empty_section(c, level)) {
            free(ht);
            continue;
          }
          m.changes_sub = level;
        } else if (level > m.changes_sub && !m.changes_down && release_heading(ht)) {
          /* a series and its releases ("OpenSSL 3.0", then "Changes between
           * 3.0.18 and 3.0.19"): the latest is the first of the deeper ones */
          m.changes_sub = level;
          m.changes_down = 1;
        } else if (level <= m.changes_sub) {
          end_section(&m);
          m.changes_skip = 1;
        }
      }
      if (m.changes_skip) {
        free(ht);
        continue;
      }
      end_section(&m);
      m.section_codes = m.code_dropped = 0;
      m.pair_scene = NULL;
      m.code_pick = section_pick(&m, cmark_node_next(c), h1, sub_node);
      if (m.boiler && level <= m.boiler) m.boiler = 0;
      /* (with --duration the fit decides what goes, by rank) */
      if (!m.boiler && !(opts && (opts->detail == VGI_DETAIL_FULL || opts->duration > 0)) &&
          (boilerplate(ht) || sponsors(ht) || promotion(ht) || m.sponsor_next)) {
        m.boiler = level;
        m.boiler_mute = sponsors(ht) || promotion(ht) || m.sponsor_next;
      }
      m.sponsor_next = 0;
      if (!m.boiler && !m.changes && !(opts && (opts->detail == VGI_DETAIL_FULL || opts->duration > 0)) &&
          changelog(ht)) {
        m.changes = level;
      }
      if (level <= 2) { free(m.h2); m.h2 = vgi_strdup(ht); }
      if (level == 1) { free(m.h1); m.h1 = vgi_strdup(ht); }
      if (level >= 1 && level <= 6) {
        for (int k = level; k <= 6; k++) { free(m.heads[k]); m.heads[k] = NULL; }
        m.heads[level] = vgi_strdup(ht);
      }
      m.level = level;
      free(m.header);
      m.header = ht;
      m.header_line = line;
      continue;
    }
    if (!m.video) start_video(&m, m.doc_title, subtitle, line);
    if (m.changes_skip) continue;
    if (m.boiler) {
      /* a summary says a boilerplate section by its first sentence, and
       * nothing of its subsections */
      if (t != CMARK_NODE_PARAGRAPH || m.level > m.boiler || m.nprose || m.section_scenes || m.label) continue;
      if (m.boiler_mute) continue;
      char *pt = plain(c, &m);
      int ns = 0;
      char **ss = vgi_sentences_lang(pt, m.lang, &ns);
      free(pt);
      /* one that opens with a question ("Notice a typo? Want to add a
       * feature? Check out CONTRIBUTING.md. We'd love your help!") by its
       * first sentence that answers, not pointing elsewhere: the question
       * alone was all a summary said */
      static const char *const points[] = { "check out", "see ", "please see", "read ", "refer ", "please refer",
        "visit ", "for more", NULL };
      int pick = 0;
      if (ns > 1 && asks_question(ss[0], m.lang))
        for (int i = 1; i < ns && !pick; i++) {
          int pointer = 0;
          for (int q = 0; points[q] && !pointer; q++) pointer = !strncasecmp(ss[i], points[q], strlen(points[q]));
          if (!asks_question(ss[i], m.lang) && !pointer && vgi_word_count(ss[i]) >= 3) pick = i;
        }
      /* (a notice of copyright before the license: the license) */
      if (ns > 1 && copyright_notice(ss[0]) && !copyright_notice(ss[1])) pick = 1;
      for (int i = 0; i < ns; i++)
        if (i != pick) free(ss[i]);
      /* a stem the list after it completes ("uv is licensed under either
       * of" over "- Apache License …" "- MIT license …"): said with the
       * items' leads, never cut short */
      if (ns == 1 && !pick) ss[0] = stem_with_list(&m, ss[0], cmark_node_next(c));
      prose_add(&m, ns > 0 ? ss[pick] : NULL, line, 1);
      free(ss);
      continue;
    }
    switch (t) {
    case CMARK_NODE_PARAGRAPH: {
      if (sub_para && !skipped_sub && c == sub_node) { skipped_sub = 1; break; }
      /* display math ("$$ T(n) = \sum_{i=1}^{n} t_i $$"): a formula can
       * neither be drawn from its TeX nor read out */
      if (display_math(&m, c)) break;
      cmark_node *f = cmark_node_first_child(c);
      if (f && !cmark_node_next(f) && cmark_node_get_type(f) == CMARK_NODE_STRONG) {
        /* a bold line names what follows: prose before it is finished (but
         * "**Returns:**" goes on with an API entry: apidoc.c) */
        char *lt = plain(f, NULL);
        if (!(m.api && vgi_apidoc_context(lt))) flush_prose(&m, 0);
        /* a table of contents' label over its list ("**Table of
         * Contents**", DocBook's <p><b>…</b></p>) names nothing said: the
         * list says what it is */
        cmark_node *after = cmark_node_next(c);
        int toc = toc_label(lt) && vgi_word_count(lt) <= 4 && after && cmark_node_get_type(after) == CMARK_NODE_LIST;
        free(lt);
        if (toc) break;
        free(m.label);
        m.label = plain(f, NULL);
        m.label_once = 0;
        size_t l = strlen(m.label);
        while (l && (m.label[l - 1] == ':' || m.label[l - 1] == ' ')) m.label[--l] = 0;
        break;
      }
      if (navigation(c)) {
        /* links only: the sentence that introduced them ("The homepage is
         * at:") points at nothing said or shown */
        if (m.nprose && !m.label) drop_colon_sentence(&m);
        break;
      }
      /* a footnote ("[^1]: text") is not part of the talk */
      const char *lit0 = f && cmark_node_get_type(f) == CMARK_NODE_TEXT ? cmark_node_get_literal(f) : NULL;
      if (lit0 && lit0[0] == '[' && lit0[1] == '^' && strstr(lit0, "]:")) break;
      {
        char *pt = plain(c, NULL);
        /* "or" between two code blocks: the choice is on screen */
        int meta = metadata_line(pt) || in_list((const char *const[]){ "or", "alternatively", "oder", "ou", "o",
                                                                       "oppure", "of", "или", NULL }, pt, strlen(pt));
        /* a table of contents' label over its list ("Table of Contents"):
         * the list says what it is */
        cmark_node *after = cmark_node_next(c);
        meta |= toc_label(pt) && vgi_word_count(pt) <= 4 && after && cmark_node_get_type(after) == CMARK_NODE_LIST;
        free(pt);
        if (meta) break;
      }
      /* a paragraph of one bare link ("https://…") is not said either */
      int bare = 0;
      for (cmark_node *k = f; k; k = cmark_node_next(k)) {
        cmark_node_type kt = cmark_node_get_type(k);
        const char *kl = kt == CMARK_NODE_TEXT ? cmark_node_get_literal(k) : NULL;
        /* (a linked picture is a picture: plain() below takes it) */
        if (kt == CMARK_NODE_LINK && !(cmark_node_first_child(k) && cmark_node_get_type(cmark_node_first_child(k)) == CMARK_NODE_IMAGE)) bare++;
        else if (kt == CMARK_NODE_SOFTBREAK || (kl && !kl[strspn(kl, " \t")])) continue;
        else { bare = 0; break; }
      }
      /* a table of contents a site draws ("[[_TOC_]]", "[TOC]", "{:toc}") is
       * a marker, not words, like a bare link */
      if (!bare) {
        char *pt0 = plain(c, NULL);
        static const char *const tocs[] = { "[[TOC]]", "[[_TOC_]]", "[TOC]", "[toc]", "{:toc}", "* TOC {:toc}",
                                            "[[toc]]", "${toc}", NULL };
        for (int q = 0; tocs[q]; q++)
          if (!strcmp(pt0, tocs[q])) bare = 1;
        free(pt0);
      }
      if (bare == 1) {
        const char *u = NULL;
        for (cmark_node *k = f; k && !u; k = cmark_node_next(k))
          if (cmark_node_get_type(k) == CMARK_NODE_LINK) u = cmark_node_get_url(k);
        if (u && strstr(u, "://") && link_rejoined(&m, u, strlen(u))) break;
        if (m.nprose && !m.label) drop_colon_sentence(&m);
        break;
      }
      const char *code = lone_code(c);
      if (code) {
        /* a paragraph that is one code span is a command shown, as a code
         * block would be ("{{path}}", a tldr page's placeholder, shown
         * without its braces) */
        vgi_buf cb = {0};
        for (const char *q = code; *q; q++) {
          if ((q[0] == '{' && q[1] == '{') || (q[0] == '}' && q[1] == '}')) { q++; continue; }
          vgi_buf_add(&cb, q, 1);
        }
        vgi_buf_puts(&cb, "\n");
        cmark_node *blk = cmark_node_new(CMARK_NODE_CODE_BLOCK);
        cmark_node_set_literal(blk, cb.s);
        cmark_node_set_fence_info(blk, "");
        vgi_buf_free(&cb);
        code_block(&m, blk, line);
        cmark_node_free(blk);
        if (m.label_once) { free(m.label); m.label = NULL; m.label_once = 0; }
        break;
      }
      /* "Most of the above packages are maintained by third parties" under
       * a badge that lists them (lazygit's Repology picture): what it
       * points back at is not on any slide, so a summary leaves it out */
      if (!(m.opts && m.opts->detail == VGI_DETAIL_FULL) && cmark_node_previous(c) &&
          pictures_only(cmark_node_previous(c))) {
        char *pt1 = plain(c, NULL);
        int back = back_at_picture(pt1);
        free(pt1);
        if (back) break;
      }
      /* "```nvm -v```  which should output nvm if …": the sentence that
       * introduced the code goes on after it; a summary says the
       * introduction, not this tail, which alone has no subject */
      /* (so is any tail in lower case after a block shown, in a document
       * that opens its sentences with capitals: Sphinx's "```.. function::
       * enumerate```  does the same job if …", whose subject is the code;
       * after a block left out, the tail is said as a sentence, below) */
      if (lit0 && islower((unsigned char)lit0[0]) && !(m.opts && (m.opts->detail == VGI_DETAIL_FULL || m.opts->duration > 0)) &&
          cmark_node_previous(c) && cmark_node_get_type(cmark_node_previous(c)) == CMARK_NODE_CODE_BLOCK &&
          (in_list((const char *const[]){ "which", "where", "whereby", "wherein", NULL }, lit0, strcspn(lit0, " ,")) ||
           (!after_drop && tail_word(lit0) && capital_paragraph(cmark_node_previous(cmark_node_previous(c))))))
        break;
      const char *image0 = m.image;
      int image_line0 = m.image_line;
      char *pt = plain(c, &m);
      /* a picture not shown (a remote GIF, a missing file): the sentence
       * that introduced it ("**Demo**: Benchmarking fd and find:",
       * hyperfine's README) points at nothing */
      if (!vgi_word_count(pt) && m.image == image0 && m.image_line == image_line0 && has_image(c)) {
        if (m.nprose && !m.label) end_colon_sentence(&m, 8);
        free(pt);
        break;
      }
      /* a step's number in bold before its text ("**1.** Install …"): the
       * order is the paragraphs', the number alone said was a sentence of
       * its own ("1. 2.") */
      if (f && cmark_node_get_type(f) == CMARK_NODE_STRONG && cmark_node_next(f)) {
        size_t d = strspn(pt, "0123456789");
        size_t e = d;
        if (d && d <= 3 && (pt[e] == '.' || pt[e] == ')' || pt[e] == ':')) e++;
        if (d && d <= 3 && pt[e] == ' ' && pt[e + 1]) memmove(pt, pt + e + 1, strlen(pt + e + 1) + 1);
      }
      /* a sentence that went on from a block the summary dropped ("If you
       * see this error: ```…``` you might want to …") opens with a capital */
      size_t w0 = strcspn(pt, " ");
      if (after_drop && lit0 && lit0[0] >= 'a' && lit0[0] <= 'z' && pt[0] == lit0[0] &&
          !memchr(pt, '.', w0 && pt[w0 - 1] == '.' ? w0 - 1 : w0))   /* not "i.e." */
        pt[0] = (char)(pt[0] - 'a' + 'A');
      prose_add(&m, api_prose(&m, pt, line), line, 1);   /* API references: "{Type}", "Value: {boolean}" */
      break;
    }
    case CMARK_NODE_CODE_BLOCK: {
      /* a MyST directive ("```{note}"): its text is prose, its options
       * (":class: …") are not */
      const char *info = cmark_node_get_fence_info(c);
      if (info && (!strcmp(info, "math") || !strncmp(info, "math ", 5))) { math_left_out(&m, line); break; }
      if (info && (!strcmp(info, "mermaid") || !strncmp(info, "mermaid ", 8)) && mermaid_block(&m, c, line)) break;
      if (info && info[0] == '{') {
        vgi_buf pb = {0};
        const char *lit = cmark_node_get_literal(c);
        for (const char *q = lit ? lit : ""; *q;) {
          const char *e = strchr(q, '\n');
          size_t l = e ? (size_t)(e - q) : strlen(q);
          if (!(q[0] == ':' && l > 1 && memchr(q + 1, ':', l - 1))) { if (pb.n) vgi_buf_puts(&pb, " "); vgi_buf_add(&pb, q, l); }
          q += l + (e ? 1 : 0);
        }
        char *pt = vgi_buf_take(&pb);
        if (pt && *vgi_squash(pt)) prose_add(&m, pt, line, 1);
        else free(pt);
        break;
      }
      /* a logo drawn in characters (a README's banner of slashes and
       * underscores) is no code: neither shown nor said */
      if (!info_lang(info) && ascii_art(cmark_node_get_literal(c))) break;
      /* a block of a web address or two (indented under "available on the
       * wiki.") is a link, not code: neither shown nor said, as a bare link */
      if (urls_only(cmark_node_get_literal(c))) {
        const char *u = cmark_node_get_literal(c);
        u += strspn(u, " \t");
        if (link_rejoined(&m, u, strcspn(u, " \t\r\n"))) break;
        if (m.nprose && !m.label) drop_colon_sentence(&m);
        break;
      }
      /* an mdBook include whose file was not read (mdbook_include.c told
       * why): the directive itself is no code to show */
      if (mdbook_include(cmark_node_get_literal(c))) break;
      /* an indented block of notes, not code (release notes under
       * "History"): said as paragraphs (text.c reads its lines) */
      int flen = 0, foff = 0;
      char fch = 0;
      char *notes = cmark_node_get_fenced(c, &flen, &foff, &fch) ? NULL : vgi_text_notes(cmark_node_get_literal(c), !(m.opts && (m.opts->detail == VGI_DETAIL_FULL || m.opts->duration > 0)));
      for (char *q = notes; q && *q;) {
        char *e = strchr(q, '\n');
        if (e) *e = 0;
        prose_add(&m, vgi_strdup(q), line, 1);
        q = e ? e + 1 : q + strlen(q);
      }
      if (notes) { free(notes); break; }
      code_block(&m, c, line);
      break;
    }
    case CMARK_NODE_LIST: {
      /* "- Create an archive:" then `tar cf …` on its own (tldr pages):
       * the item introduces the command, as prose would */
      cmark_node *nx = cmark_node_next(c);
      cmark_node *it = cmark_node_first_child(c);
      if (nx && lone_code(nx) && it && !cmark_node_next(it) && cmark_node_first_child(it) &&
          !cmark_node_next(cmark_node_first_child(it)) &&
          cmark_node_get_type(cmark_node_first_child(it)) == CMARK_NODE_PARAGRAPH) {
        char *t = vgi_squash(plain(cmark_node_first_child(it), &m));
        size_t tl = strlen(t);
        if (tl && (t[tl - 1] == ':' || (tl >= 3 && !strcmp(t + tl - 3, "\xEF\xBC\x9A")))) {
          /* shown over the command too, without its colon, and said */
          if (!m.label) {
            m.label = vgi_strdup(t);
            size_t ll = strlen(m.label);
            if (ll >= 3 && !strcmp(m.label + ll - 3, "\xEF\xBC\x9A")) m.label[ll -= 3] = 0;
            while (ll && (m.label[ll - 1] == ':' || m.label[ll - 1] == ' ')) m.label[--ll] = 0;
            /* shown as the words it says: "Create … a file", not "[c]reate … a [f]ile" */
            vgi_mnemonic_out(m.label, m.lang);
            m.label_once = 1;
          }
          prose_add(&m, t, line, 1);
          break;
        }
        free(t);
      }
      if (code_steps(&m, c)) break;
      list_block(&m, c);
      if (m.opts && m.opts->detail == VGI_DETAIL_FULL) list_code(&m, c, 0);
      break;
    }
    case CMARK_NODE_BLOCK_QUOTE: quote_block(&m, c); break;
    case CMARK_NODE_HTML_BLOCK: {
      /* READMEs wrap prose in <p align="right"> or <div>: its words are prose,
       * its tags are not; comments are nothing (scripts and styles went
       * before: html_hidden.c) */
      char *ht_ = html_text(cmark_node_get_literal(c));
      /* "<sup>Supported by:</sup>" over a sponsor's logo: the heading under
       * it ("### Warp, the AI terminal for devs", cobra's README) is an
       * advertisement, said no more than the line */
      static const char *const by[] = { "supported by", "sponsored by", "brought to you by", "special thanks to", NULL };
      int ad = 0;
      /* (its words in fine print too: "<sup>Special thanks to:</sup>",
       * caddy's, which html_text leaves out) */
      char *lo = tag_words(cmark_node_get_literal(c));
      for (char *q = lo; *q; q++) *q = (char)tolower((unsigned char)*q);
      for (int k = 0; by[k] && !ad; k++) ad = strstr(lo, by[k]) && vgi_word_count(lo) <= 6;
      free(lo);
      if (ad) {
        m.sponsor_next = 1;
        free(ht_);
        break;
      }
      /* an API page made HTML: its stamp ("<span>Added in: v10.0.0</span>")
       * and its banner ("<div class=\"api_stability\">Stability: 2 -
       * Stable</div>") are read as the Markdown's (a YAML comment, a quote) */
      if (ht_) {
        char *sq = vgi_squash(vgi_strdup(ht_));
        /* "Stability: 1</a>.1 - Active development" reads "1 .1": one number */
        for (char *q = sq; (q = strstr(q, " .")); q++)
          if (q > sq && isdigit((unsigned char)q[-1]) && isdigit((unsigned char)q[2])) memmove(q, q + 1, strlen(q));
        /* ("Added in: v20.1.0, v18.17.0 Deprecated since: v20.12.0 Stability: 0 - Deprecated") */
        const char *sb = sq;
        for (const char *se; (se = stamp_end(sb));) sb = se;
        int stamp = (sb != sq && !*sb) || (!strncmp(sb, "Stability", 9) && strlen(sb) < 400 && api_banner_text(&m, sb));
        free(sq);
        if (stamp) {
          free(ht_);
          break;
        }
      }
      prose_add(&m, ht_, line, 3);
      break;
    }
    default:
      if (!strcmp(cmark_node_get_type_string(c), "table")) table_block(&m, c);
      break;   /* thematic breaks: nothing to show */
    }
  }
  if (m.maths)
    vgi_diag_add(m.d, VGI_WARNING, m.file, m.math_line, 1, NULL,
                 m.maths == 1 ? "a formula (TeX math) is neither drawn nor said (left out)"
                              : "%d formulas (TeX math), from here on, are neither drawn nor said (left out)", m.maths);
  if (!m.video && !cJSON_GetArraySize(m.videos)) start_video(&m, m.doc_title, subtitle, 1);
  end_video(&m);
  renumber(m.videos);
  holes_out(m.videos);

  cmark_node_free(doc);
  vgi_mdbook_free(mdbook);
  cmark_parser_free(p);
  cJSON *model = cJSON_CreateObject();
  cJSON_AddItemToObject(model, "videos", m.videos);
  for (size_t i = 0; i < m.nprose; i++) free(m.prose[i].text);
  free(m.prose);
  free(m.doc_title);
  free(m.h2);
  free(m.header);
  free(m.label);
  free(m.image);
  free(m.short_h2);
  free(m.cmd_parent);
  free(m.cmd_label);
  free(m.code_label);
  free(m.pair_label);
  for (int k = 0; k <= 6; k++) free(m.heads[k]);
  free(m.h1);
  vgi_apidoc_free(m.api);
  free(m.api_note);
  free(m.api_shared_parent);
  cJSON_Delete(m.api_shared_item);
  pend_clear(&m);
  free(h1text);
  free(sub_para);
  free(title_sub);
  free(tagline);
  cJSON_Delete(m.fm);
  free(text);
  return model;
}
