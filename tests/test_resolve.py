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


# --- normalisation classes (point 3 of issue 10), on sentences written for these tests -----------------------


def values(text: str, anchor: str) -> dict[str, str]:
    return {t.text: t.value for t in timexes.extract(Article(id="a", text=text), day(anchor))}


def test_a_year_earlier_is_the_narrative_period_a_year_before() -> None:
    text = (
        "Fourth-quarter profit at the mill rose to $9 million from $7 million a year earlier. "
        "Sales in the quarter fell, and profit in the year-earlier quarter was lower than in the latest quarter."
    )
    found = values(text, "2015-01-20")
    assert found["Fourth-quarter"] == "2014-Q4"
    assert found["a year earlier"] == "2013-Q4"
    assert found["the quarter"] == "2014-Q4"  # the narrative's quarter, not one a year back
    assert found["the year-earlier quarter"] == "2013-Q4"
    assert found["the latest quarter"] == "2014-Q4"


def test_a_year_earlier_without_a_narrative_is_the_year_before() -> None:
    assert values("Wages were 3% higher than a year earlier.", "2015-06-10")["a year earlier"] == "2014"
    assert "a year" in values("The ship came a year earlier than planned.", "2015-06-10")  # a comparison


@pytest.mark.parametrize(
    ("text", "anchor", "span", "value"),
    [
        # a quarter named alone is the one reported; in the future tense about results, the quarter just
        # ended, not next year's
        ("The firm will release third-quarter results next week.", "2015-10-20", "third-quarter", "2015-Q3"),
        ("The plant will be sold in the first quarter.", "2015-10-20", "the first quarter", "2016-Q1"),
        # a past month far back yields to the coming one when close
        ("The board gave the bidders until mid-November to reply.", "2015-10-28", "mid-November", "2015-11"),
        ("Exports rose sharply in March, officials said.", "2015-10-28", "March", "2015-03"),
        # a day keeps its tense however far: the year ended March 31 is behind
        ("Revenue for the year ended March 31 fell.", "2015-11-01", "March 31", "2015-03-31"),
        # named days
        ("Stores open late before Christmas Eve.", "2015-12-01", "Christmas Eve", "2015-12-24"),
        ("The parade was held on Thanksgiving Day.", "2016-01-10", "Thanksgiving Day", "2015-11-26"),
        ("Fasting ended with Ramadan 2015.", "2016-01-10", "Ramadan 2015", "2015-06-18/2015-07-17"),
        ("Churches filled on Good Friday.", "2016-04-01", "Good Friday", "2016-03-25"),
    ],
)
def test_a_date_resolves_against_the_anchor(text: str, anchor: str, span: str, value: str) -> None:
    assert values(text, anchor)[span] == value


def test_spelled_out_years() -> None:
    assert (
        values("The dam was finished in nineteen fifty-eight.", "2015-06-10")["nineteen fifty-eight"]
        == "1958"
    )
    assert (
        values("Plans for the year two thousand are ready.", "1998-06-10")["the year two thousand"] == "2000"
    )
    assert values("Two thousand people marched.", "2015-06-10") == {}


def test_frequency_words_before_a_noun_are_not_sets() -> None:
    assert values("The bank raised its quarterly dividend.", "2015-06-10") == {}
    assert values("The reserve is adjusted quarterly.", "2015-06-10") == {"quarterly": "P3M"}


def test_years_used_as_modifiers() -> None:
    found = values("He recalled the 1996 Olympic bombing and the company's 1989 results.", "2015-06-10")
    assert found == {"1996": "1996", "1989": "1989"}


def test_a_day_or_month_named_with_last_year_is_one_expression() -> None:
    found = values("Sales fell in June last year and rose on March 5 of this year.", "2015-06-10")
    assert found == {"June last year": "2014-06", "March 5 of this year": "2015-03-05"}


