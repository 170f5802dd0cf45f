"""The bundle's layout (build_scripts/bundle_layout.py, read by the spec) without building it:
migrations and resources go in, every module the app imports stays in, excluded ones stay
out; build.py's check of a built bundle; the version resource; the icon."""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

from localpro_desktop.ui.main_window import TABS  # noqa: E402

import build  # noqa: E402
import bundle_layout as layout  # noqa: E402
import version_info  # noqa: E402

PACKAGE = ROOT / "localpro_desktop"


def _app_imports() -> set[str]:
    """Every absolute module name imported anywhere in the desktop package, except the
    optional ones: an import in a ``try`` whose ``except`` catches ``ImportError`` has a
    fallback, tested where the module is missing (folium_page.py's numpy)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if layout.MIGRATIONS in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        optional = {id(node) for node in _optional_imports(tree)}
        for node in ast.walk(tree):
            if id(node) in optional:
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _optional_imports(tree: ast.AST) -> list[ast.stmt]:
    found: list[ast.stmt] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        caught = {
            name.id
            for handler in node.handlers
            for name in ast.walk(handler.type)
            if handler.type is not None
            if isinstance(name, ast.Name)
        }
        if caught & {"ImportError", "ModuleNotFoundError"}:
            found += [n for n in node.body if isinstance(n, ast.Import | ast.ImportFrom)]
    return found


def test_every_migration_script_and_resource_is_bundled() -> None:
    bundled = {(Path(source).resolve(), dest) for source, dest in layout.data_files()}
    migrations = sorted(
        p for p in layout.MIGRATIONS.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    assert any(p.name == "env.py" for p in migrations)
    assert len([p for p in migrations if p.parent.name == "versions"]) >= 3
    for path in migrations:
        dest = path.parent.relative_to(ROOT).as_posix()
        assert (path.resolve(), dest) in bundled, f"{path} is not bundled at {dest}"
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file() and path.suffix != ".ts":
            dest = path.parent.relative_to(ROOT).as_posix()
            assert (path.resolve(), dest) in bundled, f"{path} is not bundled"
    assert not [s for s, _ in layout.data_files() if s.endswith((".ts", ".pyc"))]


def test_required_files_name_every_migration() -> None:
    required = layout.required_files()
    for version in (layout.MIGRATIONS / "versions").glob("*.py"):
        assert f"localpro_desktop/store/migrations/versions/{version.name}" in required


def test_tabs_imported_by_name_and_migration_imports_are_hidden_imports() -> None:
    hidden = set(layout.hidden_imports())
    for spec in TABS.values():
        assert f"localpro_desktop.ui.{spec.key.value}.tab" in hidden
    assert {"alembic", "sqlalchemy", "localpro_desktop.store.models"} <= hidden
    assert "localpro_desktop.__main__" not in hidden


def test_nothing_the_app_imports_is_excluded() -> None:
    imports = _app_imports()
    excluded = layout.excludes()
    clashes = sorted(
        name for name in imports for gone in excluded if name == gone or name.startswith(gone + ".")
    )
    assert not clashes, (
        f"the app imports {clashes}, which the bundle leaves out: update "
        "QT_MODULES_USED or PYTHON_EXCLUDES in build_scripts/bundle_layout.py"
    )
    qt_used = {name.split(".")[1] for name in imports if name.startswith("PySide6.Qt")}
    assert qt_used <= layout.QT_MODULES_USED


def test_unused_qt_modules_and_heavy_libraries_are_excluded() -> None:
    excluded = set(layout.excludes())
    if layout.qt_binding_modules():
        for module in (
            "Qt3DCore",
            "QtQuick3D",
            "QtMultimedia",
            "QtBluetooth",
            "QtSensors",
            "QtDesigner",
            "QtPdf",
            "QtSql",
            "QtTest",
            "QtSerialPort",
            "QtNfc",
            "QtPositioning",
            "QtQml",
            "QtQuick",
        ):
            assert f"PySide6.{module}" in excluded
    for module in (
        "tkinter",
        "matplotlib",
        "IPython",
        "pytest",
        "pandas",
        "numpy",
        "localpro_cloud",
    ):
        assert module in excluded


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qtbase_pt_BR.qm", False),
        ("PySide6/Qt/translations/qtwebengine_locales/en-US.pak", True),
        ("PySide6/Qt/translations/qtwebengine_locales/fr.pak", True),
        ("PySide6/Qt/translations/qtwebengine_locales/es-419.pak", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/imageformats/qpdf.dll", False),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("libQt6Pdf.so.6", False),
        ("libQt6VirtualKeyboardQml.so.6", False),
        ("PySide6/Qt/resources/qtwebengine_devtools_resources.pak", False),
        ("PySide6/resources/qtwebengine_resources.pak", True),
        ("PySide6/Qt6WebEngineCore.dll", True),
        ("PySide6/Qt/lib/libQt6Positioning.so.6", True),
        ("resources/translations/localpro_fr.qm", True),
    ],
)
def test_trimming_of_collected_qt_files(dest: str, kept: bool) -> None:
    assert layout.keep_collected(dest) is kept


def test_spec_uses_the_layout() -> None:
    spec = (ROOT / "build_scripts" / "localpro.spec").read_text(encoding="utf-8")
    for needed in (
        "layout.data_files()",
        "layout.hidden_imports()",
        "layout.excludes()",
        "layout.keep_collected",
        "COLLECT(",
        "exclude_binaries=True",
        "version_info.write",
        "layout.ICON",
        # The command line's console executable on Windows (issue 15, item 1).
        "layout.CONSOLE_BUILD_NAME",
        "console=True",
        "console=False",
    ):
        assert needed in spec
    assert layout.ICON.is_file()


def test_the_windows_command_line_does_not_collide_with_the_window() -> None:
    """Windows names ignore case: the console program cannot be ``localpro.exe``."""
    window = f"{layout.APP_NAME}.exe".lower()
    assert layout.CONSOLE_NAME.lower() != window
    assert layout.CONSOLE_NAME.endswith(".com")  # found before .exe through PATHEXT
    assert f"{layout.CONSOLE_BUILD_NAME}.exe".lower() != window


def test_the_installer_offers_the_path_and_forgets_secrets_with_the_data() -> None:
    script = (ROOT / "build_scripts" / "installer" / "localpro.iss").read_text(encoding="utf-8")
    assert f'#define CliExe "{layout.CONSOLE_NAME}"' in script
    assert 'Name: "addtopath"' in script and "ChangesEnvironment=yes" in script
    assert "RemoveFromPath(ExpandConstant('{app}'))" in script
    assert "'workspace forget-secrets --all'" in script
    # ISCC checks its own version (npm's ISCC.exe has none in its resources).
    assert "#if Ver < EncodeVer(6, 3, 0)" in script
    # The command line it calls exists and takes these arguments.
    from localpro_desktop.cli.main import build_parser

    args = build_parser().parse_args(["workspace", "forget-secrets", "--all"])
    assert args.all is True


def _fake_bundle(root: Path) -> Path:
    bundle = root / "LocalPro"
    data = bundle / "_internal"
    build.executable(bundle).parent.mkdir(parents=True, exist_ok=True)
    build.executable(bundle).write_bytes(b"")
    for rel in layout.required_files():
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text("x", encoding="utf-8")
    helper = "QtWebEngineProcess.exe" if build.WINDOWS else "QtWebEngineProcess"
    qt = data / "PySide6" / "Qt"
    for rel in (
        f"libexec/{helper}",
        "resources/qtwebengine_resources.pak",
        "resources/icudtl.dat",
        "translations/qtwebengine_locales/en-US.pak",
    ):
        (qt / rel).parent.mkdir(parents=True, exist_ok=True)
        (qt / rel).write_bytes(b"")
    return bundle


def test_check_accepts_a_complete_bundle(tmp_path: Path) -> None:
    assert build.check_bundle(_fake_bundle(tmp_path)) == []


def test_check_names_what_is_missing_or_should_not_be_there(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path)
    data = bundle / "_internal"
    (data / "localpro_desktop/store/migrations/versions/0001_initial_schema.py").unlink()
    (data / "resources/map/index.html").unlink()
    (data / "PySide6" / "Qt3DCore.abi3.so").write_bytes(b"")
    (data / "numpy").mkdir()
    if not build.WINDOWS:
        (data / "libQt6Gone.so.6").symlink_to(data / "PySide6" / "libQt6Gone.so.6")
    problems = build.check_bundle(bundle)
    if not build.WINDOWS:
        assert "broken link _internal/libQt6Gone.so.6" in problems
    assert "missing localpro_desktop/store/migrations/versions/0001_initial_schema.py" in problems
    assert "missing resources/map/index.html" in problems
    assert any("PySide6.Qt3DCore" in p for p in problems)
    assert any("excluded module numpy" in p for p in problems)
    assert build.check_bundle(tmp_path / "nothing")[0].endswith("build it first")


def test_check_reads_archived_modules_from_the_build_folder(tmp_path: Path) -> None:
    toc = tmp_path / "localpro" / "PYZ-00.toc"
    toc.parent.mkdir()
    toc.write_text(
        "('PYZ-00.pyz', [('alembic', 'a.py', 'PYMODULE'), ('pandas.core', 'p.py', 'PYMODULE')])",
        encoding="utf-8",
    )
    modules = build.bundled_modules(tmp_path)
    assert modules == {"alembic", "pandas.core"}
    problems = build.stray_modules(tmp_path / "empty", modules)
    assert problems == ["excluded module pandas is in the bundle (pandas.core)"]


def test_version_resource_carries_the_app_version() -> None:
    from localpro_desktop import __version__

    assert version_info.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_info.version_tuple("1.2.3rc1") == (1, 2, 3, 1)
    text = version_info.render(__version__)
    captured: dict[str, object] = {}

    def record(name: str):  # type: ignore[no-untyped-def]
        def make(*args, **kwargs):  # type: ignore[no-untyped-def]
            captured.setdefault(name, (args, kwargs))
            return (name, args, kwargs)

        return make

    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    eval(text, {name: record(name) for name in names})  # the spec's format: one expression
    fixed = captured["FixedFileInfo"][1]  # type: ignore[index]
    assert fixed["filevers"] == version_info.version_tuple(__version__)  # type: ignore[index]
    assert f"StringStruct('ProductVersion', '{__version__}')" in text


def test_icon_has_every_windows_size(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(layout.ICON))
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.add(reader.read().width())
    assert {16, 32, 48, 256} <= sizes
    for size in (16, 32, 256):
        assert (layout.ROOT / "resources" / "icons" / f"localpro-{size}.png").is_file()
