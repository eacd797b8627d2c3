"""Work that grows with the input, not faster: each rewrite keeps the results of the simple (super-linear)
form it replaced, checked here against that form on generated inputs; and what stops growing (evidence
windows) is checked for its bounds. How long anything takes is measured by bench/hostile.py, not here."""

from __future__ import annotations

import re
from datetime import date, timedelta
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.core import clean, events, lead, lexicon, merge, published
from dateline.core.load import UniqueIds, load_paths
from dateline.core.model import Article, DateValue, Event, Evidence
from dateline.core.pipeline import analyse
from dateline.core.text import Segment, overlap_test

SETTINGS = settings(max_examples=300, deadline=None)


def text_of(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=40).map("".join)


# --- expressions that no longer rescan runs of white space (the clause breaks: tests/test_text.py) ------------


@SETTINGS
@given(text_of([" ", ",", "\n", "in", "the", "on", "talks", "x", "é", "ended"]))
def test_trailing_prepositions_go_as_the_plain_expression_has_them_go(text: str) -> None:
    words = "|".join(events._TRAILING_WORDS)
    plain = re.compile(rf"[\s,]+(?:{words})$", re.I)
    assert events._TRAILING_PREP.sub("", text) == plain.sub("", text)
    assert events._drop_trailing_prep(text) == plain.sub("", text)


@SETTINGS
@given(text_of([" ", "\n", ".", "!", "?", '"', "”", "’", "'", "x"]))
def test_attribution_tail_matches_as_the_plain_expression(text: str) -> None:
    plain = re.compile(r"\s*[.!?\"”’']*\s*$")
    assert bool(events._ATTRIBUTION_AFTER.match(text)) == bool(plain.match(text))


@SETTINGS
@given(text_of([" ", "as", "with", ";", ":", "(", "—", ",", "and", "which", "Talks", "ended", "x"]))
def test_lead_breaks_are_those_of_the_plain_expression(sentence: str) -> None:
    plain = re.compile(
        r"\s+(?:as|after|while|despite|because|with|amid|though|although)\s+|\s*[;:—–(]\s*"
        r"|,\s+(?:and|but|which|who|saying|despite)\s+"
    )
    s = " ".join(sentence.split())  # lead_headline collapses white space before it looks for a break
    found, expected = events._LEAD_BREAK.search(s, 20), plain.search(s, 20)
    assert (found and found.span()) == (expected and expected.span())


@SETTINGS
@given(
    text_of([" ", "\t", "\n", ",", "the ", "big ", "car-", "bombing", "attacks", "Fire", "x", "-", "quake"])
)
def test_an_unscheduled_happening_after_a_date_is_read_as_the_plain_expression_reads_it(text: str) -> None:
    plain = re.compile(
        r"[ \t]*,?\s*(?:[A-Za-z-]+\s+){0,2}?"
        + lexicon.alternation(published._EVIDENCE["unscheduled"])
        + r"\b",
        re.I,
    )
    found, expected = published._UNSCHEDULED.match(text), plain.match(text)
    assert (found and found.span()) == (expected and expected.span())


@SETTINGS
@given(text_of([" ", "\n", "\t", "Reuters", "Reuter", "AP", "AFP", "x", "."]))
def test_a_sign_off_is_found_as_the_plain_expression_finds_it(text: str) -> None:
    plain = re.compile(r"\n\s*(Reuters?|AP|AFP)\s*\Z").search(text)
    found = clean._signoff(text)
    assert (found and found.span(1)) == (plain and plain.span(1))


# --- evidence: the sentence, or a window of it ---------------------------------------------------------------


def _dated(text: str, published: date = date(2020, 1, 1)) -> list[Event]:
    return analyse(Article(id="a", text=text, published_given=published.isoformat())).events


