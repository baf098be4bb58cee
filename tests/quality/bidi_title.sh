#!/usr/bin/env bash
# tests/quality/bidi_title.sh: right-to-left titles (issue 13). An Arabic
# title typed in visual order for a left-to-right page (GitHub's MS-DOS
# README: it opens a bracket first and leaves brackets open) looks as its
# author saw it: pixel for pixel the frame of the same words typed in
# logical order. A title in logical order stays right to left.
. "$(dirname "$0")/../lib.sh"
vg_scratch bidi
title() { printf -- '---\nlang: ar\n---\n# %s\n' "$2" >"$T/$1.md"; }
frame() { "$VGRUN" frame "$T/$1.md" --scene 1 --resolution 640x360 -o "$T/$1.png" >/dev/null 2>"$T/$1.err" ||
  { echo "FAIL: vgrun frame $1: $(cat "$T/$1.err")"; fail=1; }; }
# (short enough for one line in the logical order too: a longer title in
# logical order wraps onto two lines at a larger size, while one typed in
# visual order stays on its one line, the only one it reads right on)
title visual "(بالنسخة (٢.٠ MS-DOS الكود المصدري لـ"
title logical "الكود المصدري لـ MS-DOS بالنسخة (٢.٠)"
# the logical one laid out left to right would differ from it
title logical_ltr "(٢.٠) بالنسخة MS-DOS لـ المصدري الكود"
for f in visual logical logical_ltr; do frame $f; done
[ $fail = 0 ] || exit 1
cmp -s "$T/visual.png" "$T/logical.png" ||
  { echo "FAIL: a title typed in visual order is not laid out as its author saw it"; fail=1; }
cmp -s "$T/logical.png" "$T/logical_ltr.png" &&
  { echo "FAIL: the frames do not tell the order of the words apart"; fail=1; }
[ $fail = 0 ] && echo "ok: right-to-left titles"
exit $((fail > 0))
