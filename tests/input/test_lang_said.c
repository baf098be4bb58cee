/* test_lang_said.c: narration in languages other than English: what a
 * sentence says once a path or link is taken out of it. */
#include "input_test.h"
#include "input_private.h"

#include <math.h>
#include <sys/stat.h>
#include <sys/time.h>

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
      "- 자세한 내용은 https://example.org/docs 를 참고하세요.\n"
      "- 그룹은 /etc/group내에 항목이 있어야 합니다.\n");
  assert_int_equal(said_in(m, "설정 파일은 화면의 파일에 있습니다."), 1);
  assert_int_equal(said_in(m, "먼저 화면의 파일을 읽으세요."), 1);
  assert_int_equal(said_in(m, "브라우저에서 화면의 주소를 여세요."), 1);
  assert_int_equal(said_in(m, "참고"), 0);
  assert_int_equal(said_in(m, "그룹은 화면의 폴더 내에 항목이 있어야 합니다."), 1);   /* a postposition glued to the path */
  cJSON_Delete(m);

  /* English keeps its own rules */
  m = full_load("en.md", "# Setup\n\n- The settings reside in /etc/vgrun/ and can be edited.\n- Another point here.\n");
  assert_int_equal(said_in(m, "画面"), 0);
  cJSON_Delete(m);
}

/* The scene of video 0 whose narration holds needle, or NULL. */
static const cJSON *said_by(const cJSON *m, const char *needle) {
  for (int i = 0; i < scene_count(m, 0); i++)
    if (strstr(sget(scene_at(m, 0, i), "narration"), needle)) return scene_at(m, 0, i);
  return NULL;
}

static const char man_de[] =
  ".TH DEMO 5 2024 demo Dateiformate\n.SH NAME\ndemo \\- Konfigurationsdatei f\xC3\xBCr das Demo-Werkzeug\n"
  ".SH BESCHREIBUNG\nDie Datei legt fest, welche Werte das Werkzeug beim Start liest. Jede Zeile enth\xC3\xA4lt "
  "einen Schl\xC3\xBCssel und einen Wert, die durch ein Gleichheitszeichen getrennt sind.\n"
  ".SH \"PHASED UPDATES\"\nThe tool understands a field called Phased-Percentage which can be used to control "
  "the rollout of a new version. It is only read when the field is set in the file.\n"
  ".SH OPTIONEN\nDie Option steuert, wie viele Dateien das Werkzeug gleichzeitig liest und wie lange es wartet. "
  "This option is deprecated and should not be used in any new file.\n"
  ".SH FEHLER\nEs sind keine Fehler bekannt. Melden Sie Fehler bitte an die Entwickler des Werkzeugs.\n";

/* A translated man page's untranslated English paragraph is said by an
 * English voice, and left out of a summary where it stands among the
 * page's own sentences; the page is in its folder's language. */
static void english_in_translated_man_page(void **state) {
  (void)state;
  char dir[] = "/tmp/vg_lang_said_XXXXXX", path[128];
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/man", dir);
  mkdir(path, 0700);
  snprintf(path, sizeof path, "%s/man/de", dir);
  mkdir(path, 0700);
  snprintf(path, sizeof path, "%s/man/de/man5", dir);
  mkdir(path, 0700);
  snprintf(path, sizeof path, "%s/man/de/man5/demo.5", dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(man_de, f);
  fclose(f);
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load(path, &o, &d);
    assert_non_null(m);
    vgi_diags_free(&d);
    const cJSON *v = cJSON_GetArrayItem(cJSON_GetObjectItem(m, "videos"), 0);
    if (strcmp(sget(v, "language"), "de")) print_message("%s: %s\n", path, cJSON_PrintUnformatted(v));
    assert_string_equal(sget(v, "language"), "de");
    const cJSON *de = said_by(m, "Die Datei legt fest");
    assert_non_null(de);
    assert_string_equal(sget(de, "voice"), "de");
    const cJSON *en = said_by(m, "The tool understands a field");
    if (!full) {
      /* a summary leaves the English out */
      assert_null(en);
      assert_int_equal(said_in(m, "deprecated"), 0);
      cJSON_Delete(m);
      continue;
    }
    assert_non_null(en);
    assert_string_equal(sget(en, "voice"), "male");
    /* the English sentence among German ones: the scene in the page's
     * voice, the sentence listed to be said in English */
    const cJSON *opt = said_by(m, "Die Option steuert");
    assert_non_null(opt);
    assert_string_equal(sget(opt, "voice"), "de");
    const cJSON *ps = cJSON_GetObjectItem(opt, "passages");
    assert_int_equal(cJSON_GetArraySize(ps), 1);
    assert_string_equal(sget(cJSON_GetArrayItem(ps, 0), "text"), "This option is deprecated and should not be used in any new file.");
    assert_string_equal(sget(cJSON_GetArrayItem(ps, 0), "voice"), "male");
    assert_null(cJSON_GetObjectItem(de, "passages"));
    assert_int_equal(said_in(m, "deprecated"), 1);
    cJSON_Delete(m);
  }
  unlink(path);
  snprintf(path, sizeof path, "rm -r %s", dir);
  assert_int_equal(system(path), 0);
}

/* 1 when a list item's text shown in video 0 ends with the word w. */
static int item_ends_on(const cJSON *m, const char *w) {
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
      const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "text");
      size_t n = t ? strlen(t) : 0, l = strlen(w);
      if (n > l && t[n - l - 1] == ' ' && !strcmp(t + n - l, w)) return 1;
    }
  }
  return 0;
}

/* A headline cut from a long item never ends on a function word of its
 * language: Indonesian "… yang dapat diubah dengan" (with) was shown. */
static void headline_ends_on_no_function_word(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("id.md", "# Panduan Instalasi\n\n## Persiapan\n\n"
      "- Aplikasi ini membutuhkan sistem operasi Linux yang sudah diperbarui dengan paket terbaru dari repositori resmi distribusi Anda.\n"
      "- Pengguna harus memiliki akses administrator untuk memasang paket pada sistem yang digunakan oleh seluruh tim pengembang.\n"
      "- Konfigurasi awal disimpan dalam berkas teks sederhana yang dapat diubah dengan penyunting teks apa saja tanpa alat khusus.\n",
      NULL, &d);
  vgi_diags_free(&d);
  static const char *const id_words[] = { "dengan", "yang", "dapat", "dari", "untuk", "di", "ke", "pada", NULL };
  for (int i = 0; id_words[i]; i++) assert_false(item_ends_on(m, id_words[i]));
  cJSON_Delete(m);
  m = load_text("pl.md", "# Przewodnik\n\n## Przygotowanie\n\n"
      "- Konfiguracja początkowa jest zapisywana w prostym pliku tekstowym na dysku w katalogu domowym użytkownika, który można edytować.\n"
      "- Serwer uruchamia się automatycznie po starcie systemu i nasłuchuje na porcie 8080 z domyślnymi ustawieniami z pliku konfiguracyjnego.\n"
      "- Dane są przechowywane w bazie danych na serwerze w sieci lokalnej firmy przez okres trzech miesięcy od dnia ich utworzenia.\n",
      NULL, &d);
  vgi_diags_free(&d);
  static const char *const pl_words[] = { "w", "z", "na", "i", "przez", "od", "jest", "który", NULL };
  for (int i = 0; pl_words[i]; i++) assert_false(item_ends_on(m, pl_words[i]));
  cJSON_Delete(m);
}

/* A YAML deck's scene that names its own language keeps it: its voice and
 * the phrases said for it are that language's, and it does not decide the
 * video's language; a code language at a command scene's top is its
 * code's. --language still sets every scene. */
static void scene_language_wins(void **state) {
  (void)state;
  static const char deck[] =
      "video:\n  title: Multilingual deck\n  scenes:\n"
      "    - scene_type: title\n      title: Welcome\n"
      "      narration: Welcome to this deck, which mixes two languages in one video.\n"
      "    - scene_type: list\n      language: de\n      items: [Die Datei ist klein, Das Werkzeug ist schnell]\n"
      "      narration: Die Datei ist klein und das Werkzeug ist schnell. Es gibt zwei Punkte.\n"
      "    - scene_type: list\n      language: fr\n      items: [Le fichier est petit, L'outil est rapide]\n"
      "    - scene_type: command\n      language: bash\n      commands: [make install]\n"
      "      narration: Run make install.\n";
  vgi_diags d = {0};
  cJSON *m = load_text("deck.yaml", deck, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  assert_string_equal(sget(video_at(m, 0), "language"), "en");
  assert_string_equal(sget(scene_at(m, 0, 0), "voice"), "male");
  assert_string_equal(sget(scene_at(m, 0, 1), "language"), "de");
  assert_string_equal(sget(scene_at(m, 0, 1), "voice"), "de");
  assert_string_equal(sget(scene_at(m, 0, 2), "language"), "fr");
  assert_string_equal(sget(scene_at(m, 0, 2), "voice"), "fr");
  /* the template in French, its list joined in French */
  const char *fr = sget(scene_at(m, 0, 2), "narration");
  assert_non_null(strstr(fr, "Le fichier est petit et L'outil est rapide"));
  assert_null(strstr(fr, "Key points"));
  assert_string_equal(sget(scene_at(m, 0, 3), "language"), "en");
  assert_string_equal(vcget(scene_at(m, 0, 3), "language"), "bash");
  cJSON_Delete(m);

  vgi_options de = { .language = "de" };
  m = load_text("deck.yaml", deck, &de, &d);
  vgi_diags_free(&d);
  for (int i = 0; i < scene_count(m, 0); i++) assert_string_equal(sget(scene_at(m, 0, i), "language"), "de");
  cJSON_Delete(m);
}

/* Written Cantonese is Cantonese (its own particles: 嘅 喺 咗 唔 …): said by
 * the Cantonese voice with Cantonese phrases, Chinese rules for its text;
 * a Mandarin text stays Chinese. */
static void cantonese_said_in_cantonese(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("yue.md", "# 點樣用呢個工具\n\n呢個工具可以將文件變成有旁白嘅影片。你唔需要任何雲端服務，全部喺本機執行。\n\n"
      "## 安裝\n\n- 首先要裝好 FFmpeg 同 espeak-ng，兩樣都係免費嘅。\n- 裝好咗之後，佢哋會自動搵到。\n\n"
      "```sh\nmake install\n```\n", NULL, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "language"), "yue");
  assert_string_equal(sget(video_at(m, 0), "voice"), "yue");
  assert_int_equal(said_in(m, "歡迎收睇"), 1);
  assert_int_equal(said_in(m, "多謝收睇"), 1);
  assert_int_equal(said_in(m, "Welcome"), 0);
  assert_int_equal(said_in(m, "Run this"), 0);
  /* a phrase Cantonese lacks is traditional Chinese's, not English */
  assert_string_equal(vgi_phrase("yue", "l_quiz"), vgi_phrase("zh-TW", "l_quiz"));
  assert_string_equal(vgi_phrase("zh-HK", "thanks"), "感謝觀看");
  assert_string_equal(vgi_phrase("zh_TW", "voice"), "cmn");
  assert_string_equal(vgi_phrase("zh", "thanks"), "感谢观看");
  cJSON_Delete(m);
  m = load_text("zh.md", "# 如何使用这个工具\n\n这个工具可以把文档变成有旁白的视频。你不需要任何云服务，全部在本机运行。\n", NULL, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "language"), "zh");
  assert_string_equal(sget(video_at(m, 0), "voice"), "cmn");
  cJSON_Delete(m);
}

