#!/usr/bin/env bash
# tests/create/title_outro_length.sh: the title and the outro of a short
# summary take a few seconds, not a fifth of it (issue 13, item 1). A
# release's heading as a title is welcomed by its name and version: its date
# and interface numbers in brackets are shown, not said ("Welcome to
# Noteworthy changes in version 1.10.1 (2022-03-28) [C24/A4/R1]." took 13 s
# in the GnuTLS NEWS file);
# a qualifier in brackets without a digit ("(Beta)") is still said.
. "$(dirname "$0")/../lib.sh"
vg_scratch title_outro
cat >"$T/NEWS.md" <<'DOC'
# Noteworthy changes in version 1.10.1 (2022-03-28) [C24/A4/R1]

The parser now accepts empty attribute lists and reports the line of a
broken tag.

- Fixed a crash when an archive ends inside a header.
- Faster reading of large indexes.
DOC
cat >"$T/beta.md" <<'DOC'
# Quux Viewer (Beta)

Quux Viewer shows the pictures of a quux archive without unpacking it.
DOC
"$VGRUN" scenes --json "$T/NEWS.md" >"$T/news.json" 2>"$T/err" || bad "scenes: $(cat "$T/err")"
"$VGRUN" scenes --json "$T/beta.md" >"$T/beta.json" 2>"$T/err" || bad "scenes: $(cat "$T/err")"
"$VGRUN" -e '
local J = require("vg").json
local function rd(p) local f = assert(io.open(p)); local d = J.decode(f:read("a")); f:close(); return d end
local news, beta = rd(arg[1]), rd(arg[2])
local title, outro = news.scenes[1], news.scenes[#news.scenes]
assert(title.type == "title" and outro.type == "outro", "a title and an outro")
assert(title.title:find("[C24/A4/R1]", 1, true), "the title shows its numbers: " .. tostring(title.title))
assert(title.narration:find("^Welcome to Noteworthy changes in version 1%.10%.1%."),
  "the welcome says the name and the version: " .. title.narration)
assert(not title.narration:find("2022", 1, true) and not title.narration:find("C24", 1, true),
  "the date and the numbers in brackets are not said: " .. title.narration)
-- (the welcome and the first sentence: 19 s while the numbers were spelled)
assert(title.seconds <= 14, string.format("the title takes %.1f s of %.1f s", title.seconds, news.seconds))
assert(outro.seconds <= 4, string.format("the outro takes %.1f s", outro.seconds))
assert(beta.scenes[1].narration:find("Welcome to Quux Viewer (Beta).", 1, true),
  "a qualifier without a digit is said: " .. beta.scenes[1].narration)
' "$T/news.json" "$T/beta.json" || bad "the title and the outro"
vg_done
