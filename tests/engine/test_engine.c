/* test_engine.c: the engine through its public C API (engine/core/vg.h):
 * atomic state files, events from C and from threads, the orchestrator
 * (resume, retries, continue, concurrency, cancel), listener failures, no
 * leaked refs or handles at shutdown, waits that always end, and opening
 * only regular files. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>

#include "engine_test.h"

static char state_dir[256];

static void fresh_state_dir(void) { test_fresh_dir(state_dir, sizeof state_dir, "vg-test-engine"); }

static vg_engine *new_engine(void) {
  fresh_state_dir();
  vg_engine_options o = { .state_dir = state_dir };
  vg_engine *e = vg_engine_new(&o);
  assert_non_null(e);
  return e;
}

#define run_ok test_run_ok

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  size_t got = fread(b, 1, (size_t)n, f);
  b[got] = '\0';
  fclose(f);
  return b;
}

/* ---- state files ---------------------------------------------------------- */
static void test_atomic_write(void **s) {
  (void)s;
  fresh_state_dir();
  char path[400];
  snprintf(path, sizeof path, "%s/a/b/file.json", state_dir);
  assert_int_equal(vg_write_file_atomic(path, "{\"x\":1}", 7), 0);
  assert_int_equal(vg_write_file_atomic(path, "{\"x\":2}", 7), 0);
  char *c = read_file(path);
  assert_non_null(c);
  assert_string_equal(c, "{\"x\":2}");
  free(c);
  /* no temporary file is left beside it */
  char dir[400];
  snprintf(dir, sizeof dir, "%s/a/b", state_dir);
  DIR *d = opendir(dir);
  assert_non_null(d);
  int n = 0;
  struct dirent *de;
  while ((de = readdir(d))) if (de->d_name[0] != '.') n++;
  closedir(d);
  assert_int_equal(n, 1);
  /* a file where a directory should be is an error, not a crash */
  snprintf(path, sizeof path, "%s/a/b/file.json/x", state_dir);
  assert_int_equal(vg_write_file_atomic(path, "x", 1), -1);
}

static void test_state_document(void **s) {
  (void)s;
  vg_engine *e = new_engine();
  run_ok(e,
    "local vg = require('vg')\n"
    "local p = vg.pipeline{ name = 'doc', stages = { function(ctx) ctx.v = 42 end } }\n"
    "local r = p:run('in', { task_id = 'doc-1' })\n"
    "assert(r.success)\n");
  char path[400];
  snprintf(path, sizeof path, "%s/tasks/doc-1.json", state_dir);
  char *c = read_file(path);
  assert_non_null(c);
  cJSON *j = cJSON_Parse(c);
  free(c);
  assert_non_null(j);
  assert_string_equal(cJSON_GetObjectItem(j, "status")->valuestring, "completed");
  assert_true(cJSON_GetObjectItem(j, "version")->valueint >= 3);
  cJSON *ctx = cJSON_GetObjectItem(j, "context");
  assert_int_equal(cJSON_GetObjectItem(ctx, "v")->valueint, 42);
  assert_string_equal(cJSON_GetObjectItem(ctx, "input")->valuestring, "in");
  cJSON *st = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "stages"), 0);
  assert_string_equal(cJSON_GetObjectItem(st, "status")->valuestring, "completed");
  assert_non_null(cJSON_GetObjectItem(st, "duration"));
  cJSON_Delete(j);

  /* an invalid task id is refused with a clear error */
  int rc = vg_engine_run_string(e,
    "require('vg').pipeline{ stages = { function() end } }:run(nil, { task_id = '../evil' })", "=bad");
  assert_int_equal(rc, 1);
  assert_non_null(strstr(vg_engine_last_error(e), "invalid task id '../evil'"));

  /* a corrupt state file is reported with its path, not trusted: the task
   * starts over and its state is whole again */
  snprintf(path, sizeof path, "%s/tasks/torn.json", state_dir);
  assert_int_equal(vg_write_file_atomic(path, "{\"status\": \"runn", 16), 0);
  run_ok(e,
    "local vg = require('vg')\n"
    "local warned\n"
    "local id = vg.on('validation.warning', function(ev) warned = ev.message end)\n"
    "local r = vg.pipeline{ stages = { function(ctx) ctx.redone = true end } }:run(nil, { task_id = 'torn', resume = true })\n"
    "vg.off(id)\n"
    "assert(r.success and r.context.redone, 'the work was redone')\n"
    "assert(warned and warned:find('torn.json', 1, true) and warned:find('corrupt', 1, true), tostring(warned))\n"
    "assert(vg.state.load('torn').status == 'completed')\n");
  vg_engine_free(e);
}

