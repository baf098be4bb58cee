-- vg.serve.upload: request bodies that carry a document. h2o bounds the
-- body (413) and hands it whole; this reads multipart/form-data (RFC 7578)
-- and the JSON and plain forms, and says what kind of document it is.
-- Everything here is untrusted: names are the client's and used only for
-- their extension; the server stores uploads under names it makes.
local json = require("vg").json
local cut = require("vg.shown").cut   -- what a client sent, echoed bounded and escaped
local M = {}

local MAX_PARTS = 32

local function param(header, name)
  -- name="quoted" or name=token; the name in any case (RFC 9110 §5.6.6:
  -- `BOUNDARY=` is `boundary=`), never the tail of a longer name
  -- (`filename=` is not `name=`)
  name = name:gsub("%a", function(c) return "[" .. c:lower() .. c:upper() .. "]" end)
  local v = header:match(";%s*" .. name .. "%s*=%s*\"([^\"]*)\"")
  return v or header:match(";%s*" .. name .. "%s*=%s*([^;%s]+)")
end

--- multipart(content_type, body) -> { name = {data=, filename=, type=} } | nil, message
function M.multipart(content_type, body)
  local boundary = param(content_type, "boundary")
  if not boundary or #boundary == 0 or #boundary > 200 then
    return nil, "multipart/form-data without a boundary"
  end
  local delim = "--" .. boundary
  local pos = body:find(delim, 1, true)
  if not pos then return nil, "multipart body has no part" end
  local fields, n = {}, 0
  pos = pos + #delim
  while true do
    if body:sub(pos, pos + 1) == "--" then break end   -- the closing delimiter
    if body:sub(pos, pos + 1) ~= "\r\n" then return nil, "malformed multipart body" end
    local head_end = body:find("\r\n\r\n", pos + 2, true)
    if not head_end then return nil, "malformed multipart part (no blank line after its headers)" end
    local head = body:sub(pos + 2, head_end + 1)
    local next_at = body:find("\r\n" .. delim, head_end + 4, true)
    if not next_at then return nil, "multipart body is cut short" end
    n = n + 1
    if n > MAX_PARTS then return nil, "too many parts in the multipart body" end
    local disp, ptype
    for line in head:gmatch("([^\r\n]+)") do
      local k, v = line:match("^([%w%-]+)%s*:%s*(.*)$")
      if k and k:lower() == "content-disposition" then disp = v
      elseif k and k:lower() == "content-type" then ptype = v end
    end
    local name = disp and param(disp, "name")
    if not name then return nil, "multipart part without a name" end
    -- two parts of one name (two files): which one was meant cannot be told,
    -- and taking one would make a video of half of what was sent
    if fields[name] ~= nil then return nil, string.format("the multipart body has two parts named %q", name) end
    fields[name] = { data = body:sub(head_end + 4, next_at - 1), filename = param(disp, "filename"), type = ptype }
    pos = next_at + 2 + #delim
  end
  return fields
end

-- the extensions a document may have, and the format each means
local FORMATS = { md = "md", markdown = "md", rst = "rst", rest = "rst", adoc = "adoc", asciidoc = "adoc", txt = "txt", text = "txt", yaml = "yaml",
  yml = "yaml", json = "json", srt = "srt", vtt = "vtt", html = "html", htm = "html", xhtml = "html" }
M.FORMATS = FORMATS

-- A body's Content-Type (lowercase) -> the format it names, or nil (then
-- Markdown, the default). An HTML page or an AsciiDoc file sent as it is
-- is read as what it is, not as Markdown's text of its markup.
local TYPES = { ["text/markdown"] = "md", ["text/x-markdown"] = "md", ["text/html"] = "html",
  ["application/xhtml+xml"] = "html", ["text/x-rst"] = "rst", ["text/prs.fallenstein.rst"] = "rst",
  ["text/asciidoc"] = "adoc", ["text/x-asciidoc"] = "adoc", ["text/yaml"] = "yaml", ["text/x-yaml"] = "yaml",
  ["application/yaml"] = "yaml", ["application/x-yaml"] = "yaml", ["application/x-subrip"] = "srt",
  ["text/srt"] = "srt", ["text/vtt"] = "vtt" }
