#!/usr/bin/env bash
# vgrun create --resume never lies: what a completed stage made is checked
# (and made again when missing or changed), an edited input or a changed
# option runs the stages that depend on it again and says so, and "wrote X"
# is printed only for an X that is there.
#   VGRUN=build/vgrun tests/create/resume.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffprobe
vg_scratch resume --own-cache

cd "$T" || exit 1
printf '# Resume\n\nThe first version of this talk.\n' >talk.md
run() { "$VGRUN" create --from talk.md -o v.mp4 --task-id talk --resolution 320x180 "$@" >out 2>&1; rc=$?; }

run; expect_rc 0 "first run"
check "first run wrote v.mp4" has out "wrote v.mp4"
[ -s v.mp4 ] && ok || bad "v.mp4 made"

# the MP4 is gone: resume makes it again and says why
rm v.mp4
run --resume; expect_rc 0 "resume after the MP4 was deleted"
check "says the MP4 is missing" has out "v.mp4 is missing; running again from stage 'video'"
check "wrote v.mp4 again" has out "wrote v.mp4"
[ -s v.mp4 ] && ok || bad "v.mp4 is there after the resume"
check "the MP4 decodes" ffprobe -v error v.mp4

# a damaged output is made again too
printf 'junk' >>v.mp4
run --resume; expect_rc 0 "resume after the MP4 was damaged"
check "says the MP4 changed" has out "v.mp4 was changed or damaged"
check "the remade MP4 decodes" ffprobe -v error v.mp4

# the timing report is gone: only the report is made again
rm v.timing.json
run --resume; expect_rc 0 "resume after the timing report was deleted"
check "from the report stage" has out "running again from stage 'report'"
[ -s v.timing.json ] && ok || bad "timing report made again"

# nothing changed: nothing runs again, nothing is said
run --resume; expect_rc 0 "resume with nothing changed"
check "no stage runs again" hasnt out "running again"
check "wrote (checked) v.mp4" has out "wrote v.mp4"

# an edited input: said, and the video shows the new text
printf '# Resume\n\nThe second version of this talk, a little longer than the first one.\n' >talk.md
run --resume; expect_rc 0 "resume after the input was edited"
check "says the input changed" has out "talk.md changed; running again from stage 'load'"
check "the new narration is in the state" grep -q "second version" state/tasks/talk.json

# a new option: said, and the output has it
run --resume --fps 25; expect_rc 0 "resume with a new --fps"
check "says --fps changed" has out "\-\-fps changed (was the default, now '25'); running again from stage 'video'"
check "the MP4 is 25 fps" bash -c "[ \"\$(ffprobe -v error -select_streams v:0 -show_entries stream=r_frame_rate -of csv=p=0 v.mp4)\" = 25/1 ]"
run --resume --fps 25 --resolution 256x144; expect_rc 0 "resume with a new --resolution"
check "says --resolution changed" has out "\-\-resolution changed (was '320x180', now '256x144')"
check "the MP4 has the new size" bash -c "[ \"\$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0:s=x v.mp4)\" = 256x144 ]"
"$VGRUN" create --from talk.md -o v.mp4 --task-id talk --fps 25 --resolution 256x144 --theme dark --resume >out 2>&1; rc=$?
expect_rc 0 "resume with a new --theme"
check "says --theme changed" has out "\-\-theme changed (was the default, now 'dark'); running again from stage 'load'"

# the narration was cleaned from the cache: spoken again, not mixed from files that are gone
rm -rf "$T/cache"
"$VGRUN" create --from talk.md -o v.mp4 --task-id talk --fps 30 --resolution 256x144 --theme dark --resume >out 2>&1; rc=$?
expect_rc 0 "resume after the cache was cleaned"
check "says a WAV is missing" has out "\.wav is missing; running again from stage 'narrate'"
check "the MP4 decodes (cache cleaned)" ffprobe -v error v.mp4

# a set: every file of it counts, and a new video file in its folder too
mkdir -p set vids
printf 'set:\n  defaults: {accent_color: blue}\n' >set/set_config.yaml
cp "$SRC/tests/create/small.yaml" set/a.yaml
runset() { "$VGRUN" create --from set -o vids --task-id set1 --resolution 320x180 "$@" >out.txt 2>&1; rc=$?; }
runset; expect_rc 0 "set: first run"
printf '\n# edited\n' >>set/a.yaml
runset --resume; expect_rc 0 "set: resume after a video file was edited"
check "set: says which file changed" has out.txt "set/a.yaml changed; running again from stage 'load'"
sed "s/id: small/id: small_b/" set/a.yaml >set/b.yaml   # a new video: its own id
runset --resume; expect_rc 0 "set: resume after a video file was added"
check "set: says the set's files changed" has out.txt "set files changed; running again from stage 'load'"
check "set: both videos written" bash -c "[ \$(grep -c '^wrote .*\.mp4 (' out.txt) -eq 2 ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
