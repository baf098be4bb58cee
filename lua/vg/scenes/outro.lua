-- outro: the closing screen, a card with the main message and a call to action.
local c = require("vg.scenes.common")

-- A message without spaces (CJK, Thai: lines break between any two
-- characters, so a wrapped phrase breaks inside a word: "ご視聴ありがとうござ
-- い" / "ました" in a square frame) that fits one line smaller, down to
-- ONE_LINE of its size, is set on one line. Words between spaces wrap
-- between words and keep their size.
local ONE_LINE = 0.65
local memo, count = {}, 0
local function one_line(t)
  local key = table.concat({ t.text, t.w, t.h, t.font or "", t.lang or "", t.size }, "\0")
  if memo[key] then return memo[key] end
  local size = t.size
  local probe = {}
  for k, v in pairs(t) do probe[k] = v end
  probe.min_size, probe.max_lines = probe.size, 1
  local whole = not t.text:find("%s") and c.measure(probe)
  if whole and (whole.cut or whole.shrunk or whole.lines > 1) then
    for sz = t.size - 2, math.ceil(t.size * ONE_LINE), -2 do
      probe.size, probe.min_size = sz, sz
      local m = c.measure(probe)
      if not m.shrunk and not m.cut then size = sz break end
    end
  end
  if count >= 64 then memo, count = {}, 0 end
  memo[key], count = size, count + 1
  return size
end

return {
  name = "outro",
  animated = true,
  fills = true,   -- places its content in the middle itself
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local main, sub = c.str(v.main_text or v.title), c.str(v.sub_text or v.subtitle)
    local cw, ch = math.min(box.w, 1400), sub and 560 or 460
    local x, y = box.x + (box.w - cw) / 2, box.y + (box.h - ch) / 2
    local p = a:enter(0)
    local items = {
      c.appear(p, { c.card(theme, x, y, cw, ch, { radius = 28 }) }, 50),
    }
    local g = {}
    for _, it in ipairs(c.disc(theme, x + cw / 2, y + 120, 54, "✓", { size = 58 })) do g[#g + 1] = it end
    items[#items + 1] = c.appear(a:enter(1), g, 20)
    if main then
      local t = c.text(theme, x + 70, y + 200, cw - 140, 200, main, { size = 80, weight = "bold",
        align = "center", valign = "middle", id = "main_text", min_size = 36, max_lines = 2,
        line_height = 1.0 })
      t.size = one_line(t)
      items[#items + 1] = c.appear(a:enter(2), { t }, 30)
    end
    if sub then
      items[#items + 1] = c.appear(a:enter(3), {
        c.text(theme, x + 70, y + 410, cw - 140, 110, sub, { size = 40, color = theme.muted,
          align = "center", valign = "top", id = "sub_text", min_size = 22, max_lines = 2 }),
      }, 30)
    end
    return items
  end,
}