def _calls(monkeypatch, owner: object, name: str) -> list[tuple]:
    """The arguments of every call of ``owner.name`` from now on (the calls themselves go through): how
    much work a step does, counted rather than timed."""
    calls: list[tuple] = []
    plain = getattr(owner, name)

    def counted(*args):
        calls.append(args)
        return plain(*args)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_sentence_of_normal_length_is_the_evidence_whole() -> None:
    text = "The envoys met in Vienna on March 3, 2019, and agreed to meet again before the summer.\n"
    [event] = _dated(text)
    assert event.evidence[0].text == text.strip()


def test_a_very_long_sentence_keeps_a_window_around_each_date() -> None:
    days = [date(2001, 1, 1) + timedelta(days=3 * i) for i in range(400)]
    text = (
        "Officials said " + "".join(f"talks were held on {d:%B} {d.day}, {d.year}, " for d in days) + "then."
    )
    found = _dated(text)
    assert len(found) == len(days)
    for event in found:
        ev = event.evidence[0]
        assert text[ev.start : ev.end] == ev.text
        assert ev.timex_start is not None and ev.timex_end is not None
        assert ev.start <= ev.timex_start < ev.timex_end <= ev.end  # the date is in its window
        assert len(ev.text) <= 2 * events.EVIDENCE_REACH + (ev.timex_end - ev.timex_start)
        assert ev.text == ev.text.strip()
        # whole words only: the window starts and ends at a word boundary of the text
        assert ev.start == 0 or text[ev.start - 1].isspace()
        assert ev.end == len(text) or text[ev.end].isspace() or not text[ev.end - 1].isalnum()


def test_a_long_run_of_spaces_stays_out_of_the_evidence() -> None:
    text = "On March 2, 2017 the talks ended" + " " * 5000 + "and officials said.\n"
    [event] = _dated(text, date(2017, 3, 5))
    assert event.evidence[0].text == "On March 2, 2017 the talks ended"


def test_a_sentence_is_read_whole_for_a_headline_once_not_once_per_date(monkeypatch) -> None:
    """Bare years give their clauses no headline, so each falls back to the whole sentence's: read once for
    the sentence (it was read again for every date: quadratic on a line of thousands of dates)."""
    text = "Output rose in " + "".join(f"{1950 + i % 60}, " for i in range(300)) + "officials said."
    calls = _calls(monkeypatch, events, "lead_headline")
    found = _dated(text)
    assert len(found) == 300
    assert len([c for c in calls if len(c[0]) > 2 * events.CLAUSE_WINDOW]) == 1  # longer than any clause


def test_each_sentence_is_searched_for_a_time_stamp_among_its_own_dates_only(monkeypatch) -> None:
    """A page's time stamp ("Posted 4 May 2009 ...") is looked for at the start of every sentence, among the
    time expressions of that sentence: handing each one all the article's was quadratic on a long
    chronology. The stamp still found and passed over, the events still all found."""
    lines = [f"On {d:%B} {d.day}, {d.year} the envoys met in Geneva." for d in _days(200)]
    text = "Posted 4 May 2009 The talks went on.\n\n" + "\n\n".join(lines) + "\n"
    seen = _calls(monkeypatch, lead, "stamp_end")
    dated = [e for e in _dated(text) if e.evidence[0].timex is not None]
    assert len(dated) == 200 and not any(e.date.value == "2009-05-04" for e in dated)
    read = sum(len(timexes) for _text, _sent, timexes in seen)
    assert len(seen) >= 200 and read <= 5 * 201  # a few lookups over all of them, not one per sentence


def _days(n: int) -> list[date]:
    return [date(2001, 1, 1) + timedelta(days=3 * i) for i in range(n)]


# --- sorted sweeps instead of comparing every pair --------------------------------------------------------------


@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=30),
    st.integers(0, 70),
    st.integers(1, 20),
)
def test_overlap_test_answers_as_a_loop_over_every_span(spans, start: int, length: int) -> None:
    pairs = [(a, a + n) for a, n in spans]
    end = start + length
    assert overlap_test(pairs)(start, end) == any(a < end and b > start for a, b in pairs)


