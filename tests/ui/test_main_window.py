"""The window shell: tabs wired through the typed registry, settings and backups off the UI
thread, and the registry's names matching ``localpro screenshot --tab``."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from localpro_desktop.cli.commands import screenshot as screenshot_command
from localpro_desktop.ui import main_window
from localpro_desktop.ui.settings_dialog import SettingsDialog
from localpro_desktop.ui.tabs import TAB_SPECS, TABS, BuiltTab, TabKey, TabSpec


class FakeList(QWidget):
    """A list tab: it opens records, filters, and records what the window asks of it."""

    sig_open_record = Signal(str, str)
    sig_filter_changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, object]] = []


class FakeMap(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.filters: list[tuple[str, object]] = []

    def apply_filter(self, source: str, flt: object) -> None:
        self.filters.append((source, flt))


def fake_registry() -> tuple[dict[TabKey, TabSpec], dict[TabKey, QWidget]]:
    made: dict[TabKey, QWidget] = {}

    def list_tab(key: TabKey):  # type: ignore[no-untyped-def]
        def build(_ctx: object) -> BuiltTab:
            tab = FakeList()
            made[key] = tab
            return BuiltTab(
                tab,
                open_record=tab.sig_open_record,
                filter_changed=tab.sig_filter_changed,
                select_record=lambda ident: tab.calls.append(("select", ident)),
                start_import=lambda: tab.calls.append(("import", None)),
                add_prospect=lambda: tab.calls.append(("add", None)),
            )

        return build

    def map_tab(_ctx: object) -> BuiltTab:
        tab = FakeMap()
        made[TabKey.MAP] = tab
        return BuiltTab(tab, apply_filter=tab.apply_filter)

    specs = {
        TabKey.PROSPECTS: TabSpec(TabKey.PROSPECTS, lambda: "P", list_tab(TabKey.PROSPECTS)),
        TabKey.CRM: TabSpec(TabKey.CRM, lambda: "C", list_tab(TabKey.CRM)),
        TabKey.MAP: TabSpec(TabKey.MAP, lambda: "M", map_tab),
    }
    return specs, made


@pytest.fixture
def window(qtbot, ui_ctx, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    specs, made = fake_registry()
    monkeypatch.setattr(main_window, "TABS", specs)
    win = main_window.MainWindow(ui_ctx)
    win.made = made  # type: ignore[attr-defined]  # the fakes built, for the test to look at
    qtbot.addWidget(win)
    try:
        yield win
    finally:
        win.sync.stop()
        ui_ctx.runner.wait()


def test_the_registry_names_every_tab_once_as_the_cli_spells_them() -> None:
    assert [spec.key for spec in TAB_SPECS] == list(TabKey)
    assert list(TABS) == list(TabKey)
    assert tuple(key.value for key in TabKey) == screenshot_command.TABS


def test_tabs_are_built_when_first_shown_and_wired_by_the_registry(window) -> None:  # type: ignore[no-untyped-def]
    made = window.made
    assert made == {}  # nothing shown yet: nothing built
    window.show_tab("crm")
    assert set(made) == {TabKey.CRM}
    # "Open" in a list shows the record in its own tab, building it if needed.
    made[TabKey.CRM].sig_open_record.emit("prospect", "p1")
    assert window.tabs.currentWidget() is window.lazy[TabKey.PROSPECTS]
    assert made[TabKey.PROSPECTS].calls == [("select", "p1")]
    made[TabKey.PROSPECTS].sig_open_record.emit("contact", "c1")
    assert made[TabKey.CRM].calls == [("select", "c1")]
    # Filters reach the map only once it exists (it reads the filters when built).
    made[TabKey.CRM].sig_filter_changed.emit("before")
    window.show_tab("map")
    made[TabKey.CRM].sig_filter_changed.emit("rule")
    made[TabKey.PROSPECTS].sig_filter_changed.emit("search")
    assert made[TabKey.MAP].filters == [("crm", "rule"), ("prospects", "search")]
    # The welcome page's buttons go to the prospects tab's import and add.
    window._welcome_import()
    window._welcome_add()
    assert made[TabKey.PROSPECTS].calls[-2:] == [("import", None), ("add", None)]


def test_settings_are_read_and_saved_on_the_worker_and_refusals_keep_the_form(  # type: ignore[no-untyped-def]
    qtbot, window, ui_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[SettingsDialog] = []
    # First refused (a business needs a name), then corrected.
    answers = iter([{"name": "  "}, {"name": "Awa Couture", "language": "fr"}])

    def exec_(dialog: SettingsDialog) -> int:
        shown.append(dialog)
        answer = next(answers, None)
        if answer is None:
            return 0
        if "language" in answer:
            dialog.language.setCurrentIndex(dialog.language.findData(answer["language"]))
        dialog.name.setText(answer["name"])
        return 1

    told: list[str] = []
    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    with qtbot.waitSignal(window.sig_language_changed, timeout=10_000) as changed:
        window.edit_settings()
        assert shown == []  # the settings are read on the worker first
    assert changed.args == ["fr"]  # the window is rebuilt in French (ui/app.py WindowHost)
    assert len(shown) == 2 and shown[0] is shown[1]  # the same form, shown again
    assert shown[0].error.text() != ""
    assert told == []  # never "at next start"
    settings = ui_ctx.ws.settings()
    assert settings.name == "Awa Couture" and settings.language == "fr"


def test_back_up_now_writes_a_sound_copy(qtbot, window, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    window.backup_now()
    qtbot.waitUntil(lambda: "Backup written to" in window.statusBar().currentMessage())
    written = Path(window.statusBar().currentMessage().removeprefix("Backup written to "))
    assert written.parent == ui_ctx.paths.backups and written.exists()
    conn = sqlite3.connect(written)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM prospects").fetchone()[0] > 0
    finally:
        conn.close()


# -- the first window fits the screen (issue 16, item 3) ------------------------------------


def test_a_first_window_is_maximized_when_it_would_not_fit_with_its_frame() -> None:
    from PySide6.QtCore import QRect, QSize

    # A 1366x768 laptop less a 40 px taskbar: 1366x768 plus a title bar does not fit.
    assert main_window.first_placement(QRect(0, 0, 1366, 728)) is None
    assert main_window.first_placement(QRect(0, 0, 1366, 768)) is None
    big = QRect(0, 0, 1920, 1040)
    placed = main_window.first_placement(big)
    assert placed is not None and placed.size() == QSize(1366, 768) and big.contains(placed)
    assert placed.center() == big.center()


def _fits(window: Any) -> bool:
    from PySide6.QtCore import QPoint, QRect

    free = window.screen().availableGeometry()
    bar = window.statusBar()
    bar_rect = QRect(bar.mapToGlobal(QPoint(0, 0)), bar.size())
    return free.contains(window.frameGeometry()) and free.contains(bar_rect)


def test_the_first_window_and_its_status_bar_fit_the_free_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect

    window.place_on_screen(None)
    window.show()
    qtbot.waitExposed(window)
    # offscreen: an 800x800 screen, smaller than 1366x768 plus a frame
    qtbot.waitUntil(lambda: _fits(window))
    assert window.statusBar().isVisible()

    # A saved geometry that fits is restored; one from a bigger monitor is not.
    window.showNormal()
    window.setGeometry(QRect(40, 50, 600, 500))
    qtbot.waitUntil(lambda: window.geometry() == QRect(40, 50, 600, 500))
    small = window.saveGeometry()
    window.setGeometry(QRect(100, 100, 1800, 1000))
    qtbot.waitUntil(lambda: window.geometry().width() == 1800)
    too_big = window.saveGeometry()
    window.hide()
    window.place_on_screen(small)
    assert window.geometry() == QRect(40, 50, 600, 500)
    window.place_on_screen(too_big)
    window.show()
    qtbot.waitUntil(lambda: _fits(window))


# -- Ctrl+N (issue 16, item 8) -----------------------------------------------------------------


def test_ctrl_n_is_new_in_the_tab_shown(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    """The real tabs: Prospects adds a prospect, CRM a contact, Campaigns a new campaign."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    from localpro_desktop.ui.crm.dialogs import ContactDialog
    from localpro_desktop.ui.prospects.editor import ProspectDialog

    win = main_window.MainWindow(ui_ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)

    def press_ctrl_n(key: TabKey) -> None:
        win.show_tab(key)
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        qtbot.keyClick(win.tabs.currentWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    try:
        press_ctrl_n(TabKey.PROSPECTS)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ProspectDialog))
        QApplication.activeModalWidget().reject()
        press_ctrl_n(TabKey.CRM)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ContactDialog))
        QApplication.activeModalWidget().reject()
        campaigns = win.tab(TabKey.CAMPAIGNS)
        press_ctrl_n(TabKey.CAMPAIGNS)
        qtbot.waitUntil(lambda: campaigns.stack.currentWidget() is campaigns.composer)
        press_ctrl_n(TabKey.ANALYTICS)  # nothing to add there: nothing happens
        assert QApplication.activeModalWidget() is None
        assert win.new_action.shortcut() == QKeySequence("Ctrl+N")  # shown in the File menu
    finally:
        win.sync.stop()
        ui_ctx.runner.wait()
        win.close()


