#!/usr/bin/env bash
# Long documents in bounded memory: `vgrun create --detail full` of a
# generated Markdown document whose narration lasts about 10 and about 30
# minutes, each from a cold cache, printing the real length of what was made
# (ffprobe, every part: a Markdown video longer than about 11 minutes becomes
# parts), wall seconds and peak memory (/usr/bin/time %M). Peak memory should
# not grow with the length.
#   bench/create/bench_long.sh [BUILD_DIR] [MINUTES...]   (default: 10 30)
set -euo pipefail
BUILD=${1:-build}
shift || true
MINUTES=("$@")
[ ${#MINUTES[@]} -gt 0 ] || MINUTES=(10 30)
VGRUN=$BUILD/vgrun
T=$(mktemp -d /tmp/vgrun-bench-long.XXXXXX)
trap 'rm -rf "$T"' EXIT

# gen N: a document of N sections, each about 37 s of narration, cycling
# through prose, lists, code, quotes and tables so every scene type's plan is
# represented. Deterministic: the same N makes the same document.
gen() {
  local n=$1 i
  echo "# A Long Document"
  echo
  echo "A generated document to measure how vgrun's memory grows with the length of the video."
  for ((i = 1; i <= n; i++)); do
    echo
    echo "## Part $i of the long document"
    echo
    echo "This is part number $i. It explains one more idea in plain words, so that the narration of the section" \
         "runs for a while and the video grows with the document. Section $i builds on what came before it," \
         "and it leads to what comes next, as chapters in a long talk do."
    echo
    case $((i % 5)) in
      0) printf -- '- The first point of part %d, said in full\n- The second point, which adds a detail\n- The third point, which closes the list\n' "$i" ;;
      1) printf '```bash\nvgrun create --from part%d.md -o part%d.mp4\nvgrun frame part%d.md --scene 2 -o two.png\n```\n' "$i" "$i" "$i" ;;
      2) printf '> Part %d: a long video is many short ones, made one after the other.\n' "$i" ;;
      3) printf '| Step | Part %d |\n| --- | --- |\n| narration | spoken |\n| scenes | drawn |\n' "$i" ;;
      4) echo "A second paragraph for part $i says a little more about the same idea, in other words, so that the" \
              "listener hears it twice and remembers it. Then the section ends, and the next one starts." ;;
    esac
  done
}

printf '%-8s %9s %6s %9s %9s %10s\n' minutes length_s videos wall_s peak_MiB pictures
for m in "${MINUTES[@]}"; do
  # about 2.7 sections a minute (measured: 81 sections -> 1815 s)
  n=$(( (m * 27 + 5) / 10 ))
  gen "$n" >"$T/long$m.md"
  rm -rf "$T/cache" "$T/state" "$T/out"
  mkdir -p "$T/out"
  VGRUN_CACHE_DIR="$T/cache" VGRUN_STATE_DIR="$T/state" \
    /usr/bin/time -f "%e %M" -o "$T/time" "$VGRUN" create --detail full --from "$T/long$m.md" \
    -o "$T/out/" >"$T/stdout" 2>"$T/stderr" || { cat "$T/stderr" >&2; exit 1; }
  read -r wall mem <"$T/time"
  dur=0 videos=0
  for f in "$T"/out/*.mp4; do
    d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$f")
    dur=$(awk -v a="$dur" -v b="$d" 'BEGIN { print a + b }')
    videos=$((videos + 1))
  done
  pics=$(grep -hoE '"frames_encoded":[[:space:]]*[0-9]+' "$T"/state/tasks/*.json | grep -oE '[0-9]+$' |
    awk '{ s += $1 } END { print s }')
  printf '%-8s %9.1f %6d %9.2f %9d %10s\n' "$m" "$dur" "$videos" "$wall" $((mem / 1024)) "${pics:-?}"
done
