-- vg.create.outputs: the files a run writes. Names made from documents
-- (never leaving the output folder), -o FILE or DIR for one or several
-- videos, the check that nothing written is something read, and the claims
-- that tell a file vgrun made from a file of the user's.
local vg = require("vg")
local core = require("vg.core")
local input_core = require("vg.input_core")

local M = {}

local function basename(path) return (path:gsub("/+$", ""):match("([^/]+)$") or path) end
local function dirname(path) return path:match("^(.*)/[^/]*$") or "." end
local function strip_ext(path) return (path:gsub("%.[^./]*$", "")) end

-- Output names. A name made from a document (a title, an id, the input's
-- name) is letters, digits, '.', '_' and '-' (stages/input/file_names.c):
-- Latin letters with marks folded to ASCII ("Français" -> "Francais"),
-- Cyrillic and Greek transliterated, other scripts' letters kept as written
-- ("日本語"); never empty, never starting with '.', at most 100 bytes, so it
-- cannot leave the output folder or hide. docs/cli.md, "Output names".
local function safe_name(s, fallback)
  s = input_core.name_part(tostring(s or ""), "name", "_", 100)
  if s == "" then return fallback end
  return s
end
M.safe_name = safe_name

-- "Getting Started: the CLI" -> "getting-started-the-cli", "Über uns" ->
-- "uber-uns", "Введение" -> "vvedenie", "はじめに" -> "はじめに" (at most 60 bytes)
function M.slug(s, fallback)
  s = input_core.name_part(tostring(s or ""), "slug", "-", 60)
  if s == "" then return fallback or "part" end
  return s
end

local function is_mp4(p) return type(p) == "string" and p:lower():match("%.mp4$") ~= nil end
M.is_mp4 = is_mp4

-- The input's own name: a file's name without its extension, a folder's
-- real name (`--from .` is named after the folder it means).
local function input_stem(input)
  if type(input) == "table" then input = input.path end
  if type(input) ~= "string" then return "video" end
  local real = core.realpath(input) or input
  local st = core.stat(input)
  -- a set given by its set_config.yaml is named like its folder
  if st and st.type ~= "dir" and basename(real) == "set_config.yaml" then real, st = dirname(real), { type = "dir" } end
  local name = basename(real)
  if not (st and st.type == "dir") then name = strip_ext(name) end
  return safe_name(name, "video")
end

--- output_paths(o, videos, input) -> { path per video } | nil, message
-- -o FILE.mp4 names the result: one video is FILE.mp4; several are
-- FILE-01-<slug>.mp4, FILE-02-... in document order. -o DIR gives
-- DIR/01-<slug>.mp4 ... (DIR/<input name>.mp4 for one). A set's videos keep
-- their ids (its naming: prefix, numbers): DIR/<id>.mp4, or FILE-<id>.mp4;
-- a set of one video is DIR/<set id>.mp4 (o.set_id), else its folder's name.
function M.output_paths(o, videos, input)
  local n = #videos
  local path = type(input) == "table" and input.path or input
  local is_set = o.format == "set" or o.set_id ~= nil
  if not is_set and type(path) == "string" then
    local st = core.stat(path)
    is_set = st ~= nil and st.type == "dir" or basename(path) == "set_config.yaml"
  end
  local dir, stem
  if is_mp4(o.output) then
    dir, stem = dirname(o.output), strip_ext(basename(o.output))
    if n == 1 then return { o.output } end
  else
    dir = o.output and o.output:gsub("(.)/+$", "%1") or "."
    if n == 1 then
      -- a set of one video is named after the set (its id, else its folder)
      local name = is_set and o.set_id and safe_name(o.set_id, nil) or input_stem(input)
      return { dir .. "/" .. name .. ".mp4" }
    end
    -- without -o several videos go to the current folder as <input>-NN-<slug>
    if not o.output and not is_set then stem = input_stem(input) end
  end
  local out, seen = {}, {}
  for i, v in ipairs(videos) do
    local name
    if is_set then
      name = safe_name(v.id, string.format("video-%02d", i))
      if stem then name = stem .. "-" .. name end
    else
      local num = string.format(n >= 100 and "%03d" or "%02d", i)
      name = num .. "-" .. M.slug(v.title or v.id, "part")
      if stem then name = stem .. "-" .. name end
    end
    local path = dir .. "/" .. name .. ".mp4"
    if seen[path] then
      return nil, string.format("videos %d and %d would both be written to %s (give them different ids)",
        seen[path], i, path)
    end
    seen[path] = i
    out[i] = path
  end
  return out
