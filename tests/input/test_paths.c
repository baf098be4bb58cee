/* test_paths.c: where document text becomes a path (issue 11, item 1). A
 * set's file: entries stay in the set's folder; an image must be a regular PNG
 * file in the document's folder (or one the caller allowed); FIFOs and
 * devices named by a document, or given as the document, are refused without
 * being opened (a test that hangs here is a failure: open() would block). */
#include "input_test.h"

#include <fcntl.h>
#include <unistd.h>

static char root[256];   /* a fresh folder per test */

static int setup(void **state) {
  (void)state;
  snprintf(root, sizeof root, "/tmp/vgi_paths_XXXXXX");
  return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  return system(cmd) == 0 ? 0 : -1;
}

static void put(const char *rel, const void *data, size_t n) {
  char p[512];
  snprintf(p, sizeof p, "%s/%s", root, rel);
  FILE *f = fopen(p, "wb");
  assert_non_null(f);
  fwrite(data, 1, n, f);
  fclose(f);
}
static void puts_file(const char *rel, const char *text) { put(rel, text, strlen(text)); }
static const char *at(const char *rel) {
  static char p[4][512];
  static int k;
  char *r = p[k++ % 4];
  snprintf(r, 512, "%s/%s", root, rel);
  return r;
}

/* A minimal PNG header: signature, IHDR of w x h. Enough for the check (the
 * renderer is not involved here). */
static void put_png(const char *rel, unsigned w, unsigned h) {
  unsigned char b[33] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                          (unsigned char)(w >> 24), (unsigned char)(w >> 16), (unsigned char)(w >> 8),
                          (unsigned char)w, (unsigned char)(h >> 24), (unsigned char)(h >> 16),
                          (unsigned char)(h >> 8), (unsigned char)h, 8, 6, 0, 0, 0, 0, 0, 0, 0 };
  put(rel, b, sizeof b);
}

/* The diagnostic whose message contains `needle`, or NULL. */
static const vgi_diag *diag_with(const vgi_diags *d, const char *needle) {
  for (size_t i = 0; i < d->n; i++)
    if (strstr(d->v[i].message, needle)) return &d->v[i];
  return NULL;
}

/* Every image path left in the model (scene.image, visual_content.image). */
static int images_in(const cJSON *m, const char **first) {
  int n = 0;
  for (int v = 0; v < video_count(m); v++)
    for (int i = 0; i < scene_count(m, v); i++) {
      const cJSON *s = scene_at(m, v, i);
      const char *a = sget(s, "image"), *b = vcget(s, "image");
      if (a) { n++; if (first) *first = a; }
      if (b) { n++; if (first) *first = b; }
    }
  return n;
}

