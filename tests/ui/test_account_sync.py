"""Account screen, background sync and the status bar, against a real cloud server.

The server is the real FastAPI app under uvicorn on 127.0.0.1 (SQLite), so sign-up,
sign-in, pushes, pulls and an unreachable server behave as in production. The refresh
token goes to a file keyring under the test's tmp_path, never the user's keyring.
"""

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import keyring
import pytest
import uvicorn
from keyring.backend import KeyringBackend
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from sqlalchemy import create_engine, select, text

from localpro_cloud.app import create_app
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.prospects import ProspectService
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store import local_state
from localpro_desktop.store.local_state import StateKey
from localpro_desktop.store.models import Prospect
from localpro_desktop.sync import secrets, state
from localpro_desktop.sync.client import SyncClient
from localpro_desktop.ui.account.cloud import ensure_worker_thread
from localpro_desktop.ui.account.scheduler import SyncScheduler, SyncStatus, Trigger
from localpro_desktop.ui.app import build_context
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.sync_status import SyncStatusWidget, describe, waiting_phrase
from localpro_protocol.wire import RegisterRequest

SECRET = "ui-tests-only-secret-" + "s" * 40
PASSWORD = "correct horse battery"
SLOW = 30_000  # ms: argon2 hashing and a first push are quick, CI machines are not


# -- a real server that can be stopped and restarted on the same port ------------------


class LiveServer:
    """The cloud app under uvicorn in a thread; ``stop``/``start`` keep URL and data."""

    def __init__(self, database: Path) -> None:
        self.database_url = f"sqlite:///{database.as_posix()}"
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None

    def start(self) -> None:
        app = create_app(self.database_url, secret=SECRET)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        self._server, self._thread, self._sock = server, thread, sock
        deadline = time.monotonic() + 20
        while True:
            try:
                if server.started and httpx.get(f"{self.url}/health", timeout=2).is_success:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.should_exit = True
        assert self._thread is not None and self._sock is not None
        self._thread.join(timeout=15)
        self._sock.close()
        self._server = None

    def accounts(self) -> list[str]:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as conn:
                return [row[0] for row in conn.execute(text("SELECT email FROM accounts"))]
        finally:
            engine.dispose()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path / "cloud.sqlite")
    live.start()
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture(autouse=True)
def file_keyring(tmp_path: Path) -> Iterator[KeyringBackend]:
    """Sign-ins land in a throwaway file, never in the keyring of whoever runs the tests."""
    previous = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


# -- the app side ------------------------------------------------------------------------


class GuardedClient(SyncClient):
    """The real client, recording where each network call ran (the UI thread is banned)."""

    threads: list[bool]
    delay = 0.0
    rounds = 0
    inside: threading.Event | None = None
    """Set when a round is inside sync_once (for the UI-thread test)."""
    release: threading.Event | None = None
    """If set up, sync_once waits for the UI thread to set it: proof the UI still runs."""

    def _on_gui_thread(self) -> None:
        on_gui = threading.current_thread() is threading.main_thread()
        GuardedClient.threads.append(on_gui)
        assert not on_gui, "network I/O on the UI thread"

    def sync_once(self):  # type: ignore[no-untyped-def]
        self._on_gui_thread()
        GuardedClient.rounds += 1
        if GuardedClient.inside is not None and GuardedClient.release is not None:
            GuardedClient.inside.set()
            # Were this round on the UI thread, nothing could set the event: it would time out.
            assert GuardedClient.release.wait(10), "the UI thread was blocked by the round"
        if GuardedClient.delay:
            time.sleep(GuardedClient.delay)  # a slow link
        return super().sync_once()

    def login(self, email: str, password: str):  # type: ignore[no-untyped-def]
        self._on_gui_thread()
        return super().login(email, password)

    def profile(self):  # type: ignore[no-untyped-def]
        self._on_gui_thread()
        return super().profile()

    def logout(self) -> None:
        self._on_gui_thread()
        super().logout()


@pytest.fixture(autouse=True)
def guarded() -> Iterator[type[GuardedClient]]:
    GuardedClient.threads = []
    GuardedClient.delay = 0.0
    GuardedClient.rounds = 0
    GuardedClient.inside = GuardedClient.release = None
    yield GuardedClient
    assert not any(GuardedClient.threads), "a cloud call ran on the UI thread"


