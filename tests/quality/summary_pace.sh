#!/usr/bin/env bash
# tests/quality/summary_pace.sh: a summary runs about a minute per 500-700
# words (issue 13, item 1) even when a document is many short paragraphs,
# whose first sentences alone are a reading: past a minute per 500 words the
# key points after a scene's first go, so every section is still said and
# the length stays within 15 % of that pace. --detail full says them all.
. "$(dirname "$0")/../lib.sh"
vg_scratch pace
words=(river engine garden signal harbor lantern meadow circuit canyon pocket
  ladder window market thunder valley mirror rocket island candle forest)
{
  printf '# Field Notes\n\nNotes about the tools of a small workshop and how they are kept.\n\n'
  for s in 0 1 2 3 4 5 6 7 8 9; do
    printf '## Topic %s: the %s\n\n' "$((s + 1))" "${words[s]}"
    for p in 0 1 2 3; do
      a=${words[$(((s + p) % 20))]} b=${words[$(((s * 3 + p + 5) % 20))]} c=${words[$(((s + p * 7 + 11) % 20))]}
      printf 'Paragraph %s of topic %s says the %s sits beside the %s near the old %s every day. ' \
        "$((p + 1))" "$((s + 1))" "$a" "$b" "$c"
      printf 'It then explains at length why the %s matters for the %s and the %s in winter. ' "$b" "$c" "$a"
      printf 'A last remark ties the %s to the %s once more.\n\n' "$c" "$a"
    done
  done
} >"$T/notes.md"
n=$(wc -w <"$T/notes.md")
"$VGRUN" scenes --json "$T/notes.md" >"$T/sum.json" 2>"$T/err" || bad "scenes: $(cat "$T/err")"
"$VGRUN" scenes --json --detail full "$T/notes.md" >"$T/full.json" 2>"$T/err" || bad "scenes --detail full: $(cat "$T/err")"
"$VGRUN" -e '
local J = require("vg").json
local function rd(p) local f = assert(io.open(p)); local d = J.decode(f:read("a")); f:close(); return d end
local sum, full, words = rd(arg[1]), rd(arg[2]), tonumber(arg[3])
local pace = math.max(60, words / 500 * 60)
assert(sum.seconds <= pace * 1.15, string.format("the summary runs %.0f s for %d words (a minute per 500: %.0f s)",
  sum.seconds, words, pace))
assert(full.seconds > sum.seconds * 1.5, string.format("--detail full runs %.0f s, the summary %.0f s", full.seconds, sum.seconds))
local said = {}
for _, s in ipairs(sum.scenes) do said[#said + 1] = s.narration end
said = table.concat(said, " ")
for t = 1, 10 do
  assert(said:find("Paragraph 1 of topic " .. t .. " ", 1, true), "topic " .. t .. " is not said")
end
' "$T/sum.json" "$T/full.json" "$n" || bad "the summary's pace"
vg_done
