#!/usr/bin/env bash
# make demo: the main job on an example shipped in examples/.
set -euo pipefail
BUILD=${1:-build}
cd "$(dirname "$0")/.."
export VGRUN_STATE_DIR=${VGRUN_STATE_DIR:-$PWD/$BUILD/demo-state}
if "$BUILD/vgrun" create --help >/dev/null 2>&1 && [ -f examples/documents/demo.md ]; then
  mkdir -p out
  "$BUILD/vgrun" create --from examples/documents/demo.md -o out/demo.mp4
  echo "demo: wrote out/demo.mp4"
else
  "$BUILD/vgrun" examples/pipeline.lua
fi
