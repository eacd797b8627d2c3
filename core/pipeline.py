"""The pipeline in the order data flows: load → clean → time expressions → publication date → events →
actors → quotes → merge across articles → Timeline. Each step is a pure function in its own module."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

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


Progress = Callable[[int, int], None]  # (articles done, articles in all)


def iter_analyses(articles: Iterable[Article], *, jobs: int = 1) -> Iterator[ArticleAnalysis]:
    """Analyse articles one by one, yielding each result as soon as it is ready (the app streams these)."""
    for article in articles:
        yield analyse(article)


def build_timeline(
    articles: Iterable[Article],
    problems: Iterable[LoadProblem] = (),
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Timeline:
    """Analyse every article and merge the results into one Timeline."""
    articles = list(articles)
    analyses: list[ArticleAnalysis] = []
    for analysis in iter_analyses(articles, jobs=jobs):
        analyses.append(analysis)
        if progress:
            progress(len(analyses), len(articles))
    return merge.merge(analyses, list(problems))
