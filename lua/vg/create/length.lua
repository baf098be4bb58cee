-- vg.create.length: --duration held to the speech as it is said. The
-- loader fits a document to the length asked by its own estimate of the
-- speech, and vg.create.fit corrects that estimate for the slides the frame
-- splits; espeak-ng's real pace still differs from both (the README of the
-- Internet guide asked for 60 s ran 68 s). Once the narration is spoken,
-- the video's real length is known (the timeline over the clips): when it is
-- more than AIM away from the length asked, the document is loaded again
-- for a length corrected by what the speech really took (more or less
-- content, by the loader's ranking), split and said again, at most TRIES
-- times (between two plans on both sides of the target once there are),
-- and the plan closest to the length asked is kept; one short of it by a
-- sentence has its slides held a little longer (hold). Unchanged scenes
-- are said from the cache.
--
--   local length = require("vg.create.length")
--   videos, ratio, tries, reach = length.correct(videos, 60, 60, again, o)
--   if ratio < 1 and reach ~= "under" then ratio = length.hold(videos, 60, o) end
--   local w = length.warning(ratio, 60, reach)
local timeline = require("vg.create.timeline")

local M = {}

M.AIM = 0.05    -- a length within 5 % of the one asked is kept as it is
M.TRIES = 3     -- loads (and speech) more at most
M.MAX_ASK = 86400
M.HOLD_MAX = 0.15  -- a scene held at most this share longer to reach the target (hold)

--- seconds(video, o) -> the video's length as the timeline places it, its
--- narration spoken (scene.audio)
function M.seconds(video, o)
  return timeline.timeline(video, o).duration
end

--- ratio(videos, target, o) -> the videos' real length over the target (a
--- long document's parts summed; videos of --split each held to it: the
--- longest), as vg.create.fit measures its estimate
function M.ratio(videos, target, o)
  return require("vg.create.fit").over(videos, target, o, M.seconds)
end

local function one_whole(videos)
  return #videos == 1 or require("vg.create.fit").parts_of_one(videos)
end

--- correct(videos, target, asked, again, o) -> videos, ratio, tries, reach
-- videos: spoken, loaded for `asked` seconds (the target, or a shorter fit
-- vg.create.fit asked for). again(seconds) -> the document loaded for that
-- length, split and spoken (nil when it cannot be). ratio: the kept plan's
-- real length over the target; tries: how many loads were made; reach:
-- "over" when no plan tried was as short as the target, "under" when none
-- was as long, nil when the plans tried lie on both sides of it (the
-- target falls between two plans a sentence or a scene apart).
-- The next length asked: the last one corrected by how far its plan ran
-- off (asked / ratio); once plans on both sides are known, the length
-- between the closest two where the target falls (the plan's length is a
-- step function of the length asked: more or fewer sentences).
function M.correct(videos, target, asked, again, o)
  local r = M.ratio(videos, target, o)
  local best, best_r, tries = videos, r, 0
  asked = tonumber(asked) or target
  local tried = { { ask = asked, r = r, videos = videos } }
  local function known(ask)
    for _, t in ipairs(tried) do if math.abs(t.ask - ask) < math.max(0.1, 0.005 * ask) then return true end end
    return false
  end
  for _ = 1, M.TRIES do
    if math.abs(best_r - 1) <= M.AIM or r <= 0 then break end
    local lo, hi   -- the closest plans under and over the target
    for _, t in ipairs(tried) do
      if t.r < 1 and (not lo or t.r > lo.r) then lo = t end
      if t.r > 1 and (not hi or t.r < hi.r) then hi = t end
    end
    local ask
    if lo and hi and hi.ask > lo.ask then
      ask = lo.ask + (hi.ask - lo.ask) * (1 - lo.r) / (hi.r - lo.r)
    else
      ask = asked / r
    end
    ask = math.max(1, math.min(M.MAX_ASK, ask))
    if known(ask) then break end
    asked = ask
    tries = tries + 1
    local v = again(asked)
    -- (a load of another shape: one video where there were parts, or the
    -- reverse, is not the same video made shorter)
    if type(v) ~= "table" or #v == 0 or one_whole(v) ~= one_whole(videos) then break end
    r = M.ratio(v, target, o)
    tried[#tried + 1] = { ask = asked, r = r, videos = v }
    if math.abs(r - 1) < math.abs(best_r - 1) then best, best_r = v, r end
  end
  -- none close enough: the longest plan that is short of the target, when
  -- holding its slides a little longer (hold) brings it there
  if math.abs(best_r - 1) > M.AIM then
    local lo
    for _, t in ipairs(tried) do
      if t.r < 1 and t.r >= 1 - M.HOLD_MAX and (not lo or t.r > lo.r) then lo = t end
    end
    if lo then best, best_r = lo.videos, lo.r end
  end
  local under, over = false, false
  for _, t in ipairs(tried) do
    under = under or t.r <= 1 + M.AIM
    over = over or t.r >= 1 - M.AIM
  end
  local reach = (not under and "over") or (not over and "under") or nil
  return best, best_r, tries, reach
end

--- hold(videos, target, o) -> the new ratio: a plan shorter than the
--- target (the next sentence would make it too long, or the document says
--- too little) has its scenes held longer towards it, each by its share of
--- what is missing and at most HOLD_MAX of its own length (a pause a
--- viewer reads the slide in, not a still). The parts of a long document
--- share the target; each video of --split is held to it.
function M.hold(videos, target, o)
  local fit = require("vg.create.fit")
  local groups = {}
  if fit.parts_of_one(videos) then groups[1] = videos
  else for i, v in ipairs(videos) do groups[i] = { v } end end
  for _, g in ipairs(groups) do
    local lens, total = {}, 0
    for k, v in ipairs(g) do
      lens[k] = timeline.timeline(v, o).scenes
      for _, seg in ipairs(lens[k]) do total = total + (seg["end"] - seg.start) end
    end
    local missing = target - total
    if missing > 0 and total > 0 then
      for k, v in ipairs(g) do
        for i, s in ipairs(v.scenes or {}) do
          local len = lens[k][i]["end"] - lens[k][i].start
          local more = math.min(missing * len / total, len * M.HOLD_MAX)
          if more > 0.01 then s.min_duration = math.floor((len + more) * 100 + 0.5) / 100 end
        end
      end
    end
  end
  return M.ratio(videos, target, o)
end

--- warning(ratio, target, reach) -> a message, or nil: the kept plan runs
--- more than AIM away from the length asked and no plan tried reached it
--- (reach "over": what the video keeps of each section takes longer;
--- "under": the document says too little). Plans on both sides of the
--- target (reach nil) are as close as the document's sentences allow.
function M.warning(ratio, target, reach)
  if not ratio or math.abs(ratio - 1) <= M.AIM or not reach then return nil end
  return string.format(reach == "over"
      and "--duration %g: the video cannot be that short; it runs %d s (its title, outro and the first sentence of each scene kept)"
      or "--duration %g: the document says too little for that; the video runs %d s",
    target, math.floor(ratio * target + 0.5))
end

return M
