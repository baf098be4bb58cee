#!/usr/bin/env python3
"""Drives the vgrun REPL through a pseudo-terminal: every waiting call of
docs/lua-api.md must return at the prompt. Each case runs in a fresh REPL; a
call that never returns is a failure, reported after a generous limit so a
hang cannot stall the suite (a hang check, not a speed bound).
  VGRUN=build/vgrun python3 tests/cli/repl_wait.py"""
import os, pty, select, signal, sys, time

VGRUN = os.environ.get("VGRUN", "build/vgrun")
LIMIT = float(os.environ.get("REPL_LIMIT", "20"))


class Repl:
    def __init__(self):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ["TERM"] = "dumb"
            os.execv(VGRUN, [VGRUN])
        self.buf = b""

    def read_until(self, marker):
        """Reads the pty until marker appears; False if the REPL hangs or ends."""
        end = time.monotonic() + LIMIT
        while marker not in self.buf:
            left = end - time.monotonic()
            if left <= 0:
                return False
            r, _, _ = select.select([self.fd], [], [], left)
            if not r:
                continue
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            self.buf += chunk
        return True

    def type(self, line, marker):
        """Types line at the prompt; True once marker and the next prompt came."""
        self.buf = b""
        os.write(self.fd, line.encode() + b"\n")
        return self.read_until(marker.encode()) and self.read_until(b"> ")

    def leave(self):
        """Ctrl-D; returns the exit status, or None if it had to be killed."""
        try:
            os.write(self.fd, b"\x04")
        except OSError:
            pass
        return self.leave_after_signal()

    def leave_after_signal(self):
        """Waits for the REPL to end; the status, or None if it had to be killed."""
        end = time.monotonic() + LIMIT
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return status
            try:  # keep draining so the child never blocks on a full pty
                if select.select([self.fd], [], [], 0.1)[0]:
                    os.read(self.fd, 4096)
            except OSError:
                pass
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        return None


# The loop's clock only moves when the loop runs; a prompt that waited for
# the user leaves it stale. A busy line first makes that certain.
STALE = ("local t = os.clock(); while os.clock() - t < 0.3 do end; print('spun')", "spun")

CASES = [
    ("vg.sleep(0.2) returns", [STALE, ("vg.sleep(0.2); print('slept', 1)", "slept\t1")]),
    ("vg.sleep(0) returns", [("vg.sleep(0); print('slept', 0)", "slept\t0")]),
    ("vg.spawn returns", [STALE, ("print('spawned', vg.spawn('sh', {'-c', 'echo hi'}).stdout)", "spawned\thi")]),
    ("a stage that yields, in a fresh process",
     [("print('run', vg.pipeline{ stages = { function(ctx) coroutine.yield(); ctx.n = 1 end } }"
       ":run(nil, { save_state = false }).status)", "run\tcompleted")]),
    ("vg.wait on two tasks that sleep",
     [STALE, ("local p = vg.pipeline{ stages = { function() vg.sleep(0.05) end } }; "
              "local a, b = p:start(nil, { save_state = false }), p:start(nil, { save_state = false }); "
              "local ra, rb = vg.wait(a, b); print('waited', ra.status, rb.status)",
              "waited\tcompleted\tcompleted")]),
    ("vg.go ends before the next prompt",
     [STALE, ("done = false; vg.go(function() vg.sleep(0.05); done = true end); print('gone')", "gone"),
      ("print('done', done)", "done\ttrue")]),
    ("a thousand events, then a wait",
     [("for i = 1, 1000 do vg.emit{ type = 'my.event' } end; vg.sleep(0.001); print('emitted')", "emitted")]),
]

# Steps are (line typed, output wanted) or (b"raw bytes", output wanted):
# Ctrl-C (\x03) goes to the REPL as SIGINT through the pty.
CASES += [
    ("Ctrl-C stops a vg.sleep, the prompt goes on",
     [("print('sleeping'); vg.sleep(600)", "sleeping"), (b"\x03", "interrupted"), ("print(6 * 7)", "42")]),
    ("Ctrl-C stops a busy stage, whose task ends cancelled",
     [("print('result', vg.pipeline{ stages = { function() print('busy'); while true do end end } }"
       ":run(nil, { save_state = false }).status)", "busy"),
      (b"\x03", "result\tcancelled"), ("print(6 * 7)", "42")]),
]

fails = 0
for name, steps in CASES:
    repl = Repl()
    ok = repl.read_until(b"> ")
    for line, marker in steps:
        if not ok:
            break
        if isinstance(line, bytes):
            repl.buf = b""
            os.write(repl.fd, line)
            ok = repl.read_until(marker.encode()) and repl.read_until(b"> ")
        elif line.startswith("print('sleeping')") or "print('busy')" in line:
            repl.buf = b""   # the marker comes while the line still runs: no prompt yet
            os.write(repl.fd, line.encode() + b"\n")
            ok = repl.read_until(marker.encode() + b"\r\n")
        else:
            ok = repl.type(line, marker)
        if not ok:
            out = repl.buf.decode(errors="replace").replace("\r", "")
            print(f"FAIL: {name}: typed {line!r}, wanted {marker!r}; got:\n{out}", file=sys.stderr)
    status = repl.leave()
    if ok and (status is None or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0):
        ok = False
        print(f"FAIL: {name}: the REPL did not leave on Ctrl-D (status {status})", file=sys.stderr)
    if not ok:
        fails += 1
# SIGTERM at the prompt ends the REPL as interrupted (130), at once
repl = Repl()
if repl.read_until(b"> "):
    os.kill(repl.pid, signal.SIGTERM)
    status = repl.leave_after_signal()
    if status is None or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 130:
        fails += 1
        print(f"FAIL: SIGTERM at the prompt: status {status}, wanted exit 130", file=sys.stderr)
else:
    fails += 1
    print("FAIL: SIGTERM at the prompt: no prompt", file=sys.stderr)
CASES.append(("SIGTERM at the prompt", []))

print(f"{len(CASES) - fails} of {len(CASES)} passed")
sys.exit(1 if fails else 0)
