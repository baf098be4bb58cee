/* test_boundary.c: the C/Lua boundary behaves one way (issue 12): native
 * stage errors name the stage once, a bad option fails and names itself,
 * events a stage emits in its finish come before stage.failed, a cancelled
 * wait never runs the task's body inside t:cancel(), and tasks with their
 * own state folders keep their files and locks apart. */
#include <sys/stat.h>

#include "engine_test.h"

static char base[256];

static vg_engine *new_engine(void) {
  test_fresh_dir(base, sizeof base, "vg-test-boundary");
  char dir[300];
  snprintf(dir, sizeof dir, "%s/engine", base);
  vg_engine_options o = { .state_dir = dir };
  vg_engine *e = vg_engine_new(&o);
  assert_non_null(e);
  return e;
}

#define run_ok test_run_ok

static int exists(const char *fmt, const char *a) {
  char p[512];
  snprintf(p, sizeof p, fmt, base, a);
  struct stat st;
  return stat(p, &st) == 0;
}

static void test_stage_error_named_once(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  run_ok(e,
    "local vg = require('vg')\n"
    "local p = vg.pipeline{ name = 'prefix', stages = { vg.native('render.frames') } }\n"
    "local r = p:run(nil, { save_state = false })\n"
    "local m = r.errors[1].message\n"
    "assert(m == 'render.frames: ctx.frames must be a list', m)\n");
  vg_engine_free(e);
}

static void test_bad_option_names_itself(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  run_ok(e,
    "local vg = require('vg')\n"
    "local ok, m = pcall(function() local s = vg.native('render.frames',\n"
    "  { options = { width = 320, height = 180, extra = 0/0 } }); return s end)\n"
    "assert(not ok)\n"
    "assert(m:find('^test:%d+: vg.stage .render.frames.: option extra') and m:find('NaN', 1, true), m)\n");
  vg_engine_free(e);
}

/* a native stage whose finish emits an event, then fails */
static int note_finish(vg_call *c) {
  vg_call_emit(c, "test.note", "from finish", NULL);
  return vg_call_fail(c, "finish says no");
}
static const vg_stage_def note_stage = { .name = "test.note", .finish = note_finish };

static void test_finish_events_first(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  vg_register_stage(e, &note_stage);
  run_ok(e,
    "local vg = require('vg')\n"
    "local order = {}\n"
    "vg.on('*', function(ev) if ev.type == 'test.note' or ev.type == 'stage.failed'\n"
    "  or ev.type == 'pipeline.failed' then order[#order + 1] = ev.type end end)\n"
    "local p = vg.pipeline{ name = 'order', stages = { vg.native('test.note') } }\n"
    "local r = p:run(nil, { save_state = false })\n"
    "assert(r.status == 'failed')\n"
    "local got = table.concat(order, ' ')\n"
    "assert(got == 'test.note stage.failed pipeline.failed', got)\n");
  vg_engine_free(e);
}

static void test_cancel_goes_through_loop(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  run_ok(e,
    "local vg = require('vg')\n"
    "local after\n"
    "local p = vg.pipeline{ name = 'c', stages = {\n"
    "  vg.stage{ name = 's', run = function() pcall(vg.sleep, 30); after = true end } } }\n"
    "local t = p:start(nil, { save_state = false })\n"
    "vg.go(function()\n"
    "  vg.sleep(0)\n"
    "  t:cancel()\n"
    "  assert(after == nil, 'the cancelled body ran inside t:cancel()')\n"
    "end)\n"
    "local r = t:wait()\n"
    /* (the stage caught the cancel and finished: every stage completed,
     * so the cancel came too late for the task, which ends completed) */
    "assert(after == true and r.status == 'completed', tostring(r.status))\n");
  vg_engine_free(e);
}

static void test_state_dir_per_task(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  char chunk[2048];
  snprintf(chunk, sizeof chunk,
    "local vg = require('vg')\n"
    "local before = vg.core.state_dir()\n"
    "local p = vg.pipeline{ name = 'dirs', stages = { function() vg.sleep(0.01) end } }\n"
    "local a = p:start(nil, { task_id = 'ta', state_dir = '%s/a' })\n"
    "local b = p:start(nil, { task_id = 'tb', state_dir = '%s/b' })\n"
    "local ra, rb = a:wait(), b:wait()\n"
    "assert(ra.status == 'completed' and rb.status == 'completed')\n"
    "assert(vg.core.state_dir() == before, 'the engine folder changed to ' .. vg.core.state_dir())\n",
    base, base);
  run_ok(e, chunk);
  assert_true(exists("%s/a/tasks/%s.json", "ta"));
  assert_true(exists("%s/b/tasks/%s.json", "tb"));
  assert_false(exists("%s/a/tasks/%s.json", "tb"));
  assert_false(exists("%s/b/tasks/%s.json", "ta"));
  assert_false(exists("%s/engine/tasks/%s.json", "ta"));
  assert_false(exists("%s/a/tasks/%s.lock", "ta"));   /* released where it was taken */
  assert_false(exists("%s/b/tasks/%s.lock", "tb"));
  vg_engine_free(e);
}

/* tts.synth stops the scene it is speaking when the task is cancelled: the
 * long first scene never reports audio.generated. */
static void test_tts_cancel_stops_speaking(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  char chunk[2048];
  snprintf(chunk, sizeof chunk,
    "local vg = require('vg')\n"
    "local words = {}\n"
    "for i = 1, 4000 do words[i] = 'word' .. i end\n"
    "local text = table.concat(words, ' ') .. ' run %ld'\n"
    "local p = vg.pipeline{ name = 'tts-cancel', stages = {\n"
    "  function(ctx) ctx.videos = { { voice = 'male', scenes = {\n"
    "    { narration = text }, { narration = 'second scene %ld' } } } } end,\n"
    "  vg.native('tts.synth') } }\n"
    "local t = p:start(nil, { save_state = false })\n"
    "local generated = 0\n"
    "vg.on('audio.generating', function() t:cancel() end)\n"
    "vg.on('audio.generated', function() generated = generated + 1 end)\n"
    "local r = t:wait()\n"
    "assert(r.status == 'cancelled', r.status)\n"
    "assert(generated == 0, 'a cancelled scene was spoken to its end')\n",
    (long)getpid(), (long)getpid());
  run_ok(e, chunk);
  vg_engine_free(e);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_stage_error_named_once),
    cmocka_unit_test(test_bad_option_names_itself),
    cmocka_unit_test(test_finish_events_first),
    cmocka_unit_test(test_cancel_goes_through_loop),
    cmocka_unit_test(test_state_dir_per_task),
    cmocka_unit_test(test_tts_cancel_stops_speaking),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
