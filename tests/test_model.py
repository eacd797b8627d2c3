"""DateValue labels show the granularity the text gave, never an invented day; unvalidated records are the
validated ones."""

import dataclasses
from datetime import date

import pytest
from pydantic import ValidationError

from dateline.core.model import (
    Actor,
    DateValue,
    Event,
    Evidence,
    Mention,
    Role,
    TimeExpression,
    Timeline,
    trusted,
    trusted_replace,
)


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


def test_a_date_without_any_bound_is_labelled_undated_whatever_its_tense() -> None:
    """An article with no publication date gives its lead's news a reference without a date: the label says
    it is undated (the tense is the event's status), never a day."""
    for ref in ("PAST_REF", "PRESENT_REF", "FUTURE_REF"):
        value = DateValue(value=ref, granularity="unknown")
        assert value.label() == "undated" and value.undated and value.open
    assert not DateValue(value="PAST_REF", granularity="unknown", latest=date(2017, 1, 24)).undated
    assert not DateValue.between(date(2017, 1, 24), date(2017, 1, 24)).undated


def test_overlap_and_containment() -> None:
    feb = DateValue(value="2017-02", granularity="month", earliest=date(2017, 2, 1), latest=date(2017, 2, 28))
    after = DateValue(value="FUTURE_REF", granularity="unknown", earliest=date(2017, 1, 24))
    jan = DateValue(value="2017-01", granularity="month", earliest=date(2017, 1, 1), latest=date(2017, 1, 31))
    assert feb.overlaps(after) and after.contains(feb) and not feb.contains(after)
    assert not feb.overlaps(jan)


def test_trusted_records_equal_validated_ones() -> None:
    """``trusted`` builds the very record validation builds: equal, same hash, same dump, and defaults made
    fresh per instance; the class itself still validates."""
    day = date(2017, 1, 24)
    dv_fields = {"value": "2017-01-24", "granularity": "day", "earliest": day, "latest": day}
    assert trusted(DateValue)(**dv_fields) == DateValue(**dv_fields)
    assert hash(trusted(DateValue)(**dv_fields)) == hash(DateValue(**dv_fields))
    assert trusted(DateValue)(**dv_fields).mod is None
    assert DateValue.between(day, day) == DateValue(**dv_fields)
    tx_fields = dict(
        id="a:t1",
        article="a",
        start=3,
        end=9,
        text="Jan 24",
        type="DATE",
        value="2017-01-24",
        granularity="day",
    )
    timex = trusted(TimeExpression)(**tx_fields, earliest=day, latest=day)
    assert timex == TimeExpression(**tx_fields, earliest=day, latest=day)
    assert timex.anchored is False and timex.mod is None
    ev_fields = {"article": "a", "start": 0, "end": 20, "text": "It happened Jan 24.", "timex": "a:t1"}
    evidence = trusted(Evidence)(**ev_fields)
    assert evidence == Evidence(**ev_fields) and hash(evidence) == hash(Evidence(**ev_fields))
    one = trusted(Event)(id="a:e1", headline="It happened", date=timex.date_value(), status="occurred")
    two = trusted(Event)(id="a:e2", headline="It happened", date=timex.date_value(), status="occurred")
    one.actors.append("a:a1")
    assert two.actors == [] and one.evidence is not two.evidence  # default lists made per instance
    actor_fields = dict(id="a:a1", name="Ann Lee", kind="person", aliases=["Ann Lee"])
    actor = trusted(Actor)(
        **actor_fields,
        roles=[trusted(Role)(title="envoy", article="a")],
        mentions=[trusted(Mention)(article="a", start=0, end=7, text="Ann Lee")],
    )
    validated = Actor(
        **actor_fields,
        roles=[{"title": "envoy", "article": "a"}],
        mentions=[{"article": "a", "start": 0, "end": 7, "text": "Ann Lee"}],
    )
    assert actor == validated and dataclasses.asdict(actor) == dataclasses.asdict(validated)
    event = dataclasses.replace(one, evidence=[evidence])
    built = Timeline(events=[event], timexes=[timex], actors=[actor])
    checked = Timeline(
        events=[Event(**{**dataclasses.asdict(event), "date": DateValue(**dv_fields)})],
        timexes=[TimeExpression(**tx_fields, earliest=day, latest=day)],
        actors=[validated],
    )
    assert built.model_dump_json() == checked.model_dump_json()
    with pytest.raises(TypeError):
        trusted(DateValue)(value="2017")  # a required field is still required
    with pytest.raises(ValidationError):
        DateValue(value="2017", granularity="fortnight")  # the class itself still validates


def test_trusted_replace_is_dataclasses_replace() -> None:
    day = date(2017, 1, 24)
    event = Event(id="a:e1", headline="It happened", date=DateValue.between(day, day), status="occurred")
    for changes in ({"id": "e1"}, {"actors": ["a1"], "quotes": ["q1"]}, {}):
        copy = trusted_replace(event, **changes)
        assert copy == dataclasses.replace(event, **changes) and copy is not event
    assert event.id == "a:e1" and event.actors == []  # the original is left as it was
    role = Role(title="envoy", article="a")
    assert trusted_replace(role, conflict=True) == Role(title="envoy", article="a", conflict=True)
    assert hash(trusted_replace(role, conflict=True)) == hash(Role(title="envoy", article="a", conflict=True))
