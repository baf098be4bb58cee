/* table.c: what a table scene says. The narration names the columns, then
 * says each row briefly (its cells, a long one by its first clause), within
 * a budget of words: rows past it are counted, not read. Used by the Markdown adapter
 * (table_block) and by the templates for a table scene given without
 * narration (narrate.c). */
#include "input_private.h"

#include <ctype.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CELL_WORDS 8          /* a longer cell is said by its first clause, or shown, not read */
#define CELLS_READ 3          /* cells read per row */

/* Words as espeak-ng says them ("2.887" is five) */
static int words(const char *s) { return vgi_spoken_words(s ? s : ""); }

/* Appends the texts joined as a list in lang ("A, B and C"). */
static void put_joined(vgi_buf *b, const char *lang, const char *const *t, int n) {
  for (int i = 0; i < n; i++) {
    if (i) vgi_buf_puts(b, vgi_phrase(lang, i < n - 1 ? "sep" : n == 2 ? "pair" : "last"));
    vgi_buf_puts(b, t[i]);
  }
}

static const char *cell_text(const cJSON *c) {
  if (!cJSON_IsString(c)) return NULL;
  const char *s = c->valuestring;
  while (*s == ' ') s++;
  return *s ? s : NULL;
}

/* A cell that is a command line ("sh -c \"$(curl -fsSL https://…)\"",
 * "make -j4 && make install"): shown, not read. Read, its options came out
 * as "sh these options)\"". */
/* A cell of an option's spellings ("-d, --detach", "-h | --help", "-V /
 * --version"): every word an option, apart by a comma, a bar or a slash.
 * Said, not shown only: read as a command line it left the row's key
 * unsaid ("bool." for "-d, --detach | bool | Detached mode"). */
static int option_spellings(const char *t) {
  int opts = 0;
  for (const char *w = t; *w;) {
    while (*w == ' ' || *w == ',' || *w == '|' || *w == '/') w++;
    size_t n = strcspn(w, " ,|/");
    if (!n) break;
    if (w[0] != '-' || n < 2 || w[1] == ' ') return 0;
    size_t k = w[1] == '-' ? 2 : 1;
    if (k >= n || !isalnum((unsigned char)w[k])) return 0;
    for (size_t i = k; i < n; i++)
      if (!isalnum((unsigned char)w[i]) && w[i] != '-' && w[i] != '_') return 0;
    opts++;
    w += n;
  }
  return opts >= 2;
}

static int command_cell(const char *t) {
  if (option_spellings(t)) return 0;
  if (strstr(t, "$(") || strstr(t, " | ") || strstr(t, " && ") || strstr(t, " || ")) return 1;
  int opts = 0, words = 0;
  for (const char *w = t; *w;) {
    while (*w == ' ') w++;
    size_t n = strcspn(w, " ");
    if (!n) break;
    words++;
    opts += n >= 2 && w[0] == '-' && (w[1] == '-' || (w[1] >= 'a' && w[1] <= 'z') || (w[1] >= 'A' && w[1] <= 'Z'));
    w += n;
  }
  return opts >= 2 || (opts == 1 && words <= 4 && t[0] != '-' && strchr(t, '/'));
}

/* A cell that starts a command line even without two options: a program
 * and its option ("rg -w 'Sherlock ['"), or an assignment to the
 * environment before it ("LC_ALL=C grep the"). */
static int command_start(const char *t) {
  if (command_cell(t)) return 1;
  size_t w0 = strcspn(t, " ");
  if (!t[w0]) return 0;
  const char *w1 = t + w0 + 1;
  if (w1[0] == '-' && ((w1[1] >= 'a' && w1[1] <= 'z') || (w1[1] >= 'A' && w1[1] <= 'Z') || w1[1] == '-')) return 1;
  const char *eq = memchr(t, '=', w0);
  return eq && eq > t && t[0] >= 'A' && t[0] <= 'Z';
}

/* A column of command lines (ripgrep's benchmarks: "Tool | Command | Line
 * count | Time"): shown, never read; the cells after it are said instead.
 * Most of its cells start a command line. */
static int command_column(const cJSON *cols, const cJSON *rows, int col) {
  int n = 0, cmds = 0;
  /* (or one named so: "Command", whatever its cells: "rg the") */
  const cJSON *h = cJSON_IsArray(cols) ? cJSON_GetArrayItem(cols, col) : NULL;
  const char *ht = h ? cell_text(h) : NULL;
  static const char *const named[] = { "command", "commands", "command line", "cmd", "invocation", NULL };
  for (int k = 0; ht && col > 0 && named[k]; k++)
    if (!strcasecmp(ht, named[k])) return 1;
  for (const cJSON *r = cJSON_IsArray(rows) ? rows->child : NULL; r; r = r->next) {
    const cJSON *c = cJSON_IsArray(r) ? cJSON_GetArrayItem(r, col) : NULL;
    const char *t = c ? cell_text(c) : NULL;
    if (!t) continue;
    n++;
    cmds += command_start(t);
  }
  return col > 0 && n >= 2 && cmds * 2 > n;
}

/* A word of three letters or more in t (a letter of another script is
 * its bytes): "530 MB/s" or "2.5x" names nothing, "zlib 1.2" does */
static int has_word(const char *t) {
  int run = 0;
  for (const unsigned char *q = (const unsigned char *)t; *q; q++) {
    run = isalpha(*q) || *q >= 0x80 ? run + 1 : 0;
    if (run >= 3) return 1;
  }
  return 0;
}

/* A cell that is a number or a short code of digits ("000", "0x1B", "7F",
 * "2.5"): a column of them says less than one of words */
static int numeric_cell(const char *t) {
  int digits = 0, letters = 0;
  for (const char *q = t; *q; q++) {
    if (isdigit((unsigned char)*q)) digits++;
    else if (isalpha((unsigned char)*q)) letters++;
    else if (!strchr(".,+-%xX ", *q)) return 0;
  }
  return digits > 0 && letters <= digits;
}

/* Most cells past the first column are numbers (cogs(5)'s pitch diameters,
 * "12: 6, 9.6"): said without their columns' names they say nothing, so
 * the columns are named even after prose that ends with a colon. */
int vgi_table_numbers(const cJSON *rows) {
  int cells = 0, numbers = 0;
  for (const cJSON *r = cJSON_IsArray(rows) ? rows->child : NULL; r; r = r->next) {
    const cJSON *c = cJSON_IsArray(r) ? r->child : NULL;
    for (c = c ? c->next : NULL; c; c = c->next) {
      const char *t = cell_text(c);
      if (!t) continue;
      cells++;
      numbers += numeric_cell(t);
    }
  }
  return cells > 0 && 2 * numbers > cells;
}

