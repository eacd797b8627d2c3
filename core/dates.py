"""Calendar arithmetic shared by the time steps: periods (months, weeks, quarters, seasons, units) as inclusive
bounds, moving a day by units, and the START/MID/END part of a period. Plain functions over ``datetime.date``;
no text, no anchor: the finder (``core.timexes``) uses them for absolute dates and the resolver
(``core.resolve``) for dates relative to the publication date."""

from __future__ import annotations

import math
from calendar import isleap
from datetime import date, timedelta

from dateline.core import lexicon
from dateline.core.model import Granularity

Period = tuple[str, date, date]  # TIMEX3 value, earliest, latest

# unit -> (TIMEX3 duration letter, multiplier, is a time-of-day unit, granularity)
UNITS: dict[str, tuple[str, int, bool, Granularity]] = {
    name: (letter, mult, is_time, gran)
    for name, (letter, mult, is_time, gran) in lexicon.table("time")["units"].items()
}
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    code: (a, b) for code, (a, b) in lexicon.table("time")["seasons"]["months"].items()
}

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(y: int, m: int) -> int:
    """``calendar.monthrange(y, m)[1]`` without the weekday it also computes."""
    return 29 if m == 2 and isleap(y) else _MONTH_DAYS[m - 1]


def valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= days_in_month(y, m)


def month_bounds(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, days_in_month(y, m))


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def week_bounds(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def quarter_bounds(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), month_bounds(y, 3 * q)[1]


def half_bounds(y: int, h: int) -> tuple[date, date]:
    return date(y, 6 * h - 5, 1), month_bounds(y, 6 * h)[1]


def season_bounds(y: int, s: str) -> tuple[date, date]:
    a, b = SEASON_MONTHS[s]
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


def unit_period(unit: str, d: date) -> Period:
    """The calendar period of ``unit`` that contains ``d``."""
    if unit == "day":
        return d.isoformat(), d, d
    if unit == "week":
        return (week_value(d), *week_bounds(d))
    if unit == "weekend":
        sat = d + timedelta(days=5 - d.weekday()) if d.weekday() < 5 else d - timedelta(days=d.weekday() - 5)
        return f"{week_value(sat)}-WE", sat, sat + timedelta(days=1)
    if unit == "month":
        return (f"{d.year:04d}-{d.month:02d}", *month_bounds(d.year, d.month))
    if unit == "quarter":
        q = (d.month - 1) // 3 + 1
        return (f"{d.year:04d}-Q{q}", *quarter_bounds(d.year, q))
    if unit == "half":
        h = 1 if d.month <= 6 else 2
        return (f"{d.year:04d}-H{h}", *half_bounds(d.year, h))
    if unit == "year":
        return f"{d.year:04d}", date(d.year, 1, 1), date(d.year, 12, 31)
    if unit == "decade":
        y = d.year - d.year % 10
        return f"{y // 10:03d}", date(y, 1, 1), date(y + 9, 12, 31)
    if unit == "century":
        y = d.year - d.year % 100
        return f"{y // 100:02d}", date(y, 1, 1), date(y + 99, 12, 31)
    raise ValueError(unit)


def pick(candidates: list[Period], ref: date, how: str | None) -> Period:
    """Choose among yearly repetitions of a name: ``last``/``next``/``this`` or a tense (``past``/``future``);
    without either, the one nearest ``ref``."""
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


def easter(y: int) -> date:
    """Easter Sunday of the Gregorian year ``y`` (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    return date(y, month, (h + ell - 7 * m + 114) % 31 + 1)


def nth_weekday(y: int, month: int, weekday: int, n: int, from_day: int = 1) -> date:
    """The ``n``-th ``weekday`` (Monday = 0) of a month on or after ``from_day``; ``n = -1``: the last."""
    if n < 0:
        last = date(y, month, days_in_month(y, month))
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(y, month, from_day)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


_HIJRI_EPOCH = 1948440  # Julian day number of 1 Muharram 1 AH (16 July 622), tabular (arithmetical) calendar


def islamic_day(year: int, month: int, day: int) -> date:
    """The Gregorian date of an Islamic (Hijri) date by the tabular calendar: within a day or two of the date
    the sighting of the moon gives."""
    jdn = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _HIJRI_EPOCH - 1
    return date.fromordinal(jdn - 1721425)


def islamic_years(y: int) -> range:
    """The Islamic years that overlap the Gregorian year ``y``."""
    first = round((y - 622) * 33 / 32)
    return range(first - 1, first + 3)


HOLIDAYS: dict[str, tuple[str, tuple]] = {
    name: (kind, tuple(spec) if isinstance(spec, list) else (spec,))
    for kind, table in lexicon.table("time")["holidays"].items()
    for name, spec in table.items()
}


def holiday(name: str, y: int) -> tuple[date, date] | None:
    """The day (or days) a named day (``core/vocab/time.toml``) falls on in the Gregorian year ``y``; for a
    period of the Islamic calendar, the one that begins in ``y``."""
    kind, spec = HOLIDAYS[name]
    if kind == "fixed":
        return date(y, spec[0], spec[1]), date(y, spec[0], spec[1])
    if kind == "weekday":
        d = nth_weekday(y, spec[0], spec[1], spec[2], spec[3])
        return d, d
    if kind == "easter":
        d = easter(y) + timedelta(days=spec[0])
        return d, d
    for hy in islamic_years(y):
        lo = islamic_day(hy, spec[0], spec[1])
        if lo.year == y:
            return lo, lo + timedelta(days=spec[2] - 1)
    return None
