"""Throughput of ``core.timexes.extract`` alone: MB/s over the first N Reuters articles (DCT = published).

    python bench/timexes_speed.py [N] [PATH]

Articles are loaded and cleaned first (not timed); only the time-expression step is timed.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from dateline.core import clean, timexes
from dateline.core.model import Article, DateValue

CORPUS = Path("/work/shared/corpus/reuters21578/articles.jsonl")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    path = Path(sys.argv[2]) if len(sys.argv) > 2 else CORPUS
    jobs: list[tuple[Article, DateValue | None]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            art = clean.clean(Article(id=obj["id"], text=obj["text"]))
            pub = obj.get("published")
            dct = None
            if pub:
                d = date.fromisoformat(pub[:10])
                dct = DateValue(value=d.isoformat(), granularity="day", earliest=d, latest=d)
            jobs.append((art, dct))
            if len(jobs) == n:
                break
    size = sum(len(a.text.encode("utf-8")) for a, _ in jobs)
    timexes.extract(*jobs[0])  # warm up: compile patterns
    t0, c0 = time.perf_counter(), time.process_time()
    found = sum(len(timexes.extract(a, d)) for a, d in jobs)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"{len(jobs)} articles, {size / 1e6:.2f} MB, {found} timexes in {dt:.2f} s wall / {cpu:.2f} s CPU: "
        f"{size / 1e6 / dt:.2f} MB/s wall, {size / 1e6 / cpu:.2f} MB/s CPU"
    )


if __name__ == "__main__":
    main()
