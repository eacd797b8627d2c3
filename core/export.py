"""Render a Timeline as text: JSON (the models dumped), a Markdown briefing, TimelineJS 3 JSON, a plain brief.

Pure functions from :class:`Timeline` to ``str``. Article text is data: the Markdown export escapes it so a
``[bold]`` or ``<script>`` in an article shows literally, and control characters never get through.
"""

from __future__ import annotations

import json
import re
from calendar import monthrange
from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import cache

from pydantic import TypeAdapter

from dateline.core import salience, sources
from dateline.core.clean import printable
from dateline.core.model import Actor, Article, DateValue, Event, Quote, Timeline
from dateline.core.text import counted

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
FUTURE_STATUSES = ("planned", "expected")


def to_json(timeline: Timeline) -> str:
    """The Timeline model dumped: the field contract of ``dateline export --format json``."""
    return "".join(iter_json(timeline))


JSON_CHUNK = 500  # items dumped per call by iter_json


def iter_json(timeline: Timeline) -> Iterator[str]:
    """``timeline.model_dump_json(indent=1)``, the same text, in pieces of JSON_CHUNK list items: a corpus is
    written out without ever holding its whole JSON (over 100 MB for 19,000 articles) in memory."""
    yield "{"
    for n, name in enumerate(Timeline.model_fields):
        value = getattr(timeline, name)
        adapter = _adapter(name)
        yield f"{',' if n else ''}\n {json.dumps(name)}: "
        if not isinstance(value, list) or not value:
            yield adapter.dump_json(value).decode()
            continue
        yield "["
        for i in range(0, len(value), JSON_CHUNK):
            part = adapter.dump_json(value[i : i + JSON_CHUNK], indent=1).decode()
            # "[\n {...},\n {...}\n]" one level deeper: JSON strings hold no raw newline, so this is safe
            yield ("," if i else "") + part[1:-2].replace("\n", "\n ")
        yield "\n ]"
    yield "\n}"


@cache
def _adapter(field: str) -> TypeAdapter:
    return TypeAdapter(Timeline.model_fields[field].annotation)


def shorten(text: str, room: int) -> str:
    """``text`` in at most ``room`` characters, cut between words (never inside one) with "…"."""
    if len(text) <= room:
        return text
    cut = text[: room - 1]
    if text[room - 1].isalnum() and " " in cut:  # the cut falls inside a word: drop that word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def plain(text: str | None) -> str:
    """One line of safe plain text (:func:`dateline.core.clean.printable`), whitespace collapsed."""
    return " ".join(printable(text or "").split())


def md(text: str | None) -> str:
    """Plain text escaped for Markdown (literal, never markup)."""
    return _MD_SPECIAL.sub(r"\\\1", plain(text)).replace("&", "&amp;")


def status_mark(e: Event) -> str:
    return f" ({e.status})" if e.status in FUTURE_STATUSES else ""


def _actor_names(timeline: Timeline) -> dict[str, Actor]:
    return {a.id: a for a in timeline.actors}


def _quotes_by_id(timeline: Timeline) -> dict[str, Quote]:
    return {q.id: q for q in timeline.quotes}


def speaker_name(q: Quote, actors: dict[str, Actor]) -> str:
    return actors[q.speaker].name if q.speaker in actors else "unattributed"


def main_actors(timeline: Timeline, n: int = 10) -> list[Actor]:
    """Actors ordered by how much the articles say about them (mentions, then quotes)."""
    quoted = Counter(q.speaker for q in timeline.quotes if q.speaker)
    return sorted(timeline.actors, key=lambda a: (-(len(a.mentions) + 2 * quoted[a.id]), a.name))[:n]


