-- The pages of `vgrun serve`, served from the binary (web/ is compiled in by
-- cmake/EmbedWeb.cmake as vg.web_files). lua/vg/serve/router.lua asks
-- static.lookup for every GET that is not /api/...
local M = {}

local files = require("vg.web_files")

-- by extension; text types say their charset so no browser sniffs it
local TYPES = {
  html = "text/html; charset=utf-8",
  js = "text/javascript; charset=utf-8",
  mjs = "text/javascript; charset=utf-8",
  css = "text/css; charset=utf-8",
  json = "application/json",
  svg = "image/svg+xml",
  png = "image/png",
  ico = "image/x-icon",
  txt = "text/plain; charset=utf-8",
  webmanifest = "application/manifest+json",
}

-- Routes of the single-page app: the page's own script draws them, so the
-- server answers them with index.html.
local PAGES = { "^/$", "^/tasks/?$", "^/tasks/[%w._-]+/?$", "^/editor/?$", "^/create/?$" }

function M.content_type(path)
  local ext = path:match("%.([%w]+)$")
  return ext and TYPES[ext:lower()] or "application/octet-stream"
end

-- lookup(url_path) -> body, content_type, etag, or nil when no page has that
-- path. url_path is the path only (no query); it is compared with the names
-- of the embedded files, so "..", "%2e" and the like never reach a disk.
function M.lookup(url_path)
  if type(url_path) ~= "string" then return nil end
  for _, p in ipairs(PAGES) do
    if url_path:match(p) then url_path = "/index.html"; break end
  end
  local body, etag = files.lookup(url_path)
  if not body then return nil end
  return body, M.content_type(url_path), etag
end

-- every embedded path, sorted (for tests and `vgrun serve --help`-like lists)
function M.list() return files.list() end

return M
