#!/usr/bin/env bash
# Lua plug-ins: --plugin FILE.lua (repeatable) and the config folder, for
# every command; an adapter for a new extension works through `vgrun
# create` (the input.load stage asks the Lua adapters); a broken plug-in is
# a usage error (exit 2, file:line) before any work.
#   VGRUN=build/vgrun tests/cli/plugins.sh
. "$(dirname "$0")/../lib.sh"
RST=$SRC/examples/plugins/rst.lua
vg_scratch plugins --own-config
expect_rc() { if [ "$rc" -eq "$1" ]; then ok; else bad "$2: exit $rc, wanted $1"; cat "$T/err" >&2; fi; }
has() { if grep -q -- "$2" "$1"; then ok; else bad "$3: no '$2' in:"; cat "$1" >&2; fi; }
hasnt() { if ! grep -q -- "$2" "$1"; then ok; else bad "$3: '$2' in:"; cat "$1" >&2; fi; }

cat >"$T/talk.rst" <<'RST'
==============
Plug-in videos
==============

Why plug-ins
------------

vgrun reads new formats through Lua.

- adapters read documents
- scene types draw scenes

Trying it
---------

Run one command::

    vgrun create --plugin rst.lua --from talk.rst
RST

# --- the example plug-in through check, scenes and create ------------------
"$VGRUN" check --plugin "$RST" "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "check with the .rst adapter"
has "$T/out" "ok (1 video, 3 scenes)" "check"
"$VGRUN" scenes --plugin="$RST" "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "scenes with --plugin="
has "$T/out" "Why plug-ins \[2 items\]" "scenes"
has "$T/out" "command .*Trying it" "scenes"
# without it, vgrun's own reader reads .rst (the plug-in's adapter replaces it)
"$VGRUN" check "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "check without the plug-in: the built-in reader"
has "$T/out" "ok (1 video, " "the built-in reader"
cp "$T/talk.rst" "$T/talk.org"
"$VGRUN" check "$T/talk.org" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 1 "check of a type nothing reads"
has "$T/err" "unknown input type '.org'" "a type nothing reads"
"$VGRUN" create --plugin "$RST" --from "$T/talk.rst" -o "$T/talk.mp4" --resolution 256x144 -q \
  >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "create --plugin --from x.rst"
if [ -s "$T/talk.mp4" ]; then ok; else bad "create wrote no talk.mp4"; fi
has "$T/out" "3 scenes" "create's report"
# the plug-in's stage runs inside create (after load)
VGRUN_RST_UPPER=1 "$VGRUN" create --plugin "$RST" --from "$T/talk.rst" -o "$T/upper.mp4" --resolution 256x144 \
  -q --events "$T/ev" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "create with the plug-in's stage"
