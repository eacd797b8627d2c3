"""Merging across articles: same story + compatible events → one event with all sources."""

from datetime import date, timedelta

from dateline.core import events, merge, pipeline
from dateline.core.model import ArticleAnalysis, DateValue, Event, Evidence
from tests.helpers import article, month, timex

STORY_A = (
    "Delegates from the northern province and the federal government ended their talks in the port city "
    "on Tuesday with a pledge to keep the truce.\n\n"
    "The truce was agreed last month after weeks of shelling around the province's dams and reservoirs.\n\n"
    "Both delegations will meet again in the capital, slated for June, to discuss the reservoirs.\n"
)
STORY_B = (
    "Talks between the federal government and the northern province have ended in the port city, with "
    "both sides promising to respect the truce around the dams.\n\n"
    "The truce brokered at the end of last year has mostly held, delegates said, despite shelling near the "
    "reservoirs.\n\n"
    "The upcoming talks in the capital will address control of the dams and reservoirs.\n"
)
UNRELATED = (
    "A software company reported record quarterly earnings on Tuesday as cloud subscriptions grew.\n\n"
    "The company agreed a deal last month to buy a payments start-up.\n"
)


def _analyse_a():
    art = article(STORY_A, "a", published=date(2021, 1, 20))
    tx = [
        timex(art, "on Tuesday", "2021-01-19", "day", date(2021, 1, 19), date(2021, 1, 19)),
        timex(art, "last month", *month(2020, 12)),
        timex(art, "June", *month(2021, 6)),
    ]
    return pipeline._extract(art, tx)


def _analyse_b(published: date | None = None):
    art = article(STORY_B, "b", published=published)
    tx = []
    if published:
        tx = [timex(art, "the end of last year", "2020", "year", date(2020, 10, 1), date(2020, 12, 31))]
    return pipeline._extract(art, tx)


def _analyse_unrelated():
    art = article(UNRELATED, "c", published=date(2021, 1, 20))
    tx = [timex(art, "last month", *month(2020, 12))]
    return pipeline._extract(art, tx)


def test_related_articles_find_the_same_story_only() -> None:
    rel = merge.related_articles([_analyse_a(), _analyse_b(date(2021, 1, 21)), _analyse_unrelated()])
    assert rel["a"] == {"b"} and rel["b"] == {"a"} and rel["c"] == set()


def test_same_happening_merges_and_dates_intersect() -> None:
    tl = merge.merge([_analyse_a(), _analyse_b(date(2021, 1, 21)), _analyse_unrelated()])
    truce = [e for e in tl.events if e.kind == "agreement" and set(e.articles) >= {"a", "b"}]
    assert len(truce) == 1
    # "last month" (Dec 2020) narrows "the end of last year" (Oct-Dec 2020)
    assert truce[0].date.label() == "Dec 2020"
    assert truce[0].status == "occurred"
    # the unrelated company's deal of the same month stays apart
    deal = [e for e in tl.events if "c" in e.articles and e.kind == "agreement"]
    assert len(deal) == 1 and deal[0].articles == ["c"]


def test_undated_future_event_takes_its_date_from_another_source() -> None:
    tl = merge.merge([_analyse_a(), _analyse_b(date(2021, 1, 21))])
    future = [e for e in tl.events if e.status in ("planned", "expected")]
    assert len(future) == 1
    assert set(future[0].articles) == {"a", "b"}
    assert future[0].date.label() == "Jun 2021"


def test_past_and_future_never_merge() -> None:
    art = article(
        "The ministers met in the capital in May for talks.\n\nThe ministers will hold talks in the capital in May.\n",
        published=date(2023, 5, 15),
    )
    may = month(2023, 5)
    tx = [timex(art, "in May", *may, n=1), timex(art, "in May", *may, n=2)]
    evs = events.extract(art, tx)
    statuses = {e.status for e in evs if e.date.granularity == "month"}
    assert statuses == {"occurred", "planned"}
    tl = merge.merge([ArticleAnalysis(article=art, events=evs)])
    assert len([e for e in tl.events if e.date.granularity == "month"]) == 2


def test_undated_article_is_dated_from_a_related_article() -> None:
    a = _analyse_a()
    b = _analyse_b(None)
    assert b.article.published is None
    out = pipeline.date_from_related([a, b])
    pub = out[1].article.published
    assert pub is not None and pub.earliest == date(2021, 1, 19)
    assert pub.latest is not None and (pub.latest - pub.earliest).days <= 7
    assert out[1].article.published_how.startswith("cross-article")


