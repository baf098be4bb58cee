/* narrate.c: narration for scenes that have none, from templates per scene
 * type (as the system we replace wrote it: "Welcome to {title}. {subtitle}."),
 * using topic, key_message and key_points when present; and fitting generated
 * narration to a target duration by word budget. */
#include "input_private.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *field(const cJSON *scene, const cJSON *vc, const char *key) {
  const char *s = vgi_str(vc, key);
  if (!s) s = vgi_str(scene, key);
  return s && *s ? s : NULL;
}

/* 1 when s ends with a sentence's final mark (any script). */
static int ends_sentence(const char *t, size_t n) {
  if (!n) return 0;
  if (strchr(".!?", t[n - 1])) return 1;
  static const char *const marks[] = { "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xD8\x9F", "\xE2\x80\xA6" };
  for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
    size_t l = strlen(marks[i]);
    if (n >= l && !memcmp(t + n - l, marks[i], l)) return 1;
  }
  return 0;
}

/* Appends s as a sentence: trimmed, final punctuation ensured (the
 * language's full stop). */
static void sentence_l(vgi_buf *b, const char *s, const char *lang) {
  if (!s) return;
  char *t = vgi_squash(vgi_strdup(s));
  size_t n = strlen(t);
  while (n && (t[n - 1] == ':' || t[n - 1] == ';' || t[n - 1] == ',')) t[--n] = 0;
  if (n) {
    if (b->n) vgi_buf_puts(b, " ");
    vgi_buf_puts(b, t);
    if (!ends_sentence(t, n)) vgi_buf_puts(b, vgi_phrase(lang, "stop"));
  }
  free(t);
}

static const char *item_text(const cJSON *it) {
  if (cJSON_IsString(it)) return it->valuestring;
  if (cJSON_IsObject(it)) return vgi_str(it, "title");
  return NULL;
}

/* English phrases (also for a language the table lacks) */
static int english(const char *lang) {
  return !lang || !vgi_lang_known(lang) || (!strncmp(lang, "en", 2) && (!lang[2] || lang[2] == '-'));
}

static char *lower_first(const char *s) {
  char *t = vgi_strdup(s);
  if (t[0] && isupper((unsigned char)t[0]) && !isupper((unsigned char)t[1]))
    t[0] = (char)tolower((unsigned char)t[0]);
  return t;
}

/* "a, b, and c" in the language (`or`: "a, b, or c"); `max` 0 = all; only
 * top-level list items (level 0). `lower`: items read mid-sentence start in
 * lower case (English only: German nouns keep their capital). */
static char *joined(const cJSON *arr, int max, int or, int lower, const char *lang) {
  vgi_buf b = {0};
  int n = 0, total = 0;
  lower = lower && english(lang);
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
    if (l >= 3 && !strcmp(c + l - 3, "\xE3\x80\x82")) c[l -= 3] = 0;
    if (n) {
      const char *key = n < total - 1 ? "sep" : total == 2 ? (or ? "or_pair" : "pair")
                                                          : (or ? "or_last" : "last");
      vgi_buf_puts(&b, vgi_phrase(lang, key));
    }
    vgi_buf_puts(&b, c);
    free(c);
    n++;
  }
  return vgi_buf_take(&b);
}

static int count_text(const cJSON *arr) {
  int n = 0;
  for (const cJSON *it = arr ? arr->child : NULL; it; it = it->next)
    if (item_text(it)) n++;
  return n;
}

/* Appends " " (when b has text) and the phrase with up to two arguments. */
static void phrase(vgi_buf *b, const char *lang, const char *key, const char *a1, const char *a2) {
  const char *args[2] = { a1, a2 };
  if (b->n) vgi_buf_puts(b, " ");
  vgi_phrase_put(b, lang, key, args, 2);
}

/* the phrase with a joined list as {1} */
static void phrase_list(vgi_buf *b, const char *lang, const char *key, const cJSON *arr, int max,
                        int or, int lower) {
  char *j = joined(arr, max, or, lower, lang);
  phrase(b, lang, key, j, NULL);
  free(j);
}

static char *phrase_dup(const char *lang, const char *key, const char *a1) {
  vgi_buf t = {0};
  phrase(&t, lang, key, a1, NULL);
  return vgi_buf_take(&t);
}

