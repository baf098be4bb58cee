#!/usr/bin/env bash
# tests/create/image_line.sh: a warning about a picture names the line of
# the picture's reference, not the line its scene starts on. A PNG whose
# data is damaged is found when the document is read, so vgrun check and
# vgrun frame --sheet tell it as vgrun create does (they said nothing: it
# was found only when a slide was drawn), once; the warning once named the
# section's first paragraph (line 7), where the reference is on line 11; in
# YAML the scene's "- scene_type" line, where `image:` is on line 12; in
# reStructuredText the .rst line of the directive.
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch image_line

# a PNG with a good signature and header whose compressed data is zeros
python3 - "$T/damaged.png" <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
raw = b''.join(b'\x00' + b'\xff\x00\x00' * 64 for _ in range(64))
idat = bytearray(zlib.compress(raw)); idat[10:30] = b'\x00' * 20
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 64, 64, 8, 2, 0, 0, 0))
                              + chunk(b'IDAT', bytes(idat)) + chunk(b'IEND', b''))
PY

cat >"$T/doc.md" <<'MD'
# Pictures

Intro paragraph about the pictures and what they show here.

## Section

First paragraph of the section, with some words in it to read aloud.

Second paragraph with more words so that the image is further down.

![diagram](damaged.png)

After the image another paragraph of words appears here for you.
MD

cat >"$T/doc.yaml" <<'YAML'
video:
  id: pics
  title: Pictures
scenes:
  - scene_type: list
    narration: A list of things with a picture beside it for you to see.
    visual_content:
      header: Things
      items:
        - one
        - two
      image: damaged.png
YAML

"$VGRUN" create "$T/doc.md" -o "$T/md.mp4" --resolution 320x180 --fps 5 >"$T/md.log" 2>&1; rc=$?
expect_rc 0 "create doc.md"
check "create names the picture's line (11)" has "$T/md.log" "doc.md:11:1: warning: image damaged.png cannot be used (its PNG data is damaged and cannot be decoded); a placeholder is drawn"
check "create tells it once" test "$(grep -c 'damaged.png cannot be used' "$T/md.log")" = 1
check "create does not name the scene's line (7)" hasnt "$T/md.log" "doc.md:7:"

"$VGRUN" frame "$T/doc.md" --scene 2 -o "$T/f.png" >"$T/frame.log" 2>&1; rc=$?
expect_rc 0 "frame doc.md"
check "frame names the picture's line (11)" has "$T/frame.log" "doc.md:11:1: warning: image damaged.png cannot be used"
check "frame tells it once" test "$(grep -c 'damaged.png cannot be used' "$T/frame.log")" = 1

"$VGRUN" frame "$T/doc.md" --sheet -o "$T/sheet.png" >"$T/sheet.log" 2>&1; rc=$?
expect_rc 0 "frame --sheet doc.md"
check "a contact sheet names the picture's line (11)" has "$T/sheet.log" "doc.md:11:1: warning: image damaged.png cannot be used"

"$VGRUN" check "$T/doc.md" >"$T/check.log" 2>&1; rc=$?
expect_rc 0 "check doc.md"
check "check names the picture's line (11)" has "$T/check.log" "doc.md:11:1: warning: image damaged.png cannot be used (its PNG data is damaged and cannot be decoded); a placeholder is drawn"

# a real picture cut short (a download that stopped): its chunks end early
head -c 200 "$T/f.png" >"$T/cut.png"
sed 's/damaged.png/cut.png/' "$T/doc.md" >"$T/cut.md"
"$VGRUN" check "$T/cut.md" >"$T/cut.log" 2>&1; rc=$?
expect_rc 0 "check cut.md"
check "check names a cut-off PNG at its line" has "$T/cut.log" "cut.md:11:1: warning: image cut.png cannot be used (its PNG data is damaged"
sed 's/damaged.png/f.png/' "$T/doc.md" >"$T/whole.md"
"$VGRUN" check "$T/whole.md" >"$T/whole.log" 2>&1; rc=$?
expect_rc 0 "check whole.md"
check "a whole PNG is not called damaged" hasnt "$T/whole.log" "damaged"

"$VGRUN" create "$T/doc.yaml" -o "$T/yaml.mp4" --resolution 320x180 --fps 5 >"$T/yaml.log" 2>&1; rc=$?
expect_rc 0 "create doc.yaml"
check "create names the image: line of the YAML (12)" has "$T/yaml.log" "doc.yaml:12:[0-9]*: .*warning: image damaged.png cannot be used"
"$VGRUN" check "$T/doc.yaml" >"$T/ycheck.log" 2>&1; rc=$?
expect_rc 0 "check doc.yaml"
check "check names the image: line of the YAML (12)" has "$T/ycheck.log" "doc.yaml:12:[0-9]*: .*warning: image damaged.png cannot be used"

# reStructuredText: the line of the .rst file ('.. image::' on line 13)
cat >"$T/doc.rst" <<'RST'
Pictures
========

Intro paragraph about the pictures and what they show here.

Section
-------

First paragraph of the section, with some words in it to read aloud.

Second paragraph with more words so that the image is further down.

.. image:: damaged.png

After the image another paragraph of words appears here for you.
RST
"$VGRUN" frame "$T/doc.rst" --scene 2 -o "$T/r.png" >"$T/rst.log" 2>&1; rc=$?
expect_rc 0 "frame doc.rst"
check "frame names the .rst line of the image directive (13)" has "$T/rst.log" "doc.rst:13:[0-9]*: .*warning: image damaged.png"

# the event a tool reads says the same line
"$VGRUN" create "$T/doc.md" -o "$T/md2.mp4" --resolution 320x180 --fps 5 --events "$T/events.jsonl" \
  >"$T/md2.log" 2>&1; rc=$?
expect_rc 0 "create --events"
check "the warning event's data.line is the picture's" python3 - "$T/events.jsonl" <<'PY'
import json, sys
ws = [e for e in map(json.loads, open(sys.argv[1])) if e.get("type") == "validation.warning"
      and "cannot be used" in e.get("message", "")]
sys.exit(0 if ws and all(e["data"]["line"] == 11 for e in ws) else 1)
PY
vg_done
