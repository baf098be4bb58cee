#!/usr/bin/env bash
# tests/create/early_encode.sh: a scene's segments are encoded while later
# scenes are still spoken (lua/vg/create/early.lua): when the narrate stage
# ends, segments are already in the cache (a plug-in stage between narrate
# and video looks; before, the first segment was encoded after the whole
# plan). The video is the same bytes as a create that encodes nothing early
# (VGRUN_EARLY_ENCODE=0), and its report says the same: every scene made,
# none from the cache, as many pictures encoded.
. "$(dirname "$0")/../lib.sh"
vg_scratch early-encode --own-cache --own-config
{
  printf '# Shapes\n\nA short talk about shapes and where they are found.\n\n'
  for i in 1 2 3 4 5 6; do
    printf '## Shape %d\n\nShape %d is drawn with care. It has edges and corners of its own.\n\n- One side\n- Another side\n\n' "$i" "$i"
  done
} >"$T/talk.md"
cat >"$T/probe.lua" <<'LUA'
-- between narrate and video: how many segments the cache holds by then
-- (waits up to 20 s for the first, as one may still be under way)
local vg = ...
local core = require("vg.core")
require("vg.create").add_stage(vg.stage{ name = "probe", run = function()
  local n = 0
  for _ = 1, 200 do
    local p = io.popen("find '" .. os.getenv("VGRUN_CACHE_DIR") .. "' -name '*.mp4' -type d | wc -l")
    n = tonumber(p:read("a")) or 0
    p:close()
    if n > 0 then break end
    core.sleep(0.1)
  end
  local f = assert(io.open(os.getenv("PROBE_OUT"), "w"))
  f:write(n, "\n")
  f:close()
end }, { before = "video" })
LUA
cd "$T"
make_it() { # make_it NAME [ENV...]: a cold create into NAME.mp4 with its own cache
  local name=$1; shift
  env VGRUN_CACHE_DIR="$T/cache-$name" VGRUN_STATE_DIR="$T/state-$name" PROBE_OUT="$T/$name.probe" "$@" "$VGRUN" create --plugin "$T/probe.lua" \
    --from talk.md -o "$name.mp4" --resolution 640x360 --jobs 2 >"$T/$name.out" 2>&1 \
    || { bad "create ($name): $(tail -3 "$T/$name.out")"; return 1; }
}
make_it early || exit 1
make_it late VGRUN_EARLY_ENCODE=0 || exit 1
n=$(cat early.probe)
[ "${n:-0}" -ge 1 ] && ok "segments in the cache when the narrate stage ended: $n" \
  || bad "no segment was in the cache when the narrate stage ended"
[ "$(sha256sum <early.mp4)" = "$(sha256sum <late.mp4)" ] || bad "the video differs from one that encodes nothing early"
# what the run says about its scenes, and the pictures its task encoded
said() { # said NAME
  sed -n 's/^wrote \(.*\.mp4 (.*)\) in .*/\1/p' "$T/$1.out"
  grep -hoE '"frames_encoded":[[:space:]]*[0-9]+' "$T/state-$1"/tasks/*.json | grep -oE '[0-9]+$' | awk '{ s += $1 } END { print s + 0 }'
}
said early | sed 's/early\.mp4/X/' >early.said
said late | sed 's/late\.mp4/X/' >late.said
grep -q ' 0 made' early.said && bad "the report says nothing was made: $(cat early.said)"
cmp -s early.said late.said && ok "the report says the same: $(tr '\n' ' ' <early.said)" \
  || bad "the reports differ: $(tr '\n' ' ' <early.said) against $(tr '\n' ' ' <late.said)"
vg_done
