/* normalize.c: a parsed YAML/JSON document, in either flavour of the system we
 * replace, into the canonical scene model. Nodes are moved, not copied, so the
 * position map still knows where each value came from. */
#include "input_private.h"

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct nctx {
  const char *file;
  vgi_posmap *pm;
  vgi_diags *d;
} nctx;

static void where(nctx *n, const cJSON *node, int *line, int *col) {
  const vgi_pos *p = vgi_pos_get(n->pm, node);
  *line = p ? p->line : 0;
  *col = p ? p->col : 0;
}

static void diag(nctx *n, vgi_severity sev, const cJSON *node, const char *field,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void diag(nctx *n, vgi_severity sev, const cJSON *node, const char *field,
                 const char *fmt, ...) {
  int line, col;
  where(n, node, &line, &col);
  va_list ap;
  va_start(ap, fmt);
  vgi_diag_vadd(n->d, sev, n->file, line, col, field, fmt, ap);
  va_end(ap);
}

static cJSON *take(cJSON *obj, const char *key) {
  return cJSON_DetachItemFromObjectCaseSensitive(obj, key);
}

static cJSON *source_obj(nctx *n, const cJSON *node) {
  int line, col;
  where(n, node, &line, &col);
  cJSON *s = cJSON_CreateObject();
  const vgi_pos *p = vgi_pos_get(n->pm, node);
  cJSON_AddStringToObject(s, "file", p && p->file ? p->file : (n->file ? n->file : ""));
  cJSON_AddNumberToObject(s, "line", line);
  return s;
}

static void copy_pos(nctx *n, const cJSON *from, const cJSON *to) {
  const vgi_pos *p = vgi_pos_get(n->pm, from);
  if (p) vgi_pos_set(n->pm, to, p->file, p->line, p->col);
}

/* Text fields: numbers and booleans become text, keeping their position. */
static cJSON *text_of(nctx *n, const cJSON *v) {
  char *t = vgi_to_text(v);
  cJSON *s = cJSON_CreateString(t ? t : "");
  free(t);
  copy_pos(n, v, s);
  return s;
}

static cJSON *as_text(nctx *n, cJSON *v) {
  if (!(cJSON_IsNumber(v) || cJSON_IsBool(v))) return v;
  /* 1e999 is no text to show ("inf"): left a number, validation names it */
  if (cJSON_IsNumber(v) && !isfinite(v->valuedouble)) return v;
  cJSON *s = text_of(n, v);
  vgi_pos_delete(n->pm, v);
  return s;
}

/* A string given where lines are expected ("commands: |") becomes a list. */
static cJSON *lines_of(nctx *n, const cJSON *v) {
  const vgi_pos *p = vgi_pos_get(n->pm, v);
  int line = p ? p->line : 0, col = p ? p->col : 0;
  cJSON *arr = cJSON_CreateArray();
  vgi_pos_set(n->pm, arr, n->file, line, col);
  const char *s = v->valuestring;
  size_t len = strlen(s);
  while (len && s[len - 1] == '\n') len--;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(s + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - s) : len;
    char *l = malloc(e - i + 1);
    if (!l) abort();
    memcpy(l, s + i, e - i);
    l[e - i] = 0;
    cJSON *it = cJSON_CreateString(l);
    free(l);
    vgi_pos_set(n->pm, it, n->file, line, col);
    cJSON_AddItemToArray(arr, it);
    i = e + 1;
  }
  return arr;
}

