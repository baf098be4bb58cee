-- Layouts in a wide (16:9) frame: a record card's names stand beside their
-- values, and a trailing comment too long for its line goes above its
-- command rather than wrap under the continuation mark. Run by vgrun.
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

-- the width a text item's longest line takes at the size it is set at
local function ink_w(l)
  local probe = {}
  for k, v in pairs(l.it) do probe[k] = v end
  local m = core.measure(l.it)
  probe.w, probe.size, probe.min_size = 100000, m.final_size, m.final_size
  return core.measure(probe).width
end

describe("a record card in a wide frame", function()
  it("sets its values close beside its widest name", function()
    -- prettier's options: "Default | CLI Override | API Override" of one
    -- option, shown as name and value lines; the names' column was
    -- stretched half as wide again, a word's gap before "80"
    local sc = { scene_type = "table", visual_content = { header = "Print Width", columns = { "", "" },
      rows = { { "Default", "80" }, { "CLI Override", "--print-width <int>" },
        { "API Override", "printWidth: <int>" } } } }
    local by = by_id(sc, { 1920, 1080 })
    local widest = 0
    for i = 1, 3 do
      local name = by["rows[" .. i .. "][1]"]
      widest = math.max(widest, name.x + ink_w(name))
    end
    local value = by["rows[1][2]"]
    local size = core.measure(value.it).final_size
    assert.is_true(value.x - widest <= 1.5 * size,
      ("a gap of %.0f between the names and the values at %.0f"):format(value.x - widest, size))
    -- every value on one line, the card as wide as before
    for i = 1, 3 do assert.are.equal(1, core.measure(by["rows[" .. i .. "][2]"].it).lines) end
  end)
end)

describe("a code slide in a wide frame", function()
  it("sets a trailing comment too long for its line above its command", function()
    local lines = {
      "git clone https://github.com/example/project.git",
      "cd project",
      "autoreconf -i   # if building from git to get the generated configure script and its helper macros",
      "make -j8",
      "sudo make install" }
    local sc = { scene_type = "command", visual_content = { header = "Build", language = "sh", commands = lines } }
    local code = by_id(sc, { 1920, 1080 }).commands
    assert.is_truthy(code)
    local shown = {}
    for l in (code.it.text .. "\n"):gmatch("(.-)\n") do shown[#shown + 1] = l end
    -- the comment on lines of its own just above the command, the command alone
    local at
    for i, l in ipairs(shown) do if l == "autoreconf -i" then at = i end end
    assert.is_truthy(at, code.it.text)
    assert.is_truthy(shown[at - 1]:match("^# "), code.it.text)
    local said = {}
    for i = 3, at - 1 do said[#said + 1] = (shown[i]:gsub("^# ", "")) end
    assert.are.equal("if building from git to get the generated configure script and its helper macros",
      table.concat(said, " "))
    -- nothing wrapped under a continuation mark
    assert.are.equal(#shown, core.measure(code.it).lines)
    assert.is_true(core.measure(code.it).final_size >= 30)
  end)

  it("sets a comment line too long for the card as comment lines, nothing under a continuation mark", function()
    -- starship's "# Add the following to the end of ~/.config/elvish/rc.elv
    -- (%AppData%\elvish\rc.elv on Windows)"
    local lines = {
      "# Configure your shell to initialize starship",
      'eval "$(starship init bash)"',
      "# Add the following to the end of ~/.config/elvish/rc.elv (%AppData%\\elvish\\rc.elv on Windows)",
      "eval (starship init elvish)" }
    local sc = { scene_type = "command", visual_content = { header = "Step 2. Set up your shell", language = "sh",
      commands = lines } }
    local code = by_id(sc, { 1920, 1080 }).commands
    local shown = select(2, code.it.text:gsub("\n", "")) + 1
    assert.are.equal(5, shown, code.it.text)
    assert.is_truthy(code.it.text:find("\n# %(%%AppData%%"), code.it.text)
    assert.are.equal(shown, core.measure(code.it).lines)
    -- (a square or tall frame too: its comments reflowed as comments)
    for _, wh in ipairs({ { 1080, 1920 }, { 1080, 1080 } }) do
      local sq = by_id(sc, wh).commands
      local n = select(2, sq.it.text:gsub("\n", "")) + 1
      assert.are.equal(n, core.measure(sq.it).lines, wh[1] .. "x" .. wh[2] .. ":\n" .. sq.it.text)
    end
  end)

  it("keeps a trailing comment that fits its line beside its command", function()
    local lines = { "make -j8   # build it", "sudo make install" }
    local sc = { scene_type = "command", visual_content = { header = "Build", language = "sh", commands = lines } }
    local code = by_id(sc, { 1920, 1080 }).commands
    assert.are.equal(table.concat(lines, "\n"), code.it.text)
  end)
end)
