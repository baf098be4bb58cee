"""Range requests on a task's files (server/http.c) as RFC 9110 §14 says,
through the fake task manager (a 100000-byte video.mp4 of known bytes): a
last-pos past the end is clamped (206; it used to be 200 when the number had
more than 20 digits), a suffix longer than the file is the whole file as 206
(it used to be 416), a first-pos at or past the end is 416 with
`Content-Range: bytes */100000` however large the number (2^64-1 used to
wrap to 200), whitespace around the list's item is allowed (it used to
be ignored), and a malformed header is ignored (200, the whole file)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Server, check, done, multipart  # noqa: E402

SIZE = 100000
EXPECT = bytes(i % 251 for i in range(SIZE))
BIG = "9" * 30  # far past 64 bits

s = Server(fake=True)
try:
    body, ctype = multipart([("file", ("talk.md", b"# Hi\n\nHello.\n"))])
    st, _, j = s.json("POST", "/api/tasks", body=body, headers={"Content-Type": ctype})
    check(st == 202, "a task of the fake manager")
    path = "/api/tasks/%s/files/video.mp4" % j["id"]

    def get(rng):
        return s.request("GET", path, headers={"Range": rng})

    def part(rng, a, b, why):
        st, h, data = get(rng)
        check(st == 206 and data == EXPECT[a:b + 1] and h.get("content-range") == "bytes %d-%d/%d" % (a, b, SIZE),
              "%r -> 206 bytes %d-%d (%s) [%d %s]" % (rng, a, b, why, st, h.get("content-range")))

    def unsatisfiable(rng, why):
        st, h, data = get(rng)
        check(st == 416 and data == b"" and h.get("content-range") == "bytes */%d" % SIZE,
              "%r -> 416 bytes */%d (%s) [%d %s]" % (rng, SIZE, why, st, h.get("content-range")))

    def ignored(rng, why):
        st, h, data = get(rng)
        check(st == 200 and data == EXPECT and "content-range" not in h,
              "%r -> 200, the whole file (%s) [%d]" % (rng, why, st))

    part("bytes=0-9", 0, 9, "a plain range")
    part("bytes=99990-", 99990, SIZE - 1, "to the end")
    part("bytes=99999-99999", 99999, 99999, "the last byte")
    # last-pos past the end: clamped
    part("bytes=0-200000", 0, SIZE - 1, "last-pos past the end")
    part("bytes=0-99999999999999999999999", 0, SIZE - 1, "last-pos of 23 digits")
    part("bytes=5-18446744073709551615", 5, SIZE - 1, "last-pos 2^64-1")
    part("bytes=5-18446744073709551616", 5, SIZE - 1, "last-pos 2^64")
    part("bytes=3-" + "0" * 40 + "7", 3, 7, "leading zeros are no overflow")
    # suffix ranges
    part("bytes=-10", SIZE - 10, SIZE - 1, "the last 10 bytes")
    part("bytes=-100000", 0, SIZE - 1, "a suffix of the file's length")
    part("bytes=-200000", 0, SIZE - 1, "a suffix longer than the file")
    part("bytes=-99999999999999999999", 0, SIZE - 1, "a suffix of 20 digits")
    part("bytes=-" + BIG, 0, SIZE - 1, "a suffix of 30 digits")
    unsatisfiable("bytes=-0", "a suffix of zero bytes")
    # first-pos at or past the end
    unsatisfiable("bytes=100000-", "first-pos = the length")
    unsatisfiable("bytes=100000-100005", "first-pos = the length, with a last-pos")
    unsatisfiable("bytes=200000-", "first-pos past the end")
    unsatisfiable("bytes=9223372036854775807-", "first-pos 2^63-1")
    unsatisfiable("bytes=9223372036854775808-", "first-pos 2^63")
    unsatisfiable("bytes=18446744073709551615-", "first-pos 2^64-1")
    unsatisfiable("bytes=18446744073709551616-", "first-pos 2^64")
    unsatisfiable("bytes=%s-" % BIG, "first-pos of 30 digits")
    unsatisfiable("bytes=%s-%s" % (BIG, BIG + "9"), "first-pos and last-pos of 30 digits")
    # whitespace around the item, empty items, the unit's case
    part("bytes= 0-1", 0, 1, "a space before")
    part("bytes=0-1 ", 0, 1, "a space after")
    part("bytes=\t2-3\t", 2, 3, "tabs around")
    part("bytes=, 4-5 ,", 4, 5, "empty list items")
    part("BYTES=6-7", 6, 7, "the unit is case-insensitive")
    # malformed: ignored
    for rng, why in [("bytes=", "no range"), ("bytes=abc", "no numbers"), ("bytes=-", "a dash alone"),
                     ("bytes=5-2", "last-pos before first-pos"), ("bytes=0x10-", "hexadecimal"),
                     ("bytes=+1-2", "a sign"), ("bytes=1-2-3", "two dashes"), ("bytes=0 - 1", "spaces inside"),
                     ("bytes = 0-1", "spaces around ="), ("items=0-1", "another unit"), ("bytes0-1", "no ="),
                     ("bytes=%s-5" % BIG, "first-pos past last-pos, both huge"),
                     ("bytes=0-1,5-6", "several ranges (the whole file is a valid answer)")]:
        ignored(rng, why)
    # a long header of a valid range is no different from a short one
    part("bytes=" + " " * 100 + "8-9", 8, 9, "100 spaces before")
    st, h, data = s.request("HEAD", path, headers={"Range": "bytes=0-" + BIG})
    check(st == 206 and data == b"" and h.get("content-length") == str(SIZE), "HEAD with a clamped range -> 206")
finally:
    s.stop()
done()
