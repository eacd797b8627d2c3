"""Step 8 — merge across articles: one actor per entity, one event per happening, global ids.

Two events are the same happening when their articles tell the same story (:mod:`dateline.core.stories`:
the same names, numbers and distinctive words), their dates overlap, they agree on past vs future, and they
name the same happening: two retellings' leads do (what each article reports as news, when the articles were
published within a day of each other), other mentions must name the same kind of happening or share most of
their words. Reports of one piece of news may put it a day apart; nothing is reported as done before it
happened. An undated lead ("the talks have ended") is news of the last few days: it joins the dated report of
its happening. A merged event keeps every source; its date is the intersection of the sources' windows, so a
"last month" in one article narrows an "end of last year" in another.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from dateline.core import actors as actors_step
from dateline.core import lead as lead_step
from dateline.core import salience, stories
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

WHAT_SHARED = 0.4  # share of the fewer action words two mentions of one happening have in common
LEAD_RECENT = timedelta(days=3)  # how long before publication an undated lead's news may have happened
NEWS_CYCLE = timedelta(days=1)  # leads of articles published this far apart may retell the same news
REPORTS_DIFFER = timedelta(days=1)  # how far apart two reports of one piece of news may put its day
PAST = frozenset({"occurred", "ongoing"})
FUTURE = frozenset({"planned", "expected"})


def merge(analyses: Sequence[ArticleAnalysis], problems: list[LoadProblem] | None = None) -> Timeline:
    actor_list, actor_ids = actors_step.merge([a.actors for a in analyses])
    quotes = [
        trusted_replace(q, speaker=actor_ids.get(q.speaker) if q.speaker else None)
        for a in analyses
        for q in a.quotes
    ]
    events = _link(analyses, actor_ids, quotes)
    story = story_of(analyses)
    published = {
        a.article.id: a.article.published.earliest
        for a in analyses
        if a.article.published is not None and a.article.published.earliest is not None
    }
    mentions = [
        _Mention(e, story.get(art, -1), published.get(art))
        for e in events
        for art in [e.evidence[0].article if e.evidence else ""]
    ]
    captions = _caption_sentences(analyses)
    clusters = _cluster(mentions)
    combined = sorted(
        ((_combine(c, captions, published), c) for c in clusters), key=lambda pair: _sort_key(pair[0])
    )
    local_to_global: dict[str, str] = {}
    final: list[Event] = []
    for i, (event, cluster) in enumerate(combined, 1):
        gid = f"e{i}"
        for e in cluster:
            local_to_global[e.id] = gid
        final.append(trusted_replace(event, id=gid))
    quotes = [trusted_replace(q, events=_unique(local_to_global.get(x, x) for x in q.events)) for q in quotes]
    timexes = [t for a in analyses for t in a.timexes]
    articles = [a.article for a in analyses]
    salience.assign(final, articles, timexes, story)
    return Timeline(
        articles=articles,
        events=final,
        timexes=timexes,
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
    for qs in quotes_by_article.values():
        qs.sort(key=lambda q: q.start)  # (stable: already in text order) a paragraph's quotes by bisection
    quote_starts = {aid: [q.start for q in qs] for aid, qs in quotes_by_article.items()}
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
                    if j >= 0 and ev.start < paras[j].end and ev.article in quote_starts:
                        para, qs, at = paras[j], quotes_by_article[ev.article], quote_starts[ev.article]
                        q_ids.extend(
                            q.id for q in qs[bisect_left(at, para.start) : bisect_left(at, para.end)]
                        )
            out.append(trusted_replace(e, actors=_unique(ids), quotes=_unique(q_ids)))
    return out


# --- which articles tell the same story ---------------------------------------------------------------------------


def story_of(analyses: Sequence[ArticleAnalysis]) -> dict[str, int]:
    """A story number for each article id: articles with the same number tell the same story (see
    :mod:`dateline.core.stories`). The articles are taken in id order, so the grouping does not depend on the
    order they were read in."""
    key = tuple((a.article.id, a.article.text) for a in analyses)
    if _last_stories[0] == key:  # the pipeline asks twice (dating undated articles, then merging)
        return _last_stories[1]
    ordered = sorted(analyses, key=lambda a: a.article.id)
    numbers = stories.stories(
        [a.article.text for a in ordered],
        [[m.text for actor in a.actors for m in actor.mentions] for a in ordered],
    )
    found = {a.article.id: n for a, n in zip(ordered, numbers, strict=True)}
    _last_stories[:] = [key, found]
    return found


_last_stories: list = [None, None]  # the key (ids and texts) and result of the last story_of call


def related_articles(analyses: Sequence[ArticleAnalysis]) -> dict[str, set[str]]:
    """For each article, the other loaded articles that tell the same story."""
    story = story_of(analyses)
    members: dict[int, set[str]] = defaultdict(set)
    for aid, n in story.items():
        members[n].add(aid)
    return {a.article.id: members[story[a.article.id]] - {a.article.id} for a in analyses}


# --- clustering events into happenings ------------------------------------------------------------------------------


def _status_class(e: Event) -> str:
    return "past" if e.status in PAST else "future" if e.status in FUTURE else "unknown"


class _Mention:
    """An event of one article as the clustering sees it: its story, whether it is the article's lead."""

    __slots__ = ("article", "event", "lead", "published", "story", "window", "words")

    def __init__(self, event: Event, story: int, published: date | None = None) -> None:
        self.event = event
        self.published = published
        self.article = event.evidence[0].article if event.evidence else ""
        self.story = story
        self.lead = event.lead
        self.words = lead_step.action_words(event.evidence[0].text) if event.evidence else set()
        self.window = event.date
        if event.lead and event.evidence and event.evidence[0].timex is None and event.date.earliest:
            # an undated lead reports recent news: the happening took place in the days before publication,
            # on the date the dated reports of it give
            lo = event.date.earliest - LEAD_RECENT
            self.window = DateValue.bounded(lo, event.date.latest)
        elif event.lead and event.date.span_days == 1 and _status_class(event) == "past":
            # reports of one piece of news often put it a day apart (overnight news, time zones, "yesterday"
            # written the evening before the paper came out): a lead may meet a report of the day either side
            self.window = DateValue.between(
                event.date.earliest - REPORTS_DIFFER, event.date.latest + REPORTS_DIFFER
            )
        w = self.window
        if published is not None and _status_class(event) == "past" and w.latest and w.latest > published:
            # what an article reports as done was done by the time it was published (a window open on one
            # side stays open: it is asked about whatever its dates, see _ClusterIndex)
            self.window = _intersect(w, DateValue.bounded(w.earliest, published)) or w


