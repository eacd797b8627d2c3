"""Reopen benchmark: the whole ``dateline`` command, cold and then cached, in fresh processes. Prints figures.

    python bench/reopen.py [CORPUS] [--runs 3] [--jobs N] [--command export|timeline|app]

Uses a temporary cache folder (``DATELINE_CACHE_DIR``), never the user's. ``--command timeline`` times the
library path to a usable Timeline (load + build_timeline, no rendering); ``export`` (default) times
``dateline export --format json`` with its output discarded; ``app`` runs ``dateline CORPUS`` in a
pseudo-terminal (80×24) after ``dateline export`` filled the cache, and times it until the timeline is on
screen ("N events so far") and until it is fully loaded (the final status line), then quits it with ``q``. Peak memory is each run's max RSS (the main process; workers are
separate processes and reported by bench/ingest.py).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest import default_corpus  # noqa: E402

TIMELINE = (
    "import sys, time\n"
    "from dateline.core import load_paths, build_timeline\n"
    "r = load_paths([sys.argv[1]])\n"
    "t = build_timeline(r.articles, r.problems, jobs=int(sys.argv[2]), cache=True)\n"
    "print(len(t.articles), len(t.events), file=sys.stderr)\n"
)


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, max RSS in MB, exit status of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.stderr is not None
    err = proc.stderr.read().decode(errors="replace")
    if "Traceback" in err:
        print(err, file=sys.stderr)
    return secs, usage.ru_maxrss / 1024, proc.returncode


ON_SCREEN = re.compile(rb"\d[\d,]* events")  # "N events so far": the timeline is listed, keys work from here
ALL_PANES = re.compile(rb"[1-9][\d,]* quotes")  # the final status line: everything is read


def run_app(cmd: list[str], env: dict[str, str], timeout: float = 600.0) -> tuple[float, float, float, int]:
    """Seconds from exec until the timeline is on screen and until everything is read, max RSS in MB, and
    the exit status (the app is quit with ``q`` once both showed)."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ.clear()
        os.environ.update(env, TERM="xterm-256color", COLUMNS="80", LINES="24")
        os.chdir(ROOT)
        os.execv(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    seen = b""
    marks = {ON_SCREEN: float("nan"), ALL_PANES: float("nan")}
    try:
        while time.perf_counter() - start < timeout:
            if not select.select([fd], [], [], 0.01)[0]:
                continue
            try:
                seen += os.read(fd, 1 << 16)
            except OSError:
                break
            for mark, took in marks.items():
                if took != took and mark.search(seen):  # nan: not seen yet
                    marks[mark] = time.perf_counter() - start
            if all(t == t for t in marks.values()):
                break
            seen = seen[-200:]
    finally:
        os.write(fd, b"q")
        deadline = time.perf_counter() + 10
        status, usage = 0, None
        while time.perf_counter() < deadline:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            try:
                if select.select([fd], [], [], 0.05)[0]:
                    os.read(fd, 1 << 16)
            except OSError:
                pass
        else:
            os.kill(pid, 9)
            _, status, usage = os.wait4(pid, 0)
        os.close(fd)
    return marks[ON_SCREEN], marks[ALL_PANES], usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=default_corpus())
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--command", choices=("export", "timeline", "app"), default="export")
    args = ap.parse_args()
    export = [
        sys.executable,
        "-m",
        "dateline.tui.cli",
        "export",
        "--format",
        "json",
        "--jobs",
        str(args.jobs),
    ]
    export.append(str(args.corpus))
    with tempfile.TemporaryDirectory(prefix="dateline-reopen-") as tmp:
        tmp = os.environ.get("BENCH_CACHE", tmp)
        env = {**os.environ, "DATELINE_CACHE_DIR": tmp}
        if args.command == "app":
            secs, peak, code = run(export, env)
            print(
                f"export {args.corpus.name}: cold (fills the cache) {secs:.2f} s, peak {peak:.0f} MB, exit {code}"
            )
            app = [sys.executable, "-m", "dateline.tui.cli", "--jobs", str(args.jobs), str(args.corpus)]
            for i in range(args.runs):
                shown, full, peak, code = run_app(app, env)
                print(
                    f"  app, cached reopen {i + 1}: timeline on screen {shown:.2f} s, fully loaded {full:.2f} s,"
                    f" peak {peak:.0f} MB, exit {code}"
                )
            shown, full, peak, code = run_app([*app, "--no-cache"], env)
            print(
                f"  app, --no-cache: first events on screen {shown:.2f} s, fully loaded {full:.2f} s,"
                f" peak {peak:.0f} MB, exit {code}"
            )
            return
        cmd = (
            export
            if args.command == "export"
            else [sys.executable, "-c", TIMELINE, str(args.corpus), str(args.jobs)]
        )
        secs, peak, code = run(cmd, env)
        print(
            f"{args.command} {args.corpus.name}: cold (fills the cache) {secs:.2f} s, peak {peak:.0f} MB, exit {code}"
        )
        for i in range(args.runs):
            secs, peak, code = run(cmd, env)
            print(f"  cached reopen {i + 1}: {secs:.2f} s, peak {peak:.0f} MB, exit {code}")
        if args.command == "export":
            secs, peak, code = run([*cmd, "--no-cache"], env)
            print(f"  --no-cache: {secs:.2f} s, peak {peak:.0f} MB, exit {code}")


if __name__ == "__main__":
    main()
