"""vgrun serve: a cancel (POST /api/tasks/ID/cancel) that lands once the join
has committed the MP4 is too late to stop the video: the task lists the MP4
in its outputs and its state records it, so no file is in the task's out/
folder that the task does not name; a resume finishes with the same bytes.
It used to end "cancelled" with a complete MP4 in out/ that neither the
task nor its state named. The window is forced with VGRUN_TEST_JOINED=FILE:
the video stage, after the join, creates FILE and waits for the cancel."""
import glob
import hashlib
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, multipart, need_tasks  # noqa: E402


def wait(pred, s, seconds=600):
    end = time.time() + seconds
    while time.time() < end:
        v = pred()
        if v:
            return v
        if s.p.poll() is not None:
            return None
        time.sleep(0.2)
    return None


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


mark_dir = os.environ.get("TMPDIR", "/tmp")
mark = os.path.join(mark_dir, "vgrun-joined-%d" % os.getpid())
if os.path.exists(mark):
    os.unlink(mark)
s = Server(env={"VGRUN_TEST_JOINED": mark})
try:
    need_tasks(s)
    doc = b"# Late cancels\n\nA cancel that comes after the join.\n\n## Two\n\nThe second part says little.\n"
    body, ctype = multipart([("file", ("late.md", doc)), ("options", json.dumps({"resolution": "640x360"}))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 202, "POST /api/tasks -> 202")
    tid = j["id"]

    def joined_or_ended():
        if os.path.exists(mark):
            return True
        st, _, t = s.json("GET", "/api/tasks/%s" % tid)
        return st == 200 and t.get("status") in ("done", "cancelled", "failed") and "ended"
    check(wait(joined_or_ended, s) is True, "the join was reached")
    st, _, _ = s.json("POST", "/api/tasks/%s/cancel" % tid)
    check(st in (200, 202), "POST cancel -> %d" % st)

    def ended():
        st, _, t = s.json("GET", "/api/tasks/%s" % tid)
        return t if st == 200 and t.get("status") in ("done", "cancelled", "failed") else None
    t = wait(ended, s)
    check(t is not None, "the task ended")
    t = t or {}
    out_dir = os.path.join(s.data, "tasks", tid, "out")
    mp4s = sorted(os.path.basename(p) for p in glob.glob(out_dir + "/*.mp4"))
    check(len(mp4s) == 1, "the join's MP4 is in out/: %r" % mp4s)
    listed = t.get("outputs") or []
    check(all(m in listed for m in mp4s), "every MP4 in out/ is a listed output: %r vs %r" % (mp4s, listed))
    recorded = set()
    for p in glob.glob(os.path.join(s.data, "tasks", tid, "state", "tasks", "*.json")):
        with open(p) as f:
            d = json.load(f)
        for stg in d.get("stages") or []:
            for fi in stg.get("files") or []:
                if fi.get("role") == "out" and os.path.exists(fi["path"]) and fi.get("sha256") == sha(fi["path"]):
                    recorded.add(os.path.basename(fi["path"]))
    check(all(m in recorded for m in mp4s), "the task's state records every MP4 by its hash: %r" % sorted(recorded))
    before = {m: sha(os.path.join(out_dir, m)) for m in mp4s}
    os.unlink(mark)
    st, _, _ = s.json("POST", "/api/tasks/%s/resume" % tid)
    if t.get("status") == "cancelled":
        check(st in (200, 202), "POST resume -> %d" % st)

        def done_again():
            st, _, t2 = s.json("GET", "/api/tasks/%s" % tid)
            return t2 if st == 200 and t2.get("status") in ("done", "failed") else None
        t2 = wait(done_again, s) or {}
        check(t2.get("status") == "done", "the resumed task is done: %r" % t2.get("status"))
        after = {m: sha(os.path.join(out_dir, m)) for m in mp4s if os.path.exists(os.path.join(out_dir, m))}
        check(before == after, "the resume kept the recorded MP4's bytes")
finally:
    if os.path.exists(mark):
        os.unlink(mark)
    s.stop()
done()
