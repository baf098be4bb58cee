#!/usr/bin/env bash
# The main job's speed: 1080p narrated videos from two documents.
#   - the light deck: a one-minute Markdown explainer (cold and --cfr cold,
#     alternated; warm; one edit)
#   - the dense deck: tests/create/all_types.yaml, every one of the twelve scene types
# Every ratio is to ONE reference, measured in the same run for each deck's
# own length: ffmpeg's CLI encoding one still 1080p image, decoded once and
# repeated by the loop filter, at -preset veryfast. Ratios are printed as
# "cold = 0.14x the reference" (smaller is faster), beside issue 17's targets.
# Quality: SSIM of each deck's video against a lossless encode (--crf 0) of
# the same pictures.
#   bench/create/bench_create.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
VGRUN=$BUILD/vgrun
HERE=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d /tmp/vgrun-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT
export VGRUN_STATE_DIR="$T/state"

# the light deck: a document whose narration lasts about a minute (edited below)
cp "$HERE/bench/create/light_deck.md" "$T/doc.md"

measure() { # measure LABEL CMD... -> prints wall seconds and peak KiB
  shift
  /usr/bin/time -f "%e %M" -o "$T/time" "$@" >"$T/stdout" 2>"$T/stderr" || { cat "$T/stderr" >&2; return 1; }
  read -r wall mem <"$T/time"
  echo "$wall $mem"
}
median3() { sort -n | sed -n 2p; }   # the middle of three lines, by the first field
list3() { awk '{printf "%s%.2f", (NR > 1 ? ", " : ""), $1}'; }

# pictures drawn and encoded by the last run, from its task file
pictures() {
  grep -hoE '"frames_(drawn|encoded)":[[:space:]]*[0-9]+' "$T"/state/tasks/*.json |
    sed -E 's/"frames_(drawn|encoded)":[[:space:]]*([0-9]+)/\2 \1/' | sort -k2 | tr '\n' ' ' | sed 's/ $//'
}

# cold_run OUT SOURCE [OPTION...]: one run from an empty cache and state,
# its "wall peak_KiB" added to $T/cold.OUT
cold_run() {
  local out=$1 src=$2; shift 2
  rm -rf "$T/cache" "$T/state" "$T/$out".*   # a cold run starts from nothing
  measure cold "$VGRUN" create --detail full --from "$src" "$@" -o "$T/$out.mp4" >>"$T/cold.$out"
}

# cold OUT SOURCE [OPTION...]: three cold runs; prints "median_wall
# median_peak_KiB" and leaves the runs in $T/cold.OUT
cold() {
  : >"$T/cold.$1"
  for run in 1 2 3; do cold_run "$@"; done
  median3 <"$T/cold.$1"
}

# ref NAME DUR: the reference for a video of DUR seconds, from a still of NAME.mp4
# at 5 s (or its middle); median of three; prints its wall seconds
ref() {
  local name=$1 dur=$2 at=5
  awk -v d="$dur" 'BEGIN { exit !(d < 10) }' && at=$(awk -v d="$dur" 'BEGIN { print d / 2 }')
  ffmpeg -v error -y -ss "$at" -i "$T/$name.mp4" -frames:v 1 "$T/$name.still.png"
  : >"$T/ref.$name"
  for run in 1 2 3; do
    measure ref ffmpeg -v error -y -i "$T/$name.still.png" -vf loop=loop=-1:size=1 -r 30 -t "$dur" \
      -c:v libx264 -preset veryfast -pix_fmt yuv420p "$T/ref.mp4" >>"$T/ref.$name"
  done
  median3 <"$T/ref.$name" | cut -d' ' -f1
}

# ssim NAME SOURCE...: SSIM (All) of NAME.mp4 against a lossless encode of the
# same pictures (--crf 0; its own cache, so the lossy segments are not reused)
ssim() {
  local name=$1; shift
  VGRUN_CACHE_DIR="$T/cache.lossless" "$VGRUN" create --detail full --from "$@" --crf 0 \
    -o "$T/$name.lossless.mp4" >/dev/null 2>"$T/stderr" || { cat "$T/stderr" >&2; echo "?"; return; }
  local v
  v=$(ffmpeg -v info -nostats -i "$T/$name.mp4" -i "$T/$name.lossless.mp4" -lavfi ssim -f null - 2>&1 |
    sed -nE 's/.*SSIM .* All:([0-9.]+).*/\1/p' | tail -1)
  # x264 codes qp 0 (lossless) only in the High 4:4:4 Predictive profile:
  # any other profile means this build's --crf 0 is not lossless
  local profile
  profile=$(ffprobe -v error -select_streams v -show_entries stream=profile -of csv=p=0 "$T/$name.lossless.mp4")
  case "$profile" in
    *4:4:4*) ;;
    *) v="$v (NOT against lossless: --crf 0 made a $profile stream)" ;;
  esac
  echo "$v"
}
duration() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }

