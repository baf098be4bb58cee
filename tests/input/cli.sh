#!/usr/bin/env bash
# vgrun check / vgrun scenes as a user runs them (issue 3).
#   VGRUN=build/vgrun tests/input/cli.sh
. "$(dirname "$0")/../lib.sh"
CORPUS=${VG_CORPUS_DIR:-../shared/corpus/video_gen}
D=tests/input/data
vg_scratch input
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
has "$T/out" "   3  command .*Build it \[2 lines sh\]"
has "$T/out" "» Run the default target first."

"$VGRUN" scenes --json "$D/acceptance.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --json (the plan)"
has "$T/out" '"seconds":'
has "$T/out" '"bullets":\["Targets"'
"$VGRUN" scenes --detail full "$D/acceptance.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --detail full"
has "$T/out" "It reads rules from a Makefile."
"$VGRUN" scenes --detail everything "$D/acceptance.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 2 "scenes --detail everything"
"$VGRUN" create --detail everything "$D/acceptance.md" -o "$T/x.mp4" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 2 "create --detail everything"
has "$T/err" "summary or full"
[ ! -e "$T/x.mp4" ] && pass=$((pass + 1)) || bad "create --detail everything wrote a video"
# a length that cannot be reached is said, not silently missed
"$VGRUN" scenes --duration 3 "$D/acceptance.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --duration 3"
has "$T/err" "duration: warning: --duration 3: the video cannot be that short"

# a plan of a document with an error says on standard output that it is not whole
{ printf '# Big\n\nIntro.\n\n'; head -c 60000 /dev/zero | tr '\0' a; printf '\n'; } >"$T/big.md"
"$VGRUN" scenes "$T/big.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "scenes of a document with an error"
has "$T/out" "^INCOMPLETE: the document has 1 error"
has "$T/err" "big.md:5:1: a paragraph of 60000 characters"
"$VGRUN" scenes --json "$T/big.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "scenes --json of a document with an error"
has "$T/out" '"errors":1'
"$VGRUN" scenes "$D/acceptance.md" >"$T/out" 2>"$T/err"
if grep -q INCOMPLETE "$T/out"; then bad "a whole plan said INCOMPLETE"; else pass=$((pass + 1)); fi

"$VGRUN" scenes --model "$D/acceptance.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --model"
has "$T/out" '"scene_type"'
has "$T/out" '"accent_color"'

"$VGRUN" scenes --split h2 "$D/acceptance.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --split h2"
has "$T/out" "video 4/4"

"$VGRUN" scenes "$D/cues.srt" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes srt"

# ---- issue 11: a document is only data; what is checked is what is rendered --
# These fail on the vgrun of before the issue (VGRUN=/work/baseline/build/vgrun).
mkdir -p "$T/doc" "$T/set/sub"
printf '# T\n\n## A\n\n![x](/etc/passwd)\n\nSome words.\n' >"$T/doc/img.md"
"$VGRUN" check "$T/doc/img.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "image outside the folder"
has "$T/err" "img.md:5:1: image /etc/passwd is outside the document's folder"
# a README in docs/ showing its project's ../assets/logo.png: the folder
# holding .git (a folder or a worktree's file) is the project's, allowed as
# if by --allow-path; never the home folder, and only the project's folder
mkdir -p "$T/proj/docs" "$T/proj/assets" "$T/proj/.git"
cp examples/documents/diagram.png "$T/proj/assets/logo.png"
cp examples/documents/diagram.png "$T/outside.png"
printf '# P\n\n## A\n\n![logo](../assets/logo.png)\n\nSome words.\n' >"$T/proj/docs/README.md"
"$VGRUN" check "$T/proj/docs/README.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "a picture of the document's repository"
"$VGRUN" scenes --model "$T/proj/docs/README.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes of a repository's README"
has "$T/out" "proj/assets/logo.png"
rmdir "$T/proj/.git"; printf 'gitdir: /elsewhere\n' >"$T/proj/.git"
"$VGRUN" check "$T/proj/docs/README.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "a worktree's .git file"
HOME="$T/proj" "$VGRUN" check "$T/proj/docs/README.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "the home folder is no project"
has "$T/err" "README.md:5:1: image ../assets/logo.png is outside the document's folder"
printf '# P\n\n## A\n\n![x](../../outside.png)\n\nSome words.\n' >"$T/proj/docs/out.md"
"$VGRUN" check "$T/proj/docs/out.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "a picture outside the repository"
has "$T/err" "out.md:5:1: image ../../outside.png is outside the document's folder"
rm -f "$T/proj/.git"
"$VGRUN" check "$T/proj/docs/README.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "no repository: the document's folder only"

printf 'just text\n' >"$T/doc/notes.png"
printf '# T\n\n![x](notes.png)\n\nSome words.\n' >"$T/doc/txt.md"
"$VGRUN" check "$T/doc/txt.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "text file as an image"
has "$T/err" "txt.md:3:1: image notes.png is not a PNG image"

printf 'video: {id: a, title: A}\nscenes:\n  - {type: title, title: A}\n' >"$T/outside.yaml"
printf 'set:\n  videos:\n    - file: ../outside.yaml\n' >"$T/set/set_config.yaml"
"$VGRUN" check "$T/set" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "set entry outside the set"
has "$T/err" "set_config.yaml:3:13: set.videos\[0\].file: '../outside.yaml' is not a path inside the set's folder"

