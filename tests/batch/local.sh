#!/bin/bash
# vgrun batch on one machine: shards, -j 2, a failing document, re-runs.
. "$(dirname "$0")/lib.sh"
vg_scratch batch-local --own-cache
make_inputs "$T/in" bad

# --shard I/N --list: deterministic, disjoint, covering the list
"$VGRUN" batch "$T/in" -o "$T/out" --list > "$T/all.txt" || fail "--list"
[ "$(wc -l < "$T/all.txt")" -ge 18 ] || fail "expected 18+ documents: $(cat "$T/all.txt")"
grep -qx 'sets/tutorial' "$T/all.txt" || fail "the set is one document"
grep -qx 'guide/advanced/page7.md' "$T/all.txt" || fail "folders are searched recursively"
for i in 1 2 3; do
  "$VGRUN" batch "$T/in" -o "$T/out" --shard $i/3 --list > "$T/s$i.txt" || fail "--shard $i/3 --list"
  "$VGRUN" batch "$T/in" -o "$T/out" --shard $i/3 --list | cmp -s - "$T/s$i.txt" || fail "shard $i/3 not deterministic"
  [ -s "$T/s$i.txt" ] || fail "shard $i/3 is empty"
done
sort "$T/s1.txt" "$T/s2.txt" "$T/s3.txt" > "$T/union.txt"
sort -u "$T/union.txt" | cmp -s - "$T/union.txt" || fail "shards overlap"
sort "$T/all.txt" | cmp -s - "$T/union.txt" || fail "shards do not cover the list"
# the same list from another folder (relative paths) gives the same shares
(cd "$T/in" && "$VGRUN" batch . -o ../out --shard 2/3 --list) | cmp -s - "$T/s2.txt" || fail "shares depend on the cwd"
[ ! -e "$T/out" ] || fail "--list wrote something"

# a batch with one bad document: the rest is made, the failure recorded
rc=0
"$VGRUN" batch "$T/in" -o "$T/out" -j 2 --resolution $RES --events "$T/ev.jsonl" > "$T/run1.txt" 2> "$T/err1.txt" || rc=$?
[ $rc -eq 1 ] || fail "a failed document must give exit 1, got $rc: $(cat "$T/err1.txt")"
grep -q 'guide/broken.yaml failed: .*broken.yaml:[0-9]' "$T/err1.txt" || fail "the failure names the file and line: $(cat "$T/err1.txt")"
for f in demo.mp4 guide/page1.mp4 guide/advanced/page8.mp4 guide/small.mp4 examples/build_talk.mp4 \
  examples/api_intro.mp4 examples/lesson.mp4 examples/images.mp4 guide/page1.png guide/page1.timing.json; do
  [ -s "$T/out/$f" ] || fail "missing $f"