char *vgi_template(const cJSON *scene, const char *lang) {
  const char *type = vgi_str(scene, "scene_type");
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(scene, "visual_content");
  vgi_buf b = {0};
  if (!type || !cJSON_IsObject(vc)) return NULL;
  const char *topic = field(scene, vc, "topic");
  const char *key = field(scene, vc, "key_message");
  const cJSON *kp = cJSON_GetObjectItemCaseSensitive(scene, "key_points");
  if (!kp) kp = cJSON_GetObjectItemCaseSensitive(vc, "key_points");
  if (!cJSON_IsArray(kp) || !count_text(kp)) kp = NULL;
#define sentence(b, s) sentence_l(b, s, lang)

  if (!strcmp(type, "title")) {
    const char *title = vgi_str(vc, "title"), *sub = vgi_str(vc, "subtitle");
    if (title) {
      char *t = phrase_dup(lang, "welcome", title);
      sentence(&b, t);
      free(t);
    }
    if (key) sentence(&b, key);
    else if (sub) sentence(&b, sub);
  } else if (!strcmp(type, "command")) {
    const char *h = vgi_str(vc, "header"), *desc = vgi_str(vc, "description");
    sentence(&b, topic ? topic : h);
    if (!topic && desc) sentence(&b, desc);
    const cJSON *cmds = cJSON_GetObjectItemCaseSensitive(vc, "commands");
    int n = count_text(cmds);
    if (n) sentence(&b, vgi_phrase(lang, n == 1 ? "run_one" : "run_many"));
    if (kp) phrase_list(&b, lang, "gives_you", kp, 0, 0, 1);
  } else if (!strcmp(type, "list")) {
    const char *h = vgi_str(vc, "header"), *desc = vgi_str(vc, "description");
    sentence(&b, topic ? topic : h);
    if (!topic && desc) sentence(&b, desc);
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(vc, "items");
    if (count_text(items)) phrase_list(&b, lang, "key_points", items, 8, 0, 0);
    if (kp) phrase_list(&b, lang, "remember", kp, 0, 0, 0);
  } else if (!strcmp(type, "table")) {
    sentence(&b, topic ? topic : vgi_str(vc, "header"));
    char *t = vgi_table_narration(vc, lang);
    if (t && *t) { if (b.n) vgi_buf_puts(&b, " "); vgi_buf_puts(&b, t); }
    free(t);
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
        phrase(&b, lang, "see_guides", sub, NULL);
      } else {
        sentence(&b, sub);
      }
    }
  } else if (!strcmp(type, "code_comparison")) {
    const char *h = vgi_str(vc, "header");
    const char *bl = vgi_str(vc, "before_label"), *al = vgi_str(vc, "after_label");
    sentence(&b, topic ? topic : h);
    int en = english(lang);
    char *bl2 = bl && en ? lower_first(bl) : vgi_strdup(bl ? bl : vgi_phrase(lang, "original"));
    char *al2 = al && en ? lower_first(al) : vgi_strdup(al ? al : vgi_phrase(lang, "improved"));
    phrase(&b, lang, "compare", bl2, al2);
    free(bl2);
    free(al2);
    sentence(&b, field(scene, vc, "improvement"));
    if (kp) phrase_list(&b, lang, "key_improvements", kp, 0, 0, 0);
  } else if (!strcmp(type, "quote")) {
    const char *q = vgi_str(vc, "quote_text"), *a = vgi_str(vc, "attribution");
    if (a && *a) phrase(&b, lang, "as_put_it", a, NULL);
    sentence(&b, q);
    sentence(&b, field(scene, vc, "context"));
  } else if (!strcmp(type, "problem")) {
    const cJSON *num = cJSON_GetObjectItemCaseSensitive(vc, "problem_number");
    const char *t = vgi_str(vc, "title"), *txt = vgi_str(vc, "problem_text"), *dif = vgi_str(vc, "difficulty");
    if (cJSON_IsNumber(num)) {
      char nb[32];
      snprintf(nb, sizeof nb, "%d", num->valueint);
      phrase(&b, lang, "problem_n", nb, NULL);
    }
    sentence(&b, t);
    sentence(&b, txt);
    if (dif && (!strcmp(dif, "easy") || !strcmp(dif, "medium") || !strcmp(dif, "hard"))) {
      char k[16];
      snprintf(k, sizeof k, "diff_%s", dif);
      phrase(&b, lang, k, NULL, NULL);
    }
  } else if (!strcmp(type, "solution")) {
    sentence(&b, vgi_str(vc, "title") ? vgi_str(vc, "title") : vgi_phrase(lang, "solution"));
    sentence(&b, vgi_str(vc, "explanation"));
  } else if (!strcmp(type, "checkpoint")) {
    const cJSON *num = cJSON_GetObjectItemCaseSensitive(vc, "checkpoint_number");
    if (cJSON_IsNumber(num)) {
      char nb[32];
      snprintf(nb, sizeof nb, "%d", num->valueint);
      phrase(&b, lang, "checkpoint_n", nb, NULL);
    } else {
      phrase(&b, lang, "checkpoint", NULL, NULL);
    }
    const cJSON *ct = cJSON_GetObjectItemCaseSensitive(vc, "completed_topics");
    if (count_text(ct)) phrase_list(&b, lang, "covered", ct, 0, 0, 0);
    const cJSON *rq = cJSON_GetObjectItemCaseSensitive(vc, "review_questions");
    for (const cJSON *q = rq ? rq->child : NULL; q; q = q->next)
      if (cJSON_IsString(q)) sentence(&b, q->valuestring);
    const cJSON *nt = cJSON_GetObjectItemCaseSensitive(vc, "next_topics");
    if (count_text(nt)) phrase_list(&b, lang, "next_topics", nt, 0, 0, 0);
  } else if (!strcmp(type, "quiz")) {
    phrase(&b, lang, "quiz_time", NULL, NULL);
    sentence(&b, vgi_str(vc, "question"));
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(vc, "options");
    if (count_text(o)) phrase_list(&b, lang, "is_it", o, 0, 1, 0);
    const cJSON *show = cJSON_GetObjectItemCaseSensitive(vc, "show_answer");
    const char *ans = vgi_str(vc, "correct_answer");
    if (ans && cJSON_IsTrue(show)) phrase(&b, lang, "answer", ans, NULL);
  } else if (!strcmp(type, "learning_objectives")) {
    const char *lt = vgi_str(vc, "lesson_title");
    const cJSON *obj = cJSON_GetObjectItemCaseSensitive(vc, "objectives");
    char *j = joined(obj, 0, 0, 1, lang);
    if (lt) phrase(&b, lang, "lesson_named", lt, j);
    else phrase(&b, lang, "lesson", j, NULL);
    free(j);
  } else if (!strcmp(type, "exercise")) {
    const char *t = vgi_str(vc, "title"), *et = vgi_str(vc, "estimated_time");
    phrase(&b, lang, "exercise", NULL, NULL);
    sentence(&b, t);
    const cJSON *ins = cJSON_GetObjectItemCaseSensitive(vc, "instructions");
    for (const cJSON *q = ins ? ins->child : NULL; q; q = q->next)
      if (cJSON_IsString(q)) sentence(&b, q->valuestring);
    if (et) phrase(&b, lang, "take_about", et, NULL);
  } else {
    return NULL;
  }
