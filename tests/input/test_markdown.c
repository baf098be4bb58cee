/* test_markdown.c: the Markdown adapter: the acceptance document, the corpus
 * Markdown files, --split h2, images, and the example documents. */
#include "input_test.h"
#include <ctype.h>
#include "input_private.h"   /* vgi_headline, vgi_shown_headline */

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>

/* "Introduction" or "Overview" heads a part of any document: the video is
 * titled by what the first sentence says it is about ("Welcome to
 * Introduction." before); a sentence about "This tool" names nothing, and a
 * title the front matter gives is kept. */
static void generic_heading_titles(void **state) {
  (void)state;
  struct { const char *text, *want; } cases[] = {
    { "Introduction\n============\n\nhttplib2 is a comprehensive HTTP client library.\n\n## Usage\n\nRun it.\n", "httplib2" },
    { "Overview\n--------\n\nlua-term is a Lua module for manipulating a terminal.\n\nInstallation\n------------\n\nGet it.\n", "lua-term" },
    { "# OVERVIEW\n\npolkit provides an authorization API for privileged programs.\n", "polkit" },
    { "# Overview\n\nThis tool is a converter of many formats.\n", "Overview" },
    { "# Overview\n\nThe library is a converter of many formats.\n", "Overview" },
    { "---\ntitle: Introduction\n---\n\nfoo is a library.\n", "Introduction" },
    { "# Introduction to Rust\n\nrustc is a compiler.\n", "Introduction to Rust" },
    /* a row of badges and a logo before the first sentence (docker/compose
     * under "# Table of Contents") */
    { "# Table of Contents\n- [Compose](#compose)\n- [Start](#start)\n\n# Compose\n\n"
      "[![CI](https://img.shields.io/ci.svg)](https://ci.example.org) ![Compose](logo.png)\n\n"
      "Compose is a tool for running multi-container applications.\n\n# Start\n\nRun it.\n", "Compose" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    vgi_diags d;
    cJSON *m = load_text("README.md", cases[i].text, NULL, &d);
    assert_non_null(m);
    assert_string_equal(sget(video_at(m, 0), "title"), cases[i].want);
    cJSON_Delete(m);
    vgi_diags_free(&d);
  }
}

static char *all_narration(const cJSON *m);

/* A callout is an aside: the paragraph before it is a scene of its own
 * (docker/compose: its opening paragraph was said as the lead-in of the
 * "Note" slide below it, never shown, and a summary left it out), unless
 * the paragraph introduces the callout with a colon. */
static void prose_before_callout_is_its_own(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "# Compose\n\n## Start\n\nCompose is a tool for running multi-container applications.\n"
                       "A Compose file says how the containers are configured.\n\n"
                       "> **Note**: Swarm used the legacy file format.\n> It misses the recent additions.\n", NULL, &d);
  vgi_diags_free(&d);
  int prose = 0;
  for (int k = 0; k < scene_count(m, 0); k++) {
    const cJSON *sc = scene_at(m, 0, k);
    const cJSON *vc = cJSON_GetObjectItem(sc, "visual_content");
    const char *n = sget(sc, "narration");
    if (strstr(n, "multi-container")) {
      prose = 1;
      if (cJSON_GetObjectItem(vc, "callout")) fail_msg("the paragraph said on the callout's slide: %s", n);
    }
  }
  assert_true(prose);
  cJSON_Delete(m);
  m = load_text("README.md", "# Compose\n\n## Start\n\nCompose is a tool. Before you start:\n\n"
                "> **Warning**: Swarm used the legacy file format.\n", NULL, &d);
  vgi_diags_free(&d);
  int intro = 0;
  for (int k = 0; k < scene_count(m, 0); k++) {
    const cJSON *sc = scene_at(m, 0, k);
    if (cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "callout") &&
        strstr(sget(sc, "narration"), "Before you start")) intro = 1;
  }
  assert_true(intro);
  cJSON_Delete(m);
}

/* Items a sentence continues, written with "; and" before the last
 * (pipx's "…installed with pipx; and"): said once joined with ", and",
 * never ";, and". */
static void semicolon_and_items_joined(void **state) {
  (void)state;
  const char *doc = "# Tool\n\nTool installs applications.\n\n## Features\n\n`tool` enables you to\n\n"
                    "- expose the entry points of packages installed to isolated environments;\n"
                    "- easily list, upgrade, and uninstall packages that were installed with tool; and\n"
                    "- run the latest version of an application in a temporary environment.\n";
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("README.md", doc, &o, &d);
    vgi_diags_free(&d);
    char *all = all_narration(m);
    if (strstr(all, ";,") || strstr(all, "; ,")) fail_msg("said: %s", all);
    assert_non_null(strstr(all, "installed with tool, and run"));
    free(all);
    cJSON_Delete(m);
  }
}

/* Prose before a list whose last paragraph is a bare stem ("Its core
 * features are:"): the paragraph before the stem introduces the list too
 * and is a key point of the summary (k6: the tagline and the stem were
 * said, "k6 is a modern load-testing tool" left out). */
static char *summary_said(const char *name, const char *text);
static void paragraph_before_stem_kept(void **state) {
  (void)state;
  char *all = summary_said("README.md", "# Guide\n\n## Load testing\n\nModern load testing for developers and testers.\n\n"
    "Loadkit is a modern load-testing tool, built on years of experience in the testing industry. It is built to be "
    "powerful and extensible.\n\nIts core features are:\n\n"
    "- **Configurable load generation.** Even small machines can simulate lots of traffic.\n"
    "- **Tests as code.** Reuse scripts and integrate tests with your CI.\n"
    "- **A full-featured API.** The API is packed with features.\n");
  if (!strstr(all, "Loadkit is a modern load-testing tool")) fail_msg("said: %s", all);
  assert_non_null(strstr(all, "Its core features are"));
  free(all);
}

/* The narration of a document's summary, every scene's. Caller frees. */
static char *summary_said(const char *name, const char *text) {
  vgi_diags d;
  cJSON *m = load_text(name, text, NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  cJSON_Delete(m);
  return all;
}

/* A README's sign-off is not a key point: SDL's summary showed and said
 * "Enjoy!" and "Sam Lantinga". A closing sentence of substance stays. */
static void sign_off_not_said(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "# SDL\n\nSDL is a cross-platform development library for games.\n\n"
                       "Enjoy!\n\nSam Lantinga (slouken@libsdl.org)\n", NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_non_null(strstr(all, "cross-platform"));
  assert_null(strstr(all, "Enjoy"));
  assert_null(strstr(all, "Lantinga"));
  free(all);
  cJSON_Delete(m);
  m = load_text("README.md", "# Tool\n\nTool converts files.\n\nThanks to the many people who tested the beta releases.\n\n-- The Tool team\n", NULL, &d);
  vgi_diags_free(&d);
  all = all_narration(m);
  assert_non_null(strstr(all, "tested the beta"));
  assert_null(strstr(all, "Tool team"));
  free(all);
  cJSON_Delete(m);
}

/* A block quote holding a heading is a sidebar (the Rust book's "> ### The
 * Stack and the Heap"): its paragraphs are summarised under its heading as
 * a section's are, never one quote slide of its whole text each. */
static void sidebar_quote_is_a_section(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("own.md", "# Ownership\n\nOwnership is a set of rules that govern memory.\n\n"
                       "> ### The Stack and the Heap\n>\n> Many languages do not require you to think about the stack. "
                       "But in Rust it matters a great deal for how values behave.\n>\n"
                       "> Both the stack and the heap are parts of memory available to your code at runtime. "
                       "They are structured in different ways.\n>\n"
                       "> The heap is less organized. The allocator finds an empty spot and returns a pointer.\n\n"
                       "## Rules\n\nEach value has an owner.\n", NULL, &d);
  vgi_diags_free(&d);
  int quotes = 0, under = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    quotes += !strcmp(sget(sc, "scene_type"), "quote");
    const char *h = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "header"));
    under += h && !strcmp(h, "The Stack and the Heap");
  }
  assert_int_equal(quotes, 0);
  assert_int_equal(under, 1);
  cJSON_Delete(m);
}

/* A quote a guide sets apart to warn or remind is a callout under its kind
 * or its own label ("> **Note:**", "> Warning: …", "> **AI-assisted
 * contributions:** …", an unlabelled "you must …" or one quoting code); a
 * quotation (attributed, in quotation marks, or a plain saying) stays a
 * quote. */
static void reminder_quotes_are_callouts(void **state) {
  (void)state;
  struct { const char *quote, *type, *header; } cases[] = {
    { "> **Note:** The cache is kept between runs of the tool.\n", "list", "Note" },
    { "> **Warning**\n>\n> Deleting the folder loses every saved task.\n", "list", "Warning" },
    { "> Warning: deleting the folder loses every saved task.\n", "list", "Warning" },
    { "> **AI-assisted contributions:** If you use AI tools to help write your change, say so in the request.\n",
      "list", "AI-assisted contributions" },
    { "> Deno uses submodules, so you must remember to clone using `--recurse-submodules`.\n", "list", "Note" },
    { "> Hinweis: Der Zwischenspeicher bleibt zwischen zwei Läufen erhalten.\n", "list", "Note" },
    { "> Fast tools change how people work.\n", "quote", NULL },
    { "> Make it work, make it right, make it fast.\n>\n> -- Kent Beck\n", "quote", NULL },
    { "> \"You must be the change you wish to see.\"\n", "quote", NULL },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char doc[512];
    snprintf(doc, sizeof doc, "# Guide\n\nThe guide says how to build the tool.\n\n## Build\n\n%s", cases[i].quote);
    vgi_options full = { .detail = VGI_DETAIL_FULL };
    vgi_diags d;
    cJSON *m = load_text("guide.md", doc, &full, &d);
    vgi_diags_free(&d);
    const cJSON *found = NULL;
    for (int k = 0; k < scene_count(m, 0) && !found; k++) {
      const cJSON *sc = scene_at(m, 0, k);
      const char *n = sget(sc, "narration");
      if (strstr(n, "cache") || strstr(n, "folder") || strstr(n, "AI tools") || strstr(n, "submodules") ||
          strstr(n, "Zwischenspeicher") || strstr(n, "Fast tools") || strstr(n, "make it fast") || strstr(n, "change you"))
        found = sc;
    }
    if (!found) fail_msg("case %zu: no scene says the quote", i);
    if (strcmp(sget(found, "scene_type"), cases[i].type)) fail_msg("case %zu: a %s scene", i, sget(found, "scene_type"));
    if (cases[i].header) {
      const char *h = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(found, "visual_content"), "header"));
      if (!h || strcmp(h, cases[i].header)) fail_msg("case %zu: header %s", i, h ? h : "(none)");
      const char *kind = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(found, "visual_content"), "callout"));
      if (!kind || strcmp(kind, i == 1 || i == 2 ? "warning" : "note")) fail_msg("case %zu: callout %s", i, kind ? kind : "(none)");
    }
    cJSON_Delete(m);
  }
}

/* An mdBook include ("{{#rustdoc_include ../listings/x.rs:here}}") whose
 * file is not there is no code to show: the block is left out, with a
 * warning at each directive's line (test_mdbook_include.c: one read). */
static void mdbook_includes_not_shown(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("ch.md", "# Maps\n\nA map stores keys and values.\n\n## New\n\nCreate one with new:\n\n"
                       "```rust\n{{#rustdoc_include ../listings/ch08/l1/src/main.rs:here}}\n```\n\n"
                       "Then insert keys.\n\n```rust\n{{#include ../listings/ch08/l2/src/main.rs}}\n```\n\n"
                       "## Real\n\n```rust\nlet x = 5;\n```\n", NULL, &d);
  int commands = 0;
  for (int i = 0; i < scene_count(m, 0); i++) commands += !strcmp(sget(scene_at(m, 0, i), "scene_type"), "command");
  assert_int_equal(commands, 1);
  int warned = 0;
  for (size_t i = 0; i < d.n; i++)
    warned += strstr(d.v[i].message, "is not read (not shown)") != NULL && (d.v[i].line == 10 || d.v[i].line == 16);
  assert_int_equal(warned, 2);
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

/* A table of commands (oh-my-zsh's "Method | Command") was said
 * "curl: sh these options)\"."; a command cell is shown, not read, and
 * rows left with their first cell alone are named together. */
static void command_cells_not_read(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("omz.md", "# Zsh\n\nA framework for zsh.\n\n## Install\n\nRun one of these:\n\n"
                       "| Method | Command |\n| :-- | :-- |\n"
                       "| **curl** | `sh -c \"$(curl -fsSL https://example.org/install.sh)\"` |\n"
                       "| **wget** | `sh -c \"$(wget -O- https://example.org/install.sh)\"` |\n"
                       "| **fetch** | `sh -c \"$(fetch -o - https://example.org/install.sh)\"` |\n\n"
                       "## Sizes\n\n| Name | Size |\n| -- | -- |\n| small | 10 |\n| large | 20 |\n", &full, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_null(strstr(all, "options"));
  assert_null(strstr(all, "$("));
  assert_non_null(strstr(all, "curl, wget, and fetch."));
  assert_non_null(strstr(all, "Small: 10."));   /* an ordinary table is read as before */
  free(all);
  cJSON_Delete(m);
}

/* A row of links to a page's parts and to its translations, one entry
 * without a link (the page the reader is on: "[English]"), is navigation:
 * neither shown nor said (bat's README showed and said "Key Features • How
 * To Use • … [English] [中文] [日本語]"). A sentence of links is not. */
static void nav_row_with_own_language(void **state) {
  (void)state;
  const char *doc = "# Tool\n\n<p align=\"center\">\n  <a href=\"#a\">Key Features</a> •\n  <a href=\"#b\">How To Use</a> •\n"
                    "  <a href=\"#c\">Installation</a><br>\n  [English]\n  [<a href=\"doc/README-zh.md\">中文</a>]\n"
                    "  [<a href=\"doc/README-ja.md\">日本語</a>]\n  [<a href=\"doc/README-ru.md\">Русский</a>]\n</p>\n\n"
                    "Tool shows files.\n\n## Use\n\nRun it daily to see files in colour. See [the guide](g.md) and "
                    "[the FAQ](f.md) for more.\n";
  char *all = summary_said("README.md", doc);
  assert_null(strstr(all, "Key Features"));
  assert_null(strstr(all, "English"));
  assert_null(strstr(all, "\xE6\x97\xA5\xE6\x9C\xAC"));   /* 日本 */
  assert_non_null(strstr(all, "Tool shows files."));
  free(all);
}

/* A README's ways to install, a section each of a sentence and one
 * command ("### On Arch Linux / You can install it from the official
 * sources: / pacman -S tool"), share command slides in a summary: each
 * section's heading a comment above its command, the slide named by the
 * section they are part of, six to a slide, a sentence that repeats an
 * earlier one not said again. A usage section's short examples, each
 * after a short line, are one slide with the lines as comments. A session
 * with prompts, a long block or --detail full keep a slide each. */
static void install_sections_share_slides(void **state) {
  (void)state;
  const char *doc = "# Tool\n\nTool shows files with colours.\n\n## How to use\n\n"
                    "Show one file\n\n```bash\ntool README.md\n```\n\n"
                    "Show many files at once\n\n```bash\ntool src/*.c\n```\n\n"
                    "## Installation\n\n"
                    "### On Debian\n\nYou can install the tool package from the official sources:\n\n```bash\napt install tool\n```\n\n"
                    "### On Arch Linux\n\nYou can install the tool package from the official sources:\n\n```bash\npacman -S tool\n```\n\n"
                    "### On Fedora\n\nYou can install the tool package from the official sources:\n\n```bash\ndnf install tool\n```\n\n"
                    "### On FreeBSD\n\nA precompiled package is in the ports tree:\n\n```sh\npkg install tool\n```\n\n"
                    "### Via nix\n\nNix users have it too:\n\n```bash\nnix-env -i tool\n```\n\n"
                    "### On openSUSE\n\n```bash\nzypper install tool\n```\n\n"
                    "### On Void Linux\n\n```bash\nxbps-install -S tool\n```\n\n"
                    "### With a session\n\n```console\n$ brew install tool\n```\n\n"
                    "## License\n\nMIT.\n";
  vgi_diags d;
  cJSON *m = load_text("README.md", doc, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = scene_with(m, "command", "apt install tool");
  assert_non_null(s);
  const cJSON *vc = cJSON_GetObjectItemCaseSensitive(s, "visual_content");
  assert_string_equal(sget(vc, "header"), "Installation");
  const cJSON *cmds = cJSON_GetObjectItemCaseSensitive(vc, "commands");
  assert_int_equal(cJSON_GetArraySize(cmds), 12);
  assert_string_equal(cJSON_GetArrayItem(cmds, 0)->valuestring, "# On Debian");
  assert_string_equal(cJSON_GetArrayItem(cmds, 3)->valuestring, "pacman -S tool");
  assert_string_equal(cJSON_GetArrayItem(cmds, 10)->valuestring, "# On openSUSE");
  const char *said = sget(s, "narration");
  assert_non_null(strstr(said, "official sources."));
  assert_null(strstr(strstr(said, "official sources") + 1, "official sources"));   /* said once */
  assert_null(strstr(said, "sources:"));
  /* the seventh starts the next slide; the session keeps its own */
  const cJSON *next = scene_with(m, "command", "xbps-install");
  assert_non_null(next);
  assert_ptr_not_equal(next, s);
  const cJSON *ses = scene_with(m, "command", "$ brew install tool");
  assert_non_null(ses);
  assert_ptr_not_equal(ses, next);
  /* the usage examples: one slide, each line a comment */
  const cJSON *use = scene_with(m, "command", "tool README.md");
  assert_non_null(use);
  const cJSON *uc = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(use, "visual_content"), "commands");
  assert_int_equal(cJSON_GetArraySize(uc), 4);
  assert_string_equal(cJSON_GetArrayItem(uc, 0)->valuestring, "# Show one file");
  assert_string_equal(cJSON_GetArrayItem(uc, 2)->valuestring, "# Show many files at once");
  assert_null(scene_with(m, "list", "Show many files"));
  cJSON_Delete(m);
  /* --detail full: a slide each */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load_text("README.md", doc, &full, &d);
  vgi_diags_free(&d);
  s = scene_with(m, "command", "apt install tool");
  assert_non_null(s);
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(s, "visual_content"), "commands")), 1);
  assert_ptr_not_equal(s, scene_with(m, "command", "pacman -S tool"));
  cJSON_Delete(m);
  /* sections that say nothing: the slide is said by their names */
  m = load_text("README.md", "# T\n\nT is a tool.\n\n## Getting started\n\n### Homebrew\n\n```bash\nbrew install t\n```\n\n"
                "### Fedora\n\n```bash\nyum install t\n```\n\n### Arch\n\n```bash\npacman -S t\n```\n", NULL, &d);
  vgi_diags_free(&d);
  s = scene_with(m, "command", "yum install t");
  assert_non_null(s);
  assert_string_equal(sget(s, "narration"), "Getting started: Homebrew, Fedora, and Arch.");
  cJSON_Delete(m);
}

/* A list of steps whose commands sit under each line ("1. Make the key"
 * over `tool --make key`) is one code scene of the commands, its steps said
 * in one sentence; a command is never read as an item. A build tool's target
 * in a sentence ("by executing: tool build progs:tool") is said as the
 * command's name. */
static void steps_over_commands(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("steps.md", "# Tool\n\nTool packs crates of apples.\n\n## Keys\n\n"
                       "1. Make the key\n\n   `tool --make FullPath/* -o key`\n\n"
                       "2. Pack with the key\n\n   `tool -k key FILE`\n\n"
                       "3. Unpack with the key\n\n   ```\n   tool -k key -d FILE.t\n   ```\n\n"
                       "## Other\n\nYou can build the binary by executing: `tool build progs:tool` from the root.\n",
                       NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  if (!strstr(all, "First make the key, then pack with the key, and finally unpack with the key.") ||
      strstr(all, "-o key") || strstr(all, "FILE") || strstr(all, "progs:tool") ||
      !strstr(all, "by executing the tool build command from the root."))
    print_message("narration: %s\n", all), fail();
  int code = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *vc = cJSON_GetObjectItemCaseSensitive(scene_at(m, 0, i), "visual_content");
    char *c = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(vc, "commands"));
    if (c && strstr(c, "tool --make") && strstr(c, "tool -k key FILE") && strstr(c, "-d FILE.t")) code++;
    free(c);
  }
  assert_int_equal(code, 1);
  free(all);
  cJSON_Delete(m);
}

/* A bold term set apart by "//" or "|" ("- **Fast** // Optimized to …") is
 * the item's term, its rest the description: never "Fast Optimized to". */
static void slashed_term_separator(void **state) {
  (void)state;
  char *all = summary_said("hl.md", "# Finder\n\nFinder finds files.\n\n## Highlights\n\n"
                           "- **Portable** // Distributed as a single binary\n- **Fast** // Optimized to process items\n"
                           "- **Small** | Fits on a floppy disk\n");
  if (strstr(all, "//") || strstr(all, "Portable Distributed") || !strstr(all, "Portable") ||
      !strstr(all, "distributed as a single binary"))
    print_message("narration: %s\n", all), fail();
  free(all);
}

/* A list item led by a command and a mark ("- `tool build --release`:
 * builds …", nvm's "- `nvm install --lts`  Install …") is a term and its
 * description, as a bold term is: the command shown, what it does said
 * (the item was one title, said "Tool build --release: builds …", the
 * explanation after the command's dashes). A list that mixes such items
 * with sentences keeps every item whole. */
/* Shell commands that no prose introduces and no comment leads are said by
 * what they run (programs by basename, plain subcommands, no options,
 * paths or sudo), or by each command's trailing comment when it says what
 * the command does; never by the section's heading alone ("Install."). */
static void bare_commands_said_by_what_they_run(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "# Tool\n\nTool turns documents into videos for people who read.\n\n## Install\n\n"
                       "```sh\nmake install PREFIX=/usr/local        # add DESTDIR=/tmp/stage to stage it\nmake deb\n"
                       "sudo apt install ./build-deb/tool_1.0_amd64.deb\n```\n\n## Develop\n\n"
                       "```sh\nmake demo    # builds tool and runs the main job on an example from examples/\n"
                       "npm test  # runs the tests (C, Lua, end-to-end) through ctest\n```\n\n## Serve\n\n"
                       "```console\n$ CC=clang build/tool serve --listen 0.0.0.0:8080\nlistening on 8080\n"
                       "$ curl -N http://127.0.0.1:8080/api/tasks\n```\n",
                       NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = scene_with(m, "command", "make deb");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  if (!n || !strstr(n, "Install: run make install, make deb, and apt install."))
    print_message("narration: %s\n", n ? n : "(none)"), fail();
  s = scene_with(m, "command", "make demo");
  assert_non_null(s);
  n = sget(s, "narration");
  if (!n || !strstr(n, "make demo builds tool and runs the main job on an example; npm test runs the tests.") ||
      strstr(n, "Develop."))
    print_message("narration: %s\n", n ? n : "(none)"), fail();
  s = scene_with(m, "command", "curl -N");
  assert_non_null(s);
  n = sget(s, "narration");
  if (!n || !strstr(n, "Serve: run tool serve and curl.") || strstr(n, "listening"))
    print_message("narration: %s\n", n ? n : "(none)"), fail();
  cJSON_Delete(m);
  /* the plain name a command ends with is what it installs or runs ("run
   * pip3 install yq", yq's README said "run pip3 install."); an option's
   * value, a file or a path is not said */
  m = load_text("README.md", "# Tool\n\nTool turns documents into videos for people who read.\n\n## Installation\n\n"
                "```sh\npip3 install yq\n```\n\n## Develop\n\n```sh\npip install -r requirements.txt\n"
                "docker pull example/tool\nnpm run build\n```\n", NULL, &d);
  vgi_diags_free(&d);
  n = sget(scene_with(m, "command", "pip3 install"), "narration");
  if (!n || !strstr(n, "run pip3 install yq.")) print_message("narration: %s\n", n ? n : "(none)"), fail();
  n = sget(scene_with(m, "command", "npm run"), "narration");
  if (!n || !strstr(n, "run pip install, docker pull, and npm run build."))
    print_message("narration: %s\n", n ? n : "(none)"), fail();
  cJSON_Delete(m);
  /* a "console" block without prompts whose lines are all commands is
   * commands, not a program's output said by its heading ("Instructions.") */
  m = load_text("README.md", "# Tool\n\nTool turns documents into videos for people who read.\n\n## Instructions\n\n"
                "```console\nautoreconf -i                  # if building from git\n./configure\nmake -j8\n"
                "sudo make install\n```\n\n## Output\n\n```console\nChecking for gcc... yes\n"
                "Build finished.\n```\n", NULL, &d);
  vgi_diags_free(&d);
  n = sget(scene_with(m, "command", "autoreconf"), "narration");
  if (!n || !strstr(n, "run autoreconf") || !strcmp(n, "Instructions."))
    print_message("narration: %s\n", n ? n : "(none)"), fail();
  n = sget(scene_with(m, "command", "Checking for gcc"), "narration");
  if (!n || strstr(n, "run ")) print_message("narration: %s\n", n ? n : "(none)"), fail();
  cJSON_Delete(m);
}

/* "**-1**, **--oneline**: display one entry per line": the bold spellings a
 * comma joins are one term, not "-1" over ", --oneline: display …" (eza) */
static void bold_alternatives_are_one_term(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "# Tool\n\nTool lists files.\n\n## Display options\n\n"
                       "- **-1**, **--oneline**: display one entry per line\n"
                       "- **-G**, **--grid**: display entries as a grid (default)\n"
                       "- **-l** / **--long**: display extended details and attributes\n", NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = scene_with(m, "list", "-1, --oneline");
  assert_non_null(s);
  char *vc = cJSON_PrintUnformatted(cJSON_GetObjectItem(s, "visual_content"));
  if (!strstr(vc, "\"title\":\"-1, --oneline\",\"description\":\"display one entry per line\"") ||
      !strstr(vc, "\"title\":\"-G, --grid\"") || !strstr(vc, "\"title\":\"-l / --long\"") || strstr(vc, "\", --"))
    print_message("items: %s\n", vc), fail();
  free(vc);
  cJSON_Delete(m);
}

static void command_led_items_are_terms(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "# Tool\n\nTool builds things.\n\n## Commands\n\n"
                       "- `tool build --release`: builds the optimised binary.\n- `tool test` - runs every test in the workspace.\n"
                       "- `tool clean` \xE2\x80\x94 removes the build directory.\n\n## Usage\n\n"
                       "- `nvm install --lts`  Install the latest LTS version of node\n- `nvm use 16`  Use node 16 in this shell\n\n"
                       "## Steps\n\n- `cd ~/` from anywhere then clone the repository\n- `make`: builds the program\n",
                       NULL, &d);
  vgi_diags_free(&d);
  const cJSON *s = scene_with(m, "list", "tool build --release");
  assert_non_null(s);
  char *vc = cJSON_PrintUnformatted(cJSON_GetObjectItem(s, "visual_content"));
  if (!strstr(vc, "\"title\":\"tool build --release\",\"description\":\"builds the optimised binary.\"") ||
      !strstr(vc, "\"title\":\"tool clean\",\"description\":\"removes the build directory.\""))
    print_message("items: %s\n", vc), fail();
  free(vc);
  const char *n = sget(s, "narration");
  if (!strstr(n, "tool build --release \xE2\x80\x94 builds the optimised binary") || strstr(n, "--release:"))
    print_message("narration: %s\n", n), fail();
  s = scene_with(m, "list", "nvm install --lts");
  assert_non_null(s);
  n = sget(s, "narration");
  if (!strstr(n, "install the latest LTS version of node") || !strstr(n, "use node 16 in this shell"))
    print_message("narration: %s\n", n), fail();
  /* (mixed with a sentence: whole items, said whole) */
  s = scene_with(m, "list", "from anywhere");
  assert_non_null(s);
  vc = cJSON_PrintUnformatted(cJSON_GetObjectItem(s, "visual_content"));
  if (strstr(vc, "description") || !strstr(sget(s, "narration"), "builds the program"))
    print_message("items: %s\nnarration: %s\n", vc, sget(s, "narration")), fail();
  free(vc);
  cJSON_Delete(m);
}

/* A README with no title heading that opens with its logo is titled by
 * the logo's name (oh-my-zsh's was its first sentence, awesome's a
 * sponsor's banner, bat's "bat - a cat clone with wings" its tagline); tab-indented HTML is never read as code, and fine
 * print in <sub> never said. */
static void logo_titles_untitled_readme(void **state) {
  (void)state;
  struct { const char *text, *want; } cases[] = {
    { "<p align=\"center\"><img src=\"omz.png\" alt=\"Oh My Zsh\"></p>\n\n"
      "Oh My Zsh is an open source, community-driven framework for managing your zsh configuration.\n\n## Install\n\nRun it.\n",
      "Oh My Zsh" },
    { "<div align=\"center\">\n\t<img width=\"500\" src=\"media/logo.svg\" alt=\"Awesome logo\">\n\t<div>\n"
      "\t\t<sub>Check out my macOS app</sub>\n\t\t<h2>\n\t\t\t<a href=\"https://x.example\">Supercharge</a>\n\t\t</h2>\n"
      "\t</div>\n</div>\n\n## Contents\n\n- one\n- two\n", "Awesome" },
    /* (the name the first sentence gives, not the sentence) */
    { "<p><img src=\"l.png\" alt=\"logo\"></p>\n\nfoo is a tool to convert files.\n", "foo" },
    { "<p><img src=\"l.png\" alt=\"Foo\"></p>\n\n# Foo Bar\n\nfoo converts files.\n", "Foo Bar" },
    /* (a name and what it is, bat's: not its tagline, which was the title) */
    { "<p align=\"center\">\n  <img src=\"doc/logo-header.svg\" alt=\"bat - a cat clone with wings\"><br>\n"
      "  <img src=\"https://img.shields.io/crates/l/bat.svg\" alt=\"license\">\n</p>\n\n"
      "<p align=\"center\">\n  <strong>A cat(1) clone with syntax highlighting and Git integration.</strong>\n</p>\n\n"
      "### Syntax highlighting\n\n`bat` supports syntax highlighting for many languages.\n",
      "bat - a cat clone with wings" },
    /* (a sentence of more words is no name) */
    { "<p><img src=\"l.png\" alt=\"The best tool you will ever use for files\"></p>\n\nfoo is a tool to convert files.\n",
      "foo" },
    /* (an empty <h1></h1> after a language row is no title heading:
     * starship's title was the row's "&nbsp; &nbsp;", said "Welcome to.") */
    { "<p align=\"center\"><img src=\"logo.png\" alt=\"Starship \xE2\x80\x93 Cross-shell prompt\"></p>\n\n"
      "<p align=\"center\">\n  <a href=\"de/README.md\"><img src=\"flag-de.png\" alt=\"Deutsch\"></a>\n  &nbsp;\n"
      "  <a href=\"fr/README.md\"><img src=\"flag-fr.png\" alt=\"Fran\xC3\xA7" "ais\"></a>\n</p>\n\n<h1></h1>\n\n"
      "**The minimal, blazing-fast prompt for any shell!**\n\n- **Fast:** it is fast.\n- **Universal:** on any shell.\n",
      /* (the row's spaces are no subtitle either: the logo's words are the
       * name and what it is, "Starship" over "Cross-shell prompt") */
      "Starship" },
    /* (without a logo: spaces are no title, and the tagline after them is
     * said as it is, never welcomed to) */
    { "<p align=\"center\">\n  <a href=\"de/README.md\"><img src=\"flag-de.png\" alt=\"Deutsch\"></a>\n  &nbsp;\n"
      "  <a href=\"fr/README.md\"><img src=\"flag-fr.png\" alt=\"Fran\xC3\xA7" "ais\"></a>\n</p>\n\n<h1></h1>\n\n"
      "**The minimal, blazing-fast prompt for any shell!**\n\n- **Fast:** it is fast.\n- **Universal:** on any shell.\n",
      "The minimal, blazing-fast prompt for any shell!" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    vgi_diags d;
    vgi_options full = { .detail = VGI_DETAIL_FULL };
    cJSON *m = load_text("README.md", cases[i].text, &full, &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    if (strcmp(sget(video_at(m, 0), "title"), cases[i].want))
      fail_msg("case %zu: title '%s'", i, sget(video_at(m, 0), "title"));
    /* (a subtitle shows words, never the row's no-break spaces) */
    const cJSON *sub = cJSON_GetObjectItemCaseSensitive(
      cJSON_GetObjectItemCaseSensitive(scene_at(m, 0, 0), "visual_content"), "subtitle");
    if (cJSON_IsString(sub) && !strncmp(sub->valuestring, "\xC2\xA0", 2)) fail_msg("case %zu: a blank subtitle", i);
    for (int k = 0; k < scene_count(m, 0); k++) assert_string_not_equal(sget(scene_at(m, 0, k), "scene_type"), "command");
    /* (fine print in <sub> is not said) */
    char *all = all_narration(m);
    assert_null(strstr(all, "macOS"));
    assert_null(strstr(all, "Welcome to."));
    assert_null(strstr(all, "Welcome to The minimal"));
    free(all);
    cJSON_Delete(m);
  }
}

/* A sponsor's thanks in HTML ("Special thanks to:" and links around logos,
 * each with its tagline) is not content: awesome's summary showed and said
 * "Fast remote container builds and GitHub Actions runners" as its first
 * point ("</picture>" had closed the <p> early, its rest read as prose). A
 * row of links spaced by &nbsp; is navigation, never said. Thanks in words
 * (no logos) are still said. */
static void sponsor_thanks_not_read(void **state) {
  (void)state;
  const char *doc =
    "<div align=\"center\">\n\t<img src=\"media/logo.svg\" alt=\"Awesome\">\n\t<hr>\n\t<p>\n"
    "\t\t<sup>Special thanks to:</sup>\n\t\t<br>\n\t\t<a href=\"https://depot.dev\">\n\t\t\t<div>\n\t\t\t\t<picture>\n"
    "\t\t\t\t\t<source srcset=\"https://x.example/depot-dark.svg\">\n"
    "\t\t\t\t\t<img width=\"180\" src=\"https://x.example/depot.svg\" alt=\"Depot logo\">\n"
    "\t\t\t\t</picture>\n\t\t\t</div>\n\t\t\t<b>Fast remote container builds and GitHub Actions runners.</b>\n"
    "\t\t</a>\n\t</p>\n\t<hr>\n</div>\n"
    "<p align=\"center\">\n\t<a href=\"awesome.md\">What is an awesome list?</a>&nbsp;&nbsp;&nbsp;\n"
    "\t<a href=\"contributing.md\">Contribution guide</a>&nbsp;&nbsp;&nbsp;\n"
    "\t<a href=\"create-list.md\">Creating a list</a>&nbsp;&nbsp;&nbsp;\n</p>\n\n"
    "Awesome lists collect the best resources on a topic for developers.\n\n"
    "## Contents\n\n- [Platforms](#platforms)\n- [Languages](#languages)\n\n"
    "## Platforms\n\nPlatforms are where programs run, from servers to phones.\n\n"
    "<p>Thanks to the many people who tested the beta releases.</p>\n";
  vgi_diags d;
  cJSON *m = load_text("README.md", doc, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = cJSON_PrintUnformatted(m);
  assert_string_equal(sget(video_at(m, 0), "title"), "Awesome");
  assert_null(strstr(all, "container builds"));
  assert_null(strstr(all, "Contribution guide"));
  assert_non_null(strstr(all, "collect the best resources"));
  assert_non_null(strstr(all, "tested the beta"));
  free(all);
  cJSON_Delete(m);
}

/* "##### 1. Clone The Repository" over a command was said "1."; a lead-in
 * of two or three words ("We'll admit it.") was a section's key point. */
static void step_numbers_and_lead_ins(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("omz.md", "# Zsh\n\nA framework for zsh.\n\n## Themes\n\nWe'll admit it. Early on we may have "
                       "gotten a little too theme happy with the bundled themes.\n\n## Manual\n\n"
                       "### 1. Clone The Repository\n\n```sh\ngit clone https://example.org/zsh.git ~/.zsh\n```\n", NULL, &d);
  vgi_diags_free(&d);
  int seen = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    const char *n = sget(sc, "narration");
    if (!strcmp(sget(sc, "scene_type"), "command")) {
      assert_true(!strncmp(n, "Clone The Repository", 20));   /* (": run git clone." follows) */
      seen++;
    }
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "items");
    const char *b0 = cJSON_GetStringValue(cJSON_GetArrayItem(items, 0));
    if (b0 && strstr(n, "theme happy")) {
      assert_null(strstr(b0, "admit"));
      seen++;
    }
  }
  assert_int_equal(seen, 2);
  cJSON_Delete(m);
}

/* A figure's caption ("Figure 4-1: The representation …" under a figure)
 * is no key point: the Rust book's summary showed captions as bullets. */
static void captions_not_key_points(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("own.md", "# Ownership\n\nOwnership is a set of rules that govern memory.\n\n## Move\n\n"
                       "When we assign s1 to s2, the String data is copied onto the stack.\n\n"
                       "<img alt=\"Two tables\" src=\"img/t.svg\">\n\n"
                       "Figure 4-1: The representation in memory of a String holding the value hello.\n\n"
                       "The length is how much memory the contents use.\n", NULL, &d);
  vgi_diags_free(&d);
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next)
      if (cJSON_IsString(it)) assert_null(strstr(it->valuestring, "Figure 4-1"));
  }
  char *all = all_narration(m);
  assert_non_null(strstr(all, "assign s1 to s2"));
  free(all);
  cJSON_Delete(m);
}

/* Remote pictures are not downloaded, and said so for the first three of
 * a document only (a weekly digest with fifty pictures warned fifty times). */
static void remote_pictures_told_thrice(void **state) {
  (void)state;
  vgi_buf b = {0};
  vgi_buf_puts(&b, "# Digest\n\nThis week in short.\n\n");
  for (int i = 0; i < 8; i++) vgi_buf_printf(&b, "## Item %d\n\n![](https://example.org/p%d.webp)\n\nA note on item %d.\n\n", i, i, i);
  vgi_diags d;
  cJSON *m = load_text("digest.md", b.s, NULL, &d);
  int told = 0, last = 0;
  for (size_t i = 0; i < d.n; i++)
    if (strstr(d.v[i].message, "remote image")) {
      told++;
      last = strstr(d.v[i].message, "later remote images are skipped without a warning") != NULL;
      assert_non_null(strstr(d.v[i].message, "example.org/p"));
    }
  assert_int_equal(told, 3);
  assert_true(last);
  vgi_diags_free(&d);
  cJSON_Delete(m);
  vgi_buf_free(&b);
}

/* Badges are never shown, so they are not warned about: a linked picture
 * or one from a badge service. A remote screenshot still is. */
static void remote_badges_not_told(void **state) {
  (void)state;
  const char *doc =
    "# Tool\n\n[![CI](https://github.com/o/t/workflows/CI/badge.svg)](https://github.com/o/t/actions) "
    "![Build](https://travis-ci.org/o/t.svg) ![Gitter](https://badges.gitter.im/o/t.svg)\n\n"
    "A tool that does one thing.\n\n## Look\n\n![A screenshot](https://example.org/shot.png)\n\n"
    "The main window.\n";
  vgi_diags d;
  cJSON *m = load_text("README.md", doc, NULL, &d);
  int told = 0;
  for (size_t i = 0; i < d.n; i++)
    if (strstr(d.v[i].message, "remote image")) {
      told++;
      assert_non_null(strstr(d.v[i].message, "example.org/shot.png"));
    }
  assert_int_equal(told, 1);
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

/* An interview's bold questions head their answers ("**Q: When did you
 * start?**", "**问：…？**"), and the answer's label ("A:", "答：") is
 * neither shown nor said: a digest showed "答：是的" as a point. */
static void questions_head_answers(void **state) {
  (void)state;
  const char *docs[] = {
    "# Interview\n\nAn interview with the inventor of the language.\n\n## History\n\n"
    "**Q: When did you start working on bytecode?**\n\nA: I started on bytecode as a graduate student in Pittsburgh.\n\n"
    "**Q: Was the language first named Oak?**\n\nA: Yes, it was first named Oak after a tree outside the office.\n",
    "# 采访\n\n这是一篇关于编程语言发明人的采访记录。\n\n## 历史\n\n"
    "**问：你什么时候开始研究字节码？**\n\n答：我在卡内基梅隆大学读研究生时，开始从事字节码方面的工作。\n\n"
    "**问：这种语言最初命名为 Oak？**\n\n答：是的，它最初被命名为 Oak（橡树）。\n",
  };
  const char *want[] = { "When did you start working on bytecode?",
                         "\xE4\xBD\xA0\xE4\xBB\x80\xE4\xB9\x88\xE6\x97\xB6\xE5\x80\x99\xE5\xBC\x80\xE5\xA7\x8B"
                         "\xE7\xA0\x94\xE7\xA9\xB6\xE5\xAD\x97\xE8\x8A\x82\xE7\xA0\x81\xEF\xBC\x9F" };
  for (int k = 0; k < 2; k++) {
    vgi_diags d;
    cJSON *m = load_text("qa.md", docs[k], NULL, &d);
    vgi_diags_free(&d);
    int headed = 0;
    for (int i = 0; i < scene_count(m, 0); i++) {
      const cJSON *sc = scene_at(m, 0, i);
      const char *h = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "header"));
      headed += h && !strcmp(h, want[k]);
      /* (short answers share a slide: their questions are its points) */
      const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "items");
      for (const cJSON *it = items ? items->child : NULL; it; it = it->next)
        headed += (cJSON_IsString(it) && !strcmp(it->valuestring, want[k])) ||
                  (cJSON_GetStringValue(cJSON_GetObjectItem(it, "title")) &&
                   !strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(it, "title")), want[k]));
      assert_null(strstr(sget(sc, "narration"), "A: "));
      assert_null(strstr(sget(sc, "narration"), "\xE7\xAD\x94\xEF\xBC\x9A"));   /* 答： */
    }
    assert_int_equal(headed, 1);
    cJSON_Delete(m);
  }
}

/* TeX math: inline it is said by its symbols ("T = a · n + b"), a
 * formula of its own ($$ … $$, ```math) is left out with one warning; "$5
 * and $10" and "$HOME/$USER" are no math. */
static void math_said_by_symbols(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("cost.md", "# Cost\n\nThe cost grows with the length: $T = a \\cdot n + b$ where $n$ is the "
                       "number of scenes.\n\n$$\nT(n) = \\sum_{i=1}^{n} t_i\n$$\n\n```math\nE = mc^2\n```\n\n"
                       "A license costs $5 and a year $10 here. Files go to $HOME/$USER on the machine.\n", &full, &d);
  char *all = all_narration(m);
  assert_non_null(strstr(all, "T = a \xC2\xB7 n + b where n is"));
  assert_null(strstr(all, "sum"));
  assert_null(strstr(all, "mc"));
  assert_non_null(strstr(all, "$5 and a year $10"));
  assert_non_null(strstr(all, "$HOME/$USER"));
  int warned = 0;
  for (size_t i = 0; i < d.n; i++) warned += strstr(d.v[i].message, "2 formulas (TeX math)") != NULL && d.v[i].line == 5;
  assert_int_equal(warned, 1);
  for (int i = 0; i < scene_count(m, 0); i++) assert_string_not_equal(sget(scene_at(m, 0, i), "scene_type"), "command");
  free(all);
  vgi_diags_free(&d);
  cJSON_Delete(m);
  /* an escaped character is kept whole: a backslash before a no-break
   * space (a prompt string of less(1), read as math) left half of it */
  m = load_text("esc.md", "# Esc\n\nThe prompt is $x\\\xC2\xA0y = 1\\,z$ here.\n", &full, &d);
  all = all_narration(m);
  assert_null(vgi_utf8_invalid(all, strlen(all)));
  assert_non_null(strstr(all, "is x y = 1,z here"));
  free(all);
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

/* A Mermaid flowchart is shown and said as its steps (it was its source
 * on a code slide), a sequence diagram as its participants; another kind
 * is left out with a warning at its line. */
static void mermaid_as_steps(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("mm.md", "# Diagrams\n\nA set of diagrams for the reader.\n\n## Flow\n\nThe stages run in this order:\n\n"
                       "```mermaid\nflowchart TD\n  A[Start] --> B{Is it cached?}\n  B -- Yes --> C[Serve from cache]\n"
                       "  B -->|No| D[Render]\n  D --> E((Done))\n  C --> E\n```\n\n## Login\n\n"
                       "```mermaid\nsequenceDiagram\n  participant U as User\n  participant S as Server\n  U->>S: POST /login\n```\n\n"
                       "## Share\n\n```mermaid\npie title Pets\n  \"Dogs\" : 386\n```\n", &full, &d);
  const char *want[] = { "Start", "Is it cached?", "Serve from cache", "Render", "Done" };
  int flows = 0, people = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    assert_string_not_equal(sget(sc, "scene_type"), "command");
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "items");
    if (cJSON_GetArraySize(items) == 5) {
      for (int k = 0; k < 5; k++) assert_string_equal(cJSON_GetArrayItem(items, k)->valuestring, want[k]);
      assert_non_null(strstr(sget(sc, "narration"), "The stages run in this order: Start, Is it cached?"));
      flows++;
    }
    if (cJSON_GetArraySize(items) == 2 && !strcmp(cJSON_GetArrayItem(items, 0)->valuestring, "User")) people++;
  }
  assert_int_equal(flows, 1);
  assert_int_equal(people, 1);
  int warned = 0;
  for (size_t i = 0; i < d.n; i++) warned += strstr(d.v[i].message, "Mermaid diagram of a kind") != NULL && d.v[i].line == 29;
  assert_int_equal(warned, 1);
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

/* A changelog template's placeholder ("[Short description of non-trivial
 * change.]") is nothing to say; "add the `-c x=y` flag" was said "add the
 * the c option flag". */
static void placeholders_and_the_option(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("HISTORY.md", "# Release History\n\n## dev\n\n- [Short description of non-trivial change.]\n\n"
                       "## 2.34.2\n\n- Moved headers input type back to Mapping to avoid invariance issues.\n\n"
                       "## Cloning\n\nWhen cloning the repository, you may need to add the `-c fetch.fsck.badTimezone=ignore` "
                       "flag to avoid an error:\n\n```shell\ngit clone -c fetch.fsck.badTimezone=ignore https://example.org/r.git\n```\n",
                       &full, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_null(strstr(all, "Short description"));
  assert_non_null(strstr(all, "Moved headers"));
  assert_null(strstr(all, "the the"));
  assert_non_null(strstr(all, "add the c flag to avoid"));
  free(all);
  cJSON_Delete(m);
}

/* A Chinese headline is never cut at a list comma ("、"): "集合交、并、差运算"
 * was cut to "…做集合交". */
static void zh_list_comma_no_cut(void **state) {
  (void)state;
  char *h = vgi_headline("\xE5\xBD\x93\xE4\xBD\xA0\xE9\x9C\x80\xE8\xA6\x81\xE5\xAF\xB9\xE6\x96\x87\xE6\x9C\xAC\xE6\x96\x87"
                         "\xE4\xBB\xB6\xE5\x81\x9A\xE9\x9B\x86\xE5\x90\x88\xE4\xBA\xA4\xE3\x80\x81\xE5\xB9\xB6\xE3\x80\x81"
                         "\xE5\xB7\xAE\xE8\xBF\x90\xE7\xAE\x97\xE6\x97\xB6\xEF\xBC\x8C" "sort \xE5\x92\x8C uniq "
                         "\xE4\xBC\x9A\xE6\x98\xAF\xE4\xBD\xA0\xE7\x9A\x84\xE5\xA5\xBD\xE5\xB8\xAE\xE6\x89\x8B\xE3\x80\x82");
  assert_non_null(strstr(h, "\xE5\xB7\xAE\xE8\xBF\x90\xE7\xAE\x97"));   /* 差运算 */
  free(h);
}

/* A Chinese or Japanese headline cut at its length is never cut inside a
 * run of Latin words: "在 Windows 10 上，你可以使用 Bash on | Ubuntu" and
 * "… python -m | SimpleHTTPServer" stopped on half a name or command. */
static void cjk_headline_keeps_latin_names(void **state) {
  (void)state;
  static const char *const sentences[] = {
    "在 Windows 10 上，你可以使用 Bash on Ubuntu on Windows，它提供了一个熟悉的 Bash 环境，包含了不少 Unix 命令行工具。",
    "将 web 服务器上当前目录下所有的文件（以及子目录）暴露给你所处网络的所有用户，使用： python -m SimpleHTTPServer 7777",
    "長いコマンドを編集するときはエディタを設定した後で ctrl-x ctrl-e によって編集中のコマンドが指定したエディタで開かれる",
  };
  for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++) {
    char *h = vgi_headline(sentences[i]);
    print_message("headline: %s\n", h);
    size_t n = strlen(h);
    assert_true(n > 0);
    /* what follows the headline in the sentence */
    const char *rest = sentences[i] + n;
    assert_memory_equal(h, sentences[i], n);
    while (*rest == ' ') rest++;
    unsigned char last = (unsigned char)h[n - 1], next = (unsigned char)*rest;
    assert_false(next && last < 0x80 && next < 0x80 && isgraph(last) && isgraph(next));
    free(h);
  }
}

static void acceptance_document(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load(DATA "acceptance.md", &full, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  assert_int_equal(video_count(m), 1);
  const char *want[] = { "title", "list", "command", "table", "quote", "outro" };
  assert_int_equal(scene_count(m, 0), 6);
  for (int i = 0; i < 6; i++) {
    const cJSON *s = scene_at(m, 0, i);
    assert_string_equal(sget(s, "scene_type"), want[i]);
    assert_string_equal(sget(s, "voice"), "female");   /* front matter */
    assert_true(strlen(sget(s, "narration")) > 10);
  }
  const cJSON *v = video_at(m, 0);
  assert_string_equal(sget(v, "accent_color"), "green");
  assert_string_equal(sget(v, "theme"), "dark");
  assert_string_equal(sget(v, "title"), "Shipping with Make");
  /* nested list keeps its indentation */
  const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, 1), "visual_content"), "items");
  assert_int_equal(cJSON_GetArraySize(items), 5);
  assert_int_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(items, 1), "level")->valueint, 1);
  /* prose of the section is the list's narration */
  assert_string_equal(sget(scene_at(m, 0, 1), "narration"),
                      "Make rebuilds only what changed. It reads rules from a Makefile.");
  /* the code block keeps its language and lines */
  const cJSON *cmd = scene_at(m, 0, 2);
  assert_string_equal(vcget(cmd, "language"), "sh");
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(cmd, "visual_content"), "commands")), 2);
  /* a table scene: its columns and rows, every cell */
  const cJSON *tvc = cJSON_GetObjectItem(scene_at(m, 0, 3), "visual_content");
  const cJSON *cols = cJSON_GetObjectItem(tvc, "columns");
  assert_int_equal(cJSON_GetArraySize(cols), 2);
  assert_string_equal(cJSON_GetArrayItem(cols, 1)->valuestring, "Meaning");
  const cJSON *rows = cJSON_GetObjectItem(tvc, "rows");
  assert_int_equal(cJSON_GetArraySize(rows), 2);
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetArrayItem(rows, 0), 0)->valuestring, "-j N");
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetArrayItem(rows, 1), 1)->valuestring, "keep going after errors");
  /* the narration names the columns and says the rows */
  const char *tn = sget(scene_at(m, 0, 3), "narration");
  assert_non_null(strstr(tn, "Flag and Meaning"));
  assert_non_null(strstr(tn, "-k: keep going after errors."));
  /* quote and attribution */
  assert_string_equal(vcget(scene_at(m, 0, 4), "attribution"), "Stuart Feldman");
  /* positions: the code block is on line 24 */
  assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(cmd, "source"), "line")->valueint, 24);
  assert_canonical(m);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void corpus_markdown_files_pass(void **state) {
  (void)state;
  NEED_CORPUS();
  int nfiles;
  char **paths = corpus_files(".md", &nfiles);
  int files = 0;
  for (int f = 0; f < nfiles; f++) {
    const char *path = paths[f];
    vgi_diags d;
    cJSON *m = load(path, NULL, &d);
    assert_non_null(m);
    assert_int_equal(d.errors, 0);
    assert_true(video_count(m) >= 1);
    assert_canonical(m);
    for (int v = 0; v < video_count(m); v++) {
      assert_true(scene_count(m, v) <= 100);
      assert_string_equal(sget(scene_at(m, v, 0), "scene_type"), "title");
      assert_string_equal(sget(scene_at(m, v, scene_count(m, v) - 1), "scene_type"), "outro");
    }
    cJSON_Delete(m);
    vgi_diags_free(&d);
    files++;
  }
  free_paths(paths, nfiles);
  assert_int_equal(files, 7);
}

static void split_h2(void **state) {
  (void)state;
  vgi_options o = { .split = "h2" };
  vgi_diags d;
  cJSON *m = load(DATA "acceptance.md", &o, &d);
  assert_int_equal(d.errors, 0);
  assert_int_equal(video_count(m), 4);
  assert_string_equal(sget(video_at(m, 1), "title"), "Build it");
  assert_string_equal(sget(scene_at(m, 1, 0), "scene_type"), "title");
  assert_string_equal(vcget(scene_at(m, 1, 0), "subtitle"), "Shipping with Make");
  assert_string_equal(sget(scene_at(m, 1, 1), "scene_type"), "command");
  assert_string_equal(sget(scene_at(m, 1, 2), "scene_type"), "outro");
  assert_string_equal(sget(video_at(m, 1), "voice"), "female");
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void images(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load("examples/documents/images.md", NULL, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  assert_true(has_message(&d, "missing.png not found"));
  int found = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const char *img = vcget(scene_at(m, 0, i), "image");
    if (img) {
      assert_true(img[0] == '/');
      assert_non_null(strstr(img, "examples/documents/diagram.png"));
      found++;
    }
  }
  assert_int_equal(found, 1);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

static void example_documents_pass(void **state) {
  (void)state;
  DIR *dd = opendir("examples/documents");
  assert_non_null(dd);
  struct dirent *e;
  int files = 0;
  while ((e = readdir(dd))) {
    const char *dot = strrchr(e->d_name, '.');
    if (!dot || (strcmp(dot, ".md") && strcmp(dot, ".yaml") && strcmp(dot, ".json") &&
                 strcmp(dot, ".srt") && strcmp(dot, ".vtt")))
      continue;
    char path[8192];
    snprintf(path, sizeof path, "examples/documents/%s", e->d_name);
    vgi_diags d;
    cJSON *m = load(path, NULL, &d);
    assert_non_null(m);
    assert_int_equal(d.errors, 0);
    assert_canonical(m);
    cJSON_Delete(m);
    vgi_diags_free(&d);
    files++;
  }
  closedir(dd);
  assert_true(files >= 4);
}

static void long_section_is_split(void **state) {
  (void)state;
  /* 12 paragraphs of 40 words: several prose scenes of at most ~110 words */
  char *doc = malloc(64 * 1024);
  size_t n = (size_t)sprintf(doc, "# Long\n\n## Section\n\n");
  for (int p = 0; p < 12; p++) {
    for (int w = 0; w < 8; w++) n += (size_t)sprintf(doc + n, "Word%d is here today. ", p);
    n += (size_t)sprintf(doc + n, "\n\n");
  }
  char path_buf[64];
  const char *path = tmp_path(path_buf, sizeof path_buf, "long_section.md");
  FILE *f = fopen(path, "w");
  fputs(doc, f);
  fclose(f);
  free(doc);
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load(path, &full, &d);
  assert_int_equal(d.errors, 0);
  int prose = scene_count(m, 0) - 2;
  assert_true(prose >= 4);
  for (int i = 1; i <= prose; i++)
    assert_true(vgi_speech_seconds(sget(scene_at(m, 0, i), "narration")) <= 60);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(path);
}

/* The default is a summary: a paragraph's first sentence always, the rest
 * as the length allows (about a minute per 600 words); bullets are
 * headlines of what is said, never cut with an ellipsis. */
static void summary_by_default(void **state) {
  (void)state;
  char path_buf[64];
  const char *path = tmp_path(path_buf, sizeof path_buf, "summary.md");
  FILE *f = fopen(path, "w");
  fputs("# Networks\n\n## Cables\n\n", f);
  for (int p = 0; p < 30; p++) {
    fprintf(f, "Paragraph %d explains how a long cable carries light between two distant cities across "
               "the ocean floor without stopping. ", p);
    for (int k = 0; k < 5; k++) fprintf(f, "Detail %d of paragraph %d adds more words to read out. ", k, p);
    fputs("\n\n", f);
  }
  fclose(f);
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *sm = load(path, NULL, &d);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  cJSON *fm = load(path, &full, &d);
  vgi_diags_free(&d);
  int sum_words = 0, full_words = 0;
  for (int i = 0; i < scene_count(sm, 0); i++) {
    const cJSON *s = scene_at(sm, 0, i);
    const char *n = sget(s, "narration");
    sum_words += n ? (int)(vgi_speech_seconds(n) * 150 / 60 + 0.5) : 0;
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(s, "visual_content"), "items");
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
      if (!cJSON_IsString(it)) continue;
      assert_null(strstr(it->valuestring, "\xE2\x80\xA6"));   /* no ellipsis */
      assert_true(vgi_speech_seconds(it->valuestring) * 150 / 60 <= 13);
      /* a bullet heads a sentence that is said */
      assert_non_null(strstr(n, it->valuestring));
    }
  }
  for (int i = 0; i < scene_count(fm, 0); i++)
    full_words += (int)(vgi_speech_seconds(sget(scene_at(fm, 0, i), "narration")) * 150 / 60 + 0.5);
  /* every first sentence is said; the summary is far shorter than the reading */
  for (int p = 0; p < 30; p++) {
    char key[64];
    snprintf(key, sizeof key, "Paragraph %d explains", p);
    int found = 0;
    for (int i = 0; i < scene_count(sm, 0); i++) found |= strstr(sget(scene_at(sm, 0, i), "narration"), key) != NULL;
    assert_true(found);
  }
  assert_true(sum_words * 2 < full_words);
  /* 30 paragraphs of 60 words: about three minutes of summary at most */
  assert_true(sum_words < 1800 / 600 * 150 * 1.3);
  cJSON_Delete(sm);
  cJSON_Delete(fm);
}

/* Tables page, code is introduced by its first comment and split at blank
 * lines, long quotes split between sentences, a table of contents is an
 * agenda. */
static char doc_s[16384];
static size_t doc_n;
static void doc_add(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  doc_n += (size_t)vsnprintf(doc_s + doc_n, sizeof doc_s - doc_n, fmt, ap);
  va_end(ap);
}
static int words_in(const char *s) {
  int n = 0, in = 0;
  for (; *s; s++) { int sp = *s == ' '; if (!sp && !in) n++; in = !sp; }
  return n;
}

static void blocks_shaped_for_slides(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Doc\n\n## Big table\n\n| Name | Size |\n| --- | --- |\n");
  for (int i = 1; i <= 20; i++) doc_add("| item%d | %d |\n", i, i * 10);
  doc_add("%s", "\n## Code\n\n```lua\n-- add two numbers together\nlocal function add(a, b)\n  return a + b\nend\n```\n");
  doc_add("%s", "\n## Long code\n\n```c\n");
  for (int blk = 0; blk < 3; blk++) {
    for (int i = 0; i < 7; i++) doc_add("int v%d_%d = %d;\n", blk, i, i);
    doc_add("%s", "\n");
  }
  doc_add("%s", "```\n\n## Quote\n\n> ");
  for (int i = 0; i < 8; i++) doc_add("Sentence number %d has exactly eight words in it. ", i + 1);
  doc_add("%s", "\n\n## Contents\n\n- [Alpha](#alpha)\n  - [Alpha one](#alpha-one)\n- [Beta](#beta)\n"
               "- [Gamma](#gamma)\n- [Delta](#delta)\n- [Epsilon](#epsilon)\n- [Zeta](#zeta)\n");
  const char *path = write_tmp("blocks.md", doc_s);
  vgi_diags d;
  cJSON *m = load(path, NULL, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  int n = scene_count(m, 0), tables = 0, rows = 0, codes = 0, quotes = 0, agenda = 0;
  for (int i = 0; i < n; i++) {
    const cJSON *sc = scene_at(m, 0, i);
    const char *type = sget(sc, "scene_type");
    const cJSON *vc = cJSON_GetObjectItem(sc, "visual_content");
    if (!strcmp(type, "table")) {
      tables++;
      int r = cJSON_GetArraySize(cJSON_GetObjectItem(vc, "rows"));
      assert_true(r <= 8);
      rows += r;
      assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(vc, "columns")), 2);
      /* a summary: the first page names the columns and says at most three
       * rows; later pages name their rows, their cells read, not said */
      const char *tn = sget(sc, "narration");
      if (tables == 1) {
        assert_non_null(strstr(tn, "Name and Size"));
        assert_non_null(strstr(tn, "item3: 30"));
        assert_null(strstr(tn, "item4"));
      } else {
        assert_non_null(strstr(tn, "item"));
        assert_null(strstr(tn, ": "));
        assert_true(cJSON_GetObjectItem(sc, "min_duration")->valuedouble >= 0.8 * r);
      }
    } else if (!strcmp(type, "command")) {
      const cJSON *cmds = cJSON_GetObjectItem(vc, "commands");
      if (!codes++) {
        assert_string_equal(sget(sc, "narration"), "Add two numbers together.");
      } else {
        /* 24 lines: a summary shows the first part, cut at a blank line
         * (7 lines; --detail full: 7 + blank + 7, then 7); no part opens or
         * ends blank */
        int nc = cJSON_GetArraySize(cmds);
        assert_int_equal(nc, 7);
        assert_true(strlen(cJSON_GetArrayItem(cmds, 0)->valuestring) > 0);
        assert_true(strlen(cJSON_GetArrayItem(cmds, nc - 1)->valuestring) > 0);
      }
    } else if (!strcmp(type, "quote")) {
      quotes++;
      assert_true(words_in(vcget(sc, "quote_text")) <= 70);
    } else if (!strcmp(type, "list") && !strcmp(vcget(sc, "header"), "Contents")) {
      agenda++;
      assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(vc, "items")), 6);   /* top level only */
      assert_string_equal(sget(sc, "narration"), "6 topics, among them Alpha, Beta, Gamma, Delta, and Epsilon.");
    }
  }
  /* 20 rows: a summary shows two pages of them (8 + 8; --detail full all
   * three, 7 + 7 + 6) */
  assert_int_equal(tables, 2);
  assert_int_equal(rows, 16);
  assert_int_equal(codes, 1 + 1);
  assert_true(quotes >= 2);
  assert_int_equal(agenda, 1);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* --detail full says rows on every page of the table and shows every
   * part of the long code */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load(path, &full, &d);
  assert_non_null(m);
  int fpages = 0, fcodes = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    if (!strcmp(sget(sc, "scene_type"), "table")) {
      fpages++;
      assert_non_null(strstr(sget(sc, "narration"), "item"));
    }
    fcodes += !strcmp(sget(sc, "scene_type"), "command");
  }
  assert_int_equal(fpages, 3);
  assert_int_equal(fcodes, 1 + 2);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  remove(path);
}

/* A summary shows a section's first code block only (--detail full keeps
 * them all); a code slide's estimate counts its reading time; a clause whose
 * link was taken out goes with it; a sentence that points to the changelog
 * is not said; only shell is "run". */
/* A long Chinese list item is a headline on the slide (Chinese has no
 * spaces to count words by); --detail full still says the whole item. */
static void cjk_items_are_headlines(void **state) {
  (void)state;
  const char *item = "\xE5\x9C\xA8 Bash \xE4\xB8\xAD\xEF\xBC\x8C\xE5\x8F\xAF\xE4\xBB\xA5\xE9\x80\x9A\xE8\xBF\x87\xE6\x8C\x89 Tab "
    "\xE9\x94\xAE\xE5\xAE\x9E\xE7\x8E\xB0\xE8\x87\xAA\xE5\x8A\xA8\xE8\xA1\xA5\xE5\x85\xA8\xE5\x8F\x82\xE6\x95\xB0\xEF\xBC\x8C"
    "\xE4\xBD\xBF\xE7\x94\xA8 ctrl-r \xE6\x90\x9C\xE7\xB4\xA2\xE5\x91\xBD\xE4\xBB\xA4\xE8\xA1\x8C\xE5\x8E\x86\xE5\x8F\xB2"
    "\xE8\xAE\xB0\xE5\xBD\x95\xEF\xBC\x8C\xE6\x8C\x89\xE4\xB8\x8B Enter \xE9\x94\xAE\xE4\xBC\x9A\xE6\x89\xA7\xE8\xA1\x8C"
    "\xE5\xBD\x93\xE5\x89\x8D\xE5\x8C\xB9\xE9\x85\x8D\xE7\x9A\x84\xE5\x91\xBD\xE4\xBB\xA4\xE3\x80\x82";
  doc_n = 0;
  doc_add("---\nlang: zh\n---\n# \xE5\x91\xBD\xE4\xBB\xA4\xE8\xA1\x8C\n\n## \xE5\x9F\xBA\xE7\xA1\x80\n\n- %s\n- %s\n", item, item);
  const char *path = write_tmp("zh.md", doc_s);
  vgi_diags d;
  cJSON *m = load(path, NULL, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  int lists = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    if (strcmp(sget(sc, "scene_type"), "list")) continue;
    lists++;
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "items");
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
      const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "title");
      assert_true(strlen(t) < strlen(item) / 2);      /* a headline, not the paragraph */
      assert_null(strstr(t, "\xE2\x80\xA6"));        /* never cut with an ellipsis */
      assert_non_null(strstr(t, "Tab"));   /* past the opening phrase, to a clause that says something */
    }
  }
  assert_int_equal(lists, 1);
  cJSON_Delete(m);
  /* the complete reading says every item whole, with the same headlines shown */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load(path, &full, &d);
  vgi_diags_free(&d);
  int said = 0;
  for (int i = 0; i < scene_count(m, 0); i++) said += strstr(sget(scene_at(m, 0, i), "narration"), "ctrl-r") != NULL;
  assert_int_equal(said, 1);
  cJSON_Delete(m);
  remove(path);
}

static void summary_code_and_pointers(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Guide\n\n## Build\n\nFirst configure the tree.\n\n```sh\n./configure\n```\n\n"
               "Then build it with make:\n\n```sh\nmake -j4\n```\n\nAnd install it as root:\n\n```sh\nmake install\n```\n\n"
               "## Links\n\nThe old manual has moved to https://example.org/manual. The tool compresses files quickly, "
               "and a benchmark is kept at https://example.org/bench. See [CHANGELOG.md](CHANGELOG.md) for the history.\n\n"
               "The binaries at https://example.org/dist are signed by the release team.\n\n"
               "## API\n\n```lua\nlocal z = require(\"z\")\nprint(z.version)\n```\n\n"
               "## Long\n\n```c\n");
  for (int i = 0; i < 12; i++) doc_add("int v%d = %d;\n", i, i);
  doc_add("%s", "```\n");
  const char *path = write_tmp("codes.md", doc_s);
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *sm = load(path, NULL, &d);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  cJSON *fm = load(path, &full, &d);
  vgi_diags_free(&d);
  int sum_codes = 0, full_codes = 0, links = 0;
  for (int i = 0; i < scene_count(sm, 0); i++) {
    const cJSON *sc = scene_at(sm, 0, i);
    const char *n = sget(sc, "narration");
    if (!strcmp(sget(sc, "scene_type"), "command")) {
      sum_codes++;
      const char *h = vcget(sc, "header");
      if (!strcmp(h, "API")) {
        assert_null(strstr(n, "Run this"));   /* Lua is an example, not a command */
        assert_non_null(strstr(n, "Lua"));
      }
      /* the 10 lines a summary shows of 12 stay 1.5 s a line, whatever is said */
      if (!strcmp(h, "Long")) {
        assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "commands")), 10);
        assert_true(vgi_scene_seconds(sc, "en") >= 10 * 1.5);
      }
    }
    assert_null(strstr(n, "Then build it"));   /* the dropped block's introduction */
    if (strstr(n, "compresses files quickly")) {
      links++;
      assert_null(strstr(n, "moved"));
      assert_null(strstr(n, "benchmark"));
      assert_null(strstr(n, "kept at"));
      assert_null(strstr(n, "CHANGELOG"));
      assert_null(strstr(n, "history"));
    }
  }
  int signed_ = 0;
  for (int i = 0; i < scene_count(sm, 0); i++)
    signed_ += strstr(sget(scene_at(sm, 0, i), "narration"), "The binaries are signed by the release team.") != NULL;
  assert_int_equal(signed_, 1);   /* "at" went with its link */
  for (int i = 0; i < scene_count(fm, 0); i++)
    full_codes += !strcmp(sget(scene_at(fm, 0, i), "scene_type"), "command");
  assert_int_equal(links, 1);
  assert_int_equal(sum_codes, 3);    /* Build's first, API, Long */
  assert_int_equal(full_codes, 5);   /* all three of Build */
  cJSON_Delete(sm);
  cJSON_Delete(fm);
  remove(path);
}

/* A summary shows one code block a section: the first commands or source,
 * past what a program printed before them (a log, a table of figures, a
 * terminal session with no prompt, a warning), with the prose that
 * introduces each block going with it; data does not pass output, and a
 * block that is neither (a tree) is not passed over; a session of prompts
 * and their output is commands, shown as it is. A block of output alone is
 * not "run"; --detail full shows every block. */
static void summary_code_past_output(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s",
          "# Cache\n\n## Quota\n\nWhen the cache is full the daemon logs:\n\n"
          "```\n2024-05-01 10:22:13 ERROR disk quota exceeded\n2024-05-01 10:22:14 WARN retrying in 5 s\n```\n\n"
          "the files under the cache folder can go. Old thumbnails take the most room of all, and the daemon "
          "rebuilds every one of them on demand when a picture is opened again, so nothing is lost.\n\n"
          "Removing them is safe while the daemon runs, and it frees the room at once without a restart.\n\n"
          "Remove them as the owner of the folder:\n\n```sh\nrm -rf ~/.cache/thumbnails\n```\n\n"
          "Then check the space left:\n\n```sh\ndf -h ~\n```\n\n"
          "## Timing\n\n```console\nrun   time    cpu\n1     28.9    29.3\n2     30.1    30.0\n```\n\n"
          "The loop is timed by:\n\n```c\nfor (int i = 0; i < n; i++) step();\n```\n\n"
          "## Stale\n\n```\n***WARNING*** the index is stale.\n```\n\n`tool reindex --all`\n\n"
          "## Formats\n\n```\nname   time    cpu\nBM_a   12 ns   13 ns\nBM_b   14 ns   15 ns\n```\n\n"
          "As JSON:\n\n```json\n{\"name\": \"BM_a\", \"time\": 12}\n```\n\n"
          "## Tree\n\n```\nsrc/\n  main.c\n  util.c\n```\n\nBuild it:\n\n```sh\nmake\n```\n\n"
          "## Session\n\n```console\n$ tool --version\ntool 1.4.2\n```\n\n```sh\ntool --help\n```\n\n"
          "## Log\n\n```\n[2024-05-01 10:22:13] started\n[2024-05-01 10:22:15] ready\n```\n");
  const char *path = write_tmp("past_output.md", doc_s);
  vgi_diags d;
  cJSON *m = load(path, NULL, &d);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  static const char *const want[][2] = { { "Quota", "rm -rf ~/.cache/thumbnails" },
    { "Timing", "for (int i = 0; i < n; i++) step();" }, { "Stale", "tool reindex --all" },
    { "Formats", "name   time    cpu" }, { "Tree", "src/" }, { "Session", "$ tool --version" },
    { "Log", "[2024-05-01 10:22:13] started" } };
  int codes = 0, answered = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    const char *n = sget(sc, "narration");
    assert_null(strstr(n, "daemon logs"));   /* went with the log it introduced */
    assert_null(strstr(n, "Then check"));    /* ... and with the check */
    assert_null(strstr(n, "As JSON"));
    assert_null(strstr(n, "Build it"));
    assert_null(strstr(n, "the files under"));   /* went on from the log: a sentence now */
    answered += strstr(n, "The files under the cache folder can go") != NULL;
    if (strcmp(sget(sc, "scene_type"), "command")) continue;
    codes++;
    const cJSON *cmds = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "commands");
    const char *h = vcget(sc, "header");
    int found = 0;
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
      if (strcmp(h, want[k][0])) continue;
      found = 1;
      assert_string_equal(cJSON_GetArrayItem(cmds, 0)->valuestring, want[k][1]);
    }
    assert_true(found);
    if (!strcmp(h, "Quota")) assert_non_null(strstr(n, "as the owner of the folder"));   /* its introduction */
    if (!strcmp(h, "Session")) assert_int_equal(cJSON_GetArraySize(cmds), 2);            /* output and all */
  }
  assert_int_equal(codes, 7);      /* one a section */
  assert_int_equal(answered, 1);   /* the prose that answered the log is said */
  cJSON_Delete(m);
  /* every block, and a log alone is not "run" */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load(path, &full, &d);
  vgi_diags_free(&d);
  codes = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    if (strcmp(sget(sc, "scene_type"), "command")) continue;
    codes++;
    if (!strcmp(vcget(sc, "header"), "Log")) assert_null(strstr(sget(sc, "narration"), "Run"));
  }
  assert_int_equal(codes, 14);
  cJSON_Delete(m);
  remove(path);
}

/* A summary says a license or contributing section by its first sentence
 * (its list, code and later paragraphs are not shown); its subsections go
 * with it, the next section of its level is ordinary again. A long code
 * block shows its first part (at most 10 lines, cut at a blank line);
 * --detail full keeps all of it and every part. */
static void summary_boilerplate_and_code(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Tool\n\nThe tool packs files into archives quickly.\n\n## Usage\n\nCall it like this:\n\n```c\n");
  for (int blk = 0; blk < 4; blk++) {
    for (int i = 0; i < 6; i++) doc_add("int v%d_%d = %d;\n", blk, i, i);
    doc_add("%s", "\n");
  }
  doc_add("%s", "```\n\n## License\n\nThe MIT License applies to all files. Permission is hereby granted, free of charge, "
               "to any person obtaining a copy.\n\nTHE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY.\n\n"
               "- Alice wrote the parser\n- Bob wrote the tests\n\n### Third-party code\n\nZlib is under its own license.\n\n"
               "## I Want To Contribute\n\nPull requests are welcome. Please run the tests first.\n\n"
               "## Performance\n\nIt reads a gigabyte a second. It writes half as fast.\n");
  const char *path = write_tmp("boiler.md", doc_s);
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *sm = load(path, NULL, &d);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  cJSON *fm = load(path, &full, &d);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  static char said[1 << 16];
  said[0] = 0;
  int codes = 0, lines = 0;
  for (int i = 0; i < scene_count(sm, 0); i++) {
    const cJSON *sc = scene_at(sm, 0, i);
    strncat(said, sget(sc, "narration"), sizeof said - strlen(said) - 2);
    strcat(said, "\n");
    const cJSON *vc = cJSON_GetObjectItem(sc, "visual_content");
    const cJSON *its = cJSON_GetObjectItem(vc, "items");
    for (const cJSON *it = its ? its->child : NULL; it; it = it->next) {
      const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "title");
      assert_null(strstr(t, "Alice"));
      assert_null(strstr(t, "WARRANTY"));
    }
    if (!strcmp(sget(sc, "scene_type"), "command")) {
      codes++;
      lines = cJSON_GetArraySize(cJSON_GetObjectItem(vc, "commands"));
    }
  }
  assert_non_null(strstr(said, "The MIT License applies to all files."));
  assert_null(strstr(said, "Permission"));
  assert_null(strstr(said, "WARRANTY"));
  assert_null(strstr(said, "Alice"));
  assert_null(strstr(said, "Zlib"));                      /* a subsection of the license */
  assert_non_null(strstr(said, "Pull requests are welcome."));
  assert_null(strstr(said, "run the tests"));
  assert_non_null(strstr(said, "gigabyte"));              /* the next section is said as usual */
  assert_int_equal(codes, 1);
  assert_int_equal(lines, 6);                               /* 6 + blank: cut at the blank line */
  said[0] = 0;
  int fcodes = 0, flines = 0;
  for (int i = 0; i < scene_count(fm, 0); i++) {
    const cJSON *sc = scene_at(fm, 0, i);
    strncat(said, sget(sc, "narration"), sizeof said - strlen(said) - 2);
    if (!strcmp(sget(sc, "scene_type"), "command")) {
      fcodes++;
      const cJSON *cmds = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "commands");
      for (const cJSON *c = cmds->child; c; c = c->next) flines += *c->valuestring != 0;
    }
  }
  assert_true(fcodes >= 2);
  assert_int_equal(flines, 24);
  assert_non_null(strstr(said, "Permission"));
  assert_non_null(strstr(said, "Zlib"));
  /* with --duration the fit decides by rank: a long target keeps the license */
  said[0] = 0;
  vgi_options longer = { .duration = 600 };
  cJSON *dm = load(path, &longer, &d);
  vgi_diags_free(&d);
  for (int i = 0; i < scene_count(dm, 0); i++)
    strncat(said, sget(scene_at(dm, 0, i), "narration"), sizeof said - strlen(said) - 2);
  assert_non_null(strstr(said, "Zlib"));
  cJSON_Delete(dm);
  cJSON_Delete(sm);
  cJSON_Delete(fm);
  remove(path);
}

/* In a summary, subsections of one sentence share a slide (their headings
 * as bullets, each sentence said); one of two sentences is its own scene;
 * --detail full keeps a scene each. */
static char *all_narration(const cJSON *m);

/* A question is said with its answer, even when the answer only points
 * elsewhere ("Looking for help? Check out the instructions …" was said
 * "Looking for help?"); a site's table-of-contents marker ("[[_TOC_]]") is
 * not said, nor the line that introduces it. */
static void questions_keep_answers(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("q.md", "# Tool\n\nTool converts files between many formats quickly and safely for you.\n\n"
                       "Table of contents:\n\n[[_TOC_]]\n\n"
                       "## Support\n\nLooking for help? Check out the [instructions for getting support](x.md).\n\n"
                       "## Donations\n\nYou like Tool? Then donate back to support its development.\n\n"
                       "## Usage\n\n```\ntool run\n```\n", NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_non_null(strstr(all, "Looking for help? Check out the instructions for getting support."));
  assert_non_null(strstr(all, "You like Tool? Then donate back"));
  assert_null(strstr(all, "TOC"));
  assert_null(strstr(all, "Table of contents"));
  free(all);
  cJSON_Delete(m);
}

/* Sentences are not split at a German date or ordinal ("am 7. Dezember",
 * "im 19. Jahrhundert"), an English month's abbreviation or a.m./p.m.; a
 * number that ends a sentence still ends it. An HTML line break parts
 * words as a newline does. */
static void sentences_keep_dates(void **state) {
  (void)state;
  const struct { const char *lang, *text; int n; const char *first; } cases[] = {
    { "de", "Die Bahn fuhr am 7. Dezember 1835 nach Fürth. Sie war schnell.", 2,
      "Die Bahn fuhr am 7. Dezember 1835 nach Fürth." },
    { "de", "Im 19. Jahrhundert wuchs das Netz. Es wuchs schnell.", 2, "Im 19. Jahrhundert wuchs das Netz." },
    { "de", "Der Preis ist 7. Danach kommt mehr.", 2, "Der Preis ist 7." },
    { "en", "Dr. Smith arrived at 3 p.m. on Jan. 5 with the team. They talked.", 2,
      "Dr. Smith arrived at 3 p.m. on Jan. 5 with the team." },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    int n = 0;
    char **v = vgi_sentences_lang(cases[k].text, cases[k].lang, &n);
    if (n != cases[k].n) fail_msg("%s: %d sentences, first '%s'", cases[k].text, n, n ? v[0] : "");
    assert_string_equal(v[0], cases[k].first);
    for (int i = 0; i < n; i++) free(v[i]);
    free(v);
  }
  /* the headline of a German sentence with an ordinal keeps it */
  char *h = vgi_headline("Im 19. Jahrhundert wuchs das Netz der Bahn sehr schnell.");
  assert_non_null(strstr(h, "19. Jahrhundert"));
  free(h);
  vgi_diags d;
  cJSON *m = load_text("br.md", "# T\n\nFirst line<br>New line here.\n\nA second<br/>one here and more.\n", NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_non_null(strstr(all, "First line New line here."));
  assert_non_null(strstr(all, "A second one here"));
  free(all);
  cJSON_Delete(m);
}

/* Scripts with a full stop of their own and a space after it: Hindi's
 * danda (।), Urdu's ۔, the Arabic question mark (؟). A summary says the
 * first sentence only ("… दिखाएं। अधिक जानकारी: <url>।" said both). */
static void sentences_script_stops(void **state) {
  (void)state;
  const struct { const char *lang, *text; int n; const char *first; } cases[] = {
    { "hi", "डायरेक्टरी की सामग्री की सूची दिखाएं। अधिक जानकारी के लिए मैनुअल पढ़ें।", 2,
      "डायरेक्टरी की सामग्री की सूची दिखाएं।" },
    { "ur", "یہ ایک فائل ہے۔ اسے کھولیں۔", 2, "یہ ایک فائل ہے۔" },
    { "ar", "هل تعرف الأمر؟ نعم أعرفه.", 2, "هل تعرف الأمر؟" },
    { "hi", "संस्करण 1.2.3 उपलब्ध है। बस इतना।", 2, "संस्करण 1.2.3 उपलब्ध है।" },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    int n = 0;
    char **v = vgi_sentences_lang(cases[k].text, cases[k].lang, &n);
    if (n != cases[k].n) fail_msg("%s: %d sentences, first '%s'", cases[k].text, n, n ? v[0] : "");
    assert_string_equal(v[0], cases[k].first);
    for (int i = 0; i < n; i++) free(v[i]);
    free(v);
  }
  /* the first sentence (what a summary and a headline take) stops there too */
  const char *t = "सभी फ़ाइलें दिखाएं। छुपी हुई फ़ाइलें भी।";
  assert_int_equal(vgi_first_sentence(t), strlen("सभी फ़ाइलें दिखाएं।"));
}

/* Greek writes its question mark as ";": a question ends its sentence
 * before a Greek capital, and a paragraph that opens with one keeps its
 * answer in a summary, as "?" does; a ";" in a command or an address, or
 * before a lower-case word, ends nothing. */
static void sentences_greek_question(void **state) {
  (void)state;
  const struct { const char *lang, *text; int n; const char *first; } cases[] = {
    { "el", "Τι είναι το Git; Είναι ένα σύστημα ελέγχου εκδόσεων.", 2, "Τι είναι το Git;" },
    { "el", "Θέλετε να το εγκαταστήσετε\xCD\xBE Τρέξτε την εντολή.", 2, "Θέλετε να το εγκαταστήσετε\xCD\xBE" },
    { NULL, "Πώς δημιουργείτε ένα αποθετήριο; Γράψτε git init εδώ.", 2, "Πώς δημιουργείτε ένα αποθετήριο;" },
    { "el", "Τρέξτε apt install git; git --version στο τερματικό σας.", 1, NULL },
    { "el", "Η διεύθυνση https://example.com/a;b=Γ δείχνει περισσότερα.", 1, NULL },
    { "el", "Γράψτε `cd x; Make` στο τερματικό σας.", 1, NULL },
    { "en", "Run make; Then install it.", 1, NULL },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    int n = 0;
    char **v = vgi_sentences_lang(cases[k].text, cases[k].lang, &n);
    if (n != cases[k].n) fail_msg("%s: %d sentences, first '%s'", cases[k].text, n, n ? v[0] : "");
    assert_string_equal(v[0], cases[k].first ? cases[k].first : cases[k].text);
    for (int i = 0; i < n; i++) free(v[i]);
    free(v);
  }
  assert_int_equal(vgi_first_sentence("Τι κάνει αυτό; Δείχνει τα αρχεία."), strlen("Τι κάνει αυτό;"));
  vgi_diags d;
  cJSON *m = load_text("el.md", "# Οδηγός του Git\n\nΤο Git είναι ένα εργαλείο για προγραμματιστές σε όλο τον κόσμο.\n\n"
                       "## Εγκατάσταση\n\nΘέλετε να το εγκαταστήσετε; Τρέξτε την εντολή `apt install git` στο "
                       "τερματικό σας και περιμένετε λίγο. Μετά ρυθμίστε το όνομά σας και το email σας μία φορά.\n",
                       NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_non_null(strstr(all, "Θέλετε να το εγκαταστήσετε; Τρέξτε την εντολή apt install git"));
  free(all);
  cJSON_Delete(m);
}

/* Thai and Lao part sentences with a space: a summary's key point is the
 * first sentence, not its paragraph. A space beside a conjunction ("ແລະ",
 * "และ"), a number or a Latin word, or between a list's short items,
 * parts no sentence. */
static void sentences_thai_lao_spaces(void **state) {
  (void)state;
  const struct { const char *text; int n; const char *first; } cases[] = {
    { "โปรแกรมนี้ช่วยให้คุณสร้างวิดีโอจากเอกสารได้อย่างรวดเร็ว คุณสามารถใช้งานได้ทั้งบนลินุกซ์และแมค", 2,
      "โปรแกรมนี้ช่วยให้คุณสร้างวิดีโอจากเอกสารได้อย่างรวดเร็ว" },
    { "ໂປຣແກຣມນີ້ຊ່ວຍໃຫ້ທ່ານສ້າງວິດີໂອຈາກເອກະສານໄດ້ຢ່າງວ່ອງໄວ ທ່ານສາມາດໃຊ້ງານໄດ້ທັງໃນລີນຸກ ແລະ ແມັກ", 2,
      "ໂປຣແກຣມນີ້ຊ່ວຍໃຫ້ທ່ານສ້າງວິດີໂອຈາກເອກະສານໄດ້ຢ່າງວ່ອງໄວ" },
    { "ທ່ານສາມາດໃຊ້ງານໄດ້ທັງໃນລີນຸກ ແລະ ແມັກໄດ້ຢ່າງງ່າຍດາຍ", 1, NULL },
    { "โปรแกรมนี้รองรับระบบปฏิบัติการหลายแบบ ลินุกซ์ แมค วินโดวส์", 1, NULL },
    { "ดาวน์โหลดไฟล์จากหน้าเว็บของโครงการ Git เวอร์ชันใหม่ล่าสุดได้ทันที", 1, NULL },
    { "ติดตั้งโปรแกรมนี้บนเครื่องคอมพิวเตอร์ 2 เครื่องพร้อมกันได้เลย", 1, NULL },
    { "ถ้าคุณอ่านเล่มใดเล่มนึงจนจบ คุณควรจะมีความรู้ความเข้าใจในโครงสร้างข้อมูลและอัลกอริธึม", 1, NULL },
    { "บางวิดีโอนั้น สามารถเข้าถึงได้เฉพาะการลงทะเบียนเรียนใน Coursera", 1, NULL },
    { "ถ้าคุณต้องการเป็นวิศวกรคุณภาพ หรือวิศวกรระบบ คุณอาจจะต้องศึกษาเพิ่มเติมในรายการเพิ่มเติม", 1, NULL },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    int n = 0;
    char **v = vgi_sentences_lang(cases[k].text, k == 1 || k == 2 ? "lo" : "th", &n);
    if (n != cases[k].n) fail_msg("%s: %d sentences, first '%s'", cases[k].text, n, n ? v[0] : "");
    assert_string_equal(v[0], cases[k].first ? cases[k].first : cases[k].text);
    for (int i = 0; i < n; i++) free(v[i]);
    free(v);
  }
}

/* Documents in languages outside the first twelve (tldr pages, written
 * here in their form): detected, said in their voice and phrases; tldr's
 * mnemonic letters ("[c]reate") said as the word, a translation's English
 * mnemonic in brackets left out; an abbreviation of the language ends no
 * sentence; a label that only announced a link goes after a danda too. */
static void other_languages_said_in_theirs(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("tar-uk.md", "# tar\n\n> Утиліта архівування.\n> Часто поєднується з методом стиснення, таким як gzip або bzip2.\n"
    "> Більше інформації: <https://www.gnu.org/software/tar/manual/tar.html>.\n\n"
    "- Створити ([c]reate) архів і записати його у файл ([f]ile):\n\n`tar cf {{шлях/до/цілі.tar}} {{шлях/до/файлу1}}`\n\n"
    "- Розпакувати (e[x]tract) стиснутий файл архіву у поточний каталог:\n\n`tar xvf {{шлях/до/джерела.tar}}`\n", &full, &d);
  vgi_diags_free(&d);
  const cJSON *v = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(m, "videos"), 0);
  assert_string_equal(cJSON_GetObjectItemCaseSensitive(v, "language")->valuestring, "uk");
  assert_string_equal(cJSON_GetObjectItemCaseSensitive(v, "voice")->valuestring, "uk");
  char *all = all_narration(m);
  assert_non_null(strstr(all, "Ласкаво просимо: tar."));
  assert_non_null(strstr(all, "Створити архів і записати його у файл:"));
  assert_non_null(strstr(all, "Розпакувати стиснутий"));
  assert_null(strstr(all, "Welcome"));
  assert_null(strstr(all, "create"));
  assert_null(strstr(all, "[f]"));
  assert_null(strstr(all, "Більше інформації"));
  free(all);
  /* the slide shows what is said: no "([c]reate)" over the command */
  assert_non_null(scene_with(m, "command", "tar cf"));
  assert_string_equal(vcget(scene_with(m, "command", "tar cf"), "description"),
                      "Створити архів і записати його у файл");
  cJSON_Delete(m);

  m = load_text("tar-en.md", "# tar\n\n> Archiving utility.\n\n- [c]reate an archive and write it to a [f]ile:\n\n"
    "`tar cf {{path/to/target.tar}} {{path/to/file1}}`\n\n- E[x]tract a g[z]ipped archive:\n\n`tar xzf {{a.tar.gz}}`\n", &full, &d);
  vgi_diags_free(&d);
  all = all_narration(m);
  assert_non_null(strstr(all, "Create an archive and write it to a file"));
  assert_non_null(strstr(all, "Extract a gzipped archive"));
  free(all);
  assert_string_equal(vcget(scene_with(m, "command", "tar cf"), "description"),
                      "Create an archive and write it to a file");
  assert_string_equal(vcget(scene_with(m, "command", "tar xzf"), "description"), "Extract a gzipped archive");
  cJSON_Delete(m);

  m = load_text("ls-hi.md", "# ls\n\n> डायरेक्टरी की सामग्री की सूची दिखाएं।\n"
    "> अधिक जानकारी: <https://www.gnu.org/software/coreutils/manual/html_node/ls-invocation.html>।\n\n"
    "- सभी फ़ाइलें दिखाएं, छुपी हुई फ़ाइलें समेत:\n\n`ls {{[-a|--all]}}`\n", &full, &d);
  vgi_diags_free(&d);
  v = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(m, "videos"), 0);
  assert_string_equal(cJSON_GetObjectItemCaseSensitive(v, "language")->valuestring, "hi");
  all = all_narration(m);
  assert_non_null(strstr(all, "ls में आपका स्वागत है।"));
  assert_null(strstr(all, "अधिक जानकारी"));
  free(all);
  cJSON_Delete(m);

  /* a quote whose last sentence is in brackets ends there: no stop added
   * after the bracket (said ".)." or, the bracket gone, "..") */
  for (int detail = 0; detail < 2; detail++) {
    vgi_options o = { .detail = detail ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    m = load_text("q-ru.md", "# Руководство\n\nЭто вводный текст для проверки на русском языке.\n\n"
      "> Delete the Git branches, tags and remotes.\n> (Удалить ветки, теги и удаленные репозитории Git.)\n\n"
      "Рассмотрим английский пример.\n", &o, &d);
    vgi_diags_free(&d);
    all = all_narration(m);
    assert_null(strstr(all, ".."));
    assert_null(strstr(all, ".)."));
    free(all);
    cJSON_Delete(m);
  }

  const struct { const char *lang, *text; int n; const char *first; } cases[] = {
    { "cs", "Příkazy se mohou lišit (např. Windows vs macOS) mezi systémy. Tak to je.", 2,
      "Příkazy se mohou lišit (např. Windows vs macOS) mezi systémy." },
    { "pl", "Użyj opcji, np. Ctrl+C, aby przerwać. To wszystko.", 2, "Użyj opcji, np. Ctrl+C, aby przerwać." },
    { "sv", "Ange en fil, t.ex. Readme, som indata. Klart.", 2, "Ange en fil, t.ex. Readme, som indata." },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    int n = 0;
    char **sv = vgi_sentences_lang(cases[k].text, cases[k].lang, &n);
    if (n != cases[k].n) fail_msg("%s: %d sentences, first '%s'", cases[k].text, n, n ? sv[0] : "");
    assert_string_equal(sv[0], cases[k].first);
    for (int i = 0; i < n; i++) free(sv[i]);
    free(sv);
  }
}

/* MDN's pages (and their translations) hold KumaScript macros: a link
 * macro is said by its text, the site's furniture not at all; braces in
 * code and a template's lower-case "{{name}}" stay. */
static void mdn_macros(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("mdn.md", "---\ntitle: 入門編\n---\n\n{{jsSidebar(\"JavaScript Guide\")}} "
    "{{PreviousNext(\"Web/JavaScript/Guide\", \"Web/JavaScript/Guide/Grammar_and_types\")}}\n\n"
    "本章では JavaScript について紹介します。{{jsxref(\"Array\")}} と {{Glossary(\"Hoisting\", \"巻き上げ\")}} を説明します。\n\n"
    "## 例\n\nテンプレートでは {{name}} と書きます。`{{path/to/file}}` も使えます。\n\n{{Compat}}\n", &full, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_null(strstr(all, "jsSidebar"));
  assert_null(strstr(all, "PreviousNext"));
  assert_null(strstr(all, "Compat"));
  assert_null(strstr(all, "jsxref"));
  assert_non_null(strstr(all, "Array"));
  assert_non_null(strstr(all, "巻き上げ"));
  assert_null(strstr(all, "Hoisting"));
  assert_non_null(strstr(all, "{{name}}"));
  free(all);
  cJSON_Delete(m);
}

/* A '?' or '!' written as a sign, not as a sentence's end: alone between
 * spaces ("Mark an answer with ? when unsure" was cut at "?", said "Mark an
 * answer with? When you are unsure"), quoted ("?") or a code span (`!`).
 * French, which writes a space before its marks, keeps them as ends. */
static void signs_end_no_sentence(void **state) {
  (void)state;
  const struct { const char *lang, *text; int n; const char *first; } cases[] = {
    { "en", "Mark an answer with ? when unsure. Then go on.", 2, "Mark an answer with ? when unsure." },
    { "en", "Type ! Then the tool flags it. Done.", 2, "Type ! Then the tool flags it." },
    { "en", "Use \"?\" There for unknown values. Done.", 2, "Use \"?\" There for unknown values." },
    { "en", "Is it clear? Yes it is! Good.", 3, "Is it clear?" },
    { "fr", "Pourquoi ? Parce que le monde change.", 2, "Pourquoi ?" },
    { "de", "Was nun? Das ist die Frage.", 2, "Was nun?" },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    int n = 0;
    char **v = vgi_sentences_lang(cases[k].text, cases[k].lang, &n);
    if (n != cases[k].n) fail_msg("%s: %d sentences, first '%s'", cases[k].text, n, n ? v[0] : "");
    assert_string_equal(v[0], cases[k].first);
    for (int i = 0; i < n; i++) free(v[i]);
    free(v);
  }
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("sign.md", "# Survey\n\nThe survey tool collects answers from people in your team.\n\n"
                       "## Marking\n\nMark an answer with ? when you are unsure about it, and the tool asks again. "
                       "Use `?` or \"!\" in the text field to flag it.\n", &full, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_null(strstr(all, "with?"));
  assert_null(strstr(all, "When you are"));
  assert_non_null(strstr(all, "Mark an answer with question mark when you are unsure about it"));
  assert_non_null(strstr(all, "Use question mark or exclamation mark in the text field"));
  free(all);
  /* the slide's bullet is not cut at the sign */
  int found = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
      const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "title");
      if (t && !strncmp(t, "Mark an answer with ?", 21)) { found = 1; assert_true(strlen(t) > 21); }
    }
  }
  assert_true(found);
  cJSON_Delete(m);
}

/* Markdown links that reach text as written are read as their text: in an
 * HTML block CommonMark parses no Markdown ("<div>\nRead the [FAQ](url)"
 * was said "Read the [) before asking"), nor after an escaped bracket;
 * "[text] (url)", "[text][ref]" and "[[Page]]" too. The address is never
 * said, and no "[", "](" or "[)" is left. */
static void written_links_said_by_text(void **state) {
  (void)state;
  const struct { const char *in, *out; } cases[] = {
    { "Read the [FAQ](https://example.com/docs/faq) first.", "Read the FAQ first." },
    { "See [a](x.md), [b](<a b.md>) and [c](https://x.org/y_(z) \"T\").", "See a, b and c." },
    { "A [![badge](b.svg)](https://ci) and ![logo](l.png) here.", "A  and  here." },
    { "Read [the guide] (https://example.com/g) now.", "Read the guide now." },
    { "Use [optional] (default) values and [ref][r] and [[Wiki Page]].",
      "Use [optional] (default) values and ref and Wiki Page." },
    { "Arrays a[0] and [1, 2] stay; so does [x]: y.", "Arrays a[0] and [1, 2] stay; so does [x]: y." },
    /* words in brackets after a bracketed word, a backslash's bracket */
    { "Treat \\[en] (etc.) and [beta] (v1.2) as \\[x](y) is.", "Treat \\[en] (etc.) and [beta] (v1.2) as \\[x](y) is." },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char *t = vgi_link_text(vgi_strdup(cases[k].in));
    assert_string_equal(t, cases[k].out);
    free(t);
  }
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("links.md", "# Tool\n\nIntro paragraph about the tool, which is quite a good tool for you.\n\n"
                       "## Help\n\n<div>\nRead the [FAQ](https://example.com/docs/faq) before asking any questions.\n"
                       "</div>\n\n## Guide\n\nRead \\[the guide](https://example.com/guide) before you start the tool.\n",
                       &full, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_non_null(strstr(all, "Read the FAQ before asking any questions."));
  assert_non_null(strstr(all, "Read the guide before you start the tool."));
  assert_null(strstr(all, "["));
  assert_null(strstr(all, "]"));
  assert_null(strstr(all, "example"));
  free(all);
  /* the HTML block's slide shows the text too */
  int shown = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
      const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "title");
      if (t && strstr(t, "FAQ")) { shown = 1; assert_null(strstr(t, "](")); }
    }
  }
  assert_true(shown);
  cJSON_Delete(m);
}

/* A choice written with a bar is said with "or" ("dual-licensed under
 * LGPLv3+|GPLv2+" was said with the bar); a bar that is no such choice
 * ("a||b", a shell pipe between spaces) is left to the other rules. */
static void bar_choices_said_with_or(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("bar.md", "# Lib\n\nLib converts domain names between many forms for you.\n\n"
                       "## License\n\nThe library is dual-licensed under LGPLv3+|GPLv2+, while the rest is GPLv3+.\n\n"
                       "## Flags\n\nThe switch takes on|off as its value, and a||b stays as written here.\n", NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_non_null(strstr(all, "dual-licensed under LGPLv3+ or GPLv2+, while"));
  assert_non_null(strstr(all, "takes on or off as its value"));
  assert_null(strstr(all, "+|"));
  free(all);
  cJSON_Delete(m);
}

/* A POSIX class is no emoji shortcode ("the POSIX classes [:graph:] and
 * [:print:]" was shown and said "the POSIX classes [] and []"); a shortcode
 * still goes (":rocket: Fast"). */
static void posix_classes_kept(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("posix.md", "# Regex\n\nRegex matches text against patterns for you, quickly.\n\n"
                       "## Classes\n\nThe POSIX classes [:graph:] and [:print:] now include more characters.\n\n"
                       ":rocket: Fast start for every user of the library.\n", &full, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_non_null(strstr(all, "[:graph:] and [:print:]"));
  assert_null(strstr(all, "[]"));
  assert_null(strstr(all, "rocket"));
  free(all);
  cJSON_Delete(m);
}

static void short_sections_share_a_slide(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Lib\n\nLib draws boxes on terminals.\n\n## API\n\nEvery call takes a handle.\n\n"
               "### open()\n\nOpens the terminal.\n\n### close()\n\nCloses the terminal.\n\n"
               "### clear()\n\nClears the screen.\n\n### resize()\n\nResizes the screen. It keeps its text.\n\n"
               "### draw()\n\nDraws a box.\n\nIt takes four numbers.\n\n"
               "### flush()\n\nWrites pending output.\n");
  const char *path = write_tmp("short.md", doc_s);
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *sm = load(path, NULL, &d);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  cJSON *fm = load(path, &full, &d);
  vgi_diags_free(&d);
  int shared = 0, flush = 0;
  for (int i = 0; i < scene_count(sm, 0); i++) {
    const cJSON *sc = scene_at(sm, 0, i);
    const char *n = sget(sc, "narration");
    if (strstr(n, "Opens the terminal.")) {
      shared++;
      assert_string_equal(vcget(sc, "header"), "API");
      assert_non_null(strstr(n, "Closes the terminal. Clears the screen."));
      /* a section of one point and a sentence after it joins too; one of
       * two points (two paragraphs) does not */
      assert_non_null(strstr(n, "Clears the screen. Resizes the screen."));
      assert_null(strstr(n, "Draws"));
      const cJSON *its = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "items");
      assert_int_equal(cJSON_GetArraySize(its), 4);
      assert_string_equal(sget(cJSON_GetArrayItem(its, 3), "title"), "resize()");
      assert_string_equal(sget(cJSON_GetArrayItem(its, 3), "description"), "Resizes the screen");
      assert_string_equal(sget(cJSON_GetArrayItem(its, 0), "title"), "open()");
      assert_string_equal(sget(cJSON_GetArrayItem(its, 2), "title"), "clear()");
      assert_string_equal(sget(cJSON_GetArrayItem(its, 2), "description"), "Clears the screen");
    }
    if (strstr(n, "Writes pending output.")) {
      flush++;
      assert_string_equal(vcget(sc, "header"), "flush()");   /* after draw(), a slide of its own */
    }
  }
  assert_int_equal(shared, 1);
  assert_int_equal(flush, 1);
  int fscenes = 0;
  for (int i = 0; i < scene_count(fm, 0); i++) {
    const char *n = sget(scene_at(fm, 0, i), "narration");
    fscenes += strstr(n, "Opens") || strstr(n, "Closes") || strstr(n, "Clears") || strstr(n, "Resizes");
  }
  assert_int_equal(fscenes, 4);
  cJSON_Delete(sm);
  cJSON_Delete(fm);
  /* subsections right under the title share a slide named by the document */
  doc_n = 0;
  doc_add("%s", "# Lib\n\nLib draws boxes.\n\n### open()\n\nOpens the terminal.\n\n### close()\n\nCloses the terminal.\n");
  write_tmp("short.md", doc_s);
  sm = load(path, NULL, &d);
  vgi_diags_free(&d);
  shared = 0;
  for (int i = 0; i < scene_count(sm, 0); i++) {
    const cJSON *sc = scene_at(sm, 0, i);
    if (strstr(sget(sc, "narration"), "Opens the terminal. Closes the terminal.")) {
      shared++;
      assert_string_equal(vcget(sc, "header"), "Lib");
    }
  }
  assert_int_equal(shared, 1);
  cJSON_Delete(sm);
  remove(path);
}

/* Level-2 sections of one sentence in a row share a slide too (a README's
 * "## Install", "## License"), named by the H1 they are part of, never
 * joined across H1s; --detail full keeps a scene each. */
static void short_h2_sections_share_a_slide(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Tool\n\nTool converts files between formats.\n\n## Install\n\nRun make install.\n\n"
               "## Usage\n\nCall tool with a file.\n\n## License\n\nMIT.\n\n"
               "# Internals\n\n## Parser\n\nThe parser reads lines.\n\n## Writer\n\nThe writer buffers output.\n");
  const char *path = write_tmp("short2.md", doc_s);
  vgi_diags d;
  cJSON *sm = load(path, NULL, &d);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  int first = 0, second = 0;
  for (int i = 0; i < scene_count(sm, 0); i++) {
    const cJSON *sc = scene_at(sm, 0, i);
    const char *n = sget(sc, "narration");
    const cJSON *its = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "items");
    if (strstr(n, "Run make install.")) {
      first++;
      assert_string_equal(vcget(sc, "header"), "Tool");
      assert_non_null(strstr(n, "Run make install. Call tool with a file. Licensed under MIT."));
      assert_int_equal(cJSON_GetArraySize(its), 3);
      assert_string_equal(sget(cJSON_GetArrayItem(its, 2), "title"), "License");
      assert_string_equal(sget(cJSON_GetArrayItem(its, 2), "description"), "MIT");
    }
    if (strstr(n, "The parser reads lines.")) {
      second++;
      assert_string_equal(vcget(sc, "header"), "Internals");   /* not joined across H1s */
      assert_non_null(strstr(n, "The writer buffers output."));
      assert_int_equal(cJSON_GetArraySize(its), 2);
    }
  }
  assert_int_equal(first, 1);
  assert_int_equal(second, 1);
  cJSON_Delete(sm);
  /* --detail full: a scene each */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *fm = load(path, &full, &d);
  vgi_diags_free(&d);
  int each = 0;
  for (int i = 0; i < scene_count(fm, 0); i++) {
    const char *n = sget(scene_at(fm, 0, i), "narration");
    each += strstr(n, "Run make install") != NULL || strstr(n, "Call tool") != NULL;
    assert_false(strstr(n, "Run make install") && strstr(n, "Call tool"));
  }
  assert_int_equal(each, 2);
  cJSON_Delete(fm);
  /* sentences written without a stop are said with one between them */
  doc_n = 0;
  doc_add("%s", "# Lib\n\nLib parses a binary data format.\n\n## Documentation\n\nGet the latest documentation at readthedocs\n\n"
               "## License\n\nThe MIT License (MIT)\n");
  write_tmp("short2.md", doc_s);
  sm = load(path, NULL, &d);
  vgi_diags_free(&d);
  int stops = 0;
  for (int i = 0; i < scene_count(sm, 0); i++)
    stops += !strcmp(sget(scene_at(sm, 0, i), "narration"), "Get the latest documentation at readthedocs. The MIT License (MIT).");
  assert_int_equal(stops, 1);
  cJSON_Delete(sm);
  remove(path);
}

/* A summary says sentences, not fragments: a list item said as a sentence
 * is its first sentence when that is short enough (its headline alone may
 * be a clause waiting for the rest: "To edit long commands, after setting
 * your editor"), and without asides in brackets of four words or more, in
 * prose too (a bracket the sentence split leaves open included; one glued
 * to a Korean word leaves no space). --detail full says them. */
static void summary_says_sentences_not_asides(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Shell\n\nShells run commands.\n\n## Parser\n\n"
               "The parser is fast (it reads a gigabyte a second on one core). It is also small.\n\n"
               "Read the manual with man (for the curious, man man lists the sections. Each has a number). Learn more.\n\n"
               "## Keys\n\n"
               "- To edit long commands, after setting your editor, press ctrl-x ctrl-e to open the line in it.\n"
               "- Use set -o vi when you like vi keys (the default keys are those of Emacs, which many find harder).\n"
               "- Learn the basics of Bash and of one editor.\n");
  const char *path = write_tmp("asides.md", doc_s);
  vgi_diags d;
  vgi_options sum = { .duration = 60 };   /* a summary with room for every item */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  char said[4096] = "", all[4096] = "";
  cJSON *sm = load(path, &sum, &d);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  for (int i = 0; i < scene_count(sm, 0); i++)
    strncat(said, sget(scene_at(sm, 0, i), "narration"), sizeof said - strlen(said) - 2);
  cJSON *fm = load(path, &full, &d);
  vgi_diags_free(&d);
  for (int i = 0; i < scene_count(fm, 0); i++)
    strncat(all, sget(scene_at(fm, 0, i), "narration"), sizeof all - strlen(all) - 2);
  assert_non_null(strstr(said, "The parser is fast. "));
  assert_null(strstr(said, "gigabyte"));
  assert_non_null(strstr(said, "Read the manual with man. "));
  assert_null(strstr(said, "curious"));
  assert_non_null(strstr(said, "press ctrl-x ctrl-e to open the line in it."));
  assert_non_null(strstr(said, "Use set -o vi when you like vi keys. "));
  assert_null(strstr(said, "Emacs"));
  assert_non_null(strstr(all, "(it reads a gigabyte a second on one core)"));
  assert_non_null(strstr(all, "(the default keys are those of Emacs, which many find harder)"));
  cJSON_Delete(sm);
  cJSON_Delete(fm);
  remove(path);
  doc_n = 0;
  doc_add("%s", "---\nlang: ko\n---\n# 편집기\n\n## 에디터\n\n텍스트 기반 에디터를 최소한 하나 정도는 잘 다룰 수 있게 배우세요. "
               "nano 에디터는 기본적인 편집기능(열기, 수정하기, 저장하기, 찾기)을 제공합니다.\n");
  path = write_tmp("asides.md", doc_s);
  sm = load(path, &sum, &d);
  vgi_diags_free(&d);
  said[0] = 0;
  for (int i = 0; i < scene_count(sm, 0); i++)
    strncat(said, sget(scene_at(sm, 0, i), "narration"), sizeof said - strlen(said) - 2);
  assert_non_null(strstr(said, "편집기능을 제공합니다."));
  assert_null(strstr(said, "열기"));
  cJSON_Delete(sm);
  remove(path);
}

/* A list with a closing remark says its items once (a remark ending in ":"
 * is no introduction of the list before it), and a list of a subsection
 * does not say the name of the section it is part of ("Background.
 * Values."): the slide shows it. */
/* A list the reader splits over scenes numbers on from the part before and
 * says it continues (the list layout numbers from visual_content.start). */
static void split_list_numbers_on(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "---\nlang: en\n---\n# Steps\n\nSteps to take.\n\n## The steps\n\n");
  for (int i = 1; i <= 14; i++) doc_add("- Step %d: do thing number %d carefully\n", i, i);
  const char *path = write_tmp("steps.md", doc_s);
  vgi_diags d;
  /* every part said (a summary may leave the later part out: the first
   * shows ten items, which take their time to be read) */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load(path, &full, &d);
  assert_int_equal(d.errors, 0);
  dump_diags(&d);
  assert_int_equal(d.n, 0);   /* "start" is a list's field: no "unknown field" warning */
  vgi_diags_free(&d);
  int lists = 0, next = 1;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    if (strcmp(sget(sc, "scene_type"), "list")) continue;
    const cJSON *vc = cJSON_GetObjectItemCaseSensitive(sc, "visual_content");
    const cJSON *start = cJSON_GetObjectItemCaseSensitive(vc, "start");
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(vc, "items");
    if (lists == 0) {
      assert_null(start);
    } else {
      assert_true(cJSON_IsNumber(start));
      assert_int_equal(start->valueint, next);
      assert_string_equal(vcget(sc, "description"), "continued");
    }
    next += cJSON_GetArraySize(items);
    lists++;
  }
  assert_true(lists >= 2);
  assert_int_equal(next, 15);
  cJSON_Delete(m);
  remove(path);
}

static void list_with_closing_remark(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Term\n\nterm colours a terminal.\n\n## Values\n\nThe following values are available:\n\n"
               "### Foreground\n\n* black\n* red\n* green\n* yellow\n\n"
               "### Background\n\n* onblack\n* onred\n* ongreen\n* onyellow\n\n"
               "Every value may be used in several ways:\n\n### As a Function\n\n```lua\nprint(colors.red \"hello\")\n```\n");
  const char *path = write_tmp("remark.md", doc_s);
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  for (int pass = 0; pass < 2; pass++) {
    cJSON *m = load(path, pass ? &full : NULL, &d);
    assert_int_equal(d.errors, 0);
    vgi_diags_free(&d);
    int bg = 0;
    for (int i = 0; i < scene_count(m, 0); i++) {
      const cJSON *sc = scene_at(m, 0, i);
      const char *n = sget(sc, "narration");
      if (!strstr(n, "onblack") && !strstr(n, "black")) continue;
      assert_null(strstr(n, "Values."));
      assert_string_equal(vcget(sc, "description"), "Values");   /* shown */
      if (strstr(n, "onblack")) {
        bg++;
        assert_null(strstr(strstr(n, "onblack") + 1, "onblack"));   /* said once */
        if (pass) assert_non_null(strstr(n, "Every value may be used in several ways:"));
      }
    }
    assert_int_equal(bg, 1);
    cJSON_Delete(m);
  }
  remove(path);
}

/* Links are not said, and what is left reads as sentences: a list of links
 * is no ",, and"; the sentence that introduces only links ("browse the
 * manual online at:") goes, and a slide with nothing else says its name;
 * "IANA: <url>" is said "IANA." */
static void links_leave_sentences(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Tool\n\nTool converts files between many formats quickly and safely for you.\n\n"
               "## Links\n\nIANA:\n  https://www.iana.org/assignments/media-types/\n\n"
               "KDE mime-types:\n  http://websvn.kde.org/mimetypes/\n\n"
               "## Manual\n\nThe manual is in the doc folder. You can also browse the manual online at:\n\n"
               "- https://www.gnu.org/software/tool/manual/\n- https://tool.example.org/manual/\n"
               "- https://tool.example.org/manual/tool.html\n\n"
               "## Coverage\n\nThe coverage report is at:\n\n- https://tool.example.org/coverage\n");
  const char *path = write_tmp("links.md", doc_s);
  vgi_diags d;
  cJSON *m = load(path, NULL, &d);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  int seen = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    const char *n = sget(sc, "narration");
    assert_null(strstr(n, ",,"));
    assert_null(strstr(n, ": ."));
    assert_null(strstr(n, "online at"));
    assert_null(strstr(n, "http"));
    const char *h = vcget(sc, "header");
    if (!h) continue;
    if (!strcmp(h, "Links")) { seen++; assert_string_equal(n, "IANA. KDE mime-types."); }
    if (!strcmp(h, "Manual")) { seen++; assert_string_equal(n, "The manual is in the doc folder."); }
    if (!strcmp(h, "Coverage")) { seen++; assert_string_equal(n, "Coverage."); }
  }
  assert_int_equal(seen, 3);
  cJSON_Delete(m);
  /* a sentence that introduces a bare link ("The homepage is at:") goes
   * with it; the rest of its paragraph stays, a section of it alone goes */
  doc_n = 0;
  doc_add("%s", "# Tool\n\nTool converts files between many formats quickly and safely for you.\n\n"
               "## Homepage\n\nTool is free software. The project homepage is at:\n\nhttps://www.gnu.org/software/tool/\n\n"
               "## Site\n\nThe site is at:\n\nhttps://tool.example.org/\n\n## Other\n\nMore text here for the other part.\n");
  write_tmp("links.md", doc_s);
  m = load(path, NULL, &d);
  vgi_diags_free(&d);
  char said[2048] = "";
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    strncat(said, sget(sc, "narration"), sizeof said - strlen(said) - 2);
    const char *h = vcget(sc, "header");
    assert_false(h && !strcmp(h, "Site"));
    if (h && !strcmp(h, "Other")) assert_string_equal(sget(sc, "narration"), "More text here for the other part.");
  }
  assert_non_null(strstr(said, "Tool is free software."));
  assert_null(strstr(said, " at:"));
  cJSON_Delete(m);
  /* a web address indented under its sentence (a code block to Markdown)
   * is a link too: no code slide, nothing said of it */
  doc_n = 0;
  doc_add("%s", "# Tool\n\nTool converts files between many formats quickly and safely for you.\n\n"
               "## History\n\nTool began as a script. The results are on the wiki:\n\n"
               "        https://wiki.example.org/Tool/History\n\n## Build\n\n    make\n    make install\n");
  write_tmp("links.md", doc_s);
  m = load(path, NULL, &d);
  vgi_diags_free(&d);
  int codes = 0;
  said[0] = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    strncat(said, sget(sc, "narration"), sizeof said - strlen(said) - 2);
    codes += !strcmp(sget(sc, "scene_type"), "command") || !strcmp(sget(sc, "scene_type"), "code");
  }
  assert_int_equal(codes, 1);   /* make, make install */
  assert_non_null(strstr(said, "Tool began as a script."));
  assert_null(strstr(said, "wiki"));
  cJSON_Delete(m);
  remove(path);
}

/* A summary says the line under the title (what the document is) with the
 * title, however short the budget of a small document. */
static void summary_says_the_subtitle(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Tool\n\nTool converts files between formats.\n\n## Install\n\nRun make install.\n\n"
               "## Usage\n\nCall tool with a file.\n");
  const char *path = write_tmp("sub.md", doc_s);
  vgi_diags d;
  cJSON *m = load(path, NULL, &d);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  assert_string_equal(sget(scene_at(m, 0, 0), "narration"), "Welcome to Tool. Tool converts files between formats.");
  cJSON_Delete(m);
  remove(path);
}

/* A document without an H1 or a title: in front matter is titled from its
 * first heading of any level, else its first sentence's headline, else
 * its file name made readable; never "readme". */
/* A list one item longer than a slide holds is not a full slide and a
 * slide of one item ("13 more options" alone): the last two go together. */
static void no_lone_last_item(void **state) {
  (void)state;
  vgi_buf doc = {0};
  vgi_buf_puts(&doc, "# Tools\n\n## Parts\n\n");
  for (int i = 1; i <= 11; i++) vgi_buf_printf(&doc, "- part number %d\n", i);
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("parts.md", doc.s, &full, &d);
  vgi_diags_free(&d);
  int lists = 0, total = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (strcmp(sget(s, "scene_type"), "list")) continue;
    lists++;
    total += items_of(s);
    if (items_of(s) == 1) print_message("a slide of one item\n"), fail();
  }
  assert_int_equal(total, 11);
  assert_int_equal(lists, 2);
  cJSON_Delete(m);
  vgi_buf_free(&doc);
}

/* An untitled README whose first paragraph is one sentence, its title
 * (cobra's): said on the title slide, not again on a slide of its own;
 * the prose after it is the next slide. */
static void title_sentence_not_repeated(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "<div align=\"center\"><img src=\"logo.png\"></div>\n\n"
                       "Gearbox is a library for turning axles at a chosen ratio.\n\n"
                       "Gearbox is used in many mills such as the old mill and the new mill to name a few.\n\n"
                       "## Overview\n\nGearbox turns axles.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = all_narration(m);
  const char *first = strstr(all, "Gearbox is a library");
  assert_non_null(first);
  if (strstr(first + 1, "Gearbox is a library")) print_message("said twice: %s\n", all), fail();
  assert_non_null(strstr(all, "used in many mills"));
  free(all);
  cJSON_Delete(m);
}

/* A title's copyright ("Gearbox 2.3 (c)2004-2016 the Gearbox team") is
 * no part of its name; a version control keyword alone ("$Id$") is
 * neither shown nor said. */
static void title_copyright_and_keywords_out(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "Gearbox 2.3 (c)2004-2016 the Gearbox team\n"
                       "------------------------------------------\n\n"
                       "Gearbox is a library for turning axles at a chosen ratio.\n\n$Id$\n\n"
                       "$Revision: 1.4 $\n\nThe $HOME of the tool is kept.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = all_narration(m);
  char *shown = cJSON_PrintUnformatted(m);
  assert_string_equal(vcget(scene_at(m, 0, 0), "title"), "Gearbox 2.3");
  if (strstr(all, "$Id") || strstr(shown, "$Id") || strstr(all, "Revision")) print_message("said: %s\n", all), fail();
  assert_non_null(strstr(all, "The $HOME of the tool is kept"));
  free(shown);
  free(all);
  cJSON_Delete(m);
}

/* A quote opened by a callout's kind in bold capitals without a colon
 * ("> **NOTE** …", "> **NOTE (since 1.6)** …") is a callout: the mark is
 * its kind, never said as a word of the text. */
static void bold_capital_callouts(void **state) {
  (void)state;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("notes.md", "# Gears\n\nGears turn axles.\n\n## Install\n\n"
                       "> **NOTE** Gears uses modules to manage its parts.\n\n## Files\n\n"
                       "> **WARNING (since 1.6)** A file without an extension is read as text.\n", &full, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  if (strstr(all, "NOTE") || strstr(all, "WARNING") || strstr(all, "since 1.6")) print_message("%s\n", all), fail();
  assert_non_null(strstr(all, "Gears uses modules to manage its parts."));
  assert_non_null(strstr(all, "A file without an extension is read as text."));
  free(all);
  cJSON_Delete(m);
}

static void title_without_h1(void **state) {
  (void)state;
  const struct { const char *name, *text, *want; } cases[] = {
    { "README.md", "![logo](logo.png)\n\n## Install it\n\nRun make.\n", "Install it" },
    /* an H1 that is only a logo: named by its alt text, "logo" left out */
    { "README.md", "![libsodium](logo.png)\n============\n\nSodium is a crypto library.\n", "libsodium" },
    { "README.md", "# ![Zing logo](logo.png)\n\nZing renders pages.\n", "Zing" },
    /* prose before the first heading: that heading names a section */
    { "README.md", "__Zstandard__, or zstd, is a fast compression algorithm.\n\n## Benchmarks\n\nFast.\n", "Zstandard" },
    { "README.md", "Vgrun turns documents into videos, offline.\n\n## Install\n\nRun make.\n", "Vgrun turns documents into videos, offline" },
    { "README.md", "Vgrun turns documents into narrated videos. It works offline.\n\n- one\n- two\n",
      "Vgrun turns documents into narrated videos" },
    { "README.md", "---\ntitle: From front matter\n---\n\n## Install\n\nRun make.\n", "From front matter" },
    { "NEWS.md", "- one\n- two\n", "News" },
    { "my_cool-tool.md", "```\ncode\n```\n", "My cool tool" },
    /* a first line that links to a repository alone names the project */
    { "README.md", "https://github.com/google/double-conversion\n\nIt converts doubles.\n\n## Build\n\nRun make.\n",
      "double-conversion" },
    { "README.md", "<https://gitlab.com/group/tool.git>\n\nIt converts doubles.\n", "tool" },
    /* a link with words around it, or to anything else, names nothing */
    { "README.md", "Code at https://github.com/a/b here.\n\n# Tool\n\nRun make.\n", "Tool" },
    { "README.md", "https://example.org/a/b\n\n# Tool\n\nRun make.\n", "Tool" },
    /* an H1 after a whole introduction heads a section */
    { "README.md", "https://github.com/google/double-conversion\n\nThis project provides binary-decimal and decimal-binary "
      "routines for IEEE doubles.\n\nThe library consists of efficient conversion routines that have been extracted "
      "from the V8 JavaScript engine and improved so that other projects use them.\n\nBuilding\n========\n\nRun make.\n",
      "double-conversion" },
    /* a short preface does not: the H1 stays the title */
    { "README.md", "libffi-3.4.4 was released on October 23, 2022.\n\nWhat is libffi?\n===============\n\nA library.\n",
      "What is libffi?" },
  };
  char dir[64], path[128];
  snprintf(dir, sizeof dir, "/tmp/vgi_title_%d", (int)getpid());
  mkdir(dir, 0700);
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    snprintf(path, sizeof path, "%s/%s", dir, cases[k].name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(cases[k].text, f);
    fclose(f);
    vgi_diags d;
    cJSON *m = load(path, NULL, &d);
    assert_non_null(m);
    vgi_diags_free(&d);
    if (strcmp(sget(video_at(m, 0), "title"), cases[k].want)) print_message("got: %s\n", sget(video_at(m, 0), "title"));
    assert_string_equal(sget(video_at(m, 0), "title"), cases[k].want);
    cJSON_Delete(m);
    remove(path);
  }
  rmdir(dir);
}

/* A summary says a long first sentence by its headline (a code-heavy
 * guide's forty-word sentences would otherwise run it far past a minute
 * per 600 words); the complete reading says it whole. A table's last
 * column named with an abbreviation does not end the sentence twice. */
static void long_sentences_said_by_headline(void **state) {
  (void)state;
  const char *longs = "For reference, several fast compression algorithms were tested and compared on a desktop "
    "running Ubuntu with a fast processor, using an open-source in-memory benchmark compiled with a recent "
    "compiler, on the Silesia compression corpus of files.";
  doc_n = 0;
  doc_add("# Bench\n\n## Speed\n\n%s Then more detail follows.\n\n```sh\nmake bench\n```\n\n"
          "| Name | Ratio | Decompress. |\n| --- | --- | --- |\n| zstd | 2.8 | 1700 MB/s |\n", longs);
  const char *path = write_tmp("long.md", doc_s);
  vgi_options sum = {0}, full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *sm = load(path, &sum, &d);
  vgi_diags_free(&d);
  cJSON *fm = load(path, &full, &d);
  vgi_diags_free(&d);
  assert_non_null(sm);
  assert_non_null(fm);
  int said_short = 0, said_whole = 0, table = 0;
  for (int i = 0; i < scene_count(sm, 0); i++) {
    const char *n = sget(scene_at(sm, 0, i), "narration");
    if (strstr(n, "For reference, several fast compression algorithms were tested and compared.")) said_short++;
    assert_null(strstr(n, "Silesia"));
    if (!strcmp(sget(scene_at(sm, 0, i), "scene_type"), "table")) {
      table++;
      assert_null(strstr(n, ".."));
      assert_non_null(strstr(n, "Decompress"));
    }
  }
  for (int i = 0; i < scene_count(fm, 0); i++)
    if (strstr(sget(scene_at(fm, 0, i), "narration"), longs)) said_whole++;
  assert_int_equal(said_short, 1);
  assert_int_equal(said_whole, 1);
  assert_int_equal(table, 1);
  cJSON_Delete(sm);
  cJSON_Delete(fm);
  remove(path);
}

/* All narration of video 0, joined (caller frees). */
static char *all_narration(const cJSON *m) {
  size_t cap = 1, n = 0;
  for (int i = 0; i < scene_count(m, 0); i++) cap += strlen(sget(scene_at(m, 0, i), "narration")) + 1;
  char *out = calloc(cap, 1);
  for (int i = 0; i < scene_count(m, 0); i++) n += (size_t)sprintf(out + n, "%s\n", sget(scene_at(m, 0, i), "narration"));
  return out;
}

/* A sentence whose object is only a link ("The official download locations
 * are: <link>", "Le site officiel est : <link>") is not said, in a summary or
 * in full; a list that a colon introduces names its few short items all
 * (three of four would read as all of them). */
static void link_objects_unsaid(void **state) {
  (void)state;
  const char *doc = "# GLib\n\nGLib is the low-level core library that forms the basis for projects such as GTK "
                    "and GNOME.\n\nThe official download locations are:\n  <https://download.example.org/glib>\n\n"
                    "The official web site is:\n  <https://www.example.org/>\n\n## Documentation\n\n"
                    "API documentation is available online for the:\n * [GLib](https://docs.example.org/glib/)\n"
                    " * [GObject](https://docs.example.org/gobject/)\n * [GModule](https://docs.example.org/gmodule/)\n"
                    " * [GIO](https://docs.example.org/gio/)\n";
  vgi_options modes[2] = { {0}, { .detail = VGI_DETAIL_FULL } };
  for (int k = 0; k < 2; k++) {
    vgi_diags d;
    cJSON *m = load_text("links.md", doc, &modes[k], &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    char *all = all_narration(m);
    assert_non_null(strstr(all, "GLib is the low-level core library"));
    assert_null(strstr(all, "locations are"));
    assert_null(strstr(all, "site is"));
    assert_null(strstr(all, "http"));
    if (k == 0) assert_non_null(strstr(all, "GModule, and GIO"));
    free(all);
    cJSON_Delete(m);
  }
  const char *fr = "# Outil\n\nCet outil fabrique des vid\xC3\xA9os \xC3\xA0 partir de documents et les lit \xC3\xA0 voix haute "
                   "pour tout le monde.\n\nLe site officiel est :\n  <https://www.example.org/>\n";
  vgi_diags d;
  cJSON *m = load_text("lien.md", fr, &modes[1], &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = all_narration(m);
  assert_null(strstr(all, "officiel est"));
  assert_non_null(strstr(all, "Cet outil"));
  free(all);
  cJSON_Delete(m);
  /* a bare address whose full stop was left out, and the relative clause
   * that only placed it */
  const char *bare = "# Bugs\n\n## Where to send\n\nYou can raise issues on the GitLab issues tracker which is\n"
                     "located at https://gitlab.example.org/tool/issues You\nwill need a GitLab login to do so.\n";
  m = load_text("bare.md", bare, &modes[1], &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  all = all_narration(m);
  assert_non_null(strstr(all, "on the GitLab issues tracker. You will need a GitLab login"));
  assert_null(strstr(all, "located"));
  free(all);
  cJSON_Delete(m);
}

/* A quote whose lines are commands or code ("> git clone …", as a mail-style
 * README writes them) is a command scene, introduced by the prose before it
 * and never read out; a quote of prose stays a quote; a line after the
 * commands without ">" (a lazy continuation) is prose again. */
static void quoted_commands_are_code(void **state) {
  (void)state;
  const char *doc = "# Patches\n\n## Sending\n\nGet the latest version of the source from upstream git:\n\n"
                    "> git clone git@example.org:tool/tool.git\n\n"
                    "## Tracing\n\nstrace output is very helpful:\n\n> strace -o output-file ps --blah\n> bzip2 output-file\n\n"
                    "## Kernels\n\nA macro builds the code from its components:\n"
                    ">  if (version_code < VERSION(2,5,41))\n>     /* blah blah blah */\n"
                    "A startup call to `set_version` may also be necessary.\n\n"
                    "## Motto\n\n> Fast tools change how people work.\n";
  vgi_options modes[2] = { {0}, { .detail = VGI_DETAIL_FULL } };
  for (int k = 0; k < 2; k++) {
    vgi_diags d;
    cJSON *m = load_text("quoted.md", doc, &modes[k], &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    int commands = 0, quotes = 0;
    for (int i = 0; i < scene_count(m, 0); i++) {
      const cJSON *sc = scene_at(m, 0, i);
      const char *type = sget(sc, "scene_type");
      if (!strcmp(type, "command")) {
        commands++;
        const cJSON *lines = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "commands");
        const char *first = cJSON_GetStringValue(cJSON_GetArrayItem(lines, 0));
        assert_non_null(first);
        assert_true(!strncmp(first, "git clone", 9) || !strncmp(first, "strace -o", 9) || strstr(first, "if (version_code"));
        assert_null(strstr(sget(sc, "narration"), "blah"));
        assert_null(strstr(sget(sc, "narration"), "git@"));
      }
      if (!strcmp(type, "quote")) quotes++;
    }
    assert_int_equal(commands, 3);
    assert_int_equal(quotes, 1);
    char *all = all_narration(m);
    if (k == 1) assert_non_null(strstr(all, "set_version may also be necessary"));   /* a summary may leave it */
    assert_null(strstr(all, "`"));
    free(all);
    cJSON_Delete(m);
  }
}

/* The list a colon introduces is said as that sentence's object, in the
 * shape its items have: names that a description follows by their names,
 * phrases without a verb joined whole, sentences one by one; all of them
 * when few, never the first alone. The outro says its thanks, not the title
 * the title scene already said. */
/* A paragraph of names written one per line without punctuation (a
 * README's font list) is read as a list: its bullet is cut as a list is, to
 * sixteen words or fewer, and the narration does not run the names
 * together. */
static void names_one_per_line(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("names.md", "# Fonts\n\nThe fonts are a family based on older fonts.\n\n## Fonts\n\n"
                       "Available fonts:\n\nDejaVu Sans Mono\nDejaVu Sans Mono Bold\nDejaVu Sans Mono Bold Oblique\n"
                       "DejaVu Sans\nDejaVu Sans Bold\nDejaVu Serif\nDejaVu Serif Bold Italic (experimental)\n"
                       "DejaVu Serif Condensed\nDejaVu Math TeX Gyre\n\nAll fonts are also available as a derivative.\n",
                       NULL, &d);
  vgi_diags_free(&d);
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(scene_at(m, 0, i),
                                                          "visual_content"), "items");
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
      const cJSON *ti = cJSON_IsString(it) ? it : cJSON_GetObjectItemCaseSensitive(it, "title");
      int words = 0;
      for (const char *q = cJSON_IsString(ti) ? ti->valuestring : ""; *q; q++) words += *q != ' ' && (q[1] == ' ' || !q[1]);
      if (words > 16) print_message("bullet: %s\n", ti->valuestring), fail();
    }
  }
  assert_int_equal(said_in(m, "Mono DejaVu"), 0);
  assert_int_equal(said_in(m, "Bold DejaVu"), 0);
  cJSON_Delete(m);
}

/* A paragraph of bold text alone over prose heads a part of its section:
 * its scenes are headed by it, at its line; a bold callout, a sentence in
 * bold, a list's caption, a bold line ending its section and the bold
 * lines of a section that has captions stay as they were. */
static void bold_lines_head_parts(void **state) {
  (void)state;
  static const char doc[] =
    "# Cables\n\nHow the cables of the internet work.\n\n"
    "## The Global Cable Network\n\n"
    "The backbone of the internet consists of fiber optic cables that carry data as light.\n\n"
    "**Fiber Optic Technology:**\n\n"
    "Fiber optic cables carry data as pulses of light through strands of glass.\n\n"
    "- **Single-mode fiber**: one path of laser light\n- **Multi-mode fiber**: many paths of light\n\n"
    "**Terrestrial Backbone Networks:**\n\n"
    "Land-based fiber networks follow highways, railways and other rights of way.\n\n"
    "- **Dark fiber**: unused fiber installed for later\n- **Network topology**: rings and meshes\n\n"
    "## Safety\n\n"
    "Cables carry high voltages and must be handled with care by trained staff.\n\n"
    "**Note:** Keep the cable dry at all times while splicing it.\n\n"
    "**Do not run this as root.**\n\n**Splicing tools**\n\n"
    "The splicing tool needs no special rights on the machine at all.\n\n"
    "**Types of splice:**\n\n- fusion splice\n- mechanical splice\n\n"
    "**Later**\n\n## End\n\nThe end of the document is here and it says goodbye.\n";
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("bold.md", doc, &full, &d);
  vgi_diags_free(&d);
  const cJSON *fiber = scene_with(m, "list", "Single-mode fiber");
  assert_non_null(fiber);
  assert_string_equal(vcget(fiber, "header"), "Fiber Optic Technology");
  const cJSON *land = scene_with(m, "list", "Dark fiber");
  assert_non_null(land);
  assert_string_equal(vcget(land, "header"), "Terrestrial Backbone Networks");
  assert_int_equal(line_of(land), 20);   /* its list's line, as the document has it */
  const cJSON *splice = scene_with(m, "list", "fusion splice");
  assert_non_null(splice);
  assert_string_equal(vcget(splice, "header"), "Safety");           /* a list's caption */
  assert_string_equal(vcget(splice, "description"), "Types of splice");
  for (int i = 0; i < scene_count(m, 0); i++) {
    const char *h = vcget(scene_at(m, 0, i), "header");
    if (!h) continue;
    assert_string_not_equal(h, "Note");
    assert_string_not_equal(h, "Do not run this as root.");
    assert_string_not_equal(h, "Later");
    assert_string_not_equal(h, "Splicing tools");   /* its section's bold lines are captions too */
  }
  assert_true(said_in(m, "Keep the cable dry") > 0);
  cJSON_Delete(m);
  /* a summary says the part, or names it as left out */
  m = load_text("bold.md", doc, NULL, &d);
  assert_true(scene_with(m, "list", "Terrestrial Backbone Networks") || has_message(&d, "Terrestrial Backbone Networks"));
  vgi_diags_free(&d);
  cJSON_Delete(m);
}

static void colon_lists_said_whole(void **state) {
  (void)state;
  static const struct { const char *doc, *said; } cases[] = {
    { "# Libx\n\nLibx is a small toolkit for reading archives in any format.\n\n## Dependencies\n\n"
      "Libx does not require any other libraries. However, if found at configuration time, libx will use "
      "the following libraries:\n\n- [libz](https://zlib.example/), a highly portable and widely available "
      "compression library.\n- [liblzma](https://xz.example/), another compression library.\n"
      "- [libiconv](https://iconv.example/), a character encoding conversion library. The iconv function is "
      "part of POSIX.\n- [ICU](https://icu.example/), a Unicode library. Mainly useful on Windows.\n",
      "the following libraries: libz, liblzma, libiconv, and ICU." },
    { "# Pixbuf\n\nPixbuf is a library that loads images for desktop programs.\n\n## Building\n\n"
      "In order to build Pixbuf you will need to have installed:\n\n- Meson\n- A C99-compliant compiler and "
      "toolchain\n- GLib's development files\n",
      "installed: Meson, a C99-compliant compiler and toolchain, and GLib's development files." },
    { "# Tracker\n\nTracker is a service that indexes the files of a desktop session.\n\n## Bugs\n\n"
      "Bugs should be reported to the issue tracker. In bug reports please include:\n\n"
      "- Information about your system.\n- How to reproduce the bug.\n"
      "- If the bug was a crash, the exact text that was printed out when the crash occurred.\n",
      "please include: Information about your system. How to reproduce the bug. If the bug was a crash, the "
      "exact text that was printed out when the crash occurred." },
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    vgi_options o = {0};
    vgi_diags d;
    cJSON *m = load_text("colon.md", cases[k].doc, &o, &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    char *all = all_narration(m);
    if (!strstr(all, cases[k].said)) print_message("got: %s\n", all);
    assert_non_null(strstr(all, cases[k].said));
    const char *outro = sget(scene_at(m, 0, scene_count(m, 0) - 1), "narration");
    assert_string_equal(outro, "Thanks for watching.");
    free(all);
    cJSON_Delete(m);
  }
}

/* A metadata line under the title ("Generated: <date>", "Last updated: …",
 * "Version 1.2 — Author: …", "Stand: …") is neither said nor a bullet; a
 * sentence that starts with "Version 2" is prose. */
static void metadata_lines_unsaid(void **state) {
  (void)state;
  const char *doc = "# Project Guide\n\nGenerated: 2024-05-01\n\n*Last updated: March 3, 2024*\n\n"
                    "Version 1.2 \xE2\x80\x94 Author: Jane Doe\n\nStand: 3. Mai 2024\n\nApril 28, 2021\n\n"
                    "This guide explains how the project is built and tested.\n\n## Usage\n\n"
                    "Version 2 of the tool adds a parser that reads tables and lists.\n\n"
                    "Run the tool on a document. It writes a video.\n";
  const char *path = write_tmp("meta.md", doc);
  vgi_options modes[2] = { {0}, { .detail = VGI_DETAIL_FULL } };
  for (int k = 0; k < 2; k++) {
    vgi_diags d;
    cJSON *m = load(path, &modes[k], &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    char *all = all_narration(m);
    assert_null(strstr(all, "Generated"));
    assert_null(strstr(all, "2024"));
    assert_null(strstr(all, "Author"));
    assert_null(strstr(all, "Stand"));
    assert_null(strstr(all, "April"));
    assert_non_null(strstr(all, "This guide explains"));
    if (k) assert_non_null(strstr(all, "Version 2 of the tool"));
    for (int i = 0; i < scene_count(m, 0); i++) {
      const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
      for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
        const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "title");
        assert_null(strstr(t, "Last updated"));
        assert_null(strstr(t, "Version 1.2"));
      }
    }
    free(all);
    cJSON_Delete(m);
  }
  remove(path);
}

/* A short English text whose only stop word is one Portuguese shares
 * ("do") stays English; Portuguese prose is still Portuguese. */
static void short_english_stays_english(void **state) {
  (void)state;
  const char *path = write_tmp("steps.md", "# Steps\n\n- Step 1: do thing number 1\n- Step 2: do thing number 2\n"
                                           "- Step 3: do thing number 3\n");
  vgi_options o = {0};
  vgi_diags d;
  cJSON *m = load(path, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  assert_string_equal(sget(video_at(m, 0), "language"), "en");
  cJSON_Delete(m);
  path = write_tmp("passos.md", "# Passos\n\nO programa converte documentos em v\xC3\xAD" "deos. "
                                "Voc\xC3\xAA pode usar o modo de resumo para um v\xC3\xAD" "deo mais curto.\n");
  m = load(path, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  assert_string_equal(sget(video_at(m, 0), "language"), "pt");
  cJSON_Delete(m);
  remove(path);
}

/* Japanese items that are sentences ("設定を保存します") are said one
 * sentence each, never joined with と (which reads "when … then …"). */
static void japanese_item_sentences(void **state) {
  (void)state;
  const char *path = write_tmp("ja.md", "# \xE3\x82\xAC\xE3\x82\xA4\xE3\x83\x89\n\n## \xE4\xBD\xBF\xE3\x81\x84\xE6\x96\xB9\n\n"
                                        "- \xE8\xA8\xAD\xE5\xAE\x9A\xE3\x82\x92\xE4\xBF\x9D\xE5\xAD\x98\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x99\n"
                                        "- \xE3\x83\x95\xE3\x82\xA1\xE3\x82\xA4\xE3\x83\xAB\xE3\x82\x92\xE9\x96\x8B\xE3\x81\x8D\xE3\x81\xBE\xE3\x81\x99\n");
  vgi_options modes[2] = { {0}, { .detail = VGI_DETAIL_FULL } };
  for (int k = 0; k < 2; k++) {
    vgi_diags d;
    cJSON *m = load(path, &modes[k], &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    assert_string_equal(sget(video_at(m, 0), "language"), "ja");
    char *all = all_narration(m);
    /* "します" followed by "と" */
    assert_null(strstr(all, "\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x99\xE3\x81\xA8"));
    assert_null(strstr(all, "\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x81"));
    if (k) assert_non_null(strstr(all, "\xE4\xBF\x9D\xE5\xAD\x98\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x82"));
    free(all);
    cJSON_Delete(m);
  }
  remove(path);
}

/* A command line said by what it is ends where the prose goes on: "with
 * ./configure --debug generates two binaries" keeps its verb, and the
 * program is named without its path. */
static void command_ends_at_prose(void **state) {
  (void)state;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("cmdprose.md", "# T\n\n## Debug\n\nThe tool with `./configure --debug` generates two binaries.\n\n"
                                      "Then run `make -j4 install`.\n", &full, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "--debug"), 0);
  assert_int_equal(said_in(m, "the configure command generates two binaries"), 1);
  cJSON_Delete(m);
}

/* A sentence that introduces a table by a preposition alone ("Binaries at
 * <link> are produced on:") is not said: it would end on "on". */
static void preposition_intro_unsaid(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("prepintro.md", "# T\n\n## Binaries\n\nBinaries at <https://example.org/dist/> are produced on:\n\n"
                                        "| Package | Platform |\n| --- | --- |\n| linux-x64 | RHEL 8 |\n| darwin-x64 | macOS 11 |\n",
                       NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "produced on"), 0);
  int tables = 0;
  for (int i = 0; i < scene_count(m, 0); i++)
    if (!strcmp(sget(scene_at(m, 0, i), "scene_type"), "table"))
      tables++, assert_non_null(strstr(sget(scene_at(m, 0, i), "narration"), "Package"));
  assert_int_equal(tables, 1);
  cJSON_Delete(m);
}

/* Prose that introduces a table with a colon ("The common options are:") is
 * completed by its rows, not by "The table shows …"; a cell that is a path
 * is shown, not read, and leaves no stray colon ("data_dir:,"). */
static void table_after_colon(void **state) {
  (void)state;
  static const char doc[] = "# T\n\n## Options\n\nThe most common options are:\n\n"
    "| Option | Default | Meaning |\n| --- | --- | --- |\n| `port` | 7400 | The port it listens on |\n"
    "| `data_dir` | `/var/lib/kestrel` | Where the logs are |\n\n## Plain\n\n"
    "| Name | Size |\n| --- | --- |\n| zlib | 90 KB |\n| libpng | 200 KB |\n";
  for (int full = 0; full <= 1; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("colontable.md", doc, &o, &d);
    vgi_diags_free(&d);
    assert_int_equal(said_in(m, "options are: port: 7400, The port it listens on. data_dir: Where the logs are."), 1);
    assert_int_equal(said_in(m, "Option, Default"), 0);
    assert_int_equal(said_in(m, ":,"), 0);
    assert_int_equal(said_in(m, "The table shows Name and Size."), 1);   /* no intro: columns named */
    cJSON_Delete(m);
  }
}

/* A README that opens in HTML (a centred <h1> holding a logo, a tagline in
 * <p>, rows of links) is titled and sectioned as its Markdown twin would
 * be: the logo's alt text is the title, the tagline its subtitle, link rows
 * are navigation, HTML headings open sections at their own lines. */
static void html_top(void **state) {
  (void)state;
  static const char doc[] =
    "<div align=\"center\">\n"                                            /* 1 */
    "  <h1><img src=\"logo.svg\" alt=\"Tachyon\" width=\"300\"></h1>\n"    /* 2 */
    "  <p><strong>Fast</strong> builds for <code>C++</code> &amp; Rust.</p>\n"
    "  <p>\n    <a href=\"#install\">Install</a> &bull;\n    <a href=\"https://docs.example.org\">Docs</a>\n  </p>\n"
    "  <p><a href=\"README.de.md\">Deutsch</a> | <a href=\"README.fr.md\">Fran\xC3\xA7" "ais</a></p>\n"
    "</div>\n\n"                                                          /* 9, 10 */
    "<h2 id=\"install\">Install</h2>\n"                                    /* 11 */
    "<p>Run the installer and follow the prompts until it finishes.</p>\n";  /* 12 */
  vgi_diags d;
  cJSON *m = load_text("htmltop.md", doc, NULL, &d);
  vgi_diags_free(&d);
  const cJSON *v = video_at(m, 0);
  assert_string_equal(sget(v, "title"), "Tachyon");
  assert_string_equal(vcget(scene_at(m, 0, 0), "subtitle"), "Fast builds for C++ & Rust.");
  assert_int_equal(said_in(m, "Docs"), 0);
  assert_int_equal(said_in(m, "Deutsch"), 0);
  int found = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    const char *h = vcget(sc, "header");
    if (h && !strcmp(h, "Install")) {
      found = 1;
      assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "source"), "line")->valueint, 12);
    }
  }
  assert_true(found);
  cJSON_Delete(m);
}

/* A closing remark after a list ("See the platform notes.") does not hide
 * the colon before the list: the items are said after the sentence that
 * introduces them, and before the remark. */
static void colon_list_before_remark(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("remark.md", "# Bench\n\n## Requirements\n\nThe library can be used with C++03.\n\n"
                       "The following minimum versions are required to build the library:\n\n"
                       "* GCC 4.8\n* Clang 3.4\n* Visual Studio 14 2015\n\n"
                       "See [Platform Instructions](docs/p.md) for more.\n\n## Other\n\nText here that is said.\n",
                       NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "required to build the library: GCC 4.8, Clang 3.4, and Visual Studio 14 2015."), 1);
  cJSON_Delete(m);
}

/* A call in a code span is said by its name: its empty brackets and the
 * statement's semicolon go ("remove BENCHMARK_MAIN above"). */
static void call_said_by_name(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("call.md", "# T\n\n## Usage\n\nLink against the benchmark_main library and remove "
                       "`BENCHMARK_MAIN();` above to get the same behavior.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "remove BENCHMARK_MAIN above"), 1);
  cJSON_Delete(m);
}

/* A summary says a changelog by its latest release (the first one), not
 * the older ones; --detail full says them all. A "News" section whose
 * subsections are no releases keeps them, and a document titled
 * "Changelog" is said by its first release. */
static void changelog_latest_release(void **state) {
  (void)state;
  vgi_diags d;
  const char *doc = "# Tool\n\nTool does things.\n\n## Install\n\nRun make.\n\n## Changelog\n\n"
                    "All notable changes are listed here.\n\n### 2.0 (2024-05-01)\n\n#### Added\n\n"
                    "- A new parser that reads faster.\n\n#### Fixed\n\n- A crash on empty input.\n\n"
                    "### 1.1\n\n- Old things that nobody needs.\n\n### v1.0\n\n- The first release.\n\n"
                    "## Support\n\nAsk on the mailing list.\n";
  cJSON *m = load_text("chg.md", doc, NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "A new parser that reads faster."), 1);
  assert_int_equal(said_in(m, "A crash on empty input."), 1);
  assert_int_equal(said_in(m, "Old things"), 0);
  assert_int_equal(said_in(m, "The first release"), 0);
  assert_int_equal(said_in(m, "Ask on the mailing list."), 1);
  cJSON_Delete(m);
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load_text("chg.md", doc, &full, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "Old things that nobody needs."), 1);
  cJSON_Delete(m);
  /* a series over its releases: the latest release of the latest series */
  m = load_text("series.md", "# Lib\n\nLib does things.\n\n## Release notes\n\n### Lib 3.0\n\n"
                "#### Changes between 3.0.1 and 3.0.2\n\n- A security fix for the parser.\n\n"
                "#### Changes between 3.0.0 and 3.0.1\n\n- An old fix nobody needs.\n\n"
                "### Lib 1.1\n\n#### Changes between 1.1.0 and 1.1.1\n\n- An older fix.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_true(said_in(m, "A security fix for the parser.") >= 1);
  assert_int_equal(said_in(m, "An old fix"), 0);
  assert_int_equal(said_in(m, "An older fix"), 0);
  cJSON_Delete(m);
  /* subsections that name no release are the document's own */
  m = load_text("news.md", "# Codes\n\nCodes for languages.\n\n# NEWS\n\n- A new standard is included.\n\n"
                "## ISO 639-2\n\nThis lists the letter codes of languages.\n\n"
                "## ISO 3166-1\n\nThis lists the codes of countries.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "This lists the codes of countries."), 1);
  cJSON_Delete(m);
  m = load_text("CHANGES.md", "# Changelog\n\n# tool 3.79\n\nTue, 27 Feb 2018\n\n- Catalan translation updated.\n\n"
                "# tool 3.78\n\n- German translation updated.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "Catalan translation updated"), 1);
  assert_int_equal(said_in(m, "German translation updated"), 0);
  assert_int_equal(said_in(m, "27 Feb"), 0);   /* its date is a stamp, not said */
  cJSON_Delete(m);
  /* a NEWS file: its title names the latest release; a list of releases
   * before them (no release itself) is passed by */
  char dir[64], path[96];
  snprintf(dir, sizeof dir, "/tmp/vgi_news_%d", (int)getpid());
  snprintf(path, sizeof path, "%s/NEWS.md", dir);
  mkdir(dir, 0700);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("tool 2.11.2 (8 January 2023)\n=====\n\n- Fix a crash in the parser.\n\n"
        "Releases\n--------\n\n- tool 2.11\n- tool 2.10\n\n"
        "tool 2.11.1 (15 November 2022)\n=====\n\n- Move the repository elsewhere.\n", f);
  fclose(f);
  m = load(path, NULL, &d);
  unlink(path);
  rmdir(dir);
  assert_non_null(m);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "Fix a crash in the parser."), 1);
  assert_int_equal(said_in(m, "Move the repository"), 0);
  cJSON_Delete(m);
}

/* Keep a Changelog keeps an empty "## [Unreleased]" over the releases: a
 * summary says the first release with something in it, never only the empty
 * one (every release was left out); an Unreleased with changes is the
 * latest, with or without a link definition for its brackets. */
static void changelog_empty_unreleased(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("CHANGELOG.md", "# Changelog\n\nAll notable changes to this project are listed here.\n\n"
                       "## [Unreleased]\n\n<!-- nothing yet -->\n\n### Added\n\n"
                       "## [1.2.0] - 2024-06-01\n\n### Added\n\n- A parser for the new format.\n\n"
                       "## [1.1.0] - 2024-01-01\n\n### Fixed\n\n- An old crash nobody remembers.\n\n"
                       "[unreleased]: https://example.org/compare/v1.2.0...HEAD\n"
                       "[1.2.0]: https://example.org/compare/v1.1.0...v1.2.0\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "A parser for the new format."), 1);
  assert_int_equal(said_in(m, "An old crash"), 0);
  cJSON_Delete(m);
  m = load_text("CHANGELOG.md", "# Changelog\n\nAll notable changes to this project are listed here.\n\n"
                "## [Unreleased]\n\n### Added\n\n- A feature still in the works.\n\n"
                "## [1.2.0] - 2024-06-01\n\n### Added\n\n- A parser for the new format.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "A feature still in the works."), 1);
  assert_int_equal(said_in(m, "A parser for the new format"), 0);
  cJSON_Delete(m);
}

/* A bold lead that several items of a list share ("- **Breaking:** Retired
 * …" twice, a changelog's "**compiler-core:**") is a tag, no term: each
 * bullet showed and said "Breaking" and nothing of its change; now every
 * item of that list is its whole text (one slide never mixes terms and
 * sentences). Leads that never repeat are still terms. */
static void shared_bold_leads(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("changes.md", "# Release 2.0\n\nThe second release of the tool.\n\n## Changed\n\n"
                       "- **Breaking:** Retired the old tagline for a new one.\n"
                       "- **Breaking:** Restructured the page into guidance.\n"
                       "- **Docs:** Reframed the answer about release notes.\n\n"
                       "## Parts\n\n- **Parser:** Reads the input files.\n- **Writer:** Writes the output files.\n",
                       NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(scene_with(m, "list", "Breaking: Retired the old tagline"));
  assert_non_null(scene_with(m, "list", "Breaking: Restructured the page"));
  assert_non_null(scene_with(m, "list", "Docs: Reframed the answer"));
  assert_true(said_in(m, "etired the old tagline") >= 1);
  assert_true(said_in(m, "estructured the page") >= 1);   /* said once, never dropped as a repeat */
  const cJSON *sc = scene_with(m, "list", "Reads the input files");
  const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "items");
  int terms = 0;
  for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
    const cJSON *t = cJSON_GetObjectItem(it, "title");
    terms += cJSON_IsString(t) && (!strcmp(t->valuestring, "Parser") || !strcmp(t->valuestring, "Writer"));
  }
  assert_int_equal(terms, 2);   /* leads of their own stay terms */
  cJSON_Delete(m);
}

/* A paragraph that opens about itself ("The following is information for
 * reporting bugs.") is said by its next sentence in a summary, unless that
 * one only points elsewhere. */
static void meta_sentence_passed(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("meta.md", "# Bugs\n\n## Reporting\n\nThe following is information for reporting bugs. "
                       "Check the bug tracker first, since the bug may already be known.\n\n"
                       "## History\n\nHere are the notes of the project. For more details please see the "
                       "changes file in the source tree.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_true(said_in(m, "Check the bug tracker first") >= 1);
  assert_int_equal(said_in(m, "The following is information"), 0);
  assert_true(said_in(m, "Here are the notes of the project.") >= 1);
  cJSON_Delete(m);
}

/* "." and ".." alone in a command are folders, not full stops: the shown
 * point keeps the rest of its sentence and the narration says them as a
 * presenter reads them ("run cmake dot in the root directory"). */
static void dot_folders_in_commands(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("dots.md", "# Tool\n\nTool builds things.\n\n## Build\n\n"
                       "To use cmake run `cmake .` in the root directory. Then run `cd ..` to go up.\n\n"
                       "Run the tests. Then stop.\n", &full, &d);
  vgi_diags_free(&d);
  assert_true(said_in(m, "run cmake dot in the root directory.") >= 1);
  assert_true(said_in(m, "Then run cd dot dot to go up.") >= 1);
  assert_int_equal(said_in(m, "In the root"), 0);
  assert_true(said_in(m, "Run the tests. Then stop.") >= 1);   /* a full stop stays one */
  char *all = cJSON_PrintUnformatted(m);
  assert_non_null(strstr(all, "run cmake . in the root directory"));
  free(all);
  cJSON_Delete(m);
}

/* A summary of a section the adapter paged keeps one slide, not pages of
 * one bullet each under the same heading. */
static void summary_pages_joined(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Tool\n\nTool runs tests.\n\n");
  /* prose enough that the summary keeps a few points of each section */
  for (int i = 1; i <= 6; i++) {
    doc_add("## Topic %d\n\n", i);
    for (int j = 0; j < 4; j++)
      doc_add("Topic %d part %d explains how the tool handles case number %d in detail. It checks the input, "
              "reports every problem with its line, and goes on with the next file when it can.\n\n", i, j, j);
  }
  doc_add("%s",
      "## Related Projects\n\n"
      "Runner is a Qt5 based automated test-runner and graphical user interface with powerful features for "
      "Windows and Linux platforms.\n\n"
      "Bar UI is a test runner that runs your test binary, allows you to track its progress via a progress bar, "
      "and displays a list of test failures. Clicking on one shows failure text.\n\n"
      "TAP Listener is an event listener that implements the TAP protocol for test result output. If your "
      "test runner understands TAP, you may find it useful.\n\n"
      "Parallel is a test runner that runs tests from your binary in parallel to provide significant "
      "speed-up.\n\n"
      "Adapter is an editor extension allowing to view the tests in a tree view and run or debug your tests.\n\n"
      "TestMate is an editor extension allowing to view the tests in a tree view and run or debug them.\n\n"
      "Cornichon is a small Gherkin DSL parser that generates stub code for the tests.\n");
  vgi_diags d;
  cJSON *m = load_text("pages.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  int lists = 0, items = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    const char *h = vcget(sc, "header");
    if (!h || strcmp(h, "Related Projects")) continue;
    lists++;
    items += cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(sc, "visual_content"), "items"));
    assert_non_null(strstr(sget(sc, "narration"), "Runner is a Qt5"));
  }
  assert_int_equal(lists, 1);
  assert_true(items >= 2 && items <= 4);
  cJSON_Delete(m);
  /* the complete reading keeps its pages */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load_text("pages.md", doc_s, &full, &d);
  vgi_diags_free(&d);
  lists = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const char *h = vcget(scene_at(m, 0, i), "header");
    lists += h && !strcmp(h, "Related Projects");
  }
  assert_true(lists >= 2);
  cJSON_Delete(m);
}

/* A sentence said from a lower-case item or label opens with a capital
 * when its first word is a common one ("Internal code changes."); a name
 * written in lower case keeps its letters ("zstd is fast."). */
static void sentence_starts_capital(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("caps.md", "# Tool\n\nTool does things.\n\n## Changes\n\n**Other changes**\n\n"
                       "- internal code changes\n\n## Speed\n\n**Fast**\n\n- zstd is fast\n", &full, &d);
  vgi_diags_free(&d);
  assert_true(said_in(m, "Internal code changes.") >= 1);
  assert_true(said_in(m, "zstd is fast.") >= 1);
  cJSON_Delete(m);
}

/* A bare code block is named by what it holds: commands are "shell",
 * what a program printed "output", a diagram "text"; so the slide never
 * colours a help listing as Python by a guess. A fence's own language stays. */
static void bare_code_named_by_kind(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("bare.md", "# T\n\n## Run\n\n```\n$ make\n$ make install\n```\n\n"
                       "## Help\n\nThis is the result:\n\n```\nUsage: tool [OPTIONS] INPUT\n\nARGUMENTS:\n"
                       "  INPUT     path to the input file (required)\n```\n\n"
                       "## Output\n\n```\n[INFO] 2024-01-02 10:00:01 started\n[INFO] 2024-01-02 10:00:02 done\n```\n\n"
                       "## Lua\n\n```lua\nlocal x = 1\n```\n\n"
                       "## Tests\n\n```\nluarocks install busted\ncd /path/to/lua_cliargs/\nbusted spec\n```\n", &full, &d);
  vgi_diags_free(&d);
  const char *want[] = { "shell", "text", "output", "lua", "shell" };
  int k = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    if (strcmp(sget(s, "scene_type"), "command")) continue;
    assert_true(k < 5);
    assert_string_equal(vcget(s, "language"), want[k]);
    k++;
  }
  assert_int_equal(k, 5);
  cJSON_Delete(m);
}

/* A code block no prose introduces is said by its language's name ("An
 * example in JavaScript.", not "in Js."). */
static void code_language_named(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("codelang.md", "# T\n\n## A\n\n```js\nconst a = 1;\n```\n\n## B\n\n```cpp\nint x;\n```\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "An example in JavaScript."), 1);
  assert_int_equal(said_in(m, "An example in C++."), 1);
  cJSON_Delete(m);
}

/* A summary says a long sentence by its headline only when that is a whole
 * statement: a cut before "to keep you informed" or inside "6 business
 * days" is said whole; a main clause whose address is not said stays, so the
 * opening "If …" clause is never said alone. */
static void spoken_headlines_whole(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("spoken.md", "# Security\n\n## Reporting\n\n"
      "Report security bugs via the tracker.\n\n"
      "After the initial reply to your report, the security team will endeavor to keep you informed of the "
      "progress being made towards a fix and full announcement, and may ask for additional information.\n\n"
      "If you do not receive an acknowledgement of your report within 6 business days, or if you cannot find "
      "a private security contact for the project, you may escalate to the foundation at "
      "`security@example.org`.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "will endeavor."), 0);
  assert_int_equal(said_in(m, "for the project."), 0);
  assert_int_equal(said_in(m, "endeavor to keep you informed"), 1);
  assert_int_equal(said_in(m, "ou may escalate to the foundation"), 1);
  cJSON_Delete(m);
}

/* Every bullet a slide shows of a document (list items' titles and strings). */
static int shown_is(const cJSON *m, const char *want, int exact) {
  int n = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
      const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "title");
      if (t) n += exact ? !strcmp(t, want) : strstr(t, want) != NULL;
    }
  }
  return n;
}

/* A headline is a statement: not an opening phrase alone ("With the
 * String type, | in order to …, we need …" was said "With the String
 * type. This means:"), not a clause cut at a comma inside brackets ("(e.g.
 * Copilot, ChatGPT, | Cursor, etc.) to help …" showed "Etc.) to help
 * write …"). */
/* A summary keeps the lead of a list that follows a section's table: the
 * table says its rows, the list is what the section goes on to say (it was
 * left out as a section's later detail). */
static void list_after_table_kept(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("README.md",
                       "# Gadget\n\nGadget turns axles at a chosen ratio.\n\n## Platforms\n\n"
                       "| System | Status |\n| --- | --- |\n| Linux | supported |\n| Windows | beta |\n\n"
                       "Before you build, check these points:\n\n"
                       "- **Compiler**: a C11 compiler such as GCC 12 or Clang 15 is needed.\n"
                       "- **Libraries**: libpng and zlib must be installed with their headers.\n"
                       "- **Disk**: about two gigabytes are needed for a full build.\n\n"
                       "## Usage\n\nRun gadget with a ratio and it turns the axles.\n",
                       NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(scene_with(m, "table", "Linux"));
  const cJSON *s = scene_with(m, "list", "Compiler");
  assert_non_null(s);
  assert_non_null(strstr(sget(s, "narration"), "Before you build"));
  cJSON_Delete(m);
}

/* A list longer than a slide is shared out evenly: seventeen items of
 * fourteen words (seven fit a slide's reading) are slides of 6, 6 and 5,
 * never 7, 7 and 3 (git-help.1's options were 6, 3, 1 and 1). */
static void list_slides_even(void **state) {
  (void)state;
  vgi_buf doc = {0};
  const char *head = "# Tool\n\n## Options\n\n";
  vgi_buf_add(&doc, head, strlen(head));
  for (int i = 1; i <= 17; i++) {
    char line[160];
    int n = snprintf(line, sizeof line, "- Option %d sets how the tool reads its input files before it writes them out\n", i);
    vgi_buf_add(&doc, line, (size_t)n);
  }
  vgi_buf_add(&doc, "", 1);
  vgi_diags d = {0};
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("README.md", doc.s, &full, &d);
  vgi_diags_free(&d);
  vgi_buf_free(&doc);
  int sizes[8], n = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(sc, "visual_content"), "items");
    if (items && n < 8) sizes[n++] = cJSON_GetArraySize(items);
  }
  assert_int_equal(n, 3);
  assert_int_equal(sizes[0], 6);
  assert_int_equal(sizes[1], 6);
  assert_int_equal(sizes[2], 5);
  cJSON_Delete(m);
}

/* An ellipsis glued to a name in code before a lower-case word ("a
 * `cJSON_Create...` function that …", cJSON's README) does not end the
 * sentence: its headline was "… there is a cJSON_Create". One before a
 * capital still does. */
static void ellipsis_in_code_goes_on(void **state) {
  (void)state;
  const char *s = "For every value type there is a cJSON_Create... function that can be used to create an item of "
                  "that type. Then it is added.";
  assert_int_equal(vgi_first_sentence(s), strstr(s, " Then") - s);
  char *h = vgi_headline(s);
  print_message("headline: %s\n", h);
  assert_non_null(strstr(h, "cJSON_Create... function"));
  free(h);
  const char *t = "It waits for the lock to be released... Then it writes the file.";
  assert_int_equal(vgi_first_sentence(t), strstr(t, " Then") - t);
}

/* A headline cut from a long sentence never leaves a fragment of a
 * phrase: a gerund after its preposition without its complement ("create
 * menus by reading | from stdin"), a list of names before its last member
 * ("akin to sed,awk,grep, | and friends"), an adjective before its noun
 * after a comma ("very old, unsupported | operating systems"). */
static void headlines_never_cut_inside_a_phrase(void **state) {
  (void)state;
  static const char *const sentences[] = {
    "rofi is a graphical launch menu application that is able to create menus by reading from stdin.",
    "jq is a lightweight and flexible command-line JSON processor akin to sed,awk,grep, and friends for "
    "JSON data.",
    "The maintainers decided to drop their patches for old, unsupported operating systems completely "
    "because nobody uses them.",
  };
  /* the words a fragment ended on */
  static const char *const fragment_ends[] = { "able", "reading", "sed,awk,grep", "old", "unsupported", NULL };
  int fails = 0;
  for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++) {
    char *h[2] = { vgi_headline(sentences[i]), vgi_shown_headline(sentences[i]) };
    for (int k = 0; k < 2; k++) {
      print_message("%s: %s\n", k ? "shown" : "headline", h[k]);
      size_t hl = strlen(h[k]);
      while (hl && strchr(".,;:", h[k][hl - 1])) h[k][--hl] = 0;
      const char *last = strrchr(h[k], ' ');
      for (int w = 0; last && fragment_ends[w]; w++) fails += !strcmp(last + 1, fragment_ends[w]);
      fails += vgi_word_count(h[k]) < 3;
      free(h[k]);
    }
  }
  assert_int_equal(fails, 0);
}

/* A headline cut from a long sentence never ends on a word that waits for
 * what the cut left out, in any language with clause words: an article or
 * a preposition ("stockent à la"), a negation ("rezultate nu"), an
 * auxiliary without its verb ("but it has been", "Optionen können"), a
 * subject a modal put after itself ("kunt u") or one a conjunction opens
 * a clause with ("but it"). A German verb-final auxiliary after its
 * participle ends a clause and stays. */
static void headlines_never_end_waiting(void **state) {
  (void)state;
  const char *const sentences[] = {
    "11. yes ou no indique si tous les en-t\xC3\xAAtes de bloc stockent \xC3\xA0 la fois la taille "
    "compress\xC3\xA9" "e et la taille d\xC3\xA9" "compress\xC3\xA9" "e.",
    "Cele de mai sus \xC3\xAEnseamn\xC4\x83 c\xC4\x83 odat\xC4\x83 ce op\xC8\x9Biunea --rsyncable a fost "
    "utilizat\xC4\x83, fi\xC8\x99ierele rezultate nu vor fi neap\xC4\x83rat sincronizate cu rsync dec\xC3\xA2t "
    "dac\xC4\x83 at\xC3\xA2t fi\xC8\x99ierele vechi, c\xC3\xA2t \xC8\x99i cele noi au fost comprimate cu "
    "aceea\xC8\x99i versiune xz.",
    "Indien u op een niet-interactieve manier wilt configureren, kunt u in de plaats daarvan de optie --set "
    "gebruiken (zie hierna).",
    "Der voreingestellte regul\xC3\xA4re Ausdruck und Muster f\xC3\xBCr beide Optionen k\xC3\xB6nnen in der "
    "Ausgabe des Befehls --help gesehen werden.",
    "Zstd isn't as old as gzip but it has been around for time now and its evolution is very well documented "
    "via past Github issues and pull requests.",
  };
  static const char *const waiting[] = { "la", "nu", "u", "k\xC3\xB6nnen", "been", "it", "has", "\xC3\xA0", NULL };
  for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++) {
    char *h[2] = { vgi_headline(sentences[i]), vgi_shown_headline(sentences[i]) };
    for (int k = 0; k < 2; k++) {
      print_message("%s: %s\n", k ? "shown" : "headline", h[k]);
      const char *last = strrchr(h[k], ' ');
      assert_non_null(last);
      last++;
      for (int w = 0; waiting[w]; w++) assert_string_not_equal(last, waiting[w]);
      assert_true(vgi_word_count(h[k]) >= 3 && (k || vgi_word_count(h[k]) <= 16));
      free(h[k]);
    }
  }
  /* a clause that ends on its auxiliary after the participle keeps it */
  assert_int_equal(vgi_dangling_end("Die Ausgabe kann gesehen werden", 31), 0);
  assert_int_equal(vgi_dangling_end("Die Optionen k\xC3\xB6nnen", 20), 1);
  assert_int_equal(vgi_dangling_end("dans le", 7), 1);
  /* Arabic's function words wait too ("don't use words such as") */
  const char *ar = "لا تستخدم كلمات مثل";
  assert_int_equal(vgi_dangling_end(ar, strlen(ar)), 1);
  const char *ar_whole = "لا تستخدم كلمات مثل الأفضل في وصف الكتب";
  assert_int_equal(vgi_dangling_end(ar_whole, strlen(ar_whole)), 0);
  /* a word that closes an aside ends it; a pronoun after a preposition is its object */
  assert_int_equal(vgi_dangling_end("It must be enclosed in braces (see EXPANSION below)", 51), 0);
  assert_int_equal(vgi_dangling_end("Most profilers will generate a call graph of functions for you", 62), 0);
  assert_int_equal(vgi_dangling_end("Zstd isn't as old as gzip but it", 32), 1);
}

static void headlines_are_statements(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "# Strings\n\nStrings hold text of any length.\n\n## Memory\n\n"
      "In the case of a string literal, we know the contents at compile time, so the text is hardcoded directly "
      "into the final executable. This is why string literals are fast and efficient.\n\nWith the `String` type, in order "
      "to support a mutable, growable piece of text, we need to allocate an amount of memory on the heap, "
      "unknown at compile time, to hold the contents. This means:\n\n"
      "- The memory must be requested from the memory allocator at runtime.\n"
      "- We need a way of returning this memory to the allocator when we are done with our `String`.\n", NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  print_message("%s", all);
  assert_null(strstr(all, "String type."));
  free(all);
  cJSON_Delete(m);
  m = load_text("CONTRIBUTING.md", "# T\n\nIntro.\n\n## Rules\n\n> **Note:** If you use AI tools (e.g. Copilot, "
      "ChatGPT, Claude, Cursor, etc.) to help write your contribution, you must disclose this in your PR "
      "description. There is no penalty.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(shown_is(m, "Etc.)", 0), 0);
  assert_int_equal(shown_is(m, "You must disclose this in your PR description", 1), 1);
  cJSON_Delete(m);
}

/* A headline never ends on a quantifier that waits for its noun ("the
 * execution order of various | timing runs": "timing" looks like a
 * gerund, a place to cut). */
static void headline_not_cut_after_quantifier(void **state) {
  (void)state;
  char *h = vgi_headline("The following chart explains the execution order of various timing runs when using "
                         "options like --warmup, --prepare <cmd>, --setup <cmd> or --cleanup <cmd>:");
  char *sh = vgi_shown_headline("The following chart explains the execution order of various timing runs when "
                                 "using options like --warmup, --prepare <cmd>, --setup <cmd> or --cleanup <cmd>:");
  print_message("headline: %s | shown: %s\n", h, sh);
  size_t l = strlen(h), sl = strlen(sh);
  assert_true(l < 8 || strcmp(h + l - 8, " various"));
  assert_true(sl < 8 || strcmp(sh + sl - 8, " various"));
  free(h);
  free(sh);
}

/* A headline is not cut between a verb and the particle it means nothing
 * without ("you may bump | into …", "can better cope | with …", "rely |
 * on …"). */
static void headline_keeps_phrasal_verbs(void **state) {
  (void)state;
  static const char *const cases[][2] = {
    { "If you are using a non-English Windows environment, you may bump into an `Encoding::UndefinedConversionError` "
      "when invoking Asciidoctor.", " bump" },
    { "Rewritten key selection code so that GnuPG can better cope with multiple subkeys, expired keys and revoked keys.",
      " cope" },
    { "Remove the obsolete specific vendor_url for each PolicyKit authorisation and rely on the packagekit homepage "
      "instead of it.", " rely" } };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *h = vgi_headline(cases[i][0]);
    size_t l = strlen(h), e = strlen(cases[i][1]);
    if (l >= e && !strcmp(h + l - e, cases[i][1])) fail_msg("cut after its verb: %s", h);
    free(h);
  }
}

/* A headline is not cut inside a coordination: not in a comparison before
 * its "than" or one word after it, nor before the "and" that ends a series
 * ("installation, upgrade | and removal"). */
static void headlines_whole_coordination(void **state) {
  (void)state;
  static const char *const cases[][3] = {
    { "We recommend browsing the documentation on GitHub Pages rather than directly in the repository.",
      "We recommend browsing the documentation on GitHub Pages rather than directly in the repository",
      "We recommend browsing the documentation on GitHub Pages rather than directly in the repository" },
    { "apt-get for retrieval of packages and information about them from authenticated sources and for "
      "installation, upgrade and removal of packages together with their dependencies",
      "apt-get for retrieval of packages and information about them from authenticated sources",
      "apt-get for retrieval of packages and information about them from authenticated sources" },
    { "The package installs tools for building, testing, packaging and publishing of the libraries that the "
      "project ships to users.",
      "The package installs tools for building, testing, packaging and publishing",
      "The package installs tools for building, testing, packaging and publishing of the libraries" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *h = vgi_headline(cases[i][0]), *sh = vgi_shown_headline(cases[i][0]);
    print_message("headline: %s | shown: %s\n", h, sh);
    assert_string_equal(h, cases[i][1]);
    assert_string_equal(sh, cases[i][2]);
    free(h);
    free(sh);
  }
}

/* A headline cut to a shorter clause ends where a phrase ends: not before
 * the short last member of a coordination ("faster compression | and
 * decompression speed", "a bug bounty program for security researchers |
 * and responsible public disclosures"), not after a participle its phrase
 * completes ("…, intended | for"), a verb or an infinitive without its
 * object ("functions to read | from"), or an adjective without its
 * complement ("is now compatible | with"), nor after the verb of a
 * relative clause ("that necessitated | extending"); "speed" is no
 * participle. A shorter whole clause is kept, else the sentence. */
static void cuts_whole_phrases(void **state) {
  (void)state;
  static const char *const cases[][2] = {
    { "The negative compression levels, specified with `--fast=#`, offer faster compression and decompression speed "
      "at the cost of compression ratio.",
      "The negative compression levels, specified with `--fast=#`, offer faster compression and decompression speed" },
    { "The Node.js project engages in an official bug bounty program for security researchers and responsible public "
      "disclosures.",
      "The Node.js project engages in an official bug bounty program" },
    { "libjpeg-turbo is a JPEG image codec that uses SIMD instructions to accelerate baseline JPEG compression and "
      "decompression on x86, x86-64, Arm, PowerPC, and MIPS systems, as well as progressive JPEG compression on x86.",
      "libjpeg-turbo is a JPEG image codec" },
    { "There is a USENET newsgroup, \"comp.lang.tcl\", intended for the exchange of information about Tcl, Tk, and "
      "related applications.",
      "There is a USENET newsgroup, \"comp.lang.tcl\", intended for the exchange of information about Tcl, Tk, and "
      "related applications" },
    { "Fix assertion failure on man -l with an uncompressed page and any of --no-hyphenation, --no-justification, or "
      "a non-English page.",
      "Fix assertion failure on man -l with an uncompressed page" },
    { "With libjpeg v7 and v8, new features were added that necessitated extending the compression and decompression "
      "structures.",
      "With libjpeg v7 and v8, new features were added" },
    { "The output format of the new exporter is now compatible with the files that older releases wrote and read.",
      "The output format of the new exporter is now compatible with the files" },
    /* "etc." before a lower-case word ends no sentence (vgi_first_sentence) */
    { "Patches etc. are welcome.", "Patches etc. are welcome" },
    /* a version in brackets is an aside, never where the headline is cut */
    { "This is the new version (1.47.0) of the second extended file system management programs.",
      "This is the new version of the second extended file system management programs" },
    /* a main clause that keeps the sentence's own end keeps its last word
     * (the Rust book's "…, it does take some time to get used to.") */
    { "Because ownership is a new concept for many programmers, it does take some time to get used to.",
      "It does take some time to get used to" },
    /* a short aside inside the sentence goes when what is left fits whole
     * (mpv's "mpv is a free (as in freedom) media player …" was "mpv is a
     * free") */
    { "mpv is a free (as in freedom) media player for the command line.",
      "mpv is a free media player for the command line" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *sh = vgi_shown_headline(cases[i][0]);
    print_message("shown: %s\n", sh);
    assert_string_equal(sh, cases[i][1]);
    free(sh);
  }
  /* the cut after the detail went (tail_out) ends on a phrase too */
  static const char *const not_at_end[][2] = {
    { "The ZVBI library provides functions to read from Linux V4L, V4L2 and FreeBSD BKTR raw VBI capture devices, "
      "from Linux DVB devices and from a VBI proxy to share V4L and V4L2 VBI devices between multiple applications.",
      "to read" },
    { "Added TW glyph uni4E15-TW to be consistent with uni4F3E-TW and uni576F-TW, as the other regions do. See Issue 38.",
      "consistent" },
  };
  for (size_t i = 0; i < sizeof not_at_end / sizeof *not_at_end; i++) {
    char *sh = vgi_shown_headline(not_at_end[i][0]);
    size_t l = strlen(sh), e = strlen(not_at_end[i][1]);
    print_message("shown: %s\n", sh);
    assert_true(l >= e && strcmp(sh + l - e, not_at_end[i][1]) != 0);
    free(sh);
  }
}

/* Lower-case items a colon announces that name things are said as one
 * sentence, the object of the one before the colon: their noun phrases
 * (before a colon, a bracket or a relative clause), joined, not one
 * fragment after another ("…: plain text files in any encoding. Compressed
 * archives with a manifest: tar.gz or zip."). */
static void colon_items_joined(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("colon.md", "# Fetcher\n\n## Inputs\n\n"
      "Fetcher reads from several kinds of sources. It accepts the following inputs:\n\n"
      "- plain text files in any encoding\n"
      "- compressed archives with a manifest: `tar.gz` or `zip`\n"
      "- remote sources that are fetched over HTTPS\n"
      "- a single directory tree which can be watched for changes (one at a time)\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "It accepts the following inputs: plain text files in any encoding, compressed archives "
                              "with a manifest, remote sources, and a single directory tree."), 1);
  cJSON_Delete(m);
  /* items that are sentences stay sentences */
  m = load_text("colon2.md", "# Fetcher\n\n## Rules\n\n"
      "Fetcher follows a few rules when it reads a source:\n\n"
      "- every file is read once and its checksum is kept\n"
      "- a source that fails is retried three times\n"
      "- nothing is written until the whole source was read\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "every file is read once and its checksum is kept. A source that fails is retried"), 1);
  cJSON_Delete(m);
}

/* When a summary keeps one key point of a scene, it is one that says what
 * the thing is or does, not the first by position when that only refers
 * back ("Previous charts …", "As shown above, …"). */
static void key_point_by_content(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options brief = { .duration = 25 };
  cJSON *m = load_text("rank.md", "# Packer\n\n## Small inputs\n\n"
      "Previous charts give results for typical archives of several megabytes. Small inputs behave differently.\n\n"
      "The smaller the input, the harder it is to pack. Every packer learns from what it has read so far.\n\n"
      "To solve this, Packer offers a training mode, which tunes it for one kind of data. Training takes a few "
      "samples.\n\n"
      "## Output\n\n"
      "As shown above, the output is a single file. It keeps the original names.\n\n"
      "The output file holds a table of contents at its end, so a reader can list it quickly.\n", &brief, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "Previous charts"), 0);
  assert_int_equal(said_in(m, "Packer offers a training mode"), 1);
  assert_int_equal(said_in(m, "As shown above"), 0);
  assert_int_equal(said_in(m, "The output file holds a table of contents"), 1);
  cJSON_Delete(m);
}

/* A bullet on a slide is a whole statement, never a leading fragment
 * (sentences of Node.js's SECURITY.md, in prose and in a list; with room
 * for all of them, so no length rule leaves one out): a headline
 * cut before an infinitive, before the verb of its subject, or inside an
 * opening clause is shown as its whole clause or its sentence; a headline
 * that is whole stays short. */
static void shown_headlines_whole(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options roomy = { .duration = 600 };
  cJSON *m = load_text("shown.md", "# Security\n\n## Reporting\n\n"
      "Report security bugs via the tracker.\n\n"
      "After the initial reply to your report, the security team will endeavor to keep you informed of the "
      "progress being made towards a fix and full announcement, and may ask for additional information or "
      "guidance surrounding the reported issue.\n\n"
      "## Threat model\n\n"
      "For a vulnerability to be eligible for a bug bounty, it must be a vulnerability in the context of the "
      "Node.js threat model.\n\n"
      "Any unexpected behavior from the data manipulation from Node.js Internal functions may be considered a "
      "vulnerability if they are exploitable via untrusted resources.\n\n"
      "## Policy\n\n"
      "- A suggested embargo date for this vulnerability is chosen and a CVE (CVE\xC2\xAE is a standard for "
      "information security vulnerability names and maintained by MITRE) is requested for the vulnerability.\n"
      "- Zstd can also offer stronger compression ratios at the cost of compression speed and more memory.\n\n"
      "## Amending\n\n"
      "Note that, just like with a rebase, amending replaces the old commit with a new one, so you must force push "
      "your changes if you have already pushed the commit to your remote before amending it.\n", &roomy, &d);
  vgi_diags_free(&d);
  assert_int_equal(shown_is(m, "the security team will endeavor", 0) - shown_is(m, "endeavor to keep you", 0), 0);
  assert_int_equal(shown_is(m, "After the initial reply to your report, the security team will endeavor to keep you "
                               "informed of the progress being made towards a fix and full announcement", 1), 1);
  assert_int_equal(shown_is(m, "For a vulnerability to be eligible", 1), 0);
  /* (seventeen words: the adjunct goes) */
  assert_int_equal(shown_is(m, "For a vulnerability to be eligible for a bug bounty, it must be a vulnerability", 1), 1);
  assert_int_equal(shown_is(m, "Any unexpected behavior from the data manipulation", 1), 0);
  /* (seventeen words without the bracket: the adjunct goes) */
  assert_int_equal(shown_is(m, "A suggested embargo date for this vulnerability is chosen and a CVE is requested", 1), 1);
  assert_int_equal(shown_is(m, "Zstd can also offer stronger compression ratios", 1), 1);
  /* a clause "that" opens and an aside interrupts: shown and said on to its verb */
  assert_int_equal(shown_is(m, "Note that, just like with a rebase", 1), 0);
  assert_int_equal(said_in(m, "just like with a rebase."), 0);
  assert_int_equal(shown_is(m, "Note that, just like with a rebase, amending replaces the old commit with a new one", 1), 1);
  cJSON_Delete(m);
}

/* A long sentence is shown to its first main-clause mark when one is
 * there: two hyphens typed for a dash count as a dash, and the
 * conjunctions "porém", "cependant", "jedoch" end a clause as "but" does
 * (the Portuguese and German guides showed 27-29 words in one bullet). */
static void shown_clause_marks(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("marks.md", "# Guia\n\n## Meta\n\n"
      "- Fluência na linha de comando é uma habilidade muitas vezes negligenciada ou considerada obsoleta, porém "
      "ela aumenta sua flexibilidade e produtividade como desenvolvedor de diversas maneiras, sutis ou não.\n"
      "- Incluímos tanto comandos no Unix padrão quanto comandos que requeiram instalação de pacotes adicionais "
      "-- desde que estes sejam importantes o suficiente para merecerem sua inclusão nessa lista.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(shown_is(m, "Fluência na linha de comando é uma habilidade muitas vezes negligenciada ou "
                               "considerada obsoleta", 1), 1);
  assert_int_equal(shown_is(m, "Incluímos tanto comandos no Unix padrão quanto comandos que requeiram instalação de "
                               "pacotes adicionais", 1), 1);
  cJSON_Delete(m);
}

/* "There are three support tiers:" is followed by three names, never
 * fewer (Node.js's BUILDING.md: the list went on in a second scene, which a
 * summary left out, so two were said): a counted list stays on one slide
 * and its narration names all it counts, or, when the items are long, ends
 * at the count. Both detail modes. */
static void counted_items_all_named(void **state) {
  (void)state;
  const char *desc = "These platforms represent the majority of Node.js users, and the build working group maintains "
                     "infrastructure for full test coverage, so test failures on them will block releases.";
  doc_n = 0;
  doc_add("# Building\n\nNode.js runs on many platforms.\n\n## Strategy\n\nThere are three support tiers:\n\n"
          "* **Tier 1**: %s\n* **Tier 2**: %s Infrastructure issues may delay the release of binaries.\n"
          "* **Experimental**: May not compile or test suite may not pass. %s\n\n"
          "## Steps\n\nThe guide has four steps:\n\n"
          "- Install the compiler and the headers that the build needs on your system\n"
          "- Fetch the sources of the project from its repository with git\n"
          "- Configure the build with the options your platform needs for it\n"
          "- Build and test everything with make and run the test suite\n", desc, desc, desc);
  vgi_options modes[2] = { {0}, { .detail = VGI_DETAIL_FULL } };
  for (int k = 0; k < 2; k++) {
    vgi_diags d;
    cJSON *m = load_text("counted.md", doc_s, &modes[k], &d);
    vgi_diags_free(&d);
    assert_int_equal(said_in(m, "There are three support tiers: Tier 1, Tier 2, and Experimental."), 1);
    int tiers_scenes = 0;
    for (int i = 0; i < scene_count(m, 0); i++) {
      const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
      for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
        const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "title");
        if (t && !strcmp(t, "Tier 1")) {
          tiers_scenes++;
          assert_int_equal(cJSON_GetArraySize(items), 3);
        }
      }
    }
    assert_int_equal(tiers_scenes, 1);
    /* four long steps, each said: after the colon, every one (never the
     * count and three of them, the first left out) */
    assert_int_equal(said_in(m, "The guide has four steps. Fetch"), 0);
    assert_int_equal(said_in(m, "The guide has four steps: Install the compiler and the headers that the build needs on "
                                "your system. Fetch the sources"), 1);
    cJSON_Delete(m);
  }
}

/* Steps its sentence counts, each a heading over its detail (zoxide's
 * "can be installed in 4 easy steps:"), are said once: each step with the
 * detail the summary kept, never first named in a row and then again one
 * by one ("… 4 easy steps: install binary, Setup zoxide on your shell, …
 * Install binary. zoxide runs on …"). */
static void counted_steps_said_once(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "# zoxide\n\nzoxide is a smarter cd command.\n\n## Installation\n\n"
                       "zoxide can be installed in 4 easy steps:\n\n1. **Install binary**\n\n"
                       "   zoxide runs on most major platforms. If your platform isn't listed below, open an issue.\n\n"
                       "2. **Setup zoxide on your shell**\n\n   To start using zoxide, add it to your shell.\n\n"
                       "3. **Install fzf**\n\n   fzf is a command-line fuzzy finder.\n\n"
                       "4. **Import your data**\n\n   If you use any of these plugins, import your data.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "Install binary. zoxide runs on most major platforms."), 1);
  for (int i = 0; i < scene_count(m, 0); i++) {
    const char *n = sget(scene_at(m, 0, i), "narration"), *f = strstr(n, "nstall fzf");
    if (f && strstr(f + 1, "nstall fzf")) fail_msg("a step said twice: %s", n);
  }
  cJSON_Delete(m);
}

/* A command in a list of install commands, set apart from its platform
 * ("Windows — winget install --id FiloSottile.age"), is a command line:
 * named by its program when it has an option, never read with its option
 * named in the middle ("winget install the id option FiloSottile.age"); a
 * package's dotted id after an option is its value, not prose. */
static void pair_command_named_whole(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "# age\n\nage is a simple file encryption tool.\n\n## Installation\n\n"
                       "- Windows: `winget install --id FiloSottile.age`\n- Linux: `apt install age`\n"
                       "- Mac: `brew install age`\n\n## Run\n\nThen run `winget install --id FiloSottile.age` to "
                       "get it on Windows.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "the id option"), 0);
  assert_int_equal(said_in(m, "Windows \xE2\x80\x94 the winget install command;"), 1);
  assert_int_equal(said_in(m, "Then run the winget install command to get it"), 1);
  cJSON_Delete(m);
}

/* A bracket around links ("MIT license ([LICENSE-MIT](LICENSE-MIT) or
 * <https://opensource.org/licenses/MIT>)", uv's README) keeps its close on
 * the slide when the address is shown by its host and path, and goes whole
 * from the voice, which drops the address: never "(LICENSE-MIT or)". */
static void bracket_of_links(void **state) {
  (void)state;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("README.md", "# T\n\nIntro text here.\n\n## Licenses\n\n"
                       "- MIT license ([LICENSE-MIT](LICENSE-MIT) or <https://opensource.org/licenses/MIT>)\n"
                       "- BSD license (see https://opensource.org/licenses/BSD) is good\n"
                       "- Apache license (<https://opensource.org/licenses/A>) is fine\n", &full, &d);
  vgi_diags_free(&d);
  assert_int_equal(shown_is(m, "MIT license (LICENSE-MIT or opensource.org/licenses/MIT)", 1), 1);
  assert_int_equal(shown_is(m, "BSD license (see opensource.org/licenses/BSD) is good", 1), 1);
  assert_int_equal(shown_is(m, "Apache license opensource.org/licenses/A is fine", 1), 1);
  assert_int_equal(said_in(m, "or)"), 0);
  assert_int_equal(said_in(m, "MIT license"), 1);
  cJSON_Delete(m);
  /* a stem "either of" over its items names alternatives: "either A or B" */
  m = load_text("README.md", "# uv\n\nuv is a fast package manager.\n\n## License\n\nuv is licensed under either of\n\n"
                "- Apache License, Version 2.0, ([LICENSE-APACHE](LICENSE-APACHE) or\n"
                "  <https://www.apache.org/licenses/LICENSE-2.0>)\n"
                "- MIT license ([LICENSE-MIT](LICENSE-MIT) or <https://opensource.org/licenses/MIT>)\n\n"
                "at your option.\n", &full, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "uv is licensed under either Apache License, Version 2.0 or MIT license"), 1);
  assert_int_equal(shown_is(m, "MIT license (LICENSE-MIT or opensource.org/licenses/MIT)", 1), 1);
  cJSON_Delete(m);
}

/* An item whose colon opens a table or a picture the list does not hold
 * ("Changes how often zoxide increments a directory's score:" over a table
 * of hooks) is shown without the colon, which opened nothing on the slide;
 * a colon over nested items stays. */
static void item_colon_over_dropped_block(void **state) {
  (void)state;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_options *modes[2] = { NULL, &full };
  for (int k = 0; k < 2; k++) {
    vgi_diags d;
    cJSON *m = load_text("README.md", "# tool\n\ntool is a thing.\n\n## Flags\n\n- `--hook <HOOK>`\n"
                         "  - Changes how often tool increments a directory's score:\n\n"
                         "    | Hook | Description |\n    | --- | --- |\n    | `none` | Never |\n"
                         "    | `prompt` | At every shell prompt |\n\n"
                         "- `--no-cmd`\n  - Prevents tool from defining the commands.\n"
                         "- Two kinds of hooks exist for it:\n  - the prompt hook\n  - the pwd hook\n", modes[k], &d);
    vgi_diags_free(&d);
    assert_int_equal(shown_is(m, "Changes how often tool increments a directory's score", 1), 1);
    if (k) assert_int_equal(shown_is(m, "Two kinds of hooks exist for it:", 1), 1);
    cJSON_Delete(m);
  }
}

/* A long sentence that opens with a subordinate clause is said (and
 * shown) by its main clause, never by the opening clause alone; when the
 * main clause starts with a pronoun that points into the opening one, or
 * no comma closes the opening clause, the sentence is said whole. */
static void long_opening_clause(void **state) {
  (void)state;
  const char *s1 = "If you want to build the library from source on a machine that does not have the required "
                   "toolchain installed yet, you need to install the compiler, the headers and the build system first.";
  const char *s2 = "When the server receives a request that carries a session token which has expired or which was "
                   "issued by another instance, it rejects the request with an error and logs the event.";
  const char *s3 = "When you run the tool on a document that has many sections and long tables with several columns "
                   "of data in them the output can take a while to appear on screen.";
  doc_n = 0;
  doc_add("# Guide\n\n## Building\n\n%s Then run make.\n\n## Notes\n\n%s More text here.\n\n## More\n\n%s Later.\n", s1, s2, s3);
  const char *path = write_tmp("opening.md", doc_s);
  vgi_options o = {0};
  vgi_diags d;
  cJSON *m = load(path, &o, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = all_narration(m);
  assert_non_null(strstr(all, "You need to install the compiler, the headers and the build system first."));
  assert_null(strstr(all, "If you want"));
  assert_non_null(strstr(all, s2));
  assert_non_null(strstr(all, s3));
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
    for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
      const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "title");
      assert_null(strstr(t, "If you want"));
    }
  }
  free(all);
  cJSON_Delete(m);
  remove(path);
}

/* A command line in a list item is shown, not read out: the voice says
 * what it is ("Run the make install command to install …"); a short one
 * ("set -o vi") is said; an identifier stays as written (the captions
 * show it; the speech stage says its parts as words). */
static void commands_in_items_unsaid(void **state) {
  (void)state;
  const char *path = write_tmp("cmds.md", "# Tool\n\nThe tool turns documents into videos and runs on any machine.\n\n"
                                          "## Install\n\n"
                                          "- Run `make install --prefix=/usr/local` to install the program system-wide.\n"
                                          "- Use `vgrun create --resolution 1080x1920 doc.md` for a vertical video.\n"
                                          "- Set `VG_CACHE_DIR` to keep the cache elsewhere.\n"
                                          "- Type `set -o vi` when you like vi keys.\n");
  vgi_options modes[2] = { {0}, { .detail = VGI_DETAIL_FULL } };
  for (int k = 0; k < 2; k++) {
    vgi_diags d;
    cJSON *m = load(path, &modes[k], &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    char *all = all_narration(m);
    assert_null(strstr(all, "--prefix"));
    assert_null(strstr(all, "--resolution"));
    assert_null(strstr(all, "1080x1920"));
    /* as written, never spelled into words (a summary may leave the item out) */
    assert_null(strstr(all, "VG CACHE DIR"));
    if (k) {
      assert_non_null(strstr(all, "VG_CACHE_DIR"));
      assert_non_null(strstr(all, "Run the make install command to install the program system-wide."));
      assert_non_null(strstr(all, "Use the vgrun create command for a vertical video."));
      assert_non_null(strstr(all, "Type set -o vi when you like vi keys."));
    }
    /* the slide shows the command */
    int shown = 0;
    for (int i = 0; i < scene_count(m, 0); i++) {
      const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
      for (const cJSON *it = items ? items->child : NULL; it; it = it->next) {
        const char *t = cJSON_IsString(it) ? it->valuestring : sget(it, "title");
        shown += strstr(t, "--prefix=/usr/local") != NULL;
      }
    }
    assert_int_equal(shown, 1);
    free(all);
    cJSON_Delete(m);
  }
  remove(path);
}

/* A long command line without an option is not read out either: "Run the
 * npm install command to add …"; a short one ("make test") and prose after
 * a verb ("Try restarting your local machine") are said as written. */
static void long_bare_command_unsaid(void **state) {
  (void)state;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("bare.md", "# Tool\n\nThe tool turns documents into videos.\n\n## Install\n\n"
                                  "- Run `npm install express body-parser cookie-parser morgan` to add the server dependencies.\n"
                                  "- Type `python3 tools/test.py parallel sequential message` to run the main suites.\n"
                                  "- Run `make test` to check it.\n"
                                  "- Run `git clone https://github.com/nodejs/node.git` to get the sources.\n"
                                  "- Try restarting your local machine when it hangs.\n", &full, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_null(strstr(all, "cookie-parser"));
  assert_null(strstr(all, "tools/test.py"));
  assert_non_null(strstr(all, "the npm install command to add the server dependencies"));
  assert_non_null(strstr(all, "the python3 command to run the main suites"));
  assert_non_null(strstr(all, "make test to check it"));
  assert_non_null(strstr(all, "restarting your local machine when it hangs"));
  /* items that are sentences are read as sentences, not "Key points include Run …" */
  assert_null(strstr(all, "Key points include"));
  assert_non_null(strstr(all, "Run the npm install command to add the server dependencies."));
  /* the slide shows the line */
  assert_int_equal(shown_is(m, "cookie-parser morgan", 0), 1);
  free(all);
  cJSON_Delete(m);
}

/* Furniture of a translated README (git-flight-rules, README_fr.md): an
 * omission mark in a quote is shown, not said ("[...]."); the "&mdash;
 * Name, *Book*" paragraph after a quote is its attribution, said by the
 * name, not a slide of its own; the "Table of Contents generated with
 * DocToc" label over a table of contents is not said. */
static void quote_and_toc_furniture(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("gfr.md", "---\nlang: fr\n---\n# R\xC3\xA8gles de vol pour Git\n\n"
      "Un guide pour les astronautes sur quoi faire quand les choses se passent mal.\n\n"
      ">  *Les r\xC3\xA8gles de vol* repr\xC3\xA9sentent l'ensemble des connaissances durement acquises. "
      "Il s'agit de proc\xC3\xA9\x64ures sp\xC3\xA9\x63ifiques \xC3\xA0 chaque sc\xC3\xA9nario. [...]\n\n"
      "&mdash; Chris Hadfield, *Guide d'un astronaute pour la vie sur Terre*.\n\n"
      "#### Conventions\n\nToutes les commandes devraient fonctionner avec Git 2.13.\n\n"
      "**Table of Contents**  *generated with [DocToc](https://github.com/thlorenz/doctoc)*\n\n"
      "- [D\xC3\xA9p\xC3\xB4ts](#depots)\n- [Branches](#branches)\n- [Remisage](#remisage)\n\n"
      "## D\xC3\xA9p\xC3\xB4ts\n\nUn d\xC3\xA9p\xC3\xB4t garde l'histoire du projet.\n\n"
      "## Branches\n\nUne branche suit une ligne de travail.\n\n"
      "## Remisage\n\nLa remise garde des changements de c\xC3\xB4t\xC3\xA9.\n", NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_null(strstr(all, "[...]"));
  assert_null(strstr(all, ". ."));
  assert_null(strstr(all, "Table of Contents"));
  assert_null(strstr(all, "DocToc"));
  assert_null(strstr(all, "Guide d'un astronaute"));
  assert_non_null(strstr(all, "Chris Hadfield:"));
  int quotes = 0, dash_slides = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    if (!strcmp(sget(sc, "scene_type"), "quote")) {
      quotes++;
      assert_non_null(strstr(vcget(sc, "attribution"), "Chris Hadfield, Guide d'un astronaute"));
    }
    char *vc = cJSON_PrintUnformatted(cJSON_GetObjectItem(sc, "visual_content"));
    dash_slides += strstr(vc, "\xE2\x80\x94 Chris") != NULL;
    free(vc);
  }
  assert_int_equal(quotes, 1);
  assert_int_equal(dash_slides, 0);
  free(all);
  cJSON_Delete(m);
  /* a long quote split between sentences: the mark alone is no slide (the
   * Japanese translation made "[...]" a quote scene said ".") */
  doc_n = 0;
  doc_add("# Rules\n\nA guide for astronauts.\n\n> ");
  for (int i = 0; i < 8; i++) doc_add("Flight rules are the hard-earned body of knowledge number %d recorded in manuals. ", i);
  doc_add("[...]\n\n> NASA has been capturing our missteps since the early 1960s, when Mercury-era ground teams began.\n");
  m = load_text("long_quote.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    if (strcmp(sget(sc, "scene_type"), "quote")) continue;
    assert_string_not_equal(vcget(sc, "quote_text"), "[...]");
    assert_true(strlen(sget(sc, "narration")) > 3);
  }
  cJSON_Delete(m);
}

/* The top of a translated README (github-cheat-sheet, README.ko.md): a
 * row of language links under a label ("Read this in other languages:") is
 * neither shown nor said; a label of a word or two before a link
 * ("단축주소: <link>") is not said; code taken out of a list of keywords
 * leaves one comma, not ",,,"; word forms given as alternatives
 * ("fix/fixes/fixed") are said by the first; a table of contents under one
 * part ("- GitHub" and its topics) is an agenda of the topics. */
static void readme_top_unsaid(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("ko.md", "# GitHub \xEC\xB9\x98\xED\x8A\xB8 \xEC\x8B\x9C\xED\x8A\xB8\n\n"
      "Git\xEA\xB3\xBC GitHub\xEC\x97\x90\xEC\x84\x9C \xEC\x88\xA8\xEA\xB2\xA8\xEC\xA0\xB8 \xEC\x9E\x88\xEB\x8A\x94 "
      "\xEA\xB8\xB0\xEB\x8A\xA5\xEB\x93\xA4\xEC\x97\x90 \xEB\x8C\x80\xED\x95\xB4 \xEB\x8B\xA4\xEB\xA3\xB9\xEB\x8B\x88\xEB\x8B\xA4.\n\n"
      "*\xEB\x8B\xA8\xEC\xB6\x95\xEC\xA3\xBC\xEC\x86\x8C: [`http://git.io/sheet`](http://git.io/sheet)*\n\n"
      "*Read this in other languages: [English](README.md), [\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4](README.ko.md), "
      "[\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E](README.ja.md), [\xE7\xAE\x80\xE4\xBD\x93\xE4\xB8\xAD\xE6\x96\x87](README.zh-cn.md).*\n\n"
      "## Issues\n\nIf a commit fixes an issue, `fix/fixes/fixed`, `close/closes/closed` or `resolve/resolves/resolved` "
      "in its message closes the issue when it lands on the main branch.\n", NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_null(strstr(all, "Read this"));
  assert_null(strstr(all, "English"));
  assert_null(strstr(all, "\xEB\x8B\xA8\xEC\xB6\x95\xEC\xA3\xBC\xEC\x86\x8C"));   /* 단축주소 */
  assert_null(strstr(all, ",,"));
  assert_null(strstr(all, ", ,"));
  assert_int_equal(shown_is(m, "Read this", 0), 0);
  /* word forms given as alternatives are said by the first */
  assert_non_null(strstr(all, "fix, close or resolve in its message"));
  free(all);
  cJSON_Delete(m);
  /* a table of contents under one part: its topics are the agenda */
  m = load_text("toc.md", "# Cheat sheet\n\nHidden features of Git and GitHub.\n\n## Contents\n\n"
      "- [GitHub](#github)\n  - [Ignore Whitespace](#ignore-whitespace)\n  - [Adjust Tab Space](#adjust-tab-space)\n"
      "  - [Cloning](#cloning)\n\n## Ignore Whitespace\n\nAdding w=1 hides whitespace changes.\n\n"
      "## Adjust Tab Space\n\nAdding ts=4 sets the tab width.\n\n## Cloning\n\nThe .git suffix may be left out.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_int_equal(said_in(m, "3 topics: Ignore Whitespace, Adjust Tab Space, and Cloning."), 1);
  cJSON_Delete(m);
  /* the label in italics of its own, a link a line (javascript-algorithms'
   * translated READMEs: "_他の言語で読む:_") */
  m = load_text("ja.md", "# \xE3\x83\x80\xE3\x82\xA4\xE3\x82\xAF\xE3\x82\xB9\xE3\x83\x88\xE3\x83\xA9\xE6\xB3\x95\n\n"
      "_\xE4\xBB\x96\xE3\x81\xAE\xE8\xA8\x80\xE8\xAA\x9E\xE3\x81\xA7\xE8\xAA\xAD\xE3\x82\x80:_\n"
      "[_English_](README.md),\n[_\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4_](README.ko-KR.md),\n"
      "[_Deutsch_](README.de-DE.md)\n\n"
      "\xE3\x82\xB0\xE3\x83\xA9\xE3\x83\x95\xE3\x81\xAE\xE3\x82\xA2\xE3\x83\xAB\xE3\x82\xB4\xE3\x83\xAA\xE3\x82\xBA\xE3\x83\xA0"
      "\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82\n", NULL, &d);
  vgi_diags_free(&d);
  all = all_narration(m);
  assert_null(strstr(all, "English"));
  assert_null(strstr(all, "\xE4\xBB\x96\xE3\x81\xAE\xE8\xA8\x80\xE8\xAA\x9E"));   /* 他の言語 */
  assert_int_equal(shown_is(m, "English", 0), 0);
  free(all);
  cJSON_Delete(m);
}

/* Debian's man-db README: a bold verb the sentence goes on from ("**Run**
 * `./configure` with …") is no term (the bullet is the sentence, not
 * "Run"); an option on its own line with its explanation below is the
 * item's term, named "the disable-manual option"; a path after "as" takes
 * the "as" along; a link after the title leaves no "..". */
static void readme_terms_and_paths(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("mandb.md", "# The man-db manual pager suite\n\n  https://gitlab.com/man-db/man-db\n\n"
      "Please read the man-db manual, included in the manual subdirectory.\n\n## Notice\n\n"
      "The standard proposed the root of the manual page hierarchy as /usr/share/man and the root of the "
      "cat hierarchy as /var/cache/man for the purposes of translation.\n\n## Options\n\n"
      "* `--disable-manual`\n\n  Don't build or install the man-db manual.\n\n"
      "* `--disable-cats`\n\n  Normally, man will try to create cat files.\n\n## Installation\n\n"
      "* **Run** `./configure` with the appropriate options and environment variable settings.\n"
      "* **Tier 1**: the platforms most users run.\n", NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_null(strstr(all, ".."));
  assert_null(strstr(all, " as and "));
  assert_null(strstr(all, " as for "));
  assert_non_null(strstr(all, "hierarchy and the root of the cat hierarchy for the purposes"));
  assert_non_null(strstr(all, "the disable-manual option"));
  assert_null(strstr(all, "--disable"));
  assert_int_equal(shown_is(m, "Run", 1), 0);
  assert_int_equal(shown_is(m, "--disable-manual", 1), 1);
  assert_int_equal(shown_is(m, "Tier 1", 1), 1);
  free(all);
  cJSON_Delete(m);
}

/* A command line run into prose (a man page's display, a pasted shell
 * session) is said by its program: after a prompt, where a clause starts,
 * or after "of" ("$ find /tmp -name core -type f", "can be used: tar -c -v
 * -f x.tar /etc", "The output of git log --graph --oneline"); before, the
 * program stayed and its options became "these options" ("$ find these
 * options"). The forms of one option are that option ("-R a:b -R c:d" is
 * the R option). */
static void command_lines_in_prose(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("cmds.md", "# Tools\n\nIntro to the tools at hand.\n\n## Use\n\n"
      "Delete the cores: $ find /tmp -name core -type f -delete and check.\n\n"
      "The short style can be used: tar -c -v -f etc.tar /etc as shown.\n\n"
      "The output of git log --graph --oneline --decorate may look like this.\n\n"
      "Forward a port with -R 80:localhost:8080 -R 443:localhost:8443 on the server.\n\n"
      "Options: -a --ascii, -c --stdout --to-stdout, and -d --decompress --uncompress.\n\n"
      "Lines end in \\n on POSIX and \\r\\n on Windows.\n", NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  if (!strstr(all, "the find command")) print_message("got: %s\n", all);
  assert_null(strstr(all, "these options"));
  assert_non_null(strstr(all, "Delete the cores: the find command and check."));
  assert_non_null(strstr(all, "can be used: the tar command as shown."));
  assert_non_null(strstr(all, "The output of the git log command may look like this."));
  assert_non_null(strstr(all, "Forward a port with the R option on the server."));
  /* a short option and its long names: one option, by its long name, and
   * so is one that follows an option named ("the ascii option, -c …") */
  assert_non_null(strstr(all, "Options: the ascii option, the stdout option, and the decompress option."));
  /* an escape is not said (a TeX word is: man_cli.sh, crank.1) */
  assert_null(strstr(all, "\\n"));
  assert_non_null(strstr(all, "on POSIX and on Windows."));
  free(all);
  cJSON_Delete(m);
}

/* Vietnamese (git-flight-rules, README_vi.md) was taken for Portuguese
 * ("Bem-vindos a …"): its own letters (ư ơ đ, tone-marked vowels) tell it,
 * and its voice is espeak-ng's "vi"; a Portuguese text stays Portuguese. */
static void vietnamese_detected(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("vi.md", "# Flight rules cho Git\n\n"
      "Flight Rules l\xC3\xA0 nh\xE1\xBB\xAF\x6Eg ki\xE1\xBA\xBFn th\xE1\xBB\xA9\x63 v\xE1\xBA\xA5t v\xE1\xBA\xA3 "
      "ki\xE1\xBA\xBFm \xC4\x91\xC6\xB0\xE1\xBB\xA3\x63 trong c\xC3\xA1\x63 h\xC6\xB0\xE1\xBB\x9Bng d\xE1\xBA\xABn, "
      "l\xC3\xA0 c\xC3\xA1\x63 b\xC6\xB0\xE1\xBB\x9B\x63 \xC4\x91\xE1\xBB\x83 x\xE1\xBB\xAD l\xC3\xBD khi c\xC3\xB3 "
      "s\xE1\xBB\xB1 c\xE1\xBB\x91 x\xE1\xBA\xA3y ra v\xC3\xA0 t\xE1\xBA\xA1i sao.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "language"), "vi");
  assert_null(strstr(sget(scene_at(m, 0, 0), "narration"), "Bem-vindos"));
  cJSON_Delete(m);
  m = load_text("pt.md", "# Regras\n\nEste guia mostra o que fazer quando as coisas d\xC3\xA3o errado com o Git. "
      "Voc\xC3\xAA pode usar os comandos para corrigir um erro, e tamb\xC3\xA9m para desfazer uma mudan\xC3\xA7\x61 "
      "que n\xC3\xA3o \xC3\xA9 a que voc\xC3\xAA queria.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "language"), "pt");
  cJSON_Delete(m);
}

/* Short tldr pages (five to ten lines, written here in their form):
 * Finnish was English, because the English words of its code spans
 * (`docker container run`) outweighed its two stop words; Bulgarian was
 * Russian, because a page without ъ had nothing else to tell them apart.
 * Code is no evidence; Bulgarian's own words and endings ("Копиране",
 * "версията", "е") count when Russian's letters ы э ё are absent. */
static void short_pages_detected(void **state) {
  (void)state;
  static const struct { const char *name, *text, *lang; } pages[] = {
    { "fi1.md", "# docker run\n\n> TÃ¤mÃ¤ on alias `docker container run` komennolle.\n\n"
                "- NÃ¤ytÃ¤ alkuperÃ¤isen komennon dokumentaatio:\n\n`tldr docker container run`\n", "fi" },
    { "fi2.md", "# cron\n\n> TÃ¤mÃ¤ komento on `crontab`:n alias.\n\n"
                "- Katso alkuperÃ¤isen komennon dokumentaatiossa:\n\n`tldr crontab`\n", "fi" },
    { "bg1.md", "# hping\n\n> Тази команда е псевдоним на `hping3`.\n\n"
                "- Виж документацията за оригиналната команда:\n\n`tldr hping3`\n", "bg" },
    { "bg2.md", "# cp\n\n> Копира файлове и директории.\n\n- Копиране на файл на друго място:\n\n"
                "`cp {{source_file}} {{destination}}`\n\n- Показване на версията:\n\n`cp --version`\n", "bg" },
    /* Russian without ы э ё stays Russian; English with German code too */
    { "ru1.md", "# cd\n\n> Изменить текущий рабочий каталог.\n\n- Перейти в указанный каталог:\n\n"
                "`cd {{путь/к/каталогу}}`\n", "ru" },
    { "ru2.md", "# hping\n\n> Эта команда является псевдонимом для `hping3`.\n\n"
                "- Смотреть документацию оригинальной команды:\n\n`tldr hping3`\n", "ru" },
    { "en1.md", "# grep\n\n> Find patterns in files.\n\n- Search for a pattern in a file:\n\n"
                "`grep \"die Datei ist nicht mit der Liste\" {{datei}}`\n", "en" },
  };
  for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
    vgi_diags d;
    cJSON *m = load_text(pages[i].name, pages[i].text, NULL, &d);
    vgi_diags_free(&d);
    if (strcmp(sget(video_at(m, 0), "language"), pages[i].lang))
      fail_msg("%s: %s, want %s", pages[i].name, sget(video_at(m, 0), "language"), pages[i].lang);
    cJSON_Delete(m);
  }
}

/* A Greek item's headline ended on an article ("… με χρήση των", "with
 * the use of the"): Greek articles end no headline, and a cut goes before
 * a Greek preposition as before an English one. (Shortened from the Greek
 * "Art of Command Line", CC BY-SA 4.0.) */
static void greek_headline_whole(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("el.md", "# Τα βασικά\n\n## Βασικά\n\n"
    "- Μάθετε για την ανακατεύθυνση της εξόδου και της εισόδου με χρήση των `>` και `<` και των σωληνώσεων "
    "με `|`. Μάθετε ότι το `>` αντικαθιστά το αρχείο εξόδου και το `>>` προσθέτει σε αυτό.\n"
    "- Μάθετε για την επέκταση αρχείων μπαλαντέρ.\n"
    "- Εξοικειωθείτε με τη διαχείριση εργασιών στον Bash.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "language"), "el");
  char *all = cJSON_PrintUnformatted(m);
  assert_non_null(strstr(all, "\"Μάθετε για την ανακατεύθυνση της εξόδου και της εισόδου"));
  assert_null(strstr(all, "με χρήση των\""));
  assert_null(strstr(all, "με χρήση\""));
  free(all);
  cJSON_Delete(m);
}

/* A tldr page: "- Erstelle ein Archiv:" then `tar cf {{ziel.tar}} …` on its
 * own. Each example is a command scene said by its item; the code is shown
 * without the placeholder braces and never said; a summary keeps the
 * first example after the page's quote; "Weitere Informationen: <link>" is
 * not said. (The page is shortened from tldr-pages, pages.de/common/tar.md,
 * CC BY 4.0.) */
static void tldr_page(void **state) {
  (void)state;
  const char *path = write_tmp("tar.md", "# tar\n\n> Archivierungs Tool.\n> H\xC3\xA4ufig kombiniert mit anderen Methoden zur "
                                         "Komprimierung, wie gzip oder bzip2.\n> Weitere Informationen: <https://www.gnu.org/software/tar>.\n\n"
                                         "- Erstelle ein Archiv von Dateien:\n\n`tar cf {{pfad/zu/ziel.tar}} {{pfad/zu/datei1}}`\n\n"
                                         "- Extrahiere ein Archiv in ein Verzeichnis:\n\n`tar xf {{pfad/zu/quelle.tar}} -C {{verzeichnis}}`\n\n"
                                         "- F\xC3\xBChre die Inhalte eines tar Archivs auf:\n\n`tar tvf {{pfad/zu/quelle.tar}}`\n");
  vgi_options modes[2] = { {0}, { .detail = VGI_DETAIL_FULL } };
  for (int k = 0; k < 2; k++) {
    vgi_diags d;
    cJSON *m = load(path, &modes[k], &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    assert_string_equal(sget(video_at(m, 0), "language"), "de");
    char *all = all_narration(m);
    assert_null(strstr(all, "{{"));
    assert_null(strstr(all, "tar cf"));
    assert_null(strstr(all, "Weitere Informationen"));
    int cmds = 0;
    for (int i = 0; i < scene_count(m, 0); i++) {
      const cJSON *sc = scene_at(m, 0, i);
      if (strcmp(sget(sc, "scene_type"), "command")) continue;
      const cJSON *c = cJSON_GetObjectItem(cJSON_GetObjectItem(sc, "visual_content"), "commands");
      assert_int_equal(cJSON_GetArraySize(c), 1);
      assert_null(strstr(cJSON_GetArrayItem(c, 0)->valuestring, "{{"));
      if (!cmds) {
        assert_string_equal(cJSON_GetArrayItem(c, 0)->valuestring, "tar cf pfad/zu/ziel.tar pfad/zu/datei1");
        assert_non_null(strstr(sget(sc, "narration"), "Erstelle ein Archiv von Dateien"));
        assert_string_equal(vcget(sc, "description"), "Erstelle ein Archiv von Dateien");
      }
      cmds++;
    }
    assert_int_equal(cmds, k ? 3 : 1);
    /* the last command's item names it, and nothing after it */
    assert_string_equal(vcget(scene_at(m, 0, scene_count(m, 0) - 2), "description"),
                        k ? "F\xC3\xBChre die Inhalte eines tar Archivs auf" : "Erstelle ein Archiv von Dateien");
    free(all);
    cJSON_Delete(m);
  }
  remove(path);
}

/* A YAML error that libyaml finds at the end of the front matter (an
 * unclosed "[" or quote) is reported on the front matter's last line, at
 * its end, never on the closing "---" or after it; LF and CR LF alike. */
static void front_matter_error_line(void **state) {
  (void)state;
  static const struct { const char *text; int line, col; } cases[] = {
    { "---\nlang: [\n---\n\n# Hi\n\nText here.\n", 2, 8 },
    { "---\r\nlang: [\r\n---\r\n\r\n# Hi\r\n\r\nText here.\r\n", 2, 8 },
    { "---\ntitle: \"abc\nlang: en\n---\n\n# Hi\n\nText here.\n", 3, 9 },
    /* found inside: where libyaml says */
    { "---\nlang: en\ntitle: x: y\n---\n\n# Hi\n\nText here.\n", 3, 9 },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *path = write_tmp("fm.md", cases[i].text);
    vgi_diags d;
    cJSON *m = load(path, NULL, &d);
    assert_true(d.errors >= 1);
    const vgi_diag *e = NULL;
    for (size_t k = 0; k < d.n && !e; k++) if (d.v[k].severity == VGI_ERROR) e = &d.v[k];
    assert_non_null(strstr(e->message, "YAML syntax error"));
    assert_int_equal(e->line, cases[i].line);
    assert_int_equal(e->col, cases[i].col);
    vgi_diags_free(&d);
    cJSON_Delete(m);
    remove(path);
  }
}

/* Published docs (systemd, pip): front matter of a site generator warns
 * of nothing; a MyST role ("{pypi}`keyring`") and a directive fence
 * ("```{note}") are markup, the directive's text is prose; an "or" between
 * two code blocks is not said; a meson option is said by its name ("the
 * ntp-servers option"), an option in a short bracket is left out. */
static void published_doc_markup(void **state) {
  (void)state;
  const char *path = write_tmp("pub.md", "---\ntitle: Porting\ncategory: Concepts\nlayout: default\n"
                                         "SPDX-License-Identifier: LGPL-2.1-or-later\n---\n\n# Porting\n\n"
                                         "## Keyring\n\npip loads credentials with the {pypi}`keyring` library.\n\n"
                                         "```{note}\n:class: small\nOnly ASCII characters are allowed in netrc files.\n```\n\n"
                                         "```bash\npip install keyring\n```\n\nor\n\n```bash\npipx install keyring\n```\n\n"
                                         "## NTP\n\nUse `-Dntp-servers=` to direct timesyncd to other servers. For deployment, "
                                         "link time optimization (`-Db_lto=true` meson option) is recommended.\n");
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load(path, &full, &d);
  assert_non_null(m);
  assert_int_equal(d.n, 0);   /* no warning */
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_null(strstr(all, "{pypi}"));
  assert_null(strstr(all, "{note}"));
  assert_null(strstr(all, ":class:"));
  assert_non_null(strstr(all, "with the keyring library."));
  assert_non_null(strstr(all, "Only ASCII characters are allowed"));
  assert_null(strstr(all, "or\n"));
  assert_null(strstr(all, " or."));
  assert_non_null(strstr(all, "Use the ntp-servers option to direct timesyncd"));
  assert_non_null(strstr(all, "link time optimization is recommended."));
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *sc = scene_at(m, 0, i);
    const char *lang = vcget(sc, "language");
    assert_false(lang && !strcmp(lang, "{note}"));
  }
  free(all);
  cJSON_Delete(m);
  remove(path);
}

/* A list longer than a slide is never cut to its first slide by a summary:
 * a nested one shows its top-level items on one slide (the guide's "Main
 * Volumes" showed volumes 1 and 2 of 4: the slide of 3 and 4 was a later
 * scene the summary left out), a flat one keeps its later slides. */
static void summary_keeps_list_end(void **state) {
  (void)state;
  vgi_buf b = {0};
  vgi_buf_puts(&b, "# Guide\n\nA guide to the network in several volumes for every reader.\n\n## Volumes\n\n"
                   "The guide comes in volumes, each about one layer of the network.\n\n");
  const char *vols[] = { "Infrastructure", "Protocols", "Naming", "Security" };
  for (int v = 0; v < 4; v++) {
    vgi_buf_printf(&b, "%d. **Volume %d: %s**\n", v + 1, v + 1, vols[v]);
    for (int k = 0; k < 4; k++) vgi_buf_printf(&b, "   - Topic %d of volume %d explained\n", k + 1, v + 1);
  }
  vgi_buf_puts(&b, "\n## Steps\n\nThese are the steps of the whole setup, in the order to take them.\n\n");
  for (int k = 1; k <= 14; k++) vgi_buf_printf(&b, "- Step number %d of the setup is done here\n", k);
  for (int k = 1; k <= 6; k++)
    vgi_buf_printf(&b, "\n## Part %d\n\nPart %d explains one more thing about the network, in a few sentences of prose. "
                   "It goes on with details that a summary may leave out, as summaries do.\n\n"
                   "**More:** further notes\n\n- first note of part %d\n- second note of part %d\n", k, k, k, k);
  vgi_diags d;
  cJSON *m = load_text("list_end.md", b.s, NULL, &d);
  const cJSON *vs = scene_with(m, "list", "Volume 4: Security");
  assert_non_null(vs);
  assert_non_null(scene_with(m, "list", "Volume 1: Infrastructure"));
  assert_ptr_equal(vs, scene_with(m, "list", "Volume 1: Infrastructure"));   /* one slide */
  assert_int_equal(items_of(vs), 4);
  assert_non_null(scene_with(m, "list", "Step number 14 of the setup"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  /* --detail full shows every topic, over two slides */
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  m = load_text("list_end.md", b.s, &full, &d);
  assert_non_null(scene_with(m, "list", "Topic 4 of volume 4"));
  assert_ptr_not_equal(scene_with(m, "list", "Volume 4: Security"), scene_with(m, "list", "Volume 1: Infrastructure"));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  vgi_buf_free(&b);
}

/* A --duration too short for every section leaves out whole sections last
 * (every later scene of the others first) and says which: a warning names
 * each section left out and its line; a section's later scenes go by their
 * place in it, so the last section keeps its second slide as the first does. */
static void duration_names_left_out_sections(void **state) {
  (void)state;
  vgi_buf b = {0};
  vgi_buf_puts(&b, "# Topics\n\nA tour of twelve topics, one section each, for the reader.\n\n");
  for (int k = 1; k <= 12; k++)
    vgi_buf_printf(&b, "## Topic %d\n\nTopic %d is about one part of the system and how it works in practice.\n\n"
                   "**Details:** more of it\n\n- detail one of topic %d\n- detail two of topic %d\n- detail three\n", k, k, k, k);
  vgi_options o = { .duration = 40 };
  vgi_diags d;
  cJSON *m = load_text("left_out.md", b.s, &o, &d);
  assert_true(has_message(&d, "--duration 40: "));
  assert_true(has_message(&d, "sections left out to fit ('Topic "));
  assert_true(has_message(&d, " (line "));
  cJSON_Delete(m);
  vgi_diags_free(&d);
  vgi_buf_free(&b);
  /* room for every heading and some later slides: they are spread by their
   * place in their section (each section's fourth slide goes before any
   * third), not all given to the first sections (4, 4, 4, 4, 1, 1 before) */
  vgi_buf c = {0};
  vgi_buf_puts(&c, "# Topics\n\nA tour of six topics, one section each, for the reader.\n\n");
  for (int k = 1; k <= 6; k++)
    vgi_buf_printf(&c, "## Topic %d\n\nTopic %d is about one part of the system and how it works in practice.\n\n"
                   "- first point of topic %d\n- second point of topic %d\n\n**Setup:** how to set it up\n\n"
                   "- setup one of topic %d\n- setup two of topic %d\n\n**Usage:** how to use it\n\n"
                   "- usage one of topic %d\n- usage two of topic %d\n\n**Limits:** what it cannot do\n\n"
                   "- limit one of topic %d\n- limit two of topic %d\n", k, k, k, k, k, k, k, k, k, k);
  vgi_options tight = { .duration = 90, .detail = VGI_DETAIL_FULL };
  m = load_text("spread.md", c.s, &tight, &d);
  int most = 0, least = 100;
  for (int k = 1; k <= 6; k++) {
    char h[32];
    snprintf(h, sizeof h, "Topic %d", k);
    int n = 0;
    for (int i = 0; i < scene_count(m, 0); i++) n += !strcmp(vcget(scene_at(m, 0, i), "header") ? vcget(scene_at(m, 0, i), "header") : "", h);
    if (n > most) most = n;
    if (n < least) least = n;
  }
  assert_true(least >= 1);
  assert_true(most - least <= 1);
  cJSON_Delete(m);
  vgi_diags_free(&d);
  vgi_buf_free(&c);
}

/* A list written as one sentence ("depends on: - FontConfig for font
 * discovery, - …, and - fribidi") shows each item as a phrase: no comma,
 * semicolon or "and"/"or" after it left dangling at a bullet's end. */
static void items_end_as_phrases(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("joined.md",
                       "# Pango\n\nPango lays out text.\n\n## Dependencies\n\nPango depends on the following libraries:\n\n"
                       "- FontConfig for font discovery,\n- FreeType for font access,\n"
                       "- HarfBuzz for complex text shaping; and\n- a matching GLib, or\n- fribidi for bidirectional text.\n",
                       NULL, &d);
  const cJSON *s = scene_with(m, "list", "FontConfig");
  assert_non_null(s);
  const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(s, "visual_content"), "items");
  assert_int_equal(cJSON_GetArraySize(items), 5);
  assert_string_equal(cJSON_GetArrayItem(items, 0)->valuestring, "FontConfig for font discovery");
  assert_string_equal(cJSON_GetArrayItem(items, 1)->valuestring, "FreeType for font access");
  assert_string_equal(cJSON_GetArrayItem(items, 2)->valuestring, "HarfBuzz for complex text shaping");
  assert_string_equal(cJSON_GetArrayItem(items, 3)->valuestring, "a matching GLib");
  assert_string_equal(cJSON_GetArrayItem(items, 4)->valuestring, "fribidi for bidirectional text.");
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* The sentence that says what an example measures (perf_hooks.md: "For
 * HTTP client, it means the time interval between starting the request and
 * receiving the response, and for HTTP request, it means …:") was cut to
 * its first half, and then, no longer ending with the colon that ties it
 * to its code, left out of a summary of a minute and more. It is said
 * whole now (a clause that says the same of another is no headline's cut,
 * nor is "between" a phrase the statement does without); and a sentence
 * that introduces the code still does when said by its headline. */
static void example_meaning_said(void **state) {
  (void)state;
  const char *sentences[] = {
    "For HTTP client, it means the time interval between starting the request and receiving the response, "
    "and for HTTP request, it means the time interval between receiving the request and sending the response:",
    "For an HTTP client, the entry holds the time from the start of the request to the end of its response, "
    "which the agent measures in milliseconds for every socket it opens:",
  };
  const char *said[] = { "for HTTP request, it means the time interval between receiving", "the entry holds" };
  for (size_t c = 0; c < sizeof sentences / sizeof *sentences; c++) {
    doc_n = 0;
    doc_add("%s", "# Performance measurement APIs\n\nThis module provides an implementation of a subset of the W3C "
                  "Web Performance APIs as well as additional APIs for Node.js-specific performance measurements.\n\n"
                  "## Examples\n\n### Measuring how long one HTTP round-trip takes\n\n"
                  "The following example is used to trace the time spent by HTTP client (`OutgoingMessage`) and HTTP "
                  "request (`IncomingMessage`). ");
    doc_add("%s\n\n```js\n'use strict';\nconst http = require('node:http');\n", sentences[c]);
    doc_add("%s", "const obs = new PerformanceObserver((items) => {\n  items.getEntries().forEach((item) => {\n"
                  "    console.log(item);\n  });\n});\n```\n\n");
    for (int k = 0; k < 4; k++)
      doc_add("### Measuring how long step %d takes\n\nThe following example measures how long the DNS lookup of a "
              "host name takes when it succeeds. The lookup is made by the resolver of the operating system, and its "
              "time is reported as an entry of type dns.\n\n```js\n'use strict';\nconst dns = require('node:dns');\n"
              "const obs = new PerformanceObserver((items) => {\n  items.getEntries().forEach((item) => {\n"
              "    console.log(item);\n  });\n});\n```\n\n", k);
    vgi_diags d;
    cJSON *m = load_text("perf_hooks.md", doc_s, NULL, &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    char *all = all_narration(m);
    if (!strstr(all, said[c])) fail_msg("case %zu: '%s' not said in: %s", c, said[c], all);
    free(all);
    cJSON_Delete(m);
  }
}

/* An API entry's slide shows its parameters ("offset", "Returns"); what
 * they are ("It takes an optional offset, and returns an integer.") was
 * said for buffer.md's first 35 entries only: a long summary's trim of
 * later key points took it from the later ones, the last first. It is
 * said with every entry that shows them. (A summary of 40 entries of
 * 1,400 words leaves the later entries out whole to run about a minute
 * per 500 words: every entry it keeps says them.) */
static void api_parameters_said_in_every_entry(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Buffer\n\nBuffer objects are used to represent a fixed-length sequence of bytes.\n\n"
                "## Class: `Buffer`\n\nThe Buffer class is a global type for dealing with binary data directly.\n\n");
  for (int k = 0; k < 40; k++)
    doc_add("### `buf.readInt%dBE([offset])`\n\n<!-- YAML\nadded: v0.5.5\n-->\n\n"
            "* `offset` {integer} Number of bytes to skip before starting to read. **Default:** `0`.\n"
            "* Returns: {integer}\n\nReads a signed, big-endian integer of kind %d from `buf` at the specified "
            "`offset`.\n\nIntegers read from a `Buffer` are interpreted as two's complement signed values.\n\n", k, k);
  vgi_diags d;
  cJSON *m = load_text("buffer.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  int entries = 0, said = 0;
  for (int v = 0; video_at(m, v); v++)
    for (int k = 0; k < scene_count(m, v); k++) {
      const cJSON *sc = scene_at(m, v, k);
      const char *n = sget(sc, "narration");
      if (!n || !strstr(n, "Reads a signed")) continue;
      entries++;
      said += strstr(n, "It takes an optional offset, and returns an integer") != NULL;
    }
  assert_true(entries >= 16 && entries <= 40);
  cJSON_Delete(m);
  if (said != entries) fail_msg("the parameters said in %d of %d entries", said, entries);
}

/* A description the document left without its stop ("Writes `value` to
 * `buf` at the specified `offset` as little-endian") ran into the next
 * sentence: "… as little-endian It takes a value …". */
static void sentence_without_stop_ends(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("buffer.md", "# Buffer\n\nBuffer objects represent a fixed-length sequence of bytes.\n\n"
                       "## `buf.writeBigUInt64LE(value[, offset])`\n\n* `value` {bigint} Number to be written to `buf`.\n"
                       "* `offset` {integer} Number of bytes to skip before starting to write. **Default:** `0`.\n"
                       "* Returns: {integer} `offset` plus the number of bytes written.\n\n"
                       "Writes `value` to `buf` at the specified `offset` as little-endian\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = all_narration(m);
  if (!strstr(all, "as little-endian. It takes")) fail_msg("said: %s", all);
  free(all);
  cJSON_Delete(m);
}

/* A list of modules in code ("* `v8/tools/codemap`") under a deprecation
 * is no list of parameters: deprecations.md said "It takes and 10 more."
 * (the paths said as nothing). A path is no parameter's name. */
static void paths_are_no_parameters(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("deprecations.md", "# Deprecated APIs\n\nNode.js APIs might be deprecated.\n\n"
                       "### DEP0084: requiring bundled internal dependencies\n\nType: End-of-Life\n\n"
                       "Several modules only intended for internal usage were mistakenly exposed to user code through "
                       "`require()`. These modules were:\n\n* `v8/tools/codemap`\n* `v8/tools/consarray`\n"
                       "* `v8/tools/csvparser`\n* `v8/tools/profile`\n* `node-inspect/lib/_inspect` (from 7.6.0)\n",
                       NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = all_narration(m);
  if (strstr(all, "It takes")) fail_msg("said: %s", all);
  free(all);
  cJSON_Delete(m);
}

/* A deprecation's "Type: End-of-Life" is its status, as "Status: …" is:
 * deprecations.md's summary showed and said it as each entry's point (188
 * times) and left out the sentence that says what was deprecated. */
static void deprecation_type_is_status(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Deprecated APIs\n\nNode.js APIs might be deprecated for any of several reasons.\n\n"
                "## List of deprecated APIs\n\n");
  for (int k = 0; k < 12; k++)
    doc_add("### DEP00%02d: `fs.oldCall%d()`\n\nType: End-of-Life\n\nThe `fs.oldCall%d()` method of kind %d has "
            "been removed. Please use `fs.newCall()` instead, which takes the same arguments and returns a promise.\n\n",
            k, k, k, k);
  vgi_diags d;
  cJSON *m = load_text("deprecations.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = all_narration(m);
  if (strstr(all, "End-of-Life") || !strstr(all, "of kind 11 has been removed")) fail_msg("said: %s", all);
  free(all);
  cJSON_Delete(m);
  /* an API's type and what it is stays */
  m = load_text("crypto.md", "# Crypto\n\nThe crypto module provides cryptographic functions.\n\n## `crypto.webcrypto`\n\n"
                "Type: {Crypto} An implementation of the Web Crypto API standard.\n", NULL, &d);
  vgi_diags_free(&d);
  all = all_narration(m);
  if (!strstr(all, "crypto.webcrypto is a Crypto")) fail_msg("said: %s", all);
  free(all);
  cJSON_Delete(m);
}

/* path.md's "Windows vs. POSIX": each paragraph introduces a code block
 * the summary leaves out ("…, use path.win32:"); its bullets' sentences
 * were said "use path.win32: To achieve consistent results …". */
static void colon_points_end(void **state) {
  (void)state;
  doc_n = 0;
  doc_add("%s", "# Path\n\nThe `node:path` module provides utilities for working with file and directory paths.\n\n## Windows vs. POSIX\n\nThe default operation of the `node:path` module varies based on the operating\nsystem on which a Node.js application is running. Specifically, when running on\na Windows operating system, the `node:path` module will assume that\nWindows-style paths are being used.\n\nSo using `path.basename()` might yield different results on POSIX and Windows:\n\nOn POSIX:\n\n```js\npath.basename('C:\\\\temp\\\\myfile.html');\n// Returns: 'C:\\\\temp\\\\myfile.html'\n```\n\nOn Windows:\n\n```js\npath.basename('C:\\\\temp\\\\myfile.html');\n// Returns: 'myfile.html'\n```\n\nTo achieve consistent results when working with Windows file paths on any\noperating system, use `path.win32`:\n\nOn POSIX and Windows:\n\n```js\npath.win32.basename('C:\\\\temp\\\\myfile.html');\n// Returns: 'myfile.html'\n```\n\nTo achieve consistent results when working with POSIX file paths on any\noperating system, use `path.posix`:\n\nOn POSIX and Windows:\n\n```js\npath.posix.basename('/tmp/myfile.html');\n// Returns: 'myfile.html'\n```\n\nOn Windows Node.js follows the concept of per-drive working directory.\nThis behavior can be observed when using a drive path without a backslash. For\nexample, `path.resolve('C:\\\\')` can potentially return a different result than\n`path.resolve('C:')`. For more information, see\nthe MSDN page.\n\n");
  vgi_diags d;
  cJSON *m = load_text("path.md", doc_s, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = all_narration(m);
  if (!strstr(all, "use path.win32. To achieve") || strstr(all, "win32: To")) fail_msg("said: %s", all);
  free(all);
  cJSON_Delete(m);
}

/* A call for money ("## Backers", "## Sponsors", "## Gold Sponsors") is
 * not said in a summary, not even its first sentence ("Become a sponsor and
 * get your logo …"); the section after it is said as before. */
static void sponsor_sections_unsaid(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("sp.md", "# quickparse\n\nquickparse is a fast parser for configuration files.\n\n"
      "## Backers\n\nSupport us with a monthly donation. [[Become a backer](https://oc.example/qp#backer)]\n\n"
      "## Sponsors\n\nBecome a sponsor and get your logo on our README.\n\n- [Acme Corp](https://acme.example) "
      "- hosting\n- [Widgets Inc](https://widgets.example) - CI minutes\n\n## Gold Sponsors\n\nThanks to Acme "
      "Corp for their support.\n\n## Usage\n\nCall parse on a file to read its settings.\n", NULL, &d);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  static const char *const unsaid[] = { "donation", "sponsor", "Acme", "Widgets", NULL };
  for (int i = 0; unsaid[i]; i++)
    if (strstr(all, unsaid[i])) print_message("said %s: %s\n", unsaid[i], all), fail();
  assert_non_null(strstr(all, "Call parse on a file to read its settings."));
  free(all);
  cJSON_Delete(m);
}

/* A README without a heading is titled by the name its first sentence says
 * it is about ("Quick.js is a utility library for …" -> "Quick.js"), not
 * the sentence cut short; a logo drawn in characters above it is neither
 * shown nor said, while a graph of commits drawn in characters is shown. */
static void untitled_readme_named_and_art_left_out(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("README.md", "       __           __\n      /\\ \\   __    /\\_\\\n     _\\_\\ \\ /'__`\\ \\/_/\n"
      "    /\\___,_\\\\ \\_/ \\  __\n    \\/__,_ /\\ \\___/ /\\_\\\n\n"
      "Quick.js is a utility library for JavaScript that provides support\nfor the usual functional helpers "
      "without extending any core objects.\n\n## History\n\nThe branches were joined like this:\n\n"
      "```\nA---B---C\n     \\\n      D---E\n```\n", NULL, &d);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "title"), "Quick.js");
  char *shown = cJSON_PrintUnformatted(m);
  assert_null(strstr(shown, "/\\\\_\\\\"));
  assert_non_null(strstr(shown, "A---B---C"));
  free(shown);
  cJSON_Delete(m);
}

/* A summary shows a nested list by its top-level items when the details
 * take more than a slide: an item that opened them with a colon ("Find the
 * right configure parameters for:") is shown and said without its colon
 * and the words leading into them (systemd's DISTRO_PORTING.md showed a
 * colon over nothing and said "… parameters for."). In full, the details
 * are shown under it and the colon stays. */
static void colon_without_its_items(void **state) {
  (void)state;
  vgi_buf doc = {0};
  vgi_buf_puts(&doc, "# Porting\n\n## How to\n\nYou need to make these changes for your distribution:\n\n"
                     "1. Find the right configure parameters for:\n\n");
  for (int i = 0; i < 12; i++) vgi_buf_printf(&doc, "   * `-Doption-%d=`\n", i);
  vgi_buf_puts(&doc, "\n2. Try it out on a spare machine.\n");
  vgi_diags d;
  cJSON *m = load_text("porting.md", doc.s, NULL, &d);
  vgi_diags_free(&d);
  char *t = cJSON_PrintUnformatted(m);
  if (!strstr(t, "\"Find the right configure parameters\"") || strstr(t, "parameters for") || strstr(t, "option-3"))
    print_message("summary: %.800s\n", t), fail();
  free(t);
  cJSON_Delete(m);
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  m = load_text("porting.md", doc.s, &o, &d);
  vgi_diags_free(&d);
  t = cJSON_PrintUnformatted(m);
  if (!strstr(t, "Find the right configure parameters for:") || !strstr(t, "option-3")) print_message("full: %.800s\n", t), fail();
  free(t);
  cJSON_Delete(m);
  vgi_buf_free(&doc);
}

/* An item whose text goes on after its nested list ("Information about
 * your system. For instance:" / its list / "And anything else you think is
 * relevant."), in a summary that shows it without its list: the item is
 * what came before the list, without the sentence that only opened it. */
static void text_after_nested_list(void **state) {
  (void)state;
  for (int many = 0; many < 2; many++) {
    vgi_buf doc = {0};
    vgi_buf_puts(&doc, "# Bugs\n\n## How to report bugs\n\nIn the bug report please include:\n\n"
                       "* Information about your system. For instance:\n\n");
    for (int i = 0; i < (many ? 12 : 3); i++) vgi_buf_printf(&doc, "   - Which version of library %d you run\n", i);
    vgi_buf_puts(&doc, "\n  And anything else you think is relevant.\n\n"
                       "* How to reproduce the bug.\n\n* If the bug was a crash, the text that was printed.\n");
    for (int full = 0; full < 2; full++) {
      vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
      vgi_diags d;
      cJSON *m = load_text("bugs.md", doc.s, &o, &d);
      vgi_diags_free(&d);
      char *t = cJSON_PrintUnformatted(m);
      int ok;
      if (many && !full)   /* the list left out: the item is its first sentence */
        ok = strstr(t, "\"Information about your system\"") && !strstr(t, "For instance") && !strstr(t, "anything else");
      else   /* the list shown: the text after it is its last item */
        ok = strstr(t, "{\"title\":\"Information about your system. For instance:\",\"level\":0}") &&
             strstr(t, "you run\",\"level\":1},{\"title\":\"And anything else you think is relevant.\",\"level\":1}");
      if (!ok) print_message("many %d full %d: %.1200s\n", many, full, t), fail();
      free(t);
      cJSON_Delete(m);
    }
    vgi_buf_free(&doc);
  }
}

/* Numbered steps over their commands: a summary says each step by its
 * lead (a step's later sentence is detail, not a lead-in to pass over),
 * a step may have no command of its own when a command takes more than a
 * line; a block of lines under a bullet is never the bullet's words. */
static void steps_said_by_their_leads(void **state) {
  (void)state;
  const char *steps = "# Install\n\nFollow these steps to set up the project.\n\n"
                      "1. Clone the repository. You need git 2.30 or later:\n\n   ```sh\n   git clone x\n   ```\n\n"
                      "2. Install the dependencies:\n\n   ```sh\n   npm install\n   ```\n\n"
                      "3. Start the server and open the page in your browser, which shows the dashboard\n\n"
                      "   ```sh\n   npm start\n   ```\n";
  const char *mixed = "# Quick start\n\nGetting a local copy running takes a few minutes.\n\n"
                      "1. Download the latest release from the releases page.\n"
                      "2. Unpack the archive:\n\n   ```sh\n   tar xf tool.tar.gz\n   cd tool\n   ```\n\n"
                      "3. Edit the configuration and set your API token.\n"
                      "4. Run the tool:\n\n   ```sh\n   ./tool serve --port 8080\n   ```\n";
  const char *bullets = "# Style\n\nHow code here is written, for everyone who sends a change.\n\n## Functions\n\n"
                        "- If you break a declaration over multiple lines, do it like this:\n\n"
                        "  ```c\n  void some_function(\n          int foo) {\n  ```\n\n- Keep lines short.\n";
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("steps.md", steps, &o, &d);
    vgi_diags_free(&d);
    char *t = cJSON_PrintUnformatted(m);
    int ok = strstr(t, "Clone the repository.") && strstr(t, "Install the dependencies.") &&
             strstr(t, "Start the server") && !strstr(t, "You need git") == !full;
    if (!ok) print_message("steps, full %d: %.1500s\n", full, t), fail();
    free(t);
    cJSON_Delete(m);
    m = load_text("quick.md", mixed, &o, &d);
    vgi_diags_free(&d);
    t = cJSON_PrintUnformatted(m);
    ok = strstr(t, "\"commands\":[\"tar xf tool.tar.gz\",\"cd tool\",\"./tool serve --port 8080\"]") &&
         strstr(t, "Download the latest release") && strstr(t, "set your API token") && strstr(t, "Run the tool");
    if (!ok) print_message("mixed, full %d: %.1500s\n", full, t), fail();
    free(t);
    cJSON_Delete(m);
    m = load_text("style.md", bullets, &o, &d);
    vgi_diags_free(&d);
    t = cJSON_PrintUnformatted(m);
    ok = strstr(t, "\"If you break a declaration over multiple lines, do it like this\"") &&
         !strstr(t, "do it like this:") && !strstr(t, "like this void") &&
         !strstr(t, "\"void some_function(\"") == !full;
    if (!ok) print_message("bullets, full %d: %.1500s\n", full, t), fail();
    free(t);
    cJSON_Delete(m);
  }
}

/* A sentence that counts the list it introduces ("produces 3 packages:")
 * names its items once, by their names when each names a thing. */
static void counted_list_named_once(void **state) {
  (void)state;
  const char *doc = "# Pkg\n\nIntro paragraph of this document, which is about packages.\n\n## Packaging\n\n"
                    "The source code produces 3 packages:\n\n- alpha: runtime library\n- beta: development files\n"
                    "- gamma: Python bindings\n";
  vgi_options o = { .detail = VGI_DETAIL_SUMMARY };
  vgi_diags d;
  cJSON *m = load_text("pkg.md", doc, &o, &d);
  vgi_diags_free(&d);
  char *t = cJSON_PrintUnformatted(m);
  if (!strstr(t, "\"narration\":\"The source code produces 3 packages: alpha, beta, and gamma.\""))
    print_message("%.1500s\n", t), fail();
  free(t);
  cJSON_Delete(m);
}

/* A byline under the title ("2004, Oliver Elphick, Martin Pitt") says
 * whose the document is: neither shown nor said. */
static void byline_not_said(void **state) {
  (void)state;
  const char *docs[] = { "Multi-Cluster Architecture\n==========\n2004, Oliver Elphick, Martin Pitt\n\n"
                         "Solving a problem\n---------\n\nWhen a new major version is released, the data is dumped.\n",
                         "# Tool\n\nCopyright (c) 2019 Jane Doe and John Roe\n\nTool converts files between formats.\n",
                         NULL };
  for (int i = 0; docs[i]; i++) {
    vgi_options o = { .detail = VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("by.md", docs[i], &o, &d);
    vgi_diags_free(&d);
    char *t = cJSON_PrintUnformatted(m);
    if (strstr(t, "Elphick") || strstr(t, "Jane Doe") || !strstr(t, i ? "converts files" : "is dumped"))
      print_message("%d: %.1500s\n", i, t), fail();
    free(t);
    cJSON_Delete(m);
  }
}

/* A label alone over a code block ("Example:") is not said: the prose
 * before it introduces the block. */
static void label_over_code_not_said(void **state) {
  (void)state;
  const char *doc = "# Lib\n\nA library of assertions for tests, with spies and stubs.\n\n## Parameters\n\n"
                    "To register state information, parameters can be used. They are kept in a snapshot.\n\n"
                    "Example:\n\n```lua\nassert:set_parameter(\"x\", 1)\nassert:get_parameter(\"x\")\n```\n";
  vgi_options o = { .detail = VGI_DETAIL_SUMMARY };
  vgi_diags d;
  cJSON *m = load_text("lib.md", doc, &o, &d);
  vgi_diags_free(&d);
  char *t = cJSON_PrintUnformatted(m);
  if (!strstr(t, "\"narration\":\"To register state information, parameters can be used.") || strstr(t, "Example:"))
    print_message("%.1500s\n", t), fail();
  free(t);
  cJSON_Delete(m);
}

/* Labelled ways to install ("Using npm:", "PowerShell (Windows):", each over
 * a one-line command) share one slide in a summary, each label the comment
 * over its command, the shells mixed; the first label is shown, not said.
 * In full, a block said by its label alone says it as a sentence. */
static void labelled_ways_share_a_slide(void **state) {
  (void)state;
  const char *doc = "# Dino\n\nDino is a runtime for scripts.\n\n## Installation\n\n"
                    "Install the runtime using one of the commands below. Note that there are a number of ways "
                    "to install it, and a comprehensive list of installation options can be found in the manual.\n\n"
                    "Shell (Mac, Linux):\n\n```sh\ncurl -fsSL https://example.org/install.sh | sh\n```\n\n"
                    "PowerShell (Windows):\n\n```powershell\nirm https://example.org/install.ps1 | iex\n```\n\n"
                    "[Homebrew](https://brew.sh) (Mac):\n\n```sh\nbrew install dino\n```\n\n"
                    "## Packages\n\nInstall it with your package manager.\n\nUsing npm:\n\n```bash\nnpm install dino\n```\n\n"
                    "Using yarn:\n\n```bash\nyarn add dino\n```\n";
  vgi_options o = { .detail = VGI_DETAIL_SUMMARY };
  vgi_diags d;
  cJSON *m = load_text("dino.md", doc, &o, &d);
  vgi_diags_free(&d);
  char *t = cJSON_PrintUnformatted(m);
  int ok = strstr(t, "[\"# Shell (Mac, Linux)\",\"curl -fsSL https://example.org/install.sh | sh\","
                     "\"# PowerShell (Windows)\",\"irm https://example.org/install.ps1 | iex\",\"# Homebrew (Mac)\","
                     "\"brew install dino\"]") &&
           strstr(t, "[\"# Using npm\",\"npm install dino\",\"# Using yarn\",\"yarn add dino\"]") &&
           !strstr(t, "Linux):") && strstr(t, "\"narration\":\"Install it with your package manager.\"");
  if (!ok) print_message("%.3000s\n", t), fail();
  free(t);
  cJSON_Delete(m);
  o.detail = VGI_DETAIL_FULL;
  m = load_text("dino.md", doc, &o, &d);
  vgi_diags_free(&d);
  t = cJSON_PrintUnformatted(m);
  if (!strstr(t, "\"narration\":\"PowerShell (Windows).\"") || !strstr(t, "\"narration\":\"Using yarn.\""))
    print_message("%.3000s\n", t), fail();
  free(t);
  cJSON_Delete(m);
}

/* A sentence that only pointed at a link goes, and so does the one after it
 * that points back at what it named ("This documentation …"); prose that
 * ends on its verb over commands ("To build jq, run") says what it runs. */
static void pointer_backref_and_bare_run(void **state) {
  (void)state;
  const char *doc = "jq\n==\n\njq is a command-line JSON processor.\n\n"
                    "If you want to learn to use jq, read the documentation at\n"
                    "[http://example.org/jq](http://example.org/jq). This\n"
                    "documentation is generated from the docs folder of this repository.\n\n"
                    "To build jq, run\n\n    ./configure\n    make\n    sudo make install\n";
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("jq.md", doc, &o, &d);
    vgi_diags_free(&d);
    char *t = cJSON_PrintUnformatted(m);
    if (strstr(t, "This documentation") || !strstr(t, "To build jq, run these commands."))
      print_message("full %d: %.2000s\n", full, t), fail();
    free(t);
    cJSON_Delete(m);
  }
}

/* A list item that is only a web address, or a link whose text is its
 * address, is shown by its site ("gtk.org"), never as the raw URL the voice
 * leaves out; two items of one site keep their paths. */
static void bare_url_items_by_site(void **state) {
  (void)state;
  const char *doc = "# GTK\n\nGTK is a multi-platform toolkit for creating graphical user interfaces.\n\n"
                    "## Downloads\n\nThe official download locations are:\n\n- http://download.gnome.org/sources/gtk+\n\n"
                    "The official web site is:\n\n- [https://www.gtk.org/](https://www.gtk.org/)\n\n"
                    "## Sources\n\nThe code lives in two places:\n\n- https://github.com/GNOME/gtk/\n- <https://github.com/GNOME/glib>\n";
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("gtk.md", doc, &o, &d);
    vgi_diags_free(&d);
    char *t = cJSON_PrintUnformatted(m);
    int ok = strstr(t, "\"download.gnome.org\"") && !strstr(t, "://") && strstr(t, "\"github.com/GNOME/gtk\"") &&
             strstr(t, "\"github.com/GNOME/glib\"") && (!full || strstr(t, "\"gtk.org\""));
    if (!ok) print_message("full %d: %.1500s\n", full, t), fail();
    free(t);
    cJSON_Delete(m);
  }
}

/* A sentence that ends "… and:" before a list of sentences ends there:
 * "…distribution. Upon first use, …", never "distribution and: Upon". */
static void conjunction_colon_ends_sentence(void **state) {
  (void)state;
  const char *doc = "# Corepack\n\n## About\n\nDespite Corepack being distributed with default installs of Node.js, the "
                    "package managers managed by Corepack are not part of the Node.js distribution and:\n\n"
                    "* Upon first use, Corepack downloads the latest version from the network.\n"
                    "* Any required updates are out of scope of the Node.js project.\n\n"
                    "## Lists\n\nWrite the name and:\n\n* the version\n* the date\n";
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("corepack.md", doc, &o, &d);
    vgi_diags_free(&d);
    char *t = cJSON_PrintUnformatted(m);
    int ok = strstr(t, "Node.js distribution. Upon first use") && !strstr(t, "and: Upon");
    if (!ok) print_message("full %d: %.1500s\n", full, t), fail();
    free(t);
    cJSON_Delete(m);
  }
}

/* A summary leaves out an aside that ends the sentence and holds its stop
 * ("… matching (a predicate is a function that ….)"), never the stop. */
static void aside_keeps_stop(void **state) {
  (void)state;
  const char *doc = "# Mediator\n\nA small library for events in Lua programs.\n\n## Usage\n\n"
                    "You can register events in two ways: using channels, or with a predicate to perform more complex "
                    "matching (a predicate is a function that returns a true or false value.)\n\n"
                    "```lua\nm = require \"mediator\"\nm:subscribe(\"chat\", f)\n```\n\n## Building\n\n"
                    "When building under MingW, you may need to remove the line that sets the path to a 'cygpath' "
                    "command.  ('cygpath' is not present in MingW, and is not required there.)\n";
  vgi_options o = { .detail = VGI_DETAIL_SUMMARY };
  vgi_diags d;
  cJSON *m = load_text("mediator.md", doc, &o, &d);
  vgi_diags_free(&d);
  char *t = cJSON_PrintUnformatted(m);
  if (!strstr(t, "to perform more complex matching.\"") || !strstr(t, "'cygpath' command.") || strstr(t, ".."))
    print_message("%.1500s\n", t), fail();
  free(t);
  cJSON_Delete(m);
}

/* A numbered list whose bold names come again (a handshake's steps) keeps
 * them as terms: only a bullet list's repeated leads are tags. */
static void numbered_repeated_leads_are_terms(void **state) {
  (void)state;
  const char *doc = "# TLS\n\nHow a secure connection is made between two programs.\n\n## Handshake\n\n"
                    "The handshake has these steps:\n\n1. **Client Hello**: Supported cipher suites\n"
                    "2. **Change Cipher Spec**: Switch to encrypted communication\n3. **Finished**: Encrypted verification\n"
                    "4. **Change Cipher Spec**: Server switches to encryption\n5. **Finished**: Server's verification\n";
  vgi_options o = { .detail = VGI_DETAIL_SUMMARY };
  vgi_diags d;
  cJSON *m = load_text("tls.md", doc, &o, &d);
  vgi_diags_free(&d);
  char *t = cJSON_PrintUnformatted(m);
  if (!strstr(t, "{\"title\":\"Change Cipher Spec\",\"description\":\"Switch to encrypted communication\""))
    print_message("%.1500s\n", t), fail();
  free(t);
  cJSON_Delete(m);
}

/* A manual page made HTML (asciidoc's, DocBook's): its SYNOPSIS of
 * command forms is left out of a summary, as the man reader leaves it,
 * never said "SYNOPSIS. Run this command to get started."; --detail full
 * shows it. */
static void synopsis_left_to_full(void **state) {
  (void)state;
  const char *doc = "# git-cherry(1) Manual Page\n\n## NAME\n\ngit-cherry - Find commits yet to be applied\n\n"
                    "## SYNOPSIS\n\n```\ngit cherry [-v] [<upstream> [<head> [<limit>]]]\n```\n\n"
                    "## DESCRIPTION\n\nDetermine whether there are commits that are equivalent to others.\n";
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("git-cherry.md", doc, &o, &d);
    vgi_diags_free(&d);
    char *t = cJSON_PrintUnformatted(m);
    if (!strstr(t, "Determine whether") || !strstr(t, "SYNOPSIS") != !full || strstr(t, "get started"))
      print_message("full %d: %.900s\n", full, t), fail();
    free(t);
    cJSON_Delete(m);
  }
}

/* A table of contents' label ("Table of Contents", bold or not) over a
 * list is not said, nor taken for the title's subtitle: the list says what
 * it is (an agenda: "3 topics: …"). */
static void toc_label_unsaid(void **state) {
  (void)state;
  const char *docs[] = {
    "# Tut\n\nTable of Contents\n\n- [Intro](#intro)\n- [Usage](#usage)\n- [Cleanup](#cleanup)\n\n"
    "## Intro\n\nSome words about the intro here.\n\n## Usage\n\nUse it well and often.\n\n## Cleanup\n\nFree it.\n",
    "# Tut\n\n**Table of Contents**\n\n- [Intro](#intro)\n- [Usage](#usage)\n- [Cleanup](#cleanup)\n\n"
    "## Intro\n\nSome words about the intro here.\n\n## Usage\n\nUse it well and often.\n\n## Cleanup\n\nFree it.\n",
    "# Tut\n\nSome words open the guide before its contents.\n\nTable of Contents\n\n- [Intro](t.html#intro)\n"
    "- [Usage](t.html#usage)\n\n## Intro\n\nSome words about the intro here.\n",
  };
  for (int i = 0; i < 3; i++) {
    vgi_diags d;
    cJSON *m = load_text("tut.md", docs[i], NULL, &d);
    vgi_diags_free(&d);
    char *t = cJSON_PrintUnformatted(m);
    if (strstr(t, "Table of Contents") || (i < 2 && !strstr(t, "3 topics"))) print_message("doc %d: %.700s\n", i, t), fail();
    free(t);
    cJSON_Delete(m);
  }
  /* the sections' numbers of its items are shown, not said: the first was
   * taken for a sentence ("Overview and 11.2. Options") */
  vgi_diags d;
  cJSON *m = load_text("lackey.md", "# Lackey\n\nTable of Contents\n\n- [11.1. Overview](lk.html#a)\n"
                       "- [11.2. Options](lk.html#b)\n\n## Overview\n\nLackey is a simple tool that measures programs.\n",
                       NULL, &d);
  vgi_diags_free(&d);
  char *said = all_narration(m);
  if (!strstr(said, "Overview and Options") || strstr(said, "11.")) print_message("said: %s\n", said), fail();
  free(said);
  cJSON_Delete(m);
}

/* A whole HTML page named with document: (a package's README.html,
 * indented tags) is read by its tags, not as plain text nor as Markdown's
 * indented code: it was "Readme" with one slide of eight lines of HTML. A
 * <pre> keeps its indent. */
static void html_page_read_by_tags(void **state) {
  (void)state;
  const char *page = "<!DOCTYPE html>\n<html lang=\"en\">\n\t<head>\n\t\t<title>GIZMO - A gizmo library</title>\n"
      "\t</head>\n\t<body>\n\t\t<h2>GIZMO - A gizmo library</h2>\n\n\t\t<h3>Overview</h3>\n"
      "\t\t<p>GIZMO builds small gizmos out of parts, and checks that every part fits.</p>\n\n"
      "\t\t<h3>Building</h3>\n\t\t<p>Run the build with the usual tools.</p>\n"
      "<pre>\nmake\n    make install\n</pre>\n\t</body>\n</html>\n";
  /* (a .txt is typed by its text, as document: is) */
  const char *path = write_tmp("README.txt", page);
  vgi_diags d = {0};
  cJSON *m = load(path, NULL, &d);
  unlink(path);
  assert_non_null(m);
  vgi_diags_free(&d);
  /* (the name, then what it is: a title and its subtitle) */
  assert_string_equal(sget(video_at(m, 0), "title"), "GIZMO");
  assert_string_equal(vcget(scene_at(m, 0, 0), "subtitle"), "A gizmo library");
  char *all = all_narration(m);
  if (!strstr(all, "GIZMO builds small gizmos out of parts") || strstr(all, "<p>")) print_message("said: %s\n", all), fail();
  free(all);
  char *shown = cJSON_PrintUnformatted(m);
  assert_null(strstr(shown, "<h3>"));
  free(shown);
  cJSON_Delete(m);
}

/* An HTML page's lists, code, tables, term lists and quotes are read as the
 * Markdown they stand for: a <ul> was one run-on sentence under a heading
 * folded into a list of headings, a <pre> with a blank line in it was two
 * lines of code and then prose. Comments, the <head> and a navigation row
 * are never read; the <title> names a page without an <h1>. */
static void html_page_structure(void **state) {
  (void)state;
  const char *page =
      "<!DOCTYPE html>\n<html>\n<!-- Created by a generator.\n\nPermission is granted to copy this page. -->\n"
      "<head>\n<title>Widgets (widgetlib)</title>\n<style>\n\nbody { color: red }\n</style>\n</head>\n<body>\n"
      "<div class=\"header\"><p>Next: <a href=\"b.html\" rel=\"next\">Gadgets</a>, Up: "
      "<a href=\"i.html\" rel=\"up\">Top</a></p></div>\n"
      "<h2>Features</h2>\n<ul>\n  <li>Fast startup for everyone</li>\n  <li>Small binary size\n"
      "    <ul><li>Under one megabyte</li></ul></li>\n</ul>\n"
      "<h2>Example</h2>\n<p>The program below prints a greeting.</p>\n<div class=\"example\">\n"
      "<pre class=\"example\">#include &lt;stdio.h&gt;\n\nint main(void)\n{\n  puts(&quot;hi&quot;);\n  return 0;\n}\n</pre></div>\n"
      "<h2>Sizes</h2>\n<p>Each widget comes in three sizes.</p>\n<table>\n<tr><th>Size</th><th>Width</th><th>Weight</th></tr>\n"
      "<tr><td>Small</td><td>10 cm</td><td>1 kg</td></tr>\n<tr><td>Large</td><td>30 cm</td><td>4 kg</td></tr>\n</table>\n"
      "<h2>Terms</h2>\n<dl><dt>Widget</dt><dd>a part that does one thing</dd><dt>Gadget</dt><dd>a set of widgets</dd></dl>\n"
      "<nav><a href=\"a.html\">Home</a> | Contact us today</nav>\n</body>\n</html>\n";
  const char *path = write_tmp("widgets.html", page);
  vgi_diags d = {0};
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load(path, &full, &d);
  unlink(path);
  assert_non_null(m);
  vgi_diags_free(&d);
  assert_string_equal(sget(video_at(m, 0), "title"), "Widgets (widgetlib)");
  char *all = all_narration(m);
  char *shown = cJSON_PrintUnformatted(m);
  print_message("said: %s\n", all);
  /* nothing of the comment, the style or the navigation */
  assert_null(strstr(all, "Permission"));
  assert_null(strstr(all, "color"));
  assert_null(strstr(all, "Next:"));
  assert_null(strstr(shown, "Contact us"));
  /* the list: its items, the nested one under its parent */
  assert_non_null(strstr(shown, "\"Fast startup for everyone\""));
  assert_non_null(strstr(shown, "Under one megabyte"));
  assert_null(strstr(all, "everyone Small"));
  /* the code: whole, its entities decoded, blank line kept */
  assert_non_null(strstr(shown, "\"#include <stdio.h>\",\"\",\"int main(void)\""));
  assert_non_null(strstr(shown, "puts(\\\"hi\\\");"));
  assert_null(strstr(all, "puts"));
  /* the table: a table scene with every column */
  int table = 0;
  for (int i = 0; i < scene_count(m, 0); i++)
    if (!strcmp(sget(scene_at(m, 0, i), "scene_type"), "table")) table = 1;
  assert_true(table);
  assert_non_null(strstr(shown, "\"Weight\""));
  assert_non_null(strstr(shown, "\"4 kg\""));
  /* the term list: each term with its description */
  assert_non_null(strstr(shown, "Widget"));
  assert_non_null(strstr(all, "a set of widgets"));
  free(all);
  free(shown);
  cJSON_Delete(m);
}

/* Pages that generators write: an old page's "<p>" never closed before
 * its <pre> (the code was read aloud), Sphinx's "¶" links in headings and
 * its role="navigation" bar, an address written as character references,
 * a body of 60,000 characters without a blank line (it was refused as one
 * paragraph), and </head><body> on one line (an indented "<body>" was a
 * line of code). */
static void html_generated_pages(void **state) {
  (void)state;
  vgi_buf page = {0};
  vgi_buf_puts(&page, "<!DOCTYPE html>\n<html>\n  <head>\n    <title>Guide</title>\n  </head><body>\n"
               "<div class=\"related\" role=\"navigation\"><h3>Navigation</h3><ul><li><a href=\"i.html\">Index</a></li></ul></div>\n"
               "<h1>Usage<a class=\"headerlink\" href=\"#usage\">\xc2\xb6</a></h1>\n"
               "<p>\nHere is the program:\n<pre><b>\nint main(void)\n\n{ return 0; }\n</b></pre>\n"
               "Write to <a href=\"mailto:a&#64;b.org\">a<span>&#64;</span>b.org</a> with questions.\n");
  for (int i = 0; i < 400; i++)
    vgi_buf_puts(&page, "<p>Each section of the guide explains one more part of the program in a few words.</p>\n"
                        "<ul><li>A point about it</li></ul>\n");
  vgi_buf_puts(&page, "</body>\n</html>\n");
  const char *path = write_tmp("guide.html", page.s);
  vgi_buf_free(&page);
  vgi_diags d = {0};
  cJSON *m = load(path, NULL, &d);
  unlink(path);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  char *all = all_narration(m), *shown = cJSON_PrintUnformatted(m);
  assert_int_equal(strncmp(sget(video_at(m, 0), "title"), "Usage", 5), 0);
  assert_null(strstr(shown, "\xc2\xb6"));
  assert_null(strstr(shown, "Navigation"));
  assert_null(strstr(all, "return 0"));
  assert_non_null(strstr(shown, "\"int main(void)\",\"\",\"{ return 0; }\""));
  assert_null(strstr(shown, "#64"));
  assert_null(strstr(shown, "<body>"));
  assert_non_null(strstr(all, "Each section of the guide"));
  free(all);
  free(shown);
  cJSON_Delete(m);
}

/* A page written to a file of that name and loaded (no errors), the file
 * removed again. */
static cJSON *load_page(const char *name, const char *page, const vgi_options *o) {
  const char *path = write_tmp(name, page);
  vgi_diags d = {0};
  cJSON *m = load(path, o, &d);
  unlink(path);
  assert_non_null(m);
  assert_int_equal(d.errors, 0);
  vgi_diags_free(&d);
  return m;
}

/* DocBook's pages write element names as references inside <TT>, tags
 * closed on the next line: the heading shows "<dir>", never "&#60;dir&#62;",
 * and an HTML block's words decode every reference. */
static void html_references_decoded(void **state) {
  (void)state;
  const char *page = "<!DOCTYPE html>\n<html><body>\n<H1>Font Guide</H1>\n"
                     "<H3\n><TT\nCLASS=\"LITERAL\"\n>&#60;dir prefix=\"default\"&#62;</TT\n></H3\n><P\n>"
                     "This element names a folder to scan for fonts &mdash; one &#x2018;dir&#x2019; a line.</P\n>\n"
                     "<div><p>Fonts &amp; caches are kept apart &hellip; always.</p></div>\n"
                     "</body></html>\n";
  cJSON *m = load_page("refs.html", page, NULL);
  char *all = all_narration(m), *shown = cJSON_PrintUnformatted(m);
  assert_non_null(strstr(shown, "<dir prefix=\\\"default\\\">"));
  assert_null(strstr(shown, "&#"));
  assert_null(strstr(shown, "&mdash;"));
  assert_null(strstr(all, "&#"));
  assert_null(strstr(all, "&amp;"));
  assert_null(strstr(all, "hellip"));
  free(all);
  free(shown);
  cJSON_Delete(m);
}

/* A table of terms and what they do, two cells a row and no header cell
 * (AsciiDoc's labelled lists in ninja's manual): the list of terms it
 * stands for, never a table headed by its first term; a table with header
 * cells stays a table. */
static void html_term_tables(void **state) {
  (void)state;
  const char *page = "<!DOCTYPE html>\n<html><body>\n<h1>Build Tool</h1>\n<h2>Extra tools</h2>\n"
                     "<table><tr><td><p><em>query</em></p></td><td><p>dump the inputs and outputs of a target.</p></td></tr>\n"
                     "<tr><td><p><em>browse</em></p></td><td><p>browse the dependency graph in a web browser.</p></td></tr>\n"
                     "<tr><td><p><em>clean</em></p></td><td><p>remove built files from the tree.</p></td></tr></table>\n"
                     "<h2>Versions</h2>\n"
                     "<table><tr><th>Version</th><th>Date</th></tr><tr><td>1.11</td><td>2022</td></tr>"
                     "<tr><td>1.10</td><td>2020</td></tr></table>\n</body></html>\n";
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_page("terms.html", page, &o);
  const cJSON *l = scene_with(m, "list", "browse");
  assert_non_null(l);
  assert_null(scene_with(m, "table", "query"));
  assert_non_null(scene_with(m, "table", "Version"));
  cJSON_Delete(m);
}

/* DocBook's XHTML: the XML declaration before the doctype, the <style>
 * in the head (a licence in a CSS comment), the title page's authors,
 * copyright and legal notice, and a <dl class="toc"> table of contents:
 * the page is a page, the fine print is never said, the contents are an
 * agenda whose topics are said without their numbers. */
static void html_docbook_page(void **state) {
  (void)state;
  vgi_buf page = {0};
  vgi_buf_puts(&page, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"x.dtd\"><html><head>"
               "<title>Gear Interface</title><style type=\"text/css\">/*\n * Permission is hereby granted, free of charge\n */\n"
               "body { font-family: sans-serif; }\n</style></head><body><div class=\"book\"><div class=\"titlepage\">"
               "<div><h1 class=\"title\">Gear Interface</h1></div><div><h2 class=\"subtitle\">Engine Standard</h2></div>"
               "<div class=\"authorgroup\"><div class=\"author\">"
               "<h3 class=\"author\">Ada Lovelace</h3><div class=\"affiliation\"><span>Engine Works<br /></span></div></div></div>"
               "<div><p class=\"copyright\">Copyright \xc2\xa9 1993 Engine Works</p></div><div class=\"legalnotice\">"
               "<p>Permission to use, copy, modify, and distribute this software is hereby granted.</p></div></div>\n"
               "<div class=\"toc\"><p><b>Table of Contents</b></p><dl class=\"toc\">"
               "<dt><span class=\"chapter\"><a href=\"#goals\">1. Purposes and Goals</a></span></dt>"
               "<dt><span class=\"chapter\"><a href=\"#over\">2. Overview of the Interface</a></span></dt>"
               "<dd><dl><dt><span class=\"sect1\"><a href=\"#sub\">2.1 Small Parts</a></span></dt></dl></dd>"
               "<dt><span class=\"chapter\"><a href=\"#conf\">3. Configuration</a></span></dt></dl></div>\n");
  const char *chapters[][2] = { { "goals", "1. Purposes and Goals" }, { "over", "2. Overview of the Interface" },
                                { "sub", "2.1 Small Parts" }, { "conf", "3. Configuration" } };
  for (size_t i = 0; i < 4; i++) {
    vgi_buf_puts(&page, "<h2 id=\"");
    vgi_buf_puts(&page, chapters[i][0]);
    vgi_buf_puts(&page, "\">");
    vgi_buf_puts(&page, chapters[i][1]);
    vgi_buf_puts(&page, "</h2>\n<p>This chapter explains how the gears of the interface turn and why they never slip.</p>\n");
  }
  vgi_buf_puts(&page, "</div></body></html>\n");
  cJSON *m = load_page("gears.html", page.s, NULL);
  vgi_buf_free(&page);
  char *all = all_narration(m), *shown = cJSON_PrintUnformatted(m);
  assert_string_equal(sget(video_at(m, 0), "title"), "Gear Interface");
  assert_null(strstr(shown, "font-family"));
  assert_null(strstr(shown, "Permission"));
  assert_null(strstr(shown, "Ada Lovelace"));
  assert_null(strstr(shown, "Copyright"));
  assert_non_null(strstr(all, "3 topics"));
  assert_null(strstr(shown, "\"header\":\"Engine Standard\""));   /* a subtitle heads no section */
  assert_non_null(strstr(shown, "[\"Purposes and Goals\",\"Overview of the Interface\""));   /* the agenda numbers its cards */
  assert_non_null(strstr(all, "Purposes and Goals, Overview of the Interface"));
  free(all);
  free(shown);
  cJSON_Delete(m);
}

/* The scene model of a Markdown text (a summary), printed on one line;
 * caller frees. */
static char *model_json(const char *name, const char *text) {
  vgi_diags d = {0};
  cJSON *m = load_text(name, text, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  cJSON_Delete(m);
  return j;
}

/* A bare code block of C (Go, Java, Python, Rust) source is named by its
 * language, not "shell"; a bare block of commands stays commands. */
static void bare_source_named(void **state) {
  (void)state;
  char *j = model_json("src.md", "# Lib\n\nLib calls functions.\n\n## Example\n\n```\n#include <lib.h>\n\n"
                       "int main(void)\n{\n  return lib_call();\n}\n```\n\n## Build\n\n```\n./configure\nmake\n```\n");
  assert_non_null(strstr(j, "\"language\":\"c\""));
  assert_non_null(strstr(j, "\"language\":\"shell\""));
  assert_null(strstr(j, "Run these commands to get started"));
  free(j);
}


/* A bare fragment of a program with no marker line (a prototype, a loop of
 * printf calls: git's MyFirstContribution) is source in its language, said
 * as an example, never "commands to get started"; a script is named by its
 * "#!" line, a patch is a diff; commands that expand "$1" or "$(…)" stay
 * shell even when a line ends in ";". */
static void bare_fragments_named(void **state) {
  (void)state;
  char *j = model_json("frag.md", "# Walk\n\nWalk is a tool.\n\n## Entry\n\n"
                       "    int cmd_walk(int argc, const char **argv, const char *prefix)\n\n"
                       "## Loop\n\n```\nint i;\n\nfor (i = 0; i < argc; i++)\n\tprintf(\"%d: %s\\n\", i, argv[i]);\n```\n\n"
                       "## Test\n\n```\n#!/bin/sh\n\ntest_description='walk test'\n. ./test-lib.sh\n```\n\n"
                       "## Patch\n\n```\ndiff --git a/walk.c b/walk.c\n--- a/walk.c\n+++ b/walk.c\n@@ -1 +1 @@\n-int x;\n+int y;\n```\n\n"
                       "## Env\n\n```\nexport PATH=$(walk --path \"$1\");\nwalk \"$1\";\n```\n");
  cJSON *m = cJSON_Parse(j);
  const char *want[] = { "c", "c", "shell", "diff", "shell" };
  int k = 0;
  const cJSON *v = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(m, "videos"), 0);
  const cJSON *sc;
  cJSON_ArrayForEach(sc, cJSON_GetObjectItemCaseSensitive(v, "scenes")) {
    const cJSON *vc = cJSON_GetObjectItemCaseSensitive(sc, "visual_content");
    const cJSON *lang = cJSON_GetObjectItemCaseSensitive(vc, "language");
    if (!cJSON_IsString(lang)) continue;
    assert_true(k < 5);
    assert_string_equal(lang->valuestring, want[k]);
    k++;
  }
  assert_int_equal(k, 5);
  assert_null(strstr(j, "Run these commands"));
  assert_null(strstr(j, "Run this command"));
  cJSON_Delete(m);
  free(j);
}

/* A summary shows a term's description by its headline, which is what it
 * says of it (bzip2's manual: a slide of two options was two paragraphs of
 * seven lines); --detail full shows the paragraph. */
static void term_descriptions_headlined(void **state) {
  (void)state;
  static const char doc[] = "# Tool\n\nTool compresses files.\n\n## Options\n\n"
    "- **-s --small**: Reduce memory usage, for compression, decompression and testing. Files are "
    "decompressed and tested using a modified algorithm which only requires 2.5 bytes per block byte. "
    "This means any file can be decompressed in 2300k of memory, albeit at about half the normal speed.\n"
    "- **-q --quiet**: Suppress non-essential warning messages. Messages pertaining to I/O errors and "
    "other critical events will not be suppressed.\n";
  char *j = model_json("terms.md", doc);
  assert_non_null(strstr(j, "\"description\":\"Reduce memory usage, for compression, decompression and testing\""));
  assert_non_null(strstr(j, "\"description\":\"Suppress non-essential warning messages\""));
  assert_null(strstr(j, "2300k"));
  free(j);
  vgi_diags d = {0};
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("terms.md", doc, &full, &d);
  vgi_diags_free(&d);
  j = cJSON_PrintUnformatted(m);
  assert_non_null(strstr(j, "2300k of memory"));
  free(j);
  cJSON_Delete(m);
}

/* A heading under "Supported by:" in HTML (a sponsor's logo and blurb,
 * cobra's README) is an advertisement: neither shown nor said; the next
 * section is. */
static void supported_by_section_left_out(void **state) {
  (void)state;
  char *j = model_json("ad.md", "# Snake\n\nSnake is a library for building command line tools.\n\n"
                       "<div align=\"center\">\n  <sup>Supported by:</sup>\n  <br>\n"
                       "  <a href=\"https://ads.example.com\"><img alt=\"Acme\" src=\"https://ads.example.com/a.png\"></a>\n\n"
                       "### [Acme, the terminal for you](https://ads.example.com)\n[Try Snake in Acme today](https://ads.example.com)<br>\n\n"
                       "</div>\n<hr>\n\n## Overview\n\nSnake gives each command its own flags and help.\n");
  assert_null(strstr(j, "Acme"));
  assert_null(strstr(j, "Supported by"));
  assert_non_null(strstr(j, "Snake gives each command its own flags and help."));
  free(j);
}

/* "<sup>Special thanks to:</sup>" (three words of fine print, which are not
 * said) over a sponsor's logo, caddy's README: the heading under it is the
 * sponsor's advertisement, neither shown nor said. */
static void thanks_in_fine_print_section_left_out(void **state) {
  (void)state;
  char *j = model_json("ad.md", "# Server\n\nServer is a web server that uses TLS by default.\n\n"
                       "<!-- Acme sponsorship requests this section -->\n<div align=\"center\" markdown=\"1\">\n\t<hr>\n"
                       "\t<sup>Special thanks to:</sup>\n\t<br>\n\t<a href=\"https://go.acme.dev/server\">\n"
                       "\t\t<img alt=\"Acme sponsorship\" width=\"400\" src=\"https://acme.dev/a.png\">\n\t</a>\n\n"
                       "### [Acme, built for coding with agents](https://go.acme.dev/server)\n"
                       "[Available for MacOS, Linux, & Windows](https://go.acme.dev/server)<br>\n</div>\n\n<hr>\n\n"
                       "## Install\n\nServer installs from one static binary with no dependencies.\n");
  assert_null(strstr(j, "Acme"));
  assert_null(strstr(j, "Available for MacOS"));
  assert_non_null(strstr(j, "Server installs from one static binary"));
  free(j);
}

/* A bold line that is a web address alone ("**https://caddyserver.com/docs**"
 * under "Our website has complete documentation:") is the section's link,
 * not the name of a part: never a slide's title, no raw address shown. */
static void bold_address_heads_no_part(void **state) {
  (void)state;
  static const char *const forms[] = { "**https://example.org/docs/**", "**<https://example.org/docs/>**",
    "**[https://example.org/docs/](https://example.org/docs/)**", "**www.example.org/docs**", NULL };
  for (int i = 0; forms[i]; i++) {
    char doc[1024];
    snprintf(doc, sizeof doc, "# Server\n\nServer is a web server that uses TLS by default.\n\n"
             "## Full documentation\n\nOur website has complete documentation:\n\n%s\n\n"
             "The docs are also open source, and anyone may help to write them.\n\n"
             "## Install\n\nServer installs from one static binary with no dependencies.\n", forms[i]);
    vgi_diags d;
    vgi_options full = { .detail = VGI_DETAIL_FULL };
    cJSON *m = load_text("addr.md", doc, &full, &d);
    vgi_diags_free(&d);
    for (int k = 0; k < scene_count(m, 0); k++) {
      const char *h = vcget(scene_at(m, 0, k), "header");
      if (h) assert_null(strstr(h, "example.org"));
    }
    char *j = cJSON_PrintUnformatted(m);
    assert_non_null(strstr(j, "The docs are also open source"));
    free(j);
    cJSON_Delete(m);
  }
}

/* A bold term that ends its line, its description on the next ("- **libssl**"
 * / "  an implementation of TLS"), is the item's term: shown as the title,
 * the description under it, never run together as "libssl an
 * implementation". */
static void bold_term_on_its_line(void **state) {
  (void)state;
  char *j = model_json("terms.md", "# Kit\n\nThe kit includes:\n\n- **libfoo**\n  an implementation of the protocol.\n\n"
                       "- **libbar**\n  a general purpose library of helpers.\n");
  assert_non_null(strstr(j, "\"title\":\"libfoo\""));
  assert_non_null(strstr(j, "\"description\":\"an implementation of the protocol.\""));
  assert_null(strstr(j, "libfoo an implementation"));
  free(j);
}

/* An indented block of release notes under "History" is notes, not code:
 * said, the latest release only in a summary, every one in full; an
 * indented block of code stays code. */
static void indented_release_notes(void **state) {
  (void)state;
  static const char readme[] =
    "# Gearlib\n\nGearlib turns gears for other programs.\n\n"
    "History\n=======\n\n"
    "    2.4.1 Oct-23-2022\n"
    "        Important axle fixes, including support for builds\n"
    "          with link time optimization.\n"
    "        Fix the spring stack alignment.\n\n"
    "    2.4.0 Sep-19-2022\n"
    "        All gears are passed by value, regardless of their size.\n"
    "        Enable static springs for every platform.\n\n"
    "Usage\n=====\n\n"
    "    gear_t *g = gear_new(12);\n"
    "    gear_turn(g, 3);\n"
    "    gear_free(g);\n";
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    vgi_diags d;
    cJSON *m = load_text("README.md", readme, &o, &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    assert_null(scene_with(m, "command", "Oct-23-2022"));
    assert_true(said_in(m, "Important axle fixes, including support for builds with link time optimization") == 1);
    assert_true(said_in(m, "All gears are passed by value") == full);
    assert_non_null(scene_with(m, "command", "gear_turn(g, 3);"));
    cJSON_Delete(m);
  }
}

/* "Before:" over a code block and "After:" over the next one are one
 * slide that compares them (a summary had shown the first block alone and
 * left the second out; --detail full made two command slides each said
 * "Before." and "After."): labelled as prose or in bold, in a summary or
 * in full. Blocks with unrelated labels stay command slides. */
static void before_after_blocks_compared(void **state) {
  (void)state;
  const char *prose =
      "# Sums\n\n## Shorter code\n\nBefore:\n\n```python\ndef total(xs):\n    t = 0\n"
      "    for x in xs:\n        t = t + x\n    return t\n```\n\nAfter:\n\n```python\n"
      "def total(xs):\n    return sum(xs)\n```\n";
  const char *bold =
      "# Migration\n\n## Renamed option\n\nThe flag was renamed in version 2.\n\n**Old:**\n\n"
      "```sh\ntool --out file.txt\n```\n\n**New:**\n\n```sh\ntool --output file.txt\n```\n";
  const char *unrelated =
      "# Setup\n\n## Install\n\nBefore:\n\n```sh\napt update\n```\n\nUsing npm:\n\n"
      "```sh\nnpm install x\n```\n";
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  for (int f = 0; f < 2; f++) {
    vgi_diags d = {0};
    cJSON *m = load_text("pair.md", prose, f ? &full : NULL, &d);
    const cJSON *s = scene_with(m, "code_comparison", "\"after_code\":[\"def total(xs):\",\"    return sum(xs)\"]");
    assert_non_null(s);
    assert_non_null(scene_with(m, "code_comparison", "\"before_label\":\"Before\""));
    assert_null(scene_with(m, "command", "sum(xs)"));
    assert_int_equal(said_in(m, "Before."), 0);
    vgi_diags_free(&d);
    cJSON_Delete(m);
    d = (vgi_diags){0};
    m = load_text("pair.md", bold, f ? &full : NULL, &d);
    s = scene_with(m, "code_comparison", "\"after_label\":\"New\"");
    assert_non_null(s);
    assert_non_null(scene_with(m, "code_comparison", "tool --out file.txt"));
    assert_null(scene_with(m, "command", "tool --output"));
    vgi_diags_free(&d);
    cJSON_Delete(m);
    d = (vgi_diags){0};
    m = load_text("pair.md", unrelated, &full, &d);
    assert_null(scene_with(m, "code_comparison", "apt"));
    assert_non_null(scene_with(m, "command", "npm install x"));
    vgi_diags_free(&d);
    cJSON_Delete(m);
  }
}

/* An HTML page laid out with a table (libxslt's pages: a column of menus
 * beside the page's body, tables in tables) is read as its content: its
 * headings and paragraphs, a data table inside it still a table, its
 * menus left out. It was one table of rows of menus and paragraphs. */
static void layout_table_read_as_content(void **state) {
  (void)state;
  const char *page =
      "<!DOCTYPE html>\n<html>\n<head><title>Gizmo library</title></head>\n<body>\n"
      "<table width=\"100%\"><tr><td><h1>Gizmo library</h1></td></tr></table>\n"
      "<table width=\"100%\"><tr><td valign=\"top\" width=\"200\">\n"
      "<table><tr><th>Main Menu</th></tr><tr><td><ul>\n"
      "<li><a href=\"index.html\">Home</a></li><li><a href=\"intro.html\">Introduction</a></li>\n"
      "<li><a href=\"docs.html\">Documentation</a></li><li><a href=\"bugs.html\">Bugs</a></li>\n"
      "<li><a href=\"news.html\">News</a></li><li><a href=\"faq.html\">FAQ</a></li></ul></td></tr></table>\n"
      "</td><td valign=\"top\">\n"
      "<h2>The programming interface</h2>\n"
      "<p>Linking the gizmo library into a program takes a few steps, described below in order.</p>\n"
      "<p>Each gizmo is opened, configured with its options, and closed again when the program ends.</p>\n"
      "<table><tr><th>Call</th><th>Purpose</th></tr>\n"
      "<tr><td>gizmo_open</td><td>opens a gizmo</td></tr>\n"
      "<tr><td>gizmo_close</td><td>closes it again</td></tr></table>\n"
      "</td></tr></table>\n</body>\n</html>\n";
  const char *path = write_tmp("gizmo.html", page);
  vgi_diags d = {0};
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load(path, &full, &d);
  unlink(path);
  assert_non_null(m);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  char *shown = cJSON_PrintUnformatted(m);
  assert_non_null(strstr(all, "Linking the gizmo library into a program"));
  assert_non_null(strstr(shown, "\"header\":\"The programming interface\""));
  assert_non_null(scene_with(m, "table", "\"columns\":[\"Call\",\"Purpose\"]"));
  assert_null(strstr(shown, "Main Menu"));
  assert_null(strstr(shown, "Introduction"));
  free(all);
  free(shown);
  cJSON_Delete(m);
}

/* An API page made HTML (Node's): "Added in: v10.0.0", "Stability: 2 -
 * Stable" and a "Version | Changes" history table are version metadata, not
 * said in each section; a banner that is not "Stable" is the slide's
 * subtitle, as the Markdown's quote is. --detail full reads the history. */
static void html_api_metadata_unsaid(void **state) {
  (void)state;
  const char *page = "<!DOCTYPE html>\n<html><body>\n<h1>File system</h1>\n"
                     "<div class=\"api_stability api_stability_2\"><a href=\"x.html\">Stability: 2</a> - Stable</div>\n"
                     "<p>The fs module enables interacting with the file system in a way modeled on POSIX.</p>\n"
                     "<h2>Promises API</h2>\n<div class=\"api_metadata\">\n<details class=\"changelog\"><summary>History</summary>\n"
                     "<table><tbody><tr><th>Version</th><th>Changes</th></tr>\n"
                     "<tr><td>v14.0.0</td><td><p>Exposed as <code>require('fs/promises')</code>.</p></td></tr>\n"
                     "<tr><td>v10.0.0</td><td><p><span>Added in: v10.0.0</span></p></td></tr>\n</tbody></table>\n</details>\n</div>\n"
                     "<p>The promise APIs use the underlying threadpool to perform file system operations.</p>\n"
                     "<h2>Class: FileHandle</h2>\n<div class=\"api_metadata\">\n<span>Added in: v10.0.0</span>\n</div>\n"
                     "<p>A FileHandle object is an object wrapper for a numeric file descriptor.</p>\n"
                     "<h2>fs.openAsBlob(path)</h2>\n<div class=\"api_metadata\">\n<span>Added in: v19.8.0, v18.17.0</span>\n"
                     "</div>\n<div class=\"api_stability api_stability_1\">Stability: 1 - Experimental</div>\n"
                     "<p>Returns a Blob whose data is backed by the given file.</p>\n"
                     "<h2>--no-addons</h2>\n<div class=\"api_metadata\">\n<span>Added in: v20.12.0</span>\n</div>\n"
                     "<p></p><div class=\"api_stability api_stability_1\"><a href=\"x.html\">Stability: 1</a>.1 - Active "
                     "development</div><p></p>\n<p>Native addons are refused when the permission model is on.</p>\n</body></html>\n";
  for (int full = 0; full < 2; full++) {
    vgi_options o = { .detail = full ? VGI_DETAIL_FULL : VGI_DETAIL_SUMMARY };
    cJSON *m = load_page("fs.html", page, &o);
    char *t = cJSON_PrintUnformatted(m);
    int ok = !strstr(t, "Stability") && !strstr(t, "v19.8.0") &&
             strstr(t, "numeric file descriptor") &&
             (full ? strstr(t, "Exposed as") && strstr(t, "\"description\":\"Experimental\"")
                   : !strstr(t, "Added in") && !strstr(t, "v14.0.0") && !strstr(t, "Exposed as"));
    if (!ok) print_message("full %d: %.2500s\n", full, t), fail();
    free(t);
    cJSON_Delete(m);
  }
}

/* What a summary leaves out of real READMEs: a section that sells goods or
 * asks to be followed (Oh My Zsh's "Merchandise", "Follow Us"), the same
 * topics on the agenda with the license, and the tail of a sentence that
 * went on after its code ("which should output nvm …", nvm's README). An
 * opening clause's main clause is never a clause of means that "either"
 * opens ("Either by running export before installing."). */
static void summary_leaves_promotion_and_tails(void **state) {
  (void)state;
  char *all = summary_said("README.md",
    "# Zsh Kit\n\n## Table of Contents\n\n- [Install](#install)\n- [Verify](#verify)\n- [Merchandise](#merchandise)\n"
    "- [Follow Us](#follow-us)\n- [License](#license)\n\n"
    "## Install\n\nZsh Kit installs plugins for the Z shell and keeps them updated every week.\n\n"
    "## Verify\n\nTo verify that the kit has been installed, do:\n\n```sh\nzk --version\n```\n\n"
    "which should output the version if the installation was successful.\n\n"
    "## Directory\n\nIf you would like to change the install directory with the ZK environment variable, either by "
    "running `export ZK=/your/path` before installing, or by setting it before the end of the install pipeline like "
    "this:\n\n```sh\nZK=x sh install.sh\n```\n\n"
    "## Merchandise\n\nWe have stickers, shirts, and coffee mugs available for you to show off your love.\n\n"
    "## Follow Us\n\nWe are on social media, tag us in your posts.\n\n"
    "## License\n\nZsh Kit is released under the MIT license.\n");
  if (!strstr(all, "If you would like to change")) print_message("said: %s\n", all);
  assert_non_null(strstr(all, "installs plugins"));
  assert_null(strstr(all, "stickers"));
  assert_null(strstr(all, "tag us"));
  assert_null(strstr(all, "should output"));
  assert_null(strstr(all, "Either by"));
  assert_non_null(strstr(all, "If you would like to change the install directory"));
  assert_non_null(strstr(all, "2 topics: Install and Verify"));
  free(all);
}

/* Prose over commands that ends by pointing at them says what the slide
 * shows: "run the following in your terminal:" is "run this command in
 * your terminal.", a shared slide's "To upgrade it, use:" is "…, use
 * these commands." (never "use."). A bare block of "name = value" is a
 * program's statement, not shell commands; a lower-case tail after a block
 * whose subject is the block ("does the same job if …") is not a summary's
 * point. A copyright notice gives way to the license after it, and a
 * summary says nothing of trademarks (asciidoctor's README). */
/* A list item that only points elsewhere ("consult the wiki;") leaves
 * the slide, but not when items nested under it follow: they would sit
 * under the item before it (tqdm's "import the module and run help()"
 * showed its neighbour's "this has an excellent article" as its child). */
static void pointer_item_keeps_its_children(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("README.md", "# Demo\n\nDemo converts text to slides quickly and well for everyone.\n\n"
    "## Examples\n\n- See the [examples](https://x.org/e) folder;\n- import the module and run `help()`;\n"
    "- consult the [wiki](https://x.org/w);\n"
    "  * this has an [excellent article](https://x.org/a) on how to make a **great** progress bar;\n"
    "- run the demo.\n", NULL, &d);
  vgi_diags_free(&d);
  const cJSON *items = NULL;
  for (int i = 0; i < scene_count(m, 0) && !items; i++)
    if (!strcmp(sget(scene_at(m, 0, i), "scene_type"), "list"))
      items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene_at(m, 0, i), "visual_content"), "items");
  assert_non_null(items);
  int n = cJSON_GetArraySize(items), child = -1;
  for (int i = 0; i < n; i++) {
    const cJSON *l = cJSON_GetObjectItem(cJSON_GetArrayItem(items, i), "level");
    if (cJSON_IsNumber(l) && l->valueint == 1) child = i;
  }
  assert_true(child > 0);
  /* the child's parent is the item it was written under */
  const char *parent = sget(cJSON_GetArrayItem(items, child - 1), "title");
  if (!strstr(parent, "wiki")) fail_msg("child under: %s", parent);
  cJSON_Delete(m);
}

static void code_pointers_said_whole(void **state) {
  (void)state;
  char *all = summary_said("README.md",
    "# Demo\n\nDemo converts text to slides quickly and well.\n\n"
    "## Usage\n\nIf the gem installed successfully, the command is on your PATH. "
    "To verify it is available, run the following in your terminal:\n\n    $ demo --version\n\n"
    "You should see the version printed in the terminal.\n\n"
    "## Upgrade\n\n### APK\n\nTo upgrade the gem, use:\n\n```sh\napk add -u demo\n```\n\n"
    "### APT\n\nTo upgrade the gem, use:\n\n```sh\napt upgrade demo\n```\n\n"
    "## Domains\n\nThe default domain needs no prefix before the markup.\n\n"
    "```rst\n.. function:: enumerate(sequence)\n```\n\n"
    "does the same job if you keep the default setting for the default domain.\n");
  if (!strstr(all, "run this command in your terminal.")) fail_msg("said: %s", all);
  assert_null(strstr(all, "the following"));
  assert_non_null(strstr(all, "To upgrade the gem, use these commands."));
  assert_null(strstr(all, "use."));
  assert_null(strstr(all, "does the same job"));
  free(all);
  /* a code slide's voice ends as a sentence, unless its last word waits
   * for the code ("using:", "like:", "are:") */
  all = summary_said("README.md",
    "# Demo\n\nDemo converts text to slides quickly and well.\n\n"
    "## Install\n\nInstall from PyPI:\n\n```console\n$ pip install demo\n```\n\n"
    "## Access\n\nThe module is available to every program. It can be accessed using:\n\n"
    "```js\nconst demo = require('demo');\n```\n\n"
    "## Promises\n\nThe module works with callbacks. To use the promise-based APIs:\n\n"
    "```js\nimport * as demo from 'demo/promises';\n```\n");
  if (!strstr(all, "Install from PyPI.")) fail_msg("said: %s", all);
  assert_non_null(strstr(all, "accessed using:"));
  /* (a purpose clause alone waits for the code that fulfils it) */
  assert_non_null(strstr(all, "To use the promise-based APIs:"));
  free(all);
  /* a section of copyright says its license; trademarks are fine print */
  all = summary_said("README.md",
    "# Demo\n\nDemo converts text to slides quickly and well.\n\n## Usage\n\nRun demo on a folder of notes to get a deck.\n\n"
    "## Copyright and License\n\nCopyright (C) 2012-present Jane Roe, John Doe, and the individual contributors to Demo.\n"
    "Use of this software is granted under the terms of the MIT License.\n\n"
    "## Trademarks\n\nDemo(R) is a trademark of the Demo Foundation, Inc.\n");
  if (!strstr(all, "Use of this software is granted under the terms of the MIT License.")) fail_msg("said: %s", all);
  assert_null(strstr(all, "Jane Roe"));
  assert_null(strstr(all, "trademark"));
  free(all);
  /* (a notice and its "All rights reserved." say no license) */
  all = summary_said("README.md", "# Demo\n\nDemo converts text to slides quickly and well.\n\n"
    "## Copyright\n\nCopyright 2001-2023 Demo Software Foundation. All rights reserved.\n");
  if (!strstr(all, "Copyright 2001-2023 Demo Software Foundation.")) fail_msg("said: %s", all);
  assert_null(strstr(all, "All rights reserved"));
  free(all);
  vgi_diags d;
  cJSON *m = load_text("README.md", "# Sphinx\n\nSphinx makes documentation from plain text files.\n\n"
                       "## Intersphinx\n\nTo link to the Python manual, set your mapping like this:\n\n"
                       "    intersphinx_mapping = {'python': ('https://docs.python.org/3', None)}\n", NULL, &d);
  vgi_diags_free(&d);
  char *t = cJSON_PrintUnformatted(m);
  if (strstr(t, "\"language\":\"shell\"") || !strstr(t, "\"language\":\"python\"")) fail_msg("%.2000s", t);
  free(t);
  cJSON_Delete(m);
}

/* The model of text saved as README.md in a folder named folder (the
 * folder is removed after). */
static cJSON *load_in_folder(const char *folder, const char *text) {
  char dir[128], path[256];
  snprintf(dir, sizeof dir, "/tmp/vgi_%d_%s", (int)getpid(), folder);
  mkdir(dir, 0700);
  snprintf(path, sizeof path, "%s/%s", dir, folder);
  mkdir(path, 0700);
  snprintf(path, sizeof path, "%s/%s/README.md", dir, folder);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  vgi_diags d = {0};
  cJSON *m = load(path, NULL, &d);
  vgi_diags_free(&d);
  unlink(path);
  snprintf(path, sizeof path, "%s/%s", dir, folder);
  rmdir(path);
  rmdir(dir);
  assert_non_null(m);
  return m;
}

/* A README without a title, whose first sentence speaks of the file ("This
 * README is just a fast quick start document", Redis's), is titled by its
 * folder, written as the text writes the name ("Redis", not "redis"). */
static void readme_about_itself_titled_by_folder(void **state) {
  (void)state;
  cJSON *m = load_in_folder("redis", "This README is just a fast *quick start* document. See redis.io for more.\n\nWhat is Redis?\n---\n\n"
        "Redis is often referred to as a data structures server. Redis is fast.\n\n"
        "Building Redis\n---\n\nRedis can be compiled on Linux with make and a C compiler.\n");
  const char *title = sget(video_at(m, 0), "title");
  if (!title || strcmp(title, "Redis")) print_message("title: %s\n", title ? title : "(none)");
  assert_string_equal(title, "Redis");
  cJSON_Delete(m);
}

/* Items marked by a legend's tags ("`B` [Linked List](…)", "`A` [Trie](…)",
 * javascript-algorithms' README) are shown and said without them, in
 * nested lists too; a list whose items merely start with different code
 * (commands) keeps it. */
static void legend_tags_out(void **state) {
  (void)state;
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("algo.md", "# Algorithms\n\n## Structures\n\n`B` - Beginner, `A` - Advanced\n\n"
                       "* `B` [Linked List](src/ll)\n* `B` [Queue](src/q)\n* `A` [Trie](src/trie)\n"
                       "* **Math**\n  * `B` [Factorial](src/f)\n  * `B` [Primes](src/p) - sieve and trial division\n"
                       "  * `A` [Fast Fourier](src/fft)\n\n## Commands\n\n* `ls` lists files\n* `cp` copies files\n"
                       "* `mv` moves files\n", &full, &d);
  vgi_diags_free(&d);
  char *j = cJSON_PrintUnformatted(m);
  if (strstr(j, "B Linked") || !strstr(j, "\"Linked List\"")) print_message("%s\n", j);
  assert_null(strstr(j, "B Linked"));
  assert_null(strstr(j, "B Factorial"));
  assert_null(strstr(j, "A Fast"));
  assert_non_null(strstr(j, "Fast Fourier"));
  assert_non_null(strstr(j, "ls lists files"));
  free(j);
  cJSON_Delete(m);
}

/* A table whose rows the prose before it named ("On Windows, fzf is
 * available via Chocolatey, Scoop, Winget, and MSYS2:") is not said twice:
 * the summary says the prose, ended as a sentence, not the rows again,
 * when the rows said no more than their keys. */
static void table_rows_named_by_intro(void **state) {
  (void)state;
  char *all = summary_said("win.md", "# Finder\n\n## Windows packages\n\nOn Windows, the finder is available via "
                           "Chocolatey, Scoop, Winget, and MSYS2:\n\n| Package manager | Command |\n| --- | --- |\n"
                           "| Chocolatey | `choco install finder` |\n| Scoop | `scoop install finder` |\n"
                           "| Winget | `winget install finder` |\n| MSYS2 (pacman) | `pacman -S finder` |\n\n"
                           "## Goods\n\nGrab finder T-shirts, mugs, and stickers here.\n");
  if (!strstr(all, "Winget, and MSYS2.")) print_message("said: %s\n", all);
  assert_non_null(strstr(all, "Winget, and MSYS2."));
  assert_null(strstr(all, "MSYS2:"));
  assert_null(strstr(all, "Goods"));
  free(all);
  /* rows that say what each key means are said, named or not */
  all = summary_said("ext.md", "# Ed\n\n## Tests\n\nThe files with extensions '.ed', '.r', and '.err' are used for "
                     "testing. The test file extensions have the following meanings:\n\n| Extension | Meaning |\n"
                     "| --- | --- |\n| .ed | Ed script - a list of ed commands |\n"
                     "| .r | Result - the expected output |\n| .err | Ed script that produces an error |\n");
  if (!strstr(all, "a list of ed commands")) print_message("said: %s\n", all);
  assert_non_null(strstr(all, "a list of ed commands"));
  free(all);
}

/* A README opens with its sponsors' thanks in a <div> ("Special thanks
 * to:", logos in links with their slogans, lazygit's README): none of it
 * is shown or said. An untitled README whose first line describes without
 * naming ("A simple terminal UI for git commands") is titled by its
 * folder when the text names that folder often, the line its subtitle. */
static void sponsor_div_and_tagline(void **state) {
  (void)state;
  cJSON *m = load_in_folder("gitview", "<div align=\"center\">\n<sup>Special thanks to:</sup>\n<br>\n<br>\n"
        "<a href=\"https://ads.example.com\">\n  <div>\n    <img src=\"https://ads.example.com/a.png\" alt=\"Acme\">\n  </div>\n"
        "  <b>Acme, the intelligent terminal</b>\n  <br>\n  <b>Available for macOS and Linux</b>\n</a>\n<br>\n<hr>\n"
        "<a href=\"https://b.example.com\">\n  <b>Bravo, the premier screen sharing app.</b>\n</a>\n\n<hr>\n</div>\n\n"
        "<div align=\"center\">\n\nA simple terminal UI for git commands\n\n</div>\n\n"
        "## Elevator Pitch\n\nGitview makes staging lines easy. With gitview you never edit a patch by hand.\n\n"
        "## Usage\n\nCall gitview in your terminal inside a git repository.\n");
  char *j = cJSON_PrintUnformatted(m);
  assert_null(strstr(j, "Acme"));
  assert_null(strstr(j, "Bravo"));
  assert_null(strstr(j, "Special thanks"));
  const char *title = sget(video_at(m, 0), "title");
  if (!title || strcmp(title, "gitview")) print_message("title: %s\n", title ? title : "(none)");
  assert_string_equal(title, "gitview");
  assert_non_null(strstr(j, "\"subtitle\":\"A simple terminal UI for git commands\""));
  free(j);
  cJSON_Delete(m);
}

/* "<sup>Special thanks to:</sup>" as a paragraph of its own, then the
 * sponsors in a <table> of logos in links with their slogans (zoxide's
 * README): the table was read as the first slide ("Warp, built for coding
 * with multiple AI agents … now hiring in SF") and pushed the document's
 * own first sentence out of the summary. A logo whose alt text says
 * "Sponsored by" is a sponsor's without a label too. */
static void sponsor_table_not_read(void **state) {
  (void)state;
  const char *doc =
    "<div align=\"center\">\n\n<sup>Special thanks to:</sup>\n\n<table>\n  <tr>\n    <td align=\"center\">\n"
    "      <a href=\"https://go.example.dev/x\"><img alt=\"Acme\" width=\"230\" src=\"https://x.example/a.png\" /></a>\n"
    "      <div><sup><b>Acme, built for coding with many agents.</b></sup></div>\n"
    "      <div><sup>Available for macOS, Linux, and Windows.</sup></div>\n    </td>\n    <td align=\"center\">\n"
    "      <a href=\"https://b.example\"><img alt=\"Bravo\" src=\"https://x.example/b.png\" /></a>\n"
    "      <div><sup>Processing video at peak load, now hiring.</sup></div>\n    </td>\n  </tr>\n</table>\n\n"
    "<hr />\n\n<h1>\n  zipdir\n</h1>\n\n"
    "zipdir is a **smarter cd command**, inspired by z and autojump.\n\n"
    "It remembers which directories you use most.\n\n</div>\n\n"
    "<p align=\"center\"><a href=\"https://c.example\"><img alt=\"Sponsored by Charlie\" src=\"c.png\"></a>"
    "<br>Charlie ships fast builds.</p>\n\n"
    "## Usage\n\nRun zipdir with a folder name to jump there.\n";
  vgi_diags d;
  cJSON *m = load_text("README.md", doc, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *all = cJSON_PrintUnformatted(m);
  static const char *const unsaid[] = { "Acme", "Bravo", "Charlie", "hiring", "Special thanks", NULL };
  for (int i = 0; unsaid[i]; i++) {
    if (strstr(all, unsaid[i])) print_message("said or shown: %s\n", unsaid[i]);
    assert_null(strstr(all, unsaid[i]));
  }
  assert_string_equal(sget(video_at(m, 0), "title"), "zipdir");
  assert_non_null(strstr(all, "smarter cd command"));
  free(all);
  cJSON_Delete(m);
}

/* A tagline under the title's row of badges (HTML links around badge
 * pictures, or Markdown ones) is the title slide's subtitle, as one right
 * under the title is: uv's and zoxide's were a slide of one point after
 * the title. An italic caption under a picture in HTML (never shown) says
 * nothing to a viewer: uv's "Installing Trio's dependencies with a warm
 * cache." was a slide. */
static void tagline_past_badges(void **state) {
  (void)state;
  const char *docs[] = {
    "# uvx\n\n<a href=\"https://pypi.org/p/uvx\"><img src=\"https://img.shields.io/pypi/v/uvx.svg\" alt=\"PyPI\" /></a>\n"
    "<a href=\"https://discord.gg/x\"><img src=\"https://img.shields.io/badge/Discord.svg\" alt=\"Discord\" /></a>\n\n"
    "An extremely fast Python package manager, written in Rust.\n\n"
    "<p align=\"center\">\n  <picture>\n    <img alt=\"A bar chart.\" src=\"https://x.example/chart.svg\">\n"
    "  </picture>\n</p>\n\n<p align=\"center\">\n  <i>Installing <a href=\"https://t.example/\">Trio</a>'s "
    "dependencies with a warm cache.</i>\n</p>\n\n## Highlights\n\n- Ten times faster than pip.\n- Runs scripts.\n",
    "# uvx\n\n[![crates.io][c-badge]][c]\n[![Downloads][d-badge]][d]\n\n"
    "An extremely fast Python package manager, written in Rust.\n\n## Highlights\n\n- Ten times faster than pip.\n"
    "- Runs scripts.\n\n[c]: https://crates.io/x\n[c-badge]: https://img.shields.io/c.svg\n"
    "[d]: https://x.example/d\n[d-badge]: https://img.shields.io/d.svg\n",
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    vgi_diags d;
    cJSON *m = load_text("README.md", docs[i], NULL, &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    const char *sub = vcget(scene_at(m, 0, 0), "subtitle");
    if (!sub || strcmp(sub, "An extremely fast Python package manager, written in Rust.")) {
      char *j = cJSON_PrintUnformatted(m);
      print_message("doc %zu: %s\n", i, j);
      free(j);
    }
    assert_non_null(sub);
    assert_string_equal(sub, "An extremely fast Python package manager, written in Rust.");
    char *j = cJSON_PrintUnformatted(m);
    /* said once, on the title slide: no slide of its own */
    const char *first = strstr(j, "extremely fast");
    assert_non_null(first);
    const char *second = strstr(first + 1, "\"bullets\":[\"An extremely fast");
    assert_null(second);
    assert_null(strstr(j, "warm cache"));
    free(j);
    cJSON_Delete(m);
  }
}

/* A list split over two slides: the second page's "continued" is for the
 * eye; its voice goes on with the points, without the heading again
 * ("Highlights. Continued. Includes a pip-compatible interface …"). */
static void continued_page_unsaid(void **state) {
  (void)state;
  const char *doc =
    "# Tool\n\nTool manages Python projects.\n\n## Highlights\n\n"
    "- A single tool to replace pip, pip-tools, pipx, poetry, pyenv, and more.\n- Ten to a hundred times faster than pip.\n"
    "- Provides comprehensive project management, with a universal lockfile.\n"
    "- Runs scripts, with support for inline dependency metadata.\n- Installs and manages Python versions.\n"
    "- Runs and installs tools published as Python packages.\n"
    "- Includes a pip-compatible interface for a performance boost with a familiar CLI.\n"
    "- Supports Cargo-style workspaces for scalable projects.\n"
    "- Disk-space efficient, with a global cache for dependency deduplication.\n"
    "- Installable without Rust or Python via curl or pip.\n- Supports macOS, Linux, and Windows.\n\n"
    "Tool is backed by Acme, the creators of Ruff and ty.\n\n## Installation\n\nRun the installer.\n";
  vgi_diags d;
  cJSON *m = load_text("README.md", doc, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  if (strstr(j, "Continued") || strstr(j, "continued.")) print_message("%s\n", j);
  assert_null(strstr(j, "Continued"));
  assert_null(strstr(j, "\"narration\":\"Highlights. Includes"));
  assert_non_null(strstr(j, "Includes a pip-compatible"));
  free(j);
  cJSON_Delete(m);
}

/* The sentence that introduces a picture not shown (a remote GIF is not
 * downloaded) points at nothing: hyperfine's "Demo: Benchmarking fd and
 * find:" was a slide of its own. The lead-in of a picture shown stays. */
static void lead_in_of_picture_not_shown(void **state) {
  (void)state;
  const char *doc =
    "# timeit\n\nA command-line benchmarking tool.\n\n"
    "**Demo**: Benchmarking [`fd`](https://x.example/fd) and [`find`](https://x.example/find):\n\n"
    "![timeit](https://i.example.com/z19OYxE.gif)\n\n"
    "## Features\n\n- Statistical analysis across multiple runs.\n- Support for arbitrary shell commands.\n\n"
    "## Syntax highlighting\n\n`timeit` supports syntax highlighting for a large number of programming and markup "
    "languages:\n\n![Syntax highlighting example](https://i.example.com/s.png)\n\n"
    "## Themes\n\nOpen a new terminal window and your prompt should look something like this:\n\n"
    "![Prompt](https://i.example.com/p.png)\n";
  vgi_diags d;
  cJSON *m = load_text("README.md", doc, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  if (strstr(j, "Benchmarking") || !strstr(j, "markup languages.")) print_message("%s\n", j);
  assert_null(strstr(j, "Benchmarking"));
  assert_non_null(strstr(j, "Statistical analysis"));
  /* (a lead-in that says something of its own is said, as a sentence) */
  assert_non_null(strstr(j, "markup languages."));
  assert_null(strstr(j, "markup languages:"));
  /* (one that points at the picture goes whatever its length) */
  assert_null(strstr(j, "like this"));
  free(j);
  cJSON_Delete(m);
}

/* A title that names the project, then says what it is, is the title and
 * its subtitle ("pipx — Install and Run Python Applications in Isolated
 * Environments"); a numbered part or a kind of page keeps its title whole. */
static void title_names_then_says(void **state) {
  (void)state;
  static const struct { const char *h1, *title, *sub; } cases[] = {
    { "pipx \xE2\x80\x94 Install and Run Python Applications in Isolated Environments", "pipx",
      "Install and Run Python Applications in Isolated Environments" },
    { "Express - Fast, minimalist web framework", "Express", "Fast, minimalist web framework" },
    { "Rustlings: Small exercises for reading Rust", "Rustlings", "Small exercises for reading Rust" },
    { "Part 2: Getting started with widgets", "Part 2: Getting started with widgets", NULL },
    { "Tutorial: Build a blog", "Tutorial: Build a blog", NULL },
    { "Appendix A - Keywords and more", "Appendix A - Keywords and more", NULL },
    { "fzf - a command-line fuzzy finder", "fzf", "A command-line fuzzy finder" },
    { "Types (libffi: the portable foreign function interface library)",
      "Types (libffi: the portable foreign function interface library)", NULL },
    { "Modules: ECMAScript modules", "Modules: ECMAScript modules", NULL },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char doc[512];
    snprintf(doc, sizeof doc, "# %s\n\n## Usage\n\n- Run the program from a shell with a file.\n- Read the output.\n",
             cases[i].h1);
    vgi_diags d;
    cJSON *m = load_text("README.md", doc, NULL, &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    const cJSON *title = scene_at(m, 0, 0);
    const char *t = vcget(title, "title"), *sub = vcget(title, "subtitle");
    if (!t || strcmp(t, cases[i].title) || (cases[i].sub ? !sub || strcmp(sub, cases[i].sub) : sub != NULL))
      print_message("case %zu: title %s, subtitle %s\n", i, t ? t : "-", sub ? sub : "-");
    assert_non_null(t);
    assert_string_equal(t, cases[i].title);
    if (cases[i].sub) {
      assert_non_null(sub);
      assert_string_equal(sub, cases[i].sub);
    } else {
      assert_null(sub);
    }
    cJSON_Delete(m);
  }
}

/* "**Source Code**: <https://…>" alone in its paragraph labels an address
 * the video neither shows nor says: no slide "Source Code: github.com"
 * said "Source Code."; "For comparison, see [Comparison to Other
 * Tools](…)." points at a page by its title: not said either; links in
 * square brackets after an item ("Website - [[website repo](…)]") are an
 * aside, brackets and all. */
static void labels_and_pointers_unsaid(void **state) {
  (void)state;
  const char *doc =
    "# Tool\n\nTool is a program that turns text into pictures for slides.\n\n"
    "**Source Code**: <https://github.com/ex/tool>\n\n**Bug tracker**: <https://github.com/ex/tool/issues>\n\n"
    "_For comparison to other tools including pipsi, see [Comparison to Other Tools](https://x.example/c.html)._\n\n"
    "## Usage\n\nRun it from a shell with a file name.\n\n"
    "## Docs & Community\n\n"
    "* [Website and Documentation](https://x.example/) - [[website repo](https://github.com/x/y)]\n"
    "* Guides [[docs](https://a.example/d), [source](https://a.example/s)] for everyone\n"
    "* Array access a[i] and the [manual](https://q.example/) stay\n";
  vgi_diags d;
  cJSON *m = load_text("README.md", doc, NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  if (strstr(j, "Source Code") || strstr(j, "Comparison") || strstr(j, "[") == NULL || strstr(j, "repo"))
    print_message("%s\n", j);
  assert_null(strstr(j, "Source Code"));
  assert_null(strstr(j, "Bug tracker"));
  assert_null(strstr(j, "Comparison"));
  assert_null(strstr(j, "website repo"));
  assert_null(strstr(j, "[docs"));
  assert_non_null(strstr(j, "Website and Documentation\""));
  assert_non_null(strstr(j, "Guides for everyone"));
  assert_non_null(strstr(j, "Array access a[i] and the manual stay"));
  assert_non_null(strstr(j, "Run it from a shell"));
  free(j);
  cJSON_Delete(m);
}

/* A sentence that opens with its purpose ("In order to have a more open
 * and welcoming community, Jekyll adheres to …") is headlined by its main
 * clause, never by its first words ("In order to have a more open"). */
static void purpose_clause_headline(void **state) {
  (void)state;
  char *h = vgi_headline("In order to have a more open and welcoming community, Jekyll adheres to a code of conduct "
                         "adapted from the Ruby on Rails code of conduct.");
  if (strncmp(h, "Jekyll adheres", 14)) print_message("%s\n", h);
  assert_true(!strncmp(h, "Jekyll adheres to a code of conduct", 35));
  free(h);
  h = vgi_shown_headline("In order to build the docs on a machine without network access, you need the offline "
                         "bundle and a recent Python.");
  assert_string_equal(h, "You need the offline bundle and a recent Python");
  free(h);
}

/* A summary says a question heading's answer with it: a list of terms
 * under "What do the commit colors represent?" was said by its question
 * alone. */
static void question_heading_answered(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("faq.md", "# Tool\n\nTool is a terminal UI. It is fast.\n\n## FAQ\n\n"
                       "### What do the commit colors represent?\n\n"
                       "- Green: the commit is included in the master branch\n"
                       "- Yellow: the commit is not included in the master branch\n"
                       "- Red: the commit has not been pushed to the upstream branch\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  const char *q = strstr(j, "\"narration\":\"What do the commit colors represent?");
  if (!q) print_message("%s\n", j);
  assert_non_null(q);
  const char *e = strchr(q + 13, '"');
  assert_non_null(e);
  const char *g = strstr(q, "Green");
  assert_true(g && g < e);
  free(j);
  cJSON_Delete(m);
}

/* A table of contents' entry for itself, "Donate" and a "Shameless Plug"
 * are no topics of a summary's agenda; a summary leaves out a sentence
 * pointing back at a badge it does not show ("Most of the above packages
 * …" under Repology's picture); a dotfile in the home folder is said by
 * its name ("add this to your zshrc"), never taken out of its sentence. */
static void agenda_badges_and_dotfiles(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("lg.md", "# Tool\n\nTool is a terminal UI for git.\n\n## Table of contents\n\n"
                       "- [Table of contents](#table-of-contents)\n- [Install](#install)\n- [Usage](#usage)\n"
                       "- [Shell](#shell)\n- [Donate](#donate)\n- [Shameless Plug](#shameless-plug)\n\n"
                       "## Install\n\n[![Packaging status](https://repology.org/badge/tool.svg)](https://repology.org/project/tool)\n\n"
                       "_Most of the above packages are maintained by third parties so be sure to vet them._\n\n"
                       "Binary releases are on the releases page for every platform.\n\n"
                       "## Usage\n\nCall tool in your terminal inside a repository.\n\n"
                       "## Shell\n\nTo change directory on exit, add this to your `~/.zshrc` (or other rc file):\n\n"
                       "```\nlg() { tool; }\n```\n\n"
                       "## Donate\n\nIf you would like to support the development of tool, consider sponsoring me.\n\n"
                       "## Shameless Plug\n\nFollow me on twitter or check out my blog.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  if (!strstr(j, "add this to your zshrc")) print_message("%s\n", j);
  assert_non_null(strstr(j, "3 topics"));
  assert_non_null(strstr(j, "\"items\":[\"Install\",\"Usage\",\"Shell\"]"));
  assert_null(strstr(j, "Donate"));
  assert_null(strstr(j, "Shameless"));
  assert_null(strstr(j, "twitter"));
  assert_null(strstr(j, "sponsoring"));
  assert_null(strstr(j, "above packages"));
  assert_non_null(strstr(j, "Binary releases are on the releases page"));
  assert_non_null(strstr(j, "add this to your zshrc"));
  free(j);
  cJSON_Delete(m);
}

/* A term's description is never said by a phrase that leads into its
 * clause ("Efficient — with the growth of data", restic's README) nor by
 * a subject without its verb ("Fast — backing up your data"). */
static void pair_descriptions_not_fragments(void **state) {
  (void)state;
  char *all = summary_said("README.md",
    "# Restic\n"
    "\n"
    "Restic is a backup program.\n"
    "\n"
    "# Design Principles\n"
    "\n"
    "Restic is a program that does backups right and was designed with the\n"
    "following principles in mind:\n"
    "\n"
    "-  **Easy**: Doing backups should be a frictionless process, otherwise\n"
    "   you might be tempted to skip it. Restic should be easy to configure\n"
    "   and use, so that, in the event of a data loss, you can just restore\n"
    "   it. Likewise, restoring data should not be complicated.\n"
    "\n"
    "-  **Fast**: Backing up your data with restic should only be limited by\n"
    "   your network or hard disk bandwidth so that you can backup your files\n"
    "   every day. Nobody does backups if it takes too much time. Restoring\n"
    "   backups should only transfer data that is needed for the files that\n"
    "   are to be restored, so that this process is also fast.\n"
    "\n"
    "-  **Verifiable**: Much more important than backup is restore, so restic\n"
    "   enables you to easily verify that all data can be restored.\n"
    "\n"
    "-  **Secure**: Restic uses cryptography to guarantee confidentiality and\n"
    "   integrity of your data. The location the backup data is stored is\n"
    "   assumed not to be a trusted environment (e.g. a shared space where\n"
    "   others like system administrators are able to access your backups).\n"
    "   Restic is built to secure your data against such attackers.\n"
    "\n"
    "-  **Efficient**: With the growth of data, additional snapshots should\n"
    "   only take the storage of the actual increment. Even more, duplicate\n"
    "   data should be de-duplicated before it is actually written to the\n"
    "   storage back end to save precious backup space.\n"
    "\n");
  if (strstr(all, "with the growth of data.") || strstr(all, "backing up your data;")) print_message("said: %s\n", all);
  assert_null(strstr(all, "with the growth of data."));
  assert_null(strstr(all, "with the growth of data;"));
  assert_null(strstr(all, "backing up your data;"));
  assert_null(strstr(all, "backing up your data."));
  assert_non_null(strstr(all, "Efficient"));
  free(all);
}

/* Prose that stops on a word its list completes ("Jupyter Book allows users
 * to" over "- write their content …, - include …, and") is said with the
 * items, each without the joiner it was written with: never the stem alone.
 * A contributing section that opens with questions is summed up by the
 * sentence that answers them, not the question alone. */
static void stem_and_question_said_whole(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("jb.md", "# Book\n\nBook is a tool for building books from notebooks.\n\n"
                       "Book allows users to\n\n- write their content in Markdown files,\n"
                       "- include rich syntax such as citations, and\n- run the embedded code cells.\n\n"
                       "## Governance\n\nBook is a sub-project of Jupyter with its own team.\n\n"
                       "## Contribute\n\nNotice a typo in the text? Want to add a feature?\n"
                       "Check out `CONTRIBUTING.md`. We would love your help!\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  const char *want[] = { "Book allows users to write their content in Markdown files, include rich syntax such as "
                         "citations, and run the embedded code cells.", "We would love your help!", NULL };
  for (int i = 0; want[i]; i++) {
    if (!strstr(j, want[i])) print_message("%s\n", j);
    assert_non_null(strstr(j, want[i]));
  }
  assert_null(strstr(j, "Notice a typo"));
  assert_null(strstr(j, "and, and"));
  free(j);
  cJSON_Delete(m);
}

/* Emphasis marks the writer did not balance are markup, never words: an
 * Arabic title with one "*" too many ("**مرحبا بكم في *!`x`**") showed
 * and said "*مرحبا …"; a Thai quote whose closing "**" follows a space
 * kept both pairs. A star between spaces or inside a word stays. */
static void stray_emphasis_marks_unsaid(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("s.md", "# Title\n\nSome intro text is here.\n\n"
                       "**\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD9\x83\xD9\x85 *!`Free-Books`** today.\n\n"
                       ">**\xE0\xB9\x80\xE0\xB8\x94\xE0\xB8\xB4\xE0\xB8\xA1 Amazon Google Microsoft **\n>\n> *ok*\n\n"
                       "The **quick brown fox ** jumps over it.\n\n"
                       "Press **alt-#**\xEC\x9D\x84 now to comment the line.\n\n"
                       "Write struct * p and 2 ** 8 for powers.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  const char *want[] = { "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD9\x83\xD9\x85 !Free-Books",
                         "\xE0\xB9\x80\xE0\xB8\x94\xE0\xB8\xB4\xE0\xB8\xA1 Amazon Google Microsoft",
                         "The quick brown fox jumps", "struct * p and 2 ** 8", "alt-#\xEC\x9D\x84 now", NULL };
  for (int i = 0; want[i]; i++) {
    if (!strstr(j, want[i])) print_message("%s\n", j);
    assert_non_null(strstr(j, want[i]));
  }
  assert_null(strstr(j, "*\xD9\x85"));
  assert_null(strstr(j, "Microsoft *"));
  assert_null(strstr(j, "fox *"));
  free(j);
  cJSON_Delete(m);
}

/* An opening run of stars the writer spaced from its words is markup when
 * a run as long closes them: a Hindi item "*** फोर्क द गिटहब रेपो:***"
 * showed its three opening stars. Stars between spaces that nothing closes
 * ("2 ** 8", "x ** 2 is x**2") stay. */
static void spaced_opening_stars_unsaid(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("h.md", "# Title\n\nSome intro text is here.\n\n"
                       "1. *** \xE0\xA4\xAB\xE0\xA5\x8B\xE0\xA4\xB0\xE0\xA5\x8D\xE0\xA4\x95 "
                       "\xE0\xA4\xB0\xE0\xA5\x87\xE0\xA4\xAA\xE0\xA5\x8B:*** `https://github.com/x/y` now.\n"
                       "2. Then ** write it well.** today\n"
                       "3. Say x ** 2 is x**2 and 2 ** 8 here.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  print_message("%s\n", j);
  assert_null(strstr(j, "***"));
  assert_non_null(strstr(j, "\xE0\xA4\xAB\xE0\xA5\x8B\xE0\xA4\xB0\xE0\xA5\x8D\xE0\xA4\x95"));
  assert_non_null(strstr(j, "Then write it well. today"));
  assert_non_null(strstr(j, "x ** 2 is x**2 and 2 ** 8"));
  free(j);
  cJSON_Delete(m);
}

/* A bracket the writer spaced around its only word ("available in
 * ([translations](…) )") lost nothing: its word is said. Hebrew narration
 * ended "… זמין גם ב" (available also in). A bracket whose link went
 * ("(see  [here](…) )", "(see ![shot](a.png) )") still goes whole. */
static void spaced_bracket_word_said(void **state) {
  (void)state;
  const char *docs[] = { "# Guide\n\nSome intro text is here.\n\n"
                         "Read the guide *also available in ([translations](README.md#translations) )*\n\n"
                         "Read the notes (see  [here](https://example.org/x) ) today.\n",
                         "# \xD7\x9E\xD7\x93\xD7\xA8\xD7\x99\xD7\x9A\n\n"
                         "\xD7\xAA\xD7\xA7\xD7\xA8\xD7\x90 \xD7\x90\xD7\xAA \xD7\x94\xD7\xA7\xD7\x95\xD7\x95\xD7\x99\xD7\x9D "
                         "*\xD7\x96\xD7\x9E\xD7\x99\xD7\x9F \xD7\x92\xD7\x9D \xD7\x91 "
                         "([\xD7\xAA\xD7\xA8\xD7\x92\xD7\x95\xD7\x9E\xD7\x99\xD7\x9D](README.md#translations) )*\n", NULL };
  const char *want[] = { "also available in (translations)", "\xD7\x91 (\xD7\xAA\xD7\xA8\xD7\x92\xD7\x95\xD7\x9E\xD7\x99\xD7\x9D)" };
  for (int i = 0; docs[i]; i++) {
    vgi_diags d = {0};
    cJSON *m = load_text("b.md", docs[i], NULL, &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    char *j = cJSON_PrintUnformatted(m);
    if (!strstr(j, want[i])) print_message("%s\n", j);
    assert_non_null(strstr(j, want[i]));
    if (!i) {
      assert_non_null(strstr(j, "Read the notes today."));
      assert_null(strstr(j, "(see)"));
      assert_null(strstr(j, "(see here)"));
    }
    free(j);
    cJSON_Delete(m);
  }
}

/* A relative file that stands as an item's term ("`docs/cli.md`: the
 * command line") is said by its name, never taken out to leave the
 * description after a bare colon (".: the command line"). */
static void path_terms_said_by_name(void **state) {
  (void)state;
  /* as terms with descriptions (three items), and as items said one by one (five) */
  const char *docs[] = { "# Tool\n\nTool makes videos from documents. It is fast.\n\n## Documentation\n\n"
                         "- `docs/architecture.md`: the parts and how data flows\n- `docs/lua-api.md`: the `vg` module\n"
                         "- `docs/gallery/`: contact sheets of real documents\n",
                         "# Tool\n\nTool makes videos from documents. It is fast.\n\n## Documentation\n\n"
                         "- `docs/architecture.md`: the parts and how data flows\n- `docs/lua-api.md`: the `vg` module\n"
                         "- `docs/cli.md`: the command line: option specs, help, man pages\n"
                         "- `docs/gallery/`: contact sheets of real documents\n"
                         "- `docs/*.md` of each part: inputs, TTS, scenes, encoding\n", NULL };
  for (int i = 0; docs[i]; i++) {
    vgi_diags d = {0};
    cJSON *m = load_text("d.md", docs[i], NULL, &d);
    vgi_diags_free(&d);
    assert_non_null(m);
    const cJSON *sc = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(m, "videos"), 0), "scenes"), 1);
    const char *n = cJSON_GetStringValue(cJSON_GetObjectItem(sc, "narration"));
    assert_non_null(n);
    if (!strstr(n, "rchitecture") || !strstr(n, "ua api") || strstr(n, ".:")) print_message("%s\n", n);
    assert_non_null(strstr(n, "rchitecture"));
    assert_non_null(strstr(n, "ua api"));
    assert_null(strstr(n, ".:"));
    cJSON_Delete(m);
  }
}

/* An option that opens its definition in a plain-text manual ("--query"
 * over "Returns one of …") is named with a colon before what it does,
 * never run into it ("The query option Returns …"). */
static void option_definition_colon(void **state) {
  (void)state;
  vgi_diags d = {0};
  vgi_options full = { .detail = VGI_DETAIL_FULL };
  cJSON *m = load_text("opt.txt", "INVOKE\n\nOptions:\n\n--query\n  Returns one of status codes 100-106, does not "
                       "execute the script.\n\n--no-fallback\n  The policy layer may return fallback actions.\n",
                       &full, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  if (!strstr(j, "query option: Returns one of") || !strstr(j, "no-fallback option: The policy")) print_message("%s\n", j);
  assert_non_null(strstr(j, "query option: Returns one of"));
  assert_non_null(strstr(j, "no-fallback option: The policy"));
  free(j);
  cJSON_Delete(m);
}

/* A bold lead that ends its own sentence ("1. **Framing — CONFLICT.** The
 * maintainer …") is said before its description with a colon, never ".:". */
static void bold_lead_stop_joined(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("c.md", "# Claims\n\nThe claims were checked one by one against the sources.\n\n## Conflicts\n\n"
                       "1. **\"The Manifesto\" framing — CONFLICT.** The maintainer avoids the word and frames it as "
                       "a convention grounded in good practice.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  if (!strstr(j, "CONFLICT: the maintainer avoids")) print_message("%s\n", j);
  assert_non_null(strstr(j, "CONFLICT: the maintainer avoids"));
  assert_null(strstr(j, ".:"));
  free(j);
  cJSON_Delete(m);
}

/* A section's prose before a callout is the section's own point, shown
 * under its heading (yq's "TOML support" was shown as "Note", its sentence
 * said only); a warning a summary keeps; a command's lone "." before a
 * redirection or a pipe ends no sentence ("yq -y . < in.json > out.yml"
 * made "< in.json > out.yml" a bullet). */
static void callout_after_prose(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("t.md", "# Tool\n\nTool converts formats.\n\n## TOML support\n\nThe tool supports TOML as "
                       "well, through an executable that transcodes TOML to JSON.\n\n> [!NOTE]\n> Older versions are "
                       "not related to this package.\n\n## Editing\n\nFiles can be edited in place with the in-place "
                       "option.\n\n> [!WARNING]\n> Editing in place rewrites the file without a backup.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  if (!strstr(j, "\"header\":\"TOML support\"") || !strstr(j, "\"narration\":\"Warning: Editing in place")) print_message("%s\n", j);
  assert_non_null(strstr(j, "\"header\":\"TOML support\""));
  assert_non_null(strstr(j, "\"header\":\"Editing\""));
  assert_non_null(strstr(j, "\"narration\":\"Warning: Editing in place rewrites"));
  free(j);
  cJSON_Delete(m);
  const char *cmds[] = { "Convert it: yq -y . < in.json > out.yml. Then read it.", "Page it with jq . file.json | less. Then read it.",
                         "Try jq . && echo ok. Then read it." };
  for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
    int n = 0;
    char **ss = vgi_sentences_lang(cmds[i], "en", &n);
    assert_int_equal(n, 2);
    for (int k = 0; k < n; k++) free(ss[k]);
    free(ss);
  }
}

/* A line of terms set apart by middle dots or pipes is a list: each term an
 * item on screen and in the voice, a label before its colon the lead-in;
 * prose with a pipe or a dot in it, and the tagline under the title, stay. */
static void dotted_row_is_list(void **state) {
  (void)state;
  vgi_diags d = {0};
  cJSON *m = load_text("t.md", "# Widget kit\n\nFast \xC2\xB7 Small \xC2\xB7 Safe\n\nWidget kit builds dashboards from "
                       "YAML files.\n\n## Features\n\nFeatures: Live reload \xC2\xB7 Dark mode \xC2\xB7 `plugin` system "
                       "\xC2\xB7 Offline cache\n\n[Install](#install) \xE2\x80\xA2 [Usage](#usage) \xE2\x80\xA2 [FAQ](#faq)\n\n## Platforms\n\nLinux | macOS | Windows | FreeBSD.\n\n## Piping\n\n"
                       "Use a pipe | to chain it, then | read it | slowly and carefully to the end of the file.\n", NULL, &d);
  vgi_diags_free(&d);
  assert_non_null(m);
  char *j = cJSON_PrintUnformatted(m);
  if (!strstr(j, "\"Dark mode\"") || !strstr(j, "Use a pipe")) print_message("%s\n", j);
  /* each term an item of its own, without the separator */
  assert_non_null(strstr(j, "\"Live reload\""));
  assert_non_null(strstr(j, "\"Dark mode\""));
  assert_non_null(strstr(j, "\"Offline cache\""));
  assert_non_null(strstr(j, "\"Linux\""));
  assert_non_null(strstr(j, "\"FreeBSD\""));
  assert_null(strstr(j, "Live reload \xC2\xB7"));
  assert_null(strstr(j, "Linux |"));
  /* a row of links only is navigation: neither shown nor said */
  assert_null(strstr(j, "Usage"));
  /* the tagline is the title's, as written */
  assert_non_null(strstr(j, "Fast \xC2\xB7 Small \xC2\xB7 Safe"));
  /* a sentence with a pipe in it is prose */
  assert_non_null(strstr(j, "Use a pipe | to chain it"));
  free(j);
  cJSON_Delete(m);
}

/* A license section's one sentence that a list completes ("uv is licensed
 * under either of" over Apache / MIT): a summary says it with the items'
 * leads, never the stem alone ("uv is licensed under either of."). */
static void boilerplate_stem_said_with_list(void **state) {
  (void)state;
  char *all = summary_said("README.md", "# uv\n\nuv is a fast package manager for Python projects.\n\n"
    "## License\n\nuv is licensed under either of\n\n"
    "- Apache License, Version 2.0, ([LICENSE-APACHE](LICENSE-APACHE) or\n  <https://www.apache.org/licenses/LICENSE-2.0>)\n"
    "- MIT license ([LICENSE-MIT](LICENSE-MIT) or <https://opensource.org/licenses/MIT>)\n\nat your option.\n\n"
    "## Contributing\n\nContributions are made under these terms:\n\n- sign the agreement first\n- run the tests\n- add a "
    "changelog entry\n\n## Credits\n\nPrevious maintainers:\n\n- Ray Dassen <ray@example.org>,\n- Robert Sanders and\n"
    "- Darren Stalder.\n");
  if (!strstr(all, "uv is licensed under either Apache License, Version 2.0 or MIT license.") ||
      !strstr(all, "Contributions are made under these terms: sign the agreement first, run the tests, and add a changelog entry."))
    fail_msg("said: %s", all);
  if (!strstr(all, "Previous maintainers: Ray Dassen, Robert Sanders, and Darren Stalder.")) fail_msg("said: %s", all);
  free(all);
}

/* What a summary says so a viewer hears whole thoughts: the tagline under
 * the title (ten long words are no Chinese line); a question with its
 * answer when key points must go; a license section's bare name as
 * "Licensed under MIT."; a list of things to do by its count and first
 * three; no sentence that points back at a pointer that went ("It is
 * composed, and can be displayed …"). */
static void summary_says_whole_thoughts(void **state) {
  (void)state;
  vgi_diags d;
  vgi_buf t = {0};
  vgi_buf_puts(&t, "# Node.js\n\nNode.js is an open-source, cross-platform JavaScript runtime environment.\n\n"
                   "## Support\n\nLooking for help? Check out the [instructions for getting support](x.md).\n\n"
                   "## Getting Started\n\n* [Install](https://x.org/i) the gem\n* Read up about its [Usage](u.md)\n"
                   "* Take a gander at some existing [Sites](s.md)\n* [Fork](f.md) it\n* Watch [video tutorials](v.md)\n\n"
                   "## Overview\n\nThere are four classes of functions in the library, for integers and floats.\n\n"
                   "For more information on how to use it, please refer to the documentation. It is composed from the "
                   "file doc/gmp.texi, and can be displayed on the screen or printed.\n\n");
  for (int i = 0; i < 12; i++) {
    vgi_buf_printf(&t, "## Part %d\n\n", i);
    for (int j = 0; j < 2; j++)
      vgi_buf_printf(&t, "Section %d point %d says a thing about the converter and the way it reads its files.\n\n", i, j);
  }
  /* (a release's changes are what was done, not things to do) */
  vgi_buf_puts(&t, "## Changes in 2.40\n\n* Add support for Intel RAO-INT instructions\n"
                   "* Add support for Intel AVX-NE-CONVERT instructions\n* Add support for Intel MSRLIST\n"
                   "* Add support for Intel WRMSRNS\n* Add support for Intel AMX-FP16\n\n");
  vgi_buf_puts(&t, "## License\n\n[MIT](LICENSE)\n");
  cJSON *m = load_text("whole.md", t.s, NULL, &d);
  vgi_buf_free(&t);
  vgi_diags_free(&d);
  char *all = all_narration(m);
  assert_non_null(strstr(all, "Welcome to Node.js. Node.js is an open-source, cross-platform JavaScript runtime"));
  assert_non_null(strstr(all, "Looking for help? Check out the instructions for getting support."));
  assert_non_null(strstr(all, "Five steps. Install the gem, read up about its Usage, take a gander at some existing "
                              "Sites, and two more."));
  assert_null(strstr(all, "It is composed"));
  assert_null(strstr(all, "things to do"));
  assert_null(strstr(all, "Five steps. Add"));
  assert_non_null(strstr(all, "Licensed under MIT."));
  assert_null(strstr(all, " MIT. "));
  free(all);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(boilerplate_stem_said_with_list),
    cmocka_unit_test(bold_term_on_its_line),
    cmocka_unit_test(supported_by_section_left_out),
    cmocka_unit_test(thanks_in_fine_print_section_left_out),
    cmocka_unit_test(bold_address_heads_no_part),
    cmocka_unit_test(acceptance_document),
    cmocka_unit_test(corpus_markdown_files_pass),
    cmocka_unit_test(split_h2),
    cmocka_unit_test(images),
    cmocka_unit_test(example_documents_pass),
    cmocka_unit_test(long_section_is_split),
    cmocka_unit_test(summary_by_default),
    cmocka_unit_test(blocks_shaped_for_slides),
    cmocka_unit_test(summary_code_and_pointers),
    cmocka_unit_test(summary_code_past_output),
    cmocka_unit_test(summary_boilerplate_and_code),
    cmocka_unit_test(sentences_keep_dates),
    cmocka_unit_test(sentences_script_stops),
    cmocka_unit_test(sentences_greek_question),
    cmocka_unit_test(sentences_thai_lao_spaces),
    cmocka_unit_test(other_languages_said_in_theirs),
    cmocka_unit_test(mdn_macros),
    cmocka_unit_test(signs_end_no_sentence),
    cmocka_unit_test(written_links_said_by_text),
    cmocka_unit_test(bar_choices_said_with_or),
    cmocka_unit_test(posix_classes_kept),
    cmocka_unit_test(questions_keep_answers),
    cmocka_unit_test(short_sections_share_a_slide),
    cmocka_unit_test(short_h2_sections_share_a_slide),
    cmocka_unit_test(summary_says_sentences_not_asides),
    cmocka_unit_test(list_with_closing_remark),
    cmocka_unit_test(split_list_numbers_on),
    cmocka_unit_test(links_leave_sentences),
    cmocka_unit_test(summary_says_the_subtitle),
    cmocka_unit_test(cjk_items_are_headlines),
    cmocka_unit_test(title_without_h1),
    cmocka_unit_test(title_sentence_not_repeated),
    cmocka_unit_test(title_copyright_and_keywords_out),
    cmocka_unit_test(bold_capital_callouts),
    cmocka_unit_test(prose_before_callout_is_its_own),
    cmocka_unit_test(semicolon_and_items_joined),
    cmocka_unit_test(paragraph_before_stem_kept),
    cmocka_unit_test(no_lone_last_item),
    cmocka_unit_test(long_sentences_said_by_headline),
    cmocka_unit_test(metadata_lines_unsaid),
    cmocka_unit_test(short_english_stays_english),
    cmocka_unit_test(japanese_item_sentences),
    cmocka_unit_test(long_opening_clause),
    cmocka_unit_test(spoken_headlines_whole),
    cmocka_unit_test(shown_headlines_whole),
    cmocka_unit_test(headlines_whole_coordination),
    cmocka_unit_test(headline_not_cut_after_quantifier),
    cmocka_unit_test(headline_keeps_phrasal_verbs),
    cmocka_unit_test(cuts_whole_phrases),
    cmocka_unit_test(colon_items_joined),
    cmocka_unit_test(key_point_by_content),
    cmocka_unit_test(shown_clause_marks),
    cmocka_unit_test(counted_items_all_named),
    cmocka_unit_test(counted_steps_said_once),
    cmocka_unit_test(item_colon_over_dropped_block),
    cmocka_unit_test(pair_command_named_whole),
    cmocka_unit_test(bracket_of_links),
    cmocka_unit_test(long_bare_command_unsaid),
    cmocka_unit_test(quote_and_toc_furniture),
    cmocka_unit_test(readme_top_unsaid),
    cmocka_unit_test(readme_terms_and_paths),
    cmocka_unit_test(command_lines_in_prose),
    cmocka_unit_test(sponsor_sections_unsaid),
    cmocka_unit_test(untitled_readme_named_and_art_left_out),
    cmocka_unit_test(colon_without_its_items),
    cmocka_unit_test(text_after_nested_list),
    cmocka_unit_test(steps_said_by_their_leads),
    cmocka_unit_test(counted_list_named_once),
    cmocka_unit_test(byline_not_said),
    cmocka_unit_test(label_over_code_not_said),
    cmocka_unit_test(labelled_ways_share_a_slide),
    cmocka_unit_test(pointer_backref_and_bare_run),
    cmocka_unit_test(summary_leaves_promotion_and_tails),
    cmocka_unit_test(code_pointers_said_whole),
    cmocka_unit_test(pointer_item_keeps_its_children),
    cmocka_unit_test(readme_about_itself_titled_by_folder),
    cmocka_unit_test(sponsor_div_and_tagline),
    cmocka_unit_test(sponsor_table_not_read),
    cmocka_unit_test(tagline_past_badges),
    cmocka_unit_test(continued_page_unsaid),
    cmocka_unit_test(lead_in_of_picture_not_shown),
    cmocka_unit_test(title_names_then_says),
    cmocka_unit_test(labels_and_pointers_unsaid),
    cmocka_unit_test(purpose_clause_headline),
    cmocka_unit_test(question_heading_answered),
    cmocka_unit_test(stem_and_question_said_whole),
    cmocka_unit_test(stray_emphasis_marks_unsaid),
    cmocka_unit_test(spaced_bracket_word_said),
    cmocka_unit_test(path_terms_said_by_name),
    cmocka_unit_test(option_definition_colon),
    cmocka_unit_test(bold_lead_stop_joined),
    cmocka_unit_test(callout_after_prose),
    cmocka_unit_test(dotted_row_is_list),
    cmocka_unit_test(agenda_badges_and_dotfiles),
    cmocka_unit_test(pair_descriptions_not_fragments),
    cmocka_unit_test(legend_tags_out),
    cmocka_unit_test(table_rows_named_by_intro),
    cmocka_unit_test(aside_keeps_stop),
    cmocka_unit_test(numbered_repeated_leads_are_terms),
    cmocka_unit_test(bare_url_items_by_site),
    cmocka_unit_test(conjunction_colon_ends_sentence),
    cmocka_unit_test(html_api_metadata_unsaid),
    cmocka_unit_test(synopsis_left_to_full),
    cmocka_unit_test(toc_label_unsaid),
    cmocka_unit_test(html_page_read_by_tags),
    cmocka_unit_test(html_page_structure),
    cmocka_unit_test(bare_source_named),
    cmocka_unit_test(bare_fragments_named),
    cmocka_unit_test(term_descriptions_headlined),
    cmocka_unit_test(html_generated_pages),
      cmocka_unit_test(html_references_decoded),
      cmocka_unit_test(html_term_tables),
      cmocka_unit_test(html_docbook_page),
    cmocka_unit_test(vietnamese_detected),
    cmocka_unit_test(short_pages_detected),
    cmocka_unit_test(greek_headline_whole),
    cmocka_unit_test(command_ends_at_prose),
    cmocka_unit_test(preposition_intro_unsaid),
    cmocka_unit_test(table_after_colon),
    cmocka_unit_test(summary_keeps_list_end),
    cmocka_unit_test(items_end_as_phrases),
    cmocka_unit_test(duration_names_left_out_sections),
    cmocka_unit_test(html_top),
    cmocka_unit_test(colon_list_before_remark),
    cmocka_unit_test(changelog_latest_release),
    cmocka_unit_test(changelog_empty_unreleased),
    cmocka_unit_test(shared_bold_leads),
    cmocka_unit_test(bare_code_named_by_kind),
    cmocka_unit_test(meta_sentence_passed),
    cmocka_unit_test(sentence_starts_capital),
    cmocka_unit_test(dot_folders_in_commands),
    cmocka_unit_test(summary_pages_joined),
    cmocka_unit_test(call_said_by_name),
    cmocka_unit_test(code_language_named),
    cmocka_unit_test(commands_in_items_unsaid),
    cmocka_unit_test(tldr_page),
    cmocka_unit_test(published_doc_markup),
    cmocka_unit_test(front_matter_error_line),
    cmocka_unit_test(link_objects_unsaid),
    cmocka_unit_test(quoted_commands_are_code),
    cmocka_unit_test(colon_lists_said_whole),
    cmocka_unit_test(names_one_per_line),
    cmocka_unit_test(generic_heading_titles),
    cmocka_unit_test(sign_off_not_said),
    cmocka_unit_test(sidebar_quote_is_a_section),
    cmocka_unit_test(reminder_quotes_are_callouts),
    cmocka_unit_test(mdbook_includes_not_shown),
    cmocka_unit_test(command_cells_not_read),
    cmocka_unit_test(install_sections_share_slides),
    cmocka_unit_test(nav_row_with_own_language),
    cmocka_unit_test(steps_over_commands),
    cmocka_unit_test(slashed_term_separator),
    cmocka_unit_test(logo_titles_untitled_readme),
    cmocka_unit_test(step_numbers_and_lead_ins),
    cmocka_unit_test(captions_not_key_points),
    cmocka_unit_test(remote_pictures_told_thrice),
      cmocka_unit_test(remote_badges_not_told),
    cmocka_unit_test(questions_head_answers),
    cmocka_unit_test(math_said_by_symbols),
    cmocka_unit_test(mermaid_as_steps),
    cmocka_unit_test(placeholders_and_the_option),
    cmocka_unit_test(zh_list_comma_no_cut),
    cmocka_unit_test(sponsor_thanks_not_read),
    cmocka_unit_test(example_meaning_said),
    cmocka_unit_test(api_parameters_said_in_every_entry),
    cmocka_unit_test(sentence_without_stop_ends),
    cmocka_unit_test(paths_are_no_parameters),
    cmocka_unit_test(deprecation_type_is_status),
    cmocka_unit_test(colon_points_end),
    cmocka_unit_test(bold_lines_head_parts),
    cmocka_unit_test(headlines_are_statements),
    cmocka_unit_test(headlines_never_end_waiting),
    cmocka_unit_test(headlines_never_cut_inside_a_phrase),
    cmocka_unit_test(ellipsis_in_code_goes_on),
    cmocka_unit_test(list_slides_even),
    cmocka_unit_test(list_after_table_kept),
    cmocka_unit_test(indented_release_notes),
    cmocka_unit_test(layout_table_read_as_content),
    cmocka_unit_test(before_after_blocks_compared),
    cmocka_unit_test(command_led_items_are_terms),
    cmocka_unit_test(bare_commands_said_by_what_they_run),
    cmocka_unit_test(cjk_headline_keeps_latin_names),
    cmocka_unit_test(spaced_opening_stars_unsaid),
    cmocka_unit_test(summary_says_whole_thoughts),
    cmocka_unit_test(bold_alternatives_are_one_term),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
