"""An article with no date at all: its news is still on the timeline, as an undated event, in every view.

The texts are written for these tests: one dated article (front matter) and undated ones (plain text with
no date anywhere, not even a weekday or a year).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dateline.core import export, salience
from dateline.core.load import load_paths
from dateline.core.model import Timeline
from dateline.core.pipeline import build_timeline
from dateline.tui.density import density
from dateline.tui.filtering import parse_filter
from dateline.tui.view import TimelineIndex, next_date

FERRY = (
    "Ferry service to the islands halted by storm\n\n"
    "The island ferry company suspended all crossings after high winds tore a gangway from the main pier, "
    "a spokeswoman said.\n\n"
    "Passengers waited in the terminal through the afternoon.\n"
)
BUDGET = (
    "---\ntitle: Council passes harbour budget\ndate: 2022-05-12\n---\n"
    "The town council approved the harbour budget on Wednesday after a long debate.\n\n"
    "The councillors had rejected an earlier draft in March.\n"
)
TABLE = "Crossing  Monday  Tuesday\nNorth     12      14\nSouth     9       11\n"


def _timeline(tmp_path: Path, files: dict[str, str]) -> Timeline:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    loaded = load_paths([str(tmp_path)])
    return build_timeline(loaded.articles, loaded.problems)


@pytest.fixture
def mixed(tmp_path: Path) -> Timeline:
    return _timeline(tmp_path, {"ferry.txt": FERRY, "budget.md": BUDGET})


def _undated(tl: Timeline) -> list:
    return [e for e in tl.events if e.date.undated]


def test_an_undated_articles_news_is_exported_with_an_undated_date_and_its_source(tmp_path: Path) -> None:
    tl = _timeline(tmp_path, {"ferry.txt": FERRY})
    [article] = tl.articles
    assert article.published is None
    data = json.loads(export.to_json(tl))  # the models dumped: nothing dropped on the way
    [event] = data["events"]
    assert event["date"] == {
        "value": "PAST_REF",
        "granularity": "unknown",
        "earliest": None,
        "latest": None,
        "mod": None,
    }
    assert event["status"] == "occurred" and event["lead"]
    first = event["evidence"][0]
    assert first["article"] == article.id
    assert article.text[first["start"] : first["end"]] == first["text"]
    assert first["text"].startswith("The island ferry company suspended all crossings")


def test_dated_events_come_first_and_undated_ones_last(mixed: Timeline) -> None:
    flags = [e.date.undated for e in mixed.events]
    assert flags.count(True) == 1 and flags.count(False) >= 2
    assert flags == sorted(flags)  # every dated event before every undated one
    assert salience.opening_index(mixed) < flags.index(True)  # the view opens on the dated news
    assert salience.focus_period(mixed) is not None


def test_the_brief_counts_the_undated_article_and_labels_its_event(mixed: Timeline) -> None:
    out = export.brief(mixed)
    head = out.splitlines()[0]
    assert head.startswith("2 articles (1 undated) · ")
    assert "May 2022" in head  # the span is that of the dated events
    rows = [line for line in out.splitlines() if "island ferry company" in line]
    assert rows and rows[0].split()[0] == "undated"
    key = export.brief(mixed, top=1)  # key events may include it, and never crash on it
    assert "KEY EVENTS (1 of " in key


def test_markdown_and_csv_keep_the_undated_event(mixed: Timeline) -> None:
    md = export.markdown(mixed)
    assert md.startswith("# Timeline: 2 articles (1 undated), ")
    assert "## undated: The island ferry company suspended all crossings" in md
    rows = list(csv.DictReader(io.StringIO("".join(export.iter_csv(mixed)))))
    undated = [r for r in rows if r["date"] == "undated"]
    assert undated and all(r["earliest"] == r["latest"] == "" for r in undated)
    assert rows[-1]["date"] == "undated"


def test_timelinejs_leaves_undated_events_out_and_says_so(mixed: Timeline) -> None:
    doc = json.loads(export.timelinejs(mixed))
    assert len(doc["events"]) == len(mixed.events) - 1
    assert "1 undated event left out" in doc["title"]["text"]["text"]
    dated_only = mixed.model_copy(update={"events": [e for e in mixed.events if not e.date.undated]})
    assert "title" not in json.loads(export.timelinejs(dated_only))


def test_only_a_date_filter_leaves_undated_events_out(mixed: Timeline) -> None:
    index = TimelineIndex(mixed)
    assert _undated(Timeline(events=index.events(parse_filter("ferry", mixed.actors))))
    assert _undated(Timeline(events=index.events(parse_filter("status:occurred", mixed.actors))))
    assert not _undated(Timeline(events=index.events(parse_filter("since:2000", mixed.actors))))
    assert not _undated(Timeline(events=index.events(parse_filter("until:2030", mixed.actors))))


def test_the_density_strip_and_date_jumps_ignore_undated_events(mixed: Timeline) -> None:
    strip = density(mixed.events, 40)
    dated = [e for e in mixed.events if not e.date.undated]
    assert strip is not None and strip == density(dated, 40)
    only = Timeline(events=_undated(mixed))
    assert density(only.events, 40) is None
    last_dated = len(mixed.events) - 2
    assert next_date(mixed.events, last_dated, 1) == len(mixed.events) - 1  # "d" reaches the undated group


def test_undated_events_never_merge_with_dated_ones(tmp_path: Path) -> None:
    """Two undated retellings of a dated article's news: each stays its own undated event (an unbounded
    window overlaps every date, so joining by date would borrow one at random)."""
    dated = (
        "---\ntitle: Storm halts ferries\ndate: 2022-11-03\n---\n"
        "The island ferry company suspended all crossings on Thursday after high winds tore a gangway from "
        "the main pier.\n"
    )
    retold = FERRY.replace("a spokeswoman said", "the harbour master said")
    tl = _timeline(tmp_path, {"a.md": dated, "b.txt": FERRY, "c.txt": retold})
    undated = _undated(tl)
    assert len(undated) == 2 and all(len(e.articles) == 1 for e in undated)
    assert all(not e.date.undated for e in tl.events[: -len(undated)])


def test_an_undated_article_without_news_loads_without_an_event(tmp_path: Path) -> None:
    tl = _timeline(tmp_path, {"table.txt": TABLE})
    assert len(tl.articles) == 1 and tl.articles[0].published is None
    assert tl.events == []
    assert export.brief(tl).startswith("1 article (1 undated) · 0 events")
    assert salience.focus_period(tl) is None and salience.key_events(tl) == []


async def test_the_app_shows_undated_events_at_the_end_labelled_undated(mixed: Timeline) -> None:
    from dateline.tui.app import DatelineApp
    from dateline.tui.screens.pages import DetailScreen
    from dateline.tui.widgets.detail import DetailView
    from dateline.tui.widgets.panes import TimelineView
    from tests.pilot import until

    app = DatelineApp(timeline=mixed)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(TimelineView)
        await until(pilot, lambda: view.row_count == len(mixed.events))
        await pilot.press("G")
        await until(pilot, lambda: view.cursor == len(mixed.events) - 1)
        assert view.current is not None and view.current.date.undated
        shown = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
        row = next(r for r in shown if "island ferry company" in r)
        assert row.lstrip(" ▶").startswith("undated")
        dated_rows = [r for r in shown if "harbour budget" in r]
        assert dated_rows and shown.index(dated_rows[0]) < shown.index(row)
        assert "(1 undated)" in str(app.query_one("#status").render())
        await pilot.press("enter")  # its detail says it is undated, and why
        await until(pilot, lambda: isinstance(app.screen, DetailScreen))
        detail = app.screen.query_one(DetailView).text
        assert detail is not None and detail.plain.startswith("undated")
        assert "no publication date" in detail.plain


def test_only_undated_news_has_no_focus_period_and_opens_at_the_top(tmp_path: Path) -> None:
    second = FERRY.replace("ferry company", "bus company").replace("Ferry service", "Bus service")
    tl = _timeline(tmp_path, {"ferry.txt": FERRY, "bus.txt": second})
    assert len(tl.events) == 2 and all(e.date.undated for e in tl.events)
    assert salience.focus_period(tl) is None and salience.opening_index(tl) == 0
    assert {e.id for e in salience.key_events(tl, 1)} <= {e.id for e in tl.events}
