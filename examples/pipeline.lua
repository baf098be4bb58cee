-- examples/pipeline.lua: a pipeline of Lua stages, run with
--   build/vgrun examples/pipeline.lua [TEXT]
-- Shows stages sharing a context, progress, retries, a child process,
-- two tasks at once, events, and resuming a task by id.
local vg = require("vg")

local text = arg[1] or "vgrun turns documents into narrated explainer videos"

vg.on("stage.completed", function(ev)
  print(string.format("  [%s] %s done", ev.task_id, ev.stage))
end)

local count = vg.pipeline{ name = "words", stages = {
  vg.stage{ name = "split", run = function(ctx, task)
    ctx.words = {}
    for w in ctx.input:gmatch("%S+") do ctx.words[#ctx.words + 1] = w end
    task:progress(1, #ctx.words .. " words")
  end },
  vg.stage{ name = "upper", retries = 2, backoff = 0.05, run = function(ctx)
    -- a child process, waited for without blocking the other task
    local r = assert(vg.spawn("tr", { "a-z", "A-Z" }, { stdin = table.concat(ctx.words, " ") }))
    ctx.upper = r.stdout
  end },
  vg.stage{ name = "pause", run = function() vg.sleep(0.2) end },
}}

-- two tasks at once on one loop
local a = count:start(text, { task_id = "example-a" })
local b = count:start("a second, shorter text", { task_id = "example-b" })
local ra, rb = vg.wait(a, b)
print(ra.task_id, ra.status, ra.context.upper)
print(rb.task_id, rb.status, rb.context.upper)

-- run it again with resume: every stage is skipped, the context comes back
local again = count:run(text, { task_id = "example-a", resume = true })
print("resumed:", again.status, #again.context.words .. " words")