def chosen_quotes(timeline: Timeline, n: int = 6) -> list[Quote]:
    """A few quotes: attributed ones first, one per speaker before a second from anyone, longer first."""
    attributed = sorted((q for q in timeline.quotes if q.speaker), key=lambda q: -len(q.text))
    out: list[Quote] = []
    seen: set[str | None] = set()
    for q in attributed:
        if q.speaker not in seen and len(q.text) > 30:
            out.append(q)
            seen.add(q.speaker)
    for q in attributed:
        if len(out) >= n:
            break
        if q not in out and len(q.text) > 30:
            out.append(q)
    return out[:n]


def markdown(timeline: Timeline) -> str:
    actors = _actor_names(timeline)
    quotes = _quotes_by_id(timeline)
    where = _source_lines(timeline)
    lines = [
        f"# Timeline: {sources.counted_articles(timeline.articles)}, {counted(len(timeline.events), 'event')}",
        "",
    ]
    for e in timeline.events:
        n = len(e.articles)
        lines.append(f"## {md(e.date.label())}{status_mark(e)}: {md(e.headline)}")
        lines.append("")
        lines.append(f"*{md(e.date_how)}* — {counted(n, 'source')}")
        lines.append("")
        for ev in e.evidence:
            lines.append(f"- {md(ev.text)} — *{md(where.get(ev.article, ev.article))}*")
        who = [actors[a].name for a in e.actors if a in actors]
        if who:
            lines.append(f"- Actors: {md(', '.join(who))}")
        for qid in e.quotes[:3]:
            q = quotes.get(qid)
            if q:
                speaker = speaker_name(q, actors)
                lines.append(f"- “{md(q.text)}” — {md(speaker)}")
        lines.append("")
    lines += ["## Actors", ""]
    for a in main_actors(timeline, 20):
        roles = "; ".join(dict.fromkeys(r.title for r in a.roles))
        lines.append(f"- **{md(a.name)}** ({a.kind}{'; ' + md(roles) if roles else ''})")
    lines += ["", "## Quotes", ""]
    for q in chosen_quotes(timeline, 10):
        speaker = speaker_name(q, actors)
        lines.append(f"> {md(q.text)}\n>\n> — {md(speaker)}\n")
    if timeline.problems:
        lines += ["## Skipped input", ""]
        lines += [f"- {md(p.path)}: {md(p.reason)}" for p in timeline.problems]
    return "\n".join(lines).rstrip() + "\n"


def _date_parts(d: date, granularity: str) -> dict[str, int]:
    if granularity in ("year", "decade", "century", "half", "quarter", "season"):
        return {"year": d.year}
    if granularity in ("month",):
        return {"year": d.year, "month": d.month}
    return {"year": d.year, "month": d.month, "day": d.day}


def _bound_granularity(v: DateValue) -> str:
    """The granularity both bounds of a range share (whole months or years), for TimelineJS parts."""
    lo, hi = v.earliest, v.latest
    if v.granularity != "range" or lo is None or hi is None:
        return v.granularity
    if lo.day == 1 and hi.day == monthrange(hi.year, hi.month)[1]:
        return "year" if lo.month == 1 and hi.month == 12 else "month"
    return "day"


