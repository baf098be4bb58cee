#!/usr/bin/env bash
# A cache entry whose files are links (made by hand, or by another user of a
# shared cache) is not the cache's: every data file replaced by a link to a
# copy of its bytes outside the cache (so the checksum still matches) is
# found damaged, moved aside and made again. The files the links named are
# neither read into the video nor touched (a lookup marks an entry as used by
# setting its time: never the time of a link's target).
#   VGRUN=build/vgrun tests/cli/cache_links.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch cache-links
FIX="$(dirname "$0")/../create/small.yaml"
export VGRUN_CACHE_DIR="$T/cache"
"$VGRUN" create --from "$FIX" -o "$T/a.mp4" --resolution 320x180 --task-id links-a >"$T/out" 2>&1; rc=$?
expect_rc 0 "the first video"
mkdir -p "$T/mine"
n=0
while IFS= read -r data; do
  n=$((n + 1))
  cp "$data" "$T/mine/f$n" && touch -d 2020-01-01 "$T/mine/f$n"
  rm "$data" && ln -s "$T/mine/f$n" "$data"
done < <(find "$T/cache/v2" -type f -name 'data*')
check "entries were cached" [ "$n" -ge 4 ]
"$VGRUN" create --from "$FIX" -o "$T/b.mp4" --resolution 320x180 --task-id links-b >"$T/out" 2>&1; rc=$?
expect_rc 0 "the video again, over entries that are links"
check "an entry that is a link is named damaged" has "$T/out" "is damaged (data is a link)"
check "the same video as before" cmp -s "$T/a.mp4" "$T/b.mp4"
check "no link is left in an entry" [ -z "$(find "$T/cache/v2" -type l)" ]
check "no file a link named was touched" [ -z "$(find "$T/mine" -type f -newermt 2021-01-01)" ]
vg_done
