/* bench_tts: synthesizes 1,500 words of narration on the espeak-ng worker and
 * prints wall time, audio length and the real-time factor (wall / audio).
 * Uses a private cache directory so every run really synthesizes.
 *   bench_tts [words=1500] [voice=male] [chunks=10] */
#include "tts.h"
#include "vg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static const char *lorem[] = {
  "the", "narrator", "explains", "how", "a", "document", "becomes", "a", "short", "video",
  "with", "clear", "slides", "and", "spoken", "words", "every", "scene", "has", "its",
  "own", "timing", "so", "captions", "follow", "the", "voice", "closely", "while", "diagrams",
  "appear", "when", "they", "are", "mentioned", "in", "the", "text", "of", "each", "paragraph",
};

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU seconds of the whole process (the worker included): steadier than
 * wall time on a busy machine */
static double cpu(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
         ru.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv) {
  int words = argc > 1 ? atoi(argv[1]) : 1500;
  const char *voice = argc > 2 ? argv[2] : "male";
  int chunks = argc > 3 ? atoi(argv[3]) : 10;
  if (words < 1 || chunks < 1) { fprintf(stderr, "usage: bench_tts [words] [voice] [chunks]\n"); return 2; }
  char dir[] = "/tmp/vgrun-bench-tts-XXXXXX";
  if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
  vg_cache *cache = vg_cache_new(dir, 0, -1);   /* the private one */
  char err[TTS_ERR_MAX];
  double t0 = now();
  if (tts_init(err, sizeof err) != 0) { fprintf(stderr, "bench_tts: %s\n", err); return 1; }
  double t_init = now() - t0;

  /* chunks = scenes: a paragraph per scene, as the stage does */
  size_t cap = (size_t)words * 16 + 64;
  tts_job **jobs = calloc((size_t)chunks, sizeof *jobs);
  char **texts = calloc((size_t)chunks, sizeof *texts);
  unsigned seed = 42;
  int per = (words + chunks - 1) / chunks, left = words;
  for (int c = 0; c < chunks; c++) {
    char *text = malloc(cap);
    size_t n = 0;
    int k = left < per ? left : per;
    left -= k;
    for (int i = 0; i < k; i++) {
      seed = seed * 1103515245u + 12345u;
      const char *w = lorem[(seed >> 16) % (sizeof lorem / sizeof lorem[0])];
      n += (size_t)sprintf(text + n, "%s%s", w, (i % 12 == 11 || i == k - 1) ? ". " : " ");
    }
    tts_options o = TTS_OPTIONS_DEFAULT;
    o.voice = voice;
    o.cache = cache;
    jobs[c] = tts_job_new(text, n, &o, err, sizeof err);
    texts[c] = text;
    if (!jobs[c]) { fprintf(stderr, "bench_tts: %s\n", err); return 1; }
  }
  t0 = now();
  double c0 = cpu();
  for (int c = 0; c < chunks; c++) tts_job_submit(jobs[c], NULL, NULL);
  double audio = 0;
  size_t nwords = 0;
  for (int c = 0; c < chunks; c++) {
    if (tts_job_wait(jobs[c]) != 0) { fprintf(stderr, "bench_tts: %s\n", tts_job_error(jobs[c])); return 1; }
    audio += tts_job_clip(jobs[c])->duration;
    nwords += tts_job_clip(jobs[c])->nwords;
  }
  double wall = now() - t0, cpu_s = cpu() - c0;
  /* the same narration again: every clip is a cache hit, no synthesis */
  uint64_t synths = tts_synth_count();
  t0 = now();
  for (int c = 0; c < chunks; c++) {
    tts_options o = TTS_OPTIONS_DEFAULT;
    o.voice = voice;
    o.cache = cache;
    tts_job *j = tts_job_new(texts[c], strlen(texts[c]), &o, err, sizeof err);
    if (!j || tts_job_run(j) != 0 || !tts_job_clip(j)->cached) { fprintf(stderr, "bench_tts: no cache hit\n"); return 1; }
    tts_job_free(j);
  }
  double hit_wall = now() - t0;
  if (tts_synth_count() != synths) { fprintf(stderr, "bench_tts: cache hit synthesized\n"); return 1; }
  printf("espeak-ng %s, voice %s, %d words in %d clips (%zu timed words)\n",
         tts_espeak_version(), voice, words, chunks, nwords);
  printf("init:           %.3f s\n", t_init);
  printf("synthesis wall: %.3f s (includes WAV + timings written to the cache)\n", wall);
  printf("synthesis CPU:  %.3f s\n", cpu_s);
  printf("audio:          %.1f s at %d Hz\n", audio, tts_sample_rate());
  printf("cache hits:     %.4f s for the same %d clips\n", hit_wall, chunks);
  printf("real-time factor: %.4f (wall / audio; %.0fx faster than real time)\n", wall / audio,
         audio / wall);
  for (int c = 0; c < chunks; c++) { tts_job_free(jobs[c]); free(texts[c]); }
  free(jobs);
  free(texts);
  vg_cache_unref(cache);
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) fprintf(stderr, "bench_tts: could not remove %s\n", dir);
  return 0;
}
