#!/bin/sh
# Regenerates every contact sheet of docs/gallery/ (docs/gallery/README.md
# says what each shows). Run from the top of the tree after `make`:
#   sh scripts/gallery.sh              # all sheets
#   VGRUN=path/to/vgrun sh scripts/gallery.sh
# Documents from outside the tree are read where Debian installs them
# (/usr/share/doc), from ../shared/corpus/video_gen, and zoxide's README
# from $ZOXIDE_README; a sheet whose document is missing is named and
# left as it is.
set -eu
VGRUN=${VGRUN:-build/vgrun}
OUT=docs/gallery
CORPUS=${CORPUS:-../shared/corpus/video_gen/inputs}
ZOXIDE_README=${ZOXIDE_README:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
missing=0

# a document's file, unpacked when Debian gzipped it; empty when absent
doc() {
  if [ -f "$1" ]; then printf '%s\n' "$1"
  elif [ -f "$1.gz" ]; then n=$tmp/$(basename "$1"); gzip -dc "$1.gz" > "$n"; printf '%s\n' "$n"
  fi
}

# sheet NAME DOC [vgrun frame options]: a contact sheet scaled to 1280 wide
sheet() {
  name=$1 file=$2
  shift 2
  if [ -z "$file" ] || [ ! -f "$file" ]; then
    echo "gallery: $name: its document is missing, left as it was" >&2
    missing=1
    return 0
  fi
  rm -f "$tmp"/big*.png
  "$VGRUN" -q frame "$file" --sheet "$@" -o "$tmp/big.png" > /dev/null 2>&1 ||
    { echo "gallery: $name: vgrun frame failed" >&2; exit 1; }
  # (a long document's sheet comes in pages: the first one is kept)
  big=$tmp/big.png
  [ -f "$big" ] || big=$tmp/big-01.png
  ffmpeg -v error -y -i "$big" -vf scale=1280:-2 "$OUT/$name.png"
  echo "$OUT/$name.png"
}

for f in tests/quality/corpus/*.md; do
  b=$(basename "$f" .md)
  [ "$b" = SOURCES ] && continue
  sheet "corpus-$b" "$f"
done
sheet git-readme "$(doc /usr/share/doc/git/README.md)"
sheet noto-readme "$(doc /usr/share/doc/fonts-noto-core/README.md)"
sheet internet-guide "$(doc "$CORPUS/Internet_Guide_README.md")"
sheet layout-test "$OUT/layout-test.md"
sheet box-drawing "$OUT/box-drawing.md"
TALL="--resolution 1080x1920 --captions burn"
SQUARE="--resolution 1080x1080 --captions burn"
# shellcheck disable=SC2086
{
  sheet tall-burn-box-drawing "$OUT/box-drawing.md" $TALL
  sheet tall-burn-bats tests/quality/corpus/en-bats-README.md $TALL
  sheet tall-burn-libcbor "$(doc /usr/share/doc/libcbor0.8/README.md)" $TALL
  sheet tall-burn-zoxide "$ZOXIDE_README" $TALL
  sheet tall-burn-zstd tests/quality/corpus/en-zstd-README.md $TALL
  sheet tall-burn-all-types tests/create/all_types.yaml $TALL
  sheet square-burn-all-types tests/create/all_types.yaml $SQUARE
  sheet square-burn-aocl-de tests/quality/corpus/aocl-de.md $SQUARE
  sheet square-burn-internet-vol2 "$(doc "$CORPUS/Internet_Guide_Vol2_Protocols_Standards.md")" $SQUARE
}

# single frames side by side: a tall frame's table, code and quote, bats'
# code, table of contents and support list; a square frame's table, code
# and nested list
for s in 2 4 6; do
  "$VGRUN" -q frame "$OUT/layout-test.md" --scene $s --resolution 1080x1920 -o "$tmp/v$s.png" > /dev/null
  "$VGRUN" -q frame tests/quality/corpus/en-bats-README.md --scene $s --resolution 1080x1920 -o "$tmp/b$s.png" > /dev/null
done
ffmpeg -v error -y -i "$tmp/v2.png" -i "$tmp/v4.png" -i "$tmp/v6.png" -i "$tmp/b2.png" -i "$tmp/b4.png" -i "$tmp/b6.png" \
  -filter_complex "[0]scale=270:480[a];[1]scale=270:480[b];[2]scale=270:480[c];[3]scale=270:480[d];[4]scale=270:480[e];[5]scale=270:480[f];[a][b][c][d][e][f]hstack=inputs=6" \
  "$OUT/vertical.png"
echo "$OUT/vertical.png"
for s in 2 3 4; do
  "$VGRUN" -q frame "$OUT/layout-test.md" --scene $s --resolution 1080x1080 -o "$tmp/s$s.png" > /dev/null
done
ffmpeg -v error -y -i "$tmp/s2.png" -i "$tmp/s3.png" -i "$tmp/s4.png" \
  -filter_complex "[0]scale=420:420[a];[1]scale=420:420[b];[2]scale=420:420[c];[a][b][c]hstack=inputs=3" "$OUT/square.png"
echo "$OUT/square.png"
exit $missing
