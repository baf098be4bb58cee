#!/usr/bin/env bash
# tests/input/names_list.sh: a long flat list of names (a README's seventy
# storage providers) is one slide in a summary, a few names shown and the
# rest counted, said in a sentence ("Storage providers: 70 in all, among
# them ..."); --detail full shows every item. A list of points, or a short
# list of names, is laid out as before.
. "$(dirname "$0")/../lib.sh"
vg_scratch names_list --own-config

{
  printf '# Cloudsync\n\nCloudsync copies files between your computer and many storage services.\n\n'
  printf '## Storage providers\n\n'
  for n in $(seq 1 70); do printf -- '- Provider %s Cloud\n' "$n"; done
  printf '\n## Features\n\n'
  printf -- '- Hashes are checked at every copy so that no file is silently damaged\n'
  printf -- '- Timestamps are kept on every file that is copied to a service\n'
  printf -- '- Copies can be resumed after the network was lost in the middle\n'
  printf '\n## License\n\nThis is free software under the terms of the MIT license.\n'
} >"$T/doc.md"

"$VGRUN" scenes --json "$T/doc.md" >"$T/sum.json" 2>"$T/sum.err" || bad "scenes: $(cat "$T/sum.err")"
"$VGRUN" scenes --json --detail full "$T/doc.md" >"$T/full.json" 2>"$T/full.err" || bad "scenes --detail full: $(cat "$T/full.err")"

"$VGRUN" -e '
local J = require("vg").json
local function rd(p) local f = assert(io.open(p)); local d = J.decode(f:read("a")); f:close(); return d end
local sum, full = rd(arg[1]), rd(arg[2])
local function under(plan, h)
  local out = {}
  for _, s in ipairs(plan.scenes) do
    if s.type == "list" and s.title == h then out[#out + 1] = s end
  end
  return out
end
-- the summary: one slide of the providers
local ps = under(sum, "Storage providers")
assert(#ps == 1, "the summary shows the providers on " .. #ps .. " slides, not one")
local b = ps[1].bullets
assert(#b >= 4 and #b <= 10, "the providers slide shows " .. #b .. " lines")
assert(b[#b]:match("^%d+ more$"), "its last line counts the rest: " .. tostring(b[#b]))
local shown = #b - 1
assert(b[#b] == (70 - shown) .. " more", "the rest is 70 less the names shown: " .. b[#b])
local n = ps[1].narration
assert(n:find("70 in all, among them Provider 1 Cloud, Provider 2 Cloud", 1, true), "said: " .. n)
assert(not n:find("Provider 9 Cloud", 1, true), "a few names said, not all: " .. n)
-- the list of points keeps its slide and its sentences
assert(#under(sum, "Features") == 1, "the features list is a slide")
-- a minute and a half at most: the list was twelve slides of ten seconds
assert(sum.seconds < 60, string.format("the summary runs %.0f s", sum.seconds))
-- --detail full: every provider, on as many slides as they take
local all = {}
for _, s in ipairs(under(full, "Storage providers")) do
  for _, x in ipairs(s.bullets) do all[#all + 1] = x end
end
assert(#all == 70, "--detail full shows " .. #all .. " providers")
assert(all[70] == "Provider 70 Cloud", "the last provider: " .. tostring(all[70]))
' "$T/sum.json" "$T/full.json" && ok || bad "a long list of names in a summary"

# a list of sixteen names under a heading of another language: its phrases
{
  printf -- '---\nlang: de\n---\n\n# Wolke\n\nWolke kopiert Dateien zwischen Ihrem Rechner und vielen Diensten.\n\n## Anbieter\n\n'
  for n in $(seq 1 20); do printf -- '- Anbieter %s\n' "$n"; done
} >"$T/de.md"
"$VGRUN" scenes --json "$T/de.md" >"$T/de.json" 2>"$T/de.err" || bad "scenes de: $(cat "$T/de.err")"
"$VGRUN" -e '
local J = require("vg").json
local f = assert(io.open(arg[1])); local d = J.decode(f:read("a")); f:close()
local found
for _, s in ipairs(d.scenes) do
  if s.title == "Anbieter" then
    assert(not found, "one slide of the providers"); found = s
    assert(s.bullets[#s.bullets]:match("^%d+ weitere$"), "German last line: " .. s.bullets[#s.bullets])
    assert(s.narration:find("insgesamt 20, darunter", 1, true), "German sentence: " .. s.narration)
  end
end
assert(found, "no slide of the providers")
' "$T/de.json" && ok || bad "a long list of names in German"

vg_done