/* Which columns a row is read by when it has more than CELLS_READ: the
 * first (the row's key), then the columns of words before those of
 * numbers, each in the table's order (a column of commands aside: it is
 * shown, not said). ascii(7)'s "Oct | Dec | Hex | Char"
 * was said by its three numbers ("000: 0, 00"), never its character. */
static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* Whether one value fills most of column col's cells (a "Type" of "bool"
 * in 22 rows of 31, a "Required" of "no"): said on every row it tells the
 * viewer nothing the slide does not. */
static int repeated_column(const cJSON *rows, int col) {
  enum { MAX = 256 };
  const char *v[MAX];
  int n = 0;
  for (const cJSON *r = cJSON_IsArray(rows) ? rows->child : NULL; r && n < MAX; r = r->next) {
    const cJSON *c = cJSON_IsArray(r) ? cJSON_GetArrayItem(r, col) : NULL;
    const char *t = c ? cell_text(c) : NULL;
    if (t) v[n++] = t;
  }
  if (n < 2) return 0;
  qsort(v, (size_t)n, sizeof *v, cmp_str);
  /* (two or three rows: one value in every row, "block", "block", "block") */
  if (n < 4) return !strcmp(v[0], v[n - 1]);
  int best = 1, run = 1;
  for (int i = 1; i < n; i++) {
    run = strcmp(v[i], v[i - 1]) ? 1 : run + 1;
    if (run > best) best = run;
  }
  return 2 * best > n;
}

static void columns_read(const cJSON *rows, int ncols, const int cmd_col[32], int read[32]) {
  for (int k = 0; k < 32; k++) read[k] = ncols <= CELLS_READ;
  if (ncols <= CELLS_READ) {
    /* a column of one value repeated ("bool" in every row, a "Default" of
     * "block" thrice) is read only where no other column would be */
    int other = 0, rep[32] = {0};
    for (int k = 1; k < ncols && k < 32; k++) {
      rep[k] = !cmd_col[k] && repeated_column(rows, k);
      other += !rep[k] && !cmd_col[k];
    }
    for (int k = 1; k < ncols && k < 32 && other; k++)
      if (rep[k]) read[k] = 0;
    return;
  }
  int numeric[32] = {0}, filled[32] = {0};
  for (const cJSON *r = cJSON_IsArray(rows) ? rows->child : NULL; r; r = r->next) {
    int k = 0;
    for (const cJSON *c = cJSON_IsArray(r) ? r->child : NULL; c && k < 32; c = c->next, k++) {
      const char *t = cell_text(c);
      if (!t) continue;
      filled[k]++;
      numeric[k] += numeric_cell(t);
    }
  }
  int n = 0, nrows = 0;
  for (const cJSON *r = cJSON_IsArray(rows) ? rows->child : NULL; r; r = r->next) nrows++;
  read[0] = 1, n++;
  /* (a column of commands is shown, never said: it takes no place) */
  for (int k = 1; k < ncols && k < 32; k++) read[k] = cmd_col[k];
  /* a column empty in most rows (a "Default" that few options have) takes
   * a place last: docker compose's "Name | Type | Default | Description"
   * gave the empty defaults the place of the descriptions ("--build: bool.") */
  /* and a column of one value repeated takes one only where no other
   * column would be said ("--build: Build images before starting
   * containers", not "--build: bool, Build ...") */
  int rep[32] = {0};
  for (int k = 1; k < ncols && k < 32; k++) rep[k] = repeated_column(rows, k);
  for (int pass = 0; pass < 4; pass++)
    for (int k = 1; k < ncols && k < 32 && n < CELLS_READ; k++)
      if (!read[k] && (pass >= 2 || 2 * filled[k] > nrows) && (pass || 2 * numeric[k] <= filled[k]) &&
          (pass == 3 ? n == 1 : !rep[k]))
        read[k] = 1, n++;
}

/* What a table's rows are, for "And 22 more keys.": its first column's
 * name when that is a noun of the language's table (M.row_nouns of
 * lua/vg/i18n.lua), in its plural ("KEY" keys, "Option" options, "Status"
 * statuses), else its heading when that ends in one of those plurals
 * ("Process state codes"); NULL for anything else ("a", "Oct", "%CPU",
 * "Nr.", "Key/Value", "Datum"): the rows are rows. A plural is looked up,
 * never made from the spelling ("Status" was "statu" + "ses" away from
 * "status", "Analysis" "analysises"). English keeps a name's words before
 * its noun ("GNU tools", "sort keys"); other languages the noun alone. */
static char *rows_name(const cJSON *vc, const char *lang) {
  int english = vgi_phrase_english(lang);
  const cJSON *cols = cJSON_GetObjectItemCaseSensitive(vc, "columns");
  const char *cands[2] = { cJSON_IsArray(cols) && cols->child ? cell_text(cols->child) : NULL,
                           vgi_str(vc, "header") };
  /* a first column called "Name" says only that its cells name things: a
   * heading that says what ("Options") counts them ("And 27 more options",
   * not "names") */
  int by_heading = cands[0] && (!strcasecmp(cands[0], "name") || !strcasecmp(cands[0], "names"));
  for (int i = 0; i < 2; i++) {
    int k = by_heading ? 1 - i : i;
    const char *t = cands[k];
    if (!t) continue;
    size_t n = strlen(t);
    if (n > 40) continue;
    int words = 1, lower = 0, ok = 1;
    size_t last = 0;
    for (size_t i = 0; i < n && ok; i++) {
      unsigned char c = (unsigned char)t[i];
      if (c == ' ') { words++; last = i + 1; if (i + 1 < n && t[i + 1] == ' ') ok = 0; }
      else if (isupper(c)) {}
      else if (islower(c) || c >= 0x80) lower++;   /* (a letter of another script: "Schlüssel", "Ключ") */
      else if (c != '-') ok = 0;
    }
    if (!ok || words > (!english ? 1 : k ? 4 : 2) || n == last) continue;
    int plural = 0;
    const char *noun = vgi_row_noun(lang, t + last, n - last, &plural);
    /* a heading names the rows only when it is a plural ("Obsolete sort
     * keys"), not a topic ("Description") */
    if (!noun || (k && !plural)) continue;
    vgi_buf b = {0};
    /* the words before the noun: "KEY" and "Key" said as "key"; a word
     * with capitals after its first letter keeps them ("GNU tools") */
    for (size_t i = 0; english && i < last;) {
      size_t we = i;
      int caps = 0;
      while (we < last && t[we] != ' ') caps += we > i && isupper((unsigned char)t[we]), we++;
      for (size_t j = i; j < we; j++) {
        char c = t[j];
        if (!lower || (j == i && !caps)) c = (char)tolower((unsigned char)c);
        vgi_buf_add(&b, &c, 1);
      }
      vgi_buf_add(&b, " ", 1);
      i = we + 1;
    }
    vgi_buf_puts(&b, noun);
    return vgi_buf_take(&b);
  }
  return NULL;
}

