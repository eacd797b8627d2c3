"""Reading the web: saved HTML pages, RSS and Atom feeds, HTML inside JSON, and the limits on them.

Every page and feed here is written for these tests (invented outlets, people and stories)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dateline.core import web
from dateline.core.load import load_paths

PARAGRAPHS = [
    "The harbour council of Port Ellery voted on Tuesday to close the old ferry pier for repairs, after "
    "inspectors found cracks in three of its supporting piles during a routine survey last month.",
    "Council chair Miriam Osei said the pier would reopen in the spring. “We cannot take risks with the "
    "crossing that half the town uses every day,” she told reporters outside the council chamber.",
    "Ferry services will move to the fishing quay from next week, and the operator said timetables would "
    "stay the same for the duration of the works, which are expected to cost about 2 million crowns.",
]


def page(
    *,
    title: str = "Port Ellery council shuts ferry pier for repairs",
    site: str = "Ellery Tribune",
    published: str | None = "2023-04-11T09:30:00+00:00",
    url: str = "https://tribune.example/2023/04/11/ferry-pier-closed",
    body: list[str] = PARAGRAPHS,
) -> str:
    """A news page as saved by a browser: navigation, the article, related links, a comment thread, footer."""
    date_meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paras = "\n".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} - {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta name="author" content="Jonas Arkwright">
{date_meta}
<link rel="canonical" href="{url}">
<script>var tracking = "Subscribe now for unlimited access";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="ad">ADVERTISEMENT Buy the best kayaks in town</div>
<article>
<h1>{title}</h1>
<p class="byline">By Jonas Arkwright</p>
{paras}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Lighthouse keeper retires after forty years</a></li>
<li><a href="/b">Storm warning for the northern coast</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Reader99: This pier has been falling apart for years, about time somebody fixed it!</p></div>
</section>
<footer><p>© 2023 Ellery Tribune. All rights reserved.</p></footer>
</body></html>"""


def test_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "pier.html").write_text(page(), encoding="utf-8")
    r = load_paths([tmp_path])
    assert r.problems == []
    [a] = r.articles
    assert a.id == "pier"
    assert a.title == "Port Ellery council shuts ferry pier for repairs"  # the site name is not part of it
    assert a.source == "Ellery Tribune"
    assert a.author == "Jonas Arkwright"
    assert a.url == "https://tribune.example/2023/04/11/ferry-pier-closed"
    assert a.published_given == "2023-04-11"
    for para in PARAGRAPHS:
        assert para in a.text
    # navigation, advertising, related links, comments, scripts and the footer stay out
    for chrome in ("Home", "kayaks", "Lighthouse keeper", "Reader99", "Subscribe now", "All rights reserved"):
        assert chrome not in a.text
    # one paragraph a block, so the pipeline's paragraphs are the page's
    assert a.text.count("\n\n") >= len(PARAGRAPHS) - 1


def test_html_date_is_never_invented_from_a_month(tmp_path: Path) -> None:
    (tmp_path / "p.htm").write_text(
        page(published=None, url="https://t.example/2023/04/pier"), encoding="utf-8"
    )
    [a] = load_paths([tmp_path]).articles
    assert a.published_given is None


def test_the_address_a_browser_saved_a_page_from_is_its_url(tmp_path: Path) -> None:
    html = page().replace(
        '<link rel="canonical" href="https://tribune.example/2023/04/11/ferry-pier-closed">', ""
    )
    saved = "<!-- saved from url=(0038)https://tribune.example/saved/pier -->\n" + html
    (tmp_path / "saved.html").write_text(saved, encoding="utf-8")
    [a] = load_paths([tmp_path]).articles
    assert a.url == "https://tribune.example/saved/pier"


