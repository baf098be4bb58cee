#!/usr/bin/env bash
# `vgrun create` checks what it is asked before any work: options, output
# names, and that nothing it writes is something it reads.
#   VGRUN=build/vgrun tests/cli/create_args.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch create-args
has() { grep -qF -- "$2" "$1" || { echo "--- $1:" >&2; cat "$1" >&2; return 1; }; }
SMALL=(--resolution 640x360)

cd "$T" || exit 1
mkdir -p in out
printf '# Talk\n\nA short talk.\n\n## First\n\nThe first part.\n' >in/talk.md
printf '1\n00:00:01,000 --> 00:00:03,000\nHello there.\n' >in/talk.srt

tasks() { ls "$VGRUN_STATE_DIR/tasks" 2>/dev/null | grep -c '\.json$'; }

# refused NAME NEEDLE... -- ARGS: exit 2, the message names every needle, no
# task file, no MP4 anywhere, the inputs unchanged
refused() {
  local name=$1; shift
  local needles=()
  while [ "$1" != "--" ]; do needles+=("$1"); shift; done
  shift
  local before after ntasks
  ntasks=$(tasks)
  before=$(cd in && find . -type f -exec sha256sum {} + | sort)
  "$VGRUN" -q create "$@" >"$T/stdout" 2>"$T/stderr"
  local rc=$?
  after=$(cd in && find . -type f -exec sha256sum {} + | sort)
  if [ $rc -ne 2 ]; then bad "$name: exit $rc, wanted 2: $(head -c 300 "$T/stderr")"; return; fi
  for n in "${needles[@]}"; do has "$T/stderr" "$n" || { bad "$name: message does not name '$n'"; return; }; done
  if grep -q "stack traceback" "$T/stderr"; then bad "$name: traceback"; return; fi
  if [ "$(tasks)" -ne "$ntasks" ]; then bad "$name: a task was created"; rm -rf "$VGRUN_STATE_DIR"; return; fi
  if [ -n "$(find . -type f \( -name '*.mp4' -o \( -name '*.timing.json' ! -path './in/*' \) \))" ]; then
    bad "$name: wrote $(find . -type f \( -name '*.mp4' -o \( -name '*.timing.json' ! -path './in/*' \) \) | head -3)"
    find . -type f \( -name '*.mp4' -o \( -name '*.timing.json' ! -path './in/*' \) \) -delete; return
  fi
  if [ "$before" != "$after" ]; then bad "$name: an input changed"; return; fi
  ok
}

# --- item 2: what vgrun writes is never what it reads -------------------------
refused captions-over-input "in/talk.srt" -- --from in/talk.srt --captions srt -o in/talk.mp4 "${SMALL[@]}"
cp in/talk.md in/x.timing.json
refused timing-over-input "in/x.timing.json" -- --from markdown:in/x.timing.json -o in/x.mp4 "${SMALL[@]}"
rm in/x.timing.json
ln -s talk.srt in/alias.srt
refused through-symlink "in/talk.srt" "in/alias.srt" -- --from in/alias.srt --captions srt -o in/talk.mp4 "${SMALL[@]}"
rm in/alias.srt
ln in/talk.srt in/hard.srt
refused hard-link "in/hard.srt" "in/talk.srt" -- --from in/talk.srt --captions srt -o in/hard.mp4 "${SMALL[@]}"
rm in/hard.srt
mkdir -p in/set
printf 'set:\n  id: myset\n  videos:\n    - file: a.yaml\n    - file: b.vtt\n' >in/set/set_config.yaml
printf 'video:\n  id: a\n  title: A\nscenes:\n  - scene_type: title\n    visual_content: {title: Hello}\n    narration: Hello there.\n' >in/set/a.yaml
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nFrom the set.\n' >in/set/b.vtt
refused set-member "in/set/b.vtt" -- --from in/set -o in/set/ --captions vtt "${SMALL[@]}"
printf 'set:\n  id: myset\n  videos:\n    - file: b.vtt\n' >in/set/set_config.yaml
refused set-member-named "in/set/b.vtt" -- --from in/set -o in/set/b.mp4 --captions vtt "${SMALL[@]}"
# an image of the document has the thumbnail's name
cp in/talk.md in/pic.md
printf '\n![a picture](pic.png)\n' >>in/pic.md
"$VGRUN" frame in/talk.md --scene 1 --resolution 320x180 -o in/pic.png >/dev/null 2>&1
refused image-is-thumbnail "in/pic.png" -- --from in/pic.md "${SMALL[@]}" -o in/pic.mp4
rm in/pic.md in/pic.png
rm -rf in/set

