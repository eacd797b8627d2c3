"""Salience, key events and the focus period: what matters first, and where a timeline opens."""

from __future__ import annotations

from datetime import date

from dateline.core import export, salience
from dateline.core.model import Article, DateValue, Event, Evidence, TimeExpression, Timeline
from dateline.core.published import day


def _event(eid: str, when: DateValue, articles: list[str], headline: str = "Something happened") -> Event:
    evidence = [Evidence(article=a, start=0, end=5, text="Text.") for a in articles]
    return Event(id=eid, headline=headline, date=when, status="occurred", evidence=evidence)


def _day(y: int, m: int, d: int) -> DateValue:
    return day(date(y, m, d))


def _timeline(events: list[Event], published: list[date | None]) -> Timeline:
    arts = [
        Article(id=f"a{i}", text="Text.", published=day(p) if p else None) for i, p in enumerate(published)
    ]
    salience.assign(events, arts, [])
    return Timeline(articles=arts, events=events)


def test_an_event_told_by_more_articles_is_more_salient() -> None:
    one = _event("e1", _day(2020, 3, 2), ["a0"])
    three = _event("e2", _day(2020, 3, 3), ["a0", "a1", "a2"])
    tl = _timeline([one, three], [date(2020, 3, 3)] * 3)
    assert three.salience > one.salience
    assert [e.id for e in salience.key_events(tl)] == ["e2", "e1"]
    assert [e.id for e in salience.key_events(tl, 1)] == ["e2"]


def _timex(
    aid: str, lo: date, hi: date | None = None, value: str | None = None, granularity: str = "day"
) -> TimeExpression:
    """A time expression of article ``aid`` naming ``lo``..``hi`` (a day by default)."""
    return TimeExpression(
        id=f"{aid}:t",
        article=aid,
        start=0,
        end=3,
        text=value or lo.isoformat(),
        type="DATE",
        value=value or lo.isoformat(),
        granularity=granularity,  # type: ignore[arg-type]
        earliest=lo,
        latest=hi or lo,
    )


def _now(aid: str, published: date) -> TimeExpression:
    """ "now" in an article: bounded by its publication day, but naming no date."""
    return _timex(aid, published, value="PRESENT_REF", granularity="unknown")


def test_a_date_other_articles_point_to_and_a_reporting_burst_add_salience() -> None:
    quiet = _event("e1", _day(2020, 3, 2), ["a0"])
    pointed = _event("e2", _day(2020, 3, 5), ["a1"])
    arts = [Article(id=f"a{i}", text="Text.", published=day(date(2020, 3, 9))) for i in range(4)]
    # three articles name 5 March: later articles keep coming back to that day
    salience.assign([quiet, pointed], arts, [_timex(f"a{i}", date(2020, 3, 5)) for i in (1, 2, 3)])
    assert pointed.salience > quiet.salience
    # four articles published on 2 March and the day after: the news broke then
    burst = [Article(id=f"b{i}", text="Text.", published=day(date(2020, 3, 2 + i % 2))) for i in range(4)]
    salience.assign([quiet, pointed], burst, [])
    assert quiet.salience > pointed.salience


def test_focus_period_is_where_the_articles_are_not_the_oldest_background_date() -> None:
    background = _event(
        "e1",
        DateValue(value="185", granularity="decade", earliest=date(1850, 1, 1), latest=date(1859, 12, 31)),
        ["a0"],
    )
    news = [_event(f"e{i}", _day(2021, 6, i), ["a1"]) for i in range(2, 6)]
    tl = _timeline([background, *news], [date(2021, 6, 3), date(2021, 6, 4), date(2021, 6, 5)])
    focus = salience.focus_period(tl)
    assert focus is not None and focus.earliest == date(2021, 6, 3) and focus.latest == date(2021, 6, 5)
    assert tl.events[salience.opening_index(tl)].id == "e3"


def test_focus_period_of_undated_articles_comes_from_their_events() -> None:
    old = _event("e1", _day(1990, 1, 1), ["a0"])
    recent = [_event(f"e{i}", _day(2019, 5, 10 + i), ["a0", "a1"]) for i in range(2, 12)]
    tl = _timeline([old, *recent], [None, None])
    focus = salience.focus_period(tl)
    assert focus is not None and focus.earliest is not None and focus.earliest.year == 2019
    assert salience.opening_index(tl) == 1


