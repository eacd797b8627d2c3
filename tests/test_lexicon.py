"""The vocabulary loader: words come from data files, expressions are built from them."""

import re

from dateline.core import lexicon


def test_alternation_prefers_the_longest_word_and_spans_line_breaks() -> None:
    pattern = re.compile(lexicon.alternation(["year", "fiscal year", "a.m."]))
    assert pattern.match("fiscal\n  year").group() == "fiscal\n  year"
    assert pattern.fullmatch("a.m.") and not pattern.fullmatch("aXm.")


def test_every_vocabulary_file_parses() -> None:
    for path in lexicon.VOCAB.glob("*.toml"):
        assert isinstance(lexicon.table(path.stem), dict)
