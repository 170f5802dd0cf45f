"""Build the LocalPro bundle for this platform, check it, and smoke-run it.

    python build_scripts/build.py              # dist/LocalPro/ (+ smoke test of the result)
    python build_scripts/build.py --measure    # ... and its size compressed (zip, and xz/7z)
    python build_scripts/build.py --installer  # ... and, on Windows, the Inno Setup installer
    python build_scripts/build.py --check      # only check an existing dist/LocalPro/
    python build_scripts/build.py --dist-dir D --work-dir W   # build elsewhere (Wine CI)
    python build_scripts/build.py --smoke-skip web            # smoke test without the map

Run it with the project's environment (``.venv``), where LocalPro and PySide6 are installed;
PyInstaller is installed into that environment when missing. The bundle is one folder
(``dist/LocalPro/``: the executable beside ``_internal/``), never one file, see
``localpro.spec``. After building, the script checks that the pieces a working bundle needs
are there (migrations, resources, QtWebEngine's helper and data) and that excluded modules
stayed out, then runs ``LocalPro --smoke-test`` (a throw-away workspace, every tab opened
offscreen): a non-zero exit status means the bundle is broken.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bundle_layout as layout  # noqa: E402

ROOT = layout.ROOT
SPEC = HERE / "localpro.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
INSTALLER_SCRIPT = HERE / "installer" / "localpro.iss"
PYINSTALLER = "pyinstaller>=6.10,<7"
SMOKE_TIMEOUT = 900
WINDOWS = sys.platform == "win32"
ISCC_ENV = "LOCALPRO_ISCC"
"""Path of Inno Setup's ISCC.exe when it is not installed the usual way (npm's innosetup)."""
MIN_INNO_SETUP = (6, 3)
"""localpro.iss uses ``x64compatible`` (Inno Setup 6.3+)."""


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


# -- building ---------------------------------------------------------------------------------


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    log(f"installing {PYINSTALLER} into {sys.prefix}")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", PYINSTALLER], check=True)


def ensure_project() -> None:
    for module in ("localpro_desktop", "PySide6.QtWebEngineWidgets"):
        try:
            found = importlib.util.find_spec(module) is not None
        except ImportError:
            found = False
        if not found:
            sys.exit(f"{module} is not importable: run `pip install -e .[ui]` in this environment")


def build_bundle(clean: bool) -> Path:
    ensure_project()
    ensure_pyinstaller()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    log("running PyInstaller (a few minutes) ...")
    start = time.monotonic()
    subprocess.run(command, check=True, cwd=ROOT)
    name_console(bundle_dir())
    log(f"bundle built in {time.monotonic() - start:.0f} s: {bundle_dir()}")
    return bundle_dir()


def bundle_dir() -> Path:
    return DIST / layout.APP_NAME


def executable(bundle: Path) -> Path:
    return bundle / (f"{layout.APP_NAME}.exe" if WINDOWS else layout.APP_NAME)


def console_executable(bundle: Path) -> Path:
    """The command line's executable: ``localpro.com`` on Windows, the same one elsewhere."""
    return bundle / layout.CONSOLE_NAME if WINDOWS else executable(bundle)


def name_console(bundle: Path) -> None:
    """PyInstaller writes ``localpro-console.exe``: give it its ``.com`` name (see layout)."""
    built = bundle / f"{layout.CONSOLE_BUILD_NAME}.exe"
    if WINDOWS and built.is_file():
        built.replace(bundle / layout.CONSOLE_NAME)


# -- checking ---------------------------------------------------------------------------------


def data_root(bundle: Path) -> Path:
    """Where PyInstaller 6 puts everything but the executable (``sys._MEIPASS``)."""
    inner = bundle / "_internal"
    return inner if inner.is_dir() else bundle


def check_bundle(bundle: Path) -> list[str]:
    """Problems with a built bundle (empty when it has what it needs and nothing excluded)."""
    problems: list[str] = []
    if not bundle.is_dir():
        return [f"{bundle} does not exist: build it first"]
    for exe in {executable(bundle), console_executable(bundle)}:
        if not exe.is_file():
            problems.append(f"no executable {exe.name}")
    data = data_root(bundle)
    for rel in layout.required_files():
        if not (data / rel).is_file():
            problems.append(f"missing {rel}")
    broken = [p for p in data.rglob("*") if p.is_symlink() and not p.exists()]
    problems += [f"broken link {p.relative_to(bundle)}" for p in broken[:5]]
    names = {path.name for path in data.rglob("*")}
    webengine_helper = "QtWebEngineProcess.exe" if WINDOWS else "QtWebEngineProcess"
    for needed in (webengine_helper, "qtwebengine_resources.pak", "icudtl.dat", "en-US.pak"):
        if needed not in names:
            problems.append(f"missing QtWebEngine file {needed}")
    problems += stray_modules(data, bundled_modules(WORK))
    return problems


