#!/usr/bin/env bash
# A plug-in's stage that raises a value that is not text (error({code = 5}),
# error(nil), an object with __tostring) fails with the file and line where it
# was raised, as Lua's own errors name them (before: "vgrun create: error
# {"code":5}", naming neither the plug-in nor the line); text keeps Lua's
# place.
#   VGRUN=build/vgrun tests/cli/plugin_error_place.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch plugin-error-place
cd "$T" || exit 1
printf '# Doc\n\nText of the document.\n' >doc.md
stage() {   # stage FILE BODY: a plug-in whose stage (line 3) runs BODY
  printf 'local vg = ...\nrequire("vg.create").add_stage(vg.stage{ name = "mine", run = function(ctx, task)\n  %s\nend }, { after = "load" })\n' "$2" >"$1"
}
stage code.lua 'error({ code = 5 })'
stage none.lua 'error(nil)'
stage obj.lua 'error(setmetatable({}, { __tostring = function() return "my reason" end }))'
stage text.lua 'local t = nil; return t.x'
for c in 'code.lua:3: error {"code":5}' 'none.lua:3: error (no reason given)' 'obj.lua:3: my reason' \
         "text.lua:3: attempt to index a nil value (local 't')"; do
  f=${c%%:*}
  "$VGRUN" create --plugin "$f" --from doc.md -o "${f%.lua}.mp4" -q >out.txt 2>err.txt; rc=$?
  expect_rc 1 "$f: the stage fails"
  check "$f: its place" grep -qF "vgrun create: $c" err.txt
  [ ! -e "${f%.lua}.mp4" ] && ok || bad "$f: a video was written"
done
# the task's state keeps the place too
"$VGRUN" tasks list >list.txt 2>&1
id=$(grep -o 'create-doc.md-[0-9a-f]*' list.txt | head -1)
"$VGRUN" tasks show "$id" >show.txt 2>&1
check "tasks show: the place" grep -q '\(code\|none\|obj\|text\).lua:3: ' show.txt
vg_done
