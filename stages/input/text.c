/* text.c: plain text (README, README.Debian, NEWS, INSTALL, *.txt), read as
 * the Markdown it stands for and handed to the Markdown adapter, as rst.c
 * does, so one set of rules makes the scenes of every document.
 *
 * Each line of the text becomes one line of Markdown where it can, and a map
 * of every Markdown line to its text line puts the model's source lines and
 * every diagnostic back on the file. What is recognised:
 *   - headings: a short line underlined (or over- and underlined) with
 *     = - ~ * ^ # + _; a rule with a title inside ("---- Notes ----"); an
 *     ALL-CAPS or a title-case short line alone; a numbered section line
 *     ("2.3 Building") that has a body, or a lone numbered item whose short
 *     first sentence leads more blocks; a lone bullet line between
 *     paragraphs; a short line ending in ":" that introduces an indented
 *     block; a short first line alone is the title. Underlines take levels
 *     in the order they first appear, numbered sections by their depth,
 *     the other styles the first level, colon headings the one below;
 *   - paragraphs: hard-wrapped lines joined, hanging indentation kept;
 *   - lists: "-" "*" "+" "o" "•" "1." "1)" "(1)" "a)" items with their
 *     continuation lines, nested by indentation; short indented lines after
 *     a line ending in ":" are a list; so are lines that each end a
 *     sentence or stop short, where a wrapped text would go on (one tip a
 *     line);
 *   - tables: pipe tables, grids, columns under a rule of dashes, aligned
 *     terms and descriptions ("-v, --verbose   be verbose") are GFM tables;
 *   - "Key: value" blocks (mail headers, Debian copyright) are tables of
 *     keys and values, a field of many lines a "Key: value" list item;
 *   - an indented block is prose (read again, one level in) when its lines
 *     are mostly sentences, else code (prompts, commands, symbols, aligned
 *     columns, few words);
 *   - rules, form feeds, "-*- mode -*-" lines, vim and emacs modelines and
 *     Debian signatures (" -- Name <mail>  date") are nothing;
 *   - a changelog's release lines ("version 1.34 - Name, date") are
 *     headings; a manual page as man prints it is read as one (man_blocks);
 *     a word broken by a hyphen at a line's end is one word again.
 * Work is linear in the document: each line is looked at a bounded number of
 * times per nesting level, nesting is capped, and what a line is (prose or
 * code) is judged on its first LINE_LOOK bytes. */
#define _GNU_SOURCE   /* memmem */
#include "input_private.h"
#include "vg_utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LINE_LOOK 512   /* bytes of a line its kind is judged on */
#define MAX_NEST 12     /* indentation levels read as nesting; deeper is flat */
#define MAX_IND 240     /* indentation counted; more is this much */
#define WRAP_COLUMN 64  /* a line and the next's first word past it: the filler wrapped it */
#define SHORT_LINE 60   /* a heading or a line of a list of lines is no longer */
#define NOTICE_LINES 40   /* a notice is at the top: a ChangeLog's later ones are entries */

/* a line, tabs expanded (util.c); kind 'x': said as nothing (a modeline, a
 * signature) */
typedef vgi_line tline;

enum { ST_TITLE = 0, ST_COLON = 40, ST_MAX = 48 };

typedef struct wref { const char *s; int n; } wref;   /* a word of the text */

typedef struct text {
  tline *L;
  int n;
  char *store;
  const char *file;
  vgi_diags *d;
  int scan;                  /* 1: the first pass (headings counted, nothing written) */
  vgi_buf out;
  int *map, nmap, capmap;    /* Markdown line -> text line */
  int next_src;
  int last_blank;            /* the last line written is empty */
  vgi_buf pre;               /* the list items' indentation of a line */
  char *pending;             /* a list item's marker, until its first line */
  /* heading styles: key -> first appearance and uses */
  char skey[ST_MAX];         /* style id per slot ('=', '-', 'C'aps, 'N'umber.., 'R'ule) */
  int nstyles;
  int sused[ST_MAX];
  int slevel[ST_MAX];
  int first_kind, first_style, nelem;   /* the document's first element */
  int title_line;            /* the line read as the title, -1 none */
  int wrap;                  /* the column the text is wrapped at, 0 unknown */
  int *pc, *cc;              /* lines of prose, of code before line i */
  int *nb;                   /* the first blank line from line i */
  int in_item;               /* list items around the block being read */
  int outline;               /* Emacs outline ("* Release", "** Bug fixes" at the margin: headings) */
  int mode_title;            /* the first line, its mode marker taken off: the title (-1 none) */
  int man;                   /* a manual page as man prints it: its body's indentation, else 0 */
  int man_tag;               /* its tagged paragraphs' descriptions' indentation */
  int full;                  /* every sentence wanted (--detail full), not a summary */
  int man_examples;          /* the examples of EXAMPLES written so far */
  int man_items, man_folded; /* a summary's run of tagged paragraphs: written, left out */
  int man_words;             /* the words of the items written in the run */
  int man_last_item;         /* the line of its last one written */
  int man_options;           /* the run has options ("-a, --all") */
  int man_toc_work;          /* headings compared with contents' entries (bounded) */
  char lang[16];             /* a manual page's language (its "12 more options") */
  int news;                  /* a changelog: its release lines are headings */
  int news_lines;            /* release lines without stars at the margin ("version 1.34 - …") */
  int headings, past_top;    /* headings written; more than the first (the title's) */
  wref *words;               /* the document's words (a hash set), for line-end hyphens */
  int nwords_cap;
} text;

/* ---- characters and lines ------------------------------------------------------------- */

static int is_blank(const tline *l) { return l->ind >= l->len || l->kind == 'x'; }
static int look(const tline *l) { return l->len < LINE_LOOK ? l->len : LINE_LOOK; }
static int upper_c(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int lower_c(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int alpha_c(unsigned char c) { return upper_c(c) || lower_c(c) || c >= 0x80; }

/* the text of a line without its indentation and trailing spaces */
static const char *body(const tline *l, int *n) {
  int e = l->len;
  while (e > l->ind && (l->s[e - 1] == ' ')) e--;
  *n = e - l->ind;
  return l->s + l->ind;
}

/* a line of one character repeated (spaces between allowed), at least `min` */
static int rule_char(const tline *l, int min) {
  int n;
  const char *s = body(l, &n);
  if (n < min) return 0;
  /* a line of box-drawing characters ("━━━━", U+2500-U+257F) is a rule too */
  if ((unsigned char)s[0] == 0xE2 && ((unsigned char)s[1] == 0x94 || (unsigned char)s[1] == 0x95) && n >= 3) {
    int k = 0;
    for (int i = 0; i < n;) {
      if (s[i] == ' ') { i++; continue; }
      if (i + 2 >= n || memcmp(s + i, s, 3)) return 0;
      i += 3;
      k++;
    }
    return k >= min ? '-' : 0;
  }
  char c = s[0];
  if (!strchr("=-~*^#+_.:", c)) return 0;
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] == c) k++;
    else if (s[i] != ' ') return 0;
  }
  return k >= min ? c : 0;
}

/* "---- Title ----" -> 1, the title in [*ts, *ts + *tn) */
static int rule_title(const tline *l, const char **ts, int *tn) {
  int n;
  const char *s = body(l, &n);
  if (n < 8 || !strchr("=-~*#+_", s[0])) return 0;
  char c = s[0];
  int a = 0, b = n;
  while (a < n && s[a] == c) a++;
  while (b > a && s[b - 1] == c) b--;
  if (a < 3 || n - b < 3) return 0;
  while (a < b && s[a] == ' ') a++;
  while (b > a && s[b - 1] == ' ') b--;
  if (b - a < 2 || b - a > 80) return 0;
  int letters = 0;
  for (int i = a; i < b; i++) letters += alpha_c((unsigned char)s[i]);
  if (!letters) return 0;
  *ts = s + a;
  *tn = b - a;
  return 1;
}

static int word_count_n(const char *s, int n) {
  int w = 0, in = 0;
  for (int i = 0; i < n; i++) {
    int sp = s[i] == ' ';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

/* what a line looks like: 'P' prose (sentences, mostly words), 'C' code
 * (a prompt, a command, symbols, aligned columns), 'S' a few words */
static const char *const COMMANDS[] = {
  "make", "cd", "sudo", "apt", "apt-get", "aptitude", "dpkg", "git", "pip", "pip3", "python", "python3",
  "cmake", "gcc", "cc", "ls", "cp", "mv", "rm", "mkdir", "export", "echo", "tar", "systemctl", "service",
  "ln", "chmod", "chown", "curl", "wget", "npm", "cargo", "go", "configure", "./configure", "su", "cat",
  "man", "info", "env", "set", "unset", "source", "autoreconf", "ninja", "perl", "ruby", "java", "mount",
  "umount", "update-alternatives", "dpkg-reconfigure", "modprobe", "insmod", "ssh", "scp", "rsync", NULL };

static int is_command_word(const char *s, int n) {
  int k = 0;
  while (k < n && s[k] != ' ') k++;
  if (k >= 2 && (s[0] == '.' || s[0] == '/') && s[1] == '/') return 1;   /* ./run.sh, //x */
  if (k >= 2 && s[0] == '.' && s[1] == '/') return 1;
  for (int i = 0; COMMANDS[i]; i++)
    if ((int)strlen(COMMANDS[i]) == k && !memcmp(s, COMMANDS[i], (size_t)k)) return 1;
  return 0;
}

static int prompt_at(const char *s, int n) {
  if (n >= 2 && (s[0] == '$' || s[0] == '%' || s[0] == '#' || s[0] == '>') && s[1] == ' ')
    return s[0] != '#' || (n > 2 && lower_c((unsigned char)s[2]));   /* "# cd x", not "# Title" */
  if (n >= 4 && !memcmp(s, ">>> ", 4)) return 1;
  if (n >= 3 && isalpha((unsigned char)s[0]) && s[1] == ':' && s[2] == '\\') return 1;
  return 0;
}

/* a line of web or mail addresses only ("http://x.org/", "<a@b.org>") */
static int addresses_only(const char *s, int n) {
  int any = 0;
  for (int i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    if (i >= n) break;
    int a = i, at = 0, scheme = 0;
    while (i < n && s[i] != ' ') { at += s[i] == '@'; i++; }
    for (int k = a; k + 2 < i; k++)
      if (s[k] == ':' && s[k + 1] == '/' && s[k + 2] == '/') scheme = 1;
    if (!scheme && at != 1) return 0;
    any = 1;
  }
  return any;
}

/* "chroot cksum comm coreutils cp csplit cut date dd df dir": a line of
 * names, wrapped like prose but with none of the little words every
 * sentence has (in the languages written with spaces and lower-case
 * words, or hardly any). Shown as what it is, never read out name by name. */
static int name_run(const char *s, int n) {
  static const char *const little[] = { "the", "a", "an", "of", "to", "and", "or", "is", "are", "in", "on", "for",
    "with", "by", "it", "this", "that", "be", "as", "at", "from", "not", "you", "we", "can", "if", "all",
    "le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "en", "pour", "que", "qui", "dans", "sur",
    "el", "los", "las", "del", "y", "es", "una", "por", "para", "con", "der", "die", "das", "und", "ist", "ein",
    "eine", "zu", "mit", "von", "den", "dem", "nicht", "il", "lo", "gli", "di", "e", "che", "per", "o", "os",
    "do", "da", "um", "uma", "em", "het", "een", "van", "op", "te", "dat", "i", "och", "att", "som", "na", "w",
    "z", "się", "je", "se", "v", "и", "в", "на", "не", NULL };
  int tokens = 0, smalls = 0;
  for (int i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    if (i >= n) break;
    int a = i;
    while (i < n && s[i] != ' ') {
      unsigned char c = (unsigned char)s[i];
      /* lower-case letters, digits and the marks of names only: a capital,
       * a sentence's mark or a word of another script is not a name run */
      if (!(lower_c(c) || isdigit(c) || strchr("[]_-+.", c))) return 0;
      i++;
    }
    if (i - a > 20) return 0;
    for (int k = 0; little[k]; k++)
      if ((int)strlen(little[k]) == i - a && !memcmp(s + a, little[k], (size_t)(i - a))) smalls++;
    tokens++;
  }
  /* (a name may be one of those words: du, test, as; prose has one in
   * every three or four words) */
  return tokens >= 10 && smalls * 8 < tokens && s[n - 1] != '.';
}

/* Signs only code has, outside quotes: = ; { } | < > $ # */
static int code_signs(const char *s, int n) {
  char quote = 0;
  for (int q = 0; q < n; q++) {
    if (quote) { if (s[q] == quote) quote = 0; continue; }
    if (s[q] == '\'' || s[q] == '"') quote = s[q];
    else if (strchr("=;{}|<>$#", s[q])) return 1;
  }
  return 0;
}

/* Is s[0..n) a sentence in a script other than Latin: most of its
 * letters (outside quotes) are Greek, Cyrillic, CJK, Hangul and the like,
 * or it ends with a wide full stop (。．)? Commands are written in Latin
 * letters; their arguments in quotes may be anything. */
static int foreign_prose(const char *s, int n) {
  if (vgi_wide_period_before(s, (size_t)n)) return 1;
  /* (a line of code with a comment in Japanese is code: its signs say so) */
  if (code_signs(s, n)) return 0;
  int latin = 0, other = 0;
  char quote = 0;
  for (size_t q = 0, cl; q < (size_t)n; q += cl) {
    unsigned c = vg_utf8_decode(s, (size_t)n, q, &cl);
    if (quote) { if (c == (unsigned char)quote) quote = 0; continue; }
    if (c == '\'' || c == '"') { quote = (char)c; continue; }
    if (c < 0x80) latin += isalpha((int)c) != 0;
    else if (c < 0x250) latin++;
    else if (c >= 0x370 && !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) &&
             !(c >= 0xFF00 && c <= 0xFF20))
      other++;
  }
  return other >= 4 && other > latin;
}

static char line_class(const tline *l) {
  int n;
  const char *s = body(l, &n);
  if (n > LINE_LOOK) n = LINE_LOOK;
  if (!n) return 'S';
  if (prompt_at(s, n)) return 'C';
  /* a sentence of CJK, Cyrillic, Greek … is prose, options and quoted
   * names in it or not ("'-r -s' の後に指定した数値が…" in xxd.1) */
  if (foreign_prose(s, n)) return 'P';
  if (addresses_only(s, n)) return 'S';
  int words = 0, tokens = 0, sym = 0, chars = 0, gaps = 0, codes = 0, wide = 0;
  for (int i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    if (i >= n) break;
    int a = i, letters = 0, other = 0;
    while (i < n && s[i] != ' ') {
      unsigned char c = (unsigned char)s[i];
      if (alpha_c(c)) letters++;
      else if (!strchr("'-,.;:?!\")(/", c)) other++;
      if (strchr("{}[]<>=;$|&\\/*#@%^~`_", c)) sym++;
      chars++;
      i++;
    }
    tokens++;
    /* an option, a path, an assignment */
    int slashes = 0;
    for (int q = a; q < i; q++) slashes += s[q] == '/';
    if ((s[a] == '-' && i - a > 1 && (isalpha((unsigned char)s[a + 1]) || s[a + 1] == '-')) ||
        s[a] == '/' || (i - a > 2 && (s[a] == '.' || s[a] == '~') && s[a + 1] == '/') || slashes >= 2 ||
        (i - a > 2 && memchr(s + a + 1, '=', (size_t)(i - a - 2))))
      codes++;
    else if (letters >= 1 && letters * 2 >= (i - a) && !other)
      words++;
    /* two spaces inside a line, not after a sentence: a column */
    if (i + 1 < n && s[i] == ' ' && s[i + 1] == ' ' && i > 0 && !strchr(".?!:;,", s[i - 1])) {
      gaps++;
      if (i + 2 < n && s[i + 2] == ' ') wide++;
    }
  }
  char last = s[n - 1];
  if (name_run(s, n)) return 'C';
  if (last == ';' || last == '{' || last == '}' || last == '\\' || s[0] == '}' ||
      (n >= 2 && s[0] == '/' && s[1] == '/'))
    return 'C';
  if (tokens <= 8 && is_command_word(s, n) && last != '.' && last != ':' && last != '?') return 'C';
  if (sym * 8 > chars) return 'C';
  if (gaps && words * 2 < tokens * 2 - 1 && tokens <= 10) return 'C';
  int prose = words >= 4 && words * 4 >= tokens * 3;
  /* justified prose has several gaps between its words; columns have few
   * words, or one wide gap between a label and its value ("(C Shell)
   * setenv …", "--enable-x      what it does") */
  if (gaps >= 2 && !(prose && words >= 6)) return 'C';
  if (wide == 1 && gaps == 1 && !strchr(".!?", last)) return 'C';
  if (!prose && tokens >= 2 && (codes >= 3 || codes * 3 >= tokens)) return 'C';
  if (prose) return 'P';
  if (words * 2 < tokens) return 'C';
  return 'S';
}

/* ---- output ------------------------------------------------------------------------- */

static void out_line(text *r, int src, const char *s, size_t n) {
  vgi_mapped_line(&r->out, &r->map, &r->nmap, &r->capmap, src, s, n);
  r->last_blank = n == 0;
}

/* lines not written before `src` are empty lines */
static void fill(text *r, int src) {
  while (r->next_src < src) {
    out_line(r, r->next_src, "", 0);
    r->next_src++;
  }
}

/* an empty line before the next block, if the last one is not */
static void sep(text *r, int i) {
  if (r->scan) return;
  fill(r, r->L[i].no);
  if (!r->last_blank && r->nmap) out_line(r, r->L[i].no, "", 0);
}

/* one line of Markdown for text line i */
static void emit(text *r, int i, const char *s, size_t n) {
  if (r->scan) return;
  int src = r->L[i].no;
  fill(r, src);
  vgi_buf b = {0};
  if (r->pending) {
    vgi_buf_puts(&b, r->pending);
    free(r->pending);
    r->pending = NULL;
  } else if (r->pre.n) {
    vgi_buf_add(&b, r->pre.s, r->pre.n);
  }
  vgi_buf_add(&b, s, n);
  out_line(r, src, b.s ? b.s : "", b.n);
  vgi_buf_free(&b);
  if (r->next_src <= src) r->next_src = src + 1;
}

static void skip_to(text *r, int i) {
  if (r->scan) return;
  if (r->next_src <= r->L[i].no) r->next_src = r->L[i].no + 1;
}

/* Inline text as Markdown: every character Markdown would read as markup
 * escaped; addresses and mail addresses as autolinks; `GNU style' quotes as
 * code spans. What would open a block at the line's start (a list
 * marker, a heading mark, a quote) is escaped too. */
static int starts(const char *s, int n, const char *w) {
  int k = (int)strlen(w);
  return n >= k && !memcmp(s, w, (size_t)k);
}

static void put_inline(vgi_buf *o, const char *s, int n) {
  int i = 0;
  {
    /* a line's start must not open a block: "- x", "1. x", "# x", "> x", "===" */
    int k = 0;
    while (k < n && isdigit((unsigned char)s[k])) k++;
    if (k > 0 && k < n && (s[k] == '.' || s[k] == ')')) {
      vgi_buf_add(o, s, (size_t)k);
      vgi_buf_add(o, "\\", 1);
      i = k;
    } else if (n && strchr("-+=", s[0])) {
      vgi_buf_add(o, "\\", 1);   /* the rest ("*", "#", ">") the loop escapes */
    }
  }
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    /* an address: to its end, less closing punctuation */
    int url = 0;
    if ((starts(s + i, n - i, "http://") || starts(s + i, n - i, "https://") ||
         starts(s + i, n - i, "ftp://")) &&
        (i == 0 || !isalnum((unsigned char)s[i - 1])))
      url = 1;
    if (url) {
      int e = i;
      while (e < n && s[e] != ' ' && s[e] != '<' && s[e] != '>' && s[e] != '"' && s[e] != '`') e++;
      while (e > i && strchr(".,;:)'!?", s[e - 1])) e--;
      vgi_buf_add(o, "<", 1);
      vgi_buf_add(o, s + i, (size_t)(e - i));
      vgi_buf_add(o, ">", 1);
      i = e;
      continue;
    }
    if (c == '<' && i + 1 < n) {
      /* <http://…> or <mail@host> as written */
      int e = i + 1;
      while (e < n && e - i < 300 && s[e] != '>' && s[e] != ' ' && s[e] != '<') e++;
      if (e < n && s[e] == '>' && e > i + 3) {
        int at = 0, colon = 0;
        for (int k = i + 1; k < e; k++) { at += s[k] == '@'; colon += s[k] == ':'; }
        if (at == 1 || colon) {
          vgi_buf_add(o, s + i, (size_t)(e + 1 - i));
          i = e + 1;
          continue;
        }
      }
    }
    if (c == '`') {
      /* `quoted' (GNU) or `code`: a code span when it closes on this line */
      int e = i + 1;
      while (e < n && e - i < 120 && s[e] != '\'' && s[e] != '`') e++;
      if (e < n && e - i < 120 && e > i + 1) {
        vgi_buf_add(o, "`", 1);
        vgi_buf_add(o, s + i + 1, (size_t)(e - i - 1));
        vgi_buf_add(o, "`", 1);
        i = e + 1;
        continue;
      }
    }
    if (c < 0x80 && strchr("\\`*_[]<>&|~!#", c)) vgi_buf_add(o, "\\", 1);
    vgi_buf_add(o, s + i, 1);
    i++;
  }
}

static void emit_text(text *r, int i, const char *s, int n) {
  if (r->scan) return;
  /* a paragraph that goes on after a display its sentence took as its
   * object ("init-+-getty …" / "를 다음처럼 나타냅니다" in the Korean
   * pstree.1): its particle, alone, would start a sentence and a headline */
  size_t pl = vgi_leading_particle(s, (size_t)n);
  s += pl, n -= (int)pl;
  vgi_buf b = {0};
  put_inline(&b, s, n);
  emit(r, i, b.s ? b.s : "", b.n);
  vgi_buf_free(&b);
}

/* ---- words broken at a line's end ---------------------------------------------------- */

/* A text formatted by a program (a manual page as man prints it) breaks
 * long words at a line's end with a hyphen ("authen-" / "tication"); a
 * person's text breaks there only at a compound's own hyphen ("long-" /
 * "term"). Either way the word is one word: joined without a space, and
 * without the hyphen when the document writes it so elsewhere
 * ("specified"), since no dictionary says which hyphens are real. The
 * document's words are a hash set, built once when a line ends so. */
static unsigned word_hash(const char *s, int n) {
  unsigned h = 2166136261u;
  for (int i = 0; i < n; i++) h = (h ^ (unsigned char)tolower((unsigned char)s[i])) * 16777619u;
  return h;
}

/* the words of ASCII letters of every line (two letters or more) */
static void words_build(text *r) {
  long count = 0;
  for (int i = 0; i < r->n; i++) count += r->L[i].len / 3 + 1;
  unsigned cap = 64;
  while ((long)cap < count * 2 && cap < (1u << 26)) cap <<= 1;
  r->words = calloc(cap, sizeof(wref));
  if (!r->words) abort();
  r->nwords_cap = (int)cap;
  wref *set = r->words;
  long used = 0;
  for (int i = 0; i < r->n; i++) {
    const char *s = r->L[i].s;
    int n = r->L[i].len;
    for (int k = 0; k < n;) {
      if (!isalpha((unsigned char)s[k])) { k++; continue; }
      int a = k;
      while (k < n && isalpha((unsigned char)s[k])) k++;
      if (k - a < 2 || (k < n && (s[k] == '-' || (unsigned char)s[k] >= 0x80))) continue;
      if (used * 4 >= (long)cap * 3) return;   /* full: what is in it still answers */
      unsigned h = word_hash(s + a, k - a) & (cap - 1);
      while (set[h].s && !(set[h].n == k - a && !strncasecmp(set[h].s, s + a, (size_t)(k - a))))
        h = (h + 1) & (cap - 1);
      if (!set[h].s) { set[h].s = s + a; set[h].n = k - a; used++; }
    }
  }
}

static int word_known(text *r, const char *s, int n) {
  if (!r->words) words_build(r);
  const wref *set = r->words;
  unsigned cap = (unsigned)r->nwords_cap, h = word_hash(s, n) & (cap - 1);
  for (unsigned q = 0; set[h].s && q < cap; q++, h = (h + 1) & (cap - 1))
    if (set[h].n == n && !strncasecmp(set[h].s, s, (size_t)n)) return 1;
  return 0;
}

/* Line s ends in a word broken by a hyphen ("speci-") that goes on in lower
 * case at the start of line t ("fied by"): the length of the broken part
 * with its hyphen, 0 when not. *drop: the hyphen goes (the word joined is
 * one the document writes elsewhere). */
static int broken_word(text *r, const char *s, int n, const char *t, int tn, int *drop) {
  *drop = 0;
  if (n < 3 || tn < 1 || s[n - 1] != '-' || !isalpha((unsigned char)s[n - 2]) || !lower_c((unsigned char)t[0]))
    return 0;
  int a = n - 1;
  while (a > 0 && s[a - 1] != ' ') a--;
  if (!isalpha((unsigned char)s[a])) return 0;   /* "--long-", "(x-" */
  int e = 0;
  while (e < tn && isalpha((unsigned char)t[e])) e++;
  int l = n - 1 - a;
  char w[128];
  if (l + e < (int)sizeof w) {
    int plain = 1;
    for (int k = a; k < n - 1; k++) plain &= isalpha((unsigned char)s[k]) != 0;
    memcpy(w, s + a, (size_t)l);
    memcpy(w + l, t, (size_t)e);
    *drop = plain && (e >= tn || (unsigned char)t[e] < 0x80) && word_known(r, w, l + e);
  }
  return n - a;
}

/* ---- headings --------------------------------------------------------------------------- */

static int style_slot(text *r, char key) {
  for (int k = 0; k < r->nstyles; k++)
    if (r->skey[k] == key) return k;
  if (r->nstyles == ST_MAX) return ST_MAX - 1;
  r->skey[r->nstyles] = key;
  r->sused[r->nstyles] = 0;
  return r->nstyles++;
}

static void note_first(text *r, int kind, int style) {
  if (!r->nelem) { r->first_kind = kind; r->first_style = style; }
  r->nelem++;
}

/* A Debian changelog's entry line, "make-dfsg (4.3-3) unstable;
 * urgency=medium": the package and its version are its title, the
 * distribution and urgency are for the archive. -> the length of
 * "make-dfsg (4.3-3)", 0 when it is none. */
static int debian_entry(const char *s, int n) {
  int a = 0;
  while (a < n && (isalnum((unsigned char)s[a]) || strchr(".+-", s[a]))) a++;
  if (a < 2 || a + 3 >= n || s[a] != ' ' || s[a + 1] != '(' || !isdigit((unsigned char)s[a + 2]) ) return 0;
  const char *close = memchr(s + a, ')', (size_t)(n - a));
  if (!close || !memmem(close, (size_t)(n - (close - s)), "urgency=", 8)) return 0;
  return (int)(close + 1 - s);
}

/* a heading: style key, its text, at line i */
static void heading(text *r, int i, char key, const char *s, int n) {
  {
    int de = debian_entry(s, n);
    if (de) n = de;
  }
  int slot = style_slot(r, key);
  note_first(r, 'H', slot);
  if (r->scan) {
    r->sused[slot]++;
    return;
  }
  int level = r->L[i].no == r->title_line ? 1 : r->slevel[slot];
  if (++r->headings > 1) r->past_top = 1;   /* the first one names the document */
  while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' ')) n--;
  vgi_buf b = {0};
  for (int k = 0; k < level; k++) vgi_buf_add(&b, "#", 1);
  vgi_buf_add(&b, " ", 1);
  put_inline(&b, s, n);
  sep(r, i);
  emit(r, i, b.s, b.n);
  vgi_buf_free(&b);
  r->last_blank = 0;
}

/* Line i's text s[0, n) as the document's title (an H1). */
static void emit_title(text *r, int i, const char *s, int n) {
  note_first(r, 'T', 0);
  vgi_buf b = {0};
  vgi_buf_add(&b, "# ", 2);
  put_inline(&b, s, n);
  sep(r, i);
  emit(r, i, b.s, b.n);
  vgi_buf_free(&b);
}

/* the run of "=" that opens a title written between two such runs */
static int wiki_title_marks(const char *s, int n) {
  int k = 0;
  while (k < n && k < 7 && s[k] == '=') k++;
  return k;
}

/* "== Notes to developers ==" -> the title's length (its start in *at),
 * 0 when the line is none: one to six "=" on each side, as many, a space
 * inside each, and words between */