/* ---- events ------------------------------------------------------------- */
typedef struct seen { char types[64][32]; int n; int progress_order_ok; double last_progress; } seen;

static void record(const vg_event *ev, void *ud) {
  seen *s = ud;
  if (s->n < 64) snprintf(s->types[s->n++], 32, "%s", ev->type);
  if (strcmp(ev->type, "stage.progress") == 0) {
    if (ev->progress < s->last_progress) s->progress_order_ok = 0;
    s->last_progress = ev->progress;
  }
}

static void test_c_listeners(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  seen all = { .progress_order_ok = 1 }, only = { .progress_order_ok = 1 };
  int a = vg_on(e, "*", record, &all);
  int b = vg_on(e, "stage.completed", record, &only);
  vg_event ev = { "stage.completed", "t", "s", 1, "done", 0, NULL };
  vg_emit(e, &ev);
  ev.type = "stage.started";
  vg_emit(e, &ev);
  assert_int_equal(all.n, 2);
  assert_int_equal(only.n, 1);
  vg_off(e, b);
  vg_emit(e, &ev);
  assert_int_equal(all.n, 3);
  assert_int_equal(only.n, 1);
  vg_off(e, a);
  vg_engine_free(e);
}

typedef struct poster { vg_engine *e; } poster;

static void *post_thread(void *ud) {
  poster *p = ud;
  for (int i = 1; i <= 40; i++) {
    vg_event ev = { "stage.progress", "t", "s", i / 40.0, "step", 0, NULL };
    vg_post(p->e, &ev);
  }
  return NULL;
}

static void test_events_from_threads(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  seen s = { .progress_order_ok = 1 };
  vg_on(e, "stage.progress", record, &s);
  poster p = { e };
  pthread_t th;
  pthread_create(&th, NULL, post_thread, &p);
  pthread_join(th, NULL);
  assert_int_equal(s.n, 0);  /* nothing runs on the posting thread */
  /* delivered on the loop thread, in order, by the next loop turn */
  run_ok(e, "require('vg').go(function() require('vg').sleep(0.01) end)");
  assert_int_equal(s.n, 40);
  assert_true(s.progress_order_ok);
  vg_engine_free(e);
}

/* ---- orchestrator: what is about C (a C stage, refs, handles). The
 * pipeline scenarios themselves are in tests/lua/pipeline_spec.lua. */
static int native_runs;

static int counting_work(vg_call *c) {
  (void)c;
  __atomic_add_fetch(&native_runs, 1, __ATOMIC_SEQ_CST);
  return 0;
}

static int counting_finish(vg_call *c) {
  vg_call_output(c, "counted", cJSON_CreateNumber(native_runs));
  return 0;
}

static const vg_stage_def counting = {
  .name = "test.count", .work = counting_work, .finish = counting_finish,
};

static void cancel_soon(uv_timer_t *t) {
  vg_engine_cancel_all(t->data);
  uv_close((uv_handle_t *)t, NULL);
}

static void test_cancel(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  uv_timer_t t;
  uv_timer_init(vg_engine_loop(e), &t);
  t.data = e;
  uv_timer_start(&t, cancel_soon, 100, 0);
  run_ok(e,
    "local vg = require('vg')\n"
    "local saw\n"
    "local p = vg.pipeline{ name = 'long', stages = {\n"
    "  vg.stage{ name = 'wait', run = function() local ok, err = pcall(vg.sleep, 30); saw = err; error(err, 0) end },\n"
    "  vg.stage{ name = 'after', run = function() error('must not run') end },\n"
    "}}\n"
    "local r = p:run(nil, { task_id = 'cancel-me' })\n"
    "assert(r.status == 'cancelled', r.status)\n"
    "assert(saw == 'cancelled', 'the waiting stage saw: ' .. tostring(saw))\n"
    "assert(require('vg').state.load('cancel-me').status == 'cancelled')\n");
  vg_engine_free(e);
}

