#!/usr/bin/env bash
# Page faults of a cold `vgrun create` of the two decks of bench_create.sh
# (the light deck, bench/create/light_deck.md, and the dense deck,
# tests/create/all_types.yaml), counted rather than timed: where a fresh page
# costs 12-60 us (a virtual machine's first touch) they are a large part of a
# cold create, and on a loaded machine a count is repeatable where seconds are
# not. For each deck, three runs each from an empty cache and state:
#   minor   faults the process and the children it waited for took
#           (/usr/bin/time %R; a page populated in one call counts as well)
#   trapped faults taken one page at a time by touching it (perf's
#           page-faults event; "-" without perf)
#   peak    peak resident memory (MiB)
#   encoded pictures encoded
#   bench/create/bench_faults.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
VGRUN=$BUILD/vgrun
HERE=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d /tmp/vgrun-faults.XXXXXX)
trap 'rm -rf "$T"' EXIT
export VGRUN_STATE_DIR="$T/state" VGRUN_CACHE_DIR="$T/cache"
PERF=
if command -v perf >/dev/null && perf stat -e page-faults -x, -o /dev/null true 2>/dev/null; then PERF=perf; fi

run() { # run NAME SOURCE -> "minor trapped peak_MiB encoded"
  local name=$1 src=$2 trapped=-
  rm -rf "$T/cache" "$T/state" "$T/$name".*
  local cmd=("$VGRUN" create --detail full --from "$src" -o "$T/$name.mp4")
  if [ -n "$PERF" ]; then
    /usr/bin/time -f "%R %M" -o "$T/time" perf stat -e page-faults -x, -o "$T/perf" "${cmd[@]}" \
      >"$T/stdout" 2>"$T/stderr" || { cat "$T/stderr" >&2; return 1; }
    trapped=$(grep page-faults "$T/perf" | cut -d, -f1)
  else
    /usr/bin/time -f "%R %M" -o "$T/time" "${cmd[@]}" >"$T/stdout" 2>"$T/stderr" ||
      { cat "$T/stderr" >&2; return 1; }
  fi
  local minor mem encoded
  read -r minor mem <"$T/time"
  encoded=$(grep -hoE '"frames_encoded":[[:space:]]*[0-9]+' "$T"/state/tasks/*.json | grep -oE '[0-9]+$' |
    awk '{ s += $1 } END { print s + 0 }')
  echo "$minor $trapped $((mem / 1024)) $encoded"
}

printf '%-6s %4s %8s %8s %8s %8s\n' deck run minor trapped peak_MiB encoded
for deck in light dense; do
  src=$HERE/bench/create/light_deck.md
  [ "$deck" = dense ] && src=$HERE/tests/create/all_types.yaml
  for i in 1 2 3; do
    read -r minor trapped mem enc < <(run "$deck" "$src")
    printf '%-6s %4d %8s %8s %8s %8s\n' "$deck" "$i" "$minor" "$trapped" "$mem" "$enc"
  done
done