static int wiki_title(const char *s, int n, int *at) {
  int k = wiki_title_marks(s, n);
  if (k < 1 || k > 6 || n < 2 * k + 3 || s[k] != ' ') return 0;
  int z = n;
  for (int j = 0; j < k; j++)
    if (s[--z] != '=') return 0;
  if (s[z - 1] != ' ') return 0;   /* (a longer run after: "== x ===" is none) */
  int a = k;
  while (a < z && s[a] == ' ') a++;
  while (z > a && s[z - 1] == ' ') z--;
  if (z - a < 2 || z - a > SHORT_LINE) return 0;
  for (int j = a; j < z; j++) if (s[j] == '=') return 0;
  int letters = 0;
  for (int j = a; j < z; j++) letters += isalpha((unsigned char)s[j]) != 0;
  if (!letters) return 0;
  *at = a;
  return z - a;
}

/* "2.3 Building" -> depth 2 (0: not numbered) */
static int numbered(const char *s, int n, int *text_at) {
  int i = 0, depth = 0;
  for (;;) {
    int a = i;
    while (i < n && isdigit((unsigned char)s[i])) i++;
    if (i == a || i - a > 3) return 0;
    depth++;
    if (i < n && s[i] == '.' && i + 1 < n && isdigit((unsigned char)s[i + 1])) { i++; continue; }
    break;
  }
  if (i < n && (s[i] == '.' || s[i] == ')')) i++;
  if (i >= n || s[i] != ' ') return 0;
  while (i < n && s[i] == ' ') i++;
  *text_at = i;
  return depth;
}

/* An outline line's text that is a title: short, no sentence. */
static int outline_title(const char *s, int n) {
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ':')) n--;
  return n > 0 && n <= 80 && word_count_n(s, n) <= 8 && s[n - 1] != '.' && s[n - 1] != '!';
}

/* A line that names a release of a changelog: "version 1.34 - Sergey
 * Poznyakoff, 2021-02-13", "Noteworthy changes in release 1.2 (2020-01-01)
 * [stable]", "Version 1.2.3", "* Major changes in release 1.2", "dbus
 * 1.14.10 (2023-09-01)", "v1.1.35: Feb 16 2022:": a version number among
 * its first words, after a word that says release (or the name of what is
 * released), and no sentence. Returns where its text starts (after stars),
 * -1 when it is none. */
static int release_line(const char *s, int n) {
  int a = 0;
  while (a < n && a < 3 && s[a] == '*') a++;
  if (a && (a >= n || s[a] != ' ')) return -1;
  while (a < n && s[a] == ' ') a++;
  int e = n;
  while (e > a && strchr(":, ", s[e - 1])) e--;
  if (e - a < 3 || e - a > 100 || word_count_n(s + a, e - a) > 12) return -1;
  if (strchr(";!?", s[e - 1]) || (s[e - 1] == '.' && !isdigit((unsigned char)s[e - 2]))) return -1;
  static const char *const leads[] = { "version", "release", "changes", "noteworthy", "major", "new in",
                                       "what's new", "what\xE2\x80\x99s new", NULL };
  int led = 0;
  for (int k = 0; leads[k] && !led; k++)
    led = !strncasecmp(s + a, leads[k], strlen(leads[k]));
  /* the version: digits '.' digits, a 'v' before it allowed */
  int word = 0;
  for (int i = a; i < e && word < 7;) {
    while (i < e && s[i] == ' ') i++;
    int w = i;
    if (i < e && (s[i] == 'v' || s[i] == 'V')) w++;
    if (w + 2 < e + 1 && isdigit((unsigned char)s[w])) {
      int q = w;
      while (q < e && isdigit((unsigned char)s[q])) q++;
      if (q + 1 < e && s[q] == '.' && (isdigit((unsigned char)s[q + 1]) || s[q + 1] == '*'))
        return led || word <= 1 ? a : -1;
    }
    word++;
    while (i < e && s[i] != ' ') i++;
  }
  return -1;
}

/* a line that may be a heading's text: short, words, no sentence end */
static int heading_text(const char *s, int n) {
  if (n < 2 || n > SHORT_LINE + 20) return 0;
  /* "See https://www.openssh.com/releasenotes.html#9.2p1 for the release
   * notes": a line that is mostly an address points somewhere, it names
   * nothing */
  if (vgi_url_bytes(s, n) * 3 >= n) return 0;
  int letters = 0;
  for (int i = 0; i < n; i++) letters += alpha_c((unsigned char)s[i]);
  if (letters < 2) return 0;
  if (word_count_n(s, n) > 12) return 0;
  char last = s[n - 1];
  return last != '.' && last != ',' && last != ';';
}

static int all_caps(const char *s, int n) {
  int up = 0;
  if (n > SHORT_LINE || word_count_n(s, n) > 8) return 0;
  for (int i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0xC0 && c < 0xE0 && i + 1 < n) {
      /* a capital of Latin-1, Latin Extended-A, Greek or Cyrillic
       * ("ÜBERSICHT", "SKŁADNIA", "ОПИСАНИЕ"); other scripts have no case
       * to tell */
      unsigned cp = ((c & 31u) << 6) | ((unsigned char)s[i + 1] & 63u);
      int capital = (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp <= 0x137 && !(cp & 1)) ||
                    (cp >= 0x139 && cp <= 0x148 && (cp & 1)) || (cp >= 0x14A && cp <= 0x177 && !(cp & 1)) ||
                    cp == 0x178 || (cp >= 0x179 && cp <= 0x17E && (cp & 1)) ||
                    (cp >= 0x218 && cp <= 0x21B && !(cp & 1)) ||   /* Romanian Ș Ț */
                    (cp >= 0x391 && cp <= 0x3AB) || cp == 0x386 || (cp >= 0x388 && cp <= 0x38F && cp != 0x38B &&
                    cp != 0x38D) || (cp >= 0x400 && cp <= 0x42F);   /* (Greek with tonos: "ΚΑΤΆΣΤΑΣΗ") */
      if (!capital) return 0;
      up++;
      i++;
      continue;
    }
    if (lower_c(c) || c >= 0x80) return 0;   /* other scripts: no case to tell */
    if (upper_c(c)) up++;
    else if (!strchr(" 0123456789&-:/().,'!?", c)) return 0;
  }
  return up >= 3;
}

/* "Portability Notes", "About": up to six words, each of four letters or
 * more capitalised, no sentence mark, not all capitals (that is all_caps) */
static int title_case(const char *s, int n) {
  if (n < 3 || n > 50 || !upper_c((unsigned char)s[0]) || word_count_n(s, n) > 6) return 0;
  if (strchr(".,;:!?", s[n - 1])) return 0;
  int lower = 0;
  for (int i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    int a = i, letters = 0;
    while (i < n && s[i] != ' ') {
      unsigned char c = (unsigned char)s[i];
      if (lower_c(c)) lower = 1;
      if (alpha_c(c)) letters++;
      else if (!strchr("-'&/+()", c) && !isdigit(c)) return 0;
      i++;
    }
    if (letters >= 4 && !upper_c((unsigned char)s[a])) return 0;
  }
  return lower;
}

/* ---- blocks ----------------------------------------------------------------------------- */

typedef struct view {
  int a, b;          /* lines [a, b) */
  int base;          /* their indentation */
  const char *ov;    /* line a's text instead (after a list marker), or NULL */
  int ovlen;
  int top;           /* the document itself */
} view;

static void blocks(text *r, view v, int depth);
static int text_dash_entries(text *r, const view *v, int i, int k);

/* line i's text in view v (its override for the first) */
static const char *vtext(const text *r, const view *v, int i, int *n) {
  if (i == v->a && v->ov) { *n = v->ovlen; return v->ov; }
  return body(&r->L[i], n);
}

static int vind(const text *r, const view *v, int i) {
  if (i == v->a && v->ov) return v->base;
  int k = r->L[i].ind;
  return k > MAX_IND ? MAX_IND : k;
}

static int vblank(const text *r, const view *v, int i) {
  if (i == v->a && v->ov) return 0;
  return is_blank(&r->L[i]);
}

/* a list marker at the start of s: its kind ('-' bullet, '1' number, 'a'
 * letter) and its width with the spaces after it; 0 if none */
static int marker(const char *s, int n, char *kind, int *num) {
  if (n >= 2 && strchr("-*+", s[0]) && s[1] == ' ') { *kind = '-'; goto spaces1; }
  if (n >= 4 && (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
      (unsigned char)s[2] == 0xa2 && s[3] == ' ') {
    *kind = '-';
    int k = 4;
    while (k < n && s[k] == ' ') k++;
    return k < n ? k : 0;
  }
  if (n >= 2 && s[0] == 'o' && s[1] == ' ') { *kind = 'o'; goto spaces1; }
  {
    int k = 0, paren = 0;
    if (s[0] == '(') { paren = 1; k = 1; }
    int a = k;
    while (k < n && k - a < 3 && isdigit((unsigned char)s[k])) k++;
    if (k > a && k < n && (s[k] == '.' || s[k] == ')') && (!paren || s[k] == ')')) {
      *kind = '1';
      *num = atoi(s + a);
      k++;
      if (k >= n || s[k] != ' ') return 0;
      while (k < n && s[k] == ' ') k++;
      return k < n ? k : 0;
    }
    k = a;
    if (k + 1 < n && lower_c((unsigned char)s[k]) && s[k + 1] == ')') {
      *kind = 'a';
      *num = s[k] - 'a' + 1;
      k += 2;
      if (k >= n || s[k] != ' ') return 0;
      while (k < n && s[k] == ' ') k++;
      return k < n ? k : 0;
    }
  }
  return 0;
spaces1: {
    int k = 1;
    while (k < n && s[k] == ' ') k++;
    return k < n ? k : 0;
  }
}

static int ends_colon(const char *s, int n) { return n > 0 && s[n - 1] == ':'; }

/* "Key: value": the key's length (0 when not) */
static int kv_key(const char *s, int n) {
  if (n < 3 || !alpha_c((unsigned char)s[0])) return 0;
  int k = 0, words = 1;
  while (k < n && k < 40 && s[k] != ':') {
    unsigned char c = (unsigned char)s[k];
    if (c == ' ') { words++; if (k + 1 < n && s[k + 1] == ' ') return 0; }
    else if (!alpha_c(c) && !isdigit(c) && !strchr("-_./()", c)) return 0;
    k++;
  }
  if (k >= n || s[k] != ':' || words > 4 || k == 0) return 0;
  if (k + 1 < n && s[k + 1] != ' ') return 0;   /* http://, 10:30 */
  return k;
}

/* the end of the indented region from i (lines more indented than base, and
 * blank lines between them) */
static int region_end(const text *r, const view *v, int i, int base) {
  int e = i, last = i;
  while (e < v->b) {
    if (vblank(r, v, e)) { e++; continue; }
    if (vind(r, v, e) <= base) break;
    /* after a blank line, a paragraph whose first line alone is indented */
    if (e > i && vblank(r, v, e - 1) && e + 1 < v->b && !vblank(r, v, e + 1) &&
        vind(r, v, e + 1) <= base && line_class(&r->L[e]) == 'P')
      break;
    last = ++e;
  }
  return last;
}

static void code_block(text *r, const view *v, int a, int b, const char *lang) {
  if (r->scan) return;
  int m = -1, fence = 3;
  for (int i = a; i < b; i++) {
    if (vblank(r, v, i)) continue;
    int k = vind(r, v, i);
    if (m < 0 || k < m) m = k;
    int t;
    const char *s = vtext(r, v, i, &t);
    int run = 0;
    while (run < t && s[run] == '`') run++;
    if (run >= fence) fence = run + 1;
  }
  char f[64];
  if (fence > 60) fence = 60;
  memset(f, '`', (size_t)fence);
  sep(r, a);
  vgi_buf open = {0};
  vgi_buf_add(&open, f, (size_t)fence);
  if (lang) vgi_buf_puts(&open, lang);
  emit(r, a, open.s, open.n);
  vgi_buf_free(&open);
  for (int i = a; i < b; i++) {
    if (vblank(r, v, i)) { emit(r, i, "", 0); continue; }
    int t;
    const char *s = vtext(r, v, i, &t);
    int extra = vind(r, v, i) - (m < 0 ? 0 : m);
    vgi_buf l = {0};
    for (int k = 0; k < extra; k++) vgi_buf_add(&l, " ", 1);
    vgi_buf_add(&l, s, (size_t)t);
    emit(r, i, l.s ? l.s : "", l.n);
    vgi_buf_free(&l);
  }
  emit(r, b - 1, f, (size_t)fence);
  r->last_blank = 0;
}

/* the language of a code block: shell when it is commands */
static const char *code_lang(const text *r, const view *v, int a, int b) {
  int cmd = 0, lines = 0;
  for (int i = a; i < b && lines < 64; i++) {
    if (vblank(r, v, i)) continue;
    int t;
    const char *s = vtext(r, v, i, &t);
    lines++;
    if (prompt_at(s, t) || is_command_word(s, t)) cmd++;
  }
  return lines && cmd * 2 >= lines ? "sh" : NULL;
}

/* a paragraph: lines [a, b) joined by Markdown */
/* the line after line b (blank lines between) is further in than column k
 * and code: a display that the sentence before brings. "The command should
 * be modified as follows," before one (ffmpeg.1) ends in a colon, as said:
 * a comma would leave the sentence open. */
static int brings_display(const text *r, int b, int k) {
  int q = b;
  while (q < r->n && is_blank(&r->L[q])) q++;
  return q < r->n && r->L[q].ind > k && line_class(&r->L[q]) == 'C';
}

static void paragraph(text *r, const view *v, int a, int b) {
  note_first(r, 'P', 0);
  if (r->scan) return;
  sep(r, a);
  vgi_buf carry = {0};   /* a word broken at the line before's end: it starts this line */
  for (int i = a; i < b; i++) {
    int t0;
    const char *s0 = vtext(r, v, i, &t0);
    int cut = 0, drop = 0;
    if (i + 1 < b) {
      int nt;
      const char *ns = vtext(r, v, i + 1, &nt);
      cut = broken_word(r, s0, t0, ns, nt, &drop);
    }
    vgi_buf lb = {0};
    vgi_buf_add(&lb, carry.s ? carry.s : "", carry.n);
    int keep = t0 - cut;
    while (keep > 0 && s0[keep - 1] == ' ') keep--;
    vgi_buf_add(&lb, s0, (size_t)keep);
    carry.n = 0;
    if (cut) vgi_buf_add(&carry, s0 + t0 - cut, (size_t)(cut - drop));
    if (!lb.n) {   /* the line was the broken word alone: it goes on */
      vgi_buf_free(&lb);
      skip_to(r, i);
      continue;
    }
    int t = (int)lb.n;
    const char *s = lb.s;
    if (i == a && t > 1 && s[0] == '-') {
      /* an option that opens its description: "--with-readline tells bc …" */
      int k = 0;
      while (k < t && s[k] != ' ') k++;
      if (k > 1 && k < t && (isalpha((unsigned char)s[1]) || s[1] == '-')) {
        vgi_buf b2 = {0};
        vgi_buf_add(&b2, "`", 1);
        vgi_buf_add(&b2, s, (size_t)k);
        vgi_buf_add(&b2, "` ", 2);
        put_inline(&b2, s + k + 1, t - k - 1);
        emit(r, i, b2.s, b2.n);
        vgi_buf_free(&b2);
        vgi_buf_free(&lb);
        continue;
      }
    }
    if (i == b - 1 && s[t - 1] == ',' && brings_display(r, b, vind(r, v, a))) {
      lb.s[t - 1] = ':';
    }
    emit_text(r, i, s, t);
    vgi_buf_free(&lb);
  }
  vgi_buf_free(&carry);
}

/* a list of lines: each line one item */
static void line_list(text *r, const view *v, int a, int b) {
  note_first(r, 'L', 0);
  if (r->scan) return;
  sep(r, a);
  for (int i = a; i < b; i++) {
    if (vblank(r, v, i)) continue;
    int t;
    const char *s = vtext(r, v, i, &t);
    vgi_buf l = {0};
    vgi_buf_add(&l, "- ", 2);
    put_inline(&l, s, t);
    emit(r, i, l.s, l.n);
    vgi_buf_free(&l);
  }
}

/* A date that opens a changelog's line ("20051107: Bumped …", "980626:",
 * "2005-11-07 Fixed …"): eight or six digits, or year-month-day with '-' or
 * '/', then a colon or a space and the change. Its length with what follows
 * it up to the change, else 0. */
static int line_date(const char *s, int n) {
  int d = 0;
  while (d < n && d < 9 && s[d] >= '0' && s[d] <= '9') d++;
  int e;
  if (d == 8 || d == 6) {
    e = d;
  } else if (d == 4 && n >= 10 && (s[4] == '-' || s[4] == '/') && isdigit((unsigned char)s[5]) &&
             isdigit((unsigned char)s[6]) && s[7] == s[4] && isdigit((unsigned char)s[8]) && isdigit((unsigned char)s[9])) {
    e = 10;
  } else {
    return 0;
  }
  if (e < n && s[e] == ':') e++;
  else if (e >= n || s[e] != ' ') return 0;
  int w = e;
  while (w < n && s[w] == ' ') w++;
  return w > e || s[e - 1] == ':' ? (w < n && alpha_c((unsigned char)s[w]) ? w : 0) : 0;
}

/* A changelog of dated lines (util-linux's getopt_changelog.txt, a line a
 * change, its date first; a change going on over lines further in): a list
 * of the changes, each with its date after it, three dated lines or more
 * from a, up to a blank line or a line of another kind. Read as
 * paragraphs, its title was three changes run together. The end of the
 * run, else 0. */
static int dated_lines(text *r, const view *v, int a, int b) {
  int dated = 0, i = a, base = vind(r, v, a);
  while (i < b && !vblank(r, v, i)) {
    int t;
    const char *s = vtext(r, v, i, &t);
    if (vind(r, v, i) == base && line_date(s, t)) dated++;
    else if (!(i > a && vind(r, v, i) > base)) break;
    i++;
  }
  if (dated < 3) return 0;
  b = i;
  note_first(r, 'L', 0);
  if (r->scan) return b;
  sep(r, a);
  for (int k = a; k < b;) {
    int t;
    const char *s = vtext(r, v, k, &t);
    int at = line_date(s, t), dl = 0;
    while (dl < at && s[dl] != ':' && s[dl] != ' ') dl++;
    vgi_buf l = {0};
    vgi_buf_add(&l, "- ", 2);
    put_inline(&l, s + at, t - at);
    int e = k + 1;
    for (; e < b && vind(r, v, e) > base; e++) {   /* the change's lines further in */
      int ct;
      const char *cs = vtext(r, v, e, &ct);
      while (ct && *cs == ' ') cs++, ct--;
      /* (a sentence of its own under the change: "They are written by …") */
      int stop = l.n && !strchr(".,;:!?(", l.s[l.n - 1]) && ct && upper_c((unsigned char)cs[0]) && ct > 1 &&
                 lower_c((unsigned char)cs[1]);
      vgi_buf_add(&l, stop ? ". " : " ", stop ? 2 : 1);
      put_inline(&l, cs, ct);
    }
    /* the date after the change, in brackets: shown, and an aside a
     * summary leaves unsaid; as a date is written (2005-11-07) */
    vgi_buf_add(&l, " (", 2);
    if (dl == 8) vgi_buf_printf(&l, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
    else vgi_buf_add(&l, s, (size_t)dl);
    vgi_buf_add(&l, ")", 1);
    emit(r, k, l.s, l.n);
    vgi_buf_free(&l);
    skip_to(r, e - 1);
    k = e;
  }
  return b;
}

/* ---- tables ------------------------------------------------------------------------------ */

/* A table of the text as a GFM pipe table, which the Markdown adapter shows
 * as rows and says briefly: pipe tables ("| a | b |"), grids ("+----+"),
 * columns under a rule of dashes ("Name   Size" / "----   ----"), and
 * aligned two-column lists of terms and what they do ("-v, --verbose   be
 * verbose", "Key: value" field lists). Columns of numbers and symbols
 * (command output, code) are none of these and stay code. */

/* more columns than this: not a table. A wider table is shown in groups
 * of columns by the Markdown adapter (table_block), as far as its 64. */
#define TMAX_COLS 64

typedef struct trow {
  int line, last;              /* the row's first and last text line */
  vgi_buf *cell;               /* its cells, as many as it has (tcell) */
  int ncell;
} trow;

/* Cell c (< TMAX_COLS) of a row, the row's cells grown to hold it (empty
 * when new): a row costs what it holds, not TMAX_COLS cells (a text of a
 * million two-cell rows was 1.5 GB of empty cells at 64) */
static vgi_buf *tcell(trow *w, int c) {
  if (c >= w->ncell) {
    int n = w->ncell ? w->ncell : 2;
    while (n <= c) n *= 2;
    if (n > TMAX_COLS) n = TMAX_COLS;
    vgi_buf *p = realloc(w->cell, sizeof *p * (size_t)n);
    if (!p) abort();
    memset(p + w->ncell, 0, sizeof *p * (size_t)(n - w->ncell));
    w->cell = p;
    w->ncell = n;
  }
  return &w->cell[c];
}

static void trow_free(trow *w) {
  for (int c = 0; c < w->ncell; c++) vgi_buf_free(&w->cell[c]);
  free(w->cell);
  w->cell = NULL;
  w->ncell = 0;
}

typedef struct ttable {
  trow *rows;
  int n, cap, cols;
  int header;                  /* rows[0] is the header row */
} ttable;

static trow *trow_new(ttable *t, int line) {
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 16;
    trow *p = realloc(t->rows, sizeof *p * (size_t)t->cap);
    if (!p) abort();
    t->rows = p;
  }
  trow *w = &t->rows[t->n++];
  memset(w, 0, sizeof *w);
  w->line = w->last = line;
  return w;
}

static void ttable_free(ttable *t) {
  for (int i = 0; i < t->n; i++)
    trow_free(&t->rows[i]);
  free(t->rows);
  memset(t, 0, sizeof *t);
}

/* text [s, s + n) trimmed, added to a cell (a space between pieces) */
static void cell_add(vgi_buf *c, const char *s, int n) {
  while (n > 0 && *s == ' ') { s++; n--; }
  while (n > 0 && s[n - 1] == ' ') n--;
  if (!n) return;
  if (c->n) vgi_buf_add(c, " ", 1);
  vgi_buf_add(c, s, (size_t)n);
}

/* the table as Markdown; lines [a, b) are its text */
static void table_out(text *r, const ttable *t, int a, int b) {
  note_first(r, 'L', 0);
  if (r->scan) return;
  sep(r, a);
  int cols = t->cols;
  for (int i = 0; i < t->n; i++) {
    const trow *w = &t->rows[i];
    for (int q = a; q < w->line; q++) skip_to(r, q);
    if (i == 0 && !t->header) {
      /* no header in the text: an empty one */
      vgi_buf h = {0};
      for (int c = 0; c < cols; c++) vgi_buf_add(&h, "|   ", 4);
      vgi_buf_add(&h, "|", 1);
      emit(r, w->line, h.s, h.n);
      h.n = 0;
      for (int c = 0; c < cols; c++) vgi_buf_add(&h, "| --- ", 6);
      vgi_buf_add(&h, "|", 1);
      emit(r, w->line, h.s, h.n);
      vgi_buf_free(&h);
    }
    vgi_buf l = {0};
    for (int c = 0; c < cols; c++) {
      vgi_buf_add(&l, "| ", 2);
      if (c < w->ncell && w->cell[c].n) put_inline(&l, w->cell[c].s, (int)w->cell[c].n);
      vgi_buf_add(&l, " ", 1);
    }
    vgi_buf_add(&l, "|", 1);
    emit(r, w->line, l.s, l.n);
    vgi_buf_free(&l);
    if (i == 0 && t->header) {
      vgi_buf d = {0};
      for (int c = 0; c < cols; c++) vgi_buf_add(&d, "| --- ", 6);
      vgi_buf_add(&d, "|", 1);
      emit(r, w->line, d.s, d.n);
      vgi_buf_free(&d);
    }
    skip_to(r, w->last);
    a = w->last + 1;
  }
  for (int q = a; q < b; q++) skip_to(r, q);
  r->last_blank = 0;
}

/* "|---|:--:|", "+----+====+": a border of a pipe table or a grid */
static int pipe_rule(const char *s, int n) {
  if (n < 3 || (s[0] != '|' && s[0] != '+')) return 0;
  int dash = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] == '-' || s[i] == '=') dash++;
    else if (!strchr("|+: ", s[i])) return 0;
  }
  return dash >= 3 ? (memchr(s, '=', (size_t)n) ? '=' : '-') : 0;
}

/* a pipe table's row: "| a | b |" */
static int pipe_row(const char *s, int n) { return n >= 3 && s[0] == '|' && s[n - 1] == '|'; }

/* "| a | b |" -> the cells of a row; 0 when there are too many. "\\|" is
 * a "|" in a cell, "\\\\" a backslash (a man page's tbl tables, man_tables.c,
 * escape both: ascii.7's cells "|" and "\\") */
static int pipe_cells(trow *w, const char *s, int n) {
  int c = 0;
  vgi_buf cell = {0};
  for (int i = 1; i < n; i++) {
    if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '|' || s[i + 1] == '\\')) {
      vgi_buf_add(&cell, s + i + 1, 1);
      i++;
      continue;
    }
    if (s[i] != '|') {
      vgi_buf_add(&cell, s + i, 1);
      continue;
    }
    if (c == TMAX_COLS) { vgi_buf_free(&cell); return 0; }
    cell_add(tcell(w, c++), cell.s ? cell.s : "", (int)cell.n);
    cell.n = 0;
  }
  vgi_buf_free(&cell);
  return c;
}

/* A grid drawn with box-drawing characters (U+2500-U+257F: "┌──┬──┐",
 * "│ a │ b │", "╞══╪══╡") as the ASCII a grid is drawn with: its rules
 * '-' ('=' the double ones), its walls '|', its corners and junctions '+';
 * the rest copied. [s, s + n) in out when it holds one: NULL when not. */
static const char *box_ascii(const char *s, int n, vgi_buf *out, int *on) {
  int any = 0;
  for (int i = 0; i + 2 < n && !any; i++)
    any = (unsigned char)s[i] == 0xE2 && ((unsigned char)s[i + 1] & 0xFE) == 0x94;
  if (!any) return NULL;
  out->n = 0;
  for (int i = 0; i < n; i++) {
    unsigned char b1 = i + 2 < n ? (unsigned char)s[i + 1] : 0;
    if ((unsigned char)s[i] != 0xE2 || (b1 & 0xFE) != 0x94 || ((unsigned char)s[i + 2] & 0xC0) != 0x80) {
      vgi_buf_add(out, s + i, 1);
      continue;
    }
    int cp = 0x2500 + ((b1 - 0x94) << 6) + ((unsigned char)s[i + 2] - 0x80);
    char a = '+';
    if (cp == 0x2550) a = '=';
    else if (cp <= 0x2501 || cp == 0x2504 || cp == 0x2505 || cp == 0x2508 || cp == 0x2509 || cp == 0x254C ||
             cp == 0x254D || (cp >= 0x2574 && !(cp & 1)))
      a = '-';
    else if (cp == 0x2502 || cp == 0x2503 || cp == 0x2506 || cp == 0x2507 || cp == 0x250A || cp == 0x250B ||
             cp == 0x254E || cp == 0x254F || cp == 0x2551 || (cp >= 0x2575 && (cp & 1)))
      a = '|';
    vgi_buf_add(out, &a, 1);
    i += 2;
  }
  vgi_buf_add(out, "", 0);
  *on = (int)out->n;
  return out->s;
}

/* line q of a pipe table or grid, box-drawing characters as ASCII (tmp
 * holds it then) */
static const char *grid_text(const text *r, const view *v, int q, int *n, vgi_buf *tmp) {
  const char *s = vtext(r, v, q, n);
  const char *a = box_ascii(s, *n, tmp, n);
  return a ? a : s;
}

/* the byte at which code point `col` of [s, s + n) starts (n past the end) */
static int cp_byte(const char *s, int n, int col) {
  int i = 0;
  for (int c = 0; i < n && c < col; c++)
    for (i++; i < n && ((unsigned char)s[i] & 0xC0) == 0x80; i++) {}
  return i;
}

