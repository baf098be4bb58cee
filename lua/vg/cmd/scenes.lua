-- vgrun scenes INPUT: prints the scene model the input adapters produce, so
-- users can see and debug what a document turns into. Issue 3.
local USAGE = [[
usage: vgrun scenes [options] INPUT

Prints the videos and scenes INPUT (.yaml/.yml, .json, .md, .srt, .vtt, .lua,
or a set directory) turns into: a summary by default, the full model with --json
  {"videos": [{"id", "title", "voice", "accent_color", "theme", "source",
               "scenes": [{"id", "scene_type", "visual_content", "narration",
                           "voice", "min_duration", "max_duration", "source"}]}]}

options:
  --json            print the model as JSON
  --split h2        Markdown: one video per H2 section
  --duration SEC    fit generated narration to SEC seconds
  --no-narration    do not write narration where the document has none
  -h, --help        this help

Problems go to standard error as `vgrun check` prints them.
exit codes: 0 valid, 1 the document has errors (the model is still printed
            when it could be read), 2 usage error
]]

local function eprintf(fmt, ...) io.stderr:write(string.format(fmt, ...)) end

local function run(args)
  local opts, path, json = {}, nil, false
  for a, value in require("vg.args").each(args) do
    if a == "-h" or a == "--help" then io.write(USAGE); return 0
    elseif a == "--json" then json = true
    elseif a == "--split" then
      opts.split = value()
      if opts.split ~= "h2" then eprintf("vgrun scenes: --split takes h2\n"); return 2 end
    elseif a == "--duration" then
      opts.duration = tonumber(value())
      if not opts.duration or opts.duration <= 0 then
        eprintf("vgrun scenes: --duration needs a number of seconds\n"); return 2
      end
    elseif a == "--no-narration" then opts.narrate = false
    elseif a:sub(1, 1) == "-" and #a > 1 then
      eprintf("vgrun scenes: unknown option '%s'\n%s", a, USAGE); return 2
    elseif path then
      eprintf("vgrun scenes: one INPUT at a time\n"); return 2
    else path = a end
  end
  if not path then eprintf("vgrun scenes: no INPUT given\n%s", USAGE); return 2 end

  local input = require("vg.input")
  -- --json: the text comes from C, so keys keep the model's documented order
  opts.as_json = json or nil
  local model, diags = input.load(path, opts)
  for _, d in ipairs(diags) do io.stderr:write(d.text, "\n") end
  if model then
    if type(model) == "string" then
      io.stdout:write(model, "\n")
    else
      local text = input.summary(model)
      if text ~= "" then io.stdout:write(text, "\n") end
    end
  end
  local errors = input.count(diags)
  return (model and errors == 0) and 0 or 1
end

-- For --help, `vgrun help scenes`, vgrun-scenes(1) and completion.
local SPEC = {
  name = "scenes",
  summary = "print the videos and scenes a document turns into (--json for the model)",
  synopsis = { "[options] INPUT" },
  description = [[
Prints the videos and scenes INPUT (.yaml/.yml, .json, .md, .srt, .vtt, .lua,
or a set directory) turns into: a summary by default, the full model with
--json:

  {"videos": [{"id", "title", "voice", "accent_color", "theme", "source",
               "scenes": [{"id", "scene_type", "visual_content", "narration",
                           "voice", "min_duration", "max_duration", "source"}]}]}

Problems go to standard error as `vgrun check` prints them.]],
  options = {
    { "--json", help = "print the model as JSON" },
    { "--split", arg = "h2", complete = "split", help = "Markdown: one video per H2 section" },
    { "--duration", arg = "SEC", type = "number", help = "fit generated narration to SEC seconds" },
    { "--no-narration", help = "do not write narration where the document has none" },
  },
  args = { name = "INPUT", max = 1, complete = "from" },
  exit = { { 0, "valid" }, { 1, "the document has errors (the model is still printed when it could be read)" },
    { 2, "usage error" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  usage = USAGE,
  run = run,
}