static void coerce_visual(nctx *n, cJSON *vc, const vgi_scene_type *t) {
  if (!t || !cJSON_IsObject(vc)) return;
  for (cJSON *c = vc->child; c;) {
    cJSON *next = c->next;
    const vgi_field *f = vgi_field_find(t, c->string);
    cJSON *rep = NULL;
    if (f && (f->kind == VGI_F_STR || f->kind == VGI_F_DIFFICULTY || f->kind == VGI_F_CODE) &&
        (cJSON_IsNumber(c) || cJSON_IsBool(c)))
      rep = text_of(n, c);
    else if (f && f->kind == VGI_F_LINES && cJSON_IsString(c))
      rep = lines_of(n, c);
    if (rep) {
      rep->string = vgi_strdup(c->string);   /* ReplaceItemViaPointer keeps no key */
      vgi_pos_forget(n->pm, c);
      cJSON_ReplaceItemViaPointer(vc, c, rep);
      c = rep;
    }
    if (f && cJSON_IsArray(c) &&
        (f->kind == VGI_F_ITEMS || f->kind == VGI_F_STRLIST || f->kind == VGI_F_LINES))
      for (cJSON *it = c->child; it;) {
        cJSON *nx = it->next;
        if (cJSON_IsNumber(it) || cJSON_IsBool(it)) {
          cJSON *t = text_of(n, it);
          vgi_pos_forget(n->pm, it);
          cJSON_ReplaceItemViaPointer(c, it, t);
        } else if (cJSON_IsNull(it) && f->kind == VGI_F_LINES) {
          vgi_pos_forget(n->pm, it);
          cJSON_ReplaceItemViaPointer(c, it, cJSON_CreateString(""));
        }
        it = nx;
      }
    if (f && cJSON_IsArray(c) && f->kind == VGI_F_ROWS)   /* cells: numbers as text, nothing as "" */
      for (cJSON *r = c->child; r; r = r->next) {
        if (!cJSON_IsArray(r)) continue;
        for (cJSON *it = r->child; it;) {
          cJSON *nx = it->next;
          if (cJSON_IsNumber(it) || cJSON_IsBool(it) || cJSON_IsNull(it)) {
            cJSON *t = cJSON_IsNull(it) ? cJSON_CreateString("") : text_of(n, it);
            vgi_pos_forget(n->pm, it);
            cJSON_ReplaceItemViaPointer(r, it, t);
          }
          it = nx;
        }
      }
    c = next;
  }
}

