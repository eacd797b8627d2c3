"""Page chrome in pasted web text: each class of chrome line, the page's structure, and the metadata chrome
carries. Every line here is written for these tests (invented outlets, people and places)."""

from __future__ import annotations

import pytest

from dateline.core import chrome
from dateline.core.model import Article
from dateline.core.pipeline import analyse
from tests.helpers import article

CLASSES = {
    "timestamp": [
        "Updated 8:12 am",
        "3 hours ago",
        "Published: 4 March 2019 at 10:15 GMT | Updated: 2 hours ago",
        "Posted on Tuesday, 12 Feb 2019",
        "March 4, 2019 / 10:20 AM / 5 months ago",
        "Kamis, 14 Februari 2019 09:30 WIB",  # a date line in another language
        "Lundi 3 juin 2019, 14h05",
        "2019年3月4日",
        "Eastfield Courier | Harbourtown | Updated: 04-03-2019 10:20 IST | Created: 04-03-2019 09:55 IST",
        "Published : Monday, 4 March, 2019 at 12:00 AM  Count : 112",
        "4 Min Read",
        "Reading time: 6 minutes",
        "2019-03-04T10:20:00Z",  # a machine timestamp, with its zone
        "2019-03-04T10:20+01:00",
        "04.03.2019 10:20",
        "First published on Mon 4 Mar 2019 06.00 GMT",
        "Last updated: 04 Mar 2019, 10:15 IST",
        "PUBLISHED: 10:15 GMT, 4 March 2019 | UPDATED: 11:20 GMT, 4 March 2019",
    ],
    "byline": [
        "Eastfield Courier Staff",
        "Staff Reporter",
        "Courier Reporters and Agencies",
        "Web Desk",
        "(Reporting by Nadia Perrin; Editing by Tom Kay)",
    ],
    "credit": [
        "AP",
        "Pool",
        "(WXYZ)",
        "Jane Doe/AFP",
        "REUTERS/John Roe",
        "Photo Sam Lee - Eastfield Courier",
        "Representative image Image Credit: Shutterstock",
        "AP Photo",
        "AP Photo/Jane Doe",
        "Image source, Getty Images",
    ],
    "section": ["World News", "#Business News", "Topics: Harbour, Ferries, Council", "Sport"],
    "share": [
        "Share this article",
        "Facebook Twitter WhatsApp Email",
        "Sign up for our morning newsletter and get the news in your inbox.",
        "Follow us on Instagram",
        "Don't miss the stories everyone is talking about!",
    ],
    "related": [
        "Related Stories",
        "Read more:",
        "You may also like",
        "Trending Now",
        "Harbour ferry fares to rise in spring, the operator saidRead More",
        "Also Read | Ferry fares to rise",
        "More on this story",
    ],
    "ad": ["ADVERTISEMENT", "Story continues below advertisement", "Sponsored"],
    "notice": ["Please enable JavaScript to view this page.", "This article is more than 5 years old"],
    "nav": [
        "Skip to main content",
        "Menu",
        "Home News Sport Weather",
        "Enlarge this image",
        "Eastfield Courier logo",
        "Loading...",
    ],
}

STORY_LINES = [
    "The company said it would follow on from last year's plan with a second round of cuts.",
    "Shares of the firm rose 3 pct to 45 dlrs on March 3 after the results.",
    "Reuters reported the talks had stalled.",
    "The minister met staff at the embassy on Tuesday.",
    "He unveiled the party's new logo at a rally in the capital on Saturday.",
    "LONDON 1996-08-30",  # a wire dateline: place and date, part of the story
    "In March the council will vote on the budget.",
    "Share prices fell sharply in early trading on Monday.",
    "Ferry services resume",  # a headline
    "More talks to follow",
    "Image caption, The ferry terminal was closed on Monday",  # a caption is content
    "Oct/Dec",
    "First, the council voted on March 3, 2019 to raise fares.",
    "You will not believe how many people came, said the organiser, who counted 4,000.",
]


@pytest.mark.parametrize(("kind", "line"), [(k, line) for k, lines in CLASSES.items() for line in lines])
def test_each_class_of_chrome_line(kind: str, line: str) -> None:
    assert chrome.line_kind(line) == kind


