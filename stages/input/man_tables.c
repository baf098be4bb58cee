/* man_tables.c: a man page's tbl(1) tables (.TS … .TE) as tables. mandoc
 * lays a table out in columns of spaces, which no reader can cut again
 * ("NUL '\0' (null character)   │ 100" in ascii.7: one space inside a
 * cell, three between cells). So before mandoc runs, each table is told to
 * draw every cell's box (the option `allbox`, whatever its own options,
 * format, spans and T{ … T} blocks), and its first cell is marked with a
 * private character saying whether its first row is a header (a rule `_`
 * or `=` under it, a bold first format row over plain ones, a first row
 * set in bold or written in capitals). After mandoc, each marked grid is
 * cut at its box lines into cells, a cell's lines joined, and written as a
 * pipe table ("| Oct | Dec |" over "| --- | --- |"), which the plain-text
 * reader reads as a table. A table whose columns are the same few twice
 * side by side (ascii.7's "Oct Dec Hex Char │ Oct Dec Hex Char") is one
 * table of those columns, the right half's rows after the left's.
 * Lines are looked at a bounded number of times: the work is linear. */
#define _GNU_SOURCE   /* memmem */
#include "input_private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MARK_HEAD "\\[uE000]"    /* the first row is a header */
#define MARK_BODY "\\[uE001]"    /* it is not */
#define MARK_HEAD2 "\\[uE002]"   /* the first two rows are its header */
#define MARK_HEAD3 "\\[uE003]"   /* the first three */
/* a mark written: U+E000-U+E003 */
static int mark_at(const char *s, size_t n) {
  return n >= 3 && (unsigned char)s[0] == 0xEE && (unsigned char)s[1] == 0x80 && ((unsigned char)s[2] & 0xFC) == 0x80;
}
#define MAX_COLS 64              /* a wider grid is left as drawn (text.c reads at most 64) */
#define MAX_GRID_COL 2048        /* box columns looked at */
#define FORMAT_LINES 64          /* a format longer than this is not read */

/* ---- the source: each table boxed and marked ------------------------------------------ */

typedef struct line { const char *s; size_t n; } line;

static line line_at(const char *s, size_t len, size_t *pos) {
  line l = { s + *pos, 0 };
  const char *e = memchr(s + *pos, '\n', len - *pos);
  l.n = e ? (size_t)(e - l.s) : len - *pos;
  *pos += l.n + (e != NULL);
  return l;
}

static line trimmed(line l) {
  while (l.n && (l.s[l.n - 1] == ' ' || l.s[l.n - 1] == '\t' || l.s[l.n - 1] == '\r')) l.n--;
  return l;
}

/* ".TS", ".TE", ".T&" (a request of that name alone or with arguments) */
static int request(line l, const char *name) {
  if (l.n < 3 || l.s[0] != '.') return 0;
  size_t i = 1;
  while (i < l.n && (l.s[i] == ' ' || l.s[i] == '\t')) i++;
  size_t k = strlen(name);
  return l.n - i >= k && !memcmp(l.s + i, name, k) && (l.n - i == k || l.s[i + k] == ' ' || l.s[i + k] == '\t');
}

static int is_request(line l) { return l.n && (l.s[0] == '.' || l.s[0] == '\''); }

/* "_" or "=" (a rule across the table), also one per cell ("_\t_") */
static int rule_row(line l, char tab) {
  l = trimmed(l);
  if (!l.n) return 0;
  for (size_t i = 0; i < l.n; i++)
    if (l.s[i] != '_' && l.s[i] != '=' && l.s[i] != tab) return 0;
  return 1;
}

/* Bold-ness of a format's first two rows: *row1 every cell bold, *row2
 * some cell not bold (-1 when there is no second row). */
/* center1: every cell of the first row centred ("c c c"); other2: the
 * second row has a cell that is not ("c n n"): the first row's cells are
 * the columns' names over their values */
typedef struct format_look { int rows, bold1, plain2, rule_row, center1, other2; } format_look;   /* rule_row: the first row of rules only (1-based) */

