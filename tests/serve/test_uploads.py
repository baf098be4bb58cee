"""Archives a real `vgrun serve` refuses, and what they leave behind: nothing.
Folders nested deeper than 32 levels are refused from the listing, before
anything is extracted (they used to be extracted, refused, and left on disk
from 63 levels down: a loop of uploads filled the disk), and so are names
longer than a file system takes; a set refused after
extraction is removed whole; two entries of one name (also after
normalisation: a/./b and a/b, c/ and c) are refused, naming the entry (the
first copy used to win silently). Previews (/api/scenes, /api/check) and
tasks (/api/tasks: no orphan task folder)."""
import gzip
import io
import json
import os
import sys
import tarfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, multipart  # noqa: E402

DOC = b"# Uploads\n\n## Part\n\nA short document says one thing about uploads here.\n"


def zip_of(files):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        for name, data in files:
            z.writestr(name, data)
    return b.getvalue()


def tar_of(files):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w") as t:
        for name, data in files:
            i = tarfile.TarInfo(name)
            if name.endswith("/"):
                i.type = tarfile.DIRTYPE
                t.addfile(i)
            else:
                i.size = len(data)
                t.addfile(i, io.BytesIO(data))
    return b.getvalue()


def deep(n, leaf="doc.md"):
    return "/".join(["d"] * n) + "/" + leaf


def left_in(s):
    """Every path under DATA/tmp and DATA/tasks (the server's lock aside)."""
    out = []
    for sub in ("tmp", "tasks"):
        top = os.path.join(s.data, sub)
        for root, dirs, files in os.walk(top):
            for n in dirs + files:
                out.append(os.path.relpath(os.path.join(root, n), s.data))
    return [p for p in out if p != os.path.join("tasks", "vgrun-serve.lock")]


def post(s, route, name, data):
    body, ctype = multipart([("file", (name, data))])
    return s.json("POST", route, body=body, headers={"Content-Type": ctype})


