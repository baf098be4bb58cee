/* version.c: require("vg.versions").list() -> { {"libavcodec", "59.37.100"}, ... }:
 * the versions of the libraries this vgrun runs with, as each answers at
 * run time (a shared library may be newer than the headers it was built
 * with). `vgrun --version` prints them. Built into the vgrun program only. */
#define _GNU_SOURCE
#include <lua.h>
#include <lauxlib.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <uv.h>

#ifdef VG_HAVE_MEDIA
#include "media.h"   /* stages/encode: FFmpeg's versions come from the encoder module */
#endif
#if __has_include(<espeak-ng/speak_lib.h>)
#include <espeak-ng/speak_lib.h>
#define VG_HAVE_ESPEAK 1
#endif
#if __has_include(<cairo.h>)
#include <cairo.h>
#define VG_HAVE_CAIRO 1
#endif
#if __has_include(<pango/pango.h>)
#include <pango/pango.h>
#define VG_HAVE_PANGO 1
#endif

static void add(lua_State *L, const char *name, const char *version) {
  lua_createtable(L, 2, 0);
  lua_pushstring(L, name);
  lua_rawseti(L, -2, 1);
  lua_pushstring(L, version);
  lua_rawseti(L, -2, 2);
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
}

#ifdef VG_HAVE_MEDIA
static void add_av(lua_State *L, const char *name, unsigned v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%u.%u.%u", v >> 16, (v >> 8) & 0xff, v & 0xff);
  add(L, name, buf);
}
#endif

/* x264 has no version call; the encoder module loads it, and its file name carries
 * the API build (libx264.so.164 = core 164). */
static int find_x264(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  const char *base = info->dlpi_name ? strrchr(info->dlpi_name, '/') : NULL;
  base = base ? base + 1 : info->dlpi_name;
  if (base && strncmp(base, "libx264.so.", 11) == 0) {
    snprintf(data, 64, "core %s (%s)", base + 11, base);
    return 1;
  }
  return 0;
}

static int l_list(lua_State *L) {
  lua_newtable(L);
#ifdef VG_HAVE_MEDIA
  char err[512];
  const vge_media_api *m = vge_media_load(err, sizeof err);
  if (m) {
    add(L, "FFmpeg", m->ffmpeg);
    add_av(L, "libavcodec", m->avcodec);
    add_av(L, "libavformat", m->avformat);
    add_av(L, "libavutil", m->avutil);
    add_av(L, "libswscale", m->swscale);
    add_av(L, "libswresample", m->swresample);
  } else {
    add(L, "FFmpeg", err);
  }
#endif
  char x264[64] = "";
  dl_iterate_phdr(find_x264, x264);
  add(L, "x264", x264[0] ? x264 : "not loaded");
#ifdef VG_HAVE_ESPEAK
  add(L, "espeak-ng", espeak_Info(NULL));
#endif
#ifdef VG_HAVE_CAIRO
  add(L, "Cairo", cairo_version_string());
#endif
#ifdef VG_HAVE_PANGO
  add(L, "Pango", pango_version_string());
#endif
  char lua[64];
  /* the release compiled against, and the core's version number at run time */
  snprintf(lua, sizeof lua, "%s (core %d)", LUA_RELEASE, (int)lua_version(L));
  add(L, "Lua", lua);
  add(L, "libuv", uv_version_string());
  return 1;
}

int vg_open_versions(lua_State *L) {
  static const luaL_Reg fns[] = {
    {"list", l_list},
    {NULL, NULL},
  };
  luaL_newlib(L, fns);
  return 1;
}
