"""A command run by the windowed Windows executable, which has no stdout/stderr (None).

``LocalPro.exe demo|import|export|backup|restore|sync`` raised AttributeError writing to
``sys.stdout`` (issue 15, item 1): the command line must run, and report, with None streams.
"""

import sys
from pathlib import Path

import pytest

from localpro_desktop.cli.main import main


@pytest.fixture
def windowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)


@pytest.mark.usefixtures("windowed")
def test_a_command_runs_without_console_streams(tmp_path: Path) -> None:
    data = tmp_path / "ws"
    assert main(["--data-dir", str(data), "demo", "--size", "20"]) == 0
    assert main(["--data-dir", str(data), "--json", "usage"]) == 0
    assert main(["--data-dir", str(data), "backup"]) == 0
    assert list((data / "backups").glob("*.sqlite"))


@pytest.mark.usefixtures("windowed")
def test_errors_and_version_without_console_streams(tmp_path: Path) -> None:
    data = tmp_path / "ws"
    assert main(["--data-dir", str(data), "import", "contacts", str(tmp_path / "missing.csv")]) != 0
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
