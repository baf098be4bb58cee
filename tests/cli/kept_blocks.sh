#!/usr/bin/env bash
# The vgrun program keeps the 2 MB-aligned blocks libx264 frees (its frame
# buffers) and hands them to the next encoder with their pages mapped, so a
# later segment does not fault 25 MB in again (cli/kept_blocks.c). A probe
# preloaded into vgrun frees such a block and asks for one again.
#   VGRUN=build/vgrun PROBE=build/tests/cli/kept_blocks_probe.so tests/cli/kept_blocks.sh
. "$(dirname "$0")/../lib.sh"
[ -f "${PROBE:-}" ] || { echo "kept_blocks: PROBE= the probe library" >&2; exit 2; }
out=$(LD_PRELOAD="$PROBE" "$VGRUN" --version 2>&1 >/dev/null | grep '^kept_blocks:' || true)
if [ "$out" = "kept_blocks: same resident" ]; then ok
else bad "a freed 2 MB-aligned block is not kept for the next request: '$out'"; fi
vg_done
