-- The Lua halves of `vgrun serve` that need no socket: the router's path
-- decoding, the doors, the multipart reader and the SSE framing.
local router = require("vg.serve.router")
local doors = require("vg.serve.doors")
local upload = require("vg.serve.upload")
local sse = require("vg.serve.sse")

describe("vg.serve.router", function()
  it("decodes each segment after splitting, so %2F makes no new segment", function()
    assert.same({ "api", "tasks", "a b", "files", "x.mp4" }, router.segments("/api/tasks/a%20b/files/x.mp4"))
    assert.is_nil(router.segments("/api/tasks/..%2Fetc/files/x"))
    assert.is_nil(router.segments("/api/tasks/%2e%2e/files/x"))
    assert.is_nil(router.segments("/api/tasks/x/files/a%5cb"))
    assert.is_nil(router.segments("/api/tasks/x/files/a%00"))
    assert.is_nil(router.segments("/a/%zz"))
    assert.is_nil(router.segments("/a/%4"))
    assert.is_nil(router.segments("relative"))
  end)
  it("matches methods and parameters; 404 and 405 apart", function()
    local r = router.new()
    local hit
    r:add("GET", "/api/tasks/:id", function() hit = "get" end)
    local fn, params = r:match("GET", router.segments("/api/tasks/t1"))
    fn()
    assert.equal("get", hit)
    assert.equal("t1", params.id)
    assert.is_function((r:match("HEAD", router.segments("/api/tasks/t1"))))
    assert.same({ nil, 405 }, { r:match("POST", router.segments("/api/tasks/t1")) })
    assert.same({ nil, 404 }, { r:match("GET", router.segments("/api/nope/t1")) })
  end)
  it("reads a query string", function()
    assert.same({ status = "done", a = "x y", b = "" }, router.query("status=done&a=x+y&b=&status=no"))
  end)
end)

