#!/usr/bin/env bash
# An entry's checksum names the entry it belongs to: the files of one cached
# video segment copied over another's (a restored backup, a hand-made fix)
# keep a valid digest of their bytes, yet reusing them would put one scene's
# pictures in another's place. The swapped entry is found damaged and made
# again: the video is byte for byte the one made before.
#   VGRUN=build/vgrun tests/cli/cache_swapped.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch cache-swapped
FIX="$(dirname "$0")/../create/small.yaml"
export VGRUN_CACHE_DIR="$T/cache"
"$VGRUN" create --from "$FIX" -o "$T/a.mp4" --resolution 320x180 --task-id swap-a >"$T/out" 2>&1; rc=$?
expect_rc 0 "the first video"
mapfile -t segs < <(find "$T/cache/v2" -type d -name '*.mp4' | sort)
check "at least two segments cached" [ "${#segs[@]}" -ge 2 ]
# the first segment's files over the second's
cp "${segs[0]}/data.mp4" "${segs[1]}/data.mp4"
cp "${segs[0]}/sum" "${segs[1]}/sum"
"$VGRUN" create --from "$FIX" -o "$T/b.mp4" --resolution 320x180 --task-id swap-b >"$T/out" 2>&1; rc=$?
expect_rc 0 "the video again, over the swapped entry"
check "the swapped entry is named damaged" has "$T/out" "is damaged (its checksum is another entry's)"
check "the same video as before" cmp -s "$T/a.mp4" "$T/b.mp4"
check "the entry was made again, its sum naming it" has "${segs[1]}/sum" " $(basename "${segs[1]}")\$"
# a sum an older vgrun wrote ("<size> <sha256>", no name): made again, unannounced
for d in "${segs[@]}"; do cut -d' ' -f1-2 "$d/sum" >"$d/sum.old" && mv "$d/sum.old" "$d/sum"; done
"$VGRUN" create --from "$FIX" -o "$T/c.mp4" --resolution 320x180 --task-id swap-c >"$T/out" 2>&1; rc=$?
expect_rc 0 "the video over entries of an older vgrun"
check "an older entry is no warning" hasnt "$T/out" "damaged"
check "the same video again" cmp -s "$T/a.mp4" "$T/c.mp4"
check "the older entries were made again" has "${segs[0]}/sum" " $(basename "${segs[0]}")\$"
vg_done
