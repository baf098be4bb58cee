-- vg.create.outputs: the files a run writes. Names made from documents
-- (never leaving the output folder), -o FILE or DIR for one or several
-- videos, the check that nothing written is something read, and the claims
-- that tell a file vgrun made from a file of the user's.
local vg = require("vg")
local core = require("vg.core")
-- names in messages as vgrun prints them (control characters as \xNN)
local function shown(name) return require("vg.shown").name(tostring(name)) end
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
        seen[path], i, shown(path))
    end
    seen[path] = i
    out[i] = path
  end
  return out
end

-- A temporary name beside path, of this process, hidden: written there,
-- then renamed onto path (ext: what a writer needs to see, ".png").
local function tmp_beside(path, ext)
  return dirname(path) .. "/." .. basename(path) .. ".tmp-" .. core.getpid() .. (ext or "")
end
local function thumb_tmp(thumb) return tmp_beside(thumb, ".png") end

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
      return string.format("the output %s would overwrite the input %s", shown(out), shown(hit))
    end
    if seen[real] then return string.format("%s and %s are one file: it would be written twice", shown(seen[real]), shown(out)) end
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

-- What a file at an output path is, as far as telling it apart from the
-- one vgrun wrote there: vgrun writes a new file and renames it into place,
-- so another file, a link, a FIFO or a copy put back differs in one of these.
-- (As strings: JSON numbers would round a time in nanoseconds.)
local function identity(st)
  return { type = st.type, dev = tostring(st.dev), ino = tostring(st.ino), size = tostring(st.size),
           mtime_ns = tostring(st.mtime_ns) }
end

-- -> the record (a table), and when its file was last written (ctime_ns)
local function read_claim(path)
  local c = core.stat(path)
  if not (c and c.type == "file") then return nil end
  local f = io.open(path, "rb")
  local text = f and f:read(4096)
  if f then f:close() end
  local ok, rec = pcall(vg.json.decode, text or "")
  -- a record that cannot be read still says the path was claimed
  rec = ok and type(rec) == "table" and rec or {}
  setmetatable(rec, { claimed_ns = c.ctime_ns })
  return rec
end

-- Whether the file at out is the one the claim record says vgrun made. A
-- claim without a file's identity is a run that claimed the path and had
-- not finished writing it (or a record of an older vgrun): a plain file
-- put there after the record was written is taken as that run's. The
-- record's own words cannot say when (it is data anyone can write): the
-- kernel's change times can, which no one but root sets back. So a record
-- written, or forged, beside a file of the user's never makes that file
-- vgrun's to replace. `resumed`: the task that made it goes on,
-- and remakes an output that was changed in place (damaged); the same
-- file is enough, another one (a link, a FIFO, a file moved there) is not.
local function made_by_vgrun(out, rec, resumed)
  local st = core.stat(out, true)
  if not st then return true end
  local made = type(rec.made) == "table" and rec.made or nil
  if not made then
    if st.type ~= "file" then return false end
    -- the file that was there when the path was claimed (the video of the
    -- run before, which this run replaces), unchanged
    local before = type(rec.before) == "table" and rec.before or nil
    if before then
      local same = true
      for k, v in pairs(identity(st)) do if before[k] ~= v then same = false end end
      if same then return true end
    end
    local mt = getmetatable(rec)
    local claimed = mt and mt.claimed_ns
    return claimed ~= nil and st.ctime_ns ~= nil and st.ctime_ns >= claimed
  end
  local now = identity(st)
  for k, v in pairs(now) do
    if made[k] ~= v and not (resumed and (k == "size" or k == "mtime_ns")) then return false end
  end
  return true
end

