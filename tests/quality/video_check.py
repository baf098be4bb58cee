#!/usr/bin/env python3
"""video_check.py OUT.mp4 [--keyint S] [--fps N]: checks a made video from its
outputs alone, as a player sees it: H.264 + AAC; audio and video end together
(within a frame); chapters name and time the scenes of OUT.timing.json; the
timing file is monotonic and inside the video, each scene's words inside
its narration (every narration longer than a second has them); narration is heard where the
timing file says (no long silence inside a scene's narration, none cut off at
the end); the picture changes at each scene's start; keyframes no further
apart than the keyframe interval; a seek into the middle decodes the same
picture as a decode from the start; SRT/VTT cues (when present) in order and
inside the audio. Prints one line per failure and exits 1 when any failed."""
import json
import os
import re
import subprocess
import sys

fails = []


def bad(msg):
    fails.append(msg)
    print("FAIL: " + msg)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def probe(mp4):
    r = run(["ffprobe", "-v", "error", "-show_streams", "-show_format",
             "-show_chapters", "-of", "json", mp4])
    if r.returncode != 0:
        bad("ffprobe: " + r.stderr.strip())
        sys.exit(1)
    return json.loads(r.stdout)


def packets(mp4, sel):
    """(pts, duration, keyframe) of every packet of stream sel, in pts order"""
    r = run(["ffprobe", "-v", "error", "-select_streams", sel, "-show_entries",
             "packet=pts_time,duration_time,flags", "-of", "csv=p=0", mp4])
    out = []
    for line in r.stdout.split():
        f = line.split(",")
        try:
            out.append((float(f[0]), float(f[1]), "K" in f[2]))
        except (ValueError, IndexError):
            pass
    return sorted(out)


def gray(mp4, t, seek_input=True, w=64, h=36):
    """the picture shown at time t, small and gray, as bytes"""
    pre = ["-ss", "%.3f" % t] if seek_input else []
    post = [] if seek_input else ["-ss", "%.3f" % t]
    r = subprocess.run(["ffmpeg", "-v", "error", *pre, "-i", mp4, *post,
                        "-frames:v", "1", "-vf", "scale=%d:%d" % (w, h),
                        "-f", "rawvideo", "-pix_fmt", "gray", "-"],
                       capture_output=True)
    if r.returncode != 0 or len(r.stdout) != w * h:
        return None
    return r.stdout


def diff(a, b):
    return sum(abs(x - y) for x, y in zip(a, b)) / len(a)


def silences(mp4, noise="-45dB", d=1.2):
    r = run(["ffmpeg", "-v", "info", "-i", mp4, "-map", "0:a:0", "-af",
             "silencedetect=n=%s:d=%s" % (noise, d), "-f", "null", "-"])
    out, start = [], None
    for line in r.stderr.splitlines():
        m = re.search(r"silence_start: ([-\d.]+)", line)
        if m:
            start = float(m.group(1))
        m = re.search(r"silence_end: ([-\d.]+)", line)
        if m and start is not None:
            out.append((start, float(m.group(1))))
            start = None
    if start is not None:
        out.append((start, float("inf")))
    return out


def cues(path):
    def sec(s):
        h, m, rest = s.replace(",", ".").split(":")
        return int(h) * 3600 + int(m) * 60 + float(rest)
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(\d+:\d\d:\d\d[.,]\d+) --> (\d+:\d\d:\d\d[.,]\d+)", line)
            if m:
                out.append((sec(m.group(1)), sec(m.group(2))))
    return out


