-- vgrun tasks list|show|resume|cancel|clean: the tasks in the state directory.
local core = require("vg.core")
local state = require("vg.state")

local SPEC

-- every message through shown.lines: a path in an error cannot drive the terminal
local shown = require("vg.shown")
local function eprintf(fmt, ...) io.stderr:write(shown.lines(string.format(fmt, ...))) end

local function when(t)
  if not t then return "-" end
  return os.date("%Y-%m-%d %H:%M:%S", math.floor(t))
end

-- The task named by args[1]: its state, or nil and the exit code.
local function load_task(args)
  local id = args[1]
  if not id then return nil, require("vg.args").usage_error(SPEC, "which task? (an ID from `vgrun tasks list`)") end
  local valid, why = state.check_id(id)
  if not valid then eprintf("vgrun tasks: %s\n", why); return nil, 2 end
  local doc, err = state.load(id)
  if err then eprintf("vgrun tasks: %s\n", err); return nil, 1 end
  if not doc then eprintf("vgrun tasks: no task '%s' in %s\n", id, state.dir()); return nil, 1 end
  return doc
end

-- Is task id running? Its lock says so, never a pid: after a kill -9 or a
-- reboot the pid in a state file may be anyone's. -> held, holder pid (only
-- when the holder is known for sure to be the vgrun that holds the lock)
local function lock_state(id)
  local held, pid = core.task_lock_probe(id)
  if held == nil then return nil, pid end  -- cannot tell: pid is the message
  return held, pid
end

-- The status to show: a task recorded as running whose lock nobody holds
-- (killed, or interrupted between two steps) is "stopped": resumable. A
-- task whose lock is held is running, whatever its file says.
local function shown_status(doc, id)
  local st = doc.status
  local held, pid = lock_state(id)
  if held then
    return "running", pid and string.format("running (process %d)", pid) or "running"
  end
  if held == false and (st == "running" or st == "pending") then
    return "stopped", string.format("stopped (no process holds its lock; `vgrun tasks resume %s` goes on)", id)
  end
  return st, st
end

