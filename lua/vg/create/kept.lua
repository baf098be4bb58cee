-- vg.create.kept: the plan of a transcript on its own timeline (the cue
-- times kept), as `vgrun create --keep-timing` places it. `vgrun scenes
-- --keep-timing` and the server's plan (POST /api/scenes with keep_timing)
-- both use it, so the two cannot disagree.
local M = {}

--- prepare(videos, name) -> true | nil, message, code: readies loaded
--- videos for their cue timeline as create does: a document without cue
--- times is refused (code "no_cues": a usage error; the message names
--- --keep-timing and `name`); a title with no room before the first cue is
--- left out.
function M.prepare(videos, name)
  local timeline = require("vg.create.timeline")
  if not timeline.has_timing(videos) then
    return nil, string.format("--keep-timing: %s has no cue times (only a transcript, .srt or .vtt, has them)",
      tostring(name)), "no_cues"
  end
  for _, v in ipairs(videos) do
    local ok, err = timeline.keep_timing(v, {})
    if not ok then return nil, err end
  end
  return true
end

--- seconds(plan, model): each planned scene's length on the kept timeline
--- (ps.seconds: from its first cue to the next scene's, the last one its
--- natural length) and where it starts (ps.start), the speech taken at the
--- estimate's pace (vg.input_core), each cue's from its own time; the
--- videos' and the plan's totals.
--- plan: vg.input.plan(model), of videos readied by prepare.
function M.seconds(plan, model)
  local timeline = require("vg.create.timeline")
  local core = require("vg.input_core")
  local copts = require("vg.create.options").with_defaults({ keep_timing = true })
  plan.seconds = 0
  for vi, pv in ipairs(plan.videos) do
    local v = model.videos[vi]
    local copy = { scenes = {}, language = v.language }
    for si, s in ipairs(v.scenes) do
      local c = {}
      for k, x in pairs(s) do c[k] = x end
      local said = type(s.narration) == "string" and s.narration or ""
      c.audio = { duration = said ~= "" and core.speech_seconds(said, s.language or v.language) or 0, words = {} }
      copy.scenes[si] = c
    end
    -- each cue said at its own time, as create says it
    timeline.place_cues(copy, copts, function(s, _, text)
      return { path = "", duration = core.speech_seconds(text, s.language or v.language), words = {} }
    end)
    local t = timeline.timeline(copy, copts)
    pv.seconds = 0
    for si, ps in ipairs(pv.scenes) do
      local seg = t.scenes[si]
      if seg then
        ps.start = math.floor(seg.start * 1000 + 0.5) / 1000
        ps.seconds = math.floor((seg["end"] - seg.start) * 100 + 0.5) / 100
      end
      pv.seconds = pv.seconds + ps.seconds
    end
    plan.seconds = plan.seconds + pv.seconds
  end
end

return M
