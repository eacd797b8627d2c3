"""Events from short texts with hand-made time expressions (independent of the time-expression tagger)."""

from datetime import date

import pytest

from dateline.core import events
from dateline.core.tense import future_status, tense
from tests.helpers import article, month, timex


def test_past_month_event_is_occurred_with_month_granularity() -> None:
    art = article("The two unions signed a pact last month to end the strike.\n", published=date(2020, 3, 10))
    t = timex(art, "last month", *month(2020, 2))
    [ev] = events.extract(art, [t])
    assert ev.status == "occurred"
    assert (ev.date.earliest, ev.date.latest, ev.date.granularity) == (
        date(2020, 2, 1),
        date(2020, 2, 29),
        "month",
    )
    assert ev.kind == "agreement"
    assert "pact" in ev.headline.lower() and "last month" not in ev.headline
    assert ev.evidence[0].timex_start == t.start
    assert art.text[ev.evidence[0].start : ev.evidence[0].end] == ev.evidence[0].text


def test_future_cues_make_planned_or_expected() -> None:
    art = article(
        "The summit is slated for June in a northern city. Prices are expected to fall in July.\n",
        published=date(2021, 5, 2),
    )
    ts = [timex(art, "June", *month(2021, 6)), timex(art, "July", *month(2021, 7))]
    by_month = {e.date.earliest.month: e for e in events.extract(art, ts)}
    assert by_month[6].status == "planned"
    assert by_month[7].status == "expected"
    assert by_month[6].date.label() == "Jun 2021"


def test_lead_event_is_dated_at_publication_without_inventing_a_day() -> None:
    art = article(
        "Negotiators from the two parties ended their talks in the capital without a deal.\n\n"
        "More paragraphs follow here with nothing dated.\n",
        published=date(2019, 11, 5),
    )
    [ev] = events.extract(art, [])
    assert ev.status == "occurred"
    assert ev.date.earliest == date(2019, 11, 4) and ev.date.latest == date(2019, 11, 5)
    assert ev.date.granularity == "range"
    assert ev.kind == "talks"


def test_lead_of_an_article_without_publication_date_is_an_undated_event() -> None:
    """No date evidence at all: the lead's news is still an event, a reference without a date by its tense
    (TIMEX3's PAST_REF), with no bound and no invented day, its sentence kept with its offsets."""
    art = article("Negotiators ended their talks without a deal.\n")
    [ev] = events.extract(art, [])
    assert (ev.date.value, ev.date.granularity, ev.date.earliest, ev.date.latest) == (
        "PAST_REF",
        "unknown",
        None,
        None,
    )
    assert ev.date.label() == "undated" and ev.status == "occurred" and ev.lead
    assert "no publication date" in ev.date_how
    [src] = ev.evidence
    assert (src.article, art.text[src.start : src.end]) == ("a", src.text)
    assert src.text.startswith("Negotiators ended")


def test_an_undated_leads_reference_follows_its_tense() -> None:
    cases = {
        "The two ministers are meeting in the capital to discuss fishing rights.\n": (
            "PRESENT_REF",
            "ongoing",
        ),
        "The two ministers will meet in the capital to discuss fishing rights.\n": ("FUTURE_REF", "planned"),
    }
    for text, (value, status) in cases.items():
        [ev] = events.extract(article(text), [])
        assert (ev.date.value, ev.status, ev.date.undated) == (value, status, True), text


def test_a_scheduled_happening_in_an_undated_article_is_undated_too() -> None:
    art = article(
        "Union leaders walked out of the meeting.\n\nBoth sides look ahead to upcoming wage talks in the port.\n"
    )
    [future] = [e for e in events.extract(art, []) if e.status in ("planned", "expected")]
    assert (future.date.value, future.date.undated, future.date.label()) == ("FUTURE_REF", True, "undated")
    assert "upcoming" in future.date_how


def test_an_undated_table_gives_no_event_and_no_error() -> None:
    art = article("Wheat  4.5  5.1\nMaize  3.2  2.9\nBarley 1.1  1.4\n")
    assert events.extract(art, []) == []


def test_a_lead_under_a_publication_bound_is_placed_by_the_bound_alone() -> None:
    from dateline.core.model import DateValue

    art = article("Negotiators from the two parties ended their talks in the capital without a deal.\n")
    art = art.model_copy(update={"published": DateValue.bounded(date(2019, 11, 5), None)})
    [ev] = events.extract(art, [])
    assert ev.status == "occurred" and (ev.date.earliest, ev.date.latest) == (date(2019, 11, 4), None)
    assert ev.date.label() == "after 4 Nov 2019"


def test_upcoming_talks_without_date_become_open_future_event() -> None:
    art = article(
        "Officials met on Monday.\n\nThe sides look ahead to upcoming peace talks in the capital.\n",
        published=date(2018, 4, 4),
    )
    evs = [e for e in events.extract(art, []) if e.status in ("planned", "expected")]
    assert len(evs) == 1
    assert evs[0].date.earliest == date(2018, 4, 4) and evs[0].date.latest is None
    assert evs[0].date.label() == "after 4 Apr 2018"


