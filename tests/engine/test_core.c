/* test_core.c: engine/core on its own, linked without Lua: native stages
 * run from C (work on the pool, a stage's own thread, cancel), events from
 * threads in order, completions always through the loop, and task state
 * and locks kept apart per state folder. */
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "engine_test.h"

/* Every fsync of the core goes through here (the test's definition is the
 * one the core's objects are linked against), so a test can count them. */
static int fsyncs;
int fsync(int fd) {
  __atomic_add_fetch(&fsyncs, 1, __ATOMIC_RELAXED);
  return (int)syscall(SYS_fsync, fd);
}

static char base[256];

static int setup(void **st) {
  (void)st;
  test_fresh_dir(base, sizeof base, "vg-test-core");
  return 0;
}

static vg_engine *new_engine(void) {
  char dir[300];
  snprintf(dir, sizeof dir, "%s/state", base);
  vg_engine_options o = { .state_dir = dir };
  vg_engine *e = vg_engine_new_core(&o);
  assert_non_null(e);
  return e;
}

/* ---- a stage with work on the pool ---------------------------------------- */
static int double_prepare(vg_call *c) {
  const cJSON *n = vg_call_input(c, "n");
  if (!cJSON_IsNumber(n)) return vg_call_fail(c, "ctx.n must be a number");
  int *v = malloc(sizeof *v);
  *v = n->valueint * (int)cJSON_GetNumberValue(cJSON_GetObjectItem(vg_call_options(c), "times"));
  vg_call_set_data(c, v);
  return 0;
}
static int double_work(vg_call *c) {
  for (int i = 1; i <= 4; i++) vg_call_progress(c, i / 4.0, NULL);
  return 0;
}
static int double_finish(vg_call *c) {
  vg_call_output(c, "result", cJSON_CreateNumber(*(int *)vg_call_data(c)));
  return 0;
}
static void double_cleanup(vg_call *c) { free(vg_call_data(c)); }
static const vg_stage_def double_stage = {
  .name = "test.double", .options_json = "{\"times\":2}",
  .prepare = double_prepare, .work = double_work, .finish = double_finish, .cleanup = double_cleanup,
};

typedef struct outcome { int called, rc; double result; char error[256]; double progress[8]; int n_progress; } outcome;

static void on_done(vg_call *c, int rc, void *ud) {
  outcome *o = ud;
  o->called++;
  o->rc = rc;
  const cJSON *r = cJSON_GetObjectItem(vg_call_outputs(c), "result");
  o->result = cJSON_IsNumber(r) ? r->valuedouble : -1;
  snprintf(o->error, sizeof o->error, "%s", rc ? vg_call_error(c) : "");
  vg_call_free(c);
}

static void on_progress(const vg_event *ev, void *ud) {
  outcome *o = ud;
  if (o->n_progress < 8) o->progress[o->n_progress++] = ev->progress;
  assert_int_equal(o->called, 0);   /* progress arrives before the end */
  assert_string_equal(ev->task_id, "t1");
}

static void test_stage_without_lua(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  assert_int_equal(vg_register_stage(e, &double_stage), 0);
  outcome o = {0};
  vg_on(e, "stage.progress", on_progress, &o);
  cJSON *ctx = cJSON_Parse("{\"n\":21}");
  assert_non_null(vg_run_stage(e, "test.double", ctx, NULL, "t1", on_done, &o));
  cJSON_Delete(ctx);
  assert_int_equal(o.called, 0);    /* never on the caller's stack */
  uv_run(vg_engine_loop(e), UV_RUN_DEFAULT);
  assert_int_equal(o.called, 1);
  assert_int_equal(o.rc, 0);
  assert_true(o.result == 42);
  assert_int_equal(o.n_progress, 4);
  assert_true(o.progress[3] == 1.0);
  vg_engine_free(e);
}

