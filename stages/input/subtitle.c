/* subtitle.c: transcripts (.srt, .vtt) through libavformat's subtitle
 * demuxers. Cues are grouped into scenes at pauses and by length; a scene's
 * narration is its transcript text, its bullets the key sentences. */
#include "input_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libavformat/avformat.h>
#include <libavutil/error.h>

#define PAUSE_SECONDS 2.0    /* a gap this long starts a new scene */
#define SCENE_SECONDS 30.0   /* a scene spans at most about this */
#define SCENE_WORDS 80

typedef struct cue { double start, end; char *text; int line; } cue;

/* Lines of the cue timings ("00:01:02,500 --> ..."), to give scenes a source
 * line: libavformat does not say where a cue was in the file. */
typedef struct timing { double start; int line; } timing;

static double parse_stamp(const char *s) {
  int h = 0, m = 0, sec = 0, ms = 0;
  if (sscanf(s, "%d:%d:%d%*[,.]%d", &h, &m, &sec, &ms) == 4) return h * 3600.0 + m * 60 + sec + ms / 1000.0;
  if (sscanf(s, "%d:%d%*[,.]%d", &m, &sec, &ms) == 3) return m * 60.0 + sec + ms / 1000.0;
  return -1;
}

static timing *scan_timings(const char *path, size_t *count) {
  FILE *f = fopen(path, "r");
  timing *t = NULL;
  size_t n = 0;
  char line[1024];
  int ln = 0;
  while (f && fgets(line, sizeof line, f)) {
    ln++;
    if (!strstr(line, "-->")) continue;
    const char *p = line;
    while (*p == ' ' || *p == '\t') p++;
    double st = parse_stamp(p);
    if (st < 0) continue;
    t = realloc(t, (n + 1) * sizeof *t);
    t[n].start = st;
    t[n].line = ln + 1;   /* the cue's text follows its timing line */
    n++;
  }
  if (f) fclose(f);
  *count = n;
  return t;
}

static int line_of(const timing *t, size_t n, double start) {
  int best = 0;
  double bd = 0.5;
  for (size_t i = 0; i < n; i++) {
    double dd = t[i].start > start ? t[i].start - start : start - t[i].start;
    if (dd < bd) { bd = dd; best = t[i].line; }
  }
  return best;
}

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

static char *humanize(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  char *t = vgi_strdup(base);
  char *dot = strrchr(t, '.');
  if (dot && dot != t) *dot = 0;
  for (char *p = t; *p; p++) if (*p == '_' || *p == '-') *p = ' ';
  return vgi_squash(t);
}

static void add_scene(cJSON *scenes, const char *type, cJSON *vc, const char *narration,
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
}

