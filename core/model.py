"""The one data model: every stage of the pipeline takes and returns these pydantic models.

The containers (Article, ArticleAnalysis, Timeline) are ``BaseModel``s. What a corpus holds by the ten or
hundred thousand (time expressions, events, actors, quotes, and the dates, spans and mentions inside them)
are slotted pydantic dataclasses: validated, serialised and described by the same schema, but without a
``BaseModel``'s per-instance ``__dict__`` and fields-set, which tripled the memory of a corpus and the time
to read one back. Copy them with ``dataclasses.replace``. The pipeline builds the ones it makes from its own
typed values with :func:`trusted` (and copies them with :func:`trusted_replace`), which skip validation.

Offsets (``start``/``end``) are always character offsets into ``Article.text`` of the article named by
``article``; ``text[start:end]`` is the extracted span. Dates are :class:`DateValue`: a TIMEX3-style value at
its own granularity plus inclusive ``earliest``/``latest`` bounds, so uncertainty is data and no day is
ever invented.

The JSON export is ``Timeline.model_dump(mode="json")``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache, lru_cache
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticUndefined

PIPELINE_VERSION = "1"

Granularity = Literal[
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "range",
    "unknown",
]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["occurred", "ongoing", "planned", "expected", "unknown"]
ActorKind = Literal["person", "country", "organization", "group", "place", "unknown"]
FurnitureKind = Literal[
    "caption",  # a photo caption (first copy): dated and informative, but not narrative
    "repeat",  # a repeated copy of an earlier line (scraped captions are often doubled)
    "credit",  # photo credit, e.g. "Flickr: Name", "Photo: Name/Agency"
    "licence",  # licence text, e.g. "Creative Commons Attribution ..."
    "comments",  # "Comments are closed." and similar page chrome
    "byline",  # "AUTHOR: Name", "By Name"
    "source",  # "Source: Outlet"
    "dateline",  # a leading "(OUTLET)" or "CITY, Feb 26 -" dateline
    # page chrome in pasted web text (core/chrome.py)
    "timestamp",  # the page's own dates and times, relative times, reading times: "Updated 8:12 am", "2 Min Read"
    "nav",  # menus, logos, controls, and the header lines around the headline
    "section",  # section and tag labels: "World News", "#Market News", "Topics: ..."
    "share",  # share, follow and subscribe prompts, share bars
    "related",  # related-link lists and their items, teasers, link lines between paragraphs
    "ad",  # "ADVERTISEMENT", "Sponsored"
    "notice",  # site notices: script and browser warnings, standards and legal lines
]

MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Values (frozen: shared freely between articles, merged events and actors) and records (built up step by step).
_small = dataclass(slots=True, frozen=True, config=ConfigDict(extra="forbid"))
_record = dataclass(slots=True, config=ConfigDict(extra="forbid"))


@_small
class DateValue:
    """A date at the granularity the text supports.

    ``value`` follows TIMEX3 (``2017-01-24``, ``2017-02``, ``2016``, ``2017-W04``, ``2016-Q4``,
    ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``); ``earliest``/``latest`` are the inclusive bounds (``None``
    when unbounded on that side). ``mod`` is a TIMEX3 modifier (``START``, ``MID``, ``END``, ``APPROX``,
    ``BEFORE``, ``AFTER``).
    """

    value: str
    granularity: Granularity
    earliest: date | None = None
    latest: date | None = None
    mod: str | None = None

    @classmethod
    def between(cls, lo: date, hi: date) -> DateValue:
        """A known window of days: one day when ``lo == hi``, else a range ``lo/hi``."""
        new = trusted(cls)
        if lo == hi:
            return new(value=lo.isoformat(), granularity="day", earliest=lo, latest=lo)
        return new(value=f"{lo.isoformat()}/{hi.isoformat()}", granularity="range", earliest=lo, latest=hi)

    @classmethod
    def bounded(cls, lo: date | None, hi: date | None) -> DateValue:
        """A window of days that may be open on one side ("after 1 Mar 1996"): an open end is ``..`` in the
        value, as EDTF writes it (``1996-03-01/..``), and ``None`` in the bounds."""
        if lo is not None and hi is not None:
            return cls.between(lo, hi)
        value = f"{lo.isoformat() if lo else '..'}/{hi.isoformat() if hi else '..'}"
        return trusted(cls)(value=value, granularity="range", earliest=lo, latest=hi)

    @property
    def undated(self) -> bool:
        """Whether nothing is known of when: no bound on either side (``PAST_REF`` in an article with no
        publication date). Such a date is labelled "undated", sorts after every dated one and is left out of
        whatever needs a day (date filters, the density strip, TimelineJS)."""
        return self.earliest is None and self.latest is None

    @property
    def open(self) -> bool:
        """Whether the window is open on a side (or both): a bound, not a date to count from."""
        return self.earliest is None or self.latest is None

    def label(self) -> str:
        """Human label at the true granularity: ``24 Jan 2017``, ``Feb 2017``, ``late 2016``."""
        return _label(self)

    def _make_label(self) -> str:
        lo, hi = self.earliest, self.latest
        if lo is None and hi is None:  # "now" or "in the past" with no publication date to place them by
            return "undated"
        if lo is None:
            return f"by {_day(hi)}"
        if hi is None:
            return f"after {_day(lo)}"
        prefix = {"START": "early ", "MID": "mid-", "END": "late ", "APPROX": "c. "}.get(self.mod or "", "")
        if lo == hi:
            return _day(lo)
        if self.granularity == "decade" and lo.year % 10 == 0:
            return f"{prefix}{lo.year}s"
        if self.granularity == "century" and lo.year % 100 == 0:
            return f"{prefix}{lo.year}s"
        if prefix and len(self.value) == 4 and self.value.isdigit():  # "early 2017", not "Jan–Apr 2017"
            return f"{prefix}{self.value}"
        if prefix and len(self.value) == 7 and self.value[4] == "-" and self.value[5:].isdigit():
            return f"{prefix}{MONTH_ABBRS[int(self.value[5:]) - 1]} {self.value[:4]}"
        if lo.day == 1 and _month_end(hi) == hi:
            if lo.year == hi.year and lo.month == hi.month:
                return f"{prefix}{MONTH_ABBRS[lo.month - 1]} {lo.year}"
            if lo.month == 1 and hi.month == 12:
                return f"{prefix}{lo.year}" if lo.year == hi.year else f"{lo.year}–{hi.year}"
            if lo.year == hi.year:
                return f"{prefix}{MONTH_ABBRS[lo.month - 1]}–{MONTH_ABBRS[hi.month - 1]} {lo.year}"
            return f"{MONTH_ABBRS[lo.month - 1]} {lo.year}–{MONTH_ABBRS[hi.month - 1]} {hi.year}"
        if lo.year == hi.year and lo.month == hi.month:
            return f"{lo.day}–{hi.day} {MONTH_ABBRS[lo.month - 1]} {lo.year}"
        return f"{_day(lo)} – {_day(hi)}"

    def contains(self, other: DateValue) -> bool:
        """True when ``other``'s bounds lie inside this value's bounds."""
        lo_ok = self.earliest is None or (other.earliest is not None and other.earliest >= self.earliest)
        hi_ok = self.latest is None or (other.latest is not None and other.latest <= self.latest)
        return lo_ok and hi_ok

    def overlaps(self, other: DateValue) -> bool:
        if self.earliest and other.latest and self.earliest > other.latest:
            return False
        return not (self.latest and other.earliest and self.latest < other.earliest)

    @property
    def span_days(self) -> int | None:
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days + 1


@lru_cache(maxsize=8192)  # a timeline shows the same few thousand dates over and over
def _label(value: DateValue) -> str:
    return value._make_label()


def _day(d: date | None) -> str:
    return "?" if d is None else f"{d.day} {MONTH_ABBRS[d.month - 1]} {d.year}"


def _month_end(d: date) -> date:
    from calendar import monthrange

    return d.replace(day=monthrange(d.year, d.month)[1])


@_small
class Span:
    """A stretch of one article's text."""

    article: str
    start: int
    end: int
    text: str


