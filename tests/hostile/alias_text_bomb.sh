#!/usr/bin/env bash
# YAML aliases were bounded by their count of nodes only: one long text
# anchored once and aliased a few hundred times is a few hundred nodes, so
# a 10 MB file became gigabytes of copies (12 GB and still growing after ten
# minutes for `vgrun scenes`). The text the copies hold is bounded too (at
# most a document file's size, 32 MiB): such a file is an error at the
# alias's line, at once; a short text aliased many times is still taken.
#   VGRUN=build/vgrun tests/hostile/alias_text_bomb.sh
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch alias-text-bomb
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
big = "word " * (400 * 1024)            # 2 MB, aliased 40 times: 80 MB of copies
lines = ['big: &b "%s"' % big, "video: {id: bomb, title: Bomb}", "scenes:"]
lines += ["  - {type: title, title: Hello, narration: *b}"] * 40
open(t + "/bomb.yaml", "w").write("\n".join(lines) + "\n")
small = ["say: &s Said again and again.", "video: {id: ok, title: Fine}", "scenes:"]
small += ["  - {type: list, title: Hello, items: [*s, *s, *s, *s]}"] * 80
open(t + "/fine.yaml", "w").write("\n".join(small) + "\n")
PY
timeout -k 2 30 "$VGRUN" scenes "$T/bomb.yaml" >"$T/bomb.out" 2>"$T/bomb.err"; rc=$?
expect_rc 1 "a long text aliased many times is an error"
check "the error names the alias's line" has "$T/bomb.err" \
  'bomb.yaml:[0-9]*:[0-9]*: alias expansion too large (the copies hold more than 33554432 bytes of text)'
timeout -k 2 30 "$VGRUN" scenes --json "$T/fine.yaml" >"$T/fine.json" 2>"$T/fine.err"; rc=$?
expect_rc 0 "a short text aliased 320 times is read"
check "each alias is said" test "$(grep -o 'Said again and again' "$T/fine.json" | wc -l)" -ge 320
vg_done
