#!/usr/bin/env bash
# `document:` of a file whose extension names a data or subtitle format
# (.yaml, .yml, .json, .srt, .vtt) reads it as that format, as the name
# alone does: a YAML file with a syntax error is refused by scenes and
# create alike, not narrated as prose and made into a video. text: still
# reads any file as plain text.
#   VGRUN=build/vgrun tests/cli/document_prefix_ext.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch document-prefix-ext
cd "$T" || exit 1
printf 'title: x\nscenes:\n  - a: [1, 2\n  b: }\n' >bad.yaml
cp bad.yaml bad.YML
printf '{"title": "x", "videos": [\n' >bad.json

for src in bad.yaml document:bad.yaml document:bad.YML; do
  "$VGRUN" scenes "$src" >out.txt 2>err.txt; rc=$?
  expect_rc 1 "scenes $src"
  check "scenes $src: the YAML error" has err.txt "YAML syntax error"
done
"$VGRUN" scenes document:bad.json >out.txt 2>err.txt; rc=$?
expect_rc 1 "scenes document:bad.json"
check "scenes document:bad.json: said as JSON" has err.txt "^bad.json:"
check "scenes document:bad.json: no plan printed" hasnt out.txt "scenes, about"

# create: refused before any video is made
"$VGRUN" create --from document:bad.yaml -o bad.mp4 --resolution 320x180 --fps 10 -q >out.txt 2>err.txt; rc=$?
[ "$rc" -ne 0 ] && ok || bad "create --from document:bad.yaml exited 0"
check "create: the YAML error" has err.txt "YAML syntax error"
[ ! -e bad.mp4 ] && ok || bad "create --from document:bad.yaml made bad.mp4"

# a good YAML and a subtitle file: the same plan with and without the prefix
cat >good.yaml <<'Y'
title: Good
scenes:
  - scene_type: title
    headline: Hello
  - scene_type: list
    headline: Points
    items: [one, two]
Y
printf '1\n00:00:01,000 --> 00:00:03,000\nHello there world.\n\n2\n00:00:04,000 --> 00:00:06,000\nSecond line here.\n' >talk.srt
for f in good.yaml talk.srt; do
  "$VGRUN" scenes --json "$f" >plain.json 2>/dev/null
  "$VGRUN" scenes --json "document:$f" >prefixed.json 2>/dev/null
  check "document:$f reads as $f" cmp -s plain.json prefixed.json
done

# a set's set_config.yaml: the set, with the prefix as without
mkdir set
printf 'videos:\n  - file: a.md\n' >set/set_config.yaml
printf '# Part A\n\nSome text.\n\n## More\n\n- one\n- two\n' >set/a.md
"$VGRUN" scenes --json set/set_config.yaml >plain.json 2>/dev/null
"$VGRUN" scenes --json document:set/set_config.yaml >prefixed.json 2>/dev/null
check "document:set_config.yaml reads as the set" cmp -s plain.json prefixed.json

# text: reads it as plain text, by choice
"$VGRUN" scenes text:bad.yaml >out.txt 2>err.txt; rc=$?
expect_rc 0 "scenes text:bad.yaml"
vg_done
