"""Making article text safe to show: it is data, never markup, and never terminal control sequences.

Every label in the app is built from :class:`rich.text.Text` objects made here (``Text(str)`` never parses
markup), after :func:`clean` has replaced control characters, so a file containing ``[bold]`` or an escape
sequence shows literally.
"""

from __future__ import annotations

import os
import sys

# C0 controls, DEL and C1 controls, plus the bidi overrides/isolates that can reorder what a terminal shows.
_CONTROL = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
_BIDI = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
_TABLE = dict.fromkeys(_CONTROL + _BIDI, " ")


def clean(value: object) -> str:
    """``value`` as one line of plain text: control characters become spaces, line breaks too."""
    return str(value).translate(_TABLE)


def unicode_ok() -> bool:
    """Whether the terminal can be trusted with non-ASCII symbols (the Linux console's font often lacks them)."""
    if os.environ.get("TERM") == "linux":
        return False
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return encoding in ("utf8", "utf16", "") or not encoding


class Glyphs:
    """Symbols used in rows, with an ASCII set for limited terminals."""

    def __init__(self, unicode: bool = True) -> None:
        self.expected = "◷" if unicode else "~"
        self.ongoing = "»" if unicode else ">"
        self.cursor = "▶" if unicode else ">"
        self.ellipsis = "…" if unicode else "..."
        self.quote_open, self.quote_close = ("“", "”") if unicode else ('"', '"')
        self.dash = "—" if unicode else "-"
        self.dot = "·" if unicode else "|"