def test_nothing_dated_opens_at_the_top() -> None:
    tl = _timeline([], [None])
    assert salience.focus_period(tl) is None and salience.opening_index(tl) == 0


def test_brief_lists_key_events_first_in_date_order() -> None:
    events = [_event(f"e{i}", _day(2020, 1, i), ["a0"], f"Minor happening {i}") for i in range(1, 6)]
    events[3] = _event("e4", _day(2020, 1, 4), ["a0", "a1", "a2"], "Major happening")
    events[1] = _event("e2", _day(2020, 1, 2), ["a0", "a1"], "Second happening")
    tl = _timeline(events, [date(2020, 2, 1)] * 3)  # published later: no reporting burst on any day
    out = export.brief(tl, top=2)
    key = out[out.index("KEY EVENTS") : out.index("\nEVENTS")]
    assert "Major happening" in key and "Second happening" in key and "Minor" not in key
    assert key.index("Second happening") < key.index("Major happening")  # by date within the key events
    assert "Minor happening 1" in out[out.index("\nEVENTS") :]
    assert "KEY EVENTS" not in export.brief(tl, top=5)  # every event is key: one list


def test_now_names_no_date_and_points_to_no_day() -> None:
    # four articles published on 9 March say "now" (what is the case as they speak) and two name 5 March: only
    # the named day is one the articles come back to
    arts = [Article(id=f"a{i}", text="Text.", published=day(date(2020, 3, 9))) for i in range(4)]
    on_the_day = _event("e1", _day(2020, 3, 9), ["a0"])
    named = _event("e2", _day(2020, 3, 5), ["a1"])
    plain = _event("e3", _day(2020, 3, 9), ["a0"])
    salience.assign([plain], arts, [])
    salience.assign(
        [on_the_day, named],
        arts,
        [_now(f"a{i}", date(2020, 3, 9)) for i in range(4)]
        + [_timex("a2", date(2020, 3, 5)), _timex("a3", date(2020, 3, 5))],
    )
    assert on_the_day.salience == plain.salience  # the "now"s add nothing (the burst of 9 March still counts)
    assert named.salience > _without_refs(named, arts)


def _without_refs(e: Event, arts: list[Article]) -> float:
    bare = _event("x", e.date, e.articles)
    salience.assign([bare], arts, [])
    return bare.salience


def test_a_date_articles_still_name_later_outranks_one_named_only_on_the_day() -> None:
    # two articles of 2 March name 2 March ("today"); two of 20 March name 5 March ("on 5 March"): as many
    # references each, but only 5 March is one the story came back to
    first, second = _event("e1", _day(2020, 3, 2), ["a0"]), _event("e2", _day(2020, 3, 5), ["a1"])
    arts = [Article(id=f"a{i}", text="Text.", published=day(date(2020, 3, 30))) for i in range(2)]
    arts += [Article(id=f"b{i}", text="Text.", published=day(date(2020, 3, 2))) for i in range(2)]
    arts += [Article(id=f"c{i}", text="Text.", published=day(date(2020, 3, 20))) for i in range(2)]
    refs = [_timex(f"b{i}", date(2020, 3, 2)) for i in range(2)] + [
        _timex(f"c{i}", date(2020, 3, 5)) for i in range(2)
    ]
    story = {"a0": 0, "a1": 0, "b0": 1, "b1": 1, "c0": 2, "c1": 2}  # no burst of the events' own story
    salience.assign([first, second], arts, refs, story)
    assert second.salience > first.salience


def test_a_year_many_articles_name_is_the_calendar_not_a_happening() -> None:
    year = DateValue.between(date(2019, 1, 1), date(2019, 12, 31))
    background = _event("e1", year, ["a0"])
    news = _event("e2", _day(2020, 3, 5), ["a1", "a2"])
    arts = [Article(id=f"a{i}", text="Text.", published=day(date(2020, 3, 9))) for i in range(12)]
    # every article names last year ("2019 sales rose"): no one happening is that busy
    named = [_timex(f"a{i}", date(2019, 1, 1), date(2019, 12, 31), "2019", "year") for i in range(12)]
    salience.assign([background, news], arts, named)
    assert news.salience > background.salience
