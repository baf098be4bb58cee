"""Requests h2o 2.2 refuses by itself, sent as raw bytes to a real `vgrun
serve`: a request line or header it cannot parse, more than 100 headers, a
head past the limit (it wrote a constant text/plain "Bad Request" on the
socket), a Content-Length it cannot read, a broken chunked body, an unknown
Transfer-Encoding or Expect, a body past the limit (text/plain from
h2o_send_error_generic). Every one is answered as the API answers: a JSON
body with "error", its exact Content-Length, and for the first ones the
connection closed. Good requests before and after are answered as before."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, raw, statuses  # noqa: E402


def answers(out):
    """[(status, headers dict, body bytes)] of the responses in raw bytes"""
    res = []
    rest = out
    while True:
        m = re.search(rb"HTTP/1\.1 (\d{3})[^\r]*\r\n", rest)
        if not m:
            return res
        head, _, body = rest[m.end():].partition(b"\r\n\r\n")
        hs = {}
        for line in head.split(b"\r\n"):
            k, _, v = line.partition(b":")
            hs[k.strip().lower().decode()] = v.strip().decode()
        n = int(hs.get("content-length", "0"))
        res.append((int(m.group(1)), hs, body[:n]))
        rest = body[n:]


def json_error(a):
    st, hs, body = a
    try:
        j = json.loads(body.decode())
    except ValueError:
        return None
    ok = hs.get("content-type", "").startswith("application/json") and isinstance(j, dict) and j.get("error")
    return j["error"] if ok else None


s = Server(["--max-upload", "1K"])
try:
    H = "Host: %s\r\n" % s.hostport
    good = ("GET /api/version HTTP/1.1\r\n" + H + "\r\n").encode()
    closed = [
        ("a request line with four parts", b"GET / HTTP/1.1 junk\r\n" + H.encode() + b"\r\n", 400),
        ("a control byte in the method", b"GET\x01 / HTTP/1.1\r\n" + H.encode() + b"\r\n", 400),
        ("a header line without a colon", b"GET / HTTP/1.1\r\n" + H.encode() + b"Bad Header\r\n\r\n", 400),
        ("a space before a header's colon", b"GET / HTTP/1.1\r\n" + H.encode() + b"X-A : b\r\n\r\n", 400),
        ("a bad version, the headers still to come", b"GET / HTTP/9.9\r\n", 400),
        ("not HTTP at all", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 400),
        ("120 headers", b"GET /api/version HTTP/1.1\r\n" + H.encode()
         + b"".join(b"X-%d: a\r\n" % i for i in range(120)) + b"\r\n", 431),
        ("a 40 KB header", b"GET /api/version HTTP/1.1\r\n" + H.encode() + b"X: " + b"a" * 40000 + b"\r\n\r\n", 431),
        ("a Content-Length that is not a number", b"POST /api/check HTTP/1.1\r\n" + H.encode()
         + b"Content-Length: abc\r\n\r\n", 400),
        ("a broken chunked body", b"POST /api/check HTTP/1.1\r\n" + H.encode()
         + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("an unknown Transfer-Encoding", b"POST /api/check HTTP/1.1\r\n" + H.encode()
         + b"Transfer-Encoding: gzip\r\n\r\n", 400),
        ("an unknown Expect", b"POST /api/check HTTP/1.1\r\n" + H.encode()
         + b"Expect: 200-ok\r\nContent-Length: 3\r\n\r\nabc", 417),
        ("a body past the limit", b"POST /api/check HTTP/1.1\r\n" + H.encode()
         + b"Content-Length: 1000000\r\n\r\n", 413),
        ("a good request, then a bad one", good + b"GET / HTTP/1.1 junk\r\n\r\n", 400),
    ]
    for what, data, want in closed:
        out = raw(s, data)
        a = answers(out)
        last = a[-1] if a else (0, {}, b"")
        check(last[0] == want and json_error(last) and out.endswith(b"<EOF>"),
              "%s -> %d with a JSON error, connection closed (%r)" % (what, want, out[-300:]))
        check(len(last[2]) == int(last[1].get("content-length", -1)),
              "%s: Content-Length is the body's (%r)" % (what, last[1].get("content-length")))
    a = answers(raw(s, good + b"GET / HTTP/1.1 junk\r\n\r\n"))
    check([x[0] for x in a] == [200, 400], "a good request is answered before the bad one (%r)" % [x[0] for x in a])
    # a bad head sent a few bytes at a time: h2o parses a partial head only
    # at its first read, then once it is whole; refused then
    out = raw(s, [b"G", b"E", b"T", b"\x01", b" / HTTP/1.1\r\n", H.encode() + b"\r\n"], gap=0.05)
    check(statuses(out) == [400] and json_error(answers(out)[0]) and out.endswith(b"<EOF>"),
          "a bad head in six reads -> JSON 400 (%r)" % out[:80])
    # a few empty lines alone: closed without an answer, as before
    check(raw(s, b"\r\n\r\n") == b"<EOF>", "empty lines alone: closed, no answer")
    # what h2o takes is still taken
    for what, data in [("a GET", good),
                       ("LF line ends", ("GET /api/version HTTP/1.1\n" + H.replace("\r\n", "\n") + "\n").encode()),
                       ("an empty line before a request", b"\r\n" + good),
                       ("99 headers", b"GET /api/version HTTP/1.1\r\n" + H.encode()
                        + b"".join(b"X-%d: a\r\n" % i for i in range(98)) + b"Connection: close\r\n\r\n"),
                       ("a chunked body", ("POST /api/check HTTP/1.1\r\n" + H + "Content-Type: text/markdown\r\n"
                                           "Transfer-Encoding: chunked\r\n\r\n3\r\n# T\r\n0\r\n\r\n").encode())]:
        out = raw(s, [data[:7], data[7:]], gap=0.05, wait=1)
        check(statuses(out)[:1] == [200], "%s -> 200 (%r)" % (what, out[:100]))
    st, _, j = s.json("GET", "/api/health")
    check(st == 200 and j.get("ok") is True, "the server still answers")
finally:
    s.stop()
done()
