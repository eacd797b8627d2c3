"""Time expressions: spans, values and bounds, resolved against a publication date (DCT)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.core.model import Article, DateValue, Furniture, TimeExpression
from dateline.core.timexes import extract

D = date.fromisoformat


def dct(lo: str, hi: str | None = None) -> DateValue:
    a, b = D(lo), D(hi or lo)
    return DateValue(
        value=lo if a == b else f"{lo}/{hi}", granularity="day" if a == b else "range", earliest=a, latest=b
    )


TUE = dct("2017-01-24")  # a Tuesday
_WORDS = (
    " May 24 ",
    " January ",
    " the end of last ",
    " year ",
    " ago ",
    " 1999-2001 ",
    " a fortnight ",
    " Friday ",
    " the past ",
    " every ",
    " 8 p.m. ",
    " mid-",
    " 2016 ",
    " the 1990s ",
    " quarter ",
    " first half ",
    " 23-24 ",
)


def run(
    text: str, when: DateValue | None = TUE, furniture: list[Furniture] | None = None
) -> list[TimeExpression]:
    return extract(Article(id="a", text=text, furniture=furniture or []), when)


def one(text: str, when: DateValue | None = TUE) -> TimeExpression:
    found = run(text, when)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def by_text(text: str, when: DateValue | None = TUE) -> dict[str, TimeExpression]:
    return {t.text: t for t in run(text, when)}


# --- spans, ids, offsets ------------------------------------------------------------------------------------


def test_offsets_point_at_the_text_and_ids_are_numbered() -> None:
    text = "Talks ended on Monday. More are planned for next week and again in March 2018."
    found = run(text)
    assert [t.text for t in found] == ["Monday", "next week", "March 2018"]
    assert [t.id for t in found] == ["a:t1", "a:t2", "a:t3"]
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.article == "a"


# --- full dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["It happened on January 24, 2017.", "It happened on 24 January 2017.", "It happened on 2017-01-24."],
)
def test_full_dates_need_no_dct(text: str) -> None:
    t = one(text, None)
    assert (t.type, t.value, t.granularity) == ("DATE", "2017-01-24", "day")
    assert t.earliest == t.latest == D("2017-01-24")
    assert not t.anchored


def test_month_day_takes_its_year_from_the_dct() -> None:
    t = one("Voting began on Jan. 20 in the north.", dct("2017-01-24"))
    assert (t.text, t.value, t.anchored) == ("Jan. 20", "2017-01-20", True)


def test_month_day_without_dct_keeps_an_unknown_year() -> None:
    t = one("Voting began on Jan. 20 in the north.", None)
    assert t.value == "XXXX-01-20" and t.earliest is None


def test_a_day_range_in_one_month() -> None:
    t = one("The summit ran 23-24 January in the capital.")
    assert (t.value, t.granularity) == ("2017-01-23/2017-01-24", "range")
    assert (t.earliest, t.latest) == (D("2017-01-23"), D("2017-01-24"))


def test_weekday_range() -> None:
    t = one("Delegates met from Monday to Wednesday.", dct("2017-01-27"))
    assert t.text == "Monday to Wednesday"
    assert (t.earliest, t.latest) == (D("2017-01-23"), D("2017-01-25"))


# --- never invent a day --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices fell in February 2016.", ("2016-02", "month", D("2016-02-01"), D("2016-02-29"))),
        ("Prices fell in 2016.", ("2016", "year", D("2016-01-01"), D("2016-12-31"))),
    ],
)
def test_month_and_year_stay_at_their_granularity(text: str, expected: tuple) -> None:
    t = one(text)
    assert (t.value, t.granularity, t.earliest, t.latest) == expected


# --- months without a year: the tense decides --------------------------------------------------------------


def test_future_month_is_the_coming_one() -> None:
    t = one("The new body is expected to begin its work in February.")
    assert (t.value, t.earliest, t.latest, t.anchored) == ("2017-02", D("2017-02-01"), D("2017-02-28"), True)


def test_month_slated_for_is_future() -> None:
    assert one("Further talks, slated for February, will follow.").value == "2017-02"


def test_past_month_is_the_previous_one() -> None:
    assert one("Exports rose sharply in November, officials said.").value == "2016-11"
    assert one("Exports will rise in November, officials say.").value == "2017-11"


def test_month_without_dct_is_unresolved() -> None:
    t = one("The body is expected to begin its work in February.", None)
    assert (t.value, t.granularity, t.earliest, t.latest, t.anchored) == (
        "XXXX-02",
        "month",
        None,
        None,
        False,
    )


# --- weekdays ------------------------------------------------------------------------------------------------


def test_weekday_past_and_future() -> None:
    assert one("The minister resigned on Friday.").value == "2017-01-20"
    assert one("The minister will resign on Friday.").value == "2017-01-27"
    same = one("The minister spoke on Tuesday.")
    assert (same.value, same.granularity) == ("2017-01-24", "day")


def test_last_and_next_weekday() -> None:
    found = by_text("He left last Monday and returns next Monday.")
    assert found["last Monday"].value == "2017-01-23"
    assert found["next Monday"].value == "2017-01-30"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The two sisters could not be reached Wednesday.", "2017-01-18"),
        ("A spokesman couldn't say on Friday why the line was cut.", "2017-01-20"),
        ("A deal could be struck by Friday, aides say.", "2017-01-27"),  # no "not": what may come
        ("The landlord has until Friday to answer the court.", "2017-01-27"),
        ("Officials gave the tenants until Monday to leave.", "2017-01-30"),
        ("The ministry extended the deadline until Thursday.", "2017-01-26"),
        ("The ferry strike lasted until Sunday.", "2017-01-22"),  # an end, not a deadline
        ("It was not until Monday that the mayor spoke.", "2017-01-23"),
    ],
)
def test_weekday_direction_under_could_not_and_deadlines(text: str, value: str) -> None:
    assert one(text).value == value


def test_a_date_a_change_takes_effect_on_is_ahead() -> None:
    """The announcing is past, the change to come: "effective" points to the coming repetition."""
    found = run("The board named a new treasurer, effective June 30. The mill closed on June 30.")
    assert [t.value for t in found] == ["2017-06-30", "2016-06-30"]


@pytest.mark.parametrize(
    ("text", "when", "span", "value"),
    [
        ("The nurse was attacked last Oct. 23 near her home.", TUE, "Oct. 23", "2016-10-23"),
        ("The nurse was attacked last Oct. 23 near her home.", dct("2017-09-01"), "Oct. 23", "2016-10-23"),
        ("The mill shut last March 2 and never reopened.", TUE, "March 2", "2016-03-02"),
        ("The mill shut last March 2 and never reopened.", dct("2017-03-05"), "March 2", "2017-03-02"),
        ("The bridge will reopen next March 5.", dct("2017-03-09"), "March 5", "2018-03-05"),
    ],
)
def test_last_and_next_month_day_keep_the_day(text: str, when: DateValue, span: str, value: str) -> None:
    """TimeML leaves "last"/"next" out of the span: the word only says which repetition of the day it is."""
    t = one(text, when)
    assert (t.text, t.value, t.granularity) == (span, value, "day")


# --- relative to the DCT -------------------------------------------------------------------------------------


def test_last_week_is_the_previous_iso_week() -> None:
    t = one("Fighting flared last week near the border.")
    assert (t.value, t.granularity) == ("2017-W03", "week")
    assert (t.earliest, t.latest) == (D("2017-01-16"), D("2017-01-22"))


def test_last_month_this_month_next_year() -> None:
    found = by_text("An accord made last month held this month and may last until next year.")
    assert found["last month"].value == "2016-12"
    assert (found["last month"].earliest, found["last month"].latest) == (D("2016-12-01"), D("2016-12-31"))
    assert found["this month"].value == "2017-01"
    assert found["next year"].value == "2018"


def test_end_of_last_year() -> None:
    t = one("A truce was agreed at the end of last year.")
    assert (t.text, t.value, t.mod) == ("the end of last year", "2016", "END")
    assert t.earliest is not None and t.latest is not None
    assert D("2016-09-01") <= t.earliest <= t.latest <= D("2016-12-31")


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("mid-January", ("2017-01", "MID", D("2017-01-11"), D("2017-01-20"))),
        ("early 2017", ("2017", "START", D("2017-01-01"), D("2017-04-30"))),
        ("late 2018", ("2018", "END", D("2018-09-01"), D("2018-12-31"))),
    ],
)
def test_early_mid_late(span: str, expected: tuple) -> None:
    t = by_text("Output dipped in mid-January and should recover in early 2017 and late 2018.")[span]
    assert (t.value, t.mod, t.earliest, t.latest) == expected


def test_today_widens_over_a_dct_range() -> None:
    t = one("What was decided today matters.", dct("2017-01-24", "2017-01-25"))
    assert (t.value, t.earliest, t.latest) == ("2017-01-24", D("2017-01-24"), D("2017-01-25"))


def test_yesterday_tomorrow_tonight_this_morning() -> None:
    found = by_text("Rain fell yesterday and this morning; more is due tonight and tomorrow.")
    assert found["yesterday"].value == "2017-01-23"
    assert (found["this morning"].type, found["this morning"].value) == ("TIME", "2017-01-24TMO")
    assert found["tonight"].value == "2017-01-24TNI"
    assert found["tomorrow"].value == "2017-01-25"


def test_years_ago() -> None:
    t = one("The plant closed two years ago.")
    assert (t.text, t.value, t.granularity) == ("two years ago", "2015", "year")


def test_decade_and_century() -> None:
    found = by_text("Built in the 1990s, it recalls the 20th century.", None)
    assert (found["the 1990s"].value, found["the 1990s"].earliest) == ("199", D("1990-01-01"))
    assert found["the 20th century"].value == "19"


def test_quarters() -> None:
    found = by_text("Profit rose in the fourth quarter of 2016 and last quarter.", dct("2017-05-10"))
    assert found["the fourth quarter of 2016"].value == "2016-Q4"
    assert found["last quarter"].value == "2017-Q1"


# --- present, past and future references --------------------------------------------------------------------


def test_present_past_future_refs() -> None:
    found = by_text(
        "It is now calm, and currently quiet. It rained recently and in the past. In the future, who knows."
    )
    assert found["now"].value == found["currently"].value == "PRESENT_REF"
    assert one("Trains run again now that the snow has melted.").value == "PRESENT_REF"
    past = found["recently"]
    assert (past.value, past.earliest, past.latest) == ("PAST_REF", None, D("2017-01-24"))
    assert found["the past"].value == "PAST_REF"
    fut = found["the future"]
    assert (fut.value, fut.earliest, fut.latest) == ("FUTURE_REF", D("2017-01-24"), None)


# --- durations and sets --------------------------------------------------------------------------------------


def test_durations() -> None:
    found = by_text("He served three years, then more than a decade abroad.")
    assert (found["three years"].type, found["three years"].value) == ("DURATION", "P3Y")
    assert found["three years"].earliest is None
    decade = found["more than a decade"]
    assert (decade.value, decade.mod) == ("P10Y", "MORE_THAN")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The vigil went on for twenty four hours.", "twenty four hours", "PT24H"),
        ("Crews worked thirty five days without rest.", "thirty five days", "P35D"),
        ("Villagers ended the eight-year feud.", "eight-year", "P8Y"),
        ("Unions called off the 30-day walkout.", "30-day", "P30D"),
        ("Sales rose over the six months of the trial.", "the six months", "P6M"),
    ],
)
def test_spelled_compound_numbers_and_adjectival_durations(text: str, span: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value) == (span, value)


def test_the_definite_year_is_the_story_s_year() -> None:
    found = by_text("For the year, volume was flat; profit for the year ended June 30 rose.")
    assert (found["the year"].type, found["the year"].value) == ("DURATION", "P1Y")  # the year ended June 30
    assert [t.value for t in run("For the year, volume was flat.")] == ["2017"]
    assert run("It was the best film of the year. The year before, none was made.") == []


def test_anchored_duration() -> None:
    t = one("Prices fell over the past two weeks.")
    assert (t.text, t.value) == ("the past two weeks", "P2W")
    assert (t.earliest, t.latest, t.anchored) == (D("2017-01-10"), D("2017-01-24"), True)


def test_sets() -> None:
    found = by_text("They meet every week, publish weekly and report each month.")
    assert {k: (v.type, v.value) for k, v in found.items()} == {
        "every week": ("SET", "P1W"),
        "weekly": ("SET", "P1W"),
        "each month": ("SET", "P1M"),
    }


def test_weekday_parts_of_day_as_sets() -> None:
    """A plural part of a weekday recurs; a plural shared by two weekdays makes both recur."""
    found = by_text("The bakery opens late on Friday and Saturday nights, and every Sunday morning.")
    assert {k: (v.type, v.value) for k, v in found.items()} == {
        "Friday": ("SET", "XXXX-WXX-5TNI"),
        "Saturday nights": ("SET", "XXXX-WXX-6TNI"),
        "every Sunday morning": ("SET", "XXXX-WXX-7TMO"),
    }
    one_night = one("The bakery opened late on Friday night.")
    assert (one_night.type, one_night.value) == ("TIME", "2017-01-20TNI")


# --- traps ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We hope that we can agree, and we will.",
        "The rebels may agree, or they may not.",
        "Protesters march on the capital; they will march again.",
        "The council adopted Resolution 2254 unanimously.",
        "It sent an estimated 15-25,000 fighters.",
        "The painting sold for $1987 at auction.",
        "Call 555-2017 or 020 7946 2016 for details.",
        "Upgrade to version 2.1 or Python 3.11 first.",
        "It was the second attempt in a second round.",
        "She writes for the Sunday Times.",
        "Support rose to 2016% in one poll and 20 percent in another.",
        "A 22-year-old man and his 45-year-old father were hurt.",
        "The firm shipped 2010 tonnes of steel.",
        "Theresa May met the press.",
        "The present government survived the fall in oil prices.",
    ],
)
def test_traps_yield_nothing(text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The colony was declared free on July 4, 1776, in the hall.", {"July 4, 1776": "1776-07-04"}),
        ("The fort fell on 18 June 1815 near the river.", {"18 June 1815": "1815-06-18"}),
        ("Troops froze in the winter of 1812.", {"winter of 1812": "1812-WI"}),
        ("The abbey was sacked in 1527 and rebuilt by 1600.", {"1527": "1527", "1600": "1600"}),
        ("Plague struck between 1665 and 1666.", {"1665": "1665", "1666": "1666"}),
        ("The March 1500 contracts rose.", {}),  # a strike price, not a year
        ("Trading resumed on March 3 1900 GMT.", {"March 3": "2017-03-03", "1900 GMT": "2017-01-24T19:00"}),
    ],
)
def test_dates_of_long_ago(text: str, expected: dict[str, str]) -> None:
    assert {t.text: t.value for t in run(text)} == expected


def test_bare_year_needs_a_year_context() -> None:
    assert [t.value for t in run("Since 2001 the town has grown; in 1987 it was small.")] == ["2001", "1987"]
    assert run("Flight 2001 landed at gate 1987 safely.") == []


def test_may_and_march_as_months_with_context() -> None:
    found = by_text("The vote was held in May, and the march began in March 2016.")
    assert found["May"].value == "2016-05"
    assert found["March 2016"].value == "2016-03"
    assert "march" not in found


# --- page furniture ------------------------------------------------------------------------------------------


def test_furniture_is_skipped_but_captions_are_read() -> None:
    caption = "Delegates meet in the capital on January 24, 2017."
    credit = "Photo: Agency, February 3, 2015"
    body = "Talks resumed yesterday."
    text = f"{caption}\n\n{credit}\n\n{body}"
    c2 = text.index(credit)
    furniture = [
        Furniture(start=0, end=len(caption), kind="caption"),
        Furniture(start=c2, end=c2 + len(credit), kind="credit"),
    ]
    found = run(text, None, furniture)
    assert [t.text for t in found] == ["January 24, 2017", "yesterday"]
    assert found[0].granularity == "day" and not found[0].anchored


def test_rate_versus_point_in_the_past() -> None:
    found = by_text("It pays 5 dlrs a day, up from 4 dlrs a year earlier.")
    assert (found["a day"].type, found["a day"].value) == ("SET", "P1D")
    assert (found["a year earlier"].type, found["a year earlier"].value) == ("DATE", "2016")


def test_ago_with_odd_units() -> None:
    found = by_text("He left a fortnight ago, three nights ago and 5 hours ago.")
    assert (found["a fortnight ago"].value, found["a fortnight ago"].granularity) == ("2017-W02", "week")
    assert found["three nights ago"].value == "2017-01-21"
    assert found["5 hours ago"].earliest == D("2017-01-24")


_PIECES = st.sampled_from(list("0123456789 -,./:'aAmMpsyeJFTWQ")) | st.sampled_from(_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for when in (TUE, None):
        for t in run(text, when):
            assert text[t.start : t.end] == t.text and t.text.strip() == t.text
            if t.earliest and t.latest:
                assert t.earliest <= t.latest


# --- 24-hour clock times are never years --------------------------------------------------------------------

WED = dct("2019-05-15")  # a Wednesday


def test_midday_and_mid_afternoon_are_times_only_after_a_preposition() -> None:
    found = by_text("By mid-afternoon the square was empty; the court sits at midday tomorrow.")
    assert (
        found["mid-afternoon"].value == "2017-01-24TAF"
        and found["midday tomorrow"].value == "2017-01-25T12:00"
    )
    assert run("The midday meal and the mid-morning break were cut.") == []


def test_a_clock_time_and_its_other_zone_in_brackets_share_the_day_after_them() -> None:
    found = by_text("The quake hit at 14:30 local time (0530 GMT) on Saturday, officials said.")
    assert (found["14:30 local time"].value, found["0530 GMT"].value) == (
        "2017-01-21T14:30",
        "2017-01-21T05:30",
    )
    # a full stop ends the clock's sentence: the next one's weekday is not its day
    found = by_text("The ferry left at 9 a.m. (local time). Saturday was calm.")
    assert found["9 a.m."].value == "2017-01-24T09:00"


def test_a_four_digit_clock_range_is_two_times_not_a_year() -> None:
    found = run("Trading will run from 1800 to 2100 hrs local time (2300 to 0200 gmt).", WED)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("1800", "TIME", "2019-05-15T18:00"),
        ("2100 hrs local time", "TIME", "2019-05-15T21:00"),
        ("2300", "TIME", "2019-05-15T23:00"),
        ("0200 gmt", "TIME", "2019-05-16T02:00"),  # past midnight: the next day
    ]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The blast came at 0345 GMT on Friday.", "0345 GMT on Friday", "2019-05-10T03:45"),
        ("The board meets at 1900 hours.", "1900 hours", "2019-05-15T19:00"),
        ("A vote was set for 1900 hours.", "1900 hours", "2019-05-15T19:00"),
        ("Markets reopen at 0930 local time.", "0930 local time", "2019-05-15T09:30"),
        ("The offer expired at 2000 EST yesterday.", "2000 EST yesterday", "2019-05-14T20:00"),
    ],
)
def test_four_digit_clock_times(text: str, span: str, value: str) -> None:
    t = one(text, WED)
    assert (t.text, t.type, t.value) == (span, "TIME", value)


@pytest.mark.parametrize(
    "text",
    ["A vote was held for 1900 hours.", "Pilots flew 1200 hours last season.", "Shops shut at 2000 local."],
)
def test_numbers_before_hours_are_not_years(text: str) -> None:
    assert all(t.type != "DATE" or not t.value.isdigit() for t in run(text, WED))


def test_a_year_before_a_comma_is_still_a_year() -> None:
    assert one("The mill opened in 1900, the guide said.", WED).value == "1900"


# --- levels far from the DCT are not years ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["The index ended at a closing figure of 1841.", "Shares rose to levels around 2090 on Tuesday."]
)
def test_a_level_far_from_the_dct_is_not_a_year(text: str) -> None:
    assert not [t for t in run(text, dct("1990-06-01")) if t.granularity == "year"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The mill was built in 1841.", "1841"),
        ("The rules date from the Banking Act of 1862.", "1862"),
        ("The lease runs until the year 2090.", "2090"),
        ("Prices hit a record in 1929.", "1929"),
    ],
)
def test_old_and_distant_years_with_year_context_stay(text: str, value: str) -> None:
    assert one(text, dct("1990-06-01")).value == value


# --- a following "next week" / "last year" governs a weekday or a month ------------------------------------


def test_next_week_governs_a_weekday_range() -> None:
    found = by_text("The hearings run from Monday to Wednesday next week.", WED)
    t = found["Monday to Wednesday"]
    assert (t.earliest, t.latest) == (D("2019-05-20"), D("2019-05-22"))
    assert found["next week"].value == "2019-W21"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("She arrived on Monday last week.", "2019-05-06"),
        ("The fair opens Friday of this week.", "2019-05-17"),
        ("The fair opened on Tuesday next week.", "2019-05-21"),
    ],
)
def test_a_following_week_governs_a_weekday(text: str, day: str) -> None:
    wd = [t for t in run(text, WED) if t.granularity == "day"]
    assert [t.value for t in wd] == [day]


def test_a_possessive_week_does_not_govern() -> None:
    t = run("He said Monday next week's vote matters.", WED)[0]
    assert (t.text, t.value) == ("Monday", "2019-05-13")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Sales rose from 3 mln in February last year.", "February last year", "2018-02"),
        ("Exports fell in May of last year.", "May of last year", "2018-05"),
        ("The line will open in March next year.", "March next year", "2020-03"),
        ("It was sold on July 1 last year.", "July 1 last year", "2018-07-01"),
        ("Prices rose from January to March last year.", "January to March", "2018-01/2018-03"),
        ("Sales slowed in the summer of last year.", "summer of last year", "2018-SU"),
    ],
)
def test_a_following_relative_year_governs_a_month_and_belongs_to_it(
    text: str, span: str, value: str
) -> None:
    found = by_text(text, WED)
    assert found[span].value == value
    assert found[span].anchored


# --- "year-end 1985", "end-March" ---------------------------------------------------------------------------


def test_year_end_with_a_year() -> None:
    t = one("Reserves stood at 5 mln at year-end 2016.", WED)
    assert (t.text, t.value, t.mod) == ("year-end 2016", "2016", "END")
    assert (t.earliest, t.latest) == (D("2016-09-01"), D("2016-12-31"))


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Debt was 4 bln at end-2018.", "end-2018", "2018"),
        ("Stocks were high at end-March.", "end-March", "2019-03"),
    ],
)
def test_end_hyphen_is_a_premodifier(text: str, span: str, value: str) -> None:
    t = one(text, WED)
    assert (t.text, t.value, t.mod) == (span, value, "END")


# --- "daily" the newspaper ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The daily said prices rose.",
        "The business daily Nordpost reported the deal.",
        "He told the weekly Ostkurier in an interview.",
        "A local daily newspaper ran the story.",
    ],
)
def test_a_newspaper_called_daily_is_not_a_set(text: str) -> None:
    assert not [t for t in run(text, WED) if t.type == "SET"]


@pytest.mark.parametrize(
    "text",
    [
        "Output is 300 tonnes daily.",
        "It flies three daily Lisbon flights.",
        "The weekly U.S. export data rose.",
    ],
)
def test_daily_as_a_rate_stays_a_set(text: str) -> None:
    assert [t.type for t in run(text, WED)] == ["SET"]


def test_last_month_name_contrasted_with_the_same_month_is_a_year_earlier() -> None:
    found = by_text("April sales rose to 9 mln from 7 mln last April.", dct("2019-05-10"))
    assert found["April"].value == "2019-04"
    assert found["last April"].value == "2018-04"


def test_last_month_name_alone_is_the_latest_past_one() -> None:
    assert one("The plan, first outlined last April, was revised.", dct("2019-05-10")).value == "2019-04"


def test_a_weekday_list_shares_the_following_week() -> None:
    found = run("The papers will be sent on Monday or Tuesday next week.", WED)
    assert [t.value for t in found] == ["2019-05-20", "2019-05-21", "2019-W21"]


def test_a_number_word_before_a_hyphenated_unit_is_not_a_day() -> None:
    found = run("The February three-month average rose.", WED)
    assert [(t.text, t.value) for t in found] == [("February", "2019-02"), ("three-month", "P3M")]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("March 3 was busy.", ["March 3"]),  # the first word of the text
        ("(March 3) and May-June 2018", ["March 3", "May-June 2018"]),
        ("xMarch 3 and éMarch 3 and _March 3", []),  # anchors start words, whatever the script
        ("«March 3» — “March 4”", ["March 3", "March 4"]),
    ],
)
def test_anchors_start_words(text: str, spans: list[str]) -> None:
    assert [t.text for t in run(text)] == spans


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The dividend is payable April One to holders.", "April One", "2019-04-01"),
        ("Record June Five.", "June Five", "2019-06-05"),
        ("The offer expires July Nine, 2019.", "July Nine, 2019", "2019-07-09"),
    ],
)
def test_a_capitalised_number_word_is_a_day(text: str, span: str, value: str) -> None:
    t = one(text, WED)
    assert (t.text, t.value) == (span, value)


def test_as_early_as_a_year_is_a_year_but_as_many_as_a_number_is_not() -> None:
    def years(text: str) -> list[str]:
        return [t.value for t in extract(Article(id="x", text=text), TUE)]

    assert years("Construction could begin as early as 2019 if the plan is approved.") == ["2019"]
    assert "2012" in years("The species was seen as recently as 2012 in the north.")
    assert years("As many as 2000 workers joined the protest.") == []


def test_the_year_after_a_part_of_it_however_spaced() -> None:
    # wire copy often sets two spaces between words: "the year" is still the story's year
    assert "the year" in by_text("Output rose in the first nine months of  the year.")
    assert "the year" not in by_text("She was named woman of  the year.")
