-- Small file helpers the specs share (busted's helper puts tests/lua on
-- package.path).
local M = {}

--- a fresh name for a scratch folder (not made)
function M.tmp_dir()
  local dir = os.tmpname()
  os.remove(dir)
  return dir
end

function M.write(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

--- the file's bytes, or nil
function M.read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

return M
