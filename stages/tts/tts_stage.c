/* tts_stage.c: the native stage tts.synth. For every scene of every video
 * it speaks scene.narration with the stage option `voice` if given, else
 * scene.voice, else the video's voice, else "male" (the sentences listed in
 * scene.passages in an English voice), and writes scene.audio = { path, duration,
 * sample_rate, words, sentences, marks, cached, voice }. Narration is
 * plain text; with the option ssml = true it is SSML in the safe subset.
 * prepare (loop) checks every text and voice before any work; start (loop)
 * queues one job per scene on the espeak-ng worker; the worker's done
 * callbacks emit audio.generated and progress, and the last one ends the
 * call; finish (loop) writes the audio objects into ctx.videos. */
#define _GNU_SOURCE 1  /* asprintf */
#include "tts.h"
#include "vg.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct scene_job {
  struct synth_run *run;
  tts_job *job;
  int video, scene;
  char where[64];  /* "videos[0].scenes[2]" */
} scene_job;

typedef struct synth_run {
  vg_call *call;
  cJSON *videos;   /* our copy of ctx.videos; gets the audio objects */
  scene_job *jobs;
  size_t njobs;
  pthread_mutex_t mu;
  size_t ndone, ncached;
  int failed, submitted;
  double audio_seconds;
} synth_run;


/* Narration that starts like SSML but is spoken as plain text: say so once
 * per scene, since it was likely meant as markup. */
static int looks_like_ssml(const char *s) {
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
  return strncmp(s, "<speak", 6) == 0;
}

/* a string option; "" means the default */
static const char *opt_str(const cJSON *o, const char *key) {
  const char *v = vg_json_str(o, key, NULL);
  return v && v[0] ? v : NULL;
}

static int synth_prepare(vg_call *c) {
  char err[TTS_ERR_MAX];
  if (tts_init(err, sizeof err) != 0) return vg_call_fail(c, "%s", err);
  const cJSON *videos = vg_call_input(c, "videos");
  if (!cJSON_IsArray(videos))
    return vg_call_fail(c, "ctx.videos is missing or not a list (run the input stage first)");
  synth_run *r = calloc(1, sizeof *r);
  if (!r) return vg_call_fail(c, "out of memory");
  pthread_mutex_init(&r->mu, NULL);
  r->call = c;
  r->videos = cJSON_Duplicate(videos, 1);
  vg_call_set_data(c, r);
  const cJSON *opts = vg_call_options(c);
  int rate = vg_json_int(opts, "rate", 0), pitch = vg_json_int(opts, "pitch", -1);
  const char *opt_voice = opt_str(opts, "voice");
  /* narration is plain text unless the run asks for SSML (`vgrun create
   * --ssml`); then it is filtered to the safe subset (tts_ssml.c) */
  int ssml = vg_json_bool(opts, "ssml", 0);

  size_t n = 0;
  const cJSON *v, *s;
  cJSON_ArrayForEach(v, r->videos) {
    const cJSON *scenes = cJSON_GetObjectItemCaseSensitive(v, "scenes");
    n += (size_t)cJSON_GetArraySize(scenes);
  }
  r->jobs = calloc(n + 1, sizeof *r->jobs);
  if (!r->jobs) return vg_call_fail(c, "out of memory");
  int vi = 0;
  cJSON_ArrayForEach(v, r->videos) {
    const cJSON *scenes = cJSON_GetObjectItemCaseSensitive(v, "scenes");
    int si = 0;
    cJSON_ArrayForEach(s, scenes) {
      scene_job *sj = &r->jobs[r->njobs];
      sj->run = r;
      sj->video = vi;
      sj->scene = si;
      snprintf(sj->where, sizeof sj->where, "videos[%d].scenes[%d]", vi, si);
      const cJSON *narr = cJSON_GetObjectItemCaseSensitive(s, "narration");
      const char *text = cJSON_IsString(narr) ? narr->valuestring : "";
      if (narr && !cJSON_IsString(narr) && !cJSON_IsNull(narr))
        return vg_call_fail(c, "%s.narration: expected text", sj->where);
      tts_options o = TTS_OPTIONS_DEFAULT;
      o.voice = opt_voice;  /* the run's option wins: `vgrun create --voice` */
      if (!o.voice) o.voice = opt_str(s, "voice");
      if (!o.voice) o.voice = opt_str(v, "voice");
      o.rate = rate;
      o.pitch = pitch;
      o.ssml = ssml;
      o.cache = vg_call_cache(c);
      if (!ssml && looks_like_ssml(text)) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s.narration looks like SSML; it is spoken as plain text "
                 "(SSML is read only with --ssml)", sj->where);
        cJSON *d = cJSON_CreateObject();
        cJSON_AddNumberToObject(d, "video", vi);
        cJSON_AddNumberToObject(d, "scene", si);
        vg_call_emit(c, "validation.warning", msg, d);
      }
      /* English sentences of a scene in another language, said in English */
      const cJSON *ps = cJSON_GetObjectItemCaseSensitive(s, "passages"), *pe;
      if (!cJSON_IsArray(ps)) ps = NULL;
      const char *said[64];
      size_t nsaid = 0;
      cJSON_ArrayForEach(pe, ps) {
        const char *pt = vg_json_str(pe, "text", NULL);
        if (pt && *pt && nsaid < sizeof said / sizeof *said) said[nsaid++] = pt;
      }
      o.passages = said;
      o.npassages = nsaid;
      sj->job = tts_job_new(text, strlen(text), &o, err, sizeof err);
      if (!sj->job) return vg_call_fail(c, "%s: %s", sj->where, err);
      r->njobs++;
      si++;
    }
    vi++;
  }
  return 0;
}

