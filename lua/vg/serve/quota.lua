-- vg.serve.quota: how much one client, and all of them, may ask of the task
-- queue and the disk (docs/serve.md, limits). `-j` bounds the tasks that
-- run; without these, one client could queue tasks without end (hours of
-- CPU) and park an upload with each until the disk is full.
--   queued tasks in total          -> 429 + Retry-After
--   queued tasks of one client     -> 429 + Retry-After (IPv6: one /64, as
--                                     the connection caps count it)
--   free space of the data folder's file system below min_free + the
--   request's body                 -> 507
-- A submission still being read and stored counts as queued, so requests
-- sent all at once are counted before any of them is queued.
local core = require("vg.core")
local M = {}

M.RETRY_AFTER = 30

-- The key of a client: an IPv4 address as it is, an IPv6 one cut to its
-- /64 (one host usually holds a whole /64), "::ffff:a.b.c.d" as a.b.c.d.
function M.client_key(remote)
  remote = remote or ""
  local v4 = remote:match("^::[fF][fF][fF][fF]:(%d+%.%d+%.%d+%.%d+)$")
  if v4 then return v4 end
  if not remote:find(":", 1, true) then return remote end
  -- "a:b::c" -> a, b, 0 ... 0, c (eight groups)
  local head, tail = remote:match("^(.-)::(.*)$")
  local h, t = {}, {}
  for g in (head or remote):gmatch("[^:]+") do h[#h + 1] = g end
  for g in (tail or ""):gmatch("[^:]+") do t[#t + 1] = g end
  local groups = h
  if head then
    for _ = 1, 8 - #h - #t do groups[#groups + 1] = "0" end
    for _, g in ipairs(t) do groups[#groups + 1] = g end
  end
  local out = {}
  for i = 1, 4 do out[i] = string.format("%x", tonumber(groups[i] or "0", 16) or 0) end
  return table.concat(out, ":") .. "::/64"
end

--- new{data=, max_queued=, max_queued_per_client=, min_free=} -> quota
-- 0 (or nil) for a cap: none.
function M.new(o)
  return setmetatable({ data = o.data, max_queued = o.max_queued or 0,
    max_per_client = o.max_queued_per_client or 0, min_free = o.min_free or 0,
    owner = {},      -- task id -> client key, while the task may be queued
    pending = {},    -- client key -> submissions being stored now
    npending = 0 }, { __index = M })
end

-- Tasks still queued, in all and of `key`; forgets the tasks that left the queue.
function M:_queued(mgr, key)
  local queued = {}
  for _, t in ipairs(mgr:list("queued")) do queued[t.id] = true end
  local all, mine = 0, 0
  for _ in pairs(queued) do all = all + 1 end
  for id, k in pairs(self.owner) do
    if not queued[id] then self.owner[id] = nil
    elseif k == key then mine = mine + 1 end
  end
  return all, mine
end

--- admit(mgr, remote, body_bytes) -> nil (go on) | status, message, extra headers
function M:admit(mgr, remote, body_bytes)
  local key = M.client_key(remote)
  local retry = { ["retry-after"] = tostring(M.RETRY_AFTER) }
  if self.max_queued > 0 or self.max_per_client > 0 then
    local all, mine = self:_queued(mgr, key)
    all, mine = all + self.npending, mine + (self.pending[key] or 0)
    if self.max_per_client > 0 and mine >= self.max_per_client then
      return 429, string.format("%d of your tasks are queued or being stored (at most %d): "
        .. "wait until one starts, or cancel one", mine, self.max_per_client), retry
    end
    if self.max_queued > 0 and all >= self.max_queued then
      return 429, string.format("%d tasks are queued (at most %d): try again later", all, self.max_queued), retry
    end
  end
  if self.min_free > 0 then
    local free, err = core.disk_free(self.data)
    if not free then return 507, "cannot tell the free space of the data folder: " .. tostring(err) end
    -- an archive takes its bytes and its extracted files: count the body twice
    if free < self.min_free + 2 * (body_bytes or 0) then
      return 507, string.format("no room for more tasks: the data folder's disk has %d MiB free and "
        .. "keeps %d MiB (delete finished tasks)", free // (1024 * 1024), self.min_free // (1024 * 1024))
    end
  end
  return nil
end

--- enter(remote) -> key: a submission of that client is being stored
function M:enter(remote)
  local key = M.client_key(remote)
  self.pending[key] = (self.pending[key] or 0) + 1
  self.npending = self.npending + 1
  return key
end

--- leave(key, id|nil): the submission ended; id: the task it queued
function M:leave(key, id)
  self.pending[key] = (self.pending[key] or 1) - 1
  if self.pending[key] <= 0 then self.pending[key] = nil end
  self.npending = self.npending - 1
  if id then self.owner[id] = key end
end

--- own(remote, id): the queued task id counts as that client's (a resume)
function M:own(remote, id) self.owner[id] = M.client_key(remote) end

return M
