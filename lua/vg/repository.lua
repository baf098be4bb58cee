-- The repository a document belongs to: pictures a README shows from its
-- project's other folders ("docs/README.md" showing "../assets/logo.png")
-- are the project's own, so the command line allows the repository's
-- folder as if given with --allow-path. Only the commands a user runs on
-- their own files ask for it (create, check, scenes, frame); `vgrun serve`
-- never does: an upload's folder may lie inside the server's own checkout.

local core = require("vg.core")

local M = {}

local MAX_UP = 64   -- folders walked up from the document's

-- The nearest folder from path's own up that holds a `.git` (a folder, or
-- the file a worktree or submodule keeps), or nil. The home folder and the
-- file system's root never count (a home kept as a repository would allow
-- every picture of the user's), nor anything above the home folder, nor a
-- .git or its folder that another user owns.
function M.root(path)
  if type(path) ~= "string" or path == "" or path == "-" then return nil end
  local st = core.stat(path)
  if not st then return nil end
  local dir = st.type == "dir" and path or (path:match("^(.*)/[^/]*$") or ".")
  dir = core.realpath(dir == "" and "/" or dir)
  if not dir then return nil end
  local home = os.getenv("HOME")
  home = home and home ~= "" and (core.realpath(home) or home) or nil
  for _ = 1, MAX_UP do
    if dir == "/" or dir == home then return nil end
    local git = core.stat(dir .. "/.git", true)
    if git and (git.type == "dir" or git.type == "file") then
      -- as git's own check of ownership (CVE-2022-24765): a .git another
      -- user made, or in another's folder (/tmp/.git in a shared /tmp),
      -- does not make its folder the user's project
      local here = core.stat(dir, true)
      if git.mine and here and here.mine then return dir end
      return nil
    end
    local up = dir:match("^(.*)/[^/]+$")
    if not up then return nil end
    dir = up == "" and "/" or up
  end
  return nil
end

--- with_root(path, allow) -> allow (a list, possibly new) with the
--- repository's folder of path added when there is one and it is not
--- already the document's own folder; allow may be nil.
function M.with_root(path, allow)
  local root = M.root(path)
  if not root then return allow end
  local list = {}
  for i, d in ipairs(allow or {}) do list[i] = d end
  for _, d in ipairs(list) do if d == root then return list end end
  list[#list + 1] = root
  return list
end

return M
