/* vg.h: the public C API of the vgrun engine.
 * Embedders create an engine, run Lua code, register native stages, listen to
 * events and run pipelines. Native stages (stages/) are written against this
 * header only: they never see a lua_State.
 *
 * Threads: every function here is for the loop thread (the thread that runs
 * the engine's uv loop) unless its comment says "any thread". */
#pragma once

#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <uv.h>
#include <cjson/cJSON.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VG_VERSION_STRING "0.1.0"

typedef struct vg_engine vg_engine;
typedef struct vg_call vg_call;   /* one run of a native stage for one task */
typedef struct vg_cache vg_cache; /* a cache folder as an engine or a task uses it */
typedef struct lua_State lua_State;

/* ---- limits ----------------------------------------------------------------
 * What a document may ask of vgrun (docs/architecture.md, "Limits"). Every
 * engine holds a set (vg_engine_options.limits, vg.core.limits{} from Lua);
 * a task may carry its own (Pipeline:start{limits=}) and input.load takes a
 * `limits` option over the task's. A native stage reads its call's copy. */
typedef struct vg_limits {
  long max_scenes;          /* scenes in one video (a longer Markdown video splits) */
  long max_narration;       /* bytes of narration in one scene */
  long max_file_bytes;      /* bytes of one document file */
  long max_depth;           /* nesting of a YAML/JSON document */
  long max_markdown_depth;  /* nesting of Markdown blocks */
  long max_keys;            /* keys in one mapping */
  long max_nodes;           /* YAML nodes, alias copies included */
  long max_picture_side;    /* pixels, each side of a picture */
  long max_picture_pixels;  /* pixels in a picture */
  long max_picture_bytes;   /* bytes of a picture file */
  long max_total_picture_pixels;  /* pixels of a document's pictures together (each file once) */
} vg_limits;
/* The built-in values (a constant). */
extern const vg_limits vg_limits_default;
/* Sets the fields named in o (an object of whole numbers) in *l. An
 * unknown name, a value of another type or out of its range fails: -1 and a
 * message naming the key ("limits.max_scenes must be ..."). Any thread. */
int vg_limits_apply(vg_limits *l, const cJSON *o, char *err, size_t errlen);
cJSON *vg_limits_to_json(const vg_limits *l);

/* ---- engine ------------------------------------------------------------- */

typedef struct vg_engine_options {
  uv_loop_t *loop;        /* NULL: the engine owns a new loop; else borrowed */
  lua_State *L;           /* NULL: the engine owns a new state; else borrowed */
  const char *state_dir;  /* NULL: --state-dir / VGRUN_STATE_DIR / XDG default */
  const char *cache_dir;  /* NULL: VGRUN_CACHE_DIR / XDG default (vg_cache_new) */
  int install_signals;    /* SIGINT/SIGTERM cancel running tasks (programs: 1) */
  const vg_limits *limits; /* NULL: vg_limits_default (copied) */
} vg_engine_options;

/* Creates an engine; NULL on failure (message on stderr). Free with vg_engine_free. */
vg_engine *vg_engine_new(const vg_engine_options *opts);
/* An engine without Lua (engine/core alone): the loop, events, native
 * stages run with vg_run_stage, task state and the cache. opts->L is
 * ignored. vg_engine_new is this plus the Lua bridge (engine/lua). */
vg_engine *vg_engine_new_core(const vg_engine_options *opts);
/* Closes every handle, drains the loop, closes the Lua state if owned. */
void vg_engine_free(vg_engine *e);
/* A part that owns libuv handles it must close its own way (a server's
 * sockets belong to h2o) registers a closer: vg_engine_free calls
 * close(ud) once, before it closes the handles left, and runs the loop
 * until the part removes its closer (at most a few seconds). The part
 * removes it whenever it has closed, by itself or so. Loop thread only. */
int vg_engine_add_closer(vg_engine *e, void (*close)(void *ud), void *ud);
void vg_engine_remove_closer(vg_engine *e, void (*close)(void *ud), void *ud);
uv_loop_t *vg_engine_loop(vg_engine *e);
lua_State *vg_engine_lua(vg_engine *e);
/* The engine's state directory (resolved once, never NULL). */
const char *vg_engine_state_dir(vg_engine *e);
/* The engine's cache (borrowed; never NULL unless out of memory): native
 * stages use vg_call_cache, which is the task's when it has its own. */
