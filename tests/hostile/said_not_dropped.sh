#!/usr/bin/env bash
# What a reader's limits cut is said, at the line that asked, and what a
# message says is true of the file it names:
# - AsciiDoc attributes that expand to attributes ten times over (a
#   "billion laughs" of {name} references) stop at the reader's budget; the
#   reference left as written is a warning naming the file, the line and
#   the attribute (before: nothing said, and the text read "Text a29 end.");
# - a PNG whose header says 0x0 pixels is damaged, not "too large to draw".
. "$(dirname "$0")/../lib.sh"
vg_scratch said-not-dropped
pass=0; fail=0

# an attribute bomb: :a1: is ten {a0}, :a2: ten {a1}, ... 10^29 copies of a0
{
  echo "= Laughs"
  echo
  echo ":a0: lol lol lol lol lol lol lol lol lol lol"
  for i in $(seq 1 29); do
    printf ':a%d: ' "$i"
    for _ in 1 2 3 4 5 6 7 8 9 10; do printf '{a%d}' $((i - 1)); done
    echo
  done
  echo
  echo "== Section"
  echo
  echo "Text {a29} end."
} >"$T/bomb.adoc"
timeout 60 "$VGRUN" scenes "$T/bomb.adoc" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "adoc attribute bomb: read on"
check "adoc attribute bomb: the spent budget is a warning at the entry's line" \
  grep -qE '/bomb\.adoc:8:1: warning: attribute \{a4\} is not put in' "$T/err"
check "adoc attribute bomb: said once" test "$(grep -c 'is not put in' "$T/err")" -eq 1
# an ordinary attribute is put in, and says nothing
printf '= T\n:product: Widget\n\n== About\n\nThe {product} is small. {missing} stays.\n' >"$T/ok.adoc"
"$VGRUN" scenes "$T/ok.adoc" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "adoc attributes"
check "adoc attributes: put in" has "$T/out" "The Widget is small"
check "adoc attributes: nothing said" test ! -s "$T/err"

# a PNG of 0x0 pixels
python3 - "$T/zero.png" <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 0, 0, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))
PY
printf '# Pictures\n\nIntro.\n\n## One\n\n![none](zero.png)\n\nWords here.\n' >"$T/zero.md"
"$VGRUN" scenes "$T/zero.md" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 1 "0x0 png"
check "0x0 png: named at its line as damaged" grep -q '/zero\.md:7:1: image zero\.png is 0x0 pixels: a PNG with no pixels (damaged)' "$T/err"
check "0x0 png: never called too large" hasnt "$T/err" "too large"
vg_done
