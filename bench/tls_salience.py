"""Timeline dates by salience: the days Dateline ranks first against journalists' timelines. Prints figures.

    python bench/tls_salience.py [DATA] [--articles span|all] [--days span|any] [--window 1|2] [--features]

DATA holds ``<folder>.jsonl`` and ``<folder>.timelines.json`` as the TLS scorer reads them (default: the shared
Timeline17 development folders beside the repo). Each reference timeline is one task, built in this process
(no cache). The scorer (``tls.py``) ranks days by their events' number of sources; this ranks them by
``events[].salience``, as the issue's acceptance does: a day's score is its best event's salience (ties: the
earlier day), the top l days are returned, l = the number of reference dates.

Per task: l, candidate days, coverage (reference days among the candidates: the recall ceiling), hits in the
top l, date F1, and AP (average precision of the covered reference days over the whole ranking: it moves when a
reference day climbs, even inside or outside the top l, so it shows what F1 is too coarse to).

Settings: ``--articles span`` (default, the scorer's) takes the articles published inside the timeline's span,
``all`` the whole folder (later articles can then refer back); ``--days span`` (default) ranks only days in the
span, ``any`` every day (a long timeline's case: most candidate days are not reference days). ``--window 2``
counts events dated to two days (an undated lead: "on or just before publication") on their later day.
``--features`` prints, per task, the mean evidence of hits, false picks and missed reference days.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest import shared_path  # noqa: E402
from dateline.core import pipeline  # noqa: E402
from dateline.core.load import load_paths  # noqa: E402
from dateline.core.model import Timeline  # noqa: E402

DATA_NAME = Path("shared/eval/dev/tls/t17")


def default_data() -> Path:
    return shared_path(DATA_NAME)


def build(rows: list[dict]) -> Timeline:
    """The timeline of ``rows`` as the command line builds it from a JSONL file (read by the same loader)."""
    with tempfile.TemporaryDirectory(prefix="tls-salience-") as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return pipeline.build_timeline(load_paths([path]).articles, jobs=1, cache=None)


def day_scores(tl: Timeline, lo: date, hi: date, window: int) -> dict[date, float]:
    best: dict[date, float] = {}
    for e in tl.events:
        if (
            e.date.earliest is None
            or e.date.latest is None
            or (e.date.latest - e.date.earliest).days >= window
        ):
            continue
        d = e.date.latest
        if lo <= d <= hi and e.salience > best.get(d, float("-inf")):
            best[d] = e.salience
    return best


def average_precision(ranked: list[date], gold: set[date]) -> float:
    hits, total = 0, 0.0
    for i, d in enumerate(ranked, 1):
        if d in gold:
            hits += 1
            total += hits / i
    return total / hits if hits else 0.0


def evidence(tl: Timeline) -> dict[str, Counter]:
    """Per day: the most sources of one event, articles naming the day, those published after it, and the
    articles published on it and the day after."""
    pub = {a.id: a.published.earliest for a in tl.articles if a.published is not None}
    named: dict[date, set] = defaultdict(set)
    for t in tl.timexes:
        if t.earliest is not None and t.earliest == t.latest and t.granularity != "unknown":
            named[t.earliest].add(t.article)
    out = {"sources": Counter(), "named": Counter(), "named later": Counter(), "published": Counter()}
    for e in tl.events:
        if e.date.earliest is not None and e.date.earliest == e.date.latest:
            d = e.date.earliest
            out["sources"][d] = max(out["sources"][d], len(e.articles))
    for d, arts in named.items():
        out["named"][d] = len(arts)
        out["named later"][d] = sum(1 for a in arts if (p := pub.get(a)) is not None and p > d)
    for p in pub.values():
        if p is not None:
            out["published"][p] += 1
            out["published"][date.fromordinal(p.toordinal() - 1)] += 1  # the day before: its day after
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=default_data())
    ap.add_argument("--articles", choices=("span", "all"), default="span")
    ap.add_argument("--days", choices=("span", "any"), default="span")
    ap.add_argument("--window", type=int, choices=(1, 2), default=1)
    ap.add_argument("--features", action="store_true")
    args = ap.parse_args()
    results = []
    for path in sorted(args.data.glob("*.timelines.json")):
        folder = path.name.removesuffix(".timelines.json")
        rows = [json.loads(line) for line in (args.data / f"{folder}.jsonl").read_text().splitlines() if line]
        for name, entries in sorted(json.loads(path.read_text())["timelines"].items()):
            gold = {date.fromisoformat(e["date"][:10]) for e in entries}
            lo, hi = min(gold), max(gold)
            chosen = (
                rows
                if args.articles == "all"
                else [r for r in rows if lo.isoformat() <= r["published"][:10] <= hi.isoformat()]
            )
            tl = build(chosen)
            span = (lo, hi) if args.days == "span" else (date.min, date.max)
            scores = day_scores(tl, *span, args.window)
            ranked = sorted(scores, key=lambda d: (-scores[d], d))
            top = set(ranked[: len(gold)])
            hits = len(top & gold)
            p, r = (hits / len(top) if top else 0.0), hits / len(gold)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            cover = len(gold & set(scores)) / len(gold)
            results.append((p, r, f1))
            print(
                f"{folder}/{name}: l={len(gold)} candidates={len(scores)} coverage={cover:.3f} hits={hits} "
                f"F1={f1:.3f} AP={average_precision(ranked, gold):.3f}"
            )
            if args.features:
                ev = evidence(tl)
                groups = {"hit": top & gold, "false pick": top - gold, "missed": (gold & set(scores)) - top}
                for label, days in groups.items():
                    means = (
                        "  ".join(f"{k} {sum(c[d] for d in days) / len(days):.1f}" for k, c in ev.items())
                        if days
                        else ""
                    )
                    print(f"    {label:10} {len(days):3}  {means}")
    mp = sum(x[0] for x in results) / len(results)
    mr = sum(x[1] for x in results) / len(results)
    print(
        f"date F1 by salience {2 * mp * mr / (mp + mr) if mp + mr else 0.0:.3f} (mean of per-task F1 "
        f"{sum(x[2] for x in results) / len(results):.3f}; articles {args.articles}, days {args.days}, "
        f"window {args.window})"
    )


if __name__ == "__main__":
    main()
