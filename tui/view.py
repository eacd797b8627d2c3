"""What the app shows, without Textual: look-ups, search, date jumps and plain-text copies of items.

Pure functions and small classes over :class:`dateline.core.model.Timeline`, so they are tested directly and the
widgets stay thin. Nothing here renders; nothing here costs more than one pass over the events.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from dateline.core import sources
from dateline.tui.safe import clean

if TYPE_CHECKING:
    from dateline.core.model import Actor, Article, Event, Evidence, Quote, Timeline
    from dateline.tui.filtering import Filter


class TimelineIndex:
    """Look-ups over one Timeline: ids to models, and the filtered lists the panes show."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.actors: dict[str, Actor] = {a.id: a for a in timeline.actors}
        self.articles: dict[str, Article] = {a.id: a for a in timeline.articles}
        self.quotes: dict[str, Quote] = {q.id: q for q in timeline.quotes}
        self._event_counts: Counter[str] | None = None

    @property
    def event_counts(self) -> Counter[str]:
        """Events per actor id (computed on first use)."""
        if self._event_counts is None:
            self._event_counts = Counter(a for e in self.timeline.events for a in set(e.actors))
        return self._event_counts

    def sorted_actors(self) -> list[Actor]:
        """Actors with the most events first, then the most mentioned, then by name."""
        if not self.timeline.actors:
            return []
        counts = self.event_counts
        return sorted(
            self.timeline.actors, key=lambda a: (-counts[a.id], -len(a.mentions), a.name.casefold())
        )

    def events(self, flt: Filter) -> list[Event]:
        if not flt.active:
            return self.timeline.events
        return [e for e in self.timeline.events if flt.keeps(e)]

    def quotes_for(self, flt: Filter) -> list[Quote]:
        ids = flt.actor_ids
        if ids is None:
            return self.timeline.quotes
        return [q for q in self.timeline.quotes if q.speaker in ids]

    def actor_names(self, ids: Sequence[str]) -> list[str]:
        return [self.actors[i].name if i in self.actors else i for i in ids]

    def speaker(self, quote: Quote) -> str:
        if quote.speaker and quote.speaker in self.actors:
            return self.actors[quote.speaker].name
        return quote.speaker_name or "unattributed"

    def source_sentence(self, quote: Quote) -> tuple[str, int, int] | None:
        """The sentence holding ``quote`` and the quote's offsets inside it, or None without the article."""
        article = self.articles.get(quote.article)
        if article is None:
            return None
        from dateline.core.text import sentences

        text = article.text
        for seg in sentences(text):
            if seg.start <= quote.start < seg.end:
                end = max(seg.end, min(quote.end, len(text)))
                return text[seg.start : end], quote.start - seg.start, quote.end - seg.start
        return text[quote.start : quote.end], 0, quote.end - quote.start


def timex_span(ev: Evidence) -> tuple[int, int] | None:
    """Where the time expression sits inside ``ev.text`` (relative offsets), when it is inside it."""
    if ev.timex_start is None or ev.timex_end is None:
        return None
    lo, hi = ev.timex_start - ev.start, ev.timex_end - ev.start
    if 0 <= lo < hi <= len(ev.text):
        return lo, hi
    return None


def event_matches(event: Event, needle: str) -> bool:
    """Whether ``needle`` (casefolded) is in the event's headline or one of its source sentences."""
    return needle in event.headline.casefold() or any(needle in ev.text.casefold() for ev in event.evidence)


def matches(events: Sequence[Event], query: str) -> list[int]:
    """Indices of the events that match ``query`` (one pass; n/N and "3/17" then cost a bisection)."""
    needle = query.casefold().strip()
    if not needle:
        return []
    return [i for i, e in enumerate(events) if event_matches(e, needle)]


def step_match(found: Sequence[int], cursor: int, step: int) -> tuple[int | None, bool]:
    """The match after (``step=1``) or before (``-1``) row ``cursor``, and whether finding it wrapped
    around the end (or the start)."""
    if not found:
        return None, False
    if step > 0:
        k = bisect_right(found, cursor)
        return (found[k], False) if k < len(found) else (found[0], True)
    k = bisect_left(found, cursor) - 1
    return (found[k], False) if k >= 0 else (found[-1], True)


def match_position(found: Sequence[int], cursor: int) -> int | None:
    """1-based position of row ``cursor`` among the matches (None when it is not one)."""
    k = bisect_left(found, cursor)
    return k + 1 if k < len(found) and found[k] == cursor else None


def row_on_or_after(events: Sequence[Event], day: date) -> int | None:
    """First row whose date starts on or after ``day`` (events are in date order), else the last row."""
    if not events:
        return None
    for i, e in enumerate(events):
        d = e.date.earliest
        if d is not None and d >= day:
            return i
    return len(events) - 1


def _date_key(event: Event) -> tuple[date | None, date | None]:
    return event.date.earliest, event.date.latest


def next_date(events: Sequence[Event], i: int, step: int) -> int | None:
    """First row of the next (``step=1``) or previous (``-1``) day-or-month that has events."""
    if not events:
        return None
    i = min(max(i, 0), len(events) - 1)
    key = _date_key(events[i])
    if step > 0:
        for j in range(i + 1, len(events)):
            if _date_key(events[j]) != key:
                return j
        return None
    j = i
    while j > 0 and _date_key(events[j - 1]) == key:  # back to the start of this date
        j -= 1
    if j == 0:
        return None
    prev = _date_key(events[j - 1])
    j -= 1
    while j > 0 and _date_key(events[j - 1]) == prev:
        j -= 1
    return j


def status_word(event: Event) -> str:
    return "" if event.status in ("occurred", "unknown") else event.status


def event_text(event: Event, index: TimelineIndex) -> str:
    """The event as plain text for the clipboard: date, status, headline, actors and sources."""
    status = status_word(event)
    lines = [f"{event.date.label()}{f' ({status})' if status else ''} — {clean(event.headline)}"]
    if event.actors:
        lines.append("Actors: " + ", ".join(clean(n) for n in index.actor_names(event.actors)))
    for ev in event.evidence:
        article = index.articles.get(ev.article)
        where = clean(sources.line(article)) if article else ev.article
        lines.append(f"  “{clean(ev.text)}”\n    {where}")
    return "\n".join(lines)


def actor_text(actor: Actor) -> str:
    roles = sorted({r.title for r in actor.roles})
    extra = f" — {', '.join(clean(r) for r in roles)}" if roles else ""
    return f"{clean(actor.name)} ({actor.kind}){extra}"


def quote_text(quote: Quote, index: TimelineIndex) -> str:
    text = f"“{clean(quote.text)}” — {clean(index.speaker(quote))}"
    article = index.articles.get(quote.article)
    return f"{text}\n    {clean(sources.line(article))}" if article else text
