/* subtitle.c: transcripts (.srt, .vtt). Read here rather than by
 * libavformat's demuxers, which stop at the first WebVTT STYLE or REGION
 * block and narrate a malformed SRT cue as text: every problem gets its line.
 * Cues are grouped into scenes at pauses and by length; a scene's narration
 * is its transcript text, its bullets the key sentences. Each scene's
 * source keeps its cues (start, end, text) and their span, so `vgrun create
 * --keep-timing` can put the scene and its captions where they were. */
#include "input_private.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAUSE_SECONDS 2.0    /* a gap this long starts a new scene */
#define SCENE_SECONDS 30.0   /* a scene spans at most about this */
#define SCENE_WORDS 80

typedef struct cue { double start, end; char *text; int line; } cue;

/* Removes markup (<i>, <c.x>, {\an8}) and decodes the common entities. */
static char *clean(const char *s, size_t n) {
  vgi_buf b = {0};
  for (size_t i = 0; i < n && s[i];) {
    if (s[i] == '<') {
      const char *e = memchr(s + i, '>', n - i);
      if (e) { i = (size_t)(e - s) + 1; continue; }
    }
    if (s[i] == '{' && i + 1 < n && s[i + 1] == '\\') {
      const char *e = memchr(s + i, '}', n - i);
      if (e) { i = (size_t)(e - s) + 1; continue; }
    }
    if (s[i] == '&') {
      static const struct { const char *e, *r; } ents[] = { { "&amp;", "&" }, { "&lt;", "<" },
        { "&gt;", ">" }, { "&nbsp;", " " }, { "&quot;", "\"" }, { "&#39;", "'" }, { "&lrm;", "" },
        { "&rlm;", "" } };
      int hit = 0;
      for (size_t k = 0; k < sizeof ents / sizeof *ents; k++) {
        size_t l = strlen(ents[k].e);
        if (i + l <= n && !strncmp(s + i, ents[k].e, l)) {
          vgi_buf_puts(&b, ents[k].r);
          i += l;
          hit = 1;
          break;
        }
      }
      if (hit) continue;
    }
    vgi_buf_add(&b, s + i, 1);
    i++;
  }
  return vgi_squash(vgi_buf_take(&b));
}

/* One timestamp: [hours:]minutes:seconds(,|.)fraction. Advances *pp. */
static int parse_ts(const char **pp, double *out) {
  const char *p = *pp;
  long f[3];
  int n = 0;
  for (;;) {
    if (!isdigit((unsigned char)*p)) return 0;
    long v = 0;
    int digits = 0;
    for (; isdigit((unsigned char)*p); p++, digits++)
      if (digits < 9) v = v * 10 + (*p - '0');
    if (digits > 9) return 0;
    f[n++] = v;
    if (*p == ':' && n < 3) { p++; continue; }
    break;
  }
  if (n < 2 || (*p != ',' && *p != '.')) return 0;
  p++;
  double frac = 0, scale = 0.1;
  int k = 0;
  for (; isdigit((unsigned char)*p) && k < 3; p++, k++, scale /= 10) frac += (*p - '0') * scale;
  if (!k || isdigit((unsigned char)*p)) return 0;
  long h = n == 3 ? f[0] : 0, m = f[n - 2], sec = f[n - 1];
  if (m >= 60 || sec >= 60 || h > 999) return 0;   /* a transcript of 1000 hours is a typo */
  *out = (double)h * 3600 + (double)m * 60 + (double)sec + frac;
  *pp = p;
  return 1;
}

/* "start --> end [settings]" */
static int parse_timing(const char *line, double *start, double *end) {
  const char *p = line;
  while (*p == ' ' || *p == '\t') p++;
  if (!parse_ts(&p, start)) return 0;
  while (*p == ' ' || *p == '\t') p++;
  if (strncmp(p, "-->", 3)) return 0;
  p += 3;
  while (*p == ' ' || *p == '\t') p++;
  if (!parse_ts(&p, end)) return 0;
  return !*p || *p == ' ' || *p == '\t';
}

static int blank(const char *s) {
  for (; *s; s++) if (*s != ' ' && *s != '\t') return 0;
  return 1;
}

