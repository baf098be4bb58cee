-- Lay out first, then split (issue 13): a scene too full for its frame at a
-- readable size becomes consecutive scenes at item boundaries (vg.create.fit),
-- each with its share of the narration; one that fits stays whole; cutting is
-- left for a single item too long alone. Run by vgrun (busted style).
local input = require("vg.input")
local render = require("vg.render")
local rcore = require("vg.render_core")
local fit = require("vg.create.fit")

local W = { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
  "kilo", "lima", "mike", "november", "oscar", "papa" }

local function load_md(text, opts)
  local path = os.tmpname() .. ".md"
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
  local model, diags = input.load(path, opts or {})
  os.remove(path)
  assert(model, input.format(diags))
  return model
end

local function of_type(model, ty)
  local out = {}
  for _, v in ipairs(model.videos) do
    for _, s in ipairs(v.scenes) do if s.scene_type == ty then out[#out + 1] = s end end
  end
  return out
end

-- The renderer's warnings for the settled frame of a scene.
local function warnings(scene, w, h, captions)
  local dl = render.display_list(scene, { width = w, height = h, t = "end", captions = captions })
  return rcore.check(dl)
end

local function assert_readable(scene, w, h, captions)
  for _, wn in ipairs(warnings(scene, w, h, captions)) do
    if wn.id:match("^items%[") or wn.id:match("^rows%[") or wn.id == "commands" then
      assert.are_not.equal("cut", wn.status, scene.id .. ": " .. wn.id .. " was cut")
      assert.is_true(wn.final_size >= 0.75 * wn.size - 0.05,
        string.format("%s: %s shrunk from %s to %s", scene.id, wn.id, wn.size, wn.final_size))
    end
  end
end

local function words(s) return (s or ""):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "") end

