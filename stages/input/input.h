/* input.h: the input adapters. They turn a document (YAML, JSON, Markdown,
 * SRT/VTT transcripts, or a set directory with set_config.yaml) into the scene
 * model ({"videos": [...]}) as cJSON, and report every problem found as a
 * diagnostic. Callers: the input.load stage (input_stage.c), the vg.input_core Lua
 * module (input_lua.c) and the tests. No Lua, no loop: every function may run
 * on any thread, as long as one model/diagnostics list is used by one thread. */
#pragma once

#include <stddef.h>
#include <cjson/cJSON.h>

struct vg_limits;   /* engine/core vg.h */

typedef enum { VGI_ERROR = 0, VGI_WARNING = 1 } vgi_severity;

typedef struct vgi_diag {
  vgi_severity severity;
  char *file;      /* document the problem is in; NULL if none (Lua tables) */
  int line, col;   /* 1-based; 0 when unknown */
  char *field;     /* model path "videos[0].scenes[2].visual_content.title"; "" if none */
  char *message;
  int count;       /* problems it stands for: 1, or past the cap all that are not listed */
} vgi_diag;

typedef struct vgi_diags {
  vgi_diag *v;
  size_t n, cap;
  int errors, warnings;
  size_t marker[2];  /* 1 + the index of the "not listed" entry (errors, warnings); 0: none */
} vgi_diags;

enum { VGI_DETAIL_SUMMARY = 0, VGI_DETAIL_FULL = 1 };

typedef struct vgi_options {
  const char *format;  /* NULL: by extension; else yaml json markdown rst text document srt vtt set
                          (document: Markdown or plain text by its content) */
  const char *split;   /* NULL or "h2": Markdown gives one video per H2 section */
  double duration;     /* > 0: fit generated narration to this many seconds */
  /* > 0: the length the user asked for, when `duration` is a shorter fit
   * asked of the loader to make up for what it cannot see (the frame's
   * splits, the layout's settle time: vg.create.fit.with_duration). Messages
   * name it, and whether the plan lands near it is the caller's to say. */
  double duration_asked;
  int detail;          /* VGI_DETAIL_SUMMARY (0, the default): each section in its
                        * key points, about a minute per 600 words; VGI_DETAIL_FULL:
                        * every sentence of the prose */
  int no_narration;    /* 1: leave missing narration empty (default: write it) */
  /* NULL, or a BCP 47 tag (checked by vgi_lang_tag_ok) that overrides front
   * matter and detection: the voice and template phrases follow it. */
  const char *language;
  /* Folders besides the document's own that its images may come from
   * (NULL-terminated list, or NULL: none). Borrowed, not copied. */
  const char *const *allow_paths;
  /* Scene types registered by plug-ins (NULL-terminated, or NULL: none).
   * Validation accepts them with any mapping as visual_content; the
   * renderer that draws them is the plug-in's. Borrowed, not copied. */
  const char *const *extra_types;
  /* What the document may ask (scenes, sizes, nesting; engine/core vg.h),
   * or NULL: vg_limits_default. Borrowed, not copied. */
  const struct vg_limits *limits;
  /* Internal: the set's folder while a set's files are read (leave NULL). */
  const char *set_root;
  /* Internal: the pictures this load has checked (leave NULL). */
  struct vgi_pictures *pictures;
} vgi_options;

/* Loads `path` into the scene model; returns a new cJSON owned by the caller,
 * or NULL when the document could not be read at all. Diagnostics (errors and
 * warnings from reading, narration and validation) are appended to `d`. A
 * model is returned even when it has validation errors (d->errors > 0), so
 * that `vgrun scenes` can show it. opts may be NULL. */
cJSON *vgi_load(const char *path, const vgi_options *opts, vgi_diags *d);

/* Builds the model from an already parsed document (any flavour accepted by
 * the YAML adapter: {video, scenes}, {videos: [...]}, flat or visual_content
 * scenes). Takes ownership of `doc`. `name` labels diagnostics (may be NULL).
 * Narration is written and the result validated, as vgi_load does. */
cJSON *vgi_from_doc(cJSON *doc, const char *name, const vgi_options *opts, vgi_diags *d);

/* Validates a model in canonical shape; appends to d; returns d->errors added. */
int vgi_validate(const cJSON *model, const char *name, vgi_diags *d);

/* Writes narration for scenes that have none (templates per scene type) and
 * fits generated narration to its length: the key points of each section by
 * default (opts->detail), opts->duration seconds when > 0 (ranked content
 * dropped or kept; a warning in d, which may be NULL, when the length cannot
 * be reached); splits a Markdown video longer than about ten minutes into
 * parts. */
void vgi_narrate(cJSON *model, const vgi_options *opts, vgi_diags *d);

/* "file:line:col: field: message" (warnings: "...: field: warning: message").
 * Returns a malloc'd string. */
char *vgi_diag_format(const vgi_diag *g);
void vgi_diags_free(vgi_diags *d);

