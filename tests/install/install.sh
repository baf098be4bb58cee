#!/usr/bin/env bash
# The installed tree works without the source tree: vgrun runs from another
# folder and finds its encoder module, a C program builds against libvg through pkg-config alone, and
# stock lua5.4 finds vg.so where Debian's lua5.4 looks.
set -euo pipefail
B=${VGRUN_BUILD_DIR:?}
SRC=$PWD
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export VGRUN_STATE_DIR="$T/state" VGRUN_CACHE_DIR="$T/cache"
cmake --install "$B" --prefix "$T/usr" > "$T/install.log"

pc=$(find "$T/usr" -name libvg.pc | head -1)
[ -n "$pc" ] || { echo "FAIL: no libvg.pc installed"; cat "$T/install.log"; exit 1; }
L=$(dirname "$(dirname "$pc")")
for f in "$T/usr/bin/vgrun" "$T/usr/include/vgrun/vg.h" "$T/usr/include/vgrun/vg_lua.h" \
         "$L/libvg.a" "$L/lua/5.4/vg.so" "$T/usr/share/doc/vgrun/README.md"; do
  [ -e "$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
soname=$(objdump -p "$L/libvg.so" | awk '/SONAME/ {print $2}')
[ "$soname" = "libvg.so.0" ] || { echo "FAIL: SONAME is '$soname'"; exit 1; }

cd "$T"   # far from the source tree
"$T/usr/bin/vgrun" -e 'assert(require("vg").version); print("ok")' | grep -qx ok \
  || { echo "FAIL: installed vgrun does not run"; exit 1; }
# the installed vgrun makes a video far from the source tree
cp "$SRC/tests/create/small.yaml" "$T/talk.yaml"
"$T/usr/bin/vgrun" -q create --from talk.yaml -o talk.mp4 --resolution 320x180 >"$T/create.log" 2>&1 \
  || { echo "FAIL: installed vgrun create"; cat "$T/create.log"; exit 1; }
[ "$(ffprobe -v error -select_streams v:0 -show_entries stream=codec_name -of csv=p=0 talk.mp4)" = h264 ] &&
  [ "$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of csv=p=0 talk.mp4)" = aac ] \
  || { echo "FAIL: the installed vgrun's MP4 lacks H.264 + AAC"; exit 1; }
# The encoder is a module vgrun opens only to encode (stages/encode/media.h):
# what needs no encoding works without it, and an encode without it stops
# with the reason, not a crash, and leaves no video.
media=$(find "$T/usr" -name vgmedia.so | head -1)
[ -n "$media" ] || { echo "FAIL: vgmedia.so not installed"; exit 1; }
mv "$media" "$media.away"
"$T/usr/bin/vgrun" scenes talk.yaml >"$T/scenes.log" 2>&1 \
  || { echo "FAIL: vgrun scenes needs the encoder module"; cat "$T/scenes.log"; exit 1; }
rc=0; "$T/usr/bin/vgrun" -q create --from talk.yaml -o away.mp4 --resolution 320x180 >"$T/away.log" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "cannot load the encoder: no vgmedia.so" "$T/away.log" && [ ! -e away.mp4 ] \
  || { echo "FAIL: create without the encoder module: rc=$rc"; cat "$T/away.log"; exit 1; }
mv "$media.away" "$media"

export PKG_CONFIG_PATH="$(dirname "$pc")"
cflags=$(pkg-config --cflags libvg); libs=$(pkg-config --libs libvg)
case "$cflags" in *"$T/usr/include/vgrun"*|*"/include/vgrun"*) ;; *) echo "FAIL: cflags '$cflags'"; exit 1;; esac
cp "$SRC/examples/embed/embed.c" "$T/embed.c"
cc -o "$T/embed" "$T/embed.c" $cflags $libs
grep -q "embed.count" <<<"$(LD_LIBRARY_PATH="$L" "$T/embed" x)" || { echo "FAIL: embed example did not run its stage"; exit 1; }
out=$(LD_LIBRARY_PATH="$L" "$T/embed" "three small words")
echo "$out" | grep -q "3 words" || { echo "FAIL: embed example printed: $out"; exit 1; }

if command -v lua5.4 >/dev/null; then
  lua5.4 -e "package.cpath='$L/lua/5.4/?.so'" -e 'local vg = require "vg"; assert(vg.version); print("ok")' \
    | grep -qx ok || { echo "FAIL: lua5.4 cannot require the installed vg.so"; exit 1; }
fi
# man pages: one per command and vgrun(1), each read by man (or groff) without a warning
M="$T/usr/share/man/man1"
[ -f "$M/vgrun.1.gz" ] || { echo "FAIL: vgrun.1.gz not installed"; ls -R "$T/usr/share" | head; exit 1; }
cmds=$("$T/usr/bin/vgrun" -e 'print(table.concat(require("vg.cli").commands(), " "))')
for c in $cmds; do
  [ -f "$M/vgrun-$c.1.gz" ] || { echo "FAIL: no man page vgrun-$c.1.gz"; exit 1; }
done
for page in "$M"/*.1.gz; do
  if command -v man >/dev/null; then
    out=$(MANWIDTH=80 man --warnings -l "$page" 2>"$T/man.err") || { echo "FAIL: man -l $page"; cat "$T/man.err"; exit 1; }
  else
    out=$(zcat "$page" | groff -man -Tutf8 -ww 2>"$T/man.err")
  fi
  [ -s "$T/man.err" ] && { echo "FAIL: $page: $(head -3 "$T/man.err")"; exit 1; }
  grep -q "EXIT STATUS" <<<"$out" || { echo "FAIL: $page has no EXIT STATUS"; exit 1; }
done
# the page says what --help says: every option of create is in both
for o in $("$T/usr/bin/vgrun" create --help | grep -o -- '^  -[-a-z, -]*' | grep -o -- '--[a-z-]*'); do
  MANWIDTH=200 man -l "$M/vgrun-create.1.gz" 2>/dev/null | grep -q -- "$o" || { echo "FAIL: vgrun-create(1) lacks $o"; exit 1; }
done

# completion files where bash-completion and zsh look for them
[ -f "$T/usr/share/bash-completion/completions/vgrun" ] || { echo "FAIL: bash completion not installed"; exit 1; }
[ -f "$T/usr/share/zsh/vendor-completions/_vgrun" ] || { echo "FAIL: zsh completion not installed"; exit 1; }
got=$(PATH="$T/usr/bin:$PATH" bash -c 'source "$1"; COMP_LINE="vgrun he"; COMP_POINT=8; _vgrun; echo "${COMPREPLY[*]}"' _ \
  "$T/usr/share/bash-completion/completions/vgrun")
[ "$got" = "help" ] || { echo "FAIL: installed bash completion of 'vgrun he': '$got'"; exit 1; }

# help from the installed program
[ "$("$T/usr/bin/vgrun" help create)" = "$("$T/usr/bin/vgrun" create --help)" ] \
  || { echo "FAIL: vgrun help create differs from vgrun create --help"; exit 1; }
echo "install: ok ($T/usr)"
