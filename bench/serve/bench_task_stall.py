"""make bench: how long `vgrun serve` keeps a client waiting while a long
task runs (no pass/fail). One task of a 300 KB Markdown document (301
scenes, 32 videos of some ten minutes, at 640x360); a client asks
GET /api/health every 20 ms meanwhile; prints the waits' p50, p99 and
longest, and the longest wait's place in the task (its stage)."""
import json
import os
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "serve"))
build = sys.argv[1] if len(sys.argv) > 1 else "build"
os.environ.setdefault("VGRUN", os.path.join(ROOT, build, "vgrun"))
from common import Server, large_markdown, multipart  # noqa: E402

SECONDS = float(os.environ.get("STALL_SECONDS", "30"))
DOC = large_markdown(300)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


s = Server(env={"VGRUN_CACHE_DIR": os.path.join("/tmp", "vgrun-bench-stall-cache-%d" % os.getpid())})
try:
    s.json("GET", "/api/health")
    waits, stop = [], [False]

    def probe():
        while not stop[0]:
            t = time.time()
            s.json("GET", "/api/health")
            waits.append((time.time() - t, t))
            time.sleep(0.02)

    th = threading.Thread(target=probe)
    th.start()
    body, ctype = multipart([("file", ("big.md", DOC)), ("options", json.dumps({"resolution": "640x360"}))])
    st, _, j = s.json("POST", "/api/tasks", body, {"Content-Type": ctype})
    time.sleep(SECONDS)
    stop[0] = True
    th.join()
    stages = []
    for root, _, files in os.walk(os.path.join(s.data, "tasks")):
        if "events.jsonl" in files:
            for line in open(os.path.join(root, "events.jsonl")):
                e = json.loads(line)
                d = e.get("data") or {}
                if e.get("type") == "stage.started" or (isinstance(d, dict) and d.get("index") and d.get("progress") == 0):
                    stages.append((e.get("time") or 0, d.get("stage") or d.get("message")))
    longest, at = max(waits)
    where = [name for t, name in stages if t <= at + longest]
    xs = [w for w, _ in waits]
    print("task of a %d KB document (%s): %d requests to /api/health in %.0f s" % (len(DOC) // 1024, st, len(xs), SECONDS))
    print("  wait p50 %.1f ms  p99 %.1f ms  longest %.2f s (in the %s stage)" %
          (pct(xs, 50) * 1000, pct(xs, 99) * 1000, longest, where[-1] if where else "?"))
finally:
    s.stop()
    os.system("rm -rf /tmp/vgrun-bench-stall-cache-%d" % os.getpid())
