#!/usr/bin/env bash
# `vgrun say` as a user runs it; the WAV is decoded with ffprobe/ffmpeg.
#   VGRUN=build/vgrun tests/tts/say.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffprobe
vg_scratch say --own-cache
expect_rc() { if [ "$rc" -eq "$1" ]; then ok; else bad "$2: exit $rc, wanted $1"; cat "$T/err" >&2; fi; }
not() { ! "$@"; }
# probe FILE FIELD: a stream field of the WAV (sample_rate, channels, duration_ts, codec_name)
probe() { ffprobe -v error -select_streams a:0 -show_entries "stream=$2" -of default=nw=1:nk=1 "$1"; }
near() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }'; }
# json FILE EXPR: evaluates EXPR on the decoded JSON with vgrun itself
json() { "$VGRUN" -e 'local vg = require("vg"); local f = assert(io.open(arg[1])); local j = vg.json.decode(f:read("a")); print(load("local j = ... return " .. arg[2])(j))' "$1" "$2"; }

PARA="Every good explainer video begins with a question that the audience already cares about. \
Instead of opening with definitions, we show a small puzzle and let the viewer wonder how \
it could possibly work. Then the narration walks through the idea one step at a time, \
while the pictures on the screen change exactly when the voice mentions them. This \
careful timing matters, because the eye and the ear compete for attention. When a \
diagram appears too early, viewers read ahead and stop listening. \
When it appears too late, they feel lost and the explanation loses its momentum. A \
narrator that knows the precise moment of every word lets the editor place each caption, \
highlight and animation where it belongs. The result feels calm and deliberate, \
not rushed. Short sentences help as well, since they give natural pauses where a new \
scene can start without cutting a thought in half."

# 1. a paragraph: WAV + timings agree with the decoded file
"$VGRUN" say -o "$T/p.wav" --timings "$T/p.json" "$PARA" 2>"$T/err"; rc=$?; expect_rc 0 "say paragraph"
check "wrote message" has "$T/err" "wrote $T/p.wav"
check "pcm_s16le" [ "$(probe "$T/p.wav" codec_name)" = pcm_s16le ]
check "22050 Hz" [ "$(probe "$T/p.wav" sample_rate)" = 22050 ]
check "mono" [ "$(probe "$T/p.wav" channels)" = 1 ]
frames=$(probe "$T/p.wav" duration_ts)
file_dur=$(awk -v f="$frames" 'BEGIN { printf "%.5f", f / 22050 }')
dur=$(json "$T/p.json" 'j.duration')
nwords=$(json "$T/p.json" '#j.words')
last_end=$(json "$T/p.json" 'j.words[#j.words]["end"]')
check "duration within 50 ms of the file's ($dur vs $file_dur)" near "$dur" "$file_dur" 0.05
check "last word ends within 50 ms of the end ($last_end vs $file_dur)" near "$last_end" "$file_dur" 0.05
check "140-160 words ($nwords)" [ "$nwords" -ge 140 -a "$nwords" -le 160 ]
check "plausible length ($file_dur s)" awk -v d="$file_dur" 'BEGIN { exit !(d > 35 && d < 75) }'
check "starts non-decreasing" [ "$(json "$T/p.json" '(function() for i = 2, #j.words do if j.words[i].start < j.words[i-1].start then return false end end return true end)()')" = true ]
check "sample_rate in timings" [ "$(json "$T/p.json" 'j.sample_rate')" = 22050 ]
check "sentences in timings" [ "$(json "$T/p.json" '#j.sentences')" = 9 ]
# the audio is not silence
vol=$(ffmpeg -hide_banner -nostats -i "$T/p.wav" -af volumedetect -f null - 2>&1 | sed -n 's/.*mean_volume: \(-*[0-9.]*\) dB/\1/p')
check "audible ($vol dB)" awk -v v="$vol" 'BEGIN { exit !(v > -40) }'

# 2. the four named voices differ; es speaks
for v in male male_warm female female_friendly; do
  "$VGRUN" say --voice "$v" -o "$T/$v.wav" "The quick brown fox jumps over the lazy dog." 2>"$T/err"
  rc=$?; expect_rc 0 "voice $v"
done
sums=$(for v in male male_warm female female_friendly; do md5sum <"$T/$v.wav"; done | sort -u | wc -l)
check "four different clips" [ "$sums" -eq 4 ]
"$VGRUN" say --voice es --timings "$T/es.json" -o "$T/es.wav" "Hola, ¿cómo estás? Muy bien, gracias." 2>"$T/err"
rc=$?; expect_rc 0 "voice es"
check "es word" [ "$(json "$T/es.json" 'j.words[3].word')" = "estás" ]

# 3. unknown voice: non-zero, voices listed on stderr, no file
"$VGRUN" say --voice klingon -o "$T/k.wav" "Hello." >"$T/out" 2>"$T/err"; rc=$?; expect_rc 2 "klingon"
check "klingon named" has "$T/err" "unknown voice 'klingon'"
check "voices listed" has "$T/err" "female_friendly"
check "codes listed" has "$T/err" "en-gb"
check "no file for klingon" [ ! -e "$T/k.wav" ]
check "nothing on stdout" [ ! -s "$T/out" ]

