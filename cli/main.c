/* main.c: the vgrun program. Creates the engine (with signal handling),
 * hands the arguments to lua/vg/cli.lua, and exits with its code. */
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <errno.h>
#include <malloc.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#endif
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include "vg.h"
#include "vg_lua.h"

#ifdef VG_HAVE_TTS
int tts_prefork(void);   /* stages/tts/tts.h */
#endif

int vg_open_readline(lua_State *L);
int vg_open_versions(lua_State *L);

/* An error no Lua code caught, printed as vg.shown.lines would: the names
 * in it cannot send the terminal a command. */
/* Standard output is a pipe or FIFO whose reader closed it: an earlier
 * write failed with EPIPE (errno is gone by exit; poll still tells). */
static int reader_gone(void) {
  struct pollfd p = { .fd = 1, .events = POLLOUT };
  return poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

static void print_error(const char *msg) {
  char *shown = vg_shown_text(msg ? msg : "?");
  fprintf(stderr, "vgrun: %s\n", shown ? shown : "?");
  free(shown);
}

int main(int argc, char **argv) {
  /* a child of vg.spawn{die_with_parent}: becomes its command here */
  vgl_spawn_trampoline(argc, argv);
  /* espeak-ng 1.51 opens an audio device even to synthesize into memory,
   * and libpulse under it connects to the user's sound server (or to any
   * host PULSE_SERVER names), once when speech starts: vgrun plays no
   * sound, so the server is a path where nothing listens. Set while the
   * process has one thread (setenv is not safe beside getenv in others). */
  setenv("PULSE_SERVER", "unix:/nonexistent/vgrun-plays-no-sound", 1);
#ifdef VG_HAVE_TTS
  /* the speech helper, forked before any thread exists: it forks the
   * children that speak (stages/tts/tts_helper.c) */
  tts_prefork();
#endif
#ifdef __GLIBC__
  /* Each video segment opens its own x264 encoder, which allocates and frees
   * some 100 MB of frame buffers. glibc would hand those back to the kernel
   * and take them again zeroed, page by page, for the next segment (9 % of a
   * cold `vgrun create`); keep freed memory for reuse instead. Not done in
   * libvg: an embedding program owns its process's malloc policy. */
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  /* Every thread that mallocs gets an arena of its own (up to 8 per core),
   * and each keeps the pictures and encoder buffers it once held: a 30-minute
   * document peaked at 363 MiB (bench/create/bench_long.sh), 268 MiB with
   * one arena per core, at the same speed (a 1 MB mmap threshold gave 210 MiB
   * but cost 10 % of a cold create in page faults). */
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  mallopt(M_ARENA_MAX, cores > 2 ? (int)cores : 2);
#endif
#ifdef __linux__
  /* x264 asks for transparent huge pages; where the kernel compacts memory
   * to find them, a cold `vgrun create` took anywhere from 1.4 to 1.8 s.
   * Without them it takes the same 1.5 s every time. */
  prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
#endif
  vg_engine_options o = { .install_signals = 1 };
  vg_engine *e = vg_engine_new(&o);
  if (!e) return 1;
  lua_State *L = vg_engine_lua(e);

  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, vg_open_readline);
  lua_setfield(L, -2, "vg.readline");
  lua_pushcfunction(L, vg_open_versions);
  lua_setfield(L, -2, "vg.versions");
  lua_pop(L, 1);

  int code = 1;
  lua_getglobal(L, "require");
  lua_pushliteral(L, "vg.cli");
  if (vgl_pcall(L, 1, 1) != LUA_OK) {
    print_error(lua_tostring(L, -1));
    lua_pop(L, 1);
  } else {
    lua_getfield(L, -1, "main");
    lua_createtable(L, argc, 0);
    for (int i = 1; i < argc; i++) {
      lua_pushstring(L, argv[i]);
      lua_rawseti(L, -2, i);
    }
    if (vgl_pcall(L, 1, 1) != LUA_OK) {
      print_error(lua_tostring(L, -1));
    } else {
      code = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : 0;
    }
    lua_pop(L, 2);
  }
  if (vg_engine_interrupted(e) && !vg_engine_finishes_on_interrupt(e)) code = 130;
  /* --events is an output the user asked for: one cut short (a full disk)
   * is an error, never a silent success */
  const char *events_path = NULL;
  int events_err = vg_events_failed(e, &events_path);
  if (events_err) {
    char *shown = vg_shown_name(events_path ? events_path : "-");
    fprintf(stderr, "vgrun: --events %s: cannot write: %s (the events after that are missing)\n",
            shown ? shown : "-", strerror(events_err));
    free(shown);
    if (code == 0) code = 1;
  }
  /* so is standard output (`say -o -`, `scenes --json > FILE` on a full
   * disk): a write that failed is an error at exit, as coreutils' tools
   * make it. A reader that left (`vgrun scenes DOC | head`, EPIPE) chose
   * to stop reading: nothing is said then */
  errno = 0;
  int out_failed = fflush(stdout) != 0;
  int out_err = errno;
  if (ferror(stdout)) out_failed = 1;
  if (out_failed && out_err != EPIPE && !(out_err == 0 && reader_gone())) {
    fprintf(stderr, "vgrun: standard output: cannot write: %s (what was printed is incomplete)\n",
            out_err ? strerror(out_err) : "an earlier write failed");
    if (code == 0) code = 1;
  }
  vg_engine_free(e);
  return code;
}
