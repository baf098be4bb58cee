#!/usr/bin/env bash
# Lua errors that C prints (an uncaught error in a task, a failing event
# dispatch, a failing HTTP request handler, a warn()) and a failing
# listener reach the terminal as vg.shown.lines prints messages: ESC and
# BEL as \xNN, the traceback's line breaks and tabs kept. Such an error can
# quote a document's line or a file name.
#   VGRUN=build/vgrun tests/cli/lua_errors_shown.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch lua-errors-shown
cd "$T" || exit 1
raw() { ! LC_ALL=C grep -q $'[\e\a\r]' "$1" || { echo "--- $1:" >&2; cat -A "$1" >&2; return 1; }; }

"$VGRUN" -e "require('vg').go(function() error('fiber \27]0;T\7\27[2J x', 0) end)" >out.txt 2>err.txt
check "task error escaped" has err.txt '^vgrun: uncaught error in a task (2): fiber \\x1b]0;T\\x07\\x1b\[2J x$'
check "task error: traceback lines kept" has err.txt $'^\t\\[C\\]: in function .error.'
check "task error: no raw control" raw err.txt

"$VGRUN" -e "require('vg.core').set_dispatch(function() error('dispatch \27[2J', 0) end)
  require('vg').emit{ type = 'x' }" >out.txt 2>err.txt
check "dispatch error escaped" has err.txt '^vgrun: event dispatch failed: dispatch \\x1b\[2J$'
check "dispatch error: no raw control" raw err.txt

"$VGRUN" -e "local vg = require('vg')
  vg.on('*', function() error('listener \27[2J\r', 0) end)
  vg.emit{ type = 'x' }" >out.txt 2>err.txt
check "listener error escaped" has err.txt '^vgrun: listener for \* failed on x: listener \\x1b\[2J\\x0d$'
check "listener error: no raw control" raw err.txt

"$VGRUN" -e "warn('warned \27[2J')" >out.txt 2>err.txt
check "warn() escaped" has err.txt '^vgrun: warning: warned \\x1b\[2J$'
check "warn(): no raw control" raw err.txt

if command -v curl >/dev/null; then
  cat >handler.lua <<'LUA'
local vg = require("vg")
local s = assert(require("vg.http").listen { host = "127.0.0.1", port = 0,
  on_request = function(_, info) error("handler \27]0;T\7\27[2J " .. info.path, 0) end })
os.execute(string.format("curl -s -o /dev/null -w '%%{http_code}' http://127.0.0.1:%d/x >code.txt 2>&1 &", s:port()))
for _ = 1, 100 do
  local f = io.open("code.txt")
  local code = f and f:read("a") or ""
  if f then f:close() end
  if #code >= 3 then break end
  vg.sleep(0.05)
end
s:close()
LUA
  "$VGRUN" handler.lua >out.txt 2>err.txt
  check "the request failed" [ "$(cat code.txt)" = 500 ]
  check "handler error escaped" has err.txt '^vgrun serve: request handler failed: handler \\x1b]0;T\\x07\\x1b\[2J /x$'
  check "handler error: no raw control" raw err.txt
fi
# a NUL in a message (a document's byte quoted in an error) is shown, and
# what follows it is not lost: the traceback and the message are C strings
"$VGRUN" -e 'error("before\0after")' >out.txt 2>err.txt
check "a NUL in an error is shown as \\x00" has err.txt 'before\\x00after'
"$VGRUN" -e 'io.stderr:write(require("vg.shown").lines("one\0two"), "\n")' >out.txt 2>err.txt
check "vg.shown.lines keeps what follows a NUL" has err.txt '^one\\x00two$'
vg_done
