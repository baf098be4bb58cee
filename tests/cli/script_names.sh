#!/usr/bin/env bash
# `vgrun FILE` runs FILE as Lua only when it is a script: a name ending in
# .lua, or a first line #!...vgrun. A document named by mistake
# (`vgrun README.md`, `vgrun README`) is never run as code, even when its
# text is Lua; and scripts are loaded as text (Lua 5.4 does not verify
# precompiled chunks, which can corrupt memory).
. "$(dirname "$0")/../lib.sh"
vg_scratch scriptnames
cd "$T" || exit 1
LUA='io.open(os.getenv("MARK"), "w"):write("x") print("ran")'
for name in notes.md README doc.txt deck.yaml; do
  echo "$LUA" >"$name"
  MARK="$T/ran-$name" "$VGRUN" "$name" >"$T/out" 2>&1; rc=$?
  expect_rc 2 "vgrun $name"
  if [ -e "$T/ran-$name" ]; then bad "vgrun $name ran the document as Lua"; else ok; fi
  check "the message for $name" has "$T/out" "$name is not a Lua script"
  check "the way to a video for $name" has "$T/out" "vgrun create --from $name"
done
echo "$LUA" >ok.lua
MARK="$T/ran-ok" "$VGRUN" ok.lua >"$T/out" 2>&1; rc=$?
expect_rc 0 "vgrun ok.lua"
check "ok.lua ran" test -e "$T/ran-ok"
printf '#!/usr/bin/env vgrun\n%s\n' "$LUA" >tool
MARK="$T/ran-tool" "$VGRUN" tool >"$T/out" 2>&1; rc=$?
expect_rc 0 "a #!/usr/bin/env vgrun script"
check "the #! script ran" test -e "$T/ran-tool"
printf '#!/usr/bin/env lua\n%s\n' "$LUA" >other
MARK="$T/ran-other" "$VGRUN" other >"$T/out" 2>&1; rc=$?
expect_rc 2 "a #! line naming another program"
if [ -e "$T/ran-other" ]; then bad "a #!/usr/bin/env lua file ran"; else ok; fi
# precompiled Lua is refused, by name and from standard input
if command -v luac5.4 >/dev/null; then
  echo "$LUA" >src.lua
  luac5.4 -o bin.lua src.lua
  MARK="$T/ran-bin" "$VGRUN" bin.lua >"$T/out" 2>&1; rc=$?
  expect_rc 1 "precompiled bin.lua"
  check "the refusal of bytecode" has "$T/out" "binary chunk"
  MARK="$T/ran-bin2" "$VGRUN" - <bin.lua >"$T/out" 2>&1; rc=$?
  expect_rc 1 "precompiled Lua on standard input"
  if [ -e "$T/ran-bin" ] || [ -e "$T/ran-bin2" ]; then bad "precompiled Lua ran"; else ok; fi
else
  echo "skip: no luac5.4 for the bytecode cases"
fi
vg_done
