#!/usr/bin/env bash
# tests/quality/split.sh: lay out first, then split (issue 13). `vgrun create`
# makes a list too full for a square or vertical frame into several scenes
# (nothing cut, nothing shrunk below a readable size), each with its share of
# the narration, the same plan `vgrun scenes` shows for that frame; the list
# stays one scene at 16:9; --duration still lands within 15 % when scenes are
# split; the same input gives the same scenes.
. "$(dirname "$0")/../lib.sh"
vg_need ffprobe
vg_scratch split --own-cache

# eight items of about twelve words: one list scene for the Markdown reader
{
  printf '# Publishing\n\n## Before you publish\n\nCheck these points before the video goes out.\n\n'
  for w in alpha bravo charlie delta echo foxtrot golf hotel; do
    printf -- '- Make sure the %s subtitles were reviewed by somebody who speaks it\n' "$w"
  done
} >"$T/list.md"

# the scene ids of a timing.json or of a plan (`vgrun scenes --json`)
ids() { "$VGRUN" -e 'local f = io.open(arg[1]); local d = require("vg").json.decode(f:read("a")); f:close()
  local o = {} for _, s in ipairs(d.scenes) do o[#o + 1] = s.id end print(table.concat(o, " "))' "$1"; }

# a YAML list of ten long items (the Markdown reader never splits it) and a
# narration that names some of them
{
  printf 'video: { id: checks, title: "Checks" }\nscenes:\n  - scene_type: list\n'
  printf '    narration: "Before you publish, check ten things. Alpha comes first. Then juliet, last."\n'
  printf '    visual_content:\n      header: "Before you publish"\n      items:\n'
  for w in alpha bravo charlie delta echo foxtrot golf hotel india juliet; do
    printf '        - "%s: make sure the subtitles were reviewed by somebody who speaks the language of the video well, and that every name, number and date in them matches what is said"\n' "$w"
  done
} >"$T/list.yaml"

for case in list.md:288x288 list.md:270x480 list.yaml:270x480; do
  doc=${case%%:*} res=${case#*:}
  [ "$doc:$res" = "list.md:270x480" ] && continue   # the tall frame: below
  "$VGRUN" create "$T/$doc" -o "$T/l-$res.mp4" --resolution "$res" --fps 12 --captions burn,srt \
    >"$T/l-$res.log" 2>&1 || { bad "create $doc $res: $(cat "$T/l-$res.log")"; continue; }
  grep -q "was cut\|was shrunk" "$T/l-$res.log" && bad "$res: text cut or shrunk: $(cat "$T/l-$res.log")"
  got=$(ids "$T/l-$res.timing.json")
  case " $got " in *"_2 "*) ;; *) bad "$doc $res: the list was not split: $got" ;; esac
  # the plan `vgrun scenes` shows for that frame is the video's
  "$VGRUN" scenes "$T/$doc" --resolution "$res" --captions burn --json >"$T/p-$res.json" 2>/dev/null
  [ "$(ids "$T/p-$res.json")" = "$got" ] || bad "$res: scenes shows $(ids "$T/p-$res.json"), the video has $got"
  # the narration is said whole, in order, over the parts
  for said in "Check these points|Before you publish, check ten things" "Alpha comes first|Check these points" "Then juliet, last|Check these points"; do
    grep -Eq "$said" "$T/l-$res.srt" || bad "$doc $res: '$said' is not said"
  done
done
# the YAML list's narration: the first part says the introduction, the part
# showing juliet says "Then juliet, last."
"$VGRUN" -e 'local f = io.open(arg[1]); local d = require("vg").json.decode(f:read("a")); f:close()
  local first, last = d.scenes[1], d.scenes[#d.scenes]
  assert(first.narration:find("check ten things", 1, true), "intro: " .. first.narration)
  assert(#d.scenes > 1 and last.narration:find("juliet, last", 1, true), "juliet: " .. tostring(last.narration))
  assert(not first.narration:find("juliet, last", 1, true), "said too early")' "$T/p-270x480.json" \
  || bad "the YAML list's narration is not shared by its parts"
# six of those headlines fit a tall frame at a size a phone reads (44 or
# more): one scene, nothing shrunk; eight are split (they fit only at 40)
head -n 12 "$T/list.md" >"$T/list6.md"
"$VGRUN" scenes "$T/list6.md" --resolution 270x480 --captions burn --json >"$T/p-tall.json" 2>/dev/null
case " $(ids "$T/p-tall.json") " in *"_2 "*) bad "9:16: the headlines were split though they fit" ;; esac
"$VGRUN" scenes "$T/list.md" --resolution 270x480 --captions burn --json >"$T/p-tall8.json" 2>/dev/null
case " $(ids "$T/p-tall8.json") " in *"_2 "*) ;; *) bad "9:16: eight headlines were not split" ;; esac
# the same input, the same scenes
"$VGRUN" scenes "$T/list.md" --resolution 288x288 --captions burn --json >"$T/p2.json" 2>/dev/null
cmp -s "$T/p-288x288.json" "$T/p2.json" || bad "the plan differs between two runs"

