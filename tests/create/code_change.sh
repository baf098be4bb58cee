#!/usr/bin/env bash
# tests/create/code_change.sh: cached pictures belong to the code that drew
# them. A scene's key holds the build's code id (vg.core.code_id: a hash of
# the sources, cmake/code_id_run.cmake), and with VGRUN_LUA_DIR the Lua files
# read from disk too. So an edited layout or theme makes its scenes again,
# even at the same version number, and so does an edited plug-in (its
# source is in the key: vg.plugins.digest); the same code finds them in the
# cache.
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg
vg_scratch codechange --own-cache
cp -r "$SRC/lua" "$T/lua"
cd "$T"
make_it() { # make_it OUT: one create with the Lua half read from $T/lua
  VGRUN_LUA_DIR="$T/lua" "$VGRUN" create --from "$HERE/small.yaml" -o "$1" --resolution 320x180 \
    >"$T/$1.log" 2>&1 || { bad "create $1: $(tail -3 "$T/$1.log")"; return 1; }
}
made() { grep -o '[0-9]* made, [0-9]* from cache' "$T/$1.log"; }
# corner OUT: a pixel of the background (left of the title) at 2 s, as "R G B"
corner() {
  ffmpeg -v error -ss 2 -i "$1" -frames:v 1 -vf "crop=4:4:60:20,scale=1:1" -f rawvideo -pix_fmt rgb24 - |
    od -An -tu1 | xargs
}

make_it a.mp4 || vg_done
make_it again.mp4 || vg_done
check "the same code found its scenes in the cache ($(made again.mp4))" \
  test "$(made again.mp4)" = "0 made, 3 from cache"

# the theme's light background, edited: every scene is drawn again
sed -i -e '0,/^    bg = { 245, 248, 252 },/s//    bg = { 200, 30, 30 },/' "$T/lua/vg/theme.lua"
cmp -s "$SRC/lua/vg/theme.lua" "$T/lua/vg/theme.lua" && { bad "the test's edit changed nothing"; vg_done; }
make_it b.mp4 || vg_done
check "an edited theme made its scenes again ($(made b.mp4))" test "$(made b.mp4)" = "3 made, 0 from cache"
read -r r g b <<<"$(corner b.mp4)"
check "the edited background is shown (corner $r $g $b)" test "${r:-0}" -gt 150 -a "${g:-255}" -lt 90
read -r r g b <<<"$(corner a.mp4)"
check "the first video kept its own background (corner $r $g $b)" test "${g:-0}" -gt 200

# a plug-in's scene type, edited: the scenes are drawn again
cat >"$T/banner.lua" <<'LUA'
local vg = ...
vg.scene_type{ name = "banner", layout = function(scene, theme, box)
  local c = require("vg.scenes.common")
  return { c.text(theme, box.x, box.y + box.h / 2 - 110, box.w, 220, scene.visual_content.text,
    { size = 72, weight = "bold", id = "text" }) }
end }
LUA
printf 'video: { id: banner, title: Banner }\nscenes:\n  - { scene_type: banner, visual_content: { text: Big }, narration: "A big word." }\n  - { scene_type: outro, visual_content: { main_text: Done }, narration: "Done." }\n' >"$T/banner.yaml"
plug() { # plug OUT: one create of banner.yaml with the plug-in
  "$VGRUN" --plugin "$T/banner.lua" create --from "$T/banner.yaml" -o "$1" --resolution 320x180 \
    >"$T/$1.log" 2>&1 || { bad "create $1: $(tail -3 "$T/$1.log")"; return 1; }
}
frame() { ffmpeg -v error -ss 1.5 -i "$1" -frames:v 1 -f rawvideo -pix_fmt rgb24 - | sha256sum; }
plug p1.mp4 && plug p2.mp4 &&
  check "the same plug-in found its scenes in the cache ($(made p2.mp4))" test "$(made p2.mp4)" = "0 made, 2 from cache"
sed -i 's/size = 72/size = 30/' "$T/banner.lua"
plug p3.mp4 &&
  check "an edited plug-in made its scenes again ($(made p3.mp4))" test "$(made p3.mp4)" = "2 made, 0 from cache" &&
  check "the edited plug-in's picture is shown" test "$(frame p1.mp4)" != "$(frame p3.mp4)"
vg_done
