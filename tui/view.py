"""What the app shows, without Textual: filters, search, date jumps and plain-text copies of items.

Pure functions and small classes over :class:`dateline.core.model.Timeline`, so they are tested directly and the
widgets stay thin. Nothing here renders; nothing here costs more than one pass over the events.
"""

from __future__ import annotations

import calendar
import re
import shlex
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from dateline.core import sources
from dateline.tui.safe import clean

if TYPE_CHECKING:
    from dateline.core.model import Actor, Article, Event, Evidence, Quote, Timeline

STATUSES = ("occurred", "ongoing", "planned", "expected", "unknown")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class FilterError(ValueError):
    """A filter the user typed that cannot be understood; the message says why."""


@dataclass(frozen=True)
class Filter:
    """What the timeline is narrowed to. The empty filter shows everything."""

    actor_ids: frozenset[str] | None = None
    actor_label: str = ""
    statuses: frozenset[str] = frozenset()
    since: date | None = None
    until: date | None = None
    words: tuple[str, ...] = ()
    text: str = field(default="", compare=False)  # what the user typed, shown back in the prompt

    @property
    def active(self) -> bool:
        return bool(self.actor_ids is not None or self.statuses or self.since or self.until or self.words)

    def describe(self) -> str:
        """A one-line summary in the same syntax the prompt accepts."""
        parts = []
        if self.actor_ids is not None:
            parts.append(_token("actor", self.actor_label))
        parts += [f"status:{s}" for s in sorted(self.statuses)]
        if self.since:
            parts.append(f"since:{self.since.isoformat()}")
        if self.until:
            parts.append(f"until:{self.until.isoformat()}")
        parts += [shlex.quote(w) for w in self.words]
        return " ".join(parts)

    def with_actor(self, actor: Actor | None) -> Filter:
        if actor is None:
            return replace(self, actor_ids=None, actor_label="")
        return replace(self, actor_ids=frozenset({actor.id}), actor_label=actor.name)

    def keeps(self, event: Event) -> bool:
        if self.actor_ids is not None and not self.actor_ids.intersection(event.actors):
            return False
        if self.statuses and event.status not in self.statuses:
            return False
        if self.since is not None:
            hi = event.date.latest or event.date.earliest
            if hi is None or hi < self.since:
                return False
        if self.until is not None:
            lo = event.date.earliest or event.date.latest
            if lo is None or lo > self.until:
                return False
        if self.words:
            hay = event.headline.casefold()
            return all(w.casefold() in hay for w in self.words)
        return True


def _token(key: str, value: str) -> str:
    return f"{key}:{shlex.quote(value)}"


def parse_period(value: str, *, end: bool) -> date:
    """``2017``, ``2017-01`` or ``2017-01-24`` as its first day (or last day when ``end``)."""
    m = _PERIOD.match(value.strip())
    if not m:
        raise FilterError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        mon = int(month)
        if day is None:
            return date(year, mon, calendar.monthrange(year, mon)[1] if end else 1)
        return date(year, mon, int(day))
    except ValueError as exc:
        raise FilterError(f"not a date: {value!r} ({exc})") from None


def parse_filter(text: str, actors: Sequence[Actor] = ()) -> Filter:
    """Parse ``actor:NAME status:expected since:2017-01 until:2017-02 words``.

    ``actor:`` matches any actor whose name or alias contains NAME (case-insensitively); quote names with
    spaces (``actor:"de Bruyne"``). Words must all appear in the headline.
    """
    try:
        tokens = shlex.split(text)
    except ValueError as exc:
        raise FilterError(f"unbalanced quotes: {exc}") from None
    flt = Filter(text=text.strip())
    words: list[str] = []
    statuses: set[str] = set()
    for token in tokens:
        key, sep, value = token.partition(":")
        key = key.lower()
        if not sep or key not in ("actor", "status", "since", "until", "from", "to"):
            words.append(token)
            continue
        if not value:
            raise FilterError(f"{key}: needs a value")
        if key == "actor":
            needle = value.casefold()
            ids = frozenset(a.id for a in actors if any(needle in n.casefold() for n in (a.name, *a.aliases)))
            if not ids:
                raise FilterError(f"no actor matches {value!r}")
            flt = replace(flt, actor_ids=ids, actor_label=value)
        elif key == "status":
            for s in value.lower().split(","):
                if s not in STATUSES:
                    raise FilterError(f"unknown status {s!r} (one of {', '.join(STATUSES)})")
                statuses.add(s)
        elif key in ("since", "from"):
            flt = replace(flt, since=parse_period(value, end=False))
        else:
            flt = replace(flt, until=parse_period(value, end=True))
    if flt.since and flt.until and flt.since > flt.until:
        raise FilterError("since: is after until:")
    return replace(flt, statuses=frozenset(statuses), words=tuple(words))


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
        if flt.actor_ids is None:
            return self.timeline.quotes
        return [q for q in self.timeline.quotes if q.speaker in flt.actor_ids]

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


def search(events: Sequence[Event], query: str, start: int, step: int = 1) -> int | None:
    """Index of the next event after ``start`` (wrapping) whose headline or sources contain ``query``."""
    needle = query.casefold().strip()
    n = len(events)
    if not needle or n == 0:
        return None
    for k in range(1, n + 1):
        i = (start + step * k) % n
        e = events[i]
        if needle in e.headline.casefold() or any(needle in ev.text.casefold() for ev in e.evidence):
            return i
    return None


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
