-- vg.serve.doors: who may talk to `vgrun serve` (issue 14, "Doors").
-- Loopback by default; elsewhere a token on every request (Authorization:
-- Bearer, or the cookie the login URL sets); Host checked against the names
-- the server answers to (DNS rebinding), Origin against the server's own
-- (cross-site requests). Limits live in C (server/http.c).
local M = {}

local COOKIE = "vgrun_token"

function M.is_loopback(host)
  return host == "localhost" or host == "::1" or host:match("^127%.%d+%.%d+%.%d+$") ~= nil
end

--- parse_listen("ADDR:PORT" | "PORT" | "[v6]:PORT") -> host, port | nil, message
function M.parse_listen(s)
  local host, port = s:match("^%[([%x:]+)%]:(%d+)$")
  if not host then host, port = s:match("^([^:]+):(%d+)$") end
  if not host and s:match("^%d+$") then host, port = "127.0.0.1", s end
  port = tonumber(port)
  if not host or not port or port > 65535 then
    return nil, "--listen takes ADDR:PORT (127.0.0.1:8080, [::1]:8080, 0.0.0.0:80)"
  end
  if host == "localhost" then host = "127.0.0.1" end
  return host, port
end

--- a token made of 32 random bytes, as hex
function M.new_token()
  local f = assert(io.open("/dev/urandom", "rb"))
  local b = f:read(32)
  f:close()
  return (b:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

-- Compares without stopping at the first difference, so the time taken
-- does not tell how much of a guess was right.
local function same(a, b)
  if type(a) ~= "string" or type(b) ~= "string" or #a ~= #b then return false end
  local diff = 0
  for i = 1, #a do diff = diff | (a:byte(i) ~ b:byte(i)) end
  return diff == 0
end

local function cookie(headers, name)
  local c = headers.cookie
  if not c then return nil end
  for k, v in c:gmatch("([^=;%s]+)=([^;]*)") do
    if k == name then return v end
  end
end

local function url_host(host)
  return host:find(":", 1, true) and ("[" .. host .. "]") or host
end

--- new{host=, port=, token=} -> doors
function M.new(o)
  local d = { host = o.host, port = o.port, token = o.token, loopback = M.is_loopback(o.host) }
  -- the Host values a browser sends for this server; a name a rebinding
  -- attacker controls is none of them
  local hosts = {}
  local function add(h) hosts[h] = true; hosts[h .. ":" .. o.port] = true end
  if d.loopback then
    add("localhost"); add("127.0.0.1"); add("[::1]")
    if o.host ~= "127.0.0.1" and o.host ~= "::1" then add(url_host(o.host)) end
  end
  d.hosts = hosts
  d.base = "http://" .. url_host(o.host == "0.0.0.0" and "127.0.0.1" or o.host == "::" and "::1" or o.host)
    .. ":" .. o.port
  return setmetatable(d, { __index = M })
end

function M:url() return self.base .. "/" end
function M:login_url() return self.base .. "/login?token=" .. self.token end

--- check(info) -> nil (let in) | status, message, extra headers
function M:check(info)
  local h = info.headers
  local host = h.host
  if not host then return 400, "a Host header is required" end
  -- Listening on loopback, only loopback names are ours (DNS rebinding).
  -- Elsewhere the token protects every request, whatever the name.
  if self.loopback and not self.hosts[host:lower()] then
    return 403, "Host " .. host .. " is not this server (use " .. self.base .. ")"
  end
  local origin = h.origin
  if origin and origin ~= "null" then
    if origin:lower() ~= ("http://" .. host):lower() then
      return 403, "cross-site request refused (Origin " .. origin .. ")"
    end
  elseif origin == "null" then
    return 403, "cross-site request refused (Origin null)"
  elseif info.method ~= "GET" and info.method ~= "HEAD" and h["sec-fetch-site"] == "cross-site" then
    return 403, "cross-site request refused"
  end
  if self.token and info.path ~= "/login" then
    local bearer = (h.authorization or ""):match("^[Bb]earer%s+(%S+)%s*$")
    if not same(bearer, self.token) and not same(cookie(h, COOKIE), self.token) then
      return 401, "a token is required (Authorization: Bearer TOKEN, or open the login URL vgrun serve printed)",
        { ["www-authenticate"] = "Bearer" }
    end
  end
  return nil
end

--- login(query) -> status, headers, body: GET /login?token=T sets the cookie
function M:login(query)
  local t = query.token
  if not self.token then return 303, { location = "/" }, "" end
  if not same(t, self.token) then
    return 401, { ["content-type"] = "application/json" }, '{"error":"wrong token"}'
  end
  return 303, { location = "/", ["set-cookie"] = COOKIE .. "=" .. self.token
    .. "; Path=/; HttpOnly; SameSite=Strict" }, ""
end

return M