static void scene_started(tts_job *j, void *ud) {
  scene_job *sj = ud;
  synth_run *r = sj->run;
  if (vg_call_cancelled(r->call)) tts_job_cancel(j);
  cJSON *d = cJSON_CreateObject();
  cJSON_AddNumberToObject(d, "video", sj->video);
  cJSON_AddNumberToObject(d, "scene", sj->scene);
  char msg[128];
  snprintf(msg, sizeof msg, "speaking %s", sj->where);
  vg_call_emit(r->call, "audio.generating", msg, d);
}

static void scene_done(tts_job *j, void *ud) {
  scene_job *sj = ud;
  synth_run *r = sj->run;
  const char *error = tts_job_error(j);
  const tts_clip *clip = tts_job_clip(j);
  if (error) {
    vg_call_fail(r->call, "%s: %s", sj->where, error);
  } else {
    if (tts_job_warning(j)) {
      /* espeak-ng crashed on a sentence: the scene is spoken without it */
      cJSON *w = cJSON_CreateObject();
      cJSON_AddNumberToObject(w, "video", sj->video);
      cJSON_AddNumberToObject(w, "scene", sj->scene);
      char *msg = NULL;
      if (asprintf(&msg, "%s: %s", sj->where, tts_job_warning(j)) >= 0) {
        vg_call_emit(r->call, "validation.warning", msg, w);
        free(msg);
      } else {
        cJSON_Delete(w);
      }
    }
    cJSON *d = cJSON_CreateObject();
    cJSON_AddNumberToObject(d, "video", sj->video);
    cJSON_AddNumberToObject(d, "scene", sj->scene);
    cJSON_AddNumberToObject(d, "duration", clip->duration);
    cJSON_AddNumberToObject(d, "words", (double)clip->nwords);
    cJSON_AddBoolToObject(d, "cached", clip->cached);
    cJSON_AddStringToObject(d, "path", clip->path);
    pthread_mutex_lock(&r->mu);
    cJSON_AddNumberToObject(d, "progress", (double)(r->ndone + 1) / (double)r->njobs);
    pthread_mutex_unlock(&r->mu);
    char msg[160];
    snprintf(msg, sizeof msg, "%s: %.2f s%s", sj->where, clip->duration,
             clip->cached ? " (cached)" : "");
    vg_call_emit(r->call, "audio.generated", msg, d);
  }
  pthread_mutex_lock(&r->mu);
  size_t done = ++r->ndone;
  if (error) r->failed = 1;
  else { r->audio_seconds += clip->duration; r->ncached += clip->cached != 0; }
  int failed = r->failed;
  pthread_mutex_unlock(&r->mu);
  char msg[96];
  snprintf(msg, sizeof msg, "%zu/%zu scenes spoken", done, r->njobs);
  vg_call_progress(r->call, (double)done / (double)r->njobs, msg);
  if (done == r->njobs) vg_call_done(r->call, failed ? -1 : 0);
}

