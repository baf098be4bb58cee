-- Captions of scripts written without spaces between words (Thai, Lao,
-- Khmer, Burmese) are cut between two words their dictionaries find, never
-- inside one (vg.create.captions with vg.input_core.word_ends).
local captions = require("vg.create.captions")
local core = require("vg.input_core")

local function cues_of(text)
  local video = { scenes = { { id = "s", scene_type = "list", narration = text,
                               audio = { duration = 20, sentences = { { text = text, start = 0, ["end"] = 20 } } } } } }
  return captions.cues(video, { scenes = { { narration_start = 0 } } })
end

describe("captions of unspaced scripts", function()
  local th = "โปรแกรมนี้ช่วยให้ผู้ใช้สามารถแปลงเอกสารที่เขียนด้วยภาษามาร์กดาวน์ให้เป็นวิดีโอที่มีเสียงบรรยาย" ..
             "และคำบรรยายใต้ภาพได้โดยอัตโนมัติโดยไม่ต้องติดตั้งโปรแกรมอื่นเพิ่มเติมเลยแม้แต่น้อย"

  it("finds the words of Thai", function()
    local ends = core.word_ends("ภาษาไทยไม่มีช่องว่าง")
    -- ภาษา | ไทย | ไม่มี | ช่อง | ว่าง: the last byte of each word
    assert.are.same({ 12, 21, 36, 48, 60 }, ends)
    assert.are.same({}, core.word_ends("plain English words"))
  end)

  it("cuts a Thai sentence between words", function()
    local ends = {}
    for _, b in ipairs(core.word_ends(th)) do ends[b] = true end
    local pos, pieces = 0, 0
    for _, c in ipairs(cues_of(th)) do
      for _, line in ipairs(c.lines) do
        pieces = pieces + 1
        pos = pos + #line
        assert.is_true(ends[pos] == true, "a line ends inside a word: " .. line)
      end
    end
    assert.is_true(pieces >= 3)
    assert.are.equal(#th, pos)
  end)
end)

describe("captions of scripts without spaces around a Latin name", function()
  -- a space inside a Latin name or command ("Open Source", "Bash on
  -- Ubuntu") parts no phrase of these scripts: neither a cue nor a line
  -- ends there while another place fits
  local texts = {
    "อย่าลังเลที่จะถามคำถาม ทุกคนมี PR แรกกันทั้งนั้น แม้ว่าคุณจะเป็นคนที่มีประสบการณ์ในการร่วมพัฒนา Open Source " ..
      "แต่อาจจะมีบางเรื่องที่คุณยังไม่รู้ก็เป็นได้ สุดท้ายนี้ หากคุณไม่แน่ใจว่าแหล่งข้อมูลเหล่านั้นจะเหมาะสมกับ " ..
      "Free-Programming-Books หรือไม่",
    "在 Windows 10 上，你可以使用 Bash on Ubuntu on Windows，它提供了一个熟悉的 Bash 环境，包含了不少 Unix 命令行工具。",
    "カレントディレクトリ全体をネットワーク内に公開されたWebサーバにするなら python -m SimpleHTTPServer 7777 を使うと便利です。",
  }
  for _, text in ipairs(texts) do
    it("keeps the name whole: " .. text:sub(1, 30), function()
      local pieces = {}
      for _, c in ipairs(cues_of(text)) do
        for _, line in ipairs(c.lines) do pieces[#pieces + 1] = line end
      end
      assert.is_true(#pieces >= 2)
      for k = 1, #pieces - 1 do
        local a, b = pieces[k]:match("[%w%p]$"), pieces[k + 1]:match("^[%w%p]")
        assert.is_false(a ~= nil and b ~= nil and (a:match("%w") or b:match("%w")) ~= nil,
          "a cut inside a Latin name: " .. pieces[k] .. " | " .. pieces[k + 1])
      end
      assert.are.equal(text:gsub(" ", ""), table.concat(pieces):gsub(" ", ""))
    end)
  end
end)

describe("the direction of a burnt-in caption", function()
  local function caption_text(lines)
    for _, it in ipairs(captions.item({ lines = lines }, 1080, 1920).items) do
      if it.type == "text" then return it end
    end
  end

  -- a cue of mostly Arabic letters is laid out as Arabic (every line right
  -- to left), even one that opens with a Latin name; a Latin cue is not
  it("lays an Arabic cue out right to left, whatever its first word", function()
    assert.are.equal("ar", caption_text({ "JS وخرائط sourcemap والروابط المرتبطة بها." }).lang)
    assert.are.equal("ar", caption_text({ "المزايا: فحص ملف JS محلي، فحص رابط", "JS مباشر، فحص موقع كامل وغيرها." }).lang)
    assert.are.equal("he", caption_text({ "ברוכים הבאים ל-JSentinel" }).lang)
    assert.is_nil(caption_text({ "Welcome to JSentinel." }).lang)
    assert.is_nil(caption_text({ "Run JSentinel on app.js (مثال)" }).lang)
  end)
end)

describe("the direction of a caption in a right-to-left video", function()
  local function lang_of(cue)
    for _, it in ipairs(captions.item(cue, 1920, 1080).items) do
      if it.type == "text" then return it.lang end
    end
  end
  -- a Persian sentence about GitHub links holds more Latin letters than
  -- Persian ones: it is still Persian, each line read from the right
  local fa = "درباره‌ی پول‌ریکوئست (in english)، «سلام دنیا» در GitHub (in english) و موارد دیگر."
  local en = "Fork the repository on GitHub and open a pull request."
  local function video(lang, text)
    return { language = lang, scenes = { { id = "s", scene_type = "list", language = lang, narration = text,
      visual_content = { title = "درباره‌ی پروژه", items = { "ایجاد یک درخواست کشش" } },
      audio = { duration = 10, sentences = { { text = text, start = 0, ["end"] = 10 } } } } } }
  end
  local timing = { scenes = { { narration_start = 0 } } }

  it("lays every cue of a Persian scene out right to left", function()
    local cues = captions.cues(video("fa", fa), timing)
    assert.is_true(#cues >= 1)
    for _, c in ipairs(cues) do
      if c.text:find("[\216-\219]") then assert.are.equal("fa", lang_of(c), c.text) end
    end
  end)

  it("leaves a cue without a Persian letter to its own letters", function()
    for _, c in ipairs(captions.cues(video("fa", en), timing)) do assert.is_nil(lang_of(c)) end
  end)

  it("keeps the letter count in a left-to-right video", function()
    local v = video("en", "(in english)، «سلام دنیا» در GitHub (in english)")
    v.scenes[1].visual_content = { title = "About", items = { "Create a pull request" } }
    for _, c in ipairs(captions.cues(v, timing)) do assert.is_nil(lang_of(c)) end
  end)
end)

describe("a caption cut outside brackets", function()
  -- "(in english)" split over two cues or lines left a lone bracket, which
  -- right-to-left text draws at the wrong end of the line
  local texts = {
    "How-To at a glance: درباره‌ی پول‌ریکوئست (in english)، ایجاد یک درخواست کشش (in english)، " ..
      "«سلام دنیا» در GitHub (in english) و موارد دیگر.",
    "You can read the guide on pull requests (in English) and the tutorial for beginners (in English) " ..
      "and the crash course on Markdown (in English) before you send your first change.",
  }
  for _, text in ipairs(texts) do
    it("keeps each pair on one line: " .. text:sub(1, 30), function()
      local lines = {}
      for _, c in ipairs(cues_of(text)) do
        for _, l in ipairs(c.lines) do lines[#lines + 1] = l end
      end
      assert.is_true(#lines >= 3)
      assert.are.equal(text:gsub(" ", ""), table.concat(lines):gsub(" ", ""))
      for _, l in ipairs(lines) do
        local _, o = l:gsub("%(", "")
        local _, c = l:gsub("%)", "")
        assert.are.equal(o, c, "a bracket split: " .. l)
      end
    end)
  end
end)

describe("a caption cut at an Arabic comma", function()
  -- "…پروژه‌های متن‌باز | هستید، چیزهایی …" ended a cue before the verb
  -- that closes the clause; the cue ends after its comma instead
  it("ends a Persian cue after its comma", function()
    local text = "حتی اگر مشارکت‌کننده‌ی باتجربه‌ی پروژه‌های متن‌باز هستید، چیزهایی هست که شاید سطح شما را بالاتر ببرد."
    local cues = cues_of(text)
    assert.is_true(#cues >= 2)
    assert.is_truthy(cues[1].text:find("هستید،$"), cues[1].text)
  end)
end)

describe("captions of Korean", function()
  it("break lines at spaces, never inside a word", function()
    local ko = "동적 계획법: 이전에 찾은 결과를 이용하여 최종적으로 해결하는 방식입니다."
    for _, c in ipairs(cues_of(ko)) do
      local words = {}
      for w in c.text:gmatch("%S+") do words[w] = true end
      for _, line in ipairs(c.lines) do
        for w in line:gmatch("%S+") do assert.is_true(words[w] == true, "a word cut in two: " .. line) end
      end
    end
  end)
end)
