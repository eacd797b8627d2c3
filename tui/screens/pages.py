"""Pushed screens: the help page, the detail of one item, and plain text pages (brief, load problems)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from dateline.tui import keys
from dateline.tui.widgets.detail import DetailView

if TYPE_CHECKING:
    from textual import events
    from textual.app import ComposeResult
    from textual.binding import BindingType


class HelpScreen(ModalScreen[None]):
    """Every key, as currently bound (so a user's keymap shows), with what it does. The list keys scroll
    it; any other letter typed filters it, and once a filter is typed every letter goes to it (Backspace
    takes one back; Esc closes)."""

    BINDINGS: ClassVar[list[BindingType]] = keys.HELP

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows
        self.typed = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(id="help-filter")
            body = DetailView(id="help-body")
            body.border_title = "Keys"
            body.border_subtitle = self.app.glyphs.text("type to filter · Esc to close")
            yield body

    def on_mount(self) -> None:
        self.show_rows()
        self.query_one(DetailView).focus()

    def shown_rows(self) -> list[tuple[str, str]]:
        needle = self.typed.casefold()
        return [(k, d) for k, d in self.rows if needle in k.casefold() or needle in d.casefold()]

    def show_rows(self) -> None:
        rows = self.shown_rows()
        width = max((len(k) for k, _ in self.rows), default=4) + 2
        text = Text()
        for key, description in rows:
            text.append(key.ljust(width), style="bold")
            text.append(description + "\n")
        if not rows:
            text.append("No key matches.\n", style="dim")
        if not self.typed:
            text.append("\nFilter syntax: ", style="bold")
            text.append('actor:"NAME" status:expected since:"Jan 2017" until:2017-02 words\n')
            text.append("Keys can be remapped by binding id in ", style="dim")
            text.append(str(keys.keymap_path()), style="dim")
        typed = (
            Text("Type to filter the keys", style="dim") if not self.typed else Text(f"Filter: {self.typed}")
        )
        self.query_one("#help-filter", Static).update(typed)
        self.query_one(DetailView).show(text)

    def on_key(self, event: events.Key) -> None:
        bound = set(self.active_bindings)
        if event.key == "backspace" and self.typed:
            self.typed = self.typed[:-1]
        elif event.is_printable and event.character and (self.typed or event.key not in bound):
            self.typed += event.character  # once typing has begun, every letter is typed ("page", "quit")
        else:
            return
        event.stop()
        event.prevent_default()
        self.show_rows()

    def action_close(self) -> None:
        self.dismiss(None)


class DetailScreen(Screen[None]):
    """One item in full: an event with its sources, a quote with its sentence, an actor."""

    BINDINGS: ClassVar[list[BindingType]] = keys.CLOSE

    def __init__(self, title: str, text: Text) -> None:
        super().__init__()
        self.heading = title
        self.text = text

    def compose(self) -> ComposeResult:
        view = DetailView(id="detail-page")
        view.border_title = self.heading
        yield view
        yield Footer()

    def on_mount(self) -> None:
        view = self.query_one(DetailView)
        view.show(self.text)
        view.focus()

    def action_close(self) -> None:
        self.dismiss(None)


class TextScreen(DetailScreen):
    """A page of plain text such as the brief or the list of load problems (shown literally)."""

    def __init__(self, title: str, body: str) -> None:
        from dateline.tui.safe import clean

        lines = [clean(line) for line in body.splitlines()]
        super().__init__(title, Text("\n".join(lines) or "(empty)"))


class TooSmall(Static):
    """Shown instead of everything else when the terminal is below 60×20."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            Text(
                "Please make the terminal larger\n(Dateline needs at least 60x20; q quits).", justify="center"
            ),
            **kwargs,
        )
