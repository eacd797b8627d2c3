"""Headlinese: a headline's simple present reports what has happened, "to" + verb what is planned, and a noun
phrase reports nothing (``core/tense.py`` ``headline_tense``); the headline line is the article's news when
its lead says nothing that happened (``core/events.py``). Headlines written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.core import events
from dateline.core.tense import headline_tense, main_tense
from tests.helpers import article

# (headline, tense headlinese gives it)
HEADLINES = [
    # the -s form after a subject: what has happened
    ("Gunman kills two in shopping centre", "present"),
    ("Court jails former finance minister for fraud", "present"),
    ("Cartel agrees to curb crude output", "present"),
    ("Harbour Town Mayor Quits Over Budget Row", "present"),
    ("Island prime minister, facing a confidence vote, resigns", "present"),
    ("Singer Checks Into Clinic, Hires New Manager", "present"),
    ("WIDGET MAKERS INC <WDG> RAISES QUARTERLY DIVIDEND", "present"),
    # a bare verb of the list after a plural subject
    ("Rebels seize river port in the south", "present"),
    ("Copper prices rise on supply worries", "present"),
    # "to" + verb: planned
    ("Foreign minister to visit Lisbon next month", "future"),
    ("Dock strike talks to resume", "future"),
    ("GRAIN BOARD TO SELL BARLEY TO NEIGHBOURS", "future"),
    # a past or future cue met first reads as a sentence does
    ("Teacher injured in school bus crash", "past"),
    ("Spokesman says strikers have returned to work", "past"),
    # noun phrases: no happening
    ("Ferry talks", "unknown"),
    ("Oil prices", "unknown"),
    ("Union workers", "unknown"),
    ("Coffee exports in the first quarter", "unknown"),
    ("Road To Recovery", "unknown"),
    # names and measures are no verbs
    ("Talks in Brussels", "unknown"),
    ("ACME DATA SYSTEMS INC <ADS> YEAR NET", "unknown"),
    ("Shr loss 40 cts vs loss 12 cts", "unknown"),
    ("Eight mths net", "unknown"),
    ("Shr 46.5 H.K. Cents vs 29.3", "unknown"),
    ("FIRST HARBOUR SAVINGS AND LOAN <FHSL> YEAR NET", "unknown"),
    ("FIRST HARBOUR SAVINGS AND LOAN <FHSL> RAISES PAYOUT", "present"),
]


@pytest.mark.parametrize(("line", "expected"), HEADLINES)
def test_headline_tense(line: str, expected: str) -> None:
    assert headline_tense(line) == expected


def test_headlinese_present_is_no_tense_in_a_sentence_reading() -> None:
    """The reading is for the headline line only: the same words read as a sentence's main clause give no
    tense (the -s form there is a present, not news), and a headline that ends a sentence is read as one."""
    assert main_tense("Gunman kills two in shopping centre") == "unknown"
    assert headline_tense("He sings, dances and acts on stage.") == "unknown"
    assert headline_tense("The council approved the plan.") == "past"


LEAD = "Fighting around the northern airport, with rebel units in control of the runway and the terminal.\n"


def _news(headline: str, published: date | None = date(2022, 4, 9)):
    art = article(f"{headline}\n\n{LEAD}", title=headline, published=published)
    return [e for e in events.extract(art, []) if e.lead]


def test_a_headline_in_the_present_is_the_news_when_the_lead_says_nothing_happened() -> None:
    assert main_tense(LEAD) == "unknown"  # the lead alone makes no event
    [ev] = _news("Rebels seize airport in north")
    assert ev.status == "occurred"
    assert ev.headline == "Rebels seize airport in north"
    assert ev.date.earliest == date(2022, 4, 8) and ev.date.latest == date(2022, 4, 9)
    assert ev.evidence[0].text == "Rebels seize airport in north"


def test_an_undated_articles_headline_in_the_present_is_undated_news() -> None:
    [ev] = _news("Rebels seize airport in north", published=None)
    assert (ev.status, ev.date.value, ev.date.label()) == ("occurred", "PAST_REF", "undated")


def test_a_headline_to_verb_is_planned_news() -> None:
    [ev] = _news("Defence minister to visit the northern airport")
    assert ev.status == "planned"
    assert ev.date.value == "FUTURE_REF" and ev.date.earliest == date(2022, 4, 9)


def test_a_headline_noun_phrase_is_no_event() -> None:
    assert _news("Airport fighting") == []
    assert _news("Airport talks") == []


def test_a_headline_in_capitals_keeps_its_short_words() -> None:
    """In capitals every short word looks like a zone ("EDT"): only the zones of the list are cut there."""
    assert events.tidy("ACME TOOL CO <ATC> SETS QTLY DIV") == "ACME TOOL CO <ATC> SETS QTLY DIV"
    assert events.tidy("UPDATED 05/03/2013 11:00 AM EDT") is None
    assert events.tidy("Storm hits coast 11:00 GMT") == "Storm hits coast"
    assert events.tidy("Storm hits coast at 11:00 XYZ") == "Storm hits coast"