def _agrees_with_some(m: _Mention) -> bool:
    """Whether :func:`_what_agrees` can be true of ``m`` and any mention: a lead, a kind or action words."""
    return bool(m.lead or m.event.kind or m.words)


def _what_agrees(a: _Mention, b: _Mention) -> bool:
    """Do two mentions name the same kind of happening? Two retellings' leads do (articles of one news
    cycle); otherwise the kinds, or a good share of the action words of their sentences (not the names,
    which a whole story shares), must agree."""
    ka, kb = a.event.kind, b.event.kind
    if a.lead and b.lead and a.article != b.article and _same_cycle(a, b):
        return True
    if ka and kb:
        return ka == kb
    if not a.words or not b.words:
        return False
    return len(a.words & b.words) / min(len(a.words), len(b.words)) >= WHAT_SHARED


def _same_cycle(a: _Mention, b: _Mention) -> bool:
    """Are two leads one piece of news by when they were told? Leads of one story published days apart
    report its successive developments (a trial's days, a storm's landfall and its clean-up); but a lead that
    announced a happening and a later one that reports it done tell one happening's phases (the clustering
    checks that the announcement came first). True when the articles were published within
    :data:`NEWS_CYCLE` of each other, or a publication date is unknown."""
    if a.published is None or b.published is None:
        return True
    if {_status_class(a.event), _status_class(b.event)} == {"past", "future"}:
        return True
    return abs(a.published - b.published) <= NEWS_CYCLE


class _ClusterIndex:
    """The clusters of one story, found by date: those whose date may overlap a given window.

    Each cluster is filed under a date that contains its own (a cluster's date only narrows as events join),
    in order of its first day, so a question reads only the clusters starting at most ``max_span`` days
    before the window asked about, not every cluster of the story: a story listing thousands of dates would
    otherwise compare each of its events with all the others."""

    def __init__(self) -> None:
        self.bounded: list[tuple[int, int]] = []  # (first day's ordinal, cluster), sorted
        self.unbounded: list[int] = []  # clusters whose date is open on one side: always asked
        self.max_span = 0

    def add(self, i: int, d: DateValue) -> None:
        if d.earliest is None or d.latest is None:
            self.unbounded.append(i)
            return
        lo = d.earliest.toordinal()
        self.max_span = max(self.max_span, d.latest.toordinal() - lo)
        insort(self.bounded, (lo, i))

    def overlapping(self, d: DateValue) -> list[int]:
        """Every cluster whose date may overlap ``d`` (a few may not), in the order they were made."""
        lo = -1 if d.earliest is None else d.earliest.toordinal() - self.max_span
        hi = None if d.latest is None else d.latest.toordinal()
        start = bisect_left(self.bounded, (lo, -1))
        stop = len(self.bounded) if hi is None else bisect_left(self.bounded, (hi + 1, -1))
        return sorted([self.bounded[k][1] for k in range(start, stop)] + self.unbounded)


def _later_report(cluster: list[_Mention], m: _Mention) -> bool:
    """Whether the past and future reports of a cluster and ``m`` are one happening's phases: every report of
    it as planned or expected was published before every report of it as having happened ("the summit will
    open on Monday", then "the summit opened on Monday"). Reports of both from one day contradict."""
    members = [*cluster, m]
    future = [x.published for x in members if _status_class(x.event) == "future"]
    past = [x.published for x in members if _status_class(x.event) == "past"]
    if None in future or None in past:
        return False
    return max(future) < min(past)  # type: ignore[type-var]


