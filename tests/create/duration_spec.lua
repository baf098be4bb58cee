-- --duration held to the speech as it is said (vg.create.length): a plan
-- whose real length (its clips on the timeline) is more than 5 % off is
-- loaded again for a corrected length; plans on both sides of the target
-- narrow it down; a plan short by a sentence is held up to it; a target out
-- of reach is said to be, and only then.
local length = require("vg.create.length")
local create = require("vg.create")

local O = create.with_defaults({})

-- a video of n sentences, each said in `each` seconds (one scene each,
-- besides nothing: the timeline adds the lead-in and the tail)
local function video(n, each)
  local scenes = {}
  for i = 1, n do
    scenes[i] = { id = "s" .. i, scene_type = "title", visual_content = { title = "Scene " .. i },
      narration = "Words.", audio = { duration = each, words = {} } }
  end
  return { id = "v", scenes = scenes }
end

-- a document of 40 sentences whose loader plans 3 s a sentence and one
-- second around it, said by a voice 13 % slower than planned
local function document(asked_log)
  return function(seconds)
    asked_log[#asked_log + 1] = seconds
    local n = math.max(1, math.min(40, math.floor(seconds / 4)))
    return { video(n, 3 * 1.13) }
  end
end

describe("vg.create.length", function()
  it("measures the real length on the timeline", function()
    local v = video(5, 3)
    assert.is_true(math.abs(length.seconds(v, O) - 5 * (O.lead_in + 3 + O.tail)) < 0.05)
  end)

  it("loads again for a corrected length when the speech runs long", function()
    local asked = {}
    local again = document(asked)
    local first = again(60)
    asked = {}
    again = document(asked)
    local r0 = length.ratio(first, 60, O)
    assert.is_true(r0 > 1.05, "the test needs a first plan too long: " .. r0)
    local videos, r, tries, reach = length.correct(first, 60, 60, again, O)
    assert.is_true(tries >= 1)
    assert.is_true(asked[1] < 60, "asked for less: " .. tostring(asked[1]))
    if r < 1 then r = length.hold(videos, 60, O) end
    assert.is_true(math.abs(r - 1) <= length.AIM, "lands within 5 %: " .. r)
    assert.is_nil(reach)
    assert.is_nil(length.warning(r, 60, reach))
  end)

  it("holds a plan short by a sentence up to the target, each scene at most 15 % longer", function()
    local v = { video(4, 3) }   -- 16 s
    local before = {}
    for i, s in ipairs(v[1].scenes) do before[i] = length.seconds({ scenes = { s } }, O) end
    local r = length.hold(v, 17.5, O)
    assert.is_true(math.abs(r - 1) < 0.01, "held to 17.5 s: " .. r * 17.5)
    for i, s in ipairs(v[1].scenes) do
      assert.is_true(s.min_duration <= before[i] * (1 + length.HOLD_MAX) + 0.01)
    end
    -- far short: at most 15 % longer, not padded to the target
    v = { video(4, 3) }
    r = length.hold(v, 40, O)
    assert.is_true(r * 40 <= 16 * (1 + length.HOLD_MAX) + 0.2, "held to " .. r * 40)
  end)

  it("says the target is out of reach only when no plan reached it", function()
    -- the headings alone run 50 s: 30 cannot be reached
    local long = function() return { video(10, 4) } end
    local _, r, tries, reach = length.correct(long(), 30, 30, long, O)
    assert.equals("over", reach)
    assert.is_true(tries >= 1)
    assert.matches("cannot be that short; it runs 50 s", length.warning(r, 30, reach), 1, true)
    -- the whole document runs 20 s: 60 cannot be reached
    local short = function() return { video(4, 4) } end
    _, r, _, reach = length.correct(short(), 60, 60, short, O)
    assert.equals("under", reach)
    assert.matches("says too little for that; the video runs 20 s", length.warning(r, 60, reach), 1, true)
    -- within 5 %: nothing to do, nothing loaded
    local calls = 0
    local _, r2, t2 = length.correct({ video(10, 5) }, 60, 60, function() calls = calls + 1 end, O)
    assert.equals(0, t2)
    assert.equals(0, calls)
    assert.is_true(math.abs(r2 - 1) < 0.01)
  end)

  it("keeps the plan it has when a load fails or changes the video's shape", function()
    local first = { video(20, 3.4) }
    local v, _, tries = length.correct(first, 60, 60, function() return nil end, O)
    assert.equals(first, v)
    assert.equals(1, tries)
    local parts = function() return { { id = "d_part1", scenes = {} }, { id = "d_part2", scenes = {} } } end
    v = length.correct(first, 60, 60, parts, O)
    assert.equals(first, v)
  end)
end)
