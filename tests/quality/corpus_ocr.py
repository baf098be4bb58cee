#!/usr/bin/env python3
"""corpus_ocr.py VGRUN OUT.mp4 DOC WxH [vgrun options...]: reads back, by OCR,
the table and list scenes of a video `vgrun create DOC -o OUT.mp4 --captions
burn,srt --resolution WxH [options]` made, from its outputs alone (the MP4,
OUT.timing.json, OUT.srt) and the plan `vgrun scenes` gives for the same
options (the headlines, the bullets, a table's column names).

For each table and list scene of OUT.timing.json:
- a settled frame (everything revealed, no caption on screen: after the
  scene's last cue, before its end) is read by tesseract (TSV: each word and
  its box);
- the scene's headline is read (every word of it);
- a table: every column name is read (every word of each);
- a list: every bullet is read (most of its words: OCR mangles code such as
  `--fast=#`), and no word read in the settled frame lies inside the box of
  a caption burnt over the scene (each cue's frame: the caption's box, the
  rows of the lower half with a run of dark pixels wider than 40 % of the
  frame), so no caption covers a list item (or any text of the slide).
A frame where the caption's box is not found fails too (the detector must
see what it measures).

Prints one line per failure ("FAIL ...") and a line per scene checked;
exits 1 when anything failed. --cut-right blanks the right half of every
frame read (table scenes only, their captions not looked for): the checker's own negative proof, which
corpus_ocr.sh runs beside a layout broken on purpose."""
import bisect
import json
import os
import re
import subprocess
import sys
import unicodedata

fails = []


def bad(msg):
    fails.append(msg)
    print("FAIL: " + msg)


def run(args):
    r = subprocess.run(args, capture_output=True)
    if r.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(args[:3]), r.returncode,
                                                 r.stderr.decode("utf-8", "replace")[:400]))
    return r.stdout


# --- words ------------------------------------------------------------------

def norm(w):
    """a word as compared: lower case, accents and punctuation dropped"""
    w = unicodedata.normalize("NFKD", w.lower())
    return "".join(c for c in w if c.isalnum() and not unicodedata.combining(c))


def words_of(text):
    return [n for n in (norm(w) for w in re.split(r"[\s/\-–—_.,:;()\[\]'\"`=#*]+", text)) if len(n) >= 2]


def near(a, b):
    """a word of the plan (a) read as an OCR word (b): equal, or one edit in
    four letters and more (two in eight), or inside a word OCR joined"""
    if a == b or (len(a) >= 3 and a in b):
        return True
    lim = 2 if len(a) >= 8 else 1 if len(a) >= 4 else 0
    if lim == 0 or abs(len(a) - len(b)) > lim:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= lim


def read_words(ocr, text):
    """the words of text found among the OCR words, and those missing"""
    got, missing = [], []
    for w in words_of(text):
        hit = [o for o in ocr if near(w, o["n"])]
        (got if hit else missing).append((w, hit))
    return got, missing


# --- frames -----------------------------------------------------------------

def grab_frames(mp4, numbers, W, H, tmp):
    """the gray frames of those numbers, decoded in one pass: {n: bytes}"""
    numbers = sorted(set(numbers))
    sel = "+".join("eq(n\\,%d)" % n for n in numbers)
    for f in os.listdir(tmp):
        if f.startswith("f") and f.endswith(".pgm"):
            os.remove(os.path.join(tmp, f))
    run(["ffmpeg", "-v", "error", "-y", "-i", mp4, "-vf", "select=" + sel, "-fps_mode", "passthrough",
         "-pix_fmt", "gray", os.path.join(tmp, "f%04d.pgm")])
    out = {}
    for k, n in enumerate(numbers, 1):
        data = open(os.path.join(tmp, "f%04d.pgm" % k), "rb").read()
        out[n] = data[len(data) - W * H:]
    return out


def write_pgm(path, raw, W, H):
    with open(path, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (W, H))
        f.write(raw)


def ocr(path):
    """tesseract's words with their boxes (left, top, right, bottom)"""
    # sparse text (--psm 11): a slide is headings and cards, not a page of
    # columns; the default page layout drops a short heading beside a card
    out = run(["tesseract", path, "-", "--psm", "11", "tsv"]).decode("utf-8", "replace")
    words = []
    for line in out.splitlines()[1:]:
        c = line.split("\t")
        if len(c) < 12 or not c[11].strip():
            continue
        words.append({"text": c[11], "n": norm(c[11]), "conf": float(c[10]),
                      "box": (int(c[6]), int(c[7]), int(c[6]) + int(c[8]), int(c[7]) + int(c[9]))})
    return words