static int all_digits(const char *s) {
  while (*s == ' ' || *s == '\t') s++;
  if (!isdigit((unsigned char)*s)) return 0;
  while (isdigit((unsigned char)*s)) s++;
  return blank(s);
}

/* "NOTE", "STYLE", "REGION" alone or followed by a space or tab */
static int vtt_block(const char *line, const char *word) {
  size_t l = strlen(word);
  return !strncmp(line, word, l) && (!line[l] || line[l] == ' ' || line[l] == '\t');
}

static int cmp_cue(const void *a, const void *b) {
  const cue *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return x->line - y->line;   /* stable: file order */
}

/* The cues of an SRT or WebVTT text. Blocks are separated by blank lines.
 * WebVTT: the WEBVTT header block, and NOTE, STYLE and REGION blocks are
 * skipped (WebVTT spec, 6.1); a block without a timing line is not a cue.
 * SRT: [index] timing text...; a block that starts with an index or a
 * timing-like line but has no valid timing is an error at its line; a block
 * of text alone continues the previous cue (blank lines inside a cue). */
/* The next line of *p, cut in place (\n, \r\n or \r), or NULL at the end;
 * *ln counts lines. Lines are read one at a time: a file of millions of
 * empty lines costs no memory. */
static char *next_line(char **p, int *ln) {
  if (!**p) return NULL;
  char *l = *p, *e = l + strcspn(l, "\r\n");
  char c = *e;
  *e = 0;
  *p = e + (c ? 1 : 0);
  if (c == '\r' && **p == '\n') (*p)++;
  (*ln)++;
  return l;
}

static void add_cue(cue **cues, size_t *n, size_t *cap, double st, double en, char *text,
                    int line) {
  if (*n == *cap) {
    *cap = *cap ? *cap * 2 : 64;
    *cues = realloc(*cues, *cap * sizeof **cues);
    if (!*cues) abort();
  }
  (*cues)[*n] = (cue){ st, en, text, line };
  (*n)++;
}

