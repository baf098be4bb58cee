#!/usr/bin/env bash
# tests/create/redraw_regions.sh: the video stage draws only what changed
# (a reveal's band, the part of a scene fading in that moved, the blend
# where two scenes differ) and tells the encoder that rectangle. Its pictures
# must be the pictures of whole redraws (VGRUN_WHOLE_REDRAW=1): every scene
# type and every crossfade of tests/create/all_types.yaml, with and without
# burnt-in captions, encoded losslessly (--crf 0) and compared frame by frame.
# Cairo may round a pixel by one or two levels where a clipped region takes
# another compositing path, so a frame passes at 85 dB PSNR (RGB) or more;
# a stale or missing rectangle costs far more (a wrong item: < 40 dB).
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg
vg_scratch regions

make_video() { # make_video OUT [create options...]
  local out=$1; shift
  VGRUN_CACHE_DIR="$T/cache.$out" "$VGRUN" create "$HERE/all_types.yaml" -o "$T/$out.mp4" \
    --resolution 480x270 --crf 0 "$@" >"$T/$out.log" 2>&1 || bad "create $out: $(tail -3 "$T/$out.log")"
}

for caps in plain burn; do
  opts=()
  [ "$caps" = burn ] && opts=(--captions burn)
  make_video "regions.$caps" "${opts[@]}"
  VGRUN_WHOLE_REDRAW=1 make_video "whole.$caps" "${opts[@]}"
  [ -s "$T/regions.$caps.mp4" ] && [ -s "$T/whole.$caps.mp4" ] || continue
  # the same pictures at the same times: VFR keeps only changed pictures
  ffmpeg -v error -i "$T/regions.$caps.mp4" -fps_mode passthrough -f framemd5 - 2>/dev/null |
    grep -v '^#' | awk -F, '$1 == 0 {print $2}' >"$T/pts.regions.$caps"
  ffmpeg -v error -i "$T/whole.$caps.mp4" -fps_mode passthrough -f framemd5 - 2>/dev/null |
    grep -v '^#' | awk -F, '$1 == 0 {print $2}' >"$T/pts.whole.$caps"
  cmp -s "$T/pts.regions.$caps" "$T/pts.whole.$caps" || bad "$caps: the two videos' frames are at different times"
  frames=$(wc -l <"$T/pts.whole.$caps")
  [ "$frames" -gt 100 ] || bad "$caps: only $frames frames"
  ffmpeg -v error -i "$T/regions.$caps.mp4" -i "$T/whole.$caps.mp4" -lavfi \
    "[0]format=rgb24[a];[1]format=rgb24[b];[a][b]psnr=stats_file=$T/psnr.$caps" -f null - 2>/dev/null
  [ -s "$T/psnr.$caps" ] || { bad "$caps: no comparison"; continue; }
  read -r compared differ worst < <(awk '{
      n++; for (i = 1; i <= NF; i++) if ($i ~ /^psnr_avg:/) { split($i, a, ":");
        if (a[2] != "inf") { d++; if (w == "" || a[2] + 0 < w) w = a[2] + 0 } } }
      END { print n, d + 0, (w == "" ? "inf" : w) }' "$T/psnr.$caps")
  echo "$caps: $compared frames compared, $differ differ by rounding, worst $worst dB"
  [ "$compared" -ge "$frames" ] || bad "$caps: compared $compared of $frames frames"
  awk -v w="$worst" 'BEGIN { exit !(w == "inf" || w + 0 >= 85) }' ||
    bad "$caps: a frame drawn by regions is not the whole redraw's picture ($worst dB)"
done
exit $((fail > 0))