def open_ctx(root: Path) -> UiContext:
    paths = WorkspacePaths(root)
    ws = Workspace.open(paths, daily_backup=False)
    return build_context(ws, paths, "en")


@pytest.fixture
def ctx(qapp, tmp_path: Path) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    ctx = open_ctx(tmp_path / "laptop")
    try:
        yield ctx
    finally:
        ctx.runner.wait(30_000)
        ctx.bridge.close()
        ctx.ws.close()


@pytest.fixture
def scheduler(ctx: UiContext) -> Iterator[SyncScheduler]:
    sched = SyncScheduler(
        ctx,
        debounce_ms=300,
        interval_ms=10 * 60 * 1000,
        start_delay_ms=60 * 60 * 1000,  # tests start rounds themselves
        backoff_base=0.3,
        backoff_cap=1.0,
        client_factory=GuardedClient,
    )
    sched.start()
    try:
        yield sched
    finally:
        sched.stop()


def register(ws: Workspace, server: LiveServer, email: str = "awa@example.sn") -> str:
    """Sign ``ws`` up directly (test setup, not what is under test)."""
    with SyncClient(ws, server.url) as client:
        client.register(RegisterRequest(email=email, password=PASSWORD, country="SN"))
    return email


def second_device(tmp_path: Path, server: LiveServer, email: str) -> Workspace:
    """Another computer on the same account, fully synced: what the cloud holds."""
    ws = Workspace.open(WorkspacePaths(tmp_path / "office"), daily_backup=False)
    with SyncClient(ws, server.url) as client:
        client.login(email, PASSWORD)
        client.sync_once()
    return ws


def prospect_names(ws: Workspace) -> set[str]:
    with ws.read() as session:
        return set(session.scalars(select(Prospect.business_name)))


def add_prospect(ws: Workspace, name: str) -> str:
    return (
        ProspectService(ws).add({"business_name": name, "city": "Dakar"}, allow_duplicate=True).id
    )


def waiting(ws: Workspace) -> int:
    with ws.read() as session:
        return state.pending_changes(session)


def loaded(scheduler: SyncScheduler, qtbot, signed_in: bool) -> None:  # type: ignore[no-untyped-def]
    scheduler.refresh()
    qtbot.waitUntil(
        lambda: scheduler.status.loaded and scheduler.status.signed_in is signed_in,
        timeout=SLOW,
    )


# -- sign up / sign in / sign out through the account screen -----------------------------


def test_sign_up_through_the_dialog_creates_the_account_and_signs_in(  # type: ignore[no-untyped-def]
    qtbot, ctx, scheduler, server
) -> None:
    from localpro_desktop.ui.account.dialog import AccountDialog

    status = SyncStatusWidget(ctx, scheduler)
    qtbot.addWidget(status)
    status.show()
    dialog = AccountDialog(ctx, scheduler)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.signed_out_page)
    qtbot.waitUntil(lambda: status.label.text().endswith("Not signed in"))
    assert not status.sync_button.isVisible() and status.account_button.text() == "Sign in…"

    dialog.advanced_toggle.click()
    assert dialog.server_edit.isVisible()
    dialog.server_edit.clear()
    qtbot.keyClicks(dialog.server_edit, server.url)
    dialog.modes.setCurrentIndex(1)
    qtbot.keyClicks(dialog.signup_email, "Fatou@Example.SN")
    qtbot.keyClicks(dialog.signup_password, PASSWORD)
    qtbot.keyClicks(dialog.signup_repeat, PASSWORD)
    qtbot.keyClicks(dialog.signup_name, "Fatou Diop")
    qtbot.keyClicks(dialog.signup_business, "Diop Couture")
    dialog.signup_country.setCurrentIndex(dialog.signup_country.findData("CI"))
    qtbot.mouseClick(dialog.signup_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.signed_out_page.isEnabled()

    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.signed_in_page, timeout=SLOW)
    assert server.accounts() == ["fatou@example.sn"]
    assert dialog.signed_in_page.who.text() == "fatou@example.sn"
    assert dialog.signed_in_page.who_detail.text() == "Fatou Diop · Diop Couture"
    assert dialog.signed_in_page.plan_label.text() == "Starter plan"
    assert set(dialog.signed_in_page.usage_rows) == {"prospects", "messages"}
    assert dialog.signup_password.text() == "" and dialog.signup_repeat.text() == ""
    # The sign-in is kept in the keyring, the server in the workspace.
    assert secrets.load_refresh_token(ctx.ws.device_id)
    with ctx.ws.read() as session:
        assert local_state.get(session, StateKey.SERVER) == server.url
    # Signing in starts a round at once; the status bar then says all is synced.
    qtbot.waitUntil(
        lambda: scheduler.status.signed_in and scheduler.status.last_sync_at is not None,
        timeout=SLOW,
    )
    qtbot.waitUntil(lambda: "Synced just now" in status.label.text(), timeout=SLOW)
    assert status.sync_button.isVisible() and status.account_button.text() == "Account…"
    assert dialog.signed_in_page.last_sync_label.text() == "Synced just now"
    assert dialog.signed_in_page.waiting_label.text() == "Nothing: all sent"


