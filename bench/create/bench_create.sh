#!/usr/bin/env bash
# The main job's speed: a 60-second 1080p narrated video from a document.
# Prints video length, wall time, x real time, peak memory, and the ratio to
# ffmpeg's CLI encoding one static 1080p image for the same duration at
# -preset veryfast, measured in the same run.
#   bench/create/bench_create.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
VGRUN=$BUILD/vgrun
T=$(mktemp -d /tmp/vgrun-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT
export VGRUN_STATE_DIR="$T/state"

# a document whose narration lasts about a minute
cat >"$T/doc.md" <<'MD'
# Sixty Seconds of vgrun

A benchmark document: one minute of narration over eight scenes, as an explainer would have.

## Reading

vgrun reads Markdown, YAML, JSON and subtitles, and turns each section into scenes with narration. Every problem in the input is reported with its file and line.

- Headings become scenes
- Lists become slides
- Code becomes a terminal

## Speaking

Every scene is spoken by espeak-ng, offline, and every word is timed to the sample. Those timings place the captions and reveal each item as it is read.

## Drawing

Cairo and Pango draw each scene crisply, wrap the text, and fit it on the screen.

```bash
vgrun create --from document:README.md
vgrun frame README.md --scene 2 -o two.png
```

## Encoding

Only frames that change are drawn and encoded, and scenes are encoded in parallel.

> Fast tools change how people work.

## Caching

Unchanged scenes come from the cache, so a second run takes a fraction of a second. Editing one scene makes that scene again, and nothing else.

| Step | Cached by |
| --- | --- |
| narration | text and voice |
| scenes | what they show |

## The end

That is the whole pipeline, from a document to a video with chapters and captions.
MD

measure() { # measure LABEL CMD... -> prints wall seconds and peak KiB
  shift
  /usr/bin/time -f "%e %M" -o "$T/time" "$@" >"$T/stdout" 2>"$T/stderr" || { cat "$T/stderr"; return 1; }
  read -r wall mem <"$T/time"
  echo "$wall $mem"
}

export VGRUN_CACHE_DIR="$T/cache"
# cold: the median of three runs, each with an empty cache and state
colds=()
for run in 1 2 3; do
  rm -rf "$T/cache" "$T/state" "$T"/out.*   # a cold run starts from nothing
  read -r w m < <(measure cold "$VGRUN" create --detail full --from "$T/doc.md" -o "$T/out.mp4")
  colds+=("$w $m")
done
read -r cold_wall cold_mem < <(printf '%s\n' "${colds[@]}" | sort -n | sed -n 2p)
cold_all=$(printf '%s\n' "${colds[@]}" | awk '{printf "%s%.2f", (NR > 1 ? ", " : ""), $1}')
pictures=$(grep -hoE '"frames_(drawn|encoded)":[[:space:]]*[0-9]+' "$T"/state/tasks/*.json |
  sed -E 's/"frames_(drawn|encoded)":[[:space:]]*([0-9]+)/\2 \1/' | sort -k2 | tr '\n' ' ' | sed 's/ $//')
dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$T/out.mp4")
read -r warm_wall warm_mem < <(measure warm "$VGRUN" create --detail full --from "$T/doc.md" -o "$T/out.mp4")
sed -i 's/offline, and every word is timed to the sample/offline, and each word is timed exactly/' "$T/doc.md"
read -r edit_wall edit_mem < <(measure edit "$VGRUN" create --detail full --from "$T/doc.md" -o "$T/out.mp4")
edit_line=$(grep -o '[0-9]* made, [0-9]* from cache' "$T/stdout" || true)
rm -rf "$T/cache"
read -r cfr_wall cfr_mem < <(measure cfr "$VGRUN" create --detail full --from "$T/doc.md" -o "$T/cfr.mp4" --cfr)

# the reference: ffmpeg's CLI, one still 1080p image, same duration
ffmpeg -v error -y -ss 5 -i "$T/out.mp4" -frames:v 1 "$T/still.png"
read -r ref_wall ref_mem < <(measure ref ffmpeg -v error -y -loop 1 -i "$T/still.png" -t "$dur" -r 30 \
  -c:v libx264 -preset veryfast -pix_fmt yuv420p "$T/ref.mp4")

awk -v d="$dur" -v c="$cold_wall" -v cm="$cold_mem" -v w="$warm_wall" -v e="$edit_wall" \
    -v f="$cfr_wall" -v r="$ref_wall" -v el="$edit_line" -v ca="$cold_all" -v pic="$pictures" 'BEGIN {
  printf "create bench: a %.1f s 1080p narrated video from Markdown\n", d
  printf "  cold (empty cache)     %6.2f s  %6.1fx real time  peak %d MiB  ffmpeg reference / cold = %.2fx\n", c, d / c, cm / 1024, r / c
  printf "                                  (median of %s s; %.2f s per 60 s of video; pictures: %s)\n", ca, c * 60 / d, pic
  printf "  unchanged re-run       %6.2f s\n", w
  printf "  one scene edited       %6.2f s  (%s)\n", e, el
  printf "  --cfr, cold            %6.2f s  cfr / ffmpeg reference = %.2f\n", f, f / r
  printf "  ffmpeg reference       %6.2f s  (ffmpeg -loop 1 -i still.png -t %.1f -preset veryfast)\n", r, d
}'
