"""Publication date inferred by weighing the article's own evidence, then the loaded articles' years."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.core import clean, pipeline, published, timexes
from dateline.core.model import Article, DateValue

D = date.fromisoformat


def infer(text: str, **kw) -> Article:
    article = clean.clean(Article(id=kw.pop("aid", "x"), text=text, **kw))
    return published.infer(article, timexes.find(article))


def window(article: Article) -> tuple[date | None, date | None] | None:
    pub = article.published
    return None if pub is None else (pub.earliest, pub.latest)


# --- metadata and pins ------------------------------------------------------------------------------------


def test_metadata_wins_over_text() -> None:
    dated = infer("It happened on May 5, 2001.", published_given="2001-05-07")
    assert window(dated) == (D("2001-05-07"), D("2001-05-07"))
    assert dated.published_how == "metadata" and dated.published_confidence == 1.0


def test_caption_date_dates_an_article_without_metadata() -> None:
    caption = "Farmers gather at the market in the old town on March 3, 2019."
    text = (
        f"Harvest talks end without a deal\n\n{caption}\n{caption}\n\n"
        "Negotiators left the town today after two days of talks. A new round is planned for April."
    )
    article = clean.clean(Article(id="x", text=text))
    assert any(f.kind == "caption" for f in article.furniture)
    dated = published.infer(article, timexes.find(article))
    assert window(dated) == (D("2019-03-03"), D("2019-03-04"))
    assert "caption" in dated.published_how
    # with the DCT known, relative expressions resolve against it
    found = {t.text: t for t in timexes.extract(dated, dated.published)}
    assert found["today"].earliest == D("2019-03-03")
    assert found["April"].value == "2019-04"


def test_a_page_date_line_dates_the_page() -> None:
    text = (
        "Harbour wall gives way\n\nPublished: 4 May 2021 at 9:10 AM | Updated 3 hours ago\n\nThe wall fell."
    )
    dated = infer(text)
    assert window(dated) == (D("2021-05-04"), D("2021-05-04"))
    bare = infer("Harbour wall gives way\n\nTuesday, May 4, 2021\n\nThe old harbour wall fell in a storm.")
    assert window(bare) == (D("2021-05-04"), D("2021-05-04"))


def test_a_wrapped_sentence_starting_with_a_date_is_no_page_date() -> None:
    text = (
        "The harbour board said the loans had been agreed by the lenders at a meeting on\n"
        "March 2, 2011.\nIt gave no other detail."
    )
    assert "page date" not in infer(text).published_how


def test_a_dateline_with_its_year_dates_the_story_give_or_take_a_day() -> None:
    dated = infer("LISBON, March 3, 2021 (Reuters) - The central bank held rates, it said.")
    assert window(dated) == (D("2021-03-02"), D("2021-03-04"))
    assert "dateline" in dated.published_how


def test_a_year_less_dateline_alone_leaves_the_story_undated() -> None:
    dated = infer("OSLO, March 3 - The central bank held its key rate, it said.")
    assert dated.published is None and dated.published_how == "unknown"


# --- the year: tense, weekdays, the loaded articles ----------------------------------------------------------


def test_years_reported_as_happened_and_ahead_favour_the_year_between_them() -> None:
    text = (
        "OSLO, March 3 - The shipyard said profit rose in 2008 and fell in 2007, and that it will open a "
        "second dock in 2009. Orders in 2008 were the best since 2006."
    )
    clues = published.gather(*_found(text))
    post = published.posterior(clues, published.candidate_years(clues))
    assert max(post, key=post.get) == 2009
    assert post[2009] > post[2008] > post[2010] > post[2005]
    # one article's own years are not sure enough to date its year-less dateline: only the bound its
    # happenings give ("Orders in 2008 were"), not the forecast's ("will open ... in 2009")
    bounded = infer(text)
    assert window(bounded) == (D("2008-01-01"), None) and published.undated(bounded)


def test_a_weekday_next_to_a_day_picks_the_years_it_fits() -> None:
    clues = published.gather(
        *_found("The vote, held on Friday, March 12, was close. Turnout rose from 1990.")
    )
    assert clues.weekday_days == [(3, 12, 4, True)]
    post = published.posterior(clues, [1992, 1993, 1994])
    assert max(post, key=post.get) == 1993  # 12 March 1993 was a Friday


def test_a_future_date_is_never_a_lower_bound() -> None:
    clues = published.gather(*_found("The port will reopen on June 4, 2015, the board said in 2015."))
    assert clues.future and not clues.past
    lo, hi, _ = published._within_years(clues, 2015, 2015)
    assert (lo, hi) == (D("2015-01-01"), D("2015-06-04"))


def test_the_latest_date_reported_as_happened_is_a_lower_bound() -> None:
    clues = published.gather(*_found("The port closed on June 4, 2015 and reopened on July 9, 2015."))
    lo, hi, how = published._within_years(clues, 2015, 2015)
    assert (lo, hi) == (D("2015-07-09"), D("2015-12-31")) and "July 9, 2015" in how


def _found(text: str) -> tuple[Article, list]:
    article = clean.clean(Article(id="x", text=text))
    return article, timexes.find(article)


STORIES = [  # each told in March 1997: what happened in 1996, what is due in April 1997 and in 1998
    "The port board said cargo rose in 1996, that the new quay will open in April 1997 and profit will grow in 1998.",
    "Output fell in 1996, the mill said, and it will restart its second line in April 1997.",
    "Sales in 1996 were the best in a decade; the firm will open a new plant in April 1997.",
    "The union said wages rose in 1996 and that talks on new pay will start in April 1997.",
    "Rainfall in 1996 was low, and farmers will ask for aid when parliament meets in April 1997.",
    "The ministry said exports grew in 1996 and that the new tariffs will apply from April 1997.",
]


def _analyse(text: str, aid: str):
    return pipeline.analyse(Article(id=aid, text=text))


def test_a_year_less_dateline_takes_the_year_the_loaded_articles_are_in() -> None:
    analyses = [_analyse(f"OSLO, March {i + 2} - {s}", f"s{i}") for i, s in enumerate(STORIES)]
    analyses.append(_analyse("BERGEN, March 9 - The ferry company said it cut two routes.", "ferry"))
    assert analyses[-1].article.published is None
    out = pipeline.date_from_corpus(analyses)
    ferry = out[-1].article
    assert window(ferry) == (D("1997-03-08"), D("1997-03-10"))
    assert "loaded articles" in ferry.published_how and ferry.published_confidence >= 0.85


@pytest.mark.parametrize(
    "dateline", ["BERGEN, MARCH 9 -", "BERGEN, march 9 -", "BERGEN, MArch 9 -", "BERGEN, 9 march -"]
)
def test_a_dateline_in_capitals_or_an_odd_case_still_gives_its_day(dateline: str) -> None:
    analyses = [_analyse(f"OSLO, March {i + 2} - {s}", f"s{i}") for i, s in enumerate(STORIES)]
    analyses.append(_analyse(f"{dateline} The ferry company said it cut two routes.", "ferry"))
    ferry = pipeline.date_from_corpus(analyses)[-1].article
    assert window(ferry) == (D("1997-03-08"), D("1997-03-10"))


def test_an_article_without_a_clue_of_its_own_borrows_no_year() -> None:
    analyses = [_analyse(f"OSLO, March {i + 2} - {s}", f"s{i}") for i, s in enumerate(STORIES)]
    analyses.append(_analyse("The ferry company said it cut two routes.", "ferry"))
    out = pipeline.date_from_corpus(analyses)
    assert out[-1].article.published is None


def test_a_few_articles_whose_years_fit_two_ways_lend_no_year() -> None:
    # said in June, "rose in 2003 ... will grow in 2004" fits June 2003 (this year's news, next year's
    # forecast) about as well as June 2004 (last year's results, this year's forecast): six such articles
    # are no evidence for either year, however each of them leans
    lean = [
        "Sales rose in 2003, the chain said, and it expects them to grow in 2004.",
        "The mill said output fell in 2003 and it will hire more staff in 2004.",
        "Exports climbed in 2003; the ministry expects a slowdown in 2004.",
        "Ticket sales jumped in 2003 and the airline will add routes in 2004.",
        "The bank said lending grew in 2003 and will slow in 2004.",
        "Rents rose in 2003, and agents expect them to level off in 2004.",
    ]
    analyses = [_analyse(f"MADRID, June {i + 2} - {s}", f"s{i}") for i, s in enumerate(lean)]
    analyses.append(_analyse("BILBAO, June 9 - The ferry company said it cut two routes.", "ferry"))
    out = pipeline.date_from_corpus(analyses)
    assert out[-1].article.published is None


def test_articles_spread_over_many_years_lend_no_year() -> None:
    years = [1961, 1974, 1986, 1993, 2005, 2019]
    analyses = [
        _analyse(f"OSLO, March {i + 2} - Profit rose in {y - 1} and will grow in {y + 1}.", f"s{i}")
        for i, y in enumerate(years)
    ]
    analyses.append(_analyse("BERGEN, March 9 - The ferry company said it cut two routes.", "ferry"))
    out = pipeline.date_from_corpus(analyses)
    assert out[-1].article.published is None


def test_no_folder_year_when_no_year_weighed_is_near_one_the_articles_name() -> None:
    # the years named lie far from every year weighed: no candidate, and no error
    assert published.corpus_year([[0.6, 0.2]] * 6, [1987, 1988], {1950}) is None


# --- another article retelling the same happening ------------------------------------------------------------


LENDER = (
    "Delegates of the river authority and the farmers' union ended their talks in the valley town on "
    "March 3, 2019, with a pledge to share the water of the reservoir.\n\n"
    "More talks are planned."
)
RETELLING = (
    "Talks between the river authority and the farmers' union over the reservoir water have ended in the "
    "valley town with a pledge.\n\nNothing else was agreed."
)


def test_a_retelling_is_dated_from_the_lender_and_never_before_its_date() -> None:
    lender = _analyse("Published: 10 March 2019\n\n" + LENDER, "lender")
    assert window(lender.article) == (D("2019-03-10"), D("2019-03-10"))
    out = pipeline.date_from_related([lender, _analyse(RETELLING, "retelling")])
    pub = out[1].article
    assert window(pub) == (D("2019-03-03"), D("2019-03-10"))  # ends no earlier than the lender's own date
    assert pub.published_how.startswith("cross-article")


def test_an_unrelated_article_lends_nothing() -> None:
    lender = _analyse("Published: 10 March 2019\n\n" + LENDER, "lender")
    other = _analyse(
        "The football club ended its talks with the striker and the coach have come to terms.", "o"
    )
    out = pipeline.date_from_related([lender, other])
    assert out[1].article.published is None


def test_a_dated_article_far_from_the_others_does_not_upset_the_year() -> None:
    analyses = [_analyse(f"OSLO, March {i + 2} - {s}", f"s{i}") for i, s in enumerate(STORIES)]
    analyses.append(pipeline.analyse(Article(id="old", text="A story.", published_given="1931-05-02")))
    analyses.append(_analyse("BERGEN, March 9 - The ferry company said it cut two routes.", "ferry"))
    out = pipeline.date_from_corpus(analyses)
    assert window(out[-1].article) == (D("1997-03-08"), D("1997-03-10"))


def test_a_wire_dateline_and_the_weekday_its_lead_reports() -> None:
    clues = published.gather(
        *_found("VIENNA, March 12 (Wire) -- The three states formally joined the pact Friday.")
    )
    assert clues.pin is not None and (clues.pin.month, clues.pin.day, clues.pin.year) == (3, 12, None)
    assert clues.weekday_days == [(3, 12, 4, False)]
    like = dict(zip([1992, 1993, 1994], published.likelihood(clues, [1992, 1993, 1994]), strict=True))
    assert like[1993] > like[1992] and like[1993] > like[1994]  # 12 March 1993 was a Friday


# --- bounds: what the article's happenings and schedules say when its year is not sure ---------------------


def test_the_latest_happening_with_its_year_bounds_the_date_from_below() -> None:
    dated = infer("The mill opened in 1971. It closed in March 1996 after a long strike, the union said.")
    assert window(dated) == (D("1996-03-01"), None)
    assert dated.published.value == "1996-03-01/.." and dated.published.label() == "after 1 Mar 1996"
    assert dated.published_how == "text: after the latest past date mentioned, “March 1996”"
    assert dated.published_confidence == published.BOUND_CONFIDENCE
    assert published.undated(dated)  # a bound is no date: other evidence may still date it


def test_a_day_still_ahead_bounds_the_date_from_above() -> None:
    dated = infer("Talks on the border will begin on January 23, 1997, the ministry said.")
    assert window(dated) == (None, D("1997-01-23")) and dated.published.label() == "by 23 Jan 1997"
    both = infer("The mill closed in March 1996. Talks will begin on January 23, 1997.")
    assert window(both) == (D("1996-03-01"), D("1997-01-23"))
    assert "still ahead, “January 23, 1997”" in both.published_how


def test_bounds_that_contradict_each_other_give_no_window() -> None:
    assert infer("The mill closed in May 1999. Talks will begin on January 23, 1997.").published is None


def test_forecasts_deadlines_terms_and_futures_seen_from_the_past_bound_nothing() -> None:
    for text in (
        "The bank extended the loan until March 1999.",  # the end of a span still running
        "The agency said it cut staff by the end of 1999.",
        "Deliveries were to start in October 1999.",
        "He said profit would rise in 1999.",  # a forecast: the sentence looks ahead
        "The notes, payable May 1, 1999, were sold at par.",  # a term
        "The yard sold 8.5 pct November 1999 stock.",  # a maturity names the stock
        "The firm said the exemption covers imports in 1999.",  # the speech verb's past is not the clause's
        "Under the treaty all imports are liberalised in 1999, officials said.",  # a present passive
        "The contract was to end on June 30, 1999.",  # a future seen from the past
        "The minister said the talks would begin on June 30, 1999.",
    ):
        assert infer(text).published is None, text


def test_a_bound_leaves_relative_dates_unresolved() -> None:
    text = "The mill closed in March 1996. Workers left yesterday. Talks will begin on January 23, 1997."
    analysis = pipeline.analyse(Article(id="x", text=text))
    assert window(analysis.article) == (D("1996-03-01"), D("1997-01-23"))  # a bound on both sides ...
    assert published.anchor(analysis.article) is None  # ... is still no day to count from
    found = {t.text: t for t in analysis.timexes}
    assert found["yesterday"].value == "XXXX-XX-XX" and found["yesterday"].earliest is None
    assert found["March 1996"].value == "1996-03"
    open_only = published.infer(clean.clean(Article(id="y", text="The mill closed in March 1996.")), [])
    assert open_only.published is None  # (no expressions, no bound)
    bound = timexes.extract(
        Article(id="z", text="Workers left yesterday."), DateValue.bounded(D("1996-03-01"), None)
    )
    assert bound[0].value == "XXXX-XX-XX"  # an open window resolves nothing either


def test_an_article_with_only_bounds_still_takes_its_year_from_the_loaded_articles() -> None:
    analyses = [_analyse(f"OSLO, March {i + 2} - {s}", f"s{i}") for i, s in enumerate(STORIES)]
    text = "BERGEN, March 9 - The ferry company said it cut two routes. The old yard closed in 1990."
    analyses.append(_analyse(text, "ferry"))
    assert window(analyses[-1].article) == (D("1990-01-01"), None)
    ferry = pipeline.date_from_corpus(analyses)[-1].article
    assert window(ferry) == (D("1997-03-08"), D("1997-03-10"))


def test_a_happening_is_read_from_its_own_clause() -> None:
    from dateline.core.tense import ahead, happened

    def at(text: str, words: str, fn, *args) -> bool:
        i = text.index(words)
        return fn(text, i, i + len(words), *args)

    speech = published._SPEECH
    assert at("The mill closed in March 1996.", "March 1996", happened, speech)
    assert at("In 1986, it had revenue of $1 million.", "1986", happened, speech)  # the verb after it
    assert at("Rebels failed to take the town in 1961.", "1961", happened, speech)
    assert not at("It said the plant runs through 1996.", "1996", happened, speech)  # said is no happening
    assert not at("It pledged to cut taxes in 1996.", "1996", happened, speech)  # what was pledged
    assert not at("Under the pact imports are freed in 1996.", "1996", happened, speech)  # present passive
    assert not at("Cars must have belts in 1996.", "1996", happened, speech)
    assert at("Talks will begin on January 23, 1997.", "January 23, 1997", ahead)
    assert not at("Talks were to begin on January 23, 1997.", "January 23, 1997", ahead)
    assert not at("He said talks would begin on January 23, 1997.", "January 23, 1997", ahead)


def test_a_past_relative_clause_tells_its_own_time_in_a_sentence_that_looks_ahead() -> None:
    dated = infer("Ann Vale, who left the island in 1962, will return to open the new pier, her office said.")
    assert window(dated) == (D("1962-01-01"), None)
    assert "“1962”" in dated.published_how
    for text in (
        "Ann Vale, who will leave the island in 1999, said the pier would open.",  # the clause looks ahead
        "Ann Vale, who said the pier opens in 1999, will return.",  # a speech verb's past
        "Ann Vale said the pier, built in 1999, will open soon.",  # no relative clause: the sentence decides
    ):
        assert infer(text).published is None, text


def test_a_quote_opened_the_tex_way_starts_a_new_sentence() -> None:
    """Some wire archives open quotes with two backquotes: the sentence before ends at its full stop."""
    dated = infer("Ray Osman, 33, was born on the island in 1984. ``I think they will come back,'' he said.")
    assert window(dated) == (D("1984-01-01"), None)


def test_a_fiscal_year_something_happened_in_bounds_the_date_but_one_planned_for_does_not() -> None:
    dated = infer("In fiscal 1988, the ferry company earned $4 million on sales of $30 million.")
    assert window(dated) == (D("1988-01-01"), None)
    assert infer("Parliament approved the fiscal 1988 budget of the ferry company.").published is None
    assert infer("The ferry company earned $4 million in the 1988 fiscal year.").published is None  # a term


def test_a_reports_period_named_by_its_year_bounds_the_date() -> None:
    dated = infer("In the 1988 period, the ferry company earned $4 million, or 20 cents a share.")
    assert window(dated) == (D("1988-01-01"), None)
    assert "“the 1988 period”" in dated.published_how


def test_a_happening_nobody_schedules_named_by_its_date_has_happened() -> None:
    for text, words in (
        ("Osman is serving a life term for the November 1995 assassination of the mayor.", "November 1995"),
        ("The council will not lift the curfew imposed after its 1990 invasion of the islands.", "1990"),
        ("Police link the letters to a 1997 attack on a ferry office.", "1997"),
        ("Brokers still speak of the 1986 stock market crash.", "1986"),
    ):
        dated = infer(text)
        assert dated.published is not None and dated.published.latest is None, text
        assert f"“{words}”" in dated.published_how, text
    for text in (
        "Candidates campaign for the November 1999 election of the mayor.",  # a happening one schedules
        "The shares are not redeemable before June 1, 1999, when a sinking fund starts.",
    ):
        assert infer(text).published is None, text


def test_from_after_a_change_is_the_base_of_a_comparison_not_the_start_of_a_span() -> None:
    for text in (
        "Ferry traffic fell to 2 million passengers last year, down 300,000 from 1996.",
        "Ferry fares rose 5 pct from March 1996, the board said.",
    ):
        dated = infer(text)
        assert dated.published is not None and dated.published.earliest.year == 1996, text
    for text in (
        "Ferry fares rose from 1996 to 1999, the board said.",  # a span: its start bounds nothing
        "Ferry fares were frozen from 1996, the board said.",  # no change compared: a span's start
    ):
        assert infer(text).published is None, text


def test_the_year_in_a_happenings_name_bounds_nothing() -> None:
    # tickets for a tournament named by its year sell out before it: its year is no time of the selling
    dated = infer("Fans said the Pacific Cup 2027 tickets sold out within hours.")
    assert dated.published is None


def test_without_a_year_less_pin_the_loaded_articles_are_not_weighed(monkeypatch) -> None:
    # a folder of dated stories and nothing to date: the years are never weighed (thousands of stories over
    # a century of dates made every story's fit to every year: time and memory grew with their product)
    analyses = [_analyse(f"OSLO, March {i % 28 + 1}, {1900 + i} - Talks ended.", f"s{i}") for i in range(40)]
    analyses.append(_analyse("The ferry company said it cut two routes.", "undated"))  # undated, but no pin
    calls = []
    monkeypatch.setattr(published, "_support", lambda *a: calls.append(a) or [])
    assert pipeline.date_from_corpus(analyses) == analyses
    assert calls == []
