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
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from heapq import heappop, heappush, heapreplace

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
_BOTH = frozenset({"past", "future"})  # status classes a group must hold both of to need _in_order


def merge(
    analyses: Sequence[ArticleAnalysis],
    problems: list[LoadProblem] | None = None,
    *,
    story: dict[str, int] | None = None,
) -> Timeline:
    """The Timeline of ``analyses``: one actor per entity, one event per happening. ``story`` is
    :func:`story_of` the analyses when the caller has it already."""
    actor_list, actor_ids = actors_step.merge([a.actors for a in analyses])
    quotes = [
        trusted_replace(q, speaker=actor_ids.get(q.speaker) if q.speaker else None)
        for a in analyses
        for q in a.quotes
    ]
    events = _link(analyses, actor_ids, quotes)
    story = story_of(analyses) if story is None else story
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
    ordered = sorted(analyses, key=lambda a: a.article.id)
    numbers = stories.stories(
        [a.article.text for a in ordered],
        [[m.text for actor in a.actors for m in actor.mentions] for a in ordered],
    )
    return {a.article.id: n for a, n in zip(ordered, numbers, strict=True)}


def related_articles(
    analyses: Sequence[ArticleAnalysis], story: dict[str, int] | None = None
) -> dict[str, set[str]]:
    """For each article, the other loaded articles that tell the same story (``story``: :func:`story_of`
    the analyses, when the caller has it already)."""
    story = story_of(analyses) if story is None else story
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
            # side stays open: it overlaps every window on that side, see _candidate_pairs)
            self.window = _intersect(w, DateValue.bounded(w.earliest, published)) or w


def _agrees_with_some(m: _Mention) -> bool:
    """Whether :func:`_what_agrees` can be true of ``m`` and any mention: a lead, a kind or action words.
    Never for an undated mention (an article with no date): a window with no bound overlaps every date, so
    joining by dates would give it whichever date came first; it stays as it is, one per article."""
    return bool(m.lead or m.event.kind or m.words) and not m.window.undated


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


def _cluster(mentions: list[_Mention]) -> list[list[Event]]:
    """Best-first clustering of each story's mentions (see :func:`_cluster_story`). The mentions are taken in
    a canonical order (most precisely dated first, then by article and offset), so the events do not depend on
    the order the articles were read in."""
    by_story: dict[int, list[_Mention]] = defaultdict(list)
    for m in sorted(mentions, key=_canonical):
        by_story[m.story].append(m)
    clusters = [c for ms in by_story.values() for c in _cluster_story(ms)]
    clusters.sort(key=lambda c: _canonical(c[0]))
    return [[m.event for m in c] for c in clusters]


def _canonical(m: _Mention) -> tuple:
    start = m.event.evidence[0].start if m.event.evidence else 0
    return (m.event.date.span_days or 10**6, m.article, start, m.event.id)


