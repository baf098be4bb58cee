#!/usr/bin/env bash
# A process killed inside the durable write of its task's state file (a
# Slurm job cancelled: SIGTERM, then SIGKILL while the state is saved)
# leaves <id>.json.tmp.<pid>.<n> beside it. The next run of that task, once
# it holds the task's lock, removes such a leftover of a process that is
# gone; a temp of a live process and a name of another shape stay. They used
# to stay forever.
#   VGRUN=build/vgrun tests/hostile/stale_state_temp.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch stale-state-temp --own-config
cd "$T" || exit 1
printf '# Leftovers\n\nA state file written while the process was killed.\n' >doc.md
"$VGRUN" create --from doc.md -o out.mp4 -q >run1.out 2>run1.err; rc=$?
expect_rc 0 "the first run"
state=$(ls "$VGRUN_STATE_DIR"/tasks/*.json 2>/dev/null | head -1)
check "a task state file" test -n "$state"
id=$(basename "$state" .json)
dead="$VGRUN_STATE_DIR/tasks/$id.json.tmp.999999999.7"    # above any pid_max: no such process
live="$VGRUN_STATE_DIR/tasks/$id.json.tmp.$$.7"           # this shell's
other="$VGRUN_STATE_DIR/tasks/$id.json.tmp.notes"
for f in "$dead" "$live" "$other"; do cp "$state" "$f"; done
"$VGRUN" create --from doc.md -o out.mp4 -q >run2.out 2>run2.err; rc=$?
expect_rc 0 "the second run"
check "the dead process's temp is removed" test ! -e "$dead"
check "a live process's temp stays" test -e "$live"
check "a name of another shape stays" test -e "$other"
check "the state file itself stays" test -s "$state"
vg_done