/* A pattern in a path is taken out with the path: no "]*" is said, in any
 * language; signs left alone are never said, the sentence's mark stays. */
static void pattern_signs_unsaid(void **state) {
  (void)state;
  static const char *const docs[] = {
    "# Fájlok\n\n- A beállítások a /etc/dpkg/dpkg.cfg.d/[0-9a-zA-Z_-]* fájlokban vannak, és a program indításkor olvassa őket.\n"
    "- A felhasználó saját beállításai a ~/.dpkg.cfg fájlban vannak, és ezek felülírják a rendszer beállításait.\n",
    "# Files\n\n- Settings are read from /etc/dpkg/dpkg.cfg.d/[0-9a-zA-Z_-]* when the program starts.\n"
    "- Files matching /etc/apt/sources.list.d/{main,extra}.list are read too, and a bare ]* is never said.\n",
    NULL };
  for (int i = 0; docs[i]; i++) {
    cJSON *m = full_load(i ? "en.md" : "hu.md", docs[i]);
    assert_int_equal(said_in(m, "]"), 0);
    assert_int_equal(said_in(m, "*"), 0);
    assert_int_equal(said_in(m, "}"), 0);
    assert_int_equal(said_in(m, i ? "never said." : "olvassa őket."), 1);
    cJSON_Delete(m);
  }
  /* a sign alone is named, as the sentence means it */
  cJSON *m = full_load("pt.md", "# Básico\n\n- Aprenda sobre a expansão de arquivos glob com `*`. Aprenda ssh e o básico de autenticação.\n"
      "- Aprenda a usar o `grep` e o `sed` para procurar e trocar texto em muitos arquivos de uma vez.\n");
  assert_int_equal(said_in(m, "glob com *."), 1);
  cJSON_Delete(m);
}

/* A document's language is told by its words, not by its links' targets
 * or its HTML: a Hindi table of contents of percent-encoded anchors was
 * Portuguese, a Hebrew README with relative links English; Basque is
 * Basque, not Portuguese; Nepali and Marathi are not Hindi. */
static void language_of_words_not_links(void **state) {
  (void)state;
  static const struct { const char *text, *lang; } docs[] = {
    { "# जावास्क्रिप्ट\n\n"
      "- [प्रेरणा](#-%E0%A4%AA%E0%A5%8D%E0%A4%B0%E0%A5%87%E0%A4%B0%E0%A4%A3%E0%A4%BE%E0%A4%AA%E0%A5%8D)\n"
      "- [नोटेशन](#-%E0%A4%A8%E0%A5%8B%E0%A4%9F%E0%A5%87%E0%A4%B6%E0%A4%A8%E0%A4%AA%E0%A5%8D%E0%A4%B0)\n"
      "- [उदाहरण](#-%E0%A4%89%E0%A4%A6%E0%A4%BE%E0%A4%B9%E0%A4%B0%E0%A4%A3%E0%A4%AA%E0%A5%8D%E0%A4%B0)\n"
      "- [यह विफल है](#%E0%A4%AF%E0%A4%B9-%E0%A4%B5%E0%A4%BF%E0%A4%AB%E0%A4%B2-%E0%A4%B9%E0%A5%88%E0%A4)\n", "hi" },
    { "# שיטות עבודה מומלצות\n\n<div align=\"center\"><img src=\"assets/images/banner-2.jpg\" alt=\"Node.js Best Practices\"/></div>\n\n"
      "לקריאה בשפות נוספות: [סינית](./README.chinese.md), [צרפתית](./README.french.md), [יפנית](./README.japanese.md)\n\n"
      "- [בנו את הפרוייקט](#-11-structure-your-solution-by-business-components-and-layers)\n"
      "- [שכבות](#-12-layer-your-components-with-the-web-layer-kept-within-its-bounds)\n", "he" },
    /* Devanagari: Nepali and Marathi by their own words, Hindi else */
    { "# कसरी-एक नजर\n\nप्रश्नहरू सोध्न नहिचकिचाउनुहोस्; यदि तपाईं एक अनुभवी योगदानकर्ता हुनुहुन्छ भने पनि, "
      "त्यहाँ केहि चीजहरू छन् जस्ले तपाइँलाई अड्चन पुराउन सक्छ। यो गाइड पढ्नुहोस्।\n", "ne" },
    { "# आचरण संहिता\n\nहा प्रकल्प सर्वांसाठी खुला आहे आणि योगदानकर्त्यांच्या वर्तनासाठी काही नियम आहेत. "
      "तुम्ही या नियमांचे पालन करा, अन्यथा प्रकल्पामध्ये सहभागी होता येणार नाही.\n", "mr" },
    { "# आचार संहिता\n\nयह परियोजना सभी के लिए खुली है और योगदानकर्ताओं के व्यवहार के लिए कुछ नियम हैं। "
      "आप इन नियमों का पालन करें, नहीं तो आप भाग नहीं ले सकते।\n", "hi" },
    /* Afrikaans is not Dutch (MS-DOS's README.af-ZA), Dutch stays Dutch */
    { "# MS-DOS v1.25 en v2.0 Bronkode\n\nHierdie repo bevat die oorspronklike bronkode en saamgestel binaries vir "
      "MS-DOS v1.25 en MS-DOS v2.0. Die bron lêers in hierdie repo is vir historiese verwysing en sal staties gehou "
      "word. Moet asseblief nie Pull-versoeke stuur nie.\n", "af" },
    { "# MS-DOS v1.25 en v2.0 broncode\n\nDeze repo bevat de originele broncode en gecompileerde binaries voor "
      "MS-DOS v1.25 en MS-DOS v2.0. De bronbestanden in deze repo zijn voor historische referentie en worden niet "
      "gewijzigd. Stuur daarom geen pull requests met wijzigingen.\n", "nl" },
    /* Chinese in traditional characters is zh-Hant (README.zh-TW), in simplified zh */
    { "# MS-DOS v1.25 和 v2.0 的原始碼\n\n這個 repo 包括了 MS-DOS v1.25 和 MS-DOS v2.0 的原始碼與編譯後的執行檔。"
      "我們在 2014 年於計算機歷史博物館也分享過一模一樣的檔案。\n", "zh-Hant" },
    { "# MS-DOS v1.25 和 v2.0 的源代码\n\n这个仓库包括了 MS-DOS v1.25 和 MS-DOS v2.0 的源代码与编译后的可执行文件。"
      "我们在 2014 年于计算机历史博物馆也分享过一模一样的文件。\n", "zh" },
    /* a script no voice speaks is still its language (and warned of) */
    { "# ក្រមសីលធម៌របស់អ្នកចូលរួម\n\nក្នុងនាមជាអ្នករួមចំណែក និងអ្នកថែទាំគម្រោងនេះ GitHub\n", "km" },
    { "# Node.js-ren praktika onak\n\nBilduma honek Node.jsren praktika onak jasotzen ditu, eta astetik astera handiagoa da. "
      "Jarraibide gehienek informazio gehigarria dute, eta zure ekarpenak ere ongi etorriak dira.\n", "eu" },
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    vgi_diags d = {0};
    cJSON *m = load_text("doc.md", docs[i].text, NULL, &d);
    vgi_diags_free(&d);
    assert_string_equal(sget(video_at(m, 0), "language"), docs[i].lang);
    cJSON_Delete(m);
  }
}

/* A quote's source is the name after a title in quotes ("“Just for Fun:
 * …”, Linus Torvalds"), said whole: a long Sinhala attribution was cut in
 * the middle of a letter. */
static void quote_source_is_the_name(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("si.md", "# දිරිගැන්වුම\n\nමෙම ලැයිස්තුවේ මූලික අරමුණ වන්නේ උදාහරණ එක්රැස් කිරීමයි.\n\n"
      "> හුදෙක් විනෝදය උදෙසා\n>\n> &mdash; _[**“හුදෙක් විනෝදය උදෙසා: අහඹු විප්ලවයක කතාව”**](https://en.wikipedia.org/wiki/Just_for_Fun), "
      "ලීනස් ටොවාල්ඩ්ස්_\n", NULL, &d);
  vgi_diags_free(&d);
  for (int i = 0; i < scene_count(m, 0); i++) {
    const char *n = sget(scene_at(m, 0, i), "narration");
    assert_null(vgi_utf8_invalid(n, strlen(n)));
  }
  assert_int_equal(said_in(m, "ලීනස් ටොවාල්ඩ්ස්"), 1);
  assert_int_equal(said_in(m, "අහඹු විප්ලවයක"), 0);
  cJSON_Delete(m);
  m = load_text("hi.md", "# प्रेरणा\n\nइस सूची का प्राथमिक लक्ष्य कुछ उदाहरणों को इकट्ठा करना है।\n\n"
      "> सिर्फ मनोरंजन के लिए\n>\n> &mdash; _[**“सिर्फ मनोरंजन के लिए: एक्सीडेंटल रिवोल्यूशनरी की कहानी”**](https://example.org), Linus Torvalds_\n",
      NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "जैसा कि Linus Torvalds ने कहा:"), 1);
  cJSON_Delete(m);
}

/* A language espeak-ng speaks but the phrase table lacks (Thai, Sinhala
 * before their blocks, any other) never hears an English template: a
 * missing phrase is the neutral one, the title alone or nothing. A
 * language with no voice (read by the English voice) gets no English words
 * either; English keeps them. */
