"""A reader plug-in's error reaches a remote client without the server's
paths: the 422 of /api/check, /api/scenes, /api/frame (made in a child
process) and /api/tasks (read in the server) keep the message and the
plug-in's file and line ("failing_reader.lua:5: this reader cannot read
it"), never the folder it is in (before, the absolute path of the plug-in
on the server)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PLUGIN = os.path.join(HERE, "failing_reader.lua")
JS = {"Content-Type": "application/json"}
BODY = json.dumps({"text": "plain words\n", "format": "txt"}).encode()

s = Server(["--plugin", PLUGIN])
try:
    for route in ["/api/check", "/api/scenes", "/api/frame", "/api/tasks"]:
        st, _, j = s.json("POST", route, body=BODY, headers=JS)
        text = json.dumps(j)
        check(st == 422, "%s: a reader's error is 422 (%s %s)" % (route, st, text[:200]))
        check("failing_reader.lua:" in text and "this reader cannot read it" in text,
              "%s: the message and the plug-in's file are kept (%s)" % (route, text[:300]))
        check(HERE not in text and "/failing_reader.lua" not in text,
              "%s: no folder of the server in the answer (%s)" % (route, text[:300]))
finally:
    s.stop()
done()
