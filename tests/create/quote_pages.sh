#!/usr/bin/env bash
# tests/create/quote_pages.sh: a long quote shown as pages.
# 1. Its narration names only the first page: in the made MP4 each page
#    stays up as long as it takes to read it (a moment to look and its words
#    at the reading pace of lua/vg/timing.lua), and the quote scene lasts
#    what `vgrun scenes` planned.
# 2. Its narration reads the whole quote: each page turns when the voice
#    reaches its first words (the clip's word timings, after the scene's
#    narration_start in OUT.timing.json), not when the page before could
#    have been read; one of its pages starts with a word said earlier on the
#    page before ("When").
# 3. A recording's words, spread over its cues (nobody timed them): a page
#    is not shown before the page before could be read.
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg ffprobe
vg_scratch quote --own-cache

cat >"$T/quote.yaml" <<'YAML'
video:
  id: quote
  title: "On Free Software"
scenes:
  - scene_type: quote
    visual_content:
      quote_text: "Whenever a program has an owner, the users lose freedom to control part of their own lives. The owner of a program restricts what the users may do with it, and decides when it changes. Copying a program to share it with a neighbour is an act of friendship, yet an owner calls it piracy. Sharing is how communities grow, and forbidding it turns neighbours into suspects. When users cannot study the source, they cannot learn how the machine that runs their lives works. When they cannot change it, they depend on the owner for every fix, however small. When they cannot redistribute it, their help to others becomes a crime. Free software restores these freedoms to every user of the program, whoever they are."
      attribution: "A free software essay"
    narration: "Whenever a program has an owner, the users lose freedom, the essay begins."
  - scene_type: outro
    visual_content: { main_text: "Done", sub_text: "Thanks" }
    narration: "Done."
YAML

"$VGRUN" scenes "$T/quote.yaml" --resolution 480x270 --json >"$T/plan.json" 2>"$T/plan.err" \
  || bad "scenes: $(cat "$T/plan.err")"
"$VGRUN" create "$T/quote.yaml" -o "$T/quote.mp4" --resolution 480x270 --fps 10 -q >"$T/create.log" 2>&1 \
  || bad "create: $(tail -3 "$T/create.log")"
[ -s "$T/quote.mp4" ] || { echo "FAIL no video made"; exit 1; }
# when the picture changes: the pages' flips (and the cut to the outro)
ffmpeg -hide_banner -i "$T/quote.mp4" -vf "select='gt(scene,0.05)',showinfo" -f null - 2>&1 \
  | sed -n 's/.*pts_time:\([0-9.]*\).*/\1/p' >"$T/cuts.txt"