def _cluster_story(ms: list[_Mention]) -> list[list[_Mention]]:
    """Agglomerative clustering, the most strongly supported pairs first: two mentions whose dates agree at
    the finest granularity and that share the most action words and actors join before looser pairs, so an
    early, weakly supported join cannot narrow a group's date away from a better match (a greedy pass that
    takes the mentions one by one decides by the order they come in). A pair is a candidate when the
    mentions' windows overlap, their status classes fit (:func:`_in_order`) and they name the same
    happening (:func:`_what_agrees`). A mention joins a group on one such pair; two groups of several
    mentions join only when most of their cross pairs agree (``JOIN_AGREEMENT``), so one mention that agrees
    with two groups does not bridge them. A group's date is the intersection of its members' windows; two
    groups whose dates have been narrowed apart still join when most (``DATE_AGREEMENT``) of their members'
    own windows overlap: outlets that put one happening a day apart should not be split by which pair of
    them happened to join first. On dense input (thousands of happenings of one month told in the same
    words) a mention is compared with its nearest like windows only (:func:`_candidate_pairs`) and two
    large groups on a sample of their members (:func:`_members`): the work grows with the mentions."""
    root = list(range(len(ms)))
    groups: list[list[int]] = [[i] for i in range(len(ms))]
    dates = [m.window for m in ms]
    # a mention that can agree with no other stays alone without being compared; one article's mentions
    # alike in all the clustering reads (a line listing one year over and over, each date keeping the
    # sentence's words) are one group from the start: compared pair by pair they would cost the square of
    # their number, and they agree with each other and with the same others
    units: list[int] = []
    first_alike: dict[tuple, int] = {}
    for k, m in enumerate(ms):
        if not _agrees_with_some(m):
            continue
        key = _alike(m)
        if key in first_alike:
            r = first_alike[key]
            root[k] = r
            groups[r].append(k)
            groups[k] = []
            continue
        if key is not None:
            first_alike[key] = k
        units.append(k)
    sub = [ms[k] for k in units]
    classes = [{_status_class(m.event)} - {"unknown"} for m in ms]  # each group's known status classes
    phases = [_phases(m) for m in ms]  # when each group was reported (one article's alike share it)
    actors = [frozenset(m.event.actors) for m in sub]
    # each mention keeps its PARTNERS strongest pairs (a heap of negated keys: the weakest on top), so a
    # story whose mentions all overlap and agree keeps memory in proportion to its mentions; a mention with
    # more partners than that joins through its strongest, as it would first anyway
    strongest: list[list[tuple[int, int, int, int]]] = [[] for _ in sub]
    for i, j in _candidate_pairs(sub):
        a, b, ui, uj = sub[i], sub[j], units[i], units[j]
        if classes[ui] | classes[uj] >= _BOTH and not _in_order(_joined_phases(phases[ui], phases[uj])):
            continue
        if not _what_agrees(a, b):
            continue
        coarse, shared = _strength(a, b, len(actors[i] & actors[j]))
        entry = (-coarse, -shared, -ui, -uj)
        for k in (i, j):
            if len(strongest[k]) < PARTNERS:
                heappush(strongest[k], entry)
            elif entry > strongest[k][0]:
                heapreplace(strongest[k], entry)
    pairs = sorted({(-c, -s, -i, -j) for h in strongest for c, s, i, j in h})

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    refused: set[tuple[int, int, int, int]] = set()  # group pairs (with their sizes) found not to join
    for _, _, i, j in pairs:
        gi, gj = sorted((find(i), find(j)))
        key = (gi, gj, len(groups[gi]), len(groups[gj]))
        if gi == gj or key in refused:
            continue
        clash = classes[gi] | classes[gj] >= _BOTH
        apart = not dates[gi].overlaps(dates[gj])
        several = len(groups[gi]) > 1 and len(groups[gj]) > 1
        joined = _joined_phases(phases[gi], phases[gj])
        if clash and not _in_order(joined):
            refused.add(key)
            continue
        if apart or several:
            a, b = _members(groups[gi], groups[gj], ms)
            if (apart and _dates_agree(a, b) < DATE_AGREEMENT) or (
                several and _agreement(a, b) < JOIN_AGREEMENT
            ):
                refused.add(key)
                continue
        root[gj] = gi
        groups[gi] = sorted(groups[gi] + groups[gj])
        groups[gj] = []
        dates[gi] = _intersect(dates[gi], dates[gj]) or dates[gi]
        classes[gi] |= classes[gj]
        phases[gi] = joined
    return [[ms[k] for k in g] for g in groups if g]


def _phases(m: _Mention) -> tuple[date | None, date | None, bool]:
    """When a mention was reported, as :func:`_in_order` reads a group: the publication of its latest
    report as planned or expected, of its earliest report as having happened, and whether a report of
    either has no publication date. Two groups' are joined in constant time (:func:`_joined_phases`), not
    read again member by member at every pair of them."""
    c = _status_class(m.event)
    return (
        m.published if c == "future" else None,
        m.published if c == "past" else None,
        c != "unknown" and m.published is None,
    )


def _joined_phases(p: tuple, q: tuple) -> tuple[date | None, date | None, bool]:
    future = max((d for d in (p[0], q[0]) if d is not None), default=None)
    past = min((d for d in (p[1], q[1]) if d is not None), default=None)
    return (future, past, p[2] or q[2])


def _in_order(p: tuple) -> bool:
    """Whether the past and future reports of a group (its :func:`_phases`) are one happening's phases: every
    report of it as planned or expected was published before every report of it as having happened ("the
    summit will open on Monday", then "the summit opened on Monday"). Reports of both from one day, or one
    with no publication date, contradict."""
    return not p[2] and p[0] is not None and p[1] is not None and p[0] < p[1]


def _members(gi: list[int], gj: list[int], ms: list[_Mention]) -> tuple[list[_Mention], list[_Mention]]:
    """The mentions of two groups whose cross pairs are checked (:func:`_dates_agree`, :func:`_agreement`):
    all of them, unless there are more than ``GROUP_PAIRS`` pairs (two groups of thousands of happenings
    of one month), then at most ``GROUP_SAMPLE`` of each, evenly spread over the group in canonical order,
    so a check costs a bounded number of pairs and does not depend on the order the articles came in. It
    binds on no news the development sets hold."""
    if len(gi) * len(gj) <= GROUP_PAIRS:
        return [ms[k] for k in gi], [ms[k] for k in gj]
    return [ms[k] for k in _spread(gi, GROUP_SAMPLE)], [ms[k] for k in _spread(gj, GROUP_SAMPLE)]


