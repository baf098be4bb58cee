#!/usr/bin/env bash
# `vgrun tasks resume` and what a state file may make it run: a vgrun
# command, or the script that started the task while it is the same file;
# plug-ins the same way; never a global option put into a command line by
# hand. The request is taken by the pipeline that made the task only.
#   VGRUN=build/vgrun tests/cli/resume_trust.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch resume --own-config
expect_rc() { if [ "$rc" -eq "$1" ]; then ok; else bad "$2: exit $rc, wanted $1"; cat "$T/out" >&2; fi; }
has() { if grep -q -- "$2" "$1"; then ok; else bad "$3: no '$2' in:"; cat "$1" >&2; fi; }
hasnt() { if ! grep -q -- "$2" "$1"; then ok; else bad "$3: '$2' in:"; cat "$1" >&2; fi; }

# a script with two pipelines: "other" starts first, without an id
cat >"$T/job.lua" <<'LUA'
local vg = require("vg")
local function p(name) return vg.pipeline{ name = name, stages = {
  vg.stage{ name = "one", run = function(ctx) ctx.one = (ctx.one or 0) + 1 end },
  vg.stage{ name = "two", run = function(ctx) if os.getenv("BREAK") then error("two is broken") end end },
}} end
local o = p("other"):run(nil)
print("other", o.task_id, o.status)
local r = p(arg[1] or "main"):run(nil, { task_id = os.getenv("FIRST") and "job-1" or nil })
print("main", r.task_id, r.status, r.context.one)
LUA
BREAK=1 FIRST=1 "$VGRUN" "$T/job.lua" >"$T/out" 2>&1; rc=$?
expect_rc 1 "the first run fails"
"$VGRUN" tasks resume job-1 >"$T/out" 2>&1; rc=$?
expect_rc 0 "resume the script's task"
has "$T/out" "re-running the script $T/job.lua (the same file" "resume says it re-runs the same script"
has "$T/out" "main	job-1	completed	1" "the pipeline that made it took the task over"
if grep -q "other	job-1" "$T/out"; then bad "another pipeline took the resumed task"; else ok; fi

# the script's pipeline is not the task's: nothing is resumed, and it says so
BREAK=1 FIRST=1 "$VGRUN" "$T/job.lua" >"$T/out" 2>&1
"$VGRUN" -e '
  local vg = require("vg")
  local doc = assert(vg.state.load("job-1"))
  doc.pipeline = "renamed"
  assert(vg.state.save("job-1", doc))' >"$T/out" 2>&1
"$VGRUN" tasks resume job-1 >"$T/out" 2>&1; rc=$?
expect_rc 1 "resume when no pipeline of that name starts"
has "$T/out" "started no task of pipeline 'renamed'" "the unmatched request is reported"

# the script changed since: refused, not run
BREAK=1 FIRST=1 "$VGRUN" "$T/job.lua" >"$T/out" 2>&1
echo 'io.open(os.getenv("MARK"), "w"):close()' >>"$T/job.lua"
MARK="$T/ran" "$VGRUN" tasks resume job-1 >"$T/out" 2>&1; rc=$?
expect_rc 1 "resume after the script changed"
has "$T/out" "changed since the task started" "the change is named"
if [ ! -e "$T/ran" ]; then ok; else bad "a changed script was run"; fi

# hand-made invocations
printf 'io.open(os.getenv("MARK"), "w"):close()\n' >"$T/evil.lua"
forge() { # forge ARGV-as-Lua [extra fields]
  "$VGRUN" -e "
    local vg = require('vg')
    local doc = { task_id = 'forged', pipeline = 'check', status = 'failed', version = 1,
      invocation = { argv = $1, cwd = '$T' $2 } }
    assert(vg.state.save('forged', doc))" >"$T/out" 2>&1
}
forge "{ '$T/evil.lua' }" ""
MARK="$T/ran" "$VGRUN" tasks resume forged >"$T/out" 2>&1; rc=$?
expect_rc 1 "a script without a recorded checksum"
has "$T/out" "not a vgrun command, and no script checksum" "refusal says why"
"$VGRUN" tasks show forged >"$T/out" 2>&1
has "$T/out" "tasks resume. will refuse: it records" "show says resume would refuse"
forge "{ '$T/evil.lua' }" ", script = { path = '$T/job.lua', sha256 = 'x' }"
MARK="$T/ran" "$VGRUN" tasks resume forged >"$T/out" 2>&1; rc=$?
expect_rc 1 "a script that is not the recorded one"
forge "{ 'check', '--plugin', '$T/evil.lua', '$SRC/examples/documents/lesson.yaml' }" ""
MARK="$T/ran" "$VGRUN" tasks resume forged >"$T/out" 2>&1; rc=$?
expect_rc 1 "a --plugin put into a command line"
has "$T/out" "global option '--plugin'" "the option is named"
forge "{ 'check', '--events=$T/victim', '$SRC/examples/documents/lesson.yaml' }" ""
"$VGRUN" tasks resume forged >"$T/out" 2>&1; rc=$?
expect_rc 1 "an --events put into a command line"
forge "{ 'tasks', 'resume', 'forged' }" ""
"$VGRUN" tasks resume forged >"$T/out" 2>&1; rc=$?
expect_rc 1 "tasks resume recorded in a state file"
forge "{ 'check', '$SRC/examples/documents/lesson.yaml' }" ", plugins = { { path = '$T/evil.lua', sha256 = 'x' } }"
MARK="$T/ran" "$VGRUN" tasks resume forged >"$T/out" 2>&1; rc=$?
expect_rc 1 "a recorded plug-in whose content differs"
has "$T/out" "evil.lua changed since the task started" "the plug-in is named"
if [ ! -e "$T/ran" ] && [ ! -e "$T/victim" ]; then ok; else bad "a forged state file ran code or wrote a file"; fi
# a vgrun command is re-run
forge "{ 'check', '$SRC/examples/documents/lesson.yaml' }" ""
"$VGRUN" tasks resume forged >"$T/out" 2>&1; rc=$?
has "$T/out" "resuming task forged: vgrun check" "a vgrun command is re-run"