static cJSON *norm_scene(nctx *n, cJSON *s, int vi, int si, const cJSON *video) {
  char path[96];
  snprintf(path, sizeof path, "videos[%d].scenes[%d]", vi, si);
  cJSON *out = cJSON_CreateObject();
  /* a copy: the map's slots move when it grows */
  const vgi_pos *spp = vgi_pos_get(n->pm, s);
  vgi_pos spc = spp ? *spp : (vgi_pos){0};
  const vgi_pos *sp = spp ? &spc : NULL;
  if (sp) vgi_pos_set(n->pm, out, sp->file, sp->line, sp->col);

  if (!cJSON_IsObject(s)) {
    diag(n, VGI_ERROR, s, path, "a scene must be a mapping of fields");
    cJSON_AddItemToObject(out, "source", source_obj(n, s));
    vgi_pos_delete(n->pm, s);
    return out;
  }
  /* id */
  cJSON *id = take(s, "id");
  cJSON *sid = take(s, "scene_id");
  if (!id) id = sid, sid = NULL;
  vgi_pos_delete(n->pm, sid);
  id = as_text(n, id);
  if (!cJSON_IsString(id) || !*id->valuestring) {
    vgi_pos_delete(n->pm, id);
    char buf[32];
    snprintf(buf, sizeof buf, "scene_%02d", si + 1);
    id = cJSON_CreateString(buf);
  }
  cJSON_AddItemToObject(out, "id", id);

  /* type */
  cJSON *type = take(s, "scene_type");
  cJSON *type2 = take(s, "type");
  if (!type) type = type2, type2 = NULL;
  else if (type2) {
    diag(n, VGI_WARNING, type2, path, "both scene_type and type given; using scene_type");
    vgi_pos_delete(n->pm, type2);
  }
  if (!type) {
    diag(n, VGI_ERROR, s, path, "missing scene type (scene_type: or type:)");
    type = cJSON_CreateString("");
  }
  const vgi_scene_type *st = cJSON_IsString(type) ? vgi_scene_type_find(type->valuestring) : NULL;
  cJSON_AddItemToObject(out, "scene_type", type);

  /* visual content: given, or gathered from the flat form */
  cJSON *vc = take(s, "visual_content");
  if (vc && !cJSON_IsObject(vc)) {
    cJSON_AddItemToObject(out, "visual_content", vc);   /* validator reports the type */
    vc = NULL;
  } else {
    if (!vc) {
      vc = cJSON_CreateObject();
      if (sp) vgi_pos_set(n->pm, vc, sp->file, sp->line, sp->col);
    }
    for (cJSON *c = s->child; c;) {
      cJSON *next = c->next;
      if (!vgi_is_scene_key(c->string) && !vgi_is_helper_key(c->string)) {
        cJSON_DetachItemViaPointer(s, c);
        if (cJSON_GetObjectItemCaseSensitive(vc, c->string)) {
          diag(n, VGI_WARNING, c, path, "field %s given twice (in visual_content and at the top)",
               c->string);
          vgi_pos_delete(n->pm, c);
        } else {
          cJSON_AddItemToObject(vc, c->string, c);
        }
      }
      c = next;
    }
    coerce_visual(n, vc, st);
    cJSON_AddItemToObject(out, "visual_content", vc);
  }

  cJSON *narr = take(s, "narration");
  if (narr && !cJSON_IsNull(narr)) cJSON_AddItemToObject(out, "narration", as_text(n, narr));
  else vgi_pos_delete(n->pm, narr);

  cJSON *voice = take(s, "voice");
  if (!voice || cJSON_IsNull(voice)) {
    vgi_pos_delete(n->pm, voice);
    const cJSON *vv = cJSON_GetObjectItemCaseSensitive(video, "voice");
    voice = cJSON_IsString(vv) ? cJSON_CreateString(vv->valuestring) : cJSON_CreateString("male");
  }
  cJSON_AddItemToObject(out, "voice", voice);

  static const char *const dur[] = { "min_duration", "max_duration" };
  static const char *const vdur[] = { "min_scene_duration", "max_scene_duration" };
  static const double defdur[] = { 3.0, 15.0 };
  for (int k = 0; k < 2; k++) {
    cJSON *v = take(s, dur[k]);
    if (!v || cJSON_IsNull(v)) {
      vgi_pos_delete(n->pm, v);
      const cJSON *vv = cJSON_GetObjectItemCaseSensitive(video, vdur[k]);
      v = cJSON_CreateNumber(cJSON_IsNumber(vv) ? vv->valuedouble : defdur[k]);
    }
    cJSON_AddItemToObject(out, dur[k], v);
  }
  /* a scene's own `language` is the language it is said in ("de"); a
   * code's ("bash", in the flat form of a command scene) belongs to what
   * it shows */
  cJSON *slang = take(s, "language");
  if (slang && cJSON_IsString(slang) && !vgi_spoken_lang(slang->valuestring) && st &&
      vgi_field_find(st, "language") && cJSON_IsObject(vc) &&
      !cJSON_GetObjectItemCaseSensitive(vc, "language")) {
    cJSON_AddItemToObject(vc, "language", slang);
  } else if (slang && cJSON_IsString(slang) && vgi_spoken_lang(slang->valuestring)) {
    cJSON_AddItemToObject(out, "language", slang);
  } else if (slang && !cJSON_IsNull(slang)) {
    diag(n, VGI_WARNING, slang, "language",
         "expected a language tag such as en, de or pt-BR (the video's language is used)");
    vgi_pos_delete(n->pm, slang);
  } else {
    vgi_pos_delete(n->pm, slang);
  }
  /* a canonical model keeps its source; else where the scene is in the file */
  cJSON *src = take(s, "source");
  if (cJSON_IsObject(src) && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(src, "file"))) {
    cJSON_AddItemToObject(out, "source", src);
  } else {
    vgi_pos_delete(n->pm, src);
    cJSON_AddItemToObject(out, "source", source_obj(n, s));
  }

  /* narration helpers stay next to visual_content */
  for (cJSON *c = s->child; c;) {
    cJSON *next = c->next;
    cJSON_DetachItemViaPointer(s, c);
    if (!strcmp(c->string, "topic") || !strcmp(c->string, "key_message") ||
        !strcmp(c->string, "context") || !strcmp(c->string, "improvement"))
      c = as_text(n, c);
    cJSON_AddItemToObject(out, c->string, c);
    c = next;
  }
  /* the visual_content flavour keeps helpers inside visual_content: copy up
   * for narration (leave the visual fields as they are) */
  cJSON *vcn = cJSON_GetObjectItemCaseSensitive(out, "visual_content");
  static const char *const helpers[] = { "topic", "key_message", "key_points", "context",
                                         "improvement", NULL };
  for (int k = 0; helpers[k] && cJSON_IsObject(vcn); k++) {
    const cJSON *h = cJSON_GetObjectItemCaseSensitive(vcn, helpers[k]);
    if (h && !cJSON_GetObjectItemCaseSensitive(out, helpers[k]))
      cJSON_AddItemToObject(out, helpers[k], cJSON_Duplicate(h, 1));
  }
  vgi_pos_delete(n->pm, s);
  return out;
}

