"""The density strip above the timeline: how many events each day, week or month holds, where the cursor is,
and which part of the span the filter keeps.

Counting happens when the timeline or the width changes (:meth:`DensityStrip.show`); a cursor move only
redraws two short lines, so it costs the same for 100 or 100,000 events.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.widget import Widget

from dateline.tui.density import Density, density
from dateline.tui.safe import Glyphs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual import events

    from dateline.core.model import Event

FORMATS = {"day": "%d %b %Y", "week": "%d %b %Y", "month": "%b %Y", "year": "%Y"}


class DensityStrip(Widget):
    """Two lines: bars of events per period, then the span's ends, the unit and the cursor's place."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"strip--bar", "strip--kept", "strip--cursor", "strip--dim"}
    SCOPED_CSS = False  # its rules also follow the app's -ascii / -no-color classes
    DEFAULT_CSS = """
    DensityStrip {
        height: 2;
        padding: 0 1;
        background: $surface;
    }
    DensityStrip > .strip--bar { color: $text-muted; }
    DensityStrip > .strip--kept { color: $accent; text-style: bold; }
    DensityStrip > .strip--cursor { color: $warning; text-style: bold reverse; }
    DensityStrip > .strip--dim { color: $text-muted; }
    .-no-color DensityStrip > .strip--kept { text-style: bold; }
    """

    def __init__(self, *, glyphs: Glyphs | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.glyphs = glyphs or Glyphs()
        self.events: Sequence[Event] = ()
        self.kept: tuple[date, date] | None = None
        self.cursor_day: date | None = None
        self.data: Density | None = None
        self.loading = True
        self._width = 0

    def show(self, events: Sequence[Event], kept: Sequence[Event] | None, *, loading: bool = False) -> None:
        """Count ``events`` (the whole timeline); ``kept``, when a filter is on, are the events it keeps;
        ``loading`` while more may come."""
        self.loading = loading
        self.events = events
        self.kept = _span(kept) if kept is not None else None
        self._count()

    def move_cursor(self, day: date | None) -> None:
        if day != self.cursor_day:
            self.cursor_day = day
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.content_size.width != self._width:
            self._count()

    def _count(self) -> None:
        self._width = self.content_size.width
        self.data = density(self.events, self._width) if self._width else None
        self.refresh()

    def render(self) -> Text:
        data = self.data
        if data is None:
            empty = "No dated events yet." if self.loading else "No dated events."
            return Text(empty if not self.events else "", style="dim")
        cols = data.columns
        top = max(cols) or 1
        levels = self.glyphs.strip
        cursor = data.column(self.cursor_day)
        kept_cols = (
            (data.column(max(self.kept[0], data.lo)), data.column(min(self.kept[1], data.hi)))
            if self.kept
            else None
        )
        bar_style = self.get_component_rich_style("strip--bar")
        kept_style = self.get_component_rich_style("strip--kept")
        cursor_style = self.get_component_rich_style("strip--cursor")
        bars = Text(no_wrap=True)
        for c, n in enumerate(cols):
            level = 0 if n == 0 else max(1, round(n * (len(levels) - 1) / top))
            style = bar_style
            if kept_cols and kept_cols[0] is not None and kept_cols[1] is not None:
                style = kept_style if kept_cols[0] <= c <= kept_cols[1] else bar_style
            if c == cursor:
                style = cursor_style
            bars.append(levels[level], style=style)
        labels = self._labels(data, len(cols), cursor)
        return Text.assemble(bars, "\n", labels)

    def _labels(self, data: Density, width: int, cursor: int | None) -> Text:
        """The span's first and last dates at the ends, the unit in between, the cursor's marker under its
        column. Nothing is drawn over the marker: a date it would cut in two moves beside it, the words go
        where they fit clear of it."""
        fmt = FORMATS[data.unit]
        left, right = data.lo.strftime(fmt), data.hi.strftime(fmt)
        busiest = data.densest()
        middle = f"events per {data.column_unit()}" + (f", most {busiest[1]}" if busiest else "")
        middle = self.glyphs.text(middle)  # "3-4 months" on an ASCII terminal
        line = [" "] * max(width, 1)

        def put(at: int, s: str) -> None:
            for i, ch in enumerate(s):
                if 0 <= at + i < len(line):
                    line[at + i] = ch

        def under(at: int, s: str) -> bool:
            return cursor is not None and at <= cursor < at + len(s)

        left_at, right_at = 0, width - len(right)
        if under(left_at, left):
            left_at = cursor + 1  # type: ignore[operator]
        if under(right_at, right):
            right_at = cursor - len(right)  # type: ignore[operator]
        left_end = left_at + len(left)
        if right_at <= left_end:  # too narrow for both beside the marker: the first date alone
            right, right_at = "", width
        # the words go in the middle, else beside either label, wherever they fit clear of the cursor's marker
        for at in ((width - len(middle)) // 2, left_end + 2, right_at - len(middle) - 2):
            clear = cursor is None or not at - 1 <= cursor <= at + len(middle)
            if clear and at >= left_end + 2 and at + len(middle) + 2 <= right_at:  # two spaces either side
                put(at, middle)
                break
        put(left_at, left)
        put(right_at, right)
        text = Text("".join(line), style=self.get_component_rich_style("strip--dim"), no_wrap=True)
        if cursor is not None and cursor < width:
            text = Text.assemble(text[:cursor], (self.glyphs.here, "bold"), text[cursor + 1 :])
        return text


def _span(events: Sequence[Event] | None) -> tuple[date, date] | None:
    if not events:
        return None
    los = [e.date.earliest for e in events if e.date.earliest is not None]
    his = [e.date.latest for e in events if e.date.latest is not None]
    if not los or not his:
        return None
    return min(los), max(his)
