-- The leaf items of a display list (vg.render.display_list), each with its
-- groups' offsets applied: the boxes the layout specs measure.
local M = {}

-- leaves(items) -> { { it =, x =, y =, w =, h =, dx =, dy = }, ... }: x, y
-- the item's place in the frame; dx, dy the offsets of its groups
function M.leaves(items, out, dx, dy)
  out, dx, dy = out or {}, dx or 0, dy or 0
  for _, it in ipairs(items) do
    if it.type == "group" then
      M.leaves(it.items, out, dx + (it.dx or 0), dy + (it.dy or 0))
    else
      out[#out + 1] = { it = it, x = (it.x or 0) + dx, y = (it.y or 0) + dy, w = it.w, h = it.h,
        dx = dx, dy = dy }
    end
  end
  return out
end

-- texts(dl): the leaves that are text or code
function M.texts(dl)
  local out = {}
  for _, l in ipairs(M.leaves(dl.items)) do
    if l.it.type == "text" or l.it.type == "code" then out[#out + 1] = l end
  end
  return out
end

return M
