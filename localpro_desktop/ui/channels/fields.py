"""What the channel forms build and check their fields with.

``form.py`` imports both, and the forms (``email_form``, ``sms_form``, ``whatsapp_form``)
take them from there with ``ChannelForm``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from localpro_desktop.ui.style import MUTED_COLOR


class FormProblem(Exception):
    """A field the user must fix before saving: the words, and the field to focus."""

    def __init__(self, text: str, widget: QWidget | None = None) -> None:
        super().__init__(text)
        self.text = text
        self.widget = widget


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {MUTED_COLOR};")
    return label
