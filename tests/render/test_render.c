/* test_render.c: the C renderer against display lists written as JSON:
 * colours and geometry, fitting and its warnings, clipping to boxes, syntax
 * colouring, thread safety and the unchanged-frame memo. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "render.h"
#include "render_private.h"
#include "vg_utf8.h"

static void px(const vg_render_buffer *b, int x, int y, int out[3]) {
  uint32_t v = *(const uint32_t *)(b->data + (size_t)y * b->stride + (size_t)x * 4);
  out[0] = (v >> 16) & 255;
  out[1] = (v >> 8) & 255;
  out[2] = v & 255;
}

static int near(const int a[3], int r, int g, int b, int tol) {
  return abs(a[0] - r) <= tol && abs(a[1] - g) <= tol && abs(a[2] - b) <= tol;
}

static void render_ok(const char *json, int w, int h, vg_render_buffer *b, cJSON **warn) {
  char err[256] = "";
  int rc = vg_render(json, w, h, b, warn, err, sizeof err);
  if (rc != 0) fail_msg("render failed: %s", err);
}

static void test_background_and_rect(void **state) {
  (void)state;
  vg_render_buffer b = {0};
  render_ok("{\"background\":[245,248,252],\"items\":["
            "{\"type\":\"rect\",\"x\":960,\"y\":0,\"w\":960,\"h\":540,\"fill\":\"#ff6b35\"},"
            "{\"type\":\"rect\",\"x\":0,\"y\":540,\"w\":400,\"h\":400,\"radius\":40,\"fill\":[59,130,246],"
            " \"shadow\":{\"blur\":30,\"dy\":10,\"alpha\":0.3}}]}",
            640, 360, &b, NULL);
  assert_int_equal(b.width, 640);
  int p[3];
  px(&b, 10, 10, p);
  assert_true(near(p, 245, 248, 252, 1));
  px(&b, 500, 100, p);
  assert_true(near(p, 255, 107, 53, 1));
  px(&b, 60, 250, p);   /* inside the blue card, scaled by 1/3 */
  assert_true(near(p, 59, 130, 246, 1));
  px(&b, 60, 318, p);   /* just below the card: the shadow darkens the bg */
  assert_true(p[0] < 245 && p[2] < 252);
  px(&b, 1, 181, p);    /* rounded corner: background (shadow at most) */
  assert_false(near(p, 59, 130, 246, 30));
  vg_render_buffer_free(&b);
}

/* the crossfade of two frames, and drawing captions over the result */
static void test_blend_and_over(void **state) {
  (void)state;
  vg_render_buffer a = {0}, b = {0}, o = {0};
  render_ok("{\"background\":[200,0,0],\"items\":[]}", 66, 40, &a, NULL);
  render_ok("{\"background\":[0,0,100],\"items\":[]}", 66, 40, &b, NULL);
  render_ok("{\"background\":[0,0,0],\"items\":[]}", 66, 40, &o, NULL);
  int p[3];
  vg_render_blend(&a, &b, 0, &o);
  px(&o, 65, 39, p);
  assert_true(near(p, 200, 0, 0, 0));
  vg_render_blend(&a, &b, 1, &o);
  px(&o, 0, 0, p);
  assert_true(near(p, 0, 0, 100, 0));
  vg_render_blend(&a, &b, 0.25, &o);
  px(&o, 33, 20, p);
  assert_true(near(p, 150, 0, 25, 1));
  assert_int_equal(o.data[33 * 4 + 20 * o.stride + 3], 255);   /* still opaque */
  /* in place: out is the picture fading in */
  vg_render_blend(&a, &b, 0.5, &b);
  px(&b, 10, 10, p);
  assert_true(near(p, 100, 0, 50, 1));
  /* over: no background, the blend stays where nothing is drawn */
  char err[256] = "";
  cJSON *cap = cJSON_Parse("{\"width\":66,\"height\":40,\"items\":[{\"type\":\"rect\",\"x\":0,"
                           "\"y\":30,\"w\":66,\"h\":10,\"fill\":\"#ffffff\"}]}");
  assert_int_equal(vg_render_over(cap, &b, err, sizeof err), 0);
  px(&b, 10, 10, p);
  assert_true(near(p, 100, 0, 50, 1));
  px(&b, 10, 35, p);
  assert_true(near(p, 255, 255, 255, 0));
  vg_render_buffer empty = {0};
  assert_int_equal(vg_render_over(cap, &empty, err, sizeof err), -1);
  assert_non_null(strstr(err, "empty"));
  cJSON_Delete(cap);
  vg_render_buffer_free(&a);
  vg_render_buffer_free(&b);
  vg_render_buffer_free(&o);
}

