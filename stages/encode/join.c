/* join.c: segments + audio -> the final MP4, by remuxing packets only.
 * Segment k's timestamps are offset by the summed lengths of segments 0..k-1
 * (exact integers in the stream time base, so nothing accumulates); the audio
 * track is copied as is, edit list (AAC priming) included. Chapters, title and
 * +faststart are added here. Output goes to a temp file renamed on success. */
#include "encode_private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/mathematics.h>

typedef struct vin {
  const vge_join *j;
  int seg;                 /* current segment index */
  AVFormatContext *ic;
  int si;                  /* its video stream */
  int64_t offset;          /* in the output video time base */
  int64_t seg_end;         /* max pts+duration in the segment's time base */
  int first;               /* next packet is the segment's first */
  AVRational out_tb;
  const AVCodecParameters *ref;
} vin;

static int open_input(const char *path, AVFormatContext **ic, enum AVMediaType type, int *si,
                      vge_result *r) {
  int ret;
  if ((ret = avformat_open_input(ic, path, NULL, NULL)) < 0) return vge_fail_av(r, ret, path);
  /* no avformat_find_stream_info: the MP4 headers hold all a remux needs,
   * and probing decodes frames (a 1080p IDR per segment on every re-run) */
  *si = av_find_best_stream(*ic, type, -1, -1, NULL, 0);
  if (*si < 0)
    return vge_fail(r, "join: %s has no %s stream", path, type == AVMEDIA_TYPE_VIDEO ? "video" : "audio");
  return 0;
}

/* Next video packet of the timeline, rescaled and offset; 1 = packet, 0 = end. */
static int vin_next(vin *v, AVPacket *pkt, vge_result *r) {
  for (;;) {
    if (!v->ic) {
      if (v->seg >= v->j->n) return 0;
      const char *path = v->j->segments[v->seg];
      if (open_input(path, &v->ic, AVMEDIA_TYPE_VIDEO, &v->si, r) != 0) return -1;
      const AVCodecParameters *p = v->ic->streams[v->si]->codecpar;
      if (p->codec_id != v->ref->codec_id || p->width != v->ref->width ||
          p->height != v->ref->height || p->extradata_size != v->ref->extradata_size ||
          (p->extradata_size && memcmp(p->extradata, v->ref->extradata, (size_t)p->extradata_size)))
        return vge_fail(r, "join: %s was encoded with other parameters than %s", path,
                        v->j->segments[0]);
      v->seg_end = 0;
      v->first = 1;
    }
    int ret = av_read_frame(v->ic, pkt);
    if (ret == AVERROR_EOF) {
      AVRational tb = v->ic->streams[v->si]->time_base;
      v->offset += av_rescale_q(v->seg_end, tb, v->out_tb);
      avformat_close_input(&v->ic);
      v->seg++;
      continue;
    }
    if (ret < 0) return vge_fail_av(r, ret, v->j->segments[v->seg]);
    if (pkt->stream_index != v->si) { av_packet_unref(pkt); continue; }
    if (v->first && !(pkt->flags & AV_PKT_FLAG_KEY))
      return vge_fail(r, "join: %s does not start with a keyframe", v->j->segments[v->seg]);
    v->first = 0;
    if (pkt->pts == AV_NOPTS_VALUE) pkt->pts = pkt->dts;
    if (pkt->dts == AV_NOPTS_VALUE) pkt->dts = pkt->pts;
    int64_t end = pkt->pts + pkt->duration;
    if (end > v->seg_end) v->seg_end = end;
    AVRational tb = v->ic->streams[v->si]->time_base;
    av_packet_rescale_ts(pkt, tb, v->out_tb);
    pkt->pts += v->offset;
    pkt->dts += v->offset;
    pkt->pos = -1;
    return 1;
  }
}

static int add_chapters(AVFormatContext *oc, const vge_join *j, vge_result *r) {
  if (j->nchapters <= 0) return 0;
  oc->chapters = av_calloc((size_t)j->nchapters, sizeof *oc->chapters);
  if (!oc->chapters) return vge_fail(r, "join: out of memory");
  for (int i = 0; i < j->nchapters; i++) {
    AVChapter *ch = av_mallocz(sizeof *ch);
    if (!ch) return vge_fail(r, "join: out of memory");
    oc->chapters[oc->nb_chapters++] = ch;
    ch->id = i + 1;
    ch->time_base = (AVRational){1, 1000000};  /* the muxer rescales; keep precision */
    ch->start = llround(j->chapters[i].start * 1e6);
    ch->end = llround(j->chapters[i].end * 1e6);
    if (ch->end < ch->start) return vge_fail(r, "join: chapter %d ends before it starts", i + 1);
    if (j->chapters[i].title) av_dict_set(&ch->metadata, "title", j->chapters[i].title, 0);
  }
  return 0;
}