static void test_no_leaks(void **st) {
  (void)st;
  vg_engine *e = new_engine();
  vg_register_stage(e, &counting);
  run_ok(e,
    "local vg = require('vg')\n"
    "local p = vg.pipeline{ name = 'leaks', stages = {\n"
    "  vg.native('test.count'),\n"
    "  function() vg.sleep(0.01) end,\n"
    "  function() local r = vg.spawn('/bin/echo', {'hi'}); assert(r.code == 0 and r.stdout == 'hi\\n') end,\n"
    "  vg.stage{ name = 'fails', on_error = 'continue', run = function() error('x') end },\n"
    "}}\n"
    "local a = p:start(nil, { task_id = 'l1', save_state = false })\n"
    "local b = p:start(nil, { task_id = 'l2', save_state = false })\n"
    "vg.wait(a, b)\n"
    "local id = vg.on('*', function() end); vg.off(id)\n");
  run_ok(e, "collectgarbage()\n"
            "local c = require('vg').core.counts()\n"
            "assert(c.refs == 0 and c.handles == 0 and c.awaits == 0 and c.fibers == 0,\n"
            "  string.format('refs %d handles %d awaits %d fibers %d', c.refs, c.handles, c.awaits, c.fibers))\n");
  assert_int_equal(vg_engine_ref_count(e), 0);
  assert_int_equal(vg_engine_handle_count(e), 0);
  vg_engine_free(e);
}

static vg_cache *tc;   /* the cache tests' own */

/* the artifact cache: found when whole, reported and dropped when damaged */
static void test_cache_integrity(void **st) {
  (void)st;
  fresh_state_dir();
  char dir[300];
  snprintf(dir, sizeof dir, "%s/cache", state_dir);
  /* a cache of the test's own: the folder given, whatever VGRUN_CACHE_DIR says */
  setenv("VGRUN_CACHE_DIR", "/nonexistent/not-this-one", 1);
  vg_cache_unref(tc);
  tc = vg_cache_new(dir, 0, -1);
  assert_non_null(tc);
  assert_string_equal(vg_cache_dir(tc), dir);
  unsetenv("VGRUN_CACHE_DIR");
  char key[65], path[4096];
  vg_hash h;
  vg_hash_init(&h);
  vg_hash_str(&h, "test entry");
  char salt[32];
  snprintf(salt, sizeof salt, "%ld", (long)getpid());
  vg_hash_str(&h, salt);
  vg_hash_final(&h, key);
  assert_int_equal(vg_cache_lookup(tc, key, ".bin", path, sizeof path), 0);
  assert_int_equal(vg_cache_put(tc, key, ".bin", "hello cache", 11), 0);
  assert_int_equal(vg_cache_lookup(tc, key, ".bin", path, sizeof path), 1);
  /* damage it: same size, other bytes */
  FILE *f = fopen(path, "r+b");
  assert_non_null(f);
  fputc('J', f);
  fclose(f);
  assert_int_equal(vg_cache_lookup(tc, key, ".bin", path, sizeof path), 0);
  assert_int_equal(access(path, F_OK), -1);  /* moved aside, to be made again */
  /* an entry without its checksum is not trusted */
  assert_int_equal(vg_cache_put(tc, key, ".bin", "again", 5), 0);
  char sum[4200];
  snprintf(sum, sizeof sum, "%s", path);
  strcpy(strrchr(sum, '/'), "/sum");
  assert_int_equal(unlink(sum), 0);
  assert_int_equal(vg_cache_lookup(tc, key, ".bin", path, sizeof path), 0);
  /* keys that are not hex digests are refused */
  assert_int_equal(vg_cache_put(tc, "../../etc/passwd", ".bin", "x", 1), -1);
}

