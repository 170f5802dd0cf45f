"""Issue 14, finding 7 (desktop): hostile files, secrets in crash reports, file modes, pipes.

Each test failed on the code before the fix: a 50 MB one-line CSV took minutes and gigabytes
and printed a message of hundreds of megabytes; a 300-character password crashed ``account
register`` into ``logs/crash.log``; the workspace files were 0644; ``| head`` wrote a
"Broken pipe" crash report.
"""

import io
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services import backups
from localpro_desktop.services.importing.readers import ImportFileError, read_table
from localpro_desktop.services.workspace import Workspace

POSIX = os.name == "posix"


# -- a. hostile CSV files ----------------------------------------------------------------


def _one_line_csv(path: Path, size: int) -> Path:
    chunk = ",".join(f"column {i}" for i in range(10_000)) + ","
    with path.open("w", encoding="utf-8") as handle:
        written = 0
        while written < size:
            handle.write(chunk)
            written += len(chunk)
    return path


def test_a_50mb_one_line_csv_is_refused_fast_with_a_short_message(tmp_path: Path) -> None:
    path = _one_line_csv(tmp_path / "one-line.csv", 50_000_000)
    started = time.perf_counter()
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    elapsed = time.perf_counter() - started
    message = str(caught.value)
    assert elapsed < 5, elapsed
    assert len(message) < 1_000, len(message)
    assert "one-line.csv" in message


def test_a_50mb_one_line_import_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _one_line_csv(tmp_path / "one-line.csv", 50_000_000)
    home = tmp_path / "ws"
    started = time.perf_counter()
    code = main(["--data-dir", str(home), "--json", "import", "prospects", str(path)])
    elapsed = time.perf_counter() - started
    _out, err = capsys.readouterr()
    assert code == 1
    assert elapsed < 5, elapsed
    assert len(err) < 1_000 and "one-line.csv" in err
    assert not (home / "logs" / "crash.log").exists()
    with Workspace.open(WorkspacePaths(home)) as ws, ws.read() as session:
        from sqlalchemy import text

        assert session.execute(text("select count(*) from prospects")).scalar() == 0


def test_a_too_many_columns_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(";".join(f"c{i}" for i in range(1_500)) + "\n" + "x;" * 1_499 + "x\n")
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    assert "1500" in str(caught.value) and "1000" in str(caught.value)


def test_a_quoted_values_are_shortened(tmp_path: Path) -> None:
    long_name = "N" * 5_000
    path = tmp_path / "dups.csv"
    path.write_text(f"{long_name},{long_name},Phone\nA,B,1\n")
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    message = str(caught.value)
    assert len(message) < 600, len(message)
    assert "…" in message


def test_a_many_duplicate_columns_give_a_short_message(tmp_path: Path) -> None:
    path = tmp_path / "dups.csv"
    path.write_text(",".join(["Phone"] * 900) + "\n" + ",".join(["1"] * 900) + "\n")
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    assert len(str(caught.value)) < 1_000, len(str(caught.value))


def test_a_normal_files_still_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_bytes("sep=;\nNom;Téléphone\nDiop;77 123 45 67\n".encode("cp1252"))
    table = read_table(path)
    assert table.headers == ["Nom", "Téléphone"] and table.rows == [["Diop", "77 123 45 67"]]
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes("Nom\tVille\nAwa\tThiès\n".encode("utf-16"))
    assert read_table(utf16).rows == [["Awa", "Thiès"]]


# -- b. a long password on the command line ------------------------------------------------


