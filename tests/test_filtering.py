"""The filter language (app and command line), the filtered timeline exports are made from, and the CSV export."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest

from dateline.core import export
from dateline.core.model import DateValue
from dateline.tui.filtering import Filter, FilterError, filtered, newest, parse_filter, parse_period
from tests.factory import sample_timeline

TODAY = date(2021, 6, 16)  # a Wednesday


@pytest.fixture
def timeline():
    return sample_timeline()


def kept(timeline, text: str) -> list[str]:
    flt = parse_filter(text, timeline.actors, today=TODAY)
    return [e.id for e in timeline.events if flt.keeps(e)]


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("2021-02", date(2021, 2, 1), date(2021, 2, 28)),
        ("Jan 2021", date(2021, 1, 1), date(2021, 1, 31)),
        ("March 2020", date(2020, 3, 1), date(2020, 3, 31)),
        ("4 May 2021", date(2021, 5, 4), date(2021, 5, 4)),
        ("last week", date(2021, 6, 7), date(2021, 6, 13)),
        ("last month", date(2021, 5, 1), date(2021, 5, 31)),
        ("yesterday", date(2021, 6, 15), date(2021, 6, 15)),
    ],
)
def test_dates_are_read_as_an_article_would_write_them(value: str, first: date, last: date) -> None:
    assert parse_period(value, end=False, today=TODAY) == first
    assert parse_period(value, end=True, today=TODAY) == last


def test_quoted_names_several_actors_and_either_of_two(timeline) -> None:
    assert kept(timeline, 'actor:"mara velt"') == ["e3"]
    assert kept(timeline, "actor:'Piet Olm'") == ["e4"]
    assert kept(timeline, "actor:norland actor:sudria") == ["e2"]  # both involved
    assert kept(timeline, "actor:velt,olm") == ["e3", "e4"]  # either
    with pytest.raises(FilterError, match="no actor matches 'nobody'"):
        parse_filter("actor:velt,nobody", timeline.actors)


def test_natural_dates_status_and_words_combine(timeline) -> None:
    assert kept(timeline, 'since:"Apr 2021" until:"May 2021"') == ["e3", "e4"]
    assert kept(timeline, "status:expected,planned since:2021-06") == ["e5", "e6"]
    assert kept(timeline, "from:2021-06 to:2021-06 harbour") == ["e5", "e6"]
    assert kept(timeline, "since:'last month'") == ["e4", "e5", "e6", "e7"]  # May 2021 on, said 16 June


def test_the_filter_box_shows_the_filter_as_typed_and_it_reads_back_the_same(timeline) -> None:
    flt = parse_filter('actor:"mara velt" since:"Apr 2021" status:planned,expected vote', timeline.actors)
    assert flt.describe() == "actor:'mara velt' status:planned,expected since:'Apr 2021' vote"
    assert parse_filter(flt.describe(), timeline.actors) == flt
    assert Filter().describe() == "" and not Filter().active


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("since:someday", "not a date: 'someday'"),
        ("until:", "needs a value"),
        ("status:soon", "unknown status 'soon'"),
        ("since:2021-06 until:2021-01", "is after until"),
    ],
)
def test_a_bad_filter_says_what_is_wrong(timeline, text: str, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        parse_filter(text, timeline.actors, today=TODAY)


def test_relative_dates_count_from_the_newest_article(timeline) -> None:
    assert newest(timeline) is None  # the sample's articles are undated
    dated = [
        a.model_copy(update={"published": DateValue.between(date(2021, m, 2), date(2021, m, 2))})
        for a, m in zip(timeline.articles, (3, 5, 4), strict=True)
    ]
    assert newest(timeline.model_copy(update={"articles": dated})) == date(2021, 5, 2)


def test_a_filtered_timeline_holds_only_the_kept_events_and_what_they_refer_to(timeline) -> None:
    part = filtered(timeline, parse_filter('actor:"Piet Olm"', timeline.actors))
    assert [e.id for e in part.events] == ["e4"]
    assert [q.id for q in part.quotes] == ["q2"]
    assert {a.id for a in part.actors} == {"olm"}
    assert [a.id for a in part.articles] == ["b"]
    assert [e.id for e in filtered(timeline, Filter(), limit=2).events] == ["e1", "e2"]
    assert filtered(timeline, Filter()) is timeline


def test_csv_has_a_row_per_event_and_source_and_keeps_formulas_literal(timeline) -> None:
    article = timeline.articles[0].model_copy(
        update={"source": "Harbour Times", "url": "https://example.org/h"}
    )
    event = timeline.events[1]
    twice = replace(event, headline="=1+1 talks", evidence=event.evidence * 2)
    tl = timeline.model_copy(update={"articles": [article], "events": [twice]})
    rows = list(csv.reader(io.StringIO("".join(export.iter_csv(tl)))))
    assert rows[0] == list(export.CSV_COLUMNS)
    assert len(rows) == 3  # one event, two source sentences
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["date"] == "3 Mar 2021" and row["earliest"] == "2021-03-03" and row["latest"] == "2021-03-03"
    assert row["headline"] == "'=1+1 talks"
    assert row["outlet"] == "Harbour Times" and row["url"] == "https://example.org/h"
    assert row["title"] == "Harbour talks open" and row["sentence"].startswith("Harbour talks opened")
