#!/usr/bin/env python3
"""Bullets over sixteen words in the plans of the given documents: each with
its document and scene, then the count. A shown bullet is cut to a shorter
whole clause (vgi_short_clause) unless every cut would drop a negation or a
condition; this lists the ones kept whole, to judge by eye.

  python3 tests/quality/long_bullets.py build/vgrun tests/quality/corpus/*.md /usr/share/doc/*/README*
"""
import json, subprocess, sys
V = sys.argv[1]
n = 0; docs = 0
for doc in sys.argv[2:]:
    try:
        plan = json.loads(subprocess.run([V, 'scenes', doc, '--json'], capture_output=True, text=True, timeout=60).stdout)
    except Exception:
        continue
    docs += 1
    for s in plan['scenes']:
        for b in s.get('bullets') or []:
            t = b if isinstance(b, str) else (b.get('title') or '')
            w = len(t.split())
            if w > 16:
                n += 1
                print(f"{w:3} {doc.split('/')[-2] if 'usr/share' in doc else doc.split('/')[-1]} #{s['index']} | {t}")
print(f"{n} bullets over 16 words in {docs} documents")
