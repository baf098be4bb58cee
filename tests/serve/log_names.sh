#!/usr/bin/env bash
# tests/serve/log_names.sh: what `vgrun serve` logs on standard error when a
# request fails is shown as names are: a task manager's error that holds a
# name read from a state file or an upload (here ESC ] 0 ; ... BEL and
# ESC [ 2 J) reaches the terminal as \xNN, never raw.
. "$(dirname "$0")/../lib.sh"
vg_need curl
vg_scratch serve-log-names
cd "$T" || exit 1
cat >serve.lua <<'LUA'
local vg = require("vg")
-- a manager whose list fails on a task file with a hostile name
local Broken = {}
Broken.__index = Broken
function Broken.new() return setmetatable({}, Broken) end
function Broken:restore() end
function Broken:shutdown() end
function Broken:list() error("cannot read tasks/evil\27]0;TITLE\7\27[2J.json", 0) end
local S = assert(require("vg.serve").start { host = "127.0.0.1", port = 0, data = "data", tasks = Broken })
os.execute(string.format("curl -s -o /dev/null -w '%%{http_code}' %sapi/tasks >code.txt 2>&1 &", S.doors:url()))
for _ = 1, 100 do
  local f = io.open("code.txt")
  local code = f and f:read("a") or ""
  if f then f:close() end
  if #code >= 3 then break end
  vg.sleep(0.05)
end
S:stop()
while not S:closed() do if not require("vg.core").run_once() then break end end
LUA
"$VGRUN" serve.lua >out.txt 2>err.txt; rc=$?
expect_rc 0 "the server script"
check "the request failed" [ "$(cat code.txt)" = 500 ]
check "the log line names the request" has err.txt '^vgrun serve: GET /api/tasks: '
check "the name in the error escaped" has err.txt 'evil\\x1b]0;TITLE\\x07\\x1b\[2J.json'
check "no raw escape" eval "! LC_ALL=C grep -q \$'[\\e\\a]' err.txt"
[ "$fail" = 0 ] || { cat -A err.txt code.txt >&2; }
vg_done
