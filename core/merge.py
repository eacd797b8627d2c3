"""Step 8 — merge across articles: one actor per entity, one event per happening, global ids.

Two events are the same happening when their articles tell the same story (similar vocabulary), their
dates overlap, they agree on past vs future, and they name the same kind of happening (or share most of
their words). A merged event keeps every source; its date is the intersection of the sources' windows, so
a "last month" in one article narrows an "end of last year" in another.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from dateline.core import actors as actors_step
from dateline.core import salience
from dateline.core.model import (
    ArticleAnalysis,
    DateValue,
    Event,
    LoadProblem,
    Quote,
    Timeline,
    trusted,
    trusted_replace,
)
from dateline.core.text import FurnitureIndex, paragraphs

STORY_SIMILARITY = 0.12  # cosine of tf-idf vectors above which two articles tell the same story
STORY_TERMS = 20  # distinctive terms per article used to find candidate stories
VECTOR_TERMS = 60  # terms kept per article vector (the rest add little to the cosine)
POSTING_CAP = 40  # a term among the distinctive ones of more articles than this is not distinctive
MAX_RELATED = 12  # most related articles considered per article
PAST = frozenset({"occurred", "ongoing"})
FUTURE = frozenset({"planned", "expected"})

_TOKEN = re.compile(r"[a-z][a-z'-]{2,}")
STOPWORDS = frozenset(
    """the and for that with from this have has had was were are been being will would could should can may might
    said says say told about after before into over under than then them they their there these those what when
    where which while who whom whose why how not but also its it's his her him she our ours your you we us all any
    each other some such only own same very just more most much many few one two three four five six seven eight
    nine ten first last next new year years month months week weeks day days time times including include per
    mln billion million dlrs pct reuter reuters percent according because during since until upon within without
    between among against around again further once here both either neither nor too really yet still even""".split()
)


def merge(analyses: Sequence[ArticleAnalysis], problems: list[LoadProblem] | None = None) -> Timeline:
    actor_list, actor_ids = actors_step.merge([a.actors for a in analyses])
    quotes = [
        trusted_replace(q, speaker=actor_ids.get(q.speaker) if q.speaker else None)
        for a in analyses
        for q in a.quotes
    ]
    events = _link(analyses, actor_ids, quotes)
    related = related_articles(analyses)
    captions = _caption_sentences(analyses)
    clusters = _cluster(events, related)
    combined = sorted(((_combine(c, captions), c) for c in clusters), key=lambda pair: _sort_key(pair[0]))
    local_to_global: dict[str, str] = {}
    final: list[Event] = []
    for i, (event, cluster) in enumerate(combined, 1):
        gid = f"e{i}"
        for e in cluster:
            local_to_global[e.id] = gid
        final.append(trusted_replace(event, id=gid))
    quotes = [trusted_replace(q, events=_unique(local_to_global.get(x, x) for x in q.events)) for q in quotes]
    salience.assign(final)
    return Timeline(
        articles=[a.article for a in analyses],
        events=final,
        timexes=[t for a in analyses for t in a.timexes],
        actors=actor_list,
        quotes=quotes,
        problems=list(problems or []),
    )


def _sort_key(e: Event) -> tuple:
    lo, hi = e.date.earliest, e.date.latest
    return (lo is None, lo or date.max, hi or date.max, e.headline)


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


# --- linking actors and quotes to events ------------------------------------------------------------------------


def _link(analyses: Sequence[ArticleAnalysis], actor_ids: dict[str, str], quotes: list[Quote]) -> list[Event]:
    """Events with their actors (mentioned in an evidence sentence) and quotes (same paragraph)."""
    quotes_by_event: dict[str, list[str]] = defaultdict(list)
    quotes_by_article: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        quotes_by_article[q.article].append(q)
        for eid in q.events:
            quotes_by_event[eid].append(q.id)
    out: list[Event] = []
    for a in analyses:
        mentions = sorted(
            (m.start, m.end, actor_ids.get(actor.id, actor.id)) for actor in a.actors for m in actor.mentions
        )
        starts = [m[0] for m in mentions]
        paras = paragraphs(a.article.text) if a.events else []
        para_starts = [p.start for p in paras]
        for e in a.events:
            ids: list[str] = []
            for ev in e.evidence:
                i = bisect_left(starts, ev.start)
                while i < len(mentions) and mentions[i][0] < ev.end:
                    if mentions[i][1] <= ev.end:
                        ids.append(mentions[i][2])
                    i += 1
            q_ids = list(quotes_by_event.get(e.id, []))
            if not q_ids:
                for ev in e.evidence:
                    j = bisect_right(para_starts, ev.start) - 1
                    if j >= 0 and ev.start < paras[j].end:
                        para = paras[j]
                        q_ids.extend(
                            q.id for q in quotes_by_article[ev.article] if para.start <= q.start < para.end
                        )
            out.append(trusted_replace(e, actors=_unique(ids), quotes=_unique(q_ids)))
    return out


# --- which articles tell the same story ---------------------------------------------------------------------------


def _terms(text: str) -> Counter[str]:
    tf = Counter(_TOKEN.findall(text.lower()))
    for word in STOPWORDS.intersection(tf):
        del tf[word]
    return tf


def related_articles(analyses: Sequence[ArticleAnalysis]) -> dict[str, set[str]]:
    """For each article, the other loaded articles that tell the same story (tf-idf cosine over content words).

    Memory stays proportional to the articles' vectors: term counts are dropped as soon as each vector is
    made, and candidate pairs are counted one article at a time rather than for the whole collection."""
    ids = [a.article.id for a in analyses]
    tfs: list[Counter[str] | None] = [_terms(a.article.text) for a in analyses]
    n = len(tfs)
    df: Counter[str] = Counter()
    for tf in tfs:
        df.update(tf.keys())  # type: ignore[union-attr]
    idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
    del df
    vecs: list[dict[str, float]] = []
    for i, tf in enumerate(tfs):
        assert tf is not None
        v = {t: (1 + math.log(c)) * idf[t] for t, c in tf.items()}
        top = sorted(v.items(), key=lambda kv: kv[1], reverse=True)[:VECTOR_TERMS]
        norm = math.sqrt(sum(x * x for _, x in top)) or 1.0
        vecs.append({t: x / norm for t, x in top})
        tfs[i] = None
    # candidates share one of each other's most distinctive terms (an inverted index keeps this near-linear)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vecs):
        for t in list(v)[:STORY_TERMS]:  # vectors are ordered by weight
            postings[t].append(i)
    useful = {t: ids_ for t, ids_ in postings.items() if 2 <= len(ids_) <= POSTING_CAP}
    need = 1 if n < 50 else 2  # in a big collection one shared term is chance
    scores: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for x, vx in enumerate(vecs):
        shared = Counter([y for t in list(vx)[:STORY_TERMS] for y in useful.get(t, ()) if y > x])
        for y, count in shared.items():
            if count < need:
                continue
            # the pair in id order, as before: the float sum's order decides ties between equal stories
            va, vb = (vx, vecs[y]) if ids[x] < ids[y] else (vecs[y], vx)
            sim = sum(va[t] * vb[t] for t in va.keys() & vb.keys())
            if sim >= STORY_SIMILARITY:
                scores[x].append((sim, ids[y]))
                scores[y].append((sim, ids[x]))
    related: dict[str, set[str]] = {aid: set() for aid in ids}
    for x, lst in scores.items():
        related[ids[x]] = {y for _, y in sorted(lst, reverse=True)[:MAX_RELATED]}
    return related


# --- clustering events into happenings ------------------------------------------------------------------------------


def _status_class(e: Event) -> str:
    return "past" if e.status in PAST else "future" if e.status in FUTURE else "unknown"


def _words(e: Event) -> set[str]:
    return {t for ev in e.evidence for t in _TOKEN.findall(ev.text.lower()) if t not in STOPWORDS}


def compatible(a: Event, b: Event, a_date: DateValue | None = None) -> bool:
    """Could ``a`` and ``b`` report the same happening? (``a_date`` overrides ``a.date``, e.g. a cluster's.)"""
    sa, sb = _status_class(a), _status_class(b)
    if "unknown" not in (sa, sb) and sa != sb:
        return False
    if not (a_date or a.date).overlaps(b.date):
        return False
    if a.kind and b.kind:
        return a.kind == b.kind
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def _cluster(events: list[Event], related: dict[str, set[str]]) -> list[list[Event]]:
    """Greedy clustering: the most precisely dated events first; each joins a compatible cluster of its story."""
    order = sorted(events, key=lambda e: e.date.span_days or 10**6)
    clusters: list[list[Event]] = []
    cluster_dates: list[DateValue] = []
    by_article: dict[str, list[int]] = defaultdict(list)
    for e in order:
        art = e.evidence[0].article if e.evidence else ""
        candidates = sorted({i for x in ({art} | related.get(art, set())) for i in by_article.get(x, [])})
        placed = False
        for i in candidates:
            rep = clusters[i][0]
            if compatible(rep, e, cluster_dates[i]) and all(_status_ok(m, e) for m in clusters[i]):
                clusters[i].append(e)
                cluster_dates[i] = _intersect(cluster_dates[i], e.date) or cluster_dates[i]
                by_article[art].append(i)
                placed = True
                break
        if not placed:
            clusters.append([e])
            cluster_dates.append(e.date)
            by_article[art].append(len(clusters) - 1)
    return clusters


def _status_ok(a: Event, b: Event) -> bool:
    sa, sb = _status_class(a), _status_class(b)
    return "unknown" in (sa, sb) or sa == sb


def _intersect(a: DateValue, b: DateValue) -> DateValue | None:
    lo = max((d for d in (a.earliest, b.earliest) if d), default=None)
    hi = min((d for d in (a.latest, b.latest) if d), default=None)
    if lo and hi and lo > hi:
        return None
    for v in (a, b):
        if v.earliest == lo and v.latest == hi:
            return v
    if lo and hi:
        return DateValue.between(lo, hi)
    return trusted(DateValue)(
        value="FUTURE_REF" if lo else "PAST_REF", granularity="unknown", earliest=lo, latest=hi
    )


def _caption_sentences(analyses: Sequence[ArticleAnalysis]) -> set[tuple[str, int]]:
    out: set[tuple[str, int]] = set()
    for a in analyses:
        index = FurnitureIndex(a.article.furniture)
        for e in a.events:
            for ev in e.evidence:
                if index.kind(ev.start) == "caption":
                    out.add((ev.article, ev.start))
    return out


def _combine(cluster: list[Event], captions: set[tuple[str, int]]) -> Event:
    """One event from a cluster: intersected date, the best-dated source's status, a narrative headline."""
    if len(cluster) == 1:
        return cluster[0]
    date_value = cluster[0].date
    for e in cluster[1:]:
        date_value = _intersect(date_value, e.date) or date_value
    dated = min(cluster, key=lambda e: e.date.span_days or 10**6)
    status = (
        dated.status
        if dated.status != "unknown"
        else next((e.status for e in cluster if e.status != "unknown"), "unknown")
    )

    def narrative(e: Event) -> tuple:
        is_caption = any((ev.article, ev.start) in captions for ev in e.evidence)
        return (is_caption, e.date.value == "FUTURE_REF", e.date.span_days or 10**6)

    best = min(cluster, key=narrative)
    how = dated.date_how
    if date_value != dated.date:
        how = f"{len(cluster)} sources; dates intersected: " + "; ".join(_unique(e.date_how for e in cluster))
    elif len(cluster) > 1:
        how = f"{dated.date_how} (the most precise of {len(cluster)} sources)"
    evidence = [ev for e in sorted(cluster, key=narrative) for ev in e.evidence]
    return trusted(Event)(
        id="",
        headline=best.headline,
        date=date_value,
        status=status,
        date_how=how,
        kind=best.kind or next((e.kind for e in cluster if e.kind), None),
        evidence=evidence,
        actors=_unique(a for e in cluster for a in e.actors),
        quotes=_unique(q for e in cluster for q in e.quotes),
    )
