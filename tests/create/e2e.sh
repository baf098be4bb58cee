#!/usr/bin/env bash
# vgrun create end to end: run it as a user would, then decode what it made.
. "$(dirname "$0")/../lib.sh"
vg_need ffprobe
vg_scratch e2e
exec "$VGRUN" tests/create/e2e.lua "$T"
