/* test_lang_prose.c: documents in other languages as their prose says them:
 * a German verb keeps its separated prefix, a translation with English left
 * in it is still its own language, a link is a link whatever its address. */
#include "input_test.h"
#include "input_private.h"

/* the text of every bullet and narration of a model, one string */
static void model_text(const cJSON *x, vgi_buf *b) {
  if (cJSON_IsString(x)) { vgi_buf_puts(b, x->valuestring); vgi_buf_puts(b, "\n"); return; }
  for (const cJSON *c = x ? x->child : NULL; c; c = c->next) model_text(c, b);
}

/* "Legen Sie … eine Datenbank an": a German separable verb's prefix stands
 * at its clause's end; a headline cut inside that clause lost it ("Legen
 * Sie vor dem ersten Start"), a shown bullet as well as a headline. */
static void german_prefix_stays_with_its_clause(void **state) {
  (void)state;
  static const char *const s[][2] = {
    { "Legen Sie vor dem ersten Start mit dem Befehl createdb eine neue, leere Datenbank f\xC3\xBCr Ihre "
      "Anwendung an, bevor Sie den Server starten.", " an" },
    { "Melden Sie sich danach mit Ihrem Benutzernamen und dem neuen Passwort bei der Verwaltungsoberfl\xC3\xA4""che "
      "des Servers an.", " an" },
    { "Das Programm legt beim ersten Start automatisch eine Konfigurationsdatei in Ihrem Heimatverzeichnis "
      "unter dem Namen config an.", " an" },
  };
  for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
    char *h = vgi_headline(s[i][0]);
    print_message("%s\n", h);
    const char *at = strstr(h, s[i][1]);
    assert_non_null(at);
    free(h);
  }
  /* the prefix of a later clause is no reason to keep it: the cut before
   * that clause stays */
  char *h = vgi_headline("Stellen Sie sicher, dass der Dienst l\xC3\xA4uft, und schalten Sie danach die "
                         "Protokollierung in der Konfigurationsdatei des Servers ein.");
  print_message("%s\n", h);
  assert_null(strstr(h, "Protokollierung"));
  free(h);
  /* through a document: what is shown keeps "an" wherever the clause is */
  vgi_options full = {0};
  vgi_diags d = {0};
  cJSON *m = load_text("doc.md",
                       "# Einf\xC3\xBChrung\n\n## Einrichtung\n\n"
                       "- Legen Sie vor dem ersten Start mit dem Befehl createdb eine neue, leere Datenbank f\xC3\xBCr "
                       "Ihre Anwendung an, bevor Sie den Server starten.\n"
                       "- Melden Sie sich danach mit Ihrem Benutzernamen und dem neuen Passwort bei der "
                       "Verwaltungsoberfl\xC3\xA4""che des Servers an.\n",
                       &full, &d);
  vgi_diags_free(&d);
  vgi_buf b = {0};
  model_text(m, &b);
  assert_null(strstr(b.s, "Passwort\n"));
  assert_null(strstr(b.s, "Start\n"));
  assert_null(strstr(b.s, "Datenbank\n"));
  vgi_buf_free(&b);
  cJSON_Delete(m);
}

/* A translation with whole paragraphs left in English (Starship's German
 * FAQ: more English function words than German ones, every heading and
 * half the paragraphs German) is the translation's language; an English
 * document with one German paragraph stays English. A Thai README whose
 * lists link English pages by their English names is Thai. */