static void format_row_scan(line l, format_look *f) {
  int cells = 0, bold = 0, in_row = 0, cur = 0, rules = 0, centred = 0;   /* cur: the cell being read is bold */
  for (size_t i = 0; i <= l.n; i++) {
    char c = i < l.n ? l.s[i] : ',';
    if (c == ',' || c == '.') {
      /* a row ends */
      bold += cur;
      if (in_row) {
        f->rows++;
        if (f->rows == 1) f->bold1 = cells > 0 && bold == cells, f->center1 = cells >= 2 && centred == cells;
        if (f->rows == 2) f->plain2 = bold < cells, f->other2 = cells > 0 && centred < cells;
        if (!cells && rules && !f->rule_row) f->rule_row = f->rows;
      }
      cells = bold = in_row = cur = rules = centred = 0;
      continue;
    }
    char lc = (char)tolower((unsigned char)c);
    if (strchr("lrcna", lc)) { bold += cur; cur = 0; cells++; centred += lc == 'c'; in_row = 1; continue; }
    if (lc == 's' || c == '^' || c == '_' || c == '-' || c == '=') {
      bold += cur, cur = 0, in_row = 1;
      rules += c == '_' || c == '-' || c == '=';
      continue;
    }
    if (lc == 'b') { cur = cells > 0; continue; }
    if (lc == 'f') {
      /* a font: fB, f(BI, f[CB] */
      size_t a = i + 1, z;
      if (a < l.n && (l.s[a] == '(' || l.s[a] == '[')) {
        for (z = a + 1; z < l.n && z < a + 8 && l.s[z] != ')' && l.s[z] != ']'; z++) {}
      } else {
        z = a + 1 < l.n && isupper((unsigned char)l.s[a + 1]) ? a + 2 : a + 1;
      }
      if (z > l.n) z = l.n;
      if (cells && z > a && memchr(l.s + a, 'B', z - a)) cur = 1;
      i = z < l.n && (l.s[z] == ')' || l.s[z] == ']') ? z : z - 1;
      continue;
    }
    if (lc == 'w' && i + 1 < l.n && l.s[i + 1] == '(') {
      while (i < l.n && l.s[i] != ')') i++;
      continue;
    }
  }
}

/* the first row starts in bold ("\fBKEY\tLONG\fR") */
static int bold_start(line l) {
  return l.n >= 3 && l.s[0] == '\\' && l.s[1] == 'f' &&
         (l.s[2] == 'B' || (l.n >= 5 && (l.s[2] == '[' || l.s[2] == '(') && l.s[3] == 'B'));
}

/* every cell of the row in capitals, two letters or more each ("CODE\tHEADER") */
static int caps_row(line l, char tab) {
  int cells = 1, letters = 0;
  for (size_t i = 0; i < l.n; i++) {
    unsigned char c = (unsigned char)l.s[i];
    if (c == (unsigned char)tab) {
      if (letters < 2) return 0;
      cells++, letters = 0;
    } else if (c == '\\') {
      if (i + 2 < l.n && l.s[i + 1] == 'f') i += l.s[i + 2] == '(' ? 4 : l.s[i + 2] == '[' ? 4 : 2;
      else return 0;
    } else if (islower(c) || c >= 0x80) {
      return 0;
    } else if (isupper(c)) {
      letters++;
    }
  }
  return cells >= 2 && letters >= 2;
}

/* a row of names: every cell a word or two that starts with a capital,
 * no digits, no sentence ("Prefix\tName\tValue"); three cells or fewer
 * unlike a row of data */
static int names_row(line l, char tab) {
  int cells = 1, words = 1, start = 1;
  for (size_t i = 0; i < l.n; i++) {
    unsigned char c = (unsigned char)l.s[i];
    if (c == (unsigned char)tab) {
      if (start) return 0;   /* an empty cell */
      cells++, words = 1, start = 1;
      continue;
    }
    if (c == '\\' && i + 2 < l.n && l.s[i + 1] == 'f') { i += l.s[i + 2] == '(' ? 4 : l.s[i + 2] == '[' ? 4 : 2; continue; }
    if (isdigit(c) || c == '\\' || c == '.' || c == ',' || c == ';' || c == '=') return 0;
    if (c == ' ') {
      if (!start && i + 1 < l.n && l.s[i + 1] != ' ' && l.s[i + 1] != tab && ++words > 2) return 0;
      continue;
    }
    /* (a capital, or a letter of a script without case: "필터\t정렬\t참고"
     * in Korean; a Cyrillic or Latin-1 capital) */
    const unsigned char *u = (const unsigned char *)l.s + i;
    int capital = isupper(c) || (c >= 0xD6 && c < 0xF0) || (c == 0xD0 && i + 1 < l.n && u[1] >= 0x80 && u[1] <= 0xAF) ||
                  (c == 0xC3 && i + 1 < l.n && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97);
    if (start && !capital) return 0;
    start = 0;
    if (c >= 0xC0) while (i + 1 < l.n && ((unsigned char)l.s[i + 1] & 0xC0) == 0x80) i++;
  }
  return cells >= 2 && !start;
}

