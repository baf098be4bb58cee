#!/usr/bin/env bash
# The pictures of one document hold at most limits.max_total_picture_pixels
# (512 megapixels) together, each file counted once: a few KB of PNG can say
# 8000x8000, and each such picture costs a second or two to check and to
# draw. Past the budget a picture is skipped, with a warning at its line;
# a document of dozens of ordinary pictures, or one picture shown often,
# never meets it.
#   VGRUN=build/vgrun tests/cli/picture_budget.sh
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch picture-budget
cd "$T" || exit 1
python3 - <<'PY'
import shutil, struct, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
def png(w, h, ctype, path):
    row = b'\0' * (1 + w * (3 if ctype == 2 else 1))
    c = zlib.compressobj(9)
    data = b''.join(c.compress(row) for _ in range(h)) + c.flush()
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, ctype, 0, 0, 0))
                + chunk(b'IDAT', data) + chunk(b'IEND', b''))
png(8000, 8000, 0, 'huge0.png')            # 64 megapixels in 62 KB
for i in range(1, 10): shutil.copy('huge0.png', 'huge%d.png' % i)
png(1920, 1080, 2, 'shot0.png')
for i in range(1, 40): shutil.copy('shot0.png', 'shot%d.png' % i)
def doc(path, names):
    with open(path, 'w') as f:
        f.write('# Pictures\n\nMany pictures.\n\n')
        for i, n in enumerate(names):
            f.write('## Slide %d\n\nWords about slide %d.\n\n![shot](%s)\n\n' % (i, i, n))
doc('huge.md', ['huge%d.png' % i for i in range(10)])
doc('same.md', ['huge0.png'] * 20)
doc('shots.md', ['shot%d.png' % i for i in range(40)])
PY
# pictures shown in the plan, by slide title
shown() { python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(s["title"].split()[-1] for v in d["videos"] for s in v["scenes"] if s.get("image")))' "$1"; }

"$VGRUN" scenes --json huge.md >out.json 2>err.txt; rc=$?
expect_rc 0 "scenes of ten 8000x8000 pictures"
check "the first eight are shown" [ "$(shown out.json)" = "0 1 2 3 4 5 6 7" ]
check "the ninth is skipped at its line" has err.txt '^huge.md:57:1: warning: picture budget spent: image huge8.png (8000x8000) skipped: a document.s pictures hold at most 512 megapixels together (limits.max_total_picture_pixels)$'
check "so is the tenth" has err.txt '^huge.md:63:1: warning: picture budget spent: image huge9.png'
check "each told once" [ "$(grep -c 'budget spent' err.txt)" = 2 ]

"$VGRUN" scenes --json same.md >out.json 2>err.txt; rc=$?
expect_rc 0 "scenes of one huge picture shown twenty times"
check "one file counts once" hasnt err.txt 'budget'
check "shown on every slide" [ "$(shown out.json | wc -w)" = 20 ]

"$VGRUN" scenes --json shots.md >out.json 2>err.txt; rc=$?
expect_rc 0 "scenes of forty 1920x1080 pictures"
check "ordinary pictures: no budget" hasnt err.txt 'budget'
check "all forty shown" [ "$(shown out.json | wc -w)" = 40 ]
vg_done