static const char *const video_keys[] = { "id", "title", "description", "voice", "accent_color",
  "theme", "target_duration", "version", "source", "scenes", "min_scene_duration",
  "max_scene_duration", "tags", "author", "metadata", "language", "subtitle", NULL };

static char *default_id(const char *file, int index) {
  char buf[256];
  const char *base = file ? strrchr(file, '/') : NULL;
  base = base ? base + 1 : (file ? file : "video");
  snprintf(buf, sizeof buf, "%s", base);
  char *dot = strrchr(buf, '.');
  if (dot && dot != buf) *dot = 0;
  if (index > 0) {
    size_t l = strlen(buf);
    snprintf(buf + l, sizeof buf - l, "_%d", index + 1);
  }
  return vgi_strdup(buf);
}

/* v: the video's own fields (owned); scenes: its scenes list (owned, may be NULL). */
static cJSON *norm_video(nctx *n, cJSON *v, cJSON *scenes, int vi, int nvideos) {
  char path[64];
  snprintf(path, sizeof path, "videos[%d]", vi);
  cJSON *out = cJSON_CreateObject();
  const vgi_pos *vp = vgi_pos_get(n->pm, v);
  if (vp) vgi_pos_set(n->pm, out, vp->file, vp->line, vp->col);

  for (cJSON *c = v->child; c; c = c->next) {
    int known = 0;
    for (int k = 0; video_keys[k]; k++)
      if (!strcmp(video_keys[k], c->string)) known = 1;
    if (!known) {
      char fp[128];
      snprintf(fp, sizeof fp, "%s.%s", path, c->string);
      diag(n, VGI_WARNING, c, fp, "unknown video field (ignored)");
    }
  }
  cJSON *id = as_text(n, take(v, "id"));
  if (!cJSON_IsString(id) || !*id->valuestring) {
    vgi_pos_delete(n->pm, id);
    char *d = default_id(n->file, nvideos > 1 ? vi : 0);
    id = cJSON_CreateString(d);
    free(d);
  }
  cJSON_AddItemToObject(out, "id", id);
  cJSON *title = as_text(n, take(v, "title"));
  if (!title || cJSON_IsNull(title)) {
    vgi_pos_delete(n->pm, title);
    title = cJSON_CreateString(id->valuestring);
  }
  cJSON_AddItemToObject(out, "title", title);
  cJSON *desc = as_text(n, take(v, "description"));
  if (desc) cJSON_AddItemToObject(out, "description", desc);
  static const char *const keys[] = { "voice", "accent_color", "theme" };
  static const char *const defs[] = { "male", "blue", "light" };
  for (int k = 0; k < 3; k++) {
    cJSON *x = take(v, keys[k]);
    if (!x || cJSON_IsNull(x)) {
      vgi_pos_delete(n->pm, x);
      x = cJSON_CreateString(defs[k]);
      /* nobody chose the voice: the language pass may give it the document's */
      if (k == 0) cJSON_AddTrueToObject(out, VGI_VOICE_AUTO_KEY);
    }
    cJSON_AddItemToObject(out, keys[k], x);
  }
  cJSON *lang = take(v, "language");
  if (cJSON_IsString(lang) && vgi_lang_tag_ok(lang->valuestring)) {
    cJSON_AddItemToObject(out, "language", lang);
  } else {
    if (lang && !cJSON_IsNull(lang))
      diag(n, VGI_WARNING, lang, "language",
           "expected a language tag such as en, de or pt-BR (detected instead)");
    vgi_pos_delete(n->pm, lang);
  }
  cJSON *td = take(v, "target_duration");
  if (td && !cJSON_IsNull(td)) cJSON_AddItemToObject(out, "target_duration", td);
  else vgi_pos_delete(n->pm, td);
  cJSON *vsrc = take(v, "source");
  if (cJSON_IsObject(vsrc) && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(vsrc, "file"))) {
    cJSON_AddItemToObject(out, "source", vsrc);
  } else {
    vgi_pos_delete(n->pm, vsrc);
    cJSON_AddItemToObject(out, "source", source_obj(n, v));
  }
  /* scene duration defaults travel with the video until scenes are built */
  cJSON *mins = take(v, "min_scene_duration"), *maxs = take(v, "max_scene_duration");
  /* scenes inherit only numbers: anything else would be dropped unseen */
  cJSON *const sd[2] = { mins, maxs };
  for (int k = 0; k < 2; k++) {
    if (!sd[k] || cJSON_IsNull(sd[k]) || cJSON_IsNumber(sd[k])) continue;
    char fp[128], why[160];
    snprintf(fp, sizeof fp, "%s.%s", path, k ? "max_scene_duration" : "min_scene_duration");
    const char *w = vgi_number_problem(sd[k], why, sizeof why);
    diag(n, VGI_ERROR, sd[k], fp, "%s", w ? w : "expected a number of seconds");
  }
  cJSON *tmp = cJSON_CreateObject();
  cJSON_AddItemToObject(tmp, "voice", cJSON_Duplicate(cJSON_GetObjectItem(out, "voice"), 1));
  if (mins) cJSON_AddItemToObject(tmp, "min_scene_duration", mins);
  if (maxs) cJSON_AddItemToObject(tmp, "max_scene_duration", maxs);

  cJSON *own = take(v, "scenes");
  if (own && scenes) {
    diag(n, VGI_WARNING, own, path, "scenes given twice; using the list inside video:");
    vgi_pos_delete(n->pm, scenes);
    scenes = own;
  } else if (own) {
    scenes = own;
  }
  cJSON *list = cJSON_CreateArray();
  if (!scenes || cJSON_IsNull(scenes)) {
    diag(n, VGI_ERROR, v, path, "missing field scenes (a list of scenes)");
  } else if (!cJSON_IsArray(scenes)) {
    char fp[96];
    snprintf(fp, sizeof fp, "%s.scenes", path);
    diag(n, VGI_ERROR, scenes, fp, "scenes must be a list");
  } else {
    const vgi_pos *lp = vgi_pos_get(n->pm, scenes);
    if (lp) vgi_pos_set(n->pm, list, lp->file, lp->line, lp->col);
    int si = 0;
    for (cJSON *s = scenes->child; s;) {
      cJSON *next = s->next;
      cJSON_DetachItemViaPointer(scenes, s);
      cJSON_AddItemToArray(list, norm_scene(n, s, vi, si++, tmp));
      s = next;
    }
  }
  vgi_pos_delete(n->pm, scenes);
  vgi_pos_delete(n->pm, tmp);
  cJSON_AddItemToObject(out, "scenes", list);
  vgi_pos_delete(n->pm, v);
  return out;
}