# a FIFO is refused without being opened (before, open() blocked forever: the
# timeout only keeps a broken build from hanging the suite)
mkfifo "$T/doc/pipe.yaml"
timeout -k 5 60 "$VGRUN" check "$T/doc/pipe.yaml" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "FIFO as the input"
has "$T/err" "pipe.yaml: cannot open: is a named pipe (FIFO), not a regular file"

printf '{"video": {"id": "d",\n  "title": "ok",\n  "title": [1, 2, 3]},\n "scenes": [{"type": "title", "title": "T"}]}\n' >"$T/dup.json"
"$VGRUN" check "$T/dup.json" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "duplicate key: the last value is checked"
has "$T/err" "dup.json:3:12: title: warning: duplicate key (the last one wins)"
has "$T/err" "dup.json:3:12: videos\[0\].title: expected text, got a list"
printf '{"video": {"id": "d", "title": "a\\u0000b"}, "scenes": [{"type": "title", "title": "T"}]}\n' >"$T/nul.json"
"$VGRUN" check "$T/nul.json" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "NUL escape in JSON"
has "$T/err" 'nul.json:1:34: \\u0000 (a NUL character) in a string is not allowed'

printf 'WEBVTT\n\nSTYLE\n::cue { color: red }\n\n00:00:01.000 --> 00:00:03.000\nHello there.\n\nREGION\nid:r\n\n00:00:04.000 --> 00:00:06.000\nSecond cue.\n' >"$T/style.vtt"
"$VGRUN" scenes --model "$T/style.vtt" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "WebVTT with STYLE and REGION"
has "$T/out" '"narration":.*"Hello there. Second cue."'
printf '1\n00:00:01,000 --> 00:00:03,000\nGood cue.\n\n2\n00:00:04,000 -> 00:00:05,000\nMalformed\n\n3\n00:00:06,000 --> 00:00:08,000\nThird.\n' >"$T/bad.srt"
"$VGRUN" check "$T/bad.srt" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "SRT cue with a malformed timing"
has "$T/err" "bad.srt:6:1: malformed cue timing '00:00:04,000 -> 00:00:05,000'"

printf 'video: {id: n, title: N}\nscenes:\n  - type: title\n    title: T\n    min_duration: .nan\n    max_duration: 0x10\n  - type: title\n    title: U\n    max_duration: 300.0000001\n' >"$T/nums.yaml"
"$VGRUN" check "$T/nums.yaml" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "numbers YAML reads as text"
has "$T/err" "nums.yaml:5:19: videos\[0\].scenes\[0\].min_duration: '.nan' is not a finite number"
has "$T/err" "nums.yaml:6:19: videos\[0\].scenes\[0\].max_duration: '0x10' is not a decimal number (write 16)"
has "$T/err" "nums.yaml:9:19: videos\[0\].scenes\[1\].max_duration: 300.0000001 s is out of range (0 to 300 s)"

if [ -d "$CORPUS" ]; then
  # every YAML and Markdown file of the corpus, and both sets
  "$VGRUN" check "$CORPUS"/inputs/*.yaml "$CORPUS"/inputs/*.md "$CORPUS"/sets/* >"$T/out" 2>"$T/err"
  rc=$?; expect_rc 0 "corpus passes check"
  n=$(grep -c ": ok (" "$T/out"); [ "$n" -eq 20 ] && pass=$((pass + 1)) || bad "corpus: $n of 20 ok"
  "$VGRUN" scenes --model "$CORPUS/sets/tutorial_series_example" >"$T/out" 2>"$T/err"; rc=$?
  expect_rc 0 "tutorial set"
  n=$(grep -c '"scenes":' "$T/out"); [ "$n" -eq 4 ] && pass=$((pass + 1)) || bad "tutorial set: $n videos, wanted 4"
else
  echo "corpus not found at $CORPUS: corpus checks skipped" >&2
fi

# a checkpoint scene is named as its slide says it ("Checkpoint 1"), not
# by its place in the video; a flag's mistaken value is told as such
cat >"$T/cp.yaml" <<'YAML'
video: { id: cp, title: Check }
scenes:
  - scene_type: title
    visual_content: { title: Check }
    narration: "Hello."
  - scene_type: list
    visual_content: { header: Points, items: [one, two] }
    narration: "Two points."
  - scene_type: checkpoint
    visual_content: { checkpoint_number: 1, completed_topics: [one] }
    narration: "A review."
YAML
"$VGRUN" scenes "$T/cp.yaml" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "checkpoint deck"
check "the checkpoint is named as its slide names it" has "$T/out" "checkpoint  *0:[0-9]*  Checkpoint 1"
"$VGRUN" frame "$T/cp.yaml" --sheet "$T/sheet.png" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 2 "frame --sheet FILE"
check "--sheet's mistaken value is named" has "$T/err" "--sheet takes no value, so $T/sheet.png is a second INPUT"

# short sibling sections, each a short list ("### Operating Systems",
# "### Compilers", "### Build Systems" under "## Supported Platforms"):
# one slide of the parent, a bullet each, not a near-empty scene each
"$VGRUN" scenes --json "$D/platforms.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes short siblings"
has "$T/out" '"title": *"Supported Platforms", *"type": *"list"'
has "$T/out" '"bullets": *\["Operating Systems", *"Compilers", *"Build Systems"\]'
has "$T/out" 'Operating Systems: Linux, FreeBSD, and Windows. Compilers: gcc 9+ and clang 11+.'
if grep -q '"title": *"Compilers"' "$T/out"; then bad "a short sibling section kept its own scene"; else pass=$((pass + 1)); fi
"$VGRUN" scenes --json --detail full "$D/platforms.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes short siblings full"
has "$T/out" '"title": *"Compilers"'

echo "input cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