static int key_column(const cJSON *cols, const cJSON *rows);

char *vgi_table_row_names(const cJSON *vc, const char *lang) {
  const cJSON *rows = cJSON_GetObjectItemCaseSensitive(vc, "rows");
  int nrows = cJSON_GetArraySize(rows), ncols = 0;
  for (const cJSON *r = cJSON_IsArray(rows) ? rows->child : NULL; r; r = r->next)
    if (cJSON_GetArraySize(r) > ncols) ncols = cJSON_GetArraySize(r);
  if (nrows < 2 || nrows > 12) return NULL;
  /* the column that names the rows: the first, or past a column of
   * numbers (a row's "#") the first of words */
  int col = -1;
  /* (a shortcut table's rows by their actions: its keys, "m and R", say
   * nothing of them) */
  const cJSON *cols = cJSON_GetObjectItemCaseSensitive(vc, "columns");
  int keys = key_column(cols, rows);
  for (int k = keys; k < ncols && k < 32 && col < 0; k++) {
    int filled = 0, numbers = 0;
    for (const cJSON *r = rows->child; r; r = r->next) {
      const char *t = cell_text(cJSON_GetArrayItem(r, k));
      if (!t) continue;
      filled++;
      numbers += numeric_cell(t);
    }
    if (filled && 2 * numbers <= filled) col = k;
  }
  if (col < 0) return NULL;
  const char *names[12];
  int n = 0;
  for (const cJSON *r = rows->child; r; r = r->next) {
    const char *t = cell_text(cJSON_GetArrayItem(r, col));
    /* (a name: a few words, something said, no command line) */
    /* (of three letters or more: keys "B, E, t, f" heard in a row say
     * nothing; the heading is said instead) */
    if (t && strlen(t) >= 3 && strlen(t) <= 40 && words(t) <= 4 && has_word(t) && !vgi_nothing_said(t) &&
        !command_cell(t) && n < 12)
      names[n++] = t;
  }
  if (n < 2 || 2 * n < nrows) return NULL;
  vgi_buf b = {0};
  put_joined(&b, lang, names, n);
  /* (actions after the first small: "Repeat last insert, undo change",
   * an acronym kept) */
  for (size_t i = 0; keys && i < b.n; i++)
    if (((i >= 2 && b.s[i - 1] == ' ' && (b.s[i - 2] == ',' || (i >= 4 && !memcmp(b.s + i - 4, "and ", 4))))) &&
        isupper((unsigned char)b.s[i]) && !isupper((unsigned char)b.s[i + 1]))
      b.s[i] = (char)tolower((unsigned char)b.s[i]);
  while (b.n && strchr(".:;, ", b.s[b.n - 1])) b.s[--b.n] = 0;
  vgi_buf_puts(&b, vgi_phrase(lang, "stop"));
  return vgi_buf_take(&b);
}

/* A support matrix (rows of things, columns of platforms, versions or
 * features, every cell a mark: ✓ ✗ ✅ ❌ ✔ yes no - or empty) is said by
 * what it shows, column by column ("Linux and macOS support all of them.
 * Windows lacks X and Y."), not cell by cell: read, its rows were
 * "AES-CBC: ✔, ✔" or only counted ("And 16 more key types."). */
/* 1 a yes, -1 a no, 0 no mark; an empty cell is neither (the caller
 * takes it for a no beside yeses). A mark may carry a note in brackets or
 * a footnote ("✅ (2.1+)", "Yes*"), nothing else. */
static int mark_of(const char *t) {
  static const char *const yes[] = { "\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x9C\x85", "\xE2\x98\x91",
                                     ":white_check_mark:", ":heavy_check_mark:", ":ballot_box_with_check:",
                                     "yes", "y", "true", "supported", NULL };
  static const char *const no[] = { "\xE2\x9C\x97", "\xE2\x9C\x98", "\xE2\x9D\x8C", "\xE2\x9D\x8E", ":x:",
                                    ":heavy_multiplication_x:", ":no_entry:", "no", "n", "false", "unsupported",
                                    "-", "\xE2\x80\x94", "\xE2\x80\x93", NULL };
  while (*t == ' ' || *t == '*' || *t == '_') t++;
  for (int kind = 0; kind < 2; kind++)
    for (const char *const *m = kind ? no : yes; *m; m++) {
      size_t l = strlen(*m);
      if (strncasecmp(t, *m, l)) continue;
      const char *e = t + l;
      if (!strncmp(e, "\xEF\xB8\x8F", 3)) e += 3;   /* (an emoji's variation selector) */
      /* (a word mark ends at a word's end: "yesterday", "none", "no-op") */
      if (isalpha((unsigned char)(*m)[0]) && (isalnum((unsigned char)*e) || *e == '-' || *e == '\'')) continue;
      while (*e == ' ' || *e == '*' || *e == '_') e++;
      if (!*e || *e == '(' || *e == '[' || *e == '^') return kind ? -1 : 1;
    }
  return 0;
}

#define MATRIX_ROWS 256
#define MATRIX_LIST 6     /* rows named in a column's list; more are counted */
#define MATRIX_WORDS 70   /* words of the sentences, columns past them shown only */

/* The sentences a support matrix is said by; NULL for any other table
 * (and in a language without its phrases: English only). */
