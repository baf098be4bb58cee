/* doc_macros.c: the macros of MDN's Markdown (its English and translated
 * pages, KumaScript as Yari renders it): "{{jsxref("Array")}}" is a link,
 * shown and said as "Array" (its second argument, a translation's own word,
 * when given: {{Glossary("Hoisting", "巻き上げ")}}); the rest
 * ({{jsSidebar("JavaScript Guide")}}, {{PreviousNext(…)}}, {{Compat}},
 * {{EmbedInteractiveExample(…)}}) draws the site's furniture and is neither
 * shown nor said. Code (fences, indented blocks after a blank line, backtick spans) keeps its
 * braces: tldr's "{{path/to/file}}" and a template's "{{name}}" are not
 * macros. The text keeps its length (the rest becomes spaces), so line
 * numbers and offsets stay right. */
#include "input_private.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* a macro whose output is a link to the page its first argument names */
static int link_macro(const char *name, size_t n) {
  static const char *const names[] = { "glossary", "htmlelement", "svgelement", "mathmlelement", "svgattr",
    "httpheader", "httpstatus", "httpmethod", "rfc", "event", "cssxref", "jsxref", "domxref", "htmlattrxref",
    "webextapiref", "interwiki", NULL };
  if (n > 4 && !strncasecmp(name + n - 4, "xref", 4)) return 1;
  for (int i = 0; names[i]; i++)
    if (strlen(names[i]) == n && !strncasecmp(names[i], name, n)) return 1;
  return 0;
}

/* The macro at p ("{{" … "}}" on one line before end) -> its length, 0
 * when it is none; *shown, *shown_n: the words it stands for (none). */
static size_t macro_at(const char *p, const char *end, const char **shown, size_t *shown_n) {
  *shown = NULL;
  *shown_n = 0;
  const char *q = p + 2;
  while (q < end && *q == ' ') q++;
  const char *name = q;
  if (q >= end || !(isalpha((unsigned char)*q) || *q == '_')) return 0;
  while (q < end && (isalnum((unsigned char)*q) || *q == '_' || *q == '-')) q++;
  size_t nl = (size_t)(q - name);
  int upper = 0;
  for (size_t i = 0; i < nl; i++) upper |= isupper((unsigned char)name[i]);
  while (q < end && *q == ' ') q++;
  const char *args = NULL, *args_end = NULL;
  if (q < end && *q == '(') {
    args = ++q;
    char quote = 0;
    for (; q < end; q++) {
      if (quote) { if (*q == quote) quote = 0; continue; }
      if (*q == '"' || *q == '\'') quote = *q;
      else if (*q == ')' || *q == '{' || *q == '}') break;
    }
    if (q >= end || *q != ')') return 0;
    args_end = q++;
    while (q < end && *q == ' ') q++;
  } else if (!upper) {
    return 0;   /* "{{name}}": a template's variable, not one of MDN's macros (all named in camel case) */
  }
  if (end - q < 2 || q[0] != '}' || q[1] != '}') return 0;
  if (args && link_macro(name, nl)) {
    /* the string arguments: the first names the page, a second is the link's text */
    const char *s[2] = { NULL, NULL };
    size_t sl[2] = { 0, 0 };
    int k = 0;
    for (const char *a = args; a < args_end && k < 2; a++) {
      if (*a != '"' && *a != '\'') continue;
      const char *e = memchr(a + 1, *a, (size_t)(args_end - a - 1));
      if (!e) break;
      s[k] = a + 1;
      sl[k++] = (size_t)(e - a - 1);
      a = e;
    }
    int pick = k == 2 && sl[1] ? 1 : 0;
    if (s[pick]) { *shown = s[pick]; *shown_n = sl[pick]; }
  }
  return (size_t)(q + 2 - p);
}

void vgi_doc_macros_out(char *text, size_t len) {
  int fence = 0, prev_blank = 1;
  char fch = 0;
  for (size_t i = 0; i < len;) {
    char *nl = memchr(text + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - text) : len;
    char *l = text + i;
    size_t ind = 0;
    while (i + ind < e && l[ind] == ' ') ind++;
    if (ind < 4 && e - i - ind >= 3 && (l[ind] == '`' || l[ind] == '~') && l[ind + 1] == l[ind] && l[ind + 2] == l[ind]) {
      if (!fence) { fence = 1; fch = l[ind]; }
      else if (l[ind] == fch) fence = 0;
    } else if (!fence && (ind < 4 || !prev_blank)) {
      /* (a line indented under a line of text goes on with its paragraph
       * or its HTML block, MDN's "<td>{{domxref(…)}}</td>": not code) */
      int tick = 0;   /* inside a backtick span */
      for (char *p = l; p + 1 < text + e; p++) {
        if (*p == '`') { tick = !tick; continue; }
        if (tick || p[0] != '{' || p[1] != '{') continue;
        const char *shown;
        size_t sn, ml = macro_at(p, text + e, &shown, &sn);
        if (!ml) continue;
        /* the words it stands for, then spaces to its end (sn < ml) */
        if (sn) memmove(p, shown, sn);
        memset(p + sn, ' ', ml - sn);
        p += ml - 1;
      }
    }
    prev_blank = i + ind >= e || (e - i - ind == 1 && l[ind] == '\r');
    i = e + 1;
  }
}
