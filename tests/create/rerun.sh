#!/usr/bin/env bash
# tests/create/rerun.sh: an unchanged re-run of `vgrun create` finds every
# segment, the narration track and the joined video in the cache: it leaves
# the MP4 untouched (same file, same time) and never opens the encoder
# module (stages/encode/media.h; ld.so reports what dlopen loads under
# LD_DEBUG=files). An output changed or removed since is made again, the
# same bytes as before.
. "$(dirname "$0")/../lib.sh"
vg_scratch rerun --own-cache
cp "$HERE/small.yaml" "$T/talk.yaml"
cd "$T"
make_it() { # make_it LOG [OPTION...]: one create, ld.so's file loads in LOG
  local log=$1; shift
  LD_DEBUG=files LD_DEBUG_OUTPUT="$T/$log" "$VGRUN" -q create --from talk.yaml -o talk.mp4 --resolution 320x180 \
    "$@" >"$T/$log.out" 2>&1 || { bad "create ($log): $(tail -3 "$T/$log.out")"; return 1; }
}
loaded() { cat "$T/$1".* 2>/dev/null | grep -q "file=.*vgmedia.so"; }
sum() { sha256sum talk.mp4 | cut -d' ' -f1; }

make_it cold || exit 1
loaded cold || bad "the first run did not open the encoder module"
first=$(sum)
before=$(stat -c '%i %Y.%y' talk.mp4)
sleep 1.1
make_it again || exit 1
loaded again && bad "an unchanged re-run opened the encoder module"
[ "$(stat -c '%i %Y.%y' talk.mp4)" = "$before" ] || bad "an unchanged re-run wrote talk.mp4 again"
[ "$(sum)" = "$first" ] || bad "talk.mp4 changed on an unchanged re-run"

# a byte of the output changed: no longer the file vgrun made, so it is
# left alone; with --overwrite (or --resume) joined again, as it was
printf 'X' | dd of=talk.mp4 bs=1 seek=2000 conv=notrunc 2>/dev/null
"$VGRUN" -q create --from talk.yaml -o talk.mp4 --resolution 320x180 >"$T/kept.out" 2>&1
[ $? -eq 2 ] && grep -q "talk.mp4 is not the file vgrun made there" "$T/kept.out" \
  || bad "a changed talk.mp4 was not left alone: $(tail -3 "$T/kept.out")"
[ "$(sum)" != "$first" ] || bad "a changed talk.mp4 was replaced without --overwrite"
make_it tampered --overwrite || exit 1
[ "$(sum)" = "$first" ] || bad "a changed talk.mp4 was not made again"
# the output removed: joined again
rm talk.mp4
make_it removed || exit 1
[ -f talk.mp4 ] && [ "$(sum)" = "$first" ] || bad "a removed talk.mp4 was not made again"
[ "$fail" = 0 ] && echo "ok: unchanged re-run leaves the video as it is, without the encoder"
exit $((fail > 0))
