"""Write the README's SVG screenshots into screenshots/ (App.save_screenshot inside App.run_test).

python scripts/screenshots.py            # on the fixed synthetic timeline used by the snapshot tests
python scripts/screenshots.py seeds      # on real articles, loaded through the pipeline
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "screenshots"

SHOTS = [  # (file name, terminal size, keys pressed first)
    ("main-80x24.svg", (80, 24), ["j"]),
    ("main-120x40.svg", (120, 40), ["j", "j", "j"]),
    ("detail.svg", (80, 24), ["j", "enter"]),
    ("help.svg", (80, 30), ["question_mark"]),
    ("actor-filter.svg", (120, 40), ["2", "j", "j", "enter"]),
]


async def shoot(paths: list[str], name: str, size: tuple[int, int], keys: list[str]) -> None:
    from dateline.tui.app import DatelineApp

    if paths:
        app = DatelineApp(paths, unicode=True)
    else:
        from tests.factory import sample_timeline

        app = DatelineApp(timeline=sample_timeline().model_copy(update={"problems": []}), unicode=True)
    app.theme = "textual-dark"
    async with app.run_test(size=size) as pilot:
        while app.loading:  # the load starts after the first frame: wait for it to end, not just for workers
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.clear_notifications()
        await pilot.press(*keys)
        await pilot.pause()
        app.save_screenshot(name, str(OUT))
    print(OUT / name)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, size, keys in SHOTS:
        asyncio.run(shoot(sys.argv[1:], name, size, keys))


if __name__ == "__main__":
    main()
