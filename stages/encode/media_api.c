/* media_api.c: vgmedia.so's one exported symbol, the encoder's functions as
 * a table (media.h). Everything else in the module is hidden. */
#include "media.h"

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
#include <pthread.h>

static vge_media_api g_api = {
  .abi = VGE_MEDIA_ABI,
  .size = sizeof(vge_media_api),
  .encode_segment = vge_encode_segment,
  .encode_segments = vge_encode_segments,
  .encode_all = vge_encode_all,
  .encode_audio = vge_encode_audio,
  .read_recording = vge_read_recording,
  .join_files = vge_join_files,
  .keyframes_get = vge_keyframes_get,
  .keyframes_free = vge_keyframes_free,
};
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void fill_versions(void) {
  g_api.ffmpeg = av_version_info();
  g_api.avcodec = avcodec_version();
  g_api.avformat = avformat_version();
  g_api.avutil = avutil_version();
  g_api.swscale = swscale_version();
  g_api.swresample = swresample_version();
}

__attribute__((visibility("default"))) const vge_media_api *vge_media_api_v1(void) {
  pthread_once(&g_once, fill_versions);
  return &g_api;
}
