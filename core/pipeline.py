"""The pipeline in the order data flows: load → clean → time expressions → publication date → events →
actors → quotes → merge across articles → Timeline. Each step is a pure function in its own module."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from core import actors, clean, events, merge, published, quotes, tense, timexes
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


def redate(analysis: ArticleAnalysis, article: Article) -> ArticleAnalysis:
    """Analyse again an article whose publication date was inferred from other articles."""
    return _extract(article, timexes.extract(article, article.published))


def date_from_related(analyses: list[ArticleAnalysis]) -> list[ArticleAnalysis]:
    """Give undated articles the date of the happening their lead reports, as other articles date it.

    An undated article whose lead reports a past happening of some kind ("the talks have ended") is dated
    from the most precisely dated past event of that kind in a related article (one telling the same story).
    """
    undated = [i for i, a in enumerate(analyses) if a.article.published is None]
    if not undated:
        return analyses
    related = merge.related_articles(analyses)
    by_id = {a.article.id: a for a in analyses}
    out = list(analyses)
    for i in undated:
        a = analyses[i]
        lead = events.lead_sentence(a.article)
        if lead is None:
            continue
        kind = events.kind_of(lead)
        if kind is None or tense.tense(lead) != "past":
            continue
        candidates = [
            (e, other)
            for rid in related.get(a.article.id, ())
            if (other := by_id[rid]).article.published is not None
            for e in other.events
            if e.kind == kind and e.status == "occurred" and e.date.span_days
        ]
        if not candidates:
            continue
        event, other = min(candidates, key=lambda c: (c[0].date.span_days, c[1].article.id))
        article = published.from_related(a.article, other.article, event.date)
        out[i] = redate(a, article)
    return out


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
    return merge.merge(date_from_related(analyses), list(problems))