static void no_english_template_in_another_voice(void **state) {
  (void)state;
  assert_string_equal(vgi_phrase("kl", "welcome"), "{1}");
  assert_string_equal(vgi_phrase("kl", "thanks"), "");
  assert_string_equal(vgi_phrase("kl", "last"), ", ");
  assert_string_equal(vgi_phrase("uk", "diff_easy"), "");   /* a block that lacks a phrase */
  assert_string_equal(vgi_phrase("en-GB", "thanks"), "Thanks for watching");
  assert_string_equal(vgi_phrase("qq", "thanks"), "");   /* no voice: read in English, no English added */
  assert_string_equal(vgi_phrase("qq", "welcome"), "{1}");
  assert_string_equal(vgi_phrase("not a tag", "thanks"), "Thanks for watching");
  cJSON *m = full_load("kl.md", "---\nlang: kl\n---\n# Isikhokelo\n\nLe yincwadi yokufundisa.\n\n"
                       "## Ukufaka\n\n```sh\nmake\nmake install\n```\n\n"
                       "> [!WARNING]\n> Ungacimi ikhompyutha ngexesha lokufaka.\n");
  assert_string_equal(sget(video_at(m, 0), "language"), "kl");
  assert_true(said_in(m, "Isikhokelo") >= 1);
  assert_int_equal(said_in(m, "Welcome"), 0);
  assert_int_equal(said_in(m, "Thanks"), 0);
  assert_int_equal(said_in(m, "These commands"), 0);
  assert_int_equal(said_in(m, "Run these"), 0);
  assert_int_equal(said_in(m, "Warning"), 0);
  assert_int_equal(said_in(m, "!:"), 0);
  assert_int_equal(said_in(m, "Ungacimi ikhompyutha"), 1);
  /* the outro shows the title, not an empty thanks above it */
  const cJSON *o = scene_at(m, 0, scene_count(m, 0) - 1);
  const cJSON *ovc = cJSON_GetObjectItemCaseSensitive(o, "visual_content");
  assert_string_equal(sget(o, "scene_type"), "outro");
  assert_string_equal(sget(ovc, "main_text"), "Isikhokelo");
  cJSON_Delete(m);
  /* a language with its "Run these commands" but not "These commands build
   * and install it" says the first (Malay, told from Indonesian) */
  m = full_load("ms.md", "# Panduan Pemasangan\n\nProgram ini menukar dokumen kepada video dan berjalan pada "
                "komputer anda. Anda tidak memerlukan sebarang perkhidmatan awan, dan ia boleh digunakan "
                "tanpa sambungan internet.\n\n## Pemasangan\n\n```sh\nmake\nmake install\n```\n");
  assert_string_equal(sget(video_at(m, 0), "language"), "ms");
  assert_int_equal(said_in(m, "Jalankan arahan-arahan ini untuk bermula"), 1);
  cJSON_Delete(m);
}

/* Languages espeak-ng has no voice for are told by their own words, not by
 * the words they share with one that has (Tagalog "sa", "na" were Slovak,
 * Hausa "da", "in" Slovenian, Yoruba's ẹ ọ Vietnamese, Somali and Zulu
 * English); Swahili is Swahili. Read by the English voice, they hear no
 * English template and no other language's: the title alone, lists joined
 * by commas, no thanks. A Khmer paragraph's sentences end at its khan (។). */
static void no_english_added(const cJSON *m) {
  assert_int_equal(said_in(m, "Welcome"), 0);
  assert_int_equal(said_in(m, "Thanks"), 0);
  assert_int_equal(said_in(m, ", and "), 0);
}

static void languages_without_a_voice(void **state) {
  (void)state;
  static const struct { const char *text, *lang; } docs[] = {
    { "# Gabay sa Pag-install\n\nAng gabay na ito ay nagpapaliwanag kung paano i-install ang programa sa iyong "
      "kompyuter. Kailangan mo ng koneksyon sa internet at ilang minuto lamang.\n\n## Mga Kinakailangan\n\n"
      "- Isang kompyuter na may Linux o Windows\n- Hindi bababa sa dalawang gigabyte ng memorya\n"
      "- Koneksyon sa internet para sa pag-download\n", "tl" },
    { "# Ìtọ́sọ́nà fún Ìfisílẹ̀\n\nÌtọ́sọ́nà yìí ṣàlàyé bí a ṣe ń fi ètò náà sílẹ̀ sórí kọ̀ǹpútà rẹ. O nílò ìsopọ̀ "
      "ẹ̀rọ ayélujára àti ìṣẹ́jú díẹ̀ péré.\n\n## Ohun tí o nílò\n\n- Kọ̀ǹpútà tí ó ní Linux tàbí Windows\n"
      "- Ó kéré tán gígábáìtì méjì ti ìrántí\n- Ìsopọ̀ ẹ̀rọ ayélujára fún ìgbàsílẹ̀\n", "yo" },
    { "# Jagora don Shigarwa\n\nWannan jagora yana bayyana yadda ake shigar da shirin a kan kwamfutarka. "
      "Kana buƙatar haɗin intanet da 'yan mintuna kaɗan kawai.\n\n## Abubuwan da ake buƙata\n\n"
      "- Kwamfuta mai Linux ko Windows\n- Aƙalla gigabyte biyu na ƙwaƙwalwa\n- Haɗin intanet don saukarwa\n", "ha" },
    { "# Hagaha Rakibidda\n\nHagahan wuxuu sharxayaa sida loo rakibo barnaamijka kombiyuutarkaaga. Waxaad u "
      "baahan tahay xiriir internet iyo dhowr daqiiqo oo keliya.\n\n## Waxyaabaha loo baahan yahay\n\n"
      "- Kombiyuutar leh Linux ama Windows\n- Ugu yaraan laba gigabyte oo xusuus ah\n", "so" },
    { "# Umhlahlandlela Wokufaka\n\nLo mhlahlandlela uchaza ukuthi ungalifaka kanjani uhlelo kukhompyutha yakho. "
      "Udinga uxhumano lwe-inthanethi nemizuzu embalwa kuphela.\n\n## Okudingekayo\n\n"
      "- Ikhompyutha ene-Linux noma i-Windows\n- Okungenani ama-gigabyte amabili enkumbulo\n"
      "- Uxhumano lwe-inthanethi lokulanda\n\nUma kunenkinga, funda imibuzo evame ukubuzwa kuwebhusayithi yethu.\n", "zu" },
    { "# Mwongozo wa Usakinishaji\n\nMwongozo huu unaeleza jinsi ya kusakinisha programu kwenye kompyuta yako. "
      "Unahitaji muunganisho wa intaneti na dakika chache tu.\n\n## Mahitaji\n\n"
      "- Kompyuta yenye Linux au Windows\n- Angalau gigabaiti mbili za kumbukumbu\n", "sw" },
    { "# Tiếng Việt\n\nHướng dẫn này giải thích cách cài đặt chương trình trên máy tính của bạn. Bạn cần kết nối "
      "mạng và chỉ vài phút.\n", "vi" },
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    cJSON *m = full_load("doc.md", docs[i].text);
    assert_string_equal(sget(video_at(m, 0), "language"), docs[i].lang);
    if (strcmp(docs[i].lang, "sw") && strcmp(docs[i].lang, "vi")) {
      no_english_added(m);
      /* no other language's words: not Slovak (tl), Vietnamese (yo), Slovenian (ha) */
      assert_int_equal(said_in(m, "Vitajte"), 0);
      assert_int_equal(said_in(m, "Chào mừng"), 0);
      assert_int_equal(said_in(m, "Dobrodošli"), 0);
    }
    cJSON_Delete(m);
  }
  vgi_diags d = {0};
  cJSON *m = load_text("km.md", "# មគ្គុទ្ទេសក៍ដំឡើង\n\nមគ្គុទ្ទេសក៍នេះពន្យល់ពីរបៀបដំឡើងកម្មវិធីនៅលើកុំព្យូទ័ររបស់អ្នក។ "
                       "អ្នកត្រូវការការតភ្ជាប់អ៊ីនធឺណិត និងពេលតែប៉ុន្មាននាទីប៉ុណ្ណោះ។\n\n## តម្រូវការ\n\n"
                       "- កុំព្យូទ័រដែលមាន Linux ឬ Windows\n- អង្គចងចាំយ៉ាងហោចណាស់ពីរជីកាបៃ\n"
                       "- ការតភ្ជាប់អ៊ីនធឺណិតសម្រាប់ការទាញយក\n", NULL, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "language"), "km");
  no_english_added(m);
  /* the summary says the paragraph's first sentence, not both */
  assert_int_equal(said_in(m, "កុំព្យូទ័ររបស់អ្នក។"), 1);
  assert_int_equal(said_in(m, "ប៉ុន្មាននាទីប៉ុណ្ណោះ"), 0);
  cJSON_Delete(m);
}

/* Languages the phrase table or espeak-ng has that no word list or letter
 * named: an Estonian, Latvian, Lithuanian, Albanian or Uzbek guide was
 * English (its text read by the English voice), an Azerbaijani one Turkish,
 * a Kazakh, Kyrgyz or Tatar one in Cyrillic Russian. Each is its own
 * language now, said in its own voice, and one without phrases (Uzbek,
 * Kyrgyz, Tatar) hears no English template. */
