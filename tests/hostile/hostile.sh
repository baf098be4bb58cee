#!/usr/bin/env bash
# Hostile and broken input for `vgrun create`: each case must exit 1 or 2,
# say what is wrong in a few lines naming the file (or the option), leave no
# output file, and never crash, hang or run the input as code.
. "$(dirname "$0")/../lib.sh"
vg_scratch hostile --own-cache
mkdir -p "$T/in" "$T/out"
pass=0; fail=0; cases=0

GOOD='video:
  id: good
  title: Good
scenes:
  - scene_type: title
    visual_content: { title: "Hello", subtitle: "World" }
    narration: "Hello world."'

# expect NAME NEEDLE ARGS...: run create, check the outcome
expect() {
  local name=$1 needle=$2; shift 2
  cases=$((cases + 1))
  rm -rf "$T/out"/*
  timeout 120 "$VGRUN" create "$@" >"$T/stdout" 2>"$T/stderr"
  local rc=$?
  if [ $rc -ne 1 ] && [ $rc -ne 2 ]; then bad "$name: exit $rc (want 1 or 2): $(head -c 300 "$T/stderr")"; return; fi
  if ! grep -qF -- "$needle" "$T/stderr"; then bad "$name: message does not name '$needle': $(head -c 400 "$T/stderr")"; return; fi
  local lines
  lines=$(wc -l <"$T/stderr")
  if [ "$lines" -gt 15 ]; then bad "$name: $lines lines of messages (want a few)"; return; fi
  if grep -qE "AddressSanitizer|runtime error|Segmentation|stack traceback" "$T/stderr"; then bad "$name: crashed or leaked a traceback"; return; fi
  if ls "$T/out"/*.mp4 >/dev/null 2>&1 || ls "$T/in"/*.mp4 >/dev/null 2>&1; then bad "$name: left an output file"; return; fi
  ok
}
mk() { printf '%s' "$2" >"$T/in/$1"; }

# files that are not what they claim
: >"$T/in/empty.md";   expect empty-md empty.md --from "$T/in/empty.md" -o "$T/out/x.mp4"
: >"$T/in/empty.yaml"; expect empty-yaml empty.yaml --from "$T/in/empty.yaml" -o "$T/out/x.mp4"
: >"$T/in/empty.json"; expect empty-json empty.json --from "$T/in/empty.json" -o "$T/out/x.mp4"
head -c 4096 /dev/urandom >"$T/in/binary.md";   expect binary-md binary.md --from "$T/in/binary.md" -o "$T/out/x.mp4"
head -c 4096 /dev/urandom >"$T/in/binary.yaml"; expect binary-yaml binary.yaml --from "$T/in/binary.yaml" -o "$T/out/x.mp4"
head -c 4096 /dev/urandom >"$T/in/binary.srt";  expect binary-srt binary.srt --from "$T/in/binary.srt" -o "$T/out/x.mp4"
# (damaged UTF-8: a text with no UTF-8 in it at all is read as Windows-1252, with a warning)
printf '# Title\n\nSome caf\xc3\xa9 text \xff\xfe here.\n' >"$T/in/badutf8.md"; expect utf8-md badutf8.md --from "$T/in/badutf8.md" -o "$T/out/x.mp4"
printf 'video:\n  title: "caf\xe9"\nscenes: []\n' >"$T/in/badutf8.yaml"; expect utf8-yaml badutf8.yaml --from "$T/in/badutf8.yaml" -o "$T/out/x.mp4"
mk truncated.yaml 'video:
  id: t
  title: "unfinished
scenes:
  - scene_type: ti'; expect truncated-yaml truncated.yaml --from "$T/in/truncated.yaml" -o "$T/out/x.mp4"
mk truncated.json '{"video": {"title": "x"}, "scenes": [{"scene_type": "title", "visual_content": {"title": '
expect truncated-json truncated.json --from "$T/in/truncated.json" -o "$T/out/x.mp4"
mk trailing.json '{"video": {"title": "x"}, "scenes": []} garbage'; expect trailing-json trailing.json --from "$T/in/trailing.json" -o "$T/out/x.mp4"
# resource attacks
{
  echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
  prev=a
  for n in b c d e f g h i; do echo "$n: &$n [*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev]"; prev=$n; done
  echo "video: { title: *i }"
} >"$T/in/bomb.yaml"; expect alias-bomb bomb.yaml --from "$T/in/bomb.yaml" -o "$T/out/x.mp4"
{ printf 'video:\n  title: x\nscenes: '; head -c 20000 /dev/zero | tr '\0' '['; } >"$T/in/deep.yaml"
expect deep-yaml deep.yaml --from "$T/in/deep.yaml" -o "$T/out/x.mp4"
{ head -c 20000 /dev/zero | tr '\0' '['; } >"$T/in/deep.json"; expect deep-json deep.json --from "$T/in/deep.json" -o "$T/out/x.mp4"
{ for i in $(seq 20000); do printf '>'; done; echo ' quote'; } >"$T/in/deepquote.md"
expect deep-md-quote deepquote.md --from "$T/in/deepquote.md" -o "$T/out/x.mp4"
{ printf '# T\n\n'; head -c 10000000 /dev/zero | tr '\0' 'a'; echo; } >"$T/in/longline.md"
expect long-line-md longline.md --from "$T/in/longline.md" -o "$T/out/x.mp4"
{ printf 'video:\n  title: x\nscenes:\n  - scene_type: title\n    visual_content: { title: "'; head -c 10000000 /dev/zero | tr '\0' 'a'; printf '" }\n'; } >"$T/in/longline.yaml"
expect long-line-yaml longline.yaml --from "$T/in/longline.yaml" -o "$T/out/x.mp4"
{ printf 'video:\n  title: many\nscenes:\n'; for i in $(seq 150); do printf '  - scene_type: title\n    visual_content: { title: "s%d" }\n' $i; done; } >"$T/in/many.yaml"
expect too-many-scenes many.yaml --from "$T/in/many.yaml" -o "$T/out/x.mp4"
{ printf 'video:\n  title: long\nscenes:\n  - scene_type: title\n    visual_content: { title: "x" }\n    narration: "'; head -c 60000 /dev/zero | tr '\0' 'a'; printf '"\n'; } >"$T/in/longnarr.yaml"
expect long-narration longnarr.yaml --from "$T/in/longnarr.yaml" -o "$T/out/x.mp4"
# data that is well-formed but wrong
mk unknown-type.yaml "${GOOD/scene_type: title/scene_type: hologram}"; expect unknown-type unknown-type.yaml --from "$T/in/unknown-type.yaml" -o "$T/out/x.mp4"
mk badfield.yaml "${GOOD/title: \"Hello\"/title: [1, 2]}"; expect wrong-field-type badfield.yaml --from "$T/in/badfield.yaml" -o "$T/out/x.mp4"
mk absurd.yaml "$GOOD
    min_duration: 1000000000"; expect absurd-duration absurd.yaml --from "$T/in/absurd.yaml" -o "$T/out/x.mp4"
mk negative.yaml "$GOOD
    min_duration: -5"; expect negative-duration negative.yaml --from "$T/in/negative.yaml" -o "$T/out/x.mp4"
mk minmax.yaml "$GOOD
    min_duration: 20
    max_duration: 5"; expect min-over-max minmax.yaml --from "$T/in/minmax.yaml" -o "$T/out/x.mp4"
mk voice.yaml "${GOOD/title: Good/title: Good
  voice: klingon}"; expect voice-in-file klingon --from "$T/in/voice.yaml" -o "$T/out/x.mp4"
mk colour.yaml "${GOOD/title: Good/title: Good
  accent_color: mauve}"; expect colour-in-file mauve --from "$T/in/colour.yaml" -o "$T/out/x.mp4"
mk tag.yaml '!!python/object:os.system
video: { title: x }'; expect yaml-object-tag tag.yaml --from "$T/in/tag.yaml" -o "$T/out/x.mp4"
mk evilid.yaml "${GOOD/id: good/id: ../../evil}"; expect video-id-dotdot evil --from "$T/in/evilid.yaml" -o "$T/out/"
mk script.lua 'os.execute("touch '"$T"'/pwned"); return {}'; expect lua-as-input script.lua --from "$T/in/script.lua" -o "$T/out/x.mp4"
[ -e "$T/pwned" ] && bad "a .lua input was run"
printf '1\n00:00:05,000 --> 00:00:01,000\nbackwards\n\n2\nnot a time\nbroken\n' >"$T/in/broken.srt"; expect broken-srt broken.srt --from "$T/in/broken.srt" -o "$T/out/x.mp4"
# the command line
mk good.yaml "$GOOD"
mkdir -p "$T/in/adir"; expect directory-input adir --from "$T/in/adir" -o "$T/out/x.mp4"
expect missing-input nothere.yaml --from "$T/in/nothere.yaml" -o "$T/out/x.mp4"
expect unknown-voice klingon --from "$T/in/good.yaml" -o "$T/out/x.mp4" --voice klingon
expect unknown-colour mauve --from "$T/in/good.yaml" -o "$T/out/x.mp4" --color mauve
expect unknown-theme neon --from "$T/in/good.yaml" -o "$T/out/x.mp4" --theme neon
expect task-id-dotdot "../x" --from "$T/in/good.yaml" -o "$T/out/x.mp4" --task-id ../x
expect output-is-input "good.yaml" --from "$T/in/good.yaml" -o "$T/in/good.yaml"
expect missing-out-dir "does not exist" --from "$T/in/good.yaml" -o "$T/out/no/such/x.mp4"
expect absurd-resolution "--resolution" --from "$T/in/good.yaml" -o "$T/out/x.mp4" --resolution 99999x1
expect zero-fps "--fps" --from "$T/in/good.yaml" -o "$T/out/x.mp4" --fps 0
expect bad-crf "--crf" --from "$T/in/good.yaml" -o "$T/out/x.mp4" --crf 99
expect bad-captions "--captions" --from "$T/in/good.yaml" -o "$T/out/x.mp4" --captions pdf
expect unknown-option "--frobnicate" --from "$T/in/good.yaml" --frobnicate
[ -f "$T/in/good.yaml" ] && grep -q "Hello" "$T/in/good.yaml" && ok || bad "the input was damaged"

echo "bad inputs tested: $cases"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
