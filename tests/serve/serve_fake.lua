-- vgrun tests/serve/serve_fake.lua DATA [heartbeat]: `vgrun serve` on a free
-- loopback port with the fake task manager (fake_tasks.lua); prints the URL
-- like the command and stops on SIGTERM.
local core = require("vg.core")
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local Fake = dofile(here .. "fake_tasks.lua")
local data, beat = arg[1], tonumber(arg[2] or "") or 15
local S = assert(require("vg.serve").start { host = "127.0.0.1", port = 0, data = data, tasks = Fake,
  heartbeat = beat, max_upload = 64 * 1024,
  -- the slow-client tests shorten the header deadline (seconds)
  header_timeout = tonumber(os.getenv("VG_SERVE_HEADER_TIMEOUT") or ""),
  max_conns = tonumber(os.getenv("VG_SERVE_MAX_CONNS") or ""),
  max_per_addr = tonumber(os.getenv("VG_SERVE_MAX_PER_ADDR") or ""),
  -- the queue caps of test_quota.py
  max_queued = math.tointeger(tonumber(os.getenv("VG_SERVE_MAX_QUEUED") or "")),
  max_queued_per_client = math.tointeger(tonumber(os.getenv("VG_SERVE_MAX_QUEUED_PER_CLIENT") or "")) })
io.stdout:write("vgrun serve: ", S.doors:url(), "\n")
io.stdout:flush()
while not S.stopped do
  core.run_once()
  if core.interrupted() then break end
end
core.clear_interrupt()
S:stop()
while not S:closed() do if not core.run_once() then break end end
io.stderr:write("vgrun serve: stopped\n")
