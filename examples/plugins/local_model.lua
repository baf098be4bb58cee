-- local_model.lua: a vgrun plug-in that lets a language model running on
-- this machine rewrite each scene's headline and narration.
--
--   llama-server -m model.gguf --port 8080          # llama.cpp, or: ollama serve
--   vgrun create --plugin examples/plugins/local_model.lua --from README.md -o readme.mp4
--
-- It adds a stage `local_model` to `vgrun create`, after the document is
-- loaded and before the narration is spoken. For every scene with narration
-- it POSTs the scene's text to an OpenAI-compatible endpoint
-- (`/chat/completions`: llama.cpp's server, Ollama, vLLM, LM Studio) and
-- takes {"headline": ..., "narration": ...} from the answer. When the
-- endpoint is not there, is slow or answers badly, the scenes keep the text
-- vgrun's rules made, and one warning says so: the video is always made.
--
-- Settings, from the environment:
--   VGRUN_LLM_URL      the API base (default http://127.0.0.1:8080/v1;
--                      Ollama: http://127.0.0.1:11434/v1)
--   VGRUN_LLM_MODEL    the model name sent (default "local"; Ollama wants one it has)
--   VGRUN_LLM_TIMEOUT  seconds one request may take (default 60)
--   VGRUN_LLM_ALLOW_REMOTE=1  allow a URL that is not this machine. Without
--                      it, a URL whose host is not loopback (localhost,
--                      127.0.0.0/8, ::1) is refused when the plug-in loads,
--                      before anything is sent.
--
-- HTTP goes through `curl` started with vg.spawn (arguments as a list, no
-- shell; the body on its standard input), so the loop keeps running while a
-- model thinks, the time is bounded by curl's --max-time, no proxy is used
-- for a loopback address, and ~/.curlrc is not read.
local vg = ...
local create = require("vg.create")

local URL = os.getenv("VGRUN_LLM_URL") or "http://127.0.0.1:8080/v1"
local MODEL = os.getenv("VGRUN_LLM_MODEL") or "local"
local TIMEOUT = tonumber(os.getenv("VGRUN_LLM_TIMEOUT") or "") or 60
local ALLOW_REMOTE = os.getenv("VGRUN_LLM_ALLOW_REMOTE") == "1"
local MAX_NARRATION = 2000   -- characters: a scene's narration, not an essay
local MAX_HEADLINE = 120

-- The URL: http(s)://host[:port]/path, and whether host is this machine.
local scheme, rest = URL:match("^(https?)://(.+)$")
if not scheme then error("VGRUN_LLM_URL " .. URL .. ": http://HOST[:PORT]/PATH expected", 0) end
-- The authority is only a host and a port, checked whole: a userinfo
-- ("127.0.0.1:8080@elsewhere", curl's user:password) or any other character
-- could make curl connect to another host than the one judged here.
local authority = rest:match("^([^/?#]*)")
local host = authority:match("^%[([%x:]+)%]:?%d*$") or authority:match("^([%w.-]+):?%d*$")
if not host or authority:find(":$") then
  error("VGRUN_LLM_URL " .. URL .. ": the host must be a name or address with an optional :PORT "
    .. "(no user name, no other characters)", 0)
end
local loopback = host == "localhost" or host == "::1" or host:match("^127%.%d+%.%d+%.%d+$") ~= nil
if not loopback and not ALLOW_REMOTE then
  error(string.format("local_model: %s is not on this machine; scene text is sent only to a loopback "
    .. "address unless VGRUN_LLM_ALLOW_REMOTE=1 is set", URL), 0)
end
local ENDPOINT = URL:gsub("/+$", "") .. "/chat/completions"

local PROMPT = [[You rewrite one slide of a narrated explainer video.
Reply with a JSON object only: {"headline": "...", "narration": "..."}.
headline: at most 12 words, what the slide is about. narration: what the
presenter says, 1 to 4 plain sentences, no markup, no URLs, no lists, in
the same language as the input.]]

-- The scene's headline field: the one its layout shows as a heading.
local HEAD_FIELDS = { "header", "title", "main_text", "question", "lesson_title", "problem_text" }
local function head_field(vc)
  for _, k in ipairs(HEAD_FIELDS) do
    if type(vc[k]) == "string" and vc[k] ~= "" then return k end
  end
end

local function clean(s, max)
  if type(s) ~= "string" then return nil end
  s = s:gsub("[%z\1-\31\127]", " "):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
  if s == "" or #s > max then return nil end
  return s
end

-- One request. Returns {headline=, narration=, field=} | nil, reason, fatal
-- (the endpoint is absent or timed out: asking again would only wait again).
local function ask(scene)
  local vc = type(scene.visual_content) == "table" and scene.visual_content or {}
  local hk = head_field(vc)
  local items = {}
  for _, it in ipairs(type(vc.items) == "table" and vc.items or {}) do
    if type(it) == "string" then items[#items + 1] = "- " .. it end
  end
  local user = string.format("Headline: %s\n%sNarration: %s", hk and vc[hk] or "",
    #items > 0 and ("Points:\n" .. table.concat(items, "\n") .. "\n") or "", scene.narration)
  local body = vg.json.encode({ model = MODEL, temperature = 0.2, stream = false,
    messages = { { role = "system", content = PROMPT }, { role = "user", content = user } } })
  local args = { "-q", "-sS", "--fail", "--max-time", tostring(TIMEOUT), "--connect-timeout", "3",
    "--max-filesize", "1000000", "--proto", "=http,https", "-H", "Content-Type: application/json",
    "--data-binary", "@-", ENDPOINT }
  if loopback then table.insert(args, 2, "--noproxy"); table.insert(args, 3, "*") end
  local r, err = vg.spawn("curl", args, { stdin = body })
  if not r then return nil, "curl could not start (" .. tostring(err) .. ")", true end
  if r.code ~= 0 then
    local why = (r.stderr or ""):gsub("%s+$", ""):gsub("^curl: %(%d+%) ", "")
    -- 7: cannot connect, 28: timed out, 6: no such host: the endpoint is not there
    return nil, why ~= "" and why or ("curl exit " .. r.code), r.code == 7 or r.code == 28 or r.code == 6
  end
  local ok, reply = pcall(vg.json.decode, r.stdout or "")
  local content = ok and type(reply) == "table" and type(reply.choices) == "table"
    and type(reply.choices[1]) == "table" and type(reply.choices[1].message) == "table"
    and reply.choices[1].message.content
  if type(content) ~= "string" then return nil, "the answer is not a chat completion" end
  -- models like to wrap JSON in a code fence
  content = content:gsub("^%s*```%w*%s*", ""):gsub("%s*```%s*$", "")
  local ok2, out = pcall(vg.json.decode, content)
  if not ok2 or type(out) ~= "table" then return nil, "the model did not answer with JSON" end
  local narration = clean(out.narration, MAX_NARRATION)
  if not narration then return nil, "the answer has no usable narration" end
  return { headline = clean(out.headline, MAX_HEADLINE), narration = narration, field = hk }
end

local function run(ctx, task)
  local asked, kept, reason, absent = 0, 0, nil, false
  for _, video in ipairs(type(ctx.videos) == "table" and ctx.videos or {}) do
    for _, scene in ipairs(type(video.scenes) == "table" and video.scenes or {}) do
      if type(scene) == "table" and type(scene.narration) == "string" and scene.narration:match("%S") then
        asked = asked + 1
        local got, why, fatal
        if not absent then got, why, fatal = ask(scene) end
        if got then
          scene.narration = got.narration
          if got.headline and got.field then scene.visual_content[got.field] = got.headline end
        else
          kept = kept + 1
          reason = reason or why
          absent = absent or fatal   -- not there: the other scenes are not asked
        end
      end
    end
  end
  -- one warning, however many scenes kept their text
  if kept > 0 then
    task:warn(string.format("local model at %s: %s; %d of %d scenes keep the text vgrun's rules made",
      ENDPOINT, tostring(reason), kept, asked))
  end
end

create.add_stage(vg.stage{ name = "local_model", run = run }, { before = "narrate" })
