"""Ask in words, in the Prospects search: a sentence becomes the filter bar's fields.

"restaurants à Dakar pas encore clients" goes to the assistant off the UI thread
(``services.assistant.words``); the filter it returns, checked whole by the service, is
*shown* in the filter bar (sector, city, text, source, converted) with its description on
the message line, and the list follows as it does for any filter the user picks. A
refused answer (invalid output, no key, no credit…) is said on the message line and
changes nothing. Conditions no field shows (country, has a phone, on the map) appear as a
chip beside the field, which removes them when clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from localpro_desktop.services.assistant.words import FilterResult, prospect_filter_from_words
from localpro_desktop.ui.ask_field import AskField
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.prospects.background import run_for
from localpro_desktop.ui.prospects.filters import ProspectFilterBar
from localpro_desktop.ui.widgets import MessageBar, Tone


class ProspectAskWords(QWidget):
    """The "Ask in words…" field at the end of the Prospects filter bar."""

    sig_answered = Signal(object)
    """The assistant's filter was shown in the bar (a ``FilterResult``)."""
    sig_failed = Signal(str)
    """The assistant's answer was refused or could not be had: the message shown."""

    def __init__(
        self,
        ctx: UiContext,
        bar: ProspectFilterBar,
        message: MessageBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bar = bar
        self.message = message
        self.field = AskField(self.tr("restaurants in Dakar not yet contacts"))
        self.extras_chip = QToolButton()
        self.extras_chip.setToolTip(self.tr("Asked in words; click to remove these conditions"))
        self.extras_chip.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.extras_chip)
        layout.addWidget(self.field, 1)
        # It takes the room the actions row has left: wide at 1366 pixels, narrow on a
        # 1024-pixel screen in French, never pushing the window wider than the screen.
        self.field.edit.setMinimumWidth(60)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.field.sig_asked.connect(self.ask)
        self.extras_chip.clicked.connect(self._drop_extras)
        bar.sig_changed.connect(self._show_extras)

    def is_busy(self) -> bool:
        return self.field.is_busy()

    def ask(self, words: str) -> None:
        """Send the words to the assistant; the bar changes only when a filter comes back."""
        if self.field.is_busy():
            return
        self.field.set_busy(True)
        ws = self.ctx.ws
        run_for(
            self,
            self.ctx.runner,
            lambda: prospect_filter_from_words(ws, words),
            on_done=self._answered,
            on_error=self._failed,
            database=False,  # a slow AI server must not hold up the database queue
        )

    def _answered(self, result: FilterResult) -> None:
        self.field.set_busy(False)
        self.bar.show_filter(result.filter)
        self.bar.sig_changed.emit()
        self.message.show_message(
            self.tr("Asked in words: {description}").format(
                description=translate_message(result.description)
            ),
            Tone.INFO,
            action=self.tr("Clear the filters"),
            on_action=self._clear,
            timeout_ms=0,
        )
        self.sig_answered.emit(result)

    def _failed(self, text: str, _is_bug: bool) -> None:
        self.field.set_busy(False)
        self.message.show_message(text, Tone.ERROR)
        self.sig_failed.emit(text)

    def _clear(self) -> None:
        self.bar.clear()
        self.bar.sig_changed.emit()

    # -- conditions no field shows --------------------------------------------------------

    def extras_text(self) -> str:
        """The bar's extra conditions in words ("has a phone · on the map"), or ""."""
        extra = self.bar.extra
        parts: list[str] = []
        if country := extra.get("country"):
            parts.append(self.tr("Country: {code}").format(code=country))
        if (phone := extra.get("has_phone")) is not None:
            parts.append(self.tr("has a phone") if phone else self.tr("no phone"))
        if (mapped := extra.get("has_coordinates")) is not None:
            parts.append(self.tr("on the map") if mapped else self.tr("not on the map"))
        return " · ".join(parts)

    def _show_extras(self) -> None:
        text = self.extras_text()
        self.extras_chip.setText(f"{text}  ✕")
        self.extras_chip.setVisible(bool(text))

    def _drop_extras(self) -> None:
        self.bar.extra = {}
        self.bar.sig_changed.emit()
