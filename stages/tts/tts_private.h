/* tts_private.h: what the files of stages/tts share and nobody else sees. */
#pragma once

#include "tts.h"

#include <sys/types.h>

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
/* Letters no espeak-ng voice says (Tajik's ҳ ҷ ӣ ӯ) as the nearest ones it
 * says, in place, byte for byte; voice: the espeak-ng voice spoken in. */
void tts_speech_letters(char *s, size_t n, const char *voice);

/* ---- Japanese readings (tts_reading.c) ----------------------------------- */

/* What espeak-ng says for a text: its characters, and for each one the
 * span of characters of the text it stands for (0-based, inclusive). */
typedef struct tts_reading {
  char *text;
  size_t len;
  int *start, *end;
  size_t chars;        /* characters of this text (the reading) */
  size_t text_chars;   /* characters of the text it is said for */
  int ssml;            /* 1: text is SSML (Latin words in an English voice) */
} tts_reading;

/* For a Japanese voice (language "ja...") and a text with kanji or Latin
 * letters: 1 and the words said by their readings in *out, Latin words in
 * an English voice (then out->ssml); 0 when the text is said as written
 * (another language, neither kanji nor Latin letters, or kanji without the
 * MeCab dictionary); -1 out of memory. */
int tts_reading_make(const char *language, const char *text, size_t len, tts_reading *out);
/* For a Mandarin voice (language "cmn..." or "zh..."; spec, its espeak-ng
 * spec, gives the variant) and a text with hanzi or Latin letters: 1 and
 * the text as SSML in *out, hanzi in the pinyin voice, Latin words in
 * English; 0 when said as written; -1 out of memory. */
int tts_reading_mandarin(const char *language, const char *spec, const char *text, size_t len,
                         tts_reading *out);
/* For a voice of a language other than English (spec gives the variant)
 * and passages (English sentences of the text, from a scene's `passages`):
 * 1 and the text as SSML in *out, each occurrence of a passage in an
 * English voice; 0 when none occurs; -1 out of memory. */
int tts_reading_passages(const char *language, const char *spec, const char *text, size_t len,
                         const char *const *passages, size_t npassages, tts_reading *out);
/* Moves espeak-ng's events from the reading back onto the text. */
void tts_reading_remap(const tts_reading *r, raw_event *ev, size_t nev);
void tts_reading_free(tts_reading *r);

/* ---- speaking children (tts_helper.c, tts_synth.c) ---------------------- */

/* The exit status of a speaking child whose espeak-ng did not initialise. */
#define TTS_EXIT_NO_ESPEAK 4

/* One utterance as the speech helper gets it. */
typedef struct tts_speak_req {
  const char *text;
  size_t len;
  const char *spec;        /* espeak-ng voice spec */
  int rate, pitch, range, ssml;
  int level;               /* tts_speech_normalize level */
  int crash_child;         /* tests: VGRUN_TTS_CRASH_CHILD of the engine's process */
  const char *crash_on;    /* tests: VGRUN_TTS_CRASH_ON, or NULL/"" */
  const char *loaded;      /* in a spare: the voice it loaded ahead, or NULL */
  int loaded_rc;           /* espeak_SetVoiceByName's result for it */
} tts_speak_req;

/* In a speaking child (tts_synth.c): speaks r and writes the samples and
 * events to fd; never returns. */
void tts__speak(const tts_speak_req *r, int fd) __attribute__((noreturn));
/* In the helper: initialises espeak-ng once (inherited when the helper was
 * forked after the worker's init). 0, or -1. */
int tts__espeak_ready(void);
/* In a spare, ahead of its request: loads the voice spec names (what the
 * speaking child does first). espeak_SetVoiceByName's result. */
int tts__load_voice(const char *spec);
/* execve and execveat fail with EPERM from now on (seccomp; best effort). */
void tts__forbid_exec(void);

/* The TTS worker thread: asks the helper to speak r into fd (the write end
 * of a pipe; the caller closes its own copy after). The child's pid, or -1
 * with a message in err. */
pid_t tts__helper_speak(const tts_speak_req *r, int fd, char *err, size_t errlen);
/* The TTS worker thread: the wait status of a child tts__helper_speak
 * started, once it ended. 0, or -1 when the helper is gone. */
int tts__helper_wait(pid_t pid, int *status);
/* The TTS worker thread, after its own init: the helper forks a spare per
 * lane now (as many as speak at once), each of which initialises espeak-ng
 * while the engine does other things. */
void tts__helper_warm(int lanes, const char *spec);
