"""Headless code never loads Qt: the CLI, the cloud and a future service run without it.

import-linter (run by ``python dev.py test``) checks the import statements; this checks what
really gets loaded, lazy imports and plugins included, in a fresh interpreter.
"""

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEADLESS = (
    "localpro_protocol",
    "localpro_desktop.domain",
    "localpro_desktop.store",
    "localpro_desktop.sync",
    "localpro_desktop.discovery",
    "localpro_desktop.channels",
    "localpro_desktop.services",
    "localpro_desktop.cli",
    "localpro_cloud",
)
# Loaded by Alembic from files, not imported as modules; `__main__` modules are skipped too
# (importing one runs the program).
SKIP = ("localpro_desktop.store.migrations", "localpro_cloud.migrations")


def headless_modules() -> list[str]:
    names: list[str] = []
    for package in HEADLESS:
        path = ROOT.joinpath(*package.split("."))
        names.append(package)
        for info in pkgutil.walk_packages([str(path)], prefix=package + "."):
            if not info.name.startswith(SKIP) and not info.name.endswith(".__main__"):
                names.append(info.name)
    return sorted(names)


def test_the_list_of_headless_modules_is_not_empty() -> None:
    modules = headless_modules()
    assert "localpro_desktop.services.workspace" in modules
    assert "localpro_desktop.cli.main" in modules
    assert len(modules) > 60


@pytest.mark.parametrize("package", HEADLESS)
def test_importing_headless_code_never_loads_qt(package: str) -> None:
    modules = [m for m in headless_modules() if m == package or m.startswith(package + ".")]
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], f"importing {package} loaded Qt: {loaded}"


def test_the_check_sees_qt_when_it_is_loaded() -> None:
    """The probe itself works: a UI module does load PySide6."""
    script = (
        "import json, sys\n"
        "import localpro_desktop.ui.tasks\n"
        "print(json.dumps('PySide6' in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) is True
