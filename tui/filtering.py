"""The filter a user types (``f`` in the app, ``--filter`` on the command line), parsed and applied.

``actor:"Jo Ames" actor:Vos status:expected,planned since:"Jan 2017" until:2017-02 ceasefire``

- ``actor:NAME`` keeps events involving an actor whose name or alias contains NAME (any case); quote names
  with spaces. Several ``actor:`` terms must all be involved; ``actor:A,B`` is either of them.
- ``status:S[,S]`` keeps events of those statuses.
- ``since:``/``until:`` (or ``from:``/``to:``) take ``2017``, ``2017-01``, ``2017-01-24`` or what an article
  would say ("Jan 2017", "24 January 2017", "last week", "Q1 2017"), read by the pipeline's own time
  expression grammar relative to the newest article's publication date.
- other words must all appear in the headline.

Nothing here imports Textual: the command line filters with it too.
"""

from __future__ import annotations

import calendar
import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.core.model import Actor, Event, Timeline

STATUSES = ("occurred", "ongoing", "planned", "expected", "unknown")
KEYS = {
    "actor": "actor",
    "status": "status",
    "since": "since",
    "from": "since",
    "until": "until",
    "to": "until",
}
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class FilterError(ValueError):
    """A filter the user typed that cannot be understood; the message says why."""


@dataclass(frozen=True)
class ActorTerm:
    label: str  # what the user typed (or the actor's name when chosen in the Actors pane)
    ids: frozenset[str]


@dataclass(frozen=True)
class Filter:
    """What the timeline is narrowed to. The empty filter shows everything."""

    actors: tuple[ActorTerm, ...] = ()
    statuses: frozenset[str] = frozenset()
    since: date | None = None
    until: date | None = None
    since_label: str = ""
    until_label: str = ""
    words: tuple[str, ...] = ()
    text: str = field(default="", compare=False)  # what the user typed

    @property
    def active(self) -> bool:
        return bool(self.actors or self.statuses or self.since or self.until or self.words)

    @property
    def actor_ids(self) -> frozenset[str] | None:
        """Every actor any term names (None without actor terms): whose quotes the Quotes pane keeps."""
        if not self.actors:
            return None
        return frozenset().union(*(t.ids for t in self.actors))

    def describe(self) -> str:
        """The filter in the syntax the prompt accepts (what the filter box opens with)."""
        parts = [_token("actor", t.label) for t in self.actors]
        if self.statuses:
            parts.append("status:" + ",".join(s for s in STATUSES if s in self.statuses))
        if self.since:
            parts.append(_token("since", self.since_label or self.since.isoformat()))
        if self.until:
            parts.append(_token("until", self.until_label or self.until.isoformat()))
        parts += [shlex.quote(w) for w in self.words]
        return " ".join(parts)

    def with_actor(self, actor: Actor | None) -> Filter:
        """This filter for one actor only (None: for any actor)."""
        if actor is None:
            return replace(self, actors=())
        return replace(self, actors=(ActorTerm(actor.name, frozenset({actor.id})),))

    def keeps(self, event: Event) -> bool:
        """Whether the filter keeps ``event``. An undated event (its article has no date) is left out by
        ``since``/``until`` alone: there is nothing to compare, and other filters keep it."""
        if self.actors and not all(t.ids.intersection(event.actors) for t in self.actors):
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


def newest(timeline: Timeline) -> date | None:
    """The newest article's publication date: what "last week" in a filter is relative to."""
    days = [a.published.latest or a.published.earliest for a in timeline.articles if a.published is not None]
    return max((d for d in days if d is not None), default=None)


def parse_period(value: str, *, end: bool, today: date | None = None) -> date:
    """``value`` as its first day (its last day when ``end``): ``2017``, ``2017-01``, ``2017-01-24``, or a
    date as an article would write it, relative to ``today`` (the newest article's date)."""
    m = _PERIOD.match(value.strip())
    if m:
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
    bounds = natural_period(value, today or date.today())
    if bounds is None:
        raise FilterError(f"not a date: {value!r} (try 2017, 2017-01, 2017-01-24, 'Jan 2017', 'last week')")
    return bounds[1] if end else bounds[0]


