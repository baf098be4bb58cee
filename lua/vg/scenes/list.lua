-- list: numbered items (strings or {title, description}) revealed one by one.
local c = require("vg.scenes.common")

return {
  name = "list",
  animated = true,
  steps = function(scene)
    local v = scene.visual_content or scene
    local out = {}
    for _, it in ipairs(c.list(v.items)) do
      local _, plain = c.item_markup({ muted = { 0, 0, 0 } }, it)
      out[#out + 1] = plain
    end
    return out
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local items, y = c.header(theme, box, c.str(v.header or v.title), c.str(v.description), a)
    local entries = {}
    for i, it in ipairs(c.list(v.items)) do
      local mk = c.item_markup(theme, it)
      local level = type(it) == "table" and tonumber(it.level) or 1
      entries[i] = { markup = mk, id = string.format("items[%d]", i),
        indent = math.max(0, math.min(3, (level or 1) - 1)) }
    end
    local body = { x = box.x, y = y + 6, w = box.w, h = box.y + box.h - y - 6 }
    for _, it in ipairs(c.rows(theme, body, entries, a)) do items[#items + 1] = it end
    return items
  end,
}
