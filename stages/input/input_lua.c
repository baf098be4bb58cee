/* input_lua.c: require("vg.input_core"), the raw binding under lua/vg/input.lua.
 *   load(path [, opts]) -> model|nil, diagnostics   (parses on the thread pool;
 *                          opts.as_json: the model as JSON text, canonical key order;
 *                          opts.allow_paths: folders besides the document's own
 *                          that its images may come from)
 *   from_table(doc [, opts]) -> model, diagnostics  (a Lua table, either flavour)
 *   validate(model) -> diagnostics                  (a canonical model)
 *   voice_known(name) -> boolean; scene_types() -> {name = {field = kind}}
 * Diagnostics: list of {severity, file, line, col, field, message, text}. */
#include "vg_lua.h"
#include "input.h"
#include "input_private.h"

#include <ctype.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Adapters written in Lua: registry table extension -> function (C keeps no
 * refs, as mpv keeps its callbacks in a Lua table). */
static const char ADAPTERS[] = "vg.input.adapters";
/* Scene types plug-ins registered (vg.scene_type): registry set of names. */
static const char SCENE_TYPES[] = "vg.input.scene_types";

typedef struct lreq {
  vgi_load_args a;
  char **types;         /* plug-ins' scene types, NULL-terminated */
  int as_json;          /* give the model as JSON text, keys in canonical order */
  int adapted;          /* a Lua adapter read the document: doc (or NULL) */
  cJSON *doc;
  cJSON *model;
  vgi_diags d;
  atomic_int cancelled; /* set on the loop thread when the caller is cancelled */
} lreq;

static void push_diags(lua_State *L, const vgi_diags *d) {
  cJSON *j = vgi_diags_to_json(d, 1);
  if (!j) luaL_error(L, "out of memory");
  vgl_push_json(L, j);
  cJSON_Delete(j);
}

/* Reads opts at idx (the same fields and checks as the input.load stage's
 * options) into a; raises on a bad option before anything is kept. */
static void read_opts(lua_State *L, int idx, vgi_load_args *a) {
  memset(a, 0, sizeof *a);
  /* the engine's limits, copied: the load runs on the thread pool */
  if (!(a->limits = malloc(sizeof *a->limits))) luaL_error(L, "out of memory");
  *a->limits = *vg_engine_limits(vgl_engine(L));
  a->opts.limits = a->limits;
  if (lua_isnoneornil(L, idx)) return;
  if (!lua_istable(L, idx)) { vgi_load_args_free(a); luaL_checktype(L, idx, LUA_TTABLE); }
  char err[256];
  cJSON *o = vgl_to_json_ex(L, idx, VGL_JSON_SKIP, err, sizeof err);
  if (!o) { vgi_load_args_free(a); luaL_argerror(L, idx, err); }
  cJSON_DeleteItemFromObjectCaseSensitive(o, "path");   /* the path is the first argument */
  int rc = vgi_load_args_read(a, o, err, sizeof err);
  cJSON_Delete(o);
  if (rc != 0) {
    vgi_load_args_free(a);
    lua_pushfstring(L, "opts.%s", err);
    luaL_argerror(L, idx, lua_tostring(L, -1));
  }
}

static int lreq_is_cancelled(const void *data) {
  return atomic_load(&((lreq *)data)->cancelled);
}

/* Loop thread: the fiber waiting for the load was cancelled (Ctrl-C). */
static void lreq_cancel(void *data) {
  atomic_store(&((lreq *)data)->cancelled, 1);
}

static void lreq_work(void *data) {
  lreq *r = data;
  vgi_cancel_watch(lreq_is_cancelled, r);
  if (r->adapted) {
    r->model = r->doc ? vgi_from_doc(r->doc, r->a.path, &r->a.opts, &r->d) : NULL;
    r->doc = NULL;
  } else {
    r->model = vgi_load(r->a.path, &r->a.opts, &r->d);
  }
  vgi_cancel_watch(NULL, NULL);
}

