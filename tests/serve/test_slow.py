"""Slow and greedy clients against a real `vgrun serve`: headers that trickle
in a line at a time (slowloris), connections that send nothing, one address
that opens every slot. A request's headers are due a short time after the
connection waits for them however they trickle; a steady body and a long
event stream are not cut; at a connection cap a new client takes the place
of the oldest connection still waiting for its headers."""
import os
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done  # noqa: E402

SLOW = b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"


def closed_by_server(sock, wait):
    """True when the server ends the connection within `wait` seconds."""
    sock.settimeout(wait)
    try:
        return sock.recv(4096) == b""
    except socket.timeout:
        return False
    except OSError:
        return True


def trickle(sock, lines, gap):
    """Sends one header line every `gap` seconds; how many went out before
    the server closed the connection."""
    for i in range(lines):
        try:
            sock.sendall(b"X-Slow-%d: %d\r\n" % (i, i))
        except OSError:
            return i
        if closed_by_server(sock, gap):
            return i + 1
    return lines


def health(s):
    try:
        return s.json("GET", "/api/health")[0]
    except OSError as e:
        return str(e)


# every slot held by one address that trickles headers: a newcomer still gets in
s = Server()
try:
    slow = []
    for _ in range(256):
        k = socket.create_connection((s.host, s.port))
        k.sendall(SLOW)
        slow.append(k)
    st = health(s)
    check(st == 200, "256 slowloris connections: /api/health still answers (%s)" % st)
    held = sum(1 for k in slow if not closed_by_server(k, 0.05))
    check(held <= 128, "one address holds at most 128 connections (%d of 256 held)" % held)
    # a second wave that reconnects does not lock clients out either
    for k in slow:
        k.close()
    slow = [socket.create_connection((s.host, s.port)) for _ in range(300)]
    for k in slow:
        try:
            k.sendall(SLOW)
        except OSError:
            pass
    st = health(s)
    check(st == 200, "300 more connections that send part of a request: /api/health answers (%s)" % st)
    for k in slow:
        k.close()
finally:
    s.stop()

# the header deadline, made 1 s (a real server's is 10 s)
s = Server(fake=True, heartbeat=0.3, env={"VG_SERVE_HEADER_TIMEOUT": "1"})
try:
    k = socket.create_connection((s.host, s.port))
    k.sendall(SLOW)
    sent = trickle(k, 40, 0.25)
    check(sent < 40, "headers trickled a line every 0.25 s: closed after %d lines (deadline 1 s)" % sent)
    k.close()
    k = socket.create_connection((s.host, s.port))
    check(closed_by_server(k, 8), "a connection that sends nothing is closed")
    k.close()

    # a body that keeps coming is not cut by the header deadline
    words = b" ".join(b"word%d" % i for i in range(9000))
    body = b"# Slow upload\n\n## Part\n\n" + words + b"\n"
    k = socket.create_connection((s.host, s.port))
    k.sendall(b"POST /api/check HTTP/1.1\r\nHost: %s\r\nContent-Type: text/markdown\r\n"
              b"Content-Length: %d\r\nConnection: close\r\n\r\n" % (s.hostport.encode(), len(body)))
    step = max(1, len(body) // 12)
    ok = True
    for i in range(0, len(body), step):
        try:
            k.sendall(body[i:i + step])
        except OSError:
            ok = False
            break
        time.sleep(0.3)
    k.settimeout(30)
    head = b""
    try:
        head = k.recv(64)
    except OSError:
        pass
    check(ok and head.startswith(b"HTTP/1.1 "), "a %d-byte body sent over 3.6 s (past the deadline) is answered: %r"
          % (len(body), head[:15]))
    k.close()

    # a body that trickles a byte at a time is cut
    k = socket.create_connection((s.host, s.port))
    k.sendall(b"POST /api/check HTTP/1.1\r\nHost: %s\r\nContent-Type: text/markdown\r\n"
              b"Content-Length: 5000\r\n\r\n" % s.hostport.encode())
    n = 0
    cut = False
    for n in range(40):
        try:
            k.sendall(b"x")
        except OSError:
            cut = True
            break
        if closed_by_server(k, 0.25):
            cut = True
            break
    check(cut, "a body that trickles a byte every 0.25 s is cut (after %d bytes)" % n)
    k.close()

    # an event stream lives on past many deadlines
    k = socket.create_connection((s.host, s.port))
    k.sendall(b"GET /api/events HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\n\r\n" % s.hostport.encode())
    k.settimeout(5)
    got = b""
    t0 = time.monotonic()
    try:
        while time.monotonic() - t0 < 3.5:
            b = k.recv(4096)
            if not b:
                break
            got += b
    except OSError:
        pass
    check(got.startswith(b"HTTP/1.1 200") and got.count(b": keep-alive") >= 5 and b,
          "an event stream is open after 3.5 s (%d keep-alives)" % got.count(b": keep-alive"))
    k.close()
finally:
    s.stop()
# every slot held by bodies that trickle in (each keeps just ahead of the
# body's deadline, for up to the 600 s a request may take): a newcomer takes
# the place of the oldest of them; before, it was refused at accept
s = Server(fake=True, env={"VG_SERVE_MAX_CONNS": "20"})
try:
    bodies = []
    for _ in range(20):
        k = socket.create_connection((s.host, s.port))
        k.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/markdown\r\n"
                  b"Content-Length: 60000\r\n\r\n" + b"a" * 5000)
        bodies.append(k)
    time.sleep(0.5)
    st = health(s)
    check(st == 200, "20 slow bodies fill the 20 slots: /api/health still answers (%s)" % st)
    cut = sum(1 for k in bodies if closed_by_server(k, 0.2))
    check(cut >= 1, "... in the place of the oldest slow body (%d cut)" % cut)
    for k in bodies:
        k.close()
finally:
    s.stop()

done()
