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

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(german_prefix_stays_with_its_clause),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