static void languages_by_their_own_words(void **state) {
  (void)state;
  static const struct { const char *lang, *text; } docs[] = {
    { "et",
      "# Paigaldusjuhend\n"
      "\n"
      "See juhend selgitab, kuidas programmi oma arvutisse paigaldada. Sul on vaja internetiühendust ja ainult mõnda minutit.\n"
      "\n"
      "## Nõuded\n"
      "\n"
      "- Arvuti, kus on Linux või Windows\n"
      "- Vähemalt kaks gigabaiti mälu\n"
      "- Internetiühendus allalaadimiseks\n" },
    { "lv",
      "# Instalēšanas ceļvedis\n"
      "\n"
      "Šis ceļvedis paskaidro, kā instalēt programmu savā datorā. Jums ir vajadzīgs interneta savienojums un tikai dažas minūtes.\n"
      "\n"
      "## Prasības\n"
      "\n"
      "- Dators ar Linux vai Windows\n"
      "- Vismaz divi gigabaiti atmiņas\n"
      "- Interneta savienojums lejupielādei\n" },
    { "lt",
      "# Diegimo vadovas\n"
      "\n"
      "Šis vadovas paaiškina, kaip įdiegti programą jūsų kompiuteryje. Jums reikia interneto ryšio ir tik kelių minučių.\n"
      "\n"
      "## Reikalavimai\n"
      "\n"
      "- Kompiuteris su Linux arba Windows\n"
      "- Bent du gigabaitai atminties\n"
      "- Interneto ryšys atsisiuntimui\n" },
    { "sq",
      "# Udhëzuesi i instalimit\n"
      "\n"
      "Ky udhëzues shpjegon se si të instaloni programin në kompjuterin tuaj. Ju nevojitet një lidhje interneti dhe vetëm disa minuta.\n"
      "\n"
      "## Kërkesat\n"
      "\n"
      "- Një kompjuter me Linux ose Windows\n"
      "- Të paktën dy gigabajt memorie\n"
      "- Lidhje interneti për shkarkimin\n" },
    { "az",
      "# Quraşdırma təlimatı\n"
      "\n"
      "Bu təlimat proqramı kompüterinizə necə quraşdırmağı izah edir. Sizə internet bağlantısı və cəmi bir neçə dəqiqə lazımdır.\n"
      "\n"
      "## Tələblər\n"
      "\n"
      "- Linux və ya Windows olan kompüter\n"
      "- Ən azı iki giqabayt yaddaş\n"
      "- Yükləmək üçün internet bağlantısı\n" },
    { "uz",
      "# O'rnatish bo'yicha qo'llanma\n"
      "\n"
      "Bu qo'llanma dasturni kompyuteringizga qanday o'rnatishni tushuntiradi. Sizga internet aloqasi va bir necha daqiqa kerak bo'ladi.\n"
      "\n"
      "## Talablar\n"
      "\n"
      "- Linux yoki Windows o'rnatilgan kompyuter\n"
      "- Kamida ikki gigabayt xotira\n"
      "- Yuklab olish uchun internet aloqasi\n" },
    { "kk",
      "# Орнату нұсқаулығы\n"
      "\n"
      "Бұл нұсқаулық бағдарламаны компьютеріңізге қалай орнату керектігін түсіндіреді. Сізге интернет байланысы және бірнеше минут қажет.\n"
      "\n"
      "## Талаптар\n"
      "\n"
      "- Linux немесе Windows орнатылған компьютер\n"
      "- Кемінде екі гигабайт жад\n"
      "- Жүктеп алу үшін интернет байланысы\n" },
    { "ky",
      "# Орнотуу боюнча колдонмо\n"
      "\n"
      "Бул колдонмо программаны компьютериңизге кантип орнотуу керектигин түшүндүрөт. Сизге интернет байланышы жана бир нече мүнөт гана керек.\n"
      "\n"
      "## Талаптар\n"
      "\n"
      "- Linux же Windows орнотулган компьютер\n"
      "- Жок дегенде эки гигабайт эс тутум\n"
      "- Жүктөп алуу үчүн интернет байланышы\n" },
    { "tt",
      "# Урнаштыру кулланмасы\n"
      "\n"
      "Бу кулланма программаны санакка ничек урнаштырырга кирәклеген аңлата. Сезгә интернет бәйләнеше һәм берничә минут кына кирәк.\n"
      "\n"
      "## Таләпләр\n"
      "\n"
      "- Linux яки Windows урнаштырылган санак\n"
      "- Ким дигәндә ике гигабайт хәтер\n"
      "- Йөкләп алу өчен интернет бәйләнеше\n" },
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    cJSON *m = full_load("doc.md", docs[i].text);
    assert_string_equal(sget(video_at(m, 0), "language"), docs[i].lang);
    assert_string_equal(sget(video_at(m, 0), "voice"), docs[i].lang);
    no_english_added(m);
    cJSON_Delete(m);
  }
  /* a Ukrainian or Belarusian text stays so (і, ў are theirs too) */
  assert_string_equal(vgi_detect_language("Цей посібник пояснює, як встановити програму на ваш комп'ютер. "
                                          "Вам потрібне з'єднання з інтернетом і лише кілька хвилин."), "uk");
  assert_string_equal(vgi_detect_language("Гэты дапаможнік тлумачыць, як усталяваць праграму на ваш камп'ютар. "
                                          "Калі ўсё гатова, праграма ўключыцца і вы ўбачыце вынік."), "be");
  /* and a Finnish or Turkish one keeps its language */
  assert_string_equal(vgi_detect_language("Tämä opas kertoo, miten ohjelma asennetaan tietokoneelle. Tarvitset "
                                          "internetyhteyden ja vain muutaman minuutin, jos kaikki on valmiina."), "fi");
  assert_string_equal(vgi_detect_language("Bu kılavuz programın bilgisayarınıza nasıl kurulacağını açıklar. Bunun için "
                                          "bir internet bağlantısı ve sadece birkaç dakika gerekir, ama her şey hazır olmalı."), "tr");
}

/* Mongolian and Tajik write Cyrillic: a guide in either was Russian, its
 * title welcomed with "Добро пожаловать" and its end "Спасибо за внимание"
 * in the Russian voice. Each is its own language now (BCP 47 mn, tg), with
 * its own phrases, in the voice that says most of its letters; Armenian,
 * Amharic and Burmese, which had no phrases, say theirs and end them with
 * their own full stops. Russian, Kyrgyz and a Yakut text (ҥ ҕ) are not
 * taken for Mongolian. */
static void cyrillic_mongolian_tajik_and_phrases(void **state) {
  (void)state;
  static const struct { const char *lang, *voice, *welcome, *thanks, *text; } docs[] = {
    { "mn", "ky", "Тавтай морилно уу", "Үзсэнд баярлалаа",
      "# Програм суулгах заавар\n\nЭнэ програм нь танд баримт бичгээс хурдан видео хийхэд тусална. Та үүнийг "
      "Линукс болон Мак дээр ашиглаж болно.\n\n## Суулгах\n\nТөслийн вэб хуудаснаас файлыг татаж авна уу.\n\n"
      "- Markdown файлуудаас видео үүсгэх\n- Олон хэлний дэмжлэг\n" },
    { "tg", "kk", "Хуш омадед", "Ташаккур барои тамошо",
      "# Дастури насби барнома\n\nИн барнома ба шумо кӯмак мекунад, ки аз ҳуҷҷатҳо зуд видео созед. Шумо "
      "метавонед онро дар Линукс ва Мак истифода баред.\n\n## Насб\n\nФайлро аз саҳифаи веби лоиҳа боргирӣ "
      "кунед.\n\n- Сохтани видео аз файлҳои Markdown\n- Дастгирии забонҳои гуногун\n" },
    { "hy", "hy", "Բարի գալուստ։ Ծրագրի տեղադրման ուղեցույց։", "Շնորհակալություն դիտելու համար։",
      "# Ծրագրի տեղադրման ուղեցույց\n\nԱյս ծրագիրը օգնում է ձեզ արագ ստեղծել տեսանյութեր փաստաթղթերից։\n\n"
      "## Տեղադրում\n\nՆերբեռնեք ֆայլը նախագծի կայքէջից։\n" },
    { "am", "am", "እንኳን ደህና መጡ፦ የፕሮግራም መጫኛ መመሪያ።", "ስለተመለከቱ እናመሰግናለን።",
      "# የፕሮግራም መጫኛ መመሪያ\n\nይህ ፕሮግራም ከሰነዶች በፍጥነት ቪዲዮዎችን እንዲፈጥሩ ይረዳዎታል።\n\n## መጫን\n\n"
      "ፋይሉን ከፕሮጀክቱ ድረ-ገጽ ያውርዱ።\n" },
    { "my", "my", "ကြိုဆိုပါသည်။", "ကျေးဇူးတင်ပါသည်။",
      "# ပရိုဂရမ် ထည့်သွင်းခြင်း လမ်းညွှန်\n\nဤပရိုဂရမ်သည် စာရွက်စာတမ်းများမှ ဗီဒီယိုများကို လျင်မြန်စွာ "
      "ဖန်တီးရန် ကူညီပေးသည်။\n\n## ထည့်သွင်းခြင်း\n\nစီမံကိန်း၏ ဝဘ်စာမျက်နှာမှ ဖိုင်ကို ဒေါင်းလုဒ်လုပ်ပါ။\n" },
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    cJSON *m = full_load("doc.md", docs[i].text);
    assert_string_equal(sget(video_at(m, 0), "language"), docs[i].lang);
    assert_string_equal(sget(video_at(m, 0), "voice"), docs[i].voice);
    assert_int_equal(said_in(m, docs[i].welcome), 1);
    assert_int_equal(said_in(m, docs[i].thanks), 1);
    assert_int_equal(said_in(m, "Добро пожаловать"), 0);
    assert_int_equal(said_in(m, "Спасибо"), 0);
    no_english_added(m);
    cJSON_Delete(m);
  }
  /* Russian and Kyrgyz stay so; Yakut, which writes ө ү with ҥ ҕ, is not Mongolian */
  assert_string_equal(vgi_detect_language("Это руководство объясняет, как установить программу на ваш компьютер. "
                                          "Вам нужно подключение к интернету и всего несколько минут."), "ru");
  assert_string_equal(vgi_detect_language("Бул колдонмо программаны компьютериңизге кантип орнотуу керектигин "
                                          "түшүндүрөт. Сизге интернет байланышы жана бир нече мүнөт гана керек."), "ky");
  assert_string_equal(vgi_detect_language("Бу сахалыы тыл тэрилтэтэ. Кини үлэлиир, оҕолор үөрэнэллэр, "
                                          "биһиги дьиэбитигэр ҥэ түмсэбит, өйдөөн көрөбүт."), "ru");
}

/* Chinese in traditional characters is cut where simplified is: never
 * after a connective and its particle alone ("但是呢，" said nothing on a
 * slide of MS-DOS's zh-TW README) nor inside a purpose clause (為了 …，). */
static void traditional_chinese_headlines(void **state) {
  (void)state;
  static const char *const open[][2] = {
    { "但是呢，如果你想要新增或是修改一些和原始碼無關的檔案 (比方說這份 README) ，請送 Pull Requests 過來，我們會審核並考慮採用。", "但是呢" },
    { "為了讓這份文件更容易閱讀和維護，我們把所有的命令都放在同一個地方，你可以直接複製到終端機裡面執行，不需要任何額外的設定就能使用。",
      "為了讓這份文件更容易閱讀和維護" },
  };
  for (size_t i = 0; i < sizeof open / sizeof *open; i++) {
    char *h = vgi_headline(open[i][0]);
    assert_true(strlen(h) > strlen(open[i][1]));
    assert_non_null(strstr(open[i][0], h));
    free(h);
  }
}

/* Ukrainian and Russian put a comma before the clause that is a verb's
 * object: a headline never stops on that verb ("Наведені нижче посилання
 * показують," of login.defs(5) said "the references below show"); a noun
 * before the comma still ends one. */
static void slavic_object_clause_headlines(void **state) {
  (void)state;
  static const char *const verb[][2] = {
    { "Наведені нижче посилання показують, які програми комплексу для роботи з паролями shadow використовують "
      "відповідні параметри.", "Наведені нижче посилання показують" },
    { "Эти строки ниже показывают, какие программы из набора shadow используют соответствующие параметры "
      "при своей работе.", "Эти строки ниже показывают" },
  };
  for (size_t i = 0; i < sizeof verb / sizeof *verb; i++) {
    char *h = vgi_headline(verb[i][0]);
    print_message("%s\n", h);
    assert_true(strcmp(h, verb[i][1]) != 0);
    assert_true(strlen(h) > strlen(verb[i][1]));
    free(h);
  }
}

/* An opening clause answered by "then" ("If …, then …", "Если …, то …"
 * of killall(1) in Russian): the main clause starts at that word, which
 * goes; the headline is never its participle phrase alone ("Выполняющие
 * этот определённый файл, будут выбраны …" dropped the subject). */
static void then_answers_opening_clause(void **state) {
  (void)state;
  static const char *const s[][2] = {
    { "Если имя команды не является регулярным выражением и содержит косую черту, то процессы, выполняющие этот "
      "определённый файл, будут выбраны для завершения независимо от их имени.",
      "Процессы, выполняющие этот определённый файл, будут выбраны для завершения независимо от их имени" },
    { "If the command name is not a regular expression and contains a slash character, then processes executing "
      "that particular file will be selected for killing regardless of their name.",
      "Processes executing that particular file will be selected for killing regardless of their name" },
    /* (a name after "then" keeps its case) */
    { "If the underlying functionality is not available for some reason on this platform, then fs.watch() will "
      "not be able to function and may throw an exception.",
      "fs.watch() will not be able to function and may throw an exception" },
  };
  for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
    char *h = vgi_headline(s[i][0]);
    print_message("%s\n", h);
    assert_string_equal(h, s[i][1]);
    free(h);
  }
  /* "то есть" ("that is") answers nothing */
  char *h = vgi_headline("Если имя команды длиннее чем пятнадцать символов и процесс запущен давно, то есть старше "
                         "часа, будет показано только короткое имя процесса в списке.");
  print_message("%s\n", h);
  assert_null(strstr(h, "Есть"));
  free(h);
}