static int lreq_push(lua_State *L, void *data) {
  lreq *r = data;
  if (r->model && r->as_json) {
    char *t = cJSON_Print(r->model);
    lua_pushstring(L, t ? t : "null");
    free(t);
  } else if (r->model) {
    vgl_push_json(L, r->model);
  } else {
    lua_pushnil(L);
  }
  push_diags(L, &r->d);
  return 2;
}

static void lreq_free(void *data) {
  lreq *r = data;
  cJSON_Delete(r->doc);
  cJSON_Delete(r->model);
  vgi_diags_free(&r->d);
  vgi_load_args_free(&r->a);
  vgi_free_list(r->types);
  free(r);
}

static int l_load(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int as_json = vgl_opt_boolean(L, 2, "as_json", 0);
  vgi_load_args a;
  read_opts(L, 2, &a);   /* raises before it keeps anything */
  lreq *r = calloc(1, sizeof *r);
  if (r) r->a = a;
  if (r) r->a.path = strdup(path);
  if (!r || !r->a.path) {
    if (r) lreq_free(r); else vgi_load_args_free(&a);
    return luaL_error(L, "out of memory");
  }
  r->a.opts.split = r->a.split;   /* a moved: point into its new place */
  r->a.opts.format = r->a.format;
  r->a.opts.language = r->a.language;
  r->a.opts.allow_paths = (const char *const *)r->a.allow;
  r->as_json = as_json;
  r->types = vgi_extra_types(vgl_engine(L));
  r->a.opts.extra_types = (const char *const *)r->types;
  r->adapted = vgi_adapter_read(vgl_engine(L), r->a.path, &r->a.opts, &r->doc, &r->d);
  return vgl_work_ex(L, lreq_work, lreq_push, lreq_free, lreq_cancel, r);
}

static int l_from_table(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  char err[256];
  vgi_load_args a;
  read_opts(L, 2, &a);
  cJSON *doc = vgl_to_json(L, 1, err, sizeof err);
  if (!doc) {
    vgi_load_args_free(&a);
    return luaL_argerror(L, 1, err);
  }
  vgi_diags d = {0};
  char **types = vgi_extra_types(vgl_engine(L));
  a.opts.extra_types = (const char *const *)types;
  cJSON *model = vgi_from_doc(doc, NULL, &a.opts, &d);
  vgi_free_list(types);
  vgl_push_json(L, model);
  push_diags(L, &d);
  cJSON_Delete(model);
  vgi_diags_free(&d);
  vgi_load_args_free(&a);
  return 2;
}

static int l_validate(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  char err[256];
  cJSON *model = vgl_to_json(L, 1, err, sizeof err);
  if (!model) return luaL_argerror(L, 1, err);
  vgi_diags d = {0};
  vgi_validate(model, luaL_optstring(L, 2, NULL), &d);
  push_diags(L, &d);
  cJSON_Delete(model);
  vgi_diags_free(&d);
  return 1;
}

static int l_voice_known(lua_State *L) {
  lua_pushboolean(L, vgi_voice_known(luaL_checkstring(L, 1)));
  return 1;
}

static int l_scene_types(lua_State *L) {
  static const char *const kinds[] = { "text", "code", "lines", "list", "items", "number",
                                       "integer", "boolean", "mapping", "difficulty", "rows" };
  lua_newtable(L);
  for (int i = 0; vgi_scene_types[i].name; i++) {
    lua_newtable(L);
    for (int k = 0; vgi_scene_types[i].fields[k].name; k++) {
      const vgi_field *f = &vgi_scene_types[i].fields[k];
      lua_createtable(L, 0, 2);
      lua_pushstring(L, kinds[f->kind]);
      lua_setfield(L, -2, "kind");
      lua_pushboolean(L, f->required);
      lua_setfield(L, -2, "required");
      lua_setfield(L, -2, f->name);
    }
    lua_setfield(L, -2, vgi_scene_types[i].name);
  }
  return 1;
}

/* ---- adapters written in Lua ------------------------------------------------- */

/* The key an adapter is registered under: opts->format, else the path's
 * extension; lower case, no dot. 0 when there is none. */
