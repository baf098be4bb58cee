#!/usr/bin/env bash
# tests/quality/corpus_ocr.sh: the layouts of real documents read back by
# OCR from the videos `vgrun create --captions burn` makes (issue 13, "How
# it is measured"): every table and list scene of each video (times from
# OUT.timing.json, captions from OUT.srt), read by tesseract in the frame
# where the scene has settled: its headline read, every column name of a
# table read, the bullets of a list read, and no word of the slide inside
# the box of a caption burnt over the scene; and each caption over those
# scenes is the one on screen at its middle (corpus_ocr.py says how).
#
# The documents: tests/quality/corpus's zstd README (two table scenes, lists
# with nested items), bats' README (en), and the German and French "Art of
# Command Line" (lists); with ../shared/corpus/video_gen (VG_CORPUS_DIR),
# its Internet Guide README too (skipped, saying so, when it is absent).
# 1280x720 at 12 frames a second: the smallest size where tesseract still
# reads a table's cells (set at 34 of 1080) and the captions; the summary
# each document gets by default.
#
# It can fail, and shows it each run:
# - a layout broken on purpose: noband.lua (a plug-in) sets the captions'
#   band to nothing, so layouts use the frame's whole height under burnt
#   captions, as before the band existed (the old layouts); the French aocl
#   guide (long list items) made so must fail with "a caption ... covers
#   text of the slide" (bats' short points, centred, no longer reach the band);
# - the zstd video's table frames read with their right half blanked
#   (corpus_ocr.py --cut-right) must fail with "column ... not read".
# A vgrun that put a burnt-in cue's change at the nearest frame (before
# lua/vg/create/plan.lua's add_change) fails it on the zstd README: seven
# of its captions "not the one on screen", the cue before held over them.
. "$(dirname "$0")/../lib.sh"
vg_need tesseract ffmpeg ffprobe python3
vg_scratch corpus-ocr
# tesseract on one thread: the test runs two documents at a time
export OMP_THREAD_LIMIT=1
RES=1280x720
CORPUS=${VG_CORPUS_DIR:-../shared/corpus/video_gen}

DOCS="$HERE/corpus/en-zstd-README.md
$HERE/corpus/en-bats-README.md
$HERE/corpus/aocl-de.md
$HERE/corpus/aocl-fr.md"
if [ -f "$CORPUS/inputs/Internet_Guide_README.md" ]; then
  DOCS="$DOCS
$CORPUS/inputs/Internet_Guide_README.md"
else
  echo "note: corpus not found at $CORPUS: its Internet Guide README is not read"
fi

cat >"$T/noband.lua" <<'LUA'
-- a layout broken on purpose: no band kept for burnt-in captions
require("vg.render").CAPTION_BAND = 0
LUA

# make NAME DOC [vgrun options before the command]: the video, then the check
make_and_check() {
  local name=$1 doc=$2
  shift 2
  if "$VGRUN" "$@" create "$doc" -o "$T/$name.mp4" --resolution $RES --fps 12 \
      --captions burn,srt -q >"$T/$name.log" 2>&1; then
    python3 "$HERE/corpus_ocr.py" "$VGRUN" "$T/$name.mp4" "$doc" $RES "$@" >"$T/$name.check" 2>&1
    echo $? >"$T/$name.rc"
  else
    echo "vgrun create failed: $(head -c 600 "$T/$name.log")" >"$T/$name.check"
    echo 2 >"$T/$name.rc"
  fi
}

# two at a time: the machine's cores, not more
pids=()
k=0
while read -r doc; do
  k=$((k + 1))
  make_and_check "doc$k" "$doc" </dev/null &
  pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done <<<"$DOCS"
make_and_check broken "$HERE/corpus/aocl-fr.md" --plugin "$T/noband.lua" </dev/null &
wait

k=0
while read -r doc; do
  k=$((k + 1))
  cat "$T/doc$k.check"
  [ "$(cat "$T/doc$k.rc")" = 0 ] || { echo "FAIL $(basename "$doc"): see above"; fail=1; }
done <<<"$DOCS"

# the negative proofs: the check sees a caption over a list item ...
if [ "$(cat "$T/broken.rc")" = 1 ] && grep -q "covers text of the slide" "$T/broken.check"; then
  echo "ok: with no caption band (noband.lua) the check fails: $(grep -m1 -o 'scene [0-9]*.*covers text of the slide' "$T/broken.check")"
else
  echo "FAIL: the French aocl guide made with no caption band passed the caption check:"; cat "$T/broken.check"; fail=1
fi
# ... and a column that is not on screen: the zstd video's table frames
# read with their right half blanked
python3 "$HERE/corpus_ocr.py" "$VGRUN" "$T/doc1.mp4" "$HERE/corpus/en-zstd-README.md" $RES --cut-right >"$T/cut.check" 2>&1
if [ $? = 1 ] && grep -q "column 'Decompress.' not read" "$T/cut.check"; then
  echo "ok: a table cut in half fails the check: $(grep -m1 -o "scene [0-9]*.*column 'Decompress.' not read" "$T/cut.check")"
else
  echo "FAIL: the zstd table cut in half passed the column check:"; cat "$T/cut.check"; fail=1
fi

[ "$fail" = 0 ] && echo "ok: table columns, headlines, bullets and burnt-in captions of $(echo "$DOCS" | wc -l) documents read back"
exit $((fail > 0))