_DAY0 = date(2020, 1, 1)
EVENTS = st.lists(
    st.tuples(
        st.sampled_from("abc"),  # article
        st.one_of(st.none(), st.integers(0, 40)),  # first day (None: open before)
        st.one_of(st.none(), st.integers(0, 30)),  # length in days (None: open after)
        st.sampled_from(["occurred", "ongoing", "planned", "expected", "unknown"]),
        st.sampled_from([None, "talks", "agreement"]),
        st.sampled_from(
            ["truce talks", "ceasefire deal", "dam water", "truce dam", "of the"]
        ),  # last: no words
        st.booleans(),  # the article's lead
    ),
    max_size=40,
)


def _event(n: int, art: str, first: int | None, length: int | None, status, kind, words, lead) -> Event:
    lo = None if first is None else _DAY0 + timedelta(days=first)
    hi = None if length is None else (lo or _DAY0) + timedelta(days=length)
    d = DateValue(value="x", granularity="range", earliest=lo, latest=hi)
    ev = Evidence(article=art, start=n, end=n + len(words), text=words)
    return Event(id=f"{art}:e{n}", headline=words, date=d, status=status, kind=kind, evidence=[ev], lead=lead)


@settings(max_examples=300, deadline=None)
@given(EVENTS)
def test_the_sweep_finds_every_pair_of_overlapping_windows_that_may_agree(items) -> None:
    """The sweep compares a mention only with the open windows that share a key with it (an index by lead,
    kind and action word): it still finds every pair of overlapping windows that name the same happening,
    each once, and no pair whose windows are apart."""
    ms = [merge._Mention(_event(n, *item), 0) for n, item in enumerate(items)]
    overlapping = {
        (i, j) for i in range(len(ms)) for j in range(i + 1, len(ms)) if ms[i].window.overlaps(ms[j].window)
    }
    plain = list(merge._candidate_pairs(ms))  # a small story: swept without the index
    assert sorted(plain) == sorted(overlapping)  # each pair once
    with patch.object(merge, "PLAIN_SWEEP", 0):
        found = list(merge._candidate_pairs(ms))
    assert len(found) == len(set(found))
    assert set(found) <= overlapping
    assert {(i, j) for i, j in overlapping if merge._what_agrees(ms[i], ms[j])} <= set(found)


@settings(max_examples=200, deadline=None)
@given(EVENTS, st.randoms(use_true_random=False))
def test_events_do_not_depend_on_the_order_mentions_come_in_when_the_bounds_bind(items, rnd) -> None:
    """The bounds on dense input (the nearest open windows per key, sampled members of large groups) are
    taken in canonical order: set as low as they go, the events are still the same whatever the order."""
    evs = [_event(n, *item) for n, item in enumerate(items)]
    shuffled = list(evs)
    rnd.shuffle(shuffled)

    def clusters(events: list[Event]) -> list[list[str]]:
        return [[e.id for e in c] for c in merge._cluster([merge._Mention(e, 0) for e in events])]

    with (
        patch.object(merge, "NEAREST", 1),
        patch.object(merge, "PLAIN_SWEEP", 0),
        patch.object(merge, "GROUP_PAIRS", 1),
        patch.object(merge, "GROUP_SAMPLE", 2),
    ):
        assert clusters(shuffled) == clusters(evs)


def _one_month(n: int) -> list[merge._Mention]:
    """``n`` happenings of one month, each in its own article (so none are alike), told in overlapping
    words: every window overlaps every other and every mention shares "council" with every other."""
    month = DateValue(
        value="2021-03", granularity="month", earliest=date(2021, 3, 1), latest=date(2021, 3, 31)
    )
    verbs = ["opened", "closed", "sold", "rebuilt", "renamed", "inspected"]
    places = ["bridge", "school", "harbour", "library", "market", "station", "clinic"]
    out = []
    for k in range(n):
        words = f"the council {verbs[k % 6]} the {places[k // 6 % 7]}"
        ev = Evidence(article=f"a{k:05d}", start=0, end=len(words), text=words)
        event = Event(id=f"a{k:05d}:e1", headline=words, date=month, status="occurred", evidence=[ev])
        out.append(merge._Mention(event, 0))
    return out


