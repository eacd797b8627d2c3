"""Step 5 — events: dated happenings, one per governing time expression, plus the lead's main happening."""

from __future__ import annotations

from core.model import Article, Event, TimeExpression


def extract(article: Article, timexes: list[TimeExpression]) -> list[Event]:
    """Events of one article (ids local to it: ``<article id>:e<n>``)."""
    return []
