"""The composer's message: subject, body, personal-field buttons, template errors, SMS count.

Everything here is pure (template checks, the SMS counter): it follows every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.sms import SmsLength, sms_length
from localpro_desktop.domain.templates import PLACEHOLDERS, check_template
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.i18n import error_text
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR

_QUICK_FIELDS = ("first_name", "company", "city")


class MessageEditor(QWidget):
    """The body with its field buttons above and its error and SMS count below.

    ``subject_edit`` belongs to it too (the composer shows it on a row of its own) so a
    field button can insert into whichever of the two has the cursor.
    """

    sig_changed = Signal()
    """The subject or the body changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = Channel.WHATSAPP
        self.templated = False
        self._free_text = ""
        """The user's own text while a WhatsApp template stands in for it."""
        self.subject_edit = QLineEdit()
        self.subject_edit.setMaxLength(300)
        self.subject_edit.setPlaceholderText(self.tr("e.g. News for {{company}}"))
        self.subject_edit.textChanged.connect(self.sig_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._build_placeholder_bar())
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(
            self.tr("Hello {{first_name}}, …  Use the buttons above to add personal fields.")
        )
        self.body_edit.setMinimumHeight(110)
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.textChanged.connect(self.sig_changed)
        layout.addWidget(self.body_edit, 1)
        under = QHBoxLayout()
        self.template_error = QLabel()
        self.template_error.setWordWrap(True)
        self.template_error.setTextFormat(Qt.TextFormat.PlainText)
        self.template_error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.template_error.hide()
        under.addWidget(self.template_error, 1)
        self.sms_counter = QLabel()
        self.sms_counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        under.addWidget(self.sms_counter)
        layout.addLayout(under)

    def _build_placeholder_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(4)
        insert = QLabel(self.tr("Insert:"))
        insert.setStyleSheet(f"color: {MUTED_COLOR};")
        bar.addWidget(insert)
        names = self.field_names()
        self.placeholder_buttons: dict[str, QPushButton] = {}
        for name in _QUICK_FIELDS:
            button = QPushButton(names[name])
            button.setToolTip(
                self.tr("Insert {token} at the cursor").format(token="{{" + name + "}}")
            )
            # Keep the focus (and the cursor) in the text being edited.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, n=name: self.insert_placeholder(n))
            self.placeholder_buttons[name] = button
            bar.addWidget(button)
        self.more_fields = QPushButton(self.tr("More fields"))
        self.more_fields.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self.more_fields)
        for name in PLACEHOLDERS:
            action = menu.addAction(f"{names.get(name, name)}   {{{{{name}}}}}")
            action.triggered.connect(lambda _checked=False, n=name: self.insert_placeholder(n))
        self.more_fields.setMenu(menu)
        bar.addWidget(self.more_fields)
        bar.addStretch(1)
        self.tool_row = bar
        """The row above the text; the composer puts "Improve with AI" at its end."""
        return bar

    def field_names(self) -> dict[str, str]:
        """What each placeholder means, in the user's language."""
        return {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "full_name": self.tr("Full name"),
            "company": self.tr("Company"),
            "business_name": self.tr("Business name"),
            "city": self.tr("City"),
            "sector": self.tr("Sector"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
        }

    # -- content ------------------------------------------------------------------------

    def set_channel(self, channel: Channel) -> None:
        self.channel = channel
        self.sms_counter.setVisible(channel is Channel.SMS)

    def subject(self) -> str:
        """The subject when it counts (e-mail), else empty."""
        return self.subject_edit.text() if self.channel is Channel.EMAIL else ""

    def body(self) -> str:
        return self.body_edit.toPlainText()

    def clear(self) -> None:
        self.use_template(None)
        self.subject_edit.clear()
        self.body_edit.clear()

    def use_template(self, text: str | None) -> None:
        """Show a WhatsApp template's text (read-only, its variables as fields), or go
        back to the user's own text (``None``)."""
        if text is None:
            if self.templated:
                self.templated = False
                self.body_edit.setReadOnly(False)
                self.body_edit.setPlainText(self._free_text)
            self._set_field_buttons(True)
            return
        if not self.templated:
            self._free_text = self.body_edit.toPlainText()
            self.templated = True
            self.body_edit.setReadOnly(True)
        self._set_field_buttons(False)
        if text and text != self.body_edit.toPlainText():
            self.body_edit.setPlainText(text)

    def _set_field_buttons(self, enabled: bool) -> None:
        tip = "" if enabled else self.tr("The template's text is fixed; choose its fields above.")
        for button in (*self.placeholder_buttons.values(), self.more_fields):
            button.setEnabled(enabled)
        self.body_edit.setToolTip(tip)

    def insert_placeholder(self, name: str) -> None:
        """Insert ``{{name}}`` at the cursor of the subject (if it has focus) or the body."""
        token = "{{" + name + "}}"
        if self.subject_edit.hasFocus() and self.channel is Channel.EMAIL:
            self.subject_edit.insert(token)
            return
        cursor = self.body_edit.textCursor()
        cursor.insertText(token)
        self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()

    # -- checks -------------------------------------------------------------------------

    def check(self) -> str:
        """The template error of the subject or the body, or ""."""
        try:
            check_template(self.body())
            if subject := self.subject():
                check_template(subject)
        except UserError as exc:
            return error_text(exc)
        return ""

    def show_error(self, error: str) -> None:
        self.template_error.setText(error)
        self.template_error.setVisible(bool(error))
        self.body_edit.setStyleSheet(
            f"QPlainTextEdit {{ border: 1px solid {ERROR_COLOR}; }}" if error else ""
        )

    def show_sms_count(self, text: str) -> None:
        """Count ``text``: the message as the person in the preview receives it."""
        length = sms_length(text)
        self.sms_counter.setText(self.sms_counter_text(length))
        unicode = length.encoding != "GSM-7"
        color = ERROR_COLOR if length.segments > 3 else ("#b26a00" if unicode else MUTED_COLOR)
        self.sms_counter.setStyleSheet(f"color: {color};")
        self.sms_counter.setToolTip(
            self.tr(
                "Counted on the message as the person in the preview receives it. "
                "An emoji or a letter outside the basic SMS alphabet switches the whole "
                "message to Unicode: 70 characters per SMS instead of 160."
            )
        )

    def sms_counter_text(self, length: SmsLength) -> str:
        encoding = self.tr("Unicode") if length.encoding != "GSM-7" else self.tr("GSM-7")
        capacity = max(length.segments, 1) * length.per_segment
        return self.tr("{segments} SMS · {units}/{capacity} characters · {encoding}").format(
            segments=fmt.number(length.segments),
            units=fmt.number(length.units),
            capacity=fmt.number(capacity),
            encoding=encoding,
        )
