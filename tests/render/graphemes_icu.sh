#!/usr/bin/env bash
# vg.text's grapheme clusters against ICU's on random strings of the code
# points where the rules differ (marks, ZWJ, emoji, flags, Hangul, Indic,
# prepend, spacing marks) and of random code points. Arg: the icu_graphemes
# tool. Exit 77 = skip.
. "$(dirname "$0")/../lib.sh"
ICU=${1-}
[ -n "$ICU" ] || { echo "skip: ICU (libicu-dev, scripts/deps.d/render.txt) was not found at configure time"; exit 77; }
vg_scratch graphemes_icu
cat > "$T/cases.lua" <<'LUA'
-- random lines (no CR/LF inside a line: the tools read lines)
local pool = { 0x61, 0x20, 0x01, 0x300, 0x301, 0x308, 0x200D, 0x200C, 0xFE0F, 0x1F3FB, 0x1F3FF, 0x1F469,
  0x1F466, 0x2764, 0x1F1F0, 0x1F1F7, 0x1F1FA, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0xD55C, 0x0600,
  0x0903, 0x0E33, 0x094D, 0x0938, 0x0915, 0x0928, 0x09CD, 0x0995, 0x0E40, 0x0E01, 0x1F44D, 0x3042,
  0x4E00, 0x110BD, 0x0D4E, 0xAA, 0x1F9D1, 0x1F91D, 0x00A9, 0x1F600, 0xE0061, 0x1F3F4, 0x0B4D, 0x0B15 }
local seed = tonumber(arg[1])
math.randomseed(seed)
for _ = 1, 20000 do
  local t = {}
  for k = 1, math.random(1, 8) do
    local cp
    if math.random() < 0.8 then cp = pool[math.random(#pool)]
    else repeat cp = math.random(0x20, 0x10FFFF) until not (cp >= 0xD800 and cp <= 0xDFFF) end
    t[k] = utf8.char(cp)
  end
  print(table.concat(t))
end
LUA
cat > "$T/bounds.lua" <<'LUA'
local text = require("vg.text")
for line in io.lines(arg[1]) do
  local t = {}
  for _, b in text.clusters(line) do t[#t + 1] = tostring(b) .. " " end
  print(table.concat(t))
end
LUA
for seed in 1 2 3 4 5; do
  "$VGRUN" "$T/cases.lua" "$seed" > "$T/cases.txt" || { echo "FAIL: cases"; exit 1; }
  "$ICU" < "$T/cases.txt" > "$T/icu.txt"
  "$VGRUN" "$T/bounds.lua" "$T/cases.txt" > "$T/lua.txt" || { echo "FAIL: vg.text"; exit 1; }
  n=$(paste -d'|' "$T/cases.txt" "$T/icu.txt" "$T/lua.txt" | awk -F'|' '$2 != $3' | wc -l)
  if [ "$n" -ne 0 ]; then
    echo "FAIL: seed $seed: $n of $(wc -l < "$T/cases.txt") lines differ from ICU, e.g.:"
    paste -d'|' "$T/cases.txt" "$T/icu.txt" "$T/lua.txt" | awk -F'|' '$2 != $3' | head -3 | od -c | head -12
    fail=1
  else
    echo "ok: seed $seed: $(wc -l < "$T/cases.txt") lines split as ICU $(pkg-config --modversion icu-uc 2>/dev/null) splits them"
  fi
done
exit $((fail > 0))