@pytest.mark.parametrize("line", STORY_LINES)
def test_story_lines_are_not_chrome(line: str) -> None:
    assert chrome.line_kind(line) is None


@pytest.mark.parametrize("line", ["Page 2 | Development", "Updated 2 | Independent"])
def test_a_long_word_is_no_machine_timestamp(line: str) -> None:
    # an ISO timestamp token has a "t" after its ten characters of date; so do words like "development"
    assert chrome.line_kind(line) != "timestamp"


def test_dates_in_timestamps() -> None:
    assert str(chrome.date_in("Kamis, 14 Februari 2019 09:30 WIB")) == "2019-02-14"
    assert str(chrome.date_in("Updated: 25-06-2021 15:11 IST")) == "2021-06-25"  # the day is over 12
    assert chrome.date_in("Updated: 04-03-2021 15:11 IST") is None  # 4 March or 3 April: not guessed
    assert str(chrome.date_in("2019年3月4日")) == "2019-03-04"
    assert str(chrome.date_in("Dec. 17, 2021 at 11:15 AM")) == "2021-12-17"
    assert str(chrome.date_in("04.03.2021 15:11")) == "2021-03-04"  # dots: day first, wherever so written
    assert str(chrome.date_in("2021-03-04T15:11:00Z")) == "2021-03-04"


def test_author_name_from_a_credit_line() -> None:
    assert chrome.author_name("Nadia Perrin in Harbourtown; Editing by Tom Kay") == "Nadia Perrin"
    assert chrome.author_name("Nadia Perrin, editing by Tom Kay") == "Nadia Perrin"
    assert chrome.author_name("Nadia Perrin") == "Nadia Perrin"


PAGE = """Eastfield Courier logo
Menu
Kapal Feri Berhenti, Pelabuhan Mogok Meluas
Ferries halted as harbour strike spreads - Eastfield Courier
#Local News
Ferries halted as harbour strike spreads
By Nadia Perrin
Published: 4 March 2019 at 10:15 GMT | Updated: 6 March 2019 at 09:00 GMT
4 Min Read

Ferry services across the Eastfield harbour were halted on Monday as a strike by dock workers spread to a third terminal, stranding thousands of commuters.

Union leader Ravi Osman said the strike would go on until the harbour board agreed to talks. "We are not moving until they sit down with us," he told reporters outside the main terminal.

The harbour board said it would meet on Thursday to discuss the dispute.

Related Stories
Harbour board chair steps down after audit
Lighthouse restoration to begin in the summer
Share this article
Facebook Twitter WhatsApp Email
"""


def _page(text: str = PAGE, **kw: object) -> Article:
    return article(text, "page", **kw)


def test_page_structure_headline_metadata_and_chrome() -> None:
    a = _page()
    assert a.title == "Ferries halted as harbour strike spreads"
    assert a.author == "Nadia Perrin"
    assert a.published_given == "2019-03-04"  # published, not updated
    marked = {a.text[f.start : f.end]: f.kind for f in a.furniture}
    assert marked["Menu"] == "nav"
    assert marked["#Local News"] == "section"
    assert marked["4 Min Read"] == "timestamp"
    assert marked["Harbour board chair steps down after audit"] == "related"  # an item of the list
    assert marked["Ferries halted as harbour strike spreads - Eastfield Courier"] == "nav"  # a page-title bar
    assert "Ferries halted as harbour strike spreads" not in marked  # the headline itself is content
    assert not any("Ferry services across" in line for line in marked)  # the story is not


def test_nothing_is_extracted_from_chrome() -> None:
    analysis = analyse(_page())
    text = analysis.article.text
    chrome_lines = [(f.start, f.end) for f in analysis.article.furniture]

    def on_chrome(start: int) -> bool:
        return any(s <= start < e for s, e in chrome_lines)

    names = {a.name for a in analysis.actors}
    assert "Ravi Osman" in names
    assert not any(on_chrome(m.start) for a in analysis.actors for m in a.mentions), names
    assert not any(on_chrome(e.evidence[0].start) for e in analysis.events)
    assert not any(on_chrome(q.start) for q in analysis.quotes)
    assert "Min Read" not in names and "Eastfield Courier" not in names
    assert not any("Kapal" in n or "Pelabuhan" in n for n in names)  # a language switch, not a dateline
    assert any("strike" in text[e.evidence[0].start : e.evidence[0].end] for e in analysis.events)


