#!/usr/bin/env python3
"""A stand-in for a local model's OpenAI-compatible server (llama.cpp,
Ollama), for tests/create/local_model.sh. Listens on 127.0.0.1 on a free
port, writes the port to PORTFILE, answers POST .../chat/completions with
canned JSON, and appends each request's body to LOG.
  fake_llm.py PORTFILE LOG [good|bad]"""
import http.server
import json
import sys

PORTFILE, LOG = sys.argv[1], sys.argv[2]
MODE = sys.argv[3] if len(sys.argv) > 3 else "good"
count = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
        with open(LOG, "ab") as f:
            f.write(body + b"\n")
        if not self.path.endswith("/chat/completions"):
            self.send_error(404)
            return
        count += 1
        if MODE == "good":
            content = "```json\n" + json.dumps({
                "headline": "Rewritten headline %d" % count,
                "narration": "Rewritten narration number %d." % count}) + "\n```"
        else:
            content = "I would rather not answer in JSON."
        out = json.dumps({"object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
