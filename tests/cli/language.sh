#!/usr/bin/env bash
# --language BCP47 (issue 13): create, scenes and check take the document's
# language over front matter and detection, so the voice and the phrases
# vgrun adds follow it; a bad tag is a usage error. vgrun batch passes
# --detail, --language and --keep-timing (transcripts only) to every
# document and refuses --audio.
. "$(dirname "$0")/../lib.sh"
vg_scratch language
export XDG_CONFIG_HOME="$T/cfg"
cd "$T" || exit 1
field() { grep -o "\"$1\":[[:space:]]*[^,}]*" "$2" | head -1 | sed 's/^[^:]*:[[:space:]]*//; s/"//g'; }

cat >doc.md <<'MD'
---
lang: en
---
# Harbour Notes

The harbour opens at six in the morning. Boats leave when the tide allows it. The café by the pier sells tea.

- Ropes are checked daily
- Nets are dried on the quay
MD

# scenes and check: the tag wins over front matter
"$VGRUN" scenes --language de doc.md >s.out 2>&1 || bad "scenes --language de: $(cat s.out)"
grep -q "Willkommen" s.out || bad "scenes --language de: no German welcome: $(cat s.out)"
grep -q "de, voice de" s.out || bad "scenes --language de: not the German voice: $(head -1 s.out)"
"$VGRUN" scenes --json --language pt-BR doc.md >j.out 2>&1 || bad "scenes --language pt-BR: $(cat j.out)"
grep -q '"language":"pt-BR"' j.out || bad "scenes --json --language pt-BR: $(head -c 300 j.out)"
"$VGRUN" check --language ko doc.md >c.out 2>&1 || bad "check --language ko: $(cat c.out)"
for c in scenes check create; do
  for tag in 'x!' 1 'en-' 'de-toolongsubtag' '' klingon; do
    "$VGRUN" $c doc.md --language "$tag" -o "$T/bad.mp4" >b.out 2>&1
    [ $? = 2 ] || bad "$c --language '$tag': exit not 2: $(cat b.out)"
    grep -q "language" b.out || bad "$c --language '$tag': message does not name the option: $(cat b.out)"
  done
done
[ -e bad.mp4 ] && bad "a bad --language made a video"
# a well-formed tag vgrun has neither a voice nor phrases for: said in English, and told
"$VGRUN" scenes --language xx-YY doc.md >u.out 2>&1 || bad "scenes --language xx-YY: $(cat u.out)"
grep -q "no voice or phrases for the language 'xx-YY'" u.out || bad "an unknown language is not told: $(cat u.out)"
"$VGRUN" scenes --language de doc.md 2>&1 | grep -q "no voice or phrases" && bad "German is told as unknown"
"$VGRUN" create --help | grep -q -- "--language BCP47" || bad "create --help does not list --language BCP47"

# create: timing.json names the language and its voice; a named voice stays
"$VGRUN" create doc.md -o fr.mp4 --language fr --resolution 320x180 --fps 6 -q >cr.out 2>&1 || bad "create --language fr: $(cat cr.out)"
[ "$(field language fr.timing.json)" = fr ] || bad "create --language fr: timing.json language $(field language fr.timing.json)"
[ "$(field voice fr.timing.json)" = fr ] || bad "create --language fr: timing.json voice $(field voice fr.timing.json)"
"$VGRUN" create doc.md -o fv.mp4 --language fr --voice female --resolution 320x180 --fps 6 -q >cr.out 2>&1 || bad "create --voice female --language fr: $(cat cr.out)"
[ "$(field voice fv.timing.json)" = female ] || bad "--voice female with --language fr: voice $(field voice fv.timing.json)"

# batch: --language and --detail reach every document; --keep-timing only transcripts
printf '1\n00:00:01,000 --> 00:00:03,000\nHello there, friends.\n\n2\n00:00:09,000 --> 00:00:11,000\nAnd goodbye now.\n' >talk.srt
"$VGRUN" batch doc.md talk.srt -o sum --resolution 320x180 --fps 6 >b1.out 2>&1 || bad "batch: $(cat b1.out)"
"$VGRUN" batch doc.md talk.srt -o full --language de --detail full --keep-timing --resolution 320x180 --fps 6 \
  >b2.out 2>&1 || bad "batch --language de --detail full --keep-timing: $(cat b2.out)"
[ "$(field language full/doc.timing.json)" = de ] || bad "batch --language de: $(field language full/doc.timing.json)"
[ "$(field language sum/doc.timing.json)" = en ] || bad "batch default language: $(field language sum/doc.timing.json)"
"$VGRUN" scenes --language de --detail full doc.md >sf.out 2>&1
"$VGRUN" scenes --language de doc.md >ss.out 2>&1
grep -q "Boats leave" sf.out || bad "scenes --detail full: the second sentence is not said"
grep -q "Boats leave" ss.out && bad "scenes (summary): the second sentence is said"
# --keep-timing: the second cue starts at 9 s on the original timeline
start=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["scenes"][1]["start"])' full/talk.timing.json)
awk -v s="$start" 'BEGIN { exit !(s >= 8.5 && s <= 9.5) }' || bad "batch --keep-timing: second cue starts at $start, want 9"
"$VGRUN" batch doc.md -o aud --audio talk.srt >a.out 2>&1
[ $? = 2 ] || bad "batch --audio: exit not 2: $(cat a.out)"
grep -q -- "--audio" a.out || bad "batch --audio: no message: $(cat a.out)"
[ -e aud ] && bad "batch --audio made its folder"

# a tag in another case, or a locale as $LANG writes it, is the language
for pair in "EN:en" "de_DE.UTF-8:de-DE" "pt_br:pt-BR" "sr_RS@latin:sr-RS" "zh-hant-tw:zh-Hant-TW"; do
  "$VGRUN" scenes --json --language "${pair%%:*}" doc.md >lang.out 2>&1 || bad "--language ${pair%%:*}: $(head -c 200 lang.out)"
  grep -q "\"language\":\"${pair#*:}\"" lang.out || bad "--language ${pair%%:*} is not read as ${pair#*:}: $(head -c 200 lang.out)"
done

[ $fail = 0 ] && echo "ok: --language and batch options"
exit $((fail > 0))
