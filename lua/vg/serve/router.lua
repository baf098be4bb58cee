-- vg.serve.router: method + path -> handler. The path is split on "/"
-- before each segment is percent-decoded, so "%2F" never makes a new
-- segment; a segment that decodes to "." or "..", or holds "/", "\" or a
-- NUL, refuses the request (400) before any route sees it.
local M = {}

local function unhex(h) return string.char(tonumber(h, 16)) end

--- decode(segment) -> decoded | nil
function M.decode(s)
  if s:find("%%[^%x]") or s:find("%%%x?$") then return nil end
  return (s:gsub("%%(%x%x)", unhex))
end

--- segments(raw_path) -> { "api", "tasks", ... } | nil, message
function M.segments(raw)
  if raw:sub(1, 1) ~= "/" then return nil, "the path must start with /" end
  local out = {}
  for seg in raw:gmatch("/([^/]*)") do
    local d = M.decode(seg)
    if not d then return nil, "bad percent-encoding in the path" end
    if d == "." or d == ".." or d:find("[/\\%z]") then
      return nil, "path segment not allowed: " .. require("vg.shown").cut(seg)
    end
    out[#out + 1] = d
  end
  if out[#out] == "" then out[#out] = nil end   -- a trailing slash
  return out
end

--- query(raw) -> { name = value } (form-urlencoded; the first value wins)
function M.query(raw)
  local q = {}
  for pair in (raw or ""):gmatch("[^&]+") do
    local k, v = pair:match("^([^=]*)=?(.*)$")
    k = M.decode((k:gsub("+", " ")))
    v = M.decode((v:gsub("+", " ")))
    if k and v and q[k] == nil then q[k] = v end
  end
  return q
end

local Router = {}
Router.__index = Router

function M.new() return setmetatable({ routes = {} }, Router) end

--- add(method, "/api/tasks/:id/files/:name", fn): fn(ctx) where ctx.params
-- holds the decoded segments named with ":"
function Router:add(method, pattern, fn)
  local parts = {}
  for seg in pattern:gmatch("/([^/]*)") do parts[#parts + 1] = seg end
  self.routes[#self.routes + 1] = { method = method, parts = parts, fn = fn }
end

--- match(method, segments) -> fn, params | nil, status (404 or 405)
function Router:match(method, segs)
  local path_found = false
  for _, r in ipairs(self.routes) do
    if #r.parts == #segs then
      local params, ok = {}, true
      for i, p in ipairs(r.parts) do
        if p:sub(1, 1) == ":" then params[p:sub(2)] = segs[i]
        elseif p ~= segs[i] then ok = false; break end
      end
      if ok then
        path_found = true
        if r.method == method or (method == "HEAD" and r.method == "GET") then return r.fn, params end
      end
    end
  end
  return nil, path_found and 405 or 404
end

return M