def ocr_stacked(frames, W, H, tmp):
    """the words of several frames of one size, read in one tesseract run
    (the frames stacked one under the other), each frame's words in its
    own coordinates"""
    path = os.path.join(tmp, "stack.pgm")
    write_pgm(path, b"".join(frames), W, H * len(frames))
    per = [[] for _ in frames]
    for w in ocr(path):
        k = min(w["box"][1] // H, len(frames) - 1)
        x0, y0, x1, y1 = w["box"]
        w["box"] = (x0, y0 - k * H, x1, y1 - k * H)
        per[k].append(w)
    return per


def caption_box(raw, W, H):
    """the caption's box in a gray frame: the rows of the lower half with a
    run of dark pixels wider than 40 % of the frame (x0, y0, x1, y1)"""
    dark = bytes(1 if v < 110 else 0 for v in range(256))
    rows = []
    for y in range(H // 2, H):
        row = raw[y * W:(y + 1) * W].translate(dark)
        best = max(row.split(b"\x00"), key=len)
        if len(best) > W * 0.4:
            x0 = row.find(best)
            rows.append((y, x0, x0 + len(best)))
    if not rows:
        return None
    return (min(r[1] for r in rows), rows[0][0], max(r[2] for r in rows), rows[-1][0] + 1)


def meets(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# --- the plan and the video -------------------------------------------------

def srt_cues(path):
    """(start, end, text) of each cue"""
    cues = []
    if not os.path.exists(path):
        return cues
    stamp = r"(\d+):(\d+):(\d+)[,.](\d+)"
    for block in open(path, encoding="utf-8").read().strip().split("\n\n"):
        m = re.search(stamp + r" --> " + stamp, block)
        if not m:
            continue
        g = [int(x) for x in m.groups()]
        cues.append((g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000,
                     g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000,
                     " ".join(block[m.end():].split())))
    return cues


def check_cues(name, cues, frames, nums, W, H, tmp):
    """each cue of three words or more is the caption on screen at its
    middle: its band's rows (inverted: dark text on light) of every frame,
    stacked and read in one tesseract run; half its words read or more"""
    s = min(W, H) / 1080
    y0, h = int(H - 195 * s), int(140 * s)
    inv = bytes(255 - v for v in range(256))
    # words of three letters or more (tesseract reads "ls" as "Is"); a cue
    # not on screen has few of its words in the one shown
    long_words = lambda text: " ".join(w for w in words_of(text) if len(w) >= 3)
    todo = [(c, n) for c, n in zip(cues, nums) if len(long_words(c[2]).split()) >= 3]
    if not todo:
        return
    path = os.path.join(tmp, "cues.pgm")
    write_pgm(path, b"".join(frames[n][y0 * W:(y0 + h) * W].translate(inv) for _, n in todo), W, h * len(todo))
    out = run(["tesseract", path, "-", "--psm", "6", "tsv"]).decode("utf-8", "replace")
    read = [[] for _ in todo]
    for line in out.splitlines()[1:]:
        c = line.split("\t")
        if len(c) >= 12 and c[11].strip():
            k = min((int(c[7]) + int(c[9]) // 2) // h, len(todo) - 1)
            read[k].append({"text": c[11], "n": norm(c[11])})
    for (c, n), words in zip(todo, read):
        got, missing = read_words(words, long_words(c[2]))
        if len(missing) > len(got + missing) // 2:
            bad("%s: the caption %.2f-%.2f s %r is not the one on screen at %.2f s (read: %s)" % (
                name, c[0], c[1], c[2], (c[0] + c[1]) / 2, " ".join(w["text"] for w in words)))


def model_scene(model, sid):
    scenes = {s["id"]: s for v in model["videos"] for s in v["scenes"]}
    if sid in scenes:
        return scenes[sid]
    # a part `fit` split off: "<id>_<k>"
    return scenes.get(re.sub(r"_\d+$", "", sid))


def check_scene(tag, ctx, sc, words, boxes, held):
    ts, ps, ms = sc["timing"], sc["plan"], sc["model"]
    if held:
        # a caption is still on screen at the scene's end: what it covers is
        # not seen, nor are its own words the slide's; the layout under it is
        # the one `vgrun frame` draws for the same options (the same fit, no
        # caption drawn)
        words = [w for w in words if not meets(w["box"], held)]
        layout = os.path.join(ctx["tmp"], "layout.png")
        run([ctx["vgrun"]] + ctx["opts"] + ["frame", ctx["doc"], "--scene", str(ps["index"]), "--resolution",
                                            "%dx%d" % (ctx["W"], ctx["H"]), "--captions", "burn", "-o", layout,
                                            "--overwrite"])
        under_words = ocr(layout)
    else:
        under_words = words
    vc = ms.get("visual_content", {}) if ms else {}
    head = ps.get("title") or ""
    got, missing = read_words(words, head)
    if missing:
        bad("%s: headline %r not read (missing %s)" % (tag, head, ", ".join(m for m, _ in missing)))
    if ts["type"] == "table":
        for col in vc.get("columns") or []:
            got, missing = read_words(words, str(col))
            if missing:
                bad("%s: column %r not read (missing %s)" % (tag, col, ", ".join(m for m, _ in missing)))
    for b in ps.get("bullets") or []:
        got, missing = read_words(words, b)
        if len(missing) > max(1, len(got + missing) // 4):
            bad("%s: bullet %r not read (missing %s)" % (tag, b.strip(), ", ".join(m for m, _ in missing)))
    text = [w for w in under_words if w["conf"] >= 50 and len(w["n"]) >= 2]
    under = [w for w in text if any(meets(w["box"], b) for b in boxes)]
    if under:
        bad("%s: a caption (box %s) covers text of the slide: %s" % (
            tag, boxes[0], " ".join(w["text"] for w in under[:12])))
    print("  %s %s: %d words read, the lowest to y=%d, the caption from y=%s%s" % (
        tag, ts["type"], len(words), max([w["box"][3] for w in text] or [0]),
        min([b[1] for b in boxes] or ["-"]), " (held to the end: the layout from vgrun frame)" if held else ""))


def frame_times(mp4):
    """the times the video's frames start, in order (vgrun's MP4 holds a
    still picture as one long frame: a frame's number is not time x fps)"""
    out = run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time",
               "-of", "csv=p=0", mp4]).decode()
    return sorted(float(x) for x in out.split() if x.strip() not in ("", "N/A"))


def frame_at(times, t):
    """the number of the frame on screen at t"""
    return max(0, bisect.bisect_right(times, t) - 1)


def main():
    argv = sys.argv[1:]
    # --cut-right: the right half of every frame read is blanked before
    # OCR (the negative proof of the column check: corpus_ocr.sh); with it
    # only table scenes are read
    cut = "--cut-right" in argv
    argv = [a for a in argv if a != "--cut-right"]
    vgrun, mp4, doc, res = argv[:4]
    opts = argv[4:]
    W, H = (int(x) for x in res.split("x"))
    base = mp4[:-4]
    tmp = base + ".ocr"
    os.makedirs(tmp, exist_ok=True)
    plan_args = [vgrun] + opts + ["scenes", "--resolution", res, "--captions", "burn"]
    plan = json.loads(run(plan_args + ["--json", doc]))
    model = json.loads(run(plan_args + ["--model", doc]))
    timing = json.load(open(base + ".timing.json"))
    cues = srt_cues(base + ".srt")
    times = frame_times(mp4)
    ctx = {"vgrun": vgrun, "opts": opts, "doc": doc, "tmp": tmp, "W": W, "H": H}
    pscenes = {s["id"]: s for s in plan["scenes"]}
    name = os.path.basename(doc)
    # the scenes, and the frames each needs: the settled one (the last of
    # the scene, all revealed) and one under its first caption
    scenes = []
    for i, ts in enumerate(timing["scenes"], 1):
        if ts["type"] not in (("table",) if cut else ("table", "list")):
            continue
        tag = "%s scene %d (%s)" % (name, i, ts["id"])
        ps = pscenes.get(ts["id"])
        if ps is None or ps["type"] != ts["type"]:
            bad("%s: not in the plan `vgrun scenes` gives for the same options" % tag)
            continue
        start, end = ts["start"], ts["end"]
        mine = [c for c in cues if c[1] > start + 0.05 and c[0] < end - 0.05]
        sc = {"tag": tag, "timing": ts, "plan": ps, "model": model_scene(model, ts["id"]),
              "settled": frame_at(times, end - 0.15), "cue": None}
        if mine:
            c = mine[0]
            sc["cue"] = frame_at(times, (max(c[0], start) + min(c[1], end)) / 2)
        else:
            bad("%s: no caption over the scene" % tag)
        scenes.append(sc)
    if not scenes:
        bad("%s: no table or list scene in the video" % name)
    else:
        # every cue over these scenes, at its middle
        over = [c for c in cues if any(c[1] > sc["timing"]["start"] + 0.05 and c[0] < sc["timing"]["end"] - 0.05
                                       for sc in scenes)]
        cue_nums = [frame_at(times, (c[0] + c[1]) / 2) for c in over]
        frames = grab_frames(mp4, [sc["settled"] for sc in scenes] + cue_nums +
                             [sc["cue"] for sc in scenes if sc["cue"] is not None], W, H, tmp)
        if not cut:
            check_cues(name, over, frames, cue_nums, W, H, tmp)
        if cut:
            half = b"\xff" * (W - W // 2)
            frames = {n: b"".join(f[y * W:y * W + W // 2] + half for y in range(H)) for n, f in frames.items()}
        read = ocr_stacked([frames[sc["settled"]] for sc in scenes], W, H, tmp)
        for sc, words in zip(scenes, read):
            boxes = []
            held = caption_box(frames[sc["settled"]], W, H)
            if held:
                boxes.append(held)
            if sc["cue"] is not None and not cut:
                box = caption_box(frames[sc["cue"]], W, H)
                if box is None:
                    bad("%s: no caption box found in frame %d, under a caption" % (sc["tag"], sc["cue"]))
                else:
                    boxes.append(box)
            check_scene(sc["tag"], ctx, sc, words, boxes, held)
    print("%s: %d table and list scenes read, %d failures" % (name, len(scenes), len(fails)))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
