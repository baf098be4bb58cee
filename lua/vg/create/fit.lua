-- vg.create.fit: lay out first, then split the scene. Before narration, each
-- scene is laid out in the video's frame (size, burnt-in captions band,
-- theme) with the renderer's own measuring; a scene whose list, table or code
-- does not fit at a readable size becomes consecutive scenes, split at item
-- boundaries, each with its share of the narration and the same header
-- marked as continued. Shrinking below a readable size, and cutting, are
-- left to the renderer only when a single item does not fit alone.
--
--   local fit = require("vg.create.fit")
--   local n = fit.videos(ctx.videos, { width = 1080, height = 1920, captions = true })
--
-- A scene type opts in with a `split` table (docs/scenes.md, "Splitting"):
--   field     the visual_content list that is split ("items", "rows", ...)
--   warn      a pattern of the text ids that must stay readable ("^items%[")
--   min_size  the smallest readable size of that text (design units, 1080p)
--   min_scale the smallest readable share of the size the layout chose
--             (default M.MIN_SCALE, 0.75)
--   groups    (vc, list) -> { {from, to}, ... } units that stay together
--             (a parent with its children); default: one item each
--   text      (item) -> the words the narration names it by
--   shown     (item) -> all the text it shows, which weighs it when parts
--             are balanced (default: text; a term with its definition)
--   prefer    (list, i) -> true when a part may well start at item i
--             (code: after a blank line)
--   atomic    (vc, list) -> true when a group is never split among its
--             items (a drawing: only at its blank lines)
--   carry     (part_vc, list, from, to) sets what a part carries over (a
--             list's numbering goes on: `start`; a quote's attribution
--             goes with its last part)
--   explode   (value, lang) -> list: the field cut into units when it is not
--             a list (a quote: its sentences); join (list) -> value again
--   pages     (scene) -> { scene, ... }: the pages a scene shows one after
--             the other (a long quote); each must be readable
--   read      (list) -> seconds a part nothing is said in stays up (default
--             READ_ITEM a unit)
--   overflows (scene, theme, box) -> true when the whole does not show at
--             once (a table that pages)
--   even      true: of splits whose heaviest part weighs as much, the one
--             whose lightest weighs most (a table's parts alike: Node.js'
--             seven intl rows in a tall frame were parts of 3, 3 and 1)
--   share     (parts) sets, on the parts of a split as made, what they share
--             (a quote's parts one type size: each part's visual_content
--             learns the texts of all)
-- The result is deterministic: the same scene and frame give the same parts.
local i18n = require("vg.i18n")
local vgtext = require("vg.text")
local vgcore = require("vg.core")

local M = {}

M.MIN_SCENE = 3   -- the Markdown reader's min_duration: a part keeps at least that
-- seconds a silent part stays up for each item it shows: the reveal model's
-- reading time of an item nobody names (vg.timing; a silent part is all tail)
M.READ_ITEM = require("vg.timing").read_item
M.MAX_PARTS = 8   -- past this a scene is not made of slides but of a wall
M.MAX_UNITS = 64 * M.MAX_PARTS   -- units a split is chosen among (runs of them past that)
-- Text shrunk below this share of the size its layout chose is no longer
-- read at a glance: splitting is preferred to shrinking further. The same
-- share below which the renderer warns "was shrunk to fit" (warn_below).
M.MIN_SCALE = 0.75

local render   -- loaded lazily: needs the renderer part

-- pcall, for a fit that goes on when a layout fails (the scene kept whole),
-- except on the watch's stop (a plug-in's Lua past `vgrun serve
-- --lua-timeout`) or Ctrl-C: swallowed, a served task planned otherwise
-- than the command line (a scene kept whole, silently); raised, the stage
-- fails and says why.
local function try(f, ...)
  local r = table.pack(pcall(f, ...))
  if not r[1] and (vgcore.is_overrun(r[2]) or vgcore.is_interrupt(r[2])) then error(r[2], 0) end
  return table.unpack(r, 1, r.n)
end

local function copy(t)
  local o = {}
  for k, v in pairs(t) do o[k] = v end
  return setmetatable(o, getmetatable(t))
end

