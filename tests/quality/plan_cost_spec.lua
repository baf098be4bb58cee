-- Planning a large document stays cheap: vgrun create (vg.create.fit) lays
-- each scene out many times while it fits it to the frame, so what a layout
-- works out from the scene's text (its letters' direction, the theme) is
-- worked out once per text, not at every attempt. Measured in Lua VM
-- instructions (debug.sethook's count), which are the same on every machine
-- and under any load. Run by vgrun (busted style).
local render = require("vg.render")
local direction = require("vg.scenes.direction")
local text = require("vg.text")

-- the Lua instructions fn() runs (to the nearest 10)
local function cost(fn)
  local n = 0
  debug.sethook(function() n = n + 10 end, "", 10)
  local ok, err = pcall(fn)
  debug.sethook()
  assert(ok, err)
  return n
end

-- a scene of mixed scripts (Arabic and Latin: no ASCII-only shortcut)
local function scene(seed)
  local items = {}
  for i = 1, 40 do items[i] = "البند رقم " .. i .. " of list " .. seed .. ": نص طويل بعض الشيء here" end
  return { id = "s" .. seed, scene_type = "list", language = "ar",
    visual_content = { header = "خطوات " .. seed, items = items } }
end

describe("planning cost", function()
  it("a scene's layout box asked again costs a fraction of the first time", function()
    render.layout_box(scene(0), {})   -- (modules and first-use tables)
    local s = scene(1)
    local first = cost(function() render.layout_box(s, {}) end)
    local again = cost(function() render.layout_box(s, {}) end)
    assert.is_true(again * 5 < first, string.format("first %d instructions, again %d", first, again))
  end)

  it("counts a text's letters the same when asked again", function()
    local t = "שלום عربي abc 漢字 ÉTÉ"
    local a = direction.count(t)
    local b = direction.count(t, { rtl = 1, upright = 0, slanted = 0, hebrew = 0 })
    assert.are.same({ rtl = 8, upright = 2, slanted = 6, hebrew = 4 }, a)
    assert.are.same({ rtl = 9, upright = 2, slanted = 6, hebrew = 4 }, b)
    assert.are.same({ rtl = 0, upright = 0, slanted = 5, hebrew = 0 }, direction.count("ab, c!\r\nDE 42"))
    assert.are.same({ rtl = 0, upright = 0, slanted = 0, hebrew = 0 }, direction.count("\255 not UTF-8 abc"))
  end)

  it("counts the clusters of a long ASCII text in constant Lua work", function()
    local long = string.rep("A heading of plain words. ", 400)
    assert.are.equal(#long, text.len(long))
    assert.are.equal(3, text.len("a\r\nb"))
    assert.are.equal(5, text.len("a\1\127bc"))
    assert.are.equal(5, text.len("héllo"))
    local c = cost(function() text.len(long) end)
    assert.is_true(c < 1000, c .. " instructions")
    assert.are.equal(long, text.shorten(long, #long))
    assert.are.equal("A heading of plain words. A...", text.shorten(long, 30))
  end)
end)