/* A heading of an Arabic README typed in visual order for a page laid out
 * left to right ("(بالنسخة (١.٢٥) و (٢.٠ MS-DOS الكود المصدري لـ" of
 * MS-DOS's README): its words in logical order, so the title wraps and
 * the voice says them as they are read; a line in logical order, or one
 * that opens with a bracket it closes, is left as it is. */
static void visual_order_rtl_heading(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("ar.md", "# <div align=\"right\">(بالنسخة (١.٢٥) و (٢.٠ MS-DOS الكود المصدري لـ</div>\n\n"
      "هذه المجموعة تحتوي على الكود المصدري الأصلي والملفات الثنائية التي تم جمعها.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "language"), "ar");
  print_message("%s\n", sget(video_at(m, 0), "title"));
  assert_string_equal(sget(video_at(m, 0), "title"), "الكود المصدري لـ MS-DOS بالنسخة (١.٢٥) و (٢.٠)");
  cJSON_Delete(m);
  static const char *const kept[] = { "الكود المصدري لـ MS-DOS بالنسخة (١.٢٥) و (٢.٠)", "(١.٢٥) الكود المصدري",
                                      "(see the (first) part", NULL };
  for (int i = 0; kept[i]; i++) {
    char *t = vgi_visual_rtl_logical(vgi_strdup(kept[i]));
    assert_string_equal(t, kept[i]);
    free(t);
  }
}

/* An old zh_TW man page spaces every character ("可 指 定 群 組 名 稱"):
 * shown and said unspaced, it is Chinese in traditional characters, and a
 * path left out of a sentence says 畫面上的檔案, not the simplified 屏幕上的文件. */
static void spaced_chinese_man_page(void **state) {
  (void)state;
  cJSON *m = full_load("groupadd-zh.8",
      ".TH GROUPADD 8\n.SH NAME\ngroupadd \\- 建 立 新 群 組\n.SH DESCRIPTION\n"
      "可 指 定 群 組 名 稱 來 建 立 新 的 群 組 帳 號 。 需 要 時 可 從 系 統 中 取 得 新 群 組 值 。\n"
      ".SH FILES\n這 個 設 定 檔 放 在 /etc/login.defs 裡 面 。\n");
  assert_non_null(m);
  assert_string_equal(sget(video_at(m, 0), "language"), "zh-Hant");
  assert_true(said_in(m, "可指定群組名稱來建立新的群組帳號") >= 1);
  assert_int_equal(said_in(m, "群 組"), 0);
  assert_int_equal(said_in(m, "屏幕上的"), 0);
  assert_int_equal(said_in(m, "/etc/login.defs"), 0);
  cJSON_Delete(m);
}

/* A translated man page's placeholders ("Verzeichnis", "Datei", "FICHIER",
 * "[Präfix]", "Teil …") are left out of what is said, as English ones are:
 * "Option depotdir — …", never "Option depotdir Verzeichnis — …". */
static void man_placeholders_as_in_english(void **state) {
  (void)state;
  static const char *const pages[][2] = {
    { "de", ".TH DEMO 1\n.SH BEZEICHNUNG\ndemo \\- verwaltet die Warteschlange der Pakete\n"
            ".SH BESCHREIBUNG\n.B demo\nverwaltet die Warteschlange der Pakete und teilt große Archive "
            "in kleine Teile, die auf jedes Medium passen.\n"
            ".SH OPTIONEN\n.TP\n.BI \\-\\-depotdir \" Verzeichnis\"\n"
            "Gibt ein alternatives Verzeichnis für die Warteschlange an.\n"
            ".TP\n.BR \\-s \", \" \\-\\-split \" \\fIKomplettarchiv\\fP [\\fIPräfix\\fP]\"\n"
            "Teilt ein einzelnes Paket in mehrere Teile.\n"
            ".TP\n.BR \\-j \", \" \\-\\-join \" \\fITeil\\fP …\"\n"
            "Vereint die Teile einer Paketdatei wieder zu einem Ganzen.\n"
            ".TP\n.BI \\-C \" Datei\\fR, \\fP\\-\\-config\\-file= Datei\"\n"
            "Verwendet diese Konfigurationsdatei an Stelle der Voreinstellung.\n" },
    { "fr", ".TH DEMO 1\n.SH NOM\ndemo \\- gère la file d'attente des paquets\n"
            ".SH DESCRIPTION\n.B demo\ngère la file d'attente des paquets et découpe les grandes archives "
            "en petites parties pour les supports de petite taille.\n"
            ".SH OPTIONS\n.TP\n.BI \\-\\-depotdir \" répertoire\"\n"
            "Indique un autre répertoire pour la file d'attente des parties.\n"
            ".TP\n.BR \\-b \", \" \\-\\-build \" \\fIrépertoire\\-binaire\\fP [\\fIarchive\\fP|\\fIrépertoire\\fP]\"\n"
            "Crée une archive à partir de l'arborescence des fichiers.\n"
            ".TP\n.BI \\-f \" FICHIER\"\n"
            "Lit la liste des paquets dans le fichier indiqué au lieu de l'entrée standard.\n" },
  };
  static const char *const unsaid[] = { "Verzeichnis —", "Komplettarchiv", "Präfix", "Teil …", "Datei,",
                                        "Option C", "répertoire —", "binaire", "archive|", "FICHIER", NULL };
  for (int i = 0; i < 2; i++) {
    char name[32];
    snprintf(name, sizeof name, "demo-%s.1", pages[i][0]);
    cJSON *m = full_load(name, pages[i][1]);
    assert_non_null(m);
    assert_string_equal(sget(video_at(m, 0), "language"), pages[i][0]);
    for (int k = 0; unsaid[k]; k++)
      if (said_in(m, unsaid[k])) fail_msg("%s: \"%s\" said", pages[i][0], unsaid[k]);
    assert_true(said_in(m, i ? "option depotdir —" : "Option depotdir —") >= 1);
    cJSON_Delete(m);
  }
}

/* English left in a French page is said by an English voice, at English
 * pace (150 words a minute, not French's 195): the plan estimates it so. */
static void english_passage_at_english_pace(void **state) {
  (void)state;
  cJSON *m = full_load("fr.md", "---\nlang: fr\n---\n# Gestion des paquets\n\n## Utilisation\n\n"
      "Ce programme gère les paquets du système et les met à jour quand il le faut. "
      "The tool understands a field called Phased-Update-Percentage which can be used to control the rollout "
      "of a new version of the package to the users of the system. "
      "Il faut redémarrer la machine après la mise à jour des paquets du système.\n");
  const cJSON *sc = NULL;
  for (int i = 0; i < scene_count(m, 0) && !sc; i++)
    if (cJSON_GetObjectItemCaseSensitive(scene_at(m, 0, i), "passages")) sc = scene_at(m, 0, i);
  assert_non_null(sc);
  cJSON *bare = cJSON_Duplicate(sc, 1);
  cJSON_DeleteItemFromObjectCaseSensitive(bare, "passages");
  const char *pt = sget(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(sc, "passages"), 0), "text");
  double more = vgi_speech_seconds_lang(pt, "en") - vgi_speech_seconds_lang(pt, "fr");
  assert_true(more > 1.0);
  assert_true(fabs(vgi_scene_seconds(sc, "fr") - vgi_scene_seconds(bare, "fr") - more) < 0.01);
  /* a scene whose voice became English is English throughout */
  cJSON_DeleteItemFromObjectCaseSensitive(bare, "voice");
  cJSON_AddStringToObject(bare, "voice", "male");
  assert_true(fabs(vgi_scene_seconds(bare, "fr") - vgi_scene_seconds(bare, "en")) < 0.01);
  cJSON_Delete(bare);
  cJSON_Delete(m);
}

/* A lone link to the document's translations ("Read this in other
 * languages", in any language) is furniture: not shown, not said; a lone
 * link elsewhere stays. */
static void link_to_translations_unsaid(void **state) {
  (void)state;
  cJSON *m = full_load("th.md", "# คู่มือการมีส่วนร่วม\n\n*[อ่านไฟล์นี้ในภาษาอื่น](README.md#translations)*\n\n"
      "พวกเราขอต้อนรับผู้ร่วมพัฒนาใหม่ทุกคน แม้ว่าคุณจะเพิ่งสร้าง Pull Request เป็นครั้งแรก\n\n"
      "*[อ่านคู่มือการติดตั้ง](docs/install.md)*\n");
  assert_int_equal(said_in(m, "อ่านไฟล์นี้ในภาษาอื่น"), 0);
  assert_int_equal(said_in(m, "อ่านคู่มือการติดตั้ง"), 1);
  cJSON_Delete(m);
}

/* Thai (no spaces between words) is estimated by its letters, the scripts
 * of India at their voices' pace: "อย่าลังเลที่จะถามคำถาม …" took 8 s to
 * say and was planned as 2 (its four space-separated runs at 150 words a
 * minute). */
static void pace_of_thai_and_indic(void **state) {
  (void)state;
  const char *th = "อย่าลังเลที่จะถามคำถาม ทุกคนมี PR แรกกันทั้งนั้น คุณอาจจะเป็นหนึ่งในผู้ช่วยของเรา";
  double t = vgi_speech_seconds_lang(th, "th");
  assert_true(t > 6.0 && t < 10.0);
  /* twenty Tamil words at about a hundred a minute, not 150 */
  const char *ta = "கேள்விகளைக் கேட்கத் தயங்காதீர்கள் ஒவ்வொரு பங்களிப்பாளரும் முதல் PR உடன் தொடங்கினார்கள் "
                   "நீங்கள் அனுபவம் வாய்ந்த ஓப்பன் சோர்ஸ் பங்களிப்பாளராக இருந்தாலும் உங்களைத் தூண்டக்கூடிய "
                   "விஷயங்கள் உள்ளன இறுதியாக நீங்கள் சேர்க்க";
  assert_true(vgi_speech_seconds_lang(ta, "ta") > 11.0);
}

/* A zero-width joiner is Sinhala's writing ("ව්‍යාපෘති": the conjunct the
 * captions show), kept in what is said; an emoji's joiner goes with it. */
