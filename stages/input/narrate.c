/* narrate.c: narration for scenes that have none, from templates per scene
 * type (as the system we replace wrote it: "Welcome to {title}. {subtitle}."),
 * using topic, key_message and key_points when present; and fitting generated
 * narration to a target duration by word budget. */
#include "input_private.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *field(const cJSON *scene, const cJSON *vc, const char *key) {
  const char *s = vgi_str(vc, key);
  if (!s) s = vgi_str(scene, key);
  return s && *s ? s : NULL;
}

/* Appends s as a sentence: trimmed, final punctuation ensured. */
static void sentence(vgi_buf *b, const char *s) {
  if (!s) return;
  char *t = vgi_squash(vgi_strdup(s));
  size_t n = strlen(t);
  while (n && (t[n - 1] == ':' || t[n - 1] == ';' || t[n - 1] == ',')) t[--n] = 0;
  if (n) {
    if (b->n) vgi_buf_puts(b, " ");
    vgi_buf_puts(b, t);
    if (!strchr(".!?", t[n - 1])) vgi_buf_puts(b, ".");
  }
  free(t);
}

static const char *item_text(const cJSON *it) {
  if (cJSON_IsString(it)) return it->valuestring;
  if (cJSON_IsObject(it)) return vgi_str(it, "title");
  return NULL;
}

/* "a, b, and c"; `max` 0 = all; only top-level list items (level 0). */
static char *lower_first(const char *s);

static void join_ex(vgi_buf *b, const cJSON *arr, int max, const char *conj, int lower);
static void join(vgi_buf *b, const cJSON *arr, int max, const char *conj) {
  join_ex(b, arr, max, conj, 0);
}

/* key points read mid-sentence: "This gives you easy installation, ..." */
static void join_lower(vgi_buf *b, const cJSON *arr) { join_ex(b, arr, 0, "and", 1); }

static void join_ex(vgi_buf *b, const cJSON *arr, int max, const char *conj, int lower) {
  int n = 0, total = 0;
  for (const cJSON *it = arr ? arr->child : NULL; it; it = it->next) {
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    if (item_text(it) && !(cJSON_IsNumber(lvl) && lvl->valueint > 0)) total++;
  }
  if (max && total > max) total = max;
  for (const cJSON *it = arr ? arr->child : NULL; it && n < total; it = it->next) {
    const char *t = item_text(it);
    const cJSON *lvl = cJSON_GetObjectItemCaseSensitive(it, "level");
    if (!t || (cJSON_IsNumber(lvl) && lvl->valueint > 0)) continue;
    char *c = vgi_squash(lower ? lower_first(t) : vgi_strdup(t));
    size_t l = strlen(c);
    while (l && strchr(".:;,", c[l - 1])) c[--l] = 0;
    if (n) vgi_buf_puts(b, total == 2 ? " " : ", ");
    if (n && n == total - 1) vgi_buf_printf(b, "%s ", conj);
    vgi_buf_puts(b, c);
    free(c);
    n++;
  }
}

static int count_text(const cJSON *arr) {
  int n = 0;
  for (const cJSON *it = arr ? arr->child : NULL; it; it = it->next)
    if (item_text(it)) n++;
  return n;
}

static char *lower_first(const char *s) {
  char *t = vgi_strdup(s);
  if (t[0] && isupper((unsigned char)t[0]) && !isupper((unsigned char)t[1]))
    t[0] = (char)tolower((unsigned char)t[0]);
  return t;
}

