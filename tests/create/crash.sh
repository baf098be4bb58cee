#!/usr/bin/env bash
# Crash safety of vgrun create: kill -9 at many points (inside every durable
# write, and at timed moments during the run), then the same command with
# --resume must finish with a file byte-identical to an uninterrupted run.
. "$(dirname "$0")/../lib.sh"
vg_scratch crash
FIX=tests/create/small.yaml
ARGS=(--resolution 640x360 --captions srt)

VGRUN_CACHE_DIR="$T/c0" VGRUN_STATE_DIR="$T/s0" "$VGRUN" create --from "$FIX" -o "$T/ref.mp4" "${ARGS[@]}" >/dev/null || { echo "reference run failed"; exit 1; }
ref=$(md5sum <"$T/ref.mp4")

points=0
resume_and_compare() { # NAME
  local n=$1
  if [ -e "$T/out$n.mp4" ] && [ "$(md5sum <"$T/out$n.mp4")" != "$ref" ]; then
    bad "$n: a killed run left a different $T/out$n.mp4"
  fi
  VGRUN_CACHE_DIR="$T/c$n" VGRUN_STATE_DIR="$T/s$n" "$VGRUN" create --from "$FIX" -o "$T/out$n.mp4" "${ARGS[@]}" --resume >"$T/log$n" 2>&1
  local rc=$?
  if [ $rc -ne 0 ]; then bad "$n: resume exited $rc: $(tail -3 "$T/log$n")"; return; fi
  if [ "$(md5sum <"$T/out$n.mp4")" = "$ref" ]; then ok; else bad "$n: resumed file differs from the uninterrupted one"; fi
  points=$((points + 1))
  rm -rf "$T/c$n" "$T/s$n" "$T/out$n".*
}

# inside the Nth durable write (state files, cache entries, outputs)
for n in $(seq 1 60); do
  VGRUN_CRASH_AT=$n VGRUN_CACHE_DIR="$T/c$n" VGRUN_STATE_DIR="$T/s$n" "$VGRUN" create --from "$FIX" -o "$T/out$n.mp4" "${ARGS[@]}" >/dev/null 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    rm -rf "$T/c$n" "$T/s$n" "$T/out$n".*
    echo "the run makes $((n - 1)) durable writes"
    break
  fi
  [ $rc -eq 137 ] || bad "write $n: expected SIGKILL (137), got $rc"
  resume_and_compare "$n"
done

# at timed moments, with SIGKILL from outside
for d in 0.05 0.15 0.3 0.5 0.8 1.2; do
  n="t$d"
  VGRUN_CACHE_DIR="$T/c$n" VGRUN_STATE_DIR="$T/s$n" "$VGRUN" create --from "$FIX" -o "$T/out$n.mp4" "${ARGS[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "$d"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  resume_and_compare "$n"
done

echo "kill points tested: $points"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
