#!/usr/bin/env bash
# Disk full and unwritable outputs: a clear error naming the path, exit 1,
# the task marked failed with the reason, no partial output. A full cache is
# only a warning (said once, naming the path): the video is still made.
# Needs root for small tmpfs mounts; skips otherwise.
. "$(dirname "$0")/../lib.sh"
[ "$(id -u)" -eq 0 ] || { echo "skip: needs root to mount a small tmpfs"; exit 77; }
vg_scratch full
mkdir -p "$T/full" "$T/ro" "$T/cachefs"
mount -t tmpfs -o size=24k tmpfs "$T/full" 2>/dev/null || { echo "skip: cannot mount tmpfs here"; exit 77; }
at_exit() { umount "$T/full" "$T/ro" "$T/cachefs" 2>/dev/null; }
mount -t tmpfs -o ro,size=1m tmpfs "$T/ro"
mount -t tmpfs -o size=160k tmpfs "$T/cachefs"
FIX=tests/create/small.yaml
ARGS=(--resolution 640x360)
task_status() { "$VGRUN" tasks list | awk -v id="$1" '$1 ~ id { print $2 }' | head -1; }

VGRUN_CACHE_DIR="$T/cache0" "$VGRUN" create --from "$FIX" -o "$T/ref.mp4" "${ARGS[@]}" >/dev/null 2>&1 || { echo "reference run failed"; exit 1; }

# 1. the output's filesystem is full
VGRUN_CACHE_DIR="$T/cache1" "$VGRUN" create --from "$FIX" -o "$T/full/out.mp4" "${ARGS[@]}" --task-id full-out >"$T/o1" 2>&1
rc=$?
[ $rc -eq 1 ] && ok || bad "disk full: exit $rc, wanted 1"
has "$T/o1" "No space left on device" && ok || bad "disk full: no clear reason"
has "$T/o1" "$T/full/out.mp4" && ok || bad "disk full: the path is not named"
[ -z "$(ls -A "$T/full" 2>/dev/null | grep -v '^lost')" ] && ok || bad "disk full: files left behind: $(ls -A "$T/full")"
[ "$(task_status full-out)" = "failed" ] && ok || bad "disk full: task not marked failed"
"$VGRUN" tasks show full-out >"$T/s1" 2>&1; has "$T/s1" "No space left" && ok || bad "disk full: the reason is not in the task state"

# 2. a read-only output directory
VGRUN_CACHE_DIR="$T/cache1" "$VGRUN" create --from "$FIX" -o "$T/ro/out.mp4" "${ARGS[@]}" --task-id ro-out >"$T/o2" 2>&1
rc=$?
[ $rc -eq 1 ] && ok || bad "read-only: exit $rc, wanted 1"
has "$T/o2" "$T/ro/out.mp4" && ok || bad "read-only: the path is not named"
has "$T/o2" "Read-only file system" && ok || bad "read-only: no clear reason"

# 3. the cache's filesystem fills up mid-run: a cache write failure is a
#    warning, said once with the path; the video is still made, identical;
#    with room again, the same command stores its entries and gives the same bytes
VGRUN_CACHE_DIR="$T/cachefs" "$VGRUN" create --from "$FIX" -o "$T/out3.mp4" "${ARGS[@]}" --task-id full-cache >"$T/o3" 2>&1
rc=$?
[ $rc -eq 0 ] && ok || bad "cache full: exit $rc, wanted 0: $(tail -3 "$T/o3")"
has "$T/o3" "No space left on device" && ok || bad "cache full: no clear reason"
has "$T/o3" "$T/cachefs/" && ok || bad "cache full: the path is not named"
[ "$(grep -c 'No space left' "$T/o3")" -eq 1 ] && ok || bad "cache full: reported more than once"
cmp -s "$T/ref.mp4" "$T/out3.mp4" && ok || bad "cache full: the video differs"
[ "$(task_status full-cache)" = "completed" ] && ok || bad "cache full: task not completed"
mount -o remount,size=64m "$T/cachefs"
rm -f "$T/out3.mp4"
VGRUN_CACHE_DIR="$T/cachefs" "$VGRUN" create --from "$FIX" -o "$T/out3.mp4" "${ARGS[@]}" --task-id full-cache-2 >"$T/o4" 2>&1
rc=$?
[ $rc -eq 0 ] && ok || bad "after the cache had room again: exit $rc: $(tail -3 "$T/o4")"
cmp -s "$T/ref.mp4" "$T/out3.mp4" && ok || bad "after the cache had room again: the video differs"
[ -n "$(ls "$T/cachefs/v2" 2>/dev/null)" ] && ok || bad "after the cache had room again: nothing stored"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
