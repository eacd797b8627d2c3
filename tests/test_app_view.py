"""The app's view logic without Textual: filters, search, date jumps, safe text, copies."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dateline.tui.filtering import Filter, FilterError, parse_filter, parse_period
from dateline.tui.safe import clean
from dateline.tui.view import (
    TimelineIndex,
    event_text,
    match_position,
    matches,
    next_date,
    row_on_or_after,
    step_match,
    timex_span,
)
from tests.factory import sample_timeline


@pytest.fixture
def index() -> TimelineIndex:
    return TimelineIndex(sample_timeline())


def ids(events) -> list[str]:
    return [e.id for e in events]


def test_clean_replaces_control_characters_and_bidi_overrides() -> None:
    assert clean("a\x1b[31mb\nc\u202ed\x9b") == "a [31mb c d "
    assert clean("[bold]x[/bold]") == "[bold]x[/bold]"


def test_periods_expand_to_their_first_or_last_day() -> None:
    assert parse_period("2017-01", end=False) == date(2017, 1, 1)
    assert parse_period("2017-02", end=True) == date(2017, 2, 28)
    assert parse_period("2016", end=True) == date(2016, 12, 31)
    assert parse_period("2016-02-29", end=True) == date(2016, 2, 29)
    for bad in ("2017-13", "Jan 2017 and more", "2017-02-30", "soon-ish"):
        with pytest.raises(FilterError):
            parse_period(bad, end=False, today=date(2017, 3, 15))


def test_filter_by_status_dates_actor_and_words(index: TimelineIndex) -> None:
    actors = index.timeline.actors
    assert ids(index.events(parse_filter("status:expected", actors))) == ["e5", "e6"]
    assert ids(index.events(parse_filter("status:expected,planned", actors))) == ["e4", "e5", "e6"]
    # an event overlapping the range is kept: late 2020 ends after since:2020-12
    assert ids(index.events(parse_filter("since:2020-12 until:2021-03", actors))) == ["e1", "e2"]
    assert ids(index.events(parse_filter("actor:velt", actors))) == ["e3"]
    assert ids(index.events(parse_filter('actor:"mara velt" meet', actors))) == ["e3"]
    assert ids(index.events(parse_filter("harbour", actors))) == ["e2", "e5", "e6"]
    assert index.events(Filter()) is index.timeline.events


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("status:maybe", "unknown status"),
        ("actor:nobody", "no actor matches"),
        ("since:", "needs a value"),
        ("since:2021-05 until:2021-01", "after"),
        ('actor:"open', "unbalanced"),
    ],
)
def test_bad_filters_say_why(index: TimelineIndex, text: str, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        parse_filter(text, index.timeline.actors)


def test_filter_describe_round_trips(index: TimelineIndex) -> None:
    actors = index.timeline.actors
    flt = parse_filter("status:expected since:2021-01 until:2021-06 actor:'Piet Olm' vote", actors)
    again = parse_filter(flt.describe(), actors)
    assert again == flt


def test_actor_filter_narrows_quotes_to_that_speaker(index: TimelineIndex) -> None:
    flt = Filter().with_actor(index.actors["olm"])
    assert [q.id for q in index.quotes_for(flt)] == ["q2"]
    assert index.quotes_for(Filter()) is index.timeline.quotes


def test_search_finds_headlines_and_sources_and_wraps_both_ways(index: TimelineIndex) -> None:
    events = index.timeline.events
    found = matches(events, "HARBOUR")  # any case; e2 only by its source sentence
    assert found == [1, 4, 5]
    assert matches(events, "  ") == [] and matches([], "x") == []
    assert step_match(found, 1, 1) == (4, False)
    assert step_match(found, 5, 1) == (1, True)  # wraps to the top, and says so
    assert step_match(found, 1, -1) == (5, True)
    assert step_match(found, 3, -1) == (1, False)
    assert step_match([], 0, 1) == (None, False)
    assert match_position(found, 4) == 2 and match_position(found, 3) is None


def test_a_date_goes_to_the_first_row_on_or_after_it(index: TimelineIndex) -> None:
    events = index.timeline.events
    assert ids([events[row_on_or_after(events, date(2021, 5, 1))]]) == ["e4"]
    assert row_on_or_after(events, date(2030, 1, 1)) == len(events) - 1
    assert row_on_or_after([], date(2021, 1, 1)) is None


def test_next_date_skips_rows_on_the_same_date(index: TimelineIndex) -> None:
    events = index.timeline.events  # e5 and e6 are both Jun 2021
    assert next_date(events, 3, 1) == 4
    assert next_date(events, 4, 1) == 6
    assert next_date(events, 6, 1) is None
    assert next_date(events, 5, -1) == 3  # from the second Jun row to May
    assert next_date(events, 6, -1) == 4  # to the first row of Jun
    assert next_date(events, 0, -1) is None
    assert next_date([], 0, 1) is None


def test_timex_span_is_relative_to_the_sentence(index: TimelineIndex) -> None:
    ev = index.timeline.events[1].evidence[0]
    lo, hi = timex_span(ev)
    assert ev.text[lo:hi] == "3 March 2021"
    outside = replace(ev, timex_start=ev.end + 5, timex_end=ev.end + 9)
    assert timex_span(outside) is None
    assert timex_span(index.timeline.events[5].evidence[0]) is None


def test_quote_source_sentence(index: TimelineIndex) -> None:
    sentence, lo, hi = index.source_sentence(index.quotes["q1"])
    assert sentence.startswith('"We are close to a deal," said Mara Velt')
    assert sentence[lo:hi] == "We are close to a deal,"


def test_event_text_is_plain(index: TimelineIndex) -> None:
    text = event_text(index.timeline.events[6], index)
    assert "\x1b" not in text
    assert text.startswith("1 Jul 2021 — Escape  [31mtest [red]literal[/red]")