static void joiner_of_a_script_kept(void **state) {
  (void)state;
  cJSON *m = full_load("si.md", "# දායක චර්යා සංග්‍රහය\n\n"
      "මෙම ව්‍යාපෘතියේ දායකයින් සහ නඩත්තු කරන්නන් ලෙස අපි සියලු දෙනාට ගරු කරමු 👨‍💻.\n");
  assert_int_equal(said_in(m, "ව්\xE2\x80\x8D\xE0\xB6\xBA\xE0\xB7\x8F\xE0\xB6\xB4\xE0\xB7\x98\xE0\xB6\xAD\xE0\xB7\x92\xE0\xB6\xBA\xE0\xB7\x9A"), 1);
  assert_int_equal(said_in(m, "\xE2\x80\x8D\xF0\x9F"), 0);
  assert_int_equal(said_in(m, "\xF0\x9F\x92\xBB"), 0);
  cJSON_Delete(m);
}

/* Language detection reads a bounded share of a text, in time linear in
 * it: a line of "[a](" repeated (a link's "](" with no target after it)
 * was scanned to the line's end from every "](", so 3 MB of it took hours
 * of CPU in one call (ITIMER_PROF counts this process's CPU only). A
 * link's target is still no word of the text. */
static void detection_linear(void **state) {
  (void)state;
  size_t n = 750000;
  char *s = malloc(4 * n + 64);
  assert_non_null(s);
  for (size_t i = 0; i < n; i++) memcpy(s + 4 * i, "[a](", 4);
  strcpy(s + 4 * n, " text\n");
  struct itimerval cpu = { .it_value = { .tv_sec = 20 } }, off = {0};
  setitimer(ITIMER_PROF, &cpu, NULL);   /* SIGPROF ends the test past it */
  const char *lang = vgi_detect_language(s);
  setitimer(ITIMER_PROF, &off, NULL);
  assert_non_null(lang);
  free(s);
  assert_string_equal(vgi_detect_language("Dies ist [ein Text](https://example.org/the-and-of-is-in-to) "
                                          "und er ist auf Deutsch geschrieben, wie man sieht."), "de");
}

/* Japanese technical writing ends its sentences with "．" (and "，" for its
 * comma), and "！？" is one end: each is a sentence's end as "。" is, in
 * the sentences, the summary and the bullets. A decimal "１．５" and a stop
 * inside a quote the sentence goes on after ("「はい。」と言った") end none. */
static void japanese_full_width_stops(void **state) {
  (void)state;
  static const struct { const char *text; int n; const char *first; } cases[] = {
    { "設定を読み込みます．結果を表示します．", 2, "設定を読み込みます．" },
    { "本当に速いのでしょうか！？はい，とても速いです！", 2, "本当に速いのでしょうか！？" },
    { "二つ目の項目です‼そして終わります。", 2, "二つ目の項目です‼" },
    { "本当!?次の文です。", 2, "本当!?" },
    { "速度は１．５倍になります．次の文です．", 2, "速度は１．５倍になります．" },
    { "彼は「はい。」と言った。次の文です。", 2, "彼は「はい。」と言った。" },
    /* (a stop doubled by a join is a sentence of its own, left out later) */
    { "バージョン情報を表示します。。", 2, "バージョン情報を表示します。" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    int n = 0;
    char **v = vgi_sentences_lang(cases[i].text, "ja", &n);
    print_message("%s -> %d: %s\n", cases[i].text, n, n ? v[0] : "");
    assert_int_equal(n, cases[i].n);
    assert_string_equal(v[0], cases[i].first);
    for (int k = 0; k < n; k++) free(v[k]);
    free(v);
  }
  /* the summary keeps a paragraph's first sentence, not the paragraph, and
   * no bullet or sentence is a "？" left behind */
  vgi_diags d = {0};
  cJSON *m = load_text("ja.md", "# テスト文書\n\n"
      "この文書は句点の扱いを確かめるためのものです．全角ピリオドで文を終える書き方は技術文書でよく使われます．\n\n"
      "## 使い方\n\n"
      "まずインストールしてください．それから設定ファイルを編集します．最後にプログラムを起動すると，画面に結果が表示されます！？\n",
      NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "全角ピリオド"), 0);
  assert_int_equal(said_in(m, "まずインストールしてください．"), 1);
  for (int i = 0; i < scene_count(m, 0); i++) {
    const char *nar = sget(scene_at(m, 0, i), "narration");
    assert_null(nar ? strstr(nar, " \xEF\xBC\x9F") : NULL);   /* " ？" */
  }
  cJSON_Delete(m);
}

/* Thai, Lao, Khmer and Burmese write no space between words: a long item
 * is counted by its words and given a headline, cut between two words, not
 * on a conjunction or a preposition. */
static void unspaced_scripts_headlined(void **state) {
  (void)state;
  const char *th = "โปรแกรมนี้ช่วยให้ผู้ใช้สามารถแปลงเอกสารที่เขียนด้วยภาษามาร์กดาวน์ให้เป็นวิดีโอที่มีเสียงบรรยาย"
                   "และคำบรรยายใต้ภาพได้โดยอัตโนมัติโดยไม่ต้องติดตั้งโปรแกรมอื่นเพิ่มเติม";
  assert_true(vgi_word_count(th) >= 20);
  assert_int_equal(vgi_word_count("ภาษาไทย ไม่มีช่องว่าง"), 5);   /* ภาษา ไทย | ไม่มี ช่อง ว่าง */
  char *h = vgi_headline(th);
  print_message("%s\n", h);
  assert_true(strlen(h) < strlen(th) && !strncmp(h, th, strlen(h)));
  assert_true(vgi_word_count(h) <= 12 && vgi_word_count(h) >= 4);
  static const char *const never_last[] = { "และ", "ที่", "ให้", "โดย", "ด้วย", "การ", NULL };
  for (int i = 0; never_last[i]; i++) {
    size_t l = strlen(never_last[i]), hl = strlen(h);
    assert_false(hl > l && !strcmp(h + hl - l, never_last[i]));
  }
  free(h);
  /* a phrase's end (a space) is the cut when one comes in time */
  const char *spaced = "ระบบจะตรวจสอบไฟล์การตั้งค่าทั้งหมดก่อนเริ่มทำงาน "
                       "จากนั้นจึงสร้างภาพและเสียงของแต่ละฉากตามลำดับที่กำหนดไว้ในเอกสารต้นฉบับอย่างละเอียด";
  h = vgi_headline(spaced);
  assert_string_equal(h, "ระบบจะตรวจสอบไฟล์การตั้งค่าทั้งหมดก่อนเริ่มทำงาน");
  free(h);
  /* never inside a Latin name: a space between two Latin words parts no
   * Thai phrase ("…ร่วมพัฒนา Open" was the headline) */
  const char *named = "แม้ว่าคุณจะเป็นคนที่มีประสบการณ์ในการร่วมพัฒนา Open Source "
                      "แต่อาจจะมีบางเรื่องที่คุณยังไม่รู้ก็เป็นได้";
  h = vgi_headline(named);
  print_message("%s\n", h);
  size_t hl = strlen(h);
  assert_false(hl >= 4 && !strcmp(h + hl - 4, "Open"));
  free(h);
  /* Khmer too, never inside a cluster (a cut lands where a word ends) */
  const char *km = "កម្មវិធីនេះជួយអ្នកប្រើប្រាស់ឱ្យបំលែងឯកសារដែលសរសេរជាភាសាម៉ាកដោនទៅជាវីដេអូដែលមានសំឡេងនិងអក្សររត់ដោយស្វ័យប្រវត្តិ";
  assert_true(vgi_word_count(km) >= 12);
  h = vgi_headline(km);
  print_message("%s\n", h);
  size_t ws[64], we[64];
  int n = vgi_unspaced_split(km, ws, we, 64), at_end = 0;
  for (int i = 0; i < n; i++) at_end |= we[i] == strlen(h);
  assert_true(strlen(h) < strlen(km) && at_end);
  free(h);
}

/* A sentence that opens with a subordinate clause in Serbian, Croatian or
 * Polish ("Ако увидите да …, обратите се …") is headlined by its main
 * clause, and no headline stops before "и", "i", "да" (man(1) in Serbian
 * showed "Ако увидите да странице упутства"). */
static void slavic_lead_clause_headlines(void **state) {
  (void)state;
  static const char *const cases[][2] = {
    { "Ако увидите да странице упутства и каталози порука достављени уз овај пакет нису доступни на српском "
      "језику а желели бисте да их доставите, обратите се одржаваоцу који ће руководити том делатношћу.",
      "Ако увидите" },
    { "Ako primijetite da stranice priručnika i katalozi poruka isporučeni uz ovaj paket nisu dostupni na "
      "hrvatskom jeziku, obratite se održavatelju koji će voditi tu aktivnost.", "Ako primijetite" },
    { "Jeśli strony podręcznika oraz katalogi komunikatów dostarczone z tym pakietem nie są dostępne w języku "
      "polskim, należy skontaktować się z opiekunem, który koordynuje tłumaczenie.", "Jeśli strony" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *h = vgi_headline(cases[i][0]);
    print_message("%s\n", h);
    assert_true(strncmp(h, cases[i][1], strlen(cases[i][1])) != 0);
    /* (its main clause, with a capital: "Обратите се …") */
    assert_true(!strncmp(h, "\xD0\x9E", 2) || !strncmp(h, "O", 1) || !strncmp(h, "N", 1));
    free(h);
  }
  /* a Polish "i" and a Serbian "и" or "да" are joining words: no headline
   * ends on one */
  static const char *const ends[] = {
    "Polecenie wyświetla listę wszystkich grup w systemie i zapisuje ją do pliku wskazanego przez administratora "
    "systemu w katalogu domowym.",
    "Страница упутства се састоји од неколико одељака који описују програм и његове опције да би корисник лакше "
    "пронашао оно што тражи.",
  };
  /* nor on a modal before its "да", on "као", on Romanian's "care", nor
   * on a clause of one word after a semicolon (ru xxd(1)) */
  static const char *const never[][2] = {
    { "Наредба или илустрација функције је образац који треба да одговара свим могућим призивима у програму.",
      " треба" },
    { "Странице упутства се обично смештају у „nroff(1)“ формат под директоријумом као што је /usr/share/man у систему.",
      " као" },
    { "Există mai multe variabile de mediu care, dacă sunt stabilite, sunt interogate pentru a determina modul de "
      "operare al lui man.", " care" },
    { "Отмотка назад потока стандартного ввода; необходимо, поскольку cat уже выполнила чтение до конца потока "
      "стандартного ввода.", "необходимо" },
  };
  for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
    char *h = vgi_headline(never[i][0]);
    size_t l = strlen(h), nl = strlen(never[i][1]);
    print_message("%s\n", h);
    assert_false(l >= nl && !strcmp(h + l - nl, never[i][1]));
    free(h);
  }
  for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
    char *h = vgi_headline(ends[i]);
    size_t l = strlen(h);
    print_message("%s\n", h);
    assert_false(l > 2 && (!strcmp(h + l - 2, " i") || !strcmp(h + l - 3, " \xD0\xB8") ||
                           !strcmp(h + l - 5, " \xD0\xB4\xD0\xB0")));
    free(h);
  }
}

