#!/usr/bin/env bash
# make demo: the main job on an example shipped in examples/.
set -euo pipefail
BUILD=${1:-build}
cd "$(dirname "$0")/.."
export VGRUN_STATE_DIR=${VGRUN_STATE_DIR:-$PWD/$BUILD/demo-state}
mkdir -p out
"$BUILD/vgrun" create --from document:examples/demo.md -o out/demo.mp4 --captions srt,vtt --overwrite
echo "demo: out/demo.mp4 (with out/demo.srt, out/demo.vtt, out/demo.timing.json, out/demo.png)"