/* a cell of the row starts with a small letter, a digit or a sign ("q\tquecto\t10\[ha]\-30"):
 * not a row of names */
static int data_row(line l, char tab) {
  int start = 1;
  for (size_t i = 0; i < l.n; i++) {
    unsigned char c = (unsigned char)l.s[i];
    if (c == (unsigned char)tab) { start = 1; continue; }
    if (c == ' ' && start) continue;
    if (start && !isupper(c) && c < 0x80) return 1;
    start = 0;
  }
  return 0;
}

static int has_lower(line l) {
  for (size_t i = 0; i < l.n; i++)
    if (islower((unsigned char)l.s[i])) return 1;
  return 0;
}

/* the options' tab character ("tab(:)"), else a tab */
static char options_tab(line l) {
  for (size_t i = 0; i + 5 < l.n; i++)
    if (!strncasecmp(l.s + i, "tab", 3)) {
      size_t k = i + 3;
      while (k < l.n && l.s[k] == ' ') k++;
      if (k + 2 < l.n && l.s[k] == '(' && l.s[k + 2] == ')') return l.s[k + 1];
    }
  return '\t';
}

/* the options without the frame words (allbox draws every box) */
static void put_options(vgi_buf *o, line l) {
  static const char *const frames[] = { "allbox", "doublebox", "doubleframe", "box", "frame", NULL };
  size_t i = 0;
  int depth = 0;   /* inside an option's brackets: "tab(;)" keeps its ';' */
  while (i < l.n) {
    size_t k = 0;
    if (!depth && (i == 0 || !isalpha((unsigned char)l.s[i - 1])))
      for (int f = 0; frames[f]; f++) {
        size_t fl = strlen(frames[f]);
        if (l.n - i >= fl && !strncasecmp(l.s + i, frames[f], fl) &&
            (i + fl == l.n || !isalpha((unsigned char)l.s[i + fl]))) {
          k = fl;
          break;
        }
      }
    if (k) { i += k; continue; }
    if (l.s[i] == '(') depth++;
    else if (l.s[i] == ')' && depth) depth--;
    else if (l.s[i] == ';' && !depth) vgi_buf_puts(o, " allbox");
    vgi_buf_add(o, l.s + i, 1);
    i++;
  }
}

/* the end of the data row starting at pos (its T{ … T} blocks with it) */
static size_t row_end(const char *s, size_t len, size_t pos) {
  line l = trimmed(line_at(s, len, &pos));
  while (l.n >= 2 && l.s[l.n - 2] == 'T' && l.s[l.n - 1] == '{' && pos < len) {
    /* a text block: to the line that starts with "T}" */
    do {
      l = trimmed(line_at(s, len, &pos));
    } while (!(l.n >= 2 && l.s[0] == 'T' && l.s[1] == '}') && pos < len && !request(l, "TE"));
  }
  return pos;
}

static void note_inserted(vgi_man_lines *ins, int at) {
  if (ins->n == ins->cap) {
    ins->cap = ins->cap ? ins->cap * 2 : 8;
    int *p = realloc(ins->at, sizeof *p * (size_t)ins->cap);
    if (!p) abort();
    ins->at = p;
  }
  ins->at[ins->n++] = at;
}

