#!/usr/bin/env bash
# The local-model example plug-in (issue 13, item 13): with an
# OpenAI-compatible endpoint on this machine (a fake one here, answering
# canned JSON) the narration and headlines are the model's; with none, or
# one that answers badly, the video is made by the rules and one warning
# says so; a URL off this machine is refused before anything is sent.
#   VGRUN=build/vgrun tests/create/local_model.sh
. "$(dirname "$0")/../lib.sh"
PLUGIN=$(cd "$HERE/../.." && pwd)/examples/plugins/local_model.lua
vg_need curl python3
vg_scratch local-model --own-cache --own-config
SERVER=
at_exit() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; }
FAST=(--resolution 320x180 --fps 10 --captions srt)
cd "$T" || exit 1
printf '# Local models\n\nThis document is about local models.\n\n## Why\n\n- They run offline\n- Nothing leaves the machine\n' >doc.md

# start the fake endpoint; wait for the file that names its port
start() {
  rm -f port
  python3 "$HERE/fake_llm.py" port requests.log "$1" & SERVER=$!
  for _ in $(seq 200); do [ -s port ] && break; kill -0 "$SERVER" 2>/dev/null || break; sleep 0.05; done
  [ -s port ] || { echo "FAIL: the fake endpoint did not start" >&2; exit 1; }
}
stop() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; SERVER=; }

# 1. an endpoint that answers: the captions say what the model wrote
start good
VGRUN_LLM_URL="http://127.0.0.1:$(cat port)/v1" "$VGRUN" create --plugin "$PLUGIN" doc.md -o a.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "good: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "good: the narration is the model's" has a.srt "Rewritten narration number"
check "good: the rules' narration is gone" bash -c "! grep -q 'They run offline' a.srt"
check "good: no warning" bash -c "! grep -q 'local model' err.txt"
check "good: the scene text was sent" has requests.log "Nothing leaves the machine"
check "good: as a chat completion" has requests.log '"messages"'
stop

# 2. an endpoint that answers badly: rules, one warning
start bad
VGRUN_LLM_URL="http://127.0.0.1:$(cat port)/v1" "$VGRUN" create --plugin "$PLUGIN" doc.md -o b.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "bad answer: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "bad answer: one warning" [ "$(grep -c 'local model at' err.txt)" -eq 1 ]
check "bad answer: says why" has err.txt "did not answer with JSON"
check "bad answer: the rules' narration" bash -c "! grep -q 'Rewritten' b.srt"
port=$(cat port)
stop

# 3. no endpoint (the port the fake one had): rules, one warning
VGRUN_LLM_URL="http://127.0.0.1:$port/v1" "$VGRUN" create --plugin "$PLUGIN" doc.md -o c.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "absent: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "absent: one warning" [ "$(grep -c 'local model at' err.txt)" -eq 1 ]
check "absent: every scene kept its text" has err.txt "keep the text vgrun's rules made"
check "absent: the video was made" [ -s c.mp4 ]

# 4. a URL off this machine is refused before anything is sent
VGRUN_LLM_URL="http://192.0.2.1/v1" "$VGRUN" create --plugin "$PLUGIN" doc.md -o d.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "remote: exit $rc, wanted 2" [ "$rc" -eq 2 ]
check "remote: says why" has err.txt "not on this machine"
check "remote: nothing made" [ ! -e d.mp4 ]
# a loopback address followed by a userinfo's @ is curl's user:password
# before another host: refused, whatever the host
for u in "http://127.0.0.1:8080@192.0.2.1/v1" 'http://127.0.0.1:80\@192.0.2.1/v1' "http://127.0.0.1%2f@192.0.2.1/"; do
  VGRUN_LLM_URL="$u" "$VGRUN" create --plugin "$PLUGIN" doc.md -o d.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
  check "userinfo $u: exit $rc, wanted 2" [ "$rc" -eq 2 ]
  check "userinfo $u: says why" has err.txt "the host must be a name or address"
  check "userinfo $u: nothing made" [ ! -e d.mp4 ]
done

# 5. without the plug-in nothing is asked (the default is offline)
: >requests.log
start good
"$VGRUN" create doc.md -o e.mp4 "${FAST[@]}" >out.txt 2>err.txt
check "default: nothing sent" [ ! -s requests.log ]
stop

echo "local_model: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
