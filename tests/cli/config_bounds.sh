#!/usr/bin/env bash
# A config file that is huge, nested past the parser's depth, or holds
# long strings, NULs, pattern characters in its names: each is a usage
# error (exit 2) that names the file, quickly, with a message of one
# short line (never the value copied out whole, never an internal error).
#   VGRUN=build/vgrun tests/cli/config_bounds.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch config-bounds --own-config
c="$XDG_CONFIG_HOME/vgrun/config.lua"
mkdir -p "$(dirname "$c")"
# try NAME WANT: `vgrun config` with the file as it is now
try() {
  timeout 60 "$VGRUN" config >"$T/out" 2>"$T/err"; rc=$?
  expect_rc 2 "$1"
  check "$1: names the file" has "$T/err" "$c"
  check "$1: says why" has "$T/err" "$2"
  check "$1: a short message" test "$(wc -c <"$T/err")" -lt 600
  check "$1: no internal error" hasnt "$T/err" "lua/vg/"
}
python3 -c "print('voice = \"' + 'a' * 5000000 + '\"')" >"$c"
try "a 5 MB file" "larger than"
head -c 3000000 /dev/zero | tr '\0' ' ' >"$c"
try "3 MB of blanks" "larger than"
python3 -c "print('voice = ' + '{' * 100000 + '}' * 100000)" >"$c"
try "values nested 100000 deep" "nested too deep"
python3 -c "print('voice = \"' + 'a' * 100000 + '\"')" >"$c"
try "a 100 kB string" "a string of 100000 bytes"
python3 -c "print('captions = {' + ','.join(['\"srt\"'] * 1000) + '}')" >"$c"
try "a list of 1000 values" "more than 256 values"
printf 'voice = "x\\0y"\n' >"$c"
try "a NUL in a string" "NUL"
printf 'return { ["["] = 1 }\n' >"$c"
try "a name that is a broken pattern" "unknown setting '\['"
python3 -c "print('return { [\"' + 'a-' * 100000 + '\"] = 1 }')" >"$c"
try "a 200 kB name" "(200000 bytes)"
# what is fine stays fine
printf 'voice = "female"\ncaptions = { "srt", "vtt" }\n' >"$c"
"$VGRUN" config >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "a plain config file"
check "its voice is shown" has "$T/out" "female"
vg_done