static int join_to(const vge_join *j, const char *path, vge_result *r) {
  AVFormatContext *oc = NULL, *first = NULL, *ain = NULL;
  AVPacket *vp = av_packet_alloc(), *ap = av_packet_alloc();
  AVDictionary *opts = NULL;
  vin v = {0};
  int ret, rc = -1, opened = 0, fsi, asi = -1;
  if (!vp || !ap) { vge_fail(r, "join: out of memory"); goto done; }

  if (open_input(j->segments[0], &first, AVMEDIA_TYPE_VIDEO, &fsi, r) != 0) goto done;
  if (j->audio && open_input(j->audio, &ain, AVMEDIA_TYPE_AUDIO, &asi, r) != 0) goto done;
  if ((ret = avformat_alloc_output_context2(&oc, NULL, "mp4", path)) < 0) {
    vge_fail_av(r, ret, "join: mp4 muxer"); goto done;
  }
  oc->flags |= AVFMT_FLAG_BITEXACT;
  if (j->title) av_dict_set(&oc->metadata, "title", j->title, 0);
  AVStream *vs = avformat_new_stream(oc, NULL), *as = NULL;
  if (!vs) { vge_fail(r, "join: out of memory"); goto done; }
  avcodec_parameters_copy(vs->codecpar, first->streams[fsi]->codecpar);
  vs->codecpar->codec_tag = 0;
  vs->time_base = first->streams[fsi]->time_base;
  vs->sample_aspect_ratio = first->streams[fsi]->sample_aspect_ratio;
  if (ain) {
    as = avformat_new_stream(oc, NULL);
    if (!as) { vge_fail(r, "join: out of memory"); goto done; }
    avcodec_parameters_copy(as->codecpar, ain->streams[asi]->codecpar);
    as->codecpar->codec_tag = 0;
    as->time_base = ain->streams[asi]->time_base;
  }
  if (add_chapters(oc, j, r) != 0) goto done;
  if ((ret = avio_open(&oc->pb, path, AVIO_FLAG_WRITE)) < 0) { vge_fail_av(r, ret, path); goto done; }
  opened = 1;
  if (!j->no_faststart) av_dict_set(&opts, "movflags", "+faststart", 0);
  /* edit lists count in the movie time scale (1000 by default): at 48000 the
   * audio track ends on its exact sample, not on a whole millisecond */
  av_dict_set(&opts, "movie_timescale", "48000", 0);
  if ((ret = avformat_write_header(oc, &opts)) < 0) { vge_fail_av(r, ret, "join: header"); goto done; }

  v.j = j;
  v.out_tb = vs->time_base; /* the muxer may have changed it */
  v.ref = first->streams[fsi]->codecpar;
  int have_v = vin_next(&v, vp, r);
  if (have_v < 0) goto done;
  int have_a = 0;
  int64_t vend = 0, aend = 0;
  AVRational a_in_tb = ain ? ain->streams[asi]->time_base : (AVRational){1, 1};
  if (ain) {
    while ((ret = av_read_frame(ain, ap)) >= 0 && ap->stream_index != asi) av_packet_unref(ap);
    have_a = ret >= 0;
    if (have_a) av_packet_rescale_ts(ap, a_in_tb, as->time_base);
  }
  while (have_v > 0 || have_a) {
    if (j->cancel && *j->cancel) { vge_fail(r, "cancelled"); goto done; }
    int take_v = have_v > 0 &&
                 (!have_a || av_compare_ts(vp->dts, vs->time_base, ap->dts, as->time_base) <= 0);
    if (take_v) {
      vp->stream_index = vs->index;
      if (vp->pts + vp->duration > vend) vend = vp->pts + vp->duration;
      if ((ret = av_interleaved_write_frame(oc, vp)) < 0) { vge_fail_av(r, ret, "join: write"); goto done; }
      have_v = vin_next(&v, vp, r);
      if (have_v < 0) goto done;
    } else {
      ap->stream_index = as->index;
      ap->pos = -1;
      if (ap->pts + ap->duration > aend) aend = ap->pts + ap->duration;
      if ((ret = av_interleaved_write_frame(oc, ap)) < 0) { vge_fail_av(r, ret, "join: write"); goto done; }
      while ((ret = av_read_frame(ain, ap)) >= 0 && ap->stream_index != asi) av_packet_unref(ap);
      if (ret < 0 && ret != AVERROR_EOF) { vge_fail_av(r, ret, j->audio); goto done; }
      have_a = ret >= 0;
      if (have_a) av_packet_rescale_ts(ap, a_in_tb, as->time_base);
    }
  }
  if ((ret = av_write_trailer(oc)) < 0) { vge_fail_av(r, ret, "join: trailer"); goto done; }
  double vd = vend * av_q2d(vs->time_base), ad = as ? aend * av_q2d(as->time_base) : 0;
  r->duration = vd > ad ? vd : ad;
  rc = 0;
done:
  if (opened) avio_closep(&oc->pb);
  av_dict_free(&opts);
  avformat_close_input(&v.ic);
  avformat_close_input(&first);
  avformat_close_input(&ain);
  avformat_free_context(oc);
  av_packet_free(&vp);
  av_packet_free(&ap);
  return rc;
}

int vge_join_files(const vge_join *j, vge_result *r) {
  memset(r, 0, sizeof *r);
  vge_av_init();
  if (!j->out || !*j->out) return vge_fail(r, "join: no output path");
  if (j->n <= 0 || !j->segments) return vge_fail(r, "join: no segments");
  char key[65];
  vge_join_key(j, key);
  if (vge_join_reused(j, key, r)) return 0;
  char tmp[VGE_PATH_MAX];
  if (vge_tmp_beside(j->out, tmp, sizeof tmp) != 0) return vge_fail(r, "join: %s", strerror(errno));
  if (join_to(j, tmp, r) != 0) {
    unlink(tmp);
    return -1;
  }
  if (vge_commit(tmp, j->out) != 0) return vge_fail(r, "join: %s: %s", j->out, strerror(errno));
  snprintf(r->path, sizeof r->path, "%s", j->out);
  r->rc = 0;
  vge_join_remember(j, key, r);
  return 0;
}
