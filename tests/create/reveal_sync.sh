#!/usr/bin/env bash
# Reveal sync, checked from the outputs alone: timing.json gives each scene
# its words with their times (espeak-ng's, as the captions use); at the
# moment an item's first word is said the item is on screen (OCR of that
# frame), and a second and a half before, when the voice is still on the
# item before it, it is not yet.
#   VGRUN=build/vgrun tests/create/reveal_sync.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg tesseract python3
vg_scratch reveal-sync
cd "$T" || exit 1
cat >orchard.yaml <<'YAML'
video: {id: orchard, title: The Orchard}
scenes:
  - type: list
    header: What grows here
    items: [Apples ripen slowly, Cherries bloom early, Walnuts need patience, Quinces smell sweet]
    narration: >-
      Let us take a slow walk along the rows of the old orchard together, one tree at a time.
      Apples ripen slowly. They hang on the branches through the whole of the long summer.
      Cherries bloom early. Their white flowers open before any leaves have come out.
      Walnuts need patience. A young tree gives nothing for many years after planting.
      Quinces smell sweet. One fruit on a shelf fills the whole kitchen with its scent.
YAML
"$VGRUN" create --from orchard.yaml -o orchard.mp4 --resolution 960x540 -q >out.txt 2>&1; rc=$?
expect_rc 0 "create"
check "timing.json has the scene's words with their times" python3 - orchard.timing.json <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
w = t["scenes"][0].get("words") or []
assert len(w) >= 40, "only %d words" % len(w)
sc = t["scenes"][0]
prev = 0
for x in w:
    assert sc["narration_start"] - 1e-3 <= x["start"] <= x["end"] <= sc["narration_end"] + 1e-3, x
    assert x["start"] >= prev - 1e-3, x
    prev = x["start"]
PY
# for each item: the time its first word is said, and 1.5 s before
python3 - orchard.timing.json >times.txt <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
words = t["scenes"][0]["words"]
for item in ["apples", "cherries", "walnuts", "quinces"]:
    at = next(x["start"] for x in words if x["word"].lower().strip(".,") == item)
    print(item, "%.2f" % (at + 0.3), "%.2f" % (at - 1.5))
PY
check "each item's first word is in the timing" [ "$(wc -l <times.txt)" -eq 4 ]
ocr() {   # ocr TIME -> the words on screen, lower case
  ffmpeg -nostdin -v error -ss "$1" -i orchard.mp4 -frames:v 1 -y f.png && tesseract f.png - 2>/dev/null | tr 'A-Z' 'a-z'
}
while read -r item said before; do
  check "$item is on screen when it is said ($said s)" grep -q "$item" <(ocr "$said")
  check "$item is not on screen 1.5 s before it is said ($before s)" bash -c "! grep -q '$item' <(ffmpeg -nostdin -v error -ss $before -i orchard.mp4 -frames:v 1 -y g.png && tesseract g.png - 2>/dev/null | tr A-Z a-z)"
done <times.txt
vg_done
