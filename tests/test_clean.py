"""Page furniture is marked (not deleted) and metadata lines fill the article."""

import pytest

from dateline.core.clean import clean, normalise_text
from dateline.core.model import Article
from dateline.core.text import content_sentences, lead_paragraphs

PAGE = (
    "(XYZ) Springfield – The city council approved the budget after a long debate.\n\n"
    "A man walks past the council building in Springfield on March 3, 2020.\n"
    "A man walks past the council building in Springfield on March 3, 2020.\n\n"
    "Councillors argued for hours about the library.\n\n"
    "Photo: Jane Roe/Agency\n\n"
    "This work is licensed under a Creative Commons Attribution 4.0 International License.\n\n"
    "AUTHOR: John Doe\n\n"
    "Source: Springfield Herald\n\n"
    "Comments are closed.\n"
)


def _kinds(art: Article) -> dict[str, str]:
    return {f.kind: art.text[f.start : f.end] for f in art.furniture}


def test_furniture_is_marked_and_text_kept() -> None:
    art = clean(Article(id="x", text=PAGE))
    kinds = _kinds(art)
    assert art.text == PAGE
    assert kinds["dateline"].startswith("(XYZ)")
    assert kinds["caption"].startswith("A man walks") and kinds["repeat"].startswith("A man walks")
    assert kinds["credit"] == "Photo: Jane Roe/Agency"
    assert "Creative Commons" in kinds["licence"]
    assert kinds["byline"] == "AUTHOR: John Doe" and kinds["source"] == "Source: Springfield Herald"
    assert kinds["comments"] == "Comments are closed."
    assert art.author == "John Doe" and art.source == "Springfield Herald"


def test_content_sentences_skip_furniture_but_keep_captions() -> None:
    art = clean(Article(id="x", text=PAGE))
    texts = [art.text[s.start : s.end] for s in content_sentences(art)]
    assert any(t.startswith("A man walks") for t in texts)
    assert sum(t.startswith("A man walks") for t in texts) == 1  # the repeat is skipped
    assert not any("Creative Commons" in t or "John Doe" in t or "Comments" in t for t in texts)


def test_lead_skips_headline_and_captions() -> None:
    text = (
        "Council approves budget\n\n"
        "A man walks past the council building on March 3, 2020.\n"
        "A man walks past the council building on March 3, 2020.\n\n"
        "The city council approved the budget after a long debate.\n"
    )
    art = clean(Article(id="x", text=text))
    assert art.title == "Council approves budget"
    [lead] = lead_paragraphs(art, 1)
    assert art.text[lead.start : lead.end].startswith("The city council approved")


def test_control_characters_become_spaces_and_markup_stays() -> None:
    raw = "Title\x1b]0;pwned\x07 and \x1b[31mred\x1b[0m [bold]x[/bold]\x7f\x00 end"
    out = normalise_text(raw)
    assert "\x1b" not in out and "\x07" not in out and "\x7f" not in out and "\x00" not in out
    assert "[bold]x[/bold]" in out and "red" in out


def test_wire_datelines_are_furniture() -> None:
    for text in (
        "    SPRINGFIELD, Feb 26 - The mill said it would close.\n",
        "    SPRINGFIELD, Ill., March 2 - The mill said it would close.\n",
        "    SPRINGFIELD, 2 March - The mill said it would close.\n",
    ):
        art = clean(Article(id="x", text=text))
        [f] = [f for f in art.furniture if f.kind == "dateline"]
        assert art.text[f.end :].strip().startswith("The mill"), text
    prose = clean(Article(id="x", text="The talks ended - again, officials said.\n"))
    assert not any(f.kind == "dateline" for f in prose.furniture)