# 4. stdin, pipes, a terminal
echo "Read from standard input." | "$VGRUN" say -o "$T/stdin.wav" - 2>"$T/err"; rc=$?; expect_rc 0 "stdin -"
echo "Piped without a dash." | "$VGRUN" say -o "$T/pipe.wav" 2>"$T/err"; rc=$?; expect_rc 0 "stdin piped"
check "piped text spoken" [ "$(probe "$T/pipe.wav" duration_ts)" -gt 10000 ]
"$VGRUN" say "Audio to a pipe." 2>"$T/err" >"$T/stdout.wav"; rc=$?; expect_rc 0 "audio to stdout"
check "stdout is a WAV" [ "$(probe "$T/stdout.wav" codec_name)" = pcm_s16le ]
if ! command -v script >/dev/null 2>&1; then
  echo "note: script(1) is missing: the terminal checks are skipped"
else
  (cd "$T" && script -qec "$VGRUN say Hello terminal." /dev/null >"$T/tty" 2>&1); rc=$?
  expect_rc 0 "say on a terminal"
  check "tty: say.wav written" [ -s "$T/say.wav" ]
  check "tty: says where" has "$T/tty" "wrote say.wav"
  check "tty: no RIFF on the terminal" not grep -q RIFF "$T/tty"
  (cd "$T" && script -qec "$VGRUN say -o - Hello." /dev/null >"$T/tty" 2>&1); rc=$?
  expect_rc 2 "-o - on a terminal"
fi

# 5. empty text, bad UTF-8, bad options
"$VGRUN" say -o "$T/empty.wav" --timings "$T/empty.json" "" 2>"$T/err"; rc=$?; expect_rc 0 "empty text"
check "empty: a WAV" [ "$(probe "$T/empty.wav" codec_name)" = pcm_s16le ]
check "empty: zero samples (header only)" [ "$(stat -c %s "$T/empty.wav")" = 44 ]
check "empty: zero duration" [ "$(json "$T/empty.json" 'j.duration')" = 0 ]
printf 'abc\xffdef' | "$VGRUN" say -o "$T/bad.wav" - 2>"$T/err"; rc=$?; expect_rc 1 "bad utf-8"
check "bad utf-8: offset" has "$T/err" "byte offset 3"
check "bad utf-8: no file" [ ! -e "$T/bad.wav" ]
"$VGRUN" say --rate 5 -o "$T/r.wav" "Hi." 2>"$T/err"; rc=$?; expect_rc 2 "rate out of range"
"$VGRUN" say --rate fast -o "$T/r.wav" "Hi." 2>"$T/err"; rc=$?; expect_rc 2 "rate not a number"
"$VGRUN" say --bogus "Hi." 2>"$T/err"; rc=$?; expect_rc 2 "unknown option"
# whole but no Lua integer (inf, 2^63): a usage error naming the option, not
# "(error object is a table value)" with exit 1
for v in 1e400 -1e400 9223372036854775808; do
  for o in --rate --pitch; do
    "$VGRUN" say "$o" "$v" -o "$T/r.wav" "Hi." 2>"$T/err"; rc=$?; expect_rc 2 "$o $v"
    check "$o $v: named" has "$T/err" "$o $v out of range"
  done
done
check "huge rate: no file" [ ! -e "$T/r.wav" ]
"$VGRUN" say --help >"$T/out" 2>&1; rc=$?; expect_rc 0 "--help"
check "help" has "$T/out" "--timings"
"$VGRUN" say --list-voices >"$T/out" 2>&1; rc=$?; expect_rc 0 "--list-voices"
check "list-voices" has "$T/out" "male_warm"

# 6. rate and pitch change the clip; the same request is a cache hit
"$VGRUN" say --rate 120 -o "$T/slow.wav" "Rate changes the length." 2>"$T/err"
"$VGRUN" say --rate 300 -o "$T/fast.wav" "Rate changes the length." 2>"$T/err"
check "faster is shorter" [ "$(probe "$T/fast.wav" duration_ts)" -lt "$(probe "$T/slow.wav" duration_ts)" ]
"$VGRUN" say --rate 300 -o "$T/fast2.wav" "Rate changes the length." 2>"$T/err"
check "second time cached" has "$T/err" "cached"
check "cached clip identical" cmp -s "$T/fast.wav" "$T/fast2.wav"
"$VGRUN" say --pitch 90 -o "$T/high.wav" "Rate changes the length." 2>"$T/err"
check "pitch changes audio" not cmp -s "$T/high.wav" "$T/fast.wav"

