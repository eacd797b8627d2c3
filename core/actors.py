"""Step 6 — actors: people, countries, organisations and armed groups, one per entity with its aliases."""

from __future__ import annotations

from core.model import Actor, Article


def extract(article: Article) -> list[Actor]:
    """Actors of one article (ids local to the article: ``<article id>:a<n>``)."""
    return []


def merge(groups: list[list[Actor]]) -> tuple[list[Actor], dict[str, str]]:
    """Merge per-article actors into one list; returns it and a map from every local id to its merged id."""
    merged: list[Actor] = []
    id_map: dict[str, str] = {}
    for group in groups:
        for actor in group:
            new_id = f"a{len(merged) + 1}"
            id_map[actor.id] = new_id
            merged.append(actor.model_copy(update={"id": new_id}))
    return merged, id_map