# -- the dispatcher and late scheduled campaigns (issue 10) --------------------------------


def test_the_windows_dispatcher_runs_while_it_is_open_and_stops_on_close(  # type: ignore[no-untyped-def]
    qtbot, window
) -> None:
    import threading

    window.dispatch.start(0)
    qtbot.waitUntil(lambda: window.dispatch.state.running, timeout=15_000)
    assert window.dispatch.running
    window.close()
    assert not window.dispatch.running
    alive = [
        t.name
        for t in threading.enumerate()
        if t.name.startswith(("localpro-dispatch", "dispatch-lease"))
    ]
    assert alive == []


def _late(ws: Any, name: str, days: int) -> str:
    """A campaign this laptop scheduled for ``days`` ago (the laptop was off since)."""
    from datetime import timedelta

    from sqlalchemy import select, update

    from localpro_desktop.domain.campaigns import Channel
    from localpro_desktop.domain.ids import utcnow
    from localpro_desktop.services.campaigns import CampaignService
    from localpro_desktop.store.models import Campaign, Contact

    with ws.read() as session:
        ids = list(
            session.scalars(
                select(Contact.id)
                .where(Contact.deleted_at.is_(None), Contact.email_normalized.is_not(None))
                .order_by(Contact.id)
                .limit(3)
            )
        )
    svc = CampaignService(ws)
    campaign = svc.create(name, Channel.EMAIL, "Bonjour {{first_name}}", subject=name)
    svc.set_recipients(campaign.id, ids)
    with ws.write() as session:
        session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id)
            .values(
                status="scheduled",
                scheduled_at=utcnow() - timedelta(days=days, minutes=5),
                sender_device_id=ws.device_id,
            )
        )
    return campaign.id