char *vgi_template(const cJSON *scene) {
  const char *type = vgi_str(scene, "scene_type");
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(scene, "visual_content");
  vgi_buf b = {0};
  if (!type || !cJSON_IsObject(vc)) return NULL;
  const char *topic = field(scene, vc, "topic");
  const char *key = field(scene, vc, "key_message");
  const cJSON *kp = cJSON_GetObjectItemCaseSensitive(scene, "key_points");
  if (!kp) kp = cJSON_GetObjectItemCaseSensitive(vc, "key_points");
  if (!cJSON_IsArray(kp) || !count_text(kp)) kp = NULL;

  if (!strcmp(type, "title")) {
    const char *title = vgi_str(vc, "title"), *sub = vgi_str(vc, "subtitle");
    if (title) {
      vgi_buf t = {0};
      vgi_buf_printf(&t, "Welcome to %s", title);
      sentence(&b, t.s);
      vgi_buf_free(&t);
    }
    if (key) sentence(&b, key);
    else if (sub) sentence(&b, sub);
  } else if (!strcmp(type, "command")) {
    const char *h = vgi_str(vc, "header"), *desc = vgi_str(vc, "description");
    sentence(&b, topic ? topic : h);
    if (!topic && desc) sentence(&b, desc);
    const cJSON *cmds = cJSON_GetObjectItemCaseSensitive(vc, "commands");
    int n = count_text(cmds);
    if (n) sentence(&b, n == 1 ? "Run this command to get started" : "Run these commands to get started");
    if (kp) {
      vgi_buf_puts(&b, b.n ? " This gives you " : "This gives you ");
      join_lower(&b, kp);
      vgi_buf_puts(&b, ".");
    }
  } else if (!strcmp(type, "list")) {
    const char *h = vgi_str(vc, "header"), *desc = vgi_str(vc, "description");
    sentence(&b, topic ? topic : h);
    if (!topic && desc) sentence(&b, desc);
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(vc, "items");
    if (count_text(items)) {
      vgi_buf_puts(&b, b.n ? " Key points include " : "Key points include ");
      join(&b, items, 8, "and");
      vgi_buf_puts(&b, ".");
    }
    if (kp) {
      vgi_buf_puts(&b, " Remember: ");
      join(&b, kp, 0, "and");
      vgi_buf_puts(&b, ".");
    }
  } else if (!strcmp(type, "outro")) {
    const char *m = vgi_str(vc, "main_text"), *sub = vgi_str(vc, "sub_text");
    sentence(&b, m);
    if (key) sentence(&b, key);
    if (sub) {
      size_t l = strlen(sub);
      if (!strncmp(sub, "See ", 4) || !strncmp(sub, "see ", 4)) {
        sentence(&b, sub);
      } else if ((l > 3 && !strcmp(sub + l - 3, ".md")) || strchr(sub, '/') ||
                 (l > 4 && (!strcmp(sub + l - 4, ".txt") || !strcmp(sub + l - 5, ".html")))) {
        vgi_buf_printf(&b, "%sSee %s for complete guides.", b.n ? " " : "", sub);
      } else {
        sentence(&b, sub);
      }
    }
  } else if (!strcmp(type, "code_comparison")) {
    const char *h = vgi_str(vc, "header");
    const char *bl = vgi_str(vc, "before_label"), *al = vgi_str(vc, "after_label");
    sentence(&b, topic ? topic : h);
    char *bl2 = lower_first(bl ? bl : "original"), *al2 = lower_first(al ? al : "improved");
    vgi_buf_printf(&b, "%sCompare the %s code with the %s version.", b.n ? " " : "", bl2, al2);
    free(bl2);
    free(al2);
    sentence(&b, field(scene, vc, "improvement"));
    if (kp) {
      vgi_buf_puts(&b, " Key improvements: ");
      join(&b, kp, 0, "and");
      vgi_buf_puts(&b, ".");
    }
  } else if (!strcmp(type, "quote")) {
    const char *q = vgi_str(vc, "quote_text"), *a = vgi_str(vc, "attribution");
    if (a && *a) vgi_buf_printf(&b, "As %s put it:", a);
    sentence(&b, q);
    sentence(&b, field(scene, vc, "context"));
  } else if (!strcmp(type, "problem")) {
    const cJSON *num = cJSON_GetObjectItemCaseSensitive(vc, "problem_number");
    const char *t = vgi_str(vc, "title"), *txt = vgi_str(vc, "problem_text"), *dif = vgi_str(vc, "difficulty");
    if (cJSON_IsNumber(num)) vgi_buf_printf(&b, "Problem %d:", num->valueint);
    sentence(&b, t);
    sentence(&b, txt);
    if (dif) vgi_buf_printf(&b, " This is %s %s problem.", strcmp(dif, "easy") ? "a" : "an", dif);
  } else if (!strcmp(type, "solution")) {
    sentence(&b, vgi_str(vc, "title") ? vgi_str(vc, "title") : "Here is the solution");
    sentence(&b, vgi_str(vc, "explanation"));
  } else if (!strcmp(type, "checkpoint")) {
    const cJSON *num = cJSON_GetObjectItemCaseSensitive(vc, "checkpoint_number");
    if (cJSON_IsNumber(num)) vgi_buf_printf(&b, "Checkpoint %d.", num->valueint);
    else vgi_buf_puts(&b, "Checkpoint.");
    const cJSON *ct = cJSON_GetObjectItemCaseSensitive(vc, "completed_topics");
    if (count_text(ct)) { vgi_buf_puts(&b, " So far we covered "); join(&b, ct, 0, "and"); vgi_buf_puts(&b, "."); }
    const cJSON *rq = cJSON_GetObjectItemCaseSensitive(vc, "review_questions");
    for (const cJSON *q = rq ? rq->child : NULL; q; q = q->next)
      if (cJSON_IsString(q)) sentence(&b, q->valuestring);
    const cJSON *nt = cJSON_GetObjectItemCaseSensitive(vc, "next_topics");
    if (count_text(nt)) { vgi_buf_puts(&b, " Next, we look at "); join(&b, nt, 0, "and"); vgi_buf_puts(&b, "."); }
  } else if (!strcmp(type, "quiz")) {
    vgi_buf_puts(&b, "Quiz time.");
    sentence(&b, vgi_str(vc, "question"));
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(vc, "options");
    if (count_text(o)) { vgi_buf_puts(&b, " Is it "); join(&b, o, 0, "or"); vgi_buf_puts(&b, "?"); }
    const cJSON *show = cJSON_GetObjectItemCaseSensitive(vc, "show_answer");
    const char *ans = vgi_str(vc, "correct_answer");
    if (ans && cJSON_IsTrue(show)) vgi_buf_printf(&b, " The answer is %s.", ans);
  } else if (!strcmp(type, "learning_objectives")) {
    const char *lt = vgi_str(vc, "lesson_title");
    if (lt) vgi_buf_printf(&b, "In this lesson, %s, you will learn to ", lt);
    else vgi_buf_puts(&b, "In this lesson you will learn to ");
    const cJSON *obj = cJSON_GetObjectItemCaseSensitive(vc, "objectives");
    join_lower(&b, obj);
    vgi_buf_puts(&b, ".");
  } else if (!strcmp(type, "exercise")) {
    const char *t = vgi_str(vc, "title"), *et = vgi_str(vc, "estimated_time");
    vgi_buf_puts(&b, "Exercise:");
    sentence(&b, t);
    const cJSON *ins = cJSON_GetObjectItemCaseSensitive(vc, "instructions");
    for (const cJSON *q = ins ? ins->child : NULL; q; q = q->next)
      if (cJSON_IsString(q)) sentence(&b, q->valuestring);
    if (et) vgi_buf_printf(&b, " This should take about %s.", et);
  } else {
    return NULL;
  }
  if (!b.n) return NULL;
  return vgi_buf_take(&b);
}

