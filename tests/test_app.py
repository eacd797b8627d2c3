"""Pilot tests: every key binding of the app, driven through App.run_test on a fixed synthetic timeline."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from dateline.tui import keys
from dateline.tui.app import DatelineApp
from dateline.tui.screens.pages import DetailScreen, HelpScreen
from dateline.tui.screens.prompt import PromptScreen
from dateline.tui.widgets.detail import DetailView
from dateline.tui.widgets.panes import ActorsView, QuotesView, TimelineView
from tests.factory import synthetic_timeline
from tests.pilot import palette_shows, until

NARROW = (80, 24)
WIDE = (120, 40)


def rows(app: DatelineApp, selector: str = "#timeline") -> list[str]:
    """The visible rows of a pane as plain text."""
    view = app.query_one(selector)
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def timeline(app: DatelineApp) -> TimelineView:
    return app.query_one(TimelineView)


def headline(app: DatelineApp) -> str:
    current = timeline(app).current
    assert current is not None
    return current.headline


async def test_first_rows_show_dates_at_their_granularity_marks_and_sources(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        shown = rows(app)
        assert shown[1].lstrip(" ▶").split("  ")[0] == "3 Mar 2021"
        assert "Apr 2021" in shown[2] and "Ministers meet again" in shown[2]
        assert "◷" in shown[4] and "Final vote" in shown[4]  # expected
        assert "◷" not in shown[1]
        assert shown[1].rstrip().endswith("1 src")
        # actors and quotes panes are on screen at 80×24 too
        assert any("Norland" in r for r in rows(app, "#actors"))
        assert any("Mara Velt" in r for r in rows(app, "#quotes"))


async def test_article_text_is_never_markup_or_escape_sequences(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        shown = "\n".join(rows(app))
        assert "Negotiators [bold]meet[/bold]" in shown
        assert "[red]literal[/red]" in shown
        assert "\x1b" not in shown
        await pilot.press("G")
        detail = app.query_one("#detail", DetailView).text
        assert detail is not None and "\x1b" not in detail.plain
        assert "[red]not red[/red]" in detail.plain


@pytest.mark.parametrize(("down", "up"), [("j", "k"), ("down", "up")])
async def test_cursor_keys_move_one_row(sample, down: str, up: str) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g", down, down)
        assert timeline(app).cursor == 2
        assert headline(app) == "Ministers meet again"
        await pilot.press(up)
        assert timeline(app).cursor == 1
        await pilot.press(up, up, up)
        assert timeline(app).cursor == 0  # stops at the top


@pytest.mark.parametrize(("down", "up"), [("space", "b"), ("pagedown", "pageup")])
async def test_page_keys_move_a_screenful(down: str, up: str) -> None:
    app = DatelineApp(timeline=synthetic_timeline(100))
    async with app.run_test(size=NARROW) as pilot:
        height = timeline(app).scrollable_content_region.height
        await pilot.press("g", down)
        assert timeline(app).cursor == height - 1
        await pilot.press(down)
        assert timeline(app).cursor == 2 * (height - 1)
        assert timeline(app).scroll_offset.y > 0  # the cursor stays visible
        await pilot.press(up)
        assert timeline(app).cursor == height - 1


@pytest.mark.parametrize(("last", "first"), [("G", "g"), ("end", "home")])
async def test_first_and_last(last: str, first: str) -> None:
    app = DatelineApp(timeline=synthetic_timeline(500))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press(last)
        assert timeline(app).cursor == 499
        assert "Synthetic event 499" in "\n".join(rows(app))
        await pilot.press(first)
        assert timeline(app).cursor == 0
        assert timeline(app).scroll_offset.y == 0


async def test_tab_and_number_keys_move_between_panes(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        assert isinstance(app.focused, TimelineView)
        await pilot.press("tab")
        assert isinstance(app.focused, ActorsView)
        await pilot.press("tab")
        assert isinstance(app.focused, QuotesView)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ActorsView)
        await pilot.press("3")
        assert isinstance(app.focused, QuotesView)
        await pilot.press("1")
        assert isinstance(app.focused, TimelineView)
        await pilot.press("2")
        assert isinstance(app.focused, ActorsView)


async def test_enter_opens_the_event_with_its_sources_and_escape_goes_back(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g", "j", "enter")
        assert isinstance(app.screen, DetailScreen)
        text = app.screen.query_one(DetailView).text
        assert text is not None
        plain = text.plain
        assert plain.startswith("3 Mar 2021")
        assert "'3 March 2021' in the text" in plain  # how the date was derived
        assert "Harbour talks opened in Lisbon on 3 March 2021" in plain
        assert "Norland, Sudria" in plain
        # the time expression is highlighted inside the sentence
        start = plain.index("3 March 2021 between")
        styles = [str(s.style) for s in text.spans if s.start <= start < s.end]
        assert any("reverse" in s for s in styles)
        await pilot.press("escape")
        assert not isinstance(app.screen, DetailScreen)
        assert timeline(app).cursor == 1


async def test_wide_terminal_shows_the_detail_beside_the_timeline(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=WIDE) as pilot:
        detail = app.query_one("#detail", DetailView)
        assert detail.display and detail.region.width > 0
        await pilot.press("g", "j", "j")
        assert detail.text is not None and "Ministers meet again" in detail.text.plain
        assert "We are close to a deal" in detail.text.plain  # the event's quotes
        # each source says where it came from: outlet, date, title and URL, never a file path
        assert "Harbour Gazette · undated · Harbour talks open · https://gazette.example/harbour-talks" in (
            detail.text.plain
        )
        assert "harbour.txt" not in detail.text.plain


async def test_narrow_terminal_keeps_the_detail_for_enter(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert app.query_one("#detail", DetailView).region.width == 0


async def test_tiny_terminal_asks_to_be_made_larger(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert app.query_one("#too-small").region.height > 0
        assert app.query_one("#timeline").region.height == 0
        assert "larger" in str(app.query_one("#too-small").render())
        assert not app.query_one("Footer").display  # its keys depended on which hidden pane had focus
        await pilot.press("q")  # as the message says
    assert app.return_code == 0 and not app.is_running


async def test_selecting_an_actor_filters_timeline_and_quotes_and_escape_clears(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("2", "j", "j")  # Mara Velt (1 event) after Norland and Sudria (3 each)
        assert app.query_one(ActorsView).current.name == "Mara Velt"
        await pilot.press("enter")
        assert [e.id for e in timeline(app).events] == ["e3"]
        assert [q.id for q in app.query_one(QuotesView).quotes] == ["q1"]
        await pilot.press("escape")
        assert len(timeline(app).events) == 7
        assert len(app.query_one(QuotesView).quotes) == 2


async def test_selecting_a_quote_shows_its_source_sentence(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("3", "j", "enter")
        assert isinstance(app.screen, DetailScreen)
        plain = app.screen.query_one(DetailView).text.plain
        assert plain.startswith("Piet Olm told (reporters)")
        assert '"Nothing is agreed until everything is agreed," Piet Olm told reporters.' in plain


async def test_search_finds_rows_and_n_and_shift_n_step_through_matches(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"Geneva", "enter")
        assert "Geneva" in headline(app)
        await pilot.press("slash")
        app.screen.query_one(Input).value = ""
        await pilot.press(*"harbour", "enter")
        assert headline(app) == "Final vote on the harbour deal"
        await pilot.press("n")
        assert headline(app) == "Second round of harbour talks"
        await pilot.press("n")  # wraps to the first match (in the sources: "Harbour talks opened")
        assert headline(app) == "Harbour talks open in Lisbon"
        await pilot.press("N")
        assert headline(app) == "Second round of harbour talks"
        await pilot.press("escape")
        assert app.query_text == ""


async def test_filter_by_status_and_dates_and_bad_filters_are_explained(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("f", *"status:expected", "enter")
        assert [e.id for e in timeline(app).events] == ["e5", "e6"]
        await pilot.press("f")
        app.screen.query_one(Input).value = ""
        await pilot.press(*"since:2021-04 until:2021-05", "enter")
        assert [e.id for e in timeline(app).events] == ["e3", "e4"]
        await pilot.press("f")
        app.screen.query_one(Input).value = ""
        await pilot.press(*"since:2021-13", "enter")
        assert isinstance(app.screen, PromptScreen)  # stays open, says why
        assert "not a date" in str(app.screen.query_one("#prompt-hint").render())
        await pilot.press("escape")
        assert [e.id for e in timeline(app).events] == ["e3", "e4"]
        await pilot.press("escape")
        assert len(timeline(app).events) == 7


async def test_d_and_shift_d_jump_between_dates_with_events(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g", "d", "d", "d", "d")
        assert timeline(app).current.id == "e5"  # Jun 2021, first of two
        await pilot.press("d")
        assert timeline(app).current.id == "e7"  # skips the second Jun 2021 event
        await pilot.press("D")
        assert timeline(app).current.id == "e5"
        await pilot.press("j", "D")  # from the second Jun 2021 event back to May
        assert timeline(app).current.id == "e4"


async def test_y_copies_the_selected_item_as_text(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g", "j", "j", "j", "y")
        assert app.clipboard.startswith("12 May 2021 (planned) — Negotiators [bold]meet[/bold] in Geneva")
        assert "Piet Olm" in app.clipboard
        await pilot.press("2", "y")
        assert app.clipboard == "Norland (country)"
        await pilot.press("3", "y")
        quote, source = app.clipboard.split("\n")
        assert quote == "“We are close to a deal,” — Mara Velt"
        assert (
            source.strip()
            == "Harbour Gazette · undated · Harbour talks open · https://gazette.example/harbour-talks"
        )


async def test_q_quits(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_binding(sample, key: str) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        plain = app.screen.query_one(DetailView).text.plain
        for binding in keys.APP:
            assert binding.description in plain, binding.id
        assert "^p" in plain and "Command palette" in plain
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_every_binding_has_an_id() -> None:
    for binding in keys.APP + keys.CLOSE + keys.HELP + keys.PROMPT:
        assert binding.id, binding


async def test_keymap_file_remaps_by_binding_id(sample, tmp_path, monkeypatch) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('cursor_down = "x"\n', encoding="utf-8")
    monkeypatch.setenv("DATELINE_KEYMAP", str(path))
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g", "x")
        assert timeline(app).cursor == 1
        await pilot.press("j")
        assert timeline(app).cursor == 1  # j no longer moves
        assert "x" in dict(app.help_rows()) and dict(app.help_rows())["x"] == "Down"


async def test_command_palette_offers_the_apps_own_commands(sample, tmp_path) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"export json")
        await until(pilot, lambda: palette_shows(app, "Export as JSON"))  # it searches in the background
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PromptScreen))
        target = tmp_path / "out.json"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.exists() and '"Harbour talks open in Lisbon"' in target.read_text(encoding="utf-8")


async def test_palette_commands_include_filters_actors_and_themes(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW):
        names = {c.title: c.callback for c in app.get_system_commands(app.screen)}
        assert {"Show brief", "Filter…", "Clear filter and search", "Export as Markdown…"} <= set(names)
        assert {
            "Export as JSON…",
            "Export as TimelineJS…",
            "Export as CSV…",
            "Key events / all events",
        } <= set(names)
        assert "Theme: ansi-dark" in names and "Actor: Piet Olm" in names
        names["Actor: Piet Olm"]()
        assert [e.id for e in timeline(app).events] == ["e4"]
        names["Theme: ansi-light"]()
        assert app.theme == "ansi-light"


async def test_load_problems_are_listed_in_a_notice(sample) -> None:
    app = DatelineApp(timeline=sample)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("broken/[bold]file.bin: binary file" in m for m in messages)


async def test_rows_fit_beside_the_scrollbar() -> None:
    app = DatelineApp(timeline=synthetic_timeline(100))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        view = timeline(app)
        line = view.render_line(0)
        assert line.cell_length == view.scrollable_content_region.width < view.size.width
        assert line.text.rstrip().endswith("1 src")


def test_unknown_theme_is_refused_before_the_app_starts(capsys) -> None:
    from dateline.tui.app import run_app

    assert run_app(["seeds"], theme="no-such-theme") == 2
    assert "ansi-dark" in capsys.readouterr().err


def test_a_keymap_entry_that_binds_nothing_is_named(tmp_path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('cursor_down = "x"\ncursor_dwon = "z"\nquit = 5\n', encoding="utf-8")
    keymap, error = keys.load_keymap(path)
    assert keymap == {"cursor_down": "x"}
    assert error is not None and "ignored cursor_dwon, quit" in error
