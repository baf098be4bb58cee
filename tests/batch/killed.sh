#!/bin/bash
# A batch killed is a batch stopped: `kill -9` of `vgrun batch` takes its
# running create children with it (vg.spawn's die_with_parent: the kernel
# sends them SIGTERM when their parent dies), so nothing keeps writing and a
# re-run resumes at once instead of failing "already running in process N".
. "$(dirname "$0")/lib.sh"
vg_scratch batch-killed --own-cache

# alive TEXT: a process whose command line holds TEXT still runs
alive() { vg_running "$1"; }
# gone TEXT [SECONDS]: no such process within SECONDS (default 10)
gone() {
  local end=$(( $(date +%s%N) + ${2:-10} * 1000000000 ))
  while [ "$(date +%s%N)" -lt $end ]; do alive "$1" || return 0; sleep 0.05; done
  ! alive "$1"
}
# whatever a failed check leaves running is stopped, so that it does not
# hold the test's output open for minutes
at_exit() {
  local p
  for p in $(vg_pids "$naps $T/") $(vg_pids "create --from $T/in"); do kill -9 "$p" 2>/dev/null; done
  [ -n "${parent:-}" ] && kill -9 "$parent" 2>/dev/null
  [ -n "${batch:-}" ] && kill -9 "$batch" 2>/dev/null
  return 0
}

# vg.spawn itself: a child started with die_with_parent, its parent killed
# (the child: a shell that waits, its command line carrying the mark)
# (a second's sleep at a time: the shell killed, no sleep outlives it long)
mark="$T/sleeper-$$"
naps='i=0; while [ $i -lt 300 ]; do sleep 1; i=$((i+1)); done'
"$VGRUN" -e 'require("vg").spawn("sh", { "-c", "i=0; while [ $i -lt 300 ]; do sleep 1; i=$((i+1)); done", arg[1] }, { die_with_parent = true })' "$mark" &
parent=$!
# (a minute: an ASan build on a loaded machine starts slowly)
for k in $(seq 1 600); do alive "$naps $mark" && break; sleep 0.1; done
alive "$naps $mark" || fail "the child never started: $(ps -ef 2>&1 | grep -F -- "$mark" | grep -v grep)"
kill -9 $parent; wait $parent 2>/dev/null
gone "$naps $mark" || { fail "vg.spawn: the child outlived its parent killed with SIGKILL"; }

# a batch of documents, killed with SIGKILL while a create runs
mkdir -p "$T/in"
for i in 1 2 3 4 5 6; do
  # one long scene: minutes of work between two of create's events
  { printf '# Page %d\n\n' $i
    for j in $(seq 1 40); do printf 'Sentence %d of page %d says a few more words about batches being stopped. ' $j $i; done
  } >"$T/in/page$i.md"
done
"$VGRUN" batch "$T/in" -o "$T/out" -j 1 --resolution $RES -q >"$T/run1.txt" 2>"$T/err1.txt" &
batch=$!
for k in $(seq 1 600); do alive "create --from $T/in" && break; sleep 0.1; done
alive "create --from $T/in" || fail "no create started: $(cat "$T/err1.txt")"
kill -9 $batch; wait $batch 2>/dev/null
# at once: without the signal a create goes on until it next writes an event
# into the dead batch's pipe (seconds later here; never in a long step)
gone "create --from $T/in" 1 || { fail "a create outlived its batch killed with SIGKILL"; }

# the re-run resumes: every document made, none "already running"
rc=0
"$VGRUN" batch "$T/in" -o "$T/out" -j 1 --resolution $RES -q >"$T/run2.txt" 2>"$T/err2.txt" || rc=$?
[ $rc -eq 0 ] || fail "the re-run: exit $rc: $(cat "$T/err2.txt")"
grep -q "already running" "$T/err2.txt" && fail "the re-run found a create still running: $(cat "$T/err2.txt")"
for i in 1 2 3 4 5 6; do [ -s "$T/out/page$i.mp4" ] || fail "page$i.mp4 not made"; done
echo "ok"
