/* limits.c: the limits a document is held to (vg_limits). Every engine has
 * a set (vg_engine_limits), a task may carry its own, and a native stage
 * reads the one of its call (vg_call_limits): a copy made when the call was
 * made, so worker threads read it without a lock. */
#include "core_private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const vg_limits vg_limits_default = {
  .max_scenes = 100,
  .max_narration = 50000,
  .max_file_bytes = 32L << 20,
  .max_depth = 64,
  .max_markdown_depth = 100,
  .max_keys = 1024,
  .max_nodes = 200000,
  .max_picture_side = 16384,
  .max_picture_pixels = 64L << 20,
  .max_picture_bytes = 64L << 20,
  /* 8 pictures of the largest size, 60 of 3840x2160, hundreds of screenshots */
  .max_total_picture_pixels = 512L << 20,
};

/* One row per limit: its name, where it lives in the struct, its range. */
typedef struct limit_field {
  const char *name;
  size_t off;
  double min, max;
} limit_field;

#define F(n, lo, hi) { #n, offsetof(vg_limits, n), lo, hi }
static const limit_field fields[] = {
  F(max_scenes, 3, 100000),                /* a video splits into parts of max_scenes - 2 */
  F(max_narration, 1, 100L << 20),
  F(max_file_bytes, 1, 1L << 30),
  F(max_depth, 1, 10000),
  F(max_markdown_depth, 1, 10000),
  F(max_keys, 1, 1000000),
  F(max_nodes, 1, 100000000),
  /* the renderer draws nothing larger than the defaults (cairo's surfaces,
   * memory per picture): pictures may be held to less, not more */
  F(max_picture_side, 1, 16384),
  F(max_picture_pixels, 1, 64L << 20),
  F(max_picture_bytes, 1, 64L << 20),
  F(max_total_picture_pixels, 1, 1L << 36),
};
#undef F

static long *slot(vg_limits *l, const limit_field *f) { return (long *)((char *)l + f->off); }

int vg_limits_apply(vg_limits *l, const cJSON *o, char *err, size_t errlen) {
  if (!o || cJSON_IsNull(o)) return 0;
  if (!cJSON_IsObject(o)) { snprintf(err, errlen, "limits must be a table of numbers"); return -1; }
  vg_limits t = *l;   /* all or nothing: *l changes only when every field is good */
  for (const cJSON *x = o->child; x; x = x->next) {
    const limit_field *f = NULL;
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
      if (x->string && !strcmp(x->string, fields[i].name)) f = &fields[i];
    if (!f) {
      snprintf(err, errlen, "limits.%s: no such limit (known: max_scenes, max_narration, "
               "max_file_bytes, max_depth, max_markdown_depth, max_keys, max_nodes, "
               "max_picture_side, max_picture_pixels, max_picture_bytes, max_total_picture_pixels)", x->string ? x->string : "?");
      return -1;
    }
    double v = cJSON_IsNumber(x) ? x->valuedouble : NAN;
    if (!cJSON_IsNumber(x) || !isfinite(v) || v != floor(v) || v < f->min || v > f->max) {
      snprintf(err, errlen, "limits.%s must be a whole number from %.0f to %.0f", f->name, f->min, f->max);
      return -1;
    }
    *slot(&t, f) = (long)v;
  }
  *l = t;
  return 0;
}

cJSON *vg_limits_to_json(const vg_limits *l) {
  cJSON *o = cJSON_CreateObject();
  for (size_t i = 0; o && i < sizeof fields / sizeof *fields; i++)
    cJSON_AddNumberToObject(o, fields[i].name, (double)*slot((vg_limits *)l, &fields[i]));
  return o;
}

const vg_limits *vg_engine_limits(vg_engine *e) { return &e->limits; }
void vg_engine_set_limits(vg_engine *e, const vg_limits *l) { e->limits = l ? *l : vg_limits_default; }

const vg_limits *vg_call_limits(const vg_call *c) { return &c->limits; }
void vg__call_set_limits(vg_call *c, const vg_limits *l) { c->limits = l ? *l : c->e->limits; }