def test_a_clock_time_with_its_day() -> None:
    assert values("The offer expires at 5 p.m. EST Nov. 12.", "2015-11-02") == {
        "5 p.m. EST Nov. 12": "2015-11-12T17:00"
    }


def test_the_weekend_and_the_year_ended() -> None:
    found = values("Talks went on over the weekend. Profit for the year ended March 31 rose.", "2015-06-09")
    assert found == {"the weekend": "2015-W23-WE", "the year": "P1Y", "March 31": "2015-03-31"}


def test_halves_of_units() -> None:
    found = values("They waited 2 1/2 years, then talked for five and a half hours.", "2015-06-09")
    assert found == {"2 1/2 years": "P2Y6M", "five and a half hours": "PT5H30M"}


def test_names_that_look_like_dates_are_not() -> None:
    assert values("He spoke on ABC's This Week about the vote.", "2015-06-09") == {}
    assert values("Iraq imports about three-quarters of its food.", "2015-06-09") == {}


def test_a_capitalised_deictic_word_after_a_name() -> None:
    assert values("He flew to Hong Kong. Today he meets the board.", "2015-06-09") == {"Today": "2015-06-09"}
    assert values("He writes for USA Today on Mondays.", "2015-06-09") == {"Mondays": "XXXX-WXX-1"}
    assert values("The day after tomorrow the vote opens.", "2015-06-09") == {
        "The day after tomorrow": "2015-06-11"
    }


def test_that_year_and_the_following_month_count_from_the_narrative() -> None:
    text = "The mill opened in March 1996. It closed the following year, and that month a strike began."
    found = values(text, "2015-06-09")
    assert found["the following year"] == "1997" and found["that month"] == "1996-03"
    # no narrative to count from: left out rather than guessed
    assert "that day" not in values("Nobody knew what happened that day.", "2015-06-09")


def test_the_next_day_and_the_day_before_count_from_the_narrative_day() -> None:
    text = "The levee broke on Aug. 29, 2005. The next day, boats arrived. The day before, crews had left."
    found = values(text, "2015-06-09")
    assert found["The next day"] == "2005-08-30" and found["The day before"] == "2005-08-28"
    # "the day before" a happening counts from no date; with only a year to count from, no day is guessed
    assert values("He was seen on Monday, the day before the raid.", "2015-06-09") == {"Monday": "2015-06-08"}
    assert values("The mill shut in 1996. The next day, the town was quiet.", "2015-06-09") == {
        "1996": "1996"
    }


def test_decades_and_halves_in_words() -> None:
    found = values("Rents rose through the nineties and in the last half of 1999.", "2015-06-09")
    assert found == {"the nineties": "199", "the last half of 1999": "1999-H2"}
    assert values("The Jan Kavan plan was adopted at high noon.", "2015-06-09") == {}


def test_about_just_only_and_over_stay_out_of_a_duration_but_keep_its_modifier() -> None:
    found = timexes.extract(Article(id="a", text="The talks lasted about five hours."), day("2015-06-09"))
    assert [(t.text, t.value, t.mod) for t in found] == [("five hours", "PT5H", "APPROX")]


def test_a_weekday_after_next_to_is_not_ahead() -> None:
    # "next to" names a place: the sentence stays in the past, so the Friday is the one just gone
    found = values("A fire broke out in a depot next to the station on Friday.", "2016-03-09")
    assert found == {"Friday": "2016-03-04"}
    assert values("The ferry will dock next to the pier on Friday.", "2016-03-09") == {"Friday": "2016-03-11"}


def test_a_schedule_told_in_the_pluperfect_has_passed() -> None:
    # "had been due to" / "had been set to": the day was ahead only of a past already gone by
    assert values("The permit had been due to lapse on Friday.", "2016-03-09") == {"Friday": "2016-03-04"}
    found = values("The strike had been set to end at noon Friday.", "2016-03-09")
    assert found == {"noon Friday": "2016-03-04T12:00"}
    # without "had", the schedule still looks ahead; "had" elsewhere in the sentence does not turn it
    assert values("The permit is due to lapse on Friday.", "2016-03-09") == {"Friday": "2016-03-11"}
    found = values(
        "The sale, which had been expected, is part of a plan to repay the loan by June.", "2016-03-09"
    )
    assert found == {"June": "2016-06"}


