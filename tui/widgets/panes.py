"""The three list panes: the timeline of events, the actors and the quotes (all :class:`RowsView`).

Each pane knows how to show its current item in the detail pane (:meth:`detail`) and as plain text for the
clipboard (:meth:`copy_text`), so the app asks the focused pane instead of switching on its type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text

from dateline.tui import keys, view
from dateline.tui.safe import clean
from dateline.tui.widgets import detail
from dateline.tui.widgets.rows import RowsView

if TYPE_CHECKING:
    from textual.binding import BindingType

    from dateline.core.model import Actor, Event, Quote
    from dateline.tui.view import TimelineIndex

DATE_WIDTH = (9, 18)  # the date column fits the longest label among the first events, within these bounds
SAMPLE = 2000


class TimelineView(RowsView):
    """One row per event: date at its own granularity, a status mark, the headline (search matches
    highlighted), number of sources. ``d``/``D`` jump between dates."""

    BINDINGS: ClassVar[list[BindingType]] = keys.TIMELINE

    def __init__(self, **kwargs) -> None:
        super().__init__(empty="No events yet.", **kwargs)
        self.events: list[Event] = []
        self.index: TimelineIndex | None = None
        self.query = ""  # the search, highlighted in headlines
        self._labels: dict[int, str] = {}
        self.date_width = DATE_WIDTH[0]

    def show(self, events: list[Event], index: TimelineIndex, *, keep: Event | None = None) -> None:
        """Show ``events``; the cursor stays on ``keep`` when it is still there, else on the same row."""
        self.events = events
        self.index = index
        self._labels = {}
        lo, hi = DATE_WIDTH
        self.date_width = min(
            max((len(self.label(i)) for i in range(min(len(events), SAMPLE))), default=lo), hi
        )
        self.date_width = max(self.date_width, lo)
        if (
            keep is not None
            and self.events
            and (self.cursor >= len(events) or events[self.cursor] is not keep)
        ):
            self.set_reactive(RowsView.cursor, _find(events, keep, self.cursor))
        self.set_row_count(len(events))

    @property
    def current(self) -> Event | None:
        return self.events[self.cursor] if 0 <= self.cursor < len(self.events) else None

    def label(self, index: int) -> str:
        label = self._labels.get(index)
        if label is None:
            label = self._labels[index] = self.events[index].date.label()
        return label

    def render_row(self, index: int, width: int) -> Text:
        event = self.events[index]
        date = Text(self.label(index), style=self.dim(), no_wrap=True)
        self.glyphs.fit(date, self.date_width, pad=True)
        if event.status in ("expected", "planned"):
            mark = self.glyphs.expected
        elif event.status == "ongoing":
            mark = self.glyphs.ongoing
        else:
            mark = " "
        n = len(event.articles)  # sources are articles; one article may give several sentences
        sources = Text(f"{n:>2} src", style=self.dim())
        head_width = max(width - self.date_width - 3 - sources.cell_len - 1, 1)
        headline = Text(clean(event.headline), no_wrap=True)
        if self.query:
            headline.highlight_words([self.query], self.match(), case_sensitive=False)
        self.glyphs.fit(headline, head_width, pad=True)
        return Text.assemble(date, " ", (mark, self.mark()), " ", headline, " ", sources)

    def set_query(self, query: str) -> None:
        self.query = query
        self.refresh()

    def detail(self) -> tuple[str, Text] | None:
        if self.index is None or self.current is None:
            return None
        return "Event", detail.event_detail(self.current, self.index, self.glyphs)

    def copy_text(self) -> str | None:
        if self.index is None or self.current is None:
            return None
        return view.event_text(self.current, self.index)

    def action_next_date(self) -> None:
        self.move_to(view.next_date(self.events, self.cursor, 1))

    def action_previous_date(self) -> None:
        self.move_to(view.next_date(self.events, self.cursor, -1))


def _find(events: list[Event], keep: Event, near: int) -> int:
    for i, e in enumerate(events):
        if e.id == keep.id:
            return i
    return min(near, max(len(events) - 1, 0))


class ActorsView(RowsView):
    """Actors with the most events first; Enter filters the timeline and quotes to one of them."""

    def __init__(self, **kwargs) -> None:
        super().__init__(empty="No actors yet.", **kwargs)
        self.actors: list[Actor] = []
        self.counts: dict[str, int] = {}
        self.index: TimelineIndex | None = None

    def show(self, index: TimelineIndex) -> None:
        current = self.current
        self.index = index
        self.actors = index.sorted_actors()
        self.counts = index.event_counts if self.actors else {}  # (no actors read yet: no need to count)
        if current is not None:
            self.set_reactive(
                RowsView.cursor, next((i for i, a in enumerate(self.actors) if a.id == current.id), 0)
            )
        self.set_row_count(len(self.actors))

    @property
    def current(self) -> Actor | None:
        return self.actors[self.cursor] if 0 <= self.cursor < len(self.actors) else None

    def render_row(self, index: int, width: int) -> Text:
        actor = self.actors[index]
        count = Text(f" {self.counts.get(actor.id, 0)}", style=self.dim())
        name = Text(clean(actor.name), no_wrap=True)
        self.glyphs.fit(name, max(width - count.cell_len, 1), pad=True)
        return Text.assemble(name, count)

    def detail(self) -> tuple[str, Text] | None:
        if self.index is None or self.current is None:
            return None
        return "Actor", detail.actor_detail(self.current, self.index)

    def copy_text(self) -> str | None:
        return view.actor_text(self.current) if self.current is not None else None


class QuotesView(RowsView):
    """Quotes as “words” — speaker; Enter shows the sentence they came from."""

    def __init__(self, **kwargs) -> None:
        super().__init__(empty="No quotes yet.", **kwargs)
        self.quotes: list[Quote] = []
        self.index: TimelineIndex | None = None

    def show(self, quotes: list[Quote], index: TimelineIndex) -> None:
        self.quotes = quotes
        self.index = index
        self.set_row_count(len(quotes))

    @property
    def current(self) -> Quote | None:
        return self.quotes[self.cursor] if 0 <= self.cursor < len(self.quotes) else None

    def render_row(self, index: int, width: int) -> Text:
        quote = self.quotes[index]
        speaker = clean(self.index.speaker(quote)) if self.index else ""
        who = Text(f" {self.glyphs.dash} {speaker}", style=self.dim(), no_wrap=True)
        self.glyphs.fit(who, min(max(width // 3, 18), width // 2), pad=True)
        g = self.glyphs
        words = Text(f"{g.quote_open}{clean(quote.text)}{g.quote_close}", no_wrap=True)
        self.glyphs.fit(words, max(width - who.cell_len, 1), pad=True)
        return Text.assemble(words, who)

    def detail(self) -> tuple[str, Text] | None:
        if self.index is None or self.current is None:
            return None
        return "Quote", detail.quote_detail(self.current, self.index, self.glyphs)

    def copy_text(self) -> str | None:
        if self.index is None or self.current is None:
            return None
        return view.quote_text(self.current, self.index)
