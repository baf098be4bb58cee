#!/usr/bin/env bash
# tests/serve/left_open.sh: a script that ends with its HTTP server still
# open (vg.http.listen, never closed) ends cleanly. The server closes
# through h2o before the engine closes the handles left (a closer:
# vg_engine_add_closer): an event stream ends, an unanswered request gets
# 503, a kept-alive connection closes. Before, libuv aborted on closing
# h2o's sockets twice (uv_close: Assertion '!uv__is_closing(handle)').
. "$(dirname "$0")/../lib.sh"
vg_need curl
vg_scratch leftopen
cd "$T"
cat >open.lua <<'LUA'
local vg = require("vg")
local http = require("vg.http")
local held = {}
local srv = assert(http.listen{ host = "127.0.0.1", port = 0, on_request = function(req, info)
  held[#held + 1] = req
  if info.path == "/stream" then
    req:stream(200, { ["content-type"] = "text/event-stream" })
    req:write("data: hello\n\n")
  end -- any other request is left unanswered
end })
local port = srv:port()
os.execute(string.format("curl -sN http://127.0.0.1:%d/stream >stream.out 2>&1 & "
  .. "curl -s http://127.0.0.1:%d/wait >wait.out 2>&1 & echo $! >wait.pid", port, port))
for _ = 1, 100 do
  if #held == 2 then break end
  vg.sleep(0.05)
end
print("held " .. #held)
_G.server = srv   -- still referenced, still open, when the script ends
LUA
"$VGRUN" open.lua >run.out 2>&1; rc=$?
expect_rc 0 "a script ending with its server open"
check "both requests reached the server" has run.out "held 2"
hasnt run.out "Assertion" || bad "libuv aborted"
# curl ends when its connection closes
for _ in $(seq 50); do kill -0 "$(cat wait.pid)" 2>/dev/null || break; sleep 0.1; done
check "the event stream got its event" has stream.out "data: hello"
check "the unanswered request got 503 (shutting down)" has wait.out "shutting down"
vg_done
