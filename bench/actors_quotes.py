"""Throughput of the actors and quotes steps (MB/s of article text, one core).

    python bench/actors_quotes.py [JSONL] [N]

JSONL defaults to the shared Reuters corpus; prints figures, asserts nothing.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import actors, clean, quotes  # noqa: E402
from core.model import Article  # noqa: E402

DEFAULT = ROOT.parent.parent / "shared" / "corpus" / "reuters21578" / "articles.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
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
    t0 = time.perf_counter()
    found = [actors.extract(a) for a in arts]
    t1 = time.perf_counter()
    qs = [quotes.extract(a, acts, []) for a, acts in zip(arts, found, strict=True)]
    t2 = time.perf_counter()
    merged, _ = actors.merge(found)
    t3 = time.perf_counter()
    print(f"{len(arts)} articles, {size:.2f} MB")
    print(f"actors.extract  {size / (t1 - t0):6.2f} MB/s  ({sum(map(len, found))} actors)")
    print(f"quotes.extract  {size / (t2 - t1):6.2f} MB/s  ({sum(map(len, qs))} quotes)")
    print(f"actors.merge    {t3 - t2:6.2f} s for {sum(map(len, found))} actors -> {len(merged)}")


if __name__ == "__main__":
    main()