static cue *parse_cues(char *text, const char *path, int vtt, size_t *count, vgi_diags *d) {
  cue *cues = NULL;
  size_t n = 0, cap = 0;
  char *p = text;
  int ln = 0;
  *count = 0;
  if (vtt) {
    char *h = next_line(&p, &ln);
    if (!h || strncmp(h, "WEBVTT", 6) || (h[6] && h[6] != ' ' && h[6] != '\t')) {
      vgi_diag_add(d, VGI_ERROR, path, 1, 1, NULL,
                   "not a WebVTT file: the first line must be WEBVTT");
      return NULL;
    }
    for (char *l; (l = next_line(&p, &ln)) && !blank(l);) {}   /* the header block */
  }
  int reported = 0;
  for (;;) {
    char *first, *second = NULL, *l;
    while ((first = next_line(&p, &ln)) && blank(first)) {}
    if (!first || vgi_cancelled()) break;
    int first_ln = ln;
    int more = 0;   /* the block goes on after `second` */
    if ((l = next_line(&p, &ln)) && !blank(l)) {
      second = l;
      more = 1;
    }
    /* the rest of the block, as text lines; `take` says whether it is kept */
    vgi_buf tb = {0};
    int skip = vtt && (vtt_block(first, "NOTE") || vtt_block(first, "STYLE") ||
                       vtt_block(first, "REGION"));
    /* the timing line: the first, or the second after an identifier */
    char *t = NULL;
    int t_ln = 0;
    if (strstr(first, "-->")) t = first, t_ln = first_ln;
    else if (second && strstr(second, "-->")) t = second, t_ln = first_ln + 1;
    if (!skip && t == first && second) vgi_buf_puts(&tb, second);
    if (!skip && !t) {
      vgi_buf_puts(&tb, first);
      if (second) { vgi_buf_puts(&tb, "\n"); vgi_buf_puts(&tb, second); }
    }
    while (more && (l = next_line(&p, &ln)) && !blank(l)) {
      if (skip) continue;
      if (tb.n) vgi_buf_puts(&tb, "\n");
      vgi_buf_puts(&tb, l);
    }
    if (skip) continue;
    double st, en;
    if (!t && !vtt && !all_digits(first) && n) {
      /* SRT: text after a blank line inside a cue continues it */
      vgi_buf cb = {0};
      vgi_buf_puts(&cb, cues[n - 1].text);
      vgi_buf_puts(&cb, "\n");
      vgi_buf_puts(&cb, tb.s);
      free(cues[n - 1].text);
      cues[n - 1].text = vgi_buf_take(&cb);
      vgi_buf_free(&tb);
      continue;
    }
    if (!t && vtt) {
      vgi_diag_add(d, VGI_WARNING, path, first_ln, 1, NULL, "not a cue (no timing line): skipped");
      vgi_buf_free(&tb);
      continue;
    }
    if (!t || !parse_timing(t, &st, &en)) {
      /* the line that should have been the timing */
      const char *bad = t ? t : (all_digits(first) && second ? second : first);
      int bad_ln = t ? t_ln : (all_digits(first) && second ? first_ln + 1 : first_ln);
      if (reported++ < 20) {
        char shown[64];
        snprintf(shown, sizeof shown, "%s", bad);
        vgi_diag_add(d, VGI_ERROR, path, bad_ln, 1, NULL,
                     "malformed cue timing '%s%s' (expected %s)", shown,
                     strlen(bad) >= sizeof shown ? "..." : "",
                     vtt ? "00:00:01.000 --> 00:00:02.500" : "00:00:01,000 --> 00:00:02,500");
      }
      vgi_buf_free(&tb);
      continue;
    }
    if (en < st) {
      vgi_diag_add(d, VGI_ERROR, path, t_ln, 1, NULL, "a cue ends before it starts");
      vgi_buf_free(&tb);
      continue;
    }
    if (en > VGI_MAX_VIDEO_SECONDS) {
      /* kept on its timeline (--keep-timing), one late cue would make hours of video */
      vgi_diag_add(d, VGI_ERROR, path, t_ln, 1, NULL, "a cue ends after %d hours, longer than a video vgrun makes",
                   VGI_MAX_VIDEO_SECONDS / 3600);
      vgi_buf_free(&tb);
      continue;
    }
    /* the cue's text follows its timing line */
    add_cue(&cues, &n, &cap, st, en, vgi_buf_take(&tb), t_ln + 1);
  }
  /* markup out, empty cues dropped */
  size_t k = 0;
  for (size_t j = 0; j < n; j++) {
    char *c = clean(cues[j].text, strlen(cues[j].text));
    free(cues[j].text);
    if (*c) {
      cues[k] = cues[j];
      cues[k++].text = c;
    } else {
      free(c);
    }
  }
  n = k;
  if (n) qsort(cues, n, sizeof *cues, cmp_cue);
  *count = n;
  return cues;
}

static char *humanize(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  char *t = vgi_strdup(base);
  char *dot = strrchr(t, '.');
  if (dot && dot != t) *dot = 0;
  for (char *p = t; *p; p++) if (*p == '_' || *p == '-') *p = ' ';
  return vgi_squash(t);
}

static cJSON *add_scene(cJSON *scenes, const char *type, cJSON *vc, const char *narration,
                        double min_d, const char *file, int line) {
  cJSON *s = cJSON_CreateObject();
  char id[32];
  snprintf(id, sizeof id, "scene_%02d", cJSON_GetArraySize(scenes) + 1);
  cJSON_AddStringToObject(s, "id", id);
  cJSON_AddStringToObject(s, "scene_type", type);
  cJSON_AddItemToObject(s, "visual_content", vc);
  if (narration) cJSON_AddStringToObject(s, "narration", narration);
  cJSON_AddStringToObject(s, "voice", "male");
  double mx = vgi_max_for(narration);
  if (min_d > 300) min_d = 300;
  if (mx < min_d) mx = min_d;
  cJSON_AddNumberToObject(s, "min_duration", round(min_d * 10) / 10);
  cJSON_AddNumberToObject(s, "max_duration", mx);
  cJSON *src = cJSON_AddObjectToObject(s, "source");
  cJSON_AddTrueToObject(s, VGI_MAXAUTO_KEY);
  cJSON_AddStringToObject(src, "file", file);
  cJSON_AddNumberToObject(src, "line", line);
  cJSON_AddItemToArray(scenes, s);
  return src;
}

