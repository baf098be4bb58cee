#!/usr/bin/env bash
# vgrun create encodes the segments of planned scenes while it plans the
# rest (lua/vg/create/init.lua, early_encoder). The MP4 must be the same
# bytes as without it (--jobs 1 plans first and encodes after), and the
# report must count what was made early as made.
set -u
VGRUN=${VGRUN:-build/vgrun}
T=$(mktemp -d /tmp/vgrun-video-early.XXXXXX)
trap 'rm -rf "$T"' EXIT
DOC=tests/create/small.yaml
fails=0
check() { local what=$1; shift; if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi; }

# create NAME [args...]: a run with its own state folder; the task's report in $T/NAME.json
create() {
  local name=$1; shift
  VGRUN_STATE_DIR="$T/state.$name" "$VGRUN" -q create --from "$DOC" -o "$T/$name.mp4" "$@" >"$T/$name.out" 2>&1 ||
    { echo "create $name failed:"; cat "$T/$name.out"; exit 1; }
  cat "$T/state.$name"/tasks/*.json >"$T/$name.json"
}
# count NAME KEY: a number of the video stage's report
count() { grep -oE "\"$2\":[[:space:]]*[0-9]+" "$T/$1.json" | head -1 | grep -oE '[0-9]+$' || echo 0; }
same() { test "$(md5sum <"$T/$1.mp4")" = "$(md5sum <"$T/$2.mp4")"; }

VGRUN_CACHE_DIR="$T/cache.early" create early --jobs 2
VGRUN_CACHE_DIR="$T/cache.one" create one --jobs 1
VGRUN_CACHE_DIR="$T/cache.early" create warm --jobs 2
create nocache --no-cache --jobs 2

check "segments were encoded while later scenes were planned ($(count early segments_early))" \
  test "$(count early segments_early)" -ge 1
check "--jobs 1 encodes nothing early" test "$(count one segments_early)" -eq 0
check "the same bytes with and without early segments" same early one
check "the same bytes from the cache" same early warm
check "the same bytes with --no-cache" same early nocache
check "segments made are counted once ($(count early segments_made) = $(count one segments_made))" \
  test "$(count early segments_made)" -eq "$(count one segments_made)" -a "$(count early segments_made)" -gt 0
check "none cached in a cold run" test "$(count early segments_cached)" -eq 0
check "pictures encoded are counted once ($(count early frames_encoded) = $(count one frames_encoded))" \
  test "$(count early frames_encoded)" -eq "$(count one frames_encoded)"
check "pictures drawn are counted once" test "$(count early frames_drawn)" -eq "$(count one frames_drawn)"
check "scenes made are reported ($(count early scenes_made) = $(count one scenes_made))" \
  test "$(count early scenes_made)" -eq "$(count one scenes_made)"
check "a warm run makes nothing" test "$(count warm segments_made)" -eq 0 -a "$(count warm segments_early)" -eq 0
check "the cache holds each segment once" \
  test "$(find "$T/cache.early" -name '*.mp4' | wc -l)" -eq "$(find "$T/cache.one" -name '*.mp4' | wc -l)"
test "$fails" -eq 0
