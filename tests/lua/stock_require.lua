-- Stock lua5.4 loads build/vg.so and runs a pipeline with it.
local dir = assert(arg[1], "usage: lua5.4 stock_require.lua BUILD_DIR")
package.cpath = dir .. "/?.so;" .. package.cpath
local vg = require("vg")
assert(type(vg.pipeline) == "function", "vg.pipeline missing")
local p = vg.pipeline{ name = "stock", stages = {
  function(ctx) vg.sleep(0.05); ctx.slept = true end,
  function(ctx) local r = vg.spawn("/bin/echo", { "ok" }); ctx.out = r.stdout end,
}}
local r = p:run("x", { save_state = false })
assert(r.success, r.errors[1] and r.errors[1].message)
assert(r.context.slept and r.context.out == "ok\n")
print("1 passed, 0 failed")