local function field_list(vc, spec, lang)
  local v = vc[spec.field]
  if spec.field_alt and v == nil then v = vc[spec.field_alt] end
  if spec.explode then return spec.explode(v, lang), false end
  if type(v) == "string" then
    -- code given as one string: its lines
    local out = {}
    for line in (v .. "\n"):gmatch("(.-)\n") do out[#out + 1] = line end
    if out[#out] == "" then out[#out] = nil end
    return out, true
  end
  return type(v) == "table" and v or {}, false
end

-- Does the scene show its split field readably in this frame?
-- -> ok, cut (some text of the field was cut)
local function readable(scene, def, opts)
  local spec = def.split
  if spec.pages then
    local pages = spec.pages(scene)
    if #pages > 1 then
      local any_cut = false
      for _, pg in ipairs(pages) do
        local ok, cut = readable(pg, { split = { warn = spec.warn, min_size = spec.min_size,
          min_scale = spec.min_scale, overflows = spec.overflows } }, opts)
        if not ok then return false, cut or any_cut end
        any_cut = any_cut or cut
      end
      return true, any_cut
    end
  end
  local dl = render.display_list(scene, { width = opts.width, height = opts.height, theme = opts.theme,
    accent = opts.accent, captions = opts.captions, t = "end" })
  local warnings = render.check_list(dl) or {}
  local ok, cut = true, false
  for _, w in ipairs(warnings) do
    if type(w.id) == "string" and w.id:match(spec.warn) then
      if w.status == "cut" then ok, cut = false, true
      elseif (tonumber(w.final_size) or 0) < math.max(spec.min_size or 0,
          (spec.min_scale or M.MIN_SCALE) * (tonumber(w.size) or 0)) then ok = false end
    end
  end
  if ok and spec.overflows then
    local theme, box = render.layout_box(scene, opts)
    if spec.overflows(scene, theme, box) then ok = false end
  end
  return ok, cut
end

-- The smallest size the scene's split field is set at (its text ids'
-- final sizes, as the renderer fits them), for a split that is not
-- readable everywhere: the one that sets it largest is still better than
-- the whole (a long item shrunk to 28 beside one at 48).
local function least_size(scene, spec, opts)
  local core = require("vg.render_core")
  local dl = render.display_list(scene, { width = opts.width, height = opts.height, theme = opts.theme,
    accent = opts.accent, captions = opts.captions, t = "end" })
  local least = math.huge
  local function walk(items)
    for _, it in ipairs(items or {}) do
      if it.type == "group" then walk(it.items)
      elseif it.type == "text" and type(it.id) == "string" and it.id:match(spec.warn) then
        local ok, m = pcall(core.measure, it)
        if ok and m then least = math.min(least, tonumber(m.final_size) or tonumber(it.size) or least) end
      end
    end
  end
  walk(dl.items)
  return least
end

-- Units (runs of items that stay together) -> n contiguous parts, as even
-- as the units' weights allow (least heaviest part; ties: the earlier parts
-- fuller, the rest last; even: of those, the one whose lightest part is
-- heaviest).
-- only_good: parts start only where a unit is marked good (code: after a
-- blank line); nil when that cannot make n parts. -> { {from, to}, ... }
local function partition(units, n, only_good, even)
  local m = #units
  if n > m then return nil end
  local pre = { [0] = 0 }
  for i = 1, m do pre[i] = pre[i - 1] + units[i].weight end
  -- best[k][i]: the least heaviest part splitting units 1..i into k parts
  -- (low[k][i]: its lightest part, for even)
  local best, from, low = { [0] = { [0] = 0 } }, {}, { [0] = { [0] = math.huge } }
  for k = 1, n do
    best[k], from[k], low[k] = {}, {}, {}
    for i = k, m - (n - k) do
      local b, at, lb
      -- (one part: from the first unit; a part heavier than the best by
      -- more than a quarter can take no cut further back, whose parts are
      -- heavier still: the search stops there)
      for j = k == 1 and 0 or i - 1, k - 1, -1 do   -- ties: the later cut (the earlier parts fuller)
        if b and pre[i] - pre[j] > b + 0.25 then break end
        local prev = best[k - 1][j]
        if prev and (j == 0 or not only_good or units[j + 1].good) then
          local w = pre[i] - pre[j] + (units[j + 1].ctx or 0)
          local v, l = math.max(prev, w), math.min(low[k - 1][j], w)
          -- within a quarter of an item counts as even
          if not b or v < b - 0.25 or (even and v <= b + 0.25 and l > lb + 0.25) then b, at, lb = v, j, l end
        end
      end
      best[k][i], from[k][i], low[k][i] = b, at, lb
    end
  end
  if not best[n][m] then return nil end
  local cuts, i = {}, m
  for k = n, 1, -1 do
    local j = from[k][i]
    table.insert(cuts, 1, { j + 1, i })
    i = j
  end
  local out = {}
  for k, c in ipairs(cuts) do out[k] = { units[c[1]][1], units[c[2]][2] } end
  return out
end