/* Pipe tables and grids from line i: the end of the table, 0 if none. */
static int pipe_table(const text *r, const view *v, int i, ttable *t) {
  int k = vind(r, v, i), e = i, rules = 0, rows = 0;
  vgi_buf tmp = {0};
  while (e < v->b && !vblank(r, v, e) && vind(r, v, e) == k) {
    int n;
    const char *s = grid_text(r, v, e, &n, &tmp);
    if (pipe_rule(s, n)) rules++;
    else if (pipe_row(s, n)) rows++;
    else break;
    e++;
  }
  if (!rules || rows < 2 || e - i < 3) { vgi_buf_free(&tmp); return 0; }
  int t0;
  const char *s0 = grid_text(r, v, i, &t0, &tmp);
  if (s0[0] == '+') {
    /* a grid: the columns (code points) where the first border has its '+' */
    int cut[TMAX_COLS + 1], nc = 0;
    for (int q = 0; q < t0; q++)
      if (s0[q] == '+') {
        if (nc == TMAX_COLS + 1) { vgi_buf_free(&tmp); return 0; }
        cut[nc++] = q;
      }
    if (nc < 3) { vgi_buf_free(&tmp); return 0; }   /* one column is a box, not a table */
    /* columns of one character ("+-+-+-+", a protocol header's bits under
     * fields that span them, "|Version|  IHL  |") are a diagram, not a
     * table's cells: it stays as drawn */
    int narrow = 0;
    for (int c = 0; c + 1 < nc; c++) narrow += cut[c + 1] - cut[c] == 2;
    if (narrow >= 3) { vgi_buf_free(&tmp); return 0; }
    /* Its blocks (the lines between two borders): in a grid of a border
     * between every two rows each block is a row, its lines' cells joined
     * (reStructuredText); a grid of one block, or of a one-line header
     * block over one body block (a database's output, a box-drawn table),
     * has a row a line, a line without a first cell going on with the row
     * above. */
    int blocks = 0, first_lines = 0, in_block = 0, first_rule = 0;
    for (int q = i + 1; q < e; q++) {
      int n;
      const char *s = grid_text(r, v, q, &n, &tmp);
      int rc = pipe_rule(s, n);
      if (rc) {
        if (in_block && blocks == 1) first_rule = rc;
        in_block = 0;
        continue;
      }
      if (!in_block) blocks++, in_block = 1;
      if (blocks == 1) first_lines++;
    }
    int line_rows = blocks == 1 || (blocks == 2 && first_lines == 1);
    if (blocks == 2 && first_lines == 1 && first_rule == '-') t->header = 1;
    trow *w = NULL;
    for (int q = i + 1; q < e; q++) {
      int n;
      const char *s = grid_text(r, v, q, &n, &tmp);
      int rc = pipe_rule(s, n);
      if (rc) {
        if (rc == '=' && t->n == 1 && !t->header) t->header = 1;
        w = NULL;
        continue;
      }
      int a0 = cp_byte(s, n, cut[0] + 1), z0 = cp_byte(s, n, cut[1]);
      int key = 0;
      for (int b = a0; b < z0 && b < n && !key; b++) key = s[b] != ' ';
      if (!w || (line_rows && key)) w = trow_new(t, q);
      w->last = q;
      for (int c = 0; c + 1 < nc; c++) {
        int a = cp_byte(s, n, cut[c] + 1), z = cp_byte(s, n, cut[c + 1]);
        if (a >= n) break;
        cell_add(tcell(w, c), s + a, z - a);
      }
    }
    t->cols = nc - 1;
    vgi_buf_free(&tmp);
    return t->n ? e : 0;
  }
  /* "| a | b |" rows, "|---|---|" rules: the rows above the first rule,
   * when it is the second line, are the header */
  int cols = 0;
  for (int q = i; q < e; q++) {
    int n;
    const char *s = grid_text(r, v, q, &n, &tmp);
    if (pipe_rule(s, n)) {
      if (q == i + 1 && t->n == 1) t->header = 1;
      continue;
    }
    trow *w = trow_new(t, q);
    int c = pipe_cells(w, s, n);
    if (!c) { vgi_buf_free(&tmp); return 0; }
    if (c > cols) cols = c;
  }
  t->cols = cols;
  vgi_buf_free(&tmp);
  return cols >= 2 ? e : 0;
}

/* "-----  ----   --": runs of dashes (or '=') between spaces; their starts
 * in at[] (at most TMAX_COLS); the number of runs */
static int column_rule(const char *s, int n, int *at) {
  int runs = 0;
  for (int i = 0; i < n;) {
    if (s[i] == ' ') { i++; continue; }
    if (s[i] != '-' && s[i] != '=') return 0;
    int a = i;
    while (i < n && s[i] == s[a]) i++;
    if (i - a < 2 || runs == TMAX_COLS) return 0;
    if (i < n && s[i] != ' ') return 0;
    at[runs++] = a;
  }
  return runs;
}

/* line q cut at the rule's columns into a row (the text's own columns as
 * offsets from indentation k); 0 when a word crosses a column */
static int cut_row(const text *r, const view *v, int q, int k, const int *at, int nc, trow *w) {
  int n;
  const char *s = vtext(r, v, q, &n);
  int off = vind(r, v, q) - k;   /* the line's text starts this far right */
  for (int c = 0; c < nc; c++) {
    int a = at[c] - off, z = c + 1 < nc ? at[c + 1] - off : n;
    if (a < 0) a = 0;
    if (z > n) z = n;
    if (c && a > 0 && a < n && s[a - 1] != ' ') return 0;
    if (a < z) cell_add(tcell(w, c), s + a, z - a);
  }
  return 1;
}

/* Columns under a rule ("Name  Size" / "----  ----" / rows), or between
 * rules ("====  ====" / header / "====  ====" / rows / "====  ===="): the
 * end of the table, 0 if none. */
static int rule_table(const text *r, const view *v, int i, ttable *t) {
  int at[TMAX_COLS], at2[TMAX_COLS];
  int k = vind(r, v, i), n;
  const char *s = vtext(r, v, i, &n);
  int top = column_rule(s, n, at) >= 2;
  int h = top ? i + 1 : i, rl = h + 1;
  if (rl >= v->b || vblank(r, v, h) || vblank(r, v, rl)) return 0;
  const char *rs = vtext(r, v, rl, &n);
  int nc = column_rule(rs, n, at);
  if (nc < 2 || vind(r, v, rl) != k) return 0;
  if (top) {
    int tn;
    const char *ts = vtext(r, v, i, &tn);
    if (column_rule(ts, tn, at2) != nc || memcmp(at, at2, sizeof *at * (size_t)nc)) return 0;
  }
  /* the header: every word of it at or right of its column's start */
  trow *w = trow_new(t, h);
  if (!cut_row(r, v, h, k, at, nc, w)) return 0;
  for (int c = 0; c < nc; c++)
    if (!tcell(w, c)->n) return 0;   /* a column without a name */
  t->header = 1;
  int e = rl + 1;
  while (e < v->b && !vblank(r, v, e)) {
    int en;
    const char *es = vtext(r, v, e, &en);
    if (vind(r, v, e) < k) break;
    if (column_rule(es, en, at2)) { e++; break; }   /* the closing rule */
    w = trow_new(t, e);
    if (!cut_row(r, v, e, k, at, nc, w)) return 0;
    e++;
  }
  t->cols = nc;
  return t->n >= 2 ? e : 0;
}

/* "term   description": the column of the description (0 when the line is
 * not one): a term of a few words without gaps, two or more spaces, then
 * words (no further column, no code) */
static int term_desc(const char *s, int n, int *term_len) {
  char mk;
  int num;
  if (n > LINE_LOOK || prompt_at(s, n) || marker(s, n, &mk, &num)) return 0;   /* lists are lists */
  int g = 0;
  while (g + 1 < n && !(s[g] == ' ' && s[g + 1] == ' ')) g++;
  if (g + 1 >= n || g > 40 || g == 0 || strchr(".?!,;", s[g - 1])) return 0;   /* not a sentence's end */
  int d = g;
  while (d < n && s[d] == ' ') d++;
  if (d >= n) return 0;
  *term_len = g;
  /* the description: words, one column */
  const char *ds = s + d;
  int dn = n - d, letters = 0, other = 0;
  if (!alpha_c((unsigned char)ds[0]) && ds[0] != '(') return 0;
  for (int q = 0; q < dn; q++) {
    unsigned char c = (unsigned char)ds[q];
    if (c == ' ' && q + 1 < dn && ds[q + 1] == ' ' && q > 0 && !strchr(".:;,?!", ds[q - 1])) return 0;
    if (alpha_c(c)) letters++;
    else if (c != ' ') other++;
  }
  if (letters < 3 || letters < other * 2) return 0;
  /* code: an assignment (x=1, not ">= 3.4"), a statement, a variable, a
   * block, a pipe */
  if (ds[dn - 1] == ';' || memchr(ds, '$', (size_t)dn) || memchr(ds, '{', (size_t)dn) ||
      memchr(ds, '|', (size_t)dn))
    return 0;
  for (int q = 1; q + 1 < dn; q++)
    if ((ds[q] == '=' && (isalnum((unsigned char)ds[q - 1]) || ds[q - 1] == '_') && ds[q + 1] != ' ') ||
        (ds[q] == ';' && ds[q + 1] == ' ' && q + 2 < dn && lower_c((unsigned char)ds[q + 2]) &&
         is_command_word(ds + q + 2, dn - q - 2)))
      return 0;
  if (word_count_n(ds, dn) < 2 && dn < 8) return 0;
  return d;
}

/* Terms and what they do in two aligned columns ("-v, --verbose   print
 * more"; a long term alone, its description indented under it): the end,
 * 0 if none. Blank lines between entries are allowed. */
static int term_table(const text *r, const view *v, int i, ttable *t) {
  int k = vind(r, v, i), e = i, entries = 0, inline_desc = 0;
  int col = -1, aligned = 0, misaligned = 0;
  trow *w = NULL;
  while (e < v->b) {
    if (vblank(r, v, e)) {
      int nx = e;
      while (nx < v->b && vblank(r, v, nx)) nx++;
      if (nx >= v->b || vind(r, v, nx) != k || !w) break;
      int nn, tl;
      const char *ns = vtext(r, v, nx, &nn);
      if (!term_desc(ns, nn, &tl)) break;
      e = nx;
      continue;
    }
    int n, tl = 0;
    const char *s = vtext(r, v, e, &n);
    int ind = vind(r, v, e);
    if (ind == k) {
      if (n > LINE_LOOK) return 0;
      int d = term_desc(s, n, &tl);
      char mk;
      int num;
      if (w && !tcell(w, 1)->n) break;   /* a term alone with nothing under it: the end */
      if (d) {
        if (col < 0) col = ind + d;
        if (ind + d == col) aligned++;
        else if (++misaligned > aligned / 2 + 1) break;   /* out of line: the end */
        inline_desc++;
        w = trow_new(t, e);
        cell_add(tcell(w, 0), s, tl && s[tl - 1] == ':' ? tl - 1 : tl);   /* "name:   what it is" */
        cell_add(tcell(w, 1), s + d, n - d);
      } else if (n <= 40 && !marker(s, n, &mk, &num) && e + 1 < v->b && !vblank(r, v, e + 1) &&
                 vind(r, v, e + 1) > k && line_class(&r->L[e]) != 'P' && !ends_colon(s, n)) {
        /* a long term alone: its description on the lines under it */
        w = trow_new(t, e);
        cell_add(tcell(w, 0), s, n);
      } else {
        break;
      }
      entries++;
    } else if (ind > k && w) {
      /* the description goes on, at its column or under the term */
      if (line_class(&r->L[e]) == 'C' && !tcell(w, 1)->n) break;   /* code under a term */
      cell_add(tcell(w, 1), s, n);
      w->last = e;
    } else {
      break;
    }
    e++;
  }
  /* a last term without a description ends the table before it */
  if (t->n && !tcell(&t->rows[t->n - 1], 1)->n) {
    e = t->rows[t->n - 1].line;
    trow_free(&t->rows[t->n - 1]);
    t->n--;
    entries--;
  }
  while (e > i && vblank(r, v, e - 1)) e--;
  /* two entries at least, most with their description on their line, at
   * one column */
  if (entries < 2 || inline_desc < 2 || aligned < 2 || aligned * 2 < entries) return 0;
  for (int q = 0; q < t->n; q++)
    if (!tcell(&t->rows[q], 1)->n) return 0;
  t->cols = 2;
  return e;
}

/* A table at line i: its end (rows in *t), 0 if none */
static int table_at(const text *r, const view *v, int i, ttable *t) {
  /* a list item's table is not shown as one: its lines stay the item's */
  if ((v->ov && i == v->a) || r->in_item) return 0;
  int e = pipe_table(r, v, i, t);
  if (!e) { ttable_free(t); e = rule_table(r, v, i, t); }
  if (!e) { ttable_free(t); e = term_table(r, v, i, t); }
  if (!e) ttable_free(t);
  return e;
}

static int notice(const char *s, int n);

/* "Version 2.2", "Release 1.10": a version line alone, centred under a
 * README's title */
static int version_alone(const char *s, int n) {
  int at = !strncasecmp(s, "version ", 8) ? 8 : !strncasecmp(s, "release ", 8) ? 8 : 0;
  return at && at < n && isdigit((unsigned char)s[at]) && word_count_n(s, n) <= 3;
}

/* "-----" / "libpfm-4.x:" / "a helper library to program …" / "-----": a
 * title between two rules of one mark, on two lines (one line is the
 * over- and underline of blocks()); made a heading, its lines joined.
 * Returns the line after the closing rule, or 0. */
static int two_line_title(text *r, const view *v, int i) {
  char rc = rule_char(&r->L[i], 3);
  if (!rc || i + 3 >= v->b || rule_char(&r->L[i + 3], 3) != rc) return 0;
  vgi_buf t = {0};
  for (int k = i + 1; k <= i + 2; k++) {
    int n;
    const char *s = body(&r->L[k], &n);
    if (vblank(r, v, k) || rule_char(&r->L[k], 3) || !heading_text(s, n)) { vgi_buf_free(&t); return 0; }
    if (t.n) vgi_buf_add(&t, " ", 1);
    vgi_buf_add(&t, s, (size_t)n);
  }
  heading(r, i + 1, (char)(rc | 0x80), t.s, (int)t.n);
  vgi_buf_free(&t);
  skip_to(r, i + 3);
  return i + 4;
}

/* An indented region [a, b) after a line that ended in a colon (colon) or
 * not: a list of short lines, code, or prose read one level in. Returns
 * where it ended (code may go on at a lower indentation). */
static int region(text *r, const view *v, int a, int b, int colon, int depth) {
  {
    int e = depth < MAX_NEST ? two_line_title(r, v, a) : 0;
    if (e) return e;
  }
  /* at the top, indented under a centred title: its version line and the
   * copyright and licence notice, not said nor shown (as at the margin) */
  if (!r->past_top && !r->man && r->L[a].no <= NOTICE_LINES && !(v->ov && a == v->a)) {
    int i = a;
    while (i < b) {
      if (vblank(r, v, i)) { i++; continue; }
      int tt;
      const char *ss = body(&r->L[i], &tt);
      if (!notice(ss, tt) && !(version_alone(ss, tt) && (i + 1 >= b || vblank(r, v, i + 1)))) break;
      while (i < b && !vblank(r, v, i)) i++;
    }
    while (i > a && vblank(r, v, i - 1)) i--;
    if (i > a) return i;
  }
  /* a centred title and its underline, then a blank line and more of the
   * region (libksba's README: "LIBKSBA" / "-------", then its copyright
   * lines): the title is a heading of its own, not the first lines of a
   * code block */
  if (depth < MAX_NEST && a + 2 < b && !vblank(r, v, a) && rule_char(&r->L[a + 1], 3)) {
    int tt, ut;
    const char *ss = body(&r->L[a], &tt), *us = body(&r->L[a + 1], &ut);
    /* (with more lines right under it, "Version 2.2" in GnuPG's README,
     * the underline must be one unbroken run as long as the title: a
     * rule of columns, "----  -----", heads a table instead) */
    int underline = vblank(r, v, a + 2) || (!memchr(us, ' ', (size_t)ut) && ut >= tt - 3 && ut <= tt + 3);
    if (underline && tt > 0 && tt <= SHORT_LINE && (title_case(ss, tt) || all_caps(ss, tt))) {
      /* (centred by hand, the title and its underline rarely share an
       * indentation: the heading is made here, not by a view of the two) */
      heading(r, a, rule_char(&r->L[a + 1], 3), ss, tt);
      skip_to(r, a + 1);
      return a + 2;
    }
  }
  {
    /* a table: its rows, whatever the region's lines look like */
    ttable tb = {0};
    int te = table_at(r, v, a, &tb);
    if (te) {
      table_out(r, &tb, a, te);
      ttable_free(&tb);
      return te;
    }
  }
  int P = 0, C = 0, S = 0, longest = 0, lines = 0, chunks = 1, wrapped = 0;
  int prev_end = 1, prose_chunk = 0, cP = 0, cC = 0;
  for (int i = a; i <= b; i++) {
    if (i == b || vblank(r, v, i)) {
      /* a chunk of sentences, or one that introduces what follows */
      if (i > a && !vblank(r, v, i - 1)) {
        int lt;
        const char *ls = body(&r->L[i - 1], &lt);
        if (!cC && (cP || (lt && strchr(".:", ls[lt - 1])))) prose_chunk = 1;
        if (i < b) chunks++;
      }
      cP = cC = 0;
      continue;
    }
    const tline *l = &r->L[i];
    char c = line_class(l);
    P += c == 'P'; C += c == 'C'; S += c == 'S';
    cP += c == 'P'; cC += c == 'C';
    int t;
    const char *s = body(l, &t);
    if (t > longest) longest = t;
    if (lines && !prev_end && t && lower_c((unsigned char)s[0])) wrapped++;
    prev_end = t && strchr(".?!:;", s[t - 1]);
    lines++;
  }
  char mk;
  int num;
  int t0;
  const char *s0 = vtext(r, v, a, &t0);
  int has_marker = marker(s0, t0, &mk, &num) > 0;
  /* addresses alone, or short headings (a centred title and its
   * underline): read one level in, where an address is a link and a
   * heading a heading */
  int names = depth < MAX_NEST;
  for (int i = a; i < b && names; i++) {
    if (vblank(r, v, i)) continue;
    int tt;
    const char *ss = body(&r->L[i], &tt);
    if (!addresses_only(ss, tt) && !title_case(ss, tt) && !all_caps(ss, tt) && !rule_char(&r->L[i], 3))
      names = 0;
  }
  if (names && !(colon && lines >= 2 && !has_marker)) {
    int m = -1;
    for (int i = a; i < b; i++)
      if (!vblank(r, v, i) && (m < 0 || vind(r, v, i) < m)) m = vind(r, v, i);
    view in = { a, b, m < 0 ? v->base : m, NULL, 0, 0 };
    blocks(r, in, depth + 1);
    return b;
  }
  if (colon && !C && !has_marker && lines >= 2 && longest <= SHORT_LINE && !wrapped &&
      (chunks == 1 || chunks == lines)) {
    line_list(r, v, a, b);
    return b;
  }
  /* (one short sentence under a colon, "Unicode input:" over "Making groff
   * 21bit input-clean.", is said, not shown as code) */
  int sentence = 0;
  if (lines == 1 && S == 1) {
    int st;
    const char *ss = vtext(r, v, a, &st);
    sentence = st > 1 && upper_c((unsigned char)ss[0]) && ss[st - 1] == '.' && word_count_n(ss, st) >= 3;
  }
  if (depth >= MAX_NEST || (!has_marker && ((!P && (C || !colon || (lines == 1 && !sentence))) ||
                                             (C > 2 * P && !(prose_chunk && chunks > 1))))) {
    /* code: it goes on with code-like lines right under it */
    int e = b;
    while (e < v->b && e == b && !vblank(r, v, e) && line_class(&r->L[e]) == 'C') { e++; b = e; }
    note_first(r, 'C', 0);
    code_block(r, v, a, b, code_lang(r, v, a, b));
    return b;
  }
  int m = -1;
  for (int i = a; i < b; i++)
    if (!vblank(r, v, i) && (m < 0 || vind(r, v, i) < m)) m = vind(r, v, i);
  view in = { a, b, m < 0 ? v->base : m, NULL, 0, 0 };
  blocks(r, in, depth + 1);
  return b;
}

/* The end of the list item at line i (its marker at indentation k0): the
 * lines more indented than its marker, and lazy lines of prose at the
 * marker's indentation until a blank line. */
static int item_end(const text *r, const view *v, int i, int k0) {
  int e = i + 1, last = i + 1, blank_seen = 0;
  while (e < v->b) {
    if (vblank(r, v, e)) { blank_seen = 1; e++; continue; }
    int k = vind(r, v, e);
    if (k > k0) { last = ++e; continue; }
    if (k == k0 && !blank_seen) {
      int tt;
      const char *ss = vtext(r, v, e, &tt);
      char kk;
      int nn;
      if (!marker(ss, tt, &kk, &nn) && !rule_char(&r->L[e], 4)) { last = ++e; continue; }
    }
    break;
  }
  return last;
}

/* A numbered item alone, whose first sentence is short and whose text goes
 * on, with more blocks after it before the next number ("1. Run a
 * git-daemon.  This allows …", then commands and prose, then "2. …"): a
 * numbered section. Returns the length of its heading (the first sentence
 * with its number), 0 when it is a list item. */
static int numbered_section(const text *r, const view *v, int i, int w) {
  int t;
  const char *s = vtext(r, v, i, &t);
  int k0 = vind(r, v, i), last = item_end(r, v, i, k0);
  int nx = last;
  while (nx < v->b && vblank(r, v, nx)) nx++;
  if (nx >= v->b || vind(r, v, nx) > k0) return 0;
  int nt;
  const char *ns = vtext(r, v, nx, &nt);
  char nk;
  int nn;
  if (marker(ns, nt, &nk, &nn)) return 0;   /* a list of several items */
  int lim = t < 100 ? t : 100;
  for (int k = w; k + 1 < lim; k++) {
    if (s[k] == '.' && s[k + 1] == ' ') {
      int words = word_count_n(s + w, k - w);
      int rest = k + 1;
      while (rest < t && s[rest] == ' ') rest++;
      if (words >= 1 && words <= 8 && (rest < t || last > i + 1) && upper_c((unsigned char)s[w])) return k + 1;
      return 0;
    }
  }
  return 0;
}

/* list items from line i (a marker of kind mk at indentation ind) */
static int list_items(text *r, const view *v, int i, int depth) {
  int t;
  const char *s = vtext(r, v, i, &t);
  char kind;
  int num = 1;
  int w = marker(s, t, &kind, &num);
  int k0 = vind(r, v, i);
  int start = num;
  note_first(r, 'L', 0);
  if (!r->scan) sep(r, i);
  int n_item = 0;
  while (i < v->b) {
    s = vtext(r, v, i, &t);
    char k2;
    int num2 = 0;
    int w2 = marker(s, t, &k2, &num2);
    if (!w2 || k2 != kind || vind(r, v, i) != k0) break;
    w = w2;
    int last = item_end(r, v, i, k0);
    char mark[32];
    int mw;
    if (kind == '-' || kind == 'o') mw = snprintf(mark, sizeof mark, "- ");
    else mw = snprintf(mark, sizeof mark, "%d. ", start + n_item);
    int col = vind(r, v, i) + w;
    if (depth >= MAX_NEST) {
      /* too deep: the item's lines as one paragraph */
      view flat = { i, last, k0, s + w, t - w, 0 };
      paragraph(r, &flat, i, last);
    } else if (r->scan) {
      view in = { i, last, col, s + w, t - w, 0 };
      r->in_item++;
      blocks(r, in, depth + 1);
      r->in_item--;
    } else {
      size_t keep = r->pre.n;
      vgi_buf pend = {0};
      vgi_buf_add(&pend, r->pre.s ? r->pre.s : "", r->pre.n);
      vgi_buf_add(&pend, mark, (size_t)mw);
      free(r->pending);
      r->pending = vgi_buf_take(&pend);
      for (int q = 0; q < mw; q++) vgi_buf_add(&r->pre, " ", 1);
      view in = { i, last, col, s + w, t - w, 0 };
      r->last_blank = 1;   /* the item's first block needs no empty line */
      r->in_item++;
      blocks(r, in, depth + 1);
      r->in_item--;
      r->pre.n = keep;
      if (r->pre.s) r->pre.s[keep] = 0;
      free(r->pending);
      r->pending = NULL;
    }
    n_item++;
    /* the next item after blank lines */
    int nx = last;
    while (nx < v->b && vblank(r, v, nx)) nx++;
    if (nx >= v->b) { i = last; break; }
    const char *sn;
    int tn;
    sn = vtext(r, v, nx, &tn);
    char kn;
    int numn;
    if (vind(r, v, nx) != k0 || !marker(sn, tn, &kn, &numn) || kn != kind) { i = last; break; }
    i = nx;
  }
  return i;
}

/* a "Key: value" block [a, b): each key line and the lines indented under it */
static int kv_block(const text *r, const view *v, int a, int b) {
  int keys = 0, k0 = vind(r, v, a);
  for (int i = a; i < b; i++) {
    int t;
    const char *s = vtext(r, v, i, &t);
    int k = vind(r, v, i);
    if (k == k0 && kv_key(s, t)) keys++;
    else if (k <= k0) return 0;
  }
  return keys >= 2;
}

/* "Key: value" fields are said with their values: a run of fields of a
 * few lines each ("Program: GNU bc", "Author: …") is a table of keys and
 * values, shown whole and said row by row ("Program: GNU bc. Author: …");
 * a field of many lines (a license) a list item whose key leads its lines. */
#define KV_CELL_LINES 4  /* lines of a value in a table's cell, at most */

/* the end of the field at line i (its key at indentation k0) */
static int kv_end(const text *r, const view *v, int i, int b, int k0) {
  int e = i + 1;
  while (e < b && vind(r, v, e) > k0) e++;
  return e;
}

static void kv_table(text *r, const view *v, int a, int b) {
  int k0 = vind(r, v, a);
  ttable tb = {0};
  for (int i = a; i < b;) {
    int t;
    const char *s = vtext(r, v, i, &t);
    int kl = kv_key(s, t);
    trow *w = trow_new(&tb, i);
    cell_add(tcell(w, 0), s, kl);
    cell_add(tcell(w, 1), s + kl + 1, t - kl - 1);
    int vcolon = tcell(w, 1)->n && ends_colon(s, t), e = kv_end(r, v, i, b, k0);
    for (int q = i + 1; q < e; q++) {
      int tq;
      const char *sq = body(&r->L[q], &tq);
      if (tq == 1 && sq[0] == '.') continue;   /* a Debian continuation's empty line */
      /* lines after a value ending in a colon are its items */
      if (vcolon && q > i + 1) vgi_buf_add(tcell(w, 1), ",", 1);
      cell_add(tcell(w, 1), sq, tq);
      w->last = q;
    }
    i = e;
  }
  tb.cols = 2;
  table_out(r, &tb, a, b);
  ttable_free(&tb);
}

static void kv_list(text *r, const view *v, int a, int b, int depth);

/* The line where the chunk of fields next to [a, b) in the view starts
 * with the same key as a's: an RFC 822 stanza's sibling (dpkg's README.api,
 * "What: … / Status: … / Description:" again and again); -1 when none. */
static int stanza_sibling(const text *r, const view *v, int a, int b) {
  int t, kl = 0;
  const char *s = vtext(r, v, a, &t);
  kl = kv_key(s, t);
  int at[2] = { b, a - 1 };
  while (at[0] < v->b && vblank(r, v, at[0])) at[0]++;   /* the next chunk */
  while (at[1] >= v->a && vblank(r, v, at[1])) at[1]--;  /* the one before, from its first line */
  for (int q = 0; at[1] >= v->a && q < 64 && at[1] > v->a && !vblank(r, v, at[1] - 1); q++) at[1]--;
  for (int k = 0; k < 2; k++) {
    if (at[k] < v->a || at[k] >= v->b || (k == 1 && at[1] >= a) || vind(r, v, at[k]) != vind(r, v, a)) continue;
    int ot;
    const char *os = vtext(r, v, at[k], &ot);
    if (kv_key(os, ot) == kl && !strncmp(os, s, (size_t)kl)) return at[k];
  }
  return -1;
}

/* A stanza of fields among stanzas of the same keys, one of them a tall
 * field (its value the lines under it: a description): one list item, the
 * first field's value its name (no path nor glob), the description, its
 * last field, its text, the other fields after it in brackets ("**libdpkg.a**: The API provided … (Status:
 * volatile)"). Shown as a table with the description apart, each stanza's
 * description was said away from what it describes. 1 when written. */
