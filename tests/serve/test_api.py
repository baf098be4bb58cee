"""API tests of `vgrun serve` on a real server on a loopback port: the
catalogues, the doors (Host, Origin, token, login cookie), the limits (413,
431), path traversal in the files route, and check/scenes/frame from an
uploaded document. Task routes need the task manager: test_tasks.py."""
import json
import os
import socket
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, multipart, VGRUN  # noqa: E402

JSON_CT = {"Content-Type": "application/json"}
DOC = b"# Serve test\n\n## First part\n\n- one\n- two\n\nSome words to say here.\n\n## Second part\n\nMore words.\n"
BAD_YAML = "video:\n  id: x\n  title: X\nscenes:\n  - type: nope\n    title: A\n"

# VG_SERVE_ARGS: more options (serve_api_child: --preview-child 0, every
# preview made by a child process)
EXTRA = os.environ.get("VG_SERVE_ARGS", "").split()
s = Server(["--max-upload", "64K"] + EXTRA)
try:
    # catalogues
    for path, key in [("/api/health", "ok"), ("/api/version", "version"), ("/api/voices", "voices"),
                      ("/api/colors", "colors"), ("/api/themes", "themes"),
                      ("/api/scene-types", "scene_types"), ("/api/languages", "languages")]:
        st, h, j = s.json("GET", path)
        check(st == 200 and isinstance(j, dict) and key in j, "GET %s -> 200 with %s" % (path, key))
        check(h.get("content-type") == "application/json", "%s is JSON" % path)
    st, h, j = s.json("GET", "/api/voices")
    check(any(v.get("named") for v in j["voices"]) and len(j["voices"]) > 10, "voices lists named and espeak-ng voices")
    st, h, j = s.json("GET", "/api/version")
    check(j["http"].startswith("h2o "), "version names the HTTP library")
    st, h, j = s.json("GET", "/api/nope")
    check(st == 404 and "error" in j, "unknown route -> 404 JSON")
    st, h, j = s.json("DELETE", "/api/health")
    check(st == 405, "wrong method -> 405")

    # the page: CSP without inline script
    st, h, body = s.request("GET", "/")
    csp = h.get("content-security-policy", "")
    check(st == 200 and "script-src 'self'" in csp and "unsafe-inline" not in csp, "page has a CSP without inline script")
    check(h.get("x-content-type-options") == "nosniff", "nosniff on pages")

    # doors: Host (DNS rebinding) and Origin (cross-site)
    st, _, j = s.json("GET", "/api/health", headers={"Host": "evil.example:%d" % s.port})
    check(st == 403 and "Host" in j["error"], "foreign Host -> 403")
    st, _, _ = s.json("GET", "/api/health", headers={"Host": "localhost:%d" % s.port})
    check(st == 200, "Host localhost:PORT is accepted")
    st, _, j = s.json("POST", "/api/check", body=b"# x\n", headers={"Origin": "http://evil.example",
                                                                    "Content-Type": "text/markdown"})
    check(st == 403 and "cross-site" in j["error"], "cross-site Origin -> 403")
    st, _, _ = s.json("POST", "/api/check", body=b"# x\n\nHello.\n",
                      headers={"Origin": "http://" + s.hostport, "Content-Type": "text/markdown"})
    check(st == 200, "same-origin POST is accepted")
    st, _, _ = s.json("POST", "/api/check", body=b"# x\n", headers={"Sec-Fetch-Site": "cross-site",
                                                                    "Content-Type": "text/markdown"})
    check(st == 403, "Sec-Fetch-Site: cross-site POST -> 403")

    # limits: body (413 before the handler) and header size (431)
    big = b"# big\n\n" + b"word " * 40000
    body, ctype = multipart([("file", ("big.md", big))])
    st, _, _ = s.request("POST", "/api/check", body=body, headers={"Content-Type": ctype})
    check(st == 413, "upload over --max-upload -> 413")
    st, _, _ = s.request("GET", "/api/health", headers={"X-Big": "a" * 20000})
    check(st == 431, "20 KB of headers -> 431")

    # the files route never leaves the data folder (encoded ../)
    for path in ["/api/tasks/x/files/..%2F..%2F..%2Fetc%2Fpasswd", "/api/tasks/..%2F..%2Fetc/files/passwd",
                 "/api/tasks/x/files/%2e%2e", "/api/tasks/%2e%2e/files/x", "/api/tasks/x/files/..%5c..%5cetc",
                 "/api/tasks/x/files/%00", "/api/tasks/x/files/../../../../etc/passwd"]:
        st, _, data = s.request("GET", path)
        check(st in (400, 404, 503) and b"root:" not in data, "GET %s -> %d, no file" % (path, st))

    # preview routes from an uploaded document
    body, ctype = multipart([("file", ("talk.md", DOC))])
    st, _, j = s.json("POST", "/api/check", body=body, headers={"Content-Type": ctype})
    check(st == 200 and j["ok"] and j["scenes"] >= 3, "check of an uploaded .md -> ok, scenes counted")
    st, _, j = s.json("POST", "/api/check", body=json.dumps({"text": BAD_YAML, "format": "yaml"}),
                      headers={"Content-Type": "application/json"})
    d = (j.get("diagnostics") or [{}])[0]
    check(st == 422 and not j["ok"] and d.get("line") == 5 and d.get("file") == "document.yaml"
          and "nope" in d.get("message", ""), "check of bad YAML -> 422 with file:line diagnostics")
    check(s.data not in json.dumps(j), "diagnostics never show the server's paths")
    st, _, j = s.json("POST", "/api/scenes", body=body, headers={"Content-Type": ctype})
    check(st == 200 and len(j["scenes"]) >= 3 and j["scenes"][1]["title"] == "First part"
          and j["scenes"][1]["bullets"] == ["one", "two"] and j["seconds"] > 0, "scenes: the plan with titles and bullets")
    # the plan is the one `vgrun create` makes for the frame: a list too full
    # for a square frame with burnt captions is split there, not at 16:9
    long_list = ("# Packing\n\n## What to bring\n\n"
                 "- A passport that stays valid for at least six months after the day you plan to come home again\n"
                 "- Two pairs of comfortable walking shoes that you have already worn in for a few weeks before leaving\n"
                 "- A small first aid kit with plasters, painkillers, and any medicine your doctor prescribed for you\n"
                 "- A universal power adapter, because sockets differ from one country to the next in shape and voltage\n"
                 "- Copies of every important document, kept apart from the originals in a separate pocket or bag\n"
                 "- A light rain jacket that folds into its own pocket and weighs almost nothing in the backpack\n")
    st, _, wide = s.json("POST", "/api/scenes", body=json.dumps({"text": long_list}), headers=JSON_CT)
    st2, _, square = s.json("POST", "/api/scenes", body=json.dumps(
        {"text": long_list, "options": {"resolution": "1080x1080", "captions": ["srt", "burn"]}}), headers=JSON_CT)
    check(st == 200 and st2 == 200 and len(square["scenes"]) > len(wide["scenes"]),
          "scenes: split for the frame asked (%s at 16:9, %s at 1:1 with burnt captions)"
          % (len(wide.get("scenes", [])), len(square.get("scenes", []))))
    st, _, j = s.json("POST", "/api/scenes", body=json.dumps({"text": long_list, "options": {"resolution": "9x9"}}),
                      headers=JSON_CT)
    check(st == 400 and "resolution" in j["error"], "scenes: a bad resolution -> 400")
    # keep_timing: the plan of a transcript on its cue times, as `vgrun
    # scenes --keep-timing` gives it (each scene's start and its slot; the
    # title left out when the talk starts at once); refused for a document
    tmpd = os.path.join(s.tmp, "kept")
    os.makedirs(tmpd, exist_ok=True)
    for name, first in [("talk", "00:00:03,000"), ("early", "00:00:00,400")]:
        srt = ("1\n%s --> 00:00:05,000\nWelcome to the talk about timing.\n\n"
               "2\n00:00:09,000 --> 00:00:12,000\nThe second point comes after a pause.\n\n"
               "3\n00:00:20,000 --> 00:00:22,000\nThat was all.\n" % first)
        path = os.path.join(tmpd, name + ".srt")
        with open(path, "w") as f:
            f.write(srt)
        p = subprocess.run([VGRUN, "scenes", path, "--keep-timing", "--json"], capture_output=True, text=True,
                           timeout=60)
        want = json.loads(p.stdout) if p.returncode == 0 else {"scenes": []}
        check(p.returncode == 0 and len(want["scenes"]) >= 2, "%s: scenes --keep-timing (%s)" % (name, p.stderr))
        body, ctype = multipart([("file", (name + ".srt", srt)), ("options", json.dumps({"keep_timing": True}))])
        st, _, j = s.json("POST", "/api/scenes", body=body, headers={"Content-Type": ctype})
        got = j.get("scenes", [])
        check(st == 200 and [(x["id"], x.get("start"), x["seconds"]) for x in got]
              == [(x["id"], x["start"], x["seconds"]) for x in want["scenes"]]
              and abs(j["seconds"] - want["seconds"]) < 0.01,
              "%s: scenes with keep_timing are the kept plan of `vgrun scenes --keep-timing` (%s, %s)"
              % (name, [(x["id"], x.get("start"), x["seconds"]) for x in got],
                 [(x["id"], x["start"], x["seconds"]) for x in want["scenes"]]))
        st, _, j = s.json("POST", "/api/scenes", body=body.replace(b'"keep_timing": true', b'"keep_timing": false'),
                          headers={"Content-Type": ctype})
        check(st == 200 and all("start" not in x for x in j["scenes"]), "%s: without keep_timing no starts" % name)
        if name == "early":
            check(not any(x["type"] == "title" for x in got), "early: no title before a cue at 0.4 s")
            # scene N of a preview is scene N of the kept plan
            body2, ctype2 = multipart([("file", (name + ".srt", srt)), ("scene", str(len(got))),
                                       ("options", json.dumps({"keep_timing": True, "resolution": "320x180"}))])
            st, h, png = s.request("POST", "/api/frame", body=body2, headers={"Content-Type": ctype2})
            check(st == 200 and png[:8] == b"\x89PNG\r\n\x1a\n", "frame of the last kept scene")
            body2, ctype2 = multipart([("file", (name + ".srt", srt)), ("scene", str(len(got) + 1)),
                                       ("options", json.dumps({"keep_timing": True}))])
            st, _, j = s.json("POST", "/api/frame", body=body2, headers={"Content-Type": ctype2})
            check(st == 400 and "scene" in j.get("error", ""), "no frame past the kept scenes")
        else:
            check(any(x["type"] == "title" for x in got), "talk: the title has room before the cue at 3 s")
    body, ctype = multipart([("file", ("talk.md", DOC)), ("options", json.dumps({"keep_timing": True}))])
    st, _, j = s.json("POST", "/api/scenes", body=body, headers={"Content-Type": ctype})
    check(st == 400 and j.get("error", "").startswith("options.keep_timing: talk.md has no cue times"),
          "scenes: keep_timing of a .md -> 400 (%s)" % j.get("error"))
    st, _, j = s.json("POST", "/api/scenes", body=json.dumps({"text": DOC.decode(), "options": {"keep_timing": "yes"}}),
                      headers=JSON_CT)
    check(st == 400 and "keep_timing" in j.get("error", ""), "scenes: keep_timing not a boolean -> 400")

    # the previews check options with the task's checker: what POST
    # /api/tasks refuses with 400, /api/check and /api/scenes refuse with
    # the same message (they ignored these before)
    for bad in [{"voice": {}}, {"voice": 5}, {"voice": "no-such-voice"}, {"captions": {}}, {"color": 1e308},
                {"fps": 1000}, {"nope": 1}, {"scene": 2}]:
        body = json.dumps({"text": DOC.decode(), "options": bad})
        st, _, j = s.json("POST", "/api/tasks", body=body, headers=JSON_CT)
        want = j.get("error", "") if st == 400 else None
        for route in ["/api/check", "/api/scenes", "/api/frame"]:
            st2, _, j2 = s.json("POST", route, body=body, headers=JSON_CT)
            j2 = j2 if isinstance(j2, dict) else {}
            check(st2 == 400 and j2.get("error", "").startswith("options") and (want is None or j2["error"] == want),
                  "%s %s -> 400 as POST /api/tasks (%s: %s; tasks %s: %s)" % (route, json.dumps(bad), st2,
                                                                            j2.get("error"), st, want))
    # every option's JSON type is checked: a number as a string ("30" for
    # fps was taken before), a boolean as a string, a number where a name is
    # wanted, a number out of range, fractional, negative or past a double
    for raw in ['{"fps": "30"}', '{"crf": "23"}', '{"anim_fps": "12"}', '{"duration": "60"}', '{"cfr": "true"}',
                '{"ssml": 1}', '{"theme": 1}', '{"resolution": 1280}', '{"detail": true}', '{"split": 2}',
                '{"fps": 29.5}', '{"fps": -1}', '{"crf": 52}', '{"duration": 1e309}', '{"fps": 1e309}',
                '{"duration": -1e309}', '{"voice": []}', '{"captions": 1}', '{"keep_timing": "yes"}']:
        key = list(json.loads(raw.replace("1e309", "1")).keys())[0]
        body = '{"text": %s, "options": %s}' % (json.dumps(DOC.decode()), raw)
        for route in ["/api/tasks", "/api/check"]:
            st, _, j = s.json("POST", route, body=body.encode(), headers=JSON_CT)
            j = j if isinstance(j, dict) else {}
            check(st == 400 and j.get("error", "").startswith("options.%s" % key),
                  "%s %s -> 400 naming options.%s (%s: %s)" % (route, raw, key, st, j.get("error")))
    # ... and takes what a task takes
    st, _, j = s.json("POST", "/api/scenes", body=json.dumps(
        {"text": DOC.decode(), "options": {"voice": "female", "captions": "srt,burn", "color": "#336699", "fps": 24}}),
        headers=JSON_CT)
    check(st == 200 and j.get("scenes"), "scenes with options a task takes -> 200 (%s)" % j.get("error"))

    body2, ctype2 = multipart([("file", ("talk.md", DOC)), ("scene", "2"), ("time", "1"),
                               ("options", json.dumps({"resolution": "320x180"}))])
    st, h, png = s.request("POST", "/api/frame", body=body2, headers={"Content-Type": ctype2})
    check(st == 200 and h.get("content-type") == "image/png" and png[:8] == b"\x89PNG\r\n\x1a\n"
          and int.from_bytes(png[16:20], "big") == 320, "frame: a 320x180 PNG of scene 2")
    st, _, j = s.json("POST", "/api/frame?scene=99", body=DOC, headers={"Content-Type": "text/markdown"})
    check(st == 400 and "scene" in j["error"], "frame of a scene that is not there -> 400")
    body3, ctype3 = multipart([("file", ("evil.sh", b"#!/bin/sh\n"))])
    st, _, j = s.json("POST", "/api/check", body=body3, headers={"Content-Type": ctype3})
    check(st == 415, "a file that is no document -> 415")
    st, _, j = s.json("POST", "/api/check", body=b"--x\r\nbroken", headers={"Content-Type": "multipart/form-data; boundary=x"})
    check(st == 400 and "multipart" in j["error"], "a broken multipart body -> 400")
    st, _, j = s.json("GET", "/api/tasks")
    check(st in (200, 503), "task list answers (503 without a task manager)")
    check(not os.listdir(os.path.join(s.data, "tmp")), "preview files are removed")

    # many connections at once (the limit refuses past max_conns; 50 are fine)
    socks = [socket.create_connection((s.host, s.port)) for _ in range(50)]
    st, _, _ = s.request("GET", "/api/health")
    check(st == 200, "50 idle connections do not stop the server")
    for k in socks:
        k.close()