vg_cache *vg_engine_cache(vg_engine *e);
/* Loop thread: the engine's cache from now on (a reference is taken; tasks
 * and jobs that hold the old one keep it). */
void vg_engine_set_cache(vg_engine *e, vg_cache *c);
/* The engine's limits, and a new set for calls made from now on (copied;
 * NULL: the defaults). Calls already made keep theirs. */
const vg_limits *vg_engine_limits(vg_engine *e);
void vg_engine_set_limits(vg_engine *e, const vg_limits *l);

/* Runs a Lua file (argv becomes the global `arg`, argv[0] = script) or a
 * string. Returns 0 on success, else an exit code (1 script error, 130
 * interrupted); the message (with traceback) is in vg_engine_last_error. */
int vg_engine_run_file(vg_engine *e, const char *path, int argc, char **argv);
int vg_engine_run_string(vg_engine *e, const char *chunk, const char *chunkname);
const char *vg_engine_last_error(vg_engine *e);

/* Cancels every running task (as SIGINT does). */
void vg_engine_cancel_all(vg_engine *e);
/* True once a SIGINT/SIGTERM arrived (the program exits 130). */
int vg_engine_interrupted(vg_engine *e);
/* 1 when the program asked to finish its own stop after a signal
 * (vg.core.finish_on_interrupt): its exit code is its own, not 130. */
int vg_engine_finishes_on_interrupt(vg_engine *e);

/* Diagnostics for tests: live registry refs held by the engine, and libuv
 * handles still open that the engine created. Both 0 after a clean run. */
int vg_engine_ref_count(vg_engine *e);
int vg_engine_handle_count(vg_engine *e);

/* ---- events ------------------------------------------------------------- */

/* An event as listeners see it. Strings are owned by the emitter and valid
 * only during the callback. `data` is optional extra JSON (may be NULL). */
typedef struct vg_event {
  const char *type;      /* "stage.progress", ... */
  const char *task_id;   /* may be NULL */
  const char *stage;     /* may be NULL */
  double progress;       /* 0..1, or -1 when not applicable */
  const char *message;   /* may be NULL */
  double time;           /* seconds since the Unix epoch */
  const cJSON *data;     /* may be NULL */
} vg_event;

typedef void (*vg_listener_fn)(const vg_event *ev, void *ud);

/* type: an event type or "*" for all. Returns an id > 0 for vg_off. */
int vg_on(vg_engine *e, const char *type, vg_listener_fn fn, void *ud);
void vg_off(vg_engine *e, int id);
/* Delivers an event now, on the loop thread, to C and Lua listeners. */
void vg_emit(vg_engine *e, const vg_event *ev);
/* Any thread: copies the event and delivers it on the loop thread; events
 * posted from one thread arrive in the order they were posted. */
void vg_post(vg_engine *e, const vg_event *ev);
/* Writes every event as one JSON object per line (path "-" = stdout). */
int vg_events_to_file(vg_engine *e, const char *path);
/* 0 while every event reached the events file; else the errno of the first
 * write that failed (a full disk, /dev/full, a reader gone), after which no
 * more are written, so the file holds a whole prefix of the stream. *path
 * (when not NULL) is set to the path given to vg_events_to_file. */
int vg_events_failed(vg_engine *e, const char **path);
/* Serialises an event to a JSON object (caller frees). */
cJSON *vg_event_to_json(const vg_event *ev);

/* Runs fn(ud) on the loop thread soon. Any thread. */
void vg_run_on_loop(vg_engine *e, void (*fn)(void *ud), void *ud);

/* ---- native stages -------------------------------------------------------
 * A native stage is a struct of function pointers plus metadata, the way MLT
 * services are. The engine calls, for one task:
 *   prepare (loop thread)  read inputs from the context, check options
 *   work    (libuv pool)   the heavy part; no Lua, no loop calls
 *   finish  (loop thread)  write outputs to the context
 *   cleanup (loop thread)  always, free what prepare made (or free_data:
 *                          the data the stage set, when there is some)
 * A stage that owns its own thread sets `start` instead of `work`: start runs
 * on the loop thread and the stage calls vg_call_done() later from any thread.
 * Return 0 on success, or -1 after vg_call_fail(). */
