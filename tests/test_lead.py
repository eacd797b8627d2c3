"""What an article reports as news: headline line, lead sentence, restatements; time stamp lines are not news."""

from __future__ import annotations

from datetime import date

from dateline.core import events, lead
from dateline.core.model import Furniture
from dateline.core.text import Segment, paragraphs, stem
from tests.helpers import article, timex

PAGE = (
    "Updated 14/03/2021 09:12 GMT\n\n"
    "Ferry capsizes off northern coast, dozens missing\n\n"
    "A passenger ferry capsized off the northern coast in heavy swell, leaving dozens of people missing.\n\n"
    "Coastguards said the ferry capsized within minutes of sending a distress call.\n\n"
    "The harbour authority will publish a list of passengers.\n"
)


def _para(text: str, n: int) -> Segment:
    return paragraphs(text)[n]


def test_a_time_stamp_line_is_not_prose() -> None:
    art = article("Posted July 20, 2009\n\nThe council met on July 20, 2009 and approved the plan.\n")
    tx = [timex(art, "July 20, 2009", "2009-07-20", "day", date(2009, 7, 20), date(2009, 7, 20))]
    assert lead.is_stamp(art.text, _para(art.text, 0), tx)
    assert not lead.is_stamp(art.text, _para(art.text, 1), tx)
    # without any time expression found, a line of numbers and stamp words is still a stamp
    assert lead.is_stamp(PAGE, _para(PAGE, 0), [])
    assert not lead.is_stamp("Ferry capsizes off the coast", Segment(0, 28), [])  # no number


def test_headline_line_and_lead_below_a_time_stamp() -> None:
    art = article(PAGE, published=date(2021, 3, 14))
    head = lead.headline_segment(art)
    first = lead.lead_segment(art)
    assert head is not None and art.text[head.start : head.end].startswith("Ferry capsizes")
    assert first is not None and art.text[first.start : first.end].startswith("A passenger ferry")


def test_a_text_that_is_only_its_title_is_its_own_lead() -> None:
    art = article(
        "Two climbers died on the north ridge after a rockfall.\n",
        title="Two climbers died on the north ridge after a rockfall.",
    )
    seg = lead.lead_segment(art)
    assert seg is not None and seg.start == 0


def test_restatements_share_the_leads_action_words() -> None:
    art = article(PAGE, published=date(2021, 3, 14))
    first, head = lead.lead_segment(art), lead.headline_segment(art)
    assert first is not None and head is not None
    found = [art.text[s.start : s.end] for s in lead.restatements(art, first, {first.start, head.start})]
    assert found == ["Coastguards said the ferry capsized within minutes of sending a distress call."]


def test_the_lead_event_has_the_headline_and_restatements_as_evidence_but_no_stamp() -> None:
    art = article(PAGE, published=date(2021, 3, 14))
    tx = [timex(art, "14/03/2021 09:12", "2021-03-14T09:12", "time", date(2021, 3, 14), date(2021, 3, 14))]
    evs = events.extract(art, tx)
    assert not any(e.evidence[0].text.startswith("Updated") for e in evs)  # the stamp is no event
    news = [e for e in evs if e.lead]
    assert len(news) == 1
    texts = [ev.text for ev in news[0].evidence]
    assert texts[0].startswith("A passenger ferry")
    assert "Ferry capsizes off northern coast, dozens missing" in texts
    assert any(t.startswith("Coastguards") for t in texts)
    assert not any("harbour authority" in t for t in texts)


def test_stem_matches_a_words_forms() -> None:
    assert stem("shooting") == stem("shoots") == stem("shoot")
    assert stem("arrested") == stem("arrest")
    assert stem("escaped") == stem("escape")
    assert stem("stopped") == stem("stop")