/* blending in place skips the spans where both pictures agree: the bytes
 * are those of blending into a third buffer, at every alpha, for a width
 * that is no multiple of the span */
static void test_blend_in_place_exact(void **state) {
  (void)state;
  const char *la = "{\"width\":101,\"height\":37,\"background\":[240,244,250],\"items\":["
                   "{\"type\":\"rect\",\"x\":5,\"y\":4,\"w\":40,\"h\":20,\"fill\":[200,30,30]}]}";
  const char *lb = "{\"width\":101,\"height\":37,\"background\":[240,244,250],\"items\":["
                   "{\"type\":\"circle\",\"cx\":70,\"cy\":20,\"r\":12,\"fill\":[20,90,200,0.6]}]}";
  double alphas[] = {0, 0.03, 0.25, 0.5, 0.77, 1};
  for (size_t i = 0; i < sizeof alphas / sizeof alphas[0]; i++) {
    vg_render_buffer a = {0}, b = {0}, o = {0};
    render_ok(la, 101, 37, &a, NULL);
    render_ok(lb, 101, 37, &b, NULL);
    render_ok(la, 101, 37, &o, NULL);
    vg_render_blend(&a, &b, alphas[i], &o);
    vg_render_blend(&a, &b, alphas[i], &b);
    for (int y = 0; y < 37; y++)
      assert_memory_equal(o.data + (size_t)y * (size_t)o.stride, b.data + (size_t)y * (size_t)b.stride, 4 * 101);
    vg_render_buffer_free(&a);
    vg_render_buffer_free(&b);
    vg_render_buffer_free(&o);
  }
}

static void test_letterbox(void **state) {
  (void)state;
  vg_render_buffer b = {0};
  /* a 16:9 list in a square frame: centred, bars keep the background */
  render_ok("{\"background\":\"#000000\",\"items\":[{\"type\":\"rect\",\"x\":0,\"y\":0,\"w\":1920,"
            "\"h\":1080,\"fill\":\"#ffffff\"}]}", 200, 200, &b, NULL);
  int p[3];
  px(&b, 100, 5, p);
  assert_true(near(p, 0, 0, 0, 0));
  px(&b, 100, 100, p);
  assert_true(near(p, 255, 255, 255, 0));
  vg_render_buffer_free(&b);
}

static void test_text_shrinks_and_warns(void **state) {
  (void)state;
  char json[8192];
  char text[4096] = "";
  for (int i = 0; i < 120; i++) strcat(text, "wrapping words ");
  snprintf(json, sizeof json,
           "{\"background\":\"#ffffff\",\"items\":[{\"type\":\"text\",\"id\":\"scene1.header\","
           "\"x\":100,\"y\":100,\"w\":600,\"h\":200,\"size\":60,\"min_size\":20,\"color\":\"#000000\","
           "\"text\":\"%s\"}]}", text);
  vg_render_buffer b = {0};
  cJSON *warn = NULL;
  render_ok(json, 1920, 1080, &b, &warn);
  assert_non_null(warn);
  assert_int_equal(cJSON_GetArraySize(warn), 1);
  cJSON *w0 = cJSON_GetArrayItem(warn, 0);
  assert_string_equal(cJSON_GetObjectItem(w0, "id")->valuestring, "scene1.header");
  assert_string_equal(cJSON_GetObjectItem(w0, "status")->valuestring, "cut");
  /* ink only inside the box [100,700) x [100,300) */
  int dark_inside = 0;
  for (int y = 0; y < 1080; y++)
    for (int x = 0; x < 1920; x++) {
      int p[3];
      px(&b, x, y, p);
      int inside = x >= 100 && x < 700 && y >= 100 && y < 300;
      if (!inside && !near(p, 255, 255, 255, 0)) fail_msg("ink outside the box at %d,%d", x, y);
      if (inside && p[0] < 128) dark_inside++;
    }
  assert_true(dark_inside > 1000);
  cJSON_Delete(warn);
  vg_render_buffer_free(&b);

  /* the same text in a bigger box only shrinks */
  snprintf(json, sizeof json,
           "{\"items\":[{\"type\":\"text\",\"id\":\"s.f\",\"x\":0,\"y\":0,\"w\":1800,\"h\":1000,"
           "\"size\":60,\"min_size\":20,\"text\":\"%s\"}]}", text);
  render_ok(json, 640, 360, &b, &warn);
  assert_int_equal(cJSON_GetArraySize(warn), 1);
  assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(warn, 0), "status")->valuestring, "shrunk");
  double fs = cJSON_GetObjectItem(cJSON_GetArrayItem(warn, 0), "final_size")->valuedouble;
  assert_true(fs < 60 && fs >= 20);
  cJSON_Delete(warn);
  vg_render_buffer_free(&b);

  /* short text: no warning */
  render_ok("{\"items\":[{\"type\":\"text\",\"id\":\"s.t\",\"x\":0,\"y\":0,\"w\":1800,\"h\":200,"
            "\"size\":60,\"text\":\"Hello, world\"}]}", 640, 360, &b, &warn);
  assert_int_equal(cJSON_GetArraySize(warn), 0);
  cJSON_Delete(warn);
  vg_render_buffer_free(&b);
}