# a file at an output path that vgrun never made stays, unless --overwrite
echo "my own picture" >out/mine.png
refused not-ours "out/mine.png" "--overwrite" -- --from in/talk.md -o out/mine.mp4 "${SMALL[@]}"
if [ "$(cat out/mine.png)" = "my own picture" ]; then ok; else bad "not-ours: out/mine.png was replaced"; fi
"$VGRUN" -q create --from in/talk.md -o out/mine.mp4 "${SMALL[@]}" --overwrite >"$T/stdout" 2>"$T/stderr"
if [ $? -eq 0 ] && [ "$(head -c 4 out/mine.png | tail -c 3)" = PNG ]; then ok; else bad "--overwrite: $(head -c 300 "$T/stderr")"; fi
"$VGRUN" -q create --from in/talk.md -o out/mine.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
if [ $? -eq 0 ]; then ok; else bad "a second run over its own files: $(head -c 300 "$T/stderr")"; fi
rm -rf out/*

# --events is a file written too: never over an input, even through a link
refused events-over-input "in/talk.md" -- --from in/talk.md -o out/e.mp4 "${SMALL[@]}" --events in/talk.md
ln -s talk.md in/ev-link
refused events-through-link "in/ev-link" -- --events in/ev-link --from in/talk.md -o out/e.mp4 "${SMALL[@]}"
rm in/ev-link

# a link at an output path is the user's: left alone, and with --overwrite
# replaced, never written through
echo precious >in/victim.txt
ln -s ../in/victim.txt out/linked.png
"$VGRUN" -q create --from in/talk.md -o out/linked.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
rc=$?
if [ $rc -eq 2 ] && [ -L out/linked.png ] && grep -q "out/linked.png exists" "$T/stderr"; then ok
else bad "link at the output without --overwrite: exit $rc: $(head -c 300 "$T/stderr")"; fi
"$VGRUN" -q create --from in/talk.md -o out/linked.mp4 --overwrite "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
rc=$?
if [ $rc -eq 0 ] && [ "$(cat in/victim.txt)" = precious ] && [ ! -L out/linked.png ] && [ -s out/linked.png ]; then ok
else bad "link at the output: exit $rc, victim '$(cat in/victim.txt)': $(head -c 300 "$T/stderr")"; fi
rm -rf out/* in/victim.txt "$VGRUN_STATE_DIR"

# a path vgrun once wrote is vgrun's only while it holds the file vgrun made:
# the user's own file, a link or a FIFO put there later stays
kept() {   # kept NAME TEST [WHY]: exit 2, says WHY, the thing at out/made.mp4 left as TEST says
  "$VGRUN" -q create --from in/talk.md -o out/made.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
  local rc=$?
  if [ $rc -eq 2 ] && has "$T/stderr" "${3:-out/made.mp4 is not the file vgrun made there}" && eval "$2"; then ok
  else bad "$1: exit $rc, or out/made.mp4 was replaced: $(head -c 300 "$T/stderr")"; fi
}
"$VGRUN" -q create --from in/talk.md -o out/made.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr" || bad "made.mp4: $(cat "$T/stderr")"
echo "my own edit" >out/made.mp4
kept replaced-by-user '[ "$(cat out/made.mp4)" = "my own edit" ]'
echo "a file of mine" >mine.mp4 && mv mine.mp4 out/made.mp4
kept moved-there '[ "$(cat out/made.mp4)" = "a file of mine" ]'
echo precious >in/victim.txt
rm out/made.mp4 && ln -s ../in/victim.txt out/made.mp4
kept replaced-by-link '[ -L out/made.mp4 ] && [ "$(cat in/victim.txt)" = precious ]'
rm out/made.mp4 && mkfifo out/made.mp4
kept replaced-by-fifo '[ -p out/made.mp4 ]' "out/made.mp4 is a FIFO, not a file"
rm out/made.mp4
"$VGRUN" -q create --from in/talk.md -o out/made.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
if [ $? -eq 0 ] && [ -s out/made.mp4 ]; then ok; else bad "made.mp4 removed, made again: $(head -c 300 "$T/stderr")"; fi
"$VGRUN" -q create --from in/talk.md -o out/made.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
if [ $? -eq 0 ]; then ok; else bad "made.mp4 unchanged, made again: $(head -c 300 "$T/stderr")"; fi
rm -rf out/* in/victim.txt "$VGRUN_STATE_DIR"

# two documents whose names give one output name (-o DIR): the second does
# not replace the first's video; a name given with -o FILE.mp4 is the user's
cp in/talk.md "in/my talk.md"
cp in/talk.md in/my_talk.md
"$VGRUN" -q create --from "in/my talk.md" -o out "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr" || bad "my talk.md: $(cat "$T/stderr")"
first=$(sha256sum out/my_talk.mp4 | cut -d' ' -f1)
"$VGRUN" -q create --from in/my_talk.md -o out "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"; rc=$?
if [ $rc -eq 2 ] && grep -q "out/my_talk.mp4 is the video vgrun made from .*my talk.md" "$T/stderr" \
  && [ "$(sha256sum out/my_talk.mp4 | cut -d' ' -f1)" = "$first" ]; then ok
else bad "one name from two documents: exit $rc: $(head -c 300 "$T/stderr")"; fi
"$VGRUN" -q create --from "in/my talk.md" -o out "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
if [ $? -eq 0 ]; then ok; else bad "the first document again: $(head -c 300 "$T/stderr")"; fi
"$VGRUN" -q create --from in/my_talk.md -o out/my_talk.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
if [ $? -eq 0 ]; then ok; else bad "-o FILE.mp4 names the output: $(head -c 300 "$T/stderr")"; fi
rm -rf out/* "in/my talk.md" in/my_talk.md "$VGRUN_STATE_DIR"

# --split parts an earlier run made and this one did not: left, and named
printf '# G\n\nA guide.\n\n## One\n\nThe first part.\n\n## Two\n\nThe second part.\n\n## Three\n\nThe third.\n' >in/g.md
"$VGRUN" -q create --from in/g.md --split h2 -o out/g.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr" || bad "split: $(cat "$T/stderr")"
printf '# G\n\nA guide.\n\n## Uno\n\nThe first part.\n\n## Two\n\nThe second part.\n' >in/g.md
"$VGRUN" -q create --from in/g.md --split h2 -o out/g.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"; rc=$?
stale=$(grep -c "was made from this input by an earlier run" "$T/stderr")
if [ $rc -eq 0 ] && [ "$stale" -ge 1 ] && grep -q "g-0[0-9]-one.mp4 was made from this input" "$T/stderr" \
  && ! grep -q "g-0[0-9]-uno.mp4 was made" "$T/stderr"; then ok
else bad "stale split parts: exit $rc, $stale named: $(head -c 400 "$T/stderr"; ls out)"; fi
rm -rf out/* in/g.md "$VGRUN_STATE_DIR"

# --- item 8: options are checked before any work -------------------------------
refused bad-voice "--voice" "klingon" -- --from in/talk.md -o out/v.mp4 --voice klingon
refused bad-colour "--color" "mauve" -- --from in/talk.md -o out/v.mp4 --color mauve
refused bad-theme "--theme" "neon" -- --from in/talk.md -o out/v.mp4 --theme neon
refused tall "--resolution 16x1000" -- --from in/talk.md -o out/tall.mp4 --resolution 16x1000
refused too-wide "--resolution 4000x240" -- --from in/talk.md -o out/wide.mp4 --resolution 4000x240
refused too-small "--resolution 64x64" -- --from in/talk.md -o out/small.mp4 --resolution 64x64
refused huge "too large: at most 7680x4320" -- --from in/talk.md -o out/huge.mp4 --resolution 100000x100000
refused mkv "vgrun writes MP4 files" -- --from in/talk.md -o out/v.mkv
mkdir -p out/dir.mp4
refused mp4-folder "out/dir.mp4: is a folder" -- --from in/talk.md -o out/dir.mp4
rmdir out/dir.mp4
refused onto-doc "vgrun writes MP4 files" -- --from in/talk.md -o in/talk.md
refused bad-split "--split" -- --from in/talk.md -o out/s.mp4 --split h9
refused bad-preset "--preset" -- --from in/talk.md -o out/s.mp4 --preset warp
refused bad-duration "--duration" -- --from in/talk.md -o out/s.mp4 --duration nan

# global options after the command's name, for every command
"$VGRUN" create --from in/talk.md -o out/q.mp4 "${SMALL[@]}" -q >"$T/stdout" 2>"$T/stderr"
rc=$?
if [ $rc -eq 0 ] && [ -s out/q.mp4 ]; then ok; else bad "create ... -q: exit $rc: $(head -c 300 "$T/stderr")"; fi
"$VGRUN" tasks list --state-dir "$T/other" >"$T/stdout" 2>"$T/stderr"
rc=$?
if [ $rc -eq 0 ] && ! grep -q "create-talk" "$T/stdout"; then ok
else bad "tasks list --state-dir after the command: exit $rc: $(cat "$T/stdout" "$T/stderr" | head -c 300)"; fi
"$VGRUN" tasks list --state-dir="$VGRUN_STATE_DIR" -q >"$T/stdout" 2>"$T/stderr"
if grep -q "create-talk" "$T/stdout"; then ok; else bad "tasks list --state-dir=DIR -q: $(cat "$T/stdout" "$T/stderr" | head -c 300)"; fi
"$VGRUN" -q create --from in/talk.md -o out/e.mp4 "${SMALL[@]}" --events "$T/ev.jsonl" >/dev/null 2>"$T/stderr"
if grep -q '"pipeline.completed"' "$T/ev.jsonl" 2>/dev/null; then ok; else bad "--events after create: $(head -c 300 "$T/stderr")"; fi
"$VGRUN" check in/talk.md -q >"$T/stdout" 2>&1
if [ ! -s "$T/stdout" ]; then ok; else bad "check's own -q (errors only) kept: $(head -c 200 "$T/stdout")"; fi
rm -rf out/*

# --from . on a set: named after the set's id, never ".mp4"
mkdir -p in/set
printf 'set:\n  id: myset\n  videos:\n    - file: a.yaml\n' >in/set/set_config.yaml
printf 'video:\n  id: a\n  title: A\nscenes:\n  - scene_type: title\n    visual_content: {title: Hello}\n    narration: Hello there.\n' >in/set/a.yaml
(cd in/set && "$VGRUN" -q create --from . -o ../../out/ "${SMALL[@]}") >"$T/stdout" 2>"$T/stderr"
rc=$?
if [ $rc -eq 0 ] && [ -s out/myset.mp4 ] && [ -s out/myset.timing.json ] && [ -s out/myset.png ] \
   && [ -z "$(ls -A out | grep '^\.')" ]; then ok
else bad "--from . on a set: exit $rc, wrote: $(ls -A out | tr '\n' ' ') $(head -c 300 "$T/stderr")"; fi
rm -rf out/*
(cd in/set && "$VGRUN" -q create --from set_config.yaml -o ../../out/ "${SMALL[@]}") >"$T/stdout" 2>"$T/stderr"
if [ -s out/myset.mp4 ]; then ok; else bad "--from set_config.yaml: wrote: $(ls -A out | tr '\n' ' ') $(head -c 300 "$T/stderr")"; fi
rm -rf out/* in/set
refused nameless-output "give the file a name" -- --from in/talk.md -o out/.mp4 "${SMALL[@]}"

# --split h2 -o out/nd.mp4: nd-01-<slug>.mp4 ... in document order, every
# file printed; titles cannot make names that hide or escape
cat >in/nd.md <<'EOF'
# Node Guide

How to use it.

## Getting Started: the CLI

Install it first.

## ../../etc/passwd

Not a path.

## ...

Dots only.

## 한국어 제목

Hangul only.
EOF
"$VGRUN" -q create --from in/nd.md --split h2 -o out/nd.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
rc=$?
want="nd-01-node-guide.mp4 nd-02-getting-started-the-cli.mp4 nd-03-etc-passwd.mp4 nd-04-part.mp4 nd-05-한국어-제목.mp4"
got=$(cd out && ls *.mp4 2>/dev/null | tr '\n' ' ' | sed 's/ $//')
if [ $rc -eq 0 ] && [ "$got" = "$want" ]; then ok; else bad "split -o FILE: exit $rc, got '$got', wanted '$want': $(head -c 300 "$T/stderr")"; fi
t1=$(grep -o '"title":[[:space:]]*"[^"]*"' out/nd-01-node-guide.timing.json 2>/dev/null | head -1)
case "$t1" in *"Node Guide"*) ok ;; *) bad "nd-01 is not the document's first video: $t1" ;; esac
for f in out/*; do
  grep -qF "$f" "$T/stdout" || { bad "written but not printed: $f"; break; }
done
[ -z "$(find "$T" -name '*.mp4' ! -path "$T/out/*")" ] || bad "wrote outside the output folder: $(find "$T" -name '*.mp4' ! -path "$T/out/*")"
rm -rf out/*
"$VGRUN" -q create --from in/nd.md --split h2 -o out/ "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
got=$(cd out && ls *.mp4 2>/dev/null | head -2 | tr '\n' ' ' | sed 's/ $//')
if [ "$got" = "01-node-guide.mp4 02-getting-started-the-cli.mp4" ]; then ok
else bad "split -o DIR/: got '$got': $(head -c 300 "$T/stderr")"; fi
rm -rf out/*

# --- item 12: "warning:" once per line ---------------------------------------------
printf '# Pics\n\nText.\n\n![gone](missing.png)\n' >in/pics.md
"$VGRUN" -q create --from in/pics.md -o out/p.mp4 "${SMALL[@]}" >"$T/stdout" 2>"$T/stderr"
if grep -q "missing.png" "$T/stderr" && ! grep -q "warning:.*warning:" "$T/stderr"; then ok
else bad "warning lines: $(head -c 300 "$T/stderr")"; fi

echo "create_args: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
