#!/usr/bin/env bash
# `vgrun create --audio FILE` and a document's video id: every message that
# names them shows a line break, ESC and BEL as \xNN, on one line (the
# recording's own errors come from C, stages/encode/recording.c; the id's
# from the validator, stages/input/validate.c; the rest from Lua).
#   VGRUN=build/vgrun tests/cli/audio_id_shown.sh
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch audio-id-shown
cd "$T" || exit 1
raw() { ! LC_ALL=C grep -q $'[\e\a\r]' "$1" || { echo "--- $1:" >&2; cat -A "$1" >&2; return 1; }; }
printf '# Good\n\nA short page.\n' >good.md
printf '# A\n\n## One\n\nText one.\n\n## Two\n\nText two.\n' >two.md
python3 -c "
import sys, wave
w = wave.open(sys.argv[1], 'wb'); w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000)
w.writeframes(b'\0\0' * 16000); w.close()" $'rec\n\e[2J.wav'
printf 'RIFF' >$'bad\n\a.wav'

"$VGRUN" create --from good.md --audio $'missing\n\e[2J.wav' -o x.mp4 >out.txt 2>err.txt; rc=$?
expect_rc 2 "--audio MISSING"
check "--audio MISSING: one line, escaped" has err.txt '^vgrun create: --audio missing\\x0a\\x1b\[2J.wav: No such file or directory$'
check "--audio MISSING: no raw control" raw err.txt

"$VGRUN" create --from good.md --audio $'bad\n\a.wav' -o x.mp4 >out.txt 2>err.txt; rc=$?
expect_rc 2 "--audio NOT-AUDIO"
check "--audio NOT-AUDIO: one line, escaped" has err.txt '^vgrun create: --audio bad\\x0a\\x07.wav: not audio that vgrun can read'
check "--audio NOT-AUDIO: no raw control" raw err.txt

mkdir -p outdir
"$VGRUN" create --from two.md --split h2 --audio $'rec\n\e[2J.wav' -o outdir >out.txt 2>err.txt; rc=$?
expect_rc 2 "--audio with two videos"
check "--audio with two videos: one line, escaped" has err.txt '^vgrun create: --audio rec\\x0a\\x1b\[2J.wav: the input makes 2 videos'
check "--audio with two videos: no raw control" raw err.txt

"$VGRUN" create --from good.md --audio $'rec\n\e[2J.wav' -o shared.mp4 >out.txt 2>err.txt; rc=$?
expect_rc 0 "--audio shared by a document's scenes"
check "the shared-recording warning: one line, escaped" has err.txt '--audio rec\\x0a\\x1b\[2J.wav: the recording (1.0 s) is shared'
check "--audio shared: no raw control" raw err.txt

# a video id holding a line break (a YAML "\n"); ESC is taken out of text
printf 'videos:\n  - id: "a\\nb"\n    voice: "m\\nx"\n    title: T\n    scenes:\n      - type: title\n        title: Hi\n' >v.yaml
"$VGRUN" create --from v.yaml -o x.mp4 >out.txt 2>err.txt; rc=$?
expect_rc 1 "create: an id with a line break"
check "the id: one line, escaped" has err.txt "videos\[0\].id: 'a\\\\x0ab' is not a valid id"
check "the voice: one line, escaped" has err.txt "videos\[0\].voice: unknown voice 'm\\\\x0ax'"
"$VGRUN" scenes v.yaml >out.txt 2>err.txt; rc=$?
check "scenes: the id in the plan as a name" has out.txt '^video 1/1  a\\x0ab  "T"'
check "scenes: the voice in the plan as a name" has out.txt 'voice m\\x0ax,'
printf 'videos:\n  - id: ok\n    title: T\n    scenes:\n      - type: "ti\\ntle"\n        title: Hi\n' >t.yaml
"$VGRUN" scenes t.yaml >out.txt 2>err.txt; rc=$?
check "an unknown scene type: one line, escaped" has err.txt "unknown scene type 'ti\\\\x0atle'"
vg_done