char *vgi_table_matrix(const cJSON *cols, const cJSON *rows, const char *header, const char *lang) {
  if (!vgi_phrase_english(lang) || !cJSON_IsArray(cols) || !cJSON_IsArray(rows)) return NULL;
  int ncols = cJSON_GetArraySize(cols), nrows = cJSON_GetArraySize(rows);
  if (ncols < 2 || ncols > 32 || nrows < 2 || nrows > MATRIX_ROWS) return NULL;
  /* a column of marks: every cell a mark or empty, a yes in it; two
   * columns of marks at least, and at most one other column for two of
   * them (a "Notes" column beside them is shown) */
  int is_mark[32] = {0}, marks = 0, other = 0;
  for (int k = 1; k < ncols; k++) {
    int y = 0, bad = 0, filled = 0;
    for (const cJSON *r = rows->child; r && !bad; r = r->next) {
      const char *t = cell_text(cJSON_GetArrayItem(r, k));
      if (!t) continue;
      filled++;
      int m = mark_of(t);
      if (!m) bad = 1;
      y += m > 0;
    }
    is_mark[k] = !bad && y > 0 && filled > 0;
    if (is_mark[k]) marks++;
    else other++;
  }
  if (marks < 2 || 2 * other > marks) return NULL;
  /* rows named by their first cell; rows without a short name each are
   * counted, not listed */
  const char *names[MATRIX_ROWS];
  int i = 0, named = 1;
  for (const cJSON *r = rows->child; r; r = r->next, i++) {
    names[i] = cell_text(cJSON_GetArrayItem(r, 0));
    if (!names[i] || strlen(names[i]) > 40 || vgi_nothing_said(names[i])) named = 0;
  }
  /* columns with the same rows marked yes are said together */
  unsigned char yes[32][MATRIX_ROWS];
  int count[32] = {0}, done[32] = {0};
  for (int k = 1; k < ncols; k++) {
    if (!is_mark[k]) continue;
    i = 0;
    for (const cJSON *r = rows->child; r; r = r->next, i++) {
      const char *t = cell_text(cJSON_GetArrayItem(r, k));
      yes[k][i] = t && mark_of(t) > 0;
      count[k] += yes[k][i];
    }
  }
  /* what the rows are, for a count ("6 of the 16 key types") */
  cJSON *what_of = cJSON_CreateObject();
  cJSON_AddItemReferenceToObject(what_of, "columns", (cJSON *)cols);
  if (header) cJSON_AddStringToObject(what_of, "header", header);
  char *what = rows_name(what_of, lang);
  cJSON_Delete(what_of);
  /* rows listed where that is short enough, else counted (a column cut
   * off had gone unsaid) */
  vgi_buf b = {0};
  for (int pass = 0, cut = 1; pass < 2 && cut; pass++) {
  cut = 0;
  vgi_buf_free(&b);
  memset(done, 0, sizeof done);
  if (pass) named = 0;
  for (int k = 1; k < ncols; k++) {
    if (!is_mark[k] || done[k]) continue;
    const char *group[32];
    int ng = 0;
    for (int j = k; j < ncols; j++)
      if (is_mark[j] && !done[j] && !memcmp(yes[j], yes[k], (size_t)nrows)) {
        done[j] = 1;
        const char *h = cell_text(cJSON_GetArrayItem(cols, j));
        if (h) group[ng++] = h;
      }
    if (!ng) continue;
    vgi_buf s = {0};
    put_joined(&s, lang, group, ng);
    const char *plural = ng > 1 ? "" : "s";
    int y = count[k], missing = nrows - y;
    const char *list[MATRIX_LIST];
    int nl = 0;
    if (y == nrows) {
      vgi_buf_puts(&s, ng > 1 ? " support all of them" : " supports all of them");
    } else if (named && 2 * y >= nrows && missing <= MATRIX_LIST / 2 + 1) {
      vgi_buf_puts(&s, ng > 1 ? " lack " : " lacks ");
      for (i = 0; i < nrows; i++)
        if (!yes[k][i] && nl < MATRIX_LIST) list[nl++] = names[i];
      put_joined(&s, lang, list, nl);
    } else if (named && y <= MATRIX_LIST) {
      vgi_buf_puts(&s, " support");
      vgi_buf_puts(&s, plural);
      vgi_buf_puts(&s, 2 * y < nrows ? " only " : " ");
      for (i = 0; i < nrows; i++)
        if (yes[k][i] && nl < MATRIX_LIST) list[nl++] = names[i];
      put_joined(&s, lang, list, nl);
    } else {
      char n[48];
      snprintf(n, sizeof n, " support%s %d of the %d", plural, y, nrows);
      vgi_buf_puts(&s, n);
      if (what) vgi_buf_puts(&s, " "), vgi_buf_puts(&s, what);
    }
    if (b.n && words(b.s) + words(s.s) > MATRIX_WORDS) { vgi_buf_free(&s); cut = 1; break; }
    if (b.n) vgi_buf_puts(&b, " ");
    /* (a name's own stop is not doubled) */
    while (s.n && s.s[s.n - 1] == '.') s.s[--s.n] = 0;
    vgi_buf_puts(&b, s.s);
    vgi_buf_puts(&b, vgi_phrase(lang, "stop"));
    vgi_buf_free(&s);
  }
  }
  free(what);
  if (!b.n) return NULL;
  return vgi_buf_take(&b);
}

/* "And 11 more integrations.": n rows not shown, counted by what they are */
char *vgi_table_more(const cJSON *vc, const char *lang, int n) {
  if (n <= 0) return NULL;
  char num[16];
  snprintf(num, sizeof num, "%d", n);
  char *what = n > 1 ? rows_name(vc, lang) : NULL;
  const char *a[2] = { num, what };
  vgi_buf b = {0};
  vgi_phrase_put(&b, lang, what ? "table_more_named" : n == 1 ? "table_more_one" : "table_more", a, what ? 2 : 1);
  free(what);
  return vgi_buf_take(&b);
}

char *vgi_table_narration(const cJSON *vc, const char *lang) {
  return vgi_table_narration_n(vc, lang, VGI_TABLE_WORDS, 0, 0, 1, 0);
}

/* "%mem" and "MEM", "ag_nice" and "AGNI": a header's short name of the
 * first cell, its letters those of the first cell in order, the first
 * alike, case aside */
static int same_name(const char *a, const char *b) {
  size_t bl = strlen(b);
  if (!bl || bl > 8) return 0;
  for (const char *q = b; *q; q++)
    if (islower((unsigned char)*q)) return 0;
  while (*a && !isalnum((unsigned char)*a)) a++;
  while (*b && !isalnum((unsigned char)*b)) b++;
  if (!*a || !*b || tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
  for (; *b; b++) {
    if (!isalnum((unsigned char)*b)) continue;
    while (*a && tolower((unsigned char)*a) != tolower((unsigned char)*b)) a++;
    if (!*a) return 0;
    a++;
  }
  return 1;
}


/* Keys as a presenter says them: a cell of a shortcut table ("<pgup>, K,
 * <ctrl+u> (fn+up/shift+k)", "Ctrl+Shift+P", "<c-w>", "q, <esc>") said
 * "page up, shift K or control U"; NULL when t is not keys alone. A
 * capital letter alone is typed with shift; a letter is said as its name
 * ("a" read as a word is the article); a sign by its name ("@" "at"); an
 * alternative in brackets after the keys is shown, not said. */
static const char *key_name(const char *k, size_t n, int in_combo) {
  static const char *const names[][2] = {
    { "pgup", "page up" }, { "pageup", "page up" }, { "page_up", "page up" }, { "pgdown", "page down" },
    { "pgdn", "page down" }, { "pagedown", "page down" }, { "page_down", "page down" }, { "esc", "escape" },
    { "escape", "escape" }, { "ctrl", "control" }, { "control", "control" }, { "alt", "alt" }, { "shift", "shift" },
    { "cmd", "command" }, { "command", "command" }, { "super", "super" }, { "meta", "meta" }, { "win", "windows" },
    { "option", "option" }, { "opt", "option" }, { "enter", "enter" }, { "return", "return" }, { "cr", "enter" },
    { "tab", "tab" }, { "space", "space" }, { "spc", "space" }, { "spacebar", "space" }, { "bs", "backspace" },
    { "backspace", "backspace" }, { "del", "delete" }, { "delete", "delete" }, { "ins", "insert" },
    { "insert", "insert" }, { "home", "home" }, { "end", "end" }, { "up", "up" }, { "down", "down" },
    { "left", "left" }, { "right", "right" }, { "backtab", "shift tab" }, { "fn", "function" },
  };
  /* vim's short modifiers, inside a combination only ("<c-u>", "<s-tab>") */
  if (in_combo == 2 && n == 1) {
    switch (tolower((unsigned char)*k)) {
      case 'c': return "control";
      case 's': return "shift";
      case 'a': case 'm': return "alt";
      case 'd': return "command";
    }
  }
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strlen(names[i][0]) == n && !strncasecmp(k, names[i][0], n)) return names[i][1];
  return NULL;
}