def timelinejs(timeline: Timeline) -> str:
    """TimelineJS 3 JSON: start_date/end_date with unknown parts left out, text, group (the status), and as
    ``media`` the URL of the first source that has one, with its outlet as the credit. TimelineJS needs a
    start date: undated events (an article with no date) are left out, and a title slide says how many; the
    other exports keep them."""
    where = _source_lines(timeline)
    articles = {a.id: a for a in timeline.articles}
    actors = _actor_names(timeline)
    quotes = _quotes_by_id(timeline)
    out = []
    for e in timeline.events:
        v = e.date
        if v.undated:
            continue
        g = _bound_granularity(v)
        item: dict = {"unique_id": e.id, "group": e.status, "display_date": v.label() + status_mark(e)}
        if v.earliest is None or v.latest is None:
            known = v.earliest or v.latest
            assert known is not None
            item["start_date"] = {"year": known.year}
        else:
            item["start_date"] = _date_parts(v.earliest, g)
            if v.latest != v.earliest and _date_parts(v.latest, g) != item["start_date"]:
                item["end_date"] = _date_parts(v.latest, g)
        body = "".join(
            f"<p>{_html(ev.text)} <em>({_html(where.get(ev.article, ev.article))})</em></p>"
            for ev in e.evidence
        )
        if media := _media([articles[a] for a in e.articles if a in articles]):
            item["media"] = media
        who = [actors[a].name for a in e.actors if a in actors]
        if who:
            body += f"<p><strong>Actors:</strong> {_html(', '.join(who))}</p>"
        for qid in e.quotes[:3]:
            q = quotes.get(qid)
            if q:
                speaker = speaker_name(q, actors)
                body += f"<blockquote>{_html(q.text)} — {_html(speaker)}</blockquote>"
        item["text"] = {"headline": _html(e.headline), "text": body}
        out.append(item)
    doc: dict = {"events": out}
    if left := sum(e.date.undated for e in timeline.events):
        note = f"{counted(left, 'undated event')} left out: TimelineJS needs a date (see the other exports)"
        doc["title"] = {"text": {"headline": "Timeline", "text": f"<p>{note}</p>"}}
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _source_lines(timeline: Timeline) -> dict[str, str]:
    return {a.id: sources.line(a, short=True) for a in timeline.articles}


def _media(articles: list[Article]) -> dict[str, str] | None:
    """TimelineJS media for an event: the first source's URL, credited to its outlet, captioned by its title."""
    for a in articles:
        if a.url:
            media = {"url": plain(a.url), "caption": _html(sources.label(a))}
            if a.source:
                media["credit"] = _html(a.source)
            return media
    return None


def _html(text: str) -> str:
    return plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


KEY_EVENTS = 10  # events the brief lists first, by salience


def brief(timeline: Timeline, width: int = 100, top: int = KEY_EVENTS) -> str:
    """A compact plain-text briefing: the ``top`` key events (most salient, in date order), then every event by
    date with status and sources, main actors, a few quotes."""
    actors = _actor_names(timeline)
    lines: list[str] = []
    span = [e.date for e in timeline.events if e.date.earliest]
    head = [
        sources.counted_articles(timeline.articles),
        counted(len(timeline.events), "event"),
        counted(len(timeline.actors), "actor"),
        counted(len(timeline.quotes), "quote"),
    ]
    if span:
        head.append(f"{span[0].label()} to {span[-1].label()}")
    lines += _joined(head, " · ", width)
    date_w = max((len(e.date.label()) for e in timeline.events), default=8)
    where = {a.id: a for a in timeline.articles}
    if 0 < top < len(timeline.events):
        chosen = {id(e) for e in salience.key_events(timeline, top)}
        lines += ["", f"KEY EVENTS ({top} of {len(timeline.events)})"]
        for e in timeline.events:
            if id(e) in chosen:
                lines.append(_brief_row(e, date_w, width))
                lines += _brief_sources(e, where, date_w, width)
        lines += ["", "EVENTS"]
        lines += [_brief_row(e, date_w, width) for e in timeline.events]
    else:  # every event is a key event: each with its sources
        lines += ["", "EVENTS"]
        for e in timeline.events:
            lines.append(_brief_row(e, date_w, width))
            lines += _brief_sources(e, where, date_w, width)
    main = main_actors(timeline, 10)
    if main:
        lines += ["", "ACTORS"]
        for a in main:
            roles = ", ".join(dict.fromkeys(r.title for r in a.roles))[:50]
            lines.append(f"  {plain(a.name)} ({a.kind}{'; ' + plain(roles) if roles else ''})")
    qs = chosen_quotes(timeline, 5)
    if qs:
        lines += ["", "QUOTES"]
        for q in qs:
            speaker = plain(speaker_name(q, actors))
            text = plain(q.text)
            lines.append(f"  “{shorten(text, width - 10)}”")
            lines.append(f"      — {speaker}" + (f", to {plain(q.venue)}" if q.venue else ""))
    if timeline.problems:
        lines += ["", f"SKIPPED ({len(timeline.problems)})"]
        lines += [f"  {plain(p.path)}: {plain(p.reason)}" for p in timeline.problems]
    return "\n".join(lines) + "\n"