static int stanza_item(text *r, const view *v, int a, int b) {
  int k0 = vind(r, v, a), tall = -1;
  for (int i = a; i < b;) {
    int e = kv_end(r, v, i, b, k0);
    if (e - i > 1 && tall < 0) tall = i;
    i = e;
  }
  if (tall <= a || kv_end(r, v, tall, b, k0) != b || stanza_sibling(r, v, a, b) < 0) return 0;
  /* (the name a thing's, not files': Debian's copyright stanzas, "Files:
   * a glob" over "Copyright:" and "License:", stay fields) */
  {
    int ft;
    const char *fs = vtext(r, v, a, &ft);
    if (memchr(fs, '*', (size_t)ft) || memchr(fs, '/', (size_t)ft)) return 0;
  }
  note_first(r, 'L', 0);
  if (r->scan) return 1;
  sep(r, a);
  vgi_buf l = {0}, rest = {0};
  int t;
  const char *s = vtext(r, v, a, &t);
  int kl = kv_key(s, t), vs = kl + 1;
  while (vs < t && s[vs] == ' ') vs++;
  vgi_buf_puts(&l, "- **");
  put_inline(&l, s + vs, t - vs);
  vgi_buf_puts(&l, "**:");
  for (int i = kv_end(r, v, a, b, k0); i < b;) {
    int e = kv_end(r, v, i, b, k0);
    const char *fs = vtext(r, v, i, &t);
    int fk = kv_key(fs, t), fv = fk + 1;
    while (fv < t && fs[fv] == ' ') fv++;
    if (i == tall) {
      if (fv < t) { vgi_buf_add(&l, " ", 1); put_inline(&l, fs + fv, t - fv); }
      for (int q = i + 1; q < e; q++) {
        int ct;
        const char *cs = vtext(r, v, q, &ct);
        while (ct && *cs == ' ') cs++, ct--;
        if (ct == 1 && cs[0] == '.') continue;   /* Debian's empty line */
        vgi_buf_add(&l, " ", 1);
        put_inline(&l, cs, ct);
      }
    } else if (fv < t) {
      vgi_buf_puts(&rest, rest.n ? "; " : "");
      put_inline(&rest, fs, t);
    }
    i = e;
  }
  if (rest.n) {
    vgi_buf_puts(&l, " (");
    vgi_buf_add(&l, rest.s, rest.n);
    vgi_buf_puts(&l, ")");
  }
  emit(r, a, l.s, l.n);
  skip_to(r, b - 1);
  vgi_buf_free(&l);
  vgi_buf_free(&rest);
  return 1;
}

static void kv_items(text *r, const view *v, int a, int b, int depth) {
  if (!r->in_item && stanza_item(r, v, a, b)) return;
  int k0 = vind(r, v, a);
  if (r->in_item) {
    kv_list(r, v, a, b, depth);   /* no table in a list item */
    return;
  }
  for (int i = a; i < b;) {
    /* a run of fields short enough for a table's cells */
    int e = i, n = 0;
    while (e < b) {
      int fe = kv_end(r, v, e, b, k0);
      if (fe - e > KV_CELL_LINES) break;
      e = fe;
      n++;
    }
    if (n >= 2) {
      /* a key with no value leading the run introduces it ("Main
       * targets:"): said before the table */
      int t;
      const char *s = vtext(r, v, i, &t);
      if (kv_key(s, t) + 1 >= t && kv_end(r, v, i, b, k0) == i + 1 && n > 2) {
        paragraph(r, v, i, i + 1);
        i++;
      }
      kv_table(r, v, i, e);
      i = e;
      continue;
    }
    /* a tall field, or one short field alone among tall ones */
    e = kv_end(r, v, i, b, k0);
    kv_list(r, v, i, e, depth);
    i = e;
  }
}

/* fields [a, b) as list items */
static void kv_list(text *r, const view *v, int a, int b, int depth) {
  int k0 = vind(r, v, a);
  note_first(r, 'L', 0);
  if (r->scan) return;
  sep(r, a);
  for (int i = a; i < b;) {
    int t;
    const char *s = vtext(r, v, i, &t);
    int kl = kv_key(s, t);
    int e = i + 1;
    while (e < b && vind(r, v, e) > k0) e++;
    /* a Debian continuation's lone "." is an empty line */
    vgi_buf l = {0};
    int vs = kl + 1;
    while (vs < t && s[vs] == ' ') vs++;
    if (vs < t) {
      /* "Key: value", said whole */
      vgi_buf_add(&l, "- ", 2);
      put_inline(&l, s, kl);
      vgi_buf_add(&l, ": ", 2);
      put_inline(&l, s + vs, t - vs);
    } else {
      /* a key that leads the lines under it */
      vgi_buf_add(&l, "- **", 4);
      put_inline(&l, s, kl);
      vgi_buf_add(&l, "**:", 3);
    }
    emit(r, i, l.s, l.n);
    vgi_buf_free(&l);
    if (e > i + 1) {
      int shortl = 1;
      for (int q = i + 1; q < e; q++) {
        int tq;
        body(&r->L[q], &tq);
        if (tq > SHORT_LINE) shortl = 0;
      }
      int colon = vs < t && s[t - 1] == ':';
      size_t keep = r->pre.n;
      vgi_buf_add(&r->pre, "  ", 2);
      if ((colon || shortl) && e - i > 2 && depth < MAX_NEST) {
        r->last_blank = 1;
        for (int q = i + 1; q < e; q++) {
          int tq;
          const char *sq = body(&r->L[q], &tq);
          if (tq == 1 && sq[0] == '.') { skip_to(r, q); continue; }
          vgi_buf li = {0};
          vgi_buf_add(&li, "- ", 2);
          put_inline(&li, sq, tq);
          emit(r, q, li.s, li.n);
          vgi_buf_free(&li);
        }
      } else {
        for (int q = i + 1; q < e; q++) {
          int tq;
          const char *sq = body(&r->L[q], &tq);
          if (tq == 1 && sq[0] == '.') { skip_to(r, q); continue; }
          emit_text(r, q, sq, tq);
        }
      }
      r->pre.n = keep;
      if (r->pre.s) r->pre.s[keep] = 0;
    }
    i = e;
  }
}

/* Lines [a, b) written one item a line ("Press Ctrl-C to stop.", "Tab
 * completes names."), not a paragraph wrapped at a column: no line goes on
 * into the next (none ends in a comma or the like, none after the first
 * starts in lower case), and each ends a sentence or stops well short of
 * the longest line, where a wrapped line would have gone on; lines of one
 * length, each ending a sentence, are justified prose. */
/* a line that ends on a word a sentence goes on from ("support for" /
 * "Windows"): wrapped, whatever the next line opens with */
static int connective_end(const char *s, int t) {
  static const char *const words[] = { "a", "an", "the", "of", "for", "to", "in", "on", "with", "and", "or", "by",
    "from", "at", "as", "is", "are", "be", "that", "than", NULL };
  int w = t;
  while (w > 0 && s[w - 1] != ' ') w--;
  for (int k = 0; words[k]; k++)
    if ((int)strlen(words[k]) == t - w && !strncasecmp(s + w, words[k], (size_t)(t - w))) return 1;
  return 0;
}

static int one_per_line(const text *r, const view *v, int a, int b) {
  int k = vind(r, v, a), longest = 0, shortest = 1 << 30, ends = 0, n = b - a;
  /* (a changelog's entries are a line each, two of them too: "Fixed
   * ibase extension causing problems for read()" / "Fixed parallel make
   * problem." in bc's NEWS, and "fix to get long options working." after
   * an entry that ended, in lower case) */
  if (n < (r->news ? 2 : 3) || (v->ov && a == v->a)) return 0;
  for (int q = a; q < b; q++) {
    if (vblank(r, v, q) || vind(r, v, q) != k) return 0;
    int t;
    const char *s = vtext(r, v, q, &t);
    if (t > LINE_LOOK) return 0;
    if (q > a && lower_c((unsigned char)s[0])) {
      int pt;
      const char *ps = vtext(r, v, q - 1, &pt);
      if (!r->news || ps[pt - 1] != '.') return 0;
    }
    if (strchr(",;-(&/", s[t - 1]) || connective_end(s, t)) return 0;
    if (t > longest) longest = t;
    if (t < shortest) shortest = t;
  }
  for (int q = a; q < b; q++) {
    int t;
    const char *s = vtext(r, v, q, &t);
    char last = s[t - 1];
    if ((last == ')' || last == '"' || last == '\'') && t > 1) last = s[t - 2];
    int nt = 0;
    const char *ns = q + 1 < b ? vtext(r, v, q + 1, &nt) : NULL;
    if (strchr(".!?", last)) ends++;
    else if (r->news && ns && nt > 1 && upper_c((unsigned char)ns[0]) && lower_c((unsigned char)ns[1]) &&
             !strchr(",:", last)) {
      /* (an entry that the next one, a capital first, follows) */
    } else if (t > longest - 10 || t > SHORT_LINE) return 0;   /* cut where a wrap would be */
  }
  if (ends == n && shortest >= 60 && longest - shortest <= 8) return 0;   /* justified */
  /* a text wrapped at a column: lines up to the last that reach near it
   * are a paragraph whose sentences ended where the line did */
  if (r->wrap && !r->news) {
    int near = 0;
    for (int q = a; q + 1 < b; q++) {
      int t;
      vtext(r, v, q, &t);
      near += t >= r->wrap - 15;
    }
    if (near == n - 1) return 0;
  }
  return 1;
}

/* The end of two or more lines from a, more indented than k, all at one
 * column and led by the same token of symbols (not letters or digits: "≥",
 * ">=", "+"); a when there are none. */
static int same_lead_lines(const text *r, const view *v, int a, int k) {
  if (a >= v->b || vblank(r, v, a) || vind(r, v, a) <= k) return a;
  int col = vind(r, v, a), t0;
  const char *s0 = vtext(r, v, a, &t0);
  int lead = 0;
  while (lead < t0 && s0[lead] != ' ' && !isalnum((unsigned char)s0[lead])) lead++;
  if (!lead || lead >= t0 || s0[lead] != ' ' || s0[0] == '-' || s0[0] == '*') return a;
  int e = a + 1;
  for (; e < v->b && !vblank(r, v, e) && vind(r, v, e) == col; e++) {
    int t;
    const char *s = vtext(r, v, e, &t);
    if (t <= lead || strncmp(s, s0, (size_t)lead) || s[lead] != ' ') break;
  }
  return e - a >= 2 && (e >= v->b || vblank(r, v, e) || vind(r, v, e) <= k) ? e : a;
}

/* Is line i (at the view's base, after a blank line or the view's start)
 * alone: the next line blank or more indented? */
static int alone(const text *r, const view *v, int i) {
  return i + 1 >= v->b || vblank(r, v, i + 1) || vind(r, v, i + 1) > vind(r, v, i);
}

static int next_nonblank(const text *r, const view *v, int i) {
  while (i < v->b && vblank(r, v, i)) i++;
  return i;
}

/* A numbered item whose text the filler wrapped under itself (man's ".IP
 * 11." as mandoc lays it out: "11.  … stockent à la" over "fois la
 * taille …" at the item's text column): an item, not a numbered heading
 * over its body. The line after it starts at the text's column and either
 * goes on with a small letter or would not have fitted on the line. */
static int item_wrapped(const text *r, const view *v, int i, int at) {
  if (i + 1 >= v->b || vblank(r, v, i + 1) || vind(r, v, i + 1) != vind(r, v, i) + at) return 0;
  int t, nt;
  const char *s = vtext(r, v, i, &t), *ns = vtext(r, v, i + 1, &nt);
  int cols = vind(r, v, i) + 1;   /* in characters, not bytes ("décompresser", Cyrillic) */
  for (int k = 0; k < t; k++) cols += ((unsigned char)s[k] & 0xC0) != 0x80;
  for (int k = 0; k < nt && ns[k] != ' '; k++) cols += ((unsigned char)ns[k] & 0xC0) != 0x80;
  return lower_c((unsigned char)ns[0]) || cols > WRAP_COLUMN;
}

static const char *const CONNECTIVES[] = { "or", "and", "then", "also", "else", "otherwise",
  "alternatively", "for example", "e.g.", "i.e.", "example", "oder", "und", "ou", "et", "o", "y", NULL };

static int connective(const char *s, int n) {
  while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' ')) n--;
  for (int k = 0; CONNECTIVES[k]; k++)
    if ((int)strlen(CONNECTIVES[k]) == n && !strncasecmp(s, CONNECTIVES[k], (size_t)n)) return 1;
  /* a line that a conjunction opens goes on with the text before it ("And
   * for Git commit emails:" over an address): no heading */
  static const char *const opens[] = { "and", "or", "but", "also", "then", "plus", "und", "oder", "aber", "et",
                                       "ou", "mais", "pero", NULL };
  int w = 0;
  while (w < n && s[w] != ' ') w++;
  if (w < n)
    for (int k = 0; opens[k]; k++)
      if ((int)strlen(opens[k]) == w && !strncasecmp(s, opens[k], (size_t)w)) return 1;
  return 0;
}

/* "Sections in this file describe:", "Here is what you need:": a sentence
 * that brings what follows, not a label naming a section ("Build
 * requirements:"); a pronoun, a word pointing at the text or a verb of
 * being tells it */
static int clause_line(const char *s, int n) {
  static const char *const words[] = { "this", "these", "those", "here", "there", "following", "below",
    "you", "we", "i", "it", "they", "is", "are", "was", "were", "will", "can", "should", "must", "may",
    "do", "does", "has", "have", NULL };
  for (int i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    int a = i;
    while (i < n && s[i] != ' ' && s[i] != ':' && s[i] != ',') i++;
    for (int k = 0; words[k]; k++)
      if ((int)strlen(words[k]) == i - a && !strncasecmp(s + a, words[k], (size_t)(i - a))) return 1;
    while (i < n && (s[i] == ':' || s[i] == ',')) i++;
  }
  return 0;
}

/* A label line ending in a colon at column k, the lines under it indented
 * (at nx): a section's heading only when what comes back to its column
 * after them is another heading, or nothing. In a list of entries written
 * with hanging indentation (a TODO's "Suggestion from Paul Eggert:" over
 * its text right under it, then "cp --recursive: use fts …"), it is one
 * entry's lead, and made a heading it would head every entry after it. */
static int heading_line(const text *r, const view *v, int i);
static int colon_section(const text *r, const view *v, int nx, int k) {
  if (vblank(r, v, nx - 1)) return 1;   /* a label alone over a blank line: a heading */
  int e = next_nonblank(r, v, region_end(r, v, nx, k));
  return e >= v->b || vind(r, v, e) < k || heading_line(r, v, e);
}

/* A copyright line or a licence's usual opening: the notice at the top of a
 * README ("Copyright 2001, … g10 Code GmbH", "This file is free software;
 * as a special exception …") is not what the document is about. */
static int notice(const char *s, int n) {
  static const char *const starts[] = { "copyright ", "copyright:", "\xc2\xa9", "(c) ",
    "this file is free software", "this program is free software", "this library is free software",
    "this file is distributed in the hope", "this program is distributed in the hope",
    "this library is distributed in the hope", "permission is granted", "permission is hereby granted",
    "all rights reserved", "copying and distribution of this file", "verbatim copying and distribution",
    "you should have received a copy", NULL };
  /* (in a comment's marks: "# Copyright (C) 2000-2018 …" atop groff's TODO) */
  int c = 0;
  while (c < n && c < 3 && (s[c] == '#' || s[c] == '/' || s[c] == ';' || s[c] == '%')) c++;
  if (c && c < n && s[c] == ' ') {
    while (c < n && s[c] == ' ') c++;
    s += c;
    n -= c;
  }
  for (int k = 0; starts[k]; k++) {
    int m = (int)strlen(starts[k]);
    if (n >= m && !strncasecmp(s, starts[k], (size_t)m)) return 1;
  }
  return 0;
}

/* The notice that closes a GNU file ("Copyright (C) 2002-2022 Free
 * Software Foundation, Inc." over its licence, after the last rule): from
 * line i to the end, every paragraph a notice's (a rule, an Emacs "Local
 * Variables:" block after it). Not said nor shown, as at the top. */
static int closing_notice(const text *r, int i) {
  int bt;
  const char *bs = body(&r->L[i], &bt);
  if (!notice(bs, bt)) return 0;
  /* after a rule alone, not under a heading (the document's own "Copying") */
  int p = i - 1;
  while (p >= 0 && is_blank(&r->L[p])) p--;
  if (p < 1 || !rule_char(&r->L[p], 3) || !is_blank(&r->L[p - 1])) return 0;
  for (int q = i + 1; q < r->n; q++) {
    if (is_blank(&r->L[q - 1]) && !is_blank(&r->L[q])) {
      bs = body(&r->L[q], &bt);
      if (bt >= 16 && !strncasecmp(bs, "Local Variables:", 16)) return 1;
      if (!notice(bs, bt) && !rule_char(&r->L[q], 3)) return 0;
    }
  }
  return 1;
}

/* ---- a table of contents ------------------------------------------------------------------ */

/* A line of a table of contents with page numbers ("1. Introduction ....... 3",
 * "2.1 Building . . . . 12"): its title at *ts (*tn bytes, without its
 * number), its depth (1 a part, 2 and more its sections) -> 0 when none. */
static int toc_page_line(const char *s, int n, const char **ts, int *tn) {
  int e = n;
  while (e > 0 && s[e - 1] == ' ') e--;
  int d = e;
  while (d > 0 && isdigit((unsigned char)s[d - 1])) d--;
  if (d == e || e - d > 4) return 0;
  int dots = 0, l = d;
  while (l > 0 && (s[l - 1] == '.' || s[l - 1] == ' ')) dots += s[--l] == '.';
  if (dots < 3 || l == 0) return 0;   /* a leader of dots before the page */
  int at = 0, depth = numbered(s, l + 1, &at);
  if (!depth) at = 0, depth = 1;
  *ts = s + at;
  *tn = l - at;
  for (int k = 0; k < *tn; k++)
    if (alpha_c((unsigned char)(*ts)[k])) return depth;
  return 0;
}

/* 1 when the line is the label of a table of contents ("Contents", "Table
 * of Contents:", "Inhalt"): the Markdown adapter's labels, on a short line. */
static int toc_label_line(const char *s, int n) {
  if (n > 40 || word_count_n(s, n) > 4) return 0;
  char t[48];
  memcpy(t, s, (size_t)n);
  t[n] = 0;
  return vgi_toc_label(t);
}

/* 1 when a line after `after` reads as the title t (tn bytes), a number
 * before it or not: a section the contents name. */
static int later_heading(const text *r, int after, const char *t, int tn) {
  for (int i = after; i < r->n; i++) {
    int n;
    const char *s = body(&r->L[i], &n);
    int at = 0;
    if (numbered(s, n, &at)) s += at, n -= at;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ':')) n--;
    if (n == tn && !strncasecmp(s, t, (size_t)tn)) return 1;
  }
  return 0;
}

/* A table of contents at line i (its label, then its entries): lines with
 * a leader of dots and a page number, or, under a label, short lines that
 * each name a later section of the document. -> the line after it, i when
 * there is none; *first: its first entry. */
static int toc_at(const text *r, const view *v, int i, int *first) {
  int t;
  const char *s = vtext(r, v, i, &t);
  int a = i;
  if (toc_label_line(s, t)) {
    a = i + 1;
    while (a < v->b && vblank(r, v, a)) a++;
  }
  *first = a;
  int e = a, pages = 0, named = 0, lines = 0;
  while (e < v->b) {
    if (vblank(r, v, e)) {
      if (e + 1 < v->b && !vblank(r, v, e + 1) && lines) { e++; continue; }
      break;
    }
    const char *ls = vtext(r, v, e, &t);
    const char *ts;
    int tn, at = 0;
    if (toc_page_line(ls, t, &ts, &tn)) pages++;
    else if (a > i && t <= 60 && word_count_n(ls, t) <= 8 && ls[t - 1] != '.' && ls[t - 1] != ':') {
      if (numbered(ls, t, &at)) ls += at, t -= at;
      if (!later_heading(r, e + 1, ls, t)) break;
      named++;
    } else break;
    lines++;
    e++;
  }
  while (e > a && vblank(r, v, e - 1)) e--;
  if (lines < 2 || (pages && named) || (!pages && a == i)) return i;
  return e;
}

/* The table of contents [a, b) as Markdown's: a list of links into the
 * document, which the Markdown adapter shows as an agenda and never reads
 * entry by entry; its label is left out, as the agenda says what it is. */
static void toc_list(text *r, const view *v, int label, int a, int b) {
  note_first(r, 'L', 0);
  if (r->scan) return;
  skip_to(r, label);
  sep(r, a);
  int t;
  for (int i = a; i < b; i++) {
    if (vblank(r, v, i)) continue;
    const char *s = vtext(r, v, i, &t);
    const char *ts = s;
    int tn = t, at = 0, depth = toc_page_line(s, t, &ts, &tn);
    if (!depth) {
      depth = numbered(s, t, &at);
      if (!depth) depth = 1;
      ts = s + at;
      tn = t - at;
    }
    while (tn > 0 && ts[tn - 1] == ' ') tn--;
    vgi_buf l = {0};
    for (int k = 1; k < depth && k < 4; k++) vgi_buf_puts(&l, "  ");
    vgi_buf_puts(&l, "- [");
    put_inline(&l, ts, tn);
    vgi_buf_puts(&l, "](#");
    for (int k = 0; k < tn; k++)
      vgi_buf_add(&l, isalnum((unsigned char)ts[k]) ? (char[]){ (char)tolower((unsigned char)ts[k]) } : "-", 1);
    vgi_buf_puts(&l, ")");
    emit(r, i, l.s, l.n);
    vgi_buf_free(&l);
  }
}

/* line i alone reads as a heading of its own: a label ending in a colon,
 * capitals, a numbered title, a line over an underline, a rule with a title */
static int heading_line(const text *r, const view *v, int i) {
  int t;
  const char *s = vtext(r, v, i, &t);
  const char *ts;
  int tn, at = 0;
  if (rule_title(&r->L[i], &ts, &tn) || (i + 1 < v->b && heading_text(s, t) && rule_char(&r->L[i + 1], 2)))
    return 1;
  if (!alone(r, v, i)) return 0;
  return all_caps(s, t) || (numbered(s, t, &at) && heading_text(s + at, t - at)) ||
         (ends_colon(s, t) && heading_text(s, t - 1) && word_count_n(s, t) <= 5 && !clause_line(s, t)) ||
         title_case(s, t);
}

/* A title underlined inside an indented block ("  Pending copyright
 * papers:" / "  ------" in coreutils' TODO) that the text at the margin
 * goes on from once the block ends: a label of the block's lines, not a
 * section, which would take in every paragraph after the block. Said as a
 * line that introduces what follows. */
static int nested_label(text *r, const view *v, int i, const char *s, int t) {
  if (v->top) return 0;
  /* (a centred title alone in its block, its underline under it, heads
   * what follows at the margin) */
  int others = 0;
  for (int q = v->a; q < v->b && !others; q++) others = q != i && q != i + 1 && !vblank(r, v, q);
  if (!others) return 0;
  int j = v->b;
  while (j < r->n && is_blank(&r->L[j])) j++;
  if (j >= r->n || r->L[j].ind >= v->base) return 0;
  view top = { 0, r->n, 0, NULL, 0, 1 };
  if (heading_line(r, &top, j)) return 0;
  while (t > 0 && (s[t - 1] == ':' || s[t - 1] == ' ')) t--;
  if (!r->scan) {
    vgi_buf b = {0};
    put_inline(&b, s, t);
    vgi_buf_add(&b, ":", 1);
    sep(r, i);
    emit(r, i, b.s, b.n);
    vgi_buf_free(&b);
  }
  note_first(r, 'P', 0);
  return 1;
}