def test_a_dateline_after_the_headline_and_byline_is_furniture_and_names_the_outlet() -> None:
    text = (
        "Mill workers vote to strike\n\nBy Ann Example\n\n"
        "SPRINGFIELD, March 3, 2021 (Wire News) - The mill workers voted to strike on Tuesday.\n"
    )
    art = clean(Article(id="x", text=text))
    [f] = [f for f in art.furniture if f.kind == "dateline"]
    assert art.text[f.start : f.end] == "SPRINGFIELD, March 3, 2021 (Wire News) -"
    assert art.source == "Wire News"
    short = clean(Article(id="y", text="Headline here\nSPRINGFIELD (Wire News) — The mill closed.\n"))
    assert [f.kind for f in short.furniture] == ["dateline"]
    prose = clean(Article(id="z", text="Headline here\nThe mill said on March 3 - again - it would close.\n"))
    assert not any(f.kind == "dateline" for f in prose.furniture)


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ("March 3, 2021 --", None),  # the date alone
        ("(March 3, 2021) —", None),
        ("3 March 2021:", None),  # a colon, as many papers set it
        ("Springfield, 3 March 2021:", None),
        ("SPRINGFIELD, Ill., March 3, 2021 /Wire Release/ --", "Wire Release"),  # a press release's wire
        ("Mar 3 2021 (Wire News) -", "Wire News"),
    ],
)
def test_a_line_opening_with_the_full_date_is_a_dateline(head: str, outlet: str | None) -> None:
    art = clean(
        Article(id="x", text=f"Mill workers vote to strike\n{head} The mill workers voted on Tuesday.\n")
    )
    [f] = [f for f in art.furniture if f.kind == "dateline"]
    assert art.text[f.start : f.end] == head and art.source == outlet


@pytest.mark.parametrize(
    ("text", "head", "outlet"),
    [
        (
            "    east falls, october 9 - the grain mill reopened on Monday.",
            "east falls, october 9 -",
            None,
        ),  # lower case
        ("    **SPRINGFIELD, June 21 - The mill closed.", "SPRINGFIELD, June 21 -", None),  # stray marks
        ("    SPRING/FALLS, Ill., March 3 - The mill closed.", "SPRING/FALLS, Ill., March 3 -", None),
        ("    SPRINGFIELD, March 12, Reuter - The mill closed.", "SPRINGFIELD, March 12, Reuter -", "Reuter"),
        (
            "SPRINGFIELD, Ill. (AP) _ The mill closed.",
            "SPRINGFIELD, Ill. (AP) _",
            "AP",
        ),  # the AP archive's dash
    ],
)
def test_wire_datelines_as_typed(text: str, head: str, outlet: str | None) -> None:
    art = clean(Article(id="x", text=text))
    [f] = [f for f in art.furniture if f.kind == "dateline"]
    assert art.text[f.start : f.end] == head and art.source == outlet


@pytest.mark.parametrize(
    "text", ["the talks ended, march 4 - and nobody came back.", "then, march 4 - and nobody came back."]
)
def test_a_lower_case_sentence_opening_a_text_is_no_dateline(text: str) -> None:
    art = clean(Article(id="x", text=text))
    assert not [f for f in art.furniture if f.kind == "dateline"]


@pytest.mark.parametrize(
    "line",
    [
        "March 3 - the day the mill closed - is remembered here.",  # no year: a sentence, not a dateline
        "In March 2021 - a month of strikes - the mill closed.",
        "The vote on March 3, 2021 - a Tuesday - was close.",
    ],
)
def test_a_sentence_with_a_date_and_a_dash_is_no_dateline(line: str) -> None:
    art = clean(Article(id="x", text=f"Mill workers vote to strike\n{line}\n"))
    assert not [f for f in art.furniture if f.kind == "dateline"]


def test_a_dated_dateline_dates_the_article() -> None:
    from dateline.core import published

    text = (
        "Mill workers vote to strike\n\nSPRINGFIELD, March 3, 2021 (Wire News) - Workers voted on Tuesday.\n"
    )
    art = clean(Article(id="x", text=text))
    from dateline.core import timexes

    art = published.infer(art, timexes.extract(art, None))
    assert art.published is not None and art.published.earliest is not None
    assert art.published.earliest.isoformat().startswith("2021-03-0")


def test_a_headline_with_a_score_is_no_wire_dateline() -> None:
    article = clean(Article(id="h", text="RUGBY - HARBOUR BEAT DALE 2-1 IN CUP .\nThe match was close."))
    assert not [f for f in article.furniture if f.kind == "dateline"]