@pytest.mark.parametrize(
    ("password", "repeat", "email", "error"),
    [
        ("short", "short", "a@b.sn", "Choose a password of at least 10 characters."),
        (PASSWORD, PASSWORD + "!", "a@b.sn", "The two passwords differ."),
        (PASSWORD, PASSWORD, "not-an-address", "Enter a valid e-mail address."),
    ],
)
def test_sign_up_checks_the_form_before_calling_the_cloud(  # type: ignore[no-untyped-def]
    qtbot, ctx, scheduler, server, password: str, repeat: str, email: str, error: str
) -> None:
    from localpro_desktop.ui.account.dialog import AccountDialog

    dialog = AccountDialog(ctx, scheduler)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.signed_out_page)
    dialog.server_edit.setText(server.url)
    dialog.modes.setCurrentIndex(1)
    qtbot.keyClicks(dialog.signup_email, email)
    qtbot.keyClicks(dialog.signup_password, password)
    qtbot.keyClicks(dialog.signup_repeat, repeat)
    qtbot.mouseClick(dialog.signup_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == error and dialog.message.isVisible()
    assert not dialog.busy
    ctx.runner.wait()
    assert server.accounts() == []


def test_sign_in_errors_are_shown_inline(qtbot, ctx, scheduler, server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.account.dialog import AccountDialog

    other = Workspace.open(WorkspacePaths(tmp_path / "other"), daily_backup=False)
    email = register(other, server)
    other.close()
    dialog = AccountDialog(ctx, scheduler)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.signed_out_page)
    dialog.server_edit.setText(server.url)
    qtbot.keyClicks(dialog.login_email, email)
    qtbot.keyClicks(dialog.login_password, "not the password")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=SLOW)
    assert dialog.message.text() == "Wrong e-mail or password."
    assert dialog.pages.currentWidget() is dialog.signed_out_page

    # Plain http to a remote host would send the password in clear: refused before sending.
    dialog.server_edit.setText("http://cloud.example.com")
    dialog.login_button.click()
    assert not dialog.busy and dialog.message.text().startswith("The server address must")

    server.stop()
    dialog.server_edit.setText(server.url)
    dialog.login_password.setText(PASSWORD)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=SLOW)
    assert dialog.message.text().startswith("The LocalPro cloud cannot be reached.")
    assert secrets.load_refresh_token(ctx.ws.device_id) is None


def test_sign_out_forgets_the_keyring_entry_and_the_session(  # type: ignore[no-untyped-def]
    qtbot, ctx, scheduler, server, file_keyring
) -> None:
    from localpro_desktop.ui.account.dialog import AccountDialog

    register(ctx.ws, server)
    token = file_keyring.get_password(secrets.SERVICE, f"refresh-token:{ctx.ws.device_id}")
    assert token
    loaded(scheduler, qtbot, signed_in=True)
    status = SyncStatusWidget(ctx, scheduler)
    qtbot.addWidget(status)
    status.show()
    dialog = AccountDialog(ctx, scheduler)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.signed_in_page.plan_label.text() == "Starter plan", timeout=SLOW)
    assert dialog.pages.currentWidget() is dialog.signed_in_page

    qtbot.mouseClick(dialog.signed_in_page.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.signed_out_page, timeout=SLOW)
    assert file_keyring.get_password(secrets.SERVICE, f"refresh-token:{ctx.ws.device_id}") is None
    qtbot.waitUntil(lambda: not scheduler.status.signed_in, timeout=SLOW)
    qtbot.waitUntil(lambda: status.label.text().endswith("Not signed in"))
    assert not status.sync_button.isVisible()
    # The server revoked the session too: the old refresh token is worthless.
    answer = httpx.post(f"{server.url}/v1/auth/refresh", json={"refresh_token": token})
    assert answer.status_code == 401
    # The e-mail is offered again for the next sign-in.
    assert dialog.login_email.text() == "awa@example.sn"