def test_furniture_is_not_an_event_source() -> None:
    text = "Officials said the vote went smoothly.\n\nPhoto: Jane Roe / Agency, 3 May 2018\n"
    art = article(text, published=date(2018, 5, 4))
    t = timex(art, "3 May 2018", "2018-05-03", "day", date(2018, 5, 3), date(2018, 5, 3), anchored=False)
    assert all(e.evidence[0].timex != t.id for e in events.extract(art, [t]))


def test_tense_and_status_cues() -> None:
    assert tense("the ministers met in the capital") == "past"
    assert tense("the talks have come to an end") == "past"
    assert tense("the ministers will meet again") == "future"
    assert tense("fighting is raging in the north") == "present"
    assert tense("rebels failed to take the town") == "past"  # what was tried, not what is to come
    assert tense("the sides agreed to hold talks") == "future"
    assert tense("the deal was to end soon") == "future"
    assert future_status("the vote is scheduled for May") == "planned"
    assert future_status("growth is expected to slow") == "expected"


def test_headline_cuts_to_the_happening_near_the_date() -> None:
    art = article(
        "The most important outcome of the meeting was a plan by the three neighbours to police "
        "a truce brokered by the regional bloc in March.\n",
        published=date(2022, 6, 1),
    )
    [ev] = events.extract(art, [timex(art, "March", *month(2022, 3))])
    assert ev.headline.startswith("A truce brokered")
    assert len(ev.headline) <= events.HEADLINE_CHARS + 1


def test_headline_replaces_a_leading_pronoun_with_the_nearest_noun_phrase() -> None:
    art = article(
        "The rules of the new inspection agency still have not been written but it is expected to open in May.\n",
        published=date(2022, 1, 10),
    )
    [ev] = events.extract(art, [timex(art, "May", *month(2022, 5))])
    assert ev.headline.startswith("The new inspection agency is expected to open")
    assert ev.status == "expected"


def test_headline_of_an_introductory_date_is_the_main_clause() -> None:
    art = article(
        "Before retiring in 1998, the engineer designed three bridges over the river.\n",
        published=date(2020, 1, 1),
    )
    [ev] = events.extract(
        art, [timex(art, "1998", "1998", "year", date(1998, 1, 1), date(1998, 12, 31), anchored=False)]
    )
    assert ev.headline.startswith("The engineer designed three bridges")


def test_headline_keeps_a_possessive_time_expression() -> None:
    art = article(
        "Officials said this year's harvest was the largest on record.\n", published=date(2020, 9, 1)
    )
    [ev] = events.extract(
        art, [timex(art, "this year", "2020", "year", date(2020, 1, 1), date(2020, 12, 31))]
    )
    assert "this year's harvest" in ev.headline


def test_a_wire_lead_after_its_dateline_is_dated_by_its_own_date() -> None:
    from dateline.core import pipeline
    from dateline.core.model import Article

    text = (
        "Mill workers strike\n\nBy Ann Example\n\n"
        "SPRINGFIELD, March 3 (Wire News) - Mill workers extended their strike on Tuesday after talks "
        "broke down, union leaders said.\n"
    )
    analysis = pipeline.analyse(Article(id="w", text=text, published_given="2026-03-03"))
    [event] = analysis.events
    assert event.date.value == "2026-03-03" and event.status == "occurred"
    assert event.evidence[0].text.startswith("Mill workers extended")  # the dateline is not evidence
    assert event.headline.startswith("Mill workers extended their strike")


def test_a_report_and_what_it_reports_get_their_own_status() -> None:
    from dateline.core import pipeline
    from dateline.core.model import Article

    text = "The agency warned on Tuesday that cases could double by February, officials said."
    analysis = pipeline.analyse(Article(id="r", text=text, published_given="2017-01-24"))  # a Tuesday
    status = {e.date.value: e.status for e in analysis.events}
    assert status == {"2017-01-24": "occurred", "2017-02": "expected"}


def test_the_date_of_an_attribution_is_not_a_second_event() -> None:
    from dateline.core import pipeline
    from dateline.core.model import Article

    text = "An aftershock struck the coast two days ago, officials said on Tuesday."
    analysis = pipeline.analyse(Article(id="q", text=text, published_given="2017-01-24"))
    assert [e.date.value for e in analysis.events] == ["2017-01-22"]
    alone = pipeline.analyse(
        Article(id="r", text="The port reopened, officials said on Tuesday.", published_given="2017-01-24")
    )
    assert [e.date.value for e in alone.events] == ["2017-01-24"]  # the only date there is: kept


