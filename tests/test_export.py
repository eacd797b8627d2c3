"""Exports: JSON is the model dumped; Markdown and brief keep article text literal; TimelineJS never invents parts."""

import json
from datetime import date

from dateline.core import export
from dateline.core.model import Article, DateValue, Event, Evidence, Timeline


def _timeline(headline: str = "Talks [bold]end[/bold] <b>now</b>") -> Timeline:
    art = Article(id="a", text="Sentence one. Sentence two.", title="T")
    ev = Evidence(article="a", start=0, end=13, text="Sentence one.")
    month = DateValue(
        value="2017-02", granularity="month", earliest=date(2017, 2, 1), latest=date(2017, 2, 28)
    )
    day = DateValue(
        value="2017-01-24", granularity="day", earliest=date(2017, 1, 24), latest=date(2017, 1, 24)
    )
    after = DateValue(value="FUTURE_REF", granularity="unknown", earliest=date(2017, 1, 24), latest=None)
    return Timeline(
        articles=[art],
        events=[
            Event(id="e1", headline=headline, date=day, status="occurred", evidence=[ev]),
            Event(id="e2", headline="Vote", date=month, status="expected", evidence=[ev]),
            Event(id="e3", headline="Summit", date=after, status="planned", evidence=[ev]),
        ],
    )


def test_json_is_the_model_dump() -> None:
    tl = _timeline()
    assert Timeline.model_validate(json.loads(export.to_json(tl))) == tl


def test_json_written_in_pieces_is_the_same_text(monkeypatch) -> None:
    from tests.factory import sample_timeline

    monkeypatch.setattr(export, "JSON_CHUNK", 2)  # several pieces per list
    for tl in (_timeline(), sample_timeline(), Timeline()):
        pieces = list(export.iter_json(tl))
        assert "".join(pieces) == tl.model_dump_json(indent=1)
    assert len(pieces) < len(list(export.iter_json(sample_timeline())))


def test_markdown_escapes_markup() -> None:
    out = export.markdown(_timeline())
    assert "\\[bold\\]end\\[/bold\\]" in out and "<b>" not in out
    assert "Feb 2017 (expected)" in out


def test_timelinejs_leaves_unknown_parts_out() -> None:
    data = json.loads(export.timelinejs(_timeline()))
    by_id = {e["unique_id"]: e for e in data["events"]}
    assert by_id["e1"]["start_date"] == {"year": 2017, "month": 1, "day": 24}
    assert by_id["e2"]["start_date"] == {"year": 2017, "month": 2}
    assert "end_date" not in by_id["e2"]
    assert by_id["e3"]["start_date"] == {"year": 2017} and by_id["e3"]["display_date"].startswith("after")
    assert "&lt;b&gt;" in by_id["e1"]["text"]["headline"]


def test_brief_is_plain_text_with_status_and_sources() -> None:
    out = export.brief(_timeline("Talks\x1b[31m end"))
    assert "\x1b" not in out
    assert "expected" in out and "[1 source]" in out
    assert out.index("24 Jan 2017") < out.index("Feb 2017")


def test_a_brief_source_keeps_its_url_whole_and_shortens_the_title() -> None:
    url = "https://news.example/2017/01/24/talks-end-in-a-promise"
    title = "Talks in the capital end with a promise to meet again next month, officials say " * 2
    tl = _timeline()
    art = tl.articles[0].model_copy(update={"title": title.strip(), "url": url, "source": "Example News"})
    tl = tl.model_copy(update={"articles": [art]})
    for width in (120, 160):
        lines = [line for line in export.brief(tl, width=width).splitlines() if url[:20] in line]
        assert lines and all(line.rstrip().endswith(url) and len(line) <= width for line in lines)
        assert all("Example News" in line and "Talks in the" in line for line in lines)
