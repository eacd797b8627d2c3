"""Step 3, third pass — resolve what only the anchor can give: the one reader of the publication date.

``core.timexes.find`` leaves a *placeholder* on every time expression whose value depends on the anchor
(the publication date, DCT): a month without a year, "last week", "on Friday", "three years ago", "the end of
the year". A placeholder is a short string, an operation and its arguments separated by spaces (``-`` for
none), e.g. ``mon 2 - - -1 -`` ("February last year"):

========  ==========================  ===========================================================
op        arguments                   what it names
========  ==========================  ===========================================================
md        month day day2 yoff wd      a day (or days) of a month: year from ``yoff`` (offset from
                                      the anchor's year), else the repetition nearest the anchor, the
                                      sentence's tense deciding; ``wd`` the weekday the text gives it
mdr       how month day               "last Oct. 23", "next March 5": that day's repetition just before
                                      (``last``) or after (``next``) the anchor
mon       month how clip yoff again   a month; ``how`` last/next/this or ``-`` (the tense decides);
                                      ``again``: the same month named nearby (``bare`` or years)
mrange    month month yoff            a range of months
q / h     n yoff [back]               a quarter / a half of a year (``back`` years before: "the year-ago
                                      third quarter")
season    code how yoff               a season
rel       unit step clip bytense      the unit's period ``step`` periods from the anchor's
day       days tod                    the anchor's day moved ``days`` ("yesterday evening")
wd        weekday how weekoff tod     a weekday near the anchor (or in the week ``weekoff`` names)
wdr       weekday weekday weekoff     a range of weekdays
span      value n unit dir            a duration reaching back (``past``) or on (``next``) from the anchor
ago       n unit sign                 the unit's period ``n`` units before (``-1``) or after the anchor
ref       PRESENT_REF|PAST_REF|…      now, the past, the future: bounded by the anchor
clock     clock dayword later         a clock time on the anchor's day (or the weekday/"tomorrow" after it)
level     year                        a bare number that is a year only near the anchor ("at 2075")
hol       name how                    a named day or period ("Thanksgiving", "Ramadan") near the anchor
ana       n unit sign                 "a year earlier": the narrative's period (or the anchor's) moved
narr      noun back year              "the quarter", "the year-earlier period": the narrative's quarter
follow    unit step                   "that year", "the following month": the narrative's period, moved
decw      decade                      "the nineties": the latest such decade begun by the anchor
========  ==========================  ===========================================================

``clip`` is ``earlier``/``later`` ("earlier this year" ends at the anchor) or ``-``. Resolving is a pure
function of (placeholder, tense, mod, anchor), cached: re-dating an article when its date is learnt later
costs a dictionary look-up per expression, never a rescan of its text.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateline.core.dates import (
    HOLIDAYS,
    UNITS,
    half_bounds,
    holiday,
    month_bounds,
    narrow,
    pick,
    quarter_bounds,
    season_bounds,
    shift,
    unit_period,
    valid_day,
    week_bounds,
)
from dateline.core.model import DateValue, Granularity, TimeExpression, trusted_replace

# value, granularity, earliest, latest, anchored (resolved relative to the anchor)
Resolution = tuple[str, Granularity, date | None, date | None, bool]

NEAR_DAYS = 14  # a month-day within a fortnight of the anchor is that one whatever the tense
NEAR_MONTH_DAYS = 75  # a month this close to the anchor is that one, unless the tense is sure of another ...
FAR_MONTH_DAYS = 150  # ... that is at most this far: a reporting verb's tense is not the month's

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNRESOLVED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


def resolve(found: list[TimeExpression], anchor: DateValue | None) -> list[TimeExpression]:
    """``found`` with every placeholder resolved against ``anchor`` (unresolved again when it is ``None`` or
    only a bound, open on a side).

    Expressions without a placeholder are returned as they are; one the anchor shows not to be a time
    expression (a number far from the anchor's year after "at") is left out. Ids are renumbered in order."""
    if anchor is not None and anchor.open:  # a bound ("after 1 Mar 1996") is no day to count from
        anchor = None
    ref = anchor.earliest if anchor is not None else None
    ref_hi = (anchor.latest or ref) if anchor is not None else None
    if ref is not None and ref_hi is not None and (ref_hi - ref).days <= 2:
        # a dateline's day give or take one: the day itself is the likeliest, and what "on Friday" is counted from
        ref = ref + timedelta(days=(ref_hi - ref).days // 2)
    out: list[TimeExpression] = []
    for t in found:
        if t.placeholder is not None:
            if ref is None:
                r: Resolution | None = _unresolved(t.placeholder)
            elif t.placeholder.startswith(_NARRATIVE_OPS):
                r = _narrative(t, out, ref, ref_hi or ref)
            else:
                r = _resolved(t.placeholder, t.tense, t.mod, ref, ref_hi or ref)
            if r is None:
                continue
            value, gran, lo, hi, anchored = r
            t = trusted_replace(t, value=value, granularity=gran, earliest=lo, latest=hi, anchored=anchored)
        n = len(out) + 1
        if t.id != f"{t.article}:t{n}":
            t = trusted_replace(t, id=f"{t.article}:t{n}")
        out.append(t)
    return out


# ---------------------------------------------------------------------------------------------------------
# The narrative: expressions read against the time the text is talking about, not the anchor itself

NARRATIVE = 1500  # characters back a narrative reference ("the quarter", "a year earlier") is looked for
_NARRATIVE_OPS = ("ana ", "narr ", "ago ", "follow ")
# the granularities a narrative reference may have, finest first (the order is what compares them)
_REFERENCE_GRANS = ("day", "week", "month", "quarter", "half", "year")


def _reference(
    out: list[TimeExpression], start: int, grans: tuple[str, ...], clock: bool = False
) -> TimeExpression | None:
    """The nearest date before ``start`` (within ``NARRATIVE`` characters) at one of ``grans``: the time the
    narrative is at ("third-quarter profit rose ... from a year earlier": the third quarter). With ``clock``, a
    clock time on a known day stands for that day ("struck at 16:08 UTC on Tuesday ... that day")."""
    for o in reversed(out):
        if start - o.start > NARRATIVE:
            return None
        derived = o.placeholder is not None and o.placeholder.startswith(_NARRATIVE_OPS)
        usable = (
            o.type == "DATE"
            and o.earliest is not None
            and o.mod is None
            and "/" not in o.value
            and not derived
        )
        if usable and o.granularity in grans and not o.value.endswith("_REF"):
            return o
        if (
            clock
            and "day" in grans
            and o.type == "TIME"
            and o.granularity == "time"
            and o.earliest is not None
            and o.earliest == o.latest
            and not derived
        ):  # "struck at 16:08 UTC on Tuesday ... that day": a clock time's day
            return trusted_replace(o, type="DATE", value=o.earliest.isoformat(), granularity="day")
    return None


def _moved(o: TimeExpression, n: float, unit: str) -> Resolution | None:
    """The reference's own period, ``n`` units on: at the reference's granularity, when the unit is no finer."""
    gran = o.granularity
    order = _REFERENCE_GRANS
    unit_gran = "year" if unit in ("decade", "century") else _unit_gran(unit)
    if gran not in order or unit_gran not in order or order.index(unit_gran) < order.index(gran):
        return None
    assert o.earliest is not None
    value, lo, hi = unit_period(gran, shift(o.earliest, n, unit))
    return value, gran, lo, hi, True  # type: ignore[return-value]


def _previous_quarter(ref: date, tense: str | None) -> tuple[str, date, date]:
    """ "The quarter" of a report: the last one ended (the current one when the sentence looks ahead)."""
    value, lo, hi = unit_period("quarter", ref)
    if tense == "future":
        return value, lo, hi
    return unit_period("quarter", lo - timedelta(days=1))


def _narrative(t: TimeExpression, out: list[TimeExpression], ref: date, ref_hi: date) -> Resolution | None:
    assert t.placeholder is not None
    op, *a = t.placeholder.split(" ")
    if op == "ago":
        n, unit = _num(a[0]), a[1]
        quarter = _reference(out, t.start, ("quarter",)) if unit in ("year", "quarter") and n else None
        if quarter is not None and quarter.latest is not None and (ref - quarter.latest).days <= 200:
            # "profit rose from a year ago" in a report on the quarter just ended: that quarter, a year before
            return _moved(quarter, int(a[2]) * (n or 1), unit)
        return _resolved(t.placeholder, t.tense, t.mod, ref, ref_hi)
    if op == "follow":  # "that year", "the following month": the narrative's period, or the next or last one
        unit, step = a[0], int(a[1])
        o = _reference(out, t.start, _REFERENCE_GRANS, clock=True)
        order = _REFERENCE_GRANS
        if o is None or o.earliest is None or order.index(o.granularity) > order.index(unit):
            return None  # no narrative, or one vaguer than the unit ("in 1995 ... that day")
        value, lo, hi = unit_period(unit, shift(o.earliest, step, unit))
        return value, unit, lo, hi, True  # type: ignore[return-value]
    if op == "ana":  # "a year earlier", "two weeks later": from the time the narrative is at
        n, unit, sign = _num(a[0]) or 1.0, a[1], int(a[2])
        o = (_reference(out, t.start, ("quarter",)) if unit in ("year", "quarter") else None) or _reference(
            out, t.start, _REFERENCE_GRANS
        )
        if o is not None and (moved := _moved(o, sign * n, unit)) is not None:
            return moved
        value, lo, hi = unit_period(_unit_gran(unit), shift(ref, sign * n, unit))
        return value, _unit_gran(unit), lo, hi, True
    # "narr": "the quarter", "the latest period", "the year-earlier quarter", "the 1988 period"
    noun, years, year = a[0], int(a[1]), _int(a[2])
    o = _reference(out, t.start, ("quarter",))
    if o is not None and o.earliest is not None:
        value, lo, hi = o.value, o.earliest, o.latest
    elif noun == "quarter":
        value, lo, hi = _previous_quarter(ref, t.tense)
    else:
        return None  # "the period" with no quarter in the story: a stretch of time, not a date
    if year is not None:
        years = year - lo.year
    value, lo, hi = unit_period("quarter", shift(lo, years, "year"))
    return value, "quarter", lo, hi, True


def unresolved(placeholder: str) -> tuple[str, Granularity, date | None, date | None]:
    """The value a placeholder has without an anchor (``XXXX-02``, ``PAST_REF``, ...)."""
    r = _unresolved(placeholder)
    assert r is not None
    return r[0], r[1], r[2], r[3]


def _int(arg: str) -> int | None:
    return None if arg == "-" else int(arg)


def _num(arg: str) -> float | None:
    return None if arg == "-" else float(arg)


def _unit_gran(unit: str) -> Granularity:
    gran = UNITS[unit][3]
    return "day" if gran == "time" else gran


@lru_cache(maxsize=4096)
def _unresolved(placeholder: str) -> Resolution | None:
    op, *a = placeholder.split(" ")
    if op == "md":
        m, d, d2 = int(a[0]), int(a[1]), _int(a[2])
        day = f"XXXX-{m:02d}-{d:02d}"
        if d2:
            return f"{day}/XXXX-{m:02d}-{d2:02d}", "range", None, None, False
        return day, "day", None, None, False
    if op == "mdr":
        return f"XXXX-{int(a[1]):02d}-{int(a[2]):02d}", "day", None, None, False
    if op == "mon":
        return f"XXXX-{int(a[0]):02d}", "month", None, None, False
    if op == "mrange":
        return f"XXXX-{int(a[0]):02d}/XXXX-{int(a[1]):02d}", "range", None, None, False
    if op == "q":
        return f"XXXX-Q{a[0]}", "quarter", None, None, False
    if op == "h":
        return f"XXXX-H{a[0]}", "half", None, None, False
    if op == "season":
        return f"XXXX-{a[0]}", "season", None, None, False
    if op == "rel":
        return _UNRESOLVED[a[0]], ("range" if a[0] == "weekend" else a[0]), None, None, False  # type: ignore[return-value]
    if op == "day":
        if a[1] == "-":
            return "XXXX-XX-XX", "day", None, None, False
        return f"XXXX-XX-XXT{a[1]}", "time", None, None, False
    if op == "wd":
        if a[3] == "-":
            return f"XXXX-WXX-{int(a[0]) + 1}", "day", None, None, False
        return f"XXXX-WXX-{int(a[0]) + 1}T{a[3]}", "time", None, None, False
    if op == "wdr":
        return f"XXXX-WXX-{int(a[0]) + 1}/XXXX-WXX-{int(a[1]) + 1}", "range", None, None, False
    if op == "span":
        return a[0], UNITS[a[2]][3], None, None, False
    if op == "ago":
        if a[0] == "-":
            return ("PAST_REF" if a[2] == "-1" else "FUTURE_REF"), "unknown", None, None, False
        gran = _unit_gran(a[1])
        return _UNRESOLVED.get(gran, "XXXX"), gran, None, None, False
    if op == "ref":
        return a[0], "unknown", None, None, False
    if op == "clock":
        return "XXXX-XX-XX" + a[0], "time", None, None, False
    if op == "ana":
        gran = _unit_gran(a[1])
        return _UNRESOLVED.get(gran, "XXXX"), gran, None, None, False
    if op == "narr":
        return "XXXX-QX", "quarter", None, None, False
    if op == "follow":
        return _UNRESOLVED[a[0]], a[0], None, None, False  # type: ignore[return-value]
    if op == "decw":
        return f"XX{a[0]}", "decade", None, None, False
    if op == "hol":
        gran = "range" if HOLIDAYS[a[0].replace("_", " ")][0] == "islamic" else "day"
        return ("XXXX-XX-XX/XXXX-XX-XX" if gran == "range" else "XXXX-XX-XX"), gran, None, None, False  # type: ignore[return-value]
    if op == "level":
        y = int(a[0])
        return f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31), False
    raise ValueError(f"unknown placeholder {placeholder!r}")


@lru_cache(maxsize=65536)
def _resolved(
    placeholder: str, tense: str | None, mod: str | None, ref: date, ref_hi: date
) -> Resolution | None:
    op, *a = placeholder.split(" ")
    try:
        return _OPS[op](a, tense, mod, ref, ref_hi)
    except (ValueError, OverflowError):  # a date out of range: not a time expression here
        return None


def _day_or_range(lo: date, hi: date) -> Resolution:
    if lo == hi:
        return lo.isoformat(), "day", lo, lo, True
    return f"{lo.isoformat()}/{hi.isoformat()}", "range", lo, hi, True


def _month_day(
    a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date
) -> Resolution | None:
    m, d = int(a[0]), int(a[1])
    d2 = _int(a[2]) or d
    yoff = _int(a[3])
    if yoff is not None:
        y = ref.year + yoff
        if not (1800 <= y <= 2100 and valid_day(y, m, d) and valid_day(y, m, d2)):
            return None
        return _day_or_range(date(y, m, d), date(y, m, d2))
    cands = [
        (f"{y:04d}", date(y, m, d), date(y, m, d2))
        for y in (ref.year - 1, ref.year, ref.year + 1)
        if valid_day(y, m, d) and valid_day(y, m, d2)
    ]
    if not cands:
        return None
    near = [c for c in cands if abs((c[1] - ref).days) <= NEAR_DAYS]
    _, lo, hi = near[0] if near else _by_tense_or_near(cands, ref, tense, days=True)
    return _day_or_range(lo, hi)


def _month_day_rel(
    a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date
) -> Resolution | None:
    how, m, d = a[0], int(a[1]), int(a[2])
    cands = [
        (f"{y:04d}", date(y, m, d), date(y, m, d))
        for y in range(ref.year - 1, ref.year + 2)
        if valid_day(y, m, d)
    ]
    if not cands:
        return None
    _, lo, hi = pick(cands, ref, how)
    return _day_or_range(lo, hi)


def _month_periods(m: int, ref: date) -> list[tuple[str, date, date]]:
    return [(f"{y:04d}-{m:02d}", *month_bounds(y, m)) for y in (ref.year - 1, ref.year, ref.year + 1)]


def _clip(clip: str, lo: date, hi: date, ref: date) -> tuple[date, date]:
    """ "earlier this year" ends at the anchor, "later this month" starts there."""
    if clip == "-" or not lo <= ref <= hi:
        return lo, hi
    return (lo, ref) if clip == "earlier" else (ref, hi)


def _month(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    m, how, clip, yoff, again = int(a[0]), a[1], a[2], _int(a[3]), a[4]
    if yoff is not None:
        y = ref.year + yoff
        value, lo, hi = f"{y:04d}-{m:02d}", *month_bounds(y, m)
    elif how == "this":  # "this September": the one of the anchor's year
        value, lo, hi = f"{ref.year:04d}-{m:02d}", *month_bounds(ref.year, m)
    else:
        periods = _month_periods(m, ref)
        value, lo, hi = pick(periods, ref, how) if how != "-" else _by_tense_or_near(periods, ref, tense)
        if how == "last" and again != "-" and (again == "bare" or str(lo.year) in again.split(",")):
            # "February sales fell from last February": a year before the bare February
            value, lo, hi = pick(_month_periods(m, lo), lo, "last")
    lo, hi = _clip(clip, *narrow(lo, hi, mod), ref)
    return value, "month", lo, hi, True


def _distance(period: tuple[str, date, date], ref: date) -> int:
    return max((period[1] - ref).days, (ref - period[2]).days, 0)


def _by_tense_or_near(
    periods: list[tuple[str, date, date]], ref: date, tense: str | None, days: bool = False
) -> tuple[str, date, date]:
    """The repetition the sentence's tense points to, unless that is far and the one on the other side of the
    anchor is close: "gave them until mid-November", said on 30 October, is the coming one (the past tense is
    the giving's); "will appeal the Aug. 21 ruling", said on 27 October, the one just gone."""
    chosen = pick(periods, ref, tense)
    nearest = pick(periods, ref, None)
    ahead = nearest[1] > ref
    if (
        (tense == "past" or (tense == "future" and days))  # a month ahead in the future tense is common
        and ahead == (tense == "past")
        and _distance(chosen, ref) > FAR_MONTH_DAYS
        and _distance(nearest, ref) <= NEAR_MONTH_DAYS
    ):
        return nearest
    return chosen


def _year_of(yoff: int | None, periods: list[tuple[str, date, date]], ref: date, tense: str | None) -> int:
    if yoff is not None:
        return ref.year + yoff
    return int(_by_tense_or_near(periods, ref, tense)[0][:4])


def _report_year(
    yoff: int | None, periods: list[tuple[str, date, date]], ref: date, tense: str | None
) -> int:
    """The year of a quarter or half named alone: one reported as happened has begun; otherwise the nearest
    ("will release third-quarter results", said in October, is about the quarter just ended)."""
    if yoff is not None:
        return ref.year + yoff
    return int(pick(periods, ref, "past" if tense == "past" else None)[0][:4])


def _month_range(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    m1, m2 = int(a[0]), int(a[1])
    y = _year_of(_int(a[2]), _month_periods(m1, ref), ref, tense)
    return f"{y:04d}-{m1:02d}/{y:04d}-{m2:02d}", "range", month_bounds(y, m1)[0], month_bounds(y, m2)[1], True


def _quarter(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    q = int(a[0])
    periods = [(f"{y:04d}-Q{q}", *quarter_bounds(y, q)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    y = _report_year(_int(a[1]), periods, ref, tense) + (int(a[2]) if len(a) > 2 else 0)
    return f"{y:04d}-Q{q}", "quarter", *quarter_bounds(y, q), True


def _half(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    h = int(a[0])
    periods = [(f"{y:04d}-H{h}", *half_bounds(y, h)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    y = _report_year(_int(a[1]), periods, ref, tense)
    return f"{y:04d}-H{h}", "half", *half_bounds(y, h), True


def _season(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    s, how, yoff = a[0], a[1], _int(a[2])
    if yoff is not None:
        y = ref.year + yoff
    else:
        periods = [(f"{y:04d}-{s}", *season_bounds(y, s)) for y in range(ref.year - 2, ref.year + 2)]
        y = int(pick(periods, ref, tense if how == "-" else how)[0][:4])
    lo, hi = narrow(*season_bounds(y, s), mod)
    return f"{y:04d}-{s}", "season", lo, hi, True


def _relative(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    unit, step, clip, by_tense = a[0], int(a[1]), a[2], a[3] != "-"
    if unit == "weekend" and by_tense:  # "over the weekend": the last one unless the sentence looks ahead
        step = 0 if tense == "future" else -1
    if unit == "weekend":
        base = ref + timedelta(days=7 * step)
        if step < 0 and ref.weekday() == 6:
            base = ref - timedelta(days=7)
        value, lo, hi = unit_period("weekend", base)
        if step < 0 and ref.weekday() < 5:
            value, lo, hi = unit_period("weekend", ref - timedelta(days=ref.weekday() + 2))
    else:
        value, lo, hi = unit_period(unit, ref)
        for _ in range(abs(step)):
            value, lo, hi = unit_period(
                unit, (lo - timedelta(days=1)) if step < 0 else (hi + timedelta(days=1))
            )
    if by_tense and unit != "weekend":
        # "the end of the year" in a past-tense sentence said before that end: the previous one
        nlo, nhi = narrow(lo, hi, mod)
        if tense == "past" and nlo > ref:
            value, lo, hi = unit_period(unit, lo - timedelta(days=1))
        elif tense == "future" and nhi < ref:
            value, lo, hi = unit_period(unit, hi + timedelta(days=1))
    lo, hi = _clip(clip, *narrow(lo, hi, mod), ref)
    gran: Granularity = "range" if unit == "weekend" else unit  # type: ignore[assignment]
    return value, gran, lo, hi, True


def _day(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    days = int(a[0])
    suffix = f"T{a[1]}" if a[1] != "-" else ""
    lo, hi = ref + timedelta(days=days), ref_hi + timedelta(days=days)
    return lo.isoformat() + suffix, ("time" if suffix else "day"), lo, hi, True


def _weekday(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    wd, how, week_off = int(a[0]), a[1], _int(a[2])
    suffix = f"T{a[3]}" if a[3] != "-" else ""
    delta = (wd - ref.weekday()) % 7  # days forward to the next such weekday (0: the anchor itself)
    if week_off is not None:
        d = week_bounds(ref)[0] + timedelta(weeks=week_off, days=wd)
    elif how == "last":
        d = ref - timedelta(days=(7 - delta) % 7 or 7)
    elif how == "next":
        d = ref + timedelta(days=delta or 7)
    elif how == "this":
        d = week_bounds(ref)[0] + timedelta(days=wd)
    elif delta == 0:
        d = ref
    elif tense == "future":
        d = ref + timedelta(days=delta)
    else:
        d = ref - timedelta(days=7 - delta)
    return d.isoformat() + suffix, ("time" if suffix else "day"), d, d, True


def _weekday_range(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    wa, wb, week_off = int(a[0]), int(a[1]), _int(a[2])
    if week_off is not None:
        lo = week_bounds(ref)[0] + timedelta(weeks=week_off, days=wa)
    else:
        delta = (wa - ref.weekday()) % 7
        lo = (
            ref + timedelta(days=delta)
            if tense == "future" or delta == 0
            else ref - timedelta(days=7 - delta)
        )
        if tense == "past" and lo + timedelta(days=(wb - wa) % 7) > ref:
            lo -= timedelta(days=7)  # "met from Monday to Wednesday", said on a Tuesday: the week before
    hi = lo + timedelta(days=(wb - wa) % 7)
    return f"{lo.isoformat()}/{hi.isoformat()}", "range", lo, hi, True


def _span(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    value, n, unit, direction = a[0], _num(a[1]), a[2], a[3]
    gran = UNITS[unit][3]
    if direction == "next":
        return value, gran, ref, (shift(ref_hi, n, unit) if n is not None else None), True
    return value, gran, (shift(ref, -n, unit) if n is not None else None), ref_hi, True


def _ago(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    n, unit, sign = _num(a[0]), a[1], int(a[2])
    gran = _unit_gran(unit)
    if n is None:
        # "a few weeks ago": somewhere between one and nine units back
        lo = shift(ref, sign * 9, unit) if sign < 0 else shift(ref, 2, unit)
        hi = shift(ref_hi, -2, unit) if sign < 0 else shift(ref, 9, unit)
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), gran, lo, hi, True
    value, lo, hi = unit_period(gran, shift(ref, sign * n, unit))
    return value, gran, lo, hi, True


def _ref(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    kind = a[0]
    if kind == "PRESENT_REF":
        return kind, "unknown", ref, ref_hi, True
    if kind == "PAST_REF":
        return kind, "unknown", None, ref_hi, True
    return kind, "unknown", ref, None, True


def _clock(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution | None:
    clock, word, later = a[0], a[1], int(a[2])
    if "/" in word:  # "5 p.m. EST Nov. 12": the day of the month, its year as for any such day
        m, d = word.split("/")
        r = _month_day([m, d, "-", "-", "-"], tense, None, ref, ref_hi)
        if r is None or r[2] is None:
            return None
        day = r[2]
    elif word in _WEEKDAYS:
        delta = (_WEEKDAYS.index(word) - ref.weekday()) % 7
        day = (
            ref + timedelta(days=delta)
            if delta == 0 or tense == "future"
            else ref - timedelta(days=7 - delta)
        )
    else:
        day = ref + timedelta(days={"tomorrow": 1, "yesterday": -1}.get(word, 0))
    day += timedelta(days=later)
    return day.isoformat() + clock, "time", day, day, True


def _holiday(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution | None:
    name, how = a[0].replace("_", " "), a[1]
    cands = [(str(y), *span) for y in (ref.year - 1, ref.year, ref.year + 1) if (span := holiday(name, y))]
    if not cands:
        return None
    near = [c for c in cands if abs((c[1] - ref).days) <= NEAR_DAYS]
    if how != "-":
        _, lo, hi = pick(cands, ref, how)
    else:
        _, lo, hi = near[0] if near else pick(cands, ref, tense)
    return _day_or_range(lo, hi)


def _decade_word(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution:
    """ "The nineties": the latest such decade begun by the anchor."""
    d = int(a[0])
    y = ref.year // 100 * 100 + 10 * d
    if y > ref.year:
        y -= 100
    lo, hi = narrow(date(y, 1, 1), date(y + 9, 12, 31), mod)
    return str(y // 10), "decade", lo, hi, True


FAR_PAST_YEARS = 120  # a bare number after "at" further from the anchor's year than these is a level
FAR_FUTURE_YEARS = 40


def _level(a: list[str], tense: str | None, mod: str | None, ref: date, ref_hi: date) -> Resolution | None:
    y = int(a[0])
    if not ref.year - FAR_PAST_YEARS <= y <= ref.year + FAR_FUTURE_YEARS:
        return None  # "the index closed at 2075": a level, not a year
    lo, hi = narrow(date(y, 1, 1), date(y, 12, 31), mod)
    return f"{y:04d}", "year", lo, hi, False


_OPS = {
    "md": _month_day,
    "mdr": _month_day_rel,
    "mon": _month,
    "mrange": _month_range,
    "q": _quarter,
    "h": _half,
    "season": _season,
    "rel": _relative,
    "day": _day,
    "wd": _weekday,
    "wdr": _weekday_range,
    "span": _span,
    "ago": _ago,
    "ref": _ref,
    "clock": _clock,
    "level": _level,
    "hol": _holiday,
    "decw": _decade_word,
}