def _cluster(mentions: list[_Mention]) -> list[list[Event]]:
    """Greedy clustering: the most precisely dated events first; each joins a compatible cluster of its story
    (the one whose members agree with it most; the first made among equals)."""
    order = sorted(mentions, key=lambda m: m.event.date.span_days or 10**6)
    clusters: list[list[_Mention]] = []
    cluster_dates: list[DateValue] = []
    cluster_classes: list[set[str]] = []  # the known status classes (past, future) of each cluster's events
    by_story: dict[int, _ClusterIndex] = defaultdict(_ClusterIndex)
    for m in order:
        best, best_score = -1, 0
        cls = _status_class(m.event)
        # a mention that agrees with no one starts its own cluster without a look at the others (thousands of
        # bare "January"s in one article were each compared with all the others)
        for i in by_story[m.story].overlapping(m.window) if _agrees_with_some(m) else ():
            if not cluster_dates[i].overlaps(m.window):
                continue
            if cls != "unknown" and not cluster_classes[i] <= {cls} and not _later_report(clusters[i], m):
                continue
            score = sum(_what_agrees(x, m) for x in clusters[i])
            if score > best_score:
                best, best_score = i, score
        if best >= 0:
            clusters[best].append(m)
            cluster_dates[best] = _intersect(cluster_dates[best], m.window) or cluster_dates[best]
        else:
            best = len(clusters)
            clusters.append([m])
            cluster_dates.append(m.window)
            cluster_classes.append(set())
            by_story[m.story].add(best, m.window)
        if cls != "unknown":
            cluster_classes[best].add(cls)
    clusters = _join_clusters(clusters, cluster_dates, cluster_classes, by_story)
    return [[m.event for m in c] for c in clusters]


JOIN_AGREEMENT = 0.5  # share of two clusters' cross pairs that must name the same happening to join them


def _join_clusters(
    clusters: list[list[_Mention]],
    dates: list[DateValue],
    classes: list[set[str]],
    by_story: dict[int, _ClusterIndex],
) -> list[list[_Mention]]:
    """Second pass: two clusters of one story whose dates meet and whose members mostly agree (average
    linkage: at least ``JOIN_AGREEMENT`` of their pairs from different articles name the same happening) are
    one happening. The greedy pass cannot undo an early split: a happening's first mentions that do not
    agree with each other start two clusters, and its later mentions divide between them. Clusters are
    taken in the order they were made; each takes in the later ones that qualify."""
    # a cluster none of whose mentions agrees with any other joins nothing and takes in nothing
    mute = [not any(map(_agrees_with_some, c)) for c in clusters]
    for index in by_story.values():
        for i in sorted([i for _, i in index.bounded] + index.unbounded):
            if not clusters[i] or mute[i]:
                continue
            for j in index.overlapping(dates[i]):
                if j <= i or not clusters[j] or mute[j] or not dates[i].overlaps(dates[j]):
                    continue
                if (classes[i] | classes[j]) >= {"past", "future"} and not _later_report(
                    clusters[i] + clusters[j][1:], clusters[j][0]
                ):
                    continue
                if _agreement(clusters[i], clusters[j]) >= JOIN_AGREEMENT:
                    clusters[i] = clusters[i] + clusters[j]
                    dates[i] = _intersect(dates[i], dates[j]) or dates[i]
                    classes[i] |= classes[j]
                    clusters[j] = []
    return [c for c in clusters if c]


def _agreement(a: list[_Mention], b: list[_Mention]) -> float:
    """The share of the pairs of mentions (one of ``a``, one of ``b``, from different articles) that name
    the same happening; 0 when every pair is of one article."""
    agree = pairs = 0
    for x in a:
        for y in b:
            if x.article != y.article:
                pairs += 1
                agree += _what_agrees(x, y)
    return agree / pairs if pairs else 0.0


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


def _combine(
    cluster: list[Event], captions: set[tuple[str, int]], published: dict[str, date] | None = None
) -> Event:
    """One event from a cluster: intersected date, the best-dated source's status (the latest report's when
    some sources reported it as planned and later ones as having happened), a narrative headline."""
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
    classes = {_status_class(e) for e in cluster} - {"unknown"}
    if len(classes) > 1 and published:  # planned, then reported as done: the status moves with the news
        latest = max(
            (e for e in cluster if _status_class(e) != "unknown"),
            key=lambda e: published.get(e.evidence[0].article if e.evidence else "", date.min),
        )
        status = latest.status

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
        lead=any(e.lead for e in cluster),
        evidence=evidence,
        actors=_unique(a for e in cluster for a in e.actors),
        quotes=_unique(q for e in cluster for q in e.quotes),
    )
