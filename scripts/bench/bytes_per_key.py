#!/usr/bin/env python3
"""Bytes written to the terminal: the first frame and each kind of key press.

Runs the real dashboard in a pseudo-terminal of 100x30 for each TERM given,
sends keys one at a time, and counts the bytes it writes until it has been
quiet for a moment. Over SSH on a slow link, this is what a key costs.

    scripts/bench/bytes_per_key.py [--binary PATH] [--data DIR] [TERM...]
"""
import argparse
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

KEYS = [
    ("row move (j)", b"j"),
    ("row move back (k)", b"k"),
    ("page down", b" "),
    ("re-sort (s)", b"s"),
    ("delivery (-)", b"-"),
    ("switch screen (2)", b"2"),
    ("back to the league (1)", b"1"),
]


def drain(fd, quiet=0.3, limit=5.0):
    total = 0
    start = time.monotonic()
    last = start
    while time.monotonic() - start < limit:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            if total:
                break
            if time.monotonic() - last > limit / 2:
                break
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        total += len(data)
        last = time.monotonic()
    return total


def measure(binary, data, term, repeats=5):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = term
        os.environ["LANG"] = "C.UTF-8"
        os.environ["LC_ALL"] = "C.UTF-8"
        os.environ.pop("NO_COLOR", None)
        os.execv(binary, [binary, "--data", data, "--fresh"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    os.kill(pid, 28)  # SIGWINCH: the size set after the fork
    first = drain(fd, quiet=0.8, limit=20)
    rows = [("first frame", first)]
    for name, key in KEYS:
        sizes = []
        for _ in range(repeats if key in (b"j", b"k") else 1):
            os.write(fd, key)
            sizes.append(drain(fd))
        rows.append((name, max(sizes)))
    os.write(fd, b"q")
    drain(fd, quiet=0.3, limit=2)
    os.waitpid(pid, 0)
    return rows


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(root, ".build", "release", "stpdash"))
    ap.add_argument("--data", default=os.path.join(root, "sample-data"))
    ap.add_argument("terms", nargs="*", default=["xterm-256color", "vt100"])
    a = ap.parse_args()
    results = {t: measure(a.binary, a.data, t) for t in a.terms}
    names = [n for n, _ in results[a.terms[0]]]
    print("| at 100x30 | " + " | ".join(f"`{t}` bytes" for t in a.terms) + " |")
    print("|---|" + "---|" * len(a.terms))
    for i, n in enumerate(names):
        print(f"| {n} | " + " | ".join(f"{results[t][i][1]:,}" for t in a.terms) + " |")


if __name__ == "__main__":
    sys.exit(main())
