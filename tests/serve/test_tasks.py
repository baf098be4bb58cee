"""The task lifecycle through the HTTP API against the real task manager
(vg.serve.tasks): create from an upload, watch its events to the end, get
the video with a Range request and the captions; cancel and resume. Skips
(77) in a vgrun built without the manager."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import need_tasks, Server, check, done, multipart, sse_events  # noqa: E402

DOC = b"# Tasks test\n\n## One\n\nA short scene.\n"
s = Server(["-j", "1"])
try:
    need_tasks(s)
    body, ctype = multipart([("file", ("talk.md", DOC)), ("options", json.dumps({"resolution": "320x180"}))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 202 and "id" in j, "POST /api/tasks -> 202")
    tid = j["id"]
    c = s.conn(timeout=600)
    c.request("GET", "/api/tasks/%s/events" % tid)
    events, _ = sse_events(c.getresponse())
    ids = [int(e["id"]) for e in events if "id" in e]
    check(ids == sorted(set(ids)) and len(ids) > 0, "events arrive once each, ids increasing")
    last = json.loads([e for e in events if "id" in e][-1]["data"])
    check(last.get("final"), "the stream ends with the final event")
    st, _, t = s.json("GET", "/api/tasks/" + tid)
    check(st == 200 and t["status"] == "done", "the task is done (%s)" % t.get("status"))
    check("video.mp4" in t.get("outputs", []) and "video.vtt" in t.get("outputs", []), "outputs: video.mp4 and captions")
    st, h, data = s.request("GET", "/api/tasks/%s/files/video.mp4" % tid, headers={"Range": "bytes=0-7"})
    check(st == 206 and data[4:8] == b"ftyp", "the MP4 by Range")
    st, h, data = s.request("GET", "/api/tasks/%s/files/video.vtt" % tid)
    check(st == 200 and data.startswith(b"WEBVTT"), "the VTT captions")
    # replay from the start for a late client
    c2 = s.conn(timeout=60)
    c2.request("GET", "/api/tasks/%s/events" % tid, headers={"Last-Event-ID": "0"})
    ev2, _ = sse_events(c2.getresponse())
    check([int(e["id"]) for e in ev2 if "id" in e] == ids, "a late client gets the same events")
    # a client that already has the final event (or names an id past it):
    # the stream of the ended task ends at once, with no event (it waited
    # forever on keep-alives; 10 s of silence, less than the 15 s heartbeat,
    # fails such a stream instead of waiting on it)
    for lid in [str(ids[-1]), "500", "99999999999999999999"]:
        c3 = s.conn(timeout=10)
        try:
            c3.request("GET", "/api/tasks/%s/events" % tid, headers={"Last-Event-ID": lid})
            ev3, _ = sse_events(c3.getresponse())
            got = [int(e["id"]) for e in ev3 if "id" in e]
        except OSError as e:
            got = str(e)
        check(got == [], "Last-Event-ID %s of an ended task: the stream ends at once (%s)" % (lid, got))
    # an id that is no decimal integer is no id: the whole replay, then the end
    for lid in ["1e3", "-4", "abc"]:
        c3 = s.conn(timeout=10)
        try:
            c3.request("GET", "/api/tasks/%s/events?last_event_id=%s" % (tid, lid))
            ev3, _ = sse_events(c3.getresponse())
            got = [int(e["id"]) for e in ev3 if "id" in e]
        except OSError as e:
            got = str(e)
        check(got == ids, "last_event_id=%s: every event, then the end" % lid)
    st, _, j = s.json("DELETE", "/api/tasks/" + tid)
    check(st == 200, "DELETE removes it")

    # keep_timing: a transcript's task is made on its cue times, where the
    # plan of POST /api/scenes with keep_timing puts each scene
    srt = ("1\n00:00:03,000 --> 00:00:05,000\nWelcome to the talk about timing.\n\n"
           "2\n00:00:09,000 --> 00:00:12,000\nThe second point comes after a pause.\n")
    opts = json.dumps({"keep_timing": True, "resolution": "256x144", "fps": 10})
    body, ctype = multipart([("file", ("talk.srt", srt)), ("options", opts)])
    st, _, plan = s.json("POST", "/api/scenes", body=body, headers={"Content-Type": ctype})
    check(st == 200 and all("start" in x for x in plan.get("scenes", [])), "the kept plan has starts")
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 202, "a task with keep_timing -> 202")
    if st == 202:
        c = s.conn(timeout=600)
        c.request("GET", "/api/tasks/%s/events" % j["id"])
        sse_events(c.getresponse())
        st, _, data = s.request("GET", "/api/tasks/%s/files/video.timing.json" % j["id"])
        made = json.loads(data) if st == 200 else {"scenes": []}
        got = [(x["id"], round(x["start"], 2)) for x in made["scenes"]]
        want = [(x["id"], round(x["start"], 2)) for x in plan.get("scenes", [])]
        check(got == want and any(x[1] >= 9 for x in got),
              "the task's scenes start where the kept plan says (%s, %s)" % (got, want))
        s.json("DELETE", "/api/tasks/" + j["id"])

    # a set whose picture cannot be decoded: the task is done, the picture a
    # placeholder, and the warning `vgrun create` prints is the task's too
    # (it was done with warnings [])
    import io
    import struct
    import zipfile
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes([x * 4 % 256, y * 4 % 256, 128]) * 1 for y in range(64) for x in range(64))
    idat = zlib.compress(rows)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", idat[:len(idat) // 3]) + chunk(b"IEND", b""))
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("talk.md", "# Broken picture\n\n## Look\n\n![A chart](chart.png)\n\nThe chart shows growth.\n")
        zf.writestr("chart.png", png)
    body, ctype = multipart([("file", ("talk.zip", z.getvalue())),
                             ("options", json.dumps({"resolution": "256x144", "captions": False}))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 202, "a set with a picture that cannot be decoded -> 202")
    if st == 202:
        c = s.conn(timeout=600)
        c.request("GET", "/api/tasks/%s/events" % j["id"])
        evs, _ = sse_events(c.getresponse())
        st, _, t = s.json("GET", "/api/tasks/" + j["id"])
        ws = t.get("warnings", [])
        check(t.get("status") == "done" and any("chart.png" in w["text"] and "placeholder" in w["text"]
                                                 and w.get("file") == "talk.md" for w in ws),
              "the task is done with the picture's warning (%s)" % ws)
        check(not any(s.data in e.get("data", "") for e in evs), "no event names the server's folder")
        s.json("DELETE", "/api/tasks/" + j["id"])
finally:
    rc = s.stop()
check(rc == 0, "stopped cleanly")
done()
