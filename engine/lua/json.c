/* json.c: cJSON <-> Lua. null is a sentinel (vg.null), arrays decoded from
 * JSON carry vg.array_mt so an empty one stays [], recursion guards the C
 * stack and the Lua stack (depth 200, luaL_checkstack). */
#include "lua_private.h"
#include "vg_utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 200

void vgl__setup_json(lua_State *L) {
  lua_pushlightuserdata(L, NULL);
  lua_setfield(L, LUA_REGISTRYINDEX, "vg.null");
  lua_newtable(L);
  lua_pushliteral(L, "object");
  lua_setfield(L, -2, "__jsontype");
  lua_setfield(L, LUA_REGISTRYINDEX, "vg.object_mt");
  lua_newtable(L);
  lua_pushliteral(L, "array");
  lua_setfield(L, -2, "__jsontype");
  lua_setfield(L, LUA_REGISTRYINDEX, "vg.array_mt");
}

/* Never raises (it runs outside protected calls too, e.g. when an event is
 * handed to Lua listeners): what lies deeper than MAX_DEPTH becomes nil. */
static void push_json(lua_State *L, const cJSON *j, int depth) {
  if (depth > MAX_DEPTH || !lua_checkstack(L, 3)) { lua_pushnil(L); return; }
  if (!j || cJSON_IsNull(j)) { lua_pushlightuserdata(L, NULL); return; }
  if (cJSON_IsBool(j)) { lua_pushboolean(L, cJSON_IsTrue(j)); return; }
  if (cJSON_IsNumber(j)) {
    double d = j->valuedouble;
    if (d == floor(d) && fabs(d) < 9007199254740992.0) lua_pushinteger(L, (lua_Integer)d);
    else lua_pushnumber(L, d);
    return;
  }
  if (cJSON_IsString(j)) { lua_pushstring(L, j->valuestring); return; }
  if (cJSON_IsArray(j)) {
    lua_createtable(L, cJSON_GetArraySize(j), 0);
    int i = 1;
    for (const cJSON *c = j->child; c; c = c->next) {
      push_json(L, c, depth + 1);
      lua_rawseti(L, -2, i++);
    }
    vgl_push_array_mt(L);
    lua_setmetatable(L, -2);
    return;
  }
  if (cJSON_IsObject(j)) {
    lua_createtable(L, 0, cJSON_GetArraySize(j));
    for (const cJSON *c = j->child; c; c = c->next) {
      push_json(L, c, depth + 1);
      lua_setfield(L, -2, c->string ? c->string : "");
    }
    return;
  }
  lua_pushnil(L); /* cJSON_Raw / invalid: nothing sensible */
}

void vgl_push_json(lua_State *L, const cJSON *json) { push_json(L, json, 0); }

void vgl_push_array_mt(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, "vg.array_mt"); }

/* Where the conversion is: one step per level, spelled out only when it
 * fails (a display list of a long video has some 10^5 values: formatting
 * each one's path took a third of the conversion). */
typedef struct step {
  const char *key;    /* an object's key, or NULL: an array's index */
  lua_Integer index;
} step;

struct guard;

typedef struct conv {
  lua_State *L;
  struct guard *guard;        /* what a Lua error raised mid-way would leak */
  vg_engine *interruptible;   /* its interrupt stops the conversion, or NULL */
  unsigned tables;            /* tables converted, to ask it now and then */
  int lenient;
  int nonfinite;
  char *err;
  size_t errlen;
  step path[MAX_DEPTH + 2];   /* path[1..depth]: the steps to the value */
} conv;

static cJSON *fail(conv *c, int depth, const char *what) {
  if (c->err && c->err[0] == '\0') {
    char path[512];
    size_t n = 0;
    path[0] = '\0';
    for (int d = 1; d <= depth && d <= MAX_DEPTH + 1 && n < sizeof path; d++) {
      const step *st = &c->path[d];
      int w = st->key ? snprintf(path + n, sizeof path - n, "%s%s", n ? "." : "", st->key)
                      : snprintf(path + n, sizeof path - n, "[%lld]", (long long)st->index);
      if (w < 0) break;
      n += (size_t)w;
    }
    if (n >= sizeof path) n = sizeof path - 1;
    path[n] = '\0';
    vg_snprintf_utf8(c->err, c->errlen, "%s%s%s", path, path[0] ? ": " : "", what);
  }
  return NULL;
}

static int is_array(lua_State *L, int idx, lua_Integer *n_out) {
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
  lua_Integer count = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    if (!lua_isinteger(L, -1)) { lua_pop(L, 1); return 0; }
    lua_Integer k = lua_tointeger(L, -1);
    if (k < 1 || k > n) { lua_pop(L, 1); return 0; }
    count++;
  }
  *n_out = n;
  return count == n;
}

