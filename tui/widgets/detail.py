"""The detail of one item (event, actor or quote) as rich Text, and the scrolling pane that shows it.

Every piece of article text goes through :func:`dateline.tui.safe.clean` and into ``Text`` objects (never markup).
Styles are attributes (bold, reverse, underline, dim) so they read the same in 16 colours or with NO_COLOR.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from dateline.core import sources
from dateline.core.text import counted
from dateline.tui import keys
from dateline.tui.safe import Glyphs, clean
from dateline.tui.view import status_word, timex_span

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.binding import BindingType

    from dateline.core.model import Actor, Event, Quote
    from dateline.tui.view import TimelineIndex

HEADING = "bold"
TIMEX = "bold reverse"
QUOTED = "bold underline"
MATCH = "bold underline on yellow"
DIM = "dim"


def highlighted(sentence: str, span: tuple[int, int] | None, style: str) -> Text:
    """``sentence`` with ``span`` (relative offsets) styled; text cleaned of control characters."""
    text = Text(clean(sentence))
    if span is not None:
        text.stylize(style, *span)
    return text


def _section(out: Text, title: str) -> None:
    out.append("\n\n")
    out.append(title, style=HEADING)
    out.append("\n")


def event_detail(event: Event, index: TimelineIndex, glyphs: Glyphs) -> Text:
    status = status_word(event)
    out = Text.assemble((event.date.label(), HEADING))
    if status:
        out.append(f"  {glyphs.expected if status in ('expected', 'planned') else glyphs.ongoing} {status}")
    out.append("\n")
    out.append(clean(event.headline))
    out.append("\n")
    how = event.date_how or f"{event.date.value} ({event.date.granularity})"
    out.append_text(Text.assemble(("Date: ", DIM), clean(how)))
    n = len(event.articles)
    _section(out, f"Sources ({counted(n, 'article')}, {counted(len(event.evidence), 'sentence')})")
    for k, ev in enumerate(event.evidence):
        if k:
            out.append("\n")
        article = index.articles.get(ev.article)
        where = sources.line(article) if article else ev.article
        out.append(f"{glyphs.quote_open}", style=DIM)
        out.append_text(highlighted(ev.text, timex_span(ev), TIMEX))
        out.append(f"{glyphs.quote_close}\n", style=DIM)
        out.append(f"  {clean(where)}\n", style=DIM)
    if event.actors:
        _section(out, "Actors")
        out.append(", ".join(clean(n) for n in index.actor_names(event.actors)))
    quotes = [index.quotes[q] for q in event.quotes if q in index.quotes]
    if quotes:
        _section(out, "Quotes")
        for q in quotes:
            out.append(f"{glyphs.quote_open}{clean(q.text)}{glyphs.quote_close}")
            out.append(f" — {clean(index.speaker(q))}\n", style=DIM)
    return out


def actor_detail(actor: Actor, index: TimelineIndex) -> Text:
    out = Text.assemble((clean(actor.name), HEADING), (f"  {actor.kind}", DIM))
    if actor.aliases:
        out.append("\nAlso: " + ", ".join(clean(a) for a in actor.aliases))
    roles = sorted({clean(r.title) for r in actor.roles})
    if roles:
        out.append("\nRoles: " + ", ".join(roles))
    out.append(f"\nEvents: {index.event_counts.get(actor.id, 0)}   Mentions: {len(actor.mentions)}")
    out.append("\n\nEnter filters the timeline and quotes to this actor; Esc clears it.", style=DIM)
    return out


def quote_detail(quote: Quote, index: TimelineIndex, glyphs: Glyphs) -> Text:
    out = Text.assemble((clean(index.speaker(quote)), HEADING))
    if quote.cue:
        out.append(f" {clean(quote.cue)}", style=DIM)
    if quote.venue:
        out.append(f" ({clean(quote.venue)})", style=DIM)
    out.append("\n")
    out.append(f"{glyphs.quote_open}{clean(quote.text)}{glyphs.quote_close}")
    _section(out, "Source")
    found = index.source_sentence(quote)
    if found is None:
        out.append("(article not loaded)", style=DIM)
    else:
        sentence, lo, hi = found
        out.append_text(highlighted(sentence, (lo, hi), QUOTED))
        article = index.articles.get(quote.article)
        if article is not None:
            out.append(f"\n  {clean(sources.line(article))}", style=DIM)
    return out


def with_matches(text: Text, query: str) -> Text:
    """A copy of ``text`` with every occurrence of ``query`` (any case) marked, as in the timeline rows."""
    if not query:
        return text
    marked = text.copy()
    marked.highlight_words([query], MATCH, case_sensitive=False)
    return marked


class DetailView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """A scrolling pane showing the detail Text of whatever is selected; the list keys scroll it."""

    BINDINGS: ClassVar[list[BindingType]] = keys.MOVES
    SCOPED_CSS = False  # its rules also follow the app's -ascii / -no-color classes
    DEFAULT_CSS = """
    DetailView {
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        padding: 0 1;
    }
    DetailView:focus {
        border: round $accent;
        border-title-color: $text;
        border-title-style: bold;
    }
    .-ascii DetailView { border: ascii $panel-lighten-2; }
    .-ascii DetailView:focus { border: ascii $accent; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text("Select an event to see its sources.", style=DIM), id="detail-body")

    text: Text | None = None

    def show(self, text: Text) -> None:
        self.text = text
        glyphs = getattr(self.app, "glyphs", None)  # an ASCII terminal draws ASCII punctuation
        self.query_one("#detail-body", Static).update(glyphs.rich(text) if glyphs else text)
        self.scroll_home(animate=False)

    def copy_text(self) -> str | None:
        return self.text.plain if self.text is not None else None

    def action_cursor_down(self) -> None:
        self.scroll_down(animate=False)

    def action_cursor_up(self) -> None:
        self.scroll_up(animate=False)

    def action_first(self) -> None:
        self.scroll_home(animate=False)

    def action_last(self) -> None:
        self.scroll_end(animate=False)
