/* stage.c: the native stage "render.frames": renders display lists to PNG
 * files on the thread pool, for pipelines that want pictures rather than a
 * video (thumbnails, contact sheets, slides).
 *   input  ctx.frames = { {list = <display list>, path = "out/1.png"}, ... }
 *   option width, height (1920x1080)
 *   output ctx.rendered = { "out/1.png", ... }
 * Text that had to be shrunk or cut becomes a validation.warning event. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vg.h"
#include "render.h"
#include "vg_utf8.h"

typedef struct frames_job {
  cJSON *frames;     /* owned copy of ctx.frames */
  int width, height;
  cJSON *rendered;   /* paths, built by work */
} frames_job;

static int prepare(vg_call *c) {
  const cJSON *in = vg_call_input(c, "frames");
  if (!cJSON_IsArray(in)) return vg_call_fail(c, "ctx.frames must be a list");
  const cJSON *f;
  int i = 0;
  cJSON_ArrayForEach(f, in) {
    i++;
    if (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(f, "list")) ||
        !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(f, "path")))
      return vg_call_fail(c, "frames[%d] needs list (a display list) and path", i);
  }
  const cJSON *o = vg_call_options(c);
  const cJSON *w = cJSON_GetObjectItemCaseSensitive(o, "width");
  const cJSON *h = cJSON_GetObjectItemCaseSensitive(o, "height");
  frames_job *j = calloc(1, sizeof *j);
  if (!j) return vg_call_fail(c, "out of memory");
  j->width = cJSON_IsNumber(w) ? w->valueint : 1920;
  j->height = cJSON_IsNumber(h) ? h->valueint : 1080;
  j->frames = cJSON_Duplicate(in, 1);
  j->rendered = cJSON_CreateArray();
  vg_call_set_data(c, j);
  if (j->width <= 0 || j->height <= 0 || j->width > 16384 || j->height > 16384)
    return vg_call_fail(c, "bad size %dx%d", j->width, j->height);
  return 0;
}

static int work(vg_call *c) {
  frames_job *j = vg_call_data(c);
  int n = cJSON_GetArraySize(j->frames), i = 0;
  vg_render_buffer buf = {0};
  const cJSON *f;
  char err[512];
  cJSON_ArrayForEach(f, j->frames) {
    if (vg_call_cancelled(c)) {
      vg_render_buffer_free(&buf);
      return vg_call_fail(c, "cancelled");
    }
    const char *path = cJSON_GetObjectItemCaseSensitive(f, "path")->valuestring;
    cJSON *warnings = NULL;
    if (vg_render_cjson(cJSON_GetObjectItemCaseSensitive(f, "list"), j->width, j->height, &buf,
                        &warnings, err, sizeof err) != 0 ||
        vg_render_write_png(&buf, path, err, sizeof err) != 0) {
      cJSON_Delete(warnings);
      vg_render_buffer_free(&buf);
      return vg_call_fail(c, "%s: %s", path, err);
    }
    const cJSON *w;
    cJSON_ArrayForEach(w, warnings) {
      const cJSON *id = cJSON_GetObjectItemCaseSensitive(w, "id");
      const cJSON *st = cJSON_GetObjectItemCaseSensitive(w, "status");
      const cJSON *why = cJSON_GetObjectItemCaseSensitive(w, "reason");
      const cJSON *img = cJSON_GetObjectItemCaseSensitive(w, "path");
      const char *status = cJSON_IsString(st) ? st->valuestring : "";
      char msg[1024];
      if (!strcmp(status, "unreadable"))
        vg_snprintf_utf8(msg, sizeof msg, "%s: image %s cannot be used (%s); a placeholder is drawn",
                         path, cJSON_IsString(img) ? img->valuestring : "?",
                         cJSON_IsString(why) ? why->valuestring : "unreadable");
      else
        vg_snprintf_utf8(msg, sizeof msg, "%s: text of %s was %s to fit", path,
                         cJSON_IsString(id) ? id->valuestring : "?",
                         !strcmp(status, "cut") ? "cut" : "shrunk");
      vg_call_emit(c, "validation.warning", msg, cJSON_Duplicate(w, 1));
    }
    cJSON_Delete(warnings);
    cJSON_AddItemToArray(j->rendered, cJSON_CreateString(path));
    i++;
    vg_call_progress(c, (double)i / n, path);
  }
  vg_render_buffer_free(&buf);
  return 0;
}

static int finish(vg_call *c) {
  frames_job *j = vg_call_data(c);
  vg_call_output(c, "rendered", j->rendered);
  j->rendered = NULL;
  return 0;
}

static void job_free(void *data) {
  frames_job *j = data;
  cJSON_Delete(j->frames);
  cJSON_Delete(j->rendered);
  free(j);
}

VG_DEFINE_STAGE(render_frames,
  .name = "render.frames",
  .summary = "render display lists to PNG files (on the thread pool)",
  .inputs = "frames",
  .outputs = "rendered",
  .options_json = "{\"width\": 1920, \"height\": 1080}",
  .prepare = prepare, .work = work, .finish = finish, .free_data = job_free);