/* Two writers and a reader of one entry, interleaved at the worst moment
 * (the entry complete in tmp/, not yet published): the reader sees a miss
 * and removes nothing; the second writer publishes first; the first one
 * finds that entry intact and keeps it. A damaged entry is moved aside whole,
 * never deleted. */
extern void (*vg__cache_before_publish)(const char *stage, const char *entry);
static char hook_key[65];
static int hook_calls;

static void before_publish(const char *stage, const char *entry) {
  if (hook_calls++ > 0) return;  /* the rival's own publish below */
  char path[4096], p[4200];
  snprintf(p, sizeof p, "%s/sum", stage);
  assert_int_equal(access(p, F_OK), 0);        /* complete ... */
  assert_int_equal(access(entry, F_OK), -1);   /* ... and not visible yet */
  assert_int_equal(vg_cache_lookup(tc, hook_key, ".bin", path, sizeof path), 0);
  assert_int_equal(access(p, F_OK), 0);        /* the reader deleted nothing */
  /* a rival writer publishes the same entry first */
  assert_int_equal(vg_cache_put(tc, hook_key, ".bin", "same bytes", 10), 0);
  assert_int_equal(access(entry, F_OK), 0);
}

static int count_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
  closedir(d);
  return n;
}

static void test_cache_writers_interleaved(void **st) {
  (void)st;
  char path[4096], dir[4200];
  vg_hash h;
  vg_hash_init(&h);
  vg_hash_str(&h, "interleaved entry");
  vg_hash_final(&h, hook_key);
  hook_calls = 0;
  vg__cache_before_publish = before_publish;
  assert_int_equal(vg_cache_put(tc, hook_key, ".bin", "same bytes", 10), 0);
  vg__cache_before_publish = NULL;
  assert_int_equal(hook_calls, 2);
  assert_int_equal(vg_cache_lookup(tc, hook_key, ".bin", path, sizeof path), 1);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char buf[32] = "";
  assert_int_equal(fread(buf, 1, sizeof buf, f), 10);
  fclose(f);
  assert_memory_equal(buf, "same bytes", 10);
  snprintf(dir, sizeof dir, "%s/tmp", vg_cache_dir(tc));
  assert_int_equal(count_dir(dir), 0);  /* the loser's stage is gone */
  /* damaged: moved to quarantine/ whole, with its bytes, not deleted */
  f = fopen(path, "r+b");
  assert_non_null(f);
  fputc('X', f);
  fclose(f);
  snprintf(dir, sizeof dir, "%s/quarantine", vg_cache_dir(tc));
  int before = count_dir(dir);
  assert_int_equal(vg_cache_lookup(tc, hook_key, ".bin", path, sizeof path), 0);
  assert_int_equal(count_dir(dir), before + 1);
  assert_int_equal(access(path, F_OK), -1);
  assert_int_equal(vg_cache_put(tc, hook_key, ".bin", "same bytes", 10), 0);
  assert_int_equal(vg_cache_lookup(tc, hook_key, ".bin", path, sizeof path), 1);
}

/* copy_over(from, to): the bytes of one file over another's */
static void copy_over(const char *from, const char *to) {
  char buf[4096];
  FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
  assert_non_null(in);
  assert_non_null(out);
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) assert_int_equal(fwrite(buf, 1, n, out), n);
  fclose(in);
  fclose(out);
}

static void key_of(const char *what, char key[65]) {
  vg_hash h;
  vg_hash_init(&h);
  vg_hash_str(&h, what);
  vg_hash_final(&h, key);
}

/* An entry's sum names the entry: entry A's data and sum copied over entry
 * B's (a restored backup, a hand-made "fix") pass the digest, yet B's key
 * would give A's video. B is then damaged, made again, never reused. A sum of
 * an older vgrun, without the name, is a miss and is made again too. */