static void test_measure(void **state) {
  (void)state;
  cJSON *it = cJSON_Parse("{\"type\":\"text\",\"w\":400,\"h\":1000,\"size\":40,"
                          "\"text\":\"one two three four five six seven eight nine ten\"}");
  vg_render_measure m;
  char err[128];
  assert_int_equal(vg_render_measure_item(it, 1, &m, err, sizeof err), 0);
  assert_true(m.lines >= 2);
  assert_true(m.height > 80 && m.height < 400);
  assert_false(m.shrunk);
  cJSON_Delete(it);
}

static void test_check_without_drawing(void **state) {
  (void)state;
  cJSON *dl = cJSON_Parse("{\"items\":[{\"type\":\"group\",\"items\":[{\"type\":\"text\","
                          "\"id\":\"s.body\",\"w\":200,\"h\":40,\"size\":40,\"text\":"
                          "\"far too much text for such a small box, really\"}]},"
                          "{\"type\":\"text\",\"w\":2000,\"h\":100,\"text\":\"no id, no report\"}]}");
  cJSON *warn = NULL;
  char err[128];
  assert_int_equal(vg_render_check(dl, &warn, err, sizeof err), 0);
  assert_int_equal(cJSON_GetArraySize(warn), 1);
  assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(warn, 0), "id")->valuestring, "s.body");
  cJSON_Delete(warn);
  cJSON_Delete(dl);
}

static void test_command_prefixes(void **state) {
  (void)state;
  vg_render_buffer b = {0};
  /* prompt cyan, output grey, success green, on one console listing */
  render_ok("{\"background\":\"#000000\",\"items\":[{\"type\":\"code\",\"x\":0,\"y\":0,\"w\":1900,"
            "\"h\":1000,\"size\":80,\"language\":\"shell\",\"text\":"
            "\"$ make\\n\u2192 built\\n\u2713 done\"}]}", 960, 540, &b, NULL);
  int prompt = 0, ok = 0, out = 0;
  for (int y = 0; y < 540; y++)
    for (int x = 0; x < 960; x++) {
      int p[3];
      px(&b, x, y, p);
      if (near(p, 34, 211, 238, 10)) prompt++;
      if (near(p, 52, 211, 153, 10)) ok++;
      if (near(p, 148, 163, 184, 10)) out++;
    }
  assert_true(prompt > 20);
  assert_true(ok > 20);
  assert_true(out > 20);
  vg_render_buffer_free(&b);
}

static void test_code_colours(void **state) {
  (void)state;
  vg_render_buffer b = {0};
  render_ok("{\"background\":\"#1e293b\",\"items\":[{\"type\":\"code\",\"x\":20,\"y\":20,\"w\":1800,"
            "\"h\":600,\"size\":60,\"language\":\"python\",\"text\":"
            "\"def greet(name):\\n    # say hi\\n    return f\\\"hi {name}\\\" + 42\"}]}",
            960, 540, &b, NULL);
  /* keyword purple, string green and comment grey must all appear */
  int seen_kw = 0, seen_str = 0, seen_fn = 0;
  for (int y = 0; y < 540; y++)
    for (int x = 0; x < 960; x++) {
      int p[3];
      px(&b, x, y, p);
      if (near(p, 198, 120, 221, 12)) seen_kw++;
      if (near(p, 152, 195, 121, 12)) seen_str++;
      if (near(p, 97, 175, 239, 12)) seen_fn++;
    }
  assert_true(seen_kw > 20);
  assert_true(seen_str > 20);
  assert_true(seen_fn > 20);
  vg_render_buffer_free(&b);
}

