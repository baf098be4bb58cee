"""Previews of large documents on a real `vgrun serve`: they are made in
child processes (the server's loop answers meanwhile, and the document's
plan never sits in the server's memory); at most two run at once, eight more
wait their turn, the rest get 503 with Retry-After. A child that takes longer
than --preview-timeout is stopped (422); a stop of the server stops its
children and leaves no file behind; files of a server that was killed mid
preview are removed at the next start."""
import json
import os
import signal
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, large_markdown  # noqa: E402

# ASan keeps freed memory in quarantine: RSS says nothing there (printed only)
SANITIZED = "ASAN_OPTIONS" in os.environ

# about 300 KB: past the 64 KB from which a preview is a child's, and light
# enough that ten in a row stay well within the client's wait under ASan
DOC = large_markdown(300)
MD = {"Content-Type": "text/markdown"}


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def children(pid):
    """the preview children of process pid (`timeout ... vgrun`; not the
    speech helper every vgrun forks at its start)"""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open("/proc/%s/cmdline" % d, "rb") as f:
                cmd = f.read().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid and cmd and os.path.basename(cmd[0]) == b"timeout":
            out.append(int(d))
    return out


def gone(pids, limit=30.0):
    """waits until none of pids is alive (at most limit seconds)"""
    end = time.time() + limit
    while time.time() < end:
        if not any(os.path.exists("/proc/%d" % p) for p in pids):
            return True
        time.sleep(0.05)
    return False


def tmp_files(s):
    return sorted(os.listdir(os.path.join(s.data, "tmp")))


def files_left(s, limit=10.0):
    """the preview files still there once the server has had up to limit
    seconds to remove them: a preview whose client left removes its files
    when its fiber resumes, a turn of the loop after the child is reaped"""
    end = time.time() + limit
    while tmp_files(s) and time.time() < end:
        time.sleep(0.05)
    return tmp_files(s)


