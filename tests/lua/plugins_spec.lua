-- Plug-ins and Lua input adapters: vg.plugins loads files with the vg module
-- and reports errors at file:line; an adapter registered with
-- vg.input.register is used by vg.input.load and by the native input.load
-- stage, and what it returns goes through the C validator.
local vg = require("vg")
local plugins = require("vg.plugins")

local function tmp(ext, text)
  local p = os.tmpname()
  os.remove(p)
  p = p .. ext
  local f = assert(io.open(p, "w"))
  f:write(text)
  f:close()
  return p
end

describe("vg.plugins", function()
  it("runs a plug-in with the vg module and its path", function()
    local p = tmp(".lua", "local vg, path = ...\nPLUGIN_SAW = { vg = vg, path = path }\n")
    assert.is_true(plugins.load(p))
    assert.equals(vg, PLUGIN_SAW.vg)
    assert.equals(p, PLUGIN_SAW.path)
    assert.equals(p, plugins.loaded[#plugins.loaded])
    os.remove(p)
  end)

  it("reports a broken plug-in at file:line", function()
    local syntax = tmp(".lua", "local x = = 1\n")
    local raise = tmp(".lua", "local vg = ...\n\nerror('on purpose')\n")
    local nonstring = tmp(".lua", "error({})\n")
    local ok, err = plugins.load(syntax)
    assert.is_nil(ok)
    assert.truthy(err:find("plug-in " .. syntax .. ":1:", 1, true))
    ok, err = plugins.load(raise)
    assert.truthy(err:find("plug-in " .. raise .. ":3: on purpose", 1, true))
    ok, err = plugins.load(nonstring)
    assert.truthy(err:find("plug-in " .. nonstring .. ": ", 1, true))
    ok, err = plugins.load("/no/such/plugin.lua")
    assert.truthy(err:find("plug-in /no/such/plugin.lua", 1, true))
    for _, p in ipairs({ syntax, raise, nonstring }) do os.remove(p) end
  end)

  it("names the plug-in's line when it misuses the API", function()
    local p = tmp(".lua", "local vg = ...\nvg.scene_type{ name = 'no-layout' }\n")
    local ok, err = plugins.load(p)
    assert.is_nil(ok)
    assert.truthy(err:find(p .. ":2: vg.scene_type: layout function expected", 1, true))
    os.remove(p)
  end)

  it("lists a folder's *.lua files in name order", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert(vg.core.mkdirs(dir))
    for _, n in ipairs({ "b.lua", "a.lua", "notes.txt", ".hidden.lua" }) do
      io.open(dir .. "/" .. n, "w"):close()
    end
    assert.same({ dir .. "/a.lua", dir .. "/b.lua" }, plugins.folder(dir))
    assert.same({}, plugins.folder(dir .. "/missing"))
    os.execute("rm -rf '" .. dir .. "'")
  end)
end)

describe("Lua input adapters", function()
  local doc = tmp(".note", "Title line\n- first\n- second\n")
  vg.input.register("note", function(path)
    local f = assert(io.open(path))
    local title = f:read("l")
    local items = {}
    for l in f:lines() do items[#items + 1] = l:match("^%- (.*)") end
    f:close()
    if title == "bad" then return nil, "a bad title", 1 end
    return { video = { id = "n", title = title },
             scenes = { { type = "list", header = title, items = items } } }
  end)

  it("are used by vg.input.load, with diagnostics naming the document", function()
    local model, diags = vg.input.load(doc)
    assert.equals(0, #diags)
    assert.equals("Title line", model.videos[1].title)
    assert.same({ "first", "second" }, model.videos[1].scenes[1].visual_content.items)
    local bad = tmp(".note", "bad\n")
    model, diags = vg.input.load(bad)
    assert.is_nil(model)
    assert.equals(bad, diags[1].file)
    assert.equals(1, diags[1].line)
    assert.equals("a bad title", diags[1].message)
    assert.truthy(diags[1].text:find(bad .. ":1", 1, true))
    os.remove(bad)
    local empty = tmp(".note", "No items\n")
    local ok
    ok, diags = vg.input.check(empty)
    assert.is_false(ok)
    assert.truthy(diags[1].text:find(empty, 1, true))
    assert.truthy(diags[1].field:find("items", 1, true))
    os.remove(empty)
  end)

  it("are used by the native input.load stage", function()
    local p = vg.pipeline{ name = "adapted", stages = { vg.native("input.load") } }
    local r = p:run(doc, { save_state = false })
    assert.is_true(r.success)
    assert.equals("Title line", r.context.videos[1].scenes[1].visual_content.header)
  end)

  it("report an adapter that raises with the plug-in's line", function()
    local p = tmp(".lua", "local vg = ...\nvg.input.register('boom', function()\n  error('kaput')\nend)\n")
    assert.is_true(plugins.load(p))
    local b = tmp(".boom", "x")
    local model, diags = vg.input.load(b)
    assert.is_nil(model)
    assert.truthy(diags[1].message:find("the .boom adapter failed: " .. p .. ":3: kaput", 1, true))
    assert.is_nil(diags[1].message:find("traceback", 1, true))
    os.remove(p); os.remove(b)
  end)

  it("refuse misuse", function()
    assert.has_error(function() vg.input.register("lua", print) end)
    assert.has_error(function() vg.input.register("../x", print) end)
    assert.has_error(function() vg.input.register("rst", "not a function") end)
  end)
end)
