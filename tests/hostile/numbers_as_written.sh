#!/usr/bin/env bash
# Numbers in a JSON or YAML document are shown and said as the document wrote
# them: 1e308 stays "1e308" (not "1e+308"), 2.5e-7 not "2.5e-07", 1.0 not
# "1", a 21-digit count not "1.2345678901234568e+20"; a zero is "0", never
# "-0".
#   VGRUN=build/vgrun tests/hostile/numbers_as_written.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch numbers-as-written
cd "$T" || exit 1
printf '{"title": "T", "scenes": [{"scene_type": "list", "visual_content": {"header": "Numbers", "items": [1e308, 2.5e-7, 123456789012345678901, 1.0, -0.0, 0.1]}}]}\n' >n.json
printf 'title: T\nscenes:\n  - scene_type: list\n    visual_content:\n      header: Numbers\n      items: [1e308, 2.5e-7, 1.0, -0.0, 0.1]\n' >n.yaml
for f in n.json n.yaml; do
  "$VGRUN" scenes --json "$f" >out.json 2>err.txt; rc=$?
  expect_rc 0 "scenes $f"
  python3 - "$f" >items.txt <<'PY' || bad "$f: no plan"
import json, sys
plan = json.load(open("out.json"))
s = [x for x in plan["scenes"] if x["type"] == "list"][0]
print("|".join(s["bullets"]))
print(s["narration"])
PY
  check "$f: 1e308 as written" has items.txt '^1e308|2\.5e-7|'
  check "$f: never 1e+308 nor e-07" hasnt items.txt 'e+308\|e-07'
  check "$f: 1.0 as written" has items.txt '|1\.0|'
  check "$f: no -0" hasnt items.txt '-0\b'
  check "$f: said as written" has items.txt 'Key points include 1e308, 2\.5e-7'
done
"$VGRUN" scenes --json n.json >out.json 2>/dev/null
check "n.json: a 21-digit count as written" has out.json '123456789012345678901'
vg_done
