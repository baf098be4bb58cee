/* tts.h: narration audio on espeak-ng, shared by the tts.synth stage, the
 * vg.tts Lua module, `vgrun say` and the tests/benchmark.
 * espeak-ng keeps process-global state, so every espeak call happens on one
 * worker thread owned by this part; callers build a job, submit it and are
 * told (on a thread of this part) when it is done. Nothing here touches Lua. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <cjson/cJSON.h>

typedef struct vg_cache vg_cache;   /* engine/core/vg.h */

/* Bumped whenever the cached clip (WAV + timings JSON) changes shape or the
 * timing rules change: old entries are then simply not found. */
#define TTS_FORMAT_VERSION 5   /* 3: an identifier's underscores are said as spaces; 4: Tajik's ҳ ҷ ӣ ӯ as х ч и у; 5: words of scripts without spaces cut at word boundaries */
#define TTS_RATE_MIN 80
#define TTS_RATE_MAX 450
#define TTS_PITCH_MIN 0
#define TTS_PITCH_MAX 100
/* Error buffers: an unknown-voice message lists every voice name. */
#define TTS_ERR_MAX 4096

/* ---- setup ---------------------------------------------------------------- */

/* Forks the speech helper now (tts_helper.c): call it first thing in main,
 * before any thread starts, so the process that forks the speaking children
 * never had threads. Without it the helper is forked on first use. 0, or
 * -1 (errno). */
int tts_prefork(void);
/* The helper's pid, or -1 when there is none (tests). */
int tts_helper_pid(void);

/* Any thread: starts the worker and initialises espeak-ng once (idempotent).
 * 0, or -1 with a message in err. */
int tts_init(char *err, size_t errlen);
/* Any thread, without waiting: starts the worker as tts_init does, and has
 * the speech helper ready speaking children of voice (NULL: "male") while
 * the caller does other work. A later voice replaces them when asked for. */
void tts_warm(const char *voice);
/* After tts_init: espeak-ng's version ("1.51") and native sample rate. */
const char *tts_espeak_version(void);
int tts_sample_rate(void);
/* Syntheses actually run by espeak-ng, and cache hits, since start (tests). */
uint64_t tts_synth_count(void);
uint64_t tts_cache_hit_count(void);

/* ---- voices ----------------------------------------------------------------
 * A voice is one of the named voices (male, male_warm, female,
 * female_friendly) or an espeak-ng language code / voice identifier with an
 * optional "+variant" ("en-gb", "es", "gmw/en-US+f3"). Descriptive names such
 * as "Klingon" are not accepted: only codes, so typos fail loudly. */
typedef struct tts_voice_info {
  const char *name;         /* what users pass: "male", "en-us", "es" */
  const char *description;  /* "English (America)", or the named voice's blurb */
  const char *identifier;   /* espeak-ng voice spec: "gmw/en-US+m3" */
  const char *language;     /* primary language code */
  const char *gender;       /* "male", "female" or "" */
  int named;                /* 1 for the four named voices */
  int rate, pitch, range;   /* defaults (named voices), else 0 / -1 */
} tts_voice_info;

/* After tts_init; the list never changes afterwards (any thread). */
size_t tts_voice_count(void);
const tts_voice_info *tts_voice_at(size_t i);
/* Variant names ("m3", "f2", "Annie") usable after "+" (any thread). */
size_t tts_variant_count(void);
const char *tts_variant_at(size_t i);

/* A voice resolved to what espeak-ng is given. */
typedef struct tts_voice {
  char name[64];     /* as asked */
  char spec[160];    /* espeak-ng voice spec: identifier[+variant] */
  char language[32];
  int rate, pitch, range;  /* effective values after options */
} tts_voice;

/* Any thread after tts_init. name NULL or "" = "male". rate 0 and pitch -1
 * mean the voice's default. 0, or -1 with a message listing the voices. */
int tts_resolve_voice(const char *name, int rate, int pitch, tts_voice *out,
                      char *err, size_t errlen);
/* Comma-separated voice names for messages (named first); static storage. */
const char *tts_voice_names(void);

/* ---- clips ---------------------------------------------------------------- */

typedef struct tts_word { char *word; double start, end; } tts_word;
typedef struct tts_sentence { char *text; double start, end; } tts_sentence;
typedef struct tts_mark { char *name; double time; } tts_mark;

typedef struct tts_clip {
  int sample_rate;
  size_t nsamples;
  double duration;        /* nsamples / sample_rate: measured, not estimated */
  tts_word *words; size_t nwords;
  tts_sentence *sentences; size_t nsentences;
  tts_mark *marks; size_t nmarks;
  char key[65];           /* cache key */
  char path[4096];        /* the WAV in the artifact cache */
  char voice[64];
  int cached;             /* 1: found in the cache, no synthesis ran */
} tts_clip;

/* Timings as JSON: {"duration","sample_rate","words":[{"word","start","end"}],
 * "sentences":[{"text","start","end"}],"marks":[{"name","time"}]}; with_path
 * adds "path", "cached", "voice". Caller frees. */