static int adapter_key(const char *path, const vgi_options *opts, char *out, size_t n) {
  const char *e = opts && opts->format ? opts->format : NULL;
  if (!e) {
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash)) return 0;
    e = dot + 1;
  }
  size_t i = 0;
  for (; e[i] && i + 1 < n; i++) out[i] = (char)tolower((unsigned char)e[i]);
  out[i] = 0;
  return i > 0 && !e[i];
}

static void push_opts(lua_State *L, const vgi_options *o) {
  lua_createtable(L, 0, 4);
  if (o->split) { lua_pushstring(L, o->split); lua_setfield(L, -2, "split"); }
  if (o->format) { lua_pushstring(L, o->format); lua_setfield(L, -2, "format"); }
  if (o->language) { lua_pushstring(L, o->language); lua_setfield(L, -2, "language"); }
  if (o->duration > 0) { lua_pushnumber(L, o->duration); lua_setfield(L, -2, "duration"); }
  lua_pushstring(L, o->detail == VGI_DETAIL_FULL ? "full" : "summary");
  lua_setfield(L, -2, "detail");
  lua_pushboolean(L, !o->no_narration);
  lua_setfield(L, -2, "narrate");
}

/* The hook input.load and load() call on the loop thread. The adapter runs in
 * a thread of its own under the one protected call: the caller may be a
 * task's coroutine in the middle of a native stage. */
static int lua_adapter(struct vg_engine *e, const char *path, const vgi_options *opts,
                       cJSON **doc, vgi_diags *d) {
  char ext[64];
  if (!adapter_key(path, opts, ext, sizeof ext)) return 0;
  lua_State *L = vg_engine_lua(e);
  /* L may be resuming the task that called us: room of our own on its stack */
  if (!lua_checkstack(L, 4)) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "out of memory");
    return 1;
  }
  int top = lua_gettop(L);
  if (lua_getfield(L, LUA_REGISTRYINDEX, ADAPTERS) != LUA_TTABLE ||
      lua_getfield(L, -1, ext) != LUA_TFUNCTION) {
    lua_settop(L, top);
    return 0;
  }
  /* the same refusal as the built-in readers: a FIFO or device could block */
  struct stat st;
  if (stat(path, &st) != 0) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(errno));
    lua_settop(L, top);
    return 1;
  }
  if (!S_ISREG(st.st_mode)) {
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "cannot open: %s",
                 vg_not_regular_reason(st.st_mode));
    lua_settop(L, top);
    return 1;
  }
  lua_State *T = lua_newthread(L);
  lua_rotate(L, -2, 1);       /* ... adapters T fn */
  lua_xmove(L, T, 1);
  lua_pushstring(T, path);
  push_opts(T, opts);
  if (vgl_pcall(T, 2, 3) != LUA_OK) {
    /* "plugin.lua:12: message", without the traceback */
    const char *msg = lua_tostring(T, -1);
    if (!msg) msg = "(error object is not a string)";
    const char *tb = strstr(msg, "\nstack traceback:");
    vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "the .%s adapter failed: %.*s", ext,
                 tb ? (int)(tb - msg) : (int)strlen(msg), msg);
  } else if (lua_istable(T, -3)) {
    char err[256] = "";
    *doc = vgl_to_json(T, -3, err, sizeof err);
    if (!*doc)
      vgi_diag_add(d, VGI_ERROR, path, 0, 0, NULL, "the .%s adapter returned %s", ext, err);
  } else {
    /* nil, message [, line]: the adapter's own account of the document */
    const char *msg = lua_tostring(T, -2);
    int line = lua_isinteger(T, -1) ? (int)lua_tointeger(T, -1) : 0;
    vgi_diag_add(d, VGI_ERROR, path, line > 0 ? line : 0, 0, NULL, "%s",
                 msg ? msg : "the adapter returned no document");
  }
  lua_settop(L, top);
  return 1;
}

