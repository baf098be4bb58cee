#!/usr/bin/env bash
# tests/quality/summary_first_section.sh: a summary that leaves whole
# sections out to fit keeps the document's first (issue 13, item 1). Node.js'
# CHANGELOG.md (a list of versions, a table of 200 releases, "Notes", then
# releases moved elsewhere) lost all three of its sections and was a title
# and a "Thanks for watching" (6 s); its first section is said now.
. "$(dirname "$0")/../lib.sh"
vg_scratch first_section
{
  printf '# Quux Changelog\n\nSelect a Quux version below to view the changelog history:\n\n'
  for v in 20 19 18 17 16 15 14 13 12 11 10 9 8; do printf '* [Quux %s](doc/changelogs/CHANGELOG_V%s.md) End-of-Life\n' $v $v; done
  printf '\nPlease use the following table to find the changelog for a specific Quux\nrelease.\n\n<table>\n<tr>\n'
  for v in 20 18 16; do printf '  <th><a href="doc/changelogs/CHANGELOG_V%s.md">%s</a> (LTS)</th>\n' $v $v; done
  printf '</tr>\n<tr>\n'
  for v in 20 18 16; do
    printf '  <td valign="top">\n'
    for m in $(seq 40 -1 0); do for p in 2 1 0; do
      printf '<a href="doc/changelogs/CHANGELOG_V%s.md#%s.%s.%s">%s.%s.%s</a><br/>\n' $v $v $m $p $v $m $p
    done; done
    printf '  </td>\n'
  done
  printf '</tr>\n</table>\n\n## Notes\n\n* Release versions in **bold** text are the most recent supported releases.\n\n'
  for v in 6.1.0 5.11.1 4.4.4 6.0.0; do
    printf '## 2016-05-05, Version %s (Current), @someone\n\n' $v
    printf '<a href="doc/changelogs/CHANGELOG_V6.md#%s">Moved to doc/changelogs/CHANGELOG\\_V6.md#%s</a>.\n\n' $v $v
  done
} >"$T/CHANGELOG.md"
"$VGRUN" scenes --json "$T/CHANGELOG.md" >"$T/sum.json" 2>"$T/err" || bad "scenes: $(cat "$T/err")"
"$VGRUN" -e '
local J = require("vg").json
local f = assert(io.open(arg[1])); local d = J.decode(f:read("a")); f:close()
local said = 0
for _, s in ipairs(d.scenes) do
  if s.type ~= "title" and s.type ~= "outro" then said = said + 1 end
end
assert(said >= 1, string.format("the summary says nothing but its title (%d scenes, %.0f s)", #d.scenes, d.seconds))
' "$T/sum.json" || bad "the summary keeps the first section"
vg_done
