/* bug_numbers.c: bug and issue numbers in narration. A changelog or README
 * cites its tracker ("(Closes: #1028103)", "to finally solve #643559",
 * "bug #214546"); a presenter never reads a six-digit number out. A
 * bracket that only cites goes; a number the sentence needs as a noun is
 * said "a bug report" ("Promptly, a bug report was filed"). */
#include "input_private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* "#1234" at p: its length (the '#' and digits), 0 when it is no number
 * (fewer than min digits, or letters glued to it: "#1st"). */
static size_t number_at(const char *t, const char *p, size_t min) {
  if (*p != '#' || (p > t && !strchr(" ([,", p[-1]))) return 0;
  size_t n = 1;
  while (isdigit((unsigned char)p[n])) n++;
  if (n - 1 < min || isalnum((unsigned char)p[n]) || p[n] == '-' || p[n] == '_') return 0;
  return n;
}

/* Words a citing bracket holds besides its numbers ("Closes: #1, #2", "fix
 * #9", "see bug #4", "LP: #7"). */
static int citing_word(const char *w, size_t n) {
  static const char *const words[] = { "closes", "close", "closed", "fixes", "fix", "fixed", "see", "bug", "bugs",
    "issue", "issues", "lp", "debian", "and", "ticket", "pr", "cf", "ref", "refs", NULL };
  while (n && strchr(":,.;", w[n - 1])) n--;
  for (int i = 0; words[i]; i++)
    if (strlen(words[i]) == n && !strncasecmp(w, words[i], n)) return 1;
  return 0;
}

/* The bracket at o that only cites numbers: its end (past ')'), or NULL. */
static char *citing_bracket(const char *t, char *o) {
  /* a citing bracket is short: looked for within 256 bytes, so a text of
   * brackets costs no more than its length */
  char *c = memchr(o, ')', strnlen(o, 256));
  if (!c || memchr(o + 1, '(', (size_t)(c - o - 1))) return NULL;
  int numbers = 0;
  for (char *p = o + 1; p < c;) {
    while (p < c && (*p == ' ' || *p == ',')) p++;
    if (p >= c) break;
    char *e = p;
    while (e < c && *e != ' ') e++;
    size_t n = number_at(t, p, 2);
    if (n && (p + n == e || (p + n + 1 == e && strchr(",;.", p[n])))) numbers++;
    else if (!citing_word(p, (size_t)(e - p))) return NULL;
    p = e;
  }
  return numbers ? c + 1 : NULL;
}

static int bug_word(const char *w, size_t n) {
  static const char *const words[] = { "bug", "issue", "ticket", "report", NULL };
  for (int i = 0; words[i]; i++)
    if (strlen(words[i]) == n && !strncasecmp(w, words[i], n)) return 1;
  return 0;
}

char *vgi_bug_numbers_out(char *t) {
  /* brackets that only cite go, with the space before them (copied once:
   * a text of many such brackets is read in one pass) */
  {
    vgi_buf kept = {0};
    char *p = t;
    for (char *o = strchr(p, '('); o; o = strchr(o + 1, '(')) {
      char *end = citing_bracket(t, o);
      if (!end) continue;
      vgi_buf_add(&kept, p, (size_t)(o - p));
      while (kept.n && kept.s[kept.n - 1] == ' ') kept.n--;
      p = end;
      o = end - 1;
    }
    if (p != t) {
      vgi_buf_puts(&kept, p);
      char *k = vgi_buf_take(&kept);
      free(t);
      t = k;
    } else {
      vgi_buf_free(&kept);
    }
  }
  /* "Closes: #1, #2" written in the text goes too */
  vgi_buf out = {0};
  for (const char *p = t; *p;) {
    if (*p != '#') { vgi_buf_add(&out, p, 1); p++; continue; }
    size_t n = number_at(t, p, 3);
    /* the word before: a few letters ("bug", "issue"), looked for no
     * further back than a word can be */
    const char *ws = p, *we = p;
    while (ws > t && ws[-1] == ' ' && p - ws < 64) ws--;
    we = ws;
    while (ws > t && ws[-1] != ' ' && p - ws < 64) ws--;
    if (!n && p[0] == '#' && (size_t)(we - ws) >= 3 && bug_word(ws, (size_t)(we - ws))) n = number_at(t, p, 1);
    if (!n) { vgi_buf_add(&out, p, 1); p++; continue; }
    /* a run of numbers ("#1, #2 and #3") is one */
    const char *e = p + n;
    int many = 0;
    for (;;) {
      const char *q = e;
      while (*q == ',' || *q == ' ') q++;
      if (!strncmp(q, "and ", 4)) q += 4;
      size_t m = number_at(t, q, 1);
      if (!m) break;
      e = q + m, many = 1;
    }
    /* "the closed bug report #22769", "this issue #7": the noun phrase
     * names the bug already, the number alone goes */
    if ((size_t)(we - ws) >= 3 && bug_word(ws, (size_t)(we - ws))) {
      static const char *const dets[] = { "a", "an", "the", "this", "that", "its", "their", "our", "your", NULL };
      int det = 0;
      const char *q = ws;
      for (int k = 0; k < 3 && !det && q > t; k++) {
        while (q > t && q[-1] == ' ') q--;
        const char *qe = q;
        while (q > t && q[-1] != ' ') q--;
        if (qe == q || strchr(",;:.!?()", qe[-1])) break;
        for (int i = 0; dets[i]; i++) det |= strlen(dets[i]) == (size_t)(qe - q) && !strncasecmp(q, dets[i], strlen(dets[i]));
      }
      if (det) {
        while (out.n && out.s[out.n - 1] == ' ') out.n--;
        out.s[out.n] = 0;
        p = e;
        continue;
      }
    }
    /* what the number is said as: "bug #12" and "#12" alike */
    size_t keep = out.n;
    if ((size_t)(we - ws) >= 3 && bug_word(ws, (size_t)(we - ws))) keep -= (size_t)(p - ws);
    out.n = keep;
    if (out.s) out.s[out.n] = 0;
    const char *pw = out.s ? out.s + out.n : NULL;
    while (pw && pw > out.s && pw[-1] == ' ') pw--;
    const char *ps = pw;
    while (pw && ps > out.s && ps[-1] != ' ') ps--;
    static const char *const dets[] = { "a", "an", "the", "this", "that", NULL };
    int det = 0;
    for (int i = 0; pw && dets[i]; i++) det |= strlen(dets[i]) == (size_t)(pw - ps) && !strncasecmp(ps, dets[i], strlen(dets[i]));
    /* what a verb solves is a bug ("to finally solve #643559"), what is
     * filed or pointed to a report */
    static const char *const solving[] = { "solve", "solves", "solved", "fix", "fixes", "fixed", "close", "closes",
      "closed", "address", "addresses", "addressed", "resolve", "resolves", "resolved", NULL };
    int solved = 0;
    for (int i = 0; pw && solving[i]; i++)
      solved |= strlen(solving[i]) == (size_t)(pw - ps) && !strncasecmp(ps, solving[i], strlen(solving[i]));
    if (solved) vgi_buf_puts(&out, many ? "reported bugs" : "a reported bug");
    else vgi_buf_puts(&out, many ? "bug reports" : det ? "bug report" : "a bug report");
    p = e;
  }
  char *r = out.s ? vgi_buf_take(&out) : vgi_strdup("");
  free(t);
  return r;
}

