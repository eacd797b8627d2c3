"""Ingest benchmark: prints figures (nothing is asserted).

    python bench/ingest.py [CORPUS] [--jobs 1 2] [--sample N] [--profile-steps] [--baseline-sample N]

For the corpus (default: the shared Reuters-21578 JSONL beside the repo) it prints

* load time, and cold analysis throughput (MB/s and articles/s, total and per core) for each ``--jobs``;
* the cross-article steps (dating from related articles, merge) and their time;
* a cached reopen: a first cached build fills a temporary cache, then a second build over the same articles;
* peak memory (max RSS of this process; bench/reopen.py gives each whole command's);
* with ``--profile-steps``: time per pipeline step on a sample, in this process (the slowest step first);
* the baseline: plain ``dateparser.search.search_dates`` over a sample, extrapolated to the corpus.

Targets (from the issue): cold analysis >= 1 MB/s per core; cached reopen <= 1.5 s; peak <= 600 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dateline.core import pipeline  # noqa: E402
from dateline.core.load import load_paths  # noqa: E402
from dateline.core.model import Article  # noqa: E402

CORPUS_NAME = Path("shared/corpus/reuters21578/articles.jsonl")


def shared_path(name: Path) -> Path:
    """``../<name>`` relative to the repo (or to the main checkout, for a worktree under ``wt/``)."""
    for up in (ROOT.parent, ROOT.parent.parent):
        if (up / name).exists():
            return up / name
    return ROOT.parent / name


def default_corpus() -> Path:
    return shared_path(CORPUS_NAME)


def peak_mb() -> float:
    """Max RSS of this process in MB (Linux reports KB, macOS bytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (
        1024 * 1024 if sys.platform == "darwin" else 1024
    )


def mb(articles: list[Article]) -> float:
    return sum(len(a.text.encode("utf-8")) for a in articles) / 1e6


def cold(articles: list[Article], jobs: int) -> float:
    start = time.perf_counter()
    for _ in pipeline.iter_analyses(articles, jobs=jobs):
        pass
    return time.perf_counter() - start


def profile_steps(articles: list[Article]) -> None:
    """Wrap each step function with a timer and run the per-article pipeline in this process."""
    from dateline.core import actors, clean, events, published, quotes, timexes

    totals: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    originals: list[tuple[Any, str, Callable[..., Any]]] = []
    for module, name in (
        (clean, "clean"),
        (published, "infer"),
        (timexes, "extract"),
        (events, "extract"),
        (actors, "extract"),
        (quotes, "extract"),
    ):
        fn = getattr(module, name)
        label = f"{module.__name__.split('.')[-1]}.{name}"

        def timed(*args: Any, _fn: Callable[..., Any] = fn, _label: str = label, **kw: Any) -> Any:
            t = time.perf_counter()
            try:
                return _fn(*args, **kw)
            finally:
                totals[_label] += time.perf_counter() - t
                calls[_label] += 1

        originals.append((module, name, fn))
        setattr(module, name, timed)
    try:
        start = time.perf_counter()
        with pipeline.paused_gc():  # as the pipeline runs it: collections would be charged to whichever step
            analyses = [pipeline.analyse(a) for a in articles]
        total = time.perf_counter() - start
        t = time.perf_counter()
        dated = pipeline.date_from_related(analyses)
        totals["pipeline.date_from_related (cross-article)"] = time.perf_counter() - t
        t = time.perf_counter()
        pipeline.merge.merge(dated, [])
        totals["merge.merge (cross-article)"] = time.perf_counter() - t
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)
    size = mb(articles)
    print(f"\nper-step time on {len(articles)} articles ({size:.2f} MB), one process:")
    print(f"  {'step':45} {'seconds':>8} {'share':>6} {'MB/s':>8} calls")
    for label, secs in sorted(totals.items(), key=lambda kv: -kv[1]):
        share = secs / total * 100 if "cross-article" not in label else float("nan")
        rate = size / secs if secs else float("inf")
        print(f"  {label:45} {secs:8.2f} {share:5.1f}% {rate:8.2f} {calls.get(label, 1)}")
    print(f"  {'analyse() in all':45} {total:8.2f} 100.0% {size / total:8.2f}")


