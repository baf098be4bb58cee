-- vg.text: grapheme clusters (UAX #29), and every cut of user text made
-- with it (chapter titles, captions), run by vgrun.
local text = require("vg.text")

local function clusters(s)
  local out = {}
  for a, b in text.clusters(s) do out[#out + 1] = s:sub(a, b) end
  return out
end

local FAMILY = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}" -- 👩‍👩‍👧‍👦
local FLAG_KR = "\u{1F1F0}\u{1F1F7}"                                          -- 🇰🇷
local THUMB_DARK = "\u{1F44D}\u{1F3FF}"                                        -- 👍🏿
local HEART_VS = "\u{2764}\u{FE0F}"                                            -- ❤️
local E_ACUTE = "e\u{301}"                                                     -- é, decomposed
local HAN_JAMO = "\u{1100}\u{1161}\u{11A8}"                                    -- 각 as jamo
local KSSA = "\u{915}\u{94D}\u{937}"                                           -- क्ष

describe("vg.text clusters", function()
  it("keep a letter with its combining marks", function()
    assert.same({ "a", E_ACUTE, "b" }, clusters("a" .. E_ACUTE .. "b"))
    assert.same({ "o\u{308}\u{304}" }, clusters("o\u{308}\u{304}"))
  end)
  it("keep Hangul syllables and jamo sequences whole", function()
    assert.same({ "한", "국", "어" }, clusters("한국어"))
    assert.same({ HAN_JAMO, "x" }, clusters(HAN_JAMO .. "x"))
    assert.same({ "\u{AC00}\u{11A8}" }, clusters("\u{AC00}\u{11A8}")) -- LV + T
  end)
  it("keep emoji ZWJ sequences, modifiers and variation selectors", function()
    assert.same({ FAMILY, "!" }, clusters(FAMILY .. "!"))
    assert.same({ THUMB_DARK, HEART_VS }, clusters(THUMB_DARK .. HEART_VS))
    -- a ZWJ that does not join two pictographs stays with what precedes it
    assert.same({ "a\u{200D}", "b" }, clusters("a\u{200D}b"))
  end)
  it("pair regional indicators into flags", function()
    assert.same({ FLAG_KR, FLAG_KR }, clusters(FLAG_KR .. FLAG_KR))
    assert.same({ FLAG_KR, "\u{1F1F0}" }, clusters(FLAG_KR .. "\u{1F1F0}"))
  end)
  it("treat CR LF as one and controls alone", function()
    assert.same({ "a", "\r\n", "b" }, clusters("a\r\nb"))
    assert.same({ "\n", "\u{301}" }, clusters("\n\u{301}"))
  end)
  it("join Indic conjuncts and prepend/spacing marks", function()
    assert.same({ KSSA }, clusters(KSSA))
    assert.same({ "\u{915}\u{93F}" }, clusters("\u{915}\u{93F}"))  -- spacing mark
    assert.same({ "\u{600}1" }, clusters("\u{600}1"))             -- prepend
  end)
  it("count each invalid byte as one cluster", function()
    assert.same({ "a", "\xE2", "\x82", "b" }, clusters("a\xE2\x82b"))
    assert.equal(3, text.len("\xFFa\xC0"))
    assert.equal(0, text.len(""))
  end)
end)

describe("vg.text width", function()
  it("counts wide characters and emoji as two columns", function()
    assert.equal(3, text.width("abc"))
    assert.equal(6, text.width("한국어"))
    assert.equal(4, text.width("日本"))
    assert.equal(3, text.width(FAMILY .. "x"))
    assert.equal(2, text.width(HEART_VS))
    assert.equal(1, text.width(E_ACUTE))
    assert.equal(0, text.width("\r\n"))
  end)
end)

describe("vg.text cuts", function()
  it("cut by clusters, never inside one", function()
    local s = "가나" .. FAMILY .. FLAG_KR .. E_ACUTE
    assert.equal("가나" .. FAMILY, text.cut(s, 3))
    assert.equal(s, text.cut(s, 99))
    assert.equal("", text.cut(s, 0))
    for n = 0, 6 do assert.truthy(utf8.len(text.cut(s, n))) end
  end)
  it("shorten with a mark and without trailing space", function()
    assert.equal("short", text.shorten("short", 10))
    assert.equal("abcd e...", text.shorten("abcd e fghijk", 9))
    assert.equal("abc...", text.shorten("abc   defghijk", 9))
    local ko = string.rep("한", 90)
    local s = text.shorten(ko, 80)
    assert.equal(string.rep("한", 77) .. "...", s)
    assert.equal("가" .. FAMILY .. "…", text.shorten("가" .. FAMILY .. FAMILY .. FAMILY, 3, "…"))
  end)
  it("fit a byte budget with whole clusters", function()
    local s = "ab" .. FAMILY .. "c"   -- the family is 25 bytes
    assert.equal("ab", text.fit_bytes(s, 20))
    assert.equal("ab" .. FAMILY, text.fit_bytes(s, 27))
    assert.equal(s, text.fit_bytes(s, 100))
    assert.equal("한", text.fit_bytes("한국", 5))
  end)
  it("tell valid UTF-8 and repair the rest", function()
    assert.is_true(text.valid("한국어 " .. FAMILY))
    local ok, pos = text.valid("ab\xED\xA0\x80")   -- a surrogate
    assert.is_false(ok)
    assert.equal(3, pos)
    assert.equal("a\u{FFFD}\u{FFFD}b", text.sanitize("a\xE2\x82b"))
    assert.equal("x\u{FFFD}", text.sanitize("x\xC0"))
    assert.equal("fine", text.sanitize("fine"))
  end)
end)

describe("captions", function()
  local create = require("vg.create")
  local function cues_of(narration)
    local video = { scenes = { { narration = narration, audio = { duration = 10 } } } }
    return create.cues(video, { scenes = { { narration_start = 0 } } })
  end
  it("split a long run without spaces at cluster boundaries", function()
    -- an odd ASCII prefix puts every 3-byte character off the byte grid
    local cues = cues_of("a" .. string.rep("日本語の字幕", 30))
    assert.truthy(#cues > 1)
    for _, c in ipairs(cues) do
      assert.truthy(utf8.len(c.text), "cue not UTF-8: " .. c.text)
      for _, l in ipairs(c.lines) do assert.truthy(utf8.len(l)) end
      assert.truthy(text.width(c.text) <= 84, "cue wider than two lines: " .. c.text)
      -- CJK breaks between characters: two lines of at most 48 columns
      if text.width(c.text) > 42 then assert.equal(2, #c.lines) end
      for _, l in ipairs(c.lines) do assert.truthy(text.width(l) <= 48) end
    end
  end)
  it("break Japanese and Chinese lines by the kinsoku rules", function()
    local starts = { "。", "、", "」", "）", "ー", "っ", "ょ", "ッ", "！", "？", "，" }
    local ends = { "「", "（" }
    local sentences = { "「設定」は不要です。ちょっとした説明もきっちり読み上げます（字幕も）。",
      "データベースのキャッシュ・サーバーを使います！本当ですか？はい、そうです。",
      "在 Bash 脚本中，使用（set -x）去调试输出，一些具体的信息可以在引用的页面中找到。" }
    local broken, lines = {}, 0
    for shift = 0, 24 do
      for _, sen in ipairs(sentences) do
        for _, c in ipairs(cues_of(string.rep("あ", shift) .. string.rep(sen, 3))) do
          for _, l in ipairs(c.lines) do
            lines = lines + 1
            for _, p in ipairs(starts) do if l:sub(1, #p) == p then broken[#broken + 1] = l end end
            for _, p in ipairs(ends) do if l:sub(-#p) == p then broken[#broken + 1] = l end end
          end
        end
      end
    end
    assert.is_true(lines > 100)
    assert.same({}, broken)
  end)
  it("tell where a kinsoku line may break", function()
    assert.is_false(text.may_break("す", "。"))
    assert.is_false(text.may_break("ち", "ょ"))
    assert.is_false(text.may_break("「", "設"))
    assert.is_true(text.may_break("。", "「"))
    assert.is_true(text.may_break("a", "b"))
  end)
  it("never split an emoji sequence between cues", function()
    local cues = cues_of(string.rep(FAMILY, 100))
    for _, c in ipairs(cues) do
      assert.equal("", (c.text:gsub(FAMILY, "")), "a family was split")
    end
  end)
  it("keep timings and breaks of plain ASCII text", function()
    local cues = cues_of("The quick brown fox jumps over the lazy dog, and then it runs far away "
      .. "into the forest where nobody can see it any more.")
    -- as before clusters and columns: a clause per cue, two lines near the middle
    assert.equal(2, #cues)
    assert.same({ "The quick brown fox", "jumps over the lazy dog," }, cues[1].lines)
    assert.equal("and then it runs far away into the forest where nobody can see it any more.", cues[2].text)
  end)
  it("break Thai, Lao, Khmer and Myanmar lines that have no space near the middle", function()
    -- a cue with no space, or with spaces only far from its middle (a
    -- Khmer sentence around a long Latin name), was one line twice the
    -- width of the frame, its end lost; never a line after a sign that
    -- joins the next consonant (Khmer ្)
    local texts = { "ຖ້າທ່ານບໍ່ແນ່ໃຈວ່າຊັບພະຍາກອນຂອງທ່ານເໝາະສົມກັບໂຄງການນີ້ຫຼືບໍ່ກະລຸນາອ່ານຄູ່ມືການປະກອບສ່ວນຂອງພວກເຮົາ",
      "ចុងបញ្ចប់ បើអ្នកអត់ច្បាស់ថា ធនធានរបស់អ្នក ជា Free-Programming-Books ឬអត់ ចូរអ្នកអានបន្ថែមទីនេះ។",
      "อย่าลังเลที่จะถามคำถามทุกคนมีการส่งคำขอครั้งแรกกันทั้งนั้นคุณอาจจะเป็นหนึ่งในผู้ช่วยของเรา" }
    for _, t in ipairs(texts) do
      local all = {}
      for _, c in ipairs(cues_of(t)) do
        for _, l in ipairs(c.lines) do
          assert.truthy(text.width(l) <= 48, "line too wide: " .. l)
          assert.is_nil(l:find("\u{17D2}$"), "line ends on a coeng: " .. l)
          all[#all + 1] = l
        end
      end
      assert.equal((t:gsub("%s", "")), (table.concat(all):gsub("%s", "")))
    end
  end)
  it("break lines near the middle by characters", function()
    local cues = cues_of(string.rep("한국어 ", 20))
    for _, c in ipairs(cues) do
      if #c.lines == 2 then
        assert.truthy(math.abs(text.len(c.lines[1]) - text.len(c.lines[2])) <= 8)
      end
    end
  end)
end)

describe("chapter titles", function()
  it("are cut at a grapheme boundary", function()
    local create = require("vg.create")
    local title = string.rep("한", 75) .. FAMILY .. FLAG_KR .. string.rep("글", 10)
    local video = { scenes = { { scene_type = "title", visual_content = { title = title } } } }
    local tl = create.timeline(video, { min_scene = 2, lead_in = 0.4, tail = 0.6, fps = 30 })
    assert.equal(string.rep("한", 75) .. FAMILY .. FLAG_KR .. "...", tl.scenes[1].title)
  end)
end)