def test_offline_the_screen_stays_usable_and_signing_out_still_forgets(  # type: ignore[no-untyped-def]
    qtbot, ctx, scheduler, server
) -> None:
    from localpro_desktop.ui.account.dialog import AccountDialog

    register(ctx.ws, server)
    loaded(scheduler, qtbot, signed_in=True)
    server.stop()
    dialog = AccountDialog(ctx, scheduler)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.signed_in_page)
    qtbot.waitUntil(
        lambda: (
            dialog.signed_in_page.plan_note.text()
            == "Your plan and usage appear here when the cloud can be reached."
        ),
        timeout=SLOW,
    )
    page = dialog.signed_in_page
    assert page.logout_button.isEnabled() and page.sync_button.isEnabled()
    page.logout_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.signed_out_page, timeout=SLOW)
    assert secrets.load_refresh_token(ctx.ws.device_id) is None
    assert dialog.message.text() == "Signed out. Your data stays on this computer."


# -- background sync -----------------------------------------------------------------------


def test_local_changes_sync_in_the_background_after_a_pause(  # type: ignore[no-untyped-def]
    qtbot, ctx, scheduler, server, tmp_path
) -> None:
    email = register(ctx.ws, server)
    loaded(scheduler, qtbot, signed_in=True)
    rounds: list[object] = []
    scheduler.sig_round_done.connect(rounds.append)
    before = GuardedClient.rounds

    # A burst of edits (someone typing in three prospects) makes one round, not three.
    for name in ("Awa Couture", "Boulangerie Ndiaye", "Garage Fall"):
        add_prospect(ctx.ws, name)
        qtbot.wait(50)
    assert not scheduler.running and GuardedClient.rounds == before
    qtbot.waitUntil(lambda: scheduler.status.waiting > 0)
    qtbot.waitUntil(lambda: any(not r.skipped for r in rounds), timeout=SLOW)  # type: ignore[attr-defined]
    done = next(r for r in rounds if not r.skipped)  # type: ignore[attr-defined]
    assert done.trigger is Trigger.CHANGES and done.failure is None
    assert done.report.tables_up["prospects"] == 3
    assert GuardedClient.rounds == before + 1
    qtbot.waitUntil(lambda: scheduler.status.waiting == 0 and not scheduler.status.syncing)
    assert waiting(ctx.ws) == 0

    office = second_device(tmp_path, server, email)
    try:
        assert {"Awa Couture", "Boulangerie Ndiaye", "Garage Fall"} <= prospect_names(office)
        # Changes pulled from the cloud are not pushed back: the change-triggered round
        # they cause finds nothing to send and stays off the network.
        add_prospect(office, "Pharmacie Sow")
        with SyncClient(office) as client:
            client.sync_once()
    finally:
        office.close()
    rounds.clear()
    scheduler.sync_now()
    qtbot.waitUntil(lambda: "Pharmacie Sow" in prospect_names(ctx.ws), timeout=SLOW)
    qtbot.waitUntil(lambda: any(r.trigger is Trigger.CHANGES for r in rounds), timeout=SLOW)  # type: ignore[attr-defined]
    echo = next(r for r in rounds if r.trigger is Trigger.CHANGES)  # type: ignore[attr-defined]
    assert echo.skipped
    assert GuardedClient.rounds == before + 2


