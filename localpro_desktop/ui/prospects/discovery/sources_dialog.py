"""Where discovery searches go: the servers, the user's Google key, extra OpenStreetMap tags.

- The public Overpass server asks apps not to lean on it, so each server's address can be
  changed (a company mirror); an environment variable, when set, wins, and the dialog says
  so instead of offering a setting that would do nothing.
- The Google key goes to the OS keyring through the service and is never shown back:
  the dialog only says whether one is saved.
- Tags added to a sector ("shop=kiosk" for grocery) apply at once, each in its own task.
Everything is read and written off the UI thread (the keyring can be slow to answer).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.messages import discovery as msg
from localpro_desktop.services.discovery import DiscoveryService, SectorRow
from localpro_desktop.services.discovery import settings as discovery_settings
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.widgets import MessageBar, Tone


@dataclass(frozen=True)
class _Loaded:
    endpoints: list[discovery_settings.EndpointView]
    has_key: bool
    sectors: list[SectorRow]


class SourcesDialog(QDialog):
    sig_saved = Signal()
    """Settings changed (the form reloads its sectors' tags)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = DiscoveryService(ctx.ws)
        self.loaded: _Loaded | None = None
        self.urls: dict[str, QLineEdit] = {}
        self.notes: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Discovery sources"))
        self.resize(720, 620)
        self.message = MessageBar()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self._servers_box())
        layout.addWidget(self._google_box())
        layout.addWidget(self._tags_box(), 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reload()

    # -- construction -----------------------------------------------------------------

    def _servers_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Servers"))
        form = QFormLayout(box)
        for name in discovery_settings.ENDPOINTS:
            edit = QLineEdit()
            note = QLabel()
            note.setStyleSheet(f"color: {MUTED_COLOR};")
            note.setWordWrap(True)
            note.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(note)
            form.addRow(translate_message(msg.ENDPOINT[name]()), column)
            self.urls[name], self.notes[name] = edit, note
        hint = QLabel(self.tr("Leave a field empty to use the public server."))
        hint.setStyleSheet(f"color: {MUTED_COLOR};")
        form.addRow(hint)
        return box

    def _google_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Google Places API key"))
        self.key_state = QLabel()
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("Paste a new key to save it"))
        self.forget_button = QPushButton(self.tr("Forget the key"))
        self.forget_button.clicked.connect(self.forget_key)
        explain = QLabel(
            self.tr(
                "Your own key, from a Google Cloud project with the Places API (New) "
                "enabled. It is kept in this computer's keyring, never in the workspace file."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(f"color: {MUTED_COLOR};")
        row = QHBoxLayout()
        row.addWidget(self.key, 1)
        row.addWidget(self.forget_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.key_state)
        layout.addLayout(row)
        layout.addWidget(explain)
        return box

    def _tags_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Extra OpenStreetMap tags"))
        self.tag_sector = QComboBox()
        self.built_in = QLabel()
        self.built_in.setWordWrap(True)
        self.built_in.setStyleSheet(f"color: {MUTED_COLOR};")
        self.tags = QListWidget()
        self.new_tag = QLineEdit()
        self.new_tag.setPlaceholderText("shop=kiosk")
        self.add_tag_button = QPushButton(self.tr("Add tag"))
        self.remove_tag_button = QPushButton(self.tr("Remove"))
        self.add_tag_button.clicked.connect(self.add_tag)
        self.new_tag.returnPressed.connect(self.add_tag)
        self.remove_tag_button.clicked.connect(self.remove_tag)
        self.tag_sector.currentIndexChanged.connect(lambda _i: self._show_tags())
        sector_row = QHBoxLayout()
        sector_row.addWidget(QLabel(self.tr("Sector")))
        sector_row.addWidget(self.tag_sector, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_tag, 1)
        add_row.addWidget(self.add_tag_button)
        add_row.addWidget(self.remove_tag_button)
        layout = QVBoxLayout(box)
        layout.addLayout(sector_row)
        layout.addWidget(self.built_in)
        layout.addWidget(self.tags, 1)
        layout.addLayout(add_row)
        return box

    # -- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        ws, service = self.ctx.ws, self.service

        def load() -> _Loaded:
            return _Loaded(
                discovery_settings.endpoints(ws),
                discovery_settings.has_google_key(ws),
                service.sectors(),
            )

        run_for(self, self.ctx.runner, load, on_done=self._show, on_error=self._error)

    def _show(self, loaded: _Loaded) -> None:
        first = self.loaded is None
        self.loaded = loaded
        if first:
            for view in loaded.endpoints:
                self._show_endpoint(view)
        self.key_state.setText(
            self.tr("A key is saved on this computer.")
            if loaded.has_key
            else self.tr("No key saved: Google Places searches need one.")
        )
        self.forget_button.setEnabled(loaded.has_key)
        chosen = self.tag_sector.currentData()
        self.tag_sector.blockSignals(True)
        self.tag_sector.clear()
        for row in loaded.sectors:
            self.tag_sector.addItem(row.label(self.ctx.language), row.key)
        self.tag_sector.setCurrentIndex(max(self.tag_sector.findData(chosen), 0))
        self.tag_sector.blockSignals(False)
        self._show_tags()

    def _show_endpoint(self, view: discovery_settings.EndpointView) -> None:
        edit, note = self.urls[view.name], self.notes[view.name]
        default = discovery_settings.ENDPOINTS[view.name].default
        edit.setPlaceholderText(default)
        if view.from_environment:
            edit.setText(view.url)
            edit.setEnabled(False)
            note.setText(
                self.tr(
                    "Set by the environment variable {name}; the setting applies when it is unset."
                ).format(name=discovery_settings.ENDPOINTS[view.name].env)
            )
            note.show()
        else:
            edit.setText(view.configured)

    def _show_tags(self) -> None:
        key = self.tag_sector.currentData()
        row = next((r for r in (self.loaded.sectors if self.loaded else []) if r.key == key), None)
        self.tags.clear()
        if row is None:
            return
        built_in = [t for t in row.osm_tags if t not in row.added_tags]
        self.built_in.setText(
            self.tr("Built in: {tags}").format(tags=", ".join(built_in))
            if built_in
            else self.tr("No built-in tag: add one so OpenStreetMap can be searched.")
        )
        self.tags.addItems(list(row.added_tags))
        self.remove_tag_button.setEnabled(bool(row.added_tags))

    # -- tags (applied at once) -------------------------------------------------------

    def add_tag(self) -> None:
        sector, tag = str(self.tag_sector.currentData() or ""), self.new_tag.text().strip()
        if not sector or not tag:
            return
        ws = self.ctx.ws
        run_for(
            self,
            self.ctx.runner,
            lambda: discovery_settings.add_tag(ws, sector, tag),
            on_done=lambda _none: self._tags_changed(clear=True),
            on_error=self._error,
        )

    def remove_tag(self) -> None:
        item = self.tags.currentItem() or self.tags.item(0)
        sector = str(self.tag_sector.currentData() or "")
        if item is None or not sector:
            return
        ws, tag = self.ctx.ws, item.text()
        run_for(
            self,
            self.ctx.runner,
            lambda: discovery_settings.remove_tag(ws, sector, tag),
            on_done=lambda _none: self._tags_changed(clear=False),
            on_error=self._error,
        )

    def _tags_changed(self, *, clear: bool) -> None:
        if clear:
            self.new_tag.clear()
        self.message.dismiss()
        self.sig_saved.emit()
        self.reload()

    # -- saving -----------------------------------------------------------------------

    def forget_key(self) -> None:
        ws = self.ctx.ws
        run_for(
            self,
            self.ctx.runner,
            lambda: discovery_settings.forget_google_key(ws),
            database=False,
            on_done=lambda _none: self.reload(),
            on_error=self._error,
        )

    def save(self) -> None:
        ws, key = self.ctx.ws, self.key.text().strip()
        urls = {name: edit.text().strip() for name, edit in self.urls.items() if edit.isEnabled()}
        before = {v.name: v.configured for v in (self.loaded.endpoints if self.loaded else [])}

        def save() -> None:
            for name, url in urls.items():
                if url != before.get(name, ""):
                    discovery_settings.set_endpoint(ws, name, url)
            if key:
                discovery_settings.save_google_key(ws, key)

        self.buttons.setEnabled(False)
        run_for(self, self.ctx.runner, save, on_done=self._saved, on_error=self._error)

    def _saved(self, _none: object) -> None:
        self.key.clear()
        self.sig_saved.emit()
        self.accept()

    def _error(self, message: str, _is_bug: bool) -> None:
        self.buttons.setEnabled(True)
        self.message.show_message(message, Tone.ERROR)
