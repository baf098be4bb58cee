#!/bin/bash
# `vgrun batch status` (and a run) where the batch's plan.json or a
# manifest-*.jsonl is a FIFO or another non-regular file: it names the file,
# says why and exits 1, never a silent "0 documents" (nor a run that blocks).
# A folder searched that holds a FIFO, a socket or a dangling link named like
# a document: each is named in a warning and skipped, never opened.
. "$(dirname "$0")/lib.sh"
vg_scratch batch-not-regular --own-cache
mkdir -p "$T/in" "$T/out/.vgrun-batch"
printf '# One\n\nA short page.\n' >"$T/in/one.md"

mkfifo "$T/out/.vgrun-batch/manifest-1-of-1.jsonl"
rc=0; timeout 20 "$VGRUN" batch status "$T/out" >"$T/o1.txt" 2>"$T/e1.txt" || rc=$?
[ $rc -eq 1 ] || fail "a FIFO manifest: exit $rc, wanted 1: $(cat "$T/o1.txt" "$T/e1.txt")"
grep -q 'manifest-1-of-1.jsonl: .*regular file' "$T/e1.txt" || fail "the FIFO is not named: $(cat "$T/e1.txt")"
grep -q 'documents' "$T/o1.txt" && fail "a count is printed: $(cat "$T/o1.txt")"
rc=0; timeout 20 "$VGRUN" batch status "$T/out" --json >"$T/o1.txt" 2>"$T/e1.txt" || rc=$?
[ $rc -eq 1 ] || fail "--json, a FIFO manifest: exit $rc, wanted 1"
# a run refuses too, before any document (appending to a FIFO would block)
rc=0; timeout 60 "$VGRUN" batch "$T/in" -o "$T/out" -q >"$T/o2.txt" 2>"$T/e2.txt" || rc=$?
[ $rc -eq 1 ] || fail "a run beside a FIFO manifest: exit $rc, wanted 1: $(cat "$T/e2.txt")"
grep -q 'manifest-1-of-1.jsonl: .*regular file' "$T/e2.txt" || fail "the run does not name the FIFO: $(cat "$T/e2.txt")"
[ ! -e "$T/out/one.mp4" ] || fail "a document was made"
rm -f "$T/out/.vgrun-batch/manifest-1-of-1.jsonl"

rm -f "$T/out/.vgrun-batch/plan.json"
mkfifo "$T/out/.vgrun-batch/plan.json"
rc=0; timeout 20 "$VGRUN" batch status "$T/out" >"$T/o3.txt" 2>"$T/e3.txt" || rc=$?
[ $rc -eq 1 ] || fail "a FIFO plan.json: exit $rc, wanted 1: $(cat "$T/o3.txt" "$T/e3.txt")"
grep -q 'plan.json: .*regular file' "$T/e3.txt" || fail "the FIFO plan is not named: $(cat "$T/e3.txt")"
rm -f "$T/out/.vgrun-batch/plan.json"; mkdir "$T/out/.vgrun-batch/plan.json"
rc=0; timeout 20 "$VGRUN" batch status "$T/out" >"$T/o4.txt" 2>"$T/e4.txt" || rc=$?
[ $rc -eq 1 ] || fail "a folder plan.json: exit $rc, wanted 1"
grep -q 'plan.json' "$T/e4.txt" || fail "the folder plan is not named: $(cat "$T/e4.txt")"

# inputs named like documents that are no regular files
mkdir -p "$T/tree/sub"
printf '# Two\n\nAnother page.\n' >"$T/tree/two.md"
mkfifo "$T/tree/pipe.md"
ln -s "$T/tree/pipe.md" "$T/tree/sub/to-pipe.md"
ln -s "$T/tree/gone.md" "$T/tree/dangling.md"
python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$T/tree/sock.md"
mkfifo "$T/tree/pipe.bin"     # not named like a document: not mentioned
rc=0; timeout 60 "$VGRUN" batch "$T/tree" -o "$T/out2" --list >"$T/o5.txt" 2>"$T/e5.txt" || rc=$?
[ $rc -eq 0 ] || fail "--list of a tree with a FIFO: exit $rc: $(cat "$T/e5.txt")"
grep -qx 'two.md' "$T/o5.txt" || fail "the document is not listed: $(cat "$T/o5.txt")"
grep -q 'pipe\|sock\|dangling' "$T/o5.txt" && fail "a non-regular file is listed: $(cat "$T/o5.txt")"
grep -q 'warning: .*tree/pipe.md: a named pipe (FIFO), not a regular file (skipped)' "$T/e5.txt" ||
  fail "the FIFO is not named: $(cat "$T/e5.txt")"
grep -q 'warning: .*sub/to-pipe.md: a link to a named pipe (FIFO), not a regular file (skipped)' "$T/e5.txt" ||
  fail "the link to the FIFO is not named: $(cat "$T/e5.txt")"
grep -q 'warning: .*tree/dangling.md: a link to nothing (skipped)' "$T/e5.txt" ||
  fail "the dangling link is not named: $(cat "$T/e5.txt")"
grep -q 'warning: .*tree/sock.md: a device or a socket, not a regular file (skipped)' "$T/e5.txt" ||
  fail "the socket is not named: $(cat "$T/e5.txt")"
grep -q 'pipe.bin' "$T/e5.txt" && fail "a file not named like a document is mentioned: $(cat "$T/e5.txt")"
[ ! -e "$T/out2" ] || fail "--list made the output folder"
echo "ok"
