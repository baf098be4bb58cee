-- vg.batch.shard: a deterministic share of a batch's documents. The same
-- list gives the same shares on every machine: documents by size, largest
-- first (ties by path), each to the lightest shard; among equally light
-- shards the document's path hash picks one, so equal documents spread.
local core = require("vg.core")

local M = {}

--- parse("2/4") -> 2, 4 | nil, message (I counts from 1)
function M.parse(s)
  local i, n = tostring(s):match("^(%d+)/(%d+)$")
  i, n = math.tointeger(tonumber(i)), math.tointeger(tonumber(n))
  if not i or not n or n < 1 or n > 100000 or i < 1 or i > n then
    return nil, string.format("--shard %s: wants I/N with 1 <= I <= N (like 2/4)", tostring(s))
  end
  return i, n
end

--- assign(docs, n): sets doc.shard (1..n) on every document; returns the
--- total size per shard.
function M.assign(docs, n)
  local order = {}
  for k, d in ipairs(docs) do order[k] = d end
  table.sort(order, function(a, b)
    if a.size ~= b.size then return a.size > b.size end
    return a.rel < b.rel
  end)
  local load = {}
  for s = 1, n do load[s] = 0 end
  for _, d in ipairs(order) do
    local least, cands = math.huge, {}
    for s = 1, n do
      if load[s] < least then least, cands = load[s], { s }
      elseif load[s] == least then cands[#cands + 1] = s end
    end
    local h = tonumber(core.sha256(d.rel):sub(1, 8), 16)
    local s = cands[h % #cands + 1]
    d.shard = s
    -- an empty document still costs a process
    load[s] = load[s] + math.max(d.size, 1)
  end
  return load
end

--- pick(docs, i, n) -> the documents of shard i of n, in list order
function M.pick(docs, i, n)
  M.assign(docs, n)
  local out = {}
  for _, d in ipairs(docs) do if d.shard == i then out[#out + 1] = d end end
  return out
end

return M