static int synth_start(vg_call *c) {
  synth_run *r = vg_call_data(c);
  if (r->njobs == 0) { vg_call_done(c, 0); return 0; }
  tts_job **jobs = malloc(r->njobs * sizeof *jobs);
  void **uds = malloc(r->njobs * sizeof *uds);
  if (!jobs || !uds) { free(jobs); free(uds); return vg_call_fail(c, "out of memory"); }
  for (size_t i = 0; i < r->njobs; i++) {
    tts_job_on_start(r->jobs[i].job, scene_started);
    jobs[i] = r->jobs[i].job;
    uds[i] = &r->jobs[i];
  }
  r->submitted = 1;
  tts_job_submit_all(jobs, uds, r->njobs, scene_done);
  free(jobs);
  free(uds);
  return 0;
}

static int synth_finish(vg_call *c) {
  synth_run *r = vg_call_data(c);
  for (size_t i = 0; i < r->njobs; i++) {
    scene_job *sj = &r->jobs[i];
    cJSON *video = cJSON_GetArrayItem(r->videos, sj->video);
    cJSON *scene = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(video, "scenes"), sj->scene);
    cJSON *audio = tts_clip_to_json(tts_job_clip(sj->job), 1);
    if (!scene || !audio) { cJSON_Delete(audio); return vg_call_fail(c, "out of memory"); }
    /* the clip's cache key: the narration track is keyed by it (audio_key.c) */
    if (tts_job_clip(sj->job)->path[0]) cJSON_AddStringToObject(audio, "key", tts_job_key(sj->job));
    if (cJSON_GetObjectItemCaseSensitive(scene, "audio"))
      cJSON_ReplaceItemInObjectCaseSensitive(scene, "audio", audio);
    else
      cJSON_AddItemToObject(scene, "audio", audio);
  }
  vg_call_output(c, "videos", r->videos);
  r->videos = NULL;
  return 0;
}

/* Any thread: the task was cancelled. Every job is told at once: the one
 * speaking now kills its child, the queued ones end without speaking. */
static void synth_cancel(vg_call *c) {
  synth_run *r = vg_call_data(c);
  if (!r) return;
  for (size_t i = 0; i < r->njobs; i++) tts_job_cancel(r->jobs[i].job);
}

static void synth_free(void *data) {
  synth_run *r = data;
  /* normally every job is over; after a shutdown mid-run, stop them first */
  for (size_t i = 0; i < r->njobs; i++) tts_job_cancel(r->jobs[i].job);
  for (size_t i = 0; i < r->njobs; i++) {
    if (r->submitted) tts_job_wait(r->jobs[i].job);
    tts_job_free(r->jobs[i].job);
  }
  free(r->jobs);
  cJSON_Delete(r->videos);
  pthread_mutex_destroy(&r->mu);
  free(r);
}

VG_DEFINE_STAGE(tts_synth,
  .name = "tts.synth",
  .summary = "speak every scene's narration with espeak-ng: scene.audio with WAV, duration, "
             "word and sentence timings (cached)",
  .inputs = "videos",
  .outputs = "videos",
  .options_json = "{\"voice\": \"\", \"rate\": 0, \"pitch\": -1, \"ssml\": false}",
  .prepare = synth_prepare,
  .start = synth_start,
  .finish = synth_finish,
  .cancel = synth_cancel,
  .free_data = synth_free);