def test_html_without_text_is_reported_by_name(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (tmp_path / "good.html").write_text(page(), encoding="utf-8")
    r = load_paths([tmp_path])
    assert [a.id for a in r.articles] == ["good"]
    [p] = r.problems
    assert p.path.endswith("empty.html") and "no article text" in p.reason


def test_hostile_html_never_raises(tmp_path: Path) -> None:
    bad = [
        "<html><body><p>unclosed <b>tags <i>everywhere",
        "<" * 5000,
        "<html>\x00\x01 binary",
        "<!DOCTYPE html><html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>",
    ]
    for i, text in enumerate(bad):
        (tmp_path / f"bad{i}.html").write_text(text, encoding="utf-8")
    r = load_paths([tmp_path])
    assert len(r.articles) + len(r.problems) >= len(bad)
    assert all(p.path.endswith(".html") for p in r.problems)


def test_page_in_another_charset_is_decoded_by_its_own_declaration(tmp_path: Path) -> None:
    html = page().replace('charset="utf-8"', 'charset="iso-8859-1"').replace("crowns", "krónur")
    (tmp_path / "latin.html").write_bytes(html.encode("latin-1", errors="replace"))
    [a] = load_paths([tmp_path]).articles
    assert "krónur" in a.text


def test_twenty_megabyte_page_is_refused_by_name(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    filler = "<div><p>" + "filler words " * 80 + "</p></div>\n"
    with big.open("w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><body>")
        while f.tell() < 20 * 1024 * 1024:
            f.write(filler)
        f.write("</body></html>")
    (tmp_path / "good.html").write_text(page(), encoding="utf-8")
    r = load_paths([tmp_path])
    assert [a.id for a in r.articles] == ["good"]
    [p] = r.problems
    assert p.path.endswith("huge.html") and "larger than" in p.reason and p.skipped


def test_page_text_longer_than_an_article_is_cut_like_a_text_file(tmp_path: Path) -> None:
    long_body = [
        f"Paragraph {i} of the report says the pier needs repairs before the spring." for i in range(400)
    ]
    (tmp_path / "long.html").write_text(page(body=long_body), encoding="utf-8")
    r = load_paths([tmp_path], max_bytes=5000)
    [a] = r.articles
    assert len(a.text) == 5000
    assert any("truncated" in p.reason and not p.skipped for p in r.problems)


def test_html_field_in_json_records(tmp_path: Path) -> None:
    records = [
        {"id": "given-id", "html": page(), "title": "The title the record gives"},
        {"html": page(title="Second story on the pier", site="Other Paper")},
        {"html": "<html><body></body></html>"},
    ]
    (tmp_path / "pages.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    r = load_paths([tmp_path])
    first, second = r.articles
    assert first.id == "given-id" and first.title == "The title the record gives"  # the record wins
    assert (
        first.source == "Ellery Tribune" and first.published_given == "2023-04-11"
    )  # the page fills the rest
    assert second.title == "Second story on the pier" and second.source == "Other Paper"
    assert PARAGRAPHS[0] in second.text
    [p] = r.problems
    assert p.path.endswith("pages.jsonl:3")


def test_page_without_suffix_is_recognised(tmp_path: Path) -> None:
    (tmp_path / "saved_page").write_text(page(), encoding="utf-8")
    [a] = load_paths([tmp_path / "saved_page"]).articles
    assert a.source == "Ellery Tribune" and "<p>" not in a.text


def test_site_name_is_stripped_from_either_end_of_a_title() -> None:
    assert web.strip_site_name("Pier closed - Ellery Tribune", "Ellery Tribune") == "Pier closed"
    assert web.strip_site_name("Ellery Tribune | Pier closed", "Ellery Tribune") == "Pier closed"
    assert web.strip_site_name("Pier closed – ellery  tribune", "Ellery Tribune") == "Pier closed"
    assert web.strip_site_name("Ellery Tribune", "Ellery Tribune") == "Ellery Tribune"  # never to nothing
    assert web.strip_site_name("Pier closed | Ellery Tribune Local News", "Ellery Tribune") == "Pier closed"
    assert (
        web.strip_site_name("Pier closed - tribune.example", "Ellery Tribune", "tribune.example")
        == "Pier closed"
    )
    assert web.strip_site_name("Tribune reporters win award", "Tribune") == "Tribune reporters win award"


# --- feeds ------------------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Ellery Tribune: Local</title><link>https://tribune.example/</link><description>Local news</description>
<item>
  <title>Port Ellery council shuts ferry pier for repairs</title>
  <link>https://tribune.example/2023/04/11/ferry-pier-closed</link>
  <guid>https://tribune.example/?p=101</guid>
  <pubDate>Tue, 11 Apr 2023 09:30:00 +0000</pubDate>
  <author>jonas@tribune.example (Jonas Arkwright)</author>
  <description>{summary}</description>
</item>
<item>
  <title>Lighthouse keeper retires after forty years</title>
  <link>https://tribune.example/2023/04/12/lighthouse</link>
  <pubDate>Wed, 12 Apr 2023 07:00:00 +0000</pubDate>
  <description>Agnes Cole, keeper of the North Point light since 1983, retired on Wednesday.</description>
</item>
<item><title>An entry with nothing in it</title></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Weekly</title>
  <id>urn:uuid:harbour-weekly</id><updated>2023-04-13T10:00:00Z</updated>
  <entry>
    <title type="html">Ferry &lt;em&gt;moves&lt;/em&gt; to the fishing quay</title>
    <link href="https://harbour.example/ferry-moves"/>
    <id>urn:uuid:entry-1</id>
    <published>2023-04-13T08:00:00Z</published><updated>2023-04-13T09:00:00Z</updated>
    <author><name>Priya Lindqvist</name></author>
    <summary>Short summary only.</summary>
    <content type="html">{content}</content>
  </entry>
</feed>"""


def _escaped(paragraphs: list[str]) -> str:
    from xml.sax.saxutils import escape

    return escape("".join(f"<p>{p}</p>" for p in paragraphs))


def test_rss_feed_gives_one_article_per_entry(tmp_path: Path) -> None:
    (tmp_path / "local.rss").write_text(RSS.format(summary=_escaped(PARAGRAPHS)), encoding="utf-8")
    r = load_paths([tmp_path])
    first, second = r.articles
    assert [first.id, second.id] == ["local-1", "local-2"]
    assert first.title == "Port Ellery council shuts ferry pier for repairs"
    assert first.url == "https://tribune.example/2023/04/11/ferry-pier-closed"
    assert first.published_given == "2023-04-11"
    assert first.source == "Ellery Tribune: Local"
    assert first.author and "Jonas Arkwright" in first.author
    assert first.external_id == "https://tribune.example/?p=101"
    assert PARAGRAPHS[1] in first.text and "<p>" not in first.text
    assert second.text.startswith("Agnes Cole")  # a summary, when that is all there is
    [p] = r.problems
    assert p.path.endswith("local.rss#3") and "without text" in p.reason


def test_atom_feed_html_content_goes_through_the_main_text_path(tmp_path: Path) -> None:
    (tmp_path / "weekly.atom").write_text(ATOM.format(content=_escaped(PARAGRAPHS)), encoding="utf-8")
    r = load_paths([tmp_path])
    assert r.problems == []
    [a] = r.articles
    assert a.title == "Ferry moves to the fishing quay"
    assert a.source == "Harbour Weekly"
    assert a.author == "Priya Lindqvist"
    assert a.url == "https://harbour.example/ferry-moves"
    assert a.published_given == "2023-04-13"
    assert PARAGRAPHS[2] in a.text and "Short summary" not in a.text


def test_broken_feed_loads_its_good_entries_and_is_reported_by_name(tmp_path: Path) -> None:
    good = RSS.format(summary=_escaped(PARAGRAPHS))
    cut = good[: good.index("<item><title>An entry")] + "<item><title>Cut off & broken <link>"
    (tmp_path / "broken.xml").write_text(cut, encoding="utf-8")
    (tmp_path / "fine.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    r = load_paths([tmp_path])
    ids = [a.id for a in r.articles]
    assert "broken-1" in ids and "broken-2" in ids and "fine" in ids
    assert any(p.path.endswith("broken.xml") and "malformed feed" in p.reason for p in r.problems)


def test_xml_that_is_no_feed_is_reported(tmp_path: Path) -> None:
    (tmp_path / "config.xml").write_text('<?xml version="1.0"?><settings><a>1</a></settings>')
    r = load_paths([tmp_path])
    assert r.articles == []
    [p] = r.problems
    assert p.path.endswith("config.xml") and "not an RSS or Atom feed" in p.reason


def test_feed_without_suffix_is_recognised(tmp_path: Path) -> None:
    (tmp_path / "download").write_text(RSS.format(summary=_escaped(PARAGRAPHS)), encoding="utf-8")
    r = load_paths([tmp_path / "download"])
    assert [a.id for a in r.articles] == ["download-1", "download-2"]


def test_a_page_a_feed_and_pasted_text_of_one_story_merge(tmp_path: Path) -> None:
    """The same happening from a saved page, a feed entry and a pasted article is one event with 3 sources."""
    from dateline.core.pipeline import build_timeline

    (tmp_path / "tribune.html").write_text(page(), encoding="utf-8")
    (tmp_path / "weekly.atom").write_text(ATOM.format(content=_escaped(PARAGRAPHS)), encoding="utf-8")
    pasted = (
        "Port Ellery council shuts ferry pier for repairs\n\nBy Staff Reporter\n"
        "Published: 11 April 2023 at 10:05 AM | Updated 2 hours ago\n\n" + "\n\n".join(PARAGRAPHS)
    )
    (tmp_path / "pasted.txt").write_text(pasted, encoding="utf-8")
    loaded = load_paths([tmp_path])
    assert len(loaded.articles) == 3
    timeline = build_timeline(loaded.articles, loaded.problems)
    by_id = {a.id: a for a in timeline.articles}
    assert by_id["pasted"].published_given == "2023-04-11"  # from its timestamp line
    assert by_id["pasted"].title == "Port Ellery council shuts ferry pier for repairs"
    merged = [e for e in timeline.events if len(e.articles) == 3]
    assert merged, [(e.headline, e.articles) for e in timeline.events]


def test_importing_core_does_not_import_the_web_libraries() -> None:
    code = (
        "import sys, dateline.core, dateline.core.load, dateline.core.web\n"
        "heavy = [m for m in ('trafilatura', 'htmldate', 'feedparser', 'lxml') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
