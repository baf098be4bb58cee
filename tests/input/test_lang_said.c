/* test_lang_said.c: narration in languages other than English: what a
 * sentence says once a path or link is taken out of it. */
#include "input_test.h"

static cJSON *full_load(const char *name, const char *text) {
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d = {0};
  cJSON *m = load_text(name, text, &full, &d);
  vgi_diags_free(&d);
  return m;
}

/* A particle or postposition never stays behind its path or link: the
 * sentence names the place on screen, keeps the noun that said it, or goes
 * when it only pointed to the link. */
static void cjk_particle_keeps_its_noun(void **state) {
  (void)state;
  cJSON *m = full_load("ja.md", "# インストール\n\n"
      "- 設定ファイルは `/etc/vgrun/config.toml` にあります。\n"
      "- ソースコードは https://github.com/example/repo から入手できます。\n"
      "- ログは ~/.local/share/vgrun/log フォルダに保存されます。\n"
      "- 詳しくは https://example.org/docs を参照してください。\n");
  assert_int_equal(said_in(m, "\xE3\x81\xAF \xE3\x81\xAB"), 0);                 /* "は に" */
  assert_int_equal(said_in(m, "設定ファイルは画面のファイルにあります。"), 1);
  assert_int_equal(said_in(m, "ソースコードは画面のアドレスから入手できます。"), 1);
  assert_int_equal(said_in(m, "ログはフォルダに保存されます。"), 1);
  assert_int_equal(said_in(m, "参照"), 0);
  cJSON_Delete(m);

  m = full_load("zh.md", "# 安装\n\n"
      "- 配置文件位于 `/etc/vgrun/config.toml` 中。\n"
      "- 源代码可以从 https://github.com/example/repo 获取。\n"
      "- 详情请参阅 https://example.org/docs 。\n");
  assert_int_equal(said_in(m, "配置文件位于屏幕上的文件中。"), 1);
  assert_int_equal(said_in(m, "源代码可以从屏幕上的地址获取。"), 1);
  assert_int_equal(said_in(m, "参阅"), 0);
  cJSON_Delete(m);

  /* Korean: the particle glued to the path stays, agreeing with the noun
   * said instead (파일을, 주소를) */
  m = full_load("ko.md", "# 설치\n\n"
      "- 설정 파일은 `/etc/vgrun/config.toml`에 있습니다.\n"
      "- 먼저 `docs/guide/README.md`를 읽으세요.\n"
      "- 브라우저에서 https://example.org/app 을 여세요.\n"
      "- 자세한 내용은 https://example.org/docs 를 참고하세요.\n");
  assert_int_equal(said_in(m, "설정 파일은 화면의 파일에 있습니다."), 1);
  assert_int_equal(said_in(m, "먼저 화면의 파일을 읽으세요."), 1);
  assert_int_equal(said_in(m, "브라우저에서 화면의 주소를 여세요."), 1);
  assert_int_equal(said_in(m, "참고"), 0);
  cJSON_Delete(m);

  /* English keeps its own rules */
  m = full_load("en.md", "# Setup\n\n- The settings reside in /etc/vgrun/ and can be edited.\n- Another point here.\n");
  assert_int_equal(said_in(m, "画面"), 0);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(cjk_particle_keeps_its_noun),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
