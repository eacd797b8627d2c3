"""Step 6 — actors: people, countries, organisations, armed groups and places, one per entity with its aliases.

Three stages, one module each, in the order data flows:

- :mod:`.names` — name spans: capitalised runs of the text, trimmed of what names nothing.
- :mod:`.kinds` — kind from evidence: titles and roles, organisation heads, countries, context words; each span
  becomes candidates with kind votes ("Moscow", "the Russians", "Russian officials" → Russia; "Syrian regime" →
  Syria; "told Reuters" → nothing: a venue).
- :mod:`.identity` — aliases and coreference within an article (surname → full name, acronym ↔ expansion,
  "formerly" aliases) and across articles (:func:`merge`, adding fuzzy matching of same-kind names).

The vocabulary they read is data (``core/vocab/*.toml`` through :mod:`dateline.core.lexicon`, and
:mod:`dateline.core.gazetteer` for countries).
"""

from __future__ import annotations

from dateline.core.actors.identity import build, link_aliases, merge
from dateline.core.actors.kinds import Classifier
from dateline.core.actors.names import key, name_spans
from dateline.core.model import Actor, Article

__all__ = ["extract", "key", "merge"]


def extract(article: Article) -> list[Actor]:
    """Actors of one article (ids local to the article: ``<article id>:a<n>``)."""
    candidates = Classifier(article).run(name_spans(article))
    link_aliases(article.text, candidates)
    return build(article, candidates)
