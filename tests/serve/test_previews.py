"""Previews of large documents on a real `vgrun serve`: they run at most two
at once, eight more wait their turn, the rest get 503 with Retry-After; and
once the last one has answered, the server's memory goes back down (the Lua
garbage collected, the C heap's free pages returned)."""
import os
import random
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done  # noqa: E402

# ASan keeps freed memory in quarantine: RSS says nothing there (printed only)
SANITIZED = "ASAN_OPTIONS" in os.environ

random.seed(7)
WORDS = "alpha beta gamma delta render server engine video frame scene narration picture".split()
parts = ["# A large document\n"]
for i in range(1, 900):
    parts.append("\n## Section %d\n\n%s.\n\n- point one of %d\n- point two\n" %
                 (i, " ".join(random.choice(WORDS) for _ in range(150)), i))
DOC = "".join(parts).encode()


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


s = Server()
try:
    s.json("GET", "/api/health")
    idle = rss_kb(s.p.pid)
    results = []
    peak = [idle]

    def post():
        try:
            st, h, j = s.json("POST", "/api/check", body=DOC, headers={"Content-Type": "text/markdown"})
            results.append((st, h.get("retry-after")))
        except OSError as e:
            results.append((str(e), None))
        peak[0] = max(peak[0], rss_kb(s.p.pid))

    threads = [threading.Thread(target=post) for _ in range(14)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ok = [r for r in results if r[0] == 200]
    busy = [r for r in results if r[0] == 503]
    check(len(ok) >= 10 and len(ok) + len(busy) == 14 and all(r[1] for r in busy),
          "14 previews of a %d KB document at once: %d answered, %d told 503 with Retry-After (%s)"
          % (len(DOC) // 1024, len(ok), len(busy), sorted(set(r[0] for r in results), key=str)))
    check(len(busy) >= 1, "past two running and eight waiting, a preview is refused (%d)" % len(busy))
    # the answer to a later request comes after the collection that follows
    # the last preview
    st, _, _ = s.json("GET", "/api/health")
    after = rss_kb(s.p.pid)
    check(st == 200 and (SANITIZED or after - idle <= (peak[0] - idle) // 2),
          "memory goes back down after the previews: %d MB idle, %d MB at the peak, %d MB after"
          % (idle // 1024, peak[0] // 1024, after // 1024))
finally:
    s.stop()
done()