char *vgi_man_tables_mark(const char *s, size_t len, size_t *out_len, vgi_man_lines *ins) {
  vgi_buf o = {0};
  int out_line = 0;   /* lines written */
  size_t pos = 0;
  while (pos < len) {
    size_t at = pos;
    line l = line_at(s, len, &pos);
    vgi_buf_add(&o, l.s, pos - at);
    out_line++;
    if (!request(l, "TS")) continue;
    /* the options: boxed; a table without options gets a line of them */
    size_t p = pos;
    line opt = trimmed(line_at(s, len, &p));
    char tab = '\t';
    if (opt.n && opt.s[opt.n - 1] == ';' && !is_request(opt)) {
      put_options(&o, opt);
      vgi_buf_add(&o, "\n", 1);
      out_line++;
      tab = options_tab(opt);
      pos = p;
    } else {
      vgi_buf_puts(&o, "allbox;\n");
      note_inserted(ins, ++out_line);
    }
    /* the format, to its line ending in '.' */
    format_look f = { 0, 0, 0, 0, 0, 0 };
    size_t fpos = pos;
    int flines = 0, formatted = 0;
    while (fpos < len && flines < FORMAT_LINES) {
      line fl = trimmed(line_at(s, len, &fpos));
      flines++;
      if (request(fl, "TE")) break;
      format_row_scan(fl, &f);
      if (fl.n && fl.s[fl.n - 1] == '.') { formatted = 1; break; }
    }
    if (!formatted) continue;   /* not a table tbl reads: as it is */
    vgi_buf_add(&o, s + pos, fpos - pos);
    out_line += flines;
    pos = fpos;
    /* the first data row (past requests and rules) and what is under it */
    size_t first = pos;
    int skipped = 0;
    for (;;) {
      size_t q = first;
      line d = line_at(s, len, &q);
      if (first >= len || request(d, "TE") || request(d, "T&")) { first = len; break; }
      if (!is_request(d) && !rule_row(d, tab) && trimmed(d).n) break;
      first = q;
      skipped++;
    }
    if (first >= len) continue;
    size_t after = row_end(s, len, first), q = after;
    line under = line_at(s, len, &q);
    while (q < len && is_request(under) && !request(under, "TE") && !request(under, "T&"))
      under = line_at(s, len, &q);
    size_t q1 = first;
    line row1 = trimmed(line_at(s, len, &q1));
    /* rows over a rule of the format ("l c c l" / "____" / "lB c c l." in
     * signal.7) are the header, two or three of them one header */
    int heads = f.rule_row >= 2 && f.rule_row <= 4 ? f.rule_row - 1 : 0;
    int head = heads || (after < len && rule_row(under, tab)) || (f.bold1 && f.plain2 == 1) ||
               /* (names centred over values set otherwise: xz(1)'s "c c c" over
                * "c n n", "Level;xz;LZMA Utils" over "-0;256 KiB;N/A") */
               (f.center1 && f.other2) ||
               (bold_start(row1) && !bold_start(under)) || (caps_row(row1, tab) && has_lower(under)) ||
               /* (a row of names over rows of data, units(7)'s "Prefix Name
                * Value" over "q quecto 10^-30 = …", in plain type: its first row
                * was read as a prefix) */
               (names_row(row1, tab) && data_row(trimmed(under), tab) && !names_row(trimmed(under), tab));
    /* the mark: at the first cell's start (inside its text block) */
    vgi_buf_add(&o, s + pos, first - pos);
    out_line += skipped;
    pos = first;
    int block = row1.n == 2 && row1.s[0] == 'T' && row1.s[1] == '{';
    if (block) {
      line b = line_at(s, len, &pos);
      vgi_buf_add(&o, b.s, b.n + (pos > (size_t)(b.s - s) + b.n));
      out_line++;
      size_t q2 = pos;
      line t = line_at(s, len, &q2);
      if (is_request(t) || (t.n >= 2 && t.s[0] == 'T' && t.s[1] == '}')) continue;   /* left unmarked */
    }
    vgi_buf_puts(&o, heads >= 2 ? (heads == 2 ? MARK_HEAD2 : MARK_HEAD3) : head ? MARK_HEAD : MARK_BODY);
  }
  *out_len = o.n;
  return o.s ? vgi_buf_take(&o) : calloc(1, 1);
}

int vgi_man_lines_source(const vgi_man_lines *ins, int line) {
  int before = 0;
  for (int i = 0; i < ins->n && ins->at[i] <= line; i++) {
    if (ins->at[i] == line) return line - before - 1;   /* an inserted line: the .TS over it */
    before++;
  }
  return line - before;
}

