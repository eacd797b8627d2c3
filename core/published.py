"""Step 4 — publication date (the document creation time, DCT).

From metadata when given; otherwise inferred from the text, always with bounds and a note saying how:
a dateline's date when it gives the year (the day the story was filed), a full date in a photo caption
(the article was published that day or just after), else the
latest full date the article mentions (a lower bound). Articles still undated are dated later from other
loaded articles that report the same happening (see :func:`from_related`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateline.core.model import Article, DateValue, TimeExpression
from dateline.core.text import FurnitureIndex

CAPTION_SLACK = timedelta(days=1)  # a caption's photo was taken on the day of publication or the day before
MENTION_SLACK = timedelta(days=30)  # without a caption, publication follows the latest dated mention
RECENT_SLACK = timedelta(days=7)  # "have come to an end": the happening is recent news


def day(d: date) -> DateValue:
    return DateValue.between(d, d)


def window(lo: date, hi: date) -> DateValue:
    return DateValue.between(lo, hi)


_YEAR_DATE = re.compile(r"\b(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})\b")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BASIC_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T.*)?")


@lru_cache(maxsize=4096)
def parse_given(raw: str) -> date | None:
    """Parse a metadata date (ISO date or date-time first, any other format through dateparser)."""
    raw = raw.strip()
    m = _ISO_DATE.match(raw)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = _BASIC_DATE.fullmatch(raw)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    parsed = _dateparser_parse(raw[:80])
    return parsed.date() if parsed else None


@lru_cache(maxsize=1024)
def _dateparser_parse(raw: str) -> datetime | None:
    import dateparser

    try:
        return dateparser.parse(raw, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    except (ValueError, OverflowError, TypeError):
        return None


def infer(article: Article, timexes: list[TimeExpression]) -> Article:
    """Set ``article.published`` from metadata or, failing that, from dates in its own text."""
    if article.published_given:
        d = parse_given(article.published_given)
        if d:
            return article.model_copy(update={"published": day(d), "published_how": "metadata"})
    for f in article.furniture:  # "LISBON, March 3, 2021 (Reuters) -": the story was filed that day
        if f.kind == "dateline" and (m := _YEAR_DATE.search(article.text, f.start, f.end)):
            d = parse_given(m.group())
            if d:
                return article.model_copy(
                    update={"published": day(d), "published_how": f"text: dateline “{m.group()}”"}
                )
    index = FurnitureIndex(article.furniture)
    full_days = [t for t in timexes if t.granularity == "day" and not t.anchored and t.earliest]
    in_captions = [t for t in full_days if index.kind(t.start) in ("caption", "repeat", "dateline")]
    if in_captions:
        d = max(t.earliest for t in in_captions if t.earliest)
        return article.model_copy(
            update={
                "published": window(d, d + CAPTION_SLACK),
                "published_how": f"text: caption date “{in_captions[0].text}”",
            }
        )
    if full_days:
        latest = max(full_days, key=lambda t: t.earliest or date.min)
        d = latest.earliest
        assert d is not None
        return article.model_copy(
            update={
                "published": window(d, d + MENTION_SLACK),
                "published_how": f"text: after the latest date mentioned, “{latest.text}”",
            }
        )
    return article.model_copy(update={"published": None, "published_how": "unknown"})


def from_related(article: Article, related: Article, happened: DateValue) -> Article:
    """Date an undated article from another article that reports the same happening.

    The undated article's lead reports the happening as recent news (present perfect or past tense), so it was
    published on the day the happening is dated in ``related`` or within a few days after it.
    """
    lo = happened.earliest
    if lo is None:
        return article
    hi = (happened.latest or lo) + RECENT_SLACK
    return article.model_copy(
        update={
            "published": window(lo, hi),
            "published_how": f"cross-article: reports the happening that {related.id} dates {happened.label()}",
        }
    )
