-- The phrase table read as its languages' speakers would (issue 13): a
-- count the phrase cannot agree with, a connective glued to a name.
-- Run by vgrun (busted style).
local i18n = require("vg.i18n")

describe("phrases", function()
  it("every language says one more option in its singular", function()
    for lang, p in pairs(i18n.phrases) do
      if p.more_options then
        assert.is_string(p.more_options_one, lang)
        assert.is_nil(p.more_options_one:find("{1}", 1, true), lang)
      end
    end
  end)

  it("counts any number where the counted word depends on it", function()
    -- Japanese つ counts to nine ("12つ"); Arabic and Romanian change the
    -- noun from eleven and twenty on: a label with the number in brackets
    for _, n in ipairs({ 2, 12, 25 }) do
      assert.is_nil(i18n.t("ja", "agenda", n, "A"):find(n .. "つ", 1, true))
      assert.is_nil(i18n.t("ro", "table_more", n):find(n .. " rânduri", 1, true))
      assert.is_nil(i18n.t("ro", "agenda", n, "A"):find(n .. " subiecte", 1, true))
      assert.is_nil(i18n.t("ar", "agenda", n, "A"):find(n .. " موضوعات", 1, true))
    end
  end)

  it("takes a phrase a language lacks from its parent language", function()
    -- Cantonese says its own welcome, traditional Chinese's quiz label,
    -- and Chinese's voice nowhere
    assert.equals("歡迎收睇vgrun", i18n.t("yue", "welcome", "vgrun"))
    assert.equals("測驗", i18n.t("yue", "l_quiz"))
    assert.equals("yue", i18n.voice("yue"))
    -- Taiwan and Hong Kong write traditional characters; Chinese's voice
    for _, tag in ipairs({ "zh-TW", "zh-HK", "zh-Hant", "zh_TW", "zh-Hant-TW" }) do
      assert.equals("感謝觀看", i18n.t(tag, "thanks"), tag)
      assert.equals("cmn", i18n.voice(tag), tag)
    end
    assert.equals("感谢观看", i18n.t("zh-CN", "thanks"))
    assert.equals("感谢观看", i18n.t("zh", "thanks"))
  end)

  it("says a quote's source in every language of the table", function()
    for lang, p in pairs(i18n.phrases) do
      local own = p.as_put_it or (p.parent and i18n.phrases[p.parent].as_put_it)
      assert.is_string(own, lang)
      assert.is_truthy(own:find("{1}", 1, true), lang)
    end
  end)

  it("never borrows English words for a language other than English", function()
    -- a language the table lacks (Greenlandic) and a block that lacks a
    -- phrase (Thai's quiz) take the neutral phrase: the title alone, or nothing
    assert.equals("vgrun", i18n.t("kl", "welcome", "vgrun"))
    assert.equals("", i18n.t("kl", "thanks"))
    assert.equals(", ", i18n.t("kl", "pair"))
    assert.equals("", i18n.t("th", "quiz_time"))
    -- English, and text that is no language tag, keep English
    assert.equals("Thanks for watching", i18n.t("en-AU", "thanks"))
    assert.equals("Thanks for watching", i18n.t(nil, "thanks"))
    -- every phrase English has, the neutral table has: nothing falls through
    for key in pairs(i18n.phrases.en) do
      if key ~= "voice" then assert.is_string(i18n.neutral[key], key) end
    end
    -- the languages with real phrases say their own welcome and thanks
    for _, lang in ipairs({ "th", "bn", "ta", "ur", "ne", "mr", "si", "ms", "sw", "af", "mk", "be", "et", "lv",
                            "lt", "sq", "ka", "az", "kk", "te", "kn", "ml", "gu", "pa", "uz", "ky" }) do
      assert.is_string(i18n.phrases[lang].thanks, lang)
      assert.is_truthy(i18n.t(lang, "welcome", "X"):find("X", 1, true), lang)
      assert.equals(lang, i18n.voice(lang), lang)
    end
  end)

  it("glues no prefix or connective to a Latin name", function()
    assert.is_nil(i18n.t("he", "welcome", "tar"):find("לtar", 1, true))
    -- Hindi: "और 5 विकल्प" is five more options, "5 और विकल्प" five and options
    assert.equals("और 5 विकल्प", i18n.t("hi", "more_options", 5))
    assert.equals("Python dilinde bir örnek.", i18n.t("tr", "code_example", "Python"))
  end)

  it("tells a callout's kinds and a comparison's sides apart in every language", function()
    -- a note, a warning and a caution each their own word (Kazakh's note was
    -- its word for a warning, its warning "be careful", as its caution)
    for lang, p in pairs(i18n.phrases) do
      local seen = {}
      for _, k in ipairs({ "l_note", "l_tip", "l_important", "l_warning", "l_caution" }) do
        if p[k] then
          assert.is_nil(seen[p[k]], string.format("%s: %s and %s are both %q", lang, tostring(seen[p[k]]), k, p[k]))
          seen[p[k]] = k
        end
      end
      if p.l_before then assert.are_not.equal(p.l_before, p.l_after, lang) end
    end
    assert.equals("Ескертпе", i18n.t("kk", "l_note"))
    assert.equals("Ескерту", i18n.t("kk", "l_warning"))
    -- Swahili's "after" is a word of its own (baada alone wants its "ya")
    assert.equals("Baadaye", i18n.t("sw", "l_after"))
  end)

  it("fills every placeholder in every language, and only English's", function()
    -- a phrase that lost or renumbered a placeholder ("Phần {1} trên {2}"
    -- shown as written, a "{ 1 }" or "{１}" typed by a translator) would
    -- be shown and said as written: each phrase has the placeholders of
    -- its English one, and, filled, no brace is left
    local function slots(s)
      local t = {}
      for d in s:gmatch("{(%d)}") do t[d] = true end
      return t
    end
    local en, seen = i18n.phrases.en, 0
    for lang, p in pairs(i18n.phrases) do
      for key, v in pairs(p) do
        if type(v) == "string" and type(en[key]) == "string" and key ~= "voice" then
          local want, have = slots(en[key]), slots(v)
          for d in pairs(want) do assert.is_true(have[d] == true, lang .. "." .. key .. " lacks {" .. d .. "}: " .. v) end
          for d in pairs(have) do assert.is_true(want[d] == true, lang .. "." .. key .. " has {" .. d .. "}: " .. v) end
          local filled = i18n.t(lang, key, "A", "B", "C")
          for _, brace in ipairs({ "{", "}", "\239\189\155", "\239\189\157" }) do   -- (and the full-width ｛ ｝)
            assert.is_nil(filled:find(brace, 1, true), lang .. "." .. key .. ": " .. filled)
          end
          seen = seen + 1
        end
      end
    end
    assert.is_true(seen > 1000)
    assert.equals("Phần 1 trên 2", i18n.t("vi", "part", 1, 2))
  end)

  it("counts a table's rows by a noun only in a language that says it", function()
    -- M.row_nouns' plurals go into table_more_named: a language with nouns
    -- has that phrase of its own (else English's "And 5 more Optionen.")
    for lang, nouns in pairs(i18n.row_nouns) do
      assert.is_string(i18n.phrases[lang] and i18n.phrases[lang].table_more_named, lang)
      for singular, plural in pairs(nouns) do
        assert.equals(singular, singular:lower(), lang .. "." .. singular)
        assert.is_string(plural, lang .. "." .. singular)
      end
    end
    assert.equals("And 5 more keys.", i18n.t("en", "table_more_named", 5, i18n.row_nouns.en.key))
    assert.is_nil(i18n.row_nouns.en.data)   -- no noun, no plural guessed: rows
  end)

  it("labels a continued slide as what goes on from before", function()
    -- the label stands on the second slide of a split list and after a
    -- heading said again ("Options, continued."): Bengali চলবে, Finnish
    -- jatkuu and Estonian jätkub say "to be continued", which ends a part
    assert.equals("পূর্বানুবৃত্তি", i18n.t("bn", "l_continued"))
    assert.equals("jatkoa", i18n.t("fi", "l_continued"))
    assert.equals("järg", i18n.t("et", "l_continued"))
  end)
end)

-- Captions files of a right-to-left video (issue 13): a player sets each
-- line in the direction of its first strong letter, so each line of a cue
-- set right to left opens with a RIGHT-TO-LEFT MARK; other cues carry none.
describe("captions of right-to-left text", function()
  local captions = require("vg.create.captions")
  local RLM = "\u{200F}"
  local cues = {
    { start = 0, ["end"] = 2, lines = { "GitHub على الخادم الافتراضي", "بعد تثبيت المكتبات." }, rtl = "ar" },
    { start = 2, ["end"] = 4, lines = { "שלום עולם (בדיקה)." } },
    { start = 4, ["end"] = 6, lines = { "Run make first." } },
  }
  local function lines_of(text)
    local out = {}
    for l in (text .. "\n"):gmatch("(.-)\n") do out[#out + 1] = l end
    return out
  end
  for _, kind in ipairs({ "srt", "vtt" }) do
    it("mark each right-to-left line in " .. kind, function()
      local marked, plain = 0, 0
      for _, l in ipairs(lines_of(captions[kind](cues))) do
        if l:find("[\xD7-\xD9]") then   -- (a Hebrew or Arabic letter's first byte)
          assert.equals(RLM, l:sub(1, #RLM), l)
          marked = marked + 1
        end
        if l:find("Run make first.", 1, true) then
          assert.equals("Run make first.", l)
          plain = plain + 1
        end
      end
      assert.equals(3, marked)
      assert.equals(1, plain)
    end)
  end
end)
