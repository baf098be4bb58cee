-- Which way a scene reads. A scene carries its video's language, and the
-- layouts mirror a right-to-left language's slides; but a deck may mix
-- languages (a YAML deck with one Arabic scene, an Arabic README with an
-- English section), so the direction follows each scene's own letters: a
-- scene of almost only left-to-right letters in a right-to-left video is laid
-- out left to right, and one mostly of Arabic or Hebrew letters in a
-- left-to-right video right to left. Used by vg.render (layout_box) and the
-- quote layout (a quote's own script).
local i18n = require("vg.i18n")

local M = {}

-- The letters of a text by how they are written: "rtl" (Hebrew, Arabic,
-- Syriac, Thaana, N'Ko ...), "upright" (scripts with no italic tradition:
-- Indic, Thai, CJK, kana, Hangul ...) or "slanted" (Latin, Greek, Cyrillic).
function M.kind_of(cp)
  if cp < 0x80 then return (cp >= 65 and cp <= 90 or cp >= 97 and cp <= 122) and "slanted" or nil end
  if cp >= 0xC0 and cp < 0x590 then return "slanted" end
  if cp >= 0x590 and cp < 0x900 then return "rtl" end
  if cp >= 0xFB1D and cp < 0xFE00 or cp >= 0xFE70 and cp < 0xFF00 then return "rtl" end
  if cp >= 0x900 and cp < 0x1100 then return "upright" end   -- Indic, Thai, Lao, Tibetan, Myanmar, Georgian
  if cp >= 0x1100 and cp < 0x1200 then return "upright" end  -- Hangul Jamo
  if cp >= 0x1E00 and cp < 0x2000 then return "slanted" end  -- Latin and Greek extended
  if cp >= 0x2E80 and cp < 0xA000 or cp >= 0xAC00 and cp < 0xD7B0 or cp >= 0xF900 and cp < 0xFB00
    or cp >= 0xFF00 and cp < 0xFFF0 or cp >= 0x20000 then return "upright" end
  return nil
end

-- A text's counts, each text counted once: a scene's direction is asked at
-- every attempt to fit it (vg.create.fit lays a scene out many times), and
-- counting its letters again each time was most of planning a large
-- document. Bounded: emptied when it holds too many texts or bytes.
local memo, memo_n, memo_bytes = {}, 0, 0
local MEMO_MAX, MEMO_BYTES = 8192, 8 * 1024 * 1024

local function tally(text)
  -- ASCII only: its letters are A-Z and a-z (slanted), one pass in C
  if not text:find("[\128-\255]") then
    local _, letters = text:gsub("[A-Za-z]", "")
    return { 0, 0, letters, 0 }
  end
  local rtl, upright, slanted, hebrew = 0, 0, 0, 0
  local kind_of = M.kind_of
  for _, cp in utf8.codes(text) do
    local k = kind_of(cp)
    if k == "rtl" then rtl = rtl + 1 elseif k == "upright" then upright = upright + 1
    elseif k == "slanted" then slanted = slanted + 1 end
    if cp >= 0x590 and cp < 0x600 or cp >= 0xFB1D and cp < 0xFB50 then hebrew = hebrew + 1 end
  end
  return { rtl, upright, slanted, hebrew }
end

-- Counts of a text's letters by kind, and of Hebrew letters among the rtl.
function M.count(text, n)
  n = n or { rtl = 0, upright = 0, slanted = 0, hebrew = 0 }
  if type(text) ~= "string" then return n end
  local c = memo[text]
  if not c then
    c = utf8.len(text) and tally(text) or false
    if memo_n >= MEMO_MAX or memo_bytes + #text > MEMO_BYTES then memo, memo_n, memo_bytes = {}, 0, 0 end
    memo[text], memo_n, memo_bytes = c, memo_n + 1, memo_bytes + #text
  end
  if c then
    n.rtl, n.upright, n.slanted, n.hebrew = n.rtl + c[1], n.upright + c[2], n.slanted + c[3], n.hebrew + c[4]
  end
  return n
end

-- fields that are code, or not shown as text: their letters do not say
-- which way the slide reads
local NOT_TEXT = { commands = true, code = true, before_code = true, after_code = true,
  solution_code = true, language = true, image = true, output = true, id = true,
  difficulty = true, correct_answer = true, scene_type = true, type = true, voice = true,
  narration = true, theme = true, accent_color = true, lang = true }

local function gather(v, n, depth)
  if depth > 6 then return end
  if type(v) == "string" then M.count(v, n)
  elseif type(v) == "table" then
    for k, x in pairs(v) do
      if not (type(k) == "string" and NOT_TEXT[k]) then gather(x, n, depth + 1) end
    end
  end
end

-- The language a scene is laid out in: its own (the video's) unless its
-- shown text reads the other way: almost no right-to-left letters (under
-- one in five of the others) in a right-to-left language, under a title
-- that is not in that language's script either, gives nil (laid out left
-- to right, labels in English); mostly Arabic or Hebrew letters
-- (twice the others) in a left-to-right language gives "ar" or "he".
function M.language(scene)
  local lang = type(scene) == "table" and scene.language or nil
  if type(scene) ~= "table" then return lang end
  local n = { rtl = 0, upright = 0, slanted = 0, hebrew = 0 }
  gather(scene.visual_content or scene, n, 0)
  local ltr = n.slanted + n.upright
  local out = lang
  if i18n.rtl(lang) then
    -- (a slide titled in the video's own script keeps its direction: a
    -- Hebrew heading over English link names reads from the right, its
    -- rule under it and the first card on the right)
    local vc = type(scene.visual_content) == "table" and scene.visual_content or scene
    local t = M.count(vc.header or vc.title or scene.title)
    local titled = t.rtl > 0 and t.rtl >= t.slanted + t.upright
    if ltr >= 8 and n.rtl * 5 < ltr and not titled then out = nil end
  elseif n.rtl >= 4 and n.rtl > 2 * ltr then
    out = n.hebrew * 2 > n.rtl and "he" or "ar"
  end
  return out
end

return M