/* box drawing in code joins: a bar's column is lit on every row between
 * the corners (code's line spacing is 1.35: a glyph bar left gaps), and an
 * edge is lit evenly along its length (glyph seams showed as dots) */
static void test_box_drawing_joins(void **state) {
  (void)state;
  vg_render_buffer b = {0};
  render_ok("{\"background\":\"#000000\",\"items\":[{\"type\":\"code\",\"x\":100,\"y\":100,\"w\":1700,"
            "\"h\":900,\"size\":37.3,\"line_height\":1.35,\"text\":"
            "\"\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\\n"
            "\u2502        \u2502\\n\u2502        \u2502\\n\u2502        \u2502\\n"
            "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\"}]}",
            1920, 1080, &b, NULL);
  /* the left bar: the brightest column in the box's middle rows */
  int bar = -1, best = 0, top = -1, bottom = -1, edge = -1;
  for (int x = 100; x < 200; x++) {
    int p[3];
    px(&b, x, 200, p);
    if (p[0] > best) best = p[0], bar = x;
  }
  assert_true(bar >= 0 && best > 150);
  for (int y = 100; y < 600; y++) {
    int p[3];
    px(&b, bar, y, p);
    if (p[0] > 150) {
      if (top < 0) top = y;
      bottom = y;
    }
  }
  assert_true(bottom - top > 150);
  for (int y = top; y <= bottom; y++) {
    int p[3];
    px(&b, bar, y, p);
    if (p[0] < 150) fail_msg("gap in the bar at row %d (%d)", y, p[0]);
  }
  /* the top edge: its brightest row just right of the corner */
  best = 0;
  for (int y = top; y < top + 20; y++) {
    int p[3];
    px(&b, bar + 30, y, p);
    if (p[0] > best) best = p[0], edge = y;
  }
  int lo = 255, hi = 0;
  for (int x = bar + 10; x < bar + 150; x++) {
    int p[3];
    px(&b, x, edge, p);
    lo = p[0] < lo ? p[0] : lo;
    hi = p[0] > hi ? p[0] : hi;
  }
  assert_true(hi > 150);
  if (hi - lo > 8) fail_msg("the edge is uneven along its length: %d..%d", lo, hi);
  vg_render_buffer_free(&b);
}

static void test_bad_input(void **state) {
  (void)state;
  vg_render_buffer b = {0};
  char err[256] = "";
  assert_int_equal(vg_render("{nope", 10, 10, &b, NULL, err, sizeof err), -1);
  assert_non_null(strstr(err, "invalid JSON"));
  assert_int_equal(vg_render("[]", 10, 10, &b, NULL, err, sizeof err), -1);
  assert_int_equal(vg_render("{}", 0, 10, &b, NULL, err, sizeof err), -1);
  /* unknown item types and missing fields are ignored, not fatal */
  assert_int_equal(vg_render("{\"items\":[{\"type\":\"blob\"},{\"type\":\"text\"},{\"type\":\"image\","
                             "\"path\":\"/nonexistent.png\",\"w\":5,\"h\":5}]}",
                             10, 10, &b, NULL, err, sizeof err), 0);
  vg_render_buffer_free(&b);
}

static const char *THREAD_DL =
    "{\"background\":[245,248,252],\"items\":["
    "{\"type\":\"rect\",\"x\":100,\"y\":100,\"w\":1720,\"h\":880,\"radius\":24,\"fill\":\"#ffffff\","
    " \"shadow\":{\"blur\":30,\"dy\":10}},"
    "{\"type\":\"text\",\"x\":160,\"y\":140,\"w\":1600,\"h\":140,\"size\":72,\"weight\":\"bold\","
    " \"text\":\"Threads render the same pixels\"},"
    "{\"type\":\"code\",\"x\":160,\"y\":320,\"w\":1600,\"h\":600,\"language\":\"c\","
    " \"text\":\"int main(void) {\\n  return 0; // done\\n}\"}]}";

static void *thread_main(void *arg) {
  vg_render_buffer *b = arg;
  char err[128];
  for (int i = 0; i < 5; i++) {
    if (vg_render(THREAD_DL, 640, 360, b, NULL, err, sizeof err) != 0) return (void *)1;
  }
  vg_render_thread_cleanup();
  return NULL;
}

