"""Where a sentence came from, said the same way wherever a source is shown: the app's detail pane and copy,
the brief, the Markdown and TimelineJS exports.

A source is an article: its outlet, its publication date (and how that date was inferred when the article did
not give it), its title and its URL, each when known. An article without a title is named by its first line of
text, never by a file path: a path says where a file sits on one machine, not what the story is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.core.model import Article
from dateline.core.text import FurnitureIndex, counted

LABEL_CHARS = 100  # a first line used as a label is cut to this
_LENT = re.compile(r"reports the happening that \S+ dates (.+)")  # core.published's cross-article note


def label(article: Article) -> str:
    """The article's title, else its first line of text (outside page furniture), else its id."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    index = FurnitureIndex(article.furniture)
    text = article.text
    pos = 0
    while pos < len(text):  # the first stretch of a line outside furniture ("(AGENCY) City – The talks ...")
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        while pos < end and (text[pos].isspace() or index.at(pos) is not None):
            f = index.at(pos)
            pos = max(pos + 1, f.end if f is not None else 0)
        words = " ".join(text[pos:end].split()).lstrip("-–—: ")
        if words:
            return words if len(words) <= LABEL_CHARS else words[: LABEL_CHARS - 1].rstrip() + "…"
        pos = end + 1
    return article.id


def published(article: Article, *, short: bool = False) -> str:
    """The publication date at its own granularity, with how it was inferred when the article did not say
    (``short``: the kind of evidence only, without the words quoted); "undated" when there is none."""
    if article.published is None:
        return "undated"
    day = article.published.label()
    how = article.published_how
    if how in ("metadata", "", "unknown"):
        return day
    if how.startswith("text: "):
        how = how.removeprefix("text: ")
        if article.published.open or how.startswith(("after ", "before ")):
            # a bound: "after 1 Mar 1996 (inferred from the latest past date mentioned, “March 1996”)"
            how = how.removeprefix("after ").removeprefix("before ")
        if short:
            how = how.split("“", 1)[0].rstrip(" ,") or how
        return f"{day} (inferred from {how})"
    if how.startswith("cross-article: "):
        if short:
            return f"{day} (inferred from another article)"
        how = how.removeprefix("cross-article: ")
        lent = _LENT.match(how)  # the lender is named by its id in the data: an id means nothing to a reader
        if lent:
            return f"{day} (inferred from another article that reports the same happening, on {lent[1]})"
        return f"{day} (inferred from another article that {how})"
    return f"{day} (inferred: {how})"


def parts(article: Article, *, short: bool = False) -> list[str]:
    """Outlet, publication date, label and URL: those that are known, in that order."""
    return [p for p in (article.source, published(article, short=short), label(article), article.url) if p]


def line(article: Article, *, short: bool = False) -> str:
    """The source on one line: ``Outlet · 12 Mar 2017 · Title · https://…``."""
    return " · ".join(" ".join(p.split()) for p in parts(article, short=short))


def counted_articles(articles: Sequence[Article]) -> str:
    """ "12 articles (2 undated)": how many articles, and how many of them have no publication date at all,
    so a reader sees why their events are undated (an article placed by a bound is not counted: it is
    placed by what is known)."""
    undated = sum(a.published is None for a in articles)
    return counted(len(articles), "article") + (f" ({undated:,} undated)" if undated else "")
