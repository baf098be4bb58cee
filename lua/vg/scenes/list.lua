-- list: numbered items (strings or {title, description}) revealed one by one.

-- a callout's badge: its mark and the theme colour it is drawn in
local CALLOUTS = {
  note = { mark = "i", color = "accent" }, tip = { mark = "\u{2713}", color = "good" },
  important = { mark = "!", color = "accent" }, warning = { mark = "!", color = "warn" },
  caution = { mark = "!", color = "bad" },
}

local c = require("vg.scenes.common")
local i18n = require("vg.i18n")

-- The line that names what a summary left out ("52 more options", "105
-- more": the reader's more_options, api_more or l_names_more phrase in the slide's language, or
-- English): the list's last item, said as a note under the list, not
-- numbered as one of its points.
-- (each phrase's pattern made once: a list is laid out at every fit attempt)
local pattern_of, patterns_of = {}, {}
local function fold_patterns(lang)
  local key = lang == nil and "\0" or lang
  if patterns_of[key] then return patterns_of[key] end
  local out = {}
  for _, l in ipairs({ lang or "en", "en" }) do
    for _, key in ipairs({ "more_options", "api_more", "l_names_more" }) do
      -- (the reader writes the count in ASCII digits)
      local phrase = i18n.t(l, key, "\1")
      local p = pattern_of[phrase]
      if not p then
        p = "^%s*" .. phrase:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0"):gsub("\1", "%%d+") .. "%s*$"
        pattern_of[phrase] = p
      end
      out[#out + 1] = p
    end
  end
  out[#out + 1] = "^%s*1 more option%s*$"
  if type(key) == "string" and #key < 64 then patterns_of[key] = out end
  return out
end

-- every language's patterns (a split does not know the slide's language)
local all_patterns
local function any_patterns()
  if not all_patterns then
    all_patterns = {}
    local langs = {}
    for l in pairs(i18n.phrases) do langs[#langs + 1] = l end
    table.sort(langs)
    for _, l in ipairs(langs) do
      for _, p in ipairs(fold_patterns(l)) do all_patterns[#all_patterns + 1] = p end
    end
  end
  return all_patterns
end

-- lang: the slide's language; false: any language
local function fold_of(list, lang)
  local last = list[#list]
  if #list < 2 then return nil end
  local text = type(last) == "string" and last
    or type(last) == "table" and not c.str(last.description or last.desc) and (tonumber(last.level) or 0) <= 0
      and c.str(last.title or last.text)
  if type(text) ~= "string" then return nil end
  for _, p in ipairs(lang == false and any_patterns() or fold_patterns(lang)) do
    if text:match(p) then return text end
  end
  return nil
end

-- The top-level groups of a list: a parent with its children (the
-- shallowest level is the top), so a split never parts them.
local function groups(_, list)
  local top
  for _, it in ipairs(list) do
    local level = type(it) == "table" and tonumber(it.level)
    if level then top = math.min(top or level, level) end
  end
  local out = {}
  for i, it in ipairs(list) do
    local level = type(it) == "table" and tonumber(it.level) or top or 0
    if #out == 0 or level <= (top or 0) then out[#out + 1] = { i, i } else out[#out][2] = i end
  end
  -- the note of what was left out stays with the last point
  if #out > 1 and fold_of(list, false) then
    out[#out - 1][2] = out[#out][2]
    out[#out] = nil
  end
  return out
end

-- A square or tall frame (a phone shows it small) does not set a list
-- below this: a list that fits only smaller is split by vg.create.fit
-- (its items shrunk to one smaller size raise no warning of their own).
local ROOMY_MIN = 44
-- A wide frame does not set a list below the size its full two-column
-- slide has (items shrunk in their cards to fit are split instead); one
-- with room takes larger type (vg.scenes.common, rows).
local WIDE_MIN = c.WIDE_MIN
local settled = { enter = function() return 1 end, step = function() return 1 end }

-- A glossary: terms (a word or two, as "ABI", "Code cache") each with its
-- definition. A term on a line of its own over a one-line definition took
-- two lines a point (Node.js' glossary in a square frame: 57 slides of one
-- or two terms); it starts its definition's line instead, the run-in of a
-- dictionary.
local GLOSSARY_MIN = 2    -- terms on the slide
local TERM_MAX = 22       -- characters in a term ("Native modules/addons")
local RUN_IN_ALWAYS = 4   -- terms: a longer glossary runs in on every slide
local function glossary(list, shown)
  local n = 0
  for i = 1, shown do
    local it = list[i]
    if type(it) ~= "table" or it.context then return false end
    if (tonumber(it.level) or 0) > 0 and it.level ~= list[1].level then return false end
    local t, d = c.str(it.title or it.text or it.name), c.str(it.description or it.desc)
    if not (t and d) or utf8.len(t) == nil or utf8.len(t) > TERM_MAX or select(2, t:gsub("%s+", "")) > 1 then
      return false
    end
    n = n + 1
  end
  return n >= GLOSSARY_MIN
end

-- A narration's first sentence (the loader's splitter, with its
-- abbreviations, when it is there), or nil
local function first_sentence(text, lang)
  text = c.str(text)
  if not text or not text:match("%S") then return nil end
  local ok, core = pcall(require, "vg.input_core")
  local first
  if ok and type(core) == "table" and core.sentences then first = core.sentences(text, lang)[1] end
  first = first or text:match("^%s*(.-[%.!?])%s") or text
  first = first:gsub("^%s+", ""):gsub("%s+$", "")
  return first ~= "" and first or nil
end

-- One card style among siblings: where items of a level have a bold title
-- over their description ("**Easy configuration** with the Caddyfile"), an
-- item of that level with text alone is set as a title too (bold), not as a
-- card of plain text between cards of titles (Caddy's features: "Config
-- adapters if you don't like JSON" and "Production-ready after serving …"
-- in regular type among bold titles).
local function one_style(list, entries)
  local titled = {}
  for i, e in pairs(entries) do
    local it = list[i]
    if type(it) == "table" and c.str(it.title or it.text or it.name) and c.str(it.description or it.desc) then
      titled[e.indent] = true
    end
  end
  for i, e in pairs(entries) do
    local it = list[i]
    if titled[e.indent] and not (type(it) == "table" and c.str(it.description or it.desc)) then
      local _, plain = c.item_markup(nil, it)
      if plain and plain:match("%S") then e.markup = "<b>" .. c.esc(plain) .. "</b>" end
    end
  end
end

local function smallest_item(items, acc)
  for _, it in ipairs(items) do
    if it.type == "text" and type(it.id) == "string" and it.id:match("^items%[") then
      -- (as the renderer fits it: an item may shrink in its card; one set
      -- smaller for a long token's piece wider than its card is as small
      -- in a card of any height, and a split would not make it larger: it
      -- counts at the slide's size)
      local m = c.measure(it)
      local size = m.final_size or tonumber(it.size) or acc
      if m.shrunk then
        local free = {}
        for k, v in pairs(it) do free[k] = v end
        free.h = 100000
        if c.measure(free).final_size <= size + 0.01 then size = tonumber(it.size) or size end
      elseif tonumber(it.unshared) then
        -- (a slide set smaller for such a piece as a whole, its cards at one
        -- size: it counts at the size it had before, as above)
        size = math.max(size, tonumber(it.unshared))
      end
      acc = math.min(acc, size)
    end
    if type(it.items) == "table" then acc = smallest_item(it.items, acc) end
  end
  return acc
end

-- The parts of one split list (by vg.create.fit, or pages the reader cut
-- from one place of the document) are set no larger than SHARE_RATIO
-- times the smallest part's size, each as large as it fits up to that:
-- consecutive slides of one list that jump from 60 to 46 and back read as
-- two lists (Internet Guide's IPv4 fields in a square frame). A part is
-- never set smaller than it fits alone for it.
local SHARE_RATIO = 1.25
local def
local cap_memo = setmetatable({}, { __mode = "k" })
-- the size the parts of scene's list let it reach (nil: no such part)
local function shared_cap(scene, theme, box)
  local v = scene.visual_content or scene
  local set = type(v.list_parts) == "table" and v.list_parts or nil
  if not set or #set < 2 then return nil end
  local key = table.concat({ box.x, box.y, box.w, box.h, theme.frame or "", theme.lang or "",
    tostring(theme.fonts and theme.fonts.sans), theme.line_scale or 1 }, "\0")
  local known = cap_memo[set] or {}
  cap_memo[set] = known
  if known[key] ~= nil then return known[key] or nil end
  -- (each part laid out alone, under its own header)
  local least = math.huge
  for _, part in ipairs(set) do
    local ok, items = pcall(def.layout, { visual_content = part.vc, narration = part.narration }, theme, box, settled)
    if ok and type(items) == "table" then least = math.min(least, smallest_item(items, math.huge)) end
  end
  local cap = least < math.huge and math.max(math.floor(least * SHARE_RATIO / 2) * 2, math.ceil(least)) or false
  known[key] = cap
  return cap or nil
end

def = {
  name = "list",
  animated = true,
  -- a list too long for its frame at a readable size (bullets no smaller
  -- than about 70 % of their 34) becomes several scenes (vg.create.fit)
  split = {
    field = "items", warn = "^items%[", min_size = 24, groups = groups,
    text = function(it) return type(it) == "table" and c.str(it.title or it.text) or c.str(it) end,
    -- (a glossary's parts balanced by their definitions too: a part of
    -- short terms holds more of them than one of long definitions)
    shown = function(it)
      if type(it) ~= "table" then return c.str(it) end
      local t, d = c.str(it.title or it.text), c.str(it.description or it.desc)
      return t and d and t .. " " .. d or t or d
    end,
    -- a later part goes on counting where the part before it stopped
    carry = function(vc, list, from)
      -- (no longer the part it was cut from: the split's parts share
      -- among themselves)
      vc.list_parts = nil
      -- (every part of a split list, the first too: one glossary form on
      -- all its slides)
      vc.part_of_list = true
      -- (one form from the whole list: a part whose terms all happen to be
      -- a word ran in beside a part of longer terms stacked over their
      -- definitions: FastAPI's features in a square frame)
      local whole = fold_of(list, false) and #list - 1 or #list
      vc.glossary = glossary(list, whole)
      local n = 0
      for _, g in ipairs(groups(vc, list)) do if g[1] < from then n = n + 1 end end
      vc.start = (tonumber(vc.start) or 1) + n
      -- a part that opens with children keeps them children (bullets under
      -- the parent shown before), not numbered as top-level items
      local top
      for _, it in ipairs(list) do
        local level = type(it) == "table" and tonumber(it.level)
        if level then top = math.min(top or level, level) end
      end
      vc.top_level = top
      -- ... under their parent, repeated at the top as context (shown with
      -- the header, not revealed again, keeping its number): a child is never
      -- seen without the item it belongs to
      local first = vc.items and vc.items[1]
      local level = type(first) == "table" and tonumber(first.level)
      if level and top and level > top then
        -- (each ancestor up to the top-level item, in order)
        for i = from - 1, 1, -1 do
          local it = list[i]
          local l = type(it) == "table" and tonumber(it.level) or top
          if l < level then
            -- (its title alone: its description was read with it)
            local parent = {}
            if type(it) == "table" then for k, v in pairs(it) do parent[k] = v end else parent.title = it end
            parent.description, parent.desc, parent.context = nil, nil, true
            table.insert(vc.items, 1, parent)
            level = l
            if l <= top then vc.start = vc.start - 1 break end
          end
        end
      end
    end,
    -- the parts of one list learn each other's items (shared_cap)
    share = function(parts)
      local set = {}
      for k, p in ipairs(parts) do
        local v = type(p.visual_content) == "table" and p.visual_content or {}
        local vc = {}
        for f, x in pairs(v) do if f ~= "list_parts" then vc[f] = x end end
        set[k] = { vc = vc, narration = p.narration }
      end
      -- pages of one list (cut by the reader or by the fit) take one
      -- glossary form, judged on all their points together
      local all = {}
      for _, p in ipairs(parts) do
        local v = type(p.visual_content) == "table" and p.visual_content or {}
        local items = c.list(v.items)
        local fold = fold_of(items, false)
        for i, it in ipairs(items) do
          if not (type(it) == "table" and it.context) and not (fold and i == #items) then all[#all + 1] = it end
        end
      end
      local as_one = glossary(all, #all)
      for _, p in ipairs(parts) do
        if type(p.visual_content) == "table" then p.visual_content.glossary = as_one end
      end
      for _, p in ipairs(parts) do
        if type(p.visual_content) == "table" then p.visual_content.list_parts = set end
      end
    end,
    overflows = function(scene, theme, box)
      local floor = c.roomy(theme) and ROOMY_MIN or theme.frame == "wide" and WIDE_MIN
      if not floor then return false end
      local ok, items = pcall(def.layout, scene, theme, box, settled)
      return ok and type(items) == "table" and smallest_item(items, math.huge) < floor
    end,
  },
  steps = function(scene)
    local v = scene.visual_content or scene
    local out = {}
    for _, it in ipairs(c.list(v.items)) do
      if not (type(it) == "table" and it.context) then
        local _, plain = c.item_markup({ muted = { 0, 0, 0 } }, it)
        out[#out + 1] = plain
      end
    end
    return out
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local items, y = c.header(theme, box, c.str(v.header or v.title), c.str(v.description), a)
    local entries = {}
    local list = c.list(v.items)
    -- levels may count from 0 (Markdown) or 1: the shallowest is the top
    local top
    for _, it in ipairs(list) do
      local level = type(it) == "table" and tonumber(it.level)
      if level then top = math.min(top or level, level) end
    end
    top = tonumber(v.top_level) or top
    -- start: the first top-level item's number (a list split over scenes)
    local number = math.tointeger(tonumber(v.start)) and math.tointeger(tonumber(v.start)) - 1 or 0
    -- a callout (a note, a warning) marks its points with its kind, not numbers
    local callout = CALLOUTS[v.callout]
    local step = 0
    local fold = fold_of(list, theme.lang)
    local shown = fold and #list - 1 or #list
    -- (a part of a split list: the form its whole list takes, carry/share)
    local run_in
    if type(v.glossary) == "boolean" then run_in = v.glossary else run_in = glossary(list, shown) end
    for i, it in ipairs(list) do
      if i > shown then break end
      local mk = c.item_markup(theme, it)
      local level = type(it) == "table" and tonumber(it.level) or top or 0
      local indent = math.max(0, math.min(3, math.floor(level - (top or 0))))
      -- top-level items are numbered; a child carries a bullet under its parent
      if indent == 0 then number = number + 1 end
      -- a parent repeated as context is there from the start (no step)
      local context = type(it) == "table" and it.context
      if not context then step = step + 1 end
      entries[i] = { markup = mk, id = string.format("items[%d]", i), indent = indent,
        label = indent == 0 and (callout and callout.mark or tostring(number)) or "\u{2022}",
        disc_fill = callout and theme[callout.color], step = not context and step or false }
    end
    one_style(list, entries)
    -- a list with no points (all left out by the summary, or none written)
    -- was a slide of its heading alone: its narration's first sentence
    -- stands as its statement, shown with the header
    if #entries == 0 and not fold then
      local said = first_sentence(scene.narration, theme.lang)
      if said then
        entries[1] = { markup = c.esc(said), id = "statement", indent = 0, label = false, step = false }
      end
    end
    -- one point alone is a statement: no "1" in a badge (a bullet in a disc
    -- looked like a radio button); a later part of a split list keeps its number
    if #entries == 1 and entries[1].indent == 0 and not callout and (tonumber(v.start) or 1) <= 1 then
      entries[1].label = false
    end
    -- points that are numbers themselves (exit status 0, 1, 2; HTTP codes)
    -- are not numbered again: "1  0", "2  1" read as a mistake
    local numbered = #entries > 0 and not callout
    for i, e in ipairs(entries) do
      local it = list[i]
      local t = type(it) == "table" and c.str(it.title or it.text) or c.str(it)
      if e.indent == 0 and not (t and t:match("^%s*[%-+]?%d")) then numbered = false end
    end
    if numbered then for _, e in ipairs(entries) do if e.indent == 0 then e.label = false end end end
    local body = { x = box.x, y = y + 6, w = box.w, h = box.y + box.h - y - 6 }
    local note_size = c.roomy(theme) and 36 or 30
    -- (room for a script of tall lines: Arabic at 36 needs about 65)
    local note_h = fold and math.floor(note_size * 2.2 + 10) or 0
    body.h = body.h - note_h
    -- a glossary runs in where that sets its type larger (with room, each
    -- term stands over its definition). One form on every slide of a
    -- glossary: a long one (more than RUN_IN_ALWAYS terms), or a part of one
    -- split over slides (by the reader: start; or vg.create.fit), always
    -- runs in; its slides of few terms had stood each term over its
    -- definition beside slides that ran in
    local most = shared_cap(scene, theme, box)
    local ro = most and { max_size = most } or nil
    local whole = run_in and (shown > RUN_IN_ALWAYS or (tonumber(v.start) or 1) > 1 or v.part_of_list)
    if whole then
      for i, e in ipairs(entries) do e.markup = c.item_markup(theme, list[i], true) end
    elseif run_in then
      local inline = {}
      for i, e in ipairs(entries) do
        local copy = {}
        for k, x in pairs(e) do copy[k] = x end
        copy.markup = c.item_markup(theme, list[i], true)
        inline[i] = copy
      end
      if smallest_item(c.rows(theme, body, inline, settled, ro), math.huge)
          > smallest_item(c.rows(theme, body, entries, settled, ro), math.huge) + 0.5 then
        entries = inline
      end
    end
    for _, it in ipairs(c.rows(theme, body, entries, a, ro)) do items[#items + 1] = it end
    if fold then
      -- under the last card (where the cards end once all are shown), in the
      -- muted colour, from the cards' text edge
      local bottom = body.y
      local function walk(list_, dy)
        for _, it in ipairs(list_) do
          if it.type == "group" then walk(it.items or {}, dy + (it.dy or 0))
          elseif it.y and it.h then bottom = math.max(bottom, it.y + it.h + dy) end
        end
      end
      walk(c.rows(theme, body, entries, settled, ro), 0)
      local p = a:step(step + 1)
      if p > 0 then
        -- (right to left, the renderer sets the note at the right itself)
        local note = c.text(theme, body.x + 28, bottom + 10, body.w - 28, note_h - 10, "+ " .. fold,
          { size = note_size, min_size = note_size * 0.8, color = theme.muted, max_lines = 1, id = "items_more" })
        local ap = c.appear(p, { note }, 0, -20)
        if c.rtl(theme) then c.mirror({ ap }, body.x, body.w) end
        items[#items + 1] = ap
      end
    end
    return items
  end,
}

return def
