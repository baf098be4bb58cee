#!/usr/bin/env bash
# tests/quality/duration.sh: --duration N holds on real documents (issue 13,
# item 1): `vgrun scenes DOC --duration N --json` (the length `vgrun create`
# makes) lands within 15 % of N, or N is out of reach and says so (a
# document whose whole reading is shorter warns "says too little", also
# when held slides bring it within reach, and only then; a short plan
# without that reason fails). The reader's estimate of each scene is
# the timeline's (one reveal model), and two made videos match their plans.
. "$(dirname "$0")/../lib.sh"
vg_scratch duration --own-cache
secs() { "$VGRUN" -e 'local f = assert(io.open(arg[1])); print(require("vg").json.decode(f:read("a")).seconds)' "$1"; }

for doc in "$HERE"/duration/*-*.md; do
  name=$(basename "$doc")
  "$VGRUN" scenes "$doc" --detail full --json >"$T/full.json" 2>/dev/null || { bad "$name: scenes --detail full"; continue; }
  full=$(secs "$T/full.json")
  for n in 60 120 300; do
    "$VGRUN" scenes "$doc" --duration "$n" --json >"$T/plan.json" 2>"$T/plan.err" || { bad "$name $n: scenes"; continue; }
    s=$(secs "$T/plan.json")
    verdict=$(awk -v s="$s" -v n="$n" -v full="$full" -v warned="$(grep -c 'says too little' "$T/plan.err")" 'BEGIN {
      if (full < 0.85 * n && warned == 0) print "no warning that the document says too little";
      else if (full >= n && warned > 0) print "a false warning that the document says too little";
      else if (full < 0.85 * n && s <= 1.15 * n) print "ok";
      else if (s >= 0.85 * n && s <= 1.15 * n) print "ok";
      else print "out of the window";
    }')
    echo "$name --duration $n: ${s} s (whole reading ${full} s): $verdict"
    [ "$verdict" = ok ] || bad "$name --duration $n: $s s, $verdict"
  done
done

# one model: what the reader plans for each scene is what the timeline
# gives it (list scenes whose narration names few of their items)
"$VGRUN" -e '
local input, fit = require("vg.input"), require("vg.create.fit")
local worst = 0
for _, doc in ipairs({ arg[1], arg[2] }) do
  local m = assert(input.load(doc, { duration = 120 }))
  for _, v in ipairs(m.videos) do
    for i, s in ipairs(v.scenes) do
      local c, p = input.seconds(s, v.language), fit.scene_seconds(s, v.language)
      if math.abs(c - p) > 0.05 then
        print(string.format("FAIL %s scene %d (%s): the reader plans %.2f s, the timeline %.2f s", doc, i, s.scene_type, c, p))
        worst = math.max(worst, math.abs(c - p))
      end
    end
  end
end
os.exit(worst == 0 and 0 or 1)' "$HERE/corpus/aocl-zh.md" "$HERE/duration/en-nodejs-README.md" || fail=1

# the made video is as long as planned, within the speech estimate's error:
# a Korean document (10 %: its row of translations in six scripts is not
# said, and once made up most of the error), and its Japanese translation
# (6 %: kana, kanji said by their readings, Latin names the voice spells)
if command -v ffprobe >/dev/null; then
  for spec in ko-jsa-dijkstra:0.1 ja-jsa-dijkstra:0.06; do
    name=${spec%%:*} tol=${spec#*:}
    doc="$HERE/duration/$name.md"
    "$VGRUN" scenes "$doc" --duration 60 --resolution 320x180 --json >"$T/$name.json" 2>/dev/null
    "$VGRUN" create "$doc" --duration 60 --resolution 320x180 --fps 12 -q -o "$T/$name.mp4" >"$T/$name.log" 2>&1 \
      || bad "create: $(tail -3 "$T/$name.log")"
    plan=$(secs "$T/$name.json")
    len=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$T/$name.mp4" 2>/dev/null)
    echo "$name.md --duration 60: planned ${plan} s, made ${len:-?} s"
    awk -v p="$plan" -v l="${len:-0}" -v t="$tol" 'BEGIN { exit !(l >= 51 && l <= 69 && l - p <= t * p && p - l <= t * p) }' \
      || bad "$name.md --duration 60: planned $plan s, the video runs ${len:-no} s"
  done
else
  echo "note: ffprobe not installed, the made video is not measured"
fi
# the documents of the system vgrun replaces: the length the loader fits
# is not the plan's (the frame's splits, the layout's settle time), so a
# plan that runs long is loaded again for less (Internet_Guide_Supplementary
# planned 142 s for --duration 120, without a word); one that cannot get
# near says so
CORPUS=${VG_CORPUS_DIR:-../shared/corpus/video_gen}
if [ -d "$CORPUS/inputs" ]; then
  for doc in "$CORPUS"/inputs/*.md; do
    name=$(basename "$doc")
    "$VGRUN" scenes "$doc" --duration 120 --json >"$T/c.json" 2>"$T/c.err" || { bad "$name: scenes"; continue; }
    s=$(secs "$T/c.json")
    warned=$(grep -cE 'duration: warning: --duration 120: (the document says too little|the video cannot be that short)' "$T/c.err")
    echo "corpus $name --duration 120: $s s ($warned warnings)"
    awk -v s="$s" -v w="$warned" 'BEGIN { exit !((s >= 102 && s <= 138) || w > 0) }' \
      || bad "corpus $name --duration 120: $s s, and no warning says why"
  done
else
  echo "note: corpus not found at $CORPUS: its documents are not measured"
fi
exit $((fail > 0))
