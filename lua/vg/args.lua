-- vg.args: walks a command's arguments. "--name=value" and "--name value"
-- both give an option its value; commands decide what each option means.
--
--   for a, value, rest in require("vg.args").each(argv) do
--     if a == "--split" then opts.split = value()      -- nil when missing
--     elseif a == "--" then files = rest(); break       -- everything after
--     ...
local M = {}

function M.each(list)
  local i, inline = 0, nil
  local function value()
    if inline ~= nil then
      local v = inline
      inline = nil
      return v
    end
    i = i + 1
    return list[i]
  end
  local function rest()
    local r = table.move(list, i + 1, #list, 1, {})
    i = #list
    return r
  end
  return function()
    i = i + 1
    local a = list[i]
    if a == nil then return nil end
    local name, v = a:match("^(%-%-[%w-]+)=(.*)$")
    inline = v
    return name or a, value, rest
  end
end

return M
