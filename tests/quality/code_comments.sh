#!/usr/bin/env bash
# tests/quality/code_comments.sh: comments in code on slides (issue 13,
# point 6). A comment line is prose: in a tall or square frame one too long
# for its line is set as several comment lines, so the block's commands are
# set large (one long comment held a 12-line block at 24 in a 1080x1920
# frame with half of it empty); in a wide frame comments each over its one
# command stand after it, in a column, half as many lines. Read back by
# tesseract: the words' heights (the type size on the frame), every comment
# word whole, the commands there.
. "$(dirname "$0")/../lib.sh"
vg_need tesseract ffmpeg
vg_scratch code_comments

cat >"$T/jump.md" <<'MD'
# Jumper

## Getting started

Jump around:

```sh
j foo              # go to the highest ranked directory matching foo
j foo bar          # go to the highest ranked directory matching foo and bar
j foo /            # go into a subdirectory starting with foo

j ~/foo            # j also works like a regular change directory command
j ..               # go one level up
j -                # go back to the previous directory
```
MD

cat >"$T/setup.md" <<'MD'
# Setup

## Configure

Set it up:

```python
# read the settings file from the user's configuration folder first
settings = load("settings.toml")
# every value the file leaves out takes the default given below
settings.merge(DEFAULTS)
# then start the worker threads that watch the folders for changes
start(settings)
```
MD

cat >"$T/install.md" <<'MD'
# Packages

## Installation

Install it from your system's packages:

```bash
# On Alpine Linux
apk add jumper
# On Arch Linux
pacman -S jumper
# On Fedora
dnf install jumper
# On Gentoo Linux
emerge app-misc/jumper
# On FreeBSD
pkg install jumper
# On OpenBSD
pkg_add jumper
```
MD

cat >"$T/cmake.md" <<'MD'
# Build

## Setup

Configure and build:

```bash
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DWITH_FEATURE_X=ON  # configure the release build with feature X switched on
cmake --build build --parallel 8 --target install  # build everything and install it into the prefix
```
MD

cat >"$T/jq.md" <<'MD'
# jq

## Instructions

Build it from source:

```console
git submodule update --init    # if building from git to get oniguruma
autoreconf -i                  # if building from git
./configure --with-oniguruma=builtin
make clean                     # if upgrading from a version previously built from source
make -j8
make check
sudo make install
```
MD

# the code card is dark: read its negative, grey comments and all
neg() { ffmpeg -loglevel error -y -i "$1" -vf "format=gray,negate,eq=contrast=1.6" "$2"; }
# the words tesseract reads with confidence, each with its height in pixels
words() { tesseract "$1" - tsv 2>/dev/null | awk -F'\t' 'NR > 1 && $12 ~ /[a-z]/ && $11 > 60 { print $10, $12 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR ? a[int((NR + 1) / 2)] : 0) }'; }
frame() {   # frame DOC RES: the slide of DOC's code, negated, in $T/DOC-RES.png
  "$VGRUN" frame "$T/$1.md" --scene 2 --resolution "$2" --captions burn -o "$T/f.png" >"$T/f.log" 2>&1 \
    || { bad "$1 $2: frame failed: $(cat "$T/f.log")"; return 1; }
  check "$1 $2: no text cut" hasnt "$T/f.log" "was cut"
  neg "$T/f.png" "$T/$1-$2.png"
}

# A tall frame: each long comment above its command is two comment lines,
# the block at 40 or more (at 24 the words were 17 pixels high).
if frame jump 1080x1920; then
  words "$T/jump-1080x1920.png" >"$T/w.txt"
  h=$(awk '{ print $1 }' "$T/w.txt" | median)
  if [ "$h" -ge 26 ]; then ok; else bad "jump: code words $h px high (want 26 or more)"; fi
  text=$(awk '{ print $2 }' "$T/w.txt" | tr '\n' ' ')
  for w in highest ranked directory subdirectory regular previous; do
    echo " $text " | grep -q "$w" && ok || bad "jump: '$w' not read whole in: $text"
  done
fi

# Full-line comments the renderer wrapped under a mark go on as comments:
# every line of the comments starts with its "#" (three did, six were
# marked as continued).
for res in 1080x1920 1080x1080; do
  frame setup "$res" || continue
  tesseract "$T/setup-$res.png" - 2>/dev/null >"$T/o.txt"
  n=$(grep -c '^#' "$T/o.txt")
  if [ "$n" -ge 6 ]; then ok; else bad "setup $res: $n comment lines read (want 6 or more): $(cat "$T/o.txt")"; fi
  check "setup $res: the commands whole" has "$T/o.txt" 'settings = load("settings.toml")'
  check "setup $res: the last one" has "$T/o.txt" 'start(settings)'
done
# A trailing comment of a line too long for a tall frame's card stands on
# lines of its own above its command, reflowed as comments, while the
# command wraps between its tokens under its mark (the comment had wrapped
# under the command's continuation mark: "↪ release build with feature X
# switched" over "↪ on").
if frame cmake 1080x1920; then
  tesseract "$T/cmake-1080x1920.png" - 2>/dev/null >"$T/o.txt"
  check "cmake: a comment line" has "$T/o.txt" '# configure the release build'
  check "cmake: its words together" has "$T/o.txt" 'feature X switched on'
  check "cmake: the second comment" has "$T/o.txt" 'build everything and'
  check "cmake: the command there" has "$T/o.txt" 'cmake -S . -B build'
fi
# ... and so do trailing comments the block's size would wrap under the
# mark, where every line is whole a little smaller (jq's build steps: "↪ #
# if upgrading from a" / "↪ version previously built" / "↪ from source").
if frame jq 1080x1920; then
  tesseract "$T/jq-1080x1920.png" - 2>/dev/null >"$T/o.txt"
  check "jq: a comment's words on its lines" has "$T/o.txt" 'previously built from source'
  check "jq: the other comment" has "$T/o.txt" 'if building from git to'
  check "jq: the command whole" has "$T/o.txt" 'git submodule update --init'
fi
# A wide frame: comments each over its one command stand after it, in a
# column, six lines at 44 where twelve were at 28 under an empty right half.
if frame install 1920x1080; then
  tesseract "$T/install-1920x1080.png" - 2>/dev/null >"$T/o.txt"
  for pair in 'apk add jumper *# On Alpine Linux' 'dnf install jumper *# On Fedora' \
    'emerge app-misc/jumper *# On Gentoo Linux'; do
    check "install: '$pair' on one line" has "$T/o.txt" "$pair"
  done
  words "$T/install-1920x1080.png" >"$T/w.txt"
  h=$(awk '{ print $1 }' "$T/w.txt" | median)
  if [ "$h" -ge 28 ]; then ok; else bad "install: code words $h px high (want 28 or more)"; fi
fi
vg_done
