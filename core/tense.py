"""Tense and modality cues: is a clause about the past, the present or the future, and how sure is it?

Shared by the steps that need it (events; time expressions that lack a year). Pure functions over short
strings; the word lists are general English, not tied to any story.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "present", "future", "unknown"]

# Scheduled happenings: "slated for", "scheduled", "due to", "set to", "will be held".
_PLANNED = re.compile(
    r"\b(?:slated|scheduled|planned|due (?:to|on|in|for)|set (?:to|for)|to be held|will be held|will take place"
    r"|is to (?:meet|hold|begin|start|open|visit|take place)|are to (?:meet|hold|begin|start)|plans? to|agreed to"
    r"|upcoming|forthcoming|will (?:meet|hold|convene|visit|host|resume|continue|begin|start|open|sign|vote))\b",
    re.I,
)
# Expected but not scheduled: forecasts, hopes, likelihoods, plain future.
_EXPECTED = re.compile(
    r"\b(?:expected|expects?|likely|anticipated|forecast|predicted|projected|hopes? to|aims? to|intends? to"
    r"|will|won't|shall|'ll|going to|is to|are to|would|could|might|next)\b",
    re.I,
)
_MODAL_MAY = re.compile(r"\bmay\b")  # lower case only: "May" is a month
_ONGOING = re.compile(
    r"\b(?:is|are|remains?|continues?|still|ongoing|under way|underway|currently|now)\b\s*(?:\w+ing\b)?", re.I
)
_PROGRESSIVE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b", re.I)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|made|met|held|began|begun|took|went|came|won|lost|fell|rose|sent|agreed"
    r"|signed|reached|ended|killed|died|announced|reported|ago|last|earlier|previously|yesterday"
    r"|ha(?:ve|s) (?:\w+ )?(?:been|\w+ed|come|gone|made|taken|begun|won|lost|held|met|fallen|risen))\b"
    r"|\b\w{3,}ed\b",
    re.I,
)
# -ed words that are not past-tense verbs when alone.
_NOT_PAST = {"need", "speed", "indeed", "seed", "feed", "bed", "red", "shed", "proceed", "succeed", "exceed"}


def tense(clause: str) -> Tense:
    """The tense a clause reports, from its cues (future beats past beats present)."""
    if is_future_cue(clause):
        return "future"
    for m in _PAST.finditer(clause):
        if m.group().lower() not in _NOT_PAST:
            return "past"
    if _PROGRESSIVE.search(clause) or _ONGOING.search(clause):
        return "present"
    return "unknown"


def future_status(clause: str) -> Literal["planned", "expected"]:
    """A future happening is ``planned`` when scheduled, else ``expected``."""
    return "planned" if _PLANNED.search(clause) else "expected"


def is_future_cue(clause: str) -> bool:
    return bool(_PLANNED.search(clause) or _EXPECTED.search(clause) or _MODAL_MAY.search(clause))
