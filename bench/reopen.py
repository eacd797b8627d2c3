"""Reopen benchmark: the whole ``dateline`` command, cold and then cached, in fresh processes. Prints figures.

    python bench/reopen.py [CORPUS] [--runs 3] [--jobs N] [--command export|timeline]

Uses a temporary cache folder (``DATELINE_CACHE_DIR``), never the user's. ``--command timeline`` times the
library path to a usable Timeline (load + build_timeline, no rendering); ``export`` (default) times
``dateline export --format json`` with its output discarded. Peak memory is each run's max RSS (the main
process; workers are separate processes and reported by bench/ingest.py).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest import default_corpus  # noqa: E402

TIMELINE = (
    "import sys, time\n"
    "from core import load_paths, build_timeline\n"
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=default_corpus())
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--command", choices=("export", "timeline"), default="export")
    args = ap.parse_args()
    if args.command == "export":
        cmd = [sys.executable, "-m", "tui.cli", "export", "--format", "json", "--jobs", str(args.jobs)]
        cmd.append(str(args.corpus))
    else:
        cmd = [sys.executable, "-c", TIMELINE, str(args.corpus), str(args.jobs)]
    with tempfile.TemporaryDirectory(prefix="dateline-reopen-") as tmp:
        env = {**os.environ, "DATELINE_CACHE_DIR": tmp}
        secs, peak, code = run(cmd, env)
        print(
            f"{args.command} {args.corpus.name}: cold (fills the cache) {secs:.2f} s, peak {peak:.0f} MB, exit {code}"
        )
        for i in range(args.runs):
            secs, peak, code = run(cmd, env)
            print(f"  cached reopen {i + 1}: {secs:.2f} s, peak {peak:.0f} MB, exit {code}")
        nocache = [*cmd, "--no-cache"] if args.command == "export" else None
        if nocache:
            secs, peak, code = run(nocache, env)
            print(f"  --no-cache: {secs:.2f} s, peak {peak:.0f} MB, exit {code}")


if __name__ == "__main__":
    main()
