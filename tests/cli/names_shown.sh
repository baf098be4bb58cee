#!/usr/bin/env bash
# File names holding terminal escapes are printed with their control
# characters as \xNN (scenes, check, create, batch, batch status), so a
# folder someone gave you cannot retitle or clear the terminal; JSON keeps
# the exact name.
#   VGRUN=build/vgrun tests/cli/names_shown.sh
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch names-shown
cd "$T" || exit 1
mkdir docs
EVIL=$'docs/evil\e]0;TITLE\a\e[2J.md'
printf 'x\000' >"$EVIL"
SHOWN='docs/evil\\x1b]0;TITLE\\x07\\x1b\[2J.md'
# no ESC or BEL byte anywhere in a file
raw() { ! LC_ALL=C grep -q $'[\e\a]' "$1" || { echo "--- $1:" >&2; cat -A "$1" >&2; return 1; }; }

"$VGRUN" scenes "$EVIL" >out.txt 2>err.txt; rc=$?
expect_rc 1 "scenes of a binary file"
check "scenes: the name escaped" has err.txt "^$SHOWN:1:2: binary data"
check "scenes: no raw escape" raw err.txt
"$VGRUN" check "$EVIL" >out.txt 2>err.txt; rc=$?
expect_rc 1 "check of a binary file"
check "check: the summary line escaped" has out.txt "^$SHOWN: invalid"
check "check: no raw escape" raw out.txt
check "check: no raw escape (stderr)" raw err.txt
"$VGRUN" check --json "$EVIL" >out.json 2>/dev/null
check "check --json keeps the exact name" python3 -c '
import json, sys; d = json.load(open("out.json"))
sys.exit(0 if d[0]["file"] == "docs/evil\x1b]0;TITLE\x07\x1b[2J.md" else 1)'

printf '# Good\n\nA short page.\n' >docs/good.md
"$VGRUN" create --from docs/good.md -o $'good\e[1m.mp4' --resolution 320x180 --fps 10 -q >out.txt 2>err.txt; rc=$?
expect_rc 0 "create to an odd name"
check "create: wrote ... escaped" has out.txt '^wrote good\\x1b\[1m.mp4 '
check "create: no raw escape" raw out.txt

"$VGRUN" batch docs -o out -j 1 -q --resolution 320x180 --fps 10 >out.txt 2>err.txt; rc=$?
expect_rc 1 "batch with a failing document"
check "batch: the failed line escaped" has err.txt '^vgrun batch: evil\\x1b]0;TITLE\\x07\\x1b\[2J.md failed: '
check "batch: no raw escape" raw err.txt
"$VGRUN" batch status out >st.txt 2>&1
check "batch status: escaped" has st.txt '^failed: evil\\x1b]0;TITLE\\x07\\x1b\[2J.md'
check "batch status: no raw escape" raw st.txt
vg_done
