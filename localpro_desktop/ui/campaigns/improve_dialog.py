"""Improve with AI, the choice: the original and the assistant's versions side by side.

Every version shown has passed the service's checks (placeholders kept, SMS parts and
GSM-7 respected, WhatsApp variables intact, a subject for e-mail); the ones refused are
counted on one line with why, so the user knows the assistant proposed more. "Use this
version" hands the text (and subject) back to the composer, where it is an ordinary,
undoable edit; Discard keeps the user's own message. Nothing here touches the database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.campaigns import Channel
from localpro_desktop.domain.sms import sms_length
from localpro_desktop.services.assistant.improve import ImproveResult, Variant
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.i18n import translate_message
from localpro_desktop.ui.style import MUTED_COLOR
from localpro_desktop.ui.widgets import WARN_COLOR

COLUMN_WIDTH = 300


class ImproveDialog(QDialog):
    """The original and each version in a column; a "Use this version" button under each."""

    sig_chosen = Signal(str, str)
    """A version was chosen: its text and its subject ("" outside e-mail)."""

    def __init__(
        self,
        result: ImproveResult,
        *,
        locked: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``locked``: why the message cannot be replaced (a WhatsApp template), or ""."""
        super().__init__(parent)
        self.improved = result
        self.chosen: Variant | None = None
        self.setWindowTitle(self.tr("Improve with AI"))
        self.setModal(True)
        self.use_buttons: list[QPushButton] = []
        self.version_texts: list[QPlainTextEdit] = []
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.intro = QLabel(self._intro_text())
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        row = QWidget()
        columns = QHBoxLayout(row)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(10)
        columns.addWidget(self._column(self.tr("Your message"), None, locked))
        for number, variant in enumerate(result.variants, start=1):
            title = self.tr("Version {number}").format(number=number)
            columns.addWidget(self._column(title, variant, locked))
        columns.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(row)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 1)

        self.refused = _line(self.refused_text(), WARN_COLOR)
        layout.addWidget(self.refused)
        notes = " ".join(translate_message(note) for note in result.notes)
        self.notes = _line(notes, MUTED_COLOR)
        layout.addWidget(self.notes)

        bottom = QHBoxLayout()
        used = self.tr("{model} · {tokens} tokens").format(
            model=result.model or "?", tokens=fmt.number(result.usage.total)
        )
        self.usage = _line(used, MUTED_COLOR)
        bottom.addWidget(self.usage, 1)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Keep your message as it is"))
        self.discard_button.clicked.connect(self.reject)
        bottom.addWidget(self.discard_button)
        layout.addLayout(bottom)
        width = COLUMN_WIDTH * (len(result.variants) + 1) + 10 * len(result.variants) + 40
        self.resize(min(width, 1300), 440)

    def _intro_text(self) -> str:
        count = len(self.improved.variants)
        if count == 0:
            return self.tr(
                "None of the assistant's versions kept your message's rules; your message "
                "stays as it is."
            )
        if count == 1:
            return self.tr("The assistant wrote a version of your message. Use it, or keep yours.")
        return self.tr(
            "The assistant wrote {count} versions of your message. Use one, or keep yours."
        ).format(count=count)

    def refused_text(self) -> str:
        """One line: how many versions were refused before being shown, and why."""
        rejected = self.improved.rejected
        if not rejected:
            return ""
        reasons = " ".join(dict.fromkeys(translate_message(r.reason) for r in rejected))
        if len(rejected) == 1:
            return self.tr("1 version was refused: {reasons}").format(reasons=reasons)
        return self.tr("{count} versions were refused: {reasons}").format(
            count=len(rejected), reasons=reasons
        )

    # -- a column -----------------------------------------------------------------------

    def _column(self, title: str, variant: Variant | None, locked: str) -> QFrame:
        result = self.improved
        frame = QFrame()
        frame.setObjectName("improveColumn")
        original = variant is None
        border = "#9aa5b1" if original else "#c7cdd4"
        frame.setStyleSheet(
            f"#improveColumn {{ border: 1px solid {border}; border-radius: 6px;"
            f" background: {'#f4f6f8' if original else 'white'}; }}"
        )
        frame.setFixedWidth(COLUMN_WIDTH)
        box = QVBoxLayout(frame)
        box.setSpacing(6)
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: 600;")
        box.addWidget(heading)
        if result.channel is Channel.EMAIL:
            subject = result.original_subject if variant is None else variant.subject
            line = _line(self.tr("Subject: {subject}").format(subject=subject), "")
            line.setStyleSheet("font-weight: 600;")
            box.addWidget(line)
        text = QPlainTextEdit(result.original_text if variant is None else variant.text)
        text.setReadOnly(True)
        text.setMinimumHeight(150)
        box.addWidget(text, 1)
        if result.channel is Channel.SMS:
            box.addWidget(_line(self._sms_text(variant), MUTED_COLOR))
        if variant is not None:
            if variant.why:
                why = _line(self.tr("Why: {why}").format(why=variant.why), MUTED_COLOR)
                why.setStyleSheet(f"color: {MUTED_COLOR}; font-style: italic;")
                box.addWidget(why)
            button = QPushButton(self.tr("Use this version"))
            button.setEnabled(not locked)
            button.setToolTip(locked or self.tr("Replace the composer's message with this one"))
            index = len(self.use_buttons)
            button.clicked.connect(lambda _checked=False, i=index: self.use(i))
            self.use_buttons.append(button)
            self.version_texts.append(text)
            box.addWidget(button)
        else:
            box.addWidget(_line(self.tr("As it is now in the composer"), MUTED_COLOR))
        return frame

    def _sms_text(self, variant: Variant | None) -> str:
        if variant is None:
            length = sms_length(self.improved.original_text)
            parts, gsm7 = length.segments, length.encoding == "GSM-7"
        else:
            parts, gsm7 = variant.parts, variant.gsm7
        encoding = self.tr("GSM-7") if gsm7 else self.tr("Unicode (70 characters per SMS)")
        if parts == 1:
            return self.tr("1 SMS · {encoding}").format(encoding=encoding)
        return self.tr("{parts} SMS · {encoding}").format(
            parts=fmt.number(parts), encoding=encoding
        )

    # -- choosing -----------------------------------------------------------------------

    def use(self, index: int) -> None:
        """Hand version ``index`` (0-based) to the composer and close."""
        variant = self.improved.variants[index]
        self.chosen = variant
        subject = variant.subject if self.improved.channel is Channel.EMAIL else ""
        self.sig_chosen.emit(variant.text, subject)
        self.accept()


def _line(text: str, color: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if color:
        label.setStyleSheet(f"color: {color};")
    label.setVisible(bool(text))
    return label
