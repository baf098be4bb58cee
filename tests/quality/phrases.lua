-- phrases.lua LANG FILE: fails (exit 1, naming it) when FILE holds a phrase
-- vgrun generates in a language other than LANG (from lua/vg/i18n.lua), a
-- URL, or Markdown/HTML markup. Run by vgrun (tests/quality/corpus.sh).
local i18n = require("vg.i18n")
local lang, file = arg[1], arg[2]
local f = assert(io.open(file, "rb"))
local text = f:read("a")
f:close()
local flat = text:gsub("%s+", " ")
local bad = {}
local mine = i18n.base(lang)
-- a language the table lacks (Tagalog, Khmer) is not English: English
-- phrases are another language's there too
local own = (lang:match("^%a+") or ""):lower()
if mine == "en" and own ~= "en" then mine = nil end
-- a language's phrase, or its parent's (zh-Hant takes zh's it lacks)
local function phrase(l, k)
  local block = l and i18n.phrases[l]
  for _ = 1, 3 do
    if not block or block[k] or not block.parent then break end
    block = i18n.phrases[block.parent]
  end
  return block and block[k] or ""
end
-- the fixed part of a phrase: its longest stretch without a placeholder
local function core(p)
  local best = ""
  for part in (p .. "{"):gmatch("([^{}]*){") do
    part = part:gsub("^%d}", "")
    part = part:gsub("^[%s%p]+", ""):gsub("[%s%p]+$", "")
    if #part > #best then best = part end
  end
  return best
end
local keys = { "welcome", "thanks", "key_points", "run_one", "run_many", "gives_you", "remember",
  "see_guides", "solution", "quiz_time", "part" }
for other, t in pairs(i18n.phrases) do
  if i18n.base(other) ~= mine then
    for _, k in ipairs(keys) do
      local c = t[k] and core(t[k])
      -- a phrase the same in both languages ("Quiz") proves nothing
      if c and #c >= 6 and c ~= core(phrase(mine, k)) and flat:find(c, 1, true) then
        bad[#bad + 1] = string.format("%s phrase %q", other, c)
      end
    end
  end
end
-- MyST too: a role or directive name in braces, a target line, a role's target
for _, pat in ipairs({ "https?://", "www%.", "%]%(", "%[!%u+%]", "%[%^", "%*%*", "`", "</?%a+[^>]*>",
                       ":[%l_]+:", "{[%l][%l-]*}", "%([%w_-]+%)=", "<%l+:" }) do
  local s = flat:find(pat)
  if s then bad[#bad + 1] = string.format("%q at %q", pat, flat:sub(math.max(1, s - 20), s + 30)) end
end
if #bad > 0 then
  io.stderr:write(file .. ": " .. table.concat(bad, "; ") .. "\n")
  os.exit(1)
end
