-- vg.help: everything the user reads about the command line, made from the
-- commands' specs (vg.args): `vgrun --help`, `vgrun COMMAND --help`,
-- `vgrun help [COMMAND]`, the man pages (scripts/man.lua writes them at build
-- time) and shell completion (`vgrun __complete WORDS...`, called by
-- completion/vgrun.bash and completion/_vgrun). A command module that has
-- only `usage` (no spec) is shown by its usage text.
local M = {}

M.WIDTH = 80

-- The options every command takes, before or after its name.
M.GLOBAL = {
  { "--events", arg = "PATH", complete = "file",
    help = "write every event as one JSON object per line (- = standard output)" },
  { "--state-dir", arg = "DIR", complete = "dirs",
    help = "where task state lives (default $VGRUN_STATE_DIR, else $XDG_STATE_HOME/vgrun, "
      .. "else ~/.local/state/vgrun)" },
  { "-q", "--quiet", help = "no progress bar" },
  { "--plugin", arg = "FILE", complete = "lua", needs_support = true,
    help = "load a plug-in (a Lua file) before the command; may be repeated" },
  { "--no-plugins", needs_support = true,
    help = "skip the plug-ins in $XDG_CONFIG_HOME/vgrun/plugins (else ~/.config/vgrun/plugins)" },
  { "-v", "--version", help = "print the versions of vgrun and of the libraries it runs with" },
  { "-h", "--help", help = "this help" },
}

M.ENV = {
  { "VGRUN_STATE_DIR", "where task state lives (else $XDG_STATE_HOME/vgrun, else ~/.local/state/vgrun)" },
  { "VGRUN_CACHE_DIR", "the artifact cache (else $XDG_CACHE_HOME/vgrun, else ~/.cache/vgrun)" },
  { "XDG_CONFIG_HOME", "the config file is $XDG_CONFIG_HOME/vgrun/config.lua (else ~/.config/vgrun/config.lua)" },
  { "VGRUN_LUA_DIR", "load the Lua half from this folder instead of the copy built in (development)" },
  { "ESPEAK_DATA_PATH", "espeak-ng's voice data" },
}

M.EXIT = { { 0, "success" }, { 1, "failure (a script error or a failed pipeline)" },
  { 2, "usage error (also a bad config file)" }, { 130, "interrupted (Ctrl-C, SIGTERM)" } }

local args_ = require("vg.args")

local function cli() return require("vg.cli") end

-- Is --plugin known to this vgrun? (It is listed only when the parser takes it.)
local function supported(opt)
  if not opt.needs_support then return true end
  local ok, c = pcall(cli)
  return ok and type(c.global_option_names) == "function" and c.global_option_names()[opt[1]] or false
end

