/* code_verbs.c: the verbs whose object is the code a slide shows. Prose
 * over a command block ends on one ("To build jq, run:", "Use:", "by
 * typing:"); what is said in its place names what the slide shows ("…,
 * run this command."), so the narration and the Markdown reader must agree
 * on which words these are. */
#include "input_private.h"

#include <string.h>
#include <strings.h>

static const char *const imperatives[] = { "run", "type", "execute", "enter", "use", NULL };
/* the forms after "by" or "when" ("by typing", "when running") */
static const char *const gerunds[] = { "typing", "running", NULL };

static int one_of(const char *const *list, const char *w, size_t n) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == n && !strncasecmp(w, list[i], n)) return 1;
  return 0;
}

int vgi_code_imperative(const char *w, size_t n) {
  /* the word without the punctuation after it ("run:") */
  while (n && strchr(",.;:!?\"')", w[n - 1])) n--;
  return one_of(imperatives, w, n);
}

int vgi_ends_on_code_verb(const char *t, size_t l) {
  size_t w = l;
  while (w && t[w - 1] != ' ') w--;
  return one_of(imperatives, t + w, l - w) || one_of(gerunds, t + w, l - w);
}