/* ---- the output: each marked grid as a pipe table -------------------------------------- */

/* a code point of the box-drawing block (U+2500-U+257F) at s, its low 7 bits, else -1 */
static int box_at(const char *s, size_t n) {
  if (n >= 3 && (unsigned char)s[0] == 0xE2 && ((unsigned char)s[1] & 0xFE) == 0x94)
    return (((unsigned char)s[1] & 1) << 6) | ((unsigned char)s[2] & 0x3F);
  return -1;
}

/* which box characters have a line going down, and up (from their names) */
static const unsigned long long DOWN[2] = { 0xf00ffffff00ffcccULL, 0xa8807c7fc0fecfffULL };
static const unsigned long long UP[2] = { 0xfff00ffffff00fccULL, 0xa2279f8fff02cfffULL };
static int bit(const unsigned long long *m, int b) { return (int)((m[b >> 6] >> (b & 63)) & 1); }
/* │ ┃ ║ and the dashed verticals: a cell's wall */
static int wall(int b) { return b == 0x02 || b == 0x03 || b == 0x51 || b == 0x06 || b == 0x07 || b == 0x0A || b == 0x0B || b == 0x4E || b == 0x4F; }

/* a line of box characters only (after its indentation): a rule of the grid */
static int rule_line(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] == ' ') i++;
  if (i == n) return 0;
  for (; i < n; i += 3)
    if (box_at(s + i, n - i) < 0) return 0;
  return 1;
}

typedef struct grid {
  int pos[MAX_COLS + 1], npos;   /* the columns of the walls (code points from the line's start) */
  vgi_buf *cell;                 /* rows x cols (the row's stride: cols, set before the rows) */
  int rows, cap, cols;
} grid;

static int pos_index(const grid *g, int p) {
  for (int i = 0; i < g->npos; i++)
    if (g->pos[i] == p) return i;
  return -1;
}

/* the walls of a rule line added to g; 0 when there are too many */
static int walls_of(grid *g, const char *s, size_t n) {
  int col = 0;
  for (size_t i = 0; i < n; col++) {
    int b = box_at(s + i, n - i);
    if (b < 0) { i++; continue; }
    if ((bit(DOWN, b) || bit(UP, b)) && pos_index(g, col) < 0) {
      if (g->npos == MAX_COLS + 1 || col > MAX_GRID_COL) return 0;
      int k = g->npos++;
      while (k && g->pos[k - 1] > col) { g->pos[k] = g->pos[k - 1]; k--; }
      g->pos[k] = col;
    }
    i += 3;
  }
  return 1;
}

static vgi_buf *grid_row(grid *g) {
  if (g->rows == g->cap) {
    g->cap = g->cap ? g->cap * 2 : 16;
    vgi_buf *p = realloc(g->cell, sizeof *p * (size_t)g->cap * (size_t)g->cols);
    if (!p) abort();
    g->cell = p;
  }
  vgi_buf *r = &g->cell[(size_t)g->rows++ * (size_t)g->cols];
  memset(r, 0, sizeof *r * (size_t)g->cols);
  return r;
}

static void grid_free(grid *g) {
  for (int i = 0; i < g->rows * g->cols; i++) vgi_buf_free(&g->cell[i]);
  free(g->cell);
}

/* text added to a cell, trimmed, one space between pieces and words */
static void cell_put(vgi_buf *c, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == ' ' || s[i] == '\t') continue;
    if (c->n && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) vgi_buf_add(c, " ", 1);
    vgi_buf_add(c, s + i, 1);
  }
}

/* a text line of a row: its pieces between walls into the row's cells;
 * down[] the walls the rule above opens to this row */
static void row_line(grid *g, vgi_buf *row, const char *s, size_t n, const int *down, int ndown) {
  int piece = -1;   /* the wall a piece starts after */
  size_t a = 0;
  for (size_t i = 0; i <= n;) {
    int b = i < n ? box_at(s + i, n - i) : -2;
    if (b != -2 && (b < 0 || !wall(b))) { i++; continue; }
    if (piece >= 0) {
      /* the piece after wall number `piece`: the column that wall opens */
      int c = piece < ndown ? down[piece] : -1;
      if (c < 0 || c > g->cols) c = piece;   /* (walls unlike the rule's: in turn) */
      if (c < g->cols) cell_put(&row[c], s + a, i - a);   /* (not what is right of the table) */
    }
    piece++;
    i += b == -2 ? 1 : 3;
    a = i;
  }
}