"$VGRUN" -e '
local J = require("vg").json
local timing = require("vg.timing")
local function rd(p) local f = assert(io.open(p)); local d = f:read("a"); f:close(); return d end
local plan, made = J.decode(rd(arg[1])), J.decode(rd(arg[2]))
local y = rd(arg[4])
local pages = require("vg.render").get_type("quote").steps({ visual_content = { quote_text = y:match("quote_text: \"(.-)\"\n") } })
assert(#pages == 3, #pages .. " pages")
local q = made.scenes[1]
local held = q["end"] - q.start
local cuts = {}
for t in rd(arg[3]):gmatch("[%d.]+") do
  t = tonumber(t)
  if t > q.start + 1 and t < q["end"] - 0.2 then cuts[#cuts + 1] = t end
end
assert(#cuts == #pages - 1, string.format("%d page flips in the video, %d pages", #cuts, #pages))
local shown = q.start + 0.5
for i, p in ipairs(pages) do
  local need = timing.read_look + select(2, p:gsub("%S+", "")) / timing.read_wps
  local gone = cuts[i] or q["end"]
  assert(gone - shown >= need - 0.3,
    string.format("page %d is up %.2f s (from %.2f s), it takes %.2f s to read", i, gone - shown, shown, need))
  shown = gone
end
assert(math.abs(plan.scenes[1].seconds - held) <= 0.3,
  string.format("the quote is planned %.2f s, the video holds it %.2f s", plan.scenes[1].seconds, held))
' "$T/plan.json" "$T/quote.timing.json" "$T/cuts.txt" "$T/quote.yaml" || bad "the pages are not up long enough"

# 2. the narration reads every page
Q=$(sed -n 's/^      quote_text: "\(.*\)"$/\1/p' "$T/quote.yaml")
sed "s|^    narration: \"Whenever.*|    narration: \"$Q\"|" "$T/quote.yaml" >"$T/read.yaml"
grep -q "narration: \"Whenever a program has an owner, the users lose freedom to control" "$T/read.yaml" \
  || bad "the fixture whose narration reads the quote"
"$VGRUN" create "$T/read.yaml" -o "$T/read.mp4" --resolution 480x270 --fps 10 -q >"$T/read.log" 2>&1 \
  || bad "create: $(tail -3 "$T/read.log")"
ffmpeg -hide_banner -i "$T/read.mp4" -vf "select='gt(scene,0.05)',showinfo" -f null - 2>&1 \
  | sed -n 's/.*pts_time:\([0-9.]*\).*/\1/p' >"$T/read_cuts.txt"
"$VGRUN" -e '
local vg = require("vg")
local J = vg.json
local function rd(p) local f = assert(io.open(p)); local d = f:read("a"); f:close(); return d end
local made, y = J.decode(rd(arg[1])), rd(arg[3])
local text = y:match("quote_text: \"(.-)\"\n")
assert(y:match("narration: \"(.-)\"\n") == text, "the narration is the quote")
local pages = require("vg.render").get_type("quote").steps({ visual_content = { quote_text = text } })
assert(#pages == 3, #pages .. " pages")
-- the clip the video was made with (the same text and voice: from the cache)
local clip = assert(vg.tts.synth(text, { voice = made.voice }))
assert(clip.cached, "the narration is not the clip the video used")
local q = made.scenes[1]
local cuts = {}
for t in rd(arg[2]):gmatch("[%d.]+") do
  t = tonumber(t)
  if t > q.start + 1 and t < q["end"] - 0.2 then cuts[#cuts + 1] = t end
end
assert(#cuts == #pages - 1, string.format("%d page flips in the video, %d pages", #cuts, #pages))
-- page i starts at the word after the words of the pages before it
local first = 1
for i, p in ipairs(pages) do
  if i > 1 then
    local w = clip.words[first]
    assert(w and p:sub(1, #w.word) == w.word, string.format("page %d starts with %q", i, w and w.word or "?"))
    local said = q.narration_start + w.start
    -- the flip is seen on the first picture of the page fading in (10 fps)
    assert(cuts[i - 1] >= said - 0.05 and cuts[i - 1] <= said + 0.35,
      string.format("page %d turns at %.2f s, the voice says its first words (%q) at %.2f s",
        i, cuts[i - 1], w.word, said))
  end
  first = first + select(2, p:gsub("%S+", ""))
end
' "$T/read.timing.json" "$T/read_cuts.txt" "$T/read.yaml" || bad "the pages do not turn with the voice"

# 3. words nobody timed (a recording's, spread evenly) that reach page 2
# early: it still waits for page 1 to be read; with the same words timed by
# the voice it turns when they are said
"$VGRUN" -e '
local render = require("vg.render")
local timing = require("vg.timing")
local y = io.open(arg[1]):read("a")
local text = y:match("quote_text: \"(.-)\"\n")
local def = render.get_type("quote")
local pages = def.steps({ visual_content = { quote_text = text } })
local words, t = {}, 0.4
for i, p in ipairs(pages) do
  for w in p:gmatch("%S+") do
    words[#words + 1] = { word = w, start = t, ["end"] = t + 0.1 }
    t = t + 0.1
  end
end
local function turn(recorded)
  local scene = { scene_type = "quote", visual_content = { quote_text = text },
    audio = { duration = t + 0.4, words = words, recorded = recorded } }
  local iv = render.keyframes(scene)
  return iv[2] and iv[2][1]
end
local said = 0.4 + 0.1 * select(2, pages[1]:gsub("%S+", ""))
local read = render.ENTER * 0.8 + timing.read_look + select(2, pages[1]:gsub("%S+", "")) / timing.read_wps
assert(math.abs(turn(nil) - said) < 0.01, string.format("timed: page 2 at %.2f s, said at %.2f s", turn(nil), said))
assert(math.abs(turn(true) - read) < 0.01, string.format("recorded: page 2 at %.2f s, read by %.2f s", turn(true), read))
' "$T/quote.yaml" || bad "words nobody timed show a page before the one before it could be read"

vg_done