typedef struct vg_stage_def {
  const char *name;            /* "tts.synth": what Lua names it */
  const char *summary;         /* one line */
  const char *inputs;          /* comma-separated context keys read */
  const char *outputs;         /* comma-separated context keys written */
  const char *options_json;    /* JSON object of option defaults, or NULL */
  int (*prepare)(vg_call *c);
  int (*work)(vg_call *c);
  int (*start)(vg_call *c);
  int (*finish)(vg_call *c);
  void (*cleanup)(vg_call *c);
  /* Any thread, may be NULL: the task was cancelled while work or the
   * stage's own thread runs; make it stop soon (vg_call_cancelled is set
   * already). It must still end the way it always does. */
  void (*cancel)(vg_call *c);
  /* Loop thread, may be NULL: frees what the stage keeps with
   * vg_call_set_data, after cleanup and only when there is something to
   * free; the call's data is NULL afterwards. A stage whose cleanup would
   * only free its data sets this instead. */
  void (*free_data)(void *data);
  /* Any thread, may be NULL: checks the options a script gives (only those,
   * not merged with the defaults) when the stage is built, so that a wrong
   * value is told at the script's line rather than when a task runs.
   * Returns 0, or -1 with a message in err ("detail must be ..."). The
   * engine checks names and JSON types against options_json itself. */
  int (*check_options)(const cJSON *options, char *err, size_t errlen);
} vg_stage_def;

/* Defines a built-in stage; list its ident in the part's vg_add_stage(STAGES).
 *   VG_DEFINE_STAGE(tts_synth, .name = "tts.synth", .work = synth_work, ...) */
#define VG_DEFINE_STAGE(ident, ...) const vg_stage_def vg_stage_##ident = { __VA_ARGS__ }

/* Registers a stage from an embedder (def must outlive the engine). */
int vg_register_stage(vg_engine *e, const vg_stage_def *def);
const vg_stage_def *vg_find_stage(vg_engine *e, const char *name);
int vg_stage_count(vg_engine *e);
const vg_stage_def *vg_stage_at(vg_engine *e, int i);   /* NULL past the end */

/* Runs a native stage from C, without Lua: inputs come from ctx (copied),
 * options over the stage's defaults. done(c, rc, ud) runs on the loop
 * thread after finish (rc 0 or -1, vg_call_error); read vg_call_outputs
 * there, and free the call with vg_call_free (in done or later). NULL when
 * there is no such stage. */
vg_call *vg_run_stage(vg_engine *e, const char *name, const cJSON *ctx, const cJSON *options,
                      const char *task_id, void (*done)(vg_call *c, int rc, void *ud), void *ud);
void vg_call_cancel(vg_call *c);
void vg_call_free(vg_call *c);
const cJSON *vg_call_outputs(vg_call *c);
const char *vg_call_error(vg_call *c);

