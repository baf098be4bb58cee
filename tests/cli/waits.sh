#!/usr/bin/env bash
# Every waiting call of docs/lua-api.md returns and the program then exits:
# in a script, in -e, from stdin and at the REPL prompt (driven through a
# pty by repl_wait.py). timeout(1) turns a hang into a failure (a hang
# guard, not a speed bound).
#   VGRUN=build/vgrun tests/cli/waits.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch waits
GUARD=${GUARD:-60}

# ends WHAT CHUNK: the chunk prints "last" and vgrun exits 0, run as -e, as a
# script file and from stdin
ends() {
  local what=$1 chunk=$2 rc
  printf '%s\nprint("last")\n' "$chunk" >"$T/chunk.lua"
  for how in -e file stdin; do
    case $how in
      -e) timeout -s KILL "$GUARD" "$VGRUN" -e "$(cat "$T/chunk.lua")" >"$T/out" 2>&1 </dev/null ;;
      file) timeout -s KILL "$GUARD" "$VGRUN" "$T/chunk.lua" >"$T/out" 2>&1 </dev/null ;;
      stdin) timeout -s KILL "$GUARD" "$VGRUN" - <"$T/chunk.lua" >"$T/out" 2>&1 ;;
    esac
    rc=$?
    if [ "$rc" -eq 0 ] && grep -q '^last$' "$T/out"; then ok
    else bad "$what ($how): exit $rc"; sed 's/^/    /' "$T/out" >&2; fi
  done
}

ends "vg.sleep(0)" 'local vg = require("vg"); vg.sleep(0)'
ends "a thousand events, then a wait" \
  'local vg = require("vg"); for i = 1, 1000 do vg.emit{ type = "my.event" } end; vg.sleep(0.001)'
ends "ten events, then a wait" \
  'local vg = require("vg"); for i = 1, 10 do vg.emit{ type = "my.event" } end; vg.sleep(0.001)'
ends "a wait after a stretch of Lua lasts its time" \
  'local vg = require("vg"); local t = os.clock(); while os.clock() - t < 0.1 do end
   local t0 = vg.core.hrtime(); vg.sleep(0.05); assert(vg.core.hrtime() - t0 >= 0.049, "the sleep ended early")'
ends "coroutine.yield() in a stage of a fresh process" \
  'local vg = require("vg")
   local r = vg.pipeline{ stages = { function(ctx) coroutine.yield(); ctx.n = 1 end } }:run(nil, { save_state = false })
   assert(r.success and r.context.n == 1, r.status)'
ends "two tasks that yield, waited for" \
  'local vg = require("vg")
   local p = vg.pipeline{ stages = { function() for i = 1, 3 do coroutine.yield() end end } }
   local a, b = vg.wait(p:start(nil, { save_state = false }), p:start(nil, { save_state = false }))
   assert(a.success and b.success)'
ends "a fiber waits for a task" \
  'local vg = require("vg")
   local t = vg.pipeline{ stages = { function() coroutine.yield() end } }:start(nil, { save_state = false })
   local seen
   vg.go(function() seen = vg.wait(t).status end)
   while not seen do vg.sleep(0) end
   assert(seen == "completed", seen)'
ends "vg.spawn" 'local vg = require("vg"); assert(vg.spawn("true").code == 0)'

if command -v python3 >/dev/null; then
  if VGRUN="$VGRUN" REPL_LIMIT="$GUARD" python3 "$HERE/repl_wait.py"; then ok; else bad "waits at the REPL prompt"; fi
else
  echo "skip: no python3 to drive the REPL through a pty" >&2
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
