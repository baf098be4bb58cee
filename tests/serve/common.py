"""Helpers of the vgrun serve tests: a real server on a free loopback port."""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

VGRUN = os.environ.get("VGRUN", "build/vgrun")
HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(cond, what):
    if cond:
        print("ok   ", what)
    else:
        print("FAIL ", what)
        failures.append(what)
    return cond


def done():
    if failures:
        print("%d failed" % len(failures))
        sys.exit(1)
    print("all passed")
    sys.exit(0)


class Server:
    """vgrun serve (or the fake-manager launcher) with its URL read from its
    first line of output: waits on that line, never on a clock."""

    def __init__(self, args=None, fake=False, heartbeat=None, env=None, tmp=None):
        # tmp: a folder of an earlier server (its data and state) to start
        # again on; stop() then leaves it for the caller to remove
        self.own = tmp is None
        self.tmp = tmp or tempfile.mkdtemp(prefix="vgserve-")
        self.data = os.path.join(self.tmp, "data")
        e = dict(os.environ)
        e["VGRUN_STATE_DIR"] = os.path.join(self.tmp, "state")
        e.update(env or {})
        if fake:
            cmd = [VGRUN, os.path.join(HERE, "serve_fake.lua"), self.data] + ([str(heartbeat)] if heartbeat else [])
        else:
            cmd = [VGRUN, "serve", "--listen", "127.0.0.1:0", "--data", self.data] + (args or [])
        self.p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e, text=True)
        self.lines = []
        line = self.p.stdout.readline()
        self.lines.append(line)
        if not line.startswith("vgrun serve: http://"):
            err = self.p.stderr.read()
            raise RuntimeError("server did not start: %r %s" % (line, err))
        self.url = line.split(": ", 1)[1].strip()
        u = urllib.parse.urlparse(self.url)
        self.host, self.port = u.hostname, u.port
        self.hostport = "%s:%d" % (self.host, self.port)

    def readline(self):
        line = self.p.stdout.readline()
        self.lines.append(line)
        return line

    def conn(self, timeout=60):
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=60):
        c = self.conn(timeout)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data

    def json(self, method, path, body=None, headers=None):
        st, h, data = self.request(method, path, body, headers)
        try:
            return st, h, json.loads(data.decode() or "null")
        except ValueError:
            return st, h, data

    def rss_kb(self):
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self, sig=signal.SIGTERM):
        self.p.send_signal(sig)
        try:
            out, err = self.p.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.p.kill()
            out, err = self.p.communicate()
        self.stderr = err
        if self.own:
            shutil.rmtree(self.tmp, ignore_errors=True)
        return self.p.returncode


def large_markdown(sections=300):
    """a Markdown document of about 1 KB a section (300: about 300 KB), the
    same bytes on every call: a heading, 150 words and a two-item list each"""
    import random
    rnd = random.Random(7)
    words = "alpha beta gamma delta render server engine video frame scene narration picture".split()
    parts = ["# A large document\n"]
    for i in range(1, sections):
        parts.append("\n## Section %d\n\n%s.\n\n- point one of %d\n- point two\n" %
                     (i, " ".join(rnd.choice(words) for _ in range(150)), i))
    return "".join(parts).encode()


def multipart(fields):
    """fields: [(name, value)] or [(name, (filename, bytes))] -> body, content type"""
    boundary = "vgrunTestBoundary7MA4YWxk"
    out = []
    for name, value in fields:
        if isinstance(value, tuple):
            fn, data = value
            out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                        "Content-Type: application/octet-stream\r\n\r\n" % (boundary, name, fn)).encode())
            out.append(data if isinstance(data, bytes) else data.encode())
        else:
            out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, name)).encode())
            out.append(value.encode())
        out.append(b"\r\n")
    out.append(("--%s--\r\n" % boundary).encode())
    return b"".join(out), "multipart/form-data; boundary=" + boundary


def sse_events(resp):
    """Parses a text/event-stream response until it ends: [(fields, comments)]"""
    events, cur, comments = [], {}, 0
    while True:
        line = resp.readline()
        if not line:
            break
        line = line.decode().rstrip("\n")
        if line == "":
            if cur:
                events.append(cur)
            cur = {}
            continue
        if line.startswith(":"):
            comments += 1
            continue
        k, _, v = line.partition(":")
        cur[k] = v[1:] if v.startswith(" ") else v
    return events, comments


def events_until(resp, stop):
    """Reads SSE events until stop(event) is true or the stream ends: [event]"""
    seen, cur = [], {}
    while True:
        line = resp.readline()
        if not line:
            return seen
        line = line.decode().rstrip("\n")
        if line.startswith(":"):
            continue
        if line == "":
            if "data" in cur:
                ev = json.loads(cur["data"])
                seen.append(ev)
                if stop(ev):
                    return seen
            cur = {}
            continue
        k, _, v = line.partition(":")
        cur[k] = v[1:] if v.startswith(" ") else v


def need_tasks(s):
    """Exits 77 (skip), stopping s, when the server has no task manager."""
    st, _, h = s.json("GET", "/api/health")
    if not h.get("tasks"):
        s.stop()
        print("SKIP: this vgrun has no task manager (vg.serve.tasks)")
        sys.exit(77)


def render_under_way(s, doc, options):
    """Submits doc (a path) with options to a real server s and reads its
    events until the video stage reports progress: (task id, events seen).
    Exits 77 (skip) when the server has no task manager."""
    need_tasks(s)
    with open(doc, "rb") as f:
        body, ctype = multipart([("file", (os.path.basename(doc), f.read())), ("options", json.dumps(options))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 202, "POST /api/tasks -> 202")
    tid = j["id"]
    c = s.conn(timeout=600)
    c.request("GET", "/api/tasks/%s/events" % tid)
    seen = events_until(c.getresponse(), lambda ev: ev.get("type") == "stage.progress"
                        and (ev.get("data") or {}).get("stage") == "video")
    check(seen and seen[-1]["type"] == "stage.progress", "the video stage reported progress over SSE")
    return tid, seen


def raw(s, parts, wait=5, gap=0.0):
    """Sends parts (bytes, or a list of them `gap` s apart) on a new
    connection to server s; everything read until the server closes it
    (b"...<EOF>"), resets it (b"...<reset>") or stays silent for `wait` s
    (b"...<open>")."""
    if isinstance(parts, (bytes, bytearray)):
        parts = [parts]
    c = socket.create_connection((s.host, s.port))
    out = b""
    try:
        for p in parts:
            c.sendall(p)
            if gap:
                time.sleep(gap)
        c.settimeout(wait)
        while True:
            b = c.recv(65536)
            if not b:
                out += b"<EOF>"
                break
            out += b
    except socket.timeout:
        out += b"<open>"
    except OSError:
        out += b"<reset>"
    c.close()
    return out


def statuses(out):
    """the status of every response in raw bytes (one may follow the body
    before it with no line break)"""
    return [int(m) for m in re.findall(rb"HTTP/1\.1 (\d{3}) ", out)]