static void test_threads(void **state) {
  (void)state;
  vg_render_buffer ref = {0};
  render_ok(THREAD_DL, 640, 360, &ref, NULL);
  enum { N = 4 };
  pthread_t th[N];
  vg_render_buffer bufs[N];
  memset(bufs, 0, sizeof bufs);
  for (int i = 0; i < N; i++) pthread_create(&th[i], NULL, thread_main, &bufs[i]);
  for (int i = 0; i < N; i++) {
    void *rc;
    pthread_join(th[i], &rc);
    assert_null(rc);
    assert_memory_equal(bufs[i].data, ref.data, (size_t)ref.stride * ref.height);
    vg_render_buffer_free(&bufs[i]);
  }
  vg_render_buffer_free(&ref);
}

/* The break attributes of a fitted layout (no break inside a span, no
 * hyphen): Pango 1.50 copies each into every line split from the text, so
 * a layout costs lines times spans. A bullet of 2,000 "a.b" tokens had
 * 4,000 of them (8 s and 700 MB to plan its scene), 2,000 Hangul words
 * 2,000: at most RD_MAX_BREAK_SPANS now, the first tokens keeping theirs. */
static int break_attrs(const rd_fitted *f) {
  PangoAttrList *al = pango_layout_get_attributes(f->layout);
  GSList *all = al ? pango_attr_list_get_attributes(al) : NULL;
  int n = 0;
  for (GSList *q = all; q; q = q->next) {
    PangoAttribute *a = q->data;
    n += a->klass->type == PANGO_ATTR_ALLOW_BREAKS || a->klass->type == PANGO_ATTR_INSERT_HYPHENS;
    pango_attribute_destroy(a);
  }
  g_slist_free(all);
  return n;
}

/* Whether byte offset at of s (UTF-8) is a word boundary to ICU. */
static int icu_word_boundary(const char *s, size_t at) {
  UChar u[1024];
  int32_t ul = 0, ua = 0;
  UErrorCode e = U_ZERO_ERROR;
  u_strFromUTF8(u, 1024, &ul, s, (int32_t)strlen(s), &e);
  assert_false(U_FAILURE(e));
  e = U_ZERO_ERROR;
  u_strFromUTF8(NULL, 0, &ua, s, (int32_t)at, &e);   /* (UTF-16 units before at) */
  e = U_ZERO_ERROR;
  UBreakIterator *b = ubrk_open(UBRK_WORD, "", u, ul, &e);
  assert_false(U_FAILURE(e));
  int yes = ubrk_isBoundary(b, ua);
  ubrk_close(b);
  return yes;
}

/* Khmer, Lao and Burmese write no space between words: in a narrow box
 * every line breaks where ICU's dictionary ends a word (Pango alone broke
 * them anywhere between clusters), and the text shown is the text given
 * (the zero-width spaces that mark the words are invisible). */
static void test_spaceless_scripts_break_between_words(void **state) {
  (void)state;
  static const char *const texts[] = {
    "កម្មវិធីនេះជួយអ្នកប្រើប្រាស់ឱ្យបំលែងឯកសារដែលសរសេរជាភាសាម៉ាកដោនទៅជាវីដេអូដែលមានសំឡេងនិងអក្សររត់ដោយស្វ័យប្រវត្តិ។",
    "ໂປຣແກຣມນີ້ຊ່ວຍໃຫ້ຜູ້ໃຊ້ສາມາດປ່ຽນເອກະສານທີ່ຂຽນດ້ວຍພາສາມາກດາວເປັນວິດີໂອທີ່ມີສຽງບັນຍາຍໂດຍອັດຕະໂນມັດ",
    "ဤပရိုဂရမ်သည်အသုံးပြုသူများအားစာရွက်စာတမ်းများကိုအသံနှင့်ဗီဒီယိုအဖြစ်အလိုအလျောက်ပြောင်းလဲပေးသည်။",
  };
  static const char *const langs[] = { "km", "lo", "my" };
  for (int k = 0; k < 3; k++) {
    char json[2048];
    snprintf(json, sizeof json, "{\"type\":\"text\",\"w\":260,\"h\":2000,\"size\":30,\"min_size\":30,"
                                "\"lang\":\"%s\",\"text\":\"%s\"}", langs[k], texts[k]);
    cJSON *item = cJSON_Parse(json);
    assert_non_null(item);
    rd_text_spec spec;
    rd_text_spec_from_json(item, 0, &spec);
    const rd_fitted *f = rd_text_fit(&spec);
    assert_non_null(f->layout);
    const char *laid = pango_layout_get_text(f->layout);
    int lines = pango_layout_get_line_count(f->layout);
    if (lines < 4) fail_msg("%s: %d lines (a narrow box wraps it)", langs[k], lines);
    /* the text without its U+200B is the text given */
    char plain[2048];
    size_t o = 0;
    for (const char *p = laid; *p;)
      if (!strncmp(p, "\xE2\x80\x8B", 3)) p += 3;
      else plain[o++] = *p++;
    plain[o] = 0;
    assert_string_equal(plain, texts[k]);
    for (int i = 1; i < lines; i++) {
      PangoLayoutLine *ln = pango_layout_get_line_readonly(f->layout, i);
      size_t at = 0;   /* the line's start in the text given */
      for (const char *p = laid; p < laid + ln->start_index;)
        if (!strncmp(p, "\xE2\x80\x8B", 3)) p += 3;
        else at++, p++;
      if (!icu_word_boundary(texts[k], at))
        fail_msg("%s: line %d starts inside a word: \"%.30s\"", langs[k], i + 1, texts[k] + at);
    }
    cJSON_Delete(item);
  }
}

