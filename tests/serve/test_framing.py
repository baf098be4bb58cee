"""Request framing that a proxy in front may read otherwise (RFC 9112 §6.3,
§3.2; RFC 9110 §5.3), sent as raw bytes to a real `vgrun serve`: two
Content-Length headers (h2o 2.2 took the first and read the rest of the body
as a second request: request smuggling), two Host, Sec-Fetch-Site,
Content-Type or Origin headers, Content-Length with Transfer-Encoding, a
folded header, no Host: 400 and the connection closed, before any route, the bytes
after the body never answered. A compressed request body: 415. Requests
pipelined on one connection are still each answered."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, raw, statuses  # noqa: E402



def error_of(out):
    body = out.split(b"\r\n\r\n", 1)[1].split(b"<")[0]
    try:
        return json.loads(body.decode()).get("error", "")
    except ValueError:
        return body.decode(errors="replace")


s = Server()
try:
    H = "Host: %s\r\n" % s.hostport
    hidden = ("GET /api/version HTTP/1.1\r\n" + H + "\r\n").encode()

    # the probe's request: "Content-Length: 3" then one that covers a hidden request
    head = ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\n"
            "Content-Length: 3\r\nContent-Length: %d\r\n\r\n" % (3 + len(hidden))).encode()
    out = raw(s, head + b"# T" + hidden)
    check(statuses(out) == [400], "two Content-Length headers -> one answer, 400 (was 200 twice: %r)" % statuses(out))
    check(b"h2o" not in out, "the request hidden after the body is never answered")
    check(out.endswith(b"<EOF>") and b"Connection: close" in out, "the connection is closed after the 400")
    check("Content-Length" in error_of(out), "the error names the header (%s)" % error_of(out))

    # the same value twice is refused too (one field, sent once)
    out = raw(s, ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\n"
                  "Content-Length: 3\r\nContent-Length: 3\r\n\r\n# T").encode())
    check(statuses(out) == [400] and out.endswith(b"<EOF>"), "two equal Content-Length headers -> 400, closed")

    base = "POST /api/scenes HTTP/1.1\r\nContent-Length: 3\r\n"
    cases = [
        ("Host", base + H + "Host: evil.example\r\nContent-Type: text/markdown\r\n\r\n# T"),
        ("Sec-Fetch-Site", base + H + "Content-Type: text/markdown\r\nSec-Fetch-Site: same-origin\r\n"
         "Sec-Fetch-Site: cross-site\r\n\r\n# T"),
        ("Content-Type", base + H + "Content-Type: text/markdown\r\nContent-Type: application/json\r\n\r\n# T"),
        ("Origin", base + H + "Content-Type: text/markdown\r\nOrigin: http://%s\r\nOrigin: http://evil.example\r\n\r\n# T"
         % s.hostport),
    ]
    for name, req in cases:
        out = raw(s, req.encode())
        check(statuses(out) == [400] and out.endswith(b"<EOF>") and name in error_of(out),
              "two %s headers -> 400, closed (%r %s)" % (name, statuses(out), error_of(out)))

    # a GET with two Host headers is refused as well: every route, every method
    out = raw(s, ("GET /api/version HTTP/1.1\r\n" + H + "Host: evil.example\r\n\r\n").encode())
    check(statuses(out) == [400] and out.endswith(b"<EOF>"), "GET with two Host headers -> 400, closed")

    out = raw(s, ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\nContent-Length: 8\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n3\r\n# T\r\n0\r\n\r\n").encode())
    check(statuses(out) == [400] and out.endswith(b"<EOF>"), "Content-Length with Transfer-Encoding -> 400, closed")

    out = raw(s, ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\nX-Note: a\r\n"
                  " folded\r\nContent-Length: 3\r\n\r\n# T").encode())
    check(statuses(out) == [400] and out.endswith(b"<EOF>"), "a header folded over two lines -> 400, closed")

    # no Host at all: h2o named it "default", and the doors answered 403
    # "Host default is not this server"
    for version in ["1.1", "1.0"]:
        out = raw(s, ("GET /api/version HTTP/%s\r\n\r\n" % version).encode())
        check(statuses(out) == [400] and "Host header is required" in error_of(out),
              "HTTP/%s without Host -> 400 naming Host (%r %s)" % (version, statuses(out), error_of(out)))

    # a compressed body is not read as if it were plain
    for enc in ["gzip", "br", "gzip, identity"]:
        out = raw(s, ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\nContent-Encoding: %s\r\n"
                      "Content-Length: 3\r\nConnection: close\r\n\r\n# T" % enc).encode())
        check(statuses(out) == [415] and "Content-Encoding" in error_of(out),
              "Content-Encoding: %s -> 415 (%r %s)" % (enc, statuses(out), error_of(out)))
    out = raw(s, ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\nContent-Encoding: Identity\r\n"
                  "Content-Length: 3\r\nConnection: close\r\n\r\n# T").encode())
    check(statuses(out) == [200], "Content-Encoding: identity -> 200")

    # what a client may do still works: requests pipelined on one connection,
    # one with a body, each checked and answered in order
    pipelined = (("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\nContent-Length: 3\r\n\r\n# T")
                 + "GET /api/version HTTP/1.1\r\n" + H + "\r\n"
                 + "GET /api/health HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n").encode()
    out = raw(s, pipelined)
    check(statuses(out) == [200, 200, 200], "three pipelined requests -> three answers (%r)" % statuses(out))
    # a chunked body (one Transfer-Encoding) is read as before
    out = raw(s, ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\nTransfer-Encoding: chunked\r\n"
                  "Connection: close\r\n\r\n3\r\n# T\r\n0\r\n\r\n").encode())
    check(statuses(out) == [200], "a chunked body -> 200 (%r)" % statuses(out))
    # an empty line after a body (some clients send one) before the next request
    out = raw(s, ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\nContent-Length: 3\r\n\r\n# T"
                  "\r\nGET /api/version HTTP/1.1\r\n" + H + "Host: evil.example\r\n\r\n").encode())
    check(statuses(out) == [200, 400] and out.endswith(b"<EOF>"),
          "an empty line, then a request with two Host headers -> 400 (%r)" % statuses(out))
    # a good request, then a smuggling one on the same connection: the second is refused
    out = raw(s, ("GET /api/version HTTP/1.1\r\n" + H + "\r\n").encode() + head + b"# T" + hidden)
    check(statuses(out) == [200, 400] and out.endswith(b"<EOF>"),
          "a second request with two Content-Length on a kept-alive connection -> 400, closed (%r)" % statuses(out))

    st, _, j = s.json("GET", "/api/health")
    check(st == 200 and j.get("ok") is True, "the server still answers")
finally:
    s.stop()
done()
