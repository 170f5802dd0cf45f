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
    window.edit_settings()
    assert shown == []  # the settings are read on the worker first
    qtbot.waitUntil(lambda: told != [], timeout=10_000)
    assert len(shown) == 2 and shown[0] is shown[1]  # the same form, shown again
    assert shown[0].error.text() != ""
    assert told == ["The new language applies the next time LocalPro starts."]
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