def baseline(articles: list[Article], corpus_mb: float, corpus_n: int) -> None:
    from dateparser.search import search_dates

    def count(text: str) -> int:
        try:
            return len(search_dates(text, languages=["en"]) or [])
        except Exception:  # dateparser raises on some inputs; the baseline only measures speed
            return 0

    start = time.perf_counter()
    found = sum(count(a.text) for a in articles)
    secs = time.perf_counter() - start
    size = mb(articles)
    print(
        f"\nbaseline dateparser.search.search_dates on {len(articles)} articles ({size:.2f} MB): {secs:.1f} s,"
        f" {size / secs:.3f} MB/s, {len(articles) / secs:.1f} articles/s, {found} dates;"
        f" extrapolated to the corpus: {corpus_mb / (size / secs):.0f} s on one core"
        f" ({corpus_n} articles)"
    )


def reopen(articles: list[Article], problems: list, jobs: int) -> None:
    from dateline.core.cache import AnalysisCache

    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        start = time.perf_counter()
        with AnalysisCache(tmp) as c:
            pipeline.build_timeline(articles, problems, jobs=jobs, cache=c)
        first = time.perf_counter() - start
        start = time.perf_counter()
        with AnalysisCache(tmp) as c:
            tl = pipeline.build_timeline(articles, problems, jobs=jobs, cache=c)
        again = time.perf_counter() - start
        start = time.perf_counter()
        with AnalysisCache(tmp) as c:
            for _ in pipeline.iter_analyses(articles, cache=c):  # per-article rows only, no merge
                pass
        rows_only = time.perf_counter() - start
        size = os.path.getsize(Path(tmp) / "analyses.sqlite") / 1e6
    print(
        f"\ncached build (fills the cache, incl. cross-article steps): {first:.2f} s\n"
        f"cached reopen, loaded articles -> Timeline ({len(tl.events)} events): {again:.2f} s\n"
        f"cached per-article analyses only (iter_analyses, no merge): {rows_only:.2f} s; cache file {size:.0f} MB\n"
        "  (bench/reopen.py times the whole command in a fresh process)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=default_corpus())
    ap.add_argument("--jobs", type=int, nargs="+", default=sorted({1, os.cpu_count() or 1}))
    ap.add_argument("--sample", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--profile-steps", action="store_true", help="time each pipeline step on a sample")
    ap.add_argument("--profile-sample", type=int, default=1000)
    ap.add_argument("--baseline-sample", type=int, default=200, help="0 skips the search_dates baseline")
    ap.add_argument("--no-reopen", action="store_true", help="skip the cached build and reopen")
    args = ap.parse_args()

    start = time.perf_counter()
    loaded = load_paths([args.corpus])
    load_secs = time.perf_counter() - start
    articles = loaded.articles[: args.sample] if args.sample else loaded.articles
    size = mb(articles)
    print(
        f"corpus {args.corpus}: {len(articles)} articles, {size:.1f} MB of text, {len(loaded.problems)} problems"
    )
    print(f"load: {load_secs:.2f} s ({mb(loaded.articles) / load_secs:.1f} MB/s)")
    print(f"\ncold per-article analysis (no cache), CPUs here: {os.cpu_count()}")
    for jobs in args.jobs:
        secs = cold(articles, jobs)
        print(
            f"  jobs={jobs}: {secs:6.1f} s  {size / secs:6.2f} MB/s total  {size / secs / jobs:6.2f} MB/s per core"
            f"  {len(articles) / secs:7.0f} articles/s  ({len(articles) / secs / jobs:.0f} per core)"
        )
    if not args.no_reopen:
        reopen(articles, loaded.problems, max(args.jobs))
    print(
        f"\npeak memory: this process {peak_mb():.0f} MB (workers are children of the fork server: not counted)"
    )
    if args.profile_steps:
        profile_steps(articles[: args.profile_sample])
    if args.baseline_sample:
        baseline(articles[: args.baseline_sample], size, len(articles))


if __name__ == "__main__":
    main()