finally:
    rc = s.stop()
check(rc == 0 and "stopped" in s.stderr, "SIGTERM stops the server cleanly (exit 0)")

# a token: --token auto prints a login URL that sets a cookie
s = Server(["--token", "auto"])
try:
    login = s.readline()
    check(login.startswith("login: http://") and "token=" in login, "--token auto prints a login URL")
    token = login.split("token=", 1)[1].strip()
    st, h, j = s.json("GET", "/api/health")
    check(st == 401 and "token" in j["error"] and h.get("www-authenticate") == "Bearer", "no token -> 401")
    st, _, _ = s.json("GET", "/api/health", headers={"Authorization": "Bearer " + token})
    check(st == 200, "Authorization: Bearer TOKEN -> 200")
    st, _, _ = s.json("GET", "/api/health", headers={"Authorization": "Bearer " + token[:-1] + "x"})
    check(st == 401, "a wrong token -> 401")
    st, h, _ = s.request("GET", "/login?token=" + token)
    cookie = h.get("set-cookie", "")
    check(st == 303 and "HttpOnly" in cookie and "SameSite=Strict" in cookie, "login URL -> 303 with the cookie")
    st, _, _ = s.json("GET", "/api/health", headers={"Cookie": cookie.split(";")[0]})
    check(st == 200, "the cookie lets in")
    st, _, _ = s.request("GET", "/login?token=nope")
    check(st == 401, "a wrong login token -> 401")
    # a browser without the token: a page that says how to get in, not JSON
    html = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    st, h, page = s.request("GET", "/", headers=html)
    check(st == 401 and h.get("content-type", "").startswith("text/html") and b"login" in page
          and h.get("www-authenticate") == "Bearer", "a browser opening / without the token -> an HTML 401 page")
    st, h, _ = s.request("GET", "/api/health", headers=html)
    check(st == 401 and h.get("content-type") == "application/json", "/api without the token stays JSON")
finally:
    s.stop()

# anything but loopback without a token is a usage error
p = subprocess.run([VGRUN, "serve", "--listen", "0.0.0.0:0", "--data", "/nonexistent/x"],
                   capture_output=True, text=True, timeout=60)
check(p.returncode == 2 and "--token" in p.stderr, "non-loopback without --token -> exit 2")
p = subprocess.run([VGRUN, "serve", "--listen", "nonsense"], capture_output=True, text=True, timeout=60)
check(p.returncode == 2, "a bad --listen -> exit 2")
p = subprocess.run([VGRUN, "serve", "--help"], capture_output=True, text=True, timeout=60)
check(p.returncode == 0 and "--max-upload" in p.stdout, "serve --help")
done()
