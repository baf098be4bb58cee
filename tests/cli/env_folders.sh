#!/usr/bin/env bash
# The state and cache folders from the environment: one that names a file
# or a device is a usage error before any command runs (exit 2, naming the
# variable), and a relative one is resolved once, at start, so a chdir
# later (a plug-in, a script) does not move it. docs/cli.md, "The state and
# cache folders".
#   VGRUN=build/vgrun tests/cli/env_folders.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch env-folders
cd "$T" || exit 1
printf '# Good\n\nA short page.\n' >good.md
: >afile

VGRUN_STATE_DIR=/dev/null "$VGRUN" create --from good.md -o x.mp4 >out.txt 2>err.txt; rc=$?
expect_rc 2 "VGRUN_STATE_DIR=/dev/null create"
check "the variable named" has err.txt '^vgrun: VGRUN_STATE_DIR=/dev/null: a device or a socket, not a folder'
check "nothing made" [ ! -e x.mp4 ]
VGRUN_CACHE_DIR="$T/afile" "$VGRUN" scenes good.md >out.txt 2>err.txt; rc=$?
expect_rc 2 "VGRUN_CACHE_DIR=FILE scenes"
check "the cache variable named" has err.txt "^vgrun: VGRUN_CACHE_DIR=$T/afile: a file, not a folder"
VGRUN_STATE_DIR="$T/afile/sub" "$VGRUN" tasks list >out.txt 2>err.txt; rc=$?
expect_rc 2 "VGRUN_STATE_DIR under a file"
check "what is in the way named" has err.txt "^vgrun: VGRUN_STATE_DIR=$T/afile/sub: cannot be made: $T/afile is a file"
"$VGRUN" --state-dir "$T/afile" tasks list >out.txt 2>err.txt; rc=$?
expect_rc 2 "--state-dir FILE"
check "the option named" has err.txt "^vgrun: --state-dir $T/afile: a file, not a folder"
# help and config still run, to look at the setting
VGRUN_STATE_DIR=/dev/null "$VGRUN" config >out.txt 2>err.txt; rc=$?
expect_rc 0 "config with a bad VGRUN_STATE_DIR"
# a folder that does not exist yet is fine
VGRUN_STATE_DIR="$T/new/state" "$VGRUN" tasks list >out.txt 2>err.txt; rc=$?
expect_rc 0 "a state folder still to be made"

# relative folders: resolved where vgrun started, whatever changes the directory later
mkdir -p elsewhere
VGRUN_STATE_DIR=rel-state VGRUN_CACHE_DIR=./rel-cache "$VGRUN" -e '
  local core = require("vg.core")
  core.chdir("elsewhere")
  print(core.state_dir()); print(core.cache_dir())' >out.txt 2>err.txt; rc=$?
expect_rc 0 "a script that changes directory"
check "state folder absolute" has out.txt "^$T/rel-state\$"
check "cache folder absolute" has out.txt "^$T/rel-cache\$"
# a task's state lands in the folder named at start, not under the new directory
VGRUN_STATE_DIR=rel-state "$VGRUN" -e '
  local vg = require("vg")
  require("vg.core").chdir("elsewhere")
  vg.pipeline{ name = "p", stages = { vg.stage{ name = "s", run = function() end } } }:run(nil, { task_id = "moved" })' \
  >out.txt 2>err.txt; rc=$?
expect_rc 0 "a pipeline after a chdir"
check "its state under the first directory" [ -f rel-state/tasks/moved.json ]
check "none under the second" [ ! -e elsewhere/rel-state ]
vg_done
