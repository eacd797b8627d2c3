"""Where in time the news is dense: events counted per day, week, month or year over the span the timeline
covers, resampled to a number of columns. Pure functions; the density strip widget draws them.

The span is the bulk of the events' dates (the first to the 99th percentile) when a few far dates would
otherwise take over, so one background date from 1857 does not squeeze a year of news into one column. Only events dated at least as precisely as the unit
are counted (a month-long event does not fall on the first of its month when counting per day).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.core.model import Event

UNITS = (("day", 1), ("week", 7), ("month", 31), ("year", 366))  # unit, the longest event span counted in it


def period_start(d: date, unit: str) -> date:
    if unit == "day":
        return d
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    return d.replace(month=1, day=1)


def next_period(d: date, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=1)
    if unit == "week":
        return d + timedelta(days=7)
    if unit == "month":
        return (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return d.replace(year=d.year + 1, month=1, day=1)


def _periods(lo: date, hi: date, unit: str) -> int:
    if unit == "day":
        return (hi - lo).days + 1
    if unit == "week":
        return (period_start(hi, "week") - period_start(lo, "week")).days // 7 + 1
    if unit == "month":
        return (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    return hi.year - lo.year + 1


def _index(d: date, lo: date, unit: str) -> int:
    return _periods(lo, d, unit) - 1


@dataclass(frozen=True)
class Density:
    """Counts per column over ``lo``..``hi`` in ``unit`` periods; ``columns[i]`` covers periods
    ``bounds[i]`` to ``bounds[i + 1]`` (exclusive)."""

    unit: str
    lo: date
    hi: date
    counts: tuple[int, ...]  # per period
    width: int

    @property
    def columns(self) -> list[int]:
        n = len(self.counts)
        if n == 0 or self.width <= 0:
            return []
        if n <= self.width:
            return list(self.counts)
        out = []
        for c in range(self.width):
            a, b = c * n // self.width, max((c + 1) * n // self.width, c * n // self.width + 1)
            out.append(sum(self.counts[a:b]))
        return out

    def column(self, d: date | None) -> int | None:
        """The column a date falls in (the first or last column for a date before or after the span)."""
        if d is None:
            return None
        d = min(max(d, self.lo), self.hi)
        k = _index(d, self.lo, self.unit)
        n = len(self.counts)
        if n <= self.width:
            return k
        # the column whose periods [c*n//width, (c+1)*n//width) hold k, as ``columns`` sums them (k*width//n
        # put some periods one column left of the bar that counts them)
        return min(((k + 1) * self.width - 1) // n, self.width - 1)

    def column_unit(self) -> str:
        """What one column counts: "day", or "3 months" or "3–4 months" when a column holds several periods
        (a bar per month it is not, when 207 months share 62 columns)."""
        n = len(self.counts)
        if n <= self.width:
            return self.unit
        fewest, most = n // self.width, -(-n // self.width)
        return f"{fewest}{'' if fewest == most else f'–{most}'} {self.unit}s"

    def column_start(self, c: int) -> date:
        """The first day column ``c`` covers."""
        n = len(self.counts)
        k = c if n <= self.width else c * n // self.width
        d = self.lo
        if self.unit == "day":
            return d + timedelta(days=k)
        if self.unit == "week":
            return d + timedelta(days=7 * k)
        for _ in range(k):
            d = next_period(d, self.unit)
        return d

    def densest(self) -> tuple[date, int] | None:
        """The start of the busiest column and its count."""
        cols = self.columns
        if not cols or max(cols) == 0:
            return None
        c = max(range(len(cols)), key=lambda i: (cols[i], -i))
        return self.column_start(c), cols[c]


def _dated(events: Sequence[Event]) -> list[tuple[date, int]]:
    """(first day, length in days) of every event with both bounds."""
    out = []
    for e in events:
        lo, hi = e.date.earliest, e.date.latest
        if lo is not None and hi is not None:
            out.append((lo, (hi - lo).days + 1))
    return out


def density(events: Sequence[Event], width: int) -> Density | None:
    """Counts of ``events`` per period, in the finest unit whose periods over the span fit ``width``
    columns at most four to a column. None when no event has a bounded date."""
    dated = _dated(events)
    if not dated or width <= 0:
        return None
    days = sorted(d for d, _ in dated)
    lo, hi = days[len(days) // 100], days[min(len(days) - 1, len(days) * 99 // 100)]
    if 2 * (hi - lo).days >= (days[-1] - days[0]).days:  # no far outliers: show everything
        lo, hi = days[0], days[-1]
    for unit, longest in UNITS:
        if unit != "year" and _periods(lo, hi, unit) > 4 * width:
            continue
        start = period_start(lo, unit)
        counts = [0] * _periods(start, hi, unit)
        for d, length in dated:
            if length <= longest and start <= d <= hi:
                counts[_index(d, start, unit)] += 1
        return Density(unit, start, hi, tuple(counts), width)
    return None