#undef sentence
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

/* A word no presenter reads out: a URL, a path (/usr/share, ~/x, ./x,
 * a/b/c, C:\x), an e-mail address, an HTML tag. */
static int unsaid(const char *w, size_t n) {
  char t[512];
  if (n == 0 || n >= sizeof t) return 0;   /* a huge word is not a link; the limits elsewhere judge it */
  memcpy(t, w, n);
  t[n] = 0;
  if (strstr(t, "://") || !strncmp(t, "www.", 4) || !strncmp(t, "mailto:", 7)) return 1;
  if (t[0] == '<' && t[n - 1] == '>') return 1;
  if ((t[0] == '/' && n > 1 && isalnum((unsigned char)t[1])) || !strncmp(t, "~/", 2) ||
      !strncmp(t, "./", 2) || !strncmp(t, "../", 3))
    return 1;
  int slashes = 0, at = 0;
  for (size_t i = 0; i < n; i++) {
    slashes += t[i] == '/';
    at += t[i] == '@';
    if (t[i] == '\\' && i + 1 < n && isalnum((unsigned char)t[i + 1])) return 1;
  }
  if (slashes >= 2) return 1;
  if (at == 1 && strchr(strchr(t, '@'), '.') && t[0] != '@') return 1;
  return 0;
}

/* Narration as said: without URLs, paths, addresses, tags and Markdown marks
 * (the screen keeps them); brackets left empty go too. In place. */
