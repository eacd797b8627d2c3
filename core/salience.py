"""Step 9 — what matters: a salience for every merged event, the key events, and the period a timeline is about.

A news timeline is read from the important happenings down, and opened where the articles' own news is, not on
the oldest background date one of them mentions ("founded in the 1800s"). Both come from the evidence the merge
step has gathered; nothing here reads article text again.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from dateline.core.model import Article, DateValue, Event, TimeExpression, Timeline

FOCUS_SHARE = 0.8  # the focus period holds the middle this share of the articles' publication dates


def assign(
    events: Sequence[Event],
    articles: Sequence[Article],
    timexes: Sequence[TimeExpression],
    story: Mapping[str, int] | None = None,
) -> None:
    """Set each event's ``salience`` (in place: the records are the merge step's own) from the evidence:

    * its sources: the articles that report it (independent retellings make a happening important);
    * the articles that point to its date, a month or finer: their time expressions name that very date (a
      day the loaded
      articles keep coming back to is a day that mattered: a folder is gathered around its subject). "Now",
      "currently", "at present" name no date (granularity ``unknown``): they are bounded by the publication
      day only because that is when the article speaks, so they are no reference to it (on the Timeline17
      development folders they were a fifth of the day-precise time expressions, and counting them made
      every publication day look referred to);
    * of those, the articles published after its date count once more: a day that articles still name days
      or months later is one that lasted (the strongest signal for long news timelines, Tran et al. 2013,
      Ghalandari & Ifrim 2020), while the same day's articles naming it are mostly its own burst;
    * the reporting burst: the articles of its stories published on its day and the day after (news is
      written as it happens), for events dated to a day or two. Only its own stories count: a folder of
      many stories has many articles every day (``story`` gives each article's story, see
      :func:`dateline.core.merge.story_of`; without it the whole collection is one story).

    Each count adds its logarithm: the tenth article adds less than the second."""
    story = story or {}
    first_day = {a.id: a.published.earliest for a in articles if a.published is not None}
    refs: dict[tuple[date, date], set[str]] = defaultdict(set)
    later: dict[tuple[date, date], set[str]] = defaultdict(set)
    for t in timexes:
        if t.earliest is not None and t.latest is not None and t.granularity != "unknown":
            refs[(t.earliest, t.latest)].add(t.article)
            pub = first_day.get(t.article)
            if pub is not None and pub > t.latest:  # even the first day it may have appeared is later
                later[(t.earliest, t.latest)].add(t.article)
    published: Counter[tuple[int, date]] = Counter(
        (story.get(a.id, -1), a.published.earliest)
        for a in articles
        if a.published is not None and a.published.earliest is not None and a.published.span_days == 1
    )
    for e in events:
        lo, hi = e.date.earliest, e.date.latest
        stories = {story.get(a, -1) for a in e.articles}
        pointed = recalled = burst = 0
        if lo is not None and hi is not None and (hi - lo).days < POINTED_DAYS:
            pointed = len(refs.get((lo, hi), ()))
            recalled = len(later.get((lo, hi), ()))
            if (hi - lo).days < BURST_DAYS:
                after = lo + timedelta(days=1)
                burst = sum(published[(s, lo)] + published[(s, after)] for s in stories)
        e.salience = round(
            math.log1p(len(e.articles)) + math.log1p(pointed) + math.log1p(recalled) + math.log1p(burst), 4
        )


BURST_DAYS = 2  # events dated more loosely than this have no reporting burst of their own
# Articles that name a quarter or a year ("1986 profit rose", "in the third quarter") name the calendar more
# often than one happening: only a month or finer counts as pointed to. On every 20th Reuters story (unrelated
# wire stories) "1986" was named by a fifth of them, and every event dated 1986 outranked the news.
POINTED_DAYS = 32


def key_events(timeline: Timeline, top: int | None = None) -> list[Event]:
    """The timeline's events, most salient first (ties: earlier date first, then the timeline's order)."""
    order = {id(e): i for i, e in enumerate(timeline.events)}
    ranked = sorted(timeline.events, key=lambda e: (-e.salience, order[id(e)]))
    return ranked if top is None else ranked[:top]


def focus_period(timeline: Timeline) -> DateValue | None:
    """The period the articles are about: the middle of their publication dates, or (when none is known) of
    their events' dates weighted by salience; ``None`` for a timeline with no dated article or event."""
    days = _publication_days(timeline.articles)
    if not days:
        days = sorted(d for e in timeline.events for d in _event_days(e))
    if not days:
        return None
    cut = int(len(days) * (1 - FOCUS_SHARE) / 2)
    return DateValue.between(days[cut], days[len(days) - 1 - cut])


def opening_index(timeline: Timeline) -> int:
    """Index in ``timeline.events`` (sorted by date) of the first event inside :func:`focus_period`: where a
    view of the timeline opens. 0 when there is no focus period or no event inside it."""
    focus = focus_period(timeline)
    if focus is None or focus.earliest is None:
        return 0
    for i, e in enumerate(timeline.events):
        if e.date.earliest is not None and e.date.earliest >= focus.earliest:
            return i
    return 0


def _publication_days(articles: Sequence[Article]) -> list[date]:
    return sorted(
        a.published.earliest
        for a in articles
        if a.published is not None and a.published.earliest is not None and a.published.span_days == 1
    )


def _event_days(e: Event) -> list[date]:
    """An event's midpoint day, repeated by its (rounded) salience, when it is dated within a month."""
    span = e.date.span_days
    if span is None or span > 31 or e.date.earliest is None:
        return []
    mid = date.fromordinal(e.date.earliest.toordinal() + (span - 1) // 2)
    return [mid] * max(1, round(e.salience))
