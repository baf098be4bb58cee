/* cancel.c: a load stops soon after its caller cancels it (Ctrl-C, a
 * server's task cancelled). The caller names, for the thread the load runs
 * on, a function that says whether the load was cancelled; the readers'
 * long loops (cues, blocks, scenes) ask vgi_cancelled() and stop early.
 * What a cancelled load made is thrown away: vgi_load returns NULL with an
 * error "cancelled", so a half-read model is never shown nor saved. */
#include "input_private.h"

static _Thread_local int (*watch_fn)(const void *arg);
static _Thread_local const void *watch_arg;

void vgi_cancel_watch(int (*fn)(const void *arg), const void *arg) {
  watch_fn = fn;
  watch_arg = fn ? arg : NULL;
}

int vgi_cancelled(void) {
  return watch_fn && watch_fn(watch_arg);
}
