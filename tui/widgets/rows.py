"""A focusable list of one-line rows drawn with the Line API: only visible rows are ever rendered.

Subclasses say how many rows there are and how to draw one (:meth:`RowsView.render_row`); this class owns
the cursor, its keys (``keys.ROWS``, remappable by id), its styles, scrolling, mouse clicks and the
Highlighted/Selected messages, as Textual's own OptionList does. Painting costs the same for 100 or
1,000,000 rows because :meth:`render_line` touches only the row at that screen line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from dateline.tui import keys
from dateline.tui.safe import Glyphs

if TYPE_CHECKING:
    from textual.binding import BindingType


class RowsView(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows with a cursor, moved by the keys of ``keys.ROWS``."""

    BINDINGS: ClassVar[list[BindingType]] = keys.ROWS
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rows--cursor",
        "rows--dim",
        "rows--mark",
        "rows--empty",
        "rows--match",
    }
    SCOPED_CSS = False  # its rules also follow the app's -ascii / -no-color classes
    DEFAULT_CSS = """
    RowsView {
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    RowsView:focus {
        border: round $accent;
        border-title-color: $text;
        border-title-style: bold;
    }
    RowsView > .rows--cursor {
        background: $block-cursor-blurred-background;
        text-style: bold;
    }
    RowsView:focus > .rows--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    RowsView > .rows--dim { color: $text-muted; }
    RowsView > .rows--mark { color: $warning; text-style: bold; }
    RowsView > .rows--empty { color: $text-muted; text-style: italic; }
    RowsView > .rows--match { background: $warning 40%; text-style: bold underline; }
    /* ASCII terminals (the Linux console): borders its font can draw. Without colour: the cursor row is
       reversed, so it shows whatever the terminal does with colours. */
    .-ascii RowsView { border: ascii $panel-lighten-2; }
    .-ascii RowsView:focus { border: ascii $accent; }
    .-no-color RowsView > .rows--cursor { text-style: bold; }
    .-no-color RowsView:focus > .rows--cursor { text-style: bold reverse; }
    .-no-color RowsView > .rows--match { text-style: bold underline; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class _RowMessage(Message):
        def __init__(self, view: RowsView, index: int) -> None:
            super().__init__()
            self.view = view
            self.index = index

        @property
        def control(self) -> RowsView:
            return self.view

    class Highlighted(_RowMessage):
        """The cursor moved to ``index`` (-1 when there are no rows)."""

    class Selected(_RowMessage):
        """Enter (or a double click) on row ``index``."""

    def __init__(self, *, glyphs: Glyphs | None = None, empty: str = "Nothing here.", **kwargs) -> None:
        super().__init__(**kwargs)
        self.glyphs = glyphs or Glyphs()
        self.empty_text = empty
        self._count = 0

    # -- data ---------------------------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return self._count

    def set_row_count(self, count: int, *, keep_cursor: bool = True) -> None:
        """Tell the view how many rows exist now; it repaints only what is visible."""
        self._count = count
        self.virtual_size = Size(self.scrollable_content_region.width, count)
        cursor = min(self.cursor, count - 1) if keep_cursor else 0
        self.set_reactive(RowsView.cursor, max(cursor, 0))
        self.refresh()
        self.post_message(self.Highlighted(self, self.cursor if count else -1))

    def render_row(self, index: int, width: int) -> Text:
        """The row's content (without the cursor gutter); subclasses override."""
        raise NotImplementedError

    # -- painting -------------------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self.rich_style
        if self._count == 0:
            if y == 0:  # every segment gets a style: line filters (NO_COLOR's) read each segment's style
                text = Text(self.empty_text, style=self.get_component_rich_style("rows--empty"))
                self.glyphs.fit(text, width)
                strip = Strip(text.render(self.app.console)).extend_cell_length(width)
                return Strip(Segment.apply_style(strip, style=base)).crop(0, width)
            return Strip.blank(width, base)
        if index >= self._count:
            return Strip.blank(width, base)
        selected = index == self.cursor
        gutter = self.glyphs.cursor if selected and self.has_focus else " "
        text = Text.assemble(gutter, " ")
        text.append_text(self.render_row(index, max(width - 2, 1)))
        text = self.glyphs.fit(self.glyphs.rich(text), width)
        text.no_wrap = True
        segments = list(text.render(self.app.console))
        strip = Strip(segments).extend_cell_length(width)
        style = base + self.get_component_rich_style("rows--cursor") if selected else base
        return Strip(Segment.apply_style(strip, post_style=None, style=style)).crop(0, width)

    def dim(self) -> Style:
        return self.get_component_rich_style("rows--dim", partial=True)

    def mark(self) -> Style:
        return self.get_component_rich_style("rows--mark", partial=True)

    def match(self) -> Style:
        return self.get_component_rich_style("rows--match", partial=True)

    # -- what the app asks of any pane ----------------------------------------------------------------------
    def detail(self) -> tuple[str, Text] | None:
        """(title, text) of the current row's detail for the detail pane; None when there is nothing."""
        return None

    def copy_text(self) -> str | None:
        """The current row as plain text for the clipboard."""
        return None

    # -- cursor ------------------------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        if self._count == 0:
            return
        clamped = min(max(new, 0), self._count - 1)
        if clamped != new:
            self.set_reactive(RowsView.cursor, clamped)
        self.refresh_line(old)
        self.refresh_line(clamped)
        self.scroll_to_region(
            Region(0, clamped, 1, 1), animate=False, force=True, x_axis=False, immediate=True
        )
        self.post_message(self.Highlighted(self, clamped))

    def on_focus(self) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor)

    def move_to(self, index: int | None) -> None:
        if index is not None and self._count:
            self.cursor = index

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self.move_to(self.cursor - max(self.scrollable_content_region.height - 1, 1))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self._count - 1)

    def action_select(self) -> None:
        if self._count:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self._count:
            self.cursor = index
            if event.chain >= 2:
                self.action_select()