/* One diagnostic as JSON: {severity, file, line, col, field, message} and,
 * with_text, the formatted line as text. The stage's events and the Lua
 * binding give the same shape. Caller frees. */
cJSON *vgi_diag_to_json(const vgi_diag *g, int with_text);
/* Every diagnostic of d as a JSON array. */
cJSON *vgi_diags_to_json(const vgi_diags *d, int with_text);

/* What input.load and the Lua load() are asked: a path and the options that
 * go with it. vgi_load_args_read merges the fields of `o` (an object: split,
 * format, duration, strict, narrate, allow_paths, path) over what a already
 * holds and checks their types; 0, or -1 with a message naming the option.
 * a->opts points into a: keep a until the load is over. */
typedef struct vgi_load_args {
  char *path, *split, *format, *language;
  char **allow;         /* allow_paths, NULL-terminated */
  int strict;           /* warnings fail too */
  struct vg_limits *limits;   /* the `limits` option over the task's (opts.limits points here) */
  vgi_options opts;
} vgi_load_args;
int vgi_load_args_read(vgi_load_args *a, const cJSON *o, char *err, size_t errlen);
void vgi_load_args_free(vgi_load_args *a);

/* Words per minute used to estimate narration time. */
#define VGI_WPM 150.0
/* Estimated seconds to speak `text` (at VGI_WPM). */
double vgi_speech_seconds(const char *text);
/* Estimated seconds for espeak-ng to speak `text` in language `lang` (BCP 47,
 * NULL: English): words at the rate measured for the language, and Chinese,
 * Japanese and Korean by character (docs/inputs.md, "Length"). */
double vgi_speech_seconds_lang(const char *text, const char *lang);
/* The seconds a scene's narration takes to say in `lang`, with English left
 * in a translation at English pace (an English voice, its `passages`). */
double vgi_said_seconds(const cJSON *scene, const char *lang);
/* The estimated length of a scene as vgrun create places it: its narration
 * in `lang`, the pause around it, at least its min_duration. */
double vgi_scene_seconds(const cJSON *scene, const char *lang);
/* How long a scene nothing is said in stays to be read: a moment to look
 * and the words it shows at a reading pace (lua/vg/timing.lua); 0 when it
 * is said, reveals steps (their own reading time) or shows code. */
double vgi_silent_seconds(const cJSON *scene, const char *lang);
/* The reveal model of a scene's steps (list items, table rows), shared with
 * vg.render: where `text` names each of `items` (byte offsets, -1: not
 * named; the first word of four characters or more, CJK: the first two
 * characters, searched in order), and every step's time from the named ones
 * (`named[i]` seconds from the scene's start or < 0; `dur` = lead-in +
 * speech): the rest spread between them, the tail paced within the
 * narration. */
void vgi_named_at(const char *text, const char *const *items, int n, long *at);
/* -> when the scene has settled: its last step shown, and each step of the
 * tail given 0.8 s to be read. read (NULL: none): steps that replace the one
 * before (a long quote's pages), each to be read for read[i] seconds: the
 * next is shown no sooner, named or not, and the scene settles no sooner
 * than the last one's reading time. */
double vgi_reveal_fill(const double *named, const double *read, int n, double dur, double *times);
/* A long quote's pages as the quote layout shows them, one after the other
 * (more than 67 words: pages of whole sentences, about 45 words each).
 * -> their count, *pages (each and the array the caller's to free); 0 and
 * NULL: the quote is one page. */
int vgi_quote_pages(const char *quote, char ***pages);
/* 1 if `voice` is one of the four named voices or an espeak-ng voice. */
int vgi_voice_known(const char *voice);

/* Adapters written outside C (Lua plug-ins registered with vg.input.register)
 * are reached through this hook, which the Lua binding (input_lua.c) installs.
 * input.load calls it in its prepare, on the loop thread of engine `e`, never
 * from a worker: it returns 0 when no adapter claims the document (then the
 * built-in ones read it), 1 when one did. Then *doc is the parsed document,
 * owned by the caller, for vgi_from_doc (the same normalisation and validation
 * as the built-in formats), or NULL with the reason appended to `d`. The
 * adapters themselves live in each engine's Lua state; the hook is only the
 * way in, the same function for every engine. */
struct vg_engine;
typedef int (*vgi_adapter_hook)(struct vg_engine *e, const char *path, const vgi_options *opts,
                                cJSON **doc, vgi_diags *d);
/* The scene types plug-ins registered in engine `e`: a malloc'd
 * NULL-terminated list of malloc'd names (free with vgi_free_list), or NULL. */
typedef char **(*vgi_types_hook)(struct vg_engine *e);
void vgi_set_adapter_hook(vgi_adapter_hook read, vgi_types_hook types);
/* Loop thread of `e`: asks the hooks (0 / NULL when none is installed). */
int vgi_adapter_read(struct vg_engine *e, const char *path, const vgi_options *opts, cJSON **doc,
                     vgi_diags *d);
char **vgi_extra_types(struct vg_engine *e);
void vgi_free_list(char **list);
