"""``services.account`` against a real cloud server: the use cases the window and the CLI share,
the never-raising round, and headless background sync (``keep_syncing``, ``sync --watch``)."""

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from synckit import PASSWORD, Cloud, open_workspace

from localpro_desktop.cli import main as cli_main
from localpro_desktop.cli.commands import account as account_command
from localpro_desktop.cli.context import Context
from localpro_desktop.domain.errors import UserError
from localpro_desktop.services.account import (
    CloudAccount,
    Failure,
    NotSignedIn,
    RoundOutcome,
    ScheduleConfig,
    SyncStatus,
    Trigger,
    attempt,
    keep_syncing,
    load_rejected,
    read_local_state,
    sync_overview,
    waiting,
)
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_protocol.wire import RegisterRequest

UNREACHABLE = "http://127.0.0.1:9"
"""The discard port: nothing listens, the connection is refused at once."""


def email() -> str:
    return f"u-{uuid.uuid4().hex[:12]}@example.sn"


def add_prospect(ws: Workspace, name: str) -> str:
    service = ProspectService(ws)
    return service.add({"business_name": name, "city": "Dakar"}, allow_duplicate=True).id


@pytest.fixture
def ws(tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = open_workspace(tmp_path / "laptop")
    try:
        yield ws
    finally:
        ws.close()


def test_sign_up_sync_and_sign_out_through_one_account(cloud: Cloud, ws: Workspace) -> None:
    address = email()
    with CloudAccount(ws, cloud.url) as account:
        assert not account.signed_in()
        profile = account.register(RegisterRequest(email=address, password=PASSWORD))
        assert profile.email == address and profile.plan == "starter"
        assert account.signed_in() and read_local_state(ws).signed_in
        account.sync_once()  # the new workspace's settings
        add_prospect(ws, "Awa Couture")
        assert waiting(ws) == 2  # the prospect and its usage event
        report = account.sync_once()
        assert report.tables_up == {"prospects": 1, "usage_events": 1} and waiting(ws) == 0
        overview = sync_overview(ws)
        assert overview.server == cloud.url and overview.email == address
        assert overview.last_sync_at and overview.changes_waiting == 0
        account.sign_out()
        assert not account.signed_in()
        result = attempt(account.profile)
        assert result.failure is Failure.SIGNED_OUT and result.value is None
    assert not read_local_state(ws).signed_in
    assert read_local_state(ws).email == address  # offered again for the next sign-in


def test_a_round_never_raises_and_says_what_happened(cloud: Cloud, ws: Workspace) -> None:
    started: list[bool] = []
    with CloudAccount(ws, cloud.url) as account:
        outcome = account.run_round(Trigger.TIMER, lambda: started.append(True))
        assert outcome.failure is Failure.SIGNED_OUT and not started  # no network
        account.register(RegisterRequest(email=email(), password=PASSWORD))
        account.sync_once()  # the new workspace's settings
        skipped = account.run_round(Trigger.CHANGES, lambda: started.append(True))
        assert skipped.skipped and skipped.failure is None and not started
        add_prospect(ws, "Garage Fall")
        done = account.run_round(Trigger.CHANGES, lambda: started.append(True))
        assert done.failure is None and started == [True]
        assert done.report is not None and done.report.tables_up["prospects"] == 1
        assert done.local is not None and done.local.waiting == 0 and done.local.last_sync_at

    add_prospect(ws, "Tailleur Gueye")
    with CloudAccount(ws, UNREACHABLE) as account:
        down = account.run_round(Trigger.USER)
    assert down.failure is Failure.OFFLINE and down.report is None
    assert down.local is not None and down.local.waiting == 2
    assert down.local.last_error == down.message != ""


def test_refused_changes_are_listed_by_name_with_the_reason(cloud: Cloud, ws: Workspace) -> None:
    with CloudAccount(ws, cloud.url) as account:
        account.register(RegisterRequest(email=email(), password=PASSWORD))
        prospect_id = add_prospect(ws, "Awa Couture")
        with ws.write() as session:  # a value of the wrong type: the server refuses it
            session.execute(
                text("UPDATE prospects SET latitude = 'north' WHERE id = :id"), {"id": prospect_id}
            )
        assert account.sync_once().rejected == 1
    rows = load_rejected(ws)
    assert [(r.table, r.row_id, r.name) for r in rows] == [
        ("prospects", prospect_id, "Awa Couture")
    ]
    assert "'latitude'" in rows[0].reason
    assert read_local_state(ws).rejected == 1 and sync_overview(ws).rejected == rows


class FakeTime:
    """keep_syncing's clock and sleep: sleeping moves the clock, and may make an edit."""

    def __init__(self) -> None:
        self.now = 0.0
        self.naps: list[float] = []
        self.on_nap: list = []  # type: ignore[type-arg]

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.naps.append(seconds)
        self.now += seconds
        if self.on_nap:
            self.on_nap.pop(0)()


def test_keep_syncing_runs_the_apps_schedule_headless(cloud: Cloud, ws: Workspace) -> None:
    rounds: list[tuple[RoundOutcome, SyncStatus]] = []
    fake = FakeTime()
    with CloudAccount(ws, cloud.url) as account:
        account.register(RegisterRequest(email=email(), password=PASSWORD))
        add_prospect(ws, "Awa Couture")
        # Another process (the app) edits the workspace while the watcher sleeps.
        fake.on_nap.append(lambda: add_prospect(ws, "Pharmacie Sow"))
        keep_syncing(
            account,
            lambda outcome, status: rounds.append((outcome, status)),
            config=ScheduleConfig(debounce=5, interval=300),
            clock=fake.clock,
            sleep=fake.sleep,
            stop=lambda: len(rounds) >= 2,
        )
    first, second = (outcome for outcome, _status in rounds)
    assert first.trigger is Trigger.USER and first.report is not None
    assert first.report.tables_up["prospects"] == 1
    # The edit was noticed by the waiting count and sent after the debounce, not at once.
    assert second.trigger is Trigger.CHANGES and second.report is not None
    assert second.report.tables_up == {"prospects": 1, "usage_events": 1}
    assert 5 <= fake.now < 300 and max(fake.naps) <= 2.0
    assert rounds[-1][1].waiting == 0 and rounds[-1][1].online is True


def test_keep_syncing_signed_out_fails_at_once(ws: Workspace) -> None:
    with CloudAccount(ws, UNREACHABLE) as account, pytest.raises(NotSignedIn):
        keep_syncing(account, lambda *_: None, sleep=lambda _s: None)


def test_cli_sync_watch_prints_a_json_line_a_round(
    cloud: Cloud,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "cli"
    ws = open_workspace(root)
    try:
        with CloudAccount(ws, cloud.url) as account:
            account.register(RegisterRequest(email=email(), password=PASSWORD))
        add_prospect(ws, "Boulangerie Ndiaye")
    finally:
        ws.close()

    def interrupt(_seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(account_command, "_sleep", interrupt)
    code = cli_main.main(["--data-dir", str(root), "--json", "sync", "--watch"])
    out = capsys.readouterr().out
    assert code == 0, out
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 1
    assert lines[0]["trigger"] == "user" and lines[0]["ok"] is True
    assert lines[0]["up"]["prospects"] == 1 and lines[0]["pushed"] >= 1
    assert lines[0]["waiting"] == 0 and lines[0]["cursor"] > 0


def test_cli_sync_refuses_a_signed_out_workspace(tmp_path: Path) -> None:
    root = tmp_path / "cli"
    open_workspace(root).close()
    for extra in ([], ["--watch"]):
        with pytest.raises(UserError, match="Sign in first"):
            ctx = Context.from_args(
                cli_main.build_parser().parse_args(["--data-dir", str(root), "sync", *extra])
            )
            try:
                account_command.do_sync(ctx, ctx.args)
            finally:
                ctx.close()