def test_a_duration_keeps_its_length_through_a_qualifier() -> None:
    # "more", "additional", "trading", "straight": the count is of the unit all the same
    text = "The ferry service will run for three more weeks after prices rose for five straight days."
    assert values(text, "2016-03-09") == {"three more weeks": "P3W", "five straight days": "P5D"}
    text = "Holders have ten business days to reply, and the lease may run an additional year."
    assert values(text, "2016-03-09") == {"ten business days": "P10D", "an additional year": "P1Y"}
    # a qualifier alone is no duration
    assert values("He tried one more time after a full day.", "2016-03-09") == {"a full day": "P1D"}


def test_every_month_name_is_a_set() -> None:
    text = "The herders move south every October; the market will close in December."
    assert values(text, "2016-03-09") == {"every October": "XXXX-10", "December": "2016-12"}
    assert values("Each April, the river floods.", "2016-03-09") == {"Each April": "XXXX-04"}


def test_a_year_between_two_words_is_a_year() -> None:
    text = "The firm reported 2011 net income of $4 million and sold notes due 2019 through a bank group."
    assert values(text, "2012-03-01") == {"2011": "2011", "2019": "2019"}
    assert values("She lost her bitter 2008 race for mayor.", "2012-03-01") == {"2008": "2008"}
    # what a number counts, a name before it, or a level it stands at keep it a number
    assert values("The mill employs 1950 workers.", "2012-03-01") == {}
    assert values("He flew on Flight 2011 to Oslo.", "2012-03-01") == {}


def test_a_magazine_is_not_a_duration() -> None:
    assert values("He read a Business Week story on it.", "2012-03-01") == {}


def test_years_before_1800() -> None:
    text = "The fort was built in 1642 and rebuilt after a fire in 1703 and again in 1850."
    assert values(text, "2016-03-09") == {"1642": "1642", "1703": "1703", "1850": "1850"}
    # a number of that size followed by what it counts, a level, or a clock time is none
    assert values("Output rose to 1500 tonnes in March.", "2016-03-09") == {"March": "2016-03"}
    assert values("The index closed at 1742 on Friday.", "2016-03-09") == {"Friday": "2016-03-04"}
    assert values("The talks resume at 1600 GMT.", "2016-03-09") == {"1600 GMT": "2016-03-09T16:00"}


def test_clock_times_glued_to_am_pm_and_told_with_the_part_of_the_day() -> None:
    text = "Gates open at 10:30am and the match kicks off at 3pm on Saturday."
    assert values(text, "2016-03-09") == {
        "10:30am": "2016-03-09T10:30",
        "3pm on Saturday": "2016-03-05T15:00",
    }
    text = "The raid began at four in the morning and ended at 3 o'clock in the afternoon."
    assert values(text, "2016-03-09") == {
        "four in the morning": "2016-03-09T04:00",
        "3 o'clock in the afternoon": "2016-03-09T15:00",
    }
    assert values("The curfew starts at 11 at night.", "2016-03-09") == {"11 at night": "2016-03-09T23:00"}
    # a count before "in the morning" is no clock time
    assert values("Two in the morning session were absent.", "2016-03-09") == {}


def test_that_day_after_a_clock_time_is_the_clock_times_day() -> None:
    out = values("The dam burst at 04:10 GMT on Sunday. Crews arrived that day.", "2015-06-09")
    assert out["that day"] == "2015-06-07"


def test_a_happenings_name_carries_its_year() -> None:
    out = values("The Pacific Games 2027 open in the capital; Expo 2030 follows.", "2015-06-09")
    assert out == {"2027": "2027", "2030": "2030"}
    assert values("The office still runs Windows 2000 on its servers.", "2015-06-09") == {}
