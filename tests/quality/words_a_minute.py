#!/usr/bin/env python3
# words_a_minute.py VGRUN: a summary's pace, measured (docs/inputs.md, "Length"); not a test.
# For each document of the video_gen corpus, tests/quality/corpus and Debian's
# /usr/share/doc/*/README.md: its words outside code blocks, scenes, the length
# `vgrun scenes --json` estimates, and words a minute (CJK counted roughly).
import glob, json, os, re, subprocess, sys

vg = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
docs = []
for g in [os.path.join(here, "..", "..", "..", "shared", "corpus", "video_gen", "inputs", "*.md"), os.path.join(here, "corpus", "*.md"), "/usr/share/doc/*/README.md"]:
    docs += sorted(glob.glob(g))
env = dict(os.environ)
def prose_words(path):
    t = open(path, encoding="utf-8", errors="replace").read()
    t = re.sub(r"^```.*?^```", " ", t, flags=re.S | re.M)
    t = re.sub(r"^~~~.*?^~~~", " ", t, flags=re.S | re.M)
    w = len(t.split())
    cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", t))
    # CJK: a character ~ a third of a word (rough; same for before/after)
    return w + cjk // 3 if cjk < w else w + cjk // 2
for d in docs:
    r = subprocess.run([vg, "scenes", "--json", d], capture_output=True, text=True, env=env)
    try:
        j = json.loads(r.stdout); sec = j["seconds"]; n = len(j["scenes"])
    except Exception:
        print(f"{d}\tERR {r.stderr.strip()[:80]}"); continue
    w = prose_words(d)
    print(f"{os.path.basename(os.path.dirname(d)) if 'share/doc' in d else os.path.basename(d)}\t{w}\t{n}\t{sec:.0f}\t{w/(sec/60):.0f}")