static void stamp(char *out, size_t n, double t) {
  int s = (int)t;
  snprintf(out, n, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
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

cJSON *vgi_subtitle_load(const char *path, const char *format, vgi_diags *d) {
  const char *demux = !strcmp(format, "vtt") ? "webvtt" : "srt";
  const AVInputFormat *ifmt = av_find_input_format(demux);
  if (!ifmt) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "this FFmpeg has no %s demuxer", demux);
    return NULL;
  }
  AVFormatContext *fc = NULL;
  int rc = avformat_open_input(&fc, path, ifmt, NULL);
  if (rc < 0) {
    char e[AV_ERROR_MAX_STRING_SIZE];
    av_strerror(rc, e, sizeof e);
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot read as %s: %s",
                 !strcmp(format, "vtt") ? "WebVTT" : "SRT", e);
    return NULL;
  }
  cue *cues = NULL;
  size_t n = 0;
  int backwards = 0;
  double backwards_at = 0;
  AVPacket *pkt = av_packet_alloc();
  while (av_read_frame(fc, pkt) >= 0) {
    AVStream *st = fc->streams[pkt->stream_index];
    double tb = av_q2d(st->time_base);
    if (pkt->size > 0 && pkt->pts != AV_NOPTS_VALUE) {
      char *t = clean((const char *)pkt->data, (size_t)pkt->size);
      if (*t) {
        cues = realloc(cues, (n + 1) * sizeof *cues);
        cues[n].start = pkt->pts * tb;
        cues[n].end = (pkt->pts + (pkt->duration > 0 ? pkt->duration : 0)) * tb;
        if (pkt->duration < 0 && !backwards) { backwards = 1; backwards_at = cues[n].start; }
        cues[n].text = t;
        n++;
      } else {
        free(t);
      }
    }
    av_packet_unref(pkt);
  }
  av_packet_free(&pkt);
  avformat_close_input(&fc);
  size_t nt = 0;
  timing *tm = scan_timings(path, &nt);
  for (size_t k = 0; k < n; k++) cues[k].line = line_of(tm, nt, cues[k].start);
  int backwards_line = backwards ? line_of(tm, nt, backwards_at) : 0;
  free(tm);
  if (backwards) {
    vgi_diag_add(d, VGI_ERROR, path, backwards_line, 1, NULL, "a cue ends before it starts");
    for (size_t k = 0; k < n; k++) free(cues[k].text);
    free(cues);
    return NULL;
  }
  if (!n) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "no subtitle cues found (is this %s file?)",
                 !strcmp(format, "vtt") ? "a WebVTT" : "an SRT");
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
  cJSON_AddStringToObject(v, "accent_color", "blue");
  cJSON_AddStringToObject(v, "theme", "light");
  cJSON *src = cJSON_AddObjectToObject(v, "source");
  cJSON_AddStringToObject(src, "file", path);
  cJSON_AddNumberToObject(src, "line", 1);
  cJSON *scenes = cJSON_AddArrayToObject(v, "scenes");

  cJSON *tvc = cJSON_CreateObject();
  cJSON_AddStringToObject(tvc, "title", title);
  cJSON_AddStringToObject(tvc, "subtitle", "Transcript");
  add_scene(scenes, "title", tvc, NULL, 3.0, path, 1);

  size_t i = 0;
  int part = 0;
  while (i < n) {
    size_t j = i;
    vgi_buf b = {0};
    int words = 0;
    while (j < n) {
      if (j > i) {
        double gap = cues[j].start - cues[j - 1].end;
        if (gap >= PAUSE_SECONDS || cues[j].end - cues[i].start > SCENE_SECONDS ||
            words + vgi_word_count(cues[j].text) > SCENE_WORDS)
          break;
      }
      if (b.n) vgi_buf_puts(&b, " ");
      vgi_buf_puts(&b, cues[j].text);
      words += vgi_word_count(cues[j].text);
      j++;
    }
    part++;
    cJSON *vc = cJSON_CreateObject();
    char hdr[64], a[32], e[32];
    stamp(a, sizeof a, cues[i].start);
    stamp(e, sizeof e, cues[j - 1].end);
    snprintf(hdr, sizeof hdr, "Part %d", part);
    cJSON_AddStringToObject(vc, "header", hdr);
    char desc[80];
    snprintf(desc, sizeof desc, "%s \xE2\x80\x93 %s", a, e);
    cJSON_AddStringToObject(vc, "description", desc);
    cJSON_AddItemToObject(vc, "items", key_sentences(b.s));
    /* the scene lasts as long as its cues did (at least 3 s) */
    double span = cues[j - 1].end - cues[i].start;
    add_scene(scenes, "list", vc, b.s, span > 3 ? span : 3, path, cues[i].line);
    vgi_buf_free(&b);
    i = j;
  }
  cJSON *ovc = cJSON_CreateObject();
  cJSON_AddStringToObject(ovc, "main_text", "Thanks for Watching");
  cJSON_AddStringToObject(ovc, "sub_text", title);
  add_scene(scenes, "outro", ovc, NULL, 3.0, path, cues[n - 1].line);
  for (size_t k = 0; k < n; k++) free(cues[k].text);
  free(cues);
  free(title);
  free(id);
  return model;
}