def test_comparisons_grow_with_the_mentions_of_one_dense_month(monkeypatch) -> None:
    """Thousands of happenings all dated one month, told in overlapping words: every pair overlaps and may
    agree. Each mention meets only its nearest open windows per shared word (``NEAREST``), and two large
    groups are checked on a sample of their members (``GROUP_SAMPLE``): four times the mentions make about
    four times the comparisons (every pair: sixteen times), and the same happenings still form."""
    calls = _calls(monkeypatch, merge, "_what_agrees")  # the pairs compared, and the groups' cross pairs
    counts, groups = [], []
    for n in (1000, 4000):
        calls.clear()
        clusters = merge._cluster(_one_month(n))
        counts.append(len(calls))
        groups.append(len(clusters))
    assert counts[1] < 5 * counts[0]
    assert counts[1] < 4000 * 3999 // 2 // 8
    assert groups[0] == groups[1] < 50


@settings(max_examples=300, deadline=None)
@given(EVENTS, st.booleans(), st.randoms(use_true_random=False))
def test_events_do_not_depend_on_the_order_mentions_come_in(items, one_story: bool, rnd) -> None:
    evs = [_event(n, *item) for n, item in enumerate(items)]
    story = {"a": 0, "b": 0 if one_story else 1, "c": 2}
    shuffled = list(evs)
    rnd.shuffle(shuffled)

    def clusters(events: list[Event]) -> list[list[str]]:
        ms = [merge._Mention(e, story[e.evidence[0].article]) for e in events]
        return [[e.id for e in c] for c in merge._cluster(ms)]

    assert clusters(shuffled) == clusters(evs)


def test_mentions_that_agree_with_no_one_are_compared_with_nothing(monkeypatch) -> None:
    """Thousands of bare "January"s in one article: events with no kind, no action words and no lead agree
    with no other (merge._what_agrees): each starts its own cluster without being compared with the others.
    (Which clusters form, whatever the order: test_events_do_not_depend_on_the_order_mentions_come_in.)"""
    text = "The minister said " + "January " * 400 + "on Tuesday.\n"
    found = _dated(text)
    assert len(found) > 300
    calls = _calls(monkeypatch, merge, "_what_agrees")
    merge.merge([analyse(Article(id="a", text=text, published_given="2020-01-01"))], [])
    assert len(calls) < 10 * len(found)  # was about one per pair of them (80,000)


def test_one_articles_alike_mentions_are_one_group_without_comparing_them_pair_by_pair(monkeypatch) -> None:
    """A line listing one year over and over, each date keeping the sentence's words: the mentions agree with
    each other and with the same others, so they start as one group (pair by pair they cost the square of
    their number). A like mention of another article is still compared, and joins."""
    year = DateValue(value="1990", granularity="year", earliest=date(1990, 1, 1), latest=date(1990, 12, 31))
    words = "the envoys signed a ceasefire accord"

    def mention(art: str, n: int) -> merge._Mention:
        ev = Evidence(article=art, start=n, end=n + 4, text=words)
        event = Event(id=f"{art}:e{n}", headline=words, date=year, status="occurred", evidence=[ev])
        return merge._Mention(event, 0)

    calls = _calls(monkeypatch, merge, "_what_agrees")
    clusters = merge._cluster([mention("a", n) for n in range(500)] + [mention("b", 0)])
    assert [len(c) for c in clusters] == [501]
    assert len(calls) < 10


def test_a_list_of_thousands_of_names_joined_by_and_is_read_without_recursion() -> None:
    """Name runs are split at each joining word in a loop: one recursion per "and" ended the analysis of
    this article with a RecursionError. Each name is still read, and joined names still stay whole."""
    text = "The minister met " + " and ".join(["Alan Smith"] * 3000) + " on Tuesday.\n"
    analysis = analyse(Article(id="a", text=text, published_given="2020-01-01"))
    assert [a.name for a in analysis.actors] == ["Alan Smith"]
    assert analysis.events
    joined = analyse(Article(id="b", text="The Securities and Exchange Commission met on Tuesday.\n"))
    assert "Securities and Exchange Commission" in [a.name for a in joined.actors]


