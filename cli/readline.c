/* readline.c: line editing and history for the REPL, as
 * require("vg.readline"). Built into the vgrun program only. */
#include <lua.h>
#include <lauxlib.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef VG_HAVE_READLINE
#include <readline/readline.h>
#include <readline/history.h>

static volatile sig_atomic_t at_prompt, term_at_prompt;

/* SIGTERM at the prompt ends the REPL: readline would otherwise go back to
 * waiting for a key (the engine's handler restarts the read), and the
 * signal would be lost. poll() is never restarted after a handler, so the
 * flag is seen at once. */
static void prompt_sigterm(int sig) {
  (void)sig;
  term_at_prompt = 1;
}

static int prompt_getc(FILE *in) {
  for (;;) {
    if (term_at_prompt) return EOF;
    struct pollfd p = { .fd = fileno(in), .events = POLLIN };
    int r = poll(&p, 1, -1);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return EOF;
    unsigned char c;
    ssize_t n = read(p.fd, &c, 1);
    if (n == 1) return c;
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    return EOF;
  }
}

/* Ctrl-C at the prompt drops the line and shows a fresh prompt. */
static void prompt_sigint(int sig) {
  (void)sig;
  if (!at_prompt) return;
  ssize_t w = write(1, "^C\n", 3);
  (void)w;
  rl_on_new_line();
  rl_replace_line("", 0);
  rl_redisplay();
}

/* Tab: the Lua completer (vg.repl.complete, set with set_completer and kept
 * in the registry, so no ref is held) is asked for every candidate of the
 * word before the cursor, through a protected call; an error offers
 * nothing. Only called inside readline(), on the thread running the REPL. */
#define COMPLETER_KEY "vg.readline.completer"
static lua_State *complete_L;

static char **repl_complete(const char *text, int start, int end) {
  (void)start;
  (void)end;
  rl_attempted_completion_over = 1; /* never fall back to file names */
  lua_State *L = complete_L;
  if (!L || !lua_checkstack(L, 4)) return NULL;
  int top = lua_gettop(L);
  lua_getfield(L, LUA_REGISTRYINDEX, COMPLETER_KEY);
  if (!lua_isfunction(L, -1)) { lua_settop(L, top); return NULL; }
  lua_pushstring(L, text);
  lua_pushlstring(L, rl_line_buffer, (size_t)start);
  if (lua_pcall(L, 2, 1, 0) != LUA_OK || !lua_istable(L, -1)) { lua_settop(L, top); return NULL; }
  size_t n = (size_t)lua_rawlen(L, -1);
  if (n == 0) { lua_settop(L, top); return NULL; }
  char **m = calloc(n + 2, sizeof *m); /* [0] the common prefix, then each, then NULL */
  if (!m) { lua_settop(L, top); return NULL; }
  size_t k = 1, common = 0;
  for (size_t i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, (lua_Integer)i);
    const char *c = lua_tostring(L, -1);
    if (c && (m[k] = strdup(c)) != NULL) {
      if (k == 1) common = strlen(c);
      else {
        size_t j = 0;
        while (j < common && m[1][j] == c[j]) j++;
        common = j;
      }
      k++;
    }
    lua_pop(L, 1);
  }
  lua_settop(L, top);
  if (k == 1) { free(m); return NULL; }
  m[0] = strndup(m[1], common);
  if (!m[0]) {
    for (size_t i = 1; i < k; i++) free(m[i]);
    free(m);
    return NULL;
  }
  if (k == 2) {
    /* one candidate: "vg." goes on with a field, a finished name gets no space */
    rl_completion_append_character = '\0';
  }
  return m;
}

static int l_set_completer(lua_State *L) {
  if (!lua_isnoneornil(L, 1)) luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 1);
  lua_setfield(L, LUA_REGISTRYINDEX, COMPLETER_KEY);
  return 0;
}

static int l_readline(lua_State *L) {
  const char *prompt = luaL_optstring(L, 1, "> ");
  struct sigaction sa, old, sa_term, old_term;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = prompt_sigint;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &old);
  memset(&sa_term, 0, sizeof sa_term);
  sa_term.sa_handler = prompt_sigterm;
  sigemptyset(&sa_term.sa_mask);
  sigaction(SIGTERM, &sa_term, &old_term);
  at_prompt = 1;
  term_at_prompt = 0;
  rl_catch_signals = 0;
  rl_getc_function = prompt_getc;
  /* "vg.render.fr" and t["key are one word: . : [ and quotes do not break */
  rl_completer_word_break_characters = " \t\n`@$><=;|&{(,+-*/%^~#)}";
  rl_attempted_completion_function = repl_complete;
  complete_L = L;
  char *line = readline(prompt);
  complete_L = NULL;
  at_prompt = 0;
  sigaction(SIGINT, &old, NULL);
  sigaction(SIGTERM, &old_term, NULL);
  if (term_at_prompt) {
    /* handed to the engine's handler: the program ends as interrupted (130) */
    free(line);
    raise(SIGTERM);
    return 0;
  }
  if (!line) return 0;
  lua_pushstring(L, line);
  free(line);
  return 1;
}

static int l_add_history(lua_State *L) {
  add_history(luaL_checkstring(L, 1));
  return 0;
}
#else
static int l_readline(lua_State *L) {
  char buf[4096];
  fputs(luaL_optstring(L, 1, "> "), stdout);
  fflush(stdout);
  if (!fgets(buf, sizeof buf, stdin)) return 0;
  size_t n = strlen(buf);
  if (n && buf[n - 1] == '\n') buf[--n] = '\0';
  lua_pushlstring(L, buf, n);
  return 1;
}
static int l_add_history(lua_State *L) { (void)L; return 0; }
static int l_set_completer(lua_State *L) { (void)L; return 0; }
#endif

int vg_open_readline(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"readline", l_readline},
    {"add_history", l_add_history},
    {"set_completer", l_set_completer},
    {NULL, NULL},
  };
  luaL_newlib(L, fns);
  return 1;
}
