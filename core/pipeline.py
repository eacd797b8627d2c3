"""The pipeline in the order data flows: load → clean → time expressions → publication date → events →
actors → quotes → merge across articles → Timeline. Each step is a pure function in its own module."""

from __future__ import annotations

from collections.abc import Iterable

from core import actors, clean, events, merge, published, quotes, timexes
from core.model import Article, ArticleAnalysis, LoadProblem, Timeline


def analyse(article: Article) -> ArticleAnalysis:
    """Everything one article says on its own (its publication date from metadata or its own text)."""
    article = clean.clean(article)
    article = published.infer(article, [])
    tx = timexes.extract(article, article.published)
    if article.published is None:
        article = published.infer(article, tx)
        if article.published is not None:
            tx = timexes.extract(article, article.published)
    return _extract(article, tx)


def _extract(article: Article, tx: list) -> ArticleAnalysis:
    evs = events.extract(article, tx)
    acts = actors.extract(article)
    qs = quotes.extract(article, acts, evs)
    return ArticleAnalysis(article=article, timexes=tx, events=evs, actors=acts, quotes=qs)


def build_timeline(articles: Iterable[Article], problems: Iterable[LoadProblem] = ()) -> Timeline:
    """Analyse every article and merge the results into one Timeline."""
    analyses = [analyse(a) for a in articles]
    return merge.merge(analyses, list(problems))