def test_tidy_keeps_the_happening_and_drops_dates_clock_times_and_stamps() -> None:
    assert events.tidy("At 18:40 23rd Mar 2010, Jane wrote") == "Jane wrote"
    assert events.tidy("Talks resumed At 20:58 GMT") == "Talks resumed"
    assert events.tidy("May rise sharply") == "May rise sharply"  # the verb, not the month
    assert events.tidy("In June 2009") is None
    assert events.tidy("Monday 1 to Friday 5 March") is None
    assert events.tidy("May/Sep 7.5/8.5 P") is None  # a table row


def test_a_quoted_happening_is_headlined_with_its_speaker() -> None:
    from dateline.core import quotes as quotes_step
    from dateline.core.actors import extract as extract_actors

    text = (
        '"The bridge will reopen on Friday after the repairs," Mayor Lena Ortiz told reporters.\n\n'
        '"Traffic was diverted on Monday through the old town," a witness said.\n'
    )
    art = article(text, published=date(2022, 5, 10))
    tx = [
        timex(art, "on Friday", "2022-05-13", "day", date(2022, 5, 13), date(2022, 5, 13)),
        timex(art, "on Monday", "2022-05-09", "day", date(2022, 5, 9), date(2022, 5, 9)),
    ]
    evs = events.extract(art, tx)
    acts = extract_actors(art)
    qs = quotes_step.extract(art, acts, evs)
    events.attribute_quoted(evs, qs, acts)
    heads = {e.date.value: e.headline for e in evs if e.evidence[0].timex}
    assert heads["2022-05-13"].startswith("Lena Ortiz: ‘") or heads["2022-05-13"].startswith(
        "Mayor Lena Ortiz: ‘"
    )
    assert heads["2022-05-09"].startswith(("Unattributed: ‘", "Witness: ‘", "A witness: ‘"))
    assert not any(h[:1] in "\"'“‘" for h in heads.values())


def _head(text: str, when: str) -> str:
    from dateline.core.text import Segment

    i = text.index(when)
    return events.tidy(events.headline(text, Segment(0, len(text)), i, i + len(when))) or ""


def test_a_headline_never_ends_on_a_word_that_needs_what_follows() -> None:
    # the time expression is left out of a headline, unless the phrase needs it to be whole
    assert _head("The board said the new vote date was April 15.", "April 15").endswith("date was April 15")
    assert _head("Output fell 5 pct compared with 1994, the mill said.", "1994").endswith(
        "compared with 1994"
    )
    assert _head("The ferry line cut fares on Monday.", "on Monday") == "The ferry line cut fares"
    # a date in brackets or at one end of a range stays where it is
    assert "(1999-2003)" in _head("She ran the archive (1999-2003) before she retired.", "1999")
    # a lead is cut at its first clause, not inside "as much as", and a cut never ends on "for" or "the"
    city = events.lead_headline("The city set aside as much as 30 mln dlrs for the new bridge over the bay.")
    assert city.startswith("The city set aside as much as 30 mln dlrs")
    long = "The harbour board approved a plan for the expansion of the northern container terminal for the"
    assert not events.lead_headline(long + " next ten years").rstrip("…").endswith((" for", " the"))


def test_a_sentence_ends_where_furniture_starts() -> None:
    # a wire story's sign-off on the line after its last sentence is no part of that sentence's headline
    from dateline.core import pipeline
    from dateline.core.model import Article

    text = "    HARBOURTOWN, March 3, 1997 - The ferry line said fares will rise on May 1\n Reuter\n"
    found = pipeline.analyse(Article(id="x", text=text)).events
    assert found and not any("Reuter" in e.headline for e in found)
    assert _head("Fares cover the period between May 1 and June 30.", "May 1").endswith(
        "between May 1 and June 30"
    )


@pytest.mark.parametrize("phrase", ["as much as", "as little as", "as far as", "as few as", "as well as"])
def test_a_lead_is_not_cut_inside_a_comparison(phrase: str) -> None:
    head = events.lead_headline(
        f"The city set aside {phrase} the budget allowed on Monday for the old bridge."
    )
    assert head.startswith(f"The city set aside {phrase} the budget")


def test_a_long_headline_never_starts_inside_a_name() -> None:
    text = "Officials said that North Harbour Airlines said its total cargo load increased 39.5 pct compared with March 1986."
    head = _head(text, "March 1986")
    assert head.startswith("North Harbour Airlines said"), head


def test_a_dividend_tables_lines_are_no_events() -> None:
    from dateline.core import pipeline
    from dateline.core.model import Article

    text = "    HARBOURTOWN, March 3, 1997 -\n    Qtly div 12 cts vs 12 cts prior\n    Payable April 1\n    Record March 15\n"
    heads = [e.headline for e in pipeline.analyse(Article(id="x", text=text)).events]
    assert "Record" not in heads and "Payable" not in heads


def test_a_headlines_tail_runs_past_an_abbreviation_but_not_past_its_sentence() -> None:
    head = _head("On Monday the board was questioned by the U.S. Senate panel on fares.", "On Monday")
    assert "U.S. Senate panel" in head
    assert "Fares" not in _head("The board met on Monday. Fares rose.", "on Monday")