static void blocks(text *r, view v, int depth) {
  int i = v.a;
  int colon = 0;   /* the last paragraph ended in a colon */
  while (i < v.b) {
    if (vblank(&*r, &v, i)) { i++; continue; }
    int k = vind(r, &v, i);
    int t;
    const char *s = vtext(r, &v, i, &t);
    const tline *l = &r->L[i];
    int first_line = i == v.a || vblank(r, &v, i - 1);
    /* the copyright and licence notice before the first section: not said
     * nor shown (the document's own "Copying" section still is) */
    int bt;
    const char *bs = body(l, &bt);
    if (first_line && !r->past_top && r->L[i].no <= NOTICE_LINES && !r->man && !(v.ov && i == v.a) &&
        notice(bs, bt)) {
      while (i < v.b && !vblank(r, &v, i)) i++;
      continue;
    }
    if (first_line && !r->man && r->nelem > 0 && !(v.ov && i == v.a) && closing_notice(r, i)) {
      i = v.b;
      continue;
    }
    /* a table of contents: an agenda, never read entry by entry */
    int toc_first, toc_end = first_line && !v.ov && !r->man ? toc_at(r, &v, i, &toc_first) : i;
    if (toc_end > i) {
      toc_list(r, &v, i, toc_first, toc_end);
      colon = 0;
      i = toc_end;
      continue;
    }
    /* a changelog's dated lines: a list of its changes */
    if (first_line && !r->man && k == v.base) {
      int de = dated_lines(r, &v, i, v.b);
      if (de) {
        colon = 0;
        i = de;
        continue;
      }
    }
    /* more indented than the view: a region of its own */
    if (k > v.base && !(i == v.a && v.ov)) {
      /* a paragraph whose first line alone is indented */
      if (first_line && i + 1 < v.b && !vblank(r, &v, i + 1) && vind(r, &v, i + 1) == v.base &&
          line_class(l) == 'P') {
        int e = i + 1;
        while (e < v.b && !vblank(r, &v, e) && vind(r, &v, e) == v.base) e++;
        paragraph(r, &v, i, e);
        colon = 0;
        i = e;
        continue;
      }
      int e = region_end(r, &v, i, v.base);
      i = region(r, &v, i, e, colon, depth);
      colon = 0;
      continue;
    }
    /* "GnuTLS NEWS -- History of user-visible changes.   -*- outline -*-"
     * is the title, even with a paragraph right under it */
    if (i == r->mode_title && !(v.ov && i == v.a)) {
      heading(r, i, 'M', s, t);
      i++;
      colon = 0;
      continue;
    }
    /* an outline's heading: stars at the margin, their number its depth; a
     * short title ("** Bug fixes", "* Noteworthy changes in release 1.12
     * (2022-04-07) [stable]"), not an entry written the same way ("**
     * libgnutls: Fix a … oracle.", gdb's "* MI version 1 is deprecated …"),
     * which split_lines made a list item */
    if (r->outline && k == 0 && !(v.ov && i == v.a) && t > 2 && s[0] == '*') {
      int stars = 0;
      while (stars < t && s[stars] == '*') stars++;
      /* under release lines written without stars (tar's "version 1.34 -
       * …"), a line with one star is an entry of the release */
      if (stars <= 4 && stars < t && s[stars] == ' ' && !(stars == 1 && r->news_lines)) {
        int at = stars;
        while (at < t && s[at] == ' ') at++;
        if (at < t && outline_title(s + at, t - at)) {
          heading(r, i, (char)('0' + stars), s + at, t - at);
          i++;
          colon = 0;
          continue;
        }
      }
    }
    /* a Debian changelog's entry ("make-dfsg (4.3-3) unstable;
     * urgency=medium", NEWS.Debian): a release, its package and version */
    if (k == v.base && v.top && first_line && !(v.ov && i == v.a) && debian_entry(s, t) &&
        i != r->mode_title) {
      heading(r, i, 'V', s, t);
      i++;
      colon = 0;
      continue;
    }
    /* a changelog's release line ("version 1.34 - Sergey Poznyakoff,
     * 2021-02-13"): a heading, which a summary takes as the latest release */
    if (r->news && k == v.base && v.top && first_line && !(v.ov && i == v.a) && !rule_char(&r->L[i + 1 < v.b ? i + 1 : i], 3)) {
      int at = release_line(s, t);
      if (at >= 0) {
        heading(r, i, 'V', s + at, t - at);
        i++;
        colon = 0;
        continue;
      }
    }
    /* a table (before headings: a column rule is no underline), also right
     * under the line that introduces it ("Options:") */
    int after_colon = 0;
    if (!first_line) {
      int pt;
      const char *ps = vtext(r, &v, i - 1, &pt);
      after_colon = ends_colon(ps, pt);
    }
    if ((first_line || after_colon) && !(v.ov && i == v.a)) {
      ttable tb = {0};
      int te = table_at(r, &v, i, &tb);
      if (te) {
        table_out(r, &tb, i, te);
        ttable_free(&tb);
        colon = 0;
        i = te;
        continue;
      }
    }
    /* rules and headings */
    char rc = v.ov && i == v.a ? 0 : rule_char(l, 3);
    if (rc) {
      int e = two_line_title(r, &v, i);
      if (e) {
        i = e;
        colon = 0;
        continue;
      }
      /* over- and underline: "=====" / Title / "=====" */
      if (i + 2 < v.b && !vblank(r, &v, i + 1) && rule_char(&r->L[i + 2], 3) == rc) {
        int tt;
        const char *ts = body(&r->L[i + 1], &tt);
        if (heading_text(ts, tt)) {
          char key = (char)(rc | 0x80);
          heading(r, i + 1, key, ts, tt);
          skip_to(r, i + 2);
          i += 3;
          colon = 0;
          continue;
        }
      }
      skip_to(r, i);
      i++;
      colon = 0;
      continue;
    }
    const char *ts;
    int tn;
    if (!(v.ov && i == v.a) && rule_title(l, &ts, &tn)) {
      heading(r, i, 'R', ts, tn);
      i++;
      colon = 0;
      continue;
    }
    /* a line ending in a full stop is a title when an underline as long
     * as it says so ("Changes expected to go in, someday." over "====") */
    if (first_line && i + 1 < v.b && !(v.ov && i == v.a) && t > 2 && s[t - 1] == '.' && s[t - 2] != '.' &&
        heading_text(s, t - 1)) {
      int ut;
      body(&r->L[i + 1], &ut);
      if (rule_char(&r->L[i + 1], 3) && ut >= t - 1 && ut <= t + 10) t--;
    }
    if (first_line && i + 1 < v.b && heading_text(s, t)) {
      char uc = rule_char(&r->L[i + 1], 2);
      int ut;
      body(&r->L[i + 1], &ut);
      /* an underline half the title's length or more; a short one ("===",
       * "==" under "Introduction", as Markdown allows) with a blank line
       * after it */
      int under = uc && ut >= 3 && ut * 2 >= t;
      if (uc && !under && (uc == '=' || (uc == '-' && ut >= 3)) && (i + 2 >= v.b || vblank(r, &v, i + 2)))
        under = 1;
      if (under && !(v.ov && i == v.a)) {
        if (!nested_label(r, &v, i, s, t)) heading(r, i, uc, s, t);
        skip_to(r, i + 1);
        i += 2;
        colon = 0;
        continue;
      }
    }
    char mk;
    int num = 0;
    int mw = marker(s, t, &mk, &num);
    /* the document's first line over its copyright notice and addresses
     * only ("libiec61883 README" / "Copyright (C) 2004-2005 …" /
     * "http://www.linux1394.org/"): its title; the lines under it are
     * neither shown nor said, as a notice alone at the top is not */
    if (first_line && v.top && i == next_nonblank(r, &v, v.a) && !mw && !r->man && heading_text(s, t) && t <= 80 &&
        !ends_colon(s, t) && line_class(l) != 'C' && !notice(bs, bt)) {
      int ce = i + 1, ok = 0;
      for (; ce < v.b && !vblank(r, &v, ce) && ce - i <= 4; ce++) {
        int nt;
        const char *ns = body(&r->L[ce], &nt);
        if (!notice(ns, nt) && !addresses_only(ns, nt)) break;
        ok |= notice(ns, nt);
      }
      if (ok && (ce >= v.b || vblank(r, &v, ce))) {
        if (r->scan) {
          r->title_line = l->no;
          note_first(r, 'T', 0);
        } else {
          emit_title(r, i, s, t);
          for (int q = i + 1; q < ce; q++) skip_to(r, q);
        }
        i = ce;
        continue;
      }
    }
    /* a title between runs of "=" ("= GIFLIB TODO list =", "== Notes to
     * developers ==", "=== release 1.22.0 ==="), as wikis, txt2tags and
     * GStreamer's changelog write them: a heading, the marks neither shown
     * nor said */
    int wa, wn;
    if (first_line && alone(r, &v, i) && !(v.ov && i == v.a) && (wn = wiki_title(s, t, &wa)) > 0) {
      heading(r, i, (char)('a' + wiki_title_marks(s, t)), s + wa, wn);
      i++;
      colon = 0;
      continue;
    }
    if (first_line && alone(r, &v, i) && !(v.ov && i == v.a)) {
      int at = 0, dep = numbered(s, t, &at);
      int nx = next_nonblank(r, &v, i + 1);
      if (dep && heading_text(s + at, t - at) && upper_c((unsigned char)s[at]) && nx < v.b &&
          !item_wrapped(r, &v, i, at)) {
        int nt, at2;
        const char *ns = vtext(r, &v, nx, &nt);
        if (!numbered(ns, nt, &at2) || vind(r, &v, nx) > k) {
          heading(r, i, (char)('0' + (dep > 6 ? 6 : dep)), s, t);
          i++;
          colon = 0;
          continue;
        }
      }
      if (all_caps(s, t) && (dep || !mw)) {
        heading(r, i, 'C', s, t);
        i++;
        /* "AUTHOR:" over its names: the lines it brings are its items */
        colon = ends_colon(s, t);
        continue;
      }
      if (v.top && ends_colon(s, t) && heading_text(s, t - 1) && word_count_n(s, t) <= 5 &&
          !memchr(s, ',', (size_t)t) && !mw && nx < v.b && vind(r, &v, nx) > k &&
          !lower_c((unsigned char)s[0]) && !connective(s, t) && !clause_line(s, t) &&
          colon_section(r, &v, nx, k)) {
        heading(r, i, ':', s, t);
        i++;
        colon = 1;
        continue;
      }
      /* a short line alone in title case between blocks ("Portability
       * Notes", "About"), a paragraph or a list under it: a heading */
      if (title_case(s, t) && nx < v.b && vind(r, &v, nx) >= k && r->nelem > 0 && !mw) {
        int nt;
        const char *ns = vtext(r, &v, nx, &nt);
        if (!title_case(ns, nt) && !all_caps(ns, nt) && !rule_char(&r->L[nx], 3)) {
          heading(r, i, 'C', s, t);
          i++;
          colon = 0;
          continue;
        }
      }
      /* the document's first line, short and alone: its title (a line
       * ending in a colon only when it is a name, not a sentence) */
      if (v.top && r->nelem == 0 && r->scan && !mw && heading_text(s, t) && t <= 80 &&
          (!ends_colon(s, t) || (word_count_n(s, t) <= 5 && !clause_line(s, t))) &&
          (i + 1 >= v.b || vblank(r, &v, i + 1)) && line_class(l) != 'C') {
        r->title_line = l->no;
        note_first(r, 'T', 0);
        i++;
        continue;
      }
      if (!r->scan && r->title_line == l->no) {
        while (t > 0 && (s[t - 1] == ':' || s[t - 1] == ' ')) t--;
        emit_title(r, i, s, t);
        i++;
        continue;
      }
    }
    /* "* Installation" alone between paragraphs: a heading */
    if (mw && mk == '-' && first_line && alone(r, &v, i) && !(v.ov && i == v.a) &&
        heading_text(s + mw, t - mw) && word_count_n(s + mw, t - mw) <= 6 &&
        upper_c((unsigned char)s[mw])) {
      int nx = next_nonblank(r, &v, i + 1);
      char nk;
      int nn, nt;
      const char *ns = nx < v.b ? vtext(r, &v, nx, &nt) : NULL;
      if (ns && vind(r, &v, nx) == k && !marker(ns, nt, &nk, &nn)) {
        heading(r, i, 'B', s + mw, t - mw);
        i++;
        colon = 0;
        continue;
      }
    }
    /* a numbered section written as a lone list item */
    if (mw && mk == '1' && first_line && !(v.ov && i == v.a) && depth < MAX_NEST) {
      int hn = numbered_section(r, &v, i, mw);
      if (hn) {
        heading(r, i, '1', s, hn - 1);
        int last = item_end(r, &v, i, k);
        int rest = hn;
        while (rest < t && s[rest] == ' ') rest++;
        int col = k + mw;
        view in = { i, last, col, s + rest, t - rest, 0 };
        if (rest >= t) { in.a = i + 1; in.ov = NULL; in.ovlen = 0; }
        if (in.a < in.b) blocks(r, in, depth + 1);
        colon = 0;
        i = last;
        continue;
      }
    }
    /* lists */
    if (mw && (mk == '-' || first_line || colon || (mk == '1' && num == 1))) {
      if (mk != 'o' || first_line) {
        i = list_items(r, &v, i, depth);
        colon = 0;
        continue;
      }
    }
    /* terms before a spaced dash, each a chunk with its text hung under it */
    if (first_line && !r->man && !(v.ov && i == v.a) && depth < MAX_NEST) {
      int de = text_dash_entries(r, &v, i, k);
      if (de > i) {
        i = de;
        colon = 0;
        continue;
      }
    }
    /* "Key: value" lines (before code: values may be addresses) */
    if (first_line && kv_key(s, t) && !(v.ov && i == v.a)) {
      int ke = i;
      while (ke < v.b && !vblank(r, &v, ke) && vind(r, &v, ke) >= k) ke++;
      if (kv_block(r, &v, i, ke)) {
        kv_items(r, &v, i, ke, depth);
        i = ke;
        colon = 0;
        continue;
      }
    }
    /* the whole chunk, up to a blank line: code when most of its lines are
     * code and hardly any is prose (indentation inside it kept) */
    char c0 = line_class(l);
    if (!(v.ov && i == v.a) && (c0 == 'C' || !ends_colon(s, t))) {
      /* counted from the document's running counts: a long chunk read
       * a few lines at a time is not counted again at each */
      int ce = r->nb[i] < v.b ? r->nb[i] : v.b;
      int P = r->pc[ce] - r->pc[i], C = r->cc[ce] - r->cc[i];
      int lines = ce - i;
      if (C && C * 2 >= lines && P * 4 < lines) {
        note_first(r, 'C', 0);
        code_block(r, &v, i, ce, code_lang(r, &v, i, ce));
        colon = 0;
        i = ce;
        continue;
      }
    }
    /* the chunk: lines at this indentation up to a blank line, or up to
     * code that a line ending in a colon brings */
    int e = i + 1;
    while (e < v.b && !vblank(r, &v, e) && vind(r, &v, e) <= k) {
      int pt;
      const char *ps = vtext(r, &v, e - 1, &pt);
      if (ends_colon(ps, pt) && line_class(&r->L[e]) == 'C') break;
      /* a rule ends the chunk (below): stop there, so a long chunk read a
       * line at a time is not scanned to its end each time */
      if (vind(r, &v, e) == k && rule_char(&r->L[e], 4)) break;
      e++;
    }
    int hang = e;
    /* lines under it at one deeper column, each led by the same symbol
     * ("Linux kernel ≥ 3.15" over "≥ 4.3 for ambient capabilities", …):
     * the line, then its list */
    int sub = same_lead_lines(r, &v, e, k);
    if (sub > e && e - i == 1 && !(v.ov && i == v.a)) {
      paragraph(r, &v, i, e);
      line_list(r, &v, e, sub);
      colon = 0;
      i = sub;
      continue;
    }
    /* lines under it more indented: hanging indentation, unless a colon or
     * code brings them */
    while (hang < v.b && !vblank(r, &v, hang) && vind(r, &v, hang) > k) {
      int pt, ht;
      const char *ps = vtext(r, &v, hang - 1, &pt);
      const char *hs = vtext(r, &v, hang, &ht);
      char hk;
      int hn;
      if (ends_colon(ps, pt) || line_class(&r->L[hang]) == 'C' || (marker(hs, ht, &hk, &hn) && hk == '-'))
        break;
      hang++;
      while (hang < v.b && !vblank(r, &v, hang) && vind(r, &v, hang) <= k) {
        if (vind(r, &v, hang) < k) break;
        hang++;
      }
    }
    e = hang;
    /* stop at a list, a rule or a marker line inside the chunk */
    int pe = i + 1;
    for (; pe < e; pe++) {
      int pt;
      const char *ps = vtext(r, &v, pe, &pt);
      char pk;
      int pn;
      if (vind(r, &v, pe) != k) continue;
      if (rule_char(&r->L[pe], 4) || rule_title(&r->L[pe], &ts, &tn)) break;
      int qt;
      const char *qs = vtext(r, &v, pe - 1, &qt);
      if (marker(ps, pt, &pk, &pn) && (pk == '-' || ends_colon(qs, qt))) break;
    }
    e = pe;
    if (colon && e - i >= 2 && !(v.ov && i == v.a)) {
      int lines_ok = 1;
      for (int q = i; q < e && lines_ok; q++) {
        int qt;
        const char *qs = vtext(r, &v, q, &qt);
        if (qt > SHORT_LINE || lower_c((unsigned char)qs[0]) || line_class(&r->L[q]) == 'C') lines_ok = 0;
      }
      if (lines_ok) {
        line_list(r, &v, i, e);
        colon = 0;
        i = e;
        continue;
      }
    }
    if (one_per_line(r, &v, i, e)) {
      line_list(r, &v, i, e);
      colon = 0;
      i = e;
      continue;
    }
    paragraph(r, &v, i, e);
    int lt;
    const char *ls = vtext(r, &v, e - 1, &lt);
    colon = ends_colon(ls, lt);
    i = e;
  }
}

/* ---- manual pages as man prints them ----------------------------------------------------- */

/* A manual page rendered as text ("man ls > ls.txt", "man ls | col -b"):
 * section names at the margin (NAME, SYNOPSIS, DESCRIPTION, OPTIONS …),
 * subsections a few columns in, the body indented under them, and a tagged
 * paragraph (an option) its term at the body's column and its description
 * further in, under it or on its line ("-c     with -lt: …"). Read as the
 * page means it: the title is the command and what NAME says it does ("ls
 * — list directory contents"), SYNOPSIS is left out (forms of a command
 * line, nothing to say and no command to run), the
 * sections are headings in sentence case, tagged paragraphs a list of
 * terms and descriptions, and man's header and footer lines nothing. */

/* "LS(1)   User Commands   LS(1)", "GNU coreutils 9.1  2022  LS(1)": the
 * page's name and section at a margin line's end */
static int man_name_at_end(const tline *l) {
  int n;
  const char *s = body(l, &n);
  if (n < 4 || s[n - 1] != ')') return 0;
  int a = n - 1;
  while (a > 0 && s[a - 1] != '(' && s[a - 1] != ' ') a--;
  if (a < 2 || s[a - 1] != '(' || !isdigit((unsigned char)s[a])) return 0;
  int b = a - 1;
  while (b > 0 && s[b - 1] != ' ') b--;
  return b < a - 1;
}

/* man's header or footer: the page's name at the end, or one word at both
 * ends with wide gaps ("BSD      November 28, 2022      BSD") */
static int man_frame(const tline *l) {
  if (man_name_at_end(l)) return 1;
  int n;
  const char *s = body(l, &n);
  int a = 0, b = n;
  while (a < n && s[a] != ' ') a++;
  while (b > 0 && s[b - 1] != ' ') b--;
  return a >= 2 && b > a && n - b == a && !memcmp(s, s + b, (size_t)a) && memmem(s, (size_t)n, "   ", 3);
}

/* What Debian's translated pages (manpages-l10n: manpages-de, -fr, …) call
 * a section: the English name first, then its translations, as the pages
 * spell them (upper case where the script has one). */
static const char *const man_names[][40] = {
  { "NAME", "BEZEICHNUNG", "NOM", "NOMBRE", "NOME", "NAAM", "NAZWA", "JMÉNO", "NAMN", "NAVN", "NIMI",
    "NÉV", "NAMA", "NUME", "AD", "İSİM", "ΟΝΟΜΑ", "НАЗВАНИЕ", "ИМЯ", "НАЗВА", "НАЗИВ", "ИМЕ",
    "IME", "名前", "名称", "名稱", "이름", NULL },
  { "SYNOPSIS", "ÜBERSICHT", "SINOPSIS", "SINOSSI", "SINTASSI", "SINOPSE", "OVERZICHT", "SKŁADNIA",
    "SYNOPS", "YLEISKATSAUS", "ÁTTEKINTÉS", "RINGKASAN", "REZUMAT", "ÖZET", "POUŽITÍ", "ΣΥΝΟΨΗ", "ΣΦΑΙΡΙΚΗ ΕΙΚΟΝΑ",
    "СИНТАКСИС", "ОБЗОР", "КОРОТКИЙ ОПИС", "КОРОТКИЙ ОГЛЯД", "УВОД", "書式", "大纲", "概要", "語法",
    "요약", "개요", "STRESZCZENIE", "SAMENVATTING", "SYNTAX", "UPORABA", "POVZETEK", "KULLANIM", NULL },
  { "DESCRIPTION", "BESCHREIBUNG", "DESCRIPCIÓN", "DESCRIZIONE", "DESCRIÇÃO", "BESCHRIJVING", "OPIS",
    "POPIS", "BESKRIVNING", "BESKRIVELSE", "KUVAUS", "LEÍRÁS", "DESKRIPSI", "DESCRIERE", "AÇIKLAMA",
    "ΠΕΡΙΓΡΑΦΗ", "ОПИСАНИЕ", "ОПИС", "説明", "描述", "說明", "설명", "OMSCHRIJVING", "TANIM", "PENJELASAN", NULL },
  { "OPTIONS", "OPTIONEN", "OPCIONES", "OPZIONI", "OPÇÕES", "OPTIES", "OPCJE", "VOLBY", "FLAGGOR",
    "TILVALG", "VALITSIMET", "OPTIOT", "KAPCSOLÓK", "PILIHAN", "OPȚIUNI", "SEÇENEKLER", "ΕΠΙΛΟΓΕΣ",
    "ПАРАМЕТРЫ", "ОПЦИИ", "ПАРАМЕТРИ", "ОПЦІЇ", "ОПЦИЈЕ", "オプション", "选项", "選項", "옵션", "OPCIJE", "MOŽNOSTI",
    NULL },
  { "SEE ALSO", "SIEHE AUCH", "VOIR AUSSI", "VÉASE TAMBIÉN", "VEDERE ANCHE", "VEJA TAMBÉM", "ZIE OOK",
    "ZOBACZ TAKŻE", "VIZ TAKÉ", "SE ÄVEN", "SE OGSÅ", "KATSO MYÖS", "LÁSD MÉG", "LIHAT JUGA",
    "CONSULTAȚI ȘI", "AYRICA BAKINIZ", "ΔΕΙΤΕ ΕΠΙΣΗΣ", "СМОТРИТЕ ТАКЖЕ", "СМ. ТАКЖЕ", "ДИВ. ТАКОЖ",
    "ТАКОЖ ПЕРЕГЛЯНЬТЕ", "ВИДЕТИ ТАКОЂЕ", "関連項目", "参见", "相關文件", "參見", "추가 참조", "참고",
    "SE VIDARE", "POGLEDAJTE TAKOĐER", "ВИДИТЕ ТАКОЂЕ", "İLGİLİ BELGELER",
    "OGLEJTE SI TUDI", NULL },
  { "AUTHOR", "AUTOR", "AUTEUR", "AUTORE", "FORFATTER", "FÖRFATTARE", "TEKIJÄ", "SZERZŐ", "PENGARANG",
    "YAZAR", "ΣΥΓΓΡΑΦΕΑΣ", "АВТОР", "АУТОР", "著者", "作者", "저자", "UPPHOVSMAN", "YAZAN", "저작자", NULL },
  { "AUTHORS", "AUTOREN", "AUTEURS", "AUTORES", "AUTORI", "AUTEURS", "AUTORZY", "AUTOŘI", "TEKIJÄT",
    "SZERZŐK", "YAZARLAR", "АВТОРЫ", "АВТОРИ", "UPPHOVSMÄN", NULL },
  { "REPORTING BUGS", "FEHLER MELDEN", "SIGNALER DES BOGUES", "INFORMAR DE ERRORES", "ZGŁASZANIE BŁĘDÓW", "ΑΝΑΦΟΡΑ ΣΦΑΛΜΑΤΩΝ", "ΑΝΑΦΟΡΑ ΣΦΑΛΜΑΤΟΣ",
    "ОБ ОШИБКАХ", "СООБЩЕНИЯ ОБ ОШИБКАХ", "HLÁŠENÍ CHYB", "BUGS MELDEN", "RAPPORTERA FEL", NULL },
  { "COPYRIGHT", "URHEBERRECHT", "PRAWA AUTORSKIE", "АВТОРСКИЕ ПРАВА", "版权", "著作権", NULL },
  /* the translators' own section (a page's credits): back matter too */
  { "TRANSLATION", "ÜBERSETZUNG", "TRADUCTION", "TRADUCCIÓN", "TRADUCTOR", "TRADUZIONE", "TRADUÇÃO",
    "VERTALING", "TŁUMACZENIE", "PŘEKLAD", "ÖVERSÄTTNING", "OVERSÆTTELSE", "KÄÄNNÖS", "MAGYAR FORDÍTÁS",
    "TERJEMAHAN", "TRADUCERE", "ÇEVİRİ", "ΜΕΤΑΦΡΑΣΗ", "ПЕРЕВОД", "ПЕРЕКЛАД", "ПРЕВОД", "翻訳",
    "[中文版維護人]", "[中文版最新更新]", "ÇEVİREN", "TŁUMACZE", "翻訳者", NULL },
};

/* Is l the section `name` (its English name), in English or translated? */
static int man_section(const tline *l, const char *name) {
  int n;
  const char *s = body(l, &n);
  if (l->ind != 0) return 0;
  if (n == (int)strlen(name) && !memcmp(s, name, (size_t)n)) return 1;
  for (size_t k = 0; k < sizeof man_names / sizeof *man_names; k++) {
    if (strcmp(man_names[k][0], name)) continue;
    for (int j = 1; man_names[k][j]; j++)
      if (n == (int)strlen(man_names[k][j]) && !memcmp(s, man_names[k][j], (size_t)n)) return 1;
  }
  return 0;
}

/* Is l the examples section ("EXAMPLES", "BEISPIELE", "EXEMPLES", "例")? */
static int man_examples(const char *s, int t) {
  static const char *const names[] = { "EXAMPLE", "BEISPIEL", "EXEMPLE", "EJEMPLO", "ESEMPI", "EXEMPLO",
    "VOORBEELD", "PRZYKŁAD", "PŘÍKLAD", "EXEMPEL", "ESIMERK", "PÉLDA", "CONTOH", "EXEMPLU", "ÖRNEK",
    "ΠΑΡΑΔΕΙΓΜ", "ПРИМЕР", "ПРИКЛАД", "例", "示例", "范例", "範例", "예제", "사용 예", NULL };
  for (int k = 0; names[k]; k++) {
    int m = (int)strlen(names[k]);
    if (t >= m && !memcmp(s, names[k], (size_t)m)) return 1;
  }
  return 0;
}

/* the body's indentation when the text is a manual page, else 0: NAME at
 * the margin first (after man's header line), an indented line under it
 * that names the page ("ls - list …"), and SYNOPSIS, DESCRIPTION or
 * OPTIONS at the margin after it */
static int man_page(const text *r) {
  int i = 0;
  while (i < r->n && is_blank(&r->L[i])) i++;
  if (i < r->n && r->L[i].ind == 0 && man_name_at_end(&r->L[i])) i++;
  while (i < r->n && is_blank(&r->L[i])) i++;
  if (i >= r->n || !man_section(&r->L[i], "NAME")) return 0;
  int nx = i + 1;
  while (nx < r->n && is_blank(&r->L[nx])) nx++;
  if (nx >= r->n || r->L[nx].ind == 0) return 0;
  int t;
  const char *s = body(&r->L[nx], &t);
  /* "ls - list …", mdoc's "ssh — OpenSSH …" (mandoc writes "–") */
  if (!memmem(s, (size_t)t, " - ", 3) && !memmem(s, (size_t)t, " \xE2\x80\x94 ", 5) &&
      !memmem(s, (size_t)t, " \xE2\x80\x93 ", 5))
    return 0;
  /* every line at the margin a section's name (a text that goes on after
   * the page, as util-linux's parse-date.txt does, is read as text) */
  int sections = 0;
  for (int k = nx + 1; k < r->n; k++) {
    const tline *l = &r->L[k];
    if (is_blank(l) || l->ind) continue;
    if (man_frame(l)) continue;
    int n;
    const char *h = body(l, &n);
    /* gpg.1's "HOW TO SPECIFY A USER ID": more words when in capitals,
     * and longer (apt-mark.8's "SCHEDULE PACKAGES FOR INSTALL, REMOVE AND
     * PURGE", a DocBook page's) */
    int caps = all_caps(h, n);
    /* (in characters: the Chinese credits' "《中國linux論壇man手冊頁翻譯計劃》:"
     * is 17, 45 bytes) */
    int chars = 0;
    for (int q = 0; q < n; q++) chars += ((unsigned char)h[q] & 0xC0) != 0x80;
    if (chars > (caps ? 64 : 40) || (word_count_n(h, n) > 5 && !caps) || strchr(".,;", h[n - 1])) return 0;
    sections += man_section(l, "SYNOPSIS") || man_section(l, "DESCRIPTION") || man_section(l, "OPTIONS");
  }
  return sections ? r->L[nx].ind : 0;
}

/* the indentation of most lines further in than the body: the
 * descriptions of tagged paragraphs */
static int man_tag_column(const text *r) {
  int count[64] = {0}, best = r->man + 7;
  for (int i = 0; i < r->n; i++) {
    int k = r->L[i].ind;
    if (!is_blank(&r->L[i]) && k > r->man && k < 64) count[k]++;
  }
  for (int k = r->man + 1; k < 64; k++)
    if (count[k] > count[best]) best = k;
  return best;
}

/* A small letter of those alphabets: one some capital lowers to (the
 * pairs vgi_lower_cp knows: +0x20, +0x50, +1) and that stays itself. */
static int small_cp(unsigned c) {
  if (c < 0x80) return lower_c((unsigned char)c);
  if (vgi_lower_cp(c, 0) != c) return 0;
  return (c >= 0x20 && vgi_lower_cp(c - 0x20, 0) == c) || (c >= 0x50 && vgi_lower_cp(c - 0x50, 0) == c) ||
         vgi_lower_cp(c - 1, 0) == c || vgi_lower_cp(c + 1, 0) == c || c == 0xDF;
}

/* "SEE ALSO" -> "See also"; words of the tools' own capitals (GNU, POSIX,
 * a word with a digit) stay */
/* mandoc's width for -T utf8: a heading that reaches it was wrapped */
#define MAN_WIDTH 78

/* The columns of s[0..n) (its code points). */
static int columns_of(const char *s, int n) {
  int c = 0;
  for (int k = 0; k < n; k++) c += ((unsigned char)s[k] & 0xC0) != 0x80;
  return c;
}

/* Is the subsection heading at line i wrapped by mandoc onto the next
 * line: it ends with no clause mark where the next line's first word
 * would not have fitted, and that line, short, is followed at once by the
 * body (indented B)? A long .SS heading ("le fichier …, ne sera pas
 * représenté dans le fichier de différences") was cut at "dans le", its
 * last words read as the body's first. */
static int man_heading_wrapped(const text *r, int i, int B) {
  if (i + 2 >= r->n) return 0;
  const tline *l = &r->L[i], *nx = &r->L[i + 1], *after = &r->L[i + 2];
  int t, t2, t3;
  const char *s = body(l, &t), *s2 = body(nx, &t2);
  body(after, &t3);
  if (t < 1 || t2 < 1 || t3 < 1 || strchr(":.;", s[t - 1]) || nx->ind != B || after->ind != B) return 0;
  int first = 0;
  while (first < t2 && s2[first] != ' ') first++;
  int cols = l->ind + columns_of(s, t);
  return cols + 1 + columns_of(s2, first) > MAN_WIDTH && cols >= MAN_WIDTH * 3 / 4 &&
         B + columns_of(s2, t2) < MAN_WIDTH * 3 / 4;
}

/* Is there a letter (of any alphabet vgi_lower_cp folds, or Greek) at
 * byte q of s[0..n)? */
static int letter_at(const char *s, int n, size_t q) {
  if (q >= (size_t)n) return 0;
  size_t cl;
  unsigned c = vg_utf8_decode(s, (size_t)n, q, &cl);
  if (c < 0x80) return isalpha((int)c);
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x386 && c <= 0x3FF && c != 0x387) ||
         (c >= 0x400 && c <= 0x4FF);
}

