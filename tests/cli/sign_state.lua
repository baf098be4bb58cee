-- vgrun tests/cli/sign_state.lua STATE.json: signs the state file's context
-- with this user's key (core.state_key), as vg.pipeline saves it: a forger
-- who holds the key, so that the checks after the signature's are reached.
local core = require("vg.core")
local path = assert(arg[1], "a state file expected")
local f = assert(io.open(path, "rb"))
local doc = assert(core.json_decode(f:read("a")))
f:close()
local key = assert(core.state_key())
doc.context_mac = core.sha256(key, "vgrun task context", core.sha256(key, core.json_encode(doc.context)))
f = assert(io.open(path, "wb"))
f:write(core.json_encode(doc, true))
f:close()
