"""Story matching: retellings of one happening are grouped; two happenings of the same type are not."""

from __future__ import annotations

from dateline.core import stories

# Two ferry accidents told by several outlets each, in different words: the same type of happening, but
# other names, places and numbers. And an article about something else.
NORTH = [
    (
        "The ferry Marisol capsized off Port Vell on Sunday with 212 passengers aboard, and coastguards "
        "said 14 people were still missing. Captain Ilse Brandt radioed for help before the ferry rolled over "
        "in heavy swell near the Kessel reef.",
        ["Marisol", "Port Vell", "Ilse Brandt", "Kessel"],
    ),
    (
        "Rescuers searched the Kessel reef for 14 missing people after the Marisol ferry overturned near "
        "Port Vell. The vessel was carrying 212 people. Its captain, Ilse Brandt, survived and was questioned "
        "by investigators.",
        ["Kessel", "Marisol", "Port Vell", "Ilse Brandt"],
    ),
    (
        "Families waited at the Port Vell terminal for news of relatives aboard the Marisol, which turned "
        "over in rough seas. Officials put the number missing at 14 out of 212 on board; Brandt, the captain, "
        "has been praised for her distress call.",
        ["Port Vell", "Marisol", "Brandt"],
    ),
]
SOUTH = [
    (
        "A ferry named Albatross sank in the Dorne estuary on Tuesday; 37 of its 90 passengers were rescued "
        "by fishing boats. Owner Tamsin Okafor said the engine failed as the tide turned.",
        ["Albatross", "Dorne", "Tamsin Okafor"],
    ),
    (
        "Fishing crews pulled 37 passengers from the water after the Albatross went down in the Dorne "
        "estuary. Tamsin Okafor, who owns the ferry, blamed an engine failure; 90 people had boarded.",
        ["Albatross", "Dorne", "Tamsin Okafor"],
    ),
]
OTHER = (
    "The city council approved a new budget for its libraries, adding 6 reading rooms and longer opening "
    "hours from next spring, the mayor Oskar Lind announced.",
    ["Oskar Lind"],
)


def _group(texts: list[tuple[str, list[str]]]) -> list[int]:
    return stories.stories([t for t, _ in texts], [m for _, m in texts])


def test_retellings_are_one_story_and_look_alikes_another() -> None:
    numbers = _group([*NORTH, *SOUTH, OTHER])
    north, south, other = numbers[:3], numbers[3:5], numbers[5]
    assert len(set(north)) == 1 and len(set(south)) == 1
    assert north[0] != south[0]
    assert other not in (north[0], south[0])


def test_similarity_weighs_names_and_numbers() -> None:
    vecs, _ = stories.vectors([t for t, _ in [*NORTH, *SOUTH]], [m for _, m in [*NORTH, *SOUTH]])
    same = stories.similarity(vecs[0], vecs[1])
    look_alike = stories.similarity(vecs[0], vecs[3])
    assert same > stories.STORY_SIMILARITY > look_alike


def test_texts_without_names_are_compared_by_their_words() -> None:
    a = "Heavy rain flooded the valley roads and farmers moved their cattle to higher ground overnight."
    b = "Farmers in the valley moved cattle to higher ground as heavy rain flooded roads."
    c = "A violinist gave a recital of baroque sonatas in the old chapel."
    numbers = stories.stories([a, b, c], [[], [], []])
    assert numbers[0] == numbers[1] != numbers[2]


def test_grouping_needs_no_comparison_of_unrelated_texts() -> None:
    # texts that share no index key are never compared: no candidate pair at all
    _vecs, keys = stories.vectors(["alpha bravo charlie", "delta echo foxtrot"], [[], []])
    assert stories._candidate_pairs(keys) == []
