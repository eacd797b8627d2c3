"""Synthetic timelines built straight from the models, so app tests never depend on the pipeline.

``sample_timeline()`` is small, fixed and hand-written (snapshot tests use it); ``synthetic_timeline(n)``
makes ``n`` plain events for scale tests and benchmarks.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from dateline.core.model import (
    Actor,
    Article,
    DateValue,
    Event,
    Evidence,
    LoadProblem,
    Mention,
    Quote,
    Role,
    Timeline,
)

ARTICLE_A = (
    "Harbour talks opened in Lisbon on 3 March 2021 between Norland and Sudria. "
    "The ministers met again in April 2021. "
    '"We are close to a deal," said Mara Velt, the Norland foreign minister. '
    "A final vote is expected in June 2021."
)
ARTICLE_B = (
    "Sudria said the fishing quota dispute began in late 2020. "
    "Negotiators [bold]will[/bold] meet in Geneva on 12 May 2021. "
    '"Nothing is agreed until everything is agreed," Piet Olm told reporters.'
)
ARTICLE_C = "Markup and escapes are data: [red]not red[/red] and \x1b[31mnot red either\x1b[0m stay literal."


def _day(y: int, m: int, d: int) -> DateValue:
    x = date(y, m, d)
    return DateValue(value=x.isoformat(), granularity="day", earliest=x, latest=x)


def _month(y: int, m: int, last: int) -> DateValue:
    return DateValue(
        value=f"{y}-{m:02d}", granularity="month", earliest=date(y, m, 1), latest=date(y, m, last)
    )


def _evidence(article: str, text: str, sentence: str, timex: str | None) -> Evidence:
    start = text.index(sentence)
    ev = Evidence(article=article, start=start, end=start + len(sentence), text=sentence)
    if timex is not None:
        t = text.index(timex, start)
        ev = replace(ev, timex=f"{article}-t", timex_start=t, timex_end=t + len(timex))
    return ev


def _mention(article: str, text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(article=article, start=start, end=start + len(name), text=name)


def sample_timeline() -> Timeline:
    a = Article(
        id="a",
        path="harbour.txt",
        title="Harbour talks open",
        text=ARTICLE_A,
        source="Harbour Gazette",
        url="https://gazette.example/harbour-talks",
    )
    b = Article(id="b", path="quota.txt", title="Quota [bold]dispute[/bold]", text=ARTICLE_B)
    c = Article(id="c", path="markup.txt", title="Markup \x1b[31mtest", text=ARTICLE_C)
    s_a = ARTICLE_A.split(". ")
    actors = [
        Actor(id="norland", name="Norland", kind="country", mentions=[_mention("a", ARTICLE_A, "Norland")]),
        Actor(id="sudria", name="Sudria", kind="country", mentions=[_mention("b", ARTICLE_B, "Sudria")]),
        Actor(
            id="velt",
            name="Mara Velt",
            kind="person",
            aliases=["Velt"],
            roles=[Role(title="foreign minister", article="a")],
            mentions=[_mention("a", ARTICLE_A, "Mara Velt")],
        ),
        Actor(id="olm", name="Piet Olm", kind="person", mentions=[_mention("b", ARTICLE_B, "Piet Olm")]),
    ]
    q1_text = "We are close to a deal,"
    q2_text = "Nothing is agreed until everything is agreed,"
    quotes = [
        Quote(
            id="q1",
            article="a",
            start=ARTICLE_A.index(q1_text),
            end=ARTICLE_A.index(q1_text) + len(q1_text),
            text=q1_text,
            speaker="velt",
            speaker_name="Mara Velt",
            cue="said",
            events=["e3"],
        ),
        Quote(
            id="q2",
            article="b",
            start=ARTICLE_B.index(q2_text),
            end=ARTICLE_B.index(q2_text) + len(q2_text),
            text=q2_text,
            speaker="olm",
            speaker_name="Piet Olm",
            cue="told",
            venue="reporters",
        ),
    ]
    events = [
        Event(
            id="e1",
            headline="Fishing quota dispute begins",
            date=DateValue(
                value="2020",
                granularity="season",
                earliest=date(2020, 9, 1),
                latest=date(2020, 12, 31),
                mod="END",
            ),
            status="occurred",
            date_how="'late 2020' in the text",
            evidence=[
                _evidence(
                    "b", ARTICLE_B, "Sudria said the fishing quota dispute began in late 2020.", "late 2020"
                )
            ],
            actors=["sudria"],
        ),
        Event(
            id="e2",
            headline="Harbour talks open in Lisbon",
            date=_day(2021, 3, 3),
            status="occurred",
            date_how="'3 March 2021' in the text",
            evidence=[_evidence("a", ARTICLE_A, s_a[0] + ".", "3 March 2021")],
            actors=["norland", "sudria"],
        ),
        Event(
            id="e3",
            headline="Ministers meet again",
            date=_month(2021, 4, 30),
            status="occurred",
            date_how="'April 2021' in the text (month)",
            evidence=[_evidence("a", ARTICLE_A, "The ministers met again in April 2021.", "April 2021")],
            actors=["norland", "velt"],
            quotes=["q1"],
        ),
        Event(
            id="e4",
            headline="Negotiators [bold]meet[/bold] in Geneva",
            date=_day(2021, 5, 12),
            status="planned",
            date_how="'12 May 2021' in the text; future tense",
            evidence=[
                _evidence(
                    "b",
                    ARTICLE_B,
                    "Negotiators [bold]will[/bold] meet in Geneva on 12 May 2021.",
                    "12 May 2021",
                )
            ],
            actors=["olm"],
            quotes=["q2"],
        ),
        Event(
            id="e5",
            headline="Final vote on the harbour deal",
            date=_month(2021, 6, 30),
            status="expected",
            date_how="'June 2021' in the text; 'is expected'",
            evidence=[_evidence("a", ARTICLE_A, "A final vote is expected in June 2021.", "June 2021")],
            actors=["norland"],
        ),
        Event(
            id="e6",
            headline="Second round of harbour talks",
            date=_month(2021, 6, 30),
            status="expected",
            date_how="'June 2021' in the text",
            evidence=[_evidence("a", ARTICLE_A, "A final vote is expected in June 2021.", None)],
            actors=["sudria"],
        ),
        Event(
            id="e7",
            headline="Escape \x1b[31mtest [red]literal[/red]",
            date=_day(2021, 7, 1),
            status="occurred",
            evidence=[_evidence("c", ARTICLE_C, ARTICLE_C, None)],
        ),
    ]
    problems = [LoadProblem(path="broken/[bold]file.bin", reason="binary file")]
    return Timeline(articles=[a, b, c], events=events, actors=actors, quotes=quotes, problems=problems)


def synthetic_timeline(n: int, *, actors: int = 50) -> Timeline:
    """``n`` one-source events over consecutive days (a few per day), with ``actors`` actors; built fast."""
    start = date(2000, 1, 1)
    people = [
        Actor(id=f"p{i}", name=f"Person {i}", kind="person", aliases=[], roles=[], mentions=[])
        for i in range(actors)
    ]
    events = []
    for i in range(n):
        d = start + timedelta(days=i // 3)
        dv = DateValue(value=d.isoformat(), granularity="day", earliest=d, latest=d, mod=None)
        text = f"Event number {i} happened on {d.isoformat()}."
        ev = Evidence(
            article="s", start=0, end=len(text), text=text, timex=None, timex_start=None, timex_end=None
        )
        events.append(
            Event(
                id=f"e{i}",
                headline=f"Synthetic event {i}",
                date=dv,
                status="occurred",
                date_how="synthetic",
                kind=None,
                evidence=[ev],
                actors=[f"p{i % actors}"],
                quotes=[],
            )
        )
    article = Article(id="s", text="synthetic")
    return Timeline.model_construct(
        version="1", articles=[article], events=events, timexes=[], actors=people, quotes=[], problems=[]
    )
