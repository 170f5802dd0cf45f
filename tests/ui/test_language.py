"""Choosing the language: on the welcome page, applied at once (the window is rebuilt in it),
a new workspace's first guess, and Qt's own dialogs in French (issue 16, items 6 and 9)."""

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.ui import i18n
from localpro_desktop.ui.i18n import install_language, suggested_language


@pytest.fixture
def english_afterwards(qapp: Any) -> Iterator[None]:
    """Tests share one application: give it back in English."""
    yield
    install_language("en")


@pytest.mark.parametrize(
    ("system", "country", "expected"),
    [
        ("fr_FR", "NG", "fr"),  # the system's language first
        ("en_US", "SN", "en"),
        ("C", "SN", "fr"),  # no usable system language: the workspace country's
        ("C", "NG", "en"),
        ("wo_SN", "NG", "fr"),  # Wolof on a Senegalese system: French
        ("ha_NG", "SN", "en"),  # Hausa on a Nigerian one: English
        ("pt_BR", "US", "en"),
    ],
)
def test_a_new_workspace_starts_in_the_likely_language(
    system: str, country: str, expected: str
) -> None:
    assert suggested_language(system, country) == expected


def test_the_file_dialog_is_french_even_where_qt_looks_in_the_wrong_folder(
    qapp: Any, english_afterwards: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The French import dialog said "Look in:" and "Files of type:" (Qt's French lacks
    its own labels); and a frozen bundle or a distribution's PySide6 can point Qt at a
    folder without ``qtbase_fr.qm`` at all."""
    empty = tmp_path / "no-translations"
    empty.mkdir()
    fake = SimpleNamespace(path=lambda _which: str(empty), LibraryPath=QLibraryInfo.LibraryPath)
    monkeypatch.setattr(i18n, "QLibraryInfo", fake)
    install_language("fr")
    nbsp = "\u00a0"  # French puts a no-break space before the colon
    assert QCoreApplication.translate("QFileDialog", "Look in:") == f"Voir dans{nbsp}:"
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == f"Fichiers de type{nbsp}:"
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    # Qt 6's own labels carry shortcuts its French lacks: ours has them.
    assert i18n.qt_strings_we_translate() == (f"&Voir dans{nbsp}:", f"&Fichiers de type{nbsp}:")
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {f"&Voir dans{nbsp}:", f"&Fichiers de type{nbsp}:"} <= texts
    assert not any("Look in" in text or "Files of" in text for text in texts)
    dialog.deleteLater()
    install_language("en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"


def test_picking_french_on_the_welcome_page_rebuilds_the_window_in_french(
    qtbot: Any, english_afterwards: None, tmp_path: Path
) -> None:
    from localpro_desktop.ui.app import WindowHost
    from localpro_desktop.ui.tabs import TabKey

    paths = WorkspacePaths(tmp_path / "dakar")
    ws = Workspace.open(paths, daily_backup=False)
    host = WindowHost(ws, paths)
    try:
        first = host.open("en")
        first.show()
        qtbot.waitUntil(lambda: first.stack.currentWidget() is first.welcome)
        assert first.welcome.demo_button.text() == "Explore with demo data"
        assert first.welcome.language.currentData() == "en"

        first.welcome.language.setFocus()
        qtbot.keyClick(first.welcome.language, Qt.Key.Key_Down)  # the user picks "Français"

        qtbot.waitUntil(lambda: host.window is not first, timeout=10_000)
        second = host.window
        assert second is not None and second.isVisible()
        qtbot.waitUntil(lambda: not shiboken6.isValid(first))  # closed and deleted
        qtbot.waitUntil(lambda: second.stack.currentWidget() is second.welcome)
        welcome = second.welcome
        assert welcome.demo_button.text() == "Explorer avec des données de démonstration"
        assert welcome.language.currentData() == "fr"
        assert second.tabs.tabText(list(second.lazy).index(TabKey.CAMPAIGNS)) == "Campagnes"
        assert second.menuBar().actions()[0].text() == "&Fichier"
        assert second.ctx.language == "fr" and ws.settings().language == "fr"

        # And back, from the tabs: the same tab stays shown.
        second.show_tab(TabKey.CRM)
        third = host.relaunch("en")
        assert third.current_key() == TabKey.CRM
        assert third.tabs.tabText(list(third.lazy).index(TabKey.CAMPAIGNS)) == "Campaigns"
    finally:
        if host.window is not None:
            host.window.close()
        ws.close()
