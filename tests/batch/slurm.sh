#!/bin/bash
# vgrun batch through a real Slurm array: starts a single-node cluster with
# scripts/slurm.sh (skips, 77, when it cannot start) and stops what it
# started. Outputs are checked, not only exit codes: a broken node can
# record failed jobs as COMPLETED.
. "$(dirname "$0")/lib.sh"
T=$(mktemp -d /tmp/vgrun-batch-slurm.XXXXXX)
chmod 755 "$T"
cleanup() { "$SRC/scripts/slurm.sh" stop > /dev/null 2>&1; rm -rf "$T"; }
trap cleanup EXIT
"$SRC/scripts/slurm.sh" start || { rc=$?; [ $rc -eq 77 ] && exit 77; fail "slurm.sh start: $rc"; }
make_inputs "$T/in"

# the reference: locally, -j 2, one cache
VGRUN_CACHE_DIR=$T/cache-local "$VGRUN" batch "$T/in" -o "$T/local" -j 2 --resolution $RES > /dev/null ||
  fail "local batch"

# 4 shards through Slurm with another cache: the same bytes
export VGRUN_CACHE_DIR=$T/cache-slurm
"$VGRUN" batch "$T/in" -o "$T/slurm" --resolution $RES --slurm --shards 4 --wait > "$T/s1.txt" 2>&1 ||
  fail "slurm batch: $(cat "$T/s1.txt")"
grep -q '^submitted job [0-9]' "$T/s1.txt" || fail "no job id printed"
[ -f "$T/slurm/batch.sbatch" ] || fail "no batch.sbatch"
ls "$T"/slurm/.vgrun-batch/manifest-{1,2,3,4}-of-4.jsonl > /dev/null || fail "a manifest per shard"
same_outputs "$T/local" "$T/slurm"
"$VGRUN" batch status "$T/slurm" --json > "$T/st1.json"
total=$(json_field "$T/st1.json" total)
[ "$(json_field "$T/st1.json" done)" = "$total" ] || fail "not all done: $(cat "$T/st1.json")"

# a second Slurm batch over the same inputs (a new OUTDIR, the same cache): nothing made
"$VGRUN" batch "$T/in" -o "$T/again" --resolution $RES --slurm --shards 4 --wait > "$T/s2.txt" 2>&1 ||
  fail "second slurm batch: $(cat "$T/s2.txt")"
"$VGRUN" batch status "$T/again" --json > "$T/st2.json"
[ "$(json_field "$T/st2.json" made_scenes)" = 0 ] || fail "the second batch made scenes: $(cat "$T/st2.json")"
[ "$(json_field "$T/st2.json" cached_scenes)" -gt 0 ] || fail "the second batch took nothing from the cache"
same_outputs "$T/local" "$T/again"

# one array task cancelled mid-way: status shows what is missing, a retry completes it
export VGRUN_CACHE_DIR=$T/cache-cancel
"$VGRUN" batch "$T/in" -o "$T/cut" --resolution 640x360 --slurm --shards 2 > "$T/s3.txt" 2>&1 || fail "submit: $(cat "$T/s3.txt")"
job=$(sed -n 's/^submitted job \([0-9]*\).*/\1/p' "$T/s3.txt")
m=$T/cut/.vgrun-batch/manifest-2-of-2.jsonl
for k in $(seq 1 1200); do [ -s "$m" ] && break; sleep 0.05; done
[ -s "$m" ] || fail "shard 2 never recorded a document"
scancel "${job}_2"
while squeue -h -j "$job" 2> /dev/null | grep -q .; do sleep 0.1; done
scontrol -o show job "$job" | grep 'ArrayTaskId=2 ' | grep -q 'JobState=CANCELLED' || fail "task 2 not cancelled"
"$VGRUN" batch status "$T/cut" --json > "$T/st3.json"
pending=$(json_field "$T/st3.json" pending)
[ "$pending" -gt 0 ] || fail "the cancelled shard left nothing pending (it finished first?): $(cat "$T/st3.json")"
"$VGRUN" batch status "$T/cut" | grep -q '^pending: .*(shard 2)' || fail "status lists the pending documents"
"$VGRUN" batch "$T/in" -o "$T/cut" --resolution 640x360 --slurm --shards 2 --retry-failed --wait > "$T/s4.txt" 2>&1 ||
  fail "retry: $(cat "$T/s4.txt")"
grep -q 'shards 2 of 2' "$T/s4.txt" || fail "only the shard with work is resubmitted: $(cat "$T/s4.txt")"
"$VGRUN" batch status "$T/cut" --json > "$T/st4.json"
[ "$(json_field "$T/st4.json" done)" = "$total" ] || fail "retry did not complete: $(cat "$T/st4.json")"
echo "batch_slurm: ok ($total documents, $pending left by the cancel and made by the retry)"
