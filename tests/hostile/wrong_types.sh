#!/usr/bin/env bash
# Scene fields of the wrong type (null, a list, a mapping, a number, a bool,
# 1e300) in every field of every scene type, of a scene and of a video:
# `vgrun scenes` (text and --json) tells the document's errors at their
# file:line and prints the plan marked incomplete; never a Lua error such as
# "timeline.lua:170: attempt to index a userdata value" in place of them.
#   VGRUN=build/vgrun tests/hostile/wrong_types.sh
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch wrong-types
cd "$T" || exit 1
python3 - <<'EOF' || exit 1
import json
T = {"title": ["title", "subtitle"], "command": ["header", "description", "commands", "language"],
     "list": ["header", "description", "items", "start", "callout"],
     "table": ["header", "description", "columns", "rows"], "outro": ["main_text", "sub_text"],
     "code_comparison": ["header", "before_code", "after_code", "before_label", "after_label", "language"],
     "quote": ["quote_text", "attribution"],
     "problem": ["problem_number", "title", "problem_text", "difficulty"],
     "solution": ["title", "solution_code", "explanation", "language"],
     "checkpoint": ["checkpoint_number", "completed_topics", "review_questions", "next_topics"],
     "quiz": ["question", "options", "correct_answer", "show_answer"],
     "learning_objectives": ["lesson_title", "objectives", "lesson_info"],
     "exercise": ["title", "instructions", "difficulty", "estimated_time"]}
bads = [None, [], {"a": [1]}, 1e300]
n = 0
def put(doc):
    global n
    open("d%04d.json" % n, "w").write(json.dumps(doc))
    n += 1
for t, fs in T.items():
    for f in fs:
        for b in bads:
            put({"video": {"title": "t"}, "scenes": [{"scene_type": t, "visual_content": {f: b}, "narration": "Hi."}]})
    for b in bads:
        put({"video": {"title": "t"}, "scenes": [{"scene_type": t, "visual_content": b}]})
for f in ["scene_type", "narration", "voice", "min_duration", "max_duration", "id", "language"]:
    for b in bads:
        put({"video": {"title": "t"}, "scenes": [{"scene_type": "title", "visual_content": {"title": "x"}, f: b}]})
for f in ["title", "id", "voice", "accent_color", "theme", "language", "target_duration",
          "min_scene_duration", "max_scene_duration"]:
    for b in bads:
        put({"video": {"title": "t", f: b}, "scenes": [{"scene_type": "title", "visual_content": {"title": "x"}}]})
EOF
# the YAML of the first report: null content, a list as the type
printf 'video: {title: t}\nscenes:\n  - {scene_type: title, visual_content: null}\n  - {scene_type: [x]}\n' >first.yaml

# scan NAME ARGS...: a run of `vgrun scenes` tells the document's errors,
# never a Lua error or a table's address
scan() {
  local f=$1
  "$VGRUN" scenes "$@" >out.txt 2>err.txt; rc=$?
  if [ $rc -gt 1 ] || grep -qE '\.lua:[0-9]+:|attempt to|traceback' err.txt; then
    bad "scenes $*: exit $rc: $(head -c 300 err.txt) ($(head -c 300 "$f"))"
  elif [ $rc -eq 1 ] && ! grep -q "^$f:" err.txt; then
    bad "scenes $*: exit 1 without naming the document: $(head -c 300 err.txt)"
  elif grep -q 'table: 0x' out.txt; then
    bad "scenes $*: a Lua table's address in the plan: $(head -c 300 out.txt)"
  else ok; fi
}
for f in d*.json first.yaml; do scan "$f"; done
scan first.yaml --json
scan d0001.json --json
# the plan of the first report is still shown, incomplete, with both errors
"$VGRUN" scenes first.yaml >out.txt 2>err.txt; rc=$?
expect_rc 1 "scenes first.yaml"
check "its plan says it is incomplete" has out.txt "^INCOMPLETE: the document has"
check "the null content is named at its line" has err.txt "first.yaml:3:.*visual_content: expected a mapping, got null"
check "the list as a type is named at its line" has err.txt "first.yaml:4:.*scene_type: expected a scene type name, got a list"
# a frame of those scenes: the document's errors, then which scene cannot be drawn
for n in 1 2; do
  "$VGRUN" frame first.yaml --scene $n --resolution 320x180 -o f.png >out.txt 2>err.txt; rc=$?
  expect_rc 1 "frame --scene $n of first.yaml"
  check "frame --scene $n: no Lua error nor table address" hasnt err.txt '\.lua:[0-9]*:\|table: 0x'
  check "frame --scene $n: says it cannot be drawn" has err.txt "scene $n cannot be drawn"
done
check "the document's error is named" has err.txt "first.yaml:4:.*scene_type: expected a scene type name, got a list"
vg_done
