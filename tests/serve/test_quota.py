"""The caps on the task queue and the disk (G6: one client queued 300 tasks
and 25 MB of uploads in seconds): queued tasks in all and per client
address -> 429 with Retry-After, a data folder's disk without the room kept
-> 507, each with a JSON message; submissions sent at once are counted
before any is queued; a resume is held to the same caps; a task that leaves
the queue frees its place. The fake manager (its tasks stay queued until
resumed) for the counts; the real one for the concurrent submissions and
the disk."""
import json
import os
import socket
import subprocess
import sys
import threading
import http.client

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import need_tasks, Server, check, done, multipart, VGRUN  # noqa: E402

MD = {"Content-Type": "text/markdown"}


class FromConnection(http.client.HTTPConnection):
    """A connection from a source address of our choice (127.0.0.2 is
    another client of a loopback server)."""

    def __init__(self, host, port, source, timeout=60):
        super().__init__(host, port, timeout=timeout, source_address=(source, 0))


def post(s, source, path, body=b"", headers=None):
    c = FromConnection(s.host, s.port, source)
    c.request("POST", path, body=body, headers=dict(headers or {}, Host=s.hostport))
    r = c.getresponse()
    data = r.read()
    c.close()
    try:
        j = json.loads(data.decode() or "null")
    except ValueError:
        j = {}
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), j or {}


def submit(s, source, n):
    return post(s, source, "/api/tasks", ("# Task %d\n\nSentence number %d.\n" % (n, n)).encode(), MD)


# -- counts, with the fake manager: 5 queued in all, 3 per client ----------
s = Server(fake=True, env={"VG_SERVE_MAX_QUEUED": "5", "VG_SERVE_MAX_QUEUED_PER_CLIENT": "3"})
try:
    a_ids = []
    for i in range(3):
        st, _, j = submit(s, "127.0.0.1", i)
        check(st == 202, "client A, task %d -> 202" % (i + 1))
        a_ids.append(j.get("id"))
    st, h, j = submit(s, "127.0.0.1", 4)
    check(st == 429 and h.get("retry-after", "").isdigit(), "client A's 4th queued task -> 429 with Retry-After (%d)" % st)
    check("3 of your tasks" in j.get("error", ""), "the message says why (%s)" % j.get("error"))
    check(h.get("content-type") == "application/json", "the 429 is JSON")
    st, _, j = submit(s, "127.0.0.2", 5)
    check(st == 202, "client B is not held by A's cap -> 202")
    st, _, j = submit(s, "127.0.0.2", 6)
    check(st == 202, "client B's 2nd -> 202 (5 queued in all)")
    st, h, j = submit(s, "127.0.0.2", 7)
    check(st == 429 and "5 tasks are queued" in j.get("error", "") and "retry-after" in h,
          "the 6th queued task of all -> 429 (%d %s)" % (st, j.get("error")))
    # a task that leaves the queue frees its place
    st, _, _ = post(s, "127.0.0.1", "/api/tasks/%s/cancel" % a_ids[0])
    check(st == 200, "A cancels a queued task")
    st, _, j = submit(s, "127.0.0.1", 8)
    check(st == 202, "then A may queue one again -> 202")
    # a resume puts a task back in the queue: the caps hold for it too
    st, _, j = post(s, "127.0.0.1", "/api/tasks/%s/resume" % a_ids[0])
    check(st == 429, "resuming a cancelled task while the queue is full -> 429 (%d)" % st)
    # a task that starts leaves the queue too
    st, _, _ = post(s, "127.0.0.1", "/api/tasks/%s/resume" % a_ids[1])
    check(st == 200, "a queued task started (the fake manager's resume)")
    st, _, j = submit(s, "127.0.0.1", 9)
    check(st == 202, "its place is free again -> 202")
    # the preview routes are not tasks: not held by the queue's caps
    st, _, _ = post(s, "127.0.0.1", "/api/scenes", b"# Plan\n\nOne sentence.\n", MD)
    check(st == 200, "a preview is not held by the queue caps -> 200")
finally:
    s.stop()

# -- the real manager: submissions sent at once, and the disk -------------
s = Server(["-j", "1", "--max-queued-per-client", "2"])
try:
    need_tasks(s)
    # the first task keeps the one job busy for a while
    long_doc = "# Long\n\n" + "\n\n".join("## Part %d\n\n%s" % (i, "A sentence to say in part %d. " % i * 6)
                                         for i in range(30)) + "\n"
    body, ctype = multipart([("file", ("long.md", long_doc)), ("options", json.dumps({"resolution": "320x180"}))])
    st, _, j = post(s, "127.0.0.1", "/api/tasks", body, {"Content-Type": ctype})
    check(st == 202, "a long task -> 202 (%s)" % j)
    results = []

    def one(n):
        results.append(submit(s, "127.0.0.1", n)[0])
    threads = [threading.Thread(target=one, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ok = results.count(202)
    check(ok == 2 and results.count(429) == 6,
          "8 submissions at once with 2 allowed queued -> 2 x 202, 6 x 429 (%s)" % sorted(results))
finally:
    s.stop()

s = Server(["--min-free", "1T"])
try:
    st, h, j = s.json("POST", "/api/tasks", body=b"# Disk\n\nOne sentence.\n", headers=MD)
    check(st == 507 and "no room" in j.get("error", ""), "a disk without the 1T kept free -> 507 (%d %s)" % (st, j))
    tasks = os.path.join(s.data, "tasks")
    left = [n for n in os.listdir(tasks) if not n.endswith(".lock")] if os.path.isdir(tasks) else []
    check(left == [], "nothing stored for the refused task (%s)" % left)
finally:
    s.stop()

for bad in [["--max-queued", "-1"], ["--max-queued-per-client", "x"], ["--min-free", "5X"]]:
    p = subprocess.run([VGRUN, "serve", "--listen", "127.0.0.1:0"] + bad, capture_output=True, text=True, timeout=60)
    check(p.returncode == 2 and bad[0] in p.stderr, "serve %s -> exit 2 naming the option" % " ".join(bad))
p = subprocess.run([VGRUN, "serve", "--help"], capture_output=True, text=True, timeout=60)
check(all(o in p.stdout for o in ["--max-queued", "--max-queued-per-client", "--min-free"]), "serve --help lists the caps")
done()
