/* adapters.c: the way from the input part to adapters written outside C
 * (Lua plug-ins). The Lua binding installs the hooks (input_lua.c); the
 * input.load stage and vg.input.load call them on the loop thread. No Lua
 * here: this part's C never includes a Lua header outside its binding. */
#include "input.h"

#include <stdlib.h>

/* The same function for every engine (input_lua.c's): each engine's adapters
 * live in its own Lua state, so nothing per engine is kept here. */
static vgi_adapter_hook adapter_hook;
static vgi_types_hook types_hook;
/* atomics: engines on other threads may read while one installs (the same
 * functions every time) */
void vgi_set_adapter_hook(vgi_adapter_hook read, vgi_types_hook types) {
  __atomic_store_n(&adapter_hook, read, __ATOMIC_RELEASE);
  __atomic_store_n(&types_hook, types, __ATOMIC_RELEASE);
}
int vgi_adapter_read(struct vg_engine *e, const char *path, const vgi_options *opts, cJSON **doc,
                     vgi_diags *d) {
  *doc = NULL;
  vgi_adapter_hook fn = __atomic_load_n(&adapter_hook, __ATOMIC_ACQUIRE);
  return fn ? fn(e, path, opts, doc, d) : 0;
}
char **vgi_extra_types(struct vg_engine *e) {
  vgi_types_hook fn = __atomic_load_n(&types_hook, __ATOMIC_ACQUIRE);
  return fn ? fn(e) : NULL;
}
void vgi_free_list(char **l) {
  for (size_t i = 0; l && l[i]; i++) free(l[i]);
  free(l);
}