def test_metadata_the_file_gives_wins() -> None:
    a = _page(title="Given title", author="Given Author", published_given="2019-03-05")
    assert (a.title, a.author, a.published_given) == ("Given title", "Given Author", "2019-03-05")


def test_a_plain_article_is_left_alone() -> None:
    text = (
        "Council approves harbour budget\n\n"
        "The council approved the harbour budget on Tuesday after a long debate.\n\n"
        "Members said the money would go to repairs of the ferry pier and the lighthouse.\n"
    )
    a = article(text, "plain")
    assert a.title == "Council approves harbour budget"
    assert a.furniture == []


def test_hard_wrapped_wire_copy_is_left_alone() -> None:
    text = (
        "    The harbour board said on Tuesday it would raise\n"
        "fares by 5 pct from March 1, citing higher fuel costs and a\n"
        "fall in passenger numbers over the past year.\n"
        "    Board chairman Ann Vale told reporters the increase\n"
        "was the first since 1985.\n"
        " Reuter\n"
    )
    a = article(text, "wire")
    assert [f.kind for f in a.furniture] == ["source"]  # only the sign-off, as before


@pytest.mark.parametrize(
    "tail",
    [
        "November 19, 1986.",  # the rest of a sentence is no page date line (nor the article's date)
        "share.",  # ... no share prompt
        "economy.",  # ... no section label
        "April 2, 1987, the company said.",
    ],
)
def test_the_rest_of_a_hard_wrapped_sentence_is_no_chrome(tail: str) -> None:
    text = (
        "    The harbour board said it had agreed to pay the sum it\n"
        "owed to the ferry union under a pact the two sides signed on\n"
        f"{tail}\n"
        "    Board chairman Ann Vale said the increase was small and\n"
        "would more than pay for itself, adding that more\n"
        "ferries would run from the spring.\n"
        " Reuter\n"
    )
    a = article(text, "wire")
    assert a.published_given is None
    assert [f.kind for f in a.furniture] == ["source"]


def test_a_wrapped_line_after_a_number_or_a_name_is_still_the_sentence() -> None:
    text = (
        "    The harbour board said loans to the ferry union total about\n"
        "2.5 mln dlrs, of which 215,000 dlrs are past due 90\n"
        "days or more.\n"
        "    The board and the union signed a new pact on Monday, HARBOUR\n"
        "sources said.\n"
        "    The board's fares are expected to rise to over 40\n"
        "cents a trip.\n"
        " Reuter\n"
    )
    a = article(text, "wire")
    assert [f.kind for f in a.furniture] == ["source"]


def test_a_date_line_under_a_long_headline_of_a_page_is_still_its_date() -> None:
    """A pasted page has one paragraph to a line: a headline that stops without a full stop is no wrapped
    sentence, and the date line under it is the page's."""
    text = (
        "Harbour board agrees new pay deal with the ferry union\n"
        "Updated: 4 March 2019, 10:20 GMT\n"
        "The harbour board agreed a new pay deal with the ferry union on Monday, ending a strike that had halted"
        " services across the bay for nine days and stranded hundreds of commuters on the islands.\n"
        "Board chairman Ann Vale said the deal was fair to both sides and would be paid for by savings in the"
        " coming year, without any rise in fares for passengers.\n"
    )
    a = _page(text)
    assert a.published_given == "2019-03-04"


@pytest.mark.parametrize(
    "byline",
    [
        "By Nadia Perrin, Staff Writer | March 4, 2019",
        "By Nadia Perrin | Harbour desk | 4 March 2019, 10:20 GMT",
    ],
)
def test_a_bylines_date_field_is_the_publication_day(byline: str) -> None:
    text = (
        "Ferries halted as harbour strike spreads\n"
        f"{byline}\n"
        "The harbour board agreed a new pay deal with the ferry union on Monday, ending a strike that had halted"
        " services across the bay for nine days and stranded hundreds of commuters on the islands.\n"
        "Board chairman Ann Vale said the deal was fair to both sides and would be paid for by savings in the"
        " coming year, without any rise in fares for passengers.\n"
    )
    assert _page(text).published_given == "2019-03-04"


