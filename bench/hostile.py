"""Hostile-input benchmark: inputs built to make work grow faster than the input. Prints figures.

    python bench/hostile.py [--only NAME ...] [--scale F] [--timeout S]

Each class is written to a temporary folder at two sizes (1× and 4×) and run through the whole command,
``dateline export --format json --no-cache --jobs 1``, in a fresh process, output discarded. For each run it
prints the input size, CPU seconds, CPU seconds per MB, peak memory (the process's max RSS, and the part above
the same command on a tiny input), the JSON written, and then the growth from 1× to 4× in time and in
memory above that base (start-up costs left out: they would make any growth look smaller): about 4× for
work that grows with the input, 16× for quadratic work.

Classes (issue 9, point 1, and the per-article budget):

* ``whitespace``  a sentence with one long run of spaces (clause breaks tried at every space);
* ``dates-line``  one long line full of dates (every event keeping its whole sentence);
* ``dates-bare``  one long line of bare years, no happening per date (each date's headline falls back to the
                  whole sentence's, once read again for every date);
* ``chronology``  an article that is a list of dated lines (overlap checks between all dates);
* ``same-month``  an article of thousands of happenings all dated "January 2020", told in overlapping words
                  (merge compared every pair of them; now each with its nearest like windows);
* ``same-id``     JSON Lines records all with one ``id`` (a de-duplication count restarting each time);
* ``same-name``   many files with one name in different folders (the same count, by file name);
* ``long-words``  sentences of capitalised 6,000-letter words (name patterns over long runs of letters);
* ``repeats``     an article whose lines are the same few lines over and over (repeated-line furniture);
* ``quotes``      paragraphs of dated quotes (quotes linked to the events of their paragraph);
* ``runs``        sentences holding long runs of digits, punctuation, quotes and short repeated words (what
                  makes a backtracking expression explode; tests/test_fuzz.py checks their output only);
* ``budget``      many small articles, each given no time (``DATELINE_ARTICLE_SECONDS=0``): every one stopped,
                  reported by name and kept without its extraction, the run going on.

Nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024

_MONTHS = "January February March April May June July August September October November December".split()
_FIRST = date(1900, 1, 1).toordinal()


def _date(i: int) -> str:
    """The ``i``-th day from 1 January 1900, written out ("March 2, 1917"): every ``i`` a different day."""
    d = date.fromordinal(_FIRST + i)
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


def whitespace(folder: Path, n: int) -> list[Path]:
    p = folder / "spaces.txt"
    p.write_text("On March 2, 2017 the talks ended" + " " * (256 * 1024 * n) + "and officials said.\n")
    return [p]


def dates_line(folder: Path, n: int) -> list[Path]:
    p = folder / "dates.txt"
    parts, size, i = [], 0, 0
    while size < 64 * 1024 * n:
        piece = f"talks were held on {_date(i)}, "
        parts.append(piece)
        size += len(piece)
        i += 1
    p.write_text("Officials said " + "".join(parts) + "and ended.\n")
    return [p]


def dates_bare(folder: Path, n: int) -> list[Path]:
    p = folder / "years.txt"
    years = "".join(f"{1900 + i % 100}, " for i in range(12 * 1024 * n))  # 6 characters each
    p.write_text("Output rose in " + years + "officials said.\n")
    return [p]


_VERBS = "opened closed raised cut signed rejected approved delayed seized released banned launched".split()
_NOUNS = [
    f"{a}{b}" for a in ("port", "mill", "bank", "road", "dam", "farm", "mine") for b in ("s", "yard", "works")
]


def same_month(folder: Path, n: int) -> list[Path]:
    p = folder / "diary.txt"
    lines = [
        f"In January 2020 the council {_VERBS[i % 12]} the {_NOUNS[i // 12 % 21]} {_NOUNS[i // 252 % 21]}."
        for i in range(1000 * n)
    ]
    p.write_text("\n\n".join(lines) + "\n")
    return [p]


def chronology(folder: Path, n: int) -> list[Path]:
    p = folder / "chronology.md"
    lines, size, i = ["---", "published: 2020-01-01", "---", ""], 0, 0
    while size < 256 * 1024 * n:
        line = f"{_date(i)} - The ministers met in Geneva and agreed to meet again on {_date(i + 7)}.\n"
        lines.append(line)
        size += len(line)
        i += 1
    p.write_text("\n".join(lines))
    return [p]


def same_id(folder: Path, n: int) -> list[Path]:
    p = folder / "records.jsonl"
    with p.open("w") as fh:
        for i in range(5000 * n):
            record = {"id": "story", "title": f"Story {i}", "text": f"Talks ended on {_date(i)}."}
            fh.write(json.dumps(record) + "\n")
    return [p]


def same_name(folder: Path, n: int) -> list[Path]:
    for i in range(500 * n):
        sub = folder / f"d{i:05d}"
        sub.mkdir()
        (sub / "story.txt").write_text(f"Talks ended on {_date(i)}, officials said.\n")
    return [folder]


def long_words(folder: Path, n: int) -> list[Path]:
    p = folder / "words.txt"
    word = "Q" + "x" * 6000
    sentences = [f"{word} {word.upper()} said on {_date(i)} that {word} met {word}." for i in range(10 * n)]
    p.write_text("\n\n".join(sentences) + "\n")
    return [p]


def repeats(folder: Path, n: int) -> list[Path]:
    p = folder / "repeats.txt"
    lines = [f"Photo caption number {i % 7}: the talks in Geneva on {_date(i % 7)}." for i in range(8000 * n)]
    p.write_text("\n".join(lines) + "\n")
    return [p]


def quotes(folder: Path, n: int) -> list[Path]:
    p = folder / "quotes.md"
    paras = ["---", "published: 2020-01-01", "---", ""]
    for i in range(1500 * n):
        paras.append(
            f'On {_date(i)} the minister met envoys. "We will meet again on {_date(i + 1)}," '
            f'Minister Alan Smith said. "Nothing is agreed," he added.\n'
        )
    p.write_text("\n".join(paras))
    return [p]


RUN_UNITS = ("1", "1-", ". ", "'", "January ", "9/", " ", "A ", '"', "said, ")


def over_budget(folder: Path, n: int) -> list[Path]:
    for i in range(400 * n):
        (folder / f"story{i:05d}.txt").write_text(f"Talks ended on {_date(i)}, officials said.\n")
    return [folder]


def runs(folder: Path, n: int) -> list[Path]:
    paths = []
    for i, unit in enumerate(RUN_UNITS):
        p = folder / f"run{i}.md"
        chunk = unit * (6000 * n // len(unit))
        p.write_text(f"---\npublished: 2020-01-01\n---\nThe minister said {chunk} on Tuesday.\n")
        paths.append(p)
    return paths


CLASSES: dict[str, Callable[[Path, int], list[Path]]] = {
    "whitespace": whitespace,
    "dates-line": dates_line,
    "dates-bare": dates_bare,
    "chronology": chronology,
    "same-month": same_month,
    "same-id": same_id,
    "same-name": same_name,
    "long-words": long_words,
    "repeats": repeats,
    "quotes": quotes,
    "runs": runs,
    "budget": over_budget,
}
# the per-article time budget (core/budget.py) each class runs with: "budget" gives every article no time
# at all, so each one is stopped, reported by name and kept without its extraction (the run goes on); the
# others none that could end (it is wall time: on a loaded machine it would stop the work being measured)
BUDGET = {"budget": "0"}
NO_BUDGET = "1000000"


def dateline() -> list[str]:
    beside = Path(sys.executable).with_name("dateline")
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "dateline.tui.cli"]


def run(
    paths: list[Path], timeout: float, env: dict[str, str] | None = None
) -> tuple[float, float, int, str]:
    """CPU seconds, max RSS in MB, bytes of JSON written, and the last line of stderr, of one export."""
    cmd = [*dateline(), "export", "--format", "json", "--no-cache", "--jobs", "1", *map(str, paths)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env={**os.environ, **(env or {})})
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                _, _, usage = os.wait4(proc.pid, 0)
                return float("inf"), usage.ru_maxrss / 1024, 0, "killed after the timeout"
            time.sleep(0.02)
        # CPU time of the command (user + system), not wall time: other processes on a shared machine do
        # not count (--jobs 1: the analysis runs in that process)
        secs = usage.ru_utime + usage.ru_stime
        size = out.seek(0, os.SEEK_END)
        err.seek(0)
        lines = err.read().decode(errors="replace").strip().splitlines()
    last = lines[-1][:100] if lines else ""
    code = os.waitstatus_to_exitcode(status)
    return secs, usage.ru_maxrss / 1024, size, f"exit {code}: {last}" if code else last


def input_mb(paths: list[Path]) -> float:
    total = 0
    for p in paths:
        files = [p] if p.is_file() else [f for f in p.rglob("*") if f.is_file()]
        total += sum(f.stat().st_size for f in files)
    return total / MB


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", choices=sorted(CLASSES), help="run only these classes")
    ap.add_argument("--scale", type=int, default=1, help="multiply every size by this (default 1)")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before a run is killed")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-hostile-") as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("On March 2, 2017 the talks ended.\n")
        base_secs, base_rss, _, _ = run([tiny], args.timeout)
        print(
            f"base: the same command on a one-line file takes {base_secs:.2f} s and peaks at {base_rss:.0f} MB"
        )
        print(
            f"{'class':12} {'size':>3} {'MB in':>7} {'s':>8} {'s/MB':>8} {'peak MB':>8} {'above':>7} {'MB out':>7}"
        )
        for name in args.only or CLASSES:
            rows = []
            for n in (1, 4):
                folder = Path(tmp) / f"{name}-{n}"
                folder.mkdir()
                paths = CLASSES[name](folder, n * args.scale)
                size = input_mb(paths)
                secs, rss, out, last = run(
                    paths, args.timeout, {"DATELINE_ARTICLE_SECONDS": BUDGET.get(name, NO_BUDGET)}
                )
                above = max(rss - base_rss, 0.0)
                rows.append((max(secs - base_secs, 0.0), above))
                print(
                    f"{name:12} {n:>2}× {size:7.2f} {secs:8.2f} {secs / size:8.2f} {rss:8.0f} {above:7.0f}"
                    f" {out / MB:7.1f}" + (f"  ({last})" if last and "warning" not in last else "")
                )
                shutil.rmtree(folder)
            (t1, m1), (t4, m4) = rows
            # below a tenth of a second or a few MB above the base, noise dominates: said, not divided
            time_growth = f"{t4 / t1:.1f}×" if t1 >= 0.1 else f"under 0.1 s at 1× ({t4:.2f} s at 4×)"
            mem_growth = f"{m4 / m1:.1f}×" if m1 >= 5 else f"under 5 MB at 1× ({m4:.0f} MB at 4×)"
            print(f"{'':12} growth 1× → 4×, above base: time {time_growth}, memory {mem_growth}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
