-- vg.scenes.comments: comments in code on slides. A line that is only a
-- comment is prose: in a narrow frame it may be set as several comment
-- lines, as an editor reflows it, rather than hold the whole block at the
-- size its longest comment fits on one line. Used by the command layout.
local text = require("vg.text")

local M = {}

-- The comment mark of a line comment, by the block's language (as the
-- layouts name it, or guess it); a language not here takes "#" or "//".
local MARK = {}
for _, l in ipairs({ "sh", "bash", "shell", "zsh", "fish", "console", "python", "py", "yaml",
  "yml", "toml", "ruby", "rb", "perl", "r", "make", "makefile", "dockerfile", "conf", "nix",
  "powershell", "ps1", "elixir", "cmake", "nim", "tcl" }) do MARK[l] = { "#" } end
for _, l in ipairs({ "c", "cpp", "c++", "h", "hpp", "js", "javascript", "jsx", "ts",
  "typescript", "tsx", "rust", "rs", "go", "java", "kotlin", "kt", "swift", "cs", "csharp",
  "scala", "php", "dart", "zig", "jsonc", "groovy", "objc" }) do MARK[l] = { "//" } end
for _, l in ipairs({ "lua", "sql", "haskell", "hs", "ada", "elm" }) do MARK[l] = { "--" } end
-- (no line comments: a "# " there is a heading, a number, text)
for _, l in ipairs({ "markdown", "md", "text", "txt", "plain", "plaintext", "diff", "patch", "output",
  "html", "xml", "json", "csv", "rst", "asciidoc", "adoc", "tex", "latex", "css" }) do MARK[l] = {} end

-- The parts of a line that is only a comment: its indent and mark with the
-- space after it ("  # "), and its words. nil for any other line (code, a
-- shebang, "#include", a mark with no space after it, an empty comment).
function M.full_line(line, lang)
  local marks = MARK[lang and lang:lower() or ""] or { "#", "//" }
  for _, mark in ipairs(marks) do
    local q = mark:gsub("%p", "%%%0")
    local lead, words = line:match("^(%s*" .. q .. "+ +)(%S.-)%s*$")
    if lead then return lead, words end
  end
end

