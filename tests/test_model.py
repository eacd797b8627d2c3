"""DateValue labels show the granularity the text gave, never an invented day."""

from datetime import date

from core.model import DateValue


def dv(value: str, gran: str, lo: date | None, hi: date | None, mod: str | None = None) -> str:
    return DateValue(value=value, granularity=gran, earliest=lo, latest=hi, mod=mod).label()


def test_labels_at_their_granularity() -> None:
    assert dv("2017-01-24", "day", date(2017, 1, 24), date(2017, 1, 24)) == "24 Jan 2017"
    assert dv("2017-02", "month", date(2017, 2, 1), date(2017, 2, 28)) == "Feb 2017"
    assert dv("2016", "year", date(2016, 1, 1), date(2016, 12, 31)) == "2016"
    assert dv("2016", "year", date(2016, 9, 1), date(2016, 12, 31), "END") == "late 2016"
    assert dv("2011", "year", date(2011, 1, 1), date(2011, 4, 30), "START") == "early 2011"
    assert dv("2011-06", "month", date(2011, 6, 11), date(2011, 6, 20), "MID") == "mid-Jun 2011"
    assert dv("199", "decade", date(1990, 1, 1), date(1999, 12, 31)) == "1990s"
    assert dv("x", "range", date(2017, 1, 23), date(2017, 1, 25)) == "23–25 Jan 2017"
    assert dv("FUTURE_REF", "unknown", date(2017, 1, 24), None) == "after 24 Jan 2017"
    assert dv("PAST_REF", "unknown", None, date(2017, 1, 24)) == "by 24 Jan 2017"


def test_overlap_and_containment() -> None:
    feb = DateValue(value="2017-02", granularity="month", earliest=date(2017, 2, 1), latest=date(2017, 2, 28))
    after = DateValue(value="FUTURE_REF", granularity="unknown", earliest=date(2017, 1, 24))
    jan = DateValue(value="2017-01", granularity="month", earliest=date(2017, 1, 1), latest=date(2017, 1, 31))
    assert feb.overlaps(after) and after.contains(feb) and not feb.contains(after)
    assert not feb.overlaps(jan)
