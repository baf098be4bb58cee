#!/usr/bin/env bash
# A file name the user typed (or a folder held) reaches the terminal only
# escaped, in error messages too: ESC, BEL, CR and a line break as \xNN, a
# backslash as \\ (so a name holding a literal "\x1b" reads differently from
# one holding ESC). Usage errors, missing inputs, bad -o, unknown options.
#   VGRUN=build/vgrun tests/cli/names_in_errors.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch names-in-errors
cd "$T" || exit 1
EVIL=$'gone\e]0;T\a\r\nx\\y.md'
SHOWN='gone\\x1b]0;T\\x07\\x0d\\x0ax\\\\y.md'
# no control byte but the line ends, and one line per message
raw() { ! LC_ALL=C grep -q $'[\e\a\r]' "$1" || { echo "--- $1:" >&2; cat -A "$1" >&2; return 1; }; }
printf '# Good\n\nA short page.\n' >good.md

"$VGRUN" "$EVIL" >out.txt 2>err.txt; rc=$?
expect_rc 2 "vgrun MISSING"
check "vgrun MISSING: escaped" has err.txt "^vgrun: cannot open $SHOWN\$"
check "vgrun MISSING: no raw control" raw err.txt

"$VGRUN" create --from "$EVIL" -o x.mp4 >out.txt 2>err.txt; rc=$?
expect_rc 1 "create --from MISSING"
check "create --from MISSING: escaped" has err.txt "^vgrun create: $SHOWN: no such file or directory\$"
check "create --from MISSING: no raw control" raw err.txt

"$VGRUN" create --from good.md -o $'/nonexistent\e[2J/x.mp4' >out.txt 2>err.txt; rc=$?
expect_rc 1 "create -o in a missing folder"
check "create -o: escaped" has err.txt 'the output directory /nonexistent\\x1b\[2J does not exist'
check "create -o: no raw control" raw err.txt

"$VGRUN" create --from good.md -o $'x\a\n.mkv' >out.txt 2>err.txt; rc=$?
expect_rc 2 "create -o NAME.mkv"
check "create -o NAME.mkv: escaped" has err.txt '^vgrun create: -o x\\x07\\x0a.mkv: vgrun writes MP4 files'
check "create -o NAME.mkv: no raw control" raw err.txt

"$VGRUN" scenes $'--x\e[2J' >out.txt 2>err.txt; rc=$?
expect_rc 2 "scenes --UNKNOWN"
check "scenes --UNKNOWN: escaped" has err.txt "^vgrun scenes: unknown option '--x\\\\x1b\[2J'"
check "scenes --UNKNOWN: no raw control" raw err.txt

"$VGRUN" help $'x\e[2J' >out.txt 2>err.txt; rc=$?
expect_rc 2 "help UNKNOWN"
check "help UNKNOWN: escaped" has err.txt "^vgrun help: no command 'x\\\\x1b\[2J'"
check "help UNKNOWN: no raw control" raw err.txt

"$VGRUN" $'-\e[2J' >out.txt 2>err.txt; rc=$?
expect_rc 2 "vgrun -UNKNOWN"
check "vgrun -UNKNOWN: escaped" has err.txt "^vgrun: unknown option '-\\\\x1b\[2J'"

# a name with a literal backslash-x is not shown as the one with ESC
"$VGRUN" scenes 'lit\x1b.md' >out.txt 2>err.txt; rc=$?
expect_rc 1 "scenes of a missing file named with a backslash"
check "a literal backslash doubled" has err.txt '^lit\\\\x1b.md: cannot open'
"$VGRUN" scenes $'esc\e.md' >out.txt 2>err.txt; rc=$?
check "ESC as \\x1b" has err.txt '^esc\\x1b.md: cannot open'

# a name inside a message made deeper down (vg.create.outputs): a line
# break in it is \x0a, not a second line
: >$'taken\a\n.mp4'
"$VGRUN" create --from good.md -o $'taken\a\n.mp4' >out.txt 2>err.txt; rc=$?
expect_rc 2 "create -o over a file of the user's"
check "create -o over a file: escaped" has err.txt '^vgrun create: the output taken\\x07\\x0a.mp4 exists and vgrun has no record'
check "create -o over a file: no raw control" raw err.txt

# a command line read back from a state file (`tasks resume`)
"$VGRUN" -e "
  local doc = { task_id = 'forged', pipeline = 'check', status = 'failed', version = 1,
    invocation = { argv = { 'check', 'x\\27[2J\\7.md' }, cwd = '$T' } }
  assert(require('vg').state.save('forged', doc))" >out.txt 2>err.txt
"$VGRUN" tasks resume forged >out.txt 2>err.txt; rc=$?
check "tasks resume: the recorded argument escaped" has err.txt '^vgrun: resuming task forged: vgrun check x\\x1b\[2J\\x07.md$'
check "tasks resume: no raw control" raw err.txt

# messages written by C: an error no Lua code caught (a broken vg/cli.lua
# in VGRUN_LUA_DIR), a cache warning naming the folder
mkdir -p lua/vg && printf 'error("broken \\27[2J", 0)\n' >lua/vg/cli.lua
VGRUN_LUA_DIR="$T/lua" "$VGRUN" scenes good.md >out.txt 2>err.txt; rc=$?
expect_rc 1 "a vg.cli that cannot be loaded"
check "uncaught error escaped" has err.txt '^vgrun: broken \\x1b\[2J$'
check "uncaught error: no raw control" raw err.txt
C=$'cache\e[2J'
mkdir -p "$C" && printf 'vgrun cache\nformat 2\n' >"$C/vgrun-cache" && echo x >"$C/tmp"
VGRUN_CACHE_DIR="$T/$C" "$VGRUN" create --from good.md -o w.mp4 --resolution 320x180 --fps 10 -q >out.txt 2>err.txt; rc=$?
expect_rc 0 "a cache that cannot be written"
check "cache warning escaped" has err.txt 'cannot write to the cache: .*/cache\\x1b\[2J/tmp: Not a directory'
check "cache warning: no raw control" raw err.txt

# the Lua API: a name is escaped whole, a message keeps its lines
"$VGRUN" -e 'local s = require("vg.shown")
io.write(s.name("a\\b\n\27"), "|", s.lines("x\\y\n\27z\r"), "|")' >out.txt 2>err.txt; rc=$?
expect_rc 0 "vg.shown from Lua"
check "shown.name and shown.lines" [ "$(cat out.txt)" = "$(printf 'a\\\\b\\x0a\\x1b|x\\y\n\\x1bz\\x0d|')" ]
vg_done
