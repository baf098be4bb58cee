/* test_apidoc.c: API references in Markdown (stages/input/apidoc.c and its
 * hooks in markdown.c / narrate.c): parameter lists shown without braces and
 * said in words, the description as the entry's key point, stability
 * banners as a subtitle, tiny entries on one slide, and ordinary lists left
 * as they were. */
#include "input_test.h"

#include <unistd.h>

/* The first scene whose header (or title) is h, or NULL. */
static const cJSON *scene_headed(const cJSON *m, const char *h) {
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    const char *x = vcget(s, "header");
    if (x && !strcmp(x, h)) return s;
  }
  return NULL;
}

static int count_in(const char *hay, const char *needle) {
  int n = 0;
  for (const char *p = hay ? strstr(hay, needle) : NULL; p; p = strstr(p + 1, needle)) n++;
  return n;
}

/* Everything a video shows or says, one string. */
static char *all_text(const cJSON *m) {
  char *t = cJSON_PrintUnformatted(cJSON_GetObjectItem(m, "videos"));
  return t;
}

/* Item i's field k ("(none)" when missing: a failed comparison, not a crash). */
static const char *item_field(const cJSON *scene, int i, const char *k) {
  const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(scene, "visual_content"), "items");
  const cJSON *it = cJSON_GetArrayItem(items, i);
  assert_true(cJSON_IsObject(it));
  const char *v = sget(it, k);
  return v ? v : "(none)";
}

static const char *or_none(const char *s) { return s ? s : "(none)"; }

static const char node_doc[] =
  "# Path\n\n"
  "> Stability: 2 - Stable\n\n"
  "The `node:path` module provides utilities for working with file and directory paths.\n\n"
  "## `path.basename(path[, suffix])`\n\n"
  "<!-- YAML\nadded: v0.1.25\n-->\n\n"
  "* `path` {string}\n"
  "* `suffix` {string} An optional suffix to remove\n"
  "* Returns: {string}\n\n"
  "The `path.basename()` method returns the last portion of a `path`, similar to\n"
  "the Unix `basename` command. Trailing directory separators are ignored.\n\n"
  "```js\npath.basename('/foo/bar/baz/asdf/quux.html');\n// Returns: 'quux.html'\n```\n\n"
  "## `path.matchesGlob(path, pattern)`\n\n"
  "> Stability: 1 - Experimental\n\n"
  "* `path` {string} The path to glob-match against.\n"
  "* `pattern` {string} The glob to check the path against.\n"
  "* Returns: {boolean} Whether or not the `path` matched the `pattern`.\n\n"
  "The `path.matchesGlob()` method determines if `path` matches the `pattern`.\n\n"
  "## `emitter.on(eventName, listener)`\n\n"
  "* `eventName` {string|symbol} The name of the event.\n"
  "* `listener` {Function} The callback function\n"
  "* Returns: {EventEmitter}\n\n"
  "Adds the `listener` function to the end of the listeners array for the event named `eventName`.\n";

/* The parameter list is the entry's slide: names, types as words, no
 * braces; the narration says what the function does, then what it takes. */
