#!/usr/bin/env bash
# `vgrun batch --slurm` where the folders' names hold what sbatch reads as
# patterns in --output: '%j' (the job id), '%x' (the job's name), '%%', and
# a backslash (which turns every pattern off and is dropped). The logs must
# land in the folder named, and the job must not fail to open them. A real
# single-node Slurm (scripts/slurm.sh; skips, 77, when it cannot start).
. "$(dirname "$0")/lib.sh"
vg_scratch slurm-percent
chmod 755 "$T"
at_exit() { "$SRC/scripts/slurm.sh" stop >/dev/null 2>&1; }
"$SRC/scripts/slurm.sh" start >/dev/null 2>&1 || { rc=$?; [ $rc -eq 77 ] && exit 77; fail "slurm.sh start: $rc"; }

doc='# A page\n\nA short page to make.\n'

# a working folder and an output folder with '%' patterns in their names
d="$T/a%jb%x"
mkdir -p "$d/docs"
printf "$doc" >"$d/docs/a.md"
cd "$d" || exit 1
"$VGRUN" batch docs -o 'out%j%%' --resolution $RES --slurm --shards 1 --wait >"$T/o1.txt" 2>&1; rc=$?
expect_rc 0 "batch --slurm in a folder with '%' in its name"
job=$(sed -n 's/^submitted job \([0-9]*\).*/\1/p' "$T/o1.txt")
check "a job id is printed" test -n "$job"
check "the video is in the folder named" test -s "$d/out%j%%/a.mp4"
check "the job's log is in the folder named" test -s "$d/out%j%%/.vgrun-batch/logs/slurm-${job}_1.out"
check "no folder is made from the expanded pattern" test -z "$(find "$T" -maxdepth 1 -name "a${job}b*" -print -quit)"
check "nothing expanded under the working folder" test -z "$(find "$d" -maxdepth 1 -name "out${job}*" -print -quit)"

# a backslash in the log folder's path cannot be named to sbatch (it drops
# it and the job fails to start): refused before anything is submitted,
# with the folder in the message
b="$T/b\\c"
mkdir -p "$b/docs"
printf "$doc" >"$b/docs/a.md"
cd "$b" || exit 1
"$VGRUN" batch docs -o out --resolution $RES --slurm --shards 1 >"$T/o2.txt" 2>&1; rc=$?
expect_rc 1 "an output folder with a backslash in its path"
check "the message names the backslash" has "$T/o2.txt" "backslash in this folder's name"
check "nothing is submitted" hasnt "$T/o2.txt" "submitted job"
vg_done
