#!/usr/bin/env bash
# tests/create/quote_pages.sh: a long quote shown as pages whose narration
# names only the first page. In the made MP4 each page stays up as long as
# it takes to read it (a moment to look and its words at the reading pace of
# lua/vg/timing.lua), and the quote scene lasts what `vgrun scenes` planned.
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

vg_done
