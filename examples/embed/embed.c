/* embed.c: a C program that embeds vgrun. It registers a native stage
 * ("embed.count": counts the words of ctx.input on the thread pool), runs
 * a pipeline that mixes it with a Lua stage, and prints the events it gets.
 *
 *   build/embed_example "some words to count"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lua.h>
#include "vg.h"

typedef struct { char *text; int words; } count_job;

static int count_prepare(vg_call *c) {
  const cJSON *in = vg_call_input(c, "input");
  if (!cJSON_IsString(in)) return vg_call_fail(c, "ctx.input must be a string");
  count_job *j = calloc(1, sizeof *j);
  j->text = strdup(in->valuestring);
  vg_call_set_data(c, j);
  return 0;
}

static int count_work(vg_call *c) {          /* worker thread: no Lua here */
  count_job *j = vg_call_data(c);
  int in_word = 0;
  for (const char *p = j->text; *p; p++) {
    int space = (*p == ' ' || *p == '\t' || *p == '\n');
    if (!space && !in_word) j->words++;
    in_word = !space;
  }
  vg_call_progress(c, 1.0, "counted");
  return 0;
}

static int count_finish(vg_call *c) {
  count_job *j = vg_call_data(c);
  vg_call_output(c, "words", cJSON_CreateNumber(j->words));
  return 0;
}

static void count_cleanup(vg_call *c) {
  count_job *j = vg_call_data(c);
  if (j) { free(j->text); free(j); }
}

static const vg_stage_def count_stage = {
  .name = "embed.count", .summary = "count the words of ctx.input",
  .inputs = "input", .outputs = "words",
  .prepare = count_prepare, .work = count_work, .finish = count_finish, .cleanup = count_cleanup,
};

static void print_event(const vg_event *ev, void *ud) {
  (void)ud;
  printf("event %-18s task=%s stage=%s%s%s\n", ev->type, ev->task_id ? ev->task_id : "-",
         ev->stage ? ev->stage : "-", ev->message ? " message=" : "", ev->message ? ev->message : "");
}

int main(int argc, char **argv) {
  const char *text = argc > 1 ? argv[1] : "the quick brown fox jumps over the lazy dog";
  vg_engine_options o = { .install_signals = 1 };
  vg_engine *e = vg_engine_new(&o);
  if (!e) return 1;
  vg_register_stage(e, &count_stage);
  vg_on(e, "*", print_event, NULL);

  /* the input travels as a global, never spliced into code */
  lua_State *L = vg_engine_lua(e);
  lua_pushstring(L, text);
  lua_setglobal(L, "EMBED_INPUT");
  static const char chunk[] =
    "local vg = require('vg')\n"
    "local p = vg.pipeline{ name = 'embed', stages = {\n"
    "  vg.native('embed.count'),\n"
    "  vg.stage{ name = 'report', run = function(ctx, task)\n"
    "    ctx.summary = string.format('%d words', ctx.words) end },\n"
    "}}\n"
    "local r = p:run(EMBED_INPUT, { task_id = 'embed-example', save_state = false })\n"
    "print('result', r.status, r.context.summary)\n"
    "assert(r.success, r.errors[1] and r.errors[1].message)\n";
  int rc = vg_engine_run_string(e, chunk, "=embed");
  if (rc != 0) vg_print_shown("embed: %s", vg_engine_last_error(e));
  vg_engine_free(e);
  return rc;
}
