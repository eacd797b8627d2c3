"""The steps across articles against the per-article analyses: prints figures (nothing is asserted).

    python bench/finish.py [CORPUS] [--jobs N]

Times a cold build of the corpus (default: the shared Reuters-21578 JSONL beside the repo) in two parts: the
per-article analyses (``pipeline.iter_analyses``, no cache) and ``pipeline.finish`` (dating from the loaded
articles' years and from related articles, story matching, merging, salience: everything that reads more
than one article), with this process's peak memory after each.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest import default_corpus, peak_mb  # noqa: E402
from dateline.core import pipeline  # noqa: E402
from dateline.core.load import load_paths  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=default_corpus())
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    articles = load_paths([args.corpus]).articles
    start = time.perf_counter()
    analyses = list(pipeline.iter_analyses(articles, jobs=args.jobs, cache=None))
    analysed = time.perf_counter()
    after_analyses = peak_mb()
    timeline = pipeline.finish(analyses)
    done = time.perf_counter()
    across = done - analysed
    print(
        f"{len(articles)} articles, jobs={args.jobs}: per-article analyses {analysed - start:.1f} s, "
        f"peak {after_analyses:.0f} MB"
    )
    print(
        f"steps across articles (pipeline.finish): {across:.1f} s, {100 * across / (done - start):.0f}% of "
        f"the build; peak {peak_mb():.0f} MB with the Timeline built ({len(timeline.events)} events)"
    )


if __name__ == "__main__":
    main()
