"""Property tests: any text through analyse() and merge() gives a valid Timeline without raising.

The texts mix news-like sentences with the things that break parsers: control characters and escape
sequences, huge numbers, impossible dates (99/99/9999), odd quotes, long runs of digits and punctuation;
and the hostile classes of issue 9: long runs of white space, lines dense with dates, bidirectional and
zero-width characters, JSON nested deep, and many records sharing one id.

Nothing here is timed (a loaded machine would fail it at random): how the work grows with such inputs is
measured by bench/hostile.py (whole runs) and bench/regex_audit.py (every expression of core/); here the
output must be right, and where a bound keeps the work linear (the evidence window) the bound is checked.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.core import export
from dateline.core.clean import normalise_text
from dateline.core.events import EVIDENCE_CHARS
from dateline.core.load import load_paths
from dateline.core.merge import merge
from dateline.core.model import Article, ArticleAnalysis, DateValue, Timeline
from dateline.core.pipeline import analyse

WORDS = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "on",
        "Tuesday",
        "talks",
        "ended",
        "in",
        "March",
        "2017",
        "last",
        "week",
        "next",
        "year",
        "early",
        "2016",
        "Mr.",
        "Smith",
        "told",
        "reporters",
        "the",
        "Foreign",
        "Ministry",
        "of",
        "France",
        "U.S.",
        "will",
        "meet",
        "since",
        "January",
        "24",
        "1987",
        "Feb",
        "26",
        "-",
        "Reuters",
        "AUTHOR:",
        "Source:",
        "Photo:",
        "(AP)",
    ]
)
HOSTILE = st.sampled_from(
    [
        "99/99/9999",
        "31/02/2020",
        "2020-13-45",
        "0000-00-00",
        "9" * 40,
        "1" * 300,
        "-" * 200,
        "." * 150,
        "''''",
        '"""',
        "“unclosed",
        "closed”",
        "‘single’",
        "«guillemets»",
        "\x1b[31m",
        "\x1b]0;title\x07",
        "\x00",
        "\x7f",
        "\x9b",
        "\u2028",
        "\ufeff",
        "\ud800",
        "[bold]",
        "[/]",
        "10:99 pm",
        "25:61",
        "1e308",
        "-1",
        "Q5 2020",
        "the 42nd of Smarch",
        "week 99",
        "1st-2nd-3rd",
        "January 0",
        "December 32, 2020",
        "year 10000",
        "in 0 BC",
        "AD 99999999",
        "\n\n",
        "\t",
        "   ",
        "2017-02-29",
        "2016-02-29",
        "19th century",
        "1990s",
        "mid-2000s",
        "Q4",
        "H1 2019",
        "FY2020/21",
    ]
)
TOKEN = st.one_of(WORDS, WORDS, WORDS, HOSTILE, st.text(max_size=12))
TEXTS = st.lists(TOKEN, min_size=1, max_size=120).map(" ".join).map(lambda s: s[:4000])
PUBLISHED = st.one_of(
    st.none(),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(str),
    st.sampled_from(["99/99/9999", "yesterday", "", "2021-02-30", "1987-02-26T15:01:01", "not a date"]),
)


def _article(text: str, published: str | None, n: int = 0) -> Article:
    return Article(id=f"f{n}", text=normalise_text(text) or " ", published_given=published)


def _check_spans(analysis: ArticleAnalysis) -> None:
    text = analysis.article.text
    aid = analysis.article.id
    for t in analysis.timexes:
        assert t.article == aid
        assert 0 <= t.start <= t.end <= len(text)
        assert text[t.start : t.end] == t.text, t
        _check_bounds(t.earliest, t.latest)
    for q in analysis.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text, q
    for actor in analysis.actors:
        for m in actor.mentions:
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start : m.end] == m.text, m
    for e in analysis.events:
        _check_date(e.date)
        for ev in e.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start : ev.end] == ev.text, ev
            if ev.timex_start is not None and ev.timex_end is not None:
                assert 0 <= ev.timex_start <= ev.timex_end <= len(text)
    for f in analysis.article.furniture:
        assert 0 <= f.start <= f.end <= len(text)
    if analysis.article.published is not None:
        _check_date(analysis.article.published)


def _check_date(d: DateValue) -> None:
    _check_bounds(d.earliest, d.latest)


def _check_bounds(lo: date | None, hi: date | None) -> None:
    if lo is not None and hi is not None:
        assert lo <= hi, (lo, hi)


def _check_timeline(tl: Timeline) -> None:
    Timeline.model_validate_json(tl.model_dump_json())  # round-trips through the schema
    texts = {a.id: a.text for a in tl.articles}
    for e in tl.events:
        _check_date(e.date)
        for ev in e.evidence:
            assert texts[ev.article][ev.start : ev.end] == ev.text
    for t in tl.timexes:
        assert texts[t.article][t.start : t.end] == t.text
        _check_bounds(t.earliest, t.latest)
    for q in tl.quotes:
        assert texts[q.article][q.start : q.end] == q.text
    actor_ids = {a.id for a in tl.actors}
    for q in tl.quotes:
        assert q.speaker is None or q.speaker in actor_ids
    tl.model_dump_json().encode("utf-8")  # every string can be written out


EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "150"))  # raise it for a deeper hunt
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(TEXTS, PUBLISHED)
def test_analyse_any_text(text: str, published: str | None) -> None:
    article = _article(text, published)
    analysis = analyse(article)
    assert analysis.article.text == article.text
    _check_spans(analysis)


