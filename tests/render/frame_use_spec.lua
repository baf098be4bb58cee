-- Slides that use their frame: an agenda of short topics in a wide frame
-- takes two columns of larger type (it was one column of narrow cards at
-- the frame's left), a square frame's sets them larger across its width,
-- and code whose spaces UAX #14 gives no break ("{{ user.url }}") wraps
-- between its tokens in a tall frame rather than shrink. Run by vgrun.
local render = require("vg.render")
local core = require("vg.render_core")

local leaves = require("display_leaves").leaves

local function by_id(sc, wh)
  local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
  local by = {}
  for _, l in ipairs(leaves(dl.items)) do
    if (l.it.type == "text" or l.it.type == "code") and l.it.id then by[l.it.id] = l end
  end
  return by
end

-- bats' table of contents
local TOPICS = { "Testing", "Support", "Contact", "Version history", "Background" }

describe("an agenda of short topics", function()
  it("takes two columns of larger type in a wide frame", function()
    local sc = { scene_type = "list", visual_content = { header = "Table of contents", items = TOPICS } }
    local by = by_id(sc, { 1920, 1080 })
    local xs = {}
    for i = 1, #TOPICS do
      local l = by["items[" .. i .. "]"]
      assert.is_truthy(l)
      xs[math.floor(l.x)] = true
      assert.are.equal(1, core.measure(l.it).lines)
      assert.is_true(core.measure(l.it).final_size >= 60,
        ("topic %d at %.0f"):format(i, core.measure(l.it).final_size))
    end
    local cols = 0
    for _ in pairs(xs) do cols = cols + 1 end
    assert.are.equal(2, cols)
  end)

  it("sets them larger across a square frame's width", function()
    local sc = { scene_type = "list", visual_content = { header = "Table of contents", items = TOPICS } }
    local by = by_id(sc, { 1080, 1080 })
    for i = 1, #TOPICS do
      local l = by["items[" .. i .. "]"]
      assert.is_true(core.measure(l.it).final_size >= 60,
        ("topic %d at %.0f"):format(i, core.measure(l.it).final_size))
      -- (its card as wide as the box: the text's room reaches past the middle)
      assert.is_true(l.it.w > 1080 * 0.6, ("a card's text %.0f wide"):format(l.it.w))
    end
  end)
end)

describe("code in a tall frame", function()
  it("wraps at spaces inside brackets and quotes rather than shrink", function()
    -- Jinja's README: one 60-column line of a template held the block at 22
    local code = {
      '{% extends "base.html" %}',
      "{% block title %}Members{% endblock %}",
      "{% block content %}",
      "  <ul>",
      "  {% for user in users %}",
      '    <li><a href="{{ user.url }}">{{ user.username }}</a></li>',
      "  {% endfor %}",
      "  </ul>",
      "{% endblock %}",
    }
    local sc = { scene_type = "command", visual_content = { header = "In A Nutshell", language = "jinja",
      commands = code } }
    local l = by_id(sc, { 1080, 1920 }).commands
    assert.is_truthy(l)
    local m = core.measure(l.it)
    assert.is_false(m.cut)
    assert.is_true(m.final_size >= 40, ("the block at %.0f"):format(m.final_size))
    -- (wrapped under the mark: more rows than lines, no token broken)
    assert.is_true(m.lines > #code)
    assert.are.equal(0, m.broken or 0)
  end)

  it("keeps every character of the code", function()
    -- the break is allowed by an invisible mark, not by changing the text:
    -- the rendered frame draws the same characters (the item's text is
    -- what the layout gave)
    local sc = { scene_type = "command", visual_content = { header = "Test", language = "sh",
      commands = { '[ "$result" -eq 4 ] && [ "$other_result_value" -eq 5 ] && echo "both are right here"' } } }
    local l = by_id(sc, { 1080, 1920 }).commands
    assert.is_falsy(l.it.text:find("\u{200B}", 1, true))
    local m = core.measure(l.it)
    assert.is_false(m.cut)
    assert.is_true(m.final_size >= 40, ("the line at %.0f"):format(m.final_size))
  end)
end)
