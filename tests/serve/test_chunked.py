"""Chunked request bodies whose chunk-size line says the body is too large,
sent as raw bytes to a real `vgrun serve`: "7fffffffffffffff", longer hex, a
size just past the body limit, sizes that add up past it. h2o 2.2 counts a
chunked body only as its bytes come, so the connection waited until the
client gave up or the body's progress deadline (10 s) cut it, with no
answer; now 413 (JSON) at once and the connection closed, however the line
is split over reads, also for a request pipelined after another. Chunked
bodies within the limit (extensions, trailers, many chunks) are read as
before, and the server goes on."""
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, raw, statuses  # noqa: E402

# well below the body deadline (10 s): an answer by then is "at once"
WAIT = 4



def last_error(out):
    """the JSON error of the last response, checked against its Content-Length"""
    head, _, body = out.rsplit(b"HTTP/1.1 ", 1)[1].partition(b"\r\n\r\n")
    body = body.rsplit(b"<", 1)[0]
    m = re.search(rb"(?i)content-length: *(\d+)", head)
    if not m or int(m.group(1)) != len(body):
        return "bad Content-Length %r for %d bytes" % (m and m.group(1), len(body))
    try:
        return json.loads(body.decode()).get("error", "")
    except ValueError:
        return body.decode(errors="replace")


# a small limit, so that sizes near it are quick to send:
# the body limit is --max-upload + 64 KiB of form framing
s = Server(["--max-upload", "1K"])
LIMIT = 1024 + 64 * 1024
try:
    H = "Host: %s\r\n" % s.hostport
    head = ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\n"
            "Transfer-Encoding: chunked\r\n\r\n").encode()

    def refused_at_once(what, parts, gap=0.0, before=()):
        t0 = time.monotonic()
        out = raw(s, parts, gap=gap)
        took = time.monotonic() - t0
        ok = statuses(out) == list(before) + [413] and out.endswith(b"<EOF>")
        check(ok and "too large" in last_error(out),
              "%s -> 413 at once, closed (%r %s, %.1f s)" % (what, statuses(out), out[-7:], took))

    refused_at_once("a chunk of 7fffffffffffffff bytes", [head + b"7fffffffffffffff\r\n"])
    refused_at_once("a chunk size of 40 hex digits", [head + b"f" * 40 + b"\r\n"])
    refused_at_once("a chunk size with leading zeros, past the limit", [head + b"00000000000fffff\r\n"])
    refused_at_once("the chunk size line in a read of its own", [head, b"7fffffffffffffff\r\n"], gap=0.3)
    # "ffff" is within the limit, "fffff" past it: refused at the fifth digit
    refused_at_once("the chunk size a digit at a time", [head] + [b"f"] * 5, gap=0.1)
    refused_at_once("a chunk size just past the limit", [head + (b"%x\r\n" % LIMIT)])
    # more hex digits than h2o reads (16) with a size within the limit: its
    # own 400 ("broken chunked-encoding"), at once too
    out = raw(s, [head + b"0" * 17 + b"1\r\n"])
    check(statuses(out) == [400] and out.endswith(b"<EOF>"), "17 hex digits of a small size -> 400 at once, closed")
    # chunks within the limit each, past it together
    half = LIMIT // 2 + 1
    refused_at_once("two chunks that add up past the limit",
                    [head + (b"%x\r\n" % half) + b"a" * half + b"\r\n" + (b"%X;ext=1\r\n" % half)])
    # after a request answered on the same connection, in the same packet
    get = ("GET /api/version HTTP/1.1\r\n" + H + "\r\n").encode()
    refused_at_once("a pipelined request after a GET", [get + head + b"7fffffffffffffff\r\n"], before=[200])
    body = b"# T\n"
    post = ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\nContent-Length: %d\r\n\r\n"
            % len(body)).encode() + body
    refused_at_once("a pipelined request after one with a body", [post + head + b"7fffffffffffffff\r\n"],
                    before=[200])

    # what is within the limit is read as before
    ok_body = b"3;name=value\r\n# T\r\n" + b"1\r\n\n\r\n" + b"0\r\nX-Trailer: 1\r\n\r\n"
    close = ("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\nTransfer-Encoding: chunked\r\n"
             "Connection: close\r\n\r\n").encode()
    out = raw(s, [close + ok_body])
    check(statuses(out) == [200], "chunks with an extension and a trailer -> 200 (%r)" % statuses(out))
    out = raw(s, [head + ok_body + get + get.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n")])
    check(statuses(out) == [200, 200, 200], "a chunked body, then two requests pipelined -> 3 answers (%r)"
          % statuses(out))
    # a large chunked body a few bytes short of the limit is not refused by its sizes
    doc = b"# A title\n\n" + b"word " * 200 + b"\n"
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(doc[i:i + 100]), doc[i:i + 100]) for i in range(0, len(doc), 100))
    out = raw(s, [close + chunks + b"0\r\n\r\n"])
    check(statuses(out) == [200], "a document in 100-byte chunks -> 200 (%r)" % statuses(out))
    # a Content-Length body that holds what looks like a huge chunk size is a body, not a size
    trap = b"7fffffffffffffff\r\n"
    out = raw(s, [("POST /api/scenes HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\nContent-Length: %d\r\n"
                   "Connection: close\r\n\r\n" % len(trap)).encode() + trap])
    check(statuses(out) == [200], "a Content-Length body of hex digits -> 200 (%r)" % statuses(out))

    # the refused connections are closed, not only answered: the count goes
    # back to this one request's
    for _ in range(100):
        st, _, j = s.json("GET", "/api/health")
        if j.get("connections") == 1:
            break
        time.sleep(0.05)
    check(st == 200 and j.get("ok") is True and j.get("connections") == 1,
          "the server still answers, with no connection left over (%s)" % j)
finally:
    s.stop()
done()
