#!/usr/bin/env python3
"""Tab at the vgrun prompt completes vg fields, methods and table keys
(through readline, in a pseudo-terminal). Exits 77 when vgrun was built
without readline (no Tab completion to test).
  VGRUN=build/vgrun python3 tests/cli/repl_complete.py"""
import os, pty, select, sys, time

VGRUN = os.environ.get("VGRUN", "build/vgrun")
LIMIT = 20.0  # a hang check, not a speed bound


def run(keys, want):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "dumb"
        os.environ["XDG_CONFIG_HOME"] = "/nonexistent"
        os.execv(VGRUN, [VGRUN])
    buf = b""

    def until(marker):
        nonlocal buf
        end = time.monotonic() + LIMIT
        while marker not in buf:
            left = end - time.monotonic()
            if left <= 0:
                return False
            r, _, _ = select.select([fd], [], [], left)
            if r:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    return False
                if not chunk:
                    return False
                buf += chunk
        return True

    ok = until(b"> ")
    if ok:
        buf = b""
        for k in keys:
            os.write(fd, k.encode())
            time.sleep(0.05)  # let readline take each key on its own (ordering, not speed)
        ok = until(want.encode())
    try:
        os.write(fd, b"\x04")
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return ok, buf.decode(errors="replace")


def main():
    if b"readline" not in open(VGRUN, "rb").read():
        print("repl_complete: vgrun has no readline")
        return 77
    cases = [
        # a unique field: completed, then run
        ("type(vg.render.scene_t\t)\n", "function"),
        ("vg.json.enc\t{1}\n", "[1]"),
        # a method after ':'
        ('s = "ab"\n', "> "),
        ("s:up\t()\n", "AB"),
        # a string key of a table
        ('t = { alpha = 42 }\n', "> "),
        ('t["al\t\n', "42"),
        # keywords and globals
        ("ret\t 7\n", "7"),
    ]
    fails = 0
    # the t = ... case sets state for the next: they share one REPL
    keys = "".join(k for k, _ in cases)
    ok, out = run(keys, "7\r\n")
    for k, want in cases:
        if want not in out:
            fails += 1
            print("FAIL: %r did not give %r" % (k, want))
    if not ok or fails:
        print("--- the session:\n" + out)
        return 1
    print("repl_complete: %d cases ok" % len(cases))
    return 0


sys.exit(main())
