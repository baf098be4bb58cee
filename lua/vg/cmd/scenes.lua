-- vgrun scenes INPUT: prints the scene model the input adapters produce, so
-- users can see and debug what a document turns into. Issue 3.

local SPEC
local function SPLIT(v, name) if v ~= "h2" then return nil, name .. " takes h2" end return v end
local function SECONDS(v, name)
  local n = tonumber(v)
  if not n or n ~= n or n <= 0 then return nil, name .. " needs a number of seconds" end
  return n
end

local function run(args)
  local args_ = require("vg.args")
  local o, operands = args_.command(SPEC, args)
  if not o then return operands end
  local path, json = operands[1], o.json or false
  local opts = { split = o.split, duration = o.duration }
  if o.no_narration then opts.narrate = false end
  if not path then return args_.usage_error(SPEC, "no INPUT given") end

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

-- Its parser, --help, `vgrun help scenes`, vgrun-scenes(1) and completion.
SPEC = {
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
    { "--split", arg = "h2", complete = "split", check = SPLIT, default = "one video per document", help = "Markdown: one video per H2 section" },
    { "--duration", arg = "SEC", check = SECONDS, default = "the narration's own length", help = "fit generated narration to SEC seconds" },
    { "--no-narration", help = "do not write narration where the document has none" },
  },
  args = { name = "INPUT", max = 1, complete = "from", too_many = "one INPUT at a time" },
  exit = { { 0, "valid" }, { 1, "the document has errors (the model is still printed when it could be read)" },
    { 2, "usage error" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  run = run,
}