/* A slide's text without its bug numbers: a label that opens it ("#1234:",
 * "Bug #1234 -") goes, then what vgi_bug_numbers_out takes from speech.
 * NULL when the text has none. */
static char *shown_out(const char *s) {
  const char *h = strchr(s, '#');
  if (!h || !isdigit((unsigned char)h[1])) return NULL;
  char *t = vgi_strdup(s);
  char *p = t;
  while (*p && !isspace((unsigned char)*p) && *p != '#') p++;   /* "Bug", "LP:", "Closes:" */
  size_t wl = (size_t)(p - t);
  while (*p == ' ') p++;
  if (*p != '#' || (wl && !citing_word(t, wl))) p = t;
  size_t n = *p == '#' ? number_at(t, p, 1) : 0;
  if (n && strchr(":-\xE2", p[n]) && (p[n + 1] == ' ' || p[n] == '\xE2')) {
    char *r = p + n;
    if ((unsigned char)*r == 0xE2 && (unsigned char)r[1] == 0x80 && ((unsigned char)r[2] == 0x93 || (unsigned char)r[2] == 0x94))
      r += 3;   /* an en or em dash */
    else if ((unsigned char)*r == 0xE2)
      r = NULL;
    else
      r++;
    if (r) {
      while (*r == ' ') r++;
      int cap = isupper((unsigned char)t[0]);
      size_t room = (size_t)(r - t);   /* the label's bytes, free once it goes */
      memmove(t, r, strlen(r) + 1);
      if (cap) vgi_upper_first_in(t, strlen(t) + 1 + room, NULL);   /* "Bug #12: éditeur …" */
    }
  }
  t = vgi_bug_numbers_out(t);
  return t;
}

static void shown_set(cJSON *x) {
  if (!cJSON_IsString(x)) return;
  char *t = shown_out(x->valuestring);
  if (t && *t) cJSON_SetValuestring(x, t);
  free(t);
}

void vgi_bug_numbers_shown(cJSON *scenes) {
  static const char *const keys[] = { "header", "title", "subtitle", "description", "main_text", "sub_text", NULL };
  for (cJSON *s = scenes ? scenes->child : NULL; s; s = s->next) {
    cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
    if (!cJSON_IsObject(vc)) continue;
    for (int k = 0; keys[k]; k++) shown_set(cJSON_GetObjectItemCaseSensitive(vc, keys[k]));
    cJSON *items = cJSON_GetObjectItemCaseSensitive(vc, "items");
    for (cJSON *it = cJSON_IsArray(items) ? items->child : NULL; it; it = it->next) {
      if (cJSON_IsString(it)) { shown_set(it); continue; }
      shown_set(cJSON_GetObjectItemCaseSensitive(it, "title"));
      shown_set(cJSON_GetObjectItemCaseSensitive(it, "description"));
      shown_set(cJSON_GetObjectItemCaseSensitive(it, "text"));
    }
  }
}
