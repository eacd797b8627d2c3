"""The same articles give the same timeline whatever the hash seed: no step may let the order of a set of
strings (which changes with ``PYTHONHASHSEED``) decide ids, groups, aliases or which tied candidate wins."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Names that join across articles only by rules with keys: a surname with a particle ("de Harwick") that is a
# key of two people's names, a surname shared by two people with different given names, an acronym in
# parentheses, and a company's abbreviated head ("Corp" for "Corporation").
ARTICLES = {
    "1.txt": """Port of Velm board backs new quay

Hans Harwick, the chairman of the Velm port board, said on Monday that the board would approve a new quay in
March. Harwick said the quay would cost 40 million crowns.
""",
    "2.txt": """Minister sets out harbour budget

Finance Minister Carla de Harwick said on Tuesday that the harbour budget would rise next year. De Harwick
told reporters the Northfield Shipping Corporation (NSC) would pay part of it. The Northfield Shipping Corp
said it agreed.
""",
    "3.txt": """Harbour deal signed

The harbour plan, de Harwick said on Wednesday, was signed by NSC and the Velm port board. Work will start in
April.
""",
}

# Seeds under which the grouping of "de Harwick" once differed (its two keys were tried in set order).
SEEDS = ("0", "1", "2")


def _export(folder: Path, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "dateline.tui.cli",
            "export",
            "-f",
            "json",
            "--no-cache",
            "-j",
            "1",
            str(folder),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_export_is_the_same_under_every_hash_seed(tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text)
    first, *others = (_export(tmp_path, seed) for seed in SEEDS)
    assert '"de Harwick"' in first  # the corpus does exercise the surname with a particle
    for other in others:
        assert other == first


# Two organisations whose names end in the same word, two people of one surname: a name that no mention
# covers ties between them (neither was named before it), and the first actor must win, not the first of a set.
TIES = """
from dateline.core.model import Actor, Mention
from dateline.core.referents import Referents

text = "Orlen Freight Corp said it would wait. AMES: We agree. Velm Harbour Corp, Northfield Shipping Corp, Jo Ames and Kay Ames met."
def actor(n, name, kind):
    start = text.index(name, 40)
    return Actor(id=f"x:a{n}", name=name, kind=kind, aliases=[name],
                 mentions=[Mention(article="x", start=start, end=start + len(name), text=name)])
refs = Referents(text, [actor(1, "Velm Harbour Corp", "organization"),
                        actor(2, "Northfield Shipping Corp", "organization"),
                        actor(3, "Jo Ames", "person"), actor(4, "Kay Ames", "person")], "x")
print(refs.named("Orlen Freight Corp", 0, 18), refs.named("AMES", 39, 43), refs.labelled("AMES"))
"""


def test_ties_between_actors_go_to_the_first_under_every_hash_seed() -> None:
    for seed in ("0", "1", "2", "3"):
        out = subprocess.run(
            [sys.executable, "-c", TIES],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        # a legal form is no surname: no actor for the company not among them; two people sharing a
        # surname tie, and the first wins
        assert out.stdout.split() == ["None", "x:a3", "x:a3"]
