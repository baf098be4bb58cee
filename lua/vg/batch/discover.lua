-- vg.batch.discover: the documents of a batch. INPUTs are files, folders
-- (searched recursively for every type `vgrun create` reads; a folder with
-- set_config.yaml is one set) and @list.txt files. Each document gets the
-- path its outputs take under OUTDIR (`rel`), relative to the input root it
-- was found under, so the list is the same on every machine that sees the
-- same files.
local core = require("vg.core")

local M = {}

M.EXTENSIONS = { md = true, markdown = true, mdown = true, rst = true, rest = true, adoc = true, asciidoc = true, txt = true, text = true,
  yaml = true, yml = true, json = true, srt = true, vtt = true }

-- .txt files a folder holds that are not documents to narrate: build
-- scripts (CMakeLists.txt) and package lists (requirements*.txt)
local NOT_DOCUMENTS = { "^cmakelists%.txt$", "^requirements.*%.txt$", "^constraints.*%.txt$", "^robots%.txt$" }

local function ext_of(name) return (name:match("%.([%w]+)$") or ""):lower() end
local function basename(p) return (p:gsub("/+$", ""):match("([^/]*)$")) end
local function dirname(p)
  local d = p:gsub("/+$", ""):match("^(.*)/[^/]*$")
  if d == nil then return "." end
  return d == "" and "/" or d
end
local function strip_ext(p) return (p:gsub("%.[^./]*$", "")) end

function M.is_document(name)
  if M.EXTENSIONS[ext_of(name)] ~= true then return false end
  local lower = name:lower()
  for _, pat in ipairs(NOT_DOCUMENTS) do
    if lower:match(pat) then return false end
  end
  return true
end

local function is_set(dir)
  local st = core.stat(dir .. "/set_config.yaml")
  return st ~= nil and st.type == "file"
end

-- Size of a set: every regular file in it (what it reads is in there).
local function tree_size(dir, depth)
  local total = 0
  if depth > 8 then return 0 end
  for _, e in ipairs(core.scandir(dir) or {}) do
    if not e.name:match("^%.") then
      local p = dir .. "/" .. e.name
      local st = core.stat(p, true)
      if st and st.type == "file" then total = total + st.size
      elseif st and st.type == "dir" then total = total + tree_size(p, depth + 1) end
    end
  end
  return total
end

