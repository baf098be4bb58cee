#!/usr/bin/env bash
# tests/create/lua_data_broken.sh: a development build reads lua/ from
# VGRUN_LUA_DIR. A vg/timing.lua or vg/i18n.lua there that cannot be used (a
# syntax error, a key missing, a value of the wrong type, a runtime error)
# stops `vgrun create` and `vgrun scenes` with an error that names the file
# (and its line where one applies) and a non-zero exit, never a crash; the
# length model in C says the same through vg.input_core.
. "$(dirname "$0")/../lib.sh"
vg_scratch luadata --own-cache
printf '# Notes\n\nA short paragraph about the notes.\n\n- First point\n- Second point\n' >"$T/doc.md"

# case file sed-expression what-the-message-says line
cases=(
  "timing-syntax|vg/timing.lua|s/^  tail = 0.6,/  tail = 0.6/|expected|:10:"
  "timing-missing|vg/timing.lua|/^  hold = /d|hold is missing|"
  "timing-type|vg/timing.lua|s/^  step = [0-9.]*,/  step = \"fast\",/|step is a string, not a number|:12:"
  "timing-runtime|vg/timing.lua|s/^  tail = 0.6,/  tail = nil + 1,/|arithmetic on a nil value|:9:"
  "i18n-syntax|vg/i18n.lua|s/^  de = {/  de = {{/|expected|"
  "i18n-missing|vg/i18n.lua|s/^return M$/M.phrases = nil return M/|phrases is missing|"
  "i18n-type|vg/i18n.lua|s/thanks = \"Thanks for watching\"/thanks = 42/|phrases.en.thanks is a number, not a string|:23:"
  "i18n-runtime|vg/i18n.lua|s/^local M = {}$/local M = {} M.x = M.y.z/|attempt to index a nil value|:18:"
)
for c in "${cases[@]}"; do
  IFS='|' read -r name file expr says line <<<"$c"
  rm -rf "$T/lua"
  cp -r "$SRC/lua" "$T/lua"
  sed -i -e "$expr" "$T/lua/$file"
  cmp -s "$SRC/lua/$file" "$T/lua/$file" && { bad "$name: the test's edit changed nothing"; continue; }
  for cmd in scenes create c-model; do
    case $cmd in
      scenes) VGRUN_LUA_DIR="$T/lua" "$VGRUN" scenes "$T/doc.md" >/dev/null 2>"$T/err" ;;
      create) VGRUN_LUA_DIR="$T/lua" "$VGRUN" create "$T/doc.md" -o "$T/doc.mp4" --resolution 320x180 -q \
                >/dev/null 2>"$T/err" ;;
      # the length model in C alone (the Lua modules it reads are not loaded)
      c-model)
        # vg/i18n.lua is not read by the length model
        [ "${file}" = vg/i18n.lua ] && continue
        VGRUN_LUA_DIR="$T/lua" "$VGRUN" -e '
        local core = require("vg.input_core")
        local ok, e = pcall(core.scene_seconds, { scene_type = "list", visual_content = { items = { "a" } } })
        io.stderr:write(ok and "no error\n" or tostring(e) .. "\n")
        os.exit(ok and 0 or 1)' >/dev/null 2>"$T/err" ;;
    esac
    rc=$?
    if [ "$rc" -eq 0 ] || [ "$rc" -ge 128 ]; then bad "$name: $cmd exits $rc: $(head -3 "$T/err")"; continue; fi
    grep -q "Aborted\|Segmentation\|core dumped" "$T/err" && bad "$name: $cmd crashed"
    grep -qF "$T/lua/$file$line" "$T/err" || bad "$name: $cmd does not name $file${line:+ and its line $line}: $(head -3 "$T/err")"
    grep -qF -- "$says" "$T/err" || bad "$name: $cmd does not say '$says': $(head -3 "$T/err")"
    grep -q "stack traceback" "$T/err" && bad "$name: $cmd prints a traceback: $(head -5 "$T/err")"
  done
done
[ -e "$T/doc.mp4" ] && bad "a video was made with a broken table"

vg_done
