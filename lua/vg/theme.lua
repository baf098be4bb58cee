-- vg.theme: colours and fonts of the scene renderer. A theme is a plain
-- table; layouts read it and never hard-code colours, so `light`/`dark` and
-- the six accents (or a user theme) restyle every scene type.
local M = {}

M.accents = {
  blue = { 59, 130, 246 },
  purple = { 139, 92, 246 },
  orange = { 255, 107, 53 },
  green = { 16, 185, 129 },
  pink = { 236, 72, 153 },
  cyan = { 34, 211, 238 },
}
M.accent_names = { "blue", "purple", "orange", "green", "pink", "cyan" }

local FONTS = {
  sans = "Noto Sans, DejaVu Sans, WenQuanYi Micro Hei, sans-serif",
  mono = "DejaVu Sans Mono, Noto Sans Mono, WenQuanYi Micro Hei Mono, monospace",
  serif = "Noto Serif, DejaVu Serif, serif",
}

-- Code cards are dark in both themes (like a terminal); One Dark colours.
local CODE = {
  text = { 226, 232, 240 }, keyword = { 198, 120, 221 }, string = { 152, 195, 121 },
  comment = { 127, 132, 142 }, number = { 209, 154, 102 }, func = { 97, 175, 239 },
  type = { 229, 192, 123 }, prompt = { 34, 211, 238 }, output = { 148, 163, 184 },
  ok = { 52, 211, 153 }, error = { 248, 113, 113 },
}

local BASE = {
  light = {
    bg = { 245, 248, 252 },
    bg_decor = 0.07,              -- alpha of the accent circles behind content
    card = { 255, 255, 255 },
    card_border = { 226, 232, 240 },
    text = { 15, 23, 42 },
    muted = { 71, 85, 105 },
    subtle = { 148, 163, 184 },
    shadow = { blur = 28, dy = 10, alpha = 0.10, color = { 15, 23, 42 } },
    code_bg = { 30, 41, 59 },
    code_bar = { 15, 23, 42 },
    good = { 16, 185, 129 }, warn = { 245, 158, 11 }, bad = { 239, 68, 68 },
  },
  dark = {
    bg = { 11, 17, 32 },
    bg_decor = 0.10,
    card = { 30, 41, 59 },
    card_border = { 51, 65, 85 },
    text = { 241, 245, 249 },
    muted = { 148, 163, 184 },
    subtle = { 100, 116, 139 },
    shadow = { blur = 30, dy = 12, alpha = 0.45, color = { 0, 0, 0 } },
    code_bg = { 2, 6, 23 },
    code_bar = { 15, 23, 42 },
    good = { 52, 211, 153 }, warn = { 251, 191, 36 }, bad = { 248, 113, 113 },
  },
}
M.names = { "light", "dark" }

local function copy(t)
  if type(t) ~= "table" then return t end
  local o = {}
  for k, v in pairs(t) do o[k] = copy(v) end
  return o
end

-- Accepts a name ("orange"), "#rrggbb", or {r, g, b}. nil + message otherwise.
function M.accent(v)
  if v == nil then return M.accents.blue, "blue" end
  if type(v) == "table" and #v >= 3 then return { v[1], v[2], v[3] }, "custom" end
  if type(v) == "string" then
    local name = v:lower()
    if M.accents[name] then return copy(M.accents[name]), name end
    local r, g, b = v:match("^#(%x%x)(%x%x)(%x%x)$")
    if r then return { tonumber(r, 16), tonumber(g, 16), tonumber(b, 16) }, v end
  end
  return nil, string.format("unknown accent colour %q (one of: %s, or #rrggbb)",
    tostring(v), table.concat(M.accent_names, ", "))
end

-- Mixes colour a toward b by f (0..1).
function M.mix(a, b, f)
  return { a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f, a[3] + (b[3] - a[3]) * f }
end

-- With alpha (0..1): {r, g, b, a}, the form display lists take.
function M.alpha(c, a) return { c[1], c[2], c[3], a } end