/* Removes pictographs (emoji, dingbats, variation selectors) that a speech
 * synthesizer would read out by name or stumble on; in place. */
static void unspeakable_out(char *s) {
  unsigned char *r = (unsigned char *)s, *w = r;
  while (*r) {
    unsigned cp = 0;
    int len = 1;
    if (*r >= 0xF0 && r[1] && r[2] && r[3]) {
      cp = ((r[0] & 7u) << 18) | ((r[1] & 63u) << 12) | ((r[2] & 63u) << 6) | (r[3] & 63u);
      len = 4;
    } else if (*r >= 0xE0 && r[1] && r[2]) {
      cp = ((r[0] & 15u) << 12) | ((r[1] & 63u) << 6) | (r[2] & 63u);
      len = 3;
    }
    int drop = (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
               (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || (cp >= 0x2B00 && cp <= 0x2BFF);
    if (!drop) memmove(w, r, (size_t)len), w += len;
    r += len;
  }
  *w = 0;
  vgi_squash(s);
}

/* Keeps whole sentences up to `words` words (at least the first). */
static char *trim_sentences(const char *s, int words) {
  vgi_buf b = {0};
  const char *p = s;
  while (*p) {
    const char *e = p;
    while (*e && !(strchr(".!?", *e) && (e[1] == ' ' || !e[1]))) e++;
    if (*e) e++;
    vgi_buf tmp = {0};
    vgi_buf_add(&tmp, p, (size_t)(e - p));
    int w = vgi_word_count(b.s) + vgi_word_count(tmp.s);
    if (b.n && w > words) { vgi_buf_free(&tmp); break; }
    vgi_buf_add(&b, p, (size_t)(e - p));
    vgi_buf_free(&tmp);
    p = e;
  }
  char *r = vgi_buf_take(&b);
  return vgi_squash(r);
}

void vgi_narrate(cJSON *model, const vgi_options *opts) {
  const cJSON *videos = cJSON_GetObjectItemCaseSensitive(model, "videos");
  for (cJSON *v = videos ? videos->child : NULL; v; v = v->next) {
    cJSON *scenes = cJSON_GetObjectItemCaseSensitive(v, "scenes");
    if (!cJSON_IsArray(scenes)) continue;
    int fixed = 0, autow = 0;
    for (cJSON *s = scenes->child; s; s = s->next) {
      if (!cJSON_IsObject(s)) continue;
      cJSON *n = cJSON_GetObjectItemCaseSensitive(s, "narration");
      if (!n && !(opts && opts->no_narration)) {
        char *t = vgi_template(s);
        if (t) {
          /* keep the canonical key order: narration right after visual_content */
          cJSON *ns = cJSON_CreateString(t);
          cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
          cJSON *rest = cJSON_CreateObject();
          while (vc && vc->next) {
            cJSON *x = cJSON_DetachItemViaPointer(s, vc->next);
            cJSON_AddItemToObject(rest, x->string, x);
          }
          cJSON_AddItemToObject(s, "narration", ns);
          while (rest->child) {
            cJSON *x = cJSON_DetachItemViaPointer(rest, rest->child);
            cJSON_AddItemToObject(s, x->string, x);
          }
          cJSON_Delete(rest);
          cJSON_AddTrueToObject(s, VGI_AUTO_KEY);
          free(t);
          n = ns;
        }
      }
      if (cJSON_IsString(n)) {
        if (cJSON_GetObjectItemCaseSensitive(s, VGI_AUTO_KEY)) autow += vgi_word_count(n->valuestring);
        else fixed += vgi_word_count(n->valuestring);
      }
    }
    double duration = opts ? opts->duration : 0;
    if (duration > 0) {
      double budget = duration * VGI_WPM / 60.0;
      if (fixed + autow > budget && autow > 0) {
        double scale = budget > fixed ? (budget - fixed) / autow : 0;
        for (cJSON *s = scenes->child; s; s = s->next) {
          cJSON *n = cJSON_GetObjectItemCaseSensitive(s, "narration");
          if (!cJSON_IsString(n) || !cJSON_GetObjectItemCaseSensitive(s, VGI_AUTO_KEY)) continue;
          int w = (int)floor(vgi_word_count(n->valuestring) * scale);
          char *t = trim_sentences(n->valuestring, w);
          cJSON_SetValuestring(n, t);
          free(t);
        }
      } else if (fixed + autow > 0 && fixed + autow < budget) {
        /* too short: stretch scenes (within their max) towards the target */
        double total = (fixed + autow) * 60.0 / VGI_WPM, k = duration / total;
        for (cJSON *s = scenes->child; s; s = s->next) {
          cJSON *n = cJSON_GetObjectItemCaseSensitive(s, "narration");
          cJSON *mn = cJSON_GetObjectItemCaseSensitive(s, "min_duration");
          cJSON *mx = cJSON_GetObjectItemCaseSensitive(s, "max_duration");
          if (!cJSON_IsString(n) || !cJSON_IsNumber(mn) || !cJSON_IsNumber(mx)) continue;
          double want = vgi_speech_seconds(n->valuestring) * k;
          if (want > mx->valuedouble) want = mx->valuedouble;
          if (want > mn->valuedouble) cJSON_SetNumberValue(mn, round(want * 10) / 10);
        }
      }
    }
    for (cJSON *s = scenes->child; s; s = s->next) {
      if (!cJSON_IsObject(s)) continue;
      cJSON *an = cJSON_GetObjectItemCaseSensitive(s, "narration");
      if (cJSON_GetObjectItemCaseSensitive(s, VGI_AUTO_KEY) && cJSON_IsString(an)) {
        char *t = vgi_strdup(an->valuestring);
        unspeakable_out(t);
        cJSON_SetValuestring(an, t);
        free(t);
      }
      cJSON_DeleteItemFromObjectCaseSensitive(s, VGI_AUTO_KEY);
      if (cJSON_GetObjectItemCaseSensitive(s, VGI_MAXAUTO_KEY)) {
        /* the adapter chose this scene's duration: fit it to the narration */
        const char *nt = vgi_str(s, "narration");
        cJSON *mx = cJSON_GetObjectItemCaseSensitive(s, "max_duration");
        cJSON *mn = cJSON_GetObjectItemCaseSensitive(s, "min_duration");
        double want = vgi_max_for(nt);
        if (cJSON_IsNumber(mn) && want < mn->valuedouble) want = mn->valuedouble;
        if (cJSON_IsNumber(mx)) cJSON_SetNumberValue(mx, want);
        cJSON_DeleteItemFromObjectCaseSensitive(s, VGI_MAXAUTO_KEY);
      }
    }
  }
}
