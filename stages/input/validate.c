/* validate.c: checks a canonical model and reports every problem at once.
 * Positions come from the position map when the model was parsed from a
 * file, else from each scene's source {file, line}. */
#include "input_private.h"
#include "vg_utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>

/* Field paths in messages ("videos[0].scenes[3].visual_content.items[2]"):
 * a path cut at the buffer's end is harmless, so vsnprintf, unchecked. */
static void fpath(char *out, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fpath(char *out, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vg_vsnprintf_utf8(out, n, fmt, ap);
  va_end(ap);
}

#define MAX_DURATION 300.0

typedef struct vctx {
  const char *file;
  const vgi_posmap *pm;
  vgi_diags *d;
  const cJSON *fallback;   /* the current scene or video (for its source) */
  const char *const *extra_types;   /* plug-ins' scene types (vgi_options) */
  const vg_limits *lim;             /* max_scenes, max_narration */
} vctx;

/* A scene type a plug-in registered: its fields are its renderer's business. */
static int extra_type(const vctx *v, const char *name) {
  for (size_t i = 0; v->extra_types && v->extra_types[i]; i++)
    if (!strcmp(v->extra_types[i], name)) return 1;
  return 0;
}

static void report(vctx *v, vgi_severity sev, const cJSON *node, const char *field,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void report(vctx *v, vgi_severity sev, const cJSON *node, const char *field,
                   const char *fmt, ...) {
  const char *file = v->file;
  int line = 0, col = 0;
  const vgi_pos *p = vgi_pos_get(v->pm, node);
  if (p) {
    file = p->file ? p->file : file;
    line = p->line;
    col = p->col;
  } else if (v->fallback) {
    const vgi_pos *fp = vgi_pos_get(v->pm, v->fallback);
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(v->fallback, "source");
    if (fp) {
      file = fp->file ? fp->file : file;
      line = fp->line;
      col = fp->col;
    } else if (cJSON_IsObject(src)) {
      const char *f = vgi_str(src, "file");
      const cJSON *l = cJSON_GetObjectItemCaseSensitive(src, "line");
      if (f && *f) file = f;
      if (cJSON_IsNumber(l)) line = l->valueint, col = line > 0 ? 1 : 0;
    }
  }
  va_list ap;
  va_start(ap, fmt);
  vgi_diag_vadd(v->d, sev, file, line, col, field, fmt, ap);
  va_end(ap);
}

static const char *kind_name(const cJSON *x) {
  if (!x || cJSON_IsNull(x)) return "null";
  if (cJSON_IsString(x)) return "text";
  if (cJSON_IsNumber(x)) return "a number";
  if (cJSON_IsBool(x)) return "true/false";
  if (cJSON_IsArray(x)) return "a list";
  return "a mapping";
}

static int all_strings(vctx *v, const cJSON *arr, const char *path) {
  int i = 0, ok = 1;
  char fp[512];
  for (const cJSON *it = arr->child; it; it = it->next, i++)
    if (!cJSON_IsString(it)) {
      fpath(fp, sizeof fp, "%s[%d]", path, i);
      report(v, VGI_ERROR, it, fp, "expected text, got %s", kind_name(it));
      ok = 0;
    }
  return ok;
}

/* A number field that is not a finite decimal number: reported, 1. */
static int bad_number(vctx *v, const cJSON *x, const char *path) {
  char why[160];
  if (!vgi_number_problem(x, why, sizeof why)) return 0;
  report(v, VGI_ERROR, x, path, "%s", why);
  return 1;
}

static void check_duration(vctx *v, const cJSON *x, const char *path) {
  if (bad_number(v, x, path)) return;
  if (!cJSON_IsNumber(x)) {
    report(v, VGI_ERROR, x, path, "expected a number of seconds, got %s", kind_name(x));
    return;
  }
  double s = x->valuedouble;
  char a[40], b[40];
  if (!(s >= 0 && s <= MAX_DURATION))
    report(v, VGI_ERROR, x, path, "%s s is out of range (0 to %s s)", vgi_fmt_num(a, sizeof a, s),
           vgi_fmt_num(b, sizeof b, MAX_DURATION));
}

static void check_voice(vctx *v, const cJSON *x, const char *path) {
  if (!x) return;
  if (!cJSON_IsString(x)) {
    report(v, VGI_ERROR, x, path, "expected a voice name, got %s", kind_name(x));
  } else if (!vgi_voice_known(x->valuestring)) {
    char *shown = vg_shown_name(x->valuestring);   /* may hold a line break */
    report(v, VGI_ERROR, x, path,
           "unknown voice '%s' (male, male_warm, female, female_friendly, or an espeak-ng "
           "voice such as en-gb)", shown ? shown : "?");
    free(shown);
  }
}

static void check_field(vctx *v, const vgi_field *f, const cJSON *x, const char *path) {
  char fp[512];
  switch (f->kind) {
  case VGI_F_STR:
    if (!cJSON_IsString(x)) report(v, VGI_ERROR, x, path, "expected text, got %s", kind_name(x));
    break;
  case VGI_F_DIFFICULTY:
    if (!cJSON_IsString(x) || (strcmp(x->valuestring, "easy") && strcmp(x->valuestring, "medium") &&
                               strcmp(x->valuestring, "hard")))
      report(v, VGI_ERROR, x, path, "expected easy, medium or hard");
    break;
  case VGI_F_CODE:
    if (cJSON_IsArray(x)) all_strings(v, x, path);
    else if (!cJSON_IsString(x))
      report(v, VGI_ERROR, x, path, "expected code text or a list of lines, got %s", kind_name(x));
    break;
  case VGI_F_LINES:
  case VGI_F_STRLIST:
    if (!cJSON_IsArray(x)) report(v, VGI_ERROR, x, path, "expected a list, got %s", kind_name(x));
    else all_strings(v, x, path);
    break;
  case VGI_F_ITEMS:
    if (!cJSON_IsArray(x)) {
      report(v, VGI_ERROR, x, path, "expected a list, got %s", kind_name(x));
      break;
    }
    {
      int i = 0;
      for (const cJSON *it = x->child; it; it = it->next, i++) {
        fpath(fp, sizeof fp, "%s[%d]", path, i);
        if (cJSON_IsString(it)) continue;
        if (!cJSON_IsObject(it)) {
          report(v, VGI_ERROR, it, fp, "expected text or {title, description}, got %s",
                 kind_name(it));
          continue;
        }
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(it, "title");
        const cJSON *dsc = cJSON_GetObjectItemCaseSensitive(it, "description");
        const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
        char sub[300];
        if (!cJSON_IsString(t)) {
          fpath(sub, sizeof sub, "%s.title", fp);
          report(v, VGI_ERROR, t ? t : it, sub, t ? "expected text, got %s" : "missing field title%s",
                 t ? kind_name(t) : "");
        }
        if (dsc && !cJSON_IsString(dsc)) {
          fpath(sub, sizeof sub, "%s.description", fp);
          report(v, VGI_ERROR, dsc, sub, "expected text, got %s", kind_name(dsc));
        }
        if (lvl && !(cJSON_IsNumber(lvl) && lvl->valuedouble >= 0 && lvl->valuedouble <= 8)) {
          fpath(sub, sizeof sub, "%s.level", fp);
          report(v, VGI_ERROR, lvl, sub, "expected a nesting level 0 to 8");
        }
      }
    }
    break;
  case VGI_F_ROWS:
    if (!cJSON_IsArray(x)) {
      report(v, VGI_ERROR, x, path, "expected a list of rows, got %s", kind_name(x));
      break;
    }
    {
      int i = 0;
      for (const cJSON *r = x->child; r; r = r->next, i++) {
        fpath(fp, sizeof fp, "%s[%d]", path, i);
        if (!cJSON_IsArray(r)) report(v, VGI_ERROR, r, fp, "expected a row (a list of cells), got %s", kind_name(r));
        else all_strings(v, r, fp);
      }
    }
    break;
  case VGI_F_NUM:
    if (bad_number(v, x, path)) break;
    if (!cJSON_IsNumber(x)) report(v, VGI_ERROR, x, path, "expected a number, got %s", kind_name(x));
    break;
  case VGI_F_INT:
    if (bad_number(v, x, path)) break;
    if (!cJSON_IsNumber(x) || x->valuedouble != floor(x->valuedouble))
      report(v, VGI_ERROR, x, path, "expected a whole number, got %s", kind_name(x));
    break;
  case VGI_F_BOOL:
    if (!cJSON_IsBool(x)) report(v, VGI_ERROR, x, path, "expected true or false, got %s", kind_name(x));
    break;
  case VGI_F_OBJ:
    if (!cJSON_IsObject(x)) report(v, VGI_ERROR, x, path, "expected a mapping, got %s", kind_name(x));
    break;
  }
}

static void check_scene(vctx *v, const cJSON *s, const char *path, const char *video_voice) {
  char fp[512];
  v->fallback = s;
  if (!cJSON_IsObject(s)) return;   /* normalize reported it */
  const cJSON *type = cJSON_GetObjectItemCaseSensitive(s, "scene_type");
  const vgi_scene_type *st = NULL;
  fpath(fp, sizeof fp, "%s.scene_type", path);
  if (!type) {
    report(v, VGI_ERROR, s, fp, "missing field scene_type");
  } else if (!cJSON_IsString(type)) {
    report(v, VGI_ERROR, type, fp, "expected a scene type name, got %s", kind_name(type));
  } else if (*type->valuestring && !(st = vgi_scene_type_find(type->valuestring)) &&
             !extra_type(v, type->valuestring)) {
    vgi_buf b = {0};
    for (int i = 0; vgi_scene_types[i].name; i++)
      vgi_buf_printf(&b, "%s%s", i ? ", " : "", vgi_scene_types[i].name);
    char *shown = vg_shown_name(type->valuestring);   /* may hold a line break */
    report(v, VGI_ERROR, type, fp, "unknown scene type '%s' (known: %s)", shown ? shown : "?", b.s);
    free(shown);
    vgi_buf_free(&b);
  }
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
  fpath(fp, sizeof fp, "%s.visual_content", path);
  if (!cJSON_IsObject(vc)) {
    report(v, VGI_ERROR, vc ? vc : s, fp, vc ? "expected a mapping, got %s" : "missing%s",
           vc ? kind_name(vc) : "");
  } else if (st) {
    for (int i = 0; st->fields[i].name; i++) {
      const vgi_field *f = &st->fields[i];
      const cJSON *x = cJSON_GetObjectItemCaseSensitive(vc, f->name);
      fpath(fp, sizeof fp, "%s.visual_content.%s", path, f->name);
      if (!x || cJSON_IsNull(x)) {
        if (f->required)
          report(v, VGI_ERROR, x ? x : vc, fp, "missing required field %s for a %s scene", f->name,
                 st->name);
        continue;
      }
      check_field(v, f, x, fp);
    }
    for (const cJSON *c = vc->child; c; c = c->next) {
      if (vgi_field_find(st, c->string) || vgi_is_helper_key(c->string)) continue;
      fpath(fp, sizeof fp, "%s.visual_content.%s", path, c->string);
      report(v, VGI_WARNING, c, fp, "unknown field for a %s scene (ignored)", st->name);
    }
    const cJSON *img = cJSON_GetObjectItemCaseSensitive(vc, "image");
    if (img) {
      fpath(fp, sizeof fp, "%s.visual_content.image", path);
      /* where it is and what it holds was checked when it was read
       * (vgi_check_images): a bad one is no longer in the model */
      if (!cJSON_IsString(img))
        report(v, VGI_ERROR, img, fp, "expected a file path, got %s", kind_name(img));
    }
    if (!strcmp(st->name, "quiz")) {
      const cJSON *o = cJSON_GetObjectItemCaseSensitive(vc, "options");
      const cJSON *a = cJSON_GetObjectItemCaseSensitive(vc, "correct_answer");
      if (cJSON_IsArray(o) && cJSON_GetArraySize(o) != 4) {
        fpath(fp, sizeof fp, "%s.visual_content.options", path);
        report(v, VGI_ERROR, o, fp, "a quiz needs exactly 4 options, got %d", cJSON_GetArraySize(o));
      }
      if (cJSON_IsArray(o) && cJSON_IsString(a)) {
        int found = 0;
        for (const cJSON *it = o->child; it; it = it->next)
          if (cJSON_IsString(it) && !strcmp(it->valuestring, a->valuestring)) found = 1;
        int letter = strlen(a->valuestring) == 1 && a->valuestring[0] >= 'A' && a->valuestring[0] <= 'D';
        if (!found && !letter) {
          fpath(fp, sizeof fp, "%s.visual_content.correct_answer", path);
          report(v, VGI_WARNING, a, fp, "is not one of the options");
        }
      }
    }
  }

  const cJSON *narr = cJSON_GetObjectItemCaseSensitive(s, "narration");
  fpath(fp, sizeof fp, "%s.narration", path);
  if (narr && !cJSON_IsString(narr)) {
    report(v, VGI_ERROR, narr, fp, "expected text, got %s", kind_name(narr));
    narr = NULL;
  } else if (narr && strlen(narr->valuestring) > (size_t)v->lim->max_narration) {
    report(v, VGI_ERROR, narr, fp, "%zu characters: narration is limited to %ld",
           strlen(narr->valuestring), v->lim->max_narration);
  }
  char fv[512];
  fpath(fv, sizeof fv, "%s.voice", path);
  const cJSON *sv = cJSON_GetObjectItemCaseSensitive(s, "voice");
  /* a scene that inherits the video's unknown voice: reported once, on the video */
  if (!(cJSON_IsString(sv) && video_voice && !strcmp(sv->valuestring, video_voice) &&
        !vgi_voice_known(video_voice)))
    check_voice(v, sv, fv);

  const cJSON *mn = cJSON_GetObjectItemCaseSensitive(s, "min_duration");
  const cJSON *mx = cJSON_GetObjectItemCaseSensitive(s, "max_duration");
  char fmn[512], fmx[512];
  fpath(fmn, sizeof fmn, "%s.min_duration", path);
  fpath(fmx, sizeof fmx, "%s.max_duration", path);
  if (mn) check_duration(v, mn, fmn);
  if (mx) check_duration(v, mx, fmx);
  if (cJSON_IsNumber(mn) && cJSON_IsNumber(mx) && mn->valuedouble > mx->valuedouble) {
    char a[40], b[40];
    report(v, VGI_ERROR, mn, fmn, "min_duration %s s is more than max_duration %s s",
           vgi_fmt_num(a, sizeof a, mn->valuedouble), vgi_fmt_num(b, sizeof b, mx->valuedouble));
  }
  if (narr && cJSON_IsNumber(mx)) {
    double secs = vgi_speech_seconds(narr->valuestring);
    char a[40];
    if (secs > mx->valuedouble)
      report(v, VGI_WARNING, narr, fp,
             "narration takes about %.0f s to speak (%d words at %.0f wpm), longer than "
             "max_duration %s s",
             secs, vgi_word_count(narr->valuestring), VGI_WPM, vgi_fmt_num(a, sizeof a, mx->valuedouble));
  }
}

static void check_video(vctx *v, const cJSON *vid, const char *path) {
  char fp[512];
  v->fallback = vid;
  if (!cJSON_IsObject(vid)) {
    report(v, VGI_ERROR, vid, path, "a video must be a mapping of fields");
    return;
  }
  static const char *const texts[] = { "id", "title", "description", NULL };
  for (int i = 0; texts[i]; i++) {
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(vid, texts[i]);
    fpath(fp, sizeof fp, "%s.%s", path, texts[i]);
    if (x && !cJSON_IsString(x)) report(v, VGI_ERROR, x, fp, "expected text, got %s", kind_name(x));
    else if (!x && i < 2) report(v, VGI_ERROR, vid, fp, "missing");
    else if (x && i == 0 && !*x->valuestring) report(v, VGI_ERROR, x, fp, "must not be empty");
    else if (x && i == 0) {
      /* an id names output files: no path tricks (as vgrun create refuses) */
      size_t n = strlen(x->valuestring), ok = n <= 128, dots = strspn(x->valuestring, ".");
      for (size_t k = 0; ok && k < n; k++) {
        char c = x->valuestring[k];
        ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
             c == '_' || c == '-';
      }
      if (!ok || dots == n) {
        /* shown: the message is printed as is, and the id may hold a line break */
        char *shown = vg_shown_name(x->valuestring);
        report(v, VGI_ERROR, x, fp, "'%s' is not a valid id (use 1 to 128 of A-Z a-z 0-9 . _ -)",
               shown ? shown : "?");
        free(shown);
      }
    }
  }
  fpath(fp, sizeof fp, "%s.voice", path);
  check_voice(v, cJSON_GetObjectItemCaseSensitive(vid, "voice"), fp);
  const cJSON *ac = cJSON_GetObjectItemCaseSensitive(vid, "accent_color");
  fpath(fp, sizeof fp, "%s.accent_color", path);
  if (ac) {
    int ok = 0;
    for (int i = 0; cJSON_IsString(ac) && vgi_accent_colors[i]; i++)
      if (!strcmp(vgi_accent_colors[i], ac->valuestring)) ok = 1;
    if (!ok)
      report(v, VGI_ERROR, ac, fp, "unknown accent colour%s%s%s (blue, purple, orange, green, pink, cyan)",
             cJSON_IsString(ac) ? " '" : "", cJSON_IsString(ac) ? ac->valuestring : "",
             cJSON_IsString(ac) ? "'" : "");
  }
  const cJSON *th = cJSON_GetObjectItemCaseSensitive(vid, "theme");
  fpath(fp, sizeof fp, "%s.theme", path);
  if (th && (!cJSON_IsString(th) || (strcmp(th->valuestring, "light") && strcmp(th->valuestring, "dark"))))
    report(v, VGI_ERROR, th, fp, "expected light or dark");
  const cJSON *td = cJSON_GetObjectItemCaseSensitive(vid, "target_duration");
  fpath(fp, sizeof fp, "%s.target_duration", path);
  if (td && bad_number(v, td, fp)) td = NULL;
  if (td && (!cJSON_IsNumber(td) || td->valuedouble <= 0 || td->valuedouble > 3600))
    report(v, VGI_ERROR, td, fp, "expected a number of seconds (1 to 3600)");

  const cJSON *scenes = cJSON_GetObjectItemCaseSensitive(vid, "scenes");
  fpath(fp, sizeof fp, "%s.scenes", path);
  if (!cJSON_IsArray(scenes)) {
    if (scenes) report(v, VGI_ERROR, scenes, fp, "expected a list, got %s", kind_name(scenes));
    else report(v, VGI_ERROR, vid, fp, "missing");
    return;
  }
  int n = cJSON_GetArraySize(scenes);
  if (n == 0) report(v, VGI_ERROR, scenes, fp, "a video needs at least one scene");
  if (n > v->lim->max_scenes)
    report(v, VGI_ERROR, scenes, fp, "%d scenes: a video may have at most %ld (limits.max_scenes)", n,
           v->lim->max_scenes);
  int i = 0;
  for (const cJSON *s = scenes->child; s; s = s->next, i++) {
    fpath(fp, sizeof fp, "%s.scenes[%d]", path, i);
    check_scene(v, s, fp, vgi_str(vid, "voice"));
    v->fallback = vid;
  }
}

int vgi_validate_pm(const cJSON *model, const char *file, const vgi_posmap *pm,
                    const vgi_options *opts, vgi_diags *d) {
  int before = d->errors;
  vctx v = { file, pm, d, NULL, opts ? opts->extra_types : NULL, vgi_limits(opts) };
  const cJSON *videos = cJSON_GetObjectItemCaseSensitive(model, "videos");
  if (!cJSON_IsArray(videos)) {
    report(&v, VGI_ERROR, model, "videos", "missing list of videos");
    return d->errors - before;
  }
  if (!videos->child && !d->errors) report(&v, VGI_ERROR, videos, "videos", "no videos");
  int i = 0;
  char fp[64];
  for (const cJSON *vid = videos->child; vid; vid = vid->next, i++) {
    fpath(fp, sizeof fp, "videos[%d]", i);
    check_video(&v, vid, fp);
  }
  return d->errors - before;
}

int vgi_validate(const cJSON *model, const char *name, vgi_diags *d) {
  return vgi_validate_pm(model, name, NULL, NULL, d);
}