def bundled_modules(work: Path = WORK) -> set[str]:
    """Python modules in the bundle's archive, from PyInstaller's table of contents (empty
    when the build folder is gone)."""
    toc = work / SPEC.stem / "PYZ-00.toc"
    if not toc.is_file():
        return set()
    _archive, entries = ast.literal_eval(toc.read_text(encoding="utf-8"))
    return {entry[0] for entry in entries}


def stray_modules(data: Path, modules: set[str]) -> list[str]:
    """Excluded modules that made it into the bundle anyway, as files or archived modules."""
    problems = []
    for module in layout.excludes():
        parts = module.split(".")
        files = [data.joinpath(*parts)]
        files += data.joinpath(*parts[:-1]).glob(f"{parts[-1]}.*.so")
        files += data.joinpath(*parts[:-1]).glob(f"{parts[-1]}.*pyd")
        files += data.joinpath(*parts[:-1]).glob(f"{parts[-1]}.pyd")
        found = [str(path.relative_to(data)) for path in files if path.exists()]
        found += sorted(m for m in modules if m == module or m.startswith(module + "."))[:1]
        if found:
            problems.append(f"excluded module {module} is in the bundle ({found[0]})")
    return problems


# -- running ----------------------------------------------------------------------------------


def console_run(bundle: Path) -> int:
    """``localpro --version`` through the command line's executable: it must print."""
    exe = console_executable(bundle)
    try:
        done = subprocess.run(
            [str(exe), "--version"], capture_output=True, timeout=300, check=False
        )
    except subprocess.TimeoutExpired:
        log(f"{exe.name} --version did not finish")
        return 124
    printed = done.stdout.decode("utf-8", "replace").strip()
    log(f"{exe.name} --version: {printed!r} (exit {done.returncode})")
    if done.returncode != 0 or "localpro" not in printed.lower():
        print(done.stderr.decode("utf-8", "replace")[-2000:], flush=True)
        return done.returncode or 1
    return 0


def smoke_run(bundle: Path, skip: tuple[str, ...] = ()) -> int:
    """Run ``LocalPro --smoke-test`` from the bundle; returns its exit status.

    The smoke test never opens a dialog and ends on its own; the timeout is the last guard.
    """
    exe = executable(bundle)
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    command = [str(exe), "--smoke-test"]
    for part in skip:
        command += ["--skip", part]
    # A file the smoke run left open (a log, Windows' indexer) must not fail the build.
    with tempfile.TemporaryDirectory(
        prefix="localpro-build-smoke-", ignore_cleanup_errors=True
    ) as tmp:
        report = Path(tmp) / "smoke.txt"
        env["LOCALPRO_SMOKE_REPORT"] = str(report)
        log(f"smoke test: {' '.join(command)}")
        start = time.monotonic()
        try:
            code = subprocess.run(
                command, env=env, cwd=tmp, timeout=SMOKE_TIMEOUT, check=False
            ).returncode
        except subprocess.TimeoutExpired:
            log(f"smoke test did not finish in {SMOKE_TIMEOUT} s")
            return 124
        if WINDOWS and report.exists():  # a windowed program prints nothing: show the report
            print(report.read_text(encoding="utf-8"), flush=True)
        log(f"smoke test exit status {code} after {time.monotonic() - start:.1f} s")
    return code


# -- measuring --------------------------------------------------------------------------------


def size_on_disk(folder: Path) -> tuple[int, int]:
    """(bytes in files, bytes allocated on disk) for every file under ``folder``."""
    total = allocated = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            total += stat.st_size
            blocks = getattr(stat, "st_blocks", None)
            allocated += blocks * 512 if blocks is not None else stat.st_size
    return total, allocated