static void translation_with_english_left(void **state) {
  (void)state;
  static const char de[] =
    "# H\xC3\xA4ufig gestellte Fragen\n\n"
    "## Wie bekomme ich die Autovervollst\xC3\xA4ndigung, wie sie im Demo-GIF gezeigt wird?\n\n"
    "Autovervollst\xC3\xA4ndigung wird von der Shell deiner Wahl bereitgestellt. Wenn du die Z Shell nutzt, "
    "empfehle ich dir, einen Blick auf zsh-autosuggestions zu werfen.\n\n"
    "## Why do I see timed out warnings?\n\n"
    "Starship executes different commands to get information to display in the prompt, for example the version "
    "of a program or the current git status. To make sure starship doesn't hang while trying to execute these "
    "commands we set a time limit, if a command takes longer than this limit starship will stop the execution of "
    "the command and output the above warning, this is expected behaviour. You can also follow the debugging "
    "steps below to see which command is being slow and see if you can optimise it.\n\n"
    "## Ich sehe Symbole, die ich nicht verstehe oder erwarte, was bedeuten sie?\n\n"
    "Wenn du Symbole siehst, die du nicht kennst, kannst du starship explain verwenden um die aktuell "
    "angezeigten Module erkl\xC3\xA4ren zu lassen.\n\n"
    "## Starship is doing something unexpected, how can I debug it?\n\n"
    "These logs can be very verbose so it is often useful to use the module command if you are trying to debug "
    "a particular module, for example, if you are trying to debug the rust module you could run the following "
    "command to get the trace logs and output from the module. If starship is being slow you can try using the "
    "timings command to see if there is a particular module or command that is to blame.\n\n"
    "## Wie deinstalliere ich Starship?\n\n"
    "Starship ist genauso einfach zu deinstallieren wie zu installieren. Wenn Starship mit Hilfe des "
    "Installationsscripts installiert wurde, entfernt der folgende Befehl Starship.\n\n"
    "## Warum sehe ich in meiner Eingabeaufforderung kein Glyphe-Symbol?\n\n"
    "The most common cause of this is system misconfiguration. Some Linux distros in particular do not come "
    "with font support out-of-the-box. Sie m\xC3\xBCssen sicherstellen, dass die Schriftart installiert ist.\n";
  static const char en[] =
    "# Frequently Asked Questions\n\n"
    "## Why do I see timed out warnings?\n\n"
    "Starship executes different commands to get information to display in the prompt, for example the version "
    "of a program or the current git status. To make sure starship does not hang we set a time limit.\n\n"
    "## How do I debug it?\n\n"
    "These logs can be very verbose so it is often useful to use the module command if you are trying to debug "
    "a particular module.\n\n"
    "## How do I uninstall it?\n\n"
    "Remove the lines in your shell config that initialize it, then delete the binary.\n\n"
    "## German\n\n"
    "Wenn du Symbole siehst, die du nicht kennst, kannst du starship explain verwenden um die aktuell "
    "angezeigten Module erkl\xC3\xA4ren zu lassen. Die Eingabeaufforderung verwendet so viel Kontext wie "
    "m\xC3\xB6glich, aber keine Flagge ist notwendig, und sie wird auch nicht von der Shell bereitgestellt.\n";
  vgi_buf th = {0};
  vgi_buf_puts(&th, "# Coding Interview University\n\n"
                    "\xE0\xB8\x96\xE0\xB9\x89\xE0\xB8\xB2\xE0\xB8\x84\xE0\xB8\xB8\xE0\xB8\x93\xE0\xB8\xA1\xE0\xB8\xB5"
                    "\xE0\xB8\x9B\xE0\xB8\xA3\xE0\xB8\xB0\xE0\xB8\xAA\xE0\xB8\x9A\xE0\xB8\x81\xE0\xB8\xB2\xE0\xB8\xA3"
                    "\xE0\xB8\x93\xE0\xB9\x8C\xE0\xB8\x81\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB8\x9E\xE0\xB8\xB1\xE0\xB8\x92"
                    "\xE0\xB8\x99\xE0\xB8\xB2\xE0\xB8\x8B\xE0\xB8\xAD\xE0\xB8\x9F\xE0\xB8\x95\xE0\xB9\x8C\xE0\xB9\x81"
                    "\xE0\xB8\xA7\xE0\xB8\xA3\xE0\xB9\x8C\xE0\xB8\xA1\xE0\xB8\xB2\xE0\xB8\xAB\xE0\xB8\xA5\xE0\xB8\xB2"
                    "\xE0\xB8\xA2\xE0\xB8\x9B\xE0\xB8\xB5 Google Interview\n\n");
  for (int sec = 0; sec < 6; sec++) {
    /* a heading and a line in Thai ("ถ้าคุณมีประสบการณ์การพัฒนาซอฟต์แวร์"), then links to English videos */
    vgi_buf_puts(&th, "## \xE0\xB8\x81\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB8\x9E\xE0\xB8\xB1\xE0\xB8\x92\xE0\xB8\x99"
                      "\xE0\xB8\xB2\xE0\xB8\x8B\xE0\xB8\xAD\xE0\xB8\x9F\xE0\xB8\x95\xE0\xB9\x8C\xE0\xB9\x81\xE0\xB8\xA7"
                      "\xE0\xB8\xA3\xE0\xB9\x8C\n\n"
                      "\xE0\xB8\x96\xE0\xB9\x89\xE0\xB8\xB2\xE0\xB8\x84\xE0\xB8\xB8\xE0\xB8\x93\xE0\xB8\xA1\xE0\xB8\xB5"
                      "\xE0\xB8\x9B\xE0\xB8\xA3\xE0\xB8\xB0\xE0\xB8\xAA\xE0\xB8\x9A\xE0\xB8\x81\xE0\xB8\xB2\xE0\xB8\xA3"
                      "\xE0\xB8\x93\xE0\xB9\x8C\xE0\xB8\x81\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB8\x9E\xE0\xB8\xB1\xE0\xB8\x92"
                      "\xE0\xB8\x99\xE0\xB8\xB2\xE0\xB8\x8B\xE0\xB8\xAD\xE0\xB8\x9F\xE0\xB8\x95\xE0\xB9\x8C\xE0\xB9\x81"
                      "\xE0\xB8\xA7\xE0\xB8\xA3\xE0\xB9\x8C\n\n"
                      "- [Binary Search Trees: Introduction to the data structure (video)](https://example.org/a)\n"
                      "- [Hash tables and how they handle collisions in practice (video)](https://example.org/b)\n\n");
  }
  static const struct { const char *text, *lang; } docs[] = { { de, "de" }, { en, "en" } };
  for (size_t i = 0; i < 3; i++) {
    vgi_diags d = {0};
    cJSON *m = load_text("doc.md", i < 2 ? docs[i].text : th.s, NULL, &d);
    vgi_diags_free(&d);
    print_message("%s\n", sget(video_at(m, 0), "language"));
    assert_string_equal(sget(video_at(m, 0), "language"), i < 2 ? docs[i].lang : "th");
    cJSON_Delete(m);
  }
  vgi_buf_free(&th);
}

