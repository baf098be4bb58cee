#!/usr/bin/env bash
# make fuzz: runs every libFuzzer harness for FUZZ_SECONDS (default 60) over
# a working copy of its seed corpus; a crash is saved beside the seeds in
# tests/fuzz/corpus/<target>/ so that ctest replays it from then on.
set -uo pipefail
BUILD=${1:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
cd "$(dirname "$0")/.."
W=$(mktemp -d /tmp/vgrun-fuzz.XXXXXX)
trap 'rm -rf "$W"' EXIT
status=0
printf '%-10s %12s %10s  %s\n' target executions exec/s result
for h in "$BUILD"/tests/fuzz/fuzz_*; do
  [ -x "$h" ] || continue
  t=${h##*/fuzz_}
  mkdir -p "$W/$t"
  cp -r tests/fuzz/corpus/"$t"/. "$W/$t"/ 2>/dev/null
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
    "$h" "$W/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="tests/fuzz/corpus/$t/crash-" -print_final_stats=1 >"$W/$t.log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$W/$t.log" | grep -o '[0-9]*$')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$W/$t.log" | grep -o '[0-9]*$')
  if [ $rc -eq 0 ]; then result=clean; else result="FOUND (see tests/fuzz/corpus/$t/crash-*)"; status=1; tail -30 "$W/$t.log"; fi
  printf '%-10s %12s %10s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$result"
done
exit $status