s = Server()
try:
    s.json("GET", "/api/health")
    idle = rss_kb(s.p.pid)
    results = []
    peak = [idle]
    finished = []

    def post():
        try:
            st, h, data = s.request("POST", "/api/check", body=DOC, headers=MD, timeout=600)
            j = json.loads(data.decode() or "null")
            results.append((st, h.get("retry-after"), j.get("scenes") if isinstance(j, dict) else None))
        except OSError as e:
            results.append((str(e), None, None))
        finished.append(1)
        peak[0] = max(peak[0], rss_kb(s.p.pid))

    threads = [threading.Thread(target=post) for _ in range(14)]
    for t in threads:
        t.start()
    # while ten large documents are being read, the server answers at once:
    # its loop never reads them (the answer comes before any preview's)
    while not children(s.p.pid) and len(finished) < 14:
        pass
    st, _, j = s.json("GET", "/api/health")
    answered_before = len([r for r in results if r[0] == 200])
    check(st == 200 and answered_before == 0,
          "GET /api/health answered while the previews were read (%d previews answered before it)" % answered_before)
    for t in threads:
        t.join()
    ok = [r for r in results if r[0] == 200]
    busy = [r for r in results if r[0] == 503]
    check(len(ok) >= 10 and len(ok) + len(busy) == 14 and all(r[1] for r in busy),
          "14 previews of a %d KB document at once: %d answered, %d told 503 with Retry-After (%s)"
          % (len(DOC) // 1024, len(ok), len(busy), sorted(set(r[0] for r in results), key=str)))
    check(len(busy) >= 1, "past two running and eight waiting, a preview is refused (%d)" % len(busy))
    # (the same plan in every answer, of the summary's length: its ~300
    # sections, a minute per 500 words, keep a hundred scenes and more)
    check(all(r[2] and r[2] >= 100 for r in ok) and len(set(r[2] for r in ok)) == 1,
          "each answer is the whole plan (%s scenes)" % sorted(set(r[2] for r in ok), key=str))
    # the plans were made in children: the server holds the bodies, not the plans
    check(SANITIZED or peak[0] - idle < 120 * 1024,
          "the server's memory stays low: %d MB idle, %d MB at the peak" % (idle // 1024, peak[0] // 1024))
    check(not tmp_files(s), "no preview file is left (%s)" % tmp_files(s))
    # a frame of the large document, drawn by a child
    st, h, png = s.request("POST", "/api/frame?scene=3&resolution=320x180", body=DOC, headers=MD)
    check(st == 200 and h.get("content-type") == "image/png" and png[:8] == b"\x89PNG\r\n\x1a\n",
          "a frame of the large document is a PNG (%s)" % st)
finally:
    s.stop()

# a child that takes longer than --preview-timeout is stopped: 422, nothing left
s = Server(["--preview-timeout", "0.2"])
try:
    st, _, j = s.json("POST", "/api/scenes", body=DOC, headers=MD)
    check(st == 422 and "took more than 0.2 s" in j.get("error", ""),
          "a preview past --preview-timeout is 422 (%s %s)" % (st, j))
    # a small document is previewed in the server's process: no limit applies
    st, _, j = s.json("POST", "/api/check", body=b"# Small\n\nA line.\n", headers=MD)
    check(st == 200 and j.get("ok"), "a small document is previewed (%s)" % st)
    check(not tmp_files(s), "no preview file is left after the time limit (%s)" % tmp_files(s))
finally:
    s.stop()

# A reader that never ends (tests/serve/spin_plugin.lua, loaded by the
# server and so by its children): the time limit stops it; a client that
# leaves stops it; nothing is left behind.
PLUGIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spin_plugin.lua")
SPIN = json.dumps({"text": "SPIN\n", "format": "txt"}).encode()
JS = {"Content-Type": "application/json"}
s = Server(["--plugin", PLUGIN, "--preview-child", "0", "--preview-timeout", "2"])
try:
    st, _, j = s.json("POST", "/api/check", body=json.dumps({"text": "plain words\n", "format": "txt"}).encode(),
                      headers=JS)
    check(st == 200 and j.get("scenes") == 1, "the server's plug-in reads in the preview's child (%s %s)" % (st, j))
    st, _, j = s.json("POST", "/api/check", body=SPIN, headers=JS)
    check(st == 422 and "took more than 2 s" in j.get("error", ""),
          "a reader that never ends is stopped at --preview-timeout: 422 (%s %s)" % (st, j))
    check(not children(s.p.pid), "its child is gone (%s)" % children(s.p.pid))
    # the client leaves while the child reads: the child is stopped
    c = s.conn(600)
    c.request("POST", "/api/frame", body=SPIN, headers=JS)
    while not children(s.p.pid):
        time.sleep(0.01)
    kids = children(s.p.pid)
    c.close()
    check(gone(kids), "a client that leaves stops its preview's child (%s)" % kids)
    st, _, _ = s.json("GET", "/api/health")
    left = files_left(s)
    check(st == 200 and not left, "the server goes on, no file left (%s)" % left)
finally:
    s.stop()
check("internal error" not in (s.stderr or "") and "Traceback" not in (s.stderr or ""),
      "nothing went wrong in the server (%r)" % (s.stderr or "")[-300:])

# The same reader with the default --preview-child: a server with plug-ins
# makes every preview in a child, however small the document, so a reader
# that never ends (or that catches every error in a loop) is stopped at the
# time limit, and other requests are answered meanwhile. Before, a small
# document was read in the server's process and the server hung for good.
s = Server(["--plugin", PLUGIN, "--preview-timeout", "2"])
try:
    t0 = time.time()
    st, _, j = s.json("POST", "/api/check", body=SPIN, headers=JS)
    check(st == 422 and "took more than 2 s" in j.get("error", ""),
          "a small document's reader that never ends is stopped at the time limit: 422 (%s %s)" % (st, j))
    check(time.time() - t0 < 60, "... in about the limit (%.1f s)" % (time.time() - t0))
    catch = json.dumps({"text": "SPIN CATCH\n", "format": "txt"}).encode()
    for route in ["/api/check", "/api/scenes", "/api/frame"]:
        st, _, j = s.json("POST", route, body=catch, headers=JS)
        check(st == 422 and "took more than 2 s" in j.get("error", ""),
              "%s: a reader that catches every error in a loop is stopped too: 422 (%s %s)" % (route, st, j))
    # a request that comes while the reader runs is answered meanwhile
    res = []

    def spin():
        res.append(s.json("POST", "/api/scenes", body=SPIN, headers=JS)[0])
    th = threading.Thread(target=spin)
    th.start()
    time.sleep(0.5)
    st, _, j = s.json("GET", "/api/health")
    check(st == 200 and th.is_alive(), "the server answers the others meanwhile (%s)" % st)
    th.join()
    check(res == [422], "and the preview is 422 (%s)" % res)
    st, _, j = s.json("POST", "/api/check", body=json.dumps({"text": "plain words\n", "format": "txt"}).encode(),
                      headers=JS)
    check(st == 200 and j.get("scenes") == 1, "and previews again (%s %s)" % (st, j))
    left = files_left(s)
    check(not left, "no file left (%s)" % left)
finally:
    s.stop()
check("internal error" not in (s.stderr or "") and "Traceback" not in (s.stderr or ""),
      "nothing went wrong in the server (%r)" % (s.stderr or "")[-300:])

# the server stopped while a child reads: the child is stopped, no file left
s = Server()
keep = s.tmp
s.own = False
try:
    res = []

    def ask():
        try:
            res.append(s.request("POST", "/api/check", body=DOC, headers=MD)[0])
        except OSError as e:
            res.append(str(e))
    t = threading.Thread(target=ask)
    t.start()
    while not children(s.p.pid) and t.is_alive():
        pass
    kids = children(s.p.pid)
    # the child's own children too (it is `timeout`, then vgrun)
    grand = []
    for k in kids:
        grand += [int(x) for x in open("/proc/%d/task/%d/children" % (k, k)).read().split()] \
            if os.path.exists("/proc/%d/task/%d/children" % (k, k)) else []
    code = s.stop()
    t.join()
    check(code == 0 and len(res) == 1 and (res[0] == 503 or isinstance(res[0], str)),
          "a preview under way when the server stops: %s, exit %s" % (res, code))
    # SIGTERM at the stop; timeout -k 5 sends SIGKILL 5 s later if need be
    check(kids and gone(kids + grand), "the stop ends the preview's child processes (%s)" % (kids + grand))
    check(not tmp_files(s), "the stop leaves no preview file (%s)" % tmp_files(s))
    # files of a server killed mid preview (its pid gone) are removed at the
    # next start; a live process's are not
    os.makedirs(os.path.join(s.data, "tmp", "preview-999999999-1-abc.d", "sub"))
    with open(os.path.join(s.data, "tmp", "preview-999999999-2-abc.md"), "w") as f:
        f.write("x")
    live = "preview-%d-3-abc.md" % os.getpid()
    with open(os.path.join(s.data, "tmp", live), "w") as f:
        f.write("x")
    s2 = Server(tmp=keep)
    try:
        check(tmp_files(s2) == [live], "a dead server's preview files are removed at the start (%s)" % tmp_files(s2))
    finally:
        s2.stop()
finally:
    import shutil
    shutil.rmtree(keep, ignore_errors=True)
done()