describe("vg.serve.doors", function()
  local function info(h, method, path)
    return { headers = h, method = method or "GET", path = path or "/api/health" }
  end
  it("parses --listen", function()
    assert.same({ "127.0.0.1", 8080 }, { doors.parse_listen("127.0.0.1:8080") })
    assert.same({ "::1", 80 }, { doors.parse_listen("[::1]:80") })
    assert.same({ "127.0.0.1", 9 }, { doors.parse_listen("localhost:9") })
    assert.is_nil((doors.parse_listen("1.2.3.4:99999")))
    assert.is_nil((doors.parse_listen("nonsense")))
  end)
  it("knows loopback", function()
    assert.is_true(doors.is_loopback("127.0.0.1"))
    assert.is_true(doors.is_loopback("::1"))
    assert.is_false(doors.is_loopback("0.0.0.0"))
    assert.is_false(doors.is_loopback("192.168.1.2"))
  end)
  it("refuses foreign Host names and cross-site Origins on loopback", function()
    local d = doors.new { host = "127.0.0.1", port = 8080 }
    assert.is_nil(d:check(info { host = "127.0.0.1:8080" }))
    assert.is_nil(d:check(info { host = "localhost:8080", origin = "http://localhost:8080" }))
    assert.equal(403, (d:check(info { host = "attacker.example:8080" })))
    assert.equal(403, (d:check(info { host = "127.0.0.1:8080", origin = "http://attacker.example" })))
    assert.equal(403, (d:check(info { host = "127.0.0.1:8080", origin = "null" })))
    assert.equal(403, (d:check(info({ host = "127.0.0.1:8080", ["sec-fetch-site"] = "cross-site" }, "POST"))))
    assert.equal(400, (d:check(info {})))
  end)
  it("wants the token by header or cookie", function()
    local t = doors.new_token()
    assert.equal(64, #t)
    local d = doors.new { host = "0.0.0.0", port = 80, token = t }
    assert.equal(401, (d:check(info { host = "box:80" })))
    assert.equal(401, (d:check(info { host = "box:80", authorization = "Bearer " .. t:sub(2) .. "0" })))
    assert.is_nil(d:check(info { host = "box:80", authorization = "Bearer " .. t }))
    assert.is_nil(d:check(info { host = "box:80", cookie = "a=b; vgrun_token=" .. t }))
    assert.is_nil(d:check(info({ host = "box:80" }, "GET", "/login")))
    local st, h = d:login { token = t }
    assert.equal(303, st)
    assert.truthy(h["set-cookie"]:find("HttpOnly", 1, true))
    assert.equal(401, (d:login { token = "x" }))
  end)
end)

describe("vg.serve.upload", function()
  local B = "XyZ"
  local function part(name, value, filename)
    return "--" .. B .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\""
      .. (filename and ("; filename=\"" .. filename .. "\"") or "") .. "\r\n\r\n" .. value .. "\r\n"
  end
  local ct = "multipart/form-data; boundary=" .. B
  it("reads parts, binary content intact", function()
    local body = part("file", "# T\r\n\0\255", "a.md") .. part("options", "{\"voice\":\"en\"}") .. "--" .. B .. "--\r\n"
    local f = assert(upload.multipart(ct, body))
    assert.equal("# T\r\n\0\255", f.file.data)
    assert.equal("a.md", f.file.filename)
    local doc, opts = upload.document { headers = { ["content-type"] = ct }, body = body }
    assert.equal("md", doc.format)
    assert.equal("en", opts.voice)
  end)
  it("refuses broken bodies with a reason", function()
    assert.is_nil((upload.multipart("multipart/form-data", "x")))
    assert.is_nil((upload.multipart(ct, "--" .. B .. "\r\nno blank line")))
    assert.is_nil((upload.multipart(ct, part("a", "b"))))            -- cut short
    local many = {}
    for i = 1, 40 do many[#many + 1] = part("f" .. i, "x") end
    local _, err = upload.multipart(ct, table.concat(many) .. "--" .. B .. "--\r\n")
    assert.truthy(err:find("too many", 1, true))
  end)
  it("reads the parameters' names in any case", function()
    local body = part("file", "# T\n", "a.md") .. "--" .. B .. "--\r\n"
    local f = assert(upload.multipart("MULTIPART/FORM-DATA; BOUNDARY=" .. B, body))
    assert.equal("a.md", f.file.filename)
    local up = "--" .. B .. "\r\nContent-Disposition: form-data; NAME=\"file\"; FileName=\"b.md\"\r\n\r\nx\r\n--" .. B .. "--\r\n"
    f = assert(upload.multipart(ct, up))
    assert.equal("b.md", f.file.filename)
  end)
  it("refuses two parts of one name: which was meant cannot be told", function()
    local body = part("file", "# A\n", "a.md") .. part("file", "# B\n", "b.md") .. "--" .. B .. "--\r\n"
    local f, err = upload.multipart(ct, body)
    assert.is_nil(f)
    assert.truthy(err:find('two parts named "file"', 1, true))
    local d, status = upload.document { headers = { ["content-type"] = ct }, body = body }
    assert.is_nil(d)
    assert.equal(400, status)
  end)
  it("takes a body's format from its Content-Type", function()
    local function body_doc(ctype, format)
      return upload.document { headers = { ["content-type"] = ctype }, body = "x", format = format }
    end
    local cases = { ["text/html; charset=utf-8"] = "html", ["application/xhtml+xml"] = "html",
      ["text/x-rst"] = "rst", ["text/asciidoc"] = "adoc", ["application/yaml"] = "yaml", ["text/yaml"] = "yaml",
      ["text/vtt"] = "vtt", ["application/x-subrip"] = "srt", ["TEXT/MARKDOWN"] = "md" }
    for ctype, want in pairs(cases) do
      local _, _, fields = body_doc(ctype)
      assert.equal(want, fields.format.data, ctype)
    end
    local _, _, fields = body_doc("text/plain")
    assert.is_nil(fields.format)                           -- Markdown, the default
    _, _, fields = body_doc("text/html", "md")             -- ?format= wins
    assert.equal("md", fields.format.data)
  end)
  it("tells documents, sets and other files apart", function()
    local function doc(name, bytes)
      local body = part("file", bytes, name) .. "--" .. B .. "--\r\n"
      return upload.document { headers = { ["content-type"] = ct }, body = body }
    end
    assert.equal("zip", doc("set.zip", "PK\3\4rest").archive)
    assert.equal("yaml", doc("v.yml", "a: 1").format)
    -- reStructuredText and plain text, uploaded and pasted
    assert.equal("rst", doc("README.rst", "Title\n=====\n").format)
    assert.equal("rst", doc("guide.rest", "Title\n=====\n").format)
    assert.equal("txt", doc("NOTES.TXT", "Notes\n").format)
    assert.equal("txt", doc("notes.text", "Notes\n").format)
    local pasted = upload.document { headers = { ["content-type"] = "application/json" },
      body = '{"text":"Plain notes","format":"txt"}' }
    assert.equal("txt", pasted.format)
    local none, status = doc("x.sh", "#!")
    assert.is_nil(none)
    assert.equal(415, status)
    local d = upload.document { headers = { ["content-type"] = "application/json" },
      body = '{"text":"# x","format":"md","options":{"fps":30}}' }
    assert.equal("# x", d.text)
    assert.same({ nil, 400 }, { (upload.document { headers = {}, body = "" }), 400 })
  end)
  it("names what is wrong with an options part that is no JSON object", function()
    for _, o in ipairs { '"str"', "null", "5", "[1]" } do
      local body = part("file", "# T", "a.md") .. part("options", o) .. "--" .. B .. "--\r\n"
      local d, status, err = upload.document { headers = { ["content-type"] = ct }, body = body }
      assert.is_nil(d)
      assert.equal(400, status)
      assert.equal("options: a JSON object expected", err, o)
    end
    local body = part("file", "# T", "a.md") .. part("options", "{voice:") .. "--" .. B .. "--\r\n"
    local _, status, err = upload.document { headers = { ["content-type"] = ct }, body = body }
    assert.equal(400, status)
    assert.truthy(err:find("^options: not JSON: "), err)
    assert.falsy(err:find("nil"), err)
  end)
end)

describe("vg.serve.sse", function()
  it("frames an event on one data line with its id", function()
    local s = sse.frame { id = 7, task = "t1", type = "stage.progress", data = { text = "a\nb" } }
    assert.truthy(s:match("^id: 7\nevent: stage.progress\ndata: [^\n]+\n\n$"))
    assert.truthy(s:find('"text":"a\\nb"', 1, true))
  end)
end)