has "$T/ev" '"stage":"rst-titles"' "the plug-in's stage ran"
if grep -q "\"WHY PLUG-INS\"" "$T"/state/tasks/*.json; then ok; else bad "the plug-in's stage did not change the scenes"; fi

# --- a plug-in's scene type in a document: validated, drawn by create and frame
cat >"$T/banner.yaml" <<'YAML'
video: { id: b, title: Banner }
scenes:
  - type: title
    title: Start
  - type: banner
    text: Plug-ins draw this
    narration: A scene type from a plug-in.
YAML
"$VGRUN" check "$T/banner.yaml" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 1 "an unregistered scene type"
has "$T/err" "unknown scene type 'banner'" "without the plug-in"
"$VGRUN" check --plugin "$RST" "$T/banner.yaml" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "the plug-in's scene type validates"
"$VGRUN" frame --plugin "$RST" "$T/banner.yaml" --scene 2 --resolution 640x360 -o "$T/banner-frame.png" \
  >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "frame draws the plug-in's scene type"
if [ -s "$T/banner-frame.png" ]; then ok; else bad "no banner-frame.png"; fi
"$VGRUN" create --plugin "$RST" --from "$T/banner.yaml" -o "$T/banner.mp4" --resolution 256x144 -q \
  >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "create with the plug-in's scene type"
has "$T/out" "2 scenes" "create's report"

# --- the adapter's document is checked like any other ------------------------
cat >"$T/badshape.lua" <<'LUA'
local vg = ...
vg.input.register("rst", function(path)
  return { video = { id = "v", title = "T" }, scenes = { { type = "list", header = "no items" } } }
end)
LUA
"$VGRUN" check --plugin "$T/badshape.lua" "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 1 "an adapter's invalid document"
has "$T/err" "$T/talk.rst: .*items" "the validator names the document and the field"
"$VGRUN" create --plugin "$T/badshape.lua" --from "$T/talk.rst" -o "$T/bad.mp4" -q >"$T/out" 2>"$T/err"; rc=$?
expect_rc 1 "create with an invalid adapted document"
has "$T/err" "$T/talk.rst: .*items" "create shows the validator's diagnostics"
if [ ! -e "$T/bad.mp4" ]; then ok; else bad "an invalid document made a video"; fi

printf 'local vg = ...\nvg.input.register(".rst", function(p) return nil, "no title here", 7 end)\n' >"$T/refuse.lua"
"$VGRUN" check --plugin "$T/refuse.lua" "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 1 "an adapter's refusal"
has "$T/err" "$T/talk.rst:7:.*no title here" "the adapter's own line"

printf 'local vg = ...\nvg.input.register(".rst", function(p)\n  local t = nil\n  return t.x\nend)\n' >"$T/crash.lua"
"$VGRUN" create --plugin "$T/crash.lua" --from "$T/talk.rst" -o "$T/c.mp4" -q >"$T/out" 2>"$T/err"; rc=$?
expect_rc 1 "an adapter that raises"
has "$T/err" "the .rst adapter failed: $T/crash.lua:4: attempt to index" "the plug-in's file:line"
hasnt "$T/err" "stack traceback" "no traceback for an adapter error"

# a FIFO is refused before the adapter could block on it
mkfifo "$T/pipe.rst"
timeout 20 "$VGRUN" check --plugin "$RST" "$T/pipe.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 1 "a FIFO through an adapter"
has "$T/err" "cannot open: is a named pipe (FIFO), not a regular file" "FIFO refused"

# --- the config folder: name order, then --plugin; --no-plugins -------------
mkdir -p "$T/config/vgrun/plugins"
cp "$RST" "$T/config/vgrun/plugins/20-rst.lua"
printf 'io.stderr:write("loaded b\\n")\n' >"$T/config/vgrun/plugins/b.lua"
printf 'io.stderr:write("loaded a\\n")\n' >"$T/config/vgrun/plugins/a.lua"
printf 'not lua at all' >"$T/config/vgrun/plugins/notes.txt"
printf 'io.stderr:write("loaded cli\\n")\n' >"$T/cli.lua"
"$VGRUN" check "$T/talk.rst" --plugin "$T/cli.lua" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "the folder's adapter without --plugin"
if [ "$(tr '\n' ' ' <"$T/err")" = "loaded a loaded b loaded cli " ]; then ok
else bad "plug-in order: $(tr '\n' ' ' <"$T/err")"; fi
"$VGRUN" check "$T/talk.rst" --plugin "$T/config/vgrun/plugins/a.lua" --plugin "$T/cli.lua" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "a plug-in given twice"
if [ "$(grep -c 'loaded a' "$T/err")" -eq 1 ]; then ok; else bad "a plug-in given twice ran twice"; fi
"$VGRUN" --no-plugins check "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "--no-plugins skips the folder (the built-in reader reads .rst)"
hasnt "$T/err" "loaded a" "--no-plugins"
# scripts and -e get them too
"$VGRUN" -e 'local m = require("vg").input.load(arg[1]); print(m.videos[1].title)' "$T/talk.rst" \
  >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "a chunk uses the folder's adapter"
has "$T/out" "Plug-in videos" "vg.input.load through the adapter"
rm -rf "$T/config/vgrun/plugins"

# --- the config file's `plugins`: relative to its folder, after the folder's --
mkdir -p "$T/config/vgrun/mine" "$T/elsewhere"
cp "$RST" "$T/config/vgrun/mine/rst.lua"
printf 'io.stderr:write("loaded conf\\n")\n' >"$T/config/vgrun/mine/conf.lua"
printf 'voice = "female"\nplugins = { "mine/conf.lua", "mine/rst.lua" }\n' >"$T/config/vgrun/config.lua"
# run from another folder: the paths are the config file's, not the cwd's
(cd "$T/elsewhere" && "$VGRUN" check "$T/talk.rst" --plugin "$T/cli.lua") >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "the config's plug-ins load"
if [ "$(tr '\n' ' ' <"$T/err")" = "loaded conf loaded cli " ]; then ok
else bad "config plug-in order: $(tr '\n' ' ' <"$T/err")"; fi
"$VGRUN" --no-plugins check "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "--no-plugins skips the config's plug-ins (the built-in reader)"
hasnt "$T/err" "loaded conf" "--no-plugins and the config"
printf 'return { plugins = "%s" }\n' "$T/config/vgrun/mine/conf.lua" >"$T/config/vgrun/config.lua"
"$VGRUN" -e 'print(1)' >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "one absolute path as a string"
has "$T/err" "loaded conf" "a string names one plug-in"
"$VGRUN" config >"$T/out" 2>"$T/err"; rc=$?
has "$T/out" "plugins" "vgrun config shows the key"
printf 'voice = "female"\n\nplugins = { "mine/conf.lua", "mine/gone.lua" }\n' >"$T/config/vgrun/config.lua"
mkdir -p "$T/state3"
VGRUN_STATE_DIR="$T/state3" "$VGRUN" create --from "$T/talk.rst" -o "$T/never.mp4" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 2 "a config plug-in that is missing"
has "$T/err" "$T/config/vgrun/config.lua:3: plug-in $T/config/vgrun/mine/gone.lua" "config file:line and the plug-in"
if [ ! -e "$T/never.mp4" ] && [ -z "$(ls -A "$T/state3/tasks" 2>/dev/null)" ]; then ok
else bad "a missing config plug-in started work"; fi
printf 'local vg = ...\nerror("config plug-in broken")\n' >"$T/config/vgrun/mine/raise.lua"
printf 'plugins = { "mine/raise.lua" }\n' >"$T/config/vgrun/config.lua"
"$VGRUN" scenes "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 2 "a config plug-in that raises"
has "$T/err" "config.lua:1: plug-in $T/config/vgrun/mine/raise.lua:2: config plug-in broken" "both lines"
hasnt "$T/err" "stack traceback" "no traceback for a config plug-in"
printf 'plugins = { "ok.lua", 7 }\n' >"$T/config/vgrun/config.lua"
"$VGRUN" scenes "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 2 "a number in the config's plugins"
has "$T/err" "config.lua:1: plugins\[2\]: wants the path of a Lua file" "the bad entry"
rm -rf "$T/config/vgrun"

# --- a broken plug-in stops vgrun before any work (exit 2, file:line) -------
export VGRUN_STATE_DIR="$T/state2"
printf 'local x = = 1\n' >"$T/syntax.lua"
printf 'local vg = ...\n\nerror("broken on purpose")\n' >"$T/raise.lua"
printf 'local vg = ...\nvg.input.register(42, print)\n' >"$T/misuse.lua"
for case in "syntax.lua:1:" "raise.lua:3: broken on purpose" "misuse.lua:2: vg.input.register"; do
  f=${case%%:*}
  "$VGRUN" create --plugin "$T/$f" --from "$T/talk.rst" -o "$T/never.mp4" >"$T/out" 2>"$T/err"; rc=$?
  expect_rc 2 "broken plug-in $f"
  has "$T/err" "plug-in $T/$case" "$f named with its line"
  hasnt "$T/err" "stack traceback" "$f without a traceback"
done
if [ ! -e "$T/never.mp4" ] && [ -z "$(ls -A "$T/state2/tasks" 2>/dev/null)" ]; then ok
else bad "a broken plug-in started work"; fi
"$VGRUN" scenes --plugin "$T/missing.lua" "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 2 "a missing plug-in"
has "$T/err" "plug-in $T/missing.lua" "the missing file is named"
mkfifo "$T/fifo.lua"
timeout 20 "$VGRUN" check --plugin "$T/fifo.lua" "$T/talk.rst" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 2 "a FIFO as a plug-in is refused, not read"
"$VGRUN" check "$T/talk.rst" --plugin >"$T/out" 2>"$T/err"; rc=$?
expect_rc 2 "--plugin without a file"

echo "plugins: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