@settings(max_examples=max(10, EXAMPLES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(TEXTS, PUBLISHED), min_size=1, max_size=4))
def test_merge_any_articles(items: list[tuple[str, str | None]]) -> None:
    analyses = [analyse(_article(text, published, n)) for n, (text, published) in enumerate(items)]
    _check_timeline(merge(analyses, []))


@FUZZ
@given(st.text())
def test_normalise_text_any_string(text: str) -> None:
    out = normalise_text(text)
    assert len(out) == len(text)
    assert not any((ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in out)
    out.encode("utf-8")


LONG_RUNS = (  # what makes backtracking expressions explode (their growth: bench/hostile.py --only runs)
    "1" * 5000,
    "1-" * 3000,
    ". " * 3000,
    "'" * 3000,
    "January " * 800,
    "9/" * 3000,
    " " * 9000,
    "A " * 5000,  # was 8 s in events.headline (a regex sub in a loop, O(n²)) before its input was bounded
    '"' * 3000,
    "said, " * 2000,
)


def test_long_runs_give_valid_spans() -> None:
    for chunk in LONG_RUNS:
        analysis = analyse(_article(f"The minister said {chunk} on Tuesday.", "2020-01-01"))
        _check_spans(analysis)
        assert any(t.text == "Tuesday" for t in analysis.timexes), chunk[:10]


def test_many_dates_in_one_sentence_keep_bounded_evidence() -> None:
    """12 KB, 2,000 dates in one sentence: every date is found, and no event keeps more than a bounded
    window of the sentence (each keeping all of it was quadratic: ~8 s and gigabytes)."""
    text = "Output rose in " + "1987, " * 2000 + "officials said."
    analysis = analyse(_article(text, "2020-01-01"))
    assert len(analysis.timexes) == 2000
    assert analysis.events
    assert all(len(ev.text) <= EVIDENCE_CHARS for e in analysis.events for ev in e.evidence)
    _check_spans(analysis)


# --- issue 9: hostile classes ---------------------------------------------------------------------------------

BIDI_ZW = st.sampled_from(
    list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u200b\u200c\u200d\u2060\ufeff")
)
UNSAFE = set(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u200b\u200c\u200d\u2060\ufeff"
)
WHITESPACE_RUN = st.tuples(
    st.sampled_from([" ", "\n", "\t", "\u00a0", " \n", "\r\n"]), st.integers(50, 2500)
).map(lambda unit_n: unit_n[0] * unit_n[1])
A_DATE = (
    st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31))
    .map(
        lambda d: st.sampled_from(
            [f"{d:%B} {d.day}, {d.year}", f"{d.day} {d:%B} {d.year}", f"{d:%b} {d.year}", str(d)]
        )
    )
    .flatmap(lambda s: s)
)
DATE_DENSE = st.lists(A_DATE, min_size=20, max_size=150).map(
    lambda ds: "talks were held on " + ", on ".join(ds)
)
# a word with an invisible or reordering character inside it ("Ba\u200brack", "\u202eSmith")
HIDDEN_WORD = st.tuples(WORDS, BIDI_ZW, st.integers(0, 6)).map(lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :])
HOSTILE_TOKEN = st.one_of(WORDS, WORDS, HOSTILE, WHITESPACE_RUN, DATE_DENSE, HIDDEN_WORD, BIDI_ZW)
HOSTILE_TEXTS = st.lists(HOSTILE_TOKEN, min_size=1, max_size=40).map(" ".join).map(lambda s: s[:30000])


@settings(max_examples=max(20, EXAMPLES // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXTS, PUBLISHED)
def test_hostile_text_gives_sound_results_and_prints_nothing_unsafe(text: str, published: str | None) -> None:
    analysis = analyse(_article(text, published))
    _check_spans(analysis)
    assert not UNSAFE & set(analysis.article.text)  # blanked at load (offsets kept)
    for actor in analysis.actors:
        assert not UNSAFE & set(actor.name) and max(map(len, actor.name.split()), default=0) <= 40
    timeline = merge([analysis], [])
    _check_timeline(timeline)
    for printed in (export.brief(timeline), export.markdown(timeline)):
        assert not UNSAFE & set(printed)


def _nested(depth: int, kind: str) -> str:
    return ("[" * depth + "]" * depth) if kind == "array" else ('{"a": ' * depth + "1" + "}" * depth)


RECORDS = st.lists(
    st.one_of(
        st.tuples(st.just("record"), st.sampled_from(["story", "story-2", "x", "", "story 1"]), A_DATE),
        st.tuples(st.just("deep"), st.integers(900, 4000), st.sampled_from(["array", "object"])),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=max(10, EXAMPLES // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RECORDS, st.sampled_from([".jsonl", ".json"]))
def test_deep_nesting_and_shared_ids_lose_no_good_record(items: list[tuple], suffix: str) -> None:
    """Records sharing ids, among values nested a thousand deep: every record loads, each with its own id."""
    lines = []
    for item in items:
        if item[0] == "record":
            lines.append(json.dumps({"id": item[1], "text": f"The envoys met in Geneva on {item[2]}."}))
        else:
            lines.append(_nested(item[1], item[2]))
    data = "\n".join(lines) + "\n" if suffix == ".jsonl" else "[" + ",\n".join(lines) + "]"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"records{suffix}"
        path.write_text(data)
        result = load_paths([path])
    good = sum(1 for item in items if item[0] == "record")
    ids = [a.id for a in result.articles]
    assert len(ids) == good and len(set(ids)) == good
