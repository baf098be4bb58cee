-- scripts/man.lua OUTDIR: writes the man pages vgrun(1) and vgrun-COMMAND(1)
-- for every command, from the same specs as `--help` (lua/vg/help.lua).
-- Run by the built vgrun at build time (cmake/Install.cmake):
--   vgrun scripts/man.lua build/man
local help = require("vg.help")
local core = require("vg.core")
local dir = assert(arg[1], "usage: vgrun scripts/man.lua OUTDIR")
assert(core.mkdirs(dir))
-- reproducible: the date comes from SOURCE_DATE_EPOCH when it is set
local epoch = tonumber(os.getenv("SOURCE_DATE_EPOCH") or "")
local date = os.date("!%Y-%m-%d", epoch or os.time())
-- pages of commands that no longer exist go
for _, e in ipairs(core.scandir(dir) or {}) do
  if e.name:match("^vgrun.*%.1$") or e.name:match("^vgrun.*%.1%.gz$") then os.remove(dir .. "/" .. e.name) end
end
local function write(name, text)
  local ok, err = core.write_atomic(dir .. "/" .. name, text)
  assert(ok, err)
end
write("vgrun.1", help.main_roff(date))
local n = 1
for _, name in ipairs(help.commands()) do
  local page = help.roff(name, date)
  if page then write("vgrun-" .. name .. ".1", page); n = n + 1 end
end
print(string.format("man: %d pages in %s", n, dir))
