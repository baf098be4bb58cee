#!/usr/bin/env bash
# The bounded cache: VGRUN_CACHE_MAX / cache_max, `cache prune`, the prune
# after `vgrun create`; least recently used first, never an entry used in
# the grace period, never a folder that is not a vgrun cache.
#   VGRUN=build/vgrun tests/cli/cache_max.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch cachemax --own-config
unset VGRUN_CACHE_MAX
expect_rc() { if [ "$rc" -eq "$1" ]; then ok; else bad "$2: exit $rc, wanted $1"; cat "$T/out" >&2; fi; }

# entry NAME KIB AGE: a format 2 entry of KIB KiB, last used AGE ago
# (touch -d syntax, e.g. "3 hours ago"); its key is the sha256 of NAME
entry() {
  local key; key=$(printf %s "$1" | sha256sum | cut -c1-64)
  local d="$C/v2/${key:0:2}/$key.mp4"
  mkdir -p "$d"
  head -c $(($2 * 1024)) /dev/zero >"$d/data.mp4"
  echo "$(($2 * 1024)) $(sha256sum <"$d/data.mp4" | cut -c1-64) $key.mp4" >"$d/sum"
  touch -d "$3" "$d/data.mp4"
  echo "$d"
}
new_cache() {
  C=$1; rm -rf "$C"; mkdir -p "$C"
  printf 'vgrun cache\nformat 2\n' >"$C/vgrun-cache"
  export VGRUN_CACHE_DIR="$C"
}
mib() { du -sk --apparent-size "$1/v2" 2>/dev/null | awk '{ printf "%d", $1 / 1024 }'; }

# --- least recently used first, the fresh ones never
new_cache "$T/c1"
e1=$(entry one 1000 "5 hours ago"); e2=$(entry two 1000 "4 hours ago")
e3=$(entry three 1000 "3 hours ago"); e4=$(entry four 1000 "2 hours ago")
fresh=$(entry fresh 1000 "1 minute ago")
VGRUN_CACHE_MAX=3M "$VGRUN" cache prune >"$T/out" 2>&1; rc=$?; expect_rc 0 "cache prune"
check "prune says what it removed" has "$T/out" "removed 2 entries, "
for d in "$e1" "$e2"; do [ ! -e "$d" ] && ok || bad "the least recently used $d was kept"; done
for d in "$e3" "$e4" "$fresh"; do [ -f "$d/data.mp4" ] && ok || bad "a more recently used $d was removed"; done
[ -z "$(ls -A "$C/tmp" 2>/dev/null)" ] && ok || bad "prune left files in tmp/: $(ls -A "$C/tmp")"
# a limit below what the fresh entry alone takes: it still stays
"$VGRUN" cache prune --max 100K >"$T/out" 2>&1; rc=$?; expect_rc 0 "cache prune --max"
check "prune says why it is still over" has "$T/out" "still over the limit"
[ -f "$fresh/data.mp4" ] && ok || bad "an entry used in the grace period was removed"
[ ! -e "$e3" ] && [ ! -e "$e4" ] && ok || bad "old entries kept above --max"
# the grace period is an option; 0 = no limit
"$VGRUN" cache prune --max=0 --grace=0s >"$T/out" 2>&1; rc=$?; expect_rc 0 "prune --max=0"
[ -f "$fresh/data.mp4" ] && ok || bad "--max 0 removed something"
"$VGRUN" cache prune --max 1K --grace 0s >"$T/out" 2>&1; rc=$?; expect_rc 0 "prune --grace 0s"
[ ! -e "$fresh" ] && ok || bad "--grace 0s kept an old-enough entry over the limit"