static void test_break_spans_bounded(void **state) {
  (void)state;
  /* tokens with separators, an option-like one, Hangul words (JSON escapes) */
  static const char *const units[] = { "a.b ", "_a ", "-x ", "\\ud55c\\uad6d\\uc5b4 " };
  static const char *const langs[] = { "en", "en", "en", "ko" };
  for (int u = 0; u < 4; u++) {
    size_t ul = strlen(units[u]), n = 0;
    char *json = malloc(2000 * ul + 256);
    n += (size_t)sprintf(json, "{\"type\":\"text\",\"w\":1600,\"h\":800,\"size\":40,\"min_size\":14,"
                               "\"lang\":\"%s\",\"text\":\"", langs[u]);
    for (int i = 0; i < 2000; i++, n += ul) memcpy(json + n, units[u], ul);
    strcpy(json + n, "\"}");
    cJSON *item = cJSON_Parse(json);
    assert_non_null(item);
    rd_text_spec spec;
    rd_text_spec_from_json(item, 0, &spec);
    const rd_fitted *f = rd_text_fit(&spec);
    assert_non_null(f->layout);
    int spans = break_attrs(f);
    if (spans > RD_MAX_BREAK_SPANS) fail_msg("unit %d: %d break spans (at most %d)", u, spans, RD_MAX_BREAK_SPANS);
    assert_true(spans >= RD_MAX_BREAK_SPANS / 2);   /* the first tokens keep theirs */
    cJSON_Delete(item);
    free(json);
  }
}

/* Pango makes a fontconfig pattern (and sorts every installed font for it)
 * for each new font size: counted here, where Pango calls fontconfig (this
 * program exports its symbols: ENABLE_EXPORTS in CMakeLists.txt). */
static int g_patterns;
void FcDefaultSubstitute(FcPattern *p) {
  static void (*next)(FcPattern *);
  if (!next) *(void **)&next = dlsym(RTLD_NEXT, "FcDefaultSubstitute");
  __atomic_add_fetch(&g_patterns, 1, __ATOMIC_SEQ_CST);
  next(p);
}

typedef struct fit_run { const char *json; int scaled, code; rd_fitted out; int patterns; } fit_run;

/* one fit on a thread of its own: its own font map and layout cache */
static void *fit_thread(void *arg) {
  fit_run *r = arg;
  cJSON *item = cJSON_Parse(r->json);
  rd_text_spec spec;
  rd_text_spec_from_json(item, r->code, &spec);
  rd_text_probe_scaled = r->scaled;
  int before = __atomic_load_n(&g_patterns, __ATOMIC_SEQ_CST);
  const rd_fitted *f = rd_text_fit(&spec);
  r->patterns = __atomic_load_n(&g_patterns, __ATOMIC_SEQ_CST) - before;
  r->out = *f;
  r->out.layout = NULL;
  rd_text_probe_scaled = 1;
  cJSON_Delete(item);
  vg_render_thread_cleanup();
  return NULL;
}

static fit_run fit_on_thread(const char *json, int scaled, int code) {
  fit_run r = { json, scaled, code, {0}, 0 };
  pthread_t th;
  pthread_create(&th, NULL, fit_thread, &r);
  pthread_join(th, NULL);
  return r;
}

