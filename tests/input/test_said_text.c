/* test_said_text.c: what the narration says of text a reader sees: markup
 * shown as text said by its words, "etc." that a sentence goes on after,
 * an abbreviation that a code block left at a colon, asides, tables of
 * contents, quotes' attributions and folded lists (stages/input/narrate.c). */
#include "input_test.h"
#include "input_private.h"

/* The narration of every scene of doc (Markdown) read in full, joined by
 * newlines; caller frees. */
static char *narration_of(const char *name, const char *doc, int full) {
  vgi_options o = { .detail = full ? VGI_DETAIL_FULL : 0 };
  vgi_diags d;
  cJSON *m = load_text(name, doc, &o, &d);
  vgi_diags_free(&d);
  vgi_buf b = {0};
  for (int i = 0; i < scene_count(m, 0); i++) {
    vgi_buf_puts(&b, sget(scene_at(m, 0, i), "narration"));
    vgi_buf_puts(&b, "\n");
  }
  cJSON_Delete(m);
  return vgi_buf_take(&b);
}

static void said(const char *all, const char *needle, int want) {
  if ((strstr(all, needle) != NULL) != want) print_message("%s \"%s\" in:\n%s\n", want ? "missing" : "unwanted", needle, all);
  assert_int_equal(strstr(all, needle) != NULL, want);
}

#define DOC_TOP "# Demo tool\n\nDemo tool converts files quickly and safely.\n\n"

/* "&lt;b&gt;bold&lt;/b&gt;" shows "<b>bold</b>": said "bold", not dropped as
 * a tag would be; a tag pair around words ("<em>very fast</em>") too. */
static void shown_tags_said_by_words(void **state) {
  (void)state;
  char *all = narration_of("tags.md", DOC_TOP "## Styling\n\nThe renderer turns &lt;b&gt;bold&lt;/b&gt; into heavy "
                           "text and &lt;em&gt;very fast&lt;/em&gt; into slanted text for every page.\n", 1);
  said(all, "turns bold into heavy text and very fast into slanted text", 1);
  said(all, "<b>", 0);
  said(all, "<em>", 0);
  free(all);
}

/* "etc." before a lower-case word goes on with its sentence, in the
 * narration as in a headline: never "etc. Related tools". */
static void etc_goes_on(void **state) {
  (void)state;
  char *all = narration_of("etc.md", DOC_TOP "## Languages\n\nThe project ships bindings for Lua, C, etc. related "
                           "tools are in the contrib folder.\n", 1);
  said(all, "Lua, C, etc. related tools are in the contrib folder.", 1);
  free(all);
  const char *s = "Bindings for Lua, C, etc. related tools live in contrib. More later.";
  assert_int_equal(vgi_first_sentence(s), strlen("Bindings for Lua, C, etc. related tools live in contrib."));
  assert_int_equal(vgi_etc_goes_on(s, strstr(s, "etc.") + 3), 1);
  assert_int_equal(vgi_etc_goes_on(s, strstr(s, "contrib.") + 7), 0);
}

/* "e.g.:" or "i.e.:" before a code block: the sentence that introduces it is
 * said without the abbreviation; one that words follow keeps it. */
static void abbreviation_before_code(void **state) {
  (void)state;
  const char *abbrevs[] = { "e.g.", "i.e.", "(e.g.)" };
  for (int k = 0; k < 3; k++) {
    char doc[512];
    snprintf(doc, sizeof doc, DOC_TOP "## Usage\n\nRun the tool with a config file%s %s:\n\n```\ndemo --config demo.toml\n```\n\n"
             "Then check the output folder.\n", k == 2 ? "" : ",", abbrevs[k]);
    char *all = narration_of("eg.md", doc, 1);
    said(all, "Run the tool with a config file:", 1);
    said(all, abbrevs[k], 0);
    free(all);
  }
  char *all = narration_of("eg2.md", DOC_TOP "## Formats\n\nIt reads many image formats, e.g.: png, jpeg and webp.\n", 1);
  said(all, "e.g.: png, jpeg and webp", 1);
  free(all);
}

/* A plain text's table of contents (page numbers after dots, or a label
 * over the names of its sections) is an agenda, as a Markdown one is: "3
 * topics: …", never its lines read out with their page numbers. */
