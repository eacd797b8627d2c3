"""Step 7 — quotes: direct quotes with their speakers, venues and the events of their paragraph."""

from __future__ import annotations

from core.model import Actor, Article, Event, Quote


def extract(article: Article, actors: list[Actor], events: list[Event]) -> list[Quote]:
    """Direct quotes of ``article``; ``speaker`` is one of ``actors``' ids or ``None`` when unnamed."""
    return []
