#!/usr/bin/env bash
# A cancel that lands once the join has committed the MP4 (and before the
# task has recorded it) is too late to stop the video: the video stage
# completes and records the file, so no MP4 is on disk that the task's state
# does not name, and `--resume` trusts it by its recorded hash (the same
# bytes, not made again) and finishes the rest. It used to end the stage
# "cancelled" with a complete MP4 on disk that the state did not know.
# The window is forced: VGRUN_TEST_JOINED=FILE makes the video stage, after
# the join, create FILE and wait for its call to be cancelled; the test then
# sends SIGINT. A Ctrl-C after the last stage (a listener on
# pipeline.completed sends it) says the task is completed and exits 0.
#   VGRUN=build/vgrun tests/hostile/cancel_after_join.sh
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch cancel-after-join --own-config
cd "$T" || exit 1
printf '# Late cancels\n\nA cancel that comes after the join.\n\n## Two\n\nThe second part says little.\n' >doc.md

# wait_for FILE PID: FILE appears while PID lives (polled, up to 10 minutes)
wait_for() {
  local i
  for ((i = 0; i < 3000; i++)); do
    [ -e "$1" ] && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

VGRUN_TEST_JOINED="$T/joined" "$VGRUN" create --from doc.md -o out.mp4 >run1.out 2>run1.err &
pid=$!
check "the join was reached" wait_for "$T/joined" "$pid"
kill -INT "$pid" 2>/dev/null
wait "$pid"; rc=$?
expect_rc 130 "the task ends cancelled (captions and report did not run)"
check "the MP4 the join committed is there" test -s out.mp4
# the task's state names the MP4 with its size and hash, as a completed stage
python3 - "$T/state" "$T/out.mp4" >state.txt 2>&1 <<'EOF'
import glob, hashlib, json, os, sys
state, mp4 = sys.argv[1], os.path.realpath(sys.argv[2])
docs = [json.load(open(p)) for p in glob.glob(state + "/tasks/*.json")]
assert len(docs) == 1, "one task, not %d" % len(docs)
d = docs[0]
print("status", d.get("status"))
video = [s for s in d["stages"] if s["name"] == "video"][0]
print("video", video.get("status"))
files = [f for f in video.get("files") or [] if f["path"] == mp4]
assert files, "the video stage does not record %s: %r" % (mp4, video.get("files"))
assert files[0]["sha256"] == hashlib.sha256(open(mp4, "rb").read()).hexdigest(), "hash differs"
print("recorded")
EOF
check "the state records the MP4 (state.txt)" has state.txt '^recorded'
check "the task is cancelled" has state.txt '^status cancelled'
check "its video stage is completed" has state.txt '^video completed'
before=$(stat -c '%i %s %Y' out.mp4; sha256sum <out.mp4)
"$VGRUN" create --from doc.md -o out.mp4 --resume >run2.out 2>run2.err; rc=$?
expect_rc 0 "--resume finishes the task"
after=$(stat -c '%i %s %Y' out.mp4; sha256sum <out.mp4)
check "--resume kept the recorded MP4 as it is" test "$before" = "$after"
check "--resume wrote the thumbnail" test -s out.png

# Ctrl-C after the last stage: the task is completed, and said so, exit 0
cat >late.lua <<'LUA'
local vg = require("vg")
vg.on("pipeline.completed", function()
  local p = io.popen("kill -INT $PPID")
  p:close()
end)
LUA
"$VGRUN" --plugin late.lua create --from doc.md -o late.mp4 >run3.out 2>run3.err; rc=$?
expect_rc 0 "a Ctrl-C after the task completed"
check "it says the work was done (run3.err)" has run3.err 'interrupted after the work was done'
check "the MP4 is there" test -s late.mp4
python3 - "$T/state" >state3.txt 2>&1 <<'EOF'
import glob, json, sys
for p in glob.glob(sys.argv[1] + "/tasks/*.json"):
    d = json.load(open(p))
    print(d.get("status"), " ".join(o.get("path", "") for o in (d.get("context") or {}).get("outputs") or []))
EOF
check "its task is recorded completed (state3.txt)" has state3.txt '^completed .*late.mp4'
vg_done