static void man_heading(text *r, int i, int level, const char *s, int n) {
  static const char *const keep[] = { "GNU", "POSIX", "API", "URL", "URI", "ID", "UUID", "I/O", "SSH", "X11", NULL };
  vgi_buf h = {0};
  for (int k = 0; k < level; k++) vgi_buf_add(&h, "#", 1);
  vgi_buf_add(&h, " ", 1);
  /* a lower case letter may take a byte more than its capital (I -> ı) */
  char *w = malloc((size_t)n * 2 + 1);
  if (!w) abort();
  int caps = all_caps(s, n), wn = 0;
  int turkic = !strncmp(r->lang, "tr", 2) || !strncmp(r->lang, "az", 2);
  for (int k = 0; k < n;) {
    int a = k;
    while (k < n && s[k] != ' ') k++;
    int kept = !caps;
    for (int q = 0; keep[q] && !kept; q++) kept = (int)strlen(keep[q]) == k - a && !memcmp(s + a, keep[q], (size_t)(k - a));
    for (int q = a; q < k && !kept; q++) kept = isdigit((unsigned char)s[q]);
    for (size_t q = (size_t)a, cl; q < (size_t)k; q += cl) {
      unsigned c = vg_utf8_decode(s, (size_t)k, q, &cl), lc = vgi_lower_cp(c, turkic);
      /* a Greek sigma that ends its word is the final one ("ΕΠΙΛΟΓΕΣ" is
       * "Επιλογες", never "Επιλογεσ") */
      if (c == 0x3A3 && q > (size_t)a && !letter_at(s, k, q + cl)) lc = 0x3C2;
      if (kept || q == 0 || lc == c) memcpy(w + wn, s + q, cl), wn += (int)cl;
      else wn += vgi_put_cp(w + wn, lc);
    }
    while (k < n && s[k] == ' ') w[wn++] = s[k++];
  }
  put_inline(&h, w, wn);
  free(w);
  sep(r, i);
  emit(r, i, h.s, h.n);
  vgi_buf_free(&h);
  r->last_blank = 0;
}

/* lines [a, b) (blank ones left out) as one line of plain words: spaces
 * squashed, words broken at a line's end joined; a pipe table's rows and
 * rules are no words ("| Name | Use |", "| --- | --- |"): they go */
static void man_join(text *r, int a, int b, vgi_buf *o) {
  int glue = 0;
  for (int i = a; i < b; i++) {
    if (is_blank(&r->L[i])) continue;
    int t;
    const char *s = body(&r->L[i], &t);
    if (pipe_row(s, t) || pipe_rule(s, t)) continue;
    int nx = i + 1, cut = 0, drop = 0;
    while (nx < b && is_blank(&r->L[nx])) nx++;
    if (nx < b) {
      int nt;
      const char *ns = body(&r->L[nx], &nt);
      cut = broken_word(r, s, t, ns, nt, &drop) ? 1 : 0;
    }
    if (o->n && !glue) vgi_buf_add(o, " ", 1);
    for (int k = 0; k < t - (cut && drop); k++) {
      if (s[k] == ' ' && k + 1 < t && s[k + 1] == ' ') continue;
      vgi_buf_add(o, s + k, 1);
    }
    glue = cut;
  }
}

/* the description of a tagged paragraph at line i (its term at the body's
 * column k): where it starts on the term's line (0: under it) */
/* what follows an option on its line is its placeholder ("<DIR>", "[=WHEN]",
 * "{a,b}", "DIR"), not the start of its description: "--home <DIR>" over
 * its description is one tag, never "--home" and "<DIR> Start in …" */
static int placeholder_rest(const char *s, int n) {
  if (n <= 0) return 0;
  if (strchr("<[{=", s[0])) return 1;
  for (int q = 0; q < n; q++)
    if (s[q] == ' ' || lower_c((unsigned char)s[q])) return 0;
  return 1;
}

/* Is s[0..n), an option's first word, followed only by its argument or
 * its other forms ("-g gid", "-f, --force", "-o <file>")? A tag of that
 * kind that fills its column (".IP \"-g gid\"" in Japanese groupadd.8)
 * leaves one space before its text, as a tag of one word does. */
static int option_words(const char *s, int n) {
  int words = 0;
  for (int q = 0; q < n;) {
    while (q < n && s[q] == ' ') q++;
    if (q >= n) break;
    int a = q;
    while (q < n && s[q] != ' ') {
      unsigned char c = (unsigned char)s[q];
      /* (letters of no script but Latin, and no sentence's mark inside) */
      if (c >= 0x80 || !(isalnum(c) || strchr("-_=<>[]{}|,.:/", c))) return 0;
      q++;
    }
    if (words && !(s[a] == '-' || strchr("<[{", s[a]) || isalpha((unsigned char)s[a]))) return 0;
    if (s[q - 1] == '.' || s[q - 1] == ':') return 0;
    if (++words > 3) return 0;
  }
  return words >= 2;
}

/* ... and does s[0..n), after such a tag, go on with its forms rather
 * than start its text ("-C NUM, --context[=NUM]" cut at "-c, -C")? Its
 * first word ends in a comma, is a capital placeholder or an option. */
static int option_goes_on(const char *s, int n) {
  int w = 0, caps = 1;
  while (w < n && s[w] != ' ') {
    unsigned char c = (unsigned char)s[w++];
    caps &= !lower_c(c) && c < 0x80;
  }
  return !w || s[w - 1] == ',' || caps || strchr("-<[{=", s[0]);
}

static int man_tag_inline(const text *r, int i, int k) {
  int t;
  const char *s = body(&r->L[i], &t);
  int g = 0;
  while (g + 1 < t && !(s[g] == ' ' && s[g + 1] == ' ')) g++;
  /* a tag that fills its column leaves one space before its description
   * ("--help display this help and exit" in cp.1): the description starts
   * at the column the others' do */
  int one = r->man_tag - k - 1;
  /* (a column counts characters: the byte where the tag's column ends,
   * "Про вади, …" in free.1 in Ukrainian is no tag "Про" of six bytes) */
  {
    int c = 0, b = 0;
    while (b < t && c < one) {
      b++;
      while (b < t && ((unsigned char)s[b] & 0xC0) == 0x80) b++;
      c++;
    }
    if (one > 0) one = b;
  }
  /* (a word that is no option, "stream Ce type de ligne …" in xz.1's list
   * mode, is a tag only with its description going on under it at the
   * description's column, a paragraph's lines going on at the body's; or,
   * on one line, right after another tag's description, its text opening
   * as a sentence does: "totals Cette ligne …") */
  int opt = s[0] == '-';
  /* (… and with a sentence's words on its line: "Global options" over its
   * text in find.1 is a tag of two words, too wide for its column) */
  int words = opt || (one + 1 < t && word_count_n(s + one + 1, t - one - 1) >= 4);
  int p = i - 1;
  while (p >= 0 && is_blank(&r->L[p])) p--;
  int after_tag = p >= 0 && p < i - 1 && r->L[p].ind == r->man_tag && one + 1 < t &&
                  !lower_c((unsigned char)s[one + 1]);
  if ((g + 1 >= t || g > 24) && one > 1 && one + 1 < t && s[one] == ' ' && s[one - 1] != ' ' &&
      s[one + 1] != ' ' && (!memchr(s, ' ', (size_t)one) || (opt && option_words(s, one) && !option_goes_on(s + one + 1, t - one - 1))) && words &&
      (((opt || after_tag) && (i + 1 >= r->n || is_blank(&r->L[i + 1]))) ||
       /* (or goes on under it: curl.1's "--crlf (FTP SMTP) Convert …"; never
        * a tag's first form, "-c, --cache-file cachefile" in blkid.8) */
       (i + 1 < r->n && !is_blank(&r->L[i + 1]) && r->L[i + 1].ind == r->man_tag && s[one - 1] != ',' &&
        s[one + 1] != '-' && !placeholder_rest(s + one + 1, t - one - 1))))
    return one + 1;
  if (g + 1 >= t || g > 24) return 0;
  int d = g;
  while (d < t && s[d] == ' ') d++;
  if (d >= t) return 0;
  /* a column counts characters, not bytes (bash.1's "•      open files …") */
  int wide = 0;
  for (int q = 0; q < d; q++) wide += ((unsigned char)s[q] & 0xC0) == 0x80;
  int col = k + d - wide, nx = i + 1;
  /* the description's column: its next line's, or that of most */
  if (nx < r->n && !is_blank(&r->L[nx]) && r->L[nx].ind > k) return r->L[nx].ind == col ? d : 0;
  return col == r->man_tag ? d : 0;
}

/* the end of the description of the tag at line i: the lines further in
 * than the body's column k, blank lines between them; with every sentence
 * wanted, a pipe table in it (a tbl table, man_tables.c) ends it, to be
 * shown as a table (a summary keeps the item whole, its first sentence,
 * and man_join leaves the table's rows out) */
static int man_tag_end(const text *r, int i, int k) {
  int e = i + 1, last = i + 1;
  while (e < r->n) {
    if (is_blank(&r->L[e])) { e++; continue; }
    if (r->L[e].ind <= k) break;
    if (r->full && e > i + 1 && pipe_row(r->L[e].s + r->L[e].ind, r->L[e].len - r->L[e].ind)) break;
    last = ++e;
  }
  return last;
}

/* The first display of code among an item's description lines [a, b),
 * after its prose: a chunk between blank lines whose first line is code
 * and at least two in three of whose lines are (man.1's less prompt
 * "\\ Manual\\ page\\ \\$MAN_PN\\ ?ltline\\ %lt?L/%L.:" / "byte\\ %bB?s/%s..?…"
 * / "(press h for help or q to quit)"). Its lines in [*ca, *cb); 0 when
 * none. */
static int man_code_chunk(const text *r, int a, int b, int *ca, int *cb) {
  int prose = 0;
  for (int q = a; q < b;) {
    while (q < b && is_blank(&r->L[q])) q++;
    if (q >= b) break;
    int c0 = q, dC = 0, dP = 0, sym = 0, chars = 0;
    for (; q < b && !is_blank(&r->L[q]); q++) {
      char c = line_class(&r->L[q]);
      dC += c == 'C';
      dP += c != 'C';
      int t;
      const char *s = body(&r->L[q], &t);
      for (int k = 0; k < t; k++) {
        chars += s[k] != ' ';
        sym += !!strchr("{}[]<>=;$|&\\*#@%^~`_?", s[k]) && s[k];
      }
    }
    /* (signs in one character of six: a command line or "See also
     * --tlsv1.3." in curl.1 has fewer, and is said as it was) */
    if (prose && q - c0 <= 12 && line_class(&r->L[c0]) == 'C' && dC >= 2 * dP && sym * 6 >= chars) {
      *ca = c0, *cb = q;
      return 1;
    }
    prose |= dP > 0;
  }
  return 0;
}

/* the sections after what the command does: where to read more, who wrote
 * it, where to report bugs, its licence and history. A summary says none
 * of them (on a long page they were minutes of names, addresses and RFC
 * titles); the whole page keeps them. */
static int man_back_matter(const tline *l) {
  static const char *const names[] = { "SEE ALSO", "AUTHOR", "AUTHORS", "REPORTING BUGS", "COPYRIGHT",
                                       "HISTORY", "STANDARDS", "CONFORMING TO", "COLOPHON", "LICENSE",
                                       "ACKNOWLEDGEMENTS", "ACKNOWLEDGMENTS", "THANKS", "TRANSLATION", NULL };
  for (int k = 0; names[k]; k++)
    if (man_section(l, names[k])) return 1;
  return 0;
}

/* An example in EXAMPLES: its command on lines of their own at the body's
 * column k from line i (gpg.1 gives two forms), what it does further in
 * under them ("man ls" / "Display the manual page for … ls."). Written as
 * that sentence, then the command as code: the video shows the command
 * and says what it does, never the command read out; in a summary the first
 * few, each under the section's name (a scene each, not their sentences
 * in one list without the commands). The line after the example, or i
 * when line i starts none. */
enum { MAN_EXAMPLES_SUMMED = 3 };
static int man_example(text *r, int i, int k, int section) {
  int te = i;
  while (te < r->n && !is_blank(&r->L[te]) && r->L[te].ind == k && te - i < 4) te++;
  if (te >= r->n || is_blank(&r->L[te]) || r->L[te].ind <= k) return i;
  for (int q = i; q < te; q++) {
    int t;
    body(&r->L[q], &t);
    if (t > 80 || man_tag_inline(r, q, k)) return i;   /* a tag with its text: a list */
    /* a sentence is no command: prose ("Display the manual page …") or a
     * line mostly in a script that commands are not written in ("一文字の
     * 'A' からなる 1 バイトのファイルを作成する。" over "'-r -s'" in the
     * Japanese xxd.1 was shown as an sh command) */
    if (line_class(&r->L[q]) == 'P' || foreign_prose(body(&r->L[q], &t), t)) return i;
  }
  {
    /* the other way round: what the example does, ending in a colon, over
     * its commands further in ("To see every process on the system using
     * standard syntax:" over "ps -e" in ps.1): a sentence and its display */
    int t;
    const char *s = body(&r->L[te - 1], &t);
    int ct;
    const char *cs = body(&r->L[te], &ct);
    /* (mandoc joins "ps\\ -e" with a no-break space: one word) */
    if (ends_colon(s, t) && (line_class(&r->L[te]) == 'C' || (ct <= 40 && !strchr(".!?", cs[ct - 1]))))
      return i;
  }
  int e = man_tag_end(r, te - 1, k);
  if (!r->full && r->man_examples >= MAN_EXAMPLES_SUMMED) {
    for (int q = i; q < e; q++) skip_to(r, q);
    return e;
  }
  r->man_examples++;
  if (!r->full) {
    int n;
    const char *h = body(&r->L[section], &n);
    man_heading(r, i, 3, h, n);
  }
  vgi_buf j = {0};
  man_join(r, te, e, &j);
  sep(r, i);
  emit_text(r, i, j.s ? j.s : "", (int)j.n);
  vgi_buf_free(&j);
  view v = { i, te, k, NULL, 0, 0 };
  code_block(r, &v, i, te, "sh");
  for (int q = te; q < e; q++) skip_to(r, q);
  return e;
}

/* A summary shows the first options of a run and says how many more there
 * are: ls.1's 60 options were seven scenes of names, each option's
 * paragraph a wall of text */
enum { MAN_ITEMS_SUMMED = 8 };
/* ... and as many as one slide holds: eight options of long first
 * sentences made a slide of seven and one of "-L max-lines, 13 more
 * options" (a slide is cut at about 110 words, markdown.c) */
enum { MAN_WORDS_SUMMED = 100 };

static int words_in(const char *s, size_t n) {
  int w = 0, in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
    w += !sp && !in;
    in = !sp;
  }
  return w;
}

/* the end of a run of tagged paragraphs: "- 52 more", when some were left out */
static void man_fold_end(text *r) {
  if (r->man_folded) {
    char num[16];
    snprintf(num, sizeof num, "%d", r->man_folded);
    const char *arg = num;
    vgi_buf line = {0};
    vgi_buf_puts(&line, "- ");
    /* ("1 more option", "eine weitere Option": never "1 more options") */
    if (r->man_folded == 1 && r->man_options)
      vgi_buf_puts(&line, vgi_phrase(r->lang[0] ? r->lang : "en", "more_options_one"));
    else
      vgi_phrase_put(&line, r->lang, r->man_options ? "more_options" : "api_more", &arg, 1);
    emit(r, r->man_last_item, line.s, line.n);
    vgi_buf_free(&line);
  }
  r->man_items = r->man_folded = r->man_words = 0;
}

/* a line of NAME that names and says: "bzcat - decompresses files to
 * stdout", its dash after at most three names */
static int man_name_line(const tline *l) {
  int t;
  const char *s = body(l, &t);
  for (int q = 0, words = 0; q + 2 < t && words < 4; q++) {
    if (s[q] != ' ') continue;
    if ((s[q + 1] == '-' && s[q + 2] == ' ') ||
        (q + 4 < t && !memcmp(s + q + 1, "\xE2\x80\x93 ", 4)))
      return q > 0;
    words++;
  }
  return 0;
}

/* Lines from a, three or more at its indentation, each a short name, a
 * gap of two spaces or more and its text at one column ("aix        like
 * AIX ps" in ps.1's PERSONALITY, "1   Version 2 of the Single Unix
 * Specification" in its STANDARDS), a text going on in lines at that
 * column: a table of names and what they are (a numbered list when the
 * names count 1, 2, 3), never one run-on sentence of them all. -> the line
 * after them (written), 0 when they are not. */
static int man_pairs(text *r, int a) {
  int k = r->L[a].ind, col = -1, b = a, rows = 0;
  for (; b < r->n && !is_blank(&r->L[b]) && b - a < 400; b++) {
    int t;
    const char *s = body(&r->L[b], &t);
    if (col > 0 && r->L[b].ind == k + col && rows) continue;   /* its text goes on */
    if (r->L[b].ind != k) break;
    int w = 0;
    while (w < t && s[w] != ' ') w++;
    if (w == 0 || w > 16 || w + 2 >= t || s[w + 1] != ' ') return 0;
    int c = w;
    while (c < t && s[c] == ' ') c++;
    if (col < 0) col = c;
    if (c != col) return 0;
    /* (two columns: a third, or a grid of names, is another layout) */
    if (memmem(s + c, (size_t)(t - c), "  ", 2)) return 0;
    rows++;
  }
  if (rows < 3 || (b < r->n && !is_blank(&r->L[b]))) return 0;
  int counted = 1;
  ttable tb = { .header = 0, .cols = 2 };
  for (int q = a; q < b; q++) {
    int t;
    const char *s = body(&r->L[q], &t);
    if (r->L[q].ind != k) {
      cell_add(tcell(&tb.rows[tb.n - 1], 1), s, t);
      tb.rows[tb.n - 1].last = q;
      continue;
    }
    trow *w = trow_new(&tb, q);
    int n = 0;
    while (n < t && s[n] != ' ') n++;
    cell_add(tcell(w, 0), s, n);
    cell_add(tcell(w, 1), s + col, t - col);
    counted = counted && atoi(s) == tb.n && n <= 3 && strspn(s, "0123456789") == (size_t)n;
  }
  if (counted) {
    note_first(r, 'L', 0);
    if (!r->scan) {
      sep(r, a);
      for (int q = 0; q < tb.n; q++) {
        vgi_buf o = {0};
        vgi_buf_printf(&o, "%d. ", q + 1);
        put_inline(&o, tcell(&tb.rows[q], 1)->s, (int)tcell(&tb.rows[q], 1)->n);
        emit(r, tb.rows[q].line, o.s, o.n);
        vgi_buf_free(&o);
        for (int x = tb.rows[q].line + 1; x <= tb.rows[q].last; x++) skip_to(r, x);
      }
      r->last_blank = 0;
    }
  } else {
    table_out(r, &tb, a, b);
  }
  ttable_free(&tb);
  return b;
}

/* A table laid out in columns at the body's column k, its header a row of
 * capitals ("CODE   HEADER   DESCRIPTION" in ps.1's STANDARD FORMAT
 * SPECIFIERS), each row its cells at the header's columns and its last
 * cell going on in lines under it ("%cpu   %CPU   cpu utilization of" /
 * "the process in …"): a table of as many columns, its last cell's lines
 * joined, never a list of terms cut at the first gap. -> the line after
 * it (written), 0 when there is none. */
static int man_columns(text *r, int i, int k) {
  int t;
  const char *s = body(&r->L[i], &t);
  int col[TMAX_COLS], nc = 0;
  for (int q = 0; q < t;) {
    if (nc == TMAX_COLS) return 0;
    col[nc++] = k + q;
    int a = q;
    /* (capitals of any alphabet: "-A  Использовать ASCII-символы …" in a
     * translated page's options is a row, its small letters Cyrillic) */
    while (q < t && !(s[q] == ' ' && q + 1 < t && s[q + 1] == ' ')) {
      size_t cl;
      if (small_cp(vg_utf8_decode(s, (size_t)t, (size_t)q, &cl))) return 0;
      q += cl ? (int)cl : 1;
    }
    if (q - a < 2) return 0;
    while (q < t && s[q] == ' ') q++;
  }
  if (nc < 2 || nc > 6) return 0;
  ttable tb = { .header = 1, .cols = nc };
  trow *h = trow_new(&tb, i);
  for (int c = 0; c < nc; c++)
    cell_add(tcell(h, c), r->L[i].s + col[c], (c + 1 < nc ? col[c + 1] : r->L[i].len) - col[c]);
  int e = i + 1, last = i + 1;
  for (;;) {
    while (e < r->n && is_blank(&r->L[e])) e++;
    if (e >= r->n || r->L[e].ind != k) break;
    const tline *l = &r->L[e];
    /* a row: a cell at every column, a space before each */
    int ok = 1;
    for (int c = 1; c < nc && ok; c++)
      ok = col[c] < l->len && l->s[col[c]] != ' ' && l->s[col[c] - 1] == ' ';
    if (!ok) break;
    trow *w = trow_new(&tb, e);
    for (int c = 0; c < nc; c++)
      cell_add(tcell(w, c), l->s + col[c], (c + 1 < nc ? col[c + 1] : l->len) - col[c]);
    int q = e + 1;
    while (q < r->n && !is_blank(&r->L[q]) && r->L[q].ind >= col[nc - 1]) {
      int ct;
      const char *cs = body(&r->L[q], &ct);
      cell_add(tcell(w, nc - 1), cs, ct);
      q++;
    }
    w->last = q - 1;
    e = last = q;
    vgi_buf *d = tcell(w, nc - 1);
    if (!r->full && d->n) {
      /* a summary: what the row is, in its first sentence */
      vgi_buf_add(d, "", 1);
      d->n--;
      size_t one = vgi_first_sentence(d->s);
      if (one && one < d->n) d->n = one;
      while (d->n && d->s[d->n - 1] == ' ') d->n--;
    }
  }
  int rows = tb.n - 1;
  for (int w = 0; w < tb.n; w++)   /* (a justified line's gaps: one space) */
    for (int c = 0; c < nc; c++) {
      vgi_buf *b = tcell(&tb.rows[w], c);
      size_t o = 0;
      for (size_t q = 0; q < b->n; q++)
        if (!(b->s[q] == ' ' && o && b->s[o - 1] == ' ')) b->s[o++] = b->s[q];
      b->n = o;
    }
  if (rows >= 3) table_out(r, &tb, i, last);
  ttable_free(&tb);
  return rows >= 3 ? last : 0;
}

/* a line that starts an item of its own: "a. UPTIME …", "2. …", "- …" */
static int sub_marker(const tline *l) {
  int t;
  const char *s = body(l, &t);
  char kind;
  int num;
  if (marker(s, t, &kind, &num)) return 1;
  /* a letter of any alphabet ("а. ЗАГАЛЬНІ КОМАНДИ" in the Ukrainian page) */
  unsigned char c = (unsigned char)s[0];
  int k = upper_c(c) || lower_c(c) ? 1 : c >= 0xC0 && c < 0xE0 ? 2 : 0;
  return k && t >= k + 2 && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ';
}

/* A numbered item further in than the body (".RS" then ".IP 11." in
 * xz.1's list mode), its text hanging at the number's text column: "11.
 * yes or no … stores both" over "the opening balance …". Written as a
 * Markdown list item, its lines joined, so no line of it is a paragraph or
 * a heading of its own, whatever its width. man_numbered_item_at: the
 * line after it, 0 when line i is no such item; man_numbered_item writes
 * it. */
static int man_numbered_item_at(const text *r, int i, int B) {
  const tline *l = &r->L[i];
  if (l->ind <= B) return 0;
  int t;
  const char *s = body(l, &t);
  char kind;
  int num = 0, w = marker(s, t, &kind, &num);
  if (!w || kind != '1' || s[0] == '(') return 0;
  int e = i + 1;
  while (e < r->n && !is_blank(&r->L[e]) && r->L[e].ind == l->ind + w && !sub_marker(&r->L[e])) e++;
  /* (a line at the item's own column that is no item ends it; one at
   * another column, or a sub-item's "a." at the text's, is no hanging
   * text: a display, a table, a table of contents) */
  if (e < r->n && !is_blank(&r->L[e]) && r->L[e].ind > l->ind) return 0;
  /* (an outline, top.1's table of contents: "2. SUMMARY Display" over
   * "a. UPTIME and LOAD Averages" further in, a marker at another column
   * among the lines around, is a display of its own; at most NEST_SCAN
   * lines looked at each way) */
  enum { NEST_SCAN = 200 };
  for (int q = i - 1; q >= 0 && q > i - NEST_SCAN && !is_blank(&r->L[q]) && r->L[q].ind > B; q--)
    if (r->L[q].ind != l->ind && sub_marker(&r->L[q])) return 0;
  for (int q = e; q < r->n && q < e + NEST_SCAN && !is_blank(&r->L[q]) && r->L[q].ind > B; q++)
    if (r->L[q].ind != l->ind && sub_marker(&r->L[q])) return 0;
  return e;
}

static int man_numbered_item(text *r, int i, int B) {
  int e = man_numbered_item_at(r, i, B);
  if (!e) return 0;
  sep(r, i);
  vgi_buf j = {0}, li = {0};
  man_join(r, i, e, &j);   /* (its spaces in a row made one: the marker measured on it) */
  char kind;
  int num = 0, w = marker(j.s, (int)j.n, &kind, &num);
  vgi_buf_printf(&li, "%d. ", num);
  put_inline(&li, j.s + w, (int)j.n - w);
  emit(r, i, li.s, li.n);
  for (int q = i + 1; q < e; q++) skip_to(r, q);
  vgi_buf_free(&j);
  vgi_buf_free(&li);
  return e;
}

/* "RES  - anything occupying physical memory" at a display's column: the
 * term before a spaced dash (one word), where its text starts; 0 when
 * the line is no such entry. */
static int dash_term(const char *s, int t) {
  int k = 0;
  while (k < t && k < 24 && s[k] != ' ') k++;
  int a = k;
  while (a < t && s[a] == ' ') a++;
  if (k == 0 || a == k || a + 2 > t || s[a] != '-' || s[a + 1] != ' ') return 0;
  a += 2;
  while (a < t && s[a] == ' ') a++;
  return a < t ? a : 0;
}

/* A display further in than the body whose lines at its column each name
 * a term before a dash, the lines further in going on with its text
 * (top.1's ".nf" list of memory fields: "RES  - anything … beginning
 * with" over "Linux-4.5, is the sum of …"): a list of terms, each with
 * its text whole. Read by its indentation it gave paragraphs cut mid-
 * clause, and lines at one column run together ("… memory CODE - …").
 * The line after it; 0 when it is none. */
static int man_dash_entries(text *r, int i, int B) {
  int c = r->L[i].ind, e = i, entries = 0;
  if (c < B) return 0;
  for (; e < r->n && !is_blank(&r->L[e]) && r->L[e].ind >= c; e++) {
    if (r->L[e].ind > c) continue;
    int t;
    const char *s = body(&r->L[e], &t);
    if (!dash_term(s, t)) return 0;
    /* at the body's column, files each on a line of its own ("/etc/group
     * - グループアカウント情報" / "/etc/gshadow - …" in the Japanese
     * groupadd.8, lines broken by .br): a list of paths, never one
     * sentence of them */
    if (c == B && !strchr("/~$", s[0])) return 0;
    entries++;
  }
  if (entries < (c == B ? 2 : 3)) return 0;
  sep(r, i);
  for (int q = i; q < e;) {
    int t;
    const char *s = body(&r->L[q], &t);
    int tl = 0;
    while (tl < t && s[tl] != ' ') tl++;
    int qe = q + 1;
    while (qe < e && r->L[qe].ind > c) qe++;
    vgi_buf j = {0}, li = {0};
    man_join(r, q, qe, &j);
    /* (the joined text without the term: spaces in a row were made one) */
    int jd = dash_term(j.s, (int)j.n);
    vgi_buf_add(&li, "- **", 4);
    put_inline(&li, s, tl);
    vgi_buf_add(&li, "**: ", 4);
    put_inline(&li, j.s + jd, (int)j.n - jd);
    emit(r, q, li.s, li.n);
    for (int k = q + 1; k < qe; k++) skip_to(r, k);
    vgi_buf_free(&j);
    vgi_buf_free(&li);
    q = qe;
  }
  return e;
}

/* The term before a spaced dash that opens a line of plain text, a name
 * or a setting of one token ("GC_INITIAL_HEAP_SIZE=<bytes> -  Initial heap
 * size …", "-v -- verbose"): where its text starts, 0 when none. */
static int text_dash_term(const char *s, int t, int *term_len) {
  int k = 0;
  while (k < t && k < 48 && s[k] != ' ') k++;
  int a = k;
  while (a < t && s[a] == ' ') a++;
  if (k == 0 || a == k || a + 2 > t || s[a] != '-') return 0;
  a += s[a + 1] == '-' ? 2 : 1;
  if (a >= t || s[a] != ' ') return 0;
  while (a < t && s[a] == ' ') a++;
  /* (a word, not a sentence's first word: "Note - this …" is prose) */
  int caps = 0, marks = 0;
  for (int q = 0; q < k; q++) {
    caps += upper_c((unsigned char)s[q]) != 0;
    marks += strchr("_=<>-./$", s[q]) && s[q];
  }
  if (!marks && caps < k) return 0;
  *term_len = k;
  return a < t ? a : 0;
}

/* Entries of plain text each a chunk of its own, a term before a spaced
 * dash and its text, the lines that go on with it hung under the text's
 * column (libgc's README.environment: "GC_LOOP_ON_ABORT - Causes the
 * collector …" over "                   This may make …"): two or more in
 * a row, blank lines between, are a list of terms with their texts, not
 * paragraphs that say "GC_COLLECT_AT_MALLOC=<n> -". The line after them;
 * i when there are none. */