# --- the limit: env, then config, then 4 GiB; `cache info` shows it
new_cache "$T/c2"
entry a 64 "1 hour ago" >/dev/null
"$VGRUN" cache info >"$T/out" 2>&1; rc=$?; expect_rc 0 "cache info"
check "info shows the default limit" has "$T/out" "limit     4.0 GiB (default)"
check "info shows the use" has "$T/out" "entries   1, 64"
mkdir -p "$T/config/vgrun"
printf 'cache_max = "2M"\n' >"$T/config/vgrun/config.lua"
"$VGRUN" cache info >"$T/out" 2>&1; rc=$?; expect_rc 0 "cache info with a config"
check "info shows the config's limit and where it is set" has "$T/out" "limit     2.0 MiB (from $T/config/vgrun/config.lua:1)"
VGRUN_CACHE_MAX=500M "$VGRUN" cache info >"$T/out" 2>&1; rc=$?; expect_rc 0 "cache info with VGRUN_CACHE_MAX"
check "the environment wins over the config" has "$T/out" "limit     500.0 MiB (from VGRUN_CACHE_MAX)"
VGRUN_CACHE_MAX=0 "$VGRUN" cache info >"$T/out" 2>&1; rc=$?; expect_rc 0 "cache info, no limit"
check "0 is no limit" has "$T/out" "limit     none"
VGRUN_CACHE_MAX=lots "$VGRUN" cache prune >"$T/out" 2>&1; rc=$?; expect_rc 2 "a bad VGRUN_CACHE_MAX"
check "a bad limit is named" has "$T/out" "VGRUN_CACHE_MAX=lots"
printf 'cache_max = "huge"\n' >"$T/config/vgrun/config.lua"
"$VGRUN" cache info >"$T/out" 2>&1; rc=$?; expect_rc 2 "a bad cache_max"
check "a bad cache_max names its file and line" has "$T/out" "config.lua:1: cache_max = huge"
rm -f "$T/config/vgrun/config.lua"
"$VGRUN" cache prune --max lots >"$T/out" 2>&1; rc=$?; expect_rc 2 "prune --max lots"
"$VGRUN" cache prune --frob >"$T/out" 2>&1; rc=$?; expect_rc 2 "prune with an unknown argument"
check "an unknown argument is named, then the usage" has "$T/out" "vgrun cache prune: unknown argument '--frob'"
check "the usage follows" has "$T/out" "usage: vgrun cache info"
# the arguments come from the spec: --name=value too, a missing value named
"$VGRUN" cache prune --max=lots >"$T/out" 2>&1; rc=$?; expect_rc 2 "prune --max=lots"
check "--max=lots is refused" has "$T/out" "vgrun cache prune: --max wants bytes or a size like 500M, 4G"
"$VGRUN" cache clean --older-than >"$T/out" 2>&1; rc=$?; expect_rc 2 "clean --older-than without an age"
check "a missing age is named" has "$T/out" "vgrun cache clean: --older-than wants an age like 30d, 12h"
"$VGRUN" cache prune --grace=soon >"$T/out" 2>&1; rc=$?; expect_rc 2 "prune --grace=soon"
check "a bad grace is named" has "$T/out" "vgrun cache prune: --grace wants an age like 10m, 1h"
"$VGRUN" cache info extra >"$T/out" 2>&1; rc=$?; expect_rc 2 "cache info with an argument"
"$VGRUN" cache clean --help >"$T/out" 2>&1; rc=$?; expect_rc 0 "cache clean --help"
check "a subcommand's --help shows the usage" has "$T/out" "vgrun cache prune \[--max SIZE\]"

# --- a folder that is not a vgrun cache is never touched
mkdir -p "$T/user/v2/ab/abcdefabcdef.mp4"
head -c 100000 /dev/zero >"$T/user/v2/ab/abcdefabcdef.mp4/data.mp4"; echo x >"$T/user/notes.txt"
touch -d "1 day ago" "$T/user/v2/ab/abcdefabcdef.mp4/data.mp4"
VGRUN_CACHE_DIR="$T/user" "$VGRUN" cache prune --max 1K >"$T/out" 2>&1; rc=$?
expect_rc 2 "prune of a folder that is not a cache"
check "prune says why" has "$T/out" "not a vgrun cache"
[ "$(find "$T/user" -type f | wc -l)" -eq 2 ] && [ ! -e "$T/user/vgrun-cache" ] && ok \
  || bad "prune touched a folder that is not a cache: $(find "$T/user")"

# --- the limit holds after a video is made: old entries go, this run's stay
FIX=tests/create/small.yaml
new_cache "$T/c3"
for n in 1 2 3 4 5 6; do entry "old$n" 1024 "$n days ago" >/dev/null; done
VGRUN_CACHE_MAX=3M "$VGRUN" create --from "$FIX" -o "$T/v.mp4" --resolution 320x180 --task-id cachemax >"$T/out" 2>&1
rc=$?; expect_rc 0 "create with a small cache limit"
size=$(du -sb --apparent-size "$C/v2" | cut -f1)
[ "$size" -le $((3 * 1024 * 1024)) ] && ok || bad "the cache holds $size bytes after create, over 3 MiB"
made=$(find "$C/v2" -name 'data.*' -newer "$C/vgrun-cache" | wc -l)
[ "$made" -ge 1 ] && ok || bad "the entries this run made were evicted"
# the run's own entries are found again by the next run
VGRUN_CACHE_MAX=3M "$VGRUN" create --from "$FIX" -o "$T/v2.mp4" --resolution 320x180 --task-id cachemax-2 >"$T/out" 2>&1
rc=$?; expect_rc 0 "second create"
check "the second run finds its scenes in the cache" grep -Eq "0 made, [1-9][0-9]* from cache" "$T/out"
# --no-cache: the cache folder is not even read, so not pruned
new_cache "$T/c4"
old=$(entry old 1024 "3 days ago")
VGRUN_CACHE_MAX=1K "$VGRUN" create --from "$FIX" -o "$T/v3.mp4" --resolution 320x180 --no-cache --task-id cachemax-3 >"$T/out" 2>&1
rc=$?; expect_rc 0 "create --no-cache"
[ -f "$old/data.mp4" ] && ok || bad "create --no-cache pruned the cache"
# a bad limit warns, and the run still succeeds
VGRUN_CACHE_MAX=lots "$VGRUN" create --from "$FIX" -o "$T/v4.mp4" --resolution 320x180 --task-id cachemax-4 >"$T/out" 2>&1
rc=$?; expect_rc 0 "create with a bad VGRUN_CACHE_MAX"
check "the bad limit is a warning" has "$T/out" "warning: VGRUN_CACHE_MAX=lots"

echo "cache_max: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