/* One entry of videos: either {video: {...}, scenes: [...]} or a flat video. */
static cJSON *entry_video(nctx *n, cJSON *e, int vi, int nvideos) {
  if (!cJSON_IsObject(e)) {
    char path[64];
    snprintf(path, sizeof path, "videos[%d]", vi);
    diag(n, VGI_ERROR, e, path, "a video must be a mapping of fields");
    vgi_pos_delete(n->pm, e);
    cJSON *empty = cJSON_CreateObject();
    return norm_video(n, empty, cJSON_CreateArray(), vi, nvideos);
  }
  cJSON *video = take(e, "video");
  if (video && cJSON_IsObject(video)) {
    cJSON *scenes = take(e, "scenes");
    /* other top-level keys (comments turned data, e.g. version) are dropped */
    for (cJSON *c = e->child; c; c = c->next)
      if (strcmp(c->string, "set"))
        diag(n, VGI_WARNING, c, c->string, "unknown top-level field (ignored)");
    vgi_pos_delete(n->pm, e);
    return norm_video(n, video, scenes, vi, nvideos);
  }
  if (video) {
    diag(n, VGI_ERROR, video, "video", "video must be a mapping of fields");
    vgi_pos_delete(n->pm, video);
  }
  return norm_video(n, e, NULL, vi, nvideos);
}

