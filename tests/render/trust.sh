#!/usr/bin/env bash
# Document text is only data to the renderer, and text is cut by characters:
#  - a Korean + emoji title longer than a chapter title may be is cut at a
#    grapheme boundary in timing.json and in the MP4's chapters; captions of a
#    long run without spaces are valid UTF-8;
#  - Pango markup in a title is drawn as written; markup that does not parse
#    is never shown as tags; absurd sizes and bad UTF-8 reach Pango tamed;
#  - a picture that is a FIFO, a device, not a PNG or a PNG bomb gives a
#    warning with the reason and a placeholder, never a hang or a crash, and
#    the renderer never opens a non-regular file (nor writes to one).
# `timeout` below only keeps a hung run from hanging the suite (124 or 137 =
# hung: a process blocked in open() of a FIFO ignores SIGTERM, hence -k).
# Exit 77 = skip.
. "$(dirname "$0")/../lib.sh"
vg_need ffprobe
vg_scratch trust --own-cache
ok() { echo "ok: $*"; }

# ---- 1. cuts by grapheme cluster -------------------------------------------
FAMILY=$'\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6'
FLAG=$'\xf0\x9f\x87\xb0\xf0\x9f\x87\xb7'
HAN=$(printf '한%.0s' $(seq 75))
TITLE="$HAN$FAMILY$FLAG글글글글글글글글글글"
WANT="$HAN$FAMILY$FLAG..."
JA="a$(printf '日本語の字幕%.0s' $(seq 20))"
cat > "$T/ko.yaml" <<YAML
video:
  id: ko
  title: "Korean"
scenes:
  - scene_type: title
    visual_content: { title: "$TITLE" }
    narration: "Hello."
  - scene_type: outro
    visual_content: { main_text: "Done" }
    narration: "$JA"
YAML
timeout -k 10 300 "$VGRUN" -q create --from "$T/ko.yaml" -o "$T/ko.mp4" --resolution 320x180 --captions srt,vtt \
  >"$T/out" 2>&1
rc=$?
[ $rc -eq 0 ] || bad "create of the Korean title: exit $rc: $(cat "$T/out")"
ffprobe -v error -show_chapters -print_format json "$T/ko.mp4" > "$T/chapters.json" 2>&1 ||
  bad "ffprobe: $(cat "$T/chapters.json")"
# vgrun itself checks the files: strict UTF-8 (utf8.len), then the titles
cat > "$T/check.lua" <<'LUA'
local dir, want = arg[1], arg[2]
local vg = require("vg")
local failed = false
local function bad(m) print("FAIL: " .. m); failed = true end
local function read(name)
  local f = assert(io.open(dir .. "/" .. name, "rb")); local s = f:read("a"); f:close(); return s
end
for _, name in ipairs({ "ko.timing.json", "ko.srt", "ko.vtt", "chapters.json" }) do
  local s = read(name)
  local ok, pos = utf8.len(s)
  if not ok then bad(name .. " is not valid UTF-8 (byte " .. pos .. ")") end
  -- ffprobe turns bytes that are not UTF-8 into U+FFFD
  if s:find("\u{FFFD}", 1, true) then bad(name .. " holds U+FFFD: something was cut inside a character") end
end
local ok, timing = pcall(vg.json.decode, read("ko.timing.json"))
local t = ok and timing.scenes and timing.scenes[1] and timing.scenes[1].title
if t ~= want then bad("timing.json title: " .. tostring(t)) end
local ok2, ch = pcall(vg.json.decode, read("chapters.json"))
local c = ok2 and ch.chapters and ch.chapters[1] and ch.chapters[1].tags and ch.chapters[1].tags.title
if c ~= want then bad("chapter title: " .. tostring(c)) end
if not failed then print("ok: timing.json, chapters, SRT and VTT are valid UTF-8, titles cut at a cluster") end
os.exit(failed and 1 or 0)
LUA
"$VGRUN" "$T/check.lua" "$T" "$WANT" || fail=1

# a message that a C buffer cuts (an unknown scene type of 400 Hangul syllables,
# after 1, 2 and 3 ASCII letters so that one cut falls inside a syllable on any
# message length) never ends in half a character
cat > "$T/utf8.lua" <<'LUA'
local f = assert(io.open(arg[1], "rb")); local s = f:read("a"); f:close()
local ok, pos = utf8.len(s)
if not ok then print("FAIL: " .. arg[1] .. " is not valid UTF-8 (byte " .. pos .. ")"); os.exit(1) end
LUA
HAN400=$(printf '한%.0s' $(seq 400))
for p in x xy xyz; do
  printf 'video: {id: h, title: H}\nscenes:\n  - scene_type: "%s%s"\n    visual_content: {title: T}\n    narration: Hi.\n' \
    "$p" "$HAN400" > "$T/long-$p.yaml"
  "$VGRUN" check --json "$T/long-$p.yaml" > "$T/long-$p.out" 2>&1
  grep -q 'unknown scene type' "$T/long-$p.out" || bad "check of a long scene type: $(head -c 300 "$T/long-$p.out")"
  "$VGRUN" "$T/utf8.lua" "$T/long-$p.out" || fail=1
