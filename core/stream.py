"""Loading as a stream: the one place that turns paths into a Timeline, for the app and the command line alike.

:func:`stream_timeline` yields what a caller shows while it works (how many articles there are, progress,
partial timelines) and ends with the final timeline. A folder opened before is read back from the cache's
stored run chunk by chunk, so an app can show the top of the timeline before the rest is read; anything
else is loaded, analysed (cached per article, in worker processes) and merged now and then for a preview.
The command line takes the same stream and keeps only the progress and the last timeline
(:func:`timeline_for_paths`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from dateline.core.model import Timeline
from dateline.core.pipeline import Loaded, Progress, Snapshot, Update, build_steps

if TYPE_CHECKING:
    from dateline.core.cache import AnalysisCache
    from dateline.core.load import LoadResult

__all__ = ["Loaded", "Progress", "Snapshot", "Update", "stream_timeline", "timeline_for_paths"]

MERGE_EVERY = 0.3  # seconds between preview merges while analysing (stretched when merging gets slow)


def stream_timeline(
    paths: Sequence[str],
    *,
    jobs: int = 1,
    cache: AnalysisCache | bool | None = None,
    previews: bool = True,
    merge_every: float | None = None,
) -> Iterator[Update]:
    """Updates while ``paths`` become a Timeline; the last update is always ``Snapshot(final=True)``.

    ``previews=False`` (a command printing the result) skips the partial timelines. ``cache``: an
    :class:`~dateline.core.cache.AnalysisCache`, ``True`` for the default one, or ``None``/``False``.
    Closing the iterator early stops the work (worker processes included).
    """
    from dateline.core import load
    from dateline.core.cache import AnalysisCache, files_key

    store: AnalysisCache | None = AnalysisCache() if cache is True else (cache or None)
    try:
        key = files_key(paths) if store is not None else None
        if store is not None and key is not None:
            done = yield from _cached_run(store, key, previews)
            if done:
                return
        result = load.load_paths(paths)
        yield Loaded(result)
        yield from build_steps(
            result.articles,
            result.problems,
            jobs=jobs,
            cache=store,
            run_key=key,
            merge_every=(MERGE_EVERY if merge_every is None else merge_every) if previews else None,
        )
        if store is not None and key is not None and files_key(paths) != key:
            store.forget_run(key)  # a file changed while it was being read: the run is not what the key says
    finally:
        if cache is True and store is not None:
            store.close()


def _cached_run(store: AnalysisCache, key: str, previews: bool) -> Iterator[Update]:
    """A stored run of these files, shown as it is read: its first events at once, then all of them, then
    with the actors and quotes too (events come first, in timeline order; then actors, quotes, articles).
    Returns False when the cache does not hold the run whole (then nothing final was yielded)."""
    from dateline.core.cache import RUN_FIELDS, RunUnreadable
    from dateline.core.gcpause import paused_gc

    parts = store.iter_run(key)
    if parts is None:
        return False
    fields: dict[str, list] = {name: [] for name in RUN_FIELDS}

    def snapshot(final: bool) -> Snapshot:  # every item is validated already: no need to do it again
        timeline = Timeline.model_construct(**{k: list(v) for k, v in fields.items()})
        return Snapshot(timeline, final=final, cached=True)

    previous = None
    try:
        with paused_gc():  # a run is read by the hundred thousand records, none in cycles
            for name, items in parts:
                if previews and name != previous and previous in ("events", "quotes"):
                    yield snapshot(False)
                fields[name].extend(items)
                if previews and previous is None:
                    yield snapshot(False)
                previous = name
    except RunUnreadable:
        return False
    yield snapshot(True)
    return True


def timeline_for_paths(
    paths: Sequence[str],
    *,
    jobs: int = 1,
    cache: AnalysisCache | bool | None = None,
    progress: Callable[[int, int], None] | None = None,
    loaded: Callable[[LoadResult], None] | None = None,
) -> Timeline:
    """The final timeline of :func:`stream_timeline` (no previews): reopening the same files reads the cached
    run without loading or hashing an article. ``loaded`` is called with the load result when the articles
    had to be loaded; ``progress`` with (articles done, articles in all)."""
    final: Timeline | None = None
    for update in stream_timeline(paths, jobs=jobs, cache=cache, previews=False):
        if isinstance(update, Snapshot):
            final = update.timeline
            if progress and update.cached:
                progress(len(final.articles), len(final.articles))
        elif isinstance(update, Progress):
            if progress:
                progress(update.done, update.total)
        elif loaded:
            loaded(update.result)
    assert final is not None
    return final
