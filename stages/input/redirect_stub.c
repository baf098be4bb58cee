/* redirect_stub.c: a page left behind when its text moved elsewhere ("This
 * page has moved", an HTML or reStructuredText meta refresh to the new
 * address) has nothing to present; made into a video it welcomed the
 * viewer to "This page has moved". It is still read (its link may be all
 * someone wants), with a warning that says why the video is empty. */
#include "input_private.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* a stub is short: a title, a sentence or two, a link */
enum { STUB_WORDS = 120, STUB_HEAD_BYTES = 400 };

static const char *find_ci(const char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (!strncasecmp(s + i, needle, k)) return s + i;
  return NULL;
}

static int words_in(const char *s, size_t n) {
  int w = 0, in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = isspace((unsigned char)s[i]);
    if (!sp && !in) w++;
    in = !sp;
    if (w > STUB_WORDS) break;
  }
  return w;
}

void vgi_warn_redirect_stub(const char *text, size_t len, const char *file, vgi_diags *d) {
  if (words_in(text, len) > STUB_WORDS) return;
  /* a refresh to another address: <meta http-equiv="refresh" …>, rST's
   * ".. meta:: :http-equiv=refresh: 3; url=…" */
  const char *at = NULL, *h = find_ci(text, len, "http-equiv");
  if (h && find_ci(h, len - (size_t)(h - text) < 40 ? len - (size_t)(h - text) : 40, "refresh")) at = h;
  /* or it says so near its top */
  static const char *const said[] = { "page has moved", "page moved", "has moved to", "have moved to",
                                      "has been moved to", NULL };
  size_t head = len < STUB_HEAD_BYTES ? len : STUB_HEAD_BYTES;
  for (int k = 0; !at && said[k]; k++) at = find_ci(text, head, said[k]);
  if (!at) return;
  int line, col;
  vgi_line_col(text, (size_t)(at - text), &line, &col);
  vgi_diag_add(d, VGI_WARNING, file, line, col, NULL,
               "the document is a redirect stub (it says only that its page moved): nothing to present");
}
