"""Sources shown: outlet, publication date (and how it was inferred), title and URL, wherever a source appears."""

from __future__ import annotations

import json
from datetime import date

from dateline.core import export, sources
from dateline.core.model import Article, DateValue, Event, Evidence, Furniture, Timeline

TEXT = "(Wire) Lakeside – The bridge reopened on Monday after repairs.\n\nIt had been shut for a month.\n"


def _article(**kw: object) -> Article:
    base: dict = {"id": "bridge-1", "path": "/home/someone/saved/bridge-1.txt", "text": TEXT}
    return Article(**{**base, **kw})


def test_an_untitled_article_is_named_by_its_first_line_not_its_path() -> None:
    dateline = Furniture(start=0, end=TEXT.index("The"), kind="dateline")
    assert sources.label(_article(furniture=[dateline])) == "The bridge reopened on Monday after repairs."
    assert sources.label(_article(title="Bridge reopens")) == "Bridge reopens"
    long = _article(text="word " * 60)
    assert len(sources.label(long)) <= sources.LABEL_CHARS and sources.label(long).endswith("…")
    assert sources.label(_article(text="   \n\n")) == "bridge-1"


def test_published_says_how_an_inferred_date_was_found() -> None:
    d = DateValue.between(date(2023, 5, 1), date(2023, 5, 1))
    given = _article(published=d, published_how="metadata")
    assert sources.published(given) == "1 May 2023"
    inferred = _article(published=d, published_how="text: dateline “Lakeside, May 1, 2023”")
    assert sources.published(inferred) == "1 May 2023 (inferred from dateline “Lakeside, May 1, 2023”)"
    assert sources.published(inferred, short=True) == "1 May 2023 (inferred from dateline)"
    other = _article(
        published=d, published_how="cross-article: reports the happening that x dates 1 May 2023"
    )
    assert sources.published(other, short=True) == "1 May 2023 (inferred from another article)"
    long = sources.published(other)  # the lender's id ("x", a file's hash) is data, not words for a reader
    assert long == "1 May 2023 (inferred from another article that reports the same happening, on 1 May 2023)"
    assert sources.published(_article()) == "undated"


def test_source_line_has_outlet_date_title_and_url_when_known() -> None:
    a = _article(title="Bridge reopens", source="Lakeside Echo", url="https://echo.example/bridge")
    assert sources.line(a) == "Lakeside Echo · undated · Bridge reopens · https://echo.example/bridge"


def _timeline() -> Timeline:
    a = _article(
        title="Bridge reopens",
        source="Lakeside Echo",
        url="https://echo.example/bridge",
        published=DateValue.between(date(2023, 5, 1), date(2023, 5, 1)),
        published_how="metadata",
    )
    b = _article(id="bridge-2", text="The bridge reopened on Monday, the council said.\n")
    start = TEXT.index("The bridge")
    ev = [
        Evidence(article="bridge-1", start=start, end=start + 45, text=TEXT[start : start + 45]),
        Evidence(article="bridge-2", start=0, end=47, text=b.text[:47]),
    ]
    day = DateValue.between(date(2023, 5, 1), date(2023, 5, 1))
    event = Event(id="e1", headline="The bridge reopened", date=day, status="occurred", evidence=ev)
    return Timeline(articles=[a, b], events=[event])


def test_exports_show_each_source() -> None:
    t = _timeline()
    md = export.markdown(t)
    assert "Lakeside Echo · 1 May 2023 · Bridge reopens · https://echo.example/bridge" in md
    assert "The bridge reopened on Monday, the council said." in md  # the untitled one by its first line
    assert "/home/someone" not in md
    brief = export.brief(t)
    assert "Lakeside Echo · 1 May 2023 · Bridge reopens" in brief
    [item] = json.loads(export.timelinejs(t))["events"]
    assert item["media"] == {
        "url": "https://echo.example/bridge",
        "caption": "Bridge reopens",
        "credit": "Lakeside Echo",
    }
    assert "Lakeside Echo" in item["text"]["text"]


def test_timelinejs_has_no_media_when_no_source_has_a_url() -> None:
    t = _timeline()
    t.articles[0].url = None
    [item] = json.loads(export.timelinejs(t))["events"]
    assert "media" not in item


def test_a_bound_says_what_it_bounds_by() -> None:
    from dateline.core import clean, published, timexes

    article = clean.clean(Article(id="x", text="The mill closed in March 1996 after a strike."))
    bounded = published.infer(article, timexes.find(article))
    assert (
        sources.published(bounded)
        == "after 1 Mar 1996 (inferred from the latest past date mentioned, “March 1996”)"
    )
    assert (
        sources.published(bounded, short=True)
        == "after 1 Mar 1996 (inferred from the latest past date mentioned)"
    )
