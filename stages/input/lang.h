/* lang.h: word lists shared by the adapters' sentence rules. The headline
 * cutter (markdown.c) and the summary writer (narrate.c) both ask whether a
 * word is an auxiliary or a copula; the list is lang.c's, so it has one copy. */
#pragma once

/* Auxiliaries and copulas in the languages vgrun cuts by word lists (en, de,
 * fr, es, it, pt, nl, ru), lower case, NULL-terminated. Static data; any
 * thread. */
extern const char *const vgi_aux_verbs[];
