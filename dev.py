"""Set up and run LocalPro from a fresh clone with nothing but Python 3.11+.

    python dev.py run [ARGS...]   # the app (a demo workspace when there is no data yet)
    python dev.py test [ARGS...]  # lint + the whole test suite

It creates ``.venv`` beside this file, installs the project with its test extras when
``pyproject.toml`` changed, then runs the command inside it. Works on Windows too.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".localpro-installed"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_env() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older Python
        sys.exit(f"LocalPro needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    have = STAMP.read_text(encoding="utf-8").strip() if STAMP.exists() else ""
    if have != wanted:
        print(
            "Installing LocalPro and its dependencies (first run takes a few minutes) ...",
            flush=True,
        )
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "-e", f"{ROOT}[ui,test]"], check=True
        )
        STAMP.write_text(wanted, encoding="utf-8")
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_env()
    env = dict(os.environ)
    if command == "run":
        return subprocess.call([str(python), "-m", "localpro_desktop", *rest], env=env)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    lint = subprocess.call([str(python), "-m", "ruff", "check", str(ROOT)], cwd=ROOT)
    if lint == 0:
        lint = subprocess.call(
            [str(python), "-m", "ruff", "format", "--check", str(ROOT)], cwd=ROOT
        )
    if lint != 0:
        print("ruff found problems (see above).", flush=True)
        return lint
    # The layers of docs/architecture.md (import-linter) and the types (mypy, strict on
    # domain/, services/ and localpro_protocol/): both are part of "the tests pass".
    checks = (
        ("import-linter", ["-c", "from importlinter.cli import lint_imports_command as c; c()"]),
        ("mypy", ["-m", "mypy"]),
    )
    for name, args in checks:
        code = subprocess.call([str(python), *args], cwd=ROOT, env=env)
        if code != 0:
            print(f"{name} found problems (see above).", flush=True)
            return code
    code = subprocess.call(
        [str(python), "-m", "pytest", "-n", "2", "-p", "xdist", "-q", *rest], cwd=ROOT, env=env
    )
    if code == 5:
        print("pytest collected no tests: that counts as a failure.", flush=True)
        return 1
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
