#!/usr/bin/env bash
# Help, config and completion all come from the commands' specs (issue 16):
#   VGRUN=build/vgrun tests/cli/help.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch help
export XDG_CONFIG_HOME="$T/cfg"
cd "$T" || exit 1

# --- help: `vgrun help C` is `vgrun C --help`; every option, exit codes ------
cmds=$("$VGRUN" -e 'print(table.concat(require("vg.cli").commands(), " "))')
for c in $cmds; do
  "$VGRUN" help "$c" >"$T/a" 2>&1; rc1=$?
  "$VGRUN" "$c" --help >"$T/b" 2>&1; rc2=$?
  if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && cmp -s "$T/a" "$T/b"; then ok; else bad "help $c differs from $c --help"; fi
  # every option its spec declares is in its help, and the exit codes
  for o in $("$VGRUN" -e '
      local _, spec = require("vg.help").command(arg[1])
      for _, o in ipairs(spec.options or {}) do io.write(o[1], " ") end
      for _, s in ipairs(spec.subcommands or {}) do
        for _, o in ipairs(s.options or {}) do io.write(o[1], " ") end end' "$c"); do
    grep -q -- "$o" "$T/a" || bad "$c --help does not list $o"
  done
  grep -q "^exit codes:" "$T/a" || grep -q "exit codes:" "$T/a" || bad "$c --help names no exit codes"
done
# every option that takes a value says its default
"$VGRUN" -e '
  local help, missing = require("vg.help"), {}
  local function each(list, where)
    for _, o in ipairs(list or {}) do
      require("vg.args").norm(o)
      if o.type ~= "flag" and o.default == nil then missing[#missing + 1] = where .. " " .. o.long end
    end
  end
  for _, name in ipairs(help.commands()) do
    local _, spec = help.command(name)
    each(spec.options, name)
    for _, s in ipairs(spec.subcommands or {}) do each(s.options, name .. " " .. s.name) end
  end
  print(#missing == 0 and "all defaults" or table.concat(missing, ", "))' >"$T/o" 2>&1
grep -qx "all defaults" "$T/o" && ok || bad "options without a default in their help: $(cat "$T/o")"
# an option's check that refuses without a reason: still a message naming the
# option and the value (a nil one reached the user as "error object is a table")
"$VGRUN" -e 'local args = require("vg.args")
  local opt = args.norm({ "--level", arg = "N", check = function() return nil end })
  local v, err = args.convert(opt, "7", "--level")
  print(v == nil and type(err) == "string" and err:find("--level 7", 1, true) and "named" or tostring(err))' >"$T/o" 2>&1
grep -qx "named" "$T/o" && ok || bad "a check without a reason: $(cat "$T/o")"
"$VGRUN" create --help >"$T/h"
tr -s ' \n' '  ' <"$T/h" >"$T/flat"   # wrapped lines joined
for want in "(default: the document's, else male" "config: voice" "VGRUN_CACHE_DIR" "VGRUN_STATE_DIR" "130" "--captions srt,vtt,burn"; do
  grep -qF -- "$want" "$T/flat" && ok || bad "create --help lacks '$want'"
done
"$VGRUN" help nosuch >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 2 ] && grep -q "no command 'nosuch'" "$T/e" && ok || bad "help nosuch: exit $rc"
# global options after the command, with --help
"$VGRUN" create --help -q >"$T/a" && cmp -s "$T/a" "$T/h" && ok || bad "create --help -q"

# a command module with only `usage` (no spec) is shown by its usage, in help,
# man page and completion
"$VGRUN" -e '
  package.preload["vg.cmd.zz"] = function()
    return { summary = "a plain command", usage = "usage: vgrun zz [--flag] [--level N]\n", run = function() return 0 end }
  end
  local help = require("vg.help")
  assert(help.text("zz"):find("usage: vgrun zz [--flag]", 1, true), help.text("zz"))
  assert(help.main_text():find("zz +a plain command"))
  assert(help.roff("zz", "2026-01-01"):find("vgrun\\-zz \\- a plain command", 1, true))
  local c = table.concat(help.complete({ "zz", "--" }), " ")
  assert(c:find("--flag", 1, true) and c:find("--level", 1, true), c)
  print("fallback ok")' >"$T/o" 2>&1 && grep -q "fallback ok" "$T/o" && ok || bad "a usage-only command: $(cat "$T/o")"

# --- --version: the libraries, as they answer at run time --------------------
"$VGRUN" --version >"$T/v"
for lib in libavcodec libavformat x264 espeak-ng Cairo Pango Lua libuv; do
  grep -q "^  $lib  *[0-9A-Za-z]" "$T/v" && ok || bad "--version does not name $lib: $(cat "$T/v")"
done

# --- config: defaults, where each comes from, errors with file:line ----------
mkdir -p "$T/cfg/vgrun"
"$VGRUN" config >"$T/c"; rc=$?
[ $rc -eq 0 ] && grep -q "^voice .* default" "$T/c" && grep -q "(not there)" "$T/c" && ok || bad "config without a file: $(cat "$T/c")"
printf -- '-- my defaults\nvoice = "female"\nreturn { fps = 25,\n  captions = { "srt" } }\n' >"$T/cfg/vgrun/config.lua"
"$VGRUN" config >"$T/c" 2>&1
grep -Eq "^voice +female +$T/cfg/vgrun/config.lua:2$" "$T/c" && ok || bad "config: voice from file:line: $(cat "$T/c")"
grep -Eq "^fps +25 +.*config.lua:3$" "$T/c" && ok || bad "config: fps from a returned table: $(cat "$T/c")"
grep -Eq "^captions +srt +.*config.lua:4$" "$T/c" && ok || bad "config: a list: $(cat "$T/c")"
"$VGRUN" config --voice male_warm >"$T/c" 2>&1
grep -Eq "^voice +male_warm +command line$" "$T/c" && ok || bad "config: the command line wins: $(cat "$T/c")"
VGRUN_CACHE_DIR="$T/elsewhere" "$VGRUN" config >"$T/c" 2>&1
grep -Eq "^cache_dir +$T/elsewhere +environment \(VGRUN_CACHE_DIR\)$" "$T/c" && ok || bad "config: environment: $(cat "$T/c")"
# bad files: exit 2 naming file:line, for every command, before any work
printf 'voice = "female"\nfps = = 3\n' >"$T/cfg/vgrun/config.lua"
"$VGRUN" tasks list >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 2 ] && grep -q "config.lua:2:" "$T/e" && ! grep -q traceback "$T/e" && ok || bad "syntax error: exit $rc: $(cat "$T/e")"
printf 'voice = "female"\n\ncolour_of_sky = "blue"\n' >"$T/cfg/vgrun/config.lua"
"$VGRUN" config >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 2 ] && grep -q "config.lua:3: unknown setting 'colour_of_sky'" "$T/e" && ok || bad "unknown key: exit $rc: $(cat "$T/e")"
printf 'os.execute("touch %s/pwned")\n' "$T" >"$T/cfg/vgrun/config.lua"
"$VGRUN" config >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 2 ] && [ ! -e "$T/pwned" ] && ok || bad "the sandbox: exit $rc, $(cat "$T/e")"
printf 'while true do end\n' >"$T/cfg/vgrun/config.lua"
"$VGRUN" config >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 2 ] && grep -q "runs too long" "$T/e" && ok || bad "endless config: exit $rc: $(cat "$T/e")"
# one call that would take gigabytes (no hook stops a C call): refused at once
printf 'voice = ("x"):rep(2000000000)\n' >"$T/cfg/vgrun/config.lua"
"$VGRUN" config >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 2 ] && grep -q "uses too much memory" "$T/e" && ok || bad "greedy config: exit $rc: $(cat "$T/e")"
printf 'local t = {}\nfor i = 1, 1e9 do t[i] = ("y"):rep(1000) .. i end\n' >"$T/cfg/vgrun/config.lua"
"$VGRUN" config >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 2 ] && grep -q "uses too much memory\|runs too long" "$T/e" && ok || bad "growing config: exit $rc: $(cat "$T/e")"
printf '# Talk\n\nA short talk.\n' >talk.md
printf '\nvoice = "klingon"\n' >"$T/cfg/vgrun/config.lua"
"$VGRUN" -q create --from talk.md -o talk.mp4 >/dev/null 2>"$T/e"; rc=$?
[ $rc -eq 2 ] && grep -q "config.lua:2: voice klingon" "$T/e" && [ ! -e talk.mp4 ] && [ ! -d "$T/state/tasks" ] \
  && ok || bad "a bad value in the config: exit $rc: $(cat "$T/e")"