def _spread(items: list[int], n: int) -> list[int]:
    """At most ``n`` of ``items``, evenly spaced, the first always among them."""
    if len(items) <= n:
        return items
    return [items[i * len(items) // n] for i in range(n)]


def _alike(m: _Mention) -> tuple | None:
    """What the clustering reads of a mention that agrees with its like (a kind or action words), as a key;
    None for one that does not."""
    if not (m.event.kind or m.words):
        return None
    w, e = m.window, m.event
    return (
        m.article,
        w.earliest,
        w.latest,
        _status_class(e),
        e.kind,
        m.lead,
        frozenset(m.words),
        frozenset(e.actors),
    )


def _dates_agree(a: list[_Mention], b: list[_Mention]) -> float:
    """The share of the pairs of mentions (one of ``a``, one of ``b``) whose windows overlap."""
    return sum(x.window.overlaps(y.window) for x in a for y in b) / (len(a) * len(b))


def _strength(a: _Mention, b: _Mention, actors: int) -> tuple[int, int]:
    """How strongly two mentions are one happening, as a sort key (smaller first): the coarser of their own
    dates (a day both name is stronger evidence than a month; a day apart counts one more), then the
    action words and the number of ``actors`` they share."""
    da, db = a.event.date, b.event.date
    coarse = max(da.span_days or 10**6, db.span_days or 10**6) + (0 if da.overlaps(db) else 1)
    return (coarse, -len(a.words & b.words) - actors)


def _spans(ms: list[_Mention]) -> list[tuple[int, int, int]]:
    """Each mention's window as (first day, last day, index), in order of the first day: a window open
    before starts first, one open after never ends."""
    lo = date.min.toordinal()
    hi = date.max.toordinal()
    return sorted(
        (
            m.window.earliest.toordinal() if m.window.earliest else lo,
            m.window.latest.toordinal() if m.window.latest else hi,
            k,
        )
        for k, m in enumerate(ms)
    )


def _what_keys(m: _Mention) -> list[tuple]:
    """What two mentions must share for :func:`_what_agrees` to be true of them: both leads, one kind, or
    (when one of them has no kind) at least one action word."""
    keys: list[tuple] = [("lead",)] if m.lead else []
    if m.event.kind:
        keys.append(("kind", m.event.kind))
    keys.extend(("word", w) for w in sorted(m.words))
    return keys


def _candidate_pairs(ms: list[_Mention]) -> Iterator[tuple[int, int]]:
    """The pairs (i < j) of mentions whose windows overlap and that may name the same happening (they share
    a key of :func:`_what_keys`), by a sweep over the windows in order of their first day (a window open
    before starts first, one open after never ends): a mention is compared only with the open windows that
    share a key with it, found through an index of them by key, not with every window still open. A key
    held by more than ``2 * NEAREST`` open windows (thousands of happenings of one month told in the same
    words) gives a mention only its ``NEAREST`` neighbours on either side in canonical order (the same
    article, the same precision, nearby in the text): the comparisons grow with the mentions, not with their
    pairs. The bound is in canonical order, so it does not depend on the order the articles were read in;
    it binds on no news the development sets hold. A story of at most ``PLAIN_SWEEP`` mentions, where no
    key can pass the bound, is swept without the index (every overlapping pair): upkeep of the index would
    cost it more than the comparisons it saves."""
    spans = _spans(ms)
    if len(ms) <= PLAIN_SWEEP:  # no key can be held by more open windows than the bound
        active: list[tuple[int, int]] = []
        for first, last, k in spans:
            while active and active[0][0] < first:
                heappop(active)
            for _, j in active:
                yield (j, k) if j < k else (k, j)
            heappush(active, (last, k))
        return
    keys = [_what_keys(m) for m in ms]
    active = []  # (last day, index): a heap of the windows not yet ended
    open_by_key: dict[tuple, list[int]] = defaultdict(list)  # each key's open windows, in canonical order
    for first, last, k in spans:
        while active and active[0][0] < first:
            _, j = heappop(active)
            for key in keys[j]:
                held = open_by_key[key]
                del held[bisect_left(held, j)]
        found: set[int] = set()
        for key in keys[k]:
            held = open_by_key[key]
            if len(held) <= 2 * NEAREST:
                found.update(held)
            else:
                at = bisect_left(held, k)
                found.update(held[max(0, at - NEAREST) : at + NEAREST])
        for j in sorted(found):
            yield (j, k) if j < k else (k, j)
        heappush(active, (last, k))
        for key in keys[k]:
            insort(open_by_key[key], k)


PARTNERS = 20  # candidate pairs each mention keeps (its strongest): memory grows with mentions, not pairs
NEAREST = 64  # open windows a mention meets on either side, per key, when a key has more (_candidate_pairs)
PLAIN_SWEEP = 2 * NEAREST  # a story of at most this many mentions is swept without the index by key
DATE_AGREEMENT = 0.75  # share of two groups' cross pairs whose windows must overlap when their dates do not
JOIN_AGREEMENT = 0.5  # share of two groups' cross pairs that must name the same happening to join them
GROUP_PAIRS = 4096  # cross pairs two groups are checked on in full; more, and each is sampled (_members)
GROUP_SAMPLE = 64  # members of each group checked when they are sampled


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
    if date_value != dated.date:
        how = f"{len(cluster)} sources; dates intersected: " + "; ".join(_unique(e.date_how for e in cluster))
    else:
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