-- What `tasks resume` runs again, from a state file (untrusted data): a
-- vgrun command (never `tasks` itself), or the script that started the task
-- while it is the same file (path and SHA-256 recorded at start). Plug-ins
-- it was given come back under the same rule. -> argv | nil, why
local function rerun_argv(inv, pipeline)
  local argv = { "--state-dir", state.dir() }
  local plugins, err = require("vg.plugins").check_recorded(inv.plugins)
  if not plugins then return nil, err end
  for _, p in ipairs(plugins) do argv[#argv + 1] = "--plugin"; argv[#argv + 1] = p end
  local first = inv.argv[1]
  local cli = require("vg.cli")
  local is_command = false
  for _, name in ipairs(cli.commands()) do
    if name == first then is_command = true end
  end
  if is_command then
    if first == "tasks" then return nil, "it records `vgrun tasks ...`, which is not a task's command" end
    -- vgrun records a command's own arguments only: a global option there
    -- (a plug-in to load, a file to write events to) was put in by hand
    for i = 2, #inv.argv do
      local a = inv.argv[i]
      if a == "--" then break end
      if a:match("^%-%-plugin") or a == "--no-plugins" or a:match("^%-%-events") or a:match("^%-%-state%-dir") then
        return nil, string.format("its command line holds the global option '%s', which vgrun never records", a)
      end
    end
    -- a command's task is of the pipeline of its name (`vgrun create`:
    -- "create"); another command (`vgrun say -o ~/notes.txt`) made no task
    -- and is not run from a state file
    if first ~= pipeline then
      return nil, string.format("it records `vgrun %s ...`, which does not run the task's pipeline '%s'",
        first, tostring(pipeline))
    end
  else
    local sc = inv.script
    if type(sc) ~= "table" or type(sc.path) ~= "string" or type(sc.sha256) ~= "string" then
      return nil, string.format("it records '%s', which is not a vgrun command, and no script "
        .. "checksum to check it against; run it yourself to go on", first)
    end
    if sc.path ~= first then
      return nil, string.format("it records '%s' but the script '%s'", first, sc.path)
    end
    local d = core.file_digest(first)
    if not d then return nil, "the script " .. first .. " is gone or not a regular file" end
    if d.sha256 ~= sc.sha256 then
      return nil, "the script " .. first .. " changed since the task started; run it yourself to go on"
    end
  end
  -- --overwrite is never taken from a state file: the outputs were claimed
  -- as vgrun's when the task started (create.claim), so a true resume needs
  -- no leave, and a forged one cannot replace a file of the user's
  local past, cmdline = false, {}
  for _, a in ipairs(inv.argv) do
    if a == "--" then past = true end
    if past or a ~= "--overwrite" then argv[#argv + 1] = a; cmdline[#cmdline + 1] = a end
  end
  return argv, nil, cmdline
end

local sub = {}

function sub.list()
  local ids = state.list()
  if #ids == 0 then print("no tasks in " .. state.dir()); return 0 end
  print(string.format("%-40s %-10s %-16s %s", "TASK", "STATUS", "PIPELINE", "UPDATED"))
  for _, id in ipairs(ids) do
    local doc, err = state.load(id)
    if doc then
      print(string.format("%-40s %-10s %-16s %s", id, (shown_status(doc, id)), doc.pipeline, when(doc.updated)))
    else
      print(string.format("%-40s %-10s %s", id, "invalid", err or ""))
    end
  end
  return 0
end

function sub.show(args)
  local id = args[1]
  local doc, code = load_task(args)
  if not doc then return code end
  if args.json then print(core.json_encode(doc, true)); return 0 end
  print(string.format("task      %s\npipeline  %s\nstatus    %s\nversion   %s\ncreated   %s\nupdated   %s\nstate     %s",
    id, doc.pipeline, select(2, shown_status(doc, id)), tostring(doc.version), when(doc.created), when(doc.updated), state.path(id)))
  if doc.invocation and doc.invocation.argv then
    local inv = doc.invocation
    local plug = {}
    for _, p in ipairs(type(inv.plugins) == "table" and inv.plugins or {}) do
      if type(p) == "table" and type(p.path) == "string" then plug[#plug + 1] = "--plugin " .. p.path .. " " end
    end
    print("resume    vgrun " .. table.concat(plug) .. table.concat(inv.argv, " ") .. "   (in " .. tostring(inv.cwd) .. ")")
    local why = select(2, rerun_argv(inv, doc.pipeline))
    if why then print("          (`vgrun tasks resume` will refuse: " .. why .. ")") end
  end
  print("stages:")
  for i, s in ipairs(doc.stages or {}) do
    print(string.format("  %d. %-20s %-10s %s%s", i, s.name, s.status,
      s.duration and string.format("%.3fs", s.duration) or "",
      s.attempts and s.attempts > 1 and string.format(" (%d attempts)", s.attempts) or ""))
    if s.error then print("       error: " .. (s.error.message or tostring(s.error.code or "(no reason recorded)"))) end
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

-- The task of args[1] and whether its lock is held -> doc, held, pid |
-- nil, exit code (the message said)
local function load_probed(args)
  local doc, code = load_task(args)
  if not doc then return nil, code end
  local held, pid = lock_state(args[1])
  if held == nil then eprintf("vgrun tasks: %s\n", pid); return nil, 1 end
  return doc, held, pid
end

function sub.resume(args)
  local id = args[1]
  local doc, held, pid = load_probed(args)
  if not doc then return held end
  if held then
    eprintf("vgrun tasks: task '%s' is running%s\n", id, pid and (" (process " .. pid .. ")") or "")
    return 1
  end
  local inv = doc.invocation
  if type(inv) ~= "table" or type(inv.argv) ~= "table" or #inv.argv == 0 then
    eprintf("vgrun tasks: task '%s' does not record how to resume it (it was not started by vgrun)\n", id)
    return 1
  end
  local argv, why, cmdline = rerun_argv(inv, doc.pipeline)
  if not argv then
    eprintf("vgrun tasks: not resuming '%s': %s\n", id, why)
    return 1
  end
  if inv.cwd then
    local ok, err = core.chdir(inv.cwd)
    if not ok then eprintf("vgrun tasks: cannot resume '%s': %s\n", id, err); return 1 end
  end
  if inv.script then
    eprintf("vgrun: resuming task %s: re-running the script %s (the same file as when the task started)\n",
      id, shown.name(inv.script.path))
  end
  -- the command line comes from the state file: each argument shown as a name
  local words = {}
  for i, w in ipairs(cmdline) do words[i] = shown.name(tostring(w)) end
  eprintf("vgrun: resuming task %s: vgrun %s\n", id, table.concat(words, " "))
  -- the request names the pipeline: only a task of that pipeline takes it
  -- with what the task was made from, so a command line edited alone (its
  -- task id given by --task-id) is caught before it runs
  local fp = type(doc.fingerprint) == "table" and doc.fingerprint or {}
  local made_from = {}
  for _, k in ipairs({ "--from", "-o" }) do
    if type(fp[k]) == "string" then made_from[k] = fp[k] end
  end
  local code, launch = require("vg.cli").main(argv,
    { resume = { task_id = id, pipeline = doc.pipeline, made_from = made_from } })
  if launch and launch.resume and code ~= 2 then
    eprintf("vgrun tasks: the run started no task of pipeline '%s': task '%s' was not resumed\n", doc.pipeline, id)
    if code == 0 then code = 1 end
  end
  return code
end

function sub.cancel(args)
  local id = args[1]
  local doc, held, pid = load_probed(args)
  if not doc then return held end
  if held then
    -- signal the process that holds the lock, and only when it is known to
    -- be the vgrun holding it: never a pid read from a file and not checked
    if not pid then
      eprintf("vgrun tasks: task '%s' is running in a process that cannot be identified; nothing was signalled\n", id)
      return 1
    end
    if pid == core.getpid() then
      eprintf("vgrun tasks: task '%s' runs in this process; cancel it with task:cancel()\n", id)
      return 1
    end
    local ok, err = core.kill(pid, 15)
    if not ok then eprintf("vgrun tasks: cannot signal process %d: %s\n", pid, err); return 1 end
    print(string.format("sent SIGTERM to process %d running task %s", pid, id))
    return 0
  end
  if doc.status ~= "running" and doc.status ~= "pending" then
    eprintf("vgrun tasks: task '%s' is not running (%s)\n", id, doc.status)
    return 1
  end
  -- no process holds it (killed): record what happened, under its lock
  local lock, err = core.task_lock(id)
  if not lock then eprintf("vgrun tasks: %s\n", err); return 1 end
  doc, err = state.load(id)
  local ok
  if doc then
    doc.status = "cancelled"
    ok, err = state.save(id, doc)
  end
  core.task_unlock(lock)
  if not ok then eprintf("vgrun tasks: %s\n", err or ("task '" .. id .. "' is gone")); return 1 end
  print("task " .. id .. " marked cancelled (no process was running it)")
  return 0
end

function sub.clean(args)
  local age = args.older_than or 7 * 86400
  local opts = { all = args.all, corrupt = args.corrupt }
  local removed, problems = state.clean(age, opts)
  for _, p in ipairs(problems) do eprintf("vgrun tasks: %s\n", p) end
  print(string.format("removed %d task%s", #removed, #removed == 1 and "" or "s"))
  return 0
end

-- Its parsers, --help, `vgrun help tasks`, vgrun-tasks(1) and completion.
local ID = { name = "ID", max = 1, complete = "tasks", too_many = "one ID at a time" }
local function AGE(v, name)
  local age = state.parse_age(v)
  if not age then return nil, name .. " wants an age like 7d, 12h, 30m" end
  return age
end
SPEC = {
  name = "tasks",
  summary = "list, show, resume, cancel and clean tasks",
  synopsis = { "list", "show ID [--json]", "resume ID", "cancel ID",
    "clean [--older-than AGE] [--all] [--corrupt]" },
  description = [[
Every `vgrun create` (and every pipeline a script runs) is a task with a
state file in the state folder. A task that was stopped (Ctrl-C, a crash, a
reboot) can be resumed: the stages it completed are not run again.]],
  subcommands = {
    { name = "list", summary = "every task: id, status, pipeline, updated" },
    { name = "show", synopsis = "ID [--json]", args = ID, summary = "one task: its stages, errors and context",
      options = { { "--json", help = "the task's state file as JSON" } } },
    { name = "resume", synopsis = "ID", args = ID,
      summary = "run the command or script that made ID again, skipping the stages it completed" },
    { name = "cancel", synopsis = "ID", args = ID,
      summary = "stop a running task (signals the vgrun that holds its lock)" },
    { name = "clean", synopsis = "[--older-than AGE] [--all] [--corrupt]", summary = "remove finished tasks",
      options = {
        { "--older-than", arg = "AGE", check = AGE, default = "7d", help = "only tasks older than AGE (units s m h d w)" },
        { "--all", help = "every finished task, whatever its age" },
        { "--corrupt", help = "also state files that cannot be read" } } },
  },
  options = {},
  env = { { "VGRUN_STATE_DIR", "where task state lives (else $XDG_STATE_HOME/vgrun, else ~/.local/state/vgrun)" } },
  exit = { { 0, "done" }, { 1, "no such task, or it cannot be resumed or cancelled" }, { 2, "usage error" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  run = function(args)
    local args_ = require("vg.args")
    local name = args[1]
    if name == "--help" or name == "-h" then io.write(require("vg.help").text("tasks")); return 0 end
    if name == nil then return args_.usage_error(SPEC, "list, show, resume, cancel or clean?") end
    local fn, spec = sub[name], nil
    for _, s in ipairs(SPEC.subcommands) do
      if s.name == name then
        spec = { name = "tasks", options = s.options or {}, args = s.args, synopsis = { name .. " " .. (s.synopsis or "") } }
      end
    end
    if not fn or not spec then return args_.usage_error(SPEC, string.format("unknown subcommand '%s'", name)) end
    local o, operands = args_.command(spec, table.move(args, 2, #args, 1, {}))
    if not o then return operands end
    if spec.args and #operands == 0 then
      return args_.usage_error(spec, "which task? (an ID from `vgrun tasks list`)")
    end
    for k, v in pairs(o) do operands[k] = v end
    return fn(operands)
  end,
}
