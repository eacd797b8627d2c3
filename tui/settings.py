"""What the app remembers between runs: the theme and the last view mode, in a small TOML file.

``$DATELINE_CONFIG`` or ``<user config dir>/dateline/settings.toml`` (platformdirs). A missing, unreadable or
damaged file means the defaults; a file that cannot be written is not worth stopping the app for.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

VIEWS = ("all", "key")  # every event, or the key events only


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    view: str = "all"

    def but(self, **changes: object) -> Settings:
        return replace(self, **changes)


def settings_path() -> Path:
    env = os.environ.get("DATELINE_CONFIG")
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("dateline")) / "settings.toml"


def load(path: Path | None = None) -> Settings:
    import tomllib

    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Settings()
    theme = data.get("theme")
    view = data.get("view")
    return Settings(
        theme=theme if isinstance(theme, str) and theme else None,
        view=view if view in VIEWS else "all",
    )


def save(settings: Settings, path: Path | None = None) -> str | None:
    """Write ``settings``; the reason when that failed (None on success)."""
    path = path or settings_path()
    lines = [f"{key} = {json.dumps(value)}" for key, value in asdict(settings).items() if value is not None]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text("# Dateline's remembered settings\n" + "\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        return f"{path}: {exc.strerror or exc}"
    return None