def test_a_step_failing_while_redating_keeps_the_article_undated(monkeypatch) -> None:
    a = _analyse_a()
    b = _analyse_b(None)

    def broken(analysis, article):
        raise ValueError("a bug in a step")

    monkeypatch.setattr(pipeline, "redate", broken)
    out = pipeline.date_from_related([a, b])
    assert out[1] is b and out[1].article.published is None


def test_events_are_in_date_order_with_global_ids() -> None:
    tl = merge.merge([_analyse_a(), _analyse_b(date(2021, 1, 21))])
    keys = [(e.date.earliest or date.max) for e in tl.events]
    assert keys == sorted(keys)
    assert [e.id for e in tl.events] == [f"e{i}" for i in range(1, len(tl.events) + 1)]


def test_related_articles_do_not_depend_on_the_order_articles_come_in() -> None:
    """Many equally close retellings in several stories: which articles are grouped is decided by ids, not
    by the order the files were read in (similarities are summed and tied in one order)."""
    import random

    from dateline.core.model import Article, ArticleAnalysis

    rng = random.Random(7)
    analyses = []
    for g in range(12):
        words = [
            f"{w}{chr(97 + g)}"
            for w in ("alpha", "bravo", "delta", "gamma", "kilo", "lima", "oscar", "tango")
        ]
        pool = [
            f"{a}{b}" for a in words for b in ("ra", "mo", "ti", "ve", "lu", "ke", "po", "su", "ne", "da")
        ]
        story = pool[:70]  # told twice, each word weighed differently: the cosine's terms all differ
        first = " ".join([w for i, w in enumerate(story) for _ in range(i % 7 + 1)] + pool[70:])
        retold = " ".join(w for i, w in enumerate(story) for _ in range(i % 5 + 1))
        analyses.append(ArticleAnalysis(article=Article(id=f"g{g}-first", text=first)))
        for k in range(16):
            analyses.append(ArticleAnalysis(article=Article(id=f"g{g}-{k:02}", text=retold)))
    expected = merge.related_articles(analyses)
    assert expected["g0-first"] == {f"g0-{k:02}" for k in range(16)}  # one story per group, each whole
    for _ in range(3):
        rng.shuffle(analyses)
        assert merge.related_articles(analyses) == expected


RETOLD_1 = (
    "The ferry Marisol capsized off Port Vell on Sunday with 212 passengers aboard, and coastguards said 14 "
    "people were still missing.\n\n"
    "Captain Ilse Brandt radioed for help before the ferry rolled over near the Kessel reef.\n"
)
RETOLD_2 = (
    "Rescuers searched the Kessel reef for 14 people missing since the Marisol ferry overturned near Port "
    "Vell.\n\n"
    "The vessel was carrying 212 people, and its captain, Ilse Brandt, survived.\n"
)
LOOK_ALIKE = (
    "A ferry named Albatross sank in the Dorne estuary on Sunday; 37 of its 90 passengers were rescued by "
    "fishing boats.\n\n"
    "Owner Tamsin Okafor said the engine failed as the tide turned.\n"
)


def test_retellings_leads_are_one_event_and_a_look_alike_stays_apart() -> None:
    sunday = ("2021-03-14", "day", date(2021, 3, 14), date(2021, 3, 14))
    one = article(RETOLD_1, "n1", published=date(2021, 3, 15))
    two = article(RETOLD_2, "n2", published=date(2021, 3, 16))  # two days on, its lead gives no date
    other = article(LOOK_ALIKE, "s1", published=date(2021, 3, 15))
    tl = merge.merge(
        [
            pipeline._extract(one, [timex(one, "on Sunday", *sunday)]),
            pipeline._extract(two, []),
            pipeline._extract(other, [timex(other, "on Sunday", *sunday)]),
        ]
    )
    capsized = [e for e in tl.events if "n1" in e.articles]
    assert len(capsized) == 1 and capsized[0].articles == ["n1", "n2"] and capsized[0].lead
    assert capsized[0].date.label() == "14 Mar 2021"  # the dated report dates the undated retelling
    sank = [e for e in tl.events if "s1" in e.articles]
    assert len(sank) == 1 and sank[0].articles == ["s1"]


