#!/usr/bin/env bash
# What a plug-in's stage leaves in `vgrun create` is checked before the next
# stage: the limits a document is held to and the loader's validator, failing
# at once with the stage's name (not minutes of fitting and speaking a
# million bullets). Also: -o naming a device or a file is a usage error
# (exit 2), and a failed task names its stage once.
#   VGRUN=build/vgrun tests/cli/stage_checks.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch stage_checks --own-config
cd "$T" || exit 1
printf '# Checked stages\n\nA short document.\n\n## One\n\n- first point\n- second point\n\n## Two\n\nMore text here.\n' >doc.md

# plug-in.lua: a stage after load that runs the Lua in $BODY on scene s
plugin() {
  cat >"$1" <<LUA
local vg = require("vg")
require("vg.create").add_stage({ name = "grow", on_error = "${2:-abort}", run = function(ctx)
  local s = ctx.videos[1].scenes[1]
  s.visual_content = s.visual_content or {}
  $BODY
end }, { after = "load" })
LUA
}
create() { "$VGRUN" create --plugin "$1" --from doc.md -o "$T/out.mp4" --resolution 256x144 -q >out 2>err; rc=$?; }
fails_fast() {  # WHAT PATTERN
  if [ "$rc" -eq 1 ]; then ok; else bad "$1: exit $rc, wanted 1"; cat err >&2; fi
  check "stage 'grow' left a scene model vgrun ca" has err "stage 'grow' left a scene model vgrun cannot use: .*$2"
  if [ -e out.mp4 ]; then bad "$1: a video was written"; rm -f out.mp4; else ok; fi
}

BODY='s.narration = string.rep("x", 50001)' plugin narr.lua
create narr.lua; fails_fast "narration over limits.max_narration" \
  "videos\[0\].scenes\[0\].narration: 50001 bytes: at most 50000 (limits.max_narration)"
BODY='local t = {}; for i = 1, 1025 do t[i] = "item " .. i end; s.visual_content.items = t' plugin items.lua
create items.lua; fails_fast "1025 items" "visual_content.items: 1025 items: at most 1024 (limits.max_keys)"
BODY='local v = ctx.videos[1]; for i = #v.scenes + 1, 101 do v.scenes[i] = v.scenes[1] end' plugin scenes.lua
create scenes.lua; fails_fast "101 scenes" "101 scenes: a video may have at most 100 (limits.max_scenes)"
BODY='s.scene_type = "no-such-type"' plugin type.lua
create type.lua; fails_fast "the validator's word" "scene_type"
# on_error = "continue" does not pass a broken model on to the next stage
BODY='s.narration = string.rep("x", 50001)' plugin narr_cont.lua continue
create narr_cont.lua; fails_fast "on_error continue" "50001 bytes"
check "stage 'fit'" hasnt err "stage 'fit'"
# a stage that leaves a good model changes nothing
BODY='s.narration = "Narration the plug-in wrote."' plugin good.lua
create good.lua
if [ "$rc" -eq 0 ] && [ -s out.mp4 ]; then ok; else bad "a good model: exit $rc"; cat err >&2; fi
rm -f out.mp4
# the large case: a million bullets and 10 MB of narration fail in seconds
BODY='local t = {}; for i = 1, 1000000 do t[i] = "bullet " .. i end; s.visual_content.items = t
  s.narration = string.rep("word ", 2000000)' plugin big.lua
timeout 60 "$VGRUN" create --plugin big.lua --from doc.md -o "$T/out.mp4" --resolution 256x144 -q >out 2>err; rc=$?
fails_fast "a million bullets (under timeout 60)" "videos\[0\].scenes\[0\]"

# -o that names a device, a pipe or a file is a mistake of the command line
for o in /dev/null /dev/stdout doc.md/x.mp4; do
  "$VGRUN" create --from doc.md -o "$o" </dev/null 2>err | cat >out; rc=${PIPESTATUS[0]}
  if [ "$rc" -eq 2 ]; then ok; else bad "-o $o: exit $rc, wanted 2"; cat err >&2; fi
  check "-o takes a folder" has err "-o takes a folder"
done
"$VGRUN" create --from doc.md -o "$T/missing/dir" >out 2>err; rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "-o a missing folder: exit $rc, wanted 1"; fi

# a failed task names its stage once
cat >save.lua <<'LUA'
local vg = require("vg")
vg.pipeline{ name = "p", stages = { { name = "a", run = function(ctx) ctx.self = ctx end } } }:start(nil, { task_id = "save" })
LUA
"$VGRUN" save.lua >out 2>err; rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "save.lua: exit $rc, wanted 1"; fi
check "failed in stage 'a': the context cannot " has err "failed in stage 'a': the context cannot be saved"
check "stage 'a': stage 'a'" hasnt err "stage 'a': stage 'a'"
vg_done
