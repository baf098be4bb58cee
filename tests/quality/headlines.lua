-- headlines.lua LANG FILE...: fails (exit 1, naming each) when a headline
-- vgrun shows for a document (vgrun scenes' bullets and titles) stops
-- mid-clause: right after an article, a preposition or a conjunction of
-- LANG, on a Japanese particle, inside a bracket it opens; or when a
-- bullet in a language written with spaces has more than MAX_WORDS words
-- (a headline is about twelve; a longer statement is cut to a whole clause,
-- and only one with no safe cut stays longer). Run by vgrun
-- (tests/quality/corpus.sh) on the corpus documents.
local input = require("vg.input")
local lang = arg[1]
-- words no headline ends with (lower case), per language
local never = {
  en = "the a an of to and or with for from that which by in on as than",
  de = "der die das dem den des ein eine einen und oder mit für von zu als solche anhand mittels um dass",
  fr = "le la les un une de du des et ou que qui celles ceux pour avec dans par à",
  es = "el la los las un una de del y o que con para por en",
  it = "il la lo gli le un una di del della e o che con per in",
  pt = "o a os as um uma de do da e ou que com para por em",
  ru = "и или в на с по для от к о из те того что как а но",
  nl = "de het een en of van met voor door op bij te dat die om naar",
  ko = "",
}
-- Japanese: a headline does not end on a particle or a connective form
local ja_open = { "が", "に", "を", "は", "ために", "ながら", "ので", "とともに", "おり", "であれば" }
-- Chinese: nor on a purpose or condition waiting for its clause
local zh_open = { "为了", "不仅", "除去", "如果", "虽然" }
local MAX_WORDS = 20
local bad = {}
local function check(where, h)
  if type(h) ~= "string" or h == "" then return end
  local last = h:match("([^%s]+)%s*$") or ""
  last = last:gsub("^[%p]+", ""):gsub("[%p]+$", ""):lower()
  local list = " " .. (never[lang] or never.en) .. " "
  if last ~= "" and list:find(" " .. last .. " ", 1, true) then
    bad[#bad + 1] = string.format("%s: %q ends on %q", where, h, last)
  end
  if lang == "ja" then
    for _, p in ipairs(ja_open) do
      if h:sub(-#p) == p then bad[#bad + 1] = string.format("%s: %q ends on the particle %q", where, h, p) end
    end
    -- a verb's connective form ("…して"), not "について" (about …), which heads well
    if h:sub(-#"て") == "て" and h:sub(-#"について") ~= "について" then
      bad[#bad + 1] = string.format("%s: %q ends on the connective %q", where, h, "て")
    end
  elseif lang == "zh" then
    for _, p in ipairs(zh_open) do
      if h:sub(1, #p) == p and not h:find("，", 1, true) then
        bad[#bad + 1] = string.format("%s: %q is a clause waiting for its main clause", where, h)
      end
    end
  end
  local opens = select(2, h:gsub("%(", "")) + select(2, h:gsub("（", ""))
  local closes = select(2, h:gsub("%)", "")) + select(2, h:gsub("）", ""))
  if opens > closes and not h:match("^%(") then
    bad[#bad + 1] = string.format("%s: %q opens a bracket it does not close", where, h)
  end
end
for i = 2, #arg do
  local plan, diags = input.plan(arg[i])
  if not plan then
    bad[#bad + 1] = arg[i] .. ": not read"
  else
    for _, s in ipairs(plan.scenes) do
      local where = string.format("%s scene %d", arg[i]:match("[^/]+$"), s.index)
      for _, b in ipairs(s.bullets or {}) do
        local t = type(b) == "table" and b.text or b
        check(where, t)
        -- a quote is shown whole; Chinese and Japanese have no spaces to count
        local words = 0
        if type(t) == "string" then for _ in t:gmatch("%S+") do words = words + 1 end end
        if s.type ~= "quote" and lang ~= "zh" and lang ~= "ja" and words > MAX_WORDS then
          bad[#bad + 1] = string.format("%s: %q has %d words", where, t, words)
        end
      end
    end
  end
end
if #bad > 0 then
  io.stderr:write(#bad, " headline(s) stop mid-clause:\n", table.concat(bad, "\n"), "\n")
  os.exit(1)
end
