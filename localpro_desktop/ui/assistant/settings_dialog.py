"""The assistant's settings: API key, model, server (base URL) and a monthly token cap.

The key goes to the OS keyring and is never shown back: the dialog only says a key is
saved, and offers to forget it. A local OpenAI-compatible server (Ollama, llama.cpp)
needs no key and works with no internet; the form says how. ``OPENAI_API_KEY``,
``OPENAI_BASE_URL`` and ``LOCALPRO_AI_MODEL`` win over these settings: their fields are
disabled with a note. Reading and saving happen on the database worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.services.assistant import settings, usage
from localpro_desktop.services.assistant.settings import AiSettingsView
from localpro_desktop.services.assistant.usage import AiUsage
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import guarded

OLLAMA_URL = "http://localhost:11434/v1"


@dataclass(frozen=True, slots=True)
class AssistantSettings:
    view: AiSettingsView
    usage: AiUsage


def load_settings(ctx: UiContext) -> AssistantSettings:
    return AssistantSettings(settings.view(ctx.ws), usage.month_usage(ctx.ws))


def usage_text(used: AiUsage) -> str:
    """ "12,345 tokens this month · cap 100,000" (or "no cap")."""
    text = QCoreApplication.translate("AssistantSettingsDialog", "{n} tokens this month")
    text = text.format(n=fmt.number(used.total))
    if used.cap is not None:
        cap = QCoreApplication.translate("AssistantSettingsDialog", "cap {cap}")
        return text + " · " + cap.format(cap=fmt.number(used.cap))
    return text + " · " + QCoreApplication.translate("AssistantSettingsDialog", "no cap")


class AssistantSettingsDialog(QDialog):
    sig_saved = Signal()
    """The settings were saved (the tab reads them again)."""
    sig_loaded = Signal()
    """The current settings are shown."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: AiSettingsView | None = None
        self.setWindowTitle(self.tr("Assistant settings"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = self._note(
            self.tr(
                "The assistant uses OpenAI (gpt-4o-mini by default) with your own API key, or "
                "any OpenAI-compatible server. A server on this laptop, such as Ollama, needs "
                "no key and works with no internet."
            )
        )
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.key_status = QLabel()
        self.key_status.setWordWrap(True)
        self.forget_button = QPushButton(self.tr("Forget the key"))
        self.forget_button.clicked.connect(self.forget_key)
        status_row = QHBoxLayout()
        status_row.addWidget(self.key_status, 1)
        status_row.addWidget(self.forget_button)
        form.addRow(self.tr("API key"), status_row)
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("Paste a new key (sk-…) to save it"))
        form.addRow("", self.key_edit)
        self.model_edit = QLineEdit()
        self.model_edit.setPlaceholderText(settings.DEFAULT_MODEL)
        self.model_note = self._note("")
        form.addRow(self.tr("Model"), self.model_edit)
        form.addRow("", self.model_note)
        self.base_url_edit = QLineEdit()
        self.base_url_edit.setPlaceholderText(self.tr("Empty: OpenAI itself"))
        self.base_url_note = self._note("")
        form.addRow(self.tr("Server (base URL)"), self.base_url_edit)
        form.addRow("", self.base_url_note)
        self.cap_edit = QLineEdit()
        self.cap_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.cap_edit.setPlaceholderText(self.tr("Empty: no cap"))
        form.addRow(self.tr("Monthly token cap"), self.cap_edit)
        self.usage_label = QLabel()
        form.addRow(self.tr("This month"), self.usage_label)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setEnabled(False)
        self.reload()

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {MUTED_COLOR};")
        return label

    # == loading ========================================================================

    def reload(self) -> None:
        ctx = self.ctx
        ctx.runner.run(
            lambda: load_settings(ctx),
            on_done=guarded(self, self._loaded),
            on_error=guarded(self, self._failed),
        )

    @Slot(object)
    def _loaded(self, loaded: AssistantSettings) -> None:
        view = self.current = loaded.view
        if view.key_from_env:
            self.key_status.setText(self.tr("OPENAI_API_KEY is set: that variable's key is used."))
        elif view.has_key:
            self.key_status.setText(self.tr("A key is saved in this computer's keyring."))
        else:
            self.key_status.setText(self.tr("No key saved."))
        self.forget_button.setVisible(view.has_key and not view.key_from_env)
        self.key_edit.setEnabled(not view.key_from_env)
        self.model_edit.setText(view.model if view.model_from_env else view.configured_model)
        self.model_edit.setEnabled(not view.model_from_env)
        self.model_note.setText(
            self.tr("Set by LOCALPRO_AI_MODEL, which wins over this setting.")
            if view.model_from_env
            else self.tr("gpt-4o-mini by default; with a local server, one it has (e.g. llama3.2).")
        )
        self.base_url_edit.setText(
            view.base_url if view.base_url_from_env else view.configured_base_url
        )
        self.base_url_edit.setEnabled(not view.base_url_from_env)
        self.base_url_note.setText(
            self.tr("Set by OPENAI_BASE_URL, which wins over this setting.")
            if view.base_url_from_env
            else self.tr(
                "No internet? Install Ollama, run `ollama pull llama3.2`, then use "
                "{url} with the model llama3.2 (no key needed)."
            ).format(url=OLLAMA_URL)
        )
        self.cap_edit.setText(str(view.cap) if view.cap is not None else "")
        self.usage_label.setText(usage_text(loaded.usage))
        self.save_button.setEnabled(True)
        self.sig_loaded.emit()

    @Slot(str, bool)
    def _failed(self, message: str, _is_bug: bool) -> None:
        self.error.setText(message)
        self.error.show()
        self.save_button.setEnabled(True)

    # == saving =========================================================================

    @Slot()
    def forget_key(self) -> None:
        ws = self.ctx.ws
        self.forget_button.setEnabled(False)

        def forget() -> AssistantSettings:
            settings.forget_key(ws)
            return load_settings(self.ctx)

        self.ctx.runner.run(
            forget,
            on_done=guarded(self, self._forgotten),
            on_error=guarded(self, self._failed),
        )

    def _forgotten(self, loaded: AssistantSettings) -> None:
        self.forget_button.setEnabled(True)
        self._loaded(loaded)
        self.sig_saved.emit()

    def cap(self) -> int | None:
        text = self.cap_edit.text().strip()
        return int(text) if text.isdigit() else None

    @Slot()
    def save(self) -> None:
        view = self.current
        if view is None:
            return
        ws = self.ctx.ws
        key = "" if view.key_from_env else self.key_edit.text().strip()
        model = None if view.model_from_env else self.model_edit.text().strip()
        base_url = None if view.base_url_from_env else self.base_url_edit.text().strip()
        cap = self.cap()

        def write() -> None:
            if key:
                settings.save_key(ws, key)
            if model is not None:
                settings.set_model(ws, model or settings.DEFAULT_MODEL)
            if base_url is not None:
                settings.set_base_url(ws, base_url)
            settings.set_cap(ws, cap)

        self.save_button.setEnabled(False)
        self.error.hide()
        self.ctx.runner.run(
            write, on_done=guarded(self, self._saved), on_error=guarded(self, self._failed)
        )

    def _saved(self, _result: object) -> None:
        self.key_edit.clear()
        self.save_button.setEnabled(True)
        self.sig_saved.emit()
        self.accept()
