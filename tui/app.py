"""The Dateline app: its layout, its state (the timeline shown, the filter, the search, the view mode) and the
load that fills it.

The first frame shows empty panes at once; a thread worker consumes :func:`dateline.core.stream.stream_timeline`
(the same loading the command line uses) and posts each update here, so events appear while a large folder
is still loading. Each pane owns its keys and styles; what the keys of the main screen do lives in
:mod:`dateline.tui.actions`; the palette's commands in :mod:`dateline.tui.commands`.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import App
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, ProgressBar, Static
from textual.worker import Worker, WorkerState

from dateline.core import sources
from dateline.core.text import counted
from dateline.core.workers import usable_cpus
from dateline.tui import commands, keys, settings
from dateline.tui.actions import MainActions
from dateline.tui.filtering import Filter
from dateline.tui.safe import Glyphs, ascii_scrollbars, clean, unicode_ok
from dateline.tui.screens.pages import TooSmall
from dateline.tui.widgets.detail import DetailView, with_matches
from dateline.tui.widgets.panes import ActorsView, QuotesView, TimelineView
from dateline.tui.widgets.rows import RowsView
from dateline.tui.widgets.strip import DensityStrip

if TYPE_CHECKING:
    import threading
    from collections.abc import Iterable, Sequence

    from textual.app import ComposeResult
    from textual.binding import Binding, BindingType
    from textual.command import SystemCommand
    from textual.screen import Screen

    from dateline.core.model import Event, Timeline
    from dateline.core.stream import Update
    from dateline.tui.view import TimelineIndex

MAX_PROBLEMS_SHOWN = 8
KEY_SHARE = 10  # the key-events view keeps the most salient tenth of the events (at least KEY_MIN)
KEY_MIN = 10


class DatelineApp(MainActions, App[int]):
    TITLE = "Dateline"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = keys.APP
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-tiny"), (60, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar = [(0, "-short"), (20, "-tall")]

    def __init__(
        self,
        paths: Sequence[str] = (),
        *,
        timeline: Timeline | None = None,
        jobs: int | None = None,
        cache: bool = True,
        unicode: bool | None = None,
        remember: bool = True,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.jobs = jobs or min(4, usable_cpus())
        self.cache = cache
        self.glyphs = Glyphs(unicode_ok() if unicode is None else unicode)
        self.index: TimelineIndex | None = None
        self.flt = Filter()
        self.query_text = ""
        self.found: list[int] = []  # rows matching the search
        self.settings = settings.load() if remember else settings.Settings()
        self.remember = remember
        self.view_mode = self.settings.view
        self.loading = timeline is None and bool(self.paths)
        self.load_note = "Loading"  # what the status line says while loading, before the counts so far
        self._initial = timeline
        self._opened = False  # the timeline has been placed on the period the articles are about
        self.nothing_loaded = False  # the load is over and not one article could be read: exit status 1
        keymap, error = keys.load_keymap()
        self._keymap_error = error
        if keymap:
            self.set_keymap(keymap)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    # -- layout -------------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static(Text("Dateline"), id="status")
            yield ProgressBar(show_eta=False, show_percentage=True, id="progress")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield DensityStrip(glyphs=self.glyphs, id="strip")
                timeline = TimelineView(glyphs=self.glyphs, id="timeline")
                timeline.border_title = "1 Timeline"
                yield timeline
                with Horizontal(id="lower"):
                    actors = ActorsView(glyphs=self.glyphs, id="actors")
                    actors.border_title = "2 Actors"
                    yield actors
                    quotes = QuotesView(glyphs=self.glyphs, id="quotes")
                    quotes.border_title = "3 Quotes"
                    yield quotes
            detail = DetailView(id="detail")
            detail.border_title = "Detail"
            yield detail
        yield TooSmall(id="too-small")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_class(not self.glyphs.unicode, "-ascii")
        self.set_class(self.no_color, "-no-color")
        if not self.glyphs.unicode:
            ascii_scrollbars(True)
            self.query_one(
                "#progress"
            ).display = False  # its bar is drawn in block characters; the status counts
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.query_one(TimelineView).focus()
        if self._keymap_error:
            self.notify(self._keymap_error, severity="warning", markup=False)
        if self._initial is not None:
            self.show_timeline(self._initial, final=True)
        elif self.loading:
            self.call_after_refresh(self.load, self.paths)
        else:
            self.query_one("#progress").display = False
            self.set_status()

    def on_unmount(self) -> None:
        if not self.glyphs.unicode:
            ascii_scrollbars(False)

    def notify(self, message: str, *, title: str = "", **kwargs: Any) -> None:
        """A notice, in ASCII punctuation on an ASCII terminal."""
        super().notify(self.glyphs.text(message), title=self.glyphs.text(title), **kwargs)

    def action_command_palette(self) -> None:
        """The palette, without its emoji and ellipsis on an ASCII terminal."""
        if self.glyphs.unicode:
            super().action_command_palette()
        elif self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder="Search for commands..."))

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the terminal can draw them: ``enter`` rather than ``⏎`` on an ASCII terminal."""
        shown = super().get_key_display(binding)
        if self.glyphs.unicode or shown.isascii():
            return shown
        return binding.key_display or binding.key.replace("ctrl+", "^")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from commands.commands(self)

    def exit_status(self) -> int:
        """As the command line's: 1 when not one article could be loaded (the app said so on screen)."""
        return self.return_code or (1 if self.nothing_loaded else 0)

    # -- settings -----------------------------------------------------------------------------------------
    def _remember_theme(self, theme: object) -> None:
        self._remember(theme=self.theme)

    def _remember(self, **changes: object) -> None:
        new = self.settings.but(**changes)
        if new == self.settings:
            return
        self.settings = new
        if self.remember:
            error = settings.save(new)
            if error:
                self.notify(f"Settings not saved: {error}", severity="warning", markup=False, timeout=4)

    # -- loading ------------------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self, paths: list[str]) -> None:
        """Consume the load stream in this thread and post each update to the app, in order. Progress is
        posted at most ten times a second; after posting a preview merged from analyses this thread waits
        until the screen has shown it (analysing on would pile previews up faster than they are shown)."""
        import threading
        import time

        from textual.worker import get_current_worker

        from dateline.core.cache import AnalysisCache
        from dateline.core.stream import Progress, Snapshot, stream_timeline

        worker = get_current_worker()
        # The collector stays off until what was loaded is frozen: a full collection over a freshly built
        # corpus (a million objects) would otherwise stall the screen for seconds right after the load.
        gc.disable()
        store = AnalysisCache() if self.cache else None
        updates = stream_timeline(paths, jobs=self.jobs, cache=store)
        tick = 0.0
        try:
            for update in updates:
                if worker.is_cancelled:
                    return
                if isinstance(update, Progress) and update.done < update.total:
                    now = time.monotonic()
                    if now - tick < 0.1:
                        continue
                    tick = now
                wait = isinstance(update, Snapshot) and not update.cached and not update.final
                shown = threading.Event() if wait else None
                self.post_message(LoadUpdate(update, shown))
                while shown is not None and not shown.wait(0.1):
                    if worker.is_cancelled:
                        return
        finally:
            updates.close()
            if store is not None:
                store.close()
            gc.freeze()
            gc.enable()

    def on_load_update(self, message: LoadUpdate) -> None:
        from dateline.core.stream import Loaded, Progress

        update = message.update
        try:
            if isinstance(update, Loaded):
                self.set_progress(0, len(update.result.articles))
            elif isinstance(update, Progress):
                self.set_progress(update.done, update.total)
            else:
                if update.cached:
                    self.query_one("#progress").display = False  # a cached run takes a second: no bar
                    self.load_note = "Loading from the cache"
                self.show_timeline(update.timeline, final=update.final)
        finally:
            if message.shown is not None:
                message.shown.set()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A load that fails says so instead of leaving the progress bar up for ever."""
        if event.worker.group == "load" and event.state == WorkerState.ERROR:
            self.loading = False
            self.query_one("#progress").display = False
            error = event.worker.error
            self.set_status(Text(f"Loading failed: {type(error).__name__}: {error}"))
            self.notify(f"Loading failed: {error}", severity="error", markup=False, timeout=30)

    def set_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        self.load_note = f"Loading {done:,}/{counted(total, 'article')}"
        self.set_status()

    def show_timeline(self, timeline: Timeline, *, final: bool) -> None:
        """Show a (partial or final) timeline, keeping the cursor on the same event when it is still there;
        the final one opens on the period the articles are about."""
        from dateline.tui.view import TimelineIndex

        self.index = TimelineIndex(timeline)
        if final:
            self.loading = False
            self.query_one("#progress").display = False
        self.refresh_panes()
        self.query_one(ActorsView).show(self.index)
        if final and not self._opened:
            self._opened = True
            self.open_on_focus_period()
        if final and timeline.problems:
            self.notify_problems()
        if final and not timeline.articles:
            self.notify("No article could be loaded.", severity="error")
            self.nothing_loaded = True

    def open_on_focus_period(self) -> None:
        """Put the cursor on the first event of the period the articles are about (not on the oldest
        background date one of them mentions)."""
        if self.index is None:
            return
        from dateline.core import salience

        focus = salience.focus_period(self.index.timeline)
        if focus is None or focus.earliest is None:
            return
        from dateline.tui.view import row_on_or_after

        view = self.query_one(TimelineView)
        row = row_on_or_after(view.events, focus.earliest)
        if row:
            view.cursor = row
            view.scroll_to(y=row, animate=False, immediate=True)

    def notify_problems(self) -> None:
        problems = self.index.timeline.problems if self.index else []
        lines = [
            f"{'skipped' if p.skipped else 'warning'}: {clean(p.path)}: {clean(p.reason)}" for p in problems
        ]
        more = len(lines) - MAX_PROBLEMS_SHOWN
        shown = lines[:MAX_PROBLEMS_SHOWN] + (
            [f"… and {more} more (ctrl+p: Show load problems)"] if more > 0 else []
        )
        self.notify(
            "\n".join(shown),
            title=counted(len(problems), "load problem"),
            severity="warning",
            timeout=12,
            markup=False,
        )

    def shown_events(self) -> list[Event]:
        """The events the timeline pane shows: the filter's, and only the key ones in the key-events view."""
        if self.index is None:
            return []
        events = self.index.events(self.flt)
        if self.view_mode != "key" or not events:
            return events
        from dateline.core import salience

        top = max(KEY_MIN, len(self.index.timeline.events) // KEY_SHARE)
        keep = {id(e) for e in salience.key_events(self.index.timeline, top)}
        return [e for e in events if id(e) in keep]

    def refresh_panes(self) -> None:
        """Re-apply the filter, the view mode and the search to the timeline, strip and quotes panes."""
        if self.index is None:
            return
        from dateline.tui.view import matches

        self.set_empty_texts()
        timeline = self.query_one(TimelineView)
        events = self.shown_events()
        timeline.show(events, self.index, keep=timeline.current)
        narrowed = self.flt.active or self.view_mode == "key"
        strip = self.query_one(DensityStrip)
        strip.show(self.index.timeline.events, events if narrowed else None, loading=self.loading)
        self.found = matches(events, self.query_text) if self.query_text else []
        self.query_one(QuotesView).show(self.index.quotes_for(self.flt), self.index)
        self.set_status()

    def set_empty_texts(self) -> None:
        """What an empty pane says: that the load goes on, that the filter keeps nothing, or that the
        articles hold nothing of the kind ("No quotes yet." under a filter read as if more were coming)."""
        n = len(self.index.timeline.articles) if self.index is not None else 0
        found = f"found in {counted(n, 'article')}"
        if self.loading:
            texts = ("No events yet.", "No actors yet.", "No quotes yet.")
        elif not n:
            texts = ("No article could be loaded.",) * 3
        elif self.flt.active:
            texts = ("No event matches the filter (Esc clears it).", "", "No quote matches the filter.")
        else:
            texts = (f"No events {found}.", f"No actors {found}.", f"No quotes {found}.")
        for view, text in zip((TimelineView, ActorsView, QuotesView), texts, strict=True):
            if text:
                self.query_one(view).empty_text = text

    def set_status(self, extra: Text | None = None) -> None:
        parts = Text()
        dot = f" {self.glyphs.dot} "
        if extra is not None:
            parts.append_text(extra)
        elif self.loading:  # partial counts would read as final: say so
            events = len(self.index.timeline.events) if self.index is not None else 0
            parts.append(self.load_note)
            if events:
                parts.append(f"{dot}{counted(events, 'event')} so far")
        elif self.index is not None:
            tl = self.index.timeline
            shown = self.query_one(TimelineView).row_count
            narrowed = self.flt.active or self.view_mode == "key"
            kind = "key event" if self.view_mode == "key" else "event"
            events = (
                f"{shown:,} of {counted(len(tl.events), kind)}" if narrowed else counted(len(tl.events), kind)
            )
            counts = (events, counted(len(tl.actors), "actor"), counted(len(tl.quotes), "quote"))
            parts.append(dot.join((*counts, sources.counted_articles(tl.articles))))
        else:
            parts.append("No articles given.")
        if self.flt.active:
            parts.append("  filter: ", style="dim")
            parts.append(clean(self.flt.describe()), style="bold")
        if self.query_text:
            parts.append("  search: ", style="dim")
            parts.append(clean(self.query_text), style="bold")
            parts.append(f" {self.match_label()}", style="dim")
        self.query_one("#status", Static).update(parts)

    def match_label(self) -> str:
        """ "3/17" when the cursor is on the third of 17 matching rows ("-/17" between matches)."""
        from dateline.tui.view import match_position

        timeline = self.query_one(TimelineView)
        at = match_position(self.found, timeline.cursor)
        return f"{at if at else '-'}/{len(self.found)}"

    # -- panes and detail -------------------------------------------------------------------------------
    def on_rows_view_highlighted(self, message: RowsView.Highlighted) -> None:
        view = message.view
        if not view.is_attached or not self.screen_stack:  # a late message while the app closes
            return
        if isinstance(view, TimelineView):
            current = view.current
            for strip in self.query(DensityStrip):
                strip.move_cursor(current.date.earliest if current else None)
            if self.query_text:
                self.set_status()
        if view.has_focus or (view.id == "timeline" and not isinstance(self.focused, RowsView)):
            self.update_detail(view)

    def on_descendant_focus(self) -> None:
        if not self.screen_stack:  # the app is closing
            return
        focused = self.focused
        if isinstance(focused, RowsView):
            self.update_detail(focused)

    def update_detail(self, view: RowsView) -> None:
        pane = self.query_one("#detail", DetailView)
        if not pane.display:
            return  # narrow terminal: the detail opens on Enter instead
        found = view.detail()
        if found is not None:
            pane.border_title = found[0]
            pane.show(with_matches(found[1], self.query_text))

    def on_rows_view_selected(self, message: RowsView.Selected) -> None:
        view = message.view
        if isinstance(view, ActorsView):
            actor = view.current
            same = actor is not None and self.flt.actor_ids == frozenset({actor.id})
            self.filter_actor(None if same else actor)
            return
        found = view.detail()
        if found is not None:
            from dateline.tui.screens.pages import DetailScreen

            self.push_screen(DetailScreen(found[0], with_matches(found[1], self.query_text)))


class LoadUpdate(Message):
    """Posted by the load worker with each update of the load stream, in order; ``shown`` (when given) is set
    once the app has handled it."""

    def __init__(self, update: Update, shown: threading.Event | None = None) -> None:
        super().__init__()
        self.update = update
        self.shown = shown


def run_app(
    paths: list[str],
    *,
    mouse: bool = True,
    theme: str | None = None,
    jobs: int | None = None,
    cache: bool = True,
) -> int:
    """Open the app on ``paths``; ``theme`` is any Textual theme name (e.g. ansi-dark)."""
    app = make_app(paths, theme=theme, jobs=jobs, cache=cache)
    if app is None:
        return 2
    app.run(mouse=mouse)
    return app.exit_status()


def make_app(
    paths: list[str], *, theme: str | None = None, jobs: int | None = None, cache: bool = True
) -> DatelineApp | None:
    """The app on ``paths`` with a theme: the one asked for, else the remembered one, else on a 16-colour
    terminal the terminal's own colours. None (said on stderr) for an unknown theme."""
    from dateline.tui.safe import few_colours

    app = DatelineApp(paths, jobs=jobs, cache=cache)
    if theme is None and app.settings.theme is None and few_colours():
        theme = "ansi-dark"  # the console's own 16 colours read better than approximated truecolour
    if theme is not None:
        if theme not in app.available_themes:
            import sys

            names = ", ".join(sorted(app.available_themes))
            print(f"dateline: unknown theme {theme!r}; one of: {names}", file=sys.stderr)
            return None
        app.theme = theme
    return app
