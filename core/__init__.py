"""Dateline core: turn news articles into dated, sourced events, actors and quotes.

Usable as a library and never imports the UI::

    from dateline.core import load_paths, build_timeline
    loaded = load_paths(["seeds"])
    timeline = build_timeline(loaded.articles, loaded.problems)
"""

from dateline.core.load import load_paths
from dateline.core.model import (
    Actor,
    Article,
    ArticleAnalysis,
    DateValue,
    Event,
    Evidence,
    LoadProblem,
    Quote,
    TimeExpression,
    Timeline,
)

__all__ = [
    "Actor",
    "Article",
    "ArticleAnalysis",
    "DateValue",
    "Event",
    "Evidence",
    "LoadProblem",
    "Quote",
    "TimeExpression",
    "Timeline",
    "analyse",
    "build_timeline",
    "load_paths",
    "stream_timeline",
    "timeline_for_paths",
]


def __getattr__(name: str) -> object:
    """The pipeline (and with it every step's patterns) is imported on first use, not by ``import dateline.core``:
    reopening a cached run needs only the model and the cache."""
    if name in ("analyse", "build_timeline"):
        from dateline.core import pipeline

        return getattr(pipeline, name)
    if name in ("stream_timeline", "timeline_for_paths"):
        from dateline.core import stream

        return getattr(stream, name)
    raise AttributeError(f"module 'dateline.core' has no attribute {name!r}")
