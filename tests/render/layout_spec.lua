-- Layouts use the frame (issue 13): tables show every column, code wraps
-- between tokens, nested lists keep their tree, sparse slides are balanced,
-- burnt-in captions get a band, code stays long enough to read. Run by vgrun.
local render = require("vg.render")
local core = require("vg.render_core")

local SIZES = { { 1920, 1080 }, { 1080, 1920 }, { 1080, 1080 } }

local display = require("display_leaves")
local leaves, texts = display.leaves, display.texts

-- a scene's text item with that id, settled, in a frame of wh (no captions)
local function by_id(sc, wh, id)
  local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
  for _, l in ipairs(texts(dl)) do if l.it.id == id then return l.it end end
end

local function statuses(warnings)
  local s = {}
  for _, w in ipairs(warnings or {}) do s[#s + 1] = tostring(w.id) .. ":" .. tostring(w.status) end
  return table.concat(s, " ")
end

local function table_scene(nrows, given)
  local rows = given or {}
  for i = #rows + 1, nrows do
    rows[i] = { "Row " .. i, "x86_64", "Tier " .. (i % 3 + 1), "Built and tested on commit " .. i }
  end
  return { id = "t", scene_type = "table", visual_content = { header = "Platforms",
    columns = { "Platform", "Architecture", "Status", "Notes" }, rows = rows } }
end

describe("drawings in code", function()
  it("keeps a drawing of double or heavy lines on its lines in a tall frame (never wrapped)", function()
    for _, art in ipairs({
      { "╔══════════════╦══════════════╗", "║ scenes       ║ frames       ║", "╚══════════════╩══════════════╝" },
      { "┏━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓", "┃ input        ┃ output       ┃", "┗━━━━━━━━━━━━━━┻━━━━━━━━━━━━━━┛" },
    }) do
      local sc = { id = "d", scene_type = "command", visual_content = { header = "Boxes",
        commands = { art[1], art[2], art[3], art[1], art[2], art[3] } } }
      local dl = render.display_list(sc, { width = 1080, height = 1920, t = "end" })
      local code
      for _, l in ipairs(texts(dl)) do if l.it.type == "code" then code = l.it end end
      assert.is_truthy(code)
      assert.is_true(code.keep_lines == true, "a drawing of " .. art[2] .. " is not kept on its lines")
      assert.are.equal(6, core.measure(code).lines)
    end
  end)
end)

describe("glossaries", function()
  local terms = {
    { "ABI", "Application Binary Interface - Defines the interface between two binary program modules." },
    { "AFAICT", "As Far As I Can Tell." }, { "AFAIK", "As Far As I Know." },
    { "API", "Application Programming Interface - A set of rules and protocols that allows different software applications to communicate with each other." },
    { "ASAP", "As Soon As Possible." }, { "BE", "Big Endian - A Byte Order where the largest bit comes first." },
    { "CI", "Continuous Integration - Development practice where code changes are frequently merged." },
    { "CLI", "Command Line Interface - A way to interact with a computer program using text commands." },
    { "Code cache", "Chunk of bytes storing compiled JS code and its metadata." },
    { "IIRC", "If I Recall Correctly." }, { "IMHO", "In My Humble/Honest Opinion." }, { "IMO", "In My Opinion." } }
  local function glossary(n)
    local items = {}
    for i = 1, n do items[i] = { title = terms[i][1], description = terms[i][2] } end
    return { id = "g", scene_type = "list", narration = "Glossary.", visual_content = { header = "Glossary", items = items } }
  end

  local function markup_of(p, id, wh)
    local dl = render.display_list(p, { width = wh[1], height = wh[2], t = "end", captions = true })
    for _, l in ipairs(texts(dl)) do
      if l.it.id == id then return type(l.it.markup) == "string" and l.it.markup or l.it.text, dl end
    end
  end

  it("starts a definition on its term's line where that sets the type larger", function()
    -- (in a square frame a term over a short definition took two lines)
    local runs = 0
    for _, wh in ipairs(SIZES) do
      local mk, dl = markup_of(glossary(6), "items[3]", wh)
      if not mk:find("</b>\n", 1, true) then runs = runs + 1 end
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
    assert.is_true(runs >= 1)
    -- with room (four terms in a tall frame) each term stands over its definition
    local dhcp = { scene_type = "list", visual_content = { header = "DHCP", items = {
      { title = "Discover", description = "Client broadcasts request for DHCP server" },
      { title = "Offer", description = "Server offers IP address and settings" },
      { title = "Request", description = "Client requests offered configuration" },
      { title = "Acknowledge", description = "Server confirms assignment" } } } }
    assert.is_truthy(markup_of(dhcp, "items[1]", { 1080, 1920 }):find("</b>\n", 1, true))
    -- a list of headed points (a phrase, not a term) keeps its title above
    local sc = { scene_type = "list", visual_content = { header = "Steps", items = {
      { title = "Install the build tools", description = "Run the installer." },
      { title = "Build it from source", description = "Run make." } } } }
    assert.is_truthy(markup_of(sc, "items[1]", { 1080, 1080 }):find("</b>\n", 1, true))
  end)

  it("sets every slide of a glossary split over slides in one form", function()
    -- (a part of two terms had stood each term over its definition beside
    -- parts that ran in)
    local fit = require("vg.create.fit")
    for _, wh in ipairs(SIZES) do
      local parts = fit.scene(glossary(12), { width = wh[1], height = wh[2], captions = true })
      for _, p in ipairs(parts) do
        local mk = markup_of(p, "items[1]", wh)
        assert.is_falsy(mk:find("</b>\n", 1, true), wh[1] .. "x" .. wh[2] .. ": " .. mk)
      end
    end
    -- a reader's continuation (start: the numbering goes on) of two terms
    local cont = glossary(2)
    cont.visual_content.start, cont.visual_content.description = 11, "continued"
    for _, wh in ipairs(SIZES) do
      assert.is_falsy(markup_of(cont, "items[1]", wh):find("</b>\n", 1, true))
    end
  end)

  it("sets the parts of one split list in one form, judged on the whole list", function()
    -- (FastAPI's features at 1080x1080: the part with "Fast to code" stood
    -- each title over its text, the parts of one-word titles ran in)
    local fit = require("vg.create.fit")
    local feats = {
      { "Fast", "Very high performance, on par with NodeJS and Go" },
      { "Fast to code", "Increase the speed to develop features by about 200% to 300%." },
      { "Fewer bugs", "Reduce about 40% of human (developer) induced errors." },
      { "Intuitive", "Great editor support. Completion everywhere. Less time debugging." },
      { "Easy", "Designed to be easy to use and learn. Less time reading docs." },
      { "Short", "Minimize code duplication. Multiple features from each parameter declaration. Fewer bugs." },
      { "Robust", "Get production-ready code. With automatic interactive documentation." },
      { "Standards-based", "Based on the open standards for APIs: OpenAPI and JSON Schema" } }
    local items = {}
    for i, f in ipairs(feats) do items[i] = { title = f[1], description = f[2] } end
    local sc = { id = "f", scene_type = "list", narration = "The key features are these.",
      visual_content = { header = "FastAPI", items = items } }
    local split = 0
    for _, wh in ipairs(SIZES) do
      local parts = fit.scene(sc, { width = wh[1], height = wh[2] })
      local forms = {}
      for _, p in ipairs(parts) do
        local mk = markup_of(p, "items[1]", wh)
        forms[#forms + 1] = mk:find("</b>\n", 1, true) and "stacked" or "run-in"
      end
      if #parts > 1 then split = split + 1 end
      for k = 2, #forms do
        assert.are.equal(forms[1], forms[k], wh[1] .. "x" .. wh[2] .. ": " .. table.concat(forms, " "))
      end
    end
    assert.is_true(split >= 1)
  end)

  it("packs a glossary of short terms several to a slide in a square frame", function()
    local fit = require("vg.create.fit")
    local parts = fit.scene(glossary(12), { width = 1080, height = 1080, captions = true })
    -- (twelve terms were seven slides of one or two)
    assert.is_true(#parts <= 4, #parts .. " parts")
    for _, p in ipairs(parts) do
      assert.is_true(#p.visual_content.items >= 2)
      local dl = render.display_list(p, { width = 1080, height = 1080, t = "end", captions = true })
      for _, l in ipairs(texts(dl)) do
        if l.it.id == "items[1]" then assert.is_true(core.measure(l.it).final_size >= 44) end
      end
    end
  end)
end)

describe("a split that is not readable everywhere", function()
  it("still splits off an item too long for the floor rather than shrink it beside a larger one", function()
    local fit = require("vg.create.fit")
    local items = {
      { title = "Optional but strongly recommended", description = "open a discussion in the nodejs/collaborators repository. Provide a summary of the nominee's contributions (see below for an example)." },
      { title = "Optional but strongly recommended", description = "After sufficient wait time (e.g. 72 hours), if the nomination proposal has received some support and no explicit block, and any questions/concerns have been addressed, add a comment in the private discussion stating you're planning on opening a public issue, e.g. \"I see a number of approvals and no block, I'll be opening a public nomination issue if I don't hear any objections in the next 72 hours\"." } }
    local sc = { id = "s", scene_type = "list", narration = "Open a discussion. Then wait.", visual_content = {
      header = "Nominating a new Collaborator", description = "Collaborator nominations", items = items } }
    -- (whole, the second was shrunk from 48 to 28.6)
    local parts = fit.scene(sc, { width = 1080, height = 1080, captions = true })
    assert.are.equal(2, #parts)
    for _, p in ipairs(parts) do
      local dl = render.display_list(p, { width = 1080, height = 1080, t = "end", captions = true })
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
  end)
end)

describe("list badges", function()
  local function labels(dl)
    local out = {}
    for _, l in ipairs(texts(dl)) do
      if type(l.it.text) == "string" and l.it.text:match("^%d+$") then out[#out + 1] = l.it.text end
    end
    return table.concat(out, ",")
  end

  it("puts a badge beside its text's first line when the text runs to three lines or more", function()
    -- a manual page's options: a name over a paragraph (dpkg-split(1) in
    -- Japanese had its "4" halfway down a card of twenty lines)
    local desc = "Automatically queue parts and reassemble a package if possible. The part given is "
      .. "examined and compared with other parts of the same package in the queue; when all the parts "
      .. "are there the package is reassembled and written out, else the part is copied into the queue."
    for _, wh in ipairs(SIZES) do
      local sc = { scene_type = "list", visual_content = { header = "Commands", items = {
        { title = "-a, --auto -o complete-output part", description = desc },
        { title = "--version", description = "Show the version." } } } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      local circles, text = {}, {}
      for _, l in ipairs(leaves(dl.items)) do
        if l.it.type == "circle" and (l.it.r or 0) <= 40 then circles[#circles + 1] = l end
        if l.it.id then text[l.it.id] = l end
      end
      assert.are.equal(2, #circles)
      local where = wh[1] .. "x" .. wh[2]
      local long, short = text["items[1]"], text["items[2]"]
      local m = core.measure(long.it)
      assert.is_true(m.lines >= 3, where .. ": " .. m.lines .. " lines")
      local top = long.y + math.max(0, (long.h - m.height) / 2)
      local first = core.measure({ type = "text", text = "Hg", w = long.w, h = 1000, size = m.final_size,
        min_size = m.final_size, font = long.it.font, line_height = long.it.line_height }).height
      local cy = circles[1].it.cy + (circles[1].y - (circles[1].it.y or 0))
      assert.is_true(math.abs(cy - (top + first / 2)) <= first / 4,
        string.format("%s: badge at %.0f, first line %.0f..%.0f", where, cy, top, top + first))
      -- (two lines beside it: that badge beside its first line too, one rule
      -- a slide; it had stayed in its card's middle, "5" beside a first line
      -- over a "6" halfway down two in ripgrep's README in a tall frame)
      local cy2 = circles[2].it.cy + (circles[2].y - (circles[2].it.y or 0))
      local m2 = core.measure(short.it)
      local top2 = short.y + math.max(0, (short.h - m2.height) / 2)
      assert.is_true(m2.lines == 2 and math.abs(cy2 - (top2 + first / 2)) <= first / 4,
        string.format("%s: short card's badge at %.0f, its first line %.0f..%.0f", where, cy2, top2, top2 + first))
    end
  end)

  it("keeps every badge in its card's middle where no card's text runs to three lines", function()
    for _, wh in ipairs(SIZES) do
      local sc = { scene_type = "list", visual_content = { header = "Why", items = {
        "It searches compressed files", "It supports replacements", "Fast" } } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      local circles, text = {}, {}
      for _, l in ipairs(leaves(dl.items)) do
        if l.it.type == "circle" and (l.it.r or 0) <= 40 then circles[#circles + 1] = l end
        if l.it.id then text[l.it.id] = l end
      end
      assert.are.equal(3, #circles)
      for i = 1, 3 do
        local t = text["items[" .. i .. "]"]
        assert.is_true(core.measure(t.it).lines < 3)
        local cy = circles[i].it.cy + (circles[i].y - (circles[i].it.y or 0))
        assert.is_true(math.abs(cy - (t.y + t.h / 2)) < 1, wh[1] .. "x" .. wh[2] .. ": badge " .. i .. " off centre")
      end
    end
  end)

  it("shows a list of one point as a statement, without a numbered badge", function()
    for _, wh in ipairs(SIZES) do
      local sc = { scene_type = "list", visual_content = { header = "Install",
        items = { "Run make install as root to put the binary in /usr/local/bin" } } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      assert.are.equal("", labels(dl), "a badge at " .. wh[1] .. "x" .. wh[2])
      local circles = 0
      for _, l in ipairs(leaves(dl.items)) do if l.it.type == "circle" and (l.it.r or 0) <= 40 then circles = circles + 1 end end
      assert.are.equal(0, circles)
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
  end)

  it("sizes a statement's card and type to its text (a short one was a wide card of small text)", function()
    local function card_and_text(sc, wh)
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      local card, text
      for _, l in ipairs(leaves(dl.items)) do
        if l.it.type == "rect" and l.it.radius == 16 then card = l.it end
        if l.it.id == "items[1]" then text = l.it end
      end
      return card, text, dl
    end
    for _, wh in ipairs(SIZES) do
      local short = { scene_type = "list", visual_content = { header = "Support", items = { "Ask on the forum." } } }
      local card, text, dl = card_and_text(short, wh)
      assert.are.equal(72, text.size, "at " .. wh[1] .. "x" .. wh[2])
      local m = core.measure(text)
      assert.are.equal(1, m.lines)
      -- the card ends near its text, far inside the content box (900+ wide)
      assert.is_true(card.w <= m.width + 120, "card " .. card.w .. " for text " .. m.width)
      assert.is_true(card.w < 800)
      assert.are.equal("", statuses(assert(core.check(dl))))
      -- a long statement keeps its lines: the card as wide as the box, the type not grown past them
      local long = { scene_type = "list", visual_content = { header = "Install", items = {
        "Run make install as root to put the binary in /usr/local/bin, then add it to the path of every user who needs it" } } }
      local lcard, ltext, ldl = card_and_text(long, wh)
      assert.is_true(lcard.w > 850, "long card " .. lcard.w)
      assert.is_true(ltext.size <= 72)
      assert.are.equal("", statuses(assert(core.check(ldl))))
    end
  end)

  -- a heading of two lines in a tall frame is set at the size of a heading
  -- of one (its band of 150 had set it at 55, under the 66 of the point it heads)
  it("sets a two-line heading in a tall frame at the full size", function()
    local sc = { scene_type = "list", visual_content = { header = "Contributing to librsvg's development",
      items = { "There is a code of conduct for contributors to librsvg" } } }
    local dl = render.display_list(sc, { width = 1080, height = 1920, t = "end" })
    local header
    for _, l in ipairs(leaves(dl.items)) do if l.it.id == "header" then header = l.it end end
    local m = core.measure(header)
    assert.are.equal(2, m.lines)
    assert.are.equal(66, m.final_size)
    assert.are.equal("", statuses(assert(core.check(dl))))
  end)

  -- a heading of three or four lines at full size in a tall frame was
  -- squeezed into two at 44, under the 52 of the code it heads
  it("gives a long heading in a tall frame a third line rather than shrinking it into two", function()
    local sc = { scene_type = "command", visual_content = {
      header = "Example: Extracting the version from a package.json file with a mounted volume",
      commands = { "docker run --rm -i ghcr.io/jqlang/jq:latest < package.json '.version'" } } }
    local dl = render.display_list(sc, { width = 1080, height = 1920, captions = true, t = "end" })
    local header
    for _, l in ipairs(leaves(dl.items)) do if l.it.id == "header" then header = l.it end end
    local m = core.measure(header)
    assert.are.equal(3, m.lines)
    assert.is_true(m.final_size >= 56, "heading at " .. m.final_size)
    assert.are.equal("", statuses(assert(core.check(dl))))
    -- a wide frame keeps its two lines
    dl = render.display_list(sc, { width = 1920, height = 1080, captions = true, t = "end" })
    for _, l in ipairs(leaves(dl.items)) do if l.it.id == "header" then header = l.it end end
    assert.is_true(core.measure(header).lines <= 2)
  end)

  -- a tall frame's agenda of four topics was a band across the middle 40 %
  -- of a phone's screen: its cards and gaps take the height
  it("spreads a few points over a tall frame's height", function()
    for _, items in ipairs({ { "Installation", "Configuration", "Usage", "Troubleshooting" },
        { { title = "Installation", description = "Install the package with your system package manager." },
          { title = "Configuration", description = "The configuration lives in one file." } },
        { "A sunny spot with six hours of light", "Good soil rich in compost", "Water every morning in summer",
          "Seeds or young plants from a nursery", "Patience while they grow" } }) do
      local sc = { scene_type = "list", visual_content = { header = "Contents", items = items } }
      local dl = render.display_list(sc, { width = 1080, height = 1920, t = "end" })
      local top, bottom = math.huge, -math.huge
      for _, l in ipairs(leaves(dl.items)) do
        if (l.it.type == "rect" and l.it.radius == 16) or (l.it.type == "text" and l.it.id == "header") then
          top, bottom = math.min(top, l.y), math.max(bottom, l.y + l.h)
        end
      end
      assert.is_true((bottom - top) / 1920 >= 0.5, "content spans " .. (bottom - top) .. " of 1920: " .. #items .. " items")
      -- (still balanced: as much room above as below)
      assert.is_true(math.abs(top - (1920 - bottom)) < 40, "top " .. top .. " bottom " .. bottom)
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
  end)

  it("gives points of a line each cards of one width, the longest text's, not the box's (a tall frame, and a square one that sets them larger: the box's)", function()
    local function cards(items, wh)
      local sc = { scene_type = "list", visual_content = { header = "Operating systems", items = items } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      local out = {}
      for _, l in ipairs(leaves(dl.items)) do
        if l.it.type == "rect" and l.it.radius == 16 then out[#out + 1] = l.it.w end
      end
      return out, dl
    end
    for _, wh in ipairs(SIZES) do
      local ws, dl = cards({ "Linux", "macOS", "Windows" }, wh)
      assert.are.equal(3, #ws)
      assert.are.equal(ws[1], ws[2])
      assert.are.equal(ws[1], ws[3])
      -- (a tall frame: a column of narrow cards flush left left its right
      -- half empty; its cards keep the box's width, three words at a
      -- statement's size, the frame's height theirs)
      local tall = wh[2] > wh[1]
      if tall then
        assert.is_true(ws[1] > 850, "cards " .. ws[1] .. " wide at " .. wh[1] .. "x" .. wh[2])
        for _, l in ipairs(texts(dl)) do
          if tostring(l.it.id):match("^items%[") then assert.is_true(core.measure(l.it).final_size >= 66, "items at " .. core.measure(l.it).final_size) end
        end
      elseif wh[1] == wh[2] then
        -- (a square frame sets them past the usual cap, and so keeps the
        -- box's width as a tall one does)
        assert.is_true(ws[1] > 850, "cards " .. ws[1] .. " wide at " .. wh[1] .. "x" .. wh[2])
      else
        assert.is_true(ws[1] < 600, "cards " .. ws[1] .. " wide at " .. wh[1] .. "x" .. wh[2])
      end
      assert.are.equal("", statuses(assert(core.check(dl))))
      -- (seven: a wide frame sets them in two columns, cards of half its
      -- width, frame_use_spec.lua)
      local seven = cards({ "Port 53", "Port 853", "Port 5353", "UDP", "TCP", "TLS", "HTTPS" }, wh)
      local wide = wh[1] > wh[2] * 1.2
      for _, w in ipairs(seven) do
        assert.is_true(w == seven[1] and (tall and w > 850 or wide and w < 820 or not tall and not wide and w < 600),
          "seven: " .. w)
      end
      -- a point that wraps keeps the box's width for all
      local long = cards({ "Linux", "macOS, with the command line tools installed from the developer site of the vendor" }, wh)
      assert.is_true(long[1] > 850 and long[1] == long[2], "long " .. long[1])
    end
  end)

  it("does not number points that are numbers themselves", function()
    local sc = { scene_type = "list", visual_content = { header = "Exit status", items = {
      { title = "0", description = "if OK," }, { title = "1", description = "if minor problems," },
      { title = "2", description = "if serious trouble." } } } }
    for _, wh in ipairs(SIZES) do
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      assert.are.equal("", labels(dl), "badges at " .. wh[1] .. "x" .. wh[2])
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
    -- a list of words keeps its numbers
    local words = { scene_type = "list", visual_content = { header = "Steps", items = { "Build", "2 tests", "Ship" } } }
    assert.are.equal("1,2,3", labels(render.display_list(words, { t = "end" })))
  end)

  it("says what a summary left out under the list, not as a numbered point", function()
    for _, wh in ipairs(SIZES) do
      local sc = { id = "o", scene_type = "list", visual_content = { header = "Options", items = {
        { title = "-a, --all", description = "do not ignore entries starting with ." },
        { title = "-A, --almost-all", description = "do not list implied . and .." },
        { title = "--author", description = "with -l, print the author of each file" },
        "52 more options" } } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      assert.are.equal("1,2,3", labels(dl), "badges at " .. wh[1] .. "x" .. wh[2])
      local note, last_card
      for _, l in ipairs(texts(dl)) do
        if l.it.text == "+ 52 more options" then note = l end
        if l.it.id == "items[3]" then last_card = l end
      end
      assert.is_truthy(note, "the note at " .. wh[1] .. "x" .. wh[2])
      assert.is_true(note.y >= last_card.y + last_card.h, "the note is under the last point")
      assert.are.equal("", statuses(assert(core.check(dl))))
      -- a split never leaves the note alone on a slide, and it does not keep a
      -- list from being split (the note is not a point of it)
      local parts = require("vg.create.fit").scene(sc, { width = wh[1], height = wh[2], captions = true })
      local tail = parts[#parts].visual_content.items
      assert.is_true(#tail >= 2)
    end
    -- a list too long for a tall frame is split as it would be without the note
    local long = {}
    for i = 1, 8 do
      long[i] = { title = "--option-" .. i, description = "Does something long enough to take two lines on a phone, " ..
        "and a bit more so that it wraps." }
    end
    local with = { table.unpack(long) }
    with[#with + 1] = "4 more options"
    local fit = require("vg.create.fit")
    local o = { width = 1080, height = 1920, captions = true }
    local a = fit.scene({ id = "a", scene_type = "list", visual_content = { header = "Options", items = long } }, o)
    local b = fit.scene({ id = "b", scene_type = "list", visual_content = { header = "Options", items = with } }, o)
    assert.is_true(#a > 1)
    assert.are.equal(#a, #b)
    -- in the slide's language
    local de = { scene_type = "list", language = "de", visual_content = { header = "Optionen",
      items = { "-a", "-b", "12 weitere Optionen" } } }
    local dl = render.display_list(de, { t = "end", lang = "de" })
    local found = false
    for _, l in ipairs(texts(dl)) do if l.it.text == "+ 12 weitere Optionen" then found = true end end
    assert.is_true(found)
  end)
end)

describe("quote marks", function()
  local function parts(dl)
    local mark, quote, bar
    for _, l in ipairs(leaves(dl.items)) do
      if l.it.type == "text" and (l.it.text == "\u{201C}" or l.it.text == "\u{201D}") then mark = l end
      if l.it.id == "quote_text" then quote = l end
      if l.it.type == "rect" and l.it.w == 8 then bar = l end
    end
    return mark, quote, bar
  end

  it("a card as tall as the quote needs at its full size where the frame has the room, never over the mark", function()
    -- (23 words in a square frame with burnt captions were shrunk to 44 in a card of 640)
    local q = "The licenses for most software and other practical works are designed to take away your freedom "
      .. "to share and change the works."
    for _, wh in ipairs(SIZES) do
      local sc = { id = "q", scene_type = "quote", visual_content = { quote_text = q, attribution = "FSF" } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end", captions = "burn" })
      local mark, quote = parts(dl)
      local m = core.measure(quote.it)
      assert.is_true(m.final_size >= 50, ("quote at %.1f at %dx%d"):format(m.final_size, wh[1], wh[2]))
      assert.is_true(quote.y >= mark.y + 100, "the quote starts under its mark")
      assert.is_true(quote.y + quote.h <= wh[2], "the quote runs off the frame")
    end
  end)

  it("stand at the right of a right-to-left quote, and the text is upright where its script has no italics", function()
    for _, q in ipairs({
      { lang = "fa", text = "دانش بهتر از ثروت است، زیرا دانش از تو نگهداری می‌کند.", rtl = true, upright = true },
      { lang = "en", text = "אם אין אני לי, מי לי? וכשאני לעצמי, מה אני?", rtl = true, upright = true },
      { lang = "zh", text = "学而时习之，不亦说乎？有朋自远方来，不亦乐乎？", rtl = false, upright = true },
      { lang = "hi", text = "कर्मण्येवाधिकारस्ते मा फलेषु कदाचन।", rtl = false, upright = true },
      { lang = "en", text = "Simplicity is prerequisite for reliability.", rtl = false, upright = false },
    }) do
      for _, wh in ipairs(SIZES) do
        local sc = { scene_type = "quote", language = q.lang, visual_content = { quote_text = q.text, attribution = "A" } }
        local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
        local mark, quote, bar = parts(dl)
        local mid = quote.x + quote.w / 2
        assert.are.equal(q.rtl, mark.x > mid, q.text .. ": the mark's side at " .. wh[1] .. "x" .. wh[2])
        assert.are.equal(q.rtl, bar.x > mid, q.text .. ": the bar's side")
        assert.are.equal(not q.upright, quote.it.italic == true, q.text .. ": italic")
        assert.are.equal("", statuses(assert(core.check(dl))))
      end
    end
  end)
end)

describe("outro", function()
  it("keeps a message without spaces on one line rather than break it inside a word", function()
    for _, wh in ipairs(SIZES) do
      local sc = { scene_type = "outro", language = "ja", visual_content = { main_text = "ご視聴ありがとうございました",
        sub_text = "The Art of Command Line" } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      local main
      for _, l in ipairs(texts(dl)) do if l.it.id == "main_text" then main = l.it end end
      local m = core.measure(main)
      assert.are.equal(1, m.lines, "two lines at " .. wh[1] .. "x" .. wh[2])
      assert.is_false(m.shrunk or m.cut or false)
      assert.is_true(main.size >= 52)
    end
    -- words between spaces keep the size
    local en = render.display_list({ scene_type = "outro", visual_content = { main_text = "Thanks for watching and see you next time" } },
      { width = 1080, height = 1080, t = "end" })
    for _, l in ipairs(texts(en)) do if l.it.id == "main_text" then assert.are.equal(80, l.it.size) end end
  end)
end)

describe("code comparison", function()
  it("stacked in a tall frame, each card is as tall as its own code", function()
    local sc = { scene_type = "code_comparison", visual_content = { header = "Refactor",
      before_code = { "result = []", "for x in data:", "  if x > 0:", "    result.append(x)" },
      after_code = { "result = [x for x in data if x > 0]" }, language = "python" } }
    local dl = render.display_list(sc, { width = 1080, height = 1920, t = "end" })
    local b, a
    for _, l in ipairs(texts(dl)) do
      if l.it.id == "before_code" then b = l end
      if l.it.id == "after_code" then a = l end
    end
    assert.is_true(a.y > b.y + b.h, "stacked")
    assert.is_true(a.h < b.h * 0.6, "the one-line card is shorter: " .. a.h .. " vs " .. b.h)
    assert.are.equal("", statuses(assert(core.check(dl))))
  end)
end)

describe("right-to-left slides", function()
  it("keep a first line with no right-to-left letter in its own order, set at the right", function()
    -- (an option's name over its Arabic description: "-a, --all" showed as "a, --all-")
    local function pic(text, lang, align)
      local dl = { background = { 255, 255, 255 }, items = { { type = "text", x = 10, y = 10, w = 380, h = 80,
        text = text, size = 40, min_size = 40, font = "Noto Sans", lang = lang, align = align, color = { 0, 0, 0 } } } }
      return assert(core.render(dl, 400, 100))
    end
    local ar = pic("-a, --all", "ar")
    assert.are.equal(pic("-a, --all", "en", "right"):bytes(), ar:bytes())
    assert.are_not.equal(pic("a, --all-", "en", "right"):bytes(), ar:bytes())
  end)
end)

describe("line spacing by script", function()
  local function pitch(text, lang, line_height)
    local m = core.measure({ type = "text", text = text, w = 3000, h = 100000, size = 40, min_size = 40,
      font = "Noto Sans, Noto Sans Arabic", lang = lang, line_height = line_height })
    assert.are.equal(3, m.lines)
    return m.height / 3 / 40
  end
  local ar = "مرحبا بالعالم\nبالعالم إِنَّ الكود\nMS-DOS النسخة"

  it("sets Arabic lines about a fifth further apart than Latin ones, not the face's own 2.1 em", function()
    -- (a two-line Arabic statement read as two separate lines)
    local latin = pitch("Hello world\nAgain here\nMS-DOS version", "en", 1.05)
    local arabic = pitch(ar, "ar", 1.05)
    assert.is_true(arabic < latin * 1.3, ("Arabic %.2f em a line, Latin %.2f"):format(arabic, latin))
    assert.is_true(arabic > latin * 1.05, ("Arabic %.2f em a line, Latin %.2f"):format(arabic, latin))
    -- the box's own line_height still spaces them, and so does no line_height at all
    assert.is_true(pitch(ar, "ar", 1.35) > arabic * 1.2)
    assert.is_true(pitch(ar, "ar", nil) < latin * 1.3)
  end)

  it("spaces Arabic letters in a text of another language as Arabic, and leaves Latin text alone", function()
    assert.is_true(math.abs(pitch(ar, "en", 1.05) - pitch(ar, "ar", 1.05)) < 0.02)
    local plain = core.measure({ type = "text", text = "a\nb\nc", w = 3000, h = 100000, size = 40, min_size = 40,
      font = "Noto Sans", line_height = 1.05 })
    assert.is_true(math.abs(plain.height / 3 / 40 - pitch("Hello world\nAgain here\nMS-DOS version", "en", 1.05)) < 0.02)
  end)
end)

describe("a list with no points", function()
  it("shows its narration's first sentence rather than its heading alone", function()
    -- (ps.1's NOTES in a summary: a slide of "Notes" and nothing under it)
    local sc = { scene_type = "list", narration = "This ps does not need to be setuid kmem or have any privileges to run. It never will.",
      visual_content = { header = "Notes", items = {} } }
    for _, wh in ipairs(SIZES) do
      local st = by_id(sc, wh, "statement")
      assert.is_not_nil(st, wh[1] .. "x" .. wh[2])
      assert.are.equal("This ps does not need to be setuid kmem or have any privileges to run.", st.markup or st.text)
      assert.is_falsy(core.measure(st).cut)
    end
    -- nothing said: nothing more shown
    sc.narration = nil
    assert.is_nil(by_id(sc, { 1920, 1080 }, "statement"))
  end)
end)

describe("one card style in a list", function()
  it("sets an item of text alone as a title where its siblings have titles over descriptions", function()
    -- (Caddy's features: "Config adapters if you don't like JSON" in plain
    -- type among bold titles over their descriptions)
    local sc = { scene_type = "list", visual_content = { header = "Features", items = {
      { title = "Easy configuration", description = "with the Caddyfile", level = 0 },
      { title = "Dynamic configuration", description = "with the JSON API", level = 0 },
      "Config adapters if you don't like JSON",
      { text = "Automatic HTTPS", description = "by default", level = 0 },
      { text = "ZeroSSL and Let's Encrypt for public names", level = 1 },
    } } }
    for _, wh in ipairs(SIZES) do
      local plain = by_id(sc, wh, "items[3]")
      assert.is_not_nil(plain, wh[1] .. "x" .. wh[2])
      assert.are.equal("<b>Config adapters if you don&#39;t like JSON</b>", plain.markup)
      assert.truthy(by_id(sc, wh, "items[1]").markup:match("^<b>Easy configuration</b>"))
      -- a child (a bullet under its parent) keeps its own style
      assert.are.equal("ZeroSSL and Let&#39;s Encrypt for public names", by_id(sc, wh, "items[5]").markup)
    end
    -- a list of text alone stays in plain type
    local flat = { scene_type = "list", visual_content = { header = "Features",
      items = { "Stays up when other servers go down", "Runs anywhere" } } }
    assert.are.equal("Runs anywhere", by_id(flat, { 1920, 1080 }, "items[2]").markup)
  end)
end)

describe("code in a narrow frame", function()
  -- a tall frame set a path broken after a "/" ("~/.config/myapp/settings/"
  -- over "default.toml") at 44 where every token stays whole at 40
  it("keeps every path whole at a slightly smaller size rather than break one at a larger", function()
    for _, cmds in ipairs({
      { "cp ./examples/settings/default.toml ~/.config/myapp/settings/default.toml",
        "myapp --config ~/.config/myapp/settings/default.toml init" },
    }) do
      for _, wh in ipairs({ { 1080, 1920 }, { 1080, 1080 } }) do
        local sc = { id = "c", scene_type = "command", visual_content = { header = "Setup", language = "sh",
          commands = cmds } }
        local code = by_id(sc, wh, "commands")
        local m = core.measure(code)
        assert.are.equal(0, m.broken, cmds[1] .. " at " .. wh[1] .. "x" .. wh[2] .. ": " .. tostring(m.final_size))
        assert.is_falsy(m.cut)
        -- and not much smaller than the broken one would be
        assert.is_true(m.final_size >= 36, tostring(m.final_size))
      end
    end
    -- a token longer than a line at any size near the largest (a 45-column
    -- volume mapping) breaks at a "/" rather than set the command a third smaller
    local sc = { id = "c", scene_type = "command", visual_content = { header = "Run", language = "sh", commands = {
      "docker run -v /srv/data/myapp/storage:/var/lib/myapp/storage -p 8080:8080 example/myapp:latest" } } }
    local m = core.measure(by_id(sc, { 1080, 1920 }, "commands"))
    assert.is_true(m.final_size >= 46, tostring(m.final_size))
  end)
end)

describe("title", function()
  it("never breaks a word of a title inside, nor a name at its hyphen, where it fits whole", function()
    -- (a tall frame showed "double-" over "conversion"; hyphenation broke
    -- "conversi-" / "on")
    for _, t in ipairs({ "double-conversion", "Internationalization", "libxml2-utils and friends" }) do
      for _, wh in ipairs(SIZES) do
        local it = by_id({ scene_type = "title", visual_content = { title = t } }, wh, "title")
        local m = core.measure(it)
        assert.is_falsy(m.cut)
        assert.is_true((m.final_size or it.size) >= 64, t .. " at " .. tostring(m.final_size))
        -- every word on a line of its own at most: no more lines than words
        local words = select(2, t:gsub("%S+", ""))
        assert.is_true(m.lines <= words, t .. ": " .. m.lines .. " lines at " .. wh[1] .. "x" .. wh[2])
        if words == 1 then assert.are.equal(1, m.lines, t) end
      end
    end
  end)
end)

describe("table layout", function()
  -- cogs(5): a table of pitch diameters, a column a module ("m0.5", "m1.25")
  local function cogs(nrows)
    local cols = { "Teeth", "m0.5", "m0.8", "m1", "m1.25", "m1.5", "m2", "m2.5", "m3", "m4", "m5" }
    local mod = { 0.5, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5 }
    local rows = {}
    for i = 1, nrows do
      local teeth = 8 + 4 * i
      rows[i] = { tostring(teeth) }
      for j, m in ipairs(mod) do rows[i][j + 1] = (string.format("%.2f", teeth * m):gsub("%.?0+$", "")) end
    end
    return { id = "cogs", scene_type = "table", narration = "The diameters in millimetres.",
      visual_content = { header = "Diameters", columns = cols, rows = rows } }
  end
  local function settled(sc, wh)
    local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
    local out = {}
    for _, l in ipairs(texts(dl)) do
      if type(l.it.id) == "string" and (l.it.id:match("^rows%[") or l.it.id:match("^columns%[")) then
        out[#out + 1] = { l = l, m = core.measure(l.it) }
      end
    end
    return out, dl
  end

  it("widens a column for a header that is one word, never sets it smaller than its neighbours", function()
    -- ("m1.25" over a column of numbers was set at 0.8 of "Teeth" beside it)
    for _, wh in ipairs({ { 1920, 1080 }, { 1080, 1080 } }) do
      local where = wh[1] .. "x" .. wh[2]
      local cells, dl = settled(cogs(5), wh)
      local size
      for _, c in ipairs(cells) do
        assert.is_false(c.m.shrunk == true, c.l.it.id .. " set smaller at " .. where)
        assert.is_true(not c.m.cut and c.m.width <= c.l.w + 0.5, c.l.it.id .. " at " .. where)
        size = size or c.m.final_size
        assert.are.equal(size, c.m.final_size, c.l.it.id .. " at " .. where)
      end
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
  end)

  it("sets a stacked card's short lines side by side across the card, each line whole", function()
    -- (a card put its eleven lines in the left third of a tall frame)
    -- (a square frame: five rows, more than it turns on their side; its
    -- grid set them at 20)
    for _, wh in ipairs({ { 1080, 1920, 3 }, { 1080, 1080, 5 } }) do
      local where = wh[1] .. "x" .. wh[2]
      local cells, dl = settled(cogs(wh[3]), wh)
      local xs, lines, size = {}, 0, nil
      for _, c in ipairs(cells) do
        assert.truthy(c.l.it.id:match("^rows%[%d+%]$"), "not stacked at " .. where .. ": " .. c.l.it.id)
        -- (the first card of the page shown)
        if c.l.it.id == cells[1].l.it.id then xs[#xs + 1] = c.l.x; lines = lines + c.m.lines end
        assert.is_true(not c.m.shrunk and not c.m.cut, c.l.it.id .. " at " .. where)
        size = size or c.m.final_size
        assert.are.equal(size, c.m.final_size)
      end
      -- eleven lines in two or three columns, none wrapped
      assert.is_true(#xs >= 2, "one column of lines at " .. where)
      assert.are.equal(11, lines, "a line wrapped at " .. where)
      assert.is_true(xs[#xs] - xs[1] >= wh[1] / 4, "the columns at " .. where .. " stand together")
      assert.is_true(size >= 26, string.format("%.1f at %s", size, where))
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
  end)

  it("sets every part of one table at one type size", function()
    -- (cogs(5) in a tall frame: three cards at 44, then two at 52; a square
    -- frame's parts at 20 turned on their side beside a grid at 22)
    local fit = require("vg.create.fit")
    for _, wh in ipairs(SIZES) do
      local where = wh[1] .. "x" .. wh[2]
      local sc = cogs(5)
      sc.source = { file = "cogs.5", line = 9 }
      local parts = fit.scene(sc, { width = wh[1], height = wh[2] })
      -- a table split by the reader (its columns in two groups) shares too
      local more = cogs(5)
      more.id, more.source = "cogs2", sc.source
      for _, r in ipairs(more.visual_content.rows) do r[2] = r[2] .. "0" end
      local run = {}
      for _, p in ipairs(parts) do run[#run + 1] = p end
      for _, p in ipairs(fit.scene(more, { width = wh[1], height = wh[2] })) do run[#run + 1] = p end
      fit.videos({ { scenes = run } }, { width = wh[1], height = wh[2] })
      local size
      for k, p in ipairs(run) do
        for _, c in ipairs(settled(p, wh)) do
          size = size or c.m.final_size
          assert.are.equal(size, c.m.final_size, string.format("part %d of %d: %s at %s", k, #run, c.l.it.id, where))
        end
      end
    end
  end)

  it("splits a square frame's table of cards into parts of two cards where that sets them far larger", function()
    -- (cogs(5) at 1080x1080: three cards at 28 over the body, then two at
    -- 28 under an empty half; cards are read one by one, not compared down
    -- a column: two a slide at 46)
    local fit = require("vg.create.fit")
    local wh = { 1080, 1080 }
    local sc = cogs(5)
    sc.source = { file = "cogs.5", line = 9 }
    local parts = fit.scene(sc, { width = wh[1], height = wh[2] })
    fit.videos({ { scenes = parts } }, { width = wh[1], height = wh[2] })
    assert.is_true(#parts >= 3, #parts .. " parts")
    for k, p in ipairs(parts) do
      assert.is_true(#p.visual_content.rows <= 2, "part " .. k .. " of " .. #p.visual_content.rows .. " rows")
      for _, c in ipairs(settled(p, wh)) do
        assert.is_true(c.m.final_size >= 40, string.format("part %d: %s at %.1f", k, c.l.it.id, c.m.final_size))
      end
    end
  end)

  it("stacks a tall frame's table of three columns of prose as cards; one of short cells stays a grid", function()
    -- (Node.js' current initiatives: names and links wrapped into cells of
    -- three and four lines at 36, in a grid; cards set them at 40 or more)
    local function stacked(sc)
      local cells = settled(sc, { 1080, 1920 })
      for _, c in ipairs(cells) do if c.l.it.id:match("^rows%[%d+%]$") then return true, c.m.final_size end end
      return false, cells[1] and cells[1].m.final_size
    end
    local rows = {
      { "Core Promise APIs", "Antoine du Hamel", "https://github.com/nodejs/TSC/issues/1094" },
      { "QUIC / HTTP3", "James M Snell", "https://github.com/nodejs/quic" },
      { "Shadow Realm", "Chengzhong Wu", "https://github.com/nodejs/node/issues/42528" },
      { "Startup Snapshot", "Joyee Cheung", "https://github.com/nodejs/node/issues/35711" },
      { "Single executable apps", "Darshan Sen", "https://github.com/nodejs/single-executable" },
    }
    local sc = { scene_type = "table", visual_content = { header = "Current initiatives",
      columns = { "Initiative", "Champion", "Links" }, rows = rows } }
    local st, size = stacked(sc)
    assert.is_true(st, "a grid at " .. tostring(size))
    assert.is_true(size >= 40, "cards at " .. tostring(size))
    -- (in a wide frame, the grid it was)
    local wide = render.display_list(sc, { width = 1920, height = 1080, t = "end" })
    for _, l in ipairs(texts(wide)) do assert.is_nil(tostring(l.it.id):match("^rows%[%d+%]$")) end
    local short = { scene_type = "table", visual_content = { header = "Decimal prefixes",
      columns = { "Prefix", "Name", "Value" }, rows = { { "m", "milli", "10^-3" }, { "c", "centi", "10^-2" },
        { "d", "deci", "10^-1" }, { "da", "deka", "10^1" }, { "h", "hecto", "10^2" }, { "k", "kilo", "10^3" } } } }
    assert.is_false((stacked(short)))
  end)

  it("lays out every part of one table in one mode: a grid, cards or rows turned on their side", function()
    -- (cogs(5) in a square frame: its first part turned on its side, a
    -- column a row, its second part cards)
    local fit = require("vg.create.fit")
    local function mode(cells)
      local c1, c2
      for _, c in ipairs(cells) do
        if c.l.it.id:match("^rows%[%d+%]$") then return "stack" end
        if c.l.it.id == "columns[1]" then c1 = c.l end
        if c.l.it.id == "columns[2]" then c2 = c.l end
      end
      return (c1 and c2 and c2.y > c1.y + 1) and "turn" or "grid"
    end
    for _, wh in ipairs(SIZES) do
      local where = wh[1] .. "x" .. wh[2]
      local sc = cogs(5)
      sc.source = { file = "cogs.5", line = 9 }
      local parts = fit.scene(sc, { width = wh[1], height = wh[2] })
      fit.videos({ { scenes = parts } }, { width = wh[1], height = wh[2] })
      local seen
      for k, p in ipairs(parts) do
        local m = mode((settled(p, wh)))
        seen = seen or m
        assert.are.equal(seen, m, string.format("part %d of %d at %s", k, #parts, where))
      end
    end
  end)

  it("does not set a table's parts small for one part that holds its rows only far smaller, nor far larger", function()
    -- (units(7)'s decimal prefixes: eight rows of 30-digit values at 28 in a
    -- square frame set the next eight short ones at 28 too; at 56 the
    -- next slide jumped to twice the size, as if another table: at most
    -- 1.5 times as large)
    local fit = require("vg.create.fit")
    local names = { "quecto", "ronto", "yocto", "zepto", "atto", "femto", "pico", "nano", "micro", "milli", "centi",
      "deci", "deka", "hecto", "kilo", "mega" }
    local pre = { "q", "r", "y", "z", "a", "f", "p", "n", "u", "m", "c", "d", "da", "h", "k", "M" }
    local ex = { -30, -27, -24, -21, -18, -15, -12, -9, -6, -3, -2, -1, 1, 2, 3, 6 }
    local function val(e)
      if e < 0 then return "10^" .. e .. " = 0." .. string.rep("0", -e - 1) .. "1" end
      return "10^" .. e .. " = 1" .. string.rep("0", e)
    end
    for _, wh in ipairs({ { 1080, 1920 }, { 1080, 1080 } }) do
      local where = wh[1] .. "x" .. wh[2]
      local run = {}
      for part = 0, 1 do
        local rows = {}
        for i = part * 8 + 1, part * 8 + 8 do rows[#rows + 1] = { pre[i], names[i], val(ex[i]) } end
        local sc = { id = "u" .. part, scene_type = "table", narration = "Prefixes.", source = { file = "units.7", line = 9 },
          visual_content = { header = "Decimal prefixes", columns = { "Prefix", "Name", "Value" }, rows = rows } }
        for _, p in ipairs(fit.scene(sc, { width = wh[1], height = wh[2] })) do run[#run + 1] = p end
      end
      fit.videos({ { scenes = run } }, { width = wh[1], height = wh[2] })
      local first = settled(run[1], wh)[1].m.final_size
      local last = settled(run[#run], wh)[1].m.final_size
      assert.is_true(last >= 1.4 * first, string.format("%s: the long part at %.0f, the short one at %.0f", where, first, last))
      assert.is_true(last <= 1.5 * first + 0.5, string.format("%s: the long part at %.0f, the short one at %.0f", where, first, last))
    end
  end)

  it("does not split a table's part where the parts beside it hold it below the size a split is for", function()
    -- (units(7) in a square frame: the reader's second part, eight short
    -- prefixes, was split four and four for 44, then set at 42 as the part
    -- of 30-digit values at 28 allows: two slides each half empty where one
    -- slide of eight rows fills the frame)
    local fit = require("vg.create.fit")
    local names = { "quecto", "ronto", "yocto", "zepto", "atto", "femto", "pico", "nano", "micro", "milli", "centi",
      "deci", "deka", "hecto", "kilo", "mega" }
    local pre = { "q", "r", "y", "z", "a", "f", "p", "n", "μ", "m", "c", "d", "da", "h", "k", "M" }
    local ex = { -30, -27, -24, -21, -18, -15, -12, -9, -6, -3, -2, -1, 1, 2, 3, 6 }
    local function val(e)
      if e < 0 then return "10^" .. e .. " = 0." .. string.rep("0", -e - 1) .. "1" end
      return "10^" .. e .. " = 1" .. string.rep("0", e)
    end
    local wh = { 1080, 1080 }
    local function part_scene(part)
      local rows = {}
      for i = part * 8 + 1, part * 8 + 8 do rows[#rows + 1] = { pre[i], names[i], val(ex[i]) } end
      return { id = "u" .. part, scene_type = "table", narration = "Prefixes.", source = { file = "units.7", line = 9 },
        visual_content = { header = "Decimal prefixes",
          description = part > 0 and "Description" or "Description · first 16 of 24 rows",
          columns = { "Prefix", "Name", "Value" }, rows = rows } }
    end
    local scenes = { part_scene(0), part_scene(1) }
    local video = { scenes = scenes }
    fit.videos({ video }, { width = wh[1], height = wh[2] })
    local ids = {}
    for _, s in ipairs(video.scenes) do ids[#ids + 1] = s.id end
    assert.are.equal("u0 u1", table.concat(ids, " "))
    local first = settled(video.scenes[1], wh)[1].m.final_size
    local second = settled(video.scenes[2], wh)[1].m.final_size
    assert.is_true(second > first, string.format("the short part at %.0f, the long one at %.0f", second, first))
    -- (a part that nothing beside it holds back still splits: the same
    -- eight short rows alone are two slides, as before)
    local alone = fit.scene(part_scene(1), { width = wh[1], height = wh[2] })
    assert.is_true(#alone >= 2, #alone .. " parts of the short part alone")
  end)

  it("measures the parts' headers for their shared size once, not at every frame of a part", function()
    -- (shared_size ran before plan_for's memo: each frame of a part of a
    -- long table measured the header of every part again)
    local fit = require("vg.create.fit")
    for _, wh in ipairs(SIZES) do
      local where = wh[1] .. "x" .. wh[2]
      local sc = cogs(30)
      sc.source = { file = "cogs.5", line = 9 }
      local parts = fit.scene(sc, { width = wh[1], height = wh[2] })
      fit.videos({ { scenes = parts } }, { width = wh[1], height = wh[2] })
      assert.is_true(#parts >= 3, #parts .. " parts at " .. where)
      local p = parts[#parts]
      render.display_list(p, { width = wh[1], height = wh[2], t = "end" })
      local real, calls = core.measure, 0
      core.measure = function(spec) calls = calls + 1; return real(spec) end
      local ok, err = pcall(function()
        for t = 0, 4 do render.display_list(p, { width = wh[1], height = wh[2], t = t }) end
      end)
      core.measure = real
      assert(ok, err)
      -- (its own header, once a frame: a title and a description)
      assert.is_true(calls <= 5 * 3, calls .. " measures for 5 frames of one part at " .. where)
    end
  end)

  it("splits a table set far below a square frame's 44 where its parts are much larger", function()
    -- (ps.1's format specifiers: eight rows at 24 stayed one slide, since
    -- some runs of three rows did not reach 44)
    local fit = require("vg.create.fit")
    local rows = { { "c", "C", "processor utilization." }, { "caught", "CAUGHT", "mask of the caught signals, see signal (7)." },
      { "cgname", "CGNAME", "display name of control groups to which the process belongs." },
      { "cgroup", "CGROUP", "display control groups to which the process belongs." },
      { "cgroupns", "CGROUPNS", "Unique inode number describing the namespace the process belongs to." },
      { "class", "CLS", "scheduling class of the process." }, { "cls", "CLS", "scheduling class of the process." },
      { "cmd", "CMD", "see args . (alias args , \u{00A0}command )." } }
    local sc = { id = "t", scene_type = "table", narration = "Standard format specifiers.",
      visual_content = { header = "Standard format specifiers", description = "continued",
        columns = { "CODE", "HEADER", "DESCRIPTION" }, rows = rows } }
    local function least(p)
      local dl = render.display_list(p, { width = 1080, height = 1080, t = "end" })
      local m = math.huge
      for _, l in ipairs(texts(dl)) do
        if type(l.it.id) == "string" and l.it.id:match("^rows%[") then m = math.min(m, core.measure(l.it).final_size) end
      end
      return m
    end
    local whole = least(sc)
    local parts = fit.scene(sc, { width = 1080, height = 1080 })
    assert.is_true(#parts > 1, "one slide at " .. whole)
    for _, p in ipairs(parts) do assert.is_true(least(p) >= whole * 1.3, least(p) .. " beside " .. whole) end
  end)

  it("splits a table into parts of about as many rows each, a row with a long name too", function()
    -- (weighed by its first cell, the long-named row made parts of 4, 3 and 1 rows)
    local fit = require("vg.create.fit")
    local rows = {}
    for i = 1, 7 do rows[i] = { "lib" .. i, "1." .. i, "MIT", "ok" } end
    rows[8] = { "a library whose name is written out as a long sentence describing what it does for the reader in full detail, as some tables do in their first column", "2.0", "BSD", "ok" }
    local sc = { id = "t", scene_type = "table", narration = "The table lists libraries.",
      visual_content = { header = "Libraries", columns = { "Name", "Version", "License", "Status" }, rows = rows } }
    local parts = fit.scene(sc, { width = 1080, height = 1920 })
    assert.is_true(#parts > 1)
    local least, most = math.huge, 0
    for _, p in ipairs(parts) do
      least, most = math.min(least, #p.visual_content.rows), math.max(most, #p.visual_content.rows)
    end
    assert.is_true(most - least <= 1, most .. " and " .. least .. " rows")
  end)

  it("turns a few rows of a table too wide for a square frame on their side, every cell readable", function()
    -- (seven columns in a square frame were stacked cards of seven short
    -- lines at 26, five slides for nine rows)
    local cols = { "Compressor name", "Ratio", "Compression", "Decompression", "Memory", "Threads", "License" }
    local rows = { { "zstd 1.5.5 -1", "2.896", "510 MB/s", "1550 MB/s", "12 MB", "1", "BSD" },
      { "zlib 1.2.11 -1", "2.743", "95 MB/s", "400 MB/s", "1 MB", "1", "zlib" },
      { "brotli 1.0.9 -0", "2.702", "395 MB/s", "430 MB/s", "4 MB", "1", "MIT" } }
    local sc = { id = "w", scene_type = "table", narration = "Results.",
      visual_content = { header = "Benchmarks", columns = cols, rows = rows } }
    local dl = render.display_list(sc, { width = 1080, height = 1080, t = "end" })
    local seen, least = {}, math.huge
    for _, l in ipairs(texts(dl)) do
      if type(l.it.id) == "string" and l.it.id:match("^rows%[") or l.it.id and l.it.id:match("^columns%[") then
        local m = core.measure(l.it)
        assert.is_falsy(m.cut, l.it.id)
        -- (a number and its unit are joined by a NO-BREAK SPACE: one line)
        seen[l.it.id] = l.it.text:gsub("\u{00A0}", " ")
        if l.it.text:find("%d\u{00A0}MB") then assert.are.equal(1, m.lines, l.it.id .. " " .. l.it.text) end
        least = math.min(least, m.final_size)
        -- inside the frame
        assert.is_true(l.x >= 0 and l.x + l.w <= 1080 and l.y >= 0 and l.y + l.h <= 1080, l.it.id)
      end
    end
    -- every cell, under its own id (row i's cells a column of the grid)
    for j, name in ipairs(cols) do assert.are.equal(name, seen["columns[" .. j .. "]"]) end
    for i, r in ipairs(rows) do
      for j, x in ipairs(r) do assert.are.equal(x, seen[string.format("rows[%d][%d]", i, j)]) end
    end
    assert.is_true(least >= 30, "cells at " .. least)   -- (stacked: 26)
    -- a row enters as it is spoken: half way, the third row's column is not drawn yet
    local mid = render.display_list(sc, { width = 1080, height = 1080, t = 0.2 })
    for _, l in ipairs(texts(mid)) do assert.is_not.equal("rows[3][2]", l.it.id) end
  end)

  it("never leaves a stacked card's column name alone on its line over a long first token", function()
    -- (ripgrep's benchmark table, stacked in a tall frame)
    local card = by_id(table_scene(2, {
      { "git grep (Unicode)", "LC_ALL=en_US.UTF-8 git grep -E -n -w '[A-Z]+_SUSPEND'", "536", "2.670s (32.70x)" },
      { "ack", "ack -w '[A-Z]+_SUSPEND'", "2677", "2.935s (35.94x)" } }), { 1080, 1920 }, "rows[1]")
    assert.is_not_nil(card)
    -- (Pango moved "LC_ALL=en_US.UTF-8" under "Command", a line of its name
    -- alone: the card without its token's break marks takes a line more)
    local plain = {}
    for k, x in pairs(card) do plain[k] = x end
    plain.markup = card.markup:gsub("\u{200B}", "")
    local fewer = 0
    for size = 40, 60, 2 do
      card.size, card.min_size, plain.size, plain.min_size, card.h, plain.h = size, size, size, size, 1e5, 1e5
      local a, b = core.measure(card), core.measure(plain)
      assert.is_true(a.lines <= b.lines, a.lines .. " lines at " .. size .. ", " .. b.lines .. " without")
      if a.lines < b.lines then fewer = fewer + 1 end
    end
    assert.is_true(fewer > 0)
    -- a later token moves to its own line whole
    assert.is_nil(card.markup:find("_\u{200B}SUSPEND", 1, true))
  end)

  for _, wh in ipairs(SIZES) do
    it("shows every column header and cell, uncut, at " .. wh[1] .. "x" .. wh[2], function()
      local sc = table_scene(5)
      local dl = render.display_list(sc, { width = wh[1], height = wh[2] })
      local all = {}
      for _, l in ipairs(texts(dl)) do
        local m = core.measure(l.it)
        all[#all + 1] = m.text
      end
      local joined = table.concat(all, "\n")
      for _, col in ipairs(sc.visual_content.columns) do
        assert.is_truthy(joined:find(col, 1, true), col .. " missing at " .. wh[1] .. "x" .. wh[2])
      end
      assert.is_truthy(joined:find("Built and tested on commit 5", 1, true))
      local warnings = assert(core.check(dl))
      assert.are.equal("", statuses(warnings))
    end)
  end

  for _, wh in ipairs(SIZES) do
    it("keeps a row card of 40 columns inside the frame, every column shown, at " .. wh[1] .. "x" .. wh[2], function()
      local cols, rows = {}, {}
      for j = 1, 40 do cols[j] = "Col" .. j end
      for i = 1, 3 do
        rows[i] = {}
        for j = 1, 40 do rows[i][j] = "r" .. i .. "c" .. j end
      end
      local sc = { id = "w", scene_type = "table", visual_content = { header = "Servers", columns = cols, rows = rows } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      local all = {}
      for _, l in ipairs(texts(dl)) do
        assert.is_true(l.y + l.h <= wh[2] + 0.5, "a text box runs off the frame at y " .. (l.y + l.h))
        all[#all + 1] = core.measure(l.it).text
      end
      local joined = table.concat(all, "\n")
      for j = 1, 40 do
        assert.is_truthy(joined:find("Col" .. j .. "%s"), "Col" .. j .. " missing at " .. wh[1] .. "x" .. wh[2])
      end
      assert.are.equal("", statuses(assert(core.check(dl))))
    end)
  end

  it("goes on with a stacked cell's wrapped value under the value, not under its column's name", function()
    -- the renderer: a tab stop with a hanging indent as far in
    local words = "one two three four five six seven eight nine ten eleven twelve"
    local item = { type = "text", x = 0, y = 0, w = 400, h = 400, size = 40, min_size = 40, font = "Noto Sans",
      text = "Ratio\t" .. words, tab = 3, hang = 3, color = { 0, 0, 0 } }
    assert.is_true(core.measure(item).lines >= 3)
    local buf = assert(core.render({ width = 400, height = 400, background = { 255, 255, 255 }, items = { item } },
      400, 400))
    local left, below = 0, 0
    for y = 62, 399 do
      for x = 0, 399 do
        local r = buf:pixel(x, y)
        if r < 128 then
          below = below + 1
          if x < 3 * 40 - 4 then left = left + 1 end
        end
      end
    end
    assert.is_true(below > 0)
    assert.are.equal(0, left, "a continuation line starts left of the value's tab stop")
    -- the table: its stacked cards use it, the stop past the widest name
    local sc = { id = "s", scene_type = "table", visual_content = { header = "Compressors",
      columns = { "Name", "Ratio", "Speed", "Decompress." },
      rows = { { "zstd 1.5.1 --fast=1", "2.437", "600 MB/s", "2150 MB/s with a long note that wraps in the card" } } } }
    local dl = render.display_list(sc, { width = 1080, height = 1920, t = "end" })
    local found
    for _, l in ipairs(texts(dl)) do
      if l.it.markup and l.it.markup:find("Decompress.", 1, true) then found = l.it end
    end
    assert.is_truthy(found and found.markup:find("\t", 1, true), "no tab between a name and its value")
    assert.is_true(found.tab > 0 and found.hang == found.tab)
    local name = core.measure({ type = "text", text = "Decompress.", w = 5000, h = 1000, size = 100,
      min_size = 100, font = found.font, wrap = "none" })
    assert.is_true(found.tab * 100 >= name.width, "the stop falls inside the widest name")
    -- a name that is a whole phrase stands over its value instead
    sc.visual_content.columns[4] = "Notes on the build and where the numbers in this row come from"
    dl = render.display_list(sc, { width = 1080, height = 1920, t = "end" })
    for _, l in ipairs(texts(dl)) do
      if l.it.markup and l.it.markup:find("Notes on", 1, true) then
        assert.is_falsy(l.it.markup:find("\t", 1, true))
        assert.is_truthy(l.it.markup:find("</span>\n", 1, true))
      end
    end
  end)

  it("pages through rows that do not fit, as they are spoken, never cutting", function()
    local sc = table_scene(30)
    local first = render.display_list(sc, { t = 0.6 })
    local last = render.display_list(sc, { t = "end" })
    local function has(dl, s)
      for _, l in ipairs(texts(dl)) do if l.it.text == s then return true end end
      return false
    end
    assert.is_true(has(first, "Row 1"))
    assert.is_false(has(first, "Row 30"))
    assert.is_true(has(last, "Row 30"))
    assert.is_false(has(last, "Row 1"))
    assert.are.equal("", statuses(assert(core.check(last))))
  end)

  -- the text items of a table scene's display list by id, settled
  local function cells(sc, wh, t)
    local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = t or "end" })
    local by = {}
    for _, l in ipairs(texts(dl)) do if l.it.id then by[l.it.id] = l end end
    return by, dl
  end

  it("draws no header band for a table without a header row", function()
    local sc = { scene_type = "table", visual_content = { header = "Process state codes", columns = { "", "" },
      rows = { { "D", "uninterruptible sleep (usually IO)" }, { "R", "running or runnable (on run queue)" },
        { "S", "interruptible sleep (waiting for an event to complete)" } } } }
    for _, wh in ipairs(SIZES) do
      local by, dl = cells(sc, wh)
      for id in pairs(by) do assert.is_falsy(id:match("^columns"), id .. " drawn at " .. wh[1] .. "x" .. wh[2]) end
      -- the first row starts at the card's top (no empty band over it)
      local card
      for _, l in ipairs(leaves(dl.items)) do
        if l.it.type == "rect" and l.it.radius == 16 and not card then card = l end
      end
      assert.is_true(by["rows[1][1]"].y - card.y <= 20, "a band of " .. (by["rows[1][1]"].y - card.y))
    end
    -- stacked (four columns in a tall frame): each value alone, no empty name over it
    local four = { scene_type = "table", visual_content = { header = "Hosts", columns = { "", "", "", "" },
      rows = { { "alpha", "10.0.0.1", "up", "web" }, { "beta", "10.0.0.2", "down", "database" } } } }
    local by = cells(four, { 1080, 1920 })
    assert.is_truthy(by["rows[1]"])
    assert.is_falsy(by["rows[1]"].it.markup:find("<span", 1, true))
    assert.is_falsy(by["rows[1]"].it.markup:find("^\n"))
  end)

  it("spans a row with only a first cell across the table, and sizes the columns without it", function()
    -- (the libxslt API page: a sentence in the first column of short keys made
    -- that column half the table, its keys beside empty space, at 20)
    local sc = { scene_type = "table", visual_content = { header = "API", columns = { "Name", "Meaning" }, rows = {
      { "Related links", "" },
      { "Mail archive, the bug tracker, the Python bindings, the Perl bindings, the PHP module and a debugger", "" },
      { "style:", "an XSLT stylesheet" }, { "Returns:", "the number of the slot" } } } }
    for _, wh in ipairs(SIZES) do
      local by = cells(sc, wh)
      local key, across = by["rows[3][1]"], by["rows[2][1]"]
      assert.is_true(key.w < 0.4 * across.w, ("key %.0f beside a row across of %.0f"):format(key.w, across.w))
      assert.is_true(by["rows[3][2]"].x + by["rows[3][2]"].w <= across.x + across.w + 1)
      assert.is_true(core.measure(key.it).final_size >= 34)
    end
  end)

  it("gives each column the width its text needs, not an even share of the room", function()
    -- (ps(1)'s process state codes: the letters' column took a third of the table)
    local sc = { scene_type = "table", visual_content = { header = "Process state codes", columns = { "Code", "Meaning" },
      rows = { { "D", "uninterruptible sleep (usually IO)" }, { "I", "Idle kernel thread" },
        { "R", "running or runnable (on run queue)" }, { "S", "interruptible sleep (waiting for an event to complete)" },
        { "T", "stopped by job control signal" } } } }
    for _, wh in ipairs(SIZES) do
      local by = cells(sc, wh)
      assert.is_true(by["rows[1][1]"].w < 0.25 * by["rows[1][2]"].w,
        ("%.0f beside %.0f at %dx%d"):format(by["rows[1][1]"].w, by["rows[1][2]"].w, wh[1], wh[2]))
    end
    -- a wide frame with room sets it larger than the usual 38 for five rows
    assert.is_true(core.measure(cells(sc, { 1920, 1080 })["rows[4][2]"].it).final_size >= 48)
  end)

  it("keeps a table of short cells a card as wide as they need, not spread over the frame", function()
    local sc = { scene_type = "table", visual_content = { header = "Targets", columns = { "Target", "Tier" },
      rows = { { "Linux", "1" }, { "macOS", "1" }, { "Windows", "2" } } } }
    local by, dl = cells(sc, { 1920, 1080 })
    local right = by["rows[3][2]"].x + by["rows[3][2]"].w
    assert.is_true(right < 0.75 * dl.width, "the table reaches " .. right)
  end)

  it("splits a wide frame's table set below 30 into parts of three rows or more", function()
    -- (ps(1)'s standard format specifiers: eight rows at 26 in one slide)
    local fit = require("vg.create.fit")
    local rows = { { "%cpu", "%CPU", "cpu utilization of the process in \"##.#\" format." },
      { "%mem", "%MEM", "ratio of the process's resident set size to the physical memory on the machine, expressed as a percentage." },
      { "ag_id", "AGID", "The autogroup identifier associated with a process which operates in conjunction with the CFS scheduler to improve interactive desktop performance." },
      { "ag_nice", "AGNI", "The autogroup nice value which affects scheduling of all processes in that group." },
      { "args", "COMMAND", "command with all its arguments as a string." },
      { "blocked", "BLOCKED", "mask of the blocked signals, see signal (7)." },
      { "bsdstart", "START", "time the command started." },
      { "bsdtime", "TIME", "accumulated cpu time, user + system." } }
    local sc = { id = "t", scene_type = "table", narration = "Standard format specifiers.",
      visual_content = { header = "Standard format specifiers", description = "first 16 of 143 rows",
        columns = { "CODE", "HEADER", "DESCRIPTION" }, rows = rows } }
    local function least(p)
      local m = math.huge
      for id, l in pairs(cells(p, { 1920, 1080 })) do
        if id:match("^rows%[") then m = math.min(m, core.measure(l.it).final_size) end
      end
      return m
    end
    assert.is_true(least(sc) < 30, "the whole at " .. least(sc))
    local parts = fit.scene(sc, { width = 1920, height = 1080 })
    assert.is_true(#parts > 1, "not split")
    for _, p in ipairs(parts) do
      assert.is_true(#p.visual_content.rows >= 3)
      assert.is_true(least(p) >= 30, "a part at " .. least(p))
    end
  end)

  it("pages at the size that holds a few rows, a row taller than the frame cut at its foot", function()
    -- (a page of text in one cell: every page was set at 20, and that row
    -- ran past the frame)
    local rows = {}
    for i = 1, 8 do rows[i] = { "key" .. i, "the value of key " .. i } end
    rows[9] = { "notes", string.rep("A sentence of notes that goes on for a while. ", 60) }
    local sc = { scene_type = "table", visual_content = { header = "Keys", columns = { "Key", "Value" }, rows = rows } }
    for _, wh in ipairs({ { 1920, 1080 }, { 1080, 1080 } }) do
      local first = cells(sc, wh, 0.6)
      assert.is_true(core.measure(first["rows[1][1]"].it).final_size >= 30)
      local last, dl = cells(sc, wh)
      assert.is_truthy(last["rows[9][2]"])
      for _, l in ipairs(leaves(dl.items)) do
        if l.h and l.it.type ~= "group" then
          assert.is_true(l.y + l.h <= dl.height + 0.5, ("%s ends at %.0f"):format(tostring(l.it.id or l.it.type), l.y + l.h))
        end
      end
    end
  end)

  it("plans a 200-row table of 40 columns measuring each text about once", function()
    -- (a grid of 40 columns cannot fit 1920 wide: its padding alone is wider;
    -- no size of it is measured cell by cell, and the parts a split tries
    -- reuse the sizes already measured)
    local cols, rows = {}, {}
    for j = 1, 40 do cols[j] = "Field " .. j end
    for i = 1, 200 do
      local r = {}
      for j = 1, 40 do r[j] = string.format("value %d-%d", i, j) end
      rows[i] = r
    end
    local sc = { id = "big", scene_type = "table", visual_content = { header = "Big", columns = cols, rows = rows },
      narration = "A big table." }
    local work = render.get_type("table").work
    local before = work.measured
    local parts = require("vg.create.fit").scene(sc, { width = 1920, height = 1080 })
    local measured = work.measured - before
    assert.is_true(#parts >= 1)
    -- 200 cards at a few sizes and line counts: a few thousand measures;
    -- measuring every cell at every size was over a million
    assert.is_true(measured < 20000, "measured " .. measured .. " texts")
  end)

  it("is a validated scene type from YAML, with narration that names the columns", function()
    local input = require("vg.input")
    local dir = os.getenv("TMPDIR") or "/tmp"
    local path = dir .. "/vgrun-table-" .. tostring(os.time()) .. "-" .. tostring(math.random(1e6)) .. ".yaml"
    local f = assert(io.open(path, "w"))
    f:write([[
title: T
scenes:
  - type: table
    header: Sizes
    columns: [Name, Bytes]
    rows:
      - [int, 4]
      - [double, 8]
]])
    f:close()
    local model, diags = input.load(path)
    os.remove(path)
    assert.is_table(model, diags and tostring(diags[1] and diags[1].message))
    local s = model.videos[1].scenes[1]
    assert.are.equal("table", s.scene_type)
    assert.are.equal("4", s.visual_content.rows[1][2])   -- numbers become text
    assert.is_truthy(s.narration:find("Name and Bytes", 1, true), s.narration)
    assert.is_truthy(s.narration:find("double: 8", 1, true), s.narration)
  end)
end)

describe("code", function()
  local line = 'local msg = greet.make({ name = "world", punctuation = "!", instead_of_hello = "Good morning" })'
  it("breaks a token longer than the line inside, under the mark, rather than shrink the block to nothing", function()
    -- (a JWT a program printed: the block was split into four slides, the token alone at 10)
    local jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzb21lIjoicGF5bG9hZCJ9.4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg"
    local text = ">>> import jwt\n>>> print(encoded)\n" .. jwt .. "\n>>> jwt.decode(encoded)"
    local m = core.measure({ type = "code", text = text, w = 900, h = 1200, size = 36, min_size = 16 })
    assert.is_false(m.cut)
    assert.is_true(m.final_size >= 30, "code set at " .. m.final_size)
    assert.is_true(m.lines >= 6)
    assert.are.equal(text, m.text)
    -- code whose tokens fit still never breaks inside one
    local m2 = core.measure({ type = "code", text = "print(term.isatty(io.stdout)) -- true if standard output goes",
      w = 600, h = 1200, size = 36, min_size = 16 })
    assert.is_true(m2.lines >= 2 and m2.final_size >= 30)
  end)

  it("drops the indent every line of a block shares, and keeps the indent within it", function()
    local sc = { id = "c", scene_type = "command", visual_content = { header = "Usage", language = "lua",
      commands = { "    local term = require 'term'", "", "    if term.isatty(io.stdout) then", "      print('tty')",
        "    end" } } }
    for _, wh in ipairs(SIZES) do
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      local code
      for _, l in ipairs(texts(dl)) do if l.it.type == "code" then code = l.it.text end end
      assert.are.equal("local term = require 'term'\n\nif term.isatty(io.stdout) then\n  print('tty')\nend", code)
    end
  end)

  it("wraps between tokens in a narrow box, larger than shrinking alone would allow", function()
    local item = { type = "code", x = 0, y = 0, w = 700, h = 600, text = line, size = 36, min_size = 14,
      language = "lua" }
    local m = core.measure(item)
    assert.is_true(m.lines > 1)
    assert.is_true(m.final_size >= 24, "size " .. tostring(m.final_size))
    -- each wrapped line starts at a token boundary: the words of the code
    -- are all still there, whole
    assert.are.equal(line, m.text)
  end)

  -- code wrapped in a box just wide enough for the line up to a place UAX #14
  -- would break at: the line breaks at the space before the token instead
  for _, case in ipairs({
    { "after an option's leading dash", "cmake -DCMAKE_BUILD_TYPE=Release -DCBOR_CUSTOM_ALLOC=ON libcbor",
      "cmake -DCMAKE_BUILD_TYPE=Release -" },
    { "after a hyphen inside a name (libxml2- / xxx-build)", "cmake -S libxml2-xxx -B libxml2-xxx-build",
      "cmake -S libxml2-xxx -B libxml2-" },
    -- (an option in a usage line's brackets: tesseract's README had
    -- "[--" / "psm pagesegmode]")
    { "after an option's dashes in brackets ([-- / psm)", "tesseract image out [--oem mode] [--psm pagesegmode]",
      "tesseract image out [--oem mode] [--" },
  }) do
    it("never breaks a line " .. case[1], function()
      local function w_of(t)
        return core.measure({ type = "code", x = 0, y = 0, w = 5000, h = 200, text = t, size = 36, min_size = 36 }).width
      end
      local bad = w_of(case[3])
      local m = core.measure({ type = "code", x = 0, y = 0, w = bad + 2, h = 600, text = case[2],
        size = 36, min_size = 36 })
      assert.is_true(m.lines == 2 and not m.cut and m.final_size == 36, "lines " .. m.lines)
      -- broken at the space before the token: the widest line is shorter
      assert.is_true(m.width < bad - 0.4 * 36 * 0.5, string.format("%.1f of %.1f: broken inside", m.width, bad))
    end)
  end

  it("never breaks a URL inside its scheme and host, and its path after a slash", function()
    local function w_of(t)
      return core.measure({ type = "code", x = 0, y = 0, w = 5000, h = 200, text = t, size = 36, min_size = 36 }).width
    end
    local cmd = "git clone https://github.com/Microsoft/vcpkg.git"
    -- a box one letter too narrow for the line up to the host's end: UAX #14
    -- breaks after "https://" ("github.com/Microsoft/" on the next line)
    local m = core.measure({ type = "code", x = 0, y = 0, w = w_of("git clone https://github.com"), h = 600,
      text = cmd, size = 36, min_size = 36 })
    assert.is_true(m.lines == 3 and not m.cut, "lines " .. m.lines)
    -- the widest line is the URL's "https://github.com/" under the mark: its
    -- path on the line after
    local indent = 36 * 1.3
    assert.is_true(m.width <= w_of("https://github.com/") + indent + 1,
      string.format("%.1f: a line holds more than https://github.com/", m.width))
    -- a path is broken after a "/" where that fits, not after its hyphen
    local long = "curl -O https://downloads.example.org/releases/tool-1.2.3-linux-x86_64.tar.gz"
    local lm = core.measure({ type = "code", x = 0, y = 0, w = w_of("curl -O https://downloads.example.org/releases/tool-1"),
      h = 600, text = long, size = 36, min_size = 36 })
    assert.is_true(lm.lines == 2 and not lm.cut and not lm.shrunk, "lines " .. lm.lines)
    assert.is_true(lm.width <= w_of("curl -O https://downloads.example.org/releases/") + 1,
      string.format("%.1f: broken after tool-", lm.width))
  end)

  it("keeps a path whole, a little smaller, rather than breaking it after a slash", function()
    -- (a tall frame's code card: "~/.config/myapp/settings/" / "default.toml"
    -- read as two arguments)
    local t = "cp ~/.config/myapp/settings/default.toml ~/backup/myapp/settings/production.toml"
    local m = core.measure({ type = "code", x = 0, y = 0, w = 900, h = 5000, text = t, size = 40, min_size = 34 })
    assert.is_true(m.lines == 2 and not m.cut and m.final_size >= 34, string.format("%d lines at %.1f", m.lines, m.final_size))
    assert.are.equal(0, m.broken)
    -- a token longer than the line at any size tried still breaks (at a "/")
    local url = "curl -O https://downloads.example.org/releases/tool-1.2.3-linux-x86_64.tar.gz"
    local mu = core.measure({ type = "code", x = 0, y = 0, w = 900, h = 5000, text = url, size = 40, min_size = 34 })
    assert.is_true(not mu.cut and mu.final_size == 40 and mu.broken >= 1)
  end)

  it("wraps long code lines in a tall frame rather than shrinking the block", function()
    local scene = { scene_type = "command", visual_content = { header = "Compile from source", commands = {
      "git clone https://github.com/PJK/libcbor",
      "cmake -DCMAKE_BUILD_TYPE=Release -DCBOR_CUSTOM_ALLOC=ON libcbor", "make", "make install" } } }
    local dl = render.display_list(scene, { width = 1080, height = 1920, captions = true, t = "end" })
    local found
    for _, l in ipairs(texts(dl)) do
      if l.it.id == "commands" then found = core.measure(l.it) end
    end
    assert.is_truthy(found)
    assert.is_true(found.final_size >= 30 and not found.cut, "size " .. found.final_size)
  end)

  -- a command of one long line in a tall frame was two rows at 40 (or
  -- three at 36) over a frame two-thirds empty: it takes up to three rows
  -- more where that sets it a fifth larger
  it("sets a short command in a tall frame larger in a few more rows", function()
    for _, cmd in ipairs({ "docker run --rm -i ghcr.io/jqlang/jq:latest < package.json '.version'",
        "docker run --rm -i -v \"$PWD:$PWD\" -w \"$PWD\" ghcr.io/jqlang/jq:latest '.version' package.json" }) do
      local sc = { scene_type = "command", visual_content = { header = "Extract the version", commands = { cmd } } }
      local dl = render.display_list(sc, { width = 1080, height = 1920, captions = true, t = "end" })
      local m
      for _, l in ipairs(texts(dl)) do if l.it.id == "commands" then m = core.measure(l.it) end end
      assert.is_true(m.final_size >= 48 and m.lines <= 4 and not m.cut, string.format("%.1f in %d rows", m.final_size, m.lines))
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
  end)

  it("stacks a code comparison (before above after) in a tall frame, larger than in a wide one", function()
    local sc = { scene_type = "code_comparison", visual_content = { header = "Refactoring",
      before_code = "for i in range(len(xs)):\n    print(xs[i])", after_code = "for x in xs:\n    print(x)" } }
    local function sides(wh)
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], captions = true, t = "end" })
      local b, a
      for _, l in ipairs(texts(dl)) do
        if l.it.id == "before_code" then b = l elseif l.it.id == "after_code" then a = l end
      end
      local mb, ma = core.measure(b.it), core.measure(a.it)
      -- never shrunk, wrapped or cut: each line of code is one line on screen
      assert.is_true(mb.lines == 2 and ma.lines == 2 and not mb.cut and not ma.cut)
      return b, a, mb.final_size
    end
    -- (it was 30 at most in every frame, and side by side in a square one)
    local b, a, size = sides({ 1920, 1080 })
    assert.is_true(a.x > b.x + b.w and size <= 30)
    for _, wh in ipairs({ { 1080, 1920 }, { 1080, 1080 } }) do
      b, a, size = sides(wh)
      assert.is_true(a.y > b.y + b.h, "after is not under before at " .. wh[1] .. "x" .. wh[2])
      assert.is_true(size >= 40, "code at " .. size .. " at " .. wh[1] .. "x" .. wh[2])
    end
  end)

  it("a table page stays long enough to read: about half a second a cell, at least 4 s", function()
    -- (three rows of four cells were up 3 s, said as "And 7 more rows.")
    assert.is_true(render.settle_time(table_scene(3)) >= 6)
    assert.is_true(render.settle_time(table_scene(1)) >= 4)
  end)

  it("stays long enough to read: about 1.5 s a line, at least 4 s", function()
    local cmds = {}
    for i = 1, 10 do cmds[i] = "echo " .. i end
    local sc = { scene_type = "command", visual_content = { header = "Run", commands = cmds } }
    assert.is_true(render.settle_time(sc) >= 15)
    sc.visual_content.commands = { "make" }
    assert.is_true(render.settle_time(sc) >= 4)
  end)
end)

describe("long tokens in text", function()
  local function w_of(t, size)
    return core.measure({ type = "text", x = 0, y = 0, w = 5000, h = 200, text = t, size = size or 40, min_size = size or 40 }).width
  end

  it("split an IPv6 address or a path at its separators, with no hyphen", function()
    local ip = "Hexadecimal notation: 2001:0db8:85a3:0000:0000:8a2e:0370:7334"
    -- (a box a little narrower than the address: Pango split "8a2" from "e")
    local m = core.measure({ type = "text", x = 0, y = 0, w = 600, h = 1000, text = ip, size = 40, min_size = 14 })
    assert.is_true(m.lines == 3 and not m.shrunk and not m.cut, "lines " .. m.lines)
    assert.is_true(math.abs(m.width - w_of("2001:0db8:85a3:0000:0000:")) < 1,
      string.format("widest line %.1f, the address up to a colon is %.1f", m.width, w_of("2001:0db8:85a3:0000:0000:")))
    -- an identifier after its underscores (Pango hyphenated "CBOR_CUSTO-"):
    -- as wide as its pieces set line by line, as many as fit
    local pieces = { "CBOR_", "CUSTOM_", "ALLOC_", "INCLUDE_", "LONG_", "NAME" }
    local w = w_of("CBOR_CUSTOM_ALL")
    local widest, line = 0, ""
    for _, piece in ipairs(pieces) do
      if line ~= "" and w_of(line .. piece) > w then widest, line = math.max(widest, w_of(line)), "" end
      line = line .. piece
    end
    widest = math.max(widest, w_of(line))
    local mi = core.measure({ type = "text", x = 0, y = 0, w = w, h = 1000, text = table.concat(pieces),
      size = 40, min_size = 14 })
    assert.is_true(not mi.shrunk and math.abs(mi.width - widest) < 1, string.format("%.1f, pieces %.1f", mi.width, widest))
    -- a URL never after "https://" (the host stays with it)
    local url = "See https://github.com/Microsoft/vcpkg.git"
    local mu = core.measure({ type = "text", x = 0, y = 0, w = w_of("See https://github.co"), h = 1000, text = url,
      size = 40, min_size = 14 })
    assert.is_true(not mu.shrunk and math.abs(mu.width - w_of("https://github.com/")) < 1, string.format("%.1f", mu.width))
  end)

  it("keep an option or a path whole after its leading separators (never '--' at a line's end)", function()
    -- a box that ends just past "with --": Pango broke "--" from "fast=#"
    local t = "specified with --fast=#, offer"
    local w = w_of("specified with --") + 2
    local m = core.measure({ type = "text", x = 0, y = 0, w = w, h = 1000, text = t, size = 40, min_size = 40 })
    assert.is_true(math.abs(m.width - w_of("specified with")) < 1,
      string.format("first line %.1f wide, 'specified with' is %.1f", m.width, w_of("specified with")))
    local mp = core.measure({ type = "text", x = 0, y = 0, w = w_of("files in /") + 2, h = 1000, text = "files in /usr now",
      size = 40, min_size = 40 })
    assert.is_true(math.abs(mp.width - w_of("files in")) < 1, string.format("%.1f", mp.width))
  end)

  it("never break between the symbols of a word such as C++11 or g++", function()
    -- (UAX #14 allows a break between two "+": "compliant with the C+" / "+11 standard")
    for _, case in ipairs({ { "C++11", "C+" }, { "g++", "g+" }, { "C#", "C" } }) do
      local m = core.measure({ type = "text", x = 0, y = 0, w = w_of(case[2]) + 4, h = 1000, text = case[1],
        size = 40, min_size = 10 })
      assert.are.equal(1, m.lines, case[1] .. " broken")
    end
    -- in a sentence the line breaks before the word instead
    local t = "compliant with the C++11 standard"
    local m = core.measure({ type = "text", x = 0, y = 0, w = w_of("compliant with the C+") + 4, h = 1000,
      text = t, size = 40, min_size = 40 })
    assert.is_true(math.abs(m.width - w_of("compliant with the")) < 1, string.format("first line %.1f", m.width))
  end)

  it("are cut into the pieces the renderer breaks them at (token_pieces), for layouts to measure", function()
    local cases = {
      ["https://github.com/Microsoft/vcpkg.git"] = { "https://github.com/", "Microsoft/", "vcpkg.git" },
      ["/usr/local/lib/vgrun"] = { "/usr/", "local/", "lib/", "vgrun" },
      ["2001:0db8:85a3:0000:8a2e"] = { "2001:", "0db8:", "85a3:", "0000:", "8a2e" },
      ["CBOR_CUSTOM_ALLOC"] = { "CBOR_", "CUSTOM_", "ALLOC" },
      ["http://example.org"] = { "http://example.org" },
      -- a path breaks only after its "/": a line never ends in "nodejs-"
      ["/path/to/nodejs-keyring.kbx"] = { "/path/", "to/", "nodejs-keyring.kbx" },
      ["stages/render/text_layout.c"] = { "stages/", "render/", "text_layout.c" },
      -- an option breaks only after its "=": "--hole-" at a line's end read as a hyphenated word
      ["--hole-detection=METHOD"] = { "--hole-detection=", "METHOD" },
      ["--no-delay-directory-restore"] = { "--no-delay-directory-restore" },
      -- never inside brackets: a regex's class cut at its "-" ("[A-" / "Z]\\w+'")
      ["[A-Z]\\w+"] = { "[A-Z]\\w+" },
      ["LOG_[A-Z]_LEVEL"] = { "LOG_[A-Z]_", "LEVEL" },
      ["x-[a-z0-9]"] = { "x-[a-z0-9]" },
    }
    -- (a word with no separator inside is left to Pango: one piece here)
    assert.are.same({ "--fast=1" }, core.token_pieces("--fast=1"))
    assert.are.same({ "a plain text" }, core.token_pieces("a plain text"))
    -- (never a piece of one or two characters at a token's end: "x." / "y", "UTF-" / "8")
    assert.are.same({ "see /usr/", "lib and x.y" }, core.token_pieces("see /usr/lib and x.y"))
    assert.are.same({ "en_", "US.", "UTF-8" }, core.token_pieces("en_US.UTF-8"))
    -- a table cell's hyphen carries a WORD JOINER: the token goes on through it
    assert.are.same({ "en_", "US.", "UTF-\u{2060}8" }, core.token_pieces("en_US.UTF-\u{2060}8"))
    for token, want in pairs(cases) do
      assert.are.same(want, core.token_pieces(token))
      -- a box as wide as the widest piece holds the token without shrinking
      -- it; one a little narrower does not
      local widest = 0
      for _, p in ipairs(want) do widest = math.max(widest, w_of(p)) end
      local m = core.measure({ type = "text", x = 0, y = 0, w = widest + 1, h = 1000, text = token, size = 40, min_size = 14 })
      assert.is_true(not m.shrunk and not m.cut and m.lines >= #want - 2, token)
      local tight = core.measure({ type = "text", x = 0, y = 0, w = widest - 4, h = 1000, text = token, size = 40, min_size = 14 })
      assert.is_true(tight.shrunk, token .. " not shrunk in a box narrower than its widest piece")
    end
  end)

  it("set a piece wider than its box smaller, and past the smallest size split it anywhere rather than cut", function()
    local hash = "sha256:" .. string.rep("9f86d081", 6)
    local w = w_of(string.rep("9f86d081", 4))
    local m = core.measure({ type = "text", x = 0, y = 0, w = w, h = 1000, text = hash, size = 40, min_size = 14 })
    assert.is_true(m.shrunk and not m.cut and m.width <= w + 0.5, string.format("%.1f at %.1f", m.width, m.final_size))
    local tiny = core.measure({ type = "text", x = 0, y = 0, w = w / 4, h = 1000, text = hash, size = 40, min_size = 30 })
    assert.is_false(tiny.cut)
  end)

  it("give a table's column no more than its widest piece", function()
    local sc = { scene_type = "table", visual_content = { header = "Special addresses",
      columns = { "Name", "Address", "Scope", "Notes" }, rows = {
        { "Documentation", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "Global", "Reserved for examples" },
        { "Link-local", "fe80:0000:0000:0000:0202:b3ff:fe1e:8329", "Link", "Never routed beyond the link" } } } }
    local dl = render.display_list(sc, { width = 1080, height = 1080, t = "end" })
    for _, l in ipairs(texts(dl)) do
      if l.it.id == "rows[1][2]" then
        local m = core.measure(l.it)
        assert.is_false(m.shrunk or m.cut)
        assert.is_true(m.lines > 1 and m.width <= l.it.w + 0.5)
      end
    end
    assert.are.equal("", statuses(assert(core.check(dl))))
  end)
end)

describe("a long token on a slide (tests/render/fixtures/long_tokens.md)", function()
  local model = assert(require("vg.input").load("tests/render/fixtures/long_tokens.md"))
  local scenes = render.scenes_of(model)
  local function scene(kind)
    for _, sc in ipairs(scenes) do if sc.scene_type == kind then return sc end end
  end
  local function laid_out(sc, wh)
    local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
    local at = {}
    for _, l in ipairs(texts(dl)) do if l.it.id then at[l.it.id] = l end end
    return at, dl
  end

  it("sets every list card at the one size the piece fits, not that card alone smaller; no split for it", function()
    local fit = require("vg.create.fit")
    for _, wh in ipairs(SIZES) do
      local where = wh[1] .. "x" .. wh[2]
      local at, dl = laid_out(scene("list"), wh)
      local m = {}
      for i = 1, 3 do m[i] = core.measure(at["items[" .. i .. "]"].it) end
      -- (the address's card had been set at 43 beside short items at 56 in
      -- a tall frame: one card alone smaller read as a mistake; the whole
      -- slide at 42 before that had left three short items in tall cards)
      for i = 1, 3 do
        assert.is_true(not m[i].shrunk and not m[i].cut and math.abs(m[i].final_size - m[1].final_size) < 0.5,
          string.format("items[%d] at %.1f, items[1] at %.1f at %s", i, m[i].final_size, m[1].final_size, where))
      end
      assert.is_true(m[1].final_size >= 34, string.format("%.1f at %s", m[1].final_size, where))
      -- each text within its box, each card about as tall as its text
      for i = 1, 3 do
        local l = at["items[" .. i .. "]"]
        assert.is_true(m[i].width <= l.w + 0.5 and m[i].height <= l.h + 0.5, "items[" .. i .. "] at " .. where)
        assert.is_true(l.h <= m[i].height + 2 * 48 + 160, string.format("items[%d] in a card %.0f tall for %.0f at %s",
          i, l.h, m[i].height, where))
      end
      assert.is_true(at["items[1]"].y + at["items[1]"].h <= at["items[2]"].y, where)
      assert.are.equal("", statuses(assert(core.check(dl))))
      -- the slide is not split for the piece (a part holds it no larger)
      assert.are.equal(1, #fit.scene(scene("list"), { width = wh[1], height = wh[2] }), where)
    end
  end)

  it("sets the cards of one slide at one size for a bracketed token a little wider than its card", function()
    -- (FastAPI's README in a square frame: the second card alone at 40
    -- under a first at 50)
    local sc = { id = "d", scene_type = "list", visual_content = { header = "Dependencies", items = {
      { title = "Without standard Dependencies",
        description = 'You can install with uv add fastapi instead of uv add "fastapi[standard]"' },
      { title = "Without fastapi-cloud-cli",
        description = 'You can install with uv add "fastapi[standard-no-fastapi-cloud-cli]"' } } } }
    for _, wh in ipairs(SIZES) do
      local where = wh[1] .. "x" .. wh[2]
      local at, dl = laid_out(sc, wh)
      local m1, m2 = core.measure(at["items[1]"].it), core.measure(at["items[2]"].it)
      assert.is_true(not m1.shrunk and not m2.shrunk and math.abs(m1.final_size - m2.final_size) < 0.5,
        string.format("cards at %.1f and %.1f at %s", m1.final_size, m2.final_size, where))
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
  end)

  it("sets only the table cell that holds it smaller; the rest of the table keeps its size", function()
    for _, wh in ipairs(SIZES) do
      local where = wh[1] .. "x" .. wh[2]
      local at, dl = laid_out(scene("table"), wh)
      local cell, other = at["rows[1][2]"], core.measure(at["rows[2][1]"].it)
      -- (the class name's last piece set the whole table at 36 in a square or tall frame)
      assert.is_true(not other.shrunk and other.final_size >= 44, string.format("%.1f at %s", other.final_size, where))
      local m = core.measure(cell.it)
      assert.is_true(not m.cut and m.final_size >= 0.8 * other.final_size - 0.5 and m.width <= cell.w + 0.5,
        string.format("the class name's cell at %.1f at %s", m.final_size, where))
      -- the class name's cell beside its row's first cell, the next row under both
      assert.is_true(cell.x >= at["rows[1][1]"].x + at["rows[1][1]"].w and cell.y + m.height <= at["rows[2][2]"].y + 0.5, where)
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
  end)

  it("wraps a command's address after a '/' and keeps the block whole", function()
    for _, wh in ipairs(SIZES) do
      local at = laid_out(scene("command"), wh)
      local m = core.measure(at.commands.it)
      assert.is_true(not m.cut and m.final_size >= 30, string.format("%.1f at %dx%d", m.final_size, wh[1], wh[2]))
    end
  end)
end)

describe("nested lists", function()
  it("keep children under their parent, in the parent's column", function()
    local items = {}
    for p = 1, 3 do
      items[#items + 1] = { title = "Parent " .. p, level = 0 }
      for c = 1, 2 do items[#items + 1] = { title = "Child " .. p .. "." .. c, level = 1 } end
    end
    local sc = { scene_type = "list", visual_content = { header = "Contents", items = items } }
    local dl = render.display_list(sc, {})
    local pos = {}
    for _, l in ipairs(texts(dl)) do
      local m = core.measure(l.it)
      pos[m.text] = l
    end
    for p = 1, 3 do
      local parent = assert(pos["Parent " .. p], "Parent " .. p)
      for c = 1, 2 do
        local child = assert(pos["Child " .. p .. "." .. c])
        assert.is_true(child.x > parent.x, "child indented under its parent")
        assert.is_true(child.x - parent.x < 200, "child in its parent's column")
        assert.is_true(child.y > parent.y, "child below its parent")
      end
    end
  end)
end)

describe("a wide tree's two columns (tests/render/fixtures/tree_columns.md)", function()
  it("come close in height: a parent with its children one unit, the taller column wider", function()
    local model = assert(require("vg.input").load("tests/render/fixtures/tree_columns.md"))
    local sc
    for _, s in ipairs(render.scenes_of(model)) do if s.scene_type == "list" then sc = s end end
    local dl = render.display_list(sc, { width = 1920, height = 1080, t = "end" })
    local at = {}
    for _, l in ipairs(texts(dl)) do if l.it.id then at[l.it.id] = l end end
    -- two parents: five children under the first, three under the second
    local first, second = at["items[1]"], at["items[7]"]
    assert.is_true(second.x > first.x + 400 and math.abs(second.y - first.y) < 1, "the second parent heads a column")
    local bottom = { 0, 0 }
    for i = 1, 10 do
      local l = at["items[" .. i .. "]"]
      local col = i <= 6 and 1 or 2
      local parent = col == 1 and first or second
      -- each child under its parent, in its column, indented
      if i ~= 1 and i ~= 7 then assert.is_true(l.x > parent.x and l.x < parent.x + 200 and l.y > parent.y, "items[" .. i .. "]") end
      local m = core.measure(l.it)
      assert.is_false(m.shrunk or m.cut)
      bottom[col] = math.max(bottom[col], l.y + l.h)
    end
    -- (the second column ended at 55 % of the first's height)
    local h1, h2 = bottom[1] - first.y, bottom[2] - second.y
    assert.is_true(math.min(h1, h2) / math.max(h1, h2) >= 0.8, string.format("columns %.0f and %.0f high", h1, h2))
    -- the longer column is the wider one, and neither reaches past the frame
    assert.is_true(first.w > second.w and second.x + second.w <= 1920)
    assert.are.equal("", statuses(assert(core.check(dl))))
  end)
end)

describe("a callout", function()
  it("marks its points with its kind's badge and colour, not numbers", function()
    local function badges(vc)
      local out = {}
      for _, l in ipairs(leaves(render.display_list({ scene_type = "list", visual_content = vc }, {}).items)) do
        if l.it.type == "text" and #tostring(l.it.text) <= 3 and l.w and l.w < 80 then out[#out + 1] = l.it end
      end
      return out
    end
    local plain = badges({ header = "Build", items = { "Run make", "Run the tests" } })
    assert.same({ "1", "2" }, { plain[1].text, plain[2].text })
    local warn = badges({ header = "Warning", callout = "warning", items = { "Deleting loses tasks", "Keep copies" } })
    assert.same({ "!", "!" }, { warn[1].text, warn[2].text })
    local theme = require("vg.theme").get("light")
    local fills = {}
    for _, l in ipairs(leaves(render.display_list({ scene_type = "list",
        visual_content = { header = "Warning", callout = "warning", items = { "Deleting loses tasks" } } }, {}).items)) do
      if l.it.fill then fills[table.concat(l.it.fill, ",")] = true end
    end
    assert.is_true(fills[table.concat(theme.warn, ",")], "the warning colour is drawn")
  end)
end)

describe("the frame", function()
  it("balances a sparse slide vertically", function()
    local sc = { scene_type = "list", visual_content = { header = "Sparse", items = { "Only one item" } } }
    local dl = render.display_list(sc, {})
    local top, bottom = math.huge, -math.huge
    for _, l in ipairs(texts(dl)) do
      top = math.min(top, l.y)
      bottom = math.max(bottom, l.y + l.h)
    end
    local mid = (top + bottom) / 2
    assert.is_true(math.abs(mid - 540) < 120, "content centred near 540, got " .. mid)
  end)

  it("keeps content out of the burnt-in caption band", function()
    local items = {}
    for i = 1, 10 do items[i] = "Item number " .. i .. " with a few more words to read" end
    for _, wh in ipairs(SIZES) do
      local sc = { scene_type = "list", visual_content = { header = "Steps", items = items } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], captions = true })
      for _, l in ipairs(leaves(dl.items)) do
        if l.it.id and l.h then
          assert.is_true(l.y + l.h <= dl.height - render.CAPTION_BAND + 0.5,
            string.format("%s ends at %.0f, band starts at %.0f", l.it.id, l.y + l.h, dl.height - render.CAPTION_BAND))
        end
      end
    end
  end)

  it("pages a long quote by sentences as the narration reaches them", function()
    local q = {}
    for i = 1, 12 do q[i] = "Sentence " .. i .. " of the quotation has nine words." end
    local sc = { scene_type = "quote", visual_content = { quote_text = table.concat(q, " "), attribution = "A" } }
    local function quote_at(t)
      for _, l in ipairs(texts(render.display_list(sc, { t = t }))) do
        if l.it.id == "quote_text" then return l.it.text end
      end
    end
    local first, last = quote_at(0.6), quote_at("end")
    assert.is_truthy(first:find("Sentence 1 ", 1, true))
    assert.is_falsy(first:find("Sentence 12 ", 1, true))
    assert.is_truthy(last:find("Sentence 12 ", 1, true))
    assert.is_falsy(last:find("Sentence 1 ", 1, true))
    assert.is_true(select(2, last:gsub("%S+", "")) <= 70)
  end)

  it("sets every part and page of one quote at one type size", function()
    -- (a long block quote the reader cut in two, a long sentence and three
    -- short ones: 41 and 56 in a square frame)
    local input = require("vg.input")
    local fit = require("vg.create.fit")
    local function size(sc, t, wh)
      for _, l in ipairs(texts(render.display_list(sc, { width = wh[1], height = wh[2], t = t or "end" }))) do
        if l.it.id == "quote_text" then return core.measure(l.it).final_size end
      end
    end
    for _, wh in ipairs(SIZES) do
      local model = assert(input.load("tests/render/fixtures/long_quote.md", {}))
      fit.videos(model.videos, { width = wh[1], height = wh[2] })
      local sizes = {}
      for _, sc in ipairs(model.videos[1].scenes) do
        if sc.scene_type == "quote" then sizes[#sizes + 1] = size(sc, nil, wh) end
      end
      assert.is_true(#sizes > 1, "one quote scene")
      for k = 2, #sizes do
        assert.is_true(math.abs(sizes[k] - sizes[1]) < 0.05, ("%.1f and %.1f at %dx%d"):format(sizes[1], sizes[k], wh[1], wh[2]))
      end
    end
    -- the pages of a long quote shown one after the other in one scene
    local long = {}
    for i = 1, 6 do long[#long + 1] = "This sentence number " .. i .. " of the quotation goes on with a few more words to read." end
    long[#long + 1] = "Short one."
    long[#long + 1] = "Done."
    local sc = { scene_type = "quote", visual_content = { quote_text = table.concat(long, " "), attribution = "A" } }
    assert.is_true(math.abs(size(sc, 0.6, { 1080, 1080 }) - size(sc, "end", { 1080, 1080 })) < 0.05)
  end)

  it("never lets the quote mark overlap the quote", function()
    local q = string.rep("A long quotation that goes on and on. ", 12)
    for _, wh in ipairs(SIZES) do
      local sc = { scene_type = "quote", visual_content = { quote_text = q, attribution = "Someone" } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2] })
      local mark, body
      for _, l in ipairs(texts(dl)) do
        if l.it.text == "\u{201C}" then mark = l elseif l.it.id == "quote_text" then body = l end
      end
      assert.is_truthy(mark and body)
      -- the mark's ink is in the top ~60 % of its box
      local m = core.measure(mark.it)
      assert.is_true(body.y >= mark.y + m.height * 0.6, "quote text starts below the mark")
    end
  end)

  it("gives one item, or a line or two of code, larger type in a tall frame", function()
    local one = { scene_type = "list", visual_content = { header = "Contact",
      items = { "You can find and chat with us on our Gitter." } } }
    local code = { scene_type = "command", visual_content = { header = "Testing", commands = { "bin/bats --tap test" } } }
    for _, case in ipairs({ { one, "items[1]", 52 }, { code, "commands", 52 } }) do
      local dl = render.display_list(case[1], { width = 1080, height = 1920, t = "end" })
      local found
      for _, l in ipairs(texts(dl)) do
        if l.it.id == case[2] then found = core.measure(l.it).final_size end
      end
      assert.is_truthy(found, case[2])
      assert.is_true(found >= case[3], case[2] .. " at " .. tostring(found))
    end
  end)

  -- hyperfine's one-line commands: a 37-column line held whole at 38 in a
  -- tall or square frame (the frame two-thirds empty) and a 63-column line
  -- at 36 in a wide one (too long for 46, the next size tried)
  it("sets a short command larger in every frame, wrapped between tokens where the frame is narrow", function()
    local function size(cmd, wh)
      local sc = { scene_type = "command", visual_content = { header = "Warmup runs", language = "sh", commands = { cmd } } }
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      for _, l in ipairs(texts(dl)) do
        if l.it.id == "commands" then return core.measure(l.it), dl end
      end
    end
    for _, wh in ipairs({ { 1080, 1920 }, { 1080, 1080 } }) do
      local m, dl = size("hyperfine --warmup 3 'grep -R TODO *'", wh)
      assert.is_true(m.final_size >= 48 and m.lines <= 4 and not m.cut and (m.broken or 0) == 0,
        string.format("%dx%d: %.1f in %d rows", wh[1], wh[2], m.final_size, m.lines))
      assert.are.equal("", statuses(assert(core.check(dl))))
    end
    local m = size("hyperfine --shell zsh 'for i in {1..10000}; do echo test; done'", { 1920, 1080 })
    assert.is_true(m.final_size >= 40 and m.lines == 1 and not m.cut, string.format("%.1f in %d rows", m.final_size, m.lines))
  end)
end)

-- The type size of an item's text in a frame (the whole slide shown).
local function size_of(sc, wh, id, full)
  local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end", captions = true })
  for _, l in ipairs(texts(dl)) do
    if l.it.id == id then
      local m = core.measure(l.it)
      if not full then assert.is_false(m.shrunk or m.cut or false, id .. " shrunk or cut") end
      return m.final_size, dl
    end
  end
  error(id .. " not found")
end

describe("type size by what fits the frame", function()
  local agenda = { scene_type = "list", visual_content = { header = "Table of contents",
    items = { "Testing", "Support", "Contributing", "Contact", "Version history", "Background", "Copyright" } } }
  local three = { scene_type = "list", visual_content = { header = "Support", items = {
    "The Bats source code repository is hosted on GitHub",
    "For real-world examples from open-source projects using Bats, see Projects Using Bats",
    "To learn how to set up your editor for Bats syntax highlighting" } } }

  it("sets a tall frame's seven-item agenda larger than a wide frame's", function()
    -- (it was 38 in every square or tall frame, the middle third of the height)
    assert.is_true(size_of(agenda, { 1080, 1920 }, "items[1]") >= 50)
    -- a square frame with a caption band: a smaller title band, less
    -- padding around seven short items (it was 38)
    assert.is_true(size_of(agenda, { 1080, 1080 }, "items[1]") >= 44)
  end)

  it("sets a tall frame's three long items larger, and fills the height", function()
    local size, dl = size_of(three, { 1080, 1920 }, "items[2]")
    assert.is_true(size >= 50, "three items at " .. size)
    -- the cards reach from under the title to near the caption band
    local bottom = 0
    for _, l in ipairs(texts(dl)) do bottom = math.max(bottom, l.y + l.h) end
    assert.is_true(bottom > 0.6 * dl.height, "content ends at " .. bottom)
  end)

  it("sets a few short commands in a square or tall frame larger", function()
    local sc = { scene_type = "command", visual_content = { header = "Build", commands = {
      "mkdir build", "cd build", "cmake ..", "make -j4" } } }
    -- (it was 40 in a square frame, 46 in a tall one, 40 in a wide one)
    assert.is_true(size_of(sc, { 1080, 1080 }, "commands") >= 50)
    assert.is_true(size_of(sc, { 1080, 1920 }, "commands") >= 50)
    assert.are.equal(44, size_of(sc, { 1920, 1080 }, "commands"))   -- (40 before a wide slide of a few lines grew too)
  end)

  it("wraps one long line of a short block in a wide frame rather than shrink the block", function()
    local sc = { scene_type = "command", visual_content = { header = "Configure", language = "sh", commands = {
      "mkdir build && cd build", "cmake ..", "make -j4", "sudo make install", "ctest --output-on-failure",
      "./configure --prefix=/usr/local --enable-shared --disable-static --with-pic --with-x",
      "make check", "make dist" } } }
    local function code_of(s) return core.measure(by_id(s, { 1920, 1080 }, "commands")) end
    -- (the 83-column line set all eight lines at 32)
    local m = code_of(sc)
    assert.is_true(m.final_size >= 40, "eight lines at " .. m.final_size)
    assert.are.equal(9, m.lines)
    -- two long lines of three: the block stays on its lines
    local two = { scene_type = "command", visual_content = { header = "Configure", language = "sh", commands = {
      "./configure --prefix=/usr/local --enable-shared --disable-static --with-pic --with-x",
      "./configure --prefix=/opt/local --enable-static --disable-shared --without-pic",
      "make" } } }
    assert.are.equal(3, code_of(two).lines)
  end)

  it("sets a small table in a square or tall frame larger", function()
    local sc = { scene_type = "table", visual_content = { header = "Targets", columns = { "Target", "Status" },
      rows = { { "Linux", "Tier 1" }, { "macOS", "Tier 1" }, { "Windows", "Tier 2" } } } }
    -- (it was 44 in every frame; a wide frame's grows too where it has the
    -- room: below)
    assert.is_true(size_of(sc, { 1080, 1920 }, "rows[3][1]") > 44)
    assert.is_true(size_of(sc, { 1080, 1080 }, "rows[3][1]") > 44)
    assert.is_true(size_of(sc, { 1920, 1080 }, "rows[3][1]") >= 44)
  end)

  it("splits a list a square frame would set below 34 rather than shrink it there", function()
    local fit = require("vg.create.fit")
    local sc = { id = "p", scene_type = "list", visual_content = { header = "What to bring", items = {
      "A passport that stays valid for at least six months after the day you plan to come home again",
      "Two pairs of comfortable walking shoes that you have already worn in for a few weeks before leaving",
      "A small first aid kit with plasters, painkillers, and any medicine your doctor prescribed for you",
      "A universal power adapter, because sockets differ from one country to the next in shape and voltage",
      "Copies of every important document, kept apart from the originals in a separate pocket or bag",
      "A light rain jacket that folds into its own pocket and weighs almost nothing in the backpack" } } }
    -- (with the square header's room it fitted whole at 31, shrunk as one;
    -- a phone shows the frame small: every part at 44 or more)
    local parts = fit.scene(sc, { width = 1080, height = 1080, captions = true })
    assert.is_true(#parts > 1, "not split")
    for _, p in ipairs(parts) do
      assert.is_true(size_of(p, { 1080, 1080 }, "items[1]") >= 44)
    end
    assert.are.equal(1, #fit.scene(sc, { width = 1920, height = 1080, captions = true }))
  end)

  it("splits a stacked table in a tall frame into fewer rows at a larger size", function()
    local fit = require("vg.create.fit")
    local rows = {}
    for i = 1, 6 do rows[i] = { "zstd 1.5.1 --fast=" .. i, "2." .. i, (500 + i) .. " MB/s", (2000 + i) .. " MB/s" } end
    local sc = { id = "b", scene_type = "table", visual_content = { header = "Benchmarks",
      columns = { "Compressor name", "Ratio", "Compression", "Decompress." }, rows = rows } }
    -- (whole, it was set at 26 in one scene; its parts now stay at 34 or more)
    local parts = fit.scene(sc, { width = 1080, height = 1920, captions = true })
    assert.is_true(#parts > 1, "not split")
    local n = 0
    for _, p in ipairs(parts) do
      n = n + #p.visual_content.rows
      assert.is_true(size_of(p, { 1080, 1920 }, "rows[1]") >= 34)
    end
    assert.are.equal(6, n)
    -- a wide frame keeps it whole, a grid as before
    assert.are.equal(1, #fit.scene(sc, { width = 1920, height = 1080, captions = true }))
    -- five rows that fit whole only at 34 (beside parts of three at 56) are
    -- split too: every part at 44 or more, as a list's items on a phone
    local five = { id = "f", scene_type = "table", visual_content = { header = "Benchmarks",
      columns = sc.visual_content.columns, rows = { rows[1], rows[2], rows[3], rows[4], rows[5] } } }
    local fparts = fit.scene(five, { width = 1080, height = 1920, captions = true })
    assert.is_true(#fparts > 1, "five rows not split")
    for _, p in ipairs(fparts) do assert.is_true(size_of(p, { 1080, 1920 }, "rows[1]") >= 44) end
  end)

  -- ripgrep's README benchmark: eight tools, their commands long tokens
  local function ripgrep_table()
    local tools = { { "ripgrep (Unicode)", "rg -n -w '[A-Z]+_SUSPEND'", "536", "0.082s (1.00x)" },
      { "hypergrep", "hgrep -n -w '[A-Z]+_SUSPEND'", "536", "0.167s (2.04x)" },
      { "git grep", "git grep -P -n -w '[A-Z]+_SUSPEND'", "536", "0.273s (3.34x)" },
      { "The Silver Searcher", "ag -w '[A-Z]+_SUSPEND'", "534", "0.443s (5.43x)" },
      { "ugrep", "ugrep -r --ignore-files --no-hidden -I -w '[A-Z]+_SUSPEND'", "536", "0.639s (7.82x)" },
      { "git grep", "LC_ALL=C git grep -E -n -w '[A-Z]+_SUSPEND'", "536", "0.727s (8.91x)" },
      { "git grep (Unicode)", "LC_ALL=en_US.UTF-8 git grep -E -n -w '[A-Z]+_SUSPEND'", "536", "2.670s (32.70x)" },
      { "ack", "ack -w '[A-Z]+_SUSPEND'", "2677", "2.935s (35.94x)" } }
    return { id = "rg", scene_type = "table", narration = "The table shows Tool, Command, Line count, and Time.",
      visual_content = { header = "Quick examples comparing tools", columns = { "Tool", "Command", "Line count", "Time" },
        rows = tools } }
  end

  it("splits a table into parts of several rows in every frame, never a row a slide", function()
    local fit = require("vg.create.fit")
    for _, wh in ipairs(SIZES) do
      local parts = fit.scene(ripgrep_table(), { width = wh[1], height = wh[2], captions = true })
      local n = 0
      for _, p in ipairs(parts) do
        local rows = #p.visual_content.rows
        n = n + rows
        -- (in a square frame it was eight slides of one row each)
        assert.is_true(rows >= 2, rows .. " row(s) in a part at " .. wh[1] .. "x" .. wh[2])
        assert.is_true(size_of(p, wh, wh[2] > wh[1] and "rows[1]" or "rows[1][1]", true) >= 24)
      end
      assert.are.equal(8, n)
      assert.is_true(#parts <= 4, #parts .. " parts at " .. wh[1] .. "x" .. wh[2])
    end
  end)

  it("lets a header wrap at its words where its one line would make the table smaller", function()
    -- "Available since version" on one line over "3.1" took the width the
    -- descriptions needed: seven rows were set at 30 in a wide frame
    local rows = {}
    for i = 1, 7 do rows[i] = { "opt" .. i, "Sets how the parser reads a quoted value that runs over the end of its line", "3." .. i } end
    local sc = { scene_type = "table", visual_content = { header = "Options",
      columns = { "Name", "Description", "Available since version" }, rows = rows } }
    local dl = render.display_list(sc, { width = 1920, height = 1080, t = "end" })
    local head, cell
    for _, l in ipairs(texts(dl)) do
      if l.it.id == "columns[3]" then head = l.it end
      if l.it.id == "rows[1][2]" then cell = l.it end
    end
    assert.is_true(cell.size >= 34, "set at " .. cell.size)
    assert.is_true(core.measure(head).lines >= 2)
    assert.are.equal(1, core.measure(cell).lines)
    assert.are.equal("", statuses(assert(core.check(dl))))
  end)

  it("moves width to the column that sets the rows' heights from one that loses no line for it", function()
    -- Node.js' platform list: its versions and notes wrapped a word a line
    -- beside columns of short words; the whole table was set at 20
    local rows = {
      { "GNU/Linux", "x64", "kernel >= 4.18, glibc >= 2.28", "Tier 1", "e.g. Ubuntu 20.04, Debian 10, RHEL 8" },
      { "GNU/Linux", "x64", "kernel >= 3.10, musl >= 1.1.19", "Experimental", "e.g. Alpine 3.8" },
      { "GNU/Linux", "x86", "kernel >= 3.10, glibc >= 2.17", "Experimental", "Downgraded as of Node.js 10" },
      { "GNU/Linux", "arm64", "kernel >= 4.18, glibc >= 2.28", "Tier 1", "e.g. Ubuntu 20.04, Debian 10, RHEL 8" },
      { "Windows", "x64, x86 (WoW64)", ">= Windows 10/Server 2016", "Tier 1", "" },
      { "Windows", "x86 (native)", ">= Windows 10/Server 2016", "Tier 1 (running) / Experimental (compiling)", "" },
      { "macOS", "x64", ">= 11.0", "Tier 1", "For notes about compilation see Tier 1" },
      { "SmartOS", "x64", ">= 18", "Tier 2", "" } }
    local sc = { scene_type = "table", visual_content = { header = "Platform list",
      columns = { "Operating System", "Architectures", "Versions", "Support Type", "Notes" }, rows = rows } }
    local size, dl = size_of(sc, { 1920, 1080 }, "rows[1][1]", true)
    assert.is_true(size >= 22, "set at " .. size)
    assert.are.equal("", statuses(assert(core.check(dl))))
  end)

  it("estimates a table slide's length with its reading time, as the timeline holds it", function()
    local fit = require("vg.create.fit")
    local icore = require("vg.input_core")
    local sc = ripgrep_table()
    sc.narration = "And 7 more rows."
    for _, n in ipairs({ 1, 3, 8 }) do
      local part = { id = "p", scene_type = "table", narration = sc.narration, visual_content = {
        header = "B", columns = sc.visual_content.columns, rows = { table.unpack(sc.visual_content.rows, 1, n) } } }
      local held = fit.scene_seconds(part, "en")
      -- (half a second a cell, at least 4 s, and the hold: 16.5 s for 32 cells)
      assert.is_true(held >= math.max(4, 0.5 * 4 * n), n .. " rows held " .. held)
      assert.is_true(math.abs(icore.scene_seconds(part, "en") - held) < 0.05,
        n .. " rows: estimated " .. icore.scene_seconds(part, "en") .. ", held " .. held)
    end
  end)

  it("sets a quiz, a problem, a solution and a checkpoint larger in a tall frame", function()
    local quiz = { scene_type = "quiz", visual_content = { question = "Which is faster?",
      options = { "A loop", "A map", "It depends", "Neither" }, correct_answer = "C", show_answer = true } }
    local problem = { scene_type = "problem", visual_content = { problem_number = 1, title = "Reverse a List",
      problem_text = "Write a function that reverses a list in place." } }
    local solution = { scene_type = "solution", visual_content = { title = "Two Pointers",
      solution_code = "def rev(xs):\n    i, j = 0, len(xs) - 1", explanation = "Swap from both ends toward the middle." } }
    local checkpoint = { scene_type = "checkpoint", visual_content = { checkpoint_number = 1,
      completed_topics = { "Lists", "Loops" }, review_questions = { "What is a pointer?" }, next_topics = { "Dictionaries" } } }
    -- (they were 40, 44, 32 and 34, and 32 in every frame)
    local cases = { { quiz, "options[1]", 40, 48 }, { problem, "problem_text", 44, 52 },
      { solution, "solution_code", 32, 38 }, { solution, "explanation", 34, 40 },
      { checkpoint, "completed_topics", 32, 40 } }
    for _, k in ipairs(cases) do
      assert.are.equal(k[3], size_of(k[1], { 1920, 1080 }, k[2]), k[2] .. " in a wide frame")
      local tall = size_of(k[1], { 1080, 1920 }, k[2])
      assert.is_true(tall >= k[4], k[2] .. " at " .. tall .. " in a tall frame")
    end
    -- the quiz's options are one column in a tall frame, each card about as tall as its text
    local dl = render.display_list(quiz, { width = 1080, height = 1920, t = "end", captions = true })
    local a, b
    for _, l in ipairs(texts(dl)) do
      if l.it.id == "options[1]" then a = l elseif l.it.id == "options[2]" then b = l end
    end
    assert.is_true(math.abs(a.x - b.x) < 1 and b.y > a.y and a.h < 200)
  end)

  it("sets a checkpoint in rows, a quiz in one column, learning objectives below their facts and pills larger in a square frame with burnt captions", function()
    local quiz = { scene_type = "quiz", visual_content = { question = "Which is faster?",
      options = { "A loop", "A map", "It depends", "Neither" }, correct_answer = "C", show_answer = true } }
    local checkpoint = { scene_type = "checkpoint", visual_content = { checkpoint_number = 1,
      completed_topics = { "Lists", "Loops" }, review_questions = { "What is a pointer?" }, next_topics = { "Dictionaries" } } }
    -- (they were 40 in a 2x2 grid and 32 in three columns a quarter of the frame wide)
    assert.is_true(size_of(quiz, { 1080, 1080 }, "options[1]") >= 48)
    local sz, dl = size_of(checkpoint, { 1080, 1080 }, "completed_topics")
    assert.is_true(sz >= 44, "checkpoint at " .. sz)
    local at = {}
    for _, l in ipairs(texts(dl)) do at[l.it.id or ""] = l end
    -- one row per part: each part's points below the one before, at one left edge
    local a, b, n = at.completed_topics, at.review_questions, at.next_topics
    assert.is_true(b.y > a.y and n.y > b.y and math.abs(a.x - b.x) < 1 and math.abs(b.x - n.x) < 1)
    -- nothing reaches the captions' band
    for _, l in ipairs(texts(dl)) do
      assert.is_true(l.y + l.h <= dl.height - render.CAPTION_BAND + 0.5, tostring(l.it.id))
    end
    -- the quiz's options one column
    local _, qdl = size_of(quiz, { 1080, 1080 }, "options[1]")
    local o = {}
    for _, l in ipairs(texts(qdl)) do o[l.it.id or ""] = l end
    assert.is_true(math.abs(o["options[1]"].x - o["options[2]"].x) < 1 and o["options[4]"].y > o["options[3]"].y)
    assert.is_true(o["options[4]"].y + o["options[4]"].h <= qdl.height - render.CAPTION_BAND + 0.5)
    -- the pills above a problem's or an exercise's title: 32, not 26
    local problem = { scene_type = "problem", visual_content = { problem_number = 1, difficulty = "easy",
      title = "Reverse a List", problem_text = "Write a function that reverses a list in place." } }
    assert.are.equal(32, size_of(problem, { 1080, 1080 }, "problem_number"))
    assert.are.equal(26, size_of(problem, { 1920, 1080 }, "problem_number"))
    -- learning objectives: the facts in a strip above them, the objectives the
    -- frame's width (a card beside them wrapped "Render the / scenes" at 60)
    local lo = { scene_type = "learning_objectives", visual_content = { lesson_title = "Lesson Goals",
      objectives = { "Read the input", "Render the scenes", "Encode the video" },
      lesson_info = { duration = 10, difficulty = "beginner", prerequisites = "None" } } }
    local _, ldl = size_of(lo, { 1080, 1080 }, "lesson_info")
    local l = {}
    for _, t in ipairs(texts(ldl)) do l[t.it.id or ""] = t end
    assert.is_true(l.lesson_info.y < l["objectives[1]"].y)
    for i = 1, 3 do
      local m = core.measure(l["objectives[" .. i .. "]"].it)
      assert.are.equal(1, m.lines, "objective " .. i .. " wraps")
      assert.is_true(m.final_size >= 48)
    end
  end)

  it("sets a code comparison's Before and After pills as large as the frame's other pills", function()
    local sc = { scene_type = "code_comparison", visual_content = { header = "Refactoring",
      before_code = "for i in range(len(xs)):\n    print(xs[i])", after_code = "for x in xs:\n    print(x)" } }
    local problem = { scene_type = "problem", visual_content = { problem_number = 1, difficulty = "easy",
      title = "Reverse a List", problem_text = "Write a function that reverses a list in place." } }
    -- (they stayed at 24 while a problem's went to 32 in a square or tall frame)
    for _, wh in ipairs(SIZES) do
      local other = size_of(problem, wh, "problem_number")
      assert.are.equal(other, size_of(sc, wh, "before_label"), "at " .. wh[1] .. "x" .. wh[2])
      assert.are.equal(other, size_of(sc, wh, "after_label"), "at " .. wh[1] .. "x" .. wh[2])
    end
    assert.are.equal(32, size_of(sc, { 1080, 1920 }, "before_label"))
  end)

  it("stacks a code comparison in a square frame at a readable size, its pills in the cards' bars", function()
    -- (side by side, six lines a side were set at 17 in a square frame;
    -- stacked with a pill above each card and halves of the height, no larger)
    local sc = { scene_type = "code_comparison", visual_content = { header = "Improving Function Design",
      before_code = "def process(data):\n  result = []\n  for item in data:\n    if item > 0:\n" ..
        "      result.append(item * 2)\n  return result",
      after_code = "def process(data):\n  return [\n    item * 2\n    for item in data\n    if item > 0\n  ]" } }
    for _, wh in ipairs({ { 1080, 1080 }, { 1080, 1920 } }) do
      local where = wh[1] .. "x" .. wh[2]
      local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
      local l = {}
      for _, t in ipairs(texts(dl)) do l[t.it.id or ""] = t end
      local b, a = l.before_code, l.after_code
      local mb, ma = core.measure(b.it), core.measure(a.it)
      assert.is_true(mb.final_size >= 24 and ma.final_size >= 24,
        string.format("%s: code at %.0f and %.0f", where, mb.final_size, ma.final_size))
      assert.are.equal(6, mb.lines, where)
      assert.is_true(a.y > b.y + mb.height, where .. ": not stacked")
      -- each pill beside its card's window dots, above its code
      assert.is_true(l.before_label.y < b.y and l.before_label.y > b.y - 120, where)
      assert.is_true(l.after_label.y < a.y and l.after_label.y > b.y + mb.height, where)
      assert.are.equal("", statuses(render.check_list(dl)), where)
    end
  end)

  it("sets code with a long line larger, wrapped between tokens, in a tall frame and a wide one", function()
    local sc = { scene_type = "command", visual_content = { header = "VCPKG", commands = {
      "git clone https://github.com/Microsoft/vcpkg.git", "cd vcpkg", "./bootstrap-vcpkg.sh",
      "./vcpkg integrate install", "./vcpkg install zstd" } } }
    -- (the long line held the whole block at 36)
    local sz, dl = size_of(sc, { 1080, 1920 }, "commands")
    assert.is_true(sz >= 44, "code at " .. sz)
    for _, l in ipairs(texts(dl)) do
      if l.it.id == "commands" then
        local m = core.measure(l.it)
        assert.is_true(m.lines > 5 and m.lines <= 10, m.lines .. " lines")
      end
    end
    -- a wide frame keeps it on its own lines
    assert.is_true(size_of(sc, { 1920, 1080 }, "commands") >= 36)
    -- and wraps a line too long for it rather than shrink the block (to 26)
    local lua = { scene_type = "command", visual_content = { header = "Lua API", language = "lua", commands = {
      'local greet = require("greet")',
      'local msg = greet.make({ name = "world", punctuation = "!", instead_of_hello = "Good morning" })',
      "print(msg)" } } }
    assert.is_true(size_of(lua, { 1920, 1080 }, "commands") >= 30)
    -- a square frame wraps two long lines between tokens at 40 or more,
    -- rather than shrink them to 24 (lua-term's "As a String")
    local two = { scene_type = "command", visual_content = { header = "As a String", language = "lua", commands = {
      "print(colors.red .. 'hello' .. colors.reset)", "print(colors.red, 'hello', colors.reset)" } } }
    assert.is_true(size_of(two, { 1080, 1080 }, "commands") >= 40)
  end)

  it("keeps a column of trailing comments whole in a square or tall frame", function()
    -- deno's "./x build       # Build the deno binary (debug mode)": each
    -- line wrapped inside its comment, "↪ binary (debug mode)" under the
    -- commands, the two columns lost (and the square frame split them too)
    local sc = { scene_type = "command", visual_content = { header = "The ./x tool", language = "sh", commands = {
      "./x build       # Build the deno binary (debug mode)",
      "./x check       # Fast compile check (no linking)",
      "./x fmt         # Format all code",
      "./x lint        # Lint all code (JS/TS + Rust)",
      "./x verify      # Pre-commit verification (fmt + lint-js)",
      "./x node-compat # Run Node.js compatibility tests" } } }
    for _, wh in ipairs({ { 1080, 1920 }, { 1080, 1080 } }) do
      local sz, dl = size_of(sc, wh, "commands")
      for _, l in ipairs(texts(dl)) do
        if l.it.id == "commands" then
          -- each comment on its own line (or comment lines of its own,
          -- reflowed where that sets the block larger) above its command,
          -- nothing wrapped under a mark
          local first = l.it.text:match("^(.-)\n%./x build\n")
          assert.is_truthy(first, l.it.text)
          assert.are.equal("# Build the deno binary (debug mode)", (first:gsub("\n# ", " ")))
          local shown = select(2, l.it.text:gsub("\n", "")) + 1
          local m = core.measure(l.it)
          assert.is_true(shown >= 12)
          assert.are.equal(shown, m.lines, "at " .. wh[1] .. "x" .. wh[2])
        end
      end
      -- (on its own lines at 85 % of 36 or more, as a wide frame sets long code)
      assert.is_true(sz >= 30, "code at " .. sz .. " at " .. wh[1] .. "x" .. wh[2])
    end
    -- a wide frame keeps the columns as written
    local _, dl = size_of(sc, { 1920, 1080 }, "commands")
    for _, l in ipairs(texts(dl)) do
      if l.it.id == "commands" then assert.are.equal(sc.visual_content.commands[1], l.it.text:match("^[^\n]*")) end
    end
  end)

  it("sets a wide frame's list with room larger, one size a slide, a tree kept whole", function()
    -- (they were 38, 30 and 30: a wide frame set its lists by their count)
    assert.is_true(size_of(three, { 1920, 1080 }, "items[1]") >= 48)
    assert.is_true(size_of(agenda, { 1920, 1080 }, "items[1]") >= 44)
    -- the Internet guide's volumes: two parents of four children with a
    -- description line under the title (it was 30, children's lines at 25)
    local items = {}
    for p = 1, 2 do
      items[#items + 1] = { title = "Volume " .. p .. ": Core Infrastructure", level = 0 }
      for k = 1, 4 do
        items[#items + 1] = { title = "Topic " .. p .. "." .. k, description = "Fiber optics, submarine cables", level = 1 }
      end
    end
    local tree = { scene_type = "list", visual_content = { header = "Main Volumes", items = items } }
    local size, dl = size_of(tree, { 1920, 1080 }, "items[1]")
    assert.is_true(size >= 38, "tree at " .. size)
    local at = {}
    for _, l in ipairs(texts(dl)) do
      at[l.it.id or ""] = l
      if l.it.id and l.it.id:match("^items") then
        assert.are.equal(size, core.measure(l.it).final_size, l.it.id)
      end
    end
    -- children under their parent, in its column; the second parent heads a column
    for k = 2, 5 do assert.is_true(at["items[" .. k .. "]"].x > at["items[1]"].x and at["items[" .. k .. "]"].x < at["items[6]"].x) end
    assert.is_true(at["items[6]"].x > at["items[1]"].x + 400 and math.abs(at["items[6]"].y - at["items[1]"].y) < 1)
    -- the slide reaches from under the title to near the bottom of the box
    local bottom = 0
    for _, l in ipairs(texts(dl)) do bottom = math.max(bottom, l.y + l.h) end
    assert.is_true(bottom > 0.7 * dl.height, "content ends at " .. bottom)
  end)

  it("keeps a wide frame's full list at 30 or more, split rather than shrunk below", function()
    local items = {}
    for i = 1, 10 do items[i] = "Item number " .. i .. " with a few more words to read" end
    local full = { scene_type = "list", visual_content = { header = "Steps", items = items } }
    assert.is_true(size_of(full, { 1920, 1080 }, "items[1]") >= 30)
    -- ten items of three lines in two columns: shrunk in their cards to 25
    -- before; now two scenes, every item at 30 or more
    local fit = require("vg.create.fit")
    local long = {}
    for i = 1, 10 do
      long[i] = "Item " .. i .. " is a long point that goes on for a while, with a clause or two more, "
        .. "and then some more words so that it needs three lines in a column"
    end
    local sc = { id = "w", scene_type = "list", visual_content = { header = "Steps", items = long } }
    local parts = fit.scene(sc, { width = 1920, height = 1080, captions = true })
    assert.is_true(#parts > 1, "not split")
    for _, p in ipairs(parts) do
      for i = 1, #p.visual_content.items do
        assert.is_true(size_of(p, { 1920, 1080 }, "items[" .. i .. "]") >= 30)
      end
    end
  end)

  it("keeps a tall frame's full list at the size it fits", function()
    local items = {}
    for i = 1, 12 do items[i] = "Item number " .. i .. " with a few more words to read, and a few more" end
    local full = { scene_type = "list", visual_content = { header = "Steps", items = items } }
    -- (too full to fit at all: it shrinks as before, and vg.create.fit splits it)
    assert.is_true(size_of(full, { 1080, 1920 }, "items[12]", true) < 34)
  end)
end)

describe("a code block without a language (scenes/common.lua guess_language)", function()
  local c = require("vg.scenes.common")
  it("is Python by its keywords, not by a colon over indented lines", function()
    assert.are.equal("python", c.guess_language("def f(x):\n    return x\n"))
    assert.are.equal("python", c.guess_language("for name in names:\n    greet(name)\n"))
    assert.are_not.equal("python", c.guess_language("ARGUMENTS:\n  INPUT     path to the input file\n"))
  end)
end)

describe("a drawing in a code block (+--+ | or ┌─┐ │ boxes)", function()
  local fit = require("vg.create.fit")
  local ascii = table.concat({
    "+-----------+      +-----------+      +-----------+      +-----------+",
    "|  Parser   | ---> |  Planner  | ---> | Renderer  | ---> |  Encoder  |",
    "+-----------+      +-----------+      +-----------+      +-----------+",
    "      |                                     |",
    "      v                                     v",
    "+-----------+                         +-----------+",
    "|  Cache    |                         |  Fonts    |",
    "+-----------+                         +-----------+",
  }, "\n")
  local boxes = table.concat({
    "┌──────────────┐     ┌──────────────┐     ┌──────────────┐     ┌─────────────┐",
    "│ Input reader │ ──▶ │ Scene planner│ ──▶ │ Renderer     │ ──▶ │ Encoder     │",
    "└──────────────┘     └──────────────┘     └──────────────┘     └─────────────┘",
  }, "\n")
  local function code_of(text, size)
    local sc = { scene_type = "command", visual_content = { header = "Architecture", commands = text } }
    local dl = render.display_list(sc, { width = size[1], height = size[2], t = "end" })
    for _, l in ipairs(texts(dl)) do if l.it.type == "code" then return l.it, dl end end
  end
  for _, text in ipairs({ ascii, boxes }) do
    for _, size in ipairs(SIZES) do
      it("keeps its lines whole (never wrapped) at " .. size[1] .. "x" .. size[2], function()
        local item = code_of(text, size)
        local m = core.measure(item)
        local nl = select(2, item.text:gsub("\n", "")) + 1
        assert.are.equal(nl, m.lines)
        assert.is_false(m.cut)
        -- (cut into bands or not, every line shown is columns of a line drawn)
        for shown in (item.text .. "\n"):gmatch("(.-)\n") do
          local found = shown == ""
          for l in (text .. "\n"):gmatch("(.-)\n") do
            if l:find(shown:match("^%s*(.-)%s*$"), 1, true) then found = true end
          end
          assert.is_true(found, "not a part of a line drawn: " .. shown)
        end
      end)
    end
  end
  it("takes the card's whole width in a tall frame (a narrower inner margin), the card in line with the header", function()
    local item, dl = code_of(ascii, { 1080, 1920 })
    local header
    for _, l in ipairs(texts(dl)) do if l.it.id == "header" then header = l end end
    -- (the card spanned the frame past the header's margin: x 56 against 97)
    assert.is_true(item.x - 24 >= header.x - 0.5, "code at " .. item.x .. ", header at " .. header.x)
    assert.is_true(item.w >= header.it.w - 48 - 0.5, "width " .. item.w)
    assert.is_true(core.measure(item).final_size >= 22, "size " .. core.measure(item).final_size)
  end)
  it("lends the frame's width to code whose longest line does not fit the box at 40 (square, tall)", function()
    local yaml = table.concat({ "Resources:", "  ElasticLoadBalancer:",
      "    Type: 'AWS::ElasticLoadBalancing::LoadBalancer'", "    Properties:", "      Instances:",
      "        - !Ref Ec2Instance1" }, "\n")
    for _, size in ipairs({ { 1080, 1920 }, { 1080, 1080 } }) do
      local item, dl = code_of(yaml, size)
      -- (the card's width, less a narrower inner margin; the card itself
      -- in the header's margins as every scene's content is)
      local header
      for _, l in ipairs(texts(dl)) do if l.it.id == "header" then header = l end end
      assert.is_true(item.w >= header.it.w - 48 - 0.5, "width " .. item.w)
      assert.is_true(item.x - 24 >= header.x - 0.5 and item.x + item.w + 24 <= header.x + header.it.w + 0.5,
        "code at " .. item.x .. ".." .. (item.x + item.w) .. ", header at " .. header.x .. ".." .. (header.x + header.it.w))
      local m = core.measure(item)
      assert.are.equal(6, m.lines)   -- on its lines, not wrapped
      -- short code keeps the box's card, in line with the header
      assert.is_true(code_of("make all\nmake install", size).w < 850)
    end
    -- a wide frame keeps the box
    assert.is_true(code_of(yaml, { 1920, 1080 }).w < 1700)
  end)
  it("keeps a C signature aligned deep under its name one slide in a tall frame (wrapped as the renderer reaches it)", function()
    -- (the card in the header's margins set it at 24 when 36 was asked:
    -- a split judged that unreadable and made a slide of each line)
    local sig = "napi_status NAPI_CDECL node_api_create_property_key_latin1(napi_env env,\n" ..
      string.rep(" ", 59) .. "const char* str,\n" .. string.rep(" ", 59) .. "size_t length,\n" ..
      string.rep(" ", 59) .. "napi_value* result);"
    local sc = { id = "s", scene_type = "command", visual_content = { header = "node_api_create_property_key_latin1",
      description = "Experimental", commands = sig, language = "c" } }
    assert.are.equal(1, #fit.scene(sc, { width = 1080, height = 1920 }))
  end)
  it("says so when it is shrunk to fit a square frame (bands would be no larger there)", function()
    local item, dl = code_of(ascii, { 1080, 1080 })
    assert.are.equal(ascii, item.text)
    assert.is_truthy(statuses(render.check_list(dl)):find("commands:shrunk", 1, true))
  end)
  it("is cut into bands of columns, stacked, where a tall frame would shrink it whole", function()
    -- the 71 and 79 columns were 23 and 21 units at the frame's width
    for _, text in ipairs({ ascii, boxes }) do
      local item, dl = code_of(text, { 1080, 1920 })
      local m = core.measure(item)
      assert.is_true(m.final_size >= 36, "size " .. m.final_size)
      assert.are.equal("", statuses(render.check_list(dl)))
      -- no line at full width: every line shown is at most about half the drawing
      for shown in (item.text .. "\n"):gmatch("(.-)\n") do
        assert.is_true(utf8.len(shown) <= 50, "a line of " .. utf8.len(shown) .. " columns")
      end
      -- a dashed rule between the bands
      local rules = 0
      for _, l in ipairs(leaves(dl.items)) do
        if l.it.type == "line" and l.it.dash then rules = rules + 1 end
      end
      assert.is_true(rules >= 1)
    end
    -- the cuts fall between boxes, never through a word or a box
    local item = code_of(ascii, { 1080, 1920 })
    for _, word in ipairs({ "Parser", "Planner", "Renderer", "Encoder", "Cache", "Fonts" }) do
      assert.is_truthy(item.text:find("|  " .. word, 1, true) or item.text:find("| " .. word, 1, true), word)
    end
    assert.is_nil(item.text:find("\n%-+%+"), "a band opens inside a box's edge")
  end)
  it("is never cut into bands in a wide frame", function()
    local item = code_of(boxes, { 1920, 1080 })
    assert.are.equal(boxes, item.text)
  end)
  it("is not split between its lines; only at a blank line", function()
    local sc = { id = "d", scene_type = "command", visual_content = { header = "Architecture", commands = ascii } }
    assert.are.equal(1, #fit.scene(sc, { width = 1080, height = 1920 }))
    -- a narrow drawing too tall for the frame: parts are whole runs between blank lines
    local run = { "+--------+" }
    for i = 1, 10 do run[#run + 1] = "| step " .. string.format("%02d", i) .. " |" end
    run[#run + 1] = "+--------+"
    local block = table.concat(run, "\n")
    sc.visual_content.commands = block .. "\n\n" .. block .. "\n\n" .. block
    local parts = fit.scene(sc, { width = 1920, height = 1080 })
    assert.is_true(#parts > 1, "not split")
    for _, p in ipairs(parts) do
      local n = select(2, p.visual_content.commands:gsub("\n", "")) + 1
      assert.are.equal(0, (n + 1) % 13, "a part of " .. n .. " lines")
    end
  end)
  it("is told from a table of code by its corners: a list of options is not one", function()
    local item = code_of("ls -l | grep foo\nps aux | less\n", { 1080, 1920 })
    assert.is_nil(item.keep_lines)
  end)
end)

describe("a contact sheet of a long document (render.sheet_pages)", function()
  for _, frame in ipairs(SIZES) do
    it("is pages of whole rows, none taller than SHEET_MAX_PX, at " .. frame[1] .. "x" .. frame[2], function()
      local n = 703
      local pages = render.sheet_pages(n, { frame = frame })
      assert.is_true(#pages > 1)
      local cw, ch = frame[1] * 1080 / math.min(frame[1], frame[2]), frame[2] * 1080 / math.min(frame[1], frame[2])
      local next_one = 1
      for k, p in ipairs(pages) do
        assert.are.equal(next_one, p[1])
        local count = p[2] - p[1] + 1
        if k < #pages then assert.are.equal(0, count % pages.cols) end
        local rows = math.ceil(count / pages.cols)
        local W = pages.cols * cw + (pages.cols + 1) * 80
        local px = math.min(3200, pages.cols * 640) * (rows * (ch + 110) + (rows + 1) * 80) / W
        assert.is_true(px <= render.SHEET_MAX_PX, "page " .. k .. ": " .. px .. " px")
        next_one = p[2] + 1
      end
      assert.are.equal(n + 1, next_one)
    end)
  end
  it("is one page when it fits", function()
    local pages = render.sheet_pages(12, { frame = { 1920, 1080 } })
    assert.are.same({ 1, 12 }, pages[1])
    assert.are.equal(1, #pages)
  end)
end)

describe("a checkpoint's points that wrap", function()
  local sc = { scene_type = "checkpoint", visual_content = { checkpoint_number = 2,
    completed_topics = { "Lists, tuples and the difference between a mutable and an immutable sequence",
      "Loops over ranges, with break and continue" },
    review_questions = { "What is a pointer, and why does dereferencing a null pointer crash the program?",
      "When is a copy shallow?" },
    next_topics = { "Dictionaries and sets, with their hashing rules explained step by step" } } }
  for _, size in ipairs(SIZES) do
    it("go on under their text, not under their bullet, at " .. size[1] .. "x" .. size[2], function()
      local dl = render.display_list(sc, { width = size[1], height = size[2], t = "end" })
      local found = 0
      for _, l in ipairs(texts(dl)) do
        if l.it.id == "completed_topics" or l.it.id == "review_questions" then
          found = found + 1
          local m = core.measure(l.it)
          assert.is_true(m.lines > 2, "does not wrap: " .. l.it.id)
          -- the hanging indent is the bullet's width at the size it is set
          local probe = { type = "text", x = 0, y = 0, w = 100000, h = 1000, size = m.final_size,
            min_size = m.final_size, font = l.it.font, text = "•\u{00A0}\u{00A0}x" }
          local with = core.measure(probe).width
          probe.text = "x"
          local bullet = with - core.measure(probe).width
          assert.is_true(math.abs((l.it.hang or 0) * m.final_size - bullet) < 1.5,
            "hang " .. tostring(l.it.hang) .. " for a bullet of " .. bullet)
        end
      end
      assert.are.equal(2, found)
    end)
    it("stay inside the frame at " .. size[1] .. "x" .. size[2], function()
      local dl = render.display_list(sc, { width = size[1], height = size[2], t = "end" })
      local H = 1080 * size[2] / math.min(size[1], size[2])
      for _, l in ipairs(leaves(dl.items)) do
        if l.h and l.it.type ~= "circle" and l.y > 0 then
          assert.is_true(l.y + l.h <= H + 0.5, (l.it.type or "?") .. " ends at " .. (l.y + l.h) .. " of " .. H)
        end
      end
    end)
  end
end)

describe("a split list's parts", function()
  -- (Internet Guide's IPv4 pages in a square frame: three short fields at
  -- 60, four long ones at 46, three short ones at 60 again read as three
  -- lists; the large parts are set down toward the smallest)
  local function size_of(sc, wh)
    local least, most = math.huge, 0
    local dl = render.display_list(sc, { width = wh[1], height = wh[2], t = "end" })
    for _, l in ipairs(texts(dl)) do
      if type(l.it.id) == "string" and l.it.id:match("^items%[") then
        local z = core.measure(l.it).final_size
        least, most = math.min(least, z), math.max(most, z)
      end
    end
    return least, most
  end
  local function page(id, start, items)
    return { id = id, scene_type = "list", narration = "The header's fields.", source = { file = "guide.md", line = 40 },
      visual_content = { header = "IPv4 - The Original Internet Protocol", start = start, items = items } }
  end
  local function pages()
    return {
      page("a", 1, { "Version (4 bits): IPv4 = 4", "Header length (4 bits)", "Flags (3 bits)" }),
      page("b", 4, { "Identification (16 bits): for reassembling the fragments of one packet after they crossed a link "
          .. "whose largest frame was smaller than the packet, told apart by this number",
        "Fragment offset (13 bits): the position of this fragment in the original packet, counted in units of eight "
          .. "bytes from the start of its data",
        "TTL - Time to Live (8 bits): a countdown of hops that each router lowers by one, preventing loops between "
          .. "routers from keeping a packet alive for ever" }),
      page("c", 8, { "Checksum (16 bits)", "Source address (32 bits)", "Destination address (32 bits)" }),
    }
  end

  it("are set within 1.25 times the smallest part's size, never smaller than each fits alone", function()
    local fit = require("vg.create.fit")
    for _, wh in ipairs(SIZES) do
      local alone = {}
      for k, sc in ipairs(fit.videos and pages() or {}) do alone[sc.id] = select(2, size_of(sc, wh)) end
      local video = { scenes = pages() }
      fit.videos({ video }, { width = wh[1], height = wh[2] })
      local ids, least, sizes = {}, math.huge, {}
      for k, s in ipairs(video.scenes) do
        ids[#ids + 1] = s.id
        sizes[k] = select(2, size_of(s, wh))
        least = math.min(least, (size_of(s, wh)))
      end
      -- (a part too long for the frame is split again: its pieces are parts too)
      assert.are.equal("a", ids[1])
      assert.are.equal("c", ids[#ids])
      for k, z in ipairs(sizes) do
        local own = alone[video.scenes[k].id]
        local msg = string.format("%dx%d: part %d at %.0f beside a part at %.0f (alone %s)", wh[1], wh[2], k, z,
          least, tostring(own))
        assert.is_true(z <= 1.25 * least + 0.5, msg)
        -- (set down only as far as the bound: a part that fits larger
        -- alone keeps what the bound allows)
        if own then assert.is_true(z >= math.min(own, 1.25 * least - 2) - 0.5, msg) end
      end
    end
  end)
end)
