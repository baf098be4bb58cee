"""Bad input to a real `vgrun serve`, each case one a user or an attacker
found: JSON bodies that are not objects, options that are a list, a picture
sent as a document, a frame time that is no number, a set (zip) previewed, a
zip bomb previewed, task ids that are names of the data folder's own files,
two servers on one data folder. Also the preview options (detail)."""
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, multipart, VGRUN  # noqa: E402

DOC = "# Hostile\n\n## Part\n\n" + " ".join(
    "Sentence number %d says something different about topic %d here." % (i, i) for i in range(12)) + "\n"
JSON = {"Content-Type": "application/json"}


def zip_of(files, level=6):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in files:
            z.writestr(name, data)
    return b.getvalue()


s = Server()
try:
    # JSON that is not an object: a clear 400, never "nil" or a 500
    for body in [b"[1,2]", b'"x"', b"null", b"5"]:
        st, _, j = s.json("POST", "/api/check", body=body, headers=JSON)
        check(st == 400 and "JSON object" in j.get("error", "") and "nil" not in j["error"],
              "a JSON body %s -> 400 (%s)" % (body.decode(), j.get("error")))
    st, _, j = s.json("POST", "/api/tasks", body=b"[1,2]", headers=JSON)
    check(st == 400 and "JSON object" in j.get("error", ""), "POST /api/tasks with a JSON list -> 400")
    st, _, j = s.json("POST", "/api/check", body=b"{bad", headers=JSON)
    check(st == 400 and "not JSON" in j.get("error", ""), "a body that is not JSON -> 400")
    st, _, j = s.json("POST", "/api/check", body=json.dumps({"text": DOC, "options": [1]}), headers=JSON)
    check(st == 400 and "options" in j.get("error", ""), "options that are a list -> 400 (was accepted)")
    st, _, j = s.json("POST", "/api/check", body=DOC.encode(), headers={"Content-Type": "image/png"})
    check(st == 415, "a body sent as image/png -> 415 (was read as Markdown)")
    # a frame time that is no number is an error, not the default time
    for t in ["nan", "inf", "abc", "-1"]:
        st, _, j = s.json("POST", "/api/frame?time=" + t, body=DOC.encode(),
                          headers={"Content-Type": "text/markdown"})
        check(st == 400 and "time" in j.get("error", ""), "frame ?time=%s -> 400" % t)
    # unicode and NUL in the client's file name: a name, nothing more
    for name in ["тест ü 🎬.md", "a\x00b.md", "../../etc/x.md"]:
        body, ctype = multipart([("file", (name, DOC))])
        st, _, j = s.json("POST", "/api/check", body=body, headers={"Content-Type": ctype})
        check(st in (200, 400, 415) and st != 500, "file name %r -> %d" % (name, st))

    # detail shapes the plan as `vgrun scenes --detail` does
    said = {}
    for d in ["summary", "full"]:
        st, _, j = s.json("POST", "/api/scenes", body=json.dumps({"text": DOC, "options": {"detail": d}}), headers=JSON)
        said[d] = sum(len(x["narration"]) for x in j.get("scenes", [])) if st == 200 else -1
    check(said["full"] > said["summary"] > 0, "detail full says more than summary (%s)" % said)
    st, _, j = s.json("POST", "/api/scenes", body=json.dumps({"text": DOC, "options": {"detail": "all"}}), headers=JSON)
    check(st == 400 and "detail" in j.get("error", ""), "a bad detail -> 400")

    # options of `vgrun create`: keep_timing only for a transcript (refused
    # at once, not a task that fails later); messages name other commands
    # as they are spelled
    body, ctype = multipart([("file", ("talk.md", DOC)), ("options", json.dumps({"keep_timing": True}))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 400 and "options.keep_timing" in j.get("error", ""), "keep_timing of a .md -> 400 (%s)" % j.get("error"))
    srt = "1\n00:00:01,000 --> 00:00:03,000\nHello from a transcript.\n\n2\n00:00:04,000 --> 00:00:06,000\nThe end.\n"
    body, ctype = multipart([("file", ("talk.srt", srt)), ("options", json.dumps({"keep_timing": True, "resolution": "256x144"}))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 202, "keep_timing of a .srt -> 202")
    if st == 202:
        st, _, t = s.json("GET", "/api/tasks/" + j["id"])
        check(t.get("options", {}).get("keep_timing") is True, "the task keeps keep_timing")
        s.json("DELETE", "/api/tasks/" + j["id"])
    body, ctype = multipart([("file", ("talk.md", DOC)), ("options", json.dumps({"voice": "nope/../x"}))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 400 and "options.voice" in j.get("error", "") and "options.list_voices" not in j["error"],
          "a bad voice -> 400 naming options.voice, `vgrun say --list-voices` as it is (%s)" % j.get("error"))
    body, ctype = multipart([("file", ("talk.md", DOC)), ("options", json.dumps({"detail": "full", "duration": 30}))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 202, "detail and duration are task options")
    if st == 202:
        s.json("DELETE", "/api/tasks/" + j["id"])

    # language: a task option once `vgrun create` has --language; until
    # then /api/languages says so (the page hides its menu) and it is refused
    st, _, j = s.json("GET", "/api/languages")
    has = subprocess.run([VGRUN, "create", "--help"], capture_output=True, text=True).stdout.find("--language") >= 0
    check(st == 200 and j.get("task_option") is has, "/api/languages: task_option is %s" % has)
    body, ctype = multipart([("file", ("talk.md", DOC)), ("options", json.dumps({"language": "de"}))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == (202 if has else 400), "options.language -> %d" % st)
    if st == 202:
        s.json("DELETE", "/api/tasks/" + j["id"])

    # a set (zip) previews like a document (it answered 415)
    zset = zip_of([("set_config.yaml", "videos:\n  - file: a.md\n"), ("a.md", DOC)])
    body, ctype = multipart([("file", ("talk.zip", zset))])
    st, _, j = s.json("POST", "/api/check", body=body, headers={"Content-Type": ctype})
    check(st == 200 and j.get("ok") and j.get("scenes", 0) >= 2, "check of a set -> 200 (%d)" % st)
    st, _, j = s.json("POST", "/api/scenes", body=body, headers={"Content-Type": ctype})
    check(st == 200 and len(j.get("scenes", [])) >= 2, "scenes of a set -> 200")
    st, h, png = s.request("POST", "/api/frame?scene=2&resolution=320x180", body=body, headers={"Content-Type": ctype})
    check(st == 200 and png[:4] == b"\x89PNG", "frame of a set -> a PNG")
    bad = zip_of([("set_config.yaml", "videos:\n  - file: a.md\n"), ("a.md", "# x\n"), ("evil/../../x.md", "x")])
    body, ctype = multipart([("file", ("evil.zip", bad))])
    st, _, j = s.json("POST", "/api/check", body=body, headers={"Content-Type": ctype})
    check(st == 422 and "error" in j, "a set with ../ in a name -> 422, nothing extracted")
    # a zip bomb: 260 MB of zeros in about 1 MB, refused from its listing
    bomb = zip_of([("f.md", b"\0" * (260 * 1024 * 1024))], level=1)
    body, ctype = multipart([("file", ("bomb.zip", bomb))])
    st, _, j = s.json("POST", "/api/check", body=body, headers={"Content-Type": ctype})
    check(st == 422 and "256 MB" in j.get("error", ""), "a zip bomb preview -> 422 (%s)" % j.get("error"))
    check(not os.listdir(os.path.join(s.data, "tmp")), "previews leave nothing in tmp/")

    # ids that are the names of the data folder's own files are no tasks
    for tid in ["vgrun-serve.lock", "tmp", "tasks", ".", "..%2Ftasks"]:
        st, _, _ = s.json("DELETE", "/api/tasks/" + tid)
        check(st in (400, 404), "DELETE /api/tasks/%s -> %d" % (tid, st))
    # an id no task can have is not echoed back (it was, whole: 8000 bytes)
    for tid in ["a" * 8000, "%1b%5b31mred", "x" * 81]:
        st, _, j = s.json("GET", "/api/tasks/" + tid)
        err = j.get("error", "") if isinstance(j, dict) else ""
        check(st == 404 and len(err) < 100 and "\x1b" not in err and "a task id is" in err,
              "GET /api/tasks/%s... -> 404 without the id (%d, %d chars)" % (tid[:12], st, len(err)))
    st, _, j = s.json("GET", "/api/tasks/20261205-0123456789ab")
    check(st == 404 and j.get("error") == "no task 20261205-0123456789ab", "a well-formed unknown id is named")
    check(os.path.exists(os.path.join(s.data, "tasks", "vgrun-serve.lock")), "the lock file is still there")
    # a path echoed in an error is cut as other echoes are (each was echoed
    # whole: 6000 bytes of path in a 12 KB answer)
    long = "('" * 3000
    for path, what in [("/api/" + long, "no route"), ("/" + long, "no page"),
                       ("/x/..%2F" + long, "path segment not allowed"),
                       ("/api/tasks/x/" + long, "no route")]:
        st, _, j = s.json("GET", path)
        err = j.get("error", "") if isinstance(j, dict) else ""
        check(st in (400, 404) and what in err and len(err) < 160 and "\u2026" in err,
              "GET %s... -> %d, the path cut (%d chars: %r)" % (path[:16], st, len(err), err[:60]))
    st, _, j = s.json("PATCH", "/api/tasks")
    err = j.get("error", "") if isinstance(j, dict) else ""
    check(st == 405 and err.startswith("method PATCH not allowed on /api/tasks"), "405 names the method (%r)" % err)

    # a second server on the same data folder: a clear message, exit 1
    p = subprocess.run([VGRUN, "serve", "--listen", "127.0.0.1:0", "--data", s.data],
                       capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, VGRUN_STATE_DIR=tempfile.mkdtemp(prefix="vgserve-")))
    check(p.returncode == 1 and "another vgrun serve" in p.stderr and "attempt to" not in p.stderr,
          "two servers on one data folder -> exit 1 with a message (%r)" % p.stderr.strip()[:200])
finally:
    rc = s.stop()
check(rc == 0, "stopped cleanly")
done()