/* The hook input.load asks for the plug-ins' scene types (loop thread). */
static char **lua_scene_types(struct vg_engine *e) {
  lua_State *L = vg_engine_lua(e);
  if (!lua_checkstack(L, 4)) return NULL;
  int top = lua_gettop(L);
  if (lua_getfield(L, LUA_REGISTRYINDEX, SCENE_TYPES) != LUA_TTABLE) {
    lua_settop(L, top);
    return NULL;
  }
  size_t n = 0;
  for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1)) n++;
  char **list = calloc(n + 1, sizeof *list);
  size_t i = 0;
  for (lua_pushnil(L); list && lua_next(L, -2); lua_pop(L, 1)) {
    if (i < n && lua_type(L, -2) == LUA_TSTRING) list[i++] = strdup(lua_tostring(L, -2));
  }
  lua_settop(L, top);
  return list;
}

static void registry_set(lua_State *L, const char *table, const char *key, int value_idx) {
  value_idx = lua_absindex(L, value_idx);
  if (lua_getfield(L, LUA_REGISTRYINDEX, table) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, table);
  }
  lua_pushvalue(L, value_idx);
  lua_setfield(L, -2, key);
  lua_pop(L, 1);
  vgi_set_adapter_hook(lua_adapter, lua_scene_types);
}

/* add_scene_type(name): documents may use scene type `name` (a plug-in
 * draws it); its visual_content may be any mapping. */
static int l_add_scene_type(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  lua_pushboolean(L, 1);
  registry_set(L, SCENE_TYPES, name, -1);
  return 0;
}

/* set_adapter(ext, fn|nil): files ending in .ext (or opts.format = ext) are
 * read by fn(path, opts) -> document table | nil, message [, line]. */
