"""Step 3 — time expressions: find candidate spans, then normalise them against the publication date.

Candidates come from a small grammar of compiled regular expressions (month and weekday names, numbers,
units, "last/next/this", "ago", "early/mid/late", "the end of", ISO dates, years in a year context, ...).
Each candidate is validated (traps: the pronoun "we", the modal "may", "March" the verb, amounts, version
strings, "Sunday Times"), then resolved to a TIMEX3-style value at its own granularity with inclusive
``earliest``/``latest`` bounds. Anything relative is resolved against the document creation time (DCT);
month and weekday names without a year take their year or week from the tense of the sentence ("in
February" after a January DCT is next month when the sentence is future, last February when past).
Without a DCT relative expressions keep an unresolved value such as ``XXXX-02`` and no bounds.

The common forms use plain date arithmetic; dateparser only parses leftover numeric dates (cached).
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from calendar import isleap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from dateline.core.model import Article, DateValue, Furniture, Granularity, TimeExpression, TimexType, trusted
from dateline.core.tense import sentence_bounds
from dateline.core.tense import tense_near as tense
from dateline.core.text import NON_CONTENT

# ---------------------------------------------------------------------------------------------------------
# Vocabulary

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
MONTHS.update({name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)})
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
_WD_ABBR = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS: dict[str, float] = {w: i for i, w in enumerate(_SMALL)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update({"a": 1, "an": 1, "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12})
NUMBER_WORDS.update({"a couple of": 2, "couple of": 2, "a half": 0.5, "half a": 0.5})
VAGUE_NUMBERS = frozenset(
    {"a few", "few", "several", "many", "some", "dozens of", "hundreds of", "a number of", "the"}
)
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

# unit -> (TIMEX3 duration letter, multiplier, is a time-of-day unit, granularity)
UNITS: dict[str, tuple[str, int, bool, Granularity]] = {
    "second": ("S", 1, True, "time"),
    "minute": ("M", 1, True, "time"),
    "hour": ("H", 1, True, "time"),
    "day": ("D", 1, False, "day"),
    "night": ("D", 1, False, "day"),
    "week": ("W", 1, False, "week"),
    "fortnight": ("W", 2, False, "week"),
    "month": ("M", 1, False, "month"),
    "quarter": ("Q", 1, False, "quarter"),
    "year": ("Y", 1, False, "year"),
    "decade": ("Y", 10, False, "decade"),
    "century": ("Y", 100, False, "century"),
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
TIMES_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


# ---------------------------------------------------------------------------------------------------------
# Grammar

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_ANY = rf"(?:{_WEEKDAY}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven"
    r"|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a\s+hundred|one\s+hundred|a\s+dozen"
    r"|a\s+couple\s+of|couple\s+of)"
)
_DAY_NUM_WORD = (
    r"(?:twenty-(?:one|two|three|four|five|six|seven|eight|nine)|thirty-one|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)"
)
_VAGUE = r"(?:a\s+few|few|several|many|some|dozens\s+of|hundreds\s+of|a\s+number\s+of)"
_NUM = rf"(?:\d{{1,4}}(?:\.\d+)?|(?i:{_NUM_WORD}|{_VAGUE}|an?))"
_QUANT = (
    r"(?i:about|around|almost|nearly|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to"
    r"|roughly|approximately|some|just|a\s+mere|only|just\s+over|just\s+under|well\s+over|over|under)"
)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ies))s?"
_PREMOD = (
    r"(?:(?i:the\s+)?(?i:very\s+)?(?:[Ee]nd|[Ss]tart|[Bb]eginning|[Mm]iddle|[Cc]lose|[Tt]urn)\s+of"
    r"|(?:[Ee]nd|[Ss]tart)(?=-[A-Z0-9])"
    r"|(?i:early|earlier|mid|late|later)(?:[\s-]+in)?)"
)
_REL = r"(?i:last|next|this|coming|past|previous|following|current|this\s+past|this\s+coming)"
_TOD = r"(?:morning|afternoon|evening|night)"


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
    anchored: bool = False


@dataclass(slots=True)
class _Ctx:
    text: str
    ref: date | None  # the DCT's earliest day
    ref_hi: date | None  # the DCT's latest day


Handler = Callable[[re.Match[str], _Ctx], "list[_Found] | _Found | None"]


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: Handler
    back: int  # how far before its anchor word a match may start (-1: it starts where the anchor ends)


_RULES: dict[str, list[_Rule]] = {}  # anchor kind -> rules to try there


def _rule(pattern: str, *, kinds: str, back: int) -> Callable[[Handler], Handler]:
    """Register a rule, tried wherever one of its anchor ``kinds`` occurs (see ``_ANCHOR``)."""

    def register(fn: Handler) -> Handler:
        rule = _Rule(re.compile(pattern), fn, back)
        for kind in kinds.split():
            _RULES.setdefault(kind, []).append(rule)
        return fn

    return register


# ---------------------------------------------------------------------------------------------------------
# Date arithmetic


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(y: int, m: int) -> int:
    """``calendar.monthrange(y, m)[1]`` without the weekday it also computes."""
    return 29 if m == 2 and isleap(y) else _MONTH_DAYS[m - 1]


def month_bounds(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, days_in_month(y, m))


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_bounds(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def quarter_bounds(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), month_bounds(y, 3 * q)[1]


def season_bounds(y: int, s: str) -> tuple[date, date]:
    a, b = _SEASON_MONTHS[s]
    if s == "WI":
        return date(y, 12, 1), month_bounds(y + 1, 2)[1]
    return date(y, a, 1), month_bounds(y, b)[1]


def shift(d: date, n: float, unit: str) -> date:
    """``d`` moved by ``n`` units (negative for the past); months and years keep the day where possible."""
    letter, mult, is_time, _ = UNITS[unit]
    if is_time:
        return d + timedelta(days=int(n * mult / 24)) if letter == "H" else d
    if letter == "D":
        return d + timedelta(days=round(n))
    if letter == "W":
        return d + timedelta(weeks=round(n * mult))
    months = round(n * {"M": 1, "Q": 3, "Y": 12}[letter] * mult)
    y, m = add_months(d.year, d.month, months)
    return date(y, m, min(d.day, days_in_month(y, m)))


def narrow(lo: date, hi: date, mod: str | None) -> tuple[date, date]:
    """Bounds of the START/MID/END part of ``[lo, hi]``: thirds, on month boundaries for long periods."""
    if mod not in ("START", "MID", "END"):
        return lo, hi
    i = ("START", "MID", "END").index(mod)
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    if months >= 3 and lo.day == 1:
        a = add_months(lo.year, lo.month, months * i // 3)
        b = add_months(lo.year, lo.month, months * (i + 1) // 3 - 1)
        return date(a[0], a[1], 1), month_bounds(*b)[1]
    days = (hi - lo).days + 1
    return lo + timedelta(days=days * i // 3), lo + timedelta(days=days * (i + 1) // 3 - 1)


_PREMOD_MOD = {
    "end": "END",
    "close": "END",
    "late": "END",
    "start": "START",
    "beginning": "START",
    "early": "START",
    "turn": "START",
    "mid": "MID",
    "middle": "MID",
}


_LOWER_WORD = re.compile(r"[a-z]+")


def premod(raw: str | None) -> str | None:
    """TIMEX3 mod of an "early / mid- / the end of" prefix (``earlier``/``later`` carry none)."""
    if not raw:
        return None
    for word in _LOWER_WORD.findall(raw.lower()):
        if word in _PREMOD_MOD:
            return _PREMOD_MOD[word]
    return None


def clip_earlier_later(raw: str | None, lo: date, hi: date, ref: date | None) -> tuple[date, date]:
    """ "earlier this year" ends at the DCT, "later this month" starts there."""
    if not raw or ref is None or not lo <= ref <= hi:
        return lo, hi
    word = raw.lower()
    if word.startswith("earlier"):
        return lo, ref
    if word.startswith("later"):
        return ref, hi
    return lo, hi


# ---------------------------------------------------------------------------------------------------------
# Tense of the sentence around a span


# ---------------------------------------------------------------------------------------------------------
# Resolving cyclic names (months, quarters, seasons, month-days) against the DCT

Period = tuple[str, date, date]  # value, earliest, latest


def pick(candidates: list[Period], ref: date, how: str | None) -> Period:
    """Choose among yearly repetitions of a name: ``last``/``next``/``this`` or the sentence's tense."""
    candidates = sorted(candidates, key=lambda c: c[1])
    containing = [c for c in candidates if c[1] <= ref <= c[2]]
    if how == "last":
        return max((c for c in candidates if c[2] < ref), key=lambda c: c[1], default=candidates[0])
    if how == "next":
        return min((c for c in candidates if c[1] > ref), key=lambda c: c[1], default=candidates[-1])
    if containing:
        return containing[0]
    if how == "this":
        return min(candidates, key=lambda c: min(abs((c[1] - ref).days), abs((c[2] - ref).days)))
    if how == "past":
        return max((c for c in candidates if c[1] <= ref), key=lambda c: c[1], default=candidates[0])
    if how == "future":
        return min((c for c in candidates if c[2] >= ref), key=lambda c: c[1], default=candidates[-1])
    return min(candidates, key=lambda c: (min(abs((c[1] - ref).days), abs((c[2] - ref).days)), c[1] > ref))


