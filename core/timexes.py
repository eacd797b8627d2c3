"""Step 3 — time expressions: find candidate spans, then normalise them against the publication date."""

from __future__ import annotations

from core.model import Article, DateValue, TimeExpression


def extract(article: Article, dct: DateValue | None) -> list[TimeExpression]:
    """Time expressions of ``article`` resolved against ``dct`` (the publication date, possibly unknown)."""
    return []