/* A link whose address has a space in it (a translated README's anchors,
 * "[दैनिक योजना](#दैनिक योजना)", "[…] (# Why-use-it)", a web address a tool
 * broke, "(https://www.quora.com/What-is-tail-recursion- Why-is-it-so-bad)")
 * is shown and said by its text, never with its brackets and address. */
static void link_with_spaced_address(void **state) {
  (void)state;
  vgi_options full = {0};
  vgi_diags d = {0};
  cJSON *m = load_text("doc.md",
                       "# \xE0\xA4\x85\xE0\xA4\xA7\xE0\xA5\x8D\xE0\xA4\xAF\xE0\xA4\xAF\xE0\xA4\xA8\n\n"
                       "- [\xE0\xA4\xA6\xE0\xA5\x88\xE0\xA4\xA8\xE0\xA4\xBF\xE0\xA4\x95 \xE0\xA4\xAF\xE0\xA5\x8B\xE0\xA4\x9C"
                       "\xE0\xA4\xA8\xE0\xA4\xBE](#\xE0\xA4\xA6\xE0\xA5\x88\xE0\xA4\xA8\xE0\xA4\xBF\xE0\xA4\x95 "
                       "\xE0\xA4\xAF\xE0\xA5\x8B\xE0\xA4\x9C\xE0\xA4\xA8\xE0\xA4\xBE)\n"
                       "- [\xE0\xA4\x87\xE0\xA4\xB8\xE0\xA4\x95\xE0\xA4\xBE \xE0\xA4\x89\xE0\xA4\xAA\xE0\xA4\xAF\xE0\xA5\x8B"
                       "\xE0\xA4\x97] (# Why-use-it)\n"
                       "- [ ] [\xE0\xA4\x9F\xE0\xA5\x87\xE0\xA4\xB2 \xE0\xA4\xB0\xE0\xA4\xBF\xE0\xA4\x95\xE0\xA4\xB0\xE0\xA5\x8D"
                       "\xE0\xA4\xB8\xE0\xA4\xA8](https://www.quora.com/What-is-tail-recursion- Why-is-it-so-bad)\n",
                       &full, &d);
  vgi_diags_free(&d);
  vgi_buf b = {0};
  model_text(m, &b);
  print_message("%s\n", b.s);
  assert_null(strstr(b.s, "]"));
  assert_null(strstr(b.s, "#"));
  assert_null(strstr(b.s, "quora"));
  assert_non_null(strstr(b.s, "\xE0\xA4\xA6\xE0\xA5\x88\xE0\xA4\xA8\xE0\xA4\xBF\xE0\xA4\x95 \xE0\xA4\xAF"));
  vgi_buf_free(&b);
  cJSON_Delete(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(german_prefix_stays_with_its_clause),
    cmocka_unit_test(translation_with_english_left),
    cmocka_unit_test(link_with_spaced_address),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