done
[ $fail -eq 0 ] && ok "a message cut by a C buffer stays valid UTF-8"

# ---- 2. markup is drawn as written ---------------------------------------------
MARKUP='<b>Bold</b> &amp; <span font="/etc/passwd" size="99999999">Tag</span>'
cat > "$T/markup.lua" <<'LUA'
local render = require("vg.render")
local core = require("vg.render_core")
local markup = arg[1]
local failed = false
local function bad(m) print("FAIL: " .. m); failed = true end
local function texts(items, out)
  for _, it in ipairs(items) do
    if it.type == "group" then texts(it.items, out)
    elseif it.type == "text" or it.type == "code" then out[#out + 1] = core.measure(it).text end
  end
  return out
end
local function shows(scene, want)
  local dl = render.display_list(scene, { width = 1280, height = 720 })
  for _, s in ipairs(texts(dl.items, {})) do if s == want then return true end end
  bad(scene.scene_type .. ": no text laid out as " .. want .. " (got: " .. table.concat(texts(dl.items, {}), " | ") .. ")")
end
shows({ scene_type = "title", visual_content = { title = markup, subtitle = "&lt;i&gt;" } }, markup)
shows({ scene_type = "title", visual_content = { title = "x", subtitle = "&lt;i&gt;" } }, "&lt;i&gt;")
shows({ scene_type = "list", visual_content = { header = "H", items = { markup } } }, markup)
shows({ scene_type = "list", visual_content = { header = "H", items = { { title = markup, description = "<i>d</i>" } } } },
  markup .. "\n<i>d</i>")
shows({ scene_type = "command", visual_content = { header = "C", commands = { "$ echo '<b>'" },
  language = "bash bash\255 <b>" } }, "$ echo '<b>'")
-- markup that does not parse (a layout's bug, or invalid UTF-8 from the Lua API)
-- is shown as the text it stands for, never as tags
local m = core.measure({ type = "text", markup = "<b>Hello</b> \255 &amp; <i>x", w = 400, h = 100 })
if m.text ~= "Hello \u{FFFD} & x" then bad("broken markup laid out as " .. tostring(m.text)) end
local p = core.measure({ type = "text", text = "plain \255 text", w = 400, h = 100 })
if p.text ~= "plain \u{FFFD} text" then bad("invalid UTF-8 laid out as " .. tostring(p.text)) end
-- absurd numbers from a user's layout: no Pango warnings (checked on stderr), a frame
local items = {
  { type = "text", x = 0, y = 0, w = 300, h = 100, text = "Hello", size = 1e9 },
  { type = "text", x = 0, y = 0, w = 300, h = 100, text = "Hello", size = 0 / 0, min_size = -1 / 0 },
  { type = "text", x = 0, y = 0, w = 1e300, h = 1e300, text = "Hello", font = "Sans 99999999" },
  { type = "text", x = 0, y = 0, w = 300, h = 100, markup = "<span size='2000000000'>Hello</span>" },
  { type = "text", x = 0, y = 0, w = 300, h = 100, markup = "<span font='Sans 900000'>Hello</span>" },
  { type = "text", x = 0, y = 0, w = 300, h = 100, weight = 1e12, letter_spacing = 1e12, text = "Hello" },
}
for i, it in ipairs(items) do
  local ok, err = pcall(core.render_png, { width = 320, height = 120, background = "#ffffff", items = { it } },
    320, 120, arg[2] .. "/absurd" .. i .. ".png")
  if not ok then bad("absurd item " .. i .. ": " .. tostring(err)) end
end
-- the title as a picture, for OCR
render.frame({ scene_type = "title", visual_content = { title = "<b>Bold</b> &amp; Tag" } },
  { width = 1920, height = 1080, out = arg[2] .. "/markup.png" })
if not failed then print("ok: markup in document text is laid out as written") end
os.exit(failed and 1 or 0)
LUA
timeout -k 10 120 "$VGRUN" "$T/markup.lua" "$MARKUP" "$T" >"$T/mout" 2>"$T/merr"
rc=$?
cat "$T/mout"
[ $rc -eq 0 ] || bad "markup checks: exit $rc: $(head -c 2000 "$T/merr")"
if grep -q 'Pango\|CRITICAL\|WARNING' "$T/merr"; then bad "Pango complained: $(grep -m3 'Pango\|CRITICAL\|WARNING' "$T/merr")"
else ok "no Pango warnings for absurd sizes, fonts and bad UTF-8"; fi
if command -v tesseract >/dev/null && [ -s "$T/markup.png" ]; then
  text=$(tesseract "$T/markup.png" - 2>/dev/null | tr '\n' ' ')
  if grep -qF '<b>Bold</b>' <<<"$text" && grep -qF '&amp;' <<<"$text"; then ok "OCR reads the tags as text: $text"
  else bad "OCR of the markup title: '$text'"; fi
fi

# ---- 3. pictures the renderer must not open ---------------------------------------
mkfifo "$T/fifo.png"
printf 'not a png\n' > "$T/text.png"
# a PNG header that claims 100000 x 100000 pixels
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x06\x00\x00\x00\x00\x00\x00\x00' > "$T/bomb.png"
cat > "$T/images.lua" <<'LUA'
local core = require("vg.render_core")
local render = require("vg.render")
local dir = arg[1]
local failed = false
local function bad(m) print("FAIL: " .. m); failed = true end
local cases = {
  { dir .. "/fifo.png", "not a regular file" }, { "/dev/zero", "not a regular file" },
  { dir, "not a regular file" }, { "/etc/passwd", "not a PNG image" },
  { dir .. "/text.png", "not a PNG image" }, { dir .. "/bomb.png", "too large" },
  { dir .. "/missing.png", "No such file" },
}
for _, c in ipairs(cases) do
  local path, want = c[1], c[2]
  local w, err = core.image_size(path)
  if w or not tostring(err):find(want, 1, true) then bad("image_size(" .. path .. "): " .. tostring(err)) end
  local ok, warnings = core.render_png({ width = 200, height = 200, background = "#ffffff",
    items = { { type = "image", path = path, x = 20, y = 20, w = 160, h = 160, id = "image" } } },
    200, 200, dir .. "/img.png")
  local wn = ok and warnings and warnings[1]
  if not (wn and wn.status == "unreadable" and tostring(wn.reason):find(want, 1, true)) then
    bad("render of " .. path .. ": no warning with '" .. want .. "'")
  end
  -- a placeholder is drawn where the picture would be
  local b = core.load_png(dir .. "/img.png")
  local lum = b:mean_luminance()
  b:close()
  if not (lum < 252) then bad("render of " .. path .. ": nothing drawn in place of the picture") end
  local _, ld = pcall(core.load_png, path)
  if path:find("fifo") and ld and not tostring(ld):find("not a regular file") then bad("load_png(fifo): " .. tostring(ld)) end
end
-- a scene whose picture is a FIFO: the frame renders, with a warning
local buf, w = render.frame({ scene_type = "title", visual_content = { title = "Picture", image = dir .. "/fifo.png" } },
  { width = 640, height = 360 })
if not buf then bad("frame of a scene with a FIFO picture: " .. tostring(w)) end
-- nor is a FIFO written as a PNG
local ok, err = core.render_png({ width = 10, height = 10, items = {} }, 10, 10, dir .. "/fifo.png")
if ok or not tostring(err):find("not a regular file", 1, true) then bad("render_png to a FIFO: " .. tostring(err)) end
if not failed then print("ok: FIFO, device, folder, text, PNG bomb and missing pictures: warning + placeholder") end
os.exit(failed and 1 or 0)
LUA
timeout -k 10 120 "$VGRUN" "$T/images.lua" "$T" >"$T/iout" 2>"$T/ierr"
rc=$?
cat "$T/iout"
case $rc in
  0) ;;
  124|137) bad "the renderer hung on a picture" ;;
  *) bad "picture checks: exit $rc: $(head -c 2000 "$T/ierr")" ;;
