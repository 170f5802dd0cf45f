"""The Windows build environment's requirements, for ``windows_under_wine.sh`` (host Python).

    python build_scripts/wine/requirements.py list             # one requirement a line
    python build_scripts/wine/requirements.py closure WHEELS   # the wheels to install

The project's runtime dependencies and its ``[ui]`` extra (read from ``pyproject.toml``),
PyInstaller as ``build.py`` pins it, and the Windows-only packages that ``pip download
--platform win_amd64`` run on Linux leaves out (it evaluates ``sys_platform`` markers for
Linux). numpy and pandas stay out: numpy aborts on import under wine 8 (``ucrtbase.crealf``),
and the bundle excludes both anyway (``bundle_layout.PYTHON_EXCLUDES``).
"""

from __future__ import annotations

import ast
import email.parser
import re
import sys
import tomllib
import zipfile
from pathlib import Path

try:
    from packaging.markers import Marker
except ImportError:  # pip always carries it
    from pip._vendor.packaging.markers import Marker

ROOT = Path(__file__).resolve().parents[2]

WINDOWS_ENV = {
    "sys_platform": "win32",
    "platform_system": "Windows",
    "os_name": "nt",
    "platform_machine": "AMD64",
    "python_version": "3.11",
    "python_full_version": "3.11.9",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "extra": "",
}

LEFT_OUT = {"pandas", "numpy"}
"""Never installed in the Windows build environment (see the module's docstring)."""

WINDOWS_ONLY = ("pefile", "pywin32-ctypes", "colorama", "tzdata")
"""Needed on Windows, skipped by Linux markers: PyInstaller (pefile, pywin32-ctypes), keyring
(pywin32-ctypes), tqdm/openai (colorama), zoneinfo (tzdata)."""

BUILD_TOOLS = ("setuptools>=68", "wheel", "pip")
"""For ``pip install -e`` of the project without an index (its build backend)."""


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def pyinstaller_pin() -> str:
    tree = ast.parse((ROOT / "build_scripts" / "build.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "PYINSTALLER" for t in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise SystemExit("PYINSTALLER not found in build_scripts/build.py")


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["ui"]]
    wanted += [pyinstaller_pin(), *WINDOWS_ONLY, *BUILD_TOOLS]
    out = []
    for req in wanted:
        if _name(req) in LEFT_OUT:
            continue
        # markers are evaluated here for 64-bit Windows and CPython 3.11 (pip download
        # would evaluate them for Linux)
        spec, _, marker = req.partition(";")
        if marker.strip() and not Marker(marker.strip()).evaluate(WINDOWS_ENV):
            continue
        out.append(spec.strip())
    return out


def _metadata(wheel: Path) -> tuple[str, list[str]]:
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        message = email.parser.Parser().parsestr(zf.read(meta).decode("utf-8"))
    return _name(message["Name"]), message.get_all("Requires-Dist") or []


def closure(wheels: Path) -> list[Path]:
    """The wheels of ``wheels`` that the requirements need on Windows, dependencies included.

    ``pip download --platform win_amd64`` resolves on Linux with Linux markers: it fetches
    Linux-only packages (secretstorage, jeepney) and misses Windows-only ones. Walking each
    wheel's ``Requires-Dist`` with Windows markers gives what a Windows pip would install;
    a dependency without a wheel is an error (add it to ``WINDOWS_ONLY``)."""
    found = {
        name: (path, deps) for path in wheels.glob("*.whl") for name, deps in [_metadata(path)]
    }
    chosen: dict[str, Path] = {}
    missing: list[str] = []
    todo = [(req, "") for req in requirements()]
    while todo:
        req, parent = todo.pop()
        spec = req.partition(";")[0]
        name = _name(spec)
        extras = re.search(r"\[([^\]]*)\]", spec)
        if name in LEFT_OUT or name in chosen:
            continue
        if name not in found:
            missing.append(f"{name} (needed by {parent or 'the project'})")
            continue
        path, deps = found[name]
        chosen[name] = path
        wanted_extras = {""} | {e.strip() for e in (extras.group(1) if extras else "").split(",")}
        for dep in deps:
            dep_spec, _, dep_marker = dep.partition(";")
            if dep_marker.strip():
                marker_obj = Marker(dep_marker.strip())
                if not any(marker_obj.evaluate({**WINDOWS_ENV, "extra": e}) for e in wanted_extras):
                    continue
            todo.append((dep_spec.strip(), name))
    if missing:
        raise SystemExit("no Windows wheel for: " + ", ".join(sorted(set(missing))))
    return sorted(chosen.values())


if __name__ == "__main__":
    if sys.argv[1:2] == ["closure"]:
        sys.stdout.write("".join(f"{p.name}\n" for p in closure(Path(sys.argv[2]))))
    else:
        sys.stdout.write("\n".join(requirements()) + "\n")