static void test_cache_entry_names_its_key(void **st) {
  (void)st;
  char ka[65], kb[65], pa[4096], pb[4096], sa[4200], sb[4200];
  key_of("entry a, named", ka);
  key_of("entry b, named", kb);
  assert_int_equal(vg_cache_put(tc, ka, ".bin", "the bytes of A", 14), 0);
  assert_int_equal(vg_cache_put(tc, kb, ".bin", "the bytes of B", 14), 0);
  assert_int_equal(vg_cache_lookup(tc, ka, ".bin", pa, sizeof pa), 1);
  assert_int_equal(vg_cache_lookup(tc, kb, ".bin", pb, sizeof pb), 1);
  snprintf(sa, sizeof sa, "%s", pa);
  strcpy(strrchr(sa, '/'), "/sum");
  snprintf(sb, sizeof sb, "%s", pb);
  strcpy(strrchr(sb, '/'), "/sum");
  copy_over(pa, pb);
  copy_over(sa, sb);
  assert_int_equal(vg_cache_lookup(tc, kb, ".bin", pb, sizeof pb), 0);
  assert_int_equal(access(pb, F_OK), -1);  /* moved aside */
  assert_int_equal(vg_cache_lookup(tc, ka, ".bin", pa, sizeof pa), 1);  /* A is A still */
  /* made again, B is B */
  assert_int_equal(vg_cache_put(tc, kb, ".bin", "the bytes of B", 14), 0);
  assert_int_equal(vg_cache_lookup(tc, kb, ".bin", pb, sizeof pb), 1);
  char buf[32] = "";
  FILE *f = fopen(pb, "rb");
  assert_non_null(f);
  assert_int_equal(fread(buf, 1, sizeof buf, f), 14);
  fclose(f);
  assert_memory_equal(buf, "the bytes of B", 14);
  /* an older vgrun's sum ("<size> <sha256>"): a miss, and the entry can be
   * published again in its place */
  f = fopen(sa, "rb");
  assert_non_null(f);
  char line[400] = "";
  assert_non_null(fgets(line, sizeof line, f));
  fclose(f);
  *strrchr(line, ' ') = '\0';
  f = fopen(sa, "wb");
  assert_non_null(f);
  fprintf(f, "%s\n", line);
  fclose(f);
  assert_int_equal(vg_cache_lookup(tc, ka, ".bin", pa, sizeof pa), 0);
  assert_int_equal(vg_cache_put(tc, ka, ".bin", "the bytes of A", 14), 0);
  assert_int_equal(vg_cache_lookup(tc, ka, ".bin", pa, sizeof pa), 1);
}

/* an embedder hands in its own loop: the engine runs on it and leaves it open */
static void test_borrowed_loop(void **st) {
  (void)st;
  fresh_state_dir();
  uv_loop_t loop;
  assert_int_equal(uv_loop_init(&loop), 0);
  vg_engine_options o = { .loop = &loop, .state_dir = state_dir };
  vg_engine *e = vg_engine_new(&o);
  assert_non_null(e);
  assert_ptr_equal(vg_engine_loop(e), &loop);
  run_ok(e,
    "local vg = require('vg')\n"
    "local r = vg.pipeline{ stages = { function(ctx) vg.sleep(0.01); ctx.ok = true end } }:run(nil, { save_state = false })\n"
    "assert(r.success and r.context.ok)\n");
  vg_engine_free(e);
  /* the loop is still the embedder's: it can be run and closed */
  uv_run(&loop, UV_RUN_NOWAIT);
  assert_int_equal(uv_loop_close(&loop), 0);
}

/* ---- every wait ends --------------------------------------------------------
 * Each chunk waited forever before (libuv runs due timers before it polls,
 * and a done await still held the loop; a yielded fiber held nothing). A
 * hang is caught by an alarm, which is a hang guard, not a speed bound. */
static void hang_guard(int sig) {
  (void)sig;
  static const char msg[] = "test_engine: a wait never ended\n";
  ssize_t w = write(2, msg, sizeof msg - 1);
  (void)w;
  _exit(1);
}