static void markdown_image_outside_is_refused(void **state) {
  (void)state;
  puts_file("doc.md", "# T\n\n## A\n\n![x](/etc/passwd)\n\nSome words.\n");
  vgi_diags d;
  cJSON *m = load(at("doc.md"), NULL, &d);
  const vgi_diag *g = diag_with(&d, "outside the document's folder");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_ERROR);
  assert_string_equal(g->file, at("doc.md"));
  assert_int_equal(g->line, 5);
  assert_int_equal(images_in(m, NULL), 0);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* Whether a file outside the folder exists is never told: the same error
 * for one that exists and one that does not (a served document must not
 * probe the server's files), and a path that leaves and comes back in is
 * read as written. */
static void outside_answers_alike(void **state) {
  (void)state;
  puts_file("doc.md", "# T\n\n## A\n\n![x](/etc/passwd)\n\n![y](/etc/no-such-file-here)\n\n"
                      "![z](../../../../../../etc/passwd)\n\n![w](../../../../../../etc/nope)\n\nWords.\n");
  vgi_diags d;
  cJSON *m = load(at("doc.md"), NULL, &d);
  int outside = 0;
  for (size_t i = 0; i < d.n; i++) {
    assert_null(strstr(d.v[i].message, "not found"));
    if (strstr(d.v[i].message, "outside the document's folder")) {
      outside++;
      assert_int_equal(d.v[i].severity, VGI_ERROR);
    }
  }
  assert_int_equal(outside, 4);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* in and out again: inside as written, so only then is it looked for */
  puts_file("doc.md", "# T\n\n## A\n\n![x](sub/../missing.png)\n\nWords.\n");
  m = load(at("doc.md"), NULL, &d);
  assert_non_null(diag_with(&d, "not found"));
  assert_null(diag_with(&d, "outside"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void markdown_image_must_be_a_png(void **state) {
  (void)state;
  puts_file("notes.png", "not a picture at all\n");
  const unsigned char jpeg[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0 };
  put("photo.png", jpeg, sizeof jpeg);
  put_png("ok.png", 64, 32);
  put_png("bomb.png", 30000, 30000);
  puts_file("doc.md", "# T\n\n## A\n\n![a](notes.png)\n\nOne.\n\n## B\n\n![b](photo.png)\n\nTwo.\n\n"
                      "## C\n\n![c](bomb.png)\n\nThree.\n\n## D\n\n![d](ok.png)\n\nFour.\n");
  vgi_diags d;
  cJSON *m = load(at("doc.md"), NULL, &d);
  const vgi_diag *g = diag_with(&d, "not a PNG image");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_ERROR);
  assert_int_equal(g->line, 5);
  g = diag_with(&d, "JPEG");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_WARNING);   /* a picture, just not one we draw */
  assert_int_equal(g->line, 11);
  g = diag_with(&d, "too large");
  assert_non_null(g);
  assert_int_equal(g->line, 17);
  const char *img = NULL;
  assert_int_equal(images_in(m, &img), 1);
  assert_non_null(strstr(img, "/ok.png"));
  assert_true(img[0] == '/');
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* An SVG logo (a README's first line, often) is a picture vgrun does not
 * draw: a warning, as a JPEG, never an error that stops the video. Text in
 * a .png that merely looks like XML stays an error. */
static void svg_image_is_skipped(void **state) {
  (void)state;
  puts_file("logo.svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
  puts_file("bare", "\xEF\xBB\xBF  <svg width=\"10\"></svg>\n");
  puts_file("fake.png", "<?xml version=\"1.0\"?>\n<note/>\n");
  puts_file("doc.md", "# T\n\n![logo](logo.svg)\n\nOne.\n\n## B\n\n![b](bare)\n\nTwo.\n\n"
                      "## C\n\n![c](fake.png)\n\nThree.\n");
  vgi_diags d;
  cJSON *m = load(at("doc.md"), NULL, &d);
  const vgi_diag *g = diag_with(&d, "logo.svg is an SVG file: only PNG images can be shown (skipped)");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_WARNING);
  assert_int_equal(g->line, 3);
  g = diag_with(&d, "bare is an SVG file");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_WARNING);
  g = diag_with(&d, "fake.png is not a PNG image");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_ERROR);
  assert_int_equal(d.errors, 1);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void fifo_image_is_refused_unopened(void **state) {
  (void)state;
  assert_int_equal(mkfifo(at("pipe.png"), 0600), 0);
  puts_file("doc.md", "# T\n\n![p](pipe.png)\n\nWords.\n");
  vgi_diags d;
  cJSON *m = load(at("doc.md"), NULL, &d);   /* would block in open() */
  const vgi_diag *g = diag_with(&d, "a FIFO");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_ERROR);
  assert_int_equal(g->line, 3);
  assert_int_equal(images_in(m, NULL), 0);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* a directory is no image either */
  assert_int_equal(mkdir(at("dir.png"), 0700), 0);
  puts_file("doc2.md", "# T\n\n![p](dir.png)\n\nWords.\n");
  m = load(at("doc2.md"), NULL, &d);
  assert_non_null(diag_with(&d, "a directory"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void link_out_of_the_folder_is_refused(void **state) {
  (void)state;
  char out[300];
  snprintf(out, sizeof out, "%s_outside.png", root);
  {
    unsigned char b[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                          0, 0, 0, 8, 0, 0, 0, 8, 8, 6, 0, 0, 0 };
    FILE *f = fopen(out, "wb");
    assert_non_null(f);
    fwrite(b, 1, sizeof b, f);
    fclose(f);
  }
  assert_int_equal(symlink(out, at("inside.png")), 0);
  puts_file("doc.md", "# T\n\n![p](inside.png)\n\nWords.\n");
  vgi_diags d;
  cJSON *m = load(at("doc.md"), NULL, &d);
  assert_non_null(diag_with(&d, "outside the document's folder"));
  assert_int_equal(images_in(m, NULL), 0);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* the caller may allow the folder */
  char dir[300];
  snprintf(dir, sizeof dir, "%s", out);
  *strrchr(dir, '/') = 0;
  const char *allow[] = { dir, NULL };
  vgi_options o = { .allow_paths = allow };
  m = load(at("doc.md"), &o, &d);
  assert_int_equal(d.errors, 0);
  const char *img = NULL;
  assert_int_equal(images_in(m, &img), 1);
  assert_string_equal(img, out);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  unlink(out);
}

static void yaml_image_is_checked_where_written(void **state) {
  (void)state;
  put_png("pic.png", 10, 10);
  puts_file("v.yaml",
            "video: {id: v, title: V}\n"
            "scenes:\n"
            "  - type: title\n"
            "    title: A\n"
            "    image: /etc/passwd\n"
            "  - scene_type: title\n"
            "    visual_content: {title: B, image: pic.png}\n");
  vgi_diags d;
  cJSON *m = load(at("v.yaml"), NULL, &d);
  const vgi_diag *g = diag_with(&d, "outside the document's folder");
  assert_non_null(g);
  assert_string_equal(g->file, at("v.yaml"));
  assert_int_equal(g->line, 5);
  /* relative to the document's folder, not to the working directory */
  const char *img = vcget(scene_at(m, 0, 1), "image");
  assert_non_null(img);
  assert_non_null(strstr(img, "/pic.png"));
  assert_true(img[0] == '/');
  assert_null(sget(scene_at(m, 0, 0), "image"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* JSON: the same rule */
  puts_file("v.json", "{\"video\": {\"id\": \"j\", \"title\": \"J\"},\n"
                      " \"scenes\": [{\"type\": \"title\", \"title\": \"A\",\n"
                      "   \"image\": \"../../../../../../etc/passwd\"}]}\n");
  m = load(at("v.json"), NULL, &d);
  g = diag_with(&d, "outside the document's folder");
  assert_non_null(g);
  assert_int_equal(g->line, 3);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void set_entries_stay_in_the_set(void **state) {
  (void)state;
  const char *video = "video: {id: a, title: A}\nscenes:\n  - {type: title, title: A}\n";
  char out[300];
  snprintf(out, sizeof out, "%s_out.yaml", root);
  FILE *f = fopen(out, "w");
  assert_non_null(f);
  fputs(video, f);
  fclose(f);
  puts_file("a.yaml", video);
  assert_int_equal(symlink(out, at("link.yaml")), 0);
  assert_int_equal(mkfifo(at("pipe.yaml"), 0600), 0);
  char cfg[1024];
  snprintf(cfg, sizeof cfg,
           "set:\n"
           "  videos:\n"
           "    - file: a.yaml\n"
           "    - file: %s\n"
           "    - file: ../x.yaml\n"
           "    - file: link.yaml\n"
           "    - file: pipe.yaml\n"
           "    - sub/../a.yaml\n", out);
  puts_file("set_config.yaml", cfg);
  vgi_diags d;
  cJSON *m = load(root, NULL, &d);   /* would block on pipe.yaml */
  assert_non_null(m);
  assert_int_equal(video_count(m), 1);   /* a.yaml only */
  const vgi_diag *g = find_diag(&d, "set.videos[1].file");
  assert_non_null(g);
  assert_int_equal(g->line, 4);
  assert_non_null(strstr(g->file, "set_config.yaml"));
  assert_non_null(strstr(g->message, "no absolute paths"));
  g = find_diag(&d, "set.videos[2].file");
  assert_non_null(g);
  assert_int_equal(g->line, 5);
  g = find_diag(&d, "set.videos[3].file");
  assert_non_null(g);
  assert_int_equal(g->line, 6);
  assert_non_null(strstr(g->message, "outside the set's folder"));
  assert_non_null(diag_with(&d, "(FIFO)"));
  g = find_diag(&d, "set.videos[5].file");
  assert_non_null(g);
  assert_int_equal(g->line, 8);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  unlink(out);
}

static void fifo_or_device_as_the_document(void **state) {
  (void)state;
  assert_int_equal(mkfifo(at("talk.yaml"), 0600), 0);
  vgi_diags d;
  cJSON *m = load(at("talk.yaml"), NULL, &d);   /* would block in open() */
  assert_null(m);
  assert_non_null(diag_with(&d, "(FIFO)"));
  vgi_diags_free(&d);
  vgi_options o = { .format = "markdown" };
  m = load("/dev/zero", &o, &d);   /* would read forever */
  assert_null(m);
  assert_non_null(diag_with(&d, "character device"));
  vgi_diags_free(&d);
}

/* A page of a documentation site (front matter, or a generator's markup)
 * names its pictures from the site's root ("/assets/shot.png") or from the
 * site's shared folder ("../assets/shot.png"). Found under the site's root
 * when the allowed folders hold it (MkDocs keeps them under docs/); never
 * read outside them, and then left out with a warning naming the line, not
 * an error that leaves the video incomplete. A page that is no site's keeps
 * the error; attacks stay refused: "..", links that lead out, absolute
 * paths. */
static void site_page_pictures(void **state) {
  (void)state;
  char dir[300], page[400], site[300];
  snprintf(site, sizeof site, "%s/site", root);
  assert_int_equal(mkdir(site, 0700), 0);
  assert_int_equal(mkdir(at("site/docs"), 0700), 0);
  assert_int_equal(mkdir(at("site/docs/assets"), 0700), 0);
  assert_int_equal(mkdir(at("site/docs/setup"), 0700), 0);
  puts_file("site/mkdocs.yml", "site_name: Widget\n");
  put_png("site/docs/assets/shot.png", 16, 16);
  put_png("secret.png", 16, 16);   /* beside the site, never allowed */
  assert_int_equal(symlink(at("secret.png"), at("site/docs/assets/link.png")), 0);
  snprintf(dir, sizeof dir, "%s/site/docs/setup", root);
  snprintf(page, sizeof page, "%s/page.md", dir);
  static const char text[] = "---\ntitle: Setup\n---\n# Setup\n\n## A\n\n![a](/assets/shot.png)\n\nOne.\n\n"
                             "## B\n\n![b](../assets/shot.png)\n\nTwo.\n";
  puts_file("site/docs/setup/page.md", text);
  /* only the page's folder allowed: nothing read, warnings on lines 8 and 12 */
  vgi_diags d;
  cJSON *m = load(page, NULL, &d);
  assert_int_equal(d.errors, 0);
  assert_int_equal(images_in(m, NULL), 0);
  const vgi_diag *g = diag_with(&d, "/assets/shot.png is outside");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_WARNING);
  assert_int_equal(g->line, 8);
  g = diag_with(&d, "../assets/shot.png is outside");
  assert_non_null(g);
  assert_int_equal(g->line, 14);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* the site allowed: "/assets/shot.png" is docs/assets/shot.png */
  const char *allow[] = { site, NULL };
  vgi_options o = { .allow_paths = allow };
  m = load(page, &o, &d);
  assert_int_equal(d.errors, 0);
  assert_int_equal(images_in(m, NULL), 2);
  const char *img = NULL;
  images_in(m, &img);
  assert_non_null(strstr(img, "/site/docs/assets/shot.png"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* attacks, with the site allowed: out of the root by "..", a link that
   * leads out, an absolute path; none is read */
  puts_file("site/docs/setup/page.md", "---\ntitle: Setup\n---\n# Setup\n\n## A\n\n![a](/../secret.png)\n\nOne.\n\n"
                                       "## B\n\n![b](/assets/link.png)\n\nTwo.\n\n"
                                       "## C\n\n![c](/etc/passwd)\n\nThree.\n\n"
                                       "## D\n\n![d](../../../secret.png)\n\nFour.\n");
  m = load(page, &o, &d);
  assert_int_equal(images_in(m, NULL), 0);
  g = diag_with(&d, "/assets/link.png is outside");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_ERROR);   /* a link that leads out stays an error */
  assert_non_null(diag_with(&d, "/../secret.png not found under the site's root"));
  assert_non_null(diag_with(&d, "/etc/passwd not found under the site's root"));
  assert_non_null(diag_with(&d, "../../../secret.png is outside"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* the same picture from a page that is no site's: still an error */
  puts_file("site/docs/setup/plain.md", "# Plain\n\n## A\n\n![b](../assets/shot.png)\n\nTwo.\n");
  snprintf(page, sizeof page, "%s/plain.md", dir);
  m = load(page, NULL, &d);
  g = diag_with(&d, "../assets/shot.png is outside");
  assert_non_null(g);
  assert_int_equal(g->severity, VGI_ERROR);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(markdown_image_outside_is_refused, setup, teardown),
    cmocka_unit_test_setup_teardown(outside_answers_alike, setup, teardown),
    cmocka_unit_test_setup_teardown(markdown_image_must_be_a_png, setup, teardown),
    cmocka_unit_test_setup_teardown(svg_image_is_skipped, setup, teardown),
    cmocka_unit_test_setup_teardown(fifo_image_is_refused_unopened, setup, teardown),
    cmocka_unit_test_setup_teardown(link_out_of_the_folder_is_refused, setup, teardown),
    cmocka_unit_test_setup_teardown(yaml_image_is_checked_where_written, setup, teardown),
    cmocka_unit_test_setup_teardown(set_entries_stay_in_the_set, setup, teardown),
    cmocka_unit_test_setup_teardown(fifo_or_device_as_the_document, setup, teardown),
    cmocka_unit_test_setup_teardown(site_page_pictures, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
