"""The "Ask in words" field the CRM and the Prospects search share: a line and a button.

It only collects the sentence and shows that an answer is awaited; the screen that owns it
sends the words to the assistant (off the UI thread) and shows what came back as filters
before anything is applied.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from localpro_desktop.ui.widgets import clear_on_escape


class AskField(QWidget):
    """ "Ask in words…" and its button; Enter or the button emits the sentence."""

    sig_asked = Signal(str)
    """The user asked: the words as typed (trimmed)."""

    def __init__(
        self, example: str, parent: QWidget | None = None, *, vertical: bool = False
    ) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Ask in words…"))
        self.edit.setClearButtonEnabled(True)
        if not vertical:
            self.edit.setMinimumWidth(170)
        self.edit.setMaxLength(300)
        self.edit.setToolTip(
            self.tr(
                "Say which ones you want, e.g. “{example}”: the assistant turns it into "
                "filters, shown to you before anything is applied."
            ).format(example=example)
        )
        clear_on_escape(self.edit)
        self.button = QPushButton(self.tr("Ask"))
        self.button.setToolTip(self.edit.toolTip())
        # Vertical in a narrow column (the CRM's segments sidebar): the line, then the button.
        layout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(
            self.button, 0, Qt.AlignmentFlag.AlignRight if vertical else Qt.AlignmentFlag(0)
        )
        self.edit.returnPressed.connect(self.ask)
        self.button.clicked.connect(self.ask)
        self._busy = False

    def words(self) -> str:
        return self.edit.text().strip()

    def ask(self) -> None:
        """Emit the words (nothing while an answer is awaited, or when nothing is typed)."""
        if self._busy or not self.words():
            return
        self.sig_asked.emit(self.words())

    def is_busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        """While the assistant thinks, the words stay (read-only) and the button says so."""
        self._busy = busy
        self.edit.setReadOnly(busy)
        self.button.setEnabled(not busy)
        self.button.setText(self.tr("Asking…") if busy else self.tr("Ask"))
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
        if not busy:
            self.edit.setCursorPosition(0)  # the start of the question, when it is long
