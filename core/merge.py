"""Step 8 — merge across articles: one actor per entity, one event per happening, global ids."""

from __future__ import annotations

from core import actors as actors_step
from core.model import ArticleAnalysis, LoadProblem, Timeline


def merge(analyses: list[ArticleAnalysis], problems: list[LoadProblem] | None = None) -> Timeline:
    actor_list, actor_ids = actors_step.merge([a.actors for a in analyses])
    events = [e for a in analyses for e in a.events]
    quotes = [
        q.model_copy(update={"speaker": actor_ids.get(q.speaker) if q.speaker else None})
        for a in analyses
        for q in a.quotes
    ]
    events.sort(key=lambda e: (e.date.earliest is None, e.date.earliest, e.date.latest))
    return Timeline(
        articles=[a.article for a in analyses],
        events=events,
        timexes=[t for a in analyses for t in a.timexes],
        actors=actor_list,
        quotes=quotes,
        problems=list(problems or []),
    )