static void text_contents_are_an_agenda(void **state) {
  (void)state;
  const char *docs[] = {
    "Demo Tool Manual\n\nContents\n\n1. Introduction ........ 3\n2. Installation ........ 5\n"
    "3. Usage ................ 8\n\n1. Introduction\n\nDemo tool converts files quickly and safely.\n\n"
    "2. Installation\n\nRun the installer from the release page.\n\n3. Usage\n\nGive the tool a file name.\n",
    "Widget Handbook\n\nTable of Contents\n\n  Getting started\n  Configuration\n  Troubleshooting\n\n"
    "Getting started\n\nInstall the widget package and start the service.\n\nConfiguration\n\n"
    "The settings live in one file that the service reads at start.\n\nTroubleshooting\n\n"
    "Read the log file first when the service does not start.\n",
  };
  const char *agenda[] = { "3 topics: Introduction, Installation, and Usage.",
                           "3 topics: Getting started, Configuration, and Troubleshooting." };
  for (int k = 0; k < 2; k++) {
    char *all = narration_of("toc.txt", docs[k], 0);
    said(all, agenda[k], 1);
    said(all, "Contents", 0);
    said(all, "3, ", 0);
    free(all);
  }
  /* short lines under a label that name no section are a list as before */
  char *all = narration_of("notoc.txt", "Widget Handbook\n\nContents\n\n  one widget\n  two cables\n  a manual\n\n"
                           "Usage\n\nPlug the cables into the widget and read the manual first.\n", 0);
  said(all, "topics", 0);
  free(all);
}

/* A summary leaves a long aside out, never one the sentence needs: none
 * that would leave it ending on a verb after a modal ("may use."), a
 * preposition ("go to.") or that "respectively" points back at; one in
 * the middle of a whole sentence still goes. */
static void asides_kept_when_needed(void **state) {
  (void)state;
  char *all = narration_of("asides.md", DOC_TOP "## Programs\n\nPrograms may use (in some cases, when the cache is warm). "
                           "Other programs never do that.\n\n## Options\n\nThe first and second options set speed and size "
                           "(the fast mode and the small mode) respectively. The rest is fixed.\n\n## Output\n\n"
                           "Results go to (one file per input page). It is quick.\n\n## Input\n\nThe tool reads from "
                           "(when no file name is given on the command line) standard input. It writes files.\n", 0);
  said(all, "Programs may use (in some cases, when the cache is warm).", 1);
  said(all, "size (the fast mode and the small mode) respectively.", 1);
  said(all, "Results go to (one file per input page).", 1);
  said(all, "The tool reads from standard input.", 1);
  free(all);
}

/* A link the voice drops leaves no trace: a bracket it opened is not said
 * "(, pronounced dee-no)"; a link whose text only points at it ("can be
 * found [here](…)") reads "online" after a word of place, on the slide too. */
