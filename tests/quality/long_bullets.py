#!/usr/bin/env python3
"""Bullets over sixteen words in the plans of the given documents: each with
its document and scene, then the count. A shown bullet is cut to a shorter
whole clause (vgi_short_clause) unless every cut would drop a negation or a
condition; this lists the ones kept whole, to judge by eye.

  python3 tests/quality/long_bullets.py build/vgrun tests/quality/corpus/*.md /usr/share/doc/*/README*

With no document, the documents of the issue-13 check: Debian's READMEs
(README, README.md, README.rst, README.markdown under /usr/share/doc; one
without a suffix is read as Markdown, through a copy named .md),
../shared/corpus/video_gen's Markdown and tests/quality/corpus.
"""
import glob, json, os, shutil, subprocess, sys, tempfile

V = sys.argv[1]
docs_in = sys.argv[2:]
if not docs_in:
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    docs_in = sorted(p for pat in ('README', 'README.md', 'README.rst', 'README.markdown')
                     for p in glob.glob('/usr/share/doc/*/' + pat))
    docs_in += sorted(glob.glob(os.path.join(root, '..', 'shared', 'corpus', 'video_gen', '**', '*.md'), recursive=True))
    docs_in += sorted(glob.glob(os.path.join(here, 'corpus', '*.md')))


def name(doc):
    return doc.split('/')[-2] + '/' + doc.split('/')[-1] if 'usr/share' in doc else doc.split('/')[-1]


tmp = tempfile.mkdtemp(prefix='long_bullets.')
n = 0; docs = 0; with_long = 0
for doc in docs_in:
    src = doc
    if '.' not in os.path.basename(doc) or doc.endswith(('.rst', '.markdown')):
        src = os.path.join(tmp, doc.strip('/').replace('/', '_') + '.md')
        shutil.copyfile(doc, src)
    try:
        plan = json.loads(subprocess.run([V, 'scenes', src, '--json'], capture_output=True, text=True, timeout=60).stdout)
    except Exception:
        continue
    docs += 1
    had = 0
    for s in plan['scenes']:
        for b in s.get('bullets') or []:
            t = b if isinstance(b, str) else (b.get('title') or '')
            w = len(t.split())
            if w > 16:
                n += 1; had = 1
                print(f"{w:3} {name(doc)} #{s['index']} | {t}")
    with_long += had
print(f"{n} bullets over 16 words in {with_long} of {docs} documents")
shutil.rmtree(tmp)
