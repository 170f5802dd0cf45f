"""What goes into the LocalPro bundle and what stays out: read by the spec, build.py and tests.

Plain Python with no PyInstaller import, so the test suite can check the layout without
building anything (``tests/packaging``). The spec (``localpro.spec``) turns these lists into
``Analysis(datas=..., hiddenimports=..., excludes=...)`` and filters the collected files with
``keep_collected``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "localpro_desktop"
RESOURCES = ROOT / "resources"
MIGRATIONS = PACKAGE / "store" / "migrations"
ICON = RESOURCES / "icons" / "localpro.ico"
APP_NAME = "LocalPro"
"""The bundle folder and executable name (``dist/LocalPro/LocalPro[.exe]``)."""

CONSOLE_NAME = "localpro.com"
"""Windows only: the command line, a console executable beside the windowed ``LocalPro.exe``.

A windowed program has no stdout/stderr, so the command line needs its own executable, and
Windows file names ignore case: ``localpro.exe`` would be ``LocalPro.exe``. As Visual
Studio does with devenv.com/devenv.exe, ``localpro demo`` typed in cmd or PowerShell runs
``localpro.com`` (PATHEXT lists .COM before .EXE) and the shortcuts open ``LocalPro.exe``.
PyInstaller names it ``CONSOLE_BUILD_NAME``; build.py renames it after the build. Both
share ``_internal``. Elsewhere the one executable serves the window and the command line.
"""
CONSOLE_BUILD_NAME = "localpro-console"

LANGUAGES = ("en", "fr")
"""UI languages: Qt's own translations and Chromium's locale packs are trimmed to these."""

# -- Qt ------------------------------------------------------------------------------------

QT_MODULES_USED = frozenset(
    {
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtNetwork",  # sync status (QNetworkInformation)
        "QtCharts",  # analytics tab
        "QtWebChannel",  # map page <-> Python bridge
        "QtWebEngineCore",  # map tab
        "QtWebEngineWidgets",
        "QtPrintSupport",  # imported by QtWebEngineWidgets' bindings
    }
)
"""PySide6 binding modules the app imports. Every other ``PySide6.Qt*`` module is excluded.