static void test_prepare_failure_through_loop(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  vg_register_stage(e, &double_stage);
  outcome o = {0};
  cJSON *ctx = cJSON_Parse("{\"n\":\"x\"}");
  assert_non_null(vg_run_stage(e, "test.double", ctx, NULL, NULL, on_done, &o));
  cJSON_Delete(ctx);
  assert_int_equal(o.called, 0);
  uv_run(vg_engine_loop(e), UV_RUN_DEFAULT);
  assert_int_equal(o.called, 1);
  assert_int_equal(o.rc, -1);
  assert_string_equal(o.error, "ctx.n must be a number");
  assert_null(vg_run_stage(e, "no.such", NULL, NULL, NULL, on_done, &o));
  vg_engine_free(e);
}

/* ---- a stage with its own thread, stopped through `cancel` ---------------- */
typedef struct spinner { pthread_t th; pthread_mutex_t mu; pthread_cond_t cv; int stop, started, cancel_calls; } spinner;

static void *spin(void *arg) {
  vg_call *c = arg;
  spinner *s = vg_call_data(c);
  pthread_mutex_lock(&s->mu);
  s->started = 1;
  pthread_cond_broadcast(&s->cv);
  while (!s->stop) pthread_cond_wait(&s->cv, &s->mu);   /* would run forever */
  pthread_mutex_unlock(&s->mu);
  vg_call_done(c, vg_call_fail(c, "stopped"));
  return NULL;
}
static int spin_start(vg_call *c) {
  spinner *s = calloc(1, sizeof *s);
  pthread_mutex_init(&s->mu, NULL);
  pthread_cond_init(&s->cv, NULL);
  vg_call_set_data(c, s);
  return pthread_create(&s->th, NULL, spin, c) == 0 ? 0 : vg_call_fail(c, "no thread");
}
static void spin_cancel(vg_call *c) {
  spinner *s = vg_call_data(c);
  assert_true(vg_call_cancelled(c));
  pthread_mutex_lock(&s->mu);
  s->stop = 1;
  s->cancel_calls++;
  pthread_cond_broadcast(&s->cv);
  pthread_mutex_unlock(&s->mu);
}
static int cancel_calls;
static void spin_cleanup(vg_call *c) {
  spinner *s = vg_call_data(c);
  if (!s) return;
  pthread_join(s->th, NULL);
  cancel_calls = s->cancel_calls;
  pthread_mutex_destroy(&s->mu);
  pthread_cond_destroy(&s->cv);
  free(s);
}
static const vg_stage_def spin_stage = {
  .name = "test.spin", .start = spin_start, .cancel = spin_cancel, .cleanup = spin_cleanup,
};

static void cancel_when_started(uv_idle_t *h) {
  vg_call *c = h->data;
  spinner *s = vg_call_data(c);
  pthread_mutex_lock(&s->mu);
  int started = s->started;
  pthread_mutex_unlock(&s->mu);
  if (!started) return;
  vg_call_cancel(c);
  uv_close((uv_handle_t *)h, NULL);
}

static void test_cancel_reaches_own_thread(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  vg_register_stage(e, &spin_stage);
  outcome o = {0};
  vg_call *c = vg_run_stage(e, "test.spin", NULL, NULL, "t2", on_done, &o);
  assert_non_null(c);
  uv_idle_t idle;
  uv_idle_init(vg_engine_loop(e), &idle);
  idle.data = c;
  uv_idle_start(&idle, cancel_when_started);
  uv_run(vg_engine_loop(e), UV_RUN_DEFAULT);
  assert_int_equal(o.called, 1);
  assert_int_equal(o.rc, -1);
  assert_string_equal(o.error, "stopped");
  assert_int_equal(cancel_calls, 1);
  vg_engine_free(e);
}