@_small
class Furniture:
    """Page furniture: kept in the text (offsets stay valid) but kept out of extraction."""

    start: int
    end: int
    kind: FurnitureKind


class Article(Model):
    id: str
    path: str | None = None
    external_id: str | None = None
    title: str | None = None
    text: str
    source: str | None = None
    author: str | None = None
    url: str | None = None
    published_given: str | None = None  # the publication date as the metadata gave it, unparsed
    published: DateValue | None = None
    published_how: str = "unknown"  # metadata | text: <where> | tense | cross-article: <article> | unknown
    published_confidence: float | None = None  # 0-1: how sure the inferred window is (1.0 for metadata)
    furniture: list[Furniture] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # e.g. "decoded as cp1252", "truncated at 5 MB"


@_record
class TimeExpression:
    """A time expression found in an article and normalised against its publication date."""

    id: str
    article: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    granularity: Granularity
    earliest: date | None = None
    latest: date | None = None
    mod: str | None = None
    anchored: bool = False  # True when resolved relative to the publication date
    # What only the anchor can give, for core.resolve ("mon 2 last - - -": "last February"); None when the
    # text alone gives the value. Kept so that a date learnt later re-resolves without rescanning the text.
    placeholder: str | None = None
    tense: Literal["past", "future"] | None = None  # of the sentence around a date, as core.tense reads it

    def date_value(self) -> DateValue:
        return trusted(DateValue)(
            value=self.value,
            granularity=self.granularity,
            earliest=self.earliest,
            latest=self.latest,
            mod=self.mod,
        )


