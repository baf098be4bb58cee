-- Right-to-left list slides (issue 13): on an Arabic, Hebrew, Persian or
-- Urdu slide the number badges and the accent bars are on the right of
-- their cards, the first item of two columns on the right, the heading's
-- underline on the right; a left-to-right slide keeps them on the left.
-- Run by vgrun (busted style).
local render = require("vg.render")

local function walk(items, out, dx)
  for _, it in ipairs(items) do
    local x = dx + (it.dx or 0)
    if it.type == "text" and it.id == nil and type(it.text) == "string" and #it.text <= 6 then
      out.labels[#out.labels + 1] = it.text
    end
    if it.type == "circle" and it.r and it.r <= 40 then out.circles[#out.circles + 1] = it.cx + x end
    if it.type == "text" and it.id and it.id:match("^items%[") then
      out.texts[it.id] = { x = it.x + x, w = it.w }
    end
    if it.type == "rect" and it.w and it.w <= 8 and it.h and it.h > 20 then out.bars[#out.bars + 1] = it.x + x end
    if it.type == "rect" and it.h == 7 then out.underline = it.x + x end
    if type(it.items) == "table" then walk(it.items, out, x) end
  end
  return out
end

local function slide(lang, items)
  local scene = { id = "s", scene_type = "list", language = lang,
    visual_content = { header = lang == "en" and "Steps" or "خطوات", items = items } }
  local dl = render.display_list(scene, { width = 1920, height = 1080, t = "end" })
  return walk(dl.items or dl, { circles = {}, texts = {}, bars = {}, labels = {} }, 0)
end

local AR = { "نص البند الأول هنا", "نص البند الثاني هنا", "MS-DOS نص البند الثالث" }
local MANY = {}
for i = 1, 8 do MANY[i] = "نص البند رقم " .. i end

describe("right-to-left list slides", function()
  for _, lang in ipairs({ "ar", "he", "fa", "ur" }) do
    it("put the badges on the right of the text (" .. lang .. ")", function()
      local s = slide(lang, AR)
      assert.are.equal(3, #s.circles)
      for i = 1, 3 do
        local t = s.texts[string.format("items[%d]", i)]
        assert.is_truthy(t)
        assert.is_true(s.circles[i] > t.x + t.w, "badge " .. i .. " is not right of its text")
        assert.is_true(s.circles[i] > 960)
        assert.is_true(s.bars[i] > s.circles[i])
      end
      assert.is_true(s.underline > 960)
    end)
  end
  it("start two columns on the right", function()
    local s = slide("ar", MANY)
    local first, second = s.texts["items[1]"], s.texts["items[2]"]
    assert.is_true(first.x > second.x)
  end)
  it("number the badges in the slide's own digits", function()
    local function has(labels, want)
      for _, l in ipairs(labels) do if l == want then return true end end
      return false
    end
    assert.is_true(has(slide("ar", AR).labels, "٢"), "Arabic-Indic two on an Arabic slide")
    assert.is_true(has(slide("fa", AR).labels, "۲"), "Extended Arabic-Indic two on a Persian slide")
    assert.is_true(has(slide("he", AR).labels, "2"), "Western digits on a Hebrew slide")
    assert.is_false(has(slide("ar", AR).labels, "2"))
  end)
  it("keep a left-to-right slide on the left", function()
    local s = slide("en", { "First item here", "Second item here" })
    for i = 1, 2 do
      local t = s.texts[string.format("items[%d]", i)]
      assert.is_true(s.circles[i] < t.x)
      assert.is_true(s.circles[i] < 960)
    end
    assert.is_true(s.underline < 960)
  end)
end)

-- A deck of two directions: each scene reads the way its own letters do,
-- not its video's language (a YAML deck with one Arabic scene made every
-- scene right to left, or the Arabic one left to right).
describe("a scene's direction", function()
  local function list_of(lang, header, items)
    local scene = { id = "s", scene_type = "list", language = lang,
      visual_content = { header = header, items = items } }
    local dl = render.display_list(scene, { width = 1920, height = 1080, t = "end" })
    return walk(dl.items or dl, { circles = {}, texts = {}, bars = {}, labels = {} }, 0)
  end
  it("is left to right for English text in an Arabic video", function()
    local s = list_of("ar", "What we cover", { "Reading documents", "Planning scenes", "Rendering frames" })
    for i = 1, 3 do
      local t = s.texts[string.format("items[%d]", i)]
      assert.is_true(s.circles[i] < t.x, "badge " .. i .. " is not left of its text")
    end
    assert.is_true(s.underline < 960)
    assert.are.same({ "1", "2", "3" }, { s.labels[1], s.labels[2], s.labels[3] })
  end)
  -- (a Hebrew README's list of English link names under its Hebrew heading
  -- had the heading flush right and its underline and first card on the left)
  it("stays right to left for English items under a Hebrew heading in a Hebrew video", function()
    local s = list_of("he", "איך לעשות את זה", { "About pull requests", "Creating a pull request",
      "GitHub Hello World", "YouTube - GitHub Tutorial For Beginners" })
    assert.is_true(s.underline > 960)
    for i = 1, 4 do
      local t = s.texts[string.format("items[%d]", i)]
      assert.is_true(s.circles[i] > t.x + t.w, "badge " .. i .. " is not right of its text")
    end
  end)
  it("is right to left for Arabic text in an English video", function()
    local s = list_of("en", "ما نغطيه", { "قراءة المستندات", "تخطيط المشاهد" })
    for i = 1, 2 do
      local t = s.texts[string.format("items[%d]", i)]
      assert.is_true(s.circles[i] > t.x + t.w, "badge " .. i .. " is not right of its text")
    end
    assert.is_true(s.underline > 960)
  end)
  it("stays right to left for Arabic text with Latin names in it", function()
    local s = list_of("ar", "الأوامر", { "استخدم git و make لبناء المشروع", "MS-DOS نص البند الثالث" })
    local t = s.texts["items[1]"]
    assert.is_true(s.circles[1] > t.x + t.w)
  end)
end)

-- Tables too: the first column at the right on a right-to-left slide, in
-- the grid of short cells and in the cards of long rows.
local function cells(lang, columns, rows, tall)
  local scene = { id = "t", scene_type = "table", language = lang,
    visual_content = { header = "جدول", columns = columns, rows = rows } }
  local dl = render.display_list(scene, { width = tall and 1080 or 1920, height = tall and 1920 or 1080, t = "end" })
  local out = {}
  local function walk_cells(items, dx)
    for _, it in ipairs(items) do
      local x = dx + (it.dx or 0)
      if it.type == "text" and it.id then out[it.id] = it.x + x end
      if it.type == "rect" and it.w and it.w <= 8 and it.h and it.h > 20 then out.bar = it.x + x end
      if type(it.items) == "table" then walk_cells(it.items, x) end
    end
  end
  walk_cells(dl.items or dl, 0)
  return out
end

describe("right-to-left tables", function()
  local COLS = { "الأمر", "الوصف", "المثال" }
  local ROWS = { { "ls", "عرض محتويات المجلد", "ls -l" }, { "cp", "نسخ الملفات", "cp a b" } }
  it("put the first column at the right", function()
    local s = cells("ar", COLS, ROWS)
    assert.is_true(s["columns[1]"] > s["columns[2]"] and s["columns[2]"] > s["columns[3]"])
    assert.is_true(s["rows[1][1]"] > s["rows[1][2]"] and s["rows[1][2]"] > s["rows[1][3]"])
    assert.is_true(s["rows[2][1]"] > 960)
  end)
  it("keep a left-to-right table's first column at the left", function()
    local s = cells("en", { "Command", "What", "Example" }, { { "ls", "list a folder", "ls -l" } })
    assert.is_true(s["columns[1]"] < s["columns[2]"] and s["columns[2]"] < s["columns[3]"])
    assert.is_true(s["rows[1][1]"] < 960)
  end)
  it("put the accent bar of a stacked row's card at the right", function()
    -- four columns in a vertical frame: a card per row
    local s = cells("ar", { "أ", "ب", "ج", "د" }, { { "١", "٢", "٣", "٤" }, { "٥", "٦", "٧", "٨" } }, true)
    assert.is_truthy(s.bar, "cards of rows")
    assert.is_true(s.bar > 540)
  end)
end)

-- Text set right to left (issue 13): a word too long for its line breaks
-- with no hyphen (Pango put one at the right-hand end of a Latin word's
-- piece, where a right-to-left line starts), and a paragraph set narrower
-- to spare its last line a lone word stays at the right of its box.
describe("right-to-left text", function()
  local core = require("vg.render_core")
  local W, H = 640, 720
  local function ink(buf, x, y)
    return buf:pixel(x, y) < 128
  end
  -- the bands of rows with ink, and each band's rightmost ink column
  local function lines_of(buf)
    local bands, cur = {}, nil
    for y = 0, H - 1 do
      local right
      for x = W - 1, 0, -1 do
        if ink(buf, x, y) then right = x; break end
      end
      if right and not cur then cur = { top = y, right = right }; bands[#bands + 1] = cur
      elseif right then cur.bottom = y; cur.right = math.max(cur.right, right)
      elseif cur then cur = nil end
    end
    return bands
  end
  local function draw(text, lang, w)
    local item = { type = "text", x = 20, y = 20, w = w or 600, h = 680, text = text, size = 48, min_size = 48,
      font = "Noto Sans", color = { 0, 0, 0 }, lang = lang }
    return assert(core.render({ width = W, height = H, background = { 255, 255, 255 }, items = { item } }, W, H))
  end
  it("breaks a Latin word without a hyphen in an Arabic paragraph", function()
    local buf = draw(string.rep("m", 40), "ar")
    local bands = lines_of(buf)
    assert.is_true(#bands >= 2, "the word breaks")
    for i, b in ipairs(bands) do
      -- the rightmost column with ink is a stem of "m" (as tall as the
      -- letter), not a hyphen's short stroke
      local tall = 0
      for y = b.top, b.bottom or b.top do
        if ink(buf, b.right, y) or ink(buf, b.right - 1, y) then tall = tall + 1 end
      end
      assert.is_true(tall > ((b.bottom or b.top) - b.top + 1) * 0.6, "line " .. i .. " ends in a hyphen")
    end
  end)
  it("keeps an Arabic paragraph set narrower at the right of its box", function()
    -- a last line of one word: the paragraph is set narrower, its lines
    -- still end at the box's right edge (x + w = 440)
    local text = "يمكنك تشغيل الخادم على المنفذ الافتراضي بعد تثبيت المكتبات المطلوبة للتشغيل"
    local buf = draw(text, "ar", 420)
    local bands, right = lines_of(buf), 0
    assert.is_true(#bands >= 2)
    for _, b in ipairs(bands) do right = math.max(right, b.right) end
    assert.is_true(right > 440 - 8, "lines end at " .. right)
  end)
end)

-- The slide itself reads from the right on a right-to-left scene: the
-- accent bar down the frame's edge is on the right (it stayed on the left),
-- the content box leaves it its room there, and a picture's card is on the
-- left; every scene type, every frame shape.
describe("right-to-left frames", function()
  local function bar_of(items, W, H)
    for _, it in ipairs(items) do
      if it.type == "rect" and it.w == 16 and it.h == H and (it.x == 0 or it.x == W - 16) then return it.x end
    end
  end
  local function scene_of(t, lang)
    local vc = ({
      list = { header = "خطوات", items = { "نص البند الأول هنا", "نص البند الثاني هنا" } },
      title = { title = "دليل التثبيت", subtitle = "كيف تبدأ" },
      quote = { text = "البساطة هي أقصى درجات التطور", author = "ليوناردو" },
      command = { header = "مثال", code = "ls -l\ncd /tmp\n", language = "bash" },
      outro = { title = "شكرا للمشاهدة" },
    })[t]
    if lang ~= "ar" then
      vc = ({ list = { header = "Steps", items = { "First item here", "Second item here" } },
        title = { title = "Install guide" }, quote = { text = "Simplicity is the ultimate sophistication" },
        command = { header = "Example", code = "ls -l\n", language = "bash" }, outro = { title = "Thanks" } })[t]
    end
    return { id = "s", scene_type = t, language = lang, visual_content = vc }
  end
  for _, shape in ipairs({ { 1920, 1080 }, { 1080, 1920 }, { 1080, 1080 } }) do
    for _, t in ipairs({ "list", "title", "quote", "command", "outro" }) do
      it(string.format("put the accent bar on the right of an Arabic %s slide (%dx%d)", t, shape[1], shape[2]), function()
        local dl = render.display_list(scene_of(t, "ar"), { width = shape[1], height = shape[2], t = "end" })
        local bar = bar_of(dl.items, dl.width, dl.height)
        assert.are.equal(dl.width - 16, bar)
        local en = render.display_list(scene_of(t, "en"), { width = shape[1], height = shape[2], t = "end" })
        assert.are.equal(0, bar_of(en.items, en.width, en.height))
      end)
    end
  end
  it("keep the content box clear of the bar on the right", function()
    local _, box, W = render.layout_box(scene_of("list", "ar"), { width = 1920, height = 1080 })
    local _, ebox = render.layout_box(scene_of("list", "en"), { width = 1920, height = 1080 })
    -- the same margins, mirrored
    assert.are.equal(ebox.x, W - (box.x + box.w))
    assert.is_true(box.x + box.w <= W - 16)
  end)
end)
