#!/usr/bin/env bash
# A document with thousands of warnings (a README naming 3000 pictures that
# are not there): `vgrun scenes` and `vgrun create` say the first 50 and how
# many more, not 3000 lines; `vgrun check` lists them all; errors are never cut.
#   VGRUN=build/vgrun tests/cli/warnings_capped.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch warnings-capped
cd "$T" || exit 1
{ printf '# Pictures\n\nA page of pictures that are gone.\n\n'; for i in $(seq 3000); do printf '![p](gone%d.png)\n' "$i"; done; } >many.md
"$VGRUN" scenes many.md >out.txt 2>err.txt; rc=$?
expect_rc 0 "scenes of a document with 3000 warnings"
check "scenes says 51 lines" test "$(wc -l <err.txt)" -eq 51
check "scenes counts the rest" has err.txt "^vgrun: warning: and 2950 more warnings (.vgrun check. lists them all)$"
"$VGRUN" create many.md -o many.mp4 --resolution 320x180 >out.txt 2>err.txt; rc=$?
expect_rc 0 "create of a document with 3000 warnings"
check "create counts the rest" has err.txt "^vgrun: warning: and 2950 more warnings"
check "create says at most 51 warning lines" test "$(grep -c warning err.txt)" -le 51
"$VGRUN" check many.md >out.txt 2>err.txt; rc=$?
check "check lists every warning" test "$(grep -c 'not found' err.txt)" -eq 3000
# errors are never cut: 60 of them, each named
{ printf 'video: {title: t}\nscenes:\n'; for i in $(seq 60); do printf '  - {scene_type: hologram%d, visual_content: {}}\n' "$i"; done; } >bad.yaml
"$VGRUN" scenes bad.yaml >out.txt 2>err.txt; rc=$?
expect_rc 1 "scenes of a document with 60 errors"
check "every error is said" test "$(grep -c 'unknown scene type' err.txt)" -eq 60
vg_done
