"""Small builders for tests: articles and time expressions from short texts written for the tests."""

from __future__ import annotations

from datetime import date

from dateline.core.clean import clean
from dateline.core.model import Article, DateValue, TimeExpression
from dateline.core.published import day


def article(text: str, aid: str = "a", published: date | None = None, **kw) -> Article:
    art = Article(id=aid, text=text, **kw)
    art = clean(art)
    if published:
        art = art.model_copy(update={"published": day(published), "published_how": "metadata"})
    return art


def timex(
    art: Article,
    phrase: str,
    value: str,
    granularity: str,
    lo: date | None,
    hi: date | None,
    *,
    n: int = 1,
    anchored: bool = True,
    type_: str = "DATE",
) -> TimeExpression:
    """A time expression for the ``n``-th occurrence of ``phrase`` in the article."""
    start = -1
    for _ in range(n):
        start = art.text.index(phrase, start + 1)
    return TimeExpression(
        id=f"{art.id}:t{start}",
        article=art.id,
        start=start,
        end=start + len(phrase),
        text=phrase,
        type=type_,
        value=value,
        granularity=granularity,
        earliest=lo,
        latest=hi,
        anchored=anchored,
    )


def month(y: int, m: int) -> tuple[str, str, date, date]:
    import calendar

    return f"{y}-{m:02d}", "month", date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def dv(lo: date | None, hi: date | None, value: str = "x", granularity: str = "range") -> DateValue:
    return DateValue(value=value, granularity=granularity, earliest=lo, latest=hi)