-- The lines of a comment of `lead` and `words` in at most `cols` columns
-- each, broken between words (a word longer than a line stands alone).
local function fill(lead, words, cols)
  local out, cur, used = {}, nil, 0
  local room = cols - text.width(lead)
  for w in words:gmatch("%S+") do
    local ww = text.width(w)
    if cur and used + 1 + ww <= room then
      cur, used = cur .. " " .. w, used + 1 + ww
    else
      if cur then out[#out + 1] = lead .. cur end
      cur, used = w, ww
    end
  end
  if cur then out[#out + 1] = lead .. cur end
  -- no word alone on the last line: the word before it goes down too,
  -- where the line above keeps two words or more ("# (no" / "# linking)"
  -- read worse than "# Fast compile check" / "# (no linking)")
  local n = #out
  if n >= 2 and not cur:find(" ") then
    local above = out[n - 1]:sub(#lead + 1)
    local keep, word = above:match("^(.*%S.*%S)%s+(%S+)$")
    if keep and keep:find(" ") and text.width(word) + 1 + used <= room then
      out[n - 1], out[n] = lead .. keep, lead .. word .. " " .. cur
    end
  end
  return out
end

-- `lines` with every comment line wider than `cols` columns set as
-- several, and the origin of each line (`from[i]`: the index of the line it
-- comes from, which reveals it). nil when no line changed; nil, "long" when
-- a comment would take more than `most` lines.
function M.reflow(lines, from, cols, lang, most)
  local out, origin, changed = {}, {}, false
  for i, l in ipairs(lines) do
    local lead, words = nil, nil
    if text.width(l) > cols then lead, words = M.full_line(l, lang) end
    local parts = lead and fill(lead, words, cols) or { l }
    if #parts > (most or 3) then return nil, "long" end
    if #parts > 1 then changed = true end
    for _, p in ipairs(parts) do
      out[#out + 1], origin[#origin + 1] = p, from[i]
    end
  end
  if not changed then return nil end
  return out, origin
end

-- A line's code and its trailing comment ("make -j8  # build it" gives
-- "make -j8" and "# build it"), by the block's language; nil for a line
-- without one. The mark stands after a space, with a space after it, and
-- outside quotes (`echo "a # b"` has none).
function M.trailing(line, lang)
  local marks = MARK[lang and lang:lower() or ""] or { "#", "//" }
  for _, mark in ipairs(marks) do
    local q = mark:gsub("%p", "%%%0")
    local at = 1
    while true do
      local s, e = line:find("%s+" .. q .. "+ +%S", at)
      if not s then break end
      local code = line:sub(1, s - 1)
      local _, dq = code:gsub('"', "")
      local _, sq = code:gsub("'", "")
      if code:match("%S") and dq % 2 == 0 and sq % 2 == 0 then
        return code, (line:sub(s):gsub("^%s+", ""):gsub("%s+$", ""))
      end
      at = e
    end
  end
end

-- `lines` with each trailing comment of a line wider than `cols` columns
-- on a line of its own above its code, at the code's indent ("# configure
-- the release build" over "cmake -S . -B build …"), and its long comment
-- lines then reflowed (M.reflow): the comment of a line that wraps goes on
-- as a comment, not under the code's continuation mark. The origin of each
-- line as M.reflow gives it; nil when no line changed; nil, "long" as M.reflow.
function M.lift(lines, from, cols, lang, most)
  local out, origin, lifted = {}, {}, false
  for i, l in ipairs(lines) do
    local code, note = nil, nil
    if text.width(l) > cols and not M.full_line(l, lang) then code, note = M.trailing(l, lang) end
    if code then
      out[#out + 1], origin[#origin + 1] = code:match("^%s*") .. note, from[i]
      out[#out + 1], origin[#origin + 1] = code, from[i]
      lifted = true
    else
      out[#out + 1], origin[#origin + 1] = l, from[i]
    end
  end
  local shown, o2 = M.reflow(out, origin, cols, lang, most)
  if shown then return shown, o2 end
  if o2 == "long" then return nil, "long" end
  if lifted then return out, origin end
  return nil
end

-- Code made of comments each over the one command it names ("# On
-- Fedora" over "dnf install bat"), three pairs or more and at least half of
-- its lines: each comment after its command instead, the comments in one
-- column two spaces past the longest such command, with the origin of each
-- line (`from[i]`, the comment's: it is revealed first). A wide frame shows
-- such a block on half as many lines, at a larger size. nil for other code.
function M.beside(lines, lang)
  local pairs_at, count, nonblank = {}, 0, 0
  -- (a command with a comment of its own after it is left as it is)
  local function code_line(l)
    return l and l:match("%S") and not M.full_line(l, lang) and not l:find("%s#") and not l:find("%s//")
  end
  for i, l in ipairs(lines) do
    if l:match("%S") then nonblank = nonblank + 1 end
    local lead = M.full_line(l, lang)
    if lead and code_line(lines[i + 1]) and not code_line(lines[i + 2]) then
      pairs_at[i], count = true, count + 1
    end
  end
  if count < 3 or count * 4 < nonblank then return nil end
  local col = 0
  for i in pairs(pairs_at) do col = math.max(col, text.width(lines[i + 1])) end
  local out, origin, i = {}, {}, 1
  while i <= #lines do
    if pairs_at[i] then
      local cmd, note = lines[i + 1], lines[i]:gsub("^%s+", "")
      out[#out + 1] = cmd .. string.rep(" ", col - text.width(cmd) + 2) .. note
      origin[#origin + 1] = i
      i = i + 2
    else
      out[#out + 1], origin[#origin + 1] = lines[i], i
      i = i + 1
    end
  end
  return out, origin
end

return M