-- The words of a text as a sentence names things: runs of letters and
-- digits, a dot inside one kept ("node.js", "0.10": never "10"), lower case.
local function words_of(text)
  local out = {}
  if type(text) ~= "string" then return out end
  for w in text:lower():gmatch("[%w\128-\255][%w\128-\255%.]*") do out[#out + 1] = (w:gsub("%.+$", "")) end
  return out
end

-- The word a sentence names each item by: its first word of four letters
-- or more, or with a digit, that no other item of the list has ("20" in
-- "Node.js 20 End-of-Life" among twenty releases, where "node" names them
-- all); else its first word of four letters or more, which then names
-- every item that has it (share_narration keeps only a key one part has).
local function keys_of(texts)
  local count = {}
  for _, t in pairs(texts) do
    local seen = {}
    for _, w in ipairs(words_of(t)) do
      if not seen[w] then seen[w] = true; count[w] = (count[w] or 0) + 1 end
    end
  end
  local keys = {}
  for i, t in pairs(texts) do
    local first
    for _, w in ipairs(words_of(t)) do
      local telling = #w >= 4 or w:find("%d")
      if telling and count[w] == 1 then first = w; break end
      if not first and #w >= 4 then first = w end
    end
    keys[i] = first
  end
  return keys
end

local function sentences(text, lang)
  local ok, core = pcall(require, "vg.input_core")
  if ok and core.sentences then return core.sentences(text, lang) end
  local out = {}
  for s in text:gmatch("[^%.!?]+[%.!?]*%s*") do out[#out + 1] = (s:gsub("%s+$", "")) end
  return out
end

-- What a later part the narration left nothing for says: what it shows,
-- its short items by name, at most five ("cJSON_String, cJSON_Array, and
-- cJSON_Raw."), never a silent slide; "" when it has nothing to name.
local function silent_part_says(list, p, spec, lang, header)
  local says = ""
  local names, code = {}, false
  -- (short: a name said in about the time its line is read; words,
  -- not code: "--overwrite", "cJSON_Raw" or "x=1" would be read out
  -- sign by sign, this text not being cleaned for speech)
  local function name_of(t)
    local _, words = t:gsub("%S+", "")
    local words_only = not t:find("[^%w%s%-'&%.\128-\255]") and not t:find("^%-") and not t:find("%-%-")
      and not t:find("^%d+ more")   -- (the list's own "4 more options": no name)
    return words_only and words >= 1 and words <= 6 and #t <= 40, words_only
  end
  -- (by their leads only where every long point has one: "Be aware: ..."
  -- beside "Nits are fine, but ..." is no list of terms)
  local plain, plain_code, led, unled = {}, false, false, false
  for i = p[1], p[2] do
    local it = spec.text and spec.text(list[i]) or list[i]
    if type(it) == "string" then
      it = it:gsub("^%s+", ""):gsub("[%s%.:;,]+$", "")
      local short, words_only = name_of(it)
      if short and #plain < 5 then plain[#plain + 1] = it end
      plain_code = plain_code or not words_only
      if not short then
        -- a point led by its term ("Sieves: a fine sieve for flour ...",
        -- "Pots — a deep pot ..."): named by that lead, as the reader's
        -- summary names it ("Whisks, Graters, Scales, and more.")
        local lead = it:match("^(.-)%s*:%s") or it:match("^(.-)%s+\226\128[\148\147]%s") or it:match("^(.-)%s+%-%s")
        if lead and lead:match("%w") and name_of(lead) and select(2, lead:gsub("%S+", "")) <= 4 then
          it, short, words_only, led = lead, true, true, true
        else
          unled = true
        end
      end
      if short and #names < 5 then names[#names + 1] = it end
      code = code or not words_only
    end
  end
  if not led or unled then names, code = plain, plain_code end
  local sep, last, pair, stop = i18n.t(lang, "sep"), i18n.t(lang, "last"), i18n.t(lang, "pair"), i18n.t(lang, "stop")
  if #names > 0 and sep ~= "sep" and last ~= "last" then
    local said = names[1]
    for i = 2, #names do said = said .. (i < #names and sep or (#names == 2 and pair or last)) .. names[i] end
    says = said .. (stop ~= "stop" and stop or ".")
  end
  -- nothing to name, only code (options, identifiers): the heading
  -- goes on ("Options, continued."), which a viewer hears as the same list
  local cont = i18n.t(lang, "l_continued")
  if says == "" and code and type(header) == "string" and header:match("%w") and cont ~= "l_continued" then
    says = header:gsub("[%s%.:;,]+$", "") .. ", " .. cont .. (stop ~= "stop" and stop or ".")
  end
  return says
end

-- Whether a sentence's words name a key: a word that starts with it
-- ("installs" names "install"); a number only as itself ("2020" does not
-- name "20").
local function names_key(words, key)
  for _, w in ipairs(words) do
    if w == key or (not key:find("%d") and w:sub(1, #key) == key) then return true end
  end
  return false
end

-- A sentence that names the items of several parts one after the other
-- ("A, B, C, and D." over a slide of A and B and one of C and D) is cut
-- where the next part's items start, each piece a sentence of its own:
-- every slide then says what it shows, never the next one's items.
-- A sentence of clauses, one an item ("Whisks — for cream; Graters — for
-- cheese; ..."), is cut first at the semicolon before the first clause that
-- names a later part's item: the same rule for clauses as for names.
-- s cut at each match of sep (a plain string when plain), the pieces between.
local function split_at(s, sep, plain)
  local segs, from = {}, 1
  while true do
    local a, b = s:find(sep, from, plain)
    if not a then break end
    segs[#segs + 1] = s:sub(from, a - 1)
    from = b + 1
  end
  segs[#segs + 1] = s:sub(from)
  return segs
end

-- Segments grouped in runs: a new run starts at a segment that names an
-- item of a later part than the run before (each segment's part: that of
-- the first item it names).
local function by_part(segs, keys)
  local pieces, cur = {}, nil
  for _, seg in ipairs(segs) do
    local words, part = words_of(seg), nil
    for _, kk in ipairs(keys) do
      if names_key(words, kk.key) then part = kk.part; break end
    end
    if #pieces == 0 or (part and cur and part > cur) then pieces[#pieces + 1] = {} end
    if part and (not cur or part > cur) then cur = part end
    local p = pieces[#pieces]
    p[#p + 1] = seg
  end
  return pieces
end

local function split_clauses(ss, keys, stop, lang)
  local out = {}
  for _, s in ipairs(ss) do
    local pieces = by_part(split_at(s, ";%s+", false), keys)
    if #pieces < 2 then
      out[#out + 1] = s
    else
      for k, p in ipairs(pieces) do
        local text = table.concat(p, "; ")
        if k < #pieces then text = text:gsub("[%s,;:]+$", "") .. stop end
        -- (a piece opens a sentence of its own: its first letter capital)
        if k > 1 then text = vgtext.upper_first(text, lang) end
        out[#out + 1] = text
      end
    end
  end
  return out
end

local function split_enumerations(ss, keys, lang)
  local sep, last, pair, stop = i18n.t(lang, "sep"), i18n.t(lang, "last"), i18n.t(lang, "pair"), i18n.t(lang, "stop")
  if sep == "sep" or last == "last" or pair == "pair" or #keys == 0 then return ss end
  stop = stop ~= "stop" and stop or "."
  ss = split_clauses(ss, keys, stop, lang)
  local joiner = last:gsub("^[%s,]+", "")   -- ", and " -> "and " opening the list's last item
  local out = {}
  for _, s in ipairs(ss) do
    local segs = split_at(s, sep, true)
    local pieces = by_part(segs, keys)
    if #segs < 3 or #pieces < 2 then
      out[#out + 1] = s
    else
      for k, p in ipairs(pieces) do
        local text
        if k < #pieces then
          local tail = p[#p]:gsub("[%s%.:;,]+$", "")
          text = #p == 2 and (p[1] .. pair .. tail) or #p > 2 and (table.concat(p, sep, 1, #p - 1) .. last .. tail) or tail
          text = text .. stop
        elseif #p == 2 and joiner ~= "" and p[2]:sub(1, #joiner) == joiner and pair ~= "pair" then
          text = p[1] .. pair .. p[2]:sub(#joiner + 1)   -- "A, and B." -> "A and B."
        else
          text = table.concat(p, sep)
          if joiner ~= "" and text:sub(1, #joiner) == joiner then text = text:sub(#joiner + 1) end
        end
        out[#out + 1] = text
      end
    end
  end
  return out
end

-- A table's sentence of the rows it did not say ("And 8 more codes."), in
-- the slide's language or English: its pattern
local more_patterns = {}
local function is_more(s, lang)
  local key = lang or "en"
  local pats = more_patterns[key]
  if not pats then
    pats = {}
    for _, l in ipairs({ lang or "en", "en" }) do
      for _, k in ipairs({ "table_more", "table_more_named", "table_more_one" }) do
        local phrase = i18n.t(l, k, "\1", "\2")
        if phrase ~= k then
          pats[#pats + 1] = "^%s*" .. phrase:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")
            :gsub("\1", "%%d+"):gsub("\2", "[^,;:]-") .. "%s*$"
        end
      end
    end
    if type(key) == "string" and #key < 32 then more_patterns[key] = pats end
  end
  for _, p in ipairs(pats) do if s:match(p) then return true end end
  return false
end

-- The narration shared out: a sentence goes with the part of the first item
-- it names (never to an earlier part than the sentence before it); the rest
-- follow the sentence before them (the introduction: the first part). A part
-- left silent takes the last sentence of the part before when that one has
-- more than one and the sentence names none of its items; a later part
-- still silent says what it shows (silent_part_says) unless quiet.
local function share_narration(narration, lang, list, parts, spec, header, quiet, vc)
  local out = {}
  if type(narration) ~= "string" or not narration:match("%S") then
    for k = 1, #parts do out[k] = "" end
    return out
  end
  for k = 1, #parts do out[k] = {} end
  -- each item's key; a key items of two parts share ("make sure ...")
  -- names neither
  local keys, where = {}, {}
  local shown = {}
  for _, p in ipairs(parts) do
    for i = p[1], p[2] do shown[i] = spec.text and spec.text(list[i]) or list[i] end
  end
  local item_key = keys_of(shown)
  for k, p in ipairs(parts) do
    for i = p[1], p[2] do
      local key = item_key[i]
      if key and (#key >= 2 or key:find("%d")) then
        keys[#keys + 1] = { key = key, part = k }
        if where[key] and where[key] ~= k then where[key] = false
        elseif where[key] == nil then where[key] = k end
      end
    end
  end
  local kept = {}
  for _, kk in ipairs(keys) do if where[kk.key] then kept[#kept + 1] = kk end end
  keys = kept
  -- a narration of the whole (a support matrix said by its columns, every
  -- sentence naming rows of every part) stays with the first part, whole
  if vc and vc.said_whole then keys = {} end
  -- the narration's sentences, cut again where one ends and an item's text
  -- begins (a row said as "alpha: ...": no capital, so one sentence to the
  -- splitter)
  local texts = {}
  for i = 1, #list do
    local t = spec.text and spec.text(list[i]) or list[i]
    if type(t) == "string" and #t >= 3 then texts[#texts + 1] = t end
  end
  local ss = {}
  for _, sen in ipairs(sentences(narration, lang)) do
    local cuts = {}
    for _, t in ipairs(texts) do
      local pos = 1
      while true do
        local a = sen:find(". " .. t, pos, true)
        if not a then break end
        cuts[a + 1] = true
        pos = a + 2
      end
    end
    local at_list = {}
    for c in pairs(cuts) do at_list[#at_list + 1] = c end
    table.sort(at_list)
    local from = 1
    for _, c in ipairs(at_list) do
      ss[#ss + 1] = sen:sub(from, c):gsub("^%s+", ""):gsub("%s+$", "")
      from = c + 1
    end
    ss[#ss + 1] = sen:sub(from):gsub("^%s+", ""):gsub("%s+$", "")
  end
  ss = split_enumerations(ss, keys, lang)
  local at, named = 1, {}
  -- the last item a sentence names, and the sentence of the rows not said
  -- ("And 8 more codes."): it plays over the part that shows the first of
  -- those rows (a part before it said its own rows; a square frame's page
  -- of three rows said "And 9 more" of the next page's rows, or a page of
  -- rows said heard of the rows after them)
  local last_named, more = 0, nil
  for si, s in ipairs(ss) do
    local words = words_of(s)
    -- (a sentence that introduces the whole, a table's columns named, "The
    -- table shows Key, Description, and Default.", names no item: a row
    -- "default-yank-register" on the second slide took it and every
    -- sentence after it there, the first slide silent)
    local opener = spec.opener and vc and spec.opener(vc, words)
    for _, kk in ipairs(opener and {} or keys) do
      if kk.part >= at and names_key(words, kk.key) then at = kk.part; named[si] = true; break end
    end
    if not more and spec.field == "rows" and is_more(s, lang) then
      more = si
    else
      for i = last_named + 1, #list do
        local key = item_key[i]
        if key and where[key] and names_key(words, key) then last_named = i end
      end
      local o = out[at]
      o[#o + 1] = si
    end
  end
  if more then
    -- (rows the sentences name by no key of their own, "GNU/Linux" on
    -- every row: it follows the sentences before it, as any other)
    local target = at
    for k, p in ipairs(parts) do
      if last_named > 0 and p[1] <= last_named + 1 and last_named + 1 <= p[2] then target = math.max(k, at) break end
    end
    local o = out[target]
    o[#o + 1] = more
    named[more] = last_named > 0 or nil
  end
  for k = 2, #parts do
    local prev = out[k - 1]
    if #out[k] == 0 and #prev > 1 and not named[prev[#prev]] then
      table.insert(out[k], 1, table.remove(prev))
    end
  end
  for k = 1, #parts do
    local t = {}
    for _, si in ipairs(out[k]) do t[#t + 1] = ss[si] end
    out[k] = table.concat(t, " ")
    if k > 1 and out[k] == "" and not quiet then out[k] = silent_part_says(list, parts[k], spec, lang, header) end
  end
  return out
end

-- The scene for one part: the same scene with its share of the list, the
-- narration and an id of its own; the parts after the first say they
-- continue (the header stays, the description is the language's "continued").
local function part_scene(scene, spec, list, as_string, p, k, n, said, lang)
  local s = copy(scene)
  local vc = copy(scene.visual_content or {})
  local slice = {}
  for i = p[1], p[2] do slice[#slice + 1] = list[i] end
  if spec.trim then
    while #slice > 1 and not tostring(slice[#slice]):match("%S") do slice[#slice] = nil end
    while #slice > 1 and not tostring(slice[1]):match("%S") do table.remove(slice, 1) end
  end
  local key = (spec.field_alt and vc[spec.field] == nil) and spec.field_alt or spec.field
  if spec.join then vc[key] = spec.join(slice)
  elseif as_string then vc[key] = table.concat(slice, "\n") else vc[key] = slice end
  if k > 1 then vc.description = i18n.t(lang, "l_continued") end
  if spec.carry then spec.carry(vc, list, p[1], p[2]) end
  s.visual_content = vc
  s.narration = said ~= "" and said or nil
  if k > 1 then s.id = string.format("%s_%d", tostring(scene.id or "scene"), k) end
  s.split_part = { k, n }
  return s
end

-- The parts take the time the whole scene was given, no more: a scene
-- stretched towards --duration (its min_duration) shares that out in
-- proportion to what each part shows, over what each needs to be said;
-- every part keeps the reader's minimum.
local function share_time(scene, spec, parts, lang)
  local ok, input = pcall(require, "vg.input")
  if not ok then return end
  local min = tonumber(scene.min_duration) or M.MIN_SCENE
  local floor = math.min(min, M.MIN_SCENE)
  local whole = input.seconds(scene, lang)
  local need, sum = {}, 0
  for k, p in ipairs(parts) do
    p.min_duration = floor
    -- a part nothing is said in stays long enough to read what it shows
    -- (in the whole scene those items were on screen while it was said)
    if not (type(p.narration) == "string" and p.narration:match("%S")) and floor >= M.MIN_SCENE then
      local shows = field_list(p.visual_content, spec, lang)
      p.min_duration = math.max(floor, spec.read and spec.read(shows) or M.READ_ITEM * #shows)
    end
    need[k] = input.seconds(p, lang)
    sum = sum + need[k]
  end
  if whole > sum + 0.05 and min > floor then
    -- the time beyond what is said is time to look: by what each part shows
    local shown, total = {}, 0
    for k, p in ipairs(parts) do
      shown[k] = #field_list(p.visual_content, spec, lang)
      total = total + shown[k]
    end
    for k, p in ipairs(parts) do
      p.min_duration = math.floor((need[k] + (whole - sum) * shown[k] / math.max(1, total)) * 10 + 0.5) / 10
    end
  end
end

-- The parts of a split as made, told to the type (spec.share) so they can
-- share what must not differ between them (a quote's type size).
local function shared(spec, parts)
  if spec.share then spec.share(parts) end
  return parts
end

-- The units of a scene's list: groups (a parent with its children), each
-- weighed by its text and marked where a part may well start.
local function units_of(vc, spec, list)
  local groups = spec.groups and spec.groups(vc, list)
  if not groups then
    groups = {}
    for i = 1, #list do groups[i] = { i, i } end
  end
  local units = {}
  for gi, g in ipairs(groups) do
    local w = 0
    for i = g[1], g[2] do
      local t = spec.shown and spec.shown(list[i]) or spec.text and spec.text(list[i]) or list[i]
      w = w + 1 + (type(t) == "string" and #t / 60 or 0)
    end
    units[gi] = { g[1], g[2], weight = w, good = not spec.prefer or spec.prefer(list, g[1]) }
  end
  return units
end

--- scene(scene, opts) -> { scene, ... }: the scene itself when it fits (or
--- cannot be split), else its parts in order. opts: width, height,
--- captions (true: the band is kept free), theme, accent, lang.
function M.scene(scene, opts)
  render = render or require("vg.render")
  local def = render.get_type(scene.scene_type or scene.type)
  local spec = def and def.split
  local vc = scene.visual_content
  if not spec or type(vc) ~= "table" then return { scene } end
  -- a transcript's scene is held to its cues' times (--keep-timing): whole
  if type(scene.source) == "table" and scene.source.cues ~= nil then return { scene } end
  local lang = scene.language or opts.lang
  local list, as_string = field_list(vc, spec, lang)
  if #list < 2 then return { scene } end
  local ok, cut = readable(scene, def, opts)
  if ok then return { scene } end
  local units = units_of(vc, spec, list)
  local atomic = spec.atomic and spec.atomic(vc, list)
  if atomic and #units < 2 then
    -- a drawing with no blank line to split at that does not show whole even
    -- at its smallest size (cut: its end would be lost): paged by lines
    if not cut then return { scene } end
    units, atomic = units_of(vc, { text = spec.text, shown = spec.shown, prefer = spec.prefer }, list), false
  end
  -- a group split among its items: the parent keeps its first child, so a
  -- part never ends on a parent whose children all wait for the next slide
  -- (a part that starts inside the group shows the parent again: ctx, its
  -- weight, counts in that part's)
  local function items_of(u, into)
    local ctx
    for _, v in ipairs(units_of(vc, { text = spec.text, shown = spec.shown, prefer = spec.prefer }, list)) do
      local head = into[#into]
      if v[1] == u[1] then ctx = v.weight end
      if v[1] == u[1] + 1 and head and head[1] == u[1] and head[2] == u[1] then
        head[2], head.weight = v[2], head.weight + v.weight
      elseif v[1] >= u[1] and v[2] <= u[2] then
        if v[1] > u[1] then v.ctx = ctx end
        into[#into + 1] = v
      end
    end
    return into
  end
  if #units < 2 then
    -- one parent with many children: split among the children
    units = items_of(units[1] or { 1, #list }, {})
  end
  -- a parent whose children do not fit with it on one slide: its children
  -- go on over the next parts (each part says it continues)
  if #units > 1 and not atomic then
    local fine = {}
    for _, u in ipairs(units) do
      if u[2] > u[1] + 2 and not readable(part_scene(scene, spec, list, as_string, { u[1], u[2] }, 1, 1, "", lang), def, opts) then
        items_of(u, fine)
      else
        fine[#fine + 1] = u
      end
    end
    units = fine
  end
  -- when even the lightest unit alone does not fit (a table too wide for the
  -- frame, a code line too long), the trouble is not how much is shown:
  -- splitting cannot help
  local light = units[1]
  for _, u in ipairs(units) do if u.weight < light.weight then light = u end end
  if not readable(part_scene(scene, spec, list, as_string, { light[1], light[2] }, 1, 1, "", lang), def, opts) then
    return { scene }
  end
  -- partition is quadratic in the units: past MAX_UNITS (more than 64 a
  -- slide, when no slide is readable anyway) runs of units are merged into
  -- MAX_UNITS, so a list of 4,000 items (40 KB of YAML) is not minutes of
  -- `vgrun scenes`; a part then starts where a run starts
  if #units > M.MAX_UNITS then
    local merged, per = {}, #units / M.MAX_UNITS
    for g = 1, M.MAX_UNITS do
      local a, b = math.floor((g - 1) * per) + 1, math.floor(g * per)
      local u = { units[a][1], units[b][2], weight = 0, good = units[a].good, ctx = units[a].ctx }
      for i = a, b do u.weight = u.weight + units[i].weight end
      merged[g] = u
    end
    units = merged
  end
  -- code: parts that start at blank lines first, then any line
  local passes = { false }
  if spec.prefer then passes = { true, false } end
  local fallback
  for _, only_good in ipairs(passes) do
    for n = 2, math.min(#units, M.MAX_PARTS) do
      local parts = partition(units, n, only_good, spec.even)
      if parts then
        local scenes, all_ok, any_cut = {}, true, false
        for k, p in ipairs(parts) do
          scenes[k] = part_scene(scene, spec, list, as_string, p, k, n, "", lang)
          local pok, pcut = readable(scenes[k], def, opts)
          -- a part of one unit that still does not fit is the renderer's (cut
          -- last), when the whole was cut: it gets a slide of its own. When the
          -- whole was only shrunk, a unit that does not fit alone (a code line
          -- too wide) is no reason to split: every part must be readable.
          local single = false
          if cut then
            for _, u in ipairs(units) do if u[1] == p[1] and u[2] == p[2] then single = true end end
          end
          if not pok and not single then all_ok = false end
          any_cut = any_cut or (pcut and not single)
          -- (when the whole was cut, a split with nothing cut is still worth
          -- having: every part is looked at)
          if not all_ok and not cut then break end
        end
        if all_ok or (cut and not any_cut and not fallback) then
          local said = share_narration(scene.narration, lang, list, parts, spec,
            type(scene.visual_content) == "table" and scene.visual_content.header or nil, nil,
            type(scene.visual_content) == "table" and scene.visual_content or nil)
          for k, p in ipairs(parts) do
            scenes[k] = part_scene(scene, spec, list, as_string, p, k, n, said[k], lang)
          end
          share_time(scene, spec, scenes, lang)
          if all_ok then return shared(spec, scenes) end
          fallback = scenes
        end
      end
    end
  end
  if fallback then return shared(spec, fallback) end
  -- no split is readable everywhere (an item too long for the floor even
  -- alone): the one whose smallest text is largest, when that is a quarter
  -- larger than the whole's (GOVERNANCE.md's long nomination step, shrunk
  -- to 28.6 beside a step at 48, is a slide of its own at 40)
  if not cut and not atomic then
    local whole = least_size(scene, spec, opts)
    local best, best_parts
    for n = 2, math.min(#units, M.MAX_PARTS) do
      local parts = partition(units, n, false, spec.even)
      if parts then
        local least = math.huge
        for k, p in ipairs(parts) do
          least = math.min(least, least_size(part_scene(scene, spec, list, as_string, p, k, n, "", lang), spec, opts))
          if best and least <= best then break end
        end
        if least < math.huge and (not best or least > best + 0.5) then best, best_parts = least, parts end
      end
    end
    if best and whole < math.huge and best >= whole * 1.25 then
      local n = #best_parts
      local said = share_narration(scene.narration, lang, list, best_parts, spec,
        type(scene.visual_content) == "table" and scene.visual_content.header or nil, nil,
        type(scene.visual_content) == "table" and scene.visual_content or nil)
      local scenes = {}
      for k, p in ipairs(best_parts) do
        scenes[k] = part_scene(scene, spec, list, as_string, p, k, n, said[k], lang)
      end
      share_time(scene, spec, scenes, lang)
      return shared(spec, scenes)
    end
  end
  return { scene }
end

-- Consecutive scenes of one type made from one place of the document (the
-- reader cut a long block quote into three quote scenes) are told to the
-- type as parts (spec.share), as the parts of a split are: a quote's parts
-- share one type size. early: only the types whose split spec asks to know
-- them before a split is judged (`share_early`: a table part the reader
-- cut is set no larger than its other parts allow, so splitting it further
-- buys nothing there).
local function share_runs(scenes, early)
  if #scenes < 2 then return end
  render = render or require("vg.render")
  local i = 1
  while i <= #scenes do
    local s = scenes[i]
    local t = s.scene_type or s.type
    local def = type(t) == "string" and render.get_type(t)
    local src = type(s.source) == "table" and s.source or nil
    local j = i
    if def and def.split and def.split.share and (def.split.share_early or not early)
        and src and src.file ~= nil and src.line ~= nil then
      while scenes[j + 1] do
        local n = scenes[j + 1]
        local ns = type(n.source) == "table" and n.source or nil
        if (n.scene_type or n.type) ~= t or not ns or ns.file ~= src.file or ns.line ~= src.line then break end
        j = j + 1
      end
      if j > i then def.split.share(table.move(scenes, i, j, 1, {})) end
    end
    i = j + 1
  end
end

-- The pages a loader cut one list into (the Markdown reader cuts a list by
-- the words it says, and pages it joins again may leave one item alone:
-- setuptools' "It's still not working", 4 + 1): scenes i..j of one type
-- with a split spec, from one place of the document (source file and
-- line), one header, each later page marked "continued" and numbering on
-- (`start`). -> j (i when scene i opens no such run)
local function page_run(scenes, i, lang)
  local s = scenes[i]
  local t = s.scene_type or s.type
  local src, vc = type(s.source) == "table" and s.source, s.visual_content
  if not src or src.file == nil or src.line == nil or type(vc) ~= "table" then return i end
  local cont = i18n.t(s.language or lang, "l_continued")
  local j = i
  while scenes[j + 1] do
    local n = scenes[j + 1]
    local ns, nv = type(n.source) == "table" and n.source, n.visual_content
    if (n.scene_type or n.type) ~= t or not ns or ns.file ~= src.file or ns.line ~= src.line
        or type(nv) ~= "table" or nv.header ~= vc.header or nv.description ~= cont or tonumber(nv.start) == nil
        or nv.image ~= nil or vc.image ~= nil then break end
    j = j + 1
  end
  return j
end

-- A slide's weight as partition weighs it (units_of): each item 1, and
-- its text by the line.
local function weight_of(scene, spec, lang)
  local w = 0
  for _, u in ipairs(units_of(scene.visual_content, spec, (field_list(scene.visual_content, spec, lang)))) do
    w = w + u.weight
  end
  return w
end

-- A run of pages (page_run) cut again as evenly as the items allow, when
-- that is as few slides as fitting each page makes (fitted: those slides)
-- and every slide is readable: the same items and sentences over pages of
-- even weight (2 + 3, not 4 + 1). The pages keep their ids; the time the
-- pages were given together is shared as a split shares it. -> the scenes,
-- or nil (the pages stay as the loader cut them).
local function rebalance(run, fitted, def, opts, lang)
  local spec = def.split
  if spec.explode or spec.pages or spec.atomic then return nil end
  local whole = copy(run[1])
  local vc = copy(run[1].visual_content)
  local list, said, min, max = {}, {}, 0, nil
  for _, pg in ipairs(run) do
    local items, as_string = field_list(pg.visual_content, spec, lang)
    if as_string then return nil end
    for _, it in ipairs(items) do list[#list + 1] = it end
    if type(pg.narration) == "string" and pg.narration:match("%S") then said[#said + 1] = pg.narration end
    min = min + (tonumber(pg.min_duration) or M.MIN_SCENE)
    if tonumber(pg.max_duration) then max = math.max(max or 0, tonumber(pg.max_duration)) end
  end
  vc[spec.field] = list
  whole.visual_content = vc
  whole.narration = #said > 0 and table.concat(said, " ") or nil
  whole.min_duration, whole.max_duration = min, max
  -- only a run left uneven (a page with less than half the points of
  -- another: 4 + 1, 9 + 3; not 6 + 4): a page's sentences then follow
  -- its items, and a loader's fair cut is not worth that
  local fewest, most = math.huge, 0
  for _, pg in ipairs(run) do
    local n = #units_of(pg.visual_content, spec, (field_list(pg.visual_content, spec, lang)))
    fewest, most = math.min(fewest, n), math.max(most, n)
  end
  if fewest * 2 >= most then return nil end
  local units = units_of(vc, spec, list)
  local heaviest = 0
  for _, f in ipairs(fitted) do heaviest = math.max(heaviest, weight_of(f, spec, lang)) end
  for n = #run, #fitted do
    local parts = partition(units, n, false, spec.even)
    if not parts then return nil end
    local top, crowded = 0, false
    for _, p in ipairs(parts) do
      local w, c = 0, 0
      for _, u in ipairs(units) do if u[1] >= p[1] and u[2] <= p[2] then w, c = w + u.weight, c + 1 end end
      -- (never more points on a page than the loader put on one)
      top, crowded = math.max(top, w), crowded or c > most
    end
    -- (as many slides as before: only when lighter by more than an item's
    -- quarter, as partition counts even)
    if not crowded and (n < #fitted or top < heaviest - 0.25) then
      local ok = true
      for k, p in ipairs(parts) do
        if not readable(part_scene(whole, spec, list, false, p, k, n, "", lang), def, opts) then ok = false; break end
      end
      if ok then
        -- each page's sentences stay with the slides that show its items
        -- (by the items they name among those), so no slide takes what
        -- another page said; a slide left silent names what it shows
        local shares, first = {}, 1
        for k = 1, n do shares[k] = {} end
        for _, pg in ipairs(run) do
          local last = first + #field_list(pg.visual_content, spec, lang) - 1
          local clip, at = {}, {}
          for k, p in ipairs(parts) do
            if p[2] >= first and p[1] <= last then
              clip[#clip + 1] = { math.max(p[1], first), math.min(p[2], last) }
              at[#clip] = k
            end
          end
          local said = share_narration(pg.narration, lang, list, clip, spec, vc.header, true, vc)
          for c, k in ipairs(at) do
            if said[c] ~= "" then table.insert(shares[k], said[c]) end
          end
          first = last + 1
        end
        for k, p in ipairs(parts) do
          shares[k] = table.concat(shares[k], " ")
          if k > 1 and shares[k] == "" then shares[k] = silent_part_says(list, p, spec, lang, vc.header) end
        end
        local scenes = {}
        for k, p in ipairs(parts) do
          scenes[k] = part_scene(whole, spec, list, false, p, k, n, shares[k], lang)
          if run[k] then scenes[k].id, scenes[k].split_part = run[k].id, nil end
          if scenes[k].max_duration and run[k] and run[k].max_duration == nil then scenes[k].max_duration = nil end
        end
        share_time(whole, spec, scenes, lang)
        return scenes
      end
    end
  end
  return nil
end

--- video(video, opts) -> how many scenes were added. The video's scenes are
--- replaced by their parts, in place; video-level theme and accent are used
--- where a scene has none.
function M.video(video, opts)
  local out, added, changed = {}, 0, false
  local scenes, i = video.scenes or {}, 1
  share_runs(scenes, true)
  local function fit_one(s)
    local o = copy(opts)
    o.theme = opts.theme or s.theme or video.theme
    o.accent = opts.accent or s.accent_color or video.accent_color
    o.lang = video.language
    local ok, parts = try(M.scene, s, o)
    if not ok then parts = { s } end   -- a layout error is reported where the scene is drawn
    return parts, o
  end
  while scenes[i] do
    local s = scenes[i]
    render = render or require("vg.render")
    local def = render.get_type(s.scene_type or s.type)
    local j = (def and def.split) and page_run(scenes, i, video.language) or i
    local parts, o = {}, nil
    for k = i, j do
      local p
      p, o = fit_one(scenes[k])
      for _, x in ipairs(p) do parts[#parts + 1] = x end
    end
    if j > i then
      local run = table.move(scenes, i, j, 1, {})
      local ok, even = try(rebalance, run, parts, def, o, s.language or video.language)
      if ok and even then parts, changed = even, true end
    end
    for _, p in ipairs(parts) do out[#out + 1] = p end
    added = added + #parts - (j - i + 1)
    i = j + 1
  end
  if added > 0 or changed then
    -- a part's id (scene_04_2) must not be one the video already has
    local taken = {}
    for _, s in ipairs(video.scenes) do if s.id ~= nil then taken[tostring(s.id)] = true end end
    for _, s in ipairs(out) do
      if s.split_part and s.split_part[1] > 1 then
        local id, n = s.id, 1
        while taken[id] do n = n + 1; id = string.format("%s_%d", s.id, n) end
        s.id = id
        taken[id] = true
      end
    end
    video.scenes = out
  end
  share_runs(video.scenes or {})
  return added
end

function M.videos(videos, opts)
  local n = 0
  for _, v in ipairs(videos or {}) do n = n + M.video(v, opts) end
  return n
end

--- seconds(video [, o]) -> the estimated length of a video as the timeline
--- will place it (vg.create.timeline: max(min_duration, lead-in + speech +
--- tail, the layout's settle time + vg.timing.hold)), with the loader's speech estimate
--- for the narration, before anything is spoken. o: the create options
--- (lead_in, tail, min_scene; the defaults when nil).
function M.seconds(video, o)
  o = o or require("vg.create.options").with_defaults({})
  local t = 0
  for _, s in ipairs(video.scenes or {}) do t = t + M.scene_seconds(s, video.language, o) end
  return t
end

--- scene_seconds(scene, lang [, o]) -> one scene's estimated length as the
--- timeline places it (see seconds). The loader's estimate
--- (vg.input.seconds) adds a pace for each list item the narration does not
--- name; the layout's own settle time says when its items are all shown,
--- which is what the timeline waits for (the first part of a split list
--- names few of its items but shows them all while it is said).
function M.scene_seconds(s, lang, o)
  local core = require("vg.input_core")
  render = render or require("vg.render")
  o = o or require("vg.create.options").with_defaults({})
  -- at the loader's pace: English left in a translation (a scene turned to
  -- an English voice, its passages) at English pace
  local said_lang = s.language or lang
  local speech = 0
  if type(s.narration) == "string" then
    local ok, sec, in_lang = pcall(core.said_seconds, s, said_lang)
    if ok and tonumber(sec) then speech, said_lang = sec, in_lang or said_lang
    else speech = core.speech_seconds(s.narration, said_lang) end
  end
  local len = math.max(tonumber(s.min_duration) or 0, o.min_scene, o.lead_in + speech + o.tail)
  if speech <= 0 then len = math.max(len, require("vg.create.timeline").silent_seconds(s, lang)) end
  local heard = copy(s)
  -- the items are shown where the reader's estimate of the speech names them
  heard.audio = { duration = speech + o.lead_in, words = {},
    estimate = { text = type(s.narration) == "string" and s.narration or "", lead_in = o.lead_in,
      lang = said_lang } }
  local ok, settle = try(render.settle_time, heard)
  if ok and tonumber(settle) then len = math.max(len, settle + require("vg.timing").hold) end
  return len
end

--- with_duration(videos, target, reload, opts) -> videos, added, ratio, asked
-- --duration: the loader fitted the length by its own estimate, before the
-- frame split scenes (a part nothing is said in adds its reading time) and
-- without the layout's settle time. When the plan runs more than 5 % longer
-- than asked, the document is loaded again for a shorter length
-- (reload(seconds) -> videos, loaded with duration = seconds and
-- duration_asked = target) and split again, at most twice, and the closer
-- of the plans is kept. ratio: the kept plan's length over the target;
-- band_warning(ratio, target, seconds) says when it is off by more than
-- 15 % (the loader's own check is left out of a shorter fit). asked: the
-- length the kept plan was loaded for (the target, or a reload's). A long
-- document the loader made into parts (ids "<id>_partN") was fitted as a
-- whole: the target is their sum; videos of --split h2 were each fitted to
-- it: the longest is held to it.
M.DURATION_SLACK = 0.05
local function parts_of_one(videos)
  if #videos < 2 then return false end
  for _, v in ipairs(videos) do
    if not tostring(v.id or ""):match("_part%d+$") then return false end
  end
  return true
end

-- -> how much longer than the target the videos run (1: as asked), each
-- video's length by seconds(video, o) (default: the estimate, M.seconds)
local function over(videos, target, o, seconds)
  seconds = seconds or M.seconds
  if parts_of_one(videos) then
    local t = 0
    for _, v in ipairs(videos) do t = t + seconds(v, o) end
    return t / target
  end
  local r = 0
  for _, v in ipairs(videos) do r = math.max(r, seconds(v, o) / target) end
  return r
end
M.over = over
M.parts_of_one = parts_of_one

function M.with_duration(videos, target, reload, opts)
  local added = M.videos(videos, opts)
  if not target or #videos == 0 then return videos, added, 1 end
  local best, best_added = videos, added
  local r = over(videos, target, opts.create)
  local best_r, reloaded = r, false
  local ask, best_ask = target, target
  for _ = 1, 2 do
    if r <= 1 + M.DURATION_SLACK then break end
    ask = ask / r
    local again = reload(ask)
    -- (a shorter load may be one video where there were parts: both are
    -- the whole document)
    if type(again) ~= "table" or #again == 0
        or (#again == 1 or parts_of_one(again)) ~= (#videos == 1 or parts_of_one(videos)) then break end
    local n = M.videos(again, opts)
    r = over(again, target, opts.create)
    if math.abs(r - 1) < math.abs(best_r - 1) then
      best, best_added, best_r, reloaded, best_ask = again, n, r, true, ask
    end
  end
  return best, best_added, reloaded and best_r or nil, best_ask
end

--- band_warning(ratio, target) -> a message, or nil: a plan kept from a
--- shorter fit (with_duration's ratio) that still runs more than 15 % away
--- from the length asked.
M.DURATION_BAND = 0.15
function M.band_warning(ratio, target)
  if not ratio or math.abs(ratio - 1) <= M.DURATION_BAND then return nil end
  return string.format(ratio > 1
      and "--duration %g: the video cannot be that short; it runs about %d s (its title, outro and the first sentence of each scene kept)"
      or "--duration %g: the document says too little for that; the video runs about %d s",
    target, math.floor(ratio * target + 0.5))
end

return M
