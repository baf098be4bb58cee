"""The task routes and the event streams of `vgrun serve`, through the
fake task manager (fake_tasks.lua: the contract's interface, no rendering):
SSE framing (id:, event:, data:), Last-Event-ID replay, heartbeat comments,
the end after the final event, a client that goes away, the files route
(Range, ETag, 304, 416), submit/list/get/cancel/delete."""
import json
import os
import socket
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, multipart, sse_events  # noqa: E402

s = Server(fake=True, heartbeat=0.05, env={"VGRUN_FAKE_EVENTS": "20"})
try:
    body, ctype = multipart([("file", ("talk.md", b"# Hi\n\nHello.\n")), ("options", json.dumps({"voice": "en"}))])
    st, h, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 202 and j.get("id") and h.get("location") == "/api/tasks/" + j["id"], "POST /api/tasks -> 202 {id}")
    tid = j["id"]
    st, _, j = s.json("POST", "/api/tasks", body=json.dumps({"text": "BROKEN", "format": "md"}),
                      headers={"Content-Type": "application/json"})
    check(st == 422 and j["diagnostics"][0]["line"] == 1, "a bad document -> 422 with diagnostics")
    st, _, j = s.json("GET", "/api/tasks")
    check(st == 200 and j["tasks"][0]["id"] == tid, "GET /api/tasks lists it")
    st, _, j = s.json("GET", "/api/tasks?status=queued")
    check(st == 200 and len(j["tasks"]) == 1, "?status=queued filters")
    st, _, j = s.json("GET", "/api/tasks?status=bogus")
    check(st == 400, "?status=bogus -> 400")
    st, _, j = s.json("GET", "/api/tasks/" + tid)
    check(st == 200 and j["status"] == "queued", "GET /api/tasks/ID")
    st, _, j = s.json("GET", "/api/tasks/nope")
    check(st == 404, "GET an unknown task -> 404")

    # files: Range, ETag, If-None-Match, 416, HEAD
    st, h, data = s.request("GET", "/api/tasks/%s/files/video.mp4" % tid)
    expect = bytes(i % 251 for i in range(100000))
    check(st == 200 and data == expect and h.get("content-type") == "video/mp4" and h.get("accept-ranges") == "bytes",
          "files/video.mp4 -> the whole file")
    etag = h.get("etag")
    st, h, data = s.request("GET", "/api/tasks/%s/files/video.mp4" % tid, headers={"Range": "bytes=1000-1999"})
    check(st == 206 and data == expect[1000:2000] and h.get("content-range") == "bytes 1000-1999/100000",
          "Range bytes=1000-1999 -> 206 with those bytes")
    st, h, data = s.request("GET", "/api/tasks/%s/files/video.mp4" % tid, headers={"Range": "bytes=-10"})
    check(st == 206 and data == expect[-10:], "Range bytes=-10 -> the last 10 bytes")
    st, h, _ = s.request("GET", "/api/tasks/%s/files/video.mp4" % tid, headers={"Range": "bytes=200000-"})
    check(st == 416 and h.get("content-range") == "bytes */100000", "Range past the end -> 416")
    st, _, data = s.request("GET", "/api/tasks/%s/files/video.mp4" % tid, headers={"If-None-Match": etag})
    check(st == 304 and data == b"", "If-None-Match with the ETag -> 304")
    st, _, data = s.request("GET", "/api/tasks/%s/files/video.mp4" % tid,
                            headers={"Range": "bytes=0-9", "If-Range": '"other"'})
    check(st == 200 and len(data) == 100000, "If-Range with another ETag -> the whole file")
    st, h, data = s.request("HEAD", "/api/tasks/%s/files/video.mp4" % tid)
    check(st == 200 and data == b"" and h.get("content-length") == "100000", "HEAD -> length, no body")
    st, _, _ = s.request("GET", "/api/tasks/%s/files/secret.txt" % tid)
    check(st == 404, "a name the task did not make -> 404")
    # a part named by a title in another script: its UTF-8 name, percent-encoded as browsers send it
    st, h, data = s.request("GET", "/api/tasks/%s/files/%s" % (tid, urllib.parse.quote("video-02-はじめに.mp4")))
    check(st == 200 and data == b"part two", "files/video-02-はじめに.mp4 (UTF-8 name) -> the file, got %d" % st)
    st, _, _ = s.request("GET", "/api/tasks/%s/files/%s" % (tid, urllib.parse.quote("video-02-はじめ.mp4")))
    check(st == 404, "a UTF-8 name the task did not make -> 404")

    # a client on the task's stream before it runs, one on /api/events
    c = s.conn()
    c.request("GET", "/api/tasks/%s/events" % tid)
    r = c.getresponse()
    check(r.status == 200 and r.getheader("content-type") == "text/event-stream", "events -> text/event-stream")
    g = s.conn()
    g.request("GET", "/api/events")
    rg = g.getresponse()
    rg.readline()  # "retry:" line
    st, _, j = s.json("POST", "/api/tasks/%s/resume" % tid)
    check(st == 200, "resume -> 200")
    events, comments = sse_events(r)
    evs = [e for e in events if "id" in e]
    ids = [int(e["id"]) for e in evs]
    check(ids == list(range(1, 21)), "every event once, ids 1..20 in order (got %s)" % ids[:25])
    check(all(json.loads(e["data"])["task"] == tid for e in evs), "data: is the event as JSON")
    check(evs[-1].get("event") == "task.done" and json.loads(evs[-1]["data"]).get("final"),
          "the stream ends after the final event")
    check(any("retry" in e for e in events), "retry: sent first")

    # Last-Event-ID replays what a client missed, each once
    c2 = s.conn()
    c2.request("GET", "/api/tasks/%s/events" % tid, headers={"Last-Event-ID": "15"})
    ev2, _ = sse_events(c2.getresponse())
    ids2 = [int(e["id"]) for e in ev2 if "id" in e]
    check(ids2 == [16, 17, 18, 19, 20], "Last-Event-ID: 15 -> 16..20 only (got %s)" % ids2)

    # heartbeat comments on a stream that stays open (/api/events)
    seen = 0
    while seen < 2:
        line = rg.readline().decode()
        if line.startswith(":"):
            seen += 1
    check(seen == 2, "heartbeat comments arrive")
    g.close()

    # a client that goes away is dropped (its stream closes)
    k = socket.create_connection((s.host, s.port))
    k.sendall(("GET /api/events HTTP/1.1\r\nHost: %s\r\n\r\n" % s.hostport).encode())
    k.recv(100)
    st, _, j = s.json("GET", "/api/health")
    before = j["streams"]
    k.close()
    while True:   # the next heartbeat finds it gone
        st, _, j = s.json("GET", "/api/health")
        if j["streams"] < before:
            break
    check(j["streams"] == before - 1, "a client that left is dropped")

    # cancel / delete
    body, ctype = multipart([("text", "# Two\n\nHi.\n"), ("format", "md")])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    t2 = j["id"]
    st, _, j = s.json("POST", "/api/tasks/%s/cancel" % t2)
    check(st == 200 and j["status"] == "cancelled", "cancel -> cancelled")
    st, _, j = s.json("POST", "/api/tasks/%s/cancel" % tid)
    check(st == 409, "cancel a done task -> 409")
    st, _, j = s.json("DELETE", "/api/tasks/" + t2)
    check(st == 200, "DELETE -> 200")
    st, _, j = s.json("GET", "/api/tasks/" + t2)
    check(st == 404, "a deleted task is gone")
finally:
    rc = s.stop()
check(rc == 0, "stopped cleanly")
done()