static void dropped_links_leave_no_trace(void **state) {
  (void)state;
  char *all = narration_of("README.md", "# Deno\n\n[Deno](https://www.deno.com) "
      "([/\xCB\x88" "di\xCB\x90" "no\xCA\x8A" "/](https://ipa-reader.com/?text=di), pronounced `dee-no`) is a JavaScript, "
      "TypeScript, and WebAssembly runtime with secure defaults and a great developer experience.\n\n"
      "## Build\n\nComplete instructions for building Deno from source can be found "
      "[here](https://github.com/denoland/deno/blob/main/.github/CONTRIBUTING.md#building-from-source).\n", 1);
  said(all, "(,", 0);
  said(all, "()", 0);
  said(all, "can be found online.", 1);
  said(all, "found here", 0);
  free(all);
  /* the same in the other languages written with spaces, in their words */
  static const char *const cases[][2] = {
    { "Weitere Informationen finden Sie [hier](https://example.org/a).", "finden Sie online." },
    { "La documentation est disponible [ici](https://example.org/a).", "disponible en ligne." },
    { "La gu\xC3\xAD" "a completa est\xC3\xA1 disponible [aqu\xC3\xAD](https://example.org/a).", "disponible en l\xC3\xADnea." },
    { "La guida completa \xC3\xA8 disponibile [qui](https://example.org/a).", "disponibile online." },
    { "O guia completo est\xC3\xA1 dispon\xC3\xADvel [aqui](https://example.org/a).", "dispon\xC3\xADvel online." },
    { "De volledige handleiding is beschikbaar [hier](https://example.org/a).", "beschikbaar online." },
    { "\xD0\x9F\xD0\xBE\xD0\xB4\xD1\x80\xD0\xBE\xD0\xB1\xD0\xBD\xD0\xB5\xD0\xB5 \xD0\xBC\xD0\xBE\xD0\xB6\xD0\xBD\xD0\xBE "
      "\xD0\xBD\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB8 [\xD0\xB7\xD0\xB4\xD0\xB5\xD1\x81\xD1\x8C](https://example.org/a).",
      "\xD0\xBD\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB8 \xD0\xBE\xD0\xBD\xD0\xBB\xD0\xB0\xD0\xB9\xD0\xBD." },
    /* a pointer after no word of place stays as it was */
    { "Klicken Sie [hier](https://example.org/a), um fortzufahren.", "Klicken Sie hier" },
    { "Vous trouverez la liste compl\xC3\xA8te [ici](https://example.org/a).", "trouverez la liste compl\xC3\xA8te ici" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char doc[512];
    snprintf(doc, sizeof doc, "# T\n\nIntro.\n\n## More\n\n%s\n", cases[i][0]);
    all = narration_of("README.md", doc, 1);
    said(all, cases[i][1], 1);
    free(all);
  }
}

/* An option the sentence already calls an option ("meson option
 * -Dvalgrind=true", "the new -mno-x-y-z command-line option") is said by its
 * name, not named twice ("option the valgrind option"); a value that tells
 * two uses apart ("-std=f95", "-std=f2003") is said; a placeholder
 * ("--sort=key") is not. */
static void options_named_once_with_values(void **state) {
  (void)state;
  char *all = narration_of("opts.md", DOC_TOP "## Changes\n\n"
      "The include file can no longer be compiled with `-std=f95` but now requires at least `-std=f2003`. "
      "To run it under valgrind, compile with meson option `-Dvalgrind=true` and have the headers installed. "
      "The configuration option `--enable-libstdcxx-allocator` no longer supports the bitmap argument. "
      "Use the table when the new `-mno-direct-extern-access` command-line option is given. "
      "Sort the rows with `--sort=key`.\n", 1);
  said(all, "compiled with the std option set to f95 but now requires at least the std option set to f2003", 1);
  said(all, "compile with meson option valgrind set to true and", 1);
  said(all, "The configuration option enable-libstdcxx-allocator no longer", 1);
  said(all, "when the new mno-direct-extern-access command-line option is given", 1);
  said(all, "Sort the rows with the sort option.", 1);
  said(all, "option the", 0);
  said(all, "set to key", 0);
  free(all);
}

/* A headline is not cut on a verb whose object an aside interrupts ("and
 * may use, depending on the settings, even hundreds of megabytes"), after a
 * participle alone (", depending"), nor between a quantity and its "of"
 * ("may use lots | of RAM"). */
static void headline_not_cut_inside_an_interrupted_clause(void **state) {
  (void)state;
  char *all = narration_of("cut.md", DOC_TOP "## Overview\n\n"
      "When aiming for the highest compression ratio, the encoder uses a lot of CPU time and may use, depending "
      "on the settings, even hundreds of megabytes of RAM. However, in fast modes, the encoder competes with "
      "bzip2 in speed.\n\n## Memory\n\nThe decoder uses a lot of CPU time and may use lots of RAM at once in "
      "the worst case.\n\n## Settings\n\nThe encoder uses a lot of CPU time and may use, depending on the "
      "settings, even hundreds of megabytes of RAM.\n", 0);
  said(all, "may use.", 0);
  said(all, "may use lots.", 0);
  said(all, "depending.", 0);
  said(all, "The encoder uses a lot of CPU time", 1);
  free(all);
}

/* Two examples said by what they run ("the arpx command") are said once;
 * a handle ("@octocat") by its name; an option's value in capitals with
 * its optional part ("--height HEIGHT[%]") is not read out. */
static void repeats_handles_and_placeholders(void **state) {
  (void)state;
  char *all = narration_of("ex.md", DOC_TOP "## Examples\n\n- /usr/sbin/arpx -i eth0 -Ds 10.0.0.2 eth1 pub\n"
      "- /usr/sbin/arpx -i eth1 -d 10.0.0.1\n\n## Demo\n\nIf you learn by watching videos, check out this "
      "screencast by @octocat to explore the features.\n\n## Height\n\nWith --height HEIGHT[%], the tool will "
      "start below the cursor with the given height.\n", 1);
  said(all, "The arpx command.\n", 1);
  free(all);
  /* a list a colon introduces is said after it, though it names the same */
  all = narration_of("via.md", DOC_TOP "## Windows\n\nOn Windows, the tool is available via Chocolatey, Scoop and "
                     "MSYS2: Chocolatey, Scoop and MSYS2 (pacman).\n", 1);
  said(all, "MSYS2: Chocolatey, Scoop and MSYS2 (pacman).", 1);
  free(all);
  all = narration_of("ex.md", DOC_TOP "## Examples\n\n- /usr/sbin/arpx -i eth0 -Ds 10.0.0.2 eth1 pub\n"
      "- /usr/sbin/arpx -i eth1 -d 10.0.0.1\n\n## Demo\n\nIf you learn by watching videos, check out this "
      "screencast by @octocat to explore the features.\n\n## Height\n\nWith --height HEIGHT[%], the tool will "
      "start below the cursor with the given height.\n", 1);
  said(all, "command. The arpx", 0);
  said(all, "screencast by octocat to explore", 1);
  said(all, "@", 0);
  said(all, "With the height option, the tool will start", 1);
  said(all, "HEIGHT", 0);
  free(all);
}

/* A step's number in bold before its paragraph ("**1.** Install …") is not
 * a sentence of its own ("1. 2."); a column or a variable named with its
 * sigil ("%CPU", "COLUMNS=") is said by its name. */
static void step_numbers_and_sigils(void **state) {
  (void)state;
  char *all = narration_of("steps.md", DOC_TOP "## Setup\n\n**1.** Install the package from the archive.\n\n"
      "**2.** Configure the daemon to start at boot.\n\n## Fields\n\nThe %CPU column shows the share of "
      "processor time. Set COLUMNS= to change the width of the output.\n", 1);
  said(all, "Install the package from the archive. Configure the daemon to start at boot.", 1);
  said(all, "1.", 0);
  said(all, "2.", 0);
  said(all, "The CPU column shows", 1);
  said(all, "Set COLUMNS to change", 1);
  said(all, "%", 0);
  free(all);
}

/* A program run by its path is said by its name ("by running configure
 * with …", never "by running with …"); emphasis typed in plain text
 * ("_added_") and a rule of marks ("===") are not said, an identifier's
 * underscores stay; a page's control ("Click to show Cargo.toml.") is not
 * said; a heading's wide space before its badges is not part of its name. */
static void run_paths_typed_marks_and_controls(void **state) {
  (void)state;
  char *all = narration_of("run.md", "# Serde\xE2\x80\x83 [![Build](https://example.org/b.svg)](https://example.org)\n\n"
      "Serde reads data.\n\n## Build\n\n"
      "The configure step is initiated by running ./configure with or without additional flags. "
      "Then run ./autogen.sh to make the scripts. If you use /usr/bin/make on such systems, the build "
      "fails, and /etc/widget.conf stays as it was.\n\n## Policy\n\nInterfaces can and probably will be _added_ "
      "to it, and MY_VAR and _private stay as they are.\n\nBootstrapping on new platforms ===\n\n"
      "## Example\n\n<details>\n<summary>\nClick to show Cargo.toml.\n</summary>\n\n```toml\n[dependencies]\n"
      "serde = \"1.0\"\n```\n\n</details>\n", 1);
  said(all, "Welcome to Serde.", 1);
  said(all, "initiated by running configure with or without", 1);
  said(all, "Then run autogen.sh to make", 1);
  said(all, "If you use make on such systems", 1);   /* a program's folder says it is one */
  said(all, "widget.conf", 0);
  said(all, "will be added to it", 1);
  said(all, "MY_VAR and _private stay", 1);
  said(all, "===", 0);
  said(all, "Click", 0);
  free(all);
}

/* A path its clause needs as a noun (a subject after "if" or "that", the
 * object of "calls") is said by its last name, never dropped to leave "if
 * is not already mounted"; one a preposition led to still goes. */
static void paths_a_clause_needs_said_by_name(void **state) {
  (void)state;
  char *all = narration_of("paths.md", DOC_TOP "## Warnings\n\nThe daemon will warn during boot if /usr is not "
                           "already mounted at this point. Packaging requires that `/var/run` is a symlink. On a "
                           "reload it calls /usr/lib/demo/demo-reload; this needs no root. Logs are kept in "
                           "/var/log/demo for a week.\n", 1);
  said(all, "if usr is not already mounted", 1);
  said(all, "requires that run is a symlink", 1);
  said(all, "it calls demo-reload; this needs no root", 1);
  said(all, "if is not", 0);
  free(all);
  /* two quoted things taken out leave no "or" behind */
  all = narration_of("nul.md", DOC_TOP "## Limits\n\nThe parser does not take strings that contain the zero "
                     "character `'\\0'` or `\\u0000`. It reads UTF-8 only.\n", 1);
  said(all, "contain the zero character. It reads", 1);
  said(all, " or.", 0);
  free(all);
  /* "Browse to <link> for …" only pointed, as "See <link> for …" does */
  all = narration_of("browse.md", DOC_TOP "## More\n\nThe tool predates today's security concerns. Browse to "
                     "http://demo.example.org for more current information.\n", 1);
  said(all, "security concerns.", 1);
  said(all, "Browse", 0);
  said(all, "more current information", 0);
  free(all);
  /* a summary without "(incomplete)" keeps its article right */
  all = narration_of("an.md", DOC_TOP "## APIs\n\nThis is an (incomplete) list of the APIs the tool provides.\n", 0);
  said(all, "This is a list of the APIs", 1);
  said(all, "an list", 0);
  said(all, "/usr", 0);
  said(all, "log/demo", 0);
  free(all);
}

/* Bug numbers are never read out: a bracket that only cites them goes, a
 * number the sentence needs is said as a report or a reported bug; a
 * channel ("#demo") and a rank ("#1") stay. */
static void bug_numbers_unsaid(void **state) {
  (void)state;
  char *all = narration_of("bugs.md", DOC_TOP "## History\n\nThe tool now works in taint mode (Closes: #214546, "
                           "#214547). The split was made to finally solve #643559. Promptly, bug #1014901 was filed. "
                           "Join #demo for help; it is the #1 choice.\n", 1);
  said(all, "works in taint mode.", 1);
  said(all, "to finally solve a reported bug.", 1);
  said(all, "Promptly, a bug report was filed.", 1);
  said(all, "#demo", 1);
  said(all, "#1 choice", 1);
  said(all, "Closes", 0);
  said(all, "6435", 0);
  said(all, "1014901", 0);
  free(all);
}

/* A list its sentence counts ("Demo in three points:") is said by its
 * items' leads when they are too long to say whole, never only counted
 * ("Demo in three points."). */
static void counted_list_said_by_leads(void **state) {
  (void)state;
  char *all = narration_of("leads.md", "# Demo\n\nDemo is a tool for making command line tools in a composable "
                           "way with little code.\n\nDemo in three points:\n\n-   Arbitrary nesting of commands\n"
                           "-   Automatic help page generation\n-   Supports lazy loading of subcommands at runtime\n\n"
                           "## Usage\n\nRun it.\n", 0);
  said(all, "Demo in three points: Arbitrary nesting of commands, automatic help page generation, and supports "
            "lazy loading of subcommands at runtime.", 1);
  said(all, "three points.", 0);
  free(all);
}

/* A glossary says each term with its expansion ("ABI — Application Binary
 * Interface"), the part before its definition's dash, even one that opens
 * like a clause ("As Far As I Can Tell"); never the terms alone. */
static void glossary_terms_said_with_expansions(void **state) {
  (void)state;
  char *all = narration_of("glossary.md", "# Glossary\n\nTerms used in this project.\n\n## Terms\n\n"
                           "* **ABI**: Application Binary Interface - Defines the interface between two binary "
                           "program modules.\n* **AFAICT**: As Far As I Can Tell.\n* **Deps**: Dependencies - "
                           "Upstream projects that this project depends on.\n* **LTS**: Long Term Support.\n", 0);
  said(all, "ABI \xE2\x80\x94 Application Binary Interface", 1);
  said(all, "AFAICT \xE2\x80\x94 As Far As I Can Tell", 1);
  said(all, "Deps \xE2\x80\x94 Dependencies", 1);
  said(all, "Defines the interface", 0);
  free(all);
}

/* A path or an option its clause needs as a noun is named, never dropped:
 * one a relative clause is about ("update /etc/x/certs/ which may be
 * used"), an option that is a subject after "if", bare or in brackets
 * ("as if (-r) was used"); one after a noun it names stays as it was. */
static void nouns_a_clause_needs_named(void **state) {
  (void)state;
  char *all = narration_of("nouns.md", DOC_TOP "## Search\n\nThe keyword is a regular expression, as if (-r) was "
                           "used, or may contain wildcards (-w). It is matched as if -e was given. The tool will "
                           "then update /etc/demo/certs/ which may be used by other software. Defining two options "
                           "with the key --input will be rejected.\n", 1);
  said(all, "as if the r option was used, or may contain wildcards.", 1);
  said(all, "as if the e option was given", 1);
  said(all, "will then update certs which may be used", 1);
  said(all, "the key --input will be rejected", 1);
  said(all, "as if was", 0);
  said(all, "update which", 0);
  free(all);
}

/* "." or ".." before an option is a folder in a command line ("find .
 * -iregex x"): no full stop that splits the sentence, and the command
 * line is named by its program, in prose as in a table's cells. */
static void folder_dots_in_command_lines(void **state) {
  (void)state;
  char *all = narration_of("find.md", DOC_TOP "## Search\n\nTo search, run find . -iregex '.*\\.jpg$' on the tree. "
                           "It is fast.\n\n## Timing\n\n| Command | Mean [s] |\n|:---|---:|\n"
                           "| `find . -iregex '.*[0-9]\\.jpg$'` | 2.275 |\n| `fd -HI '.*[0-9]\\.jpg$'` | 0.232 |\n", 1);
  said(all, "To search, run the find command on the tree.", 1);
  said(all, "The find command: 2.275.", 1);
  said(all, "The fd command: 0.232.", 1);
  said(all, "dot", 0);
  said(all, "find.", 0);
  said(all, "jpg", 0);
  free(all);
  int n = 0;
  char **v = vgi_sentences("Run find . -name x to list them. Then cmake .. -G Ninja builds it.", &n);
  assert_int_equal(n, 2);
  for (int i = 0; i < n; i++) free(v[i]);
  free(v);
}

/* An option's placeholder in angle brackets is its value, of any case
 * ("--shell <SHELL>", "--prepare <cmd>"): the option is named once, the
 * prose after it stays; "<command>..." is said without its dots, and a
 * hedged plural ("argument(s)") as a plural. */
static void placeholders_and_hedged_plurals(void **state) {
  (void)state;
  char *all = narration_of("ph.md", DOC_TOP "## Usage\n\nUse the `-S, --shell <SHELL>` option to pick one. You can "
                           "use the `--export-markdown <file>` option to make tables. Options like `--prepare <cmd>` "
                           "or `--cleanup <cmd>` apply. Call `demo <command>...` to start. The argument(s) can be "
                           "any match(es).\n", 1);
  said(all, "Use the shell option to pick one.", 1);
  said(all, "use the export-markdown option to make tables", 1);
  said(all, "the prepare option or the cleanup option apply.", 1);
  said(all, "Call demo command to start.", 1);
  said(all, "The arguments can be any matches.", 1);
  said(all, "SHELL", 0);
  said(all, "...", 0);
  said(all, "(s)", 0);
  free(all);
}

/* A sentence whose verb was in the clause a path took out ("An example
 * package for X, using Y, can be found in <path>.") goes whole: never its
 * subject alone ("An example package for X."). One whose main clause is
 * whole before its comma keeps it. */
static void subject_not_left_without_its_verb(void **state) {
  (void)state;
  char *all = narration_of("verb.md", DOC_TOP "## Examples\n\nPut the files in the folder and re-run the tool. An "
                           "example source package for building a local demo package, using demo-tools (>= 1.2), "
                           "can be found in /usr/share/doc/demo/examples/demo-local/. The tool reads them at once, "
                           "as described in /usr/share/doc/demo/README.\n", 1);
  said(all, "re-run the tool.", 1);
  said(all, "An example source package", 0);
  said(all, "The tool reads them at once.", 1);
  free(all);
}

/* A range of numbers written with two dots ("1000..60000") is said "1000
 * to 60000", never "1000.60000". */
static void number_ranges_said(void **state) {
  (void)state;
  char *all = narration_of("range.md", DOC_TOP "## Ranges\n\nPrograms allocate from a subset of the regular user "
                           "range only, usually 1000..60000. Ports 1..1023 are privileged.\n", 1);
  said(all, "usually 1000 to 60000.", 1);
  said(all, "Ports 1 to 1023 are privileged.", 1);
  said(all, "1000.60000", 0);
  free(all);
}

/* A bare host name that a verb takes as its object is said: without it
 * the clause has none ("a country that blocks, you may have to …"); after
 * a preposition it goes with it ("Join us at …"). */
static void host_name_object_said(void **state) {
  (void)state;
  char *all = narration_of("host.md", DOC_TOP "## Mirrors\n\nIf you're in a country that blocks "
                           "`raw.githubusercontent.com`, you may have to use the mirror instead.\n\n"
                           "Chat with the team at irc.libera.chat every week.\n", 1);
  said(all, "that blocks raw.githubusercontent.com, you may have to use the mirror", 1);
  said(all, "Chat with the team every week.", 1);
  free(all);
}

/* A list of steps said one after another: each step's imperative opens
 * a sentence with a capital, after a version's stop too ("… v0.40.6.
 * Activate nvm …", never "v0.40.6. activate nvm"). */
static void steps_said_with_capitals(void **state) {
  (void)state;
  char *all = narration_of("steps.md", DOC_TOP "## Git Install\n\nIf you have `git` installed:\n\n"
                           "1. clone this repo in the root of your user profile\n"
                           "1. `cd ~/.nvm` and check out the latest version with `git checkout v0.40.6`\n"
                           "1. activate `nvm` by sourcing it from your shell: `. ./nvm.sh`\n", 0);
  said(all, "v0.40.6. Activate nvm by sourcing it", 1);
  said(all, ". activate", 0);
  free(all);
}

/* A list whose items are a command's forms apart by " / " (nvm's "nvm
 * install --lts / nvm install --lts=argon / …") is said by the commands
 * ("nvm install, nvm uninstall, and nvm use"); the slide shows the forms.
 * Before, each form was read ("the nvm install command nvm install the lts
 * option nvm install 'lts/ *' / …"). */
static void command_forms_said_by_command(void **state) {
  (void)state;
  char *all = narration_of("forms.md", DOC_TOP "## Long-term Support\n\nThe following commands support LTS arguments:\n\n"
                           "  - `nvm install --lts` / `nvm install --lts=argon` / `nvm install 'lts/*'`\n"
                           "  - `nvm uninstall --lts` / `nvm uninstall --lts=argon` / `nvm uninstall 'lts/*'`\n"
                           "  - `nvm use --lts` / `nvm use --lts=argon` / `nvm use 'lts/*'`\n", 0);
  said(all, "support LTS arguments: nvm install, nvm uninstall, and nvm use.", 1);
  said(all, "lts option", 0);
  said(all, "argon", 0);
  free(all);
}

/* A page's control is left out whole, an abbreviation inside it too: "Click
 * to see users vs. time graphs." never leaves "Time graphs." said, in an
 * English page or in English text on a Korean one. */
static void control_with_abbreviation_out_whole(void **state) {
  (void)state;
  char *all = narration_of("graphs.md", DOC_TOP "## Growth\n\n<details>\n<summary>Click to see the growth users vs. "
      "time graphs.</summary>\n\nThe graph shows contributors over time.\n</details>\n", 1);
  said(all, "time graphs", 0);
  said(all, "Time graphs", 0);
  said(all, "The graph shows contributors over time.", 1);
  free(all);
  all = narration_of("graphs-ko.md", "# \xEB\x8F\x84\xEC\x9B\x80\xEB\xA7\x90\n\n"
      "\xEC\x9A\xB0\xEB\xA6\xAC\xEB\x8A\x94 \xEC\x83\x88 \xEA\xB8\xB0\xEC\x97\xAC\xEC\x9E\x90\xEB\xA5\xBC "
      "\xED\x99\x98\xEC\x98\x81\xED\x95\xA9\xEB\x8B\x88\xEB\x8B\xA4. "
      "\xEB\xAA\xA8\xEB\x93\xA0 \xEA\xB8\xB0\xEC\x97\xAC\xEC\x9E\x90\xEB\x8A\x94 \xEC\xB2\xAB PR\xEB\xA1\x9C "
      "\xEC\x8B\x9C\xEC\x9E\x91\xED\x96\x88\xEC\x8A\xB5\xEB\x8B\x88\xEB\x8B\xA4.\n\n"
      "<details>\n<summary>Click to see the growth users vs. time graphs.</summary>\n\n</details>\n", 1);
  said(all, "time graphs", 0);
  free(all);
}

/* A summary says a long sentence whole when its headline would end inside
 * the "if" clause that a word or two open ("Finally, if …", "अंत में, यदि
 * …"): never "अंत में, यदि … चाहते हैं।", an if without its then. */
static void opening_if_clause_said_whole(void **state) {
  (void)state;
  char *all = narration_of("hi.md", "# Guide\n\nThis guide helps new people contribute to the book list project.\n\n"
      "## Steps\n\nDo not hesitate to ask questions; every contributor started with a first PR.\n\n"
      "\xE0\xA4\x85\xE0\xA4\x82\xE0\xA4\xA4 \xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\x82, "   /* अंत में, */
      "\xE0\xA4\xAF\xE0\xA4\xA6\xE0\xA4\xBF \xE0\xA4\x86\xE0\xA4\xAA "   /* यदि आप */
      "\xE0\xA4\xB8\xE0\xA5\x81\xE0\xA4\xA8\xE0\xA4\xBF\xE0\xA4\xB6\xE0\xA5\x8D\xE0\xA4\x9A\xE0\xA4\xBF\xE0\xA4\xA4 "
      "\xE0\xA4\xA8\xE0\xA4\xB9\xE0\xA5\x80\xE0\xA4\x82 \xE0\xA4\xB9\xE0\xA5\x88\xE0\xA4\x82 "
      "\xE0\xA4\x95\xE0\xA4\xBF \xE0\xA4\x9C\xE0\xA4\xBF\xE0\xA4\xB8 "
      "\xE0\xA4\xB8\xE0\xA4\x82\xE0\xA4\xB8\xE0\xA4\xBE\xE0\xA4\xA7\xE0\xA4\xA8 \xE0\xA4\x95\xE0\xA5\x8B "
      "\xE0\xA4\x86\xE0\xA4\xAA \xE0\xA4\x9C\xE0\xA5\x8B\xE0\xA4\xA1\xE0\xA4\xBC\xE0\xA4\xA8\xE0\xA4\xBE "
      "\xE0\xA4\x9A\xE0\xA4\xBE\xE0\xA4\xB9\xE0\xA4\xA4\xE0\xA5\x87 \xE0\xA4\xB9\xE0\xA5\x88\xE0\xA4\x82, "
      "\xE0\xA4\xB5\xE0\xA4\xB9 `Free-Programming-Books` \xE0\xA4\x95\xE0\xA5\x87 \xE0\xA4\xB2\xE0\xA4\xBF\xE0\xA4\x8F "
      "\xE0\xA4\x89\xE0\xA4\xAA\xE0\xA4\xAF\xE0\xA5\x81\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xA4 \xE0\xA4\xB9\xE0\xA5\x88, "
      "[CONTRIBUTING](CONTRIBUTING.md) \xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\x82 "
      "\xE0\xA4\xA6\xE0\xA4\xBF\xE0\xA4\xB6\xE0\xA4\xBE\xE0\xA4\xA8\xE0\xA4\xBF\xE0\xA4\xB0\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x87\xE0\xA4\xB6\xE0\xA5\x8B\xE0\xA4\x82 "
      "\xE0\xA4\x95\xE0\xA5\x87 \xE0\xA4\xAE\xE0\xA4\xBE\xE0\xA4\xA7\xE0\xA5\x8D\xE0\xA4\xAF\xE0\xA4\xAE "
      "\xE0\xA4\xB8\xE0\xA5\x87 \xE0\xA4\xAA\xE0\xA4\xA2\xE0\xA4\xBC\xE0\xA5\x87\xE0\xA4\x82\xE0\xA5\xA4\n", 0);
  /* the main clause ("… पढ़ें।", read the guidelines) is said */
  said(all, "CONTRIBUTING \xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\x82", 1);
  said(all, "\xE0\xA4\x9A\xE0\xA4\xBE\xE0\xA4\xB9\xE0\xA4\xA4\xE0\xA5\x87 \xE0\xA4\xB9\xE0\xA5\x88\xE0\xA4\x82\xE0\xA5\xA4", 0);
  free(all);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(shown_tags_said_by_words),
    cmocka_unit_test(etc_goes_on),
    cmocka_unit_test(abbreviation_before_code),
    cmocka_unit_test(text_contents_are_an_agenda),
    cmocka_unit_test(asides_kept_when_needed),
    cmocka_unit_test(dropped_links_leave_no_trace),
    cmocka_unit_test(options_named_once_with_values),
    cmocka_unit_test(headline_not_cut_inside_an_interrupted_clause),
    cmocka_unit_test(repeats_handles_and_placeholders),
    cmocka_unit_test(step_numbers_and_sigils),
    cmocka_unit_test(run_paths_typed_marks_and_controls),
    cmocka_unit_test(paths_a_clause_needs_said_by_name),
    cmocka_unit_test(bug_numbers_unsaid),
    cmocka_unit_test(counted_list_said_by_leads),
    cmocka_unit_test(glossary_terms_said_with_expansions),
    cmocka_unit_test(nouns_a_clause_needs_named),
    cmocka_unit_test(folder_dots_in_command_lines),
    cmocka_unit_test(placeholders_and_hedged_plurals),
    cmocka_unit_test(subject_not_left_without_its_verb),
    cmocka_unit_test(number_ranges_said),
    cmocka_unit_test(host_name_object_said),
    cmocka_unit_test(steps_said_with_capitals),
    cmocka_unit_test(command_forms_said_by_command),
    cmocka_unit_test(control_with_abbreviation_out_whole),
    cmocka_unit_test(opening_if_clause_said_whole),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
