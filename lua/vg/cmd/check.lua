-- vgrun check INPUT...: validates documents and prints every problem found,
-- one line each ("file:line:col: path.to.field: message"). Issue 3.

local as_shown = require("vg.shown")
local SPEC

local function run(args)
  local o, inputs = require("vg.args").command(SPEC, args)
  if not o then return inputs end
  local opts = { split = o.split, duration = o.duration, language = o.language }
  local quiet, json, strict = o.quiet or false, o.json or false, o.strict or false
  if #inputs == 0 then return require("vg.args").usage_error(SPEC, "no INPUT given") end

  local input = require("vg.input")
  local all, failed = {}, 0
  for _, path in ipairs(inputs) do
    -- a type prefix as `vgrun create --from` takes it (document:README)
    local file, format = require("vg.create.options").input_spec(path)
    opts.format = format
    opts.allow_paths = require("vg.repository").with_root(file, nil)
    local model, diags = input.load(file, opts)
    local errors, warnings = input.count(diags)
    local bad = model == nil or errors > 0 or (strict and warnings > 0)
    if bad then failed = failed + 1 end
    for _, d in ipairs(diags) do
      d.input = path
      all[#all + 1] = d
      if not json and (d.severity == "error" or (not quiet)) then
        io.stderr:write(as_shown.lines(d.text), "\n")
      end
    end
    if not json and not quiet then
      local nv, ns = 0, 0
      for _, v in ipairs(model and model.videos or {}) do
        nv = nv + 1
        ns = ns + #(v.scenes or {})
      end
      if bad then
        io.stdout:write(string.format("%s: invalid (%d error%s, %d warning%s)\n", as_shown.name(path),
          errors, errors == 1 and "" or "s", warnings, warnings == 1 and "" or "s"))
      else
        io.stdout:write(string.format("%s: ok (%d video%s, %d scene%s%s)\n", as_shown.name(path), nv,
          nv == 1 and "" or "s", ns, ns == 1 and "" or "s",
          warnings > 0 and string.format(", %d warning%s", warnings, warnings == 1 and "" or "s") or ""))
      end
    end
  end
  if json then
    local vg = require("vg")
    io.stdout:write(vg.json.encode(vg.json.array(all), { pretty = true }), "\n")
  end
  return failed > 0 and 1 or 0
end

-- Its parser, --help, `vgrun help check`, vgrun-check(1) and completion.
SPEC = {
  name = "check",
  summary = "validate documents (YAML, JSON, Markdown, SRT/VTT, sets); list every problem",
  synopsis = { "[options] INPUT..." },
  description = [[
Reads each INPUT (.yaml/.yml, .json, .md, .rst, .adoc, .txt, .srt, .vtt, or a set
directory with set_config.yaml) the way `vgrun create` would,
and reports every problem at once, one line each:

  file:line:col: path.to.field: message]],
  options = {
    { "--split", arg = "h2", complete = "split", choices = { "h2" }, default = "one video per document", help = "Markdown: one video per H2 section" },
    { "--language", arg = "BCP47", check = require("vg.create.options").check_language,
      default = "front matter lang:, else detected from the text",
      help = "the document's language (en, de, pt-BR ...): picks the voice and the words vgrun adds" },
    { "--duration", arg = "SEC", type = "number", min = 1, max = 3600, default = "the narration's own length", help = "fit generated narration to SEC seconds" },
    { "--strict", help = "warnings count as errors" },
    { "-q", "--quiet", help = "print errors only (no warnings, no summary)" },
    { "--json", help = "print the diagnostics as a JSON list instead" },
  },
  args = { name = "INPUT", complete = "from" },
  exit = { { 0, "every input is valid (warnings allowed)" }, { 1, "a problem was found" }, { 2, "usage error" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  -- its -q means "errors only" (it has no progress bar to hide)
  own_options = { ["-q"] = true, ["--quiet"] = true },
  run = run,
}
