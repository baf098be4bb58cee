#!/usr/bin/env bash
# A resumed task's context (the scenes as loaded and fitted: headlines,
# narration, layout) comes from its state file, which is data. Edited
# there, a headline or a narration was shown and said by the resumed video
# while the document said otherwise. The context is signed with the user's
# own key ($XDG_STATE_HOME/vgrun/context.key, apart from every state folder);
# a context that does not verify is not taken: the task plans again from the
# document. Before: the video showed "FORGED HEADLINE" and spoke the forged
# narration, exit 0.
#   VGRUN=build/vgrun tests/cli/resume_context_forged.sh
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch resume-context-forged
FIX="$(dirname "$0")/../create/small.yaml"
ST="$VGRUN_STATE_DIR"
run() { "$VGRUN" create --from "$FIX" -o "$T/v.mp4" --resolution 320x180 --captions srt \
  --task-id ctx --events "$T/ev.jsonl" "$@" >"$T/out" 2>&1; }
run; rc=$?
expect_rc 0 "the first video"
check "the key is the user's own, mode 0600" eval '[ "$(stat -c %a "$XDG_STATE_HOME/vgrun/context.key")" = 600 ]'
cp "$ST/tasks/ctx.json" "$T/ctx.json"
# forge(EDIT): the state as a run killed in the narrate stage left it;
# with EDIT, scene 1's headline and scene 2's narration changed
forge() {
  python3 - "$T/ctx.json" "$ST/tasks/ctx.json" "$1" <<'PY'
import json, sys
src, dst, edit = sys.argv[1:]
d = json.load(open(src))
for s in d["stages"]:
    if s["name"] in ("narrate", "video", "captions", "report"):
        s["status"] = "pending"; s.pop("files", None)
d["status"] = "failed"
if edit:
    scenes = d["context"]["videos"][0]["scenes"]
    scenes[0]["visual_content"]["title"] = "FORGED HEADLINE"
    scenes[1]["narration"] = "Forged words that the document never said."
json.dump(d, open(dst, "w"))
PY
  rm -f "$T/v.mp4" "$T/v.srt" "$T/v.timing.json" "$T/ev.jsonl"
}
# a true resume: the saved context is taken, load, style and fit skipped
forge ""
run --resume; rc=$?
expect_rc 0 "a true resume"
check "the load stage is skipped" eval 'grep "stage.skipped" "$T/ev.jsonl" | grep -q "\"stage\": *\"load\""'
check "nothing said about the context" hasnt "$T/out" "did not save"
# an edited context: not taken, planned again from the document
forge edit
run --resume; rc=$?
expect_rc 0 "a resume over an edited context"
check "says the state file was not saved by vgrun" has "$T/out" "ctx.json holds a context vgrun did not save there"
check "and plans again from the document" has "$T/out" "running again from stage 'load'"
check "the headline is the document's" has "$T/v.timing.json" "Crash Safety"
check "never the forged headline" hasnt "$T/v.timing.json" "FORGED"
check "the captions say the document's narration" has "$T/v.srt" "Then it resumes"
check "never the forged narration" hasnt "$T/v.srt" "Forged words"
# a key that is not the user's own file (a link): nothing is taken, said once
forge ""
mv "$XDG_STATE_HOME/vgrun/context.key" "$T/key"
ln -s "$T/key" "$XDG_STATE_HOME/vgrun/context.key"
run --resume; rc=$?
expect_rc 0 "a resume with a key that is a link"
check "says the key is not one vgrun made" has "$T/out" "context.key is not a key vgrun made"
check "the video is there" [ -s "$T/v.mp4" ]
vg_done
