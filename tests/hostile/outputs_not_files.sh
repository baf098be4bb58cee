#!/usr/bin/env bash
# An output is a new file renamed into place, and a rename replaces whatever
# is at the name: a FIFO, a device or a socket at an output path is refused
# (exit 2, named), --overwrite or not, and left as it was; so is a folder
# at a side file's path (the thumbnail), before any work; and a name too
# long for the temporary file it is written through. `-o /dev/null
# --overwrite` as root would otherwise leave /dev/null a video.
#   VGRUN=build/vgrun tests/hostile/outputs_not_files.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch outputs-not-files
cd "$T" || exit 1
printf '# Talk\n\nA short talk about files.\n' >doc.md
SMALL=(--resolution 320x180)

# refused NAME NODE-TEST WHY CMD...: exit 2, says WHY, the node still passes NODE-TEST
refused() {
  local name=$1 node=$2 why=$3; shift 3
  "$VGRUN" "$@" >out.txt 2>err.txt; rc=$?
  expect_rc 2 "$name"
  check "$name: says why" has err.txt "$why"
  check "$name: left as it was" eval "$node"
}

mkfifo pipe.mp4 pipe.png pipe.wav pipe.json
for ow in "" --overwrite; do
  refused "create -o FIFO $ow" '[ -p pipe.mp4 ]' "pipe.mp4 is a FIFO, not a file" \
    create doc.md -o pipe.mp4 "${SMALL[@]}" $ow
  refused "frame -o FIFO $ow" '[ -p pipe.png ]' "pipe.png is a FIFO, not a file" \
    frame doc.md --scene 1 -o pipe.png "${SMALL[@]}" $ow
  refused "frame --sheet -o FIFO $ow" '[ -p pipe.png ]' "pipe.png is a FIFO, not a file" \
    frame doc.md --sheet -o pipe.png "${SMALL[@]}" $ow
  refused "say -o FIFO $ow" '[ -p pipe.wav ]' "pipe.wav is a FIFO, not a file" say -o pipe.wav $ow hello
  refused "say --timings FIFO $ow" '[ -p pipe.json ] && [ ! -e s.wav ]' "pipe.json is a FIFO, not a file" \
    say -o s.wav --timings pipe.json $ow hello
done

# a character device (needs root to make one; /dev/null's numbers)
if mknod null.mp4 c 1 3 2>/dev/null; then
  refused "create -o a device --overwrite" '[ -c null.mp4 ]' "null.mp4 is a device or a socket, not a file" \
    create doc.md -o null.mp4 "${SMALL[@]}" --overwrite
else
  echo "skip: cannot make a device node here"
fi

# a socket
if python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' sock.mp4 2>/dev/null; then
  refused "create -o a socket --overwrite" '[ -S sock.mp4 ]' "sock.mp4 is a device or a socket, not a file" \
    create doc.md -o sock.mp4 "${SMALL[@]}" --overwrite
fi

# a folder where the thumbnail goes: refused before the video is made
mkdir -p out/talk.png
refused "a folder at the thumbnail's path" '[ -d out/talk.png ] && [ ! -e out/talk.mp4 ]' \
  "talk.png is a folder, not a file" create doc.md -o out/talk.mp4 "${SMALL[@]}" --overwrite

# a name the file system takes but whose temporary name (24 bytes longer) it
# does not: refused before the work, not after it ("File name too long")
long=$(printf 'm%.0s' $(seq 240))
refused "create -o a 244-byte name" '[ -z "$(ls | grep mmmm)" ]' "is 244 bytes: vgrun writes it through a temporary file" \
  create doc.md -o "$long.mp4" "${SMALL[@]}"
refused "frame -o a 244-byte name" '[ -z "$(ls | grep mmmm)" ]' "is 244 bytes" \
  frame doc.md --scene 1 -o "$long.png" "${SMALL[@]}"
short=$(printf 'm%.0s' $(seq 219))
"$VGRUN" create doc.md -o "$short.mp4" "${SMALL[@]}" >out.txt 2>err.txt; rc=$?
expect_rc 0 "create -o a 223-byte name (its timing report's fits)"
rm -f mmmm*

# a link to a FIFO is a link: replaced, never written through
ln -s pipe.mp4 link.mp4
"$VGRUN" create doc.md -o link.mp4 "${SMALL[@]}" --overwrite >out.txt 2>err.txt; rc=$?
expect_rc 0 "create -o a link to a FIFO --overwrite"
check "the link is replaced by the video, the FIFO stays" eval '[ -f link.mp4 ] && [ ! -L link.mp4 ] && [ -p pipe.mp4 ]'
vg_done
