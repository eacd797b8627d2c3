"""The density strip's arithmetic: which column counts a date, where a column starts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dateline.tui.density import Density, next_period


def _start(lo: date, unit: str, k: int) -> date:
    """The first day of period ``k`` from ``lo``."""
    if unit == "day":
        return lo + timedelta(days=k)
    d = lo
    for _ in range(k):
        d = next_period(d, unit)
    return d


@pytest.mark.parametrize(("periods", "width"), [(207, 62), (100, 30), (365, 78), (40, 39), (10, 10), (5, 8)])
@pytest.mark.parametrize("unit", ["day", "month"])
def test_a_date_is_in_the_column_whose_bar_counts_it(periods: int, width: int, unit: str) -> None:
    """The cursor's marker and the filtered range sit over the bar that counts their dates (with several
    periods to a column, some dates were put one column left of their bar)."""
    lo = date(1980, 1, 1)
    counts = tuple(1 if k == periods // 2 else 0 for k in range(periods))  # one event, in the middle
    data = Density(unit, lo, _start(lo, unit, periods - 1), counts, width)
    bars = data.columns
    for k in range(periods):
        day = _start(lo, unit, k)
        c = data.column(day)
        assert c is not None and data.column_start(c) <= day, (k, c)
        if k == periods // 2:
            assert bars[c] == 1, (k, c, bars)  # the bar over the marker is the one holding the event
        if periods <= width:
            assert c == k
        else:
            assert c * periods // width <= k < (c + 1) * periods // width, (k, c)


def test_what_a_column_counts_is_said_as_it_is() -> None:
    lo = date(1980, 1, 1)
    assert Density("month", lo, lo, (0,) * 60, 78).column_unit() == "month"
    assert Density("month", lo, lo, (0,) * 207, 62).column_unit() == "3–4 months"  # 207 = 62 × 3.3
    assert Density("day", lo, lo, (0,) * 156, 78).column_unit() == "2 days"