function M.globals()
  local r = {}
  for _, o in ipairs(M.GLOBAL) do
    args_.norm(o)
    if supported(o) then r[#r + 1] = o end
  end
  return r
end

--- command(name) -> module, spec (a spec made from the module when it has none)
function M.command(name)
  if type(name) ~= "string" or not name:match("^[%w_-]+$") or not package.preload["vg.cmd." .. name] then
    return nil
  end
  local ok, cmd = pcall(require, "vg.cmd." .. name)
  if not ok or type(cmd) ~= "table" then return nil end
  local spec = cmd.spec
  if type(spec) ~= "table" then
    spec = { name = name, summary = cmd.summary, usage = cmd.usage, fallback = true }
  end
  spec.name = spec.name or name
  return cmd, spec
end

function M.commands()
  local ok, c = pcall(cli)
  if ok then return c.commands() end
  return {}
end

-- Text wrapped to `width`: the first line starts with `first` (a label
-- padded to the column, or the indent), the others with `indent`.
local function wrap(text, width, indent, first)
  local lines, line, empty = {}, first or "", true
  for word in tostring(text):gmatch("%S+") do
    if not empty and #line + 1 + #word > width then
      lines[#lines + 1] = line
      line, empty = indent .. word, false
    else
      line = line .. (empty and "" or " ") .. word
      empty = false
    end
  end
  lines[#lines + 1] = line
  return table.concat(lines, "\n")
end
M.wrap = wrap

local function names_of(opt)
  local s = table.concat(opt.names, ", ")
  if opt.arg and opt.type ~= "flag" then s = s .. " " .. opt.arg end
  return s
end

local function option_help(opt)
  local h = opt.help or ""
  local extra = {}
  if opt.default ~= nil then extra[#extra + 1] = "default: " .. tostring(opt.default) end
  if opt.config then extra[#extra + 1] = "config: " .. opt.config end
  if #extra > 0 then h = h .. (h ~= "" and " " or "") .. "(" .. table.concat(extra, "; ") .. ")" end
  return h
end

local function option_lines(out, opts, indent)
  for _, opt in ipairs(opts) do
    args_.norm(opt)
    if not opt.hidden then
      local head = (indent or "  ") .. names_of(opt)
      if #head < 22 then
        out[#out + 1] = wrap(option_help(opt), M.WIDTH, string.rep(" ", 24), head .. string.rep(" ", 24 - #head))
      else
        out[#out + 1] = head
        out[#out + 1] = wrap(option_help(opt), M.WIDTH, string.rep(" ", 24), string.rep(" ", 24))
      end
    end
  end
end

local function global_line()
  local g = {}
  for _, o in ipairs(M.globals()) do
    if o.long ~= "--help" and o.long ~= "--version" then g[#g + 1] = names_of(o) end
  end
  return "global options (before or after the command): " .. table.concat(g, "; ")
end

--- text(name) -> the help of one command (what `vgrun NAME --help` prints)
function M.text(name)
  local _, spec = M.command(name)
  if not spec then return nil end
  if spec.fallback then
    -- a command with only a usage text: the text, the global options and
    -- the exit codes every command shares (unless the text names its own)
    local text = spec.usage or ("usage: vgrun " .. name .. " ...\n")
    local tail = { "", global_line() }
    if not text:find("exit codes:", 1, true) then
      tail[#tail + 1] = "\nexit codes:"
      for _, e in ipairs(M.EXIT) do tail[#tail + 1] = string.format("  %-4s %s", e[1], e[2]) end
    end
    return text .. table.concat(tail, "\n") .. "\n"
  end
  local out = {}
  for i, s in ipairs(spec.synopsis or { "[options]" }) do
    out[#out + 1] = (i == 1 and "usage: " or "       ") .. "vgrun " .. name .. " " .. s
  end
  out[#out + 1] = ""
  out[#out + 1] = spec.summary and (spec.summary:sub(1, 1):upper() .. spec.summary:sub(2) .. ".") or nil
  if spec.description then out[#out + 1] = ""; out[#out + 1] = spec.description end
  for _, sub in ipairs(spec.subcommands or {}) do
    if _ == 1 then out[#out + 1] = ""; out[#out + 1] = "commands:" end
    out[#out + 1] = "  " .. name .. " " .. sub.name .. (sub.synopsis and (" " .. sub.synopsis) or "")
    out[#out + 1] = wrap(sub.summary or "", M.WIDTH, string.rep(" ", 6), string.rep(" ", 6))
    if sub.options and #sub.options > 0 then option_lines(out, sub.options, "      ") end
  end
  if spec.options and #spec.options > 0 then
    out[#out + 1] = ""
    out[#out + 1] = "options:"
    option_lines(out, spec.options)
  end
  option_lines(out, { { "-h", "--help", help = "this help" } })
  out[#out + 1] = ""
  out[#out + 1] = wrap(global_line(), M.WIDTH, "  ")
  if spec.env and #spec.env > 0 then
    out[#out + 1] = ""
    out[#out + 1] = "environment:"
    for _, e in ipairs(spec.env) do
      out[#out + 1] = wrap(e[2], M.WIDTH, string.rep(" ", 24), "  " .. e[1] .. string.rep(" ", math.max(1, 22 - #e[1])))
    end
  end
  local has_config = false
  for _, o in ipairs(spec.options or {}) do if o.config then has_config = true end end
  if has_config then
    out[#out + 1] = ""
    out[#out + 1] = wrap("config file: ~/.config/vgrun/config.lua ($XDG_CONFIG_HOME/vgrun/config.lua) sets "
      .. "the options marked \"config: NAME\"; `vgrun config` shows what is in effect", M.WIDTH, "  ")
  end
  out[#out + 1] = ""
  out[#out + 1] = "exit codes:"
  for _, e in ipairs(spec.exit or M.EXIT) do
    out[#out + 1] = wrap(e[2], M.WIDTH, string.rep(" ", 8), string.format("  %-5d ", e[1]))
  end
  if spec.examples then
    out[#out + 1] = ""
    out[#out + 1] = "examples:"
    for _, ex in ipairs(spec.examples) do
      out[#out + 1] = "  " .. ex[1]
      out[#out + 1] = wrap(ex[2], M.WIDTH, "      ", "      ")
    end
  end
  return table.concat(out, "\n") .. "\n"
end

--- main_text() -> what `vgrun --help` and `vgrun help` print
function M.main_text()
  local out = { [[
usage: vgrun [options] SCRIPT.lua [ARGS...]   run a Lua script (global `arg` as in lua)
       vgrun [options] -e CHUNK               run a chunk of Lua
       vgrun [options] -                      run the script read from stdin
       vgrun [options] COMMAND [ARGS...]      run a command (below)
       vgrun                                  an interactive prompt (REPL)
]], "options:" }
  option_lines(out, M.globals())
  out[#out + 1] = "\ncommands:"
  for _, name in ipairs(M.commands()) do
    local _, spec = M.command(name)
    out[#out + 1] = wrap(spec and spec.summary or "", M.WIDTH, string.rep(" ", 13),
      string.format("  %-10s ", name))
  end
  out[#out + 1] = "\nenvironment:"
  for _, e in ipairs(M.ENV) do
    out[#out + 1] = wrap(e[2], M.WIDTH, string.rep(" ", 24), "  " .. e[1] .. string.rep(" ", math.max(1, 22 - #e[1])))
  end
  out[#out + 1] = "\nexit codes: 0 success, 1 failure (script error or failed pipeline),"
  out[#out + 1] = "            2 usage error, 130 interrupted"
  out[#out + 1] = "\n`vgrun help COMMAND` (or `vgrun COMMAND --help`) tells more about each;"
  out[#out + 1] = "`vgrun config` shows the defaults in effect and where they come from."
  return table.concat(out, "\n") .. "\n"
end

---------------------------------------------------------------------------
-- man pages (roff), from the same specs

local function roff_escape(s)
  s = tostring(s):gsub("\\", "\\e"):gsub("%-", "\\-")
  -- a line may not start with a control character
  s = s:gsub("\n([.'])", "\n\\&%1")
  if s:match("^[.']") then s = "\\&" .. s end
  return s
end

local function roff_para(text)
  -- blank lines separate paragraphs; lines are joined (roff fills)
  local out = {}
  for para in (tostring(text) .. "\n\n"):gmatch("(.-)\n%s*\n") do
    if para:match("^  ") then
      -- an indented block (an example) keeps its lines
      out[#out + 1] = ".PP\n.nf\n" .. roff_escape(para) .. "\n.fi"
    elseif para:match("%S") then
      out[#out + 1] = ".PP"
      out[#out + 1] = roff_escape((para:gsub("%s*\n%s*", " ")))
    end
  end
  return table.concat(out, "\n")
end

local function roff_option(out, opt)
  args_.norm(opt)
  if opt.hidden then return end
  local parts = {}
  for _, n in ipairs(opt.names) do parts[#parts + 1] = "\\fB" .. roff_escape(n) .. "\\fR" end
  local head = table.concat(parts, ", ")
  if opt.arg and opt.type ~= "flag" then head = head .. " \\fI" .. roff_escape(opt.arg) .. "\\fR" end
  out[#out + 1] = ".TP"
  out[#out + 1] = head
  out[#out + 1] = roff_escape(option_help(opt))
end

local function roff_head(title, section_name, date)
  return { string.format('.TH %s 1 "%s" "vgrun %s" "User Commands"', title:upper(), date,
    require("vg.core").version), ".SH NAME", section_name }
end

-- The EXIT STATUS section of a page.
local function roff_exit(out, codes)
  out[#out + 1] = ".SH EXIT STATUS"
  for _, e in ipairs(codes) do
    out[#out + 1] = ".TP"
    out[#out + 1] = tostring(e[1])
    out[#out + 1] = roff_escape(e[2])
  end
end

--- roff(name, date) -> the man page vgrun-NAME(1)
function M.roff(name, date)
  local _, spec = M.command(name)
  if not spec then return nil end
  local out = roff_head("vgrun-" .. name, "vgrun\\-" .. roff_escape(name) .. " \\- " .. roff_escape(spec.summary or name), date)
  out[#out + 1] = ".SH SYNOPSIS"
  if spec.fallback then
    out[#out + 1] = ".nf"
    out[#out + 1] = roff_escape(spec.usage or ("vgrun " .. name))
    out[#out + 1] = ".fi"
    roff_exit(out, M.EXIT)
  else
    for i, s in ipairs(spec.synopsis or { "[options]" }) do
      if i > 1 then out[#out + 1] = ".br" end
      out[#out + 1] = "\\fBvgrun " .. roff_escape(name) .. "\\fR " .. roff_escape(s)
    end
    if spec.description then
      out[#out + 1] = ".SH DESCRIPTION"
      out[#out + 1] = roff_para(spec.description)
    end
    if spec.subcommands then
      out[#out + 1] = ".SH COMMANDS"
      for _, sub in ipairs(spec.subcommands) do
        out[#out + 1] = ".TP"
        out[#out + 1] = "\\fBvgrun " .. roff_escape(name) .. " " .. roff_escape(sub.name) .. "\\fR "
          .. roff_escape(sub.synopsis or "")
        out[#out + 1] = roff_escape(sub.summary or "")
        for _, o in ipairs(sub.options or {}) do roff_option(out, o) end
      end
    end
    out[#out + 1] = ".SH OPTIONS"
    for _, o in ipairs(spec.options or {}) do roff_option(out, o) end
    roff_option(out, { "-h", "--help", help = "this help" })
    out[#out + 1] = ".PP"
    out[#out + 1] = roff_escape(global_line()) .. "; see \\fBvgrun\\fR(1)."
    if spec.env and #spec.env > 0 then
      out[#out + 1] = ".SH ENVIRONMENT"
      for _, e in ipairs(spec.env) do
        out[#out + 1] = ".TP"
        out[#out + 1] = "\\fB" .. roff_escape(e[1]) .. "\\fR"
        out[#out + 1] = roff_escape(e[2])
      end
    end
    out[#out + 1] = ".SH FILES"
    out[#out + 1] = ".TP"
    out[#out + 1] = "\\fI~/.config/vgrun/config.lua\\fR"
    out[#out + 1] = roff_escape("($XDG_CONFIG_HOME/vgrun/config.lua) defaults for the options marked "
      .. "\"config: NAME\"; see vgrun-config(1).")
    roff_exit(out, spec.exit or M.EXIT)
    if spec.examples then
      out[#out + 1] = ".SH EXAMPLES"
      for _, ex in ipairs(spec.examples) do
        out[#out + 1] = ".TP"
        out[#out + 1] = "\\fB" .. roff_escape(ex[1]) .. "\\fR"
        out[#out + 1] = roff_escape(ex[2])
      end
    end
  end
  out[#out + 1] = ".SH SEE ALSO"
  out[#out + 1] = "\\fBvgrun\\fR(1)"
  return table.concat(out, "\n") .. "\n"
end

--- main_roff(date) -> vgrun(1)
function M.main_roff(date)
  local out = roff_head("vgrun", "vgrun \\- turn documents into narrated videos; a Lua runtime for media pipelines", date)
  out[#out + 1] = ".SH SYNOPSIS"
  for i, s in ipairs({ "[\\fIoptions\\fR] \\fISCRIPT.lua\\fR [\\fIARGS\\fR...]", "[\\fIoptions\\fR] \\fB\\-e\\fR \\fICHUNK\\fR",
      "[\\fIoptions\\fR] \\fB\\-\\fR", "[\\fIoptions\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]", "" }) do
    if i > 1 then out[#out + 1] = ".br" end
    out[#out + 1] = "\\fBvgrun\\fR " .. s
  end
  out[#out + 1] = ".SH DESCRIPTION"
  out[#out + 1] = roff_para([[
vgrun turns Markdown, YAML, JSON and subtitle documents into narrated MP4
videos with slides and captions, offline. It is a C engine (libuv, FFmpeg,
espeak-ng, Cairo/Pango) scripted in Lua 5.4: a script run by vgrun sees the
`vg` module; with no arguments on a terminal vgrun starts a prompt (REPL)
with tab completion of vg fields. A script is a file whose name ends in .lua,
or whose first line is a #! line naming vgrun; any other file (vgrun
README.md) is refused, never run, and scripts are read as Lua text, never as
precompiled chunks.]])
  out[#out + 1] = ".SH OPTIONS"
  for _, o in ipairs(M.globals()) do roff_option(out, o) end
  out[#out + 1] = ".SH COMMANDS"
  for _, name in ipairs(M.commands()) do
    local _, spec = M.command(name)
    out[#out + 1] = ".TP"
    out[#out + 1] = "\\fB" .. roff_escape(name) .. "\\fR"
    out[#out + 1] = roff_escape(spec and spec.summary or "") .. "; see \\fBvgrun\\-" .. roff_escape(name) .. "\\fR(1)."
  end
  out[#out + 1] = ".SH ENVIRONMENT"
  for _, e in ipairs(M.ENV) do
    out[#out + 1] = ".TP"
    out[#out + 1] = "\\fB" .. roff_escape(e[1]) .. "\\fR"
    out[#out + 1] = roff_escape(e[2])
  end
  out[#out + 1] = ".SH FILES"
  out[#out + 1] = ".TP"
  out[#out + 1] = "\\fI~/.config/vgrun/config.lua\\fR"
  out[#out + 1] = roff_escape("defaults (voice, color, theme, resolution, plug-ins...): a Lua file run in an "
    .. "empty environment; see vgrun-config(1).")
  roff_exit(out, M.EXIT)
  out[#out + 1] = ".SH SEE ALSO"
  local see = {}
  for _, name in ipairs(M.commands()) do see[#see + 1] = "\\fBvgrun\\-" .. roff_escape(name) .. "\\fR(1)" end
  out[#out + 1] = table.concat(see, ", ")
  return table.concat(out, "\n") .. "\n"
end

---------------------------------------------------------------------------
-- completion: `vgrun __complete WORD... CURRENT` prints one candidate a
-- line ("candidate\tdescription" for options), or a directive the shell
-- script turns into file completion: "@files EXT..." or "@dirs".

local X264 = { "slides", "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow" }
local FROM_EXT = { "md", "markdown", "rst", "rest", "adoc", "asciidoc", "txt", "text", "yaml", "yml", "json", "srt", "vtt" }
local FROM_PREFIX = { "document:", "text:", "rst:", "adoc:", "yaml:", "json:", "transcript:", "set:" }

local function values(kind, cur, out)
  local function add(list, prefix)
    for _, v in ipairs(list) do out[#out + 1] = (prefix or "") .. v end
  end
  if kind == "voices" then
    local ok, tts = pcall(require, "vg.tts")
    if not ok then return end
    local base = cur:match("^(.-)%+[^+]*$")
    if base then
      local okv, vars = pcall(tts.variants)
      if okv then add(vars, base .. "+") end
    else
      local okv, voices = pcall(tts.voices)
      for _, v in ipairs(okv and voices or {}) do out[#out + 1] = v.name end
    end
  elseif kind == "colors" then
    local ok, theme = pcall(require, "vg.theme")
    if ok then add(theme.accent_names) end
  elseif kind == "themes" then add({ "light", "dark" })
  elseif kind == "presets" then add(X264)
  elseif kind == "split" then add({ "h2" })
  elseif kind == "detail" then add({ "summary", "full" })
  elseif kind == "resolutions" then add({ "1920x1080", "1280x720", "3840x2160", "854x480", "640x360", "1080x1920", "1080x1080" })
  elseif kind == "captions" then
    local pre = cur:match("^(.*,)") or ""
    add({ "srt", "vtt", "burn" }, pre)
  elseif kind == "tasks" then
    local ok, state = pcall(require, "vg.state")
    local okl, ids = false, nil
    if ok then okl, ids = pcall(state.list) end
    if okl then add(ids) end
  elseif kind == "scene-types" then
    local ok, render = pcall(require, "vg.render")
    local types = ok and type(render.types) == "function" and render.types() or {}
    add(types)
  elseif kind == "from" then
    local prefix, path = cur:match("^(%a+:)(.*)$")
    if prefix then
      -- a typed path: list the folder here (shells cannot complete after "yaml:")
      local dir, base = path:match("^(.*/)([^/]*)$")
      if not dir then dir, base = "", path end
      local core = require("vg.core")
      for _, e in ipairs(core.scandir(dir == "" and "." or dir) or {}) do
        if e.name:sub(1, #base) == base and (e.name:sub(1, 1) ~= "." or base:sub(1, 1) == ".") then
          out[#out + 1] = prefix .. dir .. e.name .. (e.dir and "/" or "")
        end
      end
    else
      add(FROM_PREFIX)
      out[#out + 1] = "@files " .. table.concat(FROM_EXT, " ")
    end
  elseif kind == "output" then out[#out + 1] = "@files mp4"
  elseif kind == "lua" then out[#out + 1] = "@files lua"
  elseif kind == "dirs" then out[#out + 1] = "@dirs"
  elseif kind == "file" or kind == "files" then out[#out + 1] = "@files"
  elseif kind == "commands" then add(M.commands())
  elseif type(kind) == "table" then add(kind)
  end
end

-- options a usage-only module names in its text
local function fallback_options(spec)
  local r, seen = {}, {}
  for name in (spec.usage or ""):gmatch("%-%-?[%a][%w-]*") do
    if not seen[name] and #name > 1 then seen[name] = true; r[#r + 1] = args_.norm({ name }) end
  end
  return r
end

local function find_opt(list, name)
  for _, o in ipairs(list) do
    args_.norm(o)
    for _, n in ipairs(o.names) do if n == name then return o end end
  end
end

--- complete(words) -> candidates; words: after "vgrun", the last one being
-- the word under the cursor ("" for a new word)
function M.complete(words)
  local out = {}
  local cur = words[#words] or ""
  local globals = M.globals()
  local cmdname, cmd, spec, sub
  local opts_here = {}
  local i = 1
  local prev_opt
  while i < #words do
    local w = words[i]
    local name = w:match("^(%-%-[%w-]+)=") or w
    local g = find_opt(globals, name)
    local o = spec and find_opt(opts_here, name)
    if o or g then
      local opt = o or g
      local inline = w:match("^%-%-[%w-]+=(.*)$")
      local value = inline or (i + 1 < #words and words[i + 1]) or nil
      -- task ids come from the state folder the line names
      if opt.long == "--state-dir" and value then pcall(require("vg.core").state_dir, value) end
      if opt.type ~= "flag" and not inline then
        if i + 1 == #words then prev_opt = opt end
        i = i + 2
      else
        i = i + 1
      end
    elseif not cmdname and w:sub(1, 1) ~= "-" then
      cmdname = w
      cmd, spec = M.command(w)
      if spec then
        opts_here = spec.fallback and fallback_options(spec) or spec.options or {}
      end
      i = i + 1
    elseif spec and spec.subcommands and not sub and w:sub(1, 1) ~= "-" then
      for _, s in ipairs(spec.subcommands) do
        if s.name == w then
          sub = s
          local all = {}
          for _, o in ipairs(s.options or {}) do all[#all + 1] = o end
          for _, o in ipairs(opts_here) do all[#all + 1] = o end
          opts_here = all
        end
      end
      i = i + 1
    else
      i = i + 1
    end
  end
  if prev_opt then
    values(prev_opt.complete, cur, out)
    return out
  end
  local oname, ovalue = cur:match("^(%-%-[%w-]+)=(.*)$")
  if oname then
    local opt = find_opt(opts_here, oname) or find_opt(globals, oname)
    if opt then
      local vals = {}
      values(opt.complete, ovalue, vals)
      for _, v in ipairs(vals) do out[#out + 1] = v:sub(1, 1) == "@" and v or (oname .. "=" .. v) end
    end
    return out
  end
  if cur:sub(1, 1) == "-" then
    local function add_opts(list)
      for _, o in ipairs(list) do
        args_.norm(o)
        if not o.hidden then
          for _, n in ipairs(o.names) do out[#out + 1] = n .. "\t" .. (o.help or ""):gsub("\n.*", "") end
        end
      end
    end
    add_opts(opts_here)
    if cmdname then out[#out + 1] = "--help\tthis help" end
    add_opts(globals)
    return out
  end
  if not cmdname then
    for _, name in ipairs(M.commands()) do
      local _, s = M.command(name)
      out[#out + 1] = name .. "\t" .. (s and s.summary or "")
    end
    out[#out + 1] = "@files lua"
    return out
  end
  if not spec then return out end
  if spec.subcommands and not sub then
    for _, s in ipairs(spec.subcommands) do out[#out + 1] = s.name .. "\t" .. (s.summary or "") end
    return out
  end
  local a = (sub and sub.args) or spec.args
  if a then values(a.complete, cur, out) end
  return out
end

return M
