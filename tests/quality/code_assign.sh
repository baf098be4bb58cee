#!/usr/bin/env bash
# tests/quality/code_assign.sh: shell assignments of a quoted value in a tall
# frame (fd's README: `export FZF_DEFAULT_COMMAND='fd --type file'`). A line
# too long for the card breaks after its "=" (the value under the
# continuation mark) rather than shrink the block: the two export lines
# were set at 28 in a 1080x1920 frame two-thirds empty. Read back by
# tesseract: the words' heights (the type size), the value whole.
. "$(dirname "$0")/../lib.sh"
vg_need tesseract ffmpeg
vg_scratch code_assign

cat >"$T/fzf.md" <<'MD'
# Finder

## Using it with fzf

Set the default command:

```bash
export FZF_DEFAULT_COMMAND='fd --type file'
export FZF_CTRL_T_COMMAND="$FZF_DEFAULT_COMMAND"
```
MD

"$VGRUN" frame "$T/fzf.md" --scene 2 --resolution 1080x1920 -o "$T/f.png" >"$T/f.log" 2>&1 \
  || { bad "frame failed: $(cat "$T/f.log")"; vg_done; exit; }
check "no text cut" hasnt "$T/f.log" "was cut"
# the code card is dark: read its negative
ffmpeg -loglevel error -y -i "$T/f.png" -vf "format=gray,negate,eq=contrast=1.6" "$T/n.png"
tesseract "$T/n.png" - 2>/dev/null >"$T/o.txt"
# (tesseract reads "_" as a space and a quote as it likes)
n=$(grep -c 'COMMAND= *$' "$T/o.txt")
if [ "$n" -ge 2 ]; then ok; else bad "$n lines broken after their '=' (want 2): $(cat "$T/o.txt")"; fi
check "the value whole" has "$T/o.txt" "fd --type file"
# the heights of the words read with confidence: the type size on the frame
h=$(tesseract "$T/n.png" - tsv 2>/dev/null | awk -F'\t' 'NR > 1 && $12 ~ /[A-Za-z]/ && $11 > 60 { print $10 }' \
  | sort -n | awk '{ a[NR] = $1 } END { print (NR ? a[int((NR + 1) / 2)] : 0) }')
if [ "$h" -ge 30 ]; then ok; else bad "code words $h px high (want 30 or more)"; fi
vg_done