def _status(ws: Any, campaign_id: str) -> str:
    from localpro_desktop.services.campaigns import CampaignService

    return str(CampaignService(ws).get(campaign_id).status)


@pytest.mark.usefixtures("channels_set_up")
def test_campaigns_more_than_a_day_late_are_asked_about_at_start(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    tabaski = _late(ui_ctx.ws, "Tabaski offer", days=3)
    ramadan = _late(ui_ctx.ws, "Ramadan promo", days=2)
    waiting = _late(ui_ctx.ws, "Korité greetings", days=1)  # 1 day and 5 min: late too
    specs, _made = fake_registry()
    monkeypatch.setattr(main_window, "TABS", specs)
    win = main_window.MainWindow(ui_ctx)
    qtbot.addWidget(win)
    win.show()
    late = win.late

    def asking(campaign_id: str) -> bool:
        return late.prompt is not None and late.prompt.late.id == campaign_id

    # Oldest first; each asks in a window-modal box, without blocking the window.
    qtbot.waitUntil(lambda: asking(tabaski), timeout=15_000)
    prompt = late.prompt
    assert prompt is not None and prompt.isVisible()
    assert prompt.text() == "“Tabaski offer” was due 3 days ago."
    assert [b.text() for b in (prompt.send_button, prompt.draft_button, prompt.later_button)] == [
        "Send now",
        "Keep as draft",
        "Decide later",
    ]
    prompt.send_button.click()
    qtbot.waitUntil(lambda: asking(ramadan), timeout=15_000)
    assert late.prompt is not None and late.prompt.text() == "“Ramadan promo” was due 2 days ago."
    late.prompt.draft_button.click()
    qtbot.waitUntil(lambda: asking(waiting), timeout=15_000)
    assert late.prompt is not None and late.prompt.text() == "“Korité greetings” was due 1 day ago."
    late.prompt.later_button.click()
    qtbot.waitUntil(lambda: late.prompt is None, timeout=15_000)
    ui_ctx.runner.wait()
    assert _status(ui_ctx.ws, tabaski) == "sent"  # queued: the dispatcher sends it
    assert _status(ui_ctx.ws, ramadan) == "draft"
    assert _status(ui_ctx.ws, waiting) == "scheduled"  # asked again at the next start
    win.sync.stop()