/* The size search of a text that must shrink loads no font for each size
 * it tries (a font set sorted for each, 0.8 ms), and finds what laying the text out
 * at each size finds. */
static void test_fit_search_loads_few_sizes(void **state) {
  (void)state;
  static char words[2600], many[6100], code[1024], json[9][8192];
  words[0] = '\0';
  for (int i = 0; i < 120; i++) strcat(words, "wrapping words ");
  snprintf(json[0], sizeof json[0], "{\"type\":\"text\",\"w\":1800,\"h\":1000,\"size\":61.3,\"min_size\":20,"
                                    "\"text\":\"%s\"}", words);
  snprintf(json[1], sizeof json[1], "{\"type\":\"text\",\"w\":700,\"h\":900,\"size\":48,\"min_size\":12,"
                                    "\"weight\":700,\"align\":\"center\",\"text\":\"%s\"}", words + 1300);
  snprintf(json[2], sizeof json[2], "{\"type\":\"text\",\"w\":900,\"h\":400,\"size\":72,\"min_size\":20,"
                                    "\"max_lines\":2,\"text\":\"%s\"}", words + 1650);
  snprintf(json[3], sizeof json[3], "{\"type\":\"text\",\"w\":500,\"h\":300,\"size\":66,\"min_size\":24,"
                                    "\"wrap\":\"none\",\"text\":\"a line that is too wide\"}");
  snprintf(json[4], sizeof json[4], "{\"type\":\"text\",\"w\":800,\"h\":500,\"size\":60,\"min_size\":14,"
                                    "\"markup\":true,\"text\":\"<b>bold</b> and <i>italic</i> %s\"}", words + 1500);
  snprintf(json[5], sizeof json[5], "{\"type\":\"text\",\"w\":640,\"h\":360,\"size\":56,\"min_size\":18,"
                                    "\"lang\":\"ja\",\"text\":\"日本語の文章は単語の間で改行されます。%s\"}", words + 1600);
  /* code: shrunk on its lines, then wrapped between tokens */
  code[0] = '\0';
  for (int i = 0; i < 6; i++) strcat(code, "let total = compute(alpha, beta) + other_function(delta, 42)  # sum\\n");
  snprintf(json[6], sizeof json[6], "{\"type\":\"code\",\"w\":900,\"h\":600,\"size\":40,\"min_size\":14,"
                                    "\"language\":\"python\",\"text\":\"%s\"}", code);
  snprintf(json[7], sizeof json[7], "{\"type\":\"code\",\"w\":600,\"h\":700,\"size\":40,\"min_size\":22,"
                                    "\"language\":\"python\",\"text\":\"%s\"}", code);
  /* a box far wider than the frame, its text far smaller than asked: the
   * scaled box would be wider than an int holds in Pango units */
  many[0] = '\0';
  for (int i = 0; i < 400; i++) strcat(many, "wrapping words ");
  snprintf(json[8], sizeof json[8], "{\"type\":\"text\",\"w\":90000,\"h\":40,\"size\":2000,\"min_size\":1,"
                                    "\"text\":\"%s\"}", many);
  fit_run first = fit_on_thread(json[0], 1, 0);
  assert_true(first.out.shrunk);
  /* two for the size asked and two for the size found (laid out at each
   * size tried: 18) */
  if (first.patterns > 4) fail_msg("%d font patterns made to fit one text", first.patterns);
  for (int i = 0; i < 9; i++) {
    fit_run a = fit_on_thread(json[i], 1, i == 6 || i == 7), b = fit_on_thread(json[i], 0, i == 6 || i == 7);
    if (a.out.final_size != b.out.final_size || a.out.lines != b.out.lines || a.out.width != b.out.width ||
        a.out.height != b.out.height || a.out.cut != b.out.cut || a.out.dx != b.out.dx || a.out.hang != b.out.hang)
      fail_msg("text %d: scaled probes %.3f px (%d lines), each size %.3f px (%d lines)", i, a.out.final_size,
               a.out.lines, b.out.final_size, b.out.lines);
    assert_true(a.out.shrunk);
    if (i == 7) {   /* wrapped between tokens: its search too makes few patterns */
      assert_true(a.out.hang);
      if (a.patterns * 2 > b.patterns) fail_msg("code: %d font patterns, %d at each size", a.patterns, b.patterns);
    }
  }
}

