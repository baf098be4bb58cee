#!/usr/bin/env bash
# End-to-end checks of `vgrun frame`: every scene type renders legibly
# (tesseract reads its header back), at the asked size; dark theme, accents,
# contact sheet, and the unknown-scene-type error. Exit 77 = skip.
. "$(dirname "$0")/../lib.sh"
vg_need tesseract
FIX=tests/render/fixtures/all_types.yaml
vg_scratch frame-cli
TMP=$T

png_size() {  # prints WxH from the PNG header
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

headers=(
  "Code Refactoring" "Install the Tools" "Refactoring Principles" "Refactor with Confidence"
  "Improving Function Design" "Any fool can write code" "Two Sum" "Hash Map Solution"
  "Checkpoint 2" "Which keyword defines" "Python Functions" "Build a Temperature Converter"
)
for i in "${!headers[@]}"; do
  n=$((i + 1))
  for theme in light dark; do
    out="$TMP/s$n-$theme.png"
    if ! "$VGRUN" frame "$FIX" --scene "$n" --theme "$theme" -o "$out" >/dev/null 2>"$TMP/err"; then
      bad "scene $n ($theme): vgrun frame failed: $(cat "$TMP/err")"; continue
    fi
    [ "$(png_size "$out")" = "1920x1080" ] || bad "scene $n: size $(png_size "$out")"
    text=$(tesseract "$out" - 2>/dev/null | tr '\n' ' ' | tr -s ' ')
    if ! grep -qiF "${headers[$i]}" <<<"$text"; then
      bad "scene $n ($theme): OCR did not find '${headers[$i]}' in: $text"
    else
      echo "ok: scene $n ($theme) reads '${headers[$i]}'"
    fi
  done
done

# any resolution; layouts scale
"$VGRUN" frame "$FIX" --scene 3 --resolution 1280x720 -o "$TMP/r.png" >/dev/null 2>&1 || bad "--resolution"
[ "$(png_size "$TMP/r.png")" = "1280x720" ] || bad "--resolution gave $(png_size "$TMP/r.png")"
"$VGRUN" frame "$FIX" --scene 3 --resolution 1080x1920 -o "$TMP/v.png" >/dev/null 2>&1 || bad "vertical"
text=$(tesseract "$TMP/v.png" - 2>/dev/null | tr '\n' ' ')
grep -qiF "Refactoring Principles" <<<"$text" || bad "vertical frame not legible: $text"

# --at: the first frame differs from the settled one
"$VGRUN" frame "$FIX" --scene 3 --at 0 -o "$TMP/a0.png" >/dev/null 2>&1 || bad "--at 0"
cmp -s "$TMP/a0.png" "$TMP/s3-light.png" && bad "--at 0 should differ from the settled frame"

# contact sheet
"$VGRUN" frame "$FIX" --sheet -o "$TMP/sheet.png" >/dev/null 2>&1 || bad "--sheet failed"
[ -s "$TMP/sheet.png" ] || bad "--sheet wrote nothing"
# a sheet of a tall video shows each scene in its own shape: one scene of a
# 9:16 frame gives a sheet taller than wide (a 16:9 cell would be wider)
printf 'video: { id: one, title: "One" }\nscenes:\n  - scene_type: title\n    visual_content: { title: "Tall" }\n' >"$TMP/one.yaml"
"$VGRUN" frame "$TMP/one.yaml" --sheet --resolution 1080x1920 --captions burn -o "$TMP/tall.png" >/dev/null 2>&1 \
  || bad "--sheet --resolution 1080x1920 failed"
IFS=x read -r sw sh <<<"$(png_size "$TMP/tall.png")"
[ "${sh:-0}" -gt "${sw:-0}" ] || bad "a 9:16 sheet is ${sw}x${sh}: not in the video's shape"

# usage errors exit 2; an unknown scene type exits 1 naming type and file:line
"$VGRUN" frame "$FIX" --scene 1 --color mauve -o "$TMP/x.png" >/dev/null 2>&1
[ $? -eq 2 ] || bad "--color mauve should be a usage error"
"$VGRUN" frame "$FIX" >/dev/null 2>&1
[ $? -eq 2 ] || bad "no --scene/--sheet should be a usage error"
cat > "$TMP/unknown.yaml" <<'YAML'
video:
  id: v
  title: Unknown
scenes:
  - type: title
    title: Fine
  - type: hologram
    header: Nope
YAML
"$VGRUN" frame "$TMP/unknown.yaml" --scene 2 -o "$TMP/x.png" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] || bad "unknown scene type: exit $rc"
grep -q 'unknown.yaml:7: unknown scene type "hologram"' "$TMP/err" || bad "unknown type message: $(cat "$TMP/err")"
# ... and the scene renders once the type is registered (--types)
cat > "$TMP/types.lua" <<'LUA'
local c = require("vg.scenes.common")
vg.render.scene_type{ name = "hologram", layout = function(scene, theme, box)
  return { c.text(theme, box.x, box.y, box.w, 200, scene.visual_content.header or "?",
    { size = 96, weight = "bold", id = "header" }) }
end }
LUA
"$VGRUN" frame "$TMP/unknown.yaml" --types "$TMP/types.lua" --scene 2 -o "$TMP/holo.png" >/dev/null 2>&1 \
  || bad "--types did not register the scene type"
