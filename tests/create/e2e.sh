#!/usr/bin/env bash
# vgrun create end to end: run it as a user would, then decode what it made.
set -u
VGRUN=${VGRUN:-build/vgrun}
command -v ffprobe >/dev/null || { echo "skip: ffprobe is not installed"; exit 77; }
T=$(mktemp -d /tmp/vgrun-e2e.XXXXXX)
trap 'rm -rf "$T"' EXIT
export VGRUN_STATE_DIR="$T/state"
exec "$VGRUN" tests/create/e2e.lua "$T"