def test_a_planned_event_and_its_later_report_are_one_event_whose_status_moves_with_the_news() -> None:
    before = article(
        "Foreign ministers of Norland and Estavia will meet in Kelso on March 10 to sign the river treaty, "
        "officials of both governments said.\n",
        "plan",
        published=date(2022, 3, 1),
    )
    after = article(
        "Foreign ministers of Norland and Estavia met in Kelso on Thursday and signed the river treaty, "
        "officials said.\n",
        "done",
        published=date(2022, 3, 11),
    )
    day_ = ("2022-03-10", "day", date(2022, 3, 10), date(2022, 3, 10))
    planned = pipeline._extract(before, [timex(before, "on March 10", *day_)])
    done = pipeline._extract(after, [timex(after, "on Thursday", *day_)])
    assert {e.status for e in planned.events if e.date.granularity == "day"} == {"planned"}
    tl = merge.merge([planned, done])
    day_events = [e for e in tl.events if e.date.label() == "10 Mar 2022"]
    assert len(day_events) == 1 and set(day_events[0].articles) == {"plan", "done"}
    assert day_events[0].status == "occurred"
    # reports of both published on one day contradict each other ("will meet in March" and "met in March",
    # both on 15 March): they stay apart
    march = month(2022, 3)
    will = article(before.text.replace("on March 10", "in March"), "will", published=date(2022, 3, 15))
    met = article(after.text.replace("on Thursday", "in March"), "met", published=date(2022, 3, 15))
    tl = merge.merge(
        [
            pipeline._extract(will, [timex(will, "in March", *march)]),
            pipeline._extract(met, [timex(met, "in March", *march)]),
        ]
    )
    assert {e.status for e in tl.events if e.date.granularity == "month"} == {"planned", "occurred"}


def _mention(aid: str, n: int, words: str, day_: date) -> merge._Mention:
    d = DateValue(value=day_.isoformat(), granularity="day", earliest=day_, latest=day_)
    ev = Evidence(article=aid, start=0, end=len(words), text=words)
    return merge._Mention(
        Event(id=f"{aid}:e{n}", headline=words, date=d, status="occurred", evidence=[ev]), 0
    )


def test_clusters_split_by_the_order_mentions_came_in_are_joined_when_most_of_their_pairs_agree() -> None:
    day_ = date(2021, 3, 14)
    first = _mention("a", 1, "the ferry capsized near the harbour wall", day_)
    second = _mention("b", 1, "lifeboats searched the estuary for survivors", day_)  # shares no action word
    third = _mention(
        "c", 1, "lifeboats searched for survivors after the ferry capsized", day_
    )  # shares with both
    clusters = merge._cluster([first, second, third])
    assert [sorted(e.id for e in c) for c in clusters] == [["a:e1", "b:e1", "c:e1"]]
    # a mention that agrees with neither stays apart: the join needs half of the pairs to agree
    other = _mention("d", 1, "the council approved a budget for road repairs", day_)
    clusters = merge._cluster([first, second, third, other])
    assert sorted(sorted(e.id for e in c) for c in clusters) == [["a:e1", "b:e1", "c:e1"], ["d:e1"]]


def _lead(aid: str, words: str, day_: date | None, published: date) -> merge._Mention:
    """A lead mention: dated to ``day_`` by a time expression, or undated (``None``: news of its publication)."""
    lo = day_ or published - timedelta(days=1)
    d = DateValue.between(lo, day_ or published)
    ev = Evidence(article=aid, start=0, end=len(words), text=words, timex=f"{aid}:t1" if day_ else None)
    event = Event(id=f"{aid}:e1", headline=words, date=d, status="occurred", lead=True, evidence=[ev])
    return merge._Mention(event, 0, published)


def _groups(mentions: list[merge._Mention]) -> list[list[str]]:
    return sorted(sorted(e.id for e in c) for c in merge._cluster(mentions))


def test_leads_published_days_apart_are_successive_developments_not_one_piece_of_news() -> None:
    monday = date(2023, 5, 8)
    verdict = _lead("a", "the jury found the harbour master guilty of negligence", monday, monday)
    # an undated lead three days on could be Monday's news by its date alone; its article is of a later cycle
    appeal = _lead("b", "his lawyers lodged an appeal against the ruling", None, monday + timedelta(days=3))
    assert _groups([verdict, appeal]) == [["a:e1"], ["b:e1"]]
    # the same lead told the next day is a retelling of Monday's news
    retold = _lead(
        "c", "a harbour master was convicted over the collapse of the pier", None, monday + timedelta(days=1)
    )
    assert _groups([verdict, retold]) == [["a:e1", "c:e1"]]