static int text_dash_entries(text *r, const view *v, int i, int k) {
  int e = i, entries = 0, last = i;
  while (e < v->b) {
    int q = next_nonblank(r, v, e);
    if (q >= v->b || vind(r, v, q) != k) break;
    int t, tl;
    const char *s = vtext(r, v, q, &t);
    int a = text_dash_term(s, t, &tl);
    if (!a) break;
    int ce = q + 1, ok = 1;
    for (; ce < v->b && !vblank(r, v, ce); ce++) {
      int d = vind(r, v, ce) - k;
      if (d < a - 2 || d > a + 2) ok = 0;   /* hung under the text's column */
    }
    if (!ok) break;
    entries++;
    e = last = ce;
  }
  if (entries < 2) return i;
  note_first(r, 'L', 0);
  if (r->scan) return last;
  sep(r, i);
  for (int q = i; q < last;) {
    q = next_nonblank(r, v, q);
    int t, tl;
    const char *s = vtext(r, v, q, &t);
    int a = text_dash_term(s, t, &tl);
    int qe = q + 1;
    while (qe < last && !vblank(r, v, qe)) qe++;
    vgi_buf j = {0}, li = {0};
    vgi_buf_add(&j, s + a, (size_t)(t - a));
    if (qe > q + 1) {
      vgi_buf rest = {0};
      man_join(r, q + 1, qe, &rest);
      vgi_buf_add(&j, " ", 1);
      vgi_buf_add(&j, rest.s, rest.n);
      vgi_buf_free(&rest);
    }
    vgi_buf_add(&li, "- **", 4);
    put_inline(&li, s, tl);
    vgi_buf_add(&li, "**: ", 4);
    put_inline(&li, j.s, (int)j.n);
    emit(r, q, li.s, li.n);
    for (int x = q + 1; x < qe; x++) skip_to(r, x);
    vgi_buf_free(&j);
    vgi_buf_free(&li);
    q = qe;
  }
  r->last_blank = 0;
  return last;
}

/* ---- a man page's table of contents ---------------------------------------------------- */

/* A section's number before its name, "2.", "2a.", "а.", "10)" (digits,
 * then at most one letter of any alphabet, or a letter alone): where the
 * name starts, 0 when there is none. "ДИВ. ТАКОЖ" has none. */
static int man_toc_number(const char *s, int n) {
  int k = 0;
  while (k < n && k < 3 && isdigit((unsigned char)s[k])) k++;
  unsigned char c = k < n ? (unsigned char)s[k] : 0;
  if (upper_c(c) || lower_c(c)) k++;
  else if (c >= 0xC0 && c < 0xE0 && k + 1 < n) k += 2;
  if (!k || k + 1 >= n || (s[k] != '.' && s[k] != ')') || s[k + 1] != ' ') return 0;
  k++;
  while (k < n && s[k] == ' ') k++;
  return k < n ? k : 0;
}

/* s (n bytes) without its number and the spaces, commas and colons after it */
static const char *man_toc_name(const char *s, int *n) {
  int a = man_toc_number(s, *n);
  s += a;
  *n -= a;
  while (*n > 0 && strchr(" ,:", s[*n - 1])) (*n)--;
  return s;
}

enum { MAN_TOC_LINES = 120, MAN_TOC_WORK = 4000000 };

/* 1 when a heading after line `after` (a line left of the body's column B)
 * is the name s: a section the contents name. r->man_toc_work bounds the
 * comparisons a page may cost. */
static int man_toc_names(text *r, int after, int B, const char *s, int n) {
  for (int q = after; q < r->n && r->man_toc_work < MAN_TOC_WORK; q++) {
    const tline *h = &r->L[q];
    if (is_blank(h) || h->ind >= B) continue;
    r->man_toc_work++;
    int hn;
    const char *hs = man_toc_name(body(h, &hn), &hn);
    if (hn == n && !strncasecmp(hs, s, (size_t)n)) return 1;
  }
  return 0;
}

/* A table of contents in a man page (top.1's "1. COMMAND-LINE Options",
 * "2. SUMMARY Display" over "a. UPTIME and LOAD Averages", in a display
 * further in than the body): short lines, none a sentence, at least three
 * and half of them naming a later heading of the page, numbered or not.
 * A short line alone over it at the body's column is its label ("The
 * remaining Table of Contents"), which the agenda says without. At line i
 * -> the line after the display, 0 when it is none; *first: its first
 * entry. */
static int man_toc_at(text *r, int i, int B, int *first) {
  int a = i, t;
  const char *s = body(&r->L[i], &t);
  if (r->L[i].ind == B) {
    /* the label: alone in its paragraph, short, no sentence */
    if (t > 120 || word_count_n(s, t) > 6 || strchr(".!?", s[t - 1]) || i + 1 >= r->n ||
        !is_blank(&r->L[i + 1]) || (i > 0 && !is_blank(&r->L[i - 1]) && r->L[i - 1].ind >= B))
      return 0;
    a = i + 1;
    while (a < r->n && is_blank(&r->L[a])) a++;
    if (a >= r->n || r->L[a].ind <= B) return 0;
  } else if (r->L[i].ind <= B) {
    return 0;
  }
  int e = a, lines = 0, numbered = 0;
  while (e < r->n && !is_blank(&r->L[e]) && r->L[e].ind > B) {
    if (++lines > MAN_TOC_LINES) return 0;
    const char *ls = body(&r->L[e], &t);
    int chars = 0;   /* (characters, not bytes: Cyrillic takes two) */
    for (int c = 0; c < t; c++) chars += ((unsigned char)ls[c] & 0xC0) != 0x80;
    if (chars > 80 || word_count_n(ls, t) > 10 || strchr(".!?;", ls[t - 1])) return 0;
    numbered += man_toc_number(ls, t) > 0;
    e++;
  }
  if (lines < 3 || numbered < 2) return 0;
  int named = 0;
  for (int q = a; q < e; q++) {
    int n;
    const char *ns = man_toc_name(body(&r->L[q], &n), &n);
    named += n > 0 && man_toc_names(r, e, B, ns, n);
  }
  if (named < 3 || named * 2 < lines) return 0;
  *first = a;
  return e;
}

/* The table of contents [a, e) as Markdown's list of links into the page,
 * which the Markdown adapter makes an agenda of its top-level topics; an
 * entry's depth is its column's rank among the display's columns. */
static void man_toc_write(text *r, int label, int a, int e) {
  int cols[4], nc = 0;
  for (int q = a; q < e; q++) {
    int k = r->L[q].ind, c = 0;
    while (c < nc && cols[c] != k) c++;
    if (c == nc && nc < 4) cols[nc++] = k;
  }
  for (int x = 1; x < nc; x++)   /* (sorted: a handful of columns) */
    for (int y = x; y > 0 && cols[y - 1] > cols[y]; y--) {
      int tmp = cols[y];
      cols[y] = cols[y - 1];
      cols[y - 1] = tmp;
    }
  sep(r, label);
  for (int q = label; q < a; q++) skip_to(r, q);
  for (int q = a; q < e; q++) {
    int t, depth = 0;
    const char *s = body(&r->L[q], &t);
    while (depth + 1 < nc && cols[depth] < r->L[q].ind) depth++;
    /* (a line of two entries, "9. BUGS, 10. SEE Also": an item each) */
    for (int x = 0; x < t;) {
      vgi_buf l = {0};
      int n = x;
      while (n < t && !(s[n] == ',' && n + 1 < t && s[n + 1] == ' ' && man_toc_number(s + n + 2, t - n - 2))) n++;
      int y = n < t ? n + 2 : t;
      while (n > x && s[n - 1] == ' ') n--;
      for (int k = 0; k < depth; k++) vgi_buf_puts(&l, "  ");
      vgi_buf_puts(&l, "- [");
      put_inline(&l, s + x, n - x);
      vgi_buf_puts(&l, "](#");
      for (int k = x; k < n; k++)
        vgi_buf_add(&l, isalnum((unsigned char)s[k]) ? (char[]){ (char)tolower((unsigned char)s[k]) } : "-", 1);
      vgi_buf_puts(&l, ")");
      emit(r, q, l.s, l.n);
      vgi_buf_free(&l);
      x = y;
    }
  }
}

/* a sentence in a display's lines: where what a command printed ends */
/* A command of an editor or a shell escape on a line of its own under the
 * sentence that says what it does (vim's ":'a,'z!xxd", "!!xxd -r", ":%!xxd"
 * in xxd.1's examples): a line in ASCII that starts with ":" or "!" and a
 * sign or a letter right after it, the line over it ending a sentence or a
 * clause. Code, as a command at a prompt is; read into its paragraph it was
 * said sign by sign ("… 16 進ダンプする。 :'a,'z!xxd vim(1) の中から …"). */
static int man_escape_command(const text *r, int i) {
  int n, pn;
  const char *s = body(&r->L[i], &n);
  if (n < 2 || n > 80 || (s[0] != ':' && s[0] != '!') || s[1] == ' ' || i == 0 || is_blank(&r->L[i - 1])) return 0;
  for (int q = 0; q < n; q++)
    if ((unsigned char)s[q] >= 0x80) return 0;
  const char *p = body(&r->L[i - 1], &pn);
  while (pn && p[pn - 1] == ' ') pn--;
  if (!pn) return 0;
  return strchr(".:!?", p[pn - 1]) || vgi_wide_stop_before(p, (size_t)pn) ||
         (pn >= 3 && !memcmp(p + pn - 3, "\xEF\xBC\x9A", 3));   /* ： */
}

static int man_prose_line(const text *r, int i) {
  int t;
  const char *s = body(&r->L[i], &t);
  return line_class(&r->L[i]) == 'P' || foreign_prose(s, t);
}

static void man_blocks(text *r) {
  int B = r->man, titled = 0, in_list = 0, examples = 0, section = 0;
  for (int i = 0; i < r->n;) {
    const tline *l = &r->L[i];
    if (is_blank(l)) { i++; continue; }
    int t;
    const char *s = body(l, &t);
    if (l->ind == 0) {
      if (in_list) man_fold_end(r);
      in_list = 0;
      examples = man_examples(s, t);
      section = i;
      if (man_frame(l)) { skip_to(r, i); i++; continue; }   /* man's header, footer */
      if (!titled && man_section(l, "NAME")) {
        /* "ls - list directory contents" -> "# ls — list directory contents" */
        int e = i + 1;
        while (e < r->n && (is_blank(&r->L[e]) || r->L[e].ind > 0)) e++;
        /* several names, each with its line ("bzip2, bunzip2 - a
         * block-sorting file compressor", "bzcat - decompresses files to
         * stdout" in bzip2.1): the first is the page's title */
        int je = e, n1 = i + 1;
        while (n1 < e && is_blank(&r->L[n1])) n1++;
        int n2 = n1 + 1;
        while (n2 < e && is_blank(&r->L[n2])) n2++;
        if (n2 < e && man_name_line(&r->L[n1]) && man_name_line(&r->L[n2])) je = n1 + 1;
        vgi_buf j = {0};
        man_join(r, i + 1, je, &j);
        vgi_buf h = {0};
        vgi_buf_add(&h, "# ", 2);
        /* mdoc's en dash ("ssh – OpenSSH …", as mandoc writes it) too */
        const char *dash = j.n ? memmem(j.s, j.n, " - ", 3) : NULL;
        int dl = 3;
        if (!dash && j.n && (dash = memmem(j.s, j.n, " \xE2\x80\x93 ", 5))) dl = 5;
        /* a title, not a sentence (Japanese and Chinese pages end it with "。") */
        for (;;) {
          if (j.n && j.s[j.n - 1] == '.') j.n--;
          else if (vgi_wide_period_before(j.s, j.n)) j.n -= 3;   /* 。． */
          else break;
        }
        if (dash && dash < j.s + j.n) {
          put_inline(&h, j.s, (int)(dash - j.s));
          vgi_buf_add(&h, " \xE2\x80\x94 ", 5);
          put_inline(&h, dash + dl, (int)(j.s + j.n - dash - dl));
        } else {
          put_inline(&h, j.s ? j.s : "", (int)j.n);
        }
        sep(r, i);
        emit(r, i, h.s, h.n);
        for (int q = i + 1; q < e; q++) skip_to(r, q);
        vgi_buf_free(&h);
        vgi_buf_free(&j);
        titled = 1;
        i = e;
        continue;
      }
      if (man_section(l, "SYNOPSIS") || (!r->full && man_back_matter(l))) {
        /* the forms of a command line: nothing a narrator can say (and no
         * command to run), so not in the video */
        int e = i + 1;
        while (e < r->n && (is_blank(&r->L[e]) || r->L[e].ind > 0)) e++;
        for (int q = i; q < e; q++) skip_to(r, q);
        i = e;
        continue;
      }
      man_heading(r, i, 2, s, t);
      i++;
      continue;
    }
    if (l->ind < B) {
      /* a subsection ("   Exit status:") */
      if (in_list) man_fold_end(r);
      in_list = 0;
      int wrapped = man_heading_wrapped(r, i, B);
      if (wrapped) {
        /* its words on the body's first line are the heading's ("… dans le" /
         * "fichier de différences"), which mandoc wrapped at its width */
        int t2;
        const char *s2 = body(&r->L[i + 1], &t2);
        vgi_buf h = {0};
        vgi_buf_add(&h, s, (size_t)t);
        vgi_buf_add(&h, " ", 1);
        vgi_buf_add(&h, s2, (size_t)t2);
        man_heading(r, i, 3, h.s, (int)h.n);
        vgi_buf_free(&h);
        skip_to(r, i + 1);
        i += 2;
        continue;
      }
      man_heading(r, i, 3, s, t);
      i++;
      continue;
    }
    {
      /* a table of contents: an agenda, never read entry by entry */
      int tf, te = man_toc_at(r, i, B, &tf);
      if (te) {
        if (in_list) man_fold_end(r);
        in_list = 0;
        man_toc_write(r, i, tf, te);
        i = te;
        continue;
      }
    }
    if (l->ind == B && examples) {
      int e = man_example(r, i, B, section);
      if (e > i) {
        if (in_list) man_fold_end(r);
        in_list = 0;
        i = e;
        continue;
      }
    }
    if (l->ind >= B && pipe_row(l->s + l->ind, l->len - l->ind)) {
      /* a pipe table (a tbl table of the roff source, man_tables.c) */
      ttable tb = {0};
      view v = { i, r->n, l->ind, NULL, 0, 0 };
      int te = pipe_table(r, &v, i, &tb);
      if (te) {
        int item = in_list && l->ind > B;
        if (in_list) man_fold_end(r);
        in_list = 0;
        table_out(r, &tb, i, te);
        ttable_free(&tb);
        i = te;
        /* a table inside an item's description (man_tag_end ended it
         * there): the description's lines after it are a paragraph under
         * the table, which a summary leaves out as it does the rest of an
         * item's description */
        int ce = item ? man_tag_end(r, te - 1, B) : te;
        if (ce > te) {
          int q = te;
          while (q < ce && is_blank(&r->L[q])) q++;
          if (r->full && q < ce) {
            vgi_buf j = {0};
            man_join(r, q, ce, &j);
            sep(r, q);
            emit_text(r, q, j.s ? j.s : "", (int)j.n);
            vgi_buf_free(&j);
          }
          skip_to(r, ce - 1);
          i = ce;
        }
        continue;
      }
      ttable_free(&tb);
    }
    if (l->ind == B) {
      int te = man_columns(r, i, B);
      if (te) {
        if (in_list) man_fold_end(r);
        in_list = 0;
        i = te;
        continue;
      }
    }
    if (l->ind == B) {
      int d = man_tag_inline(r, i, B);
      /* an option's forms on lines of their own, its description under
       * the last ("-R port:host:hostport", "-R remote_socket:local_socket"
       * in ssh.1): one tag, the forms joined by commas */
      int forms = 1;
      for (;;) {
        int f = i + forms;
        /* (a blank line between forms of the same option with nothing
         * under the first: "-execdir command ;", blank, "-execdir command
         * {} +" in find.1) */
        int w0 = 0;
        while (w0 < t && s[w0] != ' ') w0++;
        if (!d && s[0] == '-' && w0 < t && f + 1 < r->n && is_blank(&r->L[f]) && !is_blank(&r->L[f + 1]) &&
            r->L[f + 1].ind == B && r->L[f + 1].len > B + w0 && !memcmp(r->L[f + 1].s + B, s, (size_t)w0) &&
            r->L[f + 1].s[B + w0] == ' ')
          f++;
        if (!d && s[0] == '-' && t <= 60 && f < r->n && !is_blank(&r->L[f]) && r->L[f].ind == B &&
            r->L[f].s[B] == '-' && r->L[f].len - B <= 60)
          forms = f - i + 1;
        else
          break;
      }
      int nx = i + forms;
      /* an option too wide for its column, a blank line before its
       * description (curl.1's "--connect-to <HOST1:PORT1:HOST2:PORT2>") */
      if (!d && s[0] == '-' && t <= 60 && nx + 1 < r->n && is_blank(&r->L[nx]) && !is_blank(&r->L[nx + 1]) &&
          r->L[nx + 1].ind > B && r->man_tag > B && r->L[nx + 1].ind == r->man_tag)
        nx++;
      /* (in EXAMPLES, a line ending in a colon over commands brings them) */
      int under = !d && nx < r->n && !is_blank(&r->L[nx]) && r->L[nx].ind > B && t <= 60 &&
                  !(examples && ends_colon(s, t)) &&
                  /* (a sentence over numbered items brings a list: "The columns of
                   * the totals line:" over "2. Number of streams" in xz.1) */
                  !(ends_colon(s, t) && man_numbered_item_at(r, nx, B));
      if (!under) forms = 1;
      vgi_buf tag = {0};
      if (under && forms > 1) {
        for (int q = i; q < nx; q++) {
          int ft;
          if (is_blank(&r->L[q])) continue;
          const char *f = body(&r->L[q], &ft);
          if (q > i) vgi_buf_add(&tag, ", ", 2);
          vgi_buf_add(&tag, f, (size_t)ft);
        }
        s = tag.s;
        t = (int)tag.n;
      }
      if (d || under) {
        /* a tagged paragraph: "- **-a, --all**: do not ignore …" */
        int e = man_tag_end(r, nx - 1, B);
        int tl = d ? d : t;
        while (tl > 0 && s[tl - 1] == ' ') tl--;
        vgi_buf desc = {0};
        if (d) vgi_buf_add(&desc, s + d, (size_t)(t - d));
        vgi_buf rest = {0};
        /* (with every sentence wanted, a display of code in it ends the
         * item: shown as code below it, never said) */
        int ca = 0, cb = 0;
        if (r->full && !man_code_chunk(r, nx, e, &ca, &cb)) ca = cb = 0;
        man_join(r, nx, cb ? ca : e, &rest);
        if (desc.n && rest.n) vgi_buf_add(&desc, " ", 1);
        vgi_buf_add(&desc, rest.s ? rest.s : "", rest.n);
        if (!r->full && desc.n) {
          /* what the option does, in its first sentence */
          vgi_buf_add(&desc, "", 1);   /* a terminating 0 for the sentence scan */
          desc.n--;
          size_t one = vgi_first_sentence(desc.s);
          if (one && one < desc.n) desc.n = one;
          while (desc.n && desc.s[desc.n - 1] == ' ') desc.n--;
        }
        int iw = words_in(s, (size_t)tl) + words_in(desc.s ? desc.s : "", desc.n);
        if (!r->full && in_list && (r->man_items >= MAN_ITEMS_SUMMED || r->man_folded ||
                                    (r->man_items >= 3 && r->man_words + iw > MAN_WORDS_SUMMED))) {
          r->man_folded++;
          for (int q = i; q < e; q++) skip_to(r, q);
          vgi_buf_free(&rest);
          vgi_buf_free(&desc);
          vgi_buf_free(&tag);
          i = e;
          continue;
        }
        if (!in_list) r->man_items = r->man_folded = r->man_options = r->man_words = 0;
        r->man_words += iw;
        r->man_options |= s[0] == '-';   /* git-switch.1 starts with "<branch>" */
        r->man_items++;
        r->man_last_item = i;
        vgi_buf li = {0};
        /* a tag that only numbers its paragraph ("1.", "2)" in wget.1's
         * BUGS) is a numbered list: the item is its text, never a term
         * "1." beside it */
        int ord = 0;
        while (ord < tl && ord < 3 && isdigit((unsigned char)s[ord])) ord++;
        int numbered = ord && ord + 1 == tl && (s[ord] == '.' || s[ord] == ')') && desc.n;
        /* ... and one that only marks it ("•" in bash.1): a bulleted item */
        int bullet = desc.n && ((tl == 1 && strchr("*-+o", s[0])) || (tl == 3 && !memcmp(s, "\xE2\x80\xA2", 3)) ||
                                (tl == 2 && !memcmp(s, "\xC2\xB7", 2)) ||
                                /* ○ ◦ ▪ (ronn's pages, jq.1) */
                                (tl == 3 && (!memcmp(s, "\xE2\x97\x8B", 3) || !memcmp(s, "\xE2\x97\xA6", 3) ||
                                             !memcmp(s, "\xE2\x96\xAA", 3))));
        /* a bullet over an option and its text ("○   --seq:" in jq.1): a term */
        int opt = 0;
        if (bullet && desc.s[0] == '-')
          while (opt < (int)desc.n && opt < 60 && desc.s[opt] != ':' && desc.s[opt] != '.') opt++;
        if (bullet && opt && opt + 1 < (int)desc.n && desc.s[opt] == ':' && desc.s[opt + 1] == ' ') {
          vgi_buf_add(&li, "- **", 4);
          put_inline(&li, desc.s, opt);
          vgi_buf_add(&li, "**: ", 4);
          put_inline(&li, desc.s + opt + 2, (int)desc.n - opt - 2);
          desc.n = 0;
        } else if (bullet) {
          vgi_buf_add(&li, "- ", 2);
          put_inline(&li, desc.s, (int)desc.n);
          desc.n = 0;
        } else if (numbered) {
          vgi_buf_add(&li, s, (size_t)ord);
          vgi_buf_add(&li, ". ", 2);
          put_inline(&li, desc.s, (int)desc.n);
          desc.n = 0;
        } else {
          vgi_buf_add(&li, "- **", 4);
          put_inline(&li, s, tl);
          vgi_buf_add(&li, "**", 2);
        }
        if (desc.n) {
          vgi_buf_add(&li, ": ", 2);
          put_inline(&li, desc.s, (int)desc.n);
        }
        if (!in_list) sep(r, i);
        emit(r, i, li.s, li.n);
        for (int q = i + 1; q < (cb ? ca : e); q++) skip_to(r, q);
        vgi_buf_free(&li);
        vgi_buf_free(&rest);
        vgi_buf_free(&desc);
        vgi_buf_free(&tag);
        in_list = 1;
        if (cb) {
          /* the description's sentences after the code, then the code:
           * they tell what it is ("为了方便阅读，这里分成了三行"), said while
           * it is shown (as a paragraph after it they were said over the
           * next option's slide) */
          man_fold_end(r);
          in_list = 0;
          int q = cb;
          while (q < e && is_blank(&r->L[q])) q++;
          if (q < e) {
            vgi_buf j = {0};
            man_join(r, q, e, &j);
            sep(r, ca);
            emit_text(r, ca, j.s ? j.s : "", (int)j.n);
            vgi_buf_free(&j);
          }
          int m = r->L[ca].ind;
          for (int z = ca; z < cb; z++)
            if (!is_blank(&r->L[z]) && r->L[z].ind < m) m = r->L[z].ind;
          view v = { ca, cb, m, NULL, 0, 0 };
          code_block(r, &v, ca, cb, NULL);
          for (int z = cb; z < e; z++) skip_to(r, z);
        }
        i = e;
        continue;
      }
      vgi_buf_free(&tag);
    }
    /* a paragraph: the lines at its indentation up to a blank line */
    if (in_list) man_fold_end(r);
    in_list = 0;
    if (l->ind == B) {
      int te = man_dash_entries(r, i, B);
      if (te) {
        i = te;
        continue;
      }
    }
    {
      int ie = man_numbered_item(r, i, B);
      if (ie) {
        i = ie;
        continue;
      }
    }
    /* a command at a prompt ("% xxd -s 0x30 file", "$ make") under the
     * sentence that says what it does, and what it printed under it: a
     * display of code, never words of the paragraph (xxd.1's examples
     * were read as one sentence each, commands and hex dumps in them) */
    if (prompt_at(s, t) || man_escape_command(r, i)) {
      int ce = i + 1;
      while (ce < r->n && !is_blank(&r->L[ce]) && r->L[ce].ind >= l->ind && !man_prose_line(r, ce)) ce++;
      view v = { i, ce, l->ind, NULL, 0, 0 };
      code_block(r, &v, i, ce, "sh");
      i = ce;
      continue;
    }
    int e = i + 1;
    /* (a numbered item ends the paragraph over it: "Since 5.1.2alpha:"
     * over "12. …" in xz.1; a prompt ends it too) */
    for (;;) {
      while (e < r->n && !is_blank(&r->L[e]) && r->L[e].ind == l->ind && !man_numbered_item_at(r, e, B)) {
        int et;
        const char *es = body(&r->L[e], &et);
        if (prompt_at(es, et) || man_escape_command(r, e)) break;
        e++;
      }
      /* a line one column further in, between two of the paragraph's: a
       * source line that started with a space, wrapped where its words
       * end (" '-r -s' の後に指定した…" in the Japanese xxd.1): words of
       * the paragraph, not a display (displays are further in, or stand
       * between blank lines) */
      if (e + 1 < r->n && !is_blank(&r->L[e]) && r->L[e].ind == l->ind + 1 && !is_blank(&r->L[e + 1]) &&
          r->L[e + 1].ind == l->ind && r->L[e].len <= l->ind + 80) {
        e++;
        continue;
      }
      break;
    }
    /* what an example does over its command at a prompt, in EXAMPLES: in a
     * summary the first few, each under the section's name, as
     * man_example writes the other layout */
    if (examples && e < r->n && !is_blank(&r->L[e]) && r->L[e].ind == l->ind) {
      int et;
      const char *es = body(&r->L[e], &et);
      int command = prompt_at(es, et) || man_escape_command(r, e);
      if (command && !r->full) {
        if (r->man_examples >= MAN_EXAMPLES_SUMMED) {
          int ce = e;
          while (ce < r->n && !is_blank(&r->L[ce]) && r->L[ce].ind >= l->ind) ce++;
          for (int q = i; q < ce; q++) skip_to(r, q);
          i = ce;
          continue;
        }
        int n;
        const char *h = body(&r->L[section], &n);
        man_heading(r, i, 3, h, n);
      }
      if (command) r->man_examples++;
    }
    {
      int te = man_pairs(r, i);
      if (te) {
        i = te;
        continue;
      }
    }
    {
      /* a rule among its lines (ascii.7's table: its header, a rule of
       * "───", its rows): a table drawn in characters, shown as it is */
      int ruled = 0;
      for (int q = i + 1; q < e && !ruled; q++) {
        int bt, box = 0, other = 0;
        const char *bs = body(&r->L[q], &bt);
        for (int c = 0; c < bt; c++) {
          if ((unsigned char)bs[c] == 0xE2 && c + 2 < bt && ((unsigned char)bs[c + 1] & 0xFE) == 0x94) {
            box++;
            c += 2;
          } else if (bs[c] != ' ') {
            other++;
          }
        }
        ruled = rule_char(&r->L[q], 8) || (box >= 8 && other * 4 < box);
      }
      /* ... also when its header and rule are further in than its rows
       * (ascii.7's compact tables: "2 3 4 5 6 7" over "-------------" over
       * "0:   0 @ P ` p" at the body's column): the lines to a blank one,
       * a rule among the first three, the rows after it columns, not prose */
      int re = e;
      if (!ruled) {
        int rq = 0, rows = 0, prose = 0;
        for (re = i; re < r->n && !is_blank(&r->L[re]) && r->L[re].ind >= B; re++) {
          if (!rq && re > i && re <= i + 2 && rule_char(&r->L[re], 8)) rq = re;
          else if (rq) { rows++; prose += line_class(&r->L[re]) == 'P'; }
        }
        if (rq && rows >= 3 && !prose) ruled = 1;
        else re = e;
      }
      if (ruled) {
        int m = l->ind;
        for (int q = i; q < re; q++)
          if (r->L[q].ind < m) m = r->L[q].ind;
        view v = { i, re, m, NULL, 0, 0 };
        code_block(r, &v, i, re, NULL);
        i = re;
        continue;
      }
    }
    if (l->ind > B) {
      int te = man_dash_entries(r, i, B);
      if (te) {
        i = te;
        continue;
      }
    }
    if (l->ind > B) {
      /* a display further in: its chunks, blank lines between them, up to
       * the body's column again ("Compression:   400 k + …", then
       * "Decompression: 100 k + …, or" over its second line in bzip2.1; a
       * table's header, then its rows) are one example, shown as code when
       * it has code and hardly any prose, or the line before brings it */
      int p = i - 1;
      while (p > 0 && is_blank(&r->L[p])) p--;
      int pt0 = 0;
      const char *ps0 = p >= 0 ? body(&r->L[p], &pt0) : "";
      int de = i, dC = 0, dP = 0, steps = 0;
      for (int q = i; q < r->n && (is_blank(&r->L[q]) || r->L[q].ind > B); q++) {
        if (is_blank(&r->L[q])) continue;
        char c = line_class(&r->L[q]);
        dC += c == 'C';
        dP += c == 'P';
        steps += q > i && r->L[q].ind != l->ind;
        de = q + 1;
      }
      /* a short display that a sentence goes on from in lower case, after
       * one that ended ("{foo: .bar} / will produce the JSON object …" in
       * jq.1): the display is its subject, said in it */
      int c = de;
      while (c < r->n && is_blank(&r->L[c])) c++;
      if (de - i <= 2 && c > de && c < r->n && r->L[c].ind == B && lower_c((unsigned char)r->L[c].s[B]) &&
          !man_tag_inline(r, c, B)) {
        int ce = c + 1;
        while (ce < r->n && !is_blank(&r->L[ce]) && r->L[ce].ind == B) ce++;
        if (ce >= r->n || is_blank(&r->L[ce]) || r->L[ce].ind <= B) {
          vgi_buf j = {0}, shown = {0};
          man_join(r, i, de, &shown);
          vgi_buf_add(&j, "`", 1);
          vgi_buf_add(&j, shown.s, shown.n);
          vgi_buf_add(&j, "`", 1);
          man_join(r, c, ce, &j);
          sep(r, i);
          emit_text(r, i, j.s, (int)j.n);
          for (int q = i + 1; q < ce; q++) skip_to(r, q);
          vgi_buf_free(&shown);
          vgi_buf_free(&j);
          i = ce;
          continue;
        }
      }
      /* (no prose and lines at more than one column: jq.1's "jq '.foo'"
       * over its input and "=> 42", never a term and its text) */
      if ((dC && dP * 2 <= dC && (line_class(l) == 'C' || (p < i && ends_colon(ps0, pt0)) || !dP)) ||
          (!dP && (steps || (p < i && ends_colon(ps0, pt0))))) {
        int m = l->ind;
        for (int q = i; q < de; q++)
          if (!is_blank(&r->L[q]) && r->L[q].ind < m) m = r->L[q].ind;
        view v = { i, de, m, NULL, 0, 0 };
        code_block(r, &v, i, de, code_lang(r, &v, i, de));
        i = de;
        continue;
      }
    }
    vgi_buf j = {0};
    man_join(r, i, e, &j);
    /* a short display inside a sentence, the paragraph going on after it
     * in lower case ("For example / line 2i / means draw a line …",
     * "Call / gs --help / for a list …" in pic.1): one paragraph, the
     * display in it as code */
    int dl = e, de, c, ce = e;
    while (dl < r->n && is_blank(&r->L[dl])) dl++;
    /* (a line of code at the body's own column after a colon is such a
     * display too: "ressembler à :" / "'\\\" <chaîne>" / "dans laquelle
     * chaîne …" in the French man.1, its code a key point of its own) */
    int pt0;
    const char *ps0 = body(&r->L[e - 1], &pt0);
    int at_colon = pt0 > 0 && (ps0[pt0 - 1] == ':' || (pt0 >= 3 && !memcmp(ps0 + pt0 - 3, "\xEF\xBC\x9A", 3)));
    for (de = dl; de < r->n && !is_blank(&r->L[de]) && de - dl < 3; de++) {
      int dt;
      const char *ds = body(&r->L[de], &dt);
      int signs = 0;
      for (int k = 0; k < dt; k++) signs += ds[k] && strchr("<>{}=$|\\;#%", ds[k]) != NULL;
      if (!(r->L[de].ind > B || (at_colon && line_class(&r->L[de]) == 'C' && signs >= 2))) break;
    }
    for (c = de; c < r->n && is_blank(&r->L[c]); c++) {}
    int pt;
    const char *ps = body(&r->L[e - 1], &pt);
    /* (a colon or a comma before the display too: "each time you change
     * some source files, this simple shell command: / make / suffices to
     * perform all necessary recompilations" in make.1; the mark goes) */
    if (l->ind == B && dl > e && de > dl && de - dl <= 2 && c > de && c < r->n && r->L[c].ind == B &&
        lower_c((unsigned char)r->L[c].s[B]) && !strchr(".!?;", ps[pt - 1]) && !man_tag_inline(r, c, B)) {
      for (ce = c + 1; ce < r->n && !is_blank(&r->L[ce]) && r->L[ce].ind == B; ce++) {}
      if (ce < r->n && !is_blank(&r->L[ce]) && r->L[ce].ind > B) ce = e;   /* a tag, not prose */
    }
    if (ce > e) {
      if (j.n && (j.s[j.n - 1] == ':' || j.s[j.n - 1] == ',')) j.n--;
      vgi_buf shown = {0};
      man_join(r, dl, de, &shown);
      /* (a quote in it would pair with a backtick as GNU's `quoted' does,
       * put_inline: "'\\\" <chaîne>" made "n'importe" after it "nimporte") */
      int quoted = shown.n && (memchr(shown.s, '\'', shown.n) || memchr(shown.s, '`', shown.n));
      vgi_buf_add(&j, quoted ? " " : " `", quoted ? 1 : 2);
      vgi_buf_add(&j, shown.s, shown.n);
      if (!quoted) vgi_buf_add(&j, "`", 1);   /* (man_join puts the space) */
      man_join(r, c, ce, &j);
      vgi_buf_free(&shown);
      e = ce;
    }
    if (ce == e && j.n && j.s[j.n - 1] == ',' && brings_display(r, e, B)) j.s[j.n - 1] = ':';
    sep(r, i);
    emit_text(r, i, j.s ? j.s : "", (int)j.n);
    for (int q = i + 1; q < e; q++) skip_to(r, q);
    vgi_buf_free(&j);
    i = e;
  }
  if (in_list) man_fold_end(r);
}

