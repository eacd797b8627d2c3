"""Pilot tests of what an analyst does with the app: search that shows where it is, a filter box that shows
the filter, exports of what is on screen, the density strip and its jumps, the key-events view, remembered
settings, a help page that scrolls and filters, and every terminal kind (NO_COLOR, ASCII)."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace
from datetime import date

import pytest
from textual.widgets import Input

from dateline.tui import settings
from dateline.tui.app import DatelineApp
from dateline.tui.screens.pages import HelpScreen
from dateline.tui.screens.prompt import PromptScreen
from dateline.tui.widgets.detail import DetailView
from dateline.tui.widgets.panes import TimelineView
from dateline.tui.widgets.strip import DensityStrip
from tests.factory import synthetic_timeline
from tests.pilot import palette_shows, until

NARROW = (80, 24)
WIDE = (120, 40)


def status(app: DatelineApp) -> str:
    return str(app.query_one("#status").render())


def timeline(app: DatelineApp) -> TimelineView:
    return app.query_one(TimelineView)


async def type_into_prompt(pilot, text: str) -> None:
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")


async def test_search_counts_highlights_and_wraps_with_a_notice(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("g", "slash")
        await type_into_prompt(pilot, "harbour")
        assert timeline(app).current.id == "e2"  # by its source sentence
        assert "search: harbour 1/3" in status(app)
        # the match is marked in the row and in the detail pane
        row = timeline(app).render_line(1)
        marked = [seg for seg in row if "harbour" in seg.text.lower()]
        assert marked and all(seg.style and seg.style.underline for seg in marked)
        detail = app.query_one("#detail", DetailView).text
        spans = [detail.plain[s.start : s.end] for s in detail.spans if "yellow" in str(s.style)]
        assert spans and all(s.lower() == "harbour" for s in spans)
        await pilot.press("n", "n")
        assert "3/3" in status(app)
        assert not any("wrapped" in n.message for n in app._notifications)
        await pilot.press("n")
        assert "1/3" in status(app)
        assert any("wrapped to the top" in n.message for n in app._notifications)
        await pilot.press("escape")
        assert "search:" not in status(app)


async def test_the_filter_box_opens_with_the_active_filter_and_explains_a_bad_one(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("f")
        await type_into_prompt(pilot, 'actor:"mara velt" since:"Apr 2021"')
        assert [e.id for e in timeline(app).events] == ["e3"]
        await pilot.press("f")
        assert app.screen.query_one(Input).value == "actor:'mara velt' since:'Apr 2021'"
        await type_into_prompt(pilot, "since:whenever")
        assert isinstance(app.screen, PromptScreen)
        assert "not a date: 'whenever'" in str(app.screen.query_one("#prompt-hint").render())


async def test_exports_hold_only_what_the_filter_shows(sample, tmp_path) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("f")
        await type_into_prompt(pilot, "status:expected")
        for name in ("view.json", "view.csv", "view.md", "view.timeline.json"):
            await pilot.press("e")
            await type_into_prompt(pilot, str(tmp_path / name))
        data = json.loads((tmp_path / "view.json").read_text(encoding="utf-8"))
        assert [e["id"] for e in data["events"]] == ["e5", "e6"]
        rows = list(csv.DictReader((tmp_path / "view.csv").open(encoding="utf-8")))
        assert {r["headline"] for r in rows} == {
            "Final vote on the harbour deal",
            "Second round of harbour talks",
        }
        md = (tmp_path / "view.md").read_text(encoding="utf-8")
        assert "Final vote" in md and "Geneva" not in md
        tljs = json.loads((tmp_path / "view.timeline.json").read_text(encoding="utf-8"))
        assert len(tljs["events"]) == 2


async def test_density_strip_marks_the_cursor_and_m_and_t_jump_in_time() -> None:
    tl = synthetic_timeline(300)  # three events a day from 1 Jan 2000
    busy = [replace(e, date=tl.events[150].date) for e in tl.events[150:160]]  # ten more on one day
    events = sorted([*tl.events[:150], *busy, *tl.events[160:]], key=lambda e: e.date.earliest)
    app = DatelineApp(timeline=tl.model_copy(update={"events": events}))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g")
        strip = app.query_one(DensityStrip)
        assert strip.data is not None and strip.data.unit == "day"
        lines = strip.render().plain.splitlines()
        # 100 days in 78 columns: a bar counts one or two days, and the strip says so
        assert len(lines) == 2 and "▲" in lines[1] and "events per 1–2 days" in lines[1]
        await pilot.press("m")
        assert timeline(app).current.date.earliest == tl.events[150].date.earliest
        await pilot.press("t")
        await type_into_prompt(pilot, "2000-02-01")
        assert timeline(app).current.date.earliest == date(2000, 2, 1)
        before = strip.render().plain.splitlines()[1].index("▲")
        await pilot.press("G")
        assert strip.render().plain.splitlines()[1].index("▲") > before
        assert strip.kept is None
        await pilot.press("f")
        await type_into_prompt(pilot, "since:2000-02-01 until:2000-02-29")
        assert strip.kept == (date(2000, 2, 1), date(2000, 2, 29))  # the filtered range is marked
        kept_style = strip.get_component_rich_style("strip--kept")
        bars = strip.render().split("\n")[0]
        styled = {bars.get_style_at_offset(app.console, c) == kept_style for c in range(len(bars))}
        assert styled == {True, False}


async def test_v_toggles_key_events_and_the_view_and_theme_are_remembered(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("v")
        assert "key events" in status(app)
        app.theme = "ansi-light"
        await pilot.pause()
    saved = settings.load()
    assert saved.view == "key" and saved.theme == "ansi-light"
    again = DatelineApp(timeline=sample)
    async with again.run_test(size=NARROW) as pilot:
        assert again.theme == "ansi-light" and again.view_mode == "key"
        await pilot.press("v")
        assert "key events" not in status(again) and len(timeline(again).events) == 7


def test_a_damaged_settings_file_means_the_defaults(tmp_path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("theme = [unclosed", encoding="utf-8")
    assert settings.load(path) == settings.Settings()
    assert settings.save(settings.Settings(theme="nord", view="key"), path) is None
    assert settings.load(path) == settings.Settings(theme="nord", view="key")


async def test_help_scrolls_with_the_list_keys_and_filters_as_you_type(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one(DetailView)
        await pilot.press("j", "j")
        assert body.scroll_offset.y == 2
        await pilot.press("k")
        assert body.scroll_offset.y == 1
        await pilot.press(*"export")
        shown = [d for _, d in app.screen.shown_rows()]
        assert "Export" in shown and "Down" not in shown and len(shown) == 2  # and the palette's row
        assert "Filter: export" in str(app.screen.query_one("#help-filter").render())
        await pilot.press("backspace")
        assert app.screen.typed == "expor"
        await pilot.press(*["backspace"] * 5, *"page")  # g and b are list keys...
        assert app.screen.typed == "page"  # ...but once typing has begun, every letter is typed
        assert sorted(d for _, d in app.screen.shown_rows()) == ["Page down", "Page up"]
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("unicode", [True, False])
async def test_no_color_and_ascii_terminals_open_and_move(monkeypatch, unicode: bool) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = DatelineApp(unicode=unicode)  # no paths: the empty panes (whose row crashed under NO_COLOR)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert app.no_color and app.has_class("-no-color")
        assert app.has_class("-ascii") is not unicode
        line = timeline(app).render_line(0)
        assert "No events yet." in line.text and all(seg.style is not None for seg in line)
        await pilot.press("j", "tab", "question_mark")
        assert isinstance(app.screen, HelpScreen)


def screen_text(app: DatelineApp) -> str:
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg))).replace("\xa0", " ")


@pytest.mark.parametrize("keys", [[], ["f"], ["ctrl+p"], ["question_mark"], ["enter"], ["y"]])
async def test_an_ascii_terminal_gets_only_ascii(sample, keys: list[str]) -> None:
    """Borders, marks, key names, prompts, the palette, notices: nothing the Linux console cannot draw."""
    app = DatelineApp(timeline=sample, unicode=False)
    app.theme = "ansi-dark"
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("j", *keys)
        if "ctrl+p" in keys:  # the palette lists its commands from a background search
            await until(pilot, lambda: palette_shows(app, "Export as JSON", "Filter"))
        await pilot.pause()
        drawn = screen_text(app)
        assert drawn.isascii(), sorted({c for c in drawn if not c.isascii()})


async def test_an_ascii_terminal_writes_an_ellipsis_as_three_dots(sample) -> None:
    """'Export as CSV…' in ASCII is 'Export as CSV...', not 'Export as CSV.' (which reads as a full stop)."""
    app = DatelineApp(timeline=sample, unicode=False)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: palette_shows(app, "Export as CSV..."))
        assert "Export as CSV. " not in screen_text(app)


@pytest.mark.parametrize("at", ["first", "last"])
async def test_the_strips_marker_never_cuts_a_date_label_in_two(at: str) -> None:
    """With the cursor on the first or last days of the span, the marker sat inside the date printed there
    ('▲1 Jan 2000', '21 Jan 200▲'); the date now moves beside it."""
    tl = synthetic_timeline(180)  # three events a day, 1 Jan to 29 Feb 2000: fewer days than columns
    app = DatelineApp(timeline=tl)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g" if at == "first" else "G")
        strip = app.query_one(DensityStrip)
        line = strip.render().plain.splitlines()[1]
        assert line.count("▲") == 1
        assert "01 Jan 2000" in line and "29 Feb 2000" in line, line
        assert line.index("▲") == (0 if at == "first" else 59), line  # under the cursor's column still


async def test_counts_say_one_article_and_one_sentence() -> None:
    tl = synthetic_timeline(1, actors=1)
    app = DatelineApp(timeline=tl)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("enter")
        assert status(app).startswith("1 event · 1 actor · 0 quotes · 1 article"), status(app)
        assert "Sources (1 article, 1 sentence)" in app.screen.query_one(DetailView).text.plain


async def test_an_empty_pane_says_why_it_is_empty(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("f")
        await type_into_prompt(pilot, "words-nobody-wrote")
        assert timeline(app).row_count == 0
        assert timeline(app).empty_text == "No event matches the filter (Esc clears it)."
        assert app.query_one("#quotes").empty_text == "No quote matches the filter."  # not "yet"
        await pilot.press("escape")
        assert timeline(app).row_count == 7
    empty = sample.model_copy(update={"events": [], "quotes": []})
    app = DatelineApp(timeline=empty)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert timeline(app).empty_text == "No events found in 3 articles."
        assert app.query_one("#quotes").empty_text == "No quotes found in 3 articles."


@pytest.mark.parametrize("size", [NARROW, (120, 40)])
async def test_the_brief_in_the_app_fits_its_page(sample, size: tuple[int, int]) -> None:
    """The brief was laid out for 100 columns whatever the screen: at 80 its rows wrapped into a jumble."""
    from dateline.tui.screens.pages import TextScreen

    app = DatelineApp(timeline=sample)
    async with app.run_test(size=size) as pilot:
        app.action_brief()
        await until(pilot, lambda: isinstance(app.screen, TextScreen))
        page = app.screen.query_one(DetailView)
        lines = page.text.plain.splitlines()
        assert any("Harbour talks open" in line for line in lines)
        assert max(len(line) for line in lines) <= page.scrollable_content_region.width


async def test_the_strips_words_keep_two_spaces_from_the_dates() -> None:
    """Words and dates ran together ('most 3 19 Feb 2000') when a date moved beside the marker."""
    app = DatelineApp(timeline=synthetic_timeline(189))  # 63 days, three events a day
    async with app.run_test(size=NARROW) as pilot:
        for row in (0, 162, 170, 188):  # the first day, days 54 and 56 (the last date moves), the last
            timeline(app).cursor = row
            await pilot.pause()
            line = app.query_one(DensityStrip).render().plain.splitlines()[1]
            if "events per" in line:  # (left out when it does not fit)
                assert re.search(r"\S  +events per [^,]+, most \d+(?:  +\S|\s*$)", line), line