-- Fonts per script (Debian: fonts-noto-core, fonts-noto-cjk). Noto Sans
-- stays first for Latin letters, digits and punctuation; the script's family
-- follows, so Pango takes Hangul, kana, Han and Arabic from a face made for
-- them, with a real bold (the CJK and Arabic faces ship Regular and Bold).
local SCRIPT_FONTS = {
  ko = { sans = "Noto Sans CJK KR", mono = "Noto Sans Mono CJK KR" },
  ja = { sans = "Noto Sans CJK JP", mono = "Noto Sans Mono CJK JP" },
  zh = { sans = "Noto Sans CJK SC", mono = "Noto Sans Mono CJK SC" },
  ["zh-tw"] = { sans = "Noto Sans CJK TC", mono = "Noto Sans Mono CJK TC" },
  ["zh-hant"] = { sans = "Noto Sans CJK TC", mono = "Noto Sans Mono CJK TC" },
  ["zh-hk"] = { sans = "Noto Sans CJK HK", mono = "Noto Sans Mono CJK HK" },
  -- line_scale: Arabic faces have taller lines (ascenders and descenders for
  -- the marks above and below): a heading box grows with them
  ar = { sans = "Noto Sans Arabic", mono = "Noto Sans Arabic", line_scale = 1.15 },
  fa = { sans = "Noto Sans Arabic", mono = "Noto Sans Arabic", line_scale = 1.15 },
  ur = { sans = "Noto Nastaliq Urdu", mono = "Noto Sans Arabic", line_scale = 1.4 },
  he = { sans = "Noto Sans Hebrew", mono = "Noto Sans Hebrew" },
  -- DejaVu Sans, second in the list, has Armenian, Georgian and Lao letters:
  -- without their Noto face an Armenian slide was set in DejaVu's wider,
  -- other design beside Noto Sans's Latin, and Lao in DejaVu's looped forms
  hy = { sans = "Noto Sans Armenian", mono = "Noto Sans Armenian" },
  ka = { sans = "Noto Sans Georgian", mono = "Noto Sans Georgian" },
  lo = { sans = "Noto Sans Lao", mono = "Noto Sans Lao" },
}

local function after_first(list, family)
  local first, rest = list:match("^([^,]+),%s*(.*)$")
  if not first then return list .. ", " .. family end
  return first .. ", " .. family .. ", " .. rest
end

--- theme.for_language(theme, lang) -> theme
-- The theme for text in `lang` (a BCP 47 tag): `lang` set (the renderer
-- tells Pango, which shapes and breaks lines by it) and the script's fonts
-- in the family lists. The theme given is not changed; English (or nil)
-- returns it as it is.
function M.for_language(theme, lang)
  if type(lang) ~= "string" or lang == "" or lang == theme.lang then return theme end
  -- English is what the renderer assumes anyway: the same display list as before
  if lang:lower():match("^en") and not theme.lang then return theme end
  local key = lang:lower()
  local sf = SCRIPT_FONTS[key] or SCRIPT_FONTS[key:match("^(%a+)") or ""]
  local t = setmetatable({ lang = lang }, { __index = theme })
  if sf then
    local f = {}
    for k, v in pairs(theme.fonts) do f[k] = v end
    f.sans = after_first(f.sans, sf.sans)
    if f.serif then f.serif = after_first(f.serif, sf.sans) end
    f.mono = after_first(f.mono, sf.mono)
    t.fonts = f
    t.line_scale = sf.line_scale
  end
  return t
end

--- theme.get(name, accent) -> theme | nil, message
-- name: "light" | "dark" | a table (a user theme, completed from light).
function M.get(name, accent)
  local base
  if type(name) == "table" then
    base = copy(BASE[name.base or "light"] or BASE.light)
    for k, v in pairs(name) do base[k] = copy(v) end
    name = name.name or "custom"
  else
    name = name or "light"
    if not BASE[name] then
      return nil, string.format("unknown theme %q (one of: light, dark)", tostring(name))
    end
    base = copy(BASE[name])
  end
  local acc, acc_name = M.accent(accent or base.accent)
  if not acc then return nil, acc_name end
  base.name = name
  base.dark = name == "dark" or base.dark or false
  base.accent = acc
  base.accent_name = acc_name
  -- a softer accent for fills behind text, and one readable on the card
  base.accent_soft = M.mix(base.card, acc, base.dark and 0.28 or 0.14)
  base.accent_text = base.dark and M.mix(acc, { 255, 255, 255 }, 0.25) or M.mix(acc, { 0, 0, 0 }, 0.12)
  base.fonts = base.fonts or copy(FONTS)
  base.code = base.code or copy(CODE)
  base.code.prompt = base.code.prompt or acc
  return base
end

return M
