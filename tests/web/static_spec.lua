-- lua/vg/serve/static.lua: the pages compiled into the binary (web/).
local static = require("vg.serve.static")

local function readfile(p)
  local f = assert(io.open(p, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

describe("vg.serve.static", function()
  it("serves every file of web/, byte for byte, with its type and a strong ETag", function()
    local paths = static.list()
    assert.is_true(#paths >= 5)
    for _, p in ipairs(paths) do
      local body, ctype, etag = static.lookup(p)
      assert.are.equal(readfile("web" .. p), body, p)
      assert.is_string(ctype)
      assert.matches('^"[0-9a-f]+"$', etag)
    end
    assert.are.equal("text/html; charset=utf-8", select(2, static.lookup("/index.html")))
    assert.are.equal("text/javascript; charset=utf-8", select(2, static.lookup("/app.js")))
    assert.are.equal("text/css; charset=utf-8", select(2, static.lookup("/style.css")))
    assert.are.equal("image/svg+xml", select(2, static.lookup("/favicon.svg")))
  end)

  it("answers the app's own routes with index.html", function()
    local index = static.lookup("/index.html")
    for _, p in ipairs({ "/", "/tasks", "/tasks/", "/tasks/abc-123.x", "/editor", "/create" }) do
      assert.are.equal(index, (static.lookup(p)), p)
    end
  end)

  it("has an ETag that follows the bytes", function()
    local _, _, a = static.lookup("/app.js")
    local _, _, b = static.lookup("/style.css")
    local _, _, a2 = static.lookup("/app.js")
    assert.are.equal(a, a2)
    assert.are_not.equal(a, b)
  end)

  it("knows nothing else: no path reaches a disk", function()
    for _, p in ipairs({ "/../etc/passwd", "/%2e%2e/etc/passwd", "/..%2fetc/passwd", "//etc/passwd", "/web/app.js",
      "/app.js/", "/APP.JS", "/app.js?x=1", "", "/nope.html", "/tasks/a/b", "/\0" }) do
      assert.is_nil((static.lookup(p)), p)
    end
    assert.is_nil(static.lookup(nil))
    assert.is_nil(static.lookup(42))
  end)

  it("names content types by extension", function()
    assert.are.equal("image/png", static.content_type("/x.png"))
    assert.are.equal("application/octet-stream", static.content_type("/x.unknown"))
    assert.are.equal("application/octet-stream", static.content_type("/noext"))
  end)
end)