function M.format_of_type(ctype)
  return TYPES[(ctype or ""):lower():match("^%s*([^;%s]*)")]
end

local function ext_of(name)
  local e = name and name:match("%.([%w]+)$")
  return e and e:lower()
end

local function archive_kind(name, bytes)
  if bytes:sub(1, 4) == "PK\3\4" then return "zip" end
  if #bytes > 262 and bytes:sub(258, 262) == "ustar" then return "tar" end
  local e = ext_of(name)
  if e == "zip" or e == "tar" then return e end
end

--- document(info) -> doc, options, fields | nil, status, message
-- doc: { name=, bytes=, format= } or { archive=, bytes= } or { text=, format= };
-- options: the decoded "options" field (a table) or nil.
function M.document(info)
  local ctype = (info.headers["content-type"] or ""):lower()
  local body = info.body or ""
  local fields
  if ctype:find("^multipart/form%-data") then
    local f, err = M.multipart(info.headers["content-type"], body)
    if not f then return nil, 400, err end
    fields = {}
    for k, v in pairs(f) do fields[k] = v end
  elseif ctype:find("^application/json") then
    local t, err = json.decode(body)
    if t == nil and err then return nil, 400, "the body is not JSON: " .. tostring(err) end
    -- a list, a string, a number or null is JSON but not the object asked for
    if type(t) ~= "table" or t[1] ~= nil then
      return nil, 400, "the body must be a JSON object: {\"text\": ..., \"format\": ..., \"options\": {...}}"
    end
    fields = {}
    for k, v in pairs(t) do fields[k] = { data = v } end
  elseif ctype:find("^image/") or ctype:find("^audio/") or ctype:find("^video/") or ctype:find("^font/") then
    -- a picture or a recording is never a document (sent as a body by mistake)
    return nil, 415, "Content-Type " .. cut(ctype:match("^[^;%s]*"), 60) .. " is not a document: send text/markdown, "
      .. "a ?format=, JSON or multipart"
  elseif #body > 0 then
    -- a document as the whole body; its format from ?format= (the router
    -- passes it as info.format) or text/markdown, text/yaml
    local fmt = info.format or M.format_of_type(ctype)
    fields = { text = { data = body }, format = fmt and { data = fmt } or nil }
  else
    return nil, 400, "no document: send multipart `file` (or `text` and `format`), or JSON {\"text\":..., \"format\":...}"
  end

  local options
  if fields.options then
    local o = fields.options.data
    if type(o) == "string" then
      local t, err = json.decode(o)
      -- JSON that is no object ("str", null, 5) decodes without an error
      if err then return nil, 400, "options: not JSON: " .. tostring(err) end
      o = t
    end
    if type(o) ~= "table" or o[1] ~= nil then return nil, 400, "options: a JSON object expected" end
    options = o
  end

  if fields.file and fields.file.filename then
    local f = fields.file
    local kind = archive_kind(f.filename, f.data)
    if kind then return { archive = kind, bytes = f.data }, options, fields end
    local fmt = FORMATS[ext_of(f.filename) or ""]
    if not fmt then
      return nil, 415, string.format("%s: not a document vgrun reads (.md .rst .adoc .txt .yaml .yml .json .srt .vtt, or a .zip/.tar of a set)",
        cut(f.filename))
    end
    return { name = f.filename, bytes = f.data, format = fmt }, options, fields
  end
  local text = fields.text and fields.text.data
  if type(text) ~= "string" then
    return nil, 400, "no document: send multipart `file` (or `text` and `format`), or JSON {\"text\":..., \"format\":...}"
  end
  local fmt = fields.format and fields.format.data
  if fmt == nil then fmt = "md" end
  if type(fmt) ~= "string" or not FORMATS[fmt:lower()] then
    return nil, 400, "format: one of md, rst, adoc, txt, html, yaml, json, srt, vtt"
  end
  return { text = text, format = FORMATS[fmt:lower()] }, options, fields
end

return M
