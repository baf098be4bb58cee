/* measure_voices: how the voices compare, as numbers (used to choose the
 * named voices' variants, pitch and range; see docs/tts.md). For each voice
 * (argument "voice[:pitch]"; default: the four named voices) it speaks the
 * same two sentences and prints the duration, the median and 10th/90th
 * percentile F0 of voiced frames (autocorrelation), and the mean normalised
 * autocorrelation peak ("periodicity": rough, breathy or fluttering variants
 * score lower; clean voices near 0.9+).
 *   measure_voices male female en-us+f3 en-us+Annie:60 */
#include "tts.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
static int cmp(const void *a, const void *b) { double x=*(double*)a, y=*(double*)b; return x<y?-1:x>y; }
int main(int argc, char **argv) {
  static char *named[] = { NULL, "male", "male_warm", "female", "female_friendly" };
  if (argc < 2) { argc = 5; argv = named; }
  char dir[] = "/tmp/vgrun-measure-XXXXXX";
  if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
  setenv("VGRUN_CACHE_DIR", dir, 1);  /* always synthesize: the samples are needed */
  const char *text = "Every good explainer video begins with a question that the audience already cares about. Then the narration walks through the idea one step at a time.";
  char err[4096];
  for (int a = 1; a < argc; a++) {
    tts_options o = TTS_OPTIONS_DEFAULT; o.voice = argv[a]; o.keep_samples = 1;
    char v[128];
    snprintf(v, sizeof v, "%s", argv[a]);
    char *p = strchr(v, ':');
    if (p) { *p = 0; o.pitch = atoi(p + 1); }
    o.voice = v;
    tts_job *j = tts_job_new(text, strlen(text), &o, err, sizeof err);
    if (!j) { printf("%s: %s\n", argv[a], err); continue; }
    if (tts_job_run(j) != 0) { printf("%s: %s\n", argv[a], tts_job_error(j)); tts_job_free(j); continue; }
    size_t n; const int16_t *s = tts_job_samples(j, &n);
    if (!s || n < 2000) { printf("%s: no samples\n", argv[a]); tts_job_free(j); continue; }
    int sr = 22050, W = 882, hop = 441;
    static double f0s[100000]; int nf = 0; double per = 0; int nv = 0; double rms_all = 0;
    for (size_t i = 0; i < n; i++) rms_all += (double)s[i]*s[i];
    rms_all = sqrt(rms_all / n);
    for (size_t st = 0; st + W + 400 < n; st += hop) {
      double e = 0; for (int k = 0; k < W; k++) e += (double)s[st+k]*s[st+k];
      if (sqrt(e/W) < rms_all * 0.5) continue;
      double best = 0; int bl = 0;
      for (int lag = sr/400; lag <= sr/60; lag++) {
        double c = 0, e2 = 0;
        for (int k = 0; k < W; k++) { c += (double)s[st+k]*s[st+k+lag]; e2 += (double)s[st+k+lag]*s[st+k+lag]; }
        double r = c / sqrt(e*e2 + 1);
        if (r > best) { best = r; bl = lag; }
      }
      if (best > 0.5) { f0s[nf++] = (double)sr / bl; per += best; nv++; }
    }
    qsort(f0s, nf, sizeof *f0s, cmp);
    const tts_clip *c = tts_job_clip(j);
    printf("%-22s dur=%.2fs  F0 median=%5.1f Hz p10=%5.1f p90=%5.1f  periodicity=%.3f voiced=%d rms=%.0f\n", argv[a], c->duration,
      nf? f0s[nf/2]:0, nf? f0s[nf/10]:0, nf? f0s[nf*9/10]:0, nv? per/nv:0, nv, rms_all);
    tts_job_free(j);
  }
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : 1;
}