static int language_row(const char *s) { return vgi_language_row(s, strlen(s)); }

/* A row of links to translations names other languages: a page of a title
 * and such a row is English (or its front matter's language), never
 * Portuguese for "Português do Brasil" or Catalan; a translated page with
 * such a row keeps its own language. */
static void language_row_no_evidence(void **state) {
  (void)state;
  static const struct { const char *text, *lang; } docs[] = {
    { "# Notes\n\n\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 [English](README.md) \xC2\xB7 [Portugu\xC3\xAAs do Brasil](README.pt-BR.md) \xC2\xB7 "
      "[Espa\xC3\xB1ol de Espa\xC3\xB1""a](README.es.md) \xC2\xB7 [Catal\xC3\xA0](README.ca.md) \xC2\xB7 [L\xC3\xADngua de Sinais](README.lsb.md)\n", "en" },
    { "# Notes\n\nRead this in other languages: [Portugu\xC3\xAAs do Brasil](docs/pt-BR/README.md), "
      "[Espa\xC3\xB1ol de Espa\xC3\xB1""a](docs/es/README.md), [Catal\xC3\xA0 de la Franja](docs/ca/README.md)\n", "en" },
    { "# Notes\n\n[Portugu\xC3\xAAs do Brasil](README-pt-BR.md),\n[Espa\xC3\xB1ol de Espa\xC3\xB1""a](README-es.md),\n"
      "[Catal\xC3\xA0 de la Franja](README-ca.md)\n", "en" },
    { "---\nlang: de\n---\n# Notizen\n\n[Portugu\xC3\xAAs do Brasil](README.pt-BR.md) | [Espa\xC3\xB1ol de Espa\xC3\xB1""a](README.es.md)\n", "de" },
    /* the row does not hide the page's own words */
    { "# Notas\n\n[English](README.md) | [Deutsch](README.de.md)\n\n"
      "Este projeto converte documentos em v\xC3\xAD""deos e funciona sem rede. Para come\xC3\xA7""ar, leia o guia de "
      "instala\xC3\xA7\xC3\xA3o e execute o comando uma vez.\n", "pt" },
    /* links in a sentence are words of it */
    { "# Notas\n\nLeia [o guia do projeto](docs/guia.md) e [a lista de mudan\xC3\xA7""as](CHANGES.md) antes de "
      "come\xC3\xA7""ar, e depois execute o comando.\n", "pt" },
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    vgi_diags d = {0};
    cJSON *m = load_text("doc.md", docs[i].text, NULL, &d);
    vgi_diags_free(&d);
    if (strcmp(sget(video_at(m, 0), "language"), docs[i].lang)) print_message("doc %zu\n", i);
    assert_string_equal(sget(video_at(m, 0), "language"), docs[i].lang);
    cJSON_Delete(m);
  }
  assert_int_equal(language_row("[Deutsch](README.de.md) | [Fran\xC3\xA7""ais](README.fr.md)"), 1);
  assert_int_equal(language_row("[Usage](#usage) | [Install](docs/install.md)"), 0);
  assert_int_equal(language_row("See [Deutsch](README.de.md) and [more](x.md) here"), 0);
}

/* A sentence whose last marks stand alone ("`cat << EOF ...`.", said
 * "cat << EOF") keeps its full stop, in any alphabet: the Ukrainian item
 * ran into the next one ("cat << EOF У Bash …"). */
static void lone_stop_ends_its_sentence(void **state) {
  (void)state;
  cJSON *m = full_load("uk.md", "---\nlang: uk\n---\n# \xD0\x9E\xD0\xB1\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xBD\xD0\xBA\xD0\xB0\n\n"
      "## \xD0\xA9\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8F\n\n"
      "- \xD0\x97\xD0\xBD\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5 \xD0\xBF\xD1\x80\xD0\xBE *heredoc* -\xD1\x81\xD0\xB8\xD0\xBD\xD1\x82\xD0\xB0\xD0\xBA\xD1\x81\xD0\xB8\xD1\x81 \xD0\xB2 Bash: `cat << EOF ...`.\n"
      "- \xD0\xA3 Bash \xD0\xBF\xD0\xB5\xD1\x80\xD0\xB5\xD0\xBD\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBB\xD1\x8F\xD0\xB9\xD1\x82\xD0\xB5 \xD0\xBF\xD0\xBE\xD1\x82\xD0\xBE\xD0\xBA\xD0\xB8, \xD0\xBE\xD1\x81\xD1\x8C \xD1\x82\xD0\xB0\xD0\xBA.\n");
  assert_int_equal(said_in(m, "cat << EOF. \xD0\xA3 Bash"), 1);
  cJSON_Delete(m);
  /* a paragraph's last sentence keeps its stop too */
  m = full_load("en.md", "# Shell\n\n## Daily\n\nKnow about the syntax in Bash: cat file ....\n\n"
      "\xC3\x9C""ber alles: the streams are redirected like this ....\n");
  assert_int_equal(said_in(m, "Bash: cat file."), 1);
  assert_int_equal(said_in(m, "like this."), 1);
  cJSON_Delete(m);
}

/* Korean terms with what they are, each a sentence ending on its
 * predicate ("…방식입니다."), are said one sentence each, never joined by
 * commas into one; an English line under a French page is said by an
 * English voice ("A few more projects and articles about …"). */