/* Times in the model in milliseconds' precision: as a transcript writes them. */
static double ms(double t) { return round(t * 1000) / 1000; }

static void stamp(char *out, size_t n, double t) {
  long long s = (long long)t;   /* t < 1000 hours (parse_ts) */
  snprintf(out, n, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
}

/* Up to 4 key sentences, in order: the longest ones (by words, capped). */
static cJSON *key_sentences(const char *text) {
  int ns = 0;
  char **ss = vgi_sentences(text, &ns);
  cJSON *items = cJSON_CreateArray();
  int *pick = calloc((size_t)ns + 1, sizeof *pick);
  for (int k = 0; k < 4 && k < ns; k++) {
    int best = -1, bw = -1;
    for (int i = 0; i < ns; i++) {
      int w = vgi_word_count(ss[i]);
      if (w > 20) w = 20;
      if (!pick[i] && w > bw) { best = i; bw = w; }
    }
    if (best >= 0) pick[best] = 1;
  }
  for (int i = 0; i < ns; i++) {
    if (pick[i]) {
      char *b = vgi_bullet(ss[i]);
      cJSON_AddItemToArray(items, cJSON_CreateString(b));
      free(b);
    }
    free(ss[i]);
  }
  free(ss);
  free(pick);
  return items;
}

/* Where the scene that starts at cue i ends: at a pause, or when it would
 * span more than `secs` or say more than `words`. */
typedef struct { double pause, secs; int words; } grouping;

static size_t group_end(const cue *cues, size_t n, size_t i, grouping g) {
  size_t j = i;
  int words = 0;
  while (j < n) {
    if (j > i) {
      double gap = cues[j].start - cues[j - 1].end;
      if (gap >= g.pause || cues[j].end - cues[i].start > g.secs || words + vgi_word_count(cues[j].text) > g.words)
        break;
    }
    words += vgi_word_count(cues[j].text);
    j++;
  }
  return j;
}

/* The grouping that makes at most `room` scenes: the usual one, else one
 * whose scenes are longer by the same factor (a talk of an hour is still one
 * video, its slides changing about every minute instead of every 30 s). */
static grouping grouping_for(const cue *cues, size_t n, long room) {
  grouping g = { PAUSE_SECONDS, SCENE_SECONDS, SCENE_WORDS };
  for (int tries = 0; tries < 40 && !vgi_cancelled(); tries++) {
    long count = 0;
    for (size_t i = 0; i < n && count <= room; i = group_end(cues, n, i, g)) count++;
    if (count <= room) break;
    double f = (double)count / (double)(room > 0 ? room : 1) * 1.05;
    if (f < 1.1) f = 1.1;
    g.pause *= f;
    g.secs *= f;
    g.words = (int)(g.words * f) + 1;
  }
  return g;
}

cJSON *vgi_subtitle_load(const char *text_in, size_t len, const char *path, const char *format,
                         long max_scenes, vgi_diags *d) {
  int vtt = !strcmp(format, "vtt");
  char *text = malloc(len + 1);
  if (!text) abort();
  memcpy(text, text_in, len);
  text[len] = 0;
  int errors = d ? d->errors : 0;
  size_t n = 0;
  cue *cues = parse_cues(text, path, vtt, &n, d);
  free(text);
  if (d && d->errors > errors && !n) {
    free(cues);
    return NULL;
  }
  if (!n) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "no subtitle cues found (is this %s file?)",
                 !strcmp(format, "vtt") ? "a WebVTT" : "an SRT");
    free(cues);
    return NULL;
  }

  cJSON *model = cJSON_CreateObject();
  cJSON *videos = cJSON_AddArrayToObject(model, "videos");
  cJSON *v = cJSON_CreateObject();
  cJSON_AddItemToArray(videos, v);
  char *title = humanize(path);
  char *id = vgi_strdup(title);
  for (char *p = id; *p; p++) *p = *p == ' ' ? '_' : (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
  cJSON_AddStringToObject(v, "id", id);
  cJSON_AddStringToObject(v, "title", title);
  cJSON_AddStringToObject(v, "voice", "male");
  cJSON_AddTrueToObject(v, VGI_VOICE_AUTO_KEY);   /* the language pass picks the voice */
  /* the language of the cues: the headers and the outro are said in it */
  vgi_buf all = {0};
  for (size_t k = 0; k < n && all.n < 200000; k++) { vgi_buf_puts(&all, cues[k].text); vgi_buf_puts(&all, "\n"); }
  char lang[8];
  snprintf(lang, sizeof lang, "%s", vgi_detect_language(all.s ? all.s : ""));
  vgi_buf_free(&all);
  cJSON_AddStringToObject(v, "language", lang);
  cJSON_AddStringToObject(v, "accent_color", "blue");
  cJSON_AddStringToObject(v, "theme", "light");
  cJSON *src = cJSON_AddObjectToObject(v, "source");
  cJSON_AddStringToObject(src, "file", path);
  cJSON_AddNumberToObject(src, "line", 1);
  cJSON *scenes = cJSON_AddArrayToObject(v, "scenes");

  cJSON *tvc = cJSON_CreateObject();
  cJSON_AddStringToObject(tvc, "title", title);
  cJSON_AddStringToObject(tvc, "subtitle", vgi_phrase(lang, "transcript"));
  add_scene(scenes, "title", tvc, NULL, 3.0, path, 1);

  size_t i = 0;
  int part = 0;
  /* the title and the outro are scenes too */
  grouping g = grouping_for(cues, n, max_scenes - 2);
  while (i < n && !vgi_cancelled()) {
    size_t j = group_end(cues, n, i, g);
    vgi_buf b = {0};
    for (size_t k = i; k < j; k++) {
      if (b.n) vgi_buf_puts(&b, " ");
      vgi_buf_puts(&b, cues[k].text);
    }
    part++;
    cJSON *vc = cJSON_CreateObject();
    char hdr[64], a[32], e[32];
    stamp(a, sizeof a, cues[i].start);
    stamp(e, sizeof e, cues[j - 1].end);
    snprintf(hdr, sizeof hdr, "%d", part);
    vgi_buf hb = {0};
    const char *pa[1] = { hdr };
    vgi_phrase_put(&hb, lang, "part_n", pa, 1);
    cJSON_AddStringToObject(vc, "header", hb.s ? hb.s : hdr);
    vgi_buf_free(&hb);
    char desc[80];
    snprintf(desc, sizeof desc, "%s \xE2\x80\x93 %s", a, e);
    cJSON_AddStringToObject(vc, "description", desc);
    cJSON_AddItemToObject(vc, "items", key_sentences(b.s));
    /* the scene lasts as long as its cues did (at least 3 s) */
    double span = cues[j - 1].end - cues[i].start;
    cJSON *src = add_scene(scenes, "list", vc, b.s, span > 3 ? span : 3, path, cues[i].line);
    double last = cues[i].end;
    for (size_t k = i; k < j; k++) if (cues[k].end > last) last = cues[k].end;
    cJSON_AddNumberToObject(src, "start", ms(cues[i].start));
    cJSON_AddNumberToObject(src, "end", ms(last));
    cJSON *cl = cJSON_AddArrayToObject(src, "cues");
    for (size_t k = i; k < j; k++) {
      cJSON *c = cJSON_CreateObject();
      cJSON_AddNumberToObject(c, "start", ms(cues[k].start));
      cJSON_AddNumberToObject(c, "end", ms(cues[k].end));
      cJSON_AddStringToObject(c, "text", cues[k].text);
      cJSON_AddItemToArray(cl, c);
    }
    vgi_buf_free(&b);
    i = j;
  }
  cJSON *ovc = cJSON_CreateObject();
  const char *thanks = vgi_phrase(lang, "thanks");   /* "": the title alone (markdown.c's end_video) */
  cJSON_AddStringToObject(ovc, "main_text", *thanks ? thanks : title);
  if (*thanks) cJSON_AddStringToObject(ovc, "sub_text", title);
  add_scene(scenes, "outro", ovc, NULL, 3.0, path, cues[n - 1].line);
  for (size_t k = 0; k < n; k++) free(cues[k].text);
  free(cues);
  free(title);
  free(id);
  return model;
}
