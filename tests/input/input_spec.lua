-- vg.input: documents into the scene model, from Lua (issue 3).
local vg = require("vg")
local input = require("vg.input")

local DATA = "tests/input/data/"
local CORPUS = os.getenv("VG_CORPUS_DIR") or "../shared/corpus/video_gen"

local function exists(p)
  local f = io.open(p, "r")
  if f then f:close() return true end
  return false
end

local function fields(diags)
  local out = {}
  for _, d in ipairs(diags) do out[#out + 1] = d.field end
  return out
end

describe("vg.input", function()
  it("loads Markdown with front matter into the scene model", function()
    local model, diags = input.load(DATA .. "acceptance.md")
    assert.is_table(model)
    assert.are.equal(0, input.count(diags))
    local v = model.videos[1]
    assert.are.equal("green", v.accent_color)
    local types = {}
    for i, s in ipairs(v.scenes) do
      types[i] = s.scene_type
      assert.are.equal("female", s.voice)
      assert.is_string(s.narration)
    end
    assert.are.same({ "title", "list", "command", "table", "quote", "outro" }, types)
  end)

  it("reports two wrong fields with their lines", function()
    local ok, diags = input.check(DATA .. "two_errors.yaml")
    assert.is_false(ok)
    assert.are.equal(2, #diags)
    assert.are.equal(13, diags[1].line)
    assert.are.equal(17, diags[2].line)
    assert.are.equal("error", diags[1].severity)
    assert.truthy(diags[1].text:find("two_errors.yaml:13:12: videos%[0%].scenes%[1%].visual_content.items:"))
  end)

  it("names a missing file", function()
    local model, diags = input.load(DATA .. "nope.yaml")
    assert.is_nil(model)
    assert.truthy(diags[1].text:find("nope.yaml: cannot open"))
  end)

  it("validates Lua tables through the same validator", function()
    local ok, diags, model = input.validate({
      video = { id = "lua", title = "From Lua", accent_color = "magenta" },
      scenes = {
        { type = "title", title = "Hi" },
        { type = "list", header = "Things", items = 3 },
      },
    })
    assert.is_false(ok)
    assert.are.same({ "videos[0].accent_color", "videos[0].scenes[1].visual_content.items" }, fields(diags))
    assert.are.equal("Welcome to Hi.", model.videos[1].scenes[1].narration)
  end)

  it("vg.input.video returns a canonical video or raises with every problem", function()
    local v = input.video{ id = "ok", title = "Ok", scenes = {
      { scene_type = "outro", visual_content = { main_text = "Bye", sub_text = "See you" } } } }
    assert.are.equal("outro", v.scenes[1].scene_type)
    assert.are.equal("Bye. See you.", v.scenes[1].narration)
    local ok, err = pcall(input.video, { id = "bad", title = "Bad", scenes = { { type = "nope" } } })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("unknown scene type 'nope'"))
  end)

  it("reads SRT and VTT of the same cues into the same scenes", function()
    local a = input.load(DATA .. "cues.srt")
    local b = input.load(DATA .. "cues.vtt")
    assert.are.equal(#a.videos[1].scenes, #b.videos[1].scenes)
    for i, s in ipairs(a.videos[1].scenes) do
      assert.are.equal(s.narration, b.videos[1].scenes[i].narration)
    end
  end)

  it("splits Markdown per H2 and fits narration to a duration", function()
    local model = input.load(DATA .. "acceptance.md", { split = "h2" })
    assert.are.equal(4, #model.videos)
    -- 10 s: whole scenes go (the least important first); title and outro stay
    local short = input.load(DATA .. "acceptance.md", { duration = 10 })
    local sc = short.videos[1].scenes
    assert.is_true(#sc < 6)
    assert.are.equal("title", sc[1].scene_type)
    assert.are.equal("outro", sc[#sc].scene_type)
    local full = input.load(DATA .. "acceptance.md", { detail = "full" })
    assert.are.equal("Make rebuilds only what changed. It reads rules from a Makefile.",
      full.videos[1].scenes[2].narration)
    assert.has_error(function() input.load(DATA .. "acceptance.md", { detail = "all" }) end)
    assert.has_error(function() input.load(DATA .. "acceptance.md", 5) end)
  end)

  it("plans a document: scenes, bullets, narration, seconds", function()
    local plan, diags = input.plan(DATA .. "acceptance.md")
    assert.are.equal(0, input.count(diags))
    assert.are.equal(6, #plan.scenes)
    local total = 0
    for i, s in ipairs(plan.scenes) do
      assert.are.equal(i, s.index)
      assert.is_string(s.type)
      assert.is_string(s.title)
      assert.is_table(s.bullets)
      assert.is_true(s.seconds >= 2)
      total = total + s.seconds
    end
    assert.are.equal("list", plan.scenes[2].type)
    assert.are.same({ "Targets", "  Files you want to build", "  Phony names such as test", "Prerequisites", "Recipes" },
      plan.scenes[2].bullets)
    assert.are.equal(2, plan.scenes[3].lines)
    assert.is_true(math.abs(total - plan.seconds) < 1e-6)
    assert.is_nil(input.plan(DATA .. "missing.md"))
    -- the same from a model already loaded
    local again = input.plan(input.load(DATA .. "acceptance.md"))
    assert.are.equal(plan.seconds, again.seconds)
    -- the pace of the language: Korean by syllable, French faster than German
    assert.is_true(require("vg.input_core").speech_seconds("안녕하세요 여러분", "ko") > 1)
  end)

  it("checks voices", function()
    assert.is_true(input.voice_known("female_friendly"))
    assert.is_true(input.voice_known("en-gb"))
    assert.is_false(input.voice_known("robot"))
    assert.is_table(input.scene_types().quiz.options)
  end)

  it("passes every corpus document", function()
    if not exists(CORPUS .. "/inputs/example_simple.yaml") then
      pending("corpus not found at " .. CORPUS)
      return
    end
    local files = {}
    for _, name in ipairs({ "01_system_introduction.yaml", "example_simple.yaml",
                            "Internet_Guide_Vol1_Core_Infrastructure.md" }) do
      files[#files + 1] = CORPUS .. "/inputs/" .. name
    end
    files[#files + 1] = CORPUS .. "/sets/tutorial_series_example"
    for _, f in ipairs(files) do
      local ok, diags = input.check(f)
      assert.is_true(ok, f .. ": " .. input.format(diags))
    end
    local model = input.load(CORPUS .. "/sets/tutorial_series_example")
    assert.are.equal(4, #model.videos)
  end)

  it("runs as the native stage input.load in a pipeline", function()
    local dir = os.tmpname(); os.remove(dir); vg.state.dir(dir)
    local p = vg.pipeline{ name = "inputs", stages = { vg.native("input.load") } }
    local r = p:run(DATA .. "acceptance.md", { save_state = false })
    assert.is_true(r.success)
    assert.are.equal(6, #r.context.videos[1].scenes)
    local warnings = {}
    local id = vg.on("validation.error", function(ev) warnings[#warnings + 1] = ev.message end)
    local bad = p:run(DATA .. "two_errors.yaml", { save_state = false })
    vg.off(id)
    assert.is_false(bad.success)
    assert.are.equal(2, #warnings)
  end)

  it("loads inside a Lua stage without blocking other tasks", function()
    local dir = os.tmpname(); os.remove(dir); vg.state.dir(dir)
    local p = vg.pipeline{ name = "lua-load", stages = {
      function(ctx)
        local model, diags = input.load(ctx.input)
        ctx.count = #model.videos[1].scenes
        ctx.diags = #diags
      end,
    }}
    local r = p:run(DATA .. "cues.vtt", { save_state = false })
    assert.is_true(r.success)
    assert.are.equal(5, r.context.count)
    assert.are.equal(0, r.context.diags)
  end)

  it("gives the model as JSON text in canonical order", function()
    local text = input.load(DATA .. "acceptance.md", { as_json = true })
    assert.is_string(text)
    local a, b = text:find('"scene_type"', 1, true), text:find('"visual_content"', 1, true)
    assert.is_true(a < b)
    assert.are.equal(6, #vg.json.decode(text).videos[1].scenes)
  end)

  it("never runs a .lua file given as input (input is data)", function()
    local path = os.tmpname() .. ".lua"
    local f = assert(io.open(path, "w"))
    f:write('RAN_AS_INPUT = true; return { id = "l", title = "L", scenes = { { type = "title", title = "From Lua" } } }')
    f:close()
    local model, diags = input.load(path)
    os.remove(path)
    assert.is_nil(RAN_AS_INPUT)
    assert.is_nil(model)
    assert.is_true(#diags >= 1)
  end)

  it("takes videos written as Lua tables in scripts", function()
    local video = vg.video{ id = "l", title = "L", scenes = { { type = "title", title = "From Lua" } } }
    assert.are.equal("Welcome to From Lua.", video.scenes[1].narration)
  end)

  -- issue 11 item 1: an image outside the document's folder is refused
  -- unless the caller allows that folder (allow_paths), in vg.input.load and
  -- in the native stage input.load alike.
  it("takes images from other folders only when allow_paths names them", function()
    local base = os.tmpname(); os.remove(base)
    assert.is_true(os.execute("mkdir -p '" .. base .. "/doc' '" .. base .. "/pics'"))
    assert.is_true(os.execute("cp examples/documents/diagram.png '" .. base .. "/pics/'"))
    local md = base .. "/doc/talk.md"
    local f = assert(io.open(md, "w"))
    f:write("# Talk\n\n## Key\n\n![k](../pics/diagram.png)\n\nThe key is the hash.\n")
    f:close()
    local function image_of(model)
      for _, s in ipairs(model and model.videos[1].scenes or {}) do
        if s.visual_content.image then return s.visual_content.image end
      end
    end
    local model, diags = input.load(md)
    assert.are.equal(1, input.count(diags))
    assert.truthy(diags[1].text:find("talk.md:5:1: image ../pics/diagram.png is outside the document's folder", 1, true))
    assert.is_nil(image_of(model))
    model, diags = input.load(md, { allow_paths = { base .. "/pics" } })
    assert.are.equal(0, #diags)
    assert.are.equal(base .. "/pics/diagram.png", image_of(model))
    model, diags = input.load(md, { allow_paths = base .. "/pics" })
    assert.are.equal(0, #diags)
    assert.has_error(function() input.load(md, { allow_paths = { 42 } }) end)
    -- the native stage reads the same option
    local dir = os.tmpname(); os.remove(dir); vg.state.dir(dir)
    local p = vg.pipeline{ name = "allow", stages = {
      vg.native("input.load", { name = "load", options = { allow_paths = { base .. "/pics" } } }),
    }}
    local r = p:run(md, { save_state = false })
    assert.is_true(r.success)
    assert.are.equal(base .. "/pics/diagram.png", r.context.videos[1].scenes[2].visual_content.image)
    p = vg.pipeline{ name = "refuse", stages = { vg.native("input.load", { name = "load" }) } }
    r = p:run(md, { save_state = false })
    assert.is_false(r.success)
    os.execute("rm -rf '" .. base .. "'")
  end)
  it("keeps solution and code_comparison slides long enough to read their code", function()
    local render = require("vg.render")
    local lines = {}
    for i = 1, 10 do lines[i] = "x = " .. i end
    local sol = { scene_type = "solution", narration = "Done.",
      visual_content = { title = "Fix", solution_code = lines, explanation = "It works." } }
    local cmp = { scene_type = "code_comparison", narration = "Done.",
      visual_content = { header = "Before and after", before_code = table.concat(lines, "\n", 1, 5) .. "\n",
        after_code = table.concat(lines, "\n", 6, 10) } }
    -- 1.5 s a line: the slide (render) and the estimate (input) agree
    for _, sc in ipairs({ sol, cmp }) do
      assert.is_true(render.settle_time(sc) >= 15, sc.scene_type .. " settles at " .. render.settle_time(sc))
      assert.is_true(input.seconds(sc, "en") >= 15.5, sc.scene_type .. " estimated " .. input.seconds(sc, "en"))
    end
    -- at least 4 s for a line
    sol.visual_content.solution_code = { "make" }
    cmp.visual_content.before_code, cmp.visual_content.after_code = "a", ""
    for _, sc in ipairs({ sol, cmp }) do
      assert.is_true(render.settle_time(sc) >= 4)
      assert.is_true(input.seconds(sc, "en") >= 4.5)
      assert.is_true(input.seconds(sc, "en") < 8)
    end
  end)
end)
