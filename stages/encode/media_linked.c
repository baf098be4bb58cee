/* media_linked.c: libvg links the encoder, so its table is at hand (media.h;
 * the vgrun program opens it from vgmedia.so instead: media_load.c). */
#include "media.h"

const vge_media_api *vge_media_load(char *err, size_t errlen) {
  (void)err;
  (void)errlen;
  return vge_media_api_v1();
}

void vge_media_preload(void) {}