static const char *sign_name(char c) {
  static const char *const signs[][2] = {
    { "@", "at" }, { ":", "colon" }, { ";", "semicolon" }, { "/", "slash" }, { "\\", "backslash" },
    { "?", "question mark" }, { "+", "plus" }, { "-", "minus" }, { "_", "underscore" }, { "=", "equals" },
    { "[", "left bracket" }, { "]", "right bracket" }, { "(", "left parenthesis" }, { ")", "right parenthesis" },
    { "{", "left brace" }, { "}", "right brace" }, { "<", "less than" }, { ">", "greater than" },
    { ",", "comma" }, { ".", "period" }, { "|", "bar" }, { "*", "star" }, { "#", "hash" },
    { "!", "exclamation mark" }, { "`", "backtick" }, { "~", "tilde" }, { "&", "ampersand" },
    { "$", "dollar" }, { "%", "percent" }, { "^", "caret" }, { "'", "quote" }, { "\"", "double quote" },
  };
  for (size_t i = 0; i < sizeof signs / sizeof *signs; i++)
    if (signs[i][0][0] == c) return signs[i][1];
  return NULL;
}

/* One key or combination (k, n bytes) said into b; 0 when it is none. */
static int put_key(vgi_buf *b, const char *k, size_t n) {
  int angle = n > 2 && k[0] == '<' && k[n - 1] == '>';
  if (angle) k++, n -= 2;
  /* ("<n>" before a key is a count, helix's "<n>g": no key) */
  if (!n || (angle && n == 1)) return 0;
  /* a sign or a letter alone */
  if (n == 1) {
    unsigned char c = (unsigned char)*k;
    if (isupper(c)) { vgi_buf_puts(b, "shift "); vgi_buf_add(b, (const char *)&c, 1); return 1; }
    if (islower(c) || isdigit(c)) { char u = (char)toupper(c); vgi_buf_add(b, &u, 1); return 1; }
    const char *s = sign_name((char)c);
    if (!s) return 0;
    vgi_buf_puts(b, s);
    return 1;
  }
  /* parts joined by "+" (or "-" between names: "<c-u>", "Ctrl-W") */
  size_t start = b->n;
  int parts = 0;
  for (size_t i = 0; i < n;) {
    size_t e = i + 1;   /* (a part is never empty: "<ctrl++>" is control and plus) */
    while (e < n && k[e] != '+' && k[e] != '-') e++;
    const char *name = key_name(k + i, e - i, e < n ? 2 : 1);
    if (parts) vgi_buf_puts(b, " ");
    if (name) vgi_buf_puts(b, name);
    else if (e - i == 1) {
      unsigned char c = (unsigned char)k[i];
      const char *s = isalnum(c) ? NULL : sign_name((char)c);
      char u = (char)toupper(c);
      if (s) vgi_buf_puts(b, s);
      else if (isalnum(c)) vgi_buf_add(b, &u, 1);
      else { b->n = start; if (b->s) b->s[b->n] = 0; return 0; }
    } else if ((e - i == 2 || e - i == 3) && (k[i] == 'f' || k[i] == 'F') && isdigit((unsigned char)k[i + 1]) &&
               (e - i == 2 || isdigit((unsigned char)k[i + 2]))) {
      vgi_buf_add(b, "F", 1);
      vgi_buf_add(b, k + i + 1, e - i - 1);
    } else { b->n = start; if (b->s) b->s[b->n] = 0; return 0; }
    parts++;
    i = e < n ? e + 1 : e;
  }
  /* (a name alone, "Enter", is a key only in angle brackets or as a
   * combination: "Home" in a table of pages is a word) */
  if (parts == 1 && !angle && n > 1 && !(n <= 3 && (k[0] == 'f' || k[0] == 'F') && isdigit((unsigned char)k[1]))) {
    int named = key_name(k, n, 1) != NULL;
    if (!named) { b->n = start; if (b->s) b->s[b->n] = 0; return 0; }
  }
  return parts > 0;
}

static char *keys_said(const char *t) {
  size_t n = strlen(t);
  while (n && t[n - 1] == ' ') n--;
  /* "(fn+up/shift+k)" after the keys: another way, shown */
  if (n && t[n - 1] == ')') {
    const char *o = NULL;
    for (const char *q = t; q < t + n; q++)
      if (*q == '(' && q > t && q[-1] == ' ') o = q;
    if (o) {
      n = (size_t)(o - t);
      while (n && t[n - 1] == ' ') n--;
    }
  }
  if (!n || n > 80) return NULL;
  vgi_buf b = {0};
  int keys = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && t[i] == ' ') i++;
    if (i >= n) break;
    size_t e = i;
    if (t[i] == '<') {
      /* (the key "<" itself when no ">" closes it before a comma or a space) */
      e = i + 1;
      while (e < n && t[e] != '>' && t[e] != ',' && t[e] != ' ') e++;
      e = e < n && t[e] == '>' && e > i + 1 ? e + 1 : i;
    }
    /* (a key is ended by a comma or a space; a comma alone is the key ",") */
    if (e == i) {
      e = i + 1;
      while (e < n && t[e] != ',' && t[e] != ' ') e++;
    }
    if (keys) vgi_buf_puts(&b, ", ");
    if (!put_key(&b, t + i, e - i)) { vgi_buf_free(&b); return NULL; }
    keys++;
    /* (keys one after another without a separator are a sequence, not
     * alternatives: not said as keys) */
    if (e < n && t[e] != ' ' && t[e] != ',' && t[e] != '/') { vgi_buf_free(&b); return NULL; }
    i = e;
    while (i < n && t[i] == ' ') i++;
    if (i < n && (t[i] == ',' || t[i] == '/') && i + 1 < n && t[i + 1] == ' ') i++;
    else if (i < n && t[i] != '<' && !isalnum((unsigned char)t[i]) && i + 1 < n) { /* "a / b" */
      if (t[i] == '/' || t[i] == '|') i++;
    }
  }
  if (!keys) { vgi_buf_free(&b); return NULL; }
  /* the last of several joined by "or" */
  if (keys > 1) {
    char *last = NULL;
    for (char *q = b.s; (q = strstr(q, ", ")); q += 2) last = q;
    if (last) {
      vgi_buf o = {0};
      vgi_buf_add(&o, b.s, (size_t)(last - b.s));
      vgi_buf_puts(&o, " or ");
      vgi_buf_puts(&o, last + 2);
      vgi_buf_free(&b);
      return vgi_buf_take(&o);
    }
  }
  return vgi_buf_take(&b);
}

