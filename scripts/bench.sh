#!/usr/bin/env bash
# make bench: every benchmark, printing figures (no pass/fail).
set -uo pipefail
BUILD=${1:-build}
cd "$(dirname "$0")/.."
echo "== create (the main job)"; bench/create/bench_create.sh "$BUILD"
echo "== page faults of a cold create (counts)"; bench/create/bench_faults.sh "$BUILD"
echo "== reading (CPU, linear in size)"; bench/create/bench_read.sh "$BUILD"
echo "== long documents (memory)"; bench/create/bench_long.sh "$BUILD"
echo "== tts"; bash bench/run_tts.sh "$BUILD"
echo "== engine"; "$BUILD/vgrun" bench/engine/bench.lua
if [ -f bench/render/bench.lua ]; then echo "== render"; "$BUILD/vgrun" bench/render/bench.lua; fi
echo "== batch"; bash bench/batch/bench_batch.sh "$BUILD"
if [ -x "$BUILD/bench_encode" ]; then echo "== encode"; "$BUILD/bench_encode"; fi
echo "== serve"; python3 bench/serve/bench_serve.py "$BUILD"
echo "== serve: waits while a long task runs"; python3 bench/serve/bench_task_stall.py "$BUILD"
exit 0
