#!/usr/bin/env bash
# What vgrun serve's errors echo of an upload's name is bounded and escaped:
# a 415 for a 5000-byte file name held the whole name; now its start and
# end around "…", control characters as \xNN (vg.shown.cut).
#   VGRUN=build/vgrun tests/serve/upload_names.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch upload-names
cd "$T" || exit 1
cat >names.lua <<'LUA'
local up = require("vg.serve.upload")
local input = require("vg.serve.tasks.input")
local function multipart(name)
  local b = "BOUND"
  return { headers = { ["content-type"] = "multipart/form-data; boundary=" .. b },
    body = "--" .. b .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" .. name
      .. "\"\r\nContent-Type: application/octet-stream\r\n\r\nhello\r\n--" .. b .. "--\r\n" }
end
local function show(tag, msg) print(tag .. " " .. #msg .. " " .. msg) end
local _, code, msg = up.document(multipart(string.rep("a", 5000) .. "\27[2J.exe"))
print("code " .. tostring(code))
show("long", msg)
_, code, msg = up.document({ headers = { ["content-type"] = "image/" .. string.rep("p", 5000) }, body = "x" })
show("ctype", msg)
local _, emsg = input.extension(string.rep("é", 3000) .. ".bin")
show("ext", emsg)
LUA
"$VGRUN" names.lua >out.txt 2>err.txt; rc=$?
expect_rc 0 "the script ran"
check "415" has out.txt '^code 415$'
check "long name bounded" awk '/^long /{ exit !($2 < 300) }' out.txt
check "long name: start, …, end" has out.txt '^long [0-9]* aaaa*…aa*\\x1b\[2J\.exe: not a document'
check "content type bounded" awk '/^ctype /{ exit !($2 < 300) }' out.txt
check "content type cut" has out.txt '^ctype [0-9]* Content-Type image/pp*…pp*.* is not a document'
check "extension message bounded" has out.txt '^ext [0-9]* éé*…éé*\.bin: not a document type'
check "no raw ESC" bash -c "! grep -q $'\e' out.txt"
vg_done
