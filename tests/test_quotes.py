"""quotes.extract on short texts written for these tests."""

from __future__ import annotations

from dateline.core import actors, clean, quotes
from dateline.core.model import Article, DateValue, Event, Evidence, Quote


def _quotes(text: str, events: list[Event] | None = None) -> tuple[list[Quote], dict[str, str]]:
    article = clean.clean(Article(id="t", text=text))
    found = actors.extract(article)
    names = {a.id: a.name for a in found}
    return quotes.extract(article, found, events or []), names


def _speakers(text: str) -> list[tuple[str, str | None]]:
    qs, names = _quotes(text)
    return [(q.text, names.get(q.speaker) if q.speaker else None) for q in qs]


def test_attribution_after_the_quote() -> None:
    qs, names = _quotes('"The bridge will open in May," Minister Lena Berg said.')
    assert len(qs) == 1
    q = qs[0]
    assert q.text == "The bridge will open in May,"
    assert q.text == "The bridge will open in May,"[: q.end - q.start]
    assert names[q.speaker] == "Lena Berg" and q.cue == "said"


def test_offsets_point_at_the_words_without_the_marks() -> None:
    text = 'Intro. "Yes, we agreed," Mayor Jan Ek said.'
    qs, _ = _quotes(text)
    assert text[qs[0].start : qs[0].end] == "Yes, we agreed,"


def test_inverted_attribution_said_x() -> None:
    assert _speakers('"Prices will fall next year," said economist Ruth Adler.') == [
        ("Prices will fall next year,", "Ruth Adler")
    ]


def test_told_outlet_gives_a_venue_not_a_speaker() -> None:
    qs, names = _quotes('"We are ready," Governor Paulo Neves told Radio Norte.')
    assert names[qs[0].speaker] == "Paulo Neves"
    assert qs[0].venue == "Radio Norte"
    assert "Radio Norte" not in names.values()


def test_told_outlet_without_a_subject_keeps_speaker_none() -> None:
    text = 'Commander Ivo Petrov spoke first.\n\n"The deal is not final," told Radio Norte.'
    qs, _ = _quotes(text)
    assert qs[0].speaker is None and qs[0].venue == "Radio Norte"


def test_attribution_before_with_colon_and_that_clause() -> None:
    text = (
        'The union leader, Marta Silva, said: "We will strike."\n\n'
        'Chief executive Hugo Lenz said that the firm "will not negotiate under pressure."'
    )
    assert _speakers(text) == [
        ("We will strike.", "Marta Silva"),
        ("will not negotiate under pressure.", "Hugo Lenz"),
    ]


def test_according_to() -> None:
    assert _speakers('"The dam is safe," according to engineer Sofia Lind.') == [
        ("The dam is safe,", "Sofia Lind")
    ]


def test_pronoun_goes_to_the_last_named_person() -> None:
    text = (
        'Senator Alan Brooks arrived late.\n\n"We lost a day," he said.\n\n'
        'The Ministry of Finance issued a statement.\n\n"It will not happen again," he added.'
    )
    assert [s for _, s in _speakers(text)] == ["Alan Brooks", "Alan Brooks"]


def test_quote_split_by_an_attribution_gives_both_parts_the_speaker() -> None:
    text = '"We tried," Ambassador Nora Quist said. "Nobody listened."'
    assert _speakers(text) == [("We tried,", "Nora Quist"), ("Nobody listened.", "Nora Quist")]


def test_adding_continues_the_same_speaker() -> None:
    text = '"Talks start soon," envoy Dario Conti told Radio Norte, adding, "perhaps next week."'
    assert [s for _, s in _speakers(text)] == ["Dario Conti", "Dario Conti"]


def test_curly_marks_and_nested_single_quotes() -> None:
    text = "“They call it ‘a temporary measure’ but it is not,” Judge Ines Moreau said."
    qs, names = _quotes(text)
    assert len(qs) == 1
    assert qs[0].text == "They call it ‘a temporary measure’ but it is not,"
    assert names[qs[0].speaker] == "Ines Moreau"


def test_quote_spanning_paragraphs() -> None:
    text = (
        'Coach Lars Vik said: "We played well in the first half.\n\n'
        '"Then we lost our focus and the game."\n\nThe team flies home on Sunday.'
    )
    qs, names = _quotes(text)
    assert [q.text for q in qs] == [
        "We played well in the first half.",
        "Then we lost our focus and the game.",
    ]
    assert [names.get(q.speaker) for q in qs] == ["Lars Vik", "Lars Vik"]


def test_scare_quote_fragment_gets_the_subject_speaker_or_none() -> None:
    text = (
        'Minister Petra Holm said the plan was "a historic step" for the region.\n\n'
        'Critics called the plan "a historic mistake".'
    )
    assert _speakers(text) == [("a historic step", "Petra Holm"), ("a historic mistake", None)]


def test_unattributed_quote_keeps_speaker_none() -> None:
    assert _speakers('The banner read "No more war" in large letters.') == [("No more war", None)]


def test_single_quoted_scare_words_are_not_quotes_when_double_marks_exist() -> None:
    text = 'The so-called ‘peace plan’ was rejected. "It is dead," Speaker Rui Costa said.'
    assert _speakers(text) == [("It is dead,", "Rui Costa")]


def test_events_of_the_same_paragraph() -> None:
    text = 'The ministers met on Monday.\n\n"It went well," Minister Ana Lopes said.'
    ev = Event(
        id="t:e1",
        headline="met",
        date=DateValue(value="2020", granularity="year"),
        status="occurred",
        evidence=[Evidence(article="t", start=text.index('"It'), end=len(text), text="x")],
    )
    other = Event(
        id="t:e2",
        headline="met",
        date=DateValue(value="2020", granularity="year"),
        status="occurred",
        evidence=[Evidence(article="t", start=0, end=10, text="x")],
    )
    qs, _ = _quotes(text, [ev, other])
    assert qs[0].events == ["t:e1"]
    assert qs[0].id == "t:q1"
