#!/usr/bin/env bash
# A code slide shows its code from its first second, checked from the
# outputs alone: the prose that introduces a block says a word of its
# command ("To install the packages listed in that file, you can run:" over
# `pip install -r requirements.txt`) only in its last sentence; the code is
# on screen (OCR of the frame) a second into the slide, long before the voice
# reaches that word (the slide's header names the file too: the check
# reads the command's "requirements.txt").
#   VGRUN=build/vgrun tests/create/code_shown.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg tesseract python3
vg_scratch code-shown
cd "$T" || exit 1
cat >guide.md <<'MD'
# Getting started

A short guide to the tool.

## Install packages from a requirements file

Many projects keep the names of all the packages and libraries that they
need to build, to test and to run in one plain text file in their folder.
To install the packages listed in that file, you can run:

```console
$ pip install -r requirements.txt
```
MD
for res in 960x540 540x960; do
  rm -f guide.mp4 guide.timing.json
  "$VGRUN" create --from document:guide.md -o guide.mp4 --resolution "$res" -q >out.txt 2>&1; rc=$?
  expect_rc 0 "create ($res)"
  # the code slide's start, and when the voice says "install" in it
  python3 - guide.timing.json >times.txt <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
sc = next(s for s in t["scenes"] if s["type"] == "command")
said = next(w["start"] for w in sc["words"] if w["word"].lower().strip(".,:") == "install")
print("%.2f %.2f" % (sc["start"] + 1.0, said))
PY
  read -r first said <times.txt
  check "($res) the voice reaches the command's word late in the slide ($said s)" \
    python3 -c "import sys; sys.exit(0 if $said - $first > 3 else 1)"
  ffmpeg -nostdin -v error -ss "$first" -i guide.mp4 -frames:v 1 -y f.png
  tesseract f.png - 2>/dev/null | tr 'A-Z' 'a-z' >ocr.txt
  check "($res) the code is on screen a second into the slide ($first s)" grep -Eq "requirements\. ?txt" ocr.txt
  # (and it reads when the voice has named it: the OCR itself is sound)
  ffmpeg -nostdin -v error -ss "$(python3 -c "print($said + 1)")" -i guide.mp4 -frames:v 1 -y g.png
  check "($res) the code reads once it is said" grep -Eq "requirements\. ?txt" <(tesseract g.png - 2>/dev/null | tr 'A-Z' 'a-z')
done
vg_done
