#!/bin/bash
# Figures for `vgrun batch` (printed, no pass/fail): documents per minute
# with -j 1 and -j 2 on an empty cache, the same through a single-node Slurm
# with 4 shards, the peak memory of the -j 2 batch (its process tree), and
# the cost of one `vgrun create` child for a document that is all cached.
BUILD=${1:-build}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
VGRUN=$SRC/$BUILD/vgrun
. "$SRC/tests/batch/lib.sh"
T=$(mktemp -d /tmp/vgrun-bench-batch.XXXXXX)
chmod 755 "$T"
trap '"$SRC/scripts/slurm.sh" stop > /dev/null 2>&1; rm -rf "$T"' EXIT
make_inputs "$T/in"
n=$("$VGRUN" batch "$T/in" -o "$T/x" --list | wc -l)

secs() { python3 -c 'import sys; print("%.2f" % float(sys.argv[1]))' "$1"; }
run() {  # name cache-dir outdir args...
  local name=$1 cache=$2 out=$3
  shift 3
  local t0 t1
  t0=$(date +%s.%N)
  VGRUN_CACHE_DIR=$cache "$@" > /dev/null 2>&1
  t1=$(date +%s.%N)
  python3 -c 'import sys; n=int(sys.argv[2]); d=float(sys.argv[4])-float(sys.argv[3]); print("%-34s %d documents in %6.2f s: %5.1f documents per minute" % (sys.argv[1], n, d, n*60/d))' \
    "$name" "$n" "$t0" "$t1"
}
echo "($n documents at $RES: Markdown, YAML, JSON, VTT, a set; empty cache each time)"
run "-j 1" "$T/c1" "$T/o1" "$VGRUN" batch "$T/in" -o "$T/o1" -j 1 --resolution $RES
# the -j 2 run under /usr/bin/time: maximum resident size of the largest process
if [ -x /usr/bin/time ]; then
  run "-j 2" "$T/c2" "$T/o2" /usr/bin/time -o "$T/time2.txt" -f '%M' "$VGRUN" batch "$T/in" -o "$T/o2" -j 2 --resolution $RES
else
  run "-j 2" "$T/c2" "$T/o2" "$VGRUN" batch "$T/in" -o "$T/o2" -j 2 --resolution $RES
fi
# peak memory of the whole tree: sample every 50 ms during another -j 2 run
VGRUN_CACHE_DIR=$T/c3 "$VGRUN" batch "$T/in" -o "$T/o3" -j 2 --resolution $RES > /dev/null 2>&1 &
pid=$!
peak=0
while kill -0 $pid 2> /dev/null; do
  kb=$(ps -o rss= --ppid $pid -p $pid 2> /dev/null | awk '{s+=$1} END {print s+0}')
  [ "$kb" -gt "$peak" ] && peak=$kb
  sleep 0.05
done
wait $pid
echo "peak memory of a -j 2 batch (batch + its create children, sampled): $((peak / 1024)) MB"
[ -f "$T/time2.txt" ] && echo "  largest single process of it (GNU time %M): $(( $(cat "$T/time2.txt") / 1024 )) MB"

# one child for a document with nothing to do: the per-document overhead
t0=$(date +%s.%N)
VGRUN_CACHE_DIR=$T/c1 "$VGRUN" batch "$T/in" -o "$T/o1b" -j 1 --resolution $RES > /dev/null 2>&1
t1=$(date +%s.%N)
python3 -c 'import sys; n=int(sys.argv[1]); d=float(sys.argv[3])-float(sys.argv[2]); print("all scenes cached, -j 1: %.0f ms per document (a create process each, nothing to make)" % (d*1000/n))' "$n" "$t0" "$t1"
t0=$(date +%s.%N)
"$VGRUN" batch "$T/in" -o "$T/o1b" -j 1 --resolution $RES > /dev/null 2>&1
t1=$(date +%s.%N)
python3 -c 'import sys; n=int(sys.argv[1]); d=float(sys.argv[3])-float(sys.argv[2]); print("unchanged (skipped from the manifest): %.1f ms per document" % (d*1000/n))' "$n" "$t0" "$t1"

if "$SRC/scripts/slurm.sh" start > /dev/null 2>&1; then
  run "Slurm, 4 shards (--wait)" "$T/c4" "$T/o4" "$VGRUN" batch "$T/in" -o "$T/o4" --resolution $RES --slurm --shards 4 --wait
else
  echo "Slurm: cannot start here (scripts/slurm.sh start), no figure"
fi