esac

# a document whose picture is a FIFO: `vgrun frame` ends (the input adapter may refuse
# the picture, or the renderer draws a placeholder) and names it; never hangs
cat > "$T/pic.yaml" <<YAML
video: { id: pic, title: Pic }
scenes:
  - scene_type: title
    visual_content: { title: "Picture", image: "$T/fifo.png" }
    narration: "Hi."
YAML
timeout -k 10 120 "$VGRUN" frame "$T/pic.yaml" --scene 1 -o "$T/pic.png" >"$T/fout" 2>&1
rc=$?
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then bad "vgrun frame hung on a FIFO picture"
elif [ $rc -ge 128 ]; then bad "vgrun frame crashed on a FIFO picture (exit $rc)"
elif ! grep -q 'fifo.png' "$T/fout"; then bad "vgrun frame with a FIFO picture did not name it: $(cat "$T/fout")"
else ok "vgrun frame with a FIFO picture: exit $rc, $(head -1 "$T/fout")"; fi
# and -o FIFO is refused, not opened
timeout -k 10 120 "$VGRUN" frame "$T/ko.yaml" --scene 1 -o "$T/fifo.png" >"$T/fout" 2>&1
rc=$?
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then bad "vgrun frame -o FIFO hung"
elif [ $rc -eq 0 ] || [ $rc -ge 128 ]; then bad "vgrun frame -o FIFO: exit $rc"
else ok "vgrun frame -o FIFO refused: $(head -1 "$T/fout")"; fi

exit $((fail > 0))
