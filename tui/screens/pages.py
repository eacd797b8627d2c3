"""Pushed screens: the help page, the detail of one item, and plain text pages (brief, load problems)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from dateline.tui import keys
from dateline.tui.widgets.detail import DetailView

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.binding import BindingType


class HelpScreen(ModalScreen[None]):
    """Every key, as currently bound (so a user's keymap shows), with what it does."""

    BINDINGS: ClassVar[list[BindingType]] = keys.HELP

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self.rows), default=4) + 2
        text = Text()
        for key, description in self.rows:
            text.append(key.ljust(width), style="bold")
            text.append(description + "\n")
        text.append("\nFilter syntax: ", style="bold")
        text.append("actor:NAME status:expected since:2017-01 until:2017-02 words\n")
        text.append("Keys can be remapped by binding id in ", style="dim")
        text.append(str(keys.keymap_path()), style="dim")
        body = DetailView(id="help-body")
        body.border_title = "Keys"
        body.border_subtitle = "Esc to close"
        self._text = text
        yield body

    def on_mount(self) -> None:
        body = self.query_one(DetailView)
        body.show(self._text)
        body.focus()

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
            Text("Please make the terminal larger\n(Dateline needs at least 60×20).", justify="center"),
            **kwargs,
        )