static void node_entry(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("node.md", node_doc, NULL, &d);
  const cJSON *s = scene_headed(m, "path.basename(path[, suffix])");
  assert_non_null(s);
  assert_string_equal(sget(s, "scene_type"), "list");
  assert_string_equal(item_field(s, 0, "title"), "path");
  assert_string_equal(item_field(s, 0, "description"), "string");
  assert_string_equal(item_field(s, 1, "title"), "suffix");
  assert_string_equal(item_field(s, 1, "description"), "string, optional \xE2\x80\x94 An optional suffix to remove");
  assert_string_equal(item_field(s, 2, "title"), "Returns");
  assert_string_equal(item_field(s, 2, "description"), "string");
  /* what it does, as a headline under the signature */
  assert_non_null(strstr(or_none(vcget(s, "description")), "returns the last portion of a"));
  const char *n = sget(s, "narration");
  /* what it does first, then its parameters in words; "returns" is said once */
  assert_non_null(strstr(n, "returns the last portion of a path"));
  assert_non_null(strstr(n, "It takes a path and an optional suffix."));
  assert_true(strstr(n, "returns the last portion") < strstr(n, "It takes"));
  /* its example follows it */
  int found = 0;
  for (int i = 0; i + 1 < scene_count(m, 0); i++)
    if (scene_at(m, 0, i) == s) found = !strcmp(sget(scene_at(m, 0, i + 1), "scene_type"), "command");
  assert_true(found);
  /* several parameters and a class returned: "string or symbol", "an EventEmitter" */
  const cJSON *on = scene_headed(m, "emitter.on(eventName, listener)");
  assert_non_null(on);
  assert_string_equal(item_field(on, 0, "description"), "string or symbol \xE2\x80\x94 The name of the event.");
  assert_non_null(strstr(sget(on, "narration"), "It takes eventName and a listener, and returns an EventEmitter."));
  /* an abbreviation takes no article ("It takes a str." before); a method
   * that returns {this} returns itself ("returns a this." before) */
  vgi_diags d2;
  cJSON *m2 = load_text("tty.md", "# TTY\n\nThe tty module provides classes.\n\n"
                        "## `querystring.escape(str)`\n\n* `str` {string}\n\n"
                        "The `querystring.escape()` method performs URL percent-encoding on the given `str`.\n\n"
                        "## `readStream.setRawMode(mode)`\n\n* `mode` {boolean} If `true`, configures it as a raw device.\n"
                        "* Returns: {this} The read stream instance.\n\n"
                        "Allows configuration of `tty.ReadStream` so that it operates as a raw device.\n", NULL, &d2);
  const cJSON *esc = scene_headed(m2, "querystring.escape(str)");
  assert_non_null(esc);
  assert_non_null(strstr(sget(esc, "narration"), "It takes str."));
  const cJSON *raw = scene_headed(m2, "readStream.setRawMode(mode)");
  assert_non_null(raw);
  assert_non_null(strstr(sget(raw, "narration"), "It takes a mode, and returns itself."));
  cJSON_Delete(m2);
  vgi_diags_free(&d2);
  /* nothing in braces is shown or said, anywhere */
  char *all = all_text(m);
  assert_null(strstr(all, "{string"));
  assert_null(strstr(all, "{boolean"));
  assert_null(strstr(all, "Key points include"));
  free(all);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* "Stability: 2 - Stable" is nothing; "Experimental" is the entry's
 * subtitle and said once; no quote scene. */
static void stability_banners(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("banner.md", node_doc, NULL, &d);
  for (int i = 0; i < scene_count(m, 0); i++)
    assert_string_not_equal(sget(scene_at(m, 0, i), "scene_type"), "quote");
  char *all = all_text(m);
  assert_null(strstr(all, "Stability"));
  assert_null(strstr(all, "Stable"));
  free(all);
  const cJSON *g = scene_headed(m, "path.matchesGlob(path, pattern)");
  assert_non_null(g);
  assert_string_equal(or_none(vcget(g, "description")), "Experimental");
  int said = 0;
  for (int i = 0; i < scene_count(m, 0); i++) said += count_in(sget(scene_at(m, 0, i), "narration"), "xperimental");
  assert_int_equal(said, 1);
  assert_true(strstr(sget(g, "narration"), "determines if path matches the pattern") <
              strstr(sget(g, "narration"), "Experimental."));
  cJSON_Delete(m);

  /* a deprecation banner with its advice, before a plain list */
  m = load_text("deprecated.md",
                "# Lib\n\nA library.\n\n## old()\n\n> Deprecated: use `fresh()` instead.\n\n"
                "Things it did:\n\n- it parsed files\n- it wrote files\n", NULL, &d);
  const cJSON *o = scene_headed(m, "old()");
  assert_non_null(o);
  assert_non_null(strstr(or_none(vcget(o, "description")), "Deprecated"));
  all = all_text(m);
  assert_int_equal(count_in(all, "\"quote\""), 0);
  free(all);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* A summary cut to a short --duration keeps what the entry does, and lets
 * its parameter sentence go first. */
static void description_outranks_parameters(void **state) {
  (void)state;
  vgi_diags d;
  vgi_options o = { .duration = 14 };
  cJSON *m = load_text("rank.md",
                       "# Kit\n\n## `kit.open(file[, mode[, flags]])`\n\n"
                       "* `file` {string} The file.\n* `mode` {string} How.\n* `flags` {integer} Flags.\n"
                       "* Returns: {FileHandle}\n\n"
                       "Opens a file for reading and writing at the same time.\n\n"
                       "The mode decides whether the file is created when it is missing, and the flags are "
                       "passed to the operating system unchanged.\n",
                       &o, &d);
  const cJSON *s = scene_headed(m, "kit.open(file[, mode[, flags]])");
  assert_non_null(s);
  const char *n = sget(s, "narration");
  assert_non_null(strstr(n, "Opens a file for reading and writing"));
  assert_null(strstr(n, "It takes"));
  assert_null(strstr(n, "operating system unchanged"));
  cJSON_Delete(m);

  /* by default (a summary), the entry says what it does and what it takes;
   * a later paragraph is detail */
  m = load_text("rank2.md",
                "# Kit\n\n## `kit.open(file[, mode[, flags]])`\n\n"
                "* `file` {string} The file.\n* `mode` {string} How.\n* `flags` {integer} Flags.\n"
                "* Returns: {FileHandle}\n\n"
                "Opens a file for reading and writing at the same time.\n",
                NULL, &d);
  s = scene_headed(m, "kit.open(file[, mode[, flags]])");
  assert_non_null(s);
  assert_string_equal(sget(s, "narration"),
                      "Opens a file for reading and writing at the same time. It takes a file, an optional mode "
                      "and optional flags, and returns a FileHandle.");
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* Other ways to write parameters: "`name` (type): text", @param, a
 * "Parameters:" paragraph, a bold "**Returns:**". */
static void other_styles(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("styles.md",
                       "# Mod\n\nA module.\n\n"
                       "## fetch(url, timeout=None)\n\nDownloads a page.\n\n"
                       "- `url` (str): The address.\n- `timeout` (float, optional): Seconds to wait.\n\n"
                       "**Returns:**\n\n- (bytes) The body.\n\n"
                       "## parse(text)\n\nReads a document.\n\n"
                       "- @param {String} text The document.\n- @returns {Node[]} The nodes.\n\n"
                       "## walk(tree, visit)\n\nVisits every node.\n\nParameters:\n\n"
                       "- `tree` - the tree\n- `visit` - called for each node\n",
                       NULL, &d);
  const cJSON *f = scene_headed(m, "fetch(url, timeout=None)");
  assert_non_null(f);
  assert_string_equal(item_field(f, 0, "title"), "url");
  assert_string_equal(item_field(f, 0, "description"), "str \xE2\x80\x94 The address.");
  assert_string_equal(item_field(f, 1, "description"), "float, optional \xE2\x80\x94 Seconds to wait.");
  assert_string_equal(item_field(f, 2, "title"), "Returns");
  assert_string_equal(sget(f, "narration"), "Downloads a page. It takes a url and an optional timeout, and returns a bytes.");
  const cJSON *p = scene_headed(m, "parse(text)");
  assert_non_null(p);
  assert_string_equal(item_field(p, 0, "title"), "text");
  assert_string_equal(item_field(p, 1, "description"), "array of Nodes \xE2\x80\x94 The nodes.");
  assert_string_equal(sget(p, "narration"), "Reads a document. It takes a text, and returns an array of Nodes.");
  const cJSON *w = scene_headed(m, "walk(tree, visit)");
  assert_non_null(w);
  assert_string_equal(item_field(w, 1, "title"), "visit");
  assert_string_equal(sget(w, "narration"), "Visits every node. It takes a tree and a visit.");
  char *all = all_text(m);
  assert_null(strstr(all, "Parameters:"));
  assert_null(strstr(all, "@param"));
  free(all);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* Sphinx fields read as an API entry: a ":returns:" value with no type is
 * said by its description, a "Raises" item is shown as written, a default
 * in the signature ("fast=False") makes a parameter optional; a field
 * named by an inline literal (":``--fast``:") is a field, its name code. */
static void sphinx_fields(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("fields.rst",
                       "Mod\n===\n\nA module.\n\nAPI\n---\n\n.. function:: convert(path, fast=False)\n\n"
                       "   Convert one file.\n\n   :param path: the file to convert\n   :param fast: skip the checks\n"
                       "   :returns: the number of bytes written\n   :raises OSError: when the file cannot be read\n\n"
                       "Options\n-------\n\n:``--fast``: Skip the slow checks.\n:``--out``: Write the result here.\n",
                       NULL, &d);
  const cJSON *f = scene_headed(m, "convert(path, fast=False)");
  assert_non_null(f);
  assert_string_equal(sget(f, "narration"),
                      "Convert one file. It takes a path and an optional fast, and returns the number of bytes written.");
  assert_string_equal(item_field(f, 3, "title"), "Raises OSError: when the file cannot be read");
  const cJSON *o = scene_headed(m, "Options");
  assert_non_null(o);
  char *all = cJSON_PrintUnformatted(o);
  assert_non_null(strstr(all, "--fast"));
  assert_null(strstr(all, ":--fast:"));
  assert_null(strstr(all, "``"));
  free(all);
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* Consecutive tiny entries (a property and its type) share one slide,
 * headed by their section, instead of a 3-second scene each. */
static void tiny_entries_share(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("tiny.md",
                       "# OS\n\nOperating system facts.\n\n"
                       "## `os.EOL`\n\n* {string}\n\nThe end-of-line marker of the system.\n\n"
                       "## `os.devNull`\n\n* {string}\n\nThe file path of the null device.\n\n"
                       "## `os.arch()`\n\n* Returns: {string}\n\nReturns the CPU architecture.\n\n"
                       "## `os.cpus()`\n\n* Returns: {Object\\[]}\n\nLists the CPUs.\n\n"
                       "```js\nos.cpus();\n```\n",
                       NULL, &d);
  const cJSON *s = scene_headed(m, "OS");
  int lists = 0;
  for (int i = 0; i < scene_count(m, 0); i++) lists += !strcmp(sget(scene_at(m, 0, i), "scene_type"), "list");
  assert_non_null(s);
  assert_string_equal(sget(s, "scene_type"), "list");
  assert_string_equal(item_field(s, 0, "title"), "os.EOL");
  assert_string_equal(item_field(s, 0, "description"), "string \xE2\x80\x94 The end-of-line marker of the system");
  assert_string_equal(item_field(s, 1, "title"), "os.devNull");
  assert_string_equal(item_field(s, 2, "title"), "os.arch()");
  const char *n = sget(s, "narration");
  assert_non_null(strstr(n, "The end-of-line marker of the system."));
  assert_non_null(strstr(n, "The file path of the null device."));
  assert_non_null(strstr(n, "Returns the CPU architecture."));
  /* an entry with an example is a slide of its own */
  const cJSON *c = scene_headed(m, "os.cpus()");
  assert_non_null(c);
  assert_string_equal(item_field(c, 0, "description"), "array of objects");
  assert_int_equal(lists, 2);
  cJSON_Delete(m);

  /* with no description, each says what it is by its name */
  m = load_text("tiny2.md", "# Facts\n\n## `a.sep`\n\n* {string}\n\n## `a.size()`\n\n* Returns: {integer}\n", NULL, &d);
  s = scene_headed(m, "Facts");
  assert_non_null(s);
  assert_string_equal(sget(s, "narration"), "a.sep is a string. a.size returns an integer.");
  cJSON_Delete(m);

  /* "Value: {boolean}" as a paragraph, "Type: The underlying {Resource}.",
   * and a "{Type}" in the prose of an API reference */
  m = load_text("tiny3.md",
                "# Ev\n\n## `ev.capture`\n\nValue: {boolean}\n\nChanges the default capture option.\n\n"
                "## `ev.res`\n\n* Type: The underlying {Resource}.\n\n"
                "## `ev.wrap()`\n\n* Returns: {Wrapper}\n\nIntegrates Ev with {Resource} for manual tracking.\n\n"
                "```js\nev.wrap();\n```\n",
                NULL, &d);
  char *all = all_text(m);
  assert_null(strstr(all, "{Resource"));
  assert_null(strstr(all, "{boolean"));
  assert_null(strstr(all, "{Wrapper"));
  free(all);
  s = scene_headed(m, "Ev");
  assert_non_null(s);
  assert_string_equal(item_field(s, 0, "title"), "ev.capture");
  assert_string_equal(item_field(s, 0, "description"), "boolean \xE2\x80\x94 Changes the default capture option");
  assert_string_equal(item_field(s, 1, "description"), "Resource \xE2\x80\x94 The underlying Resource.");
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* Lists that only look like parameters stay lists; and a document in
 * another language shows its parameters cleanly without English words. */
static void ordinary_lists_and_languages(void **state) {
  (void)state;
  vgi_diags d;
  cJSON *m = load_text("plain.md",
                       "# Build\n\nHow to build the tool from its sources.\n\n## Targets\n\n"
                       "The makefile has these targets:\n\n"
                       "- `make` builds everything\n- `make test` runs the tests\n- `make install` installs it\n",
                       NULL, &d);
  const cJSON *s = scene_headed(m, "Targets");
  assert_non_null(s);
  const cJSON *items = cJSON_GetObjectItem(cJSON_GetObjectItem(s, "visual_content"), "items");
  assert_int_equal(cJSON_GetArraySize(items), 3);
  assert_true(cJSON_IsString(cJSON_GetArrayItem(items, 0)));
  assert_string_equal(cJSON_GetArrayItem(items, 0)->valuestring, "make builds everything");
  assert_null(strstr(sget(s, "narration"), "It takes"));
  cJSON_Delete(m);

  /* a bracket after a name with nothing after it is an aside (a version,
   * a note), not a type: a list of dependencies, not parameters ("It takes
   * pkg-config, sensors, a hwloc and 2 more" before) */
  m = load_text("deps.md",
                "# Tool\n\nTool shows processes.\n\n## Dependencies\n\n"
                "Optional build-time dependencies:\n\n"
                "* `pkg-config`\n* `sensors`\n* `hwloc`\n* `libcap` (v2.21 or later)\n* `libnl-3`\n",
                NULL, &d);
  s = scene_headed(m, "Dependencies");
  assert_non_null(s);
  assert_null(strstr(sget(s, "narration"), "It takes"));
  assert_null(strstr(sget(s, "narration"), "a hwloc"));
  cJSON_Delete(m);
  /* a bracketed type with a description after it is still one */
  m = load_text("py.md",
                "# Client\n\nA client for the service.\n\n## `connect(host, port)`\n\n"
                "Opens a connection to the server.\n\n"
                "* `host` (str): The server's name.\n* `port` (int, optional): Its port.\n",
                NULL, &d);
  s = scene_headed(m, "connect(host, port)");
  assert_non_null(s);
  assert_non_null(strstr(sget(s, "narration"), "It takes"));
  cJSON_Delete(m);

  m = load_text("de.md",
                "---\nlang: de\n---\n# Pfad\n\nDas Modul hilft bei Pfaden und Dateien im System.\n\n"
                "## `pfad.name(pfad)`\n\n* `pfad` {string} Der Pfad.\n* Returns: {string}\n\n"
                "Die Methode gibt den letzten Teil eines Pfades zurück.\n",
                NULL, &d);
  s = scene_headed(m, "pfad.name(pfad)");
  assert_non_null(s);
  assert_string_equal(item_field(s, 0, "description"), "string \xE2\x80\x94 Der Pfad.");
  /* its parameters said in German; what it returns not again ("gibt … zurück") */
  assert_string_equal(sget(s, "narration"), "Die Methode gibt den letzten Teil eines Pfades zurück. Parameter: pfad.");
  cJSON_Delete(m);
  vgi_diags_free(&d);
}

/* The sentence of a parameter list comes from the phrase table in every
 * language it has (never English words in a French or Japanese video), and
 * so do the slide's labels ("Returns", "optional"). */
static void parameters_said_in_language(void **state) {
  (void)state;
  static const struct { const char *lang, *takes, *returns; } cases[] = {
    { "fr", "chemin et suffixe facultatif.", "Valeur de retour" },
    { "es", "chemin y suffixe opcional.", "Valor de retorno" },
    { "ja", "\xE5\xBC\x95\xE6\x95\xB0", "\xE6\x88\xBB\xE3\x82\x8A\xE5\x80\xA4" },   /* 引数, 戻り値 */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char doc[1024];
    snprintf(doc, sizeof doc,
             "---\nlang: %s\n---\n# Chemin\n\nLe module aide avec les chemins.\n\n"
             "## `chemin.nom(chemin[, suffixe])`\n\n* `chemin` {string} Le chemin.\n"
             "* `suffixe` {string} Un suffixe.\n* Returns: {string|Buffer}\n\n"
             "Cette m\xC3\xA9thode donne la derni\xC3\xA8re partie du chemin.\n", cases[i].lang);
    vgi_diags d;
    cJSON *m = load_text("lang.md", doc, NULL, &d);
    vgi_diags_free(&d);
    const cJSON *s = scene_headed(m, "chemin.nom(chemin[, suffixe])");
    assert_non_null(s);
    const char *n = sget(s, "narration");
    if (!strstr(n, cases[i].takes) || !strstr(n, cases[i].returns)) print_message("%s: %s\n", cases[i].lang, n);
    assert_non_null(strstr(n, cases[i].takes));
    assert_non_null(strstr(n, cases[i].returns));
    assert_null(strstr(n, "It takes"));
    assert_null(strstr(n, "returns"));
    /* the slide's labels too: "Valeur de retour", not "Returns" */
    assert_string_equal(item_field(s, 2, "title"), cases[i].returns);
    assert_null(strstr(item_field(s, 1, "description"), "optional"));
    cJSON_Delete(m);
  }
}

/* An entry as a list of labelled parts (Vue's API pages: "- **Type**" over
 * the signature, "- **Details**" over prose, "- **Example**" over code, "-
 * **See also**" over a link): the signature is a code slide with the
 * details said over it, the example a code slide; no "Type"/"Details"
 * bullets. A list of other bold labels stays a list. */
static void labelled_entry(void **state) {
  (void)state;
  vgi_options o = { .detail = VGI_DETAIL_FULL };
  vgi_diags d;
  cJSON *m = load_text("app.md",
                       "# Application API\n\n"
                       "## createApp()\n\n"
                       "Creates an application instance.\n\n"
                       "- **Type**\n\n"
                       "  ```ts\n  function createApp(rootComponent: Component, rootProps?: object): App\n  ```\n\n"
                       "- **Details**\n\n"
                       "  The first argument is the root component. The second optional argument is the props.\n\n"
                       "- **Example**\n\n"
                       "  With inline root component:\n\n"
                       "  ```js\n  import { createApp } from 'vue'\n\n  const app = createApp({})\n  ```\n\n"
                       "- **See also** [Guide - Creating a Vue Application](/guide/essentials/application)\n\n"
                       "## Features\n\n"
                       "- **Fast**: it starts in a millisecond\n"
                       "- **Small**: it fits in a kilobyte\n"
                       "- **Safe**: it checks every input\n",
                       &o, &d);
  vgi_diags_free(&d);
  int sig = 0, example = 0, features = 0;
  for (int i = 0; i < scene_count(m, 0); i++) {
    const cJSON *s = scene_at(m, 0, i);
    char *t = cJSON_PrintUnformatted(s);
    if (!strcmp(sget(s, "scene_type"), "command") && strstr(t, "function createApp(rootComponent")) {
      sig = 1;
      assert_non_null(strstr(sget(s, "narration"), "The first argument is the root component."));
    }
    if (!strcmp(sget(s, "scene_type"), "command") && strstr(t, "import { createApp } from 'vue'")) example = 1;
    if (strstr(t, "Fast") && strstr(t, "Small") && !strcmp(sget(s, "scene_type"), "list")) features = 1;
    free(t);
  }
  char *all = all_text(m);
  assert_int_equal(count_in(all, "Details."), 0);
  assert_int_equal(count_in(all, "\"Type"), 0);
  assert_int_equal(count_in(all, "See also"), 0);
  free(all);
  assert_true(sig);
  assert_true(example);
  assert_true(features);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(node_entry),
    cmocka_unit_test(stability_banners),
    cmocka_unit_test(description_outranks_parameters),
    cmocka_unit_test(other_styles),
    cmocka_unit_test(sphinx_fields),
    cmocka_unit_test(tiny_entries_share),
    cmocka_unit_test(ordinary_lists_and_languages),
    cmocka_unit_test(parameters_said_in_language),
    cmocka_unit_test(labelled_entry),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