def natural_period(value: str, today: date) -> tuple[date, date] | None:
    """First and last day of a date written as in an article ("Jan 2017", "last week"), read by the
    pipeline's time expression grammar as if an article published ``today`` said it; None if it is not one
    whole date."""
    from dateline.core import timexes
    from dateline.core.model import Article
    from dateline.core.published import day

    text = " ".join(value.split())
    if not text:
        return None
    found = timexes.extract(Article(id="filter", text=text), day(today))
    whole = [t for t in found if t.start == 0 and t.end == len(text)]
    if not whole or whole[0].earliest is None or whole[0].latest is None:
        return None
    return whole[0].earliest, whole[0].latest


def parse_filter(text: str, actors: Sequence[Actor] = (), *, today: date | None = None) -> Filter:
    """The filter ``text`` says (see the module's doc); ``actors`` to match ``actor:`` against, ``today`` for
    relative dates. Raises :class:`FilterError` saying what is wrong."""
    try:
        tokens = shlex.split(text)
    except ValueError as exc:
        raise FilterError(f"unbalanced quotes: {exc}") from None
    flt = Filter(text=text.strip())
    words: list[str] = []
    statuses: set[str] = set()
    terms: list[ActorTerm] = []
    for token in tokens:
        key, sep, value = token.partition(":")
        key = KEYS.get(key.lower(), "")
        if not sep or not key:
            words.append(token)
            continue
        if not value.strip():
            raise FilterError(f"{key}: needs a value, e.g. {key}:{_EXAMPLES[key]}")
        if key == "actor":
            terms.append(_actor_term(value, actors))
        elif key == "status":
            for s in value.lower().split(","):
                if s not in STATUSES:
                    raise FilterError(f"unknown status {s!r} (one of {', '.join(STATUSES)})")
                statuses.add(s)
        elif key == "since":
            flt = replace(flt, since=parse_period(value, end=False, today=today), since_label=value)
        else:
            flt = replace(flt, until=parse_period(value, end=True, today=today), until_label=value)
    if flt.since and flt.until and flt.since > flt.until:
        raise FilterError(f"since: ({flt.since}) is after until: ({flt.until})")
    return replace(flt, actors=tuple(terms), statuses=frozenset(statuses), words=tuple(words))


_EXAMPLES = {"actor": '"de Bruyne"', "status": "expected", "since": "2017-01", "until": '"Jan 2017"'}


def _actor_term(value: str, actors: Sequence[Actor]) -> ActorTerm:
    ids: set[str] = set()
    for name in value.split(","):
        needle = name.strip().casefold()
        found = {a.id for a in actors if needle and any(needle in n.casefold() for n in (a.name, *a.aliases))}
        if not found:
            raise FilterError(f"no actor matches {name.strip()!r}")
        ids |= found
    return ActorTerm(value, frozenset(ids))


def filtered(timeline: Timeline, flt: Filter, *, limit: int | None = None) -> Timeline:
    """The part of ``timeline`` a filter keeps, for exports: its events (the first ``limit``), the quotes of
    those events (and of the filter's actors), the actors and articles they refer to. Unfiltered and
    unlimited, the timeline itself."""
    if not flt.active and limit is None:
        return timeline
    events = [e for e in timeline.events if flt.keeps(e)] if flt.active else list(timeline.events)
    if limit is not None:
        events = events[:limit]
    quote_ids = {q for e in events for q in e.quotes}
    speakers = flt.actor_ids
    quotes = [q for q in timeline.quotes if q.id in quote_ids or (speakers and q.speaker in speakers)]
    actor_ids = {a for e in events for a in e.actors} | {q.speaker for q in quotes if q.speaker}
    article_ids = {ev.article for e in events for ev in e.evidence} | {q.article for q in quotes}
    return timeline.model_copy(
        update={
            "events": events,
            "quotes": quotes,
            "actors": [a for a in timeline.actors if a.id in actor_ids],
            "articles": [a for a in timeline.articles if a.id in article_ids],
            "timexes": [t for t in timeline.timexes if t.article in article_ids],
        }
    )
