/* tts_clip.c: the clip's pieces that need no espeak-ng: timings to and from
 * JSON (the cache sidecar, `vgrun say --timings`), the 16-bit PCM WAV writer,
 * UTF-8 checking and file copies. Any thread. */
#include "tts_private.h"
#include "vg.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

cJSON *tts_clip_to_json(const tts_clip *c, int with_path) {
  cJSON *o = cJSON_CreateObject();
  if (!o) return NULL;
  cJSON_AddNumberToObject(o, "duration", c->duration);
  cJSON_AddNumberToObject(o, "sample_rate", c->sample_rate);
  cJSON *words = cJSON_AddArrayToObject(o, "words");
  for (size_t i = 0; i < c->nwords; i++) {
    cJSON *w = cJSON_CreateObject();
    cJSON_AddStringToObject(w, "word", c->words[i].word);
    cJSON_AddNumberToObject(w, "start", c->words[i].start);
    cJSON_AddNumberToObject(w, "end", c->words[i].end);
    cJSON_AddItemToArray(words, w);
  }
  cJSON *sentences = cJSON_AddArrayToObject(o, "sentences");
  for (size_t i = 0; i < c->nsentences; i++) {
    cJSON *s = cJSON_CreateObject();
    cJSON_AddStringToObject(s, "text", c->sentences[i].text);
    cJSON_AddNumberToObject(s, "start", c->sentences[i].start);
    cJSON_AddNumberToObject(s, "end", c->sentences[i].end);
    cJSON_AddItemToArray(sentences, s);
  }
  cJSON *marks = cJSON_AddArrayToObject(o, "marks");
  for (size_t i = 0; i < c->nmarks; i++) {
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "name", c->marks[i].name);
    cJSON_AddNumberToObject(m, "time", c->marks[i].time);
    cJSON_AddItemToArray(marks, m);
  }
  if (with_path) {
    cJSON_AddStringToObject(o, "path", c->path);
    cJSON_AddBoolToObject(o, "cached", c->cached);
    cJSON_AddStringToObject(o, "voice", c->voice);
  }
  return o;
}

int tts_clip_from_json(tts_clip *c, const cJSON *j) {
  if (!cJSON_IsObject(j) || vg_json_num(j, "format", 0) != TTS_FORMAT_VERSION) return -1;
  c->duration = vg_json_num(j, "duration", -1);
  c->sample_rate = vg_json_int(j, "sample_rate", 0);
  c->nsamples = (size_t)vg_json_num(j, "samples", 0);
  if (c->duration < 0 || c->sample_rate <= 0) return -1;
  const cJSON *words = cJSON_GetObjectItemCaseSensitive(j, "words");
  const cJSON *sentences = cJSON_GetObjectItemCaseSensitive(j, "sentences");
  const cJSON *marks = cJSON_GetObjectItemCaseSensitive(j, "marks");
  if (!cJSON_IsArray(words) || !cJSON_IsArray(sentences) || !cJSON_IsArray(marks)) return -1;
  size_t nw = (size_t)cJSON_GetArraySize(words), ns = (size_t)cJSON_GetArraySize(sentences);
  size_t nm = (size_t)cJSON_GetArraySize(marks);
  c->words = calloc(nw + 1, sizeof *c->words);
  c->sentences = calloc(ns + 1, sizeof *c->sentences);
  c->marks = calloc(nm + 1, sizeof *c->marks);
  if (!c->words || !c->sentences || !c->marks) return -1;
  const cJSON *it;
  cJSON_ArrayForEach(it, words)
    c->words[c->nwords++] = (tts_word){ vg_strdup(vg_json_str(it, "word", "")), vg_json_num(it, "start", 0), vg_json_num(it, "end", 0) };
  cJSON_ArrayForEach(it, sentences)
    c->sentences[c->nsentences++] =
      (tts_sentence){ vg_strdup(vg_json_str(it, "text", "")), vg_json_num(it, "start", 0), vg_json_num(it, "end", 0) };
  cJSON_ArrayForEach(it, marks)
    c->marks[c->nmarks++] = (tts_mark){ vg_strdup(vg_json_str(it, "name", "")), vg_json_num(it, "time", 0) };
  return 0;
}