@_small
class Evidence(Span):
    """The sentence an event was read from (``text``), with the governing time expression if any."""

    timex: str | None = None  # TimeExpression.id
    timex_start: int | None = None
    timex_end: int | None = None


@_record
class Event:
    id: str
    headline: str
    date: DateValue
    status: EventStatus
    date_how: str = ""  # how the date was derived, for the detail view
    kind: str | None = None  # coarse happening type (talks, agreement, attack, ...), used for merging
    # how much the event matters, from the evidence across articles (higher is more important; set by the
    # merge step, 0 before it): what ranks "key events" and picks the dates of a timeline summary
    salience: float = 0.0
    lead: bool = False  # read from the article's lead sentence: what the article reports as news
    evidence: list[Evidence] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)  # Actor.id
    quotes: list[str] = Field(default_factory=list)  # Quote.id

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(e.article for e in self.evidence))


@_small
class Role:
    title: str
    article: str
    conflict: bool = False


@_small
class Mention(Span):
    pass


@_record
class Actor:
    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


@_record
class Quote:
    id: str
    article: str
    start: int  # offsets of the quoted words, without the marks
    end: int
    text: str
    speaker: str | None = None  # Actor.id, or None when the text does not say who
    speaker_name: str | None = None  # the surface form the attribution used
    venue: str | None = None  # "TRT World" in "told TRT World"
    cue: str | None = None  # the reporting verb, e.g. "said", "told", "added"
    events: list[str] = Field(default_factory=list)  # Event.id of events in the same paragraph


class LoadProblem(Model):
    path: str
    reason: str
    skipped: bool = True  # False for warnings about an article that still loaded (e.g. truncated)


class ArticleAnalysis(Model):
    """Everything extracted from one article: the unit the cache stores and the merge step consumes."""

    article: Article
    timexes: list[TimeExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)


class Timeline(Model):
    version: str = PIPELINE_VERSION
    articles: list[Article] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    timexes: list[TimeExpression] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    problems: list[LoadProblem] = Field(default_factory=list)


_T = TypeVar("_T")


@cache
def trusted(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of the slotted record or value ``cls`` that does not validate its arguments.

    Only for records the pipeline builds itself from values it has already typed (offsets it computed, dates
    it resolved, instances of these classes): every constructor call of a pydantic dataclass validates, and
    the pipeline builds tens of such records per article. Anything read from outside (the cache, JSON, user
    input) goes through the class itself, which validates. Keyword arguments only, with the class's defaults
    and default factories (a list field left out or given as ``None`` gets a fresh list); the instance is the
    one validation would build (equal, same hash, same dump), sharing the lists it is given.

    The constructor is written once per class, as ``dataclasses`` writes ``__init__``: it sets each slot
    through its descriptor (which a frozen class's ``__setattr__`` does not stop).
    """
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    params, body = [], []
    for name, info in cls.__pydantic_fields__.items():  # type: ignore[attr-defined]
        namespace[f"_set_{name}"] = getattr(cls, name).__set__
        value = name
        if info.default_factory is not None:
            namespace[f"_make_{name}"] = info.default_factory
            params.append(f"{name}=None")
            value = f"_make_{name}() if {name} is None else {name}"
        elif info.default is not PydanticUndefined:
            namespace[f"_default_{name}"] = info.default
            params.append(f"{name}=_default_{name}")
        else:
            params.append(name)
        body.append(f"    _set_{name}(self, {value})")
    source = (
        f"def new(*, {', '.join(params)}):\n    self = _new(_cls)\n" + "\n".join(body) + "\n    return self\n"
    )
    exec(source, namespace)  # the source is built from the class's own field names
    new = namespace["new"]
    new.__qualname__ = f"trusted({cls.__name__})"
    return new


def trusted_replace(record: _T, /, **changes: Any) -> _T:
    """``dataclasses.replace`` without validation, for records the pipeline built itself (see ``trusted``).

    The copy shares its lists with ``record``, as records' lists are never changed in place once built."""
    cls = type(record)
    fields = {name: getattr(record, name) for name in cls.__pydantic_fields__}  # type: ignore[attr-defined]
    fields.update(changes)
    return trusted(cls)(**fields)
