"""Step 3 — time expressions, first pass: FIND every candidate span and normalise what the text alone says.

HeidelTime's order: this module finds candidates without the publication date (DCT); ``core.published``
infers the DCT from them; ``core.resolve`` (the only reader of the DCT) then resolves what only the anchor can
give. An expression that needs the anchor carries a *placeholder* (``TimeExpression.placeholder``: "a month
without a year, chosen by the sentence's tense", "the Wednesday before the anchor", "the quarter after") and
an unresolved TIMEX3 value such as ``XXXX-02``; absolute expressions ("March 3, 2017", "the 1990s") are final
here. Learning a date later (from other articles) re-resolves the placeholders, never rescans the text.

Candidates come from a small grammar of compiled regular expressions built from the time vocabulary
(``core/vocab/time.toml``: month and weekday names, numbers, units, modifiers, ...). Each rule is tried only
where one of its anchor words occurs, validates its match (traps: the pronoun "we", the modal "may", "March"
the verb, amounts, version strings, "Sunday Times") and carries examples that the tests run. The tense of
the sentence around each date is read once here, for the resolver and the DCT inference.

The common forms use plain date arithmetic (``core.dates``); dateparser only parses leftover numeric dates.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from dateline.core import budget, lexicon, resolve
from dateline.core.dates import (
    HOLIDAYS,
    UNITS,
    holiday,
    month_bounds,
    narrow,
    quarter_bounds,
    season_bounds,
    valid_day,
)
from dateline.core.model import Article, DateValue, Furniture, Granularity, TimeExpression, TimexType, trusted
from dateline.core.tense import sentence_bounds
from dateline.core.tense import tense_near as tense
from dateline.core.text import NON_CONTENT

# ---------------------------------------------------------------------------------------------------------
# Vocabulary (core/vocab/time.toml)

_TIME = lexicon.table("time")
_MONTH_NAMES = tuple(w.lower() for w in _TIME["months"]["full"])
MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
MONTHS.update({abbr.lower(): MONTHS[next(n for n in _MONTH_NAMES if n.startswith(abbr.lower()))]
               for abbr in _TIME["months"]["abbr"]})  # fmt: skip
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(_TIME["weekdays"]["full"])}
_WD_ABBR = {a.lower(): next(i for n, i in WEEKDAYS.items() if n.startswith(a.lower()))
            for a in _TIME["weekdays"]["abbr"]}  # fmt: skip

_SMALL = tuple(_TIME["numbers"]["small"])
_TENS: dict[str, int] = dict(_TIME["numbers"]["tens"])
NUMBER_WORDS: dict[str, float] = {w: i for i, w in enumerate(_SMALL)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update(_TIME["numbers"]["phrases"])
NUMBER_WORDS.update(_TIME["numbers"]["fractions"])
VAGUE_NUMBERS = frozenset([*_TIME["numbers"]["vague"], "the"])
_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(_TIME["numbers"]["ordinals"])}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
}

SEASONS: dict[str, str] = dict(_TIME["seasons"]["codes"])
TIMES_OF_DAY: dict[str, str] = dict(_TIME["times_of_day"]["codes"])
_SET_ADVERBS: dict[str, str] = dict(_TIME["sets"]["adverbs"])
_PREMOD_MOD = {w: mod for mod in ("START", "MID", "END") for w in _TIME["modifiers"][mod]}
_REL_HOW = {" ".join(w.split()): how for how in ("last", "next", "this") for w in _TIME["relative"][how]}


def _alt(words: Iterable[str]) -> str:
    return lexicon.alternation(words)


# ---------------------------------------------------------------------------------------------------------
# Grammar: expressions built from the vocabulary

_MONTH_FULL = _alt(_TIME["months"]["full"])
_MONTH = rf"(?:{_MONTH_FULL}|(?:{_alt(a for a in _TIME['months']['abbr'] if a != 'May')})\b\.?)"
# Month names in capitals, as datelines and headlines in capitals give them ("BERGEN, MARCH 9 -"): only
# next to a day, where "MAY" cannot be the verb
_MONTH_CAPS = _alt(w.upper() for w in [*_TIME["months"]["full"], *_TIME["months"]["abbr"]])
_MONTH_DAYED = rf"(?:{_MONTH}|(?:{_MONTH_CAPS})\b\.?)"
_WEEKDAY = _alt(_TIME["weekdays"]["full"])
_WEEKDAY_ANY = rf"(?:{_WEEKDAY}|{_alt(a.capitalize() for a in _TIME['weekdays']['abbr'])}\.)"
_ONES = _alt(_SMALL[1:10])
_NUM_WORD = rf"(?:{_alt(_TENS)}(?:[\s-]{_ONES})?|{_alt(_SMALL)}|{_alt(p for p in _TIME['numbers']['phrases'] if len(p) > 2)})"
_DAY_NUM_WORD = rf"(?:twenty-{_ONES}|thirty-one|{_alt(_SMALL[1:])}|twenty|thirty)"
_VAGUE = _alt(_TIME["numbers"]["vague"])
_NUM = rf"(?:\d{{1,4}}(?:\.\d+|\s+1/2)?|(?i:(?:{_NUM_WORD}|an?)\s+and\s+a\s+half|{_NUM_WORD}|{_VAGUE}|an?))"
_QUANT = (
    r"(?i:about|around|almost|nearly|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to"
    r"|roughly|approximately|some|just|a\s+mere|only|just\s+over|just\s+under|well\s+over|over|under)"
)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ies))s?"
_QUAL = _alt(_TIME["durations"]["qualifiers"])  # "two more weeks", "eight trading days"
_PREMOD = (
    r"(?:(?i:the\s+)?(?i:very\s+)?(?:[Ee]nd|[Ss]tart|[Bb]eginning|[Mm]iddle|[Cc]lose|[Tt]urn)\s+of"
    r"|(?:[Ee]nd|[Ss]tart)(?=-[A-Z0-9])"
    r"|(?i:early|earlier|mid|late|later)(?:[\s-]+in)?)"
)
_REL = r"(?i:last|next|this|coming|past|previous|following|current|this\s+past|this\s+coming)"
_TOD = r"(?:morning|afternoon|evening|night)"


_CENTURIES: dict[str, int] = dict(_TIME["spelled_years"]["centuries"])
_TEENS = _alt(_SMALL[10:])
# "nineteen ninety-six", "nineteen oh five", "eighteen hundred", "two thousand (and) one"
_SPELLED_YEAR = (
    rf"(?:(?P<c>(?i:{_alt(_CENTURIES)}))[\s-](?P<r>(?i:hundred|oh[\s-]{_ONES}|{_TEENS}|{_alt(_TENS)}(?:[\s-]{_ONES})?))"
    rf"|(?i:two\s+thousand)(?:\s+(?:and\s+)?(?P<r2>(?i:{_TEENS}|{_alt(_TENS)}(?:[\s-]{_ONES})?|{_ONES})))?)"
)


def _given_year(m: re.Match[str]) -> int | None:
    """The year a month or a season names after it, in figures (group ``y``: "June 2015") or in words (group
    ``sy``: "summer of nineteen ninety-six"); ``None`` when there is none or its words cannot be read."""
    if m["y"]:
        return int(m["y"])
    return _spelled_year(m) if m["sy"] else None


def _spelled_year(m: re.Match[str]) -> int | None:
    if m["c"]:
        rest = m["r"].lower().replace("oh", "").strip(" -")
        n = 0 if rest == "hundred" else _number(rest)
        return None if n is None else _CENTURIES[m["c"].lower()] * 100 + int(n)
    return 2000 + int(_number(m["r2"]) or 0) if m["r2"] else 2000


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    type: TimexType
    value: str
    granularity: Granularity
    earliest: date | None = None
    latest: date | None = None
    mod: str | None = None
    placeholder: str | None = None  # what only the anchor can give (see core.resolve)


@dataclass(slots=True)
class _Ctx:
    text: str


Handler = Callable[[re.Match[str], _Ctx], "list[_Found] | _Found | None"]
Example = tuple[str, str, str]  # a sentence, the expression found in it, its value against EXAMPLE_DCT

# The anchor the rules' examples are resolved against: Tuesday, 24 January 2017.
EXAMPLE_DCT = date(2017, 1, 24)


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: Handler
    back: int  # how far before its anchor word a match may start (-1: it starts where the anchor ends)
    examples: tuple[Example, ...]


_RULES: dict[str, list[_Rule]] = {}  # anchor kind -> rules to try there
RULES: list[_Rule] = []  # every rule, in the order registered (the tests run their examples)


def _rule(
    pattern: str, *, kinds: str, back: int, examples: tuple[Example, ...] = ()
) -> Callable[[Handler], Handler]:
    """Register a rule, tried wherever one of its anchor ``kinds`` occurs (see ``_ANCHOR``), with the examples
    that show what it finds: (sentence, span, value resolved against ``EXAMPLE_DCT``)."""

    def register(fn: Handler) -> Handler:
        rule = _Rule(re.compile(pattern), fn, back, examples)
        RULES.append(rule)
        for kind in kinds.split():
            _RULES.setdefault(kind, []).append(rule)
        return fn

    return register


# ---------------------------------------------------------------------------------------------------------
# Helpers

_LOWER_WORD = re.compile(r"[a-z]+")


def premod(raw: str | None) -> str | None:
    """TIMEX3 mod of an "early / mid- / the end of" prefix (``earlier``/``later`` carry none)."""
    if not raw:
        return None
    for word in _LOWER_WORD.findall(raw.lower()):
        if word in _PREMOD_MOD:
            return _PREMOD_MOD[word]
    return None


def _clip(raw: str | None) -> str:
    """ "earlier this year" ends at the anchor, "later this month" starts there: the placeholder's clip."""
    word = (raw or "").lower()
    return "earlier" if word.startswith("earlier") else "later" if word.startswith("later") else "-"


def _rel_how(rel: str | None) -> str:
    """``last``/``next``/``this`` for a relative word ("past", "coming", "this past"), ``-`` for none."""
    if not rel:
        return "-"
    return _REL_HOW.get(" ".join(rel.lower().split()), "this")


def _arg(x: object) -> str:
    return "-" if x is None else str(x)


def _pending(
    m: re.Match[str],
    span: tuple[int, int] | None,
    typ: TimexType,
    gran: Granularity,
    *parts: object,
    mod: str | None = None,
) -> _Found:
    """A candidate whose value needs the anchor: ``parts`` are the placeholder's operation and arguments."""
    return _found(m, span, type=typ, value="", granularity=gran, mod=mod,
                  placeholder=" ".join(_arg(p) for p in parts))  # fmt: skip


def _found(m: re.Match[str], span: tuple[int, int] | None = None, **kw: Any) -> _Found:
    s, e = span or m.span()
    return _Found(start=s, end=e, **kw)


def _t_span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("t") if m.groupdict().get("t") is not None else m.span()


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_CAP_NEXT = re.compile(r"\s+[A-Z][a-z]")


def _prev_word(text: str, start: int) -> str:
    """The word just before ``start`` when only spaces separate them (else ``""``); keeps a final full stop.

    The trailing run of ASCII letters of the 30 characters before ``start``, then its full stop, read back
    from the end (much faster than a regular expression tried at every position)."""
    window = text[max(0, start - 30) : start]
    body = window.rstrip()  # str.isspace is what ``\s`` matches
    if len(body) == len(window):
        return ""
    dot = body.endswith(".")
    core = body[:-1] if dot else body
    i = len(core)
    while i and core[i - 1] in _ASCII_LETTERS:
        i -= 1
    return "" if i == len(core) else body[i:]


_ASCII_LETTERS = frozenset(string.ascii_letters)


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end, end + 30)
    return m.group(1) if m else ""


# "February last year", "March 5 of next year": the year named after a month governs it
_YEAR_AFTER_REL = re.compile(r",?\s+(?:of\s+)?(?P<rel>(?i:last|next|this))\s+(?i:year)\b(?!'s|-)")


