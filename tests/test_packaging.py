"""What pip installs imports as ``dateline.core`` and ``dateline.tui``: it never shadows, and is never shadowed
by, other distributions' top-level ``core`` or ``tui`` packages."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


# what a build never needs, and what another build of the same tree may be writing at the same time
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel pip builds, from a copy of the sources: setuptools builds in the tree's build/ folder, and
    two suites run at once on one tree (two engineers, or a suite beside a benchmark) broke each other's
    build there, which skipped these tests."""
    out = tmp_path_factory.mktemp("wheel")
    source = tmp_path_factory.mktemp("source") / "dateline"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        pytest.skip(f"could not build a wheel here: {done.stderr.strip()[-300:]}")
    (found,) = out.glob("dateline-*.whl")
    return found


def test_wheel_holds_only_the_dateline_namespace(wheel: Path) -> None:
    import zipfile

    tops = {name.split("/")[0] for name in zipfile.ZipFile(wheel).namelist()}
    assert "core" not in tops and "tui" not in tops
    names = zipfile.ZipFile(wheel).namelist()
    assert "dateline/core/pipeline.py" in names
    assert "dateline/tui/app.tcss" in names  # the app's styles travel with it
    assert "dateline/__init__.py" not in names  # a namespace: nothing of ours sits at the top


def test_installs_beside_packages_named_core_and_tui(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    for name in ("core", "tui"):  # what another distribution named like this would install
        (site / name).mkdir()
        (site / name / "__init__.py").write_text(f"OWNER = 'other-{name}'\n")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    check = (
        "import importlib.util, core, tui\n"
        "assert core.OWNER == 'other-core' and tui.OWNER == 'other-tui'\n"
        "for name in ('dateline.core', 'dateline.tui', 'dateline.tui.widgets'):\n"
        "    spec = importlib.util.find_spec(name)\n"
        "    assert spec is not None and spec.origin.endswith('__init__.py'), name\n"
        "    assert '/dateline/' in spec.origin, spec.origin\n"
        "print('ok')\n"
    )
    done = subprocess.run([python, "-c", check], capture_output=True, text=True, cwd=tmp_path)
    assert done.stdout.strip() == "ok", done.stderr
