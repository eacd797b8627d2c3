"""A one-line prompt (search, filter, file name) that returns what was typed, or None on Esc."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from dateline.tui import keys

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.binding import BindingType

Check = Callable[[str], str | None]  # returns an error message, or None when the value is fine


class PromptScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = keys.PROMPT

    def __init__(self, title: str, value: str = "", hint: str = "", check: Check | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.check = check

    def _drawn(self, value: str) -> str:
        glyphs = getattr(self.app, "glyphs", None)  # an ASCII terminal draws ASCII punctuation
        return glyphs.text(value) if glyphs else value

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt") as box:
            box.border_title = self._drawn(self.title_text)
            yield Input(value=self.value, select_on_focus=True, id="prompt-input")
            yield Static(Text(self._drawn(self.hint), style="dim"), id="prompt-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.check(event.value) if self.check else None
        if error:
            self.query_one("#prompt-hint", Static).update(Text(self._drawn(error), style="bold"))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