def _joined(parts: list[str], sep: str, width: int) -> list[str]:
    """``parts`` joined by ``sep`` on as few lines of at most ``width`` characters as they fit on (a line
    breaks between parts, never inside one)."""
    out: list[str] = []
    for part in parts:
        if out and len(out[-1]) + len(sep) + len(part) <= width:
            out[-1] += sep + part
        else:
            out.append(part)
    return out


BRIEF_SOURCES = 3  # sources shown under an event in the brief


def _brief_sources(e: Event, articles: dict[str, Article], date_w: int, width: int) -> list[str]:
    """The event's sources, one line each (outlet · date · title · URL), under its row."""
    indent = " " * (date_w + 4)
    out = []
    ids = e.articles
    room = max(20, width - len(indent) - 2)
    for aid in ids[:BRIEF_SOURCES]:
        text = _source_line(articles[aid], room) if aid in articles else plain(aid)
        out.append(f"{indent}· {text if len(text) <= room else text[: room - 1] + '…'}")
    if len(ids) > BRIEF_SOURCES:
        out.append(f"{indent}· and {len(ids) - BRIEF_SOURCES} more")
    return out


def _source_line(article: Article, room: int) -> str:
    """``outlet · date · title · URL`` in ``room`` characters: the title gives way first, so that the URL,
    the one part a reader cannot guess from the rest, is kept whole while it fits."""
    line = plain(sources.line(article, short=True))
    title = plain(sources.label(article))
    if len(line) <= room or not title or title not in line:
        return line
    keep = room - (len(line) - len(title))
    return line.replace(title, shorten(title, keep), 1) if keep >= 12 else line


def _brief_row(e: Event, date_w: int, width: int) -> str:
    """One event on one line of at most ``width`` characters (the headline is what gives way)."""
    status = e.status if e.status != "unknown" else ""
    head = f"  {e.date.label():<{date_w}}  {status:<9} "
    tail = f"  [{counted(len(e.articles), 'source')}]"
    text = shorten(plain(e.headline), max(20, width - len(head) - len(tail)))
    return head + text + tail


CSV_COLUMNS = ("date", "earliest", "latest", "status", "headline", "outlet", "title", "url", "sentence")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text: one line, and a leading ``=``/``+``/``-``/``@`` (which
    would start a formula) kept literal behind an apostrophe."""
    text = "" if value is None else plain(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def iter_csv(timeline: Timeline) -> Iterator[str]:
    """CSV for a spreadsheet: a header, then one row per event and source sentence (an event told by three
    articles gives three rows), with the event's date, bounds, status and headline and the source's outlet,
    title, URL and sentence."""
    import csv
    import io

    articles = {a.id: a for a in timeline.articles}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in timeline.events:
        v = e.date
        head = [v.label(), v.earliest, v.latest, e.status, e.headline]
        for ev in e.evidence or [None]:
            article = articles.get(ev.article) if ev is not None else None
            source = [
                article.source if article else None,
                article.title if article else None,
                article.url if article else None,
                ev.text if ev is not None else None,
            ]
            writer.writerow([_cell(x) for x in head + source])
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


FORMATS = ("json", "md", "timelinejs", "csv")


def render(timeline: Timeline, fmt: str) -> Iterator[str]:
    """``timeline`` in format ``fmt`` (one of FORMATS), in pieces to write one after another."""
    if fmt == "json":
        return iter_json(timeline)
    if fmt == "md":
        return iter([markdown(timeline)])
    if fmt == "timelinejs":
        return iter([timelinejs(timeline)])
    if fmt == "csv":
        return iter_csv(timeline)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
