/* engine_test.h: what the engine's cmocka tests share: a clean scratch
 * folder per test and a Lua chunk that must run. */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vg.h"

/* out = /tmp/<name>-<pid>, removed with what it holds. */
static inline void test_fresh_dir(char *out, size_t n, const char *name) {
  snprintf(out, n, "/tmp/%s-%ld", name, (long)getpid());
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
  if (system(cmd) != 0) fail_msg("cannot clean %s", out);
}

static inline void test_run_ok(vg_engine *e, const char *chunk) {
  int rc = vg_engine_run_string(e, chunk, "=test");
  if (rc != 0) fail_msg("chunk failed (%d): %s", rc, vg_engine_last_error(e));
}
