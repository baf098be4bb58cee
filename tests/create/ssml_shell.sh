#!/usr/bin/env bash
# A document's narration never runs a command (issue 11, item 1). espeak-ng's
# SSML <audio src=SRC> runs `sox "SRC" ...` through a shell when SRC exists,
# and narration that started with <speak> used to be read as SSML. Now it is
# plain text; --ssml reads SSML in a safe subset and refuses <audio>.
#   VGRUN=build/vgrun tests/create/ssml_shell.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch ssml-shell --own-cache
no_pwned() { [ -z "$(find "$T" -name PWNED)" ]; }

mkdir -p "$T/set" "$T/out" "$T/out2" "$T/out3"
touch "$T/set/intro\$(touch PWNED).wav"  # the file the set ships
write_doc() {
  cat >"$T/set/talk.yaml" <<YAML
video:
  id: talk
  title: "Narration is data"
scenes:
  - scene_type: title
    visual_content: { title: "Hello" }
    narration: '$1'
YAML
}
cd "$T/set" || exit 1

# 1. by default the markup is spoken as text: nothing runs, the video is made
write_doc '<speak><audio src="/proc/self/cwd/intro$(touch PWNED).wav"/>Hi</speak>'
"$VGRUN" create --from talk.yaml -o "$T/out/talk.mp4" --resolution 320x180 --fps 10 \
  >"$T/out.txt" 2>"$T/err"; rc=$?
check "plain: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "plain: no command ran" no_pwned
check "plain: the video is written" [ -s "$T/out/talk.mp4" ]
check "plain: a warning says it is plain text" has "$T/err" "looks like SSML; it is spoken as plain text"

# 2. --ssml: <audio> is refused with a message, before anything is spoken
"$VGRUN" create --ssml --from talk.yaml -o "$T/out2/talk.mp4" --resolution 320x180 --fps 10 \
  >"$T/out.txt" 2>"$T/err"; rc=$?
check "--ssml <audio>: exit $rc, wanted non-zero" [ "$rc" -ne 0 ]
check "--ssml <audio>: no command ran" no_pwned
check "--ssml <audio>: refused with its place" has "$T/err" "SSML line 1, column 8: <audio> is not allowed"
check "--ssml <audio>: no video" [ ! -e "$T/out2/talk.mp4" ]

# 3. --ssml with the safe subset makes the video
write_doc '<speak>Hello <mark name="m"/>there. <break time="200ms"/>Bye.</speak>'
"$VGRUN" create --ssml --from talk.yaml -o "$T/out3/talk.mp4" --resolution 320x180 --fps 10 \
  >"$T/out.txt" 2>"$T/err"; rc=$?
check "--ssml subset: exit $rc, wanted 0" [ "$rc" -eq 0 ] || cat "$T/err" >&2
check "--ssml subset: the video is written" [ -s "$T/out3/talk.mp4" ]
check "--ssml subset: no warning" eval '! grep -q "looks like SSML" "$T/err"'

echo "ssml_shell: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