def test_two_reports_may_put_one_piece_of_news_a_day_apart() -> None:
    tuesday = date(2023, 5, 9)
    # one outlet dates the landslide to Monday night, another (same morning's paper) to Tuesday
    night = _lead(
        "a", "a landslide buried the mountain road near Vellaro", tuesday - timedelta(days=1), tuesday
    )
    morning = _lead("b", "rescuers dug through mud on the Vellaro road", tuesday, tuesday)
    assert _groups([night, morning]) == [["a:e1", "b:e1"]]
    # two days apart is another happening, however alike the story
    earlier = _lead("c", "a rockfall closed the Vellaro road", tuesday - timedelta(days=3), tuesday)
    assert _groups([earlier, morning]) == [["b:e1"], ["c:e1"]]


def test_what_an_article_reports_as_done_happened_by_its_publication() -> None:
    friday = date(2023, 5, 12)
    lead = _lead("a", "the union called off the strike", friday, friday)
    assert lead.window.earliest == friday - timedelta(days=1) and lead.window.latest == friday


RETOLD_3 = (
    "Fourteen people are still missing after the Marisol ferry capsized off Port Vell on Sunday, the "
    "coastguard said on Monday.\n\n"
    "Divers will search the Kessel reef again on Tuesday, the harbour office said.\n"
)


def test_events_do_not_depend_on_the_order_articles_come_in() -> None:
    """Retellings dated a day apart, one undated, a look-alike and another story: every order of the
    articles gives the same events (same sources, dates, headlines)."""
    from itertools import permutations

    sunday = ("2021-03-14", "day", date(2021, 3, 14), date(2021, 3, 14))
    monday = ("2021-03-15", "day", date(2021, 3, 15), date(2021, 3, 15))
    tuesday = ("2021-03-16", "day", date(2021, 3, 16), date(2021, 3, 16))
    one = article(RETOLD_1, "n1", published=date(2021, 3, 15))
    two = article(RETOLD_2, "n2", published=date(2021, 3, 15))
    three = article(RETOLD_3, "n3", published=date(2021, 3, 15))
    other = article(LOOK_ALIKE, "s1", published=date(2021, 3, 15))
    analyses = [
        pipeline._extract(one, [timex(one, "on Sunday", *sunday)]),
        pipeline._extract(two, []),
        pipeline._extract(
            three,
            [
                timex(three, "on Sunday", *sunday),
                timex(three, "on Monday", *monday),
                timex(three, "on Tuesday", *tuesday),
            ],
        ),
        pipeline._extract(other, [timex(other, "on Sunday", *sunday)]),
        _analyse_a(),
    ]

    def events(order) -> list:
        tl = merge.merge(list(order))
        return [(e.headline, e.date, e.status, [(v.article, v.start) for v in e.evidence]) for e in tl.events]

    expected = events(analyses)
    assert any(len({a for _, _, _, ev in [x] for a, _ in ev}) > 1 for x in expected)  # some event is merged
    for order in permutations(analyses):
        assert events(order) == expected


def _window(aid: str, words: str, first: date, last: date) -> merge._Mention:
    ev = Evidence(article=aid, start=0, end=len(words), text=words)
    d = DateValue.between(first, last)
    return merge._Mention(Event(id=f"{aid}:e1", headline=words, date=d, status="occurred", evidence=[ev]), 0)


def test_the_most_strongly_supported_pair_joins_first_whatever_the_order() -> None:
    """Three reports whose windows chain (days 1-2, 2-3, 3): the middle one can go with either side, not
    both. It goes with the report it shares most words with, in every order the mentions come in; a greedy
    pass taking mentions one by one gave it to whichever group was made first."""
    from itertools import permutations

    day1 = date(2022, 9, 1)
    early = _window(
        "a", "divers searched the flooded mine shaft for trapped miners", day1, day1 + timedelta(1)
    )
    middle = _window(
        "b",
        "divers searched the flooded shaft and found trapped miners alive",
        day1 + timedelta(1),
        day1 + timedelta(2),
    )
    late = _window(
        "c", "trapped miners were found alive by rescuers", day1 + timedelta(2), day1 + timedelta(2)
    )
    for order in permutations([early, middle, late]):
        assert _groups(list(order)) == [["a:e1", "b:e1"], ["c:e1"]]