cJSON *vgi_normalize_video(cJSON *v, int index, const char *file, vgi_posmap *pm,
                           vgi_diags *d) {
  nctx n = { file, pm, d };
  return entry_video(&n, v, index, 1);
}

cJSON *vgi_normalize(cJSON *doc, const char *file, vgi_posmap *pm, vgi_diags *d) {
  nctx n = { file, pm, d };
  cJSON *model = cJSON_CreateObject();
  cJSON *videos = cJSON_AddArrayToObject(model, "videos");
  cJSON *list = NULL;
  if (cJSON_IsArray(doc)) {
    list = doc;
  } else if (cJSON_IsObject(doc) && cJSON_GetObjectItemCaseSensitive(doc, "set") &&
             !cJSON_GetObjectItemCaseSensitive(doc, "scenes")) {
    diag(&n, VGI_ERROR, doc, NULL,
         "this is a set configuration: check its directory instead");
    vgi_pos_delete(pm, doc);
    return model;
  } else if (cJSON_IsObject(doc) && cJSON_GetObjectItemCaseSensitive(doc, "videos")) {
    list = take(doc, "videos");
    for (cJSON *c = doc->child; c; c = c->next)
      diag(&n, VGI_WARNING, c, c->string, "unknown top-level field (ignored)");
    vgi_pos_delete(pm, doc);
    if (!cJSON_IsArray(list)) {
      diag(&n, VGI_ERROR, list, "videos", "videos must be a list");
      vgi_pos_delete(pm, list);
      return model;
    }
  } else if (cJSON_IsObject(doc)) {
    cJSON_AddItemToArray(videos, entry_video(&n, doc, 0, 1));
    return model;
  } else {
    diag(&n, VGI_ERROR, doc, NULL, "the document must be a mapping (video: and scenes:)");
    vgi_pos_delete(pm, doc);
    return model;
  }
  int nv = cJSON_GetArraySize(list), vi = 0;
  for (cJSON *e = list->child; e;) {
    cJSON *next = e->next;
    cJSON_DetachItemViaPointer(list, e);
    cJSON_AddItemToArray(videos, entry_video(&n, e, vi++, nv));
    e = next;
  }
  vgi_pos_delete(pm, list);
  return model;
}