@pytest.mark.parametrize("extra", [0, 1])
def test_b_long_password_is_a_clear_error_and_never_logged(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    extra: int,
) -> None:
    from localpro_protocol import wire

    limit = getattr(wire, "MAX_PASSWORD", 200)
    # 300 characters (the report's case), then one more than the protocol accepts.
    length = 300 if not extra else limit + extra
    secret = "Zq7" + "x" * (length - 3)
    monkeypatch.setattr(sys, "stdin", io.StringIO(secret + "\n"))
    home = tmp_path / "ws"
    code = main(
        ["--data-dir", str(home), "account", "register", "--email", "awa@example.sn",
         "--server", "http://127.0.0.1:9"]
    )  # fmt: skip
    _out, err = capsys.readouterr()
    assert code == 1, err
    assert "xxxxxxxxxx" not in err and len(err) < 600
    if length > limit:
        assert str(limit) in err
    crash = home / "logs" / "crash.log"
    assert not crash.exists() or "xxxxxxxxxx" not in crash.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["runtime", "pydantic"])
def test_b_crash_log_of_the_command_line_is_scrubbed(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    from pydantic import BaseModel, Field

    from localpro_desktop.cli.commands import account

    class Login(BaseModel):
        password: str = Field(max_length=5)

    def boom(_ctx: object, _args: object) -> int:
        password = "hunter2hunter2"  # a local that must not be reported
        if kind == "pydantic":
            Login(password=password)  # its error quotes the value: input_value='hunter2…'
        raise RuntimeError("login failed: password=hunter2hunter2 token: abcdef123456")

    monkeypatch.setattr(account, "do_status", boom)
    home = tmp_path / "ws"
    code = main(["--data-dir", str(home), "account", "status", "--server", "http://x"])
    _out, err = capsys.readouterr()
    assert code == 3
    crash = (home / "logs" / "crash.log").read_text(encoding="utf-8")
    for text in (crash, err):
        assert "hunter2" not in text and "abcdef123456" not in text
    assert ("RuntimeError" if kind == "runtime" else "ValidationError") in crash


# -- c. file modes -------------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(not POSIX, reason="NTFS ACLs of the user profile restrict it on Windows")
def test_c_workspace_files_are_private(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "ws")
    with Workspace.open(paths) as ws:
        with ws.write() as session:
            from sqlalchemy import text

            session.execute(text("select 1"))
        made = backups.back_up(paths)
        for folder in (paths.root, paths.backups, paths.logs, paths.cache):
            assert _mode(folder) == 0o700, folder
        for file in (paths.database, Path(f"{paths.database}-wal"), made.path):
            assert _mode(file) == 0o600, file
        dailies = list(paths.backups.glob("daily-*.sqlite"))
        assert dailies and all(_mode(f) == 0o600 for f in dailies)


@pytest.mark.skipif(not POSIX, reason="NTFS ACLs of the user profile restrict it on Windows")
def test_c_existing_workspace_is_tightened_when_opened(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "ws")
    Workspace.open(paths).close()
    for folder in (paths.root, paths.backups, paths.logs):
        folder.chmod(0o755)
    (paths.logs / "crash.log").write_text("old\n")
    for file in (paths.database, paths.logs / "crash.log", *paths.backups.glob("*.sqlite")):
        file.chmod(0o644)
    Workspace.open(paths).close()
    for folder in (paths.root, paths.backups, paths.logs):
        assert _mode(folder) == 0o700, folder
    for file in (paths.database, paths.logs / "crash.log", *paths.backups.glob("*.sqlite")):
        assert _mode(file) == 0o600, file


# -- d. a closed pipe ------------------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="SIGPIPE semantics are POSIX")
def test_d_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    command = [sys.executable, "-m", "localpro_desktop.cli.main", "--data-dir", str(home)]
    subprocess.run(
        [*command, "demo", "--size", "300", "--seed", "2"], check=True, capture_output=True
    )
    for args in (
        ["--json", "prospects", "search", "--limit", "300"],
        ["--json", "contacts", "list"],
    ):
        proc = subprocess.Popen([*command, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(10)
        proc.stdout.close()
        err = proc.stderr.read().decode("utf-8", "replace")
        code = proc.wait(timeout=60)
        assert code in (0, 141), (code, err)
        assert "Traceback" not in err and "Broken pipe" not in err, err
        assert "BrokenPipeError" not in err, err
        assert not (home / "logs" / "crash.log").exists()