static cJSON *to_json(conv *c, int idx, int depth);

/* An object's key: a string of the table (alive as long as the table holds
 * it), or a number spelled out in `own`. */
typedef struct okey {
  const char *s;
  char *own;
} okey;

static int cmp_keys(const void *a, const void *b) {
  return strcmp(((const okey *)a)->s, ((const okey *)b)->s);
}

/* What each level of the conversion holds that is not yet its parent's: a
 * container being filled, an object's spelled-out keys. A Lua error raised
 * mid-way (a metamethod that fails, an interrupt hook firing in one, a
 * stack overflow) unwinds past table_to_json's frees; the guard, a
 * userdata on the stack for the conversion, frees them when collected. */
typedef struct pend {
  cJSON *node;
  okey *keys;
  int nkeys;
  int heap;   /* keys were calloc'd (else the frame's own array) */
} pend;

typedef struct guard {
  pend at[MAX_DEPTH + 2];
} guard;

static void pend_free(pend *p) {
  cJSON_Delete(p->node);
  for (int i = 0; p->keys && i < p->nkeys; i++) free(p->keys[i].own);
  if (p->heap) free(p->keys);
  memset(p, 0, sizeof *p);
}

static int guard_gc(lua_State *L) {
  guard *g = lua_touserdata(L, 1);
  for (int d = 0; g && d < MAX_DEPTH + 2; d++) pend_free(&g->at[d]);
  return 0;
}

static pend *pending(conv *c, int depth) {
  return c->guard && depth >= 0 && depth < MAX_DEPTH + 2 ? &c->guard->at[depth] : NULL;
}

static cJSON *table_to_json(conv *c, int idx, int depth) {
  lua_State *L = c->L;
  if (c->interruptible && ++c->tables % 256 == 0 && vg_engine_interrupted(c->interruptible))
    return fail(c, 0, "interrupted!");
  int jsontype = 0; /* 0 guess, 1 object, 2 array */
  if (lua_getmetatable(L, idx)) {
    lua_getfield(L, -1, "__jsontype");
    const char *t = lua_tostring(L, -1);
    if (t && strcmp(t, "array") == 0) jsontype = 2;
    else if (t && strcmp(t, "object") == 0) jsontype = 1;
    lua_pop(L, 2);
  }
  lua_Integer n = 0;
  /* a table with no [1] is no array unless marked one: no walk to tell */
  int arr = jsontype == 1 || (jsontype == 0 && lua_rawlen(L, idx) == 0) ? 0 : is_array(L, idx, &n);
  if (jsontype == 2 || (jsontype == 0 && arr && n > 0)) {
    if (!arr) return fail(c, depth, "table marked as array has non-sequence keys");
    cJSON *a = cJSON_CreateArray();
    if (!a) return fail(c, depth, "out of memory");
    pend *pd = pending(c, depth);
    if (pd) pd->node = a;
    for (lua_Integer i = 1; i <= n; i++) {
      c->path[depth + 1] = (step){NULL, i};
      lua_rawgeti(L, idx, i);
      cJSON *v = to_json(c, lua_gettop(L), depth + 1);
      lua_pop(L, 1);
      if (!v) {
        if (c->lenient && c->err[0] == '\0') { cJSON_AddItemToArray(a, cJSON_CreateNull()); continue; }
        if (pd) pd->node = NULL;
        cJSON_Delete(a); return NULL;
      }
      cJSON_AddItemToArray(a, v);
    }
    if (pd) pd->node = NULL;
    return a;
  }
  /* objects come out with their keys sorted, so the same table always gives
   * the same bytes (Lua's iteration order changes from run to run) */
  int nkeys = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) { lua_pop(L, 1); nkeys++; }
  okey few[32];
  okey *keys = nkeys <= 32 ? few : calloc((size_t)nkeys, sizeof *keys);
  if (!keys) return fail(c, depth, "out of memory");
  int k = 0, bad = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    char keybuf[64];
    const char *key = NULL;
    if (lua_type(L, -1) == LUA_TSTRING) key = lua_tostring(L, -1);
    else if (lua_isinteger(L, -1)) { snprintf(keybuf, sizeof keybuf, "%lld", (long long)lua_tointeger(L, -1)); key = keybuf; }
    else if (lua_type(L, -1) == LUA_TNUMBER) { snprintf(keybuf, sizeof keybuf, "%.14g", lua_tonumber(L, -1)); key = keybuf; }
    if (!key) {
      if (c->lenient) continue;
      lua_pop(L, 1);
      bad = 1;
      break;
    }
    if (k >= nkeys) continue;
    keys[k].own = key == keybuf ? vg_strdup(keybuf) : NULL;
    keys[k].s = keys[k].own ? keys[k].own : key;
    if (key == keybuf && !keys[k].own) { lua_pop(L, 1); bad = 2; break; }
    k++;
  }
  /* (keys spelled out, rare, go to the heap for the guard to find: the
   * frame's own array is gone when an error unwinds it) */
  int owned = 0;
  for (int i = 0; i < k; i++) owned |= keys[i].own != NULL;
  if (owned && keys == few) {
    okey *h = malloc((size_t)k * sizeof *h);
    if (!h) abort();
    memcpy(h, few, (size_t)k * sizeof *h);
    keys = h;
  }
  cJSON *o = bad ? NULL : cJSON_CreateObject();
  cJSON *result = o;
  pend *pd = pending(c, depth);
  if (pd) *pd = (pend){ o, keys != few ? keys : NULL, keys != few ? k : 0, keys != few };
  if (!o) {
    result = fail(c, depth, bad == 1 ? "table key is not a string or number" : "out of memory");
  } else {
    qsort(keys, (size_t)k, sizeof *keys, cmp_keys);
  }
  for (int i = 0; o && i < k; i++) {
    const char *key = keys[i].s;
    if (keys[i].own) {
      /* integer-looking keys were numbers in the table, unless a string key
       * of the same spelling exists */
      lua_getfield(L, idx, key);
      if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        char *end = NULL;
        double d = strtod(key, &end);
        if (end && *end == '\0') {
          if (d == (double)(lua_Integer)d) lua_rawgeti(L, idx, (lua_Integer)d);
          else { lua_pushnumber(L, d); lua_rawget(L, idx); }
        } else {
          lua_pushnil(L);
        }
      }
    } else {
      lua_getfield(L, idx, key);
    }
    c->path[depth + 1] = (step){key, 0};
    cJSON *v = to_json(c, lua_gettop(L), depth + 1);
    lua_pop(L, 1);
    if (!v) {
      if (c->lenient && c->err[0] == '\0') continue;
      cJSON_Delete(o);
      result = NULL;
      break;
    }
    cJSON_AddItemToObject(o, key, v);
  }
  if (pd) memset(pd, 0, sizeof *pd);
  for (int i = 0; i < k; i++) free(keys[i].own);
  if (keys != few) free(keys);
  return result;
}