-- unclaimed(outputs [, state_dir [, resumed [, from]]]) -> the outputs
-- that hold a file vgrun has no record of making, or not the file it made
-- there (replaced by another file, a link or a FIFO, or changed since), or
-- (from: the input a name was made from) one it made from another input:
-- each {path=, changed=, other=}
function M.unclaimed(outputs, state_dir, resumed, from, derived)
  local list = {}
  for _, out in ipairs(outputs) do
    if core.stat(out, true) then
      local rec = read_claim(M.claim_path(out, state_dir))
      if not rec then list[#list + 1] = { path = out }
      elseif not made_by_vgrun(out, rec, resumed) then list[#list + 1] = { path = out, changed = true }
      elseif derived and from and type(rec.from) == "string" and rec.from ~= from then
        list[#list + 1] = { path = out, other = rec.from }
      end
    end
  end
  return list
end

--- source_of(o, input) -> the real path of the input (what a claim
-- record says an output was made from), and whether the output names are
-- made from it (-o DIR, or no -o): "a b.md" and "a_b.md" both name
-- DIR/a_b.mp4, and the second is not the first's to replace.
function M.source_of(o, input)
  local p = type(input) == "table" and input.path or input
  return type(p) == "string" and (core.realpath(p) or p) or nil, not is_mp4(o.output)
end

--- stale_parts(mp4s, from [, state_dir]) -> the videos beside mp4s that
-- vgrun made from the same input in an earlier run and not in this one (a
-- --split part whose section was renamed or removed): left, and named.
-- A part's name: <stem>-NN-<title>.mp4 (output_paths); its stem, or nil.
local function part_stem(name)
  local stem = name:match("^(.*)%-%d%d%d?%-[^/]*%.[mM][pP]4$")
  if stem then return stem end
  if name:match("^%d%d%d?%-[^/]*%.[mM][pP]4$") then return "" end   -- -o DIR: DIR/01-<title>.mp4
  return nil
end

function M.stale_parts(mp4s, from, state_dir)
  if not from then return {} end
  local ours, dirs, stale = {}, {}, {}
  for _, p in ipairs(mp4s) do
    ours[real_target(p)] = true
    local d, stem = dirname(p), part_stem(basename(p))
    -- only parts: other videos of the same input under names of their own
    -- (-o a.mp4, then -o b.mp4) are no earlier parts of this one
    if stem then
      if not dirs[d] then dirs[d] = {}; dirs[#dirs + 1] = d end
      dirs[d][stem] = true
    end
  end
  for _, d in ipairs(dirs) do
    local entries = core.scandir(d) or {}
    table.sort(entries, function(a, b) return a.name < b.name end)
    for _, e in ipairs(entries) do
      local p = d .. "/" .. e.name
      local stem = part_stem(e.name)
      if stem and dirs[d][stem] and not ours[real_target(p)] then
        local rec = read_claim(M.claim_path(p, state_dir))
        if rec and rec.from == from and rec.made and made_by_vgrun(p, rec) then stale[#stale + 1] = p end
      end
    end
  end
  return stale
end

-- claim(outputs [, state_dir]) -> true | nil, message: records every
-- output as vgrun's, to be written by this run (made_by_vgrun: a plain file
-- there is this run's until record_made says which one)
function M.claim(outputs, state_dir, from)
  local dir = (state_dir or require("vg.state").dir()) .. "/outputs"
  for _, out in ipairs(outputs) do
    -- the output's folder first: the record names the real path, which is
    -- the same on every later run only once the folder exists
    core.mkdirs(dirname(out))
    local path = M.claim_path(out, state_dir)
    local rec = read_claim(path)
    if not rec or rec.made or (from and rec.from ~= from) then
      local ok, err = core.mkdirs(dir)
      -- a claim comes after the check (or --overwrite): a file there now
      -- is one this run may replace, and is named by its identity
      local st = core.stat(out, true)
      local before = st and st.type == "file" and identity(st) or nil
      if ok then
        ok, err = core.write_atomic(path, vg.json.encode({ path = real_target(out), from = from, before = before }) .. "\n")
      end
      if not ok then return nil, err end
    end
  end
  return true
end

-- record_made(outputs [, state_dir]): after a run wrote its outputs, each
-- claim record keeps the identity of the file made, so that a file put
-- there later (the user's own, a link, a FIFO) is not taken for vgrun's.
function M.record_made(outputs, state_dir)
  for _, out in ipairs(outputs) do
    local st = core.stat(out, true)
    local path = M.claim_path(out, state_dir)
    local rec = st and st.type == "file" and read_claim(path)
    if rec then
      core.write_atomic(path, vg.json.encode({ path = real_target(out), made = identity(st),
        from = type(rec.from) == "string" and rec.from or nil }) .. "\n")
    end
  end
end

-- named_output(name, flag, ext, what [, alt]) -> nil | why not: an output
-- named on the command line (say -o/--timings, frame -o) is a file name
-- with the extension of what is written (or none), in a folder that is
-- there: "x.png" for a WAV, "" or "nodir/x.wav" is a mistake of the
-- command line (exit 2), as create's -o refuses them; no folder is made
-- wherever a mistyped path points. "-" (standard output) passes.
function M.named_output(name, flag, ext, what, alt)
  if name == nil or name == "-" then return nil end
  alt = alt and (" " .. alt) or ""
  if name == "" then return string.format("%s wants a file name: give NAME.%s%s", flag, ext, alt) end
  local dir = name:match("^(.*)/[^/]*$")
  if dir == "" then dir = "/" end
  local st = dir and core.stat(dir)
  if dir and not st then
    return string.format("%s %s: the folder %s does not exist (vgrun makes no folder for it)", flag, shown(name), shown(dir))
  elseif dir and st.type ~= "dir" then
    return string.format("%s %s: %s is not a folder", flag, shown(name), shown(dir))
  end
  local e = name:match("([^/]*)$"):match("^[^.].*%.(%a%w*)$")
  if e and e:lower() ~= ext then
    return string.format("%s %s: %s: give NAME.%s%s", flag, shown(name), what, ext, alt)
  end
end

-- not_a_file(outputs) -> nil | why not: an output is written as a new file
-- renamed into place, and a rename replaces whatever is at the name: a FIFO,
-- a device (`-o /dev/null` as root would leave /dev/null a video) or a
-- socket there is refused, --overwrite or not; so is a folder, which a
-- rename cannot replace (the video would be made, then not written).
local KINDS = { fifo = "a FIFO", other = "a device or a socket", dir = "a folder" }
function M.not_a_file(outputs)
  for _, out in ipairs(outputs) do
    local st = core.stat(out, true)
    local kind = st and KINDS[st.type]
    if kind then
      return string.format("the output %s is %s, not a file: vgrun writes a new file there in its place "
        .. "(name a file that does not exist yet, or one vgrun made)", shown(out), kind)
    end
  end
end

-- too_long(outputs) -> nil | why not: each output is first written under a
-- temporary name beside it, "." .. name .. ".tmp-PID-N", up to 24 bytes
-- longer (stages/encode/util.c, tmp_beside above); a name the file system
-- takes (255 bytes) whose temporary name it does not would fail only after
-- all the work, so it is refused before.
local NAME_MAX, TMP_EXTRA = 255, 24
function M.too_long(outputs)
  for _, out in ipairs(outputs) do
    local n = #basename(out)
    if n + TMP_EXTRA > NAME_MAX then
      return string.format("the output name %s is %d bytes: vgrun writes it through a temporary file "
        .. "with a name %d bytes longer, and a name holds at most %d (name it in at most %d bytes)",
        shown(basename(out)), n, TMP_EXTRA, NAME_MAX, NAME_MAX - TMP_EXTRA)
    end
  end
end

-- refuse_unclaimed(outputs, overwrite [, state_dir [, resumed [, from, derived]]]) -> nil | why not
function M.refuse_unclaimed(outputs, overwrite, state_dir, resumed, from, derived)
  local odd = M.too_long(outputs) or M.not_a_file(outputs)
  if odd then return odd end
  local theirs = not overwrite and M.unclaimed(outputs, state_dir, resumed, from, derived) or {}
  if #theirs == 0 then return nil end
  local first = theirs[1]
  if first.other then
    return string.format("the output %s is the video vgrun made from %s, not from this input "
      .. "(two inputs give one name: name the output with -o NAME.mp4, or add --overwrite to replace it)",
      shown(first.path), shown(first.other))
  end
  return string.format("the output %s %s (move it away, or add --overwrite to replace it%s)", shown(first.path),
    first.changed and "is not the file vgrun made there: it was replaced or changed since"
      or "exists and vgrun has no record of making it",
    #theirs > 1 and string.format("; %d more such files", #theirs - 1) or "")
end

--- check_and_claim(outputs, overwrite [, state_dir]) -> true | nil, message:
-- refuses when an output holds a file vgrun has no record of making (unless
-- overwrite), else claims them all. Both `vgrun create` (before the task)
-- and the create pipeline (before anything is written) call it.
function M.check_and_claim(outputs, overwrite, state_dir, resumed, from, derived)
  local why = M.refuse_unclaimed(outputs, overwrite, state_dir, resumed, from, derived)
  if why then return nil, why end
  return M.claim(outputs, state_dir, from)
end

--- events_file_refused(path) -> nil | why not: `--events PATH` of any
-- command. A stream (a FIFO, a terminal, /dev/null, through a link or not)
-- is written to; a new or empty file is made; a file there is truncated only when
-- it is the one vgrun made for --events before (claimed, the same file:
-- it grows, so its size and time are not compared), never a document,
-- a file of the user's or a link to one.
function M.events_file_refused(path)
  if path == "-" then return nil end
  local target = core.stat(path)
  if target and target.type ~= "file" and target.type ~= "dir" then return nil end
  local st = core.stat(path, true)
  if not st then return nil end
  if st.type == "dir" or (target and target.type == "dir") then return path .. " is a folder" end
  if st.type == "file" and st.size == 0 then return nil end   -- (mktemp's): nothing to lose
  local rec = read_claim(M.claim_path(path))
  if rec and made_by_vgrun(path, rec, true) then return nil end
  return string.format("%s exists and is not an events file vgrun made (move it away, or name a new file)", shown(path))
end

--- claim_events(path): the events file just opened is vgrun's from now on,
-- and no other output of this run may be written over it (write_own).
function M.claim_events(path)
  if path == "-" then return end
  M.events_file = path
  local st = core.stat(path, true)
  if not (st and st.type == "file") then return end
  if M.claim({ path }) then M.record_made({ path }) end
end

--- write_own(path, overwrite, write [, inputs]) -> true | nil, message, exit code:
-- a file a command writes (`vgrun frame -o`, `vgrun say -o`, --timings).
-- A file there that vgrun did not make (a document, a file of the user's,
-- a link, a FIFO) stays unless overwrite (exit 2); write(tmp) writes a
-- temporary file beside it, which is renamed into place (a link at the
-- path is replaced, never written through), and the path is claimed.
-- Never, overwrite or not: a file the command read (inputs: the document,
-- its pictures) or this run's --events file (vgrun made it, so the claim
-- alone would let it be replaced, and its events lost).
--- own_refused(path, overwrite [, inputs]) -> nil | message: why write_own
--- would refuse path (exit 2), checked without writing: a command that
--- writes several files checks them all before it writes the first
function M.own_refused(path, overwrite, inputs)
  local st = core.stat(path, true)
  if st and st.type == "dir" then return path .. " is a folder" end
  local clash = M.find_clash({ path }, inputs or {})
  if clash then return clash end
  if M.events_file and M.find_clash({ path }, { M.events_file }) then
    return string.format("%s is the --events file of this run: name another output", shown(path))
  end
  return M.refuse_unclaimed({ path }, overwrite)
end

function M.write_own(path, overwrite, write, inputs)
  local why = M.own_refused(path, overwrite, inputs)
  if why then return nil, why, 2 end
  local tmp = tmp_beside(path)
  os.remove(tmp)
  local ok, err = write(tmp)
  if ok then ok, err = core.commit_file(tmp, path) end
  if not ok then os.remove(tmp); return nil, err, 1 end
  if M.claim({ path }) then M.record_made({ path }) end
  return true
end

--- stdout_refused(what, flag) -> nil | message: why `-o -` (standard
-- output) cannot take what a command writes: a terminal (binary data would
-- drive it), or `--events -` going there too (the two would be mixed).
function M.stdout_refused(what, flag)
  flag = flag or "-o -"
  if core.isatty(1) then
    return string.format("%s: not writing %s to a terminal (name a file, or send it to a pipe)", flag, what)
  end
  local cli = package.loaded["vg.cli"]
  local opts = type(cli) == "table" and type(cli.options) == "table" and cli.options or {}
  if opts["--events"] == "-" then
    return string.format("%s: %s and --events - cannot both go to standard output", flag, what)
  end
end

--- write_stdout(write) -> true | nil, message, exit code: write(tmp) writes
-- into a temporary file of vgrun's own (mkstemp's, in /tmp), which is copied
-- to standard output and removed: `vgrun frame -o -`. No file is left, and
-- nothing is written at a name the user gave.
function M.write_stdout(write)
  local made, tmp = pcall(os.tmpname)
  if not made then return nil, "cannot make a temporary file: " .. tostring(tmp), 1 end
  local ok, err = write(tmp)
  local data
  if ok then
    local f, oerr = io.open(tmp, "rb")
    if f then data = f:read("a"); f:close() else err = oerr end
  end
  os.remove(tmp)
  if not data then return nil, tostring(err or "nothing was written"), 1 end
  io.stdout:write(data)
  io.stdout:flush()
  return true
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
    local lock, lerr, holder = core.task_lock(id, state_dir)
    if not lock then
      for _, l in ipairs(locks) do core.task_unlock(l) end
      -- only a lock held says another vgrun writes it; else say what failed
      if not tostring(lerr):find("already running", 1, true) then
        return nil, string.format("the output %s cannot be locked: %s", shown(out), tostring(lerr))
      end
      return nil, string.format("the output %s is being written by another vgrun%s; wait for it to end, "
        .. "or write to another -o", shown(out), holder and holder > 0 and string.format(" (pid %d)", holder) or "")
    end
    locks[#locks + 1] = lock
  end
  return locks
end

M.thumb_tmp = thumb_tmp
M.strip_ext = strip_ext

return M