# at 16:9 the list fits: one scene
"$VGRUN" scenes "$T/list.md" --json >"$T/p-wide.json" 2>/dev/null
case " $(ids "$T/p-wide.json") " in *"_2 "*) bad "16:9: split though it fits: $(ids "$T/p-wide.json")" ;; esac

# --duration still lands when the frame splits scenes (a real document
# whose agenda and lists are split in a square frame with captions burnt)
DOC="$HERE/corpus/aocl-ja.md"
"$VGRUN" scenes "$DOC" --resolution 288x288 --captions burn --json --duration 120 >"$T/ja.json" 2>/dev/null
case " $(ids "$T/ja.json") " in *"_2 "*) ;; *) bad "aocl-ja: nothing split at 288x288 (the test lost its point)" ;; esac
"$VGRUN" create "$DOC" -o "$T/ja.mp4" --resolution 288x288 --fps 12 --duration 120 --captions burn \
  >"$T/ja.log" 2>&1 || bad "create aocl-ja: $(tail -3 "$T/ja.log")"
grep -q "was cut" "$T/ja.log" && bad "aocl-ja: text cut: $(grep "was cut" "$T/ja.log")"
len=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$T/ja.mp4" 2>/dev/null)
awk -v l="${len:-0}" 'BEGIN { exit !(l >= 102 && l <= 138) }' || bad "aocl-ja --duration 120 at 288x288: ${len:-no video} s"

# a document of many long lists, split for a square frame with the captions'
# band: --duration 90 lands within the 15 % asked of --duration (the parts
# add reading time; past 5 % the document is loaded again for less:
# tests/render/split_spec.lua checks that step on the estimate)
{
  printf '# Team\n\nThe people who keep the project going.\n\n'
  for g in 1 2 3 4 5 6 7 8; do
    printf '## Group %s\n\nMembers of group %s, who review changes in their area.\n\n' "$g" "$g"
    for n in anna ben carla dario emil fatima goran hana ivan julia; do
      printf -- '- %s%s - %s Larsen <%s.larsen@example.org> (reviews the build part)\n' "$n" "$g" "$n" "$n"
    done
    printf '\n'
  done
} >"$T/team.md"
"$VGRUN" create "$T/team.md" -o "$T/team.mp4" --resolution 288x288 --fps 12 --duration 90 --captions burn \
  >"$T/team.log" 2>&1 || bad "create team.md: $(tail -3 "$T/team.log")"
grep -q "was cut" "$T/team.log" && bad "team.md: text cut"
len=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$T/team.mp4" 2>/dev/null)
awk -v l="${len:-0}" 'BEGIN { exit !(l >= 76.5 && l <= 103.5) }' || bad "team.md --duration 90 at 288x288: ${len:-no video} s"
case " $(ids "$T/team.timing.json") " in *"_2 "*) ;; *) bad "team.md: nothing split (the test lost its point)" ;; esac

vg_done
