/* fuzz_state.c: the task state loader. The bytes become a task's state file;
 * loading it must give a document or a clear error, never a crash, and
 * resuming from it must not crash either. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static vg_engine *engine;
static char dir[128], path[256];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) {
    snprintf(dir, sizeof dir, "/tmp/vg-fuzz-state-%d", (int)getpid());
    snprintf(path, sizeof path, "%s/tasks/fuzz.json", dir);
    vg_engine_options o = { .state_dir = dir };
    engine = vg_engine_new(&o);
    if (!engine) abort();
  }
  if (vg_write_file_atomic(path, data, size) != 0) return 0;
  vg_engine_run_string(engine,
    "local vg = require('vg')\n"
    "local doc, err = vg.state.load('fuzz')\n"
    "assert(doc or err, 'a state file gives a document or an error')\n"
    "if doc then\n"
    "  local p = vg.pipeline{ name = 'fuzz', stages = { function(ctx) ctx.ok = true end } }\n"
    "  pcall(p.run, p, nil, { task_id = 'fuzz', resume = true })\n"
    "end\n", "=fuzz_state");
  return 0;
}
