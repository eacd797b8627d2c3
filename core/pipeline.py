"""The pipeline in the order data flows: load → clean → time expressions → publication date → events →
actors → quotes → merge across articles → Timeline. Each step is a pure function in its own module."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.core import (
    actors,
    budget,
    clean,
    events,
    merge,
    published,
    quotes,
    resolve,
    tense,
    timexes,
    workers,
)
from dateline.core import lead as lead_step
from dateline.core.gcpause import paused_gc
from dateline.core.load import article_name
from dateline.core.model import Article, ArticleAnalysis, LoadProblem, Timeline

if TYPE_CHECKING:
    from dateline.core.cache import AnalysisCache
    from dateline.core.load import LoadResult


def analyse(article: Article) -> ArticleAnalysis:
    """Everything one article says on its own, in HeidelTime's three passes for time: find the time
    expressions without the publication date, infer that date (metadata, else the article's own evidence),
    then resolve every expression that needs it."""
    article = _reached.article = clean.clean(article)
    budget.check()
    found = timexes.find(article)
    article = _reached.article = published.infer(article, found)
    return _extract(article, resolve.resolve(found, published.anchor(article)))


class _Reached(threading.local):
    """The article as far as its analysis got in this thread (cleaned, dated): what :func:`analyse_safely`
    keeps of it when the analysis stops."""

    article: Article | None = None


_reached = _Reached()


def redate(analysis: ArticleAnalysis, article: Article) -> ArticleAnalysis:
    """An analysis again for an article whose publication date was learnt later (from other articles): its
    time expressions are re-resolved from their placeholders (no rescan of the text), then the steps that
    read dates run again."""
    tx = resolve.resolve(analysis.timexes, published.anchor(article))
    evs = events.extract(article, tx)
    qs = quotes.extract(article, analysis.actors, evs)  # actors do not depend on dates: kept as they are
    events.attribute_quoted(evs, qs, analysis.actors)
    return ArticleAnalysis(article=article, timexes=tx, events=evs, actors=analysis.actors, quotes=qs)


def date_from_corpus(analyses: list[ArticleAnalysis]) -> list[ArticleAnalysis]:
    """Date undated articles whose own clues need a year ("SALVADOR, Feb 26 -") from the years the loaded
    articles are in (see :func:`published.date_from_corpus`); their time expressions are re-resolved."""
    undated = [a for a in analyses if published.undated(a.article)]
    if not undated:
        return analyses
    try:
        dated = published.date_from_corpus([(a.article, a.timexes) for a in analyses])
    except Exception:  # a bug in this step must not sink the run: the articles stay undated, as analysed
        return analyses
    out = list(analyses)
    for i, article in dated.items():
        try:
            out[i] = redate(analyses[i], article)
        except Exception:  # a bug in a step must not sink the run: keep the article undated, as analysed
            continue
    return out


def date_from_related(
    analyses: list[ArticleAnalysis], story: dict[str, int] | None = None
) -> list[ArticleAnalysis]:
    """Give undated articles the date of the happening their lead reports, as other articles date it.

    An undated article whose lead reports a past happening of some kind ("the talks have ended") is dated
    from the most precisely dated past event of that kind in a related article (one telling the same story)
    whose own date is sure, when the event's sentence and the lead name the same things.
    """
    undated = [i for i, a in enumerate(analyses) if published.undated(a.article)]
    if not undated:
        return analyses
    related = merge.related_articles(analyses, story)
    by_id = {a.article.id: a for a in analyses}
    out = list(analyses)
    for i in undated:
        a = analyses[i]
        lead = lead_step.lead_sentence(a.article, a.timexes)
        if lead is None:
            continue
        kind = events.kind_of(lead)
        if kind is None or tense.tense(lead) != "past":
            continue
        candidates = [
            (shared, e, other)
            for rid in related.get(a.article.id, ())
            if published.can_lend((other := by_id[rid]).article)
            for e in other.events
            if e.kind == kind
            and e.status == "occurred"
            and e.date.span_days
            and (shared := published.retelling(lead, [ev.text for ev in e.evidence]))
        ]
        if not candidates:
            continue
        # among the happenings the lead retells (nearly) best, the most precisely dated
        best = max(c[0] for c in candidates)
        close = [c for c in candidates if c[0] >= best - 1]
        _, event, other = min(close, key=lambda c: (c[1].date.span_days, c[2].article.id))
        article = published.from_related(a.article, other.article, event.date)
        try:
            with budget.limit():
                out[i] = redate(a, article)
        except (Exception, budget.OverBudget):  # a bug, or over budget: keep the article undated, as analysed
            continue
    return out


def _extract(article: Article, tx: list) -> ArticleAnalysis:
    evs = events.extract(article, tx)
    acts = actors.extract(article)
    qs = quotes.extract(article, acts, evs)
    events.attribute_quoted(evs, qs, acts)
    return ArticleAnalysis(article=article, timexes=tx, events=evs, actors=acts, quotes=qs)


ProgressCallback = Callable[[int, int], None]  # (articles done, articles in all)


@dataclass(frozen=True, slots=True)
class Loaded:
    """The files were read: ``result`` holds the articles to analyse and what could not be loaded."""

    result: LoadResult


@dataclass(frozen=True, slots=True)
class Progress:
    """``done`` of ``total`` articles analysed."""

    done: int
    total: int


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A timeline to show: a preview while ``final`` is False. ``cached`` when it was read from the cache."""

    timeline: Timeline
    final: bool
    cached: bool = False


Update = Loaded | Progress | Snapshot

PARALLEL_MIN_CHARS = 200_000  # below this much text to analyse, worker start-up costs more than it saves
BATCH_CHARS = 40_000  # text per batch sent to a worker: big enough to amortise the round trip
BATCH_ARTICLES = 64


def analyse_safely(article: Article) -> tuple[ArticleAnalysis, str | None]:
    """``analyse`` that never raises and keeps to the article's time budget (:mod:`dateline.core.budget`).

    On a bug in a step, or past the budget, the article is kept as far as it got (text, title, publication
    date) without extractions, with a description of what happened."""
    _reached.article = article
    try:
        with budget.limit():
            analysis = analyse(article)
        _reached.article = None
        return analysis, None
    except budget.OverBudget:
        error = f"analysis stopped after {budget.seconds():g} s: kept without its events, actors and quotes"
    except RecursionError:
        error = "analysis failed: RecursionError"
    except Exception as exc:
        error = f"analysis failed: {type(exc).__name__}: {exc}"[:300]
    reached, _reached.article = _reached.article or article, None
    return ArticleAnalysis(article=_kept(reached)), error


def _kept(article: Article) -> Article:
    """An article whose analysis stopped, as it will be shown: with its metadata date when it has one."""
    if article.published is None:
        try:
            return published.infer(article, [])  # metadata or dateline: no time expressions needed
        except Exception:  # the date is a nicety here: the article itself must survive
            return article
    return article


def _analyse_batch(payloads: list[str]) -> list[tuple[bytes, str | None]]:
    """Worker side: articles as JSON in, analyses as packed JSON out (cheaper to ship than pickled models)."""
    from dateline.core.cache import pack

    out: list[tuple[bytes, str | None]] = []
    with paused_gc():
        for payload in payloads:
            article = Article.model_validate_json(payload)
            analysis, error = analyse_safely(article)
            out.append((pack(analysis, article.text), error))
    return out


def iter_analyses(
    articles: Iterable[Article],
    *,
    jobs: int = 1,
    cache: AnalysisCache | bool | None = None,
    problems: list[LoadProblem] | None = None,
) -> Iterator[ArticleAnalysis]:
    """Analyse articles, yielding each result in input order as soon as it is ready (the app streams these).

    ``jobs`` > 1 analyses in that many worker processes (in batches; small inputs stay in this process;
    as with any multiprocessing, a script calling this needs the ``if __name__ == "__main__":`` guard).
    ``cache``: an :class:`~dateline.core.cache.AnalysisCache`, ``True`` for the default one, or ``None``/``False``
    for none. An article whose analysis fails is yielded with no extractions, and the failure is appended
    to ``problems`` (when given) as a warning; failures are never cached.
    """
    from dateline.core.cache import AnalysisCache

    articles = list(articles)
    store: AnalysisCache | None = AnalysisCache() if cache is True else (cache or None)
    try:
        payloads, keys = _keys(articles, store, jobs)
        yield from _analyses(articles, payloads, keys, store, jobs, problems)
    finally:
        if cache is True and store is not None:
            store.close()


def _keys(articles: list[Article], store: AnalysisCache | None, jobs: int) -> tuple[list[str], list[str]]:
    """Each article as JSON (when workers or the cache need it) and its cache key (when there is a cache)."""
    from dateline.core.cache import article_key

    payloads = [a.model_dump_json() for a in articles] if store is not None or jobs > 1 else []
    keys = [article_key(p) for p in payloads] if store is not None else []
    return payloads, keys


def _analyses(
    articles: list[Article],
    payloads: list[str],
    keys: list[str],
    store: AnalysisCache | None,
    jobs: int,
    problems: list[LoadProblem] | None,
) -> Iterator[ArticleAnalysis]:
    from dateline.core.cache import pack, unpack

    hits = store.get_many(keys) if store is not None else {}
    todo = []
    for i, article in enumerate(articles):
        hit = hits.get(keys[i]) if keys else None
        if hit is None or unpack(hit, article) is None:  # a row must describe this very article
            todo.append(i)
            hits.pop(keys[i] if keys else "", None)
    fresh = _compute(articles, payloads, todo, jobs)
    for i, article in enumerate(articles):
        if keys and keys[i] in hits:
            yield hits[keys[i]]
            continue
        analysis, data, error = next(fresh)
        if error is not None:
            if problems is not None:
                problems.append(LoadProblem(path=article_name(article), reason=error, skipped=False))
        elif store is not None:
            store.put(keys[i], data or pack(analysis, article.text))
        yield analysis
    if store is not None:
        store.flush()


def _compute(
    articles: list[Article], payloads: list[str], todo: list[int], jobs: int
) -> Iterator[tuple[ArticleAnalysis, bytes | None, str | None]]:
    """Analyses of ``articles[i]`` for ``i`` in ``todo``, in that order, with their packed JSON if at hand."""
    from dateline.core.cache import unpack

    chars = sum(len(articles[i].text) for i in todo)
    jobs = min(jobs, workers.usable_cpus())  # more processes than processors only cost memory
    if jobs <= 1 or len(todo) < 2 or chars < PARALLEL_MIN_CHARS:
        for i in todo:
            with paused_gc():
                analysis, error = analyse_safely(articles[i])
            yield analysis, None, error
        return
    done = 0
    try:
        for data, error in _in_workers([payloads[i] for i in todo], jobs):
            article = articles[todo[done]]
            analysis = unpack(ArticleAnalysis.model_validate_json(data), article)
            done += 1
            if analysis is None:  # cannot happen unless a worker misbehaves: redo it here
                analysis, error = analyse_safely(article)
                yield analysis, None, error
            else:
                yield analysis, data, error
    except _PoolFailed:  # a worker died (killed, out of memory): finish here, in this process
        for i in todo[done:]:
            analysis, error = analyse_safely(articles[i])
            yield analysis, None, error


class _PoolFailed(Exception):
    pass


def _batches(payloads: list[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for p in payloads:
        batch.append(p)
        size += len(p)
        if size >= BATCH_CHARS or len(batch) >= BATCH_ARTICLES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _start_process_helpers(method: str) -> None:
    """Start multiprocessing's resource tracker (and fork server) with a stderr that has a real file
    descriptor: they hand ``sys.stderr.fileno()`` to their child, and a host that captures ``sys.stderr``
    (a terminal UI does) would make the pool fail with "bad value(s) in fds_to_keep"."""
    import sys
    from multiprocessing import forkserver, resource_tracker

    saved = sys.stderr
    try:
        if saved.fileno() >= 0:
            return  # a real stream: nothing to work around
    except (AttributeError, OSError, ValueError):
        pass
    sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
        if method == "forkserver":
            forkserver.ensure_running()
    finally:
        sys.stderr = saved


def _in_workers(payloads: list[str], jobs: int) -> Iterator[tuple[bytes, str | None]]:
    """Results of ``_analyse_batch`` over ``payloads`` from a process pool, streamed back in order.

    At most a few batches per worker are in flight, so memory stays bounded however many articles there are.
    Workers come from a fork server (``spawn`` where there is none): never a bare fork of this process, which
    may be running threads (the app).
    """
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["dateline.core.pipeline", "dateline.core.actors.preload"])
    _start_process_helpers(method)
    pending: deque[Future[list[tuple[bytes, str | None]]]] = deque()
    batches = _batches(payloads)
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=workers.watch_main, initargs=(os.getpid(),)
    )
    try:
        for batch in batches:
            pending.append(pool.submit(_analyse_batch, batch))
            if len(pending) >= jobs * 3:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool as exc:
        raise _PoolFailed from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def finish(analyses: list[ArticleAnalysis], problems: Iterable[LoadProblem] = ()) -> Timeline:
    """The steps across articles: date undated articles from the years the loaded articles are in, then from
    related ones, then merge into a Timeline. Which articles tell the same story is worked out once, for both
    steps (dating changes no article's text or names)."""
    with paused_gc():
        dated = date_from_corpus(analyses)
        story = merge.story_of(dated)
        return merge.merge(date_from_related(dated, story), list(problems), story=story)


def build_timeline(
    articles: Iterable[Article],
    problems: Iterable[LoadProblem] = (),
    *,
    jobs: int = 1,
    progress: ProgressCallback | None = None,
    cache: AnalysisCache | bool | None = None,
    run_key: str | None = None,
) -> Timeline:
    """Analyse every article (``jobs`` processes, optional ``cache``) and merge the results into one Timeline.

    With a cache, each article's analysis is cached by the article's content, and the merged Timeline of the
    whole run by the keys of all its articles (so reopening the same articles skips even the merge), or by
    ``run_key`` when given (:func:`dateline.core.stream.timeline_for_paths` keys it by the files read).
    """
    timeline = None
    for step in build_steps(articles, problems, jobs=jobs, cache=cache, run_key=run_key):
        if isinstance(step, Progress):
            if progress:
                progress(step.done, step.total)
        else:
            timeline = step.timeline
    assert timeline is not None
    return timeline


def build_steps(
    articles: Iterable[Article],
    problems: Iterable[LoadProblem] = (),
    *,
    jobs: int = 1,
    cache: AnalysisCache | bool | None = None,
    run_key: str | None = None,
    merge_every: float | None = None,
) -> Iterator[Progress | Snapshot]:
    """:func:`build_timeline` as a stream: progress after each article and, with ``merge_every`` (seconds),
    a preview merge of what is analysed so far now and then; the last item is the final Snapshot."""
    import time

    from dateline.core import cache as cache_module

    articles = list(articles)
    problems = list(problems)
    store: AnalysisCache | None = cache_module.AnalysisCache() if cache is True else (cache or None)
    try:
        payloads, keys = _keys(articles, store, jobs)
        whole = run_key or (cache_module.run_key(keys) if store is not None else "")
        if store is not None and run_key is None and (timeline := store.get_run(whole, articles)) is not None:
            yield Progress(len(articles), len(articles))
            yield Snapshot(timeline.model_copy(update={"problems": problems}), final=True, cached=True)
            return
        analyses: list[ArticleAnalysis] = []
        failures = len(problems)
        interval = merge_every or 0.0
        merged = time.monotonic()
        with paused_gc():  # results pile up by the hundred thousand objects, none in cycles
            for analysis in _analyses(articles, payloads, keys, store, jobs, problems):
                analyses.append(analysis)
                yield Progress(len(analyses), len(articles))
                now = time.monotonic()
                if merge_every is not None and now - merged >= interval and len(analyses) < len(articles):
                    preview = finish(list(analyses), list(problems))
                    interval = max(merge_every, 4 * (time.monotonic() - now))  # never spend most time merging
                    yield Snapshot(preview, final=False)
                    merged = time.monotonic()
        del payloads  # the articles as JSON are not needed past this point: free them before the merge
        failed = len(problems) > failures
        timeline = finish(analyses, problems)
        if store is not None and not failed:
            store.put_run(whole, timeline)
        yield Snapshot(timeline, final=True)
    finally:
        if cache is True and store is not None:
            store.close()
