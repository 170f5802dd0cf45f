"""The app's dispatcher thread against real parts (SQLite workspace, aiosmtpd server).

It sends what is queued with the channels set up, holds the workspace's dispatch lease
while it does (and waits while ``localpro dispatch`` holds it), wakes up when a campaign is
queued, says "Sending 3 of 10…" in the status bar, and stops cleanly: no thread is left.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable

import pytest

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.services import dispatch as dispatcher
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.dispatch_worker import DispatchWorker
from localpro_desktop.ui.status_bar import AppStatusBar
from tests.ui.outbox_kit import (
    Mailbox,
    email_campaign,
    email_channel,
    file_keyring,
    mailbox,
    start_worker,
)

__all__ = ["email_channel", "file_keyring", "mailbox", "start_worker"]  # fixtures used here

Worker = Callable[..., DispatchWorker]
THREADS = ("localpro-dispatch", "dispatch-lease")


def our_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name in THREADS and t.is_alive()]


def test_the_worker_sends_what_is_queued_and_stops_without_leaving_a_thread(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, email_channel: Mailbox
) -> None:
    _campaign_id, addresses = email_campaign(ui_ctx.ws, 5)
    worker = DispatchWorker(ui_ctx, idle_seconds=0.2)
    states: list[object] = []
    worker.sig_state.connect(states.append)
    worker.start()
    try:
        qtbot.waitUntil(lambda: len(email_channel.received) == 5, timeout=30_000)
        qtbot.waitUntil(lambda: worker.state.leased, timeout=5_000)
        assert worker.state.channels == frozenset({Channel.EMAIL})
        holder = dispatcher.lease_holder(ui_ctx.ws)
        assert holder is not None and "LocalPro app" in holder.owner
    finally:
        assert worker.stop(30.0)
    assert email_channel.count_by_recipient() == Counter(dict.fromkeys(addresses, 1))
    assert not worker.running
    assert our_threads() == []
    assert dispatcher.lease_holder(ui_ctx.ws) is None  # given back for `localpro dispatch`
    qtbot.waitUntil(lambda: bool(states) and not states[-1].running)  # type: ignore[attr-defined]
    worker.deleteLater()


def test_a_campaign_queued_while_idle_wakes_the_worker(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, email_channel: Mailbox, start_worker: Worker
) -> None:
    worker = start_worker(idle_seconds=120.0)  # without a wake-up it would wait 2 minutes
    qtbot.waitUntil(lambda: worker.state.leased and bool(worker.state.channels), timeout=15_000)
    qtbot.wait(300)  # its first round found nothing: it sleeps
    _campaign_id, addresses = email_campaign(ui_ctx.ws, 3)
    qtbot.waitUntil(lambda: len(email_channel.received) == 3, timeout=20_000)
    assert email_channel.count_by_recipient() == Counter(dict.fromkeys(addresses, 1))


def test_while_another_dispatcher_holds_the_lease_the_app_only_waits(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, email_channel: Mailbox, start_worker: Worker
) -> None:
    email_campaign(ui_ctx.ws, 3)
    with dispatcher.lease(ui_ctx.ws, "localpro dispatch (pid 4242)") as held:
        assert held
        worker = start_worker(busy_seconds=0.2)
        qtbot.waitUntil(lambda: worker.state.running, timeout=15_000)
        qtbot.wait(800)
        assert not worker.state.leased
        assert email_channel.received == []
    qtbot.waitUntil(lambda: len(email_channel.received) == 3, timeout=20_000)
    assert worker.state.leased


def test_the_status_bar_says_how_many_are_sent_while_the_worker_sends(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, email_channel: Mailbox, start_worker: Worker
) -> None:
    email_channel.data_delay = 0.3  # about 3 s for 10 messages: the count is seen moving
    bar = AppStatusBar(ui_ctx)
    qtbot.addWidget(bar)
    email_campaign(ui_ctx.ws, 10)
    bar.attach_dispatch(start_worker())
    shown = re.compile(r"Sending (\d+) of 10…")
    qtbot.waitUntil(lambda: bool(shown.fullmatch(bar.sending.text())), timeout=20_000)
    assert not bar.sending.isHidden()
    match = shown.fullmatch(bar.sending.text())
    assert match is not None and int(match.group(1)) < 10
    qtbot.waitUntil(lambda: len(email_channel.received) == 10, timeout=30_000)
    qtbot.waitUntil(bar.sending.isHidden, timeout=15_000)


@pytest.mark.usefixtures("file_keyring")
def test_without_a_channel_set_up_the_worker_waits_and_sends_nothing(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, start_worker: Worker
) -> None:
    worker = start_worker()
    qtbot.waitUntil(lambda: worker.state.leased, timeout=15_000)
    assert worker.state.channels == frozenset()
    assert worker.state.error == ""
