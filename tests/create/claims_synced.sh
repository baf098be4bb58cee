#!/usr/bin/env bash
# tests/create/claims_synced.sh: the output claims of one create (the MP4,
# its timing report, its thumbnail, its captions) are written together
# (vg.core.write_atomic_many): each record synced, then the folder of the
# records synced once for all of them, when they are claimed and again when
# the made files are recorded; before, each record synced the folder again
# (eight fsyncs of it for four outputs, instead of two). The records stay
# what they were: a re-run finds its own files and replaces them, a file of
# the user's put at an output path is still refused.
. "$(dirname "$0")/../lib.sh"
vg_need strace
vg_scratch claims_synced
cp "$HERE/small.yaml" "$T/talk.yaml"
cd "$T"
make_it() { # make_it LOG [OPTION...]: one create under strace, its fsyncs in LOG
  local log=$1; shift
  strace -f -y -e trace=fsync -o "$T/$log" "$VGRUN" -q create --from talk.yaml -o talk.mp4 \
    --resolution 320x180 --captions srt "$@" >"$T/$log.out" 2>&1
}
folder_syncs() { grep -c "fsync([0-9]*<$VGRUN_STATE_DIR/outputs>)" "$T/$1"; }

make_it cold || { bad "create: $(tail -3 "$T/cold.out")"; vg_done; }
n=$(ls "$VGRUN_STATE_DIR/outputs" | wc -l)
[ "$n" -eq 4 ] || bad "4 claim records wanted, found $n"
s=$(folder_syncs cold)
[ "$s" -eq 2 ] && ok || bad "the claims' folder synced $s times in one create, wanted 2 (once to claim, once to record)"
for f in "$VGRUN_STATE_DIR"/outputs/*.json; do
  grep -q '"made"' "$f" && ok || bad "$f does not record the file made: $(cat "$f")"
done
ls "$VGRUN_STATE_DIR"/outputs | grep -q tmp && bad "a temporary record left: $(ls "$VGRUN_STATE_DIR"/outputs)"

# its own files are replaced by a run with other options; a file of the user's is not
make_it again --color green || bad "a second create refused its own outputs: $(tail -3 "$T/again.out")"
rm talk.png
echo "mine" >talk.png
make_it theirs --color blue
rc=$?
expect_rc 2 "a thumbnail of the user's at the output path"
has "$T/theirs.out" "talk.png" || bad "the refusal does not name talk.png"
[ "$(cat talk.png)" = "mine" ] && ok || bad "the user's talk.png was replaced"
vg_done