# 7. text is plain unless --ssml; SSML is filtered. espeak-ng's own <audio>
# runs `sox "SRC"` through a shell when SRC exists, and crashed the child on
# /etc/passwd: neither may happen.
mkdir -p "$T/set"
touch "$T/set/intro\$(touch PWNED).wav"
PWN='<speak><audio src="/proc/self/cwd/intro$(touch PWNED).wav"/>Hi</speak>'
(cd "$T/set" && "$VGRUN" say -o "$T/pwn.wav" "$PWN" 2>"$T/err"); rc=$?; expect_rc 0 "plain: SSML-looking text"
check "plain: no command ran" [ ! -e "$T/set/PWNED" ]
check "plain: a note on stderr" has "$T/err" "looks like SSML; it is spoken as plain text"
(cd "$T/set" && "$VGRUN" say --ssml -o "$T/pwn2.wav" "$PWN" 2>"$T/err"); rc=$?; expect_rc 2 "--ssml <audio>"
check "--ssml: no command ran" [ ! -e "$T/set/PWNED" ]
check "--ssml <audio>: refused with its place" has "$T/err" "SSML line 1, column 8: <audio> is not allowed"
check "--ssml <audio>: no file" [ ! -e "$T/pwn2.wav" ]
"$VGRUN" say -o "$T/passwd.wav" --timings "$T/passwd.json" '<speak><audio src="/etc/passwd"/>hi</speak>' 2>"$T/err"
rc=$?; expect_rc 0 "audio src=/etc/passwd as plain text"
check "passwd: spoken as text" [ "$(probe "$T/passwd.wav" duration_ts)" -gt 22050 ]
check "passwd: no marks" [ "$(json "$T/passwd.json" '#j.marks')" = 0 ]
"$VGRUN" say --ssml -o "$T/passwd2.wav" '<speak><audio src="/etc/passwd"/>hi</speak>' 2>"$T/err"
rc=$?; expect_rc 2 "--ssml audio src=/etc/passwd"
check "passwd --ssml: not a crash" not has "$T/err" "espeak-ng"
"$VGRUN" say --ssml -o "$T/marks.wav" --timings "$T/marks.json" \
  '<speak><p>One <mark name="a"/>two <break time="300ms"/><emphasis>three</emphasis> <mark name="b"/>&amp; four.</p></speak>' 2>"$T/err"
rc=$?; expect_rc 0 "--ssml safe subset"
check "--ssml: two marks" [ "$(json "$T/marks.json" '#j.marks')" = 2 ]
check "--ssml: mark b" [ "$(json "$T/marks.json" 'j.marks[2].name')" = b ]
check "--ssml: marks in order" [ "$(json "$T/marks.json" 'j.marks[2].time > j.marks[1].time')" = true ]
check "--ssml: words without tags" [ "$(json "$T/marks.json" 'j.words[3].word .. "|" .. j.words[4].word')" = "three|&" ]
printf '<speak>bad &unknown; entity</speak>' | "$VGRUN" say --ssml -o "$T/ent.wav" - 2>"$T/err"; rc=$?
expect_rc 2 "--ssml unknown entity"
check "--ssml entity named" has "$T/err" "unknown entity &unknown;"
printf '<speak><p>unclosed</speak>' | "$VGRUN" say --ssml -o "$T/mal.wav" - 2>"$T/err"; rc=$?
expect_rc 2 "--ssml malformed"
check "--ssml malformed: message" has "$T/err" "</speak> does not close <p>"
VGRUN_TTS_CRASH_CHILD=1 "$VGRUN" say --rate 222 -o "$T/crash.wav" "The child dies here." 2>"$T/err"; rc=$?
expect_rc 1 "a crashing speech child"
check "crash: a clear message" has "$T/err" "espeak-ng crashed while speaking\|espeak-ng stopped unexpectedly"

# no sound server is reached, nor a folder made for one: espeak-ng 1.51 opens
# an audio device even to synthesize into memory, and libpulse connects to
# whatever PULSE_SERVER names (here a listener that counts connections)
cat >"$T/listen.py" <<'PY'
import os, socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8); s.settimeout(0.2)
print(s.getsockname()[1], flush=True)
n, end = 0, time.time() + 120
while time.time() < end and not os.path.exists(sys.argv[1] + ".stop"):
    try:
        c, _ = s.accept(); n += 1; c.close()
    except socket.timeout:
        pass
open(sys.argv[1], "w").write(str(n))
PY
mkdir -p "$T/run"
coproc LISTEN { python3 "$T/listen.py" "$T/conns"; }
read -r port <&"${LISTEN[0]}"
PULSE_SERVER="tcp:127.0.0.1:$port" XDG_RUNTIME_DIR="$T/run" VGRUN_CACHE_DIR="$T/pulse-cache" \
  "$VGRUN" say -o "$T/pulse.wav" "No sound server is asked for this sentence." 2>"$T/err"; rc=$?
expect_rc 0 "say with PULSE_SERVER set"
: >"$T/conns.stop"
for _ in $(seq 50); do [ -s "$T/conns" ] && break; sleep 0.1; done
check "no connection to PULSE_SERVER ($(cat "$T/conns" 2>/dev/null) made)" [ "$(cat "$T/conns" 2>/dev/null)" = 0 ]
check "no folder made in XDG_RUNTIME_DIR" [ -z "$(ls -A "$T/run")" ]
check "nothing said of a sound server on stderr" hasnt "$T/err" "socket()\|not permitted\|refused"

echo "say: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
