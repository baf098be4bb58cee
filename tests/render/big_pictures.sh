#!/usr/bin/env bash
# Pictures far larger than their frame are scaled while they are decoded
# (stages/render/picture.c): a 200 KB PNG that says 8000x8000 never costs
# its 256 MB of pixels, and each picture is decoded once for the process.
#  - drawn right: both halves of a two-colour picture in place, interlaced
#    (the last Adam7 pass) and with transparency;
#  - at its own size a picture is the same pixels interlaced or not;
#  - one damaged half-way is a warning and a placeholder;
#  - image_size reads the header (the layout thread decodes nothing);
#  - `vgrun frame` of a scene showing it stays small (peak RSS; not under
#    the sanitizers, whose shadow memory says nothing of ours).
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch bigpics

cat > "$T/gen.py" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from make_png import png, halves
d = sys.argv[2]
RED, BLUE = b'\xff\x00\x00', b'\x00\x00\xff'
png(d + '/big.png', 8000, 8000, halves(8000, RED, BLUE), 2)
png(d + '/cut.png', 8000, 8000, halves(8000, RED, BLUE), 2, cut=True)
png(d + '/big_i.png', 6000, 3000, halves(6000, RED + b'\xff', BLUE + b'\x00'), 6, interlace=True)
def grad(y, x0, dx):
    return b''.join(bytes([x % 256, y % 256, (x * y) % 256, (x + 2 * y) % 256]) for x in range(x0, 300, dx))
png(d + '/small.png', 300, 200, grad, 6)
png(d + '/small_i.png', 300, 200, grad, 6, interlace=True)
PY
python3 "$T/gen.py" "$HERE" "$T" || { bad "could not make the test pictures"; vg_done; }

cat > "$T/check.lua" <<'LUA'
local core = require("vg.render_core")
local dir = arg[1]
local failed = false
local function bad(m) print("FAIL: " .. m); failed = true end
local function draw(path, W, H)
  return core.render({ width = W, height = H, background = "#ffffff",
    items = { { type = "image", path = path, x = 0, y = 0, w = W, h = H, id = "image" } } }, W, H)
end
local function near(b, x, y, r, g, bl, what)
  local pr, pg, pb = b:pixel(x, y)
  if math.abs(pr - r) > 8 or math.abs(pg - g) > 8 or math.abs(pb - bl) > 8 then
    bad(string.format("%s: pixel %d,%d is %d,%d,%d, not %d,%d,%d", what, x, y, pr, pg, pb, r, g, bl))
  end
end
-- 8000x8000, half red and half blue, in a 640x360 frame (contain: 360x360 centred)
local b, w = draw(dir .. "/big.png", 640, 360)
if not b then bad("big.png: " .. tostring(w)) else
  if w and w[1] then bad("big.png: warning " .. tostring(w[1].reason)) end
  near(b, 240, 180, 255, 0, 0, "big.png left half")
  near(b, 400, 180, 0, 0, 255, "big.png right half")
  near(b, 20, 180, 255, 255, 255, "big.png beside the picture")
  b:close()
end
-- interlaced 6000x3000 RGBA: left half opaque red, right half transparent
b, w = draw(dir .. "/big_i.png", 640, 360)
if not b then bad("big_i.png: " .. tostring(w)) else
  near(b, 160, 180, 255, 0, 0, "big_i.png left half")
  near(b, 480, 180, 255, 255, 255, "big_i.png right half (transparent)")
  b:close()
end
-- at its own size a picture is the same pixels interlaced or not
local a = assert(draw(dir .. "/small.png", 300, 200))
local c = assert(draw(dir .. "/small_i.png", 300, 200))
local d = c:diff(a, 0)
if d ~= 0 then bad("small.png and small_i.png differ: " .. d) end
a:close(); c:close()
local iw, ih = core.image_size(dir .. "/big.png")
if iw ~= 8000 or ih ~= 8000 then bad("image_size(big.png): " .. tostring(iw) .. "x" .. tostring(ih)) end
b, w = draw(dir .. "/cut.png", 640, 360)
if not (w and w[1] and tostring(w[1].reason):find("damaged", 1, true)) then
  bad("cut.png: no warning that it is damaged")
end
if b then b:close() end
if not failed then print("ok: large, interlaced, transparent and damaged pictures drawn right") end
os.exit(failed and 1 or 0)
LUA
timeout -k 10 300 "$VGRUN" "$T/check.lua" "$T" >"$T/out" 2>&1
rc=$?
cat "$T/out"
expect_rc 0 "the picture checks"

cat > "$T/pic.yaml" <<YAML
video: { id: pic, title: Pic }
scenes:
  - scene_type: title
    visual_content: { title: "Picture", image: "$T/big.png" }
    narration: "Hi."
YAML
# peak RSS of the child, in KB, from the parent's rusage
cat > "$T/rss.py" <<'PY'
import resource, subprocess, sys
rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
read -r rc kb < <(python3 "$T/rss.py" "$VGRUN" frame "$T/pic.yaml" --scene 1 -o "$T/f.png" --resolution 1280x720)
expect_rc 0 "vgrun frame of a scene with an 8000x8000 picture"
if [ -n "${ASAN_OPTIONS:-}" ]; then
  echo "skip: peak memory under the sanitizers ($kb KB)"
elif [ "$kb" -lt 150000 ]; then ok; echo "ok: vgrun frame with an 8000x8000 picture peaked at $kb KB"
else bad "vgrun frame with an 8000x8000 picture peaked at $kb KB (its pixels are 256 MB)"; fi
vg_done