s = Server()
try:
    # depth: refused from the listing, nothing extracted, nothing left
    for n in (33, 63, 64, 200):
        for route in ("/api/scenes", "/api/check"):
            st, _, j = post(s, route, "deep.zip", zip_of([(deep(n), DOC)]))
            err = j.get("error", "") if isinstance(j, dict) else ""
            # the listing's message names the entry: refused before extraction
            check(st == 422 and "nested too deep (more than 32 levels): d/d/" in err,
                  "%d folders deep, %s -> 422 from the listing (%d %s)" % (n, route, st, err[:80]))
        st, _, j = post(s, "/api/tasks", "deep.tar", tar_of([(deep(n), DOC)]))
        check(st == 400 and "nested too deep" in j.get("error", ""), "%d folders deep, a task -> 400 (%d)" % (n, st))
        left = left_in(s)
        check(left == [], "%d folders deep: nothing left in DATA (%d paths, %s)" % (n, len(left), left[:1]))
    # an empty folder 33 deep is as deep as a file in it
    st, _, j = post(s, "/api/scenes", "deep.zip", zip_of([("doc.md", DOC), ("/".join(["e"] * 33) + "/", b"")]))
    check(st == 422 and "nested too deep" in j.get("error", ""), "an empty folder 33 deep -> 422")
    # names longer than a file system takes: refused from the listing too
    for name, why in [("x" * 256 + ".txt", "a part of 260 bytes"), ("/".join(["y" * 60] * 20) + "/f.txt", "1227 bytes")]:
        st, _, j = post(s, "/api/scenes", "long.zip", zip_of([("doc.md", DOC), (name, b"x")]))
        check(st == 422 and "too long a name" in j.get("error", ""), "a name of %s -> 422 (%d %s)" % (why, st, j.get("error")))
    check(left_in(s) == [], "long names: nothing left in DATA")
    # 32 levels are allowed
    st, _, j = post(s, "/api/scenes", "ok.zip", zip_of([("doc.md", DOC), (deep(32, "notes.txt"), b"x")]))
    check(st == 200, "32 folders deep beside the document -> 200 (%d %s)" % (st, j.get("error") if isinstance(j, dict) else ""))
    # refused after extraction (no document at its top): removed whole
    st, _, j = post(s, "/api/scenes", "nodoc.zip", zip_of([(deep(32, "notes.txt"), b"x")]))
    check(st == 422 and "no document" in j.get("error", ""), "a set with no document -> 422 (%s)" % j.get("error"))
    st, _, j = post(s, "/api/tasks", "nodoc.zip", zip_of([(deep(32, "notes.txt"), b"x")]))
    check(st == 400 and "no document" in j.get("error", ""), "a task of a set with no document -> 400")
    left = left_in(s)
    check(left == [], "refused after extraction: nothing left in DATA (%s)" % left[:1])

    # two entries of one name
    dupes = [
        ("zip", [("doc.md", b"# A\n\nThe first copy.\n"), ("doc.md", b"# B\n\nThe second copy.\n")], "doc.md"),
        ("zip", [("doc.md", DOC), ("a/./b.md", b"x"), ("a/b.md", b"y")], "a/b.md"),
        ("zip", [("doc.md", DOC), ("c/", b""), ("c", b"z")], "c"),
        ("zip", [("doc.md", DOC), ("./x.txt", b"1"), ("x.txt", b"2")], "x.txt"),
        ("zip", [("doc.md", DOC), ("s//t.txt", b"1"), ("s/t.txt", b"2")], "s/t.txt"),
        ("tar", [("doc.md", b"# A\n\nThe first copy.\n"), ("doc.md", b"# B\n\nThe second copy.\n")], "doc.md"),
        ("tar", [("doc.md", DOC), ("c/", b""), ("c", b"z")], "c"),
    ]
    for kind, files, name in dupes:
        data = zip_of(files) if kind == "zip" else tar_of(files)
        what = "%s of %s" % (kind, [f[0] for f in files])
        st, _, j = post(s, "/api/scenes", "dupe." + kind, data)
        err = j.get("error", "") if isinstance(j, dict) else ""
        check(st == 422 and "twice" in err and name in err, "%s -> 422 naming %s (%d %s)" % (what, name, st, err))
        st, _, j = post(s, "/api/tasks", "dupe." + kind, data)
        check(st == 400 and "twice" in j.get("error", ""), "%s as a task -> 400 (%d)" % (what, st))
    left = left_in(s)
    check(left == [], "duplicates: nothing left in DATA (%s)" % left[:1])
    # an HTML page is a document: its list is read as a list
    page = (b"<!DOCTYPE html>\n<html><head><title>Kit</title></head><body>\n<h1>Kit</h1>\n"
            b"<p>Kit builds things quickly.</p>\n<h2>Parts</h2>\n<ul>\n<li>A fast engine</li>\n<li>A small core</li>\n</ul>\n"
            b"</body></html>\n")
    st, _, j = post(s, "/api/scenes", "kit.html", page)
    bullets = [b for sc in (j.get("scenes", []) if isinstance(j, dict) else []) for b in sc.get("bullets", [])]
    check(st == 200 and "A fast engine" in bullets and "A small core" in bullets,
          "an HTML page -> 200 with its list items as bullets (%d %s)" % (st, bullets))
    # a folder given as an entry and implied by its files is no duplicate
    st, _, j = post(s, "/api/scenes", "dirs.zip", zip_of([("doc.md", DOC), ("a/", b""), ("a/b.txt", b"x")]))
    check(st == 200, "a folder entry and its files -> 200 (%d)" % st)
    st, _, j = s.json("GET", "/api/tasks")
    check(st == 200 and j.get("tasks") == [], "no task was made (%s)" % json.dumps(j)[:200])
finally:
    s.stop()

# A compressed document is held to --max-upload once uncompressed: the
# readers open gzip (NEWS.gz), and a few KB named talk.md used to expand to
# the 32 MiB a file may hold on disk (78 KB of paragraphs took 2.2 GB and
# minutes of CPU in one preview, however small --max-upload was).
s = Server(args=["--max-upload", "1M"])
try:
    big = gzip.compress(DOC + b"\n" * (2 << 20), 9)
    check(len(big) < 64 * 1024, "the compressed document is small (%d bytes)" % len(big))
    for route in ("/api/check", "/api/scenes"):
        st, _, j = post(s, route, "talk.md", big)
        text = json.dumps(j)
        check(st == 422 and "once uncompressed" in text and "talk.md" in text,
              "gzip past --max-upload once uncompressed, %s -> 422 naming talk.md (%d %s)" % (route, st, text[:200]))
    st, _, j = post(s, "/api/tasks", "talk.md", big)
    check(st in (400, 422) and "once uncompressed" in json.dumps(j), "... as a task -> refused (%d)" % st)
    small = gzip.compress(DOC)
    st, _, j = post(s, "/api/check", "small.md", small)
    check(st == 200, "a small compressed document is still read (%d %s)" % (st, json.dumps(j)[:200]))
    left = left_in(s)
    check(left == [], "compressed documents: nothing left in DATA (%s)" % left[:1])
finally:
    s.stop()
done()