-- "a/./b/../c" -> "a/c"; nil when it climbs out of its start or is absolute.
local function clean_rel(p)
  if p:sub(1, 1) == "/" then return nil end
  local parts = {}
  for seg in p:gmatch("[^/]+") do
    if seg == ".." then
      if #parts == 0 then return nil end
      parts[#parts] = nil
    elseif seg ~= "." then
      parts[#parts + 1] = seg
    end
  end
  if #parts == 0 then return nil end
  return table.concat(parts, "/")
end
M.clean_rel = clean_rel

-- The output stem of a document: rel without its extension (a set keeps its
-- folder's name: its videos go into that folder).
function M.out_stem(doc)
  if doc.kind == "set" then return doc.rel end
  return strip_ext(doc.rel)
end

-- Whether the real path `real` is `dir` or inside it.
local function inside(real, dir)
  return real == dir or real:sub(1, #dir + 1) == (dir == "/" and "/" or dir .. "/")
end

-- Why a list's line may not be read (nil when it may): a list names the
-- files in its own folder, so a list that came with a cloned repository
-- cannot make a video of ~/.ssh/id_rsa. An absolute path, or a relative one
-- that leads out (by ".." or a link: `real` is after the links), is read
-- only inside a folder given with --allow-path.
local function list_refusal(line, real, list_root, allowed)
  for _, d in ipairs(allowed) do
    if inside(real, d) then return nil end
  end
  if line:sub(1, 1) == "/" then
    return "an absolute path, skipped: a list names the files in its own folder (--allow-path DIR allows those in DIR)"
  end
  if inside(real, list_root) then return nil end
  return string.format("leads out of the list's folder %s, skipped (--allow-path DIR allows the files in DIR)", list_root)
end

-- what a path named like a document is when it is not a regular file
-- (st: followed, lst: the entry itself), for the warning that skips it
local function not_regular(st, lst)
  if not st then
    return lst and lst.type == "link" and "a link to nothing" or "cannot be read"
  end
  local what = st.type == "fifo" and "a named pipe (FIFO)" or "a device or a socket"
  if lst and lst.type == "link" then what = "a link to " .. what end
  return what .. ", not a regular file"
end

--- list(inputs, opts) -> docs, nil, skipped | nil, message
-- inputs: as typed. opts.exclude: a real path (OUTDIR) never searched.
-- opts.allow_paths: real paths of folders a list's lines may name besides
-- the list's own folder (--allow-path).
-- docs: sorted by rel, each { rel, path (absolute), kind = file|set, size };
-- then nil and what a folder held that is not read, and why (a warning each).
function M.list(inputs, opts)
  opts = opts or {}
  local docs, by_real, by_stem = {}, {}, {}
  local exclude = opts.exclude
  local function add(path, rel, kind, size, from)
    local real = core.realpath(path) or path
    if by_real[real] then return true end      -- the same document named twice
    local stem = M.out_stem({ rel = rel, kind = kind })
    local other = by_stem[stem]
    if other then
      return nil, string.format("%s and %s would both be written to %s (give them different names, or run them as two batches)",
        other.path, real, stem .. (kind == "set" and "/" or ".mp4"))
    end
    -- a set's videos take names of its own inside its folder: any other
    -- document written in there (`tour` and `tour/tour.md` in a list) may
    -- be written over by one of them, or over one
    local inner
    if kind == "set" then
      for s2, d2 in pairs(by_stem) do
        if d2.kind ~= "set" and s2:sub(1, #stem + 1) == stem .. "/" then inner = d2; break end
      end
    else
      local up = stem:match("^(.*)/[^/]*$")
      while up and not inner do
        if by_stem[up] and by_stem[up].kind == "set" then inner = by_stem[up] end
        up = up:match("^(.*)/[^/]*$")
      end
    end
    if inner then
      local set, doc = kind == "set" and real or inner.path, kind == "set" and inner.path or real
      local set_stem = kind == "set" and stem or M.out_stem(inner)
      return nil, string.format("%s would be written into %s/, the folder of the set %s, where its videos may take the same names (give them different names, or run them as two batches)",
        doc, set_stem, set)
    end
    local d = { rel = rel, path = real, kind = kind, size = size, from = from }
    by_real[real] = d
    by_stem[stem] = d
    docs[#docs + 1] = d
    return true
  end
  local skipped = {}
  -- root: the real path of the folder searched; a link is followed only
  -- to a document inside it (a link to ~/.ssh/id_rsa named notes.md in a
  -- folder someone gave you is not read aloud)
  local function walk(dir, prefix, depth, root)
    if depth > 64 then return nil, dir .. ": folders nested too deep" end
    local entries, err = core.scandir(dir)
    if not entries then return nil, tostring(err) end
    table.sort(entries, function(a, b) return a.name < b.name end)
    for _, e in ipairs(entries) do
      local name = e.name
      if not name:match("^%.") then
        local p = dir .. "/" .. name
        local rel = prefix == "" and name or (prefix .. "/" .. name)
        local lst = core.stat(p, true)
        local st = core.stat(p)
        if lst and lst.type == "dir" then
          local real = core.realpath(p)
          if real ~= exclude then
            if is_set(p) then
              local ok, aerr = add(p, rel, "set", tree_size(p, 0))
              if not ok then return nil, aerr end
            else
              local ok, werr = walk(p, rel, depth + 1, root)
              if not ok then return nil, werr end
            end
          end
        -- a link to a document in the tree counts; a link to a folder is
        -- not followed (no loops, no escaping the tree)
        elseif st and st.type == "file" and M.is_document(name) then
          local real = lst and lst.type == "link" and core.realpath(p)
          if real and real:sub(1, #root + 1) ~= root .. "/" then
            skipped[#skipped + 1] = string.format("%s: a link that leads out of %s (skipped)", p, root)
          else
            local ok, aerr = add(p, rel, "file", st.size)
            if not ok then return nil, aerr end
          end
        elseif M.is_document(name) and not (st and st.type == "dir") then
          -- named like a document but not one to read: never opened (a
          -- FIFO would block the run), and said, so no video goes missing
          -- without a word
          skipped[#skipped + 1] = string.format("%s: %s (skipped)", p, not_regular(st, lst))
        end
      end
    end
    return true
  end
  -- one input (a file, a folder, a set); base: the folder rel is taken from
  local function input(path, where, rel_hint)
    local st = core.stat(path)
    if not st then return nil, string.format("%s%s: no such file or directory", where, path) end
    if st.type == "dir" then
      local real = core.realpath(path) or path
      if is_set(path) then return add(path, rel_hint or basename(real), "set", tree_size(path, 0)) end
      if real == exclude then return nil, string.format("%s%s is the output folder", where, path) end
      return walk(path, rel_hint or "", 0, real)
    elseif st.type == "file" then
      if basename(path) == "set_config.yaml" then
        local d = dirname(path)
        return add(d, rel_hint and dirname(rel_hint) ~= "." and dirname(rel_hint) or basename(core.realpath(d) or d),
          "set", tree_size(d, 0))
      end
      -- a file named on purpose may be of a type a plug-in reads: create says
      -- so if none does (folders are searched for the built-in types only)
      return add(path, rel_hint or basename(path), "file", st.size)
    end
    return nil, string.format("%s%s: not a regular file or folder", where, path)
  end
  for _, a in ipairs(inputs) do
    if a:sub(1, 1) == "@" then
      local listfile = a:sub(2)
      local f, err = core.open_regular(listfile)
      if not f then return nil, tostring(err) end
      local base = dirname(listfile)
      local list_root = core.realpath(base) or base
      local n = 0
      for line in f:lines() do
        n = n + 1
        line = line:gsub("\r$", ""):gsub("^%s+", ""):gsub("%s+$", "")
        -- a list saved with a byte order mark (Windows' Notepad) names its
        -- first file without it
        if n == 1 then line = line:gsub("^\239\187\191", "") end
        if line:find("\0", 1, true) then
          -- no file name holds a NUL (a binary file given as a list)
          f:close()
          return nil, string.format("%s:%d: a NUL byte: not a file name (is %s a list of files?)", listfile, n, listfile)
        end
        if line ~= "" and not line:match("^#") then
          -- relative lines are read from the list's folder, and keep their
          -- path under OUTDIR; others are named by their last part
          local p = line:sub(1, 1) == "/" and line or (base .. "/" .. line)
          local where = string.format("%s:%d: ", listfile, n)
          local real = core.realpath(p)
          local why = real and list_refusal(line, real, list_root, opts.allow_paths or {})
          if why then
            skipped[#skipped + 1] = string.format("%s%s: %s", where, line, why)
          else
            local ok, ierr = input(p, where, clean_rel(line))
            if not ok then f:close(); return nil, ierr end
          end
        end
      end
      f:close()
    else
      local ok, err = input(a, "")
      if not ok then return nil, err end
    end
  end
  table.sort(docs, function(x, y) return x.rel < y.rel end)
  return docs, nil, skipped
end

return M