static int row_empty(const vgi_buf *row, int cols) {
  for (int c = 0; c < cols; c++)
    if (row[c].n) return 0;
  return 1;
}

/* a cell as a pipe table's: "|" and "\" escaped */
static void put_cell(vgi_buf *o, const vgi_buf *c) {
  vgi_buf_add(o, " ", 1);
  for (size_t i = 0; i < c->n; i++) {
    if (c->s[i] == '|' || c->s[i] == '\\') vgi_buf_add(o, "\\", 1);
    vgi_buf_add(o, c->s + i, 1);
  }
  vgi_buf_add(o, " |", 2);
}

static void put_row(vgi_buf *o, size_t indent, const vgi_buf *row, int from, int to) {
  for (size_t k = 0; k < indent; k++) vgi_buf_add(o, " ", 1);
  vgi_buf_add(o, "|", 1);
  for (int c = from; c < to; c++) put_cell(o, &row[c]);
  vgi_buf_add(o, "\n", 1);
}

/* the grid as a pipe table; the same columns twice side by side as one table */
static void put_grid(vgi_buf *o, const grid *g, size_t indent, int head) {
  int cols = g->cols, half = 0;
  if (head && cols >= 4 && cols % 2 == 0 && g->rows > 1) {
    half = cols / 2;
    const vgi_buf *h = &g->cell[0];
    for (int c = 0; c < half && half; c++)
      if (!h[c].n || h[c].n != h[c + half].n || strncasecmp(h[c].s, h[c + half].s, h[c].n)) half = 0;
  }
  int w = half ? half : cols;
  int r0 = 0;
  if (head) put_row(o, indent, &g->cell[0], 0, w), r0 = 1;
  for (size_t k = 0; k < indent; k++) vgi_buf_add(o, " ", 1);
  vgi_buf_add(o, "|", 1);
  for (int c = 0; c < w; c++) vgi_buf_puts(o, " --- |");
  vgi_buf_add(o, "\n", 1);
  for (int part = 0; part < (half ? 2 : 1); part++)
    for (int r = r0; r < g->rows; r++) {
      const vgi_buf *row = &g->cell[(size_t)r * (size_t)g->cols];
      if (!row_empty(row + part * half, w)) put_row(o, indent, row, part * half, part * half + w);
    }
}

/* the first mark in s[0..n), or NULL */
static const char *find_mark(const char *s, size_t n) {
  for (const char *m = s; (m = memchr(m, 0xEE, (size_t)(s + n - m))) != NULL; m++)
    if (mark_at(m, (size_t)(s + n - m))) return m;
  return NULL;
}

/* the marked grid whose top border is the line at s (n bytes; the text
 * after it to `end`): its pipe table into o, the bytes read; 0 when it is
 * not one */
