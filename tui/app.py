"""The Dateline app: a keyboard-driven timeline explorer with actors and quotes panes.

The first frame shows empty panes at once; a thread worker loads the articles, analyses them one by one and
merges what it has every few tenths of a second, so events appear while a large folder is still loading.
"""

from __future__ import annotations

import gc
import os
import time
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import App
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, ProgressBar, Static
from textual.worker import Worker, WorkerState

from dateline.tui import keys
from dateline.tui.commands import DatelineCommands
from dateline.tui.safe import Glyphs, clean, unicode_ok
from dateline.tui.view import Filter, FilterError
from dateline.tui.widgets.detail import DetailView
from dateline.tui.widgets.panes import ActorsView, QuotesView, TimelineView
from dateline.tui.widgets.rows import RowsView

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.app import ComposeResult
    from textual.binding import BindingType

    from dateline.core.model import Actor, Timeline
    from dateline.tui.view import TimelineIndex

MERGE_EVERY = 0.3  # seconds between partial merges while loading (stretched when merging gets slow)
MAX_PROBLEMS_SHOWN = 8


class DatelineApp(App[int]):
    TITLE = "Dateline"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = keys.APP
    COMMANDS: ClassVar = App.COMMANDS | {DatelineCommands}
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
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.jobs = jobs or min(4, os.cpu_count() or 1)
        self.cache = cache
        self.glyphs = Glyphs(unicode_ok() if unicode is None else unicode)
        self.index: TimelineIndex | None = None
        self.flt = Filter()
        self.query_text = ""
        self.loading = timeline is None and bool(self.paths)
        self.load_note = "Loading"  # what the status line says while loading, before the counts so far
        self._initial = timeline
        keymap, error = keys.load_keymap()
        self._keymap_error = error
        if keymap:
            self.set_keymap(keymap)

    # -- layout -------------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static(Text("Dateline"), id="status")
            yield ProgressBar(show_eta=False, show_percentage=True, id="progress")
        with Horizontal(id="body"):
            with Vertical(id="left"):
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
        from dateline.tui.screens.pages import TooSmall

        yield TooSmall(id="too-small")
        yield Footer(compact=True)

    def on_mount(self) -> None:
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

    # -- loading ------------------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self, paths: list[str]) -> None:
        """Load and analyse (cached, in worker processes), merging every MERGE_EVERY seconds to show events
        as they arrive; a folder opened before comes straight from the cache, its timeline shown as soon as
        its events are read."""
        from textual.worker import get_current_worker

        from dateline.core.cache import AnalysisCache

        worker = get_current_worker()
        clock = {"interval": MERGE_EVERY, "merge": time.monotonic(), "tick": time.monotonic()}
        problems: list = []
        total = 0

        def loaded(result) -> None:
            nonlocal total
            problems[:] = result.problems
            total = len(result.articles)
            self.call_from_thread(self.set_progress, 0, total)

        def each(analyses: list) -> None:
            if worker.is_cancelled:
                raise _Cancelled
            now = time.monotonic()
            if now - clock["merge"] >= clock["interval"]:
                from dateline.core.pipeline import finish

                partial_timeline = finish(list(analyses), list(problems))
                cost = time.monotonic() - now
                clock["interval"] = max(MERGE_EVERY, 4 * cost)  # never spend most of the time merging
                self.call_from_thread(self.show_timeline, partial_timeline, final=False)
                gc.freeze()  # what is loaded so far lives on: keep the collector from rescanning it (long pauses)
                clock["merge"] = time.monotonic()
            if now - clock["tick"] >= 0.1:
                self.call_from_thread(self.set_progress, len(analyses), total)
                clock["tick"] = now

        # The collector stays off until what was loaded is frozen: a full collection over a freshly built
        # corpus (a million objects) would otherwise stall the screen for seconds right after the load.
        gc.disable()
        store = AnalysisCache() if self.cache else None
        try:
            if store is not None and self._from_cache(paths, store, worker):
                return
            from dateline.core.pipeline import timeline_for_paths

            timeline = timeline_for_paths(paths, jobs=self.jobs, cache=store, each=each, loaded=loaded)
            if not worker.is_cancelled:
                self.call_from_thread(self.show_timeline, timeline, final=True)
        except _Cancelled:
            return
        finally:
            if store is not None:
                store.close()
            gc.freeze()
            gc.enable()

    def _from_cache(self, paths: list[str], store, worker: Worker) -> bool:
        """Show a cached run of ``paths`` as it is read: its first events at once, then all of them, then the
        actors and quotes panes (events come first, in timeline order; then actors, quotes, articles). False
        when the cache does not hold the run whole."""
        from dateline.core.cache import RUN_FIELDS, RunUnreadable, files_key
        from dateline.core.model import Timeline

        key = files_key(paths)
        parts = None if key is None else store.iter_run(key)
        if parts is None:
            return False
        fields: dict[str, list] = {name: [] for name in RUN_FIELDS}

        def show(*, final: bool = False) -> None:  # every item is validated already: no need to do it again
            timeline = Timeline.model_construct(**{k: list(v) for k, v in fields.items()})
            self.post_message(TimelineRead(timeline, final))  # thread-safe, and reading goes on meanwhile

        # Each screen update re-indexes what was read, so only a few: after the first chunk of events (the top
        # of the timeline), after all of them, once the actors and quotes panes have theirs, and at the end.
        previous = None
        try:
            for name, items in parts:
                if worker.is_cancelled:
                    return True
                if name != previous and previous in ("events", "quotes"):
                    show()
                fields[name].extend(items)
                if previous is None:
                    show()
                previous = name
        except RunUnreadable:
            return False
        show(final=True)
        return True

    def on_timeline_read(self, message: TimelineRead) -> None:
        if not self.loading:  # a late message from a cached run that turned out damaged and was rebuilt
            return
        self.query_one("#progress").display = False  # a cached run takes a second or two: no bar to animate
        self.load_note = "Loading from the cache"
        self.show_timeline(message.timeline, final=message.final)

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
        self.load_note = f"Loading {done:,}/{total:,} articles"
        self.set_status()

    def show_timeline(self, timeline: Timeline, *, final: bool) -> None:
        """Show a (partial or final) timeline, keeping the cursor on the same event when it is still there."""
        from dateline.tui.view import TimelineIndex

        self.index = TimelineIndex(timeline)
        if final:
            self.loading = False
            self.query_one("#progress").display = False
            n = len(timeline.articles)
            self.query_one(TimelineView).empty_text = f"No events found in {n:,} article{'s' * (n != 1)}."
        self.refresh_panes()
        self.query_one(ActorsView).show(self.index)
        if final and timeline.problems:
            self.notify_problems()
        if final and not timeline.articles:
            self.notify("No article could be loaded.", severity="error")

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
            title=f"{len(problems)} load problem(s)",
            severity="warning",
            timeout=12,
            markup=False,
        )

    def refresh_panes(self) -> None:
        """Re-apply the filter to the timeline and quotes panes."""
        if self.index is None:
            return
        timeline = self.query_one(TimelineView)
        timeline.show(self.index.events(self.flt), keep=timeline.current)
        self.query_one(QuotesView).show(self.index.quotes_for(self.flt), self.index)
        self.set_status()

    def set_status(self, extra: Text | None = None) -> None:
        parts = Text()
        if extra is not None:
            parts.append_text(extra)
        elif self.loading:  # partial counts would read as final: say so
            events = len(self.index.timeline.events) if self.index is not None else 0
            parts.append(self.load_note)
            if events:
                parts.append(f" {self.glyphs.dot} {events:,} events so far")
        elif self.index is not None:
            tl = self.index.timeline
            shown = self.query_one(TimelineView).row_count
            count = f"{shown:,} of {len(tl.events):,}" if self.flt.active else f"{len(tl.events):,}"
            dot = f" {self.glyphs.dot} "
            parts.append(
                dot.join(
                    (
                        f"{count} events",
                        f"{len(tl.actors):,} actors",
                        f"{len(tl.quotes):,} quotes",
                        f"{len(tl.articles):,} articles",
                    )
                )
            )
        else:
            parts.append("No articles given.")
        if self.flt.active:
            parts.append("  filter: ", style="dim")
            parts.append(clean(self.flt.describe()), style="bold")
        if self.query_text:
            parts.append("  search: ", style="dim")
            parts.append(clean(self.query_text), style="bold")
        self.query_one("#status", Static).update(parts)

    # -- panes and detail -------------------------------------------------------------------------------
    def on_rows_view_highlighted(self, message: RowsView.Highlighted) -> None:
        if message.view.has_focus or (isinstance(message.view, TimelineView) and not self._pane_focused()):
            self.update_detail(message.view)

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, RowsView):
            self.update_detail(focused)

    def _pane_focused(self) -> bool:
        return isinstance(self.focused, RowsView)

    def detail_for(self, view: RowsView) -> tuple[str, Text] | None:
        from dateline.tui.widgets import detail

        if self.index is None:
            return None
        if isinstance(view, TimelineView) and view.current is not None:
            return "Event", detail.event_detail(view.current, self.index, self.glyphs)
        if isinstance(view, ActorsView) and view.current is not None:
            return "Actor", detail.actor_detail(view.current, self.index)
        if isinstance(view, QuotesView) and view.current is not None:
            return "Quote", detail.quote_detail(view.current, self.index, self.glyphs)
        return None

    def update_detail(self, view: RowsView) -> None:
        pane = self.query_one("#detail", DetailView)
        if not pane.display:
            return  # narrow terminal: the detail opens on Enter instead
        found = self.detail_for(view)
        if found is not None:
            pane.border_title = found[0]
            pane.show(found[1])

    def on_rows_view_selected(self, message: RowsView.Selected) -> None:
        view = message.view
        if isinstance(view, ActorsView):
            actor = view.current
            same = actor is not None and self.flt.actor_ids == frozenset({actor.id})
            self.filter_actor(None if same else actor)
            return
        found = self.detail_for(view)
        if found is not None:
            from dateline.tui.screens.pages import DetailScreen

            self.push_screen(DetailScreen(*found))

    def filter_actor(self, actor: Actor | None) -> None:
        self.flt = self.flt.with_actor(actor)
        self.refresh_panes()
        if actor is not None:
            shown = self.query_one(TimelineView).row_count
            self.notify(f"{shown} event(s) with {clean(actor.name)}; Esc clears", markup=False, timeout=3)

    # -- actions ------------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        main_only = {
            "search",
            "search_next",
            "search_previous",
            "filter",
            "next_date",
            "previous_date",
            "pane",
            "back",
        }
        return not (action in main_only and len(self.screen_stack) > 1)

    def _scroll(self, rows_action: str, scroll_action: str) -> None:
        focused = self.focused
        if isinstance(focused, RowsView):
            getattr(focused, f"action_{rows_action}")()
        elif focused is not None and hasattr(focused, f"action_{scroll_action}"):
            getattr(focused, f"action_{scroll_action}")()

    def action_cursor_down(self) -> None:
        self._scroll("cursor_down", "scroll_down")

    def action_cursor_up(self) -> None:
        self._scroll("cursor_up", "scroll_up")

    def action_page_down(self) -> None:
        self._scroll("page_down", "page_down")

    def action_page_up(self) -> None:
        self._scroll("page_up", "page_up")

    def action_first(self) -> None:
        self._scroll("first", "scroll_home")

    def action_last(self) -> None:
        self._scroll("last", "scroll_end")

    def action_select(self) -> None:
        focused = self.focused
        if isinstance(focused, RowsView):
            focused.action_select()

    def action_pane(self, name: str) -> None:
        self.query_one(f"#{name}").focus()

    def action_back(self) -> None:
        """Esc: clear the search, then the filter."""
        self.action_clear()

    def action_clear(self) -> None:
        if self.query_text:
            self.query_text = ""
            self.set_status()
        elif self.flt.active:
            self.flt = Filter()
            self.refresh_panes()

    def action_help(self) -> None:
        from dateline.tui.screens.pages import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.help_rows()))

    def help_rows(self) -> list[tuple[str, str]]:
        """(keys, description) for every binding of the main screen, after the user's keymap."""
        ours = {b.action: b.description for b in keys.APP}
        grouped: dict[str, tuple[str, list[str]]] = {}
        for key, active in self.screen_stack[0].active_bindings.items():
            b = active.binding
            if not b.description or b.system:
                continue
            display = self.get_key_display(b.with_key(key))
            action = b.action.removeprefix("app.")
            grouped.setdefault(action, (ours.get(action, b.description), []))[1].append(display)
        rows = [(" / ".join(dict.fromkeys(k)), desc) for desc, k in grouped.values()]
        rows.append(
            (self.get_key_display(self._palette_binding()), "Command palette: export, brief, filter, theme")
        )
        return rows

    def _palette_binding(self):
        from textual.binding import Binding

        return Binding(self.COMMAND_PALETTE_BINDING, "command_palette")

    # search --------------------------------------------------------------------------------------------
    def action_search(self) -> None:
        from dateline.tui.screens.prompt import PromptScreen

        self.push_screen(
            PromptScreen(
                "Search", self.query_text, "Words in headlines and sources; n / N for next / previous"
            ),
            self.run_search,
        )

    def run_search(self, query: str | None) -> None:
        if query is None:
            return
        self.query_text = query.strip()
        self.set_status()
        if self.query_text:
            timeline = self.query_one(TimelineView)
            timeline.focus()
            self._search_from(timeline.cursor - 1, 1)

    def _search_from(self, start: int, step: int) -> None:
        from dateline.tui.view import search

        if not self.query_text:
            self.action_search()
            return
        timeline = self.query_one(TimelineView)
        found = search(timeline.events, self.query_text, start, step)
        if found is None:
            self.notify(
                f"No event matches {clean(self.query_text)!r}", severity="warning", markup=False, timeout=3
            )
        else:
            timeline.cursor = found

    def action_search_next(self) -> None:
        self._search_from(self.query_one(TimelineView).cursor, 1)

    def action_search_previous(self) -> None:
        self._search_from(self.query_one(TimelineView).cursor, -1)

    # filter --------------------------------------------------------------------------------------------
    def _parse(self, text: str) -> Filter:
        from dateline.tui.view import parse_filter

        return parse_filter(text, self.index.timeline.actors if self.index else ())

    def _filter_error(self, text: str) -> str | None:
        try:
            self._parse(text)
        except FilterError as exc:
            return str(exc)
        return None

    def action_filter(self) -> None:
        from dateline.tui.screens.prompt import PromptScreen

        hint = "actor:NAME status:expected since:2017-01 until:2017-02 words — empty to clear"
        current = self.flt.describe()
        self.push_screen(PromptScreen("Filter", current, hint, self._filter_error), self.apply_filter)

    def apply_filter(self, text: str | None) -> None:
        if text is None:
            return
        try:
            self.flt = self._parse(text)
        except FilterError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.refresh_panes()
        self.query_one(TimelineView).focus()

    # dates, copy, pages -------------------------------------------------------------------------------
    def _jump_date(self, step: int) -> None:
        from dateline.tui.view import next_date

        timeline = self.query_one(TimelineView)
        timeline.focus()
        timeline.move_to(next_date(timeline.events, timeline.cursor, step))

    def action_next_date(self) -> None:
        self._jump_date(1)

    def action_previous_date(self) -> None:
        self._jump_date(-1)

    def action_copy(self) -> None:
        from dateline.tui import view

        focused = self.focused
        text = None
        if self.index is not None and isinstance(focused, TimelineView) and focused.current is not None:
            text = view.event_text(focused.current, self.index)
        elif isinstance(focused, ActorsView) and focused.current is not None:
            text = view.actor_text(focused.current)
        elif self.index is not None and isinstance(focused, QuotesView) and focused.current is not None:
            text = view.quote_text(focused.current, self.index)
        elif isinstance(focused, DetailView) and focused.text is not None:
            text = focused.text.plain
        if not text:
            self.notify("Nothing to copy", severity="warning", timeout=2)
            return
        self.copy_to_clipboard(text)
        first = text.splitlines()[0]
        self.notify(f"Copied: {first[:60]}", markup=False, timeout=2)

    def action_export(self, fmt: str) -> None:
        from dateline.tui.screens.prompt import PromptScreen

        if self._still_loading():
            return
        default = f"dateline-timeline.{fmt}"
        self.push_screen(
            PromptScreen(f"Export {fmt.upper()} to file", default, "A path; an existing file is replaced"),
            lambda path: self.export_to(fmt, path),
        )

    def export_to(self, fmt: str, path: str | None) -> None:
        if not path or self.index is None or self._still_loading():
            return
        from dateline.core import export

        timeline = self.index.timeline
        pieces = export.iter_json(timeline) if fmt == "json" else [export.markdown(timeline)]
        try:
            with open(os.path.expanduser(path), "w", encoding="utf-8") as fh:
                last = ""
                for last in pieces:
                    fh.write(last)
                if not last.endswith("\n"):
                    fh.write("\n")
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror}", severity="error", markup=False)
            return
        self.notify(f"Wrote {path}", markup=False, timeout=3)

    def _still_loading(self) -> bool:
        """While loading, what is shown is partial: a file written from it would read as the whole timeline."""
        if self.loading:
            self.notify("Still loading: export once the timeline is complete.", severity="warning", timeout=4)
        return self.loading

    def action_brief(self) -> None:
        if self.index is None:
            return
        from dateline.core import export
        from dateline.tui.screens.pages import TextScreen

        self.push_screen(TextScreen("Brief", export.brief(self.index.timeline)))

    def action_problems(self) -> None:
        from dateline.tui.screens.pages import TextScreen

        problems = self.index.timeline.problems if self.index else []
        body = "\n".join(f"{'skipped' if p.skipped else 'warning'}: {p.path}: {p.reason}" for p in problems)
        self.push_screen(TextScreen("Load problems", body or "No problems."))


class TimelineRead(Message):
    """Posted by the load worker with what it has read of a cached run (the last one is ``final``)."""

    def __init__(self, timeline: Timeline, final: bool) -> None:
        super().__init__()
        self.timeline = timeline
        self.final = final


class _Cancelled(Exception):
    """The load worker was cancelled (the app is closing)."""


def run_app(
    paths: list[str],
    *,
    mouse: bool = True,
    theme: str | None = None,
    jobs: int | None = None,
    cache: bool = True,
) -> int:
    """Open the app on ``paths``; ``theme`` is any Textual theme name (e.g. ansi-dark)."""
    app = DatelineApp(paths, jobs=jobs, cache=cache)
    if theme is None and os.environ.get("TERM") == "linux":
        theme = "ansi-dark"  # the console's own 16 colours read better than approximated truecolour
    if theme is not None:
        if theme not in app.available_themes:
            import sys

            names = ", ".join(sorted(app.available_themes))
            print(f"dateline: unknown theme {theme!r}; one of: {names}", file=sys.stderr)
            return 2
        app.theme = theme
    app.run(mouse=mouse)
    return app.return_code or 0
