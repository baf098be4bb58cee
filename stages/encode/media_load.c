/* media_load.c: the vgrun program's encoder functions (encode.h), each a call
 * into vgmedia.so, which is opened the first time one is needed (media.h).
 * The module is looked for beside the program (the build tree) and where
 * `make install` puts it (VG_MEDIA_RELDIR from the program's folder). A
 * module that cannot be opened fails the call with the reason, never the
 * process. What the cache already holds (segments, the narration track, a
 * joined video left as it was: options.c, audio_key.c, join_reuse.c) is
 * found here first, so an unchanged re-run never opens the module. */
#define _GNU_SOURCE
#include "media.h"
#include "encode_private.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef VG_MEDIA_RELDIR
#define VG_MEDIA_RELDIR "../lib/vgrun"
#endif
#define MODULE "vgmedia.so"

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static const vge_media_api *g_api;
static char g_err[1024];

/* a message copied, cut to fit */
static void copy(char *dst, size_t n, const char *src) {
  size_t len = strlen(src);
  if (len >= n) len = n - 1;
  memcpy(dst, src, len);
  dst[len] = '\0';
}

static const vge_media_api *try_open(const char *path, char *why, size_t n) {
  void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *e = dlerror();
    copy(why, n, e ? e : path);
    return NULL;
  }
  const vge_media_api *(*get)(void) = (const vge_media_api *(*)(void))dlsym(h, "vge_media_api_v1");
  const vge_media_api *api = get ? get() : NULL;
  if (!api || api->abi != VGE_MEDIA_ABI || api->size != sizeof(vge_media_api)) {
    copy(why, n, path);
    size_t used = strlen(why);
    copy(why + used, n - used, ": not the encoder this vgrun was built with");
    dlclose(h);
    return NULL;
  }
  return api;
}

static void open_module(void) {
  char exe[PATH_MAX];
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len <= 0) {
    snprintf(g_err, sizeof g_err, "cannot load the encoder (" MODULE "): the program's own path is unknown");
    return;
  }
  exe[len] = '\0';
  char *slash = strrchr(exe, '/');
  if (slash) *slash = '\0';
  const char *dirs[] = {"", "/" VG_MEDIA_RELDIR};
  char first[512] = "", why[512];
  static const char how[] = "cannot load the encoder: ";
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s%s/" MODULE, exe, dirs[i]);
    if (access(path, F_OK) != 0) continue;
    if ((g_api = try_open(path, why, sizeof why))) return;
    if (!first[0]) copy(first, sizeof first, why);
  }
  if (first[0]) {
    copy(g_err, sizeof g_err, how);
    copy(g_err + strlen(how), sizeof g_err - strlen(how), first);
  } else
    snprintf(g_err, sizeof g_err, "cannot load the encoder: no " MODULE " in %.400s or %.400s/" VG_MEDIA_RELDIR
             " (is vgrun installed completely?)", exe, exe);
}

const vge_media_api *vge_media_load(char *err, size_t errlen) {
  pthread_once(&g_once, open_module);
  if (!g_api && err && errlen) copy(err, errlen, g_err);
  return g_api;
}

static void *preload_main(void *arg) {
  (void)arg;
  vge_media_load(NULL, 0);
  return NULL;
}

void vge_media_preload(void) {
  static int started;
  if (__atomic_exchange_n(&started, 1, __ATOMIC_ACQ_REL)) return;
  pthread_attr_t a;
  pthread_t t;
  if (pthread_attr_init(&a) != 0) return;
  pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
  if (pthread_create(&t, &a, preload_main, NULL) != 0) vge_media_load(NULL, 0);
  pthread_attr_destroy(&a);
}

/* ---- encode.h, through the module --------------------------------------- */

static const vge_media_api *api_or_fail(vge_result *r) {
  char err[sizeof r->err];
  const vge_media_api *m = vge_media_load(err, sizeof err);
  if (!m && r) {
    r->rc = -1;
    copy(r->err, sizeof r->err, err);
  }
  return m;
}

int vge_encode_segment(const vge_segment *s, vge_result *r) {
  if (vge_segment_cached(s, r)) {
    if (s->release) s->release(s->ud);
    return 0;
  }
  const vge_media_api *m = api_or_fail(r);
  if (!m && s->release) s->release(s->ud);
  return m ? m->encode_segment(s, r) : -1;
}

/* every segment and the track in the cache: their results, as the encoder
 * would give them */
static int all_cached(const vge_segment *segs, int n, vge_result *results, const vge_audio *audio,
                      vge_result *audio_result) {
  for (int i = 0; i < n; i++)
    if (!vge_segment_cached(&segs[i], &results[i])) return 0;
  if (audio && !vge_audio_cached(audio, audio_result)) return 0;
  for (int i = 0; i < n; i++)
    if (segs[i].release) segs[i].release(segs[i].ud);
  return 1;
}

int vge_encode_segments(const vge_segment *segs, int n, int jobs, vge_result *results) {
  return vge_encode_all(segs, n, jobs, results, NULL, NULL);
}

int vge_encode_all(const vge_segment *segs, int n, int jobs, vge_result *results,
                   const vge_audio *audio, vge_result *audio_result) {
  if (all_cached(segs, n, results, audio, audio_result)) return 0;
  const vge_media_api *m = vge_media_load(NULL, 0);
  if (m) return m->encode_all(segs, n, jobs, results, audio, audio_result);
  for (int i = 0; i < n; i++) {
    api_or_fail(&results[i]);
    if (segs[i].release) segs[i].release(segs[i].ud);
  }
  if (audio) api_or_fail(audio_result);
  return -1;
}

int vge_encode_audio(const vge_audio *a, vge_result *r) {
  if (vge_audio_cached(a, r)) return 0;
  const vge_media_api *m = api_or_fail(r);
  return m ? m->encode_audio(a, r) : -1;
}

int vge_read_recording(const char *path, const vge_recording_opts *o, vge_recording_info *info,
                       char *err, size_t errlen) {
  const vge_media_api *m = vge_media_load(err, errlen);
  return m ? m->read_recording(path, o, info, err, errlen) : -1;
}

int vge_join_files(const vge_join *j, vge_result *r) {
  char key[65];
  vge_join_key(j, key);
  if (vge_join_reused(j, key, r)) return 0;
  const vge_media_api *m = api_or_fail(r);
  return m ? m->join_files(j, r) : -1;
}

int vge_keyframes_get(void *ud, int64_t index, double t, vge_frame *out) {
  char err[256];
  const vge_media_api *m = vge_media_load(err, sizeof err);
  if (!m) {
    vge_keyframes *kf = ud;
    copy(kf->err, sizeof kf->err, err);
    out->error = kf->err;
    return -1;
  }
  return m->keyframes_get(ud, index, t, out);
}

void vge_keyframes_free(vge_keyframes *kf) {
  const vge_media_api *m = vge_media_load(NULL, 0);
  if (m) m->keyframes_free(kf);
}
