#!/usr/bin/env bash
# vgrun check / vgrun scenes as a user runs them (issue 3).
#   VGRUN=build/vgrun tests/input/cli.sh
set -u
VGRUN=${VGRUN:-build/vgrun}
CORPUS=${VG_CORPUS_DIR:-../shared/corpus/video_gen}
D=tests/input/data
T=$(mktemp -d /tmp/vgrun-input.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
expect_rc() { if [ "$rc" -eq "$1" ]; then pass=$((pass + 1)); else bad "$2: exit $rc, wanted $1"; cat "$T/err" >&2; fi; }
has() { if grep -q -- "$2" "$1"; then pass=$((pass + 1)); else bad "$1 lacks '$2'"; cat "$1" >&2; fi; }

"$VGRUN" check "$D/acceptance.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "check valid markdown"
has "$T/out" "acceptance.md: ok (1 video, 6 scenes)"

"$VGRUN" check "$D/two_errors.yaml" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "check invalid yaml"
has "$T/err" "two_errors.yaml:13:12: videos\[0\].scenes\[1\].visual_content.items: expected a list, got text"
has "$T/err" "two_errors.yaml:17:19: videos\[0\].scenes\[2\].max_duration:"

"$VGRUN" check "$D/missing.yaml" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "check missing file"
has "$T/err" "missing.yaml: cannot open"

"$VGRUN" check >"$T/out" 2>"$T/err"; rc=$?; expect_rc 2 "check without input"
"$VGRUN" check --bogus x >"$T/out" 2>"$T/err"; rc=$?; expect_rc 2 "check unknown option"

"$VGRUN" check --json "$D/two_errors.yaml" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "check --json"
has "$T/out" '"field"'

"$VGRUN" scenes "$D/acceptance.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes summary"
has "$T/out" "video 1/1"
has "$T/out" "scene_03  command"

"$VGRUN" scenes --json "$D/acceptance.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --json"
has "$T/out" '"scene_type"'
has "$T/out" '"accent_color"'

"$VGRUN" scenes --split h2 "$D/acceptance.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --split h2"
has "$T/out" "video 4/4"

"$VGRUN" scenes "$D/cues.srt" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes srt"

if [ -d "$CORPUS" ]; then
  # every YAML and Markdown file of the corpus, and both sets
  "$VGRUN" check "$CORPUS"/inputs/*.yaml "$CORPUS"/inputs/*.md "$CORPUS"/sets/* >"$T/out" 2>"$T/err"
  rc=$?; expect_rc 0 "corpus passes check"
  n=$(grep -c ": ok (" "$T/out"); [ "$n" -eq 20 ] && pass=$((pass + 1)) || bad "corpus: $n of 20 ok"
  "$VGRUN" scenes --json "$CORPUS/sets/tutorial_series_example" >"$T/out" 2>"$T/err"; rc=$?
  expect_rc 0 "tutorial set"
  n=$(grep -c '"scenes":' "$T/out"); [ "$n" -eq 4 ] && pass=$((pass + 1)) || bad "tutorial set: $n videos, wanted 4"
else
  echo "corpus not found at $CORPUS: corpus checks skipped" >&2
fi

echo "input cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
