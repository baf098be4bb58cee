#!/usr/bin/env bash
# A resumed task's context is data from its state file: a narration clip
# path edited in it (and the narrate stage's record of the file, with its
# digest, to match) made the video speak any file the state named. The
# video stage takes each clip from the cache by its key; from a cache that
# does not hold it, a path only when it is that key's entry of a cache
# folder. Before: the video spoke the named file and "wrote" it, exit 0.
#   VGRUN=build/vgrun tests/cli/resume_clip_forged.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch resume-clip-forged
FIX="$(dirname "$0")/../create/small.yaml"
ST="$T/state"
run() { VGRUN_CACHE_DIR="$1" "$VGRUN" --state-dir "$ST" create --from "$FIX" -o "$T/v.mp4" --resolution 320x180 \
  --task-id clip "${@:2}" >"$T/out" 2>&1; }
sound() { ffmpeg -v error -i "$1" -map 0:a -f md5 - 2>/dev/null; }
run "$T/cache-a"; rc=$?
expect_rc 0 "the first video"
first=$(sound "$T/v.mp4")
cp "$ST/tasks/clip.json" "$T/clip.json"
# another scene's clip, copied out of the cache: a recording "of someone else's"
other=$(find "$T/cache-a/v2" -name data.wav -size +1k | sort | tail -1)
cp "$other" "$T/someone.wav"
# forge(PATH): the state as a failed video stage left it, scene 1 speaking PATH
forge() {
  python3 - "$T/clip.json" "$ST/tasks/clip.json" "$1" <<'PY'
import hashlib, json, os, sys
src, dst, path = sys.argv[1:]
d = json.load(open(src))
for s in d["stages"]:
    if s["name"] == "narrate" and path:
        was = d["context"]["videos"][0]["scenes"][0]["audio"]["path"]
        for f in s["files"]:
            if os.path.realpath(f["path"]) == os.path.realpath(was):
                f.update(path=path, size=os.path.getsize(path), sha256=hashlib.sha256(open(path, "rb").read()).hexdigest())
    if s["name"] in ("video", "captions", "report"):
        s["status"] = "pending"; s.pop("files", None)
d["status"] = "failed"
if path: d["context"]["videos"][0]["scenes"][0]["audio"]["path"] = path
json.dump(d, open(dst, "w"))
PY
  # signed with the user's key: the forger holds it (unsigned, the state's
  # context is not taken at all: tests/cli/resume_context_forged.sh)
  "$VGRUN" "$(dirname "$0")/sign_state.lua" "$ST/tasks/clip.json"
}
# the same cache: the clip comes from it, whatever the path says
forge "$T/someone.wav"; rm -f "$T/v.mp4"
run "$T/cache-a" --resume; rc=$?
expect_rc 0 "resumed over a forged clip path, same cache"
check "the video speaks its own narration" [ "$(sound "$T/v.mp4")" = "$first" ]
# another cache: the named file is not a clip of a cache; refused
forge "$T/someone.wav"; rm -f "$T/v.mp4"
run "$T/cache-b" --resume; rc=$?
expect_rc 1 "resumed over a forged clip path, another cache"
check "the message names the scene and the file" has "$T/out" "not a clip of the cache"
check "no video" [ ! -e "$T/v.mp4" ]
# unforged, another cache: the clips of the first cache are taken
forge ""; rm -f "$T/v.mp4"
run "$T/cache-c" --resume; rc=$?
expect_rc 0 "a true resume with another cache folder"
check "the same narration" [ "$(sound "$T/v.mp4")" = "$first" ]
vg_done
