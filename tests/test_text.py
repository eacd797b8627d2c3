"""Sentence and paragraph splitting, and the fast paths that must agree with their plain definitions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.core.actors.names import _is_title_case
from dateline.core.events import _CLAUSE_BREAK, _TRAILING_PREP, _drop_trailing_prep
from dateline.core.text import paragraph_sentences, paragraphs, sentences


def _texts(spans: list | tuple, text: str) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_sentences_keep_abbreviations_initials_and_lower_case_continuations() -> None:
    text = "Mr. Roe of Acme Corp. met U.S. officials. J.R. Doe disagreed. It rose 2.5 pct. then fell.\n"
    assert _texts(sentences(text), text) == [
        "Mr. Roe of Acme Corp. met U.S. officials.",
        "J.R. Doe disagreed.",
        "It rose 2.5 pct. then fell.",
    ]


def test_sentences_of_a_range_match_the_slice() -> None:
    text = '  Intro line.\n\n  First one. Second one!  \n\n  Third? "Yes." Done.  '
    start, end = text.index("First"), len(text) - 2
    inner = text[start:end]
    assert [(s.start - start, s.end - start) for s in sentences(text, start, end)] == [
        tuple(s) for s in sentences(inner)
    ]


def test_paragraph_splits_are_shared_and_immutable() -> None:
    text = "One para here.\n\nAnother. And more.\n    Indented para.\n"
    paras = paragraphs(text)
    assert paras is paragraphs(text)  # computed once per text
    assert isinstance(paras, tuple)
    assert _texts(paras, text) == ["One para here.", "Another. And more.", "Indented para."]
    assert _texts(paragraph_sentences(text, paras[1]), text) == ["Another.", "And more."]


# the plain definitions the fast paths replace
_WORD = re.compile(r"[A-Za-z][a-z'’]*")


def _title_case_plain(text: str, start: int, end: int) -> bool:
    if text[end - 1] in ".!?\"”'’":
        return False
    words = _WORD.findall(text, start, min(end, start + 400))
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    upper = sum(1 for w in words if w.isupper() and len(w) > 1)
    return caps >= 0.75 * len(words) or upper >= 0.6 * len(words)


_PIECES = st.sampled_from(
    [
        "The",
        "talks",
        "USA",
        "A'",
        "B’’c",
        "x",
        " ",
        ",",
        "\n",
        "in",
        "ON",
        "and",
        "Set",
        "ſince",
        "ı",
        "é",
        ".",
        "-",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=20))
def test_title_case_count_agrees_with_word_by_word(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _is_title_case(text, 0, len(text)) == _title_case_plain(text, 0, len(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12))
def test_trailing_preposition_cut_agrees_with_the_expression(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _drop_trailing_prep(text) == _TRAILING_PREP.sub("", text)


_PLAIN_CLAUSE_BREAK = re.compile(
    r"\s*[;:—–]\s+|,\s+(?:but|while|whereas|although|though|which|as|and|so)\s+|\s+but\s+|[\"“”]\s*", re.I
)
_BREAK_PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\t",
        ";",
        ":",
        "—",
        "–",
        ",",
        '"',
        "“",
        "”",
        "but",
        "BUT",
        "as",
        "so",
        "which",
        "x",
        "ſo",
        "\u00a0",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_BREAK_PIECES, max_size=14))
def test_clause_breaks_agree_with_the_plain_expression(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in _CLAUSE_BREAK.finditer(text)] == [
        m.span() for m in _PLAIN_CLAUSE_BREAK.finditer(text)
    ]