# --- de-duplication counts that do not start over ---------------------------------------------------------------


def test_unique_ids_number_duplicates_as_counting_from_two_would() -> None:
    ids = UniqueIds()
    got = [ids.claim(x) for x in ["x", "x", "x-3", "x", "x", "y", "x-2", "x"]]
    assert got == ["x", "x-2", "x-3", "x-4", "x-5", "y", "x-2-2", "x-6"]


def test_many_records_with_one_id_all_load_with_distinct_ids(tmp_path) -> None:
    path = tmp_path / "same.jsonl"
    lines = [f'{{"id": "story", "text": "Talks ended on day {i}."}}' for i in range(3000)]
    path.write_text("\n".join(lines) + "\n")
    result = load_paths([path])
    ids = [a.id for a in result.articles]
    assert len(ids) == 3000 == len(set(ids))
    assert ids[:3] == ["story", "story-2", "story-3"] and ids[-1] == "story-3000"


def test_files_with_one_name_in_many_folders_all_load(tmp_path) -> None:
    for i in range(300):
        folder = tmp_path / f"d{i:03d}"
        folder.mkdir()
        (folder / "story.txt").write_text(f"Talks ended on day {i}.\n")
    ids = [a.id for a in load_paths([tmp_path]).articles]
    assert ids == ["story"] + [f"story-{n}" for n in range(2, 301)]


def test_a_line_repeated_thousands_of_times_is_one_caption_and_its_repeats() -> None:
    line = "The ministers met at the talks in Geneva on the first day of the summit"
    art = clean.clean(Article(id="a", text="Talks began.\n" + (line + "\n") * 2000))
    kinds = [f.kind for f in art.furniture]
    assert kinds.count("repeat") == 1999 and kinds.count("caption") == 1


def test_quotes_link_the_events_of_their_own_paragraph_only() -> None:
    paras = [
        f'On March {i + 1}, 2019 the envoys met. "We will meet again," Minister Alan Reed said.'
        for i in range(50)
    ]
    result = analyse(Article(id="a", text="\n\n".join(paras), published_given="2019-06-01"))
    by_id = {e.id: e for e in result.events}
    assert len(result.quotes) == 50
    for q in result.quotes:
        assert q.events, q
        for eid in q.events:  # every event a quote is linked to is read from the quote's paragraph
            ev = by_id[eid].evidence[0]
            para = Segment(result.article.text.rfind("\n", 0, q.start) + 1, q.end)
            assert para.start <= ev.start < para.end


def test_keeping_each_mentions_strongest_pairs_only_groups_as_keeping_them_all(monkeypatch) -> None:
    """A chronology dated by one year throughout: every mention overlaps every other and many agree. Each
    keeps only its ``PARTNERS`` strongest pairs (memory grows with the mentions, not their pairs); the groups
    are those made from every pair."""
    year = DateValue(value="1990", granularity="year", earliest=date(1990, 1, 1), latest=date(1990, 12, 31))
    verbs = ["troops shelled the villages", "envoys signed the accord", "rebels seized the border post"]

    def mentions() -> list[merge._Mention]:
        out = []
        for n in range(120):
            words = verbs[n % 3]
            ev = Evidence(article=f"a{n}", start=0, end=len(words), text=words)  # articles apart: none alike
            event = Event(id=f"a{n}:e1", headline=words, date=year, status="occurred", evidence=[ev])
            out.append(merge._Mention(event, 0))
        return out

    monkeypatch.setattr(merge, "PARTNERS", 10**6)
    every = [[e.id for e in c] for c in merge._cluster(mentions())]
    monkeypatch.setattr(merge, "PARTNERS", 2)
    assert [[e.id for e in c] for c in merge._cluster(mentions())] == every
    assert len(every) == 3
