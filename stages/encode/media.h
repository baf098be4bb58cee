/* media.h: the encoder as a table of functions, for the vgrun program.
 *
 * FFmpeg's libraries pull in some 130 shared libraries (every codec Debian
 * builds them with), and loading them took 0.17-0.23 s of every vgrun
 * command, most of a `vgrun scenes` or an unchanged re-run. libvg links the
 * encoder as usual; the vgrun program instead carries the encoder in a
 * module of its own (vgmedia.so, media_api.c) and opens it the first time
 * something is encoded, joined or decoded (media_load.c). What needs no
 * encoding (a segment's cache key: options.c) stays in the program. */
#pragma once

#include "encode.h"

/* 2: vge_frame.fleeting (the frame source and the module must agree on
 * vge_frame: a module of another build is refused, not misread) */
#define VGE_MEDIA_ABI 2

typedef struct vge_media_api {
  int abi;   /* VGE_MEDIA_ABI, and the size below */
  size_t size;
  int (*encode_segment)(const vge_segment *s, vge_result *r);
  int (*encode_segments)(const vge_segment *segs, int n, int jobs, vge_result *results);
  int (*encode_all)(const vge_segment *segs, int n, int jobs, vge_result *results,
                    const vge_audio *audio, vge_result *audio_result);
  int (*encode_audio)(const vge_audio *a, vge_result *r);
  int (*read_recording)(const char *path, const vge_recording_opts *o, vge_recording_info *info,
                        char *err, size_t errlen);
  int (*join_files)(const vge_join *j, vge_result *r);
  int (*keyframes_get)(void *ud, int64_t index, double t, vge_frame *out);
  void (*keyframes_free)(vge_keyframes *kf);
  /* the libraries' own versions, as they answer at run time */
  const char *ffmpeg;
  unsigned avcodec, avformat, avutil, swscale, swresample;
} vge_media_api;

/* The module's one exported symbol. */
const vge_media_api *vge_media_api_v1(void);

/* vgrun: the module, opened once (any thread); NULL with the reason in err. */
const vge_media_api *vge_media_load(char *err, size_t errlen);
/* vgrun: opens the module on a thread of its own (the first call only), so
 * that a command that will encode finds it loaded (libvg: does nothing). */
void vge_media_preload(void);
