"""make bench: figures of `vgrun serve` (no pass/fail).
  preview latency  POST /api/frame (the editor's redraw: document -> PNG) and
                   POST /api/scenes, p50/p99 over sequential requests
  event latency    from the task manager's emit to an SSE client, p50/p99
  memory           server RSS per connected SSE client
The fake task manager of tests/serve emits the events (with their emit time)."""
import json
import os
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "serve"))
build = sys.argv[1] if len(sys.argv) > 1 else "build"
os.environ.setdefault("VGRUN", os.path.join(ROOT, build, "vgrun"))
from common import Server, multipart, sse_events  # noqa: E402

DOC = """# Editor preview

## A list scene

- the first point
- the second point, a little longer
- a third

Some narration for this scene.

## Code

```python
def hello(name):
    return "hi " + name
```
"""


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


s = Server(fake=True, env={"VGRUN_FAKE_EVENTS": "300"})
try:
    # a fresh server first: its RSS then shows what the clients cost
    body, ctype = multipart([("text", "# Bench\n\nHi.\n"), ("format", "md"),
                             ("options", json.dumps({"pace": 0.002}))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    tid = j["id"]
    base = s.rss_kb()
    N = 100
    lats = [[] for _ in range(N)]
    ready = threading.Barrier(N + 1)

    def client(i):
        c = s.conn(timeout=120)
        c.request("GET", "/api/tasks/%s/events" % tid)
        r = c.getresponse()
        r.readline()
        r.readline()
        ready.wait()
        while True:
            line = r.readline()
            if not line:
                break
            if line.startswith(b"data: "):
                now = time.time()
                ev = json.loads(line[6:])
                if "emitted" in (ev.get("data") or {}):
                    lats[i].append((now - ev["data"]["emitted"]) * 1000)
        c.close()

    th = [threading.Thread(target=client, args=(i,)) for i in range(N)]
    for t in th:
        t.start()
    ready.wait()
    while s.json("GET", "/api/health")[2]["streams"] < N:
        pass
    rss = s.rss_kb()
    s.json("POST", "/api/tasks/%s/resume" % tid)
    for t in th:
        t.join()
    allv = [x for l in lats for x in l]
    print("events  emit -> client   p50 %6.2f ms  p99 %6.2f ms  (%d clients x %d events)"
          % (pct(allv, 50), pct(allv, 99), N, len(lats[0])))
    print("memory  %.1f KB per SSE client (RSS %d KB idle, %d KB with %d clients)" % ((rss - base) / N, base, rss, N))
    for route, extra, n in [("/api/frame", [("scene", "2"), ("options", json.dumps({"resolution": "1280x720"}))], 40),
                            ("/api/scenes", [], 40)]:
        body, ctype = multipart([("file", ("doc.md", DOC))] + extra)
        lat = []
        for i in range(n + 3):
            t0 = time.perf_counter()
            st, _, data = s.request("POST", route, body=body, headers={"Content-Type": ctype})
            dt = (time.perf_counter() - t0) * 1000
            assert st == 200, (route, st, data[:200])
            if i >= 3:   # the first requests load fonts and modules
                lat.append(dt)
        print("preview %-11s p50 %6.1f ms  p99 %6.1f ms  (%d requests%s)" % (route, pct(lat, 50), pct(lat, 99), n,
              ", 1280x720 PNG" if route == "/api/frame" else ""))

    # the loop stays free while frames render: /api/health answered while
    # 4 clients ask for 1280x720 frames without pause
    body, ctype = multipart([("file", ("doc.md", DOC)), ("scene", "2"),
                             ("options", json.dumps({"resolution": "1280x720"}))])
    stop = threading.Event()

    def framer():
        while not stop.is_set():
            s.request("POST", "/api/frame", body=body, headers={"Content-Type": ctype})
    fth = [threading.Thread(target=framer) for _ in range(4)]
    for t in fth:
        t.start()
    hl = []
    for i in range(100):
        t0 = time.perf_counter()
        s.request("GET", "/api/health")
        hl.append((time.perf_counter() - t0) * 1000)
    stop.set()
    for t in fth:
        t.join()
    print("health  during frames  p50 %6.1f ms  p99 %6.1f ms  (100 requests, 4 clients drawing 1280x720)"
          % (pct(hl, 50), pct(hl, 99)))

finally:
    s.stop()
