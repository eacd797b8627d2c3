"""Publication date inferred from the article's own time expressions."""

from __future__ import annotations

from datetime import date

from dateline.core import clean, published, timexes
from dateline.core.model import Article


def test_caption_date_dates_an_article_without_metadata() -> None:
    caption = "Farmers gather at the market in the old town on March 3, 2019."
    text = (
        f"Harvest talks end without a deal\n\n{caption}\n{caption}\n\n"
        "Negotiators left the town today after two days of talks. A new round is planned for April."
    )
    article = clean.clean(Article(id="x", text=text))
    assert any(f.kind == "caption" for f in article.furniture)
    undated = timexes.extract(article, None)
    dated = published.infer(article, undated)
    assert dated.published is not None
    assert (dated.published.earliest, dated.published.latest) == (date(2019, 3, 3), date(2019, 3, 4))
    assert "caption" in dated.published_how
    # with the DCT known, relative expressions resolve against it
    found = {t.text: t for t in timexes.extract(dated, dated.published)}
    assert found["today"].earliest == date(2019, 3, 3)
    assert found["April"].value == "2019-04"


def test_metadata_wins_over_text() -> None:
    article = Article(id="y", text="It happened on May 5, 2001.", published_given="2001-05-07")
    dated = published.infer(article, timexes.extract(article, None))
    assert dated.published is not None and dated.published.earliest == date(2001, 5, 7)
    assert dated.published_how == "metadata"
