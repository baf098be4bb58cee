"""Load: 100 SSE clients on one task and 20 uploads at once. Every client
sees every event once, in order, and the stream ends after the final one;
every upload gets its 202. Memory stays bounded: the server's RSS with the
clients connected is printed per client, and a client that never reads is
dropped once its queue passes the limit while the others go on."""
import json
import os
import socket
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, multipart, sse_events  # noqa: E402

N_CLIENTS, N_UPLOADS, N_EVENTS = 100, 20, 200
# ASan keeps freed memory in quarantine: RSS says nothing there (printed only)
SANITIZED = "ASAN_OPTIONS" in os.environ
s = Server(fake=True, env={"VGRUN_FAKE_EVENTS": str(N_EVENTS)})
try:
    body, ctype = multipart([("file", ("talk.md", b"# Load\n\nHello.\n"))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    tid = j["id"]
    base_rss = s.rss_kb()

    results = [None] * N_CLIENTS
    connected = threading.Barrier(N_CLIENTS + 1)

    def client(i):
        c = s.conn(timeout=120)
        c.request("GET", "/api/tasks/%s/events" % tid)
        r = c.getresponse()
        r.readline()  # retry:
        r.readline()
        connected.wait()
        events, _ = sse_events(r)
        results[i] = [(int(e["id"]), e.get("event")) for e in events if "id" in e]
        c.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(N_CLIENTS)]
    for t in threads:
        t.start()
    connected.wait()
    while True:   # every stream registered on the server
        st, _, h = s.json("GET", "/api/health")
        if h["streams"] >= N_CLIENTS:
            break
    rss = s.rss_kb()
    per_client = (rss - base_rss) / N_CLIENTS
    print("figure: RSS %d KB idle, %d KB with %d SSE clients: %.1f KB per client"
          % (base_rss, rss, N_CLIENTS, per_client))

    uploads = [None] * N_UPLOADS

    def upload(i):
        b, ct = multipart([("file", ("doc%d.md" % i, ("# Doc %d\n\n" % i + "word " * 2000).encode()))])
        uploads[i] = s.json("POST", "/api/tasks", body=b, headers={"Content-Type": ct})[0]

    ups = [threading.Thread(target=upload, args=(i,)) for i in range(N_UPLOADS)]
    for t in ups:
        t.start()
    st, _, _ = s.json("POST", "/api/tasks/%s/resume" % tid)
    for t in ups + threads:
        t.join()
    want = list(range(1, N_EVENTS + 1))
    bad = [i for i, r in enumerate(results) if r is None or [x[0] for x in r] != want]
    check(not bad, "%d SSE clients each saw events 1..%d once, in order (wrong: %s)" % (N_CLIENTS, N_EVENTS, bad[:5]))
    check(all(r and r[-1][1] == "task.done" for r in results), "every stream ended after the final event")
    check(uploads == [202] * N_UPLOADS, "%d concurrent uploads -> 202 each (%s)" % (N_UPLOADS, uploads))
    st, _, j = s.json("GET", "/api/tasks")
    check(len(j["tasks"]) == N_UPLOADS + 1, "every upload became a task")
    check(SANITIZED or per_client < 64, "memory per SSE client is bounded (%.1f KB < 64 KB)" % per_client)

    # a client that never reads: its queue reaches the limit and it is
    # dropped; memory does not follow the events it did not take
    slow = socket.socket()
    slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    slow.connect((s.host, s.port))
    slow.sendall(("GET /api/events HTTP/1.1\r\nHost: %s\r\n\r\n" % s.hostport).encode())
    N_BIG, PAD = 400, 16000   # ~6.4 MB: more than the socket buffers hold
    b, ct = multipart([("text", "# Slow\n\nHi.\n"), ("format", "md"),
                       ("options", json.dumps({"events": N_BIG, "pad": PAD, "pace": 0.002}))])
    st, _, j = s.json("POST", "/api/tasks", body=b, headers={"Content-Type": ct})
    tk = j["id"]
    while True:   # the slow client's stream is registered
        st, _, h = s.json("GET", "/api/health")
        if h["streams"] >= 1:
            break
    rss_before = s.rss_kb()
    # a reading client watches the task to its end: by then every event was
    # handed to the slow client's queue too
    c = s.conn(timeout=120)
    c.request("GET", "/api/tasks/%s/events" % tk)
    r = c.getresponse()
    s.json("POST", "/api/tasks/%s/resume" % tk)
    evs, _ = sse_events(r)
    c.close()
    check(len([e for e in evs if "id" in e]) == N_BIG, "a reading client got all %d large events" % N_BIG)
    st, _, h = s.json("GET", "/api/health")
    grow = s.rss_kb() - rss_before
    print("figure: %d events (~%d KB) sent past a client that never reads; RSS grew %d KB"
          % (N_BIG, N_BIG * PAD // 1024, grow))
    check(SANITIZED or grow < N_BIG * PAD // 1024 // 2, "memory did not follow what the slow client left unread")
    check(h["streams"] == 0, "the client that never reads was dropped (streams open: %d)" % h["streams"])
    slow.close()
finally:
    rc = s.stop()
check(rc == 0, "stopped cleanly")
done()
