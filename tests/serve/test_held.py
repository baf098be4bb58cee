"""A task whose plug-in never ends (tests/serve/held_plugin.lua): a stage
with `while true do end`, one that catches every error in such a loop, a
listener that never returns. The server stops that Lua after --lua-timeout
seconds: the task fails with "stage 'held' ran N s without yielding", its
state is saved, a listener is removed, other requests are answered, and
SIGTERM stops the server cleanly (before, every other request hung and
the stop never ended)."""
import json
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, need_tasks  # noqa: E402

PLUGIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "held_plugin.lua")
JS = {"Content-Type": "application/json"}
OPTIONS = {"resolution": "320x180", "captions": False}


def submit(s, text):
    body = json.dumps({"text": "# Held\n\n%s\n\nA paragraph of text.\n" % text, "format": "md",
                       "options": OPTIONS}).encode()
    st, _, j = s.json("POST", "/api/tasks", body=body, headers=JS)
    check(st == 202, "POST /api/tasks (%s) -> 202 (%s)" % (text, st))
    return j.get("id") if isinstance(j, dict) else None


def answered(s, wait):
    """GET /api/health within `wait` s: its status, or the error."""
    try:
        c = s.conn(timeout=wait)
        c.request("GET", "/api/health")
        return c.getresponse().status
    except OSError as e:
        return repr(e)


def settled(s, tid, wait=60):
    """the task once it is no longer queued or running (or the last seen)"""
    end = time.time() + wait
    t = {}
    while time.time() < end:
        try:
            c = s.conn(timeout=wait)
            c.request("GET", "/api/tasks/%s" % tid)
            t = json.loads(c.getresponse().read() or b"{}")
        except (OSError, ValueError):
            return t
        if t.get("status") not in ("queued", "running"):
            return t
        time.sleep(0.2)
    return t


for word in ("HOLD", "HOLD CATCH"):
    s = Server(["--plugin", PLUGIN, "--lua-timeout", "2"])
    try:
        need_tasks(s)
        tid = submit(s, word)
        st = answered(s, 20)
        check(st == 200, "%s: /api/health answers while the stage holds the loop (%s)" % (word, st))
        t = settled(s, tid)
        err = t.get("error") or ""
        if isinstance(err, dict):
            err = err.get("message") or ""
        check(t.get("status") == "failed", "%s: the task failed (%s)" % (word, t.get("status")))
        check("stage 'held' ran" in err and "s without yielding" in err and "held_plugin.lua" in err,
              "%s: its error says which stage held the loop and where (%r)" % (word, err))
        state = os.path.join(s.data, "tasks", tid or "-", "task.json")
        with open(state) as f:
            rec = json.load(f)
        check(rec.get("status") == "failed", "%s: the task's record says failed (%s)" % (word, rec.get("status")))
        # the server goes on: another task of the same server runs its stages
        other = submit(s, "LISTEN")
        t2 = settled(s, other, 300)
        check(t2.get("status") == "done", "%s: a task after it is done (%s)" % (word, t2.get("status")))
    finally:
        code = s.stop()
    check(code == 0, "%s: SIGTERM stops the server, exit 0 (%s)" % (word, code))
    if word == "HOLD":
        check("listener for held.listen stopped and removed" in (s.stderr or ""),
              "a listener that never returns is stopped and removed (%r)" % (s.stderr or "")[-300:])

# a reader that never ends (tests/serve/spin_plugin.lua), read at submit in
# the server's process: the document is refused, the server answers
s = Server(["--plugin", os.path.join(os.path.dirname(PLUGIN), "spin_plugin.lua"), "--lua-timeout", "2"])
try:
    need_tasks(s)
    for text in ("SPIN", "SPIN CATCH"):
        body = json.dumps({"text": text + "\n", "format": "txt"}).encode()
        try:
            c = s.conn(timeout=20)
            c.request("POST", "/api/tasks", body=body, headers=JS)
            r = c.getresponse()
            st, j = r.status, r.read().decode()
        except OSError as e:
            st, j = repr(e), ""
        check(st == 422 and "without yielding" in j, "a reader that never ends (%s): 422 (%s %s)" % (text, st, j[:160]))
        st = answered(s, 20)
        check(st == 200, "... and /api/health answers after it (%s)" % st)
finally:
    code = s.stop()
check(code == 0, "readers: SIGTERM stops the server, exit 0 (%s)" % code)

# SIGTERM while a stage that catches every error holds the loop: the stop
# goes on once the stage is stopped, the task is saved, exit 0
s = Server(["--plugin", PLUGIN, "--lua-timeout", "3"])
try:
    need_tasks(s)
    tid = submit(s, "HOLD CATCH")
    time.sleep(1)
    s.p.send_signal(signal.SIGTERM)
    try:
        s.p.wait(timeout=30)
    except Exception:
        pass
    check(s.p.returncode == 0, "SIGTERM while a plug-in holds the loop: stopped, exit 0 (%s)" % s.p.returncode)
    with open(os.path.join(s.data, "tasks", tid or "-", "task.json")) as f:
        rec = json.load(f)
    check(rec.get("status") in ("failed", "cancelled"), "... the task is saved as %s" % rec.get("status"))
finally:
    if s.p.returncode is None:
        s.p.kill()
    s.stop()

done()