def test_a_stamp_before_the_lead_in_one_paragraph_is_left_out() -> None:
    text = "7 November 2011 Last updated at 21:40 GMT Help The doctor was found guilty on Monday."
    art = article(text, published=date(2011, 11, 8))
    day_ = ("2011-11-07", "day", date(2011, 11, 7), date(2011, 11, 7))
    tx = [
        timex(art, "7 November 2011", *day_),
        timex(art, "21:40 GMT", "2011-11-07T21:40", "time", date(2011, 11, 7), date(2011, 11, 7)),
        timex(art, "on Monday", *day_),
    ]
    end = lead.stamp_end(art.text, Segment(0, len(text)), tx)
    assert art.text[end:].startswith("The doctor")
    first = lead.lead_segment(art, tx)
    assert first is not None and art.text[first.start :].startswith("The doctor")
    evs = events.extract(art, tx)
    assert [e.headline for e in evs] == ["The doctor was found guilty"]  # no event for the stamp's times
    # a sentence that merely starts with a date is no stamp
    plain = "On 7 November 2011 the doctor was found guilty."
    art2 = article(plain)
    t2 = [timex(art2, "7 November 2011", *day_)]
    assert lead.stamp_end(plain, Segment(0, len(plain)), t2) == 0


SUBHEADED = (
    "Storm floods coastal villages\n\n"
    "Hundreds of homes evacuated as river bursts its banks overnight\n\n"
    "Floodwater reached three coastal villages after the river burst its banks, forcing hundreds of "
    "families from their homes.\n\n"
    "The regional council opened two schools as shelters.\n"
)


def test_lines_that_read_as_headlines_are_passed_over_on_the_way_to_the_lead() -> None:
    art = article(SUBHEADED, published=date(2022, 2, 3))
    first = lead.lead_segment(art)
    assert first is not None and art.text[first.start : first.end].startswith("Floodwater reached")
    subs = [art.text[s.start : s.end] for s in lead.subheadlines(art)]
    assert subs == ["Hundreds of homes evacuated as river bursts its banks overnight"]
    news = [e for e in events.extract(art, []) if e.lead]
    assert len(news) == 1
    texts = [ev.text for ev in news[0].evidence]
    assert texts[0].startswith("Floodwater reached")
    assert "Storm floods coastal villages" in texts and subs[0] in texts  # headline and standfirst restate it
    # a text made only of such lines keeps its first as the lead
    only = article("Storm floods coastal villages\n\nHundreds of homes evacuated overnight\n")
    seg = lead.lead_segment(only)
    assert seg is not None and only.text[seg.start : seg.end] == "Hundreds of homes evacuated overnight"


def test_a_title_that_is_page_furniture_is_no_headline() -> None:
    text = (
        "Last updated 16 September 2013 at 12:42 GMT\n\nClimber dies in fall\n\nA climber died on Saturday.\n"
    )
    art = article(text, title="Last updated 16 September 2013 at 12:42 GMT", published=date(2013, 9, 16))
    art = art.model_copy(update={"furniture": [*art.furniture, Furniture(start=0, end=42, kind="timestamp")]})
    head = lead.headline_segment(art)
    assert head is not None and art.text[head.start : head.end] == "Climber dies in fall"
    first = lead.lead_segment(art)
    assert first is not None and art.text[first.start : first.end] == "A climber died on Saturday."


def test_a_lead_is_dated_by_its_main_clause() -> None:
    published = date(2022, 5, 4)
    # the main clause is past though a later clause holds a future cue ("to be"): news of the last day or two
    art = article(
        "Police arrested a man they believe to be the driver who hit a cyclist.\n", published=published
    )
    (news,) = [e for e in events.extract(art, []) if e.lead]
    assert (
        news.status == "occurred" and news.date.earliest == date(2022, 5, 3) and news.date.latest == published
    )
    # a lead about what is to come is news of a happening after publication, with no date of its own
    art = article("The city will host the regional games, the organisers announced.\n", published=published)
    (news,) = [e for e in events.extract(art, []) if e.lead]
    assert news.status in ("planned", "expected")
    assert news.date.value == "FUTURE_REF" and news.date.earliest == published and news.date.latest is None