static int l_set_adapter(lua_State *L) {
  size_t n;
  const char *ext = luaL_checklstring(L, 1, &n);
  if (!lua_isnil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
  char key[64];
  if (n == 0 || n >= sizeof key) return luaL_argerror(L, 1, "extension expected");
  for (size_t i = 0; i <= n; i++) key[i] = (char)tolower((unsigned char)ext[i]);
  registry_set(L, ADAPTERS, key, 2);
  return 0;
}

/* speech_seconds(text [, lang]) -> the estimated seconds espeak-ng takes */
static int l_speech_seconds(lua_State *L) {
  const char *t = luaL_checkstring(L, 1);
  const char *lang = luaL_optstring(L, 2, NULL);
  lua_pushnumber(L, vgi_speech_seconds_lang(t, lang));
  return 1;
}

/* said_seconds(scene [, lang]) -> the seconds its narration takes to say,
 * English passages and a scene turned to an English voice at English pace
 * (vgi_said_seconds: the pace the loader's estimate uses), and the language
 * its voice says it in ("en" for a scene turned to an English voice) */
static int l_said_seconds(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  const char *lang = luaL_optstring(L, 2, NULL);
  char err[256];
  cJSON *scene = vgl_to_json(L, 1, err, sizeof err);
  if (!scene) return luaL_argerror(L, 1, err);
  lua_pushnumber(L, vgi_said_seconds(scene, lang));
  if (vgi_english_voice(vgi_str(scene, "voice"))) lua_pushliteral(L, "en");
  else if (lang) lua_pushstring(L, lang);
  else lua_pushnil(L);
  cJSON_Delete(scene);
  return 2;
}

/* The functions that read vg.timing raise why a copy of it (VGRUN_LUA_DIR)
 * cannot be used, rather than give lengths from another table. */
static void timing_ok(lua_State *L) {
  const char *e = vgi_timing_error();
  if (e) luaL_error(L, "%s", e);
}

/* scene_seconds(scene [, lang]) -> how long the scene will run on the
 * timeline (vgi_scene_seconds: the one estimate the summary also uses) */
static int l_scene_seconds(lua_State *L) {
  timing_ok(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  const char *lang = luaL_optstring(L, 2, NULL);
  char err[256];
  cJSON *scene = vgl_to_json(L, 1, err, sizeof err);
  if (!scene) return luaL_argerror(L, 1, err);
  lua_pushnumber(L, vgi_scene_seconds(scene, lang));
  cJSON_Delete(scene);
  return 1;
}

/* silent_seconds(scene [, lang]) -> how long a scene nothing is said in
 * stays to be read (0: it is said, or has steps or code of its own) */
static int l_silent_seconds(lua_State *L) {
  timing_ok(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  const char *lang = luaL_optstring(L, 2, NULL);
  char err[256];
  cJSON *scene = vgl_to_json(L, 1, err, sizeof err);
  if (!scene) return luaL_argerror(L, 1, err);
  lua_pushnumber(L, vgi_silent_seconds(scene, lang));
  cJSON_Delete(scene);
  return 1;
}

/* named(text, {step, ...}) -> { offset or false, ... }: where the spoken
 * text names each step (1-based byte offsets; vgi_named_at) */
static int l_named(lua_State *L) {
  const char *t = luaL_checkstring(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  int n = (int)luaL_len(L, 2);
  if (n < 0 || n > 100000) return luaL_argerror(L, 2, "too many steps");
  const char **items = calloc((size_t)n + 1, sizeof *items);
  long *at = calloc((size_t)n + 1, sizeof *at);
  if (!items || !at) { free(items); free(at); return luaL_error(L, "out of memory"); }
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, 2, i + 1);
    items[i] = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    lua_pop(L, 1);   /* the string stays referenced by the table */
  }
  vgi_named_at(t, items, n, at);
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    if (at[i] >= 0) lua_pushinteger(L, at[i] + 1); else lua_pushboolean(L, 0);
    lua_rawseti(L, -2, i + 1);
  }
  free(items);
  free(at);
  return 1;
}

/* reveal_fill({time or false, ...}, n, dur [, {read, ...}]) -> { time, ... },
 * settle: every step's time from the named ones, and when the scene has
 * settled (vgi_reveal_fill); read: the seconds each step needs to be read
 * before the next replaces it (a quote's pages) */
static int l_reveal_fill(lua_State *L) {
  timing_ok(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer n = luaL_checkinteger(L, 2);
  double dur = luaL_checknumber(L, 3);
  int has_read = !lua_isnoneornil(L, 4);
  if (has_read) luaL_checktype(L, 4, LUA_TTABLE);
  if (n < 0 || n > 100000) return luaL_argerror(L, 2, "0 to 100000 steps");
  double *named = calloc((size_t)n + 1, sizeof *named), *times = calloc((size_t)n + 1, sizeof *times);
  double *read = has_read ? calloc((size_t)n + 1, sizeof *read) : NULL;
  if (!named || !times || (has_read && !read)) {
    free(named); free(times); free(read);
    return luaL_error(L, "out of memory");
  }
  for (lua_Integer i = 0; i < n; i++) {
    lua_rawgeti(L, 1, i + 1);
    named[i] = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : -1;
    if (named[i] != named[i]) named[i] = -1;
    lua_pop(L, 1);
    if (!read) continue;
    lua_rawgeti(L, 4, i + 1);
    read[i] = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : 0;
    if (!(read[i] >= 0 && read[i] < 1e6)) read[i] = 0;   /* NaN, negative, absurd */
    lua_pop(L, 1);
  }
  double settle = vgi_reveal_fill(named, read, (int)n, dur, times);
  lua_createtable(L, (int)n, 0);
  for (lua_Integer i = 0; i < n; i++) { lua_pushnumber(L, times[i]); lua_rawseti(L, -2, i + 1); }
  lua_pushnumber(L, settle);
  free(named);
  free(times);
  free(read);
  return 2;
}

/* quote_pages(text) -> { page, ... }: a long quote's pages, as the layout
 * shows them and the length model times them (empty: one page) */
static int l_quote_pages(lua_State *L) {
  const char *q = luaL_checkstring(L, 1);
  char **pages;
  int n = vgi_quote_pages(q, &pages);
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    lua_pushstring(L, pages[i]);
    lua_rawseti(L, -2, i + 1);
    free(pages[i]);
  }
  free(pages);
  return 1;
}

/* sentences(text [, lang]) -> { sentence, ... }: the narration's own
 * splitter (abbreviations per language, decimals, versions, file names), so
 * a scene split in Lua shares out whole sentences as the summary counts them */
static int l_sentences(lua_State *L) {
  const char *t = luaL_checkstring(L, 1);
  const char *lang = luaL_optstring(L, 2, NULL);
  int n = 0;
  char **ss = vgi_sentences_lang(t, lang, &n);
  lua_createtable(L, n > 0 ? n : 0, 0);
  for (int i = 0; i < n; i++) {
    lua_pushstring(L, ss[i]);
    lua_rawseti(L, -2, i + 1);
    free(ss[i]);
  }
  free(ss);
  return 1;
}

/* word_ends(text) -> { byte, ... }: where the words of Thai, Lao, Khmer and
 * Burmese end in text (1-based, the last byte of each; unspaced_words.c),
 * so a caption is cut between words of scripts that write no space; {}
 * for text without those scripts */
static int l_word_ends(lua_State *L) {
  size_t len;
  const char *t = luaL_checklstring(L, 1, &len);
  lua_newtable(L);
  if (!vgi_unspaced_text(t, len) || strlen(t) != len) return 1;
  enum { MAXW = 1024 };
  size_t *ws = malloc(2 * MAXW * sizeof *ws);
  if (!ws) return 1;
  int n = vgi_unspaced_split(t, ws, ws + MAXW, MAXW);
  for (int i = 0; i < n; i++) {
    lua_pushinteger(L, (lua_Integer)ws[MAXW + i]);
    lua_rawseti(L, -2, i + 1);
  }
  free(ws);
  return 1;
}

/* name_part(s, "slug"|"name", sep, max) -> s as a part of a file name
 * (file_names.c): folded to ASCII where a table spells it, other scripts'
 * letters kept, at most max bytes; "" when nothing is left */
static int l_name_part(lua_State *L) {
  const char *s = luaL_checkstring(L, 1);
  static const char *const modes[] = { "name", "slug", NULL };
  int slug = luaL_checkoption(L, 2, "slug", modes);
  size_t sl;
  const char *sep = luaL_optlstring(L, 3, slug ? "-" : "_", &sl);
  luaL_argcheck(L, sl == 1 && strchr("-_.", sep[0]), 3, "one of '-', '_', '.'");
  lua_Integer max = luaL_optinteger(L, 4, 100);
  luaL_argcheck(L, max >= 1 && max <= 255, 4, "1 to 255 bytes");
  char *r = vgi_name_part(s, slug ? VGI_NAME_SLUG : 0, sep[0], (size_t)max);
  if (!r) return luaL_error(L, "out of memory");
  lua_pushstring(L, r);
  free(r);
  return 1;
}

/* modules_error() -> nil, or why a copy of vg/timing.lua or vg/i18n.lua
 * (VGRUN_LUA_DIR) cannot be used: "<file>:<line>: ..." */
static int l_modules_error(lua_State *L) {
  const char *e = vgi_modules_error();
  if (e) lua_pushstring(L, e); else lua_pushnil(L);
  return 1;
}

/* timing() -> the seconds the length model reads from vg.timing */
static int l_timing(lua_State *L) {
  timing_ok(L);
  vgi_timing_push(L);
  return 1;
}

int vgmod_input_core(lua_State *L) {
  static const luaL_Reg fns[] = {
    { "load", l_load }, { "from_table", l_from_table }, { "validate", l_validate },
    { "voice_known", l_voice_known }, { "scene_types", l_scene_types },
    { "set_adapter", l_set_adapter }, { "add_scene_type", l_add_scene_type },
    { "speech_seconds", l_speech_seconds }, { "said_seconds", l_said_seconds }, { "scene_seconds", l_scene_seconds },
    { "named", l_named }, { "reveal_fill", l_reveal_fill }, { "quote_pages", l_quote_pages },
    { "sentences", l_sentences }, { "timing", l_timing }, { "modules_error", l_modules_error },
    { "silent_seconds", l_silent_seconds }, { "name_part", l_name_part }, { "word_ends", l_word_ends },
    { NULL, NULL },
  };
  luaL_newlib(L, fns);
  lua_pushnumber(L, VGI_WPM);
  lua_setfield(L, -2, "wpm");
  return 1;
}
