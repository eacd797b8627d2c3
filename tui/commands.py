"""The app's own commands for the command palette (ctrl+p): exports of what is shown, brief, filters, view,
actors, themes.

The app yields these from ``get_system_commands``; this module asks only for the few methods of
:class:`Host` (no import of the app, so no import circle).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from textual.app import SystemCommand

from dateline.tui.safe import clean

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

MAX_ACTORS = 200  # actor commands offered; the Actors pane and `f actor:` reach the rest


class Host(Protocol):
    """What the palette needs of the app."""

    index: Any
    glyphs: Any
    available_themes: dict[str, Any]
    theme: str

    def action_export(self, fmt: str = "") -> None: ...
    def action_brief(self) -> None: ...
    def action_filter(self) -> None: ...
    def apply_filter(self, text: str | None) -> None: ...
    def action_clear(self) -> None: ...
    def action_problems(self) -> None: ...
    def action_help(self) -> None: ...
    def action_toggle_view(self) -> None: ...
    def action_jump_date(self) -> None: ...
    def action_densest(self) -> None: ...
    def filter_actor(self, actor: Any) -> None: ...


def _set_theme(app: Host, name: str) -> None:
    app.theme = name


def commands(app: Host) -> Iterator[SystemCommand]:
    shown = "the events shown (filter and view applied)"
    plain: list[tuple[str, str, Callable[[], object]]] = [
        ("Export as JSON…", f"Write {shown} as Dateline JSON", partial(app.action_export, "json")),
        ("Export as Markdown…", f"Write {shown} as a Markdown briefing", partial(app.action_export, "md")),
        (
            "Export as TimelineJS…",
            f"Write {shown} for TimelineJS 3",
            partial(app.action_export, "timelinejs"),
        ),
        (
            "Export as CSV…",
            "One row per event and source, for a spreadsheet",
            partial(app.action_export, "csv"),
        ),
        ("Show brief", f"A compact plain-text briefing of {shown}", app.action_brief),
        ("Filter…", 'actor:"NAME" status:expected since:"Jan 2017" until:2017-02 words', app.action_filter),
        (
            "Filter: expected and planned only",
            "status:expected,planned",
            partial(app.apply_filter, "status:expected,planned"),
        ),
        ("Clear filter and search", "Show every event again", app.action_clear),
        ("Key events / all events", "Toggle the key-events view (v)", app.action_toggle_view),
        ("Go to date…", "The first event on or after a date (t)", app.action_jump_date),
        ("Go to the busiest period", "Where the density strip is highest (m)", app.action_densest),
        ("Show load problems", "Files that could not be read", app.action_problems),
        ("Keys", "Every key binding", app.action_help),
    ]
    drawn = app.glyphs.text  # ASCII punctuation on an ASCII terminal
    for title, help_text, callback in plain:
        yield SystemCommand(drawn(title), drawn(help_text), callback)
    for name in sorted(app.available_themes):
        yield SystemCommand(
            f"Theme: {name}", "Switch the colour theme", partial(_set_theme, app, name), False
        )
    if app.index is not None:
        for actor in app.index.sorted_actors()[:MAX_ACTORS]:
            title = drawn(f"Actor: {clean(actor.name)}")
            yield SystemCommand(title, "Filter to this actor", partial(app.filter_actor, actor), False)