def test_sync_now_while_the_server_is_down_shows_offline_then_recovers(  # type: ignore[no-untyped-def]
    qtbot, ctx, scheduler, server, tmp_path
) -> None:
    email = register(ctx.ws, server)
    loaded(scheduler, qtbot, signed_in=True)
    status = SyncStatusWidget(ctx, scheduler)
    qtbot.addWidget(status)
    status.show()
    server.stop()
    add_prospect(ctx.ws, "Quincaillerie Ba")
    expected = waiting(ctx.ws)
    assert expected >= 1

    qtbot.mouseClick(status.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: scheduler.status.online is False, timeout=SLOW)
    text = status.label.text()
    assert "Offline" in text and waiting_phrase(expected) in text
    assert scheduler.status.retry_at is not None
    assert "cannot reach" in scheduler.status.last_error
    with ctx.ws.read() as session:
        assert "cannot reach" in local_state.get(session, StateKey.LAST_ERROR)

    server.start()
    # No click: the backoff retry finds the server again and sends what waited.
    qtbot.waitUntil(lambda: scheduler.status.online is True, timeout=SLOW)
    qtbot.waitUntil(lambda: scheduler.status.waiting == 0, timeout=SLOW)
    assert "Synced just now" in status.label.text()
    assert scheduler.status.last_error == "" and scheduler.status.retry_at is None
    office = second_device(tmp_path, server, email)
    try:
        assert "Quincaillerie Ba" in prospect_names(office)
    finally:
        office.close()


def test_backoff_holds_change_rounds_but_not_the_user(  # type: ignore[no-untyped-def]
    qtbot, ctx, server
) -> None:
    register(ctx.ws, server)
    server.stop()
    sched = SyncScheduler(
        ctx,
        debounce_ms=50,
        start_delay_ms=60 * 60 * 1000,
        backoff_base=60.0,  # long: nothing automatic may happen during the test
        client_factory=GuardedClient,
    )
    sched.start()
    try:
        loaded(sched, qtbot, signed_in=True)
        rounds: list[object] = []
        sched.sig_round_done.connect(rounds.append)
        sched.sync_now()
        qtbot.waitUntil(lambda: len(rounds) == 1, timeout=SLOW)
        assert sched.status.online is False
        retry_at = sched.status.retry_at
        assert retry_at is not None and retry_at > datetime.now(UTC) + timedelta(seconds=50)
        add_prospect(ctx.ws, "Tailleur Gueye")
        qtbot.wait(400)  # well past the debounce: the change waits for the retry
        assert len(rounds) == 1 and not sched.running
        sched.sync_now()  # the user may always try
        qtbot.waitUntil(lambda: len(rounds) == 2, timeout=SLOW)
        assert GuardedClient.rounds == 2
    finally:
        sched.stop()


def test_a_slow_round_never_blocks_the_ui_thread(qtbot, ctx, scheduler, server) -> None:  # type: ignore[no-untyped-def]
    register(ctx.ws, server)
    loaded(scheduler, qtbot, signed_in=True)
    for i in range(20):
        add_prospect(ctx.ws, f"Boutique {i}")
    # The round blocks inside sync_once until the UI thread, running its event loop, lets
    # it go (deterministic, unlike timing a heartbeat on a loaded machine).
    inside, release = threading.Event(), threading.Event()
    GuardedClient.inside, GuardedClient.release = inside, release
    beats_during_round: list[float] = []

    def beat() -> None:
        if inside.is_set() and not release.is_set():
            beats_during_round.append(time.monotonic())
            if len(beats_during_round) >= 5:
                release.set()

    heart = QTimer()
    heart.timeout.connect(beat)
    heart.start(10)
    states: list[SyncStatus] = []
    scheduler.sig_state.connect(states.append)
    with qtbot.waitSignal(scheduler.sig_round_done, timeout=SLOW) as done:
        scheduler.sync_now()
    heart.stop()
    assert done.args[0].failure is None, done.args[0].message
    assert len(beats_during_round) == 5 and release.is_set()
    assert any(s.syncing for s in states), "the status never said Syncing…"
    assert done.args[0].report.tables_up["prospects"] == 20
    assert GuardedClient.threads and not any(GuardedClient.threads)


def test_another_trigger_during_a_round_runs_one_more_round_after_it(  # type: ignore[no-untyped-def]
    qtbot, ctx, scheduler, server
) -> None:
    register(ctx.ws, server)
    loaded(scheduler, qtbot, signed_in=True)
    GuardedClient.delay = 0.5
    rounds: list[object] = []
    scheduler.sig_round_done.connect(rounds.append)
    scheduler.sync_now()
    qtbot.waitUntil(lambda: scheduler.status.syncing, timeout=SLOW)
    scheduler.sync_now()
    scheduler.sync_now()
    qtbot.waitUntil(lambda: len(rounds) == 2, timeout=SLOW)
    qtbot.wait(200)
    assert len(rounds) == 2 and GuardedClient.rounds == 2