static void test_memo(void **state) {
  (void)state;
  vg_render_memo m = {0};
  vg_render_buffer b = {0};
  char err[128];
  assert_int_equal(vg_render_memo_frame(&m, THREAD_DL, 320, 180, &b, NULL, err, sizeof err), 0);
  assert_int_equal(vg_render_memo_frame(&m, THREAD_DL, 320, 180, &b, NULL, err, sizeof err), 1);
  assert_int_equal(vg_render_memo_frame(&m, "{\"items\":[]}", 320, 180, &b, NULL, err, sizeof err), 0);
  assert_int_equal((int)m.drawn, 2);
  assert_int_equal((int)m.skipped, 1);
  vg_render_buffer_free(&b);
}

static void test_png_roundtrip(void **state) {
  (void)state;
  vg_render_buffer b = {0}, c = {0};
  render_ok(THREAD_DL, 320, 180, &b, NULL);
  char err[256];
  const char *path = "build-render-test.png";
  assert_int_equal(vg_render_write_png(&b, path, err, sizeof err), 0);
  assert_int_equal(vg_render_read_png(path, &c, err, sizeof err), 0);
  assert_int_equal(c.width, 320);
  assert_memory_equal(b.data, c.data, (size_t)b.stride * b.height);
  remove(path);
  vg_render_buffer_free(&b);
  vg_render_buffer_free(&c);
}

/* A message that snprintf cuts never ends in half a character. */
static void test_utf8_clip(void **state) {
  (void)state;
  char buf[8];
  /* "ab" + 한 (3 bytes) + 국 (3 bytes): 국 does not fit in 7 bytes */
  int n = vg_snprintf_utf8(buf, sizeof buf, "%s", "ab\xED\x95\x9C\xEA\xB5\xAD!");
  assert_int_equal(n, 9);
  assert_string_equal(buf, "ab\xED\x95\x9C");
  for (size_t cap = 1; cap <= 12; cap++) {   /* every cut point of a 4-byte emoji */
    char b[16];
    vg_snprintf_utf8(b, cap, "x\xF0\x9F\x91\x8Dyz");
    size_t l = strlen(b);
    assert_true(l == 0 || l == 1 || l >= 5);
  }
  char whole[] = "ok \xC3\xA9";
  assert_int_equal(vg_utf8_clip(whole), 5);
  char half[] = "ok \xC3";
  assert_int_equal(vg_utf8_clip(half), 3);
  char lone[] = "ok \x80";  /* not ours to judge: left alone */
  assert_int_equal(vg_utf8_clip(lone), 4);
}

/* Pictures: only regular files are opened; a FIFO neither blocks nor crashes. */
static void test_image_not_regular(void **state) {
  (void)state;
  char dir[] = "/tmp/vg-render-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char fifo[64];
  snprintf(fifo, sizeof fifo, "%s/pic.png", dir);
  assert_int_equal(mkfifo(fifo, 0600), 0);
  int w = 0, h = 0;
  char err[128] = "";
  assert_int_equal(vg_render_image_size(fifo, &w, &h, err, sizeof err), -1);
  assert_non_null(strstr(err, "not a regular file"));
  assert_int_equal(vg_render_image_size("/etc/passwd", &w, &h, err, sizeof err), -1);
  assert_non_null(strstr(err, "not a PNG"));
  vg_render_buffer b = {0};
  assert_int_equal(vg_render_read_png(fifo, &b, err, sizeof err), -1);
  unlink(fifo);
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_background_and_rect),
    cmocka_unit_test(test_letterbox),
    cmocka_unit_test(test_blend_and_over),
    cmocka_unit_test(test_blend_in_place_exact),
    cmocka_unit_test(test_text_shrinks_and_warns),
    cmocka_unit_test(test_measure),
    cmocka_unit_test(test_utf8_clip),
    cmocka_unit_test(test_image_not_regular),
    cmocka_unit_test(test_code_colours),
    cmocka_unit_test(test_check_without_drawing),
    cmocka_unit_test(test_command_prefixes),
    cmocka_unit_test(test_box_drawing_joins),
    cmocka_unit_test(test_bad_input),
    cmocka_unit_test(test_threads),
    cmocka_unit_test(test_memo),
    cmocka_unit_test(test_break_spans_bounded),
    cmocka_unit_test(test_spaceless_scripts_break_between_words),
    cmocka_unit_test(test_fit_search_loads_few_sizes),
    cmocka_unit_test(test_png_roundtrip),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  vg_render_thread_cleanup();
  return rc;
}
