"""Making article text safe to show: it is data, never markup, and never terminal control sequences.

Every label in the app is built from :class:`rich.text.Text` objects made here (``Text(str)`` never parses
markup), after :func:`clean` has replaced control characters, so a file containing ``[bold]`` or an escape
sequence shows literally.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from dateline.core.clean import printable

if TYPE_CHECKING:
    from rich.text import Text


def clean(value: object) -> str:
    """``value`` as one line of plain text: control characters, line breaks, bidirectional controls and
    zero-width characters become spaces (:func:`dateline.core.clean.printable`, the one cleaning of
    everything Dateline prints)."""
    return printable(value)


# Terminals whose fonts lack box drawing and symbols, whatever the locale says (the Linux console's 512-glyph
# font, serial terminals, "dumb").
ASCII_TERMS = ("linux", "vt100", "vt102", "vt220", "vt52", "dumb", "ansi", "cons25", "sun")


def unicode_ok() -> bool:
    """Whether the terminal can be trusted with non-ASCII symbols: not a console kind known to lack them, and
    output encoded as UTF-8 (the locale's choice)."""
    term = os.environ.get("TERM", "")
    if term.split("-")[0] in ASCII_TERMS:
        return False
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf")


def few_colours() -> bool:
    """Whether the terminal shows only its 16 (or 8) own colours: then a theme made of those reads better than
    truecolour approximated to them."""
    if os.environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return False
    term = os.environ.get("TERM", "")
    return (
        bool(term)
        and "256" not in term
        and term.split("-")[0] not in ("kitty", "alacritty", "foot", "wezterm")
    )


# Typographic characters as one ASCII character each (so the offsets of styled spans stay right).
_TYPOGRAPHIC = str.maketrans(
    {"—": "-", "–": "-", "·": "|", "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "…": ".", "•": "*"}
    | {"«": '"', "»": '"', "→": ">", "←": "<", "\xa0": " "}
)


class Glyphs:
    """Symbols used in rows, with an ASCII set for limited terminals."""

    def __init__(self, unicode: bool = True) -> None:
        self.unicode = unicode
        self.expected = "◷" if unicode else "~"
        self.ongoing = "»" if unicode else ">"
        self.cursor = "▶" if unicode else ">"
        self.ellipsis = "…" if unicode else "..."
        self.quote_open, self.quote_close = ("“", "”") if unicode else ('"', '"')
        self.dash = "—" if unicode else "-"
        self.dot = "·" if unicode else "|"
        self.strip = " ▁▂▃▄▅▆▇█" if unicode else " .:-=+*#%"  # density, lowest to highest
        self.here = "▲" if unicode else "^"

    def text(self, value: str) -> str:
        """``value`` with its typographic punctuation in ASCII on an ASCII terminal (only what is drawn:
        exports and the clipboard keep the article's own characters). A plain string has no styled offsets
        to keep: its ellipsis is three dots ("Export as CSV." would read as a sentence's end)."""
        return value if self.unicode else value.replace("…", "...").translate(_TYPOGRAPHIC)

    def rich(self, text: Text) -> Text:
        """:meth:`text` for a styled Text, its styles kept."""
        if self.unicode:
            return text
        from rich.text import Text as RichText

        out = RichText(
            text.plain.translate(_TYPOGRAPHIC), style=text.style, no_wrap=text.no_wrap, end=text.end
        )
        out.spans = list(text.spans)
        return out

    def fit(self, text: Text, width: int, *, pad: bool = False) -> Text:
        """Cut ``text`` to ``width`` cells with this set's ellipsis (Rich's own is always "…")."""
        if self.unicode:
            text.truncate(width, overflow="ellipsis", pad=pad)
            return text
        if text.cell_len > width:
            keep = max(width - len(self.ellipsis), 0)
            text.truncate(keep, overflow="crop")
            text.append(self.ellipsis[: width - keep])
        if pad:
            text.truncate(width, pad=True)
        return text


def ascii_scrollbars(on: bool) -> None:
    """Draw scroll bars with spaces only (their thumb is its colour) on a terminal without block elements;
    ``on=False`` puts Textual's own back (the renderer is a class setting, shared by every app)."""
    from textual.scrollbar import ScrollBar, ScrollBarRender

    class AsciiBars(ScrollBarRender):
        VERTICAL_BARS = [" "] * 8
        HORIZONTAL_BARS = [" "] * 8

    ScrollBar.renderer = AsciiBars if on else ScrollBarRender