end

local function thumb_tmp(thumb)
  return dirname(thumb) .. "/." .. basename(thumb) .. ".tmp-" .. core.getpid() .. ".png"
end

--- all_written(o, mp4s) -> every path a run writes for these outputs: the
-- MP4s, captions, timing reports, thumbnails.
function M.all_written(o, mp4s)
  local all = {}
  for _, p in ipairs(mp4s) do
    local base = strip_ext(p)
    all[#all + 1] = p
    if o.captions and o.captions.srt then all[#all + 1] = base .. ".srt" end
    if o.captions and o.captions.vtt then all[#all + 1] = base .. ".vtt" end
    all[#all + 1] = base .. ".timing.json"
    all[#all + 1] = base .. ".png"
  end
  return all
end

--- input_files(input, videos [, o]) -> every file the run reads: the input
-- (for a set: set_config.yaml and each video's file), every image, and a
-- recorded narration (o.audio).
function M.input_files(input, videos, o)
  if type(input) == "table" then input = input.path end
  local list = {}
  if type(input) == "string" then
    list[#list + 1] = input
    local st = core.stat(input)
    if st and st.type == "dir" then list[#list + 1] = input .. "/set_config.yaml" end
  end
  local function add_source(x)
    if type(x) == "table" and type(x.file) == "string" then list[#list + 1] = x.file end
  end
  for _, v in ipairs(videos or {}) do
    add_source(v.source)
    for _, sc in ipairs(v.scenes or {}) do
      add_source(sc.source)
      local vc = sc.visual_content
      if type(vc) == "table" then
        for _, k in ipairs({ "image", "image_path", "src" }) do
          if type(vc[k]) == "string" then list[#list + 1] = vc[k] end
        end
      end
    end
  end
  if type(o) == "table" and type(o.audio) == "string" then list[#list + 1] = o.audio end
  return list
end

-- The real path of a file that may not exist yet: its folder resolved.
-- `through`: the writer opens the path itself (fopen), so a link there is
-- written through and its target is what counts.
local function real_target(p, through)
  local r = core.realpath(p)
  local st = core.stat(p, true)
  if r and (through or not (st and st.type == "link")) then return r end
  -- a link at an output path is replaced (temp + rename), never written
  -- through: compare the link's own name, not its target
  local d = core.realpath(dirname(p))
  return d and (d .. "/" .. basename(p)) or p
end

--- find_clash(outputs, inputs [, through]) -> nil | message naming both.
-- Same file: the same real path (links resolved) or, for files that exist,
-- the same device and inode (hard links). Two outputs that are one file
-- clash too. `through`: the outputs are opened in place, not renamed over,
-- so links at them count as their targets.
function M.find_clash(outputs, inputs, through)
  local by_path, by_inode = {}, {}
  for _, p in ipairs(inputs) do
    local r = core.realpath(p)
    if r then by_path[r] = by_path[r] or p end
    local st = core.stat(p)
    if st then
      local k = st.dev .. ":" .. st.ino
      by_inode[k] = by_inode[k] or p
    end
  end
  local seen = {}
  for _, out in ipairs(outputs) do
    local real = real_target(out, through)
    local hit = by_path[real]
    if not hit then
      local st = core.stat(out, not through)
      if st and st.type ~= "link" then hit = by_inode[st.dev .. ":" .. st.ino] end
    end
    if hit then
      return string.format("the output %s would overwrite the input %s", out, hit)
    end
    if seen[real] then return string.format("%s and %s are one file: it would be written twice", seen[real], out) end
    seen[real] = out
  end
  return nil
end

--- Files vgrun made. An output path is claimed (a small record under
-- <state dir>/outputs/, named by the hash of its real path) before the
-- first run writes it; a file that is already at an output path and was
-- never claimed is someone else's and is not replaced (--overwrite claims
-- it). A link at an output path counts as a file of the user's too: with
-- --overwrite it is replaced (temp file + rename), its target never written.
-- state_dir: the state folder the records are kept in (the task's own,
-- p:start{state_dir=}); nil: the engine's.
-- An output's name in the state folder: its real path hashed (the claim
-- record and the lock of a run writing it).
local function output_key(out) return core.sha256(real_target(out)):sub(1, 40) end

function M.claim_path(out, state_dir)
  return (state_dir or require("vg.state").dir()) .. "/outputs/" .. output_key(out) .. ".json"
end

-- unclaimed(outputs [, state_dir]) -> the outputs that hold a file vgrun has no record of
function M.unclaimed(outputs, state_dir)
  local list = {}
  for _, out in ipairs(outputs) do
    if core.stat(out, true) then
      local c = core.stat(M.claim_path(out, state_dir))
      if not (c and c.type == "file") then list[#list + 1] = out end
    end
  end
  return list
end

-- claim(outputs [, state_dir]) -> true | nil, message: records every output as vgrun's
function M.claim(outputs, state_dir)
  local dir = (state_dir or require("vg.state").dir()) .. "/outputs"
  for _, out in ipairs(outputs) do
    -- the output's folder first: the record names the real path, which is
    -- the same on every later run only once the folder exists
    core.mkdirs(dirname(out))
    local path = M.claim_path(out, state_dir)
    local c = core.stat(path)
    if not (c and c.type == "file") then
      local ok, err = core.mkdirs(dir)
      if ok then ok, err = core.write_atomic(path, vg.json.encode({ path = real_target(out) }) .. "\n") end
      if not ok then return nil, err end
    end
  end
  return true
end

-- refuse_unclaimed(outputs, overwrite [, state_dir]) -> nil | why not
function M.refuse_unclaimed(outputs, overwrite, state_dir)
  local theirs = not overwrite and M.unclaimed(outputs, state_dir) or {}
  if #theirs == 0 then return nil end
  return string.format("the output %s exists and vgrun has no record of making it "
    .. "(move it away, or add --overwrite to replace it%s)", theirs[1],
    #theirs > 1 and string.format("; %d more such files", #theirs - 1) or "")
end

--- check_and_claim(outputs, overwrite [, state_dir]) -> true | nil, message:
-- refuses when an output holds a file vgrun has no record of making (unless
-- overwrite), else claims them all. Both `vgrun create` (before the task)
-- and the create pipeline (before anything is written) call it.
function M.check_and_claim(outputs, overwrite, state_dir)
  local why = M.refuse_unclaimed(outputs, overwrite, state_dir)
  if why then return nil, why end
  return M.claim(outputs, state_dir)
end

--- lock_outputs(outputs [, state_dir]) -> locks | nil, message: one run at a
-- time writes an output. Two creates of different documents to one -o would
-- both report success while one video is lost; the second is refused while
-- the first runs (a lock per output's real path, which the task holds until
-- it ends; the kernel drops it when the process dies).
function M.lock_outputs(outputs, state_dir)
  local locks = {}
  for _, out in ipairs(outputs) do
    local id = "output-" .. output_key(out)
    local lock, _, holder = core.task_lock(id, state_dir)
    if not lock then
      for _, l in ipairs(locks) do core.task_unlock(l) end
      return nil, string.format("the output %s is being written by another vgrun%s; wait for it to end, "
        .. "or write to another -o", out, holder and holder > 0 and string.format(" (pid %d)", holder) or "")
    end
    locks[#locks + 1] = lock
  end
  return locks
end

M.thumb_tmp = thumb_tmp
M.strip_ext = strip_ext

return M