printf 'resolution = "1x1"\n' >"$T/cfg/vgrun/config.lua"
"$VGRUN" -q create --from talk.md --resolution 640x360 -o talk.mp4 --help >/dev/null 2>&1 && ok || bad "--help with a bad config value"
rm -f "$T/cfg/vgrun/config.lua"

# --- bash completion: source it and ask it, as bash does --------------------
mkdir -p docs && : >docs/a.md && : >docs/b.yaml && : >docs/c.pdf
mkdir -p "$VGRUN_STATE_DIR/tasks"
"$VGRUN" -e 'local vg = require("vg"); vg.pipeline{ name = "demo", stages = { function() end } }:run(nil, { task_id = "talk-1" })' >/dev/null 2>&1
comp() {
  ( PATH="$(dirname "$VGRUN"):$PATH"
    source "$SRC/completion/vgrun.bash"
    COMP_LINE="$1"; COMP_POINT=${#1}; COMP_WORDS=($1); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _vgrun; printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//' )
}
expect() {  # expect LINE WANTED...: every WANTED among the replies
  local line=$1; shift
  local got; got=" $(comp "$line") "
  for w in "$@"; do case "$got" in *" $w "*) ;; *) bad "complete '$line': no '$w' in:$got"; return ;; esac; done
  ok
}
expect_not() { local got; got=" $(comp "$1") "; case "$got" in *" $2 "*) bad "complete '$1' offers '$2'" ;; *) ok ;; esac; }
expect "vgrun cr" create
expect "vgrun " create say tasks help config
expect "vgrun create --vo" --voice
expect "vgrun create --voice fem" female female_friendly
expect "vgrun create --voice=fem" female female_friendly
expect "vgrun say --voice en-us+f" en-us+f3
expect "vgrun create --color " blue cyan green orange pink purple
expect "vgrun create --theme=" dark light
expect "vgrun create --preset " slides veryfast veryslow
expect "vgrun create --captions srt," srt,vtt srt,burn
expect "vgrun -q create --from docs/" docs/a.md docs/b.yaml
expect_not "vgrun -q create --from docs/" docs/c.pdf
expect "vgrun create --from yaml:do" docs/
expect "vgrun create --from " document: yaml:
expect "vgrun tasks " list show resume cancel clean
expect "vgrun tasks show " talk-1
expect "vgrun tasks clean --" --older-than --all --corrupt
VGRUN_STATE_DIR="$T/other" "$VGRUN" -e 'local vg = require("vg"); vg.pipeline{ name = "demo", stages = { function() end } }:run(nil, { task_id = "elsewhere-1" })' >/dev/null 2>&1
expect "vgrun --state-dir $T/other tasks show " elsewhere-1
expect_not "vgrun --state-dir=$T/other tasks show " talk-1
expect "vgrun help " create tasks
expect "vgrun create -q --the" --theme
expect "vgrun frame --types " docs
# a file name with a blank stays one candidate, however the word is quoted
: >"docs/my talk.md"
exact() {  # exact LINE WANTED: WANTED is one whole reply, and bash quotes it
  local got
  got=$( ( PATH="$(dirname "$VGRUN"):$PATH"; source "$SRC/completion/vgrun.bash"
    COMP_LINE="$1"; COMP_POINT=${#1}; compopt() { echo "compopt $1 $2"; }
    _vgrun; printf '[%s]\n' "${COMPREPLY[@]}" ) )
  case "$got" in *"compopt -o filenames"*) ;; *) bad "complete '$1': bash is not asked to quote file names"; return ;; esac
  if printf '%s\n' "$got" | grep -qxF "[$2]"; then ok; else bad "complete '$1': no [$2] in: $got"; fi
}
exact 'vgrun create --from docs/my' "docs/my talk.md"
exact 'vgrun create --from docs/my\ t' "docs/my talk.md"
exact 'vgrun create --from "docs/my t' "docs/my talk.md"
exact "vgrun create --from 'docs/my" "docs/my talk.md"
exact 'vgrun create --from=docs/my' "docs/my talk.md"
rm -f "docs/my talk.md"
# zsh: the function runs with stubs that print what it asks zsh to offer
if command -v zsh >/dev/null; then
  cat >"$T/z.zsh" <<'ZSH'
_files() { print -r -- "FILES $*" }
_describe() { local -a arr; arr=("${(@P)${@[-1]}}"); print -r -- "DESCRIBE ${(j:|:)arr}" }
compadd() { print -r -- "COMPADD $*" }
source "$1"
words=(vgrun create --voice fem); CURRENT=4; _vgrun
words=(vgrun cr); CURRENT=2; _vgrun
words=(vgrun create --from ''); CURRENT=4; _vgrun
ZSH
  PATH="$(dirname "$VGRUN"):$PATH" zsh -f "$T/z.zsh" "$SRC/completion/_vgrun" >"$T/z.out" 2>&1
  grep -q "^COMPADD -Q -- .*female_friendly" "$T/z.out" && grep -q "^DESCRIBE .*create:make a narrated video" "$T/z.out" \
    && grep -qF 'FILES -g *.(md|markdown|yaml|yml|json|srt|vtt)(-.)' "$T/z.out" && grep -q "COMPADD -Q -S  -- document: yaml:" "$T/z.out" \
    && ok || bad "zsh completion: $(cat "$T/z.out" | cut -c1-200)"
fi

echo "help: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