static void test_waits_end(void **st) {
  (void)st;
  static const char *const chunks[] = {
    "require('vg').sleep(0)",
    "local vg = require('vg')\n"
    "for i = 1, 1000 do vg.emit{ type = 'my.event' } end\n"
    "vg.sleep(0.001)\n",
    /* after a stretch of Lua the loop's clock is old: the sleep still lasts */
    "local vg = require('vg')\n"
    "local t = os.clock(); while os.clock() - t < 0.05 do end\n"
    "local t0 = vg.core.hrtime(); vg.sleep(0.02)\n"
    "assert(vg.core.hrtime() - t0 >= 0.019, 'the sleep ended early')\n",
    /* the first task of a fresh engine yields */
    "local vg = require('vg')\n"
    "local r = vg.pipeline{ stages = { function(ctx) coroutine.yield(); ctx.n = 1 end } }:run(nil, { save_state = false })\n"
    "assert(r.success and r.context.n == 1, r.status)\n",
    /* a fiber that yields, and one that waits for a task, both end */
    "local vg = require('vg')\n"
    "local n = 0\n"
    "vg.go(function() coroutine.yield(); n = n + 1 end)\n"
    "local t = vg.pipeline{ stages = { function() coroutine.yield() end } }:start(nil, { save_state = false })\n"
    "vg.go(function() assert(vg.wait(t).success); n = n + 1 end)\n"
    "while n < 2 do vg.sleep(0) end\n",
  };
  signal(SIGALRM, hang_guard);
  for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
    alarm(60);
    vg_engine *e = new_engine();
    run_ok(e, chunks[i]);
    vg_engine_free(e);
    alarm(0);
  }
  signal(SIGALRM, SIG_DFL);
}

/* ---- only regular files are opened for reading ------------------------------ */
static void test_open_regular(void **st) {
  (void)st;
  char dir[] = "/tmp/vg-test-open-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char file[300], fifo[300], link[300], missing[300];
  snprintf(file, sizeof file, "%s/file", dir);
  snprintf(fifo, sizeof fifo, "%s/fifo", dir);
  snprintf(link, sizeof link, "%s/link", dir);
  snprintf(missing, sizeof missing, "%s/missing", dir);
  assert_int_equal(vg_write_file_atomic(file, "hi", 2), 0);
  assert_int_equal(mkfifo(fifo, 0600), 0);
  assert_int_equal(symlink(file, link), 0);
  const char *why = NULL;

  int fd = vg_open_regular(file, 0, &why);
  assert_true(fd >= 0);
  assert_int_equal(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);  /* an ordinary blocking fd */
  char b[4];
  assert_int_equal(read(fd, b, sizeof b), 2);
  close(fd);

  /* a FIFO with no writer: refused at once (opening it would wait forever) */
  assert_int_equal(vg_open_regular(fifo, 0, &why), -1);
  assert_int_equal(errno, EINVAL);
  assert_non_null(strstr(why, "named pipe"));
  assert_null(vg_fopen_regular(fifo, 0, &why));
  assert_int_equal(vg_open_regular(dir, 0, &why), -1);
  assert_int_equal(errno, EISDIR);
  assert_int_equal(vg_open_regular("/dev/null", 0, &why), -1);
  assert_non_null(strstr(why, "device"));
  assert_int_equal(vg_open_regular(missing, 0, NULL), -1);
  assert_int_equal(errno, ENOENT);
  /* a link to a regular file is followed unless the caller says not to */
  fd = vg_open_regular(link, 0, &why);
  assert_true(fd >= 0);
  close(fd);
  assert_int_equal(vg_open_regular(link, VG_OPEN_NOFOLLOW, &why), -1);
  assert_int_equal(errno, ELOOP);

  FILE *f = vg_fopen_regular(file, 0, &why);
  assert_non_null(f);
  assert_int_equal(fread(b, 1, sizeof b, f), 2);
  fclose(f);
  unlink(file); unlink(fifo); unlink(link); rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_atomic_write),
    cmocka_unit_test(test_state_document),
    cmocka_unit_test(test_c_listeners),
    cmocka_unit_test(test_events_from_threads),
    cmocka_unit_test(test_cancel),
    cmocka_unit_test(test_no_leaks),
    cmocka_unit_test(test_borrowed_loop),
    cmocka_unit_test(test_cache_integrity),
    cmocka_unit_test(test_cache_writers_interleaved),
    cmocka_unit_test(test_cache_entry_names_its_key),
    cmocka_unit_test(test_waits_end),
    cmocka_unit_test(test_open_regular),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  vg_cache_unref(tc);
  return rc;
}