static size_t read_grid(vgi_buf *o, const char *s, const char *end) {
  grid g = { .npos = 0 };
  size_t indent = 0;
  while (s + indent < end && s[indent] == ' ') indent++;
  /* the walls: every rule line's, to the bottom border */
  const char *p = s, *bottom = NULL;
  while (p < end) {
    const char *e = memchr(p, '\n', (size_t)(end - p));
    size_t n = e ? (size_t)(e - p) : (size_t)(end - p);
    if (!n) break;   /* a blank line: the grid was broken */
    if (rule_line(p, n)) {
      if (!walls_of(&g, p, n)) return 0;
      size_t k = indent;
      int b = box_at(p + k, n - k);
      if (p > s && b >= 0 && bit(UP, b) && !bit(DOWN, b)) { bottom = e ? e + 1 : end; break; }
    }
    if (!e) break;
    p = e + 1;
  }
  if (!bottom || g.npos < 2) return 0;
  g.cols = g.npos - 1;
  int head = 0, marked = 0;
  /* the rows: each rule line and the text lines under it */
  int down[MAX_COLS + 1], ndown = 0;
  vgi_buf *row = NULL;
  for (p = s; p < bottom;) {
    const char *e = memchr(p, '\n', (size_t)(bottom - p));
    size_t n = e ? (size_t)(e - p) : (size_t)(bottom - p);
    if (rule_line(p, n)) {
      ndown = 0;
      int col = 0;
      for (size_t i = 0; i < n; col++) {
        int b = box_at(p + i, n - i);
        if (b < 0) { i++; continue; }
        if (bit(DOWN, b) && ndown <= MAX_COLS) down[ndown++] = pos_index(&g, col);
        i += 3;
      }
      row = NULL;
    } else {
      if (!row) row = grid_row(&g);
      if (!marked) {
        /* the header's rows: E000 one, E001 none, E002 two, E003 three */
        const char *m = find_mark(p, n);
        int k = m ? (unsigned char)m[2] & 3 : 1;
        head = k == 1 ? 0 : k == 0 ? 1 : k;
        marked = 1;
      }
      row_line(&g, row, p, n, down, ndown);
    }
    p = e ? e + 1 : bottom;
  }
  /* the mark out of the first cell */
  if (g.rows) {
    vgi_buf *c = &g.cell[0];
    for (int k = 0; k < g.cols; k++, c++) {
      char *m = c->n >= 3 ? (char *)find_mark(c->s, c->n) : NULL;
      if (!m) continue;
      size_t at = (size_t)(m - c->s);
      memmove(m, m + 3, c->n - at - 3);
      c->n -= 3;
      if (at == 0 && c->n && c->s[0] == ' ') memmove(c->s, c->s + 1, --c->n);
      break;
    }
  }
  /* a header of several rows ("x86/ARM" over "most others") is one */
  for (int r = 1; r < head && r < g.rows; r++) {
    vgi_buf *h = &g.cell[0], *rw = &g.cell[(size_t)r * (size_t)g.cols];
    for (int c = 0; c < g.cols; c++) {
      if (rw[c].n) cell_put(&h[c], rw[c].s, rw[c].n);
      rw[c].n = 0;
    }
  }
  if (head > 1) head = 1;
  /* rows left empty (a rule's, a blank data line's) are none */
  int w = 0;
  for (int r = 0; r < g.rows; r++) {
    vgi_buf *rw = &g.cell[(size_t)r * (size_t)g.cols];
    if (row_empty(rw, g.cols) && !(r == 0 && head)) {
      for (int c = 0; c < g.cols; c++) vgi_buf_free(&rw[c]);
      continue;
    }
    if (w != r) memcpy(&g.cell[(size_t)w * (size_t)g.cols], rw, sizeof *rw * (size_t)g.cols);
    w++;
  }
  g.rows = w;
  size_t used = (size_t)(bottom - s);
  if (g.rows >= (head ? 2 : 1)) put_grid(o, &g, indent, head);
  else used = 0;
  grid_free(&g);
  return used;
}

size_t vgi_man_tables_read(char **text, size_t n) {
  char *s = *text;
  if (!find_mark(s, n)) return n;
  vgi_buf o = {0};
  const char *end = s + n;
  for (const char *p = s; p < end;) {
    const char *e = memchr(p, '\n', (size_t)(end - p));
    const char *next = e ? e + 1 : end;
    size_t k = 0;
    while (p + k < end && p[k] == ' ') k++;
    int b = box_at(p + k, (size_t)(end - p - k));
    if (b >= 0 && bit(DOWN, b) && !bit(UP, b) && next < end) {
      /* a top border over a marked first line */
      const char *e2 = memchr(next, '\n', (size_t)(end - next));
      const char *l2e = e2 ? e2 : end;
      const char *m = find_mark(next, (size_t)(l2e - next));
      size_t used = m ? read_grid(&o, p, end) : 0;
      if (used) { p += used; continue; }
    }
    /* any other line as it is, less a mark left in it */
    for (const char *q = p; q < next;) {
      if (mark_at(q, (size_t)(next - q))) { q += 3; continue; }
      vgi_buf_add(&o, q, 1);
      q++;
    }
    p = next;
  }
  free(s);
  *text = o.s ? vgi_buf_take(&o) : calloc(1, 1);
  if (!*text) abort();
  return strlen(*text);
}