/* ---- task state per folder ------------------------------------------------ */
static void test_state_folders_apart(void **st) {
  (void)st;
  char a[300], b[300], err[512];
  snprintf(a, sizeof a, "%s/a", base);
  snprintf(b, sizeof b, "%s/b", base);
  cJSON *doc = cJSON_Parse("{\"id\":\"same\",\"status\":\"running\"}");
  assert_int_equal(vg_state_save(a, "same", doc, err, sizeof err), 0);
  cJSON_Delete(doc);
  size_t n = 0;
  char **names = vg_state_list(a, &n);
  assert_int_equal(n, 1);
  assert_string_equal(names[0], "same");
  vg_state_list_free(names);
  names = vg_state_list(b, &n);
  assert_int_equal(n, 0);
  vg_state_list_free(names);
  cJSON *got = NULL;
  assert_int_equal(vg_state_load(b, "same", &got, err, sizeof err), 0);
  assert_int_equal(vg_state_load(a, "same", &got, err, sizeof err), 1);
  assert_string_equal(cJSON_GetObjectItem(got, "status")->valuestring, "running");
  cJSON_Delete(got);

  /* one task id in two folders: two locks; a second lock in one folder fails */
  vg_task_lock_t la, lb, la2;
  long holder = 0, pid = 0;
  assert_int_equal(vg_task_lock(a, "same", &la, &holder, err, sizeof err), 0);
  assert_int_equal(vg_task_lock(b, "same", &lb, &holder, err, sizeof err), 0);
  assert_int_equal(vg_task_lock(a, "same", &la2, &holder, err, sizeof err), -1);
  assert_int_equal(holder, (long)getpid());
  assert_non_null(strstr(err, "already running"));
  assert_int_equal(vg_task_lock_probe(a, "same", &pid, err, sizeof err), 1);
  vg_task_unlock(&la);
  vg_task_unlock(&la);   /* twice is harmless */
  assert_int_equal(vg_task_lock_probe(a, "same", &pid, err, sizeof err), 0);
  assert_int_equal(vg_task_lock_probe(b, "same", &pid, err, sizeof err), 1);
  vg_task_unlock(&lb);

  assert_non_null(vg_task_id_problem("../x"));
  assert_null(vg_task_id_problem("ok-1"));
}

/* ---- limits: the engine's, copied into each call ---------------------------- */
static int limits_work(vg_call *c) {
  long *seen = malloc(sizeof *seen);
  *seen = vg_call_limits(c)->max_scenes;   /* on a pool thread: the call's copy */
  vg_call_set_data(c, seen);
  return 0;
}
static int limits_finish(vg_call *c) {
  vg_call_output(c, "result", cJSON_CreateNumber((double)*(long *)vg_call_data(c)));
  return 0;
}
static const vg_stage_def limits_stage = {
  .name = "test.limits", .work = limits_work, .finish = limits_finish, .cleanup = double_cleanup,
};

