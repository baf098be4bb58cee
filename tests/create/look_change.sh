#!/usr/bin/env bash
# tests/create/look_change.sh: a cached picture belongs to what it shows,
# not only to the scene's words. An image edited in place under the same
# name is drawn again (its bytes are in the scene's key, and in the key of
# the transition that fades from it: lua/vg/create/plan.lua), and so is
# every scene when the fonts change (vg.render_core.fonts_id: the fonts
# fontconfig offers and its configuration). Unchanged, all come from the
# cache.
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg
vg_scratch lookchange --own-cache
cd "$T"
ffmpeg -v error -f lavfi -i color=red:s=400x300 -frames:v 1 red.png
ffmpeg -v error -f lavfi -i color=blue:s=400x300 -frames:v 1 blue.png
printf '# Pictures\n\nA picture follows.\n\n![A diagram](pic.png)\n\nThat was the diagram.\n' >doc.md

make_it() { # make_it OUT [ENV=VALUE...]: one create of doc.md
  local out=$1; shift
  env "$@" "$VGRUN" create --from doc.md -o "$out" --resolution 640x360 >"$out.log" 2>&1 ||
    { bad "create $out: $(tail -3 "$out.log")"; return 1; }
}
made() { grep -o '[0-9]* made, [0-9]* from cache[^)]*' "$T/$1.log"; }
# tint OUT SECONDS: "red" or "blue", whichever the frame holds more of
tint() {
  local r g b
  read -r r g b < <(ffmpeg -v error -ss "$2" -i "$1" -frames:v 1 -vf scale=1:1 -f rawvideo -pix_fmt rgb24 - |
    od -An -tu1 | xargs)
  if [ "${r:-0}" -gt "${b:-0}" ]; then echo red; else echo blue; fi
}

cp red.png pic.png
make_it a.mp4 || vg_done
make_it again.mp4 || vg_done
check "unchanged, every scene came from the cache ($(made again.mp4))" \
  test "$(made again.mp4)" = "0 made, 3 from cache"
check "the first video shows the red picture" test "$(tint a.mp4 5)" = red

# the same name, other bytes
cp blue.png pic.png
make_it b.mp4 || vg_done
check "the scene showing the edited image was made again, with both transitions beside it ($(made b.mp4))" \
  test "$(made b.mp4)" = "1 made, 2 from cache; 2 transitions"
check "the edited picture is shown" test "$(tint b.mp4 5)" = blue
# scene 3 starts at 6.6 s: the first pictures of its transition still show the image
check "the transition that fades from it shows it too" test "$(tint b.mp4 6.64)" = blue

# fonts: a fontconfig of its own, with one font; a font added is a new look
font=$(fc-match -f '%{file}' "DejaVu Sans" 2>/dev/null)
bold=$(fc-match -f '%{file}' "DejaVu Sans:bold" 2>/dev/null)
if [ -f "$font" ] && [ -f "$bold" ] && [ "$font" != "$bold" ]; then
  mkdir fonts
  cp "$font" fonts/
  cat >fonts.conf <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$T/fonts</dir><cachedir>$T/fc-cache</cachedir></fontconfig>
EOF
  make_it f1.mp4 FONTCONFIG_FILE="$T/fonts.conf" || vg_done
  make_it f2.mp4 FONTCONFIG_FILE="$T/fonts.conf" || vg_done
  check "the same fonts found every scene in the cache ($(made f2.mp4))" \
    test "$(made f2.mp4)" = "0 made, 3 from cache"
  cp "$bold" fonts/
  make_it f3.mp4 FONTCONFIG_FILE="$T/fonts.conf" || vg_done
  check "a font installed made every scene again ($(made f3.mp4))" \
    test "$(made f3.mp4)" = "3 made, 0 from cache; 2 transitions"
else
  echo "skip the fonts part: no DejaVu Sans and its bold face (fonts-dejavu-core)"
fi
vg_done