static void speech_out(char *s) {
  vgi_buf b = {0};
  const char *p = s;
  while (*p) {
    if (*p == ' ') { vgi_buf_add(&b, p++, 1); continue; }
    const char *e = p;
    while (*e && *e != ' ') e++;
    /* the word without the brackets, quotes and punctuation around it */
    const char *a = p, *z = e;
    while (a < z && strchr("([{\"'*_`", *a)) a++;
    while (z > a && strchr(")]}\"'*_`.,;:!?", z[-1])) z--;
    if (z > a && unsaid(a, (size_t)(z - a))) {
      vgi_buf_add(&b, p, (size_t)(a - p));
      vgi_buf_add(&b, z, (size_t)(e - z));
    } else {
      for (const char *c = p; c < e; c++)
        if (*c != '`' && !(c[0] == '*' && c[1] == '*') && !(c > p && c[-1] == '*' && c[0] == '*'))
          vgi_buf_add(&b, c, 1);
    }
    p = e;
  }
  char *t = vgi_squash(vgi_buf_take(&b));
  /* "()" "( )" "[]" left behind; a space before , . ; : ! ? */
  char *w = t;
  for (char *r = t; *r;) {
    if ((r[0] == '(' || r[0] == '[') ) {
      char *q = r + 1;
      while (*q == ' ' || *q == ',' || *q == ';' || *q == ':') q++;
      if ((r[0] == '(' && *q == ')') || (r[0] == '[' && *q == ']')) {
        r = q + 1;
        while (w > t && w[-1] == ' ' && (*r == ' ' || *r == '.' || *r == ',' || !*r)) w--;
        continue;
      }
    }
    if (r[0] == ' ' && r[1] && strchr(",.;:!?", r[1]) && (r[2] == ' ' || !r[2])) { r++; continue; }
    if (r[0] == ' ' && w > t && strchr(",;:", w[-1]) && r[1] && strchr(",;:.", r[1])) { r++; continue; }
    *w++ = *r++;
  }
  *w = 0;
  /* "(see )": a bracket whose path or link is gone, with a word or two left */
  for (char *o = strchr(t, '('); o; o = strchr(o + 1, '(')) {
    char *c = strchr(o, ')');
    if (!c || memchr(o + 1, '(', (size_t)(c - o - 1))) continue;
    if (!(o[1] == ' ' || c[-1] == ' ')) continue;
    vgi_buf in = {0};
    vgi_buf_add(&in, o + 1, (size_t)(c - o - 1));
    int words = vgi_word_count(in.s ? in.s : "");
    vgi_buf_free(&in);
    if (words > 2) continue;
    char *r = c + 1;
    while (o > t && o[-1] == ' ' && (*r == ' ' || *r == '.' || *r == ',' || !*r)) o--;
    memmove(o, r, strlen(r) + 1);
    o = o > t ? o - 1 : t;
  }
  /* ": ." and ", ." left where a URL ended a sentence */
  for (char *q; (q = strstr(t, ":.")) || (q = strstr(t, ",.")) || (q = strstr(t, ";."));)
    memmove(q, q + 1, strlen(q));
  snprintf(s, strlen(s) + 1, "%s", vgi_squash(t));
  free(t);
}

/* Keeps whole sentences up to `words` words (at least the first). */
static char *trim_sentences(const char *s, int words, const char *lang) {
  vgi_buf b = {0};
  int ns = 0, w = 0;
  char **ss = vgi_sentences_lang(s, lang, &ns);
  for (int i = 0; i < ns; i++) {
    int sw = vgi_word_count(ss[i]);
    if (!(b.n && w + sw > words)) {
      if (b.n) vgi_buf_puts(&b, " ");
      vgi_buf_puts(&b, ss[i]);
      w += sw;
    } else {
      words = -1;   /* keep whole sentences in order: nothing after the first cut */
    }
    free(ss[i]);
  }
  free(ss);
  char *r = vgi_buf_take(&b);
  return vgi_squash(r);
}

void vgi_narrate(cJSON *model, const vgi_options *opts) {
  vgi_language_pass(model);
  const cJSON *videos = cJSON_GetObjectItemCaseSensitive(model, "videos");
  for (cJSON *v = videos ? videos->child : NULL; v; v = v->next) {
    cJSON *scenes = cJSON_GetObjectItemCaseSensitive(v, "scenes");
    if (!cJSON_IsArray(scenes)) continue;
    int fixed = 0, autow = 0;
    for (cJSON *s = scenes->child; s; s = s->next) {
      if (!cJSON_IsObject(s)) continue;
      cJSON *n = cJSON_GetObjectItemCaseSensitive(s, "narration");
      if (!n && !(opts && opts->no_narration)) {
        char *t = vgi_template(s, vgi_str(v, "language"));
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
          char *t = trim_sentences(n->valuestring, w, vgi_str(v, "language"));
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
        speech_out(t);
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