/* ---- the document ----------------------------------------------------------------------- */

/* "-*- mode: text -*-", "vim: set tw=72:", "# vi: ft=txt", "$Id: … $" */
static int modeline(const char *s, int n) {
  /* a version control keyword: "$Id: README,v 1.6 … $", "-- $MawkId: … $" */
  const char *dollar = memchr(s, '$', (size_t)n);
  if (dollar) {
    int k = (int)(dollar - s) + 1;
    while (k < n && isalpha((unsigned char)s[k])) k++;
    if (k - (dollar - s) >= 3 && k < n && s[k] == ':' && !strncmp(s + k - 2, "Id", 2) &&
        memchr(s + k, '$', (size_t)(n - k)))
      return 1;
  }
  const char *a = n > 6 ? memmem(s, (size_t)n, "-*-", 3) : NULL;
  if (a && memmem(a + 3, (size_t)(n - (a + 3 - s)), "-*-", 3)) return 1;
  for (int i = 0; i + 3 < n; i++) {
    if (i && s[i - 1] != ' ' && s[i - 1] != '\t') continue;
    int k = !strncmp(s + i, "vim:", 4) || !strncmp(s + i, "vile:", 5) ? 4 + (s[i + 2] == 'l')
          : !strncmp(s + i, "vi:", 3) || !strncmp(s + i, "ex:", 3) ? 3 : 0;
    if (!k) continue;
    const char *rest = s + i + k;
    int rn = n - i - k;
    while (rn > 0 && *rest == ' ') { rest++; rn--; }
    if (rn >= 4 && !strncmp(rest, "set ", 4)) return 1;
    int eq = 0;
    for (int q = 0; q < rn && q < 200; q++) eq += rest[q] == '=';
    if (eq) return 1;
  }
  return 0;
}

/* " -- Name <mail@host>  Tue, 1 Jan 2019 …" */
static int signature(const char *s, int n) {
  /* (at the margin or a few spaces in, "-- Jane Roe <jane@…>, date" too) */
  int a = 0;
  while (a < n && a < 4 && s[a] == ' ') a++;
  if (n - a < 11 || strncmp(s + a, "-- ", 3) || !alpha_c((unsigned char)s[a + 3])) return 0;
  const char *lt = memchr(s, '<', (size_t)n);
  const char *at = lt ? memchr(lt, '@', (size_t)(n - (lt - s))) : NULL;
  const char *gt = at ? memchr(at, '>', (size_t)(n - (at - s))) : NULL;
  return gt != NULL;
}

/* An Emacs trailer at a file's end ("Local variables:" / "mode: text" /
 * "End:", in any case, maybe behind a comment mark) is for the editor: it
 * goes, with the rule that set it apart from the text. */
static void emacs_trailer_out(text *r) {
  for (int i = r->n - 1; i >= 0 && i >= r->n - 40; i--) {
    int t;
    const char *s = body(&r->L[i], &t);
    int at = -1;
    for (int k = 0; k + 16 <= t && at < 0; k++)
      if (!strncasecmp(s + k, "Local Variables:", 16)) at = k;
    if (at < 0) continue;
    for (int k = i; k < r->n; k++) r->L[k].kind = 'x';
    int p = i - 1;
    while (p >= 0 && is_blank(&r->L[p])) p--;
    if (p >= 0 && rule_char(&r->L[p], 3)) r->L[p].kind = 'x';
    break;
  }
}

static int split_lines(text *r, const char *src, size_t len) {
  if (!vgi_split_lines(src, len, 1, &r->store, &r->L, &r->n)) return 0;
  /* what is never said: modelines (vim reads the first and last five
   * lines), Emacs' local variables at the end, Debian signatures */
  int stars2 = 0, first = -1;
  for (int i = 0; i < r->n; i++) {
    tline *l = &r->L[i];
    /* man writes every hyphen as U+2010: one, said and shown as '-' */
    if (memmem(l->s, (size_t)l->len, "\xE2\x80\x90", 3)) {
      char *w = (char *)l->s;   /* the line lives in r->store, ours to change */
      int o = 0;
      for (int k = 0; k < l->len; k++) {
        if (k + 2 < l->len && !memcmp(w + k, "\xE2\x80\x90", 3)) { w[o++] = '-'; k += 2; continue; }
        w[o++] = w[k];
      }
      l->len = o;
    }
    if (first < 0 && l->ind < l->len) first = i;
    if (l->ind == 0 && l->len > 3 && !strncmp(l->s, "** ", 3)) stars2++;
    if (signature(l->s, l->len < LINE_LOOK ? l->len : LINE_LOOK)) l->kind = 'x';
    else if (l->len - l->ind >= 2 && l->len - l->ind <= 3 && !strncmp(l->s + l->ind, "--", 2) &&
             (l->len - l->ind == 2 || l->s[l->ind + 2] == ' ') && i + 1 < r->n && r->L[i + 1].len < 120 &&
             memchr(r->L[i + 1].s, '@', (size_t)r->L[i + 1].len) && memchr(r->L[i + 1].s, '<', (size_t)r->L[i + 1].len)) {
      /* a mail's signature: "-- " alone, the name and address under it */
      l->kind = 'x';
      r->L[i + 1].kind = 'x';
    }
    else if (l->ind == 0 && (l->len == 2 || (l->len == 3 && l->s[2] == ' ')) && !strncmp(l->s, "--", 2) &&
             (i == 0 || r->L[i - 1].len == r->L[i - 1].ind || strchr(".!?", r->L[i - 1].s[r->L[i - 1].len - 1]))) {
      /* a signature under a text's end: "--" alone over a name and up to
       * two more short lines, a date or a place (datrie's README:
       * "Theppitak Karoonboonyanan." / "September 2006."), then a blank
       * line or the end */
      int e = i + 1;
      while (e < r->n && e - i <= 3 && r->L[e].len > r->L[e].ind && r->L[e].len - r->L[e].ind <= 60) e++;
      int tn = i + 1 < r->n ? r->L[i + 1].len - r->L[i + 1].ind : 0;
      const char *ts = i + 1 < r->n ? r->L[i + 1].s + r->L[i + 1].ind : NULL;
      if (e > i + 1 && (e == r->n || r->L[e].len == r->L[e].ind) && upper_c((unsigned char)ts[0]) &&
          word_count_n(ts, tn) <= 5)
        for (int q = i; q < e; q++) r->L[q].kind = 'x';
    }
    else if ((i < 5 || i >= r->n - 5) && modeline(l->s, look(l))) {
      /* "GNU gzip NEWS      -*- outline -*-": the words before the marker are the title */
      const char *a = i == first ? memmem(l->s, (size_t)look(l), "-*-", 3) : NULL;
      int keep = a ? (int)(a - l->s) : 0;
      while (keep > 0 && (l->s[keep - 1] == ' ' || l->s[keep - 1] == '\t' || l->s[keep - 1] == '.')) keep--;
      if (a && keep > l->ind && memmem(a, (size_t)(look(l) - keep), "outline", 7)) r->outline = 1;
      if (keep > l->ind) {
        l->len = keep;
        if (a) r->mode_title = i;
      } else {
        l->kind = 'x';
      }
    }
  }
  /* two-star lines at the margin are an outline's subheadings (no list is
   * written so) */
  if (stars2 >= 2) r->outline = 1;
  /* an outline's entry written as a heading ("** libgnutls: Fix a … oracle.")
   * is a list item one level in: its stars but the last become spaces */
  for (int i = 0; r->outline && i < r->n; i++) {
    tline *l = &r->L[i];
    int stars = 0;
    while (stars < l->len && l->s[stars] == '*') stars++;
    if (l->ind || stars < 2 || stars > 4 || stars >= l->len || l->s[stars] != ' ') continue;
    int at = stars;
    while (at < l->len && l->s[at] == ' ') at++;
    if (at >= l->len || outline_title(l->s + at, l->len - at)) continue;
    char *w = (char *)l->s;   /* the line lives in r->store, ours to change */
    for (int k = 0; k < stars - 1; k++) w[k] = ' ';
    l->ind = stars - 1;
  }
  emacs_trailer_out(r);
  return 1;
}

char *vgi_text_markdown(const char *src, size_t len, const char *file, const vgi_options *opts,
                        vgi_diags *d, int **map, int *nmap, size_t *out_len) {
  text r = { .file = file, .d = d, .next_src = 1, .last_blank = 1, .title_line = -1, .mode_title = -1 };
  if (!split_lines(&r, src, len)) {
    free(r.store);
    free(r.L);
    vgi_diag_add(d, VGI_ERROR, file, 0, 0, NULL, "out of memory");
    return NULL;
  }
  /* the document's own indentation (a text indented as a whole) */
  int base = -1;
  for (int i = 0; i < r.n; i++)
    if (!is_blank(&r.L[i]) && (base < 0 || r.L[i].ind < base)) base = r.L[i].ind;
  if (base < 0) base = 0;
  if (base > MAX_IND) base = MAX_IND;
  /* the wrap column: the mean length of lines that a sentence goes on from */
  long wsum = 0, wn = 0;
  for (int i = 0; i + 1 < r.n; i++) {
    const tline *l = &r.L[i], *nx = &r.L[i + 1];
    if (is_blank(l) || is_blank(nx) || l->ind != nx->ind || l->len > LINE_LOOK) continue;
    int t;
    const char *s = body(l, &t);
    if (!strchr(".!?:", s[t - 1]) && lower_c((unsigned char)nx->s[nx->ind])) { wsum += t; wn++; }
  }
  r.wrap = wn >= 3 ? (int)(wsum / wn) : 0;
  r.pc = malloc(sizeof *r.pc * (size_t)(r.n + 1));
  r.cc = malloc(sizeof *r.cc * (size_t)(r.n + 1));
  r.nb = malloc(sizeof *r.nb * (size_t)(r.n + 1));
  if (!r.pc || !r.cc || !r.nb) abort();
  r.pc[0] = r.cc[0] = 0;
  for (int i = 0; i < r.n; i++) {
    char c = is_blank(&r.L[i]) ? 0 : line_class(&r.L[i]);
    r.pc[i + 1] = r.pc[i] + (c == 'P');
    r.cc[i + 1] = r.cc[i] + (c == 'C');
  }
  r.nb[r.n] = r.n;
  for (int i = r.n - 1; i >= 0; i--) r.nb[i] = is_blank(&r.L[i]) ? i : r.nb[i + 1];
  view top = { 0, r.n, base, NULL, 0, 1 };
  /* a changelog: its name says so (NEWS, ChangeLog, CHANGES, HISTORY,
   * RELEASE-NOTES), or two lines at the margin say "Version 1.2" or the like */
  {
    const char *slash = file ? strrchr(file, '/') : NULL, *base_name = slash ? slash + 1 : file ? file : "";
    static const char *const names[] = { "news", "changelog", "changes", "history", "release-notes", "release_notes", NULL };
    for (int k = 0; names[k] && !r.news; k++) {
      size_t l = strlen(names[k]);
      r.news = !strncasecmp(base_name, names[k], l) && (!base_name[l] || strchr(".-_", base_name[l]));
    }
    int said = 0;
    for (int i = 0; i < r.n; i++) {
      const tline *l = &r.L[i];
      if (l->ind || is_blank(l) || (i && !is_blank(&r.L[i - 1]))) continue;
      int t = look(l);
      int at = release_line(l->s, t);
      said += at >= 0 && (!strncasecmp(l->s + at, "version ", 8) || !strncasecmp(l->s + at, "release ", 8));
      r.news_lines += at == 0;
    }
    if (said >= 2) r.news = 1;
    if (!r.news) r.news_lines = 0;
  }
  r.full = opts && opts->detail == VGI_DETAIL_FULL;
  r.man = man_page(&r);
  vgi_title_whole_ = r.man != 0;
  if (r.man) {
    /* a translated page (manpages-de, -fr, …) folds its options in its language */
    const char *lg = opts && opts->language && *opts->language ? opts->language : NULL;
    if (!lg) {
      char *copy = malloc(len + 1);
      if (copy) { memcpy(copy, src, len); copy[len] = 0; }
      lg = vgi_detect_language(copy ? copy : "");
      free(copy);
    }
    snprintf(r.lang, sizeof r.lang, "%s", lg);
    r.man_tag = man_tag_column(&r);
    man_blocks(&r);
    goto done;
  }
  r.scan = 1;
  blocks(&r, top, 0);
  r.scan = 0;
  /* a heading first, of a style used once, is the title; underlines take
   * levels in the order they first appear, numbered sections by their depth,
   * the other styles the first level, colon headings one below the rest */
  int title_style = -1;
  if (r.nelem && r.first_kind == 'H' && r.sused[r.first_style] == 1) title_style = r.first_style;
  int level = 2, deepest = 1, releases = 0;
  for (int k = 0; k < r.nstyles; k++) releases |= r.skey[k] == 'V';
  for (int k = 0; k < r.nstyles; k++) {
    char key = r.skey[k];
    if (k == title_style) r.slevel[k] = 1;
    else if (key == ':') continue;
    else if (key >= '1' && key <= '6') r.slevel[k] = 1 + (key - '0') + releases;   /* under the releases */
    else if (key == 'C' || key == 'R' || key == 'B' || key == 'V') r.slevel[k] = 2;
    else r.slevel[k] = level++;
    if (r.slevel[k] > 6) r.slevel[k] = 6;
    if (r.slevel[k] > deepest) deepest = r.slevel[k];
  }
  for (int k = 0; k < r.nstyles; k++)
    if (r.skey[k] == ':' && k != title_style) r.slevel[k] = deepest < 6 ? deepest + 1 : 6;
  r.nelem = 0;
  blocks(&r, top, 0);
done:
  fill(&r, r.n + 1);
  free(r.pc);
  free(r.cc);
  free(r.nb);
  free(r.pending);
  free(r.words);
  vgi_buf_free(&r.pre);
  free(r.store);
  free(r.L);
  *map = r.map;
  *nmap = r.nmap;
  *out_len = r.out.n;
  return vgi_buf_take(&r.out);
}

cJSON *vgi_text_load(const char *src, size_t len, const char *file, const vgi_options *opts,
                     vgi_posmap *pm, vgi_diags *d) {
  int *map = NULL, nmap = 0;
  size_t mlen = 0;
  /* a page of a translated manual is in its folder's language, however
   * much untranslated English its words hold (login.defs(5) in German was
   * taken for English); a page outside such a folder, in its headings' */
  vgi_options by_path = opts ? *opts : (vgi_options){0};
  char pl[16];
  if (!(opts && opts->language && *opts->language) && (vgi_man_path_language(file, pl, sizeof pl) ||
                                                          vgi_man_heading_language(src, len, pl, sizeof pl))) {
    by_path.language = pl;
    opts = &by_path;
  }
  char *md = vgi_text_markdown(src, len, file, opts, d, &map, &nmap, &mlen);
  cJSON *model = vgi_markdown_load_mapped(md, mlen, file, opts, pm, d, map, nmap);
  vgi_title_whole_ = 0;
  return model;
}

/* Markdown markup a plain text does not have: fenced code, inline links and
 * pictures, link definitions (each counts 2); ATX headings, code spans,
 * **strong** (each 1, a kind at most twice); table rules 1 however many
 * (plain text has pipe tables too, and reads them as tables). 2 or more is
 * Markdown. Looked for in the first 64 KiB. */
int vgi_text_is_markdown(const char *s, size_t len) {
  if (len > 65536) len = 65536;
  /* an Emacs outline ("-*- outline -*-" first, or "** Bug fixes" at the
   * margin twice) is plain text whatever links or code it quotes */
  {
    const char *nl = memchr(s, '\n', len);
    size_t n1 = nl ? (size_t)(nl - s) : len;
    const char *m = n1 > 6 ? memmem(s, n1, "-*-", 3) : NULL;
    if (m && memmem(m, n1 - (size_t)(m - s), "outline", 7)) return 0;
    int stars2 = 0;
    for (const char *p = s; p && p < s + len && stars2 < 2;) {
      if ((size_t)(s + len - p) > 3 && !strncmp(p, "** ", 3) && p[3] != ' ') stars2++;
      p = memchr(p, '\n', (size_t)(s + len - p));
      if (p) p++;
    }
    if (stars2 >= 2) return 0;
  }
  int score = 0, atx = 0, spans = 0, strong = 0, fences = 0, prev_hash = 0, prev_dollar = 0, rules = 0;
  /* a line indented four columns or more after an empty line, or after
   * another such line, would be an indented code block in Markdown: the
   * marks in it are no markup (systemd's NEWS, whose entries are all
   * indented, quotes `commands` in them) */
  int prev_blank = 1, indented = 0;
  for (size_t i = 0; i < len && score < 2;) {
    const char *e = memchr(s + i, '\n', len - i);
    size_t end = e ? (size_t)(e - s) : len;
    const char *l = s + i;
    size_t n = end - i;
    size_t lead = strspn(l, " \t");
    int blank = lead >= n || l[lead] == '\r';
    if (!blank) indented = (prev_blank || indented) && (lead >= 4 || (lead && l[0] == '\t'));
    prev_blank = blank;
    /* a fence (a line of tildes only, longer than three, underlines a title) */
    if (n >= 3 && (!strncmp(l, "```", 3) || (!strncmp(l, "~~~", 3) && (n == 3 || l[3] != '~')))) fences++;
    /* a heading, not a run of comments or root prompts ("# apt update"),
     * nor a root prompt in a shell session ("$ fakeroot -s env" … "# exit"
     * over "$"): a line at a prompt next to it */
    int hash = n >= 3 && l[0] == '#';
    int next_prompt = e && e + 1 < s + len && e[1] == '$' && (e + 2 >= s + len || e[2] == ' ' || e[2] == '\n');
    if (hash && !prev_hash && !prev_dollar && !next_prompt && e && e + 1 < s + len && e[1] != '#') {
      size_t h = 0;
      while (h < n && l[h] == '#') h++;
      if (h <= 6 && h < n && l[h] == ' ' && h + 1 < n && l[h + 1] != '#') atx++;
    }
    prev_hash = n > 0 && l[0] == '#';
    prev_dollar = n > 0 && l[0] == '$' && (n == 1 || l[1] == ' ');
    if (n >= 5 && l[0] == '[') {
      const char *c = memchr(l, ']', n);
      if (c && (size_t)(c - l) + 2 < n && c[1] == ':' && c[2] == ' ') score += 2;
    }
    int pipes = 0, dashes = 0, others = 0;
    for (size_t k = 0; k < n; k++) {
      char c = l[k];
      if (c == '|') pipes++;
      else if (c == '-') dashes++;
      else if (c != ':' && c != ' ') others++;
      if (c == ']' && k + 1 < n && l[k + 1] == '(') {
        const char *close = memchr(l + k, ')', n - k);
        if (close && close - (l + k) > 2) score += 2;
      }
      if (indented) continue;
      if (c == '`' && k + 2 < n && l[k + 1] != '`') {
        const char *close = memchr(l + k + 1, '`', n - k - 1);
        const char *apo = memchr(l + k + 1, '\'', n - k - 1);
        if (close && (!apo || apo > close)) spans++;
      }
      if (c == '*' && k + 2 < n && l[k + 1] == '*' && l[k + 2] != ' ' && l[k + 2] != '*') {
        const char *close = n - k > 3 ? memmem(l + k + 2, n - k - 2, "**", 2) : NULL;
        if (close && close[-1] != ' ') strong++;
      }
    }
    if (pipes >= 1 && dashes >= 3 && !others && n >= 5) rules++;
    if (!e) break;
    i = end + 1;
  }
  if (fences >= 2) score += 2;
  score += (atx > 2 ? 2 : atx) + (spans > 2 ? 2 : spans) + (strong > 2 ? 2 : strong) + (rules > 1 ? 1 : rules);
  return score >= 2;
}

/* ---- notes in a Markdown code block ------------------------------------------------------ */

/* An indented block in Markdown that is notes, not code (libffi's
 * "History": "3.4.4 Oct-23-2022" over "Fix x86 stdcall stack
 * alignment." …): every line words, some of them sentences, none code.
 * -> its chunks as paragraphs, one a line of text each ("\n" between
 * them), a line that does not end a sentence ended by a full stop unless
 * the next line, further in, goes on with it; NULL when it is code. With
 * latest, of releases ("3.4.4 Oct-23-2022" over its changes, then older
 * ones) only the first: a summary says the latest release, as of a
 * changelog. */
char *vgi_text_notes(const char *lit, int latest) {
  if (!lit) return NULL;
  char *store = NULL;
  tline *L = NULL;
  int n = 0;
  if (!vgi_split_lines(lit, strlen(lit), 1, &store, &L, &n)) { free(store); free(L); return NULL; }
  int P = 0, lines = 0, C = 0;
  for (int i = 0; i < n; i++) {
    if (is_blank(&L[i])) continue;
    int t;
    const char *s = body(&L[i], &t);
    /* (a release's line, "3.4.4 Oct-23-2022", is no code) */
    char c = release_line(s, t) >= 0 ? 'S' : line_class(&L[i]);
    lines++;
    P += c == 'P';
    C += c == 'C';
  }
  vgi_buf o = {0};
  /* (a line in ten may look like code: "ffi_prep_cif_var()", the ")." of
   * a wrapped sentence) */
  if (C * 10 <= lines && P * 2 >= lines && lines >= 4) {
    int releases = 0;
    for (int i = 0; i < n; i++) {
      int rt;
      const char *rs = body(&L[i], &rt);
      if (!is_blank(&L[i]) && (i == 0 || is_blank(&L[i - 1])) && release_line(rs, rt) >= 0 && latest &&
          releases++)
        break;
      if (is_blank(&L[i])) {
        if (o.n && o.s[o.n - 1] != '\n') vgi_buf_add(&o, "\n", 1);
        continue;
      }
      int t;
      const char *s = body(&L[i], &t);
      if (o.n && o.s[o.n - 1] != '\n') vgi_buf_add(&o, " ", 1);
      vgi_buf_add(&o, s, (size_t)t);
      int goes_on = i + 1 < n && !is_blank(&L[i + 1]) && L[i + 1].ind > L[i].ind && i > 0 && !is_blank(&L[i - 1]);
      if (t && !strchr(".!?:;,", s[t - 1]) && !goes_on) vgi_buf_add(&o, ".", 1);
    }
  }
  free(store);
  free(L);
  if (!o.n) { vgi_buf_free(&o); return NULL; }
  vgi_buf_add(&o, "", 1);
  return o.s;
}