done
ls "$T"/out/sets/tutorial/*.mp4 > /dev/null 2>&1 || fail "the set made no videos"
grep -q '"input":"guide/broken.yaml".*"status":"failed"\|"status":"failed".*"input":"guide/broken.yaml"' \
  "$T"/out/.vgrun-batch/manifest-1-of-1.jsonl || fail "the manifest has no failure record"
"$VGRUN" batch status "$T/out" --json > "$T/st1.json" || fail "status"
total=$(json_field "$T/st1.json" total)
[ "$(json_field "$T/st1.json" failed)" = 1 ] || fail "status: failed != 1: $(cat "$T/st1.json")"
[ "$(json_field "$T/st1.json" done)" = $((total - 1)) ] || fail "status: done: $(cat "$T/st1.json")"
[ "$(json_field "$T/st1.json" pending)" = 0 ] || fail "status: pending"
[ "$(json_field "$T/st1.json" made_scenes)" -gt 0 ] || fail "status: no scenes made"
"$VGRUN" batch status "$T/out" | grep -q 'failed: guide/broken.yaml' || fail "status text lists the failure"
[ "$(grep -c '"type":"batch.document"' "$T/ev.jsonl")" = "$total" ] || fail "--events: one batch.document per document"
grep -q '"type":"batch.document".*"status":"failed"' "$T/ev.jsonl" || fail "--events: the failure"

# a torn last line (a crash mid-write) is skipped by status and by the next run
printf '{"input":"demo.md","sta' >> "$T/out/.vgrun-batch/manifest-1-of-1.jsonl"
"$VGRUN" batch status "$T/out" --json > "$T/st2.json" || fail "status with a torn line"
[ "$(json_field "$T/st2.json" done)" = $((total - 1)) ] || fail "a torn line changed the count"

# the same command again: nothing is made (no --overwrite needed)
rc=0
"$VGRUN" batch "$T/in" -o "$T/out" -j 2 --resolution $RES > "$T/run2.txt" 2> "$T/err2.txt" || rc=$?
[ $rc -eq 1 ] || fail "re-run: exit $rc: $(cat "$T/err2.txt")"
grep -q ": $total documents: 0 made, $((total - 1)) unchanged, 1 failed" "$T/run2.txt" ||
  fail "re-run should skip the done documents: $(cat "$T/run2.txt")"

# one document edited: only it is made again
printf '\n## Next\n\nA new closing section.\n' >> "$T/in/guide/page3.md"
cp "$T/out/guide/page3.mp4" "$T/page3.before"
"$VGRUN" batch "$T/in" -o "$T/out" -j 2 --resolution $RES > "$T/run3.txt" 2> "$T/err3.txt"
grep -q ": $total documents: 1 made, $((total - 2)) unchanged, 1 failed" "$T/run3.txt" ||
  fail "only the edited document is made again: $(cat "$T/run3.txt")"
cmp -s "$T/page3.before" "$T/out/guide/page3.mp4" && fail "the edited document's video did not change"

# a deleted output is made again
rm "$T/out/demo.png"
"$VGRUN" batch "$T/in" -o "$T/out" --resolution $RES > "$T/run4.txt" 2>&1
[ -s "$T/out/demo.png" ] || fail "a deleted output is made again"

# the bad document fixed: --retry-failed runs only it
cp "$SRC/tests/create/small.yaml" "$T/in/guide/broken.yaml"
"$VGRUN" batch "$T/in" -o "$T/out" --retry-failed --resolution $RES > "$T/run5.txt" 2> "$T/err5.txt" ||
  fail "--retry-failed: $(cat "$T/err5.txt")"
grep -q ": $total documents: 1 made, $((total - 1)) unchanged, 0 failed" "$T/run5.txt" ||
  fail "--retry-failed runs the failed document only: $(cat "$T/run5.txt")"
"$VGRUN" batch status "$T/out" --json > "$T/st3.json"
[ "$(json_field "$T/st3.json" done)" = "$total" ] || fail "after the retry every document is done"

# a file at an output path that vgrun did not make is left alone
mkdir -p "$T/in2" && cp "$SRC/examples/demo.md" "$T/in2/mine.md" && mkdir -p "$T/out2" && echo precious > "$T/out2/mine.png"
"$VGRUN" batch "$T/in2" -o "$T/out2" --resolution $RES > /dev/null 2> "$T/err6.txt" && fail "a foreign file was replaced"
[ "$(cat "$T/out2/mine.png")" = precious ] || fail "the user's file was overwritten"
grep -q 'no record of making it' "$T/err6.txt" || fail "the refusal is reported: $(cat "$T/err6.txt")"

# Ctrl-C: the documents in flight are stopped (their create processes too)
# and stay pending; running it again finishes the batch
VGRUN_CACHE_DIR=$T/cache-int "$VGRUN" batch "$T/in" -o "$T/int" -j 2 --resolution $RES > "$T/int.txt" 2>&1 &
pid=$!
for k in $(seq 1 2400); do [ -s "$T/int/.vgrun-batch/manifest-1-of-1.jsonl" ] && break; sleep 0.05; done
kill -INT $pid
rc=0; wait $pid || rc=$?
[ $rc -eq 130 ] || fail "interrupted batch: exit $rc: $(cat "$T/int.txt")"
vg_running "-o $T/int/" && fail "a create process outlived the interrupted batch"
"$VGRUN" batch status "$T/int" --json > "$T/st-int.json"
[ "$(json_field "$T/st-int.json" pending)" -gt 0 ] || fail "nothing pending after the interrupt: $(cat "$T/st-int.json")"
VGRUN_CACHE_DIR=$T/cache-int "$VGRUN" batch "$T/in" -o "$T/int" -j 2 --resolution $RES > /dev/null 2>&1 ||
  fail "the batch after the interrupt"
"$VGRUN" batch status "$T/int" --json > "$T/st-int2.json"
[ "$(json_field "$T/st-int2.json" done)" = "$total" ] || fail "the re-run did not finish: $(cat "$T/st-int2.json")"

# --timeout: a document that runs longer is stopped and recorded as failed
mkdir -p "$T/in3" && cp "$SRC/examples/demo.md" "$T/in3/slow.md"
"$VGRUN" batch "$T/in3" -o "$T/out3" --resolution $RES --timeout 0.005 > /dev/null 2> "$T/err7.txt" && fail "--timeout did not stop it"
grep -q 'slow.md failed: timed out after 0.005 s' "$T/err7.txt" || fail "the timeout is reported: $(cat "$T/err7.txt")"
"$VGRUN" batch "$T/in3" -o "$T/out3" --resolution $RES > /dev/null 2>&1 || fail "after a timeout, a run without it"
[ -s "$T/out3/slow.mp4" ] || fail "no video after the timeout was lifted"

# --plugin after the command goes to every create process; a file named on
# purpose may be of a type only the plug-in reads (vgrun reads .rst itself:
# the example plug-in, registered for .org here, reads what nothing else does)
if [ -f "$SRC/examples/plugins/rst.lua" ]; then
  mkdir -p "$T/in4"
  sed 's/vg.input.register(".rst"/vg.input.register(".org"/' "$SRC/examples/plugins/rst.lua" > "$T/org.lua"
  grep -q 'register(".org"' "$T/org.lua" || fail "the example plug-in registers no .rst adapter"
  printf 'Title\n=====\n\nSome text here.\n\nSection\n-------\n\n- one point\n- two points\n' > "$T/in4/a.org"
  "$VGRUN" batch "$T/in4/a.org" -o "$T/out4" --resolution $RES > /dev/null 2>&1 && fail ".org without its plug-in"
  "$VGRUN" batch "$T/in4/a.org" -o "$T/out4" --resolution $RES --plugin "$T/org.lua" > /dev/null 2> "$T/err8.txt" ||
    fail "--plugin is given to create: $(cat "$T/err8.txt")"
  [ -s "$T/out4/a.mp4" ] || fail "no video from the plug-in's document"
  # before the command name it reaches every create process too
  cp "$T/in4/a.org" "$T/in4/b.org"
  "$VGRUN" --plugin "$T/org.lua" batch "$T/in4/b.org" -o "$T/out4" --resolution $RES > /dev/null 2> "$T/err9.txt" ||
    fail "--plugin before batch is given to create: $(cat "$T/err9.txt")"
  [ -s "$T/out4/b.mp4" ] || fail "no video from the plug-in's document (--plugin before batch)"
fi

# usage errors
"$VGRUN" batch "$T/in" 2> /dev/null; [ $? -eq 2 ] || fail "no -o is a usage error"
"$VGRUN" batch "$T/in" -o "$T/x" --shard 4/3 2> /dev/null; [ $? -eq 2 ] || fail "--shard 4/3 is a usage error"
"$VGRUN" batch "$T/in" -o "$T/x" --resolution 100x100 2> /dev/null; [ $? -eq 2 ] || fail "a bad create option is a usage error"
"$VGRUN" batch "$T/missing" -o "$T/never" 2> /dev/null && fail "a missing input must fail"
[ ! -e "$T/never" ] || fail "a failed listing made the output folder"
echo "batch_local: ok ($total documents)"
