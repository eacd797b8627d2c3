"""Throughput of the actors and quotes steps (MB/s of article text, one core) and of the cross-article merge.

    python bench/actors_quotes.py [JSONL] [N] [--freeze]

JSONL defaults to the shared Reuters corpus, N to all of its stories; prints figures, asserts nothing.
Times are process CPU time (the machine may be shared). The cyclic garbage collector's share is printed
separately: with the whole corpus loaded, its full passes over the heap cost a large part of extraction
time, and that cost belongs to whoever holds the corpus; ``--freeze`` calls ``gc.freeze()`` after loading to
show what that saves.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dateline.core import actors, clean, quotes  # noqa: E402
from dateline.core.model import Article  # noqa: E402

DEFAULT = ROOT.parent.parent / "shared" / "corpus" / "reuters21578" / "articles.jsonl"


class _GCTimer:
    """Process time spent in the cyclic garbage collector (via gc.callbacks)."""

    def __init__(self) -> None:
        self.total = 0.0
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.total += time.process_time() - self._start


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--freeze"]
    path = Path(args[0]) if args else DEFAULT
    limit = int(args[1]) if len(args) > 1 else 10**9
    arts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            arts.append(
                clean.clean(
                    Article(
                        id=d["id"], text=d.get("text") or "", title=d.get("title"), source=d.get("source")
                    )
                )
            )
            if len(arts) >= limit:
                break
    size = sum(len(a.text.encode()) for a in arts) / 1e6
    actors.extract(arts[0])  # load the gazetteer outside the timing
    if "--freeze" in sys.argv:
        gc.freeze()  # the loaded corpus leaves the collector's full passes
    gct = _GCTimer()
    t0, g0 = time.process_time(), gct.total
    found = [actors.extract(a) for a in arts]
    t1, g1 = time.process_time(), gct.total
    qs = [quotes.extract(a, acts, []) for a, acts in zip(arts, found, strict=True)]
    t2, g2 = time.process_time(), gct.total
    merged, _ = actors.merge(found)
    t3, g3 = time.process_time(), gct.total
    n_actors = sum(map(len, found))
    print(f"{len(arts)} articles, {size:.2f} MB")
    print(
        f"actors.extract  {size / (t1 - t0):6.2f} MB/s  ({n_actors} actors; "
        f"{g1 - g0:.2f} of {t1 - t0:.2f} s in GC, {size / (t1 - t0 - (g1 - g0)):.2f} MB/s without)"
    )
    print(
        f"quotes.extract  {size / (t2 - t1):6.2f} MB/s  ({sum(map(len, qs))} quotes; {g2 - g1:.2f} s in GC)"
    )
    print(f"actors.merge    {t3 - t2:6.2f} s for {n_actors} actors -> {len(merged)} ({g3 - g2:.2f} s in GC)")


if __name__ == "__main__":
    main()