export VGRUN_CACHE_DIR="$T/cache"

# ---- the light deck -------------------------------------------------------
# the default (VFR) and --cfr cold runs alternated, the same document and the
# same fresh cache and state for both, so neither gains from running later
# (the page cache, the state folder): --cfr first, so the cache is VFR's after
: >"$T/cold.cfr"; : >"$T/cold.light"
for run in 1 2 3; do
  cold_run cfr "$T/doc.md" --cfr
  cold_run light "$T/doc.md"
done
read -r cold_wall cold_mem < <(median3 <"$T/cold.light")
cold_all=$(list3 <"$T/cold.light")
read -r cfr_wall cfr_mem < <(median3 <"$T/cold.cfr")
cfr_all=$(list3 <"$T/cold.cfr")
pic_light=$(pictures)
dur=$(duration "$T/light.mp4")
read -r warm_wall warm_mem < <(measure warm "$VGRUN" create --detail full --from "$T/doc.md" -o "$T/light.mp4")
cp "$T/doc.md" "$T/doc.orig.md"
sed -i 's/offline, and every word is timed to the sample/offline, and each word is timed exactly/' "$T/doc.md"
read -r edit_wall edit_mem < <(measure edit "$VGRUN" create --detail full --from "$T/doc.md" -o "$T/edit.mp4")
edit_line=$(grep -o '[0-9]* made, [0-9]* from cache' "$T/stdout" || true)
ref_light=$(ref light "$dur")
ssim_light=$(ssim light "$T/doc.orig.md")

# ---- the dense deck: all twelve scene types --------------------------------
DENSE="$HERE/tests/create/all_types.yaml"
read -r dcold_wall dcold_mem < <(cold dense "$DENSE")
dcold_all=$(list3 <"$T/cold.dense")
pic_dense=$(pictures)
ddur=$(duration "$T/dense.mp4")
ref_dense=$(ref dense "$ddur")
ssim_dense=$(ssim dense "$DENSE")

awk -v d="$dur" -v c="$cold_wall" -v cm="$cold_mem" -v w="$warm_wall" -v e="$edit_wall" \
    -v f="$cfr_wall" -v fa="$cfr_all" -v r="$ref_light" -v el="$edit_line" -v ca="$cold_all" -v pic="$pic_light" \
    -v sl="$ssim_light" -v dd="$ddur" -v dc="$dcold_wall" -v dm="$dcold_mem" -v da="$dcold_all" \
    -v dp="$pic_dense" -v dr="$ref_dense" -v sd="$ssim_dense" 'BEGIN {
  printf "create bench, 1080p. reference = ffmpeg encoding one still 1080p image for the same length\n"
  printf "  (-i still.png -vf loop=loop=-1:size=1 -r 30 -c:v libx264 -preset veryfast -pix_fmt yuv420p;\n"
  printf "   median of 3, same run). \"cold = 0.10x the reference\" means vgrun took a tenth of its time.\n"
  printf "light deck: a %.1f s narrated video from Markdown\n", d
  printf "  cold (empty cache)     %6.2f s  %6.1fx real time  peak %d MiB  cold = %.3fx the reference (target <= 0.07x)\n", c, d / c, cm / 1024, c / r
  printf "                                  (median of %s s; %.2f s per 60 s of video; pictures: %s)\n", ca, c * 60 / d, pic
  printf "  unchanged re-run       %6.2f s\n", w
  printf "  one scene edited       %6.2f s  (%s)\n", e, el
  printf "  --cfr, cold            %6.2f s  cfr = %.3fx the reference  (median of %s s, alternated with the cold runs)\n", f, f / r, fa
  printf "  ffmpeg reference       %6.2f s  (%.1f s of video)\n", r, d
  printf "  SSIM vs lossless       %s  (target >= 0.995)\n", sl
  printf "dense deck: tests/create/all_types.yaml, all twelve scene types, %.1f s\n", dd
  printf "  cold (empty cache)     %6.2f s  %6.1fx real time (target >= 25x)  peak %d MiB  cold = %.3fx the reference (target <= 0.15x)\n", dc, dd / dc, dm / 1024, dc / dr
  printf "                                  (median of %s s; %.2f s per 60 s of video; pictures: %s)\n", da, dc * 60 / dd, dp
  printf "  ffmpeg reference       %6.2f s  (%.1f s of video)\n", dr, dd
  printf "  SSIM vs lossless       %s  (target >= 0.995)\n", sd
}'
