"""Two signals at once (SIGTERM and SIGINT, as a supervisor and a person
might send them) to a real `vgrun serve` with a task in its video stage: the
second signal does not cut the stop short. The server exits 0 after saving
the task as stopped by the shutdown, and the next server resumes it. Before,
the second signal ended the process at once ("interrupted again, exiting",
exit 130) with the task's record still saying "running"."""
import json
import os
import shutil
import signal
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, render_under_way  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOC = os.path.join(ROOT, "tests", "create", "small.yaml")
OPTIONS = {"resolution": "256x144", "fps": 10}

tmp = tempfile.mkdtemp(prefix="vgserve-stop2-")
env = {"VGRUN_CACHE_DIR": os.path.join(tmp, "cache")}
try:
    s = Server(["-j", "1"], env=env, tmp=tmp)
    tid, _ = render_under_way(s, DOC, OPTIONS)
    # both pending together: the second is delivered while the first is handled
    s.p.send_signal(signal.SIGTERM)
    rc = s.stop(signal.SIGINT)
    check(rc == 0, "the server exits 0 after two signals (%s): %s" % (rc, s.stderr.strip()[-300:]))
    check("interrupted again" not in s.stderr, "no 'interrupted again, exiting'")
    check("vgrun serve: stopped" in s.stderr, "the stop ran to its end")
    with open(os.path.join(s.data, "tasks", tid, "task.json")) as f:
        rec = json.load(f)
    check(rec.get("status") != "running" and rec.get("cancelled_by") == "shutdown",
          "the task is saved as stopped by the shutdown (%s, %s)" % (rec.get("status"), rec.get("cancelled_by")))
    s2 = Server(["-j", "1"], env=env, tmp=tmp)
    try:
        st, _, t = s2.json("GET", "/api/tasks/" + tid)
        check(st == 200 and t.get("status") in ("queued", "running", "done"), "the next server resumes it (%s)" % t.get("status"))
    finally:
        s2.stop()
finally:
    shutil.rmtree(tmp, ignore_errors=True)
done()
