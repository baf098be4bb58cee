"""kill -9 of the real `vgrun serve` in the middle of a render: a task is
submitted over HTTP, the server is killed with SIGKILL once the task's video
stage reports progress (seen over SSE), a new server starts on the same data
folder, the client picks the stream up again with Last-Event-ID and waits for
the final event, and the MP4, SRT and VTT equal a clean `vgrun create` run's
(cmp), each from a cache of its own."""
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, events_until, render_under_way, VGRUN  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOC = os.path.join(ROOT, "tests", "create", "small.yaml")
OPTIONS = {"resolution": "256x144", "fps": 10}
if not shutil.which("ffprobe"):
    print("SKIP: ffprobe is not installed")
    sys.exit(77)


tmp = tempfile.mkdtemp(prefix="vgserve-restart-")
env = {"VGRUN_CACHE_DIR": os.path.join(tmp, "cache")}
try:
    s = Server(["-j", "1"], env=env, tmp=tmp)
    tid, first = render_under_way(s, DOC, OPTIONS)
    s.p.kill()  # SIGKILL: nothing is saved on the way out
    s.p.wait()
    s.stop()
    check(s.p.returncode == -9, "the first server was killed by SIGKILL")
    with open(os.path.join(s.data, "tasks", tid, "task.json")) as f:
        rec = json.load(f)
    check(rec.get("status") == "running", "the record still says running (%s)" % rec.get("status"))
    check(not os.path.exists(os.path.join(s.data, "tasks", tid, "out", "video.mp4")), "no MP4 yet")
    last_seen = first[-1]["id"]

    # the next server on the same folder resumes it; the client goes on
    # from the last event it saw
    s2 = Server(["-j", "1"], env=env, tmp=tmp)
    try:
        st, _, t = s2.json("GET", "/api/tasks/" + tid)
        check(st == 200 and t.get("status") in ("queued", "running", "done"), "the task is back (%s)" % t.get("status"))
        c = s2.conn(timeout=600)
        c.request("GET", "/api/tasks/%s/events" % tid, headers={"Last-Event-ID": str(last_seen)})
        rest = events_until(c.getresponse(), lambda ev: ev.get("final"))
        ids = [ev["id"] for ev in rest]
        check(ids and ids[0] == last_seen + 1 and ids == list(range(ids[0], ids[0] + len(ids))),
              "the stream goes on after Last-Event-ID, every event once")
        check(rest and rest[-1].get("final") and rest[-1]["type"] == "pipeline.completed",
              "the task completes after the restart (%s)" % (rest and rest[-1].get("type")))
        check(any(ev["type"] == "stage.skipped" and (ev.get("data") or {}).get("stage") == "narrate" for ev in rest),
              "the narration is not made again")
        out = os.path.join(s2.data, "tasks", tid, "out")
        # a clean run of the same document with the same options
        clean = os.path.join(tmp, "clean")
        os.mkdir(clean)
        shutil.copy(DOC, os.path.join(clean, "small.yaml"))
        p = subprocess.run([VGRUN, "create", "--from", os.path.join(clean, "small.yaml"), "-o",
                            os.path.join(clean, "v.mp4"), "--resolution", "256x144", "--fps", "10",
                            "--captions", "srt,vtt"], capture_output=True, text=True, timeout=600,
                           env=dict(os.environ, VGRUN_CACHE_DIR=os.path.join(tmp, "cache2"),
                                    VGRUN_STATE_DIR=os.path.join(tmp, "state2")))
        check(p.returncode == 0, "vgrun create of the same document (%s)" % p.stderr.strip()[-200:])
        for ext in ["mp4", "srt", "vtt"]:
            a, b = os.path.join(clean, "v." + ext), os.path.join(out, "video." + ext)
            check(os.path.exists(b) and filecmp.cmp(a, b, shallow=False),
                  "video.%s equals a clean vgrun create run's (cmp)" % ext)
    finally:
        rc = s2.stop()
    check(rc == 0, "the second server stopped cleanly")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
done()