def _how(rel: str | None, ctx: _Ctx, start: int, end: int) -> str | None:
    if rel:
        r = " ".join(rel.lower().split())
        if r in ("last", "past", "previous", "this past"):
            return "last"
        if r in ("next", "coming", "following", "this coming"):
            return "next"
        return "this"
    return tense(ctx.text, start, end)


def _pick_in_context(candidates: list[Period], ctx: _Ctx, rel: str | None, start: int, end: int) -> Period:
    """``pick`` by ``rel`` or else the sentence's tense, read only when it matters: a period containing the
    DCT is chosen whatever the tense."""
    assert ctx.ref is not None
    if not rel:
        for c in sorted(candidates, key=lambda c: c[1]):
            if c[1] <= ctx.ref <= c[2]:
                return c
    return pick(candidates, ctx.ref, _how(rel, ctx, start, end))


def month_periods(m: int, ref: date) -> list[Period]:
    out = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        lo, hi = month_bounds(y, m)
        out.append((f"{y}-{m:02d}", lo, hi))
    return out


def _found(m: re.Match[str], span: tuple[int, int] | None = None, **kw: Any) -> _Found:
    s, e = span or m.span()
    return _Found(start=s, end=e, **kw)


def _t_span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("t") if m.groupdict().get("t") is not None else m.span()


_PREV_WORD = re.compile(r"([A-Za-z]+\.?)\s+$")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_CAP_NEXT = re.compile(r"\s+[A-Z][a-z]")


def _prev_word(text: str, start: int) -> str:
    """The word just before ``start`` when only spaces separate them (else ``""``); keeps a final full stop.

    What ``_PREV_WORD.search`` finds in the 30 characters before ``start``, read back from the end instead of
    tried at every position: the trailing run of ASCII letters, then its full stop."""
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


# ---------------------------------------------------------------------------------------------------------
# Rules: full dates


NEAR_DAYS = 14
FAR_DAYS = 183

# "February last year", "March 5 of next year": the year named after a month governs it
_YEAR_AFTER_REL = re.compile(r",?\s+(?:of\s+)?(?P<rel>(?i:last|next|this))\s+(?i:year)\b(?!'s|-)")


def _year_after(ctx: _Ctx, end: int) -> int | None:
    ym = _YEAR_AFTER_REL.match(ctx.text, end)
    if ym is None or ctx.ref is None:
        return None
    return ctx.ref.year + {"last": -1, "next": 1}.get(ym["rel"].lower(), 0)


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= days_in_month(y, m)


def _day_found(
    m: re.Match[str], ctx: _Ctx, month: int, day: int, day2: str | None, year: str | None
) -> _Found | None:
    day_hi = int(day2) if day2 else day
    if day_hi <= day and day2:
        return None
    span = _t_span(m)
    rel_year = None if year else _year_after(ctx, m.end())
    if year or rel_year:
        y = int(year) if year else rel_year
        if not (1800 <= y <= 2100 and _valid_day(y, month, day) and _valid_day(y, month, day_hi)):
            return None
        lo, hi, anchored = date(y, month, day), date(y, month, day_hi), rel_year is not None
    elif ctx.ref is None:
        if not _valid_day(2000, month, day_hi):
            return None
        if day2:
            v = f"XXXX-{month:02d}-{day:02d}/XXXX-{month:02d}-{day_hi:02d}"
            return _found(m, span, type="DATE", value=v, granularity="range")
        return _found(m, span, type="DATE", value=f"XXXX-{month:02d}-{day:02d}", granularity="day")
    else:
        cands = []
        for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1):
            if _valid_day(y, month, day) and _valid_day(y, month, day_hi):
                cands.append((str(y), date(y, month, day), date(y, month, day_hi)))
        if not cands:
            return None
        near = [c for c in cands if abs((c[1] - ctx.ref).days) <= NEAR_DAYS]
        # a day within a fortnight of the DCT is that one whatever the tense; else the tense decides
        _, lo, hi = near[0] if near else _pick_in_context(cands, ctx, None, *span)
        if abs((lo - ctx.ref).days) > FAR_DAYS:
            _, lo, hi = pick(cands, ctx.ref, None)  # a day more than half a year away would carry its year
        anchored = True
    if day2:
        return _found(
            m,
            span,
            type="DATE",
            value=f"{lo.isoformat()}/{hi.isoformat()}",
            granularity="range",
            earliest=lo,
            latest=hi,
            anchored=anchored,
        )
    return _found(
        m,
        span,
        type="DATE",
        value=lo.isoformat(),
        granularity="day",
        earliest=lo,
        latest=lo,
        anchored=anchored,
    )


def _month_of(raw: str) -> int:
    return MONTHS[
        raw.rstrip(".").lower()[:4] if raw.lower().startswith("sept") else raw.rstrip(".").lower()[:3]
    ]


