-- vg.serve.quota without a server: whose tasks are whose (a client's key),
-- and the caps' answers over a stand-in manager.
local quota = require("vg.serve.quota")

local function manager(queued)
  return { list = function(_, status)
    assert.equal("queued", status)
    local out = {}
    for _, id in ipairs(queued) do out[#out + 1] = { id = id } end
    return out
  end }
end

describe("vg.serve.quota", function()
  it("keys IPv4 by address and IPv6 by its /64", function()
    assert.equal("10.0.0.7", quota.client_key("10.0.0.7"))
    assert.equal("10.0.0.7", quota.client_key("::ffff:10.0.0.7"))
    assert.equal("2001:db8:1:2::/64", quota.client_key("2001:db8:1:2:aaaa::1"))
    assert.equal("2001:db8:1:2::/64", quota.client_key("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
    assert.equal("2001:db8:0:0::/64", quota.client_key("2001:db8::5"))
    assert.equal("0:0:0:0::/64", quota.client_key("::1"))
    assert.are_not.equal(quota.client_key("2001:db8:1:2::1"), quota.client_key("2001:db8:1:3::1"))
  end)
  it("counts a client's queued tasks and the ones being stored", function()
    local q = quota.new { data = ".", max_queued = 3, max_queued_per_client = 2 }
    local mgr = manager({ "t1" })
    q:own("10.0.0.1", "t1")
    assert.is_nil(q:admit(mgr, "10.0.0.1", 0))
    local key = q:enter("10.0.0.1")                 -- a second one being stored
    local st, msg, h = q:admit(mgr, "10.0.0.1", 0)
    assert.equal(429, st)
    assert.truthy(msg:find("2 of your tasks", 1, true))
    assert.truthy(tonumber(h["retry-after"]))
    assert.is_nil(q:admit(mgr, "10.0.0.2", 0))      -- another client
    q:leave(key, "t2")
    mgr = manager({ "t1", "t2", "t3" })             -- t3: a task restored, no owner
    st, msg = q:admit(mgr, "10.0.0.2", 0)
    assert.equal(429, st)
    assert.truthy(msg:find("3 tasks are queued", 1, true))
    mgr = manager({ "t3" })                         -- t1, t2 started
    assert.is_nil(q:admit(mgr, "10.0.0.1", 0))
  end)
  it("keeps the disk's floor, counting the body twice", function()
    local free = require("vg.core").disk_free(".")
    assert.is_true(math.type(free) == "integer" and free > 0)
    -- margins of 100 MB: other processes write to this disk meanwhile
    local MB = 1024 * 1024
    local q = quota.new { data = ".", min_free = free - 100 * MB }
    assert.is_nil(q:admit(manager({}), "10.0.0.1", MB))
    assert.equal(507, (q:admit(manager({}), "10.0.0.1", 100 * MB)))
    local nd = quota.new { data = "/no/such/folder", min_free = 1 }
    assert.equal(507, (nd:admit(manager({}), "10.0.0.1", 0)))
  end)
end)