local function list_doc(n, per_item)
  local l = { "# Publishing", "", "## Before you publish", "", "Check these points before the video goes out.", "" }
  for i = 1, n do
    local extra = {}
    for k = 1, per_item do extra[k] = W[(i + k) % #W + 1] end
    l[#l + 1] = string.format("- Make sure the %s subtitles were reviewed by %s", W[i], table.concat(extra, " "))
  end
  return table.concat(l, "\n") .. "\n"
end

describe("fit: lay out first, then split", function()
  it("splits a table into parts alike in their count of rows, never a last part of one", function()
    -- (Node.js' intl table: seven rows of five columns in a tall frame were
    -- parts of three, three and one row)
    local rows = {
      { "String.prototype.normalize()", "none (function is no-op)", "full", "full", "full" },
      { "String.prototype.to*Case()", "full", "full", "full", "full" },
      { "Intl", "none (object does not exist)", "partial/full (depends on OS)", "partial (English-only)", "full" },
      { "String.prototype.localeCompare()", "partial (not locale-aware)", "full", "full", "full" },
      { "String.prototype.toLocale*Case()", "partial (not locale-aware)", "full", "full", "full" },
      { "Number.prototype.toLocaleString()", "partial (not locale-aware)", "partial/full (depends on OS)",
        "partial (English-only)", "full" },
      { "Date.prototype.toLocale*String()", "partial (not locale-aware)", "partial/full (depends on OS)",
        "partial (English-only)", "full" },
    }
    local sc = { id = "intl", scene_type = "table", narration = "Which features each build option gives.",
      visual_content = { header = "Options for building Node.js",
        columns = { "Feature", "none", "system-icu", "small-icu", "full-icu" }, rows = rows } }
    local parts = fit.scene(sc, { width = 1080, height = 1920 })
    assert.is_true(#parts >= 2)
    local fewest, most = math.huge, 0
    for _, p in ipairs(parts) do
      local n = #p.visual_content.rows
      fewest, most = math.min(fewest, n), math.max(most, n)
    end
    assert.is_true(most - fewest <= 1, string.format("%d parts of %d to %d rows", #parts, fewest, most))
  end)

  it("splits a list of eight very long items at 9:16, and nothing is cut", function()
    for _, detail in ipairs({ "summary", "full" }) do
      local m = load_md(list_doc(8, 22), { detail = detail })
      local before = #of_type(m, "list")
      fit.videos(m.videos, { width = 1080, height = 1920 })
      local lists = of_type(m, "list")
      assert.is_true(#lists > 1, detail .. ": one list scene")
      for _, s in ipairs(lists) do assert_readable(s, 1080, 1920) end
      assert.is_true(#lists >= before)
    end
  end)

  it("splits a list the Markdown reader kept whole when the frame is square or captions are burnt", function()
    local m = load_md(list_doc(8, 4), { detail = "full" })
    assert.are.equal(1, #of_type(m, "list"))
    local added = fit.videos(m.videos, { width = 1080, height = 1080 })
    assert.is_true(added >= 1)
    local lists = of_type(m, "list")
    local n = 0
    for k, s in ipairs(lists) do
      assert_readable(s, 1080, 1080)
      n = n + #s.visual_content.items
      -- the same header; the later parts say they continue, and go on counting
      assert.are.equal("Before you publish", s.visual_content.header)
      if k > 1 then
        assert.are.equal("continued", s.visual_content.description)
        assert.are.equal(n - #s.visual_content.items + 1, s.visual_content.start)
      end
    end
    assert.are.equal(8, n)
    -- the same with the captions' band at 9:16
    local m2 = load_md(list_doc(8, 4), { detail = "full" })
    assert.are.equal(1, #of_type(m2, "list"))
    fit.videos(m2.videos, { width = 1080, height = 1920, captions = true })
    for _, s in ipairs(of_type(m2, "list")) do assert_readable(s, 1080, 1920, true) end
  end)

  it("keeps a list that fits at 1080p as one scene", function()
    local m = load_md(list_doc(6, 4), { detail = "full" })
    local ids = {}
    for _, s in ipairs(m.videos[1].scenes) do ids[#ids + 1] = s.id end
    assert.are.equal(0, fit.videos(m.videos, { width = 1920, height = 1080 }))
    local after = {}
    for _, s in ipairs(m.videos[1].scenes) do after[#after + 1] = s.id end
    assert.are.same(ids, after)
  end)

  it("shares the narration out: the parts together say what the scene said", function()
    local list = { "# Tools", "", "## Tools we use", "",
      "Three tools do most of the work. Each has its own job.", "" }
    for i = 1, 8 do
      list[#list + 1] = string.format("- **%s** checks the %s output of every build before it is published to the mirror",
        W[i]:gsub("^%l", string.upper), W[i + 1])
    end
    for _, detail in ipairs({ "summary", "full" }) do
      local m = load_md(table.concat(list, "\n") .. "\n", { detail = detail })
      local before = {}
      for _, s in ipairs(of_type(m, "list")) do before[#before + 1] = s.narration or "" end
      fit.videos(m.videos, { width = 1080, height = 1080 })
      local lists = of_type(m, "list")
      assert.is_true(#lists > #before, detail .. ": not split")
      local after = {}
      for _, s in ipairs(lists) do after[#after + 1] = s.narration end
      assert.are.equal(words(table.concat(before, " ")), words(table.concat(after, " ")), detail)
      -- the first part keeps the introduction
      assert.truthy(lists[1].narration:find("Three tools", 1, true))
    end
  end)

  it("keeps children under their parent", function()
    local l = { "# Layout", "", "## Folders", "", "Each folder has one purpose.", "" }
    for i = 1, 4 do
      l[#l + 1] = string.format("- **%s** holds the parts of the program that do the %s work", W[i], W[i + 4])
      for k = 1, 3 do
        l[#l + 1] = string.format("  - %s %d reads the %s files and writes the %s ones", W[i], k, W[k + 8], W[k + 11])
      end
    end
    local m = load_md(table.concat(l, "\n") .. "\n", { detail = "full" })
    fit.videos(m.videos, { width = 1080, height = 1080 })
    local lists = of_type(m, "list")
    assert.is_true(#lists > 1)
    local seen = 0
    for _, s in ipairs(lists) do
      local items = s.visual_content.items
      -- every part starts with a parent, and each child follows its own
      assert.are.equal(0, items[1].level, s.id .. " starts with a child")
      for _, it in ipairs(items) do
        if it.level == 0 then seen = seen + 1 end
        if it.level > 0 then assert.truthy(it.title:find(W[seen], 1, true), s.id .. ": " .. it.title) end
      end
      assert_readable(s, 1080, 1080)
    end
    assert.are.equal(4, seen)
  end)

  it("pages a table of long rows into scenes, each with the header row", function()
    local l = { "# Platforms", "", "## Where it runs", "", "These platforms are known to work.", "",
      "| Platform | Compiler | Status | Remarks |", "| --- | --- | --- | --- |" }
    for i = 1, 8 do
      l[#l + 1] = string.format("| %s | Clang %d | Supported by the %s team | Tested on every commit by the %s machines in the build farm of the project |",
        W[i], i, W[i + 1], W[i + 2])
    end
    local m = load_md(table.concat(l, "\n") .. "\n", { detail = "full" })
    assert.are.equal(1, #of_type(m, "table"))
    fit.videos(m.videos, { width = 1080, height = 1080 })
    local tables = of_type(m, "table")
    assert.is_true(#tables > 1)
    local rows = {}
    for _, s in ipairs(tables) do
      assert.are.same({ "Platform", "Compiler", "Status", "Remarks" }, s.visual_content.columns)
      for _, r in ipairs(s.visual_content.rows) do rows[#rows + 1] = r[1] end
      assert_readable(s, 1080, 1080)
      -- each part shows all its rows at once: no paging inside a scene
      local def = render.get_type("table")
      local theme, box = render.layout_box(s, { width = 1080, height = 1080 })
      assert.is_false(def.split.overflows(s, theme, box))
    end
    assert.are.same({ W[1], W[2], W[3], W[4], W[5], W[6], W[7], W[8] }, rows)
    -- a row is said with the part that shows it (the narration says the
    -- first rows, then counts the rest)
    local first = tables[2].visual_content.rows[1][1] .. ":"
    assert.truthy((tables[2].narration or ""):find(first, 1, true))
    assert.falsy(tables[1].narration:find(first, 1, true))
    assert.truthy(tables[1].narration:find("The table shows", 1, true))
  end)

  it("keeps a table's opener with its first part, even where a later row's key is a column's name", function()
    -- (helix's "[editor]" table: the row "default-yank-register" on the
    -- second slide took "The table shows Key, Description, and Default."
    -- and every sentence after it; the first slide was silent)
    local scene = { id = "keys", scene_type = "table",
      narration = "The table shows Key, Description, and Default. alpha: The alpha value, 1. And 6 more keys.",
      visual_content = { header = "Editor", columns = { "Key", "Description", "Default" }, rows = {} } }
    local rows = scene.visual_content.rows
    for i = 1, 8 do
      local key = i == 6 and "default-register" or W[i]
      rows[i] = { key, string.format("The %s value used by the editor when it starts up and draws its view", W[i]), tostring(i) }
    end
    local videos = { { id = "v", scenes = { scene } } }
    fit.videos(videos, { width = 1080, height = 1920 })
    local parts = videos[1].scenes
    assert.is_true(#parts > 1)
    local key_part
    for k, p in ipairs(parts) do
      for _, r in ipairs(p.visual_content.rows) do if r[1] == "default-register" then key_part = k end end
    end
    assert.is_true(key_part > 1)
    assert.truthy((parts[1].narration or ""):find("The table shows", 1, true))
    assert.falsy((parts[key_part].narration or ""):find("The table shows", 1, true))
  end)

  it("splits a tall frame's table whose type would go below a readable size, not a table too wide", function()
    local rows = {}
    for i = 1, 8 do
      rows[i] = { W[i], "Clang " .. i, "Supported by the " .. W[i + 1] .. " team",
        "Tested on every commit by the " .. W[i + 2] .. " machines in the build farm of the project" }
    end
    local scene = { id = "t", scene_type = "table", narration = "These platforms work.",
      visual_content = { header = "Where it runs", columns = { "Platform", "Compiler", "Status", "Remarks" }, rows = rows } }
    assert.is_true(#fit.scene(scene, { width = 1080, height = 1920 }) > 1)
    -- thirty columns: a row's card sets its lines in columns, readable alone,
    -- so the table becomes a scene a row, every row and column kept, uncut
    local cols, wide = {}, {}
    for j = 1, 30 do cols[j] = "Characteristic" .. j end
    for i = 1, 6 do
      wide[i] = {}
      for j = 1, 30 do wide[i][j] = "Incomprehensibilities" .. j end
    end
    local w = { id = "w", scene_type = "table", visual_content = { header = "Wide", columns = cols, rows = wide } }
    local parts = fit.scene(w, { width = 1920, height = 1080 })
    local n = 0
    for _, p in ipairs(parts) do
      n = n + #p.visual_content.rows
      assert.are.equal(30, #p.visual_content.columns)
      assert_readable(p, 1920, 1080)
    end
    assert.are.equal(6, n)
  end)

  it("splits code at blank lines", function()
    -- (three blocks of eight lines: twenty lines fit one square slide at
    -- the code's least size since the card uses the whole box)
    local code = {}
    for b = 1, 3 do
      for i = 1, 8 do code[#code + 1] = string.format("local v%d_%d = config.get('s%d', 'k%d')", b, i, b, i) end
      if b < 3 then code[#code + 1] = "" end
    end
    local scene = { id = "c", scene_type = "command", narration = "The loader reads every key.",
      visual_content = { header = "Loader", commands = code, language = "lua" } }
    local parts = fit.scene(scene, { width = 1080, height = 1080 })
    assert.is_true(#parts > 1)
    local n = 0
    for k, p in ipairs(parts) do
      local c = p.visual_content.commands
      assert.truthy(c[1]:match("^local v%d_1 "), "part " .. k .. " starts inside a block: " .. c[1])
      assert.truthy(c[#c]:match("%S"))
      for _, line in ipairs(c) do if line:match("%S") then n = n + 1 end end
    end
    assert.are.equal(24, n)
    assert.are.equal("The loader reads every key.", parts[1].narration)
  end)

  it("pages a drawing without blank lines that is cut even at its smallest size; a fitting one stays whole", function()
    local art = {}
    for i = 1, 30 do
      art[#art + 1] = "+--------+   +----------+"
      art[#art + 1] = string.format("| node%02d |-->| worker%02d |", i, i)
    end
    local scene = { id = "d", scene_type = "command", narration = "The graph.",
      visual_content = { header = "Graph", commands = art } }
    local parts = fit.scene(scene, { width = 1920, height = 1080 })
    assert.is_true(#parts > 1)
    local n = 0
    for _, p in ipairs(parts) do
      n = n + #p.visual_content.commands
      for _, wn in ipairs(warnings(p, 1920, 1080)) do assert.are_not.equal("cut", wn.status) end
    end
    assert.are.equal(60, n)
    -- a drawing is looked at, not read line by line: well under 1.5 s a line
    local cmd = render.get_type("command")
    assert.is_true(cmd.read_time(scene) <= 40)
    local small = { id = "s", scene_type = "command", visual_content = { header = "Box",
      commands = { "+------+", "| one  |", "+------+", "| two  |", "+------+" } } }
    assert.are.equal(1, #fit.scene(small, { width = 1920, height = 1080 }))
  end)

  it("does not split code whose trouble is one line too wide", function()
    local scene = { id = "c", scene_type = "command", narration = "Build it.",
      visual_content = { header = "Compile from source", language = "bash", commands = {
        "git clone https://github.com/PJK/libcbor",
        "cmake -DCMAKE_BUILD_TYPE=Release -DCBOR_CUSTOM_ALLOC=ON libcbor", "make", "make install" } } }
    assert.are.equal(1, #fit.scene(scene, { width = 1080, height = 1920 }))
  end)

  it("leaves a single item too long alone to the renderer (cut last)", function()
    local long = {}
    for i = 1, 400 do long[i] = W[i % #W + 1] end
    local scene = { id = "one", scene_type = "list",
      visual_content = { header = "One", items = { table.concat(long, " ") } } }
    local parts = fit.scene(scene, { width = 1080, height = 1920 })
    assert.are.equal(1, #parts)
    assert.are.equal(scene, parts[1])
  end)

  it("gives each part an id of its own, and leaves a transcript's scenes whole", function()
    local items = {}
    for i = 1, 10 do
      items[i] = W[i] .. ": make sure the subtitles were reviewed by somebody who speaks the language of the video"
        .. " well, and that every name, number and date in them matches what is said"
    end
    local video = { id = "v", scenes = {
      { id = "a", scene_type = "list", visual_content = { header = "H", items = items } },
      { id = "a_2", scene_type = "title", visual_content = { title = "T" } } } }
    assert.is_true(fit.video(video, { width = 1080, height = 1920, captions = true }) > 0)
    local seen = {}
    for _, s in ipairs(video.scenes) do
      assert.is_nil(seen[s.id], "two scenes " .. s.id)
      seen[s.id] = true
    end
    local cued = { id = "t", scene_type = "list", visual_content = { header = "H", items = items },
      source = { file = "talk.srt", cues = { { start = 0, ["end"] = 5, text = "x" } } } }
    assert.are.equal(1, #fit.scene(cued, { width = 1080, height = 1920, captions = true }))
  end)

  it("splits an exercise's steps and numbers them on", function()
    local steps = {}
    for i = 1, 7 do
      steps[i] = "Run the " .. W[i] .. " check on a small document and read every warning it prints before going further"
    end
    local scene = { id = "ex", scene_type = "exercise", narration = "Try it yourself.",
      visual_content = { title = "Set up", instructions = steps } }
    local parts = fit.scene(scene, { width = 1080, height = 1080, captions = true })
    assert.is_true(#parts > 1)
    local n = 0
    for k, p in ipairs(parts) do
      assert.are.equal(k == 1 and 1 or n + 1, p.visual_content.start or 1)
      n = n + #p.visual_content.instructions
      assert_readable(p, 1080, 1080, true)
    end
    assert.are.equal(7, n)
    -- the numbers drawn are the steps' own
    local dl = render.display_list(parts[2], { width = 1080, height = 1080, t = "end", captions = true })
    local first = tostring(parts[2].visual_content.start)
    local found = false
    local function walk(items)
      for _, it in ipairs(items) do
        if it.type == "text" and it.text == first then found = true end
        if it.items then walk(it.items) end
      end
    end
    walk(dl.items)
    assert.is_true(found, "step " .. first .. " is not numbered so")
  end)

  it("a later part the narration left nothing for names its short items", function()
    local items = {}
    for i = 1, 12 do items[i] = "Part " .. W[i] .. " and " .. W[i + 1] .. " with " .. W[i + 2] end
    local parts = fit.scene({ id = "n", scene_type = "list", narration = "The type can be one of these.",
      visual_content = { header = "Types", items = items } }, { width = 288, height = 288, captions = true })
    assert.is_true(#parts > 1)
    assert.are.equal("The type can be one of these.", parts[1].narration)
    for k = 2, #parts do
      local shown = parts[k].visual_content.items
      assert.truthy(parts[k].narration, "part " .. k .. " is silent")
      assert.truthy(parts[k].narration:find(shown[1], 1, true), parts[k].narration)
    end
    -- code on a later part is not named (it would be read sign by sign):
    -- the heading goes on
    for i = 1, 12 do items[i] = "--opt-" .. W[i] .. "-" .. W[i + 1] .. "-" .. W[i + 2] .. "=VALUE" end
    parts = fit.scene({ id = "o", scene_type = "list", narration = "These options exist.",
      visual_content = { header = "Options", items = items } }, { width = 288, height = 288, captions = true })
    assert.is_true(#parts > 1)
    for k = 2, #parts do assert.are.equal("Options, continued.", parts[k].narration) end
  end)

  it("each part says the items it shows, when the narration names them one by one", function()
    -- twenty releases that share their first words ("Node.js 20", "Node.js
    -- 0.10"): each is named by what only it has; a sentence that names
    -- the items of two parts is cut where the second part's start
    local items, names = {}, {}
    for v = 20, 4, -1 do items[#items + 1] = "Release " .. v .. " End-of-Life" end
    items[#items + 1] = "Release 0.12 End-of-Life"
    items[#items + 1] = "Release 0.10 End-of-Life"
    for i = 1, #items do names[i] = items[i] end
    local said = table.concat(names, ", ", 1, #names - 1) .. ", and " .. names[#names] .. "."
    local parts = fit.scene({ id = "r", scene_type = "list", narration = said,
      visual_content = { header = "Releases", items = items } }, { width = 1920, height = 1080 })
    assert.is_true(#parts > 1)
    local seen = 0
    for k, p in ipairs(parts) do
      local shown = {}
      for _, it in ipairs(p.visual_content.items) do shown[it] = true; seen = seen + 1 end
      assert.truthy(p.narration, "part " .. k .. " is silent")
      for name in (p.narration .. ","):gmatch("(Release [%d%.]+ End%-of%-Life)") do
        assert.is_true(shown[name] == true, "part " .. k .. " says '" .. name .. "', which it does not show: " .. p.narration)
      end
      assert.truthy(p.narration:find(p.visual_content.items[1], 1, true), p.narration)
    end
    assert.are.equal(#items, seen)
  end)

  it("each part says its own items: clauses cut at semicolons, points named by their lead", function()
    -- twelve points led by a term ("Whisks: a balloon whisk ..."), said as
    -- one sentence of clauses ("Whisks — ...; Graters — ...; ..."): a
    -- part says the clauses of the items it shows, never the next part's
    local terms = { "Knives", "Boards", "Pans", "Pots", "Spoons", "Tongs", "Whisks", "Graters", "Scales",
      "Sieves", "Peelers", "Thermometers" }
    local items, clauses = {}, {}
    for i, t in ipairs(terms) do
      local what = string.format("a %s %s for the %s and one for %s", W[i], W[i + 1], W[i + 2], W[i + 3])
      items[i] = t .. ": " .. what
      clauses[i] = t .. " \u{2014} " .. what
    end
    local sc = { id = "k", scene_type = "list", narration = "What to buy: " .. table.concat(clauses, "; ") .. ".",
      visual_content = { header = "What to buy first", items = items } }
    local parts = fit.scene(sc, { width = 1080, height = 1080, captions = true })
    assert.is_true(#parts > 1)
    for k, p in ipairs(parts) do
      local shown = {}
      for _, it in ipairs(p.visual_content.items) do shown[it:match("^(%a+)")] = true end
      assert.truthy(p.narration, "part " .. k .. " is silent")
      for _, t in ipairs(terms) do
        if p.narration:find(t, 1, true) then
          assert.is_true(shown[t] == true, "part " .. k .. " says " .. t .. ", which it does not show: " .. p.narration)
        end
      end
      assert.truthy(p.narration:find(p.visual_content.items[1]:match("^(%a+)"), 1, true), p.narration)
    end
    -- nothing said of a later part's items: it names them by their lead
    -- ("Pots, Spoons, and Tongs."), not "What to buy first, continued."
    sc.narration = "A small kitchen needs only a few good tools."
    parts = fit.scene(sc, { width = 1080, height = 1080, captions = true })
    assert.is_true(#parts > 1)
    for k = 2, #parts do
      local first = parts[k].visual_content.items[1]:match("^(%a+)")
      assert.truthy(parts[k].narration and parts[k].narration:find(first, 1, true), parts[k].narration)
    end
  end)

  it("splits a scene with nothing to say", function()
    local items = {}
    for i = 1, 10 do
      items[i] = W[i] .. ": make sure the subtitles were reviewed by somebody who speaks the language of the video"
        .. " well, and that every name, number and date in them matches what is said"
    end
    local parts = fit.scene({ id = "q", scene_type = "list", visual_content = { header = "H", items = items } },
      { width = 1080, height = 1920, captions = true })
    assert.is_true(#parts > 1)
    for _, p in ipairs(parts) do assert.is_nil(p.narration) end
  end)

  it("keeps --duration: a split that makes the video longer loads it again for less", function()
    local first = { "anna", "ben", "carla", "dario", "emil", "fatima", "goran", "hana", "ivan", "julia" }
    local l = { "# Team", "", "The people who keep the project going.", "" }
    for g = 1, 8 do
      l[#l + 1] = string.format("## Group %d\n\nMembers of group %d, who review changes in their area.\n", g, g)
      for i = 1, 10 do
        l[#l + 1] = string.format("- %s%d - %s Larsen <%s.larsen@example.org> (reviews the %s part and its tests)",
          first[i], g, first[i]:gsub("^%l", string.upper), first[i], W[(g + i) % #W + 1])
      end
      l[#l + 1] = ""
    end
    local path = os.tmpname() .. ".md"
    local f = assert(io.open(path, "w"))
    f:write(table.concat(l, "\n"))
    f:close()
    local opts = { width = 1080, height = 1080, captions = true }
    local m = assert(input.load(path, { duration = 90 }))
    fit.videos(m.videos, opts)
    local plain = fit.seconds(m.videos[1])
    local m2 = assert(input.load(path, { duration = 90 }))
    local videos, added = fit.with_duration(m2.videos, 90, function(sec)
      local again = input.load(path, { duration = sec })
      return again and again.videos
    end, opts)
    os.remove(path)
    assert.is_true(plain > 90 * (1 + fit.DURATION_SLACK), "the split alone lands at " .. plain .. ": the test lost its point")
    assert.is_true(added > 0)
    local t = fit.seconds(videos[1])
    assert.is_true(math.abs(t - 90) < math.abs(plain - 90) and math.abs(t - 90) <= 90 * 0.07,
      "with the correction: " .. t .. " (without: " .. plain .. ")")
  end)

  it("keeps --duration for a long document the loader made into parts", function()
    local first = { "anna", "ben", "carla", "dario", "emil", "fatima", "goran", "hana", "ivan", "julia" }
    local l = { "# Team", "", "The people who keep the project going.", "" }
    for g = 1, 60 do
      l[#l + 1] = string.format("## Group %d\n\nMembers of group %d, who review changes in their area.\n", g, g)
      for i = 1, 10 do
        l[#l + 1] = string.format("- %s%d - %s Larsen <%s.larsen@example.org> (reviews the %s part and its tests)",
          first[i], g, first[i]:gsub("^%l", string.upper), first[i], W[(g + i) % #W + 1])
      end
      l[#l + 1] = ""
    end
    local path = os.tmpname() .. ".md"
    local f = assert(io.open(path, "w"))
    f:write(table.concat(l, "\n"))
    f:close()
    local function total(videos)
      local t = 0
      for _, v in ipairs(videos) do t = t + fit.seconds(v) end
      return t
    end
    local opts = { width = 1080, height = 1080, captions = true }
    local m = assert(input.load(path, { duration = 700 }))
    assert.is_true(#m.videos > 1, "one video: the test lost its point")
    fit.videos(m.videos, opts)
    local plain = total(m.videos)
    local m2 = assert(input.load(path, { duration = 700 }))
    local videos = fit.with_duration(m2.videos, 700, function(sec)
      local again = input.load(path, { duration = sec })
      return again and again.videos
    end, opts)
    os.remove(path)
    assert.is_true(plain > 700 * (1 + fit.DURATION_SLACK), "the split alone lands at " .. plain .. ": the test lost its point")
    local t = total(videos)
    assert.is_true(math.abs(t - 700) < math.abs(plain - 700) and math.abs(t - 700) <= 700 * 0.07,
      "with the correction: " .. t .. " (without: " .. plain .. ")")
  end)

  it("splits a long quote between sentences in a square frame with captions, attribution on the last", function()
    local q = "The purpose of abstraction is not to be vague, but to create a new semantic level in which one"
      .. " can be absolutely precise. We should not introduce errors through sloppiness but systematically keep"
      .. " them out. Programs must be written for people to read, and only incidentally for machines to execute."
    local scene = { id = "q", scene_type = "quote", narration = "As Dijkstra put it, " .. q,
      visual_content = { quote_text = q, attribution = "Edsger W. Dijkstra" } }
    -- at 16:9 it fits: one scene
    assert.are.equal(1, #fit.scene(scene, { width = 1920, height = 1080, captions = true }))
    local parts = fit.scene(scene, { width = 1080, height = 1080, captions = true })
    assert.is_true(#parts > 1, "not split")
    local shown, said = {}, {}
    for k, p in ipairs(parts) do
      assert.are.equal("quote", p.scene_type)
      shown[#shown + 1] = p.visual_content.quote_text
      said[#said + 1] = p.narration
      -- whole sentences
      assert.is_truthy(p.visual_content.quote_text:match("[%.!?]$"), p.visual_content.quote_text)
      assert.are.equal(k == #parts and "Edsger W. Dijkstra" or nil, p.visual_content.attribution)
      for _, wn in ipairs(warnings(p, 1080, 1080, true)) do
        if wn.id == "quote_text" then
          assert.are_not.equal("cut", wn.status)
          assert.is_true(wn.final_size >= 0.75 * wn.size - 0.05, p.id .. " shrunk to " .. wn.final_size)
        end
      end
    end
    assert.are.equal(q, table.concat(shown, " "))
    assert.are.equal(words(scene.narration), words(table.concat(said, " ")))
    assert.are.equal("q", parts[1].id)
  end)

  it("leaves a quote of one long sentence whole, and a short quote's card is not a tall empty one", function()
    local q = "The competent programmer is fully aware of the strictly limited size of his own skull; therefore"
      .. " he approaches the programming task in full humility, and among other things he avoids clever tricks"
      .. " like the plague, which is a lesson that every generation of programmers seems to learn again"
    local scene = { id = "q", scene_type = "quote", visual_content = { quote_text = q, attribution = "E. W. D." } }
    assert.are.equal(1, #fit.scene(scene, { width = 1080, height = 1080, captions = true }))
    -- 9:16: the card of a six-word quote is less than half the frame's height
    local short = { id = "s", scene_type = "quote",
      visual_content = { quote_text = "Simplicity is prerequisite for reliability.", attribution = "E. W. D." } }
    local dl = render.display_list(short, { width = 1080, height = 1920, t = "end" })
    local card
    local function walk(items)
      for _, it in ipairs(items or {}) do
        if it.type == "rect" and (it.radius or 0) >= 28 and it.w and it.w > 500 then card = card or it end
        walk(it.items)
      end
    end
    walk(dl.items)
    assert.is_truthy(card, "no card")
    assert.is_true(card.h < dl.height * 0.5, "card " .. card.h .. " of " .. dl.height)
  end)

  it("wraps and shrinks a long title in a square or tall frame with captions, and cuts nothing", function()
    local scene = { id = "t", scene_type = "title", visual_content = {
      title = "A practical guide to building, testing and shipping reproducible Debian packages for embedded ARM boards",
      subtitle = "Everything the maintainers of a small distribution wish they had known before their first release" } }
    for _, f in ipairs({ { 1920, 1080 }, { 1080, 1080 }, { 1080, 1920 } }) do
      for _, wn in ipairs(warnings(scene, f[1], f[2], true)) do
        assert.are_not.equal("cut", wn.status, f[1] .. "x" .. f[2] .. ": " .. wn.id .. " was cut")
        -- the title keeps more than half its size
        assert.is_true(wn.final_size >= 0.5 * wn.size, f[1] .. "x" .. f[2] .. ": " .. wn.id .. " " .. wn.final_size)
      end
    end
  end)

  it("gives the items of a slide one type size when a long one needs more lines", function()
    local scene = { id = "g", scene_type = "list", visual_content = { header = "Grundlagen", description = "Fortsetzung",
      start = 5, items = { "Lerne etwas über die Dateinamenerweiterung mittels *",
        "Mach dich vertraut mit Bash-Jobmanagement: &, ctrl-z, ctrl-c, jobs, fg, bg, kill, etc.",
        "Kenne ssh und die Grundlagen passwortloser Authentifizierung mittels ssh-agent, ssh-add, etc." } } }
    local dl = render.display_list(scene, { width = 1080, height = 1080, captions = true, t = "end" })
    local sizes = {}
    local function walk(items)
      for _, it in ipairs(items or {}) do
        if it.type == "text" and type(it.id) == "string" and it.id:match("^items%[") then
          local m = rcore.measure(it)
          assert.is_false(m.cut, it.id .. " cut")
          sizes[#sizes + 1] = m.final_size
        end
        walk(it.items)
      end
    end
    walk(dl.items)
    assert.are.equal(3, #sizes)
    for i = 2, 3 do assert.is_true(math.abs(sizes[i] - sizes[1]) < 0.5, table.concat(sizes, ", ")) end
  end)

  it("splits a parent's children over parts when they do not fit with it", function()
    local items = { "Dotted decimal notation: 192.168.1.1", "Each octet: 0-255 (8 bits)",
      "Total addresses: 4,294,967,296 (2^32)", { title = "Special ranges:", level = 0 } }
    for _, r in ipairs({ "10.0.0.0/8: Private addresses (16 million addresses)",
        "172.16.0.0/12: Private addresses (1 million addresses)", "192.168.0.0/16: Private addresses (65,536 addresses)",
        "127.0.0.0/8: Loopback (localhost)", "224.0.0.0/4: Multicast", "169.254.0.0/16: Link-local (self-assigned)",
        "100.64.0.0/10: Shared address space (carrier-grade NAT)", "198.18.0.0/15: Benchmark testing" }) do
      items[#items + 1] = { title = r, level = 1 }
    end
    for i = 1, 3 do items[i] = { title = items[i], level = 0 } end
    local scene = { id = "ip", scene_type = "list", visual_content = { header = "IPv4 - The Original Internet Protocol",
      description = "Network Layer (IP)", items = items } }
    local parts = fit.scene(scene, { width = 1080, height = 1080, captions = true })
    -- a later part opens with a child: the group was split among its children
    local inside = false
    for k = 2, #parts do
      if parts[k].visual_content.items[1].context then inside = true end
    end
    assert.is_true(inside, "the children stayed on one slide with their parent")
    -- and a part that opens with children shows them as children: bullets,
    -- no numbers, under their parent shown again with its number
    for k = 2, #parts do
      local p = parts[k]
      if p.visual_content.items[1].context then
        local dl = render.display_list(p, { width = 1080, height = 1080, captions = true, t = "end" })
        local labels = {}
        local function walk(list)
          for _, it in ipairs(list or {}) do
            if it.type == "text" and (it.text == "\u{2022}" or (it.text or ""):match("^%d+$")) then labels[#labels + 1] = it.text end
            walk(it.items)
          end
        end
        walk(dl.items)
        assert.are.equal("4", labels[1], "the parent of " .. p.id .. " is labelled " .. tostring(labels[1]))
        assert.are.equal("\u{2022}", labels[2], "the first child of " .. p.id .. " is labelled " .. tostring(labels[2]))
      end
    end
    local n = 0
    for _, p in ipairs(parts) do
      for _, it in ipairs(p.visual_content.items) do if not it.context then n = n + 1 end end
    end
    assert.are.equal(#items, n)
    -- the parent comes before its children, and the first part keeps the
    -- items before the parent whole
    assert.are.equal("Dotted decimal notation: 192.168.1.1", parts[1].visual_content.items[1].title)
  end)

  -- the items' type sizes of a list scene's settled frame
  local function item_sizes(scene, w, h, captions)
    local dl = render.display_list(scene, { width = w, height = h, captions = captions, t = "end" })
    local out = {}
    local function walk(items)
      for _, it in ipairs(items or {}) do
        if it.type == "text" and type(it.id) == "string" and it.id:match("^items%[") then
          local m = rcore.measure(it)
          assert.is_false(m.cut, it.id .. " cut")
          out[#out + 1] = m.final_size
        end
        walk(it.items)
      end
    end
    walk(dl.items)
    return out
  end

  it("sets a square frame's long items with burnt captions at 44 or more, splitting when it must", function()
    -- three items of two to four lines: tighter cards where that buys a
    -- size; past that, the list is split (a phone shows the frame small)
    for _, per in ipairs({ 6, 9, 14 }) do
      local m = load_md(list_doc(3, per), { detail = "full" })
      fit.videos(m.videos, { width = 1080, height = 1080, captions = true })
      local shown = 0
      for _, s in ipairs(of_type(m, "list")) do
        local sizes = item_sizes(s, 1080, 1080, true)
        shown = shown + #sizes
        for _, sz in ipairs(sizes) do
          assert.is_true(sz >= 44, string.format("%d extra words: %s at %.1f", per, s.id, sz))
        end
      end
      assert.are.equal(3, shown)
    end
    -- the three long items of the gallery's test document fit one slide
    local m = load_md("# T\n\n## Three long items\n\n"
      .. "- The build downloads every dependency into a local cache on its first run and reuses it\n"
      .. "- Each release is signed with the project's key so that mirrors cannot change what users install\n"
      .. "- Configuration files are read from the user's home directory before the system-wide defaults apply\n")
    fit.videos(m.videos, { width = 1080, height = 1080, captions = true })
    local lists = of_type(m, "list")
    assert.are.equal(1, #lists)
    for _, sz in ipairs(item_sizes(lists[1], 1080, 1080, true)) do assert.is_true(sz >= 46, tostring(sz)) end
  end)

  it("never ends a part on a parent without its first child, and shows the parent again over its children", function()
    -- two groups too long for one slide each; three short items before a
    -- parent with eight children (a part may well end on that parent)
    local layers = {}
    for g = 1, 2 do
      layers[#layers + 1] = { title = "Layer " .. W[g], description = "What the " .. W[g] .. " layer does for the packets", level = 0 }
      for k = 1, 6 do
        layers[#layers + 1] = { title = string.format("The %s layer handles %s", W[g], W[g + k]), level = 1 }
      end
    end
    local ranges = { { title = "Dotted decimal notation: 192.168.1.1", level = 0 },
      { title = "Each octet: 0-255 (8 bits)", level = 0 }, { title = "Total addresses: 4,294,967,296 (2^32)", level = 0 },
      { title = "Special ranges:", level = 0 } }
    for _, r in ipairs({ "10.0.0.0/8: Private addresses (16 million addresses)",
        "172.16.0.0/12: Private addresses (1 million addresses)", "192.168.0.0/16: Private addresses (65,536 addresses)",
        "127.0.0.0/8: Loopback (localhost)", "224.0.0.0/4: Multicast", "169.254.0.0/16: Link-local (self-assigned)",
        "100.64.0.0/10: Shared address space (carrier-grade NAT)", "198.18.0.0/15: Benchmark testing" }) do
      ranges[#ranges + 1] = { title = r, level = 1 }
    end
    local def = render.get_type("list")
    local cases = {
      { items = layers, header = "Protocol layers", frames = { { 1080, 1080 }, { 1920, 1080 } } },
      { items = ranges, header = "IPv4 - The Original Internet Protocol", frames = { { 1080, 1080 }, { 1080, 1920 } } },
    }
    local inside = 0
    for _, case in ipairs(cases) do
      local items = case.items
      -- a top-level item's number
      local number, n = {}, 0
      for _, it in ipairs(items) do if it.level == 0 then n = n + 1; number[it.title] = n end end
      local scene = { id = "tree", scene_type = "list", visual_content = { header = case.header,
        description = "Network layer", items = items } }
      for _, wh in ipairs(case.frames) do
        local parts = fit.scene(scene, { width = wh[1], height = wh[2], captions = true })
        assert.is_true(#parts > 1, "not split at " .. wh[1] .. "x" .. wh[2])
        local seen = 0
        for _, p in ipairs(parts) do
          local its = p.visual_content.items
          local first = its[1]
          if first.context then
            -- a part that opens with a child shows its parent first, as
            -- context: its title alone, its own number, not revealed again
            inside = inside + 1
            assert.are.equal(0, first.level)
            assert.is_nil(first.description)
            assert.are.equal(1, its[2].level)
            assert.are.equal(number[first.title], tonumber(p.visual_content.start), p.id)
            assert.are.equal(#its - 1, #def.steps(p))
            assert_readable(p, wh[1], wh[2], true)
          else
            assert.are.equal(0, first.level, p.id .. " opens with a child and no parent")
          end
          for _, it in ipairs(its) do if not it.context then seen = seen + 1 end end
          -- the last item of a part is never a parent whose child comes next
          local nxt = items[seen + 1]
          assert.is_false(its[#its].level == 0 and nxt ~= nil and nxt.level == 1,
            string.format("%s at %dx%d ends on the parent %q", p.id, wh[1], wh[2], its[#its].title))
        end
        assert.are.equal(#items, seen)
      end
    end
    assert.is_true(inside > 0, "no part opened inside a group")
  end)

  it("cuts a list the reader paged 4 + 1 again as evenly as its items allow, when every page is readable", function()
    -- a look-alike of setuptools' "python 2 sunset.rst" ("It's still not
    -- working"): five numbered points, the third long; the Markdown reader
    -- pages it by the words it says and joins pages again, leaving 4 + 1
    local l = { "# Python 2 Sunset", "", "## It's still not working", "",
      "If after trying the above steps, the environment still has incompatible versions installed, here are some things to try.", "",
      "1. Uninstall and reinstall the package. Run the uninstall command for the relevant environment. Repeat until there is no copy installed. Then install it again.",
      "2. If possible, attempt to replicate the problem in a second environment (virtual machine, friend's computer, etc). If the issue is isolated to just one unique environment, first determine what is different about those environments (or reinstall/reset the failing one to defaults).",
      "3. End users who are not themselves the maintainers for the package they are trying to install should contact the support channels for the relevant application. Please be considerate of those projects by searching for existing issues and following the latest guidance before reaching out for support. When filing an issue, be sure to give as much detail as possible to help the maintainers understand what factors led to the issue after following their recommended guidance.",
      "4. Reach out to your local support groups. There's a good chance someone nearby has the expertise and willingness to help.",
      "5. If all else fails, file this template with the project. Please complete the whole template, providing as much detail about what factors led to the issue. The maintainers will summarily close tickets filed without any meaningful detail or engagement with the issue.",
      "" }
    local doc = table.concat(l, "\n")
    local function pages(m)
      local n, said, ids = {}, {}, {}
      for _, s in ipairs(of_type(m, "list")) do
        n[#n + 1] = #s.visual_content.items
        said[#said + 1] = s.narration
        ids[#ids + 1] = s.id
      end
      return n, words(table.concat(said, " ")), ids
    end
    -- the reader's pages of the list cut again as `counts` (it pages lists
    -- evenly itself now; uneven pages still come from other loaders)
    local function page_as(m, counts)
      local list, all = of_type(m, "list"), {}
      for _, s in ipairs(list) do for _, it in ipairs(s.visual_content.items) do all[#all + 1] = it end end
      assert.are.equal(#counts, #list)
      local at = 1
      for k, s in ipairs(list) do
        local items = {}
        for i = at, at + counts[k] - 1 do items[#items + 1] = all[i] end
        s.visual_content.items = items
        if k > 1 then s.visual_content.start = at end
        at = at + counts[k]
      end
    end
    for _, frame in ipairs { { 1080, 1080 }, { 1920, 1080 }, { 1080, 1080, true } } do
      local m = load_md(doc)
      page_as(m, { 4, 1 })
      local before, said_before, ids_before = pages(m)
      -- (the pages this test is about)
      assert.are.same({ 4, 1 }, before)
      fit.videos(m.videos, { width = frame[1], height = frame[2], captions = frame[3] })
      local after, said_after, ids_after = pages(m)
      assert.are.same({ 3, 2 }, after, string.format("%dx%d%s", frame[1], frame[2], frame[3] and " burn" or ""))
      -- the same sentences, the pages' own ids, numbering on, all readable
      assert.are.equal(said_before, said_after)
      assert.are.same(ids_before, ids_after)
      local list = of_type(m, "list")
      assert.are.equal(4, list[2].visual_content.start)
      for _, s in ipairs(list) do assert_readable(s, frame[1], frame[2], frame[3]) end
    end
    -- short items paged 9 + 3 are 6 + 6; pages as even as their items
    -- allow (6 + 6, 6 + 6 + 4) stay as the reader cut them
    for _, c in ipairs { { 12, 4, { 9, 3 }, { 6, 6 } }, { 12, 10, { 6, 6 }, { 6, 6 } }, { 16, 10, { 6, 6, 4 }, { 6, 6, 4 } } } do
      local m = load_md(list_doc(c[1], c[2]))
      page_as(m, c[3])
      assert.are.same(c[3], (pages(m)))
      fit.videos(m.videos, { width = 1920, height = 1080 })
      assert.are.same(c[4], (pages(m)))
    end
  end)

  -- "And 7 more codes." counts the rows the narration did not say: it
  -- plays over the part that shows the first of them (a square frame's
  -- table said five of eight rows over parts of 3, 3 and 2 rows and said
  -- "And 3 more codes." over the last part, a part after the one that
  -- showed those rows begin)
  it("says a table's rows not said over the part that shows the first of them", function()
    local names = { "ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL", "INDIA",
      "JULIET", "KILO", "LIMA" }
    for _, said in ipairs({ 2, 4, 5 }) do
      for _, nrows in ipairs({ 8, 12 }) do
        local rows, narr = {}, { "The table shows Code and Meaning." }
        for i = 1, nrows do rows[i] = { names[i], "The " .. names[i]:lower() .. " state of a process in the table" } end
        for i = 1, said do narr[#narr + 1] = names[i] .. ": the " .. names[i]:lower() .. " state." end
        local more = "And " .. (nrows - said) .. " more codes."
        narr[#narr + 1] = more
        local sc = { id = "t", scene_type = "table", narration = table.concat(narr, " "),
          visual_content = { header = "Process state codes", columns = { "Code", "Meaning" }, rows = rows } }
        for _, wh in ipairs({ { 1080, 1080 }, { 1080, 1920 }, { 1920, 1080 } }) do
          local parts = fit.scene(sc, { width = wh[1], height = wh[2] })
          local row = 0
          for k, p in ipairs(parts) do
            local first = row + 1
            row = row + #p.visual_content.rows
            local holds = first <= said + 1 and said + 1 <= row
            local says = (p.narration or ""):find(more, 1, true) ~= nil
            assert.are.equal(holds, says, string.format("%d of %d rows said, %dx%d, part %d (rows %d-%d): %s",
              said, nrows, wh[1], wh[2], k, first, row, tostring(p.narration)))
          end
        end
      end
    end
  end)

  it("is deterministic", function()
    local function plan()
      local m = load_md(list_doc(8, 22), { detail = "full" })
      fit.videos(m.videos, { width = 1080, height = 1080 })
      local out = {}
      for _, s in ipairs(m.videos[1].scenes) do
        out[#out + 1] = { s.id, s.narration or "", #(s.visual_content.items or {}) }
      end
      return out
    end
    assert.are.same(plan(), plan())
  end)
end)
