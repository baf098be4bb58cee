-- vg.serve.tasks.input.remove_tree (vg_remove_tree in C): how a refused
-- upload's folder and a deleted task's folder go. Whatever the depth (it
-- used to stop 64 folders down and leave the rest), whatever the length of
-- the paths (past PATH_MAX), never through a link.
local core = require("vg.core")
local tinput = require("vg.serve.tasks.input")

local function sh(script)
  local ok = os.execute(script)
  assert(ok, "shell failed: " .. script)
end

local function tmpdir()
  local p = os.tmpname()
  os.remove(p)
  assert(core.mkdirs(p, 448))
  return p
end

describe("vg.serve.tasks.input.remove_tree", function()
  local top
  before_each(function() top = tmpdir() end)
  after_each(function() os.execute("rm -rf '" .. top .. "'") end)

  it("removes a tree 300 folders deep whose paths are 6 KB long (past PATH_MAX)", function()
    -- built by mkdir -p and cd, one level at a time: no path this long can
    -- be named whole
    local name = string.rep("n", 20)
    sh(string.format([[bash -c 'cd %s && mkdir -p "t/$(printf "%s/%%.0s" {1..300})" && cd t && for i in {1..300}; do echo x > f && cd -P %s || exit 1; done; echo y > last']],
      top, name, name))
    local f = io.popen("find '" .. top .. "/t' -type d | wc -l")
    assert.equal(301, tonumber(f:read("a")))
    f:close()
    assert.is_true(tinput.remove_tree(top .. "/t"))
    assert.is_nil(core.stat(top .. "/t", true))
  end)

  it("removes a link and never what it points to", function()
    sh(string.format("cd '%s' && mkdir -p keep/sub t/a && echo k > keep/file && echo k > keep/sub/file"
      .. " && ln -s ../../keep t/a/to_dir && ln -s ../keep/file t/to_file && ln -s /nonexistent t/dangling", top))
    assert.is_true(tinput.remove_tree(top .. "/t"))
    assert.is_nil(core.stat(top .. "/t", true))
    assert.equal("file", core.stat(top .. "/keep/file", true).type)
    assert.equal("file", core.stat(top .. "/keep/sub/file", true).type)
    -- a link given as the path: the link goes, its folder stays
    sh(string.format("cd '%s' && ln -s keep link", top))
    assert.is_true(tinput.remove_tree(top .. "/link"))
    assert.is_nil(core.stat(top .. "/link", true))
    assert.equal("file", core.stat(top .. "/keep/sub/file", true).type)
  end)

  it("removes folders whose modes keep their owner out (0000, 0500)", function()
    sh(string.format("cd '%s' && mkdir -p t/closed/in t/readonly/in && echo x > t/closed/in/f && echo x > t/readonly/f"
      .. " && chmod 000 t/closed && chmod 500 t/readonly", top))
    assert.is_true(tinput.remove_tree(top .. "/t"))
    assert.is_nil(core.stat(top .. "/t", true))
  end)

  it("is done at once for a path that is not there, and removes a file", function()
    assert.is_true(tinput.remove_tree(top .. "/nothing"))
    sh(string.format("echo x > '%s/file'", top))
    assert.is_true(tinput.remove_tree(top .. "/file"))
    assert.is_nil(core.stat(top .. "/file", true))
  end)
end)
