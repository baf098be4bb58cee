#!/usr/bin/env bash
# Claim records and locks in the state folder are data anyone who can write
# there may forge. A forged or garbled claim record never makes a file of
# the user's vgrun's to replace; a link, FIFO or socket at a lock's name is
# no lock (the run goes on, the link's target untouched); a folder there is
# a clear error, never "being written by another vgrun".
#   VGRUN=build/vgrun tests/cli/claims_forged.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch claims-forged
cd "$T" || exit 1
printf '# Hi\n\nA short page to make.\n' >a.md
claim=$("$VGRUN" -e 'print(require("vg.create.outputs").claim_path("out.mp4"))')
key=$(basename "$claim" .json)
lock="$VGRUN_STATE_DIR/tasks/output-$key.lock"
mkdir -p "$(dirname "$claim")" "$VGRUN_STATE_DIR/tasks"

# a claim record written beside a file of the user's (no identity: "a run
# claimed it and did not finish"), then a record that is not JSON
echo precious >out.mp4
sleep 0.05
printf '{"path":"%s/out.mp4"}\n' "$T" >"$claim"
"$VGRUN" create a.md -o out.mp4 --resolution 320x180 >out.txt 2>&1; rc=$?
expect_rc 2 "a forged claim record beside the user's file"
check "the user's file is kept" grep -qx precious out.mp4
echo garbage >"$claim"
"$VGRUN" create a.md -o out.mp4 --resolution 320x180 >out.txt 2>&1; rc=$?
expect_rc 2 "a garbled claim record beside the user's file"
check "the user's file is kept (garbled record)" grep -qx precious out.mp4
check "the message says vgrun did not make it" has out.txt "not the file vgrun made there"

# vgrun's own runs go on as before: made, made again, made from a change
rm -f out.mp4 "$claim"
"$VGRUN" create a.md -o out.mp4 --resolution 320x180 >out.txt 2>&1; rc=$?
expect_rc 0 "a first run"
"$VGRUN" create a.md -o out.mp4 --resolution 320x180 >out.txt 2>&1; rc=$?
expect_rc 0 "the same run again"
printf '\nA second paragraph.\n' >>a.md
"$VGRUN" create a.md -o out.mp4 --resolution 320x180 >out.txt 2>&1; rc=$?
expect_rc 0 "a run after the document changed"

# a link at the output's lock: replaced, its target never written
echo target >target.txt
rm -f "$lock"; ln -s "$T/target.txt" "$lock"
"$VGRUN" create a.md -o out.mp4 --resolution 320x180 >out.txt 2>&1; rc=$?
expect_rc 0 "a link at the output's lock"
check "no other vgrun is claimed" hasnt out.txt "another vgrun"
check "the link's target is untouched" grep -qx target target.txt
# a FIFO there
rm -f "$lock"; mkfifo "$lock"
timeout 60 "$VGRUN" create a.md -o out.mp4 --resolution 320x180 >out.txt 2>&1; rc=$?
expect_rc 0 "a FIFO at the output's lock"
# a folder there: a clear error
rm -f "$lock"; mkdir "$lock"
"$VGRUN" create a.md -o out.mp4 --resolution 320x180 >out.txt 2>&1; rc=$?
check "a folder at the lock fails" test $rc -ne 0
check "the message names the folder" has out.txt "a folder, not a lock file"
check "no other vgrun is claimed (folder)" hasnt out.txt "another vgrun"
rmdir "$lock"

# `vgrun tasks` with a link at a task's lock: the task is not running
id=$("$VGRUN" tasks list 2>/dev/null | awk 'NR == 2 { print $1 }')
ln -s /nonexistent "$VGRUN_STATE_DIR/tasks/$id.lock"
"$VGRUN" tasks show "$id" >out.txt 2>&1; rc=$?
expect_rc 0 "tasks show with a link at the task's lock"
check "the task is not shown running" hasnt out.txt "running"
vg_done