/* Loop thread (prepare/finish): ctx[key] as JSON, owned by the call; NULL if absent. */
const cJSON *vg_call_input(vg_call *c, const char *key);
/* Any thread: the merged options object (defaults < stage options < run). */
const cJSON *vg_call_options(vg_call *c);
/* Loop thread: sets ctx[key] = value after finish; takes ownership. */
void vg_call_output(vg_call *c, const char *key, cJSON *value);
void vg_call_set_data(vg_call *c, void *data);
void *vg_call_data(vg_call *c);
/* Any thread: records the error message; returns -1. */
int vg_call_fail(vg_call *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Any thread: emits stage.progress for this task and stage. */
void vg_call_progress(vg_call *c, double progress, const char *message);
/* Any thread: emits an event of any type for this task and stage; takes data. */
void vg_call_emit(vg_call *c, const char *type, const char *message, cJSON *data);
/* Any thread: non-zero once the task was cancelled; long work should stop. */
int vg_call_cancelled(const vg_call *c);
/* Any thread (with `start`): the stage's work is over; rc 0 or -1. */
void vg_call_done(vg_call *c, int rc);
vg_engine *vg_call_engine(vg_call *c);
const char *vg_call_task_id(vg_call *c);
/* The cache this call's task uses (its own, else the engine's); borrowed
 * for the call's life: take a reference (vg_cache_ref) for work that may
 * outlive it. Any thread. */
vg_cache *vg_call_cache(vg_call *c);
/* The limits of this call's task (its own, else the engine's), a copy
 * owned by the call. Any thread, for the call's life. */
const vg_limits *vg_call_limits(const vg_call *c);

/* ---- artifact cache (content-addressed, atomic) ---------------------------
 * Keys are hex SHA-256 digests of everything that determines the artefact. */
typedef struct vg_hash { void *sha; } vg_hash;
void vg_hash_init(vg_hash *h);
void vg_hash_update(vg_hash *h, const void *data, size_t len);
void vg_hash_str(vg_hash *h, const char *s);          /* length-prefixed */
void vg_hash_final(vg_hash *h, char out_hex[65]);

/* A cache: one folder (many processes and machines may share it; it
 * assumes only an atomic rename within one folder, docs/cache.md) and what
 * one engine or one task learnt of it (whether it is usable, whether writes
 * failed, the artefacts kept outside it). Every engine has one
 * (vg_engine_cache); a task may use another (Pipeline:start{cache_dir=},
 * no_cache). A job holds a reference from the moment it is queued, so what
 * a worker thread reads and writes is the cache of the task that queued it.
 * dir NULL: VGRUN_CACHE_DIR, else $XDG_CACHE_HOME/vgrun, else ~/.cache/vgrun,
 * read now. off: the folder is never touched (--no-cache); artefacts go to
 * the scratch folder. max_bytes: the size limit pruning keeps to (0: none;
 * -1: the configured one, VGRUN_CACHE_MAX / cache_max).
 * Any thread; NULL when out of memory. Release with vg_cache_unref. */
vg_cache *vg_cache_new(const char *dir, int off, long long max_bytes);
vg_cache *vg_cache_ref(vg_cache *c);     /* returns c */
void vg_cache_unref(vg_cache *c);        /* NULL is fine */
const char *vg_cache_dir(const vg_cache *c);
int vg_cache_is_off(const vg_cache *c);
long long vg_cache_max_bytes(const vg_cache *c);
/* Any thread: 0 when the cache can be used (it is made and marked on first
 * use, and a cache of an older vgrun is adopted); -1 when the folder is not a
 * vgrun cache, is a file, or cannot be made (vg_cache_error() says why).
 * Decided once per vg_cache. */
int vg_cache_ready(vg_cache *c);
/* The message of the last failed cache call of this thread; it names the
 * path. The string belongs to the thread; valid until its next cache call. */
const char *vg_cache_error(void);
/* Any thread. Writes the path of key + suffix (".wav", ".mp4", ...) into
 * out; returns 1 if the entry exists and is intact, else 0 (a damaged entry
 * is moved aside and reported, never deleted). Finds the artefacts this
 * vg_cache kept outside its folder too (see vg_cache_put). */
int vg_cache_lookup(vg_cache *c, const char *key, const char *suffix, char *out, size_t outlen);
/* Any thread. Stores bytes: visible to others only once complete. When the
 * cache cannot be written (full, read-only, not a cache) it warns once and
 * keeps the bytes in the process's scratch folder instead, so this
 * vg_cache's lookups still find them. 0, or -1 (vg_cache_error()) if even
 * that fails. */
int vg_cache_put(vg_cache *c, const char *key, const char *suffix, const void *data, size_t len);
/* Any thread. Moves a finished file (from vg_cache_tmp_path) into the cache;
 * copies across filesystems. If the cache cannot take it, the file stays
 * where it is, is found by this vg_cache's lookups and removed at exit. 0,
 * or -1 on a bad key. */
int vg_cache_adopt(vg_cache *c, const char *key, const char *suffix, const char *tmp_path);
/* Any thread: a unique temporary path (host, pid, random) inside the cache,
 * for a file to be adopted later; in the scratch folder when the cache cannot
 * be written. 0, or -1 (vg_cache_error()). */
int vg_cache_tmp_path(vg_cache *c, char *out, size_t outlen, const char *suffix);
/* Any thread: a new tag <host>-<pid>-<16 hex> as the cache's tmp/ and
 * quarantine/ names carry it (the host: this machine's name, up to its first
 * dot, letters and digits, anything else '-'). */
void vg_cache_new_tag(char *out, size_t outlen);
/* Any thread: whether the process a tag names is alive: 1 when it is this
 * machine's and the process exists, 0 when it is this machine's and gone,
 * -1 when the tag is not of that shape or of another machine (unknown). */
int vg_cache_tag_live(const char *tag);
/* Any thread: this process's private folder ($TMPDIR/vgrun-XXXXXX), made on
 * first use, removed with its files at exit; for work that must not touch the
 * cache (--no-cache). NULL if it cannot be made (vg_cache_error()). */
const char *vg_scratch_dir(void);
/* Any thread: a unique file path in vg_scratch_dir(). 0, or -1. */
int vg_scratch_path(char *out, size_t outlen, const char *suffix);

/* ---- task state (engine/core/state.c) ---------------------------------------
 * One JSON document per task in <dir>/tasks/<id>.json and one lock file per
 * running task. `dir` is a state folder: the engine's (vg_engine_state_dir)
 * or a task's own. Functions that fail return -1 and write a message that
 * names the path into err. Any thread. */
typedef struct vg_task_lock_t { int fd; char path[4096]; } vg_task_lock_t;
/* NULL when id may name a task, else why not ("it has a '/'"). */
const char *vg_task_id_problem(const char *id);
int vg_task_id_valid(const char *id);
/* The id as a message may show it: printable ASCII, else \xNN, cut. */
void vg_task_id_show(const char *id, char *out, size_t n);
void vg_engine_set_state_dir(vg_engine *e, const char *dir);   /* NULL: the default */
int vg_state_path(const char *dir, const char *id, const char *ext, char *out, size_t n);
/* The largest task state file: vg_state_save refuses to write more (-1,
 * "... more than the 256 MB a task's state may hold") and vg_state_load to
 * read more, so a state vgrun saved can always be read back. */
#define VG_STATE_MAX_BYTES (256L * 1024 * 1024)
int vg_state_save(const char *dir, const char *id, const cJSON *doc, char *err, size_t errlen);
/* 1 and *out (caller frees), 0 when there is none, -1 when unreadable or corrupt. */
int vg_state_load(const char *dir, const char *id, cJSON **out, char *err, size_t errlen);
int vg_state_remove(const char *dir, const char *id, char *err, size_t errlen);
/* The valid ids with a state file, sorted, NULL-terminated; free with vg_state_list_free. */
char **vg_state_list(const char *dir, size_t *count);
void vg_state_list_free(char **names);
/* 0 and the lock taken; -1 (holder: the pid in the lock file, or 0). */
int vg_task_lock(const char *dir, const char *id, vg_task_lock_t *k, long *holder, char *err, size_t errlen);
void vg_task_unlock(vg_task_lock_t *k);   /* safe twice */
/* 1 held (pid_out: the holder when it is sure), 0 not, -1 cannot tell. */
int vg_task_lock_probe(const char *dir, const char *id, long *pid_out, char *err, size_t errlen);
/* The size and SHA-256 of a regular file (a FIFO is refused unread). */
int vg_file_digest(const char *path, long long *size_out, char hex[65], char *err, size_t errlen);

/* ---- reading JSON objects (options, contexts, plans) ----------------------
 * Any thread. o[key] when it has the type, else def (o may be NULL). The
 * one family every native stage reads its cJSON with. */
double vg_json_num(const cJSON *o, const char *key, double def);
/* An integer, cut to int's range (a NaN reads as def). */
int vg_json_int(const cJSON *o, const char *key, int def);
const char *vg_json_str(const cJSON *o, const char *key, const char *def);
int vg_json_bool(const cJSON *o, const char *key, int def);

/* ---- small utilities ------------------------------------------------------ */
/* Any thread: a malloc'd copy, NULL for NULL (or when out of memory). */
char *vg_strdup(const char *s);
/* Any thread: the byte offset of the first byte of s[0..len) that is not
 * well-formed UTF-8 (overlong, surrogate, beyond U+10FFFF, cut), or -1. A
 * NUL byte is valid here; callers that refuse it check for it. */
long vg_utf8_invalid_at(const char *s, size_t len);
/* Any thread: the length of the control character at s (NUL-terminated),
 * 0 when s starts with text: a C0 control or DEL (1), a C1 control
 * U+0080..U+009F (2; 0x9B is a terminal's CSI), or a bidi embedding,
 * override or isolate U+202A..U+202E, U+2066..U+2069 (3, and *bidi set when
 * bidi is not NULL). The one list both vg_shown_name and a document's
 * cleaning (stages/input/controls.c) act on. */
size_t vg_control_char_at(const char *s, int *bidi);
/* Any thread: name as a message may print it (malloc'd, NULL for NULL or
 * out of memory): control characters (vg_control_char_at) and bytes that
 * are not UTF-8 as \xNN, and a backslash as \\ (so an escaped name is never
 * taken for one holding "\x1b"), so a file name cannot drive the terminal
 * that shows it. Messages print every path through it; JSON keeps names
 * exact. */
char *vg_shown_name(const char *name);
/* Any thread: a message (which may hold names already shown) as it may be
 * printed: like vg_shown_name, but line breaks, tabs and backslashes stay. */
char *vg_shown_text(const char *text);
/* the same for a string of n bytes that may hold NULs (a Lua string) */
char *vg_shown_name_len(const char *name, size_t n);
char *vg_shown_text_len(const char *text, size_t n);
/* Any thread: prints a printf-formatted message and a line break to stderr,
 * through vg_shown_text (in one write), for messages that quote what came
 * from outside: a Lua error holding a document's line or a file name. */
void vg_print_shown(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- files ---------------------------------------------------------------- */
/* Any thread: writes a file atomically and durably (temp, fsync, rename,
 * fsync of the directory). Creates missing parent directories. 0 or -1/errno. */
int vg_write_file_atomic(const char *path, const void *data, size_t len);
/* Any thread: publishes a finished file tmp (written beside path, in the
 * same folder) as path, durably: fsync, rename, fsync of the folder, with
 * the crash points of VGRUN_CRASH_AT. Every file that must survive a crash
 * (state, cache, outputs, thumbnail, captions) goes through this or
 * vg_write_file_atomic. tmp is removed on failure. 0 or -1/errno. */
int vg_commit_file(const char *tmp, const char *path);
/* Any thread: writes all of data to fd (a short write or EINTR goes on).
 * 0 or -1/errno. */
int vg_write_all(int fd, const void *data, size_t len);
/* Any thread: mkdir -p. 0 or -1/errno. */
int vg_mkdirs(const char *path, int mode);
/* Any thread: rm -r of a folder (or a file, or a link itself), however
 * deep: links are removed, never followed; a mount point inside it
 * (another file system or a bind mount) stops the removal (EXDEV); a folder its owner may not write or
 * read is given rwx first. 0 (also when path does not exist) or -1/errno. */
int vg_remove_tree(const char *path);
/* Any thread: opens a path someone else named (an input, a state file) for
 * reading, only if it is a regular file: a FIFO, socket, device or
 * directory is refused before anything could block on it. Returns a
 * blocking O_CLOEXEC fd, or -1 with errno set (EISDIR, ELOOP, EINVAL for
 * any other kind, or open's) and *why (may be NULL) a static reason such
 * as "is a named pipe (FIFO), not a regular file". VG_OPEN_NOFOLLOW also
 * refuses a symbolic link as the last component. */
#define VG_OPEN_NOFOLLOW 1
int vg_open_regular(const char *path, int flags, const char **why);
/* Why a file of this st_mode is refused ("is a named pipe (FIFO), not a
 * regular file"): the one wording for every such message. */
const char *vg_not_regular_reason(unsigned mode);
/* The same as a stdio stream ("rb"); NULL with errno and *why set. */
FILE *vg_fopen_regular(const char *path, int flags, const char **why);

#ifdef __cplusplus
}
#endif
