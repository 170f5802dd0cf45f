"""``localpro --smoke-test`` passes in-process, and names the tab that fails."""

import io
import os

import pytest

os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")

from localpro_desktop import smoke
from localpro_desktop.ui.main_window import TABS

# Harmless engine noise on a headless machine without a GPU or D-Bus (as in test_map_tab).
pytestmark = pytest.mark.qt_log_ignore(
    r"QRhiGles2: Failed to create",
    r"Failed to create RHI",
    r"GPUInfo not initialized",
)


@pytest.fixture(autouse=True)
def _restore_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """prepare_environment() sets Qt variables; give them back after the test."""
    for name in ("QT_QPA_PLATFORM", "QTWEBENGINE_DISABLE_SANDBOX", "QTWEBENGINE_CHROMIUM_FLAGS"):
        value = os.environ.get(name)
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)


def test_smoke_test_passes_in_process(qapp) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    code = smoke.run(stream=out)
    text = out.getvalue()
    assert code == 0, text
    summary = text.splitlines()[0]
    assert "smoke test passed (source" in summary
    assert "migrations" in summary and "parallel import 4000 rows in 2 workers" in summary
    assert "sync encodings zstd, gzip" in summary
    for key in TABS:
        assert f"tab {key} " in summary


def test_a_tab_that_never_gets_ready_fails_the_smoke_test_by_name(
    qapp,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from localpro_desktop.ui import checks

    monkeypatch.setattr(smoke, "parallel_import", lambda _paths, _folder: "skipped")
    real_wait = checks.wait_until_ready
    monkeypatch.setattr(
        checks,
        "wait_until_ready",
        lambda widget, timeout: (
            type(widget).__name__ != "CampaignsTab" and real_wait(widget, timeout)
        ),
    )
    out = io.StringIO()
    code = smoke.run(stream=out, timeout=5)
    text = out.getvalue()
    assert code == 1
    assert "smoke test FAILED" in text
    assert "tab 'campaigns' not ready after 5 s" in text
    assert "tab 'crm'" not in text


def test_cli_flag_runs_the_smoke_test(monkeypatch: pytest.MonkeyPatch) -> None:
    from localpro_desktop.cli import main as cli

    calls: list[tuple[str, ...]] = []

    def run(*, skip: tuple[str, ...] = ()) -> int:
        calls.append(skip)
        return 42

    monkeypatch.setattr(smoke, "run", run)
    assert cli.main(["--smoke-test"]) == 42
    assert cli.main(["--smoke-test", "--skip", "web"]) == 42
    assert calls == [(), ("web",)]
    assert "--smoke-test" in cli.build_parser().format_help()


def test_skipping_web_leaves_the_map_out_and_never_raises(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """``--skip web`` (Wine has no QtWebEngine): every tab but the map; and a failure that
    escapes a step is reported, never raised (a windowed build would show a dialog)."""
    out = io.StringIO()
    assert smoke.run(stream=out, skip=("web",)) == 0
    text = out.getvalue()
    assert "time zones" in text and "tab crm" in text
    assert "tab map" not in text

    def broken(*_args: object, **_kwargs: object) -> None:
        raise PermissionError("[WinError 32] a file is still open")

    monkeypatch.setattr(smoke.tempfile, "TemporaryDirectory", broken)
    out = io.StringIO()
    assert smoke.run(stream=out) == 1
    assert "PermissionError" in out.getvalue()