@_rule(
    r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?\b(?!-)",
    kinds="yr",
    back=0,
)
def _iso(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid_day(y, mo, d):
        return None
    day = date(y, mo, d)
    if m["hh"]:
        return _found(m, type="TIME", value=f"{day.isoformat()}T{m['hh']}:{m['mi']}", granularity="time",
                      earliest=day, latest=day)  # fmt: skip
    return _found(m, type="DATE", value=day.isoformat(), granularity="day", earliest=day, latest=day)


_DAYNUM = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"


@_rule(
    rf"(?P<t>(?:{_WEEKDAY_ANY},?\s+)?(?P<mon>{_MONTH})\s+(?:(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dw>(?i:{_DAY_NUM_WORD})\b))"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,.]?\d))?\b(?:,?\s+(?P<y>(?:1[89]|20)\d\d)\b)?)"
    r"(?![.,]?\d|%|\s*(?:percent|per\s+cent|pct)\b)",
    kinds="mon",
    back=12,
)
def _month_day(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["dw"]:
        day = int(_number(m["dw"].lower()) or 0)
        if (
            not day
            or m["mon"] == "May"
            or re.match(r"\s+(?:of|year|month|week|day|time|more)|-", ctx.text[m.end() : m.end() + 8])
        ):
            return None
        return _day_found(m, ctx, _month_of(m["mon"]), day, None, m["y"])
    return _day_found(m, ctx, _month_of(m["mon"]), int(m["d"]), m["d2"], m["y"])


@_rule(
    rf"(?<![\d,.$£€-])(?P<t>(?:{_WEEKDAY_ANY},?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?(?:\s+of)?\s+(?P<mon>{_MONTH})"
    r"(?:,?\s+(?P<y>(?:1[89]|20)\d\d)\b)?)",
    kinds="mon",
    back=28,
)
def _day_month(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    return _day_found(m, ctx, _month_of(m["mon"]), int(m["d"]), m["d2"], m["y"])


@_rule(
    r"(?<![\d.,/$-])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>(?:19|20)\d\d)\b(?![.,/]\d)",
    kinds="yr",
    back=6,
)
def _numeric_date(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """A leftover numeric date ("24/01/2017"): parsed by dateparser only when the order is unambiguous."""
    a, b = int(m["a"]), int(m["b"])
    if a <= 12 and b <= 12 and a != b:
        return None  # 03/04/2017 could be either; never invent a day
    parsed = _dateparser(m.group(), ctx.ref)
    if parsed is None:
        return None
    return _found(m, type="DATE", value=parsed.isoformat(), granularity="day", earliest=parsed, latest=parsed)


@lru_cache(maxsize=64)
def _parser(ref: date | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparser(span: str, ref: date | None) -> date | None:
    try:
        data = _parser(ref).get_date_data(span)
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
    r"(?:,?\s+(?:of\s+)?(?P<y>(?:1[89]|20)\d\d)\b(?![.,]?\d|%))?)",
    kinds="mon",
    back=32,
)
def _month(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    text = ctx.text
    s, e = _t_span(m)
    mon_raw = m["mon"]
    month = _month_of(mon_raw)
    abbrev = mon_raw not in ("May", "June", "July") and len(mon_raw.rstrip(".")) <= 4
    rel_year = None if m["y"] or m["rel"] else _year_after(ctx, m.end())
    if not m["y"]:
        prev = _prev_word(text, s).lower()
        nxt = text[m.end("mon") : m.end("mon") + 2]
        context = bool(m["pre"] or m["rel"] or rel_year) or prev in _MONTH_CONTEXT
        if abbrev and not context:
            return None
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
    if m["y"]:
        y = int(m["y"])
        lo, hi = month_bounds(y, month)
        value, anchored = f"{y}-{month:02d}", False
    elif ctx.ref is None:
        return _found(m, (s, e), type="DATE", value=f"XXXX-{month:02d}", granularity="month", mod=mod)
    elif rel_year:
        lo, hi = month_bounds(rel_year, month)
        value, anchored = f"{rel_year}-{month:02d}", True
    else:
        value, lo, hi = _pick_in_context(month_periods(month, ctx.ref), ctx, m["rel"], s, e)
        if (
            m["rel"]
            and _how(m["rel"], ctx, s, e) == "last"
            and _same_month_nearby(text, s, e, month, lo.year)
        ):
            # "February sales fell from last February": a year before the bare February
            value, lo, hi = pick(month_periods(month, lo), lo, "last")
        anchored = True
    lo, hi = narrow(lo, hi, mod)
    lo, hi = clip_earlier_later(m["pre"], lo, hi, ctx.ref)
    return _found(m, (s, e), type="DATE", value=value, granularity="month", earliest=lo, latest=hi, mod=mod,
                  anchored=anchored)  # fmt: skip


_AFTER_MONTH_NAME = re.compile(
    r",?\s+(?P<y>(?:19|20)\d\d)\b|,?\s*\d|,?\s+(?:of\s+)?(?i:last|next|this)\s+year\b"
)
_REL_WORDS = frozenset("last next this previous coming past following".split())


def _same_month_nearby(text: str, s: int, e: int, month: int, year: int) -> bool:
    """Whether the sentence around ``[s, e)`` names ``month`` of ``year`` again: bare ("February sales fell
    from last February") or with that year ("in April 1987, against last April")."""
    lo, hi = sentence_bounds(text, s, e)
    name = re.compile(rf"\b{_MONTH_NAMES[month - 1].capitalize()}\b")
    for mm in name.finditer(text, lo, hi):
        if s <= mm.start() < e or _prev_word(text, mm.start()).lower() in _REL_WORDS:
            continue
        after = _AFTER_MONTH_NAME.match(text, mm.end())
        if after is None or (after["y"] and int(after["y"]) == year):
            return True
    return False


@_rule(
    rf"\b(?P<t>(?P<m1>{_MONTH})\s*(?:-|–|to|through|until|till)\s*(?P<m2>{_MONTH})"
    r"(?:,?\s+(?P<y>(?:1[89]|20)\d\d)\b)?)",
    kinds="mon",
    back=0,
)
def _month_range(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    a, b = _month_of(m["m1"]), _month_of(m["m2"])
    if b <= a:
        return None
    s, e = _t_span(m)
    if m["y"]:
        y, anchored = int(m["y"]), False
    elif ctx.ref is None:
        return _found(m, (s, e), type="DATE", value=f"XXXX-{a:02d}/XXXX-{b:02d}", granularity="range")
    elif rel_year := _year_after(ctx, m.end()):
        y, anchored = rel_year, True
    else:
        y = int(_pick_in_context(month_periods(a, ctx.ref), ctx, None, s, e)[0][:4])
        anchored = True
    lo, hi = month_bounds(y, a)[0], month_bounds(y, b)[1]
    return _found(m, (s, e), type="DATE", value=f"{y}-{a:02d}/{y}-{b:02d}", granularity="range", earliest=lo,
                  latest=hi, anchored=anchored)  # fmt: skip


_YEAR_CONTEXT = frozenset(
    "in since by until till through throughout during from of before after between early late mid end start "
    "beginning middle fiscal calendar circa around year years and or to for on spring summer autumn fall "
    "winter season late-".split()
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
_LOWER_NEXT = re.compile(r"\s+[a-z]{3,}")
_YEAR_AFTER = re.compile(r"\s*(?:[.,;:)!?”\"']|$)|'s\b|\s+(?:and|or|to|through)\s+(?:19|20)\d\d")


# What follows a four-digit 24-hour clock time ("1900 hours", "0336 GMT", "from 1800 to 2100 hrs"): a number
# before one of these is a time of day, never a year.
_CLOCK_MARK = r"(?:hrs|HRS|hours|GMT|gmt|UTC|utc|[ECMP][SD]T|BST|CET|local\s+time|local)\b"
_CLOCK_AFTER = re.compile(
    rf"\s*(?:{_CLOCK_MARK}|(?:-|–|to|and|until|till)\s*(?:[01]\d|2[0-3])[0-5]\d\s*{_CLOCK_MARK})"
)


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
    if low in _DETERMINERS:
        # "a 2009 analysis", "his 2007 campaign": a year used as a modifier
        return _LOWER_NEXT.match(text, e) is not None
    if prev[:1].isupper() and not prev.endswith("."):
        return False  # "Windows 2000", "Resolution 2254"
    return _YEAR_AFTER.match(text[e : e + 12]) is not None


_DETERMINERS = frozenset("a an the his her its their our my your this that".split())
_AS_EARLY_AS = re.compile(r"\b(?i:as\s+(?:early|late|soon|recently|long\s+ago)\s+as)\s+$")


# A bare number far from the DCT after "around", "at", "to" or "a figure of" is a level ("the index closed
# at 1841", "levels around 2050"), not a year.
FAR_PAST_YEARS = 120
FAR_FUTURE_YEARS = 40
_LEVEL_PREPS = frozenset("around about at to near".split())
_LEVEL_NOUNS = frozenset(
    "figure level levels total reading index high low value average close peak mark price rate score sum".split()
)


def _level_not_year(text: str, s: int, y: int, ref: date) -> bool:
    if ref.year - FAR_PAST_YEARS <= y <= ref.year + FAR_FUTURE_YEARS:
        return False
    prev = _prev_word(text, s)
    low = prev.lower()
    if low in _LEVEL_PREPS:
        return True
    return low == "of" and _prev_word(text, s - len(prev) - 1).lower() in _LEVEL_NOUNS


@_rule(
    rf"(?P<t>(?:(?P<pre>{_PREMOD})[\s-]+|(?i:(?P<fy>fiscal|calendar)\s+(?:year\s+)?))?"
    r"\b(?P<y>(?:1[89]|20)\d\d)\b(?!'?s\b))",
    kinds="yr",
    back=22,
)
def _year(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    y = int(m["y"])
    if not _year_ok(ctx.text, m.start("y"), m.end("y"), bool(m["pre"] or m["fy"])):
        return None
    if ctx.ref is not None and not (m["pre"] or m["fy"]) and _level_not_year(ctx.text, m.start(), y, ctx.ref):
        return None
    if (
        y < 1900
        and not m["pre"]
        and _prev_word(ctx.text, m.start()).lower() not in ("in", "since", "of", "from")
    ):
        return None
    mod = premod(m["pre"])
    lo, hi = narrow(date(y, 1, 1), date(y, 12, 31), mod)
    return _found(
        m, _t_span(m), type="DATE", value=str(y), granularity="year", earliest=lo, latest=hi, mod=mod
    )


@_rule(
    r"(?<=\d\d)(?P<sep>[-–/])(?P<y2>\d\d)\b(?![-–/.,]\d)",
    kinds="yr",
    back=-1,
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
    return _found(m, m.span("y2"), type="DATE", value=str(y), granularity="year", earliest=date(y, 1, 1),
                  latest=date(y, 12, 31))  # fmt: skip


@_rule(
    r"(?P<t>(?i:the\s+)?(?:(?P<pre>early|mid|late)[\s-]+)?(?:\b(?P<full>1[0-9]|20)(?P<dd>\d0)|'(?P<short>\d0))'?s)\b",
    kinds="dec",
    back=10,
)
def _decade(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["full"]:
        y = int(m["full"] + m["dd"])
    else:
        y = 1900 + int(m["short"]) if int(m["short"]) > 20 else 2000 + int(m["short"])
    mod = premod(m["pre"])
    if y % 100 == 0 and y < 2000:  # "the 1800s": the century
        lo, hi = narrow(date(y, 1, 1), date(y + 99, 12, 31), mod)
        return _found(
            m, type="DATE", value=str(y // 100), granularity="century", earliest=lo, latest=hi, mod=mod
        )
    lo, hi = narrow(date(y, 1, 1), date(y + 9, 12, 31), mod)
    return _found(m, type="DATE", value=str(y // 10), granularity="decade", earliest=lo, latest=hi, mod=mod)


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21,
}  # fmt: skip


@_rule(
    r"(?P<t>(?i:the\s+)?(?:(?P<pre>early|mid|late)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|(?i:first|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
    r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[\s-]+[Cc]entury)\b",
    kinds="cent",
    back=26,
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
    r"(?P<t>(?i:the\s+)?(?P<q>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+(?i:fiscal\s+)?"
    r"(?i:quarter|qtr)\b(?:\s+(?:of\s+)?(?:(?i:fiscal\s+)?(?P<y>(?:19|20)\d\d)\b|(?P<rel>last|next|this)\s+year))?)"
    r"|\b(?P<t2>Q(?P<qn>[1-4])(?:\s+(?P<y2>(?:19|20)\d\d))?)\b"
    r"|\b(?P<t3>(?P<y3>(?:19|20)\d\d)\s+(?P<q3>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|qtr))\b",
    kinds="quarter qtr",
    back=26,
)
def _quarter(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["t2"]:
        span, q, year = m.span("t2"), int(m["qn"]), m["y2"]
    elif m["t3"]:
        span, q, year = m.span("t3"), ORDINALS[m["q3"].lower()], m["y3"]
    else:
        span, year = m.span("t"), m["y"]
        word = m["q"].lower()
        if word == "last" and not (year or m["rel"]):
            return None  # "the last quarter" is the previous quarter: the relative rule
        q = 4 if word == "last" else ORDINALS[word]
    if year:
        y, anchored = int(year), False
    elif ctx.ref is None:
        return _found(m, span, type="DATE", value=f"XXXX-Q{q}", granularity="quarter")
    elif m["rel"]:
        y = ctx.ref.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
        anchored = True
    else:
        cands = [
            (f"{y}-Q{q}", *quarter_bounds(y, q)) for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)
        ]
        y = int(_pick_in_context(cands, ctx, None, *span)[0][:4])
        anchored = True
    lo, hi = quarter_bounds(y, q)
    return _found(m, span, type="DATE", value=f"{y}-Q{q}", granularity="quarter", earliest=lo, latest=hi,
                  anchored=anchored)  # fmt: skip


@_rule(
    r"(?P<t>(?i:the\s+)?(?P<h>(?i:first|second|1st|2nd))[\s-]+(?i:half)\b(?:\s+of\s+(?:(?i:fiscal\s+)?"
    r"(?P<y>(?:19|20)\d\d)\b|(?P<rel>last|next|this)\s+year|(?P<cur>the\s+(?:fiscal\s+)?year)\b))?)",
    kinds="half",
    back=12,
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
        y, anchored = int(m["y"]), False
    elif ctx.ref is None:
        return _found(m, type="DATE", value=f"XXXX-H{h}", granularity="half")
    elif m["rel"]:
        y, anchored = ctx.ref.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0), True
    else:
        cands = [
            (f"{y}-H{h}", date(y, 6 * h - 5, 1), month_bounds(y, 6 * h)[1])
            for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)
        ]
        y, anchored = int(_pick_in_context(cands, ctx, None, *m.span())[0][:4]), True
    lo, hi = date(y, 6 * h - 5, 1), month_bounds(y, 6 * h)[1]
    return _found(
        m, type="DATE", value=f"{y}-H{h}", granularity="half", earliest=lo, latest=hi, anchored=anchored
    )


@_rule(
    rf"\b(?P<prep>(?i:in|during|over|by|until|through|throughout|since)\s+(?P<the>the\s+)?)?"
    rf"(?P<t>(?:(?P<pre>{_PREMOD})[\s-]+)?(?:(?P<rel>{_REL})\s+)?"
    r"(?P<s>(?i:spring|summer|autumn|fall|winter))(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b)?)\b",
    kinds="season",
    back=34,
)
def _season(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    season = SEASONS[m["s"].lower()]
    if not (m["rel"] or m["y"] or m["prep"] or m["pre"]):
        return None  # "spring" the verb or the noun
    if m["s"].lower() == "fall" and not (m["rel"] or m["y"] or m["the"]):
        return None  # "in fall of prices"
    if (
        not (m["rel"] or m["y"])
        and re.match(r"\s+(?:in|of|to|from)\b", ctx.text[m.end() : m.end() + 6])
        and not _YEAR_AFTER_REL.match(ctx.text, m.end())
    ):
        return None  # "the fall in prices", "the spring of discontent"
    if (
        m["s"][0].isupper()
        and not (m["y"] or m["rel"])
        and re.match(r"\s+[A-Z]", ctx.text[m.end() : m.end() + 2])
    ):
        return None
    span = m.span("t")
    mod = premod(m["pre"])
    if m["y"]:
        y, anchored = int(m["y"]), False
    elif ctx.ref is None:
        return _found(m, span, type="DATE", value=f"XXXX-{season}", granularity="season", mod=mod)
    elif not m["rel"] and (rel_year := _year_after(ctx, m.end())):
        y, anchored = rel_year, True
    else:
        cands = [
            (f"{y}-{season}", *season_bounds(y, season)) for y in range(ctx.ref.year - 2, ctx.ref.year + 2)
        ]
        y = int(_pick_in_context(cands, ctx, m["rel"], *span)[0][:4])
        anchored = True
    lo, hi = narrow(*season_bounds(y, season), mod)
    return _found(m, span, type="DATE", value=f"{y}-{season}", granularity="season", earliest=lo, latest=hi,
                  mod=mod, anchored=anchored)  # fmt: skip


# ---------------------------------------------------------------------------------------------------------
# Rules: relative to the DCT


def _unit_period(unit: str, d: date) -> Period:
    """The calendar period of ``unit`` that contains ``d``."""
    if unit == "day":
        return d.isoformat(), d, d
    if unit == "week":
        return (week_value(d), *week_bounds(d))
    if unit == "weekend":
        sat = d + timedelta(days=5 - d.weekday()) if d.weekday() < 5 else d - timedelta(days=d.weekday() - 5)
        return f"{week_value(sat)}-WE", sat, sat + timedelta(days=1)
    if unit == "month":
        return (f"{d.year}-{d.month:02d}", *month_bounds(d.year, d.month))
    if unit == "quarter":
        q = (d.month - 1) // 3 + 1
        return (f"{d.year}-Q{q}", *quarter_bounds(d.year, q))
    if unit == "year":
        return str(d.year), date(d.year, 1, 1), date(d.year, 12, 31)
    if unit == "decade":
        y = d.year - d.year % 10
        return str(y // 10), date(y, 1, 1), date(y + 9, 12, 31)
    if unit == "century":
        y = d.year - d.year % 100
        return str(y // 100), date(y, 1, 1), date(y + 99, 12, 31)
    raise ValueError(unit)


_UNIT_GRAN: dict[str, Granularity] = {"weekend": "range"}
_UNRESOLVED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


@_rule(
    rf"(?P<t>(?:(?P<pre>{_PREMOD})[\s-]+)?(?P<the>(?i:the)\s+)?(?P<rel>{_REL})\s+(?i:(?:fiscal|calendar|financial)\s+)?"
    r"(?P<unit>(?i:week(?:end)?|month|year|quarter|decade|century))\b(?!-)(?!\s+(?:or\s+so|of|and\s+a\s+half)\b))"
    rf"|(?P<t2>(?P<pre2>{_PREMOD})[\s-]+(?P<the2>(?i:the\s+|this\s+))?(?P<unit2>(?i:week|month|year|quarter|decade|century))\b)"
    r"|(?P<t3>\b(?i:(?P<ye>year[\s-]end|end[\s-]year)(?:,?\s+(?P<y3>(?:19|20)\d\d)\b(?![.,]?\d|%))?|year-earlier"
    r"|month[\s-]end)\b)",
    kinds="cal cent quarter",
    back=34,
)
def _relative(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["t3"]:
        raw = m["t3"].lower()
        if raw.startswith("year-earlier"):
            return None
        unit, pre, rel, the = ("month" if raw.startswith("month") else "year"), "end", None, None
        span = m.span("t3")
        if m["y3"]:  # "year-end 1985"
            y = int(m["y3"])
            lo, hi = narrow(date(y, 1, 1), date(y, 12, 31), "END")
            return _found(m, span, type="DATE", value=str(y), granularity="year", earliest=lo, latest=hi,
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
    r = " ".join((rel or "this").split())
    if r == "the":
        r = "this"
    if the and r in ("past", "coming", "next", "previous", "following") and not pre:
        # "the past year", "the next decade": a stretch of time, not a calendar period
        return _duration_found(m, span, ctx, 1.0, unit, r, None)
    if r in ("previous", "following") and not the and not pre:
        return None  # "the previous year" is relative to another event, not to the DCT
    mod = premod(pre)
    if ctx.ref is None:
        return _found(m, span, type="DATE", value=_UNRESOLVED[unit], granularity=_UNIT_GRAN.get(unit, unit),
                      mod=mod)  # fmt: skip
    step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "following": 1,
            "this coming": 1}.get(r, 0)  # fmt: skip
    ref = ctx.ref
    if unit == "weekend":
        base = ref + timedelta(days=7 * step)
        if step < 0 and ref.weekday() == 6:
            base = ref - timedelta(days=7)
        value, lo, hi = _unit_period("weekend", base)
        if step < 0 and ref.weekday() < 5:
            value, lo, hi = _unit_period("weekend", ref - timedelta(days=ref.weekday() + 2))
    else:
        value, lo, hi = _unit_period(unit, ref)
        for _ in range(abs(step)):
            value, lo, hi = _unit_period(
                unit, (lo - timedelta(days=1)) if step < 0 else (hi + timedelta(days=1))
            )
    if rel in (None, "the") and unit in ("year", "month", "week", "quarter") and mod:
        # "the end of the year" in a past-tense sentence said before that end: the previous one
        nlo, nhi = narrow(lo, hi, mod)
        how = tense(ctx.text, *span)
        if how == "past" and nlo > ref:
            value, lo, hi = _unit_period(unit, lo - timedelta(days=1))
        elif how == "future" and nhi < ref:
            value, lo, hi = _unit_period(unit, hi + timedelta(days=1))
    lo, hi = narrow(lo, hi, mod)
    lo, hi = clip_earlier_later(pre, lo, hi, ref)
    return _found(m, span, type="DATE", value=value, granularity=_UNIT_GRAN.get(unit, unit), earliest=lo,
                  latest=hi, mod=mod, anchored=True)  # fmt: skip


def _widened(ctx: _Ctx, days: int) -> tuple[date, date]:
    assert ctx.ref is not None
    hi = ctx.ref_hi or ctx.ref
    return ctx.ref + timedelta(days=days), hi + timedelta(days=days)


@_rule(
    r"\b(?P<t>(?P<w>(?i:today|tonight|yesterday|tomorrow))(?:\s+(?P<tod>morning|afternoon|evening|night))?"
    r"|(?i:the\s+day\s+(?P<ba>before\s+yesterday|after\s+tomorrow))"
    r"|(?P<this>(?i:this|last))\s+(?P<tod2>morning|afternoon|evening|night))\b(?!-)",
    kinds="deic night",
    back=16,
)
def _deictic(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["ba"]:
        days, tod = (-2 if m["ba"].lower().startswith("before") else 2), None
    elif m["this"]:
        days, tod = (-1 if m["this"].lower() == "last" else 0), m["tod2"]
    else:
        w = m["w"].lower()
        days = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
        tod = "night" if w == "tonight" else m["tod"]
    suffix = f"T{TIMES_OF_DAY[tod]}" if tod else ""
    typ: TimexType = "TIME" if tod else "DATE"
    if ctx.ref is None:
        return _found(m, type=typ, value=f"XXXX-XX-XX{suffix}", granularity="time" if tod else "day")
    lo, hi = _widened(ctx, days)
    return _found(m, type=typ, value=(ctx.ref + timedelta(days=days)).isoformat() + suffix,
                  granularity="time" if tod else "day", earliest=lo, latest=hi, anchored=True)  # fmt: skip


# "Monday next week", "from Monday to Wednesday of last week": the week named after the day governs it
_WEEK_AFTER = re.compile(
    rf"(?:\s*(?:,|or|and|to)\s+{_WEEKDAY})*\s+(?:of\s+)?(?P<rel>(?i:last|next|this|the\s+following|the\s+previous))\s+(?i:week)\b(?!'s|-)"
)


def _week_monday(ctx: _Ctx, end: int) -> date | None:
    """Monday of the week a following "next week" / "last week" / "this week" names (``None`` if none)."""
    wm = _WEEK_AFTER.match(ctx.text, end)
    if wm is None or ctx.ref is None:
        return None
    rel = wm["rel"].lower().split()[-1]
    step = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(rel, 0)
    return week_bounds(ctx.ref)[0] + timedelta(weeks=step)


_NAME_BEFORE_WEEKDAY = frozenset("black good easter super bloody ash palm cyber holy shrove maundy".split())
_NAME_AFTER_WEEKDAY = frozenset(
    "Times Telegraph Express Mirror Post Herald Star Mail Tribune Independent Observer Sport Night Edition "
    "School Service Club Show Magazine Review Trading League Football".split()
)


@_rule(
    rf"\b(?P<t>(?:(?P<rel>(?i:last|next|this|coming|past|this\s+past|this\s+coming))\s+)?(?P<wd>{_WEEKDAY})(?P<pl>s)?"
    rf"(?:\s+(?P<tod>{_TOD}))?)\b",
    kinds="wd",
    back=12,
)
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
    suffix = f"T{TIMES_OF_DAY[tod]}" if tod else ""
    typ: TimexType = "TIME" if tod else "DATE"
    if m["pl"]:
        return _found(m, type="SET", value=f"XXXX-WXX-{wd + 1}{suffix}", granularity="day")
    if ctx.ref is None:
        return _found(m, type=typ, value=f"XXXX-WXX-{wd + 1}{suffix}", granularity="time" if tod else "day")
    ref = ctx.ref
    delta = (wd - ref.weekday()) % 7  # days forward to the next such weekday (0: the DCT itself)
    # the DCT's own weekday is the DCT whatever the tense: read the tense only when it can matter
    how = _how(m["rel"], ctx, *m.span()) if m["rel"] or delta else None
    monday = None if m["rel"] else _week_monday(ctx, m.end())
    if monday is not None:
        d = monday + timedelta(days=wd)
    elif how == "last":
        d = ref - timedelta(days=(7 - delta) % 7 or 7)
    elif how == "next":
        d = ref + timedelta(days=delta or 7)
    elif how == "this":
        d = week_bounds(ref)[0] + timedelta(days=wd)
    elif delta == 0:
        d = ref
    elif how == "future":
        d = ref + timedelta(days=delta)
    else:
        d = ref - timedelta(days=7 - delta)
    return _found(m, type=typ, value=d.isoformat() + suffix, granularity="time" if tod else "day", earliest=d,
                  latest=d, anchored=True)  # fmt: skip


@_rule(
    rf"\b(?P<t>(?P<a>{_WEEKDAY})\s*(?:-|–|to|through|until|till|and)\s*(?P<b>{_WEEKDAY}))\b(?!\s+[A-Z][a-z])",
    kinds="wd",
    back=0,
)
def _weekday_range(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if "and" in m.group().split() and not re.search(
        r"(?i)\bbetween\s+$", ctx.text[max(0, m.start() - 9) : m.start()]
    ):
        return None  # "Monday and Tuesday" are two days
    a, b = WEEKDAYS[m["a"].lower()], WEEKDAYS[m["b"].lower()]
    if ctx.ref is None:
        return _found(m, type="DATE", value=f"XXXX-WXX-{a + 1}/XXXX-WXX-{b + 1}", granularity="range")
    ref = ctx.ref
    monday = _week_monday(ctx, m.end())
    if monday is not None:
        lo = monday + timedelta(days=a)
    else:
        how = tense(ctx.text, *m.span())
        delta = (a - ref.weekday()) % 7
        lo = ref + timedelta(days=delta) if how == "future" or delta == 0 else ref - timedelta(days=7 - delta)
    hi = lo + timedelta(days=(b - a) % 7)
    return _found(m, type="DATE", value=f"{lo.isoformat()}/{hi.isoformat()}", granularity="range", earliest=lo,
                  latest=hi, anchored=True)  # fmt: skip


# ---------------------------------------------------------------------------------------------------------
# Rules: durations, "ago", present/past/future references, sets, clock times


def _number(raw: str | None) -> float | None:
    """The value of a number (digits or words); ``None`` for vague ones ("a few", "several")."""
    if raw is None:
        return None
    w = " ".join(raw.lower().split())
    if w in VAGUE_NUMBERS:
        return None
    if w[0].isdigit():
        return float(w)
    if "-" in w:
        tens, _, ones = w.partition("-")
        return NUMBER_WORDS.get(tens, 0) + NUMBER_WORDS.get(ones, 0)
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
    num = str(int(total)) if total == int(total) else f"{total:g}"
    return f"PT{num}{letter}" if is_time else f"P{num}{letter}"


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
    ctx: _Ctx,
    n: float | None,
    unit: str,
    rel: str | None,
    quant: str | None,
    typ: TimexType = "DURATION",
) -> _Found:
    mod = _QUANT_MOD.get(" ".join(quant.lower().split())) if quant else None
    found = _found(m, span, type=typ, value=duration_value(n, unit), granularity=UNITS[unit][3], mod=mod)
    r = (rel or "").lower()
    if ctx.ref is not None and r in ("past", "last", "recent", "next", "coming", "this past"):
        ref_hi = ctx.ref_hi or ctx.ref
        if r in ("next", "coming"):
            found.earliest = ctx.ref
            if n is not None:
                found.latest = shift(ref_hi, n, unit)
        else:
            found.latest = ref_hi
            if n is not None:
                found.earliest = shift(ctx.ref, -n, unit)
        found.anchored = True
    return found


_AGE = re.compile(r"(?:-|\s)(?:old|older|younger)\b|\s+of\s+age\b|\s+and\s+(?:older|over|above|up)\b")


@_rule(
    rf"\b(?P<t>(?:(?P<the>(?i:the))\s+(?P<rel>(?i:past|last|next|coming|previous|first|following|final|remaining"
    rf"|recent|this\s+past))\s+)?(?:(?P<q>{_QUANT})\s+)?\b(?P<n>{_NUM})(?P<sep>[\s-]+)(?P<unit>(?i:{_UNIT}))\b)"
    rf"(?P<ago>\s+(?i:ago|from\s+now|hence|before|earlier|later|after|on))?",
    kinds="cal tunit plural hours night cent quarter",
    back=34,
)
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
    if n is not None and n != 1 and not plural and m["sep"].strip() != "-":
        return None  # "two year" without a hyphen is not a duration
    if n is not None and n == 1 and plural:
        return None
    if n is not None and n > 1000:
        return None
    if m["sep"].strip() == "-" and not nraw[0].isdigit() and nraw in ("a", "an"):
        return None
    ago = (m["ago"] or "").strip().lower()
    if ago in ("ago", "from now", "hence") and m["sep"].strip() != "-":
        return _ago(m, ctx, n, unit, ago)
    prev = _prev_word(text, m.start()).lower()
    # "5 dlrs a day", "twice a week": a rate; but "44 mln a year earlier" is a stretch back in time
    if (
        nraw in ("a", "an")
        and not ago
        and (prev in _SET_AMOUNT_WORDS or _AMOUNT_BEFORE.search(text, max(0, m.start() - 12), m.start()))
    ):
        return _found(m, m.span("t"), type="SET", value=duration_value(1, unit), granularity=UNITS[unit][3])
    if unit == "quarter" and nraw in ("a", "an", "one"):
        return None  # "a quarter of the population"
    if unit == "second" and not plural:
        return None
    return _duration_found(m, m.span("t"), ctx, n, unit, m["rel"], m["q"])


@_rule(
    rf"\b(?P<a>\d{{1,3}}|(?i:{_NUM_WORD}))\s*(?:-|–|to|and|or)\s*(?P<b>(?P<bn>\d{{1,3}}|(?i:{_NUM_WORD}))\s+"
    r"(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades)))\b",
    kinds="plural hours",
    back=30,
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
        _duration_found(m, m.span("a"), ctx, first, unit, None, None),
        _duration_found(m, m.span("b"), ctx, second, unit, None, None),
    ]


_AMOUNT_BEFORE = re.compile(r"(?:\d|%|\bmillion|\bbillion|\bmln|\bbln)\s*$")
_SET_AMOUNT_WORDS = frozenset(
    {"dlrs", "dollars", "euros", "pounds", "tonnes", "barrels", "bpd", "percent", "pct"}
)


def _ago(m: re.Match[str], ctx: _Ctx, n: float | None, unit: str, how: str) -> _Found | None:
    span = (m.start("t"), m.end("ago"))
    sign = -1 if how == "ago" else 1
    gran = UNITS[unit][3]
    if gran == "time":
        gran = "day"
    unit_for_period = gran  # "a fortnight ago" is a week, "three nights ago" a day
    if ctx.ref is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return _found(m, span, type="DATE", value=value if n is None else _UNRESOLVED.get(unit_for_period, "XXXX"),
                      granularity=gran if n is not None else "unknown")  # fmt: skip
    if n is None:
        # "a few weeks ago": somewhere between one and nine units back
        lo = shift(ctx.ref, sign * 9, unit) if sign < 0 else shift(ctx.ref, 2, unit)
        hi = shift(ctx.ref_hi or ctx.ref, -2, unit) if sign < 0 else shift(ctx.ref, 9, unit)
        return _found(m, span, type="DATE", value="PAST_REF" if sign < 0 else "FUTURE_REF", granularity=gran,
                      earliest=lo, latest=hi, mod="APPROX", anchored=True)  # fmt: skip
    d = shift(ctx.ref, sign * n, unit)
    value, lo, hi = _unit_period(unit_for_period, d)
    return _found(m, span, type="DATE", value=value, granularity=gran, earliest=lo, latest=hi, anchored=True)


@_rule(
    r"\b(?P<t>(?i:(?P<rel>recent|the\s+(?:past|last|next|coming)(?:\s+(?:few|several))?)\s+)"
    r"(?P<unit>(?i:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries)))\b"
    r"|\b(?i:for|over|within|in|after|takes?|took|taking|lasted|spent|spend)\s+"
    r"(?P<t2>(?i:seconds|minutes|hours|days|weeks|months|years|decades))\b(?!\s+(?:of|to|ago|old|earlier|later))"
    r"|\b(?P<t3>(?i:minutes|hours|days|weeks|months|years))\s+(?i:before|after|later|earlier)\b",
    kinds="plural hours",
    back=24,
)
def _vague_duration(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    for g in ("t2", "t3"):
        if m[g]:
            return _duration_found(m, m.span(g), ctx, None, _unit_name(m[g]), None, None)
    rel = m["rel"].lower().split()
    return _duration_found(m, m.span("t"), ctx, None, _unit_name(m["unit"]), rel[1] if len(rel) > 1 else rel[0],
                           None)  # fmt: skip


@_rule(
    r"\b(?P<t>(?i:now|currently|nowadays|presently|at\s+present|these\s+days|right\s+now|at\s+the\s+moment"
    r"|the\s+present(?:\s+day)?))\b(?![-–]\w)"
    r"|\b(?P<past>(?i:recently|lately|the\s+past))\b(?!\s+(?:\d|few|several|many|decades?|years?|months?|weeks?"
    r"|days?|hours?|century|quarter|weekend|summer|winter|autumn|spring|fall|two|three|four|five|six|seven|eight"
    r"|nine|ten|twelve|\w+teen|twenty|thirty|forty|fifty)\b)"
    r"|\b(?P<fut>(?i:the\s+(?:near\s+|foreseeable\s+|distant\s+)?future))\b",
    kinds="ref",
    back=8,
)
def _ref(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    text = ctx.text
    if m["t"]:
        word = m["t"].lower()
        if word == "now" and re.match(r"\s*(?:that|-)", text[m.end() : m.end() + 6]):
            return None  # "now that", "now-defunct"
        if word.startswith("the present") and re.match(r"\s+[a-z]", text[m.end() : m.end() + 2]):
            return None  # "the present government"
        if word == "presently" and tense(text, *m.span()) == "future":
            return None  # old sense "soon"
        lo, hi = (ctx.ref, ctx.ref_hi or ctx.ref) if ctx.ref else (None, None)
        return _found(m, m.span("t"), type="DATE", value="PRESENT_REF", granularity="unknown", earliest=lo,
                      latest=hi, anchored=ctx.ref is not None)  # fmt: skip
    if m["past"]:
        span = m.span("past")
        hi = (ctx.ref_hi or ctx.ref) if ctx.ref else None
        return _found(m, span, type="DATE", value="PAST_REF", granularity="unknown", latest=hi,
                      anchored=ctx.ref is not None)  # fmt: skip
    return _found(m, m.span("fut"), type="DATE", value="FUTURE_REF", granularity="unknown", earliest=ctx.ref,
                  anchored=ctx.ref is not None)  # fmt: skip


_SET_ADVERBS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W", "monthly": "P1M",
    "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "hourly": "PT1H",
    "biweekly": "P2W", "biannually": "P6M", "semiannually": "P6M",
}  # fmt: skip


@_rule(
    rf"\b(?P<t>(?i:every|each)\s+(?:(?P<n>other|{_NUM_WORD}|\d+)\s+)?(?P<unit>(?i:{_UNIT}|weekend)"
    rf"|{_WEEKDAY}|(?i:morning|afternoon|evening|night|spring|summer|autumn|fall|winter|season)))\b"
    r"|\b(?P<adv>(?i:daily|nightly|weekly|fortnightly|monthly|quarterly|annually|yearly|hourly|biweekly"
    r"|biannually|semiannually))\b"
    r"|\b(?P<freq>(?i:once|twice|(?:\w+|\d+)\s+times)\s+(?:a|an|per|each|every)\s+(?P<funit>(?i:day|week|month|year|decade)))\b"
    r"|\b(?i:per)\s+(?P<per>(?i:day|week|month|year|annum))\b",
    kinds="cal tunit plural hours night cent quarter wd deic season adv",
    back=16,
)
def _set(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["adv"]:
        if m["adv"][0].isupper() and re.match(r"\s+[A-Z]", ctx.text[m.end() : m.end() + 2]):
            return None  # "Daily Telegraph"
        if m["adv"].lower() in ("daily", "weekly", "monthly") and _publication(ctx.text, m.end()):
            return None
        return _found(m, type="SET", value=_SET_ADVERBS[m["adv"].lower()], granularity="unknown")
    if m["freq"]:
        unit = m["funit"].lower()
        return _found(m, type="SET", value=duration_value(1, unit), granularity=UNITS[unit][3])
    if m["per"]:
        unit = "year" if m["per"].lower() == "annum" else m["per"].lower()
        return _found(m, m.span("per"), type="SET", value=duration_value(1, unit), granularity=UNITS[unit][3])
    raw = m["unit"]
    low = raw.lower()
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
_DAY_AFTER_CLOCK = r"(?:,?\s+(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday))?"


@_rule(
    r"\b(?P<t>(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b|[AP]M\b|o'clock\b)"
    rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?=\s*{_TZ}\b)|(?P<nm>(?i:noon|midnight)\b))"
    rf"(?:\s*{_TZ}\b)?{_DAY_AFTER_CLOCK})",
    kinds="clock",
    back=10,
)
def _clock(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m["nm"]:
        hh, mi = (12 if m["nm"].lower() == "noon" else 24), "00"
    elif m["h2"]:
        hh, mi = int(m["h2"]), m["mi2"]
    else:
        ap = m["ap"].lower().replace(".", "")
        hh, mi = int(m["h"]), m["mi"]
        if ap in ("am", "pm"):
            if not 1 <= hh <= 12:
                return None
            hh = hh % 12 + (12 if ap == "pm" else 0)
    clock = f"T{hh:02d}" + (f":{mi}" if mi else "")
    day = _clock_day(m, ctx)
    value = (day.isoformat() if day else "XXXX-XX-XX") + clock
    return _found(
        m, type="TIME", value=value, granularity="time", earliest=day, latest=day, anchored=day is not None
    )


def _clock_day(m: re.Match[str], ctx: _Ctx) -> date | None:
    """The day of a clock time: the DCT, or the weekday / "tomorrow" / "yesterday" right after it."""
    if ctx.ref is None:
        return None
    wd = (m["wd"] or "").lower()
    if wd in WEEKDAYS:
        delta = (WEEKDAYS[wd] - ctx.ref.weekday()) % 7
        future = tense(ctx.text, *m.span()) == "future"
        return (
            ctx.ref + timedelta(days=delta) if delta == 0 or future else ctx.ref - timedelta(days=7 - delta)
        )
    return ctx.ref + timedelta(days={"tomorrow": 1, "yesterday": -1}.get(wd, 0))


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
)
def _clock24(m: re.Match[str], ctx: _Ctx) -> list[_Found] | None:
    """A 24-hour clock time written as four digits ("0336 GMT", "from 1800 to 2100 hrs"): one TIME per end."""
    if m["mark"] == "hours" and not (m["b"] or m["a"][0] == "0" or _clock_before(ctx.text, m.start())):
        return None  # "1200 hours of work" is a duration
    day = _clock_day(m, ctx)

    def at(clock: str, span: tuple[int, int], day: date | None = day) -> _Found:
        value = (day.isoformat() if day else "XXXX-XX-XX") + f"T{clock[:2]}:{clock[2:]}"
        return _found(m, span, type="TIME", value=value, granularity="time", earliest=day, latest=day,
                      anchored=day is not None)  # fmt: skip

    if m["b"]:
        # "2300 to 0200 gmt" ends the next day
        day_b = day + timedelta(days=1) if day and m["b"] < m["a"] else day
        return [at(m["a"], m.span("a")), at(m["b"], (m.start("b"), m.end()), day_b)]
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
    "mon": "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec",
    "wd": " ".join(f"{d}day {d}days" for d in "Mon Tues Wednes Thurs Fri Satur Sun".split()),
    "cal": "week weekend month year decade",
    "tunit": "second minute hour day fortnight",
    "plural": "seconds minutes days nights weeks weekends fortnights months quarters years decades",
    "hours": "hours",  # the plural rules and four-digit clock times ("1900 hours")
    "night": "night",
    "cent": "century centuries",
    "quarter": "quarter",
    "qtr": "qtr",
    "half": "half",
    "season": "spring summer autumn fall winter season",
    "deic": "today tonight yesterday tomorrow morning afternoon evening",
    "ref": "now currently nowadays presently present recently lately past future moment these",
    "adv": "daily nightly weekly fortnightly monthly quarterly annually yearly hourly biweekly biannually "
    "semiannually",
    "clock": "a.m p.m am pm AM PM GMT UTC EST EDT CST CDT MST MDT CET BST PST PDT noon midnight o'clock hrs HRS gmt utc "
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
    r"(?:" + _trie(list(_ANCHOR_WORDS)) + r"\b|1(?:[89]\d\d\b|\d\d0'?s\b)|20\d(?:\d\b|0'?s\b)|Q[1-4]\b)"
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
    "several many dozens hundreds number couple dozen first second third fourth final remaining fiscal calendar "
    "financial and or from between right these day before zero one two three four five six seven eight nine ten "
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred half monday tuesday wednesday thursday friday saturday sunday mon tue "
    "tues wed thu thur thurs fri sat sun fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth st nd rd th".split()
)


def _anchor_kind(word: str) -> str:
    kind = _ANCHOR_WORDS.get(word)
    if kind:
        return kind
    if word[0] == "Q":
        return "qtr"
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


_WORD_RUN = re.compile(r"(?:[^\W_]|')+")  # letters, digits, apostrophes (str.isalnum or "'")
_SEP_RUN = re.compile(r"[ \t\n,\-–:.]*")  # the characters that may separate prefix words


# One step back from an offset, matched on the reversed text: the separators, then the word before them.
_BACK_STEP = re.compile(r"[ \t\n,\-–:.]*((?:[^\W_]|')+)")


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


def _blocked(furniture: list[Furniture]) -> Callable[[int], bool]:
    """Whether an offset lies in furniture that carries no content (as ``FurnitureIndex.kind`` finds it:
    the furniture starting last at or before the offset)."""
    items = sorted(furniture, key=lambda f: f.start)
    if not any(f.kind in NON_CONTENT for f in items):
        return lambda offset: False
    starts = [f.start for f in items]
    ends = [f.end if f.kind in NON_CONTENT else -1 for f in items]

    def blocked(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    return blocked


# anchor kind -> (match, handler, back, rule id) of its rules, in the order they were registered
_RULE_TABLE: dict[str, tuple[tuple[Callable[[str, int], re.Match[str] | None], Handler, int, int], ...]] = {
    kind: tuple((r.pattern.match, r.handler, r.back, id(r)) for r in rules) for kind, rules in _RULES.items()
}


def _resolve_all(text: str, ctx: _Ctx, blocked: Callable[[int], bool]) -> list[_Found]:
    found: list[_Found] = []
    seen: set[tuple[int, int, int]] = set()
    rtext = text[::-1]
    for p, q, kind in _anchors(text):
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
    # longest first; keep a candidate only when it overlaps nothing already kept
    found.sort(key=lambda f: (f.start - f.end, f.start))
    kept: list[_Found] = []
    for f in found:
        if any(f.start < k.end and k.start < f.end for k in kept):
            continue
        kept.append(f)
    kept.sort(key=lambda f: f.start)
    return kept


_new_timex = trusted(TimeExpression)  # built from values resolved here: no validation needed


def extract(article: Article, dct: DateValue | None) -> list[TimeExpression]:
    """Time expressions of ``article`` resolved against ``dct`` (the publication date, possibly unknown)."""
    text = article.text
    ref = dct.earliest if dct is not None else None
    ref_hi = (dct.latest or ref) if dct is not None else None
    ctx = _Ctx(text=text, ref=ref, ref_hi=ref_hi)
    out: list[TimeExpression] = []
    for f in _resolve_all(text, ctx, _blocked(article.furniture)):
        out.append(
            _new_timex(
                id=f"{article.id}:t{len(out) + 1}",
                article=article.id,
                start=f.start,
                end=f.end,
                text=text[f.start : f.end],
                type=f.type,
                value=f.value,
                granularity=f.granularity,
                earliest=f.earliest,
                latest=f.latest,
                mod=f.mod,
                anchored=f.anchored,
            )
        )
    return out