cJSON *tts_clip_to_json(const tts_clip *c, int with_path);
/* Fills c from such JSON (the cache sidecar). 0 or -1. */
int tts_clip_from_json(tts_clip *c, const cJSON *j);
void tts_clip_clear(tts_clip *c);

/* ---- jobs ----------------------------------------------------------------- */

typedef struct tts_options {
  const char *voice;   /* NULL = "male" */
  int rate;            /* words per minute, 0 = voice default */
  int pitch;           /* 0..100, -1 = voice default */
  int ssml;            /* 1 = the text is SSML, filtered to the safe subset
                          (tts_ssml_filter); anything else = plain text, even
                          when it looks like SSML (the default) */
  int keep_samples;    /* keep PCM in memory after a synthesis (tts_job_samples) */
  vg_cache *cache;     /* where clips are looked up and kept: the job holds a
                          reference from tts_job_new on; NULL: no cache
                          folder at all (the WAV goes to the scratch folder) */
  const char *const *passages;   /* plain text in a voice not English: sentences
                                    of it said in an English voice (a scene's
                                    `passages`); read by tts_job_new only */
  size_t npassages;
} tts_options;
#define TTS_OPTIONS_DEFAULT { NULL, 0, -1, 0, 0, NULL, NULL, 0 }

typedef struct tts_job tts_job;
typedef void (*tts_done_fn)(tts_job *job, void *ud);

/* Any thread. Checks everything that can be checked before any work: UTF-8
 * (the message names the byte offset), the voice, rate and pitch. Copies
 * text. NULL with a message in err when the request is invalid. */
tts_job *tts_job_new(const char *text, size_t len, const tts_options *o,
                     char *err, size_t errlen);
/* Any thread: queues the job; done(job, ud) is called on a thread of this part,
 * in the order jobs were queued,
 * when it finished, failed or was cancelled. done must not free the job:
 * free it after tts_job_wait (which returns once done has returned). */
void tts_job_submit(tts_job *j, tts_done_fn done, void *ud);
/* The same for n jobs at once, in order (uds[i] for jobs[i]; uds may be
 * NULL): every lane starts at once. */
void tts_job_submit_all(tts_job *const *jobs, void *const *uds, size_t n, tts_done_fn done);
/* Before submit: started(job, ud) runs on the worker just before the job's
 * work (cache lookup or synthesis); it may call tts_job_cancel. */
void tts_job_on_start(tts_job *j, tts_done_fn started);
/* Any thread: waits until a submitted job is over and its done callback
 * returned. 0 on success, -1 (tts_job_error). */
int tts_job_wait(tts_job *j);
/* Any thread: submits and waits. 0 on success, -1 (see tts_job_error). */
int tts_job_run(tts_job *j);
/* Any thread: asks a queued or running job to stop; it still completes
 * (with the error "cancelled"). */
void tts_job_cancel(tts_job *j);
/* After completion: NULL on success, else the error message. */
const char *tts_job_error(const tts_job *j);
/* After completion: NULL, or what a crash of espeak-ng cost (the sentences
 * spoken with their symbols left out or left silent). */
const char *tts_job_warning(const tts_job *j);
const tts_clip *tts_job_clip(const tts_job *j);
/* After completion with keep_samples and no cache hit: the PCM, else NULL. */
const int16_t *tts_job_samples(const tts_job *j, size_t *n);
const char *tts_job_key(const tts_job *j);
void tts_job_free(tts_job *j);

/* ---- WAV ------------------------------------------------------------------ */

/* 16-bit PCM mono WAV in memory (caller frees *out). 0 or -1. */
int tts_wav_encode(const int16_t *s, size_t n, int rate, unsigned char **out, size_t *outlen);
/* Reads the header of a 16-bit PCM WAV: sample rate, channels, frames. 0 or -1. */
int tts_wav_probe(const char *path, int *rate, int *channels, size_t *frames);
/* Copies a file (the cached WAV) to dest atomically. 0 or -1/errno. */
int tts_copy_file(const char *src, const char *dest);

/* ---- what espeak-ng reads (tts_ssml.c) --------------------------------------
 * Every text a job speaks goes through one of these; espeak-ng never sees a
 * caller's text as it was. Both want valid UTF-8 (tts_utf8_invalid_at) and
 * return a malloc'd NUL-terminated string of *outlen bytes (caller frees).
 * Any thread. */
/* Plain text: control characters (espeak-ng's embedded commands) become
 * spaces. NULL only when out of memory. */
char *tts_plain_text(const char *text, size_t len, size_t *outlen);
/* SSML: parsed and written out in the safe subset of docs/tts.md (entities
 * decoded and re-escaped, values checked and normalised). Anything outside
 * it (<audio>, <phoneme>, xml:base, an unknown element or attribute, bad
 * XML) is refused: NULL with "SSML line L, column C: why" in err. */
char *tts_ssml_filter(const char *text, size_t len, size_t *outlen, char *err, size_t errlen);

/* Checks UTF-8; returns -1 if valid, else the offset of the first bad byte
 * (a NUL byte counts as bad). */
long tts_utf8_invalid_at(const char *s, size_t len);