def _year_after(ctx: _Ctx, span: tuple[int, int], end: int) -> tuple[int | None, tuple[int, int]]:
    """The year offset from the anchor a "last year" / "next year" / "this year" at ``end`` names, and
    ``span`` reaching over it, as it belongs to the date ("June last year"); ``None`` and ``span`` without."""
    ym = _YEAR_AFTER_REL.match(ctx.text, end)
    if ym is None:
        return None, span
    return {"last": -1, "next": 1}.get(ym["rel"].lower(), 0), (span[0], ym.end())


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence (or a line, or a quotation)."""
    before = text[max(0, start - 4) : start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n"


def _month_of(raw: str) -> int:
    return MONTHS[
        raw.rstrip(".").lower()[:4] if raw.lower().startswith("sept") else raw.rstrip(".").lower()[:3]
    ]


def _weekday_of(raw: str | None) -> int | None:
    if not raw:
        return None
    w = raw.rstrip(".").lower()
    return WEEKDAYS.get(w, _WD_ABBR.get(w))


# ---------------------------------------------------------------------------------------------------------
# Rules: full dates


def _day_found(
    m: re.Match[str],
    ctx: _Ctx,
    month: int,
    day: int,
    day2: str | None,
    year: str | None,
    wd: int | None = None,
) -> _Found | None:
    """A day (or a range of days in one month) of a month: absolute with its year, else a placeholder
    (``md``) for the resolver, with the year offset a following "last year" gives and the weekday named
    before it ("Friday, March 12"), which can tell the year."""
    day_hi = int(day2) if day2 else day
    if day_hi <= day and day2:
        return None
    span = _t_span(m)
    if year:
        y = int(year)
        if not (1000 <= y <= 2100 and valid_day(y, month, day) and valid_day(y, month, day_hi)):
            return None
        lo, hi = date(y, month, day), date(y, month, day_hi)
        if day2:
            return _found(m, span, type="DATE", value=f"{lo.isoformat()}/{hi.isoformat()}", granularity="range",
                          earliest=lo, latest=hi)  # fmt: skip
        return _found(m, span, type="DATE", value=lo.isoformat(), granularity="day", earliest=lo, latest=lo)
    if not valid_day(2000, month, day_hi):
        return None
    year_off, span = _year_after(ctx, span, m.end())
    how = _prev_word(ctx.text, span[0]).lower()
    if how in ("last", "next") and not day2 and wd is None and year_off is None:
        return _pending(m, span, "DATE", "day", "mdr", how, month, day)  # "last Oct. 23": the one before
    return _pending(m, span, "DATE", "range" if day2 else "day", "md", month, day, int(day2) if day2 else None,
                    year_off, wd)  # fmt: skip


@_rule(
    r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?\b(?!-)",
    kinds="yr",
    back=0,
    examples=(("The file is dated 2016-11-30.", "2016-11-30", "2016-11-30"),
              ("Logged at 2016-11-30T08:15 by the clerk.", "2016-11-30T08:15", "2016-11-30T08:15")),
)  # fmt: skip
def _iso(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not valid_day(y, mo, d):
        return None
    day = date(y, mo, d)
    if m["hh"]:
        return _found(m, type="TIME", value=f"{day.isoformat()}T{m['hh']}:{m['mi']}", granularity="time",
                      earliest=day, latest=day)  # fmt: skip
    return _found(m, type="DATE", value=day.isoformat(), granularity="day", earliest=day, latest=day)


_DAYNUM = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
# The year of a date ("July 4, 1776", "the winter of 1812"), not a clock time ("March 3 1900 GMT"); one before
# 1800 ends its phrase ("in June 1215.", not "the March 1500 contracts")
_DATE_YEAR = (
    r"(?:(?:1[89]|20)\d\d|1[0-7]\d\d(?=[.,;:)!?”\"']|\s*$|\s+(?:and|or|to|when|until|after|before|in|on|at)\b))"
    r"(?!\s*(?:GMT|UTC|gmt|utc|hrs|HRS|hours|[ECMP][SD]T|local)\b)"
)


@_rule(
    rf"(?P<t>(?:(?P<wdn>{_WEEKDAY_ANY}),?\s+)?(?P<mon>{_MONTH_DAYED})\s+(?:(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dw>(?i:{_DAY_NUM_WORD})\b))"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,.]?\d))?\b(?:,?\s+(?P<y>{_DATE_YEAR})\b)?)"
    r"(?![.,]?\d|%|\s*(?i:percent|per\s+cent|pct)\b)",
    kinds="mon",
    back=12,
    examples=(("The ferry sank on March 3, 1998, off the cape.", "March 3, 1998", "1998-03-03"),
              ("Polls open on Jan. 27 across the region.", "Jan. 27", "2017-01-27"),
              ("Police said the raid took place on Jan. 20.", "Jan. 20", "2017-01-20"),
              ("The fair runs March 3-5 in the old hall.", "March 3-5", "2017-03-03/2017-03-05"),
              ("The law took effect on Tuesday, Feb. 2, 2016.", "Tuesday, Feb. 2, 2016", "2016-02-02"),
              ("TALKS TO RESUME ON MARCH 13, OFFICIALS SAY", "MARCH 13", "2017-03-13")),
)  # fmt: skip
def _month_day(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    wd = _weekday_of(m["wdn"])
    if m["dw"]:
        day = int(_number(m["dw"].lower()) or 0)
        if (
            not day
            or m["mon"] in ("May", "MAY")
            or re.match(r"\s+(?:of|year|month|week|day|time|more)|-", ctx.text[m.end() : m.end() + 8])
        ):
            return None
        return _day_found(m, ctx, _month_of(m["mon"]), day, None, m["y"], wd)
    return _day_found(m, ctx, _month_of(m["mon"]), int(m["d"]), m["d2"], m["y"], wd)


@_rule(
    rf"(?<![\d,.$£€-])(?P<t>(?:(?P<wdn>{_WEEKDAY_ANY}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?(?:\s+of)?\s+(?P<mon>{_MONTH_DAYED})"
    rf"(?:,?\s+(?P<y>{_DATE_YEAR})\b)?)",
    kinds="mon",
    back=28,
    examples=(("The bridge reopened on 14 July 2015.", "14 July 2015", "2015-07-14"),
              ("Ballots are due by the 3rd of February.", "the 3rd of February", "2017-02-03")),
)  # fmt: skip
def _day_month(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    return _day_found(m, ctx, _month_of(m["mon"]), int(m["d"]), m["d2"], m["y"], _weekday_of(m["wdn"]))


@_rule(
    r"(?<![\d.,/$-])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>(?:19|20)\d\d)\b(?![.,/]\d)",
    kinds="yr",
    back=6,
    examples=(("The form was signed 25/12/2014 in the office.", "25/12/2014", "2014-12-25"),),
)
def _numeric_date(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """A leftover numeric date ("24/01/2017"): parsed by dateparser only when the order is unambiguous."""
    a, b = int(m["a"]), int(m["b"])
    if a <= 12 and b <= 12 and a != b:
        return None  # 03/04/2017 could be either; never invent a day
    parsed = _dateparser(m.group())
    if parsed is None:
        return None
    return _found(m, type="DATE", value=parsed.isoformat(), granularity="day", earliest=parsed, latest=parsed)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparser(span: str) -> date | None:
    try:
        data = _parser().get_date_data(span)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


# ---------------------------------------------------------------------------------------------------------
# Rules: months, years, decades, centuries, quarters, seasons

_MONTH_CONTEXT = frozenset(
    "in of since by until till from through throughout during before after between early late mid last next "
    "this end beginning start middle and or to for on coming past previous following".split()
)


@_rule(
    rf"\b(?P<t>(?:(?P<pre>{_PREMOD})[\s-]+)?(?:(?P<rel>{_REL})\s+)?(?P<mon>{_MONTH})"
    rf"(?:,?\s+(?:of\s+)?(?:(?P<y>{_DATE_YEAR})\b(?![.,]?\d|%)|(?P<sy>{_SPELLED_YEAR})\b))?)",
    kinds="mon",
    back=32,
    examples=(("Output fell in February 2016 at the mine.", "February 2016", "2016-02"),
              ("Exports rose in December, the ministry said.", "December", "2016-12"),
              ("A new round of talks is planned for March.", "March", "2017-03"),
              ("The plant closed last March after a fire.", "last March", "2016-03"),
              ("He was shot dead last Oct. 23 at his home.", "Oct. 23", "2016-10-23"),
              ("Work should finish by early April.", "early April", "2017-04")),
)  # fmt: skip
def _month(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    text = ctx.text
    s, e = _t_span(m)
    mon_raw = m["mon"]
    month = _month_of(mon_raw)
    abbrev = mon_raw not in ("May", "June", "July") and len(mon_raw.rstrip(".")) <= 4
    year = _given_year(m)
    if year is None and m["sy"]:
        return None  # a year in words it cannot read ("nineteen ninety six")
    year_off, after = (None, (s, e)) if year or m["rel"] else _year_after(ctx, (s, e), m.end())
    if not year:
        prev = _prev_word(text, s).lower()
        nxt = text[m.end("mon") : m.end("mon") + 2]
        context = bool(m["pre"] or m["rel"] or year_off is not None) or prev in _MONTH_CONTEXT
        if abbrev and not context:
            return None
        if abbrev and not mon_raw.endswith(".") and _CAP_NEXT.match(text, m.end("mon")):
            follower = _next_word(text, m.end("mon")).lower()
            if follower not in WEEKDAYS and follower not in MONTHS:
                return None  # "Jan Kavan": a first name
        if mon_raw in ("May", "March") and not context:
            return None
        if nxt[:1] == "-":
            return None  # "March-based"
        if not context and _CAP_NEXT.match(text, m.end("mon")):
            follower = _next_word(text, m.end("mon")).lower()
            if follower not in WEEKDAYS and follower not in MONTHS:
                return None  # "June Carter"
        if prev[:1].isupper() and not prev.endswith(".") and not context:
            return None  # "Theresa May", "Prime Minister May"
    mod = premod(m["pre"])
    if year:
        lo, hi = narrow(*month_bounds(year, month), mod)
        return _found(m, (s, e), type="DATE", value=f"{year:04d}-{month:02d}", granularity="month", earliest=lo,
                      latest=hi, mod=mod)  # fmt: skip
    if m["rel"] and _DAY_AFTER.match(text, m.end("mon")):
        return None  # "last Oct. 23": the day is the expression, and "last" its tense (the month-day rule)
    how = _rel_how(m["rel"])
    again = _same_month_nearby(text, s, e, month) if how == "last" else None
    return _pending(m, after, "DATE", "month", "mon", month, how, _clip(m["pre"]), year_off, again, mod=mod)


_DAY_AFTER = re.compile(r"\s+[0-3]?\d(?:st|nd|rd|th)?\b(?![.,:]?\d)")
_AFTER_MONTH_NAME = re.compile(
    r",?\s+(?P<y>(?:19|20)\d\d)\b|,?\s*\d|,?\s+(?:of\s+)?(?i:last|next|this)\s+year\b"
)
_REL_WORDS = frozenset("last next this previous coming past following".split())


def _same_month_nearby(text: str, s: int, e: int, month: int) -> str | None:
    """Whether the sentence around ``[s, e)`` names ``month`` again, bare ("February sales fell from last
    February": ``bare``) or with years (``1987,1988``: "in April 1987, against last April"); ``None`` if not.
    The resolver moves "last February" a year back when the bare February or one with its year is nearby."""
    lo, hi = sentence_bounds(text, s, e)
    name = re.compile(rf"\b{_MONTH_NAMES[month - 1].capitalize()}\b")
    years: list[str] = []
    for mm in name.finditer(text, lo, hi):
        if s <= mm.start() < e or _prev_word(text, mm.start()).lower() in _REL_WORDS:
            continue
        after = _AFTER_MONTH_NAME.match(text, mm.end())
        if after is None:
            return "bare"
        if after["y"]:
            years.append(after["y"])
    return ",".join(years) or None


@_rule(
    rf"\b(?P<t>(?P<m1>{_MONTH})\s*(?:-|–|to|through|until|till)\s*(?P<m2>{_MONTH})"
    r"(?:,?\s+(?P<y>(?:1[89]|20)\d\d)\b)?)",
    kinds="mon",
    back=0,
    examples=(("Sales rose in March-May 2015.", "March-May 2015", "2015-03/2015-05"),),
)
def _month_range(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    a, b = _month_of(m["m1"]), _month_of(m["m2"])
    if b <= a:
        return None
    s, e = _t_span(m)
    if m["y"]:
        y = int(m["y"])
        lo, hi = month_bounds(y, a)[0], month_bounds(y, b)[1]
        return _found(m, (s, e), type="DATE", value=f"{y:04d}-{a:02d}/{y:04d}-{b:02d}", granularity="range", earliest=lo,
                      latest=hi)  # fmt: skip
    return _pending(m, (s, e), "DATE", "range", "mrange", a, b, _year_after(ctx, (s, e), m.end())[0])


_YEAR_CONTEXT = frozenset(
    "in since by until till through throughout during from of before after between early late mid end start "
    "beginning middle fiscal calendar circa around year years and or to for on spring summer autumn fall "
    "winter season late- due".split()
)
_QUANTITY_NOUNS = re.compile(
    r"\s*(?:-\s*)?(?i:people|persons|men|women|children|troops|soldiers|fighters|refugees|tonnes|tons|barrels"
    r"|shares|dlrs|dollars|euros|pounds|yen|units|votes|jobs|workers|cases|deaths|km|kilometres|kilometers"
    r"|miles|feet|ft|metres|meters|acres|hectares|cars|vehicles|homes|houses|employees|members|students|words"
    r"|pages|points|mln|million|billion|bags|kilos|lbs|ounces|calories|rpm|mhz|ghz|cc|mm|cm|kg|mg|kw|mw"
    r"|hp|bpd|b/d|sq|square|times|percent|pct|per\s+cent)\b|\s*%"
)


_RANGE_END = re.compile(r"(?<!\d)(?:19|20)\d\d[-–]$")
_RANGE_START = re.compile(r"[-–](?:19|20)\d\d\b")
_NOT_YEAR_AFTER = re.compile(r"[.,/]\d|\d|-\d\b|-(?:year|yr)|%")
_DASH_NUMBER = re.compile(r"[-–](?:\d\b|\d{3})")
_WORD_NEXT = re.compile(r"\s+[A-Za-z][a-z]{2,}")
_YEAR_AFTER = re.compile(r"\s*(?:[.,;:)!?”\"']|$)|'s\b|\s+(?:and|or|to|through)\s+(?:19|20)\d\d")


# What follows a four-digit 24-hour clock time ("1900 hours", "0336 GMT", "from 1800 to 2100 hrs"): a number
# before one of these is a time of day, never a year.
_CLOCK_MARK = r"(?:hrs|HRS|hours|GMT|gmt|UTC|utc|[ECMP][SD]T|BST|CET|local\s+time|local)\b"
_CLOCK_AFTER = re.compile(
    rf"\s*(?:{_CLOCK_MARK}|(?:-|–|to|and|until|till)\s*(?:[01]\d|2[0-3])[0-5]\d\s*{_CLOCK_MARK})"
)


_NAMED_YEAR_HEADS = frozenset(_TIME["named_years"]["heads"])


def names_a_happening(text: str, start: int) -> bool:
    """Whether the year at ``start`` is part of a happening's name ("Asian Games 2014", "Euro 2016"): the
    word before it names a kind of happening (time.toml named_years.heads). Such a year is a date, and the
    named happening's, not that of what its sentence tells ("Euro 2016 tickets sold out")."""
    return _prev_word(text, start) in _NAMED_YEAR_HEADS


def _year_ok(text: str, s: int, e: int, strong: bool) -> bool:
    if _CLOCK_AFTER.match(text, e):
        return False
    before = text[max(0, s - 6) : s]
    range_end = _RANGE_END.search(before) is not None  # the "2010" of "2009-2010"
    if before[-1:] in ("$", "£", "€", "#", "/", ".", ",", "+") or before[-1:].isalnum():
        return False
    if before[-1:] in "-–" and not (strong or range_end):
        return False
    after = text[e : e + 5]
    if _NOT_YEAR_AFTER.match(after) or _QUANTITY_NOUNS.match(text, e):
        return False
    range_start = _RANGE_START.match(after) is not None
    if _DASH_NUMBER.match(after) and not range_start:
        return False
    prev = _prev_word(text, s)
    low = prev.lower().rstrip(".")
    if strong or range_end or low in _YEAR_CONTEXT or low in MONTHS:
        return True
    if low == "as" and _AS_EARLY_AS.search(text, max(0, s - 30), s):
        return True  # "as early as 2027", "as recently as 2019" (not "as many as 2000")
    if range_start and not prev[:1].isupper():
        return True  # "2009-2010"
    if low in ("version", "v", "resolution", "no", "number", "flight", "room", "page", "route", "model",
               "article", "section", "rule", "chapter", "paragraph", "item", "code"):  # fmt: skip
        return False
    if low in _DETERMINERS or text[max(0, s - 3) : s].rstrip().endswith(("'s", "’s")):
        # "a 2009 analysis", "his 2007 campaign", "the 1996 Olympic bombing", "the company's 1989 results": a
        # year used as a modifier
        return _WORD_NEXT.match(text, e) is not None
    if names_a_happening(text, s):
        return True  # "Asian Games 2014", "Euro 2016": a happening's name carries its year
    if prev[:1].isupper() and not prev.endswith("."):
        return False  # "Windows 2000", "Resolution 2254"
    if prev.isalpha() and prev.islower() and _modifies_noun(text, e):
        # a year before the noun it dates, after a word ("reported 1986 net income", "his unsuccessful 1996
        # campaign"); a count this size is written with a comma or followed by what it counts (above), and a
        # label's number by a verb or an adverb ("gate 1987 opened", "gate 1987 safely")
        return True
    return _YEAR_AFTER.match(text[e : e + 12]) is not None


_NOUN_AFTER = re.compile(r"\s+([A-Za-z][A-Za-z]{2,})")
_NOT_A_NOUN = frozenset(lexicon.words("function_words", "stop")) - frozenset(
    "year years month months week weeks day days time times first last next new same mln billion million dlrs "
    "pct percent".split()
)


def _modifies_noun(text: str, e: int) -> bool:
    """Whether the word after ``e`` can be the noun (or adjective) a year dates: not a function word, an
    adverb in -ly or a verb in -ed."""
    m = _NOUN_AFTER.match(text, e, e + 40)
    if m is None:
        return False
    w = m.group(1).lower()
    return w not in _NOT_A_NOUN and not w.endswith("ly") and not (w.endswith("ed") and len(w) > 4)


_OLD_YEAR_AFTER = re.compile(r"\s*(?:[.,;:)!?”\"']|$)|\s+(?:and|or|to|when|until|after|before)\s")
_DETERMINERS = frozenset("a an the his her its their our my your this that".split())
_AS_EARLY_AS = re.compile(r"\b(?i:as\s+(?:early|late|soon|recently|long\s+ago)\s+as)\s+$")


# A bare number after "around", "at", "to" or "a figure of" may be a level ("the index closed at 1841",
# "levels around 2050"), not a year: the resolver keeps it only when it lies near the anchor.
_LEVEL_PREPS = frozenset("around about at to near".split())
_LEVEL_NOUNS = frozenset(
    "figure level levels total reading index high low value average close peak mark price rate score sum".split()
)


def _level_context(text: str, s: int) -> bool:
    prev = _prev_word(text, s)
    low = prev.lower()
    if low in _LEVEL_PREPS:
        return True
    return low == "of" and _prev_word(text, s - len(prev) - 1).lower() in _LEVEL_NOUNS


@_rule(
    rf"(?P<t>(?:(?P<pre>{_PREMOD})[\s-]+|(?i:(?P<fy>fiscal|calendar)\s+(?:year\s+)?))?"
    r"\b(?P<y>(?:1\d|20)\d\d)\b(?!'?s\b))",
    kinds="yr",
    back=22,
    examples=(("The dam was finished in 1964.", "1964", "1964"),
              ("The city was founded in 1642.", "1642", "1642"),
              ("The fort was rebuilt by 1685, after the war.", "1685", "1685"),
              ("Civil war raged between 1861 and 1865.", "1865", "1865"),
              ("The abbey has stood since 1130 on the hill.", "", ""),
              ("Prices peaked in late 2008, analysts said.", "late 2008", "2008"),
              ("The index closed at 2075, a record.", "", "")),
)  # fmt: skip
def _year(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    y = int(m["y"])
    if not _year_ok(ctx.text, m.start("y"), m.end("y"), bool(m["pre"] or m["fy"])):
        return None
    if y < 1900 and not m["pre"] and not _old_year_context(ctx.text, m.start()):
        return None
    if y < 1800 and not _OLD_YEAR_AFTER.match(ctx.text, m.end()):
        return None  # "in 1642," but not "in 1500 tonnes" or "since 1130 on": an old year ends its phrase
    mod = premod(m["pre"])
    if not (m["pre"] or m["fy"] or _linked_year(ctx.text, m.start())) and _level_context(ctx.text, m.start()):
        return _pending(m, _t_span(m), "DATE", "year", "level", y, mod=mod)
    lo, hi = narrow(date(y, 1, 1), date(y, 12, 31), mod)
    return _found(
        m, _t_span(m), type="DATE", value=f"{y:04d}", granularity="year", earliest=lo, latest=hi, mod=mod
    )


# Words before a year of long ago ("in 1642", "by 1600", "between 1861 and 1865"); "and", "to" only after a year
_OLD_YEAR_BEFORE = frozenset(_TIME["context"]["old_year_before"])
_YEAR_BEFORE_LINK = re.compile(r"\b(?:1\d|20)\d\d\s*(?:and|to|or|-|–)\s*$")


def _old_year_context(text: str, s: int) -> bool:
    """Whether a number below 1900 at ``s`` is told as a year by the word before it."""
    return _prev_word(text, s).lower() in _OLD_YEAR_BEFORE or _linked_year(text, s)


def _linked_year(text: str, s: int) -> bool:
    """Whether the number at ``s`` ends a pair of years ("1870 to 1871", "between 1861 and 1865")."""
    return _YEAR_BEFORE_LINK.search(text, max(0, s - 12), s) is not None


@_rule(
    r"(?<=\d\d)(?P<sep>[-–/])(?P<y2>\d\d)\b(?![-–/.,]\d)",
    kinds="yr",
    back=-1,
    examples=(("Rainfall fell during 1957-58.", "58", "1958"),),
)
def _year_range_tail(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """The "58" of "1957-58": a second year (the first is tagged on its own)."""
    s = m.start() - 4
    if s < 0 or not re.fullmatch(r"(?:19|20)\d\d", ctx.text[s : m.start()]):
        return None
    if not _year_ok(ctx.text, s, m.start(), False) and _prev_word(ctx.text, s).lower() not in _YEAR_CONTEXT:
        return None
    y = int(ctx.text[s : s + 2] + m["y2"])
    if y <= int(ctx.text[s : m.start()]):
        return None
    return _found(m, m.span("y2"), type="DATE", value=f"{y:04d}", granularity="year", earliest=date(y, 1, 1),
                  latest=date(y, 12, 31))  # fmt: skip


_DECADE_WORDS = {w[:-1] + "ies": v // 10 for w, v in _TENS.items()}  # "nineties": 9


@_rule(
    rf"\b(?P<t>(?i:the)\s+(?:(?P<pre>early|mid|late)[\s-]+)?(?P<c>(?i:nineteen)[\s-]+)?(?P<w>(?i:{_alt(_DECADE_WORDS)})))\b",
    kinds="decw",
    back=24,
    examples=(("Rents doubled through the nineties.", "the nineties", "199"),),
)
def _decade_word(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """ "The nineties": a decade of the last century named in words (its century from the anchor)."""
    d = _DECADE_WORDS[m["w"].lower()]
    mod = premod(m["pre"])
    if m["c"]:
        y = 1900 + 10 * d
        lo, hi = narrow(date(y, 1, 1), date(y + 9, 12, 31), mod)
        return _found(
            m, type="DATE", value=str(y // 10), granularity="decade", earliest=lo, latest=hi, mod=mod
        )
    return _pending(m, None, "DATE", "decade", "decw", d, mod=mod)


@_rule(
    r"(?P<t>(?i:the\s+)?(?:(?P<pre>early|mid|late)[\s-]+)?(?:\b(?P<full>1[0-9]|20)(?P<dd>\d0)|'(?P<short>\d0))'?s)\b",
    kinds="dec",
    back=10,
    examples=(("Rents doubled in the 1990s.", "the 1990s", "199"),
              ("The mill shut in the late 1800s.", "the late 1800s", "18")),
)  # fmt: skip
def _decade(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["full"]:
        y = int(m["full"] + m["dd"])
    else:
        y = 1900 + int(m["short"]) if int(m["short"]) > 20 else 2000 + int(m["short"])
    mod = premod(m["pre"])
    if y % 100 == 0 and y < 2000:  # "the 1800s": the century
        lo, hi = narrow(date(y, 1, 1), date(y + 99, 12, 31), mod)
        return _found(
            m, type="DATE", value=f"{y // 100:02d}", granularity="century", earliest=lo, latest=hi, mod=mod
        )
    lo, hi = narrow(date(y, 1, 1), date(y + 9, 12, 31), mod)
    return _found(
        m, type="DATE", value=f"{y // 10:03d}", granularity="decade", earliest=lo, latest=hi, mod=mod
    )


@_rule(
    rf"(?P<t>(?i:the\s+)?(?:(?P<pre>early|mid|late)[\s-]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|(?i:{_alt(_ORDINAL_WORDS)}))"
    r"[\s-]+[Cc]entury)\b",
    kinds="cent",
    back=26,
    examples=(("Trade grew in the 19th century.", "the 19th century", "18"),),
)
def _century(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    raw = m["n"].lower()
    n = int(raw[:-2]) if raw[0].isdigit() else _ORDINAL_WORDS[raw]
    if not 1 <= n <= 22:
        return None
    mod = premod(m["pre"])
    y0 = (n - 1) * 100
    lo, hi = narrow(date(max(y0, 1), 1, 1), date(y0 + 99, 12, 31), mod)
    return _found(
        m, type="DATE", value=f"{n - 1:02d}", granularity="century", earliest=lo, latest=hi, mod=mod
    )


@_rule(
    r"(?P<t>(?P<det>(?i:the|its|their)\s+)?(?:(?P<py>(?i:this|last|next))\s+year's\s+|(?P<y0>(?:19|20)\d\d)\s+"
    r"|(?P<ya>(?i:year[\s-](?:earlier|ago)))\s+)?(?P<q>(?i:(?:fiscal[\s-]+)?(?:first|second|third|fourth|final|last|1st|2nd"
    r"|3rd|4th)))(?P<hy>[\s-]+)(?i:fiscal\s+)?"
    r"(?i:quarter|qtr)\b(?:\s+(?:of\s+)?(?:(?i:fiscal\s+)?(?P<y>(?:19|20)\d\d)\b|(?P<rel>last|next|this)\s+year))?)"
    r"|\b(?P<t2>Q(?P<qn>[1-4])(?:\s+(?P<y2>(?:19|20)\d\d))?)\b"
    r"|\b(?P<t3>(?P<y3>(?:19|20)\d\d)\s+(?P<q3>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|qtr))\b",
    kinds="quarter qtr",
    back=26,
    examples=(("Profit rose in the third quarter of 2015.", "the third quarter of 2015", "2015-Q3"),
              ("Sales slipped in Q2 2014.", "Q2 2014", "2014-Q2"),
              ("Fourth-quarter profit fell, the bank said.", "Fourth-quarter", "2016-Q4"),
              ("It posted the third-quarter results late.", "third-quarter", "2016-Q3"),
              ("Net fell from the year-ago fourth quarter.", "the year-ago fourth quarter", "2015-Q4"),
              ("Sales in last year's second quarter were flat.", "last year's second quarter", "2016-Q2"),
              ("The firm said its fourth quarter was weak.", "fourth quarter", "2016-Q4")),
)  # fmt: skip
def _quarter(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["t2"]:
        span, q, year = m.span("t2"), int(m["qn"]), m["y2"]
    elif m["t3"]:
        span, q, year = m.span("t3"), ORDINALS[m["q3"].lower()], m["y3"]
    else:
        span, year = m.span("t"), m["y"] or m["y0"]
        if m["det"] and "-" in m["hy"] and not (m["py"] or m["y0"] or m["ya"]):
            span = (m.start("q"), span[1])  # "the third-quarter results": the adjective alone
        elif m["det"] and m["det"].strip().lower() != "the":
            # "its fourth quarter": the possessive is the company's, not the date's
            span = (m.end("det"), span[1])
        word = m["q"].lower().split()[-1].split("-")[-1]
        if word == "last" and not (year or m["rel"]):
            return None  # "the last quarter" is the previous quarter: the relative rule
        q = 4 if word == "last" else ORDINALS[word]
    if year:
        y = int(year)
        lo, hi = quarter_bounds(y, q)
        return _found(
            m, span, type="DATE", value=f"{y:04d}-Q{q}", granularity="quarter", earliest=lo, latest=hi
        )
    rel = m["rel"] or m["py"]
    year_off = {"last": -1, "next": 1}.get(rel.lower(), 0) if rel else None
    back = -1 if m["ya"] else 0  # "the year-ago third quarter"
    return _pending(m, span, "DATE", "quarter", "q", q, year_off, back)


@_rule(
    r"(?P<t>(?i:the\s+)?(?P<h>(?i:first|second|1st|2nd|last|latter))[\s-]+(?i:half)\b(?:\s+of\s+(?:(?i:fiscal\s+)?"
    r"(?P<y>(?:19|20)\d\d)\b|(?P<rel>last|next|this)\s+year|(?P<cur>the\s+(?:fiscal\s+)?year)\b))?)",
    kinds="half",
    back=12,
    examples=(("Growth slowed in the first half of 2013.", "the first half of 2013", "2013-H1"),),
)
def _half(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    if not (m["y"] or m["rel"] or m["cur"]):
        after = ctx.text[m.end() : m.end() + 30]
        if not re.match(
            r"\s*(?:[.,;]|$)|\s+(?:results|profits?|earnings|sales|net|revenues?|loss(?:es)?)\b", after
        ):
            return None  # "the second half of the match"
    if m["y"]:
        y = int(m["y"])
        lo, hi = date(y, 6 * h - 5, 1), month_bounds(y, 6 * h)[1]
        return _found(m, type="DATE", value=f"{y:04d}-H{h}", granularity="half", earliest=lo, latest=hi)
    year_off = {"last": -1, "next": 1}.get(m["rel"].lower(), 0) if m["rel"] else None
    return _pending(m, None, "DATE", "half", "h", h, year_off)


@_rule(
    rf"\b(?P<prep>(?i:in|during|over|by|until|through|throughout|since)\s+(?P<the>the\s+)?)?"
    rf"(?P<t>(?:(?P<pre>{_PREMOD})[\s-]+)?(?:(?P<rel>{_REL})\s+)?"
    rf"(?P<s>(?i:spring|summer|autumn|fall|winter))(?:\s+(?:of\s+)?(?:(?P<y>{_DATE_YEAR})|(?P<sy>{_SPELLED_YEAR}))\b)?)\b",
    kinds="season",
    back=34,
    examples=(("The road was built in the summer of 2011.", "summer of 2011", "2011-SU"),
              ("Repairs will start in the spring.", "spring", "2017-SP"),
              ("The harvest was poor last autumn.", "last autumn", "2016-FA")),
)  # fmt: skip
def _season(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    season = SEASONS[m["s"].lower()]
    year = _given_year(m)
    if year is None and m["sy"]:
        return None  # a year in words it cannot read ("nineteen ninety six")
    if not (m["rel"] or year or m["prep"] or m["pre"]):
        return None  # "spring" the verb or the noun
    if m["s"].lower() == "fall" and not (m["rel"] or year or m["the"]):
        return None  # "in fall of prices"
    if (
        not (m["rel"] or year)
        and re.match(r"\s+(?:in|of|to|from)\b", ctx.text[m.end() : m.end() + 6])
        and not _YEAR_AFTER_REL.match(ctx.text, m.end())
    ):
        return None  # "the fall in prices", "the spring of discontent"
    if (
        m["s"][0].isupper()
        and not (year or m["rel"])
        and re.match(r"\s+[A-Z]", ctx.text[m.end() : m.end() + 2])
    ):
        return None
    span = m.span("t")
    mod = premod(m["pre"])
    if year:
        lo, hi = narrow(*season_bounds(year, season), mod)
        return _found(m, span, type="DATE", value=f"{year:04d}-{season}", granularity="season", earliest=lo,
                      latest=hi, mod=mod)  # fmt: skip
    year_off, span = (None, span) if m["rel"] else _year_after(ctx, span, m.end())
    return _pending(m, span, "DATE", "season", "season", season, _rel_how(m["rel"]), year_off, mod=mod)


# ---------------------------------------------------------------------------------------------------------
# Rules: relative to the anchor

_UNIT_GRAN: dict[str, Granularity] = {"weekend": "range"}


@_rule(
    rf"(?P<t>(?:(?P<pre>{_PREMOD})[\s-]+)?(?P<the>(?i:the)\s+)?(?P<rel>{_REL})\s+(?i:(?:fiscal|calendar|financial)\s+)?"
    r"(?P<unit>(?i:week(?:end)?|month|year|quarter|decade|century))\b(?!-)(?!\s+(?:or\s+so|of|and\s+a\s+half)\b))"
    rf"|(?P<t2>(?P<pre2>{_PREMOD})[\s-]+(?P<the2>(?i:the\s+|this\s+))?(?P<unit2>(?i:week|month|year|quarter|decade|century))\b)"
    r"|(?P<t3>\b(?i:(?P<ye>year[\s-]end|end[\s-]year)(?:,?\s+(?P<y3>(?:19|20)\d\d)\b(?![.,]?\d|%))?|year-earlier"
    r"|month[\s-]end)\b)"
    r"|\b(?P<t4>(?i:the)\s+(?i:weekend))\b"
    r"|\b(?P<t5>(?i:the\s+(?:fiscal\s+)?(?P<u5>year|month|week)))(?=\s+end(?:ed|ing)\b)",
    kinds="cal cent quarter",
    back=34,
    examples=(("Prices rose sharply last week.", "last week", "2017-W03"),
              ("Fighting flared over the weekend, officials said.", "the weekend", "2017-W03-WE"),
              ("Revenue for the year ended March 31 fell.", "the year", "P1Y"),
              ("Arrivals in the week ended January 15 rose.", "the week", "P1W"),
              ("The firm expects a loss this year.", "this year", "2017"),
              ("Talks resume next month in Oslo.", "next month", "2017-02"),
              ("The deal should close by the end of the year.", "the end of the year", "2017"),
              ("Over the past year the currency lost a third.", "the past year", "P1Y")),
)  # fmt: skip
def _relative(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["t5"]:
        # "the year ended March 31", "the week ended Feb 22": a stretch of that length, whatever its end
        unit = m["u5"].lower()
        return _found(
            m, m.span("t5"), type="DURATION", value=duration_value(1, unit), granularity=UNITS[unit][3]
        )
    if m["t4"]:  # "over the weekend": the last one in a past sentence, the coming one in a future one
        return _pending(m, m.span("t4"), "DATE", "range", "rel", "weekend", 0, None, "tense")
    if m["t3"]:
        raw = m["t3"].lower()
        if raw.startswith("year-earlier"):
            return None
        unit, pre, rel, the = ("month" if raw.startswith("month") else "year"), "end", None, None
        span = m.span("t3")
        if m["y3"]:  # "year-end 1985"
            y = int(m["y3"])
            lo, hi = narrow(date(y, 1, 1), date(y, 12, 31), "END")
            return _found(m, span, type="DATE", value=f"{y:04d}", granularity="year", earliest=lo, latest=hi,
                          mod="END")  # fmt: skip
    elif m["t2"]:
        unit, pre, rel, the = m["unit2"].lower(), m["pre2"], (m["the2"] or "").strip() or None, None
        span = m.span("t2")
        if premod(pre) is None and not rel:
            return None  # "later the year"
        if rel is None and pre.lower().startswith(("early", "late", "mid")):
            return None  # "early the year" is not English; "early years" is not a date
    else:
        unit, pre, rel, the = m["unit"].lower(), m["pre"], m["rel"].lower(), m["the"]
        span = m.span("t")
        if m["rel"][0].isupper() and m["unit"][0].isupper() and not _sentence_start(ctx.text, m.start("rel")):
            return None  # "ABC's This Week": a name
    r = " ".join((rel or "this").split())
    if r == "the":
        r = "this"
    if the and r in ("previous", "following") and unit in ("week", "month", "year") and not pre:
        return None  # "the following year": a period counted from the narrative's (the anaphoric rule)
    if the and r in ("past", "coming", "next", "previous", "following") and not pre:
        # "the past year", "the next decade": a stretch of time, not a calendar period
        return _duration_found(m, span, 1.0, unit, r, None)
    if r in ("previous", "following") and not the and not pre:
        return None  # "the previous year" is relative to another event, not to the anchor
    step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "following": 1,
            "this coming": 1}.get(r, 0)  # fmt: skip
    mod = premod(pre)
    # "the end of the year" in a past-tense sentence said before that end: the previous one (tense decides)
    by_tense = rel in (None, "the") and unit in ("year", "month", "week", "quarter") and mod is not None
    return _pending(m, span, "DATE", _UNIT_GRAN.get(unit, unit), "rel", unit, step, _clip(pre),  # type: ignore[arg-type]
                    "tense" if by_tense else None, mod=mod)  # fmt: skip


@_rule(
    r"\b(?P<t>(?:(?P<pre>(?i:later|earlier|early|late))\s+)?(?P<which>(?i:that|that\s+same|the\s+same|the\s+following"
    r"|the\s+previous))\s+(?P<unit>(?i:day|week|month|year)))\b(?!-|\s+(?:of|and|or|to|is|was|has|had)\b)",
    kinds="cal tunit",
    back=24,
    examples=(("The plant opened in March 2014 and closed the following year.", "the following year", "2015"),
              ("Talks began on May 4, 2016; a deal came later that day.", "later that day", "2016-05-04"),
              ("Prices peaked in June 2015 and fell the same month.", "the same month", "2015-06")),
)  # fmt: skip
def _anaphoric(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """ "That year", "the same month", "the following day": a period counted from the one the narrative is at."""
    which = " ".join(m["which"].lower().split())
    step = 1 if which == "the following" else -1 if which == "the previous" else 0
    unit = m["unit"].lower()
    return _pending(m, m.span("t"), "DATE", unit, "follow", unit, step)  # type: ignore[arg-type]


_YEAR_PARTS = frozenset(_TIME["context"]["year_parts"])  # "the rest of the year", not "woman of the year"


@_rule(
    r"\b(?P<t>(?i:the)\s+(?:(?i:full|fiscal|whole|entire)\s+)?(?i:year))\b"
    r"(?![-'’]|\s+(?:(?:end(?:ed|ing)|to|before|after|earlier|ago|later|in\s+which|when|that|which|two)\b|\d))",
    kinds="cal",
    back=20,
    examples=(("Sales for the full year rose 13%.", "the full year", "2017"),
              ("Output rose in the first nine months of the year.", "the year", "2017"),
              ("She was named woman of the year.", "", ""),
              ("The year 2000 came and went.", "2000", "2000")),
)  # fmt: skip
def _the_year(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """ "For the year", "the full year": the year the story is told in (TimeML marks the definite year as a
    date; "the year ended March 31" is a stretch of a year, and "the year before" counts from another date)."""
    if _prev_word(ctx.text, m.start()).lower() == "of":
        lo = max(
            0, m.start() - 32
        )  # _prev_word reads "of" within 30 characters, however many spaces follow it
        of = lo + ctx.text[lo : m.start()].lower().rfind("of")
        if _prev_word(ctx.text, of).lower() not in _YEAR_PARTS:
            return None  # "woman of the year", "the story of the year"
    return _pending(m, m.span("t"), "DATE", "year", "rel", "year", 0, None, None)


@_rule(
    r"\b(?P<t>(?i:the\s+next\s+day|the\s+day\s+(?P<ba>before|after)(?=\s*[,.;:)]|\s*$)))\b",
    kinds="tunit",
    back=12,
    examples=(("Fire broke out on May 4, 2016; the next day the mill was shut.", "the next day", "2016-05-05"),
              ("Rebels took the town on May 4, 2016. The day before, they shelled it.", "The day before", "2016-05-03")),
)  # fmt: skip
def _day_after(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """ "The next day", "the day before," standing alone: the day after or before the one the narrative is at
    ("the day before the raid" counts from a happening, not a date: left alone)."""
    step = -1 if (m["ba"] or "").lower() == "before" else 1
    return _pending(m, m.span("t"), "DATE", "day", "follow", "day", step)


@_rule(
    r"\b(?P<t>(?i:the|that)\s+(?:(?P<adj>(?i:latest|most\s+recent|recent|just[\s-]ended|same|comparable"
    r"|corresponding|year[\s-](?:earlier|ago|before))|(?P<y>(?:19|20)\d\d))\s+)?(?i:fiscal\s+)?(?P<noun>(?i:quarter|period))"
    r"(?:\s+(?P<last>(?i:last\s+year|a\s+year\s+(?:earlier|ago)|the\s+previous\s+year)))?)\b(?!-|\s+of\b)"
    r"|\b(?P<t2>(?i:year-(?:earlier|ago)))\b(?!\s+(?:quarter|period)\b)",
    kinds="quarter period cal",
    back=30,
    examples=(
        (
            "Third-quarter profit rose 5% to $2 million from $1.9 million a year earlier.",
            "a year earlier",
            "2015-Q3",
        ),
        ("Sales in the latest quarter fell, the bank said.", "the latest quarter", "2016-Q4"),
        ("Profit in the year-earlier quarter was lower.", "the year-earlier quarter", "2015-Q4"),
    ),
)
def _narrative_period(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """ "The quarter", "the latest period", "the year-earlier quarter", "year-earlier (profit)": the period a
    report is about, found in the narrative (core.resolve) or, for a quarter, the last one ended."""
    if m["t2"]:
        return _pending(m, m.span("t2"), "DATE", "year", "ana", 1, "year", -1)
    adj = (m["adj"] or "").lower()
    back = -1 if adj.startswith("year") or m["last"] else 0
    return _pending(m, m.span("t"), "DATE", "quarter", "narr", m["noun"].lower(), back, m["y"])


_HOLIDAY_NAMES = {" ".join(name.split()): name for name in HOLIDAYS}


@_rule(
    rf"\b(?P<t>(?:(?P<rel>(?i:last|next|this))\s+)?(?P<name>{_alt(HOLIDAYS)})(?P<day>\s+Day)?"
    r"(?:,?\s+(?:of\s+)?(?P<y>(?:1[89]|20)\d\d)\b(?![.,]?\d))?)(?!\w)",
    kinds="hol mon",
    back=12,
    examples=(("The shops close on Christmas Eve.", "Christmas Eve", "2016-12-24"),
              ("The city paraded on Thanksgiving Day 1999.", "Thanksgiving Day 1999", "1999-11-25"),
              ("Turnout fell last Thanksgiving.", "last Thanksgiving", "2016-11-24"),
              ("Markets slow during Ramadan, traders say.", "Ramadan", "2017-05-27/2017-06-25")),
)  # fmt: skip
def _holiday(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """A named day ("Thanksgiving Day", "Good Friday") or period ("Ramadan"), from the time vocabulary."""
    name = _HOLIDAY_NAMES[" ".join(m["name"].split())]
    if m["day"] and name.endswith(("Day", "Eve")):
        return None  # "Christmas Day Day"
    if m["y"]:
        span = holiday(name, int(m["y"]))
        if span is None:
            return None
        lo, hi = span
        value = lo.isoformat() if lo == hi else f"{lo.isoformat()}/{hi.isoformat()}"
        return _found(m, m.span("t"), type="DATE", value=value, granularity="day" if lo == hi else "range",
                      earliest=lo, latest=hi)  # fmt: skip
    gran: Granularity = "range" if HOLIDAYS[name][0] == "islamic" else "day"
    return _pending(m, m.span("t"), "DATE", gran, "hol", name.replace(" ", "_"), _rel_how(m["rel"]))


@_rule(
    rf"\b(?P<t>(?:(?P<yr>(?i:the\s+year))\s+)?{_SPELLED_YEAR})\b(?![\s-]+(?:and\s+)?(?:{_ONES}|{_alt(_TENS)})\b)",
    kinds="spelled",
    back=20,
    examples=(("The plant was sold in nineteen ninety-six.", "nineteen ninety-six", "1996"),
              ("Plans for the year two thousand are ready.", "the year two thousand", "2000")),
)  # fmt: skip
def _spelled(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """A year in words, as broadcast transcripts write it."""
    y = _spelled_year(m)
    if (
        y is None
        or _QUANTITY_NOUNS.match(ctx.text, m.end())
        or (_COMPOUND.match(ctx.text, m.end()) and not (m["yr"] or m["c"]))
    ):
        return None  # "two thousand people", "nineteen twenty-dollar bills"
    if not m["c"] and not m["yr"] and _prev_word(ctx.text, m.start()).lower() not in _YEAR_CONTEXT:
        return None  # "two thousand" alone is a number
    return _found(m, m.span("t"), type="DATE", value=f"{y:04d}", granularity="year", earliest=date(y, 1, 1),
                  latest=date(y, 12, 31))  # fmt: skip


@_rule(
    r"\b(?P<t>(?P<w>(?i:today|tonight|yesterday|tomorrow))(?:\s+(?P<tod>morning|afternoon|evening|night))?"
    r"|(?i:the\s+day\s+(?P<ba>before\s+yesterday|after\s+tomorrow))"
    r"|(?P<this>(?i:this|last))\s+(?P<tod2>morning|afternoon|evening|night)"
    r"|(?i:mid-?\s?(?P<mtod>morning|afternoon))(?:\s+(?P<mw>(?i:today|yesterday|tomorrow)))?)\b(?!-)",
    kinds="deic night",
    back=16,
    examples=(("The minister resigned yesterday.", "yesterday", "2017-01-23"),
              ("Shares were up at mid-afternoon yesterday.", "mid-afternoon yesterday", "2017-01-23TAF"),
              ("Voting ends tomorrow evening.", "tomorrow evening", "2017-01-25TEV"),
              ("Shops stay shut today.", "today", "2017-01-24")),
)  # fmt: skip
def _deictic(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if (
        m["w"]
        and m["w"][0].isupper()
        and _prev_word(ctx.text, m.start())[:1].isupper()
        and not _sentence_start(ctx.text, m.start())
    ):
        return None  # "VOA Today", "USA Today": a name
    if m["ba"]:
        days, tod = (-2 if m["ba"].lower().startswith("before") else 2), None
    elif m["this"]:
        days, tod = (-1 if m["this"].lower() == "last" else 0), m["tod2"]
    elif m["mtod"]:  # "by mid-afternoon": that part of the anchor's day (or of the day named after it)
        if _prev_word(ctx.text, m.start()).lower() not in _AT_TIME_OF_DAY:
            return None  # "the mid-morning break": a kind of break
        days, tod = {"yesterday": -1, "tomorrow": 1}.get((m["mw"] or "").lower(), 0), m["mtod"].lower()
    else:
        w = m["w"].lower()
        days = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
        tod = "night" if w == "tonight" else m["tod"]
    if tod:
        return _pending(m, None, "TIME", "time", "day", days, TIMES_OF_DAY[tod])
    return _pending(m, None, "DATE", "day", "day", days, None)


# "Monday next week", "from Monday to Wednesday of last week": the week named after the day governs it
_WEEK_AFTER = re.compile(
    rf"(?:\s*(?:,|or|and|to)\s+{_WEEKDAY})*\s+(?:of\s+)?(?P<rel>(?i:last|next|this|the\s+following|the\s+previous))\s+(?i:week)\b(?!'s|-)"
)


def _week_after(ctx: _Ctx, end: int) -> int | None:
    """The week offset from the anchor's week that a following "next week" / "last week" names."""
    wm = _WEEK_AFTER.match(ctx.text, end)
    if wm is None:
        return None
    rel = wm["rel"].lower().split()[-1]
    return {"last": -1, "previous": -1, "next": 1, "following": 1}.get(rel, 0)


_SHARED_TOD = re.compile(rf",?\s+(?:and|or)\s+{_WEEKDAY}\s+(?P<tod>{_TOD})s\b")
_NAME_BEFORE_WEEKDAY = frozenset("black good easter super bloody ash palm cyber holy shrove maundy".split())
_NAME_AFTER_WEEKDAY = frozenset(
    "Times Telegraph Express Mirror Post Herald Star Mail Tribune Independent Observer Sport Night Edition "
    "School Service Club Show Magazine Review Trading League Football".split()
)


@_rule(
    rf"\b(?P<t>(?:(?P<rel>(?i:last|next|this|coming|past|this\s+past|this\s+coming))\s+)?(?P<wd>{_WEEKDAY})(?P<pl>s)?"
    rf"(?:\s+(?P<tod>{_TOD})(?P<tpl>s)?)?)\b",
    kinds="wd",
    back=12,
    examples=(("The minister resigned on Friday.", "Friday", "2017-01-20"),
              ("The board will meet on Friday.", "Friday", "2017-01-27"),
              ("Fighting resumed on Monday of last week.", "Monday", "2017-01-16"),
              ("The shop opens on Sundays.", "Sundays", "XXXX-WXX-7"),
              ("The club meets on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI")),
)  # fmt: skip
def _weekday(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    text = ctx.text
    if _prev_word(text, m.start()).lower() in _NAME_BEFORE_WEEKDAY and not m["rel"]:
        return None
    nxt = text[m.end() : m.end() + 30]
    nm = re.match(r"\s+([A-Z][a-z]+)", nxt)
    if nm and (nm.group(1) in _NAME_AFTER_WEEKDAY or _prev_word(text, m.start()) in ("the", "The")):
        return None  # "the Sunday Times", "Monday Night Football"
    wd = WEEKDAYS[m["wd"].lower()]
    tod = m["tod"]
    # "Monday and Tuesday nights": the plural is both days'
    shared = None if (m["pl"] or m["tpl"] or tod) else _SHARED_TOD.match(text, m.end())
    if shared:
        tod = shared["tod"]
    suffix = f"T{TIMES_OF_DAY[tod]}" if tod else ""
    if m["pl"] or m["tpl"] or shared:  # "on Sundays", "Tuesday nights": every such day (or part of it)
        return _found(m, type="SET", value=f"XXXX-WXX-{wd + 1}{suffix}", granularity="time" if tod else "day")
    week_off = None if m["rel"] else _week_after(ctx, m.end())
    typ: TimexType = "TIME" if tod else "DATE"
    return _pending(m, None, typ, "time" if tod else "day", "wd", wd, _rel_how(m["rel"]), week_off,
                    TIMES_OF_DAY[tod] if tod else None)  # fmt: skip


@_rule(
    rf"\b(?P<t>(?P<a>{_WEEKDAY})\s*(?:-|–|to|through|until|till|and)\s*(?P<b>{_WEEKDAY}))\b(?!\s+[A-Z][a-z])",
    kinds="wd",
    back=0,
    examples=(("Delegates met from Monday to Wednesday.", "Monday to Wednesday", "2017-01-16/2017-01-18"),),
)
def _weekday_range(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if "and" in m.group().split() and not re.search(
        r"(?i)\bbetween\s+$", ctx.text[max(0, m.start() - 9) : m.start()]
    ):
        return None  # "Monday and Tuesday" are two days
    a, b = WEEKDAYS[m["a"].lower()], WEEKDAYS[m["b"].lower()]
    return _pending(m, None, "DATE", "range", "wdr", a, b, _week_after(ctx, m.end()))


# ---------------------------------------------------------------------------------------------------------
# Rules: durations, "ago", present/past/future references, sets, clock times


def _number(raw: str | None) -> float | None:
    """The value of a number (digits or words); ``None`` for vague ones ("a few", "several")."""
    if raw is None:
        return None
    w = " ".join(raw.lower().split())
    if w in VAGUE_NUMBERS:
        return None
    if w.endswith((" 1/2", " and a half")):  # "2 1/2 years", "two and a half hours"
        whole = _number(w.rsplit(" 1/2", 1)[0] if w.endswith("1/2") else w[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    if w[0].isdigit():
        return float(w)
    tens, _, ones = w.replace("-", " ").partition(" ")
    if ones and tens in _TENS:  # "twenty-four", and "twenty four" as transcripts spell it
        return _TENS[tens] + NUMBER_WORDS.get(ones, 0)
    return NUMBER_WORDS.get(w)


def _unit_name(raw: str) -> str:
    u = raw.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def duration_value(n: float | None, unit: str) -> str:
    letter, mult, is_time, _ = UNITS[unit]
    if n is None:
        special = {"decade": "DE", "century": "CE"}.get(unit)
        return f"PT X{letter}".replace(" ", "") if is_time else f"PX{special or letter}"
    total = n * mult
    if total != int(total) and (lower := _LOWER_UNIT.get(letter if not is_time else "T" + letter)):
        # "2 1/2 years": P2Y6M; "a minute and a half": PT1M30S (TIMEX3 writes no fractions where it can help it)
        part, factor = lower
        rest = round((total - int(total)) * factor)
        whole = f"{int(total)}{letter}" if int(total) else ""
        return f"PT{whole}{rest}{part}" if is_time else f"P{whole}{rest}{part}"
    num = str(int(total)) if total == int(total) else f"{total:g}"
    return f"PT{num}{letter}" if is_time else f"P{num}{letter}"


_LOWER_UNIT = {"Y": ("M", 12), "W": ("D", 7), "TH": ("M", 60), "TM": ("S", 60)}


_QUANT_MOD = {
    "about": "APPROX", "around": "APPROX", "almost": "APPROX", "nearly": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "some": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN",
    "well over": "MORE_THAN", "just over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "just under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}  # fmt: skip


def _duration_found(
    m: re.Match[str],
    span: tuple[int, int],
    n: float | None,
    unit: str,
    rel: str | None,
    quant: str | None,
    typ: TimexType = "DURATION",
) -> _Found:
    """A duration; "the past three years", "the next decade" also get bounds from the anchor (``span``)."""
    mod = _QUANT_MOD.get(" ".join(quant.lower().split())) if quant else None
    value = duration_value(n, unit)
    r = (rel or "").lower()
    if r in ("past", "last", "recent", "next", "coming", "this past"):
        found = _pending(m, span, typ, UNITS[unit][3], "span", value, n, unit,
                         "next" if r in ("next", "coming") else "past", mod=mod)  # fmt: skip
        return found
    return _found(m, span, type=typ, value=value, granularity=UNITS[unit][3], mod=mod)


_COMPOUND = re.compile(
    r"\s+(?!(?:and|or|but|to|in|on|at|by|for|of|from|with|ago|old|later|earlier)\b)[a-z]{3,}\b"
)
_LEFT_OUT = re.compile(r"(?:(?i:about|just|only|over)\s+)+")
_AGE = re.compile(r"(?:-|\s)(?:old|older|younger)\b|\s+of\s+age\b|\s+and\s+(?:older|over|above|up)\b")


@_rule(
    rf"\b(?P<t>(?:(?P<the>(?i:the))\s+(?:(?P<rel>(?i:past|last|next|coming|previous|first|following|final|remaining"
    rf"|recent|latest|this\s+past))\s+)?)?(?:(?P<q>{_QUANT})\s+)?\b(?P<n>{_NUM})(?P<sep>[\s-]+)(?:{_QUAL}\s+)?(?P<unit>(?i:{_UNIT}))\b)"
    rf"(?P<ago>\s+(?i:ago|from\s+now|hence|before|earlier|later|after|on))?",
    kinds="cal tunit plural hours night cent quarter",
    back=34,
    examples=(("The strike lasted three weeks.", "three weeks", "P3W"),
              ("The mine opened two years ago.", "two years ago", "2015"),
              ("The mine opened just two years ago.", "two years ago", "2015"),
              ("The talks ran for 90 minutes.", "90 minutes", "PT90M"),
              ("The vigil went on for twenty four hours.", "twenty four hours", "PT24H"),
              ("Sales fell over the past six months.", "the past six months", "P6M"),
              ("They lived in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
              ("The talks lasted five and a half hours.", "five and a half hours", "PT5H30M"),
              ("The index fell for six straight days.", "six straight days", "P6D"),
              ("The troops will stay two more weeks.", "two more weeks", "P2W"),
              ("Rebels ended the eight-year war.", "eight-year", "P8Y"),
              ("Talks end the 30-day truce.", "30-day", "P30D")),
)  # fmt: skip
def _duration(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    text = ctx.text
    unit = _unit_name(m["unit"])
    plural = m["unit"].lower().endswith(("s", "ies"))
    n = _number(m["n"])
    nraw = m["n"].lower()
    if m.start() > 0 and text[m.start() - 1] in "$£€.,-/":
        return None
    if _AGE.match(text, m.end("t")):
        return None  # "22-year-old", "six months and older"
    if (nraw in ("a", "an") and unit in ("second", "minute")) or (nraw in ("a", "an") and plural):
        return None  # "a second time"
    if nraw in ("the", "some", "many", "several", "a few", "few") and not plural:
        return None
    if (
        n is not None
        and n != 1
        and not plural
        and m["sep"].strip() != "-"
        and not _COMPOUND.match(text, m.end("t"))
    ):
        return None  # "two year" is no duration, unless it qualifies a noun ("a two day rally")
    if n is not None and n == 1 and plural:
        return None
    if n is not None and n > 1000:
        return None
    if m["sep"].strip() == "-" and not nraw[0].isdigit() and nraw in ("a", "an"):
        return None
    ago = (m["ago"] or "").strip().lower()
    if ago in ("ago", "from now", "hence") and m["sep"].strip() != "-":
        return _ago(m, n, unit, ago)
    if (
        unit == "year"
        and n is not None
        and m["sep"].strip() != "-"
        and not m["rel"]
        and (
            (ago in ("earlier", "later") and not _THAN.match(text, m.end()))
            or (ago in ("before", "after") and _CLAUSE_END.match(text, m.end()))
        )
    ):
        # "sales rose from a year earlier": a point, counted from the time the narrative is at. (TimeML
        # reads "three days later" as a duration; a year-on-year comparison as the year compared with.)
        sign = -1 if ago in ("earlier", "before") else 1
        return _pending(m, (m.start("t"), m.end("ago")), "DATE", _period_gran(unit), "ana", n, unit, sign)
    prev = _prev_word(text, m.start()).lower()
    # "5 dlrs a day", "twice a week": a rate; but "44 mln a year earlier" is a stretch back in time
    if (
        nraw in ("a", "an")
        and not ago
        and (prev in _SET_AMOUNT_WORDS or _AMOUNT_BEFORE.search(text, max(0, m.start() - 12), m.start()))
    ):
        return _found(m, m.span("t"), type="SET", value=duration_value(1, unit), granularity=UNITS[unit][3])
    if unit == "quarter" and (
        nraw in ("a", "an", "one") or re.match(r"\s+of\b", text[m.end("t") : m.end("t") + 4])
    ):
        return None  # "a quarter of the population", "three-quarters of its food"
    if unit == "second" and not plural:
        return None
    span = m.span("t")
    if m["the"] and not m["rel"] and not m["q"] and not plural:
        # "the eight-year war", "the two day rally": the article is the noun's; the expression is the measure
        span = (m.start("n"), span[1])
    if m["q"] and not m["the"]:
        # TimeML leaves "about", "just", "only" and "over" out of the expression (the modifier keeps them)
        lead = _LEFT_OUT.match(ctx.text, m.start("q"))
        if lead is not None and lead.end() <= m.start("n"):
            span = (lead.end(), span[1])
    return _duration_found(m, span, n, unit, m["rel"], m["q"])


@_rule(
    rf"\b(?P<a>\d{{1,3}}|(?i:{_NUM_WORD}))\s*(?:-|–|to|and|or)\s*(?P<b>(?P<bn>\d{{1,3}}|(?i:{_NUM_WORD}))\s+"
    r"(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades)))\b",
    kinds="plural hours",
    back=30,
    examples=(("Repairs take 12 to 18 months.", "18 months", "P18M"),),
)
def _duration_pair(m: re.Match[str], ctx: _Ctx) -> list[_Found] | None:
    """ "12 to 18 months": two durations, the first borrowing the unit of the second."""
    if (m.start() > 0 and ctx.text[m.start() - 1] in "$£€.,-/") or _AGE.match(ctx.text, m.end()):
        return None
    unit = _unit_name(m["unit"])
    first, second = _number(m["a"]), _number(m["bn"])
    if first is None or second is None or first >= second:
        return None
    return [
        _duration_found(m, m.span("a"), first, unit, None, None),
        _duration_found(m, m.span("b"), second, unit, None, None),
    ]


_AMOUNT_BEFORE = re.compile(r"(?:\d|%|\bmillion|\bbillion|\bmln|\bbln)\s*$")
_SET_AMOUNT_WORDS = frozenset(
    {"dlrs", "dollars", "euros", "pounds", "tonnes", "barrels", "bpd", "percent", "pct"}
)


_THAN = re.compile(r"\s+than\b")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\"”]|$)")


def _period_gran(unit: str) -> Granularity:
    """The granularity of a point so many units away: "three nights ago" is a day, "a fortnight ago" a week."""
    gran = UNITS[unit][3]
    return "day" if gran == "time" else gran


def _ago(m: re.Match[str], n: float | None, unit: str, how: str) -> _Found:
    span = (m.start("t"), m.end("ago"))
    if m["q"] and m["q"].lower() in ("just", "only") and not m["the"]:
        span = (m.start("n"), span[1])  # "just a decade ago": TimeML leaves the focus word out
    gran: Granularity = UNITS[unit][3]
    if gran == "time":
        gran = "day"
    # "a fortnight ago" is a week, "three nights ago" a day: the period is the unit's granularity
    mod = "APPROX" if n is None else None  # "a few weeks ago": some units back
    return _pending(m, span, "DATE", gran, "ago", n, unit, -1 if how == "ago" else 1, mod=mod)


@_rule(
    r"\b(?P<t>(?i:(?P<rel>recent|the\s+(?:past|last|next|coming)(?:\s+(?:few|several))?)\s+)"
    r"(?P<unit>(?i:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries)))\b"
    r"|\b(?i:for|over|within|in|after|takes?|took|taking|lasted|spent|spend)\s+"
    r"(?P<t2>(?i:seconds|minutes|hours|days|weeks|months|years|decades))\b(?!\s+(?:of|to|ago|old|earlier|later))"
    r"|\b(?P<t3>(?i:minutes|hours|days|weeks|months|years))\s+(?i:before|after|later|earlier)\b",
    kinds="plural hours",
    back=24,
    examples=(("Tension has grown in recent weeks.", "recent weeks", "PXW"),
              ("The case could drag on for years.", "years", "PXY")),
)  # fmt: skip
def _vague_duration(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    for g in ("t2", "t3"):
        if m[g]:
            return _duration_found(m, m.span(g), None, _unit_name(m[g]), None, None)
    rel = m["rel"].lower().split()
    return _duration_found(
        m, m.span("t"), None, _unit_name(m["unit"]), rel[1] if len(rel) > 1 else rel[0], None
    )


@_rule(
    r"\b(?P<t>(?i:now|currently|nowadays|presently|at\s+present|these\s+days|right\s+now|at\s+the\s+moment"
    r"|the\s+present(?:\s+day)?))\b(?![-–]\w)"
    r"|\b(?P<past>(?i:recently|lately|the\s+past))\b(?!\s+(?:\d|few|several|many|decades?|years?|months?|weeks?"
    r"|days?|hours?|century|quarter|weekend|summer|winter|autumn|spring|fall|two|three|four|five|six|seven|eight"
    r"|nine|ten|twelve|\w+teen|twenty|thirty|forty|fifty)\b)"
    r"|\b(?P<fut>(?i:the\s+(?:near\s+|foreseeable\s+|distant\s+)?future))\b",
    kinds="ref",
    back=16,
    examples=(("The mayor is now under pressure.", "now", "PRESENT_REF"),
              ("Ferries run again now that the storm has passed.", "now", "PRESENT_REF"),
              ("Prices have recently eased.", "recently", "PAST_REF"),
              ("Rates will rise in the near future.", "the near future", "FUTURE_REF")),
)  # fmt: skip
def _ref(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    text = ctx.text
    if m["t"]:
        word = m["t"].lower()
        if word.startswith("the present") and re.match(r"\s+[a-z]", text[m.end() : m.end() + 2]):
            return None  # "the present government"
        if word == "presently" and tense(text, *m.span()) == "future":
            return None  # old sense "soon"
        return _pending(m, m.span("t"), "DATE", "unknown", "ref", "PRESENT_REF")
    if m["past"]:
        return _pending(m, m.span("past"), "DATE", "unknown", "ref", "PAST_REF")
    return _pending(m, m.span("fut"), "DATE", "unknown", "ref", "FUTURE_REF")


@_rule(
    rf"\b(?P<t>(?i:every|each)\s+(?:(?P<n>other|{_NUM_WORD}|\d+)\s+)?(?P<unit>(?i:{_UNIT}|weekend)"
    rf"|{_WEEKDAY}(?:\s+(?P<wtod>{_TOD}))?|(?P<smon>{_MONTH_FULL})(?!\s+\d)|(?i:morning|afternoon|evening|night|spring|summer|autumn|fall"
    r"|winter|season)))\b"
    rf"|\b(?P<adv>(?i:{_alt(_SET_ADVERBS)}))\b"
    r"|\b(?P<freq>(?i:once|twice|(?:\w+|\d+)\s+times)\s+(?:a|an|per|each|every)\s+(?P<funit>(?i:day|week|month|year|decade)))\b"
    r"|\b(?i:per)\s+(?P<per>(?i:day|week|month|year|annum))\b",
    kinds="cal tunit plural hours night cent quarter wd deic season adv mon",
    back=16,
    examples=(("The council meets every month.", "every month", "P1M"),
              ("Pilgrims gather here each August.", "each August", "XXXX-08"),
              ("The choir sings every Sunday morning.", "every Sunday morning", "XXXX-WXX-7TMO"),
              ("The paper is printed weekly.", "weekly", "P1W"),
              ("Guards patrol twice a day.", "twice a day", "P1D")),
)  # fmt: skip
def _set(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["adv"]:
        if m["adv"][0].isupper() and re.match(r"\s+[A-Z]", ctx.text[m.end() : m.end() + 2]):
            return None  # "Daily Telegraph"
        if m["adv"].lower() in ("daily", "weekly", "monthly") and _publication(ctx.text, m.end()):
            return None
        if _ADJECTIVE_USE.match(ctx.text, m.end()):
            return None  # "its quarterly dividend", "average daily volume": a kind of thing, not a recurrence
        return _found(m, type="SET", value=_SET_ADVERBS[m["adv"].lower()], granularity="unknown")
    if m["freq"]:
        unit = m["funit"].lower()
        return _found(m, type="SET", value=duration_value(1, unit), granularity=UNITS[unit][3])
    if m["per"]:
        unit = "year" if m["per"].lower() == "annum" else m["per"].lower()
        return _found(m, m.span("per"), type="SET", value=duration_value(1, unit), granularity=UNITS[unit][3])
    raw = m["unit"]
    low = raw.lower()
    if m["smon"]:  # "every July": the month of every year
        return _found(m, m.span("t"), type="SET", value=f"XXXX-{_month_of(raw):02d}", granularity="month")
    if m["wtod"]:  # "every Tuesday night"
        wd, tod = WEEKDAYS[low.split()[0]] + 1, TIMES_OF_DAY[m["wtod"]]
        return _found(m, m.span("t"), type="SET", value=f"XXXX-WXX-{wd}T{tod}", granularity="time")
    if low in WEEKDAYS:
        return _found(m, m.span("t"), type="SET", value=f"XXXX-WXX-{WEEKDAYS[low] + 1}", granularity="day")
    if low in TIMES_OF_DAY:
        return _found(m, m.span("t"), type="SET", value=f"XXXX-XX-XXT{TIMES_OF_DAY[low]}", granularity="time")
    if low in SEASONS:
        return _found(m, m.span("t"), type="SET", value=f"XXXX-{SEASONS[low]}", granularity="season")
    if low == "season":
        return _found(m, m.span("t"), type="SET", value="P1Y", granularity="year")
    if low.startswith("weekend"):
        return _found(m, m.span("t"), type="SET", value="XXXX-WXX-WE", granularity="range")
    unit = _unit_name(low)
    n = 2.0 if (m["n"] or "").lower() == "other" else _number(m["n"]) if m["n"] else 1.0
    return _found(m, m.span("t"), type="SET", value=duration_value(n, unit), granularity=UNITS[unit][3])


# A frequency word right before a noun is an adjective ("quarterly dividend"), which TimeML leaves alone; one
# before a verb, a preposition or the end of a clause is an adverb ("paid quarterly", "rise 8% annually").
_ADJECTIVE_USE = re.compile(
    r"\s+(?!(?:and|or|but|nor|so|yet|to|in|on|at|by|for|from|with|without|since|through|throughout|until|till"
    r"|as|than|the|a|an|this|that|these|those|its|their|his|her|our|is|are|was|were|be|been|will|would|can|could"
    r"|may|might|should|must|has|have|had|do|does|did|over|under|into|onto|across|around|about|after|before"
    r"|during|within|per|each|every|all|both|up|down|out|off|again|instead|there|here|if|when|while|because"
    r"|although|though|unless|whereas|basis|rate|average)\b)(?![a-z]+ly\b)[a-z]{3,}"
)

_REPORTED = r"(?:said|says|reported|reports|quoted|wrote|added|carried|cited|did|published)\b"
# "the daily said", "a daily newspaper", "the daily Izvestia said", "the weekly Die Zeit in an interview"
_PUBLICATION_AFTER = re.compile(
    rf"\s+(?:(?:newspaper|paper|magazine|journal)s?\b|{_REPORTED}"
    rf"|(?:(?:[A-Z][a-z][\w'-]*|al-\w+|el-\w+)\s*){{1,3}}(?:[,.;:]|(?<=\s)(?:{_REPORTED}|(?:as|in|on|that)\b)))"
)


def _publication(text: str, end: int) -> bool:
    """ "the daily said", "the Japanese daily Asahi Shimbun said": a newspaper, not a rate."""
    return _PUBLICATION_AFTER.match(text, end) is not None


_TZ = r"(?:GMT|UTC|[A-Z][SD]T|CET|BST|local\s+time)"
# words before "midday", "mid-afternoon" that make them a time of day rather than a kind of thing
_AT_TIME_OF_DAY = frozenset(_TIME["context"]["time_of_day_before"])
_DAY_AFTER_CLOCK = (
    r"(?:,?\s+(?:on\s+)?(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday)"
    rf"|(?P<cmon>{_MONTH})\s+(?P<cday>[0-3]?\d)\b(?![,.]?\d)))?"
)


@_rule(
    r"\b(?P<t>(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b|[AP]M\b|o'clock\b)"
    rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?=\s*{_TZ}\b)|(?P<nm>(?i:noon|midnight|midday)\b))"
    rf"(?:\s*{_TZ}\b)?{_DAY_AFTER_CLOCK})",
    kinds="clock",
    back=10,
    examples=(("The polls close at 8 p.m. today.", "8 p.m. today", "2017-01-24T20:00"),
              ("The blast happened at 6:30 a.m.", "6:30 a.m.", "2017-01-24T06:30"),
              ("The court sits again at midday.", "midday", "2017-01-24T12:00"),
              ("The offer runs until 5 p.m. EST Feb. 3.", "5 p.m. EST Feb. 3", "2017-02-03T17:00"),
              ("The blast came at 9:20 a.m. (0620 GMT) Friday.", "9:20 a.m.", "2017-01-20T09:20")),
)  # fmt: skip
def _clock(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["nm"]:
        if _prev_word(ctx.text, m.start()).lower() == "high":
            return None  # "high noon": the showdown, not the hour
        if m["nm"].lower() == "midday" and _prev_word(ctx.text, m.start()).lower() not in _AT_TIME_OF_DAY:
            return None  # "the midday meal"
        hh, mi = (24 if m["nm"].lower() == "midnight" else 12), "00"
    elif m["h2"]:
        hh, mi = int(m["h2"]), m["mi2"]
    else:
        ap = m["ap"].lower().replace(".", "")
        if ap == "o'clock" and _PART_AFTER_CLOCK.match(ctx.text, m.end("ap")):
            return None  # "3 o'clock in the afternoon": the part of the day tells the hour (_clock_part)
        hh, mi = int(m["h"]), m["mi"]
        if ap in ("am", "pm"):
            if not 1 <= hh <= 12:
                return None
            hh = hh % 12 + (12 if ap == "pm" else 0)
    clock = f"T{hh:02d}:{mi or '00'}"  # TIMEX3 writes the minutes of a whole hour: "8 p.m." is T20:00
    return _pending(m, None, "TIME", "time", "clock", clock, _clock_day(m, ctx.text), 0)


_HOUR_WORD = _alt(_SMALL[1:13])
_PART_AFTER_CLOCK = re.compile(r"\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b")
_BEFORE_CLOCK_PART = frozenset("at by until till before after around".split())
_PART_OF_DAY = {"morning": 0, "afternoon": 12, "evening": 12, "night": 12}  # hours to add to 1-11


@_rule(
    rf"\b(?P<t>(?P<h>1[0-2]|[1-9]|(?i:{_HOUR_WORD}))(?:\s+o'clock)?\s+(?:in\s+the\s+(?P<p>morning|afternoon|evening)"
    r"|at\s+(?P<n>night)))\b",
    kinds="deic night",
    back=22,
    examples=(("The raid began at four in the morning.", "four in the morning", "2017-01-24T04:00"),
              ("The polls shut at 9 o'clock at night.", "9 o'clock at night", "2017-01-24T21:00")),
)  # fmt: skip
def _clock_part(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """An hour told with its part of the day, "at four in the morning": only after "at"/"by"/"until" (a count
    "in the morning" is no time: "two in the morning session")."""
    if _prev_word(ctx.text, m.start()).lower() not in _BEFORE_CLOCK_PART:
        return None
    h = m["h"].lower()
    hh = int(h) if h.isdigit() else int(NUMBER_WORDS[h])
    part = m["p"] or m["n"]
    if part == "night" and hh == 12:
        hh = 24  # midnight, as "midnight" is written
    elif part != "night" or hh >= 6:
        hh = hh % 12 + _PART_OF_DAY[part]  # ("one at night" is in the small hours: kept)
    return _pending(m, None, "TIME", "time", "clock", f"T{hh:02d}:00", None, 0)


def _clock_day(m: re.Match[str], text: str) -> str | None:
    """The day right after a clock time: a word ("8 p.m. Friday", "noon tomorrow", lowered) or a day of a
    month ("5 p.m. EST Nov. 12": ``11/12``); or a day word after the same time in another zone, set off in
    brackets ("at 9:20 a.m. (0620 GMT) Friday": both times are Friday's, the span of each is its own)."""
    if m["cmon"]:
        return f"{_month_of(m['cmon'])}/{int(m['cday'])}"
    if m["wd"]:
        return m["wd"].lower()
    aside = _DAY_AFTER_ASIDE.match(text, m.end())
    return aside["wd"].lower() if aside else None


_DAY_AFTER_ASIDE = re.compile(
    r"\s*(?:\([^()\n]{1,40}\)|\))\s*,?\s*(?:on\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday)\b"
)


_CLOCK24_BEFORE = frozenset("at from between until till by before after around about since to".split())
_SCHEDULED = frozenset("set scheduled fixed called planned slated due".split())


def _clock_before(text: str, start: int) -> bool:
    """ "at 1900 hours", "set for 1900 hours": words before a number that make it a time of day."""
    prev = _prev_word(text, start)
    low = prev.lower()
    if low == "for":
        return _prev_word(text, start - len(prev) - 1).lower() in _SCHEDULED
    return low in _CLOCK24_BEFORE


@_rule(
    rf"\b(?P<a>(?:[01]\d|2[0-3])[0-5]\d)(?:\s*(?:-|–|to|and|until|till)\s*(?P<b>(?:[01]\d|2[0-3])[0-5]\d))?"
    rf"\s*(?P<mark>(?:hrs|HRS|hours)(?:\s+(?:{_TZ}|local)\b)?|{_CLOCK_MARK}){_DAY_AFTER_CLOCK}",
    kinds="clock hours",
    back=24,
    examples=(
        ("The curfew starts at 2100 hours.", "2100 hours", "2017-01-24T21:00"),
        ("The blast came at 9:20 a.m. (0620 GMT) Friday.", "0620 GMT", "2017-01-20T06:20"),
    ),
)
def _clock24(m: re.Match[str], ctx: _Ctx) -> list[_Found] | None:
    """A 24-hour clock time written as four digits ("0336 GMT", "from 1800 to 2100 hrs"): one TIME per end."""
    if m["mark"] == "hours" and not (m["b"] or m["a"][0] == "0" or _clock_before(ctx.text, m.start())):
        return None  # "1200 hours of work" is a duration
    day = _clock_day(m, ctx.text)

    def at(clock: str, span: tuple[int, int], later: int = 0) -> _Found:
        return _pending(m, span, "TIME", "time", "clock", f"T{clock[:2]}:{clock[2:]}", day, later)

    if m["b"]:
        # "2300 to 0200 gmt" ends the next day
        return [at(m["a"], m.span("a")), at(m["b"], (m.start("b"), m.end()), 1 if m["b"] < m["a"] else 0)]
    return [at(m["a"], m.span())]


# ---------------------------------------------------------------------------------------------------------
# Driver


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes (sre tries one branch per first letter)."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")" if len(alts) > 1 or "" in node else alts[0]
        return body + "?" if "" in node else body

    return emit(root)


_ANCHOR_WORDS: dict[str, str] = {}
for _kind, _words in {
    "mon": " ".join(w for m in [*_TIME["months"]["full"], *_TIME["months"]["abbr"]] for w in (m, m.upper())),
    "wd": " ".join(f"{d} {d}s" for d in _TIME["weekdays"]["full"]),
    "cal": "week weekend month year decade",
    "tunit": "second minute hour day fortnight",
    "plural": "seconds minutes days nights weeks weekends fortnights months quarters years decades",
    "hours": "hours",  # the plural rules and four-digit clock times ("1900 hours")
    "night": "night",
    "cent": "century centuries",
    "quarter": "quarter",
    "period": "period",
    "qtr": "qtr",
    "half": "half",
    "season": "spring summer autumn fall winter season",
    "hol": " ".join(sorted({n.split()[0].split("'")[0] for n in HOLIDAYS} - {"May"})),
    "spelled": " ".join(_CENTURIES) + " thousand",
    "decw": " ".join(_DECADE_WORDS),
    "deic": "today tonight yesterday tomorrow morning afternoon evening",
    "ref": "now currently nowadays presently present recently lately past future moment these",
    "adv": " ".join(_SET_ADVERBS),
    "clock": "a.m p.m am pm AM PM GMT UTC EST EDT CST CDT MST MDT CET BST PST PDT noon midnight midday o'clock hrs HRS gmt utc "
    "local",
}.items():
    for _w in _words.split():
        _ANCHOR_WORDS[_w] = _kind
        if _w.islower() and _kind not in ("mon", "wd") and "." not in _w and _w not in ("am", "pm"):
            _ANCHOR_WORDS[_w.capitalize()] = _kind

# One fast pass finds anchor words (a prefix-factored, case-sensitive alternation: an order of magnitude
# faster than a case-insensitive one); the rules registered for an anchor's kind are then matched at the few
# word starts just before it. Every time expression contains at least one anchor.
_ANCHOR_BODY = (
    r"(?:" + _trie(list(_ANCHOR_WORDS)) + r"\b|1\d(?:\d\d\b|\d0'?s\b)|20\d(?:\d\b|0'?s\b)|Q[1-4]\b"
    r"|\d{1,2}(?:[:.][0-5]\d)?[apAP][mM]\b)"  # the last: "3pm", "10:30am"
)
# An anchor starts a word: the scan looks for an ASCII non-word character followed by one (sre skips to such
# characters in a tight loop, several times faster than testing a word boundary at every offset); a non-ASCII
# letter before it is weeded out after, and the text's first word is matched on its own.
_ANCHOR = re.compile(r"[^A-Za-z0-9_](" + _ANCHOR_BODY + ")")
_ANCHOR_AT_START = re.compile(_ANCHOR_BODY)
_SHORT_DECADE = re.compile(r"'\d0s\b")  # "the '90s"; a separate pass keeps the main one fast
_MAX_BACK = 40
# Words that can open a time expression before its anchor ("the end of last year", "more than a decade",
# "Tuesday, January 24"): a match is only tried from the unbroken run of these just before an anchor.
_PREFIX_WORDS = frozenset(
    "the a an this last next past coming previous following current early earlier mid late later end start "
    "beginning middle close turn very of in during over by until till through throughout since for within after "
    "take takes took taking lasted spent spend about around almost nearly more less fewer than at least most up "
    "to roughly approximately some just mere only well under every each other once twice times per recent few "
    "several many dozens hundreds number couple dozen fiscal calendar "
    "financial and or from between right these day before hundred half st nd rd th near foreseeable distant latest "
    "recent same comparable corresponding that year year's ago ended its their".split()
    + [w.lower() for w in _SMALL]
    + list(_TENS)
    + list(_ORDINAL_WORDS)
    + ["final", "remaining", "o'clock"]
    + list(_TIME["durations"]["qualifiers"])
    + [w.lower() for w in _TIME["weekdays"]["full"]]
    + [w.lower() for w in _TIME["weekdays"]["abbr"]]
)


def _anchor_kind(word: str) -> str:
    kind = _ANCHOR_WORDS.get(word)
    if kind:
        return kind
    if word[0] == "Q":
        return "qtr"
    if word[-1] in "mM":
        return "clock"  # "3pm", "10:30am": the clock's last digit, glued to its am/pm
    return "dec" if word[-1] == "s" else "yr"


def _anchors(text: str) -> list[tuple[int, int, str]]:
    out = []
    first = _ANCHOR_AT_START.match(text)
    if first is not None:
        out.append((0, first.end(), _anchor_kind(first.group())))
    for m in _ANCHOR.finditer(text, first.end() if first is not None else 0):
        c = m.group()[0]
        if c < "\x80" or not c.isalnum():
            p, q = m.span(1)
            out.append((p, q, _anchor_kind(m.group(1))))
    if "'" in text:
        out.extend((m.start(), m.end(), "dec") for m in _SHORT_DECADE.finditer(text))
    return out


# One step back from an offset, matched on the reversed text: the separators, then the word before them.
_BACK_STEP = re.compile(r"[ \t\n,\-–:./]*((?:[^\W_]|')+)")


def _starts(text: str, rtext: str, p: int) -> list[int]:
    """Word starts of the run of prefix words (and numbers) just before ``p``, then ``p`` itself.

    ``rtext`` is ``text`` reversed: each step back is one match there. Words are letters, digits and
    apostrophes; a word cut by the window's edge ends the run."""
    out = [p]
    n = len(text)
    lo = max(0, p - _MAX_BACK)
    i = p
    while True:
        m = _BACK_STEP.match(rtext, n - i, n - lo)
        if m is None:
            break
        k = n - m.end(1)
        if k == lo and lo > 0:
            break
        w = text[k : n - m.start(1)]
        if not (w[0].isdigit() or w[0] == "'" or w.lower() in _PREFIX_WORDS):
            break
        out.append(k)
        i = k
    out.reverse()
    return out


# Furniture whose dates are not time expressions of the story. A dateline's day is one ("SALVADOR, Feb 26 -":
# the day the story was filed), and the publication date's best clue.
_BLOCKING = NON_CONTENT - {"dateline"}


def _blocked(furniture: list[Furniture]) -> Callable[[int], bool]:
    """Whether an offset lies in furniture that carries no content (as ``FurnitureIndex.kind`` finds it:
    the furniture starting last at or before the offset)."""
    items = sorted(furniture, key=lambda f: f.start)
    if not any(f.kind in _BLOCKING for f in items):
        return lambda offset: False
    starts = [f.start for f in items]
    ends = [f.end if f.kind in _BLOCKING else -1 for f in items]

    def blocked(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    return blocked


# anchor kind -> (match, handler, back, rule id) of its rules, in the order they were registered
_RULE_TABLE: dict[str, tuple[tuple[Callable[[str, int], re.Match[str] | None], Handler, int, int], ...]] = {
    kind: tuple((r.pattern.match, r.handler, r.back, id(r)) for r in rules) for kind, rules in _RULES.items()
}


def _find_all(text: str, ctx: _Ctx, blocked: Callable[[int], bool]) -> list[_Found]:
    found: list[_Found] = []
    seen: set[tuple[int, int, int]] = set()
    rtext = text[::-1]
    for p, q, kind in _anchors(text):
        budget.check()  # the article's time budget (core/budget.py)
        if blocked(p):
            continue
        starts: list[int] | None = None
        for match, handler, back, rid in _RULE_TABLE[kind]:
            if back < 0:
                cands: Iterable[int] = (q,)
            elif back == 0:
                cands = (p,)
            else:
                if starts is None:
                    starts = _starts(text, rtext, p)
                lo = p - back
                cands = starts if starts[0] >= lo else [s for s in starts if s >= lo]
            for s in cands:
                m = match(text, s)
                if m is None or (back >= 0 and m.end() <= p):
                    continue
                key = (rid, m.start(), m.end())
                if key in seen:
                    break
                seen.add(key)
                try:
                    res = handler(m, ctx)
                except (ValueError, OverflowError, KeyError):  # a date out of range: not a time expression
                    continue
                if res is None:
                    continue
                for f in res if isinstance(res, list) else (res,):
                    # trim whitespace a group may have kept at the edges
                    while f.start < f.end and text[f.start].isspace():
                        f.start += 1
                    while f.end > f.start and text[f.end - 1].isspace():
                        f.end -= 1
                    if f.end > f.start and not blocked(f.start):
                        found.append(f)
                break
    # longest first; keep a candidate only when it overlaps nothing already kept (the characters kept ones
    # cover are marked: a date-dense text has thousands of candidates, too many to compare in pairs)
    found.sort(key=lambda f: (f.start - f.end, f.start))
    kept: list[_Found] = []
    taken = bytearray(len(text))
    for f in found:
        if taken.find(1, f.start, f.end) >= 0:
            continue
        kept.append(f)
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    kept.sort(key=lambda f: f.start)
    return kept


_new_timex = trusted(TimeExpression)  # built from values found here: no validation needed


def find(article: Article) -> list[TimeExpression]:
    """The time expressions of ``article`` as its text alone gives them (first pass: no publication date).

    Expressions that need the anchor carry a placeholder and an unresolved value; every date also carries the
    tense of its sentence (``past``/``future``/``None``), which the resolver and the DCT inference read."""
    text = article.text
    ctx = _Ctx(text=text)
    dated = bool(article.published_given)  # its date is given: no clue to its date is needed
    datelines = [(f.start, f.end) for f in article.furniture if f.kind == "dateline"]
    out: list[TimeExpression] = []
    for f in _find_all(text, ctx, _blocked(article.furniture)):
        value, gran, lo, hi = f.value, f.granularity, f.earliest, f.latest
        if f.placeholder is not None:
            value, gran, lo, hi = resolve.unresolved(f.placeholder)
        when = None
        if (
            f.type in ("DATE", "TIME")
            and _needs_tense(f, dated)
            and not any(a <= f.start < b for a, b in datelines)
        ):
            when = tense(text, f.start, f.end)  # (a dateline's day has no tense: it is the day of filing)
        out.append(
            _new_timex(
                id=f"{article.id}:t{len(out) + 1}",
                article=article.id,
                start=f.start,
                end=f.end,
                text=text[f.start : f.end],
                type=f.type,
                value=value,
                granularity=gran,
                earliest=lo,
                latest=hi,
                mod=f.mod,
                placeholder=f.placeholder,
                tense=when,
            )
        )
    return out


def _needs_tense(f: _Found, dated: bool) -> bool:
    """Whether a date's resolution, or its weight as evidence of an undated article's date, depends on the
    tense of its sentence (read only then: it is the costliest part of finding)."""
    if f.placeholder is None:
        return not dated and f.granularity not in ("decade", "century")
    op, *a = f.placeholder.split(" ")
    if op in ("md", "q", "h"):
        return a[-2 if op == "md" else 1] == "-"  # no year offset ("of last year") to decide
    if op in ("mon", "season", "hol"):
        return a[1] == "-" and (op == "hol" or a[3 if op == "mon" else 2] == "-")
    if op in ("wd", "wdr"):
        return (op == "wdr" or a[1] == "-") and a[2] == "-"
    if op == "rel":
        return a[3] != "-"
    if op == "clock":
        return a[1] != "-" and a[1] not in ("today", "tomorrow", "yesterday")
    return op in ("mrange", "narr")


def extract(article: Article, dct: DateValue | None) -> list[TimeExpression]:
    """Time expressions of ``article`` resolved against ``dct`` (the publication date, possibly unknown):
    :func:`find` then :func:`core.resolve.resolve`."""
    return resolve.resolve(find(article), dct)
