-- vg.batch.slurm: a batch as a Slurm array job, one array task per shard,
-- each running `vgrun batch … --shard $SLURM_ARRAY_TASK_ID/N`. Slurm is
-- the scheduler; vgrun only writes the script, submits it and waits.
local vg = require("vg")
local core = require("vg.core")

local M = {}

local function q(s)
  s = tostring(s)
  if s:match("^[%w%%+,./:=@_-]+$") then return s end
  return "'" .. s:gsub("'", "'\\''") .. "'"
end
M.quote = q

-- sbatch reads --output as a pattern: %j, %x, %A ... are replaced (a folder
-- "a%jb" would be "a412b", so the job fails to open its log or writes it
-- elsewhere), "%%" is one "%", and a backslash anywhere turns every pattern
-- off and is dropped ("b\c" is "bc"). --chdir is taken as it is.
local function pattern_folder(path)
  -- sbatch makes a relative --output absolute first: no way around it
  if path:find("\\", 1, true) then
    return nil, path .. ": a backslash in this folder's name cannot be given to sbatch's --output"
      .. " for the jobs' logs (Slurm drops it and the job fails to start); choose an output folder"
      .. " whose path has none"
  end
  return (path:gsub("%%", "%%%%"))
end

--- placed(cfg) -> sbatch's options that name folders: the log files and the
--- working folder | nil, message. They go on sbatch's command line (exact
--- arguments) as well as in the script.
function M.placed(cfg)
  local logs, err = pattern_folder(cfg.logs)
  if not logs then return nil, err end
  return { "--output=" .. logs .. "/slurm-%A_%a.out", "--chdir=" .. cfg.cwd }
end

-- A #SBATCH line is one line read by sbatch's own word splitter: a path with
-- a line break would end it and put the rest of the name on a line of its
-- own, which bash runs (a folder named "x\ntouch ~/owned" is a command), and
-- a space or a quote would cut it. Such an option is left to the command line.
local function directive(opt)
  if opt:find("[%c%s\"'\\]") then
    return "# " .. opt:match("^(%-%-%w+)") .. ": given on sbatch's command line (the path cannot be a #SBATCH line)"
  end
  return "#SBATCH " .. opt
end

--- script(cfg) -> text. cfg: exe, argv (the batch's own arguments, without
--- --slurm/--shards/--wait/--retry-failed), shards, outdir, cwd, logs
function M.script(cfg)
  local lines = {
    "#!/bin/bash",
    "# written by `vgrun batch --slurm`; one array task per shard of the inputs",
    "#SBATCH --job-name=vgrun-batch",
    "#SBATCH --array=1-" .. cfg.shards,
  }
  for _, opt in ipairs(M.placed(cfg) or {}) do lines[#lines + 1] = directive(opt) end
  lines[#lines + 1] = "set -e"
  for _, k in ipairs({ "VGRUN_CACHE_DIR", "VGRUN_LUA_DIR", "XDG_CACHE_HOME" }) do
    local v = os.getenv(k)
    if v and v ~= "" then lines[#lines + 1] = "export " .. k .. "=" .. q(v) end
  end
  local cmd = { q(cfg.exe), "batch" }
  for _, a in ipairs(cfg.argv) do cmd[#cmd + 1] = q(a) end
  cmd[#cmd + 1] = "--shard"
  cmd[#cmd + 1] = '"$SLURM_ARRAY_TASK_ID/' .. cfg.shards .. '"'
  cmd[#cmd + 1] = '"$@"'
  lines[#lines + 1] = "exec " .. table.concat(cmd, " ")
  return table.concat(lines, "\n") .. "\n"
end

--- submit(script_path, array, sbatch_args, script_args [, placed]) -> job id | nil, message
--- placed: M.placed(cfg), before the user's sbatch_args (which may change them)
function M.submit(path, array, sbatch_args, script_args, placed)
  local args = { "--parsable" }
  if array then args[#args + 1] = "--array=" .. array end
  for _, a in ipairs(placed or {}) do args[#args + 1] = a end
  for _, a in ipairs(sbatch_args) do args[#args + 1] = a end
  args[#args + 1] = path
  for _, a in ipairs(script_args or {}) do args[#args + 1] = a end
  local res, err = vg.spawn("sbatch", args)
  if not res then return nil, tostring(err) .. " (is Slurm's sbatch installed here?)" end
  if res.code ~= 0 then return nil, "sbatch: " .. (res.stderr:gsub("%s+$", "")) end
  local id = res.stdout:match("^%s*(%d+)")
  if not id then return nil, "sbatch printed no job id: " .. res.stdout end
  return id
end

--- wait(job) -> { [task] = state }: polls squeue until the array is gone
--- (sbatch --wait notices only after ~10 s), then reads each task's end.
function M.wait(job, on_tick)
  while true do
    local res = vg.spawn("squeue", { "-h", "-j", job, "-o", "%i %T" })
    if not res then return nil, "squeue cannot be run" end
    if res.code == 0 and not res.stdout:match("%S") then break end
    if res.code ~= 0 and res.stderr:match("Invalid job id") then break end
    if on_tick then on_tick(res.stdout) end
    vg.sleep(0.2)
  end
  local states = {}
  local res = vg.spawn("scontrol", { "-o", "show", "job", job })
  if res and res.code == 0 then
    for line in res.stdout:gmatch("[^\n]+") do
      local task = line:match("ArrayTaskId=(%d+)")
      local st = line:match("JobState=(%S+)")
      if task and st then states[tonumber(task)] = st end
    end
  end
  return states
end

return M