void tts_clip_clear(tts_clip *c) {
  for (size_t i = 0; i < c->nwords; i++) free(c->words[i].word);
  for (size_t i = 0; i < c->nsentences; i++) free(c->sentences[i].text);
  for (size_t i = 0; i < c->nmarks; i++) free(c->marks[i].name);
  free(c->words); free(c->sentences); free(c->marks);
  c->words = NULL; c->sentences = NULL; c->marks = NULL;
  c->nwords = c->nsentences = c->nmarks = 0;
}

/* ---- WAV ------------------------------------------------------------------ */

static void put16(unsigned char *p, unsigned v) { p[0] = v & 0xff; p[1] = (v >> 8) & 0xff; }
static void put32(unsigned char *p, unsigned long v) {
  p[0] = v & 0xff; p[1] = (v >> 8) & 0xff; p[2] = (v >> 16) & 0xff; p[3] = (v >> 24) & 0xff;
}
static unsigned long get32(const unsigned char *p) {
  return p[0] | (unsigned long)p[1] << 8 | (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}

int tts_wav_encode(const int16_t *s, size_t n, int rate, unsigned char **out, size_t *outlen) {
  size_t data = n * 2;
  if (data > 0xffffffffu - 36) return -1;
  unsigned char *b = malloc(44 + data);
  if (!b) return -1;
  memcpy(b, "RIFF", 4); put32(b + 4, 36 + data); memcpy(b + 8, "WAVE", 4);
  memcpy(b + 12, "fmt ", 4); put32(b + 16, 16);
  put16(b + 20, 1);               /* PCM */
  put16(b + 22, 1);               /* mono */
  put32(b + 24, (unsigned long)rate);
  put32(b + 28, (unsigned long)rate * 2);
  put16(b + 32, 2);               /* block align */
  put16(b + 34, 16);
  memcpy(b + 36, "data", 4); put32(b + 40, data);
  for (size_t i = 0; i < n; i++) put16(b + 44 + 2 * i, (unsigned)(uint16_t)s[i]);  /* LE */
  *out = b;
  *outlen = 44 + data;
  return 0;
}

int tts_wav_probe(const char *path, int *rate, int *channels, size_t *frames) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  unsigned char h[12], ch[8], fmt[16];
  int rc = -1, got_fmt = 0;
  if (fread(h, 1, 12, f) != 12 || memcmp(h, "RIFF", 4) || memcmp(h + 8, "WAVE", 4)) goto out;
  while (fread(ch, 1, 8, f) == 8) {
    unsigned long len = get32(ch + 4);
    if (!memcmp(ch, "fmt ", 4) && len >= 16) {
      if (fread(fmt, 1, 16, f) != 16) goto out;
      if (fmt[0] != 1 || fmt[1] != 0 || fmt[14] != 16) goto out;  /* 16-bit PCM only */
      *channels = fmt[2] | fmt[3] << 8;
      *rate = (int)get32(fmt + 4);
      got_fmt = 1;
      if (fseek(f, (long)(len - 16 + (len & 1)), SEEK_CUR) != 0) goto out;
    } else if (!memcmp(ch, "data", 4)) {
      if (!got_fmt || *channels <= 0) goto out;
      *frames = len / (2u * (unsigned)*channels);
      rc = 0;
      goto out;
    } else if (fseek(f, (long)(len + (len & 1)), SEEK_CUR) != 0) goto out;
  }
out:
  fclose(f);
  return rc;
}

int tts_copy_file(const char *src, const char *dest) {
  FILE *f = fopen(src, "rb");
  if (!f) return -1;
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    if (n == cap) {
      cap = cap ? cap * 2 : 1 << 16;
      char *b = realloc(buf, cap);
      if (!b) { free(buf); fclose(f); errno = ENOMEM; return -1; }
      buf = b;
    }
    size_t r = fread(buf + n, 1, cap - n, f);
    if (r == 0) break;
    n += r;
  }
  int err = ferror(f);
  fclose(f);
  if (err) { free(buf); errno = EIO; return -1; }
  int rc = vg_write_file_atomic(dest, buf, n);
  free(buf);
  return rc;
}

/* ---- UTF-8 -------------------------------------------------------------------- */

long tts_utf8_invalid_at(const char *str, size_t len) {
  /* espeak-ng reads C strings: a NUL inside the text would cut it */
  const char *nul = memchr(str, '\0', len);
  long bad = vg_utf8_invalid_at(str, nul ? (size_t)(nul - str) : len);
  return bad >= 0 ? bad : nul ? (long)(nul - str) : -1;
}
