#!/usr/bin/env bash
# Two builds side by side: cold `vgrun create` runs of one document,
# alternated build by build (A, B, A, B ...), each from an empty cache and
# state. On a shared machine wall time moves by 2-3x from run to run and
# with the load; CPU seconds (user+sys of the process and the children it
# waited for) move much less, and alternating spreads the load over both
# builds alike. Prints each run, then per build the min and median of CPU
# seconds, the median of wall seconds, peak memory and page faults, the
# pictures encoded, the file's bytes and whether every run of the build made
# the same bytes (the output must be deterministic).
#   bench/create/bench_ab.sh OLD_BUILD_DIR NEW_BUILD_DIR [RUNS [SOURCE]]
# RUNS: runs per build (4 unless given); SOURCE: what `create --from` takes
# (bench/create/light_deck.md unless given; tests/create/all_types.yaml is
# the dense deck). A build directory is used as it is: copy build/ away
# (cp -a build /tmp/old) before rebuilding to keep the old one; vgrun finds
# its vgmedia.so beside it. Extra environment for one build only:
# A_ENV="NAME=value ..." and B_ENV="..." (e.g. VGRUN_LUA_DIR=... to compare
# two Lua trees with one binary). Where other work keeps the cores busy,
# `chrt -r 1 bench/create/bench_ab.sh ...` (root) runs it, and the children,
# ahead of that work, as on an idle machine: wall times become comparable.
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,20p "$0" >&2; exit 2; }
A=$1 B=$2 RUNS=${3:-4}
HERE=$(cd "$(dirname "$0")/../.." && pwd)
SRC=${4:-$HERE/bench/create/light_deck.md}
for d in "$A" "$B"; do [ -x "$d/vgrun" ] || { echo "bench_ab: no $d/vgrun" >&2; exit 2; }; done
T=$(mktemp -d /tmp/vgrun-ab.XXXXXX)
trap 'rm -rf "$T"' EXIT

# run LABEL BUILD ENV -> "cpu wall peak_MiB faults encoded bytes md5"
run() {
  local label=$1 build=$2 extra=$3
  rm -rf "$T/cache" "$T/state" "$T"/out.*
  # shellcheck disable=SC2086  # ENV is a list of NAME=value words
  env $extra VGRUN_STATE_DIR="$T/state" VGRUN_CACHE_DIR="$T/cache" \
    /usr/bin/time -f "%U %S %e %M %R" -o "$T/time" \
    "$build/vgrun" create --detail full --from "$SRC" -o "$T/out.mp4" >"$T/stdout" 2>"$T/stderr" ||
    { echo "bench_ab: $label failed:" >&2; cat "$T/stderr" >&2; return 1; }
  local u s e m f enc
  read -r u s e m f <"$T/time"
  enc=$(grep -hoE '"frames_encoded":[[:space:]]*[0-9]+' "$T"/state/tasks/*.json | grep -oE '[0-9]+$' |
    awk '{ s += $1 } END { print s + 0 }')
  awk -v u="$u" -v s="$s" -v e="$e" -v m="$m" -v f="$f" -v n="$enc" -v b="$(stat -c %s "$T/out.mp4")" \
    -v h="$(md5sum <"$T/out.mp4" | cut -c1-12)" 'BEGIN { printf "%.2f %.2f %d %d %d %d %s\n", u + s, e, m / 1024, f, n, b, h }'
}

printf '%-3s %4s %7s %7s %6s %7s %7s %9s %s\n' build run cpu_s wall_s peak faults encoded bytes md5
: >"$T/A"; : >"$T/B"
for i in $(seq 1 "$RUNS"); do
  for side in A B; do
    if [ $side = A ]; then line=$(run A "$A" "${A_ENV:-}"); else line=$(run B "$B" "${B_ENV:-}"); fi
    echo "$line" >>"$T/$side"
    printf '%-3s %4d %7s %7s %6s %7s %7s %9s %s\n' "$side" "$i" $line
  done
done

summary() { # summary SIDE DIR
  awk -v side="$1" -v dir="$2" '
    { cpu[NR] = $1; wall[NR] = $2; peak[NR] = $3; faults[NR] = $4; enc = $5; bytes = $6; md5[$7] = 1 }
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
      n = NR; same = 0; for (k in md5) same++
      c_min = cpu[1]; for (i = 2; i <= n; i++) if (cpu[i] < c_min) c_min = cpu[i]
      printf "%s %s: cpu min %.2f median %.2f s, wall median %.2f s, peak median %d MiB, faults median %d, encoded %d, %d bytes, %s\n",
        side, dir, c_min, median(cpu, n), median(wall, n), median(peak, n), median(faults, n), enc, bytes,
        same == 1 ? "same bytes every run" : "DIFFERENT bytes from run to run"
    }' "$T/$1"
}
echo "document: $SRC"
summary A "$A"
summary B "$B"
