-- vgrun tasks list|show|resume|cancel|clean: the tasks in the state directory.
local core = require("vg.core")
local state = require("vg.state")

local USAGE = [[
usage: vgrun tasks list                      every task: id, status, pipeline, updated
       vgrun tasks show ID [--json]          one task: its stages, errors and context
       vgrun tasks resume ID                 run the command or script that made ID again,
                                             skipping the stages it completed
       vgrun tasks cancel ID                 stop a running task (signals its process)
       vgrun tasks clean [--older-than AGE] [--all] [--corrupt]
                                             remove finished tasks older than AGE
                                             (default 7d; units s m h d w)
]]

local function eprintf(fmt, ...) io.stderr:write(string.format(fmt, ...)) end

local function when(t)
  if not t then return "-" end
  return os.date("%Y-%m-%d %H:%M:%S", math.floor(t))
end

-- The task named by args[1]: its state, or nil and the exit code.
local function load_task(args)
  local id = args[1]
  if not id then eprintf(USAGE); return nil, 2 end
  if not state.valid_id(id) then
    eprintf("vgrun tasks: invalid task id '%s': use 1 to 128 of A-Z a-z 0-9 . _ -\n", tostring(id))
    return nil, 2
  end
  local doc, err = state.load(id)
  if err then eprintf("vgrun tasks: %s\n", err); return nil, 1 end
  if not doc then eprintf("vgrun tasks: no task '%s' in %s\n", id, state.dir()); return nil, 1 end
  return doc
end

local function process_alive(pid)
  return pid and pid > 0 and core.kill(pid, 0) ~= nil
end

-- The status to show: a task recorded as running whose process is gone
-- (killed, or interrupted between two steps) is "stopped": resumable.
local function shown_status(doc)
  local st = doc.status or "?"
  if (st == "running" or st == "pending") and doc.pid and not process_alive(doc.pid) then
    return "stopped", string.format("stopped (its process %d is gone; `vgrun tasks resume %s` goes on)",
      doc.pid, tostring(doc.task_id))
  end
  return st, st
end

local sub = {}

function sub.list()
  local ids = state.list()
  if #ids == 0 then print("no tasks in " .. state.dir()); return 0 end
  print(string.format("%-40s %-10s %-16s %s", "TASK", "STATUS", "PIPELINE", "UPDATED"))
  for _, id in ipairs(ids) do
    local doc, err = state.load(id)
    if doc then
      print(string.format("%-40s %-10s %-16s %s", id, (shown_status(doc)), doc.pipeline or "?", when(doc.updated)))
    else
      print(string.format("%-40s %-10s %s", id, "corrupt", err or ""))
    end
  end
  return 0
end

function sub.show(args)
  local id = args[1]
  local doc, code = load_task(args)
  if not doc then return code end
  if args[2] == "--json" then print(core.json_encode(doc, true)); return 0 end
  print(string.format("task      %s\npipeline  %s\nstatus    %s\nversion   %s\ncreated   %s\nupdated   %s\nstate     %s",
    doc.task_id, doc.pipeline, select(2, shown_status(doc)), tostring(doc.version), when(doc.created), when(doc.updated), state.path(id)))
  if doc.invocation and doc.invocation.argv then
    print("resume    vgrun " .. table.concat(doc.invocation.argv, " ") .. "   (in " .. tostring(doc.invocation.cwd) .. ")")
  end
  print("stages:")
  for i, s in ipairs(doc.stages or {}) do
    print(string.format("  %d. %-20s %-10s %s%s", i, s.name, s.status,
      s.duration and string.format("%.3fs", s.duration) or "",
      s.attempts and s.attempts > 1 and string.format(" (%d attempts)", s.attempts) or ""))
    if s.error and s.error ~= core.null then print("       error: " .. tostring(s.error.message)) end
  end
  -- what a video pipeline made or took from the cache, and why
  local outputs = type(doc.context) == "table" and doc.context.outputs
  for _, out in ipairs(type(outputs) == "table" and outputs or {}) do
    if type(out) == "table" and type(out.scenes) == "table" then
      print(string.format("output %s:", tostring(out.path)))
      for _, sc in ipairs(out.scenes) do
        print(string.format("  %-24s %s", tostring(sc.id), sc.cached and "from cache" or ("made (" .. tostring(sc.reason) .. ")")))
      end
    end
  end
  return 0
end

function sub.resume(args)
  local id = args[1]
  local doc, code = load_task(args)
  if not doc then return code end
  if doc.status == "running" and process_alive(doc.pid) and doc.pid ~= core.getpid() then
    eprintf("vgrun tasks: task '%s' is running (pid %d)\n", id, doc.pid)
    return 1
  end
  local inv = doc.invocation
  if type(inv) ~= "table" or type(inv.argv) ~= "table" or #inv.argv == 0 then
    eprintf("vgrun tasks: task '%s' does not record how to resume it (it was not started by vgrun)\n", id)
    return 1
  end
  if inv.cwd then
    local ok, err = core.chdir(inv.cwd)
    if not ok then eprintf("vgrun tasks: cannot resume '%s': %s\n", id, err); return 1 end
  end
  require("vg.pipeline").resume_request = id
  io.stderr:write(string.format("vgrun: resuming task %s: vgrun %s\n", id, table.concat(inv.argv, " ")))
  local argv = { "--state-dir", state.dir() }
  for _, a in ipairs(inv.argv) do argv[#argv + 1] = a end
  return require("vg.cli").main(argv)
end

function sub.cancel(args)
  local id = args[1]
  local doc, code = load_task(args)
  if not doc then return code end
  if doc.status ~= "running" and doc.status ~= "pending" then
    eprintf("vgrun tasks: task '%s' is not running (%s)\n", id, tostring(doc.status))
    return 1
  end
  if process_alive(doc.pid) and doc.pid ~= core.getpid() then
    core.kill(doc.pid, 15)
    print(string.format("sent SIGTERM to pid %d running task %s", doc.pid, id))
    return 0
  end
  -- its process is gone (killed): record what happened
  doc.status = "cancelled"
  local ok, err = state.save(doc)
  if not ok then eprintf("vgrun tasks: %s\n", err); return 1 end
  print("task " .. id .. " marked cancelled (its process was gone)")
  return 0
end

function sub.clean(args)
  local age, opts = 7 * 86400, {}
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "--older-than" then
      age = state.parse_age(args[i + 1] or "")
      if not age then eprintf("vgrun tasks clean: --older-than wants an age like 7d, 12h, 30m\n"); return 2 end
      i = i + 2
    elseif a == "--all" then opts.all = true; i = i + 1
    elseif a == "--corrupt" then opts.corrupt = true; i = i + 1
    else eprintf("vgrun tasks clean: unknown argument '%s'\n%s", a, USAGE); return 2 end
  end
  local removed, problems = state.clean(age, opts)
  for _, p in ipairs(problems) do eprintf("vgrun tasks: %s\n", p) end
  print(string.format("removed %d task%s", #removed, #removed == 1 and "" or "s"))
  return 0
end

return {
  summary = "list, show, resume, cancel and clean tasks",
  usage = USAGE,
  run = function(args)
    local name = args[1]
    if name == nil or name == "--help" or name == "-h" then
      io.write(USAGE)
      return name and 0 or 2
    end
    local fn = sub[name]
    if not fn then eprintf("vgrun tasks: unknown subcommand '%s'\n%s", name, USAGE); return 2 end
    return fn(table.move(args, 2, #args, 1, {}))
  end,
}
