#!/usr/bin/env bash
# An age past 2^63 seconds (`--older-than 999999999999999d`) is a very long
# time, never a negative one: integer arithmetic wrapped it, and `tasks clean`
# removed every task, `cache clean` every entry, `cache prune --grace` the
# entries in use (and then failed formatting the grace).
#   VGRUN=build/vgrun tests/cli/ages_huge.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch ages-huge --own-cache
cd "$T" || exit 1
printf '# Talk\n\nA short talk about ages.\n' >doc.md
"$VGRUN" create doc.md -o talk.mp4 --resolution 320x180 -q >out.txt 2>err.txt; rc=$?
expect_rc 0 "create"
tasks() { "$VGRUN" tasks list 2>/dev/null | grep -c "create-doc"; }
entries() { find "$VGRUN_CACHE_DIR" -type f | wc -l; }
before_tasks=$(tasks); before_entries=$(entries)
check "a task to keep" [ "$before_tasks" -ge 1 ]
"$VGRUN" tasks clean --older-than 999999999999999d >out.txt 2>err.txt; rc=$?
expect_rc 0 "tasks clean"
check "tasks clean: the task younger than that is kept" [ "$(tasks)" -eq "$before_tasks" ]
"$VGRUN" cache clean --older-than 999999999999999d >out.txt 2>err.txt; rc=$?
expect_rc 0 "cache clean"
check "cache clean: entries kept" [ "$(entries)" -eq "$before_entries" ]
"$VGRUN" cache prune --max 1 --grace 999999999999999d >out.txt 2>err.txt; rc=$?
expect_rc 0 "cache prune --grace"
check "cache prune: entries in the grace kept" [ "$(entries)" -eq "$before_entries" ]
check "cache prune: says why" has out.txt "still over the limit"
vg_done