static cJSON *to_json(conv *c, int idx, int depth) {
  lua_State *L = c->L;
  if (depth > MAX_DEPTH) return fail(c, depth, "nested deeper than 200 levels (a cycle?)");
  luaL_checkstack(L, 4, "JSON conversion");
  switch (lua_type(L, idx)) {
    case LUA_TNIL: return cJSON_CreateNull();
    case LUA_TBOOLEAN: return cJSON_CreateBool(lua_toboolean(L, idx));
    case LUA_TNUMBER: {
      double d = lua_tonumber(L, idx);
      if ((isnan(d) || isinf(d)) && !c->nonfinite) return fail(c, depth, "number is NaN or infinite");
      return cJSON_CreateNumber(d);
    }
    case LUA_TSTRING: return cJSON_CreateString(lua_tostring(L, idx));
    case LUA_TLIGHTUSERDATA:
      if (lua_touserdata(L, idx) == NULL) return cJSON_CreateNull();
      break;
    case LUA_TTABLE: return table_to_json(c, idx, depth);
    default: break;
  }
  if (c->lenient) return NULL; /* skipped: no error recorded */
  char what[64];
  snprintf(what, sizeof what, "cannot encode a %s value", luaL_typename(L, idx));
  return fail(c, depth, what);
}

cJSON *vgl_to_json_ex(lua_State *L, int idx, int flags, char *err, size_t errlen) {
  conv c = { .L = L, .lenient = (flags & VGL_JSON_SKIP) != 0, .nonfinite = (flags & VGL_JSON_NONFINITE) != 0, .err = err, .errlen = errlen,
             .interruptible = flags & VGL_JSON_INTERRUPTIBLE ? vgl_engine(L) : NULL };
  char dummy[1];
  if (!err || errlen == 0) { c.err = dummy; c.errlen = sizeof dummy; }
  c.err[0] = '\0';
  idx = lua_absindex(L, idx);
  c.guard = lua_newuserdatauv(L, sizeof *c.guard, 0);
  memset(c.guard, 0, sizeof *c.guard);
  if (luaL_newmetatable(L, "vg.json_guard")) {
    lua_pushcfunction(L, guard_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  cJSON *j = to_json(&c, idx, 0);
  memset(c.guard, 0, sizeof *c.guard);   /* (all handed over or freed) */
  lua_pop(L, 1);
  if (!j && c.err[0] == '\0') snprintf(c.err, c.errlen, "value cannot be encoded");
  return j;
}

cJSON *vgl_to_json(lua_State *L, int idx, char *err, size_t errlen) {
  return vgl_to_json_ex(L, idx, 0, err, errlen);
}