static void test_limits(void **st) {
  (void)st;
  char err[256], dir[300];
  vg_limits l = vg_limits_default;
  assert_int_equal(l.max_scenes, 100);
  cJSON *o = cJSON_Parse("{\"max_scenes\": 7, \"max_keys\": 50}");
  assert_int_equal(vg_limits_apply(&l, o, err, sizeof err), 0);
  cJSON_Delete(o);
  assert_int_equal(l.max_scenes, 7);
  assert_int_equal(l.max_keys, 50);
  const char *bad[][2] = {
    { "{\"max_scenes\": 2}", "limits.max_scenes must be a whole number from 3" },
    { "{\"max_keys\": 1.5}", "limits.max_keys must be a whole number" },
    { "{\"max_depth\": \"deep\"}", "limits.max_depth must be a whole number" },
    { "{\"max_things\": 1}", "limits.max_things: no such limit" },
    { "[1]", "limits must be a table" },
    { "{\"max_keys\": 5, \"max_scenes\": 2}", "limits.max_scenes" },
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    vg_limits b = l;
    o = cJSON_Parse(bad[i][0]);
    assert_int_equal(vg_limits_apply(&b, o, err, sizeof err), -1);
    cJSON_Delete(o);
    if (!strstr(err, bad[i][1])) fail_msg("%s: %s", bad[i][0], err);
    assert_int_equal(b.max_scenes, 7);   /* all or nothing: a good field before a bad one is not set */
    assert_int_equal(b.max_keys, 50);
  }

  snprintf(dir, sizeof dir, "%s/state", base);
  vg_engine_options eo = { .state_dir = dir, .limits = &l };
  vg_engine *e = vg_engine_new_core(&eo);
  assert_non_null(e);
  assert_int_equal(vg_engine_limits(e)->max_scenes, 7);
  vg_register_stage(e, &limits_stage);
  outcome out = {0};
  assert_non_null(vg_run_stage(e, "test.limits", NULL, NULL, "t1", on_done, &out));
  vg_engine_set_limits(e, NULL);   /* later calls: the defaults; this one keeps its copy */
  uv_run(vg_engine_loop(e), UV_RUN_DEFAULT);
  assert_int_equal(out.rc, 0);
  assert_true(out.result == 7);
  outcome out2 = {0};
  assert_non_null(vg_run_stage(e, "test.limits", NULL, NULL, "t2", on_done, &out2));
  uv_run(vg_engine_loop(e), UV_RUN_DEFAULT);
  assert_true(out2.result == 100);
  vg_engine_free(e);
}

/* ---- cache writes wait for no disk ---------------------------------------- */
/* A cache entry is checked (size, SHA-256, its name) on every lookup, so one
 * torn by a power cut is a miss, never a wrong artefact: putting or adopting
 * an entry syncs nothing (each fsync stalled an encoder thread 5-15 ms). A
 * state file or an output, which nothing checks, is still synced. */
static void test_cache_writes_unsynced(void **st) {
  (void)st;
  char dir[300], path[512], tmp[512];
  snprintf(dir, sizeof dir, "%s/cache", base);
  vg_cache *c = vg_cache_new(dir, 0, 0);
  assert_non_null(c);
  assert_int_equal(vg_cache_ready(c), 0);  /* the marker is made (and synced) once */
  int before = __atomic_load_n(&fsyncs, __ATOMIC_RELAXED);
  assert_int_equal(vg_cache_put(c, "0123456789abcdef0123456789abcdef", ".txt", "hello", 5), 0);
  assert_int_equal(vg_cache_tmp_path(c, tmp, sizeof tmp, ".bin"), 0);
  FILE *f = fopen(tmp, "wb");
  assert_non_null(f);
  fputs("adopted", f);
  fclose(f);
  assert_int_equal(vg_cache_adopt(c, "fedcba9876543210fedcba9876543210", ".bin", tmp), 0);
  assert_int_equal(__atomic_load_n(&fsyncs, __ATOMIC_RELAXED) - before, 0);
  assert_int_equal(vg_cache_lookup(c, "0123456789abcdef0123456789abcdef", ".txt", path, sizeof path), 1);
  assert_int_equal(vg_cache_lookup(c, "fedcba9876543210fedcba9876543210", ".bin", path, sizeof path), 1);
  vg_cache_unref(c);
  /* a durable write still syncs the file and its folder */
  before = __atomic_load_n(&fsyncs, __ATOMIC_RELAXED);
  snprintf(path, sizeof path, "%s/state.json", base);
  assert_int_equal(vg_write_file_atomic(path, "{}", 2), 0);
  assert_true(__atomic_load_n(&fsyncs, __ATOMIC_RELAXED) - before >= 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup(test_stage_without_lua, setup),
    cmocka_unit_test_setup(test_prepare_failure_through_loop, setup),
    cmocka_unit_test_setup(test_cancel_reaches_own_thread, setup),
    cmocka_unit_test_setup(test_state_folders_apart, setup),
    cmocka_unit_test_setup(test_limits, setup),
    cmocka_unit_test_setup(test_cache_writes_unsynced, setup),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