text=$(tesseract "$TMP/holo.png" - 2>/dev/null | tr '\n' ' ')
grep -qiF "Nope" <<<"$text" || bad "user scene type not legible: $text"

# --captions burn: laid out and split as `vgrun create --captions burn` makes
# it; scene 3 of this document is then the list's continuation (numbered on,
# "continued"), where without burnt captions it is the closing slide
cat > "$TMP/pack.md" <<'MD'
# Packing

## What to bring

- A passport that stays valid for at least six months after the day you plan to come home again
- Two pairs of comfortable walking shoes that you have already worn in for a few weeks before leaving
- A small first aid kit with plasters, painkillers, and any medicine your doctor prescribed for you
- A universal power adapter, because sockets differ from one country to the next in shape and voltage
- Copies of every important document, kept apart from the originals in a separate pocket or bag
MD
"$VGRUN" frame "$TMP/pack.md" --scene 3 --resolution 1080x1080 --captions srt,burn -o "$TMP/burn.png" >/dev/null 2>&1 \
  || bad "--captions burn"
text=$(tesseract "$TMP/burn.png" - 2>/dev/null | tr '\n' ' ')
grep -qi "continued" <<<"$text" && grep -qi "power adapter" <<<"$text" || bad "--captions burn: not the continuation: $text"
"$VGRUN" frame "$TMP/pack.md" --scene 3 --resolution 1080x1080 -o "$TMP/noburn.png" >/dev/null 2>&1 || bad "no --captions"
text=$(tesseract "$TMP/noburn.png" - 2>/dev/null | tr '\n' ' ')
grep -qi "watching" <<<"$text" || bad "without burnt captions scene 3 is not the closing slide: $text"
"$VGRUN" frame "$TMP/pack.md" --scene 1 --captions bogus -o "$TMP/x.png" >/dev/null 2>&1
[ $? -eq 2 ] || bad "--captions bogus is not a usage error"

# a drawing (+--+ | boxes) in a tall frame: one scene, not split between its
# lines nor wrapped; too wide to read whole there (23 units), it is cut into
# bands of whole columns stacked under each other, set large enough that
# nothing warns, and every box's name is read back (as one block of text:
# tesseract finds no lines in a drawing by itself)
DIAG=tests/render/fixtures/box_diagram.md
n=$("$VGRUN" scenes "$DIAG" --resolution 1080x1920 | grep -c ' command ')
[ "$n" = 1 ] || bad "box diagram at 1080x1920: $n command scenes, want 1"
"$VGRUN" frame "$DIAG" --scene 2 --resolution 1080x1920 -o "$TMP/diag.png" >/dev/null 2>"$TMP/err" \
  || bad "box diagram: vgrun frame failed: $(cat "$TMP/err")"
if grep -q 'shrunk\|cut' "$TMP/err"; then bad "box diagram: shrunk or cut in bands: $(cat "$TMP/err")"; fi
text=$(tesseract "$TMP/diag.png" - --psm 6 2>/dev/null | tr '\n' ' ')
for w in Parser Planner Renderer Encoder Cache Fonts; do
  grep -qF "$w" <<<"$text" || bad "box diagram: $w not read in the tall frame: $text"
done

# a real README's drawing of 18 lines (Node.js url.md): one scene, not cut
# through its boxes after 16 lines (10 + 7 before)
URLD=tests/render/fixtures/url_diagram.md
n=$("$VGRUN" scenes "$URLD" | grep -c ' command ')
[ "$n" = 1 ] || bad "url diagram: $n command scenes, want 1"
"$VGRUN" scenes "$URLD" | grep -q 'command .*\[18 lines text\]' || bad "url diagram: not 18 lines: $("$VGRUN" scenes "$URLD")"

# a sheet too tall for one picture (60 tall cells: 17160 px, past the
# renderer's 16384) is pages, each printed, none taller than 8192
{ printf 'video:\n  id: many\n  title: Many scenes\n\nscenes:\n'
  for i in $(seq 1 60); do printf '  - type: title\n    id: s%02d\n    title: Scene number %d\n\n' "$i" "$i"; done
} > "$TMP/many.yaml"
if "$VGRUN" frame "$TMP/many.yaml" --sheet --resolution 1080x1920 -o "$TMP/many.png" >"$TMP/out" 2>"$TMP/err"; then
  want=$(printf '%s\n' "$TMP/many-01.png" "$TMP/many-02.png" "$TMP/many-03.png")
  [ "$(cat "$TMP/out")" = "$want" ] || bad "long sheet: printed $(cat "$TMP/out"), want three pages"
  for f in "$TMP"/many-0{1,2,3}.png; do
    h=$(png_size "$f" | cut -dx -f2)
    [ -n "$h" ] && [ "$h" -le 8192 ] || bad "long sheet: $f is $(png_size "$f")"
  done
  [ ! -e "$TMP/many.png" ] || bad "long sheet: wrote many.png as well as its pages"
else
  bad "long sheet failed: $(cat "$TMP/err")"
fi

[ $fail -eq 0 ] && echo "all frame checks passed"
exit $((fail > 0))
