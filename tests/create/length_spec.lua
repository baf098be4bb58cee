-- One model of a list scene's length (issue 13, item 1): the layout reveals
-- an item when the narration names it and the rest within the narration;
-- the scene holds until each of those had time to be read; the reader's
-- estimate (vg.input.seconds), the plan (vg.create.fit.scene_seconds) and
-- the timeline give the scene the same length; a summary keeps a list's
-- first item.
local render = require("vg.render")
local input = require("vg.input")
local fit = require("vg.create.fit")
local create = require("vg.create")

local O = { fps = 30, lead_in = 0.4, tail = 0.6, min_scene = 2.0 }

local ITEMS = { "Install the package", "Configure the server", "Restart the daemon", "Check the logs",
  "Rotate the keys", "Update the mirrors", "Prune the cache", "Archive the reports" }

-- word timings as espeak-ng gives them: one word a third of a second
local function said(text, from)
  local words, t = {}, from or 0
  for w in text:gmatch("%S+") do words[#words + 1] = { word = w, start = t, ["end"] = t + 0.33 }; t = t + 0.33 end
  return words, t
end

local function list_scene(narration)
  local words, dur = said(narration)
  return { id = "s", scene_type = "list", narration = narration,
    visual_content = { header = "Upgrade", items = ITEMS }, audio = { duration = dur, words = words } }
end

describe("a list scene's length", function()
  it("shows a named item when it is said and the tail within the narration", function()
    -- names the first item, then talks on for a while
    local s = list_scene("First, install the package. " .. string.rep("Then the rest follows in order. ", 4))
    local sc = create.render_scene(s, O.lead_in)
    local iv = render.keyframes(sc)
    -- the first reveal (after the entrance) is when "install" is said
    assert.is_true(math.abs(iv[2][1] - (O.lead_in + 0.33)) < 0.01, "item 1 at " .. iv[2][1])
    -- every item is shown while the voice still speaks
    local voice_end = sc.audio.duration
    assert.is_true(iv[#iv][1] <= voice_end, "the last item comes at " .. iv[#iv][1] .. ", the voice ends at " .. voice_end)
  end)

  it("holds the scene until a tail said by nobody can be read, and never shows an item after it ends", function()
    -- a short narration that names one item of eight
    local s = list_scene("Install the package.")
    local t = create.timeline({ scenes = { s } }, O)
    local len = t.scenes[1]["end"] - t.scenes[1].start
    local sc = create.render_scene(s, O.lead_in)
    local iv = render.keyframes(sc)
    for _, v in ipairs(iv) do assert.is_true(v[2] <= len, "a reveal until " .. v[2] .. " in a scene of " .. len) end
    -- seven items nobody names: 0.8 s each to be read
    assert.is_true(len >= 7 * 0.8, "the scene lasts " .. len .. " s")
  end)

  it("is the same length for the reader, the plan and the timeline", function()
    for _, narration in ipairs({ "Install the package.", "Upgrade. Key points include Install the package, Configure the server, and Restart the daemon.",
      "Steps. Check the logs, then prune the cache." }) do
      local s = list_scene(narration)
      local est = input.seconds(s, "en")
      local plan = fit.scene_seconds(s, "en", O)
      assert.is_true(math.abs(est - plan) < 0.01, string.format("%q: the reader %.2f s, the plan %.2f s", narration, est, plan))
      -- the video, with word times at the estimated pace
      local copy = {}
      for k, v in pairs(s) do copy[k] = v end
      local speech = require("vg.input_core").speech_seconds(narration, "en")
      copy.audio = { duration = speech, words = {} }
      local words, n = {}, 0
      for w in narration:gmatch("%S+") do n = n + 1; words[n] = w end
      local at, pos = {}, 0
      for i, w in ipairs(words) do
        at[i] = { word = w, start = speech * pos / #narration, ["end"] = speech * (pos + #w) / #narration }
        pos = pos + #w + 1
      end
      copy.audio.words = at
      local t = create.timeline({ scenes = { copy } }, O)
      local len = t.scenes[1]["end"] - t.scenes[1].start
      assert.is_true(math.abs(len - plan) < 0.6, string.format("%q: planned %.2f s, the timeline %.2f s", narration, plan, len))
    end
  end)
end)

describe("a summary of a list said through its items", function()
  it("keeps the first item, not the last", function()
    local dir = os.getenv("TMPDIR") or "/tmp"
    local path = string.format("%s/vgrun-length-%d.md", dir, math.random(1, 1e9))
    local f = assert(io.open(path, "w"))
    f:write("---\nlang: en\n---\n# Steps\n\nSteps to take.\n\n## The steps\n\n")
    for i = 1, 14 do f:write(string.format("- Step %d: do thing number %d carefully\n", i, i)) end
    f:close()
    local m = input.load(path, {})
    os.remove(path)
    local text = {}
    for _, s in ipairs(m.videos[1].scenes) do text[#text + 1] = s.narration or "" end
    local all = table.concat(text, " ")
    assert.is_truthy(all:find("Step 1:", 1, true), all)
    assert.is_falsy(all:find("Step 3:", 1, true), all)
  end)
end)

describe("the speech estimate of CJK prose with Latin words", function()
  -- seconds espeak-ng took (`vgrun say --voice cmn|ja|ko`, whole sentences;
  -- Chinese measured again once hanzi were said in Mandarin, not as English pinyin):
  -- Latin words between ideographs, lists of commands joined by full-width
  -- commas, words without a vowel that the voice spells
  local said = {
    { "zh", "我们学习这个工具。", 2.30 },
    { "zh", "我们学习mount，mount，mount，mount这个工具。", 4.05 },
    { "zh", "我们学习lsblk，lsblk，lsblk，lsblk这个工具。", 5.75 },
    { "zh", "我们学习log(log(n))这个工具。", 3.42 },
    { "zh", "熟悉 Bash 中的任务管理工具：&，ctrl-z，ctrl-c，jobs，fg，bg，kill 等。", 7.82 },
    { "zh", "关于文件系统的管理，学习 df，mount，fdisk，mkfs，lsblk。", 6.39 },
    { "ja", "このmount、mount、mount、mountツールを学びます。", 6.58 },
    { "ko", "이 lsblk, lsblk, lsblk, lsblk 도구를 배웁니다.", 5.27 },
    -- the Japanese voice reads kana about a mora a kana, and a kanji by its
    -- word's reading (MeCab, stages/tts/tts_reading.c); a run of Latin
    -- words it says in an English voice (`vgrun say --voice ja`)
    { "ja", "きょうは、あたらしいことをまなびます。", 2.22 },
    { "ja", "スーパーでチョコレートとジュースをかった。", 2.02 },
    { "ja", "サーバーとクライアントのあいだで、メッセージをやりとりします。", 3.21 },
    { "ja", "画像処理の速度が大幅に改善された。", 2.52 },
    { "ja", "経済産業省の発表によると、輸出額は増加した。", 3.98 },
    { "ja", "データベースへの接続には、ユーザー名とパスワードが必要です。", 3.89 },
    { "ja", "まず、Gitをインストールし、設定ファイルを2つ作ります。", 4.29 },
    { "ja", "ログは /var/log に書かれます。 詳しくは README を読んでください。", 6.06 },
    { "ja", "これはJavaScriptで書かれたNode.jsのライブラリです。", 4.58 },
    { "ja", "Visual Studio Code と git-lfs と C++ を使う。", 4.77 },
    { "ja", "English, 한국어, 日本語", 3.32 },   -- Hangul in Korean
  }
  local core = require("vg.input_core")
  it("counts every word and spelled letter, as the voice says them", function()
    for _, s in ipairs(said) do
      local r = core.speech_seconds(s[2], s[1]) / s[3]
      assert.is_true(r > 0.88 and r < 1.2, string.format("%s %q: estimated %.2f s, said in %.2f s",
        s[1], s[2], core.speech_seconds(s[2], s[1]), s[3]))
    end
  end)

  it("does not count the punctuation between CJK characters as words", function()
    assert.are.equal(core.speech_seconds("学习工具", "zh"), core.speech_seconds("（学习，工具）", "zh"))
    assert.is_true(core.speech_seconds("使用mount工具", "zh") > core.speech_seconds("使用工具", "zh") + 0.2)
  end)
end)

describe("a scene nothing is said in", function()
  local QUOTE = "Programs must be written for people to read, and only incidentally for machines to execute. "
    .. "The best programs are the ones that a newcomer can change on the first day without fear. "
    .. "Every feature we add is a promise we must keep for years, so we add few of them and we test them all. "
    .. "When in doubt, leave it out, and write down why you did. "
    .. "A tool that does one thing well is worth ten that do everything badly."
  local function words(t) local n = 0; for _ in t:gmatch("%S+") do n = n + 1 end; return n end
  local function length(s)
    local t = create.timeline({ scenes = { s }, language = "en" }, O)
    return t.scenes[1]["end"] - t.scenes[1].start
  end

  it("stays as long as it takes to read, for the reader, the plan and the timeline", function()
    for _, s in ipairs({
      { id = "q", scene_type = "quote", visual_content = { quote_text = QUOTE, attribution = "Harold Abelson" } },
      { id = "p", scene_type = "problem", visual_content = { title = "Two sums", problem_text = QUOTE } },
    }) do
      local est, plan, len = input.seconds(s, "en"), fit.scene_seconds(s, "en", O), length(s)
      assert.is_true(plan >= 1 + words(QUOTE) / 4, s.scene_type .. ": planned " .. plan .. " s for " .. words(QUOTE) .. " words")
      assert.is_true(math.abs(est - plan) < 0.01 and math.abs(len - plan) < 0.1,
        string.format("%s: the reader %.2f s, the plan %.2f s, the timeline %.2f s", s.scene_type, est, plan, len))
    end
  end)
end)

describe("a long quote shown as pages", function()
  local timing = require("vg.timing")
  local core = require("vg.input_core")
  local QUOTE = "Whenever a program has an owner, the users lose freedom to control part of their own lives. "
    .. "The owner of a program restricts what the users may do with it, and decides when it changes. "
    .. "Copying a program to share it with a neighbour is an act of friendship, yet an owner calls it piracy. "
    .. "Sharing is how communities grow, and forbidding it turns neighbours into suspects. "
    .. "When users cannot study the source, they cannot learn how the machine that runs their lives works. "
    .. "When they cannot change it, they depend on the owner for every fix, however small. "
    .. "When they cannot redistribute it, their help to others becomes a crime. "
    .. "Free software restores these freedoms to every user of the program, whoever they are."
  local function words(t) local n = 0; for _ in t:gmatch("%S+") do n = n + 1 end; return n end
  local function quote_scene(narration)
    local s = { id = "q", scene_type = "quote", narration = narration,
      visual_content = { quote_text = QUOTE, attribution = "A free software essay" } }
    if narration then
      local w, dur = said(narration)
      s.audio = { duration = dur, words = w }
    end
    return s
  end
  -- when each page is shown (the reveals after the entrance), as the video draws it
  local function flips(s)
    local iv = render.keyframes(create.render_scene(s, O.lead_in))
    local out = {}
    for k = 2, #iv do out[#out + 1] = iv[k][1] end
    return out
  end

  local function pages_of(q) return render.get_type("quote").steps({ visual_content = { quote_text = q } }) end

  it("is shown in the pages the length model times", function()
    assert.are.same(pages_of(QUOTE), core.quote_pages(QUOTE))
    assert.are.same({}, core.quote_pages("A short quote. It stays one page."))
    -- the layout's own splitter (a build without the input part) cuts alike
    local saved, pre = package.loaded["vg.input_core"], package.preload["vg.input_core"]
    package.loaded["vg.scenes.quote"], package.loaded["vg.input_core"] = nil, nil
    package.preload["vg.input_core"] = function() error("not built in") end
    local ok, plain = pcall(require, "vg.scenes.quote")
    package.loaded["vg.scenes.quote"], package.loaded["vg.input_core"], package.preload["vg.input_core"] = nil, saved, pre
    assert.is_true(ok, tostring(plain))
    for _, q in ipairs({ QUOTE, QUOTE:gsub("%. ", "... "), QUOTE:gsub("%. ", '." '), QUOTE:gsub("%. When", ". 3 When"),
      string.rep("One sentence that goes on and on without an end ", 12) }) do
      local want = plain.steps({ visual_content = { quote_text = q } })
      assert.are.same(want, core.quote_pages(q))
    end
  end)

  it("keeps each page up long enough to read it when the narration names only the first", function()
    local pages = pages_of(QUOTE)
    assert.is_true(#pages >= 3, #pages .. " pages")
    local s = quote_scene("Whenever a program has an owner, the users lose freedom, the essay begins.")
    local t = create.timeline({ scenes = { s }, language = "en" }, O)
    local len = t.scenes[1]["end"] - t.scenes[1].start
    local at = flips(s)
    assert.are.equal(#pages - 1, #at)
    local shown = O.lead_in   -- the first page is there from the entrance
    for i = 1, #pages do
      local need = timing.read_look + words(pages[i]) / timing.read_wps
      local gone = at[i] or len
      assert.is_true(gone - shown >= need - 0.01,
        string.format("page %d of %d words is up %.2f s, it takes %.2f s to read", i, words(pages[i]), gone - shown, need))
      shown = gone
    end
  end)

  it("is the same length for the reader, the plan and the timeline", function()
    for _, narration in ipairs({ "Whenever a program has an owner, the users lose freedom, the essay begins.",
      "The essay is about freedom.", QUOTE, false }) do
      local s = quote_scene(narration or nil)
      local est, plan = input.seconds(s, "en"), fit.scene_seconds(s, "en", O)
      local copy = {}
      for k, v in pairs(s) do copy[k] = v end
      copy.audio = { duration = narration and core.speech_seconds(narration, "en") or 0, words = {} }
      local t = create.timeline({ scenes = { copy }, language = "en" }, O)
      local len = t.scenes[1]["end"] - t.scenes[1].start
      local what = narration and narration:sub(1, 30) or "(silent)"
      assert.is_true(math.abs(est - plan) < 0.01, string.format("%q: the reader %.2f s, the plan %.2f s", what, est, plan))
      assert.is_true(math.abs(len - plan) < 0.1, string.format("%q: planned %.2f s, the timeline %.2f s", what, plan, len))
      assert.is_true(plan >= 1 + words(QUOTE) / 4, string.format("%q: %.2f s for %d words", what, plan, words(QUOTE)))
    end
  end)

  it("lets a page the voice names come when it is said, once the page before can be read", function()
    -- the whole quote said: each page comes when the voice reaches it, and
    -- never before the one before had its reading time
    local s = quote_scene(QUOTE)
    local at = flips(s)
    local pages = pages_of(QUOTE)
    local shown = O.lead_in
    for i = 1, #at do
      assert.is_true(at[i] - shown >= timing.read_look + words(pages[i]) / timing.read_wps - 0.01,
        string.format("page %d replaced after %.2f s", i, at[i] - shown))
      shown = at[i]
    end
    assert.is_true(at[#at] <= s.audio.duration + O.lead_in, "the last page comes after the voice ends")
  end)
end)

-- English left in a French document (english_passages.c) is said by an
-- English voice at English pace: the plan (vg.create.fit) counts it at
-- that pace, as the reader's estimate does, not at French pace.
describe("an English passage in another language's scene", function()
  local EN = "This paragraph has not been translated yet, and the English voice says it at its own pace "
    .. "while the rest of the page is French."
  local FR = "Ce paragraphe est traduit et la voix française le dit à son propre rythme."
  local function scene(narration, voice, passages)
    return { id = "p", scene_type = "title", language = "fr", voice = voice, narration = narration,
      passages = passages, visual_content = { title = "Manuel" } }
  end
  it("is planned at English pace, as the reader estimates it", function()
    local core = require("vg.input_core")
    local cases = {
      { scene(EN, "male"), core.speech_seconds(EN, "en") },
      { scene(FR .. " " .. EN, "fr", { { text = EN, voice = "male" } }),
        core.speech_seconds(FR .. " " .. EN, "fr") + core.speech_seconds(EN, "en") - core.speech_seconds(EN, "fr") },
    }
    assert.is_true(math.abs(core.speech_seconds(EN, "en") - core.speech_seconds(EN, "fr")) > 0.5,
      "English and French paces differ")
    for i, c in ipairs(cases) do
      local s, said = c[1], c[2]
      local est, plan = input.seconds(s, "fr"), fit.scene_seconds(s, "fr", O)
      assert.is_true(math.abs(est - plan) < 0.05, string.format("case %d: the reader %.2f s, the plan %.2f s", i, est, plan))
      assert.is_true(math.abs(plan - (O.lead_in + said + O.tail)) < 0.05,
        string.format("case %d: planned %.2f s for %.2f s said", i, plan, said))
    end
  end)
end)