def compressed_sizes(bundle: Path) -> dict[str, int]:
    """Sizes of the bundle compressed: zip (deflate -9, what a download would be) and LZMA2
    (7-Zip or xz -9, the closest to the installer's ``Compression=lzma2/max``). The LZMA2
    pass is slow: minutes for ~450 MB on two busy cores."""
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="localpro-measure-") as tmp:
        archive = Path(tmp) / "bundle.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(bundle.rglob("*")):
                if path.is_file() and not path.is_symlink():  # links point inside the bundle
                    zf.write(path, path.relative_to(bundle.parent))
        sizes["zip -9 (deflate)"] = archive.stat().st_size
        seven = shutil.which("7z") or shutil.which("7za")
        if seven:
            target = Path(tmp) / "bundle.7z"
            subprocess.run(
                [seven, "a", "-t7z", "-m0=lzma2", "-mx=9", str(target), str(bundle)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            sizes["7z -mx=9 (LZMA2)"] = target.stat().st_size
        elif shutil.which("xz") and shutil.which("tar"):
            target = Path(tmp) / "bundle.tar.xz"
            subprocess.run(
                f'tar -C "{bundle.parent}" -cf - "{bundle.name}" | xz -9 -T0 > "{target}"',
                shell=True,
                check=True,
            )
            sizes["tar.xz -9 (LZMA2)"] = target.stat().st_size
    return sizes


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


# -- the Windows installer --------------------------------------------------------------------


def find_iscc() -> str | None:
    given = os.environ.get(ISCC_ENV)
    if given and Path(given).is_file():
        return given
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    local = os.environ.get("LOCALAPPDATA")
    if local and (Path(local) / "Programs" / "Inno Setup 6" / "ISCC.exe").is_file():
        return str(Path(local) / "Programs" / "Inno Setup 6" / "ISCC.exe")
    return None


def iscc_version(iscc: str) -> tuple[int, ...] | None:
    """ISCC.exe's file version (its PE version resource), None when it cannot be read."""
    try:
        import pefile  # PyInstaller's own dependency on Windows
    except ImportError:
        return None
    try:
        pe = pefile.PE(iscc, fast_load=True)
        pe.parse_data_directories(
            directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]]
        )
        fixed = pe.VS_FIXEDFILEINFO[0]
    except (OSError, AttributeError, IndexError, pefile.PEFormatError):
        return None
    ms, ls = fixed.FileVersionMS, fixed.FileVersionLS
    version = (ms >> 16, ms & 0xFFFF, ls >> 16, ls & 0xFFFF)
    # Some redistributions (npm's innosetup) carry 0.0.0.0: then the script's own
    # "#if Ver < EncodeVer(6, 3, 0)" check, run by ISCC itself, is the one that counts.
    return version if any(version) else None


def build_installer(bundle: Path) -> Path:
    from localpro_desktop import __version__

    import version_info

    iscc = find_iscc()
    if iscc is None:
        sys.exit("Inno Setup's ISCC.exe not found: install Inno Setup 6 (choco install innosetup)")
    version = iscc_version(iscc)
    if version is not None and version[:2] < MIN_INNO_SETUP:
        found = ".".join(map(str, version))
        need = ".".join(map(str, MIN_INNO_SETUP))
        sys.exit(f"{iscc} is Inno Setup {found}; localpro.iss needs {need} or later")
    known = ".".join(map(str, version)) if version else "(version checked by localpro.iss)"
    log(f"Inno Setup {known}")
    command = [
        iscc,
        f"/DAppVersion={__version__}",
        f"/DNumericVersion={'.'.join(map(str, version_info.version_tuple(__version__)))}",
        f"/DSourceDir={bundle}",
        f"/DOutputDir={DIST}",
        str(INSTALLER_SCRIPT),
    ]
    log(" ".join(command))
    subprocess.run(command, check=True)
    installer = DIST / f"LocalPro-{__version__}-setup.exe"
    log(f"installer: {installer} ({mb(installer.stat().st_size)})")
    return installer


# -- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    global DIST, WORK
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="check dist/LocalPro, build nothing")
    parser.add_argument("--clean", action="store_true", help="rebuild from an empty cache")
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test")
    parser.add_argument("--measure", action="store_true", help="also compress to measure size")
    parser.add_argument("--installer", action="store_true", help="also run Inno Setup (Windows)")
    parser.add_argument("--dist-dir", type=Path, help=f"where the bundle goes (default {DIST})")
    parser.add_argument("--work-dir", type=Path, help=f"PyInstaller's work folder ({WORK})")
    parser.add_argument(
        "--smoke-skip",
        action="append",
        default=[],
        choices=["web"],
        help="leave a part out of the smoke test (web: the map, for Wine)",
    )
    args = parser.parse_args(argv)
    DIST = (args.dist_dir or DIST).resolve()
    WORK = (args.work_dir or WORK).resolve()

    log(f"{platform.system()} {platform.machine()}, Python {platform.python_version()}")
    bundle = bundle_dir() if args.check else build_bundle(args.clean)
    problems = check_bundle(bundle)
    for problem in problems:
        log(f"PROBLEM: {problem}")
    if problems:
        return 1
    files, allocated = size_on_disk(bundle)
    log(f"bundle {bundle}: {mb(files)} in files, {mb(allocated)} on disk")
    if args.measure:
        for name, size in compressed_sizes(bundle).items():
            log(f"compressed, {name}: {mb(size)}")
    if not args.check and not args.no_smoke:
        if console_run(bundle) != 0:
            log("the bundle's command line FAILED")
            return 1
        code = smoke_run(bundle, tuple(args.smoke_skip))
        if code != 0:
            log("the bundle's smoke test FAILED")
            return 1
    if args.installer:
        if not WINDOWS:
            log("--installer needs Windows (Inno Setup); skipped")
        else:
            build_installer(bundle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
