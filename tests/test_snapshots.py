"""Snapshot tests of the main views on a FIXED synthetic timeline (pipeline changes cannot break them).

Screenshots are exported in truecolour by Textual whatever the terminal, the theme is pinned and NO_COLOR is
unset (see conftest), so they are the same on every machine. Update with ``pytest --snapshot-update``.
"""

from __future__ import annotations

from dateline.tui.app import DatelineApp
from tests.factory import sample_timeline


def make_app() -> DatelineApp:
    timeline = sample_timeline().model_copy(update={"problems": []})  # no toast over the panes
    app = DatelineApp(timeline=timeline, unicode=True)
    app.theme = "textual-dark"
    return app


def test_main_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_main_120x40_with_detail(snap_compare) -> None:
    assert snap_compare(make_app(), press=["j", "j", "j"], terminal_size=(120, 40))


def test_detail_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), press=["j", "enter"], terminal_size=(80, 24))


def test_help_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(80, 24))


def test_actor_filter_120x40(snap_compare) -> None:
    assert snap_compare(make_app(), press=["2", "j", "enter"], terminal_size=(120, 40))


def test_quote_source_80x24(snap_compare) -> None:
    assert snap_compare(make_app(), press=["3", "j", "enter"], terminal_size=(80, 24))


def test_too_small_50x15(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(50, 15))


def test_ascii_glyphs_80x24(snap_compare) -> None:
    timeline = sample_timeline().model_copy(update={"problems": []})
    app = DatelineApp(timeline=timeline, unicode=False)
    app.theme = "ansi-dark"
    assert snap_compare(app, press=["j"], terminal_size=(80, 24))
