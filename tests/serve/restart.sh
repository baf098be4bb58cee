#!/bin/bash
# The task manager survives kill -9: a process running a task is killed with
# SIGKILL in the middle of its video stage; the next process on the same data
# folder resumes the task (restore), and its MP4, SRT and VTT equal those of
# a clean `vgrun create` run with its own cache.
set -euo pipefail
VGRUN=${VGRUN:?VGRUN must name the vgrun binary}
command -v ffprobe >/dev/null || { echo "SKIP: ffprobe is not installed"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export VGRUN_STATE_DIR=$T/state
DRIVER=tests/serve/restart_driver.lua
DOC=tests/create/small.yaml

# 1. a fresh cache, so the narration is made in this run and the video is
#    cut off for real
set +e
VGRUN_CACHE_DIR=$T/cache "$VGRUN" "$DRIVER" first "$T/data" "$DOC" >"$T/first.out" 2>"$T/first.err"
rc=$?
set -e
if [ "$rc" -ne 137 ]; then
  echo "FAIL: the first run should have been killed by SIGKILL (137), exit $rc"
  cat "$T/first.out" "$T/first.err"; exit 1
fi
grep -q '^signal 9' "$T/first.out" || { echo "FAIL: not killed in the video stage"; cat "$T/first.out"; exit 1; }
id=$(sed -n 's/^id //p' "$T/first.out")
[ -n "$id" ] || { echo "FAIL: no task id"; exit 1; }
grep -q '"status":[[:space:]]*"running"' "$T/data/tasks/$id/task.json" \
  || { echo "FAIL: the record should still say running"; cat "$T/data/tasks/$id/task.json"; exit 1; }
[ ! -e "$T/data/tasks/$id/out/video.mp4" ] || { echo "FAIL: an MP4 before the video stage ended"; exit 1; }

# 2. the next start resumes it: the stages before video are not run again
VGRUN_CACHE_DIR=$T/cache "$VGRUN" "$DRIVER" again "$T/data" "$id" >"$T/again.out" 2>"$T/again.err" \
  || { echo "FAIL: the resumed task did not finish"; cat "$T/again.out" "$T/again.err"; exit 1; }
grep -Eq "^restored $id (queued|running)" "$T/again.out" || { echo "FAIL: not queued again"; cat "$T/again.out"; exit 1; }
grep -q "^final $id pipeline.completed" "$T/again.out" || { echo "FAIL: no completion"; cat "$T/again.out"; exit 1; }
grep -q 'stage.skipped narrate' "$T/again.out" || { echo "FAIL: narration made again"; cat "$T/again.out"; exit 1; }

# every event once: ids 1..N in the log, in order, the last one final
awk -F'"id":' '{ split($2, a, /[,}]/); if (a[1] != NR) { print "FAIL: event " NR " has id " a[1]; bad = 1 } }
  END { exit bad }' "$T/data/tasks/$id/events.jsonl"
tail -n 1 "$T/data/tasks/$id/events.jsonl" | grep -q '"final":[[:space:]]*true' || { echo "FAIL: the log does not end with the final event"; exit 1; }

# 3. a clean run of the same document with the same options, its own cache
mkdir "$T/clean"
cp "$DOC" "$T/clean/small.yaml"
VGRUN_CACHE_DIR=$T/cache2 "$VGRUN" create --from "$T/clean/small.yaml" -o "$T/clean/v.mp4" \
  --resolution 256x144 --fps 10 --captions srt,vtt >/dev/null
for ext in mp4 srt vtt; do
  cmp "$T/clean/v.$ext" "$T/data/tasks/$id/out/video.$ext" || { echo "FAIL: video.$ext differs from a clean run's"; exit 1; }
done
streams=$(ffprobe -v error -show_entries stream=codec_name -of csv=p=0 "$T/data/tasks/$id/out/video.mp4")
[[ "$streams" == *h264* && "$streams" == *aac* ]] || { echo "FAIL: streams: $streams"; exit 1; }

# 4. SIGINT (as `vgrun serve` gets on Ctrl-C) in the first of two tasks: the
#    running one is recorded as cancelled by the shutdown, the other stays
#    queued, nothing else starts; the next start finishes both
set +e
VGRUN_CACHE_DIR=$T/cache3 "$VGRUN" "$DRIVER" sigint "$T/data2" "$DOC" >"$T/int.out" 2>"$T/int.err"
rc=$?
set -e
[ "$rc" -eq 130 ] || { echo "FAIL: SIGINT should end the driver with 130, got $rc"; cat "$T/int.out" "$T/int.err"; exit 1; }
ids=$(sed -n 's/^id //p' "$T/int.out")
set -- $ids
[ $# -eq 2 ] || { echo "FAIL: two ids expected"; exit 1; }
grep -q '"cancelled_by":[[:space:]]*"shutdown"' "$T/data2/tasks/$1/task.json" \
  || { echo "FAIL: the running task should be recorded as cancelled by the shutdown"; cat "$T/data2/tasks/$1/task.json"; exit 1; }
grep -q '"status":[[:space:]]*"queued"' "$T/data2/tasks/$2/task.json" \
  || { echo "FAIL: the queued task should stay queued"; cat "$T/data2/tasks/$2/task.json"; exit 1; }
VGRUN_CACHE_DIR=$T/cache3 "$VGRUN" "$DRIVER" again "$T/data2" "$1" "$2" >"$T/int2.out" 2>"$T/int2.err" \
  || { echo "FAIL: the interrupted tasks did not finish"; cat "$T/int2.out" "$T/int2.err"; exit 1; }
for id in "$1" "$2"; do
  cmp "$T/clean/v.mp4" "$T/data2/tasks/$id/out/video.mp4" || { echo "FAIL: $id: the MP4 differs from a clean run's"; exit 1; }
done
echo "ok: killed in the video stage, resumed, and equal to a clean run; the same after SIGINT"
