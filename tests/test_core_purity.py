"""core is a library: importing and running it must not load the UI stack."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_does_not_import_ui() -> None:
    code = (
        "import sys, json\n"
        "import dateline.core\n"
        "from dateline.core import load_paths, build_timeline\n"
        "r = load_paths(['seeds'])\n"
        "build_timeline(r.articles, r.problems)\n"
        "ui = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') or m.startswith('dateline.tui')]\n"
        "print(json.dumps(sorted(ui)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_core_sources_never_name_the_ui() -> None:
    for path in (ROOT / "core").rglob("*.py"):
        src = path.read_text(encoding="utf-8")
        for banned in (
            "import textual",
            "from textual",
            "import rich",
            "from rich",
            "from dateline.tui",
            "import dateline.tui",
        ):
            assert banned not in src, f"{path.name} contains {banned!r}"
