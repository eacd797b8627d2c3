"""A metadata date is an absolute calendar date or nothing: relative or junk values are reported and ignored,
and no date is ever read off the clock."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dateline.core.load import load_paths
from dateline.core.pipeline import build_timeline
from dateline.core.published import parse_given


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-03-04", date(2019, 3, 4)),
        ("2019-03-04T10:15:00Z", date(2019, 3, 4)),
        ("20190304", date(2019, 3, 4)),
        ("March 4, 2019", date(2019, 3, 4)),
        ("Mon, 04 Mar 2019 10:00:00 GMT", date(2019, 3, 4)),
        ("4-MAR-2019 15:01:01.79", date(2019, 3, 4)),
    ],
)
def test_absolute_dates_are_read(raw: str, expected: date) -> None:
    assert parse_given(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "a",
        "yesterday",
        "today",
        "3 days ago",
        "in 2 weeks",
        "Thursday",
        "March 2019",
        "4 March",
        "2019",
        "12:30",
        "2019-02-30",
        "now",
    ],
)
def test_relative_partial_or_junk_values_are_no_date(raw: str) -> None:
    assert parse_given(raw) is None


def _write(tmp_path, records: list[dict]) -> str:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def test_a_junk_metadata_date_is_reported_ignored_and_not_spread(tmp_path) -> None:
    text = "Negotiators ended their talks in the capital without a deal."
    path = _write(
        tmp_path,
        [
            {"id": "junk", "text": text, "published": "a"},
            {"id": "relative", "text": text, "published": "2 days ago"},
            {"id": "plain", "text": "The envoys left the capital without a deal."},
        ],
    )
    result = load_paths([path])
    assert [a.id for a in result.articles] == ["junk", "relative", "plain"]  # no article lost
    assert [(p.path, p.skipped) for p in result.problems] == [
        (f"{path} (junk)", False),
        (f"{path} (relative)", False),
    ]
    assert "“a” is not a calendar date" in result.problems[0].reason
    assert "ignored" in result.articles[0].notes[0]
    timeline = build_timeline(result.articles, result.problems)
    this_year = date.today().year
    for article in timeline.articles:  # nothing is dated from the clock, nor from an article dated by it
        assert article.published is None, article
    assert all(e.date.earliest is None or e.date.earliest.year != this_year for e in timeline.events)
