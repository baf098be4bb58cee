-- vg.render: scenes to pictures. A scene type is a layout function that
-- turns a scene into a display list (docs/scenes.md); C (vg.render_core)
-- draws it. A frame is a pure function of (scene, theme, time).
--
--   vg.render.scene_type{ name=, layout=function(scene, theme, box, anim) ... end,
--                         steps=function(scene) -> {texts}, animated=bool,
--                         step_read=function(scene, steps) -> {seconds} }
--   vg.render.display_list(scene, opts) -> dl, info
--   vg.render.frame(scene, opts)        -> buffer | true, warnings  (opts.out: PNG path)
--   vg.render.check(scene, opts)        -> warnings (fit text, emit validation.warning)
--   vg.render.settle_time(scene)        -> seconds until everything is revealed
--   vg.render.keyframes(scene, duration)-> { {start, stop}, ... } animated intervals
--   vg.render.sheet(scenes, opts)       -> a contact sheet of every scene
--   vg.render.sheet_pages(n, opts)      -> the scenes of each page of a long sheet
-- opts: theme ("light"|"dark"|table), accent (name|#hex), width, height, t (seconds).
local core = require("vg.render_core")
local theme_mod = require("vg.theme")
local common = require("vg.scenes.common")
-- (a scene is laid out in the direction of its own letters)
local direction = require("vg.scenes.direction")

local M = {}

-- Motion, in seconds. Short, as in UI motion design (200-300 ms), and also
-- what keeps `vgrun create` fast: every picture that moves is drawn and
-- encoded, and at 1080p x264 alone costs about 5 ms a picture. With 0.65 s
-- entrances and 0.5 s crossfades a minute of video held 60 % more pictures.
M.ENTER_EACH = 0.3  -- one element fades in and slides into place
M.STAGGER = 0.06    -- element k starts k * STAGGER after the scene
-- the whole entrance (elements 0..4: 4 * STAGGER + ENTER_EACH) and the
-- reveal of one item are part of a scene's length: vg.timing holds them
M.ENTER = require("vg.timing").enter
M.STEP = require("vg.timing").step
M.CROSSFADE = 0.25  -- between scenes (drawn by the pipeline with M.crossfade)
-- With burnt-in captions the bottom of the frame is theirs (design units
-- from the bottom; the caption box of vg.create.captions starts 190 above it).
M.CAPTION_BAND = 214
M.BUILTIN = {
  "title", "command", "list", "outro", "code_comparison", "quote", "problem", "solution",
  "checkpoint", "quiz", "learning_objectives", "exercise", "table",
}

local types = {}
local balance

-- pcall for a layout whose failure has a fallback, except on the watch's
-- stop (`vgrun serve --lua-timeout`) or Ctrl-C: never a silently other
-- picture or time because a plug-in's layout was stopped (vg.create.fit)
local vgcore = require("vg.core")
local function try(f, ...)
  local r = table.pack(pcall(f, ...))
  if not r[1] and (vgcore.is_overrun(r[2]) or vgcore.is_interrupt(r[2])) then error(r[2], 0) end
  return table.unpack(r, 1, r.n)
end

--- Scene types ------------------------------------------------------------------

function M.scene_type(def)
  assert(type(def) == "table", "scene_type: table expected")
  assert(type(def.name) == "string" and def.name:match("^[%w_%-]+$"),
    "scene_type: name (identifier) expected")
  assert(type(def.layout) == "function", "scene_type: layout function expected")
  types[def.name] = def
  return def
end

-- The definition for a type name: registered, else built in (lazily loaded).
function M.get_type(name)
  if types[name] then return types[name] end
  if type(name) ~= "string" or not name:match("^[%w_]+$") then return nil end
  for _, b in ipairs(M.BUILTIN) do
    if b == name then
      local def = require("vg.scenes." .. name)
      if not types[name] then M.scene_type(def) end
      return types[name]
    end
  end
  return nil
end

function M.types()
  local list = {}
  for _, b in ipairs(M.BUILTIN) do list[#list + 1] = b end
  for name in pairs(types) do
    local builtin = false
    for _, b in ipairs(M.BUILTIN) do if b == name then builtin = true end end
    if not builtin then list[#list + 1] = name end
  end
  table.sort(list)
  return list
end

local function where(scene)
  local src = scene.source
  if type(src) == "table" and src.file then
    return src.line and string.format("%s:%s", src.file, src.line) or src.file
  end
  return nil
end
M.where = where

local function scene_name(scene)
  return scene.id or (scene.index and ("scene " .. scene.index)) or "scene"
end

local function type_of(scene)
  return scene.scene_type or scene.type
end

local function check_type(scene)
  local name = type_of(scene)
  local def = M.get_type(name)
  if not def then
    local at = where(scene)
    error(string.format("%sunknown scene type %q in %s (known: %s)",
      at and (at .. ": ") or "", tostring(name), scene_name(scene),
      table.concat(M.types(), ", ")), 0)
  end
  return def
end

--- Timing -------------------------------------------------------------------------

local function norm_words(s)
  local out = {}
  for w in tostring(s):lower():gmatch("[%w\128-\255']+") do
    w = w:gsub("'", "")
    if #w > 0 then out[#out + 1] = w end
  end
  return out
end

local STOP = { ["the"] = true, ["a"] = true, ["an"] = true, ["and"] = true, ["of"] = true,
  ["to"] = true, ["is"] = true, ["in"] = true }

-- Word timings: {{word=, start=, ["end"]=}} or {{word, start, end}}.
local function audio_words(scene)
  local au = scene.audio
  if type(au) ~= "table" or type(au.words) ~= "table" then return nil end
  local out = {}
  for _, w in ipairs(au.words) do
    local word = w.word or w[1]
    local st = w.start or w[2]
    if word and tonumber(st) then
      local nw = norm_words(word)
      out[#out + 1] = { w = nw[1] or "", t = tonumber(st) }
    end
  end
  return #out > 0 and out or nil
end

-- The reader's reveal model (stages/input/narrate.c, vgi_named_at and
-- vgi_reveal_fill), so that a scene lasts on the timeline what the reader
-- planned for it; nil when the input part is not built in.
local reader_ok, reader = pcall(require, "vg.input_core")
if not (reader_ok and type(reader) == "table" and reader.named and reader.reveal_fill) then reader = nil end

-- The spoken text of word timings, and where each word starts in it. The
-- words come without the narration's stops: each gets back the marks that
-- follow it in the narration (looked up in order, nearby), so the reader's
-- rule finds the sentence an item is named in. Without them the narration
-- was one sentence, and the first item named late in it was shown with
-- the entrance, seconds before it was said.
local MARKS_NEAR = 80   -- a word found further on is not this word
local function spoken_text(scene)
  local words = scene.audio.words
  local narr = type(scene.narration) == "string" and scene.narration or nil
  local low, from = narr and narr:lower(), 1
  local parts, at, pos = {}, {}, 1
  for i, w in ipairs(words) do
    local word = tostring(w.word or w[1] or "")
    local piece = word
    if low and word:match("%w") then
      local a, b = low:find(word:lower(), from, true)
      if a and a - from <= MARKS_NEAR then
        from = b + 1
        local marks = narr:match("^[%.!?;:,]+", from)
        if marks and not word:find("[%.!?;:,]$") then piece = word .. marks; from = from + #marks end
      end
    end
    parts[i], at[i] = piece, pos
    pos = pos + #piece + 1
  end
  return table.concat(parts, " "), at
end

-- When the narration names each step (nil: not named), by the reader's rule.
-- With word timings: the time of the word the name is in (shared within the
-- word by its bytes); with an estimate (vg.create.fit: audio.estimate = {text,
-- lead_in, lang}): the speech estimate of the text before it.
local function named_times(scene, steps)
  local au = scene.audio
  if type(au) ~= "table" then return {} end
  local out = {}
  local est = type(au.estimate) == "table" and au.estimate
  if est and type(est.text) == "string" then
    local at = reader.named(est.text, steps)
    for i = 1, #steps do
      if at[i] then
        out[i] = (tonumber(est.lead_in) or 0) + reader.speech_seconds(est.text:sub(1, at[i] - 1), est.lang)
      end
    end
    return out
  end
  if type(au.words) ~= "table" or #au.words == 0 then return out end
  local text, wat = spoken_text(scene)
  local at = reader.named(text, steps)
  local k = 1
  for i = 1, #steps do
    if at[i] then
      while wat[k + 1] and wat[k + 1] <= at[i] do k = k + 1 end
      local w = au.words[k]
      local st, en = tonumber(w.start or w[2]), tonumber(w["end"] or w[3])
      if st then
        local word = tostring(w.word or w[1] or "")
        local share = #word > 0 and math.min(1, (at[i] - wat[k]) / #word) or 0
        out[i] = st + ((en and en > st) and (en - st) * share or 0)
      end
    end
  end
  return out
end

-- Pages (steps that replace the one before, a long quote's) are named by a
-- run of their first words, not by one key: a page's first long word is
-- often said earlier in the page before ("owner", "When"). PAGE_RUN words
-- are looked for first, then PAGE_RUN_MIN, then PAGE_RUN_MIN after the
-- first word (the narration words the page's opening a little differently).
local PAGE_RUN, PAGE_RUN_MIN = 6, 4

-- Words for matching, each with the byte where it starts: quotation marks,
-- dashes and ellipses of UTF-8 part words as ASCII punctuation does.
local function page_words(s)
  s = tostring(s):gsub("\226\128[\144-\159\166]", "   "):gsub("\194[\171\187]", "  ")
  local out = {}
  for at, w in s:gmatch("()([%w\128-\255']+)") do
    w = w:lower():gsub("'", "")
    if #w > 0 then out[#out + 1] = { w = w, at = at } end
  end
  return out
end

-- The index in said (from `from` on) where k words of page start, or nil.
local function find_run(said, from, page, k)
  for p = from, #said - k + 1 do
    local ok = true
    for j = 1, k do
      if said[p + j - 1].w ~= page[j].w then ok = false; break end
    end
    if ok then return p end
  end
end

-- When the narration reaches each page's first words (nil: it does not say
-- them), in order; and whether those times are the voice's own (word
-- timings of speech, or the estimate of speech still to be made) rather
-- than a recording's words spread over its cues.
local function page_named(scene, steps)
  local au = scene.audio
  if type(au) ~= "table" then return {}, false end
  local said, time_of = {}, nil
  local est = type(au.estimate) == "table" and type(au.estimate.text) == "string" and au.estimate
  if est then
    said = page_words(est.text)
    if not (reader and reader.speech_seconds) then return {}, false end
    time_of = function(p)
      return (tonumber(est.lead_in) or 0) + reader.speech_seconds(est.text:sub(1, said[p].at - 1), est.lang)
    end
  elseif type(au.words) == "table" then
    local starts = {}
    for _, w in ipairs(au.words) do
      local st = tonumber(w.start or w[2])
      if st then
        for _, x in ipairs(page_words(w.word or w[1] or "")) do
          said[#said + 1] = x
          starts[#said] = st
        end
      end
    end
    time_of = function(p) return starts[p] end
  end
  local out, cursor = {}, 1
  for i, text in ipairs(steps) do
    local page = page_words(text)
    local k = math.min(PAGE_RUN, #page)
    local p = k > 0 and find_run(said, cursor, page, k)
    if not p and #page > PAGE_RUN_MIN then p = find_run(said, cursor, page, PAGE_RUN_MIN) end
    if not p and #page > PAGE_RUN_MIN then
      -- its first word said otherwise ("If they cannot" for "When they cannot")
      local q = find_run(said, cursor + 1, { table.unpack(page, 2, PAGE_RUN_MIN + 1) }, PAGE_RUN_MIN)
      if q then p = q - 1 end
    end
    if p then
      out[i] = time_of(p)
      cursor = p + 1
    end
  end
  return out, not au.recorded
end

-- Pages: the first is up from the entrance; a page the voice reaches is
-- shown when it says its first words; one it does not say (or whose words
-- nobody timed: a recording) comes once the page before could be read
-- (read[i]: a moment to look and its words at the reading pace), and before
-- the next page the voice reaches. The scene settles when the last page
-- had its reading time.
local function page_times(scene, steps, read)
  local n = #steps
  local named, voiced = page_named(scene, steps)
  local times = { M.ENTER * 0.8 }
  for i = 2, n do
    local prev = times[i - 1]
    local floor_ = prev + (read[i - 1] or 0)
    local t
    if named[i] and named[i] > prev then
      t = voiced and named[i] or math.max(named[i], floor_)
    else
      t = floor_
      -- unnamed pages share the time up to the next page the voice reaches
      if voiced then
        for j = i + 1, n do
          if named[j] and named[j] > prev then
            t = math.min(t, prev + (named[j] - prev) / (j - i + 1))
            break
          end
        end
      end
    end
    times[i] = math.max(t, prev + M.STEP)
  end
  return times, times[n] + (read[n] or 0) + M.STEP
end

-- When does narration reach each step? The reader's model when it is there
-- (steps named by the narration when said, the tail paced after them; a
-- second value: when the scene has settled, the tail read); else the first
-- significant words of the step, searched in order in the word timings, the
-- rest evenly spaced.
-- read: steps that replace the one before (a quote's pages) and the
-- seconds each needs to be read before the next is shown (def.step_read):
-- page_times.
local function reveal_times(scene, steps, read)
  local n = #steps
  local times = {}
  if n == 0 then return times end
  if read then return page_times(scene, steps, read) end
  local first = M.ENTER * 0.8
  local dur = tonumber(scene.audio and scene.audio.duration) or tonumber(scene.duration)
  if reader and dur then
    local named = named_times(scene, steps)
    local list = {}
    for i = 1, n do list[i] = named[i] or false end
    return reader.reveal_fill(list, n, dur or 0)
  end
  local spacing = 0.6
  if dur then spacing = math.max(0.35, math.min(2.5, (dur * 0.85 - first) / n)) end
  local words = audio_words(scene)
  local cursor = 1
  if words then
    for i, text in ipairs(steps) do
      local key = {}
      for _, w in ipairs(norm_words(text)) do
        if not STOP[w] then key[#key + 1] = w end
        if #key == 2 then break end
      end
      if #key > 0 then
        for k = cursor, #words do
          if words[k].w == key[1] and (not key[2] or not words[k + 1] or words[k + 1].w == key[2]
              or (words[k + 2] and words[k + 2].w == key[2])) then
            times[i] = math.max(words[k].t, first)
            cursor = k + 1
            break
          end
        end
      end
    end
  end
  -- fill the gaps evenly between known neighbours; keep order
  local prev_t, prev_i = first - spacing, 0
  for i = 1, n do
    if times[i] and times[i] > prev_t then
      prev_t, prev_i = times[i], i
    else
      local nxt
      for j = i + 1, n do if times[j] and times[j] > prev_t then nxt = j break end end
      if nxt then
        times[i] = prev_t + (times[nxt] - prev_t) * (i - prev_i) / (nxt - prev_i)
      else
        times[i] = prev_t + spacing
      end
      prev_t, prev_i = times[i], i
    end
  end
  return times
end

local Anim = {}
Anim.__index = Anim
-- Entrance progress of element k (0 = header, 1, 2, ...), staggered, eased.
function Anim:enter(k)
  return common.ease((self.t - (k or 0) * M.STAGGER) / M.ENTER_EACH)
end
-- Reveal progress of step i (1-based).
function Anim:step(i)
  local s = self.times[i]
  if not s then return 1 end
  return common.ease((self.t - s) / M.STEP)
end

local function timeline(scene, def)
  local steps = def.steps and def.steps(scene) or {}
  local step_read = #steps > 0 and def.step_read and def.step_read(scene, steps) or nil
  local times, read = reveal_times(scene, steps, step_read)
  local settle = M.ENTER
  if #times > 0 then settle = math.max(settle, times[#times] + M.STEP) end
  -- the reader's model: the tail's reading time
  if read then settle = math.max(settle, read) end
  return times, settle
end

-- When everything is revealed, and (for a type with `read_time`) long
-- enough to be read: a code slide stays about 1.5 s a line, at least 4 s.
function M.settle_time(scene)
  local def = check_type(scene)
  local _, settle = timeline(scene, def)
  if def.read_time then
    local ok, r = try(def.read_time, scene)
    if ok and tonumber(r) then settle = math.max(settle, tonumber(r)) end
  end
  return settle
end

-- The intervals in which the picture changes; between them frames are
-- identical to the frame at the end of the previous interval, so an encoder
-- may repeat it instead of drawing.
function M.keyframes(scene, duration)
  local times = timeline(scene, check_type(scene))
  local iv = { { 0, M.ENTER } }
  for _, s in ipairs(times) do
    local last = iv[#iv]
    if s <= last[2] then last[2] = math.max(last[2], s + M.STEP)
    else iv[#iv + 1] = { s, s + M.STEP } end
  end
  if duration then
    local out = {}
    for _, v in ipairs(iv) do
      if v[1] < duration then out[#out + 1] = { v[1], math.min(v[2], duration) } end
    end
    iv = out
  end
  return iv
end

-- The time whose frame equals the frame at t (t itself while animating).
function M.frame_time(scene, t)
  local iv = M.keyframes(scene)
  local last = 0
  for _, v in ipairs(iv) do
    if t < v[1] then return last end
    if t <= v[2] then return t end
    last = v[2]
  end
  return last
end

--- Display lists ------------------------------------------------------------------

-- A named theme and accent made once, not at each layout of each fit
-- attempt (copying the theme's tables was a fifth of planning a large
-- document): layouts read the theme and never change it.
local named_themes = {}
local function resolve_theme(scene, opts)
  local th = opts.theme_table
  if th then return th end
  local name, accent = opts.theme or scene.theme, opts.accent or scene.accent_color
  local key = (name == nil or type(name) == "string") and (accent == nil or type(accent) == "string")
    and tostring(name) .. "\0" .. tostring(accent)
  if key and named_themes[key] then return named_themes[key] end
  local t, err = theme_mod.get(name, accent)
  if not t then error(err, 0) end
  if key then
    if #named_themes >= 64 then named_themes = {} end
    named_themes[key] = t
    named_themes[#named_themes + 1] = key
  end
  return t
end

-- The slide's backdrop: the accent bar on the side where lines start (the
-- right of a right-to-left slide) and the soft discs across from it.
local function background(theme, W, H)
  local acc = theme.accent
  local a = theme.bg_decor or 0.07
  local rtl = common.rtl(theme)
  local function x(v) return rtl and W - v or v end
  return {
    { type = "circle", cx = x(W - 160), cy = 120, r = 340, fill = theme_mod.alpha(acc, a) },
    { type = "circle", cx = x(W + 40), cy = 420, r = 180, fill = theme_mod.alpha(acc, a * 0.7) },
    { type = "circle", cx = x(260), cy = H + 60, r = 220, fill = theme_mod.alpha(acc, a * 0.6) },
    { type = "rect", x = rtl and W - 16 or 0, y = 0, w = 16, h = H,
      gradient = { from = acc, to = theme_mod.mix(acc, theme.bg, 0.35), direction = "vertical" } },
  }
end

-- The extent of items (design units): {top, bottom}, groups' offsets added.
local function extent(items, dy, acc)
  for _, it in ipairs(items) do
    if type(it) == "table" then
      local t = it.type
      local y0, y1
      if t == "group" and type(it.items) == "table" then
        extent(it.items, dy + (tonumber(it.dy) or 0), acc)
      elseif t == "circle" then
        y0, y1 = (it.cy or 0) - (it.r or 0), (it.cy or 0) + (it.r or 0)
      elseif t == "line" then
        y0, y1 = math.min(it.y1 or 0, it.y2 or 0), math.max(it.y1 or 0, it.y2 or 0)
      elseif t == "text" and it.valign ~= "middle" and it.valign ~= "bottom" and (it.text or it.markup) then
        -- a top-aligned text ends where its lines end, not at its box
        local m = core.measure(it)
        y0, y1 = it.y or 0, (it.y or 0) + math.min(it.h or 0, m.height)
      elseif it.y and it.h then
        y0, y1 = it.y, it.y + it.h
      end
      if y0 then
        acc[1] = math.min(acc[1], y0 + dy)
        acc[2] = math.max(acc[2], y1 + dy)
      end
    end
  end
  return acc
end

-- A slide with little on it is balanced in its box: the settled content is
-- moved down by half the space left below it, so it sits in the middle of
-- the frame instead of clustering at the top. Layouts that place their own
-- content (title, quote, outro: `fills = true`) are left alone. The shift is
-- that of the settled frame, so nothing moves while items are revealed.
local balance_memo = setmetatable({}, { __mode = "k" })
function balance(scene, def, theme, box, res, t, settle, frame)
  local vc = scene.visual_content or scene
  local key = table.concat({ type_of(scene), frame[1], frame[2], frame[3], box.x, box.w, box.h,
    tostring(theme.lang), tostring(theme.line_scale) }, "|")
  local memo = balance_memo[vc]
  -- the settled frame is measured afresh (a layout may have changed); the
  -- frames before it reuse its shift
  if t ~= settle and memo and memo.key == key then return memo.dy end
  local items = res
  if t ~= settle then
    local times = timeline(scene, def)
    local anim = setmetatable({ t = settle + 10, times = times, settle = settle }, Anim)
    local ok, r = try(def.layout, scene, theme, box, anim)
    if not ok or type(r) ~= "table" then return 0 end
    items = r
  end
  local e = extent(items, 0, { math.huge, -math.huge })
  local dy = 0
  if e[1] < e[2] then
    local above = e[1] - box.y
    local below = box.y + box.h - e[2]
    if below > above then dy = math.floor((below - above) / 2) end
  end
  balance_memo[vc] = { key = key, dy = dy }
  return dy
end

-- Design units: 1080 on the short side of the frame.
local function design_size(width, height)
  local s = math.min(width, height) / 1080
  return width / s, height / s
end

-- The box a scene's layout gets in a frame (design units), its theme, and
-- the picture card beside it when the scene has one: what display_list
-- gives the layout, for code that asks whether content fits (vg.create.fit).
function M.layout_box(scene, opts)
  opts = opts or {}
  local W, H = design_size(opts.width or 1920, opts.height or 1080)
  -- the frame's shape, for layouts that set sparse content larger in a
  -- square or tall frame (a narrow box alone may be a column beside a picture)
  local theme = setmetatable({ frame = H > W * 1.2 and "tall" or W > H * 1.2 and "wide" or "square" },
    { __index = theme_mod.for_language(resolve_theme(scene, opts), direction.language(scene)) })
  local mx = math.floor(W * 0.075)
  -- (the accent bar's 16 units on the side where lines start)
  local rtl = common.rtl(theme)
  local box = { x = rtl and mx or mx + 16, y = math.floor(H * 0.09), w = W - 2 * mx - 16, h = H - 2 * math.floor(H * 0.09) }
  if opts.captions then
    -- burnt-in captions own a band at the bottom: no caption covers content.
    -- A square frame has the least height left: its top margin shrinks to
    -- what a wide frame keeps at its sides' scale (a tall one has height)
    if theme.frame == "square" then box.y = math.floor(H * 0.06) end
    box.h = math.min(box.h, H - M.CAPTION_BAND - box.y)
  end
  local vc = scene.visual_content or scene
  local img = type(vc) == "table" and vc.image
  local card
  if type(img) == "string" and img ~= "" then
    local iw = math.floor(box.w * 0.36)
    -- the card takes the picture's aspect (a tall picture gets the full height)
    local ch = box.h - 80
    local pw, ph = core.image_size(img)
    if pw and pw > 0 then ch = math.min(ch, (iw - 32) * ph / pw + 32) end
    card = { img = img, x = box.x + box.w - iw, y = box.y + (box.h - ch) / 2, w = iw, h = ch }
    box.w = box.w - iw - 60
    -- a right-to-left slide reads from the right: its picture is on the left
    if rtl then card.x = box.x; box.x = box.x + iw + 60 end
  end
  return theme, box, W, H, card
end

function M.display_list(scene, opts)
  opts = opts or {}
  local def = check_type(scene)
  local theme, box, W, H, card = M.layout_box(scene, opts)
  local times, settle = timeline(scene, def)
  local t = opts.t
  if t == nil or t == "end" then t = settle end
  local anim = setmetatable({ t = t, times = times, settle = settle }, Anim)
  local items = background(theme, W, H)
  if card then
    local p = anim:enter(2)
    items[#items + 1] = common.appear(p, {
      common.card(theme, card.x, card.y, card.w, card.h, { radius = 20 }),
      { type = "image", path = card.img, x = card.x + 16, y = card.y + 16, w = card.w - 32,
        h = card.h - 32, radius = 12, id = "image" },
    }, 30)
  end
  local ok, res = pcall(def.layout, scene, theme, box, anim)
  if ok and type(res) == "table" and not def.fills then
    local dy = balance(scene, def, theme, box, res, t, settle, { W, H, opts.captions and 1 or 0 })
    if dy > 0 then res = { { type = "group", dy = dy, items = res } } end
  end
  if not ok then
    local at = where(scene)
    error(string.format("%slayout of %s (%s) failed: %s", at and (at .. ": ") or "",
      scene_name(scene), tostring(type_of(scene)), tostring(res)), 0)
  end
  if type(res) ~= "table" then
    error(string.format("layout of scene type %q returned %s, not a list of items",
      tostring(type_of(scene)), type(res)), 0)
  end
  if def.animated then
    for _, it in ipairs(res) do items[#items + 1] = it end
  else
    items[#items + 1] = common.appear(anim:enter(0), res, 40)
  end
  if theme.lang then common.set_lang(items, theme.lang) end
  return { width = W, height = H, background = theme.bg, items = items },
      { settle = settle, times = times, theme = theme }
end

--- Warnings -------------------------------------------------------------------------

-- Which warnings were said already: once per task (opts.task) and scene
-- and field, so every task of an engine hears about its own text; without
-- a task, once per engine (this table lives in the engine's Lua state).
local warned = {}
local task_warned = setmetatable({}, { __mode = "k" })

local function emit_warnings(scene, warnings, task)
  if not warnings or #warnings == 0 then return end
  local ok, events = pcall(require, "vg.events")
  local seen = warned
  if task then
    seen = task_warned[task] or {}
    task_warned[task] = seen
  end
  for _, w in ipairs(warnings) do
    local key = table.concat({ tostring(scene.id), tostring(w.id), w.status }, "\0")
    if not seen[key] then
      seen[key] = true
      local at = where(scene)
      local line = scene.source and scene.source.line
      local msg
      if w.status == "unreadable" and type(scene.source) == "table" and scene.source.file
        and math.type(scene.source.image_line) then
        -- a picture is named at its own reference, not at its scene's start
        line = scene.source.image_line
        at = string.format("%s:%d", scene.source.file, line)
      end
      if w.status == "cut" then
        msg = string.format("%s: text of %s was cut to fit (font %.0f -> %.1f)",
          scene_name(scene), w.id, w.size or 0, w.final_size or 0)
      elseif w.status == "unreadable" then
        msg = string.format("%s: image %s cannot be used (%s); a placeholder is drawn", scene_name(scene),
          tostring(w.path), tostring(w.reason or "unreadable"))
      else
        msg = string.format("%s: text of %s was shrunk to fit (font %.0f -> %.1f)",
          scene_name(scene), w.id, w.size or 0, w.final_size or 0)
      end
      if at then msg = at .. ": " .. msg end
      w.message = msg
      local data = { scene = scene.id, field = w.id, status = w.status, size = w.size,
        final_size = w.final_size, file = scene.source and scene.source.file,
        line = line, renderer = true }
      if ok then
        -- the task's id and stage when there is a task, so a server with
        -- many tasks on one engine knows whose text this is
        pcall(events.emit, { type = "validation.warning", stage = task and task.stage or "render",
          task_id = task and task.id or nil, message = msg, data = data })
      end
    end
  end
end

-- A damaged picture (source.image_damaged) was told where the document
-- was read, at its line: the renderer's placeholder is not told again.
local function untold(scene, warnings)
  if not warnings or type(scene.source) ~= "table" or scene.source.image_damaged ~= true then return warnings end
  local out = {}
  for _, w in ipairs(warnings) do
    if w.status ~= "unreadable" then out[#out + 1] = w end
  end
  return out
end

-- Forget which warnings were already emitted (tests).
function M.reset_warnings() warned = {}; task_warned = setmetatable({}, { __mode = "k" }) end

--- Frames -----------------------------------------------------------------------------

-- Renders one frame. Without opts.out returns a Buffer (vg.RenderBuffer);
-- with it writes a PNG and returns true. Second result: the warnings.
-- opts.task: the task the frame is for (its warnings carry its id).
function M.frame(scene, opts)
  opts = opts or {}
  local w, h = opts.width or 1920, opts.height or 1080
  local dl = M.display_list(scene, opts)
  local res, warnings
  if opts.out then
    res, warnings = core.render_png(dl, w, h, opts.out)
  else
    res, warnings = core.render(dl, w, h)
  end
  if not res then return nil, warnings end
  warnings = untold(scene, warnings)
  emit_warnings(scene, warnings, opts.task)
  return res, warnings
end

-- check_list(dl) -> warnings of core.check: the fitting of every text of a
-- settled display list, remembered by the list's JSON. vgrun create fits
-- a list, table or code scene before narration (vg.create.fit) and checks
-- every scene again when it plans the video: the same lists, measured once
-- (at most 256 remembered, by the SHA-256 of their JSON).
-- Each call gets its own copies (callers add to the warnings).
local checked, nchecked = {}, 0
function M.check_list(dl)
  local vcore = require("vg.core")
  local ok, key = pcall(function() return vcore.sha256(vcore.json_encode(dl)) end)
  key = ok and key or nil
  local w = key and checked[key]
  if not w then
    local err
    w, err = core.check(dl)
    if not w then return nil, err end
    if key then
      if nchecked >= 256 then checked, nchecked = {}, 0 end
      checked[key], nchecked = w, nchecked + 1
    end
  end
  local out = {}
  for i, x in ipairs(w) do
    local c = {}
    for k, v in pairs(x) do c[k] = v end
    out[i] = c
  end
  return out
end

-- Fits every text of the settled frame without drawing and emits
-- validation.warning for text that had to be shrunk or cut (once per scene
-- and field, per task when opts.task is given). For pipelines that hand
-- display lists to C. -> warnings
function M.check(scene, opts)
  opts = opts or {}
  local o = {}
  for k, v in pairs(opts) do o[k] = v end
  o.t = "end"
  local dl = M.display_list(scene, o)
  local warnings = untold(scene, assert(M.check_list(dl)))
  emit_warnings(scene, warnings, opts.task)
  return warnings
end

-- A crossfade frame between two display lists (alpha: 0 = a, 1 = b).
function M.crossfade(dl_a, dl_b, alpha)
  return {
    width = dl_a.width, height = dl_a.height, background = dl_a.background,
    items = {
      { type = "group", items = dl_a.items },
      { type = "group", opacity = alpha, isolate = true, items = {
        { type = "rect", x = 0, y = 0, w = dl_b.width, h = dl_b.height, fill = dl_b.background },
        { type = "group", items = dl_b.items } } },
    },
  }
end

-- The tallest sheet page in pixels: the renderer takes at most 16384 a side,
-- and a page half that tall (2560 x 8192) is still one picture to look at.
M.SHEET_MAX_PX = 8192

-- A sheet's grid for n scenes: columns, the cell's design size, the gap, the
-- label's height and the page's width in pixels.
local function sheet_grid(n, opts)
  local cols = opts.cols or math.min(4, math.ceil(math.sqrt(n)))
  local frame = opts.frame or { 1920, 1080 }
  local cw, ch = design_size(frame[1], frame[2])
  return cols, cw, ch, 80, 110, opts.width or math.min(3200, cols * 640)
end

--- sheet_pages(n, opts) -> { {from, to}, ... }: the scenes each page of a
--- contact sheet of n scenes shows, every page at most SHEET_MAX_PX tall
--- (a long document's one page would pass the renderer's limit). Pass
--- opts.cols = pages.cols to sheet() so every page has the same grid.
function M.sheet_pages(n, opts)
  opts = opts or {}
  local cols, cw, ch, gap, label, width = sheet_grid(n, opts)
  local W = cols * cw + (cols + 1) * gap
  local rows = math.ceil(n / cols)
  local per = rows
  while per > 1 and width * (per * (ch + label) + (per + 1) * gap) / W > M.SHEET_MAX_PX do
    per = per - 1
  end
  local pages = { cols = cols }
  for from = 1, n, per * cols do pages[#pages + 1] = { from, math.min(n, from + per * cols - 1) } end
  return pages
end

-- A contact sheet: every scene fully revealed, in a grid, labelled.
-- opts.frame = { w, h }: each scene's frame (the video's, default 1920x1080:
-- a tall or square video is judged in its own shape); opts.captions: the
-- captions' band kept free, as `vgrun create --captions burn` lays out.
-- opts.first: the number of the first scene (a page of a longer sheet).
function M.sheet(scenes, opts)
  opts = opts or {}
  local n = #scenes
  assert(n > 0, "sheet: no scenes")
  local cols, cw, ch, gap, label = sheet_grid(n, opts)
  local rows = math.ceil(n / cols)
  local frame = opts.frame or { 1920, 1080 }
  local fw, fh = frame[1], frame[2]
  local W = cols * cw + (cols + 1) * gap
  local H = rows * (ch + label) + (rows + 1) * gap
  local first = opts.first or 1   -- the number the first cell is labelled with
  local th = theme_mod.get(opts.theme, opts.accent) or theme_mod.get("light")
  local items = {}
  local all_warnings = {}
  for i, scene in ipairs(scenes) do
    local c, r = (i - 1) % cols, (i - 1) // cols
    local x, y = gap + c * (cw + gap), gap + r * (ch + label + gap)
    local ok, dl = pcall(M.display_list, scene, { theme = opts.theme, accent = opts.accent,
      width = fw, height = fh, captions = opts.captions })
    local cell
    if ok then
      cell = { { type = "rect", x = 0, y = 0, w = cw, h = ch, fill = dl.background },
        { type = "group", items = dl.items } }
    else
      cell = { { type = "rect", x = 0, y = 0, w = cw, h = ch, fill = th.card },
        common.text(th, 80, 80, cw - 160, ch - 160, tostring(dl), { size = 48, color = th.bad }) }
    end
    items[#items + 1] = { type = "rect", x = x, y = y, w = cw, h = ch, radius = 8,
      fill = th.card, shadow = th.shadow }
    items[#items + 1] = { type = "group", dx = x, dy = y, clip = { x = x, y = y, w = cw, h = ch },
      items = cell }
    items[#items + 1] = common.text(th, x, y + ch + 16, cw, label - 16,
      string.format("%d. %s%s", first + i - 1, tostring(type_of(scene)), scene.id and ("  ·  " .. scene.id) or ""),
      { size = 56, color = th.muted, max_lines = 1 })
  end
  local dl = { width = W, height = H, background = th.bg, items = items }
  local width = opts.width or math.min(3200, cols * 640)
  local height = math.floor(width * H / W + 0.5)
  if opts.out then return core.render_png(dl, width, height, opts.out) end
  return core.render(dl, width, height), all_warnings
end

--- Scenes of a model ----------------------------------------------------------------

-- Every scene of a model, in order, with video-level defaults filled in
-- (accent_color, theme) and `index` set (1-based across videos).
function M.scenes_of(model)
  local out = {}
  local videos = model.videos or (model.video and { model.video }) or {}
  for _, v in ipairs(videos) do
    for _, s in ipairs(v.scenes or {}) do
      local sc = setmetatable({}, { __index = s })
      sc.accent_color = s.accent_color or v.accent_color
      sc.theme = s.theme or v.theme
      sc.index = #out + 1
      sc.video_id = v.id
      out[#out + 1] = sc
    end
  end
  return out
end

return M
