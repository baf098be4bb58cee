/* controls.c: characters of a document that are commands, not text. A
 * terminal escape sequence in a title would be written to the terminal by
 * `vgrun scenes` (setting the window's title, clearing the screen) and drawn
 * as boxes on the slide; a right-to-left override shows "Invoice
 * \u202Egpj.exe" as "Invoice exe.jpg" while the voice says "gpj.exe". Every
 * string of a loaded model is cleaned once, before narration and layout: C0
 * and C1 controls but tab and newline go (an escape sequence whole), form
 * and vertical feeds are white space (no warning: a page break), and the
 * bidirectional embeddings,
 * overrides and isolates go (the marks U+200E/U+200F, which only hint a
 * direction, stay). A document's text is cleaned as it is read (the line
 * is known there); every string of a loaded model once more (a JSON
 * string's "\u001b", a Lua table's). A model's string is UTF-8 after that:
 * a byte that is not (cmark writes the references &#xFFFE; and &#xFFFF; as
 * the lone bytes FE and FF; a Lua table's string may hold anything) is taken
 * out, not passed on to the layout, the captions and every JSON file. One
 * warning per kind names the first place. */
#include "input_private.h"

#include <string.h>

typedef struct cleaning {
  const char *file;
  const vgi_posmap *pm;
  vgi_diags *d;
  int controls_line, bidi_line, bad_line;   /* where each was first seen (-1: not yet) */
  int controls_col, bidi_col, bad_col;
} cleaning;

/* Length of an escape sequence at s (ESC already seen at s[0]): CSI up to
 * its final byte, OSC/DCS/APC/PM/SOS up to BEL or ST, else ESC and one. */
static size_t escape_len(const unsigned char *s) {
  size_t i = 1;
  if (!s[i]) return 1;
  if (s[i] == '[') {
    for (i = 2; s[i]; i++)
      if (s[i] >= 0x40 && s[i] <= 0x7E) return i + 1;
    return i;
  }
  if (s[i] == ']' || s[i] == 'P' || s[i] == '_' || s[i] == '^' || s[i] == 'X') {
    for (i = 2; s[i]; i++) {
      if (s[i] == 0x07) return i + 1;
      if (s[i] == 0x1B && s[i + 1] == '\\') return i + 2;
    }
    return i;
  }
  return 2;
}

/* Whether the character at s (NUL-terminated, s[0] >= 0x80) is not UTF-8. */
static int not_utf8(const unsigned char *s) {
  size_t n = 1;
  while (n < 4 && s[n]) n++;
  return vg_utf8_invalid_at((const char *)s, n) == 0;
}

/* Cleans s in place; sets *ctl / *bidi / *bad to the line (from 1, counting
 * newlines from s) where it first took something out. keep_cr: a document's
 * raw text, whose line ends may be CR LF (read as UTF-8 already: bad is
 * NULL). */
static void clean_lines(char *s, int keep_cr, int *ctl, int *bidi, int *bad) {
  unsigned char *r = (unsigned char *)s, *w = r;
  int line = 1;
  while (*r) {
    unsigned char c = *r;
    if (c == '\n') line++;
    if (c == 0x1B) { r += escape_len(r); if (!*ctl) *ctl = line; continue; }
    /* a page break (^L between a GNU README's pages) is white space */
    if (c == '\f' || c == '\v') { *w++ = keep_cr ? '\n' : ' '; r++; continue; }
    if (c == '\r' && !keep_cr) { r++; continue; }
    /* C0 but tab and line ends, DEL, C1, and the bidi controls (the same
     * list vg_shown_name escapes in a name) */
    int is_bidi = 0;
    size_t k = (c == '\t' || c == '\n' || c == '\r') ? 0 : vg_control_char_at((const char *)r, &is_bidi);
    if (k) {
      r += k;
      int *first = is_bidi ? bidi : ctl;
      if (!*first) *first = line;
      continue;
    }
    if (bad && c >= 0x80 && not_utf8(r)) { r++; if (!*bad) *bad = line; continue; }
    /* a character whole: its continuation bytes are never read as a start */
    do { *w++ = *r++; } while (bad && c >= 0xC0 && (*r & 0xC0) == 0x80);
  }
  *w = 0;
}

static void clean(char *s, int *ctl, int *bidi, int *bad) { clean_lines(s, 0, ctl, bidi, bad); }

static void warn(vgi_diags *d, const char *file, int ctl_line, int ctl_col, int bidi_line, int bidi_col) {
  if (ctl_line > 0)
    vgi_diag_add(d, VGI_WARNING, file, ctl_line, ctl_col, NULL,
                 "control characters (a terminal escape sequence, a bell, …) are not text: taken out");
  if (bidi_line > 0)
    vgi_diag_add(d, VGI_WARNING, file, bidi_line, bidi_col, NULL,
                 "right-to-left or left-to-right override characters taken out: the text is shown "
                 "in the order it is written and said");
}

size_t vgi_clean_text(char *text, const char *file, vgi_diags *d) {
  int ctl = 0, bidi = 0;
  clean_lines(text, 1, &ctl, &bidi, NULL);
  warn(d, file, ctl, 1, bidi, 1);
  return strlen(text);
}

static void walk(cleaning *k, cJSON *node, int line) {
  for (cJSON *c = node ? node->child : NULL; c; c = c->next) {
    if (cJSON_IsObject(c)) {
      const cJSON *src = cJSON_GetObjectItemCaseSensitive(c, "source");
      const cJSON *ln = src ? cJSON_GetObjectItemCaseSensitive(src, "line") : NULL;
      walk(k, c, cJSON_IsNumber(ln) ? ln->valueint : line);
    } else if (cJSON_IsArray(c)) {
      walk(k, c, line);
    } else if (cJSON_IsString(c) && c->valuestring) {
      int ctl = 0, bidi = 0, bad = 0;
      clean(c->valuestring, &ctl, &bidi, &bad);
      if (!ctl && !bidi && !bad) continue;
      /* where it was written, when the reader kept it; else its scene's line */
      const vgi_pos *p = k->pm ? vgi_pos_get((vgi_posmap *)k->pm, c) : NULL;
      int at = p ? p->line : line, col = p ? p->col : 1;
      if (ctl && k->controls_line < 0) { k->controls_line = at; k->controls_col = col; }
      if (bidi && k->bidi_line < 0) { k->bidi_line = at; k->bidi_col = col; }
      if (bad && k->bad_line < 0) { k->bad_line = at; k->bad_col = col; }
    }
  }
}

void vgi_clean_controls(cJSON *model, const char *file, const vgi_posmap *pm, vgi_diags *d) {
  cleaning k = { file, pm, d, -1, -1, -1, 1, 1, 1 };
  walk(&k, model, 0);
  if (k.bad_line >= 0)
    vgi_diag_add(d, VGI_WARNING, file, k.bad_line > 0 ? k.bad_line : 1, k.bad_col, NULL,
                 "bytes that are not UTF-8 (a character reference to a noncharacter such as &#xFFFE;, "
                 "or a string that is not text) taken out");
  warn(d, file, k.controls_line < 0 ? 0 : k.controls_line > 0 ? k.controls_line : 1, k.controls_col,
       k.bidi_line < 0 ? 0 : k.bidi_line > 0 ? k.bidi_line : 1, k.bidi_col);
}
