"""SIGTERM right after a request, twenty times on a fresh `vgrun serve`: the
signal raises its error in whatever Lua runs at that moment (a preview being
stored or drawn, a task being submitted, the lines that print the URL), and
each stop must be the clean one: exit 0, "vgrun serve: stopped", no
"interrupted!" and no Lua stack trace in the log. Before, most tries with a
frame preview logged "POST /api/frame: interrupted!" with a stack trace, and
a signal right after the URL was printed ended the command ("vgrun:
interrupted", exit 130)."""
import os
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done  # noqa: E402

BODY = b"# Title\n\nSome words here.\n\n## Part\n\n- one\n- two\n"
ROUTES = ["/api/frame", "/api/check", "/api/tasks", "/api/scenes"]
DELAYS = [0, 0.002, 0.01, 0.03]

bad = []
for i in range(20):
    s = Server()
    route, delay = ROUTES[i % len(ROUTES)], DELAYS[(i // len(ROUTES)) % len(DELAYS)]
    c = socket.create_connection((s.host, s.port))
    c.sendall(("POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: text/markdown\r\nContent-Length: %d\r\n\r\n"
               % (route, s.hostport, len(BODY))).encode() + BODY)
    if delay:
        time.sleep(delay)
    rc = s.stop(signal.SIGTERM)
    c.close()
    err = s.stderr or ""
    if rc != 0 or "interrupted" in err or "traceback" in err or "vgrun serve: stopped" not in err:
        bad.append((route, delay, rc, err[-300:]))
check(not bad, "twenty SIGTERMs right after a request: each a clean stop, exit 0 (%d not: %r)" % (len(bad), bad[:3]))
done()
