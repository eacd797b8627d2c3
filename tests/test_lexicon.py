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


def test_inflect_follows_the_regular_spelling_rules() -> None:
    assert lexicon.inflect("note") == ("notes", "noted", "noting")
    assert lexicon.inflect("deny") == ("denies", "denied", "denying")
    assert lexicon.inflect("push") == ("pushes", "pushed", "pushing")
    assert lexicon.inflect("say")[0] == "says"  # a vowel before the y: no -ies
    assert lexicon.inflect("echo")[0] == "echoes"


def test_verb_forms_take_irregular_forms_from_the_data() -> None:
    forms = lexicon.verb_forms("speech", "reporting.verbs")
    assert {"say", "says", "said", "saying", "told", "wrote", "written", "noted", "admitted"} <= forms
    assert "sayed" not in forms and "admited" not in forms


def test_reporting_verbs_are_the_speech_data_without_noun_like_base_forms() -> None:
    from dateline.core import gazetteer

    forms = lexicon.verb_forms("speech", "reporting.verbs", base=False)
    assert forms | {"say"} == gazetteer.REPORTING_VERBS
    assert "stated" in forms and "state" not in forms  # "the state" is not a verb of saying
