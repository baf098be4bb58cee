-- Scene layouts, themes, timing and warnings (vg.render), run by vgrun.
-- Golden images: VG_UPDATE_GOLDEN=1 rewrites tests/render/golden/*.png.
local render = require("vg.render")
local core = require("vg.render_core")
local events = require("vg.events")

local FIXTURE = "tests/render/fixtures/all_types.yaml"
local GOLDEN = "tests/render/golden"
local model = assert(require("vg.input").load(FIXTURE))
local function scenes() return render.scenes_of(model) end

local function by_type(t)
  for _, s in ipairs(scenes()) do if s.scene_type == t then return s end end
end

local leaves = require("display_leaves").leaves

describe("scene layouts", function()
  it("cover the 13 built-in types", function()
    local seen = {}
    for _, s in ipairs(scenes()) do seen[s.scene_type] = true end
    for _, t in ipairs(render.BUILTIN) do
      assert.is_true(seen[t] == true, t .. " missing from the fixture")
      assert.is_table(render.get_type(t))
    end
    assert.are.equal(13, #render.BUILTIN)
  end)

  for _, theme in ipairs({ "light", "dark" }) do
    it("keep every text box inside the frame (" .. theme .. ")", function()
      for _, s in ipairs(scenes()) do
        for _, res in ipairs({ { 1920, 1080 }, { 1080, 1920 }, { 1280, 960 } }) do
          local dl = render.display_list(s, { theme = theme, width = res[1], height = res[2] })
          for _, l in ipairs(leaves(dl.items)) do
            local it = l.it
            if it.type == "text" or it.type == "code" then
              local x, y = it.x + l.dx, it.y + l.dy
              assert.is_true(x >= 0 and y >= 0 and x + it.w <= dl.width + 0.5 and y + it.h <= dl.height + 0.5,
                string.format("%s %dx%d: %s outside the frame", s.scene_type, res[1], res[2],
                  tostring(it.id or it.text or it.markup)))
            end
          end
        end
      end
    end)
  end

  it("never put one text box over another", function()
    for _, s in ipairs(scenes()) do
      for _, res in ipairs({ { 1920, 1080 }, { 1080, 1920 } }) do
        local dl = render.display_list(s, { width = res[1], height = res[2] })
        local boxes = {}
        for _, l in ipairs(leaves(dl.items)) do
          local it = l.it
          if (it.type == "text" or it.type == "code") and it.id then
            boxes[#boxes + 1] = { id = it.id, x = it.x + l.dx, y = it.y + l.dy, w = it.w, h = it.h }
          end
        end
        for i = 1, #boxes do
          for j = i + 1, #boxes do
            local a, b = boxes[i], boxes[j]
            local overlap = a.x + 1 < b.x + b.w and b.x + 1 < a.x + a.w and a.y + 1 < b.y + b.h
              and b.y + 1 < a.y + a.h
            assert.is_false(overlap, string.format("%s %dx%d: %s overlaps %s", s.scene_type,
              res[1], res[2], a.id, b.id))
          end
        end
      end
    end
  end)

  it("render the same pixels for the same scene, theme and time", function()
    local s = by_type("list")
    local a = render.frame(s, { width = 320, height = 180, t = 1.3 })
    local b = render.frame(s, { width = 320, height = 180, t = 1.3 })
    assert.are.equal(a:bytes(), b:bytes())
    local c = render.frame(s, { width = 320, height = 180, t = 0.2 })
    assert.are_not.equal(a:bytes(), c:bytes())
  end)

  it("name the type and file:line of an unknown scene type", function()
    local s = { id = "s9", scene_type = "hologram", visual_content = {},
      source = { file = "talk.yaml", line = 42 } }
    local ok, err = pcall(render.display_list, s, {})
    assert.is_false(ok)
    assert.matches('talk.yaml:42: unknown scene type "hologram"', err, 1, true)
  end)

  it("takes user scene types through the same path", function()
    render.scene_type{ name = "banner", layout = function(scene, theme, box)
      return { { type = "rect", x = box.x, y = box.y, w = box.w, h = 200, fill = theme.accent },
        { type = "text", x = box.x, y = box.y + 220, w = box.w, h = 100, size = 60,
          text = scene.visual_content.text, color = theme.text, id = "text" } }
    end }
    local s = { id = "b1", scene_type = "banner", visual_content = { text = "Hello" } }
    local buf = render.frame(s, { width = 640, height = 360, accent = "orange" })
    assert.is_true(buf:count_near(255, 107, 53, 6) > 5000)
    -- not animated by itself: the renderer fades it in
    local early = render.frame(s, { width = 640, height = 360, accent = "orange", t = 0.05 })
    assert.is_true(early:count_near(255, 107, 53, 6) < buf:count_near(255, 107, 53, 6))
  end)
end)

describe("render_core", function()
  it("renders on the thread pool (render_png_async)", function()
    local dl = render.display_list(by_type("title"), {})
    local path = os.tmpname() .. ".png"
    local ok, warnings = core.render_png_async(dl, 320, 180, path)
    assert.is_true(ok)
    assert.are.same({}, warnings)
    local b = assert(core.load_png(path))
    assert.are.equal(320, b:width())
    assert.are.equal(180, b:height())
    b:close()
    b:close()   -- closing twice is fine
    assert.has_error(function() b:width() end)
    os.remove(path)
  end)

  it("raises on misuse and returns nil, message on failure", function()
    assert.has_error(function() core.render("nope", 10, 10) end)
    assert.has_error(function() core.render({}, 0, 10) end)
    local ok, err = core.render_png({ items = {} }, 10, 10, "/nonexistent/dir/x.png")
    assert.is_nil(ok)
    assert.is_string(err)
  end)
end)

describe("render.frames stage", function()
  it("renders display lists to PNG files on the pool, with warnings as events", function()
    local vg = require("vg")
    local dir = os.tmpname()
    os.remove(dir)
    os.execute("mkdir -p " .. dir)
    local s = by_type("quote")
    local frames = {
      { list = render.display_list(s, { width = 640, height = 360 }), path = dir .. "/a.png" },
      { list = { items = { { type = "text", id = "tiny", x = 0, y = 0, w = 50, h = 20, size = 40,
        text = "far too long for this box" } } }, path = dir .. "/b.png" },
    }
    local seen = {}
    local id = vg.on("validation.warning", function(ev) seen[#seen + 1] = ev end)
    local p = vg.pipeline{ name = "frames", stages = {
      function(ctx) ctx.frames = frames end,
      vg.native("render.frames", { options = { width = 320, height = 180 } }),
    } }
    local r = p:run(nil, { save_state = false })
    vg.off(id)
    assert.is_true(r.success, r.errors and r.errors[1] and r.errors[1].message)
    assert.are.same({ dir .. "/a.png", dir .. "/b.png" }, r.context.rendered)
    local b = assert(core.load_png(dir .. "/a.png"))
    assert.are.equal(320, b:width())
    assert.are.equal(1, #seen)
    assert.matches("tiny", seen[1].message, 1, true)
    os.execute("rm -rf " .. dir)
  end)
end)

describe("images", function()
  it("shows visual_content.image beside the layout, and warns when unreadable", function()
    local img = GOLDEN .. "/title-dark.png"   -- a dark picture (relative to the source tree)
    local s = { id = "im", scene_type = "title", visual_content = { title = "Pictures", image = img } }
    local with = render.frame(s, { width = 640, height = 360 })
    local without = render.frame({ id = "im0", scene_type = "title",
      visual_content = { title = "Pictures" } }, { width = 640, height = 360 })
    assert.is_true(with:mean_luminance() < without:mean_luminance() - 10)
    local w, h = core.image_size(img)
    assert.are.equal(640, w)
    assert.are.equal(360, h)
    local bad = { id = "im2", scene_type = "title", visual_content = { title = "x", image = "/nonexistent.png" } }
    local _, warnings = render.frame(bad, { width = 320, height = 180 })
    assert.are.equal("unreadable", warnings[1].status)
  end)

  it("tells a damaged picture before drawing (render.check, as vgrun create plans)", function()
    -- a PNG whose header is right and whose data is not
    local function chunk(t, d)
      return string.pack(">I4", #d) .. t .. d .. string.pack(">I4", 0)
    end
    local path = os.tmpname() .. ".png"
    local f = assert(io.open(path, "wb"))
    f:write("\x89PNG\r\n\x1a\n", chunk("IHDR", string.pack(">I4I4BBBBB", 64, 64, 8, 2, 0, 0, 0)),
      chunk("IDAT", string.rep("garbage", 10)), chunk("IEND", ""))
    f:close()
    local s = { id = "dmg", scene_type = "title", visual_content = { title = "x", image = path } }
    local warnings = render.check(s, { width = 320, height = 180 })
    os.remove(path)
    local found
    for _, w in ipairs(warnings) do
      if w.status == "unreadable" then found = w end
    end
    assert.is_truthy(found, "no warning for a damaged picture")
    assert.matches("damaged", found.reason, 1, true)
  end)
end)

describe("themes and accents", function()
  it("set Armenian, Georgian and Lao in their Noto faces, before DejaVu Sans", function()
    -- DejaVu Sans has these letters too: listed first, it took them from Noto
    local theme = require("vg.theme")
    for lang, face in pairs({ hy = "Noto Sans Armenian", ka = "Noto Sans Georgian", lo = "Noto Sans Lao" }) do
      local t = theme.for_language(assert(theme.get("light")), lang)
      local at, dejavu = t.fonts.sans:find(face, 1, true), t.fonts.sans:find("DejaVu Sans", 1, true)
      assert.is_truthy(at, lang)
      assert.is_true(at < dejavu, lang)
      assert.is_truthy(t.fonts.sans:find("^Noto Sans,"), lang)   -- (Latin letters and digits stay Noto Sans's)
    end
  end)

  it("dark is clearly darker than light", function()
    for _, s in ipairs(scenes()) do
      local l = render.frame(s, { width = 320, height = 180, theme = "light" }):mean_luminance()
      local d = render.frame(s, { width = 320, height = 180, theme = "dark" }):mean_luminance()
      assert.is_true(l - d > 100, string.format("%s: light %.0f, dark %.0f", s.scene_type, l, d))
    end
  end)

  it("orange shows orange pixels, blue none", function()
    for _, s in ipairs(scenes()) do
      local o = render.frame(s, { width = 640, height = 360, accent = "orange" })
      local b = render.frame(s, { width = 640, height = 360, accent = "blue" })
      assert.is_true(o:count_near(255, 107, 53, 12) > 300, s.scene_type)
      assert.is_true(b:count_near(255, 107, 53, 12) < o:count_near(255, 107, 53, 12) / 4, s.scene_type)
    end
  end)

  it("rejects unknown themes and accents with the valid names", function()
    local ok, err = pcall(render.display_list, by_type("title"), { accent = "mauve" })
    assert.is_false(ok)
    assert.matches("blue, purple, orange, green, pink, cyan", err, 1, true)
    ok, err = pcall(render.display_list, by_type("title"), { theme = "sepia" })
    assert.is_false(ok)
    assert.matches("light, dark", err, 1, true)
  end)
end)

describe("fitting", function()
  it("never ends a wrapped Han paragraph on a line of one or two characters", function()
    -- twenty-one characters in a box of 20 at 40: "改。" stood alone on the second line
    local t = string.rep("\u{6587}", 20) .. "\u{6539}\u{3002}"
    for _, align in ipairs({ "left", "center" }) do
      local m = core.measure({ type = "text", text = t, x = 0, y = 0, w = 805, h = 400, size = 40,
        lang = "zh", align = align })
      assert.are.equal(2, m.lines)
      assert.is_false(m.shrunk)
      -- the first line gives up characters to the last: three at least there
      assert.is_true(m.width <= 18 * 40 + 1, "first line " .. m.width)
    end
    -- a Latin paragraph keeps its breaks
    local en = core.measure({ type = "text", text = "A short English paragraph that wraps onto a line of its own at",
      x = 0, y = 0, w = 700, h = 400, size = 40 })
    assert.is_true(en.width > 650)
  end)
  it("never ends a wrapped paragraph on one word alone where a narrower line brings one down", function()
    local function bold(t, w)
      return core.measure({ type = "text", text = t, x = 0, y = 0, w = w, h = 400, size = 40, weight = "bold" })
    end
    -- a list item's lead: "term.cursor.goto([opt_file], x," over "y)"
    local m = bold("term.cursor.goto([opt_file], x, y)", 620)
    assert.are.equal(2, m.lines)
    assert.is_false(m.shrunk)
    assert.is_true(m.width < 560, "first line " .. m.width)   -- "x, y)" together below
    -- "Node.js relies on V8 and" over "libuv": "and libuv" below
    m = bold("Node.js relies on V8 and libuv", 560)
    assert.are.equal(2, m.lines)
    assert.is_true(m.width < 420, "first line " .. m.width)
    -- a paragraph that ends on one word alone after its own lines: each
    -- paragraph is looked at (a bold lead over its description)
    m = core.measure({ type = "text", text = "term.cursor.goto([opt_file], x, y)\nPlace the cursor",
      x = 0, y = 0, w = 620, h = 400, size = 40, weight = "bold" })
    assert.are.equal(3, m.lines)
    assert.is_true(m.width < 560, "lead " .. m.width)
    -- a name is never broken for it: "term.cursor." over "goup(...)" reads
    -- worse than "nlines)" alone
    m = bold("term.cursor.goup([opt_file], nlines)", 620)
    assert.are.equal(2, m.lines)
    assert.is_true(m.width > 540, "first line " .. m.width)
  end)
  it("fits a list of 9 items of 40 words, with a warning naming scene and field", function()
    local words = {}
    for i = 1, 40 do words[i] = ({ "packets", "travel", "through", "routers", "across" })[i % 5 + 1] end
    local items = {}
    for i = 1, 9 do items[i] = table.concat(words, " ") end
    local s = { id = "long_list", scene_type = "list",
      visual_content = { header = "Nine long items", items = items },
      source = { file = "long.yaml", line = 7 } }
    local got = {}
    local id = events.on("validation.warning", function(ev) got[#got + 1] = ev end)
    render.reset_warnings()
    local buf, warnings = render.frame(s, { width = 640, height = 360 })
    events.off(id)
    assert.is_not_nil(buf)
    assert.is_true(#warnings >= 9)
    for _, w in ipairs(warnings) do
      assert.matches("^items%[%d%]$", w.id)
      assert.is_true(w.status == "shrunk" or w.status == "cut")
    end
    assert.matches("long.yaml:7: long_list: text of items[1] was", warnings[1].message, 1, true)
    -- the check without drawing reports the same
    assert.are.equal(#warnings, #render.check(s, {}))
    -- every item keeps a readable size
    for _, w in ipairs(warnings) do assert.is_true(w.final_size >= 14) end
    -- and the layout still keeps every box in the frame, cards not overlapping
    local dl = render.display_list(s, {})
    local boxes = {}
    for _, l in ipairs(leaves(dl.items)) do
      if l.it.type == "text" and l.it.id and l.it.id:match("^items") then
        boxes[#boxes + 1] = { x = l.it.x + l.dx, y = l.it.y + l.dy, w = l.it.w, h = l.it.h }
      end
    end
    assert.are.equal(9, #boxes)
    for i = 1, #boxes do
      for j = i + 1, #boxes do
        local a, b = boxes[i], boxes[j]
        local overlap = a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h
        assert.is_false(overlap, "items " .. i .. " and " .. j .. " overlap")
      end
    end
  end)

  it("measures text like the renderer fits it", function()
    local m = core.measure({ type = "text", w = 300, h = 1000, size = 40,
      text = "one two three four five six seven eight" })
    assert.is_true(m.lines >= 2)
    assert.is_false(m.shrunk)
  end)

  it("lays out at most 8 KB of one text, and says it was cut", function()
    -- one unbroken token: Pango's line breaking of it grows faster than its
    -- length (20,000 characters took 3 s, 40,000 took 15 s)
    local m = core.measure({ type = "text", w = 1800, h = 900, size = 40, text = string.rep("W", 20000) })
    assert.is_true(m.cut)
    assert.is_true(#m.text <= 8192 + 3, #m.text .. " bytes laid out")
    -- cut at a character's start: the text stays UTF-8
    local e = core.measure({ type = "text", w = 1800, h = 900, size = 40, text = string.rep("\u{E9}", 6000) })
    assert.is_true(e.cut)
    assert.truthy(utf8.len(e.text))
    local short = core.measure({ type = "text", w = 1800, h = 900, size = 40, text = string.rep("word ", 20) })
    assert.is_false(short.cut)
  end)
end)

describe("timing", function()
  it("reveals items evenly without word timings, and settles after", function()
    local s = by_type("list")
    local settle = render.settle_time(s)
    assert.is_true(settle > render.ENTER)
    local iv = render.keyframes(s)
    assert.are.equal(0, iv[1][1])
    assert.is_true(iv[1][2] >= render.ENTER)
    assert.are.equal(settle, iv[#iv][2])
    -- static after settling: the frame at settle equals the one much later
    local a = render.frame(s, { width = 320, height = 180, t = settle })
    local b = render.frame(s, { width = 320, height = 180, t = settle + 30 })
    assert.are.equal(a:bytes(), b:bytes())
    assert.are.equal(settle, render.frame_time(s, settle + 30))
  end)

  it("ends every entrance by render.ENTER: frames after it are not drawn", function()
    -- the pipeline treats the picture as still from the end of each
    -- keyframe interval on, so an element still moving then would jump
    for _, s in ipairs(scenes()) do
      local iv = render.keyframes(s)
      local at_end = render.display_list(s, { width = 640, height = 360, t = iv[1][2] })
      local later = render.display_list(s, { width = 640, height = 360, t = iv[1][2] + 0.2 })
      if #iv == 1 then
        assert.are.same(later, at_end, s.scene_type .. " still moves after " .. iv[1][2] .. " s")
      end
    end
  end)

  it("reveals items when the narration reaches them", function()
    local s = by_type("list")
    local base = getmetatable(s).__index
    local sc = setmetatable({ audio = { duration = 20, words = {
      { word = "Here", start = 0.2 }, { word = "are", start = 0.4 }, { word = "four", start = 0.6 },
      { word = "first,", start = 3.0 }, { word = "keep", start = 4.0 }, { word = "it", start = 4.2 },
      { word = "simple.", start = 4.4 },
      { word = "Then", start = 7.0 }, { word = "DRY", start = 8.0 }, { word = "principle", start = 8.3 },
      { word = "single", start = 11.0 }, { word = "responsibility", start = 11.4 },
      { word = "readable", start = 15.0 }, { word = "names", start = 15.3 } } } }, { __index = base })
    local iv = render.keyframes(sc, 20)
    local starts = {}
    for _, v in ipairs(iv) do starts[#starts + 1] = v[1] end
    assert.are.same({ 0, 4.0, 8.0, 11.0, 15.0 }, starts)
    assert.are.equal(15 + render.STEP, render.settle_time(sc))
    -- before "keep" nothing of item 1, after it all of it
    local function has_item1(t)
      local dl = render.display_list(sc, { t = t })
      for _, l in ipairs(leaves(dl.items)) do
        if l.it.id == "items[1]" then return true end
      end
      return false
    end
    assert.is_false(has_item1(3.9))
    assert.is_true(has_item1(4.6))
  end)
end)

describe("redrawing only what changed", function()
  -- Every frame of every type's entrance and reveals, drawn as the video
  -- stage draws it (the region that differs from the previous frame, over
  -- that frame's pixels), against the frame drawn whole. Cairo clipped to a
  -- region can round a pixel by one level where it picks another compositing
  -- path; anything more (a stale or missing part) fails.
  it("gives the pixels of drawing each frame whole", function()
    local W, H = 480, 270
    local regions, partial = 0, 0
    for _, s in ipairs(scenes()) do
      -- until the last change: a code slide's reading time after it changes nothing
      local iv = render.keyframes(s)
      local settle = iv[#iv][2]
      local prev, buf
      for k = 0, math.floor((settle + 0.1) * 30) do
        local dl = render.display_list(s, { width = W, height = H, t = k / 30 })
        if k == 12 then   -- a caption comes, as --captions burn adds it
          dl.items[#dl.items + 1] = { type = "group", items = {
            { type = "rect", x = 230, y = 890, w = 1460, h = 130, radius = 16, fill = "#000000b8" },
            { type = "text", x = 270, y = 902, w = 1380, h = 106, text = "A caption", size = 40, color = "#ffffff" } } }
        end
        if not buf then
          buf = assert(core.render(dl, W, H))
        else
          local x, y, w, h = core.redraw(buf, dl, prev)
          assert.is_number(x, y)
          regions = regions + 1
          if w > 0 and w * h < W * H then partial = partial + 1 end
          local whole = assert(core.render(dl, W, H))
          local maxd, _, _ = whole:diff(buf, 0)
          local _, _, share = whole:diff(buf, 0.5)
          local where = string.format("%s at t=%.3f, region %d,%d %dx%d", s.scene_type, k / 30, x, y, w, h)
          assert.is_true(maxd <= 1, where .. ": a pixel differs by " .. maxd)
          assert.is_true(share <= 1 / 2000, where .. ": " .. share * W * H .. " pixels differ")
          whole:close()
        end
        prev = dl
      end
      buf:close()
    end
    assert.is_true(partial > regions / 2, partial .. " of " .. regions .. " frames redrawn in part")
  end)

  it("redraws nothing when nothing changed, and all of it for a new background", function()
    local s = by_type("title")
    local dl = render.display_list(s, { width = 320, height = 180, t = "end" })
    local buf = assert(core.render(dl, 320, 180))
    local x, y, w, h = core.redraw(buf, dl, dl)
    assert.are.same({ 0, 0, 0, 0 }, { x, y, w, h })
    local dark = render.display_list(s, { width = 320, height = 180, t = "end", theme = "dark" })
    x, y, w, h = core.redraw(buf, dark, dl)
    assert.are.same({ 0, 0, 320, 180 }, { x, y, w, h })
    local whole = assert(core.render(dark, 320, 180))
    assert.are.equal(whole:bytes(), buf:bytes())
  end)
end)

describe("golden images", function()
  local update = os.getenv("VG_UPDATE_GOLDEN") == "1"
  for _, theme in ipairs({ "light", "dark" }) do
    for i, s in ipairs(scenes()) do
      it(string.format("%02d %s (%s)", i, s.scene_type, theme), function()
        local path = string.format("%s/%s-%s.png", GOLDEN, s.scene_type, theme)
        local buf = render.frame(s, { width = 640, height = 360, theme = theme })
        if update then
          os.execute("mkdir -p " .. GOLDEN)
          assert.is_true(buf:write_png(path))
          return
        end
        local golden, err = core.load_png(path)
        assert.is_not_nil(golden, (err or "") .. " (VG_UPDATE_GOLDEN=1 makes it)")
        -- small per-pixel tolerance: antialiasing and font versions may move
        -- edges a little; a layout change moves far more.
        local maxd, mean, frac = buf:diff(golden, 40)
        assert.is_true(frac < 0.004 and mean < 1.5, string.format(
          "%s differs from %s: %.2f%% of pixels over tolerance, mean %.2f (max %d); "
          .. "if deliberate, VG_UPDATE_GOLDEN=1", s.scene_type, path, frac * 100, mean, maxd))
      end)
    end
  end
end)

describe("code wrapped between tokens", function()
  -- Code is laid out left to right as an editor shows it, in an Arabic
  -- document too: a comment line that starts with Arabic letters keeps its
  -- "#" at the left and its continuation lines hang at the left under the
  -- mark. By its first letter such a line had been set right to left, flush
  -- right, its "#" at the right end and its marks turned at the right.
  it("lays a line of Arabic comment out left to right, its marks at the left", function()
    local probe = render.display_list({ scene_type = "command", visual_content = { header = "x",
      commands = { "a" } } }, { width = 1080, height = 1920, t = "end" })
    local proto
    for _, l in ipairs(leaves(probe.items)) do if l.it.type == "code" then proto = l.it end end
    local W, size = 420, 30
    local code = { type = "code", x = 0, y = 0, w = W, h = 600, size = size, min_size = size,
      font = proto.font, palette = proto.palette, color = proto.color, line_height = 1.35,
      text = "# سيئ : كتابآخررائع كتابآخررائع كتابآخررائع كتابآخررائع" }
    local m = core.measure(code)
    assert.is_true(m.lines >= 3, m.lines .. " lines")
    local buf = core.render({ width = W, height = 600, background = { 255, 255, 255 }, items = { code } }, W, 600)
    local line = m.height / m.lines
    local function ink(x0, x1, y0, y1)
      local n = 0
      for y = math.floor(y0), math.floor(y1) do
        for x = x0, x1 do
          local r, g, b = buf:pixel(x, y)
          if r + g + b < 600 then n = n + 1 end
        end
      end
      return n
    end
    local strip = math.floor(size * 0.6)
    -- the "#" opens the first line at the left
    assert.is_true(ink(0, strip, 0, line) > 0, "no \"#\" at the left of the first line")
    -- every continuation line has its mark at the left
    for k = 1, m.lines - 1 do
      assert.is_true(ink(0, strip, k * line, (k + 1) * line - 1) > 0, "no mark at the left of line " .. (k + 1))
    end
    buf:close()
  end)
end)


describe("Latin tokens in right-to-left text", function()
  -- An Arabic sentence with a path or URL: the bidi algorithm moved a
  -- token's trailing "/" to its other side ("/http://example.com/dir" for
  -- "http://example.com/dir/"), and a leading one too ("usr/" for "/usr").
  it("keeps a path's slashes where they were typed", function()
    local probe = render.display_list({ scene_type = "list", visual_content = { header = "x",
      items = { "a", "b" } } }, { width = 1920, height = 1080, t = "end" })
    local font
    for _, l in ipairs(leaves(probe.items)) do if l.it.type == "text" then font = l.it.font end end
    local W, H = 900, 120
    -- the ink of the first 14 columns from the left of a line of text
    local function left_ink(text)
      local buf = core.render({ width = W, height = H, background = { 255, 255, 255 }, items = {
        { type = "text", x = 0, y = 0, w = W, h = H, text = text, size = 64, min_size = 64, font = font,
          color = { 0, 0, 0 }, lang = "ar" } } }, W, H)
      local lx
      for x = 0, W - 1 do
        for y = 0, H - 1 do
          local r, g, b = buf:pixel(x, y)
          if r + g + b < 384 then lx = x break end
        end
        if lx then break end
      end
      local mask = {}
      for x = lx, lx + 13 do
        for y = 0, H - 1 do
          local r, g, b = buf:pixel(x, y)
          mask[#mask + 1] = r + g + b < 384
        end
      end
      buf:close()
      return mask
    end
    local function differ(a, b)
      local n = 0
      for i = 1, #a do if a[i] ~= b[i] then n = n + 1 end end
      return n
    end
    local plain = left_ink("مرحبا xyz")           -- "xyz" leftmost
    local trailing = left_ink("مرحبا xyz/")       -- as typed: "xyz/" leftmost, its x first
    local leading = left_ink("مرحبا /xyz")        -- as typed: "/xyz", the slash first
    local control = differ(leading, plain)   -- (a slash against an x)
    assert.is_true(control > 40, "the leading slash moved to the token's right (" .. control .. ")")
    assert.is_true(differ(trailing, plain) < control / 3,
      string.format("the trailing slash moved to the token's left (%d of %d)", differ(trailing, plain), control))
  end)
end)

describe("lines of right-to-left text", function()
  -- Pango gives each line of a text (a paragraph of its own) the direction
  -- of its first strong letter: in an Arabic text, a second line that opens
  -- with a Latin name ("JS مباشر …", a burnt-in caption's) was laid out left
  -- to right, flush left, "JS" at its left end. Every line of a
  -- right-to-left language's text reads right to left.
  it("sets every line of an Arabic text right to left", function()
    local probe = render.display_list({ scene_type = "list", visual_content = { header = "x",
      items = { "a", "b" } } }, { width = 1920, height = 1080, t = "end" })
    local font
    for _, l in ipairs(leaves(probe.items)) do if l.it.type == "text" then font = l.it.font end end
    local W, H = 1000, 300
    local item = { type = "text", x = 0, y = 0, w = W, h = H, text = "مرحبا بكم في العرض\nJS مباشر",
      size = 48, min_size = 48, font = font, color = { 0, 0, 0 }, lang = "ar" }
    local m = core.measure(item)
    assert.are.equal(2, m.lines)
    local buf = core.render({ width = W, height = H, background = { 255, 255, 255 }, items = { item } }, W, H)
    local function ink(x0, x1, y0, y1)
      local n = 0
      for y = math.floor(y0), math.floor(y1) do
        for x = x0, x1 do
          local r, g, b = buf:pixel(x, y)
          if r + g + b < 384 then n = n + 1 end
        end
      end
      return n
    end
    local mid = m.height / 2
    -- the second line is short: flush right, its left half bare
    assert.are.equal(0, ink(0, W // 2, mid, m.height), "the second line set left to right, at the left")
    assert.is_true(ink(W // 2, W - 1, mid, m.height) > 0)
    buf:close()
  end)
end)
