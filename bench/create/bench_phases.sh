#!/usr/bin/env bash
# Where the wall time of a cold `vgrun create` goes, by phase: cold runs of
# one document (each from an empty cache and state) with `--events`, the
# events' times set against the process's start and end as this script saw
# them. Per run and as the median of the runs:
#   pre      the process started → the task started (loader, Lua, checks, claims)
#   fit      → the fit stage ended (load, style, fit: one core)
#   narrate  → the narrate stage ended (speaking children; the loop thread fits text)
#   plan     → the plan handed to video.encode (Lua, the narration track on the pool)
#   encode   → joining began (both pool threads draw and encode segments)
#   join     the join (one thread)
#   after    the video joined → the task ended (captions, report, thumbnail, state)
#   exit     the task ended → the process ended (freeing, the kernel's teardown)
# Each column is that phase's own length; wall is the whole run, cpu user+sys
# of the process and its children. `chrt -r 1 bench/create/bench_phases.sh`
# (root) runs ahead of other work, as bench_ab.sh does.
#   bench/create/bench_phases.sh [BUILD_DIR [RUNS [SOURCE]]]
set -euo pipefail
BUILD=${1:-build} RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")/../.." && pwd)
SRC=${3:-$HERE/bench/create/light_deck.md}
[ -x "$BUILD/vgrun" ] || { echo "bench_phases: no $BUILD/vgrun" >&2; exit 2; }
T=$(mktemp -d /tmp/vgrun-phases.XXXXXX)
trap 'rm -rf "$T"' EXIT
python3 - "$BUILD/vgrun" "$RUNS" "$SRC" "$T" <<'PY'
import json, os, resource, shutil, subprocess, sys, time
vgrun, runs, src, tmp = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
cols = ["pre", "fit", "narrate", "plan", "encode", "join", "after", "exit", "wall", "cpu"]
rows = []
print("run " + " ".join("%8s" % c for c in cols))
for i in range(runs):
    d = os.path.join(tmp, "run")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    env = dict(os.environ, VGRUN_STATE_DIR=d + "/state", VGRUN_CACHE_DIR=d + "/cache")
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    p = subprocess.run([vgrun, "create", "--detail", "full", "--from", src, "-o", d + "/out.mp4",
                        "--events", d + "/events.jsonl"], env=env, capture_output=True, text=True)
    t1 = time.time()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit("bench_phases: vgrun failed:\n" + p.stderr)
    at = {}
    for line in open(d + "/events.jsonl"):
        e = json.loads(line)
        ty, st = e.get("type"), e.get("stage")
        if ty == "pipeline.started": at.setdefault("task0", e["time"])
        elif ty == "pipeline.completed": at["task1"] = e["time"]
        elif ty == "stage.completed" and st in ("fit", "narrate"): at[st] = e["time"]
        elif ty == "video.rendering": at.setdefault("plan", e["time"])
        elif ty == "stage.progress" and e.get("message") == "joining": at["join0"] = e["time"]
        elif ty == "video.rendered": at["join1"] = e["time"]
    marks = [t0, at["task0"], at["fit"], at["narrate"], at["plan"], at["join0"], at["join1"], at["task1"], t1]
    row = [b - a for a, b in zip(marks, marks[1:])]
    row += [t1 - t0, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)]
    rows.append(row)
    print("%3d " % (i + 1) + " ".join("%8.3f" % v for v in row), flush=True)
med = [sorted(r[k] for r in rows)[len(rows) // 2] for k in range(len(cols))]
print("med " + " ".join("%8.3f" % v for v in med))
print("document: %s (seconds; the median of each column alone)" % src)
PY