# a create that used a plug-in resumes with it, while it is the same file
cat >"$T/a.rst" <<'RST'
Only section
------------

- one item
RST
cp "$SRC/examples/plugins/rst.lua" "$T/rst.lua"
"$VGRUN" create --plugin "$T/rst.lua" --from "$T/a.rst" -o "$T/a.mp4" --resolution 256x144 \
  --task-id with-plugin -q >"$T/out" 2>&1; rc=$?
expect_rc 0 "create with a plug-in"
"$VGRUN" tasks show with-plugin >"$T/out" 2>&1
has "$T/out" "resume    vgrun --plugin $T/rst.lua create" "show names the plug-in"
"$VGRUN" tasks resume with-plugin >"$T/out" 2>&1; rc=$?
expect_rc 0 "resume loads the recorded plug-in"
has "$T/out" "wrote $T/a.mp4" "the resumed create"
echo '-- changed' >>"$T/rst.lua"
"$VGRUN" tasks resume with-plugin >"$T/out" 2>&1; rc=$?
expect_rc 1 "resume after the plug-in changed"
has "$T/out" "rst.lua changed since the task started" "the changed plug-in is named"

# a create's recorded command line edited to write elsewhere: the run would
# be another task; refused before anything is written
printf '# Kept\n\nA short talk.\n' >"$T/k.md"
echo precious >"$T/precious.mp4"
"$VGRUN" create --from "$T/k.md" -o "$T/k.mp4" --resolution 256x144 -q >"$T/out" 2>&1; rc=$?
expect_rc 0 "create to edit"
kid=$(basename "$(ls -t "$VGRUN_STATE_DIR"/tasks/create-k.md-*.json | head -1)" .json)
KID=$kid PRECIOUS="$T/precious.mp4" DOC="$T/k.md" "$VGRUN" -e '
  local vg = require("vg")
  local doc = assert(vg.state.load(os.getenv("KID")))
  doc.invocation.argv = { "create", "--from", os.getenv("DOC"), "-o", os.getenv("PRECIOUS"), "--overwrite", "-q" }
  assert(vg.state.save(os.getenv("KID"), doc))' >"$T/out" 2>&1
"$VGRUN" tasks resume "$kid" >"$T/out" 2>&1; rc=$?
expect_rc 1 "resume of an edited command line"
has "$T/out" "makes another task" "the edit is named"
if [ "$(cat "$T/precious.mp4")" = precious ] && [ ! -e "$T/precious.timing.json" ]; then ok
else bad "the edited command line wrote $T/precious.*"; fi

# the same with --task-id: the id stays, what the task was made from does not
"$VGRUN" create --from "$T/k.md" -o "$T/k2.mp4" --resolution 256x144 --task-id kept-id -q >"$T/out" 2>&1; rc=$?
expect_rc 0 "create with --task-id to edit"
PRECIOUS="$T/precious.mp4" DOC="$T/k.md" "$VGRUN" -e '
  local vg = require("vg")
  local doc = assert(vg.state.load("kept-id"))
  doc.invocation.argv = { "create", "--from", os.getenv("DOC"), "-o", os.getenv("PRECIOUS"), "--overwrite",
    "--task-id", "kept-id", "-q" }
  assert(vg.state.save("kept-id", doc))' >"$T/out" 2>&1
"$VGRUN" tasks resume kept-id >"$T/out" 2>&1; rc=$?
expect_rc 1 "resume of an edited -o with --task-id"
has "$T/out" "but the task was made with -o $T/k2.mp4" "the edited -o is named"
if [ "$(cat "$T/precious.mp4")" = precious ] && [ ! -e "$T/precious.timing.json" ]; then ok
else bad "the edited command line with --task-id wrote $T/precious.*"; fi
# unedited, it resumes
"$VGRUN" create --from "$T/k.md" -o "$T/k3.mp4" --resolution 256x144 --task-id kept-id3 -q >"$T/out" 2>&1
"$VGRUN" tasks resume kept-id3 >"$T/out" 2>&1; rc=$?
expect_rc 0 "resume of an unedited --task-id create"

echo "resume_trust: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
