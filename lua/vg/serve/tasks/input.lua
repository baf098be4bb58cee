-- vg.serve.tasks.input: what a client sends becomes the input folder of a
-- task. Uploads are untrusted: a document is written under a name the
-- server makes (input/document.<ext>, the extension from a fixed list); an
-- archive is listed first and refused whole when any entry is not a plain
-- file or folder, is nested too deep, has another's name, or when it is too
-- large, then extracted by bsdtar
-- (libarchive, Debian's libarchive-tools) into input/set/, whose own
-- defaults refuse absolute paths, `..` and writing through links; the
-- result is walked again without following links.
local core = require("vg.core")

local M = {}

-- Extensions the loader reads (docs/inputs.md), and the format names a
-- pasted text may have.
-- (a .txt document is read as plain text, or as Markdown when it has
-- Markdown's markup)
M.EXTENSIONS = { md = "md", markdown = "md", rst = "rst", rest = "rst", adoc = "adoc", asciidoc = "adoc", txt = "txt", text = "txt", yaml = "yaml",
  yml = "yaml", json = "json", srt = "srt", vtt = "vtt", html = "html", htm = "html", xhtml = "html" }
M.FORMATS = { md = "md", markdown = "md", rst = "rst", rest = "rst", adoc = "adoc", asciidoc = "adoc", txt = "txt", text = "txt", yaml = "yaml",
  yml = "yaml", json = "json", srt = "srt", vtt = "vtt", html = "html", htm = "html", xhtml = "html" }

M.LIMITS = {
  document = 64 * 1024 * 1024,     -- bytes of one document (the HTTP layer has its own, smaller, limit)
  archive_files = 1000,            -- entries in an archive
  archive_bytes = 256 * 1024 * 1024, -- bytes once extracted
  archive_seconds = 60,            -- listing or extracting takes no longer
  archive_depth = 32,              -- folders in folders
  archive_name = 1024,             -- bytes of an entry's path (each part at most 255)
}

-- Extensions plug-ins registered (vg.input.register): the adapters live in
-- a table of the engine's Lua registry (stages/input/input_lua.c).
local function adapter_extensions()
  local t = debug.getregistry()["vg.input.adapters"]
  local list = {}
  if type(t) == "table" then
    for k, v in pairs(t) do
      if type(k) == "string" and type(v) == "function" and k:match("^[%w_]+$") and #k <= 16 then list[k] = k end
    end
  end
  return list
end

--- extension(name) -> the extension a document of this client name is
--- stored with | nil, message
function M.extension(name)
  if type(name) ~= "string" then return nil, "document.name: a file name expected" end
  local ext = name:match("%.([%w_]+)$")
  ext = ext and ext:lower()
  if ext and M.EXTENSIONS[ext] then return M.EXTENSIONS[ext] end
  if ext and adapter_extensions()[ext] then return ext end
  local known = {}
  for k in pairs(M.EXTENSIONS) do known[#known + 1] = "." .. k end
  for k in pairs(adapter_extensions()) do known[#known + 1] = "." .. k end
  table.sort(known)
  return nil, string.format("%s: not a document type vgrun reads (%s, or a zip/tar of a set)",
    require("vg.shown").cut(name), table.concat(known, " "))
end

local function write(path, bytes)
  local ok, err = core.write_atomic(path, bytes)
  if not ok then return nil, err end
  return true
end

-- The archive's own kind from its first bytes: a zip, or a tar (plain or
-- compressed by gzip, xz, bzip2 or zstd). bsdtar reads many more formats;
-- only these two are accepted.
local function archive_kind(bytes)
  if bytes:sub(1, 4) == "PK\3\4" or bytes:sub(1, 4) == "PK\5\6" then return "zip" end
  if bytes:sub(258, 262) == "ustar" then return "tar" end
  local b = bytes:sub(1, 6)
  if b:sub(1, 2) == "\31\139" or b == "\253" .. "7zXZ\0" or b:sub(1, 3) == "BZh" or b:sub(1, 4) == "\40\181\47\253" then
    return "tar"
  end
  return nil
end

local function bsdtar(args)
  local argv = { tostring(M.LIMITS.archive_seconds), "bsdtar" }
  for _, a in ipairs(args) do argv[#argv + 1] = a end
  local r, err = core.spawn("timeout", argv)
  if not r then
    return nil, "archives need bsdtar (Debian package libarchive-tools): " .. tostring(err)
  end
  if r.code == 124 then return nil, "the archive took too long to read" end
  if r.code == 127 then return nil, "archives need bsdtar (Debian package libarchive-tools)" end
  if r.code ~= 0 then
    local msg = tostring(r.stderr or ""):gsub("%s+$", ""):gsub("\n.*", "")
    return nil, "the archive cannot be read" .. (msg ~= "" and (": " .. msg:gsub("^bsdtar: ", "")) or "")
  end
  return r.stdout or ""
end

-- An entry's name as the listing shows it, cut for a message.
local shown = require("vg.shown").cut   -- a client's name: bounded, escaped

-- An mtree name's bytes: its escapes (\ooo, octal) undone.
local function mtree_unescape(name)
  return (name:gsub("\\([0-7][0-7][0-7])", function(o) return string.char(tonumber(o, 8) % 256) end))
end

-- A name of `bsdtar -t` as the file it extracts to: no `.` parts, no empty
-- parts, no trailing slash (so `a/./b`, `a//b` and `a/b/` are `a/b`).
local function normal_name(name)
  local parts = {}
  for part in name:gmatch("[^/]+") do
    if part ~= "." then parts[#parts + 1] = part end
  end
  return table.concat(parts, "/")
end

-- Lists the archive three times: mtree (names escaped, so every entry is
-- one line with its type and size), by name, and ls -l style (a hard link
-- is 'h', which mtree does not tell). Refuses the whole archive, before
-- anything is extracted, on any entry that is not a plain file or folder,
-- that leaves its folder, that is nested too deep or named too long, that
-- has the name of another, or when the archive is past the limits: all
-- that the walk after extraction would find, so a refused archive never
-- reaches the disk.
local function screen(path)
  local mtree, err = bsdtar({ "-cf", "-", "--format=mtree", "--options=!all,type,size", "@" .. path })
  if not mtree then return nil, err end
  local files, bytes = 0, 0
  local L = M.LIMITS
  for line in mtree:gmatch("[^\n]+") do
    if not line:match("^#") then
      local name, rest = line:match("^(%S+)%s+(.*)$")
      local kind = rest and rest:match("type=(%S+)")
      if not kind then return nil, "the archive cannot be read (an entry without a type)" end
      if kind ~= "file" and kind ~= "dir" then
        return nil, string.format("the archive holds %s (%s): only files and folders are accepted",
          kind == "link" and "a symbolic link" or ("a " .. kind), shown(name))
      end
      -- mtree names are ./a/b: a file in n folders has n + 1 slashes
      local _, slashes = name:gsub("/", "")
      if slashes - (kind == "file" and 1 or 0) > L.archive_depth then
        return nil, string.format("the archive's folders are nested too deep (more than %d levels): %s",
          L.archive_depth, shown((name:gsub("^%./", ""))))
      end
      local bytes_of_name = mtree_unescape((name:gsub("^%./", "")))
      local longest = 0
      for part in bytes_of_name:gmatch("[^/]+") do longest = math.max(longest, #part) end
      if #bytes_of_name > L.archive_name or longest > 255 then
        return nil, string.format("the archive's entry %s has too long a name (at most %d bytes, %d a part)",
          shown((name:gsub("^%./", ""))), L.archive_name, 255)
      end
      files = files + 1
      bytes = bytes + (tonumber(rest:match("size=(%d+)")) or 0)
      if files > M.LIMITS.archive_files then
        return nil, string.format("the archive holds more than %d entries", M.LIMITS.archive_files)
      end
      if bytes > M.LIMITS.archive_bytes then
        return nil, string.format("the archive is larger than %d MB once extracted", M.LIMITS.archive_bytes // (1024 * 1024))
      end
    end
  end
  -- names: bsdtar would strip a leading / and refuse `..`; an archive
  -- that tries either is refused whole, before anything is extracted.
  -- Two entries of one name (once normalised) are refused too: bsdtar -k
  -- keeps the first, unzip the last; which one the client meant is unknown.
  -- (mtree cannot tell: it lists such entries once.)
  local names, nerr = bsdtar({ "-tf", path })
  if not names then return nil, nerr end
  local seen = {}
  for name in names:gmatch("[^\n]+") do
    if name:sub(1, 1) == "/" or name == ".." or name:find("^%.%./") or name:find("/%.%./") or name:find("/%.%.$") then
      return nil, string.format("the archive's entry %s leaves its folder (absolute paths and .. are refused)",
        shown(name))
    end
    local norm = normal_name(name)
    if norm ~= "" then
      if seen[norm] then
        local as = seen[norm] ~= name and string.format(" (as %s and %s)", shown(seen[norm]), shown(name)) or ""
        return nil, string.format("the archive holds %s twice%s: which copy is meant is unclear, so entries of one name are refused",
          shown(norm), as)
      end
      seen[norm] = name
    end
  end
  local listing, lerr = bsdtar({ "-tvf", path })
  if not listing then return nil, lerr end
  for line in listing:gmatch("[^\n]+") do
    local c = line:sub(1, 1)
    if c ~= "-" and c ~= "d" then
      return nil, "the archive holds a " .. (c == "h" and "hard link" or c == "l" and "symbolic link"
        or "special file") .. ": only files and folders are accepted"
    end
  end
  return true
end

-- Walks what was extracted without following links: only folders and
-- regular files with one link each. (screen refused all of it from the
-- listings already; this is what reached the disk.)
local function walk_check(dir, depth)
  if depth > M.LIMITS.archive_depth then return nil, "the archive's folders are nested too deep" end
  local list, err = core.scandir(dir)
  if not list then return nil, err end
  for _, e in ipairs(list) do
    local p = dir .. "/" .. e.name
    local st = core.stat(p, true)
    if not st then return nil, "the archive's entry " .. shown(e.name) .. " cannot be read" end
    if st.type == "dir" then
      local ok, werr = walk_check(p, depth + 1)
      if not ok then return nil, werr end
    elseif st.type ~= "file" or st.nlink ~= 1 then
      return nil, "the archive holds " .. shown(e.name) .. ", which is not a plain file"
    end
  end
  return true
end

-- The input of an extracted set: its set_config.yaml folder (the top, or
-- the one folder at the top), else its one document.
local function find_input(root)
  local function is(p, t) local st = core.stat(p, true); return st and st.type == t end
  local function entries(d)
    local out = {}
    for _, e in ipairs(core.scandir(d) or {}) do
      if not e.name:match("^%.") and e.name ~= "__MACOSX" then out[#out + 1] = e.name end
    end
    table.sort(out)
    return out
  end
  local top = entries(root)
  local dir = root
  if #top == 1 and is(root .. "/" .. top[1], "dir") then dir = root .. "/" .. top[1] end
  if is(dir .. "/set_config.yaml", "file") then return dir, "set" end
  local docs = {}
  for _, name in ipairs(entries(dir)) do
    local ext = name:match("%.([%w_]+)$")
    if ext and M.EXTENSIONS[ext:lower()] and is(dir .. "/" .. name, "file") then docs[#docs + 1] = dir .. "/" .. name end
  end
  if #docs == 1 then return docs[1], nil end
  if #docs == 0 then return nil, "the archive holds no set_config.yaml and no document" end
  return nil, "the archive holds several documents and no set_config.yaml to say how they go together"
end

--- store(dir, doc) -> { path =, format =, name = } | nil, message
--- dir: the task's input folder (made by the caller). doc: one of
--- {name=, bytes=}, {archive="zip"|"tar", bytes=}, {text=, format=}.
--- May wait (bsdtar runs as a child process): call it from a fiber.
-- An upload named like an archive is one (the HTTP layer may pass every
-- file as {name =, bytes =}).
local ARCHIVE_NAMES = { "%.zip$", "zip", "%.tar$", "tar", "%.tgz$", "tar", "%.tar%.gz$", "tar", "%.tar%.xz$", "tar",
  "%.txz$", "tar", "%.tar%.bz2$", "tar", "%.tar%.zst$", "tar" }
function M.archive_of(name)
  if type(name) ~= "string" then return nil end
  name = name:lower()
  for i = 1, #ARCHIVE_NAMES, 2 do
    if name:find(ARCHIVE_NAMES[i]) then return ARCHIVE_NAMES[i + 1] end
  end
end

function M.store(dir, doc)
  if type(doc) ~= "table" then return nil, "document: an object expected" end
  if doc.archive == nil and doc.text == nil and M.archive_of(doc.name) then
    local copy = {}
    for k, v in pairs(doc) do copy[k] = v end
    copy.archive = M.archive_of(doc.name)
    doc = copy
  end
  if doc.archive ~= nil then
    if doc.archive ~= "zip" and doc.archive ~= "tar" then return nil, "document.archive: zip or tar expected" end
    if type(doc.bytes) ~= "string" then return nil, "document.bytes: the archive's bytes expected" end
    local kind = archive_kind(doc.bytes)
    if kind ~= doc.archive then
      return nil, string.format("the upload is not a %s archive", doc.archive)
    end
    local file = dir .. "/upload." .. kind
    local ok, err = write(file, doc.bytes)
    if not ok then return nil, err end
    ok, err = screen(file)
    local root = dir .. "/set"
    if ok then ok, err = core.mkdirs(root, 448) end -- 0700
    if ok then
      -- the defaults of bsdtar refuse absolute paths, `..` and extracting
      -- through a link; nothing of the archive's owners, modes or
      -- attributes is kept; an existing file is never replaced
      ok, err = bsdtar({ "-xf", file, "-C", root, "-k", "--no-same-owner", "--no-same-permissions",
        "--no-xattrs", "--no-acls", "--no-fflags" })
    end
    os.remove(file)
    if ok then ok, err = walk_check(root, 0) end
    if not ok then return nil, err end
    local path, format = find_input(root)
    if not path then return nil, format end
    local name = path == root and (doc.name or "set") or path:match("([^/]+)$")
    return { path = path, format = format, name = name, root = root, archive = kind }
  end
  local bytes, ext, name
  if doc.text ~= nil then
    if type(doc.text) ~= "string" then return nil, "document.text: a string expected" end
    ext = type(doc.format) == "string" and M.FORMATS[doc.format:lower()]
    if not ext then return nil, "document.format: md, rst, adoc, txt, html, yaml, json, srt or vtt expected" end
    bytes, name = doc.text, "text." .. ext
  else
    if type(doc.bytes) ~= "string" then return nil, "document.bytes: the document's bytes expected" end
    local err
    ext, err = M.extension(doc.name)
    if not ext then return nil, err end
    bytes = doc.bytes
    name = doc.name:match("([^/\\]+)$") or doc.name
  end
  if #bytes > M.LIMITS.document then return nil, "the document is too large" end
  local path = dir .. "/document." .. ext
  local ok, err = write(path, bytes)
  if not ok then return nil, err end
  return { path = path, name = name, root = dir }
end

--- remove_tree(path) -> true | nil, message: a folder and everything in
--- it however deep, never following a link (a link is removed itself, its
--- target never touched) nor entering another file system. In C
--- (vg_remove_tree): one folder open at a time, by name from its parent,
--- so no depth or path length stops it, and no child process is needed
--- (it runs outside fibers too, e.g. when a task is deleted).
function M.remove_tree(path)
  return core.remove_tree(path)
end

--- check(path, o) -> model | nil, diagnostics: the document read as
--- `vgrun check` and `vgrun create` read it (vg.input.load).
function M.check(path, o)
  local input = require("vg.input")
  local model, diags = input.load(path, { format = o.format, split = o.split, duration = o.duration })
  local errors = input.count(diags or {})
  if model == nil or errors > 0 or type(model.videos) ~= "table" or #model.videos == 0 then
    return nil, diags or {}
  end
  return model, diags
end

return M