def test_cloud_work_refuses_the_ui_thread(qapp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError, match="worker thread"):
        ensure_worker_thread()


# -- rejected changes and the window -------------------------------------------------------


def test_rejected_changes_are_counted_and_listed_with_reasons(  # type: ignore[no-untyped-def]
    qtbot, qapp, tmp_path, server
) -> None:
    from localpro_desktop.ui.account.dialog import AccountDialog
    from localpro_desktop.ui.account.rejected import RejectedDialog
    from localpro_desktop.ui.main_window import MainWindow

    ctx = open_ctx(tmp_path / "laptop")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        register(ctx.ws, server)
        prospect_id = add_prospect(ctx.ws, "Awa Couture")
        # A value of the wrong type (SQLite lets it in) is refused by the server.
        with ctx.ws.write() as session:
            session.execute(
                text("UPDATE prospects SET latitude = 'north' WHERE id = :id"), {"id": prospect_id}
            )
        window.sync.sync_now()
        qtbot.waitUntil(lambda: window.sync.status.rejected == 1, timeout=SLOW)
        button = window.sync_status.rejected_button
        assert button.isVisibleTo(window) and button.text() == "1 change rejected"

        button.click()
        dialogs = window.findChildren(RejectedDialog)
        assert len(dialogs) == 1
        dialog = dialogs[0]
        qtbot.waitUntil(lambda: dialog.loaded)
        assert dialog.model.rowCount() == 1
        assert dialog.model.index(0, 0).data() == "Prospect · Awa Couture"
        assert "'latitude'" in dialog.model.index(0, 1).data()
        dialog.close()

        account = next(a for a in window.findChildren(QAction) if a.text() == "&Account…")
        account.trigger()
        accounts = window.findChildren(AccountDialog)
        assert len(accounts) == 1 and accounts[0].isVisible()
        page = accounts[0].signed_in_page
        qtbot.waitUntil(lambda: page.rejected_button.text() == "1 change rejected")
    finally:
        window.close()
        ctx.ws.close()


def test_the_window_shows_not_signed_in_without_touching_the_network(  # type: ignore[no-untyped-def]
    qtbot, qapp, tmp_path
) -> None:
    from localpro_desktop.ui.main_window import MainWindow

    ctx = open_ctx(tmp_path / "laptop")
    window = MainWindow(ctx)
    window.sync.account.client_factory = GuardedClient
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.sync.status.loaded)
        assert window.sync_status.label.text() == "○ Not signed in"
        assert window.sync_status.account_button.text() == "Sign in…"
        assert not window.status.connection.isVisible()
        window.sync._request(Trigger.START)
        window.sync.sync_now()  # signed out: settles the state, no network
        ctx.runner.wait()
        assert GuardedClient.rounds == 0
    finally:
        window.close()
        ctx.ws.close()


# -- what the status says ------------------------------------------------------------------


def test_status_texts(qapp) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    base = SyncStatus(loaded=True, signed_in=True, online=True, email="a@b.sn", server="s")
    assert describe(SyncStatus())[0] == ""
    assert describe(SyncStatus(loaded=True))[0] == "Not signed in"
    assert describe(base, now)[0] == "Not synced yet"
    synced = replace(base, last_sync_at=now - timedelta(minutes=2))
    assert describe(synced, now)[0] == "Synced 2 min ago"
    assert describe(synced, now + timedelta(hours=3))[0] == "Synced 3 hours ago"
    assert describe(replace(base, last_sync_at=now), now)[0] == "Synced just now"
    assert describe(replace(base, syncing=True, waiting=3), now)[0] == "Syncing…"
    assert describe(replace(base, waiting=14), now)[0] == "14 changes waiting"
    offline = replace(base, online=False, waiting=1, retry_at=now + timedelta(seconds=40))
    text, _color, tip = describe(offline, now)
    assert text == "Offline · 1 change waiting" and "Next try in 40 s." in tip
    refused = replace(base, last_error="Update LocalPro to keep syncing.")
    assert describe(refused, now)[0] == "Sync problem"
    # Yesterday's "cannot reach" is not shown as a problem before this session's first round.
    stale = replace(base, online=None, last_error="cannot reach", last_sync_at=now)
    assert describe(stale, now)[0] == "Synced just now"