/* Whether the first column holds keys: named so ("Key", "Shortcut",
 * "Keybinding") with most of its cells keys (keys_said), or most of its
 * cells keys in angle brackets or combinations ("<ctrl+r>", "Ctrl+C"). */
static int key_column(const cJSON *cols, const cJSON *rows) {
  static const char *const named[] = { "key", "keys", "shortcut", "shortcuts", "keybinding", "keybindings",
                                        "key binding", "key bindings", "binding", "bindings", "hotkey", "hotkeys",
                                        "keystroke", "keystrokes", "keyboard shortcut", "keymap", "mapping",
                                        "mappings", "chord", "key combination", NULL };
  const cJSON *h = cJSON_IsArray(cols) ? cols->child : NULL;
  const char *ht = h ? cell_text(h) : NULL;
  int by_name = 0;
  for (int k = 0; ht && named[k]; k++) by_name |= !strcasecmp(ht, named[k]);
  if (!cJSON_IsArray(cols) || cJSON_GetArraySize(cols) < 2) return 0;
  int n = 0, keys = 0, marked = 0;
  for (const cJSON *r = cJSON_IsArray(rows) ? rows->child : NULL; r; r = r->next) {
    const char *t = cJSON_IsArray(r) ? cell_text(r->child) : NULL;
    if (!t) continue;
    n++;
    char *k = keys_said(t);
    keys += k != NULL;
    marked += k && (strchr(t, '<') || strchr(t, '+'));
    free(k);
  }
  return n > 0 && 2 * keys > n && (by_name || 2 * marked > n);
}

/* An action said after "Press K": "to" before a verb ("to push"), "for"
 * before a name ("for next screen mode"); the action's first letter small
 * unless its word is an acronym ("LSP"). */
static void put_action(vgi_buf *b, const char *a) {
  static const char *const names[] = { "next", "prev", "previous", "new", "all", "the", "a", "an", "no", "custom",
                                       "default", "first", "last", "more", "normal", "visual", NULL };
  size_t w = strcspn(a, " ");
  int name = 0;
  for (int k = 0; names[k] && !name; k++) name = strlen(names[k]) == w && !strncasecmp(a, names[k], w);
  vgi_buf_puts(b, name ? " for " : " to ");
  if (isupper((unsigned char)a[0]) && (w < 2 || islower((unsigned char)a[1]))) {
    char c = (char)tolower((unsigned char)a[0]);
    vgi_buf_add(b, &c, 1);
    a++;
  }
  vgi_buf_puts(b, a);
}

/* The first n words of a long cell without a clause to cut, back past a
 * word that leaves it hanging (English: "of", "the", "when"); NULL when
 * fewer than three words stay or when they are not words (a list of
 * values, a command). */
static char *first_words(const char *t, int n, int english) {
  static const char *const hanging[] = { "a", "an", "the", "of", "to", "and", "or", "for", "in", "on", "at", "by",
                                         "with", "from", "when", "while", "around", "if", "that", "which", "is",
                                         "are", "be", "as", "into", "per", "but", "than", "its", "their", NULL };
  if (vgi_nothing_said(t) || command_cell(t)) return NULL;
  const char *end[64];
  int nw = 0;
  for (const char *q = t; *q && nw < n && nw < 64;) {
    while (*q == ' ') q++;
    if (!*q) break;
    q += strcspn(q, " ");
    end[nw++] = q;
  }
  if (nw < n) return NULL;
  while (nw >= 3) {
    const char *e = end[nw - 1], *w = e;
    while (w > t && w[-1] != ' ') w--;
    int hang = 0;
    for (int k = 0; english && hanging[k] && !hang; k++)
      hang = (size_t)(e - w) == strlen(hanging[k]) && !strncasecmp(w, hanging[k], (size_t)(e - w));
    if (!hang) break;
    nw--;
  }
  if (nw < 3) return NULL;
  size_t l = (size_t)(end[nw - 1] - t);
  while (l && strchr(".:;,( ", t[l - 1])) l--;
  char *out = malloc(l + 1);
  if (!out) abort();
  memcpy(out, t, l);
  out[l] = 0;
  /* (a letter-free run, "1, 2, 3, 4", says nothing as a headline) */
  if (!has_word(out)) { free(out); return NULL; }
  return out;
}

/* The first sentence of t (to a full stop before a space or the end) when
 * it has from CELL_WORDS to max words and more follows it or it ends t;
 * NULL otherwise. */
static char *first_sentence(const char *t, int max) {
  if (vgi_nothing_said(t) || command_cell(t)) return NULL;
  const char *e = t;
  for (; *e; e++)
    if (*e == '.' && (!e[1] || e[1] == ' ') && e > t && islower((unsigned char)e[-1])) break;
  if (!*e) return NULL;
  size_t l = (size_t)(e - t);
  char *out = malloc(l + 1);
  if (!out) abort();
  memcpy(out, t, l);
  out[l] = 0;
  int w = words(out);
  if (w > max || w <= CELL_WORDS || !has_word(out)) { free(out); return NULL; }
  return out;
}

/* A row of a slide left unread, kept by reference (the slide owns it). */
static void unread_add(cJSON *unread, const cJSON *r) {
  if (unread) cJSON_AddItemReferenceToArray(unread, (cJSON *)r);
}

/* The names of the rows a slide shows and its narration did not read
 * ("ag, ugrep, and ack."), as a later page says its rows; NULL when they
 * have no short names (vgi_table_row_names) or are fewer than two. */
static char *unread_names(const cJSON *vc, const cJSON *unread, const char *lang) {
  if (!unread || cJSON_GetArraySize(unread) < 2) return NULL;
  /* (rows named by a category they share say nothing by it: "Profiling,
   * Profiling, and Debugger") */
  for (const cJSON *a = unread->child; a; a = a->next)
    for (const cJSON *b = a->next; b; b = b->next) {
      const char *x = cell_text(cJSON_GetArrayItem(a, 0)), *y = cell_text(cJSON_GetArrayItem(b, 0));
      if (x && y && !strcmp(x, y)) return NULL;
    }
  cJSON *part = cJSON_CreateObject();
  if (!part) abort();
  const cJSON *cols = cJSON_GetObjectItemCaseSensitive(vc, "columns");
  if (cols) cJSON_AddItemReferenceToObject(part, "columns", (cJSON *)cols);
  cJSON_AddItemReferenceToObject(part, "rows", (cJSON *)unread);
  char *names = vgi_table_row_names(part, lang);
  cJSON_Delete(part);
  return names;
}

