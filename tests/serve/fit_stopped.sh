#!/usr/bin/env bash
# A served task runs under a watch (`vgrun serve --lua-timeout`): a
# plug-in's Lua that runs that long without yielding is stopped. The fit
# (vg.create.fit) caught every error of a layout and kept the scene whole,
# the watch's stop too: a slow server made one long scene where the
# command line made four, and said nothing. The stop (and Ctrl-C) now goes
# through: the stage fails with "ran N s without yielding".
# Before: "split 1", no word of the stop.
#   VGRUN=build/vgrun tests/serve/fit_stopped.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch fit-stopped
LUA="$(dirname "$0")/fit_stopped.lua"
timeout 120 "$VGRUN" "$LUA" >"$T/free" 2>&1; rc=$?
expect_rc 0 "without a limit"
check "the scene is split without a limit" has "$T/free" "^split [2-9]"
timeout 120 "$VGRUN" "$LUA" 0.1 >"$T/held" 2>&1; rc=$?
expect_rc 0 "under a limit"
check "under the limit the fit is stopped, never a scene kept whole" has "$T/held" "^stopped .*fit_stopped.lua:[0-9]*: ran [0-9.]* s without yielding"
check "no plan that differs from the command line's" hasnt "$T/held" "^split"
vg_done