def test_a_byline_without_a_date_field_dates_nothing() -> None:
    text = (
        "Ferries halted as harbour strike spreads\n"
        "By Nadia Perrin | Harbour desk\n"
        "The harbour board agreed a new pay deal with the ferry union on Monday, ending a strike that had halted"
        " services across the bay for nine days and stranded hundreds of commuters on the islands.\n"
    )
    assert _page(text).published_given is None


def test_wire_copy_and_pages_are_told_apart_by_their_line_widths() -> None:
    wire = [(0, 62), (63, 125), (126, 160), (161, 166)]
    page = [(0, 50), (51, 240), (241, 420), (421, 440)]
    assert chrome.hard_wrapped(wire)
    assert not chrome.hard_wrapped(page)
    assert not chrome.hard_wrapped([(0, 20), (21, 30)])  # no long line: nothing to tell by


def test_a_labelled_date_glued_to_the_start_gives_the_day() -> None:
    a = article("date 2019-03-04 Ferry services were halted on Monday as the strike spread.", "glued")
    assert a.published_given == "2019-03-04"


def test_lone_sentence_of_alt_text_among_menus_does_not_open_the_story() -> None:
    text = (
        "Menu\nSearch icon A magnifying glass. It indicates that you can search the whole site.\nNewsletters\n"
        "Loading...\n\nFerries halted as harbour strike spreads\n\nAP\n\n" + PAGE.split("4 Min Read\n", 1)[1]
    )
    a = article(text, "alt")
    assert a.title == "Ferries halted as harbour strike spreads"


def test_a_short_closing_sentence_is_still_the_story() -> None:
    text = PAGE.replace("Related Stories", "The board declined to comment.\n\nRelated Stories")
    a = _page(text)
    start = a.text.index("The board declined")
    assert not any(f.start <= start < f.end for f in a.furniture)
    assert any(
        a.text[f.start : f.end] == "Lighthouse restoration to begin in the summer" for f in a.furniture
    )


def test_a_reporting_credit_names_the_author() -> None:
    text = PAGE.replace("By Nadia Perrin\n", "").replace(
        "Related Stories", "(Reporting by Nadia Perrin in Eastfield; Editing by Tom Kay)\n\nRelated Stories"
    )
    assert _page(text).author == "Nadia Perrin"


def test_a_standfirst_under_the_headline_is_the_story() -> None:
    dek = "Thousands of commuters stranded as talks between the board and union stall"
    text = PAGE.replace("By Nadia Perrin\n", f"{dek}\nBy Nadia Perrin\n")
    a = _page(text)
    start = a.text.index(dek)
    assert not any(f.start <= start < f.end for f in a.furniture)
    assert a.title == "Ferries halted as harbour strike spreads"


ADJACENT = """Skip to main content
Sign in
World
Europe
Harbour workers walk out as ferry dispute escalates
Dock staff in Port Ellery begin indefinite strike after pay talks collapse
Mon 4 Mar 2019 10.15 GMT
Share on Facebook
Dock workers at Port Ellery walked out on Monday after talks over pay collapsed late on Sunday night, halting ferry services to the islands.
The board said it was disappointed and would return to talks on Thursday, when the union will put a new offer to its members.
Topics
Strikes
Most viewed
Lighthouse keeper retires after forty years
"""


def test_headline_right_above_its_standfirst_in_a_page_with_single_line_breaks() -> None:
    a = _page(ADJACENT)
    assert a.title == "Harbour workers walk out as ferry dispute escalates"
    assert a.published_given == "2019-03-04"
    marked = {a.text[f.start : f.end]: f.kind for f in a.furniture}
    assert "Dock staff in Port Ellery begin indefinite strike after pay talks collapse" not in marked
    assert marked["Lighthouse keeper retires after forty years"] == "related"
    assert marked["Strikes"] == "related" and marked["Skip to main content"] == "nav"
