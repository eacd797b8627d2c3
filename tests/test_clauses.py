"""The clause structure the speaker search reads: tokens, sentences, name chunks and noun phrases."""

from __future__ import annotations

from dateline.core import clauses, phrases


def _para(text: str) -> clauses.Para:
    return clauses.tokenize(text, 0, len(text), [])


def _verb(p: clauses.Para, word: str) -> int:
    return next(k for k, t in enumerate(p.toks) if t.low == word)


def test_abbreviations_keep_their_stop_and_possessives_are_marked() -> None:
    p = _para("Sen. Ames met U.S. officials and Sanders’ aides.")
    words = [t.text for t in p.toks]
    assert "Sen." in words and "U.S." in words and "." not in words[:-1]
    assert next(t for t in p.toks if t.text == "Sanders").possessive


def test_name_chunks_split_off_titles_and_skip_sentence_openers() -> None:
    p = _para("Asked about it, Sen. Tom Udall of New Mexico smiled. Air Force 1st Lt. Ana Ruiz waved.")
    chunks = [(c.text, c.titles) for c in p.chunks]
    assert ("Tom Udall", ("Sen",)) in chunks and ("New Mexico", ()) in chunks
    assert ("Ana Ruiz", ("Air", "Force", "1st", "Lt")) in chunks
    assert all("Asked" not in c.text for c in p.chunks)


def test_a_sentence_opening_word_is_a_name_or_not_by_how_the_text_writes_it_elsewhere() -> None:
    # "Officials" is written in lower case elsewhere and never capitalised inside a sentence: no name
    p = _para("Officials quickly left the room. We asked the officials about it.")
    assert [c.text for c in p.chunks] == []
    # a surname ending like an adverb is a name when the text capitalises it inside a sentence
    p = _para("Donnelly repeated the pledge. The plan, Donnelly said, is sound.")
    assert [c.text for c in p.chunks] == ["Donnelly", "Donnelly"]
    # an adverb stays an adverb, a lone name the text never writes in lower case stays a name
    p = _para("Meanwhile the vote went on. Ames left early.")
    assert [c.text for c in p.chunks] == ["Ames"]


def test_a_name_after_an_introduction_is_the_subject_when_a_relative_clause_follows_it() -> None:
    p = _para("Of Lindqvist, Baxter, who has given money to Ames, said it was over.")
    ref = phrases.subject_before(p, 0, _verb(p, "said"))
    assert ref is not None and (ref.kind, ref.text) == ("name", "Baxter")
    p = _para("In Salem, New Hampshire, Baxter said it was over.")  # the place stays with the introduction
    ref = phrases.subject_before(p, 0, _verb(p, "said"))
    assert ref is not None and (ref.kind, ref.text) == ("name", "Baxter")


def test_a_name_after_a_preposition_and_a_determiner_is_no_subject() -> None:
    p = _para("The leader of the Ohio Farm Bureau, Tom Baxter, warned that it would fail.")
    ref = phrases.subject_before(p, 0, _verb(p, "warned"))
    assert ref is not None and (ref.kind, ref.text) == ("name", "Tom Baxter")
    p = _para("A spokesman for the Ohio Farm Bureau said it would fail.")
    ref = phrases.subject_before(p, 0, _verb(p, "said"))
    assert ref is not None and (ref.kind, ref.head) == ("description", "spokesman")


def test_sentences_do_not_end_inside_parentheses_or_at_abbreviations() -> None:
    p = _para("Rep. Jo Kay (D-N.Y.) spoke. Then Dr. Lee left.")
    assert len(p.sent_starts) == 2


def test_subject_before_a_verb_through_an_apposition_and_a_parenthesis() -> None:
    p = _para("On Monday, Ruth Abara (D-Ohio), a lawyer who has represented the miners since 2009, said so.")
    ref = phrases.subject_before(p, 0, _verb(p, "said"))
    assert ref is not None and (ref.kind, ref.text) == ("name", "Ruth Abara")


def test_a_modifier_or_a_possessive_is_not_the_subject() -> None:
    p = _para("Clinton campaign manager Robby Mook said it. Trump's adviser Kellyanne Ward said it too.")
    assert phrases.subject_before(p, 0, _verb(p, "said")).text == "Robby Mook"
    second = [k for k, t in enumerate(p.toks) if t.low == "said"][1]
    assert phrases.subject_before(p, p.sent_starts[1], second).text == "Kellyanne Ward"


def test_a_description_and_its_name_in_apposition() -> None:
    p = _para("His spokesman, Jo Ames, said it.")
    assert phrases.subject_before(p, 0, _verb(p, "said")).text == "Jo Ames"
    p = _para("The union leader said it.")
    ref = phrases.subject_before(p, 0, _verb(p, "said"))
    assert ref is not None and (ref.kind, ref.head) == ("description", "leader")


def test_the_name_after_an_inverted_verb() -> None:
    p = _para("said Rep. Dora Kell of Ohio, who chairs the panel")
    assert phrases.np_after(p, 1, len(p.toks)).text == "Dora Kell"
    p = _para("said his campaign manager, Otto Brandt")
    assert phrases.np_after(p, 1, len(p.toks)).text == "Otto Brandt"