def main():
    args = sys.argv[1:]
    keyint = 10.0
    if "--keyint" in args:
        i = args.index("--keyint")
        keyint = float(args[i + 1])
        del args[i:i + 2]
    mp4 = args[0]
    base = mp4[:-4] if mp4.endswith(".mp4") else mp4
    info = probe(mp4)
    vs = [s for s in info["streams"] if s["codec_type"] == "video"]
    aus = [s for s in info["streams"] if s["codec_type"] == "audio"]
    if len(vs) != 1 or vs[0]["codec_name"] != "h264":
        bad("video stream: %s" % [s["codec_name"] for s in vs])
    if len(aus) != 1 or aus[0]["codec_name"] != "aac":
        bad("audio stream: %s" % [s["codec_name"] for s in aus])
    num, den = vs[0]["r_frame_rate"].split("/")
    fps = float(num) / float(den)
    frame = 1.0 / fps

    vp = packets(mp4, "v:0")
    ap = packets(mp4, "a:0")
    vend = vp[-1][0] + vp[-1][1]
    aend = ap[-1][0] + ap[-1][1]
    if abs(vend - aend) > frame + 1e-3:
        bad("audio ends at %.3f, video at %.3f" % (aend, vend))
    if vp[0][0] > 1e-3 or ap[0][0] > 0.05:
        bad("streams start at video %.3f audio %.3f" % (vp[0][0], ap[0][0]))

    keys = [p[0] for p in vp if p[2]] + [vend]
    gap = max(b - a for a, b in zip(keys, keys[1:]))
    if gap > keyint + frame + 1e-3:
        bad("keyframes %.2f s apart (keyint %.1f)" % (gap, keyint))

    tj = base + ".timing.json"
    if not os.path.exists(tj):
        bad("no " + tj)
        return
    with open(tj, encoding="utf-8") as f:
        tim = json.load(f)
    for k in ("language", "voice", "duration", "scenes"):
        if k not in tim:
            bad("timing.json has no " + k)
    dur = tim["duration"]
    if abs(dur - vend) > frame + 1e-3:
        bad("timing.json duration %.3f, video %.3f" % (dur, vend))
    scenes = tim["scenes"]
    prev = 0.0
    for i, s in enumerate(scenes):
        ns, ne = s.get("narration_start"), s.get("narration_end")
        seq = [s["start"]] + ([ns, ne] if ns is not None else []) + [s["end"]]
        if seq != sorted(seq) or abs(s["start"] - prev) > 1e-6 or s["end"] > dur + 1e-6:
            bad("scene %d times not in order: %s (previous end %.3f)" % (i + 1, seq, prev))
        prev = s["end"]
        words = s.get("words") or []
        wt = [w.get("start", 0) for w in words]
        if wt != sorted(wt) or any(not (s["start"] - 1e-6 <= t <= s["end"] + 1e-6) for t in wt):
            bad("scene %d word times out of order or outside it" % (i + 1))
        # each word said within the scene's narration, and lasting
        if ns is not None and any(not (ns - 1e-3 <= w.get("start", 0) <= w.get("end", 0) <= ne + 1e-3)
                                  for w in words):
            bad("scene %d: a word outside its narration %.2f-%.2f" % (i + 1, ns, ne))
        # (a recording's scene without cues has nobody's words: spread marks
        # a recording's scenes)
        recording = any(x.get("spread") for x in scenes)
        if ns is not None and ne - ns > 1.0 and not words and not recording:
            bad("scene %d: narration %.2f-%.2f without word times" % (i + 1, ns, ne))
    if abs(prev - dur) > 1e-6:
        bad("last scene ends %.3f, video %.3f" % (prev, dur))

    ch = info.get("chapters", [])
    if len(ch) != len(scenes):
        bad("%d chapters for %d scenes" % (len(ch), len(scenes)))
    for c, s in zip(ch, scenes):
        if abs(float(c["start_time"]) - s["start"]) > frame + 1e-3:
            bad("chapter %r starts %.3f, scene %.3f" % (c["tags"].get("title"),
                float(c["start_time"]), s["start"]))
        if s.get("title") and c["tags"].get("title") != s["title"]:
            bad("chapter %r, scene title %r" % (c["tags"].get("title"), s["title"]))

    # narration heard: no silence of over 1.2 s inside a scene's narration,
    # and the last narration not cut by the end of the audio
    if os.environ.get("VIDEO_CHECK_NO_AUDIO") != "1":
        sil = silences(mp4)
        for i, s in enumerate(scenes):
            ns, ne = s.get("narration_start"), s.get("narration_end")
            if ns is None or ne is None or ne - ns < 0.5:
                continue
            for a, b in sil:
                if a > ns + 0.2 and min(b, aend) < ne - 0.2 and min(b, aend) - a > 1.2:
                    bad("scene %d: silence %.2f-%.2f inside its narration %.2f-%.2f"
                        % (i + 1, a, b, ns, ne))
                if a < ns + 0.3 and b > ne - 0.3:
                    bad("scene %d: its narration %.2f-%.2f is silent" % (i + 1, ns, ne))
        last = [s for s in scenes if s.get("narration_end") is not None]
        if last and last[-1]["narration_end"] > aend + 1e-3:
            bad("narration ends %.3f after the audio %.3f" % (last[-1]["narration_end"], aend))

    # the picture changes at each scene's start: the frame just before a
    # scene differs from the frame once its narration has begun
    for i, s in enumerate(scenes[1:], 2):
        t0 = s["start"] - 2 * frame
        t1 = min(s.get("narration_start", s["start"]) + 0.3, s["end"] - frame)
        a, b = gray(mp4, t0), gray(mp4, t1)
        if a is None or b is None:
            bad("scene %d: no picture at %.2f or %.2f" % (i, t0, t1))
        elif diff(a, b) < 0.5:
            bad("scene %d: the picture at %.2f is the one before it (%.2f)" % (i, t1, t0))

    # a seek into the middle decodes the picture a full decode shows there
    mid = dur / 2
    fast, slow = gray(mp4, mid, True, 160, 90), gray(mp4, mid, False, 160, 90)
    if fast is None or slow is None or diff(fast, slow) > 1.0:
        bad("a seek to %.2f does not decode the picture shown there" % mid)

    for ext in ("srt", "vtt"):
        p = base + "." + ext
        if not os.path.exists(p):
            continue
        cs = cues(p)
        if not cs:
            bad(p + ": no cues")
        for (a, b), nxt in zip(cs, cs[1:] + [(float("inf"), 0)]):
            if not (0 <= a < b <= aend + 1e-3) or b > nxt[0] + 1e-3:
                bad("%s: cue %.3f-%.3f out of order or past the audio (%.3f)" % (p, a, b, aend))
                break
        # a cue starts once its scene's narration does and is not shown
        # across a cut (a short cue may outlast the speech; a kept cue too)
        for a, b in cs:
            if not any(s.get("narration_start") is not None and
                       s["narration_start"] - 0.05 <= a and b <= s["end"] + 0.05
                       for s in scenes):
                bad("%s: cue %.3f-%.3f is not inside one scene" % (p, a, b))
                break
    print("%s: %d scenes, %.2f s, %.1f fps, keyframes <= %.2f s apart: %s"
          % (mp4, len(scenes), dur, fps, gap, "ok" if not fails else "%d failed" % len(fails)))


main()
sys.exit(1 if fails else 0)