static void korean_pairs_and_english_lines(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("ko.md", "# 알고리즘\n\n알고리즘은 문제를 푸는 방법입니다.\n\n## 패러다임\n\n"
      "* **동적 계획법** - 이전에 찾은 결과를 이용하여 최종적으로 해결하는 방식입니다.\n"
      "* **백트래킹** - 모든 가능한 경우를 고려한다는 점에서 브루트 포스와 유사합니다.\n"
      "* **탐욕법** - 매 단계에서 가장 좋아 보이는 선택을 합니다.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "니다, "), 0);
  assert_int_equal(said_in(m, "방식입니다."), 1);
  cJSON_Delete(m);
  m = load_text("fr.md", "---\nlang: fr\n---\n# Algorithmes\n\nCe d\xC3\xA9p\xC3\xB4t contient des exemples "
      "d'algorithmes populaires en JavaScript.\n\n## Plus\n\n"
      "> A few more projects and articles about JavaScript and algorithms on trekhleb.dev\n", NULL, &d);
  vgi_diags_free(&d);
  int english = 0;
  for (int i = 0; i < scene_count(m, 0); i++)
    if (strstr(sget(scene_at(m, 0, i), "narration"), "A few more"))
      english = !strcmp(sget(scene_at(m, 0, i), "voice"), "male");
  assert_int_equal(english, 1);
  cJSON_Delete(m);
}

/* A headline never ends at an abbreviation of the document's language:
 * Russian "напр." (for example), Polish "m.in." (among others) and Czech
 * "např." keep the words after them, as "z. B." and "e.g." do. */
static void headline_keeps_abbreviation(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("ru.md", "# Руководство\n\n"
      "- Используйте ссылки на официальные сайты, напр. сайт автора, а не зеркала и копии в разумных пределах проекта.\n"
      "- Второй пункт нужен для того, чтобы язык был определён правильно.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(item_ends_on(m, "напр"), 0);
  assert_int_equal(item_ends_on(m, "напр."), 0);
  cJSON_Delete(m);
  m = load_text("pl.md", "# Przewodnik\n\n"
      "- Dodaj linki do oficjalnych stron, m.in. strony autora lub wydawcy, a nie kopii i luster w rozsądnych granicach.\n"
      "- Drugi punkt jest potrzebny, aby język został poprawnie rozpoznany.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(item_ends_on(m, "m.in"), 0);
  assert_int_equal(item_ends_on(m, "m.in."), 0);
  cJSON_Delete(m);
  /* Italian "es." is no abbreviation of Spanish, whose sentence it ends */
  m = load_text("es.md", "# Guía\n\n"
      "- Esto es lo que es. Después se explica cómo añadir libros a las listas del proyecto con enlaces oficiales y buenos.\n"
      "- Un segundo punto es necesario para que el idioma se detecte bien.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(item_ends_on(m, "es"), 1);
  cJSON_Delete(m);
}

/* An item that starts with a file's extension keeps it a word after the
 * joiner before it: Korean joins with ", ", and "1회, .md 파일" was said
 * "1회.md 파일", a file name. */
static void joined_item_keeps_leading_dot(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("ko.md", "# 규격\n\n반드시 포함하여야 하는 항목들:\n\n"
      "- 마지막 바로가기와 새로운 섹션 사이의 줄바꿈 `2`회\n"
      "- 머리말과 섹션의 첫 바로가기 사이의 줄바꿈 `1`회\n"
      "- `.md` 파일의 마지막에 `1`회의 줄바꿈\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "1회.md"), 0);
  assert_int_equal(said_in(m, "1회, .md 파일의"), 1);
  cJSON_Delete(m);
}


/* The text of the first item of any scene that starts with head, or NULL. */
static const char *item_starting(const cJSON *m, const char *head) {
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
      const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "text");
      if (t && !strncmp(t, head, strlen(head))) return t;
    }
  }
  return NULL;
}

/* A headline cut never leaves a clause hanging whose rest was cut: not an
 * infinitive whose object the "dass" clause was ("…, um
 * sicherzustellen"), nor a German or Dutch clause before its verb ("nadat u
 * de instellingen"). */
static void headline_leaves_no_clause_hanging(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("de.md", "# Anleitung\n\nDiese Anleitung beschreibt die Installation des Programms auf einem Rechner.\n\n"
      "- Pr\xC3\xBC""fen Sie die Konfigurationsdatei gr\xC3\xBC""ndlich vor dem Start des Servers, um sicherzustellen, dass "
      "alle Pfade korrekt gesetzt sind und die Rechte stimmen.\n"
      "- Erstellen Sie regelm\xC3\xA4\xC3\x9Fig Sicherungen der Datenbank, um sicherzustellen, dass bei einem Ausfall keine "
      "Daten verloren gehen.\n"
      "- Der Server l\xC3\xA4uft im Hintergrund.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(item_ends_on(m, "sicherzustellen"), 0);
  assert_string_equal(item_starting(m, "Pr\xC3\xBC""fen"), "Pr\xC3\xBC""fen Sie die Konfigurationsdatei gr\xC3\xBC""ndlich vor dem Start des Servers");
  assert_string_equal(item_starting(m, "Erstellen"), "Erstellen Sie regelm\xC3\xA4\xC3\x9Fig Sicherungen der Datenbank");
  assert_int_equal(said_in(m, "sicherzustellen."), 0);
  cJSON_Delete(m);
  m = load_text("nl.md", "# Handleiding\n\nDeze handleiding beschrijft de installatie van het programma op een computer.\n\n"
      "- Start de dienst opnieuw nadat u de instellingen in het bestand hebt gewijzigd, omdat anders de oude waarden "
      "nog steeds worden gebruikt.\n"
      "- Controleer het bestand zorgvuldig en kijk of alle paden correct zijn.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_string_equal(item_starting(m, "Start"), "Start de dienst opnieuw");
  cJSON_Delete(m);
  /* a subordinate clause cut at its own end stays ("…, wenn Sie … haben") */
  m = load_text("de.md", "# Anleitung\n\nDiese Anleitung beschreibt die Installation des Programms auf einem Rechner.\n\n"
      "- Starten Sie den Dienst neu, wenn Sie die Einstellungen ge\xC3\xA4ndert haben, weil sonst die alten Werte "
      "weiterhin verwendet werden und nichts passiert.\n"
      "- Der Server l\xC3\xA4uft im Hintergrund.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(item_starting(m, "Starten Sie den Dienst neu"));
  cJSON_Delete(m);
}

/* An abbreviation before a number ends no sentence, in the document's
 * language: "pág. 12", "art. 3", "S. 12", "Abb. 3", "p. 12", "стр. 5". */
static void number_abbreviations_end_no_sentence(void **state) {
  (void)state;
  static const struct { const char *name, *text, *whole; } docs[] = {
    { "es.md", "# Manual\n\nEste manual explica c\xC3\xB3mo usar el programa de forma sencilla.\n\n## Detalles\n\n"
      "Seg\xC3\xBAn el art. 3 de la licencia, puede copiar el programa. Vea la p\xC3\xA1g. 12 y las pp. 20-25 del libro. "
      "El cap. 2 trata de otras cosas.\n", "Seg\xC3\xBAn el art. 3 de la licencia, puede copiar el programa." },
    { "es2.md", "# Manual\n\nEste manual explica c\xC3\xB3mo usar el programa de forma sencilla.\n\n## Detalles\n\n"
      "Los ejemplos est\xC3\xA1n en las pp. 20-25 del libro. Fin del texto.\n", "Los ejemplos est\xC3\xA1n en las pp. 20-25 del libro." },
    { "de.md", "# Handbuch\n\nDieses Handbuch erkl\xC3\xA4rt die Bedienung des Programms f\xC3\xBCr neue Benutzer.\n\n## Details\n\n"
      "Siehe auch Abb. 3 und Tab. 4 f\xC3\xBCr eine \xC3\x9C""bersicht. Das steht in Kap. 5 der Reihe.\n",
      "Siehe auch Abb. 3 und Tab. 4 f\xC3\xBCr eine \xC3\x9C""bersicht." },
    { "fr.md", "# Guide\n\nCe guide explique comment utiliser le programme pour les nouveaux utilisateurs.\n\n## D\xC3\xA9tails\n\n"
      "Le r\xC3\xA9glage est d\xC3\xA9""crit \xC3\xA0 la p. 12 et au chap. 3 du guide. Le reste est ailleurs.\n", "Le r\xC3\xA9glage est d\xC3\xA9""crit \xC3\xA0 la p. 12 et au chap. 3 du guide." },
    { "ru.md", "# \xD0\xA0\xD1\x83\xD0\xBA\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xB4\xD1\x81\xD1\x82\xD0\xB2\xD0\xBE\n\n"
      "\xD0\xAD\xD1\x82\xD0\xBE \xD1\x80\xD1\x83\xD0\xBA\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xB4\xD1\x81\xD1\x82\xD0\xB2\xD0\xBE "
      "\xD0\xB4\xD0\xBB\xD1\x8F \xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD1\x85 \xD0\xBF\xD0\xBE\xD0\xBB\xD1\x8C\xD0\xB7\xD0\xBE"
      "\xD0\xB2\xD0\xB0\xD1\x82\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xB9 \xD0\xBF\xD1\x80\xD0\xBE\xD0\xB3\xD1\x80\xD0\xB0\xD0\xBC"
      "\xD0\xBC\xD1\x8B.\n\n## \xD0\x94\xD0\xB5\xD1\x82\xD0\xB0\xD0\xBB\xD0\xB8\n\n"
      "\xD0\xA1\xD0\xBC\xD0\xBE\xD1\x82\xD1\x80\xD0\xB8\xD1\x82\xD0\xB5 \xD1\x80\xD0\xB8\xD1\x81. 3 \xD0\xBD\xD0\xB0 "
      "\xD1\x81\xD1\x82\xD1\x80. 5 \xD0\xBA\xD0\xBD\xD0\xB8\xD0\xB3\xD0\xB8. \xD0\x94\xD0\xB0\xD0\xBB\xD1\x8C\xD1\x88\xD0\xB5 "
      "\xD0\xB2\xD1\x81\xD1\x91 \xD0\xBF\xD1\x80\xD0\xBE\xD1\x81\xD1\x82\xD0\xBE.\n",
      "\xD0\xA1\xD0\xBC\xD0\xBE\xD1\x82\xD1\x80\xD0\xB8\xD1\x82\xD0\xB5 \xD1\x80\xD0\xB8\xD1\x81. 3 \xD0\xBD\xD0\xB0 "
      "\xD1\x81\xD1\x82\xD1\x80. 5 \xD0\xBA\xD0\xBD\xD0\xB8\xD0\xB3\xD0\xB8." },   /* Смотрите рис. 3 на стр. 5 книги. */
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    cJSON *m = full_load(docs[i].name, docs[i].text);
    if (!said_in(m, docs[i].whole)) print_message("doc %zu\n", i);
    assert_int_equal(said_in(m, docs[i].whole), 1);
    cJSON_Delete(m);
  }
  /* the sentence splitter of bullets and of what is said */
  int n = 0;
  char **v = vgi_sentences_lang("Lea la p\xC3\xA1g. 12 antes. Vea el art. 3 y el n\xC3\xBAm. 5. Fin.", "es", &n);
  assert_int_equal(n, 3);
  for (int i = 0; i < n; i++) free(v[i]);
  free(v);
  v = vgi_sentences_lang("Siehe S. 12 und Nr. 5 sowie Bd. II. Dann weiter.", "de", &n);
  assert_int_equal(n, 2);
  for (int i = 0; i < n; i++) free(v[i]);
  free(v);
  /* a word like them before a capital still ends its sentence */
  v = vgi_sentences_lang("Das ist ein Bsp. Dann weiter.", "de", &n);
  for (int i = 0; i < n; i++) free(v[i]);
  free(v);
  v = vgi_sentences_lang("It is on p. 7 of the book, in ch. IV. Then go on.", NULL, &n);
  assert_int_equal(n, 2);
  for (int i = 0; i < n; i++) free(v[i]);
  free(v);
}

/* A row of links to the same document in other languages, in AsciiDoc
 * (xref:, <<…#,…>>, link:) or reStructuredText (:doc:), is a language
 * switcher as in Markdown: never said, never a scene. */
static void adoc_rst_language_switchers(void **state) {
  (void)state;
  static const char body_de[] = "Dieses Projekt ist ein kleines Werkzeug, das Dokumente in Videos umwandelt und dabei "
      "die Sprache erkennt.\n\n";
  static const struct { const char *name, *head, *row, *tail; } docs[] = {
    { "a.adoc", "= Projekt\n\n", "xref:README.adoc[English] \xC2\xB7 xref:README.de.adoc[Deutsch] \xC2\xB7 "
      "xref:README.es.adoc[Espa\xC3\xB1ol]\n\n", "== Installation\n\nInstallieren Sie das Paket mit dem Paketmanager.\n" },
    { "b.adoc", "= Projekt\n\n", "<<README.adoc#,English>> | <<README.de.adoc#,Deutsch>> | <<README.it.adoc#,Italiano>>\n\n",
      "== Installation\n\nInstallieren Sie das Paket mit dem Paketmanager.\n" },
    { "c.rst", "Projekt\n=======\n\n", ":doc:`English <index>` \xC2\xB7 :doc:`Deutsch <de/index>` \xC2\xB7 "
      ":doc:`Espa\xC3\xB1ol <es/index>`\n\n", "Installation\n------------\n\nInstallieren Sie das Paket mit dem Paketmanager.\n" },
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    char text[1024];
    snprintf(text, sizeof text, "%s%s%s%s", docs[i].head, docs[i].row, body_de, docs[i].tail);
    cJSON *m = full_load(docs[i].name, text);
    if (said_in(m, "Deutsch")) print_message("doc %zu\n", i);
    assert_int_equal(said_in(m, "English"), 0);
    assert_int_equal(said_in(m, "Deutsch"), 0);
    assert_int_equal(said_in(m, "Dieses Projekt ist ein kleines Werkzeug"), 1);
    assert_string_equal(sget(video_at(m, 0), "language"), "de");
    cJSON_Delete(m);
  }
  /* an xref to a place in this document is its words, as before */
  cJSON *m = full_load("d.adoc", "= Projekt\n\n[[setup]]\n== Einrichtung\n\nDas Programm liest seine Einstellungen, "
      "wie in <<setup,der Einrichtung>> und xref:setup[dem Abschnitt] beschrieben.\n");
  assert_int_equal(said_in(m, "wie in der Einrichtung und dem Abschnitt beschrieben"), 1);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(cjk_particle_keeps_its_noun),
    cmocka_unit_test(english_in_translated_man_page),
    cmocka_unit_test(headline_ends_on_no_function_word),
    cmocka_unit_test(scene_language_wins),
    cmocka_unit_test(cantonese_said_in_cantonese),
    cmocka_unit_test(pattern_signs_unsaid),
    cmocka_unit_test(language_of_words_not_links),
    cmocka_unit_test(quote_source_is_the_name),
    cmocka_unit_test(no_english_template_in_another_voice),
    cmocka_unit_test(man_placeholders_as_in_english),
    cmocka_unit_test(english_passage_at_english_pace),
    cmocka_unit_test(link_to_translations_unsaid),
    cmocka_unit_test(pace_of_thai_and_indic),
    cmocka_unit_test(joiner_of_a_script_kept),
    cmocka_unit_test(detection_linear),
    cmocka_unit_test(languages_without_a_voice),
    cmocka_unit_test(languages_by_their_own_words),
    cmocka_unit_test(cyrillic_mongolian_tajik_and_phrases),
    cmocka_unit_test(traditional_chinese_headlines),
    cmocka_unit_test(slavic_object_clause_headlines),
    cmocka_unit_test(spaced_chinese_man_page),
    cmocka_unit_test(japanese_full_width_stops),
    cmocka_unit_test(unspaced_scripts_headlined),
    cmocka_unit_test(slavic_lead_clause_headlines),
    cmocka_unit_test(then_answers_opening_clause),
    cmocka_unit_test(visual_order_rtl_heading),
    cmocka_unit_test(language_row_no_evidence),
    cmocka_unit_test(lone_stop_ends_its_sentence),
    cmocka_unit_test(korean_pairs_and_english_lines),
    cmocka_unit_test(headline_keeps_abbreviation),
    cmocka_unit_test(joined_item_keeps_leading_dot),
    cmocka_unit_test(headline_leaves_no_clause_hanging),
    cmocka_unit_test(number_abbreviations_end_no_sentence),
    cmocka_unit_test(adoc_rst_language_switchers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
