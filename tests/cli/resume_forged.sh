#!/usr/bin/env bash
# `vgrun tasks resume` runs again only what a task's own command was: a state
# file (untrusted: a shared or copied state folder, a batch's OUTDIR) that
# records `vgrun say -o ~/notes.txt --overwrite` under a create task runs
# nothing, and --overwrite is never taken from a state file, while a true
# resume of a run given --overwrite still finishes (its outputs were claimed
# when it started).
#   VGRUN=build/vgrun tests/cli/resume_forged.sh
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch resume-forged
cd "$T" || exit 1
cp "$SRC/examples/demo.md" demo.md
echo "my precious notes" >notes.txt

# a real task to copy: a run that replaced a file of the user's (--overwrite)
echo "a file of mine" >talk.mp4
"$VGRUN" create demo.md -o talk.mp4 --overwrite --resolution 320x180 >out.txt 2>err.txt; rc=$?
expect_rc 0 "create --overwrite"
real=$(ls "$VGRUN_STATE_DIR"/tasks/create-*.json | head -1)

# forge(ID ARGV-JSON): a copy of that task, failed, recording another command line
forge() {
  python3 - "$real" "$VGRUN_STATE_DIR/tasks/$1.json" "$1" "$2" "$T" <<'EOF'
import json, sys
src, dst, tid, argv, cwd = sys.argv[1:]
d = json.load(open(src))
d["task_id"], d["status"] = tid, "failed"
d["invocation"] = {"argv": json.loads(argv), "cwd": cwd}
json.dump(d, open(dst, "w"))
EOF
}
forge evil-say '["say", "-o", "notes.txt", "--overwrite", "owned"]'
"$VGRUN" tasks resume evil-say >out.txt 2>err.txt; rc=$?
expect_rc 1 "resume of a create task recording vgrun say"
check "the user's file is intact" has notes.txt "^my precious notes$"
check "says why" has err.txt "records \`vgrun say ...\`, which does not run the task's pipeline 'create'"
forge evil-frame '["frame", "demo.md", "--scene", "1", "-o", "notes.txt", "--overwrite"]'
"$VGRUN" tasks resume evil-frame >out.txt 2>err.txt; rc=$?
expect_rc 1 "resume of a create task recording vgrun frame"
check "the user's file is intact after frame" has notes.txt "^my precious notes$"

# a true resume of a run given --overwrite: killed, then resumed, without the leave
echo "another file of mine" >part.mp4
rm -rf "$VGRUN_STATE_DIR"
"$VGRUN" create demo.md -o part.mp4 --overwrite --resolution 320x180 --no-cache >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do
  ls "$VGRUN_STATE_DIR"/tasks/create-*.json >/dev/null 2>&1 && break
  sleep 0.05
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
id=$(basename "$(ls "$VGRUN_STATE_DIR"/tasks/create-*.json | head -1)" .json)
"$VGRUN" tasks resume "$id" >out.txt 2>err.txt; rc=$?
expect_rc 0 "tasks resume of a killed create --overwrite"
check "the command run has no --overwrite" hasnt err.txt "resuming task .*--overwrite"
check "the video is there" eval '[ "$(head -c 8 part.mp4 | tail -c 4)" = ftyp ]'
vg_done
