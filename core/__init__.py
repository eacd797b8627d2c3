"""Dateline core: turn news articles into dated, sourced events, actors and quotes.

Usable as a library and never imports the UI::

    from core import load_paths, build_timeline
    loaded = load_paths(["seeds"])
    timeline = build_timeline(loaded.articles, loaded.problems)
"""

from core.load import load_paths
from core.model import (
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
from core.pipeline import analyse, build_timeline

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
]
