"""The three time passes: find without the anchor, resolve placeholders against it, re-resolve when it changes."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.core import resolve, timexes
from dateline.core.model import Article, DateValue

D = date.fromisoformat


def day(iso: str) -> DateValue:
    return DateValue.between(D(iso), D(iso))


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [example for rule in timexes.RULES for example in rule.examples],
    ids=lambda x: x if isinstance(x, str) and len(x) > 12 else "",
)
def test_every_rule_finds_its_own_examples(sentence: str, span: str, value: str) -> None:
    found = timexes.extract(Article(id="x", text=sentence), day(timexes.EXAMPLE_DCT.isoformat()))
    if not span:
        assert found == [], [(t.text, t.value) for t in found]
        return
    assert (span, value) in [(t.text, t.value) for t in found], [(t.text, t.value) for t in found]


def test_every_rule_has_examples() -> None:
    assert all(rule.examples for rule in timexes.RULES), [
        r.handler.__name__ for r in timexes.RULES if not r.examples
    ]


TEXT = (
    "The mayor resigned on Friday. A new vote is planned for March, and prices rose last week. "
    "The bridge opened in May 1998 and closed three years ago."
)


def test_find_needs_no_anchor_and_leaves_placeholders() -> None:
    found = {t.text: t for t in timexes.find(Article(id="a", text=TEXT))}
    assert found["May 1998"].placeholder is None and found["May 1998"].value == "1998-05"
    assert found["Friday"].value == "XXXX-WXX-5" and found["Friday"].placeholder
    assert found["March"].value == "XXXX-03" and found["March"].earliest is None
    assert found["three years ago"].value == "XXXX"
    assert found["Friday"].tense == "past" and found["March"].tense == "future"


@pytest.mark.parametrize("anchor", ["2017-01-24", "2019-07-05", "2003-12-31"])
def test_resolving_again_equals_finding_with_the_anchor(anchor: str) -> None:
    article = Article(id="a", text=TEXT)
    once = timexes.extract(article, day("2010-06-15"))
    again = resolve.resolve(once, day(anchor))
    assert again == timexes.extract(article, day(anchor))
    assert resolve.resolve(again, None) == timexes.find(article)


def test_values_against_an_anchor() -> None:
    found = {t.text: t for t in timexes.extract(Article(id="a", text=TEXT), day("2017-01-24"))}
    assert found["Friday"].value == "2017-01-20" and found["Friday"].anchored
    assert found["March"].value == "2017-03"
    assert found["last week"].value == "2017-W03"
    assert (found["three years ago"].value, found["three years ago"].earliest) == ("2014", D("2014-01-01"))
    assert not found["May 1998"].anchored


def test_a_level_is_dropped_only_far_from_the_anchor() -> None:
    article = Article(id="a", text="The index closed at 2075, a record.")
    assert [t.value for t in timexes.find(article)] == ["2075"]
    assert timexes.extract(article, day("2017-01-24")) == []
    assert [t.value for t in timexes.extract(article, day("2060-01-24"))] == ["2075"]


def test_ids_are_renumbered_after_a_drop() -> None:
    article = Article(id="a", text="It closed at 2075 on Monday, after a fall in March 2016.")
    found = timexes.extract(article, day("2017-01-24"))
    assert [t.id for t in found] == ["a:t1", "a:t2"]