Qt *libraries* that QtWebEngine links against (Qml, Quick, QuickWidgets, Positioning,
OpenGL, WebChannel, DBus on Linux) still ship: PyInstaller collects shared libraries by
their link dependencies, not by these Python names. QtPdf is not linked by QtWebEngine 6.x
and does not ship.
"""


def qt_binding_modules() -> list[str]:
    """``PySide6.Qt*`` binding modules installed in this environment."""
    try:
        import PySide6
    except ImportError:
        return []
    here = Path(PySide6.__file__).parent
    names = set()
    for path in here.iterdir():
        name = path.name.split(".", 1)[0]
        if name.startswith("Qt") and path.suffix in {".so", ".pyd"}:
            names.add(name)
    return sorted(names)


def qt_excludes() -> list[str]:
    return [f"PySide6.{name}" for name in qt_binding_modules() if name not in QT_MODULES_USED]


# -- Python packages -----------------------------------------------------------------------

PHONENUMBERS_UNUSED = (
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
)
"""Also read by ``hooks/hook-phonenumbers.py``, which otherwise lists every submodule."""

PYTHON_EXCLUDES = (
    # GUI toolkits, notebooks and test tools that dependencies may import optionally
    "tkinter",
    "_tkinter",
    "matplotlib",
    "IPython",
    "jedi",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "xdist",
    "ruff",
    "pip",
    "setuptools",
    "pkg_resources",
    # pandas and numpy are dependencies of the project but the desktop app never imports
    # them (openpyxl and rapidfuzz only use numpy when present): ~130 MB saved
    "pandas",
    "numpy",
    # the cloud service and its server-side dependencies
    "localpro_cloud",
    "fastapi",
    "starlette",
    "uvicorn",
    "psycopg",
    "psycopg_binary",
    "argon2",
    "jwt",
    "aiosmtpd",
    # test-only keyring backends: the real OS keyring is what users get
    "keyrings.alt",
    # zstandard's CFFI backend (12 MB): its C backend is the one loaded; the smoke test
    # decodes a zstd body in the bundle to prove it
    "zstandard.backend_cffi",
    "zstandard._cffi",
    # phonenumbers' carrier and time-zone tables: unused. (Its geocoding tables, 40 MB of
    # source, must stay: domain/normalize.py reads phonenumbers.geodata.locale, and importing
    # that submodule runs the package's __init__, which loads every table.)
    *PHONENUMBERS_UNUSED,
)


def excludes() -> list[str]:
    return [*PYTHON_EXCLUDES, *qt_excludes()]


# -- data files ----------------------------------------------------------------------------

SKIP_DIRS = {"__pycache__"}
SKIP_RESOURCE_SUFFIXES = {".ts"}
"""Translation sources: only the compiled ``.qm`` files are read at run time."""


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not SKIP_DIRS.intersection(path.relative_to(folder).parts):
            yield path


def data_files() -> list[tuple[str, str]]:
    """``(source file, destination folder in the bundle)`` pairs for ``Analysis(datas=...)``.

    * ``resources/`` (map page and vendored Leaflet, translations, icons) at the bundle root,
      where ``localpro_desktop.resources`` looks for it under ``sys._MEIPASS``;
    * the Alembic scripts, *as .py files*: Alembic loads ``env.py`` and ``versions/*.py`` from
      ``store/migrations`` beside ``store/migrate.py`` (``Path(__file__).parent``), which in
      a bundle is ``_MEIPASS/localpro_desktop/store/migrations``;
    * any other non-Python file inside the package (JSON tables and the like).
    """
    pairs: list[tuple[str, str]] = []
    for path in _files(RESOURCES):
        if path.suffix in SKIP_RESOURCE_SUFFIXES:
            continue
        pairs.append((str(path), _dest(path.parent)))
    for path in _files(PACKAGE):
        in_migrations = MIGRATIONS in path.parents
        if in_migrations or path.suffix not in {".py", ".pyc", ".pyi"}:
            pairs.append((str(path), _dest(path.parent)))
    return pairs


def _dest(folder: Path) -> str:
    return str(PurePosixPath(*folder.relative_to(ROOT).parts))


# -- hidden imports ------------------------------------------------------------------------


def python_modules(package: Path = PACKAGE) -> list[str]:
    """Every module of the app: tabs are imported by name when first shown (main_window.TABS),
    which PyInstaller's static analysis cannot see."""
    names = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        if MIGRATIONS in path.parents or SKIP_DIRS.intersection(rel.parts):
            continue
        if rel.name == "__main__":  # runs the CLI when imported
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.append(".".join(parts))
    return names


def imports_of(paths: Iterable[Path]) -> list[str]:
    """Top-level modules imported by ``paths`` (the migration scripts are run from files, so
    their imports must be bundled explicitly)."""
    found: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
    return sorted(found)


def hidden_imports() -> list[str]:
    migration_scripts = [p for p in _files(MIGRATIONS) if p.suffix == ".py"]
    return sorted(
        {
            *python_modules(),
            *imports_of(migration_scripts),
            "sqlalchemy.dialects.sqlite",
            "alembic.ddl.sqlite",
        }
    )


# -- trimming what the Qt hooks collect ----------------------------------------------------

_QT_QM = re.compile(r"(?:^|/)translations/[^/]+?_([a-z]{2})(?:_[A-Za-z]+)?\.qm$")
_WEBENGINE_LOCALE = re.compile(r"(?:^|/)qtwebengine_locales/([^/]+)\.pak$")


UNUSED_QT_PLUGINS: dict[str, tuple[str, ...]] = {
    "imageformats": ("qpdf",),  # PDF as an image format: needs QtPdf, never used
    "platforminputcontexts": ("qtvirtualkeyboardplugin",),  # on-screen keyboard (kiosks)
    "platforms": ("qeglfs", "qlinuxfb", "qvnc", "qminimalegl", "qvkkhrdisplay"),  # embedded
    "egldeviceintegrations": ("*",),  # only for the eglfs platform
    "generic": ("*",),  # evdev / TUIO input for embedded devices
}
"""Qt plugins (by folder, then file name without ``lib`` and extension) left out."""

UNUSED_QT_LIBRARIES = ("Qt6Pdf", "Qt6VirtualKeyboard", "Qt6EglFSDeviceIntegration", "Qt6EglFsKms")
"""Qt libraries only the plugins above load (QtWebEngine does not link QtPdf)."""

UNUSED_QT_DATA = ("qtwebengine_devtools_resources.pak",)
"""Chromium's developer tools (11.7 MB, already compressed): the map never opens them."""

_QT_PLUGIN = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/([^/]+)/(?:lib)?([^/.]+)\.[^/]+$")
_QT_LIBRARY = re.compile(r"(?:^|/)(?:lib)?(Qt6[A-Za-z]+)\.(?:so|dll)")


def keep_collected(dest: str) -> bool:
    """False for collected files the app never uses: Qt translations and Chromium locale
    packs of other languages (QtWebEngine needs ``en-US.pak``; ``fr.pak`` for French), and
    the Qt plugins, libraries and data listed above."""
    dest = dest.replace("\\", "/")
    plugin = _QT_PLUGIN.search(dest)
    if plugin:
        folder, name = plugin.groups()
        return not any(fnmatch(name, pattern) for pattern in UNUSED_QT_PLUGINS.get(folder, ()))
    library = _QT_LIBRARY.search(dest)
    if library:  # in PySide6/, or PyInstaller's symbolic link to it beside the executable
        return not library.group(1).startswith(UNUSED_QT_LIBRARIES)
    if PurePosixPath(dest).name in UNUSED_QT_DATA:
        return False
    qm = _QT_QM.search(dest)
    if qm and "PySide6" in dest:
        return qm.group(1) in LANGUAGES
    pak = _WEBENGINE_LOCALE.search(dest)
    if pak:
        return pak.group(1).split("-")[0] in LANGUAGES
    return True


# -- what a built bundle must contain --------------------------------------------------------

REQUIRED_IN_BUNDLE = (
    "resources/map/index.html",
    "resources/translations/localpro_fr.qm",
    "resources/icons/localpro-256.png",
    "localpro_desktop/store/migrations/env.py",
    "localpro_desktop/store/migrations/script.py.mako",
)


def required_files() -> list[str]:
    """Paths (relative to the bundle's data folder) a working bundle cannot do without."""
    versions = [
        f"localpro_desktop/store/migrations/versions/{p.name}"
        for p in sorted((MIGRATIONS / "versions").glob("*.py"))
    ]
    return [*REQUIRED_IN_BUNDLE, *versions]