/* As vgi_table_narration, with a budget of `words` for the rows (< 0:
 * nothing of the rows, said or counted), at most max_rows rows read (0: no
 * limit), and `more` rows not on this slide counted ("And 12 more rows.");
 * the rows it shows and does not read are named, never counted; the columns named first when `columns`, the ones
 * after the key as more of the table's when VGI_TABLE_MORE_COLUMNS. */
char *vgi_table_narration_n(const cJSON *vc, const char *lang, int words_for_rows, int max_rows, int more,
                            int columns, int total) {
  const cJSON *cols = cJSON_GetObjectItemCaseSensitive(vc, "columns");
  const cJSON *rows = cJSON_GetObjectItemCaseSensitive(vc, "rows");
  vgi_buf b = {0};
  /* (more < 0: the rows left unsaid here are shown on later slides, and
   * none is counted) */
  int quiet = more < 0;
  if (quiet) more = 0;
  /* a support matrix is said by what it shows, its columns named there */
  char *matrix = words_for_rows >= 0 && columns != VGI_TABLE_MORE_COLUMNS ? vgi_table_matrix(cols, rows, vgi_str(vc, "header"), lang) : NULL;
  if (matrix) {
    vgi_buf_puts(&b, matrix);
    free(matrix);
    char *m = quiet ? NULL : vgi_table_more(vc, lang, more);
    if (m) vgi_buf_puts(&b, " "), vgi_buf_puts(&b, m);
    free(m);
    return vgi_buf_take(&b);
  }
  const char *names[32];
  int nc = 0;
  /* a column with nothing in it (lazygit's "Info" beside keys without
   * notes) is shown, not named: two named at least */
  int filled[32] = {0}, ncol = 0, nfilled = 0;
  for (const cJSON *r = cJSON_IsArray(rows) ? rows->child : NULL; r; r = r->next) {
    int k = 0;
    for (const cJSON *c = cJSON_IsArray(r) ? r->child : NULL; c && k < 32; c = c->next, k++) filled[k] |= cell_text(c) != NULL;
  }
  for (const cJSON *c = cJSON_IsArray(cols) ? cols->child : NULL; c && ncol < 32; c = c->next) nfilled += filled[ncol++];
  int k = 0;
  for (const cJSON *c = cJSON_IsArray(cols) ? cols->child : NULL; c && nc < 32; c = c->next, k++)
    if (cell_text(c) && !(columns == VGI_TABLE_MORE_COLUMNS && c == cols->child) &&
        (k >= 32 || filled[k] || nfilled < 2 || !rows || !rows->child))
      names[nc++] = cell_text(c);
  /* a header that a Japanese or Chinese full stop ends is a row of
   * sentences, not names ("太字 (bold) | と表示されている通りに入力します。"):
   * said as a row is, "名: 文。", not as the columns ("…入力します。です。") */
  int sentence_header = 0;
  for (int i = 0; i < nc; i++) sentence_header |= vgi_wide_stop_before(names[i], strlen(names[i])) > 0;
  if (nc && columns && sentence_header) {
    vgi_buf j = {0};
    for (int i = 0; i < nc && i < CELLS_READ; i++) {
      if (i) vgi_buf_puts(&j, i == 1 ? ": " : vgi_phrase(lang, "sep"));
      vgi_buf_puts(&j, names[i]);
    }
    for (size_t w = 0; j.n && (strchr(".:;, ", j.s[j.n - 1]) || (w = vgi_wide_stop_before(j.s, j.n)));)
      j.s[j.n -= strchr(".:;, ", j.s[j.n - 1]) ? 1 : w] = 0;
    vgi_buf_puts(&b, j.s);
    vgi_buf_puts(&b, vgi_phrase(lang, "stop"));
    vgi_buf_free(&j);
  } else if (nc && columns) {
    vgi_buf j = {0};
    put_joined(&j, lang, names, nc);
    /* a last column named with an abbreviation ("Decompress.") does not
     * end the sentence twice */
    while (j.n && j.s[j.n - 1] == '.') j.s[--j.n] = 0;
    /* a table that pages is opened with its size ("The table shows
     * Application, Description, and Plugin for 27 integrations."): the
     * later slides go on with its rows */
    char num[16];
    snprintf(num, sizeof num, "%d", total);
    char *what = total > 1 && columns != VGI_TABLE_MORE_COLUMNS ? rows_name(vc, lang) : NULL;
    /* (a first column "Name" makes them names only by its own name: "for 9
     * rows", not "for 9 names", over sorting algorithms) */
    if (what && names[0] && cols->child && cell_text(cols->child) && !strcasecmp(what, "names") &&
        !strncasecmp(cell_text(cols->child), "name", 4))
      free(what), what = NULL;
    const char *a[3] = { j.s, num, what };
    if (total > 1 && columns != VGI_TABLE_MORE_COLUMNS && vgi_phrase_english(lang))
      vgi_phrase_put(&b, lang, what ? "table_columns_count_named" : "table_columns_count", a, what ? 3 : 2);
    else
      vgi_phrase_put(&b, lang, columns == VGI_TABLE_MORE_COLUMNS ? "table_columns_more" : "table_columns", a, 1);
    free(what);
    vgi_buf_free(&j);
  }
  if (words_for_rows < 0) return vgi_buf_take(&b);
  int budget = words_for_rows, left = more, read = 0;
  /* the rows of this slide left unread: shown, so never counted */
  cJSON *unread = cJSON_CreateArray();
  if (!unread) abort();
  /* the words a "Press K to …" row adds to the row it says ("Press", "or",
   * "to", "shift"), and the words of the rows so said before they were
   * added: a row limit (a summary's three) is a time, and the added words
   * use up a row each time they make a row's worth (past the first half
   * of the rows: helix's prompt keys, "Press alt B or control left to …",
   * were said by one row) */
  int framing = 0, plain = 0;
  int cmd_col[32], col_read[32];
  for (int k = 0; k < 32; k++) cmd_col[k] = command_column(cols, rows, k);
  columns_read(rows, cJSON_GetArraySize(cols), cmd_col, col_read);
  int rep[32] = {0};
  for (int k = 1; k < 32 && k < cJSON_GetArraySize(cols); k++) rep[k] = !col_read[k] && repeated_column(rows, k);
  /* a table of shortcuts: its keys said as keys, a row as "Press K to
   * scroll up" (English) */
  int keycol = key_column(cols, rows), english = vgi_phrase_english(lang);
  /* rows said by nothing but their first cell: named together when no row
   * is read whole ("curl, wget and fetch" over their commands) */
  enum { KEYS_MAX = 6 };
  const char *keys[KEYS_MAX];
  int nkeys = 0;
  for (const cJSON *r = cJSON_IsArray(rows) ? rows->child : NULL; r; r = r->next) {
    if (!cJSON_IsArray(r)) continue;
    if (budget <= 0 || (max_rows > 0 && read >= max_rows)) { left++; unread_add(unread, r); continue; }
    const char *said[CELLS_READ];
    char *cut[CELLS_READ] = {0};
    int ns = 0;
    int slots = 0, unsaid = 0, first_said = 0, col = -1, as_keys = 0;
    for (const cJSON *c = r->child; c && slots < CELLS_READ; c = c->next) {
      const char *t = cell_text(c);
      if (++col >= 32) continue;
      /* (a column of one repeated value left unread is still shown: a row
       * said by its key alone is named with the others, "agda and alloy") */
      if (!col_read[col]) { unsaid += t && rep[col]; continue; }
      if (cmd_col[col]) {
        unsaid += t != NULL;   /* shown, not said, and no cell read in its place */
        continue;
      }
      if (t && col == 0 && keycol) {
        char *k = keys_said(t);
        if (k) cut[slots] = k, t = k, as_keys = 1;
      }
      if (t && words(t) > CELL_WORDS) {
        /* a long cell is said by its first clause ("AIX 7.2 on PPC64BE"),
         * else shown, not read */
        /* (a whole first sentence as short as a clause is said whole: cut
         * at its clause it ended mid-thought, "O_RDONLY: Flag indicating to
         * open a file." of "… for read-only access.") */
        char *k = first_sentence(t, CELL_WORDS * 3 / 2);
        if (!k) k = vgi_said_clause(t, lang);
        if (*k && words(k) <= CELL_WORDS * 3 / 2) cut[slots] = k, t = k;
        else {
          /* with no clause to cut, by its first words ("scrolloff: Number
           * of lines of padding around the edge, 5"), not left out */
          free(k);
          /* a first sentence short enough is said whole: cut at its eighth
           * word it ended mid-thought ("O_RDONLY: Flag indicating to open
           * a file." of "… for read-only access.") */
          k = first_sentence(t, CELL_WORDS * 2);
          if (!k) k = first_words(t, CELL_WORDS, vgi_phrase_english(lang));
          if (k) cut[slots] = k, t = k;
          else unsaid++;
        }
      }
      if (!t) continue;
      /* a path or an address takes its place among the cells read but is
       * shown, not said: read, it would leave "data_dir:," */
      slots++;
      if (!vgi_nothing_said(t) && !command_cell(t)) {
        first_said |= c == r->child && !ns;
        said[ns++] = t;
      } else {
        unsaid++;
      }
    }
    /* a row said by its first cell alone while it shows more ("E-mail"
     * over an address, a key over a long value) says nothing of it: the
     * next row is read instead */
    /* (a cell that only repeats the first, "%mem" beside its header "MEM",
     * says nothing more of it) */
    if (ns == 2 && first_said && unsaid && same_name(said[0], said[1])) ns = 1;
    if (ns == 1 && first_said && unsaid) {
      if (nkeys < KEYS_MAX) keys[nkeys++] = said[0];
      ns = 0, left++;
      unread_add(unread, r);
    }
    if (!ns) {
      for (int i = 0; i < CELLS_READ; i++) free(cut[i]);
      continue;
    }
    vgi_buf row = {0};
    int pressed = 0, row_plain = 0;
    if (as_keys && english && first_said && ns >= 2) {
      /* (the action is enough: what else the row says is shown) */
      pressed = 1;
      row_plain = words(cell_text(r->child)) + words(said[1]);
      vgi_buf_puts(&row, "Press ");
      vgi_buf_puts(&row, said[0]);
      put_action(&row, said[1]);
      ns = 0;
    } else
      vgi_buf_puts(&row, said[0]);
    for (int i = 1; i < ns; i++) {
      vgi_buf_puts(&row, i == 1 ? ": " : vgi_phrase(lang, "sep"));
      vgi_buf_puts(&row, said[i]);
    }
    for (int i = 0; i < CELLS_READ; i++) free(cut[i]);
    int rw = words(row.s);
    if (rw > budget && budget < words_for_rows) { vgi_buf_free(&row); left++; unread_add(unread, r); budget = 0; continue; }
    if (pressed && max_rows > 0 && read + 1 > (max_rows + 1) / 2) {
      int f = framing + (rw > row_plain ? rw - row_plain : 0), p = plain + row_plain;
      /* (rows used: those said, and the added words counted in rows of
       * the plain rows' mean length) */
      if (p > 0 && read + 1 + f * (read + 1) / p > max_rows) {
        vgi_buf_free(&row);
        left++;
        unread_add(unread, r);
        budget = 0;
        continue;
      }
    }
    if (pressed) framing += rw > row_plain ? rw - row_plain : 0, plain += row_plain;
    budget -= rw;
    read++;
    size_t l = row.n;
    /* its own stop goes, the language's is put after it (a cell that ends
     * in 。 was said "置換します。。") */
    for (size_t w = 0; l && (strchr(".:;, ", row.s[l - 1]) || (w = vgi_wide_stop_before(row.s, l)));)
      row.s[l -= strchr(".:;, ", row.s[l - 1]) ? 1 : w] = 0;
    if (b.n) vgi_buf_puts(&b, " ");
    vgi_buf_puts(&b, row.s);
    vgi_buf_puts(&b, vgi_phrase(lang, "stop"));
    vgi_buf_free(&row);
  }
  if (!read && nkeys >= 2 && nkeys == left - more) {
    vgi_buf j = {0};
    put_joined(&j, lang, keys, nkeys);
    if (b.n) vgi_buf_puts(&b, " ");
    vgi_buf_puts(&b, j.s);
    vgi_buf_puts(&b, vgi_phrase(lang, "stop"));
    vgi_buf_free(&j);
    left = more;
    cJSON_Delete(unread);
    unread = NULL;
  }
  /* the rows shown here and not read are named where they have short
   * names ("ag, ugrep, and ack."), else left to be read on screen: counted
   * ("And 5 more rows.") they were heard as rows the slide did not show */
  char *unread_said = !quiet && left > more ? unread_names(vc, unread, lang) : NULL;
  cJSON_Delete(unread);
  if (unread_said) {
    if (b.n) vgi_buf_puts(&b, " ");
    vgi_buf_puts(&b, unread_said);
    free(unread_said);
  }
  char *m = quiet ? NULL : vgi_table_more(vc, lang, more);
  if (m) {
    if (b.n) vgi_buf_puts(&b, " ");
    vgi_buf_puts(&b, m);
    free(m);
  }
  return vgi_buf_take(&b);
}
