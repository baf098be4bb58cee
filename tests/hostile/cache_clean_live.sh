#!/usr/bin/env bash
# `vgrun cache clean` beside a running `vgrun create`: a tmp/ item whose
# writer (the host and pid in its name) still runs on this machine is being
# made and stays, even with --all; one whose writer is gone goes.
#   VGRUN=build/vgrun tests/hostile/cache_clean_live.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch cache-clean-live
cd "$T" || exit 1
export VGRUN_CACHE_DIR="$T/cache"
"$VGRUN" say "Hello" -o hello.wav >/dev/null 2>&1  # makes and marks the cache

# this machine's name as the cache's tags carry it (engine/core/cache.c)
host=$(hostname | cut -d. -f1 | sed 's/[^A-Za-z0-9]/-/g'); host=${host:-host}
sleep 0 & dead=$!; wait $dead
mkdir -p cache/tmp
mk() { mkdir -p "cache/tmp/vgrun-$host-$1-0123456789abcdef.stage"; echo x >"cache/tmp/vgrun-$host-$1-0123456789abcdef.stage/data.wav"; }
mk $$
mk $dead
echo x >"cache/tmp/vgrun-$host-$$-fedcba9876543210.wav"
"$VGRUN" cache clean --all >out.txt 2>err.txt; rc=$?
expect_rc 0 "clean --all"
check "a live writer's stage stays" test -f "cache/tmp/vgrun-$host-$$-0123456789abcdef.stage/data.wav"
check "a live writer's file stays" test -f "cache/tmp/vgrun-$host-$$-fedcba9876543210.wav"
check "a gone writer's stage goes" test ! -e "cache/tmp/vgrun-$host-$dead-0123456789abcdef.stage"
rm -rf cache/tmp/*

# a create with `cache clean --all` run again and again beside it
{
  printf '# Cleaning races\n\n'
  for i in 1 2 3 4 5 6; do
    printf '## Part %d\n\nThe cache is emptied while this part number %d is spoken and its video is encoded.\n\n' $i $i
  done
} >doc.md
"$VGRUN" create doc.md -o out.mp4 --resolution 320x180 -q >create.out 2>create.err &
pid=$!
n=0
while kill -0 $pid 2>/dev/null; do
  "$VGRUN" cache clean --all >/dev/null 2>>clean.err; n=$((n + 1))
done
wait $pid; rc=$?
# What is made in tmp/ is never lost: no write into the cache fails. A
# finished entry removed just after the create found it may fail the run
# (docs/cache.md): it says which file, and --resume makes the video.
check "no write into the cache failed" hasnt create.err "cannot write to the cache"
check "nothing being made was lost" hasnt create.err "cache/tmp/"
if [ $rc -ne 0 ]; then
  check "a lost entry is named" has create.err "cache/v2/.*No such file or directory"
  check "and --resume is offered" has create.err "add --resume to go on"
  "$VGRUN" create doc.md -o out.mp4 --resolution 320x180 -q --resume >create2.out 2>create2.err; rc=$?
fi
expect_rc 0 "create beside $n cleans"
check "the video is made" test -s out.mp4
check "clean ran while create did" test $n -gt 3
vg_done
