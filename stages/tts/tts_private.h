/* tts_private.h: what the files of stages/tts share and nobody else sees. */
#pragma once

#include "tts.h"

/* Worker thread only, during init: builds the voice table from espeak-ng. */
void tts_voices_build(void);

/* One espeak-ng event as the worker recorded it. */
enum { TTS_EV_WORD = 1, TTS_EV_SENTENCE, TTS_EV_MARK, TTS_EV_END };
typedef struct raw_event {
  int type;        /* TTS_EV_* */
  int pos, len;    /* in characters of the input; pos is 1-based */
  size_t sample;   /* samples from the start of the clip */
  char *name;      /* mark name (owned; taken by tts_align) */
} raw_event;

/* Turns the events of one synthesis into the clip's words, sentences and
 * marks (tts_timing.c). Pure: no espeak call, so tests feed it events. */
void tts_align(const char *text, size_t len, int ssml, raw_event *ev, size_t nev,
               size_t nsamples, int rate, tts_clip *out);
/* Seconds, rounded to 10 us (exact through JSON, and short). */
double tts_seconds(size_t samples, int rate);

/* Text for espeak-ng, in place (tts_voice.c): level 1 reads an apostrophe
 * that is not inside a Latin-script word as a space (one that libespeak-ng
 * 1.51 crashes on after Hangul); level 2, for a retry after a crash, also
 * every symbol, quote and bracket. One character becomes one space, so
 * character positions are kept. Returns the new length in bytes. */
size_t tts_speech_normalize(char *s, size_t n, int level);
